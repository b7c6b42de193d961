/* mklexicon.c: compile hunspell-fr (fr.aff + fr.dic) into dyad's lexicon.
 *
 * Usage: mklexicon fr.aff fr.dic out.lex
 *
 * A standalone build tool (no libdyad).  It reads the affix file (FLAG
 * type, PFX/SFX classes with strip, add, continuation flags, hunspell
 * conditions and morphological fields, cross-product, NEEDAFFIX,
 * FORBIDDENWORD, FULLSTRIP), then expands every stem of the dictionary
 * into all its inflected forms:
 *
 *   stem, stem+S1, stem+S1+S2 (twofold suffix: S2's flag in S1's
 *   continuation flags), each optionally under one prefix P (from the
 *   stem's flags, cross-product with the suffixes, or from the
 *   continuation flags of a suffix); a prefix's own continuation flags
 *   may name the suffixes it allows (hunspell-fr's unit prefixes: kilo-).
 *
 * Elision prefixes (an add containing an apostrophe: l', d', qu',
 * jusqu', s'...) are not expanded: dyad's tokenizer splits them off.
 * NEEDAFFIX is honoured (a stem or affix carrying it is not a word on
 * its own).  AF/AM aliases and compounding are not used by hunspell-fr
 * and are rejected.
 *
 * Each form gets one reading per coarse part of speech named by the
 * dictionary line's po: fields (po:mg po:prep po:det gives PREP and
 * DET), POS_OTHER if none.  lemma: the line's st: field (a rule's st:
 * overrides), else the stem; under a prefix the lemma carries the prefix
 * too (kilomètres -> kilomètre, where hunspell says mètre).  tags: the
 * po: and is: values without their prefixes, in file order, duplicates
 * removed, the trailing '!' of hunspell-fr's "3pl!" dropped, and the
 * generic class names of the dictionary line (nom adj adv prep det
 * interj) left out since pos says them: "v3_it_q__a ifut 3sg", "fem pl",
 * "mg properobj preverb proadv".  Identical (form, lemma, pos, tags)
 * readings are merged.
 *
 * Output (little-endian, every section 8-byte aligned, the slots 64-byte
 * aligned; lexicon.c reads it through mmap):
 *
 *   header    64 bytes: "DYADLEX1", version 2, byte-order mark
 *             0x01020304, header size, nforms, nreadings, nslots,
 *             pool offset/size, readings offset, forms offset, slots
 *             offset, file size, hash kind (2 = mklex_hash below), slot
 *             size (32)
 *   pool      NUL-terminated strings (offset 0 is ""), forms, lemmas, tags
 *   readings  16 bytes each: lemma_off, tags_off (u32), lemma_len,
 *             tags_len (u16), pos (u8), 3 zero bytes; a form's readings
 *             are consecutive, sorted by (lemma, pos, tags)
 *   forms     12 bytes each, sorted by bytes: form_off, first_reading
 *             (u32), form_len, nreadings (u16); not read by lookups, kept
 *             to enumerate the forms in order (tests)
 *   slots     32 bytes each, two to a cache line, so that a lookup
 *             confirms a form of up to 16 bytes (97% of the forms, nearly
 *             every token of running text) from the slot alone: hash
 *             (u32), form_len (u8, 0 = empty slot), nreadings (u8),
 *             probe distance + 1 (u8, 0 = empty slot), one zero byte,
 *             first reading (u32), form_off (u32), then the form's first
 *             16 bytes zero-padded.  Robin Hood linear probing from home =
 *             hash * nslots >> 32 (wrapping at nslots; nslots even, load
 *             <= 5/8): a form lies dist <= 254 slots after its home, and
 *             a lookup stops at the first slot whose stored dist + 1 is
 *             <= its own distance (an empty slot, or a form nearer its
 *             home).  Forms are inserted in byte order, so the table is
 *             deterministic.
 *
 * The hash (kind 2) reads the form as 8-byte little-endian words w0,
 * w1, w2..., the last zero-padded, w1 = 0 for a form of <= 8 bytes:
 * h = w0 * K1 ^ w1 * K2 ^ len * K3; for each further word w,
 * h = (h ^ h >> 32 ^ w) * K2; then h ^= h >> 32, h *= K4, and the hash is
 * the high 32 bits of h (constants in mklex_hash).
 *
 * The output depends only on the input bytes (no addresses, no time).
 * A one-line summary goes to stderr.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MKLEX_VERSION 2u
#define MKLEX_SLOT 32u     /* bytes per hash slot */
#define MKLEX_INLINE 16u   /* form bytes held in the slot */
#define MKLEX_HEADER 64u
#define MKLEX_MAXCP 1024 /* longest word, in code points */

/* ---- errors and memory ---------------------------------------------- */

static void mklex_die(const char *path, long line, const char *fmt, ...) {
  va_list ap;
  if (line)
    fprintf(stderr, "mklexicon: %s:%ld: error: ", path, line);
  else
    fprintf(stderr, "mklexicon: %s: error: ", path);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  exit(1);
}

static void *mklex_zalloc(size_t n) {
  void *p = calloc(n ? n : 1, 1);
  if (!p) {
    fprintf(stderr, "mklexicon: out of memory (%zu bytes)\n", n);
    exit(1);
  }
  return p;
}

static void *mklex_alloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    fprintf(stderr, "mklexicon: out of memory (%zu bytes)\n", n);
    exit(1);
  }
  return q;
}

/* Grow *v (element size sz, capacity *cap) to hold at least need. */
static void mklex_grow(void **v, size_t *cap, size_t need, size_t sz) {
  if (need <= *cap) return;
  size_t c = *cap ? *cap : 64;
  while (c < need) c *= 2;
  *v = mklex_alloc(*v, c * sz);
  *cap = c;
}

static char *mklex_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) mklex_die(path, 0, "cannot open: %s", strerror(errno));
  size_t cap = 1 << 20, n = 0;
  char *buf = mklex_alloc(NULL, cap);
  for (;;) {
    if (n + 1 >= cap) buf = mklex_alloc(buf, cap *= 2);
    size_t got = fread(buf + n, 1, cap - n - 1, f);
    if (got == 0) break;
    n += got;
  }
  if (ferror(f)) mklex_die(path, 0, "read error");
  fclose(f);
  buf[n] = '\0';
  *len = n;
  return buf;
}

/* ---- UTF-8 ------------------------------------------------------------ */

/* Decode one code point at s (n bytes left); bad bytes decode as
 * themselves + 0xDC00 so they still compare consistently. */
