/* err.c: dyad_err filling, dyad_strerror, allocation wrappers. */
#include "err.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *dyad_strerror(int code) {
  switch (code) {
  case DYAD_OK: return "success";
  case DYAD_ENOMEM: return "out of memory";
  case DYAD_EIO: return "input/output error";
  case DYAD_EDATA: return "malformed data file";
  case DYAD_EINPUT: return "input rejected";
  case DYAD_EUSAGE: return "invalid argument";
  case DYAD_ELIMIT: return "input exceeds a limit";
  default: return "unknown error";
  }
}

int err_set(dyad_err *err, int code, const char *path, long line, long col,
            const char *fmt, ...) {
  if (!err) return code;
  err->code = code;
  snprintf(err->path, sizeof err->path, "%s", path ? path : "");
  err->line = line;
  err->col = col;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  return code;
}

char *dyad_err_format(const dyad_err *err, char *buf, size_t n) {
  const char *msg = err->message[0] ? err->message : dyad_strerror(err->code);
  if (!err->path[0])
    snprintf(buf, n, "error: %s", msg);
  else if (err->line && err->col)
    snprintf(buf, n, "%s:%ld:%ld: error: %s", err->path, err->line, err->col, msg);
  else if (err->line)
    snprintf(buf, n, "%s:%ld: error: %s", err->path, err->line, msg);
  else
    snprintf(buf, n, "%s: error: %s", err->path, msg);
  return buf;
}

void xoom(size_t n) {
  fprintf(stderr, "dyad: out of memory (%zu bytes)\n", n);
  abort();
}

void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) xoom(n);
  return p;
}

void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) xoom(n * size);
  return p;
}

void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) xoom(n);
  return q;
}

char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = xmalloc(n);
  memcpy(p, s, n);
  return p;
}
