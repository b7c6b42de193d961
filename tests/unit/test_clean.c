/* test_clean.c: the clean stage (src/clean.c).
 *
 * Table-driven cases on short texts written for this test: each row is
 * {id, raw text, expected zones}, the text going through normalise_text
 * first as in the pipeline.  Expected zones are written as
 * "kind[text]kind[text]..." in order, "" for none.  Rows cover every zone
 * kind and the negative cases (prose that mentions a photo, sharing or
 * advertising, headings, truncated lines) that must stay article.
 *
 * Then clean_run on a document, the invariants on awkward inputs, and the
 * dev corpus ($DYAD_DEV_CORPUS, ../shared/corpus/dev or
 * ../shared/corpus/dev; skipped when absent): for each article the
 * invariants, a plausible share of marked bytes, no prose paragraph
 * (line over 250 bytes) marked beyond an in-line credit or signature, and
 * the zones printed for review.
 */
#include "clean.h"
#include "harness.h"
#include "normalise.h"
#include <dirent.h>
#include <stdlib.h>

static const struct {
  const char *id, *in, *zones;
} cases[] = {
    /* header */
    {"header-alone", " date 2023-08\nLe président a reçu son homologue mardi au palais.",
     "header[ date 2023-08\n]"},
    {"header-prefix", " date 2023-06 Alassane Ouattara a reçu mardi son homologue congolais.",
     "header[ date 2023-06 ]"},
    {"header-day", " date 2019-06-20 Macky Sall est arrivé jeudi à Abidjan.", "header[ date 2019-06-20 ]"},
    {"header-rubric", " date 2022-01 Mali\n\nLes autorités maliennes ont décidé d'expulser l'ambassadeur de France.",
     "header[ date 2022-01 ]furniture[Mali\n]"},
    {"header-not-first", "Le texte.\n date 2023-08 ", ""},
    {"header-bad-year", " date 20x3 Le texte de l'article commence ici.", ""},
    /* captions */
    {"caption-end-line",
     "Hanoi (VNA) \xE2\x80\x93 Le ministre s\xE2\x80\x99" "est entretenu jeudi avec son homologue kazakh sur les liens bilatéraux.\n\n"
     "Entretien entre les deux ministres à Hanoi, le 18 août. Photo : VNA\n\n"
     "Le ministre a souligné que la visite devra donner un nouvel élan aux relations.",
     "caption[Entretien entre les deux ministres à Hanoi, le 18 août. Photo : VNA\n]"},
    {"caption-alone", "Le président a reçu son homologue au palais mardi matin.\n\nPhoto: AFP\n\nIls ont parlé.",
     "caption[Photo: AFP\n]"},
    {"caption-aside", "Le président ivoirien (Photo d\xE2\x80\x99illustration) a reçu mardi son homologue sénégalais.",
     "caption[(Photo d'illustration)]"},
    {"caption-copyright-line",
     "Alassane Ouattara et Macky Sall, le 20 juin à Abidjan. \xC2\xA9 @Presidence ivoirienne.\n\nArrivé à Abidjan jeudi, Macky Sall a été reçu par Alassane Ouattara.",
     "caption[Alassane Ouattara et Macky Sall, le 20 juin à Abidjan. \xC2\xA9 @Presidence ivoirienne.\n]"},
    {"caption-copyright-by", "\xC2\xA9 L\xE2\x80\x99" "expression Par Mohamed Boufatah\n\nLe ministre a reçu l'ambassadeur de France mardi à Alger.",
     "caption[\xC2\xA9 L'expression Par Mohamed Boufatah\n]"},
    {"caption-credit-next",
     "\xC2\xA9 Nord-Sud\nParis: le Président ivoirien reçu par son homologue français\n"
     "Ouattara et Hollande se sont reparlé hier, selon une note de la Présidence ivoirienne.",
     "caption[\xC2\xA9 Nord-Sud\nParis: le Président ivoirien reçu par son homologue français\n]"},
    {"caption-credit-photo", "Le ministre a signé quatre accords avec son homologue éthiopien hier.\nCrédit photo : Présidence CI\n",
     "caption[Crédit photo : Présidence CI\n]"},
    {"caption-long-line",
     "Le président a reçu son homologue au palais présidentiel pour un long entretien consacré à la "
     "sécurité régionale, à la lutte contre le terrorisme, au commerce bilatéral, à l'énergie, au "
     "pétrole, à l'habitat social, aux échanges culturels et à la situation dans la sous-région, "
     "avant un dîner officiel offert en son honneur par le chef de l'État et la première dame, en "
     "présence des membres du gouvernement et du corps diplomatique accrédité à Abidjan. Photo : AIP",
     "caption[Photo : AIP]"},
    /* signatures */
    {"signature-dash", "Le Kazakhstan assume la présidence tournante en 2020-2022. \xE2\x80\x93 VNA",
     "signature[- VNA]"},
    {"signature-glued", "Le Premier ministre a invité son homologue à Hanoï fin 2025.-VNA/VI", "signature[-VNA/VI]"},
    {"signature-glued-space", "La délégation a quitté Astana le même jour.- AVI\n", "signature[- AVI]"},
    {"signature-paren", "Les deux pays ont signé cinq accords de coopération, a-t-il conclu. (AIP)",
     "signature[(AIP)]"},
    {"signature-slash", "Les deux pays ont renforcé leurs relations. VNA/CVN", "signature[VNA/CVN]"},
    {"signature-line", "Les deux pays ont renforcé leurs relations dans tous les domaines.\nVNA/CVN\n",
     "signature[VNA/CVN\n]"},
    {"signature-avec", "Les deux pays ont renforcé leurs relations dans tous les domaines.\n(avec AFP)",
     "signature[(avec AFP)]"},
    {"signature-tail-name",
     "Le président et son épouse seront distingués dans l'Ordre national de la République.\n\n"
     "Stéphane Badobré\n\nPARTAGER",
     "signature[Stéphane Badobré\n]furniture[PARTAGER]"},
    {"signature-tail-mail",
     "Le Chef de l'État a été élevé à la dignité de Mubarak El Kabir, la plus haute distinction.\n"
     "Kamagaté Issouf\nissouf.kamagate@fratmat.info",
     "signature[Kamagaté Issouf\nissouf.kamagate@fratmat.info]"},
    {"signature-tail-abbrev", "Les accords touchent les domaines de la pêche, de l'agriculture et du tourisme.\n\nM. Ngue",
     "signature[M. Ngue]"},
    {"signature-tail-site", "La CEDEAO avait pris des sanctions contre le Niger après le putsch de juillet.\nMinute.bf",
     "signature[Minute.bf]"},
    {"signature-byline", "Réservé aux abonnés\nPar Jean Dupont\n\nLe président ivoirien s'est entretenu jeudi soir avec son homologue.",
     "furniture[Réservé aux abonnés\n]signature[Par Jean Dupont\n]"},
    {"signature-caps-line", "Le Mali a réceptionné du nouvel équipement militaire envoyé par la Russie mardi.\nAFP\n",
     "signature[AFP\n]"},
    /* furniture */
    {"furniture-rubric-caps", "MALI\n\nLe Mali a réceptionné du nouvel équipement militaire envoyé par la Russie mardi.",
     "furniture[MALI\n]"},
    {"furniture-app",
     "x Télécharger l\xE2\x80\x99" "application mobile Abidjan.net partout avec vous\nTélécharger l'application\nINSTALLER\nPUBLICIT\xC3\x89\n\n"
     "Ouattara et Hollande se sont reparlé hier, selon une note de la Présidence ivoirienne.",
     "furniture[x Télécharger l'application mobile Abidjan.net partout avec vous\nTélécharger l'application\nINSTALLER\nPUBLICITÉ\n]"},
    {"furniture-share", "PARTAGER\n\nQuatorze accords ont été paraphés ce jeudi entre la Côte d'Ivoire et l'Angola.\n\nPartager sur Facebook\n",
     "furniture[PARTAGER\n]furniture[Partager sur Facebook\n]"},
    {"furniture-pub-dashes", "Les derniers militaires français ont quitté le Niger vendredi matin, dit l'AFP.\n\n- Publicit\xC3\xA9-",
     "furniture[- Publicité-]"},
    {"furniture-read-also", "Le Maroc regrette la décision de l'Algérie de rompre ses relations diplomatiques.\n\n\xC3\x80 lire aussi : Attendu à l'ONU, Ouattara annule son voyage\n"
     "Il s'agit d'une nouvelle page qui s'ouvre entre les deux pays voisins du Maghreb.",
     "furniture[À lire aussi : Attendu à l'ONU, Ouattara annule son voyage\n]"},
    {"furniture-read-also-next", "Le Maroc regrette la décision de l'Algérie de rompre ses relations diplomatiques.\n\nA lire aussi\n"
     "Algérie: le magnat de la presse condamné à 5 ans de prison ferme\n\nEn effet, le royaume restera un partenaire crédible et loyal.",
     "furniture[A lire aussi\nAlgérie: le magnat de la presse condamné à 5 ans de prison ferme\n]"},
    {"furniture-tags", "Le président a reçu l'ambassadeur de Chine au palais de la présidence mardi.\nTags: Côte d'Ivoire, Chine, diplomatie\nMots-clés : coopération",
     "furniture[Tags: Côte d'Ivoire, Chine, diplomatie\nMots-clés : coopération]"},
    {"furniture-paywall", "Le président a reçu l'ambassadeur de Chine au palais de la présidence mardi.\n\nCet article est réservé aux abonnés.\nAbonnez-vous pour lire la suite",
     "furniture[Cet article est réservé aux abonnés.\nAbonnez-vous pour lire la suite]"},
    {"furniture-cookies", "Nous utilisons des cookies pour améliorer votre expérience sur notre site.\nLe président a reçu l'ambassadeur de Chine au palais de la présidence mardi.",
     "furniture[Nous utilisons des cookies pour améliorer votre expérience sur notre site.\n]"},
    {"furniture-comments", "Le président a reçu l'ambassadeur de Chine au palais de la présidence mardi.\n\nCommentaires (3)\nLaisser un commentaire\nVous devez être connecté pour ajouter un commentaire.",
     "furniture[Commentaires (3)\nLaisser un commentaire\nVous devez être connecté pour ajouter un commentaire.]"},
    {"furniture-menu", "Le président a reçu l'ambassadeur de Chine au palais de la présidence mardi.\n\nAccueil\nPolitique\nÉconomie\nSport\nCulture\n",
     "furniture[Accueil\nPolitique\nÉconomie\nSport\nCulture\n]"},
    {"furniture-video-list", "Le Mali a réceptionné du nouvel équipement militaire envoyé par la Russie mardi.\n"
     "01:12\nPlus de 200 Kényans combattent pour la Russie\n01:58\nL'ONU met en garde contre les armes illégales\n00:59\nLa France recommande de quitter le Mali",
     "furniture[01:12\nPlus de 200 Kényans combattent pour la Russie\n01:58\nL'ONU met en garde contre les armes illégales\n00:59\nLa France recommande de quitter le Mali]"},
    {"furniture-rubric", "Politique\n\nMacky Sall chez Alassane Ouattara : une première visite d'État\n\nLe président ivoirien s'est entretenu jeudi soir avec son homologue sénégalais.",
     "furniture[Politique\n]"},
    {"furniture-breadcrumb", "Politique Publié le samedi 1 septembre 2012 | Nord-Sud\n\nOuattara et Hollande se sont reparlé hier, selon une note de la Présidence.",
     "furniture[Politique Publié le samedi 1 septembre 2012 | Nord-Sud\n]"},
    {"furniture-rule", "Le président a reçu l'ambassadeur de Chine au palais de la présidence mardi.\n\n    \xE2\x80\x94\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94\n\nLa suite du texte vient ici avec d'autres détails sur la visite.",
     "furniture[    -----\n]"},
    {"furniture-handles", "Le président a reçu l'ambassadeur de Chine au palais de la présidence mardi.\n@presidenceCI #CIV https://example.org/a\n",
     "furniture[@presidenceCI #CIV https://example.org/a\n]"},
    {"furniture-allcaps", "Le président a reçu l'ambassadeur de Chine au palais de la présidence mardi.\nDERNIÈRES INFOS\nLe ministre a ensuite reçu la presse au palais.",
     "furniture[DERNIÈRES INFOS\n]"},
    {"furniture-copyright-year", "Le président a reçu l'ambassadeur de Chine au palais de la présidence mardi.\n\xC2\xA9 2023 Jeune Afrique. Tous droits réservés",
     "furniture[© 2023 Jeune Afrique. Tous droits réservés]"},
    /* appended */
    {"appended-emoji",
     "Au terme de leur visite au Kazakhstan, le chef de l'Etat et sa délégation ont quitté Astana le même jour.- AVI\n"
     "\xF0\x9F\x93\x9D\xC3\x89" "dito: Lutte contre les fléaux naturels: Toute la vérité\nDepuis la mise en œuvre du modèle d'administration locale, les responsabilités sont définies.",
     "signature[- AVI]appended[📝Édito: Lutte contre les fléaux naturels: Toute la vérité\nDepuis la mise en œuvre du modèle d'administration locale, les responsabilités sont définies.]"},
    {"appended-same-subject",
     "Le président a reçu l'ambassadeur de Chine au palais de la présidence mardi matin.\n\nSur le même sujet\n\nLe Mali expulse l'ambassadeur de France\nLa Cédéao lève ses sanctions contre le Niger",
     "appended[Sur le même sujet\n\nLe Mali expulse l'ambassadeur de France\nLa Cédéao lève ses sanctions contre le Niger]"},
    {"appended-read-more", "Le M23 a gagné du terrain samedi dans l'est de la RDC, s'emparant de deux localités.\n\n\nLire la suite sur RFI",
     "appended[Lire la suite sur RFI]"},
    {"appended-similar-colon", "Le M23 a gagné du terrain samedi dans l'est de la RDC, s'emparant de deux localités.\nArticles similaires : Le Rwanda regrette la décision",
     "appended[Articles similaires : Le Rwanda regrette la décision]"},
    /* negative cases: article text that must stay article */
    {"neg-photo-prose", "Le président a publié une photo de la rencontre sur son compte Twitter, a indiqué la présidence.", ""},
    {"neg-photo-colon-lower", "Il a montré la photo : les deux chefs d'État se serrent la main devant le palais.", ""},
    {"neg-photoshop", "Photoshop et les logiciels de retouche sont devenus courants dans les rédactions", ""},
    {"neg-partager", "Partager les richesses du sous-sol reste une priorité, a déclaré le ministre des Mines.", ""},
    {"neg-partager-sur", "Partager sur les réseaux sociaux des informations non vérifiées est puni par la loi.", ""},
    {"neg-publicite", "La publicité politique est interdite pendant la campagne, rappelle la CEI.\nPUBLICITÉ mensongère : le ministre porte plainte contre un opérateur.", ""},
    {"neg-same-subject-prose", "Le président a reçu l'ambassadeur de Chine au palais mardi matin.\nSur le même sujet, le ministre a rappelé que les accords de 2019 restent en vigueur.", ""},
    {"neg-heading", "Le président a reçu son homologue au palais pour des entretiens mardi matin.\n\nMacky Sall parle du terrorisme\n\nLes deux chefs d'État ont signé cinq accords de coopération.", ""},
    {"neg-title-run", "Côte d'Ivoire et Afrique occidentale\nBilan positif des échanges entre la Côte d'Ivoire et le Burkina Faso\n\nLa Côte d'Ivoire et le Burkina Faso accroissent leurs échanges commerciaux.", ""},
    {"neg-allcaps-title", "LE PRESIDENT CONGOLAIS DENIS SASSOU-N\xE2\x80\x99GUESSO EN VISITE D\xE2\x80\x99\xC3\x89TAT EN COTE D\xE2\x80\x99IVOIRE\n\nLe président congolais est arrivé à Abidjan.", ""},
    {"neg-dateline", "Hanoi (VNA) \xE2\x80\x93 Le ministre des Affaires étrangères s\xE2\x80\x99" "est entretenu jeudi avec son homologue.", ""},
    {"neg-acronym-end", "Le Mali a dénoncé un acte hostile, selon un communiqué de l'AES\nLe sommet Chine - ASEAN", ""},
    {"neg-dash-acronym", "Les relations entre le Vietnam et l'ASEAN se renforcent, selon les diplomates - ONU", ""},
    {"neg-truncated-tail", "L'ex-président a lancé vendredi un appel solennel à l'ouverture d'un dialogue politique inclusif.\n\nL\xE2\x80\x99" "ancien Président", ""},
    {"neg-tail-sentence", "Le président a reçu son homologue au palais pour des entretiens mardi matin.\nLe Mali", ""},
    {"neg-emoji-heading", "Le président a reçu son homologue au palais pour des entretiens mardi matin.\n\xF0\x9F\x94\xB4 Les faits marquants de la visite\nLes deux chefs d'État ont signé cinq accords.", ""},
    {"neg-marker-first", "Éditorial\n\nLe président a reçu son homologue au palais pour des entretiens mardi matin.", "furniture[Éditorial\n]"},
    {"neg-quote-list", "Les accords portent sur :\n- la défense ;\n- l'éducation ;\n- la santé.\nLe texte a été signé mardi.", ""},
    {"neg-empty", "", ""},
    {"neg-blank", "\n\n   \n", ""},
};

