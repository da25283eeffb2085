"""The Python package over libdyad: real coding through the library, the
options reaching it, errors as exceptions, files streamed in every input
format, and agreement with the command line."""

import datetime
import os
import subprocess
import threading
from pathlib import Path

import pytest

import dyad

ROOT = Path(__file__).resolve().parents[2]
KHARKIV = "Russian troops attacked Ukrainian positions near Kharkiv on Tuesday."


def triples(events):
    return [(e["source"], e["target"], e["code"]) for e in events]


def test_sentence_source_target_root_date_place():
    events = dyad.code(KHARKIV, date="2022-03-03")
    assert len(events) == 1
    e = events[0]
    assert (e["source"], e["target"], e["root"]) == ("RUSMIL", "UKRMIL", "19")
    assert e["date"] == "2022-03-01"  # the Tuesday before Thursday 3 March
    assert e["date_precision"] == "day" and e["date_text"] == "Tuesday"
    assert e["place"]["name"] == "Kharkiv" and e["place"]["country"] == "UKR"
    assert e["quad"] == 4 and e["goldstein"] == -10.0
    assert e["doc"] == "text"
    assert "pattern" not in e


def test_date_objects_and_no_date():
    assert dyad.code(KHARKIV, date=datetime.date(2023, 6, 15))[0]["date"] == "2023-06-13"
    assert dyad.code(KHARKIV, datetime.datetime(2023, 6, 15, 12, 0))[0]["date"] == "2023-06-13"
    undated = dyad.code("China criticised Japan over the island dispute.")
    assert triples(undated) == [("CHN", "JPN", "111")]
    assert undated[0]["date"] is None and undated[0]["date_precision"] == "none"


def test_bad_date_and_format_raise():
    with pytest.raises(dyad.DyadError, match="2022-13-01"):
        dyad.code(KHARKIV, date="2022-13-01")
    with pytest.raises(ValueError, match="input_format"):
        dyad.code(KHARKIV, input_format="docx")
    with pytest.raises(TypeError):
        dyad.code(KHARKIV, date=20220303)


def test_doc_id_explain_phoenix_quad():
    e = dyad.code(KHARKIV, date="2022-03-03", doc_id="kh-1", explain=True)[0]
    assert e["doc"] == "kh-1" and "pattern" in e
    e = dyad.code("Egypt urged Israel to hold talks.", explain=True)[0]
    assert e["pattern"] == "* &TALKS"
    assert e["pattern_at"].startswith("dict/verbs/02-appeal.verbs:")
    gdelt = dyad.code("Egypt urged Israel to hold talks.", date="2022-03-03")[0]["quad"]
    phoenix = dyad.code("Egypt urged Israel to hold talks.", date="2022-03-03", phoenix_quad=True)[0]["quad"]
    assert (gdelt, phoenix) == (1, 0)  # verbal cooperation in GDELT's and Phoenix's numbering


def test_offsets_are_byte_offsets_into_utf8():
    text = "Le président français Emmanuel Macron criticised Russia."
    e = dyad.code(text)[0]
    assert (e["source"], e["target"]) == ("FRAELI", "RUS")
    raw = text.encode("utf-8")
    s, t = e["offsets"]["source"], e["offsets"]["target"]
    assert raw[s[0]:s[1]].decode() == "Emmanuel Macron" == e["source_text"]
    assert raw[t[0]:t[1]].decode() == "Russia"
    # bytes in give the same events
    assert dyad.code(raw) == dyad.code(text)


def test_input_formats_in_text():
    jsonl = ('{"id":"a1","date":"2021-05-05","text":"Israel bombed Gaza on Monday."}\n'
             '{"id":"a2","text":"China criticised Japan over the island dispute."}\n')
    events = dyad.code(jsonl, date="2020-01-01")
    assert [(e["doc"], e["code"], e["date"]) for e in events] == [
        ("a1", "195", "2021-05-03"), ("a2", "111", "2020-01-01")]
    assert dyad.code(jsonl, input_format="jsonl") == dyad.code(jsonl)
    tabari = "220303 T-1\n" + KHARKIV + "\n\n"
    assert [(e["doc"], e["date"]) for e in dyad.code(tabari)] == [("T-1", "2022-03-01")]
    # forced to plain text, the JSON is one article named by doc_id
    forced = dyad.code(jsonl, input_format="text", doc_id="raw")
    assert all(e["doc"] == "raw" for e in forced)


