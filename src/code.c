/* code.c: the code stage, see code.h for the rules. */
#include "code.h"
#include "dates.h"
#include "dict.h"
#include "err.h"
#include "figures.h"
#include "match.h"
#include "utf8.h"
#include "verbs.h"
#include <string.h>
#include <strings.h>

#define CODE_FOLD_MAX 64      /* folded bytes kept per word */
#define CODE_MAX_WORDS 8      /* folded words per token: its form and lemmas */
#define CODE_MAX_DATES 16
#define CODE_MAX_FIGURES 16
#define CODE_TITLE_TOKS 16    /* words of an agreement's title */
#define CODE_MAX_LIST 12      /* states of an enumerated source or target */
#define CODE_RECENT_YEARS 15  /* years an undated article without leaders may be from */
#define CODE_OBJECT_REACH 10  /* tokens after a predicate its object may take */
#define CODE_FUTURE 2          /* code_asserted: a future tense */
#define CODE_AGENT_GAP 8      /* tokens between a passive participle and "par" */

/* An enumeration of states in one sentence ("les ambassadeurs d'Angola,
 * du Liban et du Canada"): what a later or nearby plural subject ("ils",
 * "les nouveaux ambassadeurs", "les trois gouvernements") refers to. */
typedef struct code_group {
  uint32_t sent;
  int listed;                 /* an enumeration, not only states named apart */
  size_t n;
  const mention *m[CODE_MAX_LIST];
} code_group;

typedef struct code_state {
  dyad_doc *doc;
  const dyad_ctx *ctx;
  /* per sentence, owned scratch */
  char *fbuf;                 /* folded words */
  size_t fcap;
  uint32_t *woff;             /* CODE_MAX_WORDS offsets per token, UINT32_MAX unused */
  uint8_t *wlen;              /* the folded words' lengths, beside woff */
  uint8_t *folded;            /* per token: its words are in fbuf (code_word folds them
                                 when first asked: most tokens never are) */
  size_t fused;               /* bytes of fbuf used */
  size_t tcap;
  uint32_t base, send;        /* tokens [base, send) of the folded sentence */
  int32_t pub0, pub1;         /* publication date as a period; pub0 > pub1 unknown */
  const char *pa, *pb;        /* the article's pair of states */
  dyad_date ref;              /* reference for partial dates: publication, or
                                 the middle of the leaders' terms when undated */
  int ref_guessed;            /* ref is the middle of the leaders' terms: a weekday
                                 or "hier" counted from it would be a made-up day */
  int32_t cur0, cur1;         /* the last date the article gave an event */
  int32_t anchor0, anchor1;   /* undated article: its first weekday-checked day */
  int32_t wd_day[7];          /* the day the article gives each weekday ("jeudi 20 juin"), 0: none */
  int wd_done;                /* wd_day filled */
  char indicator[16];         /* the last figure's indicator ("ce chiffre" refers to it) */
  size_t ev_cap, fig_cap, ag_cap;
  code_group *groups;         /* enumerations of states, in sentence order */
  size_t ngroups, gcap;
  date_expr *sdates;          /* CODE_MAX_DATES per sentence, found once (code_dates_of) */
  int16_t *nsdates;           /* per sentence: how many, -1 not looked for yet */
} code_state;

static void code_fold_token(code_state *st, uint32_t t);

/* Folded word k of token t (NULL after the last), its length in *len. */
static const char *code_word(code_state *st, uint32_t t, int k, size_t *len) {
  if (t < st->base || t >= st->send) return NULL; /* not in the sentence folded */
  if (!st->folded[t - st->base]) code_fold_token(st, t);
  size_t i = (size_t)(t - st->base) * CODE_MAX_WORDS + (uint32_t)k;
  uint32_t o = st->woff[i];
  if (o == UINT32_MAX) return NULL;
  *len = st->wlen[i];
  return st->fbuf + o;
}

/* The offsets of token t's folded words in fbuf (UINT32_MAX after the
 * last), or NULL outside the sentence folded. */
static const uint32_t *code_words_of(code_state *st, uint32_t t) {
  if (t < st->base || t >= st->send) return NULL;
  uint32_t i = t - st->base;
  if (!st->folded[i]) code_fold_token(st, t);
  return &st->woff[(size_t)i * CODE_MAX_WORDS];
}

/* 1 if token t's form or one of its lemmas folds to w. */
static int code_tok_is(code_state *st, uint32_t t, const char *w) {
  const uint32_t *wo = code_words_of(st, t);
  if (!wo) return 0;
  for (int k = 0; k < CODE_MAX_WORDS && wo[k] != UINT32_MAX; k++) {
    const char *x = st->fbuf + wo[k];
    if (x[0] == w[0] && !strcmp(x, w)) return 1;
  }
  return 0;
}

/* 1 if token t's form or one of its lemmas is one of ws (NULL-ended). */
static int code_tok_is_any(code_state *st, uint32_t t, const char *const *ws) {
  const uint32_t *wo = code_words_of(st, t);
  if (!wo) return 0;
  for (int k = 0; k < CODE_MAX_WORDS && wo[k] != UINT32_MAX; k++) {
    const char *x = st->fbuf + wo[k];
    for (const char *const *w = ws; *w; w++)
      if (x[0] == (*w)[0] && !strcmp(x, *w)) return 1;
  }
  return 0;
}

/* 1 if a[0..n) and b[0..n) are the same bytes (words are short: no call). */
static int code_same(const char *a, const char *b, size_t n) {
  while (n && *a == *b) a++, b++, n--;
  return n == 0;
}

/* Start sentence se: no token folded yet, room in fbuf for all of
 * them (so that the words code_word gives stay put). */
static void code_start_sentence(code_state *st, const sentence *se) {
  uint32_t n = se->tok_end - se->tok_begin;
  st->base = se->tok_begin;
  st->send = se->tok_end;
  if (n > st->tcap) {
    st->tcap = n;
    st->woff = xrealloc(st->woff, (size_t)n * CODE_MAX_WORDS * sizeof *st->woff);
    st->wlen = xrealloc(st->wlen, (size_t)n * CODE_MAX_WORDS * sizeof *st->wlen);
    st->folded = xrealloc(st->folded, n);
  }
  memset(st->folded, 0, n);
  size_t room = (size_t)n * CODE_MAX_WORDS * CODE_FOLD_MAX * 2;
  if (room > st->fcap) {
    st->fcap = room;
    st->fbuf = xrealloc(st->fbuf, st->fcap);
  }
  st->fused = 0;
}

/* Fold token t's form and lemmas (the first CODE_MAX_WORDS of them that
 * fold) into st->fbuf.  A word folding like an earlier one of its token
 * (most lemmas: "de" is the lemma of "de") is counted but kept once: the
 * tests on a token's words only ask whether one matches. */
static void code_fold_token(code_state *st, uint32_t t) {
  const dyad_doc *doc = st->doc;
  const token *k = &doc->toks[t];
  uint32_t i = t - st->base;
  uint32_t *w = &st->woff[(size_t)i * CODE_MAX_WORDS];
  uint8_t *wl = &st->wlen[(size_t)i * CODE_MAX_WORDS];
  size_t fl = st->fused;
  st->folded[i] = 1;
  for (int j = 0; j < CODE_MAX_WORDS; j++) w[j] = UINT32_MAX;
  int nw = 0, kept = 0;
  const char *form = doc->text + k->start;
  size_t form_len = k->end - k->start;
  for (int j = -1; j < (int)k->nread && nw < CODE_MAX_WORDS; j++) {
    const char *s;
    size_t len;
    if (j < 0) {
      s = form;
      len = form_len;
    } else {
      lex_reading r;
      lexicon_reading(st->ctx->lex, k->read + (uint32_t)j, &r);
      s = r.lemma;
      len = r.lemma_len;
    }
    if (len == 0 || len >= CODE_FOLD_MAX) continue;
    nw++;
    if (j >= 0 && kept && len == form_len && code_same(s, form, len)) continue;  /* the form again */
    char *x = st->fbuf + fl;
    size_t f = utf8_fold(s, len, x, CODE_FOLD_MAX * 2 - 1);
    x[f] = '\0';
    int dup = 0;
    for (int q = 0; q < kept && !dup; q++) dup = wl[q] == f && code_same(st->fbuf + w[q], x, f);
    if (dup) continue;
    w[kept] = (uint32_t)fl;
    wl[kept++] = (uint8_t)f;
    fl += f + 1;
  }
  st->fused = fl;
}

/* 0 if no word of token t can trigger a pattern: its form is no trigger
 * word, nor the lemma of any of its readings (ctx->trigger_reads), so
 * its lemmas need not be read. */
static int code_may_trigger(code_state *st, uint32_t t) {
  const token *k = &st->doc->toks[t];
  const unsigned char *bits = st->ctx->trigger_reads;
  if (!bits) return 1;
  for (uint32_t j = 0; j < k->nread; j++) {
    uint32_t r = k->read + j;
    if (bits[r / 8] >> (r % 8) & 1) return 1;
  }
  size_t len = k->end - k->start;
  if (len == 0 || len >= CODE_FOLD_MAX || !verbs_may_start(st->ctx->verbs, st->doc->text + k->start, len)) return 0;
  char x[CODE_FOLD_MAX * 2];
  size_t f = utf8_fold(st->doc->text + k->start, len, x, sizeof x - 1);
  const uint32_t *pats;
  return verbs_triggered(st->ctx->verbs, x, f, &pats) > 0;
}

/* 1 if token q is a quotation mark: " « » “ ” (French guillemets and
 * curly quotes as UTF-8). */
static int code_quote_mark(const dyad_doc *doc, uint32_t q) {
  const token *k = &doc->toks[q];
  if (k->kind != TOK_PUNCT) return 0;
  const unsigned char *x = (const unsigned char *)doc->text + k->start;
  size_t n = k->end - k->start;
  return (n == 1 && x[0] == '"') || (n == 2 && x[0] == 0xC2 && (x[1] == 0xAB || x[1] == 0xBB)) ||
         (n == 3 && x[0] == 0xE2 && x[1] == 0x80 && (x[2] == 0x9C || x[2] == 0x9D));
}

/* End (exclusive) of a match of pattern p with its trigger at token t,
 * or 0. */
static uint32_t code_match(code_state *st, const verbs_pattern *p, uint32_t t, uint32_t end) {
  const verbs_table *v = st->ctx->verbs;
  uint32_t pos = t + 1;
  for (uint8_t i = 1; i < p->nitems; i++) {
    uint32_t found = 0, quotes = 0;
    for (uint32_t q = pos; q < end && q < pos + VERBS_GAP + 1 + quotes && !found; q++) {
      /* quotation marks neither end nor lengthen a phrase ("qualifié
         l'acte d'« agression »") */
      if (code_quote_mark(st->doc, q)) { quotes++; continue; }
      if (st->doc->toks[q].kind == TOK_PUNCT && st->doc->text[st->doc->toks[q].start] != '\'') break;
      for (uint8_t a = 0; a < p->nalts[i] && !found; a++)
        for (int k = 0; k < CODE_MAX_WORDS; k++) {
          size_t len;
          const char *x = code_word(st, q, k, &len);
          if (!x) break;
          if (verbs_alt_is(v, p->items[i] + a, x, len)) { found = q + 1; break; }
        }
    }
    if (!found) return 0;
    pos = found;
  }
  return pos;
}

/* The readings' tags of token t contain tag. */
static int code_has_tag(code_state *st, uint32_t t, const char *tag) {
  const token *k = &st->doc->toks[t];
  size_t n = strlen(tag);
  for (unsigned i = 0; i < k->nread; i++) {
    lex_reading r;
    lexicon_reading(st->ctx->lex, k->read + i, &r);
    if (r.pos != POS_VERB) continue;
    const char *x = r.tags, *te = r.tags + r.tags_len;
    while (x < te) {   /* the space-separated tags */
      const char *e = memchr(x, ' ', (size_t)(te - x));
      if (!e) e = te;
      if ((size_t)(e - x) == n && !memcmp(x, tag, n)) return 1;
      x = e + 1;
    }
  }
  return 0;
}

static const char *const code_negations[] = {"pas", "jamais", "aucun", "aucune", "guere", "nullement", NULL};
static const char *const code_modals[] = {"devoir", "aller", "pouvoir", "vouloir", "souhaiter", "esperer",
                                          "prevoir", "envisager", "compter", "entendre", "projeter", "possibilite",
                                          "intention", NULL};
static const char *const code_demands[] = {"reclamer", "demander", "exiger", "souhaiter", "vouloir",
                                           "suggerer", "esperer", "proposer", "craindre", NULL};
static const char *const code_appeals[] = {"appeler", "exhorter", "inviter", "inciter", "encourager",
                                           "demander", "exiger", "sommer", "enjoindre", "presser", NULL};
static const char *const code_auxiliaries[] = {"avoir", "etre", "ete", NULL};
static const char *const code_purpose[] = {"pour", "afin", NULL};
/* First words of a fronted adverbial clause, closed by a comma. */
static const char *const code_fronting[] = {"apres", "lors", "au", "a", "en", "pour", "dans", "suite",
                                            "avant", "durant", "pendant", "depuis", "outre", NULL};