/* Zones of normalised in as "kind[text]...". */
static char *test_zones(arena *a, const char *in, zone **zs, size_t *nz, char **text, size_t *tlen) {
  uint32_t *map;
  normalise_text(a, in, strlen(in), text, tlen, &map);
  *nz = clean_zones(a, *text, *tlen, zs);
  size_t cap = 64;
  for (size_t i = 0; i < *nz; i++) cap += (*zs)[i].end - (*zs)[i].start + 16;
  char *out = arena_alloc(a, cap), *p = out;
  *p = '\0';
  for (size_t i = 0; i < *nz; i++) {
    const zone *z = &(*zs)[i];
    p += sprintf(p, "%s[%.*s]", zone_name((zone_kind)z->kind), (int)(z->end - z->start), *text + z->start);
  }
  return out;
}

/* sorted, in range, non-empty, non-overlapping, of a known kind, on
 * character boundaries, not two mergeable zones in a row */
static int test_invariants(const char *t, size_t len, const zone *z, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (z[i].start >= z[i].end || z[i].end > len) return 0;
    if (z[i].kind == ZONE_ARTICLE || z[i].kind >= ZONE__COUNT) return 0;
    if ((t[z[i].start] & 0xC0) == 0x80) return 0;
    if (z[i].end < len && (t[z[i].end] & 0xC0) == 0x80) return 0;
    if (i && z[i].start < z[i - 1].end) return 0;
    if (i && z[i].start == z[i - 1].end && z[i].kind == z[i - 1].kind) return 0;
  }
  return 1;
}

