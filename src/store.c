/* store.c: the SQLite event store (dyad load), see store.h and
 * docs/store.md.
 *
 * Opening sets the connection up (WAL journal, foreign keys, synchronous
 * NORMAL, a 5 s busy timeout) and brings the schema to
 * STORE_SCHEMA_VERSION with the migrations below, keyed on PRAGMA
 * user_version; a newer version is refused.
 *
 * Writing an article, inside the open batch transaction:
 *   1. look its ext_id up: same hash, date and URL -> unchanged, nothing
 *      written; another content -> delete its events, figures and
 *      agreements, then refresh the clusters they belonged to (delete
 *      those left empty, recompute the others from their members);
 *   2. insert or update its docs row, then its records in text order;
 *      each event (figure) is compared, with merge_event_fits
 *      (merge_figure_fits), to the stored clusters SQL finds for it (same
 *      kind and root, the same two states in either order, an interval
 *      overlapping the report's widened by two days), lowest id first;
 *      the first that fits absorbs it (merge_event_absorb), else a new
 *      cluster is made of it; the cluster's nsources grows by one with
 *      the first report of each document (looked up by the document's
 *      own rows, index events_doc: cheap however big the cluster).
 * Every SQLite failure rolls the batch back: a crash or an error never
 * leaves half an article, and the next load of the same input completes
 * the store.
 *
 * Values are those `dyad code` writes (export.c): actor codes, roles,
 * persons, dates as dates_format, sentences and spans of the original
 * bytes.  Empty strings are stored as NULL, except in actors.
 */
#include "store.h"
#include "actors.h"
#include "cameo.h"
#include "ctx.h"
#include "dates.h"
#include "dict.h"
#include "doc.h"
#include "err.h"
#include "hash.h"
#include "merge.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- Schema ----------------------------------------------------------- */

/* Version 1: docs/store.md, word for word (tests/unit/test_store.c checks
 * that the two agree). */
static const char store_schema_v1[] =
    "CREATE TABLE docs (\n"
    "  id        INTEGER PRIMARY KEY,\n"
    "  ext_id    TEXT NOT NULL UNIQUE,   -- the article's id (file name without .txt, or JSONL \"id\")\n"
    "  path      TEXT,                   -- file it was read from\n"
    "  url       TEXT,\n"
    "  published TEXT,                   -- publication date, \"YYYY-MM-DD\" or NULL\n"
    "  hash      TEXT NOT NULL,          -- hex content hash of the article's bytes\n"
    "  bytes     INTEGER NOT NULL,\n"
    "  loaded_at TEXT NOT NULL           -- UTC, ISO 8601\n"
    ");\n"
    "CREATE TABLE actors (               -- one row per distinct (code, country, role, name)\n"
    "  id      INTEGER PRIMARY KEY,\n"
    "  code    TEXT NOT NULL,            -- \"KAZGOV\", \"CIVMIL\", \"UNO\"\n"
    "  country TEXT NOT NULL,            -- \"KAZ\" (state or organisation)\n"
    "  role    TEXT NOT NULL,            -- \"HOS\", \"GOV\", \"\" ...\n"
    "  name    TEXT NOT NULL DEFAULT '', -- person's name or ''\n"
    "  UNIQUE (code, country, role, name)\n"
    ");\n"
    "CREATE TABLE clusters (             -- one row per real event (reports merged)\n"
    "  id        INTEGER PRIMARY KEY,\n"
    "  kind      TEXT NOT NULL,          -- 'event' or 'figure'\n"
    "  source    TEXT, target TEXT,      -- states (events); figures: the two parties\n"
    "  cameo     TEXT,                   -- the most precise code among the members (events)\n"
    "  root      TEXT,\n"
    "  date      TEXT, first INTEGER, last INTEGER,  -- the most precise date among the members\n"
    "  nsources  INTEGER NOT NULL DEFAULT 0,        -- number of distinct documents\n"
    "  source_name TEXT, target_name TEXT,  -- events: the persons on either side, NULL if none\n"
    "  place     TEXT,                   -- events: the state of the place, NULL if none\n"
    "  indicator TEXT, unit TEXT, figure_kind TEXT, value REAL  -- figures: as in figures\n"
    ");\n"
    "CREATE TABLE events (\n"
    "  id          INTEGER PRIMARY KEY,\n"
    "  doc         INTEGER NOT NULL REFERENCES docs(id) ON DELETE CASCADE,\n"
    "  seq         INTEGER NOT NULL,     -- order within the document\n"
    "  source      INTEGER NOT NULL REFERENCES actors(id),\n"
    "  target      INTEGER NOT NULL REFERENCES actors(id),\n"
    "  source_country TEXT NOT NULL, target_country TEXT NOT NULL,  -- copies, for indexes\n"
    "  cameo       TEXT NOT NULL, root TEXT NOT NULL,\n"
    "  quad_class  INTEGER, goldstein REAL,\n"
    "  date        TEXT, first INTEGER, last INTEGER,\n"
    "  location    TEXT, location_country TEXT,\n"
    "  predicate   TEXT,\n"
    "  sentence    TEXT NOT NULL,\n"
    "  span_start  INTEGER NOT NULL, span_end INTEGER NOT NULL,  -- byte offsets into the original article\n"
    "  cluster     INTEGER REFERENCES clusters(id)\n"
    ");\n"
    "CREATE TABLE figures (\n"
    "  id          INTEGER PRIMARY KEY,\n"
    "  doc         INTEGER NOT NULL REFERENCES docs(id) ON DELETE CASCADE,\n"
    "  seq         INTEGER NOT NULL,\n"
    "  indicator   TEXT NOT NULL,        -- trade, investment, tourists, aid ...\n"
    "  party1      TEXT, party2 TEXT,\n"
    "  period      TEXT, first INTEGER, last INTEGER,\n"
    "  value       REAL NOT NULL, unit TEXT NOT NULL, kind TEXT NOT NULL,\n"
    "  text        TEXT,\n"
    "  sentence    TEXT NOT NULL,\n"
    "  span_start  INTEGER NOT NULL, span_end INTEGER NOT NULL,\n"
    "  cluster     INTEGER REFERENCES clusters(id)\n"
    ");\n"
    "CREATE TABLE agreements (\n"
    "  id          INTEGER PRIMARY KEY,\n"
    "  doc         INTEGER NOT NULL REFERENCES docs(id) ON DELETE CASCADE,\n"
    "  seq         INTEGER NOT NULL,\n"
    "  title       TEXT NOT NULL,\n"
    "  party1      TEXT, party2 TEXT,\n"
    "  date        TEXT, first INTEGER, last INTEGER,\n"
    "  sentence    TEXT NOT NULL,\n"
    "  span_start  INTEGER NOT NULL, span_end INTEGER NOT NULL\n"
    ");\n"
    "CREATE INDEX events_pair    ON events(source_country, target_country, root, first);\n"
    "CREATE INDEX events_doc     ON events(doc);\n"
    "CREATE INDEX events_cluster ON events(cluster);\n"
    "CREATE INDEX figures_doc    ON figures(doc);\n"
    "CREATE INDEX figures_cluster ON figures(cluster);\n"
    "CREATE INDEX agreements_doc ON agreements(doc);\n"
    "CREATE INDEX clusters_pair  ON clusters(kind, source, target, root, first);\n"
    "CREATE INDEX clusters_last  ON clusters(kind, source, target, root, last, first);  -- dyad load's merge\n";

