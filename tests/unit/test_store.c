/* test_store.c: the event store's pieces that need no command line:
 * SHA-256 (hash.h) against the FIPS 180-4 examples and split updates;
 * the schema the store creates against docs/store.md (same statements,
 * comments and spacing aside); opening (creation, user_version, WAL, a
 * newer schema refused, a missing file read-only); and the write rules
 * through the API (stored, unchanged, replaced, no empty cluster left).
 * Belongs here: store.c, events.c and hash.c at the API level; loads of
 * files through `dyad load` are in tests/store/. */
#include "dyad.h"
#include "harness.h"
#include "hash.h"
#include "store.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_sha256(void) {
  static const struct {
    const char *id, *in, *hex;
  } rows[] = {
      {"empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"two-blocks", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {"fox", "The quick brown fox jumps over the lazy dog",
       "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"},
  };
  char hex[65];
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
    EXPECT_STR(rows[i].id, rows[i].hex, hash_hex(rows[i].in, strlen(rows[i].in), hex));

  /* a million 'a', fed in uneven pieces */
  static char a[1000];
  memset(a, 'a', sizeof a);
  hash_sha256 s;
  unsigned char d[32];
  hash_init(&s);
  size_t left = 1000000, k = 1;
  while (left) {
    size_t n = k % 997 + 1;
    if (n > left) n = left;
    hash_update(&s, a, n);
    left -= n;
    k = k * 31 + 7;
  }
  hash_final(&s, d);
  static const char *digits = "0123456789abcdef";
  for (int i = 0; i < 32; i++) {
    hex[2 * i] = digits[d[i] >> 4];
    hex[2 * i + 1] = digits[d[i] & 15];
  }
  hex[64] = 0;
  EXPECT_STR("million-a", "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", hex);

  /* every split of every length up to 200 gives the one-shot digest */
  unsigned char buf[200];
  for (int i = 0; i < 200; i++) buf[i] = (unsigned char)(i * 37 + 11);
  int bad = 0;
  for (size_t n = 0; n <= 200 && !bad; n++) {
    char whole[65];
    hash_hex(buf, n, whole);
    for (size_t cut = 0; cut <= n; cut += 7) {
      hash_init(&s);
      hash_update(&s, buf, cut);
      hash_update(&s, buf + cut, n - cut);
      hash_final(&s, d);
      for (int i = 0; i < 32; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
      }
      if (strcmp(hex, whole)) bad = 1;
    }
  }
  EXPECT(!bad, "splits", "a split update differs from the one-shot digest");
}

/* SQL without comments, whitespace runs as one space. */
static void squeeze(const char *s, char *out, size_t cap) {
  size_t n = 0;
  int space = 0;
  while (*s && n + 2 < cap) {
    if (s[0] == '-' && s[1] == '-') {
      while (*s && *s != '\n') s++;
      continue;
    }
    if (*s == ' ' || *s == '\n' || *s == '\t') {
      space = 1;
      s++;
      continue;
    }
    if (space && n && !strchr("(,;", out[n - 1]) && *s != ')' && *s != ',') out[n++] = ' ';
    space = 0;
    out[n++] = *s++;
  }
  out[n] = 0;
}

static void test_schema_doc(void) {
  FILE *f = fopen("docs/store.md", "rb");
  EXPECT(f != NULL, "doc-present", "cannot open docs/store.md (run from the top directory)");
  if (!f) return;
  static char md[65536], sql[65536], a[65536], b[65536];
  size_t n = fread(md, 1, sizeof md - 1, f);
  fclose(f);
  md[n] = 0;
  const char *start = strstr(md, "```sql\n");
  const char *end = start ? strstr(start + 7, "```") : NULL;
  EXPECT(start && end, "doc-block", "no ```sql block in docs/store.md");
  if (!start || !end) return;
  snprintf(sql, sizeof sql, "%.*s", (int)(end - start - 7), start + 7);
  squeeze(sql, a, sizeof a);
  squeeze(store_schema_sql(), b, sizeof b);
  EXPECT(!strcmp(a, b), "doc-schema", "docs/store.md and store.c differ:\n%s\n%s", a, b);
}

static int query_int(const char *path, const char *sql) {
  sqlite3 *db;
  sqlite3_stmt *st;
  int v = -1;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return v;
}

static void exec(const char *path, const char *sql) {
  sqlite3 *db;
  if (sqlite3_open(path, &db) == SQLITE_OK) sqlite3_exec(db, sql, NULL, NULL, NULL);
  sqlite3_close(db);
}

