/* ingest.c: reading input into documents (the ingest stage).
 *
 * Exports dyad_read_path (include/dyad.h), ingest_read_path and
 * ingest_is_binary (ingest.h).  Each article becomes a dyad_doc made by
 * dyad_doc_new, whose bytes are the article's bytes unchanged (JSONL: the
 * decoded "text"), handed to the caller's callback, which owns it.
 *
 * Input forms accepted:
 *   - "-": standard input.  If its first byte that is not white space
 *     (after a UTF-8 BOM) is '{', it is JSONL, else one text article with
 *     id "stdin".  Its documents have path "".
 *   - a file named *.jsonl: JSONL, one JSON object per line (json.c); LF or
 *     CRLF line ends, a BOM before line 1 and blank lines are allowed.
 *     Members: "text" (required, not only white space), "id" (string or
 *     number; if absent or "": "<file stem>:<line number>"), "date"
 *     (dateline_parse_date: 2023, 2023-08, 2023-08-15,
 *     2023-08-15T10:00:00Z...), "url".  Other members are skipped.
 *   - any other file: one text article, read whole; its id is the file
 *     name without its last extension ("d001.txt" -> "d001").  Its first
 *     INGEST_SNIFF bytes tell a binary file, which is not read further.
 *   - a FIFO or a character device named as the path (not found in a
 *     directory): read as a stream, like a file.  Files are opened
 *     without waiting (O_NONBLOCK), so a FIFO nobody writes to cannot
 *     hang dyad: a writer has INGEST_FIFO_WAIT_MS to come, then the FIFO
 *     is skipped.  A regular file reporting size 0 (/proc) is read to
 *     its end all the same.
 *   - a directory: every *.txt and *.jsonl file below it (extensions in
 *     any case), recursively, in byte order of names within each
 *     directory, depth first.  Names starting with '.' are ignored;
 *     symbolic links are followed, but a directory already read (same
 *     device and inode, e.g. a link loop) is not read again, and
 *     directories more than INGEST_MAX_DEPTH levels down are skipped.  A
 *     directory is listed, then closed, before its entries are read: at
 *     most one directory and one file are open at a time.  Only regular
 *     files are read there (a FIFO or device is skipped, unopened).
 *
 * Memory: JSONL is read line by line, a text article whole; neither
 * holds more than the article limit (INGEST_MAX_ARTICLE, or
 * ingest_opts.max_article) plus INGEST_CHUNK, whatever the input: a
 * longer file or line is skipped (a file by its size, unread).
 *
 * Publication date: a JSONL "date" (published_how "jsonl"), else
 * dateline_find on the text: "header" for a " date 2023-08" first line,
 * "dateline" otherwise; none leaves the date unknown.
 *
 * Bad input is no error: it is reported through ctx_warn (or the
 * ingest_opts warn callback, by which dyad_run puts warnings in order)
 * with the file and line (0 for a whole file; byte offsets are 0-based)
 * and counted:
 *   "empty file, skipped"                  no bytes, or only white space
 *   "binary file, skipped"                 see below
 *   "file larger than N MiB, skipped"      a text file over the limit
 *   "line longer than N MiB, skipped"      a JSONL line over the limit
 *   "bad JSON: <message> at column N"      a broken JSONL line, skipped
 *   "no \"text\" string, skipped"          a JSONL line without text
 *   "empty \"text\", skipped"              text empty or white space only
 *   "binary \"text\", skipped"             JSONL text that looks binary
 *   "unrecognised date \"...\", ignored"   a JSONL date: the text decides
 *   "invalid UTF-8 at byte N, replaced"    once per file; the document is
 *   "NUL byte at byte N, read as a space"  kept and normalise repairs it
 *   "FIFO with no writer, skipped"         a FIFO given, no writer came
 *   "not a regular file, skipped"          a FIFO or device in a directory
 *   "cannot open: <reason>, skipped"       a file inside a directory
 *   "cannot read: dangling symbolic link, skipped"   a link to nothing
 *   "cannot open directory: <reason>, skipped"       a directory inside
 * A file is binary when its first INGEST_SNIFF bytes hold two NUL bytes
 * in a row, more than 4 NUL bytes, or more than 30% bytes that are NUL,
 * control characters other than tab, LF, CR, FF and VT, DEL, or invalid
 * UTF-8 (the share counted over at least 32 bytes, so that a few bad
 * bytes in a short text are repaired, not rejected); a UTF-16 file is
 * binary.  A few isolated NULs are kept with the warning above.
 * Skipped files and lines count in stats->skipped, files with invalid
 * UTF-8 or NUL bytes once in stats->repaired, files opened in
 * stats->files, documents made in stats->docs.  The path given itself
 * not existing or not being readable is an error: DYAD_EIO, err filled
 * ("cannot read: No such file or directory", "cannot read: dangling
 * symbolic link", "cannot open: Permission denied", "cannot open
 * directory: Permission denied").
 */