const char *store_schema_sql(void) { return store_schema_v1; }

/* migrations[v] takes a database from version v to v + 1 (0: empty). */
static const char *const store_migrations[STORE_SCHEMA_VERSION] = {store_schema_v1};

/* ---- Statements --------------------------------------------------------- */

#define STORE_NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

static const char *const store_sql[SS__COUNT] = {
    [SS_DOC_FIND] = "SELECT id, hash, published, url FROM docs WHERE ext_id = ?1",
    [SS_DOC_INSERT] = "INSERT INTO docs (ext_id, path, url, published, hash, bytes, loaded_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, " STORE_NOW ")",
    [SS_DOC_UPDATE] = "UPDATE docs SET path = ?2, url = ?3, published = ?4, hash = ?5, bytes = ?6, "
                      "loaded_at = " STORE_NOW " WHERE id = ?1",
    [SS_DOC_CLUSTERS] = "SELECT DISTINCT cluster, 0 FROM events WHERE doc = ?1 AND cluster IS NOT NULL "
                        "UNION SELECT DISTINCT cluster, 1 FROM figures WHERE doc = ?1 AND cluster IS NOT NULL",
    [SS_DEL_EVENTS] = "DELETE FROM events WHERE doc = ?1",
    [SS_DEL_FIGURES] = "DELETE FROM figures WHERE doc = ?1",
    [SS_DEL_AGREEMENTS] = "DELETE FROM agreements WHERE doc = ?1",
    [SS_ACTOR_FIND] = "SELECT id FROM actors WHERE code = ?1 AND country = ?2 AND role = ?3 AND name = ?4",
    [SS_ACTOR_INSERT] = "INSERT INTO actors (code, country, role, name) VALUES (?1, ?2, ?3, ?4)",
    [SS_EVENT_INSERT] = "INSERT INTO events (doc, seq, source, target, source_country, target_country, "
                        "cameo, root, quad_class, goldstein, date, first, last, location, location_country, "
                        "predicate, sentence, span_start, span_end, cluster) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                        "?18, ?19, ?20)",
    [SS_FIGURE_INSERT] = "INSERT INTO figures (doc, seq, indicator, party1, party2, period, first, last, "
                         "value, unit, kind, text, sentence, span_start, span_end, cluster) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    [SS_AGREEMENT_INSERT] = "INSERT INTO agreements (doc, seq, title, party1, party2, date, first, last, "
                            "sentence, span_start, span_end) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [SS_EV_CANDIDATES] = "SELECT id, source, target, source_name, target_name, cameo, first, last, place "
                         "FROM clusters INDEXED BY clusters_last WHERE kind = 'event' AND root = ?1 "
                         "AND ((source = ?2 AND target = ?3) OR (source = ?3 AND target = ?2)) "
                         "AND first <= ?5 AND last >= ?4 AND last - first < " MERGE_MAX_SPAN_SQL " ORDER BY id",
    /* one SELECT per direction (an OR is not searched in the index); it
       reads the pair's clusters of that root, and runs only when the
       handle's counts say there is one cluster of the pair and code
       (store_code_slot): an index on the code cost every insert a fifth
       of dyad load's time */
    [SS_EV_LONE] = "SELECT id, source, target, source_name, target_name, cameo, first, last, place "
                   "FROM clusters INDEXED BY clusters_pair WHERE kind = 'event' AND source = ?2 AND target = ?3 "
                   "AND root = ?1 AND cameo = ?4 "
                   "UNION "
                   "SELECT id, source, target, source_name, target_name, cameo, first, last, place "
                   "FROM clusters INDEXED BY clusters_pair WHERE kind = 'event' AND source = ?3 AND target = ?2 "
                   "AND root = ?1 AND cameo = ?4 ORDER BY id LIMIT 2",
    [SS_EV_CLUSTER_INSERT] = "INSERT INTO clusters (kind, source, target, source_name, target_name, cameo, "
                             "root, date, first, last, place, nsources) "
                             "VALUES ('event', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1)",
    [SS_EV_CLUSTER_UPDATE] = "UPDATE clusters SET source = ?2, target = ?3, source_name = ?4, "
                             "target_name = ?5, cameo = ?6, root = ?7, date = ?8, first = ?9, last = ?10, "
                             "place = ?11 WHERE id = ?1",
    [SS_EV_MEMBERS] = "SELECT e.source_country, e.target_country, sa.name, ta.name, e.cameo, e.first, "
                      "e.last, e.location_country FROM events e JOIN actors sa ON sa.id = e.source "
                      "JOIN actors ta ON ta.id = e.target WHERE e.cluster = ?1 ORDER BY e.id",
    [SS_EV_NSOURCES] = "UPDATE clusters SET nsources = (SELECT COUNT(DISTINCT doc) FROM events "
                       "WHERE cluster = ?1) WHERE id = ?1",
    /* one SELECT per order of the parties: SQLite does not search the
       index for "(source IS a AND target IS b) OR (source IS b AND ...)"
       but reads every figure cluster */
    [SS_FIG_CANDIDATES] = "SELECT id, source, target, first, last, value FROM clusters INDEXED BY clusters_last "
                          "WHERE kind = 'figure' AND source IS ?4 AND target IS ?5 AND root IS NULL "
                          "AND last >= ?6 AND first <= ?7 AND indicator = ?1 AND unit = ?2 AND figure_kind = ?3 "
                          "UNION "
                          "SELECT id, source, target, first, last, value FROM clusters INDEXED BY clusters_last "
                          "WHERE kind = 'figure' AND source IS ?5 AND target IS ?4 AND root IS NULL "
                          "AND last >= ?6 AND first <= ?7 AND indicator = ?1 AND unit = ?2 AND figure_kind = ?3 "
                          "ORDER BY id",
    [SS_FIG_CLUSTER_INSERT] = "INSERT INTO clusters (kind, source, target, indicator, unit, figure_kind, "
                              "date, first, last, value, nsources) "
                              "VALUES ('figure', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1)",
    [SS_FIG_CLUSTER_UPDATE] = "UPDATE clusters SET source = ?2, target = ?3, indicator = ?4, unit = ?5, "
                              "figure_kind = ?6, date = ?7, first = ?8, last = ?9, value = ?10 WHERE id = ?1",
    [SS_FIG_MEMBERS] = "SELECT indicator, unit, kind, party1, party2, first, last, value FROM figures "
                       "WHERE cluster = ?1 ORDER BY id",
    [SS_EV_SEEN] = "SELECT 1 FROM events INDEXED BY events_doc WHERE doc = ?1 AND cluster = ?2 LIMIT 1",
    [SS_FIG_SEEN] = "SELECT 1 FROM figures INDEXED BY figures_doc WHERE doc = ?1 AND cluster = ?2 LIMIT 1",
    [SS_CLUSTER_ONE_MORE] = "UPDATE clusters SET nsources = nsources + 1 WHERE id = ?1",
    [SS_FIG_NSOURCES] = "UPDATE clusters SET nsources = (SELECT COUNT(DISTINCT doc) FROM figures "
                        "WHERE cluster = ?1) WHERE id = ?1",
    [SS_CLUSTER_DELETE] = "DELETE FROM clusters WHERE id = ?1",
};

