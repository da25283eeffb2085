#!/bin/sh
# tests/install.sh -- `make install` and `make uninstall` into temporary
# prefixes: every file where it belongs, the soname and its links, a C
# program built with `pkg-config --cflags --libs dyad` (shared, and static
# with --static) coding a sentence through the public API, the installed
# Python package finding the installed library, DESTDIR staging, and an
# uninstall that leaves no file behind.  Ends "N passed, N failed".
# Run from the project root after `make`.
set -u
make=${MAKE:-make}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
not_ok() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { name=$1; shift; if "$@"; then ok; else not_ok "$name"; return 1; fi; }

version=$(sed -n 's/^#define DYAD_VERSION "\(.*\)"/\1/p' include/dyad.h)
prefix=$tmp/prefix
lib=$prefix/lib

# --- install -------------------------------------------------------------------
if $make -s install PREFIX="$prefix" >"$tmp/log" 2>&1; then ok; else
    not_ok "make install PREFIX=$prefix"; tail -n 20 "$tmp/log" | sed 's/^/  /'
fi
for f in bin/dyad lib/libdyad.a include/dyad.h share/man/man1/dyad.1 lib/pkgconfig/dyad.pc \
         lib/python3/dist-packages/dyad/__init__.py lib/python3/dist-packages/dyad/_lib.py; do
    check "installed $f" test -f "$prefix/$f" -a -s "$prefix/$f"
done
check "bin/dyad is executable" test -x "$prefix/bin/dyad"
check "lib/libdyad.so.$version is the library" test -f "$lib/libdyad.so.$version" -a ! -L "$lib/libdyad.so.$version"
check "libdyad.so.0 -> libdyad.so.$version" test "$(readlink "$lib/libdyad.so.0")" = "libdyad.so.$version"
check "libdyad.so -> libdyad.so.0" test "$(readlink "$lib/libdyad.so")" = "libdyad.so.0"
check "soname libdyad.so.0" sh -c "readelf -d '$lib/libdyad.so.$version' | grep -q 'SONAME.*\[libdyad.so.0\]'"
check "installed header is include/dyad.h" cmp -s include/dyad.h "$prefix/include/dyad.h"
check "installed dyad runs" sh -c "'$prefix/bin/dyad' version >/dev/null"

# --- pkg-config ----------------------------------------------------------------------
export PKG_CONFIG_PATH="$lib/pkgconfig"
if ! command -v pkg-config >/dev/null 2>&1; then
    not_ok "pkg-config is not installed (apt-get install pkg-config, or ./setup.sh)"
else
    check "pkg-config --modversion dyad" test "$(pkg-config --modversion dyad 2>/dev/null)" = "$version"
    check "pkg-config --cflags names the prefix" test "$(echo $(pkg-config --cflags dyad))" = "-I$prefix/include"
    check "pkg-config --static adds -lm" sh -c "pkg-config --static --libs dyad | grep -q -- '-lm'"

    # The README's library example: coder, workspace, pipeline, reader,
    # renderer -- all through the installed header and library.
    cat >"$tmp/prog.c" <<'CEOF'
