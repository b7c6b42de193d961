/* clean.c: the clean stage, marking what of an article is not the article.
 *
 * Works on normalised text (normalise.h: apostrophes are ', quotes ",
 * dashes -, special spaces ' ') line by line; a line is a paragraph.  The
 * text is never changed: the stage only adds zones (see clean.h for their
 * shape).  Exports clean_run and clean_zones.
 *
 * Forms recognised, by zone kind:
 *
 *   header     at offset 0: " date 2023-08" (spaces, "date"/"Date", a year,
 *              optional -MM and -DD), up to the next word.  The header
 *              alone on its line takes the whole line.
 *   caption    a line starting with "Photo"/"PHOTO"/"Photos" then ':' (or a
 *              short line starting so, like "Photo DR"); a line ending with
 *              "Photo : CREDIT" / "Crédit photo : CREDIT" (CREDIT: at most
 *              60 bytes, 8 words, no sentence break) or "Photo
 *              d'illustration"; a line with "©" not followed by a year;
 *              phrases "Crédit(s) photo", "Crédit :", "Légende :",
 *              "Illustration", "Photo d'illustration", "Source photo"; the
 *              headline-shaped line right after a line starting with "©".
 *              A line of at most 400 bytes is taken whole; in a longer one
 *              only the credit from "Photo"/"©" to the end.  Anywhere: an
 *              aside "(Photo ...)", "(Crédit ...)", "(Illustration ...)" of
 *              at most 80 bytes.
 *   signature  at the end of a paragraph, after sentence punctuation
 *              (. ! ? " ) »): "- AGENCY" or "-AGENCY" ("jour.- AVI",
 *              "2025.-VNA/VI"), "(AGENCY)" or "(avec AFP)", "AGENCY/X"
 *              ("VNA/CVN"); the same alone on a line; AGENCY is 2 to 20
 *              bytes of A-Z 0-9 '/' with at least two capitals.  Lines
 *              "Avec AFP", "Source(s) : ...", "La rédaction", a by-line
 *              "Par X" (at most 60 bytes, no final punctuation).  At the
 *              end of the article (after the last paragraph, among blank
 *              and noise lines): up to three name-like lines ("Stéphane
 *              Badobré", "M. Ngue", "Bamba KI": 1-4 capitalised words, no
 *              digit, no apostrophe, not starting with a determiner), or
 *              an e-mail address or site name ("Minute.bf").
 *   furniture  site phrases (table clean_phrases: "PUBLICITÉ", "PARTAGER",
 *              "Télécharger l'application", "À lire aussi", "Lire aussi",
 *              "Partager sur", "Abonnez-vous", "Réservé aux abonnés",
 *              "Tags :", "Mots-clés :", "Commentaires", cookie notices,
 *              "Laisser un commentaire", "Mis à jour le"...), matched
 *              case- and accent-insensitively at the start of a line after
 *              any non-letters (bullets, "x " close buttons), each with a
 *              longest line and a mode: the whole line, a prefix, or a
 *              label followed by ':'; the headline-shaped line after a bare
 *              "À lire aussi"; a line without letters (rules "----",
 *              durations "01:12"); a short line with " | " (breadcrumbs,
 *              "Politique Publié le ... | Nord-Sud"); a line of handles,
 *              hashtags or URLs; an all-caps line of at most 3 words and 30
 *              bytes (a lone capital token of at most 6 letters is taken
 *              as a signature, but as a rubric before the title); a
 *              copyright "© 2023 ..."; single-word lines before the title
 *              (rubrics: "Politique", "Mali"); a menu: 4 or more
 *              consecutive lines (no blank line between), each short (at
 *              most 130 bytes and 16 words), starting with a capital or a
 *              digit, without final punctuation, at least 3 of them not
 *              otherwise marked, the title (first line before any prose)
 *              never one of them.
 *   appended   from a marker line to the end of the text, once a prose
 *              paragraph (8+ words ending with final punctuation or a
 *              signature, or over 400 bytes) has been seen: "Édito",
 *              "Éditorial" (alone or with ':'), "Lire la suite ...", "Sur le même
 *              sujet", "Articles similaires", "Dans la même rubrique", "À
 *              voir aussi ...", "Vous aimerez aussi", "Les plus lus"...
 *              (alone or with ':'), or an emoji (U+1F300-U+1FAFF) heading a
 *              section label of at most 3 words followed by ':' ("📝Édito:
 *              ...").  A marker before any prose is furniture instead.
 *
 * Final punctuation is one of . ! ? : ; , " » or an ellipsis.  A line
 * longer than 400 bytes is prose: it only gets the in-line forms (header,
 * end signature, end credit, asides).
 *
 * Linear: two passes split the text into its non-blank lines (count,
 * then fill an array of 16 bytes a line), one classifies each line (the
 * rules look at a bounded part of a long line, or scan it once, and the
 * in-line zone ending it is found once and kept for the emission), then
 * constant-work passes over the array.  Reads nothing outside
 * text[0, len).
 */
#include "clean.h"
#include "err.h"
#include <string.h>

#define CLEAN_LONG 400    /* longer lines are prose: in-line rules only */
#define CLEAN_TAIL 160    /* bytes of a line's end searched for a credit */
#define CLEAN_CREDIT 60   /* longest credit after "Photo :" */
#define CLEAN_ASIDE 80    /* longest "(Photo ...)" aside */
#define CLEAN_MENU_LINES 4
#define CLEAN_MENU_FREE 3 /* unmarked short lines a menu needs */
#define CLEAN_TAIL_NAMES 3

/* line flags */
#define LF_AFTERBLANK 0x001u /* a blank line (or more) comes before it */
#define LF_PROSE 0x002u    /* a paragraph: 8+ words and final punctuation (or a
                              signature), or longer than CLEAN_LONG */
#define LF_SHORT 0x004u    /* menu-shaped: short, capital start, no final punct */
#define LF_HEADLINE 0x008u /* a title or link: <= 250 bytes, no final punct */
#define LF_NAME 0x010u     /* a sign-off: name, e-mail, site name */
#define LF_SINGLE 0x020u   /* one capitalised word (a rubric) */
#define LF_LINK 0x040u     /* a bare "À lire aussi": the next line is a link */
#define LF_CREDIT 0x080u   /* starts with "©": the next line may be its caption */
#define LF_APPMARK 0x100u  /* an appended-piece marker */
#define LF_ALLCAPS 0x200u  /* marked only for being in capitals */

