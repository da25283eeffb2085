#!/bin/sh
# bench/web.sh -- dyad serve under load (issue 14), on this machine's 2
# cores shared by the server and wrk:
#
#   1. WEB_EVENTS (default 1,000,000) synthetic events (bench/gen_events.c:
#      Zipf dyads over 1,620 actors, ten years) imported into a store;
#   2. wrk (2 threads, 32 connections, WEB_SECONDS each, default 10) on
#      /api/trend and /api/events: the most frequent dyad, a median one
#      (the 1000th), and 200 dyads in turn (a Lua script), each with the
#      answer cache (the default) and without (--no-cache): requests/s and
#      p99 latency (goal for trend: >= 5,000 requests/s, p99 < 50 ms);
#   3. IDLE (default 400) idle connections, half of them with a request
#      never finished, held open while wrk measures again and a plain
#      client is timed: they must not stop anyone being served.
#
# Run from the project root after make: sh bench/web.sh
set -eu
n=${WEB_EVENTS:-1000000}
secs=${WEB_SECONDS:-10}
idle=${IDLE:-400}
out=bench/out
dyad=build/dyad
mkdir -p "$out"
command -v wrk >/dev/null || { echo "bench/web.sh: wrk is not installed (apt-get install wrk)"; exit 1; }

synth=$out/synth-$n
if [ ! -f "$synth/2019-12.jsonl" ]; then
    rm -rf "$synth"
    build/bench_gen_events "$n" "$synth"
fi
db=$out/web-$n.db
if [ ! -s "$db" ]; then
    rm -f "$db" "$db-wal" "$db-shm"
    "$dyad" import -q --db "$db" --format jsonl "$synth"/*.jsonl
fi
echo "== store: $(sqlite3 "$db" "SELECT count(*) FROM events") events, $(stat -c %s "$db") bytes =="

top=$(sqlite3 -separator , "$db" "SELECT source, target FROM events GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")
mid=$(sqlite3 -separator , "$db" "SELECT source, target FROM (SELECT source, target, count(*) n FROM events GROUP BY 1, 2) ORDER BY n DESC LIMIT 1 OFFSET 1000")
topn=$(sqlite3 "$db" "SELECT count(*) FROM events WHERE source = '${top%,*}' AND target = '${top#*,}'")
midn=$(sqlite3 "$db" "SELECT count(*) FROM events WHERE source = '${mid%,*}' AND target = '${mid#*,}'")
lua=$out/web-dyads.lua
{
    echo "paths = {"
    sqlite3 -separator , "$db" "SELECT source, target FROM (SELECT source, target, count(*) n FROM events GROUP BY 1, 2) ORDER BY n DESC LIMIT 200 OFFSET 10" |
        while IFS=, read -r s t; do echo "  \"/api/trend?source=$s&target=$t\","; done
    echo "}"
    echo "i = 0"
    echo "request = function() i = i % #paths + 1; return wrk.format(\"GET\", paths[i]) end"
} >"$lua"

pid=""
stop() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; pid=""; }
trap stop EXIT
start() {
    "$dyad" serve --db "$db" --port 0 --threads 2 "$@" >"$out/web-serve.out" 2>&1 &
    pid=$!
    port=""
    for i in $(seq 1 100); do
        port=$(sed -nE 's|^dyad serve: http://127\.0\.0\.1:([0-9]+)/.*|\1|p' "$out/web-serve.out")
        [ -n "$port" ] && return 0
        sleep 0.05
    done
    echo "dyad serve did not start"; cat "$out/web-serve.out"; exit 1
}

# "requests/s  p99" of one wrk run (extra arguments before the URL),
# after a 2-second run that warms the page cache and the answer caches
# (each thread fills its own): the figures are of a server in use.
measure() {
    wrk -t2 -c32 -d2s "$@" >/dev/null 2>&1
    wrk -t2 -c32 -d"${secs}s" --latency "$@" >"$out/web-wrk.txt" 2>&1
    rps=$(sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p' "$out/web-wrk.txt")
    p99=$(sed -nE 's/^ *99% *([0-9.]+[a-z]+).*/\1/p' "$out/web-wrk.txt")
    errs=$(sed -nE 's/.*Non-2xx or 3xx responses: ([0-9]+).*/\1/p' "$out/web-wrk.txt")
    echo "${rps:-?} requests/s, p99 ${p99:-?}${errs:+, $errs non-2xx}"
}

