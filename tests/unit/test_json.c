/* test_json.c: unit tests for src/json.c.
 *
 * Belongs here: json_parse_article on well-formed article lines (kept
 * members, skipped members of every type, nested values, escapes,
 * surrogates, numeric ids, duplicate keys), on every malformed form (with
 * the exact message and column), the depth limit, and json_write_string
 * (escapes, invalid UTF-8 to U+FFFD, round trip through the parser).
 */
#include "harness.h"
#include "json.h"
#include "utf8.h"
#include <stdlib.h>

/* Well-formed lines: expected members, NULL when absent. */
static const struct good_case {
  const char *id, *line;
  const char *exp_id, *exp_text, *exp_date, *exp_url;
} good[] = {
    {"basic", "{\"id\":\"a1\",\"text\":\"Bonjour\",\"date\":\"2023-08-15\",\"url\":\"http://x/y\"}",
     "a1", "Bonjour", "2023-08-15", "http://x/y"},
    {"spaces", " \t{ \"text\" : \"t\" , \"id\" : \"b\" } \r\n", "b", "t", NULL, NULL},
    {"empty-object", "{}", NULL, NULL, NULL, NULL},
    {"id-number", "{\"id\":12345,\"text\":\"x\"}", "12345", "x", NULL, NULL},
    {"id-negative-float", "{\"id\":-1.5e+3,\"text\":\"x\"}", "-1.5e+3", "x", NULL, NULL},
    {"id-zero", "{\"id\":0,\"text\":\"x\"}", "0", "x", NULL, NULL},
    {"id-true-ignored", "{\"id\":true,\"text\":\"x\"}", NULL, "x", NULL, NULL},
    {"id-null", "{\"id\":null,\"text\":\"x\"}", NULL, "x", NULL, NULL},
    {"url-null", "{\"url\":null,\"text\":\"x\"}", NULL, "x", NULL, NULL},
    {"text-number-ignored", "{\"text\":42}", NULL, NULL, NULL, NULL},
    {"date-object-ignored", "{\"date\":{\"y\":2023},\"text\":\"x\"}", NULL, "x", NULL, NULL},
    {"skip-all-types",
     "{\"a\":1,\"b\":-0.5E-2,\"c\":true,\"d\":false,\"e\":null,\"f\":\"s\\\"\",\"g\":[],\"h\":{},"
     "\"i\":[1,[2,[3,{\"k\":[]}]],\"x\"],\"text\":\"ok\"}",
     NULL, "ok", NULL, NULL},
    {"nested-arrays", "{\"tags\":[[\"a\",\"b\"],[[[]]]],\"text\":\"t\",\"meta\":{\"x\":{\"y\":[null]}}}",
     NULL, "t", NULL, NULL},
    {"escapes", "{\"text\":\"a\\nb\\tc\\\"d\\\\e\\/f\\bg\\fh\\ri\"}", NULL,
     "a\nb\tc\"d\\e/f\bg\fh\ri", NULL, NULL},
    {"u-escape-bmp", "{\"text\":\"\\u00e9t\\u00C9 \\u20ac\"}", NULL, "\xC3\xA9t\xC3\x89 \xE2\x82\xAC",
     NULL, NULL},
    {"u-escape-ascii", "{\"text\":\"\\u0041\\u007a\"}", NULL, "Az", NULL, NULL},
    {"surrogate-pair", "{\"text\":\"\\ud83d\\ude00!\"}", NULL, "\xF0\x9F\x98\x80!", NULL, NULL},
    {"lone-high", "{\"text\":\"a\\ud83db\"}", NULL, "a\xEF\xBF\xBD" "b", NULL, NULL},
    {"lone-high-at-end", "{\"text\":\"a\\uD800\"}", NULL, "a\xEF\xBF\xBD", NULL, NULL},
    {"lone-low", "{\"text\":\"\\udc00x\"}", NULL, "\xEF\xBF\xBDx", NULL, NULL},
    {"high-then-high", "{\"text\":\"\\ud800\\ud800\\udc00\"}", NULL,
     "\xEF\xBF\xBD\xF0\x90\x80\x80", NULL, NULL},
    {"high-then-escape", "{\"text\":\"\\ud800\\n\"}", NULL, "\xEF\xBF\xBD\n", NULL, NULL},
    {"raw-utf8", "{\"text\":\"C\xC3\xB4te d\xE2\x80\x99Ivoire\"}", NULL,
     "C\xC3\xB4te d\xE2\x80\x99Ivoire", NULL, NULL},
    {"raw-invalid-utf8-kept", "{\"text\":\"a\xFF\xC3z\"}", NULL, "a\xFF\xC3z", NULL, NULL},
    {"escaped-key", "{\"\\u0074ext\":\"k\",\"i\\u0064\":\"z\"}", "z", "k", NULL, NULL},
    {"long-escaped-key", "{\"\\u0074extxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\":1,"
     "\"text\":\"t\"}", NULL, "t", NULL, NULL},
    {"duplicate-last-wins", "{\"text\":\"one\",\"text\":\"two\"}", NULL, "two", NULL, NULL},
    {"empty-text", "{\"text\":\"\"}", NULL, "", NULL, NULL},
    {"other-keys-like-ours", "{\"ids\":\"no\",\"Text\":\"no\",\"tex\":\"no\",\"text\":\"yes\"}", NULL,
     "yes", NULL, NULL},
};

