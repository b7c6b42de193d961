/* segment.c: the segment stage, tokens and sentences over the normalised
 * text (see segment.h).  One left-to-right pass makes the tokens of each
 * zone region, a second pass over those tokens cuts the sentences; both
 * are linear in the text (every lookahead is bounded or cached), and no
 * read goes past the region being cut.  Characters below U+0100 are
 * classified from a table, the others from utf8proc's categories.
 *
 * Tokens (kind, in the order tried at a token start):
 *   - URL: "http://", "https://" or "www." up to a space, '"', '<' or '>',
 *     less trailing . , ; : ! ? ' and an unbalanced ')'      -> TOK_SYMBOL
 *   - e-mail: [A-Za-z0-9._%+-]+ '@' labels with a dot       -> TOK_SYMBOL
 *   - bare domain: ASCII labels ending in a known lower-case top-level
 *     domain, "Abidjan.net", "fratmat.info", with any "/path" -> TOK_SYMBOL
 *   - "c'est-à-dire" (any case of the c)                     -> TOK_WORD
 *   - dotted acronym or initials, two or more single letters each followed
 *     by '.', with '-' allowed before a letter: "U.S.", "O.N.U.", "J.-C.",
 *     "J.-P.", "a.m."                                         -> TOK_WORD
 *   - word: letters, marks, digits, other numerals ("G20", "km²"); an
 *     inner '-' before a letter or digit ("vice-Premier", "Nour-Soultan",
 *     "COVID-19", "peut-être"); an inner "'" before a letter ("aujourd'hui",
 *     "prud'homme", "N'Djamena", "quelqu'un"); a middle dot between letters
 *     ("député·e·s"); "n°" / "N°".                             -> TOK_WORD
 *   - elision: l' d' j' m' n' s' t' c' qu' jusqu' lorsqu' puisqu' quoiqu'
 *     presqu' in any case ("L'", "Qu'"), apostrophe included, split from
 *     what follows when that is a vowel, h or y (accents too), or not a
 *     letter at all ("qu' à"); before a consonant the word stays whole
 *     ("N'Djamena", "M'Bow").                    -> TOK_WORD, TOKF_ELISION
 *   - clitic inversion: a final "-il" "-elle" "-on" "-ils" "-elles" "-je"
 *     "-tu" "-ce", with the euphonic "-t-", is split off as its own word:
 *     "a-t-il" -> "a" "-t-il", "peut-on" -> "peut" "-on", "est-ce" ->
 *     "est" "-ce" (lower case only; not after "Jong", as in Kim Jong-il).
 *   - abbreviation: a word followed by '.' keeps the dot when it is a title
 *     (M. MM. Mme. Dr. Pr. Me. Mgr. St. Ste. Mr. Gén. ...), one of cf. av.
 *     apr. env. ex. vs. etc. Inc. Ltd. Cie. Jr. ibid. janv. févr. avr.
 *     juil. oct. nov. déc. hab., one of p. pp. art. vol. chap. fig. no.
 *     al. when a number follows, or a single capital followed by a capital
 *     (initials: "J. Smith").  Not before another dot ("etc..." is "etc"
 *     "...").
 *   - number: ASCII digits, with groups joined by '.' ',' '/' ':' '-'
 *     before a digit ("150.000", "1,5", "1.5", "12/06/2023", "10:30",
 *     "2023-2025"), by one space before exactly three digits when the first
 *     group has at most three ("150 000", "1 500 000"); then, on a plain
 *     group, an ordinal suffix ("1er", "20e", "2nde", "3ème") or an hour
 *     ("10h30", "10h").  "15km" is "15" "km".              -> TOK_NUMBER
 *   - punctuation: a run of dots ("...", ".."), a run of ? and ! ("?!",
 *     "!!!"), else one character each: . , ; : ( ) [ ] " ' - / and other
 *     Unicode punctuation; a hyphen between spaces is punctuation.
 *   - symbol: % # & * + < = > @ ^ ` | ~ $ € and every Unicode symbol,
 *     § ‰ • †, private-use and unassigned code points, emoji with their
 *     modifiers, variation selectors, ZWJ sequences and flag pairs.
 *                                                           -> TOK_SYMBOL
 *   - spaces, newlines, controls and format characters separate tokens.
 *   TOKF_UPPER: the token's first letter is upper case (Lu, Lt).
 *
 * Sentences, within one zone region (a zone change always ends one):
 *   - a blank line ends a sentence; so does a single newline, unless the
 *     next line starts with a lower-case letter and the line did not end
 *     with final punctuation (a hard-wrapped line): headlines, captions and
 *     lines without final punctuation are sentences of their own;
 *   - final punctuation (. ... ! ? ?! runs, and the abbreviations that may
 *     end a sentence: etc. Inc. months, "J.-C.", capital acronyms "U.S.")
 *     ends a sentence when it follows a word, number or symbol of the
 *     sentence, and is followed, after closing quotes glued to it or
 *     closing a quotation, by a space and a capital, an opening quote, a
 *     digit, '(' '[' '-' or a symbol such as an emoji (after an
 *     abbreviation, by a capital or a quote only);
 *   - a full stop glued on both sides, lower-case letter (or digit) before
 *     and a capital then a lower-case letter after, ends a sentence:
 *     "pays.Appréciant" (domains, acronyms and abbreviations are single
 *     tokens, so "Abidjan.net", "U.S." and "M.Dupont" do not split); so
 *     does final punctuation glued to an opening quote before a capital
 *     ("a-t-il indiqué.\"Au regard"), or to closing quotes then a
 *     capitalised word ("oui.\"Le");
 *   - not inside a quotation: between a pair of '"' on one line, final
 *     punctuation ends the sentence only when the closing quote follows it;
 *   - titles, initials, cf. av. p. and numbers ("150.000") never end one.
 *   The final punctuation token of a sentence gets TOKF_SENT_END (so does
 *   an abbreviation ending one, "etc."); a sentence cut by a newline or a
 *   zone edge without final punctuation has no such token.
 *
 * Memory: tokens and sentences live in the arena, grown by doubling with
 * arena_grow; the per-token scratch bits of the sentence pass are malloc'd
 * and freed before returning.
 */
#include "segment.h"
#include "err.h"
#include "utf8.h"
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

/* character classes */
enum { SC_END, SC_SPACE, SC_LETTER, SC_DIGIT, SC_NUMCHAR, SC_MARK, SC_PUNCT, SC_SYMBOL };