def test_skipped_record_is_a_warning_not_an_error():
    text = ('{"id":"x1","date":"2021-05-05","text":"Israel bombed Gaza."}\n'
            'not json\n'
            '{"id":"x2","date":"2021-05-06","text":"China criticised Japan."}\n')
    with pytest.warns(dyad.DyadWarning, match=r"feed:2: error: invalid JSON"):
        events = dyad.code(text, doc_id="feed")
    assert [e["doc"] for e in events] == ["x1", "x2"]


def test_bad_dictionary_path_raises_with_the_library_message():
    with pytest.raises(dyad.DyadError, match=r"/nonexistent/dyad\.verbs: error: cannot read"):
        dyad.code(KHARKIV, verbs="/nonexistent/dyad.verbs")
    with pytest.raises(dyad.DyadError, match="missing.actors"):
        dyad.Coder(actors=["/nonexistent/missing.actors"])
    with pytest.raises(dyad.DyadError, match="no verbs dictionary"):
        dyad.Coder(no_default_dict=True)


@pytest.fixture
def dicts(tmp_path):
    verbs = tmp_path / "t.verbs"
    actors = tmp_path / "t.actors"
    verbs.write_text("CONDEMN [122]\n")
    actors.write_text("VALORIA [VAL]\nMERANTH_ [MER]\n")
    return verbs, actors


TWO = "Valoria condemned Meranth on Tuesday for the border incident. Russia condemned Ukraine."


def test_dictionary_files_alone_and_with_the_builtin_ones(dicts):
    verbs, actors = dicts
    alone = dyad.code(TWO, "2024-01-04", verbs=verbs, actors=actors, no_default_dict=True)
    assert triples(alone) == [("VAL", "MER", "122")]
    both = dyad.code(TWO, "2024-01-04", verbs=str(verbs), actors=[str(actors)])
    assert triples(both) == [("VAL", "MER", "122"), ("RUS", "UKR", "122")]
    assert dyad.code(TWO, "2024-01-04")[0]["source"] != "VAL"  # the files are what codes Valoria


