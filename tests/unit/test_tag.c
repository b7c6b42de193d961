/* test_tag.c: the tag stage.  tag_lookup (exact, then lower-cased form),
 * tag_is_grammatical, and lemmas over a whole sentence through the
 * pipeline: every token of a short text of ours gets the lemma and the
 * part of speech expected among its readings. */
#include "ctx.h"
#include "harness.h"
#include "tag.h"

/* 1 if one of the readings of the form has this lemma and POS. */
static int has_reading(const lexicon *lex, uint32_t first, unsigned n, const char *lemma,
                       lex_pos pos) {
  for (unsigned i = 0; i < n; i++) {
    lex_reading r;
    lexicon_reading(lex, first + i, &r);
    if (r.pos == pos && r.lemma_len == strlen(lemma) && !memcmp(r.lemma, lemma, r.lemma_len))
      return 1;
  }
  return 0;
}

static const struct {
  const char *form, *lemma;
  lex_pos pos;
} lookups[] = {
    {"entretenu", "entretenir", POS_VERB}, {"entretient", "entretenir", POS_VERB},
    {"entretiendra", "entretenir", POS_VERB}, {"convenues", "convenir", POS_VERB},
    {"signé", "signer", POS_VERB},         {"Signé", "signer", POS_VERB},
    {"a", "avoir", POS_VERB},              {"PUBLICITÉ", "publicité", POS_NOUN},
    {"Accords", "accord", POS_NOUN},       {"reçu", "recevoir", POS_VERB},
    {"qu'", "que", POS_CONJ},              {"l'", "le", POS_DET},
};

/* sentence, token index, lemma, pos */
static const struct {
  const char *id, *text;
  unsigned tok;
  const char *lemma;
  lex_pos pos;
} sentences[] = {
    {"se-entretiendra", "Le ministre s'entretiendra demain avec son homologue.", 3, "entretenir", POS_VERB},
    {"s-elision", "Le ministre s'entretiendra demain avec son homologue.", 2, "se", POS_PRON},
    {"sont-convenues", "Les deux parties sont convenues de coopérer.", 4, "convenir", POS_VERB},
    {"ont-signe", "Ils ont signé trois accords.", 2, "signer", POS_VERB},
    {"sentence-initial", "Signé hier, l'accord entre en vigueur.", 0, "signer", POS_VERB},
    {"repaired", "Ils ont signé plusieursaccords.", 4, "accord", POS_NOUN},
};

int main(void) {
  dyad_err err = {0};
  dyad_ctx *ctx = dyad_ctx_new(NULL, &err);
  if (!ctx) {
    fprintf(stderr, "test_tag: %s\n", err.message);
    return 1;
  }
  for (size_t i = 0; i < sizeof lookups / sizeof *lookups; i++) {
    uint32_t first;
    unsigned n = tag_lookup(ctx->lex, lookups[i].form, strlen(lookups[i].form), &first);
    EXPECT(has_reading(ctx->lex, first, n, lookups[i].lemma, lookups[i].pos), lookups[i].form,
           "expected a reading %s/%s among %u", lookups[i].lemma, lex_pos_name(lookups[i].pos), n);
  }
  uint32_t f;
  unsigned n = tag_lookup(ctx->lex, "avec", 4, &f);
  EXPECT_INT("avec-grammatical", 1, tag_is_grammatical(ctx->lex, f, n));
  n = tag_lookup(ctx->lex, "forum", 5, &f);
  EXPECT_INT("forum-not-grammatical", 0, tag_is_grammatical(ctx->lex, f, n));
  EXPECT_INT("unknown", 0, tag_lookup(ctx->lex, "Tokaïev", strlen("Tokaïev"), &f));

  for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++) {
    dyad_doc *doc = dyad_doc_new("t", NULL, sentences[i].text, strlen(sentences[i].text), NULL);
    int rc = dyad_process(doc, ctx, &err);
    EXPECT_INT(sentences[i].id, 0, rc);
    if (rc == 0 && sentences[i].tok < doc->ntoks) {
      const token *t = &doc->toks[sentences[i].tok];
      EXPECT(has_reading(ctx->lex, t->read, t->nread, sentences[i].lemma, sentences[i].pos),
             sentences[i].id, "token \"%.*s\": expected %s/%s", (int)(t->end - t->start),
             doc->text + t->start, sentences[i].lemma, lex_pos_name(sentences[i].pos));
    } else {
      EXPECT(0, sentences[i].id, "only %zu tokens", doc->ntoks);
    }
    dyad_doc_free(doc);
  }
  dyad_ctx_free(ctx);
  HARNESS_END();
}
