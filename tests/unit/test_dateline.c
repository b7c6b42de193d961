/* test_dateline.c: unit tests for src/dateline.c.
 *
 * Belongs here: dateline_find on every header and dateline form (French
 * and English months, accents, "1er", weekdays, numeric dates, cues,
 * typographic variants: curly apostrophes, non-breaking spaces,
 * combining accents), on texts that must give no date (sentences, invalid
 * dates, dates too far down), consumed_header; dateline_parse_date on
 * the JSONL date forms; and a pass over the first lines of every
 * .txt file in ../shared/corpus/dev (printed, a few checked by eye).
 */
#include "dateline.h"
#include "harness.h"
#include <dirent.h>
#include <stdlib.h>

#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"
#define APOS "\xE2\x80\x99"
#define NDASH "\xE2\x80\x93"
#define MDASH "\xE2\x80\x94"

static const struct find_case {
  const char *id, *text;
  int found;
  int y, m, d;
  size_t consumed;  /* (size_t)-1: the whole text */
} finds[] = {
    /* (a) header */
    {"hdr-month", " date 2023-08 A l" APOS "invitation de son homologue", 1, 2023, 8, 0, 14},
    {"hdr-day", "date 2023-08-15\nLe président", 1, 2023, 8, 15, 16},
    {"hdr-year", "date 2023\n\nTexte", 1, 2023, 0, 0, 11},
    {"hdr-only", " date 2023-06", 1, 2023, 6, 0, 13},
    {"hdr-colon", "Date: 2021-12-31 Texte", 1, 2021, 12, 31, 17},
    {"hdr-crlf", "date 2020-05\r\nTexte", 1, 2020, 5, 0, 14},
    {"hdr-bom", "\xEF\xBB\xBF date 2019-06 X", 1, 2019, 6, 0, 17},
    {"hdr-timestamp", "date 2023-08-15T10:00:00Z\nX", 1, 2023, 8, 15, 26},
    {"hdr-bad-month", " date 2023-13\nAbidjan, le 26 novembre 2014 " NDASH " X", 1, 2014, 11, 26, 0},
    {"hdr-bad-day", "date 2023-02-29 X", 0, 0, 0, 0, 0},
    {"hdr-leap-day", "date 2024-02-29 X", 1, 2024, 2, 29, 16},
    {"hdr-glued", "date 2023-08A l'invitation", 0, 0, 0, 0, 0},
    {"hdr-no-space", "date2023-08 X", 0, 0, 0, 0, 0},
    {"hdr-word", "Dates 2023-08 X", 0, 0, 0, 0, 0},
    {"hdr-second-line", "Titre\n date 2023-08 X", 0, 0, 0, 0, 0},
    /* (b) datelines at a line start */
    {"place-le", "Abidjan, le 26 novembre 2014 " NDASH " Le président ivoirien", 1, 2014, 11, 26, 0},
    {"place-nodash", "Hanoi, 18 août 2022\nLe ministre", 1, 2022, 8, 18, 0},
    {"place-eot", "Hanoi, 18 août 2022", 1, 2022, 8, 18, 0},
    {"place-agency", "Abidjan (AIP), le lundi 12 juin 2023 " MDASH " Le chef", 1, 2023, 6, 12, 0},
    {"place-multiword", "Ho Chi Minh Ville, 3 mars 2021 - Texte", 1, 2021, 3, 3, 0},
    {"place-hyphen", "Saint-Louis, 1er janvier 2020 | Texte", 1, 2020, 1, 1, 0},
    {"place-accent", "Yaoundé, le 5 février 2019 : Texte", 1, 2019, 2, 5, 0},
    {"place-second-line", "Titre de l'article\n\nDakar, le 9 octobre 2018 " NDASH " Texte", 1, 2018, 10, 9, 0},
    {"weekday-line", "Titre\n\nMardi 16 Septembre 2025\n\nLe président", 1, 2025, 9, 16, 0},
    {"le-numeric", "le 12/06/2023\nTexte", 1, 2023, 6, 12, 0},
    {"le-numeric-dash", "Le 12-06-2023 " NDASH " Texte", 1, 2023, 6, 12, 0},
    {"numeric-dots", "12.06.2023\nTexte", 1, 2023, 6, 12, 0},
    {"iso-line", "2023-06-12 | Politique", 1, 2023, 6, 12, 0},
    {"english-mdy", "August 18, 2022\nThe minister", 1, 2022, 8, 18, 0},
    {"english-dmy", "18 August 2022 (Reuters) - text", 1, 2022, 8, 18, 0},
    {"english-abbr", "WASHINGTON, Aug. 18, 2022 (Reuters) -", 1, 2022, 8, 18, 0},
    {"english-ordinal", "London, March 3rd, 2021 - text", 1, 2021, 3, 3, 0},
    {"english-weekday", "Tuesday, August 15, 2023\ntext", 1, 2023, 8, 15, 0},
    {"time-after", "Paris, le 3 mai 2021 à 10h30\nTexte", 1, 2021, 5, 3, 0},
    {"time-comma", "3 mai 2021, 10:30\nTexte", 1, 2021, 5, 3, 0},
    {"period-eol", "Le 3 mai 2021.\nTexte", 1, 2021, 5, 3, 0},
    {"abbr-month", "Lomé, 12 sept. 2017 - texte", 1, 2017, 9, 12, 0},
    {"abbr-fevr", "Lomé, 12 févr. 2017 - texte", 1, 2017, 2, 12, 0},
    {"unaccented", "Bamako, le 15 aout 2016 - texte", 1, 2016, 8, 15, 0},
    {"upper-month", "BAMAKO, LE 15 AOÛT 2016 - TEXTE", 1, 2016, 8, 15, 0},
    {"nbsp", "Abidjan," NBSP "le" NBSP "26" NBSP "novembre" NBSP "2014" NBSP NDASH " X", 1, 2014, 11, 26, 0},
    {"nnbsp", "Le" NNBSP "26" NNBSP "novembre" NNBSP "2014 :", 1, 2014, 11, 26, 0},
    {"combining-accent", "Le 5 fe\xCC\x81vrier 2019 - X", 1, 2019, 2, 5, 0},
    {"curly-apos-place", "Côte d" APOS "Ivoire, le 3 mai 2021 - X", 1, 2021, 5, 3, 0},
    {"sup-er", "Niamey, 1\xE1\xB5\x89\xCA\xB3 avril 2022 - X", 1, 2022, 4, 1, 0},
    {"leading-spaces", "   \t Abidjan, le 26 novembre 2014 " NDASH " X", 1, 2014, 11, 26, 0},
    /* cues */
    {"publie", "x Télécharger\nPolitique Publié le samedi 16 mars 2013 | Nord-Sud", 1, 2013, 3, 16, 0},
    {"publie-1er", "Publié le 1er septembre 2012", 1, 2012, 9, 1, 0},
    {"publie-colon", "Publié : 12/06/2023 à 10h", 1, 2023, 6, 12, 0},
    {"publie-le-colon", "Publiée le : 12/06/2023", 1, 2023, 6, 12, 0},
    {"publie-upper", "PUBLIÉ LE 12 JUIN 2023 Texte suivant", 1, 2023, 6, 12, 0},
    {"published", "Published: 18 August 2022 by x", 1, 2022, 8, 18, 0},
    {"published-on", "Published on Tuesday, August 15, 2023 at 10:00", 1, 2023, 8, 15, 0},
    {"mis-a-jour", "Par - à Abidjan\nMis à jour le 12 novembre 2019 à 15:57\n", 1, 2019, 11, 12, 0},
    {"publie-before-maj", "Mis à jour le 13 juin 2023\nPublié le 12 juin 2023", 1, 2023, 6, 12, 0},
    {"dateline-before-maj", "Mis à jour le 13 juin 2023\nAbidjan, le 12 juin 2023 - x", 1, 2023, 6, 12, 0},
    {"updated", "Updated 3 May 2021", 1, 2021, 5, 3, 0},
    /* no date */
    {"empty", "", 0, 0, 0, 0, 0},
    {"no-year", "Hanoi (VNA) " NDASH " Le ministre s" APOS "est entretenu jeudi 18 août à Hanoi", 0, 0, 0, 0, 0},
    {"sentence", "Le 21 août 2023, Hanoï a été le théâtre d" APOS "une visite", 0, 0, 0, 0, 0},
    {"mid-sentence", "Le président est arrivé à Abidjan, le lundi 12 juin 2023 pour une visite", 0, 0, 0, 0, 0},
    {"cue-in-sentence", "Selon un rapport des Nations unies sur la situation publié le 3 mai 2021, la crise", 0, 0, 0, 0, 0},
    {"feb-30", "Abidjan, le 30 février 2023 - x", 0, 0, 0, 0, 0},
    {"feb-29-nonleap", "le 29/02/2023\n", 0, 0, 0, 0, 0},
    {"feb-29-leap", "le 29/02/2024\n", 1, 2024, 2, 29, 0},
    {"day-32", "32 mai 2021\n", 0, 0, 0, 0, 0},
    {"month-13", "12/13/2021\n", 0, 0, 0, 0, 0},
    {"day-0", "0 mai 2021\n", 0, 0, 0, 0, 0},
    {"year-1850", "3 mai 1850\n", 0, 0, 0, 0, 0},
    {"year-5digits", "3 mai 20211\n", 0, 0, 0, 0, 0},
    {"glued-month", "3 maison 2021\n", 0, 0, 0, 0, 0},
    {"us-order-numeric", "06/13/2023\n", 0, 0, 0, 0, 0},
    {"mixed-separators", "12/06-2023\n", 0, 0, 0, 0, 0},
    {"too-far", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
                "Abidjan, le 26 novembre 2014 - x", 0, 0, 0, 0, 0},
    {"place-too-long", "Une très longue phrase qui ressemble à un lieu mais non, 3 mai 2021 - x", 0, 0, 0, 0, 0},
    {"place-lowercase", "abidjan, le 3 mai 2021 - x", 0, 0, 0, 0, 0},
    {"invalid-utf8", "\xFF\xFE\x00\x01 Abidjan, le 3 mai 2021 - x", 0, 0, 0, 0, 0},
    {"invalid-utf8-line2", "\xFF\xFE\n\xC3 x\nAbidjan, le 3 mai 2021 - x", 1, 2021, 5, 3, 0},
};

