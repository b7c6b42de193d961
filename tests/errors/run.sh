#!/bin/sh
# run.sh DYAD: the catalogue of hostile inputs.  Each case builds its
# input in a scratch directory, runs dyad there, and compares the exit
# status and the exact stderr with what we expect (names are relative, so
# messages are stable).  Prints "ok NAME" or "FAIL NAME" with a diff.
DYAD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1

# check NAME STATUS EXPECTED_STDERR -- ARGS...
check() {
  name=$1 want=$2 exp=$3
  shift 4
  "$DYAD" "$@" >out.txt 2>err.txt
  got=$?
  printf '%s' "$exp" >exp.txt
  [ -n "$exp" ] && printf '\n' >>exp.txt
  if [ "$got" = "$want" ] && diff -u exp.txt err.txt >diff.txt; then
    echo "ok $name"
  else
    echo "FAIL $name: exit $got (expected $want)"
    diff -u exp.txt err.txt | head -n 20
  fi
}

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

printf '{"text":"x","a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}\n' >nested.jsonl
check nested-arrays 1 "dyad: nested.jsonl:1: warning: bad JSON: nesting deeper than 64 at column 80" -- code nested.jsonl

printf '{"id":"n","date":"2024-05"}\n' >notext.jsonl
check jsonl-no-text 1 'dyad: notext.jsonl:1: warning: no "text" string, skipped' -- code notext.jsonl

check missing-file 1 "dyad: nofile.txt: error: cannot read: No such file or directory" -- code nofile.txt

awk 'BEGIN { s = "Le ministre a rencontré son homologue. "; for (i = 0; i < 1300000; i++) printf "%s", s }' >long-line.txt
check long-line-50MB 0 "" -- code long-line.txt

awk 'BEGIN { for (i = 0; i < 200000; i++) printf "!?.;:-"; }' >punct.txt
check repeated-punctuation 0 "" -- code punct.txt

mkdir -p tree/a tree/b
printf 'Un article.' >tree/a/one.txt
printf 'abc\000\000\000\000\000\000\000\000' >tree/b/bin.txt
printf 'ignored' >tree/b/notes.md
check directory-with-binary 1 "dyad: tree/b/bin.txt: warning: binary file, skipped" -- code tree

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
