#!/bin/sh
# bench/pg.sh -- the PostgreSQL store's figures (issue 15), in one run, on a
# throwaway server (tests/pg_server.sh; default settings, fsync on):
#
#   1. dyad ingest of ../shared/bench/replicate $PG_BENCH_COPIES (default
#      200: 9,800 TABARI records) -- dyad code alone (the coding rate),
#      SQLite with one writer, PostgreSQL with 1 worker and with 2 workers
#      over 2 shards (tools/shard.sh), records/s and the 2/1 ratio;
#   2. the database's ingest ceiling without coding: $SYNTH_EVENTS
#      (default 200,000) synthetic events (bench/gen_events.c) through
#      dyad import, SQLite and PostgreSQL with 1 and 2 workers, events/s;
#   3. COPY against multi-row INSERT (500 rows a statement, one
#      transaction per statement) of the same events into the same
#      indexed table, with psql, events/s;
#   4. the trend query -- a dyad-by-month count -- on the synthetic events
#      in PostgreSQL: most frequent dyad, the 1001st, all dyads; best of 5.
#
# Run from the project root after make: sh bench/pg.sh
set -eu
shared=${DYAD_SHARED:-../shared}
out=bench/out
dyad=build/dyad
copies=${PG_BENCH_COPIES:-200}
nsyn=${SYNTH_EVENTS:-200000}
mkdir -p "$out"
tmp=$(mktemp -d)
. tests/pg_server.sh
trap 'pg_stop; rm -rf "$tmp"' EXIT
pg_start "$tmp/pg"
db_url() {
    psql -X -q "$PGURL" -c "CREATE DATABASE $1" >/dev/null
    echo "postgresql:///$1?host=$pg_dir&port=5432&user=postgres"
}
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$1" -c "$2"; }
now() { date +%s%N; }
ms_since() { echo $((($(now) - $1) / 1000000)); }
rate() { echo $(($1 * 1000 / ($2 > 0 ? $2 : 1))); }

corpus=$out/corpus$copies.txt
[ -s "$corpus" ] || sh "$shared/bench/replicate" "$copies" >"$corpus"
records=$(grep -cE '^[0-9]{6} ' "$corpus")
rm -rf "$tmp/shards"
sh tools/shard.sh 2 "$tmp/shards" "$corpus"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

echo "== ingest of $records records (replicate $copies) =="
t=$(now)
"$dyad" code -q "$corpus" >/dev/null
ms=$(ms_since "$t")
echo "dyad code (no store), one process:        $(rate "$records" "$ms") records/s"
t=$(now)
"$dyad" ingest -q --db "$tmp/one.db" "$corpus"
ms=$(ms_since "$t")
sq=$(rate "$records" "$ms")
events=$(sqlite3 "$tmp/one.db" "SELECT count(*) FROM events")
echo "SQLite, one writer:                        $sq records/s ($events events)"
P1=$(db_url ingest1)
t=$(now)
"$dyad" ingest -q --db "$P1" "$corpus"
ms=$(ms_since "$t")
p1=$(rate "$records" "$ms")
echo "PostgreSQL, 1 worker:                      $p1 records/s ($(q "$P1" "SELECT count(*) FROM events") events)"
P2=$(db_url ingest2)
t=$(now)
"$dyad" ingest -q --db "$P2" "$tmp/shards/shard-1.txt" &
a=$!
"$dyad" ingest -q --db "$P2" "$tmp/shards/shard-2.txt" &
b=$!
wait $a
wait $b
ms=$(ms_since "$t")
p2=$(rate "$records" "$ms")
echo "PostgreSQL, 2 workers:                     $p2 records/s ($(q "$P2" "SELECT count(*) FROM events") events); 2/1 = $(echo "$p2 $p1" | awk '{printf "%.2f", $1 / $2}'), PostgreSQL 1 worker / SQLite = $(echo "$p1 $sq" | awk '{printf "%.2f", $1 / $2}')"

echo "== the store's ceiling without coding: $nsyn synthetic events (dyad import) =="
synth=$out/synth-$nsyn
if [ ! -f "$synth/2019-12.jsonl" ]; then
    rm -rf "$synth"
    build/bench_gen_events "$nsyn" "$synth" >/dev/null
