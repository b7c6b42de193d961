/* test_segment.c: unit tests of the segment stage (src/segment.c).
 *
 * What belongs here: short French texts, already in normalised form (ASCII
 * apostrophes and quotes, '-' dashes, "..." ellipses), each with the
 * sentences and tokens expected, rendered as forms joined by " | " with
 * " || " between sentences; token kinds and flags; zones; the structural
 * invariants (sorted, non-overlapping tokens on UTF-8 boundaries, sentences
 * tiling the tokens); pathological inputs that must stay linear; the
 * Latin-1 table of segment.c against the Unicode categories of utf8proc.
 *
 * Run with file arguments, the program prints their sentences one a line
 * instead (after normalise_text), for eyeballing a corpus.  Without
 * arguments it also segments every .txt file of ../shared/corpus/dev when that
 * directory exists (or $DYAD_DEV_CORPUS) and prints the sentence counts
 * when $DYAD_TEST_VERBOSE is set.
 */
#include "harness.h"
#include "doc.h"
#include "normalise.h"
#include "segment.h"
#include "err.h"
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- helpers --------------------------------------------------------- */

typedef struct seg_out {
  arena a;
  const char *text;
  size_t len;
  token *toks;
  size_t ntoks;
  sentence *sents;
  size_t nsents;
} seg_out;

static void seg_do(seg_out *o, const char *text, size_t len, const zone *z, size_t nz) {
  arena_init(&o->a);
  o->text = text;
  o->len = len;
  int rc = segment_text(&o->a, text, len, z, nz, &o->toks, &o->ntoks, &o->sents, &o->nsents);
  EXPECT_INT("segment_text rc", 0, rc);
}

/* Sentences as "form | form || form", into a malloc'd string. */
static char *seg_render(const seg_out *o) {
  size_t cap = 64 + o->len * 4 + o->ntoks * 4, n = 0;
  char *buf = malloc(cap);
  buf[0] = '\0';
  for (size_t s = 0; s < o->nsents; s++) {
    for (size_t k = o->sents[s].tok_begin; k < o->sents[s].tok_end; k++) {
      const char *sep = k == o->sents[s].tok_begin ? (s ? " || " : "") : " | ";
      size_t l = o->toks[k].end - o->toks[k].start;
      n += (size_t)snprintf(buf + n, cap - n, "%s%.*s", sep, (int)l, o->text + o->toks[k].start);
    }
  }
  return buf;
}

/* The structural invariants; returns a description of the first broken
 * one, or NULL. */
static const char *seg_invariants(const seg_out *o) {
  for (size_t k = 0; k < o->ntoks; k++) {
    const token *t = &o->toks[k];
    if (t->start >= t->end) return "empty token";
    if (t->end > o->len) return "token past the text";
    if (k && t->start < o->toks[k - 1].end) return "tokens overlap or unsorted";
    if (((unsigned char)o->text[t->start] & 0xC0) == 0x80) return "token start inside a character";
    if (t->end < o->len && ((unsigned char)o->text[t->end] & 0xC0) == 0x80)
      return "token end inside a character";
    if (t->kind >= TOK__COUNT) return "bad kind";
  }
  size_t next = 0;
  for (size_t s = 0; s < o->nsents; s++) {
    const sentence *se = &o->sents[s];
    if (se->tok_begin != next || se->tok_end <= se->tok_begin) return "sentences do not tile the tokens";
    if (se->start != o->toks[se->tok_begin].start || se->end != o->toks[se->tok_end - 1].end)
      return "sentence range is not its tokens' range";
    next = se->tok_end;
  }
  if (next != o->ntoks) return "tokens left outside sentences";
  return NULL;
}

/* ---- token and sentence tables --------------------------------------- */

