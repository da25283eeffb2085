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

# ---- the command line on pages of our own (tests/data/web) ---------------
web=tests/data/web
"$dyad" extract "$web/article.html" >"$tmp/a.txt" 2>"$tmp/a.err"
if [ $? -eq 0 ] && head -n 1 "$tmp/a.txt" | grep -q '^==> article.html <==$' &&
   sed -n 2p "$tmp/a.txt" | grep -q '^Ministers agree to resume talks$' &&
   grep -q 'agreed on Thursday to resume talks' "$tmp/a.txt" &&
   grep -q '“We are prepared to meet,” the spokesman' "$tmp/a.txt" &&
   grep -q 'announced & confirmed' "$tmp/a.txt" &&
   grep -q 'accusing the other of bad faith' "$tmp/a.txt" &&
   ! grep -qE 'More from World|Storm hits|Business|2022 The Example' "$tmp/a.txt"; then ok
else fail "extract article.html"; cat "$tmp/a.txt" "$tmp/a.err"; fi

"$dyad" extract --json "$web/article.html" >"$tmp/a.json"
if python3 - "$tmp/a.json" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1], encoding="utf-8").read())
want = {"id": "article.html", "title": "Ministers agree to resume talks", "date": "2022-01-27",
        "outlet": "The Example Gazette", "language": "en", "format": "html",
        "url": "https://gazette.example.org/world/2022/01/27/talks"}
bad = {k: d.get(k) for k in want if d.get(k) != v} if False else {k: d.get(k) for k, v in want.items() if d.get(k) != v}
sys.exit(1 if bad or not d["text"].startswith("Ministers agree") else 0)
PY
then ok; else fail "extract --json fields"; cat "$tmp/a.json"; fi

# The same page gzipped, inside a WARC, inside a .warc.gz, and on stdin.
for f in article.html.gz crawl.warc crawl.warc.gz; do
    "$dyad" extract --json "$web/$f" | python3 -c "import json,sys; print(json.loads(sys.stdin.readline())['text'])" >"$tmp/b.txt"
    python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['text'])" "$tmp/a.json" >"$tmp/a1.txt"
    if cmp -s "$tmp/a1.txt" "$tmp/b.txt"; then ok; else fail "$f gives other text than article.html"; fi
done
if "$dyad" extract --json - <"$web/crawl.warc.gz" | grep -q '"url":"https://gazette.example.org/world/2022/01/27/talks"'; then ok
else fail "warc.gz on stdin"; fi
"$dyad" extract "$web/crawl.warc" >/dev/null 2>"$tmp/w.err"
if grep -q "2 WARC record(s) without a page passed over" "$tmp/w.err"; then ok; else fail "passed-over count"; cat "$tmp/w.err"; fi

# Events from a page point into the page's own bytes too.
if "$dyad" code "$web/article.html" 2>/dev/null | python3 -c "
import json, sys
page = open(sys.argv[1], 'rb').read()
n = 0
for line in sys.stdin:
    e = json.loads(line)
    for k in ('source', 'target', 'verb'):
        span, text = e['page_offsets'][k], e[k + '_text']
        if span:
            assert page[span[0]:span[1]].decode() == text, (k, span, text)
            n += 1
sys.exit(0 if n >= 3 else 1)
" "$web/article.html"; then ok; else fail "page_offsets do not point at the words"; fi

# With threads, pages (and their maps) are copied out of the reader: the
# same events as one thread.
a=$("$dyad" code "$web" 2>/dev/null | cksum)
b=$("$dyad" code -j 2 "$web" 2>/dev/null | cksum)
if [ "$a" = "$b" ] && [ -n "$("$dyad" code -j 2 "$web" 2>/dev/null | grep page_offsets)" ]; then ok
else fail "dyad code -j 2 differs on pages"; fi

# dyad code reads pages; a page in another language is skipped and counted.
if "$dyad" code --output tsv "$web/article.html" 2>/dev/null | grep -q "^20220127	INDGOV	PAKGOV	036"; then ok; else fail "dyad code on a page"; fi
printf '<html><body><p>%s</p></body></html>' "Die Regierung hat am Mittwoch die Verhandlungen mit der Opposition abgebrochen, wie der Sprecher des Ministeriums mitteilte, und die Gespräche sollen erst im nächsten Jahr wieder aufgenommen werden." >"$tmp/de.html"
"$dyad" code "$tmp/de.html" >"$tmp/de.out" 2>"$tmp/de.err"; rc=$?
if [ $rc -eq 0 ] && [ ! -s "$tmp/de.out" ] && grep -q "another language (de)" "$tmp/de.err"; then ok
else fail "German page not skipped by dyad code (rc $rc)"; cat "$tmp/de.err"; fi
if "$dyad" extract --json "$tmp/de.html" | grep -q '"language":"de"'; then ok; else fail "extract keeps other languages"; fi

