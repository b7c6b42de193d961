/* err.h: error filling and the out-of-memory policy.
 *
 * err_set fills a caller-owned dyad_err (printf-style message).  xmalloc
 * and friends abort with "dyad: out of memory (N bytes)" rather than
 * return NULL: input limits keep bad input from getting there.
 */
#ifndef DYAD_ERR_H
#define DYAD_ERR_H
#include "dyad.h"
#include <stdlib.h>

#if defined(__GNUC__)
#define DYAD_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define DYAD_NORETURN __attribute__((noreturn))
#else
#define DYAD_PRINTF(a, b)
#define DYAD_NORETURN
#endif

/* Fill err (may be NULL) and return code. */
int err_set(dyad_err *err, int code, const char *path, long line, long col,
            const char *fmt, ...) DYAD_PRINTF(6, 7);

DYAD_NORETURN void xoom(size_t n);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
