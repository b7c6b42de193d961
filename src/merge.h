/* merge.h: reports of the same real event, across articles.
 *
 * Two reports are of one real event (one cluster) when:
 *   - events: the same pair of states in the same direction (or in either
 *     direction when the new report is of a joint act: "the two sides
 *     met", "X met with Y", and any consultation or negotiation, 040 and
 *     046; the store keeps no such flag for a cluster, so a cluster's
 *     own is not looked at, and dyad code and dyad load agree), the
 *     same CAMEO code (or one of them only the bare root: "04"), dates
 *     that overlap once each side is widened by a
 *     day (articles date a visit by its arrival or by its talks), and no
 *     conflict between the persons named on either side or the places;
 *   - figures: the same indicator, unit and kind, the same two parties in
 *     either order, the same period and values within 2 %.
 * A report that cannot be placed by its date (undated, or dated only to a
 * year or wider than 31 days: a year is not evidence of sameness) joins
 * the cluster of the same pair and the same full code when there is
 * exactly one, dated or not, whose date its own (if any) meets, and fits
 * it but for the date (persons, places, direction); a dated report that fits no dated cluster joins
 * the only cluster of its pair and code when that one is undated (the
 * undated article that first reported it).  Two clusters of a pair and
 * code, and an undated report joins neither.
 *
 * A cluster keeps the most precise date (the narrowest interval) and the
 * most precise code (the longest; the first seen on ties) of its members:
 * later reports are compared with that.
 *
 * merge_index is the in-memory index `dyad code` uses across its inputs;
 * the store (dyad load) finds candidate clusters with SQL and calls
 * merge_event_fits / merge_event_absorb itself.
 */
#ifndef DYAD_MERGE_H
#define DYAD_MERGE_H
#include "doc.h"
#include <stdint.h>

/* Dates of MERGE_MAX_SPAN days or more are no evidence of sameness
 * (MERGE_MAX_SPAN_SQL: the same, for the store's candidate queries). */
#define MERGE_MAX_SPAN 31
#define MERGE_MAX_SPAN_SQL "31"

typedef struct merge_event {
  char source[DOC_CODE_MAX], target[DOC_CODE_MAX]; /* states */
  const char *source_name, *target_name;           /* persons, NULL if none */
  char cameo[8];
  int32_t first, last;                             /* first > last: no date */
  char place[DOC_CODE_MAX];                        /* state of the place, "" */
  int joint;                                       /* a joint act: either direction */
} merge_event;

typedef struct merge_figure {
  char indicator[16], unit[8], kind[8];
  char party1[DOC_CODE_MAX], party2[DOC_CODE_MAX];
  int32_t first, last;
  double value;
} merge_figure;

/* Whether report e belongs to the cluster whose representative is c. */
int merge_event_fits(const merge_event *c, const merge_event *e);
/* The same but for the dates (code, places, direction, persons). */
int merge_event_fits_undated(const merge_event *c, const merge_event *e);
/* Whether e's date cannot place it: none, or MERGE_MAX_SPAN days or more. */
int merge_event_loose(const merge_event *e);
/* Whether e joins c when c is the only cluster of its pair and code: one
 * of them loose, their dates (if both have one) overlapping, and
 * merge_event_fits_undated. */
int merge_event_fits_lone(const merge_event *c, const merge_event *e);
/* The key (never 0) of states a and b in either order and a code: the
 * clusters "of a pair and code" above, counted by merge_index and the
 * store alike. */
uint64_t merge_code_key(const char *a, const char *b, const char *cameo);
int merge_figure_fits(const merge_figure *c, const merge_figure *f);

/* Fold report e into representative c (most precise date and code).
 * Names are copied as pointers: the caller keeps them alive. */
void merge_event_absorb(merge_event *c, const merge_event *e);
void merge_figure_absorb(merge_figure *c, const merge_figure *f);

/* The events and figures of a document as merge records (names point into
 * the context's dictionary or the document's arena). */
void merge_event_of(const dyad_doc *doc, const dyad_ctx *ctx, const event_rec *r, merge_event *out);
void merge_figure_of(const figure_rec *r, merge_figure *out);

/* In-memory index of clusters, ids from 1 in order of creation. */
typedef struct merge_index merge_index;
merge_index *merge_index_new(void);
void merge_index_free(merge_index *m);
/* Cluster of a report (an existing one it fits, else a new one). */
uint32_t merge_index_event(merge_index *m, const merge_event *e);
uint32_t merge_index_figure(merge_index *m, const merge_figure *f);
/* Number of clusters and bytes held (for the benchmarks). */
size_t merge_index_clusters(const merge_index *m);
size_t merge_index_bytes(const merge_index *m);

#endif
