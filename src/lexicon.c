/* lexicon.c: the French lexicon, mapped read-only from build/data/fr.lex.
 *
 * Implements src/lexicon.h over the file tools/mklexicon.c writes
 * (format described there): a 64-byte header, a pool of NUL-terminated
 * strings, 16-byte readings, 12-byte forms sorted by bytes, and an
 * open-addressing table of 8-byte slots (FNV-1a hash, form index + 1,
 * linear probing, power-of-two size).
 *
 * lexicon_open maps the file and checks, in constant time, the magic,
 * version, byte order, hash kind, the file size against the header and
 * that every section lies inside the file, aligned, with the counts it
 * claims: a truncated or foreign file is DYAD_EDATA naming the path,
 * a missing one DYAD_EIO.  Records are not scanned at load (that would
 * touch every page); instead lookups and readings check each offset
 * they follow, so a corrupt body gives "unknown" or an empty reading,
 * never a read outside the mapping.  No state changes after open: a
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
#define LEXICON_VERSION 1u
#define LEXICON_HEADER 64u
#define LEXICON_BOM 0x01020304u
#define LEXICON_HASH_FNV1A 1u

typedef struct lexicon_rec_reading {
  uint32_t lemma_off, tags_off;  /* pool offsets */
  uint16_t lemma_len, tags_len;  /* bytes, without the NUL */
  uint8_t pos;                   /* lex_pos */
  uint8_t pad[3];
} lexicon_rec_reading;

typedef struct lexicon_rec_form {
  uint32_t form_off;             /* pool offset */
  uint32_t first;                /* first reading */
  uint16_t len;                  /* bytes */
  uint16_t count;                /* readings */
} lexicon_rec_form;

typedef struct lexicon_rec_slot {
  uint32_t hash;                 /* FNV-1a of the form */
  uint32_t form;                 /* form index + 1, 0 = empty */
} lexicon_rec_slot;

struct lexicon {
  void *map;                     /* the mapping; owned (munmap) */
  size_t size;                   /* bytes mapped */
  const char *pool;
  uint32_t pool_size;
  const lexicon_rec_reading *readings;
  uint32_t nreadings;
  const lexicon_rec_form *forms;
  uint32_t nforms;
  const lexicon_rec_slot *slots;
  uint32_t nslots;               /* power of two */
};

static uint32_t lexicon_u32(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

static uint32_t lexicon_fnv1a(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 16777619u;
  }
  return h;
}

/* Is [off, off + n * rec) inside the file, 8-aligned, after the header? */
static int lexicon_section_ok(size_t size, uint32_t off, uint64_t n, uint64_t rec) {
  if (off < LEXICON_HEADER || off % 8 != 0 || off > size) return 0;
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
                   "lexicon format version %u, expected %u; rebuild it with make",
                   version, LEXICON_VERSION);
  uint32_t hsize = lexicon_u32(b + 16), fsize = lexicon_u32(b + 52);
  if (hsize != LEXICON_HEADER || lexicon_u32(b + 56) != LEXICON_HASH_FNV1A)
    return err_set(err, DYAD_EDATA, path, 0, 0, "bad lexicon header (size or hash kind)");
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
  if (!lexicon_section_ok(size, pool_off, lex->pool_size, 1) || lex->pool_size == 0 ||
      b[pool_off] != 0 || b[pool_off + lex->pool_size - 1] != 0)
    what = "string pool";
  else if (!lexicon_section_ok(size, read_off, lex->nreadings, sizeof(lexicon_rec_reading)))
    what = "readings";
  else if (!lexicon_section_ok(size, forms_off, lex->nforms, sizeof(lexicon_rec_form)) ||
           lex->nforms > lex->nreadings)
    what = "forms";
  else if (!lexicon_section_ok(size, slots_off, lex->nslots, sizeof(lexicon_rec_slot)) ||
           lex->nslots == 0 || (lex->nslots & (lex->nslots - 1)) != 0 ||
           lex->nslots <= lex->nforms)
    what = "hash table";
  if (what)
    return err_set(err, DYAD_EDATA, path, 0, 0,
                   "lexicon %s out of range: truncated or corrupt", what);
  lex->pool = (const char *)b + pool_off;
  lex->readings = (const lexicon_rec_reading *)(const void *)(b + read_off);
  lex->forms = (const lexicon_rec_form *)(const void *)(b + forms_off);
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

unsigned lexicon_lookup(const lexicon *lex, const char *s, size_t n, uint32_t *first) {
  uint32_t dummy;
  if (!first) first = &dummy;
  *first = 0;
  if (!lex || !s || n == 0 || n > 0xFFFF) return 0;
  uint32_t h = lexicon_fnv1a(s, n);
  uint32_t mask = lex->nslots - 1;
  for (uint32_t i = h & mask, probes = 0; probes < lex->nslots; i = (i + 1) & mask, probes++) {
    const lexicon_rec_slot *sl = &lex->slots[i];
    if (sl->form == 0) return 0;
    if (sl->hash != h || sl->form > lex->nforms) continue;
    const lexicon_rec_form *f = &lex->forms[sl->form - 1];
    if (f->len != n || f->form_off > lex->pool_size || n > lex->pool_size - f->form_off ||
        memcmp(lex->pool + f->form_off, s, n) != 0)
      continue;
    if (f->first > lex->nreadings || f->count > lex->nreadings - f->first) return 0;
    *first = f->first;
    return f->count;
  }
  return 0;
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

size_t lexicon_nforms(const lexicon *lex) { return lex ? lex->nforms : 0; }
size_t lexicon_nreadings(const lexicon *lex) { return lex ? lex->nreadings : 0; }

const char *lex_pos_name(lex_pos p) {
  static const char *const names[POS__COUNT] = {
    "OTHER", "NOUN", "PROPN", "ADJ", "VERB", "ADV", "DET", "PRON", "PREP", "CONJ", "INTJ", "NUM",
  };
  return (unsigned)p < POS__COUNT ? names[p] : "OTHER";
}
