/* dates.c: date expressions in a sentence, resolved to intervals of days.
 *
 * Exports dates_find, dates_days, dates_civil and dates_format (see
 * dates.h).  The clock is never read: relative and partial dates count
 * from the reference (the publication date) given by the caller.
 *
 * Reading.  The text (normalised, see normalise.h; any bytes are safe) is
 * cut into tokens: words (letters, folded to lower-case ASCII: accents
 * dropped, precomposed Latin-1 or followed by combining marks, "œ" as
 * "oe", "ᵉʳ" as "er"), digit runs, and single punctuation characters
 * (’ ‘ ʼ ´ ` count as "'", the dashes as "-").  Matching is thus
 * case- and accent-insensitive.  At each token the longest expression
 * starting there is taken and scanning resumes after it, so results are
 * in text order and never overlap.  Each expression looks at most about
 * 40 tokens ahead and 2 behind: time is linear in n, memory constant.
 * Every form holds an anchor (a number, a month or weekday name, or a
 * noun or adverb of time: mois, année, semaine, hier...) a few tokens
 * after its start, so expressions are only tried near one.
 *
 * Forms (D a day 1-31, written "1er" "1re" "1ère" "1ᵉʳ" "1st" "2nd"...;
 * MONTH janvier... décembre, January... December, or janv. févr. fév.
 * avr. juil. sept. oct. nov. déc. jan. feb. mar. apr. jun. jul. aug.
 * sep. with their dot; WD lundi... dimanche, Monday... Sunday; YYYY a
 * four-digit year, 1800-2100 after a cue word, 1000-2999 after a month):
 *   days       [le|ce] [WD[,]] D MONTH [YYYY]; [WD[,]] MONTH D[,] [YYYY]
 *              (English); D/M/YYYY, D.M.YYYY, D-M-YYYY, D/M/YY (20YY);
 *              YYYY-MM-DD; "le 18 août dernier|prochain"; WD D (no
 *              month: the day D nearest the reference that is a WD)
 *   months     MONTH YYYY; [le|au|du|ce] mois de|d' MONTH [YYYY]; a bare
 *              MONTH only after a cue (en, depuis, dès, courant, d'ici,
 *              à partir de, jusqu'en, avant, après, au cours de, in,
 *              since), optionally followed by dernier|prochain
 *   years      after a cue: en, depuis, dès, courant, d'ici [à],
 *              à partir de, jusqu'en, au cours de, durant, pendant, lors
 *              de, vers, avant, après, in, since, by, and the weak cues
 *              de, d', pour; "l'année YYYY", "l'an YYYY"; YYYY-YYYY,
 *              YYYY/YYYY, YYYY-YY (a range of years, no cue needed)
 *   ranges     du [WD] D [MONTH [YYYY]] au [WD] D MONTH [YYYY];
 *              entre [le] D [MONTH [YYYY]] et [le] D MONTH [YYYY];
 *              les|le D et [le] D MONTH [YYYY] (no month after the first
 *              day: "le 3 mai et le 4 juin" are two dates); D-D MONTH [YYYY];
 *              de|d'|entre MONTH [YYYY] à|et MONTH [YYYY];
 *              de|entre YYYY à|et YYYY
 *   relative   hier, avant-hier, aujourd'hui, demain, après-demain,
 *              ce matin, ce soir, cet après-midi; la semaine
 *              dernière|passée|précédente|prochaine, cette semaine; le
 *              mois dernier|passé|précédent|prochain, ce mois[-ci];
 *              l'année dernière|passée|précédente|prochaine|en cours, l'an
 *              dernier|passé|prochain, cette année; ce WD, WD dernier|passé,
 *              WD prochain, WD alone; yesterday, today, tomorrow,
 *              last|this|next week|month|year|WD, [on] WD.  "cette
 *              année-là", "ce jour-là"... refer to another time: skipped.
 *   periods    [le|au|du|ce] ORD semestre|trimestre [YEAR];
 *              [les|des] N premiers mois [YEAR] (N 1-12, digits or
 *              deux... douze); [la|le|au|à la] fin|début|mi- MONTH [YYYY]
 *              or YYYY or de|d' YEAR ("fin 2025", "mi-août", "début de
 *              l'année", "en fin d'année", "fin du mois"); English
 *              early|late|mid[-] YYYY or MONTH [YYYY], first|second|
 *              third|fourth quarter|half [of YYYY].  ORD: premier 1er
 *              deuxième second(e) 2e 2ème 2nd troisième 3e quatrième 4e
 *              dernier (the last of the year); YEAR: YYYY, [de|of] YYYY,
 *              de l'année [YYYY|dernière|passée|précédente|prochaine|en
 *              cours], d'année, de cette année, de l'an dernier|passé|prochain
 *   cues       a cue word before a date is part of its span; "depuis X"
 *              and "since X" run from the start of X to the reference
 *              ("depuis le début de l'année": 1 January to the reference);
 *              "d'ici [à] X" and "by X" run from the reference to the end
 *              of X (kind PERIOD, tense 1).
 *
 * Not dates: numbers inside larger numbers or glued to words ("150.000",
 * "1,5", "2 000 milliards", "30e", "2023 %"), a year alone without a cue,
 * a year followed by a count noun ("en 2000 soldats"), a year after a
 * weak cue (de, d', pour) unless followed by punctuation, the end, a
 * capitalised word or a function word, days that do not exist ("31
 * avril").
 *
 * Resolution (ref = the reference: a day, a whole month when its day is
 * 0, a whole year when its month is 0; its first and last days r0, r1):
 *   - A day or month without year takes the latest year in which it
 *     starts at most 274 days (about nine months) after r1.  With a
 *     weekday that disagrees, the year before or after where it agrees,
 *     the nearer to r1, if any (else the weekday is ignored); a written
 *     year is never changed.  "X dernier": the latest occurrence ending
 *     before the reference (a month: before the reference's month or
 *     day); "X prochain": the earliest starting after it.  After
 *     "depuis" the latest occurrence starting by the reference, after
 *     "d'ici" the earliest ending on or after it.
 *   - A bare WD: the latest such day on or before the reference (news
 *     tell of the past); "ce WD" the nearest one (within 3 days); "WD
 *     dernier" strictly before, "WD prochain" strictly after.
 *   - Weeks run Monday to Sunday.  Relative expressions shift the whole
 *     reference interval, so a month-only reference gives e.g. "hier" =
 *     r0-1 .. r1-1.
 *   - Periods with no year take the reference's year.  début/mi/fin of a
 *     year: January-March, June-July, October-December; of a month: days
 *     1-10, 11-20, 21-end.
 *   - Year 0 reference (unknown): only expressions carrying their own year
 *     resolve ("d'ici 2025" is then the year 2025, "depuis 2019" the year
 *     2019); the others are recognised, consumed and not reported.
 *   - kind: EXPLICIT when the text gives the year, PARTIAL when it comes
 *     from the reference, RELATIVE for relative forms, PERIOD for periods
 *     and "d'ici".  tense: -1 with dernier, passé, précédent, hier,
 *     avant-hier, last, yesterday; 1 with prochain, demain, après-demain,
 *     d'ici, by, next, tomorrow; else 0.
 *
 * Calendar: proleptic Gregorian; dates_days and dates_civil reimplement
 * Howard Hinnant's public-domain days_from_civil / civil_from_days
 * (http://howardhinnant.github.io/date_algorithms.html).
 */
#include "dates.h"
#include "err.h"
#include "utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DATES_WMAX UTF8_WORD_MAX  /* folded word bytes kept, NUL included */
#define DATES_HIST 2    /* tokens kept behind the current one */
#define DATES_LOOK 40   /* tokens kept ahead of it (longest form ~20) */
#define DATES_REACH 16  /* tokens from an expression's start to its first
                           anchor: at most 11 ("d'ici à la fin-de l'année") */
#define DATES_BUF 256   /* token buffer */
#define DATES_AHEAD 274 /* days: "about nine months" after the reference */

enum { DT_WORD = 1, DT_NUM, DT_PUNCT };
enum { DC_SPACE, DC_LETTER, DC_MARK, DC_DIGIT, DC_PUNCT };

/* Every word the forms and cues compare, in strcmp order (utf8_word_find),
 * with flags: S if an expression or a cue may start with it
 * (dates_may_start), A if it is an anchor (dates_anchor).  A token's
 * folded word is looked up once, when the token is read (dates_word_id);
 * the forms compare ids (DW_le, DW_mois), so a word they name must be
 * listed here (else DW_word is undeclared). */