#include "ingest.h"
#include "ctx.h"
#include "dateline.h"
#include "doc.h"
#include "err.h"
#include "json.h"
#include "utf8.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

typedef struct ingest_dirid {
  dev_t dev;
  ino_t ino;
} ingest_dirid;

typedef struct ingest_run {
  const dyad_ctx *ctx;        /* may be NULL: no warnings */
  dyad_warn_fn warn;          /* NULL: ctx's callback */
  void *warn_user;
  dyad_doc_fn fn;
  void *user;
  dyad_input_stats *stats;
  size_t max;                 /* article limit, bytes */
  int stop;                   /* the callback asked to stop */
  ingest_dirid *seen;         /* owned: directories read so far */
  size_t nseen, capseen;
} ingest_run;

typedef struct ingest_file {
  const char *path;           /* for messages: the path, "<stdin>" */
  const char *doc_path;       /* for documents: the path, "" for stdin */
  char *stem;                 /* owned: name without extension, "stdin" */
  int utf8_warned, nul_warned, repaired;  /* once-per-file reports */
} ingest_file;

typedef struct ingest_reader {
  FILE *f;
  char *buf;                  /* owned: unread data is buf[pos, len) */
  size_t pos, len, cap;
  size_t max;                 /* the article limit: buf never grows past
                                 max + INGEST_CHUNK, whatever the input */
  int eof;                    /* no more data will come */
  int err;                    /* errno of a read error, 0 if none */
} ingest_reader;

#define INGEST_CHUNK ((size_t)64 * 1024)

DYAD_PRINTF(4, 5)
static void ingest_warn(const ingest_run *run, const char *path, long line,
                        const char *fmt, ...) {
  if (!run->ctx && !run->warn) return;
  char msg[600];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (run->warn) run->warn(run->warn_user, path, line, msg);
  else ctx_warn(run->ctx, path, line, "%s", msg);
}

/* The limit as text: "256 MiB" or "1000 bytes". */
static const char *ingest_limit_str(size_t max, char *buf, size_t n) {
  if (max % ((size_t)1 << 20) == 0) snprintf(buf, n, "%zu MiB", max >> 20);
  else snprintf(buf, n, "%zu bytes", max);
  return buf;
}

/* ---- reading ---------------------------------------------------------- */

/* Read more data after buf[len), compacting and growing as needed (up
 * to max + INGEST_CHUNK: more than max unread bytes is too long anyway). */
static void ingest_reader_more(ingest_reader *r) {
  if (r->pos > 0) {
    memmove(r->buf, r->buf + r->pos, r->len - r->pos);
    r->len -= r->pos;
    r->pos = 0;
  }
  size_t top = r->max + INGEST_CHUNK;
  if (r->cap - r->len < INGEST_CHUNK / 4 && r->cap < top) {
    size_t nc = r->cap ? r->cap * 2 : INGEST_CHUNK;
    if (nc > top) nc = top;
    r->buf = xrealloc(r->buf, nc);
    r->cap = nc;
  }
  size_t want = r->cap - r->len;
  if (want == 0) return;  /* full: the caller sees more than max bytes */
  size_t got = fread(r->buf + r->len, 1, want, r->f);
  r->len += got;
  if (got < want) {
    if (ferror(r->f)) r->err = errno ? errno : EIO;
    r->eof = 1;
  }
}

