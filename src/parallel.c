/* parallel.c: dyad_run, the pipeline over many documents on a pool of
 * threads, with the output of one thread (include/dyad.h).
 *
 * The calling thread reads (ingest_read_path, path after path) and
 * writes; N worker threads run the work function (dyad_process) on the
 * documents in between:
 *
 *   calling thread: read doc s -> slot s % W -> ... -> output in order
 *   workers:                      take the next slot, work, mark it done
 *
 * The slots are a ring of W = 64N documents (at least 16) numbered by
 * their input order s: the reader puts document s in slot s % W only
 * once document s - W has been output, so at most W documents are held
 * whatever the size of the input; workers take them in input order; the
 * calling thread outputs slot next_out as soon as it is done, and waits
 * for it only when the ring is full or the input is over.  The output
 * function therefore sees the documents in input order, on the calling
 * thread, as with one thread: dyad_merge_doc and the store, which depend
 * on that order, need no change.
 *
 * Warnings and path errors are raised by the reader, which runs ahead of
 * the output: each is tagged with the number of documents read before it
 * and given (to the context's callback, to opts->path_error) once those
 * documents have been output, so stderr reads as with one thread.  They
 * wait in a queue of at most PARALLEL_MAX_MSGS; a longer queue (a file
 * of bad lines) first waits for the documents in flight.  The work
 * function raises no warning: no stage calls ctx_warn.
 *
 * Synchronisation: one mutex guards the counters (next_seq, next_take,
 * next_out, quit, cancel) and the slots' states; a slot's document, rc
 * and err belong to the worker that took it until it is marked done
 * under the mutex, then to the calling thread.  The context is only read
 * by the workers (ctx.h: read-only after load).
 *
 * With one thread (opts->threads 1, or a single online CPU), no thread is
 * made: each document is worked and output within dyad_read_path's
 * callback, as the CLI did before.
 */
#include "ctx.h"
#include "doc.h"
#include "err.h"
#include "ingest.h"
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#define PARALLEL_PER_THREAD 64  /* documents held per worker */
#define PARALLEL_MIN_SLOTS 16
#define PARALLEL_WAKE_RUN 4     /* the caller waits for a quarter of the ring */
#define PARALLEL_MAX_MSGS 4096  /* warnings and errors held back */

enum { SLOT_QUEUED = 0, SLOT_DONE = 1 };

typedef struct parallel_slot {
  dyad_doc *doc;            /* owned: the worker's, then the caller's */
  int state;                /* SLOT_*, under the mutex */
  int skip;                 /* the skip function said no work */
  int rc;                   /* the work's result */
  dyad_err err;             /* its details when rc < 0 */
  dyad_input_stats stats;   /* the input statistics once it was read */
} parallel_slot;

/* A warning or a path error held back until the documents read before it
 * are output. */
typedef struct parallel_msg {
  size_t seq;               /* documents read before it */
  char *path;               /* owned: a warning's file */
  long line;
  char *text;               /* owned: a warning's message */
  dyad_err *err;            /* owned: a path error, NULL for a warning */
} parallel_msg;

typedef struct parallel_run {
  const dyad_ctx *ctx;
  const dyad_run_opts *opts;
  dyad_work_fn work;
  dyad_input_stats *stats;  /* the caller's, or local */
  dyad_input_stats local;
  int first_rc;             /* the first path error given */
  int stopped;              /* output asked to stop */
  dyad_input_stats stop_stats; /* stats when the document that stopped was read */

  /* the thread pool (threads > 1) */
  pthread_mutex_t mu;
  pthread_cond_t work_cv;   /* to workers: a slot queued, or quit */
  pthread_cond_t done_cv;   /* to the calling thread: slot next_out done */
  parallel_slot *slots;     /* owned: nslots */
  size_t nslots;
  size_t next_seq;          /* documents queued (written by the caller, under mu) */
  size_t next_take;         /* next slot to work on (under mu) */
  size_t next_out;          /* next slot to output (written by the caller, under mu) */
  size_t wait_seq;          /* under mu: the slot the caller waits for (done_cv) */
  int quit;                 /* under mu: no more documents will come */
  int cancel;               /* under mu: skip the work (the run stopped) */

  /* calling thread only */
  parallel_msg *msgs;       /* owned: queue msgs[mhead, nmsgs) */
  size_t mhead, nmsgs, capmsgs;
} parallel_run;

int dyad_cpus(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > DYAD_MAX_THREADS ? DYAD_MAX_THREADS : (int)n;
}

static int parallel_default_work(void *user, dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err) {
  (void)user;
  return dyad_process(doc, ctx, err);
}

/* ---- one thread ---------------------------------------------------------- */