#define DATES_WORDS(X) \
  X(a, S) X(afin, 0) X(agents, 0) X(ainsi, 0) X(alors, 0) X(an, A) X(and, 0) X(annee, A) \
  X(ans, 0) X(aout, SA) X(apr, SA) X(apres, S) X(april, SA) X(au, S) X(aug, SA) \
  X(august, SA) X(aujourd, SA) X(aux, 0) X(avait, 0) X(avant, S) X(avec, 0) X(avr, SA) \
  X(avril, SA) X(barils, 0) X(blesses, 0) X(bourses, 0) X(by, S) X(cas, 0) X(casques, 0) \
  X(ce, S) X(ces, 0) X(cet, S) X(cette, S) X(cfa, 0) X(ci, 0) X(cinq, S) X(civils, 0) \
  X(combattants, 0) X(comme, 0) X(contre, 0) X(courant, S) X(cours, 0) X(d, S) X(dans, 0) \
  X(de, S) X(debut, S) X(dec, SA) X(december, SA) X(decembre, SA) X(deja, 0) X(delegues, 0) \
  X(demain, SA) X(deplaces, 0) X(depuis, S) X(dernier, S) X(derniere, 0) X(des, S) X(deux, S) \
  X(deuxieme, S) X(dimanche, SA) X(dinars, 0) X(dirhams, 0) X(dix, S) X(dollar, 0) \
  X(dollars, 0) X(dont, 0) X(doses, 0) X(douze, S) X(du, S) X(durant, S) X(e, 0) X(early, S) \
  X(ecoles, 0) X(elle, 0) X(elles, 0) X(eme, 0) X(emplois, 0) X(en, S) X(enfants, 0) \
  X(entre, S) X(entreprises, 0) X(er, 0) X(ere, 0) X(est, 0) X(et, 0) X(etait, 0) \
  X(etudiants, 0) X(eur, 0) X(euro, 0) X(euros, 0) X(exemplaires, 0) X(fcfa, 0) X(feb, SA) \
  X(february, SA) X(femmes, 0) X(fev, SA) X(fevr, SA) X(fevrier, SA) X(fin, S) X(first, S) \
  X(fois, 0) X(fourth, S) X(francs, 0) X(friday, SA) X(gw, 0) X(ha, 0) X(habitants, 0) \
  X(half, A) X(hectares, 0) X(heures, 0) X(hier, SA) X(hommes, 0) X(hui, 0) X(huit, S) \
  X(ici, 0) X(il, 0) X(ils, 0) X(in, S) X(jan, SA) X(january, SA) X(janv, SA) \
  X(janvier, SA) X(jeudi, SA) X(jours, 0) X(juil, SA) X(juillet, SA) X(juin, SA) \
  X(jul, SA) X(july, SA) X(jun, SA) X(june, SA) X(jusqu, S) X(kg, 0) X(kilometres, 0) \
  X(km, 0) X(kw, 0) X(l, S) X(la, S) X(last, S) X(late, S) X(le, S) X(les, S) X(leur, 0) \
  X(leurs, 0) X(lits, 0) X(livres, 0) X(logements, 0) X(lors, S) X(lorsque, 0) X(lundi, SA) \
  X(m, 0) X(mai, SA) X(mais, 0) X(mar, SA) X(march, SA) X(mardi, SA) X(mars, SA) \
  X(matin, A) X(may, SA) X(membres, 0) X(mercredi, SA) X(metres, 0) X(mi, S) X(mid, S) \
  X(midi, A) X(migrants, 0) X(militaires, 0) X(mille, 0) X(milliard, 0) X(milliards, 0) \
  X(million, 0) X(millions, 0) X(mois, SA) X(monday, SA) X(month, A) X(morning, A) \
  X(morts, 0) X(mw, 0) X(n, 0) X(nd, 0) X(ne, 0) X(neuf, S) X(next, S) X(notamment, 0) \
  X(nov, SA) X(november, SA) X(novembre, SA) X(oct, SA) X(october, SA) X(octobre, SA) \
  X(of, 0) X(on, S) X(ont, 0) X(onze, S) X(ou, 0) X(par, 0) X(participants, 0) X(partir, 0) \
  X(passe, 0) X(passee, 0) X(pendant, S) X(people, 0) X(personnes, 0) X(pieces, 0) X(points, 0) \
  X(policiers, 0) X(pour, S) X(precedent, 0) X(precedente, 0) X(premier, S) X(premiers, 0) \
  X(prochain, 0) X(prochaine, 0) X(projets, 0) X(puis, 0) X(qu, 0) X(quand, 0) X(quarter, A) \
  X(quatre, S) X(quatrieme, S) X(que, 0) X(qui, 0) X(rd, 0) X(re, 0) X(refugies, 0) \
  X(roubles, 0) X(s, 0) X(sa, 0) X(samedi, SA) X(saturday, SA) X(se, 0) X(second, S) \
  X(seconde, S) X(selon, 0) X(semaine, A) X(semestre, A) X(sep, SA) X(sept, SA) \
  X(september, SA) X(septembre, SA) X(sera, 0) X(seront, 0) X(ses, 0) X(since, S) X(six, S) \
  X(soir, A) X(soit, 0) X(soldats, 0) X(soldiers, 0) X(son, 0) X(sont, 0) X(st, 0) \
  X(sunday, SA) X(sur, S) X(t, 0) X(tandis, 0) X(th, 0) X(the, S) X(third, S) X(this, S) \
  X(thursday, SA) X(to, 0) X(today, SA) X(tomorrow, SA) X(tonne, 0) X(tonnes, 0) X(tons, 0) \
  X(touristes, 0) X(trimestre, A) X(trois, S) X(troisieme, S) X(troupes, 0) X(tuesday, SA) \
  X(un, S) X(une, 0) X(unites, 0) X(usd, 0) X(vehicules, 0) X(vendredi, SA) X(vers, S) \
  X(victimes, 0) X(visiteurs, 0) X(voix, 0) X(was, 0) X(wednesday, SA) X(week, A) X(when, 0) \
  X(xof, 0) X(y, 0) X(year, A) X(yesterday, SA) X(yuans, 0)
enum { DWF_0 = 0, DWF_S = 1, DWF_A = 2, DWF_SA = 3 };
#define DATES_ENUM(w, f) DW_##w,
#define DATES_NAME(w, f) #w,
#define DATES_FLAGS(w, f) DWF_##f,
enum { DW_NONE = 0, DATES_WORDS(DATES_ENUM) DW__COUNT };
static const char dates_words[DW__COUNT][DATES_WMAX] = {"", DATES_WORDS(DATES_NAME)};
static const uint8_t dates_word_flags[DW__COUNT] = {0, DATES_WORDS(DATES_FLAGS)};
#undef DATES_ENUM
#undef DATES_NAME
#undef DATES_FLAGS

/* Punctuation in a sequence of dates_seq: a word id has bit 15 clear. */
#define DATES_P(c) (0x8000u | (unsigned char)(c))
#define DP_APOS DATES_P('\'')
#define DP_DASH DATES_P('-')
/* A sequence for dates_seq: DATES_SEQ(DW_l, DP_APOS, DW_annee). */
#define DATES_SEQ(...) ((const uint16_t[]){__VA_ARGS__, 0})

typedef struct dates_tok {
  uint32_t start, end;    /* byte range */
  uint8_t type;           /* DT_* */
  uint8_t glued;          /* no white space before it */
  uint8_t upper;          /* word starting with a capital */
  uint8_t acc;            /* word with a non-ASCII letter or mark */
  uint8_t ndig;           /* digits of a number, at most 255 */
  char c;                 /* punctuation, folded to ASCII ('?' other) */
  uint16_t id;            /* the folded word's DW_ id, DW_NONE if not listed
                             (or longer than DATES_WMAX - 1 bytes) */
  int32_t val;            /* value of a number, capped near 1e9 */
} dates_tok;

struct dates_index {
  utf8_word_index *words;   /* owned: over dates_words (from DW_NONE + 1) */
  utf8_word_index *core;    /* owned: over dates_core_words */
};

typedef struct dates_cx {
  const dates_tok *t;     /* current token; t[-nh..nl) are valid */
  int nl, nh;
  int has_ref, ry, rm, rd;  /* reference (rm, rd 0 when unknown) */
  int bias;                 /* -1 after "depuis", 1 after "d'ici", else 0 */
  int32_t r0, r1;           /* its first and last days */
} dates_cx;

typedef struct dates_hit {
  int ntok, ok;           /* tokens covered (0: none); resolved */
  int32_t first, last;
  int kind, tense;
} dates_hit;

/* Cue flags of a prefix. */
#define DQ_YEAR 1       /* a bare year may follow */
#define DQ_WEAK 2       /* ... under the strict follow test */
#define DQ_MONTH 4      /* a bare month may follow */
#define DQ_ONLYYEAR 8   /* the cue applies to bare years only */
#define DQ_SINCE 16     /* runs to the reference */
#define DQ_UNTIL 32     /* runs from the reference */

/* ---- Calendar ------------------------------------------------------- */

int32_t dates_days(int year, int month, int day) {
  long long y = year, m = month;
  y += (m - 1 >= 0 ? (m - 1) / 12 : -((12 - m) / 12));
  m = ((m - 1) % 12 + 12) % 12 + 1;
  y -= m <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + (long long)day - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  long long r = era * 146097 + doe - 719468;
  if (r > INT32_MAX) r = INT32_MAX;
  if (r < INT32_MIN) r = INT32_MIN;
  return (int32_t)r;
}

void dates_civil(int32_t days, int *year, int *month, int *day) {
  long long z = (long long)days + 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1;
  long long m = mp < 10 ? mp + 3 : mp - 9;
  *year = (int)(yoe + era * 400 + (m <= 2));
  *month = (int)m;
  *day = (int)d;
}

static int dates_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int dates_dim(int y, int m) {
  static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && dates_leap(y) ? 29 : dim[m - 1];
}

/* Day of the week, Monday 0 (1970-01-01 was a Thursday). */
static int dates_wday(int32_t d) { return (int)((((long long)d % 7) + 10) % 7); }

static int32_t dates_month_end(int y, int m) { return dates_days(y, m + 1, 1) - 1; }

/* v (0 <= v < 10^width) in width digits at p, zero-padded as by %0*d;
 * returns the end. */
static char *dates_digits(char *p, int v, int width) {
  for (int i = width - 1; i >= 0; i--) {
    p[i] = (char)('0' + v % 10);
    v /= 10;
  }
  return p + width;
}

/* The first parts (1 year, 2 month, 3 day) of a date at p, "YYYY-MM-DD"
 * as %04d-%02d-%02d writes it (0 <= y <= 9999); returns the end. */
static char *dates_put(char *p, int y, int m, int d, int parts) {
  p = dates_digits(p, y, 4);
  if (parts > 1) { *p++ = '-'; p = dates_digits(p, m, 2); }
  if (parts > 2) { *p++ = '-'; p = dates_digits(p, d, 2); }
  return p;
}

char *dates_format(int32_t first, int32_t last, char *buf) {
  int y1, m1, d1, y2, m2, d2;
  if (first > last) { buf[0] = 0; return buf; }
  dates_civil(first, &y1, &m1, &d1);
  dates_civil(last, &y2, &m2, &d2);
  if (y1 >= 0 && y1 <= 9999 && y2 >= 0 && y2 <= 9999) {   /* the same as below, without snprintf */
    int parts = 3;
    if (first != last && m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31) parts = 1;
    else if (first != last && d1 == 1 && d2 == dates_dim(y2, m2)) parts = 2;
    char *p = dates_put(buf, y1, m1, d1, parts);
    if (first != last && !(parts == 1 && y1 == y2) && !(parts == 2 && y1 == y2 && m1 == m2)) {
      *p++ = '/';
      p = dates_put(p, y2, m2, d2, parts);
    }
    *p = 0;
    return buf;
  }
  if (first == last) {
    snprintf(buf, 32, "%04d-%02d-%02d", y1, m1, d1);
  } else if (m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31) {
    if (y1 == y2) snprintf(buf, 32, "%04d", y1);
    else snprintf(buf, 32, "%04d/%04d", y1, y2);
  } else if (d1 == 1 && d2 == dates_dim(y2, m2)) {
    if (y1 == y2 && m1 == m2) snprintf(buf, 32, "%04d-%02d", y1, m1);
    else snprintf(buf, 32, "%04d-%02d/%04d-%02d", y1, m1, y2, m2);
  } else {
    snprintf(buf, 32, "%04d-%02d-%02d/%04d-%02d-%02d", y1, m1, d1, y2, m2, d2);
  }
  return buf;
}

