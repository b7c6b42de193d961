/* cameo.c: loading and checking the CAMEO code table (see cameo.h).
 *
 * The file (data/cameo.tsv) is UTF-8 TSV.  Lines starting with '#' and
 * blank lines may come anywhere; the first other line is the header
 * "code<TAB>name<TAB>goldstein<TAB>quad"; each line after it is one code
 * in exactly four tab-separated fields.  Accepted forms, field by field:
 *
 *   code       2 to 4 ASCII digits ("04", "042", "0211") whose first two
 *              are a root from 01 to 20; a 3- or 4-digit code's parent
 *              (the code minus its last digit) must be on an earlier line;
 *              no code twice
 *   name       non-empty UTF-8 text without control characters
 *   goldstein  [+|-]digits[.digits], at most 15 digits, from -10 to 10;
 *              read digit by digit rather than with strtod, so the host
 *              program's locale (a French decimal comma) does not matter
 *   quad       one digit from 1 to 4, the QuadClass of the root: 1 for
 *              01-05, 2 for 06-08, 3 for 09-13, 4 for 14-20
 *
 * CRLF line ends and a last line without '\n' are accepted.  Each problem
 * is reported with its line and names the field; a line with a problem is
 * left out of the table, but its code (when well formed) still counts as
 * seen, so that one bad score does not make every child of that code an
 * orphan too.  After CAMEO_MAX_PROBLEMS problems the rest is skipped.
 *
 * Lookup: a code of n digits and value v lives in slot cameo_base[n] + v
 * (2 digits: 0-99, 3 digits: 100-1099, 4 digits: 1100-11099), so
 * cameo_find is one array access.  Independent of the rest of dyad but
 * for the allocation wrappers of err.h.
 */
#include "cameo.h"
#include "err.h"
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAMEO_MAX_PROBLEMS 20
#define CAMEO_SLOTS 11100
#define CAMEO_HEADER "code\tname\tgoldstein\tquad"
#define CAMEO_NFIELDS 4

static const unsigned cameo_base[5] = {0, 0, 0, 100, 1100};

struct cameo_table {
  cameo_code *codes;           /* owned, file order; each name owned too */
  size_t n, cap;
  uint32_t *slot;              /* owned, CAMEO_SLOTS entries: index + 1 into codes, 0 if absent */
};

typedef struct cameo_loader {
  const char *path;
  long line;                   /* current line, 1-based */
  int problems;
  cameo_report_fn report;      /* may be NULL */
  void *user;
} cameo_loader;

static void cameo_problem(cameo_loader *L, long line, const char *fmt, ...) DYAD_PRINTF(3, 4);

static void cameo_problem(cameo_loader *L, long line, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  L->problems++;
  if (L->report) L->report(L->user, L->path, line, msg);
}

/* The slot of the n bytes at s if they are 2 to 4 ASCII digits, else -1. */
static long cameo_slot_of(const char *s, size_t n) {
  if (n < 2 || n > 4) return -1;
  unsigned v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (unsigned)(s[i] - '0');
  }
  return (long)(cameo_base[n] + v);
}

/* QuadClass of root 1-20, 0 for any other number. */
static int cameo_quad_of_root(int root) {
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

/* 1 if the n bytes at s are well-formed UTF-8 (no overlong forms,
 * surrogates or code points past U+10FFFF) without C0 controls or DEL. */
static int cameo_text_ok(const char *text, size_t n) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    if (c < 0x20 || c == 0x7f) return 0;
    if (c < 0x80) { i++; continue; }
    size_t len;
    unsigned cp, min;
    if (c >= 0xc2 && c <= 0xdf) { len = 2; cp = c & 0x1f; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { len = 3; cp = c & 0x0f; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (n - i < len) return 0;
    for (size_t k = 1; k < len; k++) {
      if ((s[i + k] & 0xc0) != 0x80) return 0;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    i += len;
  }
  return 1;
}

/* Read [+|-]digits[.digits] (at most 15 digits) from the n bytes at s
 * into *out; 0 if the field has any other form.  The digits make an exact
 * integer divided by an exact power of ten, so "1.9" gives the double
 * nearest 1.9, as the literal would. */
static int cameo_parse_number(const char *s, size_t n, double *out /* out */) {
  size_t i = 0;
  int neg = 0;
  if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  uint64_t m = 0;
  int digits = 0, intdigits = 0, fracdigits = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9') {
    m = m * 10 + (uint64_t)(s[i++] - '0');
    digits++, intdigits++;
    if (digits > 15) return 0;
  }
  if (intdigits == 0) return 0;
  if (i < n && s[i] == '.') {
    i++;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      m = m * 10 + (uint64_t)(s[i++] - '0');
      digits++, fracdigits++;
      if (digits > 15) return 0;
    }
    if (fracdigits == 0) return 0;
  }
  if (i != n) return 0;
  double scale = 1.0;
  for (int k = 0; k < fracdigits; k++) scale *= 10.0;
  double v = (double)m / scale;
  *out = neg ? -v : v;
  return 1;
}