static const struct {
  const char *id, *text;
  int nsents;
  const char *expect;
} seg_cases[] = {
    /* elisions */
    {"elision-basic", "L'Union africaine s'est r\xc3\xa9unie.", 1,
     "L' | Union | africaine | s' | est | r\xc3\xa9unie | ."},
    {"elision-whole", "aujourd'hui, le prud'homme d'Abidjan", 1,
     "aujourd'hui | , | le | prud'homme | d' | Abidjan"},
    {"elision-long", "jusqu'\xc3\xa0 lorsqu'il puisqu'elle quoiqu'on presqu'\xc3\xaele qu'un", 1,
     "jusqu' | \xc3\xa0 | lorsqu' | il | puisqu' | elle | quoiqu' | on | presqu' | \xc3\xaele | qu' | un"},
    {"elision-short", "D'apr\xc3\xa8s j'ai m'a n'est t'en c'\xc3\xa9tait l'h\xc3\xb4tel l'Yonne", 1,
     "D' | apr\xc3\xa8s | j' | ai | m' | a | n' | est | t' | en | c' | \xc3\xa9tait | l' | h\xc3\xb4tel | l' | Yonne"},
    {"elision-consonant", "N'Djamena et quelqu'un, M'Bow", 1, "N'Djamena | et | quelqu'un | , | M'Bow"},
    {"elision-space", "ainsi qu' \xc3\xa0 la communaut\xc3\xa9", 1, "ainsi | qu' | \xc3\xa0 | la | communaut\xc3\xa9"},
    {"elision-caps", "L'ONU, QU'IL, D'ABORD", 1, "L' | ONU | , | QU' | IL | , | D' | ABORD"},
    {"elision-acronym", "le r\xc3\xb4le de l'O.N.U. dans", 1, "le | r\xc3\xb4le | de | l' | O.N.U. | dans"},
    {"elision-double", "d'aujourd'hui", 1, "d' | aujourd'hui"},
    /* compounds */
    {"compound-vice", "le vice-Premier ministre", 1, "le | vice-Premier | ministre"},
    {"compound-names", "l'Union Kazakhstan-Russie-Bi\xc3\xa9lorussie \xc3\xa0 Nour-Soultan", 1,
     "l' | Union | Kazakhstan-Russie-Bi\xc3\xa9lorussie | \xc3\xa0 | Nour-Soultan"},
    {"compound-fixed", "c'est-\xc3\xa0-dire peut-\xc3\xaatre, C'est-\xc3\xa0-dire", 1,
     "c'est-\xc3\xa0-dire | peut-\xc3\xaatre | , | C'est-\xc3\xa0-dire"},
    {"compound-clitic", "Que va-t-il faire ? Peut-on dire, a-t-elle ajout\xc3\xa9, est-ce", 2,
     "Que | va | -t-il | faire | ? || Peut | -on | dire | , | a | -t-elle | ajout\xc3\xa9 | , | est | -ce"},
    {"compound-clitic-keep", "Kim Jong-il, Saint-Simon, rendez-vous, celui-ci", 1,
     "Kim | Jong-il | , | Saint-Simon | , | rendez-vous | , | celui-ci"},
    {"compound-spaced-hyphen", "Hanoi (VNA) - Le ministre", 1, "Hanoi | ( | VNA | ) | - | Le | ministre"},
    {"compound-digits", "le COVID-19 et le G20", 1, "le | COVID-19 | et | le | G20"},
    {"compound-trailing", "pro- et anti-", 1, "pro | - | et | anti | -"},
    {"compound-saint", "St-Louis et Ste-Marie", 1, "St-Louis | et | Ste-Marie"},
    /* numbers */
    {"number-groups", "150.000 soldats, 150 000 civils et 1 500 000 euros", 1,
     "150.000 | soldats | , | 150 000 | civils | et | 1 500 000 | euros"},
    {"number-decimal-symbols", "1,5 % et 1.5 $ ou 20 \xe2\x82\xac", 1,
     "1,5 | % | et | 1.5 | $ | ou | 20 | \xe2\x82\xac"},
    {"number-ordinals", "2023-2025, le 20e, le 1er, le 30e anniversaire, la 2nde, le 3\xc3\xa8me, la 1re", 1,
     "2023-2025 | , | le | 20e | , | le | 1er | , | le | 30e | anniversaire | , | la | 2nde | , | le | 3\xc3\xa8me | , | la | 1re"},
    {"number-dates-hours", "le 12/06/2023 \xc3\xa0 10h30 puis 15:57 et 10h", 1,
     "le | 12/06/2023 | \xc3\xa0 | 10h30 | puis | 15:57 | et | 10h"},
    {"number-no-join", "en 2023 150 manifestants, 12 1234", 1,
     "en | 2023 | 150 | manifestants | , | 12 | 1234"},
    {"number-units", "15km, 8heures et 100 USD", 1, "15 | km | , | 8 | heures | et | 100 | USD"},
    {"number-numero", "le n\xc2\xb0 5 et N\xc2\xb0" "3", 1, "le | n\xc2\xb0 | 5 | et | N\xc2\xb0 | 3"},
    {"number-end", "Il y en a 150.000. Le reste suit.", 2, "Il | y | en | a | 150.000 | . || Le | reste | suit | ."},
    {"number-decimal-sentence", "Le taux est de 1.5. Il monte.", 2, "Le | taux | est | de | 1.5 | . || Il | monte | ."},
    /* abbreviations */
    {"abbrev-titles", "M. Dupont et Mme Durand ont vu le Dr. Martin.", 1,
     "M. | Dupont | et | Mme | Durand | ont | vu | le | Dr. | Martin | ."},
    {"abbrev-jc", "Il est n\xc3\xa9 en 50 av. J.-C. Les Romains", 2,
     "Il | est | n\xc3\xa9 | en | 50 | av. | J.-C. || Les | Romains"},
    {"abbrev-etc-end", "du riz, du mil, etc. Le pays", 2, "du | riz | , | du | mil | , | etc. || Le | pays"},
    {"abbrev-etc-mid", "du riz, etc. et du mil.", 1, "du | riz | , | etc. | et | du | mil | ."},
    {"abbrev-etc-dots", "du riz, etc... Le pays", 2, "du | riz | , | etc | ... || Le | pays"},
    {"abbrev-misc", "cf. p. 12 et St. Louis, art. 5", 1, "cf. | p. | 12 | et | St. | Louis | , | art. | 5"},
    {"abbrev-num-only", "Il aime l'art. Le reste.", 2, "Il | aime | l' | art | . || Le | reste | ."},
    {"abbrev-initials", "J. Smith et J.-P. Sartre", 1, "J. | Smith | et | J.-P. | Sartre"},
    {"abbrev-acronym-end", "aux U.S. Le pr\xc3\xa9sident", 2, "aux | U.S. || Le | pr\xc3\xa9sident"},
    {"abbrev-mm", "MM. Ouattara et Sall", 1, "MM. | Ouattara | et | Sall"},
    {"abbrev-month", "le 15 janv. 2023 \xc3\xa0 Dakar", 1, "le | 15 | janv. | 2023 | \xc3\xa0 | Dakar"},
    /* ellipses and ?! runs */
    {"ellipsis-split", "Il a h\xc3\xa9sit\xc3\xa9... Puis il a parl\xc3\xa9.", 2,
     "Il | a | h\xc3\xa9sit\xc3\xa9 | ... || Puis | il | a | parl\xc3\xa9 | ."},
    {"ellipsis-continue", "Nous allons... continuer.", 1, "Nous | allons | ... | continuer | ."},
    {"ellipsis-paren", "Il a dit (...) Le reste.", 1, "Il | a | dit | ( | ... | ) | Le | reste | ."},
    {"qe-run", "Quoi ?! Non !!! Oui.", 3, "Quoi | ?! || Non | !!! || Oui | ."},
    {"question-lower", "Pourquoi ? a-t-il demand\xc3\xa9.", 1, "Pourquoi | ? | a | -t-il | demand\xc3\xa9 | ."},
    {"dot-run-long", "Fin.......... Suite", 2, "Fin | .......... || Suite"},
    /* quotations */
    {"quote-close-after", "Il a dit : \"Nous sommes pr\xc3\xaats.\" Le ministre est parti.", 2,
     "Il | a | dit | : | \" | Nous | sommes | pr\xc3\xaats | . | \" || Le | ministre | est | parti | ."},
    {"quote-french-spacing", "Il a dit : \" Nous sommes pr\xc3\xaats. \" Le ministre est parti.", 2,
     "Il | a | dit | : | \" | Nous | sommes | pr\xc3\xaats | . | \" || Le | ministre | est | parti | ."},
    {"quote-continues", "\"Je suis heureux. J'exprime ma gratitude\", a indiqu\xc3\xa9 le chef.", 1,
     "\" | Je | suis | heureux | . | J' | exprime | ma | gratitude | \" | , | a | indiqu\xc3\xa9 | le | chef | ."},
    {"quote-attribution", "\"Je suis heureux !\" a-t-il lanc\xc3\xa9.", 1,
     "\" | Je | suis | heureux | ! | \" | a | -t-il | lanc\xc3\xa9 | ."},
    {"quote-opens", "Il est parti. \"Nous reviendrons\", dit-il.", 2,
     "Il | est | parti | . || \" | Nous | reviendrons | \" | , | dit | -il | ."},
    {"quote-ellipsis-start", "\"... Nous verrons\", dit-il.", 1, "\" | ... | Nous | verrons | \" | , | dit | -il | ."},
    {"quote-unpaired", "Il dit \"oui. Non.", 2, "Il | dit | \" | oui | . || Non | ."},
    /* glued sentences */
    {"glued-basic", "les deux pays.Appr\xc3\xa9" "ciant l'accompagnement", 2,
     "les | deux | pays | . || Appr\xc3\xa9" "ciant | l' | accompagnement"},
    {"glued-compound", "l'Asie-Pacifique.Il a consid\xc3\xa9r\xc3\xa9", 2,
     "l' | Asie-Pacifique | . || Il | a | consid\xc3\xa9r\xc3\xa9"},
    {"glued-accent", "chef d'\xc3\x89tat.Les deux", 2, "chef | d' | \xc3\x89tat | . || Les | deux"},
    {"glued-number", "en 2023.Le pr\xc3\xa9sident", 2, "en | 2023 | . || Le | pr\xc3\xa9sident"},
    {"glued-elision", "le pays.L'Union", 2, "le | pays | . || L' | Union"},
    {"glued-domain", "le site Abidjan.net et www.koaci.com rapporte", 1,
     "le | site | Abidjan.net | et | www.koaci.com | rapporte"},
    {"glued-title", "M.Dupont est l\xc3\xa0", 1, "M. | Dupont | est | l\xc3\xa0"},
    {"glued-acronym", "les U.S.A. et l'UA.Le", 1, "les | U.S.A. | et | l' | UA | . | Le"},
    {"glued-lower", "le pays.il", 1, "le | pays | . | il"},
    {"glued-quote", "a-t-il indiqu\xc3\xa9.\"Au regard des faits\", il part.", 2,
     "a | -t-il | indiqu\xc3\xa9 | . || \" | Au | regard | des | faits | \" | , | il | part | ."},
    {"glued-quote-close", "Il a dit \"oui.\"Le reste", 2, "Il | a | dit | \" | oui | . | \" || Le | reste"},
    /* URLs and e-mails */
    {"url-email", "Voir https://www.vietnamplus.vn/article-123.html. Contact : Issouf.kamagate@fratmat.info.", 2,
     "Voir | https://www.vietnamplus.vn/article-123.html | . || Contact | : | Issouf.kamagate@fratmat.info | ."},
    {"url-paren", "(voir http://x.org/a_(b)) et (www.test.fr)", 1,
     "( | voir | http://x.org/a_(b) | ) | et | ( | www.test.fr | )"},
    {"url-bare-prefix", "http:// et www. seuls", 1, "http | : | / | / | et | www | . | seuls"},
    {"url-domain-path", "sur Koaci.com/article-1 hier", 1, "sur | Koaci.com/article-1 | hier"},
    /* lines */
    {"headline", "Le Vietnam et le Kazakhstan renforcent leurs liens\nLe ministre a soulign\xc3\xa9 l'importance.", 2,
     "Le | Vietnam | et | le | Kazakhstan | renforcent | leurs | liens || Le | ministre | a | soulign\xc3\xa9 | l' | importance | ."},
    {"caption-para", "Entretien \xc3\xa0 Hanoi, le 18 ao\xc3\xbbt. Photo : VNA\n\nLe ministre est arriv\xc3\xa9.", 3,
     "Entretien | \xc3\xa0 | Hanoi | , | le | 18 | ao\xc3\xbbt | . || Photo | : | VNA || Le | ministre | est | arriv\xc3\xa9 | ."},
    {"hard-wrap", "le pr\xc3\xa9sident de\nla R\xc3\xa9publique a parl\xc3\xa9.", 1,
     "le | pr\xc3\xa9sident | de | la | R\xc3\xa9publique | a | parl\xc3\xa9 | ."},
    {"newline-after-stop", "Il part.\nil revient.", 2, "Il | part | . || il | revient | ."},
    {"signature", "Astana le m\xc3\xaame jour.- AVI", 1, "Astana | le | m\xc3\xaame | jour | . | - | AVI"},
    {"colon-newline", "Il a d\xc3\xa9" "clar\xc3\xa9 :\n\"La paix.\"", 2, "Il | a | d\xc3\xa9" "clar\xc3\xa9 | : || \" | La | paix | . | \""},
    /* symbols */
    {"symbols-emoji", "\xf0\x9f\x93\x9d\xc3\x89" "dito: \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd et \xf0\x9f\x87\xab\xf0\x9f\x87\xb7 #tag @user \xc2\xa9 VNA", 1,
     "\xf0\x9f\x93\x9d | \xc3\x89" "dito | : | \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd | et | \xf0\x9f\x87\xab\xf0\x9f\x87\xb7 | # | tag | @ | user | \xc2\xa9 | VNA"},
    {"symbol-bullet-start", "Fin. \xe2\x80\xa2 Suite", 2, "Fin | . || \xe2\x80\xa2 | Suite"},
    {"empty", "", 0, ""},
    {"spaces-only", "  \n\n  ", 0, ""},
};

