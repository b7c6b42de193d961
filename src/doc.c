/* doc.c: creating and freeing documents, zone and kind names.
 *
 * dyad_doc_new copies the article's bytes, unchanged, into the document's
 * arena: output spans point into them.  Invalid UTF-8 and NUL bytes are
 * left for normalise, which repairs them in the text it derives.
 */
#include "doc.h"
#include "err.h"
#include <string.h>

static const char *const zone_names[ZONE__COUNT] = {
    "article", "header", "caption", "signature", "furniture", "appended"};

const char *zone_name(zone_kind k) {
  return (unsigned)k < ZONE__COUNT ? zone_names[k] : "?";
}

static const char *const tok_names[TOK__COUNT] = {"word", "num", "punct", "sym"};

const char *tok_kind_name(tok_kind k) {
  return (unsigned)k < TOK__COUNT ? tok_names[k] : "?";
}

dyad_doc *dyad_doc_new(const char *id, const char *path, const char *text,
                       size_t len, const dyad_date *published) {
  dyad_doc *doc = xcalloc(1, sizeof *doc);
  arena_init(&doc->mem);
  doc->id = arena_strndup(&doc->mem, id ? id : "", id ? strlen(id) : 0);
  doc->path = arena_strndup(&doc->mem, path ? path : "", path ? strlen(path) : 0);
  if (published) doc->published = *published;
  /* kept byte for byte, invalid UTF-8 and NUL included: spans point
     into these bytes; normalise repairs while keeping the offset map */
  doc->orig = arena_strndup(&doc->mem, text, len);
  doc->orig_len = len;
  return doc;
}

void dyad_doc_free(dyad_doc *doc) {
  if (!doc) return;
  arena_free(&doc->mem);
  free(doc);
}

const char *dyad_doc_id(const dyad_doc *doc) { return doc->id; }
dyad_date dyad_doc_published(const dyad_doc *doc) { return doc->published; }
size_t dyad_doc_size(const dyad_doc *doc) { return doc->orig_len; }

char *dyad_date_format(dyad_date d, char *buf) {
  if (d.year <= 0 || d.year > 9999) buf[0] = '\0';
  else if (d.month <= 0 || d.month > 12) snprintf(buf, 11, "%04d", d.year);
  else if (d.day <= 0 || d.day > 31) snprintf(buf, 11, "%04d-%02d", d.year, d.month);
  else snprintf(buf, 11, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

zone_kind doc_zone_at(const dyad_doc *doc, uint32_t off) {
  size_t lo = 0, hi = doc->nzones;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->zones[mid].end <= off) lo = mid + 1;
    else hi = mid;
  }
  if (lo < doc->nzones && doc->zones[lo].start <= off && off < doc->zones[lo].end)
    return (zone_kind)doc->zones[lo].kind;
  return ZONE_ARTICLE;
}

void doc_orig_span(const dyad_doc *doc, uint32_t s, uint32_t e, uint32_t *os, uint32_t *oe) {
  *os = doc_orig_off(doc, s);
  uint32_t k = e;
  while (k > s && k < doc->text_len && doc->omap[k] == doc->omap[k - 1]) k++;
  *oe = k < doc->text_len ? doc_orig_off(doc, k) : (uint32_t)doc->orig_len;
}