/* The whole file, NUL-terminated, in a buffer the caller frees; NULL with
 * errno set if it cannot be read. */
static char *cameo_slurp(const char *path, size_t *len /* out */) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return NULL;
  size_t n = 0, cap = 8192;
  char *buf = xmalloc(cap);
  for (;;) {
    if (cap - n < 4096) buf = xrealloc(buf, cap *= 2);
    size_t got = fread(buf + n, 1, cap - n - 1, fp);
    n += got;
    if (got == 0) break;
  }
  int bad = ferror(fp);
  int saved = errno;
  fclose(fp);
  if (bad) {
    free(buf);
    errno = saved ? saved : EIO;
    return NULL;
  }
  buf[n] = '\0';
  *len = n;
  return buf;
}

static void cameo_add(cameo_table *t, long slot, const char *code, size_t codelen,
                      const char *name, size_t namelen, double goldstein, int quad) {
  if (t->n == t->cap) t->codes = xrealloc(t->codes, (t->cap = t->cap ? 2 * t->cap : 512) * sizeof *t->codes);
  cameo_code *c = &t->codes[t->n];
  memset(c, 0, sizeof *c);
  memcpy(c->code, code, codelen);
  char *nm = xmalloc(namelen + 1);
  memcpy(nm, name, namelen);
  nm[namelen] = '\0';
  c->name = nm;
  c->goldstein = goldstein;
  c->quad = quad;
  t->slot[slot] = (uint32_t)++t->n;
}

typedef struct cameo_field {
  const char *s;
  size_t n;
} cameo_field;

/* Check one data line (fields f, nf of them) and add it to t if it has no
 * problem.  seen[slot] is the line a well-formed code was first seen on. */
static void cameo_line(cameo_loader *L, cameo_table *t, uint32_t *seen, const cameo_field *f,
                       size_t nf) {
  int before = L->problems;
  if (nf != CAMEO_NFIELDS) {
    cameo_problem(L, L->line, "%zu fields, expected %d (code, name, goldstein, quad)", nf,
                  CAMEO_NFIELDS);
    return;
  }
  const cameo_field *code = &f[0], *name = &f[1], *score = &f[2], *quad = &f[3];
  int cn = (int)(code->n > 40 ? 40 : code->n);
  long slot = cameo_slot_of(code->s, code->n);
  int root = 0;
  if (slot < 0) {
    cameo_problem(L, L->line, "code '%.*s': expected 2 to 4 digits", cn, code->s);
  } else {
    root = (code->s[0] - '0') * 10 + (code->s[1] - '0');
    if (!cameo_quad_of_root(root)) {
      cameo_problem(L, L->line, "code '%.*s': root %.2s is not a CAMEO root (01 to 20)", cn,
                    code->s, code->s);
      root = 0;
    }
    if (seen[slot]) {
      cameo_problem(L, L->line, "code '%.*s': already given on line %lu", cn, code->s,
                    (unsigned long)seen[slot]);
      slot = -1;
    } else {
      if (code->n > 2 && !seen[cameo_slot_of(code->s, code->n - 1)])
        cameo_problem(L, L->line, "code '%.*s': its parent %.*s is not on an earlier line", cn,
                      code->s, (int)code->n - 1, code->s);
      seen[slot] = (uint32_t)L->line;
    }
  }
  if (name->n == 0)
    cameo_problem(L, L->line, "name: empty");
  else if (!cameo_text_ok(name->s, name->n))
    cameo_problem(L, L->line, "name: invalid UTF-8 or a control character");
  double g = 0;
  int sn = (int)(score->n > 40 ? 40 : score->n);
  if (!cameo_parse_number(score->s, score->n, &g))
    cameo_problem(L, L->line, "goldstein '%.*s': expected a number such as -7.2 or 3.0", sn,
                  score->s);
  else if (g < -10.0 || g > 10.0)
    cameo_problem(L, L->line, "goldstein '%.*s': outside -10 to 10", sn, score->s);
  int q = 0;
  if (quad->n != 1 || quad->s[0] < '1' || quad->s[0] > '4')
    cameo_problem(L, L->line, "quad '%.*s': expected 1, 2, 3 or 4",
                  (int)(quad->n > 40 ? 40 : quad->n), quad->s);
  else {
    q = quad->s[0] - '0';
    if (root && q != cameo_quad_of_root(root))
      cameo_problem(L, L->line, "quad %d: root %02d is in quad %d", q, root,
                    cameo_quad_of_root(root));
  }
  if (L->problems == before && slot >= 0)
    cameo_add(t, slot, code->s, code->n, name->s, name->n, g, q);
}

