#!/bin/sh
# tests/trends.sh -- dyad trend and dyad alerts through the command line:
# the demo corpus (examples/demo/dispatches.jsonl) ingested into a
# temporary store, its RUS-UKR series and the alerts of every dyad; the
# CSV a reader takes as it is; the SVG chart rendered by rsvg-convert; usage
# and write errors.  Ends with "N passed, N failed".
#
#   sh tests/trends.sh [build/dyad]
set -u
dyad=${1:-build/dyad}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }

demo=examples/demo/dispatches.jsonl
db=$tmp/demo.db
if [ ! -s "$demo" ]; then
    fail "the demo corpus $demo is missing"
    echo "$passed passed, $failed failed"
    exit 1
fi
"$dyad" ingest -q --db "$db" "$demo"
check "the demo corpus is ingested" test -s "$db"

# ---- dyad trend ---------------------------------------------------------------
"$dyad" trend --db "$db" --dyad RUS,UKR --both --by day --from 2021-11-01 --to 2022-03-31 >"$tmp/day.csv"
check "trend exits 0" test $? -eq 0
# every day of the range, one row each, the same columns in every row
python3 - "$tmp/day.csv" >"$tmp/py.out" 2>&1 <<'EOF'
import csv, sys, datetime
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
days = [r["start"] for r in rows]
want = [(datetime.date(2021, 11, 1) + datetime.timedelta(d)).isoformat() for d in range(151)]
assert days == want, (len(days), days[:3])
for r in rows:
    q = [int(r["quad%d" % i]) for i in range(1, 5)]
    roots = sum(int(r["root%02d" % i]) for i in range(1, 21))
    assert sum(q) == int(r["events"]) == roots, r
    assert int(r["net_cooperation"]) == q[0] + q[1] - q[2] - q[3], r
    if int(r["events"]):
        assert abs(float(r["conflict_share"]) - (q[2] + q[3]) / sum(q)) < 1e-3, r
assert sum(1 for r in rows if r["events"] == "0") > 50   # empty days are there, with zeros
print("ok")
EOF
check "trend --by day: every day of the range, counts that add up (python csv)" grep -qx ok "$tmp/py.out"

# The run-up: the conflict share of RUS-UKR in Nov-Dec 2021 against the
# weeks from January to the eve of the invasion (2022-02-23), and the last
# of those weeks against January alone, so that the rise is a rise and not
# one burst
share() {
    "$dyad" trend --db "$db" --dyad RUS,UKR --both --by day --from "$1" --to "$2" |
        awk -F, 'NR > 1 { n += $4; c += $7 + $8 } END { if (n) printf "%.3f %d\n", c / n, n; else print "0 0" }'
}
early=$(share 2021-11-01 2021-12-31)
late=$(share 2022-01-01 2022-02-23)
jan=$(share 2022-01-01 2022-01-31)
eve=$(share 2022-02-01 2022-02-23)
echo "     RUS-UKR conflict share: Nov-Dec 2021 $early, 1 Jan-23 Feb 2022 $late, January $jan, 1-23 Feb $eve (share, events)"
check "the RUS-UKR conflict share rises from Nov-Dec 2021 to the eve of the invasion" \
    awk -v a="${early% *}" -v b="${late% *}" 'BEGIN { exit !(b > a) }'
check "... and February's run-up is more conflictual than January" \
    awk -v a="${jan% *}" -v b="${eve% *}" 'BEGIN { exit !(b > a) }'
"$dyad" trend --db "$db" --dyad RUS,UKR --both --by month --output json >"$tmp/month.jsonl"
python3 - "$tmp/month.jsonl" >"$tmp/py.out" 2>&1 <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [r["start"][:7] for r in rows] == ["2021-11", "2021-12", "2022-01", "2022-02", "2022-03"], rows
assert rows[4]["quad"][3] > rows[0]["quad"][3]         # material conflict in March
assert rows[4]["goldstein_mean"] < rows[0]["goldstein_mean"]
print("ok")
EOF
check "trend --by month --output json: five months, March more violent than November" grep -qx ok "$tmp/py.out"
"$dyad" trend --db "$db" --actor RUS --by week --from 2022-02-01 --to 2022-02-28 >"$tmp/week.csv"
check "trend --actor --by week: ISO weeks from Monday 2022-01-31" \
    sh -c "sed -n 2p '$tmp/week.csv' | grep -q '^week,2022-01-31,2022-02-06,'"
