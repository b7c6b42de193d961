/* actors.c: the actors stage, see actors.h for the rules. */
#include "actors.h"
#include "dict.h"
#include "err.h"
#include "utf8.h"
#include <stdlib.h>
#include <utf8proc.h>
#include <string.h>

#define ACTORS_FOLD_MAX 128   /* folded bytes kept per token */
#define ACTORS_NAME_TOKS 4    /* capitalised tokens taken as an unknown name */
#define ACTORS_LOOK_BACK 64   /* mentions searched back for a pronoun's or a
                                 counterpart's reference (keeps it linear) */

static const char *const rule_names[RULE__COUNT] = {
    "person", "role+person", "role+state", "role+name", "counterpart", "pair",
    "pronoun", "country", "capital", "org", "demonym"};

const char *mention_rule_name(mention_rule r) {
  return (unsigned)r < RULE__COUNT ? rule_names[r] : "?";
}

/* A dictionary match in a sentence, sorted out by kind. */
typedef struct raw {
  uint32_t begin, end;       /* tokens, doc-wide */
  int role;                  /* role number of a DK_ROLE entry, -1 if none */
  const char *state;         /* state of a country, capital, demonym, org entry, or NULL */
  const char *state2;        /* second state of a compound adjective */
  dict_kind state_kind;      /* kind that gave state */
  const uint32_t *persons;   /* the phrase's values (persons among them) */
  size_t nvals;
  int has_person;
} raw;

typedef struct actors_run_state {
  dyad_doc *doc;
  const dyad_ctx *ctx;
  const dict *d;
  char *fbuf;                    /* owned scratch: folded forms of the sentence */
  size_t fcap;
  uint32_t *foff;                /* owned scratch: offset of each token's folded form */
  uint32_t *ids;                 /* owned scratch: matcher token ids */
  raw *raws;                     /* owned scratch: the sentence's matches */
  size_t tcap;                   /* tokens the scratch arrays hold */
  uint32_t base;                 /* first token of the sentence */
  int32_t day0, day1;            /* the article's date as a period; day0 > day1 if unknown */
  int gov, min, hum_default;     /* role numbers of GOV, MIN, CVL */
  mention *m;                    /* mentions, growing in the arena */
  size_t nm, cap;
} actors_run_state;

/* The folded form of token t (NUL-terminated, in the sentence scratch). */
static const char *actors_fold(const actors_run_state *st, uint32_t t) {
  return st->fbuf + st->foff[t - st->base];
}

/* 1 if the folded form f is w (most forms differ in their first byte). */
static int actors_eq(const char *f, const char *w) {
  return f[0] == w[0] && !strcmp(f, w);
}

static int actors_is(const actors_run_state *st, uint32_t t, const char *w) {
  return actors_eq(actors_fold(st, t), w);
}

/* The match starting at token t, or NULL (raws are sorted by begin). */
static raw *actors_raw_at(raw *raws, size_t nr, uint32_t t) {
  size_t lo = 0, hi = nr;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (raws[mid].begin < t) lo = mid + 1;
    else hi = mid;
  }
  return lo < nr && raws[lo].begin == t ? &raws[lo] : NULL;
}

/* 1 if the state (or organisation) codes a and b are equal: most differ
 * in their first letter, and are told apart without a call. */
static int actors_same_code(const char *a, const char *b) {
  return a[0] == b[0] && !strcmp(a, b);
}

static int actors_role(const dict *d, const char *code) {
  int r = dict_role_find(d, code);
  return r < 0 ? 0 : r;
}

char *actors_code(const dyad_ctx *ctx, const mention *m, char *buf) {
  return actors_code_of(ctx, m->state, m->role, buf);
}

/* Copy the code src into dst (DOC_CODE_MAX bytes), cut as snprintf would
 * cut it. */
static void actors_set_code(char *dst, const char *src) {
  size_t l = strlen(src);
  if (l > DOC_CODE_MAX - 1) l = DOC_CODE_MAX - 1;
  memmove(dst, src, l);
  dst[l] = 0;
}

/* Append s to buf (32 bytes, *len used), cut as snprintf(buf, 32, ...)
 * would cut it. */
static void actors_cat(char *buf, size_t *len, const char *s) {
  size_t l = strlen(s);
  if (l > 31 - *len) l = 31 - *len;
  memcpy(buf + *len, s, l);
  *len += l;
  buf[*len] = 0;
}

