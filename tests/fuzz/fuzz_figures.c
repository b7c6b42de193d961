/* fuzz_figures.c: libFuzzer target for src/figures.c.
 *
 * Repairs the input into valid UTF-8 (utf8_repair, as the normalise stage
 * guarantees), takes a reference date from its first two bytes, and runs
 * figures_find and figures_number on it, checking their promises: the
 * count does not depend on the cap; written figures have spans inside the
 * text, non-empty and in order without overlap; values are finite and not
 * negative; indicator, unit and kind are NUL-terminated, the kind is
 * actual, target or average, the unit is non-empty; figures_number reads
 * within its input and gives a finite value, 0 when it reads nothing.
 * Seeds: tests/fuzz/corpus/fuzz_figures/; crashes: tests/fuzz/regress/.
 */
#include "figures.h"
#include "utf8.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_FIGURES_CAP 8

static void fuzz_figures_check_str(const char *s, size_t cap) {
  if (!memchr(s, 0, cap)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dyad_date ref = {0, 0, 0};
  if (size >= 2) {
    ref.year = data[0] & 1 ? 1990 + data[0] % 50 : 0;
    ref.month = data[1] % 13;
  }
  size_t n = utf8_repair_size((const char *)data, size);
  char *text = malloc(n + 1);
  if (!text) return 0;
  utf8_repair((const char *)data, size, text);
  text[n] = 0;

  figure out[FUZZ_FIGURES_CAP];
  size_t count = figures_find(text, n, ref, out, FUZZ_FIGURES_CAP);
  if (figures_find(text, n, ref, NULL, 0) != count) abort();
  for (size_t i = 0; i < count && i < FUZZ_FIGURES_CAP; i++) {
    const figure *f = &out[i];
    if (f->start >= f->end || f->end > n) abort();
    if (i > 0 && f->start < out[i - 1].end) abort();
    if (!isfinite(f->value) || f->value < 0) abort();
    fuzz_figures_check_str(f->indicator, sizeof f->indicator);
    fuzz_figures_check_str(f->unit, sizeof f->unit);
    fuzz_figures_check_str(f->kind, sizeof f->kind);
    if (!f->unit[0]) abort();
    if (strcmp(f->kind, "actual") && strcmp(f->kind, "target") && strcmp(f->kind, "average"))
      abort();
  }

  for (size_t i = 0; i < n && i < 64; i++) {
    double v = -1;
    size_t used = figures_number(text + i, n - i, &v);
    if (used > n - i || !isfinite(v) || v < 0 || (used == 0 && v != 0)) abort();
  }
  free(text);
  return 0;
}
