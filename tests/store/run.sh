#!/bin/sh
# run.sh DYAD: the event store through the command line (dyad load,
# dyad events), in a scratch directory.  Prints "ok NAME" or
# "FAIL NAME: why" per check, for tests/run.sh to count; "skip:" lines
# when the sqlite3 command (package sqlite3, installed by make deps) is
# missing.  Cases:
#   idempotent   a second load of the same files changes nothing
#   changed      an article loaded again with another text replaces its rows
#   killed       a load killed (-9) mid-way leaves a sound database, and
#                loading again ends where an uninterrupted load ends
#   incremental  loading A then B gives the clusters of loading A and B at
#                once, B's reports joining A's clusters
#   lone         a dated report joins the only (undated) cluster of its
#                pair and code
#   same-partition  dyad code and dyad load make the same clusters
#   events-*     each filter of dyad events against the same selection
#                in SQL, each format
#   locked       a database another process holds: the message, exit 4
# Inputs: the articles of tests/store (visite-a, -b, -c: two reports of
# the visit examples/visite-dakar.txt reports, and another visit; rappel-a,
# -b: an undated and a dated report of one recall),
# examples/ and tests/golden/.
DYAD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "skip: store tests: the sqlite3 command is missing (make deps installs it)"
  exit 0
fi
T=$(mktemp -d)
lockpid=""
trap 'if [ -n "$lockpid" ]; then kill "$lockpid" 2>/dev/null; fi; rm -rf "$T"' EXIT
cd "$T" || exit 1

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
# expect NAME EXPECTED GOT
expect() {
  if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "expected '$2', got '$3'"; fi
}
q() { sqlite3 "$1" "$2"; }
# what a database holds, ids and load times aside
counts() {
  q "$1" "SELECT (SELECT count(*) FROM docs) || ' docs ' || (SELECT count(*) FROM events) || ' events ' ||
    (SELECT count(*) FROM figures) || ' figures ' || (SELECT count(*) FROM agreements) || ' agreements ' ||
    (SELECT count(*) FROM clusters) || ' clusters ' || (SELECT coalesce(sum(nsources), 0) FROM clusters) ||
    ' sources'"
}
# the clusters, as dyad events lists them (DATEADDED, the load time, cut)
listing() { "$DYAD" events --db "$1" --format csv | cut -d, -f1-21,23-; }
# sound: integrity, foreign keys, no empty cluster, nsources right
sound() {
  q "$1" "PRAGMA integrity_check; PRAGMA foreign_key_check;
    SELECT 'empty cluster ' || id FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM events WHERE cluster = c.id)
      AND NOT EXISTS (SELECT 1 FROM figures WHERE cluster = c.id);
    SELECT 'nsources ' || id FROM clusters c WHERE nsources <> (SELECT count(DISTINCT doc) FROM
      (SELECT doc FROM events WHERE cluster = c.id UNION ALL SELECT doc FROM figures WHERE cluster = c.id));"
}
INPUTS="$HERE/visite-a.txt $HERE/visite-b.txt $HERE/visite-c.txt $TOP/examples"

# ---- idempotent ------------------------------------------------------------
"$DYAD" load --db idem.db $INPUTS 2>idem1.err
expect idempotent-status 0 $?
first=$(counts idem.db)
"$DYAD" load --db idem.db $INPUTS 2>idem2.err
expect idempotent-status-again 0 $?
expect idempotent-counts "$first" "$(counts idem.db)"
n=$(q idem.db "SELECT count(*) FROM docs")
expect idempotent-summary \
  "dyad: loaded $n articles ($n unchanged, 0 replaced), 0 events, 0 figures, 0 agreements into idem.db" \
  "$(cat idem2.err)"
expect idempotent-sound ok "$(sound idem.db)"

# ---- changed ------------------------------------------------------------------
mkdir chg && cp "$HERE/visite-a.txt" "$HERE/visite-b.txt" chg/
"$DYAD" load -q --db chg.db chg/visite-a.txt chg/visite-b.txt
before=$(q chg.db "SELECT max(nsources) FROM clusters WHERE kind = 'event'")
expect changed-merged-before 2 "$before"
cp "$HERE/visite-c.txt" chg/visite-b.txt
"$DYAD" load --db chg.db chg/visite-a.txt chg/visite-b.txt 2>chg.err
expect changed-summary-counts "(1 unchanged, 1 replaced)" \
  "$(sed -n 's/.*articles \((.*)\),.*/\1/p' chg.err)"
