#!/bin/sh
# tests/run.sh -- runs every test and ends with one line "N passed, N failed".
#
#   1. unit tests (build/test_unit), then the same under ASan+UBSan
#   2. CLI and golden tests (tests/cli.sh) on the normal and the ASan build
#   3. the built-in dictionaries against the gold answer keys (tests/gold.sh),
#      and main-text extraction from web pages (tests/extract.sh)
#   3b. the Python package's pytest suite (tests/python.sh) on both builds, and `make
#       install`/`uninstall` into temporary prefixes (tests/install.sh)
#   3c. the event store (tests/store.sh: ingest, query, kill -9, copies)
#       and dyad serve (tests/web.sh: the HTTP API with curl, the view in
#       headless Chromium), each also on the ASan build; the PostgreSQL
#       store (tests/pg.sh: a throwaway server, concurrent workers, kill -9)
#       and a Slurm array job into it (tests/slurm.sh)
#   3d. trends and alerts on the demo corpus (tests/trends.sh)
#   3e. news feeds (tests/feeds.sh: dyad feeds against a local web server)
#   4. every libFuzzer target replays its checked-in corpus (fuzz/corpus;
#      timed fuzzing is `make fuzz`)
# Run from the project root: `make test`.
set -u
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Adds the counts of a component's "N passed, M failed" line.
tally() {
    name=$1
    line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        echo "$name: no result line (crashed?)"
        failed=$((failed + 1))
        return
    fi
    p=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed, ([0-9]+) failed.*/\2/')
    f=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed, ([0-9]+) failed.*/\3/')
    passed=$((passed + p))
    failed=$((failed + f))
    echo "$name: $p passed, $f failed"
}

run() {
    name=$1
    shift
    "$@" >"$log" 2>&1
    rc=$?
    grep -E '^(FAIL|  |not ok)' "$log" | head -n 60
    tally "$name"
    if [ $rc -ne 0 ] && ! grep -qE ' [1-9][0-9]* failed' "$log"; then
        echo "$name: exited with status $rc"
        tail -n 20 "$log"
        failed=$((failed + 1))
    fi
}

run "unit" ./build/test_unit
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    run "unit (asan+ubsan)" ./build-asan/test_unit
run "cli" sh tests/cli.sh build/dyad
ASAN_OPTIONS=detect_leaks=1 run "cli (asan+ubsan)" sh tests/cli.sh build-asan/dyad
run "gold" sh tests/gold.sh build/dyad
run "symbols" sh tests/symbols.sh build/libdyad.so
run "python" sh tests/python.sh build/libdyad.so
run "python (asan+ubsan)" sh tests/python.sh build-asan/libdyad.so asan
run "install" sh tests/install.sh
run "store" sh tests/store.sh build/dyad
ASAN_OPTIONS=detect_leaks=1 run "store (asan+ubsan)" sh tests/store.sh build-asan/dyad
run "extract" sh tests/extract.sh build/dyad
run "web" sh tests/web.sh build/dyad
ASAN_OPTIONS=detect_leaks=1 WEB_TEST_OUT=build-asan/web-test run "web (asan+ubsan)" sh tests/web.sh build-asan/dyad
run "pg" sh tests/pg.sh build/dyad
ASAN_OPTIONS=detect_leaks=1 run "pg (asan+ubsan)" sh tests/pg.sh build-asan/dyad
run "slurm" sh tests/slurm.sh build/dyad
run "feeds" sh tests/feeds.sh build/dyad
ASAN_OPTIONS=detect_leaks=1 run "feeds (asan+ubsan)" sh tests/feeds.sh build-asan/dyad
run "trends" sh tests/trends.sh build/dyad
ASAN_OPTIONS=detect_leaks=1 run "trends (asan+ubsan)" sh tests/trends.sh build-asan/dyad

if [ -e /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a ] ||
   ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
    run "fuzz" sh tests/fuzz.sh
else
    echo "fuzz: FAILED: libclang-rt-14-dev is not installed (run ./setup.sh)"
    failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
