/* dateline.c: the publication date of an article, from its first lines,
 * and the parsing of a date value (JSONL "date").
 *
 * Exports dateline_find and dateline_parse_date (see dateline.h).  The
 * text is raw (not yet normalised): matching folds ASCII case and the
 * accents of Latin-1 letters (precomposed, or followed by combining marks
 * U+0300-U+036F), takes any of space, tab, U+00A0, U+2000-U+200A, U+202F,
 * U+205F, U+3000 as a space, and ' ’ ‘ ʼ ` ´ as apostrophes.  Invalid
 * UTF-8 and NUL bytes are read as non-letters.  The clock is never read;
 * a date with no year is no publication date.
 *
 * Date forms (D day, M month number, YYYY year, MONTH a month name):
 *   numeric    D/M/YYYY, D.M.YYYY, D-M-YYYY (day first, same separator
 *              twice), YYYY-M-D, YYYY/M/D
 *   French     [weekday] D MONTH YYYY, D may be "1er"/"1ᵉʳ"/"1re";
 *              MONTH janvier février mars avril mai juin juillet août
 *              septembre octobre novembre décembre, accented or not, any
 *              case, or janv. févr. fév. avr. juil. sept. oct. nov. déc.
 *   English    [weekday,] D MONTH YYYY, MONTH D[,] YYYY, D may be 1st 2nd
 *              3rd 4th...; MONTH January... December or Jan. Feb. Mar.
 *              Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
 *   weekdays   lundi... dimanche, Monday... Sunday, Mon Tue Wed Thu Fri
 *              Sat Sun, followed by a space or a comma
 * The day must exist in its month (29 February only in leap years); text
 * years lie in 1900-2100.
 *
 * dateline_find tries, in this order, and returns the first match:
 *   1. header: the text's first bytes are [BOM][spaces]"date"[:] then an
 *      ISO date (below) then white space or the end, e.g. " date 2023-08 A
 *      l'invitation..." (the dev corpus); *consumed_header covers it and
 *      the white space after it.  A header with an invalid date is no
 *      header.
 *   2. publication cue in the first DATELINE_WINDOW bytes, at a word start
 *      at most 40 bytes into its line (so "un rapport publié le 3 mai
 *      2021" in a sentence is no cue): publié(e), publication, paru, parution, mis(e) en
 *      ligne, posté(e), posted, published, then fillers (spaces, ':', ',',
 *      "le", "on", "the") and a date: "Politique Publié le samedi 1
 *      septembre 2012 | Nord-Sud", "Published: 18 August 2022".
 *   3. dateline, at the start of a line beginning in the window (after
 *      spaces): ["le"] date, or PLACE "," ["le"] date, where PLACE is 1 to
 *      6 words (letters, '-', apostrophes, parentheses) starting with a
 *      capital, at most 60 bytes; the date must be followed by the end of
 *      the line or, after spaces, a dash (- – —), '|', '(', ':', '/', '.'
 *      ending the line, or a time ("à 15:57", ", 10h30", "at 10:00"):
 *      "Abidjan, le 26 novembre 2014 –", "Hanoi, 18 août 2022",
 *      "Mardi 16 Septembre 2025", "le 12/06/2023", "August 18, 2022 |".
 *      "Le 21 août 2023, Hanoï a été..." is a sentence, not a dateline.
 *   4. update cue, like 2: mis(e) à jour, dernière mise à jour, MAJ,
 *      actualisé(e), modifié(e), updated: "Mis à jour le 12 novembre
 *      2019 à 15:57".
 *
 * dateline_parse_date accepts, after trimming spaces: an ISO date YYYY,
 * YYYY-MM, YYYY-MM-DD (year 1000-9999), optionally followed by a time
 * ('T' or one space, HH:MM[:SS[.fraction]], then Z, +HH, +HH:MM, +HHMM,
 * -HH...) which is checked and ignored (no time zone conversion); or any
 * date form above, optionally followed by a time or dateline ending
 * (RFC 2822 "Tue, 15 Aug 2023 10:00:00 +0000" included).
 */
#include "dateline.h"
#include "utf8.h"
#include <string.h>

#define DATELINE_END (-1)
#define DATELINE_LETTER 256  /* a letter outside a-z */
#define DATELINE_OTHER 257   /* another non-ASCII character, or an invalid byte */

#define DATELINE_YEAR_MIN 1900
#define DATELINE_YEAR_MAX 2100
#define DATELINE_CUE_COLUMN 40  /* a cue starts at most this far into its line */

