/* ctx.c: loading and freeing the context (read-only resources).
 *
 * The data directory is the first of: the argument, $DYAD_DATA, and
 * DYAD_DATADIR compiled in by the Makefile (the build tree's data/).  It
 * holds fr.lex, the French lexicon made by tools/mklexicon.
 */
#include "ctx.h"
#include "err.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "build/data"
#endif

dyad_ctx *dyad_ctx_new(const char *data_dir, dyad_err *err) {
  if (!data_dir || !*data_dir) data_dir = getenv("DYAD_DATA");
  if (!data_dir || !*data_dir) data_dir = DYAD_DATADIR;
  dyad_ctx *ctx = xcalloc(1, sizeof *ctx);
  ctx->data_dir = xstrdup(data_dir);
  size_t n = strlen(data_dir) + 16;
  char *path = xmalloc(n);
  snprintf(path, n, "%s/fr.lex", data_dir);
  ctx->lex = lexicon_open(path, err);
  free(path);
  if (!ctx->lex) {
    dyad_ctx_free(ctx);
    return NULL;
  }
  return ctx;
}

void dyad_ctx_free(dyad_ctx *ctx) {
  if (!ctx) return;
  lexicon_free(ctx->lex);
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
