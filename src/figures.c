/* figures.c: figures stated in a sentence (trade volumes, tourist counts,
 * aid amounts...) and the numbers they are written with.
 *
 * Exports figures_number and figures_find (see figures.h).  The text is
 * normalised (see normalise.h: plain spaces, "'" apostrophes, '-' dashes).
 * Words are matched folding ASCII case and the accents of Latin-1 letters
 * ("Échanges", "echanges" and "échanges" are one word); any other non-ASCII
 * letter is a letter that matches nothing.  Every scan moves forward and
 * every look-around is bounded (FIGURES_BACK, FIGURES_AHEAD bytes), so
 * figures_find is linear in n; it reads no byte outside text[0..n) and
 * allocates nothing.
 *
 * Number forms (figures_number; D a digit):
 *   digits     "40", "2023"; at most 15 integer digits (more: no number).
 *   groups     thousands by '.' ("150.000", "1.500.000"), by one space
 *              ("150 000", "1 500 000", "2 000"), or by ',' ("1,500,000",
 *              and "150,000" when no scale word follows); a group is exactly
 *              three digits after a first group of one to three.
 *   decimals   ',' (French "1,5", "12,5", "1 500,25") or '.' ("1.5",
 *              "3.25") followed by digits that are not a group of three;
 *              ",DDD" before a scale word is a decimal ("1,250 milliard").
 *   words      French un une deux trois quatre cinq six sept huit neuf dix
 *              onze douze treize quatorze quinze seize vingt(s) trente
 *              quarante cinquante soixante cent(s) mille, joined by spaces
 *              or '-', "et" before un/une/onze ("vingt et un",
 *              "quatre-vingt-dix", "deux cent mille", "trois cents");
 *              English one... ten, twenty... ninety, hundred, thousand;
 *              "demi" alone or after un/une ("demi-milliard", "un demi
 *              million") is 0.5 and needs a scale word after it.
 *   scales     after the number, with or without one space: million(s)
 *              10^6, milliard(s) 10^9, mille and thousand 10^3 (then
 *              optionally million(s)/milliard(s): "mille milliards"), and
 *              the abbreviations Md Mds Mrd Mrds mds (10^9), bn (10^9),
 *              M (10^6, not before a letter or '.'), k K (10^3, same).
 *              billion(s): 10^12 when "de"/"d'" follows (French: "2
 *              billions de francs"), else 10^9 (English: "1.5 billion",
 *              "USD 2 billion").  "et demi" after a scale adds half of it
 *              ("1 milliard et demi").
 *   bare       "million" or "milliard" alone (singular) is 10^6 or 10^9
 *              (figures_find takes it only after le, du, au: "le
 *              milliard", "du million").  Plurals alone ("des milliards")
 *              are no number.
 *
 * Figures (figures_find): a number (as above, not inside a longer token
 * such as "12.06.2023", "2023-2025", "10h30", "1er", "30e", "M23",
 * "COVID-19", not after "n°", "#", "no", "numéro") with a unit:
 *   - a currency before it: "$" "€" "£" "US$" "USD" "EUR" "GBP" "CHF"
 *     "CNY" "RUB" "KZT" "VND" "JPY" "XOF" "XAF" "FCFA" ("USD 10 million",
 *     "$1.5 billion", "€ 40 millions");
 *   - or after it, after optional "de"/"d'": a currency word or symbol
 *     (dollars [américains|US|des États-Unis] USD, dollars canadiens CAD,
 *     australiens AUD, singapouriens SGD; euros EUR; francs CFA, FCFA,
 *     F CFA, XOF, and plain "francs", XOF; XAF only when written XAF, as
 *     the name does not tell West from Central African francs; francs
 *     suisses CHF, guinéens GNF, congolais CDF, rwandais RWF; roubles RUB;
 *     tenge KZT; dong VND; yuans, renminbi CNY; dirhams MAD, dirhams
 *     émiratis AED; dinars algériens DZD, tunisiens TND; livres sterling,
 *     "£" GBP; yens JPY; wons KRW; roupies INR; nairas NGN; cedis GHS;
 *     rands ZAR; riyals SAR; livres/lires turques TRY; bahts THB; ringgits
 *     MYR; rupiahs IDR; kips LAK; riels KHR; the ISO codes), or a count
 *     noun: touristes/visiteurs (unit "persons", indicator tourists),
 *     étudiants (persons, students), vols (unit and indicator flights,
 *     only with a rate: "20 vols par semaine", "14 vols hebdomadaires"),
 *     tonnes (unit tonnes), and English tourists visitors students flights
 *     tons;
 *   - or no unit but a scale of 10^6 or more ("à 348 milliards", "le
 *     milliard"), not followed by "de"/"d'" and a word other than "ici":
 *     the unit of the sentence's previous money figure, if any.
 * A rate after the unit belongs to the figure's phrase: par an, par mois,
 * par semaine, par jour, chaque année, annuellement, hebdomadaires, per
 * year, a year, "/an"...
 * Not figures: percentages ("12,5 %", "36%", "33 pour cent", "per cent",
 * "‰", "points"),
 * numbers inside a date expression found by dates_find, numbers with no
 * unit ("13 accords", "72 heures", "35 diplomates", "le 18 août"), numbers
 * in words below 100 with no scale ("deux vols", "trois touristes"), and
 * conversions: a money figure within FIGURES_CONV bytes after the previous
 * one, opened by "(", "soit" or "équivalent", with no ')' '.' ';' between
 * ("256 milliards de francs CFA (soit 432 millions de dollars)").
 *
 * Indicator: tourists, students or flights from the count noun; else a
 * keyword right after the figure, maybe after one of de d' des du en au
 * of in for ("300 millions de dollars d'investissements"); else the last
 * keyword before it in the text; else the first one after it within
 * FIGURES_AHEAD bytes and before ',' ';' '.' '('.  Keywords: trade
 * (échange*, commerc*, trade), exports (export*), imports (import*),
 * investment (invest*, IDE, FDI), aid (aide(s), aid, don(s), subvention*,
 * financement*, prêt(s), loan*, grant*, assistance, octroy*, décaiss*,
 * débloqu*), tourists (touris*, visiteur*, visitor*), students
 * (étudiant*, student*), flights (vols, flights).  With no keyword in the
 * text the indicator is "": the caller may take it from the sentences
 * before ("Ce chiffre a atteint 600 millions de dollars") or drop the
 * figure.

 * Kind: "target" when the clause before the figure (back to the previous
 * figure, the last ';' or ", ", at most FIGURES_BACK bytes) has a cue of
 * aim or forecast (objectif, ambition, viser/vise/visent/visant, cible,
 * porter/portera, devrait/devraient, pourrait/pourraient,
 * atteindra/atteindront, dépassera/dépasseront, s'élèvera/s'élèveront,
 * passera/passeront, prévoit/prévoient/prévision*, escompt*,
 * espère/espèrent, souhait*, d'ici, horizon, target, aim(s), goal,
 * expected, forecast, projected, will, should); when "d'ici" or
 * "horizon" follows it in its clause (up to ',' ';' '.' '(', the next
 * figure or FIGURES_AHEAD bytes); or when its period starts after the
 * month (or year) of publication.  Else "average" when "moyenne", "moyen"
 * or "average" is in those windows ("en moyenne 40 millions de dollars
 * par an"); else "actual".

 * Period: among the expressions dates_find reports in the text (the first
 * FIGURES_DATES), those of a month or more or of kind DATE_PERIOD: the
 * first one after the figure and before the next figure ("256 milliards...
 * en 2013"), else the nearest one before it ("En 2024, environ 150.000
 * touristes"); dates after the next figure are that figure's.  None gives
 * first > last (1 > 0).
 */