char *actors_code_of(const dyad_ctx *ctx, const char *state, unsigned role_no, char *buf) {
  const char *role = dict_role_code(ctx->dict, role_no);
  /* an organisation acting for itself is named by its code alone */
  int is_state = strlen(state) == 3 && strcmp(role, "IGO");
  size_t len = 0;
  buf[0] = 0;
  actors_cat(buf, &len, state);
  if (!is_state) return buf;
  if (!strcmp(role, "GOV")) {
    actors_cat(buf, &len, "GOV");
  } else if (!strcmp(role, "HOS") || !strcmp(role, "HOG") || !strcmp(role, "FRM") ||
             !strcmp(role, "MIN") || !strcmp(role, "DIP")) {
    actors_cat(buf, &len, "GOV");
    actors_cat(buf, &len, role);
  } else {
    actors_cat(buf, &len, role);
  }
  return buf;
}

static mention *actors_push(actors_run_state *st, uint32_t b, uint32_t e, uint32_t sent,
                            mention_rule rule) {
  if (st->nm == st->cap) {
    size_t cap = st->cap ? 2 * st->cap : 16;
    st->m = arena_grow(&st->doc->mem, st->m, st->nm, cap, sizeof *st->m);
    st->cap = cap;
  }
  mention *m = &st->m[st->nm++];
  memset(m, 0, sizeof *m);
  m->tok_begin = b;
  m->tok_end = e;
  m->sent = sent;
  m->rule = (uint8_t)rule;
  m->person = -1;
  m->role = (uint8_t)st->gov;
  return m;
}

/* The person entry among vals that fits the date (and the state and role
 * when given); -1 if none.  Without a date, the first. */
static int32_t actors_pick_person(const actors_run_state *st, const uint32_t *vals, size_t n,
                                  const char *state, int role) {
  int32_t any = -1, best = -1;
  int best_score = -1;
  for (size_t i = 0; i < n; i++) {
    const dict_entry *e = dict_entry_at(st->d, vals[i]);
    if (e->kind != DK_PERSON) continue;
    if (any < 0) any = (int32_t)vals[i];
    int score = 0;
    if (st->day0 <= st->day1) score += (e->start <= st->day1 && st->day0 <= e->end) ? 4 : 0;
    if (state && actors_same_code(e->state, state)) score += 2;
    if (role >= 0 && e->role == role) score += 1;
    if (score > best_score) {
      best_score = score;
      best = (int32_t)vals[i];
    }
  }
  return best >= 0 ? best : any;
}

/* Sort a match's values: role, state, persons. */
static void actors_classify(const actors_run_state *st, raw *r, const uint32_t *vals, size_t n) {
  int user = 0;
  for (size_t i = 0; i < n; i++) user |= dict_entry_at(st->d, vals[i])->prio;
  r->role = -1;
  r->state = r->state2 = NULL;
  r->has_person = 0;
  r->persons = vals;
  r->nvals = n;
  int rank = 99;
  static const int kind_rank[DK__COUNT] = {1, 2, 3, 0, 9, 9}; /* org, country, capital, demonym */
  for (size_t i = 0; i < n; i++) {
    const dict_entry *e = dict_entry_at(st->d, vals[i]);
    if (user && !e->prio) continue;
    if (e->kind == DK_ROLE) { if (r->role < 0) r->role = e->role; }
    else if (e->kind == DK_PERSON) r->has_person = 1;
    else if (kind_rank[e->kind] < rank) {
      rank = kind_rank[e->kind];
      r->state = e->state;
      r->state_kind = (dict_kind)e->kind;
    }
  }
}

/* 1 if token t has an upper-case letter anywhere ("al-Sissi"). */
static int actors_has_upper(const dyad_doc *doc, uint32_t t) {
  const token *k = &doc->toks[t];
  if (k->flags & TOKF_UPPER) return 1;
  for (uint32_t i = k->start; i < k->end;) {
    int32_t cp;
    int l = utf8_decode(doc->text + i, k->end - i, &cp);
    if (l <= 0) return 0;
    if (utf8proc_isupper(cp)) return 1;
    i += (uint32_t)l;
  }
  return 0;
}

/* A compound adjective "ivoiro-libanaise": prefixes then a demonym. */
static int actors_compound(const actors_run_state *st, uint32_t t, raw *r) {
  const char *f = actors_fold(st, t);
  const char *dash = strrchr(f, '-');
  if (!dash || dash == f || !dash[1]) return 0;
  uint32_t id = matcher_token_id(dict_matcher(st->d), dash + 1, strlen(dash + 1));
  const uint32_t *vals;
  size_t nv;
  if (!id || matcher_longest(dict_matcher(st->d), &id, 1, &vals, &nv) != 1) return 0;
  const char *last = NULL;
  for (size_t i = 0; i < nv; i++) {
    const dict_entry *e = dict_entry_at(st->d, vals[i]);
    if (e->kind == DK_DEMONYM) { last = e->state; break; }
  }
  const char *first_dash = strchr(f, '-');
  const char *first = last ? dict_prefix_state(st->d, f, (size_t)(first_dash - f)) : NULL;
  if (!first) return 0;
  memset(r, 0, sizeof *r);
  r->begin = t;
  r->end = t + 1;
  r->role = -1;
  r->state = first;
  r->state2 = last;
  r->state_kind = DK_DEMONYM;
  return 1;
}