static void test_cases(void) {
  for (size_t c = 0; c < sizeof seg_cases / sizeof *seg_cases; c++) {
    seg_out o;
    seg_do(&o, seg_cases[c].text, strlen(seg_cases[c].text), NULL, 0);
    char *got = seg_render(&o);
    EXPECT_STR(seg_cases[c].id, seg_cases[c].expect, got);
    EXPECT_INT(seg_cases[c].id, seg_cases[c].nsents, o.nsents);
    const char *bad = seg_invariants(&o);
    EXPECT(bad == NULL, seg_cases[c].id, "invariant broken: %s", bad);
    free(got);
    arena_free(&o.a);
  }
}

/* ---- kinds and flags ------------------------------------------------- */

#define F_E TOKF_ELISION
#define F_U TOKF_UPPER
#define F_S TOKF_SENT_END

static const struct {
  const char *id, *text, *form;
  int kind;
  unsigned flags;
} seg_flags[] = {
    {"flag-elision-upper", "L'Union", "L'", TOK_WORD, F_E | F_U},
    {"flag-upper", "L'Union", "Union", TOK_WORD, F_U},
    {"flag-lower", "l'union", "l'", TOK_WORD, F_E},
    {"flag-accent-upper", "\xc3\x89tat", "\xc3\x89tat", TOK_WORD, F_U},
    {"flag-sent-end", "Il part. Elle reste", ".", TOK_PUNCT, F_S},
    {"flag-sent-end-last", "Quoi ?!", "?!", TOK_PUNCT, F_S},
    {"flag-no-sent-end", "Pourquoi ? dit-il", "?", TOK_PUNCT, 0},
    {"flag-etc-end", "du mil, etc. Le pays", "etc.", TOK_WORD, F_S},
    {"flag-quote-end", "\"Oui.\" Non", ".", TOK_PUNCT, F_S},
    {"flag-title", "M. Dupont", "M.", TOK_WORD, F_U},
    {"kind-number", "150 000 soldats", "150 000", TOK_NUMBER, 0},
    {"kind-ordinal", "le 1er mai", "1er", TOK_NUMBER, 0},
    {"kind-percent", "5 %", "%", TOK_SYMBOL, 0},
    {"kind-euro", "5 \xe2\x82\xac", "\xe2\x82\xac", TOK_SYMBOL, 0},
    {"kind-usd", "5 USD", "USD", TOK_WORD, F_U},
    {"kind-url", "voir www.x.com", "www.x.com", TOK_SYMBOL, 0},
    {"kind-email", "a b.c@d.org", "b.c@d.org", TOK_SYMBOL, 0},
    {"kind-domain", "selon Abidjan.net", "Abidjan.net", TOK_SYMBOL, F_U},
    {"kind-ellipsis", "Oui... non", "...", TOK_PUNCT, 0},
    {"kind-comma", "oui, non", ",", TOK_PUNCT, 0},
    {"kind-emoji", "ok \xf0\x9f\x98\x80", "\xf0\x9f\x98\x80", TOK_SYMBOL, 0},
    {"kind-clitic", "a-t-il", "-t-il", TOK_WORD, 0},
};

