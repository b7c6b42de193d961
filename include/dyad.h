/* dyad.h: the public interface of libdyad, the only public header.
 *
 * dyad turns news articles (French first) into coded inter-state events.
 * The library is a pipeline of stages over one document at a time:
 *
 *   ingest -> normalise -> clean -> segment -> tag -> repair -> ...
 *
 * Sections: errors, context, documents, reading input, running the
 * pipeline, running it over many articles on threads, merging, output,
 * the event store, the history of a pair (timeline, report).  Every
 * function says what it returns on success, on failure, and who owns
 * memory it hands out.  The context is read-only once open: any number
 * of threads may run the pipeline with it at once (dyad_run does); a
 * document, a dyad_merge or a store handle is for one thread at a time.
 *
 * Conventions: text goes in as (const char *, size_t) and need not be
 * NUL-terminated.  Spans are byte ranges [start, end) into the ORIGINAL
 * bytes of the article.  Functions returning int give 0 on success and a
 * negative DYAD_E* code on failure.  Every *_free accepts NULL.  The
 * library never prints and never exits; it fills a caller-owned dyad_err
 * or calls the warning callback set on the context.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

/* ---- Errors ---------------------------------------------------------- */

enum {
  DYAD_OK = 0,
  DYAD_ENOMEM = -1,   /* out of memory (the allocator aborts first in practice) */
  DYAD_EIO = -2,      /* a file could not be opened, read or mapped */
  DYAD_EDATA = -3,    /* a data file (lexicon, dictionary) is malformed */
  DYAD_EINPUT = -4,   /* an input article was rejected (binary, empty...) */
  DYAD_EUSAGE = -5,   /* the caller passed an invalid argument */
  DYAD_ELIMIT = -6    /* an input exceeds a hard limit */
};

/* Details of the last failure; caller-owned, filled by the library. */
typedef struct dyad_err {
  int code;           /* a DYAD_E* value, 0 when nothing failed */
  char path[512];     /* file concerned, "" if none */
  long line;          /* 1-based line, 0 if unknown */
  long col;           /* 1-based column or byte offset, 0 if unknown */
  char message[512];  /* one sentence, no trailing newline */
} dyad_err;

/* A static sentence for a DYAD_E* code; never NULL. */
const char *dyad_strerror(int code);

/* Format err as "path:line:col: error: message" into buf (size n).
 * Returns buf. */
char *dyad_err_format(const dyad_err *err, char *buf, size_t n);

/* ---- Context --------------------------------------------------------- */

/* Warnings about input data (invalid UTF-8 repaired, a line skipped...):
 * path and line locate it (line 0 if not applicable). */
typedef void (*dyad_warn_fn)(void *user, const char *path, long line,
                             const char *message);

typedef struct dyad_ctx dyad_ctx;

/* How to open a context. */
typedef struct dyad_ctx_opts {
  const char *data_dir;            /* NULL: $DYAD_DATA, then the build's */
  const char *const *dict_files;   /* user dictionaries (--dict), taking
                                      precedence over the built-in ones */
  size_t ndict_files;
  dyad_warn_fn report;             /* each dictionary problem, as
                                      (file, line, message); may be NULL */
  void *report_user;
  unsigned code_flags;             /* DYAD_CODE_* */
} dyad_ctx_opts;

/* What the code stage records besides inter-state acts. */
#define DYAD_CODE_STATEMENTS 1u  /* plain statements about the other side
                                    (CAMEO 01x: "a informé X de..."), left
                                    out by default as too weak alone */

/* Load the read-only resources: the French lexicon (fr.lex) and the actor
 * dictionaries (*.tsv, see docs/dictionaries.md) of the data directory,
 * then the user dictionaries.  Returns a context to free with
 * dyad_ctx_free, or NULL with err filled (DYAD_EIO: a file cannot be
 * read; DYAD_EDATA: a malformed lexicon or dictionary problems, each
 * also passed to opts->report). */
dyad_ctx *dyad_ctx_open(const dyad_ctx_opts *opts, dyad_err *err /* out */);

/* dyad_ctx_open with only a data directory (NULL for the default). */
dyad_ctx *dyad_ctx_new(const char *data_dir, dyad_err *err /* out */);

/* Validate the dictionaries opts names (the built-in ones, then its
 * dict_files), passing every problem to opts->report.  Returns the number
 * of problems, or -1 if the data directory cannot be read. */
int dyad_dict_check(const dyad_ctx_opts *opts);
void dyad_ctx_free(dyad_ctx *ctx);
void dyad_ctx_set_warn(dyad_ctx *ctx, dyad_warn_fn fn, void *user);

/* ---- Documents ------------------------------------------------------- */

typedef struct dyad_doc dyad_doc;

