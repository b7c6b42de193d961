/* inspect.c: writing what the pipeline sees of a document.
 *
 * dyad_inspect_write: per sentence, its zone, original byte span and
 * tokens with lemma(s) and part of speech; as text for people or, with
 * DYAD_OPT_JSON, as one JSON object per document (format in README).
 * dyad_dump_write: one stage's layer as stable line-oriented text, for
 * golden tests (tests/golden/).  Spans shown are ORIGINAL byte offsets.
 * Only reads the document; no stage is run here.
 */
#include "actors.h"
#include "ctx.h"
#include "dates.h"
#include "dict.h"
#include "doc.h"
#include "json.h"
#include <string.h>

void dyad_write_json_string(FILE *out, const char *s) { json_write_string(out, s, strlen(s)); }

static const char *inspect_kind_pos(const token *t) {
  switch (t->kind) {
  case TOK_NUMBER: return "NUM";
  case TOK_PUNCT: return "PUNCT";
  case TOK_SYMBOL: return "SYM";
  default: return "X";
  }
}


/* Days since 1970-01-01 as YYYY-MM-DD. */
static void inspect_day(int32_t z, char *buf) {
  int y, m, d;
  dates_civil(z, &y, &m, &d);
  snprintf(buf, 32, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
}

/* The periods the named leaders allow, "A/B or C/D", into buf. */
static void inspect_actor_dates(const dyad_doc *doc, char *buf, size_t n) {
  buf[0] = '\0';
  size_t l = 0;
  for (size_t i = 0; i < doc->nactor_dates && l + 40 < n; i++) {
    char a[32], b[32];
    inspect_day(doc->actor_dates[i].first, a);
    if (doc->actor_dates[i].last == DICT_OPEN_END) snprintf(b, sizeof b, "..");
    else inspect_day(doc->actor_dates[i].last, b);
    l += (size_t)snprintf(buf + l, n - l, "%s%s/%s", i ? " or " : "", a, b);
  }
}

static const char *inspect_person(const dyad_ctx *ctx, const mention *m) {
  if (m->person >= 0) return dict_entry_at(ctx->dict, (uint32_t)m->person)->name;
  return m->name;
}

static void inspect_text_mention(const dyad_doc *doc, const dyad_ctx *ctx, const mention *m, FILE *out) {
  uint32_t os, oe;
  const token *a = &doc->toks[m->tok_begin], *b = &doc->toks[m->tok_end - 1];
  doc_orig_span(doc, a->start, b->end, &os, &oe);
  char code[32];
  const char *who = inspect_person(ctx, m);
  fprintf(out, "  actor %u-%u %s%s%s%s%s [%s] %.*s\n", os, oe, m->state[0] ? actors_code(ctx, m, code) : "?",
          m->state2[0] ? "+" : "", m->state2, who ? " " : "", who ? who : "",
          mention_rule_name((mention_rule)m->rule), (int)(b->end - a->start), doc->text + a->start);
}

static void inspect_json_mention(const dyad_doc *doc, const dyad_ctx *ctx, const mention *m, FILE *out) {
  uint32_t os, oe;
  const token *a = &doc->toks[m->tok_begin], *b = &doc->toks[m->tok_end - 1];
  doc_orig_span(doc, a->start, b->end, &os, &oe);
  char code[32];
  fprintf(out, "{\"span\":[%u,%u],\"text\":", os, oe);
  json_write_string(out, doc->text + a->start, b->end - a->start);
  fprintf(out, ",\"code\":\"%s\",\"country\":\"%s\",\"role\":\"%s\"",
          m->state[0] ? actors_code(ctx, m, code) : "", m->state, dict_role_code(ctx->dict, m->role));
  if (m->state2[0]) fprintf(out, ",\"country2\":\"%s\"", m->state2);
  const char *who = inspect_person(ctx, m);
  fputs(",\"name\":", out);
  if (who) json_write_string(out, who, strlen(who)); else fputs("null", out);
  fprintf(out, ",\"rule\":\"%s\"}", mention_rule_name((mention_rule)m->rule));
}

static void inspect_text_tok(const dyad_doc *doc, const dyad_ctx *ctx, const token *t, FILE *out) {
  uint32_t os, oe;
  doc_orig_span(doc, t->start, t->end, &os, &oe);
  int w = (int)(t->end - t->start);
  fprintf(out, "  %6u-%-6u %.*s%s", os, oe, w, doc->text + t->start,
          (t->flags & TOKF_REPAIRED) ? " (repaired)" : "");
  fputs("\t", out);
  if (!t->nread) {
    fprintf(out, "%.*s/%s", w, doc->text + t->start, inspect_kind_pos(t));
  }
  for (unsigned i = 0; i < t->nread; i++) {
    lex_reading r;
    lexicon_reading(ctx->lex, t->read + i, &r);
    fprintf(out, "%s%.*s/%s", i ? " | " : "", (int)r.lemma_len, r.lemma, lex_pos_name(r.pos));
    if (r.tags_len) fprintf(out, " %.*s", (int)r.tags_len, r.tags);
  }
  fputc('\n', out);
}

static void inspect_json_reading(FILE *out, const lex_reading *r) {
  fputs("{\"lemma\":", out);
  json_write_string(out, r->lemma, r->lemma_len);
  fprintf(out, ",\"pos\":\"%s\",\"tags\":", lex_pos_name(r->pos));
  json_write_string(out, r->tags, r->tags_len);
  fputc('}', out);
}

static void inspect_json_tok(const dyad_doc *doc, const dyad_ctx *ctx, const token *t, FILE *out) {
  uint32_t os, oe;
  doc_orig_span(doc, t->start, t->end, &os, &oe);
  const char *form = doc->text + t->start;
  size_t n = t->end - t->start;
  fputs("{\"form\":", out);
  json_write_string(out, form, n);
  lex_reading r0;
  if (t->nread) {
    lexicon_reading(ctx->lex, t->read, &r0);
    fputs(",\"lemma\":", out);
    json_write_string(out, r0.lemma, r0.lemma_len);
    fprintf(out, ",\"pos\":\"%s\"", lex_pos_name(r0.pos));
  } else {
    fputs(",\"lemma\":", out);
    json_write_string(out, form, n);
    fprintf(out, ",\"pos\":\"%s\"", inspect_kind_pos(t));
  }
  fprintf(out, ",\"kind\":\"%s\",\"span\":[%u,%u]", tok_kind_name((tok_kind)t->kind), os, oe);
  if (t->flags & TOKF_REPAIRED) fputs(",\"repaired\":true", out);
  if (t->nread) {
    fputs(",\"readings\":[", out);
    for (unsigned i = 0; i < t->nread; i++) {
      lex_reading r;
      lexicon_reading(ctx->lex, t->read + i, &r);
      if (i) fputc(',', out);
      inspect_json_reading(out, &r);
    }
    fputc(']', out);
  }
  fputc('}', out);
}

int dyad_inspect_write(const dyad_doc *doc, const dyad_ctx *ctx, FILE *out, unsigned opts) {
  char date[16];
  dyad_date_format(doc->published, date);
  int json = (opts & DYAD_OPT_JSON) != 0;
  if (json) {
    fputs("{\"doc\":", out);
    json_write_string(out, doc->id, strlen(doc->id));
    fputs(",\"published\":", out);
    if (date[0]) fprintf(out, "\"%s\"", date); else fputs("null", out);
    if (doc->nactor_dates) {
      char dates[400];
      inspect_actor_dates(doc, dates, sizeof dates);
      fputs(",\"dated_by_actors\":", out);
      json_write_string(out, dates, strlen(dates));
    }
    fputs(",\"sentences\":[", out);
  } else {
    fprintf(out, "# %s  published %s%s%s%s  %zu bytes, %zu sentences, %zu tokens\n", doc->id,
            date[0] ? date : "unknown", doc->published_how ? " (" : "",
            doc->published_how ? doc->published_how : "", doc->published_how ? ")" : "",
            doc->orig_len, doc->nsents, doc->ntoks);
    if (doc->nactor_dates) {
      char dates[400];
      inspect_actor_dates(doc, dates, sizeof dates);
      fprintf(out, "# dated by the leaders it names: %s\n", dates);
    }
  }
  int firstsent = 1;
  for (size_t s = 0; s < doc->nsents; s++) {
    const sentence *se = &doc->sents[s];
    if (se->zone != ZONE_ARTICLE && !(opts & DYAD_OPT_ALLZONES)) continue;
    uint32_t os, oe;
    doc_orig_span(doc, se->start, se->end, &os, &oe);
    if (json) {
      fprintf(out, "%s{\"n\":%zu,\"zone\":\"%s\",\"span\":[%u,%u],\"text\":", firstsent ? "" : ",",
              s + 1, zone_name((zone_kind)se->zone), os, oe);
      json_write_string(out, doc->text + se->start, se->end - se->start);
      fputs(",\"tokens\":[", out);
      for (uint32_t t = se->tok_begin; t < se->tok_end; t++) {
        if (t > se->tok_begin) fputc(',', out);
        inspect_json_tok(doc, ctx, &doc->toks[t], out);
      }
      fputs("],\"actors\":[", out);
      int firstm = 1;
      for (size_t k = 0; k < doc->nmentions; k++)
        if (doc->mentions[k].sent == s) {
          if (!firstm) fputc(',', out);
          inspect_json_mention(doc, ctx, &doc->mentions[k], out);
          firstm = 0;
        }
      fputs("]}", out);
    } else {
      fprintf(out, "\n[%zu] %s %u-%u: %.*s\n", s + 1, zone_name((zone_kind)se->zone), os, oe,
              (int)(se->end - se->start), doc->text + se->start);
      for (uint32_t t = se->tok_begin; t < se->tok_end; t++) inspect_text_tok(doc, ctx, &doc->toks[t], out);
      for (size_t k = 0; k < doc->nmentions; k++)
        if (doc->mentions[k].sent == s) inspect_text_mention(doc, ctx, &doc->mentions[k], out);
    }
    firstsent = 0;
  }
  fputs(json ? "]}\n" : "\n", out);
  return ferror(out) ? DYAD_EIO : 0;
}

/* A text range as one escaped line: \n shown as \n. */
static void dump_quoted(FILE *out, const char *s, size_t n) {
  fputc('"', out);
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\n') fputs("\\n", out);
    else if (s[i] == '"' || s[i] == '\\') { fputc('\\', out); fputc(s[i], out); }
    else fputc(s[i], out);
  }
  fputc('"', out);
}

