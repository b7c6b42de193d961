#!/bin/sh
# bench/run.sh [--write-doc] [DYAD]: dyad's throughput and memory at scale.
#
# Builds (once, cached in build/bench/) a corpus of at least BENCH_MB
# megabytes (200) and BENCH_ARTICLES articles (200,000) with
# tools/mkcorpus.py: the sentences of ../shared/corpus/dev (or examples/
# when that is absent) recombined into ~1 KB articles with varied states,
# capitals, nationality adjectives, people and dates, written both as one
# JSONL file and as a tree of .txt files (1000 per directory).  Then
# measures, in the same run and on the same bytes:
#
#   wc -w                       the baseline: reading and splitting words
#   dyad code --stage=repair    the text pipeline (read, normalise, clean,
#                               segment, tag, repair)
#   dyad code --stage=actors    ... and the actors
#   dyad code                   every stage: events, figures, agreements
#   dyad load                   the same into a fresh SQLite store
#                               (build/bench/load.db), merging reports
#   dyad code on the .txt tree  the same articles, one file each
#   dyad code, dyad load        on the first 10k, 100k, 200k articles
#                               (BENCH_STEPS): peak memory against input
#   --threads 1 against 2       code and load on the first 50k articles
#                               (BENCH_PAIR_ARTICLES), in turn, 5 times
#                               (BENCH_PAIRS): the median speedup
#   start-up                    an empty input: process, lexicon, tables
#
# and prints wall-clock and CPU seconds, MB/s, articles/s, sentences/s
# (wall clock), peak RSS and the ratio of the time to wc -w's.  On a
# shared machine the CPU seconds (user + system) are the steadier
# measure: the wall clock counts the time other processes had the core.
# When `dyad code --help` mentions --threads, every dyad run is given
# --threads 1 (one core) and code and load are also timed with
# --threads 2, with the speedup.
#
# Sentences are counted by `dyad dump --stage=segment` (every zone) on the
# first BENCH_SAMPLE (2000) articles and extrapolated by bytes.  Peak RSS
# and CPU time come from GNU time (%M, %U + %S; package "time"); without
# it those columns are empty.
#
# The table is printed and appended to build/bench/results.txt; with
# --write-doc, docs/benchmarks.md is rewritten with the machine, the
# command and the table.  BENCH_NOTE adds a line of context to both.
# Exit status: 0, or 1 when a dyad run failed (exit status above 1 or a
# signal; the row then says so and the rest of the table is still
# measured).
set -eu

WRITE_DOC=0
while [ $# -gt 0 ]; do
  case $1 in
    --write-doc) WRITE_DOC=1; shift ;;
    -h|--help) sed -n '2,/^set -eu/{/^set/d;s/^# \{0,1\}//;p;}' "$0"; exit 0 ;;
    --) shift; break ;;
    -*) echo "bench: unknown option $1 (bench/run.sh --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
DYAD=${1:-build/dyad}
MB=${BENCH_MB:-200}
NART=${BENCH_ARTICLES:-200000}
STEPS=${BENCH_STEPS:-10000 100000 200000}
SAMPLE=${BENCH_SAMPLE:-2000}
OUT=build/bench
SRC=../shared/corpus/dev
[ -d "$SRC" ] || SRC=examples
[ -x "$DYAD" ] || { echo "bench: $DYAD: no such program (make all)" >&2; exit 2; }
mkdir -p "$OUT"
say() { echo "bench: $*" >&2; }
now() { date +%s.%N; }

# ---- the corpus, rebuilt when its generator, sources or size change
CDIR=$OUT/corpus-${MB}mb-$NART
JSONL=$CDIR/corpus.jsonl
TREE=$CDIR/txt
key=$({ echo "$MB $NART"; cat tools/mkcorpus.py data/people-*.tsv
        find "$SRC" -name '*.txt' | LC_ALL=C sort | while read -r f; do cat "$f"; done; } |
      cksum | tr ' ' -)
if [ ! -s "$JSONL" ] || [ "$(cat "$CDIR/key" 2>/dev/null)" != "$key" ]; then
  say "building the corpus in $CDIR (once; about a minute)"
  t0=$(now)
  python3 tools/mkcorpus.py "$CDIR" "$MB" "$NART" "$SRC"
  echo "$key" >"$CDIR/key"
  say "corpus built in $(awk -v a="$t0" -v b="$(now)" 'BEGIN{printf "%.0f", b - a}') s"