/* Whether rc says the disk (or the file size limit, ulimit -f) is full:
 * SQLITE_FULL, or a write that failed with ENOSPC, EFBIG or EDQUOT.  The
 * system error is sqlite3_system_errno, else errno as the failed call
 * left it (e, saved by the caller: SQLite does not record it for every
 * failure, e.g. a COMMIT's write to the WAL). */
static int store_disk_full(const dyad_store *s, int rc, int e, int *sys) {
  *sys = s->db ? sqlite3_system_errno(s->db) : 0;
  if (!*sys && (rc & 0xff) == SQLITE_IOERR) *sys = e;
  if ((rc & 0xff) == SQLITE_FULL) return 1;
  if ((rc & 0xff) != SQLITE_IOERR) return 0;
  return *sys == ENOSPC || *sys == EFBIG
#ifdef EDQUOT
         || *sys == EDQUOT
#endif
      ;
}

int store_error(const dyad_store *s, dyad_err *err, int rc, const char *doing) {
  int e = errno, primary = rc & 0xff, sys;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return err_set(err, DYAD_EIO, s->path, 0, 0, "database is locked by another process");
  if (store_disk_full(s, rc, e, &sys))
    return err_set(err, DYAD_EIO, s->path, 0, 0, "disk full (%s: %s)", doing,
                   sys ? strerror(sys) : sqlite3_errstr(rc));
  const char *msg = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
  return err_set(err, DYAD_EIO, s->path, 0, 0, "%s: %s", doing, msg);
}

sqlite3_stmt *store_stmt(dyad_store *s, int id, dyad_err *err) {
  if (!s->stmt[id]) {
    int rc = sqlite3_prepare_v3(s->db, store_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[id], NULL);
    if (rc != SQLITE_OK) {
      store_error(s, err, rc, "cannot prepare a statement");
      return NULL;
    }
  } else {
    sqlite3_reset(s->stmt[id]);
  }
  return s->stmt[id];
}

/* Done with a cached statement: reset, and its parameters unbound (they
 * may point to the caller's stack). */
static void store_release(sqlite3_stmt *st) {
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
}

static int store_exec(dyad_store *s, const char *sql, const char *doing, dyad_err *err) {
  int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
  return rc == SQLITE_OK ? 0 : store_error(s, err, rc, doing);
}

/* Step a statement that returns no row (or whose rows are ignored). */
static int store_done(dyad_store *s, sqlite3_stmt *st, const char *doing, dyad_err *err) {
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
  }
  store_release(st);
  return rc == SQLITE_DONE ? 0 : store_error(s, err, rc, doing);
}

/* Bind s (NULL or "" as SQL NULL); s must outlive the step. */
static void store_bind_str(sqlite3_stmt *st, int i, const char *s) {
  if (s && *s) sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
  else sqlite3_bind_null(st, i);
}

/* Bind a period at i (its text, into buf) and its days at i + 1, i + 2. */
static void store_bind_period(sqlite3_stmt *st, int i, int32_t first, int32_t last, char buf[32]) {
  if (first > last) {
    sqlite3_bind_null(st, i);
    sqlite3_bind_null(st, i + 1);
    sqlite3_bind_null(st, i + 2);
    return;
  }
  sqlite3_bind_text(st, i, dates_format(first, last, buf), -1, SQLITE_STATIC);
  sqlite3_bind_int(st, i + 1, first);
  sqlite3_bind_int(st, i + 2, last);
}

/* A text column copied into buf (n bytes), "" for NULL. */
static void store_col_copy(sqlite3_stmt *st, int i, char *buf, size_t n) {
  const unsigned char *t = sqlite3_column_text(st, i);
  snprintf(buf, n, "%s", t ? (const char *)t : "");
}

/* An interval read back: first > last when NULL. */
static void store_col_period(sqlite3_stmt *st, int i, int32_t *first, int32_t *last) {
  if (sqlite3_column_type(st, i) == SQLITE_NULL || sqlite3_column_type(st, i + 1) == SQLITE_NULL) {
    *first = 1;
    *last = 0;
  } else {
    *first = sqlite3_column_int(st, i);
    *last = sqlite3_column_int(st, i + 1);
  }
}

/* ---- Opening ------------------------------------------------------------ */

static int store_codes_load(dyad_store *s, dyad_err *err);

static int store_user_version(dyad_store *s, int *v, dyad_err *err) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return 0;
  }
  sqlite3_finalize(st);
  return store_error(s, err, rc, "cannot read the database");
}

static int store_ntables(dyad_store *s, int *n, dyad_err *err) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'", -1, &st,
                              NULL);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return 0;
  }
  sqlite3_finalize(st);
  return store_error(s, err, rc, "cannot read the database");
}

/* Bring the schema to STORE_SCHEMA_VERSION (or check it, read-only). */
static int store_schema(dyad_store *s, dyad_err *err) {
  int v = 0, ntables = 0;
  if (store_user_version(s, &v, err)) return DYAD_EIO;
  if (v > STORE_SCHEMA_VERSION)
    return err_set(err, DYAD_EIO, s->path, 0, 0,
                   "schema version %d is newer than this dyad's (%d): use a newer dyad", v,
                   STORE_SCHEMA_VERSION);
  if (v == STORE_SCHEMA_VERSION) return 0;
  if (s->readonly) {
    if (v == 0) return err_set(err, DYAD_EIO, s->path, 0, 0, "not a dyad database (no schema)");
    return err_set(err, DYAD_EIO, s->path, 0, 0,
                   "schema version %d is older than this dyad's (%d): load into it to upgrade it", v,
                   STORE_SCHEMA_VERSION);
  }
  if (store_exec(s, "BEGIN IMMEDIATE", "cannot start a transaction", err)) return DYAD_EIO;
  /* another process may have done it meanwhile */
  if (store_user_version(s, &v, err) || store_ntables(s, &ntables, err)) goto fail;
  if (v == 0 && ntables > 0) {
    err_set(err, DYAD_EIO, s->path, 0, 0, "not a dyad database (tables but no dyad schema version)");
    goto fail;
  }
  for (; v < STORE_SCHEMA_VERSION; v++) {
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
    if (store_exec(s, store_migrations[v], "cannot create the schema", err) ||
        store_exec(s, pragma, "cannot create the schema", err))
      goto fail;
  }
  if (store_exec(s, "COMMIT", "cannot create the schema", err)) goto fail;
  return 0;
fail:
  sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  return DYAD_EIO;
}

