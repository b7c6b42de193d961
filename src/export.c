/* export.c: writing coded records (dyad code) as JSON lines or CSV.
 *
 * Per article: one "doc" record, then its "event", "figure" and
 * "agreement" records in text order (formats in README.md).  Spans are
 * byte offsets into the original article.  Only reads the document.
 * CSV has one row per event with a fixed column list (EXPORT_CSV_HEADER).
 */
#include "actors.h"
#include "cameo.h"
#include "ctx.h"
#include "dates.h"
#include "dict.h"
#include "doc.h"
#include "json.h"
#include <string.h>

#define EXPORT_CSV_HEADER                                                                     \
  "doc,date,source_code,source_country,source_role,source_name,target_code,target_country," \
  "target_role,target_name,cameo,root,quad_class,goldstein,location,span_start,span_end,sentence," \
  "cluster\n"

const char *dyad_csv_header(void) { return EXPORT_CSV_HEADER; }

static void export_str(FILE *out, const char *s) {
  if (s) json_write_string(out, s, strlen(s));
  else fputs("null", out);
}

/* Original byte span of a text range. */

static const char *export_person(const dyad_ctx *ctx, const doc_actor *a) {
  if (a->person >= 0) return dict_entry_at(ctx->dict, (uint32_t)a->person)->name;
  return a->name;
}