fi
stat_of() { sed -n "s/^$1=//p" "$CDIR/stats"; }
articles=$(stat_of articles)
jsonl_bytes=$(stat_of jsonl_bytes)
txt_bytes=$(stat_of txt_bytes)

# ---- what this dyad can do
THREADS=0
if "$DYAD" code --help 2>&1 | grep -q -- '--threads'; then THREADS=1; fi
ONE=""
[ "$THREADS" = 1 ] && ONE="--threads 1"

TIME=/usr/bin/time
if ! { [ -x "$TIME" ] && "$TIME" -f %M -o /dev/null true 2>/dev/null; }; then
  TIME=""
  say "GNU time (package time) not found: no peak RSS (sh tools/deps.sh)"
fi

KV=$OUT/last.kv
: >"$KV"
put() { echo "$1=$2" >>"$KV"; }
FAILED=0

# measure KEY CMD...: run CMD (stdout thrown away, stderr kept in
# build/bench/KEY.err), record KEY_s (wall seconds), KEY_cpu (user + system
# seconds), KEY_rss (peak RSS, KB) and KEY_rc (exit status; 128+N for
# signal N).
measure() {
  mkey=$1
  shift
  t0=$(now)
  set +e
  if [ -n "$TIME" ]; then
    "$TIME" -f '%M %U %S' -o "$OUT/time.out" "$@" >/dev/null 2>"$OUT/$mkey.err"
  else
    "$@" >/dev/null 2>"$OUT/$mkey.err"
  fi
  rc=$?
  set -e
  t1=$(now)
  put "${mkey}_s" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b - a}')"
  tl=$([ -n "$TIME" ] && grep -E '^[0-9]+ [0-9.]+ [0-9.]+$' "$OUT/time.out" | tail -n 1 || true)
  put "${mkey}_rss" "$(echo "$tl" | awk 'NF == 3 {print $1}')"
  put "${mkey}_cpu" "$(echo "$tl" | awk 'NF == 3 {printf "%.2f", $2 + $3}')"
  put "${mkey}_rc" "$rc"
  put "${mkey}_load" "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null)"
  if [ "$rc" -gt 1 ]; then
    FAILED=1
    say "$mkey: exit status $rc: $*"
    tail -n 3 "$OUT/$mkey.err" >&2 || true
  fi
}
fresh_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }

put date "$(date -u +%FT%TZ)"
put dyad "$DYAD"
put version "$("$DYAD" version 2>/dev/null | head -n 1), worktree $(git describe --always --dirty 2>/dev/null || echo unknown)"
put nproc "$(nproc 2>/dev/null || echo '?')"
put cpu "$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)"
put mem_gb "$(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo 2>/dev/null)"
put load_before "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
put note "${BENCH_NOTE:-}"
put threads "$THREADS"
put src "$SRC"
put corpus "$CDIR"
put articles "$articles"
put jsonl_bytes "$jsonl_bytes"
put txt_bytes "$txt_bytes"
put txt_dirs "$(stat_of txt_dirs)"

# ---- sentences: dyad's segmenter on a sample, extrapolated by bytes
say "counting sentences on the first $SAMPLE articles"
head -n "$SAMPLE" "$JSONL" >"$OUT/sample.jsonl"
# shellcheck disable=SC2086
nsent=$("$DYAD" dump --stage=segment $ONE "$OUT/sample.jsonl" 2>/dev/null | grep -c '^[0-9]' || true)
put sample_articles "$(wc -l <"$OUT/sample.jsonl" | tr -d ' ')"
put sample_bytes "$(wc -c <"$OUT/sample.jsonl" | tr -d ' ')"
put sample_sentences "$nsent"

# the files in the page cache before anything is timed
cat "$JSONL" >/dev/null
find "$TREE" -type f -exec cat {} + >/dev/null