/* A calendar date with its precision; 0 fields are unknown. */
typedef struct dyad_date {
  int year;   /* e.g. 2023, 0 unknown */
  int month;  /* 1-12, 0 unknown */
  int day;    /* 1-31, 0 unknown */
} dyad_date;

/* Format as YYYY, YYYY-MM or YYYY-MM-DD into buf (>= 11 bytes); "" if the
 * year is unknown.  Returns buf. */
char *dyad_date_format(dyad_date d, char *buf);

/* Create a document from bytes (copied; bad UTF-8 is repaired with a
 * warning).  id and path may be NULL.  published may be NULL (unknown).
 * Returns a document owning all its memory, or NULL on DYAD_ENOMEM. */
dyad_doc *dyad_doc_new(const char *id, const char *path, const char *text,
                       size_t len, const dyad_date *published);
void dyad_doc_free(dyad_doc *doc);

const char *dyad_doc_id(const dyad_doc *doc);
dyad_date dyad_doc_published(const dyad_doc *doc);
/* Size of the article's original bytes. */
size_t dyad_doc_size(const dyad_doc *doc);

/* ---- Reading input --------------------------------------------------- */

/* Called once per article read.  Return 0 to go on, nonzero to stop. */
typedef int (*dyad_doc_fn)(void *user, dyad_doc *doc);

/* Input statistics, for exit statuses and progress. */
typedef struct dyad_input_stats {
  long files;         /* files opened */
  long docs;          /* articles produced */
  long skipped;       /* files or JSONL lines skipped (binary, broken...) */
  long repaired;      /* files with invalid UTF-8 or NUL bytes repaired */
} dyad_input_stats;

/* Read a path: a file (.txt as one article, .jsonl one per line), a
 * directory (every *.txt and *.jsonl below it, in sorted order), or "-"
 * for stdin (JSONL if the first byte is '{', else one article).  Each
 * article is passed to fn, which owns it and must dyad_doc_free it.
 * Problems with the input are reported through the context's warning
 * callback and counted in stats; they are not errors.  Returns 0, or a
 * negative code if the path itself cannot be read (err filled). */
int dyad_read_path(const dyad_ctx *ctx, const char *path, dyad_doc_fn fn,
                   void *user, dyad_input_stats *stats /* in-out */,
                   dyad_err *err /* out */);

/* ---- Pipeline -------------------------------------------------------- */

/* Run every stage of the text pipeline on doc (normalise, clean,
 * segment, tag, repair).  Returns 0 or a negative code (err filled). */
int dyad_process(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err /* out */);

/* Run the stages up to and including the named one ("normalise", "clean",
 * "segment", "tag", "repair").  Returns 0, DYAD_EUSAGE for an unknown
 * stage name, or a stage's failure code (err filled). */
int dyad_process_until(dyad_doc *doc, const dyad_ctx *ctx, const char *stage,
                       dyad_err *err /* out */);

/* ---- Running over many articles, on several threads ------------------ */

/* The work done on each document, on a worker thread: dyad_process or
 * dyad_process_until.  Several run at once, on different documents: it
 * may only read ctx and what user points to.  Returns 0 or a negative
 * code (err filled). */
typedef int (*dyad_work_fn)(void *user, dyad_doc *doc, const dyad_ctx *ctx,
                            dyad_err *err /* out */);

/* Whether a document needs no work (e.g. stored already), asked on the
 * calling thread as soon as it is read, before the documents read
 * earlier have been output: a hint only.  Nonzero: no work is done and
 * the output function gets rc DYAD_SKIPPED. */
typedef int (*dyad_skip_fn)(void *user, const dyad_doc *doc);
#define DYAD_SKIPPED 1

/* What becomes of each document, on the calling thread, in input order:
 * rc and err are its work's result (err is meaningful when rc < 0), or
 * DYAD_SKIPPED.  The document is borrowed: dyad_run frees it after.
 * Return 0 to go on, nonzero to stop the run. */
typedef int (*dyad_output_fn)(void *user, dyad_doc *doc, int rc, const dyad_err *err);

/* A path of dyad_run that could not be read (as dyad_read_path fails). */
typedef void (*dyad_path_error_fn)(void *user, const dyad_err *err);

/* How dyad_run runs. */
typedef struct dyad_run_opts {
  int threads;                    /* worker threads; 0: one per online CPU;
                                     1: none, all on the calling thread;
                                     at most DYAD_MAX_THREADS */
  dyad_work_fn work;              /* NULL: dyad_process */
  dyad_skip_fn skip;              /* may be NULL: every document is worked */
  dyad_output_fn output;          /* may be NULL: documents are just freed */
  dyad_path_error_fn path_error;  /* may be NULL */
  void *user;                     /* passed to each function */
} dyad_run_opts;
#define DYAD_MAX_THREADS 256