/* per-token scratch bits, for the sentence pass */
#define SI_GAP 1u     /* whitespace before the token */
#define SI_NL 2u      /* exactly one newline before */
#define SI_PARA 4u    /* two newlines or more before */
#define SI_FINAL 8u   /* may end a sentence: . ... ! ? ?! etc. U.S. */
#define SI_QOPEN 16u  /* '"' opening a quotation closed on the same line */
#define SI_QCLOSE 32u /* '"' closing it */
#define SI_DQUOTE 64u /* the token is a '"' */

typedef struct segment_scan {
  const char *t;         /* the whole text */
  size_t e;              /* end of the region being cut */
  arena *a;
  token *toks;           /* arena, grown by doubling */
  size_t n, cap;
  uint8_t *inf;          /* owned (malloc): SI_* bits, parallel to toks */
  unsigned pre;          /* SI_GAP, SI_NL, SI_PARA of the next token pushed */
  sentence *sents;       /* arena */
  size_t ns, scap;
  size_t at;                        /* next '@' after the last e-mail start tried, or e */
  size_t mail_run, mail_tok;        /* e-mail cache: local-part run end, token end */
  size_t dom_run, dom_tok, dom_dot; /* domain cache: run end, token end, last dot */
} segment_scan;

/* ---- characters ------------------------------------------------------ */

/* Properties of a code point: its SC_* class in the low bits, then case
 * and the ASCII sets that URLs, e-mails and domains are made of. */
#define SB_CLASS 0x07u  /* SC_* */
#define SB_UPPER 0x08u  /* Lu or Lt */
#define SB_LOWER 0x10u  /* Ll */
#define SB_DOMAIN 0x20u /* ASCII letter, digit, '.' or '-': domain labels */
#define SB_MAIL 0x40u   /* the same, '_', '%' or '+': an e-mail's local part */
#define SB_ALNUM 0x80u  /* ASCII letter or digit */

#define SP SC_SPACE
#define PU SC_PUNCT
#define PD (SC_PUNCT | SB_DOMAIN | SB_MAIL)
#define PM (SC_PUNCT | SB_MAIL)
#define SY SC_SYMBOL
#define SM (SC_SYMBOL | SB_MAIL)
#define DG (SC_DIGIT | SB_DOMAIN | SB_MAIL | SB_ALNUM)
#define NU SC_NUMCHAR
#define AU (SC_LETTER | SB_UPPER | SB_DOMAIN | SB_MAIL | SB_ALNUM)
#define AL (SC_LETTER | SB_LOWER | SB_DOMAIN | SB_MAIL | SB_ALNUM)
#define UP (SC_LETTER | SB_UPPER)
#define LO (SC_LETTER | SB_LOWER)
#define LE SC_LETTER
/* The properties of U+0000 to U+00FF (ASCII and Latin-1), the characters
 * nearly all of French text is made of, so that only the rest asks
 * utf8proc.  Indexed by code point; indexed by a byte of 0x80 or more, it
 * has none of the ASCII bits (SB_DOMAIN, SB_MAIL, SB_ALNUM).  Above 0x7F
 * it follows the Unicode categories as segment_props maps them (§ and ¶
 * are symbols); tests/unit/test_segment.c checks each entry against
 * utf8proc. */
static const uint8_t segment_latin1[256] = {
    /* 00 */ SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP,
    /* 10 */ SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP,
    /* 20 */ SP, PU, PU, SY, SY, SM, SY, PU, PU, PU, SY, SM, PU, PD, PD, PU,
    /* 30 */ DG, DG, DG, DG, DG, DG, DG, DG, DG, DG, PU, PU, SY, SY, SY, PU,
    /* 40 */ SY, AU, AU, AU, AU, AU, AU, AU, AU, AU, AU, AU, AU, AU, AU, AU,
    /* 50 */ AU, AU, AU, AU, AU, AU, AU, AU, AU, AU, AU, PU, PU, PU, SY, PM,
    /* 60 */ SY, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL,
    /* 70 */ AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, PU, SY, PU, SY, SP,
    /* 80 */ SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP,
    /* 90 */ SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP,
    /* A0 */ SP, PU, SY, SY, SY, SY, SY, SY, SY, SY, LE, PU, SY, SP, SY, SY,
    /* B0 */ SY, SY, NU, NU, SY, LO, SY, PU, SY, NU, LE, PU, NU, NU, NU, PU,
    /* C0 */ UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP,
    /* D0 */ UP, UP, UP, UP, UP, UP, UP, SY, UP, UP, UP, UP, UP, UP, UP, LO,
    /* E0 */ LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO,
    /* F0 */ LO, LO, LO, LO, LO, LO, LO, SY, LO, LO, LO, LO, LO, LO, LO, LO,
};
#undef SP
#undef PU
#undef PD
#undef PM
#undef SY
#undef SM
#undef DG
#undef NU
#undef AU
#undef AL
#undef UP
#undef LO
#undef LE

/* Is byte c in set, made of SB_DOMAIN, SB_MAIL, SB_ALNUM?  (The table's
 * entries from 0x80 on have none of these bits: such a byte is in none.) */
static int segment_byte_in(char c, unsigned set) {
  return (segment_latin1[(unsigned char)c] & set) != 0;
}

/* Decode the character at i (< e); invalid bytes count as one U+FFFD. */
static size_t segment_dec(const char *t, size_t i, size_t e, int32_t *cp) {
  unsigned char c = (unsigned char)t[i];
  if (c < 0x80) { *cp = c; return 1; }
  int n = utf8_decode(t + i, e - i, cp);
  if (n <= 0) { *cp = 0xFFFD; return 1; }
  return (size_t)n;
}

/* SC_* class and SB_UPPER / SB_LOWER of any code point: the table below
 * U+0100, utf8proc's category above.  ASCII symbols are # $ % & * + < =
 * > @ ^ ` | ~; among the Po, § ¶ † ‡ • ‰ ‱ ′ ″ ‴ are symbols too. */
