/* repair.c: the repair stage, see repair.h for the rules. */
#include "repair.h"
#include "tag.h"
#include "utf8.h"
#include <string.h>
#include <utf8proc.h>

#define REPAIR_MAX_CHARS 48

enum { REPAIR_LOWER = 1, REPAIR_UPPER = 2 };

/* 1 if part is allowed to be short: a grammatical word. */
static int repair_short_ok(const lexicon *lex, uint32_t first, unsigned count) {
  return tag_is_grammatical(lex, first, count);
}

static int repair_has_tag(const lex_reading *r, const char *tag) {
  size_t n = strlen(tag);
  const char *t = r->tags, *end = r->tags + r->tags_len;
  while (t < end) {
    const char *w = t;
    while (t < end && *t != ' ') t++;
    if ((size_t)(t - w) == n && !memcmp(w, tag, n)) return 1;
    if (t < end) t++;
  }
  return 0;
}

static int repair_lemma_is(const lex_reading *r, const char *lemma) {
  return r->lemma_len == strlen(lemma) && !memcmp(r->lemma, lemma, r->lemma_len);
}

/* 1 if L is a form of avoir or être and R a past participle ("a|apprécié"). */
static int repair_aux_participle(const lexicon *lex, uint32_t lf, unsigned lc, uint32_t rf,
                                 unsigned rc) {
  int aux = 0, ppas = 0;
  for (unsigned i = 0; i < lc && !aux; i++) {
    lex_reading a;
    lexicon_reading(lex, lf + i, &a);
    aux = a.pos == POS_VERB && (repair_lemma_is(&a, "avoir") || repair_lemma_is(&a, "être"));
  }
  for (unsigned j = 0; j < rc && aux && !ppas; j++) {
    lex_reading b;
    lexicon_reading(lex, rf + j, &b);
    ppas = b.pos == POS_VERB && repair_has_tag(&b, "ppas");
  }
  return aux && ppas;
}

/* Gender and number of a reading, from its tags: bit 0-1 gender (1 mas,
 * 2 fem, 3 either), bit 2-3 number (4 sg, 8 pl, 12 either). */
static unsigned repair_agr(const lex_reading *r) {
  unsigned g = 3, n = 12;
  const char *t = r->tags, *end = r->tags + r->tags_len;
  while (t < end) {
    const char *w = t;
    while (t < end && *t != ' ') t++;
    size_t k = (size_t)(t - w);
    if (k == 3 && !memcmp(w, "mas", 3)) g = 1;
    else if (k == 3 && !memcmp(w, "fem", 3)) g = 2;
    else if (k == 2 && !memcmp(w, "sg", 2)) n = 4;
    else if (k == 2 && !memcmp(w, "pl", 2)) n = 8;
    if (t < end) t++;
  }
  return g | n;
}

/* 1 if some noun or adjective reading of L agrees in gender and number
 * with some noun or adjective reading of R ("compagnie nationale", not
 * "inter maghrébines"). */
static int repair_agree(const lexicon *lex, uint32_t lf, unsigned lc, uint32_t rf, unsigned rc) {
  for (unsigned i = 0; i < lc; i++) {
    lex_reading a;
    lexicon_reading(lex, lf + i, &a);
    if (a.pos != POS_NOUN && a.pos != POS_ADJ) continue;
    unsigned ga = repair_agr(&a);
    for (unsigned j = 0; j < rc; j++) {
      lex_reading b;
      lexicon_reading(lex, rf + j, &b);
      if (b.pos != POS_NOUN && b.pos != POS_ADJ) continue;
      unsigned gb = repair_agr(&b);
      if ((ga & gb & 3) && (ga & gb & 12)) return 1;
    }
  }
  return 0;
}

