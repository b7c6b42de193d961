/* store.h: the SQLite event store, inside the library.
 *
 * The public side is in include/dyad.h (dyad_store_open, _unchanged,
 * _add, _commit, _close; dyad_events_write).  store.c opens the database,
 * creates or upgrades its schema (docs/store.md, keyed on PRAGMA
 * user_version), writes articles one batch per transaction and joins
 * their events and figures to the clusters already stored (merge.h).
 * events.c reads the clusters back for `dyad events`.
 *
 * The handle owns one SQLite connection and its cached statements; it
 * is for one thread.  After a database error the open batch is rolled
 * back and the handle refuses further writes (reads still work).
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H
#include "dyad.h"
#include <sqlite3.h>
#include <stdint.h>

/* The schema version this dyad writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 1
/* Articles per transaction unless dyad_store_set_batch says otherwise:
 * about a second of `dyad load` on two cores.  A commit costs ~12 ms on
 * a 300 MB store; with 500 articles a batch, commits took a tenth of a
 * 200,000-article load. */
#define STORE_BATCH 5000
/* How long a write waits for another process's lock, in milliseconds. */
#define STORE_BUSY_MS 5000
/* A writer's WAL is copied into the database (checkpoint) once it holds
 * this many pages: 64 MB of 4 kB pages.  SQLite's 1,000 pages made a
 * bulk load rewrite the same index pages at every checkpoint (a third of
 * `dyad load`'s time); readers are not slowed by a WAL this size. */
#define STORE_CHECKPOINT_PAGES 16384

enum store_stmt_id {
  SS_DOC_FIND = 0,
  SS_DOC_INSERT,
  SS_DOC_UPDATE,
  SS_DOC_CLUSTERS,
  SS_DEL_EVENTS,
  SS_DEL_FIGURES,
  SS_DEL_AGREEMENTS,
  SS_ACTOR_FIND,
  SS_ACTOR_INSERT,
  SS_EVENT_INSERT,
  SS_FIGURE_INSERT,
  SS_AGREEMENT_INSERT,
  SS_EV_CANDIDATES,
  SS_EV_LONE,
  SS_EV_CLUSTER_INSERT,
  SS_EV_CLUSTER_UPDATE,
  SS_EV_MEMBERS,
  SS_EV_NSOURCES,
  SS_EV_SEEN,
  SS_FIG_CANDIDATES,
  SS_FIG_CLUSTER_INSERT,
  SS_FIG_CLUSTER_UPDATE,
  SS_FIG_MEMBERS,
  SS_FIG_NSOURCES,
  SS_FIG_SEEN,
  SS_CLUSTER_ONE_MORE,
  SS_CLUSTER_DELETE,
  SS__COUNT
};

struct dyad_store {
  sqlite3 *db;                     /* owned: the connection */
  char *path;                      /* owned: the file, for messages */
  int readonly;                    /* opened with DYAD_STORE_READONLY */
  int in_txn;                      /* a batch transaction is open */
  int broken;                      /* a write failed: no more writes */
  size_t batch;                    /* articles per transaction */
  size_t pending;                  /* articles in the open transaction */
  dyad_store_stats done;           /* committed */
  dyad_store_stats open;           /* in the open transaction */
  sqlite3_stmt *stmt[SS__COUNT];   /* owned: prepared on first use */
  int64_t *touched;                /* owned: clusters a replaced document's */
  size_t ntouched, cap_touched;    /* rows left (figures' negated) */
  struct store_actor_slot *actors; /* owned: actor ids by (code, country,
                                      role, name), an open-addressing table */
  size_t nactors, cap_actors;      /* entries, slots (a power of 2) */
  struct store_code_slot *codes;   /* owned: event clusters per (pair, code),
                                      open addressing (merge_code_key) */
  size_t ncodes, cap_codes;
};

/* The CREATE statements of the current schema (docs/store.md), as
 * executed on an empty database.  Static. */
const char *store_schema_sql(void);

/* Fill err (DYAD_EIO, path = the database) from SQLite's last error on
 * s->db, saying what dyad was doing; a busy or locked database gives
 * "database is locked by another process", a full disk or file size
 * limit "disk full (<doing>: <system error>)".  Call it right after the
 * failed SQLite call (errno is read).  Returns DYAD_EIO. */
int store_error(const dyad_store *s, dyad_err *err /* out */, int rc, const char *doing);

/* The cached statement id, reset and ready to bind; NULL on failure
 * (err filled). */
sqlite3_stmt *store_stmt(dyad_store *s, int id, dyad_err *err /* out */);

#endif
