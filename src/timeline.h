/* timeline.h: what the timeline (timeline.c) and the report (report.c)
 * share: opening a pair's history with its words, and the one-line text
 * of an event, a figure or an agreement.
 */
#ifndef DYAD_TIMELINE_H
#define DYAD_TIMELINE_H
#include "describe.h"
#include "history.h"

/* Check the two codes against the names (DYAD_EUSAGE: unknown, or the
 * same twice), load the words from data_dir (DYAD_EDATA), then the
 * history from db_path (DYAD_EIO).  Returns 0 with *d and *h to free with
 * describe_free and history_free, or a negative code with err filled and
 * both NULL. */
int timeline_open(const char *db_path, const char *a, const char *b, const char *data_dir,
                  describe **d /* out */, history **h /* out */, dyad_err *err /* out */);

/* The name of a code for sentences: its display name, else the code. */
const char *timeline_name(const describe *d, const char *code);

/* "Kazakhstan (Kassym-Jomart Tokayev) makes a visit to Vietnam".
 * Returns the length needed, like snprintf. */
size_t timeline_event_text(const describe *d, const hist_event *e, char *buf, size_t n);

/* "trade VNM–KAZ: 600 million USD (2023 H1)"; "target" and "average"
 * figures say so before the value.  Returns the length needed. */
size_t timeline_figure_text(const hist_figure *f, char *buf, size_t n);

/* "agreement signed: <title>".  Returns the length needed. */
size_t timeline_agreement_text(const hist_agreement *a, char *buf, size_t n);

/* Distinct articles (doc ids) among n reports. */
long timeline_docs(const hist_source *src, size_t n);

/* "Vietnam (VNM) – Kazakhstan (KAZ)".  Returns the length needed. */
size_t timeline_pair_text(const describe *d, const history *h, char *buf, size_t n);

#endif
