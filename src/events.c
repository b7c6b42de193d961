/* events.c: the merged events of the store, listed (dyad events).
 *
 * dyad_events_write reads the event clusters of a store (store.h), one
 * line per cluster in date order (undated last), filtered by a
 * dyad_events_query:
 *   pair A,B   the cluster's two states are A and B, in either order
 *   actor A    A is either state
 *   code P     the cluster's CAMEO code starts with P (1 to 4 digits)
 *   from D     the cluster's interval ends on or after D's first day
 *   to D       ... and starts on or before D's last day (D: YYYY,
 *              YYYY-MM or YYYY-MM-DD; undated clusters never match)
 * Formats: a table (id, date, states, code, number of articles and a
 * description: the CAMEO name and the persons), JSON lines, or CSV under
 * the GDELT 2.0 event table's column names where the meaning is the same
 * (EVENTS_CSV_HEADER; README.md, "Store").  Each cluster's actor codes,
 * place name and URL are those of its first report.
 */
#include "store.h"
#include "cameo.h"
#include "ctx.h"
#include "dates.h"
#include "dict.h"
#include "doc.h"
#include "err.h"
#include "json.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define EVENTS_CSV_HEADER                                                                            \
  "GLOBALEVENTID,SQLDATE,MonthYear,Year,FractionDate,Actor1Code,Actor1Name,Actor1CountryCode,"       \
  "Actor2Code,Actor2Name,Actor2CountryCode,EventCode,EventBaseCode,EventRootCode,QuadClass,"        \
  "GoldsteinScale,NumMentions,NumSources,NumArticles,ActionGeo_FullName,ActionGeo_CountryCode,"     \
  "DATEADDED,SOURCEURL,DyadDate\n"

/* The clusters, filtered by the clauses events_sql adds. */
#define EVENTS_SELECT                                                                               \
  "SELECT c.id, c.date, c.first, c.last, c.source, c.target, c.source_name, c.target_name, "       \
  "c.cameo, c.root, c.place, c.nsources, (SELECT count(*) FROM events e WHERE e.cluster = c.id) " \
  "FROM clusters c WHERE c.kind = 'event'"

/* The first report of a cluster: its actors, document and place. */
#define EVENTS_FIRST                                                                                \
  "SELECT sa.code, ta.code, e.source_country, d.url, d.ext_id, d.loaded_at, "                      \
  "(SELECT l.location FROM events l WHERE l.cluster = e.cluster AND l.location IS NOT NULL "       \
  "AND l.location_country IS ?2 ORDER BY l.id LIMIT 1) "                                           \
  "FROM events e JOIN actors sa ON sa.id = e.source JOIN actors ta ON ta.id = e.target "           \
  "JOIN docs d ON d.id = e.doc WHERE e.cluster = ?1 ORDER BY e.id LIMIT 1"

/* The documents of a cluster, in the order they joined it. */
#define EVENTS_DOCS                                                                                 \
  "SELECT d.ext_id FROM events e JOIN docs d ON d.id = e.doc WHERE e.cluster = ?1 "                \
  "GROUP BY d.id ORDER BY min(e.id)"

enum { EV_ID, EV_DATE, EV_FIRST, EV_LAST, EV_SOURCE, EV_TARGET, EV_SNAME, EV_TNAME, EV_CAMEO,
       EV_ROOT, EV_PLACE, EV_NSOURCES, EV_NMENTIONS };

/* A state or organisation code of the query, upper-cased into buf. */
static int events_code_arg(const char *what, const char *s, char buf[DOC_CODE_MAX], dyad_err *err) {
  size_t n = strlen(s);
  if (n < 2 || n >= DOC_CODE_MAX) goto bad;
  for (size_t i = 0; i < n; i++) {
    if (!isalnum((unsigned char)s[i])) goto bad;
    buf[i] = (char)toupper((unsigned char)s[i]);
  }
  buf[n] = 0;
  return 0;
bad:
  return err_set(err, DYAD_EUSAGE, NULL, 0, 0, "%s '%s' is not a state or organisation code (KAZ, VNM, ECOWAS)",
                 what, s);
}

static int events_date_arg(const char *what, const char *s, int32_t *first, int32_t *last, dyad_err *err) {
  if (dict_parse_period(s, strlen(s), first, last))
    return err_set(err, DYAD_EUSAGE, NULL, 0, 0, "%s date '%s' is not YYYY, YYYY-MM or YYYY-MM-DD", what, s);
  return 0;
}

typedef struct events_filter {
  char pair[2][DOC_CODE_MAX], actor[DOC_CODE_MAX], code[8];
  int has_pair, has_actor, has_code, has_from, has_to;
  int32_t from, to;
} events_filter;