static uint32_t mklex_utf8(const unsigned char *s, size_t n, size_t *used) {
  unsigned c = s[0];
  size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3
           : (c >> 3) == 30 ? 4 : 0;
  if (k == 0 || k > n) {
    *used = 1;
    return 0xDC00 + c;
  }
  uint32_t cp = k == 1 ? c : k == 2 ? (c & 0x1F) : k == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t i = 1; i < k; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *used = 1;
      return 0xDC00 + c;
    }
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  *used = k;
  return cp;
}

/* Decode s into cps; returns the count, or -1 if longer than max. */
static int mklex_decode(const char *s, size_t n, uint32_t *cps, int max) {
  int k = 0;
  size_t i = 0, used;
  while (i < n) {
    if (k == max) return -1;
    cps[k++] = mklex_utf8((const unsigned char *)s + i, n - i, &used);
    i += used;
  }
  return k;
}

/* ---- string interning ------------------------------------------------ */

/* Every string (form, lemma, tags) lives once in pool, NUL-terminated;
 * id 0 is "".  The pool is written to the file as is. */
typedef struct mklex_strings {
  char *pool;
  size_t pool_len, pool_cap;
  uint32_t *off;      /* id -> pool offset */
  uint32_t *len;      /* id -> byte length */
  size_t n, cap;
  uint32_t *table;    /* open addressing: id + 1, 0 empty */
  size_t tsize;
} mklex_strings;

static uint32_t mklex_fnv1a(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 16777619u;
  }
  return h;
}

static uint32_t mklex_intern(mklex_strings *st, const char *s, size_t n);

static void mklex_strings_init(mklex_strings *st) {
  memset(st, 0, sizeof *st);
  st->tsize = 1 << 16;
  st->table = mklex_zalloc(st->tsize * sizeof *st->table);
  mklex_intern(st, "", 0);
}

static void mklex_strings_rehash(mklex_strings *st) {
  size_t ns = st->tsize * 2;
  uint32_t *t = mklex_zalloc(ns * sizeof *t);
  for (size_t id = 0; id < st->n; id++) {
    size_t i = mklex_fnv1a(st->pool + st->off[id], st->len[id]) & (ns - 1);
    while (t[i]) i = (i + 1) & (ns - 1);
    t[i] = (uint32_t)id + 1;
  }
  free(st->table);
  st->table = t;
  st->tsize = ns;
}

static uint32_t mklex_intern(mklex_strings *st, const char *s, size_t n) {
  size_t mask = st->tsize - 1;
  size_t i = mklex_fnv1a(s, n) & mask;
  for (; st->table[i]; i = (i + 1) & mask) {
    uint32_t id = st->table[i] - 1;
    if (st->len[id] == n && memcmp(st->pool + st->off[id], s, n) == 0)
      return id;
  }
  if (st->pool_len + n + 1 > UINT32_MAX) mklex_die("pool", 0, "string pool over 4 GB");
  mklex_grow((void **)&st->pool, &st->pool_cap, st->pool_len + n + 1, 1);
  if (st->n == st->cap) {
    st->cap = st->cap ? st->cap * 2 : 1024;
    st->off = mklex_alloc(st->off, st->cap * sizeof *st->off);
    st->len = mklex_alloc(st->len, st->cap * sizeof *st->len);
  }
  uint32_t id = (uint32_t)st->n++;
  st->off[id] = (uint32_t)st->pool_len;
  st->len[id] = (uint32_t)n;
  memcpy(st->pool + st->pool_len, s, n);
  st->pool[st->pool_len + n] = '\0';
  st->pool_len += n + 1;
  st->table[i] = id + 1;
  if (st->n * 2 > st->tsize) mklex_strings_rehash(st);
  return id;
}

/* ---- the affix file --------------------------------------------------- */

enum { FLAG_SHORT, FLAG_LONG, FLAG_NUM, FLAG_UTF8 };
enum { COND_ANY, COND_LIT, COND_SET, COND_NSET };

typedef struct mklex_cond {
  uint8_t kind;        /* COND_* */
  uint32_t cp;         /* COND_LIT */
  uint32_t set, nset;  /* COND_SET/NSET: range of the code point pool */
} mklex_cond;

typedef struct mklex_rule {
  char *strip, *add;       /* owned, NUL-terminated */
  size_t striplen, addlen;
  uint32_t cont, ncont;    /* continuation flags: range of the flag pool */
  uint32_t cond, ncond;    /* range of the condition pool */
  char *morph;             /* owned; "" if none */
  int needaffix;           /* NEEDAFFIX among the continuation flags */
  int cross;               /* the class allows cross-product */
  int elision;             /* a prefix whose add has an apostrophe */
} mklex_rule;

typedef struct mklex_class {
  uint32_t flag;
  int pfx;                 /* 1 PFX, 0 SFX */
  int cross;               /* cross-product 'Y' */
  size_t first, n;         /* rules */
  long line;               /* of the header, for messages */
} mklex_class;

typedef struct mklex_aff {
  const char *path;
  int flagtype;
  int fullstrip;
  uint32_t needaffix, forbidden;  /* 0: none */
  mklex_class *cls;
  size_t ncls, cls_cap;
  mklex_rule *rules;
  size_t nrules, rules_cap;
  uint32_t *flags;                /* flag pool */
  size_t nflags, flags_cap;
  mklex_cond *conds;
  size_t nconds, conds_cap;
  uint32_t *cps;                  /* condition sets' code points */
  size_t ncps, cps_cap;
} mklex_aff;

/* Parse a flag string of n bytes into the flag pool; returns the count. */
static uint32_t mklex_parse_flags(mklex_aff *a, const char *s, size_t n,
                                  const char *path, long line) {
  uint32_t count = 0;
  size_t i = 0;
  while (i < n) {
    uint32_t f;
    if (a->flagtype == FLAG_LONG) {
      if (i + 1 >= n) mklex_die(path, line, "odd number of bytes in long flags \"%.*s\"", (int)n, s);
      f = ((uint32_t)(unsigned char)s[i] << 8) | (unsigned char)s[i + 1];
      i += 2;
    } else if (a->flagtype == FLAG_NUM) {
      f = 0;
      if (s[i] < '0' || s[i] > '9') mklex_die(path, line, "expected a numeric flag in \"%.*s\"", (int)n, s);
      while (i < n && s[i] >= '0' && s[i] <= '9') f = f * 10 + (uint32_t)(s[i++] - '0');
      if (i < n && s[i] == ',') i++;
    } else if (a->flagtype == FLAG_UTF8) {
      size_t used;
      f = mklex_utf8((const unsigned char *)s + i, n - i, &used);
      i += used;
    } else {
      f = (unsigned char)s[i++];
    }
    mklex_grow((void **)&a->flags, &a->flags_cap, a->nflags + 1, sizeof *a->flags);
    a->flags[a->nflags++] = f;
    count++;
  }
  return count;
}