/* Capitalised word tokens from t that no dictionary match covers: an
 * unknown name; returns its end. */
static uint32_t actors_name_end(const actors_run_state *st, const raw *raws, size_t nr, uint32_t t,
                                uint32_t end) {
  uint32_t e = t;
  size_t r = 0;
  while (e < end && e - t < ACTORS_NAME_TOKS) {
    const token *k = &st->doc->toks[e];
    if (k->kind != TOK_WORD || !(k->flags & TOKF_UPPER)) break;
    while (r < nr && raws[r].end <= e) r++;
    if (r < nr && raws[r].begin <= e) break;
    e++;
  }
  return e;
}

static int actors_is_prep_de(const actors_run_state *st, uint32_t t) {
  return actors_is(st, t, "de") || actors_is(st, t, "du") || actors_is(st, t, "des") ||
         actors_is(st, t, "d'");
}

/* Nouns after "les deux" that name the two sides without a role
 * ("les deux hommes"), and meetings "leur" attributes to the pair. */
static const char *const actors_pair_nouns[] = {"hommes", "cotes", "camps", "capitales", "nations",
                                                "voisins", "allies", "partenaires", "homologues", NULL};
static const char *const actors_meeting_nouns[] = {"entretien", "entretiens", "rencontre", "tete-a-tete",
                                                   "entrevue", "echanges", "discussions", NULL};

static int actors_is_any(const actors_run_state *st, uint32_t t, const char *const *ws) {
  for (; *ws; ws++)
    if (actors_is(st, t, *ws)) return 1;
  return 0;
}