/* Read each path in turn as dyad_read_path does, run opts->work on each
 * document on a pool of threads, and hand the documents to opts->output
 * in input order.  The calling thread reads, calls skip, output, the
 * context's warning callback and path_error; it sees what it would see
 * with one thread, in the same order: each warning and path error comes
 * after the output of the documents read before it.  However large the
 * input, at most 8 documents per thread (16 at least) are held at a
 * time, and 4096 warnings.  When output asks to stop, nothing more is
 * output, warned or reported, and stats are left as they were when that
 * document was read.  stats (may be NULL) is in-out.  Returns 0, or the
 * code of the first path that could not be read (each also given to
 * path_error). */
int dyad_run(const dyad_ctx *ctx, const char *const *paths, size_t npaths,
             const dyad_run_opts *opts, dyad_input_stats *stats /* in-out */);

/* The number of online CPUs (at least 1): what threads 0 means. */
int dyad_cpus(void);

/* ---- Merging across articles ------------------------------------------ */

/* Reports of one real event in several articles share a cluster id (rules
 * in src/merge.h).  A dyad_merge holds the clusters seen so far; feed it
 * the processed documents in order: ids depend on the input order only. */
typedef struct dyad_merge dyad_merge;
dyad_merge *dyad_merge_new(void);
void dyad_merge_free(dyad_merge *m);
/* Give each event and figure of doc its cluster.  Returns 0 or DYAD_ENOMEM. */
int dyad_merge_doc(dyad_merge *m, dyad_doc *doc, const dyad_ctx *ctx);

/* ---- Output ---------------------------------------------------------- */

/* Write s (NUL-terminated UTF-8) as a JSON string literal, quotes
 * included; invalid bytes are written as U+FFFD. */
void dyad_write_json_string(FILE *out, const char *s);

#define DYAD_OPT_JSON 1u      /* JSON lines instead of text */
#define DYAD_OPT_ALLZONES 2u  /* also show sentences in non-article zones */
#define DYAD_OPT_CSV 4u       /* dyad_code_write: CSV rows, one per event */

/* Write a processed document's coded records: a "doc" record then its
 * "event", "figure" and "agreement" records, one JSON object per line
 * (README.md, "dyad code"); with DYAD_OPT_CSV, one CSV row per event
 * under the columns of dyad_csv_header().  Returns 0 or DYAD_EIO. */
int dyad_code_write(const dyad_doc *doc, const dyad_ctx *ctx, FILE *out, unsigned opts);
/* The CSV header line (with its newline); static. */
const char *dyad_csv_header(void);

/* Write what the pipeline sees of a processed document: each sentence
 * with its zone, tokens, lemmas and parts of speech.  Returns 0 or
 * DYAD_EIO. */
int dyad_inspect_write(const dyad_doc *doc, const dyad_ctx *ctx, FILE *out,
                       unsigned opts);

/* Write one stage's layer as stable line-oriented text (golden tests).
 * stage: "normalise", "clean", "segment" (sentences and tokens), "tag" or
 * "repair" (tokens with their readings).
 * Returns 0, DYAD_EUSAGE for an unknown stage, or DYAD_EIO. */
int dyad_dump_write(const dyad_doc *doc, const dyad_ctx *ctx,
                    const char *stage, FILE *out);

/* ---- History of a pair (reading the store) --------------------------- */

#define DYAD_OPT_COLOR 8u     /* dyad_timeline_write: ANSI colours */

/* Write the timeline of states a and b (ISO 3166-1 alpha-3 codes, or the
 * organisation codes of organisations.tsv; any case) from the store at
 * db_path (docs/store.md), opened read-only: a heading line, then one line
 * per event cluster, figure and agreement between them in either
 * direction, by date (undated last).  data_dir as in dyad_ctx_opts (NULL
 * for the default).  Returns the number of events, figures and agreements
 * written; 0 when the store has none for the pair (nothing is written);
 * or a negative code with err filled: DYAD_EUSAGE (an unknown code, or
 * a == b), DYAD_EDATA (a data file missing or malformed), DYAD_EIO with
 * err->path = db_path (no such database, an empty or newer one, or an
 * SQLite failure), DYAD_EIO with an empty path (writing out failed). */
int dyad_timeline_write(const char *db_path, const char *a, const char *b,
                        const char *data_dir, FILE *out, unsigned opts,
                        dyad_err *err /* out */);

/* Write the history of a and b as one self-contained HTML file (inline
 * CSS and SVG charts; no script, nothing fetched when viewed) at
 * out_path, through a temporary file in the same directory renamed over
 * it.  Arguments and failures as dyad_timeline_write; 0 means nothing was
 * found and no file written; DYAD_EIO with err->path = out_path when the
 * file cannot be written. */
