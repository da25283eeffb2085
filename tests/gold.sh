#!/bin/sh
# tests/gold.sh DYAD -- the built-in dictionaries against our hand-coded
# answer keys (tests/gold/README.md): precision and recall on the gold
# items, with floors that only go up, our verb probes, and the seed
# article's required and forbidden events.  Ends "N passed, N failed".
set -u
dyad=${1:-build/dyad}
shared=${DYAD_SHARED:-../shared}
# Floors: raise them when the coder or the dictionaries improve.
MIN_PRECISION=0.89
MIN_RECALL=0.89
# Verb probes (tests/gold/verb-probes.tsv, our own one-line sentences of the
# ways wire copy states each CAMEO event): sentences coded right at root
# level and with the exact code.
MIN_PROBES_ROOT=1022
MIN_PROBES_EXACT=840
# The seed article: required events found (of 6); forbidden ones fail.
MIN_SEED_REQUIRED=6
# Real wire copy (issue 10): $shared/realnews-dev, 43 VOA articles with
# blind gold, strict scoring by its score.py.  Required events found (of
# 260), precision (events matching gold over all events, in percent),
# event dates right (of 123 dated gold events) and at most this many
# forbidden events.
MIN_REAL_REQUIRED=209
MIN_REAL_PRECISION=86
MIN_REAL_DATES=100
MAX_REAL_FORBIDDEN=0
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { passed=$((passed + 1)); }
not_ok() { failed=$((failed + 1)); echo "FAIL $1"; }

if "$dyad" code -q --output jsonl tests/gold/builtin.jsonl >"$tmp/items.jsonl" 2>"$tmp/err"; then ok; else
    not_ok "coding tests/gold/builtin.jsonl with the built-in dictionaries"; head -n 5 "$tmp/err"; fi
if python3 tests/gold/score.py items tests/gold/builtin.jsonl "$tmp/items.jsonl" \
        --min-precision $MIN_PRECISION --min-recall $MIN_RECALL >"$tmp/score" 2>&1; then ok; else
    not_ok "gold items below the floors (precision $MIN_PRECISION, recall $MIN_RECALL)"; fi
sed 's/^/  /' "$tmp/score"

if python3 tests/gold/probes.py "$dyad" tests/gold/verb-probes.tsv --min-root $MIN_PROBES_ROOT \
        --min-exact $MIN_PROBES_EXACT >"$tmp/probes" 2>&1; then ok; else
    not_ok "verb probes below the floors (root $MIN_PROBES_ROOT, exact $MIN_PROBES_EXACT)"; fi
sed 's/^/  /' "$tmp/probes"

if "$dyad" code -q --date 2022-01-27 "$shared/seed/us-russia-security-guarantees.txt" >"$tmp/seed.jsonl" 2>"$tmp/err" &&
    python3 tests/gold/score.py seed tests/gold/seed-events.json "$tmp/seed.jsonl" \
        --min-required $MIN_SEED_REQUIRED >"$tmp/seed" 2>&1; then ok; else
    not_ok "seed article: fewer than $MIN_SEED_REQUIRED required events, or a forbidden one"; fi
sed 's/^/  /' "$tmp/seed"

# The seed article with the peers' Phoenix dictionaries alone (issue 4):
# what those dictionaries know codes right, and nothing forbidden appears.
px=$shared/peers/petrarch2/dictionaries
if [ -d "$px" ] && "$dyad" code -q --no-default-dict --date 2022-01-27 --verbs "$px/CAMEO.2.0.txt" \
        --actors "$px/Phoenix.Countries.actors.txt" --actors "$px/Phoenix.International.actors.txt" \
        --actors "$px/Phoenix.MilNonState.actors.txt" --agents "$px/Phoenix.agents.txt" \
        --discards "$px/Phoenix.discards.txt" "$shared/seed/us-russia-security-guarantees.txt" \
        >"$tmp/phoenix.jsonl" 2>/dev/null; [ -s "$tmp/phoenix.jsonl" ] &&
    python3 tests/gold/score.py seed tests/gold/seed-events.json "$tmp/phoenix.jsonl" \
        --min-required 1 >"$tmp/phoenix" 2>&1; then ok; else
    not_ok "seed article with the Phoenix dictionaries: a forbidden event, or none required"; fi
sed 's/^/  phoenix /' "$tmp/phoenix"

# Without the built-in dictionaries and without flags there is nothing to
# code with: a usage error, not an empty success.
"$dyad" code --no-default-dict tests/gold/builtin.jsonl >/dev/null 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q "no-default-dict and no verbs dictionary" "$tmp/err"; then ok; else
    not_ok "--no-default-dict without dictionaries is a usage error"; fi
# ... and with the peers' dictionaries it codes with those alone: TABARI's
# own actors know nothing of Zelensky, the built-in ones do.
t=$shared/peers/tabari
echo '{"id":"z","date":"2023-05-01","text":"Volodymyr Zelensky met Olaf Scholz in Berlin on Sunday."}' >"$tmp/z.jsonl"
"$dyad" code -q --no-default-dict --verbs "$t/CAMEO.091003.master.verbs" --actors "$t/CountryInfo.120116.actors" \
    --agents "$t/PSU.120522.agents" "$tmp/z.jsonl" >"$tmp/peer.out" 2>&1
"$dyad" code -q "$tmp/z.jsonl" >"$tmp/builtin.out" 2>&1
if grep -q '"source":"UKRGOV"' "$tmp/builtin.out" && ! grep -q '"source":"UKRGOV"' "$tmp/peer.out"; then ok; else
    not_ok "--no-default-dict: built-in actors still used, or missing by default"; fi

# Real wire copy against the blind gold of $shared/realnews-dev.
real=$shared/realnews-dev
if [ ! -f "$real/score.py" ]; then
    not_ok "real wire copy: $real/score.py not found (the shared reference set is needed)"
elif python3 "$real/score.py" "$dyad" "$real" >"$tmp/real" 2>&1; then
    line=$(tail -n 1 "$tmp/real")
    echo "  $line"
    # "... required found F/N (...), precision G/E (P), dates D/ND (...), forbidden B"
    set -- $(echo "$line" | sed -n 's/.*required found \([0-9]*\)\/[0-9]* .*precision \([0-9]*\)\/\([0-9]*\) .*dates \([0-9]*\)\/[0-9]* .*forbidden \([0-9]*\).*/\1 \2 \3 \4 \5/p')
    if [ $# -ne 5 ]; then
        not_ok "real wire copy: cannot read the score line: $line"
    else
        found=$1 good=$2 all=$3 dates=$4 forbidden=$5
        if [ "$found" -ge $MIN_REAL_REQUIRED ]; then ok; else
            not_ok "real wire copy: $found required events found, floor $MIN_REAL_REQUIRED"; fi
        if [ $((good * 100)) -ge $((MIN_REAL_PRECISION * all)) ]; then ok; else
            not_ok "real wire copy: precision $good/$all below $MIN_REAL_PRECISION %"; fi
        if [ "$dates" -ge $MIN_REAL_DATES ]; then ok; else
            not_ok "real wire copy: $dates event dates right, floor $MIN_REAL_DATES"; fi
        if [ "$forbidden" -le $MAX_REAL_FORBIDDEN ]; then ok; else
            not_ok "real wire copy: $forbidden forbidden events, at most $MAX_REAL_FORBIDDEN"; fi
    fi
else
    not_ok "real wire copy: $real/score.py failed"; sed 's/^/  /' "$tmp/real" | tail -n 5
fi

echo "$passed passed, $failed failed"