static void actors_sentence(actors_run_state *st, uint32_t si) {
  dyad_doc *doc = st->doc;
  const sentence *se = &doc->sents[si];
  uint32_t b = se->tok_begin, end = se->tok_end, n = end - b;
  if (n == 0) return;
  st->base = b;
  if (n > st->tcap) {
    st->tcap = n;
    st->foff = xrealloc(st->foff, n * sizeof *st->foff);
    st->ids = xrealloc(st->ids, n * sizeof *st->ids);
    st->raws = xrealloc(st->raws, n * sizeof *st->raws);
  }
  const matcher *mt = dict_matcher(st->d);
  size_t fl = 0;
  for (uint32_t i = 0; i < n; i++) {
    const token *k = &doc->toks[b + i];
    size_t w = k->end - k->start;
    if (w > ACTORS_FOLD_MAX - 1) w = 0; /* too long to be a dictionary word */
    if (fl + 4 * w + 8 > st->fcap) {
      st->fcap = 2 * (fl + 4 * w + 8);
      st->fbuf = xrealloc(st->fbuf, st->fcap);
    }
    size_t len = w ? utf8_fold(doc->text + k->start, w, st->fbuf + fl, 4 * w + 4) : 0;
    st->fbuf[fl + len] = '\0';
    st->foff[i] = (uint32_t)fl;
    st->ids[i] = len && k->kind != TOK_PUNCT ? matcher_token_id(mt, st->fbuf + fl, len) : 0;
    fl += len + 1;
  }
  /* dictionary matches */
  raw *raws = st->raws;
  size_t nr = 0;
  for (uint32_t i = 0; i < n;) {
    const uint32_t *vals;
    size_t nv;
    size_t len = matcher_longest(mt, st->ids + i, n - i, &vals, &nv);
    if (len) {
      raw *r = &raws[nr];
      r->begin = b + i;
      r->end = b + i + (uint32_t)len;
      actors_classify(st, r, vals, nv);
      /* names of states, places, organisations and people are written
         with a capital ("roi Felipe", "von der Leyen"): "la réunion" is
         not La Réunion */
      int capital = 0;
      for (uint32_t k = 0; k < len && !capital; k++) capital = actors_has_upper(doc, b + i + k);
      if ((r->has_person || (r->state && r->state_kind != DK_DEMONYM)) && !capital && r->role < 0) {
        i++;
        continue;
      }
      nr++;
      i += (uint32_t)len;
    } else {
      if (actors_compound(st, b + i, &raws[nr])) nr++;
      i++;
    }
  }
  /* mentions */
  size_t first_m = st->nm;
  for (size_t r = 0; r < nr; r++) {
    raw *x = &raws[r];
    if (x->role >= 0 && !x->has_person && !x->state) {
      /* a role group: roles, nationality or "de" + state, then a person or a name */
      int role = x->role;
      unsigned roles_seen = 1u << (x->role & 31);
      const char *state = NULL;
      int32_t person = -1;
      uint32_t pos = x->end, name_begin = 0, name_end = 0;
      size_t q = r + 1;
      for (;;) {
        if (q < nr && raws[q].begin == pos && raws[q].state && raws[q].state_kind == DK_DEMONYM &&
            raws[q].role < 0 && !state) {
          state = raws[q].state;
          pos = raws[q].end;
          q++;
          /* "le ministre ivoirien des Affaires étrangères": the role goes on
             after the nationality */
          uint32_t rl = x->end - x->begin;
          if (rl + (end - pos) <= 32) {
            uint32_t ids[32];
            memcpy(ids, st->ids + (x->begin - b), rl * sizeof *ids);
            memcpy(ids + rl, st->ids + (pos - b), (end - pos) * sizeof *ids);
            const uint32_t *vals;
            size_t nv, len = matcher_longest(dict_matcher(st->d), ids, rl + (end - pos), &vals, &nv);
            if (len > rl) {
              raw longer;
              actors_classify(st, &longer, vals, nv);
              if (longer.role >= 0) {
                role = longer.role;
                roles_seen |= 1u << (role & 31);
                pos += (uint32_t)len - rl;
                while (q < nr && raws[q].begin < pos) q++;
              }
            }
          }
          continue;
        }
        uint32_t p2 = pos;
        if (p2 < end && actors_is_prep_de(st, p2)) {
          p2++;
          if (p2 < end && (actors_is(st, p2, "la") || actors_is(st, p2, "l'"))) p2++;
          if (q < nr && raws[q].begin == p2 && raws[q].state && raws[q].role < 0 && !state &&
              raws[q].state_kind != DK_DEMONYM) {
            state = raws[q].state;
            pos = raws[q].end;
            q++;
            continue;
          }
        }
        if (pos + 1 < end && actors_is(st, pos, "et") && q < nr && raws[q].begin == pos + 1 &&
            raws[q].role >= 0 && !raws[q].has_person) {
          role = raws[q].role;
          roles_seen |= 1u << (role & 31);
          pos = raws[q].end;
          q++;
          continue;
        }
        p2 = pos < end && actors_is(st, pos, ",") ? pos + 1 : pos;
        if (q < nr && raws[q].begin == p2 && raws[q].has_person) {
          person = actors_pick_person(st, raws[q].persons, raws[q].nvals, state, role);
          pos = raws[q].end;
          q++;
        } else if (state || role != st->gov) {
          name_begin = p2;
          name_end = actors_name_end(st, raws, nr, p2, end);
          if (name_end > p2 && state) pos = name_end;
          else name_end = 0;
        }
        break;
      }
      if (person >= 0) {
        const dict_entry *e = dict_entry_at(st->d, (uint32_t)person);
        mention *m = actors_push(st, x->begin, pos, si, RULE_ROLE_PERSON);
        actors_set_code(m->state, e->state);
        /* the dictionary knows the post better than a generic "ministre" */
        int generic = role == st->gov || role == st->min;
        m->role = (uint8_t)((roles_seen >> (e->role & 31) & 1) || generic ? e->role : role);
        m->person = person;
      } else if (state) {
        mention *m = actors_push(st, x->begin, pos, si, name_end ? RULE_ROLE_NAME : RULE_ROLE_STATE);
        actors_set_code(m->state, state);
        m->role = (uint8_t)role;
        if (name_end) {
          uint32_t ns = doc->toks[name_begin].start, ne = doc->toks[name_end - 1].end;
          m->name = arena_strndup(&doc->mem, doc->text + ns, ne - ns);
        }
        if (!name_end && st->day0 <= st->day1) {
          const dict_entry *h = dict_holder(st->d, state, (unsigned)role, st->day0 + (st->day1 - st->day0) / 2);
          if (h) m->person = (int32_t)(h - dict_entry_at(st->d, 0));
        }
      }
      r = q - 1;
      continue;
    }
    if (x->has_person) {
      int32_t p = actors_pick_person(st, x->persons, x->nvals, NULL, -1);
      if (p >= 0) {
        const dict_entry *e = dict_entry_at(st->d, (uint32_t)p);
        mention *m = actors_push(st, x->begin, x->end, si, RULE_PERSON);
        actors_set_code(m->state, e->state);
        m->role = e->role;
        m->person = p;
      }
      continue;
    }
    if (!x->state) continue;
    if (x->state_kind == DK_DEMONYM) {
      /* a nationality alone: people ("les Ivoiriens") or a compound adjective */
      const token *k = &doc->toks[x->begin];
      if (!x->state2 && !(k->flags & TOKF_UPPER)) continue;
      mention *m = actors_push(st, x->begin, x->end, si, RULE_DEMONYM);
      actors_set_code(m->state, x->state);
      if (x->state2) actors_set_code(m->state2, x->state2);
      else m->role = (uint8_t)st->hum_default;
      continue;
    }
    mention_rule rule = x->state_kind == DK_ORG ? RULE_ORG
                        : x->state_kind == DK_CAPITAL ? RULE_CAPITAL : RULE_COUNTRY;
    mention *m = actors_push(st, x->begin, x->end, si, rule);
    actors_set_code(m->state, x->state);
    if (rule == RULE_ORG) {
      /* a state's company or body acts for the state; an organisation for itself */
      for (size_t i = 0; i < x->nvals; i++) {
        const dict_entry *e = dict_entry_at(st->d, x->persons[i]);
        if (e->kind == DK_ORG && strcmp(e->state, e->code)) {
          m->role = (uint8_t)actors_role(st->d, "BUS");
          break;
        }
        if (e->kind == DK_ORG) m->role = (uint8_t)actors_role(st->d, "IGO");
      }
    }
  }
  /* counterparts, pairs and pronouns (their states are settled later) */
  for (uint32_t t = b; t < end; t++) {
    const char *f = actors_fold(st, t);
    if (actors_eq(f, "homologue") || actors_eq(f, "homologues")) {
      uint32_t e = t + 1;
      const char *state = NULL;
      int32_t person = -1;
      raw *x = actors_raw_at(raws, nr, e);
      if (x && x->state && x->state_kind == DK_DEMONYM) {
        state = x->state;
        e = x->end;
        raw *y = actors_raw_at(raws, nr, e);
        if (y && y->has_person) {
          person = actors_pick_person(st, y->persons, y->nvals, state, -1);
          e = y->end;
        }
      } else if (x && x->has_person) {
        person = actors_pick_person(st, x->persons, x->nvals, NULL, -1);
        e = x->end;
      }
      /* a person mention already made for the same tokens is replaced
         (mentions are made in text order: look back from the end) */
      for (size_t i = st->nm; i-- > first_m && st->m[i].tok_end > t;)
        if (st->m[i].tok_begin >= t && st->m[i].tok_end <= e) st->m[i].rule = RULE__COUNT;
      mention *m = actors_push(st, t, e, si, RULE_COUNTERPART);
      if (person >= 0) {
        const dict_entry *pe = dict_entry_at(st->d, (uint32_t)person);
        actors_set_code(m->state, pe->state);
        m->role = pe->role;
        m->person = person;
      } else if (state) {
        actors_set_code(m->state, state);
      }
      continue;
    }
    if (actors_eq(f, "deux") && t > b && (actors_is(st, t - 1, "les") || actors_is(st, t - 1, "des") ||
                                        actors_is(st, t - 1, "aux"))) {
      raw *x = actors_raw_at(raws, nr, t + 1);
      if (x && x->role >= 0 && !x->state) {
        mention *m = actors_push(st, t - 1, x->end, si, RULE_PAIR);
        m->role = (uint8_t)x->role;
      } else if (!x && t + 1 < end && actors_is_any(st, t + 1, actors_pair_nouns)) {
        /* "les deux hommes", "les deux capitales" */
        mention *m = actors_push(st, t - 1, t + 2, si, RULE_PAIR);
        m->role = (uint8_t)st->gov;
      }
      continue;
    }
    /* "leur entretien", "leurs échanges": the meeting of the pair */
    if ((actors_eq(f, "leur") || actors_eq(f, "leurs")) && t + 1 < end &&
        actors_is_any(st, t + 1, actors_meeting_nouns)) {
      mention *m = actors_push(st, t, t + 1, si, RULE_PAIR);
      m->role = (uint8_t)st->gov;
      continue;
    }
    if ((actors_eq(f, "il") || actors_eq(f, "elle")) &&
        (t == b || actors_is(st, t - 1, ",") || actors_is(st, t - 1, "et") ||
         actors_is(st, t - 1, "mais") || actors_is(st, t - 1, "qu'") || actors_is(st, t - 1, "que")) &&
        t + 1 < end && !actors_is(st, t + 1, "y") && !actors_is(st, t + 1, "faut") &&
        !actors_is(st, t + 1, "s'") && doc->toks[t + 1].kind == TOK_WORD) {
      actors_push(st, t, t + 1, si, RULE_PRONOUN);
    }
  }
}

