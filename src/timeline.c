/* timeline.c: `dyad timeline A B`, the history of a pair on a terminal
 * (dyad_timeline_write), and the parts the report shares (timeline.h).
 *
 * Output: a heading line
 *   Vietnam (VNM) – Kazakhstan (KAZ): 5 events (9 reports), 2 figures, 1 agreement; 8 articles
 * then one line per item, by date (undated last), in three columns: the
 * date, the item in words, and for events the CAMEO code and the number
 * of articles reporting it:
 *   2023-08-20/22  Kazakhstan (Kassym-Jomart Tokayev) makes a visit to Vietnam  042  3 sources
 *   2023 H1        trade VNM–KAZ: 600 million USD (2023 H1)                           1 source
 *   2024-05-02     agreement signed: un mémorandum d'entente ...                      2 sources
 * The text column is padded to the widest text (at most 80 characters).
 * With DYAD_OPT_COLOR the date and counts are dim, the code takes the
 * colour of its QuadClass (green cooperation, yellow and red conflict),
 * figures are cyan and agreements magenta.  Control characters stored in
 * the database are written as spaces: the store's text never drives the
 * terminal.
 */
#include "timeline.h"
#include "err.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TIMELINE_TEXT_MAX 80

/* ---- Shared with report.c ------------------------------------------ */

static int timeline_code_ok(const char *s) {
  size_t n = strlen(s);
  if (n < 2 || n > 8) return 0;
  for (size_t i = 0; i < n; i++)
    if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')))
      return 0;
  return 1;
}

int timeline_open(const char *db_path, const char *a, const char *b, const char *data_dir,
                  describe **d, history **h, dyad_err *err) {
  *d = NULL;
  *h = NULL;
  char up[2][16];
  const char *codes[2] = {a, b};
  for (int k = 0; k < 2; k++) {
    if (!codes[k] || !timeline_code_ok(codes[k]))
      return err_set(err, DYAD_EUSAGE, "", 0, 0, "'%s' is not a country code (ISO 3166-1 alpha-3, such as VNM)",
                     codes[k] ? codes[k] : "");
    size_t i = 0;
    for (; codes[k][i]; i++)
      up[k][i] = (codes[k][i] >= 'a' && codes[k][i] <= 'z') ? (char)(codes[k][i] - 32) : codes[k][i];
    up[k][i] = 0;
  }
  if (!strcmp(up[0], up[1]))
    return err_set(err, DYAD_EUSAGE, "", 0, 0, "a pair needs two different countries (%s twice)", up[0]);
  describe *words = describe_load(data_dir, err);
  if (!words) {
    if (err) err->code = DYAD_EDATA;
    return DYAD_EDATA;
  }
  for (int k = 0; k < 2; k++)
    if (!describe_country(words, up[k])) {
      describe_free(words);
      return err_set(err, DYAD_EUSAGE, "", 0, 0, "unknown country code '%s' (ISO 3166-1 alpha-3, such as VNM)",
                     codes[k]);
    }
  int rc = history_load(db_path, up[0], up[1], describe_cameo(words), h, err);
  if (rc) {
    describe_free(words);
    return rc;
  }
  *d = words;
  return 0;
}

const char *timeline_name(const describe *d, const char *code) {
  const char *s = describe_country(d, code);
  return s ? s : code;
}

size_t timeline_event_text(const describe *d, const hist_event *e, char *buf, size_t n) {
  char subject[256], object[256];
  const char *sn = timeline_name(d, e->source), *tn = timeline_name(d, e->target);
  if (e->source_name && *e->source_name) snprintf(subject, sizeof subject, "%s (%s)", sn, e->source_name);
  else snprintf(subject, sizeof subject, "%s", sn);
  if (e->target_name && *e->target_name) snprintf(object, sizeof object, "%s (%s)", tn, e->target_name);
  else snprintf(object, sizeof object, "%s", tn);
  const cameo_code *c = cameo_find(describe_cameo(d), e->cameo);
  return describe_phrase(c ? c->name : NULL, subject, object, buf, n);
}

size_t timeline_figure_text(const hist_figure *f, char *buf, size_t n) {
  char value[40], period[40] = "";
  describe_value(f->value, value);
  if (f->first <= f->last) snprintf(period, sizeof period, " (%s)", describe_period(f->first, f->last, (char[40]){0}));
  const char *kind = f->kind && !strcmp(f->kind, "target") ? "target "
                     : f->kind && !strcmp(f->kind, "average") ? "average " : "";
  int k = snprintf(buf, n, "%s %s\xE2\x80\x93%s: %s%s %s%s", f->indicator ? f->indicator : "figure",
                   f->party1, f->party2, kind, value, f->unit ? f->unit : "", period);
  return k < 0 ? 0 : (size_t)k;
}

size_t timeline_agreement_text(const hist_agreement *a, char *buf, size_t n) {
  int k = snprintf(buf, n, "agreement signed: %s", a->title ? a->title : "");
  return k < 0 ? 0 : (size_t)k;
}

long timeline_docs(const hist_source *src, size_t n) {
  long docs = 0;
  for (size_t i = 0; i < n; i++) {
    size_t j = 0;
    while (j < i && strcmp(src[j].doc, src[i].doc)) j++;
    if (j == i) docs++;
  }
  return docs;
}

