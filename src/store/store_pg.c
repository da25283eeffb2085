/*
 * store_pg.c -- the event store on PostgreSQL (libpq): one database that
 * any number of machines ingest into at once.  `--db postgresql://...`,
 * `postgres://...` or a `host=... dbname=...` conninfo selects it.
 *
 * The semantics are the SQLite engine's (docs/store.md); what differs is
 * how they hold with several writers at once (docs/scale-out.md):
 *
 *   - Documents are unique by doc_key.  New ones are sent with COPY at
 *     commit (row ids reserved from the sequence), then inserted with ON
 *     CONFLICT DO NOTHING: a key another writer stored since we looked
 *     (the insert waits for its commit) stays theirs, and our copy's
 *     events go with ours.  Events are unique by (doc, eid) and written
 *     only by the transaction that holds their document, so two writers
 *     never store one event twice, and a killed writer's batch is simply
 *     rolled back.  A short document costs one round trip: the lookup
 *     that skips unchanged documents.
 *   - Events go to the server with COPY, 4 MB or a batch at a time.
 *   - One-a-day flags depend on every writer's events, so they are not
 *     decided at insert: the keys a transaction touched are set right at
 *     its commit, under one advisory lock, as "the lowest event id of the
 *     key among originals" -- the rule the SQLite engine follows by
 *     flagging the first stored and promoting the next.
 *   - Schema creation and migrations take an advisory lock, so workers
 *     starting together create the schema once.
 */
#include "store_private.h"
#include <libpq-fe.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* The store's mark: the comment on its dyad_schema table.  A database
 * whose schema holds other tables and not this one is another program's. */
#define PG_MARK "dyad event store"
/* Advisory lock keys: "dyad" for schema changes, "dya1" for the commit-time
 * one-a-day repair. */
#define PG_LOCK_SCHEMA 0x64796164LL
#define PG_LOCK_DAY 0x64796131LL
/* Events are sent when their COPY text reaches this size (and at commit). */
#define PG_COPY_FLUSH (4u << 20)

/* ---- schema ------------------------------------------------------------
 * The same versions as store_sqlite.c, so "schema version 3" means the
 * same tables on either engine.  Never edit a published migration. */

/* Applies the roll-up changes gathered in dyad_rollup_delta (one row per
 * event, +1 or -1) to both tables, in key order, and drops the rows that
 * fall to zero.  Part of migration 5 (the trigger function's path for
 * other programs' writes) and of every dyad commit (apply_rollup). */
#define ROLLUP_APPLY                                                                                        \
    "INSERT INTO event_days AS r SELECT source, target, date, code, sum(events), sum(copies)"              \
    " FROM dyad_rollup_delta GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"                                     \
    " ON CONFLICT (source, target, date, code) DO UPDATE"                                                  \
    " SET events = r.events + excluded.events, copies = r.copies + excluded.copies;"                       \
    "INSERT INTO event_months AS r SELECT source, target, date / 100, code, sum(events), sum(copies)"      \
    " FROM dyad_rollup_delta GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"                                     \
    " ON CONFLICT (source, target, month, code) DO UPDATE"                                                 \
    " SET events = r.events + excluded.events, copies = r.copies + excluded.copies;"                       \
    "DELETE FROM event_days r USING (SELECT DISTINCT source, target, date, code FROM dyad_rollup_delta) k" \
    " WHERE r.source = k.source AND r.target = k.target AND r.date = k.date AND r.code = k.code"          \
    " AND r.events <= 0 AND r.copies <= 0;"                                                                \
    "DELETE FROM event_months r USING (SELECT DISTINCT source, target, date / 100 AS month, code"          \
    " FROM dyad_rollup_delta) k WHERE r.source = k.source AND r.target = k.target"                        \
    " AND r.month = k.month AND r.code = k.code AND r.events <= 0 AND r.copies <= 0;"                      \
    "DELETE FROM dyad_rollup_delta;"

static const char *const migrations[] = {
    /* 1: documents, events, runs, copy bands, the one-a-day view.
     * Actor and event codes use the C collation so that prefix filters
     * are index ranges (USA <= USAGOV < USB) whatever the database's
     * locale; they are '' rather than NULL when absent so that one-a-day
     * keys compare with = and use the index.  No foreign keys: the
     * SQLite engine has none enforced either, and each would cost an
     * index probe per event. */
    "CREATE TABLE runs("
    " id bigserial PRIMARY KEY, command text NOT NULL, inputs text, dyad_version text NOT NULL,"
    " dict_id text, started text NOT NULL, ended text,"
    " docs_read bigint, docs_skipped bigint, docs_coded bigint);"
    "CREATE TABLE documents("
    " id bigserial PRIMARY KEY, doc_key text NOT NULL UNIQUE, url text, outlet text, title text,"
    " pub_date text, language text, origin text NOT NULL, content_hash text NOT NULL,"
    " minhash bytea, copy_of bigint, run bigint, file text, line bigint, text text);"
    "CREATE INDEX documents_copy_of ON documents(copy_of) WHERE copy_of IS NOT NULL;"
    "CREATE TABLE minhash_bands(band bigint NOT NULL, doc bigint NOT NULL, PRIMARY KEY(band, doc));"
    "CREATE TABLE events("
    " id bigserial PRIMARY KEY, eid bigint NOT NULL, doc bigint NOT NULL,"
    " sentence bigint, date integer, date_precision integer, date_text text,"
    " source text COLLATE \"C\" NOT NULL DEFAULT '', target text COLLATE \"C\" NOT NULL DEFAULT '',"
    " code text COLLATE \"C\" NOT NULL DEFAULT '', root integer, quad integer,"
    " goldstein double precision, plover text, source_text text, target_text text, verb_text text,"
    " source_start bigint, source_end bigint, target_start bigint, target_end bigint,"
    " verb_start bigint, verb_end bigint, place_start bigint, place_end bigint,"
    " speaker_start bigint, speaker_end bigint,"
    " speaker text COLLATE \"C\", speaker_text text, place_name text, place_country text,"
    " place_country2 text, place_region text, place_kind integer, lat double precision,"
    " lon double precision, place_text text,"
    " flags bigint NOT NULL DEFAULT 0, copy integer NOT NULL DEFAULT 0,"
    " first_of_day integer NOT NULL DEFAULT 0,"
    /* the stable id is unique within its document: the key that makes
     * a rerun or a second writer unable to store an event twice; it also
     * serves "the events of a document" */
    " UNIQUE(doc, eid));"
    /* as SQLite's, with the id last: a key's first event is the first
     * entry of its range (the one-a-day repair at commit) */
    "CREATE INDEX events_dyad ON events(source, target, date, code, copy, first_of_day, id);"
    "CREATE INDEX events_target ON events(target, date);"
    "CREATE INDEX events_date ON events(date);"
    "CREATE VIEW events_one_a_day AS SELECT * FROM events WHERE first_of_day = 1;",
    /* 2: full-text search over each event's sentence (SQLite: FTS5) */
    "ALTER TABLE events ADD COLUMN sentence_text text;"
    "CREATE INDEX events_text ON events USING gin (to_tsvector('simple', coalesce(sentence_text, '')));",
    /* 3: imported rows keep their own id and url; documents keep how
     * they were read, so that dyad recode reads them the same way */
    "ALTER TABLE events ADD COLUMN ref text;"
    "ALTER TABLE events ADD COLUMN url text;"
    "ALTER TABLE documents ADD COLUMN format text;"
    "ALTER TABLE documents ADD COLUMN is_sentence integer NOT NULL DEFAULT 0;"
    /* the view was made with the columns of version 1 */
    "CREATE OR REPLACE VIEW events_one_a_day AS SELECT * FROM events WHERE first_of_day = 1;",
    /* 4: news feeds (dyad feeds), as SQLite's: each feed's validators for
     * conditional GETs, and every item met, so that a rerun fetches only
     * new ones.  And (PostgreSQL only) dyad_data_version: one row that
     * every dyad write transaction bumps just before COMMIT, so that dyad
     * serve's caches see any writer's commit (SQLite has PRAGMA
     * data_version; the server has no exact equivalent: commit counters
     * count read-only transactions too). */
    "CREATE TABLE feeds("
    " url text PRIMARY KEY, etag text, last_modified text, last_fetch text, last_status bigint,"
    " last_error text);"
    "CREATE TABLE feed_items("
    " item_key text PRIMARY KEY, feed text NOT NULL, link text, state integer NOT NULL,"
    " tries integer NOT NULL DEFAULT 1, error text, first_seen text NOT NULL, last_try text NOT NULL);"
    "CREATE TABLE dyad_data_version(one integer PRIMARY KEY CHECK (one = 1), n bigint NOT NULL);"
    "INSERT INTO dyad_data_version VALUES (1, 0);",
    /* 5: each event's sentence as a byte range of its document's text, as
     * SQLite's (whose full-text index reads the sentence from there).  Here
     * the sentence keeps its column, which the GIN index is built on; rows
     * stored before version 5 have no range. */
    "ALTER TABLE events ADD COLUMN sentence_start bigint;"
    "ALTER TABLE events ADD COLUMN sentence_end bigint;",
    /* 6: the roll-up, as SQLite's (event_days, event_months: dated events
     * per source, target, day or month and code, originals and copies
     * apart), built here from the events already stored.  Statement
     * triggers note what each COPY of events or delete of a document's
     * events changes, one row an event, in the session's dyad_rollup_delta;
     * the commit applies it (apply_rollup), so the roll-up is exact at
     * every commit and two writers never lock its rows in two orders.
     * The function keeps the store's schema as its search path, so that
     * a restore (pg_dump sets an empty one) still finds the tables. */
    "CREATE TABLE event_days(source text COLLATE \"C\" NOT NULL, target text COLLATE \"C\" NOT NULL,"
    " date integer NOT NULL, code text COLLATE \"C\" NOT NULL, events bigint NOT NULL, copies bigint NOT NULL,"
    " PRIMARY KEY(source, target, date, code));"
    "CREATE TABLE event_months(source text COLLATE \"C\" NOT NULL, target text COLLATE \"C\" NOT NULL,"
    " month integer NOT NULL, code text COLLATE \"C\" NOT NULL, events bigint NOT NULL, copies bigint NOT NULL,"
    " PRIMARY KEY(source, target, month, code));"
    "INSERT INTO event_days SELECT source, target, date, code, count(*) FILTER (WHERE copy = 0),"
    " count(*) FILTER (WHERE copy <> 0) FROM events WHERE date > 0 GROUP BY 1, 2, 3, 4;"
    "INSERT INTO event_months SELECT source, target, date / 100, code, sum(events), sum(copies)"
    " FROM event_days GROUP BY 1, 2, 3, 4;"
    "CREATE FUNCTION dyad_rollup_note() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$ BEGIN"
    " IF to_regclass('pg_temp.dyad_rollup_delta') IS NULL THEN"
    "  CREATE TEMP TABLE dyad_rollup_delta(source text COLLATE \"C\", target text COLLATE \"C\","
    "  date integer, code text COLLATE \"C\", events bigint, copies bigint) ON COMMIT DELETE ROWS;"
    " END IF;"
    " IF TG_OP = 'INSERT' THEN"
    "  INSERT INTO dyad_rollup_delta SELECT source, target, date, code, (copy = 0)::int, (copy <> 0)::int"
    "   FROM dyad_new WHERE date > 0;"
    " ELSIF TG_OP = 'DELETE' THEN"
    "  INSERT INTO dyad_rollup_delta SELECT source, target, date, code, -(copy = 0)::int, -(copy <> 0)::int"
    "   FROM dyad_old WHERE date > 0;"
    " ELSE"
    /* an update moves only the rows whose key or copy flag changed (the
     * one-a-day repair changes neither) */
    "  INSERT INTO dyad_rollup_delta SELECT n.source, n.target, n.date, n.code, (n.copy = 0)::int,"
    "   (n.copy <> 0)::int FROM dyad_new n JOIN dyad_old o ON o.id = n.id WHERE n.date > 0"
    "   AND (o.source, o.target, o.date, o.code, o.copy) IS DISTINCT FROM (n.source, n.target, n.date, n.code, n.copy);"
    "  INSERT INTO dyad_rollup_delta SELECT o.source, o.target, o.date, o.code, -(o.copy = 0)::int,"
    "   -(o.copy <> 0)::int FROM dyad_old o JOIN dyad_new n ON o.id = n.id WHERE o.date > 0"
    "   AND (o.source, o.target, o.date, o.code, o.copy) IS DISTINCT FROM (n.source, n.target, n.date, n.code, n.copy);"
    " END IF;"
    /* a dyad writer applies the changes at commit; anyone else at once */
    " IF current_setting('dyad.rollup', true) IS DISTINCT FROM 'at commit' THEN " ROLLUP_APPLY " END IF;"
    " RETURN NULL; END $$;"
    "CREATE TRIGGER events_rollup_insert AFTER INSERT ON events REFERENCING NEW TABLE AS dyad_new"
    " FOR EACH STATEMENT EXECUTE FUNCTION dyad_rollup_note();"
    "CREATE TRIGGER events_rollup_delete AFTER DELETE ON events REFERENCING OLD TABLE AS dyad_old"
    " FOR EACH STATEMENT EXECUTE FUNCTION dyad_rollup_note();"
    "CREATE TRIGGER events_rollup_update AFTER UPDATE ON events REFERENCING OLD TABLE AS dyad_old"
    " NEW TABLE AS dyad_new FOR EACH STATEMENT EXECUTE FUNCTION dyad_rollup_note();",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof *migrations))

