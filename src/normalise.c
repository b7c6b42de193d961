/* normalise.c: the normalise stage (see normalise.h for the text it makes).
 *
 * One pass over the original bytes: decode (an invalid byte becomes
 * U+FFFD), group each starter with the combining marks after it, put the
 * group in NFC with utf8proc when it needs it (a combining mark, or a
 * character excluded from composition), fold the typographic variants,
 * and append the result to the text.  Every output byte records the orig
 * offset of the group it came from, so spans map back exactly.
 *
 * Linear in the input; a group is capped at NORMALISE_MAX_GROUP code
 * points (a pathological run of combining marks is cut into groups).
 */
#include "normalise.h"
#include "err.h"
#include "utf8.h"
#include <string.h>
#include <utf8proc.h>

#define NORMALISE_MAX_GROUP 32

typedef struct outbuf {
  arena *a;
  char *s;
  uint32_t *map;
  size_t len, cap;
} outbuf;

static void out_reserve(outbuf *o, size_t extra) {
  if (o->len + extra + 1 <= o->cap) return;
  size_t cap = o->cap ? o->cap : 256;
  while (cap < o->len + extra + 1) cap *= 2;
  o->s = arena_grow(o->a, o->s, o->len, cap, 1);
  o->map = arena_grow(o->a, o->map, o->len, cap, sizeof *o->map);
  o->cap = cap;
}

static void out_bytes(outbuf *o, const char *b, size_t n, uint32_t at) {
  out_reserve(o, n);
  memcpy(o->s + o->len, b, n);
  for (size_t i = 0; i < n; i++) o->map[o->len + i] = at;
  o->len += n;
}

/* The folded replacement of cp: a short ASCII string, "" to drop it, or
 * NULL to keep cp as it is. */
static const char *normalise_fold(int32_t cp) {
  if (cp < 0x80) {
    if (cp == '\n') return NULL;
    if (cp == '\t' || cp < 0x20 || cp == 0x7F) return " ";
    return NULL;
  }
  switch (cp) {
  case 0x2019: case 0x2018: case 0x02BC: case 0x0060: case 0x00B4:
  case 0x2032: case 0x201B:
    return "'";
  case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E:
  case 0x201F: case 0x2039: case 0x203A:
    return "\"";
  case 0x00A0: case 0x202F: case 0x3000: case 0x205F:
    return " ";
  case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
    return "";
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
  case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
    return "-";
  case 0x2026:
    return "...";
  case 0x2028: case 0x2029: case 0x0085:
    return "\n";
  default:
    break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return " ";
  if (cp >= 0x80 && cp < 0xA0) return " ";
  return NULL;
}

static void out_cp(outbuf *o, int32_t cp, uint32_t at) {
  const char *f = normalise_fold(cp);
  if (f) {
    out_bytes(o, f, strlen(f), at);
  } else {
    char b[4];
    out_bytes(o, b, (size_t)utf8_encode(cp, b), at);
  }
}

static int normalise_is_mark(int32_t cp) {
  if (cp < 0x300) return 0; /* Latin-1 and Latin Extended: no marks */
  const utf8proc_property_t *p = utf8proc_get_property(cp);
  return p->combining_class != 0 || (cp >= 0x1160 && cp <= 0x11FF) ||
         p->category == UTF8PROC_CATEGORY_MN;
}

static int normalise_needs_nfc(int32_t cp) {
  if (cp < 0x300) return 0;
  /* below U+0300 every precomposed letter recomposes to itself; above,
     take the slow path for anything with a canonical decomposition */
  const utf8proc_property_t *p = utf8proc_get_property(cp);
  return p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0;
}

/* Emit a group of code points (a starter and its marks) in NFC. */
static void out_group(outbuf *o, const int32_t *g, size_t n, uint32_t at) {
  if (n == 1 && !normalise_needs_nfc(g[0])) {
    out_cp(o, g[0], at);
    return;
  }
  utf8proc_int32_t buf[NORMALISE_MAX_GROUP * 4];
  utf8proc_ssize_t len = 0;
  for (size_t i = 0; i < n; i++) {
    int last = 0;
    utf8proc_ssize_t r = utf8proc_decompose_char(g[i], buf + len,
                                                 (utf8proc_ssize_t)(sizeof buf / sizeof *buf) - len,
                                                 UTF8PROC_DECOMPOSE | UTF8PROC_STABLE, &last);
    if (r < 0 || len + r > (utf8proc_ssize_t)(sizeof buf / sizeof *buf)) {
      for (size_t j = 0; j < n; j++) out_cp(o, g[j], at);  /* cannot happen in practice */
      return;
    }
    len += r;
  }
  len = utf8proc_normalize_utf32(buf, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (len < 0) {
    for (size_t j = 0; j < n; j++) out_cp(o, g[j], at);
    return;
  }
  for (utf8proc_ssize_t i = 0; i < len; i++) out_cp(o, buf[i], at);
}

size_t normalise_text(arena *a, const char *s, size_t n, char **out,
                      size_t *out_len, uint32_t **omap) {
  outbuf o = {a, NULL, NULL, 0, 0};
  out_reserve(&o, n + n / 8 + 16);
  int32_t group[NORMALISE_MAX_GROUP];
  size_t ng = 0, bad = 0;
  uint32_t gstart = 0;
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    int32_t cp;
    size_t l;
    if (c >= 0x20 && c < 0x7F) {
      /* ASCII fast path: copy the run, except its last byte when a
         combining mark may follow it */
      size_t run = utf8_ascii_run(s + i, n - i);
      if (i + run < n && (unsigned char)s[i + run] >= 0x80) run--;
      if (run) {
        if (ng) { out_group(&o, group, ng, gstart); ng = 0; }
        out_reserve(&o, run);
        memcpy(o.s + o.len, s + i, run);
        for (size_t k = 0; k < run; k++) o.map[o.len + k] = (uint32_t)(i + k);
        o.len += run;
        i += run;
        continue;
      }
    }
    if (c == '\r') {
      if (ng) { out_group(&o, group, ng, gstart); ng = 0; }
      out_bytes(&o, "\n", 1, (uint32_t)i);
      i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    int dl = c ? utf8_decode(s + i, n - i, &cp) : 0;
    if (dl == 0) {
      cp = c ? 0xFFFD : ' ';
      if (c) bad++;
      l = 1;
    } else {
      l = (size_t)dl;
    }
    if (ng && ng < NORMALISE_MAX_GROUP && normalise_is_mark(cp)) {
      group[ng++] = cp;
    } else {
      if (ng) out_group(&o, group, ng, gstart);
      group[0] = cp;
      ng = 1;
      gstart = (uint32_t)i;
    }
    i += l;
  }
  if (ng) out_group(&o, group, ng, gstart);
  out_reserve(&o, 0);
  o.s[o.len] = '\0';
  o.map[o.len] = (uint32_t)n;
  *out = o.s;
  *out_len = o.len;
  *omap = o.map;
  return bad;
}

int normalise_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err) {
  (void)ctx;
  if (doc->orig_len > UINT32_MAX / 2)
    return err_set(err, DYAD_ELIMIT, doc->path, doc->line, 0,
                   "article of %zu bytes exceeds the 2 GiB limit", doc->orig_len);
  normalise_text(&doc->mem, doc->orig, doc->orig_len, &doc->text, &doc->text_len, &doc->omap);
  return 0;
}