static unsigned segment_props(int32_t cp) {
  if (cp >= 0 && cp < 0x100) return segment_latin1[cp];
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
    return SC_LETTER | SB_UPPER;
  case UTF8PROC_CATEGORY_LL:
    return SC_LETTER | SB_LOWER;
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    return SC_LETTER;
  case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    return SC_MARK;
  case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
    return SC_NUMCHAR;
  case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
  case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
    return SC_SPACE;
  case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
  case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    return SC_PUNCT;
  case UTF8PROC_CATEGORY_PO:
    switch (cp) {
    case 0x2020: case 0x2021: case 0x2022: /* (§ and ¶ are in the table) */
    case 0x2030: case 0x2031: case 0x2032: case 0x2033: case 0x2034:
      return SC_SYMBOL;
    default:
      return SC_PUNCT;
    }
  default: /* S*, Co, Cn, Cs */
    return SC_SYMBOL;
  }
}

static int segment_class_cp(int32_t cp) { return (int)(segment_props(cp) & SB_CLASS); }

/* Class of the character at i, its code point and length; SC_END at e. */
static int segment_cls(const segment_scan *s, size_t i, int32_t *cp, size_t *n) {
  if (i >= s->e) { *cp = 0; *n = 0; return SC_END; }
  unsigned char c = (unsigned char)s->t[i];
  if (c < 0x80) { /* ASCII, most of the text */
    *cp = c;
    *n = 1;
    return segment_latin1[c] & SB_CLASS;
  }
  *n = segment_dec(s->t, i, s->e, cp);
  return segment_class_cp(*cp);
}

/* A character that continues a word: SC_LETTER to SC_MARK. */
static int segment_wordc(int c) { return c >= SC_LETTER && c <= SC_MARK; }

static int segment_cls_at(const segment_scan *s, size_t i) {
  int32_t cp;
  size_t n;
  return segment_cls(s, i, &cp, &n);
}

static int segment_is_upper(int32_t cp) { return (segment_props(cp) & SB_UPPER) != 0; }

static int segment_is_lower(int32_t cp) { return (segment_props(cp) & SB_LOWER) != 0; }

static int segment_ascii_alnum(char c) { return segment_byte_in(c, SB_ALNUM); }

static int segment_digit(char c) { return c >= '0' && c <= '9'; }

/* A vowel, h or y, accented or not, either case: the letters an elision
 * goes before. */
static int segment_vowel(int32_t cp) {
  int32_t c = cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp < 0x80 ? cp : utf8proc_tolower(cp);
  if (c < 0x80) return c && strchr("aeiouyh", (int)c) != NULL; /* "İ" too */
  switch (c) {
  case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE4: case 0xE5: case 0xE6:
  case 0xE8: case 0xE9: case 0xEA: case 0xEB: case 0xEC: case 0xED: case 0xEE:
  case 0xEF: case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF6: case 0xF9:
  case 0xFA: case 0xFB: case 0xFC: case 0xFD: case 0xFF: case 0x153:
    return 1;
  default:
    return 0;
  }
}

/* Case-insensitive ASCII comparison of t[0..n) with lower-case w. */
static int segment_eq_ci(const char *t, size_t n, const char *w) {
  size_t k;
  for (k = 0; k < n && w[k]; k++) {
    char c = t[k];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c != w[k]) return 0;
  }
  return k == n && w[k] == '\0';
}

/* ---- output ---------------------------------------------------------- */

static void segment_push(segment_scan *s, size_t b, size_t e, int kind,
                         unsigned flags, unsigned inf) {
  if (s->n == s->cap) {
    size_t nc = s->cap ? s->cap * 2 : 256;
    s->toks = arena_grow(s->a, s->toks, s->n, nc, sizeof *s->toks);
    s->inf = xrealloc(s->inf, nc);
    s->cap = nc;
  }
  for (size_t i = b; i < e;) { /* first letter decides TOKF_UPPER */
    int32_t cp;
    i += segment_dec(s->t, i, e, &cp);
    unsigned p = segment_props(cp);
    if ((p & SB_CLASS) == SC_LETTER) {
      if (p & SB_UPPER) flags |= TOKF_UPPER;
      break;
    }
  }
  token *tk = &s->toks[s->n];
  tk->start = (uint32_t)b;
  tk->end = (uint32_t)e;
  tk->kind = (uint8_t)kind;
  tk->flags = (uint8_t)flags;
  tk->nread = 0;
  tk->read = 0;
  s->inf[s->n] = (uint8_t)(inf | s->pre);
  s->n++;
}

/* ---- URLs, e-mails, domains ------------------------------------------ */

/* End of a URL whose prefix ends at j, or 0 if nothing follows it. */
static size_t segment_urltail(const segment_scan *s, size_t j) {
  const char *t = s->t;
  size_t j0 = j;
  size_t open = 0, close = 0;
  while (j < s->e) {
    unsigned char c = (unsigned char)t[j];
    if (c < 0x80) {
      if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == 0x7F) break;
      open += c == '(';
      close += c == ')';
      j++;
    } else {
      int32_t cp;
      size_t n = segment_dec(t, j, s->e, &cp);
      if (segment_class_cp(cp) == SC_SPACE) break;
      j += n;
    }
  }
  while (j > j0 && (strchr(".,;:!?'", t[j - 1]) || (t[j - 1] == ')' && close > open))) {
    close -= t[j - 1] == ')';
    j--;
  }
  return j;
}

/* A URL at i: its end, or 0.  Only "h" and "w" can start one. */
static size_t segment_url(const segment_scan *s, size_t i) {
  const char *t = s->t;
  size_t left = s->e - i, j;
  char c0 = (char)(t[i] | 0x20);
  if (c0 != 'h' && c0 != 'w') return 0;
  if (left >= 8 && segment_eq_ci(t + i, 8, "https://")) j = i + 8;
  else if (left >= 7 && segment_eq_ci(t + i, 7, "http://")) j = i + 7;
  else if (left >= 5 && segment_eq_ci(t + i, 4, "www.") && segment_ascii_alnum(t[i + 4])) j = i + 4;
  else return 0;
  size_t u = segment_urltail(s, j);
  return u > j ? u : 0;
}

/* End of ASCII domain labels from d, trailing dots and hyphens dropped;
 * *dot receives the last inner dot (0 if none). */
static size_t segment_labels(const segment_scan *s, size_t d, size_t *dot) {
  const char *t = s->t;
  size_t r = d;
  *dot = 0;
  while (r < s->e && segment_byte_in(t[r], SB_DOMAIN)) {
    if (t[r] == '.' && (r == d || t[r - 1] == '.')) break; /* empty label */
    r++;
  }
  while (r > d && (t[r - 1] == '.' || t[r - 1] == '-')) r--;
  for (size_t q = r; q > d; q--) /* the top-level label is short: bounded */
    if (t[q - 1] == '.') { *dot = q - 1; break; }
    else if (r - q > 24) break;
  return r;
}