#define EVENT_COLUMNS                                                                          \
    "eid, doc, sentence, date, date_precision, date_text, source, target, code, root, quad,"   \
    " goldstein, plover, source_text, target_text, verb_text, source_start, source_end,"       \
    " target_start, target_end, verb_start, verb_end, place_start, place_end, speaker_start,"  \
    " speaker_end, speaker, speaker_text, place_name, place_country, place_country2,"          \
    " place_region, place_kind, lat, lon, place_text, flags, copy, first_of_day, ref, url,"     \
    " sentence_text, sentence_start, sentence_end"

#define DOC_COLUMNS                                                                             \
    "doc_key, url, outlet, title, pub_date, language, origin, content_hash, minhash, copy_of,"  \
    " run, file, line, text, format, is_sentence"

#define DOC_COLUMNS_TYPED                                                                        \
    "doc_key text, url text, outlet text, title text, pub_date text, language text, origin text,"  \
    " content_hash text, minhash bytea, copy_of bigint, run bigint, file text, line bigint,"      \
    " text text, format text, is_sentence integer"

enum { PS_DOC_FIND, PS_BAND_GET, PS_COUNT };

static const char *const prepared[PS_COUNT][2] = {
    [PS_DOC_FIND] = {"dyad_doc_find", "SELECT id, content_hash, run FROM documents WHERE doc_key = $1"},
    [PS_BAND_GET] = {"dyad_band_get", "SELECT b.doc, d.minhash FROM minhash_bands b JOIN documents d"
                                      " ON d.id = b.doc WHERE b.band = ANY($1::bigint[])"},
};

/* A document sent with the next COPY of documents: what doc_find and
 * copy_find must know of it before the server does. */
typedef struct staged {
    char *key;
    uint64_t key_hash;
    int64_t id, run;
    char hash[17];
    bool first_copy;
    uint32_t minhash[DYAD_MINHASH_N];
} staged;

typedef struct pg {
    PGconn *db;
    bool readonly, in_txn, prepared[PS_COUNT];
    int busy_ms;
    sbuf events;  /* COPY text of events not yet sent          */
    sbuf keys;    /* COPY text of one-a-day keys this txn added */
    /* New documents go to the server with COPY at commit, like events:
     * a short document then costs one round trip (the lookup), not two.
     * Their row ids come from the sequence, reserved a batch at a time. */
    sbuf docs;
    staged *stage;
    size_t nstage, capstage;
    int64_t ids[DYAD_STORE_BATCH];
    size_t nids, nextid;
    /* the last doc_find: dyad_store_check and dyad_store_put look the
     * same key up one after the other, and a round trip is the largest
     * cost of a short document.  A stale answer is safe: doc_put's ON
     * CONFLICT settles a key taken meanwhile */
    char *last_key;
    int last_found;
    int64_t last_row, last_run;
    char last_hash[17];
    int limit_ms;      /* statement_timeout of the read-only views       */
    bool timed_out;    /* the last failure was that timeout              */
    char err[512];
} pg;

static void forget_find(pg *s)
{
    free(s->last_key);
    s->last_key = NULL;
}

static void forget_stage(pg *s)
{
    for (size_t i = 0; i < s->nstage; i++) free(s->stage[i].key);
    s->nstage = 0;
    sbuf_clear(&s->docs);
}

static uint64_t key_hash(const char *k)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *k; k++) h = (h ^ (unsigned char)*k) * 0x100000001b3ull;
    return h;
}

static const staged *stage_find(const pg *s, const char *key)
{
    uint64_t h = key_hash(key);
    for (size_t i = 0; i < s->nstage; i++)
        if (s->stage[i].key_hash == h && strcmp(s->stage[i].key, key) == 0) return &s->stage[i];
    return NULL;
}

static void pg_seterr(pg *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void pg_seterr(pg *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
    s->timed_out = false;
}

/* The server's message without its trailing line break. */
static const char *server_message(pg *s, const PGresult *r, char *buf, size_t cap)
{
    const char *m = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    if (!m || !*m) m = PQerrorMessage(s->db);
    snprintf(buf, cap, "%s", m && *m ? m : "unknown error");
    size_t n = strlen(buf);
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' ')) buf[--n] = 0;
    return buf;
}

/* Turns the server's SQLSTATEs into messages a user can act on. */
static int pg_fail(pg *s, const PGresult *r, const char *what)
{
    char m[300];
    const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    server_message(s, r, m, sizeof m);
    if (PQstatus(s->db) == CONNECTION_BAD)
        pg_seterr(s, "%s: lost the connection to the server (%s); committed batches are kept, "
                     "run the same command again", what, m);
    else if (state && strcmp(state, "55P03") == 0)
        pg_seterr(s, "%s: the store is locked by another writer (waited %d s); run again when it has finished",
                  what, (s->busy_ms + 999) / 1000);
    else if (state && (strcmp(state, "40P01") == 0 || strcmp(state, "40001") == 0))
        pg_seterr(s, "%s: another writer was storing the same documents at the same time (%s); "
                     "run again: what was committed is skipped", what, m);
    else if (state && strcmp(state, "53100") == 0)
        pg_seterr(s, "%s: the database server's disk is full", what);
    else if (state && strcmp(state, "25006") == 0)
        pg_seterr(s, "%s: the store cannot be written (read-only)", what);
    else if (state && strncmp(state, "42", 2) == 0)
        pg_seterr(s, "%s: the database does not have dyad's schema (%s)", what, m);
    else if (state && strcmp(state, "57014") == 0 && s->limit_ms)
        pg_seterr(s, "%s: the query took longer than %d ms", what, s->limit_ms);
    else
        pg_seterr(s, "%s: %s", what, m);
    /* 57014 is also a cancel by an administrator: a 503 either way */
    s->timed_out = state && strcmp(state, "57014") == 0;
    return -1;
}

/* Runs SQL that returns no rows we need; 0 or -1. */
static int exec(pg *s, const char *sql, const char *what)
{
    PGresult *r = PQexec(s->db, sql);
    ExecStatusType st = PQresultStatus(r);
    int rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? 0 : pg_fail(s, r, what);
    PQclear(r);
    return rc;
}

/* A parameterised statement; NULL (with the error set) unless it ran. */
static PGresult *run(pg *s, const char *sql, int n, const char *const *values, const char *what)
{
    PGresult *r = PQexecParams(s->db, sql, n, NULL, values, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return r;
    pg_fail(s, r, what);
    PQclear(r);
    return NULL;
}

static PGresult *run_prepared(pg *s, int which, int n, const char *const *values, const int *lengths,
                              const int *binary, const char *what)
{
    if (!s->prepared[which]) {
        PGresult *p = PQprepare(s->db, prepared[which][0], prepared[which][1], 0, NULL);
        if (PQresultStatus(p) != PGRES_COMMAND_OK) {
            pg_fail(s, p, "preparing a statement");
            PQclear(p);
            return NULL;
        }
        PQclear(p);
        s->prepared[which] = true;
    }
    PGresult *r = PQexecPrepared(s->db, prepared[which][0], n, values, lengths, binary, 0);
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return r;
    pg_fail(s, r, what);
    PQclear(r);
    return NULL;
}

/* A value of a result row: NULL for SQL NULL, as the SQLite engine gives. */
static const char *val(const PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

/* Numbers from the server are read without trusting them: anything that
 * is not a number is 0. */
static int64_t num(const PGresult *r, int row, int col)
{
    const char *v = val(r, row, col);
    if (!v) return 0;
    char *end;
    long long x = strtoll(v, &end, 10);
    return end == v ? 0 : (int64_t)x;
}

/* NaN and infinities (a float column takes them) would make invalid JSON:
 * they read as absent. */
static bool dbl(const PGresult *r, int row, int col, double *out)
{
    const char *v = val(r, row, col);
    double x = v ? strtod(v, NULL) : 0.0;
    bool finite = v && isfinite(x);
    *out = finite ? x : 0.0;
    return finite;
}

/* ---- COPY text ----------------------------------------------------------- */

static void copy_str(sbuf *b, const char *v, size_t n, bool *oom)
{
    if (!v) { if (sbuf_append(b, "\\N", 2)) *oom = true; return; }
    if (sbuf_reserve(b, 2 * n + 1)) { *oom = true; return; }
    for (size_t i = 0; i < n; i++) {
        char c = v[i];
        char *o = b->data + b->len;
        switch (c) {
        case '\\': o[0] = '\\'; o[1] = '\\'; b->len += 2; break;
        case '\t': o[0] = '\\'; o[1] = 't'; b->len += 2; break;
        case '\n': o[0] = '\\'; o[1] = 'n'; b->len += 2; break;
        case '\r': o[0] = '\\'; o[1] = 'r'; b->len += 2; break;
        case '\0': break; /* PostgreSQL's text cannot hold NUL; search text only */
        default: o[0] = c; b->len++;
        }
    }
}

/* A document's text: a NUL becomes a space (text cannot hold NUL, and
 * every offset into the text stays right). */
static void copy_doc_text(sbuf *b, const char *v, size_t n, bool *oom)
{
    if (!v) { copy_str(b, NULL, 0, oom); return; }
    size_t from = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && v[i] != 0) continue;
        copy_str(b, v + from, i - from, oom);
        if (i < n && sbuf_putc(b, ' ')) *oom = true;
        from = i + 1;
    }
}

