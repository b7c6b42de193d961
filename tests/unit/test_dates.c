/* test_dates.c: unit tests for src/dates.c.
 *
 * Belongs here: dates_find on sentences we write, one row per form listed
 * in dates.c (explicit, partial, ranges, relative, periods, cues,
 * English), with the reference date as a parameter; the negative cases
 * (numbers that are not dates); weekday consistency and the year roll
 * back of partial dates; an unknown reference; spans, order, overlap and
 * the cap; dates_days / dates_civil against known values and round
 * trips; dates_format.  Last, a pass over the sentences of every .txt file
 * in ../shared/corpus/dev (reference from its " date YYYY-MM" header):
 * printed with DATES_VERBOSE=1, a few results checked.
 *
 * A row's expected value lists "SPAN=FORMATTED" joined by " ; ", and its
 * kt string the kind (E explicit, P partial, R relative, D period) and
 * tense ('-' past, '+' future, nothing unknown) of each, space-separated
 * (NULL: not checked).
 */
#include "dates.h"
#include "harness.h"
#include <dirent.h>
#include <stdlib.h>

#define NBSP "\xC2\xA0"
#define APOS "\xE2\x80\x99"
#define NDASH "\xE2\x80\x93"

static const struct find_case {
  const char *id, *text;
  int y, m, d;             /* reference */
  const char *expected;    /* "SPAN=FMT ; SPAN=FMT" */
  const char *kt;          /* kinds and tenses, or NULL */
} finds[] = {
    /* explicit */
    {"fr-day", "Le traité a été signé le 18 août 2022 à Hanoi.", 2023, 8, 1,
     "le 18 août 2022=2022-08-18", "E"},
    {"fr-day-weekday", "Il est arrivé le jeudi 18 août 2022 au soir.", 2023, 8, 1,
     "le jeudi 18 août 2022=2022-08-18", "E"},
    {"fr-day-1er", "Depuis le 1er janvier 2024, le 1ᵉʳ mars 2024 et le 1ère juin 2024.", 0, 0, 0,
     "Depuis le 1er janvier 2024=2024-01-01 ; le 1ᵉʳ mars 2024=2024-03-01 ; le 1ère juin 2024=2024-06-01",
     "E E E"},
    {"fr-day-caps", "LE 18 AOUT 2022, puis le 3 Décembre 2021.", 0, 0, 0,
     "LE 18 AOUT 2022=2022-08-18 ; le 3 Décembre 2021=2021-12-03", NULL},
    {"fr-day-combining", "le 3 de\xCC\x81" "cembre 2021", 0, 0, 0,
     "le 3 de\xCC\x81" "cembre 2021=2021-12-03", NULL},
    {"fr-abbrev", "le 3 déc. 2021 et le 4 sept. 2020", 0, 0, 0,
     "le 3 déc. 2021=2021-12-03 ; le 4 sept. 2020=2020-09-04", NULL},
    {"numeric-dmy", "Signé le 18/08/2022, révisé le 19.08.2022 et le 20-08-2022.", 0, 0, 0,
     "18/08/2022=2022-08-18 ; 19.08.2022=2022-08-19 ; 20-08-2022=2022-08-20", "E E E"},
    {"numeric-yy", "Note du 18/08/22.", 0, 0, 0, "18/08/22=2022-08-18", NULL},
    {"numeric-iso", "Publié 2022-08-18 par l'agence.", 0, 0, 0, "2022-08-18=2022-08-18", "E"},
    {"numeric-invalid", "Le 31/02/2022 et 2022-13-01 et 1/2/3.", 0, 0, 0, "", NULL},
    {"month-year", "La visite d'août 2022 et la réunion de septembre 2021.", 0, 0, 0,
     "août 2022=2022-08 ; septembre 2021=2021-09", "E E"},
    {"en-year", "en 2023, les échanges ont doublé.", 2024, 5, 2, "en 2023=2023", "E"},
    {"depuis-year", "Les relations se sont intensifiées depuis 2019.", 2023, 8, 15,
     "depuis 2019=2019-01-01/2023-08-15", "E"},
    {"depuis-year-noref", "Les relations se sont intensifiées depuis 2019.", 0, 0, 0,
     "depuis 2019=2019", "E"},
    {"year-cues", "À partir de 2024, avant 2025, après 2026, courant 2027, pour 2028, vers 2029.", 0, 0, 0,
     "À partir de 2024=2024 ; avant 2025=2025 ; après 2026=2026 ; courant 2027=2027 ; pour 2028=2028 ; vers 2029=2029",
     NULL},
    {"annee-year", "L'année 2022 a été celle du plan de 2023.", 0, 0, 0,
     "L'année 2022=2022 ; de 2023=2023", "E E"},
    {"des-accent", "dès 2024 mais des 2000 soldats", 0, 0, 0, "dès 2024=2024", NULL},
    {"curly-apostrophe", "l" APOS "année 2022 et d" APOS "ici 2025", 0, 0, 0,
     "l" APOS "année 2022=2022 ; d" APOS "ici 2025=2025", "E D+"},
    /* partial: the year from the reference, rolled back past ~9 months */
    {"partial-weekday", "Il s'est entretenu jeudi 18 août à Hanoi.", 2022, 8, 20,
     "jeudi 18 août=2022-08-18", "P"},
    {"partial-le", "Entretien à Hanoi, le 18 août.", 2022, 8, 20, "le 18 août=2022-08-18", "P"},
    {"partial-bare", "Réunion 18 août à Hanoi.", 2022, 8, 20, "18 août=2022-08-18", "P"},
    {"partial-ce", "En recevant ce 13 juin le président", 2023, 6, 0, "ce 13 juin=2023-06-13", "P"},
    {"partial-future-ok", "La conférence se tiendra le 18 mai.", 2023, 1, 5,
     "le 18 mai=2023-05-18", "P"},
    {"rollback", "Le sommet du 28 décembre a réuni les chefs d'État.", 2023, 1, 5,
     "28 décembre=2022-12-28", "P"},
    {"rollback-month-ref", "Le 20 novembre, le ministre est venu.", 2024, 1, 0,
     "Le 20 novembre=2023-11-20", "P"},
    {"weekday-fixes-year", "Le jeudi 18 août, le président a reçu son homologue.", 2023, 1, 5,
     "Le jeudi 18 août=2022-08-18", "P"},
    {"weekday-agrees", "Le vendredi 18 août, il a signé.", 2023, 1, 5,
     "Le vendredi 18 août=2023-08-18", "P"},
    {"weekday-never", "Le lundi 31 août, il a signé.", 2023, 9, 1,
     "Le lundi 31 août=2023-08-31", NULL},
    {"weekday-explicit-kept", "Le lundi 18 août 2022 (un jeudi en vérité).", 0, 0, 0,
     "Le lundi 18 août 2022=2022-08-18", "E"},
    {"partial-noref", "Le 18 août, jeudi 18 août, du 20 au 22 août.", 0, 0, 0, "", NULL},
    {"day-dernier", "Le 18 août dernier et le 2 mars prochain.", 2023, 8, 10,
     "Le 18 août dernier=2022-08-18 ; le 2 mars prochain=2024-03-02", "P- P+"},
    {"weekday-day", "Il est arrivé lundi 12 à Abidjan.", 2023, 6, 15, "lundi 12=2023-06-12", "P"},
    {"month-partial", "En mars, puis en juillet dernier et en octobre prochain.", 2023, 8, 10,
     "En mars=2023-03 ; en juillet dernier=2023-07 ; en octobre prochain=2023-10", "P P- P+"},
    {"month-rollback", "Depuis novembre les prix montent.", 2023, 2, 10,
     "Depuis novembre=2022-11-01/2023-02-10", "P"},
    {"mois-de", "Au mois d'août, le mois de juin 2021.", 2023, 9, 0,
     "Au mois d'août=2023-08 ; le mois de juin 2021=2021-06", "P E"},
    {"month-no-cue", "Le rover Mars et la fête de mai.", 2023, 9, 0, "", NULL},
    /* ranges */
    {"range-du-au", "Le festival a lieu du 20 au 22 août.", 2023, 8, 1,
     "du 20 au 22 août=2023-08-20/2023-08-22", "P"},
    {"range-two-months", "La foire se tient du 20 août au 2 septembre 2023.", 0, 0, 0,
     "du 20 août au 2 septembre 2023=2023-08-20/2023-09-02", "E"},
    {"range-over-year", "Du 28 décembre au 3 janvier 2024, trêve.", 0, 0, 0,
     "Du 28 décembre au 3 janvier 2024=2023-12-28/2024-01-03", "E"},
    {"range-both-years", "du 20 août 2022 au 2 septembre 2023", 0, 0, 0,
     "du 20 août 2022 au 2 septembre 2023=2022-08-20/2023-09-02", NULL},
    {"range-entre", "Les combats ont eu lieu entre le 12 et le 15 juin.", 2023, 7, 1,
     "entre le 12 et le 15 juin=2023-06-12/2023-06-15", "P"},
    {"range-les", "Les 12 et 13 juin, les deux pays ont négocié.", 2023, 7, 1,
     "Les 12 et 13 juin=2023-06-12/2023-06-13", "P"},
    {"range-dash", "Sommet des 20-22 août 2023 à Johannesburg.", 0, 0, 0,
     "20-22 août 2023=2023-08-20/2023-08-22", "E"},
    {"range-weekdays", "du lundi 20 au mercredi 22 mars 2023", 0, 0, 0,
     "du lundi 20 au mercredi 22 mars 2023=2023-03-20/2023-03-22", NULL},
    {"range-years", "Le plan 2023-2025, la période 2020" NDASH "2022, la saison 2022-23.", 0, 0, 0,
     "2023-2025=2023/2025 ; 2020" NDASH "2022=2020/2022 ; 2022-23=2022/2023", "E E E"},
    {"range-years-en", "en 2020-2022 puis de 2023 à 2025 et entre 2026 et 2027.", 0, 0, 0,
     "en 2020-2022=2020/2022 ; de 2023 à 2025=2023/2025 ; entre 2026 et 2027=2026/2027", NULL},
    {"range-months", "De janvier à mars 2023, puis d'avril à juin.", 2023, 8, 1,
     "De janvier à mars 2023=2023-01/2023-03 ; d'avril à juin=2023-04/2023-06", "E P"},
    /* relative */
    {"rel-days", "Hier, avant-hier, aujourd'hui, demain et après-demain.", 2023, 8, 15,
     "Hier=2023-08-14 ; avant-hier=2023-08-13 ; aujourd'hui=2023-08-15 ; demain=2023-08-16 ; "
     "après-demain=2023-08-17",
     "R- R- R R+ R+"},
    {"rel-month-ref", "Hier, le ministre a parlé.", 2023, 8, 0, "Hier=2023-07-31/2023-08-30", "R-"},
    {"rel-today", "Ce matin et ce soir, cet après-midi aussi.", 2023, 8, 15,
     "Ce matin=2023-08-15 ; ce soir=2023-08-15 ; cet après-midi=2023-08-15", NULL},
    {"rel-weekdays", "Ce lundi, lundi dernier, lundi prochain, puis lundi.", 2023, 8, 16,
     "Ce lundi=2023-08-14 ; lundi dernier=2023-08-14 ; lundi prochain=2023-08-21 ; lundi=2023-08-14",
     "R R- R+ R"},
    {"rel-weekday-same-day", "Mercredi, mercredi dernier, ce mercredi, mercredi prochain.", 2023, 8, 16,
     "Mercredi=2023-08-16 ; mercredi dernier=2023-08-09 ; ce mercredi=2023-08-16 ; mercredi prochain=2023-08-23",
     NULL},
    {"rel-ce-nearest", "Ce samedi, le sommet s'ouvre.", 2023, 8, 18, "Ce samedi=2023-08-19", NULL},
    {"rel-weeks", "La semaine dernière, cette semaine, la semaine prochaine.", 2023, 8, 16,
     "La semaine dernière=2023-08-07/2023-08-13 ; cette semaine=2023-08-14/2023-08-20 ; "
     "la semaine prochaine=2023-08-21/2023-08-27",
     "R- R R+"},
    {"rel-months", "Le mois dernier, ce mois-ci, le mois prochain.", 2023, 1, 16,
     "Le mois dernier=2022-12 ; ce mois-ci=2023-01 ; le mois prochain=2023-02", "R- R R+"},
    {"rel-years", "L'année dernière, l'année précédente, l'année prochaine, l'an dernier, l'an passé, l'an prochain, cette année.",
     2023, 8, 16,
     "L'année dernière=2022 ; l'année précédente=2022 ; l'année prochaine=2024 ; l'an dernier=2022 ; "
     "l'an passé=2022 ; l'an prochain=2024 ; cette année=2023",
     "R- R- R+ R- R- R+ R"},
    {"rel-la", "Cette année-là, ce jour-là, ce lundi-là.", 2023, 8, 16, "", NULL},
    {"rel-noref", "Hier et l'an dernier.", 0, 0, 0, "", NULL},
    /* periods */
    {"period-months", "Au cours des six premiers mois de 2023, les échanges ont crû.", 2023, 8, 1,
     "Au cours des six premiers mois de 2023=2023-01/2023-06", "D"},
    {"period-months-ref", "Sur les 7 premiers mois de l'année, 3 milliards.", 2023, 8, 1,
     "Sur les 7 premiers mois de l'année=2023-01/2023-07", "D"},
    {"period-semester", "Au premier semestre 2023 et au second semestre de 2022.", 0, 0, 0,
     "Au premier semestre 2023=2023-01/2023-06 ; au second semestre de 2022=2022-07/2022-12", "D D"},
    {"period-quarter", "Au premier trimestre, au 3e trimestre 2022, au dernier trimestre de l'année dernière.",
     2023, 8, 1,
     "Au premier trimestre=2023-01/2023-03 ; au 3e trimestre 2022=2022-07/2022-09 ; "
     "au dernier trimestre de l'année dernière=2022-10/2022-12",
     "D D D-"},
    {"period-semester-annee", "au cours du premier semestre de l'année, le chiffre a doublé", 2023, 9, 0,
     "au cours du premier semestre de l'année=2023-01/2023-06", "D"},
    {"period-noref", "Au premier trimestre, les ventes ont baissé.", 0, 0, 0, "", NULL},
    {"period-parts", "Fin 2025, début 2024, mi-2024.", 0, 0, 0,
     "Fin 2025=2025-10/2025-12 ; début 2024=2024-01/2024-03 ; mi-2024=2024-06/2024-07", "D D D"},
    {"period-month-parts", "Fin août, début septembre 2023, à la mi-juillet.", 2023, 9, 20,
     "Fin août=2023-08-21/2023-08-31 ; début septembre 2023=2023-09-01/2023-09-10 ; "
     "à la mi-juillet=2023-07-11/2023-07-20",
     "D D D"},
    {"period-year-parts", "En fin d'année, au début de l'année et à la fin de l'année 2022.", 2023, 5, 0,
     "En fin d'année=2023-10/2023-12 ; au début de l'année=2023-01/2023-03 ; "
     "à la fin de l'année 2022=2022-10/2022-12",
     NULL},
    {"period-until", "D'ici 2025, puis d'ici à 2030.", 2023, 8, 16,
     "D'ici 2025=2023-08-16/2025-12-31 ; d'ici à 2030=2023-08-16/2030-12-31", "D+ D+"},
    {"period-until-noref", "d'ici 2025", 0, 0, 0, "d'ici 2025=2025", "D+"},
    {"period-until-end", "d'ici la fin de l'année, le projet sera achevé", 2023, 8, 16,
     "d'ici la fin de l'année=2023-08-16/2023-12-31", "D+"},
    {"period-since-start", "Depuis le début de l'année, 40 accords ont été signés.", 2023, 8, 16,
     "Depuis le début de l'année=2023-01-01/2023-08-16", "D"},
    /* English */
    {"en-dates", "On August 18, 2022 and 18 August 2022, talks were held.", 0, 0, 0,
     "On August 18, 2022=2022-08-18 ; 18 August 2022=2022-08-18", "E E"},
    {"en-relative", "on Monday, yesterday, last year, next week, this month.", 2023, 8, 16,
     "on Monday=2023-08-14 ; yesterday=2023-08-15 ; last year=2022 ; next week=2023-08-21/2023-08-27 ; "
     "this month=2023-08",
     "R R- R- R+ R"},
    {"en-periods", "In 2022, since 2019, by 2030, in the first quarter of 2023, 3rd August 2021.", 2023, 8, 16,
     "In 2022=2022 ; since 2019=2019-01-01/2023-08-16 ; by 2030=2023-08-16/2030-12-31 ; "
     "in the first quarter of 2023=2023-01/2023-03 ; 3rd August 2021=2021-08-03",
     NULL},
    /* not dates */
    {"neg-numbers", "150.000 touristes, 1,5 million, trois accords, le 30e anniversaire, 2 000 milliards.",
     2023, 8, 16, "", NULL},
    {"neg-bare-year", "2023 fut une année record, 2024 aussi.", 2023, 8, 16, "", NULL},
    {"neg-counts", "en 2000 soldats, un budget de 2023 milliards, de 2000 personnes, en 1999 %.", 2023, 8, 16,
     "", NULL},
    {"neg-weak", "un montant de 2023 avions, pour 1990 familles.", 2023, 8, 16, "", NULL},
    {"neg-glued", "A320 2023x, 12.2023, 1.500.000, 18h30, le 3,5 mars.", 2023, 8, 16, "", NULL},
    {"neg-invalid-day", "le 31 avril et le 30 février 2023, le 32 mai.", 2023, 8, 16, "", NULL},
    {"neg-fin", "Il faut mettre fin à la guerre ; le premier ministre ; la fin des combats.", 2023, 8, 16,
     "", NULL},
    {"neg-corpus", "présidence tournante en 2020-2022.", 2023, 8, 0, "en 2020-2022=2020/2022", NULL},
    /* spans: longest wins, no overlap, typographic spaces */
    {"longest", "depuis le 18 août 2022 jusqu'au 3 mars", 2023, 8, 16,
     "depuis le 18 août 2022=2022-08-18/2023-08-16 ; jusqu'au 3 mars=2023-03-03", NULL},
    {"nbsp", "le 18" NBSP "août" NBSP "2022", 0, 0, 0, "le 18" NBSP "août" NBSP "2022=2022-08-18", NULL},
};

