/* test_ingest.c: unit tests for src/ingest.c (dyad_read_path).
 *
 * Belongs here: reading files, JSONL, directories and stdin into
 * documents (ids, paths, lines, urls, dates and how they were found,
 * bytes unchanged), and every bad input: invalid UTF-8, NUL bytes, binary
 * files, empty files, broken/empty/too deep JSONL lines, over-long lines
 * and files, a 50 MB single line, dangling links, symbolic link loops,
 * FIFOs and devices,
 * deep directories, unreadable and missing paths; the warnings given
 * (exact text) and the statistics.  Files are written under a mkdtemp
 * directory, removed at the end.
 *
 * Built with the library, ctx_warn comes from src/ctx.c; to build this
 * file alone, define DYAD_TEST_CTX_STUB for a local copy.
 */
#include "ctx.h"
#include "doc.h"
#include "harness.h"
#include "ingest.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef DYAD_TEST_CTX_STUB
void ctx_warn(const dyad_ctx *ctx, const char *path, long line, const char *fmt, ...) {
  if (!ctx || !ctx->warn) return;
  char msg[600];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  ctx->warn(ctx->warn_user, path, line, msg);
}
#endif

static char tmp[256];  /* the mkdtemp directory */

/* What the callbacks saw. */
typedef struct seen_doc {
  char id[128], path[512], url[128], date[16], how[16];
  long line;
  size_t len;
  char head[64];  /* first bytes of orig */
} seen_doc;

typedef struct seen {
  seen_doc docs[64];
  int ndocs;
  char warns[64][700];  /* "REL:LINE: message", REL relative to tmp */
  int nwarns;
  int stop_after;       /* stop when ndocs reaches it; 0 never */
} seen;

static const char *rel(const char *path) {
  size_t n = strlen(tmp);
  return strncmp(path, tmp, n) == 0 && path[n] == '/' ? path + n + 1 : path;
}

static void on_warn(void *user, const char *path, long line, const char *msg) {
  seen *s = user;
  if (s->nwarns < 64) snprintf(s->warns[s->nwarns++], 700, "%s:%ld: %s", rel(path), line, msg);
}

static int on_doc(void *user, dyad_doc *doc) {
  seen *s = user;
  if (s->ndocs < 64) {
    seen_doc *d = &s->docs[s->ndocs];
    snprintf(d->id, sizeof d->id, "%s", doc->id);
    snprintf(d->path, sizeof d->path, "%s", rel(doc->path));
    snprintf(d->url, sizeof d->url, "%s", doc->url ? doc->url : "(null)");
    dyad_date_format(doc->published, d->date);
    snprintf(d->how, sizeof d->how, "%s", doc->published_how ? doc->published_how : "(null)");
    d->line = doc->line;
    d->len = doc->orig_len;
    size_t h = doc->orig_len < sizeof d->head - 1 ? doc->orig_len : sizeof d->head - 1;
    memcpy(d->head, doc->orig, h);
    d->head[h] = '\0';
  }
  s->ndocs++;
  dyad_doc_free(doc);
  return s->stop_after && s->ndocs >= s->stop_after;
}

static struct dyad_ctx ctx;

static void write_file(const char *name, const char *data, size_t n) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", tmp, name);
  FILE *f = fopen(path, "wb");
  if (!f) { perror(path); exit(2); }
  if (n) fwrite(data, 1, n, f);
  fclose(f);
}

static void make_dir(const char *name) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", tmp, name);
  if (mkdir(path, 0755) != 0 && errno != EEXIST) { perror(path); exit(2); }
}

/* Read tmp/name with the given limit (0: default) into s. */
static int read_one(const char *name, size_t max, seen *s, dyad_input_stats *st, dyad_err *err) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", tmp, name);
  memset(s, 0, sizeof *s);
  memset(st, 0, sizeof *st);
  ctx.warn = on_warn;
  ctx.warn_user = s;
  ingest_opts o = {max, NULL, NULL};
  return ingest_read_path(&ctx, path, &o, on_doc, s, st, err);
}

/* ---- one file at a time ------------------------------------------------ */

