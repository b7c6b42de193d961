/* test_lexicon.c: the French lexicon (src/lexicon.c over build/data/fr.lex).
 *
 * What belongs here: lookups of forms the pipeline relies on (lemma, part
 * of speech, tags), unknown forms, the cross-check of the compiled file
 * against libhunspell reading the same fr.aff/fr.dic (a sample of our
 * forms must get the lemma hunspell gives; common words hunspell accepts
 * must be present), and the rejection of truncated or corrupt files.
 * The lexicon is DYAD_DATADIR "/fr.lex" (make builds it); hunspell's
 * files come from $DYAD_HUNSPELL_DIR or /usr/share/hunspell.
 */
#include "harness.h"
#include "lexicon.h"
#include <hunspell/hunspell.h>
#include <utf8proc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LEX_PATH DYAD_DATADIR "/fr.lex"

/* Does the space-separated list tags contain every word of want? */
static int has_tags(const char *tags, size_t tl, const char *want) {
  const char *w = want;
  while (*w) {
    size_t wl = strcspn(w, " ");
    int found = 0;
    for (size_t i = 0; i < tl && !found;) {
      size_t e = i;
      while (e < tl && tags[e] != ' ') e++;
      found = e - i == wl && memcmp(tags + i, w, wl) == 0;
      i = e + 1;
    }
    if (!found) return 0;
    w += wl;
    while (*w == ' ') w++;
  }
  return 1;
}

/* Is there a reading of form with this lemma, pos and tags? */
static int has_reading(const lexicon *lex, const char *form, const char *lemma, lex_pos pos,
                       const char *tags) {
  uint32_t first;
  unsigned n = lexicon_lookup(lex, form, strlen(form), &first);
  for (unsigned k = 0; k < n; k++) {
    lex_reading r;
    lexicon_reading(lex, first + k, &r);
    if (r.pos == pos && r.lemma_len == strlen(lemma) && memcmp(r.lemma, lemma, r.lemma_len) == 0 &&
        has_tags(r.tags, r.tags_len, tags ? tags : ""))
      return 1;
  }
  return 0;
}

/* Print a form's readings (for failure messages). */
static void show(const lexicon *lex, const char *form) {
  uint32_t first;
  unsigned n = lexicon_lookup(lex, form, strlen(form), &first);
  fprintf(stderr, "  %s: %u reading(s)\n", form, n);
  for (unsigned k = 0; k < n; k++) {
    lex_reading r;
    lexicon_reading(lex, first + k, &r);
    fprintf(stderr, "    %.*s %s [%.*s]\n", (int)r.lemma_len, r.lemma, lex_pos_name(r.pos),
            (int)r.tags_len, r.tags);
  }
}