#include "figures.h"
#include "dates.h"
#include "err.h"
#include "utf8.h"
#include <math.h>
#include <string.h>

#define FIGURES_END (-1)
#define FIGURES_LETTER 256   /* a letter outside a-z */
#define FIGURES_OTHER 257    /* another non-ASCII character, or an invalid byte */

#define FIGURES_MAX_DIGITS 15  /* integer digits read at most */
#define FIGURES_MAX_WORDS 12   /* number words read at most */
#define FIGURES_BACK 200       /* bytes of clause read before a figure */
#define FIGURES_AHEAD 80       /* bytes read after a figure */
#define FIGURES_CONV 48        /* the widest gap before a conversion */
#define FIGURES_DATES 64       /* date expressions considered */
#define FIGURES_MIN_PERIOD 28  /* days: shorter dates are no period */
#define FIGURES_WORD_MAX UTF8_WORD_MAX  /* bytes of a folded word read whole, NUL included */

/* ---- characters --------------------------------------------------- */

/* The folded character at s[i] (i < n): ASCII lower-cased, Latin-1
 * letters to their base letter, other letters FIGURES_LETTER, anything
 * else FIGURES_OTHER; *len gets its byte length (1 for an invalid byte). */
static int figures_char(const char *str, size_t n, size_t i, size_t *len) {
  const unsigned char *s = (const unsigned char *)str;
  unsigned c = s[i];
  *len = 1;
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? (int)(c + 32) : (int)c;
  size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (l == 0 || i + l > n) return FIGURES_OTHER;
  for (size_t k = 1; k < l; k++)
    if ((s[i + k] & 0xC0) != 0x80) return FIGURES_OTHER;
  *len = l;
  if (c == 0xC3) {
    unsigned u = 0xC0 + (s[i + 1] & 0x3F);   /* U+00C0-U+00FF */
    if (u >= 0xE0) u -= 0x20;
    if (u <= 0xC5) return 'a';
    if (u == 0xC7) return 'c';
    if (u >= 0xC8 && u <= 0xCB) return 'e';
    if (u >= 0xCC && u <= 0xCF) return 'i';
    if (u == 0xD1) return 'n';
    if (u >= 0xD2 && u <= 0xD6) return 'o';
    if (u == 0xD7) return FIGURES_OTHER;      /* × and ÷ */
    if (u >= 0xD9 && u <= 0xDC) return 'u';
    if (u == 0xDD) return 'y';
    return FIGURES_LETTER;
  }
  if (c == 0xC2) return FIGURES_OTHER;        /* Latin-1 symbols: £ ¥ ° */
  if (c == 0xE2) return FIGURES_OTHER;        /* punctuation, €, arrows */
  return FIGURES_LETTER;
}

static int figures_is_alnum(int ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == FIGURES_LETTER;
}

static int figures_is_digit(const char *s, size_t n, size_t i) {
  return i < n && s[i] >= '0' && s[i] <= '9';
}

/* The folded character at s[i], FIGURES_END at or past n. */
static int figures_at(const char *s, size_t n, size_t i) {
  size_t l;
  return i < n ? figures_char(s, n, i, &l) : FIGURES_END;
}

/* 1 if a letter or digit ends at s[i] (i > 0). */
static int figures_alnum_before(const char *s, size_t n, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1, l;
  while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
  int ch = figures_char(s, n, j, &l);
  if (j + l != i) return 0;
  return figures_is_alnum(ch);
}

/* 1 if s[i] starts the byte-exact literal lit. */
static int figures_lit(const char *s, size_t n, size_t i, const char *lit) {
  size_t l = strlen(lit);
  return i <= n && l <= n - i && memcmp(s + i, lit, l) == 0;
}

/* Copy src into dst of size cap, cut and NUL-terminated. */
static void figures_copy(char *dst, size_t cap, const char *src) {
  size_t l = strlen(src);
  if (l >= cap) l = cap - 1;
  memcpy(dst, src, l);
  dst[l] = 0;
}

static size_t figures_spaces(const char *s, size_t n, size_t i) {
  while (i < n && s[i] == ' ') i++;
  return i;
}

/* Length of the text at s[i..n) that matches pat, or 0.  pat is lower
 * case ASCII: a letter matches its folded letter, ' ' one or more spaces,
 * a final '*' the rest of the word; without '*' the match must end where
 * the word ends. */