/* An e-mail address at i: its end, or 0.  The answer for every start
 * within one local-part run is the same, so it is cached for the run; and
 * with no '@' left in the region (the usual case) there is nothing to scan. */
static size_t segment_mail(segment_scan *s, size_t i) {
  if (i < s->mail_run) return s->mail_tok;
  const char *t = s->t;
  if (s->at < i) { /* the next '@' */
    const char *p = memchr(t + i, '@', s->e - i);
    s->at = p ? (size_t)(p - t) : s->e;
  }
  if (s->at >= s->e) return 0;
  size_t r = i, dot, d;
  while (r < s->e && segment_byte_in(t[r], SB_MAIL)) r++;
  s->mail_run = r;
  s->mail_tok = 0;
  if (r > i && r + 1 < s->e && t[r] == '@') {
    d = segment_labels(s, r + 1, &dot);
    if (dot > r + 1 && d - dot > 2) s->mail_tok = d;
  }
  return s->mail_tok;
}

/* A short ASCII word of a table, with its length. */
typedef struct segment_lit {
  const char *w;
  uint8_t n; /* strlen(w) */
} segment_lit;

#define SEGMENT_LIT(w) {w, sizeof w - 1}

/* Is t[0..n) one of the words of table[0..count)? */
static int segment_lit_in(const segment_lit *table, size_t count, const char *t, size_t n) {
  for (size_t k = 0; k < count; k++)
    if (table[k].n == n && table[k].w[0] == t[0] && memcmp(table[k].w, t, n) == 0) return 1;
  return 0;
}

static const segment_lit segment_tlds[] = {
    SEGMENT_LIT("com"), SEGMENT_LIT("net"), SEGMENT_LIT("org"), SEGMENT_LIT("info"),
    SEGMENT_LIT("fr"), SEGMENT_LIT("ci"), SEGMENT_LIT("sn"), SEGMENT_LIT("cm"),
    SEGMENT_LIT("bf"), SEGMENT_LIT("ml"), SEGMENT_LIT("tg"), SEGMENT_LIT("bj"),
    SEGMENT_LIT("gn"), SEGMENT_LIT("cd"), SEGMENT_LIT("cg"), SEGMENT_LIT("ga"),
    SEGMENT_LIT("ma"), SEGMENT_LIT("dz"), SEGMENT_LIT("tn"), SEGMENT_LIT("mr"),
    SEGMENT_LIT("td"), SEGMENT_LIT("bi"), SEGMENT_LIT("rw"), SEGMENT_LIT("mg"),
    SEGMENT_LIT("dj"), SEGMENT_LIT("be"), SEGMENT_LIT("ch"), SEGMENT_LIT("ca"),
    SEGMENT_LIT("lu"), SEGMENT_LIT("mc"), SEGMENT_LIT("eu"), SEGMENT_LIT("int"),
    SEGMENT_LIT("gov"), SEGMENT_LIT("edu"), SEGMENT_LIT("io"), SEGMENT_LIT("uk"),
    SEGMENT_LIT("us"), SEGMENT_LIT("ru"), SEGMENT_LIT("cn"), SEGMENT_LIT("vn"),
    SEGMENT_LIT("kz"), SEGMENT_LIT("ly"), SEGMENT_LIT("eg"), SEGMENT_LIT("tv"),
    SEGMENT_LIT("news"), SEGMENT_LIT("africa"), SEGMENT_LIT("online"), SEGMENT_LIT("press"),
    SEGMENT_LIT("media"), SEGMENT_LIT("biz")};

/* A bare domain at i, where the ASCII letters and digits from i end at
 * an: its end, or 0.  Cached for the run of domain characters from the
 * first start tried in it (a start later in the run, after "..", gets the
 * same answer).  A run without a dot, the usual case, is no domain: it is
 * cached as such without looking for labels. */
static size_t segment_domain(segment_scan *s, size_t i, size_t an) {
  if (i >= s->dom_run) {
    const char *t = s->t;
    size_t q = an;
    while (q < s->e && t[q] != '.' && segment_byte_in(t[q], SB_DOMAIN)) q++;
    if (q >= s->e || t[q] != '.') { /* q ends the run */
      s->dom_run = q > i ? q : i;
      s->dom_tok = s->dom_dot = 0;
      return 0;
    }
    size_t dot, r = segment_labels(s, i, &dot), after = r;
    while (after < s->e && segment_byte_in(t[after], SB_DOMAIN)) after++;
    s->dom_run = after > i ? after : i;
    s->dom_tok = 0;
    s->dom_dot = dot;
    if (dot > i && r > dot + 1 &&
        segment_lit_in(segment_tlds, sizeof segment_tlds / sizeof *segment_tlds, t + dot + 1,
                       r - dot - 1)) {
      int c = segment_cls_at(s, r);
      if (r < s->e && t[r] == '/' && r + 1 < s->e && segment_cls_at(s, r + 1) != SC_SPACE)
        s->dom_tok = segment_urltail(s, r);
      else if (!segment_wordc(c) && !(r < s->e && (t[r] == '@' || t[r] == '\'')))
        s->dom_tok = r;
    }
  }
  return s->dom_tok > i && s->dom_dot > i ? s->dom_tok : 0;
}

/* ---- words ----------------------------------------------------------- */

enum { AB_TITLE = 1, AB_NUM, AB_FINAL };