static const struct {
  const char *id, *form, *lemma;
  lex_pos pos;
  const char *tags;  /* words that must be among the reading's tags */
} cases[] = {
  {"ppas", "entretenu", "entretenir", POS_VERB, "ppas mas sg"},
  {"ipre", "entretient", "entretenir", POS_VERB, "ipre 3sg"},
  {"ifut", "entretiendra", "entretenir", POS_VERB, "ifut 3sg"},
  {"infi", "entretenir", "entretenir", POS_VERB, "infi"},
  {"ppas-fem-pl", "convenues", "convenir", POS_VERB, "ppas fem pl"},
  {"ppas-v1", "signé", "signer", POS_VERB, "ppas"},
  {"avoir-3sg", "a", "avoir", POS_VERB, "ipre 3sg"},
  {"avoir-3pl", "ont", "avoir", POS_VERB, "ipre 3pl"},
  {"etre-3sg", "est", "être", POS_VERB, "ipre 3sg"},
  {"noun-pl", "mesures", "mesure", POS_NOUN, "fem pl"},
  {"verb-2sg", "mesures", "mesurer", POS_VERB, "2sg"},
  {"adj-sg", "bilatéral", "bilatéral", POS_ADJ, "mas sg"},
  {"adj-pl", "bilatéraux", "bilatéral", POS_ADJ, "mas pl"},
  {"adj-fem", "bilatérales", "bilatéral", POS_ADJ, "fem pl"},
  {"adv", "deçà", "deçà", POS_ADV, NULL},
  {"de-det", "de", "de", POS_DET, NULL},
  {"de-prep", "de", "de", POS_PREP, NULL},
  {"des-det", "des", "des", POS_DET, "pl"},
  {"au-prep", "au", "au", POS_PREP, NULL},
  {"au-det", "au", "au", POS_DET, "mas sg"},
  {"aux-lemma", "aux", "au", POS_DET, "pl"},
  {"le-det", "le", "le", POS_DET, "mas sg"},
  {"le-pron", "le", "le", POS_PRON, "properobj"},
  {"avec", "avec", "avec", POS_PREP, NULL},
  {"en-prep", "en", "en", POS_PREP, NULL},
  {"en-pron", "en", "en", POS_PRON, NULL},
  {"et", "et", "et", POS_CONJ, "cjco"},
  {"deux", "deux", "deux", POS_NUM, NULL},
  {"propn", "Paris", "Paris", POS_PROPN, "npr"},
  {"prefix-unit", "kilomètres", "kilomètre", POS_NOUN, "mas pl"},
  {"twofold", "entretenues", "entretenir", POS_VERB, "ppas fem pl"},
  {"imperative-y", "vas-y", "aller", POS_VERB, "impe 2sg"},
  {"st-field", "arcs-en-ciel", "arc-en-ciel", POS_NOUN, "mas pl"},
  {"elided-det", "l'", "le", POS_DET, NULL},
  {"elided-prep", "d'", "de", POS_PREP, NULL},
  {"elided-conj", "qu'", "que", POS_CONJ, NULL},
};

static const char *const unknown[] = {
  "plusieursmesures", "KazMunaiGaz", "Tokaïev", "", "d'entretenir", "l'entretien", "ENTRETENU",
  "entretenu ", "xyzzy",
};

/* ---- the cross-check against libhunspell ----------------------------- */

static const char *hunspell_dir(void) {
  const char *d = getenv("DYAD_HUNSPELL_DIR");
  return d && *d ? d : "/usr/share/hunspell";
}

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 20, n = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (n == cap) buf = realloc(buf, cap *= 2);
    if (!buf) abort();
    size_t got = fread(buf + n, 1, cap - n, f);
    if (got == 0) break;
    n += got;
  }
  fclose(f);
  *len = n;
  return buf;
}