static size_t figures_match(const char *s, size_t n, size_t i, const char *pat) {
  size_t j = i, l;
  for (const char *p = pat; *p; p++) {
    if (*p == '*') {
      while (j < n && figures_is_alnum(figures_char(s, n, j, &l))) j += l;
      return j - i;
    }
    if (*p == ' ') {
      if (j >= n || s[j] != ' ') return 0;
      j = figures_spaces(s, n, j);
      continue;
    }
    if (j >= n) return 0;
    int ch = figures_char(s, n, j, &l);
    if (ch != (unsigned char)*p) return 0;
    j += l;
  }
  if (j > i && figures_is_alnum(figures_at(s, n, j)) && figures_alnum_before(s, n, j)) return 0;
  return j - i;
}

/* 0 if pattern pat cannot match where the folded character (figures_at)
 * is c: its first character is another letter.  A cheap test before
 * figures_match, for the loops that try many patterns at one place. */
static int figures_may_match(const char *pat, int c) {
  return pat[0] == ' ' || pat[0] == '*' || (unsigned char)pat[0] == c;
}

/* 0 if the byte-exact literal lit cannot start at s[i]. */
static int figures_may_lit(const char *s, size_t n, size_t i, const char *lit) {
  return i < n && s[i] == lit[0];
}

/* The index in pats of the first pattern matching at s[i], -1 if none;
 * *len gets the match length. */
static int figures_match_any(const char *s, size_t n, size_t i, const char *const *pats,
                             size_t npats, size_t *len) {
  int c = figures_at(s, n, i);
  for (size_t k = 0; k < npats; k++) {
    if (!figures_may_match(pats[k], c)) continue;
    size_t l = figures_match(s, n, i, pats[k]);
    if (l) { *len = l; return (int)k; }
  }
  return -1;
}

/* 1 if one of pats matches at a word start of s[a..b). */
static int figures_cue(const char *s, size_t b, size_t a, const char *const *pats, size_t npats) {
  size_t i = a, l;
  int prev = a > 0 && figures_alnum_before(s, b, a);
  while (i < b) {
    int ch = figures_char(s, b, i, &l);
    int al = figures_is_alnum(ch);
    if (al && !prev && figures_match_any(s, b, i, pats, npats, &l) >= 0) return 1;
    prev = al;
    i += l;
  }
  return 0;
}

/* ---- numbers ------------------------------------------------------ */

typedef struct figures_num {
  double value;   /* the number */
  size_t len;     /* bytes read, 0 if none */
  double scale;   /* the largest scale word read (1e3, 1e6...), 0 if none */
  int words;      /* written in words */
  int bare;       /* a scale word alone: "milliard" */
} figures_num;

/* Scale word or abbreviation at s[i]: its multiplier in *mult, the
 * length read (0 if none).  The billion case looks at what follows. */
static size_t figures_scale(const char *s, size_t n, size_t i, double *mult) {
  static const struct { const char *pat; double mult; } words[] = {
    {"milliards", 1e9}, {"milliard", 1e9}, {"millions", 1e6}, {"million", 1e6},
    {"mille", 1e3}, {"thousand", 1e3}, {"billions", 0}, {"billion", 0},
  };
  static const struct { const char *lit; double mult; } abbr[] = {
    {"Mrds", 1e9}, {"Mrd", 1e9}, {"Mds", 1e9}, {"mds", 1e9}, {"Md", 1e9},
    {"bn", 1e9}, {"M", 1e6}, {"k", 1e3}, {"K", 1e3},
  };
  int c = figures_at(s, n, i);
  for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
    if (!figures_may_match(words[k].pat, c)) continue;
    size_t l = figures_match(s, n, i, words[k].pat);
    if (!l) continue;
    *mult = words[k].mult;
    if (*mult == 0) {   /* billion: French 10^12 before "de", else English */
      size_t j = figures_spaces(s, n, i + l);
      *mult = (figures_match(s, n, j, "de") || figures_match(s, n, j, "d'*")) ? 1e12 : 1e9;
    }
    return l;
  }
  for (size_t k = 0; k < sizeof abbr / sizeof *abbr; k++) {
    if (!figures_may_lit(s, n, i, abbr[k].lit) || !figures_lit(s, n, i, abbr[k].lit)) continue;
    size_t l = strlen(abbr[k].lit);
    int next = figures_at(s, n, i + l);
    if (figures_is_alnum(next)) continue;
    if (l == 1 && next == '.') continue;   /* "10 M. Dupont" */
    *mult = abbr[k].mult;
    return l;
  }
  return 0;
}

/* Digits at s[i] (a digit): groups and decimals as listed above. */
static size_t figures_digits(const char *s, size_t n, size_t i, double *value) {
  size_t j = i;
  double v = 0;
  int ndig = 0;
  while (figures_is_digit(s, n, j)) {
    if (++ndig > FIGURES_MAX_DIGITS) return 0;
    v = v * 10 + (s[j] - '0');
    j++;
  }
  char sep = 0;   /* the thousands separator, once seen */
  if (ndig <= 3) {
    for (;;) {
      char c = j < n ? s[j] : 0;
      if (c != ' ' && c != '.' && c != ',') break;
      if (sep && c != sep) break;
      if (!(figures_is_digit(s, n, j + 1) && figures_is_digit(s, n, j + 2) &&
            figures_is_digit(s, n, j + 3) && !figures_is_digit(s, n, j + 4)))
        break;
      if (c == ',' && !sep) {
        /* ",DDD": thousands if another ",DDD" follows or no scale word;
         * a decimal before a scale word ("1,250 milliard") */
        int more = j + 4 < n && s[j + 4] == ',' && figures_is_digit(s, n, j + 5);
        double m;
        if (!more && figures_scale(s, n, figures_spaces(s, n, j + 4), &m)) break;
      }
      if (ndig + 3 > FIGURES_MAX_DIGITS) return 0;
      ndig += 3;
      sep = c;
      for (int k = 1; k <= 3; k++) v = v * 10 + (s[j + k] - '0');
      j += 4;
    }
  }
  if (j < n && (s[j] == ',' || s[j] == '.') && s[j] != sep && figures_is_digit(s, n, j + 1)) {
    double f = 0.1;
    j++;
    for (int k = 0; figures_is_digit(s, n, j); k++, j++) {
      if (k < FIGURES_MAX_DIGITS) v += (s[j] - '0') * f;
      f /= 10;
    }
  }
  *value = v;
  return j - i;
}

