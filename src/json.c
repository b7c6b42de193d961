/* json.c: a small strict JSON parser for JSONL article lines, and a JSON
 * string writer.
 *
 * Exports json_parse_article and json_write_string (see json.h).
 *
 * Input forms json_parse_article accepts (RFC 8259, strict):
 *   - a line holding exactly one object: optional white space (space, tab,
 *     CR, LF), '{', members separated by ',', '}', optional white space,
 *     end of line.  Nothing else may follow; trailing commas, comments,
 *     single quotes and bare words are errors.
 *   - members "key": value, where value is any JSON value: string, number
 *     (-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?), true, false, null,
 *     array or object, nested at most JSON_MAX_DEPTH deep (deeper is a
 *     DYAD_ELIMIT error, never a deep recursion).
 *   - kept members: "id" (a string, or a number whose text is kept as
 *     written), "text", "date" and "url" (strings).  null or any other type
 *     leaves the member absent; when a key repeats, the last one wins.
 *     Keys are compared after unescaping ("\u0074ext" is "text").
 *   - strings: any bytes but '"', '\\' and raw control characters
 *     (U+0000-U+001F, which are errors); bytes >= 0x80 are kept as they
 *     are, invalid UTF-8 included (ingest reports and normalise repairs
 *     it).  Escapes: \" \\ \/ \b \f \n \r \t and \uXXXX (hex digits in
 *     either case); a high surrogate escape followed by a low surrogate
 *     escape is one code point; a lone surrogate becomes U+FFFD; \u0000
 *     gives a NUL byte.
 * Errors carry the 1-based byte column of the offending byte (n + 1 at
 * end of line) and a message "expected X, found Y", where Y is 'c' for a
 * printable ASCII byte, "byte 0xNN" otherwise, or "end of line".
 *
 * json_write_string writes '"', the string, '"': '"' and '\\' are
 * backslash-escaped; \b \f \n \r \t use their short escapes and other
 * bytes below 0x20 \u00XX; valid UTF-8 (RFC 3629, see utf8.h) is copied
 * and every invalid byte becomes U+FFFD.
 */
#include "json.h"
#include "err.h"
#include "utf8.h"
#include <string.h>

typedef struct json_parser {
  const char *s;     /* the line */
  size_t n;          /* its length */
  size_t i;          /* current byte */
  arena *mem;        /* decoded strings go here */
  dyad_err *err;     /* may be NULL */
} json_parser;

/* Describe the byte at p->i for a message: 'c', byte 0xNN, end of line. */
static const char *json_found(const json_parser *p, char *buf, size_t n) {
  if (p->i >= p->n) return "end of line";
  unsigned char c = (unsigned char)p->s[p->i];
  if (c >= 0x20 && c < 0x7F) snprintf(buf, n, "'%c'", (char)c);
  else snprintf(buf, n, "byte 0x%02X", (unsigned)c);
  return buf;
}

/* Fail with "expected <what>, found <byte at p->i>". */
static int json_expected(json_parser *p, const char *what) {
  char buf[16];
  return err_set(p->err, DYAD_EINPUT, NULL, 0, (long)p->i + 1,
                 "expected %s, found %s", what, json_found(p, buf, sizeof buf));
}

