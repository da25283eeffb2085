/* test_store.c -- the event store through its public API: stable event
 * ids, MinHash, idempotent and replacing writes, copies, migrations,
 * refusal of foreign, newer and locked stores. */
#include "harness.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct tmpdir {
    char path[64];
} tmpdir;

static int tmp_make(tmpdir *d)
{
    snprintf(d->path, sizeof d->path, "/tmp/dyad-store-XXXXXX");
    return mkdtemp(d->path) ? 0 : -1;
}

static void tmp_remove(tmpdir *d)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d->path);
    if (system(cmd) != 0) fprintf(stderr, "  could not remove %s\n", d->path);
}

/* Collects the last diagnostic's message. */
typedef struct diag_sink {
    char last[512];
    int count;
} diag_sink;

static void sink(const dyad_diag *d, void *user)
{
    diag_sink *s = user;
    snprintf(s->last, sizeof s->last, "%s", d->message);
    s->count++;
}

/* Codes every document of a JSON Lines buffer into the store. */
typedef struct coder_kit {
    dyad_coder *coder;
    dyad_coder_work *work;
    dyad_pipeline *pipe;
} coder_kit;

static int kit_new(coder_kit *k)
{
    dyad_coder_config cfg = {.builtin = 1};
    k->coder = dyad_coder_new(&cfg);
    k->work = k->coder ? dyad_coder_work_new(k->coder, NULL) : NULL;
    k->pipe = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    return k->coder && k->work && k->pipe ? 0 : -1;
}

static void kit_free(coder_kit *k)
{
    dyad_pipeline_free(k->pipe);
    dyad_coder_work_free(k->work);
    dyad_coder_free(k->coder);
}

/* Stores the documents; returns how many were in each state
 * (new*100 + changed*10 + same), or -1. */
static int put_all(coder_kit *k, dyad_store *s, const char *jsonl)
{
    dyad_reader *r = dyad_reader_open_memory("mem", jsonl, strlen(jsonl), DYAD_FORMAT_JSONL, NULL, NULL);
    if (!r) return -1;
    dyad_document doc;
    int counts[3] = {0, 0, 0}, rc = 0;
    while (dyad_reader_next(r, &doc)) {
        dyad_analysis a;
        const dyad_event *ev;
        size_t n;
        dyad_store_result res;
        if (dyad_analyze(k->pipe, &doc, &a) || dyad_code(k->work, &a, &ev, &n) ||
            dyad_store_put(s, &a, ev, n, &res)) { rc = -1; break; }
        counts[res.state]++;
    }
    dyad_reader_close(r);
    return rc ? rc : counts[DYAD_DOC_NEW] * 100 + counts[DYAD_DOC_CHANGED] * 10 + counts[DYAD_DOC_SAME];
}