static void test_open(const char *dir) {
  char path[512], missing[512];
  snprintf(path, sizeof path, "%s/a.db", dir);
  snprintf(missing, sizeof missing, "%s/none.db", dir);
  dyad_err err = {0};
  dyad_store *st = dyad_store_open(path, 0, &err);
  EXPECT(st != NULL, "create", "open failed: %s", err.message);
  EXPECT_INT("create-close", 0, dyad_store_close(st, &err));
  EXPECT_INT("user-version", STORE_SCHEMA_VERSION, query_int(path, "PRAGMA user_version"));
  EXPECT_INT("tables", 6, query_int(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                                          "('docs','actors','clusters','events','figures','agreements')"));
  EXPECT_INT("wal", 1, query_int(path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"));
  st = dyad_store_open(path, DYAD_STORE_READONLY, &err);
  EXPECT(st != NULL, "reopen-readonly", "open failed: %s", err.message);
  dyad_store_close(st, NULL);

  exec(path, "PRAGMA user_version = 99");
  memset(&err, 0, sizeof err);
  st = dyad_store_open(path, 0, &err);
  EXPECT(st == NULL, "newer", "a newer schema was opened");
  EXPECT_INT("newer-code", DYAD_EIO, err.code);
  EXPECT(strstr(err.message, "newer") != NULL, "newer-message", "got \"%s\"", err.message);
  dyad_store_close(st, NULL);

  memset(&err, 0, sizeof err);
  st = dyad_store_open(missing, DYAD_STORE_READONLY, &err);
  EXPECT(st == NULL, "missing", "a missing file was opened read-only");
  EXPECT_STR("missing-path", missing, err.path);
  EXPECT(access(missing, F_OK) != 0, "missing-not-created", "read-only open created %s", missing);
  memset(&err, 0, sizeof err);
  EXPECT(dyad_store_open("", 0, &err) == NULL && err.code == DYAD_EUSAGE, "empty-path",
         "code %d", err.code);
}

static dyad_doc *processed(const dyad_ctx *ctx, const char *id, const char *text) {
  dyad_err err = {0};
  dyad_doc *doc = dyad_doc_new(id, NULL, text, strlen(text), NULL);
  if (doc && dyad_process(doc, ctx, &err)) {
    fprintf(stderr, "process: %s\n", err.message);
  }
  return doc;
}

static const char visit_a[] =
    " date 2024-03-15\nDakar, le 14 mars 2024 - Le président sénégalais a reçu jeudi son homologue "
    "gambien, en visite officielle de deux jours au Sénégal.\n";
static const char visit_b[] =
    " date 2024-03-15\nBanjul, le 15 mars 2024 - Le président gambien s'est rendu jeudi 14 mars à "
    "Dakar, où il a été reçu par son homologue sénégalais.\n";
static const char visit_c[] =
    " date 2024-06-20\nDakar, le 20 juin 2024 - Le président sénégalais a reçu mercredi 19 juin son "
    "homologue mauritanien au palais présidentiel.\n";

static void test_writes(const char *dir) {
  dyad_err err = {0};
  dyad_ctx *ctx = dyad_ctx_new(NULL, &err);
  EXPECT(ctx != NULL, "ctx", "%s", err.message);
  if (!ctx) return;
  char path[512];
  snprintf(path, sizeof path, "%s/w.db", dir);
  dyad_store *st = dyad_store_open(path, 0, &err);
  EXPECT(st != NULL, "open", "%s", err.message);
  if (!st) {
    dyad_ctx_free(ctx);
    return;
  }
  dyad_doc *a = processed(ctx, "a", visit_a), *b = processed(ctx, "b", visit_b);
  EXPECT_INT("add-a", 0, dyad_store_add(st, a, ctx, &err));
  EXPECT_INT("add-b", 0, dyad_store_add(st, b, ctx, &err));
  EXPECT_INT("unchanged-a", 1, dyad_store_unchanged(st, a, &err));
  EXPECT_INT("add-a-again", 1, dyad_store_add(st, a, ctx, &err));
  dyad_doc *b2 = processed(ctx, "b", visit_c);
  EXPECT_INT("changed-b", 0, dyad_store_unchanged(st, b2, &err));
  EXPECT_INT("replace-b", 0, dyad_store_add(st, b2, ctx, &err));
  dyad_store_stats ss;
  dyad_store_get_stats(st, &ss);
  EXPECT_INT("stats-articles", 5, ss.articles);
  EXPECT_INT("stats-unchanged", 2, ss.unchanged);
  EXPECT_INT("stats-replaced", 1, ss.replaced);

  /* a malformed query is a usage error, the store is left usable */
  dyad_events_query q = {{NULL, NULL}, NULL, "4x", NULL, NULL};
  FILE *out = tmpfile();
  EXPECT_INT("bad-query", DYAD_EUSAGE, dyad_events_write(st, ctx, &q, 0, out, &err));
  q.code = "04";
  EXPECT(dyad_events_write(st, ctx, &q, DYAD_OPT_CSV, out, &err) > 0, "query", "%s", err.message);
  fclose(out);
  EXPECT_INT("close", 0, dyad_store_close(st, &err));

  EXPECT_INT("docs", 2, query_int(path, "SELECT count(*) FROM docs"));
  EXPECT_INT("b-replaced", 0, query_int(path, "SELECT count(*) FROM events e JOIN docs d ON d.id = e.doc "
                                              "WHERE d.ext_id = 'b' AND e.first < 19800"));
  EXPECT_INT("no-empty-cluster", 0,
             query_int(path, "SELECT count(*) FROM clusters c WHERE NOT EXISTS "
                             "(SELECT 1 FROM events WHERE cluster = c.id) AND NOT EXISTS "
                             "(SELECT 1 FROM figures WHERE cluster = c.id)"));
  EXPECT_INT("nsources", 0,
             query_int(path, "SELECT count(*) FROM clusters c WHERE kind = 'event' AND nsources <> "
                             "(SELECT count(DISTINCT doc) FROM events WHERE cluster = c.id)"));
  dyad_doc_free(a);
  dyad_doc_free(b);
  dyad_doc_free(b2);
  dyad_ctx_free(ctx);
}

int main(void) {
  char dir[] = "/tmp/dyad-test-store-XXXXXX";
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  test_sha256();
  test_schema_doc();
  test_open(dir);
  test_writes(dir);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", dir);
  HARNESS_END();
}
