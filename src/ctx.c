/* ctx.c: loading and freeing the context (read-only resources).
 *
 * The data directory is the first of: the option, $DYAD_DATA, and
 * DYAD_DATADIR compiled in by the Makefile (the build tree's data/).  It
 * holds fr.lex, the French lexicon made by tools/mklexicon, the actor
 * dictionaries copied from data/, and countries.tsv generated from
 * iso-codes by tools/mkcountries.py.
 */
#include "ctx.h"
#include "err.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "build/data"
#endif

static const char *ctx_data_dir(const dyad_ctx_opts *opts) {
  const char *dir = opts ? opts->data_dir : NULL;
  if (!dir || !*dir) dir = getenv("DYAD_DATA");
  if (!dir || !*dir) dir = DYAD_DATADIR;
  return dir;
}

typedef struct ctx_first {
  dyad_warn_fn fn;
  void *user;
  dyad_err first;      /* the first problem reported */
  int n;
} ctx_first;

static void ctx_report(void *user, const char *file, long line, const char *msg) {
  ctx_first *f = user;
  if (f->n++ == 0) err_set(&f->first, DYAD_EDATA, file, line, 0, "%s", msg);
  if (f->fn) f->fn(f->user, file, line, msg);
}

/* dir/name, malloc'd. */
static char *ctx_path(const char *dir, const char *name) {
  size_t n = strlen(dir) + strlen(name) + 2;
  char *path = xmalloc(n);
  snprintf(path, n, "%s/%s", dir, name);
  return path;
}

/* Load the predicate dictionary of dir; problems counted in *problems. */
static verbs_table *ctx_load_verbs(const char *dir, ctx_first *f, int *problems) {
  char *path = ctx_path(dir, "verbs.tsv");
  int p = 0;
  verbs_table *v = verbs_load(path, ctx_report, f, &p);
  free(path);
  *problems += p;
  return v;
}

/* Load the CAMEO table of dir; problems counted in *problems. */
static cameo_table *ctx_load_cameo(const char *dir, ctx_first *f, int *problems) {
  char *path = ctx_path(dir, "cameo.tsv");
  int p = 0;
  cameo_table *c = cameo_load(path, ctx_report, f, &p);
  free(path);
  *problems += p;
  return c;
}

/* Load the dictionaries into a new dict; returns the number of problems
 * (or -1) and the dict in *out. */
static int ctx_load_dicts(const dyad_ctx_opts *opts, const char *dir, ctx_first *f, dict **out) {
  dict *d = dict_new();
  int problems = dict_load_builtin(d, dir, ctx_report, f);
  if (problems >= 0 && opts)
    for (size_t i = 0; i < opts->ndict_files; i++) {
      int p = dict_load_file(d, opts->dict_files[i], 1, ctx_report, f);
      problems = p < 0 ? -1 : problems + p;
      if (p < 0) break;
    }
  if (problems >= 0) problems += dict_finish(d, ctx_report, f);
  *out = d;
  return problems;
}

dyad_ctx *dyad_ctx_open(const dyad_ctx_opts *opts, dyad_err *err) {
  const char *data_dir = ctx_data_dir(opts);
  dyad_ctx *ctx = xcalloc(1, sizeof *ctx);
  ctx->code_flags = opts ? opts->code_flags : 0;
  ctx->data_dir = xstrdup(data_dir);
  char *path = ctx_path(data_dir, "fr.lex");
  ctx->lex = lexicon_open(path, err);
  free(path);
  if (!ctx->lex) {
    dyad_ctx_free(ctx);
    return NULL;
  }
  ctx_first f = {opts ? opts->report : NULL, opts ? opts->report_user : NULL, {0}, 0};
  int problems = ctx_load_dicts(opts, data_dir, &f, &ctx->dict);
  if (problems >= 0) ctx->verbs = ctx_load_verbs(data_dir, &f, &problems);
  if (problems >= 0) ctx->cameo = ctx_load_cameo(data_dir, &f, &problems);
  ctx->dates = dates_index_new();
  ctx->figures = figures_index_new();
  if (ctx->verbs) ctx->trigger_reads = verbs_trigger_readings(ctx->verbs, ctx->lex);
  if (problems != 0) {
    if (err) {
      *err = f.first;
      if (problems > 1) {
        size_t l = strlen(err->message);
        snprintf(err->message + l, sizeof err->message - l,
                 " (and %d more problems: run 'dyad dict check')", problems - 1);
      }
    }
    dyad_ctx_free(ctx);
    return NULL;
  }
  return ctx;
}

dyad_ctx *dyad_ctx_new(const char *data_dir, dyad_err *err) {
  dyad_ctx_opts opts = {0};
  opts.data_dir = data_dir;
  return dyad_ctx_open(&opts, err);
}

int dyad_dict_check(const dyad_ctx_opts *opts) {
  ctx_first f = {opts ? opts->report : NULL, opts ? opts->report_user : NULL, {0}, 0};
  dict *d;
  int problems = ctx_load_dicts(opts, ctx_data_dir(opts), &f, &d);
  dict_free(d);
  if (problems >= 0) verbs_free(ctx_load_verbs(ctx_data_dir(opts), &f, &problems));
  if (problems >= 0) cameo_free(ctx_load_cameo(ctx_data_dir(opts), &f, &problems));
  return problems;
}

void dyad_ctx_free(dyad_ctx *ctx) {
  if (!ctx) return;
  lexicon_free(ctx->lex);
  dict_free(ctx->dict);
  verbs_free(ctx->verbs);
  cameo_free(ctx->cameo);
  dates_index_free(ctx->dates);
  figures_index_free(ctx->figures);
  free(ctx->trigger_reads);
  free(ctx->data_dir);
  free(ctx);
}

void dyad_ctx_set_warn(dyad_ctx *ctx, dyad_warn_fn fn, void *user) {
  ctx->warn = fn;
  ctx->warn_user = user;
}

void ctx_warn(const dyad_ctx *ctx, const char *path, long line, const char *fmt, ...) {
  if (!ctx || !ctx->warn) return;
  char msg[600];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  ctx->warn(ctx->warn_user, path, line, msg);
}