/* Everything up to the end; 0 if more than max bytes. */
static int ingest_reader_all(ingest_reader *r, size_t max) {
  while (!r->eof && !r->err) {
    if (r->len - r->pos > max) return 0;
    ingest_reader_more(r);
  }
  return r->len - r->pos <= max;
}

/* The next line (without '\n') in *line, *n, valid until the next call.
 * Returns 1, 0 at the end, or -1 for a line longer than max (skipped). */
static int ingest_reader_line(ingest_reader *r, size_t max, const char **line, size_t *n) {
  size_t scanned = 0;
  for (;;) {
    char *start = r->buf + r->pos;
    char *nl = r->len > r->pos + scanned ? memchr(start + scanned, '\n', r->len - r->pos - scanned)
                                          : NULL;
    if (nl) {
      *line = start;
      *n = (size_t)(nl - start);
      r->pos += *n + 1;
      return *n > max ? -1 : 1;
    }
    scanned = r->len - r->pos;
    if (r->eof) {
      if (scanned == 0) return 0;
      *line = start;
      *n = scanned;
      r->pos = r->len;
      return *n > max ? -1 : 1;
    }
    if (scanned > max) {  /* too long: drop it up to its end */
      for (;;) {
        r->pos = r->len;
        ingest_reader_more(r);
        nl = memchr(r->buf + r->pos, '\n', r->len - r->pos);
        if (nl) { r->pos = (size_t)(nl - r->buf) + 1; return -1; }
        if (r->eof) { r->pos = r->len; return -1; }
      }
    }
    ingest_reader_more(r);
  }
}

/* The first byte that is not white space (after a BOM), or -1. */
static int ingest_reader_peek(ingest_reader *r, size_t max) {
  while (!r->eof && r->len - r->pos < 3) ingest_reader_more(r);
  size_t skip = (r->len - r->pos >= 3 && memcmp(r->buf + r->pos, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
  for (;;) {
    while (r->pos + skip < r->len && strchr(" \t\r\n\f\v", r->buf[r->pos + skip]) &&
           r->buf[r->pos + skip] != '\0')
      skip++;
    if (r->pos + skip < r->len) return (unsigned char)r->buf[r->pos + skip];
    if (r->eof || skip > max) return -1;
    ingest_reader_more(r);
  }
}

/* ---- checks ----------------------------------------------------------- */

int ingest_is_binary(const char *s, size_t n, int truncated) {
  size_t m = n < INGEST_SNIFF ? n : INGEST_SNIFF, i = 0, nul = 0, bad = 0;
  if (m < n) truncated = 1;
  while (i < m) {
    i += utf8_ascii_run(s + i, m - i);
    if (i >= m) break;
    unsigned char c = (unsigned char)s[i];
    if (c == 0) {
      if (i > 0 && s[i - 1] == 0) return 1;  /* two NULs in a row */
      nul++;
      bad++;
      i++;
    } else if (c < 0x80) {
      if ((c < 0x20 && !strchr("\t\n\r\f\v", (char)c)) || c == 0x7F) bad++;
      i++;
    } else {
      int32_t cp;
      int l = utf8_decode(s + i, m - i, &cp);
      if (l == 0 && truncated && m - i < 4) break;  /* cut in the middle */
      if (l == 0) { bad++; i++; }
      else i += (size_t)l;
    }
  }
  /* short texts: a few bad bytes are no proof, count at least 32 bytes */
  return nul > 4 || bad * 10 > (i < 32 ? 32 : i) * 3;
}

static int ingest_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strchr(" \t\r\n\f\v", s[i]) || s[i] == '\0') return 0;
  return 1;
}