/* The abbreviations, with their length and class. */
#define AB(w, cls) {w, sizeof w - 1, cls}
static const struct {
  const char *w;
  uint8_t n; /* strlen(w) */
  uint8_t cls;
} segment_abbrevs[] = {
    /* titles and the like: the dot is kept and never ends a sentence */
    AB("M", AB_TITLE), AB("MM", AB_TITLE), AB("Mme", AB_TITLE), AB("Mmes", AB_TITLE),
    AB("Mlle", AB_TITLE), AB("Mlles", AB_TITLE), AB("Mr", AB_TITLE), AB("Mrs", AB_TITLE),
    AB("Dr", AB_TITLE), AB("Pr", AB_TITLE), AB("Prof", AB_TITLE), AB("Me", AB_TITLE),
    AB("Mgr", AB_TITLE), AB("St", AB_TITLE), AB("Ste", AB_TITLE), AB("G\xc3\xa9n", AB_TITLE),
    AB("Gal", AB_TITLE), AB("Col", AB_TITLE), AB("Cdt", AB_TITLE), AB("Lt", AB_TITLE),
    AB("Sgt", AB_TITLE), AB("cf", AB_TITLE), AB("Cf", AB_TITLE), AB("av", AB_TITLE),
    AB("apr", AB_TITLE), AB("env", AB_TITLE), AB("ex", AB_TITLE), AB("vs", AB_TITLE),
    AB("r\xc3\xa9" "f", AB_TITLE), AB("R\xc3\xa9" "f", AB_TITLE),
    AB("t\xc3\xa9l", AB_TITLE), AB("T\xc3\xa9l", AB_TITLE),
    /* before a number only */
    AB("p", AB_NUM), AB("pp", AB_NUM), AB("art", AB_NUM), AB("Art", AB_NUM),
    AB("vol", AB_NUM), AB("chap", AB_NUM), AB("fig", AB_NUM), AB("no", AB_NUM),
    AB("No", AB_NUM), AB("al", AB_NUM),
    /* may end a sentence */
    AB("etc", AB_FINAL), AB("Etc", AB_FINAL), AB("Inc", AB_FINAL), AB("Ltd", AB_FINAL),
    AB("Cie", AB_FINAL), AB("Jr", AB_FINAL), AB("Sr", AB_FINAL), AB("ibid", AB_FINAL),
    AB("janv", AB_FINAL), AB("f\xc3\xa9vr", AB_FINAL), AB("f\xc3\xa9v", AB_FINAL),
    AB("avr", AB_FINAL), AB("juil", AB_FINAL), AB("oct", AB_FINAL), AB("nov", AB_FINAL),
    AB("d\xc3\xa9" "c", AB_FINAL), AB("hab", AB_FINAL),
};
#undef AB

/* The abbreviation class of word t[b..j) followed by '.' at j, or 0 when
 * the dot is not part of it. */
static int segment_abbrev(const segment_scan *s, size_t b, size_t j) {
  const char *t = s->t;
  size_t n = j - b, k = j + 1;
  if (k < s->e && t[k] == '.') return 0; /* "etc..." */
  if (n > 5) return 0;
  for (size_t a = 0; a < sizeof segment_abbrevs / sizeof *segment_abbrevs; a++) {
    if (segment_abbrevs[a].n != n || segment_abbrevs[a].w[0] != t[b] ||
        memcmp(segment_abbrevs[a].w, t + b, n) != 0)
      continue;
    if (segment_abbrevs[a].cls != AB_NUM) return segment_abbrevs[a].cls;
    for (int sp = 0; sp < 2 && k < s->e && t[k] == ' '; sp++) k++;
    return k < s->e && segment_digit(t[k]) ? AB_NUM : 0;
  }
  /* initials: one capital, '.', at most one space, a capital */
  int32_t cp, c2;
  size_t l = segment_dec(t, b, j, &cp);
  if (l != n || !segment_is_upper(cp)) return 0;
  if (k < s->e && t[k] == ' ') k++;
  if (k >= s->e) return 0;
  segment_dec(t, k, s->e, &c2);
  return segment_is_upper(c2) ? AB_TITLE : 0;
}

/* Dotted acronym or initials at i: end after the last dot, or 0.
 * *inf receives SI_FINAL when it may end a sentence. */
static size_t segment_acronym(const segment_scan *s, size_t i, unsigned *inf) {
  const char *t = s->t;
  size_t p = i;
  if ((unsigned char)t[i] < 0x80 && (i + 1 >= s->e || t[i + 1] != '.')) return 0; /* usual */
  int nlet = 0, upper = 1, dash = 0;
  for (;;) {
    size_t q = p;
    int d = 0;
    if (nlet && q < s->e && t[q] == '-') { q++; d = 1; }
    int32_t cp;
    size_t n;
    if (segment_cls(s, q, &cp, &n) != SC_LETTER) break;
    if (q + n >= s->e || t[q + n] != '.') break;
    if (!segment_is_upper(cp)) upper = 0;
    dash |= d;
    nlet++;
    p = q + n + 1;
  }
  if (nlet < 2) return 0;
  *inf = (upper && !dash) || (p - i == 5 && memcmp(t + i, "J.-C.", 5) == 0) ? SI_FINAL : 0;
  return p;
}

static const segment_lit segment_elisions[] = {
    SEGMENT_LIT("l"), SEGMENT_LIT("d"), SEGMENT_LIT("j"), SEGMENT_LIT("m"),
    SEGMENT_LIT("n"), SEGMENT_LIT("s"), SEGMENT_LIT("t"), SEGMENT_LIT("c"),
    SEGMENT_LIT("qu"), SEGMENT_LIT("jusqu"), SEGMENT_LIT("lorsqu"), SEGMENT_LIT("puisqu"),
    SEGMENT_LIT("quoiqu"), SEGMENT_LIT("presqu")};

/* Is t[0..n) an elided word, in any case? */
static int segment_elision(const char *t, size_t n) {
  if (n > 6) return 0;
  for (size_t k = 0; k < sizeof segment_elisions / sizeof *segment_elisions; k++)
    if (segment_elisions[k].n == n && segment_eq_ci(t, n, segment_elisions[k].w)) return 1;
  return 0;
}

static const segment_lit segment_clitics[] = {
    SEGMENT_LIT("il"), SEGMENT_LIT("elle"), SEGMENT_LIT("on"), SEGMENT_LIT("ils"),
    SEGMENT_LIT("elles"), SEGMENT_LIT("je"), SEGMENT_LIT("tu"), SEGMENT_LIT("ce")};

/* A clitic inversion at the '-' at j ("-il", "-t-on"): its end, or 0. */
static size_t segment_clitic(const segment_scan *s, size_t j) {
  const char *t = s->t;
  size_t p = j + 1;
  if (p + 1 < s->e && t[p] == 't' && t[p + 1] == '-') p += 2;
  for (size_t k = 0; k < sizeof segment_clitics / sizeof *segment_clitics; k++) {
    size_t l = segment_clitics[k].n;
    if (p + l > s->e || memcmp(t + p, segment_clitics[k].w, l) != 0) continue;
    int c = segment_cls_at(s, p + l);
    if (!segment_wordc(c) && !(p + l < s->e && (t[p + l] == '-' || t[p + l] == '\'')))
      return p + l;
  }
  return 0;
}