#define N_(s) s, sizeof s - 1
static const char binary_bytes[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0";
static const char utf16_bytes[] = "\xFF\xFEh\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0";
static const char controls[] = "ab\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17"
                               "cd\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x01\x02";
static const char latin1[] = "Le pr\xE9sident ivoirien a re\xE7u son homologue \xE0 Abidjan.";

static const struct file_case {
  const char *id, *name;
  const char *data;
  size_t n;
  int ndocs;
  const char *doc_id, *date, *how, *url;
  long line;
  const char *warning;  /* the only warning expected, or NULL */
  long skipped, repaired;
} files[] = {
    {"header", "d001.txt", N_(" date 2023-06 Alassane Ouattara et son homologue"), 1, "d001",
     "2023-06", "header", "(null)", 0, NULL, 0, 0},
    {"dateline", "abidjan.txt", N_("Abidjan, le 26 novembre 2014 \xE2\x80\x93 Le président"), 1,
     "abidjan", "2014-11-26", "dateline", "(null)", 0, NULL, 0, 0},
    {"no-date", "plain.txt", N_("Un texte sans date.\n"), 1, "plain", "", "(null)", "(null)", 0, NULL, 0, 0},
    {"two-dots", "a.b.txt", N_("x"), 1, "a.b", "", "(null)", "(null)", 0, NULL, 0, 0},
    {"other-ext", "notes.md", N_("Texte"), 1, "notes", "", "(null)", "(null)", 0, NULL, 0, 0},
    {"invalid-utf8", "bad.txt", N_("abc\xFF" "def\xC3"), 1, "bad", "", "(null)", "(null)", 0,
     "bad.txt:0: invalid UTF-8 at byte 3, replaced", 0, 1},
    {"latin1", "latin1.txt", N_(latin1), 1, "latin1", "", "(null)", "(null)", 0,
     "latin1.txt:0: invalid UTF-8 at byte 5, replaced", 0, 1},
    {"nul", "nul.txt", N_("abc\0def ghi"), 1, "nul", "", "(null)", "(null)", 0,
     "nul.txt:0: NUL byte at byte 3, read as a space", 0, 1},
    {"binary", "bin.txt", N_(binary_bytes), 0, NULL, NULL, NULL, NULL, 0,
     "bin.txt:0: binary file, skipped", 1, 0},
    {"utf16", "utf16.txt", N_(utf16_bytes), 0, NULL, NULL, NULL, NULL, 0,
     "utf16.txt:0: binary file, skipped", 1, 0},
    {"controls", "ctl.txt", N_(controls), 0, NULL, NULL, NULL, NULL, 0,
     "ctl.txt:0: binary file, skipped", 1, 0},
    {"empty", "empty.txt", "", 0, 0, NULL, NULL, NULL, NULL, 0, "empty.txt:0: empty file, skipped", 1, 0},
    {"blank", "blank.txt", N_("  \n\t\r\n"), 0, NULL, NULL, NULL, NULL, 0,
     "blank.txt:0: empty file, skipped", 1, 0},
    {"jsonl-basic", "one.jsonl",
     N_("{\"id\":\"x1\",\"text\":\"Bonjour\",\"date\":\"2023-08-15T10:00:00Z\",\"url\":\"https://a.b/c\"}\n"),
     1, "x1", "2023-08-15", "jsonl", "https://a.b/c", 1, NULL, 0, 0},
    {"jsonl-id-number", "num.jsonl", N_("{\"id\":42,\"text\":\"t\",\"date\":\"2023\"}"), 1, "42", "2023",
     "jsonl", "(null)", 1, NULL, 0, 0},
    {"jsonl-no-id", "noid.jsonl", N_("\n\n{\"text\":\" date 2023-08 texte\"}\n"), 1, "noid:3", "2023-08",
     "header", "(null)", 3, NULL, 0, 0},
    {"jsonl-empty-id", "eid.jsonl", N_("{\"id\":\"\",\"text\":\"t\"}\n"), 1, "eid:1", "", "(null)", "(null)",
     1, NULL, 0, 0},
    {"jsonl-text-dateline", "dl.jsonl", N_("{\"text\":\"Hanoi, 18 ao\\u00fbt 2022\\nLe ministre\"}"), 1,
     "dl:1", "2022-08-18", "dateline", "(null)", 1, NULL, 0, 0},
    {"jsonl-bad-date", "bd.jsonl", N_("{\"text\":\"Hanoi, 18 août 2022\\nX\",\"date\":\"yesterday\"}\n"), 1,
     "bd:1", "2022-08-18", "dateline", "(null)", 1, "bd.jsonl:1: unrecognised date \"yesterday\", ignored",
     0, 0},
    {"jsonl-date-month", "dm.jsonl", N_("{\"text\":\"x\",\"date\":\"2023-08\"}"), 1, "dm:1", "2023-08",
     "jsonl", "(null)", 1, NULL, 0, 0},
    {"jsonl-crlf-bom", "crlf.jsonl", N_("\xEF\xBB\xBF{\"id\":\"c\",\"text\":\"t\"}\r\n\r\n"), 1, "c", "",
     "(null)", "(null)", 1, NULL, 0, 0},
    {"jsonl-nested", "nest.jsonl",
     N_("{\"tags\":[[\"a\",[1,2,{\"b\":[null,true]}]],{}],\"meta\":{\"x\":{\"y\":[]}},\"text\":\"t\",\"n\":-1.5e3}\n"),
     1, "nest:1", "", "(null)", "(null)", 1, NULL, 0, 0},
    {"jsonl-no-text", "nt.jsonl", N_("{\"id\":\"a\",\"title\":\"t\"}\n"), 0, NULL, NULL, NULL, NULL, 0,
     "nt.jsonl:1: no \"text\" string, skipped", 1, 0},
    {"jsonl-text-null", "tn.jsonl", N_("{\"text\":null}\n"), 0, NULL, NULL, NULL, NULL, 0,
     "tn.jsonl:1: no \"text\" string, skipped", 1, 0},
    {"jsonl-empty-text", "et.jsonl", N_("{\"text\":\"\"}\n"), 0, NULL, NULL, NULL, NULL, 0,
     "et.jsonl:1: empty \"text\", skipped", 1, 0},
    {"jsonl-blank-text", "bt.jsonl", N_("{\"text\":\" \\n\\t \"}\n"), 0, NULL, NULL, NULL, NULL, 0,
     "bt.jsonl:1: empty \"text\", skipped", 1, 0},
    {"jsonl-binary-text", "bx.jsonl",
     N_("{\"text\":\"\\u0000\\u0000\\u0001\\u0002\\u0003\"}\n"), 0, NULL, NULL, NULL, NULL, 0,
     "bx.jsonl:1: binary \"text\", skipped", 1, 0},
    {"jsonl-broken", "br.jsonl", N_("{\"text\":\"a\" x}\n"), 0, NULL, NULL, NULL, NULL, 0,
     "br.jsonl:1: bad JSON: expected ',' or '}', found 'x' at column 13", 1, 0},
    {"jsonl-too-deep", "deep.jsonl",
     N_("{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],\"text\":\"t\"}"),
     0, NULL, NULL, NULL, NULL, 0, "deep.jsonl:1: bad JSON: nesting deeper than 64 at column 69", 1, 0},
    {"jsonl-invalid-utf8", "iu.jsonl", N_("{\"text\":\"ab\xFF\"}\n"), 1, "iu:1", "", "(null)", "(null)", 1,
     "iu.jsonl:1: invalid UTF-8 in \"text\" at byte 2, replaced", 0, 1},
    {"jsonl-u0000", "u0.jsonl", N_("{\"text\":\"ab\\u0000c\"}\n"), 1, "u0:1", "", "(null)", "(null)", 1,
     "u0.jsonl:1: NUL byte in \"text\" at byte 2, read as a space", 0, 1},
    {"jsonl-empty", "empty.jsonl", "", 0, 0, NULL, NULL, NULL, NULL, 0,
     "empty.jsonl:0: empty file, skipped", 1, 0},
    {"jsonl-blank-lines", "bl.jsonl", N_("\n  \n\r\n"), 0, NULL, NULL, NULL, NULL, 0,
     "bl.jsonl:0: empty file, skipped", 1, 0},
    {"jsonl-binary-file", "bf.jsonl", N_(binary_bytes), 0, NULL, NULL, NULL, NULL, 0,
     "bf.jsonl:0: binary file, skipped", 1, 0},
};

static void test_files(void) {
  for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
    const struct file_case *c = &files[k];
    write_file(c->name, c->data, c->n);
    seen s;
    dyad_input_stats st;
    dyad_err err;
    int rc = read_one(c->name, 0, &s, &st, &err);
    EXPECT_INT(c->id, 0, rc);
    EXPECT_INT(c->id, c->ndocs, s.ndocs);
    EXPECT_INT(c->id, 1, st.files);
    EXPECT_INT(c->id, c->ndocs, st.docs);
    EXPECT_INT(c->id, c->skipped, st.skipped);
    EXPECT_INT(c->id, c->repaired, st.repaired);
    EXPECT_INT(c->id, c->warning ? 1 : 0, s.nwarns);
    if (c->warning && s.nwarns) EXPECT_STR(c->id, c->warning, s.warns[0]);
    if (!c->warning && s.nwarns) EXPECT(0, c->id, "unexpected warning %s", s.warns[0]);
    if (c->ndocs && s.ndocs) {
      seen_doc *d = &s.docs[0];
      EXPECT_STR(c->id, c->doc_id, d->id);
      EXPECT_STR(c->id, c->name, d->path);
      EXPECT_STR(c->id, c->date, d->date);
      EXPECT_STR(c->id, c->how, d->how);
      EXPECT_STR(c->id, c->url, d->url);
      EXPECT_INT(c->id, c->line, d->line);
      if (c->line == 0) {  /* text files: the bytes unchanged */
        EXPECT_INT(c->id, c->n, d->len);
        EXPECT(memcmp(d->head, c->data, d->len < 63 ? d->len : 63) == 0, c->id, "bytes changed");
      }
    }
  }
}

