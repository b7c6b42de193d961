/* hash.c: SHA-256 through GNU Nettle, see hash.h.  Checked against the
 * FIPS 180-4 examples in tests/unit/test_store.c. */
#include "hash.h"

void hash_init(hash_sha256 *s) { sha256_init(s); }

void hash_update(hash_sha256 *s, const void *data, size_t n) { sha256_update(s, n, data); }

void hash_final(hash_sha256 *s, unsigned char out[32]) { sha256_digest(s, SHA256_DIGEST_SIZE, out); }

char *hash_hex(const void *data, size_t n, char hex[65]) {
  static const char digits[] = "0123456789abcdef";
  hash_sha256 s;
  unsigned char d[32];
  hash_init(&s);
  hash_update(&s, data, n);
  hash_final(&s, d);
  for (int i = 0; i < 32; i++) {
    hex[2 * i] = digits[d[i] >> 4];
    hex[2 * i + 1] = digits[d[i] & 15];
  }
  hex[64] = 0;
  return hex;
}