int dyad_dump_write(const dyad_doc *doc, const dyad_ctx *ctx, const char *stage, FILE *out) {
  if (!strcmp(stage, "normalise")) {
    /* one line of text per output line, prefixed with its orig offset */
    size_t ls = 0;
    for (size_t i = 0; i <= doc->text_len; i++) {
      if (i == doc->text_len || doc->text[i] == '\n') {
        if (i > ls || i < doc->text_len)
          fprintf(out, "%u\t%.*s\n", doc->omap[ls], (int)(i - ls), doc->text + ls);
        ls = i + 1;
      }
    }
  } else if (!strcmp(stage, "clean")) {
    for (size_t z = 0; z < doc->nzones; z++) {
      uint32_t os, oe;
      doc_orig_span(doc, doc->zones[z].start, doc->zones[z].end, &os, &oe);
      fprintf(out, "%s\t%u-%u\t", zone_name((zone_kind)doc->zones[z].kind), os, oe);
      dump_quoted(out, doc->text + doc->zones[z].start, doc->zones[z].end - doc->zones[z].start);
      fputc('\n', out);
    }
  } else if (!strcmp(stage, "segment")) {
    for (size_t s = 0; s < doc->nsents; s++) {
      const sentence *se = &doc->sents[s];
      fprintf(out, "%zu\t%s\t", s + 1, zone_name((zone_kind)se->zone));
      for (uint32_t t = se->tok_begin; t < se->tok_end; t++) {
        const token *tk = &doc->toks[t];
        fprintf(out, "%s%.*s", t > se->tok_begin ? " | " : "", (int)(tk->end - tk->start),
                doc->text + tk->start);
      }
      fputc('\n', out);
    }
  } else if (!strcmp(stage, "tag") || !strcmp(stage, "repair")) {
    for (size_t t = 0; t < doc->ntoks; t++) {
      const token *tk = &doc->toks[t];
      if (doc_zone_at(doc, tk->start) != ZONE_ARTICLE) continue;
      fprintf(out, "%.*s\t", (int)(tk->end - tk->start), doc->text + tk->start);
      if (!tk->nread) fputs(inspect_kind_pos(tk), out);
      for (unsigned i = 0; i < tk->nread; i++) {
        lex_reading r;
        lexicon_reading(ctx->lex, tk->read + i, &r);
        fprintf(out, "%s%.*s/%s", i ? " | " : "", (int)r.lemma_len, r.lemma, lex_pos_name(r.pos));
        if (r.tags_len) fprintf(out, " %.*s", (int)r.tags_len, r.tags);
      }
      fputc('\n', out);
    }
  } else if (!strcmp(stage, "code")) {
    for (size_t k = 0; k < doc->nevents; k++) {
      const event_rec *e = &doc->events[k];
      char sc[32], tc[32], date[32] = "-";
      if (e->first <= e->last) dates_format(e->first, e->last, date);
      const token *a = &doc->toks[e->trig_begin], *b = &doc->toks[e->trig_end - 1];
      fprintf(out, "%u\tevent\t%s\t%s>%s\t%s\t%.*s\n", e->sent + 1, e->cameo,
              actors_code_of(ctx, e->source.state, e->source.role, sc),
              actors_code_of(ctx, e->target.state, e->target.role, tc), date, (int)(b->end - a->start),
              doc->text + a->start);
    }
    for (size_t k = 0; k < doc->nfigures; k++) {
      const figure_rec *f = &doc->figures[k];
      char period[32] = "-";
      if (f->first <= f->last) dates_format(f->first, f->last, period);
      fprintf(out, "%u\tfigure\t%s\t%s+%s\t%s\t%.17g %s %s\n", f->sent + 1, f->indicator, f->party1,
              f->party2, period, f->value, f->unit, f->kind);
    }
    for (size_t k = 0; k < doc->nagreements; k++) {
      const agreement_rec *g = &doc->agreements[k];
      fprintf(out, "%u\tagreement\t%s+%s\t%.*s\n", g->sent + 1, g->party1, g->party2,
              (int)(g->end - g->start), doc->text + g->start);
    }
  } else if (!strcmp(stage, "actors")) {
    for (size_t k = 0; k < doc->nmentions; k++) {
      const mention *m = &doc->mentions[k];
      const token *a = &doc->toks[m->tok_begin], *b = &doc->toks[m->tok_end - 1];
      char code[32];
      const char *who = inspect_person(ctx, m);
      fprintf(out, "%u\t%s%s%s\t%s\t%s\t%.*s\n", m->sent + 1, m->state[0] ? actors_code(ctx, m, code) : "?",
              m->state2[0] ? "+" : "", m->state2, who ? who : "-", mention_rule_name((mention_rule)m->rule),
              (int)(b->end - a->start), doc->text + a->start);
    }
    if (doc->nactor_dates) {
      char dates[400];
      inspect_actor_dates(doc, dates, sizeof dates);
      fprintf(out, "dated by actors\t%s\n", dates);
    }
  } else {
    return DYAD_EUSAGE;
  }
  return ferror(out) ? DYAD_EIO : 0;
}