/* A JSONL file with good, broken and odd lines: the rest is still read. */
static void test_jsonl_mixed(void) {
  static const char data[] =
      "{\"id\":\"l1\",\"text\":\"un\"}\n"
      "{\"id\":\"l2\",\"text\":\"deux\" \"oops\"}\n"
      "\n"
      "not json at all\n"
      "{\"id\":\"l5\",\"text\":\"cinq\",\"extra\":[1,[2,[3]]]}\n"
      "{\"id\":\"l6\"}\n"
      "{\"id\":\"l7\",\"text\":\"sept\\u00e9\"}";  /* no final newline */
  write_file("mixed.jsonl", data, sizeof data - 1);
  seen s;
  dyad_input_stats st;
  dyad_err err;
  EXPECT_INT("mixed", 0, read_one("mixed.jsonl", 0, &s, &st, &err));
  EXPECT_INT("mixed", 3, s.ndocs);
  EXPECT_STR("mixed", "l1", s.docs[0].id);
  EXPECT_STR("mixed", "l5", s.docs[1].id);
  EXPECT_INT("mixed", 5, s.docs[1].line);
  EXPECT_STR("mixed", "l7", s.docs[2].id);
  EXPECT_INT("mixed", 7, s.docs[2].line);
  EXPECT_STR("mixed", "sept\xC3\xA9", s.docs[2].head);
  EXPECT_INT("mixed", 3, st.skipped);
  EXPECT_INT("mixed", 3, s.nwarns);
  static const char *const warns[] = {
      "mixed.jsonl:2: bad JSON: expected ',' or '}', found '\"' at column 26",
      "mixed.jsonl:4: bad JSON: expected '{', found 'n' at column 1",
      "mixed.jsonl:6: no \"text\" string, skipped",
  };
  for (int k = 0; k < 3 && k < s.nwarns; k++) EXPECT_STR("mixed", warns[k], s.warns[k]);
  /* invalid UTF-8 on two lines: one warning for the file, counted once */
  static const char twice[] = "{\"text\":\"a\xFF\"}\n{\"text\":\"b\xFE\"}\n";
  write_file("twice.jsonl", twice, sizeof twice - 1);
  EXPECT_INT("utf8-once", 0, read_one("twice.jsonl", 0, &s, &st, &err));
  EXPECT_INT("utf8-once", 2, s.ndocs);
  EXPECT_INT("utf8-once", 1, s.nwarns);
  EXPECT_INT("utf8-once", 1, st.repaired);
}

