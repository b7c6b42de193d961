/* figures.h: figures stated in a sentence (trade volumes, tourist counts,
 * aid...), with their value, unit, kind and period.
 *
 * figures_find reads one sentence of normalised text (see normalise.h)
 * and returns the figures it states; their parties (the states between
 * which the flow goes) are settled by the coding stage from the actors.
 */
#ifndef DYAD_FIGURES_H
#define DYAD_FIGURES_H
#include "dates.h"
#include "dyad.h"
#include <stddef.h>
#include <stdint.h>

typedef struct figure {
  uint32_t start, end;      /* byte range of the figure's phrase in the text */
  char indicator[16];       /* trade, investment, tourists, aid, flights, ... */
  double value;             /* in units: 600000000 for "600 millions de dollars" */
  char unit[8];             /* ISO 4217 code ("USD", "EUR", "XOF"), or "persons",
                               "tonnes", "flights", "%" */
  char kind[8];             /* "actual", "target" or "average" */
  int32_t first, last;      /* period, days since 1970-01-01 inclusive;
                               first > last when the text gives none */
} figure;

/* Figures of text[0..n), in text order; at most cap written to out;
 * returns how many were found.  ref: the publication date (year 0 if
 * unknown), for periods like "au premier semestre" without a year. */
size_t figures_find(const char *text, size_t n, dyad_date ref, figure *out, size_t cap);

/* The number words, hashed: built once (dyad_ctx keeps one), read-only
 * after, for figures_find_dated (which searches them without one). */
typedef struct figures_index figures_index;
figures_index *figures_index_new(void);
void figures_index_free(figures_index *ix);   /* accepts NULL */

/* The same with the sentence's date expressions already found
 * (dates_find on the same text and ref): callers that need them too
 * read the sentence once.  Dates only take numbers out, so when no
 * figure is found with nd 0 (dates NULL; out NULL, cap 0 to count), none
 * is found with any dates: a caller may skip dates_find then.  ix: the
 * number words hashed, or NULL to search them. */
size_t figures_find_dated(const figures_index *ix, const char *text, size_t n, dyad_date ref,
                          const date_expr *dates, size_t nd, figure *out /* out */, size_t cap);

/* Parse a French or English number at s[0..n): "150.000", "150 000",
 * "1,5 milliard", "demi-milliard", "600 millions", "2 000 milliards",
 * "40", "12,5", "1.5 billion".  Returns the bytes consumed (0 if none)
 * and the value in *value. */
size_t figures_number(const char *s, size_t n, double *value /* out */);

#endif