static void copy_text(sbuf *b, const char *v, bool *oom)
{
    copy_str(b, v, v ? strlen(v) : 0, oom);
}

static void copy_sep(sbuf *b, char c, bool *oom)
{
    if (sbuf_putc(b, c)) *oom = true;
}

static void copy_fmt(sbuf *b, bool *oom, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void copy_fmt(sbuf *b, bool *oom, const char *fmt, ...)
{
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || sbuf_append(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1)) *oom = true;
}

/* Sends a buffer of COPY text into table(columns). */
static int copy_send(pg *s, const char *table_columns, sbuf *b, const char *what)
{
    if (!b->len) return 0;
    char sql[1024];
    snprintf(sql, sizeof sql, "COPY %s FROM STDIN", table_columns);
    PGresult *r = PQexec(s->db, sql);
    if (PQresultStatus(r) != PGRES_COPY_IN) {
        pg_fail(s, r, what);
        PQclear(r);
        return -1;
    }
    PQclear(r);
    int ok = 1;
    for (size_t at = 0; at < b->len && ok == 1;) {
        size_t n = b->len - at < (1u << 20) ? b->len - at : (1u << 20);
        ok = PQputCopyData(s->db, b->data + at, (int)n);
        at += n;
    }
    if (ok != 1 || PQputCopyEnd(s->db, NULL) != 1) {
        pg_seterr(s, "%s: %s", what, PQerrorMessage(s->db));
        return -1;
    }
    r = PQgetResult(s->db);
    int rc = PQresultStatus(r) == PGRES_COMMAND_OK ? 0 : pg_fail(s, r, what);
    PQclear(r);
    while ((r = PQgetResult(s->db))) PQclear(r);
    sbuf_clear(b);
    return rc;
}

static int flush_events(pg *s)
{
    return copy_send(s, "events(" EVENT_COLUMNS ")", &s->events, "storing events");
}

/* Sends the staged documents.  A key another writer stored after our
 * lookup stays theirs (ON CONFLICT waits for their commit, then skips
 * ours): our copy's events, already sent, are deleted with it. */
static int flush_docs(pg *s)
{
    if (!s->nstage) return 0;
    if (flush_events(s) || copy_send(s, "dyad_docs_in", &s->docs, "storing documents")) return -1;
    PGresult *r = run(s,
                      "WITH ins AS (INSERT INTO documents(id, " DOC_COLUMNS ")"
                      "  SELECT id, " DOC_COLUMNS " FROM dyad_docs_in ORDER BY id"
                      "  ON CONFLICT (doc_key) DO NOTHING RETURNING id),"
                      " b AS (INSERT INTO minhash_bands(band, doc) SELECT unnest(i.bands), i.id FROM dyad_docs_in i"
                      "  WHERE i.bands IS NOT NULL AND i.id IN (SELECT id FROM ins) ON CONFLICT DO NOTHING),"
                      " lost AS MATERIALIZED (SELECT i.id FROM dyad_docs_in i WHERE i.id NOT IN (SELECT id FROM ins)),"
                      " del AS (DELETE FROM events WHERE doc = ANY(ARRAY(SELECT id FROM lost))),"
                      " clr AS (DELETE FROM dyad_docs_in)"
                      " SELECT count(*) FROM lost",
                      0, NULL, "storing documents");
    if (!r) return -1;
    PQclear(r);
    forget_stage(s);
    return 0;
}

/* ---- opening ------------------------------------------------------------- */

static int pg_close(void *h)
{
    pg *s = h;
    if (!s) return 0;
    if (s->db) PQfinish(s->db);
    sbuf_free(&s->events);
    sbuf_free(&s->keys);
    forget_find(s);
    forget_stage(s);
    sbuf_free(&s->docs);
    free(s->stage);
    free(s);
    return 0;
}

/* What the database holds: -1 error, else *version (0: no dyad schema),
 * *others (tables of other programs in the current schema) and *marked. */
static int inspect(pg *s, int *version, long *others, bool *has_schema)
{
    PGresult *r = run(s,
                      "SELECT current_schema(),"
                      " (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
                      "  AND tablename <> 'dyad_schema'),"
                      " to_regclass(quote_ident(current_schema()) || '.dyad_schema') IS NOT NULL,"
                      " obj_description(to_regclass(quote_ident(current_schema()) || '.dyad_schema'), 'pg_class')",
                      0, NULL, "reading the database");
    if (!r) return -1;
    if (PQntuples(r) != 1 || !val(r, 0, 0)) {
        PQclear(r);
        pg_seterr(s, "the database's search_path names no schema that exists; nothing was modified");
        return -1;
    }
    *others = (long)num(r, 0, 1);
    *has_schema = val(r, 0, 2) && val(r, 0, 2)[0] == 't';
    const char *mark = val(r, 0, 3);
    bool marked = mark && strcmp(mark, PG_MARK) == 0;
    PQclear(r);
    *version = 0;
    if (*has_schema && !marked) {
        pg_seterr(s, "not a dyad store (a dyad_schema table of another program); nothing was modified");
        return -1;
    }
    if (!*has_schema) return 0;
    r = run(s, "SELECT coalesce(max(version), 0) FROM dyad_schema", 0, NULL, "reading the schema version");
    if (!r) return -1;
    *version = PQntuples(r) == 1 ? (int)num(r, 0, 0) : 0;
    PQclear(r);
    return 0;
}

/* Each migration in its own transaction under the schema lock, so that
 * workers starting at once create and upgrade the schema exactly once. */
static int migrate(pg *s)
{
    for (;;) {
        if (exec(s, "BEGIN", "upgrading the schema")) return -1;
        char sql[200];
        snprintf(sql, sizeof sql, "SELECT pg_advisory_xact_lock(%lld)", PG_LOCK_SCHEMA);
        int version;
        long others;
        bool has;
        if (exec(s, sql, "upgrading the schema") || inspect(s, &version, &others, &has)) goto fail;
        if (version > SCHEMA_VERSION) {
            pg_seterr(s, "the store has schema version %d, newer than this dyad's %d: use a newer dyad", version,
                      SCHEMA_VERSION);
            goto fail;
        }
        if (version == SCHEMA_VERSION) return exec(s, "COMMIT", "upgrading the schema");
        if (!has) {
            if (others) {
                pg_seterr(s, "not a dyad store (the database's schema holds %ld tables of another program); "
                             "nothing was modified", others);
                goto fail;
            }
            if (exec(s, "CREATE TABLE dyad_schema(version integer NOT NULL, applied text NOT NULL);"
                        "COMMENT ON TABLE dyad_schema IS '" PG_MARK "'", "creating the store"))
                goto fail;
        }
        snprintf(sql, sizeof sql,
                 "INSERT INTO dyad_schema(version, applied)"
                 " VALUES(%d, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))",
                 version + 1);
        if (exec(s, migrations[version], "upgrading the schema") || exec(s, sql, "upgrading the schema") ||
            exec(s, "COMMIT", "upgrading the schema"))
            goto fail;
    }
fail:
    PQclear(PQexec(s->db, "ROLLBACK"));
    return -1;
}

/* libpq prints notices (e.g. "relation already exists, skipping") on
 * stderr unless told otherwise; the store reports through its errors. */