static int parallel_seq_doc(void *user, dyad_doc *doc) {
  parallel_run *p = user;
  const dyad_run_opts *o = p->opts;
  dyad_err err;
  memset(&err, 0, sizeof err);
  int skip = o->skip && o->skip(o->user, doc), rc = 0;
  if (!skip) rc = p->work(o->user, doc, p->ctx, &err);
  int stop = o->output && o->output(o->user, doc, skip ? DYAD_SKIPPED : rc, &err);
  dyad_doc_free(doc);
  if (stop) p->stopped = 1;
  return stop;
}

static void parallel_seq(parallel_run *p, const char *const *paths, size_t npaths) {
  for (size_t i = 0; i < npaths && !p->stopped; i++) {
    dyad_err err;
    int rc = dyad_read_path(p->ctx, paths[i], parallel_seq_doc, p, p->stats, &err);
    if (rc && !p->stopped) {
      if (!p->first_rc) p->first_rc = rc;
      if (p->opts->path_error) p->opts->path_error(p->opts->user, &err);
    }
  }
}

/* ---- held-back messages (calling thread) ---------------------------------- */

static void parallel_msg_free(parallel_msg *m) {
  free(m->path);
  free(m->text);
  free(m->err);
}

static void parallel_msg_give(parallel_run *p, const parallel_msg *m) {
  if (!m->err) {
    ctx_warn(p->ctx, m->path, m->line, "%s", m->text);
  } else {
    if (!p->first_rc) p->first_rc = m->err->code;
    if (p->opts->path_error) p->opts->path_error(p->opts->user, m->err);
  }
}

/* Give the messages whose documents are all output; all of them are
 * dropped once the run has stopped. */
static void parallel_msgs_flush(parallel_run *p) {
  while (p->mhead < p->nmsgs && (p->stopped || p->msgs[p->mhead].seq <= p->next_out)) {
    parallel_msg *m = &p->msgs[p->mhead++];
    if (!p->stopped) parallel_msg_give(p, m);
    parallel_msg_free(m);
  }
  if (p->mhead == p->nmsgs) p->mhead = p->nmsgs = 0;
}

static void parallel_drain(parallel_run *p, size_t upto, size_t most);

/* Hold m back (taking its memory) or give it now if nothing read before
 * it is waiting. */
static void parallel_msg_add(parallel_run *p, parallel_msg *m) {
  if (p->stopped) {
    parallel_msg_free(m);
    return;
  }
  m->seq = p->next_seq;
  if (p->mhead == p->nmsgs && m->seq <= p->next_out) {
    parallel_msg_give(p, m);
    parallel_msg_free(m);
    return;
  }
  if (p->nmsgs == p->capmsgs) {
    p->capmsgs = p->capmsgs ? 2 * p->capmsgs : 64;
    p->msgs = xrealloc(p->msgs, p->capmsgs * sizeof *p->msgs);
  }
  p->msgs[p->nmsgs++] = *m;
  if (p->nmsgs - p->mhead >= PARALLEL_MAX_MSGS) parallel_drain(p, p->next_seq, SIZE_MAX);
}

static void parallel_warn(void *user, const char *path, long line, const char *msg) {
  parallel_run *p = user;
  if (p->stopped) return;
  parallel_msg m = {0, xstrdup(path ? path : ""), line, xstrdup(msg), NULL};
  parallel_msg_add(p, &m);
}

static void parallel_path_error(parallel_run *p, const dyad_err *err) {
  parallel_msg m = {0, NULL, 0, NULL, xmalloc(sizeof *err)};
  *m.err = *err;
  parallel_msg_add(p, &m);
}

/* ---- the pool ---------------------------------------------------------------- */

