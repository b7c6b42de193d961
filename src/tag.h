/* tag.h: the tag stage: lemma and part-of-speech readings for tokens.
 *
 * Each word token gets the readings of its form in the French lexicon
 * (lexicon.h): the exact form first, else its lower-cased form (sentence-
 * initial capitals, all-caps headlines).  Ambiguous forms keep all their
 * readings.  The hot path is one hash probe per token, plus one for
 * capitalised tokens: no hunspell call.
 */
#ifndef DYAD_TAG_H
#define DYAD_TAG_H
#include "ctx.h"
#include "doc.h"

int tag_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err /* out */);

/* Readings of s[0..n): exact form, else lower-cased.  Returns the count
 * and sets *first (see lexicon_lookup). */
unsigned tag_lookup(const lexicon *lex, const char *s, size_t n, uint32_t *first /* out */);

/* 1 if one of the count readings from first is a grammatical word
 * (determiner, preposition, pronoun, conjunction). */
int tag_is_grammatical(const lexicon *lex, uint32_t first, unsigned count);

#endif