/* Kind letter and tense mark of e, appended to s. */
static void kt_append(char *s, size_t cap, const date_expr *e) {
  static const char kinds[] = "EPRD";
  size_t l = strlen(s);
  if (l + 4 >= cap) return;
  if (l) s[l++] = ' ';
  s[l++] = e->kind < 4 ? kinds[e->kind] : '?';
  if (e->tense < 0) s[l++] = '-';
  if (e->tense > 0) s[l++] = '+';
  s[l] = 0;
}

static void test_find(void) {
  for (size_t i = 0; i < sizeof finds / sizeof finds[0]; i++) {
    const struct find_case *c = &finds[i];
    dyad_date ref = {c->y, c->m, c->d};
    date_expr e[16];
    char got[1024] = "", kt[128] = "", buf[32];
    size_t len = strlen(c->text);
    size_t n = dates_find(c->text, len, ref, e, 16);
    for (size_t k = 0; k < n && k < 16; k++) {
      size_t l = strlen(got);
      EXPECT(e[k].start < e[k].end && e[k].end <= len, c->id, "span %u..%u out of 0..%zu",
             e[k].start, e[k].end, len);
      EXPECT(k == 0 || e[k].start >= e[k - 1].end, c->id, "span %zu overlaps or is out of order", k);
      EXPECT(e[k].first <= e[k].last, c->id, "first %d > last %d", e[k].first, e[k].last);
      snprintf(got + l, sizeof got - l, "%s%.*s=%s", l ? " ; " : "", (int)(e[k].end - e[k].start),
               c->text + e[k].start, dates_format(e[k].first, e[k].last, buf));
      kt_append(kt, sizeof kt, &e[k]);
    }
    EXPECT_STR(c->id, c->expected, got);
    if (c->kt) EXPECT_STR(c->id, c->kt, kt);
  }
}

