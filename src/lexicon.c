/* lexicon.c: the French lexicon, mapped read-only from build/data/fr.lex.
 *
 * Implements src/lexicon.h over the file tools/mklexicon.c writes
 * (format version 2, described there): a 64-byte header, a pool of
 * NUL-terminated strings, 16-byte readings, 12-byte forms sorted by bytes
 * (not used here: they let tests enumerate the forms), and an
 * open-addressing table of 32-byte slots, two to a cache line, each
 * holding what a lookup returns (first reading, count) and the form's
 * length and first 16 bytes: a form of up to 16 bytes is found by
 * touching one slot line and nothing else; a longer one also compares
 * its tail in the pool.  Robin Hood linear probing bounds both hits and
 * misses to a few slots.
 *
 * lexicon_open maps the file and checks, in constant time, the magic,
 * version, byte order, hash kind, the file size against the header and
 * that every section lies inside the file, aligned, with the counts it
 * claims: a truncated or foreign file is DYAD_EDATA naming the path,
 * a missing one DYAD_EIO.  Records are not scanned at load (that would
 * touch every page); instead lookups and readings check each offset
 * they follow, so a corrupt body gives "unknown" or an empty reading,
 * never a read outside the mapping, and a lookup reads at most 256
 * slots.  No state changes after open: a
 * lexicon can be shared by threads.
 */
#include "lexicon.h"
#include "err.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define LEXICON_MAGIC "DYADLEX1"
#define LEXICON_VERSION 2u
#define LEXICON_HEADER 64u
#define LEXICON_BOM 0x01020304u
#define LEXICON_HASH 2u     /* lexicon_hash, as tools/mklexicon.c writes it */
#define LEXICON_INLINE 16u  /* form bytes held in a slot */

typedef struct lexicon_rec_reading {
  uint32_t lemma_off, tags_off;  /* pool offsets */
  uint16_t lemma_len, tags_len;  /* bytes, without the NUL */
  uint8_t pos;                   /* lex_pos */
  uint8_t pad[3];
} lexicon_rec_reading;

typedef struct lexicon_rec_slot {
  uint32_t hash;                 /* lexicon_hash of the form */
  uint8_t len;                   /* form bytes, 0 = empty slot */
  uint8_t count;                 /* readings */
  uint8_t dist1;                 /* 1 + slots after its home (Robin Hood), 0 = empty */
  uint8_t pad;
  uint32_t first;                /* first reading */
  uint32_t form_off;             /* pool offset of the whole form */
  unsigned char head[LEXICON_INLINE]; /* the form's first bytes, zero-padded */
} lexicon_rec_slot;
_Static_assert(sizeof(lexicon_rec_slot) == 32, "two slots to a 64-byte cache line");

struct lexicon {
  void *map;                     /* the mapping; owned (munmap) */
  size_t size;                   /* bytes mapped */
  const char *pool;
  uint32_t pool_size;
  const lexicon_rec_reading *readings;
  uint32_t nreadings;
  uint32_t nforms;
  const lexicon_rec_slot *slots;
  uint32_t nslots;               /* > nforms */
};

/* Host-order loads; the file is little-endian and lexicon_check refuses
 * it on other hosts, so these read its little-endian fields. */