dyad_store *dyad_store_open(const char *path, unsigned flags, dyad_err *err) {
  if (!path || !*path) {
    err_set(err, DYAD_EUSAGE, NULL, 0, 0, "no database path");
    return NULL;
  }
  int ro = (flags & DYAD_STORE_READONLY) != 0;
  struct stat sb;
  if (ro && stat(path, &sb) != 0) {
    err_set(err, DYAD_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
    return NULL;
  }
  dyad_store *s = xcalloc(1, sizeof *s);
  s->path = xstrdup(path);
  s->readonly = ro;
  s->batch = STORE_BATCH;
  int oflags = ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path, &s->db, oflags, NULL);
  if (rc != SQLITE_OK) {
    store_error(s, err, rc, "cannot open the database");
    goto fail;
  }
  sqlite3_extended_result_codes(s->db, 1);
  sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
  if (store_exec(s, "PRAGMA foreign_keys = ON", "cannot open the database", err)) goto fail;
  if (store_exec(s, "PRAGMA cache_size = -32768", "cannot open the database", err)) goto fail;
  if (!ro && (store_exec(s, "PRAGMA journal_mode = WAL", "cannot open the database", err) ||
              store_exec(s, "PRAGMA synchronous = NORMAL", "cannot open the database", err)))
    goto fail;
  if (!ro) sqlite3_wal_autocheckpoint(s->db, STORE_CHECKPOINT_PAGES);
  if (store_schema(s, err)) goto fail;
  if (!ro && store_codes_load(s, err)) goto fail;
  return s;
fail:
  sqlite3_close(s->db);
  free(s->codes);
  free(s->path);
  free(s);
  return NULL;
}

void dyad_store_set_batch(dyad_store *s, size_t n) { s->batch = n ? n : 1; }

void dyad_store_get_stats(const dyad_store *s, dyad_store_stats *out) {
  out->articles = s->done.articles + s->open.articles;
  out->unchanged = s->done.unchanged + s->open.unchanged;
  out->replaced = s->done.replaced + s->open.replaced;
  out->events = s->done.events + s->open.events;
  out->figures = s->done.figures + s->open.figures;
  out->agreements = s->done.agreements + s->open.agreements;
}

/* ---- Transactions --------------------------------------------------------- */

static void store_actors_forget(dyad_store *s);

static void store_rollback(dyad_store *s) {
  if (s->in_txn) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  store_actors_forget(s); /* ids inserted by the batch are gone */
  s->in_txn = 0;
  s->pending = 0;
  memset(&s->open, 0, sizeof s->open);
}

/* A write failed: roll the batch back and take no more writes. */
static int store_fail(dyad_store *s) {
  store_rollback(s);
  s->broken = 1;
  return DYAD_EIO;
}

static int store_begin(dyad_store *s, dyad_err *err) {
  if (s->broken)
    return err_set(err, DYAD_EIO, s->path, 0, 0, "an earlier write failed; the store takes no more");
  if (s->readonly) return err_set(err, DYAD_EIO, s->path, 0, 0, "the store is open read-only");
  if (s->in_txn) return 0;
  if (store_exec(s, "BEGIN IMMEDIATE", "cannot start a transaction", err)) return DYAD_EIO;
  s->in_txn = 1;
  return 0;
}

int dyad_store_commit(dyad_store *s, dyad_err *err) {
  if (!s->in_txn) return 0;
  int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    store_error(s, err, rc, "cannot commit");
    return store_fail(s);
  }
  s->in_txn = 0;
  s->pending = 0;
  s->done.articles += s->open.articles;
  s->done.unchanged += s->open.unchanged;
  s->done.replaced += s->open.replaced;
  s->done.events += s->open.events;
  s->done.figures += s->open.figures;
  s->done.agreements += s->open.agreements;
  memset(&s->open, 0, sizeof s->open);
  return 0;
}

int dyad_store_close(dyad_store *s, dyad_err *err) {
  if (!s) return 0;
  int rc = s->in_txn ? dyad_store_commit(s, err) : 0;
  for (int i = 0; i < SS__COUNT; i++) sqlite3_finalize(s->stmt[i]);
  sqlite3_close(s->db);
  store_actors_forget(s);
  free(s->actors);
  free(s->codes);
  free(s->touched);
  free(s->path);
  free(s);
  return rc;
}

/* ---- Documents ---------------------------------------------------------- */

typedef struct store_docinfo {
  char hash[65];
  char published[16];
  const char *url;
} store_docinfo;

static void store_docinfo_of(const dyad_doc *doc, store_docinfo *di) {
  hash_hex(doc->orig, doc->orig_len, di->hash);
  dyad_date_format(doc->published, di->published);
  di->url = doc->url && *doc->url ? doc->url : NULL;
}

static int store_same_text(sqlite3_stmt *st, int i, const char *s) {
  const unsigned char *t = sqlite3_column_text(st, i);
  if (!s || !*s) return t == NULL;
  return t && !strcmp((const char *)t, s);
}

