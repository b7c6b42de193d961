#!/usr/bin/env python3
"""mkcorpus.py: build a benchmark corpus by recombining the sentences of
real articles, with varied names and dates.

    mkcorpus.py OUTDIR MEGABYTES ARTICLES SRC_DIR...

Reads every *.txt under the SRC_DIRs (a leading " date 2023-06" header
dropped), cuts them into paragraphs and sentences (roughly: after . ! ?
followed by white space), and turns each sentence into a template: the
states named in it (by name, with the article or preposition before it,
by capital, by nationality adjective), the people named in it (the
names and variants of the repository's data/people-*.tsv) and its dates
(weekday, day, month, year) become slots.  It then writes articles of 3
to 10 sentences drawn at random, each with its own date and its own
casting, until the corpus has at least MEGABYTES megabytes of JSONL and
at least ARTICLES articles:

  - every state named in the source sentences is replaced, consistently
    within an article, by one of the ~60 states of COUNTRIES below, in
    the right form ("le Sénégal", "du Sénégal", "au Sénégal"; "la
    Gambie", "de la Gambie", "en Gambie"), its capital by that state's
    capital and its adjective by that state's ("ivoirienne" ->
    "gambienne");
  - every person by a name made of FIRST_NAMES x SURNAMES (the surname
    alone where the source gives the surname alone);
  - every date by one a few days before the article's date (2005-2025),
    with the right weekday; month-year and bare years are shifted with
    the article's year.

Output, in OUTDIR (written as OUTDIR.tmp, then renamed):

  corpus.jsonl        one {"id","date","text"} object per line
  txt/NNNN/ID.txt     the same articles, one file each, 1000 per
                      directory, the date as a first line "date YYYY-MM-DD"
  stats               key=value lines: articles, jsonl_bytes, txt_bytes,
                      txt_files, txt_dirs, sentences (drawn: a proxy)

Each article keeps real noise lines (captions, signatures) in proportion.
Fixed seed: the same inputs give the same corpus, byte for byte.  About a
minute for 200 MB.
"""
import datetime, glob, json, os, random, re, shutil, sys

SEED = 20231118

