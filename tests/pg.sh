#!/bin/sh
# tests/pg.sh DYAD -- the PostgreSQL store end to end, on a throwaway
# server this script starts (tests/pg_server.sh) and stops whatever
# happens: ingest and idempotence, a changed document, query filters and
# stats against the SQLite store on the same input (identical sorted
# output), copies, foreign and newer databases, hostile rows, two
# concurrent workers over shards and over the same input (exact counts,
# no duplicates), a worker killed with kill -9 and run again, import and
# recode; dyad query --count, dyad serve's API (the same JSON as over
# the SQLite store, the cursor, a commit seen by the cache, the time
# limit) and dyad feeds, each against SQLite.  Ends "N passed, N failed".
#
# Without PostgreSQL's server programs the tests are skipped, except under
# CI (CI=true), where that is a failure.
set -u
dyad=${1:-build/dyad}
shared=${DYAD_SHARED:-../shared}
passed=0
failed=0
tmp=$(mktemp -d)
bg=""
. tests/pg_server.sh
trap '[ -n "$bg" ] && kill -9 $bg 2>/dev/null; pg_stop; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

ok() { passed=$((passed + 1)); }
not_ok() { failed=$((failed + 1)); echo "FAIL $1"; }
check() {
    if [ "$2" = "$3" ]; then ok; else not_ok "$1: got '$2', expected '$3'"; fi
}
expect_status() {
    name=$1 want=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else
        not_ok "$name: exit status $got, expected $want"
        head -n 5 "$tmp/err" | sed 's/^/  /'
    fi
}
expect_grep() {
    if grep -qE -- "$2" "$3"; then ok; else not_ok "$1: no line matches '$2' in $3"; head -n 5 "$3" | sed 's/^/  /'; fi
}
# same NAME FILE1 FILE2: equal after sorting
same() {
    sort "$2" >"$2.s"
    sort "$3" >"$3.s"
    if cmp -s "$2.s" "$3.s"; then ok; else
        not_ok "$1: $(wc -l <"$2.s") vs $(wc -l <"$3.s") lines differ"
        diff "$2.s" "$3.s" | head -n 6 | sed 's/^/  /'
    fi
}

skip_or_fail() {
    if [ "${CI:-}" = true ]; then
        echo "pg: $1 (a failure under CI)"
        echo "0 passed, 1 failed"
        exit 1
    fi
    echo "pg: skipped: $1"
    echo "0 passed, 0 failed"
    exit 0
}
command -v psql >/dev/null || skip_or_fail "psql missing (apt-get install postgresql-client)"
command -v sqlite3 >/dev/null || skip_or_fail "sqlite3 missing (./setup.sh installs it)"
pg_start "$tmp/pg" 2>"$tmp/pg-start.err" || skip_or_fail "the PostgreSQL server did not start: $(cat "$tmp/pg-start.err")"

# A fresh database per scenario, on the same server.
db_url() {
    psql -X -q "$PGURL" -c "CREATE DATABASE $1" >/dev/null 2>&1
    echo "postgresql:///$1?host=$pg_dir&port=5432&user=postgres"
}
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$1" -c "$2"; }

art=examples/article.txt

# --- ingest, and the same again --------------------------------------------
A=$(db_url a)
expect_status "ingest the example" 0 "$dyad" ingest --db "$A" "$art"
coded=$("$dyad" code "$art" 2>/dev/null | wc -l)
check "every event of dyad code is stored" "$(q "$A" "SELECT count(*) FROM events")" "$coded"
ids_code=$("$dyad" code "$art" 2>/dev/null | sed -E 's/^\{"id":"([0-9a-f]{16})".*/\1/' | sort | tr '\n' ' ')
ids_store=$("$dyad" query --db "$A" --output tsv | tail -n +2 | cut -f1 | sort | tr '\n' ' ')
check "stored ids are dyad code's ids" "$ids_store" "$ids_code"
q "$A" "SELECT * FROM documents ORDER BY id; SELECT * FROM events ORDER BY id;" >"$tmp/before"
expect_status "ingest the same again" 0 "$dyad" ingest --db "$A" "$art"
expect_grep "the second ingest says unchanged" "0 new, 0 changed, 1 unchanged" "$tmp/err"
q "$A" "SELECT * FROM documents ORDER BY id; SELECT * FROM events ORDER BY id;" >"$tmp/after"
if cmp -s "$tmp/before" "$tmp/after"; then ok; else not_ok "idempotence: a second ingest changed documents or events"; fi
check "both runs are recorded" "$(q "$A" "SELECT count(*) FROM runs WHERE ended IS NOT NULL")" 2
check "the run counts what it read and coded" "$(q "$A" "SELECT docs_read || ' ' || docs_coded FROM runs ORDER BY id DESC LIMIT 1")" "1 0"
check "schema version" "$(q "$A" "SELECT max(version) FROM dyad_schema")" 6
check "DYAD_DB names the store too" "$(DYAD_DB=$A "$dyad" query | wc -l)" "$coded"
PGCONN="host=$pg_dir port=5432 user=postgres dbname=a"
check "a conninfo string selects PostgreSQL" "$("$dyad" query --db "$PGCONN" | wc -l)" "$coded"
check "postgres:// too" "$("$dyad" query --db "postgres:///a?host=$pg_dir&port=5432&user=postgres" | wc -l)" "$coded"

