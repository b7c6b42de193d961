/* lexicon.h: the French lexicon, compiled from hunspell-fr at build time.
 *
 * tools/mklexicon.c expands Debian's hunspell-fr dictionary (fr.dic +
 * fr.aff, with their st: lemma, po: part of speech, is: gender/number
 * and tense/person fields) into every inflected form, and writes one
 * binary file (build/data/fr.lex) that lexicon_open maps read-only: no parsing
 * at load time, no hunspell call on the hot path.
 *
 * A form has zero or more readings, numbered globally (uint32_t); the
 * readings of one form are consecutive.  Lookup is exact on the bytes
 * (NFC UTF-8, case-sensitive): callers try the lower-cased form too.
 */
#ifndef DYAD_LEXICON_H
#define DYAD_LEXICON_H
#include "dyad.h"
#include <stddef.h>
#include <stdint.h>

typedef struct lexicon lexicon;

/* Part of speech, coarse (from hunspell-fr's po: field). */
typedef enum lex_pos {
  POS_OTHER = 0,
  POS_NOUN,     /* po:nom */
  POS_PROPN,    /* po:npr, po:prn, po:patr (proper nouns, first names) */
  POS_ADJ,      /* po:adj */
  POS_VERB,     /* po:v... (finite, infinitive, participles) */
  POS_ADV,      /* po:adv, po:loc.adv */
  POS_DET,      /* po:det, po:detpos, po:detdem, po:detind, po:properso... */
  POS_PRON,     /* po:pro... */
  POS_PREP,     /* po:prep, po:loc.prep */
  POS_CONJ,     /* po:cjco, po:cjsub */
  POS_INTJ,     /* po:interj */
  POS_NUM,      /* numerals */
  POS__COUNT
} lex_pos;

const char *lex_pos_name(lex_pos p);  /* "NOUN", "VERB"... */

typedef struct lex_reading {
  const char *lemma;   /* borrowed from the mapping: valid until lexicon_free */
  uint32_t lemma_len;
  lex_pos pos;
  const char *tags;    /* e.g. "v1_it_q__a ipre 3sg" or "mas pl": hunspell's po:/is: values
                          without their prefixes, space-separated; borrowed */
  uint32_t tags_len;
} lex_reading;

/* Map the lexicon file at path.  Returns NULL with err filled on failure
 * (missing file: DYAD_EIO; bad magic/version/size: DYAD_EDATA). */
lexicon *lexicon_open(const char *path, dyad_err *err /* out */);
void lexicon_free(lexicon *lex);

/* Look up a form (exact bytes).  Returns the number of readings (0 if
 * unknown) and sets *first to the first reading's number. */
unsigned lexicon_lookup(const lexicon *lex, const char *s, size_t n,
                        uint32_t *first /* out */);

/* Reading number r (as returned by lexicon_lookup + 0..count-1). */
void lexicon_reading(const lexicon *lex, uint32_t r, lex_reading *out /* out */);

/* The lemma of reading number r as a key: readings whose keys are equal
 * have the same lemma string.  Read without that string, where
 * lexicon_reading checks it; UINT64_MAX if r is out of range. */
uint64_t lexicon_lemma_key(const lexicon *lex, uint32_t r);

/* Number of distinct forms and readings (for tests and stats). */
size_t lexicon_nforms(const lexicon *lex);
size_t lexicon_nreadings(const lexicon *lex);

#endif
