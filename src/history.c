/* history.c: reading a pair's history from the store (see history.h).
 *
 * The database is opened read-only (SQLITE_OPEN_READONLY) with a busy
 * timeout, so that a `dyad load` running at the same time only delays
 * us; the schema is docs/store.md's, version 1 (PRAGMA user_version).
 * Four reads, each one statement bound to the pair in either order:
 *   1. event clusters, then their member events joined with their
 *      articles and actors, ordered by cluster so that members come
 *      together (an event without a cluster becomes a cluster of its own);
 *   2. figure clusters and their member figures, likewise;
 *   3. agreements, grouped here: same title (ASCII case ignored), same
 *      parties and dates that overlap (widened by a day) or both absent;
 *   4. the items of all three, sorted by date.
 * Every string is copied into the history's arena before the statement
 * moves on.
 */
#include "history.h"
#include "err.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define HISTORY_SCHEMA 1
#define HISTORY_BUSY_MS 10000

typedef struct hist_loader {
  sqlite3 *db;
  const char *path;
  history *h;
  dyad_err *err;
} hist_loader;

static int hist_sqlerr(hist_loader *L, const char *doing) {
  return err_set(L->err, DYAD_EIO, L->path, 0, 0, "%s: %s", doing, sqlite3_errmsg(L->db));
}

static const char *hist_text(hist_loader *L, sqlite3_stmt *st, int col) {
  const unsigned char *s = sqlite3_column_text(st, col);
  if (!s) return NULL;
  return arena_strndup(&L->h->mem, (const char *)s, (size_t)sqlite3_column_bytes(st, col));
}

static const char *hist_text0(hist_loader *L, sqlite3_stmt *st, int col) {
  const char *s = hist_text(L, st, col);
  return s ? s : "";
}

/* A source's document and place (doc, url, published, sentence, span),
 * read from the six columns from col on. */
static void hist_source_where(hist_loader *L, sqlite3_stmt *st, int col, hist_source *s) {
  s->doc = hist_text0(L, st, col);
  s->url = hist_text(L, st, col + 1);
  s->published = hist_text(L, st, col + 2);
  s->sentence = hist_text0(L, st, col + 3);
  s->span_start = (long)sqlite3_column_int64(st, col + 4);
  s->span_end = (long)sqlite3_column_int64(st, col + 5);
}

static void hist_code(sqlite3_stmt *st, int col, char *out, size_t n) {
  const unsigned char *s = sqlite3_column_text(st, col);
  snprintf(out, n, "%s", s ? (const char *)s : "");
}

/* first and last from two columns; both NULL (or reversed): undated. */
static void hist_dates(sqlite3_stmt *st, int col, int32_t *first, int32_t *last) {
  if (sqlite3_column_type(st, col) == SQLITE_NULL || sqlite3_column_type(st, col + 1) == SQLITE_NULL) {
    *first = 1;
    *last = 0;
    return;
  }
  *first = (int32_t)sqlite3_column_int64(st, col);
  *last = (int32_t)sqlite3_column_int64(st, col + 1);
}

static int hist_prepare(hist_loader *L, const char *sql, sqlite3_stmt **st, const char *doing) {
  if (sqlite3_prepare_v2(L->db, sql, -1, st, NULL) != SQLITE_OK) return hist_sqlerr(L, doing);
  sqlite3_bind_text(*st, 1, L->h->a, -1, SQLITE_STATIC);
  sqlite3_bind_text(*st, 2, L->h->b, -1, SQLITE_STATIC);
  return 0;
}

/* Grow *arr (arena) to hold one more element; returns its index. */
static size_t hist_push(arena *a, void **arr, size_t *n, size_t *cap, size_t size) {
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 16;
    *arr = arena_grow(a, *arr, *n, nc, size);
    *cap = nc;
  }
  memset((char *)*arr + *n * size, 0, size);
  return (*n)++;
}

