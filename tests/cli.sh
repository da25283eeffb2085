#!/bin/sh
# tests/cli.sh DYAD -- the command-line tool end to end: help and exit
# statuses, each input format, golden outputs on our example article, and
# properties of the seed article's layout.  Ends "N passed, N failed".
#
# To refresh a golden file after an intended change:
#   UPDATE_GOLDEN=1 sh tests/cli.sh build/dyad
set -u
dyad=${1:-build/dyad}
shared=${DYAD_SHARED:-../shared}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
not_ok() { failed=$((failed + 1)); echo "FAIL $1"; }

# expect_status NAME STATUS COMMAND...: the command exits with STATUS.
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

# expect_grep NAME PATTERN FILE: FILE has a line matching PATTERN.
expect_grep() {
    if grep -qE -- "$2" "$3"; then ok; else not_ok "$1: no line matches '$2' in $3"; head -n 5 "$3" | sed 's/^/  /'; fi
}

# golden NAME FILE ARGS...: output of dyad ARGS equals tests/golden/FILE.
golden() {
    name=$1 file=tests/golden/$2
    shift 2
    "$dyad" "$@" >"$tmp/golden" 2>"$tmp/err"
    if [ -n "${UPDATE_GOLDEN:-}" ]; then cp "$tmp/golden" "$file"; fi
    if cmp -s "$tmp/golden" "$file"; then ok; else
        not_ok "$name: output differs from $file"
        diff "$file" "$tmp/golden" | head -n 20 | sed 's/^/  /'
    fi
}

# valid_json NAME FILE: every line of FILE is a JSON object.
valid_json() {
    if ! command -v python3 >/dev/null; then ok; return; fi
    if python3 -c '
import json, sys
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    obj = json.loads(line)
    assert isinstance(obj, dict), n
' "$2" 2>"$tmp/jerr"; then ok; else not_ok "$1: invalid JSON"; tail -n 3 "$tmp/jerr" | sed 's/^/  /'; fi
}

# --- help and usage ---------------------------------------------------
expect_status "--help" 0 "$dyad" --help
expect_grep "--help lists commands" "^  sentences" "$tmp/out"
expect_status "help tag" 0 "$dyad" help tag
expect_grep "help tag explains" "word/TAG/lemma" "$tmp/out"
expect_status "chunk --help" 0 "$dyad" chunk --help
expect_status "version" 0 "$dyad" version
expect_grep "version prints" "^dyad [0-9]" "$tmp/out"
expect_status "no command" 2 "$dyad"
expect_status "unknown command" 2 "$dyad" frobnicate
expect_status "unknown option" 2 "$dyad" tag --frob examples/article.txt
expect_status "bad --input" 2 "$dyad" tag --input xml examples/article.txt
expect_status "bad --date" 2 "$dyad" tag --date 2022-13-01 examples/article.txt
expect_status "missing file" 1 "$dyad" sentences "$tmp/no-such-file"
expect_grep "missing file named" "no-such-file" "$tmp/err"
# A document with no date of its own codes undated events: said once, at
# the end, and not when --date gives one or -q asks for quiet.
printf 'Kenya condemned Uganda on Monday.\n' >"$tmp/undated.txt"
expect_status "undated document" 0 "$dyad" code "$tmp/undated.txt"
expect_grep "undated events said" "warning: 1 event\(s\) have no date" "$tmp/err"
expect_status "undated document, --date" 0 "$dyad" code --date 2024-05-10 "$tmp/undated.txt"
if grep -q "have no date" "$tmp/err"; then not_ok "--date: still warned of undated events"; else ok; fi
expect_status "undated document, -q" 0 "$dyad" code -q "$tmp/undated.txt"
if [ -s "$tmp/err" ]; then not_ok "-q: warned of undated events"; else ok; fi
# A game report (our own) codes no event unless --keep-sports: said in the
# summary, as undated events are.
printf '%s\n\n%s\n' "Canada edged Sweden 3-2 in overtime on Saturday to reach the semifinal of the hockey tournament, staying unbeaten." \
    "Goaltender Ana Moreau made 30 saves, defenseman Luc Roy scored on a rebound, and the Sweden coach said his teammates had attacked well but lost the game in the final minute." >"$tmp/game.txt"