/* The cap, a text that is not NUL-terminated, empty and NULL-safe cases. */
static void test_bounds(void) {
  date_expr e[2];
  const char *t = "en 2020, en 2021, en 2022 et en 2023";
  dyad_date noref = {0, 0, 0};
  size_t n = dates_find(t, strlen(t), noref, e, 2);
  EXPECT_INT("cap-count", 4, n);
  EXPECT_INT("cap-second", 9, e[1].start);
  EXPECT_INT("cap-zero", 4, dates_find(t, strlen(t), noref, NULL, 0));
  /* "le 18 août 2022" cut after "août": the year is not read */
  char cut[32];
  memcpy(cut, "le 18 août 2022", 16);
  n = dates_find(cut, 11, (dyad_date){2023, 8, 1}, e, 2);
  EXPECT_INT("cut-count", 1, n);
  if (n == 1) EXPECT_INT("cut-end", 11, e[0].end);
  EXPECT_INT("empty", 0, dates_find("", 0, noref, e, 2));
  EXPECT_INT("invalid-utf8", 1, dates_find("\xff\xfe en 2023 \xc3", 12, noref, e, 2));
  /* a bad reference is an unknown one */
  EXPECT_INT("bad-ref", 0, dates_find("hier", 4, (dyad_date){-5, 0, 0}, e, 2));
  n = dates_find("hier", 4, (dyad_date){2023, 13, 40}, e, 2);
  EXPECT_INT("ref-bad-month", 1, n);
  if (n) EXPECT_INT("ref-bad-month-first", dates_days(2022, 12, 31), e[0].first);
  /* long input: many candidates, linear scan */
  static char big[200000];
  size_t bl = 0;
  while (bl + 20 < sizeof big) { memcpy(big + bl, "le 1 du 2 en 20 ", 16); bl += 16; }
  EXPECT_INT("big", 0, dates_find(big, bl, noref, e, 2));
}

