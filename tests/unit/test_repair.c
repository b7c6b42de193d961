/* test_repair.c: the repair stage.  repair_split on glued words (they
 * must split, at the right place) and on names and ordinary words (they
 * must stay whole); then the whole pipeline over the dev corpus, when
 * ../shared is there: every split of a capitalised word must be one we
 * checked by hand (no false split of a name). */
#include "ctx.h"
#include "dyad.h"
#include "harness.h"
#include "repair.h"
#include <dirent.h>
#include <stdlib.h>

static const struct {
  const char *word, *left; /* left part, or NULL to stay whole */
} cases[] = {
    {"endeçà", "en"},
    {"plusieursmesures", "plusieurs"},
    {"desnégociations", "des"},
    {"Uniondouanière", "Union"},
    {"denouveaux", "de"},
    {"dedévelopper", "de"},
    {"unforum", "un"},
    {"decélébration", "de"},
    {"compagnienationale", "compagnie"},
    {"commercebilatéral", "commerce"},
    {"bilatéraledans", "bilatérale"},
    {"relationsavec", "relations"},
    {"nombreuxspécialistes", "nombreux"},
    {"entrepreneurskazakhs", "entrepreneurs"},
    {"leVietnam", "le"},
    {"auKazakhstan", "au"},
    {"avecPetrovietnam", "avec"},
    {"deNazarbayev", "de"},
    {"aapprécié", "a"},
    /* names and real words stay whole */
    {"KazMunaiGaz", NULL},
    {"PetroVietnam", NULL},
    {"Tokaïev", NULL},
    {"Usturt", NULL},
    {"Sassou", NULL},
    {"Nguesso", NULL},
    {"Ouattara", NULL},
    {"Tileuberdi", NULL},
    {"Abidjan", NULL},
    {"Yamoussoukro", NULL},
    {"Massimov", NULL},
    {"coopération", NULL},
    {"entretiendra", NULL},
    {"Kazakhstan", NULL},
    {"OTAN", NULL},
    {"UEMOA", NULL},
    {"ECOWAS", NULL},
    {"Francois", NULL},
    {"intermaghrébines", NULL},
    {"antijihadiste", NULL},
    {"Ivoiredans", "Ivoire"},
};

/* Capitalised words of the dev corpus that are truly glued. */
static const char *const dev_capitalised_ok[] = {"Uniondouanière", "Ivoiredans"};

static int dev_split_count, dev_bad;

static int on_doc(void *user, dyad_doc *doc) {
  const dyad_ctx *ctx = user;
  dyad_err err = {0};
  if (dyad_process(doc, ctx, &err) == 0) {
    for (size_t i = 0; i + 1 < doc->ntoks; i++) {
      const token *l = &doc->toks[i], *r = &doc->toks[i + 1];
      if (!(l->flags & TOKF_REPAIRED) || r->start != l->end) continue;
      dev_split_count++;
      char word[256];
      int n = snprintf(word, sizeof word, "%.*s", (int)(r->end - l->start), doc->text + l->start);
      printf("info: %s: %s -> %.*s + %.*s\n", doc->id, word, (int)(l->end - l->start),
             doc->text + l->start, (int)(r->end - r->start), doc->text + r->start);
      if (n > 0 && (l->flags & TOKF_UPPER)) {
        int ok = 0;
        for (size_t k = 0; k < sizeof dev_capitalised_ok / sizeof *dev_capitalised_ok; k++)
          ok |= !strcmp(word, dev_capitalised_ok[k]);
        EXPECT(ok, word, "capitalised word split in %s", doc->id);
        dev_bad += !ok;
      }
      i++;
    }
  }
  dyad_doc_free(doc);
  return 0;
}

int main(void) {
  dyad_err err = {0};
  dyad_ctx *ctx = dyad_ctx_new(NULL, &err);
  if (!ctx) {
    fprintf(stderr, "test_repair: %s\n", err.message);
    return 1;
  }
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *w = cases[i].word;
    size_t at = repair_split(ctx->lex, w, strlen(w));
    if (cases[i].left) {
      EXPECT(at == strlen(cases[i].left) && !strncmp(w, cases[i].left, at), w,
             "expected split after \"%s\", got offset %zu", cases[i].left, at);
    } else {
      EXPECT(at == 0, w, "expected whole, got split at offset %zu (\"%.*s\")", at, (int)at, w);
    }
  }
  const char *dev = "../shared/corpus/dev";
  DIR *d = opendir(dev);
  if (d) {
    closedir(d);
    dyad_input_stats st = {0};
    dyad_read_path(ctx, dev, on_doc, ctx, &st, &err);
    EXPECT(dev_split_count >= 18, "dev-splits", "only %d splits in the dev corpus", dev_split_count);
    EXPECT_INT("dev-capitalised", 0, dev_bad);
  } else {
    printf("skip: dev corpus not found at %s\n", dev);
  }
  dyad_ctx_free(ctx);
  HARNESS_END();
}
