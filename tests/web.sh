#!/bin/sh
# tests/web.sh [DYAD] -- dyad serve over a test store (examples/article.txt
# and tests/data/web/dispatches.jsonl, ingested here):
#
#   1. the JSON API with curl: status codes, valid JSON, paging with a
#      cursor, trend periods against the events, bad parameters refused
#      with 400 and a JSON error, path traversal refused, no writes, only
#      GET/HEAD, bounded targets, security headers, no inline script;
#   2. the store read-only: its bytes unchanged by serving; a commit by
#      another process is seen at once (the answer cache is dropped);
#   3. idle connections do not stop another client being served; a query
#      past --query-ms is a 503; a client too slow to send its request is
#      dropped after --timeout; a connection past --max-connections waits
#      unaccepted until the idle ones are dropped;
#   4. the view in headless Chromium (tests/web/browser.js, puppeteer-core):
#      timeline against the API, alerts, evidence highlighting, map
#      markers, URL state; screenshots in build/web-test/;
#   5. alerts over the demo corpus (examples/demo/dispatches.jsonl): the
#      RUS-UKR escalation of 2022-02-24 with its evidence through
#      /api/alerts, and in the view (tests/web/alerts.js): listed, marked
#      on the timeline, its evidence sentences highlighted on a click.
#      WEB_SCREENSHOT=docs/img/web-view.png regenerates the README's picture.
#
# Under CI (CI=true) a missing curl, node, Chromium or npm package is a
# failure; elsewhere the browser part says it was skipped and why.
# Ends with "N passed, N failed".
set -u
dyad=${1:-build/dyad}
out=${WEB_TEST_OUT:-build/web-test}
passed=0
failed=0
tmp=$(mktemp -d)
pid=""
pid2=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    [ -n "$pid2" ] && kill "$pid2" 2>/dev/null && wait "$pid2" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL $*"; }
check() { name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }

need() {
    if ! command -v "$1" >/dev/null 2>&1; then
        bad "$1 is not installed (./setup.sh installs it)"
        echo "$passed passed, $failed failed"
        exit 1
    fi
}
need curl
need python3

# the command line: help, bad values, a missing store
check "serve --help" sh -c "'$dyad' serve --help | grep -q -- '--query-ms'"
"$dyad" serve --port 70000 >/dev/null 2>&1; rc=$?
check "serve --port 70000: exit 2 ($rc)" [ "$rc" = 2 ]
"$dyad" serve --port abc >/dev/null 2>&1; rc=$?
check "serve --port abc: exit 2 ($rc)" [ "$rc" = 2 ]
"$dyad" serve --db "$tmp/none.db" --port 0 >/dev/null 2>"$tmp/err"; rc=$?
check "serve of a missing store: exit 1 ($rc) with a message" sh -c "[ $rc = 1 ] && grep -q 'no such store' '$tmp/err'"
"$dyad" serve --db "$tmp/none.db" --bind not-an-address >/dev/null 2>"$tmp/err"; rc=$?
check "serve --bind not-an-address: exit 1 ($rc)" [ "$rc" = 1 ]
"$dyad" serve "$tmp/none.db" --port 0 >/dev/null 2>"$tmp/err"; rc=$?
check "serve STORE (no --db) names the store: exit 1 ($rc), missing" sh -c "[ $rc = 1 ] && grep -q 'no such store' '$tmp/err'"
"$dyad" serve "$tmp/a.db" "$tmp/b.db" >/dev/null 2>&1; rc=$?
check "serve of two stores: exit 2 ($rc)" [ "$rc" = 2 ]

db=$tmp/web.db
"$dyad" ingest -q --db "$db" --date 2022-01-27 examples/article.txt tests/data/web/dispatches.jsonl ||
    bad "ingest of the test store"
before=$(md5sum "$db" | cut -d' ' -f1)

"$dyad" serve --db "$db" --port 0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
pid=$!
port=""
for i in $(seq 1 100); do
    port=$(sed -nE 's|^dyad serve: http://127\.0\.0\.1:([0-9]+)/.*|\1|p' "$tmp/serve.out")
    [ -n "$port" ] && break
    sleep 0.05
done
if [ -z "$port" ]; then
    bad "dyad serve did not start: $(cat "$tmp/serve.err")"
    echo "$passed passed, $failed failed"
    exit 1
fi
base=http://127.0.0.1:$port