/* A non-blank line (blank lines are not stored). */
typedef struct clean_line {
  uint32_t s, e;    /* its content without surrounding spaces */
  uint32_t zs;      /* start of the in-line zone ending it, when tail */
  uint16_t flags;   /* LF_* */
  uint8_t kind;     /* zone_kind of the whole line, ZONE_ARTICLE if none */
  uint8_t tail;     /* kind of the in-line zone ending it (clean_tail), 0 if none */
} clean_line;

/* ---- Characters -------------------------------------------------------- */

static size_t clean_seqlen(unsigned char c) {
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 1;
}

static unsigned char clean_byte(const char *t, size_t i) { return (unsigned char)t[i]; }

/* A letter: ASCII, or a two-byte character from U+00C0 on (Latin, Greek,
 * Cyrillic, Arabic...), but not × and ÷. */
static int clean_letter(const char *t, size_t i, size_t e) {
  unsigned char c = clean_byte(t, i);
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return 1;
  if (c < 0xC3 || c > 0xDF || i + 1 >= e) return 0;
  unsigned char n = clean_byte(t, i + 1);
  return !(c == 0xC3 && (n == 0x97 || n == 0xB7));
}

static int clean_upper(const char *t, size_t i, size_t e) {
  unsigned char c = clean_byte(t, i);
  if (c >= 'A' && c <= 'Z') return 1;
  if (i + 1 >= e) return 0;
  unsigned char n = clean_byte(t, i + 1);
  if (c == 0xC3) return n >= 0x80 && n <= 0x9E && n != 0x97;
  return c == 0xC5 && n == 0x92; /* Œ */
}

static int clean_lower(const char *t, size_t i, size_t e) {
  unsigned char c = clean_byte(t, i);
  if (c >= 'a' && c <= 'z') return 1;
  if (i + 1 >= e) return 0;
  unsigned char n = clean_byte(t, i + 1);
  if (c == 0xC3) return n >= 0x9F && n <= 0xBF && n != 0xB7;
  return c == 0xC5 && n == 0x93; /* œ */
}

static int clean_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* The character at *i folded to lower-case ASCII without accent (0x80 for
 * anything else not ASCII); advances *i past it, never beyond e. */
static unsigned clean_fold(const char *t, size_t *i, size_t e) {
  unsigned char c = clean_byte(t, *i);
  if (c < 0x80) {
    (*i)++;
    return (c >= 'A' && c <= 'Z') ? c + 0x20u : c;
  }
  size_t n = clean_seqlen(c);
  if (*i + n > e) n = e - *i;
  if (c == 0xC3 && n == 2) {
    unsigned char d = clean_byte(t, *i + 1);
    *i += 2;
    if (d >= 0x80 && d <= 0x9E && d != 0x97) d += 0x20;
    if (d >= 0xA0 && d <= 0xA5) return 'a';
    if (d == 0xA7) return 'c';
    if (d >= 0xA8 && d <= 0xAB) return 'e';
    if (d >= 0xAC && d <= 0xAF) return 'i';
    if (d == 0xB1) return 'n';
    if (d >= 0xB2 && d <= 0xB6) return 'o';
    if (d >= 0xB9 && d <= 0xBC) return 'u';
    if (d == 0xBD || d == 0xBF) return 'y';
    return 0x80;
  }
  *i += n;
  return 0x80;
}

/* Does the folded text at i start with phrase p (lower-case ASCII; a
 * space matches one or more spaces)?  *end receives the offset after. */
static int clean_match(const char *t, size_t i, size_t e, const char *p, size_t *end) {
  for (; *p; p++) {
    if (i >= e) return 0;
    if (*p == ' ') {
      if (t[i] != ' ') return 0;
      while (i < e && t[i] == ' ') i++;
      continue;
    }
    if (clean_fold(t, &i, e) != (unsigned char)*p) return 0;
  }
  *end = i;
  return 1;
}

/* Ends with final punctuation: . ! ? : ; , " » or an ellipsis. */
static int clean_endpunct(const char *t, size_t s, size_t e) {
  if (e <= s) return 0;
  unsigned char c = clean_byte(t, e - 1);
  if (c && strchr(".!?:;,\"", c)) return 1;
  if (e - s >= 2 && c == 0xBB && clean_byte(t, e - 2) == 0xC2) return 1;
  return e - s >= 3 && c == 0xA6 && clean_byte(t, e - 2) == 0x80 && clean_byte(t, e - 3) == 0xE2;
}

/* Punctuation that may close the sentence before a signature. */
static int clean_sentend(const char *t, size_t s, size_t b) {
  if (b <= s) return 0;
  unsigned char c = clean_byte(t, b - 1);
  if (c && strchr(".!?\")", c)) return 1;
  return b - s >= 2 && c == 0xBB && clean_byte(t, b - 2) == 0xC2;
}

static int clean_has_letter(const char *t, size_t i, size_t e) {
  for (; i < e; i++)
    if (clean_letter(t, i, e)) return 1;
  return 0;
}

/* Skip what precedes the first word of a line: spaces, bullets,
 * punctuation, emoji, digits, and a lone "x" (a close button). */
static size_t clean_lead(const char *t, size_t s, size_t e) {
  size_t i = s;
  while (i < e && !clean_letter(t, i, e)) i++;
  if (i + 1 < e && (t[i] == 'x' || t[i] == 'X') && t[i + 1] == ' ')
    for (i += 2; i < e && !clean_letter(t, i, e);) i++;
  return i;
}

/* ---- Phrase table ------------------------------------------------------ */

#define CM_WHOLE 1u   /* only non-letters may follow */
#define CM_PREFIX 2u  /* anything may follow, after a word boundary */
#define CM_COLON 4u   /* ':' must follow (spaces allowed before it) */
#define CM_NOPUNCT 8u /* the line must not end with final punctuation */
#define CM_LINK 16u   /* alone, announces a link on the next line */