/* "c'est-à-dire" at i, any case of the c: its end, or 0. */
static size_t segment_fixed(const segment_scan *s, size_t i) {
  static const char cad[] = "'est-\xc3\xa0-dire";
  size_t l = sizeof cad - 1;
  if ((s->t[i] != 'c' && s->t[i] != 'C') || i + 1 + l > s->e) return 0;
  if (memcmp(s->t + i + 1, cad, l) != 0) return 0;
  return segment_wordc(segment_cls_at(s, i + 1 + l)) ? 0 : i + 1 + l;
}

/* Token(s) at a letter or other numeral: returns where scanning resumes. */
static size_t segment_word(segment_scan *s, size_t i) {
  const char *t = s->t;
  size_t j, an = i; /* an: end of the ASCII letters and digits from i, scanned once */
  unsigned inf = 0;
  while (an < s->e && segment_ascii_alnum(t[an])) an++;
  if ((j = segment_url(s, i)) || (j = segment_mail(s, i)) || (j = segment_domain(s, i, an))) {
    segment_push(s, i, j, TOK_SYMBOL, 0, 0);
    return j;
  }
  if ((j = segment_fixed(s, i))) {
    segment_push(s, i, j, TOK_WORD, 0, 0);
    return j;
  }
  if ((j = segment_acronym(s, i, &inf))) {
    segment_push(s, i, j, TOK_WORD, 0, inf);
    return j;
  }
  int apos = 0, hyph = 0;
  int32_t cp;
  size_t n;
  j = an; /* [i, an) are word characters */
  for (;;) {
    for (;;) { /* letters, marks, digits; ASCII from the table */
      if (j < s->e && (unsigned char)t[j] < 0x80) {
        if (!segment_wordc(segment_latin1[(unsigned char)t[j]] & SB_CLASS)) break;
        j++;
      } else if (segment_wordc(segment_cls(s, j, &cp, &n))) {
        j += n;
      } else {
        break;
      }
    }
    if (j >= s->e) break;
    char c = t[j];
    if (c == '\'') {
      int nc = segment_cls(s, j + 1, &cp, &n);
      if (!apos && !hyph && segment_elision(t + i, j - i) &&
          (nc != SC_LETTER || segment_vowel(cp))) {
        segment_push(s, i, j + 1, TOK_WORD, TOKF_ELISION, 0);
        return j + 1;
      }
      if (nc != SC_LETTER) break;
      apos = 1;
      j++;
      continue;
    }
    if (c == '-') {
      int nc = segment_cls_at(s, j + 1);
      if (nc != SC_LETTER && nc != SC_DIGIT && nc != SC_NUMCHAR) break;
      if (segment_clitic(s, j) && !(j - i == 4 && memcmp(t + i, "Jong", 4) == 0)) break;
      hyph = 1;
      j++;
      continue;
    }
    if ((unsigned char)c == 0xC2 && j + 1 < s->e) {
      unsigned char c2 = (unsigned char)t[j + 1];
      if (c2 == 0xB7 && segment_cls_at(s, j + 2) == SC_LETTER) { j += 2; continue; } /* · */
      if (c2 == 0xB0 && j - i == 1 && (t[i] == 'n' || t[i] == 'N')) j += 2;          /* n° */
    }
    break;
  }
  if (j < s->e && t[j] == '.') {
    int ab = segment_abbrev(s, i, j);
    if (ab) {
      segment_push(s, i, j + 1, TOK_WORD, 0, ab == AB_FINAL ? SI_FINAL : 0);
      return j + 1;
    }
  }
  segment_push(s, i, j, TOK_WORD, 0, 0);
  return j;
}

/* ---- numbers, punctuation, symbols ----------------------------------- */

/* Ordinal suffixes, longest first; each starts with 'i', 'e', 'n', 'r' or
 * "è" (0xC3). */
static const segment_lit segment_ordinals[] = {
    SEGMENT_LIT("i\xc3\xa8mes"), SEGMENT_LIT("iemes"), SEGMENT_LIT("\xc3\xa8mes"),
    SEGMENT_LIT("emes"), SEGMENT_LIT("i\xc3\xa8me"), SEGMENT_LIT("ieme"),
    SEGMENT_LIT("\xc3\xa8res"), SEGMENT_LIT("\xc3\xa8me"), SEGMENT_LIT("eme"),
    SEGMENT_LIT("\xc3\xa8re"), SEGMENT_LIT("ers"), SEGMENT_LIT("ndes"), SEGMENT_LIT("nde"),
    SEGMENT_LIT("nds"), SEGMENT_LIT("res"), SEGMENT_LIT("er"), SEGMENT_LIT("re"),
    SEGMENT_LIT("es"), SEGMENT_LIT("nd"), SEGMENT_LIT("e"), SEGMENT_LIT("\xc3\xa8")};

static size_t segment_number(segment_scan *s, size_t i) {
  const char *t = s->t;
  size_t j = i, e = s->e, g;
  if ((j = segment_mail(s, i))) {
    segment_push(s, i, j, TOK_SYMBOL, 0, 0);
    return j;
  }
  j = i;
  while (j < e && segment_digit(t[j])) j++;
  g = j - i;
  int plain = 1, spaced = g <= 3;
  while (j + 1 < e) {
    char c = t[j];
    if ((c == '.' || c == ',' || c == '/' || c == ':' || c == '-') && segment_digit(t[j + 1])) {
      j++;
      while (j < e && segment_digit(t[j])) j++;
      plain = spaced = 0;
      continue;
    }
    if (c == ' ' && spaced && j + 4 <= e && segment_digit(t[j + 1]) &&
        segment_digit(t[j + 2]) && segment_digit(t[j + 3]) &&
        (j + 4 == e || !segment_digit(t[j + 4]))) {
      j += 4;
      plain = 0;
      continue;
    }
    break;
  }
  if (plain && j < e) {
    if ((t[j] == 'h' || t[j] == 'H') && g <= 2) {
      size_t k = j + 1;
      while (k < e && k < j + 3 && segment_digit(t[k])) k++;
      if (!segment_wordc(segment_cls_at(s, k))) j = k;
    } else if (t[j] == 'e' || t[j] == 'i' || t[j] == 'n' || t[j] == 'r' ||
               (unsigned char)t[j] == 0xC3) {
      for (size_t o = 0; o < sizeof segment_ordinals / sizeof *segment_ordinals; o++) {
        size_t l = segment_ordinals[o].n;
        if (j + l <= e && memcmp(t + j, segment_ordinals[o].w, l) == 0 &&
            !segment_wordc(segment_cls_at(s, j + l))) {
          j += l;
          break;
        }
      }
    }
  }
  segment_push(s, i, j, TOK_NUMBER, 0, 0);
  return j;
}