static void test_cases(void) {
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    arena a;
    arena_init(&a);
    zone *zs;
    size_t nz, tlen;
    char *text;
    char *got = test_zones(&a, cases[i].in, &zs, &nz, &text, &tlen);
    EXPECT_STR(cases[i].id, cases[i].zones, got);
    EXPECT(test_invariants(text, tlen, zs, nz), cases[i].id, "zone invariants broken");
    arena_free(&a);
  }
}

static void test_run(void) {
  const char *in = " date 2023-08 Le président a reçu son homologue.\n\nPhoto : VNA\n";
  dyad_doc *doc = dyad_doc_new("t", NULL, in, strlen(in), NULL);
  dyad_err err = {0};
  /* before normalise: no text, no zone */
  EXPECT_INT("run-before-normalise", 0, clean_run(doc, NULL, &err));
  EXPECT_INT("run-before-normalise-nzones", 0, doc->nzones);
  uint32_t *map;
  normalise_text(&doc->mem, doc->orig, doc->orig_len, &doc->text, &doc->text_len, &map);
  doc->omap = map;
  EXPECT_INT("run", 0, clean_run(doc, NULL, &err));
  EXPECT_INT("run-nzones", 2, doc->nzones);
  EXPECT_INT("run-zone-at-0", ZONE_HEADER, doc_zone_at(doc, 0));
  EXPECT_INT("run-zone-at-14", ZONE_ARTICLE, doc_zone_at(doc, 14));
  EXPECT_INT("run-zone-at-photo", ZONE_CAPTION, doc_zone_at(doc, (uint32_t)(strstr(doc->text, "Photo") - doc->text)));
  dyad_doc_free(doc);

  /* a document whose text is missing is a usage error */
  doc = dyad_doc_new("t", NULL, "abc", 3, NULL);
  doc->text = NULL;
  doc->text_len = 3;
  EXPECT_INT("run-missing-text", DYAD_EUSAGE, clean_run(doc, NULL, &err));
  EXPECT_INT("run-missing-text-err", DYAD_EUSAGE, err.code);
  dyad_doc_free(doc);
}

