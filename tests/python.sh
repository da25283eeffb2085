#!/bin/sh
# tests/python.sh [LIBDYAD [asan]] -- the Python package (python/dyad)
# through its pytest suite (python/tests), over LIBDYAD (default
# build/libdyad.so).  With "asan", LIBDYAD is the ASan+UBSan build and the
# sanitizer runtimes are preloaded into Python (leak checks off: CPython
# keeps its own allocations to the end by design).
# Needs cffi and pytest (Debian: python3-cffi, python3-pytest; ./setup.sh
# installs them): without them the component fails, it is never skipped.
# Ends "N passed, N failed", the counts of pytest's summary (errors and
# skipped tests count as failed).
set -u
lib=${1:-build/libdyad.so}
san=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)

# The first interpreter that has both: a pyenv or venv python3 on PATH may
# lack Debian's packages, which /usr/bin/python3 has.
py=""
for cand in ${PYTHON:-} python3 /usr/bin/python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import cffi, pytest' 2>/dev/null; then
        py=$cand
        break
    fi
done
if [ -z "$py" ]; then
    echo "FAIL python: no python3 with cffi and pytest (apt-get install python3-cffi python3-pytest, or ./setup.sh)"
    echo "0 passed, 1 failed"
    exit 1
fi
if [ ! -f "$lib" ]; then
    echo "FAIL python: $lib not built (make)"
    echo "0 passed, 1 failed"
    exit 1
fi
case $lib in /*) ;; *) lib=$(pwd)/$lib ;; esac

log=$(mktemp)
trap 'rm -f "$log"' EXIT
cd "$root" || exit 1
preload=""
if [ "$san" = asan ]; then
    preload="$(cc -print-file-name=libasan.so):$(cc -print-file-name=libubsan.so)"
fi
env ${preload:+LD_PRELOAD=$preload} ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}:detect_leaks=0 \
    DYAD_LIB=$lib PYTHONDONTWRITEBYTECODE=1 "$py" -m pytest -q -p no:cacheprovider -rfEs python/tests >"$log" 2>&1
rc=$?
# Failures and their reasons, indented so that tests/run.sh shows them.
grep -E '^(FAILED|ERROR|SKIPPED)' "$log" | sed 's/^/FAIL /'
summary=$(grep -E '^=*.*[0-9]+ (passed|failed|error|errors|skipped)' "$log" | tail -n 1)
count() { echo "$summary" | grep -oE "[0-9]+ $1" | grep -oE '[0-9]+' | head -n 1; }
passed=$(count passed); passed=${passed:-0}
failed=$(count failed); failed=${failed:-0}
errors=$(count 'errors?'); errors=${errors:-0}
skipped=$(count skipped); skipped=${skipped:-0}
failed=$((failed + errors + skipped))
if [ -z "$summary" ] || { [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
    # pytest could not run the suite (an import error, a crash)
    tail -n 20 "$log" | sed 's/^/  /'
    failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