static void json_ws(json_parser *p) {
  while (p->i < p->n) {
    char c = p->s[p->i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    p->i++;
  }
}

static int json_hex4(const char *s, size_t avail, unsigned *out) {
  if (avail < 4) return 0;
  unsigned v = 0;
  for (int k = 0; k < 4; k++) {
    char c = s[k];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
    else return 0;
  }
  *out = v;
  return 1;
}

/* Check the string starting at p->i (on its opening quote) and move past
 * it.  *raw_len receives the bytes between the quotes, *has_esc whether
 * any backslash occurs.  Escapes are checked here, so decoding cannot
 * fail afterwards. */
static int json_scan_string(json_parser *p, size_t *raw_len, int *has_esc) {
  size_t open = p->i;
  *has_esc = 0;
  p->i++;
  for (;;) {
    /* fast path: ordinary bytes */
    while (p->i < p->n) {
      unsigned char c = (unsigned char)p->s[p->i];
      if (c == '"' || c == '\\' || c < 0x20) break;
      p->i++;
    }
    if (p->i >= p->n)
      return err_set(p->err, DYAD_EINPUT, NULL, 0, (long)p->n + 1,
                     "unterminated string (opened at column %zu)", open + 1);
    unsigned char c = (unsigned char)p->s[p->i];
    if (c == '"') break;
    if (c < 0x20)
      return err_set(p->err, DYAD_EINPUT, NULL, 0, (long)p->i + 1,
                     "unescaped control character 0x%02X in string", (unsigned)c);
    /* backslash */
    *has_esc = 1;
    if (p->i + 1 >= p->n) {
      p->i++;
      return json_expected(p, "an escape after '\\'");
    }
    char e = p->s[p->i + 1];
    if (e == 'u') {
      unsigned v;
      if (!json_hex4(p->s + p->i + 2, p->n - (p->i + 2), &v))
        return err_set(p->err, DYAD_EINPUT, NULL, 0, (long)p->i + 1,
                       "bad \\u escape: expected 4 hex digits");
      p->i += 6;
    } else if (strchr("\"\\/bfnrt", e) && e != '\0') {
      p->i += 2;
    } else {
      p->i++;
      return json_expected(p, "one of \" \\ / b f n r t u after '\\'");
    }
  }
  *raw_len = p->i - open - 1;
  p->i++;  /* closing quote */
  return 0;
}

/* Decode the already-checked raw string body r[0, n) into out (room for n
 * + 1 bytes: decoding never grows); returns the decoded length. */
static size_t json_decode(const char *r, size_t n, char *out) {
  size_t i = 0, o = 0;
  while (i < n) {
    char c = r[i];
    if (c != '\\') { out[o++] = c; i++; continue; }
    char e = r[i + 1];
    i += 2;
    switch (e) {
    case 'b': out[o++] = '\b'; break;
    case 'f': out[o++] = '\f'; break;
    case 'n': out[o++] = '\n'; break;
    case 'r': out[o++] = '\r'; break;
    case 't': out[o++] = '\t'; break;
    case 'u': {
      unsigned v = 0, lo = 0;
      json_hex4(r + i, n - i, &v);
      i += 4;
      int32_t cp = (int32_t)v;
      if (v >= 0xD800 && v <= 0xDBFF) {
        if (i + 6 <= n && r[i] == '\\' && r[i + 1] == 'u' &&
            json_hex4(r + i + 2, n - i - 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + (int32_t)(((v - 0xD800) << 10) | (lo - 0xDC00));
          i += 6;
        } else {
          cp = 0xFFFD;
        }
      } else if (v >= 0xDC00 && v <= 0xDFFF) {
        cp = 0xFFFD;
      }
      o += (size_t)utf8_encode(cp, out + o);
      break;
    }
    default: out[o++] = e; break;  /* " \ / */
    }
  }
  out[o] = '\0';
  return o;
}

/* Parse a string; if keep, decode it into the arena. */
static int json_string(json_parser *p, int keep, const char **out, size_t *len) {
  size_t start = p->i + 1, raw;
  int esc;
  int rc = json_scan_string(p, &raw, &esc);
  if (rc) return rc;
  if (keep) {
    char *d = arena_alloc(p->mem, raw + 1);
    if (esc) *len = json_decode(p->s + start, raw, d);
    else {
      memcpy(d, p->s + start, raw);
      d[raw] = '\0';
      *len = raw;
    }
    *out = d;
  }
  return 0;
}

static int json_digits(json_parser *p) {
  size_t s = p->i;
  while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
  return p->i > s;
}

static int json_number(json_parser *p) {
  if (p->i < p->n && p->s[p->i] == '-') p->i++;
  if (p->i < p->n && p->s[p->i] == '0') p->i++;
  else if (!json_digits(p)) return json_expected(p, "a digit");
  if (p->i < p->n && p->s[p->i] == '.') {
    p->i++;
    if (!json_digits(p)) return json_expected(p, "a digit after '.'");
  }
  if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
    p->i++;
    if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-')) p->i++;
    if (!json_digits(p)) return json_expected(p, "a digit in the exponent");
  }
  return 0;
}

static int json_literal(json_parser *p, const char *word) {
  size_t k = strlen(word);
  if (p->n - p->i < k || memcmp(p->s + p->i, word, k) != 0)
    return json_expected(p, "a value");
  p->i += k;
  return 0;
}

/* Parse and discard any value; depth is the nesting of its container. */
static int json_skip(json_parser *p, int depth) {
  if (p->i >= p->n) return json_expected(p, "a value");
  char c = p->s[p->i];
  if (c == '"') return json_string(p, 0, NULL, NULL);
  if (c == '-' || (c >= '0' && c <= '9')) return json_number(p);
  if (c == 't') return json_literal(p, "true");
  if (c == 'f') return json_literal(p, "false");
  if (c == 'n') return json_literal(p, "null");
  if (c != '[' && c != '{') return json_expected(p, "a value");
  if (depth + 1 > JSON_MAX_DEPTH)
    return err_set(p->err, DYAD_ELIMIT, NULL, 0, (long)p->i + 1,
                   "nesting deeper than %d", JSON_MAX_DEPTH);
  char close = c == '[' ? ']' : '}';
  p->i++;
  json_ws(p);
  if (p->i < p->n && p->s[p->i] == close) { p->i++; return 0; }
  for (;;) {
    int rc;
    if (close == '}') {
      if (p->i >= p->n || p->s[p->i] != '"') return json_expected(p, "'\"' starting a key");
      if ((rc = json_string(p, 0, NULL, NULL))) return rc;
      json_ws(p);
      if (p->i >= p->n || p->s[p->i] != ':') return json_expected(p, "':'");
      p->i++;
      json_ws(p);
    }
    if ((rc = json_skip(p, depth + 1))) return rc;
    json_ws(p);
    if (p->i < p->n && p->s[p->i] == ',') { p->i++; json_ws(p); continue; }
    if (p->i < p->n && p->s[p->i] == close) { p->i++; return 0; }
    return json_expected(p, close == ']' ? "',' or ']'" : "',' or '}'");
  }
}

enum { JSON_K_OTHER, JSON_K_ID, JSON_K_TEXT, JSON_K_DATE, JSON_K_URL };

/* Parse a key and say which member it names. */
static int json_key(json_parser *p, int *which) {
  size_t start = p->i + 1, raw;
  int esc;
  int rc = json_scan_string(p, &raw, &esc);
  if (rc) return rc;
  const char *k = p->s + start;
  char buf[8];
  size_t klen = raw;
  if (esc) {
    if (raw >= 64) { *which = JSON_K_OTHER; return 0; }  /* too long to be ours */
    char tmp[64];
    klen = json_decode(k, raw, tmp);
    if (klen >= sizeof buf) { *which = JSON_K_OTHER; return 0; }
    memcpy(buf, tmp, klen);
    k = buf;
  }
  *which = JSON_K_OTHER;
  if (klen == 2 && memcmp(k, "id", 2) == 0) *which = JSON_K_ID;
  else if (klen == 4 && memcmp(k, "text", 4) == 0) *which = JSON_K_TEXT;
  else if (klen == 4 && memcmp(k, "date", 4) == 0) *which = JSON_K_DATE;
  else if (klen == 3 && memcmp(k, "url", 3) == 0) *which = JSON_K_URL;
  return 0;
}

/* The value of a kept member: strings are decoded, an id number kept as
 * written, null and other types leave the member absent. */
static int json_member(json_parser *p, int which, const char **v, size_t *len) {
  if (p->i < p->n && p->s[p->i] == '"') return json_string(p, 1, v, len);
  size_t start = p->i;
  int rc = json_skip(p, 1);
  if (rc) return rc;
  char c = p->s[start];
  if (which == JSON_K_ID && (c == '-' || (c >= '0' && c <= '9'))) {
    *len = p->i - start;
    *v = arena_strndup(p->mem, p->s + start, *len);
  } else {
    *v = NULL;
    *len = 0;
  }
  return 0;
}

int json_parse_article(const char *s, size_t n, arena *mem, json_article *out,
                       dyad_err *err) {
  json_parser p = {s, n, 0, mem, err};
  memset(out, 0, sizeof *out);
  json_ws(&p);
  if (p.i >= p.n || s[p.i] != '{') return json_expected(&p, "'{'");
  p.i++;
  json_ws(&p);
  if (p.i < p.n && s[p.i] == '}') p.i++;
  else {
    for (;;) {
      int which, rc;
      if (p.i >= p.n || s[p.i] != '"') return json_expected(&p, "'\"' starting a key");
      if ((rc = json_key(&p, &which))) return rc;
      json_ws(&p);
      if (p.i >= p.n || s[p.i] != ':') return json_expected(&p, "':'");
      p.i++;
      json_ws(&p);
      switch (which) {
      case JSON_K_ID: rc = json_member(&p, which, &out->id, &out->id_len); break;
      case JSON_K_TEXT: rc = json_member(&p, which, &out->text, &out->text_len); break;
      case JSON_K_DATE: rc = json_member(&p, which, &out->date, &out->date_len); break;
      case JSON_K_URL: rc = json_member(&p, which, &out->url, &out->url_len); break;
      default: rc = json_skip(&p, 1); break;
      }
      if (rc) return rc;
      json_ws(&p);
      if (p.i < p.n && s[p.i] == ',') { p.i++; json_ws(&p); continue; }
      if (p.i < p.n && s[p.i] == '}') { p.i++; break; }
      return json_expected(&p, "',' or '}'");
    }
  }
  json_ws(&p);
  if (p.i < p.n) return json_expected(&p, "end of line after the object");
  return 0;
}

int json_write_string(FILE *f, const char *s, size_t n) {
  size_t i = 0, run = 0;  /* s[run, i) is copied as is */
  putc('"', f);
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') { i++; continue; }
    int32_t cp;
    int l = c >= 0x80 ? utf8_decode(s + i, n - i, &cp) : 0;
    if (l > 0) { i += (size_t)l; continue; }
    if (i > run) fwrite(s + run, 1, i - run, f);
    switch (c) {
    case '"': fputs("\\\"", f); break;
    case '\\': fputs("\\\\", f); break;
    case '\b': fputs("\\b", f); break;
    case '\f': fputs("\\f", f); break;
    case '\n': fputs("\\n", f); break;
    case '\r': fputs("\\r", f); break;
    case '\t': fputs("\\t", f); break;
    default:
      if (c < 0x20) fprintf(f, "\\u%04x", (unsigned)c);
      else fputs("\xEF\xBF\xBD", f);  /* invalid UTF-8 byte */
      break;
    }
    i++;
    run = i;
  }
  if (i > run) fwrite(s + run, 1, i - run, f);
  putc('"', f);
  return ferror(f) ? DYAD_EIO : 0;
}
