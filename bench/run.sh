#!/bin/sh
# bench/run.sh -- throughput of the text pipeline on the 98,000-record
# corpus (../shared/bench/replicate 2000), one core, and memory flatness
# (peak RSS on 500 vs 2000 copies must be about the same when streaming).
set -eu
shared=${DYAD_SHARED:-../shared}
out=bench/out
mkdir -p "$out"
[ -s "$out/corpus2000.txt" ] || sh "$shared/bench/replicate" 2000 >"$out/corpus2000.txt"
[ -s "$out/corpus500.txt" ] || sh "$shared/bench/replicate" 500 >"$out/corpus500.txt"
echo "== text pipeline, one core (best of 3) =="
for level in sentences tags chunks; do
    best=""
    for i in 1 2 3; do
        line=$(taskset -c 0 build/bench_text --level $level "$out/corpus2000.txt")
        tps=$(echo "$line" | sed -E 's/.*tokens_per_s=([0-9]+).*/\1/')
        if [ -z "$best" ] || [ "$tps" -gt "$(echo "$best" | sed -E 's/.*tokens_per_s=([0-9]+).*/\1/')" ]; then best=$line; fi
    done
    echo "$level: $best"
done
echo "== memory when streaming (peak RSS, chunks level) =="
echo "500 copies:  $(build/bench_text "$out/corpus500.txt" | sed -E 's/.*(peak_rss_kb=[0-9]+).*/\1/')"
echo "2000 copies: $(build/bench_text "$out/corpus2000.txt" | sed -E 's/.*(peak_rss_kb=[0-9]+).*/\1/')"
