/* merge.c: the rules of merge.h (when two reports are of one real event)
 * and the in-memory cluster index of `dyad code`.
 *
 * The index hashes each cluster by its unordered pair of states and its
 * CAMEO root (figures: by their unordered parties and indicator); a new
 * report is compared with the clusters of its bucket only, the oldest
 * first, so the result depends on the input order alone.
 */
#include "merge.h"
#include "ctx.h"
#include "dict.h"
#include "utf8.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MERGE_DAY_SLACK 1   /* a report a day apart is of the same day */

static int merge_dated(int32_t first, int32_t last) {
  return first <= last && last - first < MERGE_MAX_SPAN;
}

static int merge_overlap(int32_t a0, int32_t a1, int32_t b0, int32_t b1) {
  return a0 - MERGE_DAY_SLACK <= b1 && b0 - MERGE_DAY_SLACK <= a1;
}

/* A name's letters and digits, folded to lower-case ASCII
 * ("Sassou-N'Guesso" -> "sassounguesso"). */
static void merge_name_key(const char *name, char *out, size_t cap) {
  char folded[256];
  size_t n = utf8_fold(name, strlen(name), folded, sizeof folded - 1), k = 0;
  if (n > sizeof folded - 1) n = sizeof folded - 1;
  for (size_t i = 0; i < n && k + 1 < cap; i++)
    if (isalnum((unsigned char)folded[i])) out[k++] = folded[i];
  out[k] = 0;
}

/* Two names conflict when both are given and neither contains the other
 * once folded (spellings and short forms of one name agree). */
static int merge_names_conflict(const char *a, const char *b) {
  if (!a || !b || !*a || !*b || !strcmp(a, b)) return 0;
  char ka[128], kb[128];
  merge_name_key(a, ka, sizeof ka);
  merge_name_key(b, kb, sizeof kb);
  if (!ka[0] || !kb[0]) return 0;
  return !strstr(ka, kb) && !strstr(kb, ka);
}

/* Same code, or one is the bare root of the other. */
static int merge_same_code(const char *a, const char *b) {
  if (strncmp(a, b, 2) != 0) return 0;
  return !strcmp(a, b) || !a[2] || !b[2];
}

int merge_event_fits(const merge_event *c, const merge_event *e) {
  if (!merge_dated(c->first, c->last) || !merge_dated(e->first, e->last)) return 0;
  if (!merge_overlap(c->first, c->last, e->first, e->last)) return 0;
  return merge_event_fits_undated(c, e);
}

int merge_event_loose(const merge_event *e) { return !merge_dated(e->first, e->last); }

int merge_event_fits_lone(const merge_event *c, const merge_event *e) {
  if (!merge_event_loose(c) && !merge_event_loose(e)) return 0;
  /* a wide date still has to meet the other's ("2020/2022" is not 2023) */
  if (c->first <= c->last && e->first <= e->last && !merge_overlap(c->first, c->last, e->first, e->last))
    return 0;
  return merge_event_fits_undated(c, e);
}

int merge_event_fits_undated(const merge_event *c, const merge_event *e) {
  if (!merge_same_code(c->cameo, e->cameo)) return 0;
  if (c->place[0] && e->place[0] && strcmp(c->place, e->place) != 0) return 0;
  if (!strcmp(c->source, e->source) && !strcmp(c->target, e->target)) {
    return !merge_names_conflict(c->source_name, e->source_name) &&
           !merge_names_conflict(c->target_name, e->target_name);
  }
  /* the other direction: only a joint act reported from the other side */
  if (!strcmp(c->source, e->target) && !strcmp(c->target, e->source) && e->joint) {
    return !merge_names_conflict(c->source_name, e->target_name) &&
           !merge_names_conflict(c->target_name, e->source_name);
  }
  return 0;
}

void merge_event_absorb(merge_event *c, const merge_event *e) {
  int same_dir = !strcmp(c->source, e->source);
  /* the narrower date; any date rather than none (first > last) */
  if (e->first <= e->last && (c->first > c->last || e->last - e->first < c->last - c->first)) {
    c->first = e->first;
    c->last = e->last;
  }
  if (strlen(e->cameo) > strlen(c->cameo)) memcpy(c->cameo, e->cameo, sizeof c->cameo);
  if (!c->place[0] && e->place[0]) memcpy(c->place, e->place, sizeof c->place);
  c->joint |= e->joint;
  const char *sn = same_dir ? e->source_name : e->target_name;
  const char *tn = same_dir ? e->target_name : e->source_name;
  if (!c->source_name) c->source_name = sn;
  if (!c->target_name) c->target_name = tn;
}