/* The most frequent non-empty name among the members (first on ties). */
static const char *hist_top_name(const hist_source *src, size_t n, int target) {
  const char *best = "";
  size_t best_n = 0;
  for (size_t i = 0; i < n; i++) {
    const char *s = target ? src[i].target_name : src[i].source_name;
    if (!s || !*s) continue;
    size_t c = 0;
    for (size_t j = 0; j < n; j++) {
      const char *t = target ? src[j].target_name : src[j].source_name;
      if (t && !strcmp(s, t)) c++;
    }
    if (c > best_n) best = s, best_n = c;
  }
  return best;
}

static long hist_distinct_docs(const hist_source *src, size_t n) {
  long c = 0;
  for (size_t i = 0; i < n; i++) {
    size_t j = 0;
    while (j < i && strcmp(src[j].doc, src[i].doc)) j++;
    if (j == i) c++;
  }
  return c;
}

/* ---- 1. Events ------------------------------------------------------ */

static const char SQL_EVENT_CLUSTERS[] =
    "SELECT id, source, target, cameo, first, last, nsources FROM clusters "
    "WHERE kind = 'event' AND ((source = ?1 AND target = ?2) OR (source = ?2 AND target = ?1)) "
    "ORDER BY id";

static const char SQL_EVENTS[] =
    "SELECT e.cluster, d.ext_id, d.url, d.published, e.sentence, e.span_start, e.span_end, "
    "e.cameo, e.date, sa.name, ta.name, e.source_country, e.target_country, "
    "e.first, e.last, e.quad_class, e.goldstein "
    "FROM events e JOIN docs d ON d.id = e.doc "
    "JOIN actors sa ON sa.id = e.source JOIN actors ta ON ta.id = e.target "
    "WHERE (e.source_country = ?1 AND e.target_country = ?2) "
    "OR (e.source_country = ?2 AND e.target_country = ?1) "
    "ORDER BY e.cluster, d.published, d.ext_id, e.seq";

static int hist_event_cmp_id(const void *key, const void *x) {
  long k = *(const long *)key, id = ((const hist_event *)x)->id;
  return k < id ? -1 : k > id;
}

