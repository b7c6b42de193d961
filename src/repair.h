/* repair.h: the repair stage: words glued together by broken line
 * wrapping ("plusieursmesures", "auKazakhstan", "l'Uniondouanière") are
 * split into two tokens, using the French lexicon compiled from
 * hunspell-fr (lexicon.h) to tell words from non-words.
 *
 * It runs after tag and uses its readings: a word token is a candidate
 * when the tagger found no reading for it (neither it nor its lower-cased
 * form is in the lexicon), it is made of letters only and is at least
 * REPAIR_MIN_CHARS characters long.  The two parts get their own
 * readings.  A split point i gives a left part
 * L and a right part R; it is admissible when:
 *
 *   - the case shape fits: a lower-case token splits into lower-case L
 *     and lower-case or Capitalised R ("leVietnam"); a Capitalised token
 *     splits only into Capitalised L and lower-case R ("Uniondouanière");
 *     any other capital inside the token (KazMunaiGaz, PetroVietnam) means
 *     a name, never split;
 *   - L and R are in the lexicon, except that a Capitalised R after a
 *     lower-case grammatical L ("deNazarbayev", "avecPetrovietnam") may be
 *     an unknown name;
 *   - a part shorter than REPAIR_SHORT characters is a grammatical word
 *     (determiner, preposition, pronoun, conjunction), or L is a form of
 *     avoir or être and R a past participle ("a|apprécié");
 *   - a Capitalised token needs both parts of REPAIR_SHORT characters or
 *     more, since names ("Sassou", "Sofitel") often look like two short
 *     words;
 *   - when neither part is a grammatical word, they are a noun or
 *     adjective each and agree in gender and number, as in a noun phrase
 *     ("compagnie|nationale", "entrepreneurs|kazakhs"), which rules out
 *     most prefixed derivations ("inter|maghrébines", "anti|jihadiste");
 *     a Capitalised token then needs both parts of REPAIR_CAP_LONG
 *     characters or more ("Francois" stays whole).
 *
 * Among admissible splits the best scores highest: a case change at the
 * split point, then a grammatical part, then the most balanced split.
 * Exports repair_run and repair_split (the decision alone, for tests).
 */
#ifndef DYAD_REPAIR_H
#define DYAD_REPAIR_H
#include "ctx.h"
#include "doc.h"

#define REPAIR_MIN_CHARS 4
#define REPAIR_SHORT 4
#define REPAIR_CAP_LONG 5

int repair_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err /* out */);

/* Where to split the word s[0..n): the byte offset of R's start, or 0 if
 * the word stays whole. */
size_t repair_split(const lexicon *lex, const char *s, size_t n);

#endif