/* Malformed lines: code, column and message. */
static const struct bad_case {
  const char *id, *line;
  int code;
  long col;
  const char *message;
} bad[] = {
    {"empty-line", "", DYAD_EINPUT, 1, "expected '{', found end of line"},
    {"not-object", "[1,2]", DYAD_EINPUT, 1, "expected '{', found '['"},
    {"bare-word", "hello", DYAD_EINPUT, 1, "expected '{', found 'h'"},
    {"unclosed", "{\"text\":\"x\"", DYAD_EINPUT, 12, "expected ',' or '}', found end of line"},
    {"missing-comma", "{\"a\":1 \"b\":2}", DYAD_EINPUT, 8, "expected ',' or '}', found '\"'"},
    {"trailing-comma", "{\"a\":1,}", DYAD_EINPUT, 8, "expected '\"' starting a key, found '}'"},
    {"missing-colon", "{\"a\" 1}", DYAD_EINPUT, 6, "expected ':', found '1'"},
    {"unquoted-key", "{a:1}", DYAD_EINPUT, 2, "expected '\"' starting a key, found 'a'"},
    {"single-quotes", "{'a':1}", DYAD_EINPUT, 2, "expected '\"' starting a key, found '''"},
    {"missing-value", "{\"a\":}", DYAD_EINPUT, 6, "expected a value, found '}'"},
    {"bad-literal", "{\"a\":tru}", DYAD_EINPUT, 6, "expected a value, found 't'"},
    {"nul-literal", "{\"a\":nul}", DYAD_EINPUT, 6, "expected a value, found 'n'"},
    {"leading-zero", "{\"a\":01}", DYAD_EINPUT, 7, "expected ',' or '}', found '1'"},
    {"plus-number", "{\"a\":+1}", DYAD_EINPUT, 6, "expected a value, found '+'"},
    {"minus-alone", "{\"a\":-}", DYAD_EINPUT, 7, "expected a digit, found '}'"},
    {"dot-no-digit", "{\"a\":1.}", DYAD_EINPUT, 8, "expected a digit after '.', found '}'"},
    {"exp-no-digit", "{\"a\":1e+}", DYAD_EINPUT, 9, "expected a digit in the exponent, found '}'"},
    {"unterminated-string", "{\"text\":\"abc", DYAD_EINPUT, 13, "unterminated string (opened at column 9)"},
    {"raw-newline", "{\"text\":\"a\nb\"}", DYAD_EINPUT, 11, "unescaped control character 0x0A in string"},
    {"raw-tab", "{\"text\":\"a\tb\"}", DYAD_EINPUT, 11, "unescaped control character 0x09 in string"},
    {"bad-escape", "{\"text\":\"a\\x\"}", DYAD_EINPUT, 12, "expected one of \" \\ / b f n r t u after '\\', found 'x'"},
    {"backslash-at-end", "{\"text\":\"a\\", DYAD_EINPUT, 12, "expected an escape after '\\', found end of line"},
    {"short-u", "{\"text\":\"\\u12\"}", DYAD_EINPUT, 10, "bad \\u escape: expected 4 hex digits"},
    {"bad-hex", "{\"text\":\"\\u12g4\"}", DYAD_EINPUT, 10, "bad \\u escape: expected 4 hex digits"},
    {"garbage-after", "{\"text\":\"x\"} x", DYAD_EINPUT, 14, "expected end of line after the object, found 'x'"},
    {"two-objects", "{}{}", DYAD_EINPUT, 3, "expected end of line after the object, found '{'"},
    {"array-unclosed", "{\"a\":[1,2", DYAD_EINPUT, 10, "expected ',' or ']', found end of line"},
    {"array-bad-sep", "{\"a\":[1;2]}", DYAD_EINPUT, 8, "expected ',' or ']', found ';'"},
    {"nested-obj-bad", "{\"a\":{\"b\" 1}}", DYAD_EINPUT, 11, "expected ':', found '1'"},
    {"non-ascii-found", "{\xC3\xA9}", DYAD_EINPUT, 2, "expected '\"' starting a key, found byte 0xC3"},
    {"bom", "\xEF\xBB\xBF{}", DYAD_EINPUT, 1, "expected '{', found byte 0xEF"},
    {"comment", "{} // c", DYAD_EINPUT, 4, "expected end of line after the object, found '/'"},
};