static void test_find(void) {
  for (size_t k = 0; k < sizeof finds / sizeof finds[0]; k++) {
    const struct find_case *c = &finds[k];
    size_t len = strlen(c->text);
    if (strcmp(c->id, "invalid-utf8") == 0) len = 4 + strlen(c->text + 4);
    dyad_date d = {-1, -1, -1};
    size_t consumed = 999;
    int r = dateline_find(c->text, len, &d, &consumed);
    char got[16], exp[16];
    dyad_date_format(d, got);
    dyad_date_format((dyad_date){c->y, c->m, c->d}, exp);
    EXPECT_INT(c->id, c->found, r);
    EXPECT_STR(c->id, exp, got);
    EXPECT_INT(c->id, c->y, d.year);
    EXPECT_INT(c->id, c->m, d.month);
    EXPECT_INT(c->id, c->d, d.day);
    EXPECT_INT(c->id, c->consumed, consumed);
  }
  /* consumed_header may be NULL; the text need not be NUL-terminated */
  dyad_date d;
  EXPECT_INT("null-consumed", 1, dateline_find("date 2023-08 X", 14, &d, NULL));
  EXPECT_INT("not-terminated", 1, dateline_find("date 2023-08-15", 12, &d, NULL));
  EXPECT_INT("not-terminated", 0, d.day);
  EXPECT_INT("cut-year", 0, dateline_find("Hanoi, 18 août 2022", 17, &d, NULL));
}

