/* test_parallel.c: unit tests for src/parallel.c (dyad_run).
 *
 * Belongs here: that dyad_run on several threads gives the calling
 * thread exactly what it gives on one: the documents in input order with
 * their work's result, the warnings and path errors each in its place
 * among them, the same statistics; when output stops the run, when the
 * skip function spares work, when thousands of warnings come between two
 * documents (more than are held back), with any number of threads.  The
 * work function sleeps a pseudo-random while so that documents finish
 * out of order.  Files are written under a mkdtemp directory, removed at
 * the end; no lexicon is needed (the work is ours, not the pipeline).
 */
#include "ctx.h"
#include "doc.h"
#include "err.h"
#include "harness.h"
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char tmp[256];
static struct dyad_ctx ctx;

/* Everything the calling thread saw, as text. */
typedef struct seen {
  char *log;
  size_t len, cap;
  long ndocs;
  long stop_at;       /* output returns 1 at this document (1-based); 0 never */
  int skip_even;      /* skip the documents of even JSONL lines */
  int bad;            /* a document came with a wrong work result */
} seen;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void seen_add(seen *s, const char *fmt, ...) {
  char line[1024];
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  if (k < 0) return;
  if (s->len + (size_t)k + 1 > s->cap) {
    s->cap = (s->len + (size_t)k + 1) * 2;
    s->log = realloc(s->log, s->cap);
  }
  memcpy(s->log + s->len, line, (size_t)k + 1);
  s->len += (size_t)k;
}

static const char *rel(const char *path) {
  size_t n = strlen(tmp);
  return strncmp(path, tmp, n) == 0 && path[n] == '/' ? path + n + 1 : path;
}

static void on_warn(void *user, const char *path, long line, const char *msg) {
  seen_add(user, "W %s:%ld: %s\n", rel(path), line, msg);
}

static void on_path_error(void *user, const dyad_err *err) {
  seen_add(user, "E %s %d %s\n", rel(err->path), err->code, err->message);
}

static uint32_t checksum(const dyad_doc *doc) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < doc->orig_len; i++) h = (h ^ (unsigned char)doc->orig[i]) * 16777619u;
  return h;
}

/* The work: a checksum left in the document, after a pseudo-random pause
 * (up to 0.1 ms; one document in 16 ten times longer); fails on
 * documents whose text starts with "FAIL". */
static int work(void *user, dyad_doc *doc, const dyad_ctx *c, dyad_err *err) {
  (void)user;
  (void)c;
  uint32_t h = checksum(doc);
  struct timespec ts = {0, (long)(h % 100) * 1000 * ((h >> 9) % 16 == 0 ? 10 : 1)};
  nanosleep(&ts, NULL);
  doc->nevents = h;
  doc->text = arena_strndup(&doc->mem, "worked", 6);
  if (doc->orig_len >= 4 && !memcmp(doc->orig, "FAIL", 4))
    return err_set(err, DYAD_EINPUT, doc->path, doc->line, 0, "refused %s", doc->id);
  return 0;
}

static int skip(void *user, const dyad_doc *doc) {
  const seen *s = user;
  return s->skip_even && doc->line % 2 == 0;
}

static int output(void *user, dyad_doc *doc, int rc, const dyad_err *err) {
  seen *s = user;
  s->ndocs++;
  if (rc == DYAD_SKIPPED) {
    if (doc->text) s->bad = 1;
    seen_add(s, "S %s %ld\n", doc->id, doc->line);
  } else {
    if (!doc->text || doc->nevents != checksum(doc)) s->bad = 1;
    seen_add(s, "D %s %ld", doc->id, doc->line);
    if (rc) seen_add(s, " failed %s %d %s", rel(err->path), rc, err->message);
    seen_add(s, "\n");
  }
  return s->stop_at && s->ndocs == s->stop_at;
}

static void write_file(const char *name, const char *data) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", tmp, name);
  FILE *f = fopen(path, "wb");
  if (!f) { perror(path); exit(2); }
  fputs(data, f);
  fclose(f);
}

/* A JSONL file of n lines: articles, with broken lines, empty texts,
 * unrecognised dates, texts refused by the work, and a run of nbad bad
 * lines after line 100. */
static void write_jsonl(const char *name, int n, int nbad) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", tmp, name);
  FILE *f = fopen(path, "wb");
  if (!f) { perror(path); exit(2); }
  for (int i = 1; i <= n; i++) {
    if (i % 13 == 0) fputs("{\"id\": \"broken\", \"text\": \n", f);
    else if (i % 17 == 0) fprintf(f, "{\"id\":\"e%d\",\"text\":\"  \"}\n", i);
    else if (i % 19 == 0) fprintf(f, "{\"id\":\"d%d\",\"date\":\"hier\",\"text\":\"Un texte %d.\"}\n", i, i);
    else if (i % 23 == 0) fprintf(f, "{\"id\":\"f%d\",\"text\":\"FAIL %d\"}\n", i, i);
    else fprintf(f, "{\"id\":\"a%d\",\"text\":\"Le ministre %d a parl\\u00e9 %s.\"}\n", i, i,
                 i % 5 ? "longuement" : "");
    if (i == 100)
      for (int k = 0; k < nbad; k++) fputs("{oops}\n", f);
  }
  fclose(f);
}

