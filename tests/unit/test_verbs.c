/* test_verbs.c: the predicate dictionary.  The built-in data/verbs.tsv
 * loads without a problem; triggers are found by their folded lemma;
 * a file of mistakes gets one problem per bad line. */
#include "harness.h"
#include "verbs.h"
#include <stdlib.h>
#include <unistd.h>

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "build/data"
#endif

static int nproblems;
static char last[256];
static void count(void *user, const char *file, long line, const char *msg) {
  (void)user;
  (void)file;
  nproblems++;
  snprintf(last, sizeof last, "%ld: %s", line, msg);
}

static const struct {
  const char *id, *file, *want;
} bad[] = {
    {"bad-code", "cameo\tlang\tpattern\ttarget\n4x\tfr\tsigner\tsym\n", "2: bad CAMEO code '4x'"},
    {"bad-root", "cameo\tlang\tpattern\ttarget\n210\tfr\tsigner\tsym\n", "2: CAMEO root 21 out of 01-20"},
    {"bad-lang", "cameo\tlang\tpattern\ttarget\n057\tde\tsigner\tsym\n", "2: unknown language 'de' (fr or en)"},
    {"bad-target", "cameo\tlang\tpattern\ttarget\n057\tfr\tsigner\tchez\n", "2: unknown target 'chez'"},
    {"bad-fields", "cameo\tlang\tpattern\ttarget\n057\tfr\tsigner\n", "2: 3 fields, expected 4"},
    {"empty-alt", "cameo\tlang\tpattern\ttarget\n057\tfr\tsigner|\tsym\n", "2: empty alternative in 'signer|'"},
    {"bad-header", "code\tlang\tpattern\n", "1: unknown header"},
};

int main(void) {
  int problems = 0;
  verbs_table *v = verbs_load(DYAD_DATADIR "/verbs.tsv", count, NULL, &problems);
  EXPECT(v != NULL, "builtin-load", "cannot read %s", DYAD_DATADIR "/verbs.tsv");
  EXPECT_INT("builtin-problems", 0, problems);
  if (v) {
    EXPECT(verbs_count(v) > 200, "builtin-size", "only %zu patterns", verbs_count(v));
    const uint32_t *pats;
    size_t n = verbs_triggered(v, "signer", 6, &pats);
    int sign = 0;
    for (size_t i = 0; i < n; i++) sign |= !strncmp(verbs_at(v, pats[i])->cameo, "057", 3);
    EXPECT(sign, "trigger-signer", "no 057 pattern triggered by 'signer' among %zu", n);
    n = verbs_triggered(v, "entretenir", 10, &pats);
    EXPECT_INT("trigger-entretenir-alone", 0, n); /* "se entretenir": "se" is the trigger */
    n = verbs_triggered(v, "xyzzy", 5, &pats);
    EXPECT_INT("trigger-unknown", 0, n);
    verbs_free(v);
  }
  char path[] = "/tmp/dyad-test-verbs-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 1;
  close(fd);
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    FILE *f = fopen(path, "w");
    fputs(bad[i].file, f);
    fclose(f);
    nproblems = 0;
    last[0] = '\0';
    v = verbs_load(path, count, NULL, &problems);
    EXPECT_INT(bad[i].id, 1, problems);
    EXPECT(strstr(last, bad[i].want) != NULL, bad[i].id, "expected \"%s\", got \"%s\"", bad[i].want, last);
    verbs_free(v);
  }
  unlink(path);
  verbs_free(NULL);
  HARNESS_END();
}