/* Limits: a small limit for lines and files, a sparse file over the
 * default limit, and 50 MB single lines that must work. */
static void test_limits(void) {
  seen s;
  dyad_input_stats st;
  dyad_err err;
  char *big = malloc(5000);
  memset(big, 'a', 5000);
  write_file("big.txt", big, 2000);
  EXPECT_INT("file-limit", 0, read_one("big.txt", 1000, &s, &st, &err));
  EXPECT_INT("file-limit", 0, s.ndocs);
  EXPECT_INT("file-limit", 1, st.skipped);
  EXPECT_STR("file-limit", "big.txt:0: file larger than 1000 bytes, skipped", s.warns[0]);
  EXPECT_INT("file-at-limit", 0, read_one("big.txt", 2000, &s, &st, &err));
  EXPECT_INT("file-at-limit", 1, s.ndocs);

  /* JSONL: a long line between two short ones, and one at the end */
  size_t n = 0;
  char *j = malloc(20000);
  n += (size_t)sprintf(j + n, "{\"id\":\"s1\",\"text\":\"court\"}\n{\"text\":\"");
  memcpy(j + n, big, 5000);
  n += 5000;
  n += (size_t)sprintf(j + n, "\"}\n{\"id\":\"s3\",\"text\":\"court\"}\n{\"text\":\"");
  memcpy(j + n, big, 5000);
  n += 5000;
  n += (size_t)sprintf(j + n, "\"}");
  write_file("long.jsonl", j, n);
  EXPECT_INT("line-limit", 0, read_one("long.jsonl", 1000, &s, &st, &err));
  EXPECT_INT("line-limit", 2, s.ndocs);
  EXPECT_STR("line-limit", "s3", s.ndocs > 1 ? s.docs[1].id : "");
  EXPECT_INT("line-limit", 3, s.ndocs > 1 ? s.docs[1].line : 0);
  EXPECT_INT("line-limit", 2, st.skipped);
  EXPECT_INT("line-limit", 2, s.nwarns);
  EXPECT_STR("line-limit", "long.jsonl:2: line longer than 1000 bytes, skipped", s.warns[0]);
  EXPECT_STR("line-limit", "long.jsonl:4: line longer than 1000 bytes, skipped", s.warns[1]);
  free(j);
  free(big);

  /* a sparse file over 64 MiB is skipped without being read */
  char path[512];
  snprintf(path, sizeof path, "%s/huge.txt", tmp);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0 && ftruncate(fd, (off_t)100 << 20) == 0) {
    close(fd);
    EXPECT_INT("huge", 0, read_one("huge.txt", 0, &s, &st, &err));
    EXPECT_INT("huge", 0, s.ndocs);
    EXPECT_STR("huge", "huge.txt:0: file larger than 64 MiB, skipped", s.warns[0]);
    unlink(path);
  } else {
    if (fd >= 0) close(fd);
    printf("skip: sparse file not supported\n");
  }

  /* 50 MB on one line: a text file and a JSONL line */
  size_t big_n = (size_t)50 << 20;
  char *b = malloc(big_n + 64);
  for (size_t i = 0; i < big_n; i++) b[i] = "mot "[i % 4];
  memcpy(b, "date 2023-08 ", 13);
  write_file("fifty.txt", b, big_n);
  EXPECT_INT("50MB-txt", 0, read_one("fifty.txt", 0, &s, &st, &err));
  EXPECT_INT("50MB-txt", 1, s.ndocs);
  EXPECT_INT("50MB-txt", big_n, s.docs[0].len);
  EXPECT_STR("50MB-txt", "2023-08", s.docs[0].date);
  memcpy(b, "{\"id\":\"big\",\"text\":\"", 20);
  memcpy(b + big_n - 2, "\"}", 2);
  write_file("fifty.jsonl", b, big_n);
  EXPECT_INT("50MB-jsonl", 0, read_one("fifty.jsonl", 0, &s, &st, &err));
  EXPECT_INT("50MB-jsonl", 1, s.ndocs);
  EXPECT_STR("50MB-jsonl", "big", s.docs[0].id);
  EXPECT_INT("50MB-jsonl", big_n - 22, s.docs[0].len);
  EXPECT_INT("50MB-jsonl", 0, s.nwarns);
  free(b);
  snprintf(path, sizeof path, "%s/fifty.txt", tmp);
  unlink(path);
  snprintf(path, sizeof path, "%s/fifty.jsonl", tmp);
  unlink(path);
}