static int dateline_fold_cp(int32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) {
    int c = cp >= 0xE0 ? cp - 0x20 : cp;  /* to upper case */
    if (c <= 0xC5) return 'a';
    if (c == 0xC7) return 'c';
    if (c >= 0xC8 && c <= 0xCB) return 'e';
    if (c >= 0xCC && c <= 0xCF) return 'i';
    if (c == 0xD1) return 'n';
    if (c >= 0xD2 && c <= 0xD6) return 'o';
    if (c == 0xD7) return DATELINE_OTHER;  /* × and ÷ */
    if (c >= 0xD9 && c <= 0xDC) return 'u';
    if (c == 0xDD || cp == 0xFF) return 'y';
    return DATELINE_LETTER;
  }
  if (cp < 0x100) return DATELINE_OTHER;
  if (cp < 0x2000) return DATELINE_LETTER;
  if (cp < 0x3040) return DATELINE_OTHER;
  return DATELINE_LETTER;
}

/* The character at t[i] folded: a-z for letters (case and Latin-1 accents
 * folded, combining marks skipped), other ASCII as is, DATELINE_LETTER,
 * DATELINE_OTHER, or DATELINE_END.  *next is the following character. */
static int dateline_fold(const char *t, size_t n, size_t i, size_t *next) {
  if (i >= n) { *next = n; return DATELINE_END; }
  unsigned char c = (unsigned char)t[i];
  int r;
  size_t j;
  if (c < 0x80) {
    r = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    j = i + 1;
  } else {
    int32_t cp;
    int l = utf8_decode(t + i, n - i, &cp);
    if (l == 0) { *next = i + 1; return DATELINE_OTHER; }
    r = dateline_fold_cp(cp);
    j = i + (size_t)l;
  }
  while (j + 1 < n) {  /* combining marks U+0300-U+036F */
    unsigned char a = (unsigned char)t[j], b = (unsigned char)t[j + 1];
    if ((a == 0xCC && b >= 0x80 && b <= 0xBF) || (a == 0xCD && b >= 0x80 && b <= 0xAF)) j += 2;
    else break;
  }
  *next = j;
  return r;
}

static int dateline_is_letter(int c) { return (c >= 'a' && c <= 'z') || c == DATELINE_LETTER; }

static int dateline_bytes(const char *t, size_t n, size_t i, const char *b) {
  size_t k = strlen(b);
  return n - i >= k && memcmp(t + i, b, k) == 0;
}

/* One horizontal space at t[i]: the index after it, or i. */
static size_t dateline_space(const char *t, size_t n, size_t i) {
  if (i >= n) return i;
  unsigned char c = (unsigned char)t[i];
  if (c == ' ' || c == '\t') return i + 1;
  if (dateline_bytes(t, n, i, "\xC2\xA0")) return i + 2;
  if (n - i >= 3 && c == 0xE2 && (unsigned char)t[i + 1] == 0x80) {
    unsigned char d = (unsigned char)t[i + 2];
    if ((d >= 0x80 && d <= 0x8A) || d == 0xAF) return i + 3;
  }
  if (dateline_bytes(t, n, i, "\xE2\x81\x9F") || dateline_bytes(t, n, i, "\xE3\x80\x80")) return i + 3;
  return i;
}

static size_t dateline_spaces(const char *t, size_t n, size_t i) {
  for (;;) {
    size_t k = dateline_space(t, n, i);
    if (k == i) return i;
    i = k;
  }
}

static size_t dateline_apos(const char *t, size_t n, size_t i) {
  if (i >= n) return i;
  if (t[i] == '\'' || t[i] == '`') return i + 1;
  if (dateline_bytes(t, n, i, "\xE2\x80\x99") || dateline_bytes(t, n, i, "\xE2\x80\x98")) return i + 3;
  if (dateline_bytes(t, n, i, "\xCA\xBC") || dateline_bytes(t, n, i, "\xC2\xB4")) return i + 2;
  return i;
}

/* A dash (- ‐ ‑ ‒ – — ― −) at t[i]: the index after it, or i. */
static size_t dateline_dash(const char *t, size_t n, size_t i) {
  if (i >= n) return i;
  if (t[i] == '-') return i + 1;
  if (n - i >= 3 && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
      (unsigned char)t[i + 2] >= 0x90 && (unsigned char)t[i + 2] <= 0x95)
    return i + 3;
  if (dateline_bytes(t, n, i, "\xE2\x88\x92")) return i + 3;
  return i;
}