# ---- the runs over the whole corpus
say "wc -w"
measure wc wc -w "$JSONL"
# shellcheck disable=SC2086
{
say "dyad code --stage=repair"
measure repair "$DYAD" code -q --no-progress $ONE --stage=repair "$JSONL"
say "dyad code --stage=actors"
measure actors "$DYAD" code -q --no-progress $ONE --stage=actors "$JSONL"
say "dyad code (all stages)"
measure code "$DYAD" code -q --no-progress $ONE "$JSONL"
say "dyad load into a fresh $OUT/load.db"
fresh_db "$OUT/load.db"
measure load "$DYAD" load --no-progress $ONE --db "$OUT/load.db" "$JSONL"
put load_summary "$(grep 'loaded' "$OUT/load.err" | tail -n 1)"
put load_db_bytes "$( [ -f "$OUT/load.db" ] && wc -c <"$OUT/load.db" | tr -d ' ' || true)"
if [ "$THREADS" = 1 ]; then
  say "dyad code --threads 2"
  measure code_t2 "$DYAD" code -q --no-progress --threads 2 "$JSONL"
  say "dyad load --threads 2"
  fresh_db "$OUT/load.db"
  measure load_t2 "$DYAD" load --no-progress --threads 2 --db "$OUT/load.db" "$JSONL"
fi
say "dyad code on the .txt tree ($TREE)"
measure tree "$DYAD" code -q --no-progress $ONE "$TREE"

# ---- memory against input size: prefixes of the JSONL
steps=""
for n in $STEPS; do
  if [ "$n" -gt "$articles" ]; then continue; fi
  steps="$steps $n"
  if [ "$n" = "$articles" ]; then
    for k in code load; do
      for f in s cpu rss rc load; do put "${k}_${n}_$f" "$(sed -n "s/^${k}_$f=//p" "$KV")"; done
    done
    put "bytes_$n" "$jsonl_bytes"
    continue
  fi
  pre=$CDIR/head-$n.jsonl
  [ -s "$pre" ] || head -n "$n" "$JSONL" >"$pre"
  put "bytes_$n" "$(wc -c <"$pre" | tr -d ' ')"
  say "dyad code, dyad load: first $n articles"
  measure "code_$n" "$DYAD" code -q --no-progress $ONE "$pre"
  fresh_db "$OUT/load.db"
  measure "load_$n" "$DYAD" load --no-progress $ONE --db "$OUT/load.db" "$pre"
  put "events_$n" "$(sed -n 's/.* \([0-9][0-9]*\) events,.*/\1/p' "$OUT/load_$n.err" | tail -n 1)"
done
put "events_$articles" "$(sed -n 's/.* \([0-9][0-9]*\) events,.*/\1/p' "$OUT/load.err" | tail -n 1)"
put steps "$steps"

# ---- thread scaling: --threads 1 and 2 in turn, BENCH_PAIRS times, on
# the first BENCH_PAIR_ARTICLES articles; the median of the paired ratios
# is steadier than one run of each on a shared machine
if [ "$THREADS" = 1 ]; then
  np=${BENCH_PAIRS:-5}
  pn=${BENCH_PAIR_ARTICLES:-50000}
  [ "$pn" -gt "$articles" ] && pn=$articles
  pre=$CDIR/head-$pn.jsonl
  [ -s "$pre" ] || head -n "$pn" "$JSONL" >"$pre"
  say "thread scaling: --threads 1 and 2 in turn, $np times, on the first $pn articles"
  i=1
  while [ "$i" -le "$np" ]; do
    for t in 1 2; do
      measure "pair_code_t${t}_$i" "$DYAD" code -q --no-progress --threads "$t" "$pre"
      fresh_db "$OUT/load.db"
      measure "pair_load_t${t}_$i" "$DYAD" load -q --no-progress --threads "$t" --db "$OUT/load.db" "$pre"
    done
    i=$((i + 1))
  done
  put pairs "$np"
  put pair_articles "$pn"
fi

# ---- start-up: an empty input
measure startup "$DYAD" code -q --no-progress $ONE - </dev/null
}
fresh_db "$OUT/load.db"
put load_after "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"

# ---- the table
report=$(python3 bench/report.py "$KV")
echo "$report"
{ echo "== $(sed -n 's/^date=//p' "$KV")"; echo "$report"; echo; } >>"$OUT/results.txt"
if [ "$WRITE_DOC" = 1 ]; then
  python3 bench/report.py --markdown "$KV" >docs/benchmarks.md.tmp
  mv docs/benchmarks.md.tmp docs/benchmarks.md
  say "wrote docs/benchmarks.md"
fi
exit "$FAILED"