/* Conjunctions opening a subordinate clause with a subject of its own. */
static const char *const code_clause_words[] = {"quand", "lorsque", "lorsqu'", "tandis", "puisque",
                                                "alors", NULL};
static const char *const code_preps[] = {"a", "au", "aux", "avec", "de", "du", "des", "d'", "en", "pour",
                                         "par", "sur", "entre", "selon", "contre", "vers", "chez", NULL};
static const char *const code_determiners[] = {"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'",
                                               "au", "aux", "a", NULL};

/* The parts of speech token t's readings have: bit 1 << POS_x each. */
static unsigned code_pos(code_state *st, uint32_t t) {
  const token *k = &st->doc->toks[t];
  unsigned pos = 0;
  for (unsigned i = 0; i < k->nread; i++) {
    lex_reading r;
    lexicon_reading(st->ctx->lex, k->read + i, &r);
    pos |= 1u << r.pos;
  }
  return pos;
}
#define CODE_POS(p) (1u << (p))

/* 1 if token t can only be a past participle, not a finite or infinitive
 * verb form ("incarcéré", "réclamé"; whether an auxiliary comes before,
 * "a signé", is the caller's check). */
static int code_participle_only(code_state *st, uint32_t t) {
  const token *k = &st->doc->toks[t];
  int ppas = 0;
  for (unsigned i = 0; i < k->nread; i++) {
    lex_reading r;
    lexicon_reading(st->ctx->lex, k->read + i, &r);
    if (r.pos != POS_VERB) continue;
    int is_pp = 0;
    for (const char *x = r.tags; x + 4 <= r.tags + r.tags_len; x++)
      if (!memcmp(x, "ppas", 4)) is_pp = 1;
    if (!is_pp) return 0;
    ppas = 1;
  }
  return ppas;
}

/* Degree words, which qualify adjectives ("très", "plus que"). */
static const char *const code_degrees[] = {"tres", "plus", "moins", "trop", "si", "assez", "aussi",
                                           "particulierement", "extremement", "fort", NULL};

/* 1 if token t may be an adjective ("critique", "préoccupante"). */
static int code_adjective(code_state *st, uint32_t t) {
  return (code_pos(st, t) & CODE_POS(POS_ADJ)) != 0;
}

static const char *const code_partitives[] = {"de", "d'", "des", "du", NULL};

/* 1 if an auxiliary comes before the participle at t, adverbs and
 * adverbial phrases between ("a par ailleurs condamné", "a
 * également salué", "ont, jeudi, signé"). */
static int code_auxiliary_before(code_state *st, uint32_t b, uint32_t t) {
  static const char *const between[] = {",", "par", "ailleurs", "egalement", "aussi", "deja", "notamment",
                                         "vivement", "fermement", "encore", "enfin", "pour", "sa", "part",
                                         "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                                         "dimanche", "hier", NULL};
  for (uint32_t q = t; q-- > b && q + 6 > t;) {
    if (code_tok_is_any(st, q, code_auxiliaries)) return 1;
    /* any one word right before ("a chaleureusement salué", "ont tous
       exprimé"), else only those above */
    if (q + 1 < t && !code_tok_is_any(st, q, between)) return 0;
  }
  return 0;
}

/* 1 if token t can only be a verb, and not a participle ("seraient",
 * "a", "ont"): no noun, adjective, preposition or determiner reading. */
static int code_verb_only(code_state *st, uint32_t t) {
  return code_pos(st, t) == CODE_POS(POS_VERB) && !code_has_tag(st, t, "ppas") && !code_has_tag(st, t, "infi");
}

/* 1 if token t is a noun here: never a verb ("destruction",
 * "expulsion"), or a noun and a finite verb after an article or "de"
 * ("une série d'attaques", "des menaces"), where no finite verb can
 * stand. */
static int code_nominal(code_state *st, uint32_t t) {
  static const char *const before_noun[] = {"un", "une", "des", "du", "de", "d'", "au", "aux", NULL};
  unsigned pos = code_pos(st, t);
  int noun = (pos & CODE_POS(POS_NOUN)) != 0;
  if (!(pos & CODE_POS(POS_VERB))) return noun;
  if (!noun || t <= st->base || code_has_tag(st, t, "infi")) return 0;
  if (code_tok_is_any(st, t - 1, before_noun)) return 1;
  /* "à la menace", "contre la provocation": an article after a
     preposition is no object pronoun */
  static const char *const articles[] = {"le", "la", "les", "l'", NULL};
  static const char *const preps[] = {"a", "de", "pour", "contre", "par", "sur", "avec", "dans", "en", "sans",
                                      "vers", "malgre", "apres", "avant", NULL};
  /* ... nor after a past participle ("a condamné les frappes") */
  return t > st->base + 1 && code_tok_is_any(st, t - 1, articles) &&
         (code_tok_is_any(st, t - 2, preps) || code_participle_only(st, t - 2));
}

/* The verb whose object the noun at t is ("a annoncé la rupture",
 * "a officialisé l'expulsion", "ont annoncé des sanctions"), or
 * UINT32_MAX: the verb's subject is the noun's agent.  Determiners,
 * numbers, adjectives, commas, quotes, days and quantities between ("ont
 * annoncé, jeudi, des sanctions", "a mené une série de frappes") are
 * skipped; a noun after an article is no verb ("une série", not
 * "sérier"); a preposition before ("en réponse à l'invasion", "depuis
 * l'annexion") is no verb. */
static uint32_t code_governing_verb(code_state *st, uint32_t b, uint32_t t) {
  static const char *const between[] = {",", "\"", "«", "»", "lundi", "mardi", "mercredi", "jeudi",
                                        "vendredi", "samedi", "dimanche", "hier", "soir", "matin",
                                        "serie", "vague", "succession", NULL};
  for (uint32_t q = t; q-- > b && q + 6 > t;) {
    if (st->doc->toks[q].kind == TOK_NUMBER || code_tok_is_any(st, q, between)) continue;
    unsigned pos = code_pos(st, q);
    int verb = (pos & CODE_POS(POS_VERB)) != 0, prep = (pos & CODE_POS(POS_PREP)) != 0;
    /* determiners, adjectives, adverbs ("prévoit notamment un") */
    int skip = (pos & (CODE_POS(POS_DET) | CODE_POS(POS_ADJ) | CODE_POS(POS_ADV))) != 0;
    /* "de", "des": articles too ("une série d'attaques"); "depuis",
       "après": prepositions only */
    if (skip && !verb && (!prep || code_tok_is_any(st, q, code_partitives))) continue;
    /* "une série d'attaques": a noun after an article, not "sérier" */
    return verb && !code_nominal(st, q) ? q : UINT32_MAX;
  }
  return UINT32_MAX;
}

static int code_object_of_verb(code_state *st, uint32_t b, uint32_t t) {
  return code_governing_verb(st, b, t) != UINT32_MAX;
}

/* 1 if the noun at t is what a verb of criticism is about ("a condamné
 * les sanctions américaines", "dénonce l'invasion"): someone else's act,
 * not its subject's. */
static int code_criticised(code_state *st, uint32_t b, uint32_t t) {
  static const char *const critics[] = {"condamner", "denoncer", "critiquer", "deplorer", "regretter",
                                        "fustiger", "rejeter", "protester", "contester", NULL};
  uint32_t v = code_governing_verb(st, b, t);
  return v != UINT32_MAX && code_tok_is_any(st, v, critics);
}

/* 1 if an actor follows token e as the agent of a noun: "par X" within
 * two tokens ("de X" is its object: "l'invasion de l'Ukraine"). */
static int code_agent_after(code_state *st, const dyad_doc *doc, uint32_t e, uint32_t end, size_t mb,
                            size_t me) {
  for (uint32_t q = e; q < end && q < e + 2; q++) {
    if (!code_tok_is(st, q, "par")) continue;
    for (size_t i = mb; i < me; i++)
      if (doc->mentions[i].tok_begin > q && doc->mentions[i].tok_begin <= q + 2 && doc->mentions[i].state[0])
        return 1;
  }
  return 0;
}

/* Nouns whose complement "de X" names who acts in the infinitive after
 * them ("la décision de la RDC d'expulser son ambassadeur"). */
static const char *const code_decisions[] = {"decision", "choix", "volonte", "refus", "tentative",
                                             "resolution", NULL};

/* The actor X of "<decision> de X de|d' <predicate at t>", or NULL: X
 * just before the "de" of the predicate, and the noun within nine tokens
 * before X's own "de" (quoted qualifiers may sit between: "la décision
 * « complètement injustifiée » de l'Algérie de rompre"). */
static const mention *code_decider(code_state *st, size_t mb, size_t me, uint32_t b, uint32_t t) {
  if (t < b + 3 || !(code_tok_is(st, t - 1, "de") || code_tok_is(st, t - 1, "d'"))) return NULL;
  const dyad_doc *doc = st->doc;
  for (size_t i = me; i-- > mb;) {
    const mention *m = &doc->mentions[i];
    if (m->tok_end > t - 1) continue;
    if (m->tok_end + 1 < t - 1 || !m->state[0] || m->rule == RULE_PAIR) return NULL;
    uint32_t q = m->tok_begin;
    /* an abbreviation in parentheses: "la République démocratique du
       Congo (RDC) d'expulser" */
    if (i > mb && q > b && code_tok_is(st, q - 1, "(") && doc->mentions[i - 1].tok_end == q - 1 &&
        !strcmp(doc->mentions[i - 1].state, m->state)) {
      t = doc->mentions[i - 1].tok_end + 1;
      continue;
    }
    if (q > b && (code_tok_is(st, q - 1, "la") || code_tok_is(st, q - 1, "l'") || code_tok_is(st, q - 1, "le")))
      q--;
    if (q <= b || !(code_tok_is(st, q - 1, "de") || code_tok_is(st, q - 1, "du") || code_tok_is(st, q - 1, "d'")))
      return NULL;
    for (uint32_t r = q - 1; r-- > b && r + 10 > q;)
      if (code_tok_is_any(st, r, code_decisions)) return m;
    return NULL;
  }
  return NULL;
}

/* Is the predicate at t..e a real, asserted act (1), or negated, planned
 * or wished (0), or announced in the future tense (CODE_FUTURE)? */
static int code_asserted(code_state *st, uint32_t t, uint32_t e, uint32_t b, uint32_t send) {
  /* negation: ne/n' before the predicate, pas/jamais after the ne
     ("n'a pas signé", "ne s'est jamais rendu") */
  for (uint32_t q = t > b + 3 ? t - 3 : b; q < t; q++)
    if (code_tok_is(st, q, "ne") || code_tok_is(st, q, "n'"))
      for (uint32_t r = q + 1; r < e + 3 && r < send; r++)
        if (code_tok_is_any(st, r, code_negations)) return 0;
  /* future or conditional on the predicate or its auxiliary */
  for (uint32_t q = t > b + 2 ? t - 2 : b; q < e; q++) {
    if (code_has_tag(st, q, "cond")) return 0;
    if (code_has_tag(st, q, "ifut")) return CODE_FUTURE;
  }
  /* a noun subject of a verb in the conditional ("des instructeurs
     russes seraient sur place"): alleged, not asserted */
  if (code_nominal(st, t))
    for (uint32_t q = e; q < send && q < e + 3; q++)
      if (code_has_tag(st, q, "cond")) return 0;
  /* a meeting or act planned ("le programme prévoit un entretien") */
  if (code_nominal(st, t)) {
    static const char *const plans[] = {"prevoir", "envisager", "programmer", "planifier", "projeter",
                                        "preparer", "proposer", "souhaiter", NULL};
    uint32_t v = code_governing_verb(st, b, t);
    if (v != UINT32_MAX && code_tok_is_any(st, v, plans)) return 0;
  }
  /* a clause demanded or wished ("réclament qu'Ottawa déclare...") */
  for (uint32_t q = t > b + 6 ? t - 6 : b; q + 1 < t; q++)
    if (code_tok_is_any(st, q, code_demands) &&
        (code_tok_is(st, q + 1, "que") || code_tok_is(st, q + 1, "qu'")))
      return 0;
  /* an infinitive after a modal or a purpose */
  if (code_has_tag(st, t, "infi") || (t + 1 < e && code_has_tag(st, t + 1, "infi"))) {
    for (uint32_t q = t > b + 4 ? t - 4 : b; q < t; q++)
      if (code_tok_is_any(st, q, code_modals) || code_tok_is_any(st, q, code_purpose)) return 0;
    /* what someone is called on to do ("a appelé les dirigeants togolais
       à rouvrir la frontière") */
    if (t > b && (code_tok_is(st, t - 1, "a") || code_tok_is(st, t - 1, "de") || code_tok_is(st, t - 1, "d'")))
      for (uint32_t q = t > b + 8 ? t - 8 : b; q < t; q++)
        if (code_tok_is_any(st, q, code_appeals)) return 0;
  }
  return 1;
}

/* 1 if the object after a predicate ending at e is a number of people:
 * a number, or "plus de", "près de", "des milliers de"... within three
 * tokens ("a accueilli plus de 300.000 réfugiés"), not "plus tard". */
static int code_counted_object(code_state *st, uint32_t e, uint32_t end) {
  static const char *const counts[] = {"plus", "pres", "environ", "quelque", "milliers", "centaines",
                                       "dizaines", "millions", "million", "millier", "centaine", NULL};
  static const char *const skip[] = {"deja", "ainsi", "aussi", "egalement", "des", "les", "ces", NULL};
  for (uint32_t q = e; q < end && q < e + 3; q++) {
    if (st->doc->toks[q].kind == TOK_NUMBER) return 1;
    if (code_tok_is_any(st, q, counts))
      return !(q + 1 < end && (code_tok_is(st, q + 1, "tard") || code_tok_is(st, q + 1, "tot")));
    if (!code_tok_is_any(st, q, skip)) return 0;
  }
  return 0;
}

static int code_is_place(const mention *m) {
  return m->rule == RULE_COUNTRY || m->rule == RULE_CAPITAL;
}

/* 1 if a visit's destination, after the preposition that ends its
 * predicate at e, is a common noun ("se rendre à la réunion", "au
 * siège") and no place follows it in the sentence. */
static int code_common_destination(code_state *st, uint32_t e, uint32_t end, size_t mb, size_t me) {
  static const char *const to[] = {"a", "au", "aux", "en", "dans", NULL};
  static const char *const the[] = {"le", "la", "les", "l'", NULL};
  const dyad_doc *doc = st->doc;
  if (!code_tok_is_any(st, e - 1, to)) return 0; /* "une visite de travail": no destination */
  uint32_t q = e;
  if (q < end && code_tok_is_any(st, q, the)) q++;
  if (q >= end || doc->toks[q].kind != TOK_WORD || (doc->toks[q].flags & TOKF_UPPER)) return 0;
  for (size_t i = mb; i < me; i++) {
    const mention *m = &doc->mentions[i];
    if (m->tok_begin >= e && (code_is_place(m) || m->tok_begin == q)) return 0;
  }
  return 1;
}

/* Verbs that report speech after a quotation ("», a déclaré X"). */
static const char *const code_speech[] = {"dire", "declarer", "repondre", "affirmer", "ajouter", "souligner",
                                          "estimer", "commenter", "indiquer", "prevenir", "avertir", "lancer",
                                          "assurer", "expliquer", "preciser", "marteler", "insister", "ecrire",
                                          "reagir", "conclure", "poursuivre", "rappeler", "noter", NULL};

/* The speaker of a quotation that a predicate ending at e sits in: after
 * a closing quotation mark (and a comma), a speech verb within two tokens
 * ("», a répondu de son côté le Pakistan", "», commente le vice-ministre
 * russe"), then the first actor within eight tokens; else NULL. */
static const mention *code_trailing_speaker(code_state *st, size_t mb, size_t me, uint32_t e, uint32_t end) {
  const dyad_doc *doc = st->doc;
  for (uint32_t q = e; q < end; q++) {
    if (!code_quote_mark(doc, q)) continue;
    uint32_t v = q + 1;
    if (v < end && code_tok_is(st, v, ",")) v++;
    for (uint32_t w = v; w < end && w < v + 3; w++) {
      if (!code_tok_is_any(st, w, code_speech)) continue;
      for (size_t i = mb; i < me; i++) {
        const mention *m = &doc->mentions[i];
        if (m->tok_begin > w && m->tok_begin <= w + 8 && m->state[0] && m->rule != RULE_PAIR) return m;
      }
      return NULL;
    }
  }
  return NULL;
}

/* 1 if token q sits in a relative clause set off by commas that closes
 * before token t (", dont le pays n'est pas membre de la Cédéao,"). */
static int code_in_relative(code_state *st, uint32_t b, uint32_t q, uint32_t t) {
  static const char *const rel[] = {"dont", "qui", "lequel", "laquelle", "lesquels", "lesquelles", NULL};
  uint32_t open = 0;
  for (uint32_t r = q; r-- > b;) {
    if (code_tok_is(st, r, ",")) break;
    if (r > b && code_tok_is_any(st, r, rel) && code_tok_is(st, r - 1, ",")) { open = r; break; }
  }
  if (!open) return 0;
  for (uint32_t r = q + 1; r < t; r++)
    if (code_tok_is(st, r, ",")) return 1;
  return 0;
}

/* The organisation a subject like "l'organisation régionale" or "le
 * bloc" (tokens [a, t) of sentence s) stands for: the last one named in
 * the four sentences before or in s before a; else NULL. */
static const mention *code_org_anaphor(code_state *st, uint32_t s, uint32_t a, uint32_t t) {
  static const char *const heads[] = {"organisation", "bloc", "institution", "communaute", "alliance",
                                      "union", NULL};
  const dyad_doc *doc = st->doc;
  int found = 0;
  for (uint32_t q = a; q < t && q < a + 4 && !found; q++) found = code_tok_is_any(st, q, heads);
  if (!found) return NULL;
  for (size_t i = doc->nmentions; i-- > 0;) {
    const mention *m = &doc->mentions[i];
    if (m->sent > s || (m->sent == s && m->tok_begin >= a)) continue;
    if (m->sent + 4 < s) break;
    if (m->rule == RULE_ORG && m->state[0]) return m;
  }
  return NULL;
}

/* The state of a nationality adjective in lower case at token q that
 * qualifies the noun before it ("les sanctions américaines", "l'acte
 * algérien"), or NULL.  The actor stage leaves such adjectives out (they
 * are no actors); a predicate's object may still name its state so. */
static const char *code_adjective_state(code_state *st, uint32_t q) {
  const dyad_doc *doc = st->doc;
  if (q <= st->base || doc->toks[q].kind != TOK_WORD || (doc->toks[q].flags & TOKF_UPPER) ||
      doc->toks[q - 1].kind != TOK_WORD)
    return NULL;
  size_t len;
  const char *w = code_word(st, q, 0, &len);
  if (!w) return NULL;
  const matcher *m = dict_matcher(st->ctx->dict);
  uint32_t id = matcher_token_id(m, w, len);
  if (!id) return NULL;
  const uint32_t *vals;
  size_t nv;
  if (matcher_longest(m, &id, 1, &vals, &nv) != 1) return NULL;
  for (size_t i = 0; i < nv; i++) {
    const dict_entry *e = dict_entry_at(st->ctx->dict, vals[i]);
    if (e->kind == DK_DEMONYM && e->state[0]) return e->state;
  }
  return NULL;
}

/* 1 if mention m ("États de l'AES", "dirigeants de la Cédéao") opens
 * with a plural head and names an organisation the article names as such
 * elsewhere. */
static int code_org_members_head(code_state *st, const mention *m) {
  static const char *const heads[] = {"etats", "pays", "dirigeants", "chefs", "membres", "gouvernements",
                                      NULL};
  const dyad_doc *doc = st->doc;
  size_t len;
  const char *w = code_word(st, m->tok_begin, 0, &len);
  int plural = 0;
  for (const char *const *h = heads; w && *h && !plural; h++) plural = !strcmp(w, *h);
  if (!plural) return 0;
  for (size_t i = 0; i < doc->nmentions; i++)
    if (doc->mentions[i].rule == RULE_ORG && !strcmp(doc->mentions[i].state, m->state)) return 1;
  return 0;
}

/* Mentions [*mb, *me) of sentence s. */
static void code_sentence_mentions(const dyad_doc *doc, uint32_t s, size_t *mb, size_t *me) {
  size_t lo = 0, hi = doc->nmentions;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->mentions[mid].sent < s) lo = mid + 1;
    else hi = mid;
  }
  *mb = lo;
  while (lo < doc->nmentions && doc->mentions[lo].sent == s) lo++;
  *me = lo;
}

