/* dict.c: loading, validating and compiling the actor dictionaries (see
 * dict.h and docs/dictionaries.md for the file formats).
 *
 * Every file is UTF-8 TSV: '#' comment lines, blank lines, a header line
 * that names the columns and so the file's kind, then one entry per
 * line.  Kinds, by header:
 *
 *   code alpha2 lang name               states (generated from iso-codes)
 *   code lang name                      more state names
 *   code description                    role codes
 *   code country lang name              organisations
 *   code lang forms                     demonyms, forms separated by '|'
 *   code prefix                         compound-adjective prefixes
 *   code name                           capitals and seats of power
 *   role lang phrase                    role phrases
 *   country role start end name variants   people and their terms
 *
 * Files are read in dependency order (role codes, states, organisations,
 * then the rest) so that codes can be checked as they come.  A phrase is
 * cut into tokens by the same normalise and segment code as articles,
 * then folded (utf8_fold), so dictionary and text agree on tokens.
 */
#include "dict.h"
#include "dates.h"
#include "arena.h"
#include "err.h"
#include "normalise.h"
#include "segment.h"
#include "utf8.h"
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DICT_MAX_ROLES 64
#define DICT_MAX_FIELDS 8
#define DICT_MAX_PHRASE_TOKS 32
#define DICT_MAX_LINE 4096

typedef enum dict_file_kind {
  DF_COUNTRIES = 0, DF_ROLE_CODES, DF_ORGS, DF_NAMES, DF_DEMONYMS, DF_PREFIXES,
  DF_CAPITALS, DF_ROLES, DF_PEOPLE, DF__COUNT
} dict_file_kind;

static const char *const dict_headers[DF__COUNT] = {
    "code\talpha2\tlang\tname", "code\tdescription", "code\tcountry\tlang\tname",
    "code\tlang\tname",          "code\tlang\tforms", "code\tprefix",
    "code\tname",                "role\tlang\tphrase",
    "country\trole\tstart\tend\tname\tvariants"};

typedef struct dict_prefix {
  char *folded;                /* owned */
  char state[DICT_CODE_MAX];
} dict_prefix;

struct dict {
  dict_entry *entries;         /* owned */
  size_t n, cap;
  char **strings;              /* owned: names and file names */
  size_t nstrings, strings_cap;
  matcher *m;                  /* owned */
  char roles[DICT_MAX_ROLES][DICT_CODE_MAX];
  unsigned nroles;
  char (*codes)[DICT_CODE_MAX]; /* owned: known state and organisation codes, sorted at finish */
  size_t ncodes, codes_cap;
  int codes_sorted;
  dict_prefix *prefixes;       /* owned */
  size_t nprefixes, prefixes_cap;
  uint32_t *holders;           /* owned: person entries sorted by state, role, start */
  size_t nholders;
  int32_t as_of;               /* latest day a term starts or ends */
  arena tmp;                   /* scratch for tokenising phrases */
};

static const char *const dict_kind_names[DK__COUNT] = {"country", "capital", "demonym",
                                                       "organisation", "person", "role"};

const char *dict_kind_name(dict_kind k) {
  return (unsigned)k < DK__COUNT ? dict_kind_names[k] : "?";
}

dict *dict_new(void) {
  dict *d = xcalloc(1, sizeof *d);
  d->m = matcher_new();
  arena_init(&d->tmp);
  return d;
}

void dict_free(dict *d) {
  if (!d) return;
  for (size_t i = 0; i < d->nstrings; i++) free(d->strings[i]);
  free(d->strings);
  for (size_t i = 0; i < d->nprefixes; i++) free(d->prefixes[i].folded);
  free(d->prefixes);
  free(d->entries);
  free(d->codes);
  free(d->holders);
  matcher_free(d->m);
  arena_free(&d->tmp);
  free(d);
}