static uint32_t mklex_one_flag(mklex_aff *a, const char *s, const char *path, long line) {
  size_t before = a->nflags;
  if (mklex_parse_flags(a, s, strlen(s), path, line) != 1)
    mklex_die(path, line, "expected one flag, found \"%s\"", s);
  a->nflags = before;
  return a->flags[before];
}

static int mklex_has_flag(const mklex_aff *a, uint32_t first, uint32_t n, uint32_t f) {
  if (!f) return 0;
  for (uint32_t i = 0; i < n; i++)
    if (a->flags[first + i] == f) return 1;
  return 0;
}

/* Parse a hunspell condition ("." = none, literals, [abc], [^abc]). */
static void mklex_parse_cond(mklex_aff *a, mklex_rule *r, const char *s,
                             const char *path, long line) {
  uint32_t cps[MKLEX_MAXCP];
  int n = mklex_decode(s, strlen(s), cps, MKLEX_MAXCP);
  if (n < 0) mklex_die(path, line, "condition too long");
  r->cond = (uint32_t)a->nconds;
  r->ncond = 0;
  if (n == 1 && cps[0] == '.') return;
  for (int i = 0; i < n;) {
    mklex_cond c = {COND_LIT, cps[i], 0, 0};
    if (cps[i] == '.') {
      c.kind = COND_ANY;
      i++;
    } else if (cps[i] == '[') {
      i++;
      c.kind = COND_SET;
      if (i < n && cps[i] == '^') {
        c.kind = COND_NSET;
        i++;
      }
      c.set = (uint32_t)a->ncps;
      while (i < n && cps[i] != ']') {
        mklex_grow((void **)&a->cps, &a->cps_cap, a->ncps + 1, sizeof *a->cps);
        a->cps[a->ncps++] = cps[i++];
      }
      if (i == n) mklex_die(path, line, "unclosed '[' in condition \"%s\"", s);
      i++;
      c.nset = (uint32_t)a->ncps - c.set;
    } else {
      i++;
    }
    mklex_grow((void **)&a->conds, &a->conds_cap, a->nconds + 1, sizeof *a->conds);
    a->conds[a->nconds++] = c;
    r->ncond++;
  }
}

static int mklex_cond_one(const mklex_aff *a, const mklex_cond *c, uint32_t cp) {
  switch (c->kind) {
  case COND_ANY: return 1;
  case COND_LIT: return c->cp == cp;
  default: {
    int in = 0;
    for (uint32_t i = 0; i < c->nset; i++)
      if (a->cps[c->set + i] == cp) in = 1;
    return c->kind == COND_SET ? in : !in;
  }
  }
}

/* Does the condition of r hold on the start (prefix) or end (suffix) of
 * the word w (n code points)? */
static int mklex_cond_match(const mklex_aff *a, const mklex_rule *r, int pfx,
                            const uint32_t *w, int n) {
  if ((int)r->ncond > n) return 0;
  for (uint32_t i = 0; i < r->ncond; i++) {
    uint32_t cp = pfx ? w[i] : w[n - (int)r->ncond + (int)i];
    if (!mklex_cond_one(a, &a->conds[r->cond + i], cp)) return 0;
  }
  return 1;
}

static int mklex_cmp_class(const void *x, const void *y) {
  const mklex_class *p = x, *q = y;
  if (p->flag != q->flag) return p->flag < q->flag ? -1 : 1;
  return p->pfx - q->pfx;
}

/* Split line into at most max whitespace-separated fields (in place);
 * the last field keeps the rest of the line when rest is set. */
static int mklex_fields(char *line, char **f, int max, int rest) {
  int n = 0;
  char *p = line;
  while (n < max) {
    while (*p == ' ' || *p == '\t') p++;
    if (!*p) break;
    f[n++] = p;
    if (rest && n == max) break;
    while (*p && *p != ' ' && *p != '\t') p++;
    if (*p) *p++ = '\0';
  }
  if (rest && n == max) {  /* trim trailing blanks of the rest */
    size_t k = strlen(f[n - 1]);
    while (k && (f[n - 1][k - 1] == ' ' || f[n - 1][k - 1] == '\t')) f[n - 1][--k] = '\0';
  }
  return n;
}

static char *mklex_strdup0(const char *s) {
  if (strcmp(s, "0") == 0) s = "";
  size_t n = strlen(s);
  char *d = mklex_alloc(NULL, n + 1);
  memcpy(d, s, n + 1);
  return d;
}