typedef struct clean_phrase {
  const char *p;    /* folded: lower-case ASCII without accents */
  uint8_t kind;     /* zone_kind; ZONE_APPENDED: an appended-piece marker */
  uint8_t mode;     /* CM_* */
  uint16_t maxlen;  /* longest line (bytes) it may start */
} clean_phrase;

#define F ZONE_FURNITURE
#define C ZONE_CAPTION
#define S ZONE_SIGNATURE
#define A ZONE_APPENDED
#define W CM_WHOLE
#define P CM_PREFIX
#define K CM_COLON
#define N CM_NOPUNCT
#define L CM_LINK
static const clean_phrase clean_phrases[] = {
    /* appended-piece markers (checked first) */
    {"edito", A, W | K, 300},
    {"editorial", A, W | K, 300},
    {"lire la suite", A, P, 80},
    {"sur le meme sujet", A, W | K, 200},
    {"articles similaires", A, W | K, 200},
    {"dans la meme rubrique", A, W | K, 200},
    {"dans la meme categorie", A, W | K, 200},
    {"a voir aussi", A, P | N, 200},
    {"a voir egalement", A, P | N, 200},
    {"articles lies", A, W | K, 200},
    {"articles connexes", A, W | K, 200},
    {"autres articles", A, W | K, 200},
    {"d'autres articles", A, W | K, 200},
    {"derniers articles", A, W | K, 200},
    {"vous aimerez aussi", A, W | K, 200},
    {"vous aimerez peut-etre aussi", A, W | K, 200},
    {"vous pourriez aussi aimer", A, W | K, 200},
    {"ces articles pourraient vous interesser", A, W | K, 200},
    {"les plus lus", A, W | K, 200},
    {"related articles", A, W | K, 200},
    {"more stories", A, W | K, 200},
    /* captions */
    {"credit photo", C, P, 200},
    {"credits photo", C, P, 200},
    {"credit photos", C, P, 200},
    {"credits photos", C, P, 200},
    {"source photo", C, P, 200},
    {"photo credit", C, P, 200},
    {"photo d'illustration", C, P, 120},
    {"image d'illustration", C, P, 120},
    {"credit", C, K, 120},
    {"credits", C, K, 120},
    {"legende", C, K, 300},
    {"illustration", C, W, 40},
    /* signatures */
    {"source", S, K, 80},
    {"sources", S, K, 80},
    {"la redaction", S, W, 40},
    {"redaction", S, W, 40},
    /* furniture: links */
    {"a lire aussi", F, P | L, 300},
    {"lire aussi", F, P | L, 300},
    {"a lire egalement", F, P | L, 300},
    {"lire egalement", F, P | L, 300},
    {"voir aussi", F, P | L, 300},
    {"a lire", F, W | L, 40},
    {"en savoir plus", F, W | L, 40},
    {"read more", F, P | N, 200},
    /* furniture: ads, sharing, app banners */
    {"publicite", F, W, 40},
    {"advertisement", F, W, 40},
    {"annonce", F, W, 40},
    {"pub", F, W, 20},
    {"sponsorise", F, W, 40},
    {"partager", F, W, 40},
    {"partagez", F, W, 40},
    {"partage", F, W, 40},
    {"share", F, W, 40},
    {"partager sur", F, P | N, 120},
    {"partager cet article", F, P, 120},
    {"partagez cet article", F, P, 120},
    {"partager l'article", F, P, 120},
    {"imprimer", F, W, 40},
    {"print", F, W, 40},
    {"envoyer", F, W, 40},
    {"envoyer par e-mail", F, W, 40},
    {"envoyer par mail", F, W, 40},
    {"tweeter", F, W, 40},
    {"tweet", F, W, 40},
    {"facebook", F, W, 40},
    {"twitter", F, W, 40},
    {"whatsapp", F, W, 40},
    {"linkedin", F, W, 40},
    {"telegram", F, W, 40},
    {"instagram", F, W, 40},
    {"youtube", F, W, 40},
    {"email", F, W, 40},
    {"e-mail", F, W, 40},
    {"installer", F, W, 40},
    {"telecharger l'application", F, P, 200},
    {"telechargez l'application", F, P, 200},
    {"telecharger notre application", F, P, 200},
    {"telechargez notre application", F, P, 200},
    /* furniture: subscription, paywall, accounts */
    {"abonnez-vous", F, P, 200},
    {"abonnez vous", F, P, 200},
    {"s'abonner", F, W, 40},
    {"je m'abonne", F, P, 120},
    {"reserve aux abonnes", F, P, 120},
    {"article reserve aux abonnes", F, P, 120},
    {"cet article est reserve", F, P, 200},
    {"contenu reserve", F, P, 120},
    {"deja abonne", F, P, 120},
    {"il vous reste", F, P | N, 120},
    {"pour lire la suite de cet article", F, P, 200},
    {"se connecter", F, W, 40},
    {"connexion", F, W, 40},
    {"inscription", F, W, 40},
    {"s'inscrire", F, W, 40},
    {"inscrivez-vous", F, P | N, 150},
    {"newsletter", F, W, 40},
    {"recevez notre newsletter", F, P, 200},
    {"suivez-nous", F, P | N, 120},
    {"suivez nous", F, P | N, 120},
    {"rejoignez-nous", F, P | N, 120},
    {"subscribe", F, P | N, 120},
    {"sign up", F, P | N, 120},
    {"follow us", F, P | N, 120},
    {"cliquez ici", F, P | N, 120},
    {"click here", F, P | N, 120},
    /* furniture: comments */
    {"commentaires", F, W, 40},
    {"commentaire", F, W, 40},
    {"comments", F, W, 40},
    {"reagir", F, W, 40},
    {"laisser un commentaire", F, P, 200},
    {"laissez un commentaire", F, P, 200},
    {"ajouter un commentaire", F, P, 200},
    {"poster un commentaire", F, P, 200},
    {"vous devez etre connecte", F, P, 200},
    /* furniture: cookies, legal */
    {"nous utilisons des cookies", F, P, 400},
    {"ce site utilise des cookies", F, P, 400},
    {"en poursuivant votre navigation", F, P, 400},
    {"en continuant votre navigation", F, P, 400},
    {"accepter les cookies", F, P, 120},
    {"gerer les cookies", F, P, 120},
    {"cookies", F, W, 40},
    {"tout accepter", F, W, 40},
    {"politique de confidentialite", F, P | N, 120},
    {"tous droits reserves", F, P, 200},
    {"copyright", F, P, 200},
    /* furniture: navigation, meta data, tags */
    {"menu", F, W, 40},
    {"accueil", F, W, 40},
    {"rechercher", F, W, 40},
    {"fermer", F, W, 40},
    {"retour", F, W, 40},
    {"haut de page", F, W, 40},
    {"retour en haut", F, W, 40},
    {"voir plus", F, W, 40},
    {"charger plus", F, W, 40},
    {"sommaire", F, W, 40},
    {"videos", F, W, 40},
    {"video", F, W, 40},
    {"diaporama", F, W, 40},
    {"galerie", F, W, 40},
    {"a la une", F, W, 40},
    {"playlist", F, P | N, 120},
    {"toutes les videos", F, P, 200},
    {"aller a la video", F, P | N, 120},
    {"publie le", F, P | N, 150},
    {"mis a jour le", F, P | N, 150},
    {"modifie le", F, P | N, 150},
    {"tags", F, W | K, 400},
    {"tag", F, K, 400},
    {"mots-cles", F, W | K, 400},
    {"mots cles", F, W | K, 400},
    {"etiquettes", F, W | K, 400},
    {"auteur", F, K, 120},
    {"auteurs", F, K, 120},
    {"auteur/autrice", F, K, 120},
    {"rubrique", F, K, 120},
    {"categories", F, K, 200},
};
#undef F
#undef C
#undef S
#undef A
#undef W
#undef P
#undef K
#undef N
#undef L
#define CLEAN_NPHRASES (sizeof clean_phrases / sizeof *clean_phrases)
#define CLEAN_PER_LETTER 64

