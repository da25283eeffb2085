#!/bin/sh
# tests/extract.sh -- main-text extraction from web pages, scored on the
# development part of the article-extraction benchmark
# (../shared/extraction-dev: 121 gzipped pages, ground-truth.json and its
# score.py, shingle F1), with the F1 reached asserted as a floor; and
# `dyad extract`'s command line.
#
#   sh tests/extract.sh [DYAD]
set -u
dyad=${1:-build/dyad}
shared=${DYAD_SHARED:-../shared}
dev="$shared/extraction-dev"
# Rounded down from what dyad reaches (see README's figures).
F1_FLOOR=${F1_FLOOR:-0.96}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# ---- the benchmark ---------------------------------------------------------
if [ -d "$dev/html" ]; then
    if "$dyad" extract --json -q "$dev/html" >"$tmp/dev.jsonl"; then ok; else fail "dyad extract exited $?"; fi
    n=$(wc -l <"$tmp/dev.jsonl")
    pages=$(ls "$dev/html" | wc -l)
    if [ "$n" -eq "$pages" ]; then ok; else fail "$n documents from $pages pages"; fi
    python3 tests/extract/predictions.py "$tmp/dev.jsonl" >"$tmp/pred.json"
    python3 "$dev/score.py" "$tmp/pred.json" "$dev/ground-truth.json" | tee "$tmp/score"
    f1=$(sed -n 's/^F1 \([0-9.]*\).*/\1/p' "$tmp/score")
    if [ -n "$f1" ] && python3 -c "import sys; sys.exit(0 if $f1 >= $F1_FLOOR else 1)"; then ok
    else fail "F1 ${f1:-?} below the floor $F1_FLOOR"; fi
    # Every page is English or not; the guess must agree with the text.
    if python3 - "$tmp/dev.jsonl" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
en = sum(1 for d in docs if d["language"] == "en")
dated = sum(1 for d in docs if d["date"])
titled = sum(1 for d in docs if d["title"])
print("pages %d: english %d, with a date %d, with a title %d" % (len(docs), en, dated, titled))
sys.exit(0 if en >= 0.8 * len(docs) and dated >= 0.6 * len(docs) and titled == len(docs) else 1)
PY
    then ok; else fail "language, date or title found on too few pages"; fi
else
    echo "skip: $dev not found"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