/* ---- Tokens --------------------------------------------------------- */

/* Latin-1 letters U+00C0-U+00FF folded ('*': × and ÷, not letters). */
static const char dates_latin1[65] =
    "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty";

/* Class (DC_*) of the character at s[i], i < n: its byte length in *len,
 * its folded letters or punctuation in out (NUL-padded), a capital in *up. */
static int dates_class(const char *s, size_t n, size_t i, int *len, char out[3], int *up) {
  unsigned char b = (unsigned char)s[i];
  int32_t cp;
  out[0] = out[1] = out[2] = 0;
  *up = 0;
  *len = 1;
  if (b < 0x80) {
    if (b == ' ' || (b >= '\t' && b <= '\r')) return DC_SPACE;
    if (b >= '0' && b <= '9') { out[0] = (char)b; return DC_DIGIT; }
    if (b >= 'a' && b <= 'z') { out[0] = (char)b; return DC_LETTER; }
    if (b >= 'A' && b <= 'Z') { out[0] = (char)(b + 32); *up = 1; return DC_LETTER; }
    out[0] = b == '`' ? '\'' : b ? (char)b : '?';
    return DC_PUNCT;
  }
  int l = utf8_decode(s + i, n - i, &cp);
  if (l <= 0) { out[0] = '?'; return DC_PUNCT; }
  *len = l;
  if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7) {
    out[0] = dates_latin1[cp - 0xC0];
    *up = cp < 0xDF;
    return DC_LETTER;
  }
  if (cp == 0x152 || cp == 0x153) { out[0] = 'o'; out[1] = 'e'; *up = cp == 0x152; return DC_LETTER; }
  if (cp == 0x1D49) { out[0] = 'e'; return DC_LETTER; }  /* ᵉ */
  if (cp == 0x2B3) { out[0] = 'r'; return DC_LETTER; }   /* ʳ */
  if ((cp >= 0x300 && cp <= 0x36F) || cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) ||
      cp == 0x2060 || cp == 0xFEFF)
    return DC_MARK;
  if (cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
      cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000)
    return DC_SPACE;
  if (cp == 0x2018 || cp == 0x2019 || cp == 0x2BC || cp == 0xB4 || cp == 0x2032) out[0] = '\'';
  else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) out[0] = '-';
  else if (cp == 0xAB || cp == 0xBB || (cp >= 0x201C && cp <= 0x201F) || cp == 0x2039 || cp == 0x203A) out[0] = '"';
  else if (cp == 0x2026) out[0] = '.';
  else if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || cp >= 0xFFF0) out[0] = '?';
  else { out[0] = '?'; return DC_LETTER; }  /* another script's letter */
  return DC_PUNCT;
}

/* The DW_ id of the folded word w (NUL-padded to DATES_WMAX bytes),
 * DW_NONE if it is not listed; looked up in ix, or searched without. */
static uint16_t dates_word_id(const dates_index *ix, const char *w) {
  int i = ix ? utf8_word_index_find(ix->words, w)
             : utf8_word_find(dates_words + 1, DW__COUNT - 1, sizeof dates_words[0], w);
  return i < 0 ? DW_NONE : (uint16_t)(i + 1);
}

/* Read the token at or after *pos; 0 at the end of s[0..n). */
static int dates_next(const dates_index *ix, const char *s, size_t n, size_t *pos, dates_tok *t) {
  size_t i = *pos;
  int sp = 0, len, up, cls;
  char f[3];
  for (;;) {
    if (i >= n) { *pos = n; return 0; }
    cls = dates_class(s, n, i, &len, f, &up);
    if (cls == DC_SPACE) sp = 1;
    else if (cls != DC_MARK) break;
    i += (size_t)len;
  }
  memset(t, 0, sizeof *t);
  t->start = (uint32_t)i;
  t->glued = (uint8_t)!sp;
  if (cls == DC_DIGIT) {
    t->type = DT_NUM;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      if (t->val < 100000000) t->val = t->val * 10 + (s[i] - '0');
      if (t->ndig < 255) t->ndig++;
      i++;
    }
  } else if (cls == DC_LETTER) {
    char w[DATES_WMAX] = {0};
    size_t wl = 0;
    int over = 0;
    t->type = DT_WORD;
    t->upper = (uint8_t)up;
    while (i < n) {
      unsigned char b = (unsigned char)s[i];
      if (b < 0x80) {   /* ASCII, as dates_class reads it: a letter goes on, anything else ends */
        if (!((b | 32) >= 'a' && (b | 32) <= 'z')) break;
        if (wl + 1 < DATES_WMAX) w[wl++] = (char)(b | 32);
        else over = 1;
        i++;
        continue;
      }
      cls = dates_class(s, n, i, &len, f, &up);
      if (cls == DC_MARK) { t->acc = 1; i += (size_t)len; continue; }
      if (cls != DC_LETTER) break;
      if ((unsigned char)s[i] >= 0x80) t->acc = 1;
      for (int q = 0; q < 2 && f[q]; q++) {
        if (wl + 1 < DATES_WMAX) w[wl++] = f[q];
        else over = 1;
      }
      i += (size_t)len;
    }
    w[wl] = 0;
    t->id = over ? DW_NONE : dates_word_id(ix, w);
  } else {
    t->type = DT_PUNCT;
    t->c = f[0];
    i += (size_t)len;
  }
  t->end = (uint32_t)i;
  *pos = i;
  return 1;
}

/* ---- Token tests ---------------------------------------------------- */

static const dates_tok *dates_at(const dates_cx *cx, int j) {
  if (j < -cx->nh || j >= cx->nl) return NULL;
  return cx->t + j;
}

/* 1 if the token at j is the word w (a DW_ id). */
static int dates_is(const dates_cx *cx, int j, unsigned w) {
  const dates_tok *t = dates_at(cx, j);
  return t && t->type == DT_WORD && t->id == w;
}

static int dates_punct(const dates_cx *cx, int j, char c) {
  const dates_tok *t = dates_at(cx, j);
  return t && t->type == DT_PUNCT && t->c == c;
}

static int dates_glued(const dates_cx *cx, int j) {
  const dates_tok *t = dates_at(cx, j);
  return t && t->glued;
}

/* Tokens matched by seq at j: a 0-terminated sequence of word ids and
 * punctuation (DATES_P), one per token (DW_l, DP_APOS, DW_annee is
 * "l'année"); 0 if no match. */
static int dates_seq(const dates_cx *cx, int j, const uint16_t *seq) {
  int k = j;
  for (; *seq; seq++, k++) {
    const dates_tok *t = dates_at(cx, k);
    if (!t) return 0;
    if (*seq & 0x8000u ? t->type != DT_PUNCT || (unsigned char)t->c != (*seq & 0xFFu)
                       : t->type != DT_WORD || t->id != *seq)
      return 0;
  }
  return k - j;
}

/* The token at j as an item of a dates_seq sequence (its word id or
 * DATES_P of its punctuation), 0 for a number, an unlisted word or none:
 * loops over many sequences compare their first items to it first. */
static unsigned dates_item(const dates_cx *cx, int j) {
  const dates_tok *t = dates_at(cx, j);
  if (!t) return 0;
  return t->type == DT_WORD ? t->id : t->type == DT_PUNCT ? DATES_P(t->c) : 0;
}

/* Index+1 of the word at j in the 0-terminated list of ids, 0 if absent. */
static int dates_among(const dates_cx *cx, int j, const uint16_t *list) {
  const dates_tok *t = dates_at(cx, j);
  if (!t || t->type != DT_WORD || t->id == DW_NONE) return 0;
  for (int i = 0; list[i]; i++)
    if (t->id == list[i]) return i + 1;
  return 0;
}

/* 1 if a "-là" / "-la" follows at j ("cette année-là"). */
static int dates_la(const dates_cx *cx, int j) {
  return dates_punct(cx, j, '-') && dates_glued(cx, j) && dates_is(cx, j + 1, DW_la);
}

/* The number at j is glued to a number or word on its left ("1,5",
 * "A320", "150.000"). */
static int dates_joined_left(const dates_cx *cx, int j) {
  const dates_tok *t = dates_at(cx, j), *p = dates_at(cx, j - 1), *pp;
  if (!t || !p || !t->glued) return 0;
  if (p->type != DT_PUNCT) return 1;
  if (!strchr(".,/:-", p->c) || !p->glued) return 0;
  pp = dates_at(cx, j - 2);
  return pp && pp->type == DT_NUM;
}

/* The number at j goes on in a glued number, word or '%' on its right. */
static int dates_joined_right(const dates_cx *cx, int j) {
  const dates_tok *n1 = dates_at(cx, j + 1), *n2;
  if (!n1 || !n1->glued) return 0;
  if (n1->type != DT_PUNCT) return 1;
  if (n1->c == '%') return 1;
  if (!strchr(".,/:-", n1->c)) return 0;
  n2 = dates_at(cx, j + 2);
  return n2 && n2->glued && n2->type == DT_NUM;
}

/* Words after which a year is a count, not a date. */
static const uint16_t dates_counts[] = {
    DW_milliards, DW_milliard, DW_millions, DW_million, DW_mille, DW_dollars, DW_dollar,
    DW_euros, DW_euro, DW_francs, DW_fcfa, DW_cfa, DW_usd, DW_eur, DW_xof, DW_dirhams, DW_dinars,
    DW_yuans, DW_roubles, DW_livres, DW_tonnes, DW_tonne, DW_t, DW_kg, DW_km, DW_kilometres,
    DW_metres, DW_m, DW_ha, DW_hectares, DW_mw, DW_kw, DW_gw, DW_barils, DW_personnes,
    DW_habitants, DW_soldats, DW_hommes, DW_femmes, DW_enfants, DW_morts, DW_victimes,
    DW_blesses, DW_emplois, DW_touristes, DW_visiteurs, DW_entreprises, DW_etudiants,
    DW_bourses, DW_logements, DW_vehicules, DW_points, DW_voix, DW_ans, DW_jours, DW_heures,
    DW_exemplaires, DW_participants, DW_delegues, DW_militaires, DW_policiers, DW_refugies,
    DW_migrants, DW_deplaces, DW_cas, DW_unites, DW_fois, DW_pieces, DW_doses, DW_agents,
    DW_membres, DW_projets, DW_ecoles, DW_lits, DW_casques, DW_troupes, DW_people,
    DW_soldiers, DW_tons, DW_dollars, DW_euros, DW_civils, DW_combattants, 0};

