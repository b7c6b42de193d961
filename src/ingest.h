/* ingest.h: reading input (files, directories, stdin) into documents.
 *
 * The public entry is dyad_read_path (include/dyad.h); ingest_read_path
 * is the same with explicit limits, for tests.  See ingest.c for every
 * input form accepted and every warning given.
 */
#ifndef DYAD_INGEST_H
#define DYAD_INGEST_H
#include "dyad.h"
#include <stddef.h>

/* Default hard limit on one article: a larger .txt file or JSONL line is
 * skipped with a warning, without being held in memory.  The pipeline
 * needs about 15 bytes of memory per byte of article (the offset map,
 * tokens, readings, mentions), so this bounds one article near 1 GB; a
 * news article is a few kB. */
#define INGEST_MAX_ARTICLE ((size_t)64 << 20)
/* Bytes examined to tell a binary file from a text file. */
#define INGEST_SNIFF 8192
/* How long a FIFO named on the command line may go without a writer
 * before it is skipped (its open never waits). */
#define INGEST_FIFO_WAIT_MS 2000
/* Directories nested deeper than this below the path are skipped. */
#define INGEST_MAX_DEPTH 64

typedef struct ingest_opts {
  size_t max_article;  /* bytes; 0 means INGEST_MAX_ARTICLE */
  dyad_warn_fn warn;   /* NULL: warnings go to the context's callback;
                          else here instead (parallel.c orders them) */
  void *warn_user;
} ingest_opts;

/* dyad_read_path with options (opts may be NULL for the defaults).
 * Same returns and ownership as dyad_read_path. */
int ingest_read_path(const dyad_ctx *ctx, const char *path, const ingest_opts *opts,
                     dyad_doc_fn fn, void *user, dyad_input_stats *stats /* in-out */,
                     dyad_err *err /* out */);

/* 1 if s[0, n) looks binary: in its first INGEST_SNIFF bytes, two NULs
 * in a row, more than 4 NULs, or over 30% NUL, control or invalid UTF-8
 * bytes (counted over at least 32 bytes).  truncated says the data goes
 * on after n (a UTF-8 sequence cut at the end is then not counted). */
int ingest_is_binary(const char *s, size_t n, int truncated);

#endif
