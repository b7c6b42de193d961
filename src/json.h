/* json.h: the JSON subset dyad reads (one JSONL article line) and writes
 * (quoted strings).
 *
 * json_parse_article parses one line holding one JSON object and keeps
 * its "id", "text", "date" and "url" members; every other member is
 * checked for syntax and skipped.  json_write_string writes a JSON string
 * literal for later stages' JSON output.  See json.c for every form
 * accepted.
 */
#ifndef DYAD_JSON_H
#define DYAD_JSON_H
#include "arena.h"
#include "dyad.h"
#include <stddef.h>
#include <stdio.h>

/* Arrays and objects nested deeper than this are rejected (DYAD_ELIMIT);
 * the article object itself is depth 1. */
#define JSON_MAX_DEPTH 64

/* The members of an article line.  Each string is decoded (escapes
 * resolved), NUL-terminated, and owned by the arena passed to
 * json_parse_article; NULL when the member is absent, null or of another
 * type.  Decoded strings may hold NUL bytes (from \u0000) and the invalid
 * UTF-8 the line held: use the lengths. */
typedef struct json_article {
  const char *id;     /* "id" string, or the text of an "id" number */
  size_t id_len;
  const char *text;   /* "text" string */
  size_t text_len;
  const char *date;   /* "date" string, as written */
  size_t date_len;
  const char *url;    /* "url" string */
  size_t url_len;
} json_article;

/* Parse s[0, n) (one line, without its newline) as one JSON object.
 * Returns 0 with out filled; DYAD_EINPUT on a syntax error or
 * DYAD_ELIMIT on nesting deeper than JSON_MAX_DEPTH, with err (may be
 * NULL) holding the code, the 1-based byte column in col and a message
 * such as "expected ',' or '}', found 'x'" (path and line left empty).
 * Decoded strings are allocated in mem, also on failure. */
int json_parse_article(const char *s, size_t n, arena *mem,
                       json_article *out /* out */, dyad_err *err /* out */);

/* Write s[0, n) to f as a JSON string literal, quotes included: '"',
 * '\\' and control characters are escaped, valid UTF-8 is copied, each
 * invalid byte becomes U+FFFD, so the output is always valid UTF-8 JSON.
 * Returns 0, or DYAD_EIO if f reports a write error. */
int json_write_string(FILE *f, const char *s, size_t n);

#endif
