/* lexicon_bench.c: nanoseconds per lexicon_lookup over the words of real text.
 *
 * Build (from the repository root, after make has built build/libdyad.a):
 *
 *   cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc \
 *     bench/lexicon_bench.c build/libdyad.a -lutf8proc -lm -o build/lexicon_bench
 *
 * Run:
 *
 *   build/lexicon_bench build/data/fr.lex $(ls ../shared/corpus/dev/[0-9d]*.txt)
 *
 * (any text files will do: a shuffled list of fr.dic's stems gives the
 * rare-word case, every lookup a cache miss).
 *
 * Every file is split into words (runs of letters, digits, apostrophes
 * and hyphens; any byte >= 0x80 counts as a letter); each word and, when
 * it differs, its lower-cased form (utf8_lower) is one probe.  The probes
 * are looked up in text order, in passes (about 0.2 s a round) after one
 * warm-up pass; the best pass of five rounds is reported with the hit rate
 * and a checksum of the results (the same file contents must give the same
 * checksum whatever the on-disk layout).  Not a test: speed lives in bench/.
 */
#include "lexicon.h"
#include "utf8.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct bench_probe {
  uint32_t off, len;  /* into the word buffer */
} bench_probe;

static char *bench_words;
static size_t bench_nwords, bench_capwords;
static bench_probe *bench_probes;
static size_t bench_nprobes, bench_capprobes;

static void *bench_grow(void *p, size_t *cap, size_t need, size_t sz) {
  if (need <= *cap) return p;
  size_t c = *cap ? *cap : 4096;
  while (c < need) c *= 2;
  p = realloc(p, c * sz);
  if (!p) {
    fprintf(stderr, "lexicon_bench: out of memory\n");
    exit(1);
  }
  *cap = c;
  return p;
}

static void bench_add(const char *s, size_t n) {
  bench_words = bench_grow(bench_words, &bench_capwords, bench_nwords + n, 1);
  bench_probes = bench_grow(bench_probes, &bench_capprobes, bench_nprobes + 1,
                            sizeof *bench_probes);
  memcpy(bench_words + bench_nwords, s, n);
  bench_probes[bench_nprobes++] = (bench_probe){(uint32_t)bench_nwords, (uint32_t)n};
  bench_nwords += n;
}

static int bench_wordbyte(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '\'' || c == '-';
}

static void bench_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "lexicon_bench: cannot open %s\n", path);
    exit(1);
  }
  char word[256], low[512];
  size_t wl = 0;
  int c;
  for (;;) {
    c = getc(f);
    if (c != EOF && bench_wordbyte((unsigned char)c)) {
      if (wl < sizeof word) word[wl++] = (char)c;
      continue;
    }
    if (wl > 0 && wl < sizeof word) {
      bench_add(word, wl);
      size_t ln = utf8_lower(word, wl, low, sizeof low);
      if (ln > 0 && (ln != wl || memcmp(low, word, wl) != 0)) bench_add(low, ln);
    }
    wl = 0;
    if (c == EOF) break;
  }
  fclose(f);
}

static double bench_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* One pass over every probe; returns a checksum of the results. */
static uint64_t bench_pass(const lexicon *lex, size_t *hits) {
  uint64_t sum = 0;
  size_t h = 0;
  for (size_t i = 0; i < bench_nprobes; i++) {
    uint32_t first;
    unsigned n = lexicon_lookup(lex, bench_words + bench_probes[i].off, bench_probes[i].len,
                                &first);
    h += n > 0;
    sum = sum * 31 + n * 1000003u + first;
  }
  *hits = h;
  return sum;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: lexicon_bench fr.lex file...\n");
    return 2;
  }
  dyad_err err;
  memset(&err, 0, sizeof err);
  lexicon *lex = lexicon_open(argv[1], &err);
  if (!lex) {
    fprintf(stderr, "lexicon_bench: %s: %s\n", argv[1], err.message);
    return 3;
  }
  for (int i = 2; i < argc; i++) bench_file(argv[i]);
  if (bench_nprobes == 0) {
    fprintf(stderr, "lexicon_bench: no words\n");
    return 1;
  }
  size_t hits;
  uint64_t sum = bench_pass(lex, &hits);
  double t0 = bench_now();
  size_t passes = 0;
  while (bench_now() - t0 < 0.2) {
    bench_pass(lex, &hits);
    passes++;
  }
  if (passes == 0) passes = 1;
  double best = 1e30;
  for (int round = 0; round < 5; round++) {
    double a = bench_now();
    for (size_t p = 0; p < passes; p++) {
      if (bench_pass(lex, &hits) != sum) {
        fprintf(stderr, "lexicon_bench: results changed between passes\n");
        return 1;
      }
    }
    double ns = (bench_now() - a) * 1e9 / ((double)passes * (double)bench_nprobes);
    if (ns < best) best = ns;
  }
  printf("%zu probes (%.1f%% found), %zu passes x 5: %.1f ns/lookup (best), checksum %016llx\n",
         bench_nprobes, 100.0 * (double)hits / (double)bench_nprobes, passes, best,
         (unsigned long long)sum);
  lexicon_free(lex);
  return 0;
}