static int actors_mention_cmp(const void *a, const void *b) {
  const mention *x = a, *y = b;
  if (x->tok_begin != y->tok_begin) return x->tok_begin < y->tok_begin ? -1 : 1;
  return x->tok_end > y->tok_end ? -1 : x->tok_end < y->tok_end;
}

/* The article's pair: the two states (or organisations) mentioned most,
 * the first mentioned winning a tie. */
#define ACTORS_MAX_STATES 64
static void actors_pair(const actors_run_state *st, const char **a, const char **b) {
  const char *state[ACTORS_MAX_STATES];
  size_t count[ACTORS_MAX_STATES], ns = 0;
  for (size_t i = 0; i < st->nm; i++) {
    const mention *m = &st->m[i];
    if (!m->state[0] || m->rule == RULE_PAIR || m->rule >= RULE__COUNT) continue;
    size_t k = 0;
    while (k < ns && !actors_same_code(state[k], m->state)) k++;
    if (k == ns) {
      if (ns == ACTORS_MAX_STATES) continue;
      state[ns] = m->state;
      count[ns++] = 0;
    }
    count[k]++;
  }
  size_t ia = ns, ib = ns;
  for (size_t k = 0; k < ns; k++) {
    if (ia == ns || count[k] > count[ia]) { ib = ia; ia = k; }
    else if (ib == ns || count[k] > count[ib]) ib = k;
  }
  *a = ia < ns ? state[ia] : NULL;
  *b = ib < ns ? state[ib] : NULL;
}

