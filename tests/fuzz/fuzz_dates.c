/* fuzz_dates.c: libFuzzer target for src/dates.c.
 *
 * The first 4 input bytes give the reference date (year 0-2047 from two
 * bytes, month 0-15 and day 0-31 so that invalid ones are tried too); the
 * rest, repaired to valid UTF-8 with utf8_repair, is the sentence.  Runs
 * dates_find and checks its promises: every span lies within the text,
 * is non-empty, spans come in text order without overlap, first <= last,
 * kind and tense are in range, the count does not depend on the cap, and
 * dates_format of each result fits its buffer.
 * Seeds: tests/fuzz/corpus/fuzz_dates/; crashes: tests/fuzz/regress/.
 */
#include "dates.h"
#include "utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_DATES_CAP 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dyad_date ref = {0, 0, 0};
  date_expr out[FUZZ_DATES_CAP], few[2];
  char fmt[32];
  if (size >= 4) {
    ref.year = ((data[0] << 8) | data[1]) & 0x7FF;
    ref.month = data[2] & 0x0F;
    ref.day = data[3] & 0x1F;
    data += 4;
    size -= 4;
  }
  size_t n = utf8_repair_size((const char *)data, size);
  char *text = malloc(n ? n : 1);
  if (!text) return 0;
  utf8_repair((const char *)data, size, text);
  size_t found = dates_find(text, n, ref, out, FUZZ_DATES_CAP);
  if (dates_find(text, n, ref, few, 2) != found) abort();
  if (found > 0 && (few[0].start != out[0].start || few[0].end != out[0].end ||
                    few[0].first != out[0].first || few[0].last != out[0].last))
    abort();
  size_t m = found < FUZZ_DATES_CAP ? found : FUZZ_DATES_CAP;
  for (size_t i = 0; i < m; i++) {
    const date_expr *e = &out[i];
    if (e->start >= e->end || e->end > n) abort();
    if (i > 0 && e->start < out[i - 1].end) abort();
    if (e->first > e->last) abort();
    if (e->kind > DATE_PERIOD || e->tense < -1 || e->tense > 1) abort();
    memset(fmt, 0, sizeof fmt);
    dates_format(e->first, e->last, fmt);
    if (fmt[0] == 0 || memchr(fmt, 0, sizeof fmt) == NULL) abort();
  }
  free(text);
  return 0;
}
