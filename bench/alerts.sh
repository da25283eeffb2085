#!/bin/sh
# bench/alerts.sh -- the figures of trends and alerts (issue 13):
#
#   1. bench_alerts: dyad alerts' detector against a naive z-score detector
#      on synthetic dyads with known change points (bench/alerts.c): share
#      of changes alarmed within 3 days, false alarms per dyad-year, median
#      delay (goals: >= 90 %, <= 1, better than the naive detector);
#   2. on the store of SYNTH_EVENTS (default 10,000,000) synthetic events
#      (bench/gen_events.c, the store's own benchmark; built here as
#      bench/store.sh builds it when missing): the time of dyad trend --by
#      month of the most frequent dyad and of dyad alerts over all dyads,
#      CPU time, best of 3, with the cost per event and per dyad;
#   3. dyad serve over that store: the server's CPU time for /api/trend,
#      /api/dyads and /api/alerts (default range and whole history).
#
# Run from the project root after make: sh bench/alerts.sh
set -eu
out=bench/out
dyad=build/dyad
mkdir -p "$out"

echo "== change-point detection on synthetic dyads (bench/alerts.c) =="
build/bench_alerts 500 2

n=${SYNTH_EVENTS:-10000000}
synth=$out/synth-$n
db=$out/synth-$n.db
if [ ! -s "$db" ]; then
    [ -f "$synth/2019-12.jsonl" ] || { rm -rf "$synth"; build/bench_gen_events "$n" "$synth"; }
    "$dyad" import -q --db "$db" --format jsonl "$synth"/*.jsonl
fi
events=$(sqlite3 "$db" "SELECT count(*) FROM events")
echo "== $events synthetic events ($db) =="

# best of 3 CPU milliseconds (user + system) of a command, its output to
# $out/last: CPU time, since the machine may be shared and wall-clock time
# then measures the neighbours
best_ms() {
    best=""
    for i in 1 2 3; do
        /usr/bin/time -f "%U %S" -o "$out/time" "$@" >"$out/last"
        r=$(awk '{ printf "%d", ($1 + $2) * 1000 + 0.5 }' "$out/time")
        if [ -z "$best" ] || [ "$r" -lt "$best" ]; then best=$r; fi
    done
    echo "$best"
}
top=$(sqlite3 -separator , "$db" "SELECT source, target FROM events GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")
topn=$(sqlite3 "$db" "SELECT count(*) FROM events WHERE source = '${top%,*}' AND target = '${top#*,}'")
ms=$(best_ms "$dyad" trend --db "$db" --dyad "$top" --by month)
echo "dyad trend --dyad $top --by month ($topn events, $(($(wc -l <"$out/last") - 1)) months): $ms ms"
ms=$(best_ms "$dyad" trend --db "$db" --actor "${top%,*}" --by week)
echo "dyad trend --actor ${top%,*} --by week ($(($(wc -l <"$out/last") - 1)) weeks): $ms ms"
ms=$(best_ms "$dyad" alerts --db "$db" --evidence 0 --output csv)
alerts=$(($(wc -l <"$out/last") - 1))
pairs=$("$dyad" alerts --db "$db" --threshold 1000000 | sed -nE 's/^no alerts \(([0-9]+) dyads.*/\1/p')
echo "dyad alerts over all dyads ($events events, $pairs dyads, $alerts alerts, no evidence): $ms ms" \
     "= $(awk -v m="$ms" -v e="$events" 'BEGIN { printf "%.0f", m * 1e6 / e }') ns per event," \
     "$(awk -v m="$ms" -v p="$pairs" 'BEGIN { printf "%.0f", m * 1e3 / p }') us per dyad"
ms=$(best_ms "$dyad" alerts --db "$db" --output csv)
echo "dyad alerts with 5 evidence events each (their sentences, when kept): $ms ms"

# The web API over the same store (docs/api.md): the server's CPU time per
# answer (from /proc, best of 3; no answer cache, one thread), for the
# trend and dyads views that read the roll-up and the alerts' default
# range against the whole history.
echo "== dyad serve over $db (server CPU per answer, best of 3) =="
"$dyad" serve --db "$db" --port 0 --threads 1 --no-cache --query-ms 600000 >"$out/alerts-serve.out" 2>&1 &
spid=$!
port=""
for i in $(seq 1 200); do
    port=$(sed -nE 's|^dyad serve: http://127\.0\.0\.1:([0-9]+)/.*|\1|p' "$out/alerts-serve.out")
    [ -n "$port" ] && break
    sleep 0.05
done
[ -n "$port" ] || { echo "dyad serve did not start"; kill "$spid"; exit 1; }
ticks() { awk '{ print $14 + $15 }' "/proc/$spid/stat"; }
hz=$(getconf CLK_TCK)
for path in "/api/trend?source=${top%,*}&target=${top#*,}" "/api/trend?source=${top%,*}&target=${top#*,}&both=1&period=day" \
            "/api/trend?actor=${top#*,}" "/api/dyads" "/api/dyads?period=year" "/api/alerts?limit=5" \
            "/api/alerts?limit=5&from=1000-01-01"; do
    best=""
    for i in 1 2 3; do
        a=$(ticks)
        curl -s -o /dev/null "http://127.0.0.1:$port$path"
        b=$(ticks)
        ms=$(((b - a) * 1000 / hz))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    echo "$path: $best ms"
done
kill "$spid"
wait "$spid" 2>/dev/null || true