/* The word at s[i] folded (figures_char) into w, NUL-padded to
 * FIGURES_WORD_MAX bytes, when it is made of the letters a-z only and
 * shorter than that: returns its length in bytes (0 if not).
 * figures_match(s, n, i, pat) of a pattern of letters is then the same as
 * strcmp(w, pat) == 0. */
static size_t figures_word(const char *s, size_t n, size_t i, char w[FIGURES_WORD_MAX]) {
  size_t j = i, k = 0, l = 1;
  memset(w, 0, FIGURES_WORD_MAX);
  while (j < n) {
    unsigned char b = (unsigned char)s[j];
    int ch = b < 0x80 ? (b >= 'A' && b <= 'Z' ? b + 32 : b) : figures_char(s, n, j, &l);
    if (b < 0x80) l = 1;
    if (!figures_is_alnum(ch)) break;
    if (ch < 'a' || ch > 'z' || k + 1 >= FIGURES_WORD_MAX) return 0;
    w[k++] = (char)ch;
    j += l;
  }
  return j - i;
}

/* The number words, in strcmp order (utf8_word_find). */
static const struct {
  char pat[FIGURES_WORD_MAX];
  int v;
} figures_numwords[] = {
  {"cent", 100}, {"cents", 100}, {"cinq", 5}, {"cinquante", 50}, {"deux", 2}, {"dix", 10},
  {"douze", 12}, {"eight", 8}, {"eighty", 80}, {"fifty", 50}, {"five", 5}, {"forty", 40},
  {"four", 4}, {"huit", 8}, {"hundred", 100}, {"mille", 1000}, {"neuf", 9}, {"nine", 9},
  {"ninety", 90}, {"one", 1}, {"onze", 11}, {"quarante", 40}, {"quatorze", 14}, {"quatre", 4},
  {"quinze", 15}, {"seize", 16}, {"sept", 7}, {"seven", 7}, {"seventy", 70}, {"six", 6},
  {"sixty", 60}, {"soixante", 60}, {"ten", 10}, {"thirty", 30}, {"thousand", 1000},
  {"three", 3}, {"treize", 13}, {"trente", 30}, {"trois", 3}, {"twenty", 20}, {"two", 2},
  {"un", 1}, {"une", 1}, {"vingt", 20}, {"vingts", 20},
};
#define FIGURES_NUMWORDS (sizeof figures_numwords / sizeof figures_numwords[0])

struct figures_index {
  utf8_word_index *numwords;   /* owned: over figures_numwords */
};

figures_index *figures_index_new(void) {
  figures_index *ix = xcalloc(1, sizeof *ix);
  ix->numwords = utf8_word_index_new(figures_numwords, FIGURES_NUMWORDS, sizeof figures_numwords[0]);
  return ix;
}

void figures_index_free(figures_index *ix) {
  if (!ix) return;
  utf8_word_index_free(ix->numwords);
  free(ix);
}

/* The number word w (NUL-padded), -1 if none: looked up in ix, or
 * searched without. */
static int figures_numword(const figures_index *ix, const char *w) {
  return ix ? utf8_word_index_find(ix->numwords, w)
            : utf8_word_find(figures_numwords, FIGURES_NUMWORDS, sizeof figures_numwords[0], w);
}

/* Number words at s[i], whose first word (figures_word) w of wl bytes
 * was read already: the value in *value, *half when it is "demi",
 * *thousands when "mille"/"thousand" was read; returns the length read. */
static size_t figures_words(const figures_index *ix, const char *s, size_t n, size_t i, const char *w,
                            size_t wl, double *value, int *half, int *thousands) {
  char next[FIGURES_WORD_MAX];
  double total = 0, cur = 0;
  int last = 0, nwords = 0, only_un = 0;
  size_t j = i, end = i;
  *half = 0;
  *thousands = 0;
  while (nwords < FIGURES_MAX_WORDS) {
    size_t l = wl;
    if (nwords) {
      l = figures_word(s, n, j, next);
      w = next;
    }
    if (!l) break;
    if (!memcmp(w, "demi", 5) && (nwords == 0 || (nwords == 1 && only_un))) {
      *half = 1;
      *value = 0.5;
      return j + l - i;
    }
    int x = figures_numword(ix, w);
    if (x < 0) break;
    int v = figures_numwords[x].v;
    only_un = nwords == 0 && v == 1;
    if (v == 100) cur = (cur == 0 ? 1 : cur) * 100;
    else if (v == 1000) { total += (cur == 0 ? 1 : cur) * 1000; cur = 0; *thousands = 1; }
    else if (v == 20 && last == 4) cur += 76;   /* quatre-vingt(s) */
    else cur += v;
    last = v;
    nwords++;
    end = j + l;
    /* the separator: a space or '-', or " et " before un/une/onze */
    size_t k = end;
    if (k < n && (s[k] == ' ' || s[k] == '-')) k++;
    else break;
    size_t e = figures_match(s, n, k, "et ");
    if (e && (figures_match(s, n, k + e, "un") || figures_match(s, n, k + e, "une") ||
              figures_match(s, n, k + e, "onze")))
      k += e;
    j = k;
  }
  *value = total + cur;
  return end - i;
}

/* "et demi" after a scale: "1 milliard et demi". */
static void figures_half(const char *s, size_t n, size_t i, figures_num *num) {
  if (num->scale < 1e6) return;
  size_t k = i + num->len;
  size_t e = k < n && s[k] == ' ' ? figures_match(s, n, k + 1, "et demi") : 0;
  if (e && num->value == floor(num->value / num->scale) * num->scale) {
    num->value += num->scale / 2;
    num->len += 1 + e;
  }
}

/* A number at s[i] with its scale: see the forms in the file comment
 * (number words looked up in ix, NULL: searched). */