# --- a changed document replaces its events ---------------------------------
printf '{"id":"d1","date":"2024-03-01","text":"Russia attacked Ukraine. France criticised Russia."}\n' >"$tmp/v1.jsonl"
printf '{"id":"d1","date":"2024-03-01","text":"Germany praised Poland."}\n' >"$tmp/v2.jsonl"
C=$(db_url c)
"$dyad" ingest -q --db "$C" "$tmp/v1.jsonl" 2>/dev/null
check "first version's events" "$(q "$C" "SELECT string_agg(source||'>'||target, ' ' ORDER BY id) FROM events")" "RUS>UKR FRA>RUS"
expect_status "ingest a changed document" 0 "$dyad" ingest --db "$C" "$tmp/v2.jsonl"
expect_grep "the changed document is reported" "0 new, 1 changed" "$tmp/err"
check "changed document: only the new events" "$(q "$C" "SELECT string_agg(source||'>'||target, ' ') FROM events")" "DEU>POL"
check "changed document: one row" "$(q "$C" "SELECT count(*) FROM documents")" 1
check "changed document: the text search follows" "$("$dyad" query --db "$C" --text Russia | wc -l)" 0

# --- the same queries and stats as SQLite on the same input -----------------
Q=$(db_url q)
"$dyad" ingest -q --db "$Q" tests/data/store/syndicated.jsonl "$tmp/v1.jsonl" "$art" 2>/dev/null
"$dyad" ingest -q --db "$tmp/q.db" tests/data/store/syndicated.jsonl "$tmp/v1.jsonl" "$art" 2>/dev/null
# each line is a list of shell words ("security talks" is one)
while IFS= read -r filters; do
    eval "set -- $filters"
    "$dyad" query --db "$tmp/q.db" "$@" >"$tmp/sq" 2>"$tmp/sq.err"
    "$dyad" query --db "$Q" "$@" >"$tmp/pq" 2>"$tmp/pq.err"
    same "query $filters: SQLite and PostgreSQL agree" "$tmp/sq" "$tmp/pq"
    if [ -s "$tmp/sq.err" ] || [ -s "$tmp/pq.err" ]; then not_ok "query $filters: an error"; head -n 2 "$tmp/sq.err" "$tmp/pq.err"; fi
done <<'EOF'
--output jsonl
--copies
--unique
--output csv --copies
--output tsv
--dyad RUS,UKR
--dyad UKR,RUS --both
--actor KEN
--actor USA --copies --unique
--code 190
--root 19
--quad 4
--from 2024-03-01 --to 2024-03-01
--country KE
--speaker USA
--text Garissa
--text 'Garissa OR Somali'
--text "security talks"
--text 'secur*'
--text 'Japan NOT Korea'
--text '(Japan OR Russia) AND talks'
--text 'Japan Korea'
--dyad USA, --both
--limit 3
--limit 2 --offset 1
EOF
check "--dyad RUS,UKR finds the event" "$("$dyad" query --db "$Q" --dyad RUS,UKR --output tsv | tail -n +2 | cut -f6,7 | tr '\t\n' '> ')" "RUS>UKR "
check "--actor KEN finds KENGOV (prefix)" "$("$dyad" query --db "$Q" --actor KEN --output tsv | cut -f6 | grep -q '^KENGOV$' && echo yes)" yes
check "--text with OR" "$("$dyad" query --db "$Q" --text 'Garissa OR Somali' --output tsv | tail -n +2 | cut -f2 | sort -u)" "other-1"
"$dyad" stats --db "$tmp/q.db" --top 20 | grep -v '^runs' >"$tmp/ss"
"$dyad" stats --db "$Q" --top 20 | grep -v '^runs' >"$tmp/ps"
same "stats: SQLite and PostgreSQL agree" "$tmp/ss" "$tmp/ps"
check "copies linked to the first" "$(q "$Q" "SELECT string_agg(d.doc_key || '>' || f.doc_key, ' ' ORDER BY d.doc_key) FROM documents d JOIN documents f ON f.id = d.copy_of")" \
    "paper-7>wire-1 paper-9>wire-1"
expect_status "a bad --text is an error, not a crash" 1 "$dyad" query --db "$Q" --text '"unclosed'
expect_grep "... naming the option" "--text" "$tmp/err"
expect_status "a malformed --text is an error" 1 "$dyad" query --db "$Q" --text '(('
expect_grep "... naming the option" "--text" "$tmp/err"
expect_status "a bad actor code" 1 "$dyad" query --db "$Q" --actor "USA' OR 1"
expect_status "a bad date (a usage error, as in dyad trend and alerts)" 2 "$dyad" query --db "$Q" --from 2024-13-01
check "one-a-day: one flag per key" "$(q "$Q" "SELECT count(*) FROM (SELECT 1 FROM events WHERE copy = 0 AND date IS NOT NULL GROUP BY source, target, date, code HAVING sum(first_of_day) <> 1) x")" 0

# --- import and recode -------------------------------------------------------
"$dyad" code "$art" >"$tmp/events.jsonl" 2>/dev/null
expect_status "import into PostgreSQL" 0 "$dyad" import --db "$Q" --format jsonl "$tmp/events.jsonl"
"$dyad" import -q --db "$tmp/q.db" --format jsonl "$tmp/events.jsonl" 2>/dev/null
"$dyad" query --db "$tmp/q.db" --copies >"$tmp/sq"
"$dyad" query --db "$Q" --copies >"$tmp/pq"
same "after an import: SQLite and PostgreSQL agree" "$tmp/sq" "$tmp/pq"
expect_status "the same import again" 0 "$dyad" import --db "$Q" --format jsonl "$tmp/events.jsonl"
check "... changes nothing" "$("$dyad" query --db "$Q" --copies | wc -l)" "$(wc -l <"$tmp/sq")"
expect_status "recode" 0 "$dyad" recode --db "$Q"
"$dyad" recode -q --db "$tmp/q.db" 2>/dev/null
"$dyad" query --db "$tmp/q.db" --copies >"$tmp/sq"
"$dyad" query --db "$Q" --copies >"$tmp/pq"
same "after recode: SQLite and PostgreSQL agree" "$tmp/sq" "$tmp/pq"

