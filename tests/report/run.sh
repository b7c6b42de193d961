#!/bin/sh
# run.sh DYAD: the tests of `dyad timeline` and `dyad report`, the readers
# of the store.  Builds a store from fixture.sql (docs/store.md's schema)
# with the sqlite3 CLI in a scratch directory, then checks:
#   - the timeline against timeline.expected (diff -u on failure), in
#     either order of the pair, without colours in a pipe and with them on
#     a terminal;
#   - the report: the events, figures and agreements, both SVG charts and
#     their marks, escaping, nothing fetched from elsewhere, the noise of
#     other pairs left out, the same bytes twice;
#   - the error cases: exit status and exact stderr (or stdout);
#   - the browser test (browser.js) when node, playwright-core (make
#     browser-deps) and chromium are there; its screenshot goes to
#     BUILD/report.png, BUILD being DYAD's directory; without node or
#     playwright-core, chromium alone checks the DOM it builds and renders
#     BUILD/report-cli.png.
# Prints "ok NAME", "FAIL NAME" with details, or "skip: NAME ..." per check.
DYAD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
B=$(dirname "$DYAD")
NODE_DIR=${DYAD_NODE_DIR:-build/node}
case $NODE_DIR in /*) ;; *) NODE_DIR=$ROOT/$NODE_DIR ;; esac
export DYAD_NODE_DIR="$NODE_DIR"

if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "skip: timeline and report: no sqlite3 CLI to build the test store (make deps)"
  exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
if ! sqlite3 test.db <"$HERE/fixture.sql" >/dev/null 2>sqlite.err; then
  echo "FAIL report-fixture: sqlite3 could not build the store:"
  cat sqlite.err
  exit 0
fi

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }

# expect NAME STATUS STREAM EXPECTED -- ARGS...: run dyad, compare the exit
# status and the whole of stdout or stderr (the other must be empty).
expect() {
  name=$1 want=$2 stream=$3 exp=$4
  shift 5
  "$DYAD" "$@" >out.txt 2>err.txt
  got=$?
  printf '%s\n' "$exp" >exp.txt
  if [ "$stream" = stderr ]; then main=err.txt other=out.txt; else main=out.txt other=err.txt; fi
  if [ "$got" = "$want" ] && diff -u exp.txt "$main" >diff.txt && [ ! -s "$other" ]; then
    ok "$name"
  else
    fail "$name" "exit $got (expected $want)"
    diff -u exp.txt "$main" | head -n 20
    [ -s "$other" ] && sed 's/^/  other stream: /' "$other" | head -n 5
  fi
}

# count NAME WANT PATTERN FILE: the number of lines of FILE matching PATTERN
count() {
  n=$(grep -c -- "$3" "$4")
  if [ "$n" = "$2" ]; then ok "$1"; else fail "$1" "$n lines match '$3', expected $2"; fi
}
has() { if grep -q -- "$2" "$3"; then ok "$1"; else fail "$1" "no '$2' in $3"; fi; }
hasnt() { if grep -q -- "$2" "$3"; then fail "$1" "'$2' found in $3"; else ok "$1"; fi; }

# ---- timeline
"$DYAD" timeline VNM KAZ --db test.db >timeline.txt 2>err.txt
st=$?
if [ "$st" = 0 ] && [ ! -s err.txt ] && diff -u "$HERE/timeline.expected" timeline.txt >diff.txt; then
  ok timeline-golden
else
  fail timeline-golden "exit $st"
  cat err.txt diff.txt | head -n 40
fi
"$DYAD" timeline kaz vnm --db test.db >reversed.txt 2>err.txt
tail -n +2 "$HERE/timeline.expected" >body.txt
if tail -n +2 reversed.txt | cmp -s - body.txt &&
  head -n 1 reversed.txt | grep -q '^Kazakhstan (KAZ) – Vietnam (VNM): '; then
  ok timeline-either-order
else
  fail timeline-either-order "kaz vnm should list the same lines under its own heading"
  head -n 3 reversed.txt
fi
esc=$(printf '\033')
hasnt timeline-no-colour-in-pipe "$esc" timeline.txt
script -qec "'$DYAD' timeline VNM KAZ --db test.db" /dev/null >tty.txt 2>&1
has timeline-colour-on-terminal "$esc\[" tty.txt
NO_COLOR=1 script -qec "'$DYAD' timeline VNM KAZ --db test.db" /dev/null >tty.txt 2>&1
hasnt timeline-no-color-env "$esc\[" tty.txt

# ---- report
expect report-writes 0 stdout "wrote report.html (20 events, figures and agreements)" -- \
  report VNM KAZ --db test.db -o report.html
R=report.html
has report-chart-events 'id="chart-events"' $R
has report-chart-figures 'id="chart-figures"' $R
count report-event-rows 12 '<li class="event q' $R
count report-figure-rows 5 '<li class="figure"' $R
count report-agreement-rows 3 '<li class="agreement"' $R
count report-agreements-table 3 '<tr class="agreement-row">' $R
for q in 1 2 3 4; do has "report-bars-q$q" "<rect class=\"bar q$q\"" $R; done
count report-goldstein-points 5 '<circle class="gs-point"' $R
has report-goldstein-line '<polyline class="goldstein"' $R
count report-figure-panels 2 '<g class="series"' $R
count report-figure-points 5 '<circle class="point' $R
has report-target-marked 'class="point other"' $R
has report-summary '<dd id="n-events">12</dd>' $R
has report-summary-articles '<dd id="n-articles">9</dd>' $R
has report-period '<dd class="span" id="period">2019 – 2024</dd>' $R
has report-event-text 'Kazakhstan (Kassym-Jomart Tokayev) makes a visit to Vietnam' $R
has report-sentence-quoted 'Tokaïev effectue du 20 au 22 août une visite officielle au Vietnam' $R
has report-doc-link '<a class="doc" href="https://example.org/vna/2023-08-21">vna-2023-08-21</a>' $R
has report-span 'bytes 0–134' $R
has report-escaped-text '« &lt;Partenariat 2030&gt; »' $R
hasnt report-no-raw-markup '<Partenariat\|<tournant>' $R
has report-escaped-url 'https://example.org/rfi?id=23&amp;lang=fr' $R
has report-escaped-quote 'd&#39;entente' $R
hasnt report-other-pairs 'Paris\|FRA\|euros' $R
hasnt report-no-script '<script\|<link\|<iframe\| src=' $R
if grep -o 'https\?://[^"<> ]*' $R | grep -v '^https://example\.org/' | grep -qv '^http://www\.w3\.org/2000/svg$'; then
  fail report-self-contained "addresses other than the sources' urls:"
  grep -o 'https\?://[^"<> ]*' $R | grep -v '^https://example\.org/' | grep -v '^http://www\.w3\.org/2000/svg$' | head -n 5
else
  ok report-self-contained
fi
cp $R first.html
echo stale >report.html
"$DYAD" report VNM KAZ --db test.db -o report.html >/dev/null 2>&1
if cmp -s first.html report.html; then ok report-same-bytes; else fail report-same-bytes "two runs differ"; fi
if ls report.html.tmp* >/dev/null 2>&1; then fail report-no-temp-left "$(ls report.html.tmp*)"; else ok report-no-temp-left; fi
mkdir default && cd default || exit 1
expect report-default-name 0 stdout "wrote report.html (20 events, figures and agreements)" -- \
  report KAZ VNM --db ../test.db
has report-default-title '<h1>Kazakhstan <span class="iso">KAZ</span> – Vietnam' report.html
cd .. || exit 1

# ---- errors
expect unknown-code 2 stderr "dyad: timeline: unknown country code 'XYZ' (ISO 3166-1 alpha-3, such as VNM)" -- \
  timeline VNM XYZ --db test.db
expect report-unknown-code 2 stderr "dyad: report: unknown country code 'QQQ' (ISO 3166-1 alpha-3, such as VNM)" -- \
  report QQQ KAZ --db test.db -o x.html
expect not-a-code 2 stderr "dyad: timeline: 'K;Z' is not a country code (ISO 3166-1 alpha-3, such as VNM)" -- \
  timeline VNM 'K;Z' --db test.db
expect same-code 2 stderr "dyad: timeline: a pair needs two different countries (VNM twice)" -- \
  timeline VNM vnm --db test.db
expect one-code 2 stderr "dyad: timeline: give two country codes, e.g. 'dyad timeline VNM KAZ'" -- \
  timeline VNM --db test.db
expect three-codes 2 stderr "dyad: report: one pair at a time ('LAO' is a third code)" -- \
  report VNM KAZ LAO --db test.db
expect unknown-option 2 stderr "dyad: timeline: unknown option '-o' (try 'dyad help')" -- \
  timeline VNM KAZ --db test.db -o x.html
expect missing-db 4 stderr "dyad: dyad.db: no such database (run dyad load first)" -- timeline VNM KAZ
expect report-missing-db 4 stderr "dyad: dyad.db: no such database (run dyad load first)" -- report VNM KAZ -o x.html
expect missing-db-path 4 stderr "dyad: nowhere/my.db: no such database (run dyad load first)" -- \
  timeline VNM KAZ --db nowhere/my.db
: >empty.db
expect empty-db 4 stderr "dyad: empty.db: empty database (run dyad load first)" -- timeline VNM KAZ --db empty.db
echo 'not a database, not at all' >junk.db
expect junk-db 4 stderr "dyad: junk.db: reading the schema version: file is not a database" -- \
  timeline VNM KAZ --db junk.db
sqlite3 newer.db 'PRAGMA user_version = 2;'
expect newer-db 4 stderr "dyad: newer.db: schema version 2, this dyad reads version 1 (docs/store.md)" -- \
  timeline VNM KAZ --db newer.db
expect empty-history 0 stdout "no events, figures or agreements between VNM and USA in test.db" -- \
  timeline VNM usa --db test.db
expect report-empty-history 0 stdout "no events, figures or agreements between VNM and USA in test.db; no report written" -- \
  report VNM USA --db test.db -o none.html
if [ -e none.html ]; then fail report-empty-no-file "none.html written"; else ok report-empty-no-file; fi
expect report-no-dir 4 stderr "dyad: nodir/r.html: cannot write the report: No such file or directory" -- \
  report VNM KAZ --db test.db -o nodir/r.html

# ---- the browser
# Without node and playwright-core (npm can be out of reach, as in a bare
# chroot), Debian's chromium itself checks the page: the DOM it builds has
# the charts and the event rows, and it renders a screenshot.
chromium_check() {
  chrome=$(command -v chromium || command -v chromium-browser || true)
  if [ -z "$chrome" ]; then
    echo "skip: browser: no chromium (make deps)"
    return
  fi
  prof=$(mktemp -d)
  flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir=$prof"
  # shellcheck disable=SC2086
  timeout 120 "$chrome" $flags --dump-dom "file://$PWD/report.html" >dom.html 2>/dev/null
  n=$(grep -c '<li class="event' dom.html || true)
  if grep -q 'id="chart-events"' dom.html && grep -q 'id="chart-figures"' dom.html && [ "$n" -ge 12 ]; then
    ok browser-cli-dom
  else
    fail browser-cli-dom "chromium's DOM lacks the charts or the 12 event rows (found $n)"
  fi
  rm -f "$B/report-cli.png"
  # shellcheck disable=SC2086
  timeout 120 "$chrome" $flags --window-size=1100,2400 --screenshot="$PWD/shot.png" "file://$PWD/report.html" \
    >/dev/null 2>&1
  if [ -s shot.png ]; then
    cp shot.png "$B/report-cli.png"
    ok browser-cli-screenshot
  else
    fail browser-cli-screenshot "chromium wrote no screenshot"
  fi
  rm -rf "$prof"
}
if ! command -v node >/dev/null 2>&1; then
  chromium_check
else
  out=$(node "$HERE/browser.js" report.html "$B/report.png" 12 2>&1)
  echo "$out"
  case $out in skip:*) chromium_check ;; esac
fi
