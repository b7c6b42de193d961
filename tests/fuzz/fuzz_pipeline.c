/* fuzz_pipeline.c: libFuzzer target over input reading and the whole text
 * pipeline (ingest -> normalise -> clean -> segment -> repair -> tag) and
 * the inspect writer.  The input is written to a temporary file named
 * .txt, or .jsonl when it starts with '{', and read back with
 * dyad_read_path, so the file reader, the JSONL parser and the dateline
 * finder are fuzzed too.  Checks the document invariants of doc.h. */
#include "ctx.h"
#include "doc.h"
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static dyad_ctx *fuzz_ctx;
static FILE *fuzz_null;

static void fuzz_check(const dyad_doc *d) {
  if (d->omap[d->text_len] != d->orig_len) abort();
  for (size_t i = 1; i <= d->text_len; i++)
    if (d->omap[i] < d->omap[i - 1]) abort();
  for (size_t i = 0; i < d->nzones; i++)
    if (d->zones[i].start >= d->zones[i].end || d->zones[i].end > d->text_len ||
        (i && d->zones[i].start < d->zones[i - 1].end))
      abort();
  for (size_t i = 0; i < d->ntoks; i++)
    if (d->toks[i].start >= d->toks[i].end || d->toks[i].end > d->text_len ||
        (i && d->toks[i].start < d->toks[i - 1].end))
      abort();
  for (size_t s = 0; s < d->nsents; s++)
    if (d->sents[s].tok_begin > d->sents[s].tok_end || d->sents[s].tok_end > d->ntoks ||
        (s && d->sents[s].tok_begin < d->sents[s - 1].tok_end))
      abort();
}

static int fuzz_on_doc(void *user, dyad_doc *doc) {
  (void)user;
  dyad_err err = {0};
  if (dyad_process(doc, fuzz_ctx, &err) == 0) {
    fuzz_check(doc);
    dyad_inspect_write(doc, fuzz_ctx, fuzz_null, DYAD_OPT_JSON | DYAD_OPT_ALLZONES);
  }
  dyad_doc_free(doc);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static char path[64];
  if (!fuzz_ctx) {
    dyad_err err = {0};
    fuzz_ctx = dyad_ctx_new(NULL, &err);
    if (!fuzz_ctx) {
      fprintf(stderr, "fuzz_pipeline: %s\n", err.message);
      abort();
    }
    fuzz_null = fopen("/dev/null", "w");
  }
  snprintf(path, sizeof path, "/tmp/dyad-fuzz-%d.%s", (int)getpid(),
           size && data[0] == '{' ? "jsonl" : "txt");
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  dyad_input_stats st = {0};
  dyad_err err = {0};
  dyad_read_path(fuzz_ctx, path, fuzz_on_doc, NULL, &st, &err);
  unlink(path);
  return 0;
}