const matcher *dict_matcher(const dict *d) { return d->m; }
const dict_entry *dict_entry_at(const dict *d, uint32_t i) { return i < d->n ? &d->entries[i] : NULL; }
size_t dict_nentries(const dict *d) { return d->n; }

const char *dict_role_code(const dict *d, unsigned role) {
  return role < d->nroles ? d->roles[role] : "?";
}

int dict_role_find(const dict *d, const char *code) {
  for (unsigned i = 0; i < d->nroles; i++)  /* the first letter tells most codes apart */
    if (d->roles[i][0] == code[0] && !strcmp(d->roles[i], code)) return (int)i;
  return -1;
}

static const char *dict_keep(dict *d, const char *s, size_t n) {
  if (d->nstrings == d->strings_cap) {
    d->strings_cap = d->strings_cap ? 2 * d->strings_cap : 256;
    d->strings = xrealloc(d->strings, d->strings_cap * sizeof *d->strings);
  }
  char *p = xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  d->strings[d->nstrings++] = p;
  return p;
}

/* ---- dates ---- */


static int dict_month_days(int y, int m) {
  static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return md[m - 1];
}

static int dict_digits(const char *s, size_t n, int *out) {
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return 0;
}

int dict_parse_period(const char *s, size_t n, int32_t *first, int32_t *last) {
  int y, m = 0, dd = 0;
  if (n != 4 && n != 7 && n != 10) return -1;
  if (dict_digits(s, 4, &y) || y < 1000) return -1;
  if (n >= 7 && (s[4] != '-' || dict_digits(s + 5, 2, &m) || m < 1 || m > 12)) return -1;
  if (n == 10 && (s[7] != '-' || dict_digits(s + 8, 2, &dd) || dd < 1 ||
                  dd > dict_month_days(y, m)))
    return -1;
  if (n == 4) { *first = dates_days(y, 1, 1); *last = dates_days(y, 12, 31); }
  else if (n == 7) { *first = dates_days(y, m, 1); *last = dates_days(y, m, dict_month_days(y, m)); }
  else { *first = *last = dates_days(y, m, dd); }
  return 0;
}

/* ---- codes ---- */

static int dict_code_cmp(const void *a, const void *b) { return strcmp(a, b); }

static void dict_code_add(dict *d, const char *code) {
  if (d->ncodes == d->codes_cap) {
    d->codes_cap = d->codes_cap ? 2 * d->codes_cap : 512;
    d->codes = xrealloc(d->codes, d->codes_cap * sizeof *d->codes);
  }
  snprintf(d->codes[d->ncodes++], DICT_CODE_MAX, "%s", code);
  d->codes_sorted = 0;
}

static int dict_code_known(dict *d, const char *code) {
  if (!d->codes_sorted) {
    if (d->ncodes) qsort(d->codes, d->ncodes, sizeof *d->codes, dict_code_cmp);
    size_t k = 0;
    for (size_t i = 0; i < d->ncodes; i++)
      if (!k || strcmp(d->codes[k - 1], d->codes[i])) memmove(d->codes[k++], d->codes[i], DICT_CODE_MAX);
    d->ncodes = k;
    d->codes_sorted = 1;
  }
  return d->ncodes && bsearch(code, d->codes, d->ncodes, sizeof *d->codes, dict_code_cmp) != NULL;
}

static int dict_code_shape(const char *s, size_t n) {
  if (n < 2 || n >= DICT_CODE_MAX) return 0;
  for (size_t i = 0; i < n; i++)
    if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_')) return 0;
  return 1;
}

/* ---- loading ---- */

typedef struct dict_load {
  dict *d;
  const char *file;           /* owned by d */
  long line;
  int prio;
  int problems;
  dict_report_fn fn;
  void *user;
} dict_load;

static void dict_problem(dict_load *L, const char *fmt, ...) DYAD_PRINTF(2, 3);
static void dict_problem(dict_load *L, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  L->problems++;
  if (L->fn) L->fn(L->user, L->file, L->line, msg);
}