static uint32_t u32(const char *p) {
  uint32_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

static uint16_t u16(const char *p) {
  uint16_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

/* Copy s (n bytes) to out (size cap) with hunspell-fr's output
 * apostrophe (OCONV ' -> U+2019) folded back to '; returns the length. */
static size_t fold_apostrophes(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++) {
    if (i + 2 < n && memcmp(s + i, "\xE2\x80\x99", 3) == 0) {
      out[k++] = '\'';
      i += 2;
    } else {
      out[k++] = s[i];
    }
  }
  out[k] = '\0';
  return k;
}

/* s (n bytes) case-folded into out (size cap); returns the length. */
static size_t casefold(const char *s, size_t n, char *out, size_t cap) {
  utf8proc_uint8_t *f = NULL;
  utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &f,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  if (k < 0 || (size_t)k >= cap) k = 0;
  if (k > 0) memcpy(out, f, (size_t)k);
  out[k] = '\0';
  free(f);
  return (size_t)k;
}

/* Does one of hunspell's analyses of a word name lemma as "st:lemma"?
 * Returns 2 for an exact match, 1 if hunspell's stem is a proper suffix
 * of lemma (we keep a prefix in the lemma: kilomètre, hunspell mètre),
 * 0 otherwise. */
static int hunspell_names(char **an, int nan, const char *lemma, size_t ll) {
  int best = 0;
  char v[1024];
  for (int i = 0; i < nan; i++) {
    for (const char *p = strstr(an[i], "st:"); p; p = strstr(p + 3, "st:")) {
      if (p != an[i] && p[-1] != ' ' && p[-1] != '\t') continue;
      size_t vl = fold_apostrophes(p + 3, strcspn(p + 3, " \t\n"), v, sizeof v);
      if (vl == ll && memcmp(v, lemma, ll) == 0) return 2;
      if (vl > 0 && vl < ll && memcmp(v, lemma + ll - vl, vl) == 0) best = 1;
    }
  }
  return best;
}

/* Every Nth form of the file: hunspell must accept it and give our lemma. */
static void test_hunspell_sample(const lexicon *lex, Hunhandle *h) {
  size_t len;
  char *file = read_all(LEX_PATH, &len);
  EXPECT(file != NULL && len >= 64, "sample-read", "cannot read %s", LEX_PATH);
  if (!file || len < 64) {
    free(file);
    return;
  }
  uint32_t nforms = u32(file + 20), pool_off = u32(file + 32), forms_off = u32(file + 44);
  uint32_t step = nforms / 4000 ? nforms / 4000 : 1;
  long checked = 0, exact = 0, suffix = 0, bad = 0, shown = 0, missing = 0;
  long hchecked = 0, hfound = 0;
  char word[1024], v[1024];
  for (uint32_t i = 0; i < nforms; i += step) {
    const char *fr = file + forms_off + (size_t)i * 12;
    uint32_t off = u32(fr);
    uint16_t fl = u16(fr + 8);
    if (fl >= sizeof word) continue;
    memcpy(word, file + pool_off + off, fl);
    word[fl] = '\0';
    uint32_t first;
    unsigned n = lexicon_lookup(lex, word, fl, &first);
    if (n == 0 && missing++ < 10) fprintf(stderr, "  not found by lookup: %s\n", word);
    char **an = NULL;
    int nan = Hunspell_analyze(h, &an, word);
    /* our lemmas must be among hunspell's */
    for (unsigned k = 0; k < n; k++) {
      lex_reading r;
      lexicon_reading(lex, first + k, &r);
      int dup = 0;  /* one check per distinct lemma */
      for (unsigned j = 0; j < k && !dup; j++) {
        lex_reading q;
        lexicon_reading(lex, first + j, &q);
        dup = q.lemma_len == r.lemma_len && memcmp(q.lemma, r.lemma, r.lemma_len) == 0;
      }
      if (dup) continue;
      checked++;
      int m = hunspell_names(an, nan, r.lemma, r.lemma_len);
      if (m == 2) exact++;
      else if (m == 1) suffix++;
      else {
        bad++;
        if (shown++ < 40) {
          fprintf(stderr, "  disagreement: %s: our lemma %.*s (%s); hunspell:", word,
                  (int)r.lemma_len, r.lemma, lex_pos_name(r.pos));
          for (int a = 0; a < nan; a++) fprintf(stderr, " {%s}", an[a]);
          fprintf(stderr, "%s\n", nan ? "" : " (no analysis)");
        }
      }
    }
    /* and hunspell's lemmas among ours; hunspell also analyses a word as
     * its lower-cased or capitalised variants (CNRS -> st:Cnrs, Mars ->
     * st:mars) where our callers look the lower-cased form up: compare
     * case-folded, over the form and its folded variant */
    char low[1024];
    casefold(word, fl, low, sizeof low);
    for (int a = 0; a < nan; a++) {
      const char *p = strstr(an[a], "st:");
      if (!p) continue;
      size_t vl = fold_apostrophes(p + 3, strcspn(p + 3, " \t\n"), v, sizeof v);
      char fv[1024];
      vl = casefold(v, vl, fv, sizeof fv);
      int found = 0;
      for (int variant = 0; variant < 2 && !found; variant++) {
        const char *w = variant ? low : word;
        uint32_t f0;
        unsigned nv = lexicon_lookup(lex, w, strlen(w), &f0);
        for (unsigned k = 0; k < nv && !found; k++) {
          lex_reading r;
          lexicon_reading(lex, f0 + k, &r);
          char fl2[1024];
          size_t ll = casefold(r.lemma, r.lemma_len, fl2, sizeof fl2);
          found = ll >= vl && memcmp(fl2 + ll - vl, fv, vl) == 0;
        }
      }
      hchecked++;
      hfound += found;
      if (!found && shown++ < 40)
        fprintf(stderr, "  missing reading: %s: hunspell {%s}\n", word, an[a]);
    }
    if (an) Hunspell_free_list(h, &an, nan);
  }
  double rate = checked ? 100.0 * (double)(exact + suffix) / (double)checked : 0;
  double hrate = hchecked ? 100.0 * (double)hfound / (double)hchecked : 0;
  printf("hunspell cross-check: every %uth form, %ld (form, lemma) pairs: %ld exact, "
         "%ld prefixed lemma, %ld disagree: %.2f%% agreement; %.2f%% of hunspell's "
         "%ld analyses found\n",
         (unsigned)step, checked, exact, suffix, bad, rate, hrate, hchecked);
  EXPECT_INT("sample-lookup", 0, missing);
  EXPECT(checked > 3000, "sample-size", "only %ld pairs checked", checked);
  EXPECT(rate >= 99.0, "agreement", "%.2f%% of lemmas agree with hunspell, expected >= 99%%",
         rate);
  EXPECT(hrate >= 99.0, "recall", "%.2f%% of hunspell's analyses found, expected >= 99%%",
         hrate);
  free(file);
}

/* w with its first letter lower-cased, into out (size cap). */
static void lower_first(const char *w, char *out, size_t cap) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)w, -1, &cp);
  if (n <= 0 || cap < 8) {
    snprintf(out, cap, "%s", w);
    return;
  }
  utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)out);
  snprintf(out + k, cap - (size_t)k, "%s", w + n);
}