# ---- States: code, names (first is written; all are recognised), class,
# capitals (first written), adjective m|f (or m|f|mp|fp).
# class: m "le Sénégal / du / au", f "la Gambie / de la / en", v "l'Angola /
# de l' / en", pl "les États-Unis / des / aux", n "Madagascar / de / à",
# nv "Israël / d' / en".  A state with no capital is only recognised.
COUNTRIES = """
CIV	Côte d'Ivoire	f	Abidjan	ivoirien|ivoirienne
COG	Congo|République du Congo	m	Brazzaville	congolais|congolaise
COD	RDC|RD Congo|République démocratique du Congo	f	Kinshasa	congolais|congolaise
SEN	Sénégal	m	Dakar	sénégalais|sénégalaise
GMB	Gambie	f	Banjul	gambien|gambienne
VNM	Vietnam|Viet Nam|Viêt Nam	m	Hanoï|Hanoi	vietnamien|vietnamienne
KAZ	Kazakhstan	m	Astana|Nour-Soultan	kazakh|kazakhe
MLI	Mali	m	Bamako	malien|malienne
NER	Niger	m	Niamey	nigérien|nigérienne
DZA	Algérie	v	Alger	algérien|algérienne
MAR	Maroc	m	Rabat	marocain|marocaine
FRA	France	f	Paris	français|française
RUS	Russie	f	Moscou	russe|russe
RWA	Rwanda	m	Kigali	rwandais|rwandaise
GUY	Guyana	m	Georgetown	guyanien|guyanienne
VEN	Venezuela	m	Caracas	vénézuélien|vénézuélienne
GBR	Royaume-Uni	m	Londres	britannique|britannique
IND	Inde	v	New Delhi	indien|indienne
PAK	Pakistan	m	Islamabad	pakistanais|pakistanaise
AGO	Angola	v	Luanda	angolais|angolaise
ETH	Éthiopie|Ethiopie	v	Addis-Abeba	éthiopien|éthiopienne
KWT	Koweït	m	Koweït City	koweïtien|koweïtienne
PRT	Portugal	m	Lisbonne	portugais|portugaise
KOR	Corée du Sud	f	Séoul	sud-coréen|sud-coréenne
CHN	Chine	f	Pékin|Beijing	chinois|chinoise
SAU	Arabie saoudite	v	Riyad	saoudien|saoudienne
LBN	Liban	m	Beyrouth	libanais|libanaise
CAN	Canada	m	Ottawa	canadien|canadienne
ISR	Israël	nv		israélien|israélienne
BFA	Burkina Faso|Burkina	m	Ouagadougou	burkinabè|burkinabè|burkinabè|burkinabè
USA	États-Unis|Etats-Unis	pl	Washington	américain|américaine
DEU	Allemagne	v	Berlin	allemand|allemande
LTU	Lituanie	f	Vilnius	lituanien|lituanienne
UKR	Ukraine	v	Kiev|Kyiv	ukrainien|ukrainienne
TCD	Tchad	m	N'Djamena	tchadien|tchadienne
NGA	Nigeria	m	Abuja	nigérian|nigériane
LBY	Libye	f	Tripoli	libyen|libyenne
SDN	Soudan	m	Khartoum	soudanais|soudanaise
MRT	Mauritanie	f	Nouakchott	mauritanien|mauritanienne
GIN	Guinée	f	Conakry	guinéen|guinéenne
GNB	Guinée-Bissau	f	Bissau	bissau-guinéen|bissau-guinéenne
GHA	Ghana	m	Accra	ghanéen|ghanéenne
TGO	Togo	m	Lomé	togolais|togolaise
BEN	Bénin	m	Porto-Novo	béninois|béninoise
CMR	Cameroun	m	Yaoundé	camerounais|camerounaise
GAB	Gabon	m	Libreville	gabonais|gabonaise
TUN	Tunisie	f	Tunis	tunisien|tunisienne
KEN	Kenya	m	Nairobi	kényan|kényane
ZAF	Afrique du Sud	v	Pretoria	sud-africain|sud-africaine
JPN	Japon	m	Tokyo	japonais|japonaise
THA	Thaïlande	f	Bangkok	thaïlandais|thaïlandaise
IDN	Indonésie	v	Jakarta	indonésien|indonésienne
LAO	Laos	m	Vientiane	laotien|laotienne
KHM	Cambodge	m	Phnom Penh	cambodgien|cambodgienne
UZB	Ouzbékistan	v	Tachkent	ouzbek|ouzbèke
TUR	Turquie	f	Ankara	turc|turque
IRN	Iran	v	Téhéran	iranien|iranienne
QAT	Qatar	m	Doha	qatarien|qatarienne
ITA	Italie	v	Rome	italien|italienne
ESP	Espagne	v	Madrid	espagnol|espagnole
CHE	Suisse	f	Berne	suisse|suisse
BRA	Brésil	m	Brasilia	brésilien|brésilienne
MEX	Mexique	m	Mexico	mexicain|mexicaine
ARG	Argentine	v	Buenos Aires	argentin|argentine
MDG	Madagascar	n	Antananarivo	malgache|malgache
POL	Pologne	f	Varsovie	polonais|polonaise
HUN	Hongrie	f	Budapest	hongrois|hongroise
MNG	Mongolie	f	Oulan-Bator	mongol|mongole
AUS	Australie	v	Canberra	australien|australienne
"""

