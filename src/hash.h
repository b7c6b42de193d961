/* hash.h: SHA-256 (FIPS 180-4), for the store's content hashes.
 *
 * The store (store.c) keeps the SHA-256 of each article's original bytes
 * to tell an article loaded again unchanged from one that changed.
 * Incremental: hash_init, any number of hash_update, hash_final.
 */
#ifndef DYAD_HASH_H
#define DYAD_HASH_H
#include <stddef.h>
#include <stdint.h>

typedef struct hash_sha256 {
  uint32_t h[8];        /* chaining state */
  uint64_t len;         /* bytes hashed so far */
  unsigned char buf[64];/* a partial block */
  size_t nbuf;          /* bytes in buf */
} hash_sha256;

void hash_init(hash_sha256 *s);
void hash_update(hash_sha256 *s, const void *data, size_t n);
/* The 32-byte digest into out. */
void hash_final(hash_sha256 *s, unsigned char out[32] /* out */);

/* SHA-256 of data[0, n) as 64 lower-case hex digits and a NUL into hex.
 * Returns hex. */
char *hash_hex(const void *data, size_t n, char hex[65] /* out */);

#endif