/* A mention of a person or of someone in a role (not a bare state). */
static int actors_human(const actors_run_state *st, const mention *m) {
  return m->state[0] && m->rule != RULE_PAIR && m->rule < RULE__COUNT &&
         (m->person >= 0 || m->name || (m->role != st->gov && m->rule != RULE_COUNTRY &&
                                        m->rule != RULE_CAPITAL && m->rule != RULE_ORG));
}

/* Adjectives two states share ("congolais": the Republic of the Congo in
 * the dictionary, and the DR Congo; "coréen"; "soudanais"): in an article
 * that names the second state and never the first, they mean the second. */
static const char *const actors_shared_adjectives[][2] = {{"COG", "COD"}, {"KOR", "PRK"}, {"SDN", "SSD"}};

static void actors_shared(actors_run_state *st) {
  size_t nrules = sizeof actors_shared_adjectives / sizeof actors_shared_adjectives[0];
  for (size_t r = 0; r < nrules; r++) {
    const char *first = actors_shared_adjectives[r][0], *second = actors_shared_adjectives[r][1];
    int named_first = 0, named_second = 0;
    for (size_t i = 0; i < st->nm; i++) {
      const mention *m = &st->m[i];
      if (m->rule != RULE_COUNTRY && m->rule != RULE_CAPITAL && m->rule != RULE_PERSON &&
          m->rule != RULE_ROLE_PERSON)
        continue;
      named_first |= actors_same_code(m->state, first);
      named_second |= actors_same_code(m->state, second);
    }
    if (named_first || !named_second) continue;
    for (size_t i = 0; i < st->nm; i++) {
      mention *m = &st->m[i];
      if (!actors_same_code(m->state, first)) continue;
      snprintf(m->state, DOC_CODE_MAX, "%s", second);
      /* the holder of the role is the other state's */
      if (m->rule == RULE_ROLE_STATE && m->person >= 0) {
        const dict_entry *h = st->day0 <= st->day1
                                  ? dict_holder(st->d, m->state, m->role, st->day0 + (st->day1 - st->day0) / 2)
                                  : NULL;
        m->person = h ? (int32_t)(h - dict_entry_at(st->d, 0)) : -1;
      }
    }
  }
}