static void quiet_notice(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

static void *pg_open(const char *conninfo, unsigned flags, char *err, size_t errcap)
{
    pg *s = calloc(1, sizeof *s);
    if (!s) { snprintf(err, errcap, "out of memory"); return NULL; }
    s->readonly = flags & DYAD_STORE_READONLY;
    s->busy_ms = DYAD_STORE_BUSY_MS;
    const char *keys[] = {"dbname", "fallback_application_name", NULL};
    const char *vals[] = {conninfo, "dyad", NULL};
    s->db = PQconnectdbParams(keys, vals, 1);
    if (!s->db || PQstatus(s->db) != CONNECTION_OK) {
        char m[300];
        snprintf(m, sizeof m, "%s", s->db ? PQerrorMessage(s->db) : "out of memory");
        size_t n = strlen(m);
        while (n && (m[n - 1] == '\n' || m[n - 1] == ' ')) m[--n] = 0;
        snprintf(err, errcap, "cannot connect to PostgreSQL: %s", m);
        pg_close(s);
        return NULL;
    }
    PQsetNoticeProcessor(s->db, quiet_notice, NULL);
    int version;
    long others;
    bool has;
    char set[160];
    snprintf(set, sizeof set, "SET lock_timeout = %d", s->busy_ms);
    if (PQsetClientEncoding(s->db, "UTF8") != 0) pg_seterr(s, "the server cannot talk UTF-8");
    else if (exec(s, set, "connecting") == 0 && inspect(s, &version, &others, &has) == 0) goto inspected;
    snprintf(err, errcap, "%s", s->err);
    pg_close(s);
    return NULL;
inspected:
    if (version > SCHEMA_VERSION) {
        snprintf(err, errcap, "the store has schema version %d, newer than this dyad's %d: use a newer dyad", version,
                 SCHEMA_VERSION);
        pg_close(s);
        return NULL;
    }
    if (!has && (s->readonly || !(flags & DYAD_STORE_CREATE))) {
        snprintf(err, errcap, "no such store in this database (dyad ingest creates it)");
        pg_close(s);
        return NULL;
    }
    if (s->readonly) {
        if (version < SCHEMA_VERSION) {
            snprintf(err, errcap,
                     "the store has schema version %d; open it once for writing (dyad ingest) to upgrade it to %d",
                     version, SCHEMA_VERSION);
            pg_close(s);
            return NULL;
        }
        /* "never writes", enforced by the server */
        if (exec(s, "SET default_transaction_read_only = on", "connecting")) {
            snprintf(err, errcap, "%s", s->err);
            pg_close(s);
            return NULL;
        }
        return s;
    }
    if (!has && others) {
        snprintf(err, errcap, "not a dyad store (the database's schema holds %ld tables of another program); "
                 "nothing was modified", others);
        pg_close(s);
        return NULL;
    }
    /* The keys a transaction touched, for the one-a-day repair at commit;
     * private to the session and emptied at each commit. */
    if ((version < SCHEMA_VERSION && migrate(s)) ||
        exec(s, "CREATE TEMP TABLE IF NOT EXISTS dyad_day_keys(source text COLLATE \"C\", target text COLLATE \"C\","
                " date integer, code text COLLATE \"C\") ON COMMIT DELETE ROWS;"
                "CREATE TEMP TABLE IF NOT EXISTS dyad_docs_in(id bigint, " DOC_COLUMNS_TYPED ", bands bigint[])"
                " ON COMMIT DELETE ROWS;"
                "CREATE TEMP TABLE IF NOT EXISTS dyad_rollup_delta(source text COLLATE \"C\", target text COLLATE \"C\","
                " date integer, code text COLLATE \"C\", events bigint, copies bigint) ON COMMIT DELETE ROWS;"
                "SET dyad.rollup = 'at commit'",
                "connecting")) {
        snprintf(err, errcap, "%s", s->err);
        pg_close(s);
        return NULL;
    }
    return s;
}

static const char *pg_err(void *h) { return ((pg *)h)->err; }

static void pg_busy_timeout(void *h, int ms)
{
    pg *s = h;
    s->busy_ms = ms < 0 ? 0 : ms;
    char set[64];
    snprintf(set, sizeof set, "SET lock_timeout = %d", s->busy_ms);
    exec(s, set, "setting the lock timeout");
}

static int pg_begin(void *h)
{
    pg *s = h;
    if (exec(s, "BEGIN", "starting a transaction")) return -1;
    s->in_txn = true;
    return 0;
}

static int pg_rollback(void *h)
{
    pg *s = h;
    forget_find(s);
    forget_stage(s);
    sbuf_clear(&s->events);
    sbuf_clear(&s->keys);
    if (!s->in_txn) return 0;
    s->in_txn = false;
    return exec(s, "ROLLBACK", "rolling back");
}

/* One-a-day at commit: for every key this transaction added or took a
 * flagged event from, the flag goes to the key's lowest event id among
 * originals.  Under one advisory lock, so that two writers' repairs of
 * one key never interleave, and each sees the other's committed rows. */
static int repair_days(pg *s)
{
    if (copy_send(s, "dyad_day_keys(source, target, date, code)", &s->keys, "marking one-a-day events")) return -1;
    char sql[80];
    snprintf(sql, sizeof sql, "SELECT pg_advisory_xact_lock(%lld)", PG_LOCK_DAY);
    PGresult *r = run(s, "SELECT 1 FROM dyad_day_keys LIMIT 1", 0, NULL, "marking one-a-day events");
    if (!r) return -1;
    bool any = PQntuples(r) > 0;
    PQclear(r);
    if (!any) return 0;
    if (exec(s, sql, "marking one-a-day events")) return -1;
    /* Per key, two probes of events_dyad (first entries of index ranges):
     * the flagged event (at most one: events come in unflagged and only
     * this repair, one transaction at a time, sets flags) and the lowest
     * unflagged one.  The flag moves only where it is wrong, by primary
     * key.  No join over events is left to the planner, whose statistics
     * of a table that is being filled lag behind it. */
    return exec(s,
                "WITH k AS MATERIALIZED (SELECT DISTINCT source, target, date, code FROM dyad_day_keys),"
                " p AS MATERIALIZED (SELECT"
                "  (SELECT x.id FROM events x WHERE x.source = k.source AND x.target = k.target AND x.date = k.date"
                "   AND x.code = k.code AND x.copy = 0 AND x.first_of_day = 1 ORDER BY x.id LIMIT 1) AS flagged,"
                "  (SELECT x.id FROM events x WHERE x.source = k.source AND x.target = k.target AND x.date = k.date"
                "   AND x.code = k.code AND x.copy = 0 AND x.first_of_day = 0 ORDER BY x.id LIMIT 1) AS other FROM k),"
                " f AS MATERIALIZED (SELECT flagged, LEAST(flagged, other) AS first FROM p),"
                " off AS (UPDATE events SET first_of_day = 0"
                "  WHERE id = ANY(ARRAY(SELECT flagged FROM f WHERE flagged <> first)) RETURNING 1)"
                " UPDATE events SET first_of_day = 1"
                " WHERE id = ANY(ARRAY(SELECT first FROM f WHERE first IS NOT NULL AND first IS DISTINCT FROM flagged))",
                "marking one-a-day events");
}

/* The roll-up's changes of this transaction (noted by the triggers), one
 * statement a table in key order, under the one-a-day lock: writers
 * sharing keys take their turns instead of locking rows in two orders. */
static int apply_rollup(pg *s)
{
    PGresult *r = run(s, "SELECT 1 FROM dyad_rollup_delta LIMIT 1", 0, NULL, "updating the roll-up");
    if (!r) return -1;
    bool any = PQntuples(r) > 0;
    PQclear(r);
    if (!any) return 0;
    char sql[80];
    snprintf(sql, sizeof sql, "SELECT pg_advisory_xact_lock(%lld)", PG_LOCK_DAY);
    return exec(s, sql, "updating the roll-up") || exec(s, ROLLUP_APPLY, "updating the roll-up") ? -1 : 0;
}

static int pg_commit(void *h)
{
    pg *s = h;
    if (!s->in_txn) return 0;
    if (PQtransactionStatus(s->db) == PQTRANS_INERROR) {
        pg_rollback(s);
        pg_seterr(s, "the open batch was rolled back after the error above; run again: what was committed is skipped");
        return -1;
    }
    /* the version bump last: its row lock is held only until the commit
     * that follows, so concurrent writers queue on it for a moment only
     * (they already queue on the one-a-day lock) */
    if (flush_events(s) || flush_docs(s) || repair_days(s) || apply_rollup(s) ||
        exec(s, "UPDATE dyad_data_version SET n = n + 1", "committing") || exec(s, "COMMIT", "committing")) {
        char keep[sizeof s->err];
        memcpy(keep, s->err, sizeof keep);
        pg_rollback(s);
        memcpy(s->err, keep, sizeof keep);
        return -1;
    }
    s->in_txn = false;
    return 0;
}

/* ---- documents ------------------------------------------------------------ */

static int pg_doc_find(void *h, const char *key, int64_t *row, char *hash, int64_t *run_id)
{
    pg *s = h;
    const staged *st = stage_find(s, key);
    if (st) {
        *row = st->id;
        memcpy(hash, st->hash, 17);
        *run_id = st->run;
        return 1;
    }
    if (s->last_key && strcmp(s->last_key, key) == 0) {
        if (s->last_found) {
            *row = s->last_row;
            memcpy(hash, s->last_hash, 17);
            *run_id = s->last_run;
        }
        return s->last_found;
    }
    forget_find(s);
    const char *v[1] = {key};
    PGresult *r = run_prepared(s, PS_DOC_FIND, 1, v, NULL, NULL, "looking a document up");
    if (!r) return -1;
    int found = PQntuples(r) > 0;
    if (found) {
        *row = num(r, 0, 0);
        snprintf(hash, 17, "%s", val(r, 0, 1) ? val(r, 0, 1) : "");
        *run_id = num(r, 0, 2);
        s->last_row = *row;
        memcpy(s->last_hash, hash, 17);
        s->last_run = *run_id;
    }
    PQclear(r);
    s->last_found = found;
    s->last_key = strdup(key);
    return found;
}


/* "{k1,k2,...}": the bands of a signature as an array literal. */
static void bands_literal(const uint32_t *mh, char *out, size_t cap)
{
    size_t n = 0;
    out[n++] = '{';
    for (int b = 0; b < DYAD_MINHASH_BANDS && n < cap; b++)
        n += (size_t)snprintf(out + n, cap - n, "%s%lld", b ? "," : "", (long long)store_band_key(mh, b));
    if (n + 2 <= cap) { out[n++] = '}'; out[n] = 0; }
}

/* A document's 16 values as text parameters (minhash as binary). */
typedef struct doc_params {
    const char *v[18];
    int len[18], bin[18];
    char copy_of[24], run[24], line[24], is_sentence[8], bands[DYAD_MINHASH_BANDS * 24 + 4], row[24];
    char *text; /* the text with NUL bytes made spaces, when it had any */
} doc_params;

static const char *nz(const char *v) { return v && *v ? v : NULL; }

static int doc_params_fill(doc_params *p, const store_doc *d, int64_t run_id)
{
    memset(p, 0, sizeof *p);
    p->v[0] = d->key;
    p->v[1] = nz(d->url);
    p->v[2] = nz(d->outlet);
    p->v[3] = nz(d->title);
    p->v[4] = nz(d->date);
    p->v[5] = nz(d->language);
    p->v[6] = d->origin ? d->origin : "dyad";
    p->v[7] = d->hash;
    if (d->has_minhash) {
        p->v[8] = (const char *)d->minhash;
        p->len[8] = (int)sizeof d->minhash;
        p->bin[8] = 1;
    }
    if (d->copy_of) { snprintf(p->copy_of, sizeof p->copy_of, "%lld", (long long)d->copy_of); p->v[9] = p->copy_of; }
    if (run_id) { snprintf(p->run, sizeof p->run, "%lld", (long long)run_id); p->v[10] = p->run; }
    p->v[11] = nz(d->file);
    if (d->line) { snprintf(p->line, sizeof p->line, "%zu", d->line); p->v[12] = p->line; }
    if (d->text) {
        /* sent with its length (text's binary form is its bytes); text
         * cannot hold NUL, and a space in its place keeps every offset
         * into the text right */
        p->v[13] = d->text;
        if (memchr(d->text, 0, d->len)) {
            p->text = malloc(d->len + 1);
            if (!p->text) return -1;
            for (size_t i = 0; i < d->len; i++) p->text[i] = d->text[i] ? d->text[i] : ' ';
            p->text[d->len] = 0;
            p->v[13] = p->text;
        }
        p->len[13] = d->len > INT_MAX ? INT_MAX : (int)d->len;
        p->bin[13] = 1;
    }
    p->v[14] = nz(d->format);
    snprintf(p->is_sentence, sizeof p->is_sentence, "%d", d->is_sentence ? 1 : 0);
    p->v[15] = p->is_sentence;
    if (d->has_minhash && !d->copy_of) {
        bands_literal(d->minhash, p->bands, sizeof p->bands);
        p->v[16] = p->bands;
    }
    return 0;
}

static int pg_doc_clear(void *h, int64_t row);

/* Replaces row's document in place (its id stays: events and copies
 * point at it).  -2 when there is no such row: our staged copy of a key
 * that another writer stored first. */
static int doc_update(pg *s, int64_t row, doc_params *p)
{
    snprintf(p->row, sizeof p->row, "%lld", (long long)row);
    const char *bands = p->v[16];
    p->v[16] = p->row;
    PGresult *r = PQexecParams(s->db,
                               "UPDATE documents SET doc_key=$1, url=$2, outlet=$3, title=$4, pub_date=$5,"
                               " language=$6, origin=$7, content_hash=$8, minhash=$9, copy_of=$10, run=$11,"
                               " file=$12, line=$13, text=$14, format=$15, is_sentence=$16 WHERE id = $17",
                               17, NULL, p->v, p->len, p->bin, 0);
    int rc = PQresultStatus(r) == PGRES_COMMAND_OK ? 0 : pg_fail(s, r, "storing a document");
    if (rc == 0 && strcmp(PQcmdTuples(r), "1") != 0) rc = -2;
    PQclear(r);
    p->v[16] = bands;
    if (rc) return rc;
    const char *v2[2] = {p->row, bands};
    r = run(s, "DELETE FROM minhash_bands WHERE doc = $1", 1, v2, "storing a document");
    if (!r) return -1;
    PQclear(r);
    if (!bands) return 0;
    r = run(s, "INSERT INTO minhash_bands(band, doc) SELECT unnest($2::bigint[]), $1 ON CONFLICT DO NOTHING", 2, v2,
            "storing a document");
    if (!r) return -1;
    PQclear(r);
    return 0;
}

/* Stages a new document for the next COPY of documents, with a row id
 * reserved from the sequence. */
static int doc_stage(pg *s, const store_doc *d, int64_t run_id, int64_t *out)
{
    if (s->nextid == s->nids) {
        char n[24];
        snprintf(n, sizeof n, "%d", DYAD_STORE_BATCH);
        const char *v[1] = {n};
        PGresult *r = run(s, "SELECT nextval(pg_get_serial_sequence('documents', 'id')) FROM generate_series(1, $1)",
                          1, v, "reserving document ids");
        if (!r) return -1;
        s->nids = s->nextid = 0;
        for (int i = 0; i < PQntuples(r) && s->nids < DYAD_STORE_BATCH; i++) s->ids[s->nids++] = num(r, i, 0);
        PQclear(r);
        if (!s->nids || s->ids[0] <= 0) { pg_seterr(s, "reserving document ids: no ids from the server"); return -1; }
    }
    if (s->nstage == s->capstage) {
        size_t nc = s->capstage ? 2 * s->capstage : 64;
        staged *ns = realloc(s->stage, nc * sizeof *ns);
        if (!ns) { pg_seterr(s, "out of memory"); return -1; }
        s->stage = ns;
        s->capstage = nc;
    }
    staged *st = &s->stage[s->nstage];
    memset(st, 0, sizeof *st);
    st->key = strdup(d->key);
    if (!st->key) { pg_seterr(s, "out of memory"); return -1; }
    st->key_hash = key_hash(d->key);
    st->id = s->ids[s->nextid++];
    st->run = run_id;
    snprintf(st->hash, sizeof st->hash, "%s", d->hash);
    st->first_copy = d->has_minhash && !d->copy_of;
    memcpy(st->minhash, d->minhash, sizeof st->minhash);
    s->nstage++;
    sbuf *b = &s->docs;
    bool oom = false;
    const char *strs[8] = {d->key, nz(d->url), nz(d->outlet), nz(d->title), nz(d->date), nz(d->language),
                           d->origin ? d->origin : "dyad", d->hash};
    copy_fmt(b, &oom, "%lld", (long long)st->id);
    for (int i = 0; i < 8; i++) { copy_sep(b, '\t', &oom); copy_text(b, strs[i], &oom); }
    copy_sep(b, '\t', &oom);
    if (d->has_minhash) {
        /* bytea's hex form; the backslash doubled for COPY */
        copy_fmt(b, &oom, "\\\\x");
        const unsigned char *m = (const unsigned char *)d->minhash;
        for (size_t i = 0; i < sizeof d->minhash; i++) copy_fmt(b, &oom, "%02x", m[i]);
    } else {
        copy_fmt(b, &oom, "\\N");
    }
    if (d->copy_of) copy_fmt(b, &oom, "\t%lld", (long long)d->copy_of); else copy_fmt(b, &oom, "\t\\N");
    if (run_id) copy_fmt(b, &oom, "\t%lld\t", (long long)run_id); else copy_fmt(b, &oom, "\t\\N\t");
    copy_text(b, nz(d->file), &oom);
    if (d->line) copy_fmt(b, &oom, "\t%zu\t", d->line); else copy_fmt(b, &oom, "\t\\N\t");
    copy_doc_text(b, d->text, d->text ? d->len : 0, &oom);
    copy_sep(b, '\t', &oom);
    copy_text(b, nz(d->format), &oom);
    copy_fmt(b, &oom, "\t%d\t", d->is_sentence ? 1 : 0);
    if (st->first_copy) {
        char bands[DYAD_MINHASH_BANDS * 24 + 4];
        bands_literal(d->minhash, bands, sizeof bands);
        copy_text(b, bands, &oom);
    } else {
        copy_fmt(b, &oom, "\\N");
    }
    copy_sep(b, '\n', &oom);
    if (oom) { pg_seterr(s, "out of memory"); return -1; }
    *out = st->id;
    /* long articles: the same 4 MB bound as events */
    return s->docs.len >= PG_COPY_FLUSH ? flush_docs(s) : 0;
}

/* A new document is staged (sent at commit); a stored one is updated in
 * place. */
static int pg_doc_put(void *h, int64_t row, const store_doc *d, int64_t run_id, int64_t *out)
{
    pg *s = h;
    forget_find(s);
    if (!row) return doc_stage(s, d, run_id, out);
    if (flush_docs(s)) return -1;
    doc_params p;
    if (doc_params_fill(&p, d, run_id)) { pg_seterr(s, "out of memory"); return -1; }
    int ret = doc_update(s, row, &p);
    if (ret == 0) *out = row;
    if (ret == -2) {
        /* Our first text under this id lost its key to another writer at
         * the flush; this later text replaces theirs, as a later text
         * does with one writer.  Their row is locked so that no third
         * writer replaces it under us. */
        const char *v[1] = {d->key};
        PGresult *r = run(s, "SELECT id FROM documents WHERE doc_key = $1 FOR UPDATE", 1, v, "storing a document");
        int64_t other = r && PQntuples(r) == 1 ? num(r, 0, 0) : 0;
        if (r) PQclear(r);
        ret = -1;
        if (r && !other)
            pg_seterr(s, "storing a document: '%.80s' was stored and removed by another writer meanwhile; run again",
                      d->key);
        else if (other && pg_doc_clear(s, other) == 0 && doc_update(s, other, &p) == 0) {
            *out = other;
            ret = 0;
        } else if (other && !s->err[0]) {
            pg_seterr(s, "storing a document: '%.80s' could not be replaced", d->key);
        }
    }
    free(p.text);
    return ret;
}

static int pg_copy_find(void *h, const uint32_t *minhash, int64_t self, int64_t *first)
{
    pg *s = h;
    *first = 0;
    /* first copies not sent yet are compared here */
    for (size_t i = 0; i < s->nstage; i++) {
        const staged *st = &s->stage[i];
        if (!st->first_copy || st->id == self) continue;
        if (dyad_minhash_similarity(minhash, st->minhash) < DYAD_STORE_COPY_SIMILARITY) continue;
        if (!*first || st->id < *first) *first = st->id;
    }
    int64_t staged_first = *first;
    *first = 0;
    char bands[DYAD_MINHASH_BANDS * 24 + 4];
    bands_literal(minhash, bands, sizeof bands);
    const char *v[1] = {bands};
    PGresult *r = run_prepared(s, PS_BAND_GET, 1, v, NULL, NULL, "looking for copies");
    if (!r) return -1;
    for (int i = 0; i < PQntuples(r); i++) {
        int64_t doc = num(r, i, 0);
        const char *hex = val(r, i, 1);
        uint32_t other[DYAD_MINHASH_N];
        /* bytea comes as \x and hex digits; anything else, or another
         * length, is no match, never a read past the value */
        if (doc == self || !hex || strlen(hex) != 2 + 2 * sizeof other || hex[0] != '\\' || hex[1] != 'x')
            continue;
        unsigned char *o = (unsigned char *)other;
        bool okhex = true;
        for (size_t k = 0; k < sizeof other && okhex; k++) {
            unsigned x = 0;
            for (int j = 0; j < 2; j++) {
                char c = hex[2 + 2 * k + (size_t)j];
                unsigned dgt = c >= '0' && c <= '9' ? (unsigned)(c - '0')
                             : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10) : 16;
                if (dgt > 15) okhex = false;
                x = x * 16 + (dgt & 15);
            }
            o[k] = (unsigned char)x;
        }
        if (!okhex || dyad_minhash_similarity(minhash, other) < DYAD_STORE_COPY_SIMILARITY) continue;
        if (!*first || doc < *first) *first = doc;
    }
    PQclear(r);
    if (staged_first && (!*first || staged_first < *first)) *first = staged_first;
    return 0;
}