# status of a GET (extra curl options before the URL)
status() { curl -s -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' "$@"; }
json_ok() { python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/body" 2>/dev/null; }
# the JSON body's value at a Python expression over d
jq_() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$tmp/body"; }

# ---- 1. the API -----------------------------------------------------------
# the listening socket's address, from the kernel's table (state 0A: LISTEN)
check "listens on the loopback address only" python3 -c '
import sys
port = int(sys.argv[1])
rows = [l.split() for l in open("/proc/net/tcp").read().splitlines()[1:]]
mine = [r[1] for r in rows if r[3] == "0A" and int(r[1].split(":")[1], 16) == port]
sys.exit(0 if mine and all(a.split(":")[0] == "0100007F" for a in mine) else 1)' "$port"
for path in "/api/health" "/api/events?source=RUS&target=UKR&both=1" "/api/trend?source=RUS&target=UKR&both=1" \
            "/api/dyads" "/api/actors?q=rus" "/api/documents/dispatch-12" "/api/alerts?source=RUS&target=UKR" \
            "/api/trend?actor=USA&period=year" "/api/events?text=Kharkiv" "/api/dyads?period=year&top=5"; do
    s=$(status "$base$path")
    check "$path: 200 ($s)" [ "$s" = 200 ]
    check "$path: valid JSON" json_ok
    check "$path: Content-Type JSON" grep -qi '^content-type: application/json' "$tmp/headers"
done

status "$base/api/health" >/dev/null
check "health says ok" [ "$(jq_ 'd["status"]')" = ok ]
events=$(jq_ 'd["events"]')

status "$base/api/alerts" >/dev/null
check "alerts: available, with the dyads examined" [ "$(jq_ 'd["available"] and d["dyads"] > 0 and isinstance(d["alerts"], list)')" = True ]

# paging: pages of 4 joined are the one page of everything, in order
status "$base/api/events?limit=1000" >/dev/null
jq_ '"\n".join(e["id"] for e in d["events"])' >"$tmp/all"
check "a page of everything has every event" [ "$(wc -l <"$tmp/all")" -eq "$events" ]
check "the last page has no next cursor" [ "$(jq_ 'd["next"]')" = None ]
: >"$tmp/paged"
cursor=""
pages=0
while [ $pages -lt 100 ]; do
    status "$base/api/events?limit=4${cursor:+&cursor=$cursor}" >/dev/null
    jq_ '"\n".join(e["id"] for e in d["events"])' | sed '/^$/d' >>"$tmp/paged"
    cursor=$(jq_ 'd["next"] or ""')
    pages=$((pages + 1))
    [ -z "$cursor" ] && break
done
check "pages joined are the whole list ($pages pages)" cmp -s "$tmp/all" "$tmp/paged"

# trend: every month from the first to the last, events summing to the dyad's
status "$base/api/trend?source=RUS&target=UKR&both=1" >/dev/null
check "trend: months 2021-11 to 2022-06, gaps included" \
    [ "$(jq_ '",".join(p["period"] for p in d["periods"])')" = "2021-11,2021-12,2022-01,2022-02,2022-03,2022-04,2022-05,2022-06" ]
tsum=$(jq_ 'sum(p["events"] for p in d["periods"])')
qsum=$(jq_ 'sum(sum(p["quads"]) for p in d["periods"])')
status "$base/api/events?source=RUS&target=UKR&both=1&limit=1000" >/dev/null
check "trend: events sum to the dyad's events" [ "$tsum" = "$(jq_ 'sum(1 for e in d["events"] if e["date"])')" ]
check "trend: quads sum to the classified events" [ "$qsum" = "$(jq_ 'sum(1 for e in d["events"] if e["date"] and e["quad"])')" ]
status "$base/api/trend?source=RUS&target=UKR&both=1&period=day&from=2022-02-20&to=2022-03-05" >/dev/null
check "trend by day: 2022-02-24 to 2022-03-02, through the month's end" \
    [ "$(jq_ 'd["periods"][0]["period"]+" "+d["periods"][-1]["period"]+" "+str(len(d["periods"]))')" = "2022-02-24 2022-03-02 7" ]

# the document: every event's words lie in its sentence
status "$base/api/documents/dispatch-12" >/dev/null
check "document: events with sentence offsets around their words" [ "$(jq_ 'all(e["sentence_offsets"][0] <= e["offsets"]["verb"][0] and e["offsets"]["verb"][1] <= e["sentence_offsets"][1] for e in d["events"]) and len(d["events"]) > 0')" = True ]
check "document: the verb's bytes are its words" [ "$(jq_ 'all(d["text"].encode()[e["offsets"]["verb"][0]:e["offsets"]["verb"][1]].decode() == e["verb_text"] for e in d["events"])')" = True ]
s=$(status "$base/api/documents/examples%2Farticle.txt")
[ "$s" = 200 ] || s=$(status "$base/api/documents/article.txt")
check "the seed article by its id ($s)" [ "$s" = 200 ]

status "$base/api/actors?q=Russia" >/dev/null
check "actors: names are searched" [ "$(jq_ '"RUS" in [a["code"] for a in d["actors"]]')" = True ]
status "$base/api/actors?q=us" >/dev/null
check "actors: codes by prefix, any case" [ "$(jq_ '"USA" in [a["code"] for a in d["actors"]]')" = True ]

# bad requests: 400 with a JSON error carrying the status
for path in "/api/events?limit=0" "/api/events?limit=1001" "/api/events?limit=abc" "/api/events?from=2022-13-01" \
            "/api/events?to=yesterday" "/api/events?code=XYZ" "/api/events?root=21" "/api/events?quad=5" \
            "/api/events?foo=1" "/api/events?source=us-a" "/api/events?actor=USA&actor=RUS" \
            "/api/events?cursor=abc" "/api/events?cursor=20221301.5" "/api/events?both=maybe" \
            "/api/events?text=%22unbalanced" "/api/events?source=%zz" "/api/events?source=%00" \
            "/api/events?source=%ff%fe" "/api/events?=1" "/api/trend?period=week&source=USA" \
            "/api/trend?from=2022-01-01" \
            "/api/actors" "/api/actors?q=" "/api/actors?q=rus&limit=101" "/api/dyads?top=0" \
            "/api/documents/dispatch-12?max_events=0" "/index.html?x=1" \
            "/api/alerts?from=2022-13-01" "/api/alerts?to=2022-02-30x" "/api/alerts?from=2022-03-01&to=2022-02-01" \
            "/api/alerts?actor=rus" "/api/alerts?source=RUS" "/api/alerts?source=RUS&target=UKR&actor=USA" \
            "/api/alerts?limit=0" "/api/alerts?limit=101" "/api/alerts?evidence=21" "/api/alerts?period=month" \
            "/api/alerts?unique=maybe" "/api/alerts?source=R%C3%9CS&target=UKR" "/api/alerts?from=2022-02-29" \
            "/api/alerts?to=0999-12-31" "/api/alerts?from=2022-02-01T00"; do
    s=$(status "$base$path")
    check "$path: 400 ($s)" [ "$s" = 400 ]
    check "$path: JSON error with the status" [ "$(jq_ 'd["error"]["status"]' 2>/dev/null)" = 400 ]
done
status "$base/api/events?from=2022-13-01" >/dev/null
check "errors name parameters, not options: $(jq_ 'd["error"]["message"]')" [ "$(jq_ '"--" not in d["error"]["message"] and "from" in d["error"]["message"]')" = True ]
s=$(status "$base/api/documents/no-such-document")
check "unknown document: 404 ($s)" [ "$s" = 404 ]
s=$(status "$base/api/nothing")
check "unknown endpoint: 404 ($s)" [ "$s" = 404 ]
s=$(status "$base/nothing.html")
check "unknown file: 404 ($s)" [ "$s" = 404 ]
for m in POST PUT DELETE PATCH; do
    s=$(status -X $m --data 'x=1' "$base/api/events")
    check "$m: 405 ($s)" [ "$s" = 405 ]
    check "$m: Allow header" grep -qi '^allow: GET, HEAD' "$tmp/headers"
done
s=$(curl -s -o /dev/null -w '%{http_code}' -I "$base/api/health")
check "HEAD: 200 ($s)" [ "$s" = 200 ]

# every parameter docs/openapi.json documents is one the server knows
python3 - "$base" >"$tmp/spec.log" 2>&1 <<'EOF2'
import json, sys, urllib.request, urllib.error
base = sys.argv[1]
spec = json.load(open("docs/openapi.json"))
bad = 0
for path, item in spec["paths"].items():
    for prm in item["get"].get("parameters", []):
        if prm["in"] != "query": continue
        url = base + path.replace("{id}", "dispatch-12") + "?" + prm["name"] + "="
        try:
            urllib.request.urlopen(url, timeout=5).read()
        except urllib.error.HTTPError as e:
            msg = json.load(e)["error"]["message"]
            if "unknown parameter" in msg:
                print("undocumented or unknown:", path, prm["name"]); bad += 1
sys.exit(1 if bad else 0)
EOF2
check "the server takes every parameter of docs/openapi.json" [ $? -eq 0 ]
grep . "$tmp/spec.log" | head -5

# path traversal, encoded or not
for path in "/../etc/passwd" "/%2e%2e/etc/passwd" "/vendor/..%2f..%2fetc%2fpasswd" "/vendor/%2E%2E/%2E%2E/etc/passwd" \
            "/./index.html" "/vendor/..\\..\\etc\\passwd" "/api/documents/../../etc/passwd"; do
    s=$(status --path-as-is "$base$path")
    check "traversal $path: 400 ($s)" [ "$s" = 400 ]
    check "traversal $path: nothing of the file" sh -c "! grep -q 'root:' '$tmp/body'"
done

# bounds: a long target, big headers
long=$(python3 -c 'print("a" * 3000)')
s=$(status "$base/api/actors?q=$long")
check "a 3000-byte target: 414 ($s)" [ "$s" = 414 ]
big=$(python3 -c 'print("b" * 40000)')
s=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Big: $big" "$base/api/health")
check "40 kB of headers refused ($s)" [ "$s" = 431 ] || [ "$s" = 413 ] || [ "$s" = 000 ]
s=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/health")
check "the server still answers after the refusals ($s)" [ "$s" = 200 ]

# security headers on answers, errors and files; no inline script
for path in "/" "/app.js" "/api/health" "/api/events?limit=0" "/nothing"; do
    status "$base$path" >/dev/null
    check "$path: Content-Security-Policy" grep -qi "^content-security-policy: default-src 'none'; script-src 'self'" "$tmp/headers"
    check "$path: nosniff" grep -qi '^x-content-type-options: nosniff' "$tmp/headers"
    check "$path: frame denied" grep -qi '^x-frame-options: DENY' "$tmp/headers"
done
status "$base/" >/dev/null
check "index.html: every script has a src" python3 -c '
import re,sys
h=open(sys.argv[1]).read()
tags=re.findall(r"<script\b[^>]*>", h)
sys.exit(0 if tags and all("src=" in t for t in tags) and not re.search(r"\son[a-z]+=", h) else 1)' "$tmp/body"
s=$(status "$base/vendor/countries-110m.json")
check "the world outline is served from the binary ($s)" [ "$s" = 200 ]
s=$(status "$base/vendor/topojson-client.min.js")
check "topojson-client is served from the binary ($s)" [ "$s" = 200 ]

# ---- 2. read-only; changes seen --------------------------------------------
after=$(md5sum "$db" | cut -d' ' -f1)
check "serving left the store's bytes as they were" [ "$before" = "$after" ]
status "$base/api/events?limit=1000" >/dev/null   # fills the cache
printf '{"id":"late-1","date":"2022-07-01","text":"Russia attacked Ukraine near Odesa."}\n' >"$tmp/late.jsonl"
"$dyad" ingest -q --db "$db" "$tmp/late.jsonl" || bad "a second process ingests while serving"
status "$base/api/events?limit=1000" >/dev/null
check "a commit by another process is seen at once" [ "$(jq_ 'len(d["events"])')" -gt "$events" ]

# ---- 3. idle connections ----------------------------------------------------
check "60 idle connections do not stop a request" python3 - "$port" <<'EOF'
import socket, sys, time, urllib.request
port = int(sys.argv[1])
idle = []
for i in range(60):
    s = socket.create_connection(("127.0.0.1", port))
    if i % 2: s.send(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")   # a request never finished
    idle.append(s)
t = time.time()
body = urllib.request.urlopen("http://127.0.0.1:%d/api/trend?source=RUS&target=UKR" % port, timeout=5).read()
ok = b"periods" in body and time.time() - t < 2
for s in idle: s.close()
sys.exit(0 if ok else 1)
EOF

# ---- time and idle limits: a second server, --query-ms 1 --timeout 1 ---------
cp "$db" "$tmp/big.db"
sqlite3 "$tmp/big.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)
  INSERT INTO events(eid, doc, date, source, target, code, quad, goldstein)
  SELECT i, 1, 20100101 + (i % 28), 'AAA', 'BBB', '190', 4, -10 FROM n" || bad "adding 400,000 events"
"$dyad" serve --db "$tmp/big.db" --port 0 --query-ms 1 --timeout 1 --max-connections 8 >"$tmp/serve2.out" 2>&1 &
pid2=$!
port2=""
for i in $(seq 1 100); do
    port2=$(sed -nE 's|^dyad serve: http://127\.0\.0\.1:([0-9]+)/.*|\1|p' "$tmp/serve2.out")
    [ -n "$port2" ] && break
    sleep 0.05
done
# quad: a filter the roll-up does not serve, so the 400,000 events are read
s=$(status "http://127.0.0.1:$port2/api/trend?source=AAA&period=day&quad=4")
check "a query past --query-ms: 503 ($s)" [ "$s" = 503 ]
check "503 says why" [ "$(jq_ '"longer than 1 ms" in d["error"]["message"]' 2>/dev/null)" = True ]
s=$(status "http://127.0.0.1:$port2/api/alerts")
check "alerts past --query-ms: 503 ($s)" [ "$s" = 503 ]
check "alerts' 503 says why" [ "$(jq_ '"longer than 1 ms" in d["error"]["message"]' 2>/dev/null)" = True ]
check "a slow client is dropped after --timeout" python3 - "$port2" <<'EOF'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.send(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")   # never finished
s.settimeout(5)
t = time.time()
try:
    data = s.recv(100)
except socket.timeout:
    sys.exit(1)
sys.exit(0 if data == b"" and time.time() - t < 4 else 1)
EOF
check "at --max-connections a client waits until --timeout drops the idle ones" python3 - "$port2" <<'EOF'
import socket, sys, time, urllib.request
port = int(sys.argv[1])
url = "http://127.0.0.1:%d/" % port   # a file: no query, whatever --query-ms
held = [socket.create_connection(("127.0.0.1", port)) for i in range(8)]
time.sleep(0.1)
t = time.time()
ok = b"<!DOCTYPE html>" in urllib.request.urlopen(url, timeout=5).read()
waited = time.time() - t
for s in held: s.close()
sys.exit(0 if ok and 0.4 < waited < 3 else 1)
EOF
s=$(status "http://127.0.0.1:$port2/api/health")
check "the server answers after all three ($s)" [ "$s" = 200 ]
kill "$pid2" 2>/dev/null
wait "$pid2" 2>/dev/null
pid2=""

# ---- 4. the browser ----------------------------------------------------------
browser_missing=""
command -v node >/dev/null 2>&1 || browser_missing="node"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || browser_missing="$browser_missing chromium"
[ -d web/node_modules/puppeteer-core ] || browser_missing="$browser_missing puppeteer-core (web/node_modules)"
if [ -n "$browser_missing" ]; then
    if [ "${CI:-}" = true ]; then
        bad "browser tests: missing$browser_missing"
    else
        echo "browser tests SKIPPED: missing$browser_missing (./setup.sh installs them)"
    fi
else
    mkdir -p "$out"
    if node tests/web/browser.js "$base" "$out" >"$tmp/browser.log" 2>&1; then :; fi
    grep '^FAIL' "$tmp/browser.log"
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/browser.log" | tail -n 1)
    if [ -z "$line" ]; then
        bad "browser tests: no result"
        tail -n 20 "$tmp/browser.log"
    else
        passed=$((passed + ${line%% passed*}))
        f=${line#*passed, }
        failed=$((failed + ${f%% failed*}))
    fi
fi

# ---- 5. alerts over the demo corpus ----------------------------------------------
# examples/demo/dispatches.jsonl, as tests/trends.sh and ./setup.sh ingest it:
# the RUS-UKR escalation of 2022-02-24 through the API and in the view
demo=$tmp/demo.db
"$dyad" ingest -q --db "$demo" examples/demo/dispatches.jsonl || bad "ingest of the demo corpus"
"$dyad" serve "$demo" --port 0 >"$tmp/serve3.out" 2>>"$tmp/serve.err" &
pid2=$!
port3=""
for i in $(seq 1 100); do
    port3=$(sed -nE 's|^dyad serve: http://127\.0\.0\.1:([0-9]+)/.*|\1|p' "$tmp/serve3.out")
    [ -n "$port3" ] && break
    sleep 0.05
done
demo_base=http://127.0.0.1:$port3
s=$(status "$demo_base/api/alerts")
check "demo alerts: 200 ($s)" [ "$s" = 200 ]
check "demo alerts: valid JSON" json_ok
check "demo alerts: newest alarm first" [ "$(jq_ '[a["alarm"] for a in d["alerts"]] == sorted([a["alarm"] for a in d["alerts"]], reverse=True) and len(d["alerts"]) > 0')" = True ]
check "demo alerts: the RUS-UKR escalation of 2022-02-24, with its start before" \
    [ "$(jq_ 'any(a["a"] == "RUS" and a["b"] == "UKR" and a["direction"] == "escalation" and a["alarm"] == "2022-02-24" and a["start"] <= a["alarm"] and a["share"] > a["baseline_share"] and 0 < a["confidence"] <= 1 for a in d["alerts"])')" = True ]
check "demo alerts: every alert quotes evidence events of its dyad, between its start and alarm, with documents and sentences" \
    [ "$(jq_ 'all(len(a["evidence"]) > 0 and all(e["source"][:3] in (a["a"], a["b"]) and e["target"][:3] in (a["a"], a["b"]) and a["start"] <= e["date"] <= a["alarm"] and e["doc"] and e["sentence"] and len(e["id"]) == 16 for e in a["evidence"]) for a in d["alerts"])')" = True ]
status "$demo_base/api/alerts?source=RUS&target=UKR&evidence=2" >/dev/null
check "demo alerts: a dyad's only, evidence capped" [ "$(jq_ 'len(d["alerts"]) > 0 and all({a["a"], a["b"]} == {"RUS", "UKR"} and len(a["evidence"]) <= 2 for a in d["alerts"])')" = True ]
status "$demo_base/api/alerts?source=UKRMIL&target=RUSGOV&evidence=0" >/dev/null
check "demo alerts: codes match the dyad's blocks, evidence 0 quotes none" [ "$(jq_ 'len(d["alerts"]) > 0 and all(a["evidence"] == [] for a in d["alerts"])')" = True ]
status "$demo_base/api/alerts?limit=1" >/dev/null
check "demo alerts: limit keeps the newest, total counts them all" [ "$(jq_ 'len(d["alerts"]) == 1 and d["total"] > 1')" = True ]
status "$demo_base/api/alerts?from=2022-04-01" >/dev/null
check "demo alerts: from limits the alarms" [ "$(jq_ 'all(a["alarm"] >= "2022-04-01" for a in d["alerts"])')" = True ]
# without from, the last 90 days of data: the demo's last date is 2022-03-31
status "$demo_base/api/alerts" >/dev/null
check "demo alerts: by default from the store's last date - 89 days, said so" \
    [ "$(jq_ 'd["from"] == "2022-01-01" and d["from_default"] is True and all(a["alarm"] >= "2022-01-01" for a in d["alerts"])')" = True ]
status "$demo_base/api/alerts?to=2022-01-31" >/dev/null
check "demo alerts: to without from: the 90 days before to" [ "$(jq_ 'd["from"] == "2021-11-03" and d["from_default"] is True')" = True ]
status "$demo_base/api/alerts?from=2021-11-01" >/dev/null
check "demo alerts: an explicit from is kept, and reaches further back" \
    [ "$(jq_ 'd["from"] == "2021-11-01" and d["from_default"] is False and d["total"] >= 1')" = True ]
# /api/trend and /api/dyads read the roll-up: the same answers as the
# events' own columns give, on the demo store and on one with syndicated
# copies and repeated one-a-day keys (--copies, --unique)
syn=$tmp/syn.db
"$dyad" ingest -q --db "$syn" tests/data/store/syndicated.jsonl examples/demo/dispatches.jsonl || bad "ingest of the copies store"
check "the copies store has copies and repeated keys" \
    [ "$(sqlite3 "$syn" "SELECT sum(copy) > 0 AND sum(first_of_day = 0) > sum(copy) FROM events")" = 1 ]
reqs='[{"source":"RUS","target":"UKR","both":"1"}, {"source":"RUS","target":"UKR","both":"1","period":"day"},
 {"source":"RUS","target":"UKR","both":"1","period":"year"},
 {"source":"RUS","target":"UKR","both":"1","from":"2021-12-15","to":"2022-02-20"}, {"source":"RUS","target":"UKR"},
 {"source":"RUSGOV","target":"UKR","period":"day","from":"2022-02-01","to":"2022-03-10"}, {"actor":"RUS"},
 {"actor":"RUS","unique":"1","period":"day"}, {"actor":"UKR","copies":"1","from":"2022-01-10"},
 {"actor":"USA","copies":"1","unique":"1","period":"year"},
 {"source":"BRA","target":"ARG","both":"1","copies":"1","period":"day"}, {"source":"BRA","copies":"1"},
 {"target":"ARG","unique":"1"}, {"actor":"RUS","quad":"4"}, {"source":"RUS","target":"UKR","both":"1","country":"UKR"},
 {"_":"dyads"}, {"_":"dyads","period":"day","min_events":"1"}, {"_":"dyads","period":"year"},
 {"_":"dyads","copies":"1","min_events":"1"}, {"_":"dyads","unique":"1","min_events":"2"},
 {"_":"dyads","actor":"RUS","min_events":"1"},
 {"_":"dyads","from":"2021-12-10","to":"2022-02-15","min_events":"1","top":"100"},
 {"_":"dyads","source":"RUS","target":"UKR","both":"1","period":"day","min_events":"1"},
 {"_":"dyads","root":"19","min_events":"1"}]'
rollup_check() { # BASE DB
    python3 tests/web/rollup.py "$1" "$2" "$reqs" >"$tmp/rollup.log" 2>&1
    grep '^FAIL' "$tmp/rollup.log"
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/rollup.log" | tail -n 1)
    if [ -z "$line" ]; then bad "roll-up answers against the events: no result"; tail -n 5 "$tmp/rollup.log"; return; fi
    passed=$((passed + ${line%% passed*}))
    f=${line#*passed, }
    failed=$((failed + ${f%% failed*}))
}
rollup_check "$demo_base" "$demo"
"$dyad" serve "$syn" --port 0 >"$tmp/serve4.out" 2>>"$tmp/serve.err" &
pid4=$!
port4=""
for i in $(seq 1 100); do
    port4=$(sed -nE 's|^dyad serve: http://127\.0\.0\.1:([0-9]+)/.*|\1|p' "$tmp/serve4.out")
    [ -n "$port4" ] && break
    sleep 0.05
done
rollup_check "http://127.0.0.1:$port4" "$syn"
kill "$pid4" 2>/dev/null
wait "$pid4" 2>/dev/null
status "$demo_base/api/alerts?actor=RUS" >/dev/null
check "demo alerts: actor keeps its dyads" [ "$(jq_ 'len(d["alerts"]) > 0 and all("RUS" in (a["a"], a["b"]) for a in d["alerts"])')" = True ]
# the evidence is the document's: each event is in its document, its sentence within the text
status "$demo_base/api/alerts?source=RUS&target=UKR" >/dev/null
jq_ '"\n".join(e["doc"] + " " + e["id"] for a in d["alerts"] for e in a["evidence"])' >"$tmp/evidence"
cp "$tmp/body" "$tmp/alerts.json"
while read -r doc id; do
    status "$demo_base/api/documents/$doc" >/dev/null
    check "evidence $id is an event of $doc" [ "$(jq_ "'$id' in [e['id'] for e in d['events']]")" = True ]
done <"$tmp/evidence"
if [ -z "$browser_missing" ]; then
    if node tests/web/alerts.js "$demo_base" "$out" ${WEB_SCREENSHOT:+"$WEB_SCREENSHOT"} >"$tmp/alerts.log" 2>&1; then :; fi
    grep '^FAIL' "$tmp/alerts.log"
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/alerts.log" | tail -n 1)
    if [ -z "$line" ]; then
        bad "browser alert tests: no result"
        tail -n 20 "$tmp/alerts.log"
    else
        passed=$((passed + ${line%% passed*}))
        f=${line#*passed, }
        failed=$((failed + ${f%% failed*}))
    fi
fi
kill "$pid2" 2>/dev/null
wait "$pid2" 2>/dev/null
pid2=""

kill "$pid" 2>/dev/null
wait "$pid"
rc=$?
pid=""
check "dyad serve exits 0 on SIGTERM ($rc)" [ "$rc" = 0 ]
check "no sanitizer report from the server" sh -c "! grep -qE 'Sanitizer|runtime error' '$tmp/serve.err'"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