static int hist_events(hist_loader *L, const cameo_table *cameo) {
  history *h = L->h;
  sqlite3_stmt *st = NULL;
  size_t cap = 0;
  if (hist_prepare(L, SQL_EVENT_CLUSTERS, &st, "reading event clusters")) return L->err->code;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    size_t i = hist_push(&h->mem, (void **)&h->events, &h->nevents, &cap, sizeof *h->events);
    hist_event *e = &h->events[i];
    e->id = (long)sqlite3_column_int64(st, 0);
    hist_code(st, 1, e->source, sizeof e->source);
    hist_code(st, 2, e->target, sizeof e->target);
    hist_code(st, 3, e->cameo, sizeof e->cameo);
    hist_dates(st, 4, &e->first, &e->last);
    e->nsources = (long)sqlite3_column_int64(st, 6);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return hist_sqlerr(L, "reading event clusters");
  size_t nclusters = h->nevents;

  /* members: rows of one cluster come together */
  hist_source *src = NULL;
  size_t nsrc = 0, srccap = 0;
  size_t *owner = NULL; /* event index of each source (malloc'd) */
  size_t ownercap = 0;
  if (hist_prepare(L, SQL_EVENTS, &st, "reading events")) return L->err->code;
  long prev_cluster = -1;
  size_t cur = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    long cid = sqlite3_column_type(st, 0) == SQLITE_NULL ? 0 : (long)sqlite3_column_int64(st, 0);
    if (cid == 0 || cid != prev_cluster) {
      hist_event *found = cid ? bsearch(&cid, h->events, nclusters, sizeof *h->events, hist_event_cmp_id) : NULL;
      if (found) {
        cur = (size_t)(found - h->events);
      } else { /* no cluster (or a dangling one): the report is its own */
        cur = hist_push(&h->mem, (void **)&h->events, &h->nevents, &cap, sizeof *h->events);
        hist_event *e = &h->events[cur];
        hist_code(st, 11, e->source, sizeof e->source);
        hist_code(st, 12, e->target, sizeof e->target);
        hist_code(st, 7, e->cameo, sizeof e->cameo);
        hist_dates(st, 13, &e->first, &e->last);
      }
      prev_cluster = cid;
    }
    size_t k = hist_push(&h->mem, (void **)&src, &nsrc, &srccap, sizeof *src);
    if (k >= ownercap) {
      ownercap = ownercap ? ownercap * 2 : 64;
      owner = xrealloc(owner, ownercap * sizeof *owner);
    }
    owner[k] = cur;
    hist_source *s = &src[k];
    hist_source_where(L, st, 1, s);
    s->cameo = hist_text0(L, st, 7);
    s->date = hist_text(L, st, 8);
    s->source_name = hist_text0(L, st, 9);
    s->target_name = hist_text0(L, st, 10);
    hist_event *e = &h->events[cur];
    if (!e->quad && sqlite3_column_type(st, 15) != SQLITE_NULL) { /* fallback, see below */
      e->quad = sqlite3_column_int(st, 15);
      e->goldstein = sqlite3_column_double(st, 16);
    }
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    free(owner);
    return hist_sqlerr(L, "reading events");
  }
  h->nreports = nsrc;
  /* slices: the sources of each event are contiguous */
  for (size_t k = 0; k < nsrc; k++) {
    hist_event *e = &h->events[owner[k]];
    if (!e->src) e->src = &src[k];
    e->nsrc++;
  }
  free(owner);
  /* clusters without a report in the pair (the store deletes them) are
   * left out: there is nothing to quote */
  size_t w = 0;
  for (size_t i = 0; i < h->nevents; i++)
    if (h->events[i].nsrc) h->events[w++] = h->events[i];
  h->nevents = w;
  for (size_t i = 0; i < h->nevents; i++) {
    hist_event *e = &h->events[i];
    if (!e->cameo[0] && e->nsrc) snprintf(e->cameo, sizeof e->cameo, "%s", e->src[0].cameo);
    const cameo_code *c = cameo_find(cameo, e->cameo);
    if (c) {
      e->quad = c->quad;
      e->goldstein = c->goldstein;
    }
    e->source_name = hist_top_name(e->src, e->nsrc, 0);
    e->target_name = hist_top_name(e->src, e->nsrc, 1);
    if (e->nsources <= 0) e->nsources = hist_distinct_docs(e->src, e->nsrc);
  }
  return 0;
}

/* ---- 2. Figures ----------------------------------------------------- */

static const char SQL_FIGURE_CLUSTERS[] =
    "SELECT id, first, last, nsources FROM clusters "
    "WHERE kind = 'figure' AND ((source = ?1 AND target = ?2) OR (source = ?2 AND target = ?1)) "
    "ORDER BY id";

static const char SQL_FIGURES[] =
    "SELECT f.cluster, d.ext_id, d.url, d.published, f.sentence, f.span_start, f.span_end, "
    "f.period, f.indicator, f.unit, f.kind, f.value, f.party1, f.party2, f.first, f.last "
    "FROM figures f JOIN docs d ON d.id = f.doc "
    "WHERE (f.party1 = ?1 AND f.party2 = ?2) OR (f.party1 = ?2 AND f.party2 = ?1) "
    "ORDER BY f.cluster, d.published, d.ext_id, f.seq";

static int hist_figure_cmp_id(const void *key, const void *x) {
  long k = *(const long *)key, id = ((const hist_figure *)x)->id;
  return k < id ? -1 : k > id;
}