/* Report invalid UTF-8 and NUL bytes, once per file each. */
static void ingest_check_text(ingest_run *run, ingest_file *file, long line,
                              const char *what, const char *s, size_t n) {
  size_t bad = n, nul = n, i = 0;
  while (i < n && (bad == n || nul == n)) {
    i += utf8_ascii_run(s + i, n - i);
    if (i >= n) break;
    unsigned char c = (unsigned char)s[i];
    if (c == 0) { if (nul == n) nul = i; i++; continue; }
    if (c < 0x80) { i++; continue; }
    int32_t cp;
    int l = utf8_decode(s + i, n - i, &cp);
    if (l == 0) { if (bad == n) bad = i; i++; }
    else i += (size_t)l;
  }
  if (bad < n && !file->utf8_warned) {
    file->utf8_warned = 1;
    ingest_warn(run, file->path, line, "invalid UTF-8%s at byte %zu, replaced", what, bad);
  }
  if (nul < n && !file->nul_warned) {
    file->nul_warned = 1;
    ingest_warn(run, file->path, line, "NUL byte%s at byte %zu, read as a space", what, nul);
  }
  if ((bad < n || nul < n) && !file->repaired) {
    file->repaired = 1;
    run->stats->repaired++;
  }
}

/* ---- documents -------------------------------------------------------- */

static void ingest_emit(ingest_run *run, ingest_file *file, long line, const char *id,
                        const char *text, size_t n, const json_article *ja) {
  dyad_date pub = {0, 0, 0};
  const char *how = NULL;
  if (ja && ja->date && ja->date_len > 0) {
    if (dateline_parse_date(ja->date, ja->date_len, &pub)) how = "jsonl";
    else
      ingest_warn(run, file->path, line, "unrecognised date \"%.*s\", ignored",
                  (int)(ja->date_len > 40 ? 40 : ja->date_len), ja->date);
  }
  if (!how) {
    size_t hdr = 0;
    if (dateline_find(text, n, &pub, &hdr)) how = hdr ? "header" : "dateline";
  }
  dyad_doc *doc = dyad_doc_new(id, file->doc_path, text, n, how ? &pub : NULL);
  doc->published_how = how;
  doc->line = line;
  if (ja && ja->url) doc->url = arena_strndup(&doc->mem, ja->url, ja->url_len);
  run->stats->docs++;
  if (run->fn(run->user, doc)) run->stop = 1;
}

/* One text article: the whole of buf. */
static void ingest_text(ingest_run *run, ingest_file *file, const char *buf, size_t n) {
  if (ingest_blank(buf, n)) {
    ingest_warn(run, file->path, 0, "empty file, skipped");
    run->stats->skipped++;
    return;
  }
  if (ingest_is_binary(buf, n, 0)) {
    ingest_warn(run, file->path, 0, "binary file, skipped");
    run->stats->skipped++;
    return;
  }
  ingest_check_text(run, file, 0, "", buf, n);
  ingest_emit(run, file, 0, file->stem, buf, n, NULL);
}

/* One JSONL line, numbered lineno. */
static void ingest_jsonl_line(ingest_run *run, ingest_file *file, long lineno,
                              const char *line, size_t n, arena *mem) {
  json_article ja;
  dyad_err je;
  memset(&je, 0, sizeof je);
  arena_free(mem);
  if (json_parse_article(line, n, mem, &ja, &je)) {
    ingest_warn(run, file->path, lineno, "bad JSON: %s at column %ld", je.message, je.col);
    run->stats->skipped++;
    return;
  }
  if (!ja.text) {
    ingest_warn(run, file->path, lineno, "no \"text\" string, skipped");
    run->stats->skipped++;
    return;
  }
  if (ingest_blank(ja.text, ja.text_len)) {
    ingest_warn(run, file->path, lineno, "empty \"text\", skipped");
    run->stats->skipped++;
    return;
  }
  if (ingest_is_binary(ja.text, ja.text_len, 0)) {
    ingest_warn(run, file->path, lineno, "binary \"text\", skipped");
    run->stats->skipped++;
    return;
  }
  ingest_check_text(run, file, lineno, " in \"text\"", ja.text, ja.text_len);
  if (ja.id && ja.id_len > 0) {
    ingest_emit(run, file, lineno, ja.id, ja.text, ja.text_len, &ja);
  } else {
    size_t sz = strlen(file->stem) + 24;
    char *id = xmalloc(sz);
    snprintf(id, sz, "%s:%ld", file->stem, lineno);
    ingest_emit(run, file, lineno, id, ja.text, ja.text_len, &ja);
    free(id);
  }
}

