/* test_describe.c: events, figures and dates in words (describe.h), as
 * the timeline and the report write them.  CAMEO short names turned into
 * third-person sentences by the general rule (verb group, alternatives,
 * the object's place); dates, periods and values; the display names of
 * country and organisation codes from the built data directory.
 * Belongs here: anything describe_* writes; not the reading of the store
 * (tests/report/run.sh). */
#include "dates.h"
#include "describe.h"
#include "harness.h"

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "build/data"
#endif

static const struct {
  const char *id, *name, *want;
} phrases[] = {
    {"visit", "Make a visit", "S makes a visit to O"},
    {"intent", "Express intent to cooperate", "S expresses intent to cooperate with O"},
    {"host", "Host a visit", "S hosts a visit from O"},
    {"alternatives", "Criticize or denounce", "S criticizes or denounces O"},
    {"three-verbs", "Arrest, detain, or charge with legal action",
     "S arrests, detains, or charges O with legal action"},
    {"not-specified", "Accuse, not specified below", "S accuses O"},
    {"obj-prep", "Accuse of crime, corruption", "S accuses O of crime, corruption"},
    {"after", "Appeal for economic aid", "S appeals to O for economic aid"},
    {"others", "Appeal to others to meet or negotiate", "S appeals to O to meet or negotiate"},
    {"target", "Demand that target yields, not specified below", "S demands that O yields"},
    {"ends-prep", "Bring lawsuit against", "S brings lawsuit against O"},
    {"adverb-first", "Physically assault, not specified below", "S physically assaults O"},
    {"deny", "Deny responsibility", "S denies responsibility towards O"},
    {"rally", "Rally support on behalf of", "S rallies support on behalf of O"},
    {"adverb-alt", "Protest violently, riot, not specified below", "S protests violently, riots against O"},
    {"aside", "Appeal for diplomatic cooperation (such as policy support)",
     "S appeals to O for diplomatic cooperation"},
    {"quotes", "Meet at a \"third\" location", "S meets O at a third location"},
    {"discuss", "Discuss by telephone", "S discusses by telephone with O"},
    {"adverb-after", "Defend verbally", "S defends O verbally"},
    {"always", "Find guilty or liable (legally)", "S finds O guilty or liable"},
    {"obj-fallback", "Threaten non-force, not specified below", "S threatens non-force against O"},
    {"threaten-with", "Threaten with sanctions, boycott, embargo", "S threatens O with sanctions, boycott, embargo"},
    {"impose", "Impose embargo, boycott, or sanctions", "S imposes embargo, boycott, or sanctions on O"},
    {"sign", "Sign formal agreement", "S signs formal agreement with O"},
    {"provide", "Provide economic aid", "S provides economic aid to O"},
    {"unknown-verb", "Sing a song", "S sings a song with O"},
    {"verb-ch", "Watch closely", "S watches closely with O"},
};

static const struct {
  const char *id;
  int y1, m1, d1, y2, m2, d2;
  const char *date, *period;
} dates[] = {
    {"day", 2023, 8, 21, 2023, 8, 21, "2023-08-21", "2023-08-21"},
    {"days", 2023, 8, 20, 2023, 8, 22, "2023-08-20/22", "2023-08-20/22"},
    {"months", 2023, 8, 30, 2023, 9, 2, "2023-08-30/09-02", "2023-08-30/09-02"},
    {"years", 2023, 12, 30, 2024, 1, 2, "2023-12-30/2024-01-02", "2023-12-30/2024-01-02"},
    {"month", 2023, 8, 1, 2023, 8, 31, "2023-08", "2023-08"},
    {"year", 2023, 1, 1, 2023, 12, 31, "2023", "2023"},
    {"h1", 2023, 1, 1, 2023, 6, 30, "2023-01/2023-06", "2023 H1"},
    {"h2", 2023, 7, 1, 2023, 12, 31, "2023-07/2023-12", "2023 H2"},
    {"q3", 2024, 7, 1, 2024, 9, 30, "2024-07/2024-09", "2024 Q3"},
    {"q1-leap", 2024, 1, 1, 2024, 3, 31, "2024-01/2024-03", "2024 Q1"},
    {"two-months", 2024, 2, 1, 2024, 3, 31, "2024-02/2024-03", "2024-02/2024-03"},
};

