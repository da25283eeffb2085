#!/bin/sh
# bench/run.sh -- start-up of `dyad code` (ms from process start to exit
# coding one sentence with the built-in dictionaries: issue 9 asks for at
# most 20), throughput of the text pipeline on the 98,000-record corpus
# (../shared/bench/replicate 2000), one core, and memory flatness (peak
# RSS on 500 vs 2000 copies must be about the same when streaming).
set -eu
shared=${DYAD_SHARED:-../shared}
out=bench/out
mkdir -p "$out"
echo "== start-up: dyad code on a one-sentence file, built-in dictionaries (ms from process start, best of 20) =="
printf 'Russia attacked Ukraine on Tuesday.\n' >"$out/one-sentence.txt"
build/bench_start 20 build/dyad code -q "$out/one-sentence.txt"
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
echo "== dictionaries: the Phoenix set from text and from its compiled image =="
dicts="$shared/peers/petrarch2/dictionaries"
phoenix="$dicts/CAMEO.2.0.txt $dicts/Phoenix.Countries.actors.txt $dicts/Phoenix.International.actors.txt $dicts/Phoenix.MilNonState.actors.txt $dicts/Phoenix.agents.txt $dicts/Phoenix.discards.txt"
mkdir -p "$out/dict-cache"
# shellcheck disable=SC2086
build/dyad dict compile -q --cache-dir "$out/dict-cache" $phoenix 2>/dev/null | grep -E '^(image|time):'
for mode in text cached; do
    for i in 1 2 3; do
        # shellcheck disable=SC2086
        if [ $mode = text ]; then build/bench_dict text $phoenix; else build/bench_dict cached "$out/dict-cache" $phoenix; fi
    done | sort -t: -k2 -n | head -n 1
done
image=$(ls "$out"/dict-cache/*.dyad-image | head -n 1)
for i in 1 2 3; do build/bench_dict image "$image"; done | sort -t: -k2 -n | head -n 1
echo "== coder: read, segment, tag, chunk, code, write JSON Lines (best of 3) =="
tabari="$shared/peers/tabari"
coder_dicts="--verbs $tabari/CAMEO.091003.master.verbs --actors $tabari/CountryInfo.120116.actors --actors $tabari/Internatnl.120521.actors --agents $tabari/PSU.120522.agents"
for j in 1 2; do
    cpus=0
    [ $j -eq 2 ] && cpus=0,1
    best=""
    for i in 1 2 3; do
        # shellcheck disable=SC2086
        line=$(taskset -c $cpus build/bench_code -j $j $coder_dicts "$out/corpus2000.txt")
        rps=$(echo "$line" | sed -E 's/.* records_per_s=([0-9]+).*/\1/')
        if [ -z "$best" ] || [ "$rps" -gt "$(echo "$best" | sed -E 's/.* records_per_s=([0-9]+).*/\1/')" ]; then best=$line; fi
    done
    echo "-j $j: $best"
done
echo "== coder with dyad's built-in dictionaries, one core (best of 3) =="
for i in 1 2 3; do taskset -c 0 build/bench_code --builtin "$out/corpus2000.txt"; done |
    sort -t= -k5 -n | tail -n 1
echo "== event store (bench/store.sh) =="
sh bench/store.sh
echo "== web pages: HTML parse + main-text extraction, one core (extraction-dev's 121 pages) =="
pages="$shared/extraction-dev/html"
if [ -d "$pages" ]; then
    dy=$(taskset -c 0 build/bench_html --rounds 3 "$pages"/*.html.gz)
    echo "dyad: $dy"
    # Debian's python3-readability (readability-lxml) on the same pages;
    # /usr/bin/python3 is the interpreter Debian's package is installed for.
    py=$(taskset -c 0 /usr/bin/python3 bench/readability_bench.py "$pages"/*.html.gz)
    echo "$py"
    a=$(echo "$dy" | sed -E 's/.*mb_per_s=([0-9.]+).*/\1/')
    b=$(echo "$py" | sed -nE 's/.*mb_per_s=([0-9.]+).*/\1/p')
    [ -n "$b" ] && python3 -c "print('dyad / readability: %.1fx' % ($a / $b))"
fi
echo "== dyad serve under load (bench/web.sh) =="
sh bench/web.sh
echo "== PostgreSQL store (bench/pg.sh) =="
sh bench/pg.sh
echo "== the trend query on 10 million events in PostgreSQL (bench/pg_trend.sh) =="
sh bench/pg_trend.sh
echo "== trends and alerts (bench/alerts.sh) =="
sh bench/alerts.sh
