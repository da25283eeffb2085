"""dyad: political event data from news text, in Python.

    import dyad
    for e in dyad.code("Russian troops attacked Ukrainian positions near Kharkiv.", date="2022-03-03"):
        print(e["source"], e["target"], e["code"])

Each event is a dict with the fields of `dyad code`'s JSON Lines (see
docs/formats.md): doc, sentence, date, date_precision, source, target,
code, root, quad, goldstein, plover, the words that named them with their
byte offsets into the UTF-8 text, place, speaker and flags.

The work is done by libdyad (C) through cffi: the same reader, pipeline,
coder and renderer as the command line, so `dyad.code(text)` gives what
`dyad code` gives.  Offsets count bytes of the UTF-8 encoded text, not
Python characters: `text.encode()[start:end].decode()` is the phrase.

Threads: a Coder may be used by one thread at a time.  The module-level
functions keep one Coder per thread (and per set of dictionary files), and
the library runs without the GIL, so threads code in parallel.
"""

import collections
import datetime
import json
import os
import threading
import warnings

from ._lib import ffi, lib, path as library_path

__all__ = ["code", "code_file", "query", "Coder", "FileEvents", "DyadError", "DyadWarning", "library_path"]

_FORMATS = ("auto", "text", "jsonl", "tabari", "petrarch")


class DyadError(Exception):
    """An error reported by libdyad; the message is the library's."""


class DyadWarning(UserWarning):
    """A problem libdyad worked around: a skipped record or dictionary
    line, repaired UTF-8.  Coding went on."""


def _date(value):
    if value is None:
        return ffi.NULL
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        value = value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"date must be 'YYYY-MM-DD', a datetime.date or None, not {type(value).__name__}")
    return value.encode()


def _format(name):
    name = name or "auto"
    if name not in _FORMATS:
        raise ValueError(f"input_format must be one of {', '.join(_FORMATS)}, not {name!r}")
    return lib.dyad_format_from_name(name.encode())


def _flags(explain, phoenix_quad):
    return (lib.DYAD_EVENTS_EXPLAIN if explain else 0) | (lib.DYAD_EVENTS_PHOENIX_QUAD if phoenix_quad else 0)


def _events(ptr, size):
    if size == 0:
        return []
    text = ffi.buffer(ptr, size)[:].decode("utf-8", errors="replace")
    # One event a line; not str.splitlines(), which would also split at
    # U+2028 and friends inside the JSON strings.
    return [json.loads(line) for line in text.split("\n") if line]