static const struct parse_case {
  const char *id, *s;
  int ok, y, m, d;
} parses[] = {
    {"year", "2023", 1, 2023, 0, 0},
    {"year-month", "2023-08", 1, 2023, 8, 0},
    {"full", "2023-08-15", 1, 2023, 8, 15},
    {"iso-z", "2023-08-15T10:00:00Z", 1, 2023, 8, 15},
    {"iso-frac", "2023-08-15T10:00:00.123Z", 1, 2023, 8, 15},
    {"iso-offset", "2023-08-15T23:30:00-05:00", 1, 2023, 8, 15},
    {"iso-offset-compact", "2023-08-15T23:30:00+0530", 1, 2023, 8, 15},
    {"iso-offset-hours", "2023-08-15T23:30+02", 1, 2023, 8, 15},
    {"iso-no-seconds", "2023-08-15T10:00", 1, 2023, 8, 15},
    {"space-time", "2023-08-15 10:00:00", 1, 2023, 8, 15},
    {"padded", "  2023-08-15 \n", 1, 2023, 8, 15},
    {"french", "15 août 2023", 1, 2023, 8, 15},
    {"numeric", "15/08/2023", 1, 2023, 8, 15},
    {"english", "August 15, 2023", 1, 2023, 8, 15},
    {"rfc2822", "Tue, 15 Aug 2023 10:00:00 +0000", 1, 2023, 8, 15},
    {"empty", "", 0, 0, 0, 0},
    {"blank", "   ", 0, 0, 0, 0},
    {"month-13", "2023-13", 0, 0, 0, 0},
    {"month-00", "2023-00", 0, 0, 0, 0},
    {"day-32", "2023-08-32", 0, 0, 0, 0},
    {"feb-29", "2023-02-29", 0, 0, 0, 0},
    {"one-digit-month", "2023-8-15", 1, 2023, 8, 15},
    {"bad-time", "2023-08-15T25:00", 0, 0, 0, 0},
    {"bad-time-junk", "2023-08-15Tnoon", 0, 0, 0, 0},
    {"trailing-junk", "2023-08-15 hello", 0, 0, 0, 0},
    {"short-year", "23-08-15", 0, 0, 0, 0},
    {"words", "yesterday", 0, 0, 0, 0},
    {"year-999", "0999", 0, 0, 0, 0},
};