/* A directory tree: order, filters, links, loops, bad files. */
static void test_tree(void) {
  make_dir("tree");
  make_dir("tree/sub");
  make_dir("tree/sub/deeper");
  make_dir("tree/.git");
  write_file("tree/b.txt", N_("Texte b"));
  write_file("tree/a.jsonl", N_("{\"text\":\"un\"}\n{\"id\":\"j2\",\"text\":\"deux\"}\n"));
  write_file("tree/c.md", N_("ignoré"));
  write_file("tree/.hidden.txt", N_("ignoré"));
  write_file("tree/.git/x.txt", N_("ignoré"));
  write_file("tree/sub/z.txt", N_("Hanoi, 18 août 2022\nTexte z"));
  write_file("tree/sub/deeper/y.TXT", N_("Texte y"));
  write_file("tree/sub/empty.txt", "", 0);
  write_file("tree/sub/bin.txt", N_(binary_bytes));
  char a[512], b[512];
  snprintf(a, sizeof a, "%s/tree/loop", tmp);
  int links = symlink(".", a) == 0;
  snprintf(a, sizeof a, "%s/tree/link.txt", tmp);
  snprintf(b, sizeof b, "%s/tree/sub/z.txt", tmp);
  links &= symlink(b, a) == 0;
  snprintf(a, sizeof a, "%s/tree/dangling.txt", tmp);
  links &= symlink("/nonexistent/nowhere", a) == 0;
  snprintf(a, sizeof a, "%s/tree/sub/back", tmp);
  links &= symlink("..", a) == 0;
  if (!links) printf("skip: symbolic links not supported\n");

  seen s;
  dyad_input_stats st;
  dyad_err err;
  EXPECT_INT("tree", 0, read_one("tree", 0, &s, &st, &err));
  static const char *const ids[] = {"a:1", "j2", "b", "link", "y", "z"};
  static const char *const paths[] = {"tree/a.jsonl", "tree/a.jsonl", "tree/b.txt", "tree/link.txt",
                                      "tree/sub/deeper/y.TXT", "tree/sub/z.txt"};
  int want = links ? 6 : 5;
  EXPECT_INT("tree", want, s.ndocs);
  for (int k = 0, g = 0; k < 6 && g < s.ndocs; k++) {
    if (!links && k == 3) continue;
    EXPECT_STR("tree", ids[k], s.docs[g].id);
    EXPECT_STR("tree", paths[k], s.docs[g].path);
    g++;
  }
  if (links) {
    EXPECT_STR("tree-link-date", "2022-08-18", s.docs[3].date);
    EXPECT_INT("tree", 7, st.files);
    EXPECT_INT("tree", 3, st.skipped);
    static const char *const warns[] = {
        "tree/dangling.txt:0: cannot read: dangling symbolic link, skipped",
        "tree/loop:0: directory already read (symbolic link loop?), skipped",
        "tree/sub/back:0: directory already read (symbolic link loop?), skipped",
        "tree/sub/bin.txt:0: binary file, skipped",
        "tree/sub/empty.txt:0: empty file, skipped",
    };
    EXPECT_INT("tree", 5, s.nwarns);
    for (int k = 0; k < 5 && k < s.nwarns; k++) EXPECT_STR("tree", warns[k], s.warns[k]);
  }
  EXPECT_INT("tree", want, st.docs);

  /* stop when the callback says so */
  memset(&s, 0, sizeof s);
  memset(&st, 0, sizeof st);
  s.stop_after = 2;
  ctx.warn_user = &s;
  snprintf(a, sizeof a, "%s/tree", tmp);
  EXPECT_INT("stop", 0, dyad_read_path(&ctx, a, on_doc, &s, &st, &err));
  EXPECT_INT("stop", 2, s.ndocs);
  EXPECT_INT("stop", 2, st.docs);
  EXPECT_INT("stop", 1, st.files);

  /* a trailing slash gives the same paths */
  snprintf(a, sizeof a, "%s/tree/sub/deeper/", tmp);
  memset(&s, 0, sizeof s);
  memset(&st, 0, sizeof st);
  EXPECT_INT("slash", 0, dyad_read_path(&ctx, a, on_doc, &s, &st, &err));
  EXPECT_STR("slash", "tree/sub/deeper/y.TXT", s.ndocs ? s.docs[0].path : "");

  /* stats accumulate across calls (in-out) */
  dyad_input_stats acc = {0, 0, 0, 0};
  seen s2;
  memset(&s2, 0, sizeof s2);
  ctx.warn_user = &s2;
  dyad_read_path(&ctx, a, on_doc, &s2, &acc, &err);
  dyad_read_path(&ctx, a, on_doc, &s2, &acc, &err);
  EXPECT_INT("in-out", 2 * st.docs, acc.docs);
}

