/* pipeline.c: the order of the stages; the only file that knows it.
 *
 *   normalise -> clean -> segment -> tag -> repair -> actors -> code
 *
 * repair comes after tag because it splits only the words the tagger
 * found no reading for, and tags the two halves itself.
 *
 * Each stage reads the layers its predecessors left in the document and
 * adds its own (see doc.h).  A stage failing stops the pipeline.
 */
#include "actors.h"
#include "clean.h"
#include "code.h"
#include "ctx.h"
#include "doc.h"
#include "normalise.h"
#include "repair.h"
#include "segment.h"
#include "tag.h"

#include "err.h"
#include <string.h>

typedef struct pipeline_stage {
  const char *name;
  int (*run)(dyad_doc *, const dyad_ctx *, dyad_err *);
} pipeline_stage;

static const pipeline_stage pipeline_stages[] = {
    {"normalise", normalise_run}, {"clean", clean_run}, {"segment", segment_run},
    {"tag", tag_run},             {"repair", repair_run},   {"actors", actors_run},
    {"code", code_run},
};
#define PIPELINE_NSTAGES (sizeof pipeline_stages / sizeof *pipeline_stages)

int dyad_process_until(dyad_doc *doc, const dyad_ctx *ctx, const char *stage, dyad_err *err) {
  size_t last = PIPELINE_NSTAGES;
  for (size_t i = 0; i < PIPELINE_NSTAGES; i++)
    if (!strcmp(pipeline_stages[i].name, stage)) last = i;
  if (last == PIPELINE_NSTAGES)
    return err_set(err, DYAD_EUSAGE, NULL, 0, 0, "unknown stage '%s'", stage);
  for (size_t i = 0; i <= last; i++) {
    int rc = pipeline_stages[i].run(doc, ctx, err);
    if (rc) return rc;
  }
  return 0;
}

int dyad_process(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err) {
  return dyad_process_until(doc, ctx, pipeline_stages[PIPELINE_NSTAGES - 1].name, err);
}