# --- counts and dyad serve: the same answers as over SQLite ------------------
# tests/web.sh's store, in both engines by one writer each, so that row ids
# (in /api/health, cursors and event rows) are the same too: nothing is
# normalised away except the actor names of a name search (below)
V=$(db_url views)
for db in "$V" "$tmp/v.db"; do
    "$dyad" ingest -q --db "$db" --date 2022-01-27 examples/article.txt tests/data/web/dispatches.jsonl 2>/dev/null
done
while IFS= read -r filters; do
    eval "set -- $filters"
    "$dyad" query --db "$tmp/v.db" "$@" >"$tmp/sc" 2>"$tmp/sc.err"
    "$dyad" query --db "$V" "$@" >"$tmp/pc" 2>"$tmp/pc.err"
    if cmp -s "$tmp/sc" "$tmp/pc" && [ "$(wc -l <"$tmp/sc")" -gt 1 ] && [ ! -s "$tmp/pc.err" ]; then ok; else
        not_ok "query $filters: SQLite and PostgreSQL agree"
        diff "$tmp/sc" "$tmp/pc" | head -n 4 | sed 's/^/  /'
        head -n 2 "$tmp/sc.err" "$tmp/pc.err"
    fi
done <<'END'
--count day
--count month
--count year
--count month --output jsonl
--count day --dyad RUS,UKR --both --output tsv
--count year --actor USA --unique
--count month --quad 4 --from 2022-02-01
--count day --text Kharkiv
END
check "--count month has more than one month" "$("$dyad" query --db "$V" --count month | tail -n +2 | wc -l | awk '$1 > 1 {print "yes"}')" yes