/* The press writes two-word names with a hyphen or a space alike
 * ("Burkina Faso", "Burkina-Faso"; "Guinée-Bissau", "Guinée Bissau"):
 * a name of two or three plain words is also added hyphenated, and a
 * single word with inner hyphens also as separate words. */
static void dict_phrase_hyphen_variants(dict *d, const token *toks, size_t ntoks, const char *text,
                                        const char *const *ft, const size_t *fl, uint32_t e) {
  if (ntoks >= 2 && ntoks <= 3) {
    size_t total = 0;
    for (size_t i = 0; i < ntoks; i++) {
      if (toks[i].kind != TOK_WORD || (toks[i].flags & TOKF_ELISION)) return;
      if (i && (toks[i].start != toks[i - 1].end + 1 || text[toks[i - 1].end] != ' ')) return;
      total += fl[i] + 1;
    }
    char *joined = arena_alloc(&d->tmp, total);
    size_t k = 0;
    for (size_t i = 0; i < ntoks; i++) {
      if (i) joined[k++] = '-';
      memcpy(joined + k, ft[i], fl[i]);
      k += fl[i];
    }
    const char *jt[1] = {joined};
    size_t jl[1] = {k};
    matcher_add(d->m, jt, jl, 1, e);
  } else if (ntoks == 1 && toks[0].kind == TOK_WORD) {
    const char *pt[3];
    size_t pl[3], np = 0, from = 0;
    for (size_t i = 0; i <= fl[0]; i++) {
      if (i < fl[0] && ft[0][i] != '-') continue;
      if (np == 3 || i == from) return;
      pt[np] = ft[0] + from;
      pl[np++] = i - from;
      from = i + 1;
    }
    if (np >= 2) matcher_add(d->m, pt, pl, np, e);
  }
}

/* Add a phrase for entry number e: normalise, segment, fold. */
static void dict_phrase(dict_load *L, const char *s, size_t n, uint32_t e) {
  dict *d = L->d;
  char *text;
  size_t tlen;
  uint32_t *omap;
  normalise_text(&d->tmp, s, n, &text, &tlen, &omap);
  token *toks;
  sentence *sents;
  size_t ntoks, nsents;
  segment_text(&d->tmp, text, tlen, NULL, 0, &toks, &ntoks, &sents, &nsents);
  if (ntoks == 0) {
    dict_problem(L, "empty name");
    return;
  }
  if (ntoks > DICT_MAX_PHRASE_TOKS) {
    dict_problem(L, "name of %zu tokens, more than %d", ntoks, DICT_MAX_PHRASE_TOKS);
    return;
  }
  const char *ft[DICT_MAX_PHRASE_TOKS];
  size_t fl[DICT_MAX_PHRASE_TOKS];
  for (size_t i = 0; i < ntoks; i++) {
    size_t w = toks[i].end - toks[i].start;
    char *buf = arena_alloc(&d->tmp, 4 * w + 8);
    fl[i] = utf8_fold(text + toks[i].start, w, buf, 4 * w + 8);
    ft[i] = buf;
  }
  matcher_add(d->m, ft, fl, ntoks, e);
  dict_phrase_hyphen_variants(d, toks, ntoks, text, ft, fl, e);
}

static dict_entry *dict_entry_new(dict_load *L, dict_kind kind) {
  dict *d = L->d;
  if (d->n == d->cap) {
    d->cap = d->cap ? 2 * d->cap : 1024;
    d->entries = xrealloc(d->entries, d->cap * sizeof *d->entries);
  }
  dict_entry *e = &d->entries[d->n++];
  memset(e, 0, sizeof *e);
  e->kind = (uint8_t)kind;
  e->prio = (uint8_t)L->prio;
  e->file = L->file;
  e->line = (uint32_t)L->line;
  return e;
}

typedef struct dict_field {
  const char *s;
  size_t n;
} dict_field;

