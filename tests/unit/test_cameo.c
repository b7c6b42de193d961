/* test_cameo.c: the CAMEO code table (cameo.h, data/cameo.tsv).  The
 * built-in table loads without a problem and holds all 316 codes of the
 * CAMEO 1.1b3 codebook; spot checks of names, Goldstein scores and
 * QuadClasses; the structure of the whole table (every root, every parent
 * before its children, scores in range, quads from the root); the codes
 * the gold guide uses; lookups of malformed codes; and files of mistakes,
 * each problem reported on its own line.  Belongs here: anything about
 * loading or reading the CAMEO table; not the coding of events. */
#include "cameo.h"
#include "harness.h"
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "build/data"
#endif

static struct {
  long line;
  char msg[512];
} problems[64];
static int nproblems;

static void collect(void *user, const char *file, long line, const char *msg) {
  (void)user;
  (void)file;
  if (nproblems < 64) {
    problems[nproblems].line = line;
    snprintf(problems[nproblems].msg, sizeof problems[0].msg, "%s", msg);
    nproblems++;
  }
}

/* 1 if a problem on line contains want. */
static int has_problem(long line, const char *want) {
  for (int i = 0; i < nproblems; i++)
    if (problems[i].line == line && strstr(problems[i].msg, want)) return 1;
  return 0;
}

static int problems_on(long line) {
  int n = 0;
  for (int i = 0; i < nproblems; i++) n += problems[i].line == line;
  return n;
}

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

/* Codes, names, scores and quads checked against the codebook and the
 * Goldstein mapping. */
static const struct {
  const char *code, *name;
  double goldstein;
  int quad;
} spot[] = {
    {"01", "Make public statement", 0.0, 1},
    {"011", "Decline comment", -0.1, 1},
    {"016", "Deny responsibility", -2.0, 1},
    {"02", "Appeal", 3.0, 1},
    {"0211", "Appeal for economic cooperation", 3.4, 1},
    {"036", "Express intent to meet or negotiate", 4.0, 1},
    {"04", "Consult", 1.0, 1},
    {"040", "Consult, not specified below", 1.0, 1},
    {"042", "Make a visit", 1.9, 1},
    {"043", "Host a visit", 2.8, 1},
    {"046", "Engage in negotiation", 7.0, 1},
    {"051", "Praise or endorse", 3.4, 1},
    {"057", "Sign formal agreement", 8.0, 1},
    {"061", "Cooperate economically", 6.4, 2},
    {"062", "Cooperate militarily", 7.4, 2},
    {"072", "Provide military aid", 8.3, 2},
    {"073", "Provide humanitarian aid", 7.4, 2},
    {"0871", "Declare truce, ceasefire", 9.0, 2},
    {"0874", "Retreat or surrender militarily", 10.0, 2},
    {"09", "Investigate", -2.0, 3},
    {"106", "Demand withdrawal", -5.0, 3},
    {"107", "Demand ceasefire", -5.0, 3},
    {"111", "Criticize or denounce", -2.0, 3},
    {"114", "Complain officially", -2.0, 3},
    {"130", "Threaten, not specified below", -4.4, 3},
    {"1313", "Threaten to reduce or break relations", -5.8, 3},
    {"139", "Give ultimatum", -7.0, 3},
    {"141", "Demonstrate or rally, not specified below", -6.5, 4},
    {"154", "Mobilize or increase armed forces", -7.2, 4},
    {"161", "Reduce or break diplomatic relations", -4.0, 4},
    {"163", "Impose embargo, boycott, or sanctions", -8.0, 4},
    {"166", "Expel or withdraw, not specified below", -7.0, 4},
    {"171", "Seize or damage property, not specified below", -9.2, 4},
    {"173", "Arrest, detain, or charge with legal action", -5.0, 4},
    {"174", "Expel or deport individuals", -5.0, 4},
    {"182", "Physically assault, not specified below", -9.5, 4},
    {"190", "Use conventional military force, not specified below", -10.0, 4},
    {"195", "Employ aerial weapons, not specified below", -10.0, 4},
    {"1952", "Employ remotely piloted aerial munitions", -10.0, 4},
    {"196", "Violate ceasefire", -9.5, 4},
    {"202", "Engage in mass killings", -10.0, 4},
};