/* Common words: each one hunspell accepts must be in the lexicon, as is
 * or lower-cased (callers try both, as hunspell does). */
static const char *const common[] = {
  "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "mais", "donc", "car", "ni",
  "que", "qui", "quoi", "dont", "où", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur",
  "leurs", "notre", "nos", "votre", "vos", "il", "elle", "ils", "elles", "nous", "vous", "on",
  "se", "lui", "eux", "y", "en", "ne", "pas", "plus", "moins", "très", "bien", "aussi", "déjà",
  "encore", "toujours", "jamais", "ici", "hier", "aujourd'hui", "demain", "avant", "après",
  "pendant", "depuis", "pour", "par", "sur", "sous", "dans", "entre", "contre", "vers", "chez",
  "sans", "avec", "selon", "malgré", "être", "est", "sont", "était", "sera", "été", "avoir",
  "a", "ont", "avait", "aura", "eu", "faire", "fait", "font", "dit", "dire", "déclaré",
  "annoncé", "signé", "signature", "accord", "accords", "président", "présidente", "ministre",
  "ministres", "gouvernement", "pays", "État", "états", "coopération", "relations", "visite",
  "rencontre", "réunion", "sommet", "délégation", "ambassadeur", "guerre", "paix", "armée",
  "soldats", "attaque", "attaques", "sanctions", "économique", "économiques", "politique",
  "militaire", "militaires", "bilatérale", "bilatérales", "international", "internationale",
  "internationaux", "nationale", "développement", "commerce", "investissement", "énergie",
  "sécurité", "région", "monde", "année", "années", "mois", "jour", "jours", "semaine",
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
  "octobre", "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
  "premier", "première", "deux", "trois", "dix", "cent", "mille", "millions", "milliards",
  "dollars", "euros", "pourcent", "hausse", "baisse", "entretiens", "renforcer", "renforcé",
  "promouvoir", "souligné", "affirmé", "exprimé", "condamné", "menacé", "rejeté", "soutenu",
  "Vietnam", "France", "Chine", "Russie", "Ukraine", "Paris", "Moscou", "Washington",
};