/* Words after which a year following a weak cue stays a date. */
static const uint16_t dates_follow[] = {
    DW_et, DW_a, DW_au, DW_aux, DW_ou, DW_puis, DW_contre, DW_dans, DW_avec, DW_par, DW_pour,
    DW_le, DW_la, DW_les, DW_l, DW_lors, DW_alors, DW_afin, DW_ce, DW_cet, DW_cette, DW_ces,
    DW_qui, DW_que, DW_qu, DW_selon, DW_avant, DW_apres, DW_en, DW_sur, DW_entre, DW_jusqu,
    DW_mais, DW_il, DW_elle, DW_ils, DW_elles, DW_on, DW_des, DW_du, DW_d, DW_de, DW_son, DW_sa,
    DW_ses, DW_leur, DW_leurs, DW_un, DW_une, DW_soit, DW_notamment, DW_deja, DW_est, DW_sont,
    DW_ont, DW_etait, DW_sera, DW_seront, DW_avait, DW_vers, DW_comme, DW_ainsi, DW_tandis,
    DW_dont, DW_ne, DW_n, DW_se, DW_s, DW_y, DW_lorsque, DW_quand, DW_and, DW_in, DW_to, DW_the,
    DW_was, DW_when, DW_dernier, DW_derniere, DW_prochain, DW_prochaine, 0};

/* A year at j in [lo, hi]; weak: the strict follow test.  Returns 1 with
 * *y. */
static int dates_year(const dates_cx *cx, int j, int lo, int hi, int weak, int *y) {
  const dates_tok *t = dates_at(cx, j), *nx;
  if (!t || t->type != DT_NUM || t->ndig != 4 || t->val < lo || t->val > hi) return 0;
  if (dates_joined_left(cx, j) || dates_joined_right(cx, j)) return 0;
  nx = dates_at(cx, j + 1);
  if (nx) {
    if (nx->type == DT_NUM && nx->ndig == 3) return 0;     /* "2 023 000" */
    if (nx->type == DT_PUNCT && nx->c == '%') return 0;
    if (nx->type == DT_WORD && dates_among(cx, j + 1, dates_counts)) return 0;
    if (weak) {
      if (nx->type == DT_NUM) return 0;
      if (nx->type == DT_WORD && !nx->upper && !dates_among(cx, j + 1, dates_follow)) return 0;
    }
  }
  *y = t->val;
  return 1;
}

/* A day at j (see the forms).  Returns tokens (1-2) with *d, 0 if none. */
static int dates_day(const dates_cx *cx, int j, int *d) {
  static const uint16_t en_suffix[] = {DW_st, DW_nd, DW_rd, DW_th, 0};
  const dates_tok *t = dates_at(cx, j), *s;
  if (!t || t->type != DT_NUM || t->ndig > 2 || t->val < 1 || t->val > 31) return 0;
  if (dates_joined_left(cx, j)) return 0;
  s = dates_at(cx, j + 1);
  if (s && s->glued && s->type == DT_WORD) {
    int ok = dates_among(cx, j + 1, en_suffix) ||
             (t->val == 1 && (s->id == DW_er || s->id == DW_re || s->id == DW_ere));
    if (!ok || dates_joined_right(cx, j + 1)) return 0;
    *d = t->val;
    return 2;
  }
  if (dates_joined_right(cx, j)) return 0;
  *d = t->val;
  return 1;
}

static const uint16_t dates_fr_months[] = {
    DW_janvier, DW_fevrier, DW_mars, DW_avril, DW_mai, DW_juin, DW_juillet,
    DW_aout, DW_septembre, DW_octobre, DW_novembre, DW_decembre, 0};
static const uint16_t dates_en_months[] = {
    DW_january, DW_february, DW_march, DW_april, DW_may, DW_june, DW_july,
    DW_august, DW_september, DW_october, DW_november, DW_december, 0};

/* A month name at j: returns tokens (1, or 2 for an abbreviation and its
 * dot) with *m, and *en for an English name. */
static int dates_month(const dates_cx *cx, int j, int *m, int *en) {
  static const struct { uint16_t w; int m, en; } abbr[] = {
      {DW_janv, 1, 0}, {DW_fevr, 2, 0}, {DW_fev, 2, 0}, {DW_avr, 4, 0}, {DW_juil, 7, 0},
      {DW_sept, 9, 0}, {DW_oct, 10, 0}, {DW_nov, 11, 0}, {DW_dec, 12, 0}, {DW_jan, 1, 1},
      {DW_feb, 2, 1}, {DW_mar, 3, 1}, {DW_apr, 4, 1}, {DW_jun, 6, 1}, {DW_jul, 7, 1},
      {DW_aug, 8, 1}, {DW_sep, 9, 1}};
  int i;
  const dates_tok *t = dates_at(cx, j);
  if (!t || t->type != DT_WORD || !(dates_word_flags[t->id] & DWF_A)) return 0;  /* all anchors */
  if ((i = dates_among(cx, j, dates_fr_months)) > 0) { *m = i; *en = 0; return 1; }
  if ((i = dates_among(cx, j, dates_en_months)) > 0) { *m = i; *en = 1; return 1; }
  if (!dates_punct(cx, j + 1, '.') || !dates_glued(cx, j + 1)) return 0;
  for (i = 0; i < (int)(sizeof abbr / sizeof abbr[0]); i++)
    if (t->id == abbr[i].w) { *m = abbr[i].m; *en = abbr[i].en; return 2; }
  return 0;
}

static const uint16_t dates_fr_wdays[] = {
    DW_lundi, DW_mardi, DW_mercredi, DW_jeudi, DW_vendredi, DW_samedi, DW_dimanche, 0};
static const uint16_t dates_en_wdays[] = {
    DW_monday, DW_tuesday, DW_wednesday, DW_thursday, DW_friday, DW_saturday, DW_sunday, 0};

/* A weekday at j: 1 with *wd (Monday 0), else 0. */
static int dates_weekday(const dates_cx *cx, int j, int *wd) {
  const dates_tok *t = dates_at(cx, j);
  if (!t || t->type != DT_WORD || !(dates_word_flags[t->id] & DWF_A)) return 0;  /* all anchors */
  int i = dates_among(cx, j, dates_fr_wdays);
  if (!i) i = dates_among(cx, j, dates_en_wdays);
  if (!i) return 0;
  *wd = i - 1;
  return 1;
}

/* "dernier"-like (-1) or "prochain"-like (1) word at j; 0 if none. */
static int dates_reltense(const dates_cx *cx, int j) {
  static const uint16_t past[] = {DW_dernier, DW_derniere, DW_passe, DW_passee, DW_precedent,
                                     DW_precedente, 0};
  static const uint16_t next[] = {DW_prochain, DW_prochaine, 0};
  if (dates_among(cx, j, past)) return -1;
  if (dates_among(cx, j, next)) return 1;
  return 0;
}

/* ---- Resolution ----------------------------------------------------- */

static int dates_set(dates_hit *h, int ntok, int32_t first, int32_t last, int kind, int tense) {
  h->ntok = ntok;
  h->ok = first <= last;
  h->first = first;
  h->last = last;
  h->kind = kind;
  h->tense = tense;
  return ntok;
}

/* Recognised but not resolvable (no reference). */
static int dates_unresolved(dates_hit *h, int ntok) {
  memset(h, 0, sizeof *h);
  h->ntok = ntok;
  return ntok;
}

/* The year for day d of month m (d 0: the whole month) near the
 * reference; mode 0 default, -1 "dernier", 1 "prochain"; wd >= 0: the
 * weekday written.  Default: the reference's year, or the year before if
 * that starts more than DATES_AHEAD days after the reference; after
 * "depuis" (cx->bias -1) the latest occurrence starting by the reference,
 * after "d'ici" (bias 1) the earliest ending on or after it.  Returns 0
 * if none (no reference). */
static int dates_pick(const dates_cx *cx, int m, int d, int wd, int mode) {
  int best = 0;
  if (!cx->has_ref) return 0;
  if (mode == 0 && cx->bias) mode = cx->bias * 2;
  for (int y = cx->ry - 4; y <= cx->ry + 2; y++) {
    int good;
    if (d > dates_dim(y, m)) continue;
    int32_t f = dates_days(y, m, d ? d : 1), l = d ? f : dates_month_end(y, m);
    switch (mode) {
    case 0: good = y <= cx->ry && f <= cx->r1 + DATES_AHEAD; break;
    case -1: good = d ? (cx->rd ? l < cx->r1 : l <= cx->r1) : l < cx->r0; break;
    case 1: good = d ? (cx->rd ? f > cx->r0 : f >= cx->r0) : f > cx->r1; break;
    case -2: good = f <= cx->r1; break;
    default: good = l >= cx->r0; break;
    }
    if (!good) continue;
    if (mode <= 0 || !best) best = y;
  }
  if (best && wd >= 0 && d && mode == 0 && dates_wday(dates_days(best, m, d)) != wd) {
    long long bd = -1;
    int alt = 0;
    for (int y = best - 1; y <= best + 1; y += 2) {
      if (d > dates_dim(y, m) || dates_wday(dates_days(y, m, d)) != wd) continue;
      long long dist = (long long)dates_days(y, m, d) - cx->r1;
      if (dist < 0) dist = -dist;
      if (bd < 0 || dist < bd) { bd = dist; alt = y; }
    }
    if (alt) best = alt;
  }
  return best;
}

/* The day of weekday wd relative to r: mode 0 on or before, -1 strictly
 * before, 1 strictly after, 2 nearest. */
static int32_t dates_wd_near(int32_t r, int wd, int mode) {
  int cur = dates_wday(r), k;
  switch (mode) {
  case -1: return r - 1 - (cur - 1 - wd + 14) % 7;
  case 1: return r + 1 + (wd - cur - 1 + 14) % 7;
  case 2:
    k = (wd - cur + 7) % 7;
    return r + (k > 3 ? k - 7 : k);
  default: return r - (cur - wd + 7) % 7;
  }
}

/* ---- Forms ---------------------------------------------------------- */