static void *parallel_worker(void *arg) {
  parallel_run *p = arg;
  pthread_mutex_lock(&p->mu);
  for (;;) {
    while (p->next_take == p->next_seq && !p->quit) pthread_cond_wait(&p->work_cv, &p->mu);
    if (p->next_take == p->next_seq) break; /* quit, nothing left */
    size_t seq = p->next_take++;
    parallel_slot *s = &p->slots[seq % p->nslots];
    int cancel = p->cancel;
    pthread_mutex_unlock(&p->mu);
    if (!s->skip && !cancel) s->rc = p->work(p->opts->user, s->doc, p->ctx, &s->err);
    pthread_mutex_lock(&p->mu);
    s->state = SLOT_DONE;
    if (seq == p->wait_seq) pthread_cond_signal(&p->done_cv);
  }
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

/* Output a done slot and free its document. */
static void parallel_output(parallel_run *p, parallel_slot *s) {
  const dyad_run_opts *o = p->opts;
  if (!p->stopped && o->output &&
      o->output(o->user, s->doc, s->skip ? DYAD_SKIPPED : s->rc, &s->err)) {
    p->stopped = 1;
    p->stop_stats = s->stats;
    pthread_mutex_lock(&p->mu);
    p->cancel = 1;
    pthread_mutex_unlock(&p->mu);
  }
  dyad_doc_free(s->doc);
  s->doc = NULL;
}

/* Output the documents done, in order, waiting for each one numbered
 * below upto, and at most `most` more once those are out; then give the
 * messages they were holding back. */
static void parallel_drain(parallel_run *p, size_t upto, size_t most) {
  pthread_mutex_lock(&p->mu);
  while (p->next_out < p->next_seq) {
    parallel_slot *s = &p->slots[p->next_out % p->nslots];
    if (s->state != SLOT_DONE) {
      if (p->next_out >= upto) break;
      /* wait for a run of documents, not for each one: a wake-up per
         document (a futex call, an interrupt to the other CPU) made two
         threads spend a fifth more CPU time than one */
      size_t w = p->next_out + p->nslots / PARALLEL_WAKE_RUN;
      if (w >= p->next_seq) w = p->next_seq - 1;
      if (p->slots[w % p->nslots].state == SLOT_DONE) w = p->next_out;
      p->wait_seq = w;
      pthread_cond_wait(&p->done_cv, &p->mu);
      continue;
    }
    if (p->next_out >= upto && most-- == 0) break;
    pthread_mutex_unlock(&p->mu);
    parallel_output(p, s);
    pthread_mutex_lock(&p->mu);
    p->next_out++;
    pthread_mutex_unlock(&p->mu);
    parallel_msgs_flush(p);
    pthread_mutex_lock(&p->mu);
  }
  pthread_mutex_unlock(&p->mu);
}

/* ingest's callback: queue doc once a slot is free. */
static int parallel_doc(void *user, dyad_doc *doc) {
  parallel_run *p = user;
  const dyad_run_opts *o = p->opts;
  if (!p->stopped && p->next_seq - p->next_out >= p->nslots)
    parallel_drain(p, p->next_seq - p->nslots + 1, 0);
  if (p->stopped) {
    dyad_doc_free(doc);
    return 1;
  }
  parallel_slot *s = &p->slots[p->next_seq % p->nslots];
  s->doc = doc;
  s->state = SLOT_QUEUED;
  s->skip = o->skip && o->skip(o->user, doc);
  s->rc = 0;
  memset(&s->err, 0, sizeof s->err);
  s->stats = *p->stats;
  pthread_mutex_lock(&p->mu);
  p->next_seq++;
  pthread_cond_signal(&p->work_cv);
  pthread_mutex_unlock(&p->mu);
  /* output one document done, if any: one out for one in keeps the ring
     full of work, where emptying it (a slow output, e.g. dyad load's
     SQLite writes, on many documents) left the workers idle meanwhile */
  parallel_drain(p, 0, 1);
  return p->stopped;
}

/* Run with nthreads workers; returns the number of threads made: 0 when
 * none could be (nothing is read then). */
static int parallel_pool(parallel_run *p, const char *const *paths, size_t npaths, int nthreads) {
  pthread_t *tid = xmalloc((size_t)nthreads * sizeof *tid);
  p->nslots = (size_t)nthreads * PARALLEL_PER_THREAD;
  if (p->nslots < PARALLEL_MIN_SLOTS) p->nslots = PARALLEL_MIN_SLOTS;
  p->slots = xcalloc(p->nslots, sizeof *p->slots);
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->work_cv, NULL);
  pthread_cond_init(&p->done_cv, NULL);
  int n = 0;
  while (n < nthreads && pthread_create(&tid[n], NULL, parallel_worker, p) == 0) n++;
  if (n > 0) {
    ingest_opts io = {0, parallel_warn, p};
    for (size_t i = 0; i < npaths && !p->stopped; i++) {
      dyad_err err;
      int rc = ingest_read_path(p->ctx, paths[i], &io, parallel_doc, p, p->stats, &err);
      if (rc) parallel_path_error(p, &err);
    }
    parallel_drain(p, p->next_seq, SIZE_MAX);
    parallel_msgs_flush(p);
    pthread_mutex_lock(&p->mu);
    p->quit = 1;
    pthread_cond_broadcast(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
    for (int k = 0; k < n; k++) pthread_join(tid[k], NULL);
  }
  pthread_cond_destroy(&p->done_cv);
  pthread_cond_destroy(&p->work_cv);
  pthread_mutex_destroy(&p->mu);
  free(p->slots);
  free(p->msgs);
  free(tid);
  return n;
}

int dyad_run(const dyad_ctx *ctx, const char *const *paths, size_t npaths,
             const dyad_run_opts *opts, dyad_input_stats *stats) {
  parallel_run p;
  memset(&p, 0, sizeof p);
  p.ctx = ctx;
  p.opts = opts;
  p.work = opts->work ? opts->work : parallel_default_work;
  p.stats = stats ? stats : &p.local;
  int nthreads = opts->threads > 0 ? opts->threads : dyad_cpus();
  if (nthreads > DYAD_MAX_THREADS) nthreads = DYAD_MAX_THREADS;
  if (nthreads < 2 || parallel_pool(&p, paths, npaths, nthreads) == 0)
    parallel_seq(&p, paths, npaths);
  else if (p.stopped)
    *p.stats = p.stop_stats;
  return p.first_rc;
}