static void figures_parse(const figures_index *ix, const char *s, size_t n, size_t i, figures_num *num) {
  memset(num, 0, sizeof *num);
  size_t j;
  int half = 0, thousands = 0;
  if (figures_is_digit(s, n, i)) {
    size_t l = figures_digits(s, n, i, &num->value);
    if (!l) return;
    j = i + l;
  } else {
    char w[FIGURES_WORD_MAX];
    size_t wl = figures_word(s, n, i, w);
    size_t l = wl ? figures_words(ix, s, n, i, w, wl, &num->value, &half, &thousands) : 0;
    if (l) {
      num->words = 1;
      if (thousands) num->scale = 1e3;
      j = i + l;
    } else {   /* "million", "milliard" alone */
      l = wl && !memcmp(w, "milliard", 9) ? wl : 0;
      num->scale = 1e9;
      if (!l) {
        l = wl && !memcmp(w, "million", 8) ? wl : 0;
        num->scale = 1e6;
      }
      if (!l) {
        num->scale = 0;
        return;
      }
      num->bare = 1;
      num->value = num->scale;
      num->len = l;
      figures_half(s, n, i, num);
      return;
    }
  }
  /* the scale: one space at most, or '-' after words ("demi-milliard") */
  {
    size_t k = j;
    if (k < n && (s[k] == ' ' || (num->words && s[k] == '-'))) k++;
    double m = 0;
    size_t l = figures_scale(s, n, k, &m);
    /* "mille" after words was read as a number word already */
    if (l && !(num->words && m == 1e3)) {
      num->value *= m;
      if (m > num->scale) num->scale = m;
      j = k + l;
      if (m == 1e3) {   /* "mille milliards" */
        k = j < n && s[j] == ' ' ? j + 1 : j;
        l = figures_scale(s, n, k, &m);
        if (l && m >= 1e6) {
          num->value *= m;
          num->scale = m;
          j = k + l;
        }
      }
    } else if (half) {
      return;   /* "demi" needs a scale */
    }
  }
  num->len = j - i;
  figures_half(s, n, i, num);
}

size_t figures_number(const char *s, size_t n, double *value) {
  figures_num num;
  *value = 0;
  if (!s || n == 0) return 0;
  figures_parse(NULL, s, n, 0, &num);
  if (num.len) *value = num.value;
  return num.len;
}

/* ---- units -------------------------------------------------------- */

typedef struct figures_unit {
  const char *pat;        /* figures_match pattern */
  const char *unit;
  const char *indicator;  /* implied by a count noun, or NULL */
} figures_unit;

static const figures_unit figures_units[] = {
  {"dollars americains", "USD", NULL}, {"dollars us", "USD", NULL},
  {"dollars des etats-unis", "USD", NULL}, {"dollars canadiens", "CAD", NULL},
  {"dollars australiens", "AUD", NULL}, {"dollars singapouriens", "SGD", NULL},
  {"dollars de singapour", "SGD", NULL}, {"dollars", "USD", NULL},
  {"dollar", "USD", NULL}, {"us dollars", "USD", NULL}, {"usd", "USD", NULL},
  {"euros", "EUR", NULL}, {"euro", "EUR", NULL}, {"eur", "EUR", NULL},
  {"francs cfa", "XOF", NULL}, {"franc cfa", "XOF", NULL}, {"fcfa", "XOF", NULL},
  {"f cfa", "XOF", NULL}, {"xof", "XOF", NULL}, {"xaf", "XAF", NULL},
  {"francs suisses", "CHF", NULL}, {"chf", "CHF", NULL},
  {"francs guineens", "GNF", NULL}, {"francs congolais", "CDF", NULL},
  {"francs rwandais", "RWF", NULL}, {"francs", "XOF", NULL},
  {"roubles", "RUB", NULL}, {"rouble", "RUB", NULL}, {"rub", "RUB", NULL},
  {"tenges", "KZT", NULL}, {"tenge", "KZT", NULL}, {"kzt", "KZT", NULL},
  {"dongs", "VND", NULL}, {"dong", "VND", NULL}, {"vnd", "VND", NULL},
  {"yuans", "CNY", NULL}, {"yuan", "CNY", NULL}, {"renminbi", "CNY", NULL},
  {"rmb", "CNY", NULL}, {"cny", "CNY", NULL},
  {"dirhams emiratis", "AED", NULL}, {"dirhams", "MAD", NULL}, {"dirham", "MAD", NULL},
  {"dinars algeriens", "DZD", NULL}, {"dinars tunisiens", "TND", NULL},
  {"livres sterling", "GBP", NULL}, {"gbp", "GBP", NULL},
  {"yens", "JPY", NULL}, {"yen", "JPY", NULL}, {"jpy", "JPY", NULL},
  {"wons", "KRW", NULL}, {"roupies", "INR", NULL}, {"nairas", "NGN", NULL},
  {"naira", "NGN", NULL}, {"cedis", "GHS", NULL}, {"rands", "ZAR", NULL},
  {"riyals", "SAR", NULL}, {"livres turques", "TRY", NULL},
  {"lires turques", "TRY", NULL}, {"bahts", "THB", NULL}, {"baht", "THB", NULL},
  {"ringgits", "MYR", NULL}, {"ringgit", "MYR", NULL}, {"rupiahs", "IDR", NULL},
  {"kips", "LAK", NULL}, {"riels", "KHR", NULL},
  {"touristes", "persons", "tourists"}, {"touriste", "persons", "tourists"},
  {"visiteurs", "persons", "tourists"}, {"tourists", "persons", "tourists"},
  {"visitors", "persons", "tourists"}, {"etudiants", "persons", "students"},
  {"etudiantes", "persons", "students"}, {"students", "persons", "students"},
  {"vols", "flights", "flights"}, {"flights", "flights", "flights"},
  {"tonnes", "tonnes", NULL}, {"tons", "tonnes", NULL},
};

/* Currency symbols and codes, byte-exact, before or after the number
 * (none starts with a lower-case letter: figures_symbol passes words
 * that do at once). */
static const struct { const char *lit; const char *unit; } figures_symbols[] = {
  {"US$", "USD"}, {"USD", "USD"}, {"$", "USD"}, {"\xE2\x82\xAC", "EUR"},
  {"EUR", "EUR"}, {"\xC2\xA3", "GBP"}, {"GBP", "GBP"}, {"CHF", "CHF"},
  {"CNY", "CNY"}, {"RUB", "RUB"}, {"KZT", "KZT"}, {"VND", "VND"}, {"JPY", "JPY"},
  {"XOF", "XOF"}, {"XAF", "XAF"}, {"FCFA", "XOF"},
};