static int merge_same_parties(const merge_figure *a, const merge_figure *b) {
  return (!strcmp(a->party1, b->party1) && !strcmp(a->party2, b->party2)) ||
         (!strcmp(a->party1, b->party2) && !strcmp(a->party2, b->party1));
}

int merge_figure_fits(const merge_figure *c, const merge_figure *f) {
  if (strcmp(c->indicator, f->indicator) || strcmp(c->unit, f->unit) || strcmp(c->kind, f->kind))
    return 0;
  if (!merge_same_parties(c, f)) return 0;
  if (c->first > c->last || c->first != f->first || c->last != f->last) return 0;
  double big = c->value > f->value ? c->value : f->value;
  double diff = c->value > f->value ? c->value - f->value : f->value - c->value;
  return big > 0 && diff <= 0.02 * big;
}

void merge_figure_absorb(merge_figure *c, const merge_figure *f) {
  if (f->last - f->first < c->last - c->first) {
    c->first = f->first;
    c->last = f->last;
  }
}

void merge_event_of(const dyad_doc *doc, const dyad_ctx *ctx, const event_rec *r, merge_event *out) {
  memset(out, 0, sizeof *out);
  memcpy(out->source, r->source.state, sizeof out->source);
  memcpy(out->target, r->target.state, sizeof out->target);
  out->source_name = r->source.person >= 0 && ctx->dict
                         ? dict_entry_at(ctx->dict, (uint32_t)r->source.person)->name
                         : r->source.name;
  out->target_name = r->target.person >= 0 && ctx->dict
                         ? dict_entry_at(ctx->dict, (uint32_t)r->target.person)->name
                         : r->target.name;
  memcpy(out->cameo, r->cameo, sizeof out->cameo);
  out->first = r->first;
  out->last = r->last;
  if (r->place >= 0) memcpy(out->place, doc->mentions[r->place].state, sizeof out->place);
  const verbs_pattern *p = ctx->verbs ? verbs_at(ctx->verbs, r->pattern) : NULL;
  /* consultations and negotiations (040, 046) are joint whatever the verb */
  out->joint = (p && (p->target == VT_SYM || p->target == VT_AVEC)) || !strcmp(r->cameo, "040") ||
               !strcmp(r->cameo, "046");
}

void merge_figure_of(const figure_rec *r, merge_figure *out) {
  memset(out, 0, sizeof *out);
  memcpy(out->indicator, r->indicator, sizeof out->indicator);
  memcpy(out->unit, r->unit, sizeof out->unit);
  memcpy(out->kind, r->kind, sizeof out->kind);
  memcpy(out->party1, r->party1, sizeof out->party1);
  memcpy(out->party2, r->party2, sizeof out->party2);
  out->first = r->first;
  out->last = r->last;
  out->value = r->value;
}

/* ---- the in-memory index ---- */

/* Clusters that can take new reports (dated, at most MERGE_MAX_SPAN days)
 * are entered under their bucket key (unordered pair + root, or parties +
 * indicator) and each 32-day block their date touches; a report looks in
 * the blocks of its date widened by the slack, so the work per report does
 * not grow with the years the index covers. */
#define MERGE_BLOCK 32

/* Only clusters that can take new reports keep a slot: an undated report
 * gets a cluster id of its own and nothing is kept, so the index grows
 * with the real events seen, not with the reports (a long stream of
 * undated reports needs no memory). */
typedef struct merge_slot {
  uint32_t id;        /* the cluster id */
  int is_figure;
  union {
    merge_event ev;
    merge_figure fig;
  } u;
} merge_slot;

typedef struct merge_entry {
  uint64_t hash;      /* key + block */
  uint32_t slot;      /* index in slots (in the order of cluster ids) */
  uint32_t next;      /* next entry of the bucket + 1, 0: end */
} merge_entry;

/* The clusters made under each (unordered pair, full code): a report
 * the date index cannot place (undated, or dated to more than
 * MERGE_MAX_SPAN days), or a dated one that fits no dated cluster, joins
 * the only cluster of its pair and code when there is exactly one (a
 * dated report only an undated one), as merge.h says. */
typedef struct merge_code {
  uint64_t key;       /* 0: empty */
  uint32_t count;     /* clusters made under key */
  uint32_t id;        /* the first one's id */
  uint32_t slot;      /* its slot in the date index, UINT32_MAX if none */
  merge_event rep;    /* its representative (names interned) */
} merge_code;