static void mklex_parse_aff(mklex_aff *a, const char *path) {
  size_t len;
  char *buf = mklex_read_file(path, &len);
  memset(a, 0, sizeof *a);
  a->path = path;
  a->flagtype = FLAG_SHORT;
  /* Flags named by NEEDAFFIX/FORBIDDENWORD are parsed after FLAG. */
  char needaffix[64] = "", forbidden[64] = "";
  long needline = 0, forbline = 0;
  mklex_class *cur = NULL;
  size_t cur_left = 0;
  long lineno = 0;
  char *p = buf;
  if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  while (*p) {
    char *line = p;
    char *nl = strchr(p, '\n');
    if (nl) {
      *nl = '\0';
      p = nl + 1;
    } else {
      p += strlen(p);
    }
    lineno++;
    size_t ll = strlen(line);
    if (ll && line[ll - 1] == '\r') line[--ll] = '\0';
    char *f[6];
    int nf = mklex_fields(line, f, 6, 1);
    if (nf == 0 || f[0][0] == '#') continue;
    int is_pfx = strcmp(f[0], "PFX") == 0, is_sfx = strcmp(f[0], "SFX") == 0;
    if (cur_left && !(is_pfx || is_sfx))
      mklex_die(path, lineno, "expected %zu more %s rule(s) for the class at line %ld",
                cur_left, cur->pfx ? "PFX" : "SFX", cur->line);
    if (strcmp(f[0], "FLAG") == 0 && nf >= 2) {
      char *v = f[1];
      v[strcspn(v, " \t")] = '\0';
      if (strcmp(v, "long") == 0) a->flagtype = FLAG_LONG;
      else if (strcmp(v, "num") == 0) a->flagtype = FLAG_NUM;
      else if (strcmp(v, "UTF-8") == 0) a->flagtype = FLAG_UTF8;
      else mklex_die(path, lineno, "unknown FLAG type \"%s\"", v);
    } else if (strcmp(f[0], "SET") == 0 && nf >= 2) {
      if (strncmp(f[1], "UTF-8", 5) != 0)
        mklex_die(path, lineno, "only SET UTF-8 is supported, found \"%s\"", f[1]);
    } else if (strcmp(f[0], "FULLSTRIP") == 0) {
      a->fullstrip = 1;
    } else if (strcmp(f[0], "NEEDAFFIX") == 0 && nf >= 2) {
      snprintf(needaffix, sizeof needaffix, "%.*s", (int)strcspn(f[1], " \t"), f[1]);
      needline = lineno;
    } else if (strcmp(f[0], "FORBIDDENWORD") == 0 && nf >= 2) {
      snprintf(forbidden, sizeof forbidden, "%.*s", (int)strcspn(f[1], " \t"), f[1]);
      forbline = lineno;
    } else if (strcmp(f[0], "AF") == 0 || strcmp(f[0], "AM") == 0 ||
               strncmp(f[0], "COMPOUND", 8) == 0) {
      mklex_die(path, lineno, "%s is not supported", f[0]);
    } else if (is_pfx || is_sfx) {
      if (nf < 4) mklex_die(path, lineno, "expected %s flag ... , found %d fields", f[0], nf);
      if (!cur_left) { /* class header: PFX flag Y|N count */
        char *g[4];
        int ng = mklex_fields(f[3], g, 2, 0);
        if (ng < 1) mklex_die(path, lineno, "missing rule count");
        char *end;
        long cnt = strtol(g[0], &end, 10);
        if (*end || cnt < 0) mklex_die(path, lineno, "expected a rule count, found \"%s\"", g[0]);
        mklex_grow((void **)&a->cls, &a->cls_cap, a->ncls + 1, sizeof *a->cls);
        cur = &a->cls[a->ncls++];
        cur->flag = mklex_one_flag(a, f[1], path, lineno);
        cur->pfx = is_pfx;
        cur->cross = f[2][0] == 'Y';
        cur->first = a->nrules;
        cur->n = 0;
        cur->line = lineno;
        cur_left = (size_t)cnt;
        continue;
      }
      /* rule: PFX flag strip add[/cont] cond [morph...] */
      if (is_pfx != cur->pfx || mklex_one_flag(a, f[1], path, lineno) != cur->flag)
        mklex_die(path, lineno, "rule does not belong to the class opened at line %ld", cur->line);
      if (nf < 5) mklex_die(path, lineno, "rule without a condition");
      mklex_rule r;
      memset(&r, 0, sizeof r);
      r.strip = mklex_strdup0(f[2]);
      r.striplen = strlen(r.strip);
      char *slash = strchr(f[3], '/');
      if (slash) *slash = '\0';
      r.add = mklex_strdup0(f[3]);
      r.addlen = strlen(r.add);
      r.cont = (uint32_t)a->nflags;
      r.ncont = slash ? mklex_parse_flags(a, slash + 1, strlen(slash + 1), path, lineno) : 0;
      mklex_parse_cond(a, &r, f[4], path, lineno);
      r.morph = mklex_strdup0(nf >= 6 ? f[5] : "");
      r.cross = cur->cross;
      r.elision = is_pfx && (strchr(r.add, '\'') || strstr(r.add, "\xE2\x80\x99"));
      mklex_grow((void **)&a->rules, &a->rules_cap, a->nrules + 1, sizeof *a->rules);
      a->rules[a->nrules++] = r;
      cur->n++;
      cur_left--;
    }
  }
  if (cur_left) mklex_die(path, lineno, "file ends %zu rule(s) short of the class at line %ld",
                          cur_left, cur->line);
  if (needaffix[0]) a->needaffix = mklex_one_flag(a, needaffix, path, needline);
  if (forbidden[0]) a->forbidden = mklex_one_flag(a, forbidden, path, forbline);
  for (size_t i = 0; i < a->nrules; i++)
    a->rules[i].needaffix = mklex_has_flag(a, a->rules[i].cont, a->rules[i].ncont, a->needaffix);
  qsort(a->cls, a->ncls, sizeof *a->cls, mklex_cmp_class);
  for (size_t i = 1; i < a->ncls; i++)
    if (a->cls[i].flag == a->cls[i - 1].flag && a->cls[i].pfx == a->cls[i - 1].pfx)
      mklex_die(path, a->cls[i].line, "flag class defined twice (also at line %ld)",
                a->cls[i - 1].line);
  free(buf);
}

static const mklex_class *mklex_find_class(const mklex_aff *a, uint32_t flag, int pfx) {
  size_t lo = 0, hi = a->ncls;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const mklex_class *c = &a->cls[mid];
    if (c->flag < flag || (c->flag == flag && c->pfx < pfx)) lo = mid + 1;
    else hi = mid;
  }
  if (lo < a->ncls && a->cls[lo].flag == flag && a->cls[lo].pfx == pfx) return &a->cls[lo];
  return NULL;
}

/* ---- readings --------------------------------------------------------- */

enum {  /* lex_pos in src/lexicon.h, copied: this tool does not link libdyad */
  POS_OTHER = 0, POS_NOUN, POS_PROPN, POS_ADJ, POS_VERB, POS_ADV, POS_DET,
  POS_PRON, POS_PREP, POS_CONJ, POS_INTJ, POS_NUM
};

/* Coarse part of speech of one po: value of a dictionary line, -1 if it
 * is a feature rather than a class (mg, preverb, infi, 3pe...). */
static int mklex_pos_of(const char *v, size_t n) {
  static const struct { const char *name; int pos; } exact[] = {
    {"nom", POS_NOUN}, {"loc.nom", POS_NOUN}, {"titr", POS_NOUN},
    {"npr", POS_PROPN}, {"prn", POS_PROPN}, {"patr", POS_PROPN}, {"loc.patr", POS_PROPN},
    {"adj", POS_ADJ}, {"loc.adj", POS_ADJ}, {"loc.verb", POS_VERB},
    {"adv", POS_ADV}, {"loc.adv", POS_ADV}, {"negadv", POS_ADV}, {"advint", POS_ADV},
    {"prep", POS_PREP}, {"prepv", POS_PREP}, {"loc.prep", POS_PREP}, {"loc.prepv", POS_PREP},
    {"cjco", POS_CONJ}, {"cjsub", POS_CONJ}, {"cj", POS_CONJ}, {"loc.cj", POS_CONJ},
    {"loc.cjsub", POS_CONJ}, {"interj", POS_INTJ}, {"loc.interj", POS_INTJ},
    {"nb", POS_NUM}, {"nbro", POS_NUM},
  };
  for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
    if (strlen(exact[i].name) == n && memcmp(exact[i].name, v, n) == 0) return exact[i].pos;
  if (n >= 2 && v[0] == 'v' && v[1] >= '0' && v[1] <= '3') return POS_VERB;
  if (n >= 3 && memcmp(v, "det", 3) == 0) return POS_DET;
  if (n >= 3 && memcmp(v, "pro", 3) == 0) return POS_PRON;
  return -1;
}

