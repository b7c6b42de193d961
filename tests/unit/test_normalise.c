/* test_normalise.c: the normalise stage: NFC, typographic folding, control
 * characters, invalid UTF-8, and the offset map back to original bytes. */
#include "harness.h"
#include "normalise.h"
#include <stdlib.h>

static const struct {
  const char *id, *in, *out;
} cases[] = {
    {"ascii", "Hanoi (VNA) - Le ministre", "Hanoi (VNA) - Le ministre"},
    {"apostrophe", "l\xE2\x80\x99Union d\xE2\x80\x98" "abord", "l'Union d'abord"},
    {"guillemets", "\xC2\xAB\xC2\xA0pas d\xC3\xA9" "cisif\xC2\xA0\xC2\xBB", "\" pas décisif \""},
    {"curly-quotes", "\xE2\x80\x9Coui\xE2\x80\x9D", "\"oui\""},
    {"nbsp-thin", "150\xE2\x80\xAF" "000\xC2\xA0$ 12\xE2\x80\x89%", "150 000 $ 12 %"},
    {"dashes", "a \xE2\x80\x93 b \xE2\x80\x94 c \xE2\x88\x92" "1", "a - b - c -1"},
    {"ellipsis", "d'ici 2025\xE2\x80\xA6 Les", "d'ici 2025... Les"},
    {"nfc-combining", "e\xCC\x81t\xC3\xA9", "été"},
    {"nfc-vietnamese", "Vie\xCC\xA3\xCC\x82t", "Việt"},
    {"nfc-singleton", "\xE2\x84\xA6", "\xCE\xA9"},
    {"crlf", "a\r\nb\rc", "a\nb\nc"},
    {"tab-control", "a\tb\x01" "c", "a b c"},
    {"nul", "a\0b", "a b"},
    {"invalid", "a\xFF" "b", "a\xEF\xBF\xBD" "b"},
    {"overlong", "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},
    {"zero-width", "a\xE2\x80\x8B" "b\xC2\xAD" "c\xEF\xBB\xBF", "abc"},
    {"ligature-kept", "c\xC5\x93ur", "cœur"},
};

int main(void) {
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    arena a;
    arena_init(&a);
    char *out;
    size_t n, inlen = strlen(cases[i].in);
    if (!strcmp(cases[i].id, "nul")) inlen = 3;
    uint32_t *map;
    normalise_text(&a, cases[i].in, inlen, &out, &n, &map);
    EXPECT_STR(cases[i].id, cases[i].out, out);
    EXPECT_INT(cases[i].id, strlen(cases[i].out), n);
    EXPECT_INT(cases[i].id, inlen, map[n]);
    int mono = 1;
    for (size_t k = 1; k <= n; k++) mono &= map[k] >= map[k - 1];
    EXPECT(mono, cases[i].id, "offset map is not non-decreasing");
    arena_free(&a);
  }

  /* offsets: each output byte points at the original byte it came from */
  arena a;
  arena_init(&a);
  const char *in = "l\xE2\x80\x99" "UE \xC2\xAB" "x\xC2\xBB";  /* l’UE «x» */
  char *out;
  size_t n;
  uint32_t *map;
  normalise_text(&a, in, strlen(in), &out, &n, &map);
  EXPECT_STR("map-text", "l'UE \"x\"", out);
  static const uint32_t want[] = {0, 1, 4, 5, 6, 7, 9, 10, 12};
  for (size_t k = 0; k <= n && k < sizeof want / sizeof *want; k++) {
    char id[32];
    snprintf(id, sizeof id, "map[%zu]", k);
    EXPECT_INT(id, want[k], map[k]);
  }
  arena_free(&a);

  /* a long run of combining marks is cut into groups, not quadratic */
  arena_init(&a);
  size_t big = 3 * 100000 + 1;
  char *s = malloc(big);
  s[0] = 'a';
  for (size_t k = 1; k + 1 < big; k += 2) { s[k] = '\xCC'; s[k + 1] = '\x81'; }
  normalise_text(&a, s, big - 1, &out, &n, &map);
  EXPECT(n >= 100000, "marks", "text too short: %zu", n);
  EXPECT_INT("marks-end", big - 1, map[n]);
  free(s);
  arena_free(&a);
  HARNESS_END();
}