static void test_flags(void) {
  for (size_t c = 0; c < sizeof seg_flags / sizeof *seg_flags; c++) {
    seg_out o;
    seg_do(&o, seg_flags[c].text, strlen(seg_flags[c].text), NULL, 0);
    size_t fl = strlen(seg_flags[c].form), k;
    for (k = 0; k < o.ntoks; k++)
      if (o.toks[k].end - o.toks[k].start == fl &&
          memcmp(o.text + o.toks[k].start, seg_flags[c].form, fl) == 0)
        break;
    EXPECT(k < o.ntoks, seg_flags[c].id, "no token \"%s\"", seg_flags[c].form);
    if (k < o.ntoks) {
      EXPECT_INT(seg_flags[c].id, seg_flags[c].kind, o.toks[k].kind);
      EXPECT_INT(seg_flags[c].id, seg_flags[c].flags, o.toks[k].flags);
    }
    arena_free(&o.a);
  }
}

/* ---- Latin-1 ---------------------------------------------------------- */

/* segment.c classifies U+0080-U+00FF from a table instead of asking
 * utf8proc: each character alone must give the token its category says
 * (letters and other numerals a word, upper case flagged; punctuation,
 * but for the symbols § and ¶; symbols; nothing for spaces and controls),
 * and after "Ab\n" a lower-case letter (Ll) only continues the sentence. */