fi
t=$(now)
"$dyad" import -q --db "$tmp/syn.db" --format jsonl "$synth"/*.jsonl
ms=$(ms_since "$t")
echo "SQLite, one writer:     $(rate "$nsyn" "$ms") events/s"
S1=$(db_url synth1)
t=$(now)
"$dyad" import -q --db "$S1" --format jsonl "$synth"/*.jsonl
ms=$(ms_since "$t")
s1=$(rate "$nsyn" "$ms")
echo "PostgreSQL, 1 worker:   $s1 events/s"
S2=$(db_url synth2)
ls "$synth"/*.jsonl >"$tmp/months"
t=$(now)
# shellcheck disable=SC2046
"$dyad" import -q --db "$S2" --format jsonl $(awk 'NR % 2 == 1' "$tmp/months") &
a=$!
# shellcheck disable=SC2046
"$dyad" import -q --db "$S2" --format jsonl $(awk 'NR % 2 == 0' "$tmp/months") &
b=$!
wait $a
wait $b
ms=$(ms_since "$t")
s2=$(rate "$nsyn" "$ms")
echo "PostgreSQL, 2 workers:  $s2 events/s (2/1 = $(echo "$s2 $s1" | awk '{printf "%.2f", $1 / $2}')); $(q "$S2" "SELECT count(*) FROM events") events"

echo "== COPY against multi-row INSERT (500 rows a statement), the same $nsyn events =="
pg_dump --data-only --table=events "$S1" >"$tmp/copy.sql"
pg_dump --data-only --table=events --inserts --rows-per-insert=500 "$S1" >"$tmp/insert.sql"
for how in copy insert; do
    D=$(db_url "load_$how")
    "$dyad" ingest -q --db "$D" /dev/null
    t=$(now)
    psql -X -q -v ON_ERROR_STOP=1 "$D" -f "$tmp/$how.sql" >/dev/null
    ms=$(ms_since "$t")
    echo "$how: $(rate "$nsyn" "$ms") events/s ($ms ms, $(q "$D" "SELECT count(*) FROM events") rows)"
done

echo "== dyad-by-month counts on $nsyn events in PostgreSQL (best of 5) =="
q "$S1" "VACUUM ANALYZE events" >/dev/null
pg_ms() {
    best=""
    for i in 1 2 3 4 5; do
        r=$(printf '\\timing on\n%s\n' "$1" | psql -X -q "$S1" | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | tail -n 1)
        r=$(echo "$r" | awk '{printf "%d", $1 + 0.5}')
        if [ -z "$best" ] || [ "$r" -lt "$best" ]; then best=$r; fi
    done
    echo "$best"
}
top=$(q "$S1" "SELECT source || ',' || target FROM events GROUP BY source, target ORDER BY count(*) DESC, 1 LIMIT 1")
mid=$(q "$S1" "SELECT source || ',' || target FROM events GROUP BY source, target ORDER BY count(*) DESC, 1 LIMIT 1 OFFSET 1000")
month_sql() {
    echo "SELECT date / 100 AS month, count(*) FROM events WHERE source = '${1%,*}' AND target = '${1#*,}' AND copy = 0 GROUP BY month;"
}
topn=$(q "$S1" "SELECT count(*) FROM events WHERE source = '${top%,*}' AND target = '${top#*,}'")
midn=$(q "$S1" "SELECT count(*) FROM events WHERE source = '${mid%,*}' AND target = '${mid#*,}'")
echo "most frequent dyad $top ($topn events): $(pg_ms "$(month_sql "$top")") ms"
echo "1001st dyad $mid ($midn events): $(pg_ms "$(month_sql "$mid")") ms"
echo "all dyads by month: $(pg_ms "SELECT source, target, date / 100, count(*) FROM events WHERE copy = 0 GROUP BY 1, 2, 3;") ms"
best=""
for i in 1 2 3 4 5; do
    t=$(now)
    "$dyad" query --db "$S1" --dyad "$top" --from 2015-01-01 --to 2015-12-31 --limit 50 --output csv >/dev/null
    r=$(ms_since "$t")
    if [ -z "$best" ] || [ "$r" -lt "$best" ]; then best=$r; fi
done
echo "dyad query --dyad $top --from 2015-01-01 --to 2015-12-31 --limit 50 (whole process): $best ms"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