static const char *const figures_rates[] = {
  "par an", "par annee", "par mois", "par semaine", "par jour", "chaque annee",
  "annuellement", "hebdomadaires", "per year", "a year", "per week", "a week",
  "per month", "a month", "/an", "/mois", "/semaine", "/jour",
};

/* A currency symbol or code at s[i] (byte-exact, not inside a word):
 * its length, the code in *unit. */
static size_t figures_symbol(const char *s, size_t n, size_t i, const char **unit) {
  if (i < n && s[i] >= 'a' && s[i] <= 'z') return 0;
  for (size_t k = 0; k < sizeof figures_symbols / sizeof *figures_symbols; k++) {
    const char *lit = figures_symbols[k].lit;
    if (!figures_may_lit(s, n, i, lit) || !figures_lit(s, n, i, lit)) continue;
    size_t l = strlen(lit);
    if ((lit[0] >= 'A' && lit[0] <= 'Z') && figures_is_alnum(figures_at(s, n, i + l))) continue;
    *unit = figures_symbols[k].unit;
    return l;
  }
  return 0;
}

/* The unit after a number ending at s[i]: after spaces and an optional
 * "de"/"d'", a currency or count noun.  Returns the end of the unit
 * phrase (0 if none); *u gets its table entry (NULL for a symbol, whose
 * code goes in *code). */
static size_t figures_unit_after(const char *s, size_t n, size_t i, const figures_unit **u,
                                 const char **code) {
  size_t j = figures_spaces(s, n, i), l;
  *u = NULL;
  if ((l = figures_symbol(s, n, j, code))) return j + l;
  size_t d = figures_match(s, n, j, "de ");
  if (!d && figures_lit(s, n, j, "d'")) d = 2;
  if (!d && figures_lit(s, n, j, "D'")) d = 2;
  for (int pass = 0; pass < 2; pass++) {
    size_t k = pass ? j + d : j;
    if (pass && !d) break;
    if (pass && (l = figures_symbol(s, n, k, code))) return k + l;
    int c = figures_at(s, n, k);
    for (size_t t = 0; t < sizeof figures_units / sizeof *figures_units; t++) {
      if (!figures_may_match(figures_units[t].pat, c)) continue;
      l = figures_match(s, n, k, figures_units[t].pat);
      if (l) {
        *u = &figures_units[t];
        *code = figures_units[t].unit;
        return k + l;
      }
    }
  }
  return 0;
}

/* ---- cues --------------------------------------------------------- */

typedef struct figures_keyword {
  const char *pat;
  const char *indicator;
} figures_keyword;

static const figures_keyword figures_keywords[] = {
  {"echange*", "trade"}, {"commerc*", "trade"}, {"trade", "trade"},
  {"export*", "exports"}, {"import*", "imports"},
  {"invest*", "investment"}, {"ide", "investment"}, {"fdi", "investment"},
  {"aide", "aid"}, {"aides", "aid"}, {"aid", "aid"}, {"don", "aid"}, {"dons", "aid"},
  {"subvention*", "aid"}, {"financement*", "aid"}, {"pret", "aid"}, {"prets", "aid"},
  {"loan*", "aid"}, {"grant*", "aid"}, {"assistance", "aid"}, {"octroy*", "aid"},
  {"decaiss*", "aid"}, {"debloqu*", "aid"},
  {"touris*", "tourists"}, {"visiteur*", "tourists"}, {"visitor*", "tourists"},
  {"etudiant*", "students"}, {"student*", "students"},
  {"vols", "flights"}, {"flights", "flights"},
};

/* The keyword at s[i], -1 if none. */
static int figures_keyword_at(const char *s, size_t n, size_t i, size_t *len) {
  int c = figures_at(s, n, i);
  for (size_t k = 0; k < sizeof figures_keywords / sizeof *figures_keywords; k++) {
    if (!figures_may_match(figures_keywords[k].pat, c)) continue;
    size_t l = figures_match(s, n, i, figures_keywords[k].pat);
    if (l) { *len = l; return (int)k; }
  }
  return -1;
}

static const char *const figures_target_before[] = {
  "objectif*", "ambition*", "vise", "visent", "viser", "visant", "cible*", "porter",
  "portera", "porteront", "devrait", "devraient", "pourrait", "pourraient",
  "atteindra", "atteindront", "depassera", "depasseront", "elevera", "eleveront",
  "passera", "passeront", "prevoit", "prevoient", "prevision*", "escompt*",
  "espere", "esperent", "souhait*", "d'ici", "horizon", "target*", "aim", "aims",
  "goal*", "expected", "forecast*", "projected", "will", "should",
};
static const char *const figures_target_after[] = {"d'ici", "horizon"};
static const char *const figures_average[] = {"moyenne", "moyen", "average"};
static const char *const figures_percent[] = {
  "pour cent", "pourcent", "percent", "per cent", "points", "pts", "pct",
};

/* ---- figures ------------------------------------------------------ */

/* What figures_find carries from one figure to the next. */
typedef struct figures_state {
  const figures_index *ix;   /* may be NULL */
  const char *text;
  size_t n;
  const date_expr *dates;
  size_t nd;
  int32_t ref_end;      /* last day of the publication month (or year), 0 unknown */
  int kw;               /* the last keyword seen, -1 none */
  size_t prev_end;      /* end of the previous figure or conversion, 0 none */
  int have_prev;
  const char *money;    /* unit of the last money figure, NULL none */
  figure pend;          /* the figure waiting for the next one's start */
  size_t pend_lo;       /* end of the figure before it */
  int pending;
  size_t count;
  figure *out;
  size_t cap;
} figures_state;

static int figures_is_period(const date_expr *d) {
  if (d->first > d->last) return 0;
  return d->kind == DATE_PERIOD || (int64_t)d->last - d->first + 1 >= FIGURES_MIN_PERIOD;
}

/* The kind from the cues around the figure f: before it back to lo (the
 * previous figure's end), after it up to next (the next figure's start). */
