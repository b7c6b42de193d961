/* test_match.c: the phrase matcher: longest match, several values per
 * phrase, unknown tokens, and growth past the initial table sizes. */
#include "harness.h"
#include <stdint.h>
#include "match.h"
#include <stdio.h>

static void add(matcher *m, const char *phrase, uint32_t v) {
  const char *toks[8];
  size_t lens[8], n = 0;
  const char *p = phrase;
  while (*p && n < 8) {
    const char *e = strchr(p, ' ');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    toks[n] = p;
    lens[n++] = l;
    p += l;
    while (*p == ' ') p++;
  }
  matcher_add(m, toks, lens, n, v);
}

/* Longest match at the start of text (space-separated folded tokens):
 * returns its length and the first value. */
static size_t at(const matcher *m, const char *text, uint32_t *v, size_t *nv) {
  uint32_t ids[16];
  size_t n = 0;
  char buf[256];
  snprintf(buf, sizeof buf, "%s", text);
  for (char *t = strtok(buf, " "); t && n < 16; t = strtok(NULL, " "))
    ids[n++] = matcher_token_id(m, t, strlen(t));
  const uint32_t *vals;
  size_t len = matcher_longest(m, ids, n, &vals, nv);
  *v = len ? vals[0] : 0;
  return len;
}

static const struct {
  const char *id, *text;
  size_t len;
  uint32_t value;
} cases[] = {
    {"single", "kazakhstan soutient", 1, 1},
    {"longest", "cote d' ivoire et", 3, 2},
    {"falls-back-to-shorter", "cote d' azur", 1, 3},
    {"shorter-inside", "premier ministre kazakh", 2, 4},
    {"longer-wins", "vice-premier ministre kazakh", 2, 5},
    {"unknown-first", "le kazakhstan", 0, 0},
    {"empty", "", 0, 0},
};

static int count_cb_calls;
static void count_cb(void *user, const uint32_t *vals, size_t n) {
  (void)user;
  (void)vals;
  count_cb_calls += n > 0;
}

int main(void) {
  matcher *m = matcher_new();
  add(m, "kazakhstan", 1);
  add(m, "cote d' ivoire", 2);
  add(m, "cote", 3); /* a one-token phrase that is also a prefix */
  add(m, "premier ministre", 4);
  add(m, "vice-premier ministre", 5);
  add(m, "kazakhstan", 6); /* second value on the same phrase */
  add(m, "kazakhstan", 6); /* kept once */
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    uint32_t v;
    size_t nv;
    size_t len = at(m, cases[i].text, &v, &nv);
    EXPECT_INT(cases[i].id, cases[i].len, len);
    if (cases[i].len) EXPECT_INT(cases[i].id, cases[i].value, v);
  }
  uint32_t v;
  size_t nv;
  at(m, "kazakhstan", &v, &nv);
  EXPECT_INT("two-values", 2, nv);
  EXPECT_INT("cote-alone", 1, at(m, "cote est", &v, &nv));
  EXPECT_INT("cote-alone-value", 3, v);
  EXPECT_INT("unknown-token-id", 0, matcher_token_id(m, "azur", 4));
  EXPECT_INT("size", 5, matcher_size(m));
  matcher_each(m, count_cb, NULL);
  EXPECT_INT("each", 5, count_cb_calls);
  matcher_free(m);

  /* growth: many phrases sharing prefixes */
  m = matcher_new();
  char a[32], b[32];
  for (uint32_t i = 0; i < 20000; i++) {
    snprintf(a, sizeof a, "w%u", i % 500);
    snprintf(b, sizeof b, "x%u", i);
    const char *toks[2] = {a, b};
    size_t lens[2] = {strlen(a), strlen(b)};
    matcher_add(m, toks, lens, 2, i + 1);
  }
  int all = 1;
  for (uint32_t i = 0; i < 20000; i += 97) {
    char text[64];
    snprintf(text, sizeof text, "w%u x%u", i % 500, i);
    all &= at(m, text, &v, &nv) == 2 && v == i + 1;
  }
  EXPECT(all, "growth", "a phrase was lost when the tables grew");
  matcher_free(m);
  matcher_free(NULL);
  HARNESS_END();
}
