#!/bin/sh
# tests/feeds.sh DYAD -- `dyad feeds` end to end against a local web server
# (tests/feeds_server.py on 127.0.0.1, started and stopped here; nothing
# else is contacted): an RSS and an Atom feed of article pages written
# below, a redirect chain, a 404, an oversized page, an image, a malformed
# feed and a missing one; conditional requests on the second run; only the
# new item fetched on the third; timeouts, redirect loops, the per-host
# delay, --max-items, an external entity that must not be fetched, usage
# errors.  Ends "N passed, N failed".
set -u
dyad=${1:-build/dyad}
passed=0
failed=0
tmp=$(mktemp -d)
srv=""
trap '[ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$tmp"' EXIT
# the server is local: no proxy may stand between
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export no_proxy=127.0.0.1

ok() { passed=$((passed + 1)); }
not_ok() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if [ "$2" = "$3" ]; then ok; else not_ok "$1: got '$2', expected '$3'"; fi; }
expect_grep() {
    if grep -qE -- "$2" "$3"; then ok; else not_ok "$1: no line matches '$2' in $3"; sed 's/^/  /' "$3" | head -n 20; fi
}
expect_no_grep() {
    if grep -qE -- "$2" "$3"; then not_ok "$1: a line matches '$2' in $3"; grep -E -- "$2" "$3" | head -n 5; else ok; fi
}
# run NAME STATUS ARGS...: dyad feeds with output in $tmp/out and $tmp/err
run() {
    name=$1 want=$2
    shift 2
    : >"$log"
    "$dyad" feeds "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else
        not_ok "$name: exit status $got, expected $want"
        sed 's/^/  /' "$tmp/err" | head -n 20
    fi
}
sql() { sqlite3 "$@"; }
# paths the server was asked for in the last run, sorted, one a line
asked() { python3 -c 'import json,sys; [print(json.loads(l)["path"]) for l in open(sys.argv[1])]' "$log" | sort; }

for tool in sqlite3 python3; do
    if ! command -v $tool >/dev/null; then echo "feeds: $tool missing (./setup.sh)"; echo "0 passed, 1 failed"; exit 1; fi
done