static int pg_doc_clear(void *h, int64_t row)
{
    pg *s = h;
    forget_find(s);
    /* the document and its events may still be waiting for COPY */
    if (flush_docs(s) || flush_events(s)) return -1;
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)row);
    const char *v[1] = {id};
    PGresult *r = run(s,
                      "WITH del AS (DELETE FROM events WHERE doc = $1 RETURNING source, target, date, code, first_of_day)"
                      " INSERT INTO dyad_day_keys SELECT source, target, date, code FROM del WHERE first_of_day = 1",
                      1, v, "replacing a document's events");
    if (!r) return -1;
    PQclear(r);
    return 0;
}

static int pg_doc_ids(void *h, int64_t **ids, size_t *n)
{
    pg *s = h;
    *ids = NULL;
    *n = 0;
    PGresult *r = run(s, "SELECT id FROM documents WHERE origin = 'dyad' AND text IS NOT NULL ORDER BY id", 0, NULL,
                      "listing documents");
    if (!r) return -1;
    size_t rows = (size_t)PQntuples(r);
    if (rows) {
        *ids = malloc(rows * sizeof **ids);
        if (!*ids) { PQclear(r); pg_seterr(s, "out of memory"); return -1; }
    }
    for (size_t i = 0; i < rows; i++) (*ids)[i] = num(r, (int)i, 0);
    *n = rows;
    PQclear(r);
    return 0;
}

static int pg_doc_get(void *h, int64_t id, store_doc_fn fn, void *user)
{
    pg *s = h;
    char ids[24];
    snprintf(ids, sizeof ids, "%lld", (long long)id);
    const char *v[1] = {ids};
    PGresult *r = run(s,
                      "SELECT doc_key, url, outlet, title, pub_date, text, file, line, format, is_sentence"
                      " FROM documents WHERE id = $1",
                      1, v, "reading a document");
    if (!r) return -1;
    int ret = 0;
    if (PQntuples(r) == 1) {
        dyad_document d;
        memset(&d, 0, sizeof d);
        d.id = val(r, 0, 0);
        d.url = val(r, 0, 1);
        d.source = val(r, 0, 2);
        d.title = val(r, 0, 3);
        const char *date = val(r, 0, 4);
        if (date && strlen(date) == 10) memcpy(d.date, date, 11);
        d.text = val(r, 0, 5) ? val(r, 0, 5) : "";
        d.len = val(r, 0, 5) ? (size_t)PQgetlength(r, 0, 5) : 0;
        d.file = val(r, 0, 6);
        d.line = (size_t)num(r, 0, 7);
        int f = dyad_format_from_name(val(r, 0, 8) ? val(r, 0, 8) : "");
        d.format = f < 0 ? DYAD_FORMAT_TEXT : (dyad_format)f;
        d.is_sentence = num(r, 0, 9) != 0;
        ret = fn(&d, user);
    }
    PQclear(r);
    return ret;
}

/* ---- events ----------------------------------------------------------------- */

