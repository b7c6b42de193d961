/* test_dict.c: the dictionaries.  The built-in ones load without a
 * problem and fast enough; `dict check` catches each kind of error in a
 * file of ours (unknown country or role code, bad date, overlapping
 * terms, a name given two meanings, bad field counts, unknown header);
 * a user file takes precedence; dates and holders at a date. */
#include "dates.h"
#include "dict.h"
#include "harness.h"
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "build/data"
#endif

static char problems[64][600];
static int nproblems;

static void collect(void *user, const char *file, long line, const char *msg) {
  (void)user;
  (void)file;
  if (nproblems < 64) snprintf(problems[nproblems++], sizeof problems[0], "%ld: %s", line, msg);
}

static int has_problem(const char *want) {
  for (int i = 0; i < nproblems; i++)
    if (strstr(problems[i], want)) return 1;
  return 0;
}

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
}

static const char bad_people[] =
    "# a file of mistakes, one per line\n"
    "country\trole\tstart\tend\tname\tvariants\n"
    "XXX\tHOS\t2000-01-01\t\tNobody Atall\t\n"                         /* 3 */
    "KAZ\tZZZ\t2000-01-01\t\tNobody Either\t\n"                        /* 4 */
    "KAZ\tHOS\t2000-13-01\t\tBad Month\t\n"                            /* 5 */
    "KAZ\tHOS\t2005-02-30\t\tBad Day\t\n"                              /* 6 */
    "KAZ\tHOS\t2010-01-01\t2009-01-01\tBackwards Term\t\n"             /* 7 */
    "KAZ\tMIL\t2001-01-01\t2003-01-01\tFirst Holder\tHolder\n"         /* 8 */
    "KAZ\tMIL\t2002-06-01\t2004-01-01\tSecond Holder\tHolder\n"        /* 9 */
    "KAZ\tHOS\t2001\n"                                                 /* 10 */
    "VNM\tMIL\t2001-01-01\t2002-01-01\tOnly Once\tOnce||Twice\n";      /* 11 */

static const struct {
  const char *id, *want;
} expected[] = {
    {"unknown-country", "3: unknown country code 'XXX'"},
    {"unknown-role", "4: unknown role code 'ZZZ'"},
    {"bad-month", "5: bad start date '2000-13-01'"},
    {"bad-day", "6: bad start date '2005-02-30'"},
    {"backwards", "7: term ends (2009-01-01) before it starts (2010-01-01)"},
    {"overlap", "9: term of Second Holder as KAZ MIL overlaps that of First Holder"},
    {"conflicting-name", "9: a name of this person KAZ Second Holder also names KAZ First Holder"},
    {"fields", "10: 3 fields, expected 6"},
    {"empty-item", "11: empty item in '|' list"},
};

int main(void) {
  /* the built-in dictionaries */
  clock_t t0 = clock();
  dict *d = dict_new();
  int p = dict_load_builtin(d, DYAD_DATADIR, collect, NULL);
  p += dict_finish(d, collect, NULL);
  double ms = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC;
  EXPECT_INT("builtin-problems", 0, p);
  for (int i = 0; i < nproblems && i < 10; i++) fprintf(stderr, "  %s\n", problems[i]);
  EXPECT(ms < 100, "builtin-load-time", "loading took %.1f ms", ms);
  printf("info: %zu entries, %zu phrases, loaded in %.1f ms\n", dict_nentries(d),
         matcher_size(dict_matcher(d)), ms);
  int hos = dict_role_find(d, "HOS");
  EXPECT(hos >= 0, "role-HOS", "no HOS role code");
  const dict_entry *h = dict_holder(d, "KAZ", (unsigned)hos, dates_days(2023, 8, 21));
  EXPECT(h && strstr(h->name, "Tokaïev"), "holder-KAZ-2023", "got %s", h ? h->name : "nobody");
  h = dict_holder(d, "KAZ", (unsigned)hos, dates_days(2011, 6, 1));
  EXPECT(h && strstr(h->name, "Nazarba"), "holder-KAZ-2011", "got %s", h ? h->name : "nobody");
  EXPECT_STR("prefix-franco", "FRA", dict_prefix_state(d, "franco", 6));
  dict_free(d);

  /* a file of mistakes */
  char dir[] = "/tmp/dyad-test-dict-XXXXXX";
  if (!mkdtemp(dir)) return 1;
  char path[256], hdr[256], user[256];
  snprintf(path, sizeof path, "%s/people-bad.tsv", dir);
  write_file(path, bad_people);
  nproblems = 0;
  d = dict_new();
  dict_load_builtin(d, DYAD_DATADIR, NULL, NULL);
  p = dict_load_file(d, path, 0, collect, NULL);
  p += dict_finish(d, collect, NULL);
  for (size_t i = 0; i < sizeof expected / sizeof *expected; i++)
    EXPECT(has_problem(expected[i].want), expected[i].id, "no problem \"%s\" reported", expected[i].want);
  EXPECT_INT("problem-count", (long)(sizeof expected / sizeof *expected), p);
  for (int i = 0; i < nproblems; i++) printf("info: reported %s\n", problems[i]);
  dict_free(d);

  snprintf(hdr, sizeof hdr, "%s/odd.tsv", dir);
  write_file(hdr, "code\tsomething\n");
  nproblems = 0;
  d = dict_new();
  dict_load_builtin(d, DYAD_DATADIR, NULL, NULL);
  EXPECT_INT("unknown-header-count", 1, dict_load_file(d, hdr, 0, collect, NULL));
  EXPECT(has_problem("1: unknown header 'code\tsomething'"), "unknown-header", "got %s", problems[0]);
  dict_free(d);

  /* a user file takes precedence over the built-in meaning of a name */
  snprintf(user, sizeof user, "%s/user.tsv", dir);
  write_file(user, "code\tname\nFRA\tAbidjan\n");
  nproblems = 0;
  d = dict_new();
  dict_load_builtin(d, DYAD_DATADIR, NULL, NULL);
  EXPECT_INT("user-file", 0, dict_load_file(d, user, 1, collect, NULL));
  EXPECT_INT("user-finish", 0, dict_finish(d, collect, NULL));
  const matcher *m = dict_matcher(d);
  uint32_t id = matcher_token_id(m, "abidjan", 7);
  const uint32_t *vals;
  size_t nv;
  matcher_longest(m, &id, 1, &vals, &nv);
  int user_seen = 0;
  for (size_t i = 0; i < nv; i++) user_seen |= dict_entry_at(d, vals[i])->prio == 1;
  EXPECT(user_seen, "user-entry", "the user's entry is not among %zu values", nv);
  dict_free(d);

  int32_t a, b;
  EXPECT_INT("period-year", 0, dict_parse_period("2012", 4, &a, &b));
  EXPECT_INT("period-year-len", 365, b - a);
  EXPECT_INT("period-month", 0, dict_parse_period("2012-02", 7, &a, &b));
  EXPECT_INT("period-feb-leap", 28, b - a);
  EXPECT_INT("period-bad", -1, dict_parse_period("2012-2", 6, &a, &b));
  EXPECT_INT("days-epoch", 0, dates_days(1970, 1, 1));
  EXPECT_INT("days-2000", 10957, dates_days(2000, 1, 1));
  unlink(path);
  unlink(hdr);
  unlink(user);
  rmdir(dir);
  HARNESS_END();
}