www=$tmp/www
log=$tmp/requests.log
mkdir -p "$www/pages" "$www/img"
: >"$log"
python3 tests/feeds_server.py "$www" "$tmp/port" "$log" &
srv=$!
for i in $(seq 1 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
if [ ! -s "$tmp/port" ]; then echo "feeds: the test server did not start"; echo "0 passed, 1 failed"; exit 1; fi
port=$(cat "$tmp/port")
base=http://127.0.0.1:$port

# ---- the pages --------------------------------------------------------------
# page FILE TITLE DATE PARAGRAPHS... (TITLE or DATE "" leaves it out of the page)
page() {
    f=$1 title=$2 date=$3
    shift 3
    {
        echo '<!DOCTYPE html><html><head>'
        [ -n "$title" ] && echo "<title>$title</title>"
        [ -n "$date" ] && echo "<meta property=\"article:published_time\" content=\"${date}T08:00:00Z\">"
        echo '</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav><article>'
        [ -n "$title" ] && echo "<h1>$title</h1>"
        for p in "$@"; do echo "<p>$p</p>"; done
        echo '</article><footer>Copyright 2026 The Example Courier. All rights reserved.</footer></body></html>'
    } >"$www/pages/$f"
}
page a1.html "Ministers meet in Geneva" 2026-11-30 \
    "The foreign ministers of India and Pakistan met in Geneva on Monday to discuss the disputed border, officials said." \
    "India accused Pakistan of sheltering militants who attacked an army post in Kashmir last week. Pakistan rejected the accusation and called for an independent investigation." \
    "Both governments agreed to hold further talks in December, according to a joint statement released after the meeting."
page redirected.html "Kenya and Uganda sign trade accord" 2026-12-01 \
    "Kenya and Uganda signed a trade agreement in Nairobi on Tuesday that lowers tariffs on farm goods crossing their shared border." \
    "The president of Uganda praised Kenya for its help in building a new railway line to Kampala." \
    "Officials from both countries said they would meet again in March to review the accord."
page b1.html "" "" \
    "Brazil condemned the military coup in Bolivia on Wednesday and recalled its ambassador from La Paz, the foreign ministry in Brasilia said." \
    "Argentina urged the Bolivian army to release the detained ministers and to restore the elected government without delay." \
    "The Organization of American States called an emergency meeting for Friday to discuss the crisis."
page b2.html "Japan protests missile launch" 2026-12-02 \
    "Japan protested to North Korea on Thursday after a ballistic missile landed inside its exclusive economic zone, the government in Tokyo said." \
    "South Korea condemned the launch and said it would consult with the United States and Japan on a response." \
    "China called on all sides to exercise restraint and to return to negotiations."
page a6.html "Egypt mediates between Israel and Hamas" 2026-12-03 \
    "Egypt hosted talks between Israeli and Hamas negotiators in Cairo on Friday in an effort to extend the ceasefire in Gaza." \
    "Qatar welcomed the Egyptian initiative and offered to host the next round of negotiations." \
    "Israel said it would send a delegation to Cairo next week to continue the discussions."
python3 -c 'import sys; sys.stdout.write("<!DOCTYPE html><html><body><article>" + "<p>The minister spoke about the budget again and again for the whole afternoon.</p>" * 5000 + "</article></body></html>")' >"$www/pages/big.html"
printf '\211PNG\r\n\032\n0000000000000000' >"$www/img/photo.png"

# ---- the feeds ----------------------------------------------------------------
rss_items='
<item><title>Ministers meet in Geneva</title><link>'$base'/pages/a1.html</link>
  <guid isPermaLink="false">courier-a1</guid><pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate></item>
<item><title><![CDATA[Kenya & Uganda <b>sign</b> a trade accord]]></title><link>/go/1</link>
  <guid>'$base'/go/1</guid><pubDate>Tue, 01 Dec 2026 10:00:00 +0300</pubDate></item>
<item><title>A story that was taken down</title><link>'$base'/pages/gone.html</link><pubDate>Tue, 01 Dec 2026 11:00:00 GMT</pubDate></item>
<item><title>A story far too long</title><link>'$base'/pages/big.html</link></item>
<item><title>A photo</title><link>'$base'/img/photo.png</link></item>
<item><title>An item with no link at all</title><description>nothing to fetch</description></item>'
write_rss() {
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>The Example Courier</title><link>%s/</link>\n%s%s\n</channel></rss>\n' \
        "$base" "$1" "$rss_items" >"$www/rss.xml"
}
write_rss ""
cat >"$www/atom.xml" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Hemisphere Wire</title>
  <id>urn:example:hemisphere</id>
  <updated>2026-12-02T12:00:00Z</updated>
  <entry>
    <title>Brazil condemns coup in Bolivia</title>
    <link rel="alternate" type="text/html" href="$base/pages/b1.html"/>
    <link rel="enclosure" href="$base/img/photo.png"/>
    <id>urn:example:hemisphere:b1</id>
    <published>2026-12-02T09:30:00-03:00</published>
    <updated>2026-12-02T11:00:00Z</updated>
  </entry>
  <entry>
    <title type="html">Japan protests &lt;em&gt;missile&lt;/em&gt; launch</title>
    <link href="pages/b2.html"/>
    <id>urn:example:hemisphere:b2</id>
    <updated>2026-12-02T12:00:00Z</updated>
  </entry>
</feed>
EOF
# an item's link sent to a local file and an external entity must lead nowhere
cat >"$www/bad.xml" <<EOF
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Broken</title>
<item><title>Unclosed<link>$base/pages/a1.html</link></item>
</channel>
EOF
printf '%s\n' "# feeds of the test" "$base/rss.xml" "" "   $base/atom.xml   " "$base/bad.xml" \
    "$base/nofeed.xml" "ftp://127.0.0.1/feed.xml" >"$tmp/list"
db=$tmp/news.db

# ---- first run ------------------------------------------------------------------
run "first run" 1 "$tmp/list" --db "$db" --delay 0 --max-bytes 200000
check "documents stored" "$(sql "$db" 'SELECT count(*) FROM documents')" 4
check "the stored documents are the good items" \
    "$(sql "$db" 'SELECT doc_key FROM documents ORDER BY doc_key' | tr '\n' ' ')" \
    "$base/go/1 $base/pages/a1.html $base/pages/b1.html $base/pages/b2.html "
events=$(sql "$db" 'SELECT count(*) FROM events')
if [ "$events" -ge 8 ]; then ok; else not_ok "events coded from the pages: $events"; fi
check "an event of the India-Pakistan page" \
    "$(sql "$db" "SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc WHERE d.doc_key LIKE '%a1.html' AND e.source LIKE 'IND%' AND e.target LIKE 'PAK%'" | sed 's/^[1-9][0-9]*$/yes/')" yes
check "dyad stats counts them" "$("$dyad" stats --db "$db" 2>/dev/null | grep -c '^documents:	4$')" 1
check "the page's url is the item's link" "$(sql "$db" "SELECT url FROM documents WHERE doc_key LIKE '%a1.html'")" "$base/pages/a1.html"
check "a page without date or title takes the item's" \
    "$(sql "$db" "SELECT pub_date || '|' || title FROM documents WHERE doc_key LIKE '%b1.html'")" \
    "2026-12-02|Brazil condemns coup in Bolivia"
check "the page's own date wins" "$(sql "$db" "SELECT pub_date FROM documents WHERE doc_key LIKE '%b2.html'")" 2026-12-02
check "the redirect was followed to the article" \
    "$(sql "$db" "SELECT count(*) FROM documents WHERE doc_key LIKE '%/go/1' AND text LIKE '%Kenya and Uganda signed%'")" 1
expect_grep "the 404 is named" "gone.html: error: item skipped: HTTP 404" "$tmp/err"
expect_grep "the oversized page is named" "big.html: error: item skipped: larger than 200000 bytes" "$tmp/err"
expect_grep "the image is named" "photo.png: error: item skipped: not a web page \(Content-Type: image/png\)" "$tmp/err"
expect_grep "the item without a link is named" "rss.xml:[0-9]+: error: feed item without an http\(s\) link" "$tmp/err"
expect_grep "the malformed feed is named" "bad.xml:[0-9]+: error: not a well-formed feed" "$tmp/err"
expect_grep "the missing feed is named" "nofeed.xml: error: feed not fetched: HTTP 404" "$tmp/err"
expect_grep "the ftp line is named" "list:7: error: not an http\(s\) URL" "$tmp/err"
expect_grep "the summary counts all" \
    "feeds: 2 read, 0 not modified, 2 failed; items: 7 new, 0 seen, 4 failed; 4 document\(s\) ingested, $events event\(s\)" "$tmp/err"
asked >"$tmp/asked1"
check "each page fetched once, the chain followed" "$(grep -c . "$tmp/asked1")" 13
check "the redirect chain" "$(grep -cE '^/go/1$|^/go/2$|^/pages/redirected.html$' "$tmp/asked1")" 3
check "no conditional request on a first run" "$(grep -c '"inm": "' "$log")" 0
check "every request names dyad and its version" \
    "$(python3 -c 'import json,sys; print(sorted({json.loads(l)["ua"] for l in open(sys.argv[1])}))' "$log")" \
    "['dyad/$(sed -n 's/^#define DYAD_VERSION "\(.*\)"/\1/p' include/dyad.h) (+news feed reader)']"
check "feed state kept" "$(sql "$db" "SELECT count(*) FROM feeds WHERE etag IS NOT NULL OR last_modified IS NOT NULL")" 2
check "an id unique only in its feed is qualified by it" \
    "$(sql "$db" "SELECT count(*) FROM feed_items WHERE item_key IN ('$base/rss.xml#courier-a1', 'urn:example:hemisphere:b1', '$base/go/1')")" 3
check "items recorded" "$(sql "$db" "SELECT state, count(*) FROM feed_items GROUP BY state" | tr '\n' ' ')" "1|4 3|3 "

# ---- second run: nothing new ------------------------------------------------------
run "second run" 1 "$tmp/list" --db "$db" --delay 0 --max-bytes 200000
check "nothing added" "$(sql "$db" 'SELECT count(*) FROM documents') $(sql "$db" 'SELECT count(*) FROM events')" "4 $events"
python3 - "$log" >"$tmp/cond" <<'EOF'
import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    print(r["path"], "inm" if r["inm"] else "-", "ims" if r["ims"] else "-", r["status"])
EOF
expect_grep "the RSS feed asked with If-None-Match and If-Modified-Since, 304" "^/rss.xml inm ims 304$" "$tmp/cond"
expect_grep "the Atom feed asked with If-Modified-Since, 304" "^/atom.xml - ims 304$" "$tmp/cond"
check "no page fetched" "$(grep -c '^/pages\|^/go\|^/img' "$tmp/cond")" 0
expect_grep "the summary says not modified" "feeds: 0 read, 2 not modified, 2 failed; items: 0 new, 0 seen, 0 failed; 0 document" "$tmp/err"

# ---- third run: one new item ---------------------------------------------------------
write_rss '<item><title>Egypt mediates</title><link>'$base'/pages/a6.html</link><guid isPermaLink="false">courier-a6</guid><pubDate>Thu, 03 Dec 2026 07:00:00 GMT</pubDate></item>'
run "third run" 1 "$tmp/list" --db "$db" --delay 0 --max-bytes 200000
asked | grep -vE '^/(rss|atom|bad|nofeed)\.xml$' >"$tmp/pages3"
check "only the new item's page fetched" "$(cat "$tmp/pages3")" "/pages/a6.html"
check "one document added" "$(sql "$db" 'SELECT count(*) FROM documents')" 5
expect_grep "the summary" "feeds: 1 read, 1 not modified, 2 failed; items: 1 new, 5 seen, 1 failed; 1 document" "$tmp/err"

# ---- a clean run exits 0 ----------------------------------------------------------------
printf '%s\n' "$base/atom.xml" >"$tmp/list-ok"
run "a clean run" 0 "$tmp/list-ok" --db "$tmp/ok.db" --delay 0 -q
check "quiet: nothing on stderr" "$(wc -c <"$tmp/err")" 0
check "the clean run stored both entries" "$(sql "$tmp/ok.db" 'SELECT count(*) FROM documents')" 2

# ---- the charset of the HTTP header reaches the reader --------------------------------------
printf '<!DOCTYPE html><html><body><article><p>France offered Mali aid worth 40 million \244 on Monday, the ministry in Paris said.</p><p>Mali thanked France for the help.</p></article></body></html>' >"$www/pages/euro.latin.html"
printf '<rss version="2.0"><channel><item><link>%s/pages/euro.latin.html</link></item></channel></rss>' "$base" >"$www/latin.xml"
printf '%s\n' "$base/latin.xml" >"$tmp/list-latin"
run "a latin-9 page" 0 "$tmp/list-latin" --db "$tmp/latin.db" --delay 0
check "ISO-8859-15 from the Content-Type: 0xA4 is the euro sign" \
    "$(sql "$tmp/latin.db" "SELECT count(*) FROM documents WHERE text LIKE '%40 million €%'")" 1

# ---- timeouts, redirect loops: transient failures are tried again -------------------------
mkdir -p "$www/slow"
cp "$www/pages/a1.html" "$www/slow/late.html"
cat >"$www/slowfeed.xml" <<EOF
<rss version="2.0"><channel><title>Slow</title>
<item><link>$base/slow/late.html</link></item>
<item><link>$base/loop/1</link></item>
</channel></rss>
EOF
printf '%s\n' "$base/slowfeed.xml" >"$tmp/list-slow"
start=$(python3 -c 'import time; print(time.time())')
run "timeouts" 1 "$tmp/list-slow" --db "$tmp/slow.db" --delay 0 --timeout 1
took=$(python3 -c 'import sys, time; print("%.1f" % (time.time() - float(sys.argv[1])))' "$start")
expect_grep "the slow page timed out" "late.html: error: item skipped: timed out after 1 s" "$tmp/err"
expect_grep "the redirect loop is cut" "loop/1: error: item skipped: more than 5 redirects" "$tmp/err"
check "at most 5 redirects followed" "$(asked | grep -c '^/loop/')" 6
# the server answers after 3 s: a run ending well before gave up at 1 s
if python3 -c 'import sys; sys.exit(float(sys.argv[1]) >= 2.9)' "$took"; then ok; else not_ok "the timeout did not hold: $took s"; fi
run "timeouts again" 1 "$tmp/list-slow" --db "$tmp/slow.db" --delay 0 --timeout 1
check "the timed-out page is tried again, not the loop" "$(asked | grep -v '\.xml$' | sort -u | tr '\n' ' ')" "/slow/late.html "

# ---- per-host delay ------------------------------------------------------------------------
printf '%s\n' "$base/atom.xml" >"$tmp/list-delay"
run "delay" 0 "$tmp/list-delay" --db "$tmp/delay.db" --delay 0.4
gaps=$(python3 -c '
import json, sys
t = sorted(r["t"] for r in map(json.loads, open(sys.argv[1])) if not r["path"].startswith("/slow/"))
print(len(t), min(b - a for a, b in zip(t, t[1:])) >= 0.35)' "$log")
check "three requests to one host, 0.4 s apart" "$gaps" "3 True"

# ---- --max-items ----------------------------------------------------------------------------
run "max-items" 0 "$tmp/list-delay" --db "$tmp/max.db" --delay 0 --max-items 1
check "one item taken" "$(sql "$tmp/max.db" 'SELECT count(*) FROM documents')" 1
expect_grep "the rest is left for later" "1 left for the next run" "$tmp/err"
run "max-items, next run" 0 "$tmp/list-delay" --db "$tmp/max.db" --delay 0 --max-items 1
check "the feed was fetched in full again, not 304" "$(asked | grep -c '^/atom.xml$')" 1
check "the next item taken" "$(sql "$tmp/max.db" 'SELECT count(*) FROM documents')" 2

# ---- hostile feeds: entities are neither expanded nor fetched --------------------------------
echo "SECRET-CONTENT" >"$www/secret.txt"
cat >"$www/xxe.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY ext SYSTEM "$base/secret.txt">
  <!ENTITY local SYSTEM "file:///etc/hostname">
  <!ENTITY small "aaaaaaaaaa">
]>
<rss version="2.0"><channel><title>Entities &ext; &local;</title>
<item><title>Entity &ext;&local;&small;</title><link>$base/pages/b2.html</link></item>
<item><title>Local file</title><link>file:///etc/passwd</link></item>
</channel></rss>
EOF
cat >"$www/laughs.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
  <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;"><!ENTITY j "&i;&i;&i;&i;&i;&i;&i;&i;&i;&i;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>&j;</title><link>$base/pages/a1.html</link></item>
</channel></rss>
EOF
printf '%s\n' "$base/xxe.xml" "$base/laughs.xml" >"$tmp/list-xxe"
run "external entities" 1 "$tmp/list-xxe" --db "$tmp/xxe.db" --delay 0
check "the external entity was not fetched" "$(asked | grep -c secret)" 0
check "the page's own title, no entity text" \
    "$(sql "$tmp/xxe.db" "SELECT title FROM documents WHERE doc_key LIKE '%b2.html'")" "Japan protests missile launch"
check "only the http item stored" "$(sql "$tmp/xxe.db" "SELECT count(*) FROM documents")" 1
expect_grep "the file: link is refused" "xxe.xml:[0-9]+: error: feed item without an http\(s\) link" "$tmp/err"
expect_grep "the billion laughs are refused, named" "laughs.xml:[0-9]+: error: not a well-formed feed" "$tmp/err"
expect_no_grep "no entity text anywhere" "SECRET|aaaaaaaaaa" "$tmp/err"

# ---- usage -------------------------------------------------------------------------------------
run "no feed list" 2 --db "$tmp/u.db"
run "a bad --delay" 2 "$tmp/list" --delay -1
run "a bad --max-items" 2 "$tmp/list" --max-items x
run "a missing feed list" 1 "$tmp/nothere" --db "$tmp/u.db"
run "no dictionary at all" 2 "$tmp/list" --no-default-dict
run "a missing dictionary" 1 "$tmp/list-ok" --db "$tmp/u.db" --verbs "$tmp/nothere.verbs"
check "the run is recorded" "$(sql "$db" "SELECT command || ' ' || dict_id FROM runs WHERE ended IS NOT NULL" | sort -u)" "feeds builtin"
"$dyad" feeds --help >"$tmp/out" 2>&1
expect_grep "help" "usage: dyad feeds FEEDLIST" "$tmp/out"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