/* The phrases by first letter, in table order (built once per call). */
typedef struct clean_index {
  uint8_t n[26];
  uint8_t at[26][CLEAN_PER_LETTER];
  uint8_t len[CLEAN_NPHRASES];  /* strlen of each phrase: the fewest bytes it matches */
} clean_index;

static void clean_index_build(clean_index *ix) {
  memset(ix->n, 0, sizeof ix->n);
  for (size_t k = 0; k < CLEAN_NPHRASES; k++) {
    unsigned c = (unsigned char)clean_phrases[k].p[0] - 'a';
    ix->len[k] = (uint8_t)strlen(clean_phrases[k].p);
    if (c < 26 && ix->n[c] < CLEAN_PER_LETTER) ix->at[c][ix->n[c]++] = (uint8_t)k;
  }
}

/* The phrase starting the line content [s, e) after its lead j, or NULL;
 * *bare is set when nothing but non-letters follows it. */
static const clean_phrase *clean_phrase_at(const clean_index *ix, const char *t, size_t s,
                                           size_t j, size_t e, int *bare_out /* out */) {
  size_t len = e - s, k = j;
  if (j >= e) return NULL;
  unsigned f0 = clean_fold(t, &k, e) - 'a';
  if (f0 >= 26) return NULL;
  int ep = clean_endpunct(t, s, e);
  for (size_t n = 0; n < ix->n[f0]; n++) {
    const clean_phrase *ph = &clean_phrases[ix->at[f0][n]];
    size_t m;
    if (len > ph->maxlen || e - j < ix->len[ix->at[f0][n]]) continue;
    if ((ph->mode & CM_NOPUNCT) && ep) continue;
    if (!clean_match(t, j, e, ph->p, &m)) continue;
    if (m < e && clean_letter(t, m, e)) continue; /* not a word boundary */
    int bare = !clean_has_letter(t, m, e);
    size_t c = m;
    while (c < e && t[c] == ' ') c++;
    if ((ph->mode & CM_PREFIX) || ((ph->mode & CM_WHOLE) && bare) ||
        ((ph->mode & CM_COLON) && c < e && t[c] == ':')) {
      *bare_out = bare;
      return ph;
    }
  }
  return NULL;
}

/* ---- In-line forms ----------------------------------------------------- */

/* An agency token: 2-20 bytes of A-Z 0-9 '/', a capital first, two
 * capitals at least, not ending with '/'. */
static int clean_agency(const char *t, size_t a, size_t b) {
  if (b - a < 2 || b - a > 20 || !(t[a] >= 'A' && t[a] <= 'Z') || t[b - 1] == '/') return 0;
  int caps = 0;
  for (size_t i = a; i < b; i++) {
    if (t[i] >= 'A' && t[i] <= 'Z') caps++;
    else if (!clean_digit((unsigned char)t[i]) && t[i] != '/') return 0;
  }
  return caps >= 2;
}

static int clean_agency_char(char c) {
  return (c >= 'A' && c <= 'Z') || clean_digit((unsigned char)c) || c == '/';
}

/* A signature ending the content [s, e): returns 1 with its start in *zs
 * (s when it is the whole line). */
static int clean_endsig(const char *t, size_t s, size_t e, size_t *zs) {
  if (e <= s) return 0;
  if (t[e - 1] == ')') { /* "(AIP)", "(avec AFP)" */
    size_t q = e - 1, lim = e - s > 42 ? e - 42 : s;
    while (q > lim && t[q - 1] != '(' && t[q - 1] != ')') q--;
    if (q > s && t[q - 1] == '(') {
      size_t open = q - 1, m;
      if (clean_agency(t, q, e - 1) || (clean_match(t, q, e - 1, "avec ", &m) && m < e - 1)) {
        size_t b = open;
        while (b > s && t[b - 1] == ' ') b--;
        if (b == s || clean_sentend(t, s, b)) {
          *zs = b == s ? s : open;
          return 1;
        }
      }
    }
    return 0;
  }
  size_t k = e;
  while (k > s && e - k < 21 && clean_agency_char(t[k - 1])) k--;
  if (k == e || !clean_agency(t, k, e)) return 0;
  int slash = memchr(t + k, '/', e - k) != NULL;
  size_t b = k;
  while (b > s && t[b - 1] == ' ') b--;
  if (b == s) { /* the token alone: "VNA/CVN", "AFP" */
    if (slash || e - k <= 6) {
      *zs = s;
      return 1;
    }
    return 0;
  }
  if (t[b - 1] == '-') { /* "- VNA", "-VNA/VI" */
    size_t d = b - 1, c = d;
    while (c > s && t[c - 1] == ' ') c--;
    if (c == s || clean_sentend(t, s, c)) {
      *zs = c == s ? s : d;
      return 1;
    }
    return 0;
  }
  if (slash && b < k && clean_sentend(t, s, b)) { /* "... 2022. VNA/CVN" */
    *zs = k;
    return 1;
  }
  return 0;
}

