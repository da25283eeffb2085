#!/bin/sh
# tests/store.sh DYAD -- the event store end to end: dyad ingest, query and
# stats; idempotence, replaced documents, kill -9 during a long ingest,
# syndicated copies, one-a-day, foreign and damaged files, a second
# writer, bad records.  Ends "N passed, N failed".
set -u
dyad=${1:-build/dyad}
shared=${DYAD_SHARED:-../shared}
passed=0
failed=0
tmp=$(mktemp -d)
bg=""
trap '[ -n "$bg" ] && kill "$bg" 2>/dev/null; rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
not_ok() { failed=$((failed + 1)); echo "FAIL $1"; }

# check NAME GOT WANT
check() {
    if [ "$2" = "$3" ]; then ok; else not_ok "$1: got '$2', expected '$3'"; fi
}

# expect_status NAME STATUS COMMAND...
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

sql() { sqlite3 "$@"; }

if ! command -v sqlite3 >/dev/null; then
    echo "store: sqlite3 shell missing (./setup.sh installs it)"
    echo "0 passed, 1 failed"
    exit 1
fi

db=$tmp/a.db
art=examples/article.txt

# --- ingest, and the same again ------------------------------------------
expect_status "ingest the example" 0 "$dyad" ingest --db "$db" "$art"
coded=$("$dyad" code "$art" 2>/dev/null | wc -l)
stored=$(sql "$db" "SELECT count(*) FROM events")
check "every event of dyad code is stored" "$stored" "$coded"
ids_code=$("$dyad" code "$art" 2>/dev/null | sed -E 's/^\{"id":"([0-9a-f]{16})".*/\1/' | sort | tr '\n' ' ')
ids_store=$("$dyad" query --db "$db" --output tsv | tail -n +2 | cut -f1 | sort | tr '\n' ' ')
check "stored ids are dyad code's ids" "$ids_store" "$ids_code"
sql "$db" "SELECT * FROM documents; SELECT * FROM events ORDER BY id;" >"$tmp/before"
expect_status "ingest the same again" 0 "$dyad" ingest --db "$db" "$art"
expect_grep "the second ingest says unchanged" "0 new, 0 changed, 1 unchanged" "$tmp/err"
sql "$db" "SELECT * FROM documents; SELECT * FROM events ORDER BY id;" >"$tmp/after"
if cmp -s "$tmp/before" "$tmp/after"; then ok; else not_ok "idempotence: a second ingest changed documents or events"; fi
check "both runs are recorded" "$(sql "$db" "SELECT count(*) FROM runs WHERE ended IS NOT NULL")" 2
check "the run counts what it read and coded" "$(sql "$db" "SELECT docs_read || ' ' || docs_coded FROM runs ORDER BY id DESC LIMIT 1")" "1 0"
check "schema version" "$(sql "$db" "PRAGMA user_version")" 6
check "WAL journal" "$(sql "$db" "PRAGMA journal_mode")" wal
check "a new store: 16 KiB pages, full-text leaves of a page" \
    "$(sql "$db" "PRAGMA page_size")/$(sql "$db" "SELECT v FROM event_text_config WHERE k = 'pgsz'")" 16384/16000

# --- a changed document replaces its events -----------------------------
printf '{"id":"d1","date":"2024-03-01","text":"Russia attacked Ukraine. France criticised Russia."}\n' >"$tmp/v1.jsonl"
printf '{"id":"d1","date":"2024-03-01","text":"Germany praised Poland."}\n' >"$tmp/v2.jsonl"
"$dyad" ingest -q --db "$tmp/c.db" "$tmp/v1.jsonl" 2>/dev/null
check "first version's events" "$(sql "$tmp/c.db" "SELECT group_concat(source||'>'||target, ' ') FROM (SELECT * FROM events ORDER BY id)")" "RUS>UKR FRA>RUS"
expect_status "ingest a changed document" 0 "$dyad" ingest --db "$tmp/c.db" "$tmp/v2.jsonl"
expect_grep "the changed document is reported" "0 new, 1 changed" "$tmp/err"
check "changed document: only the new events" "$(sql "$tmp/c.db" "SELECT group_concat(source||'>'||target, ' ') FROM events")" "DEU>POL"
check "changed document: one row" "$(sql "$tmp/c.db" "SELECT count(*) FROM documents")" 1
check "changed document: full-text index follows" "$("$dyad" query --db "$tmp/c.db" --text Russia | wc -l)" 0