/* An unsigned number, as %u writes it (fprintf is slow for so little). */
static void export_uint(FILE *out, unsigned v) {
  char buf[16];
  size_t i = sizeof buf;
  do {
    buf[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  fwrite(buf + i, 1, sizeof buf - i, out);
}

static void export_actor(FILE *out, const dyad_ctx *ctx, const doc_actor *a) {
  char code[32];
  fputs("{\"code\":\"", out);
  fputs(actors_code_of(ctx, a->state, a->role, code), out);
  fputs("\",\"country\":\"", out);
  fputs(a->state, out);
  fputs("\",\"role\":\"", out);
  fputs(dict_role_code(ctx->dict, a->role), out);
  fputs("\",\"name\":", out);
  export_str(out, export_person(ctx, a));
  fputc('}', out);
}

static void export_date(FILE *out, int32_t first, int32_t last) {
  if (first > last) {
    fputs("null", out);
    return;
  }
  char buf[32];
  putc('"', out);
  fputs(dates_format(first, last, buf), out);
  putc('"', out);
}

static void export_sentence(FILE *out, const dyad_doc *doc, uint32_t s) {
  const sentence *se = &doc->sents[s];
  uint32_t os, oe;
  doc_orig_span(doc, se->start, se->end, &os, &oe);
  fputs(",\"sentence\":", out);
  json_write_string(out, doc->text + se->start, se->end - se->start);
  fputs(",\"span\":[", out);
  export_uint(out, os);
  putc(',', out);
  export_uint(out, oe);
  putc(']', out);
}

/* The cluster id (merge.h) and the end of the record. */
static void export_cluster(FILE *out, uint32_t cluster) {
  if (cluster) fprintf(out, ",\"cluster\":%u}\n", cluster);
  else fputs(",\"cluster\":null}\n", out);
}

static void export_event(FILE *out, const dyad_doc *doc, const dyad_ctx *ctx, const event_rec *e) {
  const cameo_code *c = ctx->cameo ? cameo_find(ctx->cameo, e->cameo) : NULL;
  fputs("{\"record\":\"event\",\"doc\":", out);
  export_str(out, doc->id);
  fputs(",\"source\":", out);
  export_actor(out, ctx, &e->source);
  fputs(",\"target\":", out);
  export_actor(out, ctx, &e->target);
  fputs(",\"cameo\":\"", out);
  fputs(e->cameo, out);
  fputs("\",\"root\":\"", out);
  fwrite(e->cameo, 1, strnlen(e->cameo, 2), out);
  putc('"', out);
  if (c) fprintf(out, ",\"quad_class\":%d,\"goldstein\":%.1f", c->quad, c->goldstein);
  else fputs(",\"quad_class\":null,\"goldstein\":null", out);
  fputs(",\"date\":", out);
  export_date(out, e->first, e->last);
  fputs(",\"location\":", out);
  if (e->place >= 0) {
    const mention *m = &doc->mentions[e->place];
    const token *a = &doc->toks[m->tok_begin], *b = &doc->toks[m->tok_end - 1];
    fputs("{\"name\":", out);
    json_write_string(out, doc->text + a->start, b->end - a->start);
    fprintf(out, ",\"country\":\"%s\"}", m->state);
  } else {
    fputs("null", out);
  }
  const token *ta = &doc->toks[e->trig_begin], *tb = &doc->toks[e->trig_end - 1];
  fputs(",\"predicate\":", out);
  json_write_string(out, doc->text + ta->start, tb->end - ta->start);
  export_sentence(out, doc, e->sent);
  export_cluster(out, e->cluster);
}

static void export_figure(FILE *out, const dyad_doc *doc, const figure_rec *f) {
  fputs("{\"record\":\"figure\",\"doc\":", out);
  export_str(out, doc->id);
  fprintf(out, ",\"indicator\":\"%s\",\"parties\":[\"%s\",\"%s\"],\"period\":", f->indicator, f->party1, f->party2);
  export_date(out, f->first, f->last);
  fprintf(out, ",\"value\":%.17g,\"unit\":\"%s\",\"kind\":\"%s\",\"text\":", f->value, f->unit, f->kind);
  json_write_string(out, doc->text + f->start, f->end - f->start);
  export_sentence(out, doc, f->sent);
  export_cluster(out, f->cluster);
}

static void export_agreement(FILE *out, const dyad_doc *doc, const agreement_rec *a) {
  fputs("{\"record\":\"agreement\",\"doc\":", out);
  export_str(out, doc->id);
  fputs(",\"title\":", out);
  json_write_string(out, doc->text + a->start, a->end - a->start);
  fprintf(out, ",\"parties\":[\"%s\",\"%s\"],\"date\":", a->party1, a->party2);
  export_date(out, a->first, a->last);
  export_sentence(out, doc, a->sent);
  fputs("}\n", out);
}

int dyad_code_write(const dyad_doc *doc, const dyad_ctx *ctx, FILE *out, unsigned opts) {
  if (opts & DYAD_OPT_CSV) {
    for (size_t i = 0; i < doc->nevents; i++) {
      const event_rec *e = &doc->events[i];
      const cameo_code *c = ctx->cameo ? cameo_find(ctx->cameo, e->cameo) : NULL;
      char sc[32], tc[32], date[32] = "";
      if (e->first <= e->last) dates_format(e->first, e->last, date);
      const sentence *se = &doc->sents[e->sent];
      uint32_t os, oe;
      doc_orig_span(doc, se->start, se->end, &os, &oe);
      const char *sn = export_person(ctx, &e->source), *tn = export_person(ctx, &e->target);
      fprintf(out, "%s,%s,%s,%s,%s,\"%s\",%s,%s,%s,\"%s\",%s,%.2s,%d,%.1f,", doc->id, date,
              actors_code_of(ctx, e->source.state, e->source.role, sc), e->source.state,
              dict_role_code(ctx->dict, e->source.role), sn ? sn : "",
              actors_code_of(ctx, e->target.state, e->target.role, tc), e->target.state,
              dict_role_code(ctx->dict, e->target.role), tn ? tn : "", e->cameo, e->cameo,
              c ? c->quad : 0, c ? c->goldstein : 0.0);
      if (e->place >= 0) fputs(doc->mentions[e->place].state, out);
      fprintf(out, ",%u,%u,\"", os, oe);
      for (uint32_t k = se->start; k < se->end; k++) {
        char ch = doc->text[k];
        if (ch == '"') fputc('"', out);
        fputc(ch == '\n' ? ' ' : ch, out);
      }
      if (e->cluster) fprintf(out, "\",%u\n", e->cluster);
      else fputs("\",\n", out);
    }
    return ferror(out) ? DYAD_EIO : 0;
  }
  char date[16];
  dyad_date_format(doc->published, date);
  fputs("{\"record\":\"doc\",\"doc\":", out);
  export_str(out, doc->id);
  fputs(",\"published\":", out);
  if (date[0]) fprintf(out, "\"%s\"", date); else fputs("null", out);
  if (doc->url) {
    fputs(",\"url\":", out);
    export_str(out, doc->url);
  }
  if (doc->nactor_dates) {
    fputs(",\"dated_by_actors\":[", out);
    for (size_t i = 0; i < doc->nactor_dates; i++) {
      if (i) fputc(',', out);
      export_date(out, doc->actor_dates[i].first,
                  doc->actor_dates[i].last == DICT_OPEN_END ? doc->actor_dates[i].first : doc->actor_dates[i].last);
    }
    fputc(']', out);
  }
  fprintf(out, ",\"events\":%zu,\"figures\":%zu,\"agreements\":%zu}\n", doc->nevents, doc->nfigures,
          doc->nagreements);
  size_t i = 0, j = 0, k = 0;
  while (i < doc->nevents || j < doc->nfigures || k < doc->nagreements) {
    uint32_t si = i < doc->nevents ? doc->events[i].sent : UINT32_MAX;
    uint32_t sj = j < doc->nfigures ? doc->figures[j].sent : UINT32_MAX;
    uint32_t sk = k < doc->nagreements ? doc->agreements[k].sent : UINT32_MAX;
    if (si <= sj && si <= sk) export_event(out, doc, ctx, &doc->events[i++]);
    else if (sj <= sk) export_figure(out, doc, &doc->figures[j++]);
    else export_agreement(out, doc, &doc->agreements[k++]);
  }
  return ferror(out) ? DYAD_EIO : 0;
}
