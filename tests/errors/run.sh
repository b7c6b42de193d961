#!/bin/sh
# run.sh DYAD: the catalogue of hostile inputs.  Each case builds its
# input in a scratch directory, runs dyad there, and compares the exit
# status and the exact stderr with what we expect (names are relative, so
# messages are stable); some also bound the peak memory (RSS, measured
# with python3 when the binary is not built with sanitizers), count the
# articles written, or check a database afterwards.  Prints "ok NAME",
# "FAIL NAME" with a diff, or "skip: NAME: why".
#
# Cases, by kind:
#   bytes       invalid UTF-8, overlong encodings, NUL bytes, binary and
#               empty files, broken JSONL, nested arrays, repeated
#               punctuation
#   size        a 50 MB line coded; a 100 MB line (a .txt file, standard
#               input, a JSONL line) skipped over the 64 MiB article limit
#               without being held in memory
#   many files  20,000 files in a directory and a tree, under ulimit -n 32
#   unreadable  a dangling symbolic link, a FIFO with no writer (given, or
#               in a directory), a FIFO with one, /proc files that report
#               size 0, /dev/zero, /dev/null; as non-root, directories and
#               files without read permission
#   disk full   dyad load under ulimit -f: "disk full", exit 4, a sound
#               database that a second load completes; dyad code's output
#               on a full device
#   readers     dyad events in a loop while dyad load writes: every run
#               exits 0 and sees whole articles only
#   usage       arguments, data and dictionary problems
# With DYAD_STRESS=1 (make stress) also, and slowly (about 18 minutes on
# two cores, 5 GB of scratch disk): a 1 GB JSONL streamed by dyad code in bounded
# memory, and 1,000,000 tiny files in one directory under ulimit -n 32.
LC_ALL=C
export LC_ALL
DYAD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
T=$(mktemp -d)
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$T"' EXIT
cd "$T" || exit 1

# Peak memory is measured (python3's getrusage) unless the binary carries
# a sanitizer, whose shadow memory would make any bound meaningless.
rss=1
command -v python3 >/dev/null 2>&1 || rss=0
grep -q __asan_init "$DYAD" 2>/dev/null && rss=0
root=0
[ "$(id -u)" = 0 ] && root=1