# The progress line: on a terminal only, never with -q.
"$dyad" code "$web/article.html" >/dev/null 2>"$tmp/p.err"
if ! grep -q "documents/s" "$tmp/p.err"; then ok; else fail "progress line without a terminal"; fi
if command -v script >/dev/null 2>&1; then
    script -qc "$dyad code $web/article.html $web/crawl.warc >/dev/null" /dev/null >"$tmp/tty.out" 2>&1
    if grep -qE "2 input\(s\), 2 document\(s\), [1-9][0-9]* event\(s\), [0-9]+ documents/s" "$tmp/tty.out"; then ok
    else fail "no progress line on a terminal"; cat "$tmp/tty.out"; fi
    script -qc "$dyad code -q $web/article.html >/dev/null" /dev/null >"$tmp/tty.out" 2>&1
    if ! grep -q "documents/s" "$tmp/tty.out"; then ok; else fail "progress line with -q"; fi
fi

# Hostile pages: 50 MB, and a gzip bomb (300 MB of zeros in 300 KB), in
# bounded time and memory, with a warning rather than a crash.
python3 - "$tmp" <<'PY'
import sys, zlib, gzip
d = sys.argv[1]
para = b"<p>The minister said on Monday that talks would resume, and officials agreed.</p>\n"
with open(d + "/big.html", "wb") as f:
    f.write(b"<html><body>" + para * (50 * 1024 * 1024 // len(para)))
c = zlib.compressobj(9, zlib.DEFLATED, 31)
with open(d + "/bomb.html.gz", "wb") as f:
    f.write(c.compress(b"<html><body><p>" + b"\0" * (300 << 20)) + c.flush())
PY
for f in big.html bomb.html.gz; do
    if command -v /usr/bin/time >/dev/null 2>&1; then
        timeout 120 /usr/bin/time -f "%M" "$dyad" extract "$tmp/$f" >"$tmp/h.out" 2>"$tmp/h.err"; rc=$?
        kb=$(tail -n 1 "$tmp/h.err")
    else
        timeout 120 "$dyad" extract "$tmp/$f" >"$tmp/h.out" 2>"$tmp/h.err"; rc=$?
        kb=0
    fi
    if [ $rc -le 1 ] && grep -q "warning: page longer than" "$tmp/h.err" && [ "${kb:-0}" -lt 1500000 ]; then ok
    else fail "$f: exit $rc, peak ${kb} KB"; head -n 5 "$tmp/h.err"; fi
done

# A page saved as UTF-16 (byte-order mark first) is recognised as a web
# page from its bytes alone, on standard input, and converted.
printf '<html><head><title>Border talks</title></head><body><article><p>The two defence ministers met on the border on Tuesday and agreed to pull back their troops.</p></article></body></html>' |
    iconv -f UTF-8 -t UTF-16 >"$tmp/utf16.bin"
if "$dyad" extract --json - <"$tmp/utf16.bin" >"$tmp/utf16.out" 2>&1 &&
    grep -q '"format":"html"' "$tmp/utf16.out" && grep -q '"title":"Border talks"' "$tmp/utf16.out" &&
    grep -q 'agreed to pull back their troops' "$tmp/utf16.out"; then ok
else fail "UTF-16 page on stdin not read as HTML"; head -c 300 "$tmp/utf16.out"; fi

# Usage errors, help, and a full disk.
"$dyad" extract --input nosuch "$web/article.html" >/dev/null 2>&1
[ $? -eq 2 ] && ok || fail "--input nosuch should exit 2"
"$dyad" extract --bogus >/dev/null 2>&1
[ $? -eq 2 ] && ok || fail "unknown option should exit 2"
"$dyad" extract --help | grep -q "usage: dyad extract" && ok || fail "extract --help"
if [ -w /dev/full ]; then
    "$dyad" extract "$web/article.html" >/dev/full 2>"$tmp/full.err"
    if [ $? -eq 1 ] && grep -q "cannot write" "$tmp/full.err"; then ok; else fail "write error not reported"; fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