class Coder:
    """A libdyad session: dictionaries loaded once, then any number of
    texts or files coded with them.

    project, verbs, agents, discards, options: TABARI or PETRARCH2
    dictionary files (as `dyad code --verbs` etc.); actors: one file or a
    list of them.  They are added to dyad's built-in dictionaries and win
    where both define a phrase, unless no_default_dict=True, when they are
    used alone (as the peers code).  Raises DyadError when a file cannot be
    read.

    After each call, `diagnostics` lists what the library worked around
    (also issued as DyadWarning): skipped records, skipped dictionary
    lines, repaired UTF-8, as "FILE:LINE: error|warning: MESSAGE".

    One thread at a time; `with dyad.Coder(...) as c:` frees it at once,
    otherwise the garbage collector does."""

    def __init__(self, *, project=None, verbs=None, actors=None, agents=None, discards=None,
                 options=None, no_default_dict=False):
        if isinstance(actors, (str, os.PathLike)):
            actors = [actors]
        actors = [os.fsencode(a) for a in (actors or [])]
        if no_default_dict and not (project or verbs):
            raise DyadError("no_default_dict and no verbs dictionary (verbs=FILE or project=FILE)")
        keep = []  # cffi strings must live until dyad_session_new returns

        def cstr(value):
            if value is None:
                return ffi.NULL
            s = ffi.new("char[]", os.fsencode(value))
            keep.append(s)
            return s

        cfg = ffi.new("dyad_coder_config *")
        cfg.project = cstr(project)
        cfg.verbs = cstr(verbs)
        cfg.agents = cstr(agents)
        cfg.discards = cstr(discards)
        cfg.options = cstr(options)
        arr = ffi.new("const char *[]", [cstr(a) for a in actors] or [ffi.NULL])
        cfg.actors = arr
        cfg.nactors = len(actors)
        cfg.builtin = 0 if no_default_dict else 1
        session = lib.dyad_session_new(cfg)
        if session == ffi.NULL:
            raise MemoryError("dyad: out of memory loading the dictionaries")
        self._s = ffi.gc(session, lib.dyad_session_free)
        self._reading = False
        self.diagnostics = []
        error = ffi.string(lib.dyad_session_error(self._s)).decode(errors="replace")
        if error:
            self.close()
            raise DyadError(error)
        self._collect()

    def close(self):
        """Frees the dictionaries and buffers now."""
        if self._s is not None:
            ffi.release(self._s)
            self._s = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _session(self):
        if self._s is None:
            raise DyadError("this Coder is closed")
        if self._reading:
            raise DyadError("this Coder is reading a file (code_file); use another Coder meanwhile")
        return self._s

    def _collect(self):
        """Keeps the last call's diagnostics and issues them as warnings."""
        text = ffi.string(lib.dyad_session_diagnostics(self._s)).decode(errors="replace")
        self.diagnostics = [line for line in text.split("\n") if line]
        for line in self.diagnostics:
            warnings.warn(line, DyadWarning, stacklevel=3)

    def _fail(self):
        raise DyadError(ffi.string(lib.dyad_session_error(self._s)).decode(errors="replace"))

    def code(self, text, date=None, *, doc_id=None, input_format=None, explain=False,
             phoenix_quad=False):
        """The events of text (str or UTF-8 bytes) as a list of dicts.

        text is one pasted article, or JSON Lines, TABARI or PETRARCH
        records (input_format "text", "jsonl", "tabari", "petrarch";
        detected when None or "auto").  date ("YYYY-MM-DD" or a
        datetime.date) dates documents that carry no date of their own;
        doc_id names a plain-text article (default "text").  explain adds
        each event's dictionary pattern and its file:line; phoenix_quad
        numbers quad classes as Phoenix does."""
        s = self._session()
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        out = ffi.new("const char **")
        size = ffi.new("size_t *")
        doc = ffi.NULL if doc_id is None else str(doc_id).encode()
        n = lib.dyad_session_code(s, data, len(data), _date(date), doc, _format(input_format),
                                  _flags(explain, phoenix_quad), out, size)
        if n < 0:
            self._fail()
        events = _events(out[0], size[0])
        self._collect()
        return events

    def code_file(self, path, date=None, *, input_format=None, explain=False, phoenix_quad=False):
        """Iterates the events of a file ("-" for standard input) in any
        input format the library reads, one document at a time: memory
        stays bounded by the largest document, however long the file.
        Options as for code().  The Coder is busy from this call until the
        iteration ends or the iterator is closed (`with c.code_file(p) as
        events:` closes it)."""
        s = self._session()
        if lib.dyad_session_open_file(s, os.fsencode(path), _date(date), _format(input_format),
                                      _flags(explain, phoenix_quad)) != 0:
            self._fail()
        self._collect()
        return FileEvents(self)


class FileEvents:
    """The iterator Coder.code_file() returns: each next() codes documents
    until one has events.  close() (or the end, or garbage collection)
    frees the Coder for other calls."""

    def __init__(self, coder):
        self._coder = coder
        self._pending = collections.deque()
        self._done = False
        self._out = ffi.new("const char **")
        self._size = ffi.new("size_t *")
        coder._reading = True

    def __iter__(self):
        return self

    def __next__(self):
        c = self._coder
        while not self._pending:
            if self._done:
                raise StopIteration
            if c._s is None:
                self.close()
                raise DyadError("this Coder is closed")
            rc = lib.dyad_session_next(c._s, self._out, self._size)
            if rc < 0:
                self.close()
                c._fail()
            events = _events(self._out[0], self._size[0]) if rc else []
            c._collect()
            if rc == 0:
                self.close()
                raise StopIteration
            self._pending.extend(events)
        return self._pending.popleft()

    def close(self):
        if not self._done:
            self._done = True
            self._pending.clear()
            self._coder._reading = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()


# ---- module-level functions: a Coder per thread and set of dictionaries ----

_local = threading.local()


def _key(dicts):
    """Identifies a set of dictionary files, with their sizes and times so
    that an edited file is loaded again."""
    def stamp(p):
        try:
            st = os.stat(p)
            return (os.fspath(os.path.abspath(p)), st.st_size, st.st_mtime_ns)
        except OSError:
            return (os.fspath(p), None, None)

    parts = []
    for name in ("project", "verbs", "agents", "discards", "options"):
        value = dicts.get(name)
        parts.append(stamp(value) if value is not None else None)
    actors = dicts.get("actors")
    if isinstance(actors, (str, os.PathLike)):
        actors = [actors]
    parts.append(tuple(stamp(a) for a in (actors or [])))
    parts.append(bool(dicts.get("no_default_dict")))
    return tuple(parts)


