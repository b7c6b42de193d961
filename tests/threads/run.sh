#!/bin/sh
# run.sh DYAD: --threads changes nothing but the time.  Runs dyad with
# --threads 1 (no thread: the reference), 2, 3 and 8 on the same inputs
# and compares, byte for byte (cmp), the standard output, the standard
# error (warnings and errors, in order) and the exit status.  Prints
# "ok NAME" or "FAIL NAME: why" per check, for tests/run.sh to count.
# Inputs, in a scratch directory:
#   corpus   ../shared/corpus/dev (else examples/ and tests/golden/*.txt)
#   big      a JSONL of COPIES (default 40, $THREADS_COPIES) rounds of the
#            corpus, each article with its own id (tests/store/mkjsonl.sh):
#            thousands of articles, far more than the threads hold at once
#   bad      a directory of hostile files (empty, binary, invalid UTF-8,
#            NUL bytes, broken JSONL lines, unrecognised dates) between
#            good articles, and a missing path: warnings and errors that
#            must come out in their place among the documents
# Cases:
#   code-*      dyad code (JSON lines, CSV) on corpus, bad, the missing
#               path and big; on standard input (mid: big's first 300)
#   dump-*, inspect-*   dump --stage=code and =repair, inspect --json
#   stage-error dump --stage=nosuch: one error per document, in order
#   load-*      dyad load into a new store, then dyad events --format csv
#               (the load time cut), and the summary line; loaded again
#               (all unchanged: no work), and with changed articles, one
#               id changed then changed back while both are in flight
#   progress    the last --progress line
DYAD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
COPIES=${THREADS_COPIES:-40}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }

# ---- inputs ------------------------------------------------------------------
if [ -d "$TOP/../shared/corpus/dev" ]; then
  mkdir corpus && cp "$TOP"/../shared/corpus/dev/*.txt corpus/
else
  mkdir corpus && cp "$TOP"/examples/*.txt "$TOP"/examples/*.jsonl "$TOP"/tests/golden/*.txt corpus/
fi
sh "$TOP/tests/store/mkjsonl.sh" "$COPIES" corpus/*.txt >big.jsonl
head -n 300 big.jsonl >mid.jsonl
mkdir bad
first=$(ls corpus/*.txt | head -n 1)
cp "$first" bad/a-good.txt
: >bad/b-empty.txt
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000' >bad/c-binary.txt
printf 'Le ministre \377\376 a parl\303\251 avec son homologue.\n' >bad/d-utf8.txt
printf 'Le ministre a\000 parl\303\251.' >bad/e-nul.txt
{
  head -n 3 big.jsonl
  printf '{"id": "b", "text": \n'
  printf '{"id":"n","date":"2024-05"}\n'
  sed -n 4,6p big.jsonl
  printf '{"id":"d","date":"hier","text":"Le Sénégal a signé un accord avec la Gambie."}\n'
  printf '{"id":"e","text":"   "}\n'
  sed -n 7,40p big.jsonl
  printf '{oops}\n{oops}\n{oops}\n'
} >bad/f-lines.jsonl
cp "$first" bad/g-good.txt
lines=$(wc -l <big.jsonl)
echo "# threads: $(ls corpus | wc -l) corpus files, $lines articles in big.jsonl"

# same NAME ARGS...: dyad ARGS with each --threads, compared with --threads 1
# (standard input: the file $STDIN, else nothing)
same() {
  name=$1
  shift
  "$DYAD" "$@" --threads 1 <"${STDIN:-/dev/null}" >out.1 2>err.1
  st1=$?
  good=1
  for n in 2 3 8; do
    "$DYAD" "$@" --threads "$n" <"${STDIN:-/dev/null}" >out.$n 2>err.$n
    st=$?
    if [ "$st" != "$st1" ]; then fail "$name" "--threads $n: exit $st, --threads 1: exit $st1"; good=0
    elif ! cmp -s out.1 out.$n; then fail "$name" "--threads $n: stdout differs ($(cmp out.1 out.$n 2>&1))"; good=0
    elif ! cmp -s err.1 err.$n; then fail "$name" "--threads $n: stderr differs"; diff err.1 err.$n | head -n 6; good=0
    fi
  done
  [ "$good" = 1 ] && ok "$name"
}

# ---- code, dump, inspect --------------------------------------------------------
same code-corpus code corpus
same code-bad code bad corpus nosuch.txt bad/b-empty.txt
[ -s err.1 ] || fail code-bad-warns "no warning on stderr"
same code-big code big.jsonl
same code-big-csv code --format csv -q mid.jsonl bad
STDIN=mid.jsonl same code-stdin code -
same code-statements code --statements bad corpus
same dump-code dump --stage=code bad corpus
same dump-repair dump --stage=repair bad corpus
same inspect-json inspect --json bad corpus
same stage-error dump --stage=nosuch bad corpus
grep -q "unknown stage 'nosuch'" err.1 || fail stage-error-message "no error for an unknown stage"
"$DYAD" code -q --progress --threads 1 bad mid.jsonl >/dev/null 2>prog.1
"$DYAD" code -q --progress --threads 2 bad mid.jsonl >/dev/null 2>prog.2
if [ "$(tr '\r' '\n' <prog.1 | tail -n 1)" = "$(tr '\r' '\n' <prog.2 | tail -n 1)" ] &&
   tr '\r' '\n' <prog.2 | tail -n 1 | grep -q "articles.*skipped"; then
  ok progress
else
  fail progress "last lines '$(tr '\r' '\n' <prog.1 | tail -n 1)' and '$(tr '\r' '\n' <prog.2 | tail -n 1)'"
fi

# ---- load --------------------------------------------------------------------------
# a second input: articles changed, one of them changed and back again
# within a few lines (both in flight at once), one loaded twice
{
  sed -n '1,20p' big.jsonl
  sed -n '21p' big.jsonl | sed 's/"text":"/"text":"Modifié. /'
  sed -n '22,30p' big.jsonl
  sed -n '21p' big.jsonl
  sed -n '31,60p' big.jsonl | sed 's/"text":"/"text":"Autre. /'
  sed -n '61,80p' big.jsonl
  sed -n '61p' big.jsonl
} >changed.jsonl

# load NAME THREADS: three loads into NAME.db, their stderr and listings in NAME.*
load() {
  d=$1
  mkdir -p "$d"
  (
    cd "$d" || exit 1
    "$DYAD" load --db s.db --threads "$2" ../bad ../big.jsonl >/dev/null 2>err.1
    echo "exit $?" >>err.1
    "$DYAD" events --db s.db --format csv | cut -d, -f1-21,23- >events.1
    "$DYAD" load --db s.db --threads "$2" ../big.jsonl ../bad >/dev/null 2>err.2
    echo "exit $?" >>err.2
    "$DYAD" load --db s.db --threads "$2" --batch 7 ../changed.jsonl >/dev/null 2>err.3
    echo "exit $?" >>err.3
    "$DYAD" events --db s.db --format csv | cut -d, -f1-21,23- >events.3
  )
}
load t1 1
grep -q "unchanged" t1/err.2 || fail load-summary "no load summary: $(cat t1/err.2)"
for n in 2 8; do
  load "t$n" "$n"
  good=1
  for f in err.1 events.1 err.2 err.3 events.3; do
    if ! cmp -s "t1/$f" "t$n/$f"; then
      fail "load-threads-$n" "$f differs"; diff "t1/$f" "t$n/$f" | head -n 6; good=0
    fi
  done
  [ "$good" = 1 ] && ok "load-threads-$n"
done
