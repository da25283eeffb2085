#!/bin/sh
# tests/fuzz.sh [--fuzz SECONDS] -- the libFuzzer targets (make fuzz-build).
#
# Without --fuzz (what `make test` runs): every target replays its
# checked-in corpus fuzz/corpus/TARGET/ plus our own example inputs, once
# each, deterministically -- SQLite's fuzzcheck idea: inputs that once
# found a bug, or reach code nothing else reaches, run in every test.
#
# With --fuzz SECONDS (`make fuzz`): each target fuzzes for SECONDS,
# starting from the same inputs; new inputs go to build-fuzz/corpus-TARGET
# (copy the interesting ones into fuzz/corpus/TARGET/, minimised with
# -merge=1, to keep them).
#
# A crash, leak, timeout or sanitizer report (UBSan findings are fatal in
# this build) fails the target.  Ends "N passed, N failed".
set -u
mode=replay
secs=0
if [ "${1:-}" = "--fuzz" ]; then mode=fuzz; secs=${2:-60}; fi
passed=0
failed=0
make --no-print-directory fuzz-build >build-fuzz.log 2>&1 || { tail -n 30 build-fuzz.log; echo "0 passed, 1 failed"; exit 1; }
rm -f build-fuzz.log
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
cp examples/* tests/data/read/* tests/data/store/* tests/data/web/* "$seeds"/ 2>/dev/null
for bin in build-fuzz/fuzz_*; do
    [ -x "$bin" ] || continue
    name=${bin#build-fuzz/}
    kept=fuzz/corpus/$name
    [ -d "$kept" ] || kept=""
    # The URL parser's own seeds: request targets, not documents.
    extra=""
    [ "$name" = fuzz_serve_url ] && extra=tests/data/web/targets
    if [ $mode = replay ]; then
        # -runs=0: read and execute every input of the corpora, then stop.
        set -- -runs=0 $kept $extra "$seeds"
    else
        mkdir -p "build-fuzz/corpus-$name"
        set -- -max_total_time="$secs" "build-fuzz/corpus-$name" $kept $extra "$seeds"
    fi
    if "$bin" -timeout=10 -rss_limit_mb=2048 -max_len=65536 "$@" >"build-fuzz/$name.log" 2>&1; then
        n=$(grep -oE 'INITED exec/s: [0-9]+|Done [0-9]+ runs' "build-fuzz/$name.log" | tail -n 1)
        echo "ok $name: $mode, ${kept:+$(ls "$kept" | wc -l) kept inputs, }$n"
        passed=$((passed + 1))
    else
        echo "not ok $name: see build-fuzz/$name.log"
        tail -n 30 "build-fuzz/$name.log"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