/* Look doc up: *id its row (0 if none), *same 1 when unchanged. */
static int store_doc_find(dyad_store *s, const dyad_doc *doc, const store_docinfo *di, int64_t *id,
                          int *same, dyad_err *err) {
  sqlite3_stmt *st = store_stmt(s, SS_DOC_FIND, err);
  if (!st) return DYAD_EIO;
  sqlite3_bind_text(st, 1, doc->id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  *id = 0;
  *same = 0;
  if (rc == SQLITE_ROW) {
    *id = sqlite3_column_int64(st, 0);
    *same = store_same_text(st, 1, di->hash) && store_same_text(st, 2, di->published) &&
            store_same_text(st, 3, di->url);
    rc = SQLITE_DONE;
  }
  store_release(st);
  return rc == SQLITE_DONE ? 0 : store_error(s, err, rc, "cannot read the docs table");
}

int dyad_store_unchanged(dyad_store *s, const dyad_doc *doc, dyad_err *err) {
  store_docinfo di;
  int64_t id;
  int same;
  /* hash only what is stored already */
  sqlite3_stmt *st = store_stmt(s, SS_DOC_FIND, err);
  if (!st) return DYAD_EIO;
  sqlite3_bind_text(st, 1, doc->id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  store_release(st);
  if (rc == SQLITE_DONE) return 0;
  if (rc != SQLITE_ROW) return store_error(s, err, rc, "cannot read the docs table");
  store_docinfo_of(doc, &di);
  if (store_doc_find(s, doc, &di, &id, &same, err)) return DYAD_EIO;
  if (same) {
    s->open.articles++;
    s->open.unchanged++;
  }
  return same;
}

/* ---- Clusters --------------------------------------------------------------- */

/* Names read back from the database, alive until store_names_free. */
typedef struct store_names {
  char **v;
  size_t n, cap;
} store_names;

/* A text column as a name: NULL for NULL or "", else an owned copy. */
static const char *store_names_col(store_names *nm, sqlite3_stmt *st, int i) {
  const unsigned char *t = sqlite3_column_text(st, i);
  if (!t || !*t) return NULL;
  if (nm->n == nm->cap) {
    nm->cap = nm->cap ? 2 * nm->cap : 8;
    nm->v = xrealloc(nm->v, nm->cap * sizeof *nm->v);
  }
  return nm->v[nm->n++] = xstrdup((const char *)t);
}

static void store_names_free(store_names *nm) {
  for (size_t i = 0; i < nm->n; i++) free(nm->v[i]);
  free(nm->v);
}

static void store_touch(dyad_store *s, int64_t cluster, int is_figure) {
  if (s->ntouched == s->cap_touched) {
    s->cap_touched = s->cap_touched ? 2 * s->cap_touched : 64;
    s->touched = xrealloc(s->touched, s->cap_touched * sizeof *s->touched);
  }
  s->touched[s->ntouched++] = is_figure ? -cluster : cluster;
}

static int store_cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

/* Sort and deduplicate the touched clusters. */
static void store_touched_unique(dyad_store *s) {
  if (s->ntouched < 2) return;
  qsort(s->touched, s->ntouched, sizeof *s->touched, store_cmp_i64);
  size_t n = 1;
  for (size_t i = 1; i < s->ntouched; i++)
    if (s->touched[i] != s->touched[n - 1]) s->touched[n++] = s->touched[i];
  s->ntouched = n;
}

static int store_ev_cluster_write(dyad_store *s, int id_stmt, int64_t id, const merge_event *c,
                                  dyad_err *err) {
  sqlite3_stmt *st = store_stmt(s, id_stmt, err);
  if (!st) return DYAD_EIO;
  char date[32], root[3] = {c->cameo[0], c->cameo[1], 0};
  if (id) sqlite3_bind_int64(st, 1, id);
  sqlite3_bind_text(st, 2, c->source, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, c->target, -1, SQLITE_STATIC);
  store_bind_str(st, 4, c->source_name);
  store_bind_str(st, 5, c->target_name);
  sqlite3_bind_text(st, 6, c->cameo, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 7, root, -1, SQLITE_STATIC);
  store_bind_period(st, 8, c->first, c->last, date);
  store_bind_str(st, 11, c->place);
  return store_done(s, st, "cannot write a cluster", err);
}

static int store_fig_cluster_write(dyad_store *s, int id_stmt, int64_t id, const merge_figure *c,
                                   dyad_err *err) {
  sqlite3_stmt *st = store_stmt(s, id_stmt, err);
  if (!st) return DYAD_EIO;
  char date[32];
  if (id) sqlite3_bind_int64(st, 1, id);
  store_bind_str(st, 2, c->party1);
  store_bind_str(st, 3, c->party2);
  sqlite3_bind_text(st, 4, c->indicator, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 5, c->unit, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 6, c->kind, -1, SQLITE_STATIC);
  store_bind_period(st, 7, c->first, c->last, date);
  sqlite3_bind_double(st, 10, c->value);
  return store_done(s, st, "cannot write a cluster", err);
}

/* How many event clusters each (pair, code) has, and whether the first
 * is undated or wide: a report asks SQL for the only cluster of its pair
 * and code (SS_EV_LONE) only when there is one it may join.  Read once at
 * open, kept by this handle's inserts and joins; another process's
 * writes, or a replaced article's, may leave it behind: that costs a
 * query (LIMIT 2 still counts) or, rarely, a merge, never a wrong one. */
typedef struct store_code_slot {
  uint64_t key;    /* merge_code_key; 0: free */
  uint32_t count;  /* clusters */
  uint32_t loose;  /* the first is undated or wide */
} store_code_slot;

static store_code_slot *store_code_at(const dyad_store *s, uint64_t k) {
  size_t i = (size_t)(k >> 7) & (s->cap_codes - 1);
  while (s->codes[i].key && s->codes[i].key != k) i = (i + 1) & (s->cap_codes - 1);
  return &s->codes[i];
}

/* The slot of k, made (count 0) if absent. */
static store_code_slot *store_code_get(dyad_store *s, uint64_t k) {
  if (s->cap_codes) {
    store_code_slot *c = store_code_at(s, k);
    if (c->key) return c;
  }
  if (2 * (s->ncodes + 1) > s->cap_codes) {
    size_t old = s->cap_codes;
    store_code_slot *was = s->codes;
    s->cap_codes = old ? 2 * old : 1024;
    s->codes = xcalloc(s->cap_codes, sizeof *s->codes);
    for (size_t i = 0; i < old; i++)
      if (was[i].key) *store_code_at(s, was[i].key) = was[i];
    free(was);
  }
  store_code_slot *c = store_code_at(s, k);
  c->key = k;
  s->ncodes++;
  return c;
}

/* One more cluster under k (loose: undated or wide). */
static void store_code_count(dyad_store *s, uint64_t k, int loose) {
  store_code_slot *c = store_code_get(s, k);
  if (c->count++ == 0) c->loose = (uint32_t)loose;
}

/* Read the clusters per pair and code (a writer, once at open). */
static int store_codes_load(dyad_store *s, dyad_err *err) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(s->db,
                              "SELECT cameo, source, target, first IS NULL OR last - first >= " MERGE_MAX_SPAN_SQL
                              " FROM clusters WHERE kind = 'event' ORDER BY id",
                              -1, &st, NULL);
  while (rc == SQLITE_OK || rc == SQLITE_ROW) {
    if ((rc = sqlite3_step(st)) != SQLITE_ROW) break;
    const char *c = (const char *)sqlite3_column_text(st, 0), *a = (const char *)sqlite3_column_text(st, 1),
               *b = (const char *)sqlite3_column_text(st, 2);
    store_code_count(s, merge_code_key(a ? a : "", b ? b : "", c ? c : ""), sqlite3_column_int(st, 3));
  }
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? 0 : store_error(s, err, rc, "cannot read the clusters");
}

/* The cluster report e joins: the first stored cluster it fits, which
 * absorbs it, else a new one, made with one source (its document).
 * *cluster its id; *fresh 1 when it is a new one. */
static int store_ev_cluster(dyad_store *s, const merge_event *e, int64_t *cluster, int *fresh,
                            dyad_err *err) {
  *cluster = 0;
  *fresh = 0;
  merge_event c;
  store_names names = {0};
  if (e->first <= e->last) {
    sqlite3_stmt *st = store_stmt(s, SS_EV_CANDIDATES, err);
    if (!st) return DYAD_EIO;
    char root[3] = {e->cameo[0], e->cameo[1], 0};
    sqlite3_bind_text(st, 1, root, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, e->source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, e->target, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, e->first - 2);
    sqlite3_bind_int(st, 5, e->last + 2);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      memset(&c, 0, sizeof c);
      store_col_copy(st, 1, c.source, sizeof c.source);
      store_col_copy(st, 2, c.target, sizeof c.target);
      /* valid until the next step; copied only for the cluster that fits */
      const unsigned char *sn = sqlite3_column_text(st, 3), *tn = sqlite3_column_text(st, 4);
      c.source_name = sn && *sn ? (const char *)sn : NULL;
      c.target_name = tn && *tn ? (const char *)tn : NULL;
      store_col_copy(st, 5, c.cameo, sizeof c.cameo);
      store_col_period(st, 6, &c.first, &c.last);
      store_col_copy(st, 8, c.place, sizeof c.place);
      if (merge_event_fits(&c, e)) {
        *cluster = sqlite3_column_int64(st, 0);
        c.source_name = store_names_col(&names, st, 3);
        c.target_name = store_names_col(&names, st, 4);
        break;
      }
    }
    store_release(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      store_names_free(&names);
      return store_error(s, err, rc, "cannot read the clusters");
    }
  }
  store_code_slot *code = store_code_get(s, merge_code_key(e->source, e->target, e->cameo));
  if (!*cluster && code->count == 1 && (merge_event_loose(e) || code->loose)) {
    /* the only cluster of its pair and code, for a report its date cannot
       place or a dated one an undated cluster waits for (merge.h) */
    sqlite3_stmt *st = store_stmt(s, SS_EV_LONE, err);
    if (!st) return DYAD_EIO;
    char root[3] = {e->cameo[0], e->cameo[1], 0};
    sqlite3_bind_text(st, 1, root, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, e->source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, e->target, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, e->cameo, -1, SQLITE_STATIC);
    int rc, n = 0;
    int64_t id = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && ++n == 1) {
      memset(&c, 0, sizeof c);
      id = sqlite3_column_int64(st, 0);
      store_col_copy(st, 1, c.source, sizeof c.source);
      store_col_copy(st, 2, c.target, sizeof c.target);
      c.source_name = store_names_col(&names, st, 3);
      c.target_name = store_names_col(&names, st, 4);
      store_col_copy(st, 5, c.cameo, sizeof c.cameo);
      store_col_period(st, 6, &c.first, &c.last);
      store_col_copy(st, 8, c.place, sizeof c.place);
    }
    store_release(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      store_names_free(&names);
      return store_error(s, err, rc, "cannot read the clusters");
    }
    if (n == 1 && merge_event_fits_lone(&c, e)) {
      *cluster = id;
      if (!merge_event_loose(e)) code->loose = 0; /* dated now */
    }
  }
  if (*cluster) {
    merge_event_absorb(&c, e);
    int ret = store_ev_cluster_write(s, SS_EV_CLUSTER_UPDATE, *cluster, &c, err);
    store_names_free(&names);
    return ret;
  }
  store_names_free(&names);
  if (store_ev_cluster_write(s, SS_EV_CLUSTER_INSERT, 0, e, err)) return DYAD_EIO;
  *cluster = sqlite3_last_insert_rowid(s->db);
  *fresh = 1;
  store_code_count(s, code->key, merge_event_loose(e));
  return 0;
}

