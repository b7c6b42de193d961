#!/bin/sh
# devset.sh DYAD: the dev-set evaluation as a thresholded test.  Codes
# ../shared/corpus/dev with DYAD, scores it with ../shared/eval/score.py,
# and fails if a score falls below its floor in tests/devset.floors (the
# level reached when the floor was set, minus 0.03).  Prints "skip:" and
# passes when ../shared is absent.  Prints "ok"/"FAIL" lines for run.sh.
DYAD=${1:-build/dyad}
SHARED=../shared
if [ ! -d "$SHARED/corpus/dev" ] || [ ! -f "$SHARED/eval/score.py" ]; then
  echo "skip: dev set not found in $SHARED"
  exit 0
fi
out=$(mktemp)
res=$(mktemp)
trap 'rm -f "$out" "$res"' EXIT
"$DYAD" code -q "$SHARED"/corpus/dev/*.txt >"$out" || true
python3 "$SHARED/eval/score.py" --json --gold "$SHARED/gold/dev" "$out" >"$res" || { echo "FAIL devset: score.py failed"; exit 1; }
python3 - "$res" tests/devset.floors <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))
vals = {"event_f1": res["events"]["f1"], "figure_f1": res["figures"]["f1"],
        "agreement_f1": res["agreements"]["f1"], "day_accuracy": res["day_accuracy"],
        "merge_share": res["merge"]["share"]}
fail = 0
for line in open(sys.argv[2]):
    line = line.split("#")[0].split()
    if len(line) != 2:
        continue
    name, floor = line[0], float(line[1])
    v = vals[name]
    if v + 1e-9 < floor:
        print("FAIL devset %s %.3f below its floor %.3f" % (name, v, floor)); fail = 1
    else:
        print("ok devset %s %.3f (floor %.3f)" % (name, v, floor))
sys.exit(fail)
PY