# --- query filters and layouts ------------------------------------------
"$dyad" ingest -q --db "$tmp/q.db" tests/data/store/syndicated.jsonl "$tmp/v1.jsonl" 2>/dev/null
n_all=$("$dyad" query --db "$tmp/q.db" | wc -l)
n_copies=$("$dyad" query --db "$tmp/q.db" --copies | wc -l)
n_copy_events=$(sql "$tmp/q.db" "SELECT count(*) FROM events WHERE copy = 1")
check "copies are left out unless --copies" "$((n_copies - n_all))" "$n_copy_events"
check "--dyad RUS,UKR" "$("$dyad" query --db "$tmp/q.db" --dyad RUS,UKR --output tsv | tail -n +2 | cut -f6,7 | tr '\t\n' '> ')" "RUS>UKR "
check "--dyad UKR,RUS without --both" "$("$dyad" query --db "$tmp/q.db" --dyad UKR,RUS | wc -l)" 0
check "--dyad UKR,RUS --both" "$("$dyad" query --db "$tmp/q.db" --dyad UKR,RUS --both | wc -l)" 1
check "--actor matches by prefix" "$("$dyad" query --db "$tmp/q.db" --actor KEN --output tsv | tail -n +2 | cut -f6,7 | grep -c KEN)" \
    "$("$dyad" query --db "$tmp/q.db" --actor KEN --output tsv | tail -n +2 | wc -l)"
check "--actor KEN finds KENGOV" "$("$dyad" query --db "$tmp/q.db" --actor KEN --output tsv | cut -f6 | grep -q '^KENGOV$' && echo yes)" yes
check "--code" "$("$dyad" query --db "$tmp/q.db" --code 190 --output tsv | tail -n +2 | cut -f8 | sort -u)" "190"
check "--root" "$("$dyad" query --db "$tmp/q.db" --root 19 --output tsv | tail -n +2 | cut -f9 | sort -u)" "19"
check "--quad" "$("$dyad" query --db "$tmp/q.db" --quad 4 --output tsv | tail -n +2 | cut -f10 | sort -u)" "4"
check "--from/--to" "$("$dyad" query --db "$tmp/q.db" --from 2024-03-01 --to 2024-03-01 --output tsv | tail -n +2 | cut -f4 | sort -u)" "2024-03-01"
check "--text (FTS5)" "$("$dyad" query --db "$tmp/q.db" --text 'Garissa OR Somali' --output tsv | tail -n +2 | cut -f2 | sort -u)" "other-1"
check "--limit" "$("$dyad" query --db "$tmp/q.db" --limit 3 | wc -l)" 3
expect_status "a bad --text is an error, not a crash" 1 "$dyad" query --db "$tmp/q.db" --text '"unclosed'
expect_grep "... naming the option" "--text" "$tmp/err"
expect_status "a bad actor code" 1 "$dyad" query --db "$tmp/q.db" --actor "USA' OR 1"
# Dates are checked as dyad trend and alerts check them: a usage error.
expect_status "a bad date" 2 "$dyad" query --db "$tmp/q.db" --from 2024-13-01
expect_status "a day that does not exist" 2 "$dyad" query --db "$tmp/q.db" --to 2023-02-29
expect_status "--from after --to" 2 "$dyad" query --db "$tmp/q.db" --from 2024-02-01 --to 2024-01-01
expect_status "a bad --output" 2 "$dyad" query --db "$tmp/q.db" --output xml
expect_status "an unknown option" 2 "$dyad" query --db "$tmp/q.db" --nope
if python3 - "$tmp/q.db" "$dyad" <<'EOF'
import csv, io, subprocess, sys
out = subprocess.run([sys.argv[2], "query", "--db", sys.argv[1], "--output", "csv", "--copies"],
                     capture_output=True, check=True).stdout.decode()
rows = list(csv.reader(io.StringIO(out)))
assert rows[0][:4] == ["id", "doc", "sentence", "date"], rows[0]
assert len(rows) > 10 and all(len(r) == len(rows[0]) for r in rows), "ragged CSV"
import json
js = subprocess.run([sys.argv[2], "query", "--db", sys.argv[1], "--copies"], capture_output=True, check=True).stdout.decode()
objs = [json.loads(l) for l in js.splitlines()]
assert len(objs) == len(rows) - 1
assert [o["id"] for o in objs] == [r[0] for r in rows[1:]]
EOF
then ok; else not_ok "CSV reads back with one header and equal rows; JSON agrees"; fi

check "--count month sums to the events" "$("$dyad" query --db "$tmp/q.db" --count month --output csv | tail -n +2 | awk -F, '{s += $2} END {print s}')" \
    "$(sql "$tmp/q.db" "SELECT count(*) FROM events WHERE copy = 0 AND date IS NOT NULL")"
check "--count day with a filter" "$("$dyad" query --db "$tmp/q.db" --dyad RUS,UKR --count day --output tsv)" "$(printf 'period\tevents\n2024-03-01\t1')"
check "--count year as JSON" "$("$dyad" query --db "$tmp/q.db" --dyad RUS,UKR --count year)" '{"period":"2024","events":1}'
expect_status "--count with a layout it cannot write" 2 "$dyad" query --db "$tmp/q.db" --count month --output gdelt