int dyad_report_write(const char *db_path, const char *a, const char *b,
                      const char *data_dir, const char *out_path,
                      dyad_err *err /* out */);
/* ---- Store ----------------------------------------------------------- */

/* The event store: one SQLite file holding the coded records of every
 * article loaded and the clusters (real events) they are merged into.
 * Schema and rules in docs/store.md.  A handle is for one thread. */
typedef struct dyad_store dyad_store;

#define DYAD_STORE_READONLY 1u  /* open an existing store for reading only */

/* What a store handle has written (dyad_store_get_stats). */
typedef struct dyad_store_stats {
  long articles;    /* articles given to dyad_store_unchanged/_add */
  long unchanged;   /* of which already stored with the same content (skipped) */
  long replaced;    /* of which stored before with another content (rewritten) */
  long events, figures, agreements;  /* records written */
} dyad_store_stats;

/* Open the store at path: with flags 0, create the file and its schema if
 * needed (or upgrade an older schema); with DYAD_STORE_READONLY, the file
 * must exist and hold the current schema.  A write waits up to 5 s for
 * another process's lock.  Returns a handle for dyad_store_close, or NULL
 * with err filled (path: the database): DYAD_EIO when the file cannot be
 * opened or read, is not a dyad database, has a newer schema than this
 * dyad's, or is locked by another process ("database is locked by
 * another process"); DYAD_EUSAGE for an empty path. */
dyad_store *dyad_store_open(const char *path, unsigned flags, dyad_err *err /* out */);

/* Articles per transaction (default 5000; 0 is taken as 1).  A batch is
 * committed once that many articles are stored, and by dyad_store_commit
 * and dyad_store_close: a process killed mid-load loses at most the open
 * batch, and loading the same input again completes the store. */
void dyad_store_set_batch(dyad_store *st, size_t articles);

/* Whether doc (processed or not) is stored already with the same id,
 * content (SHA-256 of its original bytes), publication date and URL.
 * Returns 1 (counted as unchanged: the caller need not process or add
 * it), 0 (not stored, or changed), or DYAD_EIO (err filled). */
int dyad_store_unchanged(dyad_store *st, const dyad_doc *doc, dyad_err *err /* out */);

/* Store a document dyad_process has run on: its doc row, events, figures
 * and agreements, each event and figure joined to the first stored
 * cluster it fits (merge rules, docs/store.md) or to a new one.  An
 * article stored before under the same id with another content has its
 * old rows replaced in the same transaction.  Returns 0 (stored),
 * 1 (unchanged: nothing written), or DYAD_EIO (err filled; the open batch
 * is rolled back and the handle takes no more writes). */
int dyad_store_add(dyad_store *st, const dyad_doc *doc, const dyad_ctx *ctx,
                   dyad_err *err /* out */);

/* Commit the open batch, if any.  Returns 0 or DYAD_EIO (err filled; the
 * batch is rolled back). */
int dyad_store_commit(dyad_store *st, dyad_err *err /* out */);

/* Counts of what this handle wrote (the open batch included). */
void dyad_store_get_stats(const dyad_store *st, dyad_store_stats *out /* out */);

/* Commit the open batch and close the handle (NULL is accepted).
 * Returns 0 or DYAD_EIO (err may be NULL; the batch is then rolled
 * back); the handle is freed either way. */
int dyad_store_close(dyad_store *st, dyad_err *err /* out */);

/* Which merged events dyad_events_write lists; NULL fields match all. */
typedef struct dyad_events_query {
  const char *pair[2];  /* both states, in either order ("VNM", "KAZ") */
  const char *actor;    /* a state on either side */
  const char *code;     /* a prefix of the CAMEO code: "04", "042" */
  const char *from;     /* YYYY, YYYY-MM or YYYY-MM-DD: the event's interval */
  const char *to;       /*   ends on or after from, starts on or before to */
} dyad_events_query;

/* Write the stored clusters of events matching q (one line each, by date,
 * undated last): a table (opts 0), JSON lines (DYAD_OPT_JSON) or CSV
 * with a header (DYAD_OPT_CSV; columns in README.md, "Store").  ctx gives
 * the CAMEO names and scores (may be NULL: then left out).  Returns the
 * number of events written, DYAD_EUSAGE for a malformed query (err says
 * which field), or DYAD_EIO (err filled). */
long dyad_events_write(dyad_store *st, const dyad_ctx *ctx, const dyad_events_query *q,
                       unsigned opts, FILE *out, dyad_err *err /* out */);

#ifdef __cplusplus
}
#endif
#endif