static size_t segment_punct(segment_scan *s, size_t i, size_t n) {
  const char *t = s->t;
  size_t j = i + n;
  unsigned inf = 0;
  char c = t[i];
  if (c == '.') {
    while (j < s->e && t[j] == '.') j++;
    inf = SI_FINAL;
  } else if (c == '?' || c == '!') {
    while (j < s->e && (t[j] == '?' || t[j] == '!')) j++;
    inf = SI_FINAL;
  } else if (c == '-' && s->n && s->toks[s->n - 1].end == i &&
             s->toks[s->n - 1].kind == TOK_WORD && (j = segment_clitic(s, i))) {
    segment_push(s, i, j, TOK_WORD, 0, 0);
    return j;
  } else {
    j = i + n;
    if (c == '"') inf = SI_DQUOTE;
  }
  segment_push(s, i, j, TOK_PUNCT, 0, inf);
  return j;
}

static int segment_ri(int32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

static size_t segment_symbol(segment_scan *s, size_t i, int32_t cp, size_t n) {
  size_t j = i + n;
  int ri = segment_ri(cp);
  for (;;) {
    int32_t c2, c3;
    size_t m, m3;
    int cl = segment_cls(s, j, &c2, &m);
    if (cl == SC_END) break;
    if (cl == SC_MARK || (c2 >= 0x1F3FB && c2 <= 0x1F3FF)) { j += m; continue; }
    if (c2 == 0x200D && segment_cls(s, j + m, &c3, &m3) == SC_SYMBOL && c3 >= 0x80) {
      j += m + m3;
      continue;
    }
    if (ri && segment_ri(c2)) { j += m; ri = 0; continue; }
    break;
  }
  segment_push(s, i, j, TOK_SYMBOL, 0, 0);
  return j;
}

/* The tokens from i to the region's end.  Each token ends where the next
 * scan resumes, so the spaces skipped before a token are all that
 * separates it from the previous one: they give its SI_GAP, SI_NL and
 * SI_PARA bits (none for the region's first token). */
static void segment_tokens(segment_scan *s, size_t i) {
  const char *t = s->t;
  size_t t0 = s->n, nl = 0;
  int gap = 0;
  while (i < s->e) {
    int32_t cp;
    size_t n;
    int c;
    if ((unsigned char)t[i] < 0x80) { /* inline ASCII fast path of segment_cls */
      cp = (unsigned char)t[i];
      n = 1;
      c = segment_latin1[cp] & SB_CLASS;
    } else {
      c = segment_cls(s, i, &cp, &n);
    }
    if (c == SC_SPACE) {
      gap = 1;
      nl += t[i] == '\n';
      i += n;
      continue;
    }
    s->pre = !gap || s->n == t0 ? 0 : SI_GAP | (nl == 1 ? SI_NL : nl > 1 ? SI_PARA : 0);
    gap = 0;
    nl = 0;
    switch (c) {
    case SC_LETTER: case SC_NUMCHAR: i = segment_word(s, i); break;
    case SC_DIGIT: i = segment_number(s, i); break;
    case SC_PUNCT: i = segment_punct(s, i, n); break;
    default: i = segment_symbol(s, i, cp, n); break;
    }
  }
}

/* ---- sentences ------------------------------------------------------- */

static int segment_is(const segment_scan *s, size_t k, char c) {
  if (c == '"') return (s->inf[k] & SI_DQUOTE) != 0;
  const token *tk = &s->toks[k];
  return tk->kind == TOK_PUNCT && tk->end - tk->start == 1 && s->t[tk->start] == c;
}

/* First and second characters of token k (0 when absent). */
static int32_t segment_char(const segment_scan *s, size_t k, int second) {
  const token *tk = &s->toks[k];
  int32_t cp = 0;
  size_t n = segment_dec(s->t, tk->start, tk->end, &cp);
  if (second) {
    if (tk->start + n >= tk->end) return 0;
    segment_dec(s->t, tk->start + n, tk->end, &cp);
  }
  return cp;
}

static int32_t segment_last_char(const segment_scan *s, size_t k) {
  const token *tk = &s->toks[k];
  size_t b = tk->end - 1;
  while (b > tk->start && b + 4 > tk->end && ((unsigned char)s->t[b] & 0xC0) == 0x80) b--;
  int32_t cp;
  segment_dec(s->t, b, tk->end, &cp);
  return cp;
}

/* May token j start a sentence after final punctuation (after an
 * abbreviation when abbr)? */
static int segment_starter(const segment_scan *s, size_t j, int abbr) {
  const token *tk = &s->toks[j];
  int32_t cp = segment_char(s, j, 0);
  char c = s->t[tk->start];
  switch (tk->kind) {
  case TOK_WORD:
    return segment_class_cp(cp) == SC_LETTER && !segment_is_lower(cp);
  case TOK_NUMBER:
    return !abbr;
  case TOK_PUNCT:
    return c == '"' || (!abbr && tk->end - tk->start == 1 && strchr("([-", c));
  default:
    return !abbr && !segment_ascii_alnum(c) && c != '%';
  }
}

/* Is token k a capitalised word: a capital then a lower-case letter, or a
 * capitalised elision ("Appréciant", "L'")? */
static int segment_capword(const segment_scan *s, size_t k) {
  const token *r = &s->toks[k];
  if (r->kind != TOK_WORD || !segment_is_upper(segment_char(s, k, 0))) return 0;
  return (r->flags & TOKF_ELISION) || segment_is_lower(segment_char(s, k, 1));
}

/* A full stop at k glued between a lower-case word (or a number) and a
 * capitalised word: "pays.Appréciant"; or final punctuation glued to an
 * opening quote before a capital: "indiqué.\"Au". */
static int segment_glued(const segment_scan *s, size_t b, size_t k, size_t end) {
  if (k + 2 < end && segment_is(s, k + 1, '"') && !(s->inf[k + 1] & SI_QCLOSE) &&
      !(s->inf[k + 2] & (SI_NL | SI_PARA)) && s->toks[k + 2].kind == TOK_WORD &&
      segment_is_upper(segment_char(s, k + 2, 0)))
    return 1;
  if (k == b || k + 1 >= end || !segment_is(s, k, '.')) return 0;
  if (s->inf[k] & (SI_GAP | SI_NL | SI_PARA)) return 0;
  const token *l = &s->toks[k - 1];
  if (l->kind == TOK_WORD) {
    if (!segment_is_lower(segment_last_char(s, k - 1))) return 0;
  } else if (l->kind != TOK_NUMBER) {
    return 0;
  }
  return segment_capword(s, k + 1);
}

static void segment_emit(segment_scan *s, size_t b, size_t j, uint8_t kind) {
  if (s->ns == s->scap) {
    size_t nc = s->scap ? s->scap * 2 : 64;
    s->sents = arena_grow(s->a, s->sents, s->ns, nc, sizeof *s->sents);
    s->scap = nc;
  }
  size_t q = j - 1;
  if (q > b && segment_is(s, q, '"')) q--;
  if ((s->inf[q] & SI_FINAL) && q > b) s->toks[q].flags |= TOKF_SENT_END;
  sentence *se = &s->sents[s->ns++];
  se->tok_begin = (uint32_t)b;
  se->tok_end = (uint32_t)j;
  se->start = s->toks[b].start;
  se->end = s->toks[j - 1].end;
  se->zone = kind;
}

static void segment_split(segment_scan *s, size_t t0, size_t t1, uint8_t kind) {
  size_t k, pending = SIZE_MAX;
  if (t0 == t1) return;
  for (k = t0; k < t1; k++) { /* pair quotes within each line */
    if (s->inf[k] & (SI_NL | SI_PARA)) pending = SIZE_MAX;
    if (!segment_is(s, k, '"')) continue;
    if (pending == SIZE_MAX) {
      pending = k;
    } else {
      s->inf[pending] |= SI_QOPEN;
      s->inf[k] |= SI_QCLOSE;
      pending = SIZE_MAX;
    }
  }
  size_t b = t0;
  int inq = 0, content = 0;
  k = t0;
  while (k < t1) {
    unsigned fk = s->inf[k];
    if (fk & SI_QOPEN) inq = 1;
    else if (fk & SI_QCLOSE) inq = 0;
    size_t nx = k + 1;
    if (nx == t1) {
      segment_emit(s, b, t1, kind);
      break;
    }
    unsigned fn = s->inf[nx];
    if ((fn & SI_PARA) ||
        ((fn & SI_NL) && ((fk & SI_FINAL) || !segment_is_lower(segment_char(s, nx, 0))))) {
      segment_emit(s, b, nx, kind);
      b = k = nx;
      inq = content = 0;
      continue;
    }
    int isword = s->toks[k].kind == TOK_WORD;
    int fin = (fk & SI_FINAL) && (content || isword) && (!inq || (fn & SI_QCLOSE));
    if (s->toks[k].kind != TOK_PUNCT) content = 1;
    if (fin) {
      size_t j = nx;
      while (j < t1 && j < nx + 2 && segment_is(s, j, '"') && !(s->inf[j] & (SI_NL | SI_PARA)) &&
             ((s->inf[j] & SI_QCLOSE) || !(s->inf[j] & (SI_QOPEN | SI_GAP))))
        j++;
      int brk;
      if (j == t1) brk = 1;
      else if (s->inf[j] & (SI_GAP | SI_NL | SI_PARA)) brk = segment_starter(s, j, isword);
      else brk = j == nx ? segment_glued(s, b, k, t1) : segment_capword(s, j);
      if (brk) {
        segment_emit(s, b, j, kind);
        if (j == t1) break;
        b = k = j;
        inq = content = 0;
        continue;
      }
    }
    k++;
  }
}

/* ---- entry points ---------------------------------------------------- */

static void segment_region(segment_scan *s, size_t b, size_t e, uint8_t kind) {
  if (b >= e) return;
  size_t t0 = s->n;
  const char *at = memchr(s->t + b, '@', e - b);
  s->e = e;
  s->at = at ? (size_t)(at - s->t) : e;
  segment_tokens(s, b);
  segment_split(s, t0, s->n, kind);
}

/* Move off to the next character boundary (a zone edge inside a character). */
static size_t segment_align(const char *t, size_t len, size_t off) {
  if (off > len) off = len;
  while (off < len && ((unsigned char)t[off] & 0xC0) == 0x80) off++;
  return off;
}

int segment_text(arena *a, const char *text, size_t len, const zone *zones,
                 size_t nzones, token **toks, size_t *ntoks, sentence **sents,
                 size_t *nsents) {
  *toks = NULL;
  *sents = NULL;
  *ntoks = *nsents = 0;
  if (len >= UINT32_MAX) return DYAD_ELIMIT;
  segment_scan s;
  memset(&s, 0, sizeof s);
  s.t = text;
  s.a = a;
  s.cap = len / 5 + 64; /* about one token per five bytes of French */
  s.toks = arena_alloc(a, s.cap * sizeof *s.toks);
  s.inf = xmalloc(s.cap);
  s.scap = len / 64 + 16;
  s.sents = arena_alloc(a, s.scap * sizeof *s.sents);
  size_t pos = 0;
  for (size_t z = 0; z < nzones; z++) {
    size_t zs = segment_align(text, len, zones[z].start);
    size_t ze = segment_align(text, len, zones[z].end);
    if (zs < pos) zs = pos;
    if (ze <= zs) continue;
    segment_region(&s, pos, zs, ZONE_ARTICLE);
    segment_region(&s, zs, ze, zones[z].kind);
    pos = ze;
  }
  segment_region(&s, pos, len, ZONE_ARTICLE);
  free(s.inf);
  *toks = s.toks;
  *ntoks = s.n;
  *sents = s.sents;
  *nsents = s.ns;
  return 0;
}

int segment_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err) {
  (void)ctx;
  if (!doc->text)
    return err_set(err, DYAD_EUSAGE, doc->path, 0, 0,
                   "segment: the document has no normalised text");
  if (doc->text_len >= UINT32_MAX)
    return err_set(err, DYAD_ELIMIT, doc->path, 0, 0,
                   "segment: text of %zu bytes exceeds the 4 GiB limit", doc->text_len);
  return segment_text(&doc->mem, doc->text, doc->text_len, doc->zones, doc->nzones,
                      &doc->toks, &doc->ntoks, &doc->sents, &doc->nsents);
}