struct merge_index {
  merge_code *codes;  /* open addressing, capcodes a power of two */
  size_t ncodes, capcodes;
  merge_slot *slots;  /* the clusters that can grow, by id */
  size_t nslots, capslots;
  uint32_t nclusters; /* clusters made, the last id given */
  merge_entry *entries;
  size_t nentries, capentries;
  uint32_t *heads;    /* bucket -> first entry + 1 */
  size_t nbuckets;    /* a power of two */
  char **names;       /* interned person names (the index outlives
                         documents): a hash table of capnames slots */
  size_t nnames, capnames;
  size_t name_bytes;
};

merge_index *merge_index_new(void) {
  merge_index *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->nbuckets = 1024;
  m->heads = calloc(m->nbuckets, sizeof *m->heads);
  if (!m->heads) {
    free(m);
    return NULL;
  }
  return m;
}

void merge_index_free(merge_index *m) {
  if (!m) return;
  for (size_t i = 0; i < m->capnames; i++) free(m->names[i]);
  free(m->names);
  free(m->codes);
  free(m->slots);
  free(m->entries);
  free(m->heads);
  free(m);
}

size_t merge_index_clusters(const merge_index *m) { return m->nclusters; }

size_t merge_index_bytes(const merge_index *m) {
  return sizeof *m + m->capcodes * sizeof *m->codes + m->capslots * sizeof *m->slots +
         m->capentries * sizeof *m->entries +
         m->nbuckets * sizeof *m->heads + m->capnames * sizeof(char *) + m->name_bytes;
}

static uint64_t merge_mix(uint64_t h, const char *s) {
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return (h ^ 0xff) * 1099511628211ull;
}

/* The bucket key of an unordered pair and a third string. */
static uint64_t merge_key(const char *a, const char *b, const char *c) {
  if (strcmp(a, b) > 0) {
    const char *t = a;
    a = b;
    b = t;
  }
  return merge_mix(merge_mix(merge_mix(1469598103934665603ull, a), b), c);
}

uint64_t merge_code_key(const char *a, const char *b, const char *cameo) {
  return merge_key(a, b, cameo) | 1;
}

static uint64_t merge_block_hash(uint64_t key, int32_t block) {
  uint64_t h = key ^ ((uint64_t)(uint32_t)block * 0x9e3779b97f4a7c15ull);
  h ^= h >> 29;
  return h * 0xbf58476d1ce4e5b9ull;
}

static int32_t merge_block(int32_t day) {
  return day >= 0 ? day / MERGE_BLOCK : -((-day + MERGE_BLOCK - 1) / MERGE_BLOCK);
}

/* The slot of name in the names table: where it is, or the free slot
 * where it goes (linear probing; the table is never full). */
static size_t merge_name_slot(char *const *names, size_t cap, const char *name) {
  size_t i = (size_t)merge_mix(1469598103934665603ull, name) & (cap - 1);
  while (names[i] && strcmp(names[i], name)) i = (i + 1) & (cap - 1);
  return i;
}

/* A copy of name owned by the index (NULL stays NULL).  Hashed: a stream
 * with many distinct names costs the same per report as one with few. */
static const char *merge_intern(merge_index *m, const char *name) {
  if (!name) return NULL;
  if (m->capnames) {
    size_t i = merge_name_slot(m->names, m->capnames, name);
    if (m->names[i]) return m->names[i];
  }
  if (2 * (m->nnames + 1) > m->capnames) {  /* at most half full */
    size_t cap = m->capnames ? m->capnames * 2 : 64;
    char **n = calloc(cap, sizeof *n);
    if (!n) return NULL;
    for (size_t i = 0; i < m->capnames; i++)
      if (m->names[i]) n[merge_name_slot(n, cap, m->names[i])] = m->names[i];
    free(m->names);
    m->names = n;
    m->capnames = cap;
  }
  size_t len = strlen(name) + 1;
  char *copy = malloc(len);
  if (!copy) return NULL;
  memcpy(copy, name, len);
  m->name_bytes += len;
  m->names[merge_name_slot(m->names, m->capnames, name)] = copy;
  m->nnames++;
  return copy;
}

static int merge_rehash(merge_index *m) {
  size_t nb = m->nbuckets * 2;
  uint32_t *heads = calloc(nb, sizeof *heads);
  if (!heads) return -1;
  for (size_t i = 0; i < m->nentries; i++) {
    size_t b = m->entries[i].hash & (nb - 1);
    m->entries[i].next = heads[b];
    heads[b] = (uint32_t)(i + 1);
  }
  free(m->heads);
  m->heads = heads;
  m->nbuckets = nb;
  return 0;
}