expect changed-old-rows-gone 0 \
  "$(q chg.db "SELECT count(*) FROM events e JOIN docs d ON d.id = e.doc WHERE d.ext_id = 'visite-b' AND e.date LIKE '2024-03%'")"
expect changed-new-rows 1 \
  "$(q chg.db "SELECT count(*) > 0 FROM events e JOIN docs d ON d.id = e.doc WHERE d.ext_id = 'visite-b' AND e.date LIKE '2024-06%'")"
expect changed-docs 2 "$(q chg.db "SELECT count(*) FROM docs")"
expect changed-sound ok "$(sound chg.db)"
"$DYAD" load -q --db chg-fresh.db chg/visite-a.txt chg/visite-b.txt
expect changed-as-fresh "$(counts chg-fresh.db)" "$(counts chg.db)"
expect changed-listing-as-fresh "$(listing chg-fresh.db | cut -d, -f2- | sort)" "$(listing chg.db | cut -d, -f2- | sort)"

# ---- killed -----------------------------------------------------------------
sh "$HERE/mkjsonl.sh" 150 "$HERE"/*.txt "$TOP"/examples/*.txt "$TOP"/tests/golden/*.txt >big.jsonl
total=$(wc -l <big.jsonl)
"$DYAD" load -q --db ref.db big.jsonl
"$DYAD" load -q --batch 50 --db killed.db big.jsonl &
pid=$!
i=0
while [ "$(q killed.db "SELECT count(*) FROM docs" 2>/dev/null || echo 0)" -lt 100 ] && [ $i -lt 20000 ]; do
  i=$((i + 1))
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
expect killed-sound ok "$(sound killed.db)"
stored=$(q killed.db "SELECT count(*) FROM docs")
if [ "$stored" -lt "$total" ]; then
  expect killed-whole-batches 0 $((stored % 50))
else
  echo "skip: killed: the load ended before the kill"
fi
"$DYAD" load --db killed.db big.jsonl 2>killed.err
expect killed-resumed-status 0 $?
expect killed-resumed-unchanged "$stored" "$(sed -n 's/.*articles (\([0-9]*\) unchanged.*/\1/p' killed.err)"
expect killed-counts "$(counts ref.db)" "$(counts killed.db)"
expect killed-listing "$(listing ref.db)" "$(listing killed.db)"
expect killed-sound-after ok "$(sound killed.db)"

# ---- incremental ----------------------------------------------------------------
"$DYAD" load -q --db inc.db "$HERE/visite-a.txt" "$TOP/examples"
"$DYAD" load -q --db inc.db "$HERE/visite-b.txt" "$HERE/visite-c.txt"
"$DYAD" load -q --db once.db "$HERE/visite-a.txt" "$TOP/examples" "$HERE/visite-b.txt" "$HERE/visite-c.txt"
expect incremental-clusters "$(q once.db "SELECT count(*) FROM clusters")" "$(q inc.db "SELECT count(*) FROM clusters")"
expect incremental-listing "$(listing once.db)" "$(listing inc.db)"
expect incremental-joined '"docs":["visite-a","banjul-visite-retour","visite-dakar","visite-b"]}' \
  "$("$DYAD" events --db inc.db --pair GMB,SEN --code 042 --format jsonl | grep -o '"docs":.*')"
expect incremental-sound ok "$(sound inc.db)"

# ---- the only cluster of a pair and code -----------------------------------------
# rappel-a (undated) and rappel-b (dated) report one recall: the dated
# report joins the undated one's cluster, which takes its date; dyad code
# groups them alike
"$DYAD" load -q --db lone.db "$HERE/rappel-a.txt" "$HERE/rappel-b.txt"
expect lone-joined "2 1 2024-05-09" "$(q lone.db "SELECT count(*), count(DISTINCT e.cluster), c.date FROM events e
  JOIN clusters c ON c.id = e.cluster WHERE e.source_country = 'NER' AND e.target_country = 'BEN' AND e.root = '16'" |
  tr '|' ' ')"