expect_status "sports report" 0 "$dyad" code --date 2024-05-10 "$tmp/game.txt"
if [ -s "$tmp/out" ]; then not_ok "sports report: coded events"; else ok; fi
expect_grep "sports report: said" "1 sports report\(s\) coded no event" "$tmp/err"
expect_status "sports report, --keep-sports" 0 "$dyad" code --keep-sports --date 2024-05-10 "$tmp/game.txt"
expect_grep "sports report, --keep-sports: coded" '"source":"(CAN|SWE)' "$tmp/out"
# Every command is listed in dyad help, dict compile too.
for c in code validate quotes sentences tag chunk "dict check" "dict lookup" "dict compile" extract ingest query stats import recode serve feeds help version; do
    if "$dyad" help | grep -q "^  $c"; then ok; else not_ok "dyad help does not list '$c'"; fi
done
expect_status "help dict compile" 0 "$dyad" help dict compile
expect_grep "help dict compile explains" "usage: dyad dict compile" "$tmp/out"
expect_status "help of an unknown command" 2 "$dyad" help frobnicate
# getopt_long manners: --opt=value, attached short values, grouped flags,
# options after the inputs, and -- ending the options.
expect_status "--output=tsv" 0 "$dyad" code -q --output=tsv examples/article.txt
expect_grep "--output=tsv gives TSV" "^[0-9]{8}	[A-Z]" "$tmp/out"
cp "$tmp/out" "$tmp/tsv1"
expect_status "-qj2 --output tsv after the input" 0 "$dyad" code examples/article.txt -qj2 --output tsv
if cmp -s "$tmp/out" "$tmp/tsv1" && [ ! -s "$tmp/err" ]; then ok; else not_ok "-qj2: other events than -q, or not quiet"; fi
expect_status "-j0 refused" 2 "$dyad" code -j0 examples/article.txt
expect_status "--date=bad refused" 2 "$dyad" code --date=2023-02-29 examples/article.txt
expect_status "-- ends options" 1 "$dyad" sentences -q -- --not-an-option
expect_grep "-- ends options: the name is an input" "not-an-option" "$tmp/err"
# A bad option value names the option, written --opt N or --opt=N.
expect_status "serve --port 99999 refused" 2 "$dyad" serve --port 99999
expect_grep "serve: a bad value names its option" "bad value '99999' for --port$" "$tmp/err"
expect_status "serve --threads=0 refused" 2 "$dyad" serve --threads=0
expect_grep "serve: --opt=value names its option" "bad value '0' for --threads$" "$tmp/err"
# Write errors: a full disk is an error with a message and status 3; a
# reader that goes away early (| head) is no error message.
if [ -w /dev/full ]; then
    "$dyad" code examples/article.txt >/dev/full 2>"$tmp/err"
    if [ $? -eq 3 ] && grep -q "error writing output" "$tmp/err"; then ok; else not_ok "write to /dev/full: status 3 and a message"; fi
    "$dyad" tag --json examples/article.txt >/dev/full 2>"$tmp/err"
    if [ $? -eq 3 ]; then ok; else not_ok "tag to /dev/full: status 3"; fi
fi
"$dyad" code -q tests/gold/builtin.jsonl 2>"$tmp/err" | head -n 1 >/dev/null
if [ ! -s "$tmp/err" ]; then ok; else not_ok "dyad code | head: quiet"; head -n 3 "$tmp/err"; fi

# --- the example article --------------------------------------------
golden "sentences of the example" article.sentences sentences examples/article.txt
golden "tags of the example" article.tags tag examples/article.txt
golden "chunks of the example" article.chunks chunk examples/article.txt
golden "events of the example, built-in dictionaries" article.events code --output tsv examples/article.txt
golden "events of the example as JSON, with dates, places and speakers" article.events.jsonl code examples/article.txt
"$dyad" chunk --json examples/article.txt >"$tmp/chunks.jsonl" 2>/dev/null
valid_json "chunk --json" "$tmp/chunks.jsonl"
"$dyad" tag --json examples/article.txt >"$tmp/tags.jsonl" 2>/dev/null
valid_json "tag --json" "$tmp/tags.jsonl"
"$dyad" sentences --json examples/article.txt >"$tmp/s.jsonl" 2>/dev/null
valid_json "sentences --json" "$tmp/s.jsonl"
expect_grep "json offsets" '"start":[0-9]+,"end":[0-9]+' "$tmp/s.jsonl"