static void test_common_words(const lexicon *lex, Hunhandle *h) {
  int accepted = 0;
  for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
    const char *w = common[i];
    if (!Hunspell_spell(h, w)) continue;
    accepted++;
    uint32_t first;
    char low[256];
    lower_first(w, low, sizeof low);
    EXPECT(lexicon_lookup(lex, w, strlen(w), &first) > 0 ||
               lexicon_lookup(lex, low, strlen(low), &first) > 0, w,
           "hunspell accepts it but the lexicon does not know it");
  }
  EXPECT(accepted > 150, "common-accepted", "hunspell accepted only %d common words", accepted);
}

/* Every Nth stem of fr.dic that hunspell accepts must be in the lexicon. */
static void test_dic_stems(const lexicon *lex, Hunhandle *h, const char *dic) {
  size_t len;
  char *file = read_all(dic, &len);
  EXPECT(file != NULL, "dic-read", "cannot read %s", dic);
  if (!file) return;
  long line = 0, accepted = 0, missing = 0;
  char word[512];
  for (size_t i = 0; i < len;) {
    size_t e = i;
    while (e < len && file[e] != '\n') e++;
    line++;
    if (line > 1 && line % 20 == 0) {
      size_t wl = 0;
      while (i + wl < e && file[i + wl] != '/' && file[i + wl] != ' ' && file[i + wl] != '\t')
        wl++;
      if (wl > 0 && wl < sizeof word) {
        memcpy(word, file + i, wl);
        word[wl] = '\0';
        if (Hunspell_spell(h, word)) {
          uint32_t first;
          accepted++;
          if (lexicon_lookup(lex, word, wl, &first) == 0 && missing++ < 20)
            fprintf(stderr, "  %s:%ld: stem %s accepted by hunspell, not in the lexicon\n", dic,
                    line, word);
        }
      }
    }
    i = e + 1;
  }
  printf("dictionary stems: %ld accepted by hunspell, %ld missing\n", accepted, missing);
  EXPECT(accepted > 3000, "dic-sample", "only %ld stems", accepted);
  EXPECT_INT("dic-stems-missing", 0, missing);
  free(file);
}

/* ---- corrupt files ---------------------------------------------------- */

/* Write n bytes of data to a temporary file; returns its path (static). */
static const char *write_tmp(const char *data, size_t n) {
  static char path[64];
  snprintf(path, sizeof path, "/tmp/dyad_test_lexicon_XXXXXX");
  int fd = mkstemp(path);
  if (fd < 0) return NULL;
  size_t done = 0;
  while (done < n) {
    ssize_t w = write(fd, data + done, n - done);
    if (w <= 0) break;
    done += (size_t)w;
  }
  close(fd);
  return path;
}

/* The file data (n bytes) must be refused with code and a message that
 * contains msg (any message if NULL). */
static void expect_rejected(const char *id, const char *data, size_t n, int code,
                            const char *msg) {
  const char *path = write_tmp(data, n);
  EXPECT(path != NULL, id, "cannot write a temporary file");
  if (!path) return;
  dyad_err err;
  memset(&err, 0, sizeof err);
  lexicon *lex = lexicon_open(path, &err);
  EXPECT(lex == NULL, id, "a corrupt lexicon was accepted");
  EXPECT_INT(id, code, err.code);
  EXPECT_STR(id, path, err.path);
  EXPECT(err.message[0] != '\0', id, "no message");
  if (msg) EXPECT(strstr(err.message, msg) != NULL, id, "expected \"%s\" in \"%s\"", msg, err.message);
  lexicon_free(lex);
  unlink(path);
}

