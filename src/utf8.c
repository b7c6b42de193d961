/* utf8.c: UTF-8 validation, repair, decoding and folding, and keyword
 * tables, see utf8.h. */
#include "utf8.h"
#include "err.h"
#include <string.h>
#include <utf8proc.h>

int utf8_decode(const char *str, size_t n, int32_t *cp) {
  const unsigned char *s = (const unsigned char *)str;
  if (n == 0) return 0;
  unsigned c = s[0];
  if (c < 0x80) { *cp = (int32_t)c; return 1; }
  int len;
  uint32_t v, min;
  if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
  else return 0;
  if (n < (size_t)len) return 0;
  for (int i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = (int32_t)v;
  return len;
}

int utf8_encode(int32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  uint32_t c = (uint32_t)cp;
  if (c < 0x80) { o[0] = (unsigned char)c; return 1; }
  if (c < 0x800) { o[0] = (unsigned char)(0xC0 | (c >> 6)); o[1] = (unsigned char)(0x80 | (c & 0x3F)); return 2; }
  if (c < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (c >> 12)); o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (c & 0x3F)); return 3;
  }
  o[0] = (unsigned char)(0xF0 | (c >> 18)); o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F)); o[3] = (unsigned char)(0x80 | (c & 0x3F));
  return 4;
}

size_t utf8_ascii_run(const char *s, size_t n) {
  const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  size_t i = 0;
  while (i + 8 <= n) {
    uint64_t v;
    memcpy(&v, s + i, 8);
    /* a byte >= 0x80, < 0x20 or == 0x7F stops the run */
    uint64_t low = (v - ones * 0x20) & ~v;          /* high bit set where byte < 0x20 */
    uint64_t del = ((v ^ (ones * 0x7F)) - ones) & ~(v ^ (ones * 0x7F)); /* byte == 0x7F */
    if ((v | low | del) & highs) break;
    i += 8;
  }
  while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) i++;
  return i;
}

size_t utf8_first_invalid(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    i += utf8_ascii_run(s + i, n - i);
    if (i >= n) break;
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x01 && c < 0x80) { i++; continue; }
    int32_t cp;
    int l = utf8_decode(s + i, n - i, &cp);
    if (l == 0 || c == 0) return i;
    i += (size_t)l;
  }
  return n;
}

int utf8_valid_nonul(const char *s, size_t n) { return utf8_first_invalid(s, n) == n; }

size_t utf8_repair_size(const char *s, size_t n) {
  size_t i = 0, out = 0;
  while (i < n) {
    int32_t cp;
    int l = s[i] ? utf8_decode(s + i, n - i, &cp) : 0;
    if (s[i] == 0) { out += 1; i++; }
    else if (l == 0) { out += 3; i++; }
    else { out += (size_t)l; i += (size_t)l; }
  }
  return out;
}

size_t utf8_repair(const char *s, size_t n, char *out) {
  size_t i = 0, o = 0, bad = 0;
  while (i < n) {
    int32_t cp;
    int l = s[i] ? utf8_decode(s + i, n - i, &cp) : 0;
    if (s[i] == 0) { out[o++] = ' '; i++; bad++; }
    else if (l == 0) { memcpy(out + o, "\xEF\xBF\xBD", 3); o += 3; i++; bad++; }
    else { memcpy(out + o, s + i, (size_t)l); o += (size_t)l; i += (size_t)l; }
  }
  return bad;
}

size_t utf8_lower(const char *s, size_t n, char *out, size_t cap) {
  size_t i = 0, o = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {   /* ASCII, the common case: as utf8proc_tolower does */
      if (o + 1 > cap) return 0;
      out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
      continue;
    }
    int32_t cp;
    int l = utf8_decode(s + i, n - i, &cp);
    if (l == 0) { cp = 0xFFFD; l = 1; }
    char b[4];
    int bl = utf8_encode(utf8proc_tolower(cp), b);
    if (o + (size_t)bl > cap) return 0;
    memcpy(out + o, b, (size_t)bl);
    o += (size_t)bl;
    i += (size_t)l;
  }
  return o;
}