/* Is [c, e) a credit: 1..CLEAN_CREDIT bytes, at most 8 words, no
 * sentence break inside? */
static int clean_credit(const char *t, size_t c, size_t e) {
  if (c >= e || e - c > CLEAN_CREDIT) return 0;
  int words = 0;
  for (size_t i = c; i < e; i++) {
    if (t[i] != ' ' && (i == c || t[i - 1] == ' ')) words++;
    if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && i + 1 < e && t[i + 1] == ' ') return 0;
  }
  return words <= 8;
}

/* A "Photo : CREDIT" starting at i and running to e?  The zone may start
 * before i ("Crédit photo", "(Photo"): *zs. */
static int clean_photo_credit(const char *t, size_t s, size_t i, size_t e, size_t *zs) {
  size_t m, z = i;
  if (!clean_match(t, i, e, "photo", &m)) return 0;
  if (i > s) {
    unsigned char b = clean_byte(t, i - 1);
    if (!strchr(" (.|-:\"", b) || !b) return 0;
  }
  /* a capital, or after "crédit(s) " */
  int credited = 0;
  for (size_t back = 7; back <= 9 && !credited; back++) {
    size_t m2;
    if (i >= s + back && (clean_match(t, i - back, i, "credit ", &m2) ||
                          clean_match(t, i - back, i, "credits ", &m2)) && m2 == i) {
      z = i - back;
      credited = 1;
    }
  }
  if (!credited && t[i] != 'P') return 0;
  if (m < e && (t[m] == 's' || t[m] == 'S')) m++;
  if (m < e && clean_letter(t, m, e)) return 0;
  size_t c = m;
  while (c < e && t[c] == ' ') c++;
  size_t m3;
  if (c < e && t[c] == ':') {
    c++;
    while (c < e && t[c] == ' ') c++;
    if (!clean_credit(t, c, e)) return 0;
  } else {
    /* "Photo d'illustration", "Photo DR", maybe closing an aside */
    if (!(c < e && (clean_match(t, c, e, "d'illustration", &m3) ||
                    clean_match(t, c, e, "dr", &m3))))
      return 0;
    if (!(m3 == e || (m3 + 1 == e && t[m3] == ')'))) return 0;
  }
  if (z > s && t[z - 1] == '(') z--;
  *zs = z;
  return 1;
}

/* A credit ending the content [s, e): "Photo : VNA", "© AFP",
 * "(Photo d'illustration)".  Returns the zone kind (caption, or
 * furniture for a copyright "© 2023") with its start in *zs, or 0. */
static int clean_endcap(const char *t, size_t s, size_t e, size_t *zs) {
  size_t w = e - s > CLEAN_TAIL ? e - CLEAN_TAIL : s;
  for (size_t i = w; i < e; i++) {
    unsigned char c = clean_byte(t, i);
    if (c == 0xC2 && i + 1 < e && clean_byte(t, i + 1) == 0xA9) { /* © */
      if (e - i > 100) continue;
      size_t d = i + 2;
      while (d < e && t[d] == ' ') d++;
      *zs = i;
      return d < e && clean_digit(clean_byte(t, d)) ? ZONE_FURNITURE : ZONE_CAPTION;
    }
    if ((c | 0x20) == 'p' && clean_photo_credit(t, s, i, e, zs)) return ZONE_CAPTION;
  }
  return 0;
}

/* The in-line zone ending [s, e): a signature or a credit. */
static int clean_tail(const char *t, size_t s, size_t e, size_t *zs) {
  if (clean_endsig(t, s, e, zs)) return ZONE_SIGNATURE;
  return clean_endcap(t, s, e, zs);
}

/* An aside "(Photo ...)" at i: returns its end (past ')') or 0. */
static size_t clean_aside(const char *t, size_t i, size_t e) {
  size_t j = i + 1, m;
  while (j < e && t[j] == ' ') j++;
  if (!(clean_match(t, j, e, "photo", &m) || clean_match(t, j, e, "credit", &m) ||
        clean_match(t, j, e, "illustration", &m)))
    return 0;
  if (m < e && clean_letter(t, m, e) && t[m] != 's') return 0;
  size_t lim = e - i > CLEAN_ASIDE ? i + CLEAN_ASIDE : e;
  for (size_t k = m; k < lim; k++) {
    if (t[k] == '(') return 0;
    if (t[k] == ')') return k + 1;
  }
  return 0;
}

/* ---- Line shapes ------------------------------------------------------- */

typedef struct clean_stats {
  unsigned words, letters, upper, lower, digits;
  unsigned links;
  int apos, at, pipe, other, allcaps_words;
  long copy;  /* offset of the first "©", -1 if none */
} clean_stats;

/* One pass over the line, byte by byte except over letters (a letter of
 * two bytes is one step); ASCII, most of it, is decided inline. */
static void clean_measure(const char *t, size_t s, size_t e, clean_stats *st) {
  memset(st, 0, sizeof *st);
  st->copy = -1;
  st->allcaps_words = 1;
  for (size_t i = s; i < e;) {
    unsigned char c = clean_byte(t, i);
    if (c != ' ' && (i == s || t[i - 1] == ' ')) {
      size_t m;
      unsigned f = c | 0x20u; /* only h/H and w/W can start "http", "www." */
      st->words++;
      if (!clean_upper(t, i, e)) st->allcaps_words = 0;
      if (c == '@' || c == '#' ||
          (f == 'h' && clean_match(t, i, e, "http", &m)) ||
          (f == 'w' && clean_match(t, i, e, "www.", &m)))
        st->links++;
    }
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') {
        st->letters++;
        st->lower++;
      } else if (c >= 'A' && c <= 'Z') {
        st->letters++;
        st->upper++;
      } else {
        if (clean_digit(c)) st->digits++;
        else if (c == '\'') st->apos = 1;
        else if (c == '@') st->at = 1;
        else if (c == '|' && i > s && t[i - 1] == ' ' && i + 1 < e && t[i + 1] == ' ')
          st->pipe = 1;
        if (c != ' ' && c != '-' && c != '.') st->other = 1;
      }
      i++;
      continue;
    }
    int letter = clean_letter(t, i, e);
    if (letter) {
      st->letters++;
      if (clean_upper(t, i, e)) st->upper++;
      else if (clean_lower(t, i, e)) st->lower++;
    } else if (c == 0xC2 && i + 1 < e && clean_byte(t, i + 1) == 0xA9) { /* © */
      if (st->copy < 0) st->copy = (long)i;
    }
    if (!letter) st->other = 1;
    i += letter ? clean_seqlen(c) : 1;
  }
}