/* The codes the gold guide (GOLD.md) names. */
static const char *const gold_codes[] = {
    "010", "020", "0211", "033", "036", "040", "042", "043", "046", "051", "057", "061",
    "062", "063", "064", "071", "072", "073", "0871", "106", "107", "111", "112", "114",
    "1312", "1313", "138", "139", "141", "150", "151", "152", "153", "154", "161", "163",
    "166", "171", "173", "174", "190", "193", "194", "195", "196",
};

/* Codes per root in the CAMEO 1.1b3 codebook, the root itself included. */
static const int per_root[21] = {0,  11, 28, 29, 8,  9,  6,  7,  26, 6, 28,
                                 13, 27, 23, 27, 7,  14, 14, 15, 10, 8};

/* Line numbers are in the comments. */
static const char mistakes[] =
    "# a file of mistakes, one per line unless said\n"          /* 1 */
    "code\tname\tgoldstein\tquad\n"                             /* 2 */
    "01\tMake public statement\t0.0\t1\n"                       /* 3 ok */
    "010\tMake statement\t0.0\t1\n"                             /* 4 ok */
    "0x1\tBad code\t0.0\t1\n"                                   /* 5 */
    "0211\tOrphan\t3.4\t1\n"                                    /* 6 */
    "011\tDecline comment\t-12.5\t1\n"                          /* 7 */
    "012\tMake pessimistic comment\tabc\t1\n"                   /* 8 */
    "013\tMake optimistic comment\t0.4\t3\n"                    /* 9 */
    "010\tSaid again\t0.0\t1\n"                                 /* 10 */
    "014\tToo few fields\t0.0\n"                                /* 11 */
    "015\tToo\tmany\t0.0\t1\n"                                  /* 12 */
    "21\tNot a root\t0.0\t4\n"                                  /* 13 */
    "\n"                                                        /* 14 */
    "016\tDeny responsibility\t-2.0\t1\n"                       /* 15 ok */
    "0161\tA child of 016\t-2.0\t1\n"                           /* 16 ok */
    "017\t\t0.0\t1\n"                                           /* 17 */
    "02\tAppeal\t3,0\t1\n"                                      /* 18 */
    "0111\tA child of a bad line, not an orphan\t-0.1\t1\n"     /* 19 ok */
    "05\tEngage in diplomatic cooperation\t3.5\t2\n"            /* 20 */
    "06\tEngage in material cooperation\t6.0\t2\r\n"            /* 21 ok, CRLF */
    "# comment\n"                                               /* 22 */
    "0612\tSecond-level orphan\t6.0\t2\n"                       /* 23 */
    "07\tProvide aid\t+7\t2";                                   /* 24 ok, no final newline */

static const struct {
  const char *id;
  long line;
  const char *want;
} expected[] = {
    {"bad-code", 5, "code '0x1': expected 2 to 4 digits"},
    {"missing-parent", 6, "code '0211': its parent 021 is not on an earlier line"},
    {"score-range", 7, "goldstein '-12.5': outside -10 to 10"},
    {"score-form", 8, "goldstein 'abc': expected a number"},
    {"wrong-quad", 9, "quad 3: root 01 is in quad 1"},
    {"duplicate", 10, "code '010': already given on line 4"},
    {"too-few-fields", 11, "3 fields, expected 4"},
    {"too-many-fields", 12, "5 fields, expected 4"},
    {"bad-root", 13, "code '21': root 21 is not a CAMEO root"},
    {"empty-name", 17, "name: empty"},
    {"decimal-comma", 18, "goldstein '3,0': expected a number"},
    {"wrong-quad-05", 20, "quad 2: root 05 is in quad 1"},
    {"orphan-4", 23, "code '0612': its parent 061 is not on an earlier line"},
};

