/* match.c: the phrase matcher, see match.h.
 *
 * Two open-addressing hash tables (linear probing, at most half full):
 * the vocabulary (folded token -> id) and the trie edges ((node, token
 * id) -> child node).  Node 0 is the root.  Each node keeps the values
 * of the phrase that ends there; the root's edges are also kept in an
 * array by token id.  A bit set of the vocabulary's (length, first byte,
 * last byte) turns most tokens of a text away before the hash.
 */
#include "match.h"
#include "err.h"
#include <string.h>

typedef struct match_vocab_slot {
  uint32_t hash;
  uint32_t id;    /* 0: empty */
  uint32_t off;   /* in pool */
  uint32_t len;
} match_vocab_slot;

typedef struct match_edge_slot {
  uint64_t key;   /* node << 32 | token id; 0: empty (the root has no id 0 edge) */
  uint32_t child;
} match_edge_slot;

typedef struct match_node {
  uint32_t *vals; /* owned */
  uint32_t nvals, cap;
  uint32_t nchildren; /* edges from the node: a walk ends at a leaf without probing the edges */
} match_node;

/* The filter's bit of a token of n > 0 bytes: its length (up to 15),
 * first and last bytes (their low five bits). */
#define MATCH_FILTER_BITS (16 * 32 * 32)
static size_t match_filter_bit(const char *s, size_t n) {
  return (n < 15 ? n : 15) << 10 | ((unsigned char)s[0] & 31u) << 5 | ((unsigned char)s[n - 1] & 31u);
}

struct matcher {
  uint64_t filter[MATCH_FILTER_BITS / 64];  /* match_filter_bit of each vocabulary token: most
                                               tokens of a text are none, and fail here */
  char *pool;                 /* owned: vocabulary strings */
  size_t pool_len, pool_cap;
  match_vocab_slot *vocab;    /* owned */
  size_t vocab_cap, nvocab;
  match_edge_slot *edges;     /* owned */
  size_t edge_cap, nedges;
  match_node *nodes;          /* owned */
  size_t nnodes, node_cap;
  uint32_t *root;             /* owned: the root's child by token id, 0 none (its edges, found
                                 without hashing: most tokens start no phrase) */
  size_t root_cap;
  size_t nphrases;
};

static uint32_t match_hash(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

/* 1 if the n bytes at a and b are equal: tokens are short, and this
 * loop costs less than a call to memcmp for each token a text has in the
 * vocabulary (most of them: "de", "la"...). */
static inline int match_same(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i]) return 0;
  return 1;
}

static uint64_t match_mix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  return k;
}

matcher *matcher_new(void) {
  matcher *m = xcalloc(1, sizeof *m);
  m->vocab_cap = 1024;
  m->vocab = xcalloc(m->vocab_cap, sizeof *m->vocab);
  m->edge_cap = 1024;
  m->edges = xcalloc(m->edge_cap, sizeof *m->edges);
  m->node_cap = 256;
  m->nodes = xcalloc(m->node_cap, sizeof *m->nodes);
  m->nnodes = 1; /* root */
  m->pool_cap = 4096; /* never NULL, even for empty words */
  m->pool = xmalloc(m->pool_cap);
  return m;
}

void matcher_free(matcher *m) {
  if (!m) return;
  for (size_t i = 0; i < m->nnodes; i++) free(m->nodes[i].vals);
  free(m->nodes);
  free(m->root);
  free(m->edges);
  free(m->vocab);
  free(m->pool);
  free(m);
}

size_t matcher_size(const matcher *m) { return m->nphrases; }

static match_vocab_slot *match_vocab_find(const matcher *m, const char *s, size_t n, uint32_t h) {
  size_t mask = m->vocab_cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    match_vocab_slot *sl = &m->vocab[i];
    if (!sl->id) return sl;
    if (sl->hash == h && sl->len == n && match_same(m->pool + sl->off, s, n)) return sl;
  }
}

uint32_t matcher_token_id(const matcher *m, const char *s, size_t n) {
  if (n) {
    size_t b = match_filter_bit(s, n);
    if (!(m->filter[b / 64] >> (b % 64) & 1)) return 0;
  }
  return match_vocab_find(m, s, n, match_hash(s, n))->id;
}