static int merge_enter(merge_index *m, uint64_t hash, uint32_t slot) {
  if (m->nentries == m->capentries) {
    size_t cap = m->capentries ? m->capentries * 2 : 256;
    merge_entry *e = realloc(m->entries, cap * sizeof *e);
    if (!e) return -1;
    m->entries = e;
    m->capentries = cap;
  }
  if (m->nentries >= 2 * m->nbuckets && merge_rehash(m)) return -1;
  size_t b = hash & (m->nbuckets - 1);
  merge_entry *e = &m->entries[m->nentries++];
  e->hash = hash;
  e->slot = slot;
  e->next = m->heads[b];
  m->heads[b] = (uint32_t)m->nentries;
  return 0;
}

/* The code entry of key: where it is, or the empty one where it goes. */
static merge_code *merge_code_at(const merge_index *m, uint64_t key) {
  if (!m->capcodes) return NULL;
  size_t i = (size_t)key & (m->capcodes - 1);
  while (m->codes[i].key && m->codes[i].key != key) i = (i + 1) & (m->capcodes - 1);
  return &m->codes[i];
}

/* The code entry of key, made (count 0) if absent; NULL: out of memory. */
static merge_code *merge_code_get(merge_index *m, uint64_t key) {
  merge_code *c = merge_code_at(m, key);
  if (c && c->key) return c;
  if (!c || 2 * (m->ncodes + 1) > m->capcodes) {
    size_t old = m->capcodes, cap = old ? 2 * old : 256;
    merge_code *was = m->codes, *n = calloc(cap, sizeof *n);
    if (!n) return NULL;
    m->codes = n;
    m->capcodes = cap;
    for (size_t i = 0; i < old; i++)
      if (was[i].key) *merge_code_at(m, was[i].key) = was[i];
    free(was);
  }
  c = merge_code_at(m, key);
  if (!c) return NULL;
  memset(c, 0, sizeof *c);
  c->key = key;
  c->slot = UINT32_MAX;
  m->ncodes++;
  return c;
}

/* A new cluster for a report, entered in the index under key and the
 * blocks of [first, last] when it can take others (keep: a figure, entered
 * by merge_index_figure; id: an existing cluster's id to enter, else 0).
 * Returns its slot, or NULL with *id set when nothing is kept (*id 0: out
 * of memory). */
static merge_slot *merge_new_slot(merge_index *m, uint64_t key, int32_t first, int32_t last, int keep,
                                  uint32_t *id) {
  uint32_t given = *id;
  *id = 0;
  if (!given && m->nclusters == UINT32_MAX) return NULL;
  if (!keep && !merge_dated(first, last)) {
    *id = given ? given : ++m->nclusters;
    return NULL;
  }
  if (m->nslots == m->capslots) {
    size_t cap = m->capslots ? m->capslots * 2 : 256;
    merge_slot *s = realloc(m->slots, cap * sizeof *s);
    if (!s) return NULL;
    m->slots = s;
    m->capslots = cap;
  }
  uint32_t i = (uint32_t)m->nslots++;
  merge_slot *s = &m->slots[i];
  memset(s, 0, sizeof *s);
  s->id = given ? given : ++m->nclusters;
  if (merge_dated(first, last))
    for (int32_t b = merge_block(first); b <= merge_block(last); b++)
      if (merge_enter(m, merge_block_hash(key, b), i)) return NULL;
  *id = s->id;
  return s;
}

/* The oldest cluster under key near [first, last] that fits (fits() decides
 * on the representative), or UINT32_MAX. */
typedef int (*merge_fits_fn)(const merge_slot *s, const void *rep);

static uint32_t merge_find(const merge_index *m, uint64_t key, int32_t first, int32_t last,
                           merge_fits_fn fits, const void *rep) {
  uint32_t best = UINT32_MAX;
  if (!merge_dated(first, last)) return best;
  for (int32_t b = merge_block(first - MERGE_DAY_SLACK); b <= merge_block(last + MERGE_DAY_SLACK); b++) {
    uint64_t h = merge_block_hash(key, b);
    for (uint32_t i = m->heads[h & (m->nbuckets - 1)]; i; i = m->entries[i - 1].next) {
      const merge_entry *e = &m->entries[i - 1];
      if (e->hash == h && e->slot < best && fits(&m->slots[e->slot], rep)) best = e->slot;
    }
  }
  return best;
}

static int merge_fits_event(const merge_slot *s, const void *rep) {
  return !s->is_figure && merge_event_fits(&s->u.ev, rep);
}

