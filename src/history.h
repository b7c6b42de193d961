/* history.h: what the store (docs/store.md) knows of a pair of states,
 * read into memory for the timeline and the report.
 *
 * history_load opens the SQLite database read-only and reads, in either
 * direction between the two codes: the event clusters with their member
 * reports (sentence, article, url, span), the figure clusters with theirs,
 * and the agreements (reports of the same title and date grouped).  The
 * three are also listed together in hist.items, by date (first day, then
 * last day; undated last), then events before figures before agreements.
 * Every string and array belongs to the history's arena: history_free
 * releases them all at once.
 */
#ifndef DYAD_HISTORY_H
#define DYAD_HISTORY_H
#include "arena.h"
#include "cameo.h"
#include "dyad.h"
#include <stddef.h>
#include <stdint.h>

/* One report: an article's sentence that states an event, figure or
 * agreement. */
typedef struct hist_source {
  const char *doc;          /* docs.ext_id */
  const char *url;          /* NULL if unknown */
  const char *published;    /* "YYYY-MM-DD" or NULL */
  const char *sentence;
  long span_start, span_end;  /* bytes into the original article */
  const char *cameo;        /* events: this report's code; else NULL */
  const char *date;         /* this report's date as stored, or NULL */
  const char *source_name;  /* events: persons named, "" if none */
  const char *target_name;
} hist_source;

typedef struct hist_event {     /* a cluster of kind 'event' */
  long id;                      /* clusters.id (0: a report with no cluster) */
  char source[16], target[16];  /* states, in the cluster's direction */
  char cameo[8];
  int32_t first, last;          /* first > last: undated */
  int quad;                     /* QuadClass 1-4, 0 unknown */
  double goldstein;             /* meaningful when quad != 0 */
  const char *source_name;      /* most named person on each side, "" if none */
  const char *target_name;
  long nsources;                /* distinct articles (clusters.nsources) */
  hist_source *src;
  size_t nsrc;
} hist_event;

typedef struct hist_figure {    /* a cluster of kind 'figure' */
  long id;
  const char *indicator, *unit, *kind;  /* "trade", "USD", "actual" */
  char party1[16], party2[16];
  double value;                 /* the member with the narrowest period */
  int32_t first, last;          /* the period; first > last: none */
  long nsources;
  hist_source *src;
  size_t nsrc;
} hist_figure;

typedef struct hist_agreement {
  const char *title;
  char party1[16], party2[16];
  int32_t first, last;          /* the most precise date of its reports */
  hist_source *src;             /* one per report */
  size_t nsrc;
} hist_agreement;

enum { HIST_EVENT = 0, HIST_FIGURE = 1, HIST_AGREEMENT = 2 };

typedef struct hist_item {
  int kind;                     /* HIST_* */
  size_t index;                 /* into events, figures or agreements */
  int32_t first, last;
} hist_item;

typedef struct history {
  char a[16], b[16];            /* the pair asked for */
  hist_event *events;
  size_t nevents;
  hist_figure *figures;
  size_t nfigures;
  hist_agreement *agreements;
  size_t nagreements;
  hist_item *items;             /* all of the above, by date */
  size_t nitems;
  size_t nreports;              /* event reports (rows of events) */
  size_t ndocs;                 /* distinct articles among all reports */
  arena mem;                    /* owns everything above */
} history;

/* Read the history of a and b (codes, any case) from the database at
 * db_path.  cameo (may be NULL) gives QuadClass and Goldstein by code;
 * the reports' own values are used when it lacks a code.  Returns 0 and
 * *out (free with history_free), or a negative code with err filled:
 * DYAD_EIO with err->path = db_path ("no such database (run dyad load
 * first)", an empty or newer database, or an SQLite failure quoting
 * sqlite3_errmsg and what was being read). */
int history_load(const char *db_path, const char *a, const char *b, const cameo_table *cameo,
                 history **out /* out */, dyad_err *err /* out */);
void history_free(history *h);

#endif