static int events_filter_of(const dyad_events_query *q, events_filter *f, dyad_err *err) {
  memset(f, 0, sizeof *f);
  if (!q) return 0;
  int32_t a, b;
  if (q->pair[0] || q->pair[1]) {
    if (!q->pair[0] || !q->pair[1])
      return err_set(err, DYAD_EUSAGE, NULL, 0, 0, "a pair needs two states (VNM,KAZ)");
    if (events_code_arg("pair", q->pair[0], f->pair[0], err) || events_code_arg("pair", q->pair[1], f->pair[1], err))
      return DYAD_EUSAGE;
    f->has_pair = 1;
  }
  if (q->actor) {
    if (events_code_arg("actor", q->actor, f->actor, err)) return DYAD_EUSAGE;
    f->has_actor = 1;
  }
  if (q->code) {
    size_t n = strlen(q->code);
    int ok = n >= 1 && n <= 4;
    for (size_t i = 0; ok && i < n; i++) ok = q->code[i] >= '0' && q->code[i] <= '9';
    if (!ok)
      return err_set(err, DYAD_EUSAGE, NULL, 0, 0, "code '%s' is not a CAMEO code or prefix (1 to 4 digits)",
                     q->code);
    memcpy(f->code, q->code, n + 1);
    f->has_code = 1;
  }
  if (q->from) {
    if (events_date_arg("from", q->from, &a, &b, err)) return DYAD_EUSAGE;
    f->from = a;
    f->has_from = 1;
  }
  if (q->to) {
    if (events_date_arg("to", q->to, &a, &b, err)) return DYAD_EUSAGE;
    f->to = b;
    f->has_to = 1;
  }
  return 0;
}

/* The query's SQL into buf (>= 1024 bytes). */
static void events_sql(const events_filter *f, char *buf, size_t n) {
  size_t k = (size_t)snprintf(buf, n, "%s", EVENTS_SELECT);
  if (f->has_pair)
    k += (size_t)snprintf(buf + k, n - k,
                          " AND ((c.source = :p1 AND c.target = :p2) OR (c.source = :p2 AND c.target = :p1))");
  if (f->has_actor) k += (size_t)snprintf(buf + k, n - k, " AND (c.source = :actor OR c.target = :actor)");
  if (f->has_code) k += (size_t)snprintf(buf + k, n - k, " AND substr(c.cameo, 1, length(:code)) = :code");
  if (f->has_from) k += (size_t)snprintf(buf + k, n - k, " AND c.last >= :from");
  if (f->has_to) k += (size_t)snprintf(buf + k, n - k, " AND c.first <= :to");
  snprintf(buf + k, n - k, " ORDER BY c.first IS NULL, c.first, c.last, c.id");
}

static void events_bind(sqlite3_stmt *st, const char *name, const char *v) {
  int i = sqlite3_bind_parameter_index(st, name);
  if (i) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

static const char *events_col(sqlite3_stmt *st, int i) {
  return (const char *)sqlite3_column_text(st, i);
}

/* A CSV field, quoted when it holds a comma, a quote or a line break. */
static void events_csv(FILE *out, const char *s) {
  if (!s) return;
  if (!strpbrk(s, ",\"\n\r")) {
    fputs(s, out);
    return;
  }
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"') fputc('"', out);
    fputc(*s, out);
  }
  fputc('"', out);
}

static void events_json_str(FILE *out, const char *s) {
  if (s) json_write_string(out, s, strlen(s));
  else fputs("null", out);
}

/* "Make a visit (Võ Văn Thưởng -> Kassym-Jomart Tokaïev)" into buf (n
 * bytes): the CAMEO name, then the persons on either side ("?": none). */
static void events_describe(const dyad_ctx *ctx, sqlite3_stmt *st, char *buf, size_t n) {
  const char *cameo = events_col(st, EV_CAMEO);
  const cameo_code *c = ctx && ctx->cameo && cameo ? cameo_find(ctx->cameo, cameo) : NULL;
  const char *sn = events_col(st, EV_SNAME), *tn = events_col(st, EV_TNAME);
  size_t k = (size_t)snprintf(buf, n, "%s", c ? c->name : cameo ? cameo : "");
  if (k >= n) return;
  if (sn || tn) snprintf(buf + k, n - k, " (%s -> %s)", sn ? sn : "?", tn ? tn : "?");
}

/* The details of a cluster's first report. */
typedef struct events_first {
  char *code1, *code2, *url, *ext_id, *place_name;
  char added[16];  /* loaded_at as YYYYMMDDHHMMSS */
} events_first;

static char *events_dup(sqlite3_stmt *st, int i) {
  const char *s = events_col(st, i);
  return s ? xstrdup(s) : NULL;
}

static void events_first_free(events_first *f) {
  free(f->code1);
  free(f->code2);
  free(f->url);
  free(f->ext_id);
  free(f->place_name);
  memset(f, 0, sizeof *f);
}

