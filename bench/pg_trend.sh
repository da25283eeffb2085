#!/bin/sh
# bench/pg_trend.sh -- issue 15's last figure: the trend query on a large
# PostgreSQL store.  A throwaway server (tests/pg_server.sh) gets
# $TREND_EVENTS (default 10,000,000) synthetic events (bench/gen_events.c:
# Zipf dyads, every CAMEO code, ten years) through dyad import with two
# workers; then, best of 5, wall time of the whole process:
#   dyad trend --dyad A,B --by month   for the most frequent dyad and the 1001st
#   dyad query --count month           for the most frequent dyad
# Run from the project root after make: sh bench/pg_trend.sh
set -eu
out=bench/out
dyad=build/dyad
n=${TREND_EVENTS:-10000000}
mkdir -p "$out"
tmp=$(mktemp -d)
. tests/pg_server.sh
trap 'pg_stop; rm -rf "$tmp"' EXIT
pg_start "$tmp/pg"
psql -X -q "$PGURL" -c "CREATE DATABASE big" >/dev/null
DB="postgresql:///big?host=$pg_dir&port=5432&user=postgres"
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$DB" -c "$1"; }
now() { date +%s%N; }
ms_since() { echo $((($(now) - $1) / 1000000)); }
synth=$out/synth-$n
[ -f "$synth/2019-12.jsonl" ] || { rm -rf "$synth"; build/bench_gen_events "$n" "$synth" >/dev/null; }
ls "$synth"/*.jsonl >"$tmp/months"
t=$(now)
# shellcheck disable=SC2046
"$dyad" import -q --db "$DB" --format jsonl $(awk 'NR % 2 == 1' "$tmp/months") &
a=$!
# shellcheck disable=SC2046
"$dyad" import -q --db "$DB" --format jsonl $(awk 'NR % 2 == 0' "$tmp/months") &
b=$!
wait $a
wait $b
ms=$(ms_since "$t")
events=$(q "SELECT count(*) FROM events")
echo "imported $events events in $((ms / 1000)) s with 2 workers ($((events * 1000 / (ms > 0 ? ms : 1))) events/s)"
q "ANALYZE events" >/dev/null
top=$(q "SELECT source || ',' || target FROM events GROUP BY source, target ORDER BY count(*) DESC LIMIT 1")
mid=$(q "SELECT source || ',' || target FROM events GROUP BY source, target ORDER BY count(*) DESC OFFSET 1000 LIMIT 1")
best() {
    b=""
    for i in 1 2 3 4 5; do
        t=$(now)
        "$@" >/dev/null
        ms=$(ms_since "$t")
        if [ -z "$b" ] || [ "$ms" -lt "$b" ]; then b=$ms; fi
    done
    echo "$b"
}
ntop=$(q "SELECT count(*) FROM events WHERE source || ',' || target = '$top'")
echo "dyad trend --by month, most frequent dyad $top ($ntop events): $(best "$dyad" trend --db "$DB" --dyad "$top" --by month) ms"
echo "dyad trend --by month, the 1001st dyad $mid: $(best "$dyad" trend --db "$DB" --dyad "$mid" --by month) ms"
echo "dyad query --count month, most frequent dyad: $(best "$dyad" query --db "$DB" --dyad "$top" --count month) ms"