/* Match pat (lower-case ASCII; ' ' is one or more spaces, '\'' an
 * apostrophe) at t[i], ending at a word boundary.  Returns the index
 * after it, or 0 (a match always consumes bytes). */
static size_t dateline_word(const char *t, size_t n, size_t i, const char *pat) {
  size_t j = i, k;
  for (const char *p = pat; *p; p++) {
    if (*p == ' ') k = dateline_spaces(t, n, j);
    else if (*p == '\'') k = dateline_apos(t, n, j);
    else if (dateline_fold(t, n, j, &k) != *p) return 0;
    if (k == j) return 0;
    j = k;
  }
  return dateline_is_letter(dateline_fold(t, n, j, &k)) ? 0 : j;
}

/* 1 to maxd ASCII digits not followed by a digit; returns the index after
 * them or 0.  *nd receives their count. */
static size_t dateline_num(const char *t, size_t n, size_t i, int maxd, int *v, int *nd) {
  int val = 0, k = 0;
  while (i < n && t[i] >= '0' && t[i] <= '9') {
    if (++k > maxd) return 0;
    val = val * 10 + (t[i] - '0');
    i++;
  }
  if (k == 0) return 0;
  *v = val;
  *nd = k;
  return i;
}

static int dateline_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int dateline_valid(int y, int m, int d) {
  static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (d < 1 || d > mdays[m - 1]) return 0;
  return !(m == 2 && d == 29 && !dateline_leap(y));
}

static const struct dateline_name {
  const char *name;
  int value;
} dateline_months[] = {
    {"janvier", 1},   {"janv", 1},     {"january", 1},  {"jan", 1},
    {"fevrier", 2},   {"fevr", 2},     {"fev", 2},      {"february", 2},
    {"feb", 2},       {"mars", 3},     {"march", 3},    {"mar", 3},
    {"avril", 4},     {"avr", 4},      {"april", 4},    {"apr", 4},
    {"mai", 5},       {"may", 5},      {"juin", 6},     {"june", 6},
    {"jun", 6},       {"juillet", 7},  {"juil", 7},     {"july", 7},
    {"jul", 7},       {"aout", 8},     {"august", 8},   {"aug", 8},
    {"septembre", 9}, {"september", 9}, {"sept", 9},    {"sep", 9},
    {"octobre", 10},  {"october", 10}, {"oct", 10},     {"novembre", 11},
    {"november", 11}, {"nov", 11},     {"decembre", 12}, {"december", 12},
    {"dec", 12},
};

static const char *const dateline_weekdays[] = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun"};

static size_t dateline_month(const char *t, size_t n, size_t i, int *m) {
  for (size_t k = 0; k < sizeof dateline_months / sizeof dateline_months[0]; k++) {
    size_t e = dateline_word(t, n, i, dateline_months[k].name);
    if (e) {
      *m = dateline_months[k].value;
      return (e < n && t[e] == '.') ? e + 1 : e;
    }
  }
  return 0;
}

/* A day number with an optional ordinal suffix (1er 1re 1ᵉʳ 1st 2nd...). */
static size_t dateline_day(const char *t, size_t n, size_t i, int *d) {
  int nd;
  size_t e = dateline_num(t, n, i, 2, d, &nd);
  if (!e) return 0;
  static const char *const suffixes[] = {"er", "re", "st", "nd", "rd", "th"};
  for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
    size_t s = dateline_word(t, n, e, suffixes[k]);
    if (s) return s;
  }
  if (dateline_bytes(t, n, e, "\xE1\xB5\x89\xCA\xB3")) return e + 5;  /* ᵉʳ */
  return dateline_is_letter(dateline_fold(t, n, e, &(size_t){0})) ? 0 : e;
}

static size_t dateline_year(const char *t, size_t n, size_t i, int *y) {
  int nd;
  size_t e = dateline_num(t, n, i, 4, y, &nd);
  if (!e || nd != 4 || *y < DATELINE_YEAR_MIN || *y > DATELINE_YEAR_MAX) return 0;
  return dateline_is_letter(dateline_fold(t, n, e, &(size_t){0})) ? 0 : e;
}

/* One of the date forms at t[i] (no weekday).  Returns the index after
 * it, or 0. */