static int events_first_of(dyad_store *s, sqlite3_stmt *st, sqlite3_stmt *row, events_first *f,
                           dyad_err *err) {
  sqlite3_reset(st);
  sqlite3_bind_int64(st, 1, sqlite3_column_int64(row, EV_ID));
  const char *place = events_col(row, EV_PLACE);
  if (place) sqlite3_bind_text(st, 2, place, -1, SQLITE_TRANSIENT);
  else sqlite3_bind_null(st, 2);
  int rc = sqlite3_step(st);
  memset(f, 0, sizeof *f);
  if (rc == SQLITE_ROW) {
    const char *src = events_col(st, 2), *csrc = events_col(row, EV_SOURCE);
    int swap = src && csrc && strcmp(src, csrc);  /* the report is the other way round */
    f->code1 = events_dup(st, swap ? 1 : 0);
    f->code2 = events_dup(st, swap ? 0 : 1);
    f->url = events_dup(st, 3);
    f->ext_id = events_dup(st, 4);
    const char *at = events_col(st, 5);
    size_t k = 0;
    for (; at && *at && k < sizeof f->added - 1; at++)
      if (*at >= '0' && *at <= '9') f->added[k++] = *at;
    f->added[k] = 0;
    f->place_name = events_dup(st, 6);
    rc = SQLITE_DONE;
  }
  sqlite3_reset(st);
  return rc == SQLITE_DONE ? 0 : store_error(s, err, rc, "cannot read a cluster's events");
}

static void events_write_table(FILE *out, const dyad_ctx *ctx, sqlite3_stmt *row) {
  char desc[512];
  const char *date = events_col(row, EV_DATE);
  events_describe(ctx, row, desc, sizeof desc);
  fprintf(out, "%-7lld %-21s %-7s %-7s %-5s %4d  %s\n", (long long)sqlite3_column_int64(row, EV_ID),
          date ? date : "-", events_col(row, EV_SOURCE), events_col(row, EV_TARGET),
          events_col(row, EV_CAMEO), sqlite3_column_int(row, EV_NSOURCES), desc);
}

static int events_write_json(dyad_store *s, FILE *out, const dyad_ctx *ctx, sqlite3_stmt *row,
                             sqlite3_stmt *docs, const events_first *f, dyad_err *err) {
  char desc[512];
  const char *cameo = events_col(row, EV_CAMEO);
  const cameo_code *c = ctx && ctx->cameo && cameo ? cameo_find(ctx->cameo, cameo) : NULL;
  events_describe(ctx, row, desc, sizeof desc);
  fprintf(out, "{\"cluster\":%lld,\"date\":", (long long)sqlite3_column_int64(row, EV_ID));
  events_json_str(out, events_col(row, EV_DATE));
  fputs(",\"source\":{\"code\":", out);
  events_json_str(out, f->code1);
  fputs(",\"country\":", out);
  events_json_str(out, events_col(row, EV_SOURCE));
  fputs(",\"name\":", out);
  events_json_str(out, events_col(row, EV_SNAME));
  fputs("},\"target\":{\"code\":", out);
  events_json_str(out, f->code2);
  fputs(",\"country\":", out);
  events_json_str(out, events_col(row, EV_TARGET));
  fputs(",\"name\":", out);
  events_json_str(out, events_col(row, EV_TNAME));
  fputs("},\"cameo\":", out);
  events_json_str(out, cameo);
  fputs(",\"root\":", out);
  events_json_str(out, events_col(row, EV_ROOT));
  if (c) fprintf(out, ",\"quad_class\":%d,\"goldstein\":%.1f", c->quad, c->goldstein);
  else fputs(",\"quad_class\":null,\"goldstein\":null", out);
  fputs(",\"description\":", out);
  events_json_str(out, desc);
  fputs(",\"location\":", out);
  if (events_col(row, EV_PLACE)) {
    fputs("{\"name\":", out);
    events_json_str(out, f->place_name);
    fputs(",\"country\":", out);
    events_json_str(out, events_col(row, EV_PLACE));
    fputc('}', out);
  } else {
    fputs("null", out);
  }
  fprintf(out, ",\"nsources\":%d,\"nreports\":%d,\"url\":", sqlite3_column_int(row, EV_NSOURCES),
          sqlite3_column_int(row, EV_NMENTIONS));
  events_json_str(out, f->url);
  fputs(",\"docs\":[", out);
  sqlite3_reset(docs);
  sqlite3_bind_int64(docs, 1, sqlite3_column_int64(row, EV_ID));
  int rc, n = 0;
  while ((rc = sqlite3_step(docs)) == SQLITE_ROW) {
    if (n++) fputc(',', out);
    events_json_str(out, events_col(docs, 0));
  }
  sqlite3_reset(docs);
  fputs("]}\n", out);
  return rc == SQLITE_DONE ? 0 : store_error(s, err, rc, "cannot read a cluster's documents");
}

