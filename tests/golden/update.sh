#!/bin/sh
# update.sh DYAD: rewrite tests/golden/NAME.STAGE.expected for every
# tests/golden/NAME.txt: the text stages for most texts, the actors stage
# for actors-*.txt.  Review `git diff` afterwards.
DYAD=${1:-build/dyad}
for txt in tests/golden/*.txt; do
  name=${txt%.txt}
  case $(basename "$name") in
    actors-*) stages=actors ;;
    code-*) stages=code ;;
    *) stages="normalise clean segment tag repair" ;;
  esac
  for stage in $stages; do
    "$DYAD" dump --stage="$stage" -q "$txt" >"$name.$stage.expected"
  done
done
echo "golden: expectations rewritten; review with git diff tests/golden"