/* Class names left out of tags (pos says them). */
static int mklex_generic(const char *v, size_t n) {
  static const char *const g[] = {"nom", "adj", "adv", "prep", "det", "interj"};
  for (size_t i = 0; i < sizeof g / sizeof g[0]; i++)
    if (strlen(g[i]) == n && memcmp(g[i], v, n) == 0) return 1;
  return 0;
}

typedef struct mklex_raw {
  uint32_t form, lemma, tags;  /* string ids */
  uint32_t pos;
} mklex_raw;

typedef struct mklex_out {
  mklex_strings str;
  mklex_raw *raw;
  size_t nraw, raw_cap;
} mklex_out;

/* A field "xx:value" of a morph string. */
typedef struct mklex_field {
  const char *key;  /* 2 bytes */
  const char *v;
  size_t n;
} mklex_field;

static int mklex_split_morph(const char *m, mklex_field *f, int max, int start) {
  int n = start;
  const char *p = m;
  while (*p) {
    while (*p == ' ' || *p == '\t') p++;
    if (!*p) break;
    const char *e = p;
    while (*e && *e != ' ' && *e != '\t') e++;
    if (e - p >= 3 && p[2] == ':' && n < max) {
      f[n].key = p;
      f[n].v = p + 3;
      f[n].n = (size_t)(e - p - 3);
      n++;
    }
    p = e;
  }
  return n;
}

/* Emit the readings of one form: entry morph em, rule morphs rm[0..nr). */
static void mklex_emit(mklex_out *o, const char *form, size_t flen, const char *lemma,
                       size_t llen, const mklex_rule *pfx, const char *em,
                       const mklex_rule *const *rm, int nr) {
  if (flen == 0) return;
  mklex_field f[128];
  int nentry = mklex_split_morph(em, f, 128, 0);
  int n = nentry;
  for (int i = 0; i < nr; i++) n = mklex_split_morph(rm[i]->morph, f, 128, n);
  /* lemma: st: of the entry, overridden by a rule's st: */
  char lbuf[1024];
  for (int i = 0; i < n; i++)
    if (memcmp(f[i].key, "st", 2) == 0) {
      lemma = f[i].v;
      llen = f[i].n;
    }
  if (pfx && (pfx->addlen || pfx->striplen)) {
    size_t skip = llen >= pfx->striplen && memcmp(lemma, pfx->strip, pfx->striplen) == 0
                      ? pfx->striplen : 0;
    if (pfx->addlen + llen - skip >= sizeof lbuf) return;
    memcpy(lbuf, pfx->add, pfx->addlen);
    memcpy(lbuf + pfx->addlen, lemma + skip, llen - skip);
    llen = pfx->addlen + llen - skip;
    lemma = lbuf;
  }
  /* tags */
  char tbuf[1024];
  size_t tl = 0;
  int pos[16], npos = 0;
  for (int i = 0; i < n; i++) {
    int po = memcmp(f[i].key, "po", 2) == 0, is = memcmp(f[i].key, "is", 2) == 0;
    if (!po && !is) continue;
    const char *v = f[i].v;
    size_t vn = f[i].n;
    if (vn && v[vn - 1] == '!') vn--;
    if (vn == 0) continue;
    if (po && i < nentry) {
      int p = mklex_pos_of(v, vn);
      if (p >= 0) {
        int seen = 0;
        for (int k = 0; k < npos; k++) seen |= pos[k] == p;
        if (!seen && npos < 16) pos[npos++] = p;
      }
      if (mklex_generic(v, vn)) continue;
    }
    /* drop a repeated tag */
    int dup = 0;
    for (size_t k = 0; k < tl && !dup;) {
      size_t e = k;
      while (e < tl && tbuf[e] != ' ') e++;
      if (e - k == vn && memcmp(tbuf + k, v, vn) == 0) dup = 1;
      k = e + 1;
    }
    if (dup) continue;
    if (tl + vn + 2 >= sizeof tbuf) break;
    if (tl) tbuf[tl++] = ' ';
    memcpy(tbuf + tl, v, vn);
    tl += vn;
  }
  if (npos == 0) pos[npos++] = POS_OTHER;
  uint32_t fid = mklex_intern(&o->str, form, flen);
  uint32_t lid = mklex_intern(&o->str, lemma, llen);
  uint32_t tid = mklex_intern(&o->str, tbuf, tl);
  for (int k = 0; k < npos; k++) {
    mklex_grow((void **)&o->raw, &o->raw_cap, o->nraw + 1, sizeof *o->raw);
    o->raw[o->nraw++] = (mklex_raw){fid, lid, tid, (uint32_t)pos[k]};
  }
}

/* Apply a suffix rule to w (n bytes, cps code points); returns the new
 * length in out, or -1 if the rule does not apply. */
static long mklex_apply_sfx(const mklex_aff *a, const mklex_rule *r, const char *w, size_t n,
                            const uint32_t *cps, int ncp, char *out, size_t cap) {
  if (r->striplen > n || (!a->fullstrip && r->striplen == n)) return -1;
  if (memcmp(w + n - r->striplen, r->strip, r->striplen) != 0) return -1;
  if (!mklex_cond_match(a, r, 0, cps, ncp)) return -1;
  size_t keep = n - r->striplen;
  if (keep + r->addlen >= cap) return -1;
  memcpy(out, w, keep);
  memcpy(out + keep, r->add, r->addlen);
  return (long)(keep + r->addlen);
}

static long mklex_apply_pfx(const mklex_aff *a, const mklex_rule *r, const char *w, size_t n,
                            char *out, size_t cap) {
  if (r->striplen > n || (!a->fullstrip && r->striplen == n)) return -1;
  if (memcmp(w, r->strip, r->striplen) != 0) return -1;
  uint32_t cps[MKLEX_MAXCP];
  int ncp = mklex_decode(w, n, cps, MKLEX_MAXCP);
  if (ncp < 0 || !mklex_cond_match(a, r, 1, cps, ncp)) return -1;
  size_t keep = n - r->striplen;
  if (r->addlen + keep >= cap) return -1;
  memcpy(out, r->add, r->addlen);
  memcpy(out + r->addlen, w + r->striplen, keep);
  return (long)(r->addlen + keep);
}