static const char *const clean_stopwords[] = {
    "le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "en", "il", "elle",
    "ils", "elles", "ce", "cet", "cette", "ces", "dans", "pour", "sur", "avec", "et",
    "ou", "mais", "son", "sa", "ses", "leur", "leurs", "nous", "vous", "je", "on", "qui",
    "que", "selon", "depuis", "apres", "avant", "lors", "ainsi", "alors", "tout", "tous",
    "a", "par", "chez", "entre", "contre", "sans", "sous", "vers", "pas", "plus"};

/* Does [i, e) hold two capitals or more and no lower-case letter? */
static int clean_capsonly(const char *t, size_t i, size_t e) {
  int caps = 0;
  for (; i < e; i++) {
    if (clean_lower(t, i, e)) return 0;
    if (clean_upper(t, i, e)) caps++;
  }
  return caps >= 2;
}

/* A site name: one word of ASCII letters, digits, '-' and '.', starting
 * with a letter, ending with '.' and 2-6 lower-case letters ("Minute.bf"). */
static int clean_sitename(const char *t, size_t s, size_t e) {
  size_t dot = 0;
  if (!clean_letter(t, s, e) || clean_byte(t, s) >= 0x80) return 0;
  for (size_t i = s; i < e; i++) {
    unsigned char c = clean_byte(t, i);
    if (c == '.') dot = i;
    else if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && !clean_digit(c) && c != '-') return 0;
  }
  if (!dot || e - dot - 1 < 2 || e - dot - 1 > 6) return 0;
  for (size_t i = dot + 1; i < e; i++)
    if (!(t[i] >= 'a' && t[i] <= 'z')) return 0;
  return 1;
}

/* A sign-off line: 1-4 capitalised words of letters, '-' and '.', no
 * determiner first; or one e-mail address or site name. */
static int clean_namelike(const char *t, size_t s, size_t e, const clean_stats *st) {
  if (st->words == 1 && e - s <= 60) {
    if (st->at && memchr(t + s, '.', e - s)) return 1; /* an e-mail address */
    if (clean_sitename(t, s, e)) return 1;
  }
  if (e - s > 40 || st->words < 1 || st->words > 4 || st->digits || st->apos || st->other ||
      !st->allcaps_words || clean_endpunct(t, s, e))
    return 0;
  char w[16];
  size_t n = 0, i = s;
  while (i < e && t[i] != ' ' && t[i] != '-' && n < sizeof w - 1) {
    unsigned f = clean_fold(t, &i, e);
    w[n++] = (char)(f == 0x80 ? '?' : f);
  }
  w[n] = '\0';
  for (size_t k = 0; k < sizeof clean_stopwords / sizeof *clean_stopwords; k++)
    if (!strcmp(w, clean_stopwords[k])) return 0;
  return 1;
}

/* An emoji (U+1F300-U+1FAFF) heading a section label of at most 3 words
 * and 30 bytes followed by ':' ("📝Édito: ..."). */
static int clean_emoji_label(const char *t, size_t s, size_t e) {
  if (e - s < 6 || clean_byte(t, s) != 0xF0 || clean_byte(t, s + 1) != 0x9F) return 0;
  unsigned char b2 = clean_byte(t, s + 2), b3 = clean_byte(t, s + 3);
  if (b2 < 0x8C || b2 > 0xAB || b3 < 0x80 || b3 > 0xBF) return 0;
  size_t i = s + 4;
  if (i + 3 <= e && clean_byte(t, i) == 0xEF && clean_byte(t, i + 1) == 0xB8 &&
      clean_byte(t, i + 2) == 0x8F)
    i += 3;
  while (i < e && t[i] == ' ') i++;
  if (i >= e || !clean_upper(t, i, e)) return 0;
  size_t start = i;
  int words = 1;
  for (; i < e && i - start <= 30; i++) {
    if (t[i] == ':') return 1;
    if (t[i] == ' ' && i + 1 < e && t[i + 1] != ' ' && t[i + 1] != ':' && ++words > 3) return 0;
    if (t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == ',') return 0;
  }
  return 0;
}

/* The word "photo" or "photos" at i?  *end receives the offset after. */
static int clean_photo_word(const char *t, size_t i, size_t e, size_t *end) {
  size_t m;
  if (!clean_match(t, i, e, "photo", &m)) return 0;
  if (m < e && (t[m] == 's' || t[m] == 'S')) m++;
  if (m < e && clean_letter(t, m, e)) return 0;
  *end = m;
  return 1;
}