# serve_start DB OUT [OPTION...]: dyad serve on a free loopback port (the
# kernel's choice: --port 0), the port read from what it prints, in $sport
serve_start() {
    sdb=$1 sout=$2
    shift 2
    "$dyad" serve --db "$sdb" --port 0 "$@" >"$sout" 2>"$sout.err" &
    bg="$bg $!"
    sport=""
    for i in $(seq 1 100); do
        sport=$(sed -nE 's|^dyad serve: http://127\.0\.0\.1:([0-9]+)/.*|\1|p' "$sout" 2>/dev/null)
        [ -n "$sport" ] && break
        sleep 0.05
    done
}
# stops the servers; under ASan, what the sanitizers said at their exit
# is a failure
serve_stop() {
    for p in $bg; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
    bg=""
    for f in "$tmp"/serve-*.err; do
        [ -f "$f" ] || continue
        if grep -q 'Sanitizer' "$f"; then not_ok "dyad serve: the sanitizer's report in $f"; head -n 20 "$f"; fi
        rm -f "$f"
    done
}
# api PORT PATH FILE: the body in FILE, the status on stdout
api() { curl -s -o "$3" -w '%{http_code}' "http://127.0.0.1:$1$2"; }
ids() { python3 -c 'import json,sys; [print(e["id"]) for e in json.load(open(sys.argv[1]))["events"]]' "$1"; }
if command -v curl >/dev/null; then
    serve_start "$tmp/v.db" "$tmp/serve-s"
    sp=$sport
    serve_start "$V" "$tmp/serve-p"
    pp=$sport
    if [ -z "$sp" ] || [ -z "$pp" ]; then
        not_ok "dyad serve did not start: $(cat "$tmp/serve-s.err" "$tmp/serve-p.err")"
    else
        for path in "/api/health" "/api/trend?source=RUS&target=UKR&both=1" "/api/trend?actor=USA&period=year" \
                    "/api/trend?source=RUS&target=UKR&both=1&period=day&from=2022-02-20&to=2022-03-05" \
                    "/api/dyads" "/api/dyads?period=year&top=5" "/api/dyads?source=RUS&period=day" \
                    "/api/events?limit=1000" "/api/events?source=RUS&target=UKR&both=1" "/api/events?text=Kharkiv" \
                    "/api/events?limit=4" "/api/documents/dispatch-12" "/api/documents/dispatch-12?max_events=2" \
                    "/api/actors?q=rus" "/api/actors?q=us" "/api/documents/no-such-document" \
                    "/api/events?text=%22unbalanced" "/api/events?cursor=abc" "/api/alerts" \
                    "/api/alerts?source=RUS&target=UKR" "/api/alerts?actor=RUS&from=2022-02-01&evidence=2" \
                    "/api/alerts?limit=0"; do
            s1=$(api "$sp" "$path" "$tmp/sj")
            s2=$(api "$pp" "$path" "$tmp/pj")
            if [ "$s1" = "$s2" ] && cmp -s "$tmp/sj" "$tmp/pj"; then ok; else
                not_ok "serve $path: SQLite ($s1) and PostgreSQL ($s2) answer alike"
                head -c 300 "$tmp/sj"; echo; head -c 300 "$tmp/pj"; echo
            fi
        done
        check "serve: the answers are not errors" "$(api "$pp" "/api/trend?source=RUS&target=UKR&both=1" "$tmp/pj")" 200
        check "serve: the trend has periods" "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["periods"]) > 3)' "$tmp/pj")" True
        # a name search: which of a code's matching words is its name is
        # SQLite's choice of row, so codes and counts are compared alone
        names() { python3 -c 'import json,sys; print(" ".join("%s:%d" % (a["code"], a["events"]) for a in json.load(open(sys.argv[1]))["actors"]))' "$1"; }
        api "$sp" "/api/actors?q=Russia" "$tmp/sj" >/dev/null
        api "$pp" "/api/actors?q=Russia" "$tmp/pj" >/dev/null
        check "serve /api/actors?q=Russia: the same codes and counts" "$(names "$tmp/pj")" "$(names "$tmp/sj")"
        check "... found by name" "$(names "$tmp/pj" | grep -c 'RUSMIL')" 1
        # pages of 4 by the cursor: each page as SQLite's, joined the whole list
        : >"$tmp/paged"
        cursor=""
        pages=0
        pages_same=yes
        while [ $pages -lt 100 ]; do
            api "$sp" "/api/events?limit=4${cursor:+&cursor=$cursor}" "$tmp/sj" >/dev/null
            api "$pp" "/api/events?limit=4${cursor:+&cursor=$cursor}" "$tmp/pj" >/dev/null
            cmp -s "$tmp/sj" "$tmp/pj" || pages_same="no (page $pages)"
            ids "$tmp/pj" >>"$tmp/paged"
            cursor=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["next"] or "")' "$tmp/pj")
            pages=$((pages + 1))
            [ -z "$cursor" ] && break
        done
        check "serve: every cursor page as SQLite's" "$pages_same" yes
        api "$pp" "/api/events?limit=1000" "$tmp/pj" >/dev/null
        ids "$tmp/pj" >"$tmp/all"
        check "serve: the pages joined are the whole list ($pages pages)" \
            "$(cmp -s "$tmp/all" "$tmp/paged" && [ "$pages" -gt 2 ] && echo yes)" yes
        # the data version: reads leave it, a commit changes it, and the
        # server's cache sees another process's commit at once
        v0=$(q "$V" "SELECT n FROM dyad_data_version")
        "$dyad" query --db "$V" >/dev/null
        "$dyad" stats --db "$V" >/dev/null
        api "$pp" "/api/health" "$tmp/pj" >/dev/null
        check "data version: reads leave it as it was" "$(q "$V" "SELECT n FROM dyad_data_version")" "$v0"
        n0=$(wc -l <"$tmp/all")
        printf '{"id":"late-1","date":"2022-07-01","text":"Russia attacked Ukraine near Odesa."}\n' >"$tmp/late.jsonl"
        "$dyad" ingest -q --db "$V" "$tmp/late.jsonl" 2>/dev/null
        v1=$(q "$V" "SELECT n FROM dyad_data_version")
        check "data version: a commit changes it" "$([ "$v1" -gt "$v0" ] && echo yes)" yes
        api "$pp" "/api/events?limit=1000" "$tmp/pj" >/dev/null
        check "serve: a commit by another process is seen at once" "$(ids "$tmp/pj" | wc -l)" "$((n0 + 1))"
    fi
    serve_stop
    # the time limit: a trend over 400,000 events past --query-ms 1 is a 503
    # (with quad, which the roll-up does not keep: the triggers have folded
    # these events into it, and read from there the trend takes no time)
    T=$(db_url slow)
    "$dyad" ingest -q --db "$T" examples/article.txt 2>/dev/null
    q "$T" "INSERT INTO events(eid, doc, date, source, target, code, quad, goldstein)
            SELECT i, 1, 20100101 + (i % 28), 'AAA', 'BBB', '190', 4, -10 FROM generate_series(1, 400000) i" >/dev/null
    serve_start "$T" "$tmp/serve-t" --query-ms 1
    if [ -n "$sport" ]; then
        check "serve: a query past --query-ms is a 503" "$(api "$sport" "/api/trend?source=AAA&period=day&quad=4" "$tmp/pj")" 503
        expect_grep "... saying why" "longer than 1 ms" "$tmp/pj"
        check "... and the next request is answered" "$(api "$sport" "/api/documents/no-such-document" "$tmp/pj")" 404
    else
        not_ok "dyad serve --query-ms 1 did not start: $(cat "$tmp/serve-t.err")"
    fi
    serve_stop
elif [ "${CI:-}" = true ]; then
    not_ok "curl missing: dyad serve not tested"
else
    echo "pg: dyad serve not tested: curl missing"
fi

# --- dyad feeds into PostgreSQL, as into SQLite (tests/feeds.sh's server) ------
www=$tmp/www
mkdir -p "$www/pages"
for n in 1 2; do
    printf '<!DOCTYPE html><html><head><title>Story %s</title></head><body><article><p>%s</p></article></body></html>\n' \
        "$n" "Kenya and Uganda signed a trade agreement in Nairobi on Tuesday, officials said in story $n." >"$www/pages/s$n.html"
done
python3 tests/feeds_server.py "$www" "$tmp/fport" "$tmp/flog" &
fsrv=$!
bg="$fsrv"
for i in $(seq 1 50); do [ -s "$tmp/fport" ] && break; sleep 0.1; done
fbase=http://127.0.0.1:$(cat "$tmp/fport")
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Story 1</title><link>%s/pages/s1.html</link><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item>
<item><title>Story 2</title><link>%s/pages/s2.html</link><pubDate>Tue, 01 Dec 2026 11:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>%s/pages/gone.html</link></item>
</channel></rss>\n' "$fbase" "$fbase" "$fbase" >"$www/rss.xml"
echo "$fbase/rss.xml" >"$tmp/feedlist"
FD=$(db_url feeds)
# each store: two runs (the second conditional: nothing fetched again),
# their statuses and summaries, then the stored events
for db in "$FD" "$tmp/f.db"; do
    for run in 1 2; do
        # the server is local: no proxy may stand between
        env -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY -u ALL_PROXY -u all_proxy no_proxy=127.0.0.1 \
            "$dyad" feeds "$tmp/feedlist" --db "$db" --delay 0 >/dev/null 2>"$tmp/feeds.err"
        echo "run $run: status $? $(grep -o 'feeds: .*' "$tmp/feeds.err")"
    done
    "$dyad" query --db "$db" | sed -E 's|http://127\.0\.0\.1:[0-9]+|-|g'
