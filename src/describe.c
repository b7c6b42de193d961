/* describe.c: events, figures and dates in English words (see describe.h).
 *
 * Display names.  A code's name is, in order of preference: the first
 * English name of data/country_names.tsv that is not an acronym (the
 * press's usual name: "Vietnam", "Russia", "South Korea"); else the
 * shortest English name of countries.tsv without a comma (ISO's common
 * name: "Laos", "Iran", "North Korea"); else the first English name of
 * organisations.tsv that is not an acronym; else its first name.  An
 * acronym is a name without a lower-case ASCII letter ("UAE", "U.K.").
 * The files are the data directory's TSV tables: '#' comment lines, then
 * a header line, then tab-separated fields (countries.tsv: code alpha2 lang
 * name; country_names.tsv: code lang name; organisations.tsv: code
 * country lang name).  Lines of the wrong shape are skipped: the tables
 * are validated where they are loaded for coding (dict.c).
 *
 * Phrases.  describe_phrase reads a CAMEO short name as a verb phrase:
 *   1. cleaning: ", not specified below", parenthesised asides
 *      (" (such as policy support)") and quotes are dropped;
 *   2. the verb group: the first word (the second after an adverb, a word
 *      of seven letters or more in -ly: "Physically assault") is put in the third person ("make" ->
 *      "makes", "express" -> "expresses", "deny" -> "denies"), and so
 *      are alternatives right after it ("Criticize or denounce", "Arrest,
 *      detain, or charge", "Protest violently, riot");
 *   3. the object: the words "target" and "others" are replaced by it
 *      ("Demand that target yields"); a name ending in a preposition gets
 *      it at the end ("Bring lawsuit against"); else the verb's frame (the
 *      longest prefix of describe_frames) places it: right after the verb
 *      group ("accuses X of crime"; OBJ falls back on APPEND when what
 *      follows is neither an adverb nor a preposition other than "to"), after the verb group
 *      with a preposition ("appeals to X for aid"), or at the end with a
 *      preposition ("makes a visit to X"); verbs not listed take "with".
 */
#include "describe.h"
#include "dates.h"
#include "err.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "build/data"
#endif

typedef struct describe_name {
  char code[16];
  char *name;        /* owned */
  int rank;          /* lower is preferred */
  size_t order;      /* tie-break: file order */
} describe_name;

struct describe {
  describe_name *names;   /* owned, sorted by code, one per code */
  size_t n, cap;
  cameo_table *cameo;     /* owned */
};

/* ---- Loading -------------------------------------------------------- */

static char *describe_path(const char *dir, const char *file) {
  size_t n = strlen(dir) + strlen(file) + 2;
  char *p = xmalloc(n);
  snprintf(p, n, "%s/%s", dir, file);
  return p;
}

static size_t describe_chars(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    if (((unsigned char)*s & 0xC0) != 0x80) n++;
  return n;
}

static int describe_acronym(const char *s) {
  for (; *s; s++)
    if (*s >= 'a' && *s <= 'z') return 0;
  return 1;
}

static void describe_add(describe *d, const char *code, const char *name, int rank) {
  if (!*code || !*name || strlen(code) >= sizeof d->names[0].code) return;
  if (d->n == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 512;
    d->names = xrealloc(d->names, d->cap * sizeof *d->names);
  }
  describe_name *e = &d->names[d->n];
  snprintf(e->code, sizeof e->code, "%s", code);
  e->name = xstrdup(name);
  e->rank = rank;
  e->order = d->n++;
}

/* Ranks (lower wins, then file order): 0 country_names.tsv, 1000 +
 * length countries.tsv, 3000 organisations.tsv, 4000 an acronym or a
 * French name of organisations.tsv, 5000 another name of countries.tsv. */
enum { SRC_PRESS, SRC_ISO, SRC_ORG };