# --- quotations and speakers -------------------------------------------
"$dyad" quotes examples/article.txt >"$tmp/q" 2>"$tmp/err"
expect_grep "direct quote with its speaker" "^article.txt	direct	6	Cho	535	592	We cannot afford" "$tmp/q"
expect_grep "indirect speech" "^article.txt	indirect	8	a State Department spokesman	" "$tmp/q"
"$dyad" quotes --json examples/article.txt >"$tmp/q.jsonl" 2>/dev/null
valid_json "quotes --json" "$tmp/q.jsonl"
expect_status "quotes --help" 0 "$dyad" quotes --help

# --- the seed article: headline, byline and copyright recognised -----
seed=$shared/seed/us-russia-security-guarantees.txt
if [ -f "$seed" ]; then
    "$dyad" sentences "$seed" | cut -f3 | LC_ALL=C sort | uniq -c | sed 's/^ *//' >"$tmp/parts"
    printf '14 body\n2 boilerplate\n1 byline\n1 headline\n2 subheadline\n' >"$tmp/parts.want"
    if cmp -s "$tmp/parts" "$tmp/parts.want"; then ok; else not_ok "seed parts"; diff "$tmp/parts.want" "$tmp/parts" | sed 's/^/  /'; fi
else
    not_ok "seed article missing at $seed"
fi

# --- each input format, detected and forced ----------------------------
printf '{"id":"a1","date":"2026-03-03","text":"Gondor condemned the attack. Arnor agreed."}\n{"id":"a2","text":"Rohan held talks."}\n' >"$tmp/in.jsonl"
"$dyad" sentences "$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err"
expect_grep "jsonl detected" "^a1	1	body	Arnor agreed\.$" "$tmp/out"
expect_grep "jsonl second record" "^a2	0	body	Rohan held talks\.$" "$tmp/out"
"$dyad" sentences --input jsonl - <"$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err"
expect_grep "jsonl from stdin" "^a2	0	body" "$tmp/out"
printf '{"id":"ok1","text":"Gondor met Arnor."}\n{"id": broken\n{"id":"ok2","text":"Rohan met Gondor."}\n' >"$tmp/bad.jsonl"
expect_status "bad record gives status 1" 1 "$dyad" sentences "$tmp/bad.jsonl"
expect_grep "bad record named by file and line" "bad.jsonl:2: error" "$tmp/err"
expect_grep "records after a bad one kept" "^ok2	0	body" "$tmp/out"
printf '260303 T-1\nGondor and Arnor signed a\ntrade agreement on Tuesday.\n\n260304 T-2\nRohan protested.\n\n' >"$tmp/in.tabari"
"$dyad" sentences "$tmp/in.tabari" >"$tmp/out" 2>"$tmp/err"
expect_grep "tabari detected" "^T-1	0	body	Gondor and Arnor signed a trade agreement on Tuesday\.$" "$tmp/out"
printf '<Sentences>\n<Sentence date="20260303" id="P-1" source="x" sentence="true">\n<Text>\nGondor &amp; Arnor met.\n</Text>\n</Sentence>\n</Sentences>\n' >"$tmp/in.xml"
"$dyad" sentences "$tmp/in.xml" >"$tmp/out" 2>"$tmp/err"
expect_grep "petrarch detected" "^P-1	0	body	Gondor & Arnor met\.$" "$tmp/out"
mkdir -p "$tmp/dir/sub"
cp "$tmp/in.jsonl" "$tmp/dir/b.jsonl"
cp "$tmp/in.tabari" "$tmp/dir/sub/a.txt"
"$dyad" sentences "$tmp/dir" >"$tmp/out" 2>"$tmp/err"
expect_grep "directory walked" "^T-2	0	body" "$tmp/out"
expect_grep "directory files first" "^a1	0" "$tmp/out"