static uint32_t match_vocab_add(matcher *m, const char *s, size_t n) {
  uint32_t h = match_hash(s, n);
  match_vocab_slot *sl = match_vocab_find(m, s, n, h);
  if (sl->id) return sl->id;
  if (2 * (m->nvocab + 1) > m->vocab_cap) {
    match_vocab_slot *old = m->vocab;
    size_t oldcap = m->vocab_cap;
    m->vocab_cap *= 2;
    m->vocab = xcalloc(m->vocab_cap, sizeof *m->vocab);
    for (size_t i = 0; i < oldcap; i++)
      if (old[i].id) {
        size_t mask = m->vocab_cap - 1, j = old[i].hash & mask;
        while (m->vocab[j].id) j = (j + 1) & mask;
        m->vocab[j] = old[i];
      }
    free(old);
    sl = match_vocab_find(m, s, n, h);
  }
  if (m->pool_len + n > m->pool_cap) {
    m->pool_cap = (m->pool_cap + n) * 2;
    m->pool = xrealloc(m->pool, m->pool_cap);
  }
  memcpy(m->pool + m->pool_len, s, n);
  if (n) {
    size_t b = match_filter_bit(s, n);
    m->filter[b / 64] |= (uint64_t)1 << (b % 64);
  }
  sl->hash = h;
  sl->id = (uint32_t)++m->nvocab;
  sl->off = (uint32_t)m->pool_len;
  sl->len = (uint32_t)n;
  m->pool_len += n;
  return sl->id;
}

static match_edge_slot *match_edge_find(const matcher *m, uint64_t key) {
  size_t mask = m->edge_cap - 1;
  for (size_t i = match_mix(key) & mask;; i = (i + 1) & mask) {
    match_edge_slot *sl = &m->edges[i];
    if (!sl->key || sl->key == key) return sl;
  }
}

static uint32_t match_child(matcher *m, uint32_t node, uint32_t tok) {
  uint64_t key = (uint64_t)node << 32 | tok;
  match_edge_slot *sl = match_edge_find(m, key);
  if (sl->key) return sl->child;
  if (2 * (m->nedges + 1) > m->edge_cap) {
    match_edge_slot *old = m->edges;
    size_t oldcap = m->edge_cap;
    m->edge_cap *= 2;
    m->edges = xcalloc(m->edge_cap, sizeof *m->edges);
    for (size_t i = 0; i < oldcap; i++)
      if (old[i].key) *match_edge_find(m, old[i].key) = old[i];
    free(old);
    sl = match_edge_find(m, key);
  }
  if (m->nnodes == m->node_cap) {
    m->node_cap *= 2;
    m->nodes = xrealloc(m->nodes, m->node_cap * sizeof *m->nodes);
  }
  memset(&m->nodes[m->nnodes], 0, sizeof *m->nodes);
  sl->key = key;
  sl->child = (uint32_t)m->nnodes++;
  m->nedges++;
  m->nodes[node].nchildren++;
  if (node == 0) {
    if (tok >= m->root_cap) {
      size_t cap = m->root_cap ? m->root_cap : 256;
      while (cap <= tok) cap *= 2;
      m->root = xrealloc(m->root, cap * sizeof *m->root);
      memset(m->root + m->root_cap, 0, (cap - m->root_cap) * sizeof *m->root);
      m->root_cap = cap;
    }
    m->root[tok] = sl->child;
  }
  return sl->child;
}

void matcher_add(matcher *m, const char *const *toks, const size_t *lens, size_t ntok,
                 uint32_t value) {
  if (ntok == 0) return;
  uint32_t node = 0;
  for (size_t i = 0; i < ntok; i++) node = match_child(m, node, match_vocab_add(m, toks[i], lens[i]));
  match_node *nd = &m->nodes[node];
  for (uint32_t i = 0; i < nd->nvals; i++)
    if (nd->vals[i] == value) return;
  if (nd->nvals == 0) m->nphrases++;
  if (nd->nvals == nd->cap) {
    nd->cap = nd->cap ? nd->cap * 2 : 2;
    nd->vals = xrealloc(nd->vals, nd->cap * sizeof *nd->vals);
  }
  nd->vals[nd->nvals++] = value;
}

size_t matcher_longest(const matcher *m, const uint32_t *ids, size_t n, const uint32_t **vals,
                       size_t *nvals) {
  uint32_t node = 0;
  size_t best = 0;
  *vals = NULL;
  *nvals = 0;
  for (size_t i = 0; i < n && ids[i]; i++) {
    if (i == 0) {
      node = ids[0] < m->root_cap ? m->root[ids[0]] : 0;
      if (!node) break;
    } else {
      if (!m->nodes[node].nchildren) break;
      const match_edge_slot *sl = match_edge_find(m, (uint64_t)node << 32 | ids[i]);
      if (!sl->key) break;
      node = sl->child;
    }
    if (m->nodes[node].nvals) {
      best = i + 1;
      *vals = m->nodes[node].vals;
      *nvals = m->nodes[node].nvals;
    }
  }
  return best;
}

void matcher_each(const matcher *m, void (*fn)(void *user, const uint32_t *vals, size_t n),
                  void *user) {
  for (size_t i = 0; i < m->nnodes; i++)
    if (m->nodes[i].nvals) fn(user, m->nodes[i].vals, m->nodes[i].nvals);
}