# one request's time on a fresh server: what a first visitor waits
once() { curl -s -o /dev/null -w '%{http_code} in %{time_total} s' "$1"; }

# Each measure on a server of its own: a slow run leaves queries of
# closed connections running, which would be counted against the next.
for mode in cache no-cache; do
    flag=""
    [ $mode = no-cache ] && flag=--no-cache
    start $flag
    base=http://127.0.0.1:$port
    if [ $mode = cache ]; then
        echo "== one request each, fresh server =="
        echo "trend, most frequent dyad: $(once "$base/api/trend?source=${top%,*}&target=${top#*,}")"
        echo "trend, 1001st dyad:        $(once "$base/api/trend?source=${mid%,*}&target=${mid#*,}")"
        echo "events, most frequent:     $(once "$base/api/events?source=${top%,*}&target=${top#*,}&limit=100")"
        echo "events, 1001st dyad:       $(once "$base/api/events?source=${mid%,*}&target=${mid#*,}&limit=100")"
        echo "dyads (whole store):       $(once "$base/api/dyads")"
        echo "actors by code prefix:     $(once "$base/api/actors?q=${top%%,*}")"
    fi
    stop
    echo "== $mode (2 server threads; wrk -t2 -c32 -d${secs}s on the same 2 cores) =="
    # run LABEL PATH [wrk options]
    run() {
        label=$1
        path=$2
        shift 2
        start $flag
        echo "$label: $(measure "$@" "http://127.0.0.1:$port$path")"
        stop
    }
    run "trend, most frequent dyad $top ($topn events)" "/api/trend?source=${top%,*}&target=${top#*,}"
    run "trend, 1001st dyad $mid ($midn events)" "/api/trend?source=${mid%,*}&target=${mid#*,}"
    run "trend, 200 dyads in turn" "" -s "$lua"
    run "events, first page of 100, dyad $top" "/api/events?source=${top%,*}&target=${top#*,}&limit=100"
    run "events, first page of 100, dyad $mid" "/api/events?source=${mid%,*}&target=${mid#*,}&limit=100"
done

echo "== $idle idle connections held open (half with an unfinished request) =="
start --max-connections 1024 --timeout 30
base=http://127.0.0.1:$port
# a plain client timed while the sockets are held (wrk not running), then
# wrk while they are still held: neither may be stopped by them
flag=$out/web-idle.flag
rm -f "$flag"
python3 - "$port" "$idle" "$base/api/trend?source=${mid%,*}&target=${mid#*,}" "$flag" >"$out/web-idle.txt" <<'EOF' &
import os, socket, sys, time, urllib.request
port, n, url, flag = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
held = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    if i % 2: s.send(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
    held.append(s)
times = []
for k in range(50):
    t = time.time()
    body = urllib.request.urlopen(url, timeout=5).read()
    times.append((time.time() - t) * 1000)
    assert b"periods" in body
times.sort()
print("a plain client, 50 requests while %d connections are idle: median %.1f ms, worst %.1f ms" % (n, times[25], times[-1]))
sys.stdout.flush()
open(flag, "w").close()
while os.path.exists(flag): time.sleep(0.2)   # hold them while wrk runs
for s in held: s.close()
EOF
idler=$!
while [ ! -f "$flag" ] && kill -0 $idler 2>/dev/null; do sleep 0.2; done
echo "trend, 1001st dyad, wrk while the idle sockets are held: $(measure "$base/api/trend?source=${mid%,*}&target=${mid#*,}")"
rm -f "$flag"
wait $idler
cat "$out/web-idle.txt"
stop