static int hist_figures(hist_loader *L) {
  history *h = L->h;
  sqlite3_stmt *st = NULL;
  size_t cap = 0;
  if (hist_prepare(L, SQL_FIGURE_CLUSTERS, &st, "reading figure clusters")) return L->err->code;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    size_t i = hist_push(&h->mem, (void **)&h->figures, &h->nfigures, &cap, sizeof *h->figures);
    hist_figure *f = &h->figures[i];
    f->id = (long)sqlite3_column_int64(st, 0);
    hist_dates(st, 1, &f->first, &f->last);
    f->nsources = (long)sqlite3_column_int64(st, 3);
    f->value = -1;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return hist_sqlerr(L, "reading figure clusters");
  size_t nclusters = h->nfigures;
  if (hist_prepare(L, SQL_FIGURES, &st, "reading figures")) return L->err->code;
  long prev_cluster = -1;
  size_t cur = 0;
  int64_t cur_width = -1; /* narrowest member period of the current figure */
  size_t *owner = NULL, ownercap = 0;
  hist_source *src = NULL;
  size_t nsrc = 0, srccap = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    long cid = sqlite3_column_type(st, 0) == SQLITE_NULL ? 0 : (long)sqlite3_column_int64(st, 0);
    if (cid == 0 || cid != prev_cluster) {
      hist_figure *found = cid ? bsearch(&cid, h->figures, nclusters, sizeof *h->figures, hist_figure_cmp_id) : NULL;
      if (found) {
        cur = (size_t)(found - h->figures);
      } else {
        cur = hist_push(&h->mem, (void **)&h->figures, &h->nfigures, &cap, sizeof *h->figures);
        h->figures[cur].first = 1;
        h->figures[cur].last = 0;
      }
      prev_cluster = cid;
      cur_width = -1;
    }
    size_t k = hist_push(&h->mem, (void **)&src, &nsrc, &srccap, sizeof *src);
    if (k >= ownercap) {
      ownercap = ownercap ? ownercap * 2 : 64;
      owner = xrealloc(owner, ownercap * sizeof *owner);
    }
    owner[k] = cur;
    hist_source *s = &src[k];
    hist_source_where(L, st, 1, s);
    s->date = hist_text(L, st, 7);
    s->source_name = s->target_name = "";
    /* the representative: the member with the narrowest period */
    int32_t first, last;
    hist_dates(st, 14, &first, &last);
    int64_t width = first <= last ? (int64_t)last - first : INT64_MAX;
    hist_figure *f = &h->figures[cur];
    if (!f->indicator || (cur_width >= 0 && width < cur_width)) {
      f->indicator = hist_text0(L, st, 8);
      f->unit = hist_text0(L, st, 9);
      f->kind = hist_text0(L, st, 10);
      f->value = sqlite3_column_double(st, 11);
      hist_code(st, 12, f->party1, sizeof f->party1);
      hist_code(st, 13, f->party2, sizeof f->party2);
      if (cur >= nclusters) f->first = first, f->last = last; /* a cluster's own date is its narrowest */
      cur_width = width;
    }
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    free(owner);
    return hist_sqlerr(L, "reading figures");
  }
  for (size_t k = 0; k < nsrc; k++) {
    hist_figure *f = &h->figures[owner[k]];
    if (!f->src) f->src = &src[k];
    f->nsrc++;
  }
  free(owner);
  /* clusters without a report in the pair are left out, as for events */
  size_t w = 0;
  for (size_t i = 0; i < h->nfigures; i++) {
    hist_figure *f = &h->figures[i];
    if (!f->nsrc) continue;
    if (f->nsources <= 0) f->nsources = hist_distinct_docs(f->src, f->nsrc);
    h->figures[w++] = *f;
  }
  h->nfigures = w;
  return 0;
}

/* ---- 3. Agreements -------------------------------------------------- */

static const char SQL_AGREEMENTS[] =
    "SELECT d.ext_id, d.url, d.published, a.sentence, a.span_start, a.span_end, a.date, "
    "a.title, a.party1, a.party2, a.first, a.last "
    "FROM agreements a JOIN docs d ON d.id = a.doc "
    "WHERE (a.party1 = ?1 AND a.party2 = ?2) OR (a.party1 = ?2 AND a.party2 = ?1) "
    "ORDER BY a.first IS NULL, a.first, a.last, d.published, d.ext_id, a.seq";