# --- the full-text index of a document replaced within one transaction ----
# (its sentences wait for the commit: the replaced ones must never reach it)
printf '%s\n' '{"id":"r1","date":"2024-03-01","text":"Russian troops attacked Ukrainian soldiers in Kharkiv on Monday."}' \
    '{"id":"r2","date":"2024-03-01","text":"Israel accused Iran of plotting attacks on Tuesday."}' \
    '{"id":"r1","date":"2024-03-01","text":"Russian troops attacked Ukrainian soldiers near Odesa on Monday."}' >"$tmp/rep.jsonl"
"$dyad" ingest -q --db "$tmp/rep.db" "$tmp/rep.jsonl" 2>/dev/null
check "--text after a replacement in one batch: old words gone, new and other found" \
    "$("$dyad" query --db "$tmp/rep.db" --text Kharkiv | wc -l) $("$dyad" query --db "$tmp/rep.db" --text Odesa | wc -l) $("$dyad" query --db "$tmp/rep.db" --text Iran | wc -l)" "0 1 1"
check "... one index row per event, the index sound" \
    "$(sql "$tmp/rep.db" "SELECT (SELECT count(*) FROM event_text) = (SELECT count(*) FROM events); INSERT INTO event_text(event_text) VALUES('integrity-check');" 2>&1)" 1

# --- syndicated copies and one a day ---------------------------------------
check "copies linked to the first" "$(sql "$tmp/q.db" "SELECT group_concat(d.doc_key || '>' || f.doc_key, ' ') FROM documents d JOIN documents f ON f.id = d.copy_of")" \
    "paper-7>wire-1 paper-9>wire-1"
check "a rewrite of the story in other words is not a copy" "$(sql "$tmp/q.db" "SELECT count(*) FROM documents WHERE doc_key IN ('rewrite-1', 'other-1') AND copy_of IS NOT NULL")" 0
expect_grep "stats counts copies" "^copies:	2" "$("$dyad" stats --db "$tmp/q.db" >"$tmp/stats"; echo "$tmp/stats")"
dups=$(sql "$tmp/q.db" "SELECT count(*) FROM (SELECT source, target, code, date FROM events WHERE first_of_day = 1 GROUP BY 1,2,3,4 HAVING count(*) > 1)")
check "one a day: one first event per source, target, code, day" "$dups" 0
keys=$(sql "$tmp/q.db" "SELECT count(*) FROM (SELECT DISTINCT source, target, code, date FROM events WHERE copy = 0)")
check "one a day: every key has its first event" "$("$dyad" query --db "$tmp/q.db" --unique | wc -l)" "$keys"
printf '{"id":"x1","date":"2024-03-01","text":"Russia attacked Ukraine."}\n{"id":"x2","date":"2024-03-01","text":"Russia attacked Ukraine again."}\n' >"$tmp/day.jsonl"
"$dyad" ingest -q --db "$tmp/d.db" "$tmp/day.jsonl" 2>/dev/null
check "one a day: two reports, one unique event" "$("$dyad" query --db "$tmp/d.db" --unique --output tsv | tail -n +2 | cut -f2)" "x1"
printf '{"id":"x1","date":"2024-03-01","text":"Germany praised Poland."}\n' >"$tmp/day2.jsonl"
"$dyad" ingest -q --db "$tmp/d.db" "$tmp/day2.jsonl" 2>/dev/null
check "one a day: when the first goes, the next becomes first" "$("$dyad" query --db "$tmp/d.db" --unique --dyad RUS,UKR --output tsv | tail -n +2 | cut -f2)" "x2"

# --- bad records are skipped, named and counted -----------------------------
printf '{"id":"g1","date":"2024-03-01","text":"Russia attacked Ukraine."}\n{"id": broken\n{"id":"g2","date":"2024-03-02","text":"France criticised Russia."}\n' >"$tmp/bad.jsonl"
expect_status "a bad record gives status 1" 1 "$dyad" ingest --db "$tmp/b.db" "$tmp/bad.jsonl"
expect_grep "the bad record is named with file and line" "bad.jsonl:2: error" "$tmp/err"
check "the good records are stored" "$(sql "$tmp/b.db" "SELECT count(*) FROM documents")" 2
check "the run counts the skipped record" "$(sql "$tmp/b.db" "SELECT docs_skipped FROM runs")" 1

