/* test_utf8.c: UTF-8 decoding, validation, repair, lower-casing, and the
 * arena allocator they rely on. */
#include "arena.h"
#include "harness.h"
#include <stdint.h>
#include "utf8.h"

static const struct {
  const char *id, *in;
  size_t len;
  size_t first_invalid;
} valid_cases[] = {
    {"ascii", "abc", 3, 3},
    {"accents", "été", 5, 5},
    {"nul", "a\0b", 3, 1},
    {"lone-continuation", "a\x80", 2, 1},
    {"overlong-slash", "\xC0\xAF", 2, 0},
    {"overlong-3", "\xE0\x80\xAF", 3, 0},
    {"surrogate", "\xED\xA0\x80", 3, 0},
    {"too-big", "\xF4\x90\x80\x80", 4, 0},
    {"truncated", "ab\xE2\x80", 4, 2},
    {"emoji", "\xF0\x9F\x93\x9D", 4, 4},
};

int main(void) {
  for (size_t i = 0; i < sizeof valid_cases / sizeof *valid_cases; i++)
    EXPECT_INT(valid_cases[i].id, valid_cases[i].first_invalid,
               utf8_first_invalid(valid_cases[i].in, valid_cases[i].len));

  char out[64];
  const char *bad = "a\xFF\0z";
  size_t n = utf8_repair_size(bad, 4);
  EXPECT_INT("repair-size", 6, n);
  EXPECT_INT("repair-count", 2, utf8_repair(bad, 4, out));
  EXPECT(memcmp(out, "a\xEF\xBF\xBD z", 6) == 0, "repair-bytes", "wrong repair");

  size_t ln = utf8_lower("ÉTÉ Kazakh", strlen("ÉTÉ Kazakh"), out, sizeof out);
  out[ln] = 0;
  EXPECT_STR("lower", "été kazakh", out);
  EXPECT_INT("lower-nofit", 0, utf8_lower("abcdef", 6, out, 3));
  EXPECT_INT("upper-initial", 1, utf8_is_upper_initial("Élan", 5));
  EXPECT_INT("lower-initial", 0, utf8_is_upper_initial("élan", 5));

  static const struct {
    const char *in, *out;
  } folds[] = {{"Côte", "cote"}, {"ÉTATS-UNIS", "etats-unis"}, {"Œuvre", "œuvre"}, {"Nguyễn Phú Trọng", "nguyen phu trong"},
               {"Đà Nẵng", "da nang"}, {"Straße", "strasse"}, {"Ærø", "æro"}, {"TOKAÏEV", "tokaiev"}, {"ÿ", "y"}};
  for (size_t i = 0; i < sizeof folds / sizeof *folds; i++) {
    size_t fl = utf8_fold(folds[i].in, strlen(folds[i].in), out, sizeof out - 1);
    out[fl] = 0;
    EXPECT_STR(folds[i].in, folds[i].out, out);
  }

  char enc[4];
  EXPECT_INT("encode-4", 4, utf8_encode(0x1F4DD, enc));
  int32_t cp;
  EXPECT_INT("decode-4", 4, utf8_decode(enc, 4, &cp));
  EXPECT_INT("decode-cp", 0x1F4DD, cp);

  /* folding ASCII a word at a time agrees with a byte at a time, at every
     length, offset and room, for every ASCII byte and a few others */
  int fold_ok = 1;
  uint32_t seed = 12345;
  for (int round = 0; round < 4000 && fold_ok; round++) {
    char in[48], got[64], want[64];
    size_t len = (size_t)(round % 40), cap = (size_t)(round / 40 % 48), off = (size_t)(round % 3);
    for (size_t k = 0; k < len; k++) {
      seed = seed * 1103515245u + 12345u;
      unsigned b = seed >> 16 & 0x7F;
      in[off + k] = (char)(b == 0 ? 'Z' : (seed >> 24) % 17 == 0 ? 0xC3 : b);
      if ((unsigned char)in[off + k] == 0xC3 && k + 1 < len) in[off + ++k] = (char)0x89; /* É */
    }
    size_t wn = 0, gn = utf8_fold(in + off, len, got, cap);
    /* the reference: byte by byte, É folded to e */
    for (size_t k = 0; k < len; k++) {
      unsigned char c = (unsigned char)in[off + k];
      if (wn + 1 > cap) { wn = 0; break; }
      if (c == 0xC3 && k + 1 < len) { want[wn++] = 'e'; k++; continue; }
      if (c >= 0x80) { wn = (size_t)-1; break; }  /* a lone 0xC3 at the end: not compared */
      want[wn++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (wn != (size_t)-1) fold_ok &= gn == wn && memcmp(got, want, wn) == 0;
  }
  EXPECT(fold_ok, "fold-ascii-words", "word-at-a-time folding differs from byte-at-a-time");

  arena a;
  arena_init(&a);
  char *big = arena_alloc(&a, 1 << 20);
  memset(big, 1, 1 << 20);
  int aligned = 1;
  for (int k = 0; k < 1000; k++) aligned &= ((uintptr_t)arena_alloc(&a, (size_t)k) % 16) == 0;
  EXPECT(aligned, "arena-align", "misaligned allocation");
  char *d = arena_strndup(&a, "abcdef", 3);
  EXPECT_STR("arena-strndup", "abc", d);
  int *g = arena_calloc(&a, 4, sizeof *g);
  g[3] = 7;
  int *g2 = arena_grow(&a, g, 4, 100, sizeof *g);
  EXPECT_INT("arena-grow", 7, g2[3]);
  arena_free(&a);
  arena_free(&a); /* freeing twice an emptied arena is fine */
  HARNESS_END();
}
