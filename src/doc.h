/* doc.h: the document and its layers, as the stages see them.
 *
 * A dyad_doc owns all its memory in one arena.  Each stage reads the
 * layers already present and adds its own:
 *
 *   orig         ingest     the article's bytes exactly as read (JSONL: the decoded "text")
 *   text, omap   normalise  NFC text with typographic variants folded;
 *                           omap[i] is the orig offset of text byte i
 *   zones        clean      non-article ranges of text (captions...)
 *   toks, sents  segment    tokens and sentences over text
 *   readings     tag        lemma and part-of-speech readings per token
 *   toks         repair     glued words split in two tokens
 *   mentions     actors     who each actor mention refers to
 *   events, figures, agreements   code   what the article says happened
 *
 * Invariants: text ranges are [start, end) byte offsets into text, on
 * UTF-8 character boundaries; omap has text_len + 1 entries and is
 * non-decreasing, omap[text_len] == orig_len; tokens are sorted, do not
 * overlap, and each sentence covers a contiguous run of tokens.
 */
#ifndef DYAD_DOC_H
#define DYAD_DOC_H
#include "arena.h"
#include "dyad.h"
#include <stdint.h>

/* Zones: what a range of the text is.  ZONE_ARTICLE is the default. */
typedef enum zone_kind {
  ZONE_ARTICLE = 0,
  ZONE_HEADER,     /* the " date 2023-08" first line, a dateline kept apart */
  ZONE_CAPTION,    /* photo caption, credit ("Photo : VNA", "© ...") */
  ZONE_SIGNATURE,  /* agency signature ("– VNA", "-VNA/VI", "- AVI") */
  ZONE_FURNITURE,  /* site furniture: menus, share buttons, ads, tags */
  ZONE_APPENDED,   /* an unrelated piece appended after the article */
  ZONE__COUNT
} zone_kind;

const char *zone_name(zone_kind k);

typedef struct zone {
  uint32_t start, end;  /* range of text */
  uint8_t kind;         /* zone_kind */
} zone;

typedef enum tok_kind {
  TOK_WORD = 0,   /* letters, with inner hyphens/apostrophes/dots */
  TOK_NUMBER,     /* 150.000, 1,5, 2023-2025, 30e */
  TOK_PUNCT,      /* . , ; : ! ? ... ( ) " - */
  TOK_SYMBOL,     /* % $ € and other symbols, emoji */
  TOK__COUNT
} tok_kind;

const char *tok_kind_name(tok_kind k);

/* token flags */
#define TOKF_ELISION 1u   /* ends with an apostrophe: l' d' qu' jusqu' */
#define TOKF_UPPER 2u     /* first letter upper case */
#define TOKF_REPAIRED 4u  /* produced by splitting a glued word */
#define TOKF_SENT_END 8u  /* punctuation ending a sentence */

typedef struct token {
  uint32_t start, end;  /* range of text; the form is text[start, end) */
  uint8_t kind;         /* tok_kind */
  uint8_t flags;        /* TOKF_* */
  uint16_t nread;       /* number of lexicon readings */
  uint32_t read;        /* first lexicon reading (see lexicon.h) */
} token;

typedef struct sentence {
  uint32_t tok_begin, tok_end;  /* tokens [tok_begin, tok_end) */
  uint32_t start, end;          /* range of text */
  uint8_t zone;                 /* zone_kind of the sentence's start */
} sentence;

/* How an actor mention was resolved (actors.c). */
typedef enum mention_rule {
  RULE_PERSON = 0,    /* a named person of the dictionary */
  RULE_ROLE_PERSON,   /* a role followed by a named person */
  RULE_ROLE_STATE,    /* a role with a nationality or "de" + state */
  RULE_ROLE_NAME,     /* a role, a nationality and an unknown name */
  RULE_COUNTERPART,   /* "son homologue (vietnamien)" */
  RULE_PAIR,          /* "les deux parties", "les deux pays" */
  RULE_PRONOUN,       /* "il", "elle" starting a clause */
  RULE_COUNTRY,       /* a state's name */
  RULE_CAPITAL,       /* a capital or seat of power as metonym */
  RULE_ORG,           /* an organisation or a state's company */
  RULE_DEMONYM,       /* "les Ivoiriens", a compound adjective */
  RULE__COUNT
} mention_rule;

const char *mention_rule_name(mention_rule r);