static void test_calendar(void) {
  static const struct { int y, m, d; int32_t days; } known[] = {
      {1970, 1, 1, 0}, {1969, 12, 31, -1}, {2000, 1, 1, 10957}, {2000, 2, 29, 11016},
      {2023, 8, 21, 19590}, {1900, 3, 1, -25508}, {2100, 12, 31, 47846}, {1600, 1, 1, -135140}};
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
    int y, m, d;
    char id[32];
    snprintf(id, sizeof id, "days-%04d-%02d-%02d", known[i].y, known[i].m, known[i].d);
    EXPECT_INT(id, known[i].days, dates_days(known[i].y, known[i].m, known[i].d));
    dates_civil(known[i].days, &y, &m, &d);
    EXPECT(y == known[i].y && m == known[i].m && d == known[i].d, id, "civil gave %d-%d-%d", y, m, d);
  }
  /* month overflow and day offsets are normalised */
  EXPECT_INT("days-month-13", dates_days(2024, 1, 1), dates_days(2023, 13, 1));
  EXPECT_INT("days-month-0", dates_days(2022, 12, 1), dates_days(2023, 0, 1));
  EXPECT_INT("days-day-0", dates_days(2023, 2, 28), dates_days(2023, 3, 0));
  int bad = 0;
  for (int32_t x = -800000; x <= 800000; x += 7) {
    int y, m, d;
    dates_civil(x, &y, &m, &d);
    if (dates_days(y, m, d) != x || m < 1 || m > 12 || d < 1 || d > 31) bad++;
  }
  EXPECT_INT("round-trip", 0, bad);
}