static int hist_same_agreement(const hist_agreement *g, const char *title, int32_t first, int32_t last) {
  if (strcasecmp(g->title, title)) return 0;
  int gd = g->first <= g->last, d = first <= last;
  if (!gd && !d) return 1;
  if (gd != d) return 0;
  return (int64_t)first <= (int64_t)g->last + 1 && (int64_t)g->first <= (int64_t)last + 1;
}

static int hist_agreements(hist_loader *L) {
  history *h = L->h;
  sqlite3_stmt *st = NULL;
  if (hist_prepare(L, SQL_AGREEMENTS, &st, "reading agreements")) return L->err->code;
  hist_source *src = NULL;
  size_t nsrc = 0, srccap = 0, cap = 0;
  size_t *owner = NULL, ownercap = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *title = hist_text0(L, st, 7);
    int32_t first, last;
    hist_dates(st, 10, &first, &last);
    size_t g = 0;
    while (g < h->nagreements && !hist_same_agreement(&h->agreements[g], title, first, last)) g++;
    if (g == h->nagreements) {
      g = hist_push(&h->mem, (void **)&h->agreements, &h->nagreements, &cap, sizeof *h->agreements);
      hist_agreement *a = &h->agreements[g];
      a->title = title;
      hist_code(st, 8, a->party1, sizeof a->party1);
      hist_code(st, 9, a->party2, sizeof a->party2);
      a->first = first;
      a->last = last;
    } else {
      hist_agreement *a = &h->agreements[g];
      if (first <= last && (int64_t)last - first < (int64_t)a->last - a->first) a->first = first, a->last = last;
    }
    size_t k = hist_push(&h->mem, (void **)&src, &nsrc, &srccap, sizeof *src);
    if (k >= ownercap) {
      ownercap = ownercap ? ownercap * 2 : 64;
      owner = xrealloc(owner, ownercap * sizeof *owner);
    }
    owner[k] = g;
    hist_source *s = &src[k];
    hist_source_where(L, st, 0, s);
    s->date = hist_text(L, st, 6);
    s->source_name = s->target_name = "";
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    free(owner);
    return hist_sqlerr(L, "reading agreements");
  }
  /* the reports of a group are not contiguous: copy them into slices */
  hist_source *sorted = arena_calloc(&h->mem, nsrc ? nsrc : 1, sizeof *sorted);
  size_t at = 0;
  for (size_t g = 0; g < h->nagreements; g++) {
    hist_agreement *a = &h->agreements[g];
    a->src = &sorted[at];
    for (size_t k = 0; k < nsrc; k++)
      if (owner[k] == g) sorted[at++] = src[k], a->nsrc++;
  }
  free(owner);
  return 0;
}

/* ---- 4. Items ------------------------------------------------------- */