static int code_after_prep(code_state *st, const mention *m, uint32_t b) {
  uint32_t t = m->tok_begin;
  /* skip a determiner: "à la Côte d'Ivoire", "avec le Vietnam" */
  if (t > b && (code_tok_is(st, t - 1, "le") || code_tok_is(st, t - 1, "la") || code_tok_is(st, t - 1, "l'") ||
                code_tok_is(st, t - 1, "les") || code_tok_is(st, t - 1, "son") || code_tok_is(st, t - 1, "sa") ||
                code_tok_is(st, t - 1, "ses")))
    t--;
  return t > b && code_tok_is_any(st, t - 1, code_preps);
}

static void code_actor(doc_actor *a, const mention *m, int second) {
  memcpy(a->state, second ? m->state2 : m->state, DOC_CODE_MAX);
  a->role = m->role;
  a->person = second ? -1 : m->person;
  a->name = second ? NULL : m->name;
}

static event_rec *code_event_new(code_state *st) {
  dyad_doc *doc = st->doc;
  if (doc->nevents == st->ev_cap) {
    size_t cap = st->ev_cap ? 2 * st->ev_cap : 16;
    doc->events = arena_grow(&doc->mem, doc->events, doc->nevents, cap, sizeof *doc->events);
    st->ev_cap = cap;
  }
  event_rec *e = &doc->events[doc->nevents++];
  memset(e, 0, sizeof *e);
  e->place = -1;
  e->first = 1;
  e->last = 0;
  return e;
}

/* The sentence's date for an event at token t: the nearest expression
 * that is not a figure's period. */
static int code_weekday_of(const char *s, size_t n);

/* Weekday (0 Monday) of a bare weekday expression ("jeudi", "ce jeudi
 * soir": no digit), else -1. */
static int code_bare_weekday(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] >= '0' && s[i] <= '9') return -1;
  char buf[64];
  if (n + 2 > sizeof buf) return -1;
  memcpy(buf, s, n);
  buf[n] = ' ';
  buf[n + 1] = 0;
  return code_weekday_of(buf, n + 1);
}

/* The date expressions of sentence s (at most CODE_MAX_DATES), found
 * once per article with the article's reference date. */
static size_t code_dates_of(code_state *st, uint32_t s, const date_expr **out) {
  const dyad_doc *doc = st->doc;
  if (!st->nsdates) {
    st->nsdates = xmalloc(doc->nsents * sizeof *st->nsdates);
    for (uint32_t i = 0; i < doc->nsents; i++) st->nsdates[i] = -1;
    st->sdates = xmalloc((size_t)doc->nsents * CODE_MAX_DATES * sizeof *st->sdates);
  }
  date_expr *d = &st->sdates[(size_t)s * CODE_MAX_DATES];
  if (st->nsdates[s] < 0) {
    const sentence *se = &doc->sents[s];
    size_t nd = dates_find_in(st->ctx->dates, doc->text + se->start, se->end - se->start, st->ref, d,
                              CODE_MAX_DATES);
    if (nd > CODE_MAX_DATES) nd = CODE_MAX_DATES;
    if (st->ref_guessed) { /* keep what the text dates, drop what only the guess would */
      size_t k = 0;
      for (size_t i = 0; i < nd; i++)
        if (d[i].kind != DATE_RELATIVE) d[k++] = d[i];
      nd = k;
    }
    st->nsdates[s] = (int16_t)nd;
  }
  *out = d;
  return (size_t)st->nsdates[s];
}

/* 1 if text may give a weekday a day of the month: it has a digit and
 * a weekday's name (cheap, before looking for its dates). */
static int code_names_weekday(const char *text, size_t n) {
  static const char *const days[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                                     "day", NULL};
  int digit = 0;
  for (size_t i = 0; i < n && !digit; i++) digit = text[i] >= '0' && text[i] <= '9';
  if (!digit) return 0;
  for (const char *const *d = days; *d; d++) {
    size_t l = strlen(*d);
    for (const char *x = text, *e = text + n; (x = memchr(x, (*d)[1], (size_t)(e - x))) != NULL; x++)
      if (x > text && (size_t)(e - x) >= l - 1 && (x[-1] | 0x20) == (*d)[0] && !memcmp(x, *d + 1, l - 1)) return 1;
  }
  return 0;
}

/* The days the article gives its weekdays ("Arrivé à Abidjan jeudi 20
 * juin..."): a bare "jeudi" elsewhere in the article is that day. */
static void code_weekday_days(code_state *st) {
  const dyad_doc *doc = st->doc;
  st->wd_done = 1;
  for (uint32_t s = 0; s < doc->nsents; s++) {
    const sentence *se = &doc->sents[s];
    if (se->zone != ZONE_ARTICLE || !code_names_weekday(doc->text + se->start, se->end - se->start)) continue;
    const date_expr *dx;
    size_t nd = code_dates_of(st, s, &dx);
    for (size_t i = 0; i < nd; i++) {
      if (dx[i].first != dx[i].last || dx[i].kind == DATE_RELATIVE) continue;
      int wd = code_weekday_of(doc->text + se->start + dx[i].start, dx[i].end - dx[i].start);
      if (wd < 0 || ((dx[i].first % 7 + 7 + 3) % 7) != wd || st->wd_day[wd]) continue;
      st->wd_day[wd] = dx[i].first;
    }
  }
}

