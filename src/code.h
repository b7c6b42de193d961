/* code.h: the code stage: events, figures and agreements of an article.
 *
 * Events: in each article sentence, the predicates of the verb dictionary
 * (verbs.h) are matched over lemmas; each gives an event whose source is
 * the sentence's subject actor (the first actor mention not inside a
 * prepositional phrase, or the agent after "par" in a passive) and whose
 * target depends on the predicate:
 *
 *   avec   the actor after "avec"          (s'entretenir avec X)
 *   obj    the first actor after it        (recevoir X, condamner X)
 *   a      the actor after à/au/aux        (proposer à X)
 *   de     the actor after de/du/des       (se féliciter de X)
 *   host   the state of the place visited  (se rendre à/au/en X): a 042
 *          visit also gives the host's 043
 *   sym    a joint act: "les deux parties", "X et Y ont signé"
 *   any    any other state of the sentence
 *
 * and, when the sentence names no target, the other state of the
 * article's pair.  Only events between two different states or
 * organisations are kept.  Not events: negated predicates ("n'a pas
 * signé"), planned or wished ones (future or conditional tense; "devrait
 * signer", "va signer", "souhaite signer", "pour signer"), and background
 * dated years before the article.
 *
 * Dates: the sentence's own date expression (dates.h), else the last
 * date the article gave an event, else the publication date, else the
 * periods the leaders named allow; an undated article's partial dates are
 * resolved in the year where their weekdays agree.  Reports of one event
 * within the article (same states, same code, nested dates) are kept
 * once, with the narrowest date.
 * Figures come from figures.h, their parties from the sentence's states
 * (else the article's pair); agreements from signing events (057), their
 * title from the words after the predicate.
 */
#ifndef DYAD_CODE_H
#define DYAD_CODE_H
#include "ctx.h"
#include "doc.h"

int code_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err /* out */);

#endif