/* Whole-line kind and flags of line l, from the line alone. */
static void clean_classify(const clean_index *ix, const char *t, clean_line *l) {
  size_t s = l->s, e = l->e, len = e - s, zs = e;
  l->kind = ZONE_ARTICLE;
  l->tail = (uint8_t)clean_tail(t, s, e, &zs); /* for every line: emission uses it */
  l->zs = (uint32_t)zs;
  if (len > CLEAN_LONG) { /* prose: only in-line zones, at emission */
    l->flags |= LF_PROSE;
    return;
  }
  clean_stats st;
  clean_measure(t, s, e, &st);
  int ep = clean_endpunct(t, s, e), bare = 0;
  size_t j = clean_lead(t, s, e), m;
  const clean_phrase *ph = clean_phrase_at(ix, t, s, j, e, &bare);
  unsigned kind = ZONE_ARTICLE;
  int tk = 0;
  if (ph && ph->kind == ZONE_APPENDED) {
    l->flags |= LF_APPMARK;
    kind = ZONE_FURNITURE; /* when it comes before any prose */
  } else if (ph) {
    kind = ph->kind;
    if ((ph->mode & CM_LINK) && bare) l->flags |= LF_LINK;
  } else if (!ep && clean_emoji_label(t, s, e)) {
    l->flags |= LF_APPMARK;
  }
  if (kind == ZONE_ARTICLE) {
    tk = l->tail;
    if (st.letters == 0 && len <= 80) {
      kind = ZONE_FURNITURE;
    } else if (st.copy >= 0 && len <= 300) {
      size_t d = (size_t)st.copy + 2;
      while (d < e && t[d] == ' ') d++;
      kind = d < e && clean_digit(clean_byte(t, d)) ? ZONE_FURNITURE : ZONE_CAPTION;
      if ((size_t)st.copy == s && kind == ZONE_CAPTION) l->flags |= LF_CREDIT;
    } else if (j < e && t[j] == 'P' && clean_photo_word(t, j, e, &m)) {
      size_t c = m;
      while (c < e && t[c] == ' ') c++;
      if ((c < e && t[c] == ':') || (len <= 80 && t[e - 1] != '.')) kind = ZONE_CAPTION;
    }
    if (kind != ZONE_ARTICLE) {
      /* decided */
    } else if (tk == ZONE_CAPTION || tk == ZONE_FURNITURE) {
      kind = (unsigned)tk;
    } else if (tk == ZONE_SIGNATURE && zs == s) {
      kind = ZONE_SIGNATURE;
    } else if (len <= 60 && !ep && st.words <= 6 && t[s] == 'P' &&
               clean_match(t, s, e, "par ", &m)) {
      kind = ZONE_SIGNATURE; /* by-line */
    } else if (len <= 30 && j < e && clean_match(t, j, e, "avec ", &m) && clean_capsonly(t, m, e)) {
      kind = ZONE_SIGNATURE; /* "Avec AFP", "(avec AFP)" */
    } else if (st.pipe && len <= 150 && !ep) {
      kind = ZONE_FURNITURE;
    } else if (st.links && st.links == st.words) {
      kind = ZONE_FURNITURE;
    } else if (st.words <= 3 && len <= 30 && st.upper >= 2 && st.lower == 0) {
      kind = st.words == 1 && st.upper <= 6 && !st.digits ? ZONE_SIGNATURE : ZONE_FURNITURE;
      l->flags |= LF_ALLCAPS;
    }
  }
  if (kind == ZONE_SIGNATURE && st.words == 1 && st.lower == 0) l->flags |= LF_ALLCAPS;
  l->kind = (uint8_t)kind;
  int capstart = clean_upper(t, s, e) || clean_digit(clean_byte(t, s));
  if (len <= 130 && st.words <= 16 && !ep && capstart) l->flags |= LF_SHORT;
  if (len <= 250 && !ep && !clean_lower(t, s, e)) l->flags |= LF_HEADLINE;
  if (clean_namelike(t, s, e, &st)) l->flags |= LF_NAME;
  if (st.words == 1 && len <= 60 && !ep && clean_upper(t, s, e) && !st.at) l->flags |= LF_SINGLE;
  if (st.words >= 8 && len >= 50 && (ep || tk == ZONE_SIGNATURE)) l->flags |= LF_PROSE;
}

/* ---- Header ------------------------------------------------------------ */

static size_t clean_digits(const char *t, size_t i, size_t len, size_t max) {
  size_t n = 0;
  while (i + n < len && n < max && clean_digit(clean_byte(t, i + n))) n++;
  return n;
}

/* Length of a " date 2023-08" header at offset 0 with the spaces after
 * it, or 0. */
static size_t clean_header(const char *t, size_t len) {
  size_t i = 0, m;
  while (i < len && t[i] == ' ') i++;
  if (!(clean_match(t, i, len, "date ", &m) && (t[i] == 'd' || t[i] == 'D'))) return 0;
  i = m;
  if (clean_digits(t, i, len, 5) != 4) return 0;
  i += 4;
  for (int part = 0; part < 2; part++) {
    size_t n;
    if (i + 1 < len && t[i] == '-' && (n = clean_digits(t, i + 1, len, 3)) >= 1 && n <= 2)
      i += 1 + n;
    else
      break;
  }
  if (i < len && t[i] != ' ' && t[i] != '\n') return 0;
  while (i < len && t[i] == ' ') i++;
  return i;
}

/* ---- Output ------------------------------------------------------------ */

typedef struct clean_out {
  arena *a;
  const char *t;
  zone *z;   /* arena */
  size_t n, cap;
} clean_out;

/* Append zone [s, e) of kind k, merging it into the last zone when of the
 * same kind and separated only by spaces and newlines. */
static void clean_push(clean_out *o, size_t s, size_t e, unsigned k) {
  if (o->n) {
    zone *last = &o->z[o->n - 1];
    if (s < last->end) s = last->end;
    if (e <= s) return;
    if (last->kind == k) {
      size_t g = last->end;
      while (g < s && (o->t[g] == ' ' || o->t[g] == '\n')) g++;
      if (g == s) {
        last->end = (uint32_t)e;
        return;
      }
    }
  }
  if (e <= s) return;
  if (o->n == o->cap) {
    size_t cap = o->cap ? o->cap * 2 : 16;
    o->z = arena_grow(o->a, o->z, o->n, cap, sizeof *o->z);
    o->cap = cap;
  }
  o->z[o->n].start = (uint32_t)s;
  o->z[o->n].end = (uint32_t)e;
  o->z[o->n].kind = (uint8_t)k;
  o->n++;
}

/* In-line zones of an article line: asides, then the tail. */
static void clean_inline(clean_out *o, const char *t, const clean_line *l) {
  size_t s = l->s, e = l->e, zs = l->zs;
  int tk = l->tail;
  size_t lim = tk ? zs : e;
  for (size_t i = s; i < lim; i++) {
    const char *open = memchr(t + i, '(', lim - i);
    if (!open) break;
    i = (size_t)(open - t);
    size_t end = clean_aside(t, i, lim);
    if (end) {
      clean_push(o, i, end, ZONE_CAPTION);
      i = end - 1;
    }
  }
  if (tk) clean_push(o, zs, e, (unsigned)tk);
}

