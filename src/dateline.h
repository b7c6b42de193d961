/* dateline.h: the publication date of an article, from its first lines.
 *
 * dateline_find looks for a " date 2023-08" header line, then for a
 * dateline near the top ("Abidjan, le 26 novembre 2014 –", "Publié le
 * samedi 16 mars 2013"...).  dateline_parse_date reads one date value
 * (a JSONL "date" member).  Neither reads the clock.  See dateline.c for
 * every form accepted.
 */
#ifndef DYAD_DATELINE_H
#define DYAD_DATELINE_H
#include "dyad.h"
#include <stddef.h>

/* Only lines starting in the first DATELINE_WINDOW bytes are searched. */
#define DATELINE_WINDOW 600

/* Find the publication date in text[0, len) (raw bytes, not normalised,
 * need not be NUL-terminated).  Returns 1 with out filled (year always,
 * month and day where known, else 0), or 0 if no date was found (out set
 * to all zeros).  *consumed_header (may be NULL) receives the byte length
 * of a leading header ("[ ]date YYYY[-MM[-DD]]" and the white space after
 * it), to be marked as a non-article zone; 0 when the date came from a
 * dateline or was not found. */
int dateline_find(const char *text, size_t len, dyad_date *out /* out */,
                  size_t *consumed_header /* out */);

/* Parse a whole date value s[0, n), white space around allowed: YYYY,
 * YYYY-MM, YYYY-MM-DD, ISO 8601 timestamps (2023-08-15T10:00:00Z,
 * "2023-08-15 10:00", offsets and fractions; the date is kept as
 * written, no time zone conversion), or one of the dateline date forms
 * (15/08/2023, 15 août 2023, August 15, 2023).  Returns 1 with out
 * filled, 0 if s is not a valid date (out zeroed). */
int dateline_parse_date(const char *s, size_t n, dyad_date *out /* out */);

#endif
