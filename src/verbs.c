/* verbs.c: loading the predicate dictionary and finding patterns by their
 * trigger, see verbs.h.  Each item's alternatives are folded words kept
 * in one array; triggers are indexed by a phrase matcher (match.h) of
 * one-token phrases whose values are pattern numbers.
 */
#include "verbs.h"
#include "err.h"
#include "utf8.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char verbs_header[] = "cameo\tlang\tpattern\ttarget";
static const char *const verbs_targets[VT__COUNT] = {"avec", "obj", "a", "de", "host", "sym", "any"};

struct verbs_table {
  verbs_pattern *pats;   /* owned */
  size_t n, cap;
  char **alts;           /* owned: folded alternative words */
  size_t *alt_lens;      /* owned: their lengths */
  size_t nalts, alts_cap;
  matcher *triggers;     /* owned: trigger word -> pattern numbers */
  char *file;            /* owned */
  unsigned char lead[256 * 256 / 8];  /* the first two bytes of each trigger word (a bit per pair) */
};

void verbs_free(verbs_table *v) {
  if (!v) return;
  for (size_t i = 0; i < v->nalts; i++) free(v->alts[i]);
  free(v->alts);
  free(v->alt_lens);
  free(v->pats);
  matcher_free(v->triggers);
  free(v->file);
  free(v);
}

size_t verbs_count(const verbs_table *v) { return v->n; }
const verbs_pattern *verbs_at(const verbs_table *v, uint32_t i) { return i < v->n ? &v->pats[i] : NULL; }

int verbs_alt_is(const verbs_table *v, uint32_t alt, const char *w, size_t n) {
  return alt < v->nalts && v->alt_lens[alt] == n && !memcmp(v->alts[alt], w, n);
}

