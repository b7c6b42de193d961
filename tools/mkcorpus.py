#!/usr/bin/env python3
"""mkcorpus.py: build a benchmark corpus by recombining the sentences of
real articles.

    mkcorpus.py OUT.jsonl MEGABYTES SRC_DIR...

Reads every *.txt under the SRC_DIRs, cuts them into paragraphs and
sentences (roughly: after . ! ? followed by a space), and writes JSONL
articles of 5 to 40 sentences drawn at random (fixed seed: the same
inputs give the same corpus) until OUT reaches MEGABYTES.  Each article
keeps real noise lines (captions, signatures) in proportion.
"""
import glob, json, os, random, re, sys


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    out, mb, dirs = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    sents = []
    for d in dirs:
        for p in sorted(glob.glob(os.path.join(d, "**", "*.txt"), recursive=True)):
            with open(p, encoding="utf-8", errors="replace") as f:
                for para in f.read().split("\n"):
                    para = para.strip()
                    if para:
                        sents.extend(s for s in re.split(r"(?<=[.!?])\s+", para) if s)
    if not sents:
        sys.exit("mkcorpus: no sentences found in " + " ".join(dirs))
    rnd = random.Random(20231118)
    target = int(mb * 1e6)
    size = n = 0
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        while size < target:
            k = rnd.randint(5, 40)
            body, para = [], []
            for _ in range(k):
                para.append(rnd.choice(sents))
                if rnd.random() < 0.3:
                    body.append(" ".join(para))
                    para = []
            if para:
                body.append(" ".join(para))
            y, m, d = rnd.randint(2000, 2025), rnd.randint(1, 12), rnd.randint(1, 28)
            line = json.dumps({"id": "bench-%07d" % n, "date": "%04d-%02d-%02d" % (y, m, d),
                               "text": "\n\n".join(body)}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    os.replace(out + ".tmp", out)
    print("mkcorpus: %s: %d articles, %.1f MB" % (out, n, size / 1e6), file=sys.stderr)


main()