size_t timeline_pair_text(const describe *d, const history *h, char *buf, size_t n) {
  int k = snprintf(buf, n, "%s (%s) \xE2\x80\x93 %s (%s)", timeline_name(d, h->a), h->a,
                   timeline_name(d, h->b), h->b);
  return k < 0 ? 0 : (size_t)k;
}

/* ---- Terminal output ------------------------------------------------ */

/* Characters (code points) of a UTF-8 string. */
static size_t tl_width(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    if (((unsigned char)*s & 0xC0) != 0x80) n++;
  return n;
}

/* s with C0 and C1 control characters and DEL written as spaces. */
static void tl_put(FILE *out, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p < 0x20 || *p == 0x7F) fputc(' ', out);
    else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) fputc(' ', out), p++;
    else fputc(*p, out);
  }
}

static void tl_pad(FILE *out, size_t have, size_t want) {
  for (; have < want; have++) fputc(' ', out);
}

static const char *tl_quad_colour(int quad) {
  switch (quad) {
  case 1: return "\033[32m";
  case 2: return "\033[1;32m";
  case 3: return "\033[33m";
  case 4: return "\033[1;31m";
  default: return "";
  }
}

typedef struct tl_line {
  char date[40];
  char text[1024];
  const char *code;   /* events only */
  int quad;
  long sources;
  int kind;
} tl_line;

static void tl_fill(const describe *d, const history *h, const hist_item *it, tl_line *l) {
  memset(l, 0, sizeof *l);
  l->kind = it->kind;
  if (it->kind == HIST_EVENT) {
    const hist_event *e = &h->events[it->index];
    describe_date(e->first, e->last, l->date);
    timeline_event_text(d, e, l->text, sizeof l->text);
    l->code = e->cameo;
    l->quad = e->quad;
    l->sources = e->nsources;
  } else if (it->kind == HIST_FIGURE) {
    const hist_figure *f = &h->figures[it->index];
    describe_period(f->first, f->last, l->date);
    timeline_figure_text(f, l->text, sizeof l->text);
    l->sources = f->nsources;
  } else {
    const hist_agreement *a = &h->agreements[it->index];
    describe_date(a->first, a->last, l->date);
    timeline_agreement_text(a, l->text, sizeof l->text);
    l->sources = timeline_docs(a->src, a->nsrc);
  }
}

int dyad_timeline_write(const char *db_path, const char *a, const char *b, const char *data_dir,
                        FILE *out, unsigned opts, dyad_err *err) {
  describe *d;
  history *h;
  int rc = timeline_open(db_path, a, b, data_dir, &d, &h, err);
  if (rc) return rc;
  if (h->nitems == 0) {
    history_free(h);
    describe_free(d);
    return 0;
  }
  int colour = (opts & DYAD_OPT_COLOR) != 0;
  const char *dim = colour ? "\033[2m" : "", *bold = colour ? "\033[1m" : "", *reset = colour ? "\033[0m" : "";
  tl_line *lines = xcalloc(h->nitems, sizeof *lines);
  size_t datew = 0, textw = 0;
  for (size_t i = 0; i < h->nitems; i++) {
    tl_fill(d, h, &h->items[i], &lines[i]);
    size_t dw = tl_width(lines[i].date), tw = tl_width(lines[i].text);
    if (dw > datew) datew = dw;
    if (tw > textw) textw = tw;
  }
  if (textw > TIMELINE_TEXT_MAX) textw = TIMELINE_TEXT_MAX;
  char pair[256];
  timeline_pair_text(d, h, pair, sizeof pair);
  fprintf(out, "%s", bold);
  tl_put(out, pair);
  fprintf(out, "%s: %zu event%s (%zu report%s), %zu figure%s, %zu agreement%s; %zu article%s\n", reset,
          h->nevents, h->nevents == 1 ? "" : "s", h->nreports, h->nreports == 1 ? "" : "s", h->nfigures,
          h->nfigures == 1 ? "" : "s", h->nagreements, h->nagreements == 1 ? "" : "s", h->ndocs,
          h->ndocs == 1 ? "" : "s");
  for (size_t i = 0; i < h->nitems; i++) {
    const tl_line *l = &lines[i];
    fprintf(out, "%s%s%s", dim, l->date, reset);
    tl_pad(out, tl_width(l->date), datew);
    fputs("  ", out);
    const char *tc = l->kind == HIST_FIGURE && colour ? "\033[36m" : l->kind == HIST_AGREEMENT && colour ? "\033[35m" : "";
    fputs(tc, out);
    tl_put(out, l->text);
    fputs(*tc ? reset : "", out);
    tl_pad(out, tl_width(l->text), textw);
    if (l->code) fprintf(out, "  %s%-4s%s", colour ? tl_quad_colour(l->quad) : "", l->code, *tl_quad_colour(l->quad) && colour ? reset : "");
    else fputs("      ", out);
    fprintf(out, "  %s%ld source%s%s\n", dim, l->sources, l->sources == 1 ? "" : "s", reset);
  }
  free(lines);
  size_t n = h->nitems;
  history_free(h);
  describe_free(d);
  if (ferror(out)) return err_set(err, DYAD_EIO, "", 0, 0, "error writing the timeline");
  return (int)n;
}