n=$("$dyad" trend --db "$db" --actor RUS --unique | awk -F, 'NR > 1 { n += $4 } END { print n }')
m=$("$dyad" trend --db "$db" --actor RUS | awk -F, 'NR > 1 { n += $4 } END { print n }')
check "trend --unique counts no more than all events ($n <= $m)" test "$n" -le "$m" -a "$n" -gt 0

# ---- dyad alerts ----------------------------------------------------------------
"$dyad" alerts --db "$db" --output json >"$tmp/alerts.jsonl"
check "alerts exits 0" test $? -eq 0
"$dyad" alerts --db "$db" >"$tmp/alerts.txt"
sed 's/^/     /' "$tmp/alerts.txt" | head -n 30
python3 - "$tmp/alerts.jsonl" >"$tmp/py.out" 2>&1 <<'EOF'
import json, sys, datetime
alerts = [json.loads(l) for l in open(sys.argv[1])]
day = lambda s: datetime.date.fromisoformat(s)
war = [a for a in alerts if (a["a"], a["b"]) == ("RUS", "UKR") and a["direction"] == "escalation"
       and abs((day(a["start"]) - datetime.date(2022, 2, 24)).days) <= 2]
assert war, "no RUS-UKR escalation starting within 2 days of 2022-02-24: %r" % alerts
a = war[0]
assert a["evidence"], a
assert all(e["sentence"] for e in a["evidence"]), a["evidence"]
assert all(len(e["id"]) == 16 for e in a["evidence"]), a["evidence"]
assert a["confidence"] > 0.9 and a["share"] > a["baseline_share"], a
print("ok", a["start"], a["alarm"], a["kind"])
EOF
check "alerts: a RUS-UKR escalation starting within 2 days of 2022-02-24, with evidence sentences" \
    grep -q '^ok' "$tmp/py.out"