# --- --explain: every event says which clause and rule made it (issue 10)
printf 'Poland expelled a Russian diplomat after Russia arrested two Polish citizens.\n' >"$tmp/why.txt"
"$dyad" code --explain --date 2024-05-02 "$tmp/why.txt" >"$tmp/out" 2>"$tmp/err"
expect_grep "explain: main clause" '"source":"POL.*"clause":"main","rule":"subject"' "$tmp/out"
expect_grep "explain: subordinate clause" '"source":"RUS.*"clause":"subordinate","rule":"subject"' "$tmp/out"
"$dyad" code --date 2024-05-02 "$tmp/why.txt" >"$tmp/out" 2>"$tmp/err"
if grep -q '"clause"' "$tmp/out"; then failed=$((failed + 1)); echo "FAIL clause printed without --explain"; else passed=$((passed + 1)); fi

# --- hostile input: invalid UTF-8 and NUL bytes never break output ----
printf 'Gondor\377 said\000 it \303 would talk.\n' >"$tmp/bad.txt"
"$dyad" chunk --json "$tmp/bad.txt" >"$tmp/out" 2>"$tmp/err"
valid_json "invalid UTF-8 gives valid JSON" "$tmp/out"
expect_grep "invalid UTF-8 counted" "invalid UTF-8" "$tmp/err"

# --- dictionary tools: dyad dict check|lookup|compile --------------------
printf 'GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 950601 - 990815]\n\t[HOBREB >990816]\nMORDOR [MOR]\nMORDOR [MOR]\n' >"$tmp/d.actors"
printf 'ACCEPT [030]\n- * $ PROPOSAL [081]\n' >"$tmp/d.verbs"
printf 'GONDOR [GON]\n' >"$tmp/clean.actors"
expect_status "dict check with a finding" 1 "$dyad" dict check "$tmp/d.actors" "$tmp/d.verbs"
expect_grep "dict check names the duplicate" "d\.actors:7: duplicate: actor phrase MORDOR is already at .*d\.actors:6$" "$tmp/out"
expect_grep "dict check totals" "^findings: 1 duplicate=1$" "$tmp/out"
expect_status "dict check clean, --format=VALUE" 0 "$dyad" dict check --format=tabari --kind actors "$tmp/clean.actors"
expect_grep "dict check counts a file" "clean\.actors: tabari actors: actors=1" "$tmp/out"
expect_status "dict check unknown --format" 2 "$dyad" dict check --format xml "$tmp/clean.actors"
expect_status "dict check unknown option" 2 "$dyad" dict check --frob "$tmp/clean.actors"
expect_grep "dict check names the unknown option" "unknown option '--frob'" "$tmp/err"
expect_status "dict check missing file" 1 "$dyad" dict check "$tmp/clean.actors" "$tmp/no-such.verbs"
expect_status "dict lookup on a date" 0 "$dyad" dict lookup smeagol "$tmp/d.actors" --date 1997-01-01
expect_grep "dict lookup says which code holds" "^  on 1997-01-01: HOBGOV$" "$tmp/out"
expect_status "dict lookup by lemma" 0 "$dyad" dict lookup accepted "$tmp/d.verbs"
expect_grep "dict lookup tries the lemma" "^-- as 'accept'" "$tmp/out"
expect_status "dict lookup not found" 1 "$dyad" dict lookup frodo "$tmp/d.actors"
expect_status "dict lookup bad --date" 2 "$dyad" dict lookup smeagol "$tmp/d.actors" --date 1997-02-30
expect_status "dict lookup --help" 0 "$dyad" dict lookup --help
expect_status "dict compile, combined -qo" 0 "$dyad" dict compile -qo "$tmp/d.img" "$tmp/d.actors" "$tmp/d.verbs"
expect_grep "dict compile names the image" "^image: .*d\.img \([0-9]+ bytes\) from 2 files" "$tmp/out"
expect_status "dict compile -o without a value" 2 "$dyad" dict compile "$tmp/d.actors" -o
expect_status "dict compile of an image" 2 "$dyad" dict compile -o "$tmp/e.img" "$tmp/d.img"
expect_status "dict lookup in the image" 0 "$dyad" dict lookup smeagol "$tmp/d.img" --date=1997-01-01
expect_grep "the image answers as the text" "^  on 1997-01-01: HOBGOV$" "$tmp/out"
expect_status "dict check of an image with text" 2 "$dyad" dict check "$tmp/d.img" "$tmp/d.actors"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