static void test_format(void) {
  static const struct { const char *id; int y1, m1, d1, y2, m2, d2; const char *exp; } fmts[] = {
      {"fmt-day", 2023, 8, 21, 2023, 8, 21, "2023-08-21"},
      {"fmt-month", 2023, 8, 1, 2023, 8, 31, "2023-08"},
      {"fmt-feb-leap", 2024, 2, 1, 2024, 2, 29, "2024-02"},
      {"fmt-feb-short", 2024, 2, 1, 2024, 2, 28, "2024-02-01/2024-02-28"},
      {"fmt-year", 2023, 1, 1, 2023, 12, 31, "2023"},
      {"fmt-years", 2021, 1, 1, 2023, 12, 31, "2021/2023"},
      {"fmt-months", 2023, 1, 1, 2023, 6, 30, "2023-01/2023-06"},
      {"fmt-months-over-year", 2022, 11, 1, 2023, 2, 28, "2022-11/2023-02"},
      {"fmt-days", 2023, 8, 20, 2023, 8, 22, "2023-08-20/2023-08-22"},
      {"fmt-month-start-only", 2023, 1, 1, 2023, 8, 15, "2023-01-01/2023-08-15"},
      {"fmt-month-end-only", 2023, 1, 15, 2023, 8, 31, "2023-01-15/2023-08-31"},
      {"fmt-year-to-month", 2023, 1, 1, 2024, 6, 30, "2023-01/2024-06"},
  };
  char buf[32];
  for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++)
    EXPECT_STR(fmts[i].id, fmts[i].exp,
               dates_format(dates_days(fmts[i].y1, fmts[i].m1, fmts[i].d1),
                            dates_days(fmts[i].y2, fmts[i].m2, fmts[i].d2), buf));
  EXPECT_STR("fmt-empty", "", dates_format(5, 4, buf));
  EXPECT_STR("fmt-extreme", "-5877641-06-23", dates_format(INT32_MIN, INT32_MIN, buf));
  dates_format(INT32_MIN, INT32_MAX, buf);
  EXPECT(strlen(buf) < 32, "fmt-extreme-range", "too long: %s", buf);
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Fold the typographic characters the corpus uses to ASCII (in place). */
static size_t fold_ascii(char *s, size_t n) {
  size_t i = 0, o = 0;
  while (i < n) {
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x93)) {
      s[o++] = (unsigned char)s[i + 2] == 0x99 ? '\'' : '-';
      i += 3;
    } else if (i + 1 < n && (unsigned char)s[i] == 0xC2 &&
               ((unsigned char)s[i + 1] == 0xAB || (unsigned char)s[i + 1] == 0xBB)) {
      s[o++] = '"';
      i += 2;
    } else {
      s[o++] = s[i++];
    }
  }
  return o;
}