static uint32_t lexicon_u32(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

static uint64_t lexicon_u64(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

/* The n bytes at s (1 <= n <= 8) as a little-endian word, zero-padded,
 * reading only inside [s, s + n) and storing nothing: a key built in a
 * stack buffer would be read back across a store-forwarding stall that
 * waits for the previous lookup's cache miss, serialising lookups. */
static inline uint64_t lexicon_word(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  if (n >= 8) return lexicon_u64(u);
  if (n >= 4)  /* two overlapping 4-byte loads; the overlap agrees */
    return lexicon_u32(u) | (uint64_t)lexicon_u32(u + n - 4) << (8 * (n - 4));
  return u[0] | (uint64_t)u[n / 2] << (8 * (n / 2)) | (uint64_t)u[n - 1] << (8 * (n - 1));
}

/* The slot hash (kind 2 in tools/mklexicon.c) of s (n bytes), whose
 * first 16 bytes are w0, w1 (lexicon_word, w1 = 0 if n <= 8): the form
 * as 8-byte little-endian words (lexicon_check has refused other byte
 * orders), the last zero-padded.  Two independent multiplies and a final
 * one: short, since every lookup waits for it before its one memory
 * access. */
static uint32_t lexicon_hash(uint64_t w0, uint64_t w1, const char *s, size_t n) {
  uint64_t h = w0 * 0x9E3779B97F4A7C15u ^ w1 * 0xC2B2AE3D27D4EB4Fu ^
               (uint64_t)n * 0x165667B19E3779F9u;
  for (size_t i = 2 * 8; i < n; i += 8)
    h = (h ^ (h >> 32) ^ lexicon_word(s + i, n - i < 8 ? n - i : 8)) * 0xC2B2AE3D27D4EB4Fu;
  h ^= h >> 32;
  h *= 0xBF58476D1CE4E5B9u;
  return (uint32_t)(h >> 32);
}

/* Is [off, off + n * rec) inside the file, align-aligned, after the header? */
static int lexicon_section_ok(size_t size, uint32_t off, uint64_t n, uint64_t rec,
                              uint32_t align) {
  if (off < LEXICON_HEADER || off % align != 0 || off > size) return 0;
  return n * rec <= (uint64_t)(size - off);
}

/* Check the header of a mapping of size bytes and fill lex; returns 0 or
 * DYAD_EDATA with err filled. */
static int lexicon_check(lexicon *lex, const unsigned char *b, size_t size,
                         const char *path, dyad_err *err) {
  if (size < LEXICON_HEADER || memcmp(b, LEXICON_MAGIC, 8) != 0)
    return err_set(err, DYAD_EDATA, path, 0, 0,
                   "not a dyad lexicon (expected the magic \"%s\"); rebuild it with make",
                   LEXICON_MAGIC);
  if (lexicon_u32(b + 12) != LEXICON_BOM)
    return err_set(err, DYAD_EDATA, path, 0, 0, "lexicon written for another byte order");
  uint32_t version = lexicon_u32(b + 8);
  if (version != LEXICON_VERSION)
    return err_set(err, DYAD_EDATA, path, 0, 0,
                   "lexicon format version %u, this dyad reads version %u; rebuild it with make",
                   version, LEXICON_VERSION);
  uint32_t hsize = lexicon_u32(b + 16), fsize = lexicon_u32(b + 52);
  if (hsize != LEXICON_HEADER || lexicon_u32(b + 56) != LEXICON_HASH ||
      lexicon_u32(b + 60) != sizeof(lexicon_rec_slot))
    return err_set(err, DYAD_EDATA, path, 0, 0,
                   "bad lexicon header (header size, hash kind or slot size)");
  if (fsize != size)
    return err_set(err, DYAD_EDATA, path, 0, 0,
                   "lexicon is %zu bytes, its header says %u: truncated or corrupt",
                   size, fsize);
  lex->nforms = lexicon_u32(b + 20);
  lex->nreadings = lexicon_u32(b + 24);
  lex->nslots = lexicon_u32(b + 28);
  uint32_t pool_off = lexicon_u32(b + 32);
  lex->pool_size = lexicon_u32(b + 36);
  uint32_t read_off = lexicon_u32(b + 40), forms_off = lexicon_u32(b + 44);
  uint32_t slots_off = lexicon_u32(b + 48);
  const char *what = NULL;
  if (!lexicon_section_ok(size, pool_off, lex->pool_size, 1, 8) || lex->pool_size == 0 ||
      b[pool_off] != 0 || b[pool_off + lex->pool_size - 1] != 0)
    what = "string pool";
  else if (!lexicon_section_ok(size, read_off, lex->nreadings, sizeof(lexicon_rec_reading), 8))
    what = "readings";
  else if (!lexicon_section_ok(size, forms_off, lex->nforms, 12, 8) ||
           lex->nforms > lex->nreadings)
    what = "forms";
  else if (!lexicon_section_ok(size, slots_off, lex->nslots, sizeof(lexicon_rec_slot), 64) ||
           lex->nslots <= lex->nforms)
    what = "hash table";
  if (what)
    return err_set(err, DYAD_EDATA, path, 0, 0,
                   "lexicon %s out of range: truncated or corrupt", what);
  lex->pool = (const char *)b + pool_off;
  lex->readings = (const lexicon_rec_reading *)(const void *)(b + read_off);
  lex->slots = (const lexicon_rec_slot *)(const void *)(b + slots_off);
  return 0;
}

lexicon *lexicon_open(const char *path, dyad_err *err) {
  if (!path) {
    err_set(err, DYAD_EUSAGE, NULL, 0, 0, "lexicon_open: no path");
    return NULL;
  }
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    err_set(err, DYAD_EIO, path, 0, 0, "cannot open the lexicon: %s", strerror(errno));
    return NULL;
  }
  struct stat sb;
  if (fstat(fd, &sb) != 0) {
    err_set(err, DYAD_EIO, path, 0, 0, "cannot stat the lexicon: %s", strerror(errno));
    close(fd);
    return NULL;
  }
  if (!S_ISREG(sb.st_mode) || sb.st_size < (off_t)LEXICON_HEADER) {
    err_set(err, DYAD_EDATA, path, 0, 0,
            "lexicon is %lld bytes, shorter than its %u-byte header: truncated or not a file",
            (long long)sb.st_size, LEXICON_HEADER);
    close(fd);
    return NULL;
  }
  size_t size = (size_t)sb.st_size;
  void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  int merr = errno;
  close(fd);
  if (map == MAP_FAILED) {
    err_set(err, DYAD_EIO, path, 0, 0, "cannot map the lexicon: %s", strerror(merr));
    return NULL;
  }
  lexicon *lex = xcalloc(1, sizeof *lex);
  lex->map = map;
  lex->size = size;
  if (lexicon_check(lex, map, size, path, err) != 0) {
    lexicon_free(lex);
    return NULL;
  }
  return lex;
}

void lexicon_free(lexicon *lex) {
  if (!lex) return;
  if (lex->map) munmap(lex->map, lex->size);
  free(lex);
}

/* Do the bytes of s after the first LEXICON_INLINE (if any) match the
 * form of slot sl in the pool? */
static int lexicon_tail_ok(const lexicon *lex, const lexicon_rec_slot *sl, const char *s,
                           size_t n) {
  if (n <= LEXICON_INLINE) return 1;
  if (sl->form_off > lex->pool_size || n > lex->pool_size - sl->form_off) return 0;
  return memcmp(lex->pool + sl->form_off + LEXICON_INLINE, s + LEXICON_INLINE,
                n - LEXICON_INLINE) == 0;
}

unsigned lexicon_lookup(const lexicon *lex, const char *s, size_t n, uint32_t *first) {
  uint32_t dummy;
  if (!first) first = &dummy;
  *first = 0;
  if (!lex || !s || n == 0 || n > 0xFF) return 0;
  uint64_t w0 = lexicon_word(s, n < 8 ? n : 8);
  uint64_t w1 = n > 8 ? lexicon_word(s + 8, n < LEXICON_INLINE ? n - 8 : 8) : 0;
  uint32_t h = lexicon_hash(w0, w1, s, n);
  uint64_t key = h | (uint64_t)n << 32;  /* the slot's hash and len fields */
  const lexicon_rec_slot *sl = &lex->slots[((uint64_t)h * lex->nslots) >> 32];
  const lexicon_rec_slot *end = lex->slots + lex->nslots;
  /* a form lies dist <= 254 slots after its home, and no slot between
   * holds a form nearer its own home (Robin Hood): stop at an empty slot
   * (dist1 0) or at one whose form is nearer home than we are */
  for (uint32_t dist = 0;; dist++) {
    const unsigned char *p = (const unsigned char *)sl;
    uint64_t v = lexicon_u64(p);
    if ((v >> 48 & 0xFF) <= dist) return 0;
    if ((v & 0xFFFFFFFFFFu) == key && lexicon_u64(p + 16) == w0 && lexicon_u64(p + 24) == w1 &&
        lexicon_tail_ok(lex, sl, s, n)) {
      uint32_t f = lexicon_u32(p + 8), count = p[5];
      if (f > lex->nreadings || count > lex->nreadings - f) return 0;
      *first = f;
      return count;
    }
    if (++sl == end) sl = lex->slots;
  }
}

/* A pool string at off of len bytes, or "" if it is out of range. */
static const char *lexicon_str(const lexicon *lex, uint32_t off, uint32_t *len) {
  if (off >= lex->pool_size || *len >= lex->pool_size - off || lex->pool[off + *len] != 0) {
    *len = 0;
    return lex->pool + lex->pool_size - 1;  /* the pool's last NUL */
  }
  return lex->pool + off;
}

void lexicon_reading(const lexicon *lex, uint32_t r, lex_reading *out) {
  if (!lex || r >= lex->nreadings) {
    out->lemma = out->tags = "";
    out->lemma_len = out->tags_len = 0;
    out->pos = POS_OTHER;
    return;
  }
  const lexicon_rec_reading *rd = &lex->readings[r];
  out->lemma_len = rd->lemma_len;
  out->lemma = lexicon_str(lex, rd->lemma_off, &out->lemma_len);
  out->tags_len = rd->tags_len;
  out->tags = lexicon_str(lex, rd->tags_off, &out->tags_len);
  out->pos = rd->pos < POS__COUNT ? (lex_pos)rd->pos : POS_OTHER;
}

uint64_t lexicon_lemma_key(const lexicon *lex, uint32_t r) {
  if (!lex || r >= lex->nreadings) return UINT64_MAX;
  return lex->readings[r].lemma_off | (uint64_t)lex->readings[r].lemma_len << 32;
}

size_t lexicon_nforms(const lexicon *lex) { return lex ? lex->nforms : 0; }
size_t lexicon_nreadings(const lexicon *lex) { return lex ? lex->nreadings : 0; }

const char *lex_pos_name(lex_pos p) {
  static const char *const names[POS__COUNT] = {
    "OTHER", "NOUN", "PROPN", "ADJ", "VERB", "ADV", "DET", "PRON", "PREP", "CONJ", "INTJ", "NUM",
  };
  return (unsigned)p < POS__COUNT ? names[p] : "OTHER";
}