static int hist_item_cmp(const void *x, const void *y) {
  const hist_item *a = x, *b = y;
  int ad = a->first <= a->last, bd = b->first <= b->last;
  if (ad != bd) return ad ? -1 : 1;
  if (ad) {
    if (a->first != b->first) return a->first < b->first ? -1 : 1;
    if (a->last != b->last) return a->last < b->last ? -1 : 1;
  }
  if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

static int hist_str_cmp(const void *x, const void *y) {
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void hist_items(history *h) {
  size_t n = h->nevents + h->nfigures + h->nagreements, k = 0;
  h->items = arena_calloc(&h->mem, n ? n : 1, sizeof *h->items);
  for (size_t i = 0; i < h->nevents; i++)
    h->items[k++] = (hist_item){HIST_EVENT, i, h->events[i].first, h->events[i].last};
  for (size_t i = 0; i < h->nfigures; i++)
    h->items[k++] = (hist_item){HIST_FIGURE, i, h->figures[i].first, h->figures[i].last};
  for (size_t i = 0; i < h->nagreements; i++)
    h->items[k++] = (hist_item){HIST_AGREEMENT, i, h->agreements[i].first, h->agreements[i].last};
  h->nitems = n;
  qsort(h->items, n, sizeof *h->items, hist_item_cmp);
  /* distinct articles */
  size_t nd = 0;
  for (size_t i = 0; i < h->nevents; i++) nd += h->events[i].nsrc;
  for (size_t i = 0; i < h->nfigures; i++) nd += h->figures[i].nsrc;
  for (size_t i = 0; i < h->nagreements; i++) nd += h->agreements[i].nsrc;
  const char **docs = xmalloc((nd ? nd : 1) * sizeof *docs);
  k = 0;
  for (size_t i = 0; i < h->nevents; i++)
    for (size_t j = 0; j < h->events[i].nsrc; j++) docs[k++] = h->events[i].src[j].doc;
  for (size_t i = 0; i < h->nfigures; i++)
    for (size_t j = 0; j < h->figures[i].nsrc; j++) docs[k++] = h->figures[i].src[j].doc;
  for (size_t i = 0; i < h->nagreements; i++)
    for (size_t j = 0; j < h->agreements[i].nsrc; j++) docs[k++] = h->agreements[i].src[j].doc;
  qsort(docs, nd, sizeof *docs, hist_str_cmp);
  h->ndocs = 0;
  for (size_t i = 0; i < nd; i++)
    if (i == 0 || strcmp(docs[i], docs[i - 1])) h->ndocs++;
  free(docs);
}

/* ---- Opening -------------------------------------------------------- */

static void hist_upper(const char *s, char *out, size_t n) {
  size_t i = 0;
  for (; s && s[i] && i + 1 < n; i++) out[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
  out[i] = 0;
}

int history_load(const char *db_path, const char *a, const char *b, const cameo_table *cameo,
                 history **out, dyad_err *err) {
  *out = NULL;
  struct stat sb;
  if (stat(db_path, &sb) != 0 || !S_ISREG(sb.st_mode))
    return err_set(err, DYAD_EIO, db_path, 0, 0, "no such database (run dyad load first)");
  history *h = xcalloc(1, sizeof *h);
  arena_init(&h->mem);
  hist_upper(a, h->a, sizeof h->a);
  hist_upper(b, h->b, sizeof h->b);
  hist_loader L = {NULL, db_path, h, err};
  int rc = 0;
  if (sqlite3_open_v2(db_path, &L.db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    rc = err_set(err, DYAD_EIO, db_path, 0, 0, "cannot open the database: %s",
                 L.db ? sqlite3_errmsg(L.db) : "out of memory");
    goto done;
  }
  sqlite3_busy_timeout(L.db, HISTORY_BUSY_MS);
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(L.db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK ||
      sqlite3_step(st) != SQLITE_ROW) {
    sqlite3_finalize(st);
    rc = hist_sqlerr(&L, "reading the schema version");
    goto done;
  }
  int version = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  if (version == 0) {
    rc = err_set(err, DYAD_EIO, db_path, 0, 0, "empty database (run dyad load first)");
    goto done;
  }
  if (version != HISTORY_SCHEMA) {
    rc = err_set(err, DYAD_EIO, db_path, 0, 0,
                 "schema version %d, this dyad reads version %d (docs/store.md)", version, HISTORY_SCHEMA);
    goto done;
  }
  /* one read transaction: a load running meanwhile commits between the
     three queries otherwise, and an article would show its events but
     not yet its figures */
  if (sqlite3_exec(L.db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
    rc = hist_sqlerr(&L, "starting to read");
    goto done;
  }
  if ((rc = hist_events(&L, cameo)) || (rc = hist_figures(&L)) || (rc = hist_agreements(&L))) goto done;
  sqlite3_exec(L.db, "COMMIT", NULL, NULL, NULL);
  hist_items(h);
done:
  sqlite3_close(L.db);
  if (rc) {
    history_free(h);
    return rc;
  }
  *out = h;
  return 0;
}

void history_free(history *h) {
  if (!h) return;
  arena_free(&h->mem);
  free(h);
}