static int pg_event_put(void *h, const store_event *e)
{
    pg *s = h;
    sbuf *b = &s->events;
    bool oom = false;
    copy_fmt(b, &oom, "%lld\t%lld\t%lld\t", (long long)e->id, (long long)e->doc, (long long)e->sentence);
    if (e->date) copy_fmt(b, &oom, "%d\t", e->date);
    else copy_fmt(b, &oom, "\\N\t");
    copy_fmt(b, &oom, "%d\t", e->precision);
    copy_text(b, nz(e->date_text), &oom);
    copy_sep(b, '\t', &oom);
    copy_text(b, e->source ? e->source : "", &oom);
    copy_sep(b, '\t', &oom);
    copy_text(b, e->target ? e->target : "", &oom);
    copy_sep(b, '\t', &oom);
    copy_text(b, e->code ? e->code : "", &oom);
    copy_sep(b, '\t', &oom);
    if (e->root) copy_fmt(b, &oom, "%d\t", e->root); else copy_fmt(b, &oom, "\\N\t");
    if (e->quad) copy_fmt(b, &oom, "%d\t", e->quad); else copy_fmt(b, &oom, "\\N\t");
    if (e->has_goldstein) copy_fmt(b, &oom, "%.17g\t", e->goldstein); else copy_fmt(b, &oom, "\\N\t");
    const char *texts[] = {nz(e->plover), nz(e->source_text), nz(e->target_text), nz(e->verb_text)};
    for (int i = 0; i < 4; i++) { copy_text(b, texts[i], &oom); copy_sep(b, '\t', &oom); }
    for (int k = 0; k < 10; k += 2) {
        if (e->spans[k + 1] > e->spans[k]) copy_fmt(b, &oom, "%u\t%u\t", e->spans[k], e->spans[k + 1]);
        else copy_fmt(b, &oom, "\\N\t\\N\t");
    }
    const char *more[] = {nz(e->speaker), nz(e->speaker_text), nz(e->place_name), nz(e->place_country),
                          nz(e->place_country2), nz(e->place_region)};
    for (int i = 0; i < 6; i++) { copy_text(b, more[i], &oom); copy_sep(b, '\t', &oom); }
    if (e->place_name) copy_fmt(b, &oom, "%d\t%.17g\t%.17g\t", e->place_kind, e->lat, e->lon);
    else copy_fmt(b, &oom, "\\N\t\\N\t\\N\t");
    copy_text(b, nz(e->place_text), &oom);
    copy_fmt(b, &oom, "\t%lld\t%d\t0\t", (long long)e->flags, e->copy ? 1 : 0);
    copy_text(b, nz(e->ref), &oom);
    copy_sep(b, '\t', &oom);
    copy_text(b, nz(e->url), &oom);
    copy_sep(b, '\t', &oom);
    copy_str(b, e->sentence_text && e->sentence_len ? e->sentence_text : NULL, e->sentence_len, &oom);
    if (e->sentence_text && e->sentence_len)
        copy_fmt(b, &oom, "\t%zu\t%zu", e->sentence_start, e->sentence_start + e->sentence_len);
    else
        copy_fmt(b, &oom, "\t\\N\t\\N");
    copy_sep(b, '\n', &oom);
    if (!e->copy && e->date) {
        sbuf *k = &s->keys;
        copy_text(k, e->source ? e->source : "", &oom);
        copy_sep(k, '\t', &oom);
        copy_text(k, e->target ? e->target : "", &oom);
        copy_fmt(k, &oom, "\t%d\t", e->date);
        copy_text(k, e->code ? e->code : "", &oom);
        copy_sep(k, '\n', &oom);
    }
    if (oom) { pg_seterr(s, "out of memory"); return -1; }
    return b->len >= PG_COPY_FLUSH ? flush_events(s) : 0;
}

/* ---- runs -------------------------------------------------------------------- */

#define PG_NOW "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"

static int pg_run_begin(void *h, const char *command, const char *inputs, const char *dict_id,
                        const char *version, int64_t *run_id)
{
    pg *s = h;
    const char *v[4] = {command, nz(inputs), version, nz(dict_id)};
    PGresult *r = run(s,
                      "INSERT INTO runs(command, inputs, dyad_version, dict_id, started)"
                      " VALUES($1, $2, $3, $4, " PG_NOW ") RETURNING id",
                      4, v, "recording the run");
    if (!r) return -1;
    *run_id = PQntuples(r) == 1 ? num(r, 0, 0) : 0;
    PQclear(r);
    return *run_id ? 0 : (pg_seterr(s, "recording the run: no row id"), -1);
}

static int pg_run_end(void *h, int64_t run_id, size_t nread, size_t skipped, size_t coded)
{
    pg *s = h;
    char a[24], b[24], c[24], id[24];
    snprintf(a, sizeof a, "%zu", nread);
    snprintf(b, sizeof b, "%zu", skipped);
    snprintf(c, sizeof c, "%zu", coded);
    snprintf(id, sizeof id, "%lld", (long long)run_id);
    const char *v[4] = {a, b, c, id};
    PGresult *r = run(s,
                      "UPDATE runs SET ended = " PG_NOW ", docs_read = $1, docs_skipped = $2, docs_coded = $3"
                      " WHERE id = $4",
                      4, v, "recording the run");
    if (!r) return -1;
    PQclear(r);
    return 0;
}

/* ---- queries ------------------------------------------------------------------ */

#define SELECT_EVENT_COLUMNS                                                                                \
    "SELECT e.eid, d.doc_key, e.sentence, e.date, e.date_precision, e.date_text, e.source, e.target," \
    " e.code, e.root, e.quad, e.goldstein, e.plover, e.source_text, e.target_text, e.verb_text,"     \
    " e.source_start, e.source_end, e.target_start, e.target_end, e.verb_start, e.verb_end,"         \
    " e.place_start, e.place_end, e.speaker_start, e.speaker_end, e.speaker, e.speaker_text,"        \
    " e.place_name, e.place_country, e.place_country2, e.place_region, e.place_kind, e.lat, e.lon,"  \
    " e.place_text, e.flags, e.copy, e.first_of_day, coalesce(e.url, d.url), d.outlet, d.origin,"    \
    " e.ref, e.id"
#define SELECT_EVENT_FROM " FROM events e JOIN documents d ON d.id = e.doc"
#define SELECT_EVENT SELECT_EVENT_COLUMNS SELECT_EVENT_FROM
/* the number of columns row_of reads */
#define SELECT_EVENT_N 44

static void row_of(const PGresult *r, int row, store_event *e)
{
    memset(e, 0, sizeof *e);
    int i = 0;
    e->id = num(r, row, i++);
    e->doc_key = val(r, row, i++);
    e->sentence = num(r, row, i++);
    e->date = (int)num(r, row, i++);
    e->precision = (int)num(r, row, i++);
    e->date_text = val(r, row, i++);
    e->source = val(r, row, i++);
    e->target = val(r, row, i++);
    e->code = val(r, row, i++);
    e->root = (int)num(r, row, i++);
    e->quad = (int)num(r, row, i++);
    e->has_goldstein = dbl(r, row, i++, &e->goldstein);
    e->plover = val(r, row, i++);
    e->source_text = val(r, row, i++);
    e->target_text = val(r, row, i++);
    e->verb_text = val(r, row, i++);
    for (int k = 0; k < 10; k++) e->spans[k] = (uint32_t)num(r, row, i++);
    e->speaker = val(r, row, i++);
    e->speaker_text = val(r, row, i++);
    e->place_name = val(r, row, i++);
    e->place_country = val(r, row, i++);
    e->place_country2 = val(r, row, i++);
    e->place_region = val(r, row, i++);
    e->place_kind = (int)num(r, row, i++);
    dbl(r, row, i++, &e->lat);
    dbl(r, row, i++, &e->lon);
    e->place_text = val(r, row, i++);
    e->flags = (uint32_t)num(r, row, i++);
    e->copy = num(r, row, i++) != 0;
    e->first_of_day = num(r, row, i++) != 0;
    e->url = val(r, row, i++);
    e->outlet = val(r, row, i++);
    e->origin = val(r, row, i++);
    e->ref = val(r, row, i++);
    e->row = num(r, row, i++);
}

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Appends the words of p[0..n) as a tsquery phrase ('a' <-> 'b'), lower-
 * cased, each quoted; *prefix makes the last one a prefix.  Returns the
 * number of words. */
static int ts_words(sbuf *b, const char *p, size_t n, bool prefix, bool *oom)
{
    int words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && !word_byte((unsigned char)p[i])) i++;
        if (i >= n) break;
        if (words++ && sbuf_append(b, " <-> ", 5)) *oom = true;
        if (sbuf_putc(b, '\'')) *oom = true;
        for (; i < n && word_byte((unsigned char)p[i]); i++) {
            char c = p[i];
            if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
            if (sbuf_putc(b, c)) *oom = true;
        }
        if (sbuf_putc(b, '\'')) *oom = true;
    }
    if (words && prefix && sbuf_append(b, ":*", 2)) *oom = true;
    return words;
}

/* 0, -1 out of memory, -2 an unterminated "phrase".
 * --text is FTS5's query syntax (the SQLite store's): words, "phrases",
 * AND, OR, NOT, prefix*, parentheses.  Here it becomes to_tsquery's,
 * words quoted, so a query means the same on both engines; what is not
 * well formed is left for to_tsquery to refuse with a message. */
static int fts5_to_tsquery(const char *q, sbuf *b)
{
    bool oom = false, operand = false; /* an operand just ended */
    size_t n = strlen(q);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)q[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { i++; continue; }
        if (c == ')') { if (sbuf_putc(b, ')')) oom = true; operand = true; i++; continue; }
        size_t j = i;
        const char *op = NULL;
        if (c == '(') {
            j = i + 1;
        } else if (c == '"') {
            j = i + 1;
            while (j < n && q[j] != '"') j++;
            if (j >= n) return -2; /* as FTS5: an unterminated string */
        } else {
            while (j < n && q[j] != ' ' && q[j] != '\t' && q[j] != '\n' && q[j] != '\r' && q[j] != '(' &&
                   q[j] != ')' && q[j] != '"')
                j++;
            if (j - i == 3 && memcmp(q + i, "AND", 3) == 0) op = " & ";
            else if (j - i == 2 && memcmp(q + i, "OR", 2) == 0) op = " | ";
            else if (j - i == 3 && memcmp(q + i, "NOT", 3) == 0) op = " & !";
        }
        if (op) {
            if (sbuf_append(b, op, strlen(op))) oom = true;
            operand = false;
            i = j;
            continue;
        }
        if (operand && sbuf_append(b, " & ", 3)) oom = true; /* FTS5's implicit AND */
        if (c == '(') {
            if (sbuf_putc(b, '(')) oom = true;
            operand = false;
            i = j;
            continue;
        }
        size_t start = c == '"' ? i + 1 : i, end = j;
        bool prefix = c != '"' && end > start && q[end - 1] == '*';
        if (!ts_words(b, q + start, end - start, prefix || (c == '"' && j + 1 < n && q[j + 1] == '*'), &oom))
            if (sbuf_append(b, "''", 2)) oom = true; /* no word: to_tsquery finds nothing */
        operand = true;
        i = c == '"' ? (j < n ? j + 1 : j) : j;
        if (c == '"' && i < n && q[i] == '*') i++;
    }
    if (sbuf_putc(b, 0)) oom = true;
    return oom ? -1 : 0;
}

/* The words as a tsquery over the sentence; -1 (with the error set) for
 * a --text that cannot be translated. */
static int pg_match(store_qb *b, const char *text, void *ctx)
{
    int rc = fts5_to_tsquery(text, &b->owned);
    if (rc == -2) {
        pg_seterr(ctx, "--text '%.100s': unterminated string", text);
        return -1;
    }
    if (rc) b->oom = true;
    store_qb_sql(b, " AND to_tsvector('simple', coalesce(e.sentence_text, '')) @@ to_tsquery('simple', ");
    store_qb_text(b, b->owned.data ? b->owned.data : "");
    store_qb_sql(b, ")");
    return 0;
}

static void qb_begin(store_qb *b, pg *s)
{
    store_qb_init(b, STORE_SQL_DOLLAR);
    b->match = pg_match;
    b->ctx = s;
}

/* A failed statement's message: a malformed --text is the user's, not
 * the store's. */
static int query_fail(pg *s, const PGresult *r, const dyad_query *q, const char *what)
{
    char m[300];
    const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    if (q && q->text && state && strcmp(state, "42601") == 0)
        return pg_seterr(s, "--text '%.100s': %s", q->text, server_message(s, r, m, sizeof m)), -1;
    return pg_fail(s, r, what);
}

