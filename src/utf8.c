/* utf8.c: UTF-8 validation, repair and decoding, see utf8.h. */
#include "utf8.h"
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

/* Folding decomposes each character (NFD), drops the marks and applies
 * Unicode case folding (utf8proc); đ, ł, ø and dotless i, which have no
 * decomposition, become d, l, o and i. */
size_t utf8_fold(const char *s, size_t n, char *out, size_t cap) {
  size_t i = 0, o = 0;
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