FIRST_NAMES = """Aminata Abdoulaye Adama Aïcha Amadou Awa Bakary Boubacar Cheikh Daouda
Fatou Ibrahima Issa Kadiatou Lamine Mamadou Mariama Moussa Ousmane Salif
Seydou Souleymane Yacouba Koffi Kouassi Akissi Yao Affoué Kwame Ama Chinedu
Ngozi Emeka Amina Hassan Fatima Karim Leïla Nabil Samira Youssef Khadija
Tarek Rania Omar Nadia Jean Pierre Marie Claire François Isabelle Philippe
Catherine Nicolas Sophie Antoine Hélène Laurent Anne Olivier Élise Marc
Ana João Miguel Lucía Carlos Elena Andreï Olga Dmitri Irina Sergueï Tatiana
Nguyen Minh Lan Hoa Tuan Thu Aigerim Nurlan Dinara Yerlan Asel Daniyar
Hiroshi Yuki Ravi Priya Arjun Meera Wei Ling Jun Mei Kwabena Tendai
Thandiwe Sipho Zodwa Haile Tsegaye Mekdes Joseph Alain Bernadette Hamid""".split()

SURNAMES = """Diallo Traoré Koné Coulibaly Diop Ndiaye Sow Ba Camara Keïta Touré
Cissé Sangaré Konaté Bamba Kouamé Yao N'Guessan Kouadio Aka Mensah Owusu
Boateng Asante Okafor Adeyemi Okonkwo Bello Abubakar Danjuma Mahamadou
Issoufou Hamani Maïga Sidibé Dembélé Kaboré Ouédraogo Sawadogo Zongo Compaoré
Mbeki Dlamini Nkosi Moyo Banda Phiri Mwangi Otieno Kamau Wanjiru Tesfaye
Bekele Alemu Haddad Benali Mansouri Belkacem Cherif Amrani Bennani Tazi
El Fassi Karam Khoury Haddadi Nasser Saleh Rahman Hussein Dubois Martin
Bernard Moreau Lefèvre Girard Fontaine Rousseau Mercier Lambert Bonnet
Garnier Chevalier Ferreira Santos Oliveira Costa Pereira Almeida Silva
Ivanov Petrov Smirnov Volkov Sokolov Kuznetsov Popov Nguyen Tran Le Pham
Hoang Vu Dang Bui Do Ho Nurpeisov Abenov Seitkali Zhaksybekov Tokayev
Suleimenov Tanaka Suzuki Sato Sharma Gupta Patel Singh Rao Wang Li Zhang
Liu Chen Yang Kim Park Lee Mendes Ribeiro Morales Herrera Castillo""".split()

DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
          "août", "septembre", "octobre", "novembre", "décembre"]
MONTH_NUM = {m: i + 1 for i, m in enumerate(MONTHS)}
MONTH_NUM.update({"fevrier": 2, "aout": 8, "decembre": 12})
VOWELS = "aeiouyàâäéèêëîïôöùûüœhAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒH"
APOS = "'’"


def cap1(s):
    return s[:1].upper() + s[1:]


def plural(w):
    return w if w[-1:] in "sx" else w + "s"


class Country:
    __slots__ = ("code", "names", "cls", "capitals", "dem", "forms")

    def __init__(self, line):
        code, names, cls, caps, dem = line.split("\t")
        self.code, self.names, self.cls = code, names.split("|"), cls
        self.capitals = [c for c in caps.split("|") if c]
        d = dem.split("|")
        self.dem = d if len(d) == 4 else [d[0], d[1], plural(d[0]), plural(d[1])]
        n = self.names[0]
        # the forms by case, for each apostrophe
        self.forms = {}
        for a in APOS:
            de = ("d" + a + n) if n[0] in VOWELS else "de " + n
            f = {
                "m": {"def": "le " + n, "gen": "du " + n, "loc": "au " + n, "deb": "du " + n,
                      "dat": "au " + n},
                "f": {"def": "la " + n, "gen": "de la " + n, "loc": "en " + n, "deb": de,
                      "dat": "à la " + n},
                "v": {"def": "l" + a + n, "gen": "de l" + a + n, "loc": "en " + n, "deb": de,
                      "dat": "à l" + a + n},
                "pl": {"def": "les " + n, "gen": "des " + n, "loc": "aux " + n, "deb": "des " + n,
                       "dat": "aux " + n},
                "n": {"def": n, "gen": de, "loc": "à " + n, "deb": de, "dat": "à " + n},
                "nv": {"def": n, "gen": de, "loc": "en " + n, "deb": de, "dat": "à " + n},
            }[self.cls]
            f["bare"] = n
            self.forms[a] = {k: v.replace("'", a) for k, v in f.items()}