/* Fill the states of pairs, counterparts and pronouns, in text order. */
static void actors_settle(actors_run_state *st) {
  const char *pa, *pb;
  actors_shared(st);
  actors_pair(st, &pa, &pb);
  actors_set_code(st->doc->pair[0], pa && pb ? pa : "");
  actors_set_code(st->doc->pair[1], pa && pb ? pb : "");
  for (size_t i = 0; i < st->nm; i++) {
    mention *m = &st->m[i];
    if (m->rule == RULE_PAIR) {
      if (pa && pb) {
        actors_set_code(m->state, pa);
        actors_set_code(m->state2, pb);
      }
    } else if (m->rule == RULE_COUNTERPART || m->rule == RULE_PRONOUN) {
      const mention *prev = NULL;
      size_t lo = i > ACTORS_LOOK_BACK ? i - ACTORS_LOOK_BACK : 0;
      for (size_t j = i; j-- > lo;)
        if (actors_human(st, &st->m[j]) || (m->rule == RULE_COUNTERPART && st->m[j].state[0] &&
                                             st->m[j].rule != RULE_PAIR)) {
          prev = &st->m[j];
          break;
        }
      /* a pronoun opening a sentence, or its main clause after a fronted
         one ("Appréciant l'accompagnement du Kazakhstan..., il a
         proposé"), with no one named before it in the sentence, is the
         previous sentence's subject: its first person or role mention */
      const dyad_doc *doc = st->doc;
      int fronted = m->rule == RULE_PRONOUN && m->tok_begin > doc->sents[m->sent].tok_begin &&
                    doc->toks[m->tok_begin - 1].kind == TOK_PUNCT &&
                    doc->text[doc->toks[m->tok_begin - 1].start] == ',';
      /* the people of the fronted clause ("Saluant le soutien des
         entreprises du Maroc, il...") are not its subject */
      while (fronted && prev && prev->sent == m->sent) {
        const mention *p = NULL;
        for (size_t j = (size_t)(prev - st->m); j-- > lo;)
          if (actors_human(st, &st->m[j])) { p = &st->m[j]; break; }
        prev = p;
      }
      int opens = m->tok_begin == doc->sents[m->sent].tok_begin || fronted;
      if (m->rule == RULE_PRONOUN && opens && prev && prev->sent + 1 == m->sent) {
        for (size_t j = (size_t)(prev - st->m); j-- > lo && st->m[j].sent == prev->sent;)
          if (actors_human(st, &st->m[j])) prev = &st->m[j];
      }
      if (m->rule == RULE_PRONOUN) {
        if (prev) {
          memcpy(m->state, prev->state, DOC_CODE_MAX);
          m->role = prev->role;
          m->person = prev->person;
          m->name = prev->name;
        }
        continue;
      }
      if (prev && m->role == st->gov) m->role = prev->role;
      if (!m->state[0] && pa && pb && prev)
        actors_set_code(m->state, actors_same_code(prev->state, pa) ? pb : pa);
      if (m->state[0] && m->person < 0 && st->day0 <= st->day1 && m->role != st->gov) {
        const dict_entry *h = dict_holder(st->d, m->state, m->role, st->day0 + (st->day1 - st->day0) / 2);
        if (h) m->person = (int32_t)(h - dict_entry_at(st->d, 0));
      }
    }
  }
}

