/* hash.h: SHA-256, for the store's content hashes.
 *
 * The store (store.c) keeps the SHA-256 of each article's original bytes
 * to tell an article loaded again unchanged from one that changed.
 * Incremental: hash_init, any number of hash_update, hash_final.  A thin
 * layer over GNU Nettle (nettle-dev), whose x86-64 build uses the CPU's
 * SHA instructions when it has them (1 GB/s against 60 MB/s for a plain
 * C implementation: SHA-256 was 5% of `dyad load`).
 */
#ifndef DYAD_HASH_H
#define DYAD_HASH_H
#include <nettle/sha2.h>
#include <stddef.h>

typedef struct sha256_ctx hash_sha256;

void hash_init(hash_sha256 *s);
void hash_update(hash_sha256 *s, const void *data, size_t n);
/* The 32-byte digest into out. */
void hash_final(hash_sha256 *s, unsigned char out[32] /* out */);

/* SHA-256 of data[0, n) as 64 lower-case hex digits and a NUL into hex.
 * Returns hex. */
char *hash_hex(const void *data, size_t n, char hex[65] /* out */);

#endif