static void test_latin1(void) {
  for (int32_t cp = 0x80; cp < 0x100; cp++) {
    char id[32], one[4], two[8];
    snprintf(id, sizeof id, "latin1-U+%04X", (unsigned)cp);
    one[0] = (char)(0xC0 | (cp >> 6));
    one[1] = (char)(0x80 | (cp & 0x3F));
    memcpy(two, "Ab\n", 3);
    memcpy(two + 3, one, 2);
    utf8proc_category_t cat = utf8proc_category(cp);
    int ntok = 1, kind, upper = 0;
    switch (cat) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: upper = 1; kind = TOK_WORD; break;
    case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: kind = TOK_WORD; break;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
      ntok = 0; kind = 0; break;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
      kind = TOK_PUNCT; break;
    case UTF8PROC_CATEGORY_PO: kind = cp == 0xA7 || cp == 0xB6 ? TOK_SYMBOL : TOK_PUNCT; break;
    default: kind = TOK_SYMBOL; break;
    }
    seg_out o;
    seg_do(&o, one, 2, NULL, 0);
    EXPECT_INT(id, ntok, o.ntoks);
    if (ntok && o.ntoks == 1) {
      EXPECT_INT(id, kind, o.toks[0].kind);
      EXPECT_INT(id, upper ? TOKF_UPPER : 0, o.toks[0].flags & TOKF_UPPER);
    }
    arena_free(&o.a);
    if (!ntok) continue;
    seg_do(&o, two, 5, NULL, 0);
    EXPECT_INT(id, cat == UTF8PROC_CATEGORY_LL ? 1 : 2, o.nsents);
    arena_free(&o.a);
  }
}