# --- foreign and damaged files are refused untouched -------------------------
printf 'not a database at all\n' >"$tmp/text.db"
cp "$tmp/text.db" "$tmp/text.orig"
expect_status "a text file as the store" 1 "$dyad" ingest --db "$tmp/text.db" "$art"
expect_grep "... is named as not a store" "not a dyad store" "$tmp/err"
if cmp -s "$tmp/text.db" "$tmp/text.orig" && [ ! -e "$tmp/text.db-wal" ]; then ok; else not_ok "a text file was modified"; fi
sql "$tmp/other.db" "CREATE TABLE t(a); INSERT INTO t VALUES(1);"
cp "$tmp/other.db" "$tmp/other.orig"
expect_status "another program's SQLite file" 1 "$dyad" ingest --db "$tmp/other.db" "$art"
expect_grep "... is named as another program's" "another program" "$tmp/err"
if cmp -s "$tmp/other.db" "$tmp/other.orig"; then ok; else not_ok "another program's database was modified"; fi
expect_status "query of a missing store" 1 "$dyad" query --db "$tmp/missing.db"
expect_grep "... says so" "no such store" "$tmp/err"
if [ ! -e "$tmp/missing.db" ]; then ok; else not_ok "query created a store"; fi
# damage: overwrite the pages after the header with garbage
cp "$db" "$tmp/bad.db"
sql "$tmp/bad.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
python3 -c '
import sys
with open(sys.argv[1], "r+b") as f:
    f.seek(4096); f.write(b"\xa5" * 16384)
' "$tmp/bad.db"
cp "$tmp/bad.db" "$tmp/bad.orig"
"$dyad" query --db "$tmp/bad.db" >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] || [ $rc -eq 0 ]; then ok; else not_ok "damaged store: status $rc (a crash?)"; fi
"$dyad" ingest --db "$tmp/bad.db" "$tmp/v1.jsonl" >/dev/null 2>"$tmp/err"
rc=$?
check "damaged store: ingest fails" "$rc" 1
expect_grep "... saying the file is damaged" "damaged|malformed|not a database" "$tmp/err"

# --- a second writer waits; readers are never blocked -----------------------
# the sqlite3 shell holds the write lock for 2 s
printf "BEGIN IMMEDIATE;\nINSERT INTO runs(command, dyad_version, started) VALUES('lock', 'x', 'now');\n.system sleep 2\nCOMMIT;\n" |
    sql "$tmp/c.db" >/dev/null 2>&1 &
bg=$!
sleep 0.3
start=$(date +%s%N)
expect_status "a reader while another process writes" 0 "$dyad" query --db "$tmp/c.db"
took=$((($(date +%s%N) - start) / 1000000))
if [ "$took" -lt 1500 ]; then ok; else not_ok "the reader waited ${took} ms for the writer"; fi
start=$(date +%s%N)
expect_status "a second writer waits, then writes" 0 "$dyad" ingest --db "$tmp/c.db" "$tmp/day.jsonl"
took=$((($(date +%s%N) - start) / 1000000))
if [ "$took" -ge 1000 ]; then ok; else not_ok "the second writer did not wait (${took} ms)"; fi
wait "$bg" 2>/dev/null
bg=""

