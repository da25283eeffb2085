"""Loading libdyad through cffi in ABI mode: no compiler is needed at
install time, only the shared library and the declarations below, which
copy include/dyad.h (the session API and what it takes)."""

import ctypes.util
import os
from pathlib import Path

from cffi import FFI

CDEF = """
typedef struct dyad_diag dyad_diag;
typedef void (*dyad_diag_fn)(const dyad_diag *diag, void *user);

typedef enum dyad_format {
    DYAD_FORMAT_AUTO = 0, DYAD_FORMAT_TEXT, DYAD_FORMAT_JSONL,
    DYAD_FORMAT_TABARI, DYAD_FORMAT_PETRARCH
} dyad_format;
int dyad_format_from_name(const char *name);

enum { DYAD_EVENTS_EXPLAIN = 1, DYAD_EVENTS_PHOENIX_QUAD = 2 };

typedef struct dyad_coder_config {
    const char *project;
    const char *verbs;
    const char *const *actors;
    size_t nactors;
    const char *agents;
    const char *discards;
    const char *options;
    int builtin;
    dyad_diag_fn diag;
    void *user;
} dyad_coder_config;

typedef struct dyad_session dyad_session;
dyad_session *dyad_session_new(const dyad_coder_config *dicts);
void dyad_session_free(dyad_session *session);
const char *dyad_session_error(const dyad_session *session);
const char *dyad_session_diagnostics(const dyad_session *session);
long dyad_session_code(dyad_session *session, const char *text, size_t len,
                       const char *date, const char *doc_id, dyad_format format,
                       unsigned flags, const char **jsonl, size_t *len_out);
int dyad_session_open_file(dyad_session *session, const char *path, const char *date,
                           dyad_format format, unsigned flags);
int dyad_session_next(dyad_session *session, const char **jsonl, size_t *len_out);

typedef enum dyad_row_format {
    DYAD_ROWS_JSONL, DYAD_ROWS_CSV, DYAD_ROWS_TSV, DYAD_ROWS_PHOENIX, DYAD_ROWS_GDELT
} dyad_row_format;
typedef struct dyad_query {
    const char *actor;
    const char *source;
    const char *target;
    int both;
    const char *code;
    int root;
    int quad;
    const char *from, *to;
    const char *country;
    const char *speaker;
    const char *text;
    int unique;
    int copies;
    size_t limit;
    size_t offset;
} dyad_query;
long dyad_store_query_rows(const char *db, const dyad_query *q, dyad_row_format format, char **rows,
                           size_t *len, char *err, size_t errcap);
void dyad_free(void *p);
"""

ffi = FFI()
ffi.cdef(CDEF)


def candidates():
    """Where libdyad may be, in the order tried: $DYAD_LIB; the build
    directory of the source tree this package sits in (python/dyad ->
    build/libdyad.so); the library beside an installed package
    (PREFIX/lib/python3/dist-packages/dyad -> PREFIX/lib/libdyad.so.0);
    the system's search path."""
    env = os.environ.get("DYAD_LIB")
    if env:
        return [env]  # asked for: no silent fallback to another copy
    here = Path(__file__).resolve().parent
    found = [here.parents[1] / "build" / "libdyad.so", here.parents[2] / "libdyad.so.0"]
    paths = [str(p) for p in found if p.is_file()]
    system = ctypes.util.find_library("dyad")
    if system:
        paths.append(system)
    return paths


def load():
    tried = candidates()
    errors = []
    for path in tried:
        try:
            return ffi.dlopen(path), path
        except OSError as e:
            errors.append(f"{path}: {e}")
    where = "; ".join(errors) if errors else "none found"
    raise ImportError(
        "dyad: cannot load libdyad (set DYAD_LIB to the path of libdyad.so, "
        f"build it with `make`, or `make install`): {where}")


lib, path = load()
