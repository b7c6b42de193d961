#!/usr/bin/env python3
"""report.py [--markdown] build/bench/last.kv: the table of bench/run.sh.

Reads the key=value lines bench/run.sh wrote (times in seconds, peak RSS
in KB, exit statuses, corpus sizes, the machine) and prints the results
as a text table, or with --markdown as docs/benchmarks.md.
"""
import signal, sys

AIM_MBS, AIM_WC, AIM_LOAD, AIM_SCALE = 20.0, 5.0, 5000.0, 1.8


def load(path):
    kv = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            k, _, v = line.rstrip("\n").partition("=")
            kv[k] = v
    return kv


def num(kv, k):
    try:
        return float(kv.get(k, ""))
    except ValueError:
        return None


def thousands(x, nd=0):
    return "{:,.{}f}".format(x, nd) if x is not None else ""


def failure(kv, key):
    """None when the run went through (exit 0 or 1), else what happened."""
    rc = num(kv, key + "_rc")
    if rc is None:
        return "not run"
    if rc <= 1:
        return None
    if rc > 128:
        try:
            name = signal.Signals(int(rc) - 128).name
        except ValueError:
            name = "signal %d" % (rc - 128)
        return "CRASHED (%s)" % name
    return "FAILED (exit %d)" % rc


class Bench:
    def __init__(self, kv):
        self.kv = kv
        self.articles = num(kv, "articles")
        self.jbytes = num(kv, "jsonl_bytes")
        self.tbytes = num(kv, "txt_bytes")
        sb, ss = num(kv, "sample_bytes"), num(kv, "sample_sentences")
        self.sentences = ss * self.jbytes / sb if sb and ss else None
        self.wc = num(kv, "wc_s")
        self.threads = kv.get("threads") == "1"

    def row(self, key, label, nbytes=None, sentences=True):
        """label, seconds, CPU seconds, MB/s, articles/s, sentences/s, peak RSS
        MB, x wc -w (per byte), load average, or label and the failure."""
        kv = self.kv
        nbytes = nbytes or self.jbytes
        bad = failure(kv, key)
        if bad:
            return [label, bad]
        s = num(kv, key + "_s")
        rss = num(kv, key + "_rss")
        ratio = (s / nbytes) / (self.wc / self.jbytes) if self.wc else None
        cpu = num(kv, key + "_cpu")
        return [label, "%.2f" % s, "%.2f" % cpu if cpu is not None else "",
                "%.1f" % (nbytes / 1e6 / s), thousands(self.articles / s),
                thousands(self.sentences / s) if sentences and self.sentences else "",
                "%.0f" % (rss / 1024) if rss else "", "%.1f" % ratio if ratio else "",
                kv.get(key + "_load", "")]

    def rows(self):
        one = " --threads 1" if self.threads else ""
        r = [self.row("wc", "wc -w (baseline)"),
             self.row("repair", "text pipeline (code%s --stage=repair)" % one),
             self.row("actors", "+ actors (code%s --stage=actors)" % one),
             self.row("code", "dyad code%s (all stages)" % one)]
        if self.threads:
            r.append(self.row("code_t2", "dyad code --threads 2"))
        r.append(self.row("load", "dyad load%s (fresh SQLite)" % one))
        if self.threads:
            r.append(self.row("load_t2", "dyad load --threads 2"))
        r.append(self.row("tree", "dyad code%s, .txt tree (%s files)" %
                          (one, thousands(self.articles)), nbytes=self.tbytes))
        return r

    def speedups(self):
        out = []
        for k, name in (("code", "dyad code"), ("load", "dyad load")):
            a, b = num(self.kv, k + "_s"), num(self.kv, k + "_t2_s")
            if self.threads and a and b and not failure(self.kv, k) and not failure(self.kv, k + "_t2"):
                out.append("%s: --threads 2 is %.2fx as fast as --threads 1" % (name, a / b))
        return out

    def pair_speedups(self):
        """{"code"|"load": (median, min, max, runs)} of t1/t2 over the paired runs."""
        out = {}
        n = int(num(self.kv, "pairs") or 0)
        for k in ("code", "load"):
            r = []
            for i in range(1, n + 1):
                a, b = "pair_%s_t1_%d" % (k, i), "pair_%s_t2_%d" % (k, i)
                if failure(self.kv, a) or failure(self.kv, b) or not num(self.kv, b + "_s"):
                    continue
                r.append(num(self.kv, a + "_s") / num(self.kv, b + "_s"))
            if r:
                r.sort()
                med = r[len(r) // 2] if len(r) % 2 else (r[len(r) // 2 - 1] + r[len(r) // 2]) / 2
                out[k] = (med, r[0], r[-1], len(r))
        return out

    def pair_lines(self):
        ps = self.pair_speedups()
        return ["%s: --threads 2 is %.2fx as fast as --threads 1, median of %d paired runs on the "
                "first %s articles (%.2f to %.2f)" %
                (name, ps[k][0], ps[k][3], thousands(num(self.kv, "pair_articles")), ps[k][1], ps[k][2])
                for k, name in (("code", "dyad code"), ("load", "dyad load")) if k in ps]

    def per_file(self):
        a, b = num(self.kv, "code_s"), num(self.kv, "tree_s")
        if a is None or b is None or failure(self.kv, "code") or failure(self.kv, "tree"):
            return None
        return "%+.3f ms per article (%+.0f%%) reading one .txt file each instead of one JSONL line" % (
            (b - a) * 1e3 / self.articles, (b / a - 1) * 100)

    def steps(self):
        """articles, MB, code s, CPU s, RSS MB, load s, CPU s, RSS MB."""
        out = []
        for n in self.kv.get("steps", "").split():
            row = [thousands(float(n)), "%.1f" % (num(self.kv, "bytes_" + n) / 1e6)]
            for k in ("code", "load"):
                key = "%s_%s" % (k, n)
                bad = failure(self.kv, key)
                if bad:
                    row += [bad, "", ""]
                else:
                    rss, cpu = num(self.kv, key + "_rss"), num(self.kv, key + "_cpu")
                    row += ["%.2f" % num(self.kv, key + "_s"), "%.2f" % cpu if cpu is not None else "",
                            "%.0f" % (rss / 1024) if rss else ""]
            out.append(row)
        return out

    def merge_growth(self):
        """dyad code's peak RSS growth per event coded, first to last step."""
        ns = [n for n in self.kv.get("steps", "").split()
              if num(self.kv, "events_" + n) and num(self.kv, "code_%s_rss" % n)
              and not failure(self.kv, "code_" + n)]
        if len(ns) < 2:
            return None
        a, b = ns[0], ns[-1]
        de = num(self.kv, "events_" + b) - num(self.kv, "events_" + a)
        dr = (num(self.kv, "code_%s_rss" % b) - num(self.kv, "code_%s_rss" % a)) * 1024
        if de <= 0:
            return None
        actors = num(self.kv, "actors_rss")
        return ("`dyad code`'s peak RSS grows by %.0f bytes per event coded (%s events at %s "
                "articles, %s at %s): its in-memory merge index%s" %
                (dr / de, thousands(num(self.kv, "events_" + a)), thousands(float(a)),
                 thousands(num(self.kv, "events_" + b)), thousands(float(b)),
                 "; without it (`--stage=actors`, which does not merge) the whole corpus "
                 "peaks at %.0f MB" % (actors / 1024) if actors else ""))

    def startup(self):
        if failure(self.kv, "startup"):
            return "start-up: " + failure(self.kv, "startup")
        rss = num(self.kv, "startup_rss")
        return "start-up: %.0f ms%s (process, lexicon, dictionaries; empty input)" % (
            num(self.kv, "startup_s") * 1e3, ", %.0f MB peak RSS" % (rss / 1024) if rss else "")

    def aims(self):
        kv, out = self.kv, []
        def by_cpu(key, fmt):
            c = num(kv, key + "_cpu")
            return (" (%s by CPU time)" % fmt(c)) if c else ""
        s = num(kv, "code_s")
        if s and not failure(kv, "code"):
            mbs = self.jbytes / 1e6 / s
            out.append("dyad code >= %.0f MB/s on one core: %.1f MB/s%s: %s" %
                       (AIM_MBS, mbs, by_cpu("code", lambda c: "%.1f" % (self.jbytes / 1e6 / c)),
                        "met" if mbs >= AIM_MBS else "not met"))
            if self.wc:
                wcc = num(kv, "wc_cpu")
                out.append("dyad code within %.0fx the time of wc -w: %.1fx%s: %s" %
                           (AIM_WC, s / self.wc,
                            by_cpu("code", lambda c: "%.1fx" % (c / wcc)) if wcc else "",
                            "met" if s / self.wc <= AIM_WC else "not met"))
        # dyad load runs on every core by default: the aim is for that run
        k = "load_t2" if num(kv, "load_t2_s") and not failure(kv, "load_t2") else "load"
        s = num(kv, k + "_s")
        if s and not failure(kv, k):
            aps = self.articles / s
            out.append("dyad load >= %s articles/s (--threads %s; by default it uses every core): "
                       "%s articles/s: %s" %
                       (thousands(AIM_LOAD), "2" if k == "load_t2" else "1", thousands(aps),
                        "met" if aps >= AIM_LOAD else "not met"))
        ps = self.pair_speedups()
        if "code" in ps:
            out.append("dyad code --threads 2 at least %.1fx as fast as --threads 1: %.2fx (median "
                       "of %d paired runs): %s" % (AIM_SCALE, ps["code"][0], ps["code"][3],
                                                  "met" if ps["code"][0] >= AIM_SCALE else "not met"))
        return out

    def context(self):
        kv = self.kv
        c = ["%s %s (%s)" % (kv.get("date", ""), kv.get("dyad", ""), kv.get("version", "")),
             "machine: %s CPUs (%s), %s GB; load average %s before, %s after" %
             (kv.get("nproc"), kv.get("cpu"), kv.get("mem_gb"), kv.get("load_before"),
              kv.get("load_after")),
             "corpus: %s articles, %.1f MB JSONL (%s bytes an article), %s sentences; the same "
             "articles as %s .txt files in %s directories, %.1f MB" %
             (thousands(self.articles), self.jbytes / 1e6, thousands(self.jbytes / self.articles),
              "~" + thousands(self.sentences) if self.sentences else "?",
              thousands(self.articles), kv.get("txt_dirs"), self.tbytes / 1e6)]
        if kv.get("note"):
            c.append("note: " + kv["note"])
        return c


def text(b):
    out = ["dyad bench " + b.context()[0]] + b.context()[1:] + [""]
    head = ["run", "time s", "CPU s", "MB/s", "articles/s", "sentences/s", "peak RSS MB",
            "x wc -w", "load"]
    rows = b.rows()
    w = [max(len(r[i]) if i < len(r) else 0 for r in rows + [head]) for i in range(len(head))]
    w[0] = max(w[0], max(len(r[0]) for r in rows))

    def fmt(r):
        if len(r) == 2:
            return r[0].ljust(w[0]) + "  " + r[1]
        return "  ".join([r[0].ljust(w[0])] + [c.rjust(w[i + 1]) for i, c in enumerate(r[1:])])
    out += [fmt(head)] + [fmt(r) for r in rows]
    out += b.speedups() + b.pair_lines()
    pf = b.per_file()
    if pf:
        out.append(".txt tree: " + pf)
    out += ["", "peak RSS against input (the first N articles of the JSONL):"]
    sh = ["articles", "MB", "code s", "CPU s", "RSS MB", "load s", "CPU s", "RSS MB"]
    srows = b.steps()
    sw = [max(len(r[i]) for r in srows + [sh]) for i in range(len(sh))]
    out += ["  ".join(c.rjust(sw[i]) for i, c in enumerate(r)) for r in [sh] + srows]
    if b.merge_growth():
        out.append(b.merge_growth())
    out += ["", b.startup(), "aims:"] + ["  " + a for a in b.aims()]
    out.append("(MB/s, articles/s, sentences/s: by wall-clock time; CPU s: user + system; "
               "sentences: dyad dump --stage=segment, every zone, on the first %s articles, "
               "extrapolated by bytes; x wc -w: wall time per byte over wc -w's on the JSONL; "
               "load: the 1-minute load average at the end of the run)" %
               thousands(num(b.kv, "sample_articles")))
    return "\n".join(out)


def markdown(b):
    kv = b.kv
    one = " --threads 1" if b.threads else ""
    out = ["# Benchmarks", "",
           "Generated by `bench/run.sh --write-doc` (`make bench-doc`); `make bench` reproduces "
           "the measurements (printed, and appended to `build/bench/results.txt`) without "
           "rewriting this file.  Every number below comes from one run, on the same bytes.", "",
           "## Machine and run", "",
           "- date: %s" % kv.get("date", ""),
           "- dyad: `%s` at `%s`" % (kv.get("dyad", ""), kv.get("version", "")),
           "- machine: %s CPUs (`nproc`), %s (`/proc/cpuinfo`), %s GB of memory; a shared "
           "machine: load average %s before the run, %s after" %
           (kv.get("nproc"), kv.get("cpu"), kv.get("mem_gb"), kv.get("load_before"),
            kv.get("load_after"))]
    if kv.get("note"):
        out.append("- note: " + kv["note"])
    out += ["", "## Corpus", "",
            "`tools/mkcorpus.py` (fixed seed) recombines the sentences of the dev articles "
            "(`%s`) into articles of 3 to 10 sentences and varies, article by article, the states "
            "(name with its article or preposition, capital, nationality adjective), the people "
            "and the dates (weekday, day, month, year).  %s articles, %.1f MB of JSONL (%s bytes "
            "an article), about %s sentences; the same articles as %s `.txt` files in %s "
            "directories (%.1f MB, a `date` first line each).  Cached in `%s`." %
            (kv.get("src"), thousands(b.articles), b.jbytes / 1e6,
             thousands(b.jbytes / b.articles),
             thousands(b.sentences) if b.sentences else "?", thousands(b.articles),
             kv.get("txt_dirs"), b.tbytes / 1e6, kv.get("corpus")),
            "", "## Throughput", "",
            "| run | time s | CPU s | MB/s | articles/s | sentences/s | peak RSS MB | × `wc -w` "
            "| load avg |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for r in b.rows():
        if len(r) == 2:
            out.append("| %s | %s | | | | | | | |" % (r[0], r[1]))
        else:
            out.append("| " + " | ".join(r) + " |")
    out.append("")
    notes = b.speedups() + b.pair_lines()
    pf = b.per_file()
    if pf:
        notes.append("`.txt` tree: " + pf)
    notes.append(b.startup())
    out += ["- " + n for n in notes]
    out += ["", "## Memory against input", "",
            "Peak RSS of `dyad code%s` and `dyad load%s` (each into a fresh store) on the first "
            "N articles of the JSONL:" % (one, one), "",
            "| articles | MB | code s | code CPU s | code peak RSS MB | load s | load CPU s "
            "| load peak RSS MB |",
            "|--:|--:|--:|--:|--:|--:|--:|--:|"]
    out += ["| " + " | ".join(r) + " |" for r in b.steps()]
    if b.merge_growth():
        out += ["", "- " + b.merge_growth()]
    out += ["", "## Aims", ""] + ["- " + a for a in b.aims()]
    out += ["", "## Method", "",
            "- Wall-clock time of each command, its output thrown away (`>/dev/null`); the corpus "
            "is read once before the first timing so that every run reads from the page cache.",
            "- Peak RSS: GNU time's `%M`; CPU s: its `%U` + `%S` (package `time`).  MB/s, "
            "articles/s and sentences/s are by wall-clock time; on a shared machine the CPU "
            "seconds are the steadier measure (the wall clock also counts the time other "
            "processes had the core), and the load average column (1 minute, at the end of each "
            "run) tells how shared it was.",
            "- Sentences: `dyad dump --stage=segment` (every zone: article, captions, "
            "signatures...) on the first %s articles, extrapolated to the corpus by bytes; "
            "dyad has no sentence counter of its own." % thousands(num(kv, "sample_articles")),
            "- Thread scaling: `dyad code` and `dyad load` with `--threads 1`, then `--threads 2`, "
            "in turn, %s times on the first %s articles; the median of the paired ratios (one run "
            "of each on the whole corpus, in the table, moves with whatever else the machine runs "
            "meanwhile)." % (kv.get("pairs", "?"), thousands(num(kv, "pair_articles"))),
            "- × `wc -w`: time per byte over that of `wc -w` on the JSONL, measured in the same "
            "run (the `.txt` tree has fewer bytes: no JSON syntax, a `date` line instead).",
            "- `dyad code` (all stages) merges the reports of one event across its whole input "
            "in memory (`cli/dyad.c`, `dyad_merge`), so its memory grows with the events coded; "
            "`dyad load` keeps its merge index in the SQLite store.",
            "- `dyad load` writes to a fresh SQLite file (`build/bench/load.db`, WAL) and merges "
            "the reports of one event as it goes%s." %
            ("; last summary: `%s`" % kv["load_summary"] if kv.get("load_summary") else ""),
            "- With `--threads` (when `dyad code --help` lists it) every run is given "
            "`--threads 1` but the `--threads 2` rows.", ""]
    return "\n".join(out)


def main():
    args = sys.argv[1:]
    md = "--markdown" in args
    args = [a for a in args if a != "--markdown"]
    if len(args) != 1:
        sys.exit(__doc__)
    b = Bench(load(args[0]))
    print(markdown(b) if md else text(b))


main()
