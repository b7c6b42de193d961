/* code.c: the code stage, see code.h for the rules. */
#include "code.h"
#include "dates.h"
#include "dict.h"
#include "err.h"
#include "figures.h"
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
#define CODE_AGENT_GAP 8      /* tokens between a passive participle and "par" */

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
  uint32_t base;              /* first token of the sentence */
  int32_t pub0, pub1;         /* publication date as a period; pub0 > pub1 unknown */
  const char *pa, *pb;        /* the article's pair of states */
  dyad_date ref;              /* reference for partial dates: publication, or
                                 the middle of the leaders' terms when undated */
  int32_t cur0, cur1;         /* the last date the article gave an event */
  char indicator[16];         /* the last figure's indicator ("ce chiffre" refers to it) */
  size_t ev_cap, fig_cap, ag_cap;
} code_state;

static void code_fold_token(code_state *st, uint32_t t);

/* Folded word k of token t (NULL after the last), its length in *len. */
static const char *code_word(code_state *st, uint32_t t, int k, size_t *len) {
  if (!st->folded[t - st->base]) code_fold_token(st, t);
  size_t i = (size_t)(t - st->base) * CODE_MAX_WORDS + (uint32_t)k;
  uint32_t o = st->woff[i];
  if (o == UINT32_MAX) return NULL;
  *len = st->wlen[i];
  return st->fbuf + o;
}

/* 1 if token t's form or one of its lemmas folds to w. */
static int code_tok_is(code_state *st, uint32_t t, const char *w) {
  size_t len;
  for (int k = 0; k < CODE_MAX_WORDS; k++) {
    const char *x = code_word(st, t, k, &len);
    if (!x) break;
    if (x[0] == w[0] && !strcmp(x, w)) return 1;
  }
  return 0;
}

