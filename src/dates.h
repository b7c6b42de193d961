/* dates.h: date expressions in a sentence, resolved to intervals.
 *
 * dates_find scans one sentence of normalised text (see normalise.h) for
 * expressions of time and resolves each to an interval of days, using the
 * article's publication date as reference (partial dates take its year,
 * relative ones count from it).  The library never reads the clock.
 */
#ifndef DYAD_DATES_H
#define DYAD_DATES_H
#include "dyad.h"
#include <stddef.h>
#include <stdint.h>

typedef enum date_kind {
  DATE_EXPLICIT = 0,   /* the text gives the date ("le 18 août 2022") */
  DATE_PARTIAL,        /* completed from the reference ("jeudi 18 août") */
  DATE_RELATIVE,       /* counted from the reference ("hier", "l'année précédente") */
  DATE_PERIOD          /* a period a figure is about ("au premier semestre 2023") */
} date_kind;

typedef struct date_expr {
  uint32_t start, end;   /* byte range in the text given to dates_find */
  int32_t first, last;   /* days since 1970-01-01, inclusive */
  uint8_t kind;          /* date_kind */
  int8_t tense;          /* -1 past ("l'année dernière"), 1 future ("prochain"), 0 unknown */
} date_expr;

/* Find the date expressions of text[0..n), in text order; writes at most
 * cap of them to out and returns how many were found (may exceed cap).
 * ref: the publication date (year 0 if unknown: then only expressions
 * that carry their own year resolve). */
size_t dates_find(const char *text, size_t n, dyad_date ref, date_expr *out, size_t cap);

/* The words of the expressions, hashed: built once (dyad_ctx keeps one),
 * read-only after.  dates_find_in finds what dates_find finds, looking
 * its words up there rather than by binary search (ix NULL: the same as
 * dates_find). */
typedef struct dates_index dates_index;
dates_index *dates_index_new(void);
void dates_index_free(dates_index *ix);   /* accepts NULL */
size_t dates_find_in(const dates_index *ix, const char *text, size_t n, dyad_date ref, date_expr *out,
                     size_t cap);

/* Days since 1970-01-01 of a civil date, and back. */
int32_t dates_days(int year, int month, int day);
void dates_civil(int32_t days, int *year /* out */, int *month /* out */, int *day /* out */);

/* The interval in the gold files' syntax: "2023-08-21" (one day),
 * "2023-08" (a whole month), "2023" (a whole year), else "A/B" with the
 * coarsest exact ends ("2023-01/2023-06").  buf >= 32 bytes; returns buf. */
char *dates_format(int32_t first, int32_t last, char *buf);

#endif