/* ---- zones ----------------------------------------------------------- */

static void test_zones(void) {
  /* "Titre du jour\nPhoto : VNA Le ministre a parlé. - AVI" */
  const char *text = "Titre du jour\nPhoto : VNA Le ministre a parl\xc3\xa9. - AVI";
  size_t len = strlen(text);
  const char *cap = strstr(text, "Photo"), *sig = strstr(text, "- AVI");
  zone z[2] = {{(uint32_t)(cap - text), (uint32_t)(cap - text + 11), ZONE_CAPTION},
               {(uint32_t)(sig - text), (uint32_t)len, ZONE_SIGNATURE}};
  seg_out o;
  seg_do(&o, text, len, z, 2);
  char *got = seg_render(&o);
  EXPECT_STR("zones", "Titre | du | jour || Photo | : | VNA || Le | ministre | a | parl\xc3\xa9 | . || - | AVI", got);
  EXPECT_INT("zones count", 4, o.nsents);
  if (o.nsents == 4) {
    EXPECT_INT("zone 0", ZONE_ARTICLE, o.sents[0].zone);
    EXPECT_INT("zone 1", ZONE_CAPTION, o.sents[1].zone);
    EXPECT_INT("zone 2", ZONE_ARTICLE, o.sents[2].zone);
    EXPECT_INT("zone 3", ZONE_SIGNATURE, o.sents[3].zone);
  }
  EXPECT(seg_invariants(&o) == NULL, "zones", "invariant broken");
  free(got);
  arena_free(&o.a);

  /* a zone edge inside a word cuts it; adjacent zones of one kind stay apart */
  zone z2[2] = {{3, 6, ZONE_FURNITURE}, {6, 9, ZONE_FURNITURE}};
  seg_do(&o, "abcdefghi", 9, z2, 2);
  got = seg_render(&o);
  EXPECT_STR("zone-mid-word", "abc || def || ghi", got);
  free(got);
  arena_free(&o.a);

  /* a zone edge inside a UTF-8 character moves to the next boundary;
     zones past the text are clamped */
  zone z3[2] = {{1, 3, ZONE_HEADER}, {40, 50, ZONE_CAPTION}};
  seg_do(&o, "\xc3\xa9\xc3\xa9\xc3\xa9", 6, z3, 2);
  got = seg_render(&o);
  EXPECT_STR("zone-mid-char", "\xc3\xa9 || \xc3\xa9 || \xc3\xa9", got);
  EXPECT(seg_invariants(&o) == NULL, "zone-mid-char", "invariant broken");
  free(got);
  arena_free(&o.a);

  /* through the stage entry point, on a document */
  dyad_doc *doc = dyad_doc_new("t", NULL, "Un. Deux.", 9, NULL);
  dyad_err err;
  memset(&err, 0, sizeof err);
  EXPECT_INT("run without text", DYAD_EUSAGE, segment_run(doc, NULL, &err));
  doc->text = arena_strndup(&doc->mem, "Un. Deux.", 9);
  doc->text_len = 9;
  EXPECT_INT("run", 0, segment_run(doc, NULL, &err));
  EXPECT_INT("run sentences", 2, doc->nsents);
  EXPECT_INT("run tokens", 4, doc->ntoks);
  dyad_doc_free(doc);
}

