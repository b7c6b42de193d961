#!/bin/sh
# mkjsonl.sh COPIES FILE...: a JSONL corpus on stdout, made of COPIES
# rounds of the .txt articles FILE..., each article with its own id
# ("NAME-ROUND"): the same texts again and again, for loads of a few
# thousand articles (throughput, interrupted loads).  POSIX awk only.
copies=$1
shift
awk -v copies="$copies" '
BEGIN { n = 0 }
function flush() { if (n_lines) { text[n] = buf; name[n] = base; n++ } buf = ""; n_lines = 0 }
FNR == 1 { flush(); base = FILENAME; sub(/.*\//, "", base); sub(/\.txt$/, "", base) }
{
  line = $0
  gsub(/\\/, "\\\\", line); gsub(/"/, "\\\"", line)
  gsub(/\t/, "\\t", line); gsub(/\r/, "\\r", line)
  buf = buf line "\\n"; n_lines++
}
END {
  flush()
  for (r = 1; r <= copies; r++)
    for (i = 0; i < n; i++) printf "{\"id\":\"%s-%d\",\"text\":\"%s\"}\n", name[i], r, text[i]
}' "$@"