/* Directories nested deeper than INGEST_MAX_DEPTH. */
static void test_depth(void) {
  char name[1024] = "deep";
  make_dir(name);
  for (int k = 0; k < INGEST_MAX_DEPTH + 2; k++) {
    strcat(name, "/d");
    make_dir(name);
  }
  strcat(name, "/x.txt");
  write_file(name, N_("profond"));
  write_file("deep/d/top.txt", N_("haut"));
  seen s;
  dyad_input_stats st;
  dyad_err err;
  EXPECT_INT("deep", 0, read_one("deep", 0, &s, &st, &err));
  EXPECT_INT("deep", 1, s.ndocs);
  EXPECT_STR("deep", "top", s.ndocs ? s.docs[0].id : "");
  EXPECT_INT("deep", 1, s.nwarns);
  EXPECT(s.nwarns && strstr(s.warns[0], "directory nested deeper than 64 levels, skipped"), "deep",
         "got %s", s.nwarns ? s.warns[0] : "no warning");
}

/* Errors on the path itself, and arguments. */
static void test_errors(void) {
  seen s;
  dyad_input_stats st;
  dyad_err err;
  int rc = read_one("does-not-exist.txt", 0, &s, &st, &err);
  EXPECT_INT("missing", DYAD_EIO, rc);
  EXPECT_INT("missing", DYAD_EIO, err.code);
  EXPECT_STR("missing", "cannot read: No such file or directory", err.message);
  EXPECT_STR("missing", "does-not-exist.txt", rel(err.path));
  EXPECT_INT("missing", 0, st.files);
  if (geteuid() != 0) {  /* root reads everything */
    write_file("secret.txt", N_("x"));
    char p[512];
    snprintf(p, sizeof p, "%s/secret.txt", tmp);
    chmod(p, 0);
    rc = read_one("secret.txt", 0, &s, &st, &err);
    EXPECT_INT("unreadable", DYAD_EIO, rc);
    EXPECT_STR("unreadable", "cannot open: Permission denied", err.message);
    make_dir("locked");
    write_file("locked/in.txt", N_("x"));
    make_dir("outer");
    write_file("outer/secret.txt", N_("x"));
    snprintf(p, sizeof p, "%s/outer/secret.txt", tmp);
    chmod(p, 0);
    rc = read_one("outer", 0, &s, &st, &err);
    EXPECT_INT("unreadable-inside", 0, rc);
    EXPECT_INT("unreadable-inside", 1, st.skipped);
    EXPECT_STR("unreadable-inside", "outer/secret.txt:0: cannot open: Permission denied, skipped",
               s.warns[0]);
    chmod(p, 0644);
    snprintf(p, sizeof p, "%s/secret.txt", tmp);
    chmod(p, 0644);
  } else {
    printf("skip: running as root, unreadable-file cases skipped\n");
  }
  EXPECT_INT("no-fn", DYAD_EUSAGE, dyad_read_path(&ctx, "x", NULL, NULL, NULL, &err));
  EXPECT_INT("no-path", DYAD_EUSAGE, dyad_read_path(&ctx, NULL, on_doc, NULL, NULL, &err));
  /* no context, no stats, no err: no warnings, no crash */
  char p[512];
  snprintf(p, sizeof p, "%s/bin.txt", tmp);
  memset(&s, 0, sizeof s);
  EXPECT_INT("null-ctx", 0, dyad_read_path(NULL, p, on_doc, &s, NULL, NULL));
  EXPECT_INT("null-ctx", DYAD_EIO, dyad_read_path(NULL, "/nonexistent/x", on_doc, &s, NULL, NULL));
}