static int store_fig_cluster(dyad_store *s, const merge_figure *f, int64_t *cluster, int *fresh,
                             dyad_err *err) {
  *cluster = 0;
  *fresh = 0;
  merge_figure c;
  if (f->first <= f->last) {
    sqlite3_stmt *st = store_stmt(s, SS_FIG_CANDIDATES, err);
    if (!st) return DYAD_EIO;
    sqlite3_bind_text(st, 1, f->indicator, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, f->unit, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, f->kind, -1, SQLITE_STATIC);
    store_bind_str(st, 4, f->party1);
    store_bind_str(st, 5, f->party2);
    sqlite3_bind_int(st, 6, f->first - 2);
    sqlite3_bind_int(st, 7, f->last + 2);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      c = *f;
      store_col_copy(st, 1, c.party1, sizeof c.party1);
      store_col_copy(st, 2, c.party2, sizeof c.party2);
      store_col_period(st, 3, &c.first, &c.last);
      c.value = sqlite3_column_double(st, 5);
      if (merge_figure_fits(&c, f)) {
        *cluster = sqlite3_column_int64(st, 0);
        break;
      }
    }
    store_release(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_error(s, err, rc, "cannot read the clusters");
  }
  if (*cluster) {
    merge_figure_absorb(&c, f);
    return store_fig_cluster_write(s, SS_FIG_CLUSTER_UPDATE, *cluster, &c, err);
  }
  if (store_fig_cluster_write(s, SS_FIG_CLUSTER_INSERT, 0, f, err)) return DYAD_EIO;
  *cluster = sqlite3_last_insert_rowid(s->db);
  *fresh = 1;
  return 0;
}

/* An event cluster that lost members: deleted if none is left, else its
 * representative folded again from its members in order. */
static int store_ev_refresh(dyad_store *s, int64_t id, dyad_err *err) {
  sqlite3_stmt *st = store_stmt(s, SS_EV_MEMBERS, err);
  if (!st) return DYAD_EIO;
  sqlite3_bind_int64(st, 1, id);
  merge_event c, e;
  store_names names = {0};
  int n = 0, rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    merge_event *m = n ? &e : &c;
    memset(m, 0, sizeof *m);
    store_col_copy(st, 0, m->source, sizeof m->source);
    store_col_copy(st, 1, m->target, sizeof m->target);
    m->source_name = store_names_col(&names, st, 2);
    m->target_name = store_names_col(&names, st, 3);
    store_col_copy(st, 4, m->cameo, sizeof m->cameo);
    store_col_period(st, 5, &m->first, &m->last);
    store_col_copy(st, 7, m->place, sizeof m->place);
    if (n) merge_event_absorb(&c, &e);
    n++;
  }
  store_release(st);
  int ret;
  if (rc != SQLITE_DONE) {
    ret = store_error(s, err, rc, "cannot read a cluster's events");
  } else if (n) {
    ret = store_ev_cluster_write(s, SS_EV_CLUSTER_UPDATE, id, &c, err);
  } else if (!(st = store_stmt(s, SS_CLUSTER_DELETE, err))) {
    ret = DYAD_EIO;
  } else {
    sqlite3_bind_int64(st, 1, id);
    ret = store_done(s, st, "cannot delete a cluster", err);
  }
  store_names_free(&names);
  return ret;
}

static int store_fig_refresh(dyad_store *s, int64_t id, dyad_err *err) {
  sqlite3_stmt *st = store_stmt(s, SS_FIG_MEMBERS, err);
  if (!st) return DYAD_EIO;
  sqlite3_bind_int64(st, 1, id);
  merge_figure c, f;
  int n = 0, rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    merge_figure *m = n ? &f : &c;
    memset(m, 0, sizeof *m);
    store_col_copy(st, 0, m->indicator, sizeof m->indicator);
    store_col_copy(st, 1, m->unit, sizeof m->unit);
    store_col_copy(st, 2, m->kind, sizeof m->kind);
    store_col_copy(st, 3, m->party1, sizeof m->party1);
    store_col_copy(st, 4, m->party2, sizeof m->party2);
    store_col_period(st, 5, &m->first, &m->last);
    m->value = sqlite3_column_double(st, 7);
    if (n) merge_figure_absorb(&c, &f);
    n++;
  }
  store_release(st);
  if (rc != SQLITE_DONE) return store_error(s, err, rc, "cannot read a cluster's figures");
  if (n) return store_fig_cluster_write(s, SS_FIG_CLUSTER_UPDATE, id, &c, err);
  st = store_stmt(s, SS_CLUSTER_DELETE, err);
  if (!st) return DYAD_EIO;
  sqlite3_bind_int64(st, 1, id);
  return store_done(s, st, "cannot delete a cluster", err);
}

/* Recount the documents of each touched cluster (after deletions), then
 * forget them. */