/* Ends the SQL; -1 (error set, buffers freed) when out of memory. */
static int qb_end(pg *s, store_qb *b)
{
    if (!store_qb_end(b)) return 0;
    store_qb_free(b);
    pg_seterr(s, "out of memory");
    return -1;
}

/* Runs the built statement whole (aggregates: a few rows); NULL with the
 * error set, the buffers freed either way. */
static PGresult *qb_run(pg *s, store_qb *b, const dyad_query *q, const char *what)
{
    if (qb_end(s, b)) return NULL;
    PGresult *r = PQexecParams(s->db, b->sql.data, b->n, NULL, b->val, NULL, NULL, 0);
    store_qb_free(b);
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) return r;
    query_fail(s, r, q, what);
    PQclear(r);
    return NULL;
}

static int pg_query(void *h, const dyad_query *q, const store_cursor *after, store_row_fn fn, void *user)
{
    pg *s = h;
    store_qb b;
    qb_begin(&b, s);
    store_qb_sql(&b, SELECT_EVENT " WHERE true");
    if (store_qb_where(&b, q)) { store_qb_free(&b); return -1; }
    store_qb_page(&b, q, after);
    if (qb_end(s, &b)) return -1;
    /* rows one at a time: a query of millions of events is written as it
     * comes, in constant memory */
    if (!PQsendQueryParams(s->db, b.sql.data, b.n, NULL, b.val, NULL, NULL, 0) || !PQsetSingleRowMode(s->db)) {
        store_qb_free(&b);
        pg_seterr(s, "running the query: %s", PQerrorMessage(s->db));
        return -1;
    }
    int ret = 0;
    bool stop = false;
    PGresult *r;
    while ((r = PQgetResult(s->db))) {
        ExecStatusType st = PQresultStatus(r);
        if (st == PGRES_SINGLE_TUPLE && !stop) {
            store_event e;
            row_of(r, 0, &e);
            if (fn(&e, user)) stop = true;
        } else if (st != PGRES_SINGLE_TUPLE && st != PGRES_TUPLES_OK && !ret) {
            ret = query_fail(s, r, q, "running the query");
        }
        PQclear(r);
    }
    store_qb_free(&b);
    return ret;
}

static int pg_stats(void *h, store_stats *out, store_dyad_count *top, size_t ntop, size_t *got)
{
    pg *s = h;
    memset(out, 0, sizeof *out);
    *got = 0;
    PGresult *r = run(s,
                      "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM documents WHERE copy_of IS NOT NULL),"
                      " (SELECT count(*) FROM events), (SELECT count(*) FROM events WHERE copy = 1),"
                      " (SELECT count(*) FROM events WHERE first_of_day = 1), (SELECT count(*) FROM runs),"
                      " (SELECT min(date) FROM events), (SELECT max(date) FROM events)",
                      0, NULL, "counting");
    if (!r) return -1;
    if (PQntuples(r) == 1) {
        out->documents = num(r, 0, 0);
        out->copies = num(r, 0, 1);
        out->events = num(r, 0, 2);
        out->copy_events = num(r, 0, 3);
        out->unique_events = num(r, 0, 4);
        out->runs = num(r, 0, 5);
        unsigned lo = (unsigned)num(r, 0, 6), hi = (unsigned)num(r, 0, 7);
        if (lo) snprintf(out->first, sizeof out->first, "%04u-%02u-%02u", lo / 10000 % 10000, lo / 100 % 100, lo % 100);
        if (hi) snprintf(out->last, sizeof out->last, "%04u-%02u-%02u", hi / 10000 % 10000, hi / 100 % 100, hi % 100);
    }
    PQclear(r);
    if (!ntop) return 0;
    char lim[24];
    snprintf(lim, sizeof lim, "%zu", ntop);
    const char *v[1] = {lim};
    r = run(s,
            "SELECT source, target, count(*) AS n FROM events WHERE copy = 0"
            " GROUP BY source, target ORDER BY n DESC, source, target LIMIT $1",
            1, v, "counting dyads");
    if (!r) return -1;
    for (int i = 0; i < PQntuples(r) && *got < ntop; i++) {
        const char *a = val(r, i, 0), *b2 = val(r, i, 1);
        snprintf(top[*got].source, sizeof top[*got].source, "%s", a ? a : "");
        snprintf(top[*got].target, sizeof top[*got].target, "%s", b2 ? b2 : "");
        top[*got].events = num(r, i, 2);
        (*got)++;
    }
    PQclear(r);
    return 0;
}

/* ---- read-only views (dyad serve) ------------------------------------------ */

/* The server stops a statement past the limit (SQLSTATE 57014), which
 * pg_fail reports as a timeout. */
static void pg_time_limit(void *h, int ms)
{
    pg *s = h;
    s->limit_ms = ms < 0 ? 0 : ms;
    char set[64];
    snprintf(set, sizeof set, "SET statement_timeout = %d", s->limit_ms);
    exec(s, set, "setting the time limit");
}

static int pg_timed_out(void *h) { return ((pg *)h)->timed_out; }

/* The counter every dyad commit bumps (migration 4): it changes exactly
 * when a write transaction commits, and a reader sees the new value in
 * the same snapshot as the rows that commit wrote, so an answer is never
 * cached under a version newer than its data. */
static int pg_data_version(void *h, int64_t *v)
{
    pg *s = h;
    PGresult *r = run(s, "SELECT n FROM dyad_data_version", 0, NULL, "reading the data version");
    if (!r) return -1;
    *v = PQntuples(r) == 1 ? num(r, 0, 0) : 0;
    PQclear(r);
    return 0;
}

/* A group row: source, target, period, quad, events, conflict, goldstein,
 * scored (the last three when ncols says so).  '' codes are the SQLite
 * engine's NULLs. */
static void group_of(const PGresult *r, int row, store_group *g, int ncols)
{
    memset(g, 0, sizeof *g);
    g->source = val(r, row, 0);
    g->target = val(r, row, 1);
    if (g->source && !*g->source) g->source = NULL;
    if (g->target && !*g->target) g->target = NULL;
    g->period = num(r, row, 2);
    int64_t quad = num(r, row, 3);
    g->quad = quad >= 0 && quad <= 4 ? (int)quad : 0;
    g->events = num(r, row, 4);
    if (ncols > 5) g->conflict = num(r, row, 5);
    if (ncols > 6) dbl(r, row, 6, &g->goldstein);
    if (ncols > 7) g->scored = num(r, row, 7);
}

static int run_groups(pg *s, store_qb *b, const dyad_query *q, int ncols, store_group_fn fn, void *user)
{
    PGresult *r = qb_run(s, b, q, "aggregating events");
    if (!r) return -1;
    int got = PQnfields(r);
    if (got < ncols) {
        PQclear(r);
        pg_seterr(s, "aggregating events: %d columns, expected %d", got, ncols);
        return -1;
    }
    for (int i = 0; i < PQntuples(r); i++) {
        store_group g;
        group_of(r, i, &g, ncols);
        if (fn(&g, user)) break;
    }
    PQclear(r);
    return 0;
}

static int pg_trend(void *h, const dyad_query *q, int divisor, store_group_fn fn, void *user)
{
    pg *s = h;
    store_qb b;
    qb_begin(&b, s);
    if (store_qb_trend(&b, q, divisor)) { store_qb_free(&b); return -1; }
    return run_groups(s, &b, q, 8, fn, user);
}

static int pg_pair_volume(void *h, const dyad_query *q, size_t ntop, store_group_fn fn, void *user)
{
    pg *s = h;
    store_qb b;
    qb_begin(&b, s);
    if (store_qb_pair_volume(&b, q, ntop)) { store_qb_free(&b); return -1; }
    return run_groups(s, &b, q, 5, fn, user);
}

static int pg_pair_periods(void *h, const dyad_query *q, int divisor, int64_t lo, int64_t hi,
                           store_group_fn fn, void *user)
{
    pg *s = h;
    store_qb b;
    qb_begin(&b, s);
    if (store_qb_pair_periods(&b, q, divisor, lo, hi)) { store_qb_free(&b); return -1; }
    return run_groups(s, &b, q, 6, fn, user);
}

static int pg_last_date(void *h, const dyad_query *q, int64_t *date)
{
    pg *s = h;
    store_qb b;
    qb_begin(&b, s);
    *date = 0;
    if (store_qb_last_date(&b, q)) { store_qb_free(&b); return -1; }
    PGresult *r = qb_run(s, &b, q, "finding the latest date");
    if (!r) return -1;
    if (PQntuples(r) == 1 && PQnfields(r) == 5) *date = num(r, 0, 2);
    PQclear(r);
    return 0;
}

static int pg_doc_events(void *h, int64_t row, size_t max, store_row_fn fn, void *user)
{
    pg *s = h;
    store_qb b;
    qb_begin(&b, s);
    /* the event's columns, then its sentence (a column here, not a
     * separate full-text table) */
    store_qb_sql(&b, SELECT_EVENT_COLUMNS ", e.sentence_text" SELECT_EVENT_FROM " WHERE e.doc = ");
    store_qb_num(&b, row);
    store_qb_sql(&b, " ORDER BY e.id LIMIT ");
    store_qb_num(&b, (int64_t)max);
    PGresult *r = qb_run(s, &b, NULL, "reading a document's events");
    if (!r) return -1;
    int ncols = PQnfields(r);
    for (int i = 0; i < PQntuples(r) && ncols == SELECT_EVENT_N + 1; i++) {
        store_event e;
        row_of(r, i, &e);
        e.sentence_text = val(r, i, SELECT_EVENT_N);
        e.sentence_len = e.sentence_text ? (size_t)PQgetlength(r, i, SELECT_EVENT_N) : 0;
        if (fn(&e, user)) break;
    }
    PQclear(r);
    return 0;
}

static int pg_actors(void *h, const char *prefix, const char *text, size_t max, store_group_fn fn, void *user)
{
    pg *s = h;
    store_qb b;
    qb_begin(&b, s);
    store_qb_actors(&b, prefix, text, max);
    return run_groups(s, &b, NULL, 5, fn, user);
}

static int pg_health(void *h, store_health *out)
{
    pg *s = h;
    memset(out, 0, sizeof *out);
    PGresult *r = run(s,
                      "SELECT (SELECT max(id) FROM documents), (SELECT max(id) FROM events),"
                      " (SELECT min(date) FROM events), (SELECT max(date) FROM events)",
                      0, NULL, "checking the store");
    if (!r) return -1;
    if (PQntuples(r) == 1 && PQnfields(r) == 4) {
        out->documents = num(r, 0, 0);
        out->events = num(r, 0, 1);
        out->first = num(r, 0, 2);
        out->last = num(r, 0, 3);
        out->schema = SCHEMA_VERSION;
    }
    PQclear(r);
    return 0;
}

/* Counts by day, in date order: the server groups (no temporary B-tree
 * question here, unlike SQLite), so only the days cross the network. */
static int pg_count(void *h, const dyad_query *q, store_day_fn fn, void *user)
{
    pg *s = h;
    store_qb b;
    qb_begin(&b, s);
    /* SQLite's engine skips dates <= 0 (damaged rows): so does this */
    store_qb_sql(&b, "SELECT e.date, count(*) FROM events e WHERE e.date > 0");
    if (store_qb_where(&b, q)) { store_qb_free(&b); return -1; }
    store_qb_sql(&b, " GROUP BY e.date ORDER BY e.date");
    PGresult *r = qb_run(s, &b, q, "counting events");
    if (!r) return -1;
    for (int i = 0; i < PQntuples(r) && PQnfields(r) == 2; i++) {
        int64_t d = num(r, i, 0);
        if (d <= 0 || d > INT_MAX) continue;
        if (fn((int)d, num(r, i, 1), user)) break;
    }
    PQclear(r);
    return 0;
}