/* Paths that are no regular file: a dangling link given, FIFOs (given
 * with a writer; in a directory, never opened), devices. */
static void test_special(void) {
  seen s;
  dyad_input_stats st;
  dyad_err err;
  char p[512];
  snprintf(p, sizeof p, "%s/gone.txt", tmp);
  if (symlink("/nonexistent/nowhere", p) == 0) {
    EXPECT_INT("dangling-top", DYAD_EIO, read_one("gone.txt", 0, &s, &st, &err));
    EXPECT_STR("dangling-top", "cannot read: dangling symbolic link", err.message);
  }
  make_dir("pipes");
  snprintf(p, sizeof p, "%s/pipes/p.txt", tmp);
  if (mkfifo(p, 0644) == 0) {
    EXPECT_INT("fifo-in-dir", 0, read_one("pipes", 0, &s, &st, &err));
    EXPECT_INT("fifo-in-dir", 1, st.skipped);
    EXPECT_STR("fifo-in-dir", "pipes/p.txt:0: not a regular file, skipped", s.warns[0]);
    /* given, with a writer: the writer's open waits for ours */
    pid_t pid = fork();
    if (pid == 0) {
      int fd = open(p, O_WRONLY);
      if (fd >= 0 && write(fd, "Texte lu d'un tube.", 19) == 19) _exit(0);
      _exit(1);
    }
    EXPECT_INT("fifo-writer", 0, read_one("pipes/p.txt", 0, &s, &st, &err));
    EXPECT_INT("fifo-writer", 1, s.ndocs);
    EXPECT_INT("fifo-writer", 19, s.ndocs ? s.docs[0].len : 0);
    EXPECT_STR("fifo-writer", "p", s.ndocs ? s.docs[0].id : "");
    if (pid > 0) waitpid(pid, NULL, 0);
  } else {
    printf("skip: mkfifo failed, FIFO cases skipped\n");
  }
  /* a device that never ends: binary by its first bytes, not read on */
  if (access("/dev/zero", R_OK) == 0) {
    memset(&s, 0, sizeof s);
    ctx.warn_user = &s;
    EXPECT_INT("dev-zero", 0, dyad_read_path(&ctx, "/dev/zero", on_doc, &s, &st, &err));
    EXPECT_INT("dev-zero", 0, s.ndocs);
    EXPECT_STR("dev-zero", "/dev/zero:0: binary file, skipped", s.nwarns ? s.warns[0] : "");
  }
}