static int store_recount(dyad_store *s, dyad_err *err) {
  store_touched_unique(s);
  for (size_t i = 0; i < s->ntouched; i++) {
    int64_t c = s->touched[i];
    sqlite3_stmt *st = store_stmt(s, c < 0 ? SS_FIG_NSOURCES : SS_EV_NSOURCES, err);
    if (!st) return DYAD_EIO;
    sqlite3_bind_int64(st, 1, c < 0 ? -c : c);
    if (store_done(s, st, "cannot count a cluster's sources", err)) return DYAD_EIO;
  }
  s->ntouched = 0;
  return 0;
}

/* Before doc's report joins cluster: one more source unless doc has a
 * report there already (found through the doc's own few rows). */
static int store_count_source(dyad_store *s, int64_t doc, int64_t cluster, int is_figure, dyad_err *err) {
  sqlite3_stmt *st = store_stmt(s, is_figure ? SS_FIG_SEEN : SS_EV_SEEN, err);
  if (!st) return DYAD_EIO;
  sqlite3_bind_int64(st, 1, doc);
  sqlite3_bind_int64(st, 2, cluster);
  int rc = sqlite3_step(st);
  store_release(st);
  if (rc == SQLITE_ROW) return 0;
  if (rc != SQLITE_DONE) return store_error(s, err, rc, "cannot read a cluster's sources");
  st = store_stmt(s, SS_CLUSTER_ONE_MORE, err);
  if (!st) return DYAD_EIO;
  sqlite3_bind_int64(st, 1, cluster);
  return store_done(s, st, "cannot count a cluster's sources", err);
}

/* Delete a stored document's records and refresh their clusters. */
static int store_doc_clear(dyad_store *s, int64_t doc, dyad_err *err) {
  sqlite3_stmt *st = store_stmt(s, SS_DOC_CLUSTERS, err);
  if (!st) return DYAD_EIO;
  sqlite3_bind_int64(st, 1, doc);
  int rc;
  s->ntouched = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW)
    store_touch(s, sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1));
  store_release(st);
  if (rc != SQLITE_DONE) return store_error(s, err, rc, "cannot read a document's clusters");
  static const int dels[3] = {SS_DEL_EVENTS, SS_DEL_FIGURES, SS_DEL_AGREEMENTS};
  for (int k = 0; k < 3; k++) {
    st = store_stmt(s, dels[k], err);
    if (!st) return DYAD_EIO;
    sqlite3_bind_int64(st, 1, doc);
    if (store_done(s, st, "cannot delete a document's records", err)) return DYAD_EIO;
  }
  store_touched_unique(s);
  for (size_t i = 0; i < s->ntouched; i++) {
    int64_t c = s->touched[i];
    if ((c < 0 ? store_fig_refresh(s, -c, err) : store_ev_refresh(s, c, err))) return DYAD_EIO;
  }
  return store_recount(s, err);
}

/* ---- Records -------------------------------------------------------------- */

/* The actor cache: the id of each actor row this handle has looked up
 * or written, keyed by "code\x1fcountry\x1frole\x1fname".  A loaded
 * day names a few thousand distinct actors in hundreds of thousands of
 * events: two SELECTs per event become two probes. */
typedef struct store_actor_slot {
  char *key;  /* owned; NULL: empty slot */
  uint64_t hash;
  int64_t id;
} store_actor_slot;

static uint64_t store_key_hash(const char *k) {
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  for (; *k; k++) h = (h ^ (unsigned char)*k) * 1099511628211u;
  return h;
}

static store_actor_slot *store_actor_slot_of(const dyad_store *s, const char *key, uint64_t h) {
  size_t mask = s->cap_actors - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask)
    if (!s->actors[i].key || (s->actors[i].hash == h && !strcmp(s->actors[i].key, key))) return &s->actors[i];
}

static void store_actors_forget(dyad_store *s) {
  for (size_t i = 0; i < s->cap_actors; i++) {
    free(s->actors[i].key);
    s->actors[i].key = NULL;
  }
  s->nactors = 0;
}

static void store_actors_put(dyad_store *s, const char *key, uint64_t h, int64_t id) {
  if (2 * (s->nactors + 1) > s->cap_actors) {
    size_t old = s->cap_actors;
    store_actor_slot *was = s->actors;
    s->cap_actors = old ? 2 * old : 1024;
    s->actors = xcalloc(s->cap_actors, sizeof *s->actors);
    for (size_t i = 0; i < old; i++)
      if (was[i].key) *store_actor_slot_of(s, was[i].key, was[i].hash) = was[i];
    free(was);
  }
  store_actor_slot *e = store_actor_slot_of(s, key, h);
  e->key = xstrdup(key);
  e->hash = h;
  e->id = id;
  s->nactors++;
}

static int store_actor(dyad_store *s, const dyad_ctx *ctx, const doc_actor *a, int64_t *id,
                       dyad_err *err) {
  char code[32];
  actors_code_of(ctx, a->state, a->role, code);
  const char *role = dict_role_code(ctx->dict, a->role);
  const char *name = a->person >= 0 ? dict_entry_at(ctx->dict, (uint32_t)a->person)->name : a->name;
  if (!name) name = "";
  char key[512];
  int kn = snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%s", code, a->state, role, name);
  int cached = kn > 0 && (size_t)kn < sizeof key; /* a longer key is not cached */
  uint64_t h = cached ? store_key_hash(key) : 0;
  if (cached && s->cap_actors) {
    const store_actor_slot *e = store_actor_slot_of(s, key, h);
    if (e->key) {
      *id = e->id;
      return 0;
    }
  }
  *id = 0;
  for (int pass = 0; pass < 2 && !*id; pass++) {
    sqlite3_stmt *st = store_stmt(s, pass ? SS_ACTOR_INSERT : SS_ACTOR_FIND, err);
    if (!st) return DYAD_EIO;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, a->state, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, role, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (pass == 0 && rc == SQLITE_ROW) {
      *id = sqlite3_column_int64(st, 0);
      rc = SQLITE_DONE;
    } else if (pass == 1 && rc == SQLITE_DONE) {
      *id = sqlite3_last_insert_rowid(s->db);
    }
    store_release(st);
    if (rc != SQLITE_DONE) return store_error(s, err, rc, "cannot write an actor");
  }
  if (cached) store_actors_put(s, key, h, *id);
  return 0;
}

/* Bind the sentence of record sentence sn at i (text) and its original
 * span at i + 1, i + 2. */
static void store_bind_sentence(sqlite3_stmt *st, int i, const dyad_doc *doc, uint32_t sn) {
  const sentence *se = &doc->sents[sn];
  uint32_t os, oe;
  doc_orig_span(doc, se->start, se->end, &os, &oe);
  sqlite3_bind_text(st, i, doc->text + se->start, (int)(se->end - se->start), SQLITE_STATIC);
  sqlite3_bind_int64(st, i + 1, os);
  sqlite3_bind_int64(st, i + 2, oe);
}

