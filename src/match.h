/* match.h: the phrase matcher over tokens.
 *
 * A matcher holds phrases, each a sequence of folded tokens (utf8_fold)
 * carrying one or more uint32_t values (dictionary entry numbers).  It is
 * a trie whose edges are token ids: a text is first mapped to token ids
 * (matcher_token_id: one hash probe per token; 0 for a token no phrase
 * uses), then matcher_longest walks the trie from a position and returns
 * the longest phrase found there.  Built once (matcher_add), read-only
 * afterwards; memory is malloc'd and released by matcher_free.
 */
#ifndef DYAD_MATCH_H
#define DYAD_MATCH_H
#include <stddef.h>
#include <stdint.h>

typedef struct matcher matcher;

matcher *matcher_new(void);      /* never NULL (allocation failure aborts) */
void matcher_free(matcher *m);   /* accepts NULL */

/* Add a phrase of ntok folded tokens with its value.  Adding the same
 * phrase again appends the value (duplicates of one value are kept once). */
void matcher_add(matcher *m, const char *const *toks, const size_t *lens, size_t ntok,
                 uint32_t value);

/* The id of a folded token, or 0 if no phrase contains it. */
uint32_t matcher_token_id(const matcher *m, const char *folded, size_t n);

/* The longest phrase at ids[0..n): returns its length in tokens, or 0 if
 * none starts there; *vals (borrowed, valid until matcher_free) and
 * *nvals receive its values. */
size_t matcher_longest(const matcher *m, const uint32_t *ids, size_t n,
                       const uint32_t **vals /* out */, size_t *nvals /* out */);

/* Call fn once for each phrase, with its values. */
void matcher_each(const matcher *m, void (*fn)(void *user, const uint32_t *vals, size_t n),
                  void *user);

/* Number of phrases (for statistics). */
size_t matcher_size(const matcher *m);

#endif