static void test_good(void) {
  for (size_t k = 0; k < sizeof good / sizeof good[0]; k++) {
    const struct good_case *c = &good[k];
    arena mem;
    arena_init(&mem);
    json_article a;
    dyad_err err;
    memset(&err, 0, sizeof err);
    int rc = json_parse_article(c->line, strlen(c->line), &mem, &a, &err);
    EXPECT(rc == 0, c->id, "expected success, got %d: %s at column %ld", rc, err.message, err.col);
    if (rc == 0) {
      const char *exp[4] = {c->exp_id, c->exp_text, c->exp_date, c->exp_url};
      const char *got[4] = {a.id, a.text, a.date, a.url};
      size_t glen[4] = {a.id_len, a.text_len, a.date_len, a.url_len};
      for (int m = 0; m < 4; m++) {
        if (!exp[m]) {
          EXPECT(got[m] == NULL, c->id, "member %d: expected absent, got \"%s\"", m, got[m]);
        } else {
          EXPECT_STR(c->id, exp[m], got[m]);
          EXPECT_INT(c->id, strlen(exp[m]), glen[m]);
        }
      }
    }
    arena_free(&mem);
  }
}

static void test_bad(void) {
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
    const struct bad_case *c = &bad[k];
    arena mem;
    arena_init(&mem);
    json_article a;
    dyad_err err;
    memset(&err, 0, sizeof err);
    int rc = json_parse_article(c->line, strlen(c->line), &mem, &a, &err);
    EXPECT_INT(c->id, c->code, rc);
    EXPECT_INT(c->id, c->code, err.code);
    EXPECT_INT(c->id, c->col, err.col);
    EXPECT_STR(c->id, c->message, err.message);
    arena_free(&mem);
  }
  /* a NULL err is allowed */
  arena mem;
  arena_init(&mem);
  json_article a;
  EXPECT_INT("null-err", DYAD_EINPUT, json_parse_article("{", 1, &mem, &a, NULL));
  arena_free(&mem);
}

/* A line whose "x" member nests depth - 1 arrays or objects, so that the
 * deepest container is at depth `depth` (the article object is depth 1). */
static char *nested(int depth, char open, char close) {
  size_t n = (size_t)depth * 8 + 64;
  char *s = malloc(n), *p = s;
  p += sprintf(p, "{\"x\":");
  for (int i = 1; i < depth; i++) p += open == '{' ? sprintf(p, "{\"k\":") : sprintf(p, "[");
  p += sprintf(p, "1");
  for (int i = 1; i < depth; i++) *p++ = close;
  sprintf(p, ",\"text\":\"deep\"}");
  return s;
}

static void test_depth(void) {
  static const struct {
    const char *id;
    int depth;
    char open, close;
    int code;
  } cases[] = {
      {"arrays-64", JSON_MAX_DEPTH, '[', ']', 0},
      {"arrays-65", JSON_MAX_DEPTH + 1, '[', ']', DYAD_ELIMIT},
      {"arrays-100000", 100000, '[', ']', DYAD_ELIMIT},
      {"objects-64", JSON_MAX_DEPTH, '{', '}', 0},
      {"objects-65", JSON_MAX_DEPTH + 1, '{', '}', DYAD_ELIMIT},
      {"objects-50000", 50000, '{', '}', DYAD_ELIMIT},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    char *line = nested(cases[k].depth, cases[k].open, cases[k].close);
    arena mem;
    arena_init(&mem);
    json_article a;
    dyad_err err;
    memset(&err, 0, sizeof err);
    int rc = json_parse_article(line, strlen(line), &mem, &a, &err);
    EXPECT_INT(cases[k].id, cases[k].code, rc);
    if (rc == 0) EXPECT_STR(cases[k].id, "deep", a.text);
    else EXPECT_STR(cases[k].id, "nesting deeper than 64", err.message);
    arena_free(&mem);
    free(line);
  }
  /* the column points at the bracket that goes too deep */
  char line[200];
  char *p = line + sprintf(line, "{\"x\":");
  for (int i = 0; i < JSON_MAX_DEPTH; i++) *p++ = '[';
  *p = '\0';
  arena mem;
  arena_init(&mem);
  json_article a;
  dyad_err err;
  EXPECT_INT("depth-col", DYAD_ELIMIT, json_parse_article(line, strlen(line), &mem, &a, &err));
  EXPECT_INT("depth-col", 6 + JSON_MAX_DEPTH - 1, err.col);
  arena_free(&mem);
}