/* 1 if s[0..n) is a span of years written "2023-2025": the period of a
 * plan or programme named, not when something happened. */
static int code_date_span_title(const char *s, size_t n) {
  return n == 9 && s[4] == '-' && s[0] >= '1' && s[0] <= '2' && s[5] >= '1' && s[5] <= '2';
}

/* 1 if date d belongs to another participle than the predicate at t
 * ("l'attentat commis le 22 avril", "la réunion tenue le 31 juillet"). */
static int code_date_elsewhere(code_state *st, uint32_t sstart, const date_expr *d, uint32_t t) {
  const dyad_doc *doc = st->doc;
  uint32_t q = st->base;
  while (q < doc->ntoks && doc->toks[q].start < sstart + d->start) q++;
  for (int k = 0; k < 2 && q > st->base; k++) {
    q--;
    if (code_tok_is(st, q, "le") || code_tok_is(st, q, "ce") || code_tok_is(st, q, "du") ||
        code_tok_is(st, q, "depuis"))
      continue;
    /* a participle without its auxiliary qualifies a noun */
    return q != t && code_has_tag(st, q, "ppas") && q > st->base &&
           !code_tok_is_any(st, q - 1, code_auxiliaries);
  }
  return 0;
}

/* 1 if date d follows another verb than the predicate at t..e, in the
 * future or conditional tense, within its clause ("Macky Sall, dont le
 * pays connaîtra une élection en février 2024, s'est dit honoré
 * d'effectuer cette visite"): it dates what is to come, not the act. */
static int code_date_future_clause(code_state *st, uint32_t sstart, const date_expr *d, uint32_t t,
                                   uint32_t e) {
  const dyad_doc *doc = st->doc;
  uint32_t q = st->base;
  while (q < st->send && doc->toks[q].start < sstart + d->start) q++;
  for (int k = 0; k < 6 && q > st->base; k++) {
    q--;
    if (q >= t && q < e) return 0;
    if (doc->toks[q].kind == TOK_PUNCT) return 0;
    if (code_has_tag(st, q, "ifut") || code_has_tag(st, q, "cond")) return 1;
  }
  return 0;
}

/* 1 if s[0..n) is "depuis" (or "since") and a day of the month. */
static int code_since_day(const char *s, size_t n) {
  if (!(n > 7 && (!strncasecmp(s, "depuis ", 7) || !strncasecmp(s, "since ", 6)))) return 0;
  for (size_t i = 6; i < n; i++)
    if (s[i] >= '0' && s[i] <= '9') {
      size_t k = i;
      while (k < n && s[k] >= '0' && s[k] <= '9') k++;
      if (k - i <= 2 && (k == n || s[k] == ' ' || s[k] == 'e' || s[k] == 'r')) return 1;
      i = k;
    }
  return 0;
}

static int code_date(code_state *st, const date_expr *d, size_t nd, uint32_t sstart, uint32_t t, uint32_t e,
                     int32_t *first, int32_t *last) {
  const date_expr *best = NULL;
  uint32_t at = st->doc->toks[t].start - sstart, bestd = UINT32_MAX;
  for (int pass = 0; pass < 2 && !best; pass++)
    for (size_t i = 0; i < nd; i++) {
      if (d[i].kind == DATE_PERIOD || code_date_span_title(st->doc->text + sstart + d[i].start, d[i].end - d[i].start) ||
          (pass == 0 && code_date_elsewhere(st, sstart, &d[i], t)) || code_date_future_clause(st, sstart, &d[i], t, e))
        continue;
      uint32_t dist = d[i].start > at ? d[i].start - at : at - d[i].end;
      if (dist < bestd) { bestd = dist; best = &d[i]; }
    }
  if (best) {
    *first = st->cur0 = best->first;
    *last = st->cur1 = best->last;
    /* "séjourne à Abidjan depuis le jeudi 20 juin": the act began that day */
    if (code_since_day(st->doc->text + sstart + best->start, best->end - best->start))
      *last = st->cur1 = best->first;
    int wd = code_bare_weekday(st->doc->text + sstart + best->start, best->end - best->start);
    if (wd >= 0) {
      if (!st->wd_done) code_weekday_days(st);
      if (st->wd_day[wd]) *first = *last = st->cur0 = st->cur1 = st->wd_day[wd];
    }
    return 1;
  }
  /* a sentence without a date tells more about the last event dated */
  if (st->cur0 <= st->cur1) { *first = st->cur0; *last = st->cur1; return 0; }
  if (st->pub0 <= st->pub1) { *first = st->pub0; *last = st->pub1; return 0; }
  if (st->anchor0 <= st->anchor1) { *first = st->anchor0; *last = st->anchor1; return 0; }
  const dyad_doc *doc = st->doc;
  if (doc->nactor_dates) {
    *first = doc->actor_dates[0].first;
    *last = doc->actor_dates[doc->nactor_dates - 1].last;
    return 0;
  }
  *first = 1;
  *last = 0;
  return 0;
}

/* Tokens [a, b) only separate items of a list: commas, "et", "ainsi que",
 * parentheses, determiners and prepositions, "ses alliés", and the names
 * of the people listed ("Lee Sang Ryul (République de Corée), Wan Li
 * (Chine)").  With sep 0, no comma or "et" is needed (an apposition:
 * "l'Alliance des États du Sahel (AES) le Mali, ..."). */
static int code_listed(code_state *st, uint32_t a, uint32_t b, int sep_needed) {
  if (a < st->base || b > st->send) return 0; /* only within the sentence folded */
  static const char *const glue[] = {",", "et", "ainsi", "que", "(", ")", "le", "la", "les", "l'", "de", "du",
                                     "des", "d'", "au", "aux", "a", "en", ";", "ses", "leurs", "allies",
                                     "partenaires", "voisins", NULL};
  if (b < a || b - a > 8) return 0;
  int sep = 0, names = 0;
  for (uint32_t q = a; q < b; q++) {
    const token *k = &st->doc->toks[q];
    if (k->kind == TOK_WORD && (k->flags & TOKF_UPPER) && !code_tok_is_any(st, q, glue)) {
      names++;
      continue;
    }
    if (!code_tok_is_any(st, q, glue)) return 0;
    sep |= code_tok_is(st, q, ",") || code_tok_is(st, q, "et") || code_tok_is(st, q, ";");
  }
  return (sep || !sep_needed) && (names ? b - a <= 8 : b - a <= 4);
}

/* The mentions listed with first ("A, B et C"), before token limit:
 * first itself, then each next one separated by list glue only; at most
 * CODE_MAX_LIST.  An organisation followed by the states it stands for
 * ("les États membres de l'AES, le Mali, le Burkina Faso et le Niger")
 * gives the states.  With first NULL, only head (a pair or none). */
static size_t code_list(code_state *st, const mention *head, const mention *first, size_t me,
                        uint32_t limit, const mention **out) {
  out[0] = head;
  if (!first || first->tok_begin < st->base || first->tok_end > st->send) return 1;
  size_t n = 1;
  const dyad_doc *doc = st->doc;
  const mention *last = first;
  for (size_t i = (size_t)(first - doc->mentions) + 1; i < me && n < CODE_MAX_LIST; i++) {
    const mention *m = &doc->mentions[i];
    if (m->tok_end > limit) break;
    int apposed = last->rule == RULE_ORG || !strcmp(last->state, m->state);
    if (!code_listed(st, last->tok_end, m->tok_begin, !apposed)) break;
    last = m;
    size_t k = 0;
    while (k < n && strcmp(out[k]->state, m->state)) k++;
    if (k == n && m->state[0]) out[n++] = m;
  }
  if (n >= 3 && out[0]->rule == RULE_ORG) {
    size_t states = 0;
    for (size_t k = 1; k < n; k++) states += out[k]->rule != RULE_ORG;
    if (states == n - 1) {
      memmove(out, out + 1, (n - 1) * sizeof *out);
      n--;
    }
  }
  return n;
}

/* Plural heads that stand for an enumeration given nearby: the pronouns
 * and plural nouns of the people and bodies that act for states. */
static const char *const code_plural_heads[] = {"ils", "elles", "ambassadeurs", "diplomates", "envoyes",
                                                "gouvernements", "dirigeants", "delegations", "ministres",
                                                NULL};

/* 1 if tokens [a, b) hold a plural noun head (by its form, not its
 * lemma), 2 if a plural pronoun, else 0. */
static int code_plural_in(code_state *st, uint32_t a, uint32_t b) {
  for (uint32_t q = a; q < b; q++) {
    size_t wl;
    const char *w = code_word(st, q, 0, &wl);
    if (!w) continue;
    for (const char *const *h = code_plural_heads; *h; h++) {
      if (strcmp(w, *h)) continue;
      if (h - code_plural_heads < 2) return 2;
      /* a noun phrase of its own ("les cinq nouveaux ambassadeurs"), not
         a complement ("le Conseil des ministres") */
      int complement = 0;
      for (uint32_t r = q > a + 2 ? q - 2 : a; r < q; r++)
        complement |= code_tok_is(st, r, "des") || code_tok_is(st, r, "de") || code_tok_is(st, r, "d'");
      if (!complement) return 1;
    }
  }
  return 0;
}

/* Record the longest enumeration of states of sentence s (folded
 * already; the first of equals), or all its states when it names three or
 * more. */
static void code_find_groups(code_state *st, uint32_t s) {
  const dyad_doc *doc = st->doc;
  size_t mb, me;
  code_sentence_mentions(doc, s, &mb, &me);
  const mention *best[CODE_MAX_LIST];
  size_t nbest = 0;
  for (size_t i = mb; i + 1 < me; i++) {
    const mention *m = &doc->mentions[i];
    if (!m->state[0] || m->rule == RULE_PAIR) continue;
    const mention *out[CODE_MAX_LIST];
    size_t n = code_list(st, m, m, me, doc->sents[s].tok_end, out);
    if (n > nbest) {
      nbest = n;
      memcpy(best, out, n * sizeof *out);
    }
  }
  /* a sentence naming three states or more in any form ("Leurs
     Excellences Lee Sang Ryul (République de Corée), Wan Li (Chine)...")
     groups them all */
  const mention *all[CODE_MAX_LIST];
  size_t nall = 0;
  for (size_t i = mb; i < me && nall < CODE_MAX_LIST; i++) {
    const mention *m = &doc->mentions[i];
    if (!m->state[0] || m->rule == RULE_PAIR || m->rule == RULE_PRONOUN) continue;
    size_t k = 0;
    while (k < nall && strcmp(all[k]->state, m->state)) k++;
    if (k == nall) all[nall++] = m;
  }
  int listed = 1;
  if (nall >= 3 && nbest < 3) {
    nbest = nall;
    memcpy(best, all, nall * sizeof *all);
    listed = 0;
  }
  if (nbest < 2) return;
  if (st->ngroups == st->gcap) {
    st->gcap = st->gcap ? 2 * st->gcap : 8;
    st->groups = xrealloc(st->groups, st->gcap * sizeof *st->groups);
  }
  code_group *g = &st->groups[st->ngroups++];
  g->sent = s;
  g->listed = listed;
  g->n = nbest;
  memcpy(g->m, best, nbest * sizeof *best);
}

#define CODE_GROUP_REACH 4  /* sentences between a plural head and its enumeration */

/* The enumeration a plural head of sentence s stands for, or NULL: for a
 * pronoun (how == 2), the nearest of the two sentences before; for a noun
 * ("les ambassadeurs"), the fullest within reach, an enumeration counting
 * one more than states named apart, the nearest of equals (the earlier on
 * a tie). */
static const code_group *code_group_near(code_state *st, uint32_t s, int how) {
  const code_group *best = NULL;
  uint32_t bestd = CODE_GROUP_REACH + 1;
  for (size_t i = 0; i < st->ngroups; i++) {
    const code_group *g = &st->groups[i];
    if (how == 2 && (g->sent >= s || g->sent + 2 < s)) continue;
    uint32_t d = g->sent > s ? g->sent - s : s - g->sent;
    /* a plural noun: the fullest within reach (an enumeration counts one
       more than states named apart) */
    if (how == 1 && d <= CODE_GROUP_REACH && best && g->n + (size_t)g->listed != best->n + (size_t)best->listed) {
      if (g->n + (size_t)g->listed > best->n + (size_t)best->listed) { best = g; bestd = d; }
      continue;
    }
    if (d < bestd) { best = g; bestd = d; }
  }
  return best;
}

/* ---- agreements ---- */

/* Folded form of token q into buf (any sentence), "" if too long. */
static const char *code_fold_tok(const dyad_doc *doc, uint32_t q, char *buf, size_t cap) {
  const token *k = &doc->toks[q];
  size_t n = k->end - k->start;
  size_t f = n < cap / 2 ? utf8_fold(doc->text + k->start, n, buf, cap - 1) : 0;
  buf[f] = 0;
  return buf;
}