/* Numeric dates: YYYY-MM-DD, D/M/YYYY, D.M.YYYY, D-M-YYYY, D/M/YY. */
static int dates_c_numeric(const dates_cx *cx, int j, dates_hit *h) {
  const dates_tok *a = dates_at(cx, j), *b = dates_at(cx, j + 2), *c = dates_at(cx, j + 4);
  const dates_tok *s1 = dates_at(cx, j + 1), *s2 = dates_at(cx, j + 3);
  int y, m, d;
  if (!a || !b || !c || a->type != DT_NUM || b->type != DT_NUM || c->type != DT_NUM) return 0;
  if (s1->type != DT_PUNCT || s2->type != DT_PUNCT || s1->c != s2->c || !strchr("/.-", s1->c)) return 0;
  if (!s1->glued || !b->glued || !s2->glued || !c->glued) return 0;
  if (dates_joined_left(cx, j) || dates_joined_right(cx, j + 4)) return 0;
  if (a->ndig == 4 && s1->c == '-' && b->ndig <= 2 && c->ndig <= 2) {
    y = a->val; m = b->val; d = c->val;
  } else if (a->ndig <= 2 && b->ndig <= 2 && (c->ndig == 4 || (c->ndig == 2 && s1->c == '/'))) {
    d = a->val; m = b->val; y = c->ndig == 2 ? 2000 + c->val : c->val;
  } else {
    return 0;
  }
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > dates_dim(y, m)) return 0;
  int32_t x = dates_days(y, m, d);
  return dates_set(h, 5, x, x, DATE_EXPLICIT, 0);
}

/* One end of a day date: [le] [WD[,]] D [MONTH [[,] YYYY]] (French), or
 * [WD[,]] MONTH D [[,] YYYY] (English).  Returns tokens with the fields
 * (m, y 0 when absent; wd -1; *bad: no such day). */
static int dates_dayend(const dates_cx *cx, int j, int allow_le, int *wd, int *d, int *m, int *y,
                        int *bad) {
  int k = j, c, cm, en;
  *wd = -1; *d = *m = *y = *bad = 0;
  if (allow_le && (dates_is(cx, k, DW_le) || dates_is(cx, k, DW_ce))) k++;
  if (dates_weekday(cx, k, wd)) {
    k++;
    if (dates_punct(cx, k, ',')) k++;
  }
  if ((c = dates_day(cx, k, d)) > 0) {
    k += c;
    if ((cm = dates_month(cx, k, m, &en)) > 0) k += cm;
  } else if ((cm = dates_month(cx, k, m, &en)) > 0 && en && (c = dates_day(cx, k + cm, d)) > 0) {
    k += cm + c;
  } else {
    return 0;
  }
  if (*m) {
    int k1 = dates_punct(cx, k, ',') ? k + 1 : k;
    if (dates_year(cx, k1, 1000, 2999, 0, y)) k = k1 + 1;
    if (*d > dates_dim(*y ? *y : 2000, *m)) *bad = 1;
  }
  return k - j;
}

/* Single days: see dates_dayend, plus "dernier"/"prochain" after a day
 * without year, and WD D without month. */
static int dates_c_day(const dates_cx *cx, int j, dates_hit *h) {
  int wd, d, m, y, k, mode = 0, bad;
  if ((k = dates_dayend(cx, j, 1, &wd, &d, &m, &y, &bad)) == 0) return 0;
  if (bad) return dates_unresolved(h, k);  /* "le 30 février": no date at all */
  k += j;
  if (!m) {
    /* WD D: the nearest such day to the reference, month known. */
    const dates_tok *nx = dates_at(cx, k);
    if (wd < 0) return 0;
    if (nx && nx->type == DT_WORD && !nx->upper && !dates_among(cx, k, dates_follow)) return 0;
    if (nx && nx->type == DT_NUM) return 0;
    if (!cx->has_ref || !cx->rm) return dates_unresolved(h, k - j);
    long long bd = -1;
    int32_t best = 0;
    for (int dm = -2; dm <= 1; dm++) {
      int yy = cx->ry, mm = cx->rm + dm;
      if (mm < 1) { mm += 12; yy--; }
      if (mm > 12) { mm -= 12; yy++; }
      if (d > dates_dim(yy, mm)) continue;
      int32_t x = dates_days(yy, mm, d);
      if (dates_wday(x) != wd) continue;
      long long dist = (long long)x - cx->r1;
      if (dist < 0) dist = -dist;
      if (bd < 0 || dist < bd) { bd = dist; best = x; }
    }
    if (bd < 0) return dates_unresolved(h, k - j);
    return dates_set(h, k - j, best, best, DATE_PARTIAL, 0);
  }
  if (y) {
    int32_t x = dates_days(y, m, d);
    return dates_set(h, k - j, x, x, DATE_EXPLICIT, 0);
  }
  if ((mode = dates_reltense(cx, k)) != 0) k++;
  if (!(y = dates_pick(cx, m, d, wd, mode))) return dates_unresolved(h, k - j);
  int32_t x = dates_days(y, m, d);
  return dates_set(h, k - j, x, x, DATE_PARTIAL, mode);
}

/* Complete a range's missing years: ends (y1,m1,d1) and (y2,m2,d2), d 0
 * for whole months.  Returns 1 with h set, 0 if impossible, -1 if
 * unresolvable. */
static int dates_range_fill(const dates_cx *cx, int ntok, int y1, int m1, int d1, int y2, int m2,
                            int d2, dates_hit *h) {
  int kind = y1 || y2 ? DATE_EXPLICIT : DATE_PARTIAL;
  int before = m1 < m2 || (m1 == m2 && d1 <= d2);
  if (!y1 && y2) y1 = before ? y2 : y2 - 1;
  if (!y1) {
    if (!(y1 = dates_pick(cx, m1, d1, -1, 0))) return -1;
  }
  if (!y2) y2 = before ? y1 : y1 + 1;
  if (d1 > dates_dim(y1, m1) || d2 > dates_dim(y2, m2)) return 0;
  int32_t f = dates_days(y1, m1, d1 ? d1 : 1);
  int32_t l = d2 ? dates_days(y2, m2, d2) : dates_month_end(y2, m2);
  if (f >= l || l - f > 3660) return 0;
  dates_set(h, ntok, f, l, kind, 0);
  return 1;
}

/* Ranges of days, months and years (see the forms). */
static int dates_c_range(const dates_cx *cx, int j, dates_hit *h) {
  int k = j, c, y1 = 0, y2 = 0, m1 = 0, m2 = 0, d1 = 0, d2 = 0, wd, en, r, bad;
  unsigned sep;   /* the word between the ends, DW_NONE for a dash */
  int le2 = 0, nomonth1 = 0;
  /* years: de|entre YYYY à|et YYYY; YYYY-YYYY, YYYY/YYYY, YYYY-YY */
  if (dates_is(cx, k, DW_de) || dates_is(cx, k, DW_entre)) {
    sep = dates_is(cx, k, DW_de) ? DW_a : DW_et;
    const dates_tok *a = dates_at(cx, k + 1);
    if (a && a->type == DT_NUM && a->ndig == 4 && a->val >= 1800 && a->val <= 2100 &&
        !dates_joined_right(cx, k + 1) && dates_is(cx, k + 2, sep) &&
        dates_year(cx, k + 3, a->val + 1, a->val + 100, 1, &y2)) {
      y1 = a->val;
      return dates_set(h, 4, dates_days(y1, 1, 1), dates_days(y2, 12, 31), DATE_EXPLICIT, 0);
    }
  }
  {
    const dates_tok *a = dates_at(cx, k), *s = dates_at(cx, k + 1), *b = dates_at(cx, k + 2);
    const dates_tok *p = dates_at(cx, k - 1);
    if (a && s && b && a->type == DT_NUM && a->ndig == 4 && a->val >= 1800 && a->val <= 2100 &&
        s->type == DT_PUNCT && (s->c == '-' || s->c == '/') && s->glued && b->glued &&
        b->type == DT_NUM && (b->ndig == 4 || b->ndig == 2) &&
        !(p && a->glued && (p->type != DT_PUNCT || !strchr("(\"'[", p->c))) &&
        !dates_joined_right(cx, k + 2)) {
      y1 = a->val;
      y2 = b->ndig == 2 ? y1 / 100 * 100 + b->val : b->val;
      const dates_tok *nx = dates_at(cx, k + 3);
      if (y2 > y1 && y2 - y1 <= 100 && !(nx && nx->type == DT_WORD && dates_among(cx, k + 3, dates_counts)))
        return dates_set(h, 3, dates_days(y1, 1, 1), dates_days(y2, 12, 31), DATE_EXPLICIT, 0);
    }
  }
  /* months: de|d'|entre MONTH [YYYY] à|et MONTH [YYYY] */
  c = dates_is(cx, k, DW_de) || dates_is(cx, k, DW_entre) ? 1 : dates_seq(cx, k, DATES_SEQ(DW_d, DP_APOS));
  if (c > 0) {
    int kk = k + c, cm;
    sep = dates_is(cx, k, DW_entre) ? DW_et : DW_a;
    if ((cm = dates_month(cx, kk, &m1, &en)) > 0) {
      kk += cm;
      if (dates_year(cx, kk, 1000, 2999, 0, &y1)) kk++;
      if (dates_is(cx, kk, sep) && (cm = dates_month(cx, kk + 1, &m2, &en)) > 0) {
        kk += 1 + cm;
        if (dates_year(cx, kk, 1000, 2999, 0, &y2)) kk++;
        if (m1 != m2 || y1 || y2) {
          r = dates_range_fill(cx, kk - j, y1, m1, 0, y2, m2, 0, h);
          if (r > 0) return kk - j;
          if (r < 0) return dates_unresolved(h, kk - j);
        }
      }
    }
    y1 = y2 = m1 = m2 = 0;
  }
  /* days */
  if (dates_is(cx, k, DW_du)) { sep = DW_au; k++; }
  else if (dates_is(cx, k, DW_entre)) { sep = DW_et; k++; le2 = 1; if (dates_is(cx, k, DW_le)) k++; }
  else if (dates_is(cx, k, DW_les) || dates_is(cx, k, DW_le)) { sep = DW_et; k++; le2 = nomonth1 = 1; }
  else sep = DW_NONE;
  if ((c = dates_dayend(cx, k, 0, &wd, &d1, &m1, &y1, &bad)) == 0) {
    /* "D-D MONTH": the day before '-' is glued to it */
    const dates_tok *a = dates_at(cx, k);
    if (sep != DW_NONE || !a || a->type != DT_NUM || a->ndig > 2 || a->val < 1 || a->val > 31 ||
        dates_joined_left(cx, k) || !dates_punct(cx, k + 1, '-') || !dates_glued(cx, k + 1))
      return 0;
    d1 = a->val;
    c = 1;
  }
  else if (bad || (m1 && nomonth1)) return 0;
  k += c;
  if (y1 && !m1) return 0;
  if (sep == DW_NONE) {
    if (!dates_punct(cx, k, '-') || m1 || wd >= 0) return 0;
    k++;
  } else {
    if (!dates_is(cx, k, sep)) return 0;
    k++;
    if (le2 && dates_is(cx, k, DW_le)) k++;
  }
  if (sep == DW_NONE) {
    /* the second day is glued to the dash: take it by hand */
    const dates_tok *b = dates_at(cx, k);
    int cm;
    if (!b || b->type != DT_NUM || b->ndig > 2 || b->val < 1 || b->val > 31 || !b->glued) return 0;
    d2 = b->val;
    k++;
    if ((cm = dates_month(cx, k, &m2, &en)) == 0) return 0;
    k += cm;
    if (dates_year(cx, k, 1000, 2999, 0, &y2)) k++;
    if (d2 > dates_dim(y2 ? y2 : 2000, m2)) return 0;
  } else {
    if ((c = dates_dayend(cx, k, 0, &wd, &d2, &m2, &y2, &bad)) == 0 || !m2 || bad) return 0;
    k += c;
  }
  if (!m1) m1 = m2;
  r = dates_range_fill(cx, k - j, y1, m1, d1, y2, m2, d2, h);
  if (r < 0) return dates_unresolved(h, k - j);
  return r > 0 ? k - j : 0;
}

