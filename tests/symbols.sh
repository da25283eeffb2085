#!/bin/sh
# tests/symbols.sh LIB -- the shared library's interface is include/dyad.h
# and nothing else: every symbol libdyad.so exports has the dyad_ prefix,
# and every function the header declares is exported.  Ends "N passed,
# N failed".
set -u
lib=${1:-build/libdyad.so}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '{print $3}' | sort >"$tmp/exported"
if [ ! -s "$tmp/exported" ]; then
    echo "FAIL $lib exports nothing (or nm failed)"
    echo "0 passed, 1 failed"
    exit 1
fi
grep -v '^dyad_' "$tmp/exported" >"$tmp/stray"
if [ -s "$tmp/stray" ]; then
    failed=$((failed + 1))
    echo "FAIL $lib exports $(wc -l <"$tmp/stray") symbol(s) without the dyad_ prefix:"
    head -n 20 "$tmp/stray" | sed 's/^/  /'
else
    passed=$((passed + 1))
fi
# Function names declared in the header: an identifier followed by "(" at
# the start of a declaration line, after its return type.
grep -oE '^[a-z_][a-z0-9_ *]*[ *](dyad_[a-z0-9_]+)\(' include/dyad.h |
    sed -E 's/.*[ *](dyad_[a-z0-9_]+)\($/\1/' | sort -u >"$tmp/declared"
missing=$(comm -23 "$tmp/declared" "$tmp/exported")
if [ -n "$missing" ]; then
    failed=$((failed + 1))
    echo "FAIL declared in include/dyad.h but not exported by $lib:"
    echo "$missing" | sed 's/^/  /'
else
    passed=$((passed + 1))
fi
echo "$(wc -l <"$tmp/exported") exported, $(wc -l <"$tmp/declared") declared"
echo "$passed passed, $failed failed"