# run ARGS...: DYAD ARGS, stdout in out.txt (or $stdout), stderr in
# err.txt, peak RSS in KB in rss.txt (when measured); returns its status.
run() {
  if [ "$rss" = 1 ]; then
    python3 -c 'import resource, subprocess, sys
r = subprocess.call(sys.argv[2:])
open(sys.argv[1], "w").write("%d\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(r if r >= 0 else 128 - r)' rss.txt "$DYAD" "$@" >"${stdout:-out.txt}" 2>err.txt
  else
    "$DYAD" "$@" >"${stdout:-out.txt}" 2>err.txt
  fi
}

# check NAME STATUS EXPECTED_STDERR -- ARGS...
# Before it, optionally: max_rss=KB (peak memory bound), docs=N (articles
# in the output, as "record":"doc" lines), stdout=FILE (instead of
# out.txt).  check resets them.
max_rss="" docs="" stdout=""
check() {
  name=$1 want=$2 exp=$3
  shift 4
  run "$@"
  got=$?
  printf '%s' "$exp" >exp.txt
  [ -n "$exp" ] && printf '\n' >>exp.txt
  why=""
  if [ "$got" != "$want" ] || ! diff -u exp.txt err.txt >diff.txt; then
    why="exit $got (expected $want)"
  elif [ -n "$docs" ] && [ "$(grep -c '"record":"doc"' out.txt)" != "$docs" ]; then
    why="$(grep -c '"record":"doc"' out.txt) articles written (expected $docs)"
  elif [ -n "$max_rss" ] && [ "$rss" = 1 ] && [ "$(cat rss.txt)" -gt "$max_rss" ]; then
    why="peak RSS $(cat rss.txt) KB (expected at most $max_rss KB)"
  fi
  if [ -z "$why" ]; then
    echo "ok $name"
  else
    echo "FAIL $name: $why"
    diff -u exp.txt err.txt | head -n 20
  fi
  max_rss="" docs="" stdout=""
}
ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
# expect NAME EXPECTED GOT
expect() {
  if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "expected '$2', got '$3'"; fi
}

# ---- bytes -----------------------------------------------------------------

printf 'Le ministre \377\376 a parl\303\251.\n' >bad-utf8.txt
check invalid-utf8 0 "dyad: bad-utf8.txt: warning: invalid UTF-8 at byte 12, replaced" -- code bad-utf8.txt

printf 'Le ministre\300\257 a parl\303\251.' >overlong.txt
check overlong-utf8 0 "dyad: overlong.txt: warning: invalid UTF-8 at byte 11, replaced" -- code overlong.txt

printf 'Le ministre a\000 parl\303\251.' >nul.txt
check nul-byte 0 "dyad: nul.txt: warning: NUL byte at byte 13, read as a space" -- code nul.txt

printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000' >binary.txt
check binary 1 "dyad: binary.txt: warning: binary file, skipped" -- code binary.txt

: >empty.txt
check empty 1 "dyad: empty.txt: warning: empty file, skipped" -- code empty.txt

printf '{"id":"a","text":"Bonjour."}\n{"id": "b", "text": \n{"id":"c","text":"Fin."}\n' >broken.jsonl
check broken-jsonl 1 "dyad: broken.jsonl:2: warning: bad JSON: expected a value, found end of line at column 21" -- code broken.jsonl

printf '{"text":"x","a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}\n' >nested.jsonl
check nested-arrays 1 "dyad: nested.jsonl:1: warning: bad JSON: nesting deeper than 64 at column 80" -- code nested.jsonl

printf '{"id":"n","date":"2024-05"}\n' >notext.jsonl
check jsonl-no-text 1 'dyad: notext.jsonl:1: warning: no "text" string, skipped' -- code notext.jsonl

check missing-file 1 "dyad: nofile.txt: error: cannot read: No such file or directory" -- code nofile.txt

awk 'BEGIN { for (i = 0; i < 200000; i++) printf "!?.;:-"; }' >punct.txt
check repeated-punctuation 0 "" -- code punct.txt

mkdir -p tree/a tree/b
printf 'Un article.' >tree/a/one.txt
printf 'abc\000\000\000\000\000\000\000\000' >tree/b/bin.txt
printf 'ignored' >tree/b/notes.md
check directory-with-binary 1 "dyad: tree/b/bin.txt: warning: binary file, skipped" -- code tree

# ---- size: one huge article --------------------------------------------------
# Coding needs about 15 bytes per byte of article: 50 MB takes ~800 MB.
awk 'BEGIN { s = "Le ministre a rencontré son homologue. "; for (i = 0; i < 1300000; i++) printf "%s", s }' >long-line.txt
max_rss=1200000 docs=1
check long-line-50MB 0 "" -- code long-line.txt
rm -f long-line.txt

# 100 MB without a newline: over the 64 MiB limit, skipped unread (a
# file), or read up to the limit only (standard input, a JSONL line,
# after which the next line is read).
yes 'Le ministre a rencontré son homologue.' | tr -d '\n' | head -c 104857600 >long-100MB.txt
max_rss=100000
check long-line-100MB 1 "dyad: long-100MB.txt: warning: file larger than 64 MiB, skipped" -- code long-100MB.txt
max_rss=200000
check long-line-100MB-stdin 1 "dyad: <stdin>: warning: file larger than 64 MiB, skipped" -- code - <long-100MB.txt
{ printf '{"id":"long","text":"'; cat long-100MB.txt; printf '"}\n{"id":"next","text":"Le ministre a parl\303\251."}\n'; } >long-100MB.jsonl
rm -f long-100MB.txt
max_rss=200000 docs=1
check long-line-100MB-jsonl 1 "dyad: long-100MB.jsonl:1: warning: line longer than 64 MiB, skipped" -- code long-100MB.jsonl
rm -f long-100MB.jsonl

# ---- many files, few descriptors --------------------------------------------
# Files are opened one at a time and a directory is closed before its
# entries are read: 32 descriptors are plenty for any tree.
mkdir many many/tree
i=0
while [ $i -lt 20000 ]; do
  printf 'Le ministre %d a parl\303\251.' $i >many/a$i.txt
  i=$((i + 1))
done
d=0
while [ $d -lt 20 ]; do
  mkdir many/tree/d$d many/tree/d$d/e
  printf 'Un article.' >many/tree/d$d/x.txt
  printf 'Un autre.' >many/tree/d$d/e/y.txt
  d=$((d + 1))
done
(ulimit -n 32 && docs=20040 && check many-files-ulimit-32 0 "" -- code many)
rm -rf many

# ---- unreadable, or not files ------------------------------------------------
ln -s nowhere.txt dangling.txt
check dangling-symlink 1 "dyad: dangling.txt: error: cannot read: dangling symbolic link" -- code dangling.txt
mkdir links
ln -s ../nowhere.txt links/dangling.txt
printf 'Un article.' >links/real.txt
check dangling-symlink-in-directory 1 "dyad: links/dangling.txt: warning: cannot read: dangling symbolic link, skipped" -- code links

# A FIFO is opened without waiting for a writer; given on the command
# line, it is read once a writer comes (within 2 s), else skipped; in a
# directory, only regular files are read.
if mkfifo fifo.txt 2>/dev/null; then
  check fifo-no-writer 1 "dyad: fifo.txt: warning: FIFO with no writer, skipped" -- code fifo.txt
  printf 'Le ministre a parl\303\251.' >fifo.txt &
  pids="$pids $!"
  docs=1
  check fifo-with-writer 0 "" -- code fifo.txt
  kill $! 2>/dev/null
  mkdir pipes && mkfifo pipes/fifo.txt && printf 'Un article.' >pipes/real.txt
  docs=1
  check fifo-in-directory 1 "dyad: pipes/fifo.txt: warning: not a regular file, skipped" -- code pipes
else
  echo "skip: fifo: mkfifo failed"
fi

# Files that report size 0 but have content (/proc) are read to the end;
# devices are streams: /dev/zero is known as binary by its first bytes.
if [ -r /proc/version ]; then
  docs=1
  check proc-size-0 0 "" -- code /proc/version
  mkdir proc && ln -s /proc/version proc/version.txt
  docs=1
  check proc-size-0-in-directory 0 "" -- code proc
else
  echo "skip: proc-size-0: no /proc/version"
fi
max_rss=100000
check dev-zero 1 "dyad: /dev/zero: warning: binary file, skipped" -- code /dev/zero
check dev-null 1 "dyad: /dev/null: warning: empty file, skipped" -- code /dev/null

# Permissions stop everyone but root.
if [ "$root" = 0 ]; then
  mkdir locked outer outer/locked
  printf 'x' >locked/in.txt
  printf 'x' >outer/locked/in.txt
  printf 'Un article.' >outer/real.txt
  printf 'x' >secret.txt
  chmod 000 locked outer/locked secret.txt
  check unreadable-directory 1 "dyad: locked: error: cannot open directory: Permission denied" -- code locked
  check unreadable-directory-inside 1 "dyad: outer/locked: warning: cannot open directory: Permission denied, skipped" -- code outer
  check unreadable-file 1 "dyad: secret.txt: error: cannot open: Permission denied" -- code secret.txt
  chmod 755 locked outer/locked
  chmod 644 secret.txt
else
  echo "skip: unreadable-directory, unreadable-file: running as root, where permissions do not stop reads"
fi

# ---- disk full -----------------------------------------------------------------
# ulimit -f makes a write past the limit fail (SIGXFSZ is ignored): the
# batch is rolled back, the database stays sound, a second load with
# room completes it (the same rows as one load without a limit).
sh "$TOP/tests/store/mkjsonl.sh" 10 "$TOP"/examples/*.txt "$TOP"/tests/store/*.txt "$TOP"/tests/golden/*.txt >load.jsonl
counts() {
  sqlite3 "$1" "SELECT (SELECT count(*) FROM docs) || ' docs ' || (SELECT count(*) FROM events) || ' events ' ||
    (SELECT count(*) FROM figures) || ' figures ' || (SELECT count(*) FROM agreements) || ' agreements ' ||
    (SELECT count(*) FROM clusters) || ' clusters ' || (SELECT coalesce(sum(nsources), 0) FROM clusters) || ' sources'"
}
if command -v sqlite3 >/dev/null 2>&1; then
  "$DYAD" load -q --db room.db load.jsonl
  (ulimit -f 600 && check disk-full-load 4 "dyad: full.db: error: disk full (cannot commit: File too large)" -- \
    load --db full.db --batch 50 load.jsonl)
  expect disk-full-sound ok "$(sqlite3 full.db 'PRAGMA integrity_check')"
  n=$(wc -l <load.jsonl | tr -d ' ')
  partial=$(sqlite3 full.db 'SELECT count(*) FROM docs')
  if [ "$partial" -lt "$n" ]; then ok disk-full-partial; else fail disk-full-partial "all $n articles loaded: no write failed"; fi
  # the summary of the second load: what the first could not write
  rest=$(sqlite3 full.db "ATTACH 'room.db' AS r;
    SELECT ((SELECT count(*) FROM r.events) - (SELECT count(*) FROM events)) || ' events, ' ||
      ((SELECT count(*) FROM r.figures) - (SELECT count(*) FROM figures)) || ' figures, ' ||
      ((SELECT count(*) FROM r.agreements) - (SELECT count(*) FROM agreements)) || ' agreements'")
  check disk-full-completed 0 "dyad: loaded $n articles ($partial unchanged, 0 replaced), $rest into full.db" -- \
    load --db full.db load.jsonl
  expect disk-full-same-rows "$(counts room.db)" "$(counts full.db)"
  expect disk-full-sound-after ok "$(sqlite3 full.db 'PRAGMA integrity_check')"
else
  echo "skip: disk-full-load: the sqlite3 command is missing (make deps installs it)"
fi
if [ -w /dev/full ]; then
  stdout=/dev/full
  check code-output-dev-full 4 "dyad: error writing output" -- code load.jsonl
fi
(ulimit -f 8 && check code-output-ulimit 4 "dyad: error writing output" -- code load.jsonl)
rm -f full.db* room.db* load.jsonl

# ---- readers during a load -----------------------------------------------------
# dyad events (jsonl, csv) and dyad timeline run in turn, in a loop,
# while dyad load commits 3500 articles in batches of 20.  Each article
# is written in its batch's transaction and a reader reads in one, so it
# sees an article whole or not at all: each document a jsonl snapshot
# lists is in as many clusters as it is in the final store.
sh "$TOP/tests/store/mkjsonl.sh" 100 "$TOP"/examples/*.txt "$TOP"/tests/store/*.txt "$TOP"/tests/golden/*.txt >conc.jsonl
"$DYAD" load -q --db conc.db "$TOP/tests/store/visite-a.txt"
(
  i=0
  while [ ! -e load.done ]; do
    case $((i % 3)) in
      0) "$DYAD" events --db conc.db --format jsonl >snap.$i.jsonl 2>snap.$i.err ;;
      1) "$DYAD" events --db conc.db --format csv >snap.$i.csv 2>snap.$i.err ;;
      2) "$DYAD" timeline SEN GMB --db conc.db >snap.$i.timeline 2>snap.$i.err ;;
    esac
    st=$?
    echo "$st $(wc -c <snap.$i.err | tr -d ' ')" >>readers.txt
    i=$((i + 1))
  done
) &
reader=$!
pids="$pids $reader"
"$DYAD" load -q --db conc.db --batch 20 conc.jsonl 2>load.err
st=$?
expect readers-load-status "0 " "$st $(cat load.err)"
touch load.done
wait "$reader"
"$DYAD" events --db conc.db --format jsonl >final.jsonl
runs=$(wc -l <readers.txt | tr -d ' ')
[ "$runs" -ge 4 ] && ok readers-ran || fail readers-ran "only $runs reader runs during the load"
expect readers-status "" "$(grep -v '^0 0$' readers.txt | head -n 3)"
# per document: the number of clusters listing it
doc_clusters() {
  sed -n 's/.*"docs":\[\(.*\)\]}$/\1/p' "$1" | tr ',' '\n' | sort | uniq -c | awk '{ print $2, $1 }' | sort -k1,1
}
doc_clusters final.jsonl >final.docs
bad=""
for s in snap.*.jsonl; do
  doc_clusters "$s" >snap.docs
  # every document of the snapshot with its final count, and nsources =
  # the number of documents listed on each line
  extra=$(join -v 1 snap.docs final.docs | head -n 1)
  diffc=$(join snap.docs final.docs | awk '$2 != $3 { print; exit }')
  nsrc=$(sed -n 's/.*"nsources":\([0-9]*\),.*"docs":\[\(.*\)\]}$/\1 \2/p' "$s" |
    awk '{ n = $1; $1 = ""; if (gsub(/"/, "&") != 2 * n) { print; exit } }')
  if [ -n "$extra$diffc$nsrc" ]; then bad="$s: $extra$diffc$(echo "$nsrc" | cut -c1-80)"; break; fi
done
expect readers-whole-articles "" "$bad"
nsnap=$(ls snap.*.jsonl | wc -l | tr -d ' ')
partial=$(for s in snap.*.jsonl; do wc -l <"$s"; done | sort -n | uniq | wc -l | tr -d ' ')
[ "$partial" -ge 2 ] && ok readers-saw-the-load ||
  fail readers-saw-the-load "$nsnap jsonl snapshots, all alike: the readers did not run during the load"
bad=""
for s in snap.*.csv; do
  head -n 1 "$s" | grep -q '^GLOBALEVENTID,' || { bad="$s has no header"; break; }
done
expect readers-csv "" "$bad"
rm -f snap.* conc.jsonl

# ---- usage and data ------------------------------------------------------------

check usage-no-args 2 "usage: dyad COMMAND [OPTIONS] FILE... (try 'dyad help')" --
check usage-unknown-command 2 "dyad: unknown command 'frob' (try 'dyad help')" -- frob x
check usage-unknown-option 2 "dyad: unknown option '--frob' (try 'dyad help')" -- code --frob x
check usage-no-input 2 "dyad: code: no input (give files, directories or - for stdin)" -- code
check usage-dump-stage 2 "dyad: dump: --stage=normalise|clean|segment|tag|repair|actors|code is required" -- dump nul.txt
check data-missing 3 "dyad: nodata/fr.lex: error: cannot open the lexicon: No such file or directory
dyad: the data files are built by 'make'; point --data or DYAD_DATA at their directory" -- code --data nodata nul.txt

printf 'country\trole\tstart\tend\tname\tvariants\nXXX\tHOS\t2001\t\tNobody\t\nKAZ\tHOS\t2001-02-30\t\tSomebody\t\n' >people-bad.tsv
check dict-check-problems 1 "people-bad.tsv:2: unknown country code 'XXX'
people-bad.tsv:3: bad start date '2001-02-30' (YYYY, YYYY-MM or YYYY-MM-DD)
dict check: 2 problems" -- dict check people-bad.tsv
check dict-option-problems 3 "dyad: people-bad.tsv:2: error: unknown country code 'XXX' (and 1 more problems: run 'dyad dict check')" -- code --dict people-bad.tsv nul.txt
check dict-usage 2 "dyad: dict: the only subcommand is 'dict check [FILE...]'" -- dict frob

# ---- stress (DYAD_STRESS=1, make stress) ------------------------------------------
[ "${DYAD_STRESS:-0}" = 1 ] || exit 0

# 1 GB of JSONL (300,000 articles, 35 texts over and over) streamed:
# memory stays that of one article, the output goes through a pipe.
sh "$TOP/tests/store/mkjsonl.sh" 100 "$TOP"/examples/*.txt "$TOP"/tests/store/*.txt "$TOP"/tests/golden/*.txt >chunk.jsonl
i=0
while [ $i -lt 900 ]; do cat chunk.jsonl; i=$((i + 1)); done >big.jsonl
rm -f chunk.jsonl
n=$(wc -l <big.jsonl | tr -d ' ')
mb=$(($(wc -c <big.jsonl) / 1000000))
start=$(date +%s)
if [ "$rss" = 1 ]; then
  python3 -c 'import resource, subprocess, sys
r = subprocess.call(sys.argv[2:])
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
open(sys.argv[1], "w").write("%d %d\n" % (r, rss))' status.txt "$DYAD" code big.jsonl 2>err.txt |
    grep -c '"record":"doc"' >count.txt
else
  { "$DYAD" code big.jsonl 2>err.txt; echo "$? 0" >status.txt; } | grep -c '"record":"doc"' >count.txt
fi
read -r st peak <status.txt
echo "stress: dyad code on $mb MB of JSONL ($n articles): $(($(date +%s) - start)) s, peak RSS $peak KB"
expect stream-1GB-status "0 " "$st $(head -c 300 err.txt)"
expect stream-1GB-articles "$n" "$(cat count.txt)"
if [ "$rss" = 1 ]; then
  [ "$peak" -le 200000 ] && ok stream-1GB-memory || fail stream-1GB-memory "peak RSS $peak KB (expected at most 200000 KB)"
fi
rm -f big.jsonl

# 1,000,000 tiny files in one directory, read under ulimit -n 32.
mkdir million
i=0
while [ $i -lt 1000000 ]; do
  printf 'Le ministre %d a parl\303\251.' $i >million/f$i.txt
  i=$((i + 1))
done
start=$(date +%s)
(ulimit -n 32 && docs=1000000 max_rss=400000 && check million-files-ulimit-32 0 "" -- code million)
echo "stress: dyad code on 1,000,000 files: $(($(date +%s) - start)) s$([ "$rss" = 1 ] && echo ", peak RSS $(cat rss.txt) KB")"
rm -rf million