done >"$tmp/feeds.both"
# the feed gone: its validators stay those of the last good fetch
mv "$www/rss.xml" "$www/rss.old"
for db in "$FD" "$tmp/f.db"; do
    env -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY -u ALL_PROXY -u all_proxy no_proxy=127.0.0.1 \
        "$dyad" feeds "$tmp/feedlist" --db "$db" --delay 0 >/dev/null 2>&1
done
serve_stop
check "a failed fetch: the error and status kept, the validators too" \
    "$(q "$FD" "SELECT last_status || ' ' || (last_error IS NOT NULL) || ' ' || (etag IS NOT NULL) || ' ' || (last_modified IS NOT NULL) FROM feeds")" \
    "404 true true true"
check "... as in SQLite" \
    "$(sqlite3 "$tmp/f.db" "SELECT last_status || ' ' || (last_error IS NOT NULL) || ' ' || (etag IS NOT NULL) || ' ' || (last_modified IS NOT NULL) FROM feeds")" \
    "404 1 1 1"
check "feeds into PostgreSQL: two documents" "$(q "$FD" "SELECT count(*) FROM documents")" 2

check "... every item recorded, each fetched once" \
    "$(q "$FD" "SELECT string_agg(state || ':' || tries, ' ' ORDER BY item_key) FROM feed_items")" "3:1 1:1 1:1"
check "... as in SQLite" \
    "$(sqlite3 "$tmp/f.db" "SELECT group_concat(state || ':' || tries, ' ') FROM (SELECT * FROM feed_items ORDER BY item_key)")" "3:1 1:1 1:1"
half=$(($(wc -l <"$tmp/feeds.both") / 2))
head -n "$half" "$tmp/feeds.both" >"$tmp/feeds.pg"
tail -n +"$((half + 1))" "$tmp/feeds.both" >"$tmp/feeds.sq"
if cmp -s "$tmp/feeds.pg" "$tmp/feeds.sq" && grep -q "1 not modified" "$tmp/feeds.pg" && [ "$half" -gt 3 ]; then ok; else
    not_ok "feeds: the runs' statuses, summaries and events as with SQLite (the second run conditional)"
    diff "$tmp/feeds.sq" "$tmp/feeds.pg" | head -n 8 | sed 's/^/  /'
    head -n 3 "$tmp/feeds.pg"
fi

# --- foreign, newer, missing and unreachable databases ----------------------
F=$(db_url other)
q "$F" "CREATE TABLE customers(id int, name text); INSERT INTO customers VALUES (1, 'x')" >/dev/null
expect_status "a database of another program is refused" 1 "$dyad" ingest --db "$F" "$art"
expect_grep "... saying so" "not a dyad store" "$tmp/err"
check "... and left as it was" "$(q "$F" "SELECT string_agg(tablename, ' ') FROM pg_tables WHERE schemaname = 'public'")" "customers"
q "$F" "CREATE TABLE dyad_schema(version int, applied text)" >/dev/null
expect_status "a dyad_schema table without dyad's mark is refused" 1 "$dyad" query --db "$F"
expect_grep "... saying so" "not a dyad store" "$tmp/err"
N=$(db_url newer)
"$dyad" ingest -q --db "$N" "$art" 2>/dev/null
q "$N" "INSERT INTO dyad_schema VALUES (99, 'future')" >/dev/null
expect_status "a store of a newer dyad is refused" 1 "$dyad" ingest --db "$N" "$art"
expect_grep "... saying so" "newer than this dyad" "$tmp/err"
E=$(db_url empty)
expect_status "query on a database without a store" 1 "$dyad" query --db "$E"
expect_grep "... saying so" "no such store" "$tmp/err"
check "... which it did not create" "$(q "$E" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" 0
expect_status "an unreachable server is an error" 1 "$dyad" stats --db "postgresql:///x?host=$tmp/nowhere&port=1"
expect_grep "... saying so" "cannot connect to PostgreSQL" "$tmp/err"
expect_status "a value is never SQL (a malformed --text)" 1 "$dyad" query --db "$A" --text "x') ; DROP TABLE events; --"
check "... and the events are there" "$(q "$A" "SELECT count(*) FROM events")" "$coded"

# --- hostile rows --------------------------------------------------------------
q "$Q" "UPDATE documents SET minhash = '\\x0102'::bytea WHERE doc_key = 'wire-1';
        UPDATE events SET lat = 'NaN', date = -5, date_precision = 99, root = 1000, flags = -1,
          source = repeat('X', 5000), goldstein = 'Infinity', source_start = -7, source_end = 99999999999
          WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 3);
        UPDATE events SET url = E'\\001\\002 \"quoted\"\\n' WHERE id IN (SELECT id FROM events ORDER BY id DESC LIMIT 2)" >/dev/null
for out in jsonl csv tsv; do
    expect_status "hostile rows: query --output $out" 0 "$dyad" query --db "$Q" --copies --output $out