/* Months: MONTH YYYY; [le|au|du|ce] mois de|d' MONTH [YYYY]; MONTH
 * [dernier|prochain] after a cue (cue: DQ_MONTH in flags). */
static int dates_c_month(const dates_cx *cx, int j, int flags, dates_hit *h) {
  static const uint16_t dets[] = {DW_le, DW_au, DW_du, DW_ce, 0};
  int k = j, c, m, en, y = 0, mode, cue = flags & DQ_MONTH;
  if (dates_among(cx, k, dets) && dates_is(cx, k + 1, DW_mois)) k++;
  if (dates_is(cx, k, DW_mois)) {
    k++;
    if (dates_is(cx, k, DW_de)) k++;
    else if ((c = dates_seq(cx, k, DATES_SEQ(DW_d, DP_APOS))) > 0) k += c;
    else return 0;
    cue = 1;
  } else if (k != j) {
    return 0;
  }
  if ((c = dates_month(cx, k, &m, &en)) == 0) return 0;
  k += c;
  if (dates_year(cx, k, 1000, 2999, 0, &y))
    return dates_set(h, k + 1 - j, dates_days(y, m, 1), dates_month_end(y, m), DATE_EXPLICIT, 0);
  if (!cue) return 0;
  if ((mode = dates_reltense(cx, k)) != 0) k++;
  if (!(y = dates_pick(cx, m, 0, -1, mode))) return dates_unresolved(h, k - j);
  return dates_set(h, k - j, dates_days(y, m, 1), dates_month_end(y, m), DATE_PARTIAL, mode);
}

/* Years: a bare YYYY after a cue (flags), "l'année YYYY", "l'an YYYY". */
static int dates_c_year(const dates_cx *cx, int j, int flags, dates_hit *h) {
  int k = j, c, y;
  if ((c = dates_seq(cx, k, DATES_SEQ(DW_l, DP_APOS, DW_annee))) > 0 ||
      (c = dates_seq(cx, k, DATES_SEQ(DW_l, DP_APOS, DW_an))) > 0 ||
      (c = dates_seq(cx, k, DATES_SEQ(DW_the, DW_year))) > 0) {
    if (!dates_year(cx, k + c, 1800, 2100, 0, &y)) return 0;
    k += c + 1;
  } else if (flags & DQ_YEAR) {
    if (!dates_year(cx, k, 1800, 2100, (flags & DQ_WEAK) != 0, &y)) return 0;
    k++;
  } else {
    return 0;
  }
  return dates_set(h, k - j, dates_days(y, 1, 1), dates_days(y, 12, 31), DATE_EXPLICIT, 0);
}

/* The year a period is of, after its noun: YYYY | [de|of] YYYY | de
 * l'année [YYYY|dernière|...|en cours] | d'année | de cette année | de
 * l'an dernier|passé|prochain.  Returns tokens (0: none) with *y (0 if
 * relative and no reference), *tense, *expl. */
static int dates_yearspec(const dates_cx *cx, int j, int *y, int *tense, int *expl) {
  int k = j, c, rel = 0;
  *y = 0; *tense = 0; *expl = 0;
  if (dates_year(cx, k, 1800, 2100, 0, y)) { *expl = 1; return 1; }
  if ((c = dates_seq(cx, k, DATES_SEQ(DW_d, DP_APOS, DW_annee))) > 0) {
    *y = cx->has_ref ? cx->ry : 0;
    return c;
  }
  if (!dates_is(cx, k, DW_de) && !dates_is(cx, k, DW_of)) return 0;
  k++;
  if (dates_year(cx, k, 1800, 2100, 0, y)) { *expl = 1; return 2; }
  if ((c = dates_seq(cx, k, DATES_SEQ(DW_l, DP_APOS, DW_annee))) > 0) {
    k += c;
    if (dates_year(cx, k, 1800, 2100, 0, y)) { *expl = 1; return k + 1 - j; }
    if (dates_seq(cx, k, DATES_SEQ(DW_en, DW_cours))) k += 2;
    else if ((rel = dates_reltense(cx, k)) != 0) k++;
  } else if ((c = dates_seq(cx, k, DATES_SEQ(DW_l, DP_APOS, DW_an))) > 0 &&
             (rel = dates_reltense(cx, k + c)) != 0) {
    k += c + 1;
  } else if ((c = dates_seq(cx, k, DATES_SEQ(DW_cette, DW_annee))) > 0 && !dates_la(cx, k + c)) {
    k += c;
  } else if ((c = dates_seq(cx, k, DATES_SEQ(DW_this, DW_year))) > 0 ||
             (c = dates_seq(cx, k, DATES_SEQ(DW_last, DW_year))) > 0 ||
             (c = dates_seq(cx, k, DATES_SEQ(DW_next, DW_year))) > 0) {
    rel = dates_is(cx, k, DW_last) ? -1 : dates_is(cx, k, DW_next) ? 1 : 0;
    k += c;
  } else {
    return 0;
  }
  *tense = rel;
  *y = cx->has_ref ? cx->ry + rel : 0;
  return k - j;
}

/* The months m1..m2 of year y (y 0: unresolved) as a PERIOD hit. */
static int dates_months_hit(dates_hit *h, int ntok, int y, int m1, int m2, int tense) {
  if (!y) return dates_unresolved(h, ntok);
  return dates_set(h, ntok, dates_days(y, m1, 1), dates_month_end(y, m2), DATE_PERIOD, tense);
}

/* Periods: semesters, quarters, the first N months. */
static int dates_c_period(const dates_cx *cx, int j, dates_hit *h) {
  static const uint16_t dets[] = {DW_le, DW_au, DW_du, DW_ce, DW_les, DW_des, DW_the, 0};
  static const uint16_t nums[] = {DW_un, DW_deux, DW_trois, DW_quatre, DW_cinq, DW_six, DW_sept,
                                     DW_huit, DW_neuf, DW_dix, DW_onze, DW_douze, 0};
  static const uint16_t ord1[] = {DW_premier, DW_first, 0};
  static const uint16_t ord2[] = {DW_deuxieme, DW_second, DW_seconde, 0};
  static const uint16_t ord3[] = {DW_troisieme, DW_third, 0};
  static const uint16_t ord4[] = {DW_quatrieme, DW_fourth, 0};
  static const uint16_t sfx[] = {DW_er, DW_re, DW_e, DW_eme, DW_nd, DW_st, DW_rd, DW_th, DW_ere, 0};
  int k = j, c, o = 0, n = 0, y, tense, expl;
  const dates_tok *t;
  if (dates_among(cx, k, dets)) k++;
  t = dates_at(cx, k);
  if (!t) return 0;
  if (dates_among(cx, k, ord1)) o = 1;
  else if (dates_among(cx, k, ord2)) o = 2;
  else if (dates_among(cx, k, ord3)) o = 3;
  else if (dates_among(cx, k, ord4)) o = 4;
  else if (dates_is(cx, k, DW_dernier) || dates_is(cx, k, DW_last)) o = 9;
  else if (t->type == DT_NUM && t->ndig == 1 && t->val >= 1 && t->val <= 4 &&
           dates_glued(cx, k + 1) && dates_among(cx, k + 1, sfx) && !dates_joined_left(cx, k)) {
    o = t->val;
    k++;
  }
  if (o) {
    int per;
    k++;
    if (dates_is(cx, k, DW_semestre) || dates_is(cx, k, DW_half)) per = 6;
    else if (dates_is(cx, k, DW_trimestre) || dates_is(cx, k, DW_quarter)) per = 3;
    else return 0;
    if (o == 9) o = 12 / per;
    if (o > 12 / per) return 0;
    k++;
    c = dates_yearspec(cx, k, &y, &tense, &expl);
    if (!c) y = cx->has_ref ? cx->ry : 0;
    return dates_months_hit(h, k + c - j, y, (o - 1) * per + 1, o * per, tense);
  }
  if ((n = dates_among(cx, k, nums)) == 0) {
    if (t->type != DT_NUM || t->ndig > 2 || t->val < 1 || t->val > 12 ||
        dates_joined_left(cx, k) || dates_joined_right(cx, k))
      return 0;
    n = t->val;
  }
  k++;
  if (!dates_is(cx, k, DW_premiers) || !dates_is(cx, k + 1, DW_mois)) return 0;
  k += 2;
  c = dates_yearspec(cx, k, &y, &tense, &expl);
  if (!c) y = cx->has_ref ? cx->ry : 0;
  return dates_months_hit(h, k + c - j, y, 1, n, tense);
}