def test_edited_dictionary_is_loaded_again(dicts):
    verbs, actors = dicts
    first = dyad.code(TWO, verbs=verbs, actors=actors, no_default_dict=True)
    verbs.write_text("CONDEMN [111]\n")
    st = verbs.stat()
    os.utime(verbs, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    second = dyad.code(TWO, verbs=verbs, actors=actors, no_default_dict=True)
    assert triples(first) == [("VAL", "MER", "122")]
    assert triples(second) == [("VAL", "MER", "111")]


def test_code_file_jsonl_streams_and_warns(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(
        '{"id":"f1","date":"2021-05-05","text":"Israel bombed Gaza on Monday."}\n'
        '{"id":"f2","text":"The weather was fine."}\n'
        '{broken\n'
        '{"id":"f3","text":"China criticised Japan over the island dispute."}\n')
    it = dyad.code_file(path, date="2019-09-09")
    assert iter(it) is it and not isinstance(it, list)
    first = next(it)
    assert (first["doc"], first["code"], first["date"]) == ("f1", "195", "2021-05-03")
    # a call meanwhile gets its own Coder and leaves the stream alone
    assert triples(dyad.code(KHARKIV)) == [("RUSMIL", "UKRMIL", "190")]
    with pytest.warns(dyad.DyadWarning, match=r"news\.jsonl:3: error"):
        rest = list(it)
    assert [(e["doc"], e["date"]) for e in rest] == [("f3", "2019-09-09")]


def test_code_file_other_formats(tmp_path):
    tabari = tmp_path / "wire.tabari"
    tabari.write_text("220303 T-1\n" + KHARKIV + "\n\n220304 T-2\nChina criticised Japan over the island dispute.\n\n")
    assert [(e["doc"], e["source"], e["target"]) for e in dyad.code_file(tabari)] == [
        ("T-1", "RUSMIL", "UKRMIL"), ("T-2", "CHN", "JPN")]
    xml = tmp_path / "records.xml"
    xml.write_text('<Sentences>\n<Sentence date="20220303" id="P-1" sentence="true">\n'
                   '<Text>Israel bombed Gaza on Monday.</Text>\n</Sentence>\n</Sentences>\n')
    assert [(e["doc"], e["code"], e["date"]) for e in dyad.code_file(xml)] == [("P-1", "195", "2022-02-28")]
    text = tmp_path / "article.txt"
    text.write_text(KHARKIV + "\n")
    assert [e["doc"] for e in dyad.code_file(text, input_format="text")] == ["article.txt"]


def test_code_file_missing_raises(tmp_path):
    with pytest.raises(dyad.DyadError, match="nothere.jsonl"):
        dyad.code_file(tmp_path / "nothere.jsonl")


def test_coder_is_busy_while_streaming_and_free_after(tmp_path):
    path = tmp_path / "two.jsonl"
    path.write_text('{"id":"a","text":"Israel bombed Gaza."}\n{"id":"b","text":"China criticised Japan."}\n')
    with dyad.Coder() as c:
        it = c.code_file(path)
        with pytest.raises(dyad.DyadError, match="reading a file"):
            c.code(KHARKIV)  # busy from the call, before the first event
        assert next(it)["doc"] == "a"
        it.close()
        assert triples(c.code(KHARKIV)) == [("RUSMIL", "UKRMIL", "190")]
        with c.code_file(path) as events:
            assert next(events)["doc"] == "a"
        assert triples(c.code(KHARKIV)) == [("RUSMIL", "UKRMIL", "190")]
        c.code_file(path)  # dropped unread: garbage collection frees the Coder
        assert triples(c.code(KHARKIV)) == [("RUSMIL", "UKRMIL", "190")]
        assert [e["doc"] for e in c.code_file(path)] == ["a", "b"]
    with pytest.raises(dyad.DyadError, match="closed"):
        c.code(KHARKIV)
    c = dyad.Coder()
    it = c.code_file(path)
    c.close()
    with pytest.raises(dyad.DyadError, match="closed"):
        next(it)


def test_module_functions_reuse_their_coders(tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text('{"id":"a","text":"Israel bombed Gaza."}\n{"id":"b","text":"China criticised Japan."}\n')
    dyad.code(KHARKIV)
    pool = dyad._local.coders[dyad._key({})]
    n = len(pool)
    stream = dyad.code_file(path)
    next(stream)
    for _ in range(3):
        dyad.code(KHARKIV)  # a second Coder, loaded once, while the first streams
    assert len(pool) == max(n, 2)
    stream.close()
    dyad.code(KHARKIV)
    assert len(pool) == max(n, 2)


def test_same_events_as_the_command_line():
    article = ROOT / "examples" / "article.txt"
    cli = subprocess.run([str(ROOT / "build" / "dyad"), "code", "-q", "--date", "2022-01-27", str(article)],
                         check=True, capture_output=True, text=True).stdout
    import json
    want = [json.loads(line) for line in cli.splitlines()]
    assert len(want) >= 6
    assert list(dyad.code_file(article, date="2022-01-27")) == want
    assert dyad.code(article.read_text(), "2022-01-27", doc_id="article.txt") == want


def test_threads_code_in_parallel_with_the_same_results():
    texts = [KHARKIV, "China criticised Japan over the island dispute.", "Israel bombed Gaza on Monday."] * 5
    serial = [dyad.code(t, "2022-03-03") for t in texts]
    results = [None] * len(texts)

    def work(i):
        results[i] = dyad.code(texts[i], "2022-03-03")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == serial


def test_library_found_in_the_source_tree():
    expected = os.environ.get("DYAD_LIB") or str(ROOT / "build" / "libdyad.so")
    assert os.path.samefile(dyad.library_path, expected)


def _normal(text):
    import re
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return " ".join(text.replace("(", " ( ").replace(")", " ) ").replace(",", " , ")
                    .replace(";", " ; ").replace("*", " * ").split())


def test_cffi_declarations_match_the_header():
    """python/dyad/_lib.py copies declarations of include/dyad.h (ABI mode
    reads no header): each must still be in the header, word for word."""
    import re
    from dyad import _lib
    header = _normal((ROOT / "include" / "dyad.h").read_text())
    cdef = re.sub(r"/\*.*?\*/", " ", _lib.CDEF, flags=re.S)
    prototypes = re.findall(r"^[a-z][^;{}]*\([^;{}]*\);", cdef, flags=re.M)
    assert len(prototypes) >= 8
    for proto in prototypes:
        assert _normal(proto) in header, proto
    struct = re.search(r"typedef struct dyad_coder_config \{.*?\} dyad_coder_config;", cdef, flags=re.S)
    assert struct and _normal(struct.group(0)) in header
    for name in ("auto", "text", "jsonl", "tabari", "petrarch"):
        assert _lib.lib.dyad_format_from_name(name.encode()) == getattr(_lib.lib, "DYAD_FORMAT_" + name.upper())
    raw = (ROOT / "include" / "dyad.h").read_text()
    for flag in ("DYAD_EVENTS_EXPLAIN", "DYAD_EVENTS_PHOENIX_QUAD"):
        shift = re.search(flag + r"\s*=\s*1u\s*<<\s*(\d+)", raw)
        assert shift and getattr(_lib.lib, flag) == 1 << int(shift.group(1)), flag


def _ingest(tmp_path):
    import json
    news = tmp_path / "news.jsonl"
    docs = [
        {"id": "a", "date": "2022-02-24", "text": "Russian forces attacked Ukraine on Thursday."},
        {"id": "b", "date": "2022-02-25", "text": "Ukraine accused Russia of shelling Kharkiv on Friday."},
        {"id": "c", "date": "2022-03-01", "text": "China urged Russia and Ukraine to hold talks on Tuesday."},
    ]
    news.write_text("".join(json.dumps(d) + "\n" for d in docs))
    db = tmp_path / "news.db"
    subprocess.run([str(ROOT / "build" / "dyad"), "ingest", "-q", "--db", str(db), str(news)], check=True)
    return db


def test_query_gives_the_command_lines_rows_as_a_data_frame(tmp_path):
    import io
    import pandas as pd
    db = _ingest(tmp_path)
    cli = subprocess.run([str(ROOT / "build" / "dyad"), "query", "--db", str(db), "--dyad", "RUS,UKR", "--both",
                          "--output", "csv"], check=True, capture_output=True, text=True).stdout
    want = pd.read_csv(io.StringIO(cli), dtype=str, keep_default_na=False)
    got = dyad.query(db, dyad=("RUS", "UKR"), both=True)
    assert len(got) == len(want) >= 2
    assert list(got.columns) == list(want.columns)
    assert list(got["id"]) == list(want["id"])
    assert list(got["code"]) == list(want["code"])
    assert all(isinstance(c, str) and c[:2].isdigit() for c in got["code"])
    assert set(got["source"].str[:3]) <= {"RUS", "UKR"}


def test_query_filters_reach_the_store(tmp_path):
    db = _ingest(tmp_path)
    everything = dyad.query(db)
    assert len(dyad.query(db, start="2022-03-01")) < len(everything)
    assert set(dyad.query(db, actor="CHN")["source"].str[:3]) == {"CHN"}
    assert len(dyad.query(db, limit=1)) == 1
    assert len(dyad.query(db, root=19)) >= 1
    assert len(dyad.query(db, dyad="CHN,")) >= 1


def test_query_errors_raise(tmp_path):
    db = _ingest(tmp_path)
    with pytest.raises(dyad.DyadError):
        dyad.query(db, start="2022-02-30")
    foreign = tmp_path / "foreign.db"
    foreign.write_text("not a database at all\n" * 10)
    with pytest.raises(dyad.DyadError):
        dyad.query(foreign)
    assert foreign.read_text() == "not a database at all\n" * 10
