/* repair.c: the repair stage, see repair.h for the rules. */
#include "repair.h"
#include "tag.h"
#include "utf8.h"
#include <utf8proc.h>

#define REPAIR_MAX_CHARS 48

enum { REPAIR_LOWER = 1, REPAIR_UPPER = 2 };

static int repair_is_verb_a(const char *s, size_t n) {
  return n == 1 && s[0] == 'a';
}

/* 1 if part is allowed to be short: a grammatical word or "a". */
static int repair_short_ok(const lexicon *lex, const char *s, size_t n, uint32_t first,
                           unsigned count) {
  return repair_is_verb_a(s, n) || tag_is_grammatical(lex, first, count);
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
  uint32_t first;
  if (tag_lookup(lex, s, n, &first)) return 0; /* a known word */
  int capitalised = cls[0] == REPAIR_UPPER;
  if (uppers > 2 || (capitalised && uppers > 1)) return 0; /* a name or an acronym */
  if (capitalised && nc > 1 && cls[1] == REPAIR_UPPER) return 0;

  size_t best = 0;
  long best_score = -1;
  for (size_t k = 1; k < nc; k++) {
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
    size_t lchars = k, rchars = nc - k;
    if (capitalised && (lchars < REPAIR_SHORT || rchars < REPAIR_SHORT)) continue;
    if (lchars < REPAIR_SHORT && !repair_short_ok(lex, s, lb, lf, lc)) continue;
    if (rchars < REPAIR_SHORT && !(rc && repair_short_ok(lex, s + lb, rn, rf, rc))) continue;
    long score = (r_cap ? 10000 : 0) + (l_gram || (rc && tag_is_grammatical(lex, rf, rc)) ? 1000 : 0) +
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
    if (t->kind != TOK_WORD || (t->flags & TOKF_ELISION)) continue;
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