/* début, mi-, fin of a year or a month (see the forms). */
static int dates_c_part(const dates_cx *cx, int j, dates_hit *h) {
  static const uint16_t dets[] = {DW_la, DW_le, DW_au, DW_en, 0};
  int k = j, c, part, m = 0, en, y = 0, tense = 0, expl = 0, mode;
  if (dates_seq(cx, k, DATES_SEQ(DW_a, DW_la))) k += 2;
  else if (dates_among(cx, k, dets)) k++;
  if (dates_is(cx, k, DW_debut) || dates_is(cx, k, DW_early)) part = 0;
  else if (dates_is(cx, k, DW_mi) || dates_is(cx, k, DW_mid)) part = 1;
  else if (dates_is(cx, k, DW_fin) || dates_is(cx, k, DW_late)) part = 2;
  else return 0;
  k++;
  if (part == 1) {
    if (!dates_punct(cx, k, '-') || !dates_glued(cx, k)) return 0;
    k++;
  } else if (dates_punct(cx, k, '-') && dates_glued(cx, k)) {
    k++;
  }
  /* of a month */
  if ((c = dates_month(cx, k, &m, &en)) > 0 ||
      ((dates_is(cx, k, DW_de) || dates_is(cx, k, DW_of)) && (c = dates_month(cx, k + 1, &m, &en)) > 0 &&
       ++c) ||
      (dates_seq(cx, k, DATES_SEQ(DW_d, DP_APOS)) && (c = dates_month(cx, k + 2, &m, &en)) > 0 &&
       (c += 2))) {
    k += c;
    if (dates_year(cx, k, 1000, 2999, 0, &y)) k++;
    else if ((mode = dates_reltense(cx, k)) != 0) { k++; y = dates_pick(cx, m, 0, -1, mode); tense = mode; }
    else y = dates_pick(cx, m, 0, -1, 0);
  } else if ((c = dates_seq(cx, k, DATES_SEQ(DW_du, DW_mois))) > 0) {
    k += c;
    if (!cx->has_ref || !cx->rm) return dates_unresolved(h, k - j);
    m = cx->rm;
    y = cx->ry;
  }
  if (m) {
    static const int from[3] = {1, 11, 21};
    if (!y) return dates_unresolved(h, k - j);
    int32_t f = dates_days(y, m, from[part]);
    int32_t l = part == 2 ? dates_month_end(y, m) : dates_days(y, m, from[part] + 9);
    return dates_set(h, k - j, f, l, DATE_PERIOD, tense);
  }
  /* of a year */
  if ((c = dates_yearspec(cx, k, &y, &tense, &expl)) == 0) return 0;
  k += c;
  if (part == 0) return dates_months_hit(h, k - j, y, 1, 3, tense);
  if (part == 1) return dates_months_hit(h, k - j, y, 6, 7, tense);
  return dates_months_hit(h, k - j, y, 10, 12, tense);
}

/* Relative expressions (see the forms). */
static int dates_c_relative(const dates_cx *cx, int j, dates_hit *h) {
  static const struct { uint16_t seq[6]; int unit, shift, tense; } rel[] = {
      /* unit 0 day, 1 week, 2 month, 3 year; shift in units */
      {{DW_avant, DP_DASH, DW_hier}, 0, -2, -1}, {{DW_apres, DP_DASH, DW_demain}, 0, 2, 1},
      {{DW_aujourd, DP_APOS, DW_hui}, 0, 0, 0}, {{DW_hier}, 0, -1, -1}, {{DW_demain}, 0, 1, 1},
      {{DW_ce, DW_matin}, 0, 0, 0}, {{DW_ce, DW_soir}, 0, 0, 0},
      {{DW_cet, DW_apres, DP_DASH, DW_midi}, 0, 0, 0}, {{DW_yesterday}, 0, -1, -1},
      {{DW_today}, 0, 0, 0}, {{DW_tomorrow}, 0, 1, 1}, {{DW_this, DW_morning}, 0, 0, 0},
      {{DW_la, DW_semaine, DW_derniere}, 1, -1, -1}, {{DW_la, DW_semaine, DW_passee}, 1, -1, -1},
      {{DW_la, DW_semaine, DW_precedente}, 1, -1, -1}, {{DW_la, DW_semaine, DW_prochaine}, 1, 1, 1},
      {{DW_cette, DW_semaine}, 1, 0, 0}, {{DW_last, DW_week}, 1, -1, -1},
      {{DW_next, DW_week}, 1, 1, 1}, {{DW_this, DW_week}, 1, 0, 0},
      {{DW_le, DW_mois, DW_dernier}, 2, -1, -1}, {{DW_le, DW_mois, DW_passe}, 2, -1, -1},
      {{DW_le, DW_mois, DW_precedent}, 2, -1, -1}, {{DW_le, DW_mois, DW_prochain}, 2, 1, 1},
      {{DW_ce, DW_mois, DP_DASH, DW_ci}, 2, 0, 0}, {{DW_ce, DW_mois}, 2, 0, 0},
      {{DW_last, DW_month}, 2, -1, -1}, {{DW_next, DW_month}, 2, 1, 1},
      {{DW_this, DW_month}, 2, 0, 0}, {{DW_l, DP_APOS, DW_annee, DW_derniere}, 3, -1, -1},
      {{DW_l, DP_APOS, DW_annee, DW_passee}, 3, -1, -1},
      {{DW_l, DP_APOS, DW_annee, DW_precedente}, 3, -1, -1},
      {{DW_l, DP_APOS, DW_annee, DW_prochaine}, 3, 1, 1},
      {{DW_l, DP_APOS, DW_annee, DW_en, DW_cours}, 3, 0, 0},
      {{DW_l, DP_APOS, DW_an, DW_dernier}, 3, -1, -1},
      {{DW_l, DP_APOS, DW_an, DW_passe}, 3, -1, -1}, {{DW_l, DP_APOS, DW_an, DW_prochain}, 3, 1, 1},
      {{DW_cette, DW_annee}, 3, 0, 0}, {{DW_last, DW_year}, 3, -1, -1},
      {{DW_next, DW_year}, 3, 1, 1}, {{DW_this, DW_year}, 3, 0, 0}};
  int best = -1, bl = 0;
  unsigned first = dates_item(cx, j);
  if (!first) return 0;
  for (int i = 0; i < (int)(sizeof rel / sizeof rel[0]); i++) {
    if (rel[i].seq[0] != first) continue;
    int c = dates_seq(cx, j, rel[i].seq);
    if (c > bl && !dates_la(cx, j + c)) { bl = c; best = i; }
  }
  if (best < 0) return 0;
  if (!cx->has_ref) return dates_unresolved(h, bl);
  int s = rel[best].shift, m0 = cx->rm ? cx->rm : 1, m1 = cx->rm ? cx->rm : 12;
  int32_t f, l;
  switch (rel[best].unit) {
  case 0: f = cx->r0 + s; l = cx->r1 + s; break;
  case 1:
    f = cx->r0 + 7 * s; f -= dates_wday(f);
    l = cx->r1 + 7 * s; l += 6 - dates_wday(l);
    break;
  case 2: f = dates_days(cx->ry, m0 + s, 1); l = dates_days(cx->ry, m1 + s + 1, 1) - 1; break;
  default: f = dates_days(cx->ry + s, 1, 1); l = dates_days(cx->ry + s, 12, 31); break;
  }
  return dates_set(h, bl, f, l, DATE_RELATIVE, rel[best].tense);
}

/* Weekdays: ce WD, WD dernier|passé, WD prochain, last|next|this WD, WD. */
static int dates_c_weekday(const dates_cx *cx, int j, dates_hit *h) {
  int k = j, wd, mode = 0, tense = 0;
  if (dates_is(cx, k, DW_ce) || dates_is(cx, k, DW_this)) { mode = 2; k++; }
  else if (dates_is(cx, k, DW_last)) { mode = -1; tense = -1; k++; }
  else if (dates_is(cx, k, DW_next)) { mode = 1; tense = 1; k++; }
  if (!dates_weekday(cx, k, &wd)) return 0;
  k++;
  if (dates_la(cx, k)) return 0;
  if (mode == 0 && (tense = dates_reltense(cx, k)) != 0) { mode = tense; k++; }
  if (!cx->has_ref) return dates_unresolved(h, k - j);
  return dates_set(h, k - j, dates_wd_near(cx->r0, wd, mode), dates_wd_near(cx->r1, wd, mode),
                   DATE_RELATIVE, tense);
}

/* The longest form at j; flags: the cue before it (DQ_*). */
static int dates_core(const dates_cx *cx, int j, int flags, dates_hit *best) {
  dates_hit h;
  memset(best, 0, sizeof *best);
#define DATES_TRY(call)                                                    \
  do {                                                                     \
    memset(&h, 0, sizeof h);                                               \
    if ((call) > best->ntok) *best = h;                                    \
  } while (0)
  if (flags & DQ_ONLYYEAR) {
    DATES_TRY(dates_c_year(cx, j, flags, &h));
    return best->ntok;
  }
  DATES_TRY(dates_c_numeric(cx, j, &h));
  DATES_TRY(dates_c_range(cx, j, &h));
  DATES_TRY(dates_c_day(cx, j, &h));
  DATES_TRY(dates_c_month(cx, j, flags, &h));
  DATES_TRY(dates_c_year(cx, j, flags, &h));
  DATES_TRY(dates_c_period(cx, j, &h));
  DATES_TRY(dates_c_part(cx, j, &h));
  DATES_TRY(dates_c_relative(cx, j, &h));
  DATES_TRY(dates_c_weekday(cx, j, &h));
#undef DATES_TRY
  return best->ntok;
}