static int code_fold_is_any(const dyad_doc *doc, uint32_t q, const char *const *ws) {
  char buf[64];
  const char *f = code_fold_tok(doc, q, buf, sizeof buf);
  for (; *ws; ws++)
    if (!strcmp(f, *ws)) return 1;
  return 0;
}

static void code_agreement_add(code_state *st, uint32_t s, uint32_t a0, uint32_t a1, const doc_actor *sa,
                               const doc_actor *ta, int32_t first, int32_t last, int generic) {
  dyad_doc *doc = st->doc;
  if (doc->nagreements == st->ag_cap) {
    size_t cap = st->ag_cap ? 2 * st->ag_cap : 8;
    doc->agreements = arena_grow(&doc->mem, doc->agreements, doc->nagreements, cap, sizeof *doc->agreements);
    st->ag_cap = cap;
  }
  agreement_rec *ag = &doc->agreements[doc->nagreements++];
  memset(ag, 0, sizeof *ag);
  ag->sent = s;
  ag->start = doc->toks[a0].start;
  ag->end = doc->toks[a1 - 1].end;
  memcpy(ag->party1, sa->state, DOC_CODE_MAX);
  memcpy(ag->party2, ta->state, DOC_CODE_MAX);
  ag->first = first;
  ag->last = last;
  ag->generic = (uint8_t)generic;
}

/* Documents named in the plural: "quatre accords", "de nombreux documents". */
static const char *const code_doc_plurals[] = {"accords", "documents", "memorandums", "textes", "conventions",
                                               "protocoles", "instruments", "traites", "conventions", NULL};
static const char *const code_doc_nouns[] = {"accord", "memorandum", "protocole", "convention", "traite",
                                             "declaration", "plan", "programme", "communique", "document", NULL};
/* What introduces the list of the documents signed. */
static const char *const code_doc_markers[] = {"dont", "notamment", "portant", "relatifs", "relatives", "lesquels",
                                               "lesquelles",
                                               "relatif", "relative", "concernant", ":", "savoir", NULL};
/* Markers after which a list gives the documents' fields, not titles. */
static const char *const code_doc_topics[] = {"portant", "relatifs", "relatives", "relatif", "relative",
                                              "concernant", NULL};
static const char *const code_ordinals[] = {"premier", "premiere", "second", "seconde", "deuxieme",
                                            "troisieme", "quatrieme", "cinquieme", "sixieme", "dernier",
                                            "derniere", NULL};
#define CODE_ORDINAL_REACH 8  /* sentences after a signing that may list its documents */

/* Split tokens [a, b) into items at commas, semicolons and "et" before a
 * determiner; each item of two words or more is an agreement (a single
 * word, "l'énergie", names a field more often than a document). */
static size_t code_agreement_items(code_state *st, uint32_t s, uint32_t a, uint32_t b, const doc_actor *sa,
                                   const doc_actor *ta, int32_t first, int32_t last, int topics) {
  const dyad_doc *doc = st->doc;
  size_t n = 0;
  uint32_t i0 = a;
  /* after "portant sur", "relatifs à": fields ("l'énergie, l'habitat
     social"), unless an item names a document ("à un mémorandum") */
  if (topics) {
    int named = 0;
    for (uint32_t y = a; y < b && !named; y++)
      named = code_fold_is_any(doc, y, code_doc_nouns) || code_fold_is_any(doc, y, code_doc_plurals);
    if (!named) return 0;
  }
  for (uint32_t q = a; q <= b; q++) {
    int cut = q == b || code_fold_is_any(doc, q, (const char *const[]){",", ";", ".", NULL}) ||
              (code_fold_is_any(doc, q, (const char *const[]){"et", NULL}) && q + 1 < b &&
               (code_fold_is_any(doc, q + 1, (const char *const[]){"le", "la", "les", "l'", "un", "une", "des",
                                                                   "du", "au", "aux", NULL}) ||
                (q + 2 < b && code_fold_is_any(doc, q + 1, (const char *const[]){"de", "d'", NULL}) &&
                 code_fold_is_any(doc, q + 2, (const char *const[]){"l'", "la", "les", "un", "une", NULL}))));
    if (!cut) continue;
    /* the item without its leading "ainsi que", prepositions and
       determiners */
    uint32_t x = i0;
    if (x + 1 < q && code_fold_is_any(doc, x, (const char *const[]){"ainsi", NULL}) &&
        code_fold_is_any(doc, x + 1, (const char *const[]){"que", NULL}))
      x += 2;
    while (x < q && code_fold_is_any(doc, x, code_determiners)) x++;
    uint32_t words = 0;
    for (uint32_t y = x; y < q; y++) words += doc->toks[y].kind == TOK_WORD;
    /* "des accords dans les domaines du tourisme" names no document */
    if (words >= 2 && q - x <= 2 * CODE_TITLE_TOKS && !code_fold_is_any(doc, x, code_doc_plurals)) {
      code_agreement_add(st, s, x, q, sa, ta, first, last, 0);
      n++;
    }
    i0 = q + 1;
  }
  return n;
}

/* The agreements of a signing whose predicate starts before token e of
 * sentence s: the document named after it ("a signé un mémorandum de coopération")
 * or, when it names several at once ("ont signé quatre accords"), each
 * one the sentence lists after "dont", "notamment", "portant sur",
 * "relatifs à", ":" ... or the next sentence after "Il s'agit de". */
static void code_agreements(code_state *st, uint32_t s, uint32_t e, const doc_actor *sa, const doc_actor *ta,
                            int32_t first, int32_t last) {
  const dyad_doc *doc = st->doc;
  const sentence *se = &doc->sents[s];
  uint32_t a0 = e, a1;
  /* "a signé avec son homologue X, Y, 4 accords...": from the document
     named after the partner */
  if (a0 < se->tok_end && code_fold_is_any(doc, a0, (const char *const[]){"avec", NULL}))
    for (uint32_t q = a0 + 1; q < se->tok_end && q < a0 + CODE_TITLE_TOKS; q++)
      if (code_fold_is_any(doc, q, code_doc_plurals) || code_fold_is_any(doc, q, code_doc_nouns)) {
        a0 = q > a0 + 1 && doc->toks[q - 1].kind != TOK_PUNCT ? q - 1 : q;
        break;
      }
  a1 = a0;
  while (a1 < se->tok_end && a1 - a0 < CODE_TITLE_TOKS && doc->toks[a1].kind != TOK_PUNCT) a1++;
  int plural = 0;
  /* the documents named before a passive ("plusieurs documents ont été
     signés") or after the predicate */
  for (uint32_t q = e > se->tok_begin + 8 ? e - 8 : se->tok_begin; q < se->tok_end && q < a0 + 6; q++)
    plural |= code_fold_is_any(doc, q, code_doc_plurals);
  if (plural) {
    for (uint32_t q = a0; q < se->tok_end; q++)
      if (code_fold_is_any(doc, q, code_doc_markers)) {
        uint32_t from = q + 1;
        /* "portant sur", "relatifs à", "à savoir" */
        while (from < se->tok_end && code_fold_is_any(doc, from, (const char *const[]){"sur", "a", "aux", "au", NULL}))
          from++;
        int topics = code_fold_is_any(doc, q, code_doc_topics);
        if (code_agreement_items(st, s, from, se->tok_end, sa, ta, first, last, topics)) return;
        if (topics) return; /* the fields of documents not named */
        break;
      }
    /* "Il s'agit de l'accord général..., de l'accord de..." */
    if (s + 1 < doc->nsents) {
      const sentence *nx = &doc->sents[s + 1];
      uint32_t b = nx->tok_begin;
      if (nx->tok_end > b + 3 && code_fold_is_any(doc, b, (const char *const[]){"il", NULL}) &&
          code_fold_is_any(doc, b + 1, (const char *const[]){"s'", NULL}) &&
          code_fold_is_any(doc, b + 2, (const char *const[]){"agit", "agissait", NULL}) &&
          code_agreement_items(st, s + 1, b + 3, nx->tok_end, sa, ta, first, last, 0))
        return;
    }
    /* "Le premier concerne un partenariat...", "Le second accord est un
       protocole...": each document in a sentence of its own */
    size_t found = 0;
    for (uint32_t x = s + 1; x < doc->nsents && x <= s + CODE_ORDINAL_REACH; x++) {
      const sentence *nx = &doc->sents[x];
      uint32_t b = nx->tok_begin;
      if (nx->tok_end < b + 4 || !code_fold_is_any(doc, b, (const char *const[]){"le", "la", NULL}) ||
          !code_fold_is_any(doc, b + 1, code_ordinals))
        continue;
      uint32_t v = b + 2;
      while (v < nx->tok_end && v < b + 5 &&
             !code_fold_is_any(doc, v, (const char *const[]){"concerne", "est", "porte", "vise", NULL}))
        v++;
      if (v >= nx->tok_end || v == b + 5) continue;
      v++;
      if (v < nx->tok_end && code_fold_is_any(doc, v, (const char *const[]){"sur", NULL})) v++;
      while (v < nx->tok_end && code_fold_is_any(doc, v, code_determiners)) v++;
      uint32_t z = nx->tok_end;
      if (doc->toks[z - 1].kind == TOK_PUNCT) z--;
      if (z > v + 2 * CODE_TITLE_TOKS) z = v + 2 * CODE_TITLE_TOKS;
      if (z > v + 1) {
        code_agreement_add(st, x, v, z, sa, ta, first, last, 0);
        found++;
      }
    }
    if (found) return;
  }
  /* "a été signé entre X et Y", "par X": no title here */
  if (a1 > a0 && !code_fold_is_any(doc, a0, (const char *const[]){"entre", "par", "lors", "en", "devant", "sous",
                                                                   "hier", "ce", "cet", "cette", "lundi", "mardi",
                                                                   "mercredi", "jeudi", "vendredi", "samedi",
                                                                   "dimanche", NULL}))
    code_agreement_add(st, s, a0, a1, sa, ta, first, last, plural);
}

/* Agreements in sentence order, each document once: a plural mention
 * ("13 accords de coopération", "des accords") names no document and is
 * dropped (the signing stays an event, 057); a title repeated (an
 * enumerated source or target, the headline and the lead) is kept once. */
static void code_agreements_settle(dyad_doc *doc) {
  agreement_rec *a = doc->agreements;
  size_t n = doc->nagreements, k = 0;
  for (size_t i = 1; i < n; i++)  /* stable: items may come from the next sentence */
    for (size_t j = i; j > 0 && a[j].sent < a[j - 1].sent; j--) {
      agreement_rec t = a[j];
      a[j] = a[j - 1];
      a[j - 1] = t;
    }
  for (size_t i = 0; i < n; i++) {
    int drop = a[i].generic;
    for (size_t j = 0; j < i && !drop; j++) {
      if (a[i].end - a[i].start == a[j].end - a[j].start &&
          !memcmp(doc->text + a[i].start, doc->text + a[j].start, a[i].end - a[i].start))
        drop = 1;
    }
    if (!drop) a[k++] = a[i];
  }
  doc->nagreements = k;
}

/* Record the event of pattern p (tokens t..e) from sa to ta, with its
 * date; a visit (042) gives the host's 043 too, and a hosting (043) the
 * visitor's 042; a signing (057) gives an agreement. */
static void code_emit(code_state *st, uint32_t s, uint32_t t, uint32_t e_end, const verbs_pattern *p,
                      uint32_t pno, const doc_actor *sa, const doc_actor *ta, int32_t place,
                      const date_expr *dates, size_t nd) {
  dyad_doc *doc = st->doc;
  const sentence *se = &doc->sents[s];
  if (!strncmp(p->cameo, "01", 2) && !(st->ctx->code_flags & DYAD_CODE_STATEMENTS)) return;
  event_rec *e = code_event_new(st);
  e->sent = s;
  e->trig_begin = t;
  e->trig_end = e_end;
  e->source = *sa;
  e->target = *ta;
  e->place = place;
  e->pattern = pno;
  snprintf(e->cameo, sizeof e->cameo, "%s", p->cameo);
  e->date_own = (uint8_t)code_date(st, dates, nd, se->start, t, e_end, &e->first, &e->last);
  if (!strcmp(p->cameo, "042") || !strcmp(p->cameo, "043")) {
    event_rec *h = code_event_new(st);
    *h = doc->events[doc->nevents - 2];
    h->source = doc->events[doc->nevents - 2].target;
    h->target = doc->events[doc->nevents - 2].source;
    snprintf(h->cameo, sizeof h->cameo, "%s", !strcmp(p->cameo, "042") ? "043" : "042");
  }
  if (!strncmp(p->cameo, "057", 3)) {
    event_rec *ev = &doc->events[doc->nevents - 1];
    code_agreements(st, s, t + 1, sa, ta, ev->first, ev->last);
  }
}