expect lone-nsources 2 "$(q lone.db "SELECT max(nsources) FROM clusters")"
expect lone-code 1 "$("$DYAD" code -q "$HERE/rappel-a.txt" "$HERE/rappel-b.txt" | grep '"cameo":"16' |
  grep -o '"cluster":[0-9]*' | sort -u | wc -l | tr -d ' ')"
expect lone-sound ok "$(sound lone.db)"

# ---- dyad code and dyad load group the reports alike -----------------------------
# the clusters as sets of (article, event number), from dyad code's JSON
# lines and from the store, must be the same partition
"$DYAD" code -q "$HERE"/*.txt "$TOP/examples" "$TOP"/tests/golden/code-*.txt >same.jsonl
"$DYAD" load -q --db same.db "$HERE"/*.txt "$TOP/examples" "$TOP"/tests/golden/code-*.txt
q same.db "SELECT d.ext_id || ' ' || e.seq || ' ' || e.cluster FROM events e JOIN docs d ON d.id = e.doc" >same.store
if command -v python3 >/dev/null 2>&1; then
  expect same-partition "same" "$(python3 - same.jsonl same.store <<'PY'
import collections, json, os, sys
def part(pairs):
    g = collections.defaultdict(set)
    for k, c in pairs:
        g[c].add(k)
    return {frozenset(v) for v in g.values()}
code, n = [], collections.Counter()
for line in open(sys.argv[1]):
    r = json.loads(line)
    if "cameo" in r:
        d = os.path.splitext(os.path.basename(r["doc"]))[0]
        n[d] += 1
        code.append(((d, n[d]), r["cluster"]))
store = [((l.split()[0], int(l.split()[1])), l.split()[2]) for l in open(sys.argv[2])]
a, b = part(code), part(store)
print("same" if a == b and len(code) == len(store) > 0 else
      "differ: %d/%d events, %d/%d clusters" % (len(code), len(store), len(a), len(b)))
PY
)"
else
  echo "skip: same-partition: no python3"
fi

# ---- events: filters and formats ---------------------------------------------------
ev() { "$DYAD" events --db once.db --format jsonl "$@" | wc -l | tr -d ' '; }
days() { echo "CAST(julianday('$1') - julianday('1970-01-01') AS INTEGER)"; }
sqln() { q once.db "SELECT count(*) FROM clusters WHERE kind = 'event' $1"; }
all=$(sqln "")
expect events-all "$all" "$(ev)"
n=$(sqln "AND ((source = 'SEN' AND target = 'GMB') OR (source = 'GMB' AND target = 'SEN'))")
expect events-pair-some 1 "$([ "$n" -gt 0 ] && echo 1)"
expect events-pair "$n" "$(ev --pair SEN,GMB)"
expect events-pair-either-order "$("$DYAD" events --db once.db --pair SEN,GMB)" "$("$DYAD" events --db once.db --pair gmb,sen)"
n=$(sqln "AND (source = 'MRT' OR target = 'MRT')")
expect events-actor "$n" "$(ev --actor MRT)"
n=$(sqln "AND cameo LIKE '04%'")
expect events-code "$n" "$(ev --code 04)"
expect events-code-full "$(sqln "AND cameo = '042'")" "$(ev --code 042)"
n=$(sqln "AND last >= $(days 2024-06-01)")
expect events-from-month "$n" "$(ev --from 2024-06)"
n=$(sqln "AND first <= $(days 2024-03-31)")
expect events-to-month "$n" "$(ev --to 2024-03)"
n=$(sqln "AND last >= $(days 2024-01-01) AND first <= $(days 2024-12-31)")
expect events-from-to-year "$n" "$(ev --from 2024 --to 2024)"
n=$(sqln "AND last >= $(days 2024-03-14) AND first <= $(days 2024-03-14) AND cameo LIKE '04%'
  AND (source = 'SEN' OR target = 'SEN')")
expect events-day-and-more "$n" "$(ev --from 2024-03-14 --to 2024-03-14 --code 04 --actor SEN)"
expect events-table-lines $((all + 1)) "$("$DYAD" events --db once.db | wc -l | tr -d ' ')"
expect events-table-header "CLUSTER DATE SOURCE TARGET CAMEO DOCS DESCRIPTION" \
  "$("$DYAD" events --db once.db --format table | head -n 1 | tr -s ' ')"
expect events-jsonl-objects "$all" "$("$DYAD" events --db once.db --format jsonl | grep -c '^{"cluster":[0-9]*,.*}$')"
expect events-csv-header \
  "GLOBALEVENTID,SQLDATE,MonthYear,Year,FractionDate,Actor1Code,Actor1Name,Actor1CountryCode,Actor2Code,Actor2Name,Actor2CountryCode,EventCode,EventBaseCode,EventRootCode,QuadClass,GoldsteinScale,NumMentions,NumSources,NumArticles,ActionGeo_FullName,ActionGeo_CountryCode,DATEADDED,SOURCEURL,DyadDate" \
  "$("$DYAD" events --db once.db --format csv | head -n 1)"
expect events-csv-rows $((all + 1)) "$("$DYAD" events --db once.db --format csv | wc -l | tr -d ' ')"
expect events-csv-visit "20240314,GMBGOVHOS,Adama Barrow,GMB,SENGOVHOS,Macky Sall,SEN,042,042,04,1,1.9,4,4,4" \
  "$("$DYAD" events --db once.db --format csv --pair SEN,GMB --code 042 | sed -n 2p | cut -d, -f2,6-19)"

# usage and database errors: the status and the message
check() {
  name=$1 want=$2 exp=$3
  shift 3
  "$DYAD" "$@" >out.txt 2>err.txt
  got=$?
  if [ "$got" = "$want" ] && [ "$(cat err.txt)" = "$exp" ]; then ok "$name"
  else fail "$name" "exit $got (expected $want), stderr '$(cat err.txt)' (expected '$exp')"; fi
}
check events-bad-from 2 "dyad: events: from date '2024-13' is not YYYY, YYYY-MM or YYYY-MM-DD" \
  events --db once.db --from 2024-13
check events-bad-code 2 "dyad: events: code '4a' is not a CAMEO code or prefix (1 to 4 digits)" \
  events --db once.db --code 4a
check events-bad-pair 2 "dyad: events: --pair needs two states, as in VNM,KAZ (got 'KAZ')" \
  events --db once.db --pair KAZ
check events-bad-format 2 "dyad: events: unknown format 'xml' (table, jsonl or csv)" \
  events --db once.db --format xml
check events-file-argument 2 "dyad: events: unexpected argument 'x.txt' (events reads the store given by --db)" \
  events --db once.db x.txt
check events-no-db 4 "dyad: none.db: error: cannot read: No such file or directory" events --db none.db
printf 'not a database, not at all\n' >text.db
check events-not-a-db 4 "dyad: text.db: error: cannot open the database: file is not a database" events --db text.db
check load-not-a-db 4 "dyad: text.db: error: cannot open the database: file is not a database" \
  load --db text.db "$HERE/visite-a.txt"
cp once.db newer.db
q newer.db "PRAGMA user_version = 7"
check load-newer-schema 4 "dyad: newer.db: error: schema version 7 is newer than this dyad's (1): use a newer dyad" \
  load --db newer.db "$HERE/visite-a.txt"
check load-bad-batch 2 "dyad: load: --batch needs a positive number of articles" load --batch 0 x.txt
check load-no-input 2 "dyad: load: no input (give files, directories or - for stdin)" load

# ---- locked -----------------------------------------------------------------------
"$DYAD" load -q --db locked.db "$HERE/visite-a.txt"
mkfifo lock.fifo
sqlite3 locked.db <lock.fifo >lock.out 2>&1 &
lockpid=$!
exec 3>lock.fifo
echo 'BEGIN EXCLUSIVE; SELECT 1;' >&3
i=0
while [ "$(cat lock.out)" != 1 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
check locked-load 4 "dyad: locked.db: error: database is locked by another process" \
  load --db locked.db "$HERE/visite-b.txt"
check locked-events-read 0 "" events --db locked.db
exec 3>&-
wait "$lockpid"
lockpid=""
check locked-released 0 "" load -q --db locked.db "$HERE/visite-b.txt"
expect locked-sound ok "$(sound locked.db)"