static long long scalar(const char *path, const char *sql)
{
    sqlite3 *db;
    long long v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

static int exec_sql(const char *path, const char *sql)
{
    sqlite3 *db;
    int rc = sqlite3_open(path, &db);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : -1;
}

/* ---- ids and hashes ---------------------------------------------------- */

static void store_event_id_is_stable_and_discriminating(tctx *t)
{
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.sentence = 3;
    strcpy(e.source, "USA");
    strcpy(e.target, "RUS");
    strcpy(e.code, "036");
    e.verb_span = (dyad_span){10, 20};
    uint64_t id = dyad_event_id("doc-1", &e);
    CHECK(id == dyad_event_id("doc-1", &e));
    CHECK(id >> 63 == 0);                   /* fits a signed 64-bit column */
    CHECK(id != dyad_event_id("doc-2", &e));
    CHECK(id != dyad_event_id(NULL, &e));
    dyad_event f = e;
    f.verb_span.end = 21;
    CHECK(id != dyad_event_id("doc-1", &f));
    f = e;
    strcpy(f.code, "037");
    CHECK(id != dyad_event_id("doc-1", &f));
    f = e;
    strcpy(f.source, "US");
    strcpy(f.target, "ARUS");
    CHECK(id != dyad_event_id("doc-1", &f)); /* codes are kept apart */
    f = e;
    f.sentence = 4;
    CHECK(id != dyad_event_id("doc-1", &f));
    /* the place, date and flags do not make another event */
    f = e;
    f.flags = DYAD_EVENT_FUTURE;
    strcpy(f.date, "2024-01-01");
    CHECK(id == dyad_event_id("doc-1", &f));
}

static void store_minhash_tells_copies_from_other_stories(tctx *t)
{
    const char *a = "The foreign ministers of Brazil and Argentina met in Montevideo on Tuesday to discuss a new "
                    "agreement on river transport, officials from both governments said. The talks lasted more "
                    "than five hours and ended with a joint statement on tariffs and water levels.";
    const char *b = "MONTEVIDEO (Wire) -- the foreign ministers of Brazil and Argentina met in Montevideo on "
                    "Tuesday to discuss a new agreement on river transport, officials from both governments "
                    "said. The talks lasted more than five hours and ended with a joint statement on tariffs "
                    "and water levels.";
    const char *c = "Kenya's president accused neighbouring Somalia on Friday of supporting armed groups near "
                    "their shared border, a charge the Somali government rejected within hours of the speech.";
    uint32_t ha[DYAD_MINHASH_N], hb[DYAD_MINHASH_N], hc[DYAD_MINHASH_N], hd[DYAD_MINHASH_N];
    size_t wa = dyad_minhash(a, strlen(a), ha);
    CHECK_INT(wa, 43); /* words: runs of letters and digits */
    dyad_minhash(b, strlen(b), hb);
    dyad_minhash(c, strlen(c), hc);
    CHECK(dyad_minhash_similarity(ha, ha) == 1.0);
    CHECK(dyad_minhash_similarity(ha, hb) >= DYAD_STORE_COPY_SIMILARITY);
    CHECK(dyad_minhash_similarity(ha, hc) < 0.2);
    /* case and punctuation are not words */
    const char *a2 = "THE FOREIGN MINISTERS of Brazil and Argentina -- met in Montevideo, on Tuesday";
    const char *a3 = "the foreign ministers of brazil and argentina met in montevideo on tuesday";
    dyad_minhash(a2, strlen(a2), hc);
    dyad_minhash(a3, strlen(a3), hd);
    CHECK(dyad_minhash_similarity(hc, hd) == 1.0);
    /* no text, no words, no crash */
    CHECK(dyad_minhash(NULL, 0, hd) == 0);
    CHECK(dyad_minhash("", 0, hd) == 0);
}

/* ---- writing ----------------------------------------------------------- */

static const char *docs_v1 =
    "{\"id\":\"a\",\"date\":\"2024-03-01\",\"text\":\"Russia attacked Ukraine. France criticised Russia.\"}\n"
    "{\"id\":\"b\",\"date\":\"2024-03-01\",\"text\":\"Russia attacked Ukraine again.\"}\n";
static const char *docs_v2 =
    "{\"id\":\"a\",\"date\":\"2024-03-01\",\"text\":\"Germany praised Poland.\"}\n"
    "{\"id\":\"b\",\"date\":\"2024-03-01\",\"text\":\"Russia attacked Ukraine again.\"}\n";

static void store_is_idempotent_and_replaces_changed_documents(tctx *t)
{
    tmpdir d;
    coder_kit k;
    CHECK(tmp_make(&d) == 0);
    if (kit_new(&k)) { kit_free(&k); tmp_remove(&d); CHECK(!"coder"); }
    char path[128];
    snprintf(path, sizeof path, "%s/s.db", d.path);
    diag_sink ds = {"", 0};
    dyad_store *s = dyad_store_open(path, DYAD_STORE_READONLY, sink, &ds);
    int ok = !s && strstr(ds.last, "no such store") && access(path, F_OK) != 0;
    s = dyad_store_open(path, DYAD_STORE_CREATE, sink, &ds);
    ok = ok && s && dyad_store_run_begin(s, "test", "mem", "builtin") == 0;
    ok = ok && put_all(&k, s, docs_v1) == 200;
    ok = ok && put_all(&k, s, docs_v1) == 2;      /* same again: nothing */
    ok = ok && dyad_store_run_end(s, 2, 0, 2) == 0;
    ok = ok && dyad_store_close(s) == 0;
    long long events1 = scalar(path, "SELECT count(*) FROM events");
    long long first1 = scalar(path, "SELECT count(*) FROM events WHERE first_of_day = 1");
    s = ok ? dyad_store_open(path, 0, sink, &ds) : NULL;
    ok = ok && s && put_all(&k, s, docs_v2) == 11; /* a changed, b same */
    ok = ok && dyad_store_close(s) == 0;
    kit_free(&k);
    long long events2 = scalar(path, "SELECT count(*) FROM events");
    long long rus = scalar(path, "SELECT count(*) FROM events WHERE source = 'RUS' AND target = 'UKR'");
    long long first_rus = scalar(path, "SELECT count(*) FROM events WHERE source = 'RUS' AND first_of_day = 1");
    long long docs = scalar(path, "SELECT count(*) FROM documents");
    long long runs = scalar(path, "SELECT count(*) FROM runs WHERE ended IS NOT NULL AND docs_coded = 2");
    tmp_remove(&d);
    CHECK(ok);
    CHECK_INT(events1, 3);
    CHECK_INT(first1, 2);         /* RUS>UKR 190 twice on one day: one first */
    CHECK_INT(events2, 2);        /* DEU>POL and b's RUS>UKR */
    CHECK_INT(rus, 1);
    CHECK_INT(first_rus, 1);      /* b's event became the day's first */
    CHECK_INT(docs, 2);
    CHECK_INT(runs, 1);
}

/* A writer remembers the one-a-day keys it has seen flagged; another
 * writer's commit can take such a key's flagged event away, and the
 * first writer's next event of that key must then be flagged. */
static void store_one_a_day_survives_another_writer(tctx *t)
{
    tmpdir d;
    coder_kit k;
    CHECK(tmp_make(&d) == 0);
    if (kit_new(&k)) { kit_free(&k); tmp_remove(&d); CHECK(!"coder"); }
    char path[128];
    snprintf(path, sizeof path, "%s/w.db", d.path);
    diag_sink ds = {"", 0};
    dyad_store *s1 = dyad_store_open(path, DYAD_STORE_CREATE, sink, &ds);
    dyad_store *s2 = s1 ? dyad_store_open(path, 0, sink, &ds) : NULL;
    int ok = s1 && s2;
    ok = ok && put_all(&k, s1, "{\"id\":\"x\",\"date\":\"2024-03-01\",\"text\":\"Russia attacked Ukraine.\"}\n") == 100 &&
         dyad_store_commit(s1) == 0;
    long long first1 = scalar(path, "SELECT count(*) FROM events WHERE source = 'RUS' AND first_of_day = 1");
    /* the other writer replaces x: RUS>UKR of that day has no event left */
    ok = ok && put_all(&k, s2, "{\"id\":\"x\",\"date\":\"2024-03-01\",\"text\":\"Germany praised Poland.\"}\n") == 10 &&
         dyad_store_commit(s2) == 0;
    long long rus = scalar(path, "SELECT count(*) FROM events WHERE source = 'RUS'");
    ok = ok && put_all(&k, s1, "{\"id\":\"y\",\"date\":\"2024-03-01\",\"text\":\"Russia attacked Ukraine again.\"}\n") ==
                   100;
    ok = ok && dyad_store_close(s1) == 0 && dyad_store_close(s2) == 0;
    kit_free(&k);
    long long first2 = scalar(path, "SELECT count(*) FROM events WHERE source = 'RUS' AND first_of_day = 1");
    long long rus2 = scalar(path, "SELECT count(*) FROM events WHERE source = 'RUS'");
    tmp_remove(&d);
    CHECK(ok);
    CHECK_INT(first1, 1);
    CHECK_INT(rus, 0);
    CHECK_INT(rus2, 1);
    CHECK_INT(first2, 1);
}

static void store_query_writes_filtered_rows(tctx *t)
{
    tmpdir d;
    coder_kit k;
    CHECK(tmp_make(&d) == 0);
    if (kit_new(&k)) { kit_free(&k); tmp_remove(&d); CHECK(!"coder"); }
    char path[128];
    snprintf(path, sizeof path, "%s/q.db", d.path);
    diag_sink ds = {"", 0};
    dyad_store *s = dyad_store_open(path, DYAD_STORE_CREATE, sink, &ds);
    int ok = s && put_all(&k, s, docs_v1) == 200;
    kit_free(&k);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    dyad_query q;
    memset(&q, 0, sizeof q);
    q.source = "RUS";
    q.target = "UKR";
    long n1 = ok && out ? dyad_store_query(s, &q, DYAD_ROWS_CSV, out) : -1;
    q.unique = 1;
    long n2 = ok && out ? dyad_store_query(s, &q, DYAD_ROWS_JSONL, out) : -1;
    memset(&q, 0, sizeof q);
    q.actor = "FRA";
    q.text = "criticised";
    long n3 = ok && out ? dyad_store_query(s, &q, DYAD_ROWS_TSV, out) : -1;
    q.actor = "bad code";
    long n4 = ok && out ? dyad_store_query(s, &q, DYAD_ROWS_TSV, out) : 0;
    if (out) fclose(out);
    dyad_store_close(s);
    tmp_remove(&d);
    CHECK(ok);
    CHECK_INT(n1, 2);
    CHECK_INT(n2, 1);
    CHECK_INT(n3, 1);
    CHECK_INT(n4, -1);
    CHECK(strstr(ds.last, "not an actor code") != NULL);
    CHECK(buf && strncmp(buf, "id,doc,sentence,date,", 21) == 0);
    CHECK(strstr(buf, "\"first_of_day\":true") != NULL);
    free(buf);
}

/* ---- opening ------------------------------------------------------------ */

static void store_migrates_forward_and_refuses_newer(tctx *t)
{
    tmpdir d;
    CHECK(tmp_make(&d) == 0);
    char path[128];
    snprintf(path, sizeof path, "%s/m.db", d.path);
    diag_sink ds = {"", 0};
    dyad_store *s = dyad_store_open(path, DYAD_STORE_CREATE, sink, &ds);
    int ok = s && dyad_store_close(s) == 0;
    long long v = scalar(path, "PRAGMA user_version");
    /* make it a version-1 store: as an older dyad left it */
    ok = ok && exec_sql(path, "DROP TRIGGER events_rollup; DROP TABLE event_days; DROP TABLE event_months;"
                              "DROP TABLE rollup_state;"
                              "DROP TABLE event_text; DROP VIEW event_sentence;"
                              "ALTER TABLE events DROP COLUMN sentence_start; ALTER TABLE events DROP COLUMN sentence_end;"
                              "ALTER TABLE events DROP COLUMN ref;"
                              "ALTER TABLE events DROP COLUMN url; ALTER TABLE documents DROP COLUMN format;"
                              "ALTER TABLE documents DROP COLUMN is_sentence; DROP TABLE feeds; DROP TABLE feed_items;"
                              "DELETE FROM dyad_schema WHERE version > 1;"
                              "PRAGMA user_version = 1;") == 0;
    s = dyad_store_open(path, DYAD_STORE_READONLY, sink, &ds);
    int old_refused_readonly = !s && strstr(ds.last, "version 1") != NULL;
    s = dyad_store_open(path, 0, sink, &ds);
    ok = ok && s && dyad_store_close(s) == 0;
    long long v2 = scalar(path, "PRAGMA user_version");
    long long fts = scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'event_text'");
    long long ref = scalar(path, "SELECT count(*) FROM pragma_table_info('events') WHERE name IN ('ref', 'url')");
    long long rows = scalar(path, "SELECT count(*) FROM dyad_schema");
    long long feeds = scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('feeds', 'feed_items')");
    long long rollup = scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('event_days', 'event_months',"
                                    " 'rollup_state', 'events_rollup')");
    ok = ok && exec_sql(path, "PRAGMA user_version = 99") == 0;
    s = dyad_store_open(path, 0, sink, &ds);
    int newer_refused = !s && strstr(ds.last, "newer") != NULL;
    dyad_store_close(s);
    tmp_remove(&d);
    CHECK(ok);
    CHECK_INT(v, 6);
    CHECK(old_refused_readonly);
    CHECK_INT(v2, 6);
    CHECK_INT(fts, 1);
    CHECK_INT(ref, 2);
    CHECK_INT(rows, 6);
    CHECK_INT(feeds, 2);
    CHECK_INT(rollup, 4);
    CHECK(newer_refused);
}

/* A version-4 store kept its sentences in the full-text index's own
 * table; migration 5 finds each in its document's text, indexes the text
 * there, and later replacements delete exactly what was indexed. */
static void store_migrates_version_4_full_text_index(tctx *t)
{
    tmpdir d;
    coder_kit k;
    CHECK(tmp_make(&d) == 0);
    if (kit_new(&k)) { kit_free(&k); tmp_remove(&d); CHECK(!"coder"); }
    char path[128];
    snprintf(path, sizeof path, "%s/v4.db", d.path);
    diag_sink ds = {"", 0};
    dyad_store *s = dyad_store_open(path, DYAD_STORE_CREATE, sink, &ds);
    int ok = s && put_all(&k, s, docs_v1) == 200 && dyad_store_close(s) == 0;
    /* as dyad 4 left it: the sentences in event_text's content table */
    ok = ok && exec_sql(path,
                        "CREATE TABLE old_sentences AS SELECT id, sentence FROM event_sentence;"
                        "DROP TRIGGER events_rollup; DROP TABLE event_days; DROP TABLE event_months;"
                        "DROP TABLE rollup_state;"
                        "DROP TABLE event_text;"
                        "CREATE VIRTUAL TABLE event_text USING fts5(sentence);"
                        "INSERT INTO event_text(rowid, sentence) SELECT id, sentence FROM old_sentences;"
                        "DROP VIEW event_sentence;"
                        "ALTER TABLE events DROP COLUMN sentence_start; ALTER TABLE events DROP COLUMN sentence_end;"
                        "DELETE FROM dyad_schema WHERE version > 4; PRAGMA user_version = 4;") == 0;
    long long old = scalar(path, "SELECT count(*) FROM old_sentences");
    long long v4 = scalar(path, "PRAGMA user_version");
    s = ok ? dyad_store_open(path, 0, sink, &ds) : NULL;
    ok = ok && s && dyad_store_close(s) == 0;
    long long v6 = scalar(path, "PRAGMA user_version");
    long long same = scalar(path, "SELECT count(*) FROM old_sentences o JOIN event_sentence e"
                                  " ON e.id = o.id AND e.sentence = o.sentence");
    long long ranged = scalar(path, "SELECT count(*) FROM events WHERE sentence_end > sentence_start");
    long long content = scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'event_text_content'");
    int intact = exec_sql(path, "INSERT INTO event_text(event_text) VALUES('integrity-check')") == 0;
    long long found = scalar(path, "SELECT count(*) FROM event_text WHERE event_text MATCH 'criticised'");
    /* a migrated document replaced: its old words leave the index */
    s = ok ? dyad_store_open(path, 0, sink, &ds) : NULL;
    ok = ok && s && put_all(&k, s, docs_v2) == 11 && dyad_store_close(s) == 0;
    kit_free(&k);
    int intact2 = exec_sql(path, "INSERT INTO event_text(event_text) VALUES('integrity-check')") == 0;
    long long gone = scalar(path, "SELECT count(*) FROM event_text WHERE event_text MATCH 'criticised'");
    long long praised = scalar(path, "SELECT count(*) FROM event_text WHERE event_text MATCH 'praised'");
    long long rows = scalar(path, "SELECT count(*) FROM event_text");
    long long events = scalar(path, "SELECT count(*) FROM events WHERE sentence_end > sentence_start");
    tmp_remove(&d);
    CHECK(ok);
    CHECK_INT(old, 3);
    CHECK_INT(v4, 4);
    CHECK_INT(v6, 6);
    CHECK_INT(same, 3);
    CHECK_INT(ranged, 3);
    CHECK_INT(content, 0);
    CHECK(intact);
    CHECK_INT(found, 1);
    CHECK(intact2);
    CHECK_INT(gone, 0);
    CHECK_INT(praised, 1);
    CHECK_INT(rows, events);
}

static void store_refuses_foreign_files_untouched(tctx *t)
{
    tmpdir d;
    CHECK(tmp_make(&d) == 0);
    char path[128], other[128];
    snprintf(path, sizeof path, "%s/f.db", d.path);
    snprintf(other, sizeof other, "%s/o.db", d.path);
    FILE *f = fopen(path, "wb");
    if (f) { fputs("SQLite format 2 -- not quite\n", f); fclose(f); }
    diag_sink ds = {"", 0};
    dyad_store *s = dyad_store_open(path, DYAD_STORE_CREATE, sink, &ds);
    int text_refused = !s && strstr(ds.last, "not a dyad store") != NULL;
    size_t len = 0;
    char *after = read_file(path, &len);
    int unchanged = after && len == 29;
    free(after);
    int ok = exec_sql(other, "CREATE TABLE t(a)") == 0;
    s = dyad_store_open(other, DYAD_STORE_CREATE, sink, &ds);
    int other_refused = !s && strstr(ds.last, "another program") != NULL;
    long long tables = scalar(other, "SELECT count(*) FROM sqlite_schema");
    s = dyad_store_open(d.path, DYAD_STORE_CREATE, sink, &ds); /* a directory */
    int dir_refused = !s;
    s = dyad_store_open(NULL, DYAD_STORE_CREATE, sink, &ds);
    int null_refused = !s;
    tmp_remove(&d);
    CHECK(text_refused);
    CHECK(unchanged);
    CHECK(ok);
    CHECK(other_refused);
    CHECK_INT(tables, 1);
    CHECK(dir_refused);
    CHECK(null_refused);
}

static void store_second_writer_gets_a_clear_message(tctx *t)
{
    tmpdir d;
    coder_kit k;
    CHECK(tmp_make(&d) == 0);
    if (kit_new(&k)) { kit_free(&k); tmp_remove(&d); CHECK(!"coder"); }
    char path[128];
    snprintf(path, sizeof path, "%s/w.db", d.path);
    diag_sink d1 = {"", 0}, d2 = {"", 0};
    dyad_store *s1 = dyad_store_open(path, DYAD_STORE_CREATE, sink, &d1);
    dyad_store *s2 = s1 ? dyad_store_open(path, 0, sink, &d2) : NULL;
    int ok = s1 && s2;
    /* s1's batch stays open: it holds the write lock */
    ok = ok && put_all(&k, s1, docs_v1) == 200;
    dyad_store_busy_timeout(s2, 50);
    int blocked = ok && put_all(&k, s2, docs_v2) < 0 && strstr(d2.last, "locked by another writer") != NULL;
    /* a reader is not blocked, and sees only committed data */
    dyad_store *r = ok ? dyad_store_open(path, DYAD_STORE_READONLY, sink, &d2) : NULL;
    FILE *devnull = fopen("/dev/null", "w");
    dyad_query q;
    memset(&q, 0, sizeof q);
    long seen = r && devnull ? dyad_store_query(r, &q, DYAD_ROWS_JSONL, devnull) : -1;
    ok = ok && dyad_store_commit(s1) == 0;
    long seen_after = r && devnull ? dyad_store_query(r, &q, DYAD_ROWS_JSONL, devnull) : -1;
    if (devnull) fclose(devnull);
    dyad_store_close(r);
    int second = ok && put_all(&k, s2, docs_v2) == 11;
    dyad_store_close(s2);
    dyad_store_close(s1);
    kit_free(&k);
    tmp_remove(&d);
    CHECK(ok);
    CHECK(blocked);
    CHECK_INT(seen, 0);
    CHECK_INT(seen_after, 3);
    CHECK(second);
}

void suite_store(tctx *t)
{
    RUN(t, store_event_id_is_stable_and_discriminating);
    RUN(t, store_minhash_tells_copies_from_other_stories);
    RUN(t, store_is_idempotent_and_replaces_changed_documents);
    RUN(t, store_one_a_day_survives_another_writer);
    RUN(t, store_query_writes_filtered_rows);
    RUN(t, store_migrates_forward_and_refuses_newer);
    RUN(t, store_migrates_version_4_full_text_index);
    RUN(t, store_refuses_foreign_files_untouched);
    RUN(t, store_second_writer_gets_a_clear_message);
}