/* A state or organisation code field: checked, copied to out. */
static int dict_code_field(dict_load *L, const char *what, dict_field f, char *out, int allow_empty) {
  if (f.n == 0 && allow_empty) {
    out[0] = '\0';
    return 0;
  }
  if (!dict_code_shape(f.s, f.n)) {
    dict_problem(L, "bad %s code '%.*s'", what, (int)f.n, f.s);
    return -1;
  }
  memcpy(out, f.s, f.n);
  out[f.n] = '\0';
  if (!dict_code_known(L->d, out)) {
    dict_problem(L, "unknown %s code '%s'", what, out);
    return -1;
  }
  return 0;
}

static int dict_lang_field(dict_load *L, dict_field f) {
  if ((f.n == 2 && (!memcmp(f.s, "fr", 2) || !memcmp(f.s, "en", 2)))) return 0;
  dict_problem(L, "unknown language '%.*s' (fr or en)", (int)f.n, f.s);
  return -1;
}

static int dict_role_field(dict_load *L, dict_field f) {
  char code[DICT_CODE_MAX];
  if (f.n == 0 || f.n >= DICT_CODE_MAX) {
    dict_problem(L, "bad role code '%.*s'", (int)f.n, f.s);
    return -1;
  }
  memcpy(code, f.s, f.n);
  code[f.n] = '\0';
  int r = dict_role_find(L->d, code);
  if (r < 0) dict_problem(L, "unknown role code '%s'", code);
  return r;
}

/* Each '|'-separated item of f, as a phrase of entry e. */
static void dict_items(dict_load *L, dict_field f, uint32_t e) {
  size_t i = 0;
  while (i <= f.n) {
    size_t j = i;
    while (j < f.n && f.s[j] != '|') j++;
    if (j > i) dict_phrase(L, f.s + i, j - i, e);
    else if (f.n) dict_problem(L, "empty item in '|' list");
    i = j + 1;
  }
}