/* May line l be part of a menu? */
static int clean_menu_line(const clean_line *l) {
  return l->kind == ZONE_FURNITURE || (l->kind == ZONE_ARTICLE && (l->flags & LF_SHORT));
}

/* ---- The stage --------------------------------------------------------- */

/* Start of the line holding content l (its leading spaces included, but
 * not the header); end past its trailing spaces and '\n'. */
static size_t clean_ls(const char *t, const clean_line *l, size_t hdr) {
  size_t p = l->s;
  while (p > hdr && t[p - 1] == ' ') p--;
  return p;
}

static size_t clean_le(const char *t, size_t len, const clean_line *l) {
  size_t p = l->e;
  while (p < len && t[p] == ' ') p++;
  return p < len && t[p] == '\n' ? p + 1 : p;
}

/* Split text after the header into its non-blank lines (lines may be
 * NULL: count only).  Returns their number. */
static size_t clean_split(const char *t, size_t len, size_t hdr, clean_line *lines) {
  size_t n = 0, pos = hdr;
  int blank_before = 0;
  while (pos < len) {
    const char *nlp = memchr(t + pos, '\n', len - pos);
    size_t end = nlp ? (size_t)(nlp - t) : len, s = pos, e = end;
    while (s < e && t[s] == ' ') s++;
    while (e > s && t[e - 1] == ' ') e--;
    if (s < e) {
      if (lines) {
        lines[n].s = (uint32_t)s;
        lines[n].e = (uint32_t)e;
        lines[n].flags = blank_before ? LF_AFTERBLANK : 0;
      }
      n++;
      blank_before = 0;
    } else {
      blank_before = 1;
    }
    pos = nlp ? end + 1 : len;
  }
  return n;
}

size_t clean_zones(arena *a, const char *text, size_t len, zone **out) {
  *out = NULL;
  if (!text || len == 0 || len > UINT32_MAX) return 0;
  const char *t = text;
  size_t hdr = clean_header(t, len);
  size_t nl = clean_split(t, len, hdr, NULL);
  clean_line *lines = nl ? arena_alloc(a, nl * sizeof *lines) : NULL;
  clean_split(t, len, hdr, lines);
  clean_index ix;
  clean_index_build(&ix);
  for (size_t i = 0; i < nl; i++) clean_classify(&ix, t, &lines[i]);

  /* rubrics before the title; the title itself */
  size_t title = nl, i = 0;
  for (; i < nl; i++) {
    clean_line *l = &lines[i];
    if (l->kind == ZONE_SIGNATURE && (l->flags & LF_ALLCAPS)) l->kind = ZONE_FURNITURE;
    if (l->kind != ZONE_ARTICLE) continue;
    if (l->flags & LF_SINGLE) {
      l->kind = ZONE_FURNITURE;
      continue;
    }
    break;
  }
  if (i < nl && !(lines[i].flags & LF_PROSE)) title = i;

  /* links, credits' captions, the appended piece */
  size_t app = nl;
  int prose = 0, link = 0;
  for (i = 0; i < nl; i++) {
    clean_line *l = &lines[i];
    if ((l->flags & LF_APPMARK) && prose) {
      app = i;
      break;
    }
    if (l->kind == ZONE_ARTICLE && (l->flags & LF_HEADLINE)) {
      if (link) l->kind = ZONE_FURNITURE;
      else if (i > 0 && (lines[i - 1].flags & LF_CREDIT) && !(l->flags & LF_AFTERBLANK))
        l->kind = ZONE_CAPTION;
    }
    link = (l->flags & LF_LINK) != 0;
    if (l->kind == ZONE_ARTICLE && (l->flags & LF_PROSE)) prose = 1;
  }

  /* menus: runs of short lines with no blank line between */
  for (i = 0; i < app;) {
    if (i == title || !clean_menu_line(&lines[i])) {
      i++;
      continue;
    }
    size_t j = i, free_lines = 0;
    for (; j < app && j != title && clean_menu_line(&lines[j]) &&
           (j == i || !(lines[j].flags & LF_AFTERBLANK));
         j++)
      if (lines[j].kind == ZONE_ARTICLE) free_lines++;
    if (j - i >= CLEAN_MENU_LINES && free_lines >= CLEAN_MENU_FREE)
      for (size_t k = i; k < j; k++) lines[k].kind = ZONE_FURNITURE;
    i = j;
  }

  /* sign-off lines at the end of the article */
  if (prose) {
    int names = 0;
    for (i = app; i-- > 0;) {
      clean_line *l = &lines[i];
      if ((l->flags & LF_NAME) && names < CLEAN_TAIL_NAMES &&
          (l->kind == ZONE_ARTICLE || (l->flags & LF_ALLCAPS))) {
        l->kind = ZONE_SIGNATURE;
        names++;
        continue;
      }
      if (l->kind != ZONE_ARTICLE) continue;
      break;
    }
  }

  /* emit */
  clean_out o = {a, t, NULL, 0, 0};
  if (hdr) /* the header alone on its line takes the line */
    clean_push(&o, 0, hdr < len && t[hdr] == '\n' ? hdr + 1 : hdr, ZONE_HEADER);
  for (i = 0; i < nl; i++) {
    const clean_line *l = &lines[i];
    if (i == app) {
      clean_push(&o, clean_ls(t, l, hdr), len, ZONE_APPENDED);
      break;
    }
    if (l->kind != ZONE_ARTICLE) clean_push(&o, clean_ls(t, l, hdr), clean_le(t, len, l), l->kind);
    else clean_inline(&o, t, l);
  }
  *out = o.z;
  return o.n;
}

int clean_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err) {
  (void)ctx;
  if (!doc) return err_set(err, DYAD_EUSAGE, NULL, 0, 0, "clean: no document");
  if (!doc->text && doc->text_len)
    return err_set(err, DYAD_EUSAGE, doc->path, 0, 0, "clean: the document has no normalised text");
  doc->nzones = clean_zones(&doc->mem, doc->text, doc->text_len, &doc->zones);
  return 0;
}