static void figures_kind(const figures_state *st, figure *f, size_t lo, size_t next) {
  const char *s = st->text;
  size_t n = st->n, start = f->start, end = f->end;
  if (start > FIGURES_BACK && lo < start - FIGURES_BACK) lo = start - FIGURES_BACK;
  if (lo > start) lo = start;
  for (size_t k = start; k > lo; k--)   /* the clause: after the last ';' or ", " */
    if (s[k - 1] == ';' || (s[k - 1] == ',' && k < n && s[k] == ' ')) { lo = k; break; }
  size_t hi = end;
  while (hi < n && hi < next && hi - end < FIGURES_AHEAD && s[hi] != ',' && s[hi] != ';' &&
         s[hi] != '.' && s[hi] != '(')
    hi++;
  if (figures_cue(s, start, lo, figures_target_before,
                  sizeof figures_target_before / sizeof *figures_target_before) ||
      figures_cue(s, hi, end, figures_target_after,
                  sizeof figures_target_after / sizeof *figures_target_after))
    figures_copy(f->kind, sizeof f->kind, "target");
  else if (figures_cue(s, start, lo, figures_average,
                       sizeof figures_average / sizeof *figures_average) ||
           figures_cue(s, hi, end, figures_average,
                       sizeof figures_average / sizeof *figures_average))
    figures_copy(f->kind, sizeof f->kind, "average");
  else
    figures_copy(f->kind, sizeof f->kind, "actual");
}

/* Settle the pending figure's kind and period, now that the next figure
 * starts at next, and write it out. */
static void figures_flush(figures_state *st, size_t next) {
  if (!st->pending) return;
  figure *f = &st->pend;
  figures_kind(st, f, st->pend_lo, next);
  const date_expr *best = NULL;
  for (size_t k = 0; k < st->nd && !best; k++) {
    const date_expr *d = &st->dates[k];
    if (figures_is_period(d) && d->start >= f->end && d->start < next) best = d;
  }
  for (size_t k = 0; k < st->nd && !best; k++) {   /* else the nearest before */
    const date_expr *d = &st->dates[st->nd - 1 - k];
    if (figures_is_period(d) && d->end <= f->start) best = d;
  }
  if (best) {
    f->first = best->first;
    f->last = best->last;
    if (st->ref_end && f->first > st->ref_end) figures_copy(f->kind, sizeof f->kind, "target");
  }
  if (st->count < st->cap) st->out[st->count] = *f;
  st->count++;
  st->pending = 0;
}

/* The indicator of a figure ending at end, with no count noun: a
 * keyword right after it ("de dollars d'investissements", "of aid"),
 * else the last one before it, else one after it in its clause. */
static const char *figures_indicator(const figures_state *st, size_t end) {
  static const char *const links[] = {"de", "d'", "des", "du", "en", "au", "of", "in", "for"};
  const char *s = st->text;
  size_t n = st->n, l;
  int after = -1, adjacent = 0, words = 0;
  int prev = 1;
  for (size_t i = end; i < n && i - end < FIGURES_AHEAD; i += l) {
    int ch = figures_char(s, n, i, &l);
    if (ch == ',' || ch == ';' || ch == '.' || ch == '(') break;
    int al = figures_is_alnum(ch);
    if (al && !prev) {
      int k = figures_keyword_at(s, n, i, &l);
      if (k >= 0) { after = k; adjacent = words == 0; break; }
      size_t ll;
      if (words == 0 && figures_match_any(s, n, i, links, sizeof links / sizeof *links, &ll) >= 0) {
        l = ll;   /* a link word keeps the next word adjacent */
        prev = 0;
        continue;
      }
      words++;
    }
    prev = al;
  }
  if (after >= 0 && adjacent) return figures_keywords[after].indicator;
  if (st->kw >= 0) return figures_keywords[st->kw].indicator;
  if (after >= 0) return figures_keywords[after].indicator;
  return "";
}

/* 1 if the word before s[i] (after spaces) is one of words (patterns
 * of at most 12 bytes). */
static int figures_word_before(const char *s, size_t n, size_t i, const char *const *words,
                               size_t nwords) {
  size_t e = i;
  while (e > 0 && s[e - 1] == ' ') e--;
  size_t j = e;
  while (j > 0 && figures_alnum_before(s, n, j)) {
    if (e - j > 12) return 0;
    j--;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
  }
  if (j == e) return 0;
  for (size_t k = 0; k < nwords; k++)
    if (figures_match(s, e, j, words[k]) == e - j) return 1;
  return 0;
}

/* 1 if s[i] follows a numero sign: "n°3", "N° 12", "#4", "no 5". */
static int figures_numero(const char *s, size_t n, size_t i) {
  static const char *const words[] = {"no", "num", "numero"};
  size_t e = i;
  while (e > 0 && s[e - 1] == ' ') e--;
  if (e >= 2 && (unsigned char)s[e - 2] == 0xC2 && (unsigned char)s[e - 1] == 0xB0) return 1;
  if (e >= 1 && s[e - 1] == '#') return 1;
  return figures_word_before(s, n, i, words, sizeof words / sizeof *words);
}

/* 1 if [a, b) opens a conversion of the figure before it. */
static int figures_conversion(const char *s, size_t a, size_t b) {
  if (b - a > FIGURES_CONV) return 0;
  for (size_t k = a; k < b; k++)
    if (s[k] == ')' || s[k] == '.' || s[k] == ';') return 0;
  size_t k = a;
  while (k < b && (s[k] == ' ' || s[k] == ',' || s[k] == '-')) k++;
  if (k < b && s[k] == '(') return 1;
  return figures_match(s, b, k, "soit") || figures_match(s, b, k, "equivalent*") ||
         figures_match(s, b, k, "l'equivalent*");
}

/* Bytes of the token at s[i] (a digit) that is not a figure: digits and
 * letters, and . , : / - between digits. */
static size_t figures_skip_token(const char *s, size_t n, size_t i) {
  size_t j = i, l;
  while (j < n) {
    int ch = figures_char(s, n, j, &l);
    if (figures_is_alnum(ch)) { j += l; continue; }
    if ((ch == '.' || ch == ',' || ch == ':' || ch == '/' || ch == '-') &&
        figures_is_digit(s, n, j + 1)) { j++; continue; }
    break;
  }
  return j > i ? j - i : 1;
}

/* Try a figure at s[i], a word start.  Returns the bytes to move on by
 * (0: nothing here, read the word as a word). */