size_t repair_split(const lexicon *lex, const char *s, size_t n) {
  size_t off[REPAIR_MAX_CHARS + 1];
  unsigned char cls[REPAIR_MAX_CHARS];
  size_t nc = 0, i = 0;
  int uppers = 0;
  while (i < n) {
    int32_t cp;
    int l = utf8_decode(s + i, n - i, &cp);
    if (l == 0 || nc == REPAIR_MAX_CHARS) return 0;
    if (utf8proc_isupper(cp)) { cls[nc] = REPAIR_UPPER; uppers++; }
    else if (utf8proc_islower(cp)) cls[nc] = REPAIR_LOWER;
    else return 0; /* not letters only */
    off[nc++] = i;
    i += (size_t)l;
  }
  off[nc] = n;
  if (nc < REPAIR_MIN_CHARS) return 0;
  int capitalised = cls[0] == REPAIR_UPPER;
  if (uppers > 2 || (capitalised && uppers > 1)) return 0; /* a name or an acronym */
  if (capitalised && nc < 2 * REPAIR_SHORT) return 0;
  uint32_t first;
  if (tag_lookup(lex, s, n, &first)) return 0; /* a known word */

  size_t best = 0;
  long best_score = -1;
  size_t kmin = capitalised ? REPAIR_SHORT : 1, kmax = capitalised ? nc - REPAIR_SHORT : nc - 1;
  for (size_t k = kmin; k <= kmax; k++) {
    size_t lb = off[k], rn = n - lb;
    int r_cap = cls[k] == REPAIR_UPPER;
    /* case shape: only the first character of each part may be upper */
    if (capitalised && r_cap) continue;
    if (!capitalised && uppers && !(r_cap && uppers == 1)) continue;
    uint32_t lf, rf;
    unsigned lc = tag_lookup(lex, s, lb, &lf);
    if (!lc) continue;
    unsigned rc = tag_lookup(lex, s + lb, rn, &rf);
    int l_gram = tag_is_grammatical(lex, lf, lc);
    if (!rc && !(r_cap && l_gram)) continue;
    int r_gram = rc && tag_is_grammatical(lex, rf, rc);
    int aux = rc && repair_aux_participle(lex, lf, lc, rf, rc);
    /* two content words must agree, as a noun and its adjective do */
    if (!l_gram && !r_gram && !aux && !(r_cap && !rc) && !repair_agree(lex, lf, lc, rf, rc))
      continue;
    size_t lchars = k, rchars = nc - k;
    if (capitalised && (lchars < REPAIR_SHORT || rchars < REPAIR_SHORT)) continue;
    if (capitalised && !r_gram && (lchars < REPAIR_CAP_LONG || rchars < REPAIR_CAP_LONG)) continue;
    if (lchars < REPAIR_SHORT && !aux && !repair_short_ok(lex, lf, lc)) continue;
    if (rchars < REPAIR_SHORT && !(rc && repair_short_ok(lex, rf, rc))) continue;
    long score = (r_cap ? 10000 : 0) + (l_gram || r_gram ? 1000 : 0) +
                 (long)(lchars < rchars ? lchars : rchars);
    if (score > best_score) {
      best_score = score;
      best = lb;
    }
  }
  return best;
}

int repair_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err) {
  (void)err;
  size_t extra = 0;
  size_t *cut = NULL; /* split offset per token, allocated on first split */
  for (size_t i = 0; i < doc->ntoks; i++) {
    const token *t = &doc->toks[i];
    if (t->kind != TOK_WORD || t->nread || (t->flags & TOKF_ELISION)) continue;
    size_t at = repair_split(ctx->lex, doc->text + t->start, t->end - t->start);
    if (!at) continue;
    if (!cut) cut = arena_calloc(&doc->mem, doc->ntoks, sizeof *cut);
    cut[i] = at;
    extra++;
  }
  if (!extra) return 0;
  token *nt = arena_alloc(&doc->mem, (doc->ntoks + extra) * sizeof *nt);
  uint32_t *newidx = arena_alloc(&doc->mem, (doc->ntoks + 1) * sizeof *newidx);
  size_t j = 0;
  for (size_t i = 0; i < doc->ntoks; i++) {
    newidx[i] = (uint32_t)j;
    token t = doc->toks[i];
    if (!cut[i]) {
      nt[j++] = t;
      continue;
    }
    token l = t, r = t;
    l.end = r.start = t.start + (uint32_t)cut[i];
    l.flags |= TOKF_REPAIRED;
    r.flags = (uint8_t)((t.flags & ~TOKF_UPPER) | TOKF_REPAIRED);
    if (utf8_is_upper_initial(doc->text + r.start, r.end - r.start)) r.flags |= TOKF_UPPER;
    token *half[2] = {&l, &r};
    for (int h = 0; h < 2; h++) {
      uint32_t first = 0;
      unsigned c = tag_lookup(ctx->lex, doc->text + half[h]->start, half[h]->end - half[h]->start, &first);
      half[h]->nread = (uint16_t)(c > UINT16_MAX ? UINT16_MAX : c);
      half[h]->read = first;
    }
    nt[j++] = l;
    nt[j++] = r;
  }
  newidx[doc->ntoks] = (uint32_t)j;
  for (size_t s = 0; s < doc->nsents; s++) {
    doc->sents[s].tok_begin = newidx[doc->sents[s].tok_begin];
    doc->sents[s].tok_end = newidx[doc->sents[s].tok_end];
  }
  doc->toks = nt;
  doc->ntoks = j;
  return 0;
}
