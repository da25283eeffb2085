#!/bin/sh
# bench/store.sh -- the event store's figures (issue 11):
#
#   1. dyad ingest of the 98,000-record corpus (replicate 2000) against
#      dyad code on the same corpus in the same run, one core, best of 3:
#      records/s of each and their ratio (goal: ingest >= 80 % of code);
#   2. SYNTH_EVENTS (default 10,000,000) synthetic events (bench/gen_events.c:
#      Zipf dyads over 1,620 actors, every CAMEO code, ten years) imported
#      with dyad import: time, events/s, bytes per event; then the time of
#      a dyad-by-month count of the most frequent dyad and of a median one
#      (goal < 100 ms), of the same over all dyads, and of a filtered
#      dyad query page (goal < 10 ms), each best of 5.
#
# Run from the project root after make: sh bench/store.sh
# SKIP_INGEST=1 skips part 1; SYNTH_REUSE=1 queries an existing synthetic
# store instead of importing again.
set -eu
shared=${DYAD_SHARED:-../shared}
out=bench/out
dyad=build/dyad
mkdir -p "$out"
[ -s "$out/corpus2000.txt" ] || sh "$shared/bench/replicate" 2000 >"$out/corpus2000.txt"
records=$(grep -cE '^[0-9]{6} ' "$out/corpus2000.txt")

now() { date +%s%N; }
ms_since() { echo $((($(now) - $1) / 1000000)); }

# run CMD...: prints "wall_ms cpu_ms" of the command
run() {
    /usr/bin/time -f "%e %U %S" -o "$out/time.txt" "$@" >/dev/null
    awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$out/time.txt"
}
best() { # best of the first/second column over lines on stdin
    awk -v c="$1" 'NR == 1 || $c < m { m = $c } END { print m }'
}

if [ -z "${SKIP_INGEST:-}" ]; then
echo "== ingest vs code, one core, $records records (best of 3; wall clock and CPU time) =="
: >"$out/code.times"
: >"$out/ingest.times"
for i in 1 2 3; do
    run taskset -c 0 "$dyad" code -q "$out/corpus2000.txt" >>"$out/code.times"
    rm -f "$out/ingest.db" "$out/ingest.db-wal" "$out/ingest.db-shm"
    run taskset -c 0 "$dyad" ingest -q --db "$out/ingest.db" "$out/corpus2000.txt" >>"$out/ingest.times"
done
cw=$(best 1 <"$out/code.times"); cc=$(best 2 <"$out/code.times")
iw=$(best 1 <"$out/ingest.times"); ic=$(best 2 <"$out/ingest.times")
echo "dyad code:   $((records * 1000 / cw)) records/s wall, $((records * 1000 / cc)) records/s of CPU"
echo "dyad ingest: $((records * 1000 / iw)) records/s wall ($((cw * 100 / iw)) % of dyad code), $((records * 1000 / ic)) records/s of CPU ($((cc * 100 / ic)) %)"
echo "store: $(stat -c %s "$out/ingest.db") bytes, $(sqlite3 "$out/ingest.db" "SELECT count(*) FROM documents") documents, $(sqlite3 "$out/ingest.db" "SELECT count(*) FROM events") events"
fi

n=${SYNTH_EVENTS:-10000000}
echo "== $n synthetic events =="
synth=$out/synth-$n
if [ ! -f "$synth/2019-12.jsonl" ]; then
    rm -rf "$synth"
    build/bench_gen_events "$n" "$synth"
fi
db=$out/synth-$n.db
if [ -n "${SYNTH_REUSE:-}" ] && [ -s "$db" ]; then
    echo "import: reusing $db (SYNTH_REUSE)"
else
    rm -f "$db" "$db-wal" "$db-shm"
    line=$(run "$dyad" import -q --db "$db" --format jsonl "$synth"/*.jsonl)
    events=$(sqlite3 "$db" "SELECT count(*) FROM events")
    size=$(stat -c %s "$db")
    echo "import: $events events in ${line% *} ms wall, ${line#* } ms CPU ($((events * 1000 / ${line% *})) events/s wall, $((events * 1000 / ${line#* })) of CPU), $size bytes, $((size / events)) bytes/event"
fi
events=$(sqlite3 "$db" "SELECT count(*) FROM events")

# best of 5 of a SQL statement in the sqlite3 shell: "wall_ms cpu_ms"
sql_ms() {
    for i in 1 2 3 4 5; do
        printf '.timer on\n.output /dev/null\n%s\n' "$1" | sqlite3 "$db" 2>&1 |
            sed -nE 's/^Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+).*/\1 \2 \3/p' | tail -n 1
    done | awk '{w = $1 * 1000; c = ($2 + $3) * 1000; if (NR == 1 || w < bw) bw = w; if (NR == 1 || c < bc) bc = c}
                END { printf "%d ms wall, %d ms CPU", bw + 0.5, bc + 0.5 }'
}
# best of 5 of a whole dyad process
cmd_ms() {
    : >"$out/cmd.times"
    for i in 1 2 3 4 5; do run "$@" >>"$out/cmd.times"; done
    echo "$(best 1 <"$out/cmd.times") ms wall, $(best 2 <"$out/cmd.times") ms CPU"
}
top=$(sqlite3 -separator , "$db" "SELECT source, target FROM events GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")
topn=$(sqlite3 "$db" "SELECT count(*) FROM events WHERE source = '${top%,*}' AND target = '${top#*,}'")
mid=$(sqlite3 -separator , "$db" "SELECT source, target FROM (SELECT source, target, count(*) n FROM events GROUP BY 1, 2) ORDER BY n DESC LIMIT 1 OFFSET 1000")
midn=$(sqlite3 "$db" "SELECT count(*) FROM events WHERE source = '${mid%,*}' AND target = '${mid#*,}'")
month_sql() {
    echo "SELECT date / 100 AS month, count(*) FROM events WHERE source = '${1%,*}' AND target = '${1#*,}' AND copy = 0 GROUP BY month;"
}
day_sql() {
    echo "SELECT date, count(*) FROM events WHERE source = '${1%,*}' AND target = '${1#*,}' AND copy = 0 GROUP BY date;"
}
echo "dyad-by-month count, most frequent dyad $top ($topn events): $(sql_ms "$(month_sql "$top")")"
echo "dyad-by-month count, 1001st dyad $mid ($midn events): $(sql_ms "$(month_sql "$mid")")"
echo "dyad-by-day count (index order, no sort), most frequent dyad: $(sql_ms "$(day_sql "$top")")"
echo "dyad-by-month count of all dyads ($events events): $(sql_ms "SELECT source, target, date / 100, count(*) FROM events WHERE copy = 0 GROUP BY 1, 2, 3;")"
echo "dyad query --dyad $top --count month (whole process): $(cmd_ms "$dyad" query --db "$db" --dyad "$top" --count month --output csv)"
echo "dyad query --dyad $top --from 2015-01-01 --to 2015-12-31 --limit 50: $(cmd_ms "$dyad" query --db "$db" --dyad "$top" --from 2015-01-01 --to 2015-12-31 --limit 50 --output csv)"
echo "dyad query --dyad $mid --limit 50: $(cmd_ms "$dyad" query --db "$db" --dyad "$mid" --limit 50)"
echo "dyad query --actor ${mid%,*} --root 19 --from 2018-06-01 --unique --limit 50: $(cmd_ms "$dyad" query --db "$db" --actor "${mid%,*}" --root 19 --from 2018-06-01 --limit 50 --unique)"