cat "$tmp/py.out" | sed 's/^/     /'
# calm pairs with enough events: EU-USA and UKR-USA worked together throughout
for pair in "IGOEUREEC USA" "UKR USA"; do
    a=${pair% *}
    b=${pair#* }
    events=$("$dyad" trend --db "$db" --dyad "$a,$b" --both | awk -F, 'NR > 1 { n += $4 } END { print n }')
    check "alerts: none for the calm pair $a-$b ($events events)" \
        sh -c "test '$events' -ge 10 && ! grep -q '\"a\":\"$a\",\"b\":\"$b\"' '$tmp/alerts.jsonl'"
done
"$dyad" alerts --db "$db" --output csv >"$tmp/alerts.csv"
check "alerts --output csv: a header and one row per alert" \
    test "$(($(wc -l <"$tmp/alerts.csv") - 1))" -eq "$(wc -l <"$tmp/alerts.jsonl")"
"$dyad" alerts --db "$db" --from 2022-03-01 --output json >"$tmp/march.jsonl"
check "alerts --from: no alarm before it" \
    sh -c "! grep -q '\"alarm\":\"2022-0[12]' '$tmp/march.jsonl'"
"$dyad" alerts --db "$db" --threshold 1000 >"$tmp/none.txt"
check "alerts --threshold 1000: no alerts" grep -q '^no alerts' "$tmp/none.txt"

# imported rows may carry actor codes the store cannot be queried by
printf '%s\n' '{"id":"00000000000000a1","doc":"x","sentence":0,"date":"2022-01-05","source":"usa-gov","target":"RUS","code":"190"}' \
    '{"id":"00000000000000a2","doc":"x","sentence":0,"date":"2022-01-06","source":"USA","target":"RUS","code":"042"}' >"$tmp/odd.jsonl"
"$dyad" import -q --db "$tmp/odd.db" --format jsonl "$tmp/odd.jsonl"
"$dyad" alerts --db "$tmp/odd.db" >"$tmp/odd.txt" 2>&1
check "alerts: a foreign actor code is left out, not an error" \
    sh -c "test $? -eq 0 && grep -q '^no alerts (1 dyads, 1 events)' '$tmp/odd.txt'"

# ---- the chart ------------------------------------------------------------------
"$dyad" trend --db "$db" --dyad RUS,UKR --both --by week --svg "$tmp/rus-ukr.svg" >/dev/null
"$dyad" trend --db "$db" --dyad RUS,UKR --svg "$tmp/no-such-dir/x.svg" >"$tmp/svg.out" 2>"$tmp/svg.err"
check "trend --svg into a missing folder: status 1, the path named, no CSV on standard output" \
    sh -c "test $? -eq 1 && grep -q 'no-such-dir/x.svg' '$tmp/svg.err' && ! test -s '$tmp/svg.out'"
check "trend --svg writes an SVG" grep -q '<svg xmlns="http://www.w3.org/2000/svg" width="960" height="520"' "$tmp/rus-ukr.svg"
check "the chart marks the alert and has a legend" \
    sh -c "grep -q 'RUS-UKR: escalation of material conflict from 2022-02-2' '$tmp/rus-ukr.svg' && grep -q 'material conflict</text>' '$tmp/rus-ukr.svg'"
python3 - "$tmp/rus-ukr.svg" >"$tmp/py.out" 2>&1 <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = "{http://www.w3.org/2000/svg}"
colors = {"#9ad39a", "#2e8b57", "#f4a261", "#c0392b"}
bars = [r for r in root.iter(ns + "rect") if r.get("fill") in colors and float(r.get("height")) > 0]
assert len(bars) > 20, len(bars)                       # the stacked quads of 21 weeks
assert any(p.get("stroke") == "#1f4e9c" for p in root.iter(ns + "polyline"))   # the Goldstein line
texts = [t.text or "" for t in root.iter(ns + "text")]
assert any(t.startswith("2022-02-") for t in texts), texts   # dated ticks
assert "mean Goldstein score" in texts and "events per week" in texts
print("ok")
EOF
check "the chart is well-formed XML with bars, the Goldstein line, dated axes" grep -qx ok "$tmp/py.out"
if command -v rsvg-convert >/dev/null 2>&1; then
    rsvg-convert -o "$tmp/rus-ukr.png" "$tmp/rus-ukr.svg" 2>"$tmp/rsvg.err"
    size=$(python3 -c "
import struct, sys
d = open(sys.argv[1], 'rb').read()
assert d[:8] == b'\x89PNG\r\n\x1a\n'
print('%dx%d %d' % (struct.unpack('>II', d[16:24]) + (len(d),)))" "$tmp/rus-ukr.png" 2>/dev/null)
    echo "     rendered: $size"
    check "rsvg-convert renders the chart to a 960x520 PNG" \
        sh -c "test '${size% *}' = 960x520 && test '${size#* }' -gt 10000 && ! test -s '$tmp/rsvg.err'"
else
    fail "rsvg-convert is not installed (Debian: librsvg2-bin; ./setup.sh installs it)"
fi

# ---- the roll-up ----------------------------------------------------------------
# dyad trend and dyad alerts read the counts the store keeps per source,
# target, day (month) and code (event_days, event_months): they must answer
# as the events do after documents are replaced or recoded, before a writer
# has folded the newest events in, and after a store of schema 4 is
# upgraded; and the roll-up must equal the events it covers.
answers() { # DB OUT: trend in the layouts the roll-up serves, and the alerts
    for args in "--dyad RUS,UKR --both --by day" "--dyad RUS,UKR --both --by month --from 2021-12-15 --to 2022-02-20" \
                "--dyad RUS,UKR --by month" "--actor RUS --by week --unique" "--actor UKR --by month --copies" \
                "--dyad USA,RUS --both --by week --from 2022-01-01"; do
        # shellcheck disable=SC2086
        "$dyad" trend --db "$1" $args || echo "trend $args failed"
    done >"$2" 2>&1
    "$dyad" alerts --db "$1" --evidence 0 --output csv >>"$2" 2>&1 || echo "alerts failed" >>"$2"
}
stale() { # DB: roll-up rows that differ from the events up to its mark, both ways
    sqlite3 "$1" "
      CREATE TEMP VIEW d AS SELECT coalesce(source, '') s, coalesce(target, '') t, date d, coalesce(code, '') c,
        sum(copy = 0) e, sum(copy <> 0) k FROM events WHERE date > 0 AND id <= (SELECT hwm FROM rollup_state)
        GROUP BY 1, 2, 3, 4;
      CREATE TEMP VIEW m AS SELECT s, t, d / 100 d, c, sum(e) e, sum(k) k FROM d GROUP BY 1, 2, 3, 4;
      SELECT (SELECT count(*) FROM (SELECT * FROM d EXCEPT SELECT * FROM event_days))
           + (SELECT count(*) FROM (SELECT * FROM event_days EXCEPT SELECT * FROM d))
           + (SELECT count(*) FROM (SELECT * FROM m EXCEPT SELECT * FROM event_months))
           + (SELECT count(*) FROM (SELECT * FROM event_months EXCEPT SELECT * FROM m));"
}
answers "$db" "$tmp/orig.out"
check "roll-up: the demo store's roll-up equals its events" test "$(stale "$db")" = 0
check "roll-up: it covers every event after ingest" \
    test "$(sqlite3 "$db" "SELECT hwm = (SELECT max(id) FROM events) FROM rollup_state")" = 1
# three documents rewritten, the last stored among them (its row ids are
# the highest, which SQLite gives out again once they are deleted)
python3 - "$demo" "$tmp/changed.jsonl" "$tmp/corpus2.jsonl" <<'EOF'
import json, sys
new = {"demo-0099": "Ukraine and Russia agreed to exchange prisoners on Saturday.",
       "demo-0113": "Russia praised Ukraine. Russia and Ukraine agreed to hold talks in Minsk.",
       "demo-0170": "Ukraine accused Russia of shelling Mariupol."}
rows = [json.loads(l) for l in open(sys.argv[1])]
with open(sys.argv[2], "w") as changed, open(sys.argv[3], "w") as whole:
    for r in rows:
        if r["id"] in new:
            r["text"] = new[r["id"]]
            changed.write(json.dumps(r) + "\n")
        whole.write(json.dumps(r) + "\n")
EOF
cp "$db" "$tmp/r.db"
"$dyad" ingest -q --db "$tmp/r.db" "$tmp/changed.jsonl"
"$dyad" ingest -q --db "$tmp/fresh.db" "$tmp/corpus2.jsonl"
answers "$tmp/r.db" "$tmp/r.out"
answers "$tmp/fresh.db" "$tmp/fresh.out"
check "roll-up: replaced documents change the answers" sh -c "! cmp -s '$tmp/orig.out' '$tmp/r.out'"
check "roll-up: ... to those of a store that never held the old texts" cmp -s "$tmp/r.out" "$tmp/fresh.out"
check "roll-up: ... and it equals the events after the replacement" test "$(stale "$tmp/r.db")" = 0
"$dyad" recode -q --db "$tmp/r.db" 2>/dev/null
answers "$tmp/r.db" "$tmp/recoded.out"
check "roll-up: dyad recode changes nothing" cmp -s "$tmp/r.out" "$tmp/recoded.out"
check "roll-up: ... and it equals the events after the recode" test "$(stale "$tmp/r.db")" = 0
# events a writer has not folded in yet (none, then those after row 300):
# readers add them from the events; the next writer folds them
cp "$db" "$tmp/tail.db"
sqlite3 "$tmp/tail.db" "DELETE FROM event_days; DELETE FROM event_months; UPDATE rollup_state SET hwm = 0"
answers "$tmp/tail.db" "$tmp/tail.out"
check "roll-up: with nothing folded, readers count the events" cmp -s "$tmp/orig.out" "$tmp/tail.out"
sqlite3 "$tmp/tail.db" "
  INSERT INTO event_days SELECT coalesce(source, ''), coalesce(target, ''), date, coalesce(code, ''), sum(copy = 0),
    sum(copy <> 0) FROM events WHERE date > 0 AND id <= 300 GROUP BY 1, 2, 3, 4;
  INSERT INTO event_months SELECT source, target, date / 100, code, sum(events), sum(copies) FROM event_days
    GROUP BY 1, 2, 3, 4;
  UPDATE rollup_state SET hwm = 300"
answers "$tmp/tail.db" "$tmp/tail.out"
check "roll-up: with rows 1-300 folded, readers add the rest" cmp -s "$tmp/orig.out" "$tmp/tail.out"
: >"$tmp/empty.txt"
"$dyad" ingest -q --db "$tmp/tail.db" "$tmp/empty.txt"
check "roll-up: a writer folds the rest when it closes the store" \
    test "$(sqlite3 "$tmp/tail.db" "SELECT hwm = (SELECT max(id) FROM events) FROM rollup_state")/$(stale "$tmp/tail.db")" = 1/0
# a store of schema 5 (no roll-up) is upgraded by the first writer
cp "$db" "$tmp/v5.db"
sqlite3 "$tmp/v5.db" "DROP TRIGGER events_rollup; DROP TABLE event_days; DROP TABLE event_months; DROP TABLE rollup_state;
  DELETE FROM dyad_schema WHERE version = 6; PRAGMA user_version = 5"
"$dyad" trend --db "$tmp/v5.db" --actor RUS >/dev/null 2>"$tmp/err"
check "roll-up: a reader asks for a writer to upgrade schema 5" grep -q "schema version 5; open it once for writing" "$tmp/err"
"$dyad" ingest -q --db "$tmp/v5.db" "$tmp/empty.txt"
answers "$tmp/v5.db" "$tmp/v5.out"
check "roll-up: schema 5 upgraded to 6, the same answers" \
    sh -c "test \"\$(sqlite3 '$tmp/v5.db' 'PRAGMA user_version')\" = 6 && cmp -s '$tmp/orig.out' '$tmp/v5.out'"
check "roll-up: ... and the built roll-up equals the events" test "$(stale "$tmp/v5.db")" = 0

# ---- errors ---------------------------------------------------------------------
"$dyad" help alerts >"$tmp/help" 2>&1
check "dyad help alerts: the command's help" grep -q '^usage: dyad alerts' "$tmp/help"
"$dyad" trend --db "$db" >/dev/null 2>"$tmp/err"
check "trend without --dyad or --actor: usage error (2)" test $? -eq 2
"$dyad" trend --db "$db" --actor RUS --by year >/dev/null 2>&1
check "trend --by year: usage error (2)" test $? -eq 2
"$dyad" trend --db "$db" --actor RUS --from 2022-13-01 >/dev/null 2>&1
check "trend --from 2022-13-01: usage error (2)" test $? -eq 2
"$dyad" alerts --db "$db" --output xml >/dev/null 2>&1
check "alerts --output xml: usage error (2)" test $? -eq 2
"$dyad" trend --db "$tmp/none.db" --actor RUS >/dev/null 2>&1
check "trend on a missing store: 1" test $? -eq 1
check "the missing store was not created" test ! -e "$tmp/none.db"
if [ -w /dev/full ]; then
    "$dyad" trend --db "$db" --actor RUS --by day >/dev/full 2>"$tmp/err"
    check "trend to a full disk: 1 and a message" sh -c "test $? -eq 1 && grep -q 'error writing' '$tmp/err'"
    "$dyad" alerts --db "$db" >/dev/full 2>"$tmp/err"
    check "alerts to a full disk: 1 and a message" sh -c "test $? -eq 1 && grep -q 'error writing' '$tmp/err'"
    "$dyad" trend --db "$db" --actor RUS --svg /dev/full >/dev/null 2>"$tmp/err"
    check "trend --svg to a full disk: 1 and a message" sh -c "test $? -eq 1 && grep -q 'error writing' '$tmp/err'"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