def load_countries():
    return [Country(l) for l in COUNTRIES.strip("\n").split("\n")]


# The preposition or article before a state's name -> the case it asks for.
PREFIX_CASE = {"de la": "gen", "de l'": "gen", "du": "gen", "des": "gen", "au": "loc",
               "aux": "loc", "en": "loc", "d'": "deb", "de": "deb", "la": "def", "le": "def",
               "les": "def", "l'": "def", "à la": "dat", "à l'": "dat", "à": "loc"}


def alt(words):
    """A regex alternation of words, longest first, any apostrophe."""
    out = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        out.append(("[" + APOS + "]").join(re.escape(x) for x in re.split("[" + APOS + "]", w)))
    return "|".join(out)


def load_people(datadir):
    """(variant -> (person key, full)) from data/people-*.tsv: full when the
    variant has as many words as the name, else a surname form."""
    people = {}
    for p in sorted(glob.glob(os.path.join(datadir, "people-*.tsv"))):
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 5 or cols[0] == "country":
                    continue
                name = cols[4]
                variants = [name] + [v for v in (cols[5].split("|") if len(cols) > 5 else []) if v]
                nw = len(name.split())
                for v in variants:
                    if len(v) < 4 or v in people:
                        continue
                    people[v] = (name, len(v.split()) >= nw)
    return people


class Templater:
    """Turns a sentence into a list of literal strings and slots."""

    def __init__(self, countries, people):
        self.by_text = {}  # matched entity text (any apostrophe folded) -> (kind, code, index)
        names, caps, dems = [], [], []
        for c in countries:
            for n in c.names:
                names.append(n)
                self.by_text.setdefault(self.fold(n), ("C", c.code, 0))
            for k in c.capitals:
                caps.append(k)
                self.by_text.setdefault(self.fold(k), ("K", c.code, 0))
            for i, d in enumerate(c.dem):
                for form in (d, cap1(d)):
                    dems.append(form)
                    self.by_text.setdefault(self.fold(form), ("D", c.code, i))
        pre = alt(PREFIX_CASE)
        self.entity_re = re.compile(
            r"(?<!\w)(?:(?P<pre>(?i:%s))(?:(?<=['’])|\s+))?(?P<ent>%s)(?!\w)" %
            (pre, alt(names + caps + dems)))
        self.people = {self.fold(k): v for k, v in people.items()}
        self.people_re = re.compile(r"(?<!\w)(%s)(?!\w)" % alt(people)) if people else None
        days, months = "|".join(DAYS), alt(MONTH_NUM)
        self.date_re = re.compile(
            r"(?<!\w)(?:(?P<wd>(?i:%s))\s+)?(?P<d>1er|[1-9]|[12]\d|3[01])\s+(?P<m>(?i:%s))"
            r"(?:\s+(?P<y>(?:19|20)\d\d))?(?!\w)" % (days, months))
        self.my_re = re.compile(r"(?<!\w)(?P<m>(?i:%s))\s+(?P<y>(?:19|20)\d\d)(?!\w)" % months)
        self.year_re = re.compile(r"(?<![\w/])(?<!\d[.,])(?:19[5-9]\d|20[0-4]\d)(?!\w|[.,/]\d)")
        self.wd_re = re.compile(r"(?<!\w)(?i:%s)(?!\w)" % days)

    @staticmethod
    def fold(s):
        return s.replace("’", "'")

    def template(self, sent):
        parts = [sent]
        parts = self.apply(parts, self.people_re, self.person)
        parts = self.apply(parts, self.entity_re, self.entity)
        parts = self.apply(parts, self.date_re, self.date)
        parts = self.apply(parts, self.my_re, self.monthyear)
        parts = self.apply(parts, self.year_re, lambda m: ("Y", int(m.group(0))))
        parts = self.apply(parts, self.wd_re, lambda m: ("WD", m.group(0)[0].isupper()))
        # merge adjacent literals
        out = []
        for p in parts:
            if isinstance(p, str) and out and isinstance(out[-1], str):
                out[-1] += p
            elif p != "":
                out.append(p)
        return out

    @staticmethod
    def apply(parts, rx, fn):
        if rx is None:
            return parts
        out = []
        for p in parts:
            if not isinstance(p, str):
                out.append(p)
                continue
            pos = 0
            for m in rx.finditer(p):
                slot = fn(m)
                if slot is None:
                    continue
                out.append(p[pos:m.start()])
                out.append(slot)
                pos = m.end()
            out.append(p[pos:])
        return out

    def person(self, m):
        key, full = self.people[self.fold(m.group(1))]
        return ("P", key, full)

    def entity(self, m):
        pre, ent = m.group("pre"), m.group("ent")
        kind, code, idx = self.by_text[self.fold(ent)]
        apo = "’" if "’" in m.group(0) else "'"
        if kind == "C":
            case = "bare"
            if pre:
                p = self.fold(pre).lower()
                case = PREFIX_CASE[re.sub(r"\s+", " ", p)]
            upper = (pre or ent)[0].isupper()
            return ("C", code, case, upper, apo)
        lit = pre or ""
        if lit and not lit.endswith(APOS):
            lit += m.group(0)[len(pre):m.start("ent") - m.start()]
        if kind == "K":
            return ("K", code, lit, apo)
        return ("D", code, idx, ent[0].isupper(), lit, apo)

    def date(self, m):
        wd = m.group("wd")
        return ("DATE", wd[0].isupper() if wd else None, m.group("y") is not None)

    def monthyear(self, m):
        return ("MY", m.group("m")[0].isupper(), int(m.group("y")))