int main(void) {
  /* the built-in table */
  int p = -1;
  nproblems = 0;
  cameo_table *t = cameo_load(DYAD_DATADIR "/cameo.tsv", collect, NULL, &p);
  EXPECT(t != NULL, "builtin-load", "cannot load %s", DYAD_DATADIR "/cameo.tsv");
  if (!t) HARNESS_END();
  EXPECT_INT("builtin-problems", 0, p);
  for (int i = 0; i < nproblems && i < 10; i++)
    fprintf(stderr, "  %ld: %s\n", problems[i].line, problems[i].msg);
  EXPECT_INT("builtin-count", 316, cameo_count(t));

  for (size_t i = 0; i < sizeof spot / sizeof *spot; i++) {
    const cameo_code *c = cameo_find(t, spot[i].code);
    EXPECT(c != NULL, spot[i].code, "code %s not found", spot[i].code);
    if (!c) continue;
    EXPECT_STR(spot[i].code, spot[i].code, c->code);
    EXPECT_STR(spot[i].code, spot[i].name, c->name);
    EXPECT(fabs(c->goldstein - spot[i].goldstein) < 1e-9, spot[i].code,
           "expected goldstein %.1f, got %.1f", spot[i].goldstein, c->goldstein);
    EXPECT_INT(spot[i].code, spot[i].quad, c->quad);
  }

  for (size_t i = 0; i < sizeof gold_codes / sizeof *gold_codes; i++)
    EXPECT(cameo_find(t, gold_codes[i]) != NULL, gold_codes[i], "gold code %s missing",
           gold_codes[i]);

  /* every root, and the count of codes under it */
  int seen[21] = {0};
  for (size_t i = 0; i < cameo_count(t); i++) {
    const cameo_code *c = cameo_at(t, i);
    int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
    if (root >= 1 && root <= 20) seen[root]++;
  }
  for (int r = 1; r <= 20; r++) {
    char code[3] = {(char)('0' + r / 10), (char)('0' + r % 10), 0};
    const cameo_code *c = cameo_find(t, code);
    EXPECT(c != NULL, code, "root %s missing", code);
    EXPECT_INT(code, per_root[r], seen[r]);
  }

  /* the structure of the whole table */
  int bad_parent = 0, bad_score = 0, bad_quad = 0, bad_find = 0;
  for (size_t i = 0; i < cameo_count(t); i++) {
    const cameo_code *c = cameo_at(t, i);
    size_t n = strlen(c->code);
    if (n > 2) {
      char parent[8];
      memcpy(parent, c->code, n - 1);
      parent[n - 1] = '\0';
      const cameo_code *pc = cameo_find(t, parent);
      if (!pc || pc >= c) bad_parent++;
    }
    if (!(c->goldstein >= -10.0 && c->goldstein <= 10.0)) bad_score++;
    int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
    int want = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    if (c->quad != want) bad_quad++;
    if (cameo_find(t, c->code) != c) bad_find++;
  }
  EXPECT_INT("all-parents-before", 0, bad_parent);
  EXPECT_INT("all-scores-in-range", 0, bad_score);
  EXPECT_INT("all-quads-from-root", 0, bad_quad);
  EXPECT_INT("all-found", 0, bad_find);
  EXPECT(cameo_at(t, cameo_count(t)) == NULL, "at-end", "cameo_at past the end is not NULL");

  /* lookups of what is not a code */
  static const char *const not_codes[] = {"", "0", "00", "21", "99", "0212x", "12345",
                                          "0a", "1999", "-1"};
  for (size_t i = 0; i < sizeof not_codes / sizeof *not_codes; i++)
    EXPECT(cameo_find(t, not_codes[i]) == NULL, not_codes[i], "'%s' found", not_codes[i]);
  EXPECT(cameo_find(t, NULL) == NULL, "find-null", "NULL code found");
  EXPECT(cameo_find(NULL, "04") == NULL, "find-null-table", "found in a NULL table");
  EXPECT_INT("count-null", 0, cameo_count(NULL));
  cameo_free(t);
  cameo_free(NULL);

  /* a file of mistakes */
  char dir[] = "/tmp/dyad-test-cameo-XXXXXX";
  if (!mkdtemp(dir)) return 1;
  char path[256], hdr[256], many[256], missing[256];
  snprintf(path, sizeof path, "%s/cameo-bad.tsv", dir);
  write_file(path, mistakes);
  nproblems = 0;
  t = cameo_load(path, collect, NULL, &p);
  EXPECT(t != NULL, "mistakes-load", "NULL for a readable file");
  for (size_t i = 0; i < sizeof expected / sizeof *expected; i++) {
    EXPECT(has_problem(expected[i].line, expected[i].want), expected[i].id,
           "no problem \"%ld: %s\" reported", expected[i].line, expected[i].want);
    EXPECT_INT(expected[i].id, 1, problems_on(expected[i].line));
  }
  EXPECT_INT("mistakes-count", (long)(sizeof expected / sizeof *expected), p);
  EXPECT_INT("mistakes-reported", p, nproblems);
  for (int i = 0; i < nproblems; i++) printf("info: reported %ld: %s\n", problems[i].line, problems[i].msg);
  static const char *const kept[] = {"01", "010", "016", "0161", "0111", "06", "07"};
  for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
    EXPECT(cameo_find(t, kept[i]) != NULL, kept[i], "good line %s left out", kept[i]);
  static const char *const dropped[] = {"011", "012", "013", "014", "015", "017", "02", "05", "21"};
  for (size_t i = 0; i < sizeof dropped / sizeof *dropped; i++)
    EXPECT(cameo_find(t, dropped[i]) == NULL, dropped[i], "bad line %s kept", dropped[i]);
  EXPECT_INT("mistakes-kept", sizeof kept / sizeof *kept, cameo_count(t));
  EXPECT_STR("duplicate-first-wins", "Make statement", cameo_find(t, "010") ? cameo_find(t, "010")->name : NULL);
  EXPECT(cameo_find(t, "07") && cameo_find(t, "07")->goldstein == 7.0, "plus-sign", "07 is not 7.0");
  cameo_free(t);

  /* a wrong header */
  snprintf(hdr, sizeof hdr, "%s/cameo-hdr.tsv", dir);
  write_file(hdr, "# no header\ncode\tname\tscore\tquad\n04\tConsult\t1.0\t1\n");
  nproblems = 0;
  t = cameo_load(hdr, collect, NULL, &p);
  EXPECT_INT("header-count", 1, p);
  EXPECT(has_problem(2, "expected the header line"), "header", "got %s", nproblems ? problems[0].msg : "nothing");
  EXPECT_INT("header-rest-read", 1, cameo_count(t));
  cameo_free(t);

  /* only comments: no header, no codes */
  write_file(hdr, "# nothing but a comment\n\n");
  nproblems = 0;
  t = cameo_load(hdr, collect, NULL, &p);
  EXPECT_INT("empty-count", 1, p);
  EXPECT(has_problem(2, "no header line"), "empty", "got %s", nproblems ? problems[0].msg : "nothing");
  EXPECT_INT("empty-table", 0, cameo_count(t));
  cameo_free(t);

  /* at most 20 problems, then a notice */
  snprintf(many, sizeof many, "%s/cameo-many.tsv", dir);
  FILE *f = fopen(many, "w");
  if (f) {
    fputs("code\tname\tgoldstein\tquad\n", f);
    for (int i = 0; i < 30; i++) fprintf(f, "%d\tNot a root\t0.0\t4\n", 21 + i);
    fclose(f);
  }
  nproblems = 0;
  t = cameo_load(many, collect, NULL, &p);
  EXPECT_INT("limit-count", 20, p);
  EXPECT_INT("limit-reported", 21, nproblems);
  EXPECT(has_problem(21, "too many problems"), "limit-notice", "no notice after 20 problems");
  cameo_free(t);

  /* a file that cannot be read */
  snprintf(missing, sizeof missing, "%s/no-such-file.tsv", dir);
  nproblems = 0;
  t = cameo_load(missing, collect, NULL, &p);
  EXPECT(t == NULL, "missing-null", "a table for a missing file");
  EXPECT_INT("missing-count", 1, p);
  EXPECT(has_problem(0, "cannot read"), "missing-message", "got %s", nproblems ? problems[0].msg : "nothing");
  t = cameo_load(missing, NULL, NULL, NULL); /* no callback, no count */
  EXPECT(t == NULL, "missing-quiet", "a table for a missing file");

  unlink(path);
  unlink(hdr);
  unlink(many);
  rmdir(dir);
  HARNESS_END();
}