/* "-": stdin, JSONL or text by its first byte. */
static void test_stdin(void) {
  static const struct {
    const char *id, *data;
    int ndocs;
    const char *doc_id, *date, *how, *warning;
  } cases[] = {
      {"stdin-jsonl", "  \n {\"text\":\"a\",\"date\":\"2020-01-02\"}\n{\"id\":\"k\",\"text\":\"b\"}\n", 2,
       "stdin:2", "2020-01-02", "jsonl", NULL},
      {"stdin-bom-jsonl", "\xEF\xBB\xBF{\"text\":\"a\"}", 1, "stdin:1", "", "(null)", NULL},
      {"stdin-text", " date 2023-08 Texte {pas json}", 1, "stdin", "2023-08", "header", NULL},
      {"stdin-empty", "", 0, NULL, NULL, NULL, "<stdin>:0: empty file, skipped"},
      {"stdin-broken", "{\"text\":}\n", 0, NULL, NULL, NULL,
       "<stdin>:1: bad JSON: expected a value, found '}' at column 9"},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    write_file("stdin.in", cases[k].data, strlen(cases[k].data));
    char p[512];
    snprintf(p, sizeof p, "%s/stdin.in", tmp);
    if (!freopen(p, "rb", stdin)) {
      printf("skip: cannot reopen stdin\n");
      return;
    }
    seen s;
    dyad_input_stats st;
    dyad_err err;
    memset(&s, 0, sizeof s);
    memset(&st, 0, sizeof st);
    ctx.warn_user = &s;
    EXPECT_INT(cases[k].id, 0, dyad_read_path(&ctx, "-", on_doc, &s, &st, &err));
    EXPECT_INT(cases[k].id, cases[k].ndocs, s.ndocs);
    EXPECT_INT(cases[k].id, 1, st.files);
    if (cases[k].ndocs && s.ndocs) {
      EXPECT_STR(cases[k].id, cases[k].doc_id, s.docs[0].id);
      EXPECT_STR(cases[k].id, "", s.docs[0].path);
      EXPECT_STR(cases[k].id, cases[k].date, s.docs[0].date);
      EXPECT_STR(cases[k].id, cases[k].how, s.docs[0].how);
    }
    EXPECT_INT(cases[k].id, cases[k].warning ? 1 : 0, s.nwarns);
    if (cases[k].warning && s.nwarns) EXPECT_STR(cases[k].id, cases[k].warning, s.warns[0]);
  }
}

static void test_sniff(void) {
  static const struct {
    const char *id, *data;
    size_t n;
    int binary;
  } cases[] = {
      {"text", N_("Bonjour à tous"), 0},
      {"one-nul", N_("abc\0def"), 0},
      {"two-nuls-apart", N_("ab\0cd\0ef"), 0},
      {"nuls-in-a-row", N_("ab\0\0cd"), 1},
      {"five-nuls", N_("a\0b\0c\0d\0e\0f"), 1},
      {"tabs-newlines", N_("\t\t\n\n\r\n\f\v"), 0},
      {"controls", N_("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f abcdefghijklmnopqrst"), 1},
      {"few-controls-short", N_("\x01\x02\x03 abcdef"), 0},
      {"latin1", N_("caf\xE9 cr\xE8me br\xFBl\xE9" "e au d\xE9jeuner"), 0},
      {"all-invalid", N_("\xFF\xFE\xFD\xFC\xFF\xFE\xFD\xFC\xFF\xFE\xFD\xFC"), 1},
      {"few-invalid-short", N_("\xFF\xFE\xFD\xFC"), 0},
      {"empty", "", 0, 0},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
    EXPECT_INT(cases[k].id, cases[k].binary, ingest_is_binary(cases[k].data, cases[k].n, 0));
  /* a sequence cut by the sample's end is not held against the text */
  char buf[INGEST_SNIFF + 8];
  memset(buf, 'a', sizeof buf);
  memcpy(buf + INGEST_SNIFF - 1, "\xC3\xA9", 2);
  EXPECT_INT("cut-sequence", 0, ingest_is_binary(buf, sizeof buf, 0));
}

static void cleanup(void) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", tmp, tmp);
  if (system(cmd) != 0) fprintf(stderr, "test_ingest: could not remove %s\n", tmp);
}

int main(void) {
  const char *base = getenv("TMPDIR");
  snprintf(tmp, sizeof tmp, "%s/dyad-ingest-XXXXXX", base && *base ? base : "/tmp");
  if (!mkdtemp(tmp)) {
    perror("mkdtemp");
    return 2;
  }
  memset(&ctx, 0, sizeof ctx);
  test_sniff();
  test_files();
  test_jsonl_mixed();
  test_limits();
  test_tree();
  test_depth();
  test_errors();
  test_special();
  test_stdin();
  cleanup();
  HARNESS_END();
}
