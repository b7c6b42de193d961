/* harness.h: the unit-test harness.  Each tests/unit/test_<module>.c is
 * one program: table-driven cases checked with EXPECT* macros, and
 * HARNESS_END() printing "file: N passed, N failed" (tests/run.sh sums
 * them).  A failure prints "file:line: case <id>: expected X, got Y". */
#ifndef DYAD_HARNESS_H
#define DYAD_HARNESS_H
#include <stdio.h>
#include <string.h>

static int harness_pass, harness_fail;

#define EXPECT(cond, id, ...)                                              \
  do {                                                                     \
    if (cond) harness_pass++;                                              \
    else {                                                                 \
      harness_fail++;                                                      \
      fprintf(stderr, "%s:%d: case %s: ", __FILE__, __LINE__, (id));       \
      fprintf(stderr, __VA_ARGS__);                                        \
      fputc('\n', stderr);                                                 \
    }                                                                      \
  } while (0)

#define EXPECT_STR(id, exp, got)                                           \
  do {                                                                     \
    const char *e_ = (exp), *g_ = (got);                                   \
    EXPECT(g_ && strcmp(e_, g_) == 0, id, "expected \"%s\", got \"%s\"",   \
           e_, g_ ? g_ : "(null)");                                        \
  } while (0)

#define EXPECT_INT(id, exp, got)                                           \
  do {                                                                     \
    long long e_ = (long long)(exp), g_ = (long long)(got);                \
    EXPECT(e_ == g_, id, "expected %lld, got %lld", e_, g_);               \
  } while (0)

#define HARNESS_END()                                                      \
  do {                                                                     \
    printf("%s: %d passed, %d failed\n", __FILE__, harness_pass,           \
           harness_fail);                                                  \
    return harness_fail ? 1 : 0;                                           \
  } while (0)

#endif
