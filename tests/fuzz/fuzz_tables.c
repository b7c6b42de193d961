/* fuzz_tables.c: libFuzzer target over the loaders of the CAMEO table
 * (cameo.c) and the predicate dictionary (verbs.c).  The input is written
 * to a file and loaded by both: any header, field, code or pattern must
 * give counted problems, never a crash.  Seeds: tests/fuzz/corpus/fuzz_tables/. */
#include "cameo.h"
#include "verbs.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void fuzz_ignore(void *user, const char *file, long line, const char *msg) {
  (void)user;
  (void)file;
  (void)line;
  (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/dyad-fuzz-tables-%d.tsv", (int)getpid());
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  int problems = 0;
  cameo_table *c = cameo_load(path, fuzz_ignore, NULL, &problems);
  if (c) {
    for (size_t i = 0; i < cameo_count(c); i++)
      if (cameo_find(c, cameo_at(c, i)->code) != cameo_at(c, i)) abort();
  }
  cameo_free(c);
  verbs_table *v = verbs_load(path, fuzz_ignore, NULL, &problems);
  if (v)
    for (size_t i = 0; i < verbs_count(v); i++)
      if (verbs_at(v, (uint32_t)i)->nitems == 0) abort();
  verbs_free(v);
  unlink(path);
  return 0;
}
