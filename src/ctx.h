/* ctx.h: the context, loaded once and read-only afterwards. */
#ifndef DYAD_CTX_H
#define DYAD_CTX_H
#include "dyad.h"
#include "cameo.h"
#include "dates.h"
#include "dict.h"
#include "figures.h"
#include "lexicon.h"
#include "verbs.h"

struct dyad_ctx {
  char *data_dir;      /* owned */
  lexicon *lex;        /* owned: French lexicon (lexicon_open) */
  dict *dict;          /* owned: actor dictionaries (dict_load_builtin) */
  verbs_table *verbs;  /* owned: predicate dictionary (verbs.tsv) */
  cameo_table *cameo;  /* owned: CAMEO codes (cameo.tsv) */
  unsigned code_flags; /* DYAD_CODE_* */
  dates_index *dates;  /* owned: the words of date expressions, hashed (dates_index_new) */
  figures_index *figures; /* owned: the number words, hashed (figures_index_new) */
  unsigned char *trigger_reads; /* owned: readings whose lemma is a trigger (verbs_trigger_readings) */
  dyad_warn_fn warn;   /* may be NULL */
  void *warn_user;
};

/* Report a warning through the context's callback (no-op if none). */
void ctx_warn(const dyad_ctx *ctx, const char *path, long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#endif