int verbs_may_start(const verbs_table *v, const char *form, size_t n) {
  if (n == 0) return 0;
  unsigned char a = (unsigned char)form[0], b = n > 1 ? (unsigned char)form[1] : 0;
  int letter_a = (a | 0x20) >= 'a' && (a | 0x20) <= 'z', letter_b = (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
  if (!letter_a || (n > 1 && !letter_b)) return 1; /* would need folding to tell */
  unsigned pair = (unsigned)(a | 0x20) << 8 | (n > 1 ? (unsigned)(b | 0x20) : 0);
  return v->lead[pair / 8] >> (pair % 8) & 1;
}

size_t verbs_triggered(const verbs_table *v, const char *w, size_t n, const uint32_t **out) {
  uint32_t id = matcher_token_id(v->triggers, w, n);
  size_t nv = 0;
  *out = NULL;
  if (id) matcher_longest(v->triggers, &id, 1, out, &nv);
  return nv;
}

typedef struct verbs_load_state {
  verbs_table *v;
  long line;
  int problems;
  dict_report_fn fn;
  void *user;
} verbs_load_state;

static void verbs_problem(verbs_load_state *L, const char *fmt, ...) DYAD_PRINTF(2, 3);
static void verbs_problem(verbs_load_state *L, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  L->problems++;
  if (L->fn) L->fn(L->user, L->v->file, L->line, msg);
}

/* Add the folded word s[0..n) as an alternative; 0 if it folds to nothing
 * (then nothing is added). */
static int verbs_alt_add(verbs_table *v, const char *s, size_t n) {
  char buf[256];
  size_t len = utf8_fold(s, n, buf, sizeof buf - 1);
  if (len == 0) return 0;
  buf[len] = '\0';
  if (v->nalts == v->alts_cap) {
    v->alts_cap = v->alts_cap ? 2 * v->alts_cap : 256;
    v->alts = xrealloc(v->alts, v->alts_cap * sizeof *v->alts);
    v->alt_lens = xrealloc(v->alt_lens, v->alts_cap * sizeof *v->alt_lens);
  }
  v->alt_lens[v->nalts] = len;
  v->alts[v->nalts++] = xstrdup(buf);
  return 1;
}

static void verbs_line(verbs_load_state *L, const char *f[4], const size_t fl[4]) {
  verbs_table *v = L->v;
  if (fl[0] < 2 || fl[0] > 4 || strspn(f[0], "0123456789") < fl[0]) {
    verbs_problem(L, "bad CAMEO code '%.*s'", (int)fl[0], f[0]);
    return;
  }
  int root = (f[0][0] - '0') * 10 + (f[0][1] - '0');
  if (root < 1 || root > 20) {
    verbs_problem(L, "CAMEO root %02d out of 01-20", root);
    return;
  }
  if (!(fl[1] == 2 && (!memcmp(f[1], "fr", 2) || !memcmp(f[1], "en", 2)))) {
    verbs_problem(L, "unknown language '%.*s' (fr or en)", (int)fl[1], f[1]);
    return;
  }
  int target = -1;
  for (int k = 0; k < VT__COUNT; k++)
    if (strlen(verbs_targets[k]) == fl[3] && !memcmp(verbs_targets[k], f[3], fl[3])) target = k;
  if (target < 0) {
    verbs_problem(L, "unknown target '%.*s' (avec, obj, a, de, host, sym, any)", (int)fl[3], f[3]);
    return;
  }
  verbs_pattern p;
  memset(&p, 0, sizeof p);
  memcpy(p.cameo, f[0], fl[0]);
  p.target = (uint8_t)target;
  p.file = v->file;
  p.line = (uint32_t)L->line;
  const char *s = f[2], *end = f[2] + fl[2];
  while (s < end) {
    while (s < end && *s == ' ') s++;
    if (s >= end) break;
    const char *e = s;
    while (e < end && *e != ' ') e++;
    if (p.nitems == VERBS_MAX_ITEMS) {
      verbs_problem(L, "more than %d items in the pattern", VERBS_MAX_ITEMS);
      return;
    }
    p.items[p.nitems] = (uint32_t)v->nalts;
    for (const char *a = s; a <= e;) {
      const char *b = a;
      while (b < e && *b != '|') b++;
      if (b == a) {
        verbs_problem(L, "empty alternative in '%.*s'", (int)(e - s), s);
        return;
      }
      if (!verbs_alt_add(v, a, (size_t)(b - a))) {
        verbs_problem(L, "alternative '%.*s' has no letter", (int)(b - a), a);
        return;
      }
      p.nalts[p.nitems]++;
      a = b + 1;
    }
    p.nitems++;
    s = e;
  }
  if (p.nitems == 0) {
    verbs_problem(L, "empty pattern");
    return;
  }
  if (v->n == v->cap) {
    v->cap = v->cap ? 2 * v->cap : 256;
    v->pats = xrealloc(v->pats, v->cap * sizeof *v->pats);
  }
  for (uint8_t k = 0; k < p.nalts[0]; k++) {
    const char *w = v->alts[p.items[0] + k];
    size_t wl = strlen(w);
    matcher_add(v->triggers, &w, &wl, 1, (uint32_t)v->n);
    unsigned pair = (unsigned char)w[0] << 8 | (wl > 1 ? (unsigned char)w[1] : 0);
    v->lead[pair / 8] |= (unsigned char)(1u << (pair % 8));
  }
  v->pats[v->n++] = p;
}

verbs_table *verbs_load(const char *path, dict_report_fn fn, void *user, int *problems) {
  verbs_table *v = xcalloc(1, sizeof *v);
  v->file = xstrdup(path);
  v->triggers = matcher_new();
  verbs_load_state L = {v, 0, 0, fn, user};
  *problems = 0;
  FILE *fp = fopen(path, "r");
  if (!fp) {
    verbs_problem(&L, "cannot read: %s", strerror(errno));
    *problems = L.problems;
    verbs_free(v);
    return NULL;
  }
  char line[2048];
  int header = 0;
  while (fgets(line, sizeof line, fp)) {
    L.line++;
    size_t n = strcspn(line, "\r\n");
    line[n] = '\0';
    if (n == 0 || line[0] == '#') continue;
    if (!header) {
      if (strcmp(line, verbs_header)) {
        verbs_problem(&L, "unknown header '%s' (expected '%s')", line, "cameo lang pattern target");
        break;
      }
      header = 1;
      continue;
    }
    size_t tabs = 0;
    for (char *q = line; *q; q++) tabs += *q == '\t';
    if (tabs != 3) {
      verbs_problem(&L, "%zu fields, expected 4 (cameo lang pattern target)", tabs + 1);
      continue;
    }
    const char *f[4];
    size_t fl[4];
    char *p = line;
    for (int k = 0; k < 4; k++) {
      char *t = strchr(p, '\t');
      f[k] = p;
      fl[k] = t ? (size_t)(t - p) : strlen(p);
      p = t ? t + 1 : p + fl[k];
    }
    verbs_line(&L, f, fl);
  }
  fclose(fp);
  *problems = L.problems;
  return v;
}

/* The lemmas already folded by verbs_trigger_readings: open addressing
 * from lexicon_lemma_key to trigger-or-not, grown at half full. */
typedef struct verbs_lemma_memo {
  uint64_t *keys;         /* UINT64_MAX: empty */
  unsigned char *trig;
  size_t cap, n;
} verbs_lemma_memo;

static size_t verbs_memo_slot(const verbs_lemma_memo *m, uint64_t key) {
  size_t i = (size_t)((key * 0x9E3779B97F4A7C15u) >> 32) & (m->cap - 1);
  while (m->keys[i] != UINT64_MAX && m->keys[i] != key) i = (i + 1) & (m->cap - 1);
  return i;
}

static void verbs_memo_grow(verbs_lemma_memo *m) {
  verbs_lemma_memo old = *m;
  m->cap = old.cap ? 2 * old.cap : 4096;
  m->keys = xmalloc(m->cap * sizeof *m->keys);
  memset(m->keys, 0xFF, m->cap * sizeof *m->keys);
  m->trig = xcalloc(m->cap, 1);
  for (size_t i = 0; i < old.cap; i++)
    if (old.keys[i] != UINT64_MAX) {
      size_t j = verbs_memo_slot(m, old.keys[i]);
      m->keys[j] = old.keys[i];
      m->trig[j] = old.trig[i];
    }
  free(old.keys);
  free(old.trig);
}

unsigned char *verbs_trigger_readings(const verbs_table *v, const lexicon *lex) {
  size_t n = lexicon_nreadings(lex);
  unsigned char *bits = xcalloc(n / 8 + 1, 1);
  verbs_lemma_memo memo = {NULL, NULL, 0, 0};
  verbs_memo_grow(&memo);
  for (uint32_t r = 0; r < n; r++) {
    uint64_t key = lexicon_lemma_key(lex, r);
    size_t i = verbs_memo_slot(&memo, key);
    if (memo.keys[i] == UINT64_MAX) {   /* a lemma not seen yet: fold it */
      lex_reading rd;
      lexicon_reading(lex, r, &rd);
      char buf[512];
      size_t f = utf8_fold(rd.lemma, rd.lemma_len, buf, sizeof buf);
      const uint32_t *pats;
      if (2 * (memo.n + 1) > memo.cap) {
        verbs_memo_grow(&memo);
        i = verbs_memo_slot(&memo, key);
      }
      memo.keys[i] = key;
      memo.trig[i] = f && verbs_triggered(v, buf, f, &pats) > 0;
      memo.n++;
    }
    if (memo.trig[i]) bits[r / 8] |= (unsigned char)(1u << (r % 8));
  }
  free(memo.keys);
  free(memo.trig);
  return bits;
}