static void test_parse(void) {
  for (size_t k = 0; k < sizeof parses / sizeof parses[0]; k++) {
    const struct parse_case *c = &parses[k];
    dyad_date d = {-1, -1, -1};
    int r = dateline_parse_date(c->s, strlen(c->s), &d);
    EXPECT_INT(c->id, c->ok, r);
    EXPECT_INT(c->id, c->y, d.year);
    EXPECT_INT(c->id, c->m, d.month);
    EXPECT_INT(c->id, c->d, d.day);
  }
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run dateline_find over the dev corpus's first 4 KiB of each file. */
static void test_corpus(void) {
  static const char *dir = "../shared/corpus/dev";
  static const struct {
    const char *file, *date, *how;
  } checked[] = {
      {"d001.txt", "2023-06", "header"},      /* " date 2023-06 Alassane Ouattara..." */
      {"001_3643f0447ada7bd8.txt", "2023-08", "header"},
      {"d010.txt", "2019-11-12", "dateline"}, /* "Mis à jour le 12 novembre 2019 à 15:57" */
      {"d014.txt", "2025-09-16", "dateline"}, /* "Mardi 16 Septembre 2025" alone on a line */
      {"d016.txt", "2012-09-01", "dateline"}, /* "Politique Publié le samedi 1 septembre 2012" */
      {"d002.txt", "", "none"},                /* only "arrivé à Abidjan, le lundi 12 juin 2023 pour" */
      {"003_07fcb7674cc6088f.txt", "", "none"}, /* "Le 21 août 2023, Hanoï a été..." */
  };
  DIR *d = opendir(dir);
  if (!d) {
    printf("skip: %s not found, corpus pass skipped\n", dir);
    return;
  }
  char *names[1024];
  size_t n = 0;
  struct dirent *de;
  while ((de = readdir(d)) != NULL && n < 1024) {
    size_t l = strlen(de->d_name);
    if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0) names[n++] = strdup(de->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp_names);
  size_t nfound = 0;
  for (size_t k = 0; k < n; k++) {
    char path[1024], buf[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[k]);
    FILE *f = fopen(path, "rb");
    size_t len = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f) fclose(f);
    dyad_date dt;
    size_t consumed;
    int r = dateline_find(buf, len, &dt, &consumed);
    char out[16];
    dyad_date_format(dt, out);
    const char *how = !r ? "none" : consumed ? "header" : "dateline";
    nfound += (size_t)r;
    printf("  corpus %-28s %-10s %-8s consumed=%zu\n", names[k], r ? out : "-", how, consumed);
    for (size_t c = 0; c < sizeof checked / sizeof checked[0]; c++) {
      if (strcmp(checked[c].file, names[k]) != 0) continue;
      EXPECT_STR(names[k], checked[c].date, out);
      EXPECT_STR(names[k], checked[c].how, how);
    }
    free(names[k]);
  }
  printf("  corpus: %zu of %zu files dated\n", nfound, n);
}

int main(void) {
  test_find();
  test_parse();
  test_corpus();
  HARNESS_END();
}