/* 1 if text may state a number: a digit or a number word's stem. */
static int code_has_number(const char *text, size_t n) {
  /* the bytes that may start one: a digit (1), l or L (2), m or M (3) */
  static const unsigned char start[256] = {
      ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
      ['8'] = 1, ['9'] = 1, ['l'] = 2, ['L'] = 2, ['m'] = 3, ['M'] = 3};
  for (size_t i = 0; i < n; i++) {
    unsigned k = start[(unsigned char)text[i]];
    if (!k) continue;
    if (k == 1) return 1;
    if (k == 2 && i + 3 < n && text[i + 1] == 'l' && text[i + 2] == 'i' &&
        (text[i + 3] == 'a' || text[i + 3] == 'o'))
      return 1; /* milliard, million, billion */
    if (k == 3 && i + 3 < n && !memcmp(text + i + 1, "ill", 3)) return 1; /* mille */
  }
  return 0;
}

/* The date expressions of sentence se (at most CODE_MAX_DATES, into
 * dates); *background is set when one dates it years before the article
 * (or before the terms of the leaders it names, when it is undated). */
static size_t code_sentence_dates(code_state *st, const sentence *se, date_expr *dates, int *background) {
  const dyad_doc *doc = st->doc;
  const date_expr *found;
  size_t nd = code_dates_of(st, (uint32_t)(se - doc->sents), &found);
  memcpy(dates, found, nd * sizeof *dates);
  /* the publication date, else the day an undated article's weekdays
     give, else the start of its leaders' terms */
  int32_t ref = st->pub0 <= st->pub1       ? st->pub0
                : st->anchor0 <= st->anchor1 ? st->anchor0
                : doc->nactor_dates        ? doc->actor_dates[0].first
                                           : INT32_MIN;
  *background = 0;
  for (size_t i = 0; i < nd; i++)
    if (ref != INT32_MIN && dates[i].last < ref - 366 && dates[i].kind != DATE_PERIOD) *background = 1;
  return nd;
}

