/* actors.h: the actors stage: who each actor mention in an article is.
 *
 * Matches the actor dictionaries (dict.h) over the article's sentences
 * and resolves each mention to a state (or organisation), a role and,
 * where it can, a person, with the rule that did it:
 *
 *   person        "Kassym-Jomart Tokaïev", "Tokaïev": the dictionary's
 *                 person, the term in office at the article's date
 *   role+person   "le ministre des Affaires étrangères Bui Thanh Son"
 *   role+state    "le président kazakh", "le chef de la diplomatie
 *                 kazakh", "le président de la Côte d'Ivoire",
 *                 "la partie vietnamienne": the state, the role, and the
 *                 holder of that post at the article's date if known;
 *                 roles joined by "et" make one mention ("le vice-Premier
 *                 ministre kazakh et ministre des Affaires étrangères
 *                 Mukhtar Tileuberdi")
 *   role+name     "le président gabonais Jean Dupont": an unknown
 *                 capitalised name after a role and a nationality
 *   counterpart   "son homologue (vietnamien)": the nationality, else
 *                 the other state of the article's pair
 *   pair          "les deux parties", "les deux pays", "les deux chefs
 *                 d'État": the article's pair of states (the two most
 *                 mentioned)
 *   pronoun       "il", "elle" starting a clause: the most recent person
 *                 or role mention
 *   country, capital, org, demonym: a state's name, a capital used as a
 *                 metonym ("Astana et Hanoï"), an organisation or state
 *                 company, people of a nationality ("les Ivoiriens") or
 *                 a compound adjective ("ivoiro-libanaise": both states)
 *
 * When the article has no date, the terms of office of the people it
 * names give the periods it can be from (doc->actor_dates).
 */
#ifndef DYAD_ACTORS_H
#define DYAD_ACTORS_H
#include "ctx.h"
#include "doc.h"

int actors_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err /* out */);

/* The CAMEO-style code of a mention ("KAZGOVFRM", "VNMGOV", "KAZMIL",
 * "ECOWAS") into buf (>= 32 bytes).  Returns buf. */
char *actors_code(const dyad_ctx *ctx, const mention *m, char *buf);
/* The same from a state (or organisation) code and a role number. */
char *actors_code_of(const dyad_ctx *ctx, const char *state, unsigned role, char *buf);

#endif