static int merge_fits_figure(const merge_slot *s, const void *rep) {
  return s->is_figure && merge_figure_fits(&s->u.fig, rep);
}

uint32_t merge_index_event(merge_index *m, const merge_event *e) {
  char root[3] = {e->cameo[0], e->cameo[1], 0};
  uint64_t key = merge_key(e->source, e->target, root);
  merge_event copy = *e;
  copy.source_name = merge_intern(m, e->source_name);
  copy.target_name = merge_intern(m, e->target_name);
  merge_code *code = merge_code_get(m, merge_code_key(e->source, e->target, e->cameo));
  if (!code) return 0;
  uint32_t i = merge_find(m, key, e->first, e->last, merge_fits_event, e);
  if (i != UINT32_MAX) {
    merge_event_absorb(&m->slots[i].u.ev, &copy);
    if (code->count == 1 && code->id == m->slots[i].id) merge_event_absorb(&code->rep, &copy);
    return m->slots[i].id;
  }
  /* the only cluster of its pair and code */
  if (code->count == 1 && merge_event_fits_lone(&code->rep, e)) {
    int was_loose = merge_event_loose(&code->rep);
    merge_event_absorb(&code->rep, &copy);
    if (code->slot != UINT32_MAX) {
      merge_event_absorb(&m->slots[code->slot].u.ev, &copy);
    } else if (was_loose && !merge_event_loose(&code->rep)) {
      /* dated now: the date index takes it */
      uint32_t id = code->id;
      merge_slot *s = merge_new_slot(m, key, code->rep.first, code->rep.last, 0, &id);
      if (!id) return 0;
      if (s) {
        s->u.ev = code->rep;
        code->slot = (uint32_t)(s - m->slots);
      }
    }
    return code->id;
  }
  uint32_t id = 0;
  merge_slot *s = merge_new_slot(m, key, e->first, e->last, 0, &id);
  if (s) s->u.ev = copy;
  if (id && code->count++ == 0) {
    code->id = id;
    code->rep = copy;
    code->slot = s ? (uint32_t)(s - m->slots) : UINT32_MAX;
  }
  return id;
}

uint32_t merge_index_figure(merge_index *m, const merge_figure *f) {
  uint64_t key = merge_key(f->party1, f->party2, f->indicator) ^ 1;
  /* figures of one period: indexed by the block of its first day */
  merge_figure probe = *f;
  uint32_t best = UINT32_MAX;
  if (f->first <= f->last) {
    uint64_t h = merge_block_hash(key, merge_block(f->first));
    for (uint32_t i = m->heads[h & (m->nbuckets - 1)]; i; i = m->entries[i - 1].next) {
      const merge_entry *e = &m->entries[i - 1];
      if (e->hash == h && e->slot < best && merge_fits_figure(&m->slots[e->slot], &probe)) best = e->slot;
    }
  }
  if (best != UINT32_MAX) {
    merge_figure_absorb(&m->slots[best].u.fig, f);
    return m->slots[best].id;
  }
  uint32_t id = 0;
  /* not entered by date span: by the block of its first day, if dated */
  merge_slot *s = merge_new_slot(m, key, 1, 0, f->first <= f->last, &id);
  if (!s) return id;
  s->is_figure = 1;
  s->u.fig = *f;
  if (merge_enter(m, merge_block_hash(key, merge_block(f->first)), (uint32_t)(m->nslots - 1))) return 0;
  return id;
}

/* ---- public API (dyad.h) ---- */

struct dyad_merge {
  merge_index *index;
};

dyad_merge *dyad_merge_new(void) {
  dyad_merge *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  if (!(m->index = merge_index_new())) {
    free(m);
    return NULL;
  }
  return m;
}

void dyad_merge_free(dyad_merge *m) {
  if (!m) return;
  merge_index_free(m->index);
  free(m);
}

int dyad_merge_doc(dyad_merge *m, dyad_doc *doc, const dyad_ctx *ctx) {
  for (size_t i = 0; i < doc->nevents; i++) {
    merge_event e;
    merge_event_of(doc, ctx, &doc->events[i], &e);
    if (!(doc->events[i].cluster = merge_index_event(m->index, &e))) return DYAD_ENOMEM;
  }
  for (size_t i = 0; i < doc->nfigures; i++) {
    merge_figure f;
    merge_figure_of(&doc->figures[i], &f);
    if (!(doc->figures[i].cluster = merge_index_figure(m->index, &f))) return DYAD_ENOMEM;
  }
  return 0;
}