/* Cues before a form. */
static const struct { uint16_t seq[5]; int flags; } dates_cues[] = {
    {{DW_en}, DQ_YEAR | DQ_MONTH}, {{DW_in}, DQ_YEAR | DQ_MONTH},
    {{DW_depuis}, DQ_YEAR | DQ_MONTH | DQ_SINCE}, {{DW_since}, DQ_YEAR | DQ_MONTH | DQ_SINCE},
    {{DW_courant}, DQ_YEAR | DQ_MONTH}, {{DW_jusqu, DP_APOS, DW_en}, DQ_YEAR | DQ_MONTH},
    {{DW_jusqu, DP_APOS, DW_au}, 0}, {{DW_jusqu, DP_APOS, DW_a}, 0},
    {{DW_a, DW_partir, DW_de}, DQ_YEAR | DQ_MONTH}, {{DW_a, DW_partir, DW_d, DP_APOS}, DQ_MONTH},
    {{DW_a, DW_partir, DW_du}, 0}, {{DW_au, DW_cours, DW_de}, DQ_YEAR | DQ_MONTH},
    {{DW_au, DW_cours, DW_d, DP_APOS}, DQ_MONTH}, {{DW_au, DW_cours, DW_du}, 0},
    {{DW_au, DW_cours, DW_des}, 0}, {{DW_durant}, DQ_YEAR}, {{DW_pendant}, DQ_YEAR},
    {{DW_lors, DW_de}, DQ_YEAR}, {{DW_lors, DW_du}, 0}, {{DW_vers}, DQ_YEAR},
    {{DW_avant}, DQ_YEAR | DQ_MONTH}, {{DW_apres}, DQ_YEAR | DQ_MONTH},
    {{DW_d, DP_APOS, DW_ici}, DQ_YEAR | DQ_MONTH | DQ_UNTIL},
    {{DW_d, DP_APOS, DW_ici, DW_a}, DQ_YEAR | DQ_MONTH | DQ_UNTIL}, {{DW_by}, DQ_YEAR | DQ_UNTIL},
    {{DW_on}, 0}, {{DW_sur}, 0}, {{DW_de}, DQ_YEAR | DQ_WEAK | DQ_ONLYYEAR},
    {{DW_d, DP_APOS}, DQ_YEAR | DQ_WEAK | DQ_ONLYYEAR},
    {{DW_pour}, DQ_YEAR | DQ_WEAK | DQ_ONLYYEAR}};

/* 1 if the token is an anchor: a number, or a word listed with A in
 * DATES_WORDS (month and weekday names, nouns and adverbs of time).  Every
 * form reads one within DATES_REACH tokens of its start, cue included. */
static int dates_anchor(const dates_tok *t) {
  return t->type == DT_NUM || (t->type == DT_WORD && (dates_word_flags[t->id] & DWF_A));
}

/* 1 if an expression may start at the current token: a number, or a word
 * listed with start 1 in DATES_WORDS (a quick filter; most words are not). */
static int dates_may_start(const dates_cx *cx) {
  const dates_tok *t = cx->t;
  if (t->type == DT_NUM) return 1;
  return t->type == DT_WORD && (dates_word_flags[t->id] & DWF_S);
}

/* The longest expression starting at the current token: 0 if none. */
static int dates_match(const dates_cx *cx, dates_hit *best) {
  dates_hit h;
  memset(best, 0, sizeof *best);
  if (!dates_may_start(cx)) return 0;
  dates_core(cx, 0, 0, best);
  unsigned first = dates_item(cx, 0);
  for (int i = 0; i < (int)(sizeof dates_cues / sizeof dates_cues[0]); i++) {
    if (dates_cues[i].seq[0] != first) continue;
    int flags = dates_cues[i].flags;
    int c = dates_seq(cx, 0, dates_cues[i].seq);
    if (!c) continue;
    dates_cx bcx = *cx;
    bcx.bias = flags & DQ_SINCE ? -1 : flags & DQ_UNTIL ? 1 : 0;
    if (dates_core(&bcx, c, flags, &h) == 0 || c + h.ntok <= best->ntok) continue;
    h.ntok += c;
    if (h.ok && cx->has_ref && (flags & DQ_SINCE) && h.first <= cx->r1) h.last = cx->r1;
    if (h.ok && (flags & DQ_UNTIL)) {
      if (cx->has_ref && cx->r0 <= h.last) h.first = cx->r0;
      h.kind = DATE_PERIOD;
      h.tense = 1;
    }
    *best = h;
  }
  {
    /* "dès" (accented "des") as a cue */
    const dates_tok *t = dates_at(cx, 0);
    if (t && t->acc && dates_is(cx, 0, DW_des) && dates_core(cx, 1, DQ_YEAR | DQ_MONTH, &h) > 0 &&
        1 + h.ntok > best->ntok) {
      h.ntok += 1;
      *best = h;
    }
  }
  return best->ntok;
}

/* Words without which a text holding no digit cannot state a date:
 * months, weekdays, and the nouns and adverbs of relative dates (accented
 * and plain spellings; compared in lower case), in strcmp order (UTF-8
 * bytes) for utf8_word_find. */
static const char dates_core_words[][DATES_WMAX] = {
    "an", "annee", "annees", "année", "années", "ans", "aout", "août", "apr", "april", "aug",
    "august", "aujourd", "avr", "avril", "dec", "december", "decembre", "demain", "dimanche",
    "déc", "décembre", "evening", "feb", "february", "fev", "fevr", "fevrier", "friday", "fév",
    "février", "hier", "jan", "january", "janv", "janvier", "jeudi", "juil", "juillet", "juin",
    "jul", "july", "jun", "june", "lundi", "mai", "mar", "march", "mardi", "mars", "matin", "may",
    "mercredi", "midi", "mois", "monday", "month", "months", "morning", "nov", "november",
    "novembre", "oct", "october", "octobre", "samedi", "saturday", "semaine", "semaines",
    "semestre", "sep", "sept", "september", "septembre", "soir", "sunday", "thursday", "today",
    "tomorrow", "tonight", "trimestre", "tuesday", "vendredi", "wednesday", "week", "weeks",
    "year", "years", "yesterday"};


/* 1 if text may hold a date expression: a digit, or a word of
 * dates_core_words.  One pass over the bytes, so that the sentences
 * without a date (most of them) cost almost nothing. */
static int dates_maybe(const dates_index *ix, const char *text, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)text[i];
    if (c >= '0' && c <= '9') return 1;
    if (!((c | 32) >= 'a' && (c | 32) <= 'z') && c < 0x80) {
      i++;
      continue;
    }
    size_t b = i;
    while (i < n && ((((unsigned char)text[i] | 32) >= 'a' && ((unsigned char)text[i] | 32) <= 'z') ||
                     (unsigned char)text[i] >= 0x80))
      i++;
    size_t l = i - b;
    if (l < 2 || l > 12) continue;
    char w[DATES_WMAX] = {0};
    for (size_t k = 0; k < l; k++) {
      unsigned char x = (unsigned char)text[b + k];
      w[k] = (char)(x >= 'A' && x <= 'Z' ? x + 32 : x);
    }
    w[l] = '\0';
    /* upper-case accented letters: É, Û... (C3 80-9F) to lower case */
    for (size_t k = 0; k + 1 < l; k++)
      if ((unsigned char)w[k] == 0xC3 && (unsigned char)w[k + 1] >= 0x80 && (unsigned char)w[k + 1] < 0xA0)
        w[k + 1] = (char)((unsigned char)w[k + 1] + 0x20);
    if ((ix ? utf8_word_index_find(ix->core, w)
            : utf8_word_find(dates_core_words, sizeof dates_core_words / sizeof dates_core_words[0],
                             sizeof dates_core_words[0], w)) >= 0)
      return 1;
  }
  return 0;
}

dates_index *dates_index_new(void) {
  dates_index *ix = xcalloc(1, sizeof *ix);
  ix->words = utf8_word_index_new(dates_words + 1, DW__COUNT - 1, sizeof dates_words[0]);
  ix->core = utf8_word_index_new(dates_core_words, sizeof dates_core_words / sizeof dates_core_words[0],
                                 sizeof dates_core_words[0]);
  return ix;
}

void dates_index_free(dates_index *ix) {
  if (!ix) return;
  utf8_word_index_free(ix->words);
  utf8_word_index_free(ix->core);
  free(ix);
}

size_t dates_find(const char *text, size_t n, dyad_date ref, date_expr *out, size_t cap) {
  return dates_find_in(NULL, text, n, ref, out, cap);
}

size_t dates_find_in(const dates_index *ix, const char *text, size_t n, dyad_date ref, date_expr *out,
                     size_t cap) {
  if (text && !dates_maybe(ix, text, n)) return 0;
  dates_tok buf[DATES_BUF];
  dates_cx cx;
  size_t pos = 0, found = 0;
  int cur = 0, nfill = 0, eof = 0;
  int na = -1;   /* the first anchor at or after cur (nfill: none read), -1 to find */
  if (!text) return 0;
  if (n > UINT32_MAX) n = UINT32_MAX;
  memset(&cx, 0, sizeof cx);
  cx.has_ref = ref.year >= 1 && ref.year <= 9999;
  if (cx.has_ref) {
    cx.ry = ref.year;
    cx.rm = ref.month >= 1 && ref.month <= 12 ? ref.month : 0;
    cx.rd = cx.rm && ref.day >= 1 && ref.day <= dates_dim(cx.ry, cx.rm) ? ref.day : 0;
    cx.r0 = dates_days(cx.ry, cx.rm ? cx.rm : 1, cx.rd ? cx.rd : 1);
    cx.r1 = cx.rd ? cx.r0 : cx.rm ? dates_month_end(cx.ry, cx.rm) : dates_days(cx.ry, 12, 31);
  }
  for (;;) {
    /* keep DATES_LOOK tokens ahead, DATES_HIST behind */
    if (!eof && nfill - cur < DATES_LOOK) {
      if (nfill == DATES_BUF) {
        int keep = cur < DATES_HIST ? cur : DATES_HIST;
        memmove(buf, buf + cur - keep, (size_t)(nfill - cur + keep) * sizeof buf[0]);
        nfill -= cur - keep;
        cur = keep;
      }
      while (nfill < DATES_BUF && !eof) {
        if (dates_next(ix, text, n, &pos, &buf[nfill])) nfill++;
        else eof = 1;
      }
      na = -1;
    }
    if (cur >= nfill) break;
    /* no expression starts more than DATES_REACH tokens before an anchor
       (with none read, at least DATES_LOOK tokens are ahead, or none) */
    if (na < cur) {
      na = cur;
      while (na < nfill && !dates_anchor(&buf[na])) na++;
    }
    if (na - cur > DATES_REACH) {
      cur++;
      continue;
    }
    cx.t = buf + cur;
    cx.nl = nfill - cur;
    cx.nh = cur < DATES_HIST ? cur : DATES_HIST;
    dates_hit h;
    int adv = dates_match(&cx, &h);
    if (adv > 0 && h.ok) {
      if (found < cap) {
        date_expr *e = &out[found];
        e->start = buf[cur].start;
        e->end = buf[cur + adv - 1].end;
        e->first = h.first;
        e->last = h.last;
        e->kind = (uint8_t)h.kind;
        e->tense = (int8_t)h.tense;
      }
      found++;
    }
    cur += adv > 0 ? adv : 1;
  }
  return found;
}