static void ingest_jsonl(ingest_run *run, ingest_file *file, ingest_reader *r) {
  while (!r->eof && r->len - r->pos < INGEST_SNIFF) ingest_reader_more(r);
  if (r->err) return;
  if (ingest_is_binary(r->buf + r->pos, r->len - r->pos, !r->eof)) {
    ingest_warn(run, file->path, 0, "binary file, skipped");
    run->stats->skipped++;
    return;
  }
  arena mem;
  arena_init(&mem);
  long lineno = 0;
  int any = 0;
  const char *line;
  size_t n;
  char lim[32];
  while (!run->stop) {
    int got = ingest_reader_line(r, run->max, &line, &n);
    if (got == 0) break;
    lineno++;
    if (got < 0) {
      any = 1;
      ingest_warn(run, file->path, lineno, "line longer than %s, skipped",
                  ingest_limit_str(run->max, lim, sizeof lim));
      run->stats->skipped++;
      continue;
    }
    if (lineno == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) { line += 3; n -= 3; }
    if (n > 0 && line[n - 1] == '\r') n--;
    if (ingest_blank(line, n)) continue;
    any = 1;
    ingest_jsonl_line(run, file, lineno, line, n, &mem);
  }
  arena_free(&mem);
  if (!any && !r->err) {
    ingest_warn(run, file->path, 0, "empty file, skipped");
    run->stats->skipped++;
  }
}

/* ---- files and directories -------------------------------------------- */

static int ingest_has_ext(const char *name, const char *ext) {
  size_t n = strlen(name), k = strlen(ext);
  if (n <= k) return 0;
  for (size_t i = 0; i < k; i++) {
    char c = name[n - k + i];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c != ext[i]) return 0;
  }
  return 1;
}

static int ingest_wanted(const char *name) {
  return ingest_has_ext(name, ".txt") || ingest_has_ext(name, ".jsonl");
}

/* The file name without directory and last extension (malloc'd). */
static char *ingest_stem(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t n = (dot && dot > base) ? (size_t)(dot - base) : strlen(base);
  char *s = xmalloc(n + 1);
  memcpy(s, base, n);
  s[n] = '\0';
  return s;
}

/* Report a failure on path: an error for the top-level path, else a
 * warning and a skipped file.  why is strerror(e) when NULL. */
static int ingest_fail_why(ingest_run *run, const char *path, int top, dyad_err *err,
                           const char *what, const char *why) {
  if (top) return err_set(err, DYAD_EIO, path, 0, 0, "%s: %s", what, why);
  ingest_warn(run, path, 0, "%s: %s, skipped", what, why);
  run->stats->skipped++;
  return 0;
}

static int ingest_fail(ingest_run *run, const char *path, int top, dyad_err *err,
                       const char *what, int e) {
  return ingest_fail_why(run, path, top, err, what, strerror(e));
}

/* stat(path) failed with e: a symbolic link to nothing says so. */
static int ingest_stat_fail(ingest_run *run, const char *path, int top, dyad_err *err, int e) {
  struct stat ls;
  if (e == ENOENT && lstat(path, &ls) == 0 && S_ISLNK(ls.st_mode))
    return ingest_fail_why(run, path, top, err, "cannot read", "dangling symbolic link");
  return ingest_fail(run, path, top, err, "cannot read", e);
}

/* Open path for reading without waiting: a FIFO with no writer would
 * block open() forever.  *st is the stat of what was opened.  Returns
 * the stream, or NULL with errno set. */
static FILE *ingest_open(const char *path, struct stat *st) {
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return NULL;
  int flags = fcntl(fd, F_GETFL);
  FILE *f = NULL;
  if (fstat(fd, st) == 0 && flags >= 0 && fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0)
    f = fdopen(fd, "rb");
  if (!f) {
    int e = errno;
    close(fd);
    errno = e;
  }
  return f;
}

