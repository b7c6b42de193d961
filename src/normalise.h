/* normalise.h: the normalise stage.
 *
 * Derives doc->text from doc->orig, with doc->omap mapping every text
 * byte back to its orig byte offset.  What the text looks like, which
 * every later stage relies on:
 *
 *   - Unicode NFC (utf8proc), valid UTF-8, no NUL byte, no CR.
 *   - Invalid UTF-8 bytes become U+FFFD; NUL and other C0/C1 control
 *     characters (but '\n') become ' '; "\r\n" and lone '\r' become '\n';
 *     tabs become ' '.
 *   - Apostrophes ’ ‘ ʼ ` ´ ′ and U+02BC become "'".
 *   - Quotes « » “ ” „ ‟ ‹ › become '"'.
 *   - Spaces U+00A0, U+202F, U+2000-U+200A, U+3000 become ' '.
 *   - Zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and the soft
 *     hyphen U+00AD are dropped.
 *   - Dashes and minus ‐ ‑ ‒ – — ― − become '-'.
 *   - The ellipsis … becomes "...".
 *   - Letters keep their case and accents (œ, æ too): folding case and
 *     accents for matching is the dictionary stage's business.
 *
 * Exports normalise_run (the stage) and normalise_text (the same on a
 * bare buffer, for tests and tools).
 */
#ifndef DYAD_NORMALISE_H
#define DYAD_NORMALISE_H
#include "doc.h"

int normalise_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err /* out */);

/* Normalise s[0..n) into a new arena buffer (*out, NUL-terminated, length
 * *out_len) with its offset map (*omap, *out_len + 1 entries, values in
 * [0, n]).  Returns the number of invalid bytes replaced. */
size_t normalise_text(arena *a, const char *s, size_t n, char **out /* out */,
                      size_t *out_len /* out */, uint32_t **omap /* out */);

#endif