def elide(lit, word, apo):
    """Put the literal preposition or article before word, eliding as French
    does: de/d', le/la/l'."""
    if not lit:
        return word
    f = Templater.fold(lit).rstrip()
    low = f.lower()
    vowel = word[:1] in VOWELS
    up = lit[0].isupper()
    if low in ("de", "d'"):
        r = ("d" + apo) if vowel else "de "
    elif low in ("le", "la", "l'"):
        r = ("l" + apo) if vowel else (low + " " if low != "l'" else "le ")
    else:
        return lit + word
    return (cap1(r) if up else r) + word


def read_sentences(dirs):
    sents = []
    header = re.compile(r"^\ufeff?\s*[dD]ate\s*:?\s*\d{4}(?:-\d\d){0,2}\s*")
    for d in dirs:
        for p in sorted(glob.glob(os.path.join(d, "**", "*.txt"), recursive=True)):
            with open(p, encoding="utf-8", errors="replace") as f:
                text = header.sub("", f.read(), count=1)
            for para in text.split("\n"):
                para = para.strip()
                if para:
                    sents.extend(s for s in re.split(r"(?<=[.!?])\s+", para) if s)
    return sents


class Article:
    """One article's casting: states, people, date."""

    def __init__(self, rnd, countries, date):
        self.rnd, self.countries, self.date = rnd, countries, date
        self.state, self.used, self.people = {}, set(), {}
        self.shift = date.year - 2023

    def country(self, code):
        c = self.state.get(code)
        if c is None:
            for _ in range(8):
                c = self.rnd.choice(self.countries)
                if c.code not in self.used:
                    break
            self.used.add(c.code)
            self.state[code] = c
        return c

    def person(self, key):
        p = self.people.get(key)
        if p is None:
            p = self.people[key] = (self.rnd.choice(FIRST_NAMES), self.rnd.choice(SURNAMES))
        return p

    def render(self, tpl):
        out = []
        for p in tpl:
            if isinstance(p, str):
                out.append(p)
                continue
            k = p[0]
            if k == "C":
                s = self.country(p[1]).forms[p[4]][p[2]]
                out.append(cap1(s) if p[3] else s)
            elif k == "P":
                f, l = self.person(p[1])
                out.append(f + " " + l if p[2] else l)
            elif k == "K":
                out.append(elide(p[2], self.country(p[1]).capitals[0], p[3]))
            elif k == "D":
                w = self.country(p[1]).dem[p[2]]
                out.append(elide(p[4], cap1(w) if p[3] else w, p[5]))
            elif k == "DATE":
                d = self.date - datetime.timedelta(days=self.rnd.randint(0, 9))
                s = ("1er" if d.day == 1 else str(d.day)) + " " + MONTHS[d.month - 1]
                if p[1] is not None:
                    w = DAYS[d.weekday()]
                    s = (cap1(w) if p[1] else w) + " " + s
                if p[2]:
                    s += " " + str(d.year)
                out.append(s)
            elif k == "MY":
                m = MONTHS[self.date.month - 1]
                out.append((cap1(m) if p[1] else m) + " " + str(p[2] + self.shift))
            elif k == "Y":
                out.append(str(p[1] + self.shift))
            elif k == "WD":
                w = DAYS[self.rnd.randrange(7)]
                out.append(cap1(w) if p[1] else w)
        return "".join(out)


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    outdir, mb, want = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    dirs = sys.argv[4:]
    sents = read_sentences(dirs)
    if not sents:
        sys.exit("mkcorpus: no sentences found in " + " ".join(dirs))
    here = os.path.dirname(os.path.abspath(__file__))
    countries = load_countries()
    targets = [c for c in countries if c.capitals]
    people = load_people(os.path.join(here, "..", "data"))
    tp = Templater(countries, people)
    tpls = [tp.template(s) for s in sents]
    nslots = sum(1 for t in tpls for p in t if not isinstance(p, str))

    rnd = random.Random(SEED)
    target = int(mb * 1e6)
    day0 = datetime.date(2005, 1, 1).toordinal()
    ndays = datetime.date(2025, 12, 31).toordinal() - day0 + 1
    tmp = outdir.rstrip("/") + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(os.path.join(tmp, "txt"))
    size = txt_bytes = n = drawn = 0
    dirname = None
    with open(os.path.join(tmp, "corpus.jsonl"), "w", encoding="utf-8") as f:
        while size < target or n < want:
            date = datetime.date.fromordinal(day0 + rnd.randrange(ndays))
            art = Article(rnd, targets, date)
            k = rnd.randint(3, 10)
            drawn += k
            body, para = [], []
            for _ in range(k):
                para.append(art.render(rnd.choice(tpls)))
                if rnd.random() < 0.3:
                    body.append(" ".join(para))
                    para = []
            if para:
                body.append(" ".join(para))
            text = "\n\n".join(body)
            aid, ds = "bench-%07d" % n, date.isoformat()
            line = json.dumps({"id": aid, "date": ds, "text": text}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            if n % 1000 == 0:
                dirname = os.path.join(tmp, "txt", "%04d" % (n // 1000))
                os.mkdir(dirname)
            data = ("date " + ds + "\n\n" + text + "\n").encode("utf-8")
            with open(os.path.join(dirname, aid + ".txt"), "wb") as g:
                g.write(data)
            txt_bytes += len(data)
            n += 1
    with open(os.path.join(tmp, "stats"), "w") as f:
        f.write("articles=%d\njsonl_bytes=%d\ntxt_bytes=%d\ntxt_files=%d\ntxt_dirs=%d\n"
                "sentences_drawn=%d\nsource_sentences=%d\nslots=%d\nseed=%d\n" %
                (n, size, txt_bytes, n, (n + 999) // 1000, drawn, len(sents), nslots, SEED))
    shutil.rmtree(outdir, ignore_errors=True)
    os.replace(tmp, outdir)
    print("mkcorpus: %s: %d articles, %.1f MB JSONL, %.1f MB in %d .txt files; "
          "%d source sentences, %d name and date slots" %
          (outdir, n, size / 1e6, txt_bytes / 1e6, n, len(sents), nslots), file=sys.stderr)


main()
