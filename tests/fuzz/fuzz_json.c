/* fuzz_json.c: libFuzzer target for src/json.c.
 *
 * Parses the input as one JSONL article line with json_parse_article,
 * then checks json_write_string on every decoded member: the output must
 * be valid UTF-8, and when the member was valid UTF-8 with no NUL,
 * parsing {"text":<output>} back must give the member unchanged.
 * Seeds: tests/fuzz/corpus/fuzz_json/; crashes: tests/fuzz/regress/.
 */
#include "json.h"
#include "utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void fuzz_json_check(const char *s, size_t n) {
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);
  if (!f) return;
  if (json_write_string(f, s, n) != 0) abort();
  fclose(f);
  if (utf8_first_invalid(out, len) != len) abort();  /* NUL never written raw */
  if (utf8_valid_nonul(s, n)) {
    size_t ln = len + 16;
    char *line = malloc(ln);
    int m = snprintf(line, ln, "{\"text\":%s}", out);
    arena mem;
    arena_init(&mem);
    json_article a;
    if (json_parse_article(line, (size_t)m, &mem, &a, NULL) != 0) abort();
    if (!a.text || a.text_len != n || memcmp(a.text, s, n) != 0) abort();
    arena_free(&mem);
    free(line);
  }
  free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  arena mem;
  arena_init(&mem);
  json_article a;
  dyad_err err;
  memset(&err, 0, sizeof err);
  int rc = json_parse_article((const char *)data, size, &mem, &a, &err);
  if (rc == 0) {
    if (a.id) fuzz_json_check(a.id, a.id_len);
    if (a.text) fuzz_json_check(a.text, a.text_len);
    if (a.date) fuzz_json_check(a.date, a.date_len);
    if (a.url) fuzz_json_check(a.url, a.url_len);
  } else {
    if (rc != DYAD_EINPUT && rc != DYAD_ELIMIT) abort();
    if (err.col < 1 || (size_t)err.col > size + 1 || !err.message[0]) abort();
  }
  arena_free(&mem);
  return 0;
}