_DICT_KEYS = ("project", "verbs", "actors", "agents", "discards", "options", "no_default_dict")


def _split(options):
    dicts = {k: options.pop(k) for k in _DICT_KEYS if k in options}
    return dicts, options


def _coder(dicts):
    """A Coder of this thread for these dictionaries that is not busy
    streaming a file; a new one (kept for later) when all are."""
    pools = getattr(_local, "coders", None)
    if pools is None:
        pools = _local.coders = {}
    pool = pools.setdefault(_key(dicts), [])
    for c in pool:
        if not c._reading:
            return c
    c = Coder(**dicts)
    pool.append(c)
    return c


def code(text, date=None, **options):
    """The events of text as a list of dicts.

    Options: doc_id, input_format, explain, phoenix_quad (see Coder.code);
    project, verbs, actors, agents, discards, options, no_default_dict
    (dictionary files, see Coder).  The dictionaries are loaded once per
    thread and kept for later calls with the same files."""
    dicts, rest = _split(dict(options))
    return _coder(dicts).code(text, date, **rest)


def code_file(path, date=None, **options):
    """Iterates the events of a file, document by document (see
    Coder.code_file); options as for code(), less doc_id."""
    dicts, rest = _split(dict(options))
    return _coder(dicts).code_file(path, date, **rest)


# Columns that hold codes or text: read as strings, so "036" stays "036"
# and a code made of digits is never turned into a number.
_STRING_COLUMNS = ("id", "doc", "source", "target", "code", "plover", "source_text", "target_text",
                   "verb_text", "speaker", "place_name", "place_country", "place_country2",
                   "place_region", "url", "outlet", "origin", "ref", "date_precision")


def query(db, *, actor=None, dyad=None, both=False, code=None, root=None, quad=None, start=None,
          end=None, country=None, speaker=None, text=None, unique=False, copies=False,
          limit=None, offset=0):
    """Events from an event store (`dyad ingest --db DB`) as a pandas
    DataFrame, one row an event, with `dyad query --output csv`'s columns.

    The filters are dyad query's: actor (source or target, by prefix),
    dyad=("RUS", "UKR") with both=True for either direction, code (exact
    CAMEO code), root (1-20), quad (1-4), start and end ("YYYY-MM-DD",
    inclusive: dyad query's --from and --to), country (the event's place,
    ISO), speaker, text (full-text search over the sentences), unique (one
    a day), copies (also syndicated copies), limit and offset.  Raises
    DyadError when the store cannot be opened or a filter is malformed."""
    import io

    import pandas as pd

    keep = []

    def cstr(value):
        if value is None:
            return ffi.NULL
        s = ffi.new("char[]", str(value).encode())
        keep.append(s)
        return s

    q = ffi.new("dyad_query *")
    q.actor = cstr(actor)
    if dyad is not None:
        if isinstance(dyad, str):
            dyad = dyad.split(",", 1)
        source, target = dyad
        q.source = cstr(source or None)
        q.target = cstr(target or None)
    q.both = 1 if both else 0
    q.code = cstr(code)
    q.root = int(root or 0)
    q.quad = int(quad or 0)
    q.__setattr__("from", cstr(start))
    q.to = cstr(end)
    q.country = cstr(country)
    q.speaker = cstr(speaker)
    q.text = cstr(text)
    q.unique = 1 if unique else 0
    q.copies = 1 if copies else 0
    q.limit = int(limit or 0)
    q.offset = int(offset or 0)
    rows = ffi.new("char **")
    size = ffi.new("size_t *")
    err = ffi.new("char[]", 1024)
    n = lib.dyad_store_query_rows(os.fsencode(db), q, lib.DYAD_ROWS_CSV, rows, size, err, 1024)
    if n < 0:
        raise DyadError(ffi.string(err).decode(errors="replace"))
    try:
        data = ffi.buffer(rows[0], size[0])[:].decode("utf-8", errors="replace")
    finally:
        lib.dyad_free(rows[0])
    return pd.read_csv(io.StringIO(data), dtype={c: str for c in _STRING_COLUMNS},
                       keep_default_na=False, na_values={"lat": [""], "lon": [""]})