/* A FIFO just opened: 1 once a writer is there (or data is), 0 if none
 * comes within INGEST_FIFO_WAIT_MS (a read gives end of file at once
 * while no writer has the FIFO open).  Data read is kept in r. */
static int ingest_fifo_has_writer(ingest_reader *r) {
  int fd = fileno(r->f), flags = fcntl(fd, F_GETFL);
  if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) return 1;
  r->buf = xmalloc(INGEST_CHUNK);
  r->cap = INGEST_CHUNK;
  ssize_t got = 0;
  for (int waited = 0; waited <= INGEST_FIFO_WAIT_MS; waited += 10) {
    got = read(fd, r->buf, r->cap);
    if (got != 0) break;
    struct timespec ts = {0, 10 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  int e = errno;
  fcntl(fd, F_SETFL, flags);
  if (got > 0) r->len = (size_t)got;
  else if (got < 0 && e != EAGAIN && e != EWOULDBLOCK) r->err = e;
  return got != 0;
}

/* Read one file; st is its stat (NULL for stdin). */
static int ingest_file_read(ingest_run *run, const char *path, const struct stat *st, int top,
                            dyad_err *err) {
  int is_stdin = st == NULL;
  struct stat fst;
  FILE *f = is_stdin ? stdin : ingest_open(path, &fst);
  if (!f) return ingest_fail(run, path, top, err, "cannot open", errno);
  ingest_file file = {is_stdin ? "<stdin>" : path, is_stdin ? "" : path,
                      is_stdin ? xstrdup("stdin") : ingest_stem(path), 0, 0, 0};
  ingest_reader r = {f, NULL, 0, 0, 0, run->max, 0, 0};
  int rc = 0;
  char lim[32];
  int jsonl;
  if (!is_stdin && !S_ISREG(fst.st_mode) && (!top || S_ISDIR(fst.st_mode))) {
    /* replaced since it was listed; inside a directory, only regular
       files are read: a FIFO or a device there is no article */
    ingest_warn(run, file.path, 0, "not a regular file, skipped");
    run->stats->skipped++;
    goto done;
  }
  run->stats->files++;
  if (is_stdin) {
    jsonl = ingest_reader_peek(&r, run->max) == '{';
  } else {
    if (S_ISFIFO(fst.st_mode) && !ingest_fifo_has_writer(&r)) {
      ingest_warn(run, file.path, 0, "FIFO with no writer, skipped");
      run->stats->skipped++;
      goto done;
    }
    jsonl = ingest_has_ext(path, ".jsonl");
    if (!jsonl && S_ISREG(fst.st_mode)) {
      if ((unsigned long long)fst.st_size > (unsigned long long)run->max) {
        ingest_warn(run, file.path, 0, "file larger than %s, skipped",
                    ingest_limit_str(run->max, lim, sizeof lim));
        run->stats->skipped++;
        goto done;
      }
      /* one read, then EOF; a file reporting size 0 (/proc) grows it */
      r.cap = (size_t)fst.st_size + INGEST_CHUNK;
      r.buf = xmalloc(r.cap);
    }
  }
  if (jsonl) {
    ingest_jsonl(run, &file, &r);
  } else {
    /* a binary file is known by its first bytes: not read further (a
       device like /dev/zero never ends) */
    while (!r.eof && !r.err && r.len - r.pos < INGEST_SNIFF) ingest_reader_more(&r);
    if (!r.err && ingest_is_binary(r.buf ? r.buf + r.pos : "", r.len - r.pos, !r.eof)) {
      ingest_warn(run, file.path, 0, "binary file, skipped");
      run->stats->skipped++;
    } else if (!ingest_reader_all(&r, run->max)) {
      ingest_warn(run, file.path, 0, "file larger than %s, skipped",
                  ingest_limit_str(run->max, lim, sizeof lim));
      run->stats->skipped++;
    } else if (!r.err) {
      ingest_text(run, &file, r.buf ? r.buf + r.pos : "", r.len - r.pos);
    }
  }
  if (r.err) rc = ingest_fail(run, path, top, err, "cannot read", r.err);
done:
  free(r.buf);
  free(file.stem);
  if (!is_stdin) fclose(f);
  return rc;
}

static int ingest_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ingest_dir(ingest_run *run, const char *path, const struct stat *st, int depth,
                      int top, dyad_err *err) {
  for (size_t k = 0; k < run->nseen; k++)
    if (run->seen[k].dev == st->st_dev && run->seen[k].ino == st->st_ino) {
      ingest_warn(run, path, 0, "directory already read (symbolic link loop?), skipped");
      return 0;
    }
  if (run->nseen == run->capseen) {
    run->capseen = run->capseen ? run->capseen * 2 : 16;
    run->seen = xrealloc(run->seen, run->capseen * sizeof *run->seen);
  }
  run->seen[run->nseen++] = (ingest_dirid){st->st_dev, st->st_ino};
  if (depth > INGEST_MAX_DEPTH) {
    ingest_warn(run, path, 0, "directory nested deeper than %d levels, skipped",
                INGEST_MAX_DEPTH);
    return 0;
  }
  DIR *d = opendir(path);
  if (!d) return ingest_fail(run, path, top, err, "cannot open directory", errno);
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.') continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 32;
      names = xrealloc(names, cap * sizeof *names);
    }
    names[n++] = xstrdup(de->d_name);
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, ingest_cmp);
  size_t plen = strlen(path);
  int slash = plen > 0 && path[plen - 1] == '/';
  for (size_t k = 0; k < n; k++) {
    if (!run->stop) {
      size_t sz = plen + strlen(names[k]) + 2;
      char *full = xmalloc(sz);
      snprintf(full, sz, "%s%s%s", path, slash ? "" : "/", names[k]);
      struct stat es;
      if (stat(full, &es) != 0) {
        if (ingest_wanted(names[k])) ingest_stat_fail(run, full, 0, err, errno);
      } else if (S_ISDIR(es.st_mode)) {
        ingest_dir(run, full, &es, depth + 1, 0, err);
      } else if (ingest_wanted(names[k])) {
        if (S_ISREG(es.st_mode)) ingest_file_read(run, full, &es, 0, err);
        else {
          ingest_warn(run, full, 0, "not a regular file, skipped");
          run->stats->skipped++;
        }
      }
      free(full);
    }
    free(names[k]);
  }
  free(names);
  return 0;
}