static size_t dateline_date(const char *t, size_t n, size_t i, dyad_date *out) {
  int a, b, c, nd, nd2;
  size_t e = dateline_num(t, n, i, 4, &a, &nd);
  if (e && e < n && (t[e] == '/' || t[e] == '.' || t[e] == '-')) {
    char sep = t[e];
    size_t e2 = dateline_num(t, n, e + 1, 2, &b, &nd2);
    if (e2 && e2 < n && t[e2] == sep) {
      size_t e3 = dateline_num(t, n, e2 + 1, 4, &c, &nd2);
      if (e3 && nd == 4 && nd2 <= 2 && sep != '.' && a >= DATELINE_YEAR_MIN && a <= DATELINE_YEAR_MAX &&
          dateline_valid(a, b, c)) {
        *out = (dyad_date){a, b, c};
        return e3;
      }
      if (e3 && nd <= 2 && nd2 == 4 && c >= DATELINE_YEAR_MIN && c <= DATELINE_YEAR_MAX &&
          dateline_valid(c, b, a)) {
        *out = (dyad_date){c, b, a};
        return e3;
      }
    }
  }
  int d, m, y;
  /* D MONTH YYYY */
  e = dateline_day(t, n, i, &d);
  if (e) {
    size_t s = dateline_spaces(t, n, e);
    size_t e2 = s > e ? dateline_month(t, n, s, &m) : 0;
    if (e2) {
      size_t s2 = e2 < n && t[e2] == ',' ? e2 + 1 : e2;
      size_t s3 = dateline_spaces(t, n, s2);
      size_t e3 = s3 > s2 ? dateline_year(t, n, s3, &y) : 0;
      if (e3 && dateline_valid(y, m, d)) {
        *out = (dyad_date){y, m, d};
        return e3;
      }
    }
    return 0;
  }
  /* MONTH D[,] YYYY */
  e = dateline_month(t, n, i, &m);
  if (e) {
    size_t s = dateline_spaces(t, n, e);
    size_t e2 = s > e ? dateline_day(t, n, s, &d) : 0;
    if (e2) {
      size_t s2 = e2 < n && t[e2] == ',' ? e2 + 1 : e2;
      size_t s3 = dateline_spaces(t, n, s2);
      size_t e3 = s3 > e2 ? dateline_year(t, n, s3, &y) : 0;
      if (e3 && dateline_valid(y, m, d)) {
        *out = (dyad_date){y, m, d};
        return e3;
      }
    }
  }
  return 0;
}

/* ["le"] [weekday[,]] date at t[i]. */
static size_t dateline_pdate(const char *t, size_t n, size_t i, dyad_date *out) {
  size_t e = dateline_word(t, n, i, "le");
  if (e) {
    size_t s = dateline_spaces(t, n, e);
    if (s == e) return 0;
    i = s;
  }
  for (size_t k = 0; k < sizeof dateline_weekdays / sizeof dateline_weekdays[0]; k++) {
    e = dateline_word(t, n, i, dateline_weekdays[k]);
    if (!e) continue;
    size_t s = e < n && t[e] == ',' ? e + 1 : e;
    s = dateline_spaces(t, n, s);
    if (s > e) {
      size_t r = dateline_date(t, n, s, out);
      if (r) return r;
    }
    break;  /* "Mar 15, 2023": not a weekday after all */
  }
  return dateline_date(t, n, i, out);
}

/* A time at t[i]: H[H] then ':', 'h' or 'H' then a digit or a boundary. */
static int dateline_time(const char *t, size_t n, size_t i) {
  int v, nd;
  size_t e = dateline_num(t, n, i, 2, &v, &nd);
  if (!e || v > 24 || e >= n) return 0;
  return t[e] == ':' || t[e] == 'h' || t[e] == 'H';
}

static int dateline_eol(const char *t, size_t n, size_t i) {
  return i >= n || t[i] == '\n' || t[i] == '\r';
}

/* What may follow a dateline's date (see the file comment). */
static int dateline_term(const char *t, size_t n, size_t i) {
  size_t k = dateline_spaces(t, n, i);
  if (dateline_eol(t, n, k)) return 1;
  if (dateline_dash(t, n, k) > k) return 1;
  if (strchr("|(:/[", t[k]) && t[k] != '\0') return 1;
  if (t[k] == '.' && dateline_eol(t, n, dateline_spaces(t, n, k + 1))) return 1;
  if (t[k] == ',') k = dateline_spaces(t, n, k + 1);
  size_t e = dateline_word(t, n, k, "a");
  if (!e) e = dateline_word(t, n, k, "at");
  if (e) k = dateline_spaces(t, n, e);
  return dateline_time(t, n, k);
}

