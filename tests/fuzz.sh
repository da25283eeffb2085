#!/bin/sh
# tests/fuzz.sh SECONDS -- builds every libFuzzer target and runs each for
# SECONDS on a seed corpus of our own test data.  A crash, leak, timeout or
# sanitizer report fails the target.
set -u
secs=${1:-10}
passed=0
failed=0
make --no-print-directory fuzz >/dev/null 2>build-fuzz.log || { cat build-fuzz.log; echo "0 passed, 1 failed"; exit 1; }
rm -f build-fuzz.log
for bin in build-fuzz/fuzz_*; do
    [ -x "$bin" ] || continue
    name=${bin#build-fuzz/}
    corpus=build-fuzz/corpus-$name
    mkdir -p "$corpus"
    # Seeds: our own examples and test inputs.
    cp examples/* tests/data/read/* "$corpus"/ 2>/dev/null
    [ "$name" = fuzz_serve_url ] && cp tests/data/web/targets/* "$corpus"/
    if "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        "$corpus" >"build-fuzz/$name.log" 2>&1; then
        runs=$(grep -oE 'Done [0-9]+ runs' "build-fuzz/$name.log" | tail -n 1)
        echo "ok $name: $runs in ${secs}s"
        passed=$((passed + 1))
    else
        echo "not ok $name: see build-fuzz/$name.log"
        tail -n 30 "build-fuzz/$name.log"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
