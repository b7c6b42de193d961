/* fuzz_clean.c: libFuzzer target for the clean stage's clean_zones on
 * arbitrary bytes (not NUL-terminated, any encoding).  Checks the zone
 * invariants of doc.h and clean.h: each zone non-empty, inside the text,
 * of a known non-article kind; zones sorted and non-overlapping; no two
 * touching zones of one kind (they must have been merged); and, when the
 * input is valid UTF-8, every bound on a character boundary. */
#include "clean.h"
#include "utf8.h"
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size ? size : 1); /* exact size: overreads trap */
  if (size) memcpy(text, data, size);
  arena a;
  arena_init(&a);
  zone *z;
  size_t n = clean_zones(&a, text, size, &z);
  int utf8 = utf8_valid_nonul(text, size);
  for (size_t i = 0; i < n; i++) {
    if (z[i].start >= z[i].end || z[i].end > size) abort();
    if (z[i].kind == ZONE_ARTICLE || z[i].kind >= ZONE__COUNT) abort();
    if (i && z[i].start < z[i - 1].end) abort();
    if (i && z[i].start == z[i - 1].end && z[i].kind == z[i - 1].kind) abort();
    if (utf8 && ((text[z[i].start] & 0xC0) == 0x80 ||
                 (z[i].end < size && (text[z[i].end] & 0xC0) == 0x80)))
      abort();
  }
  arena_free(&a);
  free(text);
  return 0;
}
