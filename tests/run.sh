#!/bin/sh
# run.sh BUILD: the test suite.  Runs every unit-test program in
# BUILD/tests, the golden tests (tests/golden), the error catalogue
# (tests/errors), the event store's tests (tests/store), the timeline and
# report tests (tests/report), the --threads comparisons (tests/threads)
# and the dev set with BUILD/dyad, and ends with the line
# "N passed, N failed, N skipped" that CI reads.  Exit 1 if any failed.
B=${1:-build}
DYAD=$B/dyad
pass=0 fail=0 skip=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in "$B"/tests/test_*; do
  [ -x "$t" ] || continue
  if "$t" >"$log" 2>&1; then st=ok; else st=FAILED; fi
  line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  p=$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) passed.*/\1/p')
  f=$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p')
  s=$(grep -c '^skip:' "$log")
  [ -n "$p" ] || p=0
  [ -n "$f" ] || f=0
  if [ "$st" = FAILED ] && [ "$f" = 0 ]; then f=1; fi  # crashed or exited early
  pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s))
  if [ "$st" = FAILED ]; then
    echo "FAIL $t"; cat "$log"
  else
    echo "ok   $(basename "$t"): $p passed${s:+, $s skipped}" | sed 's/, 0 skipped//'
  fi
done

# golden: tests/golden/NAME.txt + NAME.STAGE.expected
for exp in tests/golden/*.expected; do
  [ -e "$exp" ] || continue
  base=${exp%.expected}; stage=${base##*.}; name=${base%.*}
  if "$DYAD" dump --stage="$stage" -q "$name.txt" >"$log" 2>&1 && diff -u "$exp" "$log" >"$log.diff"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL golden $exp"; cat "$log.diff" 2>/dev/null || cat "$log"
  fi
  rm -f "$log.diff"
done
echo "ok   golden tests done"

# error catalogue (its long cases need DYAD_STRESS=1: make stress)
out=$(sh tests/errors/run.sh "$DYAD")
echo "$out" | grep -v '^ok ' || true
p=$(echo "$out" | grep -c '^ok ')
f=$(echo "$out" | grep -c '^FAIL')
s=$(echo "$out" | grep -c '^skip:')
pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s))
echo "ok   error catalogue: $p passed"

# the store's readers: dyad timeline and dyad report, on a fixture store,
# with the browser test when node, playwright-core and chromium are there
out=$(sh tests/report/run.sh "$DYAD")
echo "$out" | grep -v '^ok ' || true
p=$(echo "$out" | grep -c '^ok ')
f=$(echo "$out" | grep -c '^FAIL')
s=$(echo "$out" | grep -c '^skip:')
pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s))
echo "ok   timeline and report: $p passed"

# the event store: dyad load and dyad events (tests/store)
out=$(sh tests/store/run.sh "$DYAD")
echo "$out" | grep -v '^ok ' || true
p=$(echo "$out" | grep -c '^ok ')
f=$(echo "$out" | grep -c '^FAIL')
s=$(echo "$out" | grep -c '^skip:')
pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s))
echo "ok   store: $p passed"

# --threads: the same output, warnings and stores on 1, 2, 3 and 8 threads
out=$(sh tests/threads/run.sh "$DYAD")
echo "$out" | grep -v '^ok ' || true
p=$(echo "$out" | grep -c '^ok ')
f=$(echo "$out" | grep -c '^FAIL')
s=$(echo "$out" | grep -c '^skip:')
pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s))
echo "ok   threads: $p passed"

# the dev set, scored against its floors
out=$(sh tests/devset.sh "$DYAD")
echo "$out" | grep -v '^ok ' || true
p=$(echo "$out" | grep -c '^ok ')
f=$(echo "$out" | grep -c '^FAIL')
s=$(echo "$out" | grep -c '^skip:')
pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s))
echo "ok   dev set: $p passed"

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