/* ---- what src/trend/ reads ------------------------------------------------------ */

/* Sends a built count query and hands its rows to fn: source, target,
 * date, code, then the events (one column) or the roll-up's events and
 * copies (two), the date of a month row being its first day. */
static int counts_run(pg *s, store_qb *b, const dyad_query *q, bool rollup, bool months, store_count_fn fn,
                      void *user)
{
    PGresult *r = qb_run(s, b, q, "counting events");
    if (!r) return -1;
    int want = rollup ? 6 : 5;
    for (int i = 0; i < PQntuples(r) && PQnfields(r) == want; i++) {
        int64_t d = num(r, i, 2);
        if (months) d = d * 100 + 1;
        if (d <= 0 || d > INT_MAX) continue;
        int64_t n = rollup ? store_rollup_value(q, num(r, i, 4), num(r, i, 5)) : num(r, i, 4);
        store_count c = {val(r, i, 0), val(r, i, 1), (int)d, val(r, i, 3), n};
        if (!c.code || c.events <= 0) continue;
        if (fn(&c, user)) break;
    }
    PQclear(r);
    return 0;
}

/* Dated events by source, target, day and code from the events, as
 * SQLite's engine gives them (dates <= 0 are damaged rows and left out
 * there too). */
static int events_counts(pg *s, const dyad_query *q, store_count_fn fn, void *user)
{
    store_qb b;
    qb_begin(&b, s);
    store_qb_sql(&b, "SELECT e.source, e.target, e.date, e.code, count(*) FROM events e WHERE e.date > 0");
    if (store_qb_where(&b, q)) { store_qb_free(&b); return -1; }
    store_qb_sql(&b, " GROUP BY e.source, e.target, e.date, e.code");
    return counts_run(s, &b, q, false, false, fn, user);
}

static int rollup_counts(pg *s, const dyad_query *q, const store_branch *br, const store_span *sp,
                         store_count_fn fn, void *user)
{
    store_qb b;
    qb_begin(&b, s);
    store_qb_rollup(&b, br, sp);
    return counts_run(s, &b, q, true, sp->months, fn, user);
}

/* The target side of --actor from the roll-up, as SQLite's engine reads
 * it (store_qb_rollup_targets), instead of every event of the target. */
static int rollup_target_counts(pg *s, const dyad_query *q, const char *actor, const store_span *sp,
                                store_count_fn fn, void *user)
{
    store_qb b;
    qb_begin(&b, s);
    store_qb_rollup_targets(&b, actor, sp);
    return counts_run(s, &b, q, true, sp->months, fn, user);
}

/* From the roll-up, which the triggers keep exact, in one snapshot. */
static int pg_counts(void *h, const dyad_query *q, bool by_month, store_count_fn fn, void *user)
{
    pg *s = h;
    store_plan plan;
    if (!store_rollup_plan(q, by_month, &plan)) return events_counts(s, q, fn, user);
    bool own = !s->in_txn;
    if (own && exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ", "counting events")) return -1;
    int rc = 0;
    for (size_t b = 0; !rc && b < plan.nbranch; b++)
        for (size_t k = 0; !rc && k < plan.nspan; k++)
            rc = rollup_counts(s, q, &plan.branch[b], &plan.span[k], fn, user);
    for (size_t k = 0; !rc && plan.actor_targets && k < plan.nspan; k++)
        rc = rollup_target_counts(s, q, plan.actor_targets, &plan.span[k], fn, user);
    if (own) PQclear(PQexec(s->db, rc ? "ROLLBACK" : "COMMIT"));
    return rc;
}

/* The triggers fold every write as it is made. */
static int pg_fold(void *h, int64_t min_tail)
{
    (void)h;
    (void)min_tail;
    return 0;
}

static int pg_pair_events(void *h, const char *source, const char *target, int from, int to, bool copies,
                          bool unique, store_row_fn fn, void *user)
{
    pg *s = h;
    store_qb b;
    qb_begin(&b, s);
    store_qb_sql(&b, SELECT_EVENT);
    store_qb_pair_events(&b, source, target, from, to, copies, unique);
    PGresult *r = qb_run(s, &b, NULL, "reading an alert's events");
    if (!r) return -1;
    for (int i = 0; i < PQntuples(r) && PQnfields(r) == SELECT_EVENT_N; i++) {
        store_event e;
        row_of(r, i, &e);
        if (fn(&e, user)) break;
    }
    PQclear(r);
    return 0;
}

/* The sentence an event was coded from (empty when none was kept). */
static int pg_sentence(void *h, int64_t row, sbuf *out)
{
    pg *s = h;
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)row);
    const char *v[1] = {id};
    out->len = 0;
    PGresult *r = run(s, "SELECT sentence_text FROM events WHERE id = $1", 1, v, "reading a sentence");
    if (!r) return -1;
    const char *t = PQntuples(r) == 1 && PQnfields(r) == 1 ? val(r, 0, 0) : NULL;
    int rc = t && sbuf_append(out, t, strlen(t)) ? -1 : 0;
    PQclear(r);
    if (rc) pg_seterr(s, "out of memory");
    return rc;
}

/* ---- news feeds -------------------------------------------------------------- */

static char *dup_val(const PGresult *r, int row, int col)
{
    const char *v = val(r, row, col);
    return v ? strdup(v) : NULL;
}

static int pg_feed_get(void *h, const char *url, char **etag, char **last_modified)
{
    pg *s = h;
    *etag = *last_modified = NULL;
    const char *v[1] = {url};
    PGresult *r = run(s, "SELECT etag, last_modified FROM feeds WHERE url = $1", 1, v, "reading a feed's state");
    if (!r) return -1;
    int found = PQntuples(r) == 1 && PQnfields(r) == 2;
    if (found) {
        *etag = dup_val(r, 0, 0);
        *last_modified = dup_val(r, 0, 1);
        if ((val(r, 0, 0) && !*etag) || (val(r, 0, 1) && !*last_modified)) {
            free(*etag);
            free(*last_modified);
            *etag = *last_modified = NULL;
            PQclear(r);
            pg_seterr(s, "out of memory");
            return -1;
        }
    }
    PQclear(r);
    return found;
}

#define PG_NOW_S "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

static int pg_feed_put(void *h, const char *url, const char *etag, const char *last_modified, long status,
                       const char *error)
{
    pg *s = h;
    char st[24];
    snprintf(st, sizeof st, "%ld", status);
    const char *v[5] = {url, nz(etag), nz(last_modified), st, nz(error)};
    /* a failed fetch keeps the validators of the last good one */
    PGresult *r = run(s,
                      "INSERT INTO feeds(url, etag, last_modified, last_fetch, last_status, last_error)"
                      " VALUES($1, $2::text, $3::text, " PG_NOW_S ", $4::bigint, $5::text)"
                      " ON CONFLICT (url) DO UPDATE SET"
                      " etag = CASE WHEN $5::text IS NULL THEN $2::text ELSE feeds.etag END,"
                      " last_modified = CASE WHEN $5::text IS NULL THEN $3::text ELSE feeds.last_modified END,"
                      " last_fetch = excluded.last_fetch, last_status = excluded.last_status,"
                      " last_error = excluded.last_error",
                      5, v, "storing a feed's state");
    if (!r) return -1;
    PQclear(r);
    return 0;
}

static int pg_item_get(void *h, const char *key, int *state, int *tries)
{
    pg *s = h;
    const char *v[1] = {key};
    PGresult *r = run(s, "SELECT state, tries FROM feed_items WHERE item_key = $1", 1, v, "reading a feed item");
    if (!r) return -1;
    int found = PQntuples(r) == 1 && PQnfields(r) == 2;
    if (found) {
        /* a state this dyad does not know reads as a failure to retry */
        int64_t st = num(r, 0, 0), n = num(r, 0, 1);
        *state = st >= DYAD_ITEM_STORED && st <= DYAD_ITEM_REFUSED ? (int)st : DYAD_ITEM_FAILED;
        *tries = n < 0 ? 0 : n > INT_MAX ? INT_MAX : (int)n;
    }
    PQclear(r);
    return found;
}

static int pg_item_put(void *h, const char *key, const char *feed, const char *link, int state,
                       const char *error)
{
    pg *s = h;
    char st[16];
    snprintf(st, sizeof st, "%d", state);
    const char *v[5] = {key, feed, nz(link), st, nz(error)};
    PGresult *r = run(s,
                      "INSERT INTO feed_items(item_key, feed, link, state, tries, error, first_seen, last_try)"
                      " VALUES($1, $2, $3::text, $4::integer, 1, $5::text, " PG_NOW_S ", " PG_NOW_S ")"
                      " ON CONFLICT (item_key) DO UPDATE SET state = excluded.state,"
                      " tries = feed_items.tries + 1, error = excluded.error, link = excluded.link,"
                      " last_try = excluded.last_try",
                      5, v, "storing a feed item");
    if (!r) return -1;
    PQclear(r);
    return 0;
}


/* A --db value names PostgreSQL when it is a URI of that scheme or a
 * conninfo string ("host=... dbname=..."); anything else is a file. */
bool store_pg_is_conninfo(const char *db)
{
    if (!db) return false;
    if (strncmp(db, "postgresql://", 13) == 0 || strncmp(db, "postgres://", 11) == 0) return true;
    static const char *const keys[] = {"host=", "hostaddr=", "dbname=", "port=", "user=", "service="};
    while (*db == ' ') db++;
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strncmp(db, keys[i], strlen(keys[i])) == 0) return true;
    return false;
}

/* Transactions of 2,000 documents or 4 MiB of text, as measured when
 * this engine was written (the SQLite engine's larger ones were measured
 * on SQLite only). */
const store_engine_ops store_pg_ops = {
    .batch_docs = 4 * DYAD_STORE_BATCH,
    .batch_bytes = 4u << 20,
    .name = "postgresql",
    .open = pg_open,
    .close = pg_close,
    .err = pg_err,
    .busy_timeout = pg_busy_timeout,
    .begin = pg_begin,
    .commit = pg_commit,
    .rollback = pg_rollback,
    .doc_find = pg_doc_find,
    .doc_put = pg_doc_put,
    .doc_clear = pg_doc_clear,
    .doc_ids = pg_doc_ids,
    .doc_get = pg_doc_get,
    .copy_find = pg_copy_find,
    .event_put = pg_event_put,
    .run_begin = pg_run_begin,
    .run_end = pg_run_end,
    .query = pg_query,
    .count = pg_count,
    .counts = pg_counts,
    .fold = pg_fold,
    .pair_events = pg_pair_events,
    .sentence = pg_sentence,
    .stats = pg_stats,
    .time_limit = pg_time_limit,
    .timed_out = pg_timed_out,
    .data_version = pg_data_version,
    .trend = pg_trend,
    .pair_volume = pg_pair_volume,
    .pair_periods = pg_pair_periods,
    .last_date = pg_last_date,
    .doc_events = pg_doc_events,
    .actors = pg_actors,
    .health = pg_health,
    .feed_get = pg_feed_get,
    .feed_put = pg_feed_put,
    .item_get = pg_item_get,
    .item_put = pg_item_put,
};