static int actors_strcmp(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Periods allowed by the terms of the people named, when undated: the
 * periods when the most of them were in office (all of them, unless one
 * was named for an earlier post or wrongly: a majority, not a strict
 * intersection, so one stray name does not empty or skew the result). */
typedef struct actors_edge {
  int32_t day;
  int delta;   /* +1 a term starts that day, -1 one ended the day before */
} actors_edge;

static int actors_edge_cmp(const void *a, const void *b) {
  const actors_edge *x = a, *y = b;
  if (x->day != y->day) return x->day < y->day ? -1 : 1;
  return x->delta < y->delta ? -1 : x->delta > y->delta;
}

/* Words that make a person named just after them a former office holder
 * ("l'ancien président X", "qui a renversé le président X"): such names
 * do not date the article. */
static const char *const actors_former[] = {"ancien", "ancienne", "ex", "feu", "defunt", "defunte",
                                            "renverse", "renversee", "deche", "dechu", "dechue",
                                            "destitue", "destituee", "predecesseur", "predecesseure",
                                            "regrette", NULL};

static int actors_is_former(const dyad_doc *doc, const mention *m) {
  uint32_t a = m->tok_begin > 4 ? m->tok_begin - 4 : 0;
  for (uint32_t q = a; q < m->tok_begin + 1 && q < m->tok_end; q++) {
    const token *k = &doc->toks[q];
    if (k->kind != TOK_WORD || k->end - k->start > 24) continue;
    char f[64];
    size_t n = utf8_fold(doc->text + k->start, k->end - k->start, f, sizeof f - 1);
    f[n] = 0;
    /* "ex-président" folds with its hyphen */
    char *dash = strchr(f, '-');
    if (dash) *dash = 0;
    for (const char *const *w = actors_former; *w; w++)
      if (!strcmp(f, *w)) return 1;
  }
  return 0;
}

static void actors_dating(actors_run_state *st) {
  dyad_doc *doc = st->doc;
  /* the distinct people named, but for former office holders */
  /* people named with their office ("le président Macky Sall") hold it
     then; a name alone may be an opponent's, or a later office's
     ("le dossier Ousmane Sonko"): such names count only when nobody is
     named with a title */
  const char **names = xmalloc((st->nm + 1) * sizeof *names);
  size_t nn0 = 0;
  int titled = 0;
  for (size_t i = 0; i < st->nm; i++)
    titled |= st->m[i].person >= 0 && st->m[i].rule == RULE_ROLE_PERSON && !actors_is_former(doc, &st->m[i]);
  for (size_t i = 0; i < st->nm; i++) {
    const mention *m = &st->m[i];
    if (m->person >= 0 && (m->rule == RULE_ROLE_PERSON || (m->rule == RULE_PERSON && !titled)) &&
        !actors_is_former(doc, m))
      names[nn0++] = dict_entry_at(st->d, (uint32_t)m->person)->name;
  }
  if (nn0) qsort(names, nn0, sizeof *names, actors_strcmp);
  actors_edge *edges = NULL;
  size_t ne = 0, cap = 0;
  int32_t as_of = dict_as_of(st->d);
  for (size_t i = 0; i < nn0; i++) {
    const char *name = names[i];
    if (i && !strcmp(names[i - 1], name)) continue;
    /* this person's terms, merged so that two posts held at once count once */
    doc_period terms[64];
    size_t nt = 0;
    for (size_t e = 0; e < dict_nentries(st->d) && nt < 64; e++) {
      const dict_entry *de = dict_entry_at(st->d, (uint32_t)e);
      if (de->kind != DK_PERSON || strcmp(de->name, name)) continue;
      /* a term still open runs at least to the files' last date */
      int32_t last = de->end == DICT_OPEN_END ? (as_of > de->start ? as_of : de->start) : de->end;
      terms[nt++] = (doc_period){de->start, last};
    }
    for (size_t a = 1; a < nt; a++)
      for (size_t c = a; c > 0 && terms[c].first < terms[c - 1].first; c--) {
        doc_period t = terms[c];
        terms[c] = terms[c - 1];
        terms[c - 1] = t;
      }
    size_t k = 0;
    for (size_t a = 0; a < nt; a++) {
      if (k && terms[a].first <= terms[k - 1].last + 1) {
        if (terms[a].last > terms[k - 1].last) terms[k - 1].last = terms[a].last;
      } else {
        terms[k++] = terms[a];
      }
    }
    if (ne + 2 * k > cap) {
      cap = 2 * (ne + 2 * k) + 16;
      edges = xrealloc(edges, cap * sizeof *edges);
    }
    for (size_t a = 0; a < k; a++) {
      edges[ne++] = (actors_edge){terms[a].first, +1};
      edges[ne++] = (actors_edge){terms[a].last + 1, -1};
    }
  }
  free(names);
  doc->nactor_dates = 0;
  if (!ne) {
    free(edges);
    return;
  }
  qsort(edges, ne, sizeof *edges, actors_edge_cmp);
  /* sweep: the highest number of people in office at once, and when */
  int count = 0, best = 0;
  for (size_t i = 0; i < ne; i++) {
    count += edges[i].delta;
    if (count > best) best = count;
  }
  doc_period *out = arena_alloc(&doc->mem, (ne / 2 + 1) * sizeof *out);
  size_t no = 0;
  count = 0;
  for (size_t i = 0; i < ne; i++) {
    int before = count;
    count += edges[i].delta;
    /* apply every edge of the same day before judging */
    while (i + 1 < ne && edges[i + 1].day == edges[i].day) count += edges[++i].delta;
    if (count == best && before != best) out[no++] = (doc_period){edges[i].day, edges[i].day};
    else if (count != best && before == best && no) out[no - 1].last = edges[i].day - 1;
  }
  free(edges);
  doc->actor_dates = out;
  doc->nactor_dates = no;
}

int actors_run(dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err) {
  (void)err;
  actors_run_state st = {0};
  st.doc = doc;
  st.ctx = ctx;
  st.d = ctx->dict;
  st.gov = actors_role(st.d, "GOV");
  st.min = actors_role(st.d, "MIN");
  st.hum_default = actors_role(st.d, "CVL");
  st.day0 = 1;
  st.day1 = 0;
  if (doc->published.year) {
    char buf[16];
    dyad_date_format(doc->published, buf);
    if (dict_parse_period(buf, strlen(buf), &st.day0, &st.day1)) { st.day0 = 1; st.day1 = 0; }
  }
  for (uint32_t s = 0; s < doc->nsents; s++)
    if (doc->sents[s].zone == ZONE_ARTICLE) actors_sentence(&st, s);
  if (st.nm) qsort(st.m, st.nm, sizeof *st.m, actors_mention_cmp);
  /* drop mentions replaced by a counterpart and those inside a longer one */
  size_t k = 0;
  for (size_t i = 0; i < st.nm; i++) {
    if (st.m[i].rule >= RULE__COUNT) continue;
    if (k && st.m[i].tok_begin < st.m[k - 1].tok_end) continue;
    st.m[k++] = st.m[i];
  }
  st.nm = k;
  actors_settle(&st);
  if (!doc->published.year) actors_dating(&st);
  doc->mentions = st.m;
  doc->nmentions = st.nm;
  free(st.fbuf);
  free(st.foff);
  free(st.ids);
  free(st.raws);
  return 0;
}
