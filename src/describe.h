/* describe.h: events, figures and dates in English words, for the
 * timeline and the report (dyad timeline, dyad report).
 *
 * A describe table holds what the words come from: the display name of
 * each state and organisation code (countries.tsv, country_names.tsv and
 * organisations.tsv of the data directory) and the CAMEO table
 * (cameo.tsv).  It is loaded once, read-only afterwards.
 *
 * describe_phrase turns a CAMEO short name into a third-person sentence
 * between two actors by a general rule (see describe.c): "Make a visit"
 * with "Kazakhstan" and "Vietnam" gives "Kazakhstan makes a visit to
 * Vietnam".  The other functions format dates, periods and values.
 * All writers truncate to the buffer's size and NUL-terminate.
 */
#ifndef DYAD_DESCRIBE_H
#define DYAD_DESCRIBE_H
#include "cameo.h"
#include "dyad.h"
#include <stddef.h>
#include <stdint.h>

typedef struct describe describe;

/* Load the names and the CAMEO table from data_dir (NULL: $DYAD_DATA, then
 * the build's).  Returns a table to free with describe_free, or NULL with
 * err filled (DYAD_EIO: a file cannot be read; DYAD_EDATA: cameo.tsv is
 * malformed). */
describe *describe_load(const char *data_dir, dyad_err *err /* out */);
void describe_free(describe *d);

/* The display name of a state or organisation code ("VNM" -> "Vietnam"),
 * or NULL if the code is in none of the tables.  Valid until
 * describe_free(d). */
const char *describe_country(const describe *d, const char *code);

/* The CAMEO table (never NULL once loaded); valid until describe_free. */
const cameo_table *describe_cameo(const describe *d);

/* "subject <verb phrase> object" from a CAMEO short name; e.g. name
 * "Express intent to cooperate", subject "Vietnam", object "Kazakhstan"
 * -> "Vietnam expresses intent to cooperate with Kazakhstan".  Returns
 * the length the sentence needs (without the NUL), like snprintf. */
size_t describe_phrase(const char *name, const char *subject, const char *object,
                       char *buf, size_t n);

/* An event's date for a timeline column: "2023-08-20", "2023-08-20/22",
 * "2023-08-30/09-02", "2023-08", "2023"; "undated" when first > last.
 * buf >= 40 bytes; returns buf. */
char *describe_date(int32_t first, int32_t last, char *buf);

/* A figure's period: "2023", "2023 H1", "2023 Q3", "2023-08", else as
 * describe_date.  buf >= 40 bytes; returns buf. */
char *describe_period(int32_t first, int32_t last, char *buf);

/* A value in words: 600000000 -> "600 million", 1.25e9 -> "1.25 billion",
 * 150000 -> "150,000", 12.5 -> "12.5".  buf >= 40 bytes; returns buf. */
char *describe_value(double v, char *buf);

/* The same, short, for chart labels: "600M", "1.25B", "150k", "8.5k",
 * "12.5".
 * buf >= 40 bytes; returns buf. */
char *describe_value_short(double v, char *buf);

/* The name of a QuadClass (1-4): "verbal cooperation", ...; "unknown". */
const char *describe_quad(int quad);

#endif