static void events_write_csv(FILE *out, const dyad_ctx *ctx, sqlite3_stmt *row, const events_first *f) {
  const char *cameo = events_col(row, EV_CAMEO);
  const cameo_code *c = ctx && ctx->cameo && cameo ? cameo_find(ctx->cameo, cameo) : NULL;
  fprintf(out, "%lld,", (long long)sqlite3_column_int64(row, EV_ID));
  if (sqlite3_column_type(row, EV_FIRST) != SQLITE_NULL) {
    int y, m, d;
    int32_t first = sqlite3_column_int(row, EV_FIRST);
    dates_civil(first, &y, &m, &d);
    int32_t doy = first - dates_days(y, 1, 1);
    fprintf(out, "%04d%02d%02d,%04d%02d,%04d,%.4f,", y, m, d, y, m, y, y + doy / 365.0);
  } else {
    fputs(",,,,", out);
  }
  events_csv(out, f->code1);
  fputc(',', out);
  events_csv(out, events_col(row, EV_SNAME));
  fputc(',', out);
  events_csv(out, events_col(row, EV_SOURCE));
  fputc(',', out);
  events_csv(out, f->code2);
  fputc(',', out);
  events_csv(out, events_col(row, EV_TNAME));
  fputc(',', out);
  events_csv(out, events_col(row, EV_TARGET));
  fprintf(out, ",%s,%.3s,%.2s,", cameo ? cameo : "", cameo ? cameo : "", cameo ? cameo : "");
  if (c) fprintf(out, "%d,%.1f,", c->quad, c->goldstein);
  else fputs(",,", out);
  fprintf(out, "%d,%d,%d,", sqlite3_column_int(row, EV_NMENTIONS), sqlite3_column_int(row, EV_NSOURCES),
          sqlite3_column_int(row, EV_NSOURCES));
  events_csv(out, f->place_name);
  fputc(',', out);
  events_csv(out, events_col(row, EV_PLACE));
  fprintf(out, ",%s,", f->added);
  events_csv(out, f->url ? f->url : f->ext_id);
  fputc(',', out);
  events_csv(out, events_col(row, EV_DATE));
  fputc('\n', out);
}

long dyad_events_write(dyad_store *s, const dyad_ctx *ctx, const dyad_events_query *q, unsigned opts,
                       FILE *out, dyad_err *err) {
  events_filter f;
  if (events_filter_of(q, &f, err)) return DYAD_EUSAGE;
  char sql[2048];
  events_sql(&f, sql, sizeof sql);
  sqlite3_stmt *st = NULL, *first = NULL, *docs = NULL;
  long n = 0;
  int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(s->db, EVENTS_FIRST, -1, &first, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(s->db, EVENTS_DOCS, -1, &docs, NULL);
  if (rc != SQLITE_OK) {
    n = store_error(s, err, rc, "cannot read the clusters");
    goto done;
  }
  events_bind(st, ":p1", f.pair[0]);
  events_bind(st, ":p2", f.pair[1]);
  events_bind(st, ":actor", f.actor);
  events_bind(st, ":code", f.code);
  int i = sqlite3_bind_parameter_index(st, ":from");
  if (i) sqlite3_bind_int(st, i, f.from);
  i = sqlite3_bind_parameter_index(st, ":to");
  if (i) sqlite3_bind_int(st, i, f.to);
  if (opts & DYAD_OPT_CSV) fputs(EVENTS_CSV_HEADER, out);
  else if (!(opts & DYAD_OPT_JSON))
    fprintf(out, "%-7s %-21s %-7s %-7s %-5s %4s  %s\n", "CLUSTER", "DATE", "SOURCE", "TARGET", "CAMEO",
            "DOCS", "DESCRIPTION");
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    n++;
    if (!(opts & (DYAD_OPT_CSV | DYAD_OPT_JSON))) {
      events_write_table(out, ctx, st);
      continue;
    }
    events_first fr;
    if (events_first_of(s, first, st, &fr, err)) {
      n = DYAD_EIO;
      goto done;
    }
    if (opts & DYAD_OPT_CSV) {
      events_write_csv(out, ctx, st, &fr);
    } else if (events_write_json(s, out, ctx, st, docs, &fr, err)) {
      events_first_free(&fr);
      n = DYAD_EIO;
      goto done;
    }
    events_first_free(&fr);
  }
  if (rc != SQLITE_DONE) n = store_error(s, err, rc, "cannot read the clusters");
  else if (ferror(out)) n = err_set(err, DYAD_EIO, NULL, 0, 0, "cannot write the output");
done:
  sqlite3_finalize(st);
  sqlite3_finalize(first);
  sqlite3_finalize(docs);
  return n;
}