/* ---- pathological inputs --------------------------------------------- */

static void test_pathological(void) {
  static const char *const units[] = {
      ".", "a.", "ab.", "a", " ", "?!", "\"", "'", "l'", "-", "1.", "1 ", "a-", "ab.Cd",
      "http://", "a@", "x.com.", "a--", "a@-", "\xf0\x9f\x91\x8d\xe2\x80\x8d", "\xcc\x81", "\n", "M. ", "U.S."};
  size_t n = (size_t)1 << 20;
  char *buf = malloc(n + 1);
  for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
    size_t l = strlen(units[u]), i = 0;
    while (i + l <= n) { memcpy(buf + i, units[u], l); i += l; }
    memset(buf + i, ' ', n - i);
    buf[n] = '\0';
    seg_out o;
    seg_do(&o, buf, n, NULL, 0);
    const char *bad = seg_invariants(&o);
    EXPECT(bad == NULL, units[u], "invariant broken: %s", bad);
    arena_free(&o.a);
  }
  free(buf);
}

/* ---- corpus ---------------------------------------------------------- */

static int seg_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *seg_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0, r;
  char *b = malloc(cap);
  while ((r = fread(b + n, 1, cap - n, f)) > 0) {
    n += r;
    if (n == cap) b = realloc(b, cap *= 2);
  }
  fclose(f);
  *len = n;
  return b;
}