int utf8_is_upper_initial(const char *s, size_t n) {
  int32_t cp;
  if (!utf8_decode(s, n, &cp)) return 0;
  return utf8proc_isupper(cp);
}

/* The bytes of v, all ASCII, with A-Z lower-cased: a byte's high bit
 * marks it >= 'A', then > 'Z' (no carry crosses a byte below 0x80). */
static inline uint64_t utf8_lower_ascii8(uint64_t v) {
  const uint64_t ones = 0x0101010101010101ULL;
  uint64_t upper = (v + ones * (0x80 - 'A')) & ~(v + ones * (0x80 - 'Z' - 1)) & ones * 0x80;
  return v | upper >> 2;  /* 0x80 >> 2 = 0x20 */
}

/* Folding decomposes each character (NFD), drops the marks and applies
 * Unicode case folding (utf8proc); đ, ł, ø and dotless i, which have no
 * decomposition, become d, l, o and i. */
size_t utf8_fold(const char *s, size_t n, char *out, size_t cap) {
  size_t i = 0, o = 0;
  /* the ASCII head, most often the whole word, as far as it fits: no
     room to check for each byte; eight then four bytes at a time (every
     token of every text is folded), then byte by byte */
  size_t head = n < cap ? n : cap;
  for (uint64_t v; i + 8 <= head; i += 8) {
    memcpy(&v, s + i, 8);
    if (v & 0x8080808080808080ULL) break;
    v = utf8_lower_ascii8(v);
    memcpy(out + i, &v, 8);
  }
  if (i + 4 <= head) {
    uint32_t w;
    memcpy(&w, s + i, 4);
    if (!(w & 0x80808080u)) {
      w = (uint32_t)utf8_lower_ascii8(w);
      memcpy(out + i, &w, 4);
      i += 4;
    }
  }
  while (i < head && (unsigned char)s[i] < 0x80) {
    unsigned char c = (unsigned char)s[i];
    out[i++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  o = i;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      if (o + 1 > cap) return 0;
      out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
      continue;
    }
    /* Latin-1 letters (two bytes, C3 xx), the common case in French: a
       table instead of utf8proc */
    if (c == 0xC3 && i + 1 < n) {
      /* U+00C0-U+00FF folded, 0 where utf8proc decides (æ, ð, þ, ß, ×, ÷) */
      static const char latin1[64] = {'a','a','a','a','a','a',0,'c','e','e','e','e','i','i','i','i',0,'n','o','o','o','o','o',0,'o','u','u','u','u','y',0,0,'a','a','a','a','a','a',0,'c','e','e','e','e','i','i','i','i',0,'n','o','o','o','o','o',0,'o','u','u','u','u','y',0,'y'};
      unsigned char d = (unsigned char)s[i + 1];
      if (d >= 0x80 && d < 0xC0 && latin1[d - 0x80]) {
        if (o + 1 > cap) return 0;
        out[o++] = latin1[d - 0x80];
        i += 2;
        continue;
      }
    }
    int32_t cp;
    int l = utf8_decode(s + i, n - i, &cp);
    if (l == 0) { cp = 0xFFFD; l = 1; }
    i += (size_t)l;
    /* letters with a stroke have no decomposition: fold them by hand */
    if (cp == 0x0110 || cp == 0x0111) cp = 'd';
    else if (cp == 0x0141 || cp == 0x0142) cp = 'l';
    else if (cp == 0x00D8 || cp == 0x00F8) cp = 'o';
    else if (cp == 0x0131) cp = 'i';
    utf8proc_int32_t buf[8];
    int last = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(
        cp, buf, 8, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &last);
    if (k < 0 || k > 8) { buf[0] = cp; k = 1; }
    for (utf8proc_ssize_t j = 0; j < k; j++) {
      char b[4];
      int bl = utf8_encode(buf[j], b);
      if (o + (size_t)bl > cap) return 0;
      memcpy(out + o, b, (size_t)bl);
      o += (size_t)bl;
    }
  }
  return o;
}