static void dict_line(dict_load *L, dict_file_kind kind, dict_field *f, size_t nf) {
  dict *d = L->d;
  uint32_t eno = (uint32_t)d->n;
  dict_entry *e;
  switch (kind) {
  case DF_ROLE_CODES:
    if (!dict_code_shape(f[0].s, f[0].n)) { dict_problem(L, "bad role code '%.*s'", (int)f[0].n, f[0].s); return; }
    if (d->nroles == DICT_MAX_ROLES) { dict_problem(L, "more than %d role codes", DICT_MAX_ROLES); return; }
    snprintf(d->roles[d->nroles], DICT_CODE_MAX, "%.*s", (int)f[0].n, f[0].s);
    if (dict_role_find(d, d->roles[d->nroles]) >= 0) {
      dict_problem(L, "duplicate role code '%s'", d->roles[d->nroles]);
      return;
    }
    d->nroles++;
    return;
  case DF_COUNTRIES:
    if (!dict_code_shape(f[0].s, f[0].n) || f[0].n != 3) { dict_problem(L, "bad country code '%.*s'", (int)f[0].n, f[0].s); return; }
    if (dict_lang_field(L, f[2])) return;
    e = dict_entry_new(L, DK_COUNTRY);
    snprintf(e->code, DICT_CODE_MAX, "%.*s", (int)f[0].n, f[0].s);
    snprintf(e->state, DICT_CODE_MAX, "%s", e->code);
    dict_code_add(d, e->code);
    dict_phrase(L, f[3].s, f[3].n, eno);
    return;
  case DF_ORGS: {
    if (!dict_code_shape(f[0].s, f[0].n)) { dict_problem(L, "bad organisation code '%.*s'", (int)f[0].n, f[0].s); return; }
    char code[DICT_CODE_MAX], state[DICT_CODE_MAX];
    snprintf(code, sizeof code, "%.*s", (int)f[0].n, f[0].s);
    if (dict_code_field(L, "country", f[1], state, 1) || dict_lang_field(L, f[2])) return;
    e = dict_entry_new(L, DK_ORG);
    memcpy(e->code, code, sizeof code);
    memcpy(e->state, state[0] ? state : code, sizeof state);
    e->name = dict_keep(d, f[3].s, f[3].n);
    dict_code_add(d, code);
    dict_phrase(L, f[3].s, f[3].n, eno);
    return;
  }
  case DF_NAMES:
  case DF_DEMONYMS:
  case DF_CAPITALS: {
    char code[DICT_CODE_MAX];
    if (dict_code_field(L, "country", f[0], code, 0)) return;
    if (kind != DF_CAPITALS && dict_lang_field(L, f[1])) return;
    e = dict_entry_new(L, kind == DF_NAMES ? DK_COUNTRY : kind == DF_DEMONYMS ? DK_DEMONYM : DK_CAPITAL);
    memcpy(e->code, code, sizeof code);
    memcpy(e->state, code, sizeof code);
    if (kind == DF_DEMONYMS) dict_items(L, f[2], eno);
    else dict_phrase(L, f[nf - 1].s, f[nf - 1].n, eno);
    return;
  }
  case DF_PREFIXES: {
    char code[DICT_CODE_MAX];
    if (dict_code_field(L, "country", f[0], code, 0)) return;
    if (d->nprefixes == d->prefixes_cap) {
      d->prefixes_cap = d->prefixes_cap ? 2 * d->prefixes_cap : 64;
      d->prefixes = xrealloc(d->prefixes, d->prefixes_cap * sizeof *d->prefixes);
    }
    char buf[256];
    size_t n = utf8_fold(f[1].s, f[1].n, buf, sizeof buf);
    if (!n) { dict_problem(L, "bad prefix '%.*s'", (int)f[1].n, f[1].s); return; }
    dict_prefix *p = &d->prefixes[d->nprefixes++];
    p->folded = xmalloc(n + 1);
    memcpy(p->folded, buf, n);
    p->folded[n] = '\0';
    memcpy(p->state, code, sizeof code);
    return;
  }
  case DF_ROLES: {
    int r = dict_role_field(L, f[0]);
    if (r < 0 || dict_lang_field(L, f[1])) return;
    e = dict_entry_new(L, DK_ROLE);
    e->role = (uint8_t)r;
    dict_phrase(L, f[2].s, f[2].n, eno);
    return;
  }
  case DF_PEOPLE: {
    char code[DICT_CODE_MAX];
    if (dict_code_field(L, "country", f[0], code, 0)) return;
    int r = dict_role_field(L, f[1]);
    if (r < 0) return;
    int32_t s0, s1, e0 = DICT_OPEN_END, e1 = DICT_OPEN_END;
    if (dict_parse_period(f[2].s, f[2].n, &s0, &s1)) {
      dict_problem(L, "bad start date '%.*s' (YYYY, YYYY-MM or YYYY-MM-DD)", (int)f[2].n, f[2].s);
      return;
    }
    if (f[3].n && dict_parse_period(f[3].s, f[3].n, &e0, &e1)) {
      dict_problem(L, "bad end date '%.*s' (YYYY, YYYY-MM or YYYY-MM-DD)", (int)f[3].n, f[3].s);
      return;
    }
    if (e1 < s0) {
      dict_problem(L, "term ends (%.*s) before it starts (%.*s)", (int)f[3].n, f[3].s, (int)f[2].n, f[2].s);
      return;
    }
    if (f[4].n == 0) { dict_problem(L, "empty name"); return; }
    e = dict_entry_new(L, DK_PERSON);
    memcpy(e->code, code, sizeof code);
    memcpy(e->state, code, sizeof code);
    e->role = (uint8_t)r;
    e->start = s0;
    e->end = e1;
    e->start_last = s1;
    e->end_first = e0;
    e->name = dict_keep(d, f[4].s, f[4].n);
    dict_phrase(L, f[4].s, f[4].n, eno);
    dict_items(L, f[5], eno);
    return;
  }
  default:
    return;
  }
}