done
"$dyad" query --db "$Q" --copies >"$tmp/hq" 2>/dev/null
if python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/hq"; then ok; else not_ok "hostile rows: the JSON stays valid"; fi
expect_status "hostile rows: stats" 0 "$dyad" stats --db "$Q"
for out in day month; do
    expect_status "hostile rows: query --count $out" 0 "$dyad" query --db "$Q" --count $out
done
if command -v curl >/dev/null; then
    serve_start "$Q" "$tmp/serve-h"
    for path in "/api/health" "/api/trend?actor=X&period=day" "/api/trend?source=XXX" "/api/dyads" "/api/dyads?period=day" \
                "/api/events?limit=1000" "/api/documents/wire-1" "/api/documents/paper-7" "/api/actors?q=xx" \
                "/api/actors?q=xxx"; do
        s1=$(api "$sport" "$path" "$tmp/hj")
        if [ "$s1" = 200 ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/hj" 2>/dev/null; then ok; else
            not_ok "hostile rows: serve $path: 200 with valid JSON (got $s1)"
            head -c 300 "$tmp/hj"; echo
        fi
    done
    serve_stop
fi
printf '{"id":"wire-2","date":"2024-03-02","text":"%s"}\n' "$(sed -n 1p tests/data/store/syndicated.jsonl | sed -E 's/.*"text": *"(([^"\\]|\\.)*)".*/\1/')" >"$tmp/wire2.jsonl"
expect_status "hostile rows: a damaged MinHash is no match, not a crash" 0 "$dyad" ingest --db "$Q" "$tmp/wire2.jsonl"

# --- two workers at once over shards; the same input twice at once -----------
sh "$shared/bench/replicate" 40 >"$tmp/corpus.txt"
sh tools/shard.sh 2 "$tmp/shards" "$tmp/corpus.txt"
"$dyad" ingest -q --db "$tmp/one.db" "$tmp/corpus.txt" 2>/dev/null
want_events=$(sqlite3 "$tmp/one.db" "SELECT count(*) FROM events")
want_docs=$(sqlite3 "$tmp/one.db" "SELECT count(*) FROM documents")
want_unique=$(sqlite3 "$tmp/one.db" "SELECT count(*) FROM events WHERE first_of_day = 1")
[ "$want_events" -gt 1000 ] && ok || not_ok "the corpus codes into more than 1000 events (got $want_events)"
W=$(db_url workers)
"$dyad" ingest -q --db "$W" "$tmp/shards/shard-1.txt" 2>"$tmp/w1.err" &
p1=$!
"$dyad" ingest -q --db "$W" "$tmp/shards/shard-2.txt" 2>"$tmp/w2.err" &
p2=$!
bg="$p1 $p2"
wait $p1; s1=$?
wait $p2; s2=$?
bg=""
check "two workers: both succeed" "$s1 $s2" "0 0"
check "two workers: exact event count" "$(q "$W" "SELECT count(*) FROM events")" "$want_events"
check "two workers: exact document count" "$(q "$W" "SELECT count(*) FROM documents")" "$want_docs"
check "two workers: no event twice" "$(q "$W" "SELECT count(*) - count(DISTINCT (doc, eid)) FROM events")" 0
check "two workers: one-a-day count as one writer's" "$(q "$W" "SELECT count(*) FROM events WHERE first_of_day = 1")" "$want_unique"
check "two workers: one flag per key" "$(q "$W" "SELECT count(*) FROM (SELECT 1 FROM events WHERE copy = 0 AND date IS NOT NULL GROUP BY source, target, date, code HAVING sum(first_of_day) <> 1) x")" 0
# which event of a key is the day's first depends on the writers' order;
# everything else is the same as one SQLite writer's
"$dyad" query --db "$tmp/one.db" --output tsv | cut -f1-29,31- >"$tmp/sq"
"$dyad" query --db "$W" --output tsv | cut -f1-29,31- >"$tmp/pq"
same "two workers: query output as SQLite's with one writer" "$tmp/sq" "$tmp/pq"
"$dyad" ingest -q --db "$W" "$tmp/corpus.txt" 2>/dev/null &
p1=$!
"$dyad" ingest -q --db "$W" "$tmp/corpus.txt" 2>/dev/null &
p2=$!
bg="$p1 $p2"
wait $p1; s1=$?
wait $p2; s2=$?
bg=""
check "the whole input again by two workers at once: both succeed" "$s1 $s2" "0 0"
check "... and nothing changes" "$(q "$W" "SELECT count(*) FROM events")" "$want_events"
O=$(db_url overlap)
"$dyad" ingest -q --db "$O" "$tmp/corpus.txt" 2>"$tmp/o1.err" &
p1=$!
"$dyad" ingest -q --db "$O" "$tmp/corpus.txt" 2>"$tmp/o2.err" &
p2=$!
bg="$p1 $p2"
wait $p1; s1=$?
wait $p2; s2=$?
bg=""
check "two workers on the same new input at once: both succeed" "$s1 $s2" "0 0"
[ "$s1 $s2" = "0 0" ] || cat "$tmp/o1.err" "$tmp/o2.err" | head -n 5
check "... exact event count" "$(q "$O" "SELECT count(*) FROM events")" "$want_events"
check "... exact document count" "$(q "$O" "SELECT count(*) FROM documents")" "$want_docs"

# --- a worker killed with kill -9 mid-ingest, then run again ----------------------
sh "$shared/bench/replicate" 200 >"$tmp/big.txt"
"$dyad" ingest -q --db "$tmp/big.db" "$tmp/big.txt" 2>/dev/null
big_events=$(sqlite3 "$tmp/big.db" "SELECT count(*) FROM events")
K=$(db_url killed)
"$dyad" ingest -q --db "$K" "$tmp/big.txt" 2>/dev/null &
bg=$!
n=0
i=0
while [ "$i" -lt 300 ]; do
    n=$(q "$K" "SELECT count(*) FROM events" 2>/dev/null || echo 0)
    [ "${n:-0}" -gt 0 ] && break
    sleep 0.05
    i=$((i + 1))
done
kill -9 "$bg" 2>/dev/null
wait "$bg" 2>/dev/null
bg=""
part=$(q "$K" "SELECT count(*) FROM events")
if [ "$part" -gt 0 ] && [ "$part" -lt "$big_events" ]; then ok; else not_ok "killed mid-ingest: $part of $big_events events committed (want some, not all)"; fi
sqlite3 -separator ' ' "$tmp/big.db" "SELECT d.doc_key, count(e.id) FROM documents d LEFT JOIN events e ON e.doc = d.id GROUP BY d.doc_key" | sort >"$tmp/sdocs"
q "$K" "SELECT d.doc_key || ' ' || count(e.id) FROM documents d LEFT JOIN events e ON e.doc = d.id GROUP BY d.doc_key" | sort >"$tmp/pdocs"
check "killed: whole documents only (each with all its events)" "$(comm -23 "$tmp/pdocs" "$tmp/sdocs" | wc -l)" 0
check "killed: the run shows as unfinished" "$(q "$K" "SELECT count(*) FROM runs WHERE ended IS NULL")" 1
expect_status "killed: run again" 0 "$dyad" ingest --db "$K" "$tmp/big.txt"
check "killed and run again: exact event count" "$(q "$K" "SELECT count(*) FROM events")" "$big_events"
check "killed and run again: no event twice" "$(q "$K" "SELECT count(*) - count(DISTINCT (doc, eid)) FROM events")" 0
"$dyad" query --db "$tmp/big.db" --dyad USA,RUS --both >"$tmp/sq"
"$dyad" query --db "$K" --dyad USA,RUS --both >"$tmp/pq"
same "killed and run again: query output as SQLite's" "$tmp/sq" "$tmp/pq"

# --- the server goes away mid-ingest, comes back, the ingest is run again -------
L=$(db_url lost)
"$dyad" ingest -q --db "$L" "$tmp/big.txt" 2>"$tmp/lost.err" &
bg=$!
i=0
while [ "$i" -lt 300 ]; do
    n=$(q "$L" "SELECT count(*) FROM events" 2>/dev/null || echo 0)
    [ "${n:-0}" -gt 0 ] && break
    sleep 0.05
    i=$((i + 1))
done
pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1
wait "$bg"
st=$?
bg=""
check "server gone mid-ingest: the worker fails with status 1" "$st" 1
expect_grep "... naming the lost connection" "connection|server closed|terminat" "$tmp/lost.err"
pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
    -o "-p 5432 -k $pg_dir -c listen_addresses='' -c max_connections=50" >/dev/null 2>&1
expect_status "server back: the same ingest again" 0 "$dyad" ingest --db "$L" "$tmp/big.txt"
check "server back: exact event count" "$(q "$L" "SELECT count(*) FROM events")" "$big_events"
check "server back: no event twice" "$(q "$L" "SELECT count(*) - count(DISTINCT (doc, eid)) FROM events")" 0

# ---- trends and alerts read the same from both engines ----------------------
# The demo corpus (Nov 2021 - Mar 2022) in both engines, one writer each:
# dyad trend (every layout) and dyad alerts (with their evidence sentences)
# must give the same bytes.
T=$(db_url trends)
for db in "$T" "$tmp/t.db"; do
    "$dyad" ingest -q --db "$db" examples/demo/dispatches.jsonl 2>/dev/null
done
for args in "--dyad RUS,UKR --both --by month" "--dyad RUS,UKR --both --by week --output json" \
            "--actor USA --by day --from 2022-01-01 --to 2022-03-01" "--dyad RUS,USA --unique --by month"; do
    eval "set -- $args"
    "$dyad" trend --db "$tmp/t.db" "$@" >"$tmp/ts" 2>"$tmp/ts.err"
    "$dyad" trend --db "$T" "$@" >"$tmp/tp" 2>"$tmp/tp.err"
    if cmp -s "$tmp/ts" "$tmp/tp" && [ "$(wc -l <"$tmp/ts")" -gt 1 ] && [ ! -s "$tmp/tp.err" ]; then ok; else
        not_ok "trend $args: SQLite and PostgreSQL agree"
        diff "$tmp/ts" "$tmp/tp" | head -n 4 | sed 's/^/  /'
        head -n 2 "$tmp/ts.err" "$tmp/tp.err"
    fi
done
"$dyad" alerts --db "$tmp/t.db" --output json >"$tmp/as" 2>"$tmp/as.err"
"$dyad" alerts --db "$T" --output json >"$tmp/ap" 2>"$tmp/ap.err"
if cmp -s "$tmp/as" "$tmp/ap" && grep -q '"RUS' "$tmp/as" && [ ! -s "$tmp/ap.err" ]; then ok; else
    not_ok "alerts: SQLite and PostgreSQL agree (with a RUS alert)"
    diff "$tmp/as" "$tmp/ap" | head -n 4 | sed 's/^/  /'
    head -n 2 "$tmp/as.err" "$tmp/ap.err"
fi

# ---- the roll-up (event_days, event_months) ---------------------------------
# trend and alerts read it; it must follow replaced documents on both
# engines, equal the events, and be built when schema 4 is upgraded.
rollup_stale() { # URL: roll-up rows that differ from the events, both ways
    q "$1" "WITH d AS (SELECT source, target, date, code, count(*) FILTER (WHERE copy = 0) AS events,
              count(*) FILTER (WHERE copy <> 0) AS copies FROM events WHERE date > 0 GROUP BY 1, 2, 3, 4),
            m AS (SELECT source, target, date / 100 AS month, code, sum(events) AS events, sum(copies) AS copies
              FROM d GROUP BY 1, 2, 3, 4)
            SELECT (SELECT count(*) FROM (SELECT * FROM d EXCEPT SELECT * FROM event_days) x)
                 + (SELECT count(*) FROM (SELECT * FROM event_days EXCEPT SELECT * FROM d) x)
                 + (SELECT count(*) FROM (SELECT * FROM m EXCEPT SELECT * FROM event_months) x)
                 + (SELECT count(*) FROM (SELECT * FROM event_months EXCEPT SELECT * FROM m) x)"
}
rollup_answers() { # DB OUT
    for args in "--dyad RUS,UKR --both --by month" "--dyad RUS,UKR --both --by day --from 2022-02-01" \
                "--actor RUS --by week --unique" "--actor UKR --by month --copies --from 2021-12-10 --to 2022-03-20"; do
        # shellcheck disable=SC2086
        "$dyad" trend --db "$1" $args 2>&1
    done >"$2"
    "$dyad" alerts --db "$1" --evidence 0 --output csv >>"$2" 2>&1
}
check "roll-up: equals the events after ingest" "$(rollup_stale "$T")" 0
python3 - examples/demo/dispatches.jsonl "$tmp/changed.jsonl" <<'EOF'
import json, sys
new = {"demo-0099": "Ukraine and Russia agreed to exchange prisoners on Saturday.",
       "demo-0113": "Russia praised Ukraine. Russia and Ukraine agreed to hold talks in Minsk.",
       "demo-0170": "Ukraine accused Russia of shelling Mariupol."}
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1]):
        r = json.loads(line)
        if r["id"] in new:
            r["text"] = new[r["id"]]
            out.write(json.dumps(r) + "\n")
EOF
rollup_answers "$T" "$tmp/ra0"
for db in "$T" "$tmp/t.db"; do
    "$dyad" ingest -q --db "$db" "$tmp/changed.jsonl" 2>/dev/null
done
rollup_answers "$T" "$tmp/ra1"
rollup_answers "$tmp/t.db" "$tmp/rs1"
check "roll-up: replaced documents change the answers" "$(cmp -s "$tmp/ra0" "$tmp/ra1" && echo same || echo changed)" changed
check "roll-up: ... to SQLite's" "$(cmp -s "$tmp/ra1" "$tmp/rs1" && echo same || diff "$tmp/ra1" "$tmp/rs1" | head -n 3)" same
check "roll-up: ... and it equals the events after the replacement" "$(rollup_stale "$T")" 0
# rows written by another program are counted at once
q "$T" "INSERT INTO events(eid, doc, date, source, target, code, copy)
        VALUES (1, 1, 20220301, 'RUS', 'UKR', '190', 0), (2, 1, 20220301, 'RUS', 'UKR', '190', 1)" >/dev/null
q "$T" "UPDATE events SET code = '191' WHERE eid = 2 AND doc = 1" >/dev/null
check "roll-up: another program's inserts and updates are counted" "$(rollup_stale "$T")" 0
q "$T" "DELETE FROM events WHERE doc = 1 AND eid IN (1, 2)" >/dev/null
check "roll-up: ... and its deletes" "$(rollup_stale "$T")" 0
# the target side of --actor is read from it too, as on SQLite: a month
# row changed behind the triggers' back shows in the answer
"$dyad" trend --db "$T" --actor UKR --by month >"$tmp/ut0" 2>&1
q "$T" "UPDATE event_months SET events = events + 1000 WHERE source = 'RUS' AND target = 'UKR'" >/dev/null
"$dyad" trend --db "$T" --actor UKR --by month >"$tmp/ut1" 2>&1
q "$T" "UPDATE event_months SET events = events - 1000 WHERE source = 'RUS' AND target = 'UKR'" >/dev/null
check "roll-up: --actor's target side is read from it" "$(cmp -s "$tmp/ut0" "$tmp/ut1" && echo events || echo roll-up)" roll-up
check "roll-up: ... restored" "$(rollup_stale "$T")" 0
# schema 5 upgraded: the roll-up built from the events
U=$(db_url upgrade)
"$dyad" ingest -q --db "$U" examples/demo/dispatches.jsonl 2>/dev/null
rollup_answers "$U" "$tmp/u0"
q "$U" "DROP TRIGGER events_rollup_insert ON events; DROP TRIGGER events_rollup_delete ON events;
        DROP TRIGGER events_rollup_update ON events; DROP FUNCTION dyad_rollup_note();
        DROP TABLE event_days; DROP TABLE event_months; DELETE FROM dyad_schema WHERE version = 6" >/dev/null
"$dyad" trend --db "$U" --actor RUS >/dev/null 2>"$tmp/err"
expect_grep "roll-up: a reader of schema 5 asks for a writer" "schema version 5; open it once for writing" "$tmp/err"
: >"$tmp/empty.txt"
"$dyad" ingest -q --db "$U" "$tmp/empty.txt" 2>/dev/null
rollup_answers "$U" "$tmp/u1"
check "roll-up: schema 5 upgraded to 6" "$(q "$U" "SELECT max(version) FROM dyad_schema")" 6
check "roll-up: ... the same answers" "$(cmp -s "$tmp/u0" "$tmp/u1" && echo same || echo differ)" same
check "roll-up: ... and it equals the events" "$(rollup_stale "$U")" 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
