#!/usr/bin/env python3
"""mergecheck.py: how dyad's clusters compare with the gold event ids.

    mergecheck.py GOLD_DIR OUTPUT.jsonl

Matches each output event to a gold event of its document the way
../shared/eval/score.py does (same states, either order when symmetric;
same CAMEO root; overlapping dates), then reports:
  - over-merges: clusters holding outputs matched to two different gold
    event ids (two real events given one cluster);
  - under-merges: gold events (id, pair, root, as score.py counts them)
    matched in several documents with no cluster common to all of them.
Outputs that match no gold event are left out (they are the scorer's
extras).  Exit status 0.
"""
import collections, glob, json, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
from score import country, overlaps  # noqa: E402


def main():
    gold_dir, out_path = sys.argv[1], sys.argv[2]
    golds = {}
    for p in glob.glob(os.path.join(gold_dir, "*.json")):
        g = json.load(open(p, encoding="utf-8"))
        golds[g["doc"]] = g
    by_cluster = collections.defaultdict(set)
    by_id = collections.defaultdict(set)
    for line in open(out_path, encoding="utf-8"):
        r = json.loads(line)
        if r.get("record") != "event" or r.get("cluster") is None or r["doc"] not in golds:
            continue
        s, t, code = country(r["source"]), country(r["target"]), r["cameo"]
        for ge in golds[r["doc"]].get("events", []):
            if not ge.get("id") or ge["cameo"][:2] != code[:2] or not overlaps(ge.get("date"), r.get("date")):
                continue
            if (s, t) == (ge["source"], ge["target"]) or (ge.get("symmetric") and (t, s) == (ge["source"], ge["target"])):
                pair = (ge["source"], ge["target"])
                unit = (ge["id"], tuple(sorted(pair)) if ge.get("symmetric") else pair, code[:2])
                by_cluster[r["cluster"]].add(unit)
                by_id[unit].add((r["doc"], r["cluster"]))
                break
    over = {c: u for c, u in by_cluster.items() if len({i for i, _, _ in u}) > 1}
    # a unit reported by several documents is merged when one cluster holds
    # an output of each of them
    under = {}
    for u, dc in by_id.items():
        docs = {d for d, _ in dc}
        if len(docs) < 2:
            continue
        common = set.intersection(*({c for d2, c in dc if d2 == d} for d in docs))
        if not common:
            under[u] = sorted({c for _, c in dc})
    print("clusters with a gold match: %d; over-merged: %d" % (len(by_cluster), len(over)))
    for c, u in sorted(over.items()):
        print("  over   cluster %s: %s" % (c, ", ".join(sorted(i for i, _, _ in u))))
    multi = sum(len({d for d, _ in dc}) > 1 for dc in by_id.values())
    print("gold events matched in two documents or more: %d; not merged: %d" % (multi, len(under)))
    for u, c in sorted(under.items()):
        print("  split  %s %s>%s %s: clusters %s" % (u[0], u[1][0], u[1][1], u[2], sorted(c)))


if __name__ == "__main__":
    main()
