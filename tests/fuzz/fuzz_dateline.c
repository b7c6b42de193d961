/* fuzz_dateline.c: libFuzzer target for src/dateline.c.
 *
 * Runs dateline_find and dateline_parse_date on the input and checks
 * their promises: a found date has a year and valid month/day fields (a
 * day only with a month), consumed_header lies within the input and is
 * 0 unless a date was found, nothing found leaves the date zeroed.
 * Seeds: tests/fuzz/corpus/fuzz_dateline/; crashes: tests/fuzz/regress/.
 */
#include "dateline.h"
#include <stdint.h>
#include <stdlib.h>

static void fuzz_dateline_check(int found, dyad_date d) {
  if (!found) {
    if (d.year || d.month || d.day) abort();
    return;
  }
  if (d.year < 1000 || d.year > 9999) abort();
  if (d.month < 0 || d.month > 12 || d.day < 0 || d.day > 31) abort();
  if (d.day && !d.month) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  dyad_date d;
  size_t consumed = 12345;
  int found = dateline_find(s, size, &d, &consumed);
  if (found != 0 && found != 1) abort();
  fuzz_dateline_check(found, d);
  if (consumed > size || (consumed && !found)) abort();
  found = dateline_parse_date(s, size, &d);
  if (found != 0 && found != 1) abort();
  fuzz_dateline_check(found, d);
  return 0;
}
