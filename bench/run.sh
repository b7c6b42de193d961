#!/bin/sh
# run.sh DYAD: throughput of the text pipeline on a generated corpus.
# Builds (once, cached in build/bench/) a corpus of BENCH_MB megabytes
# (default 200) by recombining the sentences of ../shared/corpus/dev (or
# examples/ when that is absent), then times, in the same run:
#   wc -w                      the baseline: reading and splitting words
#   dyad code --stage=repair   the text pipeline: read, normalise, clean,
#                              segment, tag, repair
#   dyad code --stage=actors   ... and the actors stage
#   dyad code                  every stage, events, figures and agreements
# and prints MB/s for each and their ratio.  Results are appended to
# build/bench/results.txt.
set -eu
DYAD=${1:-build/dyad}
MB=${BENCH_MB:-200}
mkdir -p build/bench
CORPUS=build/bench/corpus-$MB.jsonl
SRC=../shared/corpus/dev
[ -d "$SRC" ] || SRC=examples
if [ ! -s "$CORPUS" ]; then
  python3 tools/mkcorpus.py "$CORPUS" "$MB" "$SRC"
fi
bytes=$(wc -c <"$CORPUS")
now() { date +%s.%N; }
t0=$(now); wc -w "$CORPUS" >/dev/null; t1=$(now)
wc_s=$(echo "$t1 $t0" | awk '{printf "%.3f", $1 - $2}')
t0=$(now); "$DYAD" code -q --no-progress --stage=repair "$CORPUS" >/dev/null; t1=$(now)
tx_s=$(echo "$t1 $t0" | awk '{printf "%.3f", $1 - $2}')
t0=$(now); "$DYAD" code -q --no-progress --stage=actors "$CORPUS" >/dev/null; t1=$(now)
ac_s=$(echo "$t1 $t0" | awk '{printf "%.3f", $1 - $2}')
t0=$(now); "$DYAD" code -q --no-progress "$CORPUS" >/dev/null; t1=$(now)
dy_s=$(echo "$t1 $t0" | awk '{printf "%.3f", $1 - $2}')
lexload=$( { t0=$(now); "$DYAD" code -q --no-progress - </dev/null >/dev/null 2>&1 || true; t1=$(now); \
  echo "$t1 $t0" | awk '{printf "%.0f", ($1 - $2) * 1000}'; } )
report=$(awk -v b="$bytes" -v w="$wc_s" -v t="$tx_s" -v a="$ac_s" -v d="$dy_s" -v l="$lexload" 'BEGIN {
  printf "corpus        %.1f MB\n", b / 1e6
  printf "wc -w         %6.2f s  %7.1f MB/s\n", w, b / 1e6 / w
  printf "text pipeline %6.2f s  %7.1f MB/s  (%.2fx the time of wc -w; dyad code --stage=repair)\n", t, b / 1e6 / t, t / w
  printf "+ actors      %6.2f s  %7.1f MB/s  (%.2fx; --stage=actors)\n", a, b / 1e6 / a, a / w
  printf "dyad code     %6.2f s  %7.1f MB/s  (%.2fx the time of wc -w; all stages)\n", d, b / 1e6 / d, d / w
  printf "startup       %d ms (process start + lexicon load, empty input)\n", l }')
echo "$report"
{ date -u +%FT%TZ; echo "$report"; echo; } >>build/bench/results.txt
