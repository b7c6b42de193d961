/* clean.h: the clean stage.
 *
 * Marks the ranges of doc->text that are not the article (the header
 * line, photo captions and credits, agency signatures, site furniture,
 * a piece appended after the article) as zones, so later stages can skip
 * them.  The text itself is never changed.  src/clean.c lists every form
 * recognised.
 *
 * Zones are sorted by start, never overlap, never empty, and adjacent
 * zones of one kind (or zones of one kind separated only by spaces and
 * newlines) are merged.  A zone covering a whole line includes the
 * line's '\n'; a zone covering part of a line (the header prefix, a
 * signature or credit at the end of a paragraph, a "(Photo ...)" aside)
 * never does.
 */
#ifndef DYAD_CLEAN_H
#define DYAD_CLEAN_H
#include "doc.h"

/* The stage: reads doc->text (normalised, see normalise.h) and sets
 * doc->zones / doc->nzones (arena memory of doc).  Returns 0, or
 * DYAD_EUSAGE when the document has no text layer (err filled). */
int clean_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err /* out */);

/* The same on a bare buffer, for tests and the fuzzer: text[0, len) need
 * not be NUL-terminated nor valid UTF-8.  Stores in *out an array in a
 * (NULL if none) and returns its length.  Linear in len; a text longer
 * than UINT32_MAX bytes gets no zone. */
size_t clean_zones(arena *a, const char *text, size_t len, zone **out /* out */);

#endif
