/* tag.c: the tag stage, see tag.h. */
#include "tag.h"
#include "utf8.h"
#include <string.h>

#define TAG_MAX_WORD 256  /* longer tokens are not words of the lexicon */

unsigned tag_lookup(const lexicon *lex, const char *s, size_t n, uint32_t *first) {
  unsigned c = lexicon_lookup(lex, s, n, first);
  if (c || n > TAG_MAX_WORD) return c;
  char low[TAG_MAX_WORD * 2];
  size_t ln = utf8_lower(s, n, low, sizeof low);
  if (ln == 0 || (ln == n && memcmp(low, s, n) == 0)) return 0;
  return lexicon_lookup(lex, low, ln, first);
}

int tag_is_grammatical(const lexicon *lex, uint32_t first, unsigned count) {
  for (unsigned i = 0; i < count; i++) {
    lex_reading r;
    lexicon_reading(lex, first + i, &r);
    if (r.pos == POS_DET || r.pos == POS_PREP || r.pos == POS_PRON || r.pos == POS_CONJ)
      return 1;
  }
  return 0;
}

int tag_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err) {
  (void)err;
  for (size_t i = 0; i < doc->ntoks; i++) {
    token *t = &doc->toks[i];
    t->nread = 0;
    if (t->kind != TOK_WORD && t->kind != TOK_NUMBER) continue;
    uint32_t first = 0;
    unsigned c = tag_lookup(ctx->lex, doc->text + t->start, t->end - t->start, &first);
    if (c > UINT16_MAX) c = UINT16_MAX;
    t->nread = (uint16_t)c;
    t->read = first;
  }
  return 0;
}
