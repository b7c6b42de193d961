#!/bin/sh
# update.sh DYAD: rewrite tests/golden/NAME.STAGE.expected for every
# tests/golden/NAME.txt and every stage.  Review `git diff` afterwards.
DYAD=${1:-build/dyad}
for txt in tests/golden/*.txt; do
  name=${txt%.txt}
  for stage in normalise clean segment tag repair; do
    "$DYAD" dump --stage="$stage" -q "$txt" >"$name.$stage.expected"
  done
done
echo "golden: expectations rewritten; review with git diff tests/golden"