static void code_sentence(code_state *st, uint32_t s) {
  dyad_doc *doc = st->doc;
  const sentence *se = &doc->sents[s];
  if (se->tok_end == se->tok_begin) return;
  code_start_sentence(st, se);
  const verbs_table *v = st->ctx->verbs;
  size_t mb, me;
  code_sentence_mentions(doc, s, &mb, &me);
  uint32_t b = se->tok_begin, end = se->tok_end;
  /* the sentence's dates, found when its first predicate needs them */
  date_expr dates[CODE_MAX_DATES];
  size_t nd = 0;
  int dated = 0, background = 0;
  for (uint32_t t = b; t < end; t++) {
    if (!code_may_trigger(st, t)) continue;
    /* the longest match over the token's form and lemmas ("invite" is
       an English trigger, its lemma "inviter" starts longer French ones) */
    uint32_t best_end = 0;
    const verbs_pattern *best = NULL;
    uint32_t best_no = 0;
    for (int k = 0; k < CODE_MAX_WORDS; k++) {
      size_t wlen;
      const char *w = code_word(st, t, k, &wlen);
      if (!w) break;
      const uint32_t *pats;
      size_t np = verbs_triggered(v, w, wlen, &pats);
      for (size_t i = 0; i < np; i++) {
        const verbs_pattern *p = verbs_at(v, pats[i]);
        uint32_t e = code_match(st, p, t, end);
        if (e > best_end) { best_end = e; best = p; best_no = pats[i]; }
      }
    }
    if (!best) continue;
    {
      if (!dated) {
        dated = 1;
        nd = code_sentence_dates(st, se, dates, &background);
      }
      /* "appeler X" is an appeal only with what X is called to do ("à
         mettre fin"); "l'appelant son jeune frère" names X */
      if (best->nitems == 1 && code_tok_is(st, t, "appeler")) {
        int to = 0;
        for (uint32_t q = best_end; q < end && q < best_end + CODE_OBJECT_REACH && !to; q++)
          to = code_tok_is(st, q, "a") || code_tok_is(st, q, "au") || code_tok_is(st, q, "aux");
        if (!to) { t = best_end - 1; goto next_token; }
      }
      /* a participle qualifying a noun ("l'opposant incarcéré", "un
         territoire réclamé par Caracas", "l'ambassadeur accusé de...")
         describes, it does not report an act; a participle opening the
         sentence ("Arrivé à Abidjan jeudi, ...") does */
      if (t > b && code_participle_only(st, t) && !code_auxiliary_before(st, b, t)) {
        t = best_end - 1;
        goto next_token;
      }
      /* an adjective after a degree word ("un état plus que critique",
         "une situation très préoccupante") qualifies, it reports no act */
      if (t > b && code_adjective(st, t) &&
          (code_tok_is_any(st, t - 1, code_degrees) ||
           (t > b + 1 && code_tok_is(st, t - 1, "que") && code_tok_is_any(st, t - 2, code_degrees)))) {
        t = best_end - 1;
        goto next_token;
      }
      int asserted = background ? 0 : code_asserted(st, t, best_end, b, end);
      /* force or coercion announced ("Nous riposterons", "Moscou réagira
         par des représailles") is a threat: 138 for force, 130 else */
      verbs_pattern threat;
      if (asserted == CODE_FUTURE && (best->cameo[0] == '1' && best->cameo[1] >= '5')) {
        threat = *best;
        snprintf(threat.cameo, sizeof threat.cameo, "%s", best->cameo[1] >= '8' ? "138" : "130");
        best = &threat;
        asserted = 1;
      }
      if (asserted != 1) { t = best_end - 1; goto next_token; }
      /* going to a meeting or a building ("avant de se rendre à la
         réunion du caucus") is a visit to a state only where a place of
         one is named after it */
      if (best->target == VT_HOST && code_common_destination(st, best_end, end, mb, me)) {
        t = best_end - 1;
        goto next_token;
      }
      /* hosting or visiting a number of people ("le pays a accueilli plus
         de 300.000 réfugiés", "a reçu 2 millions de touristes") is no
         visit between states */
      if ((!strcmp(best->cameo, "042") || !strcmp(best->cameo, "043")) && code_counted_object(st, best_end, end)) {
        t = best_end - 1;
        goto next_token;
      }
      /* expelling diplomats is reducing relations (161), not expelling
         individuals (174): "expulser Vincent Karega, ambassadeur rwandais" */
      verbs_pattern diplomats;
      if (!strcmp(best->cameo, "174")) {
        static const char *const envoys[] = {"ambassadeur", "diplomate", "diplomatique", "consul",
                                             "emissaire", NULL};
        for (uint32_t q = best_end; q < end && q < best_end + CODE_OBJECT_REACH; q++)
          if (code_tok_is_any(st, q, envoys)) {
            diplomats = *best;
            snprintf(diplomats.cameo, sizeof diplomats.cameo, "161");
            best = &diplomats;
            break;
          }
      }
      /* source: a pair, or the subject */
      const mention *src = NULL, *tgt = NULL, *place_src = NULL;
      int pair = 0;
      uint32_t front = b;
      uint32_t b0 = b; /* after an opening quotation mark */
      while (b0 < t && code_quote_mark(doc, b0)) b0++;
      int fronted = b0 < t && code_tok_is_any(st, b0, code_fronting), inside_front = 0;
      if (fronted) {
        inside_front = 1;
        for (uint32_t q = b0 + 1; q < t; q++)
          if (code_tok_is(st, q, ",")) { front = q + 1; inside_front = 0; break; }
        /* one fronted phrase after another ("Pour rappel, suite au putsch
           qui a emporté le président X en juillet 2023, la Cédéao...") */
        while (!inside_front && front < t && code_tok_is_any(st, front, code_fronting)) {
          uint32_t next = 0;
          for (uint32_t q = front + 1; q < t && !next; q++)
            if (code_tok_is(st, q, ",")) next = q + 1;
          if (!next) break;
          front = next;
        }
        /* a name in apposition closes it ("À l'invitation de son homologue
           vietnamien, Vo Van Thuong, le président du Kazakhstan...") */
        for (size_t i = mb; !inside_front && i < me; i++) {
          const mention *m = &doc->mentions[i];
          if (m->tok_begin < front) continue;
          if (m->tok_begin == front && m->tok_end + 1 < t && code_tok_is(st, m->tok_end, ",") &&
              (m->rule == RULE_PERSON || m->rule == RULE_ROLE_PERSON))
            front = m->tok_end + 1;
          break;
        }
      }
      /* a subordinate clause's own subject ("..., qui a commencé quand le
         Mali a rappelé...") is looked for after its conjunction first */
      uint32_t clause = front;
      for (uint32_t q = front; q < t; q++)
        if (code_tok_is_any(st, q, code_clause_words)) clause = q + 1;
      for (int pass = clause > front ? 0 : 1; pass < 2 && !src && !pair; pass++)
      for (size_t i = mb; i < me && doc->mentions[i].tok_end <= t; i++) {
        const mention *m = &doc->mentions[i];
        if (pass == 0 && m->tok_begin < clause) continue;
        if (m->rule == RULE_PAIR && m->state[0] && m->state2[0]) { src = m; pair = 1; break; }
        if (!m->state[0] || code_after_prep(st, m, b)) continue;
        /* people and offices act; a bare place may be a dateline ("Hanoi (VNA) -") */
        /* the subject comes after a fronted adverbial clause ("Après son
           passage à Paris pour rencontrer Emmanuel Macron, Macky Sall a
           rendu visite...") */
        if (m->tok_begin < front) continue;
        if (code_is_place(m)) { if (!place_src) place_src = m; }
        else if (!src) src = m;
      }
      /* English puts the nationality first: "French President Emmanuel
         Macron" is the president's act */
      if (src && src->rule == RULE_DEMONYM) {
        const mention *next = src + 1;
        if (next < doc->mentions + me && next->tok_begin == src->tok_end && !strcmp(next->state, src->state))
          src = next;
      }
      /* a plural subject standing for an enumeration nearby ("Ils ont
         tous exprimé...", "Cinq nouveaux ambassadeurs ont présenté...") */
      const code_group *sgroup = NULL, *tgroup = NULL;
      int plural = !src && !pair ? code_plural_in(st, front, t) : 0, nominal = 0, tgt_second = 0, agent = 0;
      if (plural && (sgroup = code_group_near(st, s, plural))) src = sgroup->m[0];
      /* "les États de l'AES", "les dirigeants de la Cédéao": the member
         states the article lists nearby, one event each */
      if (src && !pair && !sgroup && src->rule == RULE_ROLE_STATE && code_org_members_head(st, src)) {
        const code_group *g = code_group_near(st, s, 1);
        int members = g != NULL;
        for (size_t i = 0; g && i < g->n; i++) members &= strcmp(g->m[i]->state, src->state) != 0;
        if (members && g->listed) {
          sgroup = g;
          src = g->m[0];
        }
      }
      /* a predicate inside the fronted clause ("Après sa visite à Paris
         ..., Macky Sall a...") has the main clause's subject */
      if (!src && !pair && inside_front) {
        uint32_t comma = 0;
        for (uint32_t q = best_end; q < end && !comma; q++)
          if (code_tok_is(st, q, ",")) comma = q;
        for (size_t i = mb; comma && i < me && !src; i++) {
          const mention *m = &doc->mentions[i];
          if (m->tok_begin > comma && m->state[0] && m->rule != RULE_PAIR && !code_is_place(m) &&
              !code_after_prep(st, m, b))
            src = m;
        }
      }
      /* "X, à la tête de la Cédéao, a dénoncé": X acts for the organisation */
      if (src && !pair && src->sent == s) {
        uint32_t q = src->tok_end;
        if (q < t && code_tok_is(st, q, ",")) q++;
        if (q + 3 < t && code_tok_is(st, q, "a") && code_tok_is(st, q + 1, "la") && code_tok_is(st, q + 2, "tete"))
          for (size_t i = mb; i < me; i++) {
            const mention *m = &doc->mentions[i];
            if (m->tok_begin > q + 2 && m->tok_begin <= q + 5 && m->rule == RULE_ORG) { src = m; break; }
          }
      }
      /* a quotation and its speaker after it ("« Nous riposterons », a
         répondu le Pakistan"): the speaker acts, when the quotation
         names no one, not even a place, who may */
      if (!src && !pair && !place_src) src = code_trailing_speaker(st, mb, me, best_end, end);
      if (!src && !pair) src = place_src;
      /* "la décision de l'Algérie de rompre les relations": the act is
         the decider's, not the subject's who reports or regrets it */
      {
        const mention *decider = code_decider(st, mb, me, b, t);
        if (decider) { src = decider; pair = 0; sgroup = NULL; }
      }
      /* "X, en visite à Y": the visitor is the actor the phrase follows */
      if (!pair && !strcmp(best->cameo, "042") && t > b && code_tok_is(st, t - 1, "en")) {
        uint32_t before = t - 1;
        if (before > b && code_tok_is(st, before - 1, ",")) before--;
        for (size_t i = mb; i < me; i++)
          if (doc->mentions[i].tok_end == before && doc->mentions[i].state[0]) src = &doc->mentions[i];
      }
      /* "Hanoï a été le théâtre d'une visite officielle du président
         Tokaïev": the visit's own complement is the visitor, the place
         named the host */
      if (!pair && !strcmp(best->cameo, "042") && code_nominal(st, t)) {
        const mention *visitor = NULL, *host = NULL;
        for (size_t i = mb; i < me && !visitor; i++) {
          const mention *m = &doc->mentions[i];
          if (m->tok_begin < best_end || m->tok_begin > best_end + 4) continue;
          if ((m->rule == RULE_PERSON || m->rule == RULE_ROLE_PERSON || m->rule == RULE_ROLE_STATE ||
               m->rule == RULE_COUNTERPART) && m->state[0] && m->tok_begin > b &&
              (code_tok_is(st, m->tok_begin - 1, "du") || code_tok_is(st, m->tok_begin - 1, "de") ||
               code_tok_is(st, m->tok_begin - 1, "d'")))
            visitor = m;
        }
        for (size_t i = mb; i < me && visitor && !host; i++) {
          const mention *m = &doc->mentions[i];
          if (code_is_place(m) && strcmp(m->state, visitor->state)) host = m;
        }
        if (visitor && host) { src = visitor; tgt = host; }
      }
      const char *adj_state = NULL; /* a target named by a nationality adjective */
      /* passive: "a été reçu par X", "a été accueilli à sa descente
         d'avion par X": the agent after "par" acts on the subject */
      {
        uint32_t par = 0;
        if (best_end < end && code_tok_is(st, best_end, "par")) par = best_end;
        else if (t > b && code_tok_is(st, t - 1, "ete"))
          for (uint32_t q = best_end; q < end && q < best_end + CODE_AGENT_GAP && !par; q++) {
            if (doc->toks[q].kind == TOK_PUNCT) break;
            if (code_tok_is(st, q, "par")) par = q;
          }
        else if (code_nominal(st, t))
          /* a noun's agent: "la destruction d'un drone malien dans la
             nuit du 31 mars par l'armée algérienne" */
          for (uint32_t q = best_end; q < end && q < best_end + 2 * CODE_AGENT_GAP && !par; q++) {
            if (doc->toks[q].kind == TOK_PUNCT && !code_tok_is(st, q, ",")) break;
            if (code_tok_is(st, q, "par")) par = q;
            /* a verb between: "par" is its agent ("des instructeurs russes
               seraient sur la base quittée par les forces françaises") */
            else if (code_verb_only(st, q))
              break;
          }
        if (par && code_nominal(st, t)) nominal = 1;
        for (size_t i = mb; par && i < me; i++)
          if (doc->mentions[i].tok_begin >= par + 1 && doc->mentions[i].tok_begin <= par + 3 &&
              doc->mentions[i].state[0]) {
            tgt = src;
            /* a noun's object is its complement ("la réception du
               président X par Y", "la destruction d'un drone malien par
               l'armée algérienne"), not the sentence's subject */
            for (size_t j = mb; nominal && j < i; j++)
              if (doc->mentions[j].tok_begin >= t && doc->mentions[j].state[0]) {
                tgt = &doc->mentions[j];
                break;
              }
            for (uint32_t q = best_end; nominal && (!tgt || tgt->tok_begin < t) && q < par && !adj_state; q++) {
              const char *a = code_adjective_state(st, q);
              if (a && strcmp(a, doc->mentions[i].state)) { adj_state = a; tgt = NULL; }
            }
            src = &doc->mentions[i];
            pair = 0;
            sgroup = NULL;
            agent = 1;
            break;
          }
      }
      /* a passive without its agent ("l'ambassadeur du Guyana a été
         convoqué"): its subject undergoes the act; the other side of the
         article's pair does it, else the state of the place named after
         it ("a été convoqué à Ouagadougou"), else another actor named */
      if (src && !agent && !pair && !sgroup && best->target != VT_SYM && t > b && code_tok_is(st, t - 1, "ete") &&
          !code_agent_after(st, doc, best_end, end, mb, me)) {
        /* the nearest actor before, but for those of a relative clause
           between ("X, dont le pays n'est pas membre de la Cédéao, a été
           convié") */
        const mention *patient = NULL, *where = NULL;
        for (size_t i = me; i-- > mb && !patient;) {
          const mention *m = &doc->mentions[i];
          if (m->tok_end <= t && m->state[0] && m->rule != RULE_PAIR && !code_is_place(m) &&
              !code_in_relative(st, b, m->tok_begin, t))
            patient = m;
        }
        for (size_t i = mb; i < me && patient && !where; i++) {
          const mention *m = &doc->mentions[i];
          if (m->tok_begin >= best_end && code_is_place(m) && strcmp(m->state, patient->state)) where = m;
        }
        /* else another actor of the sentence ("Le dirigeant du Tchad,
           dont le pays n'est pas membre de la Cédéao, a été convié"),
           people and bodies before places */
        for (int pass = 0; pass < 2 && patient && !where; pass++)
          for (size_t i = mb; i < me && !where; i++) {
            const mention *m = &doc->mentions[i];
            if (m != patient && m->state[0] && m->rule != RULE_PAIR && strcmp(m->state, patient->state) &&
                (pass || !code_is_place(m)))
              where = m;
          }
        int in_pair = patient && st->pa && st->pb && (!strcmp(patient->state, st->pa) || !strcmp(patient->state, st->pb));
        if (in_pair || where) {
          doc_actor by, on;
          memset(&by, 0, sizeof by);
          by.person = -1;
          by.role = (uint8_t)dict_role_find(st->ctx->dict, "GOV");
          snprintf(by.state, DOC_CODE_MAX, "%s",
                   in_pair ? (!strcmp(patient->state, st->pa) ? st->pb : st->pa) : where->state);
          code_actor(&on, patient, 0);
          code_emit(st, s, t, best_end, best, best_no, &by, &on, -1, dates, nd);
          t = best_end - 1;
          goto next_token;
        }
      }
      /* "l'organisation régionale", "le bloc ouest-africain": the
         organisation named last, within a few sentences */
      if (!src && !pair) src = code_org_anaphor(st, s, front, t);
      if (!src) {
        /* a pronoun-less subject: the nearest actor before */
        for (size_t i = me; i-- > mb;)
          if (doc->mentions[i].tok_end <= t && doc->mentions[i].state[0]) { src = &doc->mentions[i]; break; }
      }
      /* a joint act in the passive with no agent ("plusieurs documents ont
         été signés"): the article's pair */
      if (!src && !pair && best->target == VT_SYM && st->pa && st->pb && t > b && code_tok_is(st, t - 1, "ete")) {
        doc_actor pa, pb;
        memset(&pa, 0, sizeof pa);
        memset(&pb, 0, sizeof pb);
        pa.person = pb.person = -1;
        pa.role = pb.role = (uint8_t)dict_role_find(st->ctx->dict, "GOV");
        snprintf(pa.state, DOC_CODE_MAX, "%s", st->pa);
        snprintf(pb.state, DOC_CODE_MAX, "%s", st->pb);
        code_emit(st, s, t, best_end, best, best_no, &pa, &pb, -1, dates, nd);
        t = best_end - 1;
        goto next_token;
      }
      if (!src) goto next_token;
      doc_actor sa, ta;
      code_actor(&sa, src, 0);
      memset(&ta, 0, sizeof ta);
      ta.person = -1;
      int32_t place = -1;
      if (pair) {
        code_actor(&ta, src, 1);
      } else if (!tgt) {
        const char *lead = best->target == VT_AVEC ? "avec" : best->target == VT_DE ? "de" : NULL;
        for (size_t i = mb; i < me && !adj_state; i++) {
          const mention *m = &doc->mentions[i];
          /* "entre les deux pays" names the other side of the pair */
          if (m->rule == RULE_PAIR && m->tok_begin >= best_end && best->target != VT_SYM &&
              best->target != VT_HOST && m->state2[0] && !strcmp(m->state, sa.state) &&
              strcmp(m->state2, sa.state)) {
            tgt = m;
            tgt_second = 1;
            break;
          }
          if (m->tok_begin < best_end - (best->target == VT_SYM ? best_end - b : 0) || !m->state[0] ||
              !strcmp(m->state, sa.state) || m == src)
            continue;
          if (best->target == VT_SYM && m->tok_begin >= t) continue;
          if (lead && !(m->tok_begin > b && (code_tok_is(st, m->tok_begin - 1, lead) ||
                                              code_tok_is(st, m->tok_begin - 1, "son") ||
                                              code_tok_is(st, m->tok_begin - 1, "ses") ||
                                              code_tok_is(st, m->tok_begin - 1, "le") ||
                                              code_tok_is(st, m->tok_begin - 1, "la") ||
                                              code_tok_is(st, m->tok_begin - 1, "l'"))))
            continue;
          /* a visit is to a place, or to a person ("rendre visite à son
             homologue ivoirien") */
          tgt = m;
          break;
        }
        /* the object's nationality ("a condamné les sanctions
           américaines") */
        if (!tgt && !adj_state && (best->target == VT_OBJ || best->target == VT_ANY) && !code_nominal(st, t))
          for (uint32_t q = best_end; q < end && q < best_end + 6 && !adj_state; q++) {
            if (doc->toks[q].kind == TOK_PUNCT) break;
            const char *a = code_adjective_state(st, q);
            if (a && strcmp(a, sa.state)) adj_state = a;
          }
        /* the adjective may end a mention ("les diplomates soudanais") */
        for (size_t i = mb; i < me && adj_state && !tgt; i++) {
          const mention *m = &doc->mentions[i];
          if (m->tok_begin < best_end + 6 && m->tok_end > t && m->tok_end <= best_end + 6 && m != src &&
              !strcmp(m->state, adj_state))
            tgt = m;
        }
        /* anywhere in the sentence: people, offices and bodies before
           places ("réunis à Abuja, ont exigé la libération du président
           nigérien": Abuja is where, not whom) */
        for (int pass = 0; pass < 2 && !tgt && !adj_state && best->target != VT_HOST; pass++)
          for (size_t i = mb; i < me && !tgt; i++) {
            const mention *m = &doc->mentions[i];
            if (m != src && m->state[0] && strcmp(m->state, sa.state) && (pass || !code_is_place(m))) tgt = m;
          }
        /* a plural object standing for an enumeration ("a reçu les lettres
           de créance de cinq nouveaux ambassadeurs") */
        int tplural = !tgt && !sgroup && !adj_state ? code_plural_in(st, best_end, end) : 0;
        if (tplural == 1 && (tgroup = code_group_near(st, s, tplural)))
          for (size_t i = 0; i < tgroup->n && !tgt; i++)
            if (strcmp(tgroup->m[i]->state, sa.state)) tgt = tgroup->m[i];
        if (tgt && tgt->rule == RULE_DEMONYM && tgt + 1 < doc->mentions + me &&
            tgt[1].tok_begin <= tgt->tok_end + 1 && !strcmp(tgt[1].state, tgt->state))
          tgt = tgt + 1; /* "his Kenyan counterpart William Ruto" */
        if (tgt) {
          code_actor(&ta, tgt, tgt_second);
          if (code_is_place(tgt) && best->target == VT_HOST) place = (int32_t)(tgt - doc->mentions);
        } else if (adj_state) {
          snprintf(ta.state, DOC_CODE_MAX, "%s", adj_state);
          ta.role = (uint8_t)dict_role_find(st->ctx->dict, "GOV");
        } else if (st->pa && st->pb && (!strcmp(sa.state, st->pa) || !strcmp(sa.state, st->pb))) {
          snprintf(ta.state, DOC_CODE_MAX, "%s", !strcmp(sa.state, st->pa) ? st->pb : st->pa);
          ta.role = sa.role;
          ta.role = (uint8_t)dict_role_find(st->ctx->dict, "GOV");
        }
      } else {
        code_actor(&ta, tgt, 0);
      }
      if (!ta.state[0] || !strcmp(ta.state, sa.state)) { t = best_end - 1; goto next_token; }
      /* a conflict noun ("l'attentat", "l'annexion de la Crimée", "une
         menace") names an act, not who did it: without its agent ("par
         X", "de X" right after) it is no event of the sentence's subject */
      if (!nominal && best->cameo[0] == '1' && best->cameo[1] >= '1' && code_nominal(st, t) &&
          (!code_object_of_verb(st, b, t) || code_criticised(st, b, t)) &&
          !code_agent_after(st, doc, best_end, end, mb, me)) {
        int32_t f0, f1; /* the sentence's date still dates what follows */
        code_date(st, dates, nd, se->start, t, best_end, &f0, &f1);
        t = best_end - 1;
        goto next_token;
      }
      /* enumerated sources ("le Mali, le Burkina Faso et le Niger ont
         rappelé...") and targets ("les ambassadeurs d'Angola, du Liban et
         du Canada"): one event for each pair of states */
      const mention *srcs[CODE_MAX_LIST], *tgts[CODE_MAX_LIST];
      size_t ns = sgroup ? 0 : code_list(st, src, pair ? NULL : src, me, t, srcs), nt = 1;
      tgts[0] = tgt;
      if (sgroup) {
        ns = sgroup->n;
        memcpy(srcs, sgroup->m, ns * sizeof *srcs);
      }
      if (tgroup) {
        nt = 0;
        for (size_t i = 0; i < tgroup->n; i++)
          if (strcmp(tgroup->m[i]->state, sa.state)) tgts[nt++] = tgroup->m[i];
      } else if (tgt && !pair && !nominal && !tgt_second && best->target != VT_SYM)
        nt = code_list(st, tgt, tgt, me, end, tgts);
      for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < nt; j++) {
          doc_actor a1 = sa, a2 = ta;
          if (i || srcs[0] != src) code_actor(&a1, srcs[i], 0);
          if (j) code_actor(&a2, tgts[j], 0);
          if (!a1.state[0] || !a2.state[0] || !strcmp(a1.state, a2.state)) continue;
          code_emit(st, s, t, best_end, best, best_no, &a1, &a2, i || j ? -1 : place, dates, nd);
        }
      t = best_end - 1;
      goto next_token;
    }
  next_token:;
  }

  /* figures: only where there is a number to find */
  if (!code_has_number(doc->text + se->start, se->end - se->start)) return;
  /* Counted without the dates first (cheaper: no indicators), as most
     numbers are no figure.  Dates only take numbers out of figures, so a
     sentence with no figure read without its dates has none with them,
     and its dates need not be found for figures. */
  const figures_index *fx = st->ctx->figures;
  if (!figures_find_dated(fx, doc->text + se->start, se->end - se->start, st->ref, NULL, 0, NULL, 0))
    return;
  figure figs[CODE_MAX_FIGURES];
  if (!dated) nd = code_sentence_dates(st, se, dates, &background);
  size_t nf = figures_find_dated(fx, doc->text + se->start, se->end - se->start, st->ref, dates, nd, figs,
                                 CODE_MAX_FIGURES);
  if (nf > CODE_MAX_FIGURES) nf = CODE_MAX_FIGURES;
  for (size_t i = 0; i < nf; i++) {
    const char *p1 = NULL, *p2 = NULL;
    for (size_t k = mb; k < me; k++) {
      const mention *m = &doc->mentions[k];
      if (!m->state[0] || strlen(m->state) != 3) continue;
      if (m->state2[0] && !p1) { p1 = m->state; p2 = m->state2; break; }
      if (!p1) p1 = m->state;
      else if (!p2 && strcmp(p1, m->state)) p2 = m->state;
    }
    /* one state named: the other side of the article's pair with it;
       none: the pair; one outside the pair: whom it trades with is not
       known ("1,2 million de touristes chinois ont visité la Thaïlande") */
    if (!p2 && st->pa && st->pb) {
      if (!p1) { p1 = st->pa; p2 = st->pb; }
      else if (!strcmp(p1, st->pa)) p2 = st->pb;
      else if (!strcmp(p1, st->pb)) p2 = st->pa;
    }
    if (!p1 || !p2) continue;
    /* a figure whose sentence names no indicator continues the last one */
    if (figs[i].indicator[0]) memcpy(st->indicator, figs[i].indicator, sizeof st->indicator);
    else if (st->indicator[0]) memcpy(figs[i].indicator, st->indicator, sizeof st->indicator);
    else continue;
    if (doc->nfigures == st->fig_cap) {
      size_t cap = st->fig_cap ? 2 * st->fig_cap : 8;
      doc->figures = arena_grow(&doc->mem, doc->figures, doc->nfigures, cap, sizeof *doc->figures);
      st->fig_cap = cap;
    }
    figure_rec *f = &doc->figures[doc->nfigures++];
    memset(f, 0, sizeof *f);
    f->sent = s;
    f->start = se->start + figs[i].start;
    f->end = se->start + figs[i].end;
    memcpy(f->indicator, figs[i].indicator, sizeof f->indicator);
    f->value = figs[i].value;
    memcpy(f->unit, figs[i].unit, sizeof f->unit);
    memcpy(f->kind, figs[i].kind, sizeof f->kind);
    snprintf(f->party1, DOC_CODE_MAX, "%s", p1);
    snprintf(f->party2, DOC_CODE_MAX, "%s", p2);
    f->first = figs[i].first;
    f->last = figs[i].last;
  }
}


