/* fuzz_segment.c: libFuzzer target for the segment stage.
 *
 * Arbitrary bytes are made valid UTF-8 with utf8_repair (as normalise
 * guarantees before segment runs), up to three zones are derived from the
 * first bytes (sorted, non-overlapping, on character boundaries), and
 * segment_text runs.  It traps unless: every token is non-empty, within
 * the text, on UTF-8 boundaries, after the previous one, of a known kind,
 * and inside one zone region; sentences tile the tokens in order, cover
 * exactly their tokens' range and carry the zone kind of their start.
 */
#include "arena.h"
#include "doc.h"
#include "segment.h"
#include "utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static int fuzz_boundary(const char *t, size_t n, size_t off) {
  return off >= n || ((unsigned char)t[off] & 0xC0) != 0x80;
}

static size_t fuzz_align(const char *t, size_t n, size_t off) {
  while (off < n && !fuzz_boundary(t, n, off)) off++;
  return off;
}

/* Zone kind of off, ZONE_ARTICLE outside every zone. */
static uint8_t fuzz_zone_at(const zone *z, size_t nz, size_t off) {
  for (size_t k = 0; k < nz; k++)
    if (z[k].start <= off && off < z[k].end) return z[k].kind;
  return ZONE_ARTICLE;
}

/* Index of the region holding off: edges are the zone starts and ends. */
static size_t fuzz_region(const zone *z, size_t nz, size_t off) {
  size_t r = 0;
  for (size_t k = 0; k < nz; k++) r += (z[k].start <= off) + (z[k].end <= off);
  return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *in = (const char *)data;
  size_t hdr = size >= 6 ? 6 : 0; /* zone recipe: 3 x (gap, length) */
  size_t n = utf8_repair_size(in + hdr, size - hdr);
  char *text = malloc(n + 1);
  utf8_repair(in + hdr, size - hdr, text);
  text[n] = '\0';

  zone z[3];
  size_t nz = 0, pos = 0;
  for (size_t k = 0; hdr && k < 3 && pos < n; k++) {
    size_t gap = data[2 * k] % 64, len = data[2 * k + 1] % 64;
    if (len == 0) continue;
    size_t s = fuzz_align(text, n, pos + gap > n ? n : pos + gap);
    size_t e = fuzz_align(text, n, s + len > n ? n : s + len);
    if (e <= s) break;
    z[nz].start = (uint32_t)s;
    z[nz].end = (uint32_t)e;
    z[nz].kind = (uint8_t)(1 + data[2 * k] % (ZONE__COUNT - 1));
    nz++;
    pos = e;
  }

  arena a;
  arena_init(&a);
  token *toks;
  sentence *sents;
  size_t ntoks, nsents;
  FUZZ_CHECK(segment_text(&a, text, n, z, nz, &toks, &ntoks, &sents, &nsents) == 0);

  for (size_t k = 0; k < ntoks; k++) {
    const token *t = &toks[k];
    FUZZ_CHECK(t->start < t->end && t->end <= n);
    FUZZ_CHECK(k == 0 || toks[k - 1].end <= t->start);
    FUZZ_CHECK(fuzz_boundary(text, n, t->start) && fuzz_boundary(text, n, t->end));
    FUZZ_CHECK(t->kind < TOK__COUNT);
    FUZZ_CHECK(fuzz_region(z, nz, t->start) == fuzz_region(z, nz, t->end - 1));
  }
  size_t next = 0;
  for (size_t s = 0; s < nsents; s++) {
    const sentence *se = &sents[s];
    FUZZ_CHECK(se->tok_begin == next && se->tok_end > se->tok_begin && se->tok_end <= ntoks);
    FUZZ_CHECK(se->start == toks[se->tok_begin].start && se->end == toks[se->tok_end - 1].end);
    FUZZ_CHECK(se->zone == fuzz_zone_at(z, nz, se->start));
    FUZZ_CHECK(fuzz_region(z, nz, se->start) == fuzz_region(z, nz, se->end - 1));
    next = se->tok_end;
  }
  FUZZ_CHECK(next == ntoks);

  arena_free(&a);
  free(text);
  return 0;
}
