/* segment.h: the segment stage, tokens and sentences over the text.
 *
 * segment_run reads doc->text (as normalise leaves it, see normalise.h)
 * and doc->zones, and sets doc->toks and doc->sents, allocated in
 * doc->mem.  segment_text does the same on a bare buffer, without a
 * document or a context, for tests, fuzzers and tools.  The rules (what a
 * token is, where a sentence ends) are listed at the top of segment.c.
 *
 * Invariants of the result: tokens are sorted, do not overlap, lie within
 * the text and on UTF-8 boundaries (for valid UTF-8 input), and never
 * cross a zone boundary; every token belongs to exactly one sentence; each
 * sentence covers a contiguous run of tokens of one zone, from the first
 * token's start to the last token's end, and records that zone's kind.
 */
#ifndef DYAD_SEGMENT_H
#define DYAD_SEGMENT_H
#include "doc.h"

/* The stage.  Returns 0; DYAD_EUSAGE if doc->text is NULL (normalise has
 * not run); DYAD_ELIMIT if the text is 4 GiB or longer.  err filled on
 * failure.  ctx is not used and may be NULL. */
int segment_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err /* out */);

/* Segment text[0..len) with its non-article zones (sorted, may be NULL
 * when nzones is 0).  Tokens and sentences are allocated in a (never NULL
 * on success, even when empty).  Returns 0, or DYAD_ELIMIT if len is
 * 4 GiB or more (outputs then NULL and 0). */
int segment_text(arena *a, const char *text, size_t len, const zone *zones,
                 size_t nzones, token **toks /* out */, size_t *ntoks /* out */,
                 sentence **sents /* out */, size_t *nsents /* out */);

#endif