/* The weekday (0 Monday .. 6 Sunday) a date expression's text opens
 * with, or -1. */
static int code_weekday_of(const char *s, size_t n) {
  static const char *const days[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                                     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  /* skip a leading "le ", "ce " */
  for (int k = 0; k < 2 && n > 3 && s[2] == ' '; k++) { s += 3; n -= 3; }
  for (int i = 0; i < 14; i++) {
    size_t l = strlen(days[i]);
    if (n > l && !strncasecmp(s, days[i], l) && s[l] == ' ') return i % 7;
  }
  return -1;
}

/* For an article without a date: the year, within the periods its
 * leaders allow (or the recent years when it names none), in which the
 * most of its dates agree with the weekday they are given ("jeudi 18
 * août" is a Thursday in 2022), the latest of equals; 0 if none. */
static int code_weekday_year(code_state *st) {
  const dyad_doc *doc = st->doc;
  int y0, y1, m, d;
  if (doc->nactor_dates) {
    dates_civil(doc->actor_dates[0].first, &y0, &m, &d);
    dates_civil(doc->actor_dates[doc->nactor_dates - 1].last, &y1, &m, &d);
    if (y1 - y0 > 40) y0 = y1 - 40;
  } else {
    /* no leader named: the recent years, up to the dictionaries' date */
    dates_civil(dict_as_of(st->ctx->dict), &y1, &m, &d);
    y0 = y1 - CODE_RECENT_YEARS;
  }
  int best_year = 0, best = 0;
  int32_t best_first = 0;
  for (int y = y0; y <= y1; y++) {
    dyad_date ref = {y, 12, 31};
    int agree = 0;
    int32_t first_day = 0;
    for (uint32_t s = 0; s < doc->nsents; s++) {
      const sentence *se = &doc->sents[s];
      if (se->zone != ZONE_ARTICLE) continue;
      date_expr dx[CODE_MAX_DATES];
      size_t nd = dates_find_in(st->ctx->dates, doc->text + se->start, se->end - se->start, ref, dx,
                                CODE_MAX_DATES);
      for (size_t i = 0; i < nd && i < CODE_MAX_DATES; i++) {
        if ((dx[i].kind != DATE_PARTIAL && dx[i].kind != DATE_EXPLICIT) || dx[i].first != dx[i].last) continue;
        int wd = code_weekday_of(doc->text + se->start + dx[i].start, dx[i].end - dx[i].start);
        int32_t days = dx[i].first;
        int ey, em, ed;
        dates_civil(days, &ey, &em, &ed);
        /* a full date agrees with its year; a partial one when its
           weekday does (1970-01-01 was a Thursday: 3) */
        int ok = dx[i].kind == DATE_EXPLICIT ? wd < 0 || ((days % 7 + 7 + 3) % 7) == wd
                                             : wd >= 0 && ((days % 7 + 7 + 3) % 7) == wd;
        if (ok && ey == y && !agree++) first_day = days;
      }
    }
    /* among equals, the latest: news is mostly coded soon after it appears */
    if (agree && agree >= best) { best = agree; best_year = y; best_first = first_day; }
  }
  if (best_year) st->anchor0 = st->anchor1 = best_first;
  return best_year;
}

#define CODE_DEDUPE_WINDOW 256
#define CODE_VISIT_DAYS 3     /* reports of one visit are at most this many days apart */

/* Reports of one event within an article (a headline, the lead, the
 * body): events with the same source and target states and code whose
 * dates nest are one; the one with the narrowest date stays, at the place
 * of the first report.  A report without a date of its own (a headline)
 * and one with its own date are one, with that date.  Visits (042, 043)
 * reported a few days apart are
 * one visit, dated by its narrowest report (the earliest of equals: the
 * arrival). */
/* 1 if codes a and b may name one act: equal, or, for conflict (roots
 * 10 to 20), one is its root's general code ("190" and "195").  Not for
 * cooperation: talks (040) during a visit (042) are two events. */
static int code_same_act(const char *a, const char *b) {
  if (!strcmp(a, b)) return 1;
  if (strncmp(a, b, 2) != 0) return 0;
  if (a[0] == '0') return 0; /* talks (040) and a visit (042) are two events */
  int ag = a[2] == '0' && !a[3], bg = b[2] == '0' && !b[3];
  return ag || bg;
}

static void code_dedupe(dyad_doc *doc) {
  size_t k = 0;
  for (size_t i = 0; i < doc->nevents; i++) {
    event_rec *e = &doc->events[i];
    int merged = 0;
    for (size_t j = k > CODE_DEDUPE_WINDOW ? k - CODE_DEDUPE_WINDOW : 0; j < k && !merged; j++) {
      event_rec *f = &doc->events[j];
      if (!code_same_act(e->cameo, f->cameo) || strcmp(e->source.state, f->source.state) ||
          strcmp(e->target.state, f->target.state))
        continue;
      /* the more specific code stays ("a effectué des frappes" 190,
         "frappes aériennes" 195) */
      if (strlen(e->cameo) > strlen(f->cameo) || (e->cameo[2] != '0' && f->cameo[2] == '0'))
        memcpy(f->cameo, e->cameo, sizeof f->cameo);
      int e_dated = e->first <= e->last, f_dated = f->first <= f->last;
      /* a report with no date of its own (a headline) is the report that
         gives one: it takes that date */
      if (e->date_own != f->date_own) {
        if (e->date_own) {
          f->first = e->first;
          f->last = e->last;
          f->date_own = 1;
        }
        merged = 1;
        continue;
      }
      /* a visit lasts days: its reports a few days apart are one visit */
      if (e_dated && f_dated && (!strcmp(e->cameo, "042") || !strcmp(e->cameo, "043")) &&
          f->first - CODE_VISIT_DAYS <= e->last && e->first - CODE_VISIT_DAYS <= f->last) {
        int32_t ew = e->last - e->first, fw = f->last - f->first;
        if (ew < fw || (ew == fw && e->first < f->first)) {
          f->first = e->first;
          f->last = e->last;
        }
        merged = 1;
        continue;
      }
      if (e_dated && f_dated && !(e->first >= f->first && e->last <= f->last) &&
          !(f->first >= e->first && f->last <= e->last))
        continue; /* two different days: two events */
      if (e_dated && (!f_dated || e->last - e->first < f->last - f->first)) {
        f->first = e->first;
        f->last = e->last;
      }
      merged = 1;
    }
    if (!merged) doc->events[k++] = *e;
  }
  doc->nevents = k;
}

int code_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err) {
  (void)err;
  code_state st;
  memset(&st, 0, sizeof st);
  st.doc = doc;
  st.ctx = ctx;
  st.pub0 = 1;
  st.pub1 = 0;
  if (doc->published.year) {
    int y = doc->published.year, m = doc->published.month, d = doc->published.day;
    if (m && d) st.pub0 = st.pub1 = dates_days(y, m, d);
    else if (m) { st.pub0 = dates_days(y, m, 1); st.pub1 = dates_days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1; }
    else { st.pub0 = dates_days(y, 1, 1); st.pub1 = dates_days(y, 12, 31); }
  }
  st.pa = doc->pair[0][0] ? doc->pair[0] : NULL; /* settled by the actors stage */
  st.pb = doc->pair[1][0] ? doc->pair[1] : NULL;
  st.cur0 = st.anchor0 = 1;
  st.cur1 = st.anchor1 = 0;
  st.ref = doc->published;
  if (!st.ref.year && 1) {
    int y = code_weekday_year(&st);
    if (y) {
      /* relative expressions ("dimanche", "hier") count from that day */
      dates_civil(st.anchor0, &st.ref.year, &st.ref.month, &st.ref.day);
    } else if (doc->nactor_dates) {
      int32_t mid = doc->actor_dates[0].first / 2 + doc->actor_dates[doc->nactor_dates - 1].last / 2;
      dates_civil(mid, &st.ref.year, &st.ref.month, &st.ref.day);
      st.ref_guessed = 1;
    }
  }
  /* enumerations first: a plural subject may come before its list */
  for (uint32_t s = 0; s < doc->nsents; s++) {
    if (doc->sents[s].zone != ZONE_ARTICLE) continue;
    size_t mb, me, states = 0;
    code_sentence_mentions(doc, s, &mb, &me);
    for (size_t i = mb; i < me && states < 2; i++) states += doc->mentions[i].state[0] != 0;
    if (states < 2) continue;
    code_start_sentence(&st, &doc->sents[s]);
    code_find_groups(&st, s);
  }
  for (uint32_t s = 0; s < doc->nsents; s++)
    if (doc->sents[s].zone == ZONE_ARTICLE) code_sentence(&st, s);
  code_dedupe(doc);
  code_agreements_settle(doc);
  free(st.groups);
  free(st.sdates);
  free(st.nsdates);
  free(st.fbuf);
  free(st.woff);
  free(st.wlen);
  free(st.folded);
  return 0;
}