static void test_corrupt(void) {
  size_t len;
  char *file = read_all(LEX_PATH, &len);
  EXPECT(file != NULL && len > 4096, "corrupt-read", "cannot read %s", LEX_PATH);
  if (!file || len <= 4096) {
    free(file);
    return;
  }
  expect_rejected("empty", file, 0, DYAD_EDATA, NULL);
  expect_rejected("header-cut", file, 40, DYAD_EDATA, NULL);
  expect_rejected("truncated-half", file, len / 2, DYAD_EDATA, NULL);
  expect_rejected("truncated-1", file, len - 1, DYAD_EDATA, NULL);
  char *copy = malloc(len + 8);
  if (!copy) abort();
  static const struct {
    const char *id;
    size_t at;
    uint32_t v;
    const char *msg;  /* in the message, or NULL */
  } pokes[] = {
    {"bad-magic", 0, 0x21212121u, "not a dyad lexicon"},
    {"bad-version", 8, 99, "version 99"},
    {"old-version", 8, 1, "lexicon format version 1, this dyad reads version 2; rebuild it"},
    {"bad-byte-order", 12, 0x04030201u, "byte order"},
    {"forms-count", 20, 0xFFFFFF00u, "forms"},
    {"readings-count", 24, 0xFFFFFF00u, "readings"},
    {"slots-count", 28, 0x7FFFFFF0u, "hash table"},
    {"slots-too-few", 28, 1000, "hash table"},
    {"pool-offset", 32, 0x7FFFFFF8u, "string pool"},
    {"pool-size", 36, 0x7FFFFFF0u, "string pool"},
    {"readings-offset", 40, 0xFFFFFFF8u, "readings"},
    {"forms-offset-misaligned", 44, 63, "forms"},
    {"slots-offset", 48, 0xFFFFFFF8u, "hash table"},
    {"slots-offset-misaligned", 48, 72, "hash table"},
    {"file-size", 52, 12345, "truncated or corrupt"},
    {"hash-kind-fnv", 56, 1, "hash kind"},
    {"slot-size", 60, 8, "slot size"},
  };
  for (size_t i = 0; i < sizeof pokes / sizeof pokes[0]; i++) {
    memcpy(copy, file, len);
    memcpy(copy + pokes[i].at, &pokes[i].v, 4);
    expect_rejected(pokes[i].id, copy, len, DYAD_EDATA, pokes[i].msg);
  }
  /* appended bytes: the size no longer matches the header */
  memcpy(copy, file, len);
  memset(copy + len, 0, 8);
  expect_rejected("extra-bytes", copy, len + 8, DYAD_EDATA, NULL);

  /* a valid header over a scrambled body: open succeeds (the body is not
   * scanned) and lookups stay inside the mapping (ASan checks it) */
  memcpy(copy, file, len);
  uint32_t x = 12345;
  uint32_t read_off = u32(file + 40);
  for (size_t i = read_off; i < len; i += 7) {
    x = x * 1103515245u + 12345u;
    copy[i] = (char)(x >> 16);
  }
  const char *path = write_tmp(copy, len);
  dyad_err err;
  memset(&err, 0, sizeof err);
  lexicon *lex = path ? lexicon_open(path, &err) : NULL;
  EXPECT(lex != NULL, "scrambled-body", "open failed: %s", err.message);
  if (lex) {
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      uint32_t first;
      unsigned n = lexicon_lookup(lex, cases[i].form, strlen(cases[i].form), &first);
      for (unsigned k = 0; k < n; k++) {
        lex_reading r;
        lexicon_reading(lex, first + k, &r);
        size_t sum = 0;
        for (uint32_t j = 0; j < r.lemma_len; j++) sum += (unsigned char)r.lemma[j];
        for (uint32_t j = 0; j < r.tags_len; j++) sum += (unsigned char)r.tags[j];
        (void)sum;
      }
    }
    long badr = 0;
    for (uint32_t r = 0; r < 20000; r++) {
      lex_reading rd;
      lexicon_reading(lex, r * 37u, &rd);
      if (!rd.lemma || !rd.tags || (unsigned)rd.pos >= POS__COUNT ||
          rd.lemma[rd.lemma_len] != '\0' || rd.tags[rd.tags_len] != '\0')
        badr++;
    }
    EXPECT_INT("scrambled-readings", 0, badr);
  }
  lexicon_free(lex);
  if (path) unlink(path);

  /* every slot taken, each claiming the longest probe distance: lookups
   * of unknown forms still end (after 256 slots) */
  memcpy(copy, file, len);
  uint32_t nslots = u32(file + 28), slots_off = u32(file + 48);
  for (uint32_t i = 0; i < nslots; i++) {
    copy[slots_off + (size_t)i * 32 + 4] = 1;           /* len */
    copy[slots_off + (size_t)i * 32 + 6] = (char)0xFF;  /* dist + 1 */
  }
  path = write_tmp(copy, len);
  memset(&err, 0, sizeof err);
  lex = path ? lexicon_open(path, &err) : NULL;
  EXPECT(lex != NULL, "full-table", "open failed: %s", err.message);
  if (lex) {
    uint32_t f;
    EXPECT_INT("full-table", 0, lexicon_lookup(lex, "xyzzy", 5, &f));
    EXPECT_INT("full-table-long", 0,
               lexicon_lookup(lex, "anticonstitutionnellement", 25, &f));
  }
  lexicon_free(lex);
  if (path) unlink(path);
  free(copy);
  free(file);
}