static const char *const dateline_pub_cues[] = {
    "publie", "publiee", "publication", "paru", "parue", "parution",
    "mis en ligne", "mise en ligne", "poste", "postee", "posted", "published"};

static const char *const dateline_upd_cues[] = {
    "mis a jour", "mise a jour", "maj", "actualise", "actualisee", "modifie",
    "modifiee", "updated"};

/* A cue's date: fillers (spaces : , le on the) then a date. */
static size_t dateline_after_cue(const char *t, size_t n, size_t i, dyad_date *out) {
  for (int round = 0; round < 6; round++) {
    size_t k = dateline_spaces(t, n, i);
    if (k < n && (t[k] == ':' || t[k] == ',')) k++;
    size_t e = dateline_word(t, n, k, "on");
    if (!e) e = dateline_word(t, n, k, "the");
    if (!e) e = dateline_word(t, n, k, "le");
    if (e) k = e;
    if (k == i) break;
    i = k;
  }
  return dateline_pdate(t, n, i, out);
}

/* Pass 2 or 4: a cue at a word start in the window. */
static int dateline_cues(const char *t, size_t n, size_t win, const char *const *cues,
                   size_t ncues, dyad_date *out) {
  size_t i = 0, next, line = 0;
  int prev_letter = 0;
  while (i < win) {
    int c = dateline_fold(t, n, i, &next);
    int letter = dateline_is_letter(c);
    if (c == '\n') line = next;
    if (letter && !prev_letter && i - line <= DATELINE_CUE_COLUMN) {
      for (size_t k = 0; k < ncues; k++) {
        size_t e = dateline_word(t, n, i, cues[k]);
        if (e && dateline_after_cue(t, n, e, out)) return 1;
      }
    }
    prev_letter = letter;
    i = next;
  }
  return 0;
}

/* PLACE "," at t[i]: the index after the comma, or 0. */
static size_t dateline_place(const char *t, size_t n, size_t i) {
  size_t start = i, next;
  unsigned char c0 = (unsigned char)(i < n ? t[i] : 0);
  if (!((c0 >= 'A' && c0 <= 'Z') || c0 >= 0x80)) return 0;
  int words = 0, in_word = 0;
  while (i < n && i - start <= 60) {
    if (t[i] == ',') return (words > 0 && words <= 6) ? i + 1 : 0;
    size_t k = dateline_space(t, n, i);
    if (k > i) { in_word = 0; i = k; continue; }
    k = dateline_apos(t, n, i);
    if (k == i) k = dateline_dash(t, n, i);
    if (k == i && (t[i] == '(' || t[i] == ')')) k = i + 1;
    if (k > i) { i = k; continue; }
    if (!dateline_is_letter(dateline_fold(t, n, i, &next))) return 0;
    if (!in_word) words++;
    in_word = 1;
    i = next;
  }
  return 0;
}

/* Pass 3: datelines at line starts in the window. */
static int dateline_lines(const char *t, size_t n, size_t win, dyad_date *out) {
  size_t ls = 0;
  while (ls < win && ls < n) {
    size_t k = dateline_spaces(t, n, ls);
    size_t e = dateline_pdate(t, n, k, out);
    if (e && dateline_term(t, n, e)) return 1;
    size_t p = dateline_place(t, n, k);
    if (p) {
      size_t s = dateline_spaces(t, n, p);
      e = dateline_pdate(t, n, s, out);
      if (e && dateline_term(t, n, e)) return 1;
    }
    const char *nl = memchr(t + ls, '\n', n - ls);
    if (!nl) break;
    ls = (size_t)(nl - t) + 1;
  }
  return 0;
}

/* YYYY[-MM[-DD]] at t[i], with an optional time after a full date.
 * Returns the index after it, or 0. */