/* Read a whole file; NULL with a problem reported if it cannot be read. */
static char *dict_slurp(dict_load *L, const char *path, size_t *len) {
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    dict_problem(L, "cannot read: %s", strerror(errno));
    return NULL;
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = xmalloc(cap);
  size_t r;
  while ((r = fread(buf + n, 1, cap - n, fp)) > 0) {
    n += r;
    if (n == cap) buf = xrealloc(buf, cap *= 2);
  }
  int bad = ferror(fp);
  fclose(fp);
  if (bad) {
    dict_problem(L, "read error");
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

/* Headers of the data directory's other tables, which other modules load
 * (cameo.c: the CAMEO table; verbs: the predicate dictionary). */
static const char *const dict_foreign_headers[] = {
    "code\tname\tgoldstein\tquad", "cameo\tlang\tpattern\ttarget"};

static int dict_header_kind(const char *s, size_t n) {
  for (int k = 0; k < DF__COUNT; k++)
    if (strlen(dict_headers[k]) == n && !memcmp(dict_headers[k], s, n)) return k;
  return -1;
}

/* The kind of a file from its header line, -1 if unreadable or unknown. */
static int dict_file_kind_of(const char *path) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return -1;
  char line[256];
  int kind = -1;
  while (fgets(line, sizeof line, fp)) {
    size_t n = strcspn(line, "\r\n");
    if (n == 0 || line[0] == '#') continue;
    kind = dict_header_kind(line, n);
    for (size_t i = 0; kind < 0 && i < sizeof dict_foreign_headers / sizeof *dict_foreign_headers; i++)
      if (strlen(dict_foreign_headers[i]) == n && !memcmp(dict_foreign_headers[i], line, n))
        kind = DF__COUNT; /* not ours */
    break;
  }
  fclose(fp);
  return kind;
}

static int dict_load_kind(dict *d, const char *path, int prio, dict_report_fn fn, void *user,
                          int want_kind) {
  dict_load L = {d, dict_keep(d, path, strlen(path)), 0, prio, 0, fn, user};
  size_t len;
  char *buf = dict_slurp(&L, path, &len);
  if (!buf) return -1;
  if (utf8_first_invalid(buf, len) != len) {
    size_t at = utf8_first_invalid(buf, len);
    L.line = 1;
    for (size_t i = 0; i < at; i++) L.line += buf[i] == '\n';
    dict_problem(&L, "invalid UTF-8 or NUL byte");
    free(buf);
    return L.problems;
  }
  int kind = -1;
  size_t i = 0;
  while (i < len) {
    size_t j = i;
    while (j < len && buf[j] != '\n') j++;
    size_t n = j - i;
    if (n && buf[i + n - 1] == '\r') n--;
    L.line++;
    const char *s = buf + i;
    i = j + 1;
    if (n == 0 || s[0] == '#') continue;
    if (n > DICT_MAX_LINE) { dict_problem(&L, "line longer than %d bytes", DICT_MAX_LINE); continue; }
    if (kind < 0) {
      kind = dict_header_kind(s, n);
      if (kind < 0) {
        dict_problem(&L, "unknown header '%.*s' (see docs/dictionaries.md)", (int)(n > 80 ? 80 : n), s);
        break;
      }
      if (want_kind >= 0 && kind != want_kind) break;
      continue;
    }
    dict_field f[DICT_MAX_FIELDS];
    size_t nf = 0, k = 0;
    while (nf < DICT_MAX_FIELDS) {
      size_t e = k;
      while (e < n && s[e] != '\t') e++;
      f[nf].s = s + k;
      f[nf].n = e - k;
      nf++;
      if (e >= n) break;
      k = e + 1;
    }
    size_t want = 1;
    for (const char *h = dict_headers[kind]; *h; h++) want += *h == '\t';
    if (nf != want) {
      dict_problem(&L, "%zu fields, expected %zu (%s)", nf, want, dict_headers[kind]);
      continue;
    }
    dict_line(&L, (dict_file_kind)kind, f, nf);
  }
  free(buf);
  arena_free(&d->tmp);
  arena_init(&d->tmp);
  return L.problems;
}

int dict_load_file(dict *d, const char *path, int prio, dict_report_fn fn, void *user) {
  return dict_load_kind(d, path, prio, fn, user, -1);
}

static int dict_strcmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int dict_load_builtin(dict *d, const char *data_dir, dict_report_fn fn, void *user) {
  DIR *dir = opendir(data_dir);
  if (!dir) {
    dict_load L = {d, dict_keep(d, data_dir, strlen(data_dir)), 0, 0, 0, fn, user};
    dict_problem(&L, "cannot open the dictionary directory: %s", strerror(errno));
    return -1;
  }
  char **paths = NULL;
  size_t np = 0, cap = 0;
  struct dirent *de;
  while ((de = readdir(dir))) {
    size_t n = strlen(de->d_name);
    if (n < 5 || de->d_name[0] == '.' || strcmp(de->d_name + n - 4, ".tsv")) continue;
    if (np == cap) paths = xrealloc(paths, (cap = cap ? 2 * cap : 32) * sizeof *paths);
    size_t pn = strlen(data_dir) + n + 2;
    paths[np] = xmalloc(pn);
    snprintf(paths[np++], pn, "%s/%s", data_dir, de->d_name);
  }
  closedir(dir);
  if (np) qsort(paths, np, sizeof *paths, dict_strcmp);
  int problems = 0;
  /* dependency order: role codes, states, organisations, then the rest */
  static const int order[] = {DF_ROLE_CODES, DF_COUNTRIES, DF_ORGS, DF_NAMES, DF_DEMONYMS,
                              DF_PREFIXES, DF_CAPITALS, DF_ROLES, DF_PEOPLE};
  for (size_t o = 0; o < sizeof order / sizeof *order; o++) {
    for (size_t i = 0; i < np; i++) {
      int k = dict_file_kind_of(paths[i]);
      if (k == order[o] || (o == 0 && k < 0)) { /* an unknown header is reported once */
        int p = dict_load_kind(d, paths[i], 0, fn, user, -1);
        if (p < 0) { problems = -1; break; }
        problems += p;
      }
    }
    if (problems < 0) break;
  }
  for (size_t i = 0; i < np; i++) free(paths[i]);
  free(paths);
  return problems;
}

/* ---- cross-file checks and indexes ---- */

typedef struct dict_holder_key {
  char code[DICT_CODE_MAX];
  uint32_t role;
  int32_t start;
  uint32_t idx;
} dict_holder_key;

static int dict_holder_cmp(const void *a, const void *b) {
  const dict_holder_key *x = a, *y = b;
  int c = strcmp(x->code, y->code);
  if (c) return c;
  if (x->role != y->role) return x->role < y->role ? -1 : 1;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  return x->idx < y->idx ? -1 : 1;
}

typedef struct dict_conflicts {
  dict *d;
  int problems;
  dict_report_fn fn;
  void *user;
} dict_conflicts;

/* A phrase naming two different things of one kind (two states, two
 * people) at the same precedence is a conflict. */
static void dict_check_phrase(void *user, const uint32_t *vals, size_t n) {
  dict_conflicts *c = user;
  for (size_t i = 1; i < n; i++) {
    const dict_entry *b = &c->d->entries[vals[i]];
    for (size_t j = 0; j < i; j++) {
      const dict_entry *a = &c->d->entries[vals[j]];
      if (a->kind != b->kind || a->prio != b->prio || b->kind == DK_ROLE) continue;
      int same = b->kind == DK_PERSON ? !strcmp(a->name, b->name) : !strcmp(a->state, b->state);
      if (same) continue;
      dict_load L = {c->d, b->file, (long)b->line, 0, 0, c->fn, c->user};
      dict_problem(&L, "a name of this %s %s%s%s also names %s%s%s (%s:%u)", dict_kind_name(b->kind),
                   b->code, b->name ? " " : "", b->name ? b->name : "", a->code, a->name ? " " : "",
                   a->name ? a->name : "", a->file, a->line);
      c->problems += L.problems;
      return;
    }
  }
}

int dict_finish(dict *d, dict_report_fn fn, void *user) {
  int problems = 0;
  dict_holder_key *keys = xmalloc((d->n + 1) * sizeof *keys);
  size_t nk = 0;
  for (size_t i = 0; i < d->n; i++)
    if (d->entries[i].kind == DK_PERSON) {
      memcpy(keys[nk].code, d->entries[i].code, DICT_CODE_MAX);
      keys[nk].role = d->entries[i].role;
      keys[nk].start = d->entries[i].start;
      keys[nk++].idx = (uint32_t)i;
    }
  qsort(keys, nk, sizeof *keys, dict_holder_cmp);
  d->as_of = 0;
  for (size_t i = 0; i < d->n; i++)
    if (d->entries[i].kind == DK_PERSON) {
      if (d->entries[i].start > d->as_of) d->as_of = d->entries[i].start;
      if (d->entries[i].end != DICT_OPEN_END && d->entries[i].end > d->as_of) d->as_of = d->entries[i].end;
    }
  free(d->holders);
  d->holders = xmalloc((nk + 1) * sizeof *d->holders);
  for (size_t i = 0; i < nk; i++) d->holders[i] = keys[i].idx;
  d->nholders = nk;
  free(keys);
  /* overlapping terms of one post */
  for (size_t i = 1; i < d->nholders; i++) {
    const dict_entry *a = &d->entries[d->holders[i - 1]], *b = &d->entries[d->holders[i]];
    if (strcmp(a->code, b->code) || a->role != b->role || a->prio != b->prio) continue;
    /* a handover day, or month or year when that is all the file says,
       may end one term and start the next */
    if (b->start_last < a->end_first) {
      dict_load L = {d, b->file, (long)b->line, 0, 0, fn, user};
      dict_problem(&L, "term of %s as %s %s overlaps that of %s (%s:%u)", b->name, a->code,
                   dict_role_code(d, a->role), a->name, a->file, a->line);
      problems += L.problems;
    }
  }
  dict_conflicts c = {d, 0, fn, user};
  matcher_each(d->m, dict_check_phrase, &c);
  return problems + c.problems;
}

const dict_entry *dict_holder(const dict *d, const char *state, unsigned role, int32_t day) {
  size_t lo = 0, hi = d->nholders;
  while (lo < hi) { /* first holder of (state, role) */
    size_t mid = (lo + hi) / 2;
    const dict_entry *e = &d->entries[d->holders[mid]];
    int c = strcmp(e->code, state);
    if (c < 0 || (c == 0 && e->role < role)) lo = mid + 1;
    else hi = mid;
  }
  const dict_entry *best = NULL;
  for (size_t i = lo; i < d->nholders; i++) {
    const dict_entry *e = &d->entries[d->holders[i]];
    if (strcmp(e->code, state) || e->role != role) break;
    if (e->start <= day && day <= e->end && (!best || e->prio > best->prio)) best = e;
  }
  return best;
}

const char *dict_prefix_state(const dict *d, const char *folded, size_t n) {
  for (size_t i = 0; i < d->nprefixes; i++)
    if (strlen(d->prefixes[i].folded) == n && !memcmp(d->prefixes[i].folded, folded, n))
      return d->prefixes[i].state;
  return NULL;
}

int32_t dict_as_of(const dict *d) { return d->as_of; }