/* Normalise and segment one file; print its sentences when dump. */
static size_t seg_file(const char *path, int dump) {
  size_t len;
  char *raw = seg_slurp(path, &len);
  if (!raw) return 0;
  seg_out o;
  char *text;
  size_t tlen;
  uint32_t *omap;
  arena_init(&o.a);
  normalise_text(&o.a, raw, len, &text, &tlen, &omap);
  o.text = text;
  o.len = tlen;
  segment_text(&o.a, text, tlen, NULL, 0, &o.toks, &o.ntoks, &o.sents, &o.nsents);
  const char *bad = seg_invariants(&o);
  EXPECT(bad == NULL, path, "invariant broken: %s", bad);
  for (size_t s = 0; dump && s < o.nsents; s++)
    printf("%zu\t%.*s\n", s, (int)(o.sents[s].end - o.sents[s].start), text + o.sents[s].start);
  size_t ns = o.nsents;
  arena_free(&o.a);
  free(raw);
  return ns;
}

static void test_corpus(void) {
  const char *dir = getenv("DYAD_DEV_CORPUS");
  if (!dir) dir = "../shared/corpus/dev";
  DIR *d = opendir(dir);
  if (!d) return;
  char **names = NULL;
  size_t n = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    size_t l = strlen(de->d_name);
    if (l < 5 || strcmp(de->d_name + l - 4, ".txt")) continue;
    names = realloc(names, (n + 1) * sizeof *names);
    names[n++] = strdup(de->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, seg_cmp);
  size_t total = 0;
  int verbose = getenv("DYAD_TEST_VERBOSE") != NULL;
  for (size_t k = 0; k < n; k++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[k]);
    size_t ns = seg_file(path, 0);
    EXPECT(ns > 0, names[k], "no sentence");
    total += ns;
    if (verbose) printf("corpus %s: %zu sentences\n", names[k], ns);
    free(names[k]);
  }
  free(names);
  if (verbose) printf("corpus: %zu files, %zu sentences\n", n, total);
}

int main(int argc, char **argv) {
  if (argc > 1) {
    for (int i = 1; i < argc; i++) {
      printf("== %s\n", argv[i]);
      seg_file(argv[i], 1);
    }
    return 0;
  }
  test_cases();
  test_flags();
  test_latin1();
  test_zones();
  test_pathological();
  test_corpus();
  HARNESS_END();
}