/* Bytes p[0..8) as a big-endian integer. */
static inline uint64_t utf8_be64(const char *p) {
  const unsigned char *u = (const unsigned char *)p;
  return (uint64_t)u[0] << 56 | (uint64_t)u[1] << 48 | (uint64_t)u[2] << 40 | (uint64_t)u[3] << 32 |
         (uint64_t)u[4] << 24 | (uint64_t)u[5] << 16 | (uint64_t)u[6] << 8 | (uint64_t)u[7];
}

/* Words NUL-padded to 16 bytes compare as two big-endian integers as
 * strcmp compares them, and the search halves the table with masks
 * rather than jumps: lookups of unrelated words mispredict most of the
 * jumps of a plain binary search. */
int utf8_word_find(const void *table, size_t n, size_t size, const char *w) {
  const char *t = table;
  uint64_t w0 = utf8_be64(w), w1 = utf8_be64(w + 8);
  size_t lo = 0, len = n;
  while (len > 1) {   /* the first entry not before w is in [lo, lo + len] */
    size_t half = len / 2;
    const char *x = t + (lo + half) * size;
    uint64_t x0 = utf8_be64(x), x1 = utf8_be64(x + 8);
    size_t less = (size_t)((x0 < w0) | ((x0 == w0) & (x1 < w1)));
    lo += half & (0 - less);
    len -= half;
  }
  /* it is lo or lo + 1 */
  if (!memcmp(t + lo * size, w, UTF8_WORD_MAX)) return (int)lo;
  if (lo + 1 < n && !memcmp(t + (lo + 1) * size, w, UTF8_WORD_MAX)) return (int)(lo + 1);
  return -1;
}

struct utf8_word_index {
  const char *table;   /* borrowed */
  size_t size;         /* bytes per entry */
  uint16_t *slot;      /* owned: entry + 1, 0 for an empty slot */
  size_t mask;         /* slots - 1 */
  unsigned shift;      /* 64 - log2(slots) */
};

/* The home slot of the word w (NUL-padded to UTF8_WORD_MAX bytes). */
static size_t utf8_word_slot(const utf8_word_index *ix, const char *w) {
  uint64_t a, b;
  memcpy(&a, w, 8);
  memcpy(&b, w + 8, 8);
  return (size_t)(((a ^ (b * 0x9E3779B97F4A7C15u)) * 0xFF51AFD7ED558CCDu) >> ix->shift);
}

utf8_word_index *utf8_word_index_new(const void *table, size_t n, size_t size) {
  utf8_word_index *ix = xcalloc(1, sizeof *ix);
  size_t slots = 64;
  unsigned bits = 6;
  while (slots < 4 * n) {   /* at most a quarter full: probes end soon */
    slots *= 2;
    bits++;
  }
  ix->table = table;
  ix->size = size;
  ix->slot = xcalloc(slots, sizeof *ix->slot);
  ix->mask = slots - 1;
  ix->shift = 64 - bits;
  for (size_t k = 0; k < n && k < UINT16_MAX; k++) {
    size_t i = utf8_word_slot(ix, ix->table + k * size);
    while (ix->slot[i]) i = (i + 1) & ix->mask;
    ix->slot[i] = (uint16_t)(k + 1);
  }
  return ix;
}

void utf8_word_index_free(utf8_word_index *ix) {
  if (!ix) return;
  free(ix->slot);
  free(ix);
}

int utf8_word_index_find(const utf8_word_index *ix, const char *w) {
  for (size_t i = utf8_word_slot(ix, w);; i = (i + 1) & ix->mask) {
    unsigned k = ix->slot[i];
    if (!k) return -1;
    if (!memcmp(ix->table + (k - 1) * ix->size, w, UTF8_WORD_MAX)) return (int)(k - 1);
  }
}