cameo_table *cameo_load(const char *path, cameo_report_fn report, void *user,
                        int *problems /* out */) {
  cameo_loader L = {path ? path : "(null)", 0, 0, report, user};
  if (problems) *problems = 0;
  size_t len = 0;
  char *buf = path ? cameo_slurp(path, &len) : NULL;
  if (!buf) {
    cameo_problem(&L, 0, "cannot read the CAMEO table: %s", path ? strerror(errno) : "no path");
    if (problems) *problems = L.problems;
    return NULL;
  }
  cameo_table *t = xcalloc(1, sizeof *t);
  t->slot = xcalloc(CAMEO_SLOTS, sizeof *t->slot);
  uint32_t *seen = xcalloc(CAMEO_SLOTS, sizeof *seen);
  int have_header = 0;
  size_t i = 0;
  while (i < len && L.problems < CAMEO_MAX_PROBLEMS) {
    size_t j = i;
    while (j < len && buf[j] != '\n') j++;
    size_t n = j - i;
    if (n && buf[i + n - 1] == '\r') n--;
    const char *s = buf + i;
    i = j + 1;
    L.line++;
    if (n == 0 || s[0] == '#') continue;
    cameo_field f[CAMEO_NFIELDS + 1];
    size_t nf = 0, k = 0;
    for (;;) {
      size_t e = k;
      while (e < n && s[e] != '\t') e++;
      if (nf < CAMEO_NFIELDS + 1) f[nf] = (cameo_field){s + k, e - k};
      nf++;
      if (e >= n) break;
      k = e + 1;
    }
    if (!have_header) {
      have_header = 1;
      if (n == strlen(CAMEO_HEADER) && !memcmp(s, CAMEO_HEADER, n)) continue;
      cameo_problem(&L, L.line, "expected the header line 'code, name, goldstein, quad' "
                                "(tab-separated), found '%.*s'",
                    (int)(n > 60 ? 60 : n), s);
      if (cameo_slot_of(f[0].s, f[0].n) < 0) continue; /* not a data line either */
    }
    cameo_line(&L, t, seen, f, nf);
  }
  if (L.problems >= CAMEO_MAX_PROBLEMS && i < len && report)
    report(user, L.path, L.line, "too many problems; the rest of the file is not checked");
  if (!have_header) cameo_problem(&L, L.line, "no header line and no codes");
  free(seen);
  free(buf);
  if (problems) *problems = L.problems;
  return t;
}

void cameo_free(cameo_table *t) {
  if (!t) return;
  for (size_t i = 0; i < t->n; i++) free((char *)t->codes[i].name);
  free(t->codes);
  free(t->slot);
  free(t);
}

const cameo_code *cameo_find(const cameo_table *t, const char *code) {
  if (!t || !code) return NULL;
  size_t n = 0;
  while (n < 5 && code[n]) n++;
  long slot = cameo_slot_of(code, n);
  if (slot < 0 || !t->slot[slot]) return NULL;
  return &t->codes[t->slot[slot] - 1];
}

size_t cameo_count(const cameo_table *t) { return t ? t->n : 0; }

const cameo_code *cameo_at(const cameo_table *t, size_t i) {
  return t && i < t->n ? &t->codes[i] : NULL;
}