/* dates_find over the dev corpus, sentence by sentence (split on ". "). */
static void test_corpus(void) {
  static const char *dir = "../shared/corpus/dev";
  static const struct { const char *file, *span, *fmt; } checked[] = {
      {"000_1f921b4f4a459fde.txt", "en 2020-2022", "2020/2022"},
      {"d004.txt", "ce 13 juin", "2023-06-13"},
  };
  int verbose = getenv("DATES_VERBOSE") != NULL;
  DIR *d = opendir(dir);
  if (!d) {
    printf("skip: %s not found, corpus pass skipped\n", dir);
    return;
  }
  char *names[1024];
  size_t n = 0, total = 0, files = 0;
  int seen[sizeof checked / sizeof checked[0]] = {0};
  struct dirent *de;
  while ((de = readdir(d)) != NULL && n < 1024) {
    size_t l = strlen(de->d_name);
    if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0) names[n++] = strdup(de->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp_names);
  for (size_t k = 0; k < n; k++) {
    char path[1024];
    static char buf[1 << 20];
    snprintf(path, sizeof path, "%s/%s", dir, names[k]);
    FILE *f = fopen(path, "rb");
    size_t len = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f) fclose(f);
    len = fold_ascii(buf, len);
    dyad_date ref = {0, 0, 0};
    const char *h = buf;
    while (h < buf + len && *h == ' ') h++;
    if (buf + len - h > 12 && strncmp(h, "date ", 5) == 0)
      sscanf(h + 5, "%4d-%2d", &ref.year, &ref.month);
    files++;
    if (verbose) printf("== %s (ref %04d-%02d)\n", names[k], ref.year, ref.month);
    size_t s = 0;
    while (s < len) {
      size_t e = s;
      while (e < len && !(buf[e] == '.' && e + 1 < len && buf[e + 1] == ' ') && buf[e] != '\n') e++;
      date_expr ex[32];
      char fmt[32];
      size_t m = dates_find(buf + s, e - s, ref, ex, 32);
      for (size_t q = 0; q < m && q < 32; q++) {
        const char *sp = buf + s + ex[q].start;
        int sl = (int)(ex[q].end - ex[q].start);
        dates_format(ex[q].first, ex[q].last, fmt);
        total++;
        if (verbose) {
          int a = (int)(ex[q].start > 30 ? 30 : ex[q].start);
          printf("  %-32.*s [%.*s]=%s\n", a + sl, sp - a, sl, sp, fmt);
        }
        for (size_t c = 0; c < sizeof checked / sizeof checked[0]; c++)
          if (!seen[c] && !strcmp(names[k], checked[c].file) && (int)strlen(checked[c].span) == sl &&
              !memcmp(checked[c].span, sp, (size_t)sl)) {
            seen[c] = 1;
            EXPECT_STR(checked[c].file, checked[c].fmt, fmt);
          }
      }
      s = e + 1;
    }
    free(names[k]);
  }
  for (size_t c = 0; c < sizeof checked / sizeof checked[0]; c++)
    EXPECT(seen[c], checked[c].file, "\"%s\" not found", checked[c].span);
  printf("  corpus: %zu dates in %zu files\n", total, files);
}

int main(void) {
  test_find();
  test_bounds();
  test_calendar();
  test_format();
  test_corpus();
  HARNESS_END();
}