static size_t figures_try(figures_state *st, size_t i) {
  static const char *const articles[] = {"le", "du", "au"};
  const char *s = st->text;
  size_t n = st->n;
  const char *code = NULL;
  size_t start = i, j = i;
  size_t pl = figures_symbol(s, n, i, &code);
  if (pl) {
    j = figures_spaces(s, n, i + pl);
    if (!figures_is_digit(s, n, j)) return pl;
  }
  int digit = figures_is_digit(s, n, j);
  /* inside a longer token: "COVID-19", "n°3" */
  if (digit && j == i && i >= 2 && (s[i - 1] == '-' || s[i - 1] == '/') &&
      figures_alnum_before(s, n, i - 1))
    return figures_skip_token(s, n, i);
  if (digit && j == i && figures_numero(s, n, i)) return figures_skip_token(s, n, i);
  figures_num num;
  figures_parse(st->ix, s, n, j, &num);
  if (!num.len) return digit ? figures_skip_token(s, n, j) + (j - i) : 0;
  size_t k = j + num.len;
  size_t skip = digit ? figures_skip_token(s, n, j) + (j - i) : k - i;
  /* a longer token: "1er", "12.06.2023", "2023-2025", "10h30" */
  int next = figures_at(s, n, k);
  if (figures_is_alnum(next)) return skip;
  if ((next == '.' || next == ',' || next == ':' || next == '/' || next == '-') &&
      figures_is_digit(s, n, k + 1))
    return skip;
  /* a percentage */
  size_t p = figures_spaces(s, n, k), l;
  if (figures_lit(s, n, p, "%") || figures_lit(s, n, p, "\xE2\x80\xB0") ||
      figures_match_any(s, n, p, figures_percent,
                        sizeof figures_percent / sizeof *figures_percent, &l) >= 0)
    return k - i;
  /* inside a date expression */
  for (size_t d = 0; d < st->nd; d++)
    if (st->dates[d].start <= j && j < st->dates[d].end) return k - i;
  if (num.words && num.value < 100 && num.scale == 0) return k - i;
  if (num.bare && !figures_word_before(s, n, j, articles, 3)) return k - i;
  /* the unit */
  const figures_unit *u = NULL;
  size_t end = k;
  if (!code) {
    size_t e = figures_unit_after(s, n, k, &u, &code);
    if (e) end = e;
  }
  if (!code) {
    if (num.scale < 1e6 || !st->money) return k - i;
    size_t q = figures_spaces(s, n, k);
    size_t d = figures_match(s, n, q, "de ");
    if (!d && q + 1 < n && (s[q] == 'd' || s[q] == 'D') && s[q + 1] == '\'') d = 2;
    if (d && !figures_match(s, n, q + d, "ici")) return k - i;
    code = st->money;
  }
  /* a rate: "par an" */
  {
    size_t q = figures_spaces(s, n, end);
    int r = figures_match_any(s, n, q, figures_rates,
                              sizeof figures_rates / sizeof *figures_rates, &l);
    if (r >= 0 && (q > end || figures_rates[r][0] == '/')) end = q + l;
    else if (u && !strcmp(u->unit, "flights")) return k - i;   /* "3 vols": no frequency */
  }
  int money = !u || u->unit[0] < 'a';   /* ISO codes are upper case */
  if (money && st->have_prev && figures_conversion(s, st->prev_end, start)) {
    st->prev_end = end;
    return end - i;
  }
  figure f;
  memset(&f, 0, sizeof f);
  f.start = (uint32_t)start;
  f.end = (uint32_t)end;
  f.value = num.value;
  figures_copy(f.unit, sizeof f.unit, code);
  const char *ind = u && u->indicator ? u->indicator : figures_indicator(st, end);
  figures_copy(f.indicator, sizeof f.indicator, ind);
  f.first = 1;
  f.last = 0;
  size_t lo = st->have_prev ? st->prev_end : 0;
  figures_flush(st, start);
  st->pend = f;
  st->pend_lo = lo;
  st->pending = 1;
  st->have_prev = 1;
  st->prev_end = end;
  if (money) st->money = code;
  return end - i;
}

size_t figures_find(const char *text, size_t n, dyad_date ref, figure *out, size_t cap) {
  if (!text || n == 0) return 0;
  date_expr dates[FIGURES_DATES];
  size_t nd = dates_find(text, n > UINT32_MAX ? UINT32_MAX : n, ref, dates, FIGURES_DATES);
  if (nd > FIGURES_DATES) nd = FIGURES_DATES;
  return figures_find_dated(NULL, text, n, ref, dates, nd, out, cap);
}

size_t figures_find_dated(const figures_index *ix, const char *text, size_t n, dyad_date ref,
                          const date_expr *dates, size_t nd, figure *out, size_t cap) {
  if (!text || n == 0) return 0;
  if (n > UINT32_MAX) n = UINT32_MAX;
  figures_state st;
  memset(&st, 0, sizeof st);
  st.ix = ix;
  st.text = text;
  st.n = n;
  st.dates = dates;
  st.nd = nd;
  st.kw = -1;
  st.out = out;
  st.cap = out ? cap : 0;
  if (ref.year >= 1000 && ref.year <= 9999) {
    int y = ref.year, m = ref.month >= 1 && ref.month <= 12 ? ref.month : 12;
    st.ref_end = dates_days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
  }
  size_t i = 0, l;
  int prev = 0;   /* a letter or digit ends at i */
  while (i < n) {
    int ch = figures_char(text, n, i, &l);
    int al = figures_is_alnum(ch);
    if (!prev && (al || ch == '$' || ch == FIGURES_OTHER)) {
      size_t m = figures_try(&st, i);
      if (m) {
        i += m;
        prev = figures_alnum_before(text, n, i);
        continue;
      }
      if (al) {   /* a word: a keyword? (only indicators need them) */
        size_t kl;
        int k = out ? figures_keyword_at(text, n, i, &kl) : -1;
        if (k >= 0) st.kw = k;
        while (i < n && figures_is_alnum(figures_char(text, n, i, &l))) i += l;
        prev = 1;
        continue;
      }
    }
    prev = al;
    i += l;
  }
  figures_flush(&st, n);
  return st.count;
}