static size_t dateline_iso(const char *t, size_t n, size_t i, dyad_date *out) {
  int y, m = 0, d = 0, nd, v;
  size_t e = dateline_num(t, n, i, 4, &y, &nd);
  if (!e || nd != 4 || y < 1000) return 0;
  if (e < n && t[e] == '-') {
    size_t e2 = dateline_num(t, n, e + 1, 2, &m, &nd);
    if (!e2 || nd != 2 || m < 1 || m > 12) return 0;
    e = e2;
    if (e < n && t[e] == '-') {
      e2 = dateline_num(t, n, e + 1, 2, &d, &nd);
      if (!e2 || nd != 2 || !dateline_valid(y, m, d)) return 0;
      e = e2;
    }
  }
  *out = (dyad_date){y, m, d};
  if (!d || e >= n || (t[e] != 'T' && t[e] != ' ')) return e;
  /* time: HH:MM[:SS[.fff]][Z|+HH[[:]MM]|-HH[[:]MM]] */
  int strict = t[e] == 'T';
  size_t k = dateline_num(t, n, e + 1, 2, &v, &nd);
  if (!k || nd != 2 || v > 24 || k >= n || t[k] != ':') return strict ? 0 : e;
  k = dateline_num(t, n, k + 1, 2, &v, &nd);
  if (!k || nd != 2 || v > 59) return strict ? 0 : e;
  if (k < n && t[k] == ':') {
    k = dateline_num(t, n, k + 1, 2, &v, &nd);
    if (!k || nd != 2 || v > 60) return strict ? 0 : e;
    if (k < n && (t[k] == '.' || t[k] == ',')) {
      size_t f = k + 1;
      while (f < n && t[f] >= '0' && t[f] <= '9') f++;
      if (f == k + 1) return strict ? 0 : e;
      k = f;
    }
  }
  if (k < n && t[k] == 'Z') return k + 1;
  if (k < n && (t[k] == '+' || t[k] == '-')) {
    size_t z = dateline_num(t, n, k + 1, 4, &v, &nd);
    if (z && nd == 2 && z < n && t[z] == ':') {
      int mm;
      z = dateline_num(t, n, z + 1, 2, &mm, &nd);
      if (!z || nd != 2) return strict ? 0 : e;
      return z;
    }
    if (z && (nd == 2 || nd == 4)) return z;
    return strict ? 0 : e;
  }
  return k;
}

/* Pass 1: the " date 2023-08" header. */
static int dateline_header(const char *t, size_t n, dyad_date *out, size_t *consumed) {
  size_t i = dateline_bytes(t, n, 0, "\xEF\xBB\xBF") ? 3 : 0;
  i = dateline_spaces(t, n, i);
  size_t e = dateline_word(t, n, i, "date");
  if (!e) return 0;
  size_t k = dateline_spaces(t, n, e);
  if (k < n && t[k] == ':') k = dateline_spaces(t, n, k + 1);
  if (k == e) return 0;
  e = dateline_iso(t, n, k, out);
  if (!e) return 0;
  size_t s = dateline_space(t, n, e);
  if (s == e && !dateline_eol(t, n, e)) return 0;
  for (;;) {  /* the white space after it, line ends included */
    s = dateline_spaces(t, n, e);
    if (s < n && (t[s] == '\n' || t[s] == '\r')) s++;
    if (s == e) break;
    e = s;
  }
  *consumed = e;
  return 1;
}

int dateline_find(const char *text, size_t len, dyad_date *out, size_t *consumed_header) {
  size_t consumed = 0;
  dyad_date d = {0, 0, 0};
  size_t win = len < DATELINE_WINDOW ? len : DATELINE_WINDOW;
  int found = dateline_header(text, len, &d, &consumed);
  if (!found) {
    consumed = 0;
    found = dateline_cues(text, len, win, dateline_pub_cues, sizeof dateline_pub_cues / sizeof *dateline_pub_cues, &d) ||
            dateline_lines(text, len, win, &d) ||
            dateline_cues(text, len, win, dateline_upd_cues, sizeof dateline_upd_cues / sizeof *dateline_upd_cues, &d);
  }
  if (!found) d = (dyad_date){0, 0, 0};
  *out = d;
  if (consumed_header) *consumed_header = consumed;
  return found;
}

int dateline_parse_date(const char *s, size_t n, dyad_date *out) {
  dyad_date d = {0, 0, 0};
  size_t i = dateline_spaces(s, n, 0);
  while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
    n--;
  size_t e = dateline_iso(s, n, i, &d);
  if (e && dateline_spaces(s, n, e) == n) { *out = d; return 1; }
  e = dateline_pdate(s, n, i, &d);
  if (e && dateline_term(s, n, e)) { *out = d; return 1; }
  if (e) {  /* RFC 2822: "Tue, 15 Aug 2023 10:00:00 +0000" */
    size_t k = dateline_spaces(s, n, e);
    if (k > e && dateline_time(s, n, k)) { *out = d; return 1; }
  }
  *out = (dyad_date){0, 0, 0};
  return 0;
}
