/* verbs.h: the predicate dictionary (data/verbs.tsv): lemma patterns that
 * name events, with their CAMEO code and how to find the target.
 *
 * File format (TSV, '#' comments, header `cameo lang pattern target`):
 * pattern is a sequence of items separated by spaces, each a lemma or
 * alternatives joined by '|'; the first item is the trigger; each next
 * item must follow the previous one within VERBS_GAP tokens.  A token
 * matches an item when one of its lemmas, or its form, folds (utf8_fold)
 * to one of the item's words.  target is one of avec, obj, a, de, host,
 * sym, any (see code.h).
 */
#ifndef DYAD_VERBS_H
#define DYAD_VERBS_H
#include "dict.h"
#include "lexicon.h"
#include <stddef.h>
#include <stdint.h>

#define VERBS_GAP 3
#define VERBS_MAX_ITEMS 6

typedef enum verbs_target {
  VT_AVEC = 0, VT_OBJ, VT_A, VT_DE, VT_HOST, VT_SYM, VT_ANY, VT__COUNT
} verbs_target;

typedef struct verbs_pattern {
  char cameo[8];
  uint8_t target;                      /* verbs_target */
  uint8_t nitems;
  uint32_t items[VERBS_MAX_ITEMS];     /* first alternative id of each item */
  uint8_t nalts[VERBS_MAX_ITEMS];      /* alternatives of each item */
  const char *file;                    /* owned by the table */
  uint32_t line;
} verbs_pattern;

typedef struct verbs_table verbs_table;

/* Load path; problems go to fn as (file, line, message) and are counted
 * in *problems.  Returns NULL only if the file cannot be read. */
verbs_table *verbs_load(const char *path, dict_report_fn fn, void *user, int *problems /* out */);
void verbs_free(verbs_table *v);

/* Patterns whose trigger is the folded word w: their numbers in *out
 * (borrowed), count returned. */
size_t verbs_triggered(const verbs_table *v, const char *w, size_t n, const uint32_t **out);
const verbs_pattern *verbs_at(const verbs_table *v, uint32_t i);
/* 0 if the word form[0..n) (not folded) cannot fold to a trigger: its
 * first two letters start none (a quick test before folding it); 1 if
 * it may. */
int verbs_may_start(const verbs_table *v, const char *form, size_t n);
/* 1 if the folded word w is alternative k of the table's items. */
int verbs_alt_is(const verbs_table *v, uint32_t alt, const char *w, size_t n);
size_t verbs_count(const verbs_table *v);

/* The readings of lex whose lemma folds (utf8_fold) to a trigger word: bit
 * r % 8 of byte r / 8 of the returned array (malloc'd, one bit per
 * reading).  The code stage keeps it (dyad_ctx) to read the lemmas only
 * of the tokens that may trigger a pattern. */
unsigned char *verbs_trigger_readings(const verbs_table *v, const lexicon *lex);

#endif
