/* fuzz_dict.c: libFuzzer target over the dictionary loader.  Each input
 * is written as a .tsv file and loaded, after a tiny built-in set (role
 * codes and three states, written once), then cross-checked with
 * dict_finish: any header, field count, code, date or name must give
 * problems, never a crash.  Seeds: tests/fuzz/corpus/fuzz_dict/. */
#include "dict.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char fuzz_dir[64];

static void fuzz_write(const char *name, const char *text) {
  char path[128];
  snprintf(path, sizeof path, "%s/%s", fuzz_dir, name);
  FILE *f = fopen(path, "w");
  if (!f) abort();
  fputs(text, f);
  fclose(f);
}

static void fuzz_ignore(void *user, const char *file, long line, const char *msg) {
  (void)user;
  (void)file;
  (void)line;
  (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!fuzz_dir[0]) {
    snprintf(fuzz_dir, sizeof fuzz_dir, "/tmp/dyad-fuzz-dict-%d", (int)getpid());
    if (mkdir(fuzz_dir, 0700) && access(fuzz_dir, W_OK)) abort();
    fuzz_write("role_codes.tsv", "code\tdescription\nGOV\tgovernment\nHOS\thead of state\nFRM\tforeign minister\n");
    fuzz_write("countries.tsv", "code\talpha2\tlang\tname\nKAZ\tKZ\ten\tKazakhstan\nVNM\tVN\tfr\tViêt Nam\nCIV\tCI\tfr\tCôte d'Ivoire\n");
  }
  char path[128];
  snprintf(path, sizeof path, "%s/input.tsv.in", fuzz_dir);
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  dict *d = dict_new();
  dict_load_builtin(d, fuzz_dir, fuzz_ignore, NULL);
  dict_load_file(d, path, 1, fuzz_ignore, NULL);
  dict_finish(d, fuzz_ignore, NULL);
  dict_free(d);
  unlink(path);
  return 0;
}