/* Read one table; returns 0 or DYAD_EIO (missing file: err filled). */
static int describe_read(describe *d, const char *dir, const char *file, int src, dyad_err *err) {
  char *path = describe_path(dir, file);
  FILE *f = fopen(path, "r");
  if (!f) {
    err_set(err, DYAD_EIO, path, 0, 0, "cannot read the names table (built by 'make')");
    free(path);
    return DYAD_EIO;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  int header = 1;
  while ((len = getline(&line, &cap, f)) >= 0) {
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
    if (len == 0 || line[0] == '#') continue;
    if (header) {
      header = 0;
      continue;
    }
    char *field[5];
    int nf = 0;
    for (char *p = line; nf < 5;) {
      field[nf++] = p;
      char *t = strchr(p, '\t');
      if (!t) break;
      *t = 0;
      p = t + 1;
    }
    const char *code, *lang, *name;
    if (src == SRC_PRESS && nf == 3) code = field[0], lang = field[1], name = field[2];
    else if (src != SRC_PRESS && nf == 4) code = field[0], lang = field[2], name = field[3];
    else continue;
    int en = !strcmp(lang, "en");
    if (src == SRC_PRESS) {
      if (en && !describe_acronym(name)) describe_add(d, code, name, 0);
    } else if (src == SRC_ISO) {
      if (en && !strchr(name, ',')) describe_add(d, code, name, 1000 + (int)describe_chars(name));
      else describe_add(d, code, name, 5000); /* known code, name used only as a last resort */
    } else {
      describe_add(d, code, name, en && !describe_acronym(name) ? 3000 : 4000);
    }
  }
  free(line);
  fclose(f);
  free(path);
  return 0;
}

static int describe_cmp(const void *x, const void *y) {
  const describe_name *a = x, *b = y;
  int c = strcmp(a->code, b->code);
  if (c) return c;
  if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
  return a->order < b->order ? -1 : a->order > b->order;
}

static void describe_cameo_report(void *user, const char *file, long line, const char *msg) {
  dyad_err *err = user;
  if (err && !err->code) err_set(err, DYAD_EDATA, file, line, 0, "%s", msg);
}

describe *describe_load(const char *data_dir, dyad_err *err) {
  const char *dir = data_dir && *data_dir ? data_dir : getenv("DYAD_DATA");
  if (!dir || !*dir) dir = DYAD_DATADIR;
  describe *d = xcalloc(1, sizeof *d);
  if (describe_read(d, dir, "country_names.tsv", SRC_PRESS, err) ||
      describe_read(d, dir, "countries.tsv", SRC_ISO, err) ||
      describe_read(d, dir, "organisations.tsv", SRC_ORG, err)) {
    describe_free(d);
    return NULL;
  }
  qsort(d->names, d->n, sizeof *d->names, describe_cmp);
  size_t w = 0; /* keep the best name of each code */
  for (size_t i = 0; i < d->n; i++) {
    if (w && !strcmp(d->names[w - 1].code, d->names[i].code)) {
      free(d->names[i].name);
      continue;
    }
    d->names[w++] = d->names[i];
  }
  d->n = w;
  char *path = describe_path(dir, "cameo.tsv");
  dyad_err cerr = {0};
  int problems = 0;
  d->cameo = cameo_load(path, describe_cameo_report, &cerr, &problems);
  free(path);
  if (!d->cameo || problems) {
    if (err) *err = cerr;
    if (err && !d->cameo) err->code = DYAD_EIO;
    describe_free(d);
    return NULL;
  }
  return d;
}

void describe_free(describe *d) {
  if (!d) return;
  for (size_t i = 0; i < d->n; i++) free(d->names[i].name);
  free(d->names);
  cameo_free(d->cameo);
  free(d);
}

const char *describe_country(const describe *d, const char *code) {
  if (!d || !code) return NULL;
  size_t lo = 0, hi = d->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(d->names[mid].code, code);
    if (c == 0) return d->names[mid].name;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

const cameo_table *describe_cameo(const describe *d) { return d ? d->cameo : NULL; }

/* ---- Phrases -------------------------------------------------------- */

enum { FR_APPEND, FR_AFTER, FR_OBJ, FR_OBJ_ALWAYS };

/* How a verb takes its object (longest prefix of the CAMEO name wins).
 * prep: the preposition of APPEND and AFTER, and OBJ's fallback. */
static const struct {
  const char *prefix;
  int frame;
  const char *prep;
} describe_frames[] = {
    {"Make a visit", FR_APPEND, "to"}, {"Make an appeal", FR_APPEND, "to"},
    {"Make", FR_APPEND, "about"}, {"Decline", FR_APPEND, "on"},
    {"Consider", FR_APPEND, "towards"}, {"Acknowledge", FR_APPEND, "towards"},
    {"Deny", FR_APPEND, "towards"}, {"Engage in symbolic", FR_APPEND, "towards"},
    {"Engage in political dissent", FR_APPEND, "against"},
    {"Engage in violent", FR_APPEND, "against"}, {"Engage in mass", FR_APPEND, "against"},
    {"Engage in ethnic", FR_APPEND, "against"}, {"Engage", FR_APPEND, "with"},
    {"Express intent to provide", FR_APPEND, "to"}, {"Express intent to ease", FR_APPEND, "on"},
    {"Express intent to release", FR_APPEND, "to"}, {"Express intent to yield", FR_APPEND, "to"},
    {"Express", FR_APPEND, "with"}, {"Appeal", FR_AFTER, "to"},
    {"Consult", FR_OBJ, "with"}, {"Discuss", FR_APPEND, "with"}, {"Host", FR_APPEND, "from"},
    {"Meet", FR_OBJ, "with"}, {"Praise", FR_OBJ, "towards"}, {"Defend", FR_OBJ, ""},
    {"Grant", FR_APPEND, "to"}, {"Apologize", FR_APPEND, "to"}, {"Forgive", FR_OBJ, ""},
    {"Provide", FR_APPEND, "to"}, {"Yield", FR_APPEND, "to"}, {"Ease", FR_APPEND, "on"},
    {"Accede", FR_APPEND, "from"}, {"Return", FR_APPEND, "to"}, {"Allow", FR_APPEND, "from"},
    {"Receive", FR_APPEND, "from"}, {"Retreat", FR_APPEND, "to"}, {"Investigate", FR_OBJ, "in"},
    {"Demand", FR_APPEND, "from"}, {"Defy", FR_APPEND, "against"}, {"Veto", FR_OBJ, ""}, {"Disapprove", FR_AFTER, "of"}, {"Criticize", FR_OBJ, ""},
    {"Accuse", FR_OBJ, ""}, {"Complain", FR_APPEND, "to"}, {"Find", FR_OBJ_ALWAYS, ""},
    {"Reject", FR_OBJ, "from"}, {"Refuse to yield", FR_APPEND, "to"},
    {"Refuse to release", FR_APPEND, "to"}, {"Refuse to ease", FR_APPEND, "on"},
    {"Refuse", FR_APPEND, "towards"}, {"Threaten", FR_OBJ, "against"},
    {"Threaten to reduce or stop aid", FR_APPEND, "to"}, {"Threaten to reduce", FR_APPEND, "with"},
    {"Threaten to halt", FR_APPEND, "with"}, {"Threaten to impose", FR_APPEND, "on"},
    {"Threaten to ban", FR_APPEND, "in"}, {"Give", FR_APPEND, "to"},
    {"Protest", FR_APPEND, "against"}, {"Demonstrate", FR_APPEND, "against"},
    {"Conduct", FR_APPEND, "against"}, {"Obstruct", FR_APPEND, "against"},
    {"Exhibit", FR_APPEND, "against"}, {"Increase", FR_APPEND, "against"},
    {"Mobilize", FR_APPEND, "against"}, {"Reduce or stop", FR_APPEND, "to"},
    {"Reduce", FR_APPEND, "with"}, {"Halt", FR_APPEND, "with"},
    {"Expel or deport", FR_APPEND, "of"}, {"Expel", FR_APPEND, "from"}, {"Coerce", FR_OBJ, ""},
    {"Seize", FR_APPEND, "of"}, {"Confiscate", FR_APPEND, "of"}, {"Destroy", FR_APPEND, "of"},
    {"Impose", FR_APPEND, "on"}, {"Ban", FR_APPEND, "in"}, {"Arrest", FR_OBJ, "in"},
    {"Use", FR_APPEND, "against"}, {"Attack", FR_OBJ, ""}, {"Assault", FR_OBJ, ""}, {"Physically", FR_OBJ, ""},
    {"Sexually", FR_OBJ, ""}, {"Torture", FR_OBJ, ""}, {"Kill", FR_OBJ, ""},
    {"Abduct", FR_OBJ, "in"}, {"Carry out", FR_APPEND, "against"}, {"Attempt", FR_APPEND, ""},
    {"Assassinate", FR_OBJ, ""}, {"Fight", FR_OBJ, ""}, {"Occupy", FR_APPEND, "of"},
    {"Employ", FR_APPEND, "against"}, {"Violate", FR_APPEND, "with"},
    {"Detonate", FR_APPEND, "against"},
};

static const char *const describe_preps[] = {"against", "of", "for", "to", "with", "on",
                                             "from", "by", "at", "in", "as", NULL};

#define DESCRIBE_MAXTOK 48

typedef struct ptok {
  const char *s;
  size_t n;
  int conj;   /* put in the third person */
  int object; /* replaced by the object */
} ptok;

static int tok_is(const ptok *t, const char *w) { return t->n == strlen(w) && !memcmp(t->s, w, t->n); }

static int tok_prep(const ptok *t) {
  for (int i = 0; describe_preps[i]; i++)
    if (tok_is(t, describe_preps[i])) return 1;
  return 0;
}

/* An adverb in -ly ("verbally", "violently"); short words in -ly are
 * verbs ("rally", "apply", "supply"). */
static int tok_adverb(const ptok *t) { return t->n >= 7 && !memcmp(t->s + t->n - 2, "ly", 2); }

static int tok_word(const ptok *t) { return t->n && t->s[0] != ','; }

/* A growing output that counts what it would need past n. */
typedef struct pout {
  char *buf;
  size_t n, len;
} pout;

static void pout_put(pout *o, const char *s, size_t k) {
  for (size_t i = 0; i < k; i++, o->len++)
    if (o->len + 1 < o->n) o->buf[o->len] = s[i];
}

static void pout_str(pout *o, const char *s) { pout_put(o, s, strlen(s)); }

/* Third person singular of a verb (already lower case). */
static void pout_conj(pout *o, const char *w, size_t n) {
  static const char vowels[] = "aeiou";
  if (n == 2 && !memcmp(w, "be", 2)) { pout_str(o, "is"); return; }
  if (n == 4 && !memcmp(w, "have", 4)) { pout_str(o, "has"); return; }
  char last = n ? w[n - 1] : 0, prev = n > 1 ? w[n - 2] : 0;
  if (last == 'y' && n > 1 && !strchr(vowels, prev)) {
    pout_put(o, w, n - 1);
    pout_str(o, "ies");
  } else if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
             ((last == 'h') && (prev == 'c' || prev == 's'))) {
    pout_put(o, w, n);
    pout_str(o, "es");
  } else {
    pout_put(o, w, n);
    pout_str(o, "s");
  }
}

size_t describe_phrase(const char *name, const char *subject, const char *object, char *buf,
                       size_t n) {
  pout o = {buf, n, 0};
  if (!subject) subject = "";
  if (!object) object = "";
  if (!name || !*name) {
    pout_str(&o, subject);
    pout_str(&o, " acts towards ");
    pout_str(&o, object);
    if (n) buf[o.len < n ? o.len : n - 1] = 0;
    return o.len;
  }
  /* 1. cleaning */
  char clean[512];
  size_t cl = 0;
  const char *drop = ", not specified below";
  for (const char *p = name; *p && cl + 1 < sizeof clean;) {
    if (!strncmp(p, drop, strlen(drop))) { p += strlen(drop); continue; }
    if (p[0] == ' ' && p[1] == '(') {
      const char *e = strchr(p, ')');
      if (e) { p = e + 1; continue; }
    }
    if (*p == '"') { p++; continue; }
    clean[cl++] = *p++;
  }
  clean[cl] = 0;
  if (clean[0] >= 'A' && clean[0] <= 'Z') clean[0] = (char)(clean[0] - 'A' + 'a');
  /* tokens: words, and each comma on its own */
  ptok t[DESCRIBE_MAXTOK];
  size_t nt = 0;
  for (size_t i = 0; i < cl && nt < DESCRIBE_MAXTOK;) {
    if (clean[i] == ' ') { i++; continue; }
    if (clean[i] == ',') { t[nt++] = (ptok){clean + i, 1, 0, 0}; i++; continue; }
    size_t j = i;
    while (j < cl && clean[j] != ' ' && clean[j] != ',') j++;
    t[nt++] = (ptok){clean + i, j - i, 0, 0};
    i = j;
  }
  if (nt == 0) return describe_phrase(NULL, subject, object, buf, n);
  /* 2. the verb group */
  size_t v = (tok_adverb(&t[0]) && nt > 1) ? 1 : 0;
  t[v].conj = 1;
  size_t g = v + 1;
  for (;;) { /* alternatives: ", W", "or W", ", or W", also after an adverb */
    size_t j = g;
    if (j + 1 < nt && tok_adverb(&t[j]) && tok_is(&t[j + 1], ",")) j++;
    size_t k = j;
    if (k < nt && tok_is(&t[k], ",")) k++;
    if (k < nt && tok_is(&t[k], "or")) k++;
    if (k == j || k >= nt || !tok_word(&t[k]) || tok_prep(&t[k])) break;
    t[k].conj = 1;
    g = k + 1;
  }
  /* 3. the object */
  int frame = FR_APPEND;
  const char *prep = "with";
  size_t best = 0;
  for (size_t i = 0; i < sizeof describe_frames / sizeof describe_frames[0]; i++) {
    size_t k = strlen(describe_frames[i].prefix);
    if (k > best && !strncmp(name, describe_frames[i].prefix, k) &&
        (name[k] == 0 || name[k] == ' ' || name[k] == ',')) {
      best = k;
      frame = describe_frames[i].frame;
      prep = describe_frames[i].prep;
    }
  }
  int placed = 0;
  for (size_t i = 0; i < nt; i++)
    if (tok_is(&t[i], "target") || tok_is(&t[i], "others")) t[i].object = placed = 1;
  size_t insert_at = nt + 1; /* token index before which "[prep] object" goes */
  const char *insert_prep = "";
  if (!placed && tok_prep(&t[nt - 1])) {
    insert_at = nt;
  } else if (!placed) {
    if (frame == FR_OBJ_ALWAYS ||
        (frame == FR_OBJ &&
         (g >= nt || (tok_prep(&t[g]) && !tok_is(&t[g], "to")) || tok_adverb(&t[g])))) {
      insert_at = g;
    } else if (frame == FR_AFTER) {
      insert_at = g;
      insert_prep = prep;
    } else {
      insert_at = nt;
      insert_prep = prep;
    }
  }
  pout_str(&o, subject);
  for (size_t i = 0; i <= nt; i++) {
    if (i == insert_at) {
      pout_str(&o, " ");
      if (*insert_prep) {
        pout_str(&o, insert_prep);
        pout_str(&o, " ");
      }
      pout_str(&o, object);
    }
    if (i == nt) break;
    if (!tok_is(&t[i], ",")) pout_str(&o, " ");
    if (t[i].object) pout_str(&o, object);
    else if (t[i].conj) pout_conj(&o, t[i].s, t[i].n);
    else pout_put(&o, t[i].s, t[i].n);
  }
  if (n) buf[o.len < n ? o.len : n - 1] = 0;
  return o.len;
}

/* ---- Dates and values ----------------------------------------------- */

char *describe_date(int32_t first, int32_t last, char *buf) {
  if (first > last) {
    strcpy(buf, "undated");
    return buf;
  }
  char f[32];
  dates_format(first, last, f);
  /* "YYYY-MM-DD/YYYY-MM-DD": drop what the end shares with the start */
  if (strlen(f) == 21 && f[10] == '/') {
    if (!memcmp(f, f + 11, 8)) snprintf(buf, 40, "%.10s/%s", f, f + 19);
    else if (!memcmp(f, f + 11, 5)) snprintf(buf, 40, "%.10s/%s", f, f + 16);
    else snprintf(buf, 40, "%s", f);
  } else {
    snprintf(buf, 40, "%s", f);
  }
  return buf;
}

char *describe_period(int32_t first, int32_t last, char *buf) {
  if (first <= last) {
    int y1, m1, d1, y2, m2, d2;
    dates_civil(first, &y1, &m1, &d1);
    dates_civil(last, &y2, &m2, &d2);
    int yn, mn, dn;
    dates_civil(last + 1, &yn, &mn, &dn);
    int month_end = dn == 1;
    if (y1 == y2 && d1 == 1 && month_end && !(m1 == 1 && m2 == 12)) {
      if (m2 == m1 + 5 && (m1 == 1 || m1 == 7)) {
        snprintf(buf, 40, "%04d H%d", y1, m1 == 1 ? 1 : 2);
        return buf;
      }
      if (m2 == m1 + 2 && (m1 - 1) % 3 == 0) {
        snprintf(buf, 40, "%04d Q%d", y1, (m1 - 1) / 3 + 1);
        return buf;
      }
    }
  }
  return describe_date(first, last, buf);
}

/* %.*f without trailing zeros, into buf[24]; %g past a trillion. */
static void describe_trim(double v, int decimals, char *buf) {
  if (fabs(v) >= 1e12) snprintf(buf, 24, "%.4g", v);
  else snprintf(buf, 24, "%.*f", decimals, v);
  char *dot = strchr(buf, '.');
  if (!dot) return;
  char *e = buf + strlen(buf);
  while (e > dot + 1 && e[-1] == '0') *--e = 0;
  if (e == dot + 1) *dot = 0;
}

char *describe_value(double v, char *buf) {
  double a = fabs(v);
  char num[24];
  if (a >= 1e9) {
    describe_trim(v / 1e9, 2, num);
    snprintf(buf, 40, "%s billion", num);
  } else if (a >= 1e6) {
    describe_trim(v / 1e6, 2, num);
    snprintf(buf, 40, "%s million", num);
  } else if (a == floor(a) && a < 1e6) {
    long long k = (long long)a;
    char digits[24];
    snprintf(digits, sizeof digits, "%lld", k);
    size_t nd = strlen(digits), w = 0;
    if (v < 0) buf[w++] = '-';
    for (size_t i = 0; i < nd; i++) {
      if (i && (nd - i) % 3 == 0) buf[w++] = ',';
      buf[w++] = digits[i];
    }
    buf[w] = 0;
  } else {
    describe_trim(v, 2, num);
    snprintf(buf, 40, "%s", num);
  }
  return buf;
}

char *describe_value_short(double v, char *buf) {
  double a = fabs(v);
  char num[24];
  if (a >= 1e9) {
    describe_trim(v / 1e9, 2, num);
    snprintf(buf, 40, "%sB", num);
  } else if (a >= 1e6) {
    describe_trim(v / 1e6, 2, num);
    snprintf(buf, 40, "%sM", num);
  } else if (a >= 1e3) {
    describe_trim(v / 1e3, 1, num);
    snprintf(buf, 40, "%sk", num);
  } else {
    describe_trim(v, 2, num);
    snprintf(buf, 40, "%s", num);
  }
  return buf;
}

const char *describe_quad(int quad) {
  switch (quad) {
  case 1: return "verbal cooperation";
  case 2: return "material cooperation";
  case 3: return "verbal conflict";
  case 4: return "material conflict";
  default: return "unknown";
  }
}