# --- kill -9 during a long ingest, then the same ingest again ----------------
if [ -x "$shared/bench/replicate" ] || [ -f "$shared/bench/replicate" ]; then
    sh "$shared/bench/replicate" 1000 >"$tmp/long.txt"
    "$dyad" ingest -q --db "$tmp/ref.db" "$tmp/long.txt" 2>/dev/null
    "$dyad" ingest -q --db "$tmp/k.db" "$tmp/long.txt" 2>/dev/null &
    bg=$!
    # kill once some batches are committed, well before the end
    i=0
    while [ $i -lt 200 ]; do
        n=$(sql "$tmp/k.db" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
        [ "${n:-0}" -ge 1000 ] && break
        sleep 0.05
        i=$((i + 1))
    done
    kill -9 "$bg" 2>/dev/null
    wait "$bg" 2>/dev/null
    bg=""
    total=$(sql "$tmp/ref.db" "SELECT count(*) FROM documents")
    part=$(sql "$tmp/k.db" "SELECT count(*) FROM documents")
    if [ "$part" -gt 0 ] && [ "$part" -lt "$total" ]; then ok; else not_ok "kill -9: killed with $part of $total documents stored (not mid-way)"; fi
    check "kill -9: the killed run never ended" "$(sql "$tmp/k.db" "SELECT count(*) FROM runs WHERE ended IS NULL")" 1
    expect_status "kill -9: the same ingest again" 0 "$dyad" ingest --db "$tmp/k.db" "$tmp/long.txt"
    check "kill -9: exact document count" "$(sql "$tmp/k.db" "SELECT count(*) FROM documents")" "$total"
    check "kill -9: exact event count" "$(sql "$tmp/k.db" "SELECT count(*) FROM events")" "$(sql "$tmp/ref.db" "SELECT count(*) FROM events")"
    check "kill -9: no event twice" "$(sql "$tmp/k.db" "SELECT count(*) FROM (SELECT doc, eid FROM events GROUP BY doc, eid HAVING count(*) > 1)")" 0
    sql "$tmp/ref.db" "SELECT d.doc_key, e.eid FROM events e JOIN documents d ON d.id = e.doc ORDER BY 1, 2" >"$tmp/ref.ids"
    sql "$tmp/k.db" "SELECT d.doc_key, e.eid FROM events e JOIN documents d ON d.id = e.doc ORDER BY 1, 2" >"$tmp/k.ids"
    if cmp -s "$tmp/ref.ids" "$tmp/k.ids"; then ok; else not_ok "kill -9: the events differ from an uninterrupted ingest"; fi
    check "kill -9: one-a-day flags as uninterrupted" "$(sql "$tmp/k.db" "SELECT count(*) FROM events WHERE first_of_day = 1")" \
        "$(sql "$tmp/ref.db" "SELECT count(*) FROM events WHERE first_of_day = 1")"
    check "kill -9: integrity" "$(sql "$tmp/k.db" "PRAGMA integrity_check")" ok
else
    not_ok "kill -9: $shared/bench/replicate not found"
fi

# --- inputs: gzip, field names, stdin as it arrives -----------------------------
gzip -c tests/data/store/syndicated.jsonl >"$tmp/syn.jsonl.gz"
"$dyad" code tests/data/store/syndicated.jsonl >"$tmp/plain.events" 2>/dev/null
"$dyad" code "$tmp/syn.jsonl.gz" >"$tmp/gz.events" 2>/dev/null
if [ -s "$tmp/plain.events" ] && cmp -s "$tmp/plain.events" "$tmp/gz.events"; then ok; else not_ok "a .gz input codes as the plain file"; fi
expect_status "ingest a .gz input" 0 "$dyad" ingest --db "$tmp/gz.db" "$tmp/syn.jsonl.gz"
check "... all its documents" "$(sql "$tmp/gz.db" "SELECT count(*) FROM documents")" 5
head -c 600 "$tmp/syn.jsonl.gz" >"$tmp/cut.gz"
expect_status "a truncated .gz: status 1" 1 "$dyad" code "$tmp/cut.gz"
expect_grep "... named as damaged, with the file" "cut.gz:[0-9]+: error: gzip data (ends in the middle|is corrupt)" "$tmp/err"
printf '{"url":"https://x.example/1","content":"Russia attacked Ukraine.","published":"2024-02-03"}\n' >"$tmp/scraped.jsonl"
expect_status "ingest with --text-field --date-field --id-field" 0 "$dyad" ingest --db "$tmp/f.db" \
    --text-field content --date-field published --id-field url "$tmp/scraped.jsonl"
check "... fields read from the mapped keys" "$(sql "$tmp/f.db" "SELECT d.doc_key || ' ' || e.date || ' ' || e.source || ' ' || e.target FROM events e JOIN documents d ON d.id = e.doc")" \
    "https://x.example/1 20240203 RUS UKR"
expect_status "code with the same field options" 0 "$dyad" code -q \
    --text-field content --date-field published --id-field url "$tmp/scraped.jsonl"
expect_grep "... the same event, its document named by the mapped id" \
    '"doc":"https://x.example/1".*"date":"2024-02-03".*"source":"RUS","target":"UKR"' "$tmp/out"
# stdin: the first document's events come out before the second arrives
(printf '{"id":"s1","date":"2024-01-01","text":"Russia attacked Ukraine."}\n'; sleep 4
 printf '{"id":"s2","date":"2024-01-01","text":"France criticised Russia."}\n') |
    "$dyad" code -q | while read -r line; do date +%s; done >"$tmp/times"
t1=$(sed -n 1p "$tmp/times"); t2=$(sed -n 2p "$tmp/times")
if [ -n "$t1" ] && [ -n "$t2" ] && [ $((t2 - t1)) -ge 2 ]; then ok; else not_ok "stdin: the first document's events waited for the next (at $t1 and $t2)"; fi

# --- dyad recode ------------------------------------------------------------------
cp "$db" "$tmp/r.db"
sql "$tmp/r.db" "SELECT eid FROM events ORDER BY eid" >"$tmp/r.before"
tabari=$shared/peers/tabari
if [ -f "$tabari/CAMEO.091003.master.verbs" ]; then
    expect_status "recode with TABARI's dictionaries (status 1: their malformed lines)" 1 "$dyad" recode --db "$tmp/r.db" --no-default-dict \
        --verbs "$tabari/CAMEO.091003.master.verbs" --actors "$tabari/CountryInfo.120116.actors" -q
    sql "$tmp/r.db" "SELECT eid FROM events ORDER BY eid" >"$tmp/r.tabari"
    if ! cmp -s "$tmp/r.before" "$tmp/r.tabari"; then ok; else not_ok "recode with other dictionaries changed nothing"; fi
    check "recode is recorded with its dictionaries" "$(sql "$tmp/r.db" "SELECT command || ' ' || (dict_id LIKE '%CAMEO.091003%') FROM runs ORDER BY id DESC LIMIT 1")" "recode 1"
fi
expect_status "recode with the built-in dictionaries" 0 "$dyad" recode --db "$tmp/r.db"
sql "$tmp/r.db" "SELECT eid FROM events ORDER BY eid" >"$tmp/r.after"
if cmp -s "$tmp/r.before" "$tmp/r.after"; then ok; else not_ok "recode with the same dictionaries changed the events"; fi
check "recode keeps one document" "$(sql "$tmp/r.db" "SELECT count(*) FROM documents")" 1
expect_status "recode takes no inputs" 2 "$dyad" recode --db "$tmp/r.db" "$art"

# --- dyad import ------------------------------------------------------------------
expect_status "import GDELT: a bad row gives status 1" 1 "$dyad" import --db "$tmp/i.db" --format gdelt tests/data/store/gdelt2.tsv
expect_grep "... named with file and line" "gdelt2.tsv:3: error: not a GDELT event row" "$tmp/err"
expect_grep "... and counted" "4 row\(s\) read, 2 event\(s\) stored, 2 row\(s\) skipped" "$tmp/err"
expect_status "import Phoenix" 0 "$dyad" import --db "$tmp/i.db" --format phoenix tests/data/store/phoenix.tsv
"$dyad" code "$art" >"$tmp/ev.jsonl" 2>/dev/null
gzip -c "$tmp/ev.jsonl" >"$tmp/ev.jsonl.gz"
expect_status "import dyad's JSON Lines, gzip-compressed" 0 "$dyad" import --db "$tmp/i.db" --format jsonl "$tmp/ev.jsonl.gz"
expect_status "the same import again" 0 "$dyad" import --db "$tmp/i.db" --format jsonl "$tmp/ev.jsonl.gz"
expect_grep "... is unchanged" "1 unchanged" "$tmp/err"
check "imports are marked with their origin" "$(sql "$tmp/i.db" "SELECT group_concat(o || '=' || n, ' ') FROM (SELECT d.origin o, count(*) n FROM events e JOIN documents d ON d.id = e.doc GROUP BY 1 ORDER BY 1)")" \
    "gdelt=2 jsonl=$(wc -l <"$tmp/ev.jsonl") phoenix=3"
check "GDELT: its ids, codes and places kept" "$("$dyad" query --db "$tmp/i.db" --dyad RUS,UKR --output tsv | tail -n +2 | cut -f8,11,17,31,34)" \
    "190	-10.0	Kharkiv, Kharkivs'ka Oblast', Ukraine	https://n.example/1	1000001"
check "GDELT: the FIPS country (UP) read back as ISO (UKR), written out as FIPS again" \
    "$("$dyad" query --db "$tmp/i.db" --dyad RUS,UKR --output tsv | tail -n +2 | cut -f18) $("$dyad" query --db "$tmp/i.db" --dyad RUS,UKR --output gdelt | cut -f54)" \
    "UKR UP"
check "Phoenix: quad from the root, first URL" "$("$dyad" query --db "$tmp/i.db" --actor ISRMIL --output tsv | tail -n +2 | cut -f10,18,31)" \
    "4	PSE	https://p.example/1"
ids_import=$("$dyad" query --db "$tmp/i.db" --output tsv | tail -n +2 | grep '	jsonl	' | cut -f1 | sort | tr '\n' ' ')
check "dyad's ids survive the round trip" "$ids_import" "$ids_code"
expect_status "import ICEWS: a bad row gives status 1" 1 "$dyad" import --db "$tmp/ic.db" --format icews tests/data/store/icews.tsv
expect_grep "... named with file and line" "icews.tsv:5: error: not an ICEWS event row" "$tmp/err"
check "ICEWS: actors by country and sector, lost zeros restored, unknown countries uncoded but named" \
    "$("$dyad" query --db "$tmp/ic.db" --output tsv | tail -n +2 | cut -f6,7,8,13 | tr '\t\n' '|;')" \
    "KENCOP|KENCVL|173|Police (Kenya);RUSGOV|UKRGOV|010|Vladimir Putin;|KORMIL|190|Some Militia;"
check "ICEWS: intensity is the Goldstein score, the place kept" "$("$dyad" query --db "$tmp/ic.db" --code 173 --output tsv | tail -n +2 | cut -f11,17,18,34)" \
    "-5.0	Nairobi	KEN	9000001"
expect_status "import: unknown format" 2 "$dyad" import --db "$tmp/i.db" --format acled "$art"

# --- layouts of other coders ----------------------------------------------------------
"$dyad" code "$art" --output gdelt 2>/dev/null | cut -f2-25,27-57 | sort >"$tmp/g.code"
"$dyad" query --db "$db" --output gdelt | cut -f2-25,27-57 | sort >"$tmp/g.query"
if [ -s "$tmp/g.code" ] && cmp -s "$tmp/g.code" "$tmp/g.query"; then ok; else not_ok "query --output gdelt differs from dyad code --output gdelt"; diff "$tmp/g.code" "$tmp/g.query" | head -5; fi
check "gdelt: ActionGeo_CountryCode and ADM1Code are FIPS 10-4 (South Korea KS, not ISO KR)" \
    "$("$dyad" query --db "$db" --actor KORGOV --output gdelt | cut -f52,54,55 | sort -u)" "4	KS	KS"
check "csv: COW and Gleditsch-Ward numbers of the actors' countries, appended" \
    "$("$dyad" query --db "$db" --dyad USA,PRK --output csv | sed -n '1p;2p' | cut -d, -f1,6,7,35-)" \
    "$(printf 'id,source,target,source_cow,source_gw,target_cow,target_gw\n%s,USA,PRK,2,2,731,731' \
        "$("$dyad" query --db "$db" --dyad USA,PRK --output tsv | sed -n 2p | cut -f1)")"
"$dyad" code "$art" --output plover 2>/dev/null | sort >"$tmp/p.code"
"$dyad" query --db "$db" --output plover | sort >"$tmp/p.query"
if [ -s "$tmp/p.code" ] && cmp -s "$tmp/p.code" "$tmp/p.query"; then ok; else not_ok "query --output plover differs from dyad code --output plover"; diff "$tmp/p.code" "$tmp/p.query" | head -5; fi
check "query --output gdelt: 61 columns" "$("$dyad" query --db "$db" --output gdelt | awk -F '\t' '{print NF}' | sort -u)" 61
check "query --output phoenix: 26 columns" "$("$dyad" query --db "$tmp/i.db" --output phoenix | awk -F '\t' '{print NF}' | sort -u)" 26
check "phoenix: actor blocks, Phoenix's quad of root 19" "$("$dyad" query --db "$tmp/i.db" --actor ISRMIL --output phoenix | cut -f6-8,15,16,23)" \
    "ISRMIL	ISR	MIL	19	4	PSE"
# PLOVER: the manual's required fields on every record, actors split into
# code and sector, type, mode and context through CAMEO2PLOVER, PLOVER's
# own quad numbering, and no records for CAMEO 01 and 02
if python3 - "$dyad" "$db" "$tmp/i.db" <<'EOF'
import json, subprocess, sys
dyad, db, idb = sys.argv[1:4]
def q(d, *a):
    return subprocess.run([dyad, "query", "--db", d, *a], capture_output=True, check=True).stdout.decode()
recs = [json.loads(l) for l in q(db, "--output", "plover").splitlines()]
assert recs and all({"id", "date", "source", "event"} <= r.keys() for r in recs), recs[:1]
assert len(recs) == len(q(db).splitlines()), "an event of a PLOVER type went missing"
assert any(r.get("context") == ["diplomatic"] for r in recs), "no context from CAMEO2PLOVER"
k = [r for r in recs if r["source"][0].get("sector") == "GOV" and r["source"][0]["code"] == "KOR"]
assert k and k[0]["event"] == ["CONSULT"] and k[0]["quad_code"] == 1, k
assert k[0]["event_loc"]["cc3"] == "KOR" and k[0]["event_loc"]["country code"] == "KR", k
i = [json.loads(l) for l in q(idb, "--actor", "ISRMIL", "--output", "plover").splitlines()]
assert [(r["source"][0]["code"], r["source"][0]["sector"], r["event"], r.get("context"), r["quad_code"], r["cameo"]) for r in i] \
    == [("ISR", "MIL", ["ASSAULT"], ["military"], 4, "190")], i
assert not q(idb, "--code", "010", "--output", "plover") and q(idb, "--code", "010"), "a statement became a PLOVER record"
EOF
then ok; else not_ok "query --output plover"; fi
check "phoenix: statements are quad 0 (GDELT's 1)" "$("$dyad" query --db "$tmp/i.db" --code 010 --output phoenix | cut -f16) $("$dyad" query --db "$tmp/i.db" --code 010 --output tsv | tail -n +2 | cut -f10)" "0 1"

# stdin into the store: the first document is queryable before the second arrives
(printf '{"id":"s1","date":"2024-01-01","text":"Russia attacked Ukraine."}\n'; sleep 5
 printf '{"id":"s2","date":"2024-01-01","text":"France criticised Russia."}\n') |
    "$dyad" ingest -q --db "$tmp/pipe.db" &
bg=$!
seen=""
i=0
while [ $i -lt 40 ] && [ -z "$seen" ]; do
    seen=$("$dyad" query --db "$tmp/pipe.db" --output tsv 2>/dev/null | tail -n +2 | cut -f2 | tr '\n' ' ')
    sleep 0.1
    i=$((i + 1))
done
check "stdin: a document is stored as soon as it is read" "$seen" "s1 "
wait "$bg"
bg=""
check "stdin: then the next" "$(sql "$tmp/pipe.db" "SELECT count(*) FROM documents")" 2

# --- the roll-up at each commit ------------------------------------------------------
# A writer adds its events' day and month rows to the roll-up at the
# commit: the roll-up must equal the events, also when a document is
# replaced twice in one transaction (its first events never reach the
# roll-up) and when events stored before were not folded (the commit then
# folds from the events).
rollup_diff() { # DB: rows of the roll-up that differ from the events, both ways
    sql "$1" "
      CREATE TEMP VIEW d AS SELECT coalesce(source, '') s, coalesce(target, '') t, date d, coalesce(code, '') c,
        sum(copy = 0) e, sum(copy <> 0) k FROM events WHERE date > 0 GROUP BY 1, 2, 3, 4;
      CREATE TEMP VIEW m AS SELECT s, t, d / 100 d, c, sum(e) e, sum(k) k FROM d GROUP BY 1, 2, 3, 4;
      SELECT (SELECT count(*) FROM (SELECT * FROM d EXCEPT SELECT * FROM event_days))
           + (SELECT count(*) FROM (SELECT * FROM event_days EXCEPT SELECT * FROM d))
           + (SELECT count(*) FROM (SELECT * FROM m EXCEPT SELECT * FROM event_months))
           + (SELECT count(*) FROM (SELECT * FROM event_months EXCEPT SELECT * FROM m))
           + (SELECT hwm <> (SELECT max(id) FROM events) FROM rollup_state);"
}
cat >"$tmp/twice.jsonl" <<'EOF'
{"id": "r1", "date": "2022-03-01", "text": "Russia accused Ukraine of shelling Donetsk."}
{"id": "r2", "date": "2022-03-02", "text": "France praised Germany for its aid to Ukraine."}
{"id": "r1", "date": "2022-03-01", "text": "Russia praised Ukraine for the prisoner exchange."}
{"id": "r3", "date": "2022-04-05", "text": "Ukraine accused Russia of shelling Kharkiv."}
{"id": "r1", "date": "2022-03-03", "text": "Russia threatened Ukraine with new strikes."}
EOF
"$dyad" ingest -q --db "$tmp/roll.db" "$tmp/twice.jsonl" 2>/dev/null
check "roll-up: a document replaced twice in one transaction stored once" \
    "$(sql "$tmp/roll.db" "SELECT count(*) FROM documents")" 3
check "roll-up: ... and the roll-up equals the events at the commit" "$(rollup_diff "$tmp/roll.db")" 0
check "roll-up: ... of the last text only" \
    "$(sql "$tmp/roll.db" "SELECT count(*) FROM event_days WHERE date = 20220303 AND events > 0")/$(sql "$tmp/roll.db" "SELECT count(*) FROM event_days WHERE date = 20220301")" "1/0"
# events past the mark (a fold that never ran), then a writer stores more
sql "$tmp/roll.db" "DELETE FROM event_days; DELETE FROM event_months;
  INSERT INTO event_days SELECT coalesce(source, ''), coalesce(target, ''), date, coalesce(code, ''), sum(copy = 0),
    sum(copy <> 0) FROM events WHERE date > 0 AND id <= 2 GROUP BY 1, 2, 3, 4;
  INSERT INTO event_months SELECT source, target, date / 100, code, sum(events), sum(copies) FROM event_days
    GROUP BY 1, 2, 3, 4;
  UPDATE rollup_state SET hwm = 2"
check "roll-up: (the test's events past the mark)" "$(rollup_diff "$tmp/roll.db")" 5
printf '%s\n' '{"id": "r4", "date": "2022-05-01", "text": "Germany criticized Russia over the strikes."}' >"$tmp/more.jsonl"
"$dyad" ingest -q --db "$tmp/roll.db" "$tmp/more.jsonl" 2>/dev/null
check "roll-up: events not folded before a transaction are folded at its commit" "$(rollup_diff "$tmp/roll.db")" 0

# --- stats and help -------------------------------------------------------------
expect_status "stats" 0 "$dyad" stats --db "$db" --top 3
expect_grep "stats: documents" "^documents:	1$" "$tmp/out"
expect_status "ingest --help" 0 "$dyad" ingest --help
expect_status "query --help" 0 "$dyad" query --help
DYAD_DB=$db expect_status "DYAD_DB names the store" 0 "$dyad" stats
expect_grep "... the same store" "^documents:	1$" "$tmp/out"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