/* One dictionary line being expanded. */
typedef struct mklex_entry {
  const char *stem;
  size_t len;
  uint32_t flags, nflags;  /* range of the flag pool */
  const char *morph;
} mklex_entry;

/* Emit w (suffixes s1, s2 applied) bare and under every prefix allowed. */
static void mklex_with_prefixes(const mklex_aff *a, mklex_out *o, const mklex_entry *e,
                                const char *w, size_t n, const mklex_rule *s1,
                                const mklex_rule *s2, const mklex_rule *p0) {
  const mklex_rule *rm[3];
  int nr = 0;
  if (s1) rm[nr++] = s1;
  if (s2) rm[nr++] = s2;
  const mklex_rule *outer = s2 ? s2 : s1;
  int sfx_ok = outer && !outer->needaffix;
  char buf[2048];
  if (p0) {  /* the prefix that allowed these suffixes through its continuation */
    if (!(sfx_ok || !p0->needaffix)) return;
    long m = mklex_apply_pfx(a, p0, w, n, buf, sizeof buf);
    if (m < 0) return;
    rm[nr] = p0;
    mklex_emit(o, buf, (size_t)m, e->stem, e->len, p0, e->morph, rm, nr + 1);
    return;
  }
  if (outer ? sfx_ok : !mklex_has_flag(a, e->flags, e->nflags, a->needaffix))
    mklex_emit(o, w, n, e->stem, e->len, NULL, e->morph, rm, nr);
  /* prefixes: from the entry's flags (cross-product with the suffixes),
   * or from the suffixes' continuation flags */
  for (size_t c = 0; c < a->ncls; c++) {
    const mklex_class *pc = &a->cls[c];
    if (!pc->pfx) continue;
    int from_entry = mklex_has_flag(a, e->flags, e->nflags, pc->flag);
    int from_cont = (s1 && mklex_has_flag(a, s1->cont, s1->ncont, pc->flag)) ||
                    (s2 && mklex_has_flag(a, s2->cont, s2->ncont, pc->flag));
    if (!from_entry && !from_cont) continue;
    /* cross-product: both classes must allow it */
    if (outer && !from_cont && !(pc->cross && s1->cross && (!s2 || s2->cross))) continue;
    for (size_t i = 0; i < pc->n; i++) {
      const mklex_rule *p = &a->rules[pc->first + i];
      if (p->elision) continue;
      if (!(outer ? sfx_ok || !p->needaffix : !p->needaffix)) continue;
      long m = mklex_apply_pfx(a, p, w, n, buf, sizeof buf);
      if (m < 0) continue;
      rm[nr] = p;
      mklex_emit(o, buf, (size_t)m, e->stem, e->len, p, e->morph, rm, nr + 1);
    }
  }
}

/* Apply every suffix of the classes allowed by (entry flags | p0's
 * continuation) to the stem, then twofold suffixes, then prefixes. */
static void mklex_suffixes(const mklex_aff *a, mklex_out *o, const mklex_entry *e,
                           const mklex_rule *p0) {
  uint32_t cps[MKLEX_MAXCP], cps1[MKLEX_MAXCP];
  int ncp = mklex_decode(e->stem, e->len, cps, MKLEX_MAXCP);
  if (ncp < 0) return;
  char w1[2048], w2[2048];
  for (size_t c = 0; c < a->ncls; c++) {
    const mklex_class *sc = &a->cls[c];
    if (sc->pfx) continue;
    if (p0) {
      if (!mklex_has_flag(a, p0->cont, p0->ncont, sc->flag)) continue;
    } else if (!mklex_has_flag(a, e->flags, e->nflags, sc->flag)) {
      continue;
    }
    for (size_t i = 0; i < sc->n; i++) {
      const mklex_rule *s1 = &a->rules[sc->first + i];
      long n1 = mklex_apply_sfx(a, s1, e->stem, e->len, cps, ncp, w1, sizeof w1);
      if (n1 < 0) continue;
      mklex_with_prefixes(a, o, e, w1, (size_t)n1, s1, NULL, p0);
      if (!s1->ncont) continue;
      /* twofold: an outer suffix whose flag is in s1's continuation */
      int ncp1 = -1;
      for (size_t c2 = 0; c2 < a->ncls; c2++) {
        const mklex_class *sc2 = &a->cls[c2];
        if (sc2->pfx || !mklex_has_flag(a, s1->cont, s1->ncont, sc2->flag)) continue;
        if (ncp1 < 0) ncp1 = mklex_decode(w1, (size_t)n1, cps1, MKLEX_MAXCP);
        if (ncp1 < 0) break;
        for (size_t j = 0; j < sc2->n; j++) {
          const mklex_rule *s2 = &a->rules[sc2->first + j];
          long n2 = mklex_apply_sfx(a, s2, w1, (size_t)n1, cps1, ncp1, w2, sizeof w2);
          if (n2 < 0) continue;
          mklex_with_prefixes(a, o, e, w2, (size_t)n2, s1, s2, p0);
        }
      }
    }
  }
}

static void mklex_expand(const mklex_aff *a, mklex_out *o, const mklex_entry *e) {
  if (mklex_has_flag(a, e->flags, e->nflags, a->forbidden)) return;
  /* the stem, its suffixed forms, and prefixes over both */
  mklex_with_prefixes(a, o, e, e->stem, e->len, NULL, NULL, NULL);
  mklex_suffixes(a, o, e, NULL);
  /* prefixes whose continuation flags name suffixes (kilo/S.) */
  for (size_t c = 0; c < a->ncls; c++) {
    const mklex_class *pc = &a->cls[c];
    if (!pc->pfx || !mklex_has_flag(a, e->flags, e->nflags, pc->flag)) continue;
    for (size_t i = 0; i < pc->n; i++) {
      const mklex_rule *p = &a->rules[pc->first + i];
      if (p->elision) continue;
      int names_sfx = 0;
      for (uint32_t k = 0; k < p->ncont; k++)
        if (mklex_find_class(a, a->flags[p->cont + k], 0)) names_sfx = 1;
      if (names_sfx) mklex_suffixes(a, o, e, p);
    }
  }
}

static void mklex_aff_free(mklex_aff *a) {
  for (size_t i = 0; i < a->nrules; i++) {
    free(a->rules[i].strip);
    free(a->rules[i].add);
    free(a->rules[i].morph);
  }
  free(a->rules);
  free(a->cls);
  free(a->flags);
  free(a->conds);
  free(a->cps);
}