/* Awkward buffers: not NUL-terminated, invalid UTF-8, huge lines. */
static void test_awkward(void) {
  static const char *const bufs[] = {
      "Photo", "(", "\xC2", "\xF0\x9F", " date 2023-", " date 2023-08", "-", "- VNA", "(AIP)", ")", "\xC2\xA9",
      "Par ", "a\n\n\nb", "\xF0\x9F\x93\x9D", "x ", "A/", "VNA/", "\xC3", "Cr\xC3", "Photo :", "Photo : ",
  };
  for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++) {
    size_t n = strlen(bufs[i]);
    char *copy = malloc(n ? n : 1); /* exact size: ASan catches overreads */
    memcpy(copy, bufs[i], n);
    arena a;
    arena_init(&a);
    zone *z;
    size_t nz = clean_zones(&a, copy, n, &z);
    EXPECT(test_invariants(copy, n, z, nz), bufs[i], "zone invariants broken");
    arena_free(&a);
    free(copy);
  }
  /* one long line, and many short ones: must stay linear (run time is
     checked by eye and by the fuzzer's timeout, not here) */
  size_t big = (size_t)4 << 20;
  char *t = malloc(big);
  for (size_t i = 0; i < big; i++) t[i] = "Photo : a. (Photo AFP) - VNA "[i % 29];
  arena a;
  arena_init(&a);
  zone *z;
  size_t nz = clean_zones(&a, t, big, &z);
  EXPECT(test_invariants(t, big, z, nz), "long-line", "zone invariants broken");
  for (size_t i = 0; i < big; i++) t[i] = "PARTAGER\nAccueil\nLe texte.\n\n"[i % 28];
  nz = clean_zones(&a, t, big, &z);
  EXPECT(test_invariants(t, big, z, nz), "short-lines", "zone invariants broken");
  EXPECT(nz > 0, "short-lines", "expected zones");
  arena_free(&a);
  free(t);
}