#include <dyad.h>
#include <string.h>
int main(void)
{
    static const char text[] = "Russian troops attacked Ukrainian positions near Kharkiv on Tuesday.";
    dyad_coder_config cfg = {.builtin = 1};
    dyad_coder *coder = dyad_coder_new(&cfg);
    dyad_code_options opt = {.default_date = "2022-03-03"};
    dyad_coder_work *work = coder ? dyad_coder_work_new(coder, &opt) : NULL;
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    dyad_reader *r = dyad_reader_open_memory("prog", text, strlen(text), DYAD_FORMAT_TEXT, NULL, NULL);
    if (!work || !p || !r) return 1;
    dyad_document doc;
    dyad_analysis a;
    const dyad_event *ev;
    size_t n;
    while (dyad_reader_next(r, &doc)) {
        memcpy(doc.date, "2022-03-03", 11);
        if (dyad_analyze(p, &doc, &a) == 0 && dyad_code(work, &a, &ev, &n) == 0)
            dyad_render_events(stdout, &a, ev, n, DYAD_EVENTS_JSONL, 0);
    }
    dyad_reader_close(r);
    dyad_pipeline_free(p);
    dyad_coder_work_free(work);
    dyad_coder_free(coder);
    return 0;
}
CEOF
    want='"source":"RUSMIL","target":"UKRMIL","code":"190"'
    # shared, found through the rpath pkg-config's libdir gives
    if cc -std=c17 -Wall -Werror "$tmp/prog.c" -o "$tmp/prog" $(pkg-config --cflags --libs dyad) \
          -Wl,-rpath,"$(pkg-config --variable=libdir dyad)" 2>"$tmp/cc.log"; then
        ok
        "$tmp/prog" >"$tmp/prog.out" 2>&1
        check "shared program codes the sentence" grep -q "$want" "$tmp/prog.out"
        check "shared program uses the installed libdyad.so.0" \
            sh -c "ldd '$tmp/prog' | grep -q '$lib/libdyad.so.0'"
    else
        not_ok "cc \$(pkg-config --cflags --libs dyad)"; head -n 10 "$tmp/cc.log" | sed 's/^/  /'
    fi
    # static: Libs.private must be all libdyad.a needs
    if cc -std=c17 -static "$tmp/prog.c" -o "$tmp/prog-static" $(pkg-config --static --cflags --libs dyad) \
          2>"$tmp/cc.log"; then
        ok
        "$tmp/prog-static" >"$tmp/prog.out" 2>&1
        check "static program codes the sentence" grep -q "$want" "$tmp/prog.out"
    else
        not_ok "cc -static \$(pkg-config --static --cflags --libs dyad)"; head -n 10 "$tmp/cc.log" | sed 's/^/  /'
    fi
fi

# --- the installed Python package ----------------------------------------------------
py=""
for cand in ${PYTHON:-} python3 /usr/bin/python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import cffi' 2>/dev/null; then py=$cand; break; fi
done
if [ -z "$py" ]; then
    not_ok "no python3 with cffi (apt-get install python3-cffi, or ./setup.sh)"
else
    (cd "$tmp" && env -u DYAD_LIB PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$lib/python3/dist-packages" "$py" -c '
import sys, dyad
assert dyad.__file__.startswith(sys.argv[1]), dyad.__file__
print(dyad.library_path)
e = dyad.code("Russian troops attacked Ukrainian positions near Kharkiv on Tuesday.", "2022-03-03")
print(e[0]["source"], e[0]["target"], e[0]["code"])
' "$prefix") >"$tmp/py.out" 2>&1
    check "installed Python package loads $lib/libdyad.so.0" grep -qx "$lib/libdyad.so.0" "$tmp/py.out"
    check "installed Python package codes the sentence" grep -qx "RUSMIL UKRMIL 190" "$tmp/py.out" ||
        sed 's/^/  /' "$tmp/py.out"
fi

# --- uninstall ------------------------------------------------------------------------
# Python writes __pycache__ when it may: that too must go.
if [ -n "$py" ]; then
    (cd "$tmp" && env -u DYAD_LIB PYTHONPATH="$lib/python3/dist-packages" "$py" -c 'import dyad' 2>/dev/null)
fi
$make -s uninstall PREFIX="$prefix" >"$tmp/log" 2>&1
check "make uninstall" test $? -eq 0
find "$prefix" ! -type d >"$tmp/left"
check "uninstall leaves no file" test ! -s "$tmp/left" || sed 's/^/  left: /' "$tmp/left"

# --- DESTDIR staging ------------------------------------------------------------------
stage=$tmp/stage
$make -s install DESTDIR="$stage" PREFIX=/opt/dyad >"$tmp/log" 2>&1
check "make install DESTDIR" test $? -eq 0
check "DESTDIR: library under the stage" test -L "$stage/opt/dyad/lib/libdyad.so.0"
check "DESTDIR: dyad.pc names the final prefix" grep -qx 'prefix=/opt/dyad' "$stage/opt/dyad/lib/pkgconfig/dyad.pc"
check "DESTDIR: nothing outside the stage" test ! -e /opt/dyad/lib/libdyad.so.0
$make -s uninstall DESTDIR="$stage" PREFIX=/opt/dyad >"$tmp/log" 2>&1
find "$stage" ! -type d >"$tmp/left"
check "DESTDIR: uninstall leaves no file" test ! -s "$tmp/left" || sed 's/^/  left: /' "$tmp/left"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