/* ---- the dictionary --------------------------------------------------- */

static void mklex_parse_dic(mklex_aff *a, mklex_out *o, const char *path) {
  size_t len;
  char *buf = mklex_read_file(path, &len);
  char *p = buf;
  if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  long lineno = 0;
  size_t base_flags = a->nflags;
  while (*p) {
    char *line = p;
    char *nl = strchr(p, '\n');
    if (nl) {
      *nl = '\0';
      p = nl + 1;
    } else {
      p += strlen(p);
    }
    lineno++;
    size_t ll = strlen(line);
    if (ll && line[ll - 1] == '\r') line[--ll] = '\0';
    if (lineno == 1) {  /* the approximate entry count */
      char *end;
      strtol(line, &end, 10);
      if (end == line) mklex_die(path, 1, "expected the entry count, found \"%.40s\"", line);
      continue;
    }
    if (ll == 0 || line[0] == '\t' || line[0] == '#') continue;
    /* word[/flags][ morph...]; a '/' escaped as "\/" belongs to the word */
    char *w = line, *q = line, *flags = NULL;
    size_t wl = 0;
    while (*q && *q != ' ' && *q != '\t') {
      if (*q == '\\' && q[1] == '/') {
        w[wl++] = '/';
        q += 2;
        continue;
      }
      if (*q == '/' && wl > 0) {
        flags = q + 1;
        q++;
        while (*q && *q != ' ' && *q != '\t') q++;
        break;
      }
      w[wl++] = *q++;
    }
    char *morph = q;
    size_t fl = flags ? (size_t)(q - flags) : 0;
    if (wl == 0) mklex_die(path, lineno, "empty word");
    mklex_entry e;
    e.stem = w;
    e.len = wl;
    e.flags = (uint32_t)a->nflags;
    e.nflags = flags ? mklex_parse_flags(a, flags, fl, path, lineno) : 0;
    e.morph = morph;
    mklex_expand(a, o, &e);
    a->nflags = base_flags;  /* the entry's flags are not needed any more */
  }
  free(buf);
}

/* ---- sorting and writing ---------------------------------------------- */

/* A string to sort: its bytes and its id. */
typedef struct mklex_sortkey {
  const char *s;
  uint32_t len, id;
} mklex_sortkey;

static int mklex_cmp_key(const void *x, const void *y) {
  const mklex_sortkey *a = x, *b = y;
  int c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
  if (c) return c;
  return a->len < b->len ? -1 : a->len > b->len;
}

/* Readings whose string fields hold ranks (byte order), not ids. */
static int mklex_cmp_raw(const void *x, const void *y) {
  const mklex_raw *a = x, *b = y;
  if (a->form != b->form) return a->form < b->form ? -1 : 1;
  if (a->lemma != b->lemma) return a->lemma < b->lemma ? -1 : 1;
  if (a->pos != b->pos) return a->pos < b->pos ? -1 : 1;
  if (a->tags != b->tags) return a->tags < b->tags ? -1 : 1;
  return 0;
}

static void mklex_put32(unsigned char *p, uint32_t v) {
  p[0] = (unsigned char)v;
  p[1] = (unsigned char)(v >> 8);
  p[2] = (unsigned char)(v >> 16);
  p[3] = (unsigned char)(v >> 24);
}

static void mklex_put16(unsigned char *p, uint32_t v) {
  p[0] = (unsigned char)v;
  p[1] = (unsigned char)(v >> 8);
}

static size_t mklex_align8(size_t n) { return (n + 7) & ~(size_t)7; }
static size_t mklex_align64(size_t n) { return (n + 63) & ~(size_t)63; }

/* The n bytes at s (n <= 8) as a little-endian word, zero-padded. */
static uint64_t mklex_word(const char *s, size_t n) {
  uint64_t w = 0;
  for (size_t k = 0; k < n && k < 8; k++) w |= (uint64_t)(unsigned char)s[k] << (8 * k);
  return w;
}

/* The slot hash (kind 2, see the top of the file); src/lexicon.c has the
 * same function. */
static uint32_t mklex_hash(const char *s, size_t n) {
  uint64_t w0 = mklex_word(s, n), w1 = n > 8 ? mklex_word(s + 8, n - 8) : 0;
  uint64_t h = w0 * 0x9E3779B97F4A7C15u ^ w1 * 0xC2B2AE3D27D4EB4Fu ^
               (uint64_t)n * 0x165667B19E3779F9u;
  for (size_t i = 16; i < n; i += 8)
    h = (h ^ (h >> 32) ^ mklex_word(s + i, n - i)) * 0xC2B2AE3D27D4EB4Fu;
  h ^= h >> 32;
  h *= 0xBF58476D1CE4E5B9u;
  return (uint32_t)(h >> 32);
}

/* A slot being placed (Robin Hood): its fields and its distance. */
typedef struct mklex_slot {
  uint32_t hash, first, off, fi;  /* fi: form index + 1, 0 = empty */
  uint32_t dist;
} mklex_slot;