static int test_cmp(const void *x, const void *y) {
  return strcmp(*(char *const *)x, *(char *const *)y);
}

static const char *test_corpus_dir(void) {
  const char *env = getenv("DYAD_DEV_CORPUS");
  static const char *const dirs[] = {"../shared/corpus/dev"};
  if (env && *env) return env;
  for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
    DIR *d = opendir(dirs[i]);
    if (d) {
      closedir(d);
      return dirs[i];
    }
  }
  return NULL;
}

static void test_corpus(void) {
  const char *dir = test_corpus_dir();
  DIR *d = dir ? opendir(dir) : NULL;
  if (!d) {
    printf("skip: dev corpus not found, corpus pass skipped\n");
    return;
  }
  char *names[512];
  size_t n = 0;
  struct dirent *de;
  while ((de = readdir(d)) != NULL && n < 512) {
    size_t l = strlen(de->d_name);
    if (l > 4 && !strcmp(de->d_name + l - 4, ".txt")) names[n++] = strdup(de->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, test_cmp);
  size_t total[ZONE__COUNT] = {0};
  for (size_t f = 0; f < n; f++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, names[f]);
    FILE *fp = fopen(path, "rb");
    if (!fp) continue;
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    arena a;
    arena_init(&a);
    char *text;
    size_t tlen;
    uint32_t *map;
    zone *z;
    normalise_text(&a, buf, len, &text, &tlen, &map);
    size_t nz = clean_zones(&a, text, tlen, &z);
    EXPECT(test_invariants(text, tlen, z, nz), names[f], "zone invariants broken");
    size_t per[ZONE__COUNT] = {0}, cnt[ZONE__COUNT] = {0}, marked = 0;
    for (size_t i = 0; i < nz; i++) {
      per[z[i].kind] += z[i].end - z[i].start;
      cnt[z[i].kind]++;
      total[z[i].kind] += z[i].end - z[i].start;
      if (z[i].kind != ZONE_APPENDED) marked += z[i].end - z[i].start;
    }
    /* noisy pages carry up to ~40% of noise; the appended piece at most a
       quarter of the text */
    EXPECT(marked * 2 <= tlen, names[f], "%zu of %zu bytes marked", marked, tlen);
    EXPECT(per[ZONE_APPENDED] * 4 <= tlen, names[f], "%zu of %zu bytes appended", per[ZONE_APPENDED], tlen);
    /* no paragraph of prose is marked, beyond an in-line credit or sign-off */
    size_t ls = 0, zi = 0;
    for (size_t i = 0; i <= tlen; i++) {
      if (i < tlen && text[i] != '\n') continue;
      if (i - ls > 250) {
        size_t cov = 0;
        while (zi < nz && z[zi].end <= ls) zi++;
        for (size_t k = zi; k < nz && z[k].start < i; k++) {
          if (z[k].kind == ZONE_APPENDED) continue;
          size_t s = z[k].start > ls ? z[k].start : ls, e = z[k].end < i ? z[k].end : i;
          if (e > s) cov += e - s;
        }
        EXPECT(cov <= 60, names[f], "paragraph at byte %zu: %zu bytes marked", ls, cov);
      }
      ls = i + 1;
    }
    printf("  corpus %-26s", names[f]);
    for (int k = 1; k < ZONE__COUNT; k++)
      if (cnt[k]) printf(" %s %zu/%zuB", zone_name((zone_kind)k), cnt[k], per[k]);
    printf("\n");
    for (size_t i = 0; i < nz; i++) {
      int zl = (int)(z[i].end - z[i].start);
      printf("    %-9s |", zone_name((zone_kind)z[i].kind));
      for (int k = 0; k < zl && k < 100; k++) {
        char c = text[z[i].start + (size_t)k];
        if (c == '\n') fputs("\\n", stdout);
        else putchar(c);
      }
      printf("%s|\n", zl > 100 ? "..." : "");
    }
    arena_free(&a);
    free(names[f]);
  }
  printf("  corpus: %zu files;", n);
  for (int k = 1; k < ZONE__COUNT; k++) printf(" %s %zuB", zone_name((zone_kind)k), total[k]);
  printf("\n");
}

int main(void) {
  test_cases();
  test_run();
  test_awkward();
  test_corpus();
  HARNESS_END();
}