static int store_event(dyad_store *s, const dyad_doc *doc, const dyad_ctx *ctx, int64_t docid, size_t i,
                       dyad_err *err) {
  const event_rec *r = &doc->events[i];
  int64_t src, tgt, cluster;
  if (store_actor(s, ctx, &r->source, &src, err) || store_actor(s, ctx, &r->target, &tgt, err))
    return DYAD_EIO;
  merge_event me;
  int fresh;
  merge_event_of(doc, ctx, r, &me);
  if (store_ev_cluster(s, &me, &cluster, &fresh, err) ||
      (!fresh && store_count_source(s, docid, cluster, 0, err)))
    return DYAD_EIO;
  sqlite3_stmt *st = store_stmt(s, SS_EVENT_INSERT, err);
  if (!st) return DYAD_EIO;
  const cameo_code *c = ctx->cameo ? cameo_find(ctx->cameo, r->cameo) : NULL;
  char date[32], root[3] = {r->cameo[0], r->cameo[1], 0};
  sqlite3_bind_int64(st, 1, docid);
  sqlite3_bind_int64(st, 2, (int64_t)i + 1);
  sqlite3_bind_int64(st, 3, src);
  sqlite3_bind_int64(st, 4, tgt);
  sqlite3_bind_text(st, 5, r->source.state, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 6, r->target.state, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 7, r->cameo, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 8, root, -1, SQLITE_STATIC);
  if (c) {
    sqlite3_bind_int(st, 9, c->quad);
    sqlite3_bind_double(st, 10, c->goldstein);
  } else {
    sqlite3_bind_null(st, 9);
    sqlite3_bind_null(st, 10);
  }
  store_bind_period(st, 11, r->first, r->last, date);
  if (r->place >= 0) {
    const mention *m = &doc->mentions[r->place];
    const token *a = &doc->toks[m->tok_begin], *b = &doc->toks[m->tok_end - 1];
    sqlite3_bind_text(st, 14, doc->text + a->start, (int)(b->end - a->start), SQLITE_STATIC);
    store_bind_str(st, 15, m->state);
  } else {
    sqlite3_bind_null(st, 14);
    sqlite3_bind_null(st, 15);
  }
  const token *ta = &doc->toks[r->trig_begin], *tb = &doc->toks[r->trig_end - 1];
  sqlite3_bind_text(st, 16, doc->text + ta->start, (int)(tb->end - ta->start), SQLITE_STATIC);
  store_bind_sentence(st, 17, doc, r->sent);
  sqlite3_bind_int64(st, 20, cluster);
  return store_done(s, st, "cannot write an event", err);
}

static int store_figure(dyad_store *s, const dyad_doc *doc, int64_t docid, size_t i, dyad_err *err) {
  const figure_rec *r = &doc->figures[i];
  merge_figure mf;
  int64_t cluster;
  int fresh;
  merge_figure_of(r, &mf);
  if (store_fig_cluster(s, &mf, &cluster, &fresh, err) ||
      (!fresh && store_count_source(s, docid, cluster, 1, err)))
    return DYAD_EIO;
  sqlite3_stmt *st = store_stmt(s, SS_FIGURE_INSERT, err);
  if (!st) return DYAD_EIO;
  char period[32];
  sqlite3_bind_int64(st, 1, docid);
  sqlite3_bind_int64(st, 2, (int64_t)i + 1);
  sqlite3_bind_text(st, 3, r->indicator, -1, SQLITE_STATIC);
  store_bind_str(st, 4, r->party1);
  store_bind_str(st, 5, r->party2);
  store_bind_period(st, 6, r->first, r->last, period);
  sqlite3_bind_double(st, 9, r->value);
  sqlite3_bind_text(st, 10, r->unit, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 11, r->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 12, doc->text + r->start, (int)(r->end - r->start), SQLITE_STATIC);
  store_bind_sentence(st, 13, doc, r->sent);
  sqlite3_bind_int64(st, 16, cluster);
  return store_done(s, st, "cannot write a figure", err);
}

static int store_agreement(dyad_store *s, const dyad_doc *doc, int64_t docid, size_t i, dyad_err *err) {
  const agreement_rec *r = &doc->agreements[i];
  sqlite3_stmt *st = store_stmt(s, SS_AGREEMENT_INSERT, err);
  if (!st) return DYAD_EIO;
  char date[32];
  sqlite3_bind_int64(st, 1, docid);
  sqlite3_bind_int64(st, 2, (int64_t)i + 1);
  sqlite3_bind_text(st, 3, doc->text + r->start, (int)(r->end - r->start), SQLITE_STATIC);
  store_bind_str(st, 4, r->party1);
  store_bind_str(st, 5, r->party2);
  store_bind_period(st, 6, r->first, r->last, date);
  store_bind_sentence(st, 9, doc, r->sent);
  return store_done(s, st, "cannot write an agreement", err);
}

static int store_doc_row(dyad_store *s, const dyad_doc *doc, const store_docinfo *di, int64_t *id,
                         dyad_err *err) {
  sqlite3_stmt *st = store_stmt(s, *id ? SS_DOC_UPDATE : SS_DOC_INSERT, err);
  if (!st) return DYAD_EIO;
  if (*id) sqlite3_bind_int64(st, 1, *id);
  else sqlite3_bind_text(st, 1, doc->id, -1, SQLITE_STATIC);
  store_bind_str(st, 2, doc->path);
  store_bind_str(st, 3, di->url);
  store_bind_str(st, 4, di->published);
  sqlite3_bind_text(st, 5, di->hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 6, (int64_t)doc->orig_len);
  if (store_done(s, st, "cannot write the docs table", err)) return DYAD_EIO;
  if (!*id) *id = sqlite3_last_insert_rowid(s->db);
  return 0;
}

static int store_add(dyad_store *s, const dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err) {
  store_docinfo di;
  int64_t id;
  int same;
  store_docinfo_of(doc, &di);
  if (store_doc_find(s, doc, &di, &id, &same, err)) return DYAD_EIO;
  s->open.articles++;
  if (same) {
    s->open.unchanged++;
    return 1;
  }
  if (id) {
    if (store_doc_clear(s, id, err)) return DYAD_EIO;
    s->open.replaced++;
  }
  if (store_doc_row(s, doc, &di, &id, err)) return DYAD_EIO;
  for (size_t i = 0; i < doc->nevents; i++)
    if (store_event(s, doc, ctx, id, i, err)) return DYAD_EIO;
  for (size_t i = 0; i < doc->nfigures; i++)
    if (store_figure(s, doc, id, i, err)) return DYAD_EIO;
  for (size_t i = 0; i < doc->nagreements; i++)
    if (store_agreement(s, doc, id, i, err)) return DYAD_EIO;
  s->open.events += (long)doc->nevents;
  s->open.figures += (long)doc->nfigures;
  s->open.agreements += (long)doc->nagreements;
  return 0;
}

int dyad_store_add(dyad_store *s, const dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err) {
  if (store_begin(s, err)) return DYAD_EIO;
  int rc = store_add(s, doc, ctx, err);
  if (rc < 0) return store_fail(s);
  if (++s->pending >= s->batch && dyad_store_commit(s, err)) return DYAD_EIO;
  return rc;
}
