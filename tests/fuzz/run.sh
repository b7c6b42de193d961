#!/bin/sh
# run.sh DIR SECONDS: replay every regression input of tests/fuzz/regress/
# through its target, then fuzz each target in DIR for SECONDS, starting
# from tests/fuzz/corpus/<target>/ (seeds) and build/fuzz-corpus/<target>/
# (what earlier runs found).  Crashes land in build/fuzz-crash/; minimise
# one with `TARGET -minimize_crash=1 FILE` and add it to regress/<target>/.
# Prints "fuzz: N passed, N failed" and a log line per target.
DIR=$1
SECS=${2:-60}
pass=0 fail=0
for bin in "$DIR"/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin")
  reg=tests/fuzz/regress/$name
  if [ -d "$reg" ] && [ -n "$(ls -A "$reg" 2>/dev/null)" ]; then
    if "$bin" "$reg"/* >/dev/null 2>build/fuzz-$name.log; then
      pass=$((pass + 1)); echo "ok   $name: regressions replayed"
    else
      fail=$((fail + 1)); echo "FAIL $name: a regression input crashes"; tail -n 30 build/fuzz-$name.log
    fi
  fi
  [ "$SECS" -gt 0 ] || continue
  mkdir -p "build/fuzz-corpus/$name" build/fuzz-crash
  seeds=tests/fuzz/corpus/$name
  [ -d "$seeds" ] || seeds=
  if "$bin" -max_total_time="$SECS" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
       -artifact_prefix=build/fuzz-crash/"$name"- -print_final_stats=1 \
       "build/fuzz-corpus/$name" $seeds >build/fuzz-$name.log 2>&1; then
    pass=$((pass + 1))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' build/fuzz-$name.log)
    echo "ok   $name: ${SECS}s, ${runs:-?} runs, no crash"
    echo "$(date -u +%FT%TZ) $name ${SECS}s ${runs:-?} runs" >>build/fuzz-history.log
  else
    fail=$((fail + 1)); echo "FAIL $name: crash (see build/fuzz-$name.log, build/fuzz-crash/)"
    grep -A 15 'ERROR' build/fuzz-$name.log | head -n 30
  fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" = 0 ]