int ingest_read_path(const dyad_ctx *ctx, const char *path, const ingest_opts *opts,
                     dyad_doc_fn fn, void *user, dyad_input_stats *stats, dyad_err *err) {
  dyad_input_stats local = {0, 0, 0, 0};
  if (err) memset(err, 0, sizeof *err);
  if (!path || !fn) return err_set(err, DYAD_EUSAGE, NULL, 0, 0, "no path or no callback");
  ingest_run run = {ctx, opts ? opts->warn : NULL, opts ? opts->warn_user : NULL,
                    fn, user, stats ? stats : &local,
                    opts && opts->max_article ? opts->max_article : INGEST_MAX_ARTICLE,
                    0, NULL, 0, 0};
  int rc;
  if (strcmp(path, "-") == 0) {
    rc = ingest_file_read(&run, path, NULL, 1, err);
  } else {
    struct stat st;
    if (stat(path, &st) != 0) rc = ingest_stat_fail(&run, path, 1, err, errno);
    else if (S_ISDIR(st.st_mode)) rc = ingest_dir(&run, path, &st, 0, 1, err);
    else rc = ingest_file_read(&run, path, &st, 1, err);
  }
  free(run.seen);
  return rc;
}

int dyad_read_path(const dyad_ctx *ctx, const char *path, dyad_doc_fn fn, void *user,
                   dyad_input_stats *stats, dyad_err *err) {
  return ingest_read_path(ctx, path, NULL, fn, user, stats, err);
}