static const struct {
  const char *id;
  double v;
  const char *words, *chart;
} values[] = {
    {"million", 600e6, "600 million", "600M"},  {"billion", 1.25e9, "1.25 billion", "1.25B"},
    {"thousands", 150000, "150,000", "150k"},   {"small", 8500, "8,500", "8.5k"},
    {"decimal", 12.5, "12.5", "12.5"},          {"one-million", 1e6, "1 million", "1M"},
    {"units", 999, "999", "999"},               {"zero", 0, "0", "0"},
    {"negative", -2500, "-2,500", "-2.5k"},     {"huge", 3e15, "3000000 billion", "3000000B"}, {"absurd", 4e21, "4e+12 billion", "4e+12B"},
};

static const struct {
  const char *id, *code, *want;
} names[] = {
    {"press-name", "VNM", "Vietnam"},    {"iso-name", "KAZ", "Kazakhstan"},
    {"russia", "RUS", "Russia"},         {"china", "CHN", "China"},
    {"laos", "LAO", "Laos"},             {"south-korea", "KOR", "South Korea"},
    {"north-korea", "PRK", "North Korea"}, {"iran", "IRN", "Iran"},
    {"uk", "GBR", "United Kingdom"},     {"usa", "USA", "United States"},
    {"organisation", "AFDB", "African Development Bank"},
};

int main(void) {
  char buf[256];
  for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++) {
    size_t n = describe_phrase(phrases[i].name, "S", "O", buf, sizeof buf);
    EXPECT_STR(phrases[i].id, phrases[i].want, buf);
    EXPECT_INT(phrases[i].id, strlen(phrases[i].want), n);
  }
  describe_phrase(NULL, "S", "O", buf, sizeof buf);
  EXPECT_STR("no-name", "S acts towards O", buf);
  char small[10];
  size_t need = describe_phrase("Make a visit", "Kazakhstan", "Vietnam", small, sizeof small);
  EXPECT_INT("truncated-length", strlen("Kazakhstan makes a visit to Vietnam"), need);
  EXPECT_STR("truncated", "Kazakhsta", small);

  for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
    int32_t a = dates_days(dates[i].y1, dates[i].m1, dates[i].d1), b = dates_days(dates[i].y2, dates[i].m2, dates[i].d2);
    char d[40], p[40];
    EXPECT_STR(dates[i].id, dates[i].date, describe_date(a, b, d));
    EXPECT_STR(dates[i].id, dates[i].period, describe_period(a, b, p));
  }
  char d[40];
  EXPECT_STR("undated", "undated", describe_date(1, 0, d));
  EXPECT_STR("undated-period", "undated", describe_period(1, 0, d));

  for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
    char w[40], c[40];
    EXPECT_STR(values[i].id, values[i].words, describe_value(values[i].v, w));
    EXPECT_STR(values[i].id, values[i].chart, describe_value_short(values[i].v, c));
  }
  EXPECT_STR("quad-1", "verbal cooperation", describe_quad(1));
  EXPECT_STR("quad-4", "material conflict", describe_quad(4));
  EXPECT_STR("quad-none", "unknown", describe_quad(0));

  dyad_err err = {0};
  describe *t = describe_load(DYAD_DATADIR, &err);
  EXPECT(t != NULL, "load", "cannot load %s: %s: %s", DYAD_DATADIR, err.path, err.message);
  if (t) {
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
      EXPECT_STR(names[i].id, names[i].want, describe_country(t, names[i].code));
    EXPECT(describe_country(t, "XYZ") == NULL, "unknown-code", "XYZ has a name");
    EXPECT(describe_country(t, "vnm") == NULL, "lower-case", "codes are upper case");
    const cameo_code *c = cameo_find(describe_cameo(t), "042");
    EXPECT(c && c->quad == 1, "cameo", "042 not loaded");
    /* every CAMEO name gives a sentence that starts with the subject and
     * holds the object once */
    const cameo_table *ct = describe_cameo(t);
    int bad = 0;
    for (size_t i = 0; i < cameo_count(ct); i++) {
      describe_phrase(cameo_at(ct, i)->name, "SUBJ", "OBJ", buf, sizeof buf);
      const char *o = strstr(buf, "OBJ");
      if (strncmp(buf, "SUBJ ", 5) || !o || strstr(o + 1, "OBJ") || strstr(buf, "not specified")) {
        if (bad++ < 5) fprintf(stderr, "phrase of %s: %s\n", cameo_at(ct, i)->code, buf);
      }
    }
    EXPECT_INT("all-cameo-names", 0, bad);
  }
  describe_free(t);
  dyad_err e2 = {0};
  EXPECT(describe_load("/nonexistent-dir", &e2) == NULL && e2.code == DYAD_EIO, "missing-dir",
         "code %d", e2.code);
  HARNESS_END();
}