static size_t mklex_write(mklex_out *o, const char *path, size_t *nforms_out,
                          size_t *nread_out, uint32_t *maxdist_out) {
  mklex_strings *st = &o->str;
  /* rank every string by its bytes, then sort and merge readings by rank */
  mklex_sortkey *keys = mklex_alloc(NULL, st->n * sizeof *keys);
  for (size_t i = 0; i < st->n; i++)
    keys[i] = (mklex_sortkey){st->pool + st->off[i], st->len[i], (uint32_t)i};
  qsort(keys, st->n, sizeof *keys, mklex_cmp_key);
  uint32_t *rank = mklex_alloc(NULL, st->n * sizeof *rank);
  uint32_t *byrank = mklex_alloc(NULL, st->n * sizeof *byrank);
  for (size_t i = 0; i < st->n; i++) {
    rank[keys[i].id] = (uint32_t)i;
    byrank[i] = keys[i].id;
  }
  free(keys);
  for (size_t i = 0; i < o->nraw; i++) {
    o->raw[i].form = rank[o->raw[i].form];
    o->raw[i].lemma = rank[o->raw[i].lemma];
    o->raw[i].tags = rank[o->raw[i].tags];
  }
  free(rank);
  qsort(o->raw, o->nraw, sizeof *o->raw, mklex_cmp_raw);
  size_t nr = 0;
  for (size_t i = 0; i < o->nraw; i++)
    if (nr == 0 || mklex_cmp_raw(&o->raw[nr - 1], &o->raw[i]) != 0) o->raw[nr++] = o->raw[i];
  for (size_t i = 0; i < nr; i++) {  /* back to ids */
    o->raw[i].form = byrank[o->raw[i].form];
    o->raw[i].lemma = byrank[o->raw[i].lemma];
    o->raw[i].tags = byrank[o->raw[i].tags];
  }
  free(byrank);
  size_t nforms = 0;
  for (size_t i = 0; i < nr; i++)
    if (i == 0 || o->raw[i].form != o->raw[i - 1].form) nforms++;
  /* load <= 5/8, an even count so the table is whole cache lines */
  size_t nslots = (nforms * 8 + 4) / 5 + 2;
  nslots += nslots & 1;
  if (nslots < 64) nslots = 64;
  if (nslots > UINT32_MAX) mklex_die(path, 0, "too many forms");

  size_t pool_off = MKLEX_HEADER;
  size_t read_off = mklex_align8(pool_off + st->pool_len);
  size_t forms_off = mklex_align8(read_off + nr * 16);
  size_t slots_off = mklex_align64(forms_off + nforms * 12);
  size_t size = slots_off + nslots * MKLEX_SLOT;
  if (size > UINT32_MAX) mklex_die(path, 0, "lexicon over 4 GB");
  unsigned char *out = mklex_zalloc(size);

  unsigned char *h = out;
  memcpy(h, "DYADLEX1", 8);
  mklex_put32(h + 8, MKLEX_VERSION);
  mklex_put32(h + 12, 0x01020304u);
  mklex_put32(h + 16, MKLEX_HEADER);
  mklex_put32(h + 20, (uint32_t)nforms);
  mklex_put32(h + 24, (uint32_t)nr);
  mklex_put32(h + 28, (uint32_t)nslots);
  mklex_put32(h + 32, (uint32_t)pool_off);
  mklex_put32(h + 36, (uint32_t)st->pool_len);
  mklex_put32(h + 40, (uint32_t)read_off);
  mklex_put32(h + 44, (uint32_t)forms_off);
  mklex_put32(h + 48, (uint32_t)slots_off);
  mklex_put32(h + 52, (uint32_t)size);
  mklex_put32(h + 56, 2u);
  mklex_put32(h + 60, MKLEX_SLOT);
  memcpy(out + pool_off, st->pool, st->pool_len);

  mklex_slot *tab = mklex_zalloc(nslots * sizeof *tab);
  uint32_t maxdist = 0;
  size_t fi = 0;
  for (size_t i = 0; i < nr; i++) {
    const mklex_raw *r = &o->raw[i];
    if (st->len[r->lemma] > 0xFFFF || st->len[r->tags] > 0xFFFF)
      mklex_die(path, 0, "lemma or tags over 65535 bytes");
    unsigned char *rp = out + read_off + i * 16;
    mklex_put32(rp, st->off[r->lemma]);
    mklex_put32(rp + 4, st->off[r->tags]);
    mklex_put16(rp + 8, st->len[r->lemma]);
    mklex_put16(rp + 10, st->len[r->tags]);
    rp[12] = (unsigned char)r->pos;
    if (i == 0 || r->form != o->raw[i - 1].form) {
      size_t cnt = 1;
      while (i + cnt < nr && o->raw[i + cnt].form == r->form) cnt++;
      if (cnt > 0xFF || st->len[r->form] > 0xFF)
        mklex_die(path, 0, "form \"%s\" over 255 bytes or with over 255 readings",
                  st->pool + st->off[r->form]);
      unsigned char *fp = out + forms_off + fi * 12;
      mklex_put32(fp, st->off[r->form]);
      mklex_put32(fp + 4, (uint32_t)i);
      mklex_put16(fp + 8, st->len[r->form]);
      mklex_put16(fp + 10, (uint32_t)cnt);
      /* Robin Hood insertion: take the slot of a form nearer its home */
      mklex_slot cur = {mklex_hash(st->pool + st->off[r->form], st->len[r->form]), (uint32_t)i,
                        st->off[r->form], (uint32_t)fi + 1, 0};
      size_t at = (size_t)(((uint64_t)cur.hash * nslots) >> 32);
      for (;;) {
        if (tab[at].fi == 0) {
          tab[at] = cur;
          break;
        }
        if (tab[at].dist < cur.dist) {
          mklex_slot t = tab[at];
          tab[at] = cur;
          cur = t;
        }
        cur.dist++;
        if (++at == nslots) at = 0;
      }
      fi++;
    }
  }
  for (size_t at = 0; at < nslots; at++) {
    const mklex_slot *t = &tab[at];
    if (t->fi == 0) continue;
    if (t->dist > maxdist) maxdist = t->dist;
    if (t->dist > 254) mklex_die(path, 0, "hash table probe distance over 254");
    const unsigned char *fp = out + forms_off + (size_t)(t->fi - 1) * 12;
    uint32_t len = fp[8], cnt = fp[10];
    unsigned char *sp = out + slots_off + at * MKLEX_SLOT;
    mklex_put32(sp, t->hash);
    sp[4] = (unsigned char)len;
    sp[5] = (unsigned char)cnt;
    sp[6] = (unsigned char)(t->dist + 1);
    mklex_put32(sp + 8, t->first);
    mklex_put32(sp + 12, t->off);
    memcpy(sp + 16, st->pool + t->off, len < MKLEX_INLINE ? len : MKLEX_INLINE);
  }
  free(tab);
  *maxdist_out = maxdist;
  FILE *f = fopen(path, "wb");
  if (!f) mklex_die(path, 0, "cannot create: %s", strerror(errno));
  if (fwrite(out, 1, size, f) != size || fclose(f) != 0)
    mklex_die(path, 0, "write error: %s", strerror(errno));
  free(out);
  *nforms_out = nforms;
  *nread_out = nr;
  return size;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: mklexicon fr.aff fr.dic out.lex\n");
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  mklex_aff aff;
  mklex_parse_aff(&aff, argv[1]);
  mklex_out o;
  memset(&o, 0, sizeof o);
  mklex_strings_init(&o.str);
  mklex_parse_dic(&aff, &o, argv[2]);
  size_t nforms, nread;
  uint32_t maxdist;
  size_t bytes = mklex_write(&o, argv[3], &nforms, &nread, &maxdist);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  fprintf(stderr, "mklexicon: %s: %zu forms, %zu readings, %zu bytes, longest probe %u, %.2f s\n",
          argv[3], nforms, nread, bytes, maxdist, secs);
  mklex_aff_free(&aff);
  free(o.raw);
  free(o.str.pool);
  free(o.str.off);
  free(o.str.len);
  free(o.str.table);
  return 0;
}