static void test_nul_and_length(void) {
  static const char line[] = "{\"text\":\"a\\u0000b\",\"id\":\"x\\u0000y\"}";
  arena mem;
  arena_init(&mem);
  json_article a;
  EXPECT_INT("u0000", 0, json_parse_article(line, sizeof line - 1, &mem, &a, NULL));
  EXPECT_INT("u0000", 3, a.text_len);
  EXPECT(a.text && memcmp(a.text, "a\0b", 4) == 0, "u0000", "bad decoded text");
  EXPECT_INT("u0000-id", 3, a.id_len);
  /* the line need not be NUL-terminated: parse a prefix */
  static const char two[] = "{\"text\":\"p\"}{\"text\":\"q\"}";
  EXPECT_INT("prefix", 0, json_parse_article(two, 12, &mem, &a, NULL));
  EXPECT_STR("prefix", "p", a.text);
  arena_free(&mem);
}

/* Write s with json_write_string into a string. */
static char *write_str(const char *s, size_t n, size_t *outn) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  int rc = json_write_string(f, s, n);
  fclose(f);
  *outn = len;
  return rc == 0 ? buf : (free(buf), NULL);
}

static void test_write(void) {
  static const struct {
    const char *id;
    const char *in;
    size_t n;
    const char *exp;
  } cases[] = {
      {"plain", "abc", 3, "\"abc\""},
      {"empty", "", 0, "\"\""},
      {"quote-backslash", "a\"b\\c/", 6, "\"a\\\"b\\\\c/\""},
      {"short-escapes", "\b\f\n\r\t", 5, "\"\\b\\f\\n\\r\\t\""},
      {"controls", "\x01\x1f\x7f", 3, "\"\\u0001\\u001f\x7f\""},
      {"nul", "a\0b", 3, "\"a\\u0000b\""},
      {"utf8-kept", "\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80", 9, "\"\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80\""},
      {"invalid-byte", "a\xFFz", 3, "\"a\xEF\xBF\xBDz\""},
      {"truncated-seq", "a\xC3", 2, "\"a\xEF\xBF\xBD\""},
      {"overlong", "\xC0\xAF", 2, "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"surrogate-bytes", "\xED\xA0\x80", 3, "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"beyond-10ffff", "\xF4\x90\x80\x80", 4,
       "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    size_t n;
    char *out = write_str(cases[k].in, cases[k].n, &n);
    EXPECT_STR(cases[k].id, cases[k].exp, out);
    if (out) EXPECT(utf8_first_invalid(out, n) == n, cases[k].id, "output is not valid UTF-8");
    free(out);
  }
  /* round trip: every byte value, written then parsed, gives valid UTF-8
     that equals the input where the input was valid */
  char all[256];
  for (int i = 0; i < 256; i++) all[i] = (char)i;
  size_t n;
  char *out = write_str(all, 128, &n);  /* ASCII incl. NUL: exact round trip */
  char *line = malloc(n + 16);
  int m = sprintf(line, "{\"text\":%.*s}", (int)n, out);
  arena mem;
  arena_init(&mem);
  json_article a;
  EXPECT_INT("roundtrip-ascii", 0, json_parse_article(line, (size_t)m, &mem, &a, NULL));
  EXPECT(a.text_len == 128 && memcmp(a.text, all, 128) == 0, "roundtrip-ascii", "round trip differs");
  free(out);
  free(line);
  out = write_str(all, 256, &n);
  EXPECT(out && utf8_first_invalid(out, n) == n, "all-bytes-valid", "output is not valid UTF-8");
  line = malloc(n + 16);
  m = sprintf(line, "{\"text\":%.*s}", (int)n, out);
  EXPECT_INT("roundtrip-all", 0, json_parse_article(line, (size_t)m, &mem, &a, NULL));
  EXPECT_INT("roundtrip-all", 128 + 128 * 3, a.text_len);
  free(out);
  free(line);
  arena_free(&mem);
  /* a write error is reported */
  FILE *ro = fopen("/dev/null", "r");
  if (ro) {
    EXPECT_INT("write-error", DYAD_EIO, json_write_string(ro, "x", 1));
    fclose(ro);
  }
}

int main(void) {
  test_good();
  test_bad();
  test_depth();
  test_nul_and_length();
  test_write();
  HARNESS_END();
}