static void run(const char *const *paths, size_t n, int threads, seen *s, dyad_input_stats *st,
                int *rc) {
  dyad_run_opts o = {threads, work, skip, output, on_path_error, s};
  memset(st, 0, sizeof *st);
  ctx.warn = on_warn;
  ctx.warn_user = s;
  *rc = dyad_run(&ctx, paths, n, &o, st);
}

/* Run paths on one thread, then on several, and compare all they saw. */
static void compare(const char *id, const char *const *paths, size_t n, long stop_at, int skip_even) {
  static const int threads[] = {2, 3, 8, 64};
  seen ref = {0};
  ref.stop_at = stop_at;
  ref.skip_even = skip_even;
  dyad_input_stats rst;
  int rrc;
  run(paths, n, 1, &ref, &rst, &rrc);
  EXPECT(ref.ndocs > 0 && !ref.bad, id, "one thread: %ld documents, bad %d", ref.ndocs, ref.bad);
  for (size_t k = 0; k < sizeof threads / sizeof *threads; k++) {
    char cid[128];
    snprintf(cid, sizeof cid, "%s/threads=%d", id, threads[k]);
    seen s = {0};
    s.stop_at = stop_at;
    s.skip_even = skip_even;
    dyad_input_stats st;
    int rc;
    run(paths, n, threads[k], &s, &st, &rc);
    EXPECT(!s.bad, cid, "a document came with a wrong work result");
    EXPECT_INT(cid, rrc, rc);
    EXPECT_INT(cid, rst.docs, st.docs);
    EXPECT_INT(cid, rst.files, st.files);
    EXPECT_INT(cid, rst.skipped, st.skipped);
    EXPECT_INT(cid, rst.repaired, st.repaired);
    EXPECT(s.len == ref.len && !memcmp(s.log, ref.log, ref.len), cid,
           "what the caller saw differs from one thread (%zu and %zu bytes)", ref.len, s.len);
    if (s.len != ref.len || memcmp(s.log, ref.log, ref.len)) {
      size_t i = 0;
      while (i < s.len && i < ref.len && s.log[i] == ref.log[i]) i++;
      while (i > 0 && ref.log[i - 1] != '\n') i--;
      fprintf(stderr, "  one thread: %.200s\n  threads:    %.200s\n", ref.log + i,
              i < s.len ? s.log + i : "");
    }
    free(s.log);
  }
  free(ref.log);
}

int main(void) {
  snprintf(tmp, sizeof tmp, "%s/dyad-par-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  if (!mkdtemp(tmp)) { perror("mkdtemp"); return 2; }
  char p1[600], p2[600], p3[600], p4[600], p5[600];
  write_jsonl("big.jsonl", 600, 0);
  write_jsonl("flood.jsonl", 300, 6000);
  snprintf(p1, sizeof p1, "%s/big.jsonl", tmp);
  snprintf(p2, sizeof p2, "%s/missing.txt", tmp);
  snprintf(p3, sizeof p3, "%s/dir", tmp);
  snprintf(p4, sizeof p4, "%s/flood.jsonl", tmp);
  snprintf(p5, sizeof p5, "%s/dir/b.txt", tmp);
  mkdir(p3, 0755);
  write_file("dir/a.txt", "Premier article.");
  write_file("dir/b.txt", "");
  write_file("dir/c.txt", "Le ministre \377 a parl\303\251.");
  write_file("dir/d.txt", "FAIL ici.");
  write_file("dir/e.jsonl", "{\"id\":\"x\",\"text\":\"Dernier.\"}\n{bad\n");
  const char *all[] = {p1, p2, p3, p4, p5, p1};

  compare("one-path", all, 1, 0, 0);
  compare("all-paths", all, 6, 0, 0);
  compare("skip", all, 6, 0, 1);
  compare("flood", all + 3, 1, 0, 0);  /* 6000 warnings between two documents */
  compare("stop-early", all, 6, 5, 0);
  compare("stop-mid", all, 6, 333, 0);
  compare("stop-in-dir", all, 6, 483, 0);
  compare("stop-in-flood", all + 3, 1, 95, 0);

  /* threads 0: one per CPU; then stop at the last document */
  seen s = {0};
  dyad_input_stats st;
  int rc;
  run(all, 6, 0, &s, &st, &rc);
  EXPECT(!s.bad, "cpus", "a document came with a wrong work result");
  EXPECT_INT("cpus-rc", DYAD_EIO, rc);
  EXPECT(dyad_cpus() >= 1, "cpus", "dyad_cpus() = %d", dyad_cpus());
  free(s.log);
  compare("stop-last", all, 6, s.ndocs, 0);

  char cmd[700];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
  if (system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", tmp);
  HARNESS_END();
}