int main(void) {
  dyad_err err;
  memset(&err, 0, sizeof err);
  lexicon *lex = lexicon_open(LEX_PATH, &err);
  EXPECT(lex != NULL, "open", "%s: %s (run make first)", LEX_PATH, err.message);
  if (!lex) HARNESS_END();

  EXPECT(lexicon_nforms(lex) > 300000, "nforms", "only %zu forms", lexicon_nforms(lex));
  EXPECT(lexicon_nreadings(lex) >= lexicon_nforms(lex), "nreadings", "%zu readings",
         lexicon_nreadings(lex));

  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    int ok = has_reading(lex, cases[i].form, cases[i].lemma, cases[i].pos, cases[i].tags);
    EXPECT(ok, cases[i].id, "expected %s -> %s %s [%s]", cases[i].form, cases[i].lemma,
           lex_pos_name(cases[i].pos), cases[i].tags ? cases[i].tags : "");
    if (!ok) show(lex, cases[i].form);
  }
  for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
    uint32_t first = 77;
    EXPECT_INT(unknown[i], 0, lexicon_lookup(lex, unknown[i], strlen(unknown[i]), &first));
    EXPECT_INT(unknown[i], 0, first);
  }
  /* exact bytes: a prefix or an extension of a known form is unknown */
  uint32_t first;
  EXPECT_INT("prefix-bytes", 0, lexicon_lookup(lex, "entretenu", 8, &first));
  EXPECT(lexicon_lookup(lex, "entretenus!", 10, &first) > 0, "length-bytes",
         "the first 10 bytes of \"entretenus!\" are a known form");
  /* out-of-range reading */
  lex_reading r;
  lexicon_reading(lex, (uint32_t)lexicon_nreadings(lex), &r);
  EXPECT(r.lemma_len == 0 && r.pos == POS_OTHER, "reading-range", "got %s", r.lemma);

  EXPECT_STR("pos-name", "VERB", lex_pos_name(POS_VERB));
  EXPECT_STR("pos-name-num", "NUM", lex_pos_name(POS_NUM));
  EXPECT_STR("pos-name-range", "OTHER", lex_pos_name(POS__COUNT));

  /* missing file */
  memset(&err, 0, sizeof err);
  EXPECT(lexicon_open("/nonexistent/fr.lex", &err) == NULL, "missing", "opened");
  EXPECT_INT("missing", DYAD_EIO, err.code);
  EXPECT_STR("missing", "/nonexistent/fr.lex", err.path);
  lexicon_free(NULL);

  char aff[512], dic[512];
  snprintf(aff, sizeof aff, "%s/fr.aff", hunspell_dir());
  snprintf(dic, sizeof dic, "%s/fr.dic", hunspell_dir());
  if (access(aff, R_OK) == 0 && access(dic, R_OK) == 0) {
    Hunhandle *h = Hunspell_create(aff, dic);
    EXPECT(h != NULL, "hunspell", "Hunspell_create(%s) failed", aff);
    if (h) {
      test_hunspell_sample(lex, h);
      test_common_words(lex, h);
      test_dic_stems(lex, h, dic);
      Hunspell_destroy(h);
    }
  } else {
    printf("hunspell cross-check skipped: no %s\n", aff);
  }
  test_corrupt();
  lexicon_free(lex);
  HARNESS_END();
}
