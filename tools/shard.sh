#!/bin/sh
# tools/shard.sh N OUTDIR FILE... -- splits TABARI records or JSON Lines
# into N shard files OUTDIR/shard-1 ... OUTDIR/shard-N (the extension of
# the first input kept), for N workers of `dyad ingest` (examples/slurm,
# examples/parallel).  A record goes to the shard chosen by a hash of its
# id, so every record with one id lands in one shard, in input order:
# which of two texts under one id stays is then the same as with one
# writer.  Plain-text articles (one per file) need no splitting: give the
# workers different files.
set -eu
n=${1:?usage: shard.sh N OUTDIR FILE...}
out=${2:?usage: shard.sh N OUTDIR FILE...}
shift 2
[ $# -ge 1 ] || { echo "usage: shard.sh N OUTDIR FILE..." >&2; exit 2; }
mkdir -p "$out"
ext=""
case $1 in *.jsonl) ext=.jsonl ;; *.txt) ext=.txt ;; esac
i=1
while [ "$i" -le "$n" ]; do : >"$out/shard-$i$ext"; i=$((i + 1)); done
first=$(head -c 1 "$1")
if [ "$first" = "{" ]; then
    # JSON Lines: the id is the "id" key's string value when it has one
    awk -v n="$n" -v out="$out" -v ext="$ext" '
      function h(s,   i, x) { x = 0; for (i = 1; i <= length(s); i++) x = (x * 31 + index("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:", substr(s, i, 1))) % 1000003; return x }
      { id = $0; if (match($0, /"id" *: *"[^"]*"/)) id = substr($0, RSTART, RLENGTH); else id = NR
        print > (out "/shard-" (h(id) % n + 1) ext) }' "$@"
else
    # TABARI records: "YYMMDD ID" line, text lines, blank line
    awk -v n="$n" -v out="$out" -v ext="$ext" -v RS= -v ORS='\n\n' '
      function h(s,   i, x) { x = 0; for (i = 1; i <= length(s); i++) x = (x * 31 + index("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:", substr(s, i, 1))) % 1000003; return x }
      { split($0, line, "\n"); split(line[1], f, " "); print > (out "/shard-" (h(f[2]) % n + 1) ext) }' "$@"
fi