static int code_tok_is_any(code_state *st, uint32_t t, const char *const *ws) {
  for (; *ws; ws++)
    if (code_tok_is(st, t, *ws)) return 1;
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
static int code_may_trigger(const code_state *st, uint32_t t) {
  const token *k = &st->doc->toks[t];
  const unsigned char *bits = st->ctx->trigger_reads;
  if (!bits) return 1;
  for (uint32_t j = 0; j < k->nread; j++) {
    uint32_t r = k->read + j;
    if (bits[r / 8] >> (r % 8) & 1) return 1;
  }
  size_t len = k->end - k->start;
  if (len == 0 || len >= CODE_FOLD_MAX) return 0;
  char x[CODE_FOLD_MAX * 2];
  size_t f = utf8_fold(st->doc->text + k->start, len, x, sizeof x - 1);
  const uint32_t *pats;
  return verbs_triggered(st->ctx->verbs, x, f, &pats) > 0;
}

/* End (exclusive) of a match of pattern p with its trigger at token t,
 * or 0. */
static uint32_t code_match(code_state *st, const verbs_pattern *p, uint32_t t, uint32_t end) {
  const verbs_table *v = st->ctx->verbs;
  uint32_t pos = t + 1;
  for (uint8_t i = 1; i < p->nitems; i++) {
    uint32_t found = 0;
    for (uint32_t q = pos; q < end && q < pos + VERBS_GAP + 1 && !found; q++) {
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
static int code_has_tag(const code_state *st, uint32_t t, const char *tag) {
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
                                          "prevoir", "envisager", "compter", "entendre", "projeter", NULL};
static const char *const code_purpose[] = {"pour", "afin", NULL};
/* First words of a fronted adverbial clause, closed by a comma. */
static const char *const code_fronting[] = {"apres", "lors", "au", "a", "en", "pour", "dans", "suite",
                                            "avant", "durant", "pendant", "depuis", "outre", NULL};
static const char *const code_preps[] = {"a", "au", "aux", "avec", "de", "du", "des", "d'", "en", "pour",
                                         "par", "sur", "entre", "selon", "contre", "vers", "chez", NULL};

/* Is the predicate at t..e a real, asserted act (not negated, planned or wished)? */
static int code_asserted(code_state *st, uint32_t t, uint32_t e, uint32_t b, uint32_t send) {
  /* negation: ne/n' before the predicate, pas/jamais after the ne
     ("n'a pas signé", "ne s'est jamais rendu") */
  for (uint32_t q = t > b + 3 ? t - 3 : b; q < t; q++)
    if (code_tok_is(st, q, "ne") || code_tok_is(st, q, "n'"))
      for (uint32_t r = q + 1; r < e + 3 && r < send; r++)
        if (code_tok_is_any(st, r, code_negations)) return 0;
  /* future or conditional on the predicate or its auxiliary */
  for (uint32_t q = t > b + 2 ? t - 2 : b; q < e; q++)
    if (code_has_tag(st, q, "ifut") || code_has_tag(st, q, "cond")) return 0;
  /* an infinitive after a modal or a purpose */
  if (code_has_tag(st, t, "infi") || (t + 1 < e && code_has_tag(st, t + 1, "infi"))) {
    for (uint32_t q = t > b + 4 ? t - 4 : b; q < t; q++)
      if (code_tok_is_any(st, q, code_modals) || code_tok_is_any(st, q, code_purpose)) return 0;
  }
  return 1;
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

static int code_is_place(const mention *m) {
  return m->rule == RULE_COUNTRY || m->rule == RULE_CAPITAL;
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
static void code_date(code_state *st, const date_expr *d, size_t nd, uint32_t sstart, uint32_t t,
                      int32_t *first, int32_t *last) {
  const date_expr *best = NULL;
  uint32_t at = st->doc->toks[t].start - sstart, bestd = UINT32_MAX;
  for (size_t i = 0; i < nd; i++) {
    if (d[i].kind == DATE_PERIOD) continue;
    uint32_t dist = d[i].start > at ? d[i].start - at : at - d[i].end;
    if (dist < bestd) { bestd = dist; best = &d[i]; }
  }
  if (best) {
    *first = st->cur0 = best->first;
    *last = st->cur1 = best->last;
    return;
  }
  /* a sentence without a date tells more about the last event dated */
  if (st->cur0 <= st->cur1) { *first = st->cur0; *last = st->cur1; return; }
  if (st->pub0 <= st->pub1) { *first = st->pub0; *last = st->pub1; return; }
  const dyad_doc *doc = st->doc;
  if (doc->nactor_dates) {
    *first = doc->actor_dates[0].first;
    *last = doc->actor_dates[doc->nactor_dates - 1].last;
    return;
  }
  *first = 1;
  *last = 0;
}

/* Tokens [a, b) only separate items of a list: commas, "et", "ainsi que",
 * parentheses, determiners and prepositions, and the names of the people
 * listed ("Lee Sang Ryul (République de Corée), Wan Li (Chine)"). */
static int code_listed(code_state *st, uint32_t a, uint32_t b) {
  static const char *const glue[] = {",", "et", "ainsi", "que", "(", ")", "le", "la", "les", "l'", "de", "du",
                                     "des", "d'", "au", "aux", "a", ";", NULL};
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
  return sep && (names ? b - a <= 8 : b - a <= 4);
}

/* The mentions listed with first ("A, B et C"), before token limit:
 * first itself, then each next one separated by list glue only; at most
 * CODE_MAX_LIST.  With first NULL, only head (a pair or none). */
static size_t code_list(code_state *st, const mention *head, const mention *first, size_t me,
                        uint32_t limit, const mention **out) {
  out[0] = head;
  if (!first) return 1;
  size_t n = 1;
  const dyad_doc *doc = st->doc;
  const mention *last = first;
  for (size_t i = (size_t)(first - doc->mentions) + 1; i < me && n < CODE_MAX_LIST; i++) {
    const mention *m = &doc->mentions[i];
    if (m->tok_end > limit || !code_listed(st, last->tok_end, m->tok_begin)) break;
    last = m;
    size_t k = 0;
    while (k < n && strcmp(out[k]->state, m->state)) k++;
    if (k == n && m->state[0]) out[n++] = m;
  }
  return n;
}

/* Record the event of pattern p (tokens t..e) from sa to ta, with its
 * date; a visit (042) gives the host's 043 too, and a hosting (043) the
 * visitor's 042; a signing (057) gives an agreement. */
static void code_emit(code_state *st, uint32_t s, uint32_t t, uint32_t e_end, const verbs_pattern *p,
                      uint32_t pno, const doc_actor *sa, const doc_actor *ta, int32_t place,
                      const date_expr *dates, size_t nd) {
  dyad_doc *doc = st->doc;
  const sentence *se = &doc->sents[s];
  event_rec *e = code_event_new(st);
  e->sent = s;
  e->trig_begin = t;
  e->trig_end = e_end;
  e->source = *sa;
  e->target = *ta;
  e->place = place;
  e->pattern = pno;
  snprintf(e->cameo, sizeof e->cameo, "%s", p->cameo);
  code_date(st, dates, nd, se->start, t, &e->first, &e->last);
  if (!strcmp(p->cameo, "042") || !strcmp(p->cameo, "043")) {
    event_rec *h = code_event_new(st);
    *h = doc->events[doc->nevents - 2];
    h->source = doc->events[doc->nevents - 2].target;
    h->target = doc->events[doc->nevents - 2].source;
    snprintf(h->cameo, sizeof h->cameo, "%s", !strcmp(p->cameo, "042") ? "043" : "042");
  }
  if (!strncmp(p->cameo, "057", 3)) {
    /* the agreement: the words after the predicate, to a comma or a full stop */
    if (doc->nagreements == st->ag_cap) {
      size_t cap = st->ag_cap ? 2 * st->ag_cap : 8;
      doc->agreements = arena_grow(&doc->mem, doc->agreements, doc->nagreements, cap, sizeof *doc->agreements);
      st->ag_cap = cap;
    }
    uint32_t a0 = t + 1, a1 = t + 1;
    while (a1 < se->tok_end && a1 - a0 < CODE_TITLE_TOKS && doc->toks[a1].kind != TOK_PUNCT) a1++;
    if (a1 > a0) {
      agreement_rec *ag = &doc->agreements[doc->nagreements++];
      memset(ag, 0, sizeof *ag);
      ag->sent = s;
      ag->start = doc->toks[a0].start;
      ag->end = doc->toks[a1 - 1].end;
      memcpy(ag->party1, sa->state, DOC_CODE_MAX);
      memcpy(ag->party2, ta->state, DOC_CODE_MAX);
      event_rec *ev = &doc->events[doc->nevents - 1];
      ag->first = ev->first;
      ag->last = ev->last;
    }
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
static size_t code_sentence_dates(const code_state *st, const sentence *se, date_expr *dates, int *background) {
  const dyad_doc *doc = st->doc;
  size_t nd = dates_find_in(st->ctx->dates, doc->text + se->start, se->end - se->start, st->ref, dates,
                           CODE_MAX_DATES);
  if (nd > CODE_MAX_DATES) nd = CODE_MAX_DATES;
  int32_t ref = st->pub0 <= st->pub1 ? st->pub0 : doc->nactor_dates ? doc->actor_dates[0].first : INT32_MIN;
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
    for (int k = 0; k < CODE_MAX_WORDS; k++) {
      size_t wlen;
      const char *w = code_word(st, t, k, &wlen);
      if (!w) break;
      const uint32_t *pats;
      size_t np = verbs_triggered(v, w, wlen, &pats);
      uint32_t best_end = 0;
      const verbs_pattern *best = NULL;
      uint32_t best_no = 0;
      for (size_t i = 0; i < np; i++) {
        const verbs_pattern *p = verbs_at(v, pats[i]);
        uint32_t e = code_match(st, p, t, end);
        if (e > best_end) { best_end = e; best = p; best_no = pats[i]; }
      }
      if (!best) continue;
      if (!dated) {
        dated = 1;
        nd = code_sentence_dates(st, se, dates, &background);
      }
      if (background || !code_asserted(st, t, best_end, b, end)) { t = best_end - 1; goto next_token; }
      /* source: a pair, or the subject */
      const mention *src = NULL, *tgt = NULL, *place_src = NULL;
      int pair = 0;
      uint32_t front = b;
      if (code_tok_is_any(st, b, code_fronting))
        for (uint32_t q = b + 1; q < t; q++)
          if (code_tok_is(st, q, ",")) { front = q + 1; break; }
      for (size_t i = mb; i < me && doc->mentions[i].tok_end <= t; i++) {
        const mention *m = &doc->mentions[i];
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
      if (!src && !pair) src = place_src;
      /* "X, en visite à Y": the visitor is the actor the phrase follows */
      if (!pair && !strcmp(best->cameo, "042") && t > b && code_tok_is(st, t - 1, "en")) {
        uint32_t before = t - 1;
        if (before > b && code_tok_is(st, before - 1, ",")) before--;
        for (size_t i = mb; i < me; i++)
          if (doc->mentions[i].tok_end == before && doc->mentions[i].state[0]) src = &doc->mentions[i];
      }
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
        for (size_t i = mb; par && i < me; i++)
          if (doc->mentions[i].tok_begin >= par + 1 && doc->mentions[i].tok_begin <= par + 3 &&
              doc->mentions[i].state[0]) {
            tgt = src;
            src = &doc->mentions[i];
            pair = 0;
            break;
          }
      }
      if (!src) {
        /* a pronoun-less subject: the nearest actor before */
        for (size_t i = me; i-- > mb;)
          if (doc->mentions[i].tok_end <= t && doc->mentions[i].state[0]) { src = &doc->mentions[i]; break; }
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
        for (size_t i = mb; i < me; i++) {
          const mention *m = &doc->mentions[i];
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
        if (!tgt && best->target != VT_HOST)
          for (size_t i = mb; i < me && !tgt; i++) {
            const mention *m = &doc->mentions[i];
            if (m != src && m->state[0] && strcmp(m->state, sa.state)) tgt = m;
          }
        if (tgt) {
          code_actor(&ta, tgt, 0);
          if (code_is_place(tgt) && best->target == VT_HOST) place = (int32_t)(tgt - doc->mentions);
        } else if (st->pa && st->pb && (!strcmp(sa.state, st->pa) || !strcmp(sa.state, st->pb))) {
          snprintf(ta.state, DOC_CODE_MAX, "%s", !strcmp(sa.state, st->pa) ? st->pb : st->pa);
          ta.role = sa.role;
          ta.role = (uint8_t)dict_role_find(st->ctx->dict, "GOV");
        }
      } else {
        code_actor(&ta, tgt, 0);
      }
      if (!ta.state[0] || !strcmp(ta.state, sa.state)) { t = best_end - 1; goto next_token; }
      /* enumerated sources ("le Mali, le Burkina Faso et le Niger ont
         rappelé...") and targets ("les ambassadeurs d'Angola, du Liban et
         du Canada"): one event for each pair of states */
      const mention *srcs[CODE_MAX_LIST], *tgts[CODE_MAX_LIST];
      size_t ns = code_list(st, src, pair ? NULL : src, me, t, srcs), nt = 1;
      tgts[0] = tgt;
      if (tgt && !pair && best->target != VT_SYM && best->target != VT_HOST)
        nt = code_list(st, tgt, tgt, me, end, tgts);
      for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < nt; j++) {
          doc_actor a1 = sa, a2 = ta;
          if (i) code_actor(&a1, srcs[i], 0);
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
    if (!p2 && st->pa && st->pb) { p1 = st->pa; p2 = st->pb; }
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
 * leaders allow, in which the most of its dates agree with the weekday
 * they are given ("jeudi 18 août" is a Thursday in 2022); 0 if none. */
static int code_weekday_year(code_state *st) {
  const dyad_doc *doc = st->doc;
  int y0, y1, m, d;
  dates_civil(doc->actor_dates[0].first, &y0, &m, &d);
  dates_civil(doc->actor_dates[doc->nactor_dates - 1].last, &y1, &m, &d);
  if (y1 - y0 > 40) y0 = y1 - 40;
  int best_year = 0, best = 0;
  for (int y = y0; y <= y1; y++) {
    dyad_date ref = {y, 12, 31};
    int agree = 0;
    for (uint32_t s = 0; s < doc->nsents; s++) {
      const sentence *se = &doc->sents[s];
      if (se->zone != ZONE_ARTICLE) continue;
      date_expr dx[CODE_MAX_DATES];
      size_t nd = dates_find_in(st->ctx->dates, doc->text + se->start, se->end - se->start, ref, dx,
                                CODE_MAX_DATES);
      for (size_t i = 0; i < nd && i < CODE_MAX_DATES; i++) {
        if (dx[i].kind != DATE_PARTIAL || dx[i].first != dx[i].last) continue;
        int wd = code_weekday_of(doc->text + se->start + dx[i].start, dx[i].end - dx[i].start);
        int32_t days = dx[i].first;
        int ey, em, ed;
        dates_civil(days, &ey, &em, &ed);
        /* 1970-01-01 was a Thursday (3) */
        if (wd >= 0 && ey == y && ((days % 7 + 7 + 3) % 7) == wd) agree++;
      }
    }
    /* among equals, the latest: news is mostly coded soon after it appears */
    if (agree && agree >= best) { best = agree; best_year = y; }
  }
  return best_year;
}

#define CODE_DEDUPE_WINDOW 256

/* Reports of one event within an article (a headline, the lead, the
 * body): events with the same source and target states and code whose
 * dates nest are one; the one with the narrowest date stays, at the place
 * of the first report. */
static void code_dedupe(dyad_doc *doc) {
  size_t k = 0;
  for (size_t i = 0; i < doc->nevents; i++) {
    event_rec *e = &doc->events[i];
    int merged = 0;
    for (size_t j = k > CODE_DEDUPE_WINDOW ? k - CODE_DEDUPE_WINDOW : 0; j < k && !merged; j++) {
      event_rec *f = &doc->events[j];
      if (strcmp(e->cameo, f->cameo) || strcmp(e->source.state, f->source.state) ||
          strcmp(e->target.state, f->target.state))
        continue;
      int e_dated = e->first <= e->last, f_dated = f->first <= f->last;
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
  st.cur0 = 1;
  st.cur1 = 0;
  st.ref = doc->published;
  if (!st.ref.year && doc->nactor_dates) {
    int y = code_weekday_year(&st);
    if (y) {
      st.ref.year = y;
      st.ref.month = 12;
      st.ref.day = 31;
    } else {
      int32_t mid = doc->actor_dates[0].first / 2 + doc->actor_dates[doc->nactor_dates - 1].last / 2;
      dates_civil(mid, &st.ref.year, &st.ref.month, &st.ref.day);
    }
  }
  for (uint32_t s = 0; s < doc->nsents; s++)
    if (doc->sents[s].zone == ZONE_ARTICLE) code_sentence(&st, s);
  code_dedupe(doc);
  free(st.fbuf);
  free(st.woff);
  free(st.wlen);
  free(st.folded);
  return 0;
}