#define DOC_CODE_MAX 16

typedef struct mention {
  uint32_t tok_begin, tok_end;  /* tokens [tok_begin, tok_end) */
  uint32_t sent;                /* sentence number (0-based) */
  char state[DOC_CODE_MAX];     /* state or organisation acted for */
  char state2[DOC_CODE_MAX];    /* the other state of a pair, else "" */
  uint8_t role;                 /* role number (dict_role_code) */
  uint8_t rule;                 /* mention_rule */
  int32_t person;               /* dictionary entry of the person, -1 if none */
  const char *name;             /* a name not in the dictionary, else NULL (arena) */
} mention;

/* A period in days since 1970-01-01, inclusive. */
typedef struct doc_period {
  int32_t first, last;
} doc_period;

/* An actor of an event: a state (or organisation) in a role. */
typedef struct doc_actor {
  char state[DOC_CODE_MAX];
  uint8_t role;                 /* role number */
  int32_t person;               /* dictionary entry, -1 */
  const char *name;             /* unknown name (arena) or NULL */
} doc_actor;

typedef struct event_rec {
  uint32_t sent;                /* sentence number */
  uint32_t trig_begin, trig_end;/* tokens of the predicate */
  doc_actor source, target;
  char cameo[8];
  int32_t first, last;          /* date, days since 1970-01-01; first > last: none */
  int32_t place;                /* mention of the place, -1 */
  uint32_t pattern;             /* verbs.tsv pattern number */
  uint32_t cluster;             /* real event across articles (merge.h), 0: none */
  uint8_t date_own;             /* the date comes from the event's own sentence */
} event_rec;

typedef struct figure_rec {
  uint32_t sent;
  uint32_t start, end;          /* text range of the figure */
  char indicator[16];
  double value;
  char unit[8];
  char kind[8];
  char party1[DOC_CODE_MAX], party2[DOC_CODE_MAX];
  int32_t first, last;          /* period; first > last: none */
  uint32_t cluster;             /* merge.h, 0: none */
} figure_rec;

typedef struct agreement_rec {
  uint32_t sent;
  uint32_t start, end;          /* text range of the title */
  char party1[DOC_CODE_MAX], party2[DOC_CODE_MAX];
  int32_t first, last;          /* date of signing; first > last: none */
  uint8_t generic;              /* "quatre accords": documents not named one by one */
} agreement_rec;

struct dyad_doc {
  arena mem;             /* owns everything below */
  const char *id;        /* never NULL ("" if unknown) */
  const char *path;      /* file read, "" for stdin or memory */
  long line;             /* JSONL line number, 0 otherwise */
  const char *url;       /* NULL if unknown */
  dyad_date published;   /* year 0: unknown */
  const char *published_how; /* "jsonl", "header", "dateline" or NULL */

  const char *orig;      /* original bytes, unchanged (may hold bad UTF-8) */
  size_t orig_len;

  char *text;            /* normalised text, NUL-terminated */
  size_t text_len;
  uint32_t *omap;        /* text_len + 1 entries */

  zone *zones;           /* sorted by start, non-overlapping */
  size_t nzones;

  token *toks;
  size_t ntoks;
  sentence *sents;
  size_t nsents;

  mention *mentions;     /* in text order */
  size_t nmentions;
  char pair[2][DOC_CODE_MAX]; /* the article's pair: the two states (or
                                 organisations) mentioned most, "" if none */
  doc_period *actor_dates; /* when undated: periods the named leaders' terms allow */
  size_t nactor_dates;

  event_rec *events;
  size_t nevents;
  figure_rec *figures;
  size_t nfigures;
  agreement_rec *agreements;
  size_t nagreements;
};

/* The zone kind of text offset off (binary search). */
zone_kind doc_zone_at(const dyad_doc *doc, uint32_t off);

/* Original byte offset of a text offset. */
static inline uint32_t doc_orig_off(const dyad_doc *doc, uint32_t text_off) {
  return doc->omap ? doc->omap[text_off] : text_off;
}

/* Original byte range [*os, *oe) of the text range [s, e): an end inside
 * a group of text bytes made from one original character (NFC, "..." for
 * an ellipsis) is moved past that character. */
void doc_orig_span(const dyad_doc *doc, uint32_t s, uint32_t e, uint32_t *os /* out */,
                   uint32_t *oe /* out */);

#endif
