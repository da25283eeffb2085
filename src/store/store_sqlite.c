/*
 * store_sqlite.c -- the event store on SQLite (Debian's libsqlite3): the
 * schema and its migrations, and every SQL statement of the store.
 *
 * The file is checked before anything is written to it: it must be empty,
 * or a SQLite database whose application_id says dyad, so a foreign or
 * damaged file is refused untouched.  Then the journal goes to WAL, so
 * readers never wait for the writer, and writers wait for each other up
 * to DYAD_STORE_BUSY_MS.
 */
#include "store_private.h"
#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* "dyad" in ASCII: PRAGMA application_id of every store. */
#define DYAD_APP_ID 0x64796164

/* ---- schema ------------------------------------------------------------
 * Migrations run forward only, each in its own transaction that also
 * records the new version, so a store is always at one version.  Never
 * edit a published migration: add the next one. */

static const char *const migrations[] = {
    /* 1: documents, events, runs, copy bands, the one-a-day view */
    "CREATE TABLE runs("
    " id INTEGER PRIMARY KEY, command TEXT NOT NULL, inputs TEXT, dyad_version TEXT NOT NULL,"
    " dict_id TEXT, started TEXT NOT NULL, ended TEXT,"
    " docs_read INTEGER, docs_skipped INTEGER, docs_coded INTEGER);"
    "CREATE TABLE documents("
    " id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL UNIQUE, url TEXT, outlet TEXT, title TEXT,"
    " pub_date TEXT, language TEXT, origin TEXT NOT NULL, content_hash TEXT NOT NULL,"
    " minhash BLOB, copy_of INTEGER REFERENCES documents(id),"
    " run INTEGER REFERENCES runs(id), file TEXT, line INTEGER, text TEXT);"
    "CREATE INDEX documents_copy_of ON documents(copy_of) WHERE copy_of IS NOT NULL;"
    /* band = (band number << 32) | hash of the MinHash values in that
     * band; only first copies are entered, so a story syndicated a
     * thousand times still has one entry per band */
    "CREATE TABLE minhash_bands(band INTEGER NOT NULL, doc INTEGER NOT NULL,"
    " PRIMARY KEY(band, doc)) WITHOUT ROWID;"
    /* rows are appended in coding order (id), so inserts touch the
     * table's last page only; the stable event id (eid) is a hash and an
     * index on it would cost a random page per insert: there is none */
    "CREATE TABLE events("
    " id INTEGER PRIMARY KEY, eid INTEGER NOT NULL, doc INTEGER NOT NULL REFERENCES documents(id),"
    " sentence INTEGER, date INTEGER, date_precision INTEGER, date_text TEXT,"
    " source TEXT, target TEXT, code TEXT, root INTEGER, quad INTEGER, goldstein REAL, plover TEXT,"
    " source_text TEXT, target_text TEXT, verb_text TEXT,"
    " source_start INTEGER, source_end INTEGER, target_start INTEGER, target_end INTEGER,"
    " verb_start INTEGER, verb_end INTEGER, place_start INTEGER, place_end INTEGER,"
    " speaker_start INTEGER, speaker_end INTEGER,"
    " speaker TEXT, speaker_text TEXT, place_name TEXT, place_country TEXT, place_country2 TEXT,"
    " place_region TEXT, place_kind INTEGER, lat REAL, lon REAL, place_text TEXT,"
    " flags INTEGER NOT NULL DEFAULT 0, copy INTEGER NOT NULL DEFAULT 0,"
    " first_of_day INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX events_doc ON events(doc);"
    /* covers the one-a-day check of every insert and dyad-by-month
     * counts (with or without copies and --unique) without a table read */
    "CREATE INDEX events_dyad ON events(source, target, date, code, copy, first_of_day);"
    "CREATE INDEX events_target ON events(target, date);"
    "CREATE INDEX events_date ON events(date);"
    "CREATE VIEW events_one_a_day AS SELECT * FROM events WHERE first_of_day = 1;",
    /* 2: full-text search over each event's sentence (rowid = events.id) */
    "CREATE VIRTUAL TABLE event_text USING fts5(sentence);",
    /* 3: imported rows keep their own id and url; documents keep how
     * they were read, so that dyad recode reads them the same way */
    "ALTER TABLE events ADD COLUMN ref TEXT;"
    "ALTER TABLE events ADD COLUMN url TEXT;"
    "ALTER TABLE documents ADD COLUMN format TEXT;"
    "ALTER TABLE documents ADD COLUMN is_sentence INTEGER NOT NULL DEFAULT 0;",
    /* 4: news feeds (dyad feeds): each feed's validators for conditional
     * GETs, and every item met, so that a rerun fetches only new ones.
     * The item key is the caller's (a URL or URN as it is, so a story in
     * two feeds is fetched once; other ids qualified by their feed). */
    "CREATE TABLE feeds("
    " url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_fetch TEXT, last_status INTEGER,"
    " last_error TEXT) WITHOUT ROWID;"
    "CREATE TABLE feed_items("
    " item_key TEXT PRIMARY KEY, feed TEXT NOT NULL, link TEXT, state INTEGER NOT NULL,"
    " tries INTEGER NOT NULL DEFAULT 1, error TEXT, first_seen TEXT NOT NULL, last_try TEXT NOT NULL)"
    " WITHOUT ROWID;",
    /* 5: the full-text index keeps no copy of the sentences.  Each event
     * stores its sentence's byte range in its document's text, the view
     * event_sentence cuts the sentence out of that text, and event_text
     * indexes the view (FTS5 external content): the sentence's text was
     * stored twice (in documents.text and in the index's own content
     * table), and the content and size tables cost two more B-tree
     * inserts per event.  Stored events get their range from the old
     * index's copy of their sentence, found in their document's text. */
    "ALTER TABLE events ADD COLUMN sentence_start INTEGER;"
    "ALTER TABLE events ADD COLUMN sentence_end INTEGER;"
    "UPDATE events SET sentence_start = (SELECT instr(CAST(d.text AS BLOB), CAST(c.c0 AS BLOB)) - 1"
    " FROM event_text_content c, documents d WHERE c.id = events.id AND d.id = events.doc)"
    " WHERE id IN (SELECT id FROM event_text_content);"
    "UPDATE events SET sentence_end = sentence_start + (SELECT length(CAST(c.c0 AS BLOB))"
    " FROM event_text_content c WHERE c.id = events.id) WHERE sentence_start >= 0;"
    "UPDATE events SET sentence_start = NULL, sentence_end = NULL"
    " WHERE sentence_start < 0 OR sentence_end <= sentence_start;"
    "DROP TABLE event_text;"
    "CREATE VIEW event_sentence AS SELECT e.id AS id,"
    " CAST(substr(CAST(d.text AS BLOB), e.sentence_start + 1, e.sentence_end - e.sentence_start) AS TEXT)"
    " AS sentence FROM events e JOIN documents d ON d.id = e.doc WHERE e.sentence_end > e.sentence_start;"
    "CREATE VIRTUAL TABLE event_text USING fts5(sentence, content='event_sentence', content_rowid='id',"
    " columnsize=0);"
    "INSERT INTO event_text(event_text) VALUES('rebuild');"
    /* each commit adds a segment; merging them four at a time (the
     * default) cost a twentieth of the store's work, eight at a time half
     * that */
    "INSERT INTO event_text(event_text, rank) VALUES('automerge', 8);",
    /* 6: the roll-up that dyad trend and dyad alerts read instead of the
     * events: dated events counted per source, target, day (month) and
     * code, originals and copies apart ('' stands for a missing code, so
     * that the key is never NULL).  It holds the events up to
     * rollup_state.hwm: writers fold newer ones in (sq_fold), readers add
     * those not yet folded from the events themselves, and the trigger
     * takes a folded event out when its document is replaced or recoded.
     * The trigger also lowers the mark when the events it covered at the
     * top are deleted, since SQLite would give their row ids out again.
     * The roll-up of the events already stored is built here. */
    "CREATE TABLE event_days(source TEXT NOT NULL, target TEXT NOT NULL, date INTEGER NOT NULL,"
    " code TEXT NOT NULL, events INTEGER NOT NULL, copies INTEGER NOT NULL,"
    " PRIMARY KEY(source, target, date, code)) WITHOUT ROWID;"
    "CREATE TABLE event_months(source TEXT NOT NULL, target TEXT NOT NULL, month INTEGER NOT NULL,"
    " code TEXT NOT NULL, events INTEGER NOT NULL, copies INTEGER NOT NULL,"
    " PRIMARY KEY(source, target, month, code)) WITHOUT ROWID;"
    "CREATE TABLE rollup_state(one INTEGER PRIMARY KEY CHECK (one = 1), hwm INTEGER NOT NULL);"
    "INSERT INTO rollup_state VALUES(1, 0);"
    "INSERT INTO event_days SELECT coalesce(source, ''), coalesce(target, ''), date, coalesce(code, ''),"
    " sum(copy = 0), sum(copy <> 0) FROM events WHERE date > 0 GROUP BY 1, 2, 3, 4;"
    "INSERT INTO event_months SELECT source, target, date / 100, code, sum(events), sum(copies)"
    " FROM event_days GROUP BY 1, 2, 3, 4;"
    "UPDATE rollup_state SET hwm = (SELECT coalesce(max(id), 0) FROM events);"
    "CREATE TRIGGER events_rollup AFTER DELETE ON events BEGIN"
    " UPDATE event_days SET events = events - (OLD.copy = 0), copies = copies - (OLD.copy <> 0)"
    "  WHERE OLD.date > 0 AND OLD.id <= (SELECT hwm FROM rollup_state) AND source = coalesce(OLD.source, '')"
    "  AND target = coalesce(OLD.target, '') AND date = OLD.date AND code = coalesce(OLD.code, '');"
    " DELETE FROM event_days WHERE source = coalesce(OLD.source, '') AND target = coalesce(OLD.target, '')"
    "  AND date = OLD.date AND code = coalesce(OLD.code, '') AND events <= 0 AND copies <= 0;"
    " UPDATE event_months SET events = events - (OLD.copy = 0), copies = copies - (OLD.copy <> 0)"
    "  WHERE OLD.date > 0 AND OLD.id <= (SELECT hwm FROM rollup_state) AND source = coalesce(OLD.source, '')"
    "  AND target = coalesce(OLD.target, '') AND month = OLD.date / 100 AND code = coalesce(OLD.code, '');"
    " DELETE FROM event_months WHERE source = coalesce(OLD.source, '') AND target = coalesce(OLD.target, '')"
    "  AND month = OLD.date / 100 AND code = coalesce(OLD.code, '') AND events <= 0 AND copies <= 0;"
    " UPDATE rollup_state SET hwm = (SELECT coalesce(max(id), 0) FROM events)"
    "  WHERE OLD.id >= hwm AND hwm > (SELECT coalesce(max(id), 0) FROM events);"
    " END;",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof *migrations))

enum {
    ST_DOC_FIND, ST_DOC_INSERT, ST_DOC_UPDATE, ST_BAND_DEL, ST_BAND_PUT, ST_BAND_GET,
    ST_FIRST_OF_DAY_KEYS, ST_DOC_EVENT_IDS, ST_TEXT_DEL, ST_EVENTS_DEL, ST_PROMOTE, ST_EVENT_PUT, ST_FIRST_GET,
    ST_TEXT_PUT, ST_BEGIN, ST_COMMIT, ST_FEED_GET, ST_FEED_PUT, ST_ITEM_GET, ST_ITEM_PUT, ST_ROLL_DAY,
    ST_ROLL_MONTH, ST_ROLL_UNFOLDED, ST_ROLL_MARK, ST_DOC_NEW_KEYS, ST_COUNT
};

static const char *const statements[ST_COUNT] = {
    [ST_DOC_FIND] = "SELECT id, content_hash, run FROM documents WHERE doc_key = ?",
    [ST_DOC_INSERT] =
        "INSERT INTO documents(doc_key, url, outlet, title, pub_date, language, origin, content_hash,"
        " minhash, copy_of, run, file, line, text, format, is_sentence) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    [ST_DOC_UPDATE] =
        "UPDATE documents SET doc_key=?, url=?, outlet=?, title=?, pub_date=?, language=?, origin=?,"
        " content_hash=?, minhash=?, copy_of=?, run=?, file=?, line=?, text=?, format=?, is_sentence=?"
        " WHERE id = ?",
    [ST_BAND_DEL] = "DELETE FROM minhash_bands WHERE doc = ?",
    [ST_BAND_PUT] = "INSERT OR IGNORE INTO minhash_bands(band, doc) VALUES(?, ?)",
    [ST_BAND_GET] = "SELECT b.doc, d.minhash FROM minhash_bands b JOIN documents d ON d.id = b.doc"
                    " WHERE b.band = ?",
    [ST_FIRST_OF_DAY_KEYS] = "SELECT source, target, code, date FROM events WHERE doc = ? AND first_of_day = 1",
    /* the sentences a document's events were indexed with, read before
     * its text is replaced: an external-content index forgets a row only
     * when told the words it indexed */
    [ST_DOC_EVENT_IDS] = "SELECT id, sentence FROM event_sentence WHERE id IN (SELECT id FROM events WHERE doc = ?)",
    [ST_TEXT_DEL] = "INSERT INTO event_text(event_text, rowid, sentence) VALUES('delete', ?, ?)",
    [ST_EVENTS_DEL] = "DELETE FROM events WHERE doc = ?",
    /* every column of events_dyad constrained, so that its rows come in
     * id order and the first is one seek: with first_of_day left open the
     * planner took events_target and read every event of the target's day
     * (12,000 in a replicated corpus) to promote one */
    [ST_PROMOTE] = "UPDATE events SET first_of_day = 1 WHERE id = (SELECT id FROM events"
                   " WHERE source IS ?1 AND target IS ?2 AND date = ?4 AND code IS ?3 AND copy = 0"
                   " AND first_of_day = 0 ORDER BY id LIMIT 1)"
                   " AND NOT EXISTS (SELECT 1 FROM events WHERE source IS ?1 AND target IS ?2"
                   " AND date = ?4 AND code IS ?3 AND copy = 0 AND first_of_day = 1)",
    [ST_EVENT_PUT] =
        "INSERT INTO events(eid, doc, sentence, date, date_precision, date_text, source, target,"
        " code, root, quad, goldstein, plover, source_text, target_text, verb_text,"
        " source_start, source_end, target_start, target_end, verb_start, verb_end,"
        " place_start, place_end, speaker_start, speaker_end, speaker, speaker_text,"
        " place_name, place_country, place_country2, place_region, place_kind, lat, lon, place_text,"
        " flags, copy, first_of_day, ref, url, sentence_start, sentence_end)"
        " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    /* every column of events_dyad constrained: one seek, however many
     * events the key has (a story repeated a thousand times) */
    [ST_FIRST_GET] = "SELECT 1 FROM events WHERE source IS ?1 AND target IS ?2 AND date = ?4"
                     " AND code IS ?3 AND copy = 0 AND first_of_day = 1 LIMIT 1",
    /* every event from ?1 on was stored by this transaction (see fts_flush) */
    [ST_TEXT_PUT] = "INSERT INTO event_text(rowid, sentence) SELECT id, sentence FROM event_sentence"
                    " WHERE id >= ?1 ORDER BY id",
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_FEED_GET] = "SELECT etag, last_modified FROM feeds WHERE url = ?",
    /* a failed fetch keeps the validators of the last good one */
    [ST_FEED_PUT] =
        "INSERT INTO feeds(url, etag, last_modified, last_fetch, last_status, last_error)"
        " VALUES(?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?4, ?5)"
        " ON CONFLICT(url) DO UPDATE SET"
        " etag = CASE WHEN ?5 IS NULL THEN ?2 ELSE etag END,"
        " last_modified = CASE WHEN ?5 IS NULL THEN ?3 ELSE last_modified END,"
        " last_fetch = excluded.last_fetch, last_status = ?4, last_error = ?5",
    [ST_ITEM_GET] = "SELECT state, tries FROM feed_items WHERE item_key = ?",
    /* a transaction's roll-up rows, added at its commit (roll_apply) */
    [ST_ROLL_DAY] = "INSERT INTO event_days(source, target, date, code, events, copies) VALUES(?,?,?,?,?,?)"
                    " ON CONFLICT DO UPDATE SET events = events + excluded.events,"
                    " copies = copies + excluded.copies",
    [ST_ROLL_MONTH] = "INSERT INTO event_months(source, target, month, code, events, copies) VALUES(?,?,?,?,?,?)"
                      " ON CONFLICT DO UPDATE SET events = events + excluded.events,"
                      " copies = copies + excluded.copies",
    /* 1 when events stored before this transaction (ids below ?1) wait
     * for the roll-up (sq_fold) */
    [ST_ROLL_UNFOLDED] = "SELECT EXISTS (SELECT 1 FROM events WHERE id > (SELECT hwm FROM rollup_state"
                         " WHERE one = 1) AND id < ?1)",
    [ST_ROLL_MARK] = "UPDATE rollup_state SET hwm = (SELECT coalesce(max(id), 0) FROM events) WHERE one = 1",
    /* the keys of a document's events that this transaction stored (ids
     * from ?2 on), taken back out of its roll-up rows when they go */
    [ST_DOC_NEW_KEYS] = "SELECT source, target, code, date, copy FROM events WHERE doc = ?1 AND id >= ?2"
                        " AND date > 0",
    [ST_ITEM_PUT] =
        "INSERT INTO feed_items(item_key, feed, link, state, tries, error, first_seen, last_try)"
        " VALUES(?1, ?2, ?3, ?4, 1, ?5, strftime('%Y-%m-%dT%H:%M:%SZ','now'),"
        " strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
        " ON CONFLICT(item_key) DO UPDATE SET state = ?4, tries = tries + 1, error = ?5,"
        " link = ?3, last_try = excluded.last_try",
};

/* An event's sentence waiting for the full-text index (see fts_flush). */
typedef struct fts_row {
    int64_t rowid, doc;
    size_t off, len; /* in sq.fts_text */
} fts_row;

/* A one-a-day key (source, target, code, day) known to have its flagged
 * event: see day_known. */
typedef struct day_known_slot {
    uint64_t hash;   /* 0: free; DAY_GONE: a key that was dropped        */
    int date;
    char source[33], target[33], code[9];
} day_known_slot;

#define DAY_GONE 1u
#define DAY_KNOWN_CAP 32768u   /* slots; emptied when half of them are used */

/* The roll-up rows a transaction adds to (see roll_add): one key of
 * event_days or event_months with the dated originals and copies this
 * transaction stored under it. */
typedef struct roll_slot {
    uint64_t hash;   /* 0: free */
    int date;        /* YYYYMMDD, or YYYYMM in the month table */
    int64_t events, copies;
    char source[33], target[33], code[9];
} roll_slot;

#define ROLL_MAX_KEYS 65536u   /* per table: at most 128 Ki slots, 15 MB */

typedef struct roll_table {
    roll_slot *slot;
    size_t cap, used;  /* cap: a power of two, or 0 */
} roll_table;

typedef struct sq {
    sqlite3 *db;
    int busy_ms;
    sqlite3_stmt *st[ST_COUNT];
    int64_t fts_lo;      /* the least event id this transaction stored:
                            it and every id above are not yet indexed;
                            0: none                                     */
    fts_row *fts_del;    /* index rows of replaced events, not yet deleted,
                            with the text they were indexed with */
    size_t ndel, capdel;
    char *fts_text;      /* their texts                                 */
    size_t fts_len, fts_cap;
    day_known_slot *known; /* keys with a flagged event (DAY_KNOWN_CAP) */
    size_t nknown;
    int64_t data_version;  /* PRAGMA data_version when known was checked */
    roll_table days, months; /* this transaction's roll-up rows       */
    bool roll_lost;        /* a key did not fit: fold from the events  */
    int64_t roll_n;        /* events summed in days and months          */
    bool readonly;
    bool ready;     /* opened, checked and migrated: ours to write */
    int limit_ms;             /* time limit of one statement; 0: none */
    struct timespec deadline; /* of the running statement             */
    bool timed_out;
    char err[512];
} sq;

/* Starts the time limit's clock for the next statement. */
static void arm(sq *s)
{
    s->timed_out = false;
    if (!s->limit_ms) return;
    clock_gettime(CLOCK_MONOTONIC, &s->deadline);
    s->deadline.tv_sec += s->limit_ms / 1000;
    s->deadline.tv_nsec += (long)(s->limit_ms % 1000) * 1000000L;
    if (s->deadline.tv_nsec >= 1000000000L) { s->deadline.tv_sec++; s->deadline.tv_nsec -= 1000000000L; }
}

static void sq_seterr(sq *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sq_seterr(sq *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
}

/* Turns SQLite's result codes into messages a user can act on. */
static int sq_fail(sq *s, int rc, const char *what)
{
    int base = rc & 0xff;
    if (base == SQLITE_INTERRUPT && s->timed_out)
        sq_seterr(s, "%s: the query took longer than %d ms", what, s->limit_ms);
    else if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
        sq_seterr(s, "%s: the store is locked by another writer (waited %d s); "
                     "run again when the other ingest has finished",
                  what, (s->busy_ms + 999) / 1000);
    else if (base == SQLITE_CORRUPT || base == SQLITE_NOTADB)
        sq_seterr(s, "%s: the database file is damaged (%s); it was not modified", what,
                  sqlite3_errmsg(s->db));
    else if (base == SQLITE_FULL)
        sq_seterr(s, "%s: the disk is full", what);
    else if (base == SQLITE_READONLY)
        sq_seterr(s, "%s: the store cannot be written (%s)", what, sqlite3_errmsg(s->db));
    else
        sq_seterr(s, "%s: %s", what, s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
    return -1;
}

static sqlite3_stmt *prep(sq *s, int which)
{
    if (!s->st[which] &&
        sqlite3_prepare_v3(s->db, statements[which], -1, SQLITE_PREPARE_PERSISTENT, &s->st[which], NULL) !=
            SQLITE_OK) {
        sq_fail(s, sqlite3_errcode(s->db), "preparing a statement");
        return NULL;
    }
    sqlite3_reset(s->st[which]);
    sqlite3_clear_bindings(s->st[which]);
    arm(s);
    return s->st[which];
}

/* An empty or absent string is NULL, which a parameter already is: every
 * statement comes from prep() (bindings cleared) or is freshly prepared. */
static void bind_str(sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

static int exec(sq *s, const char *sql, const char *what)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? 0 : sq_fail(s, rc, what);
}

/* Runs a prepared statement that returns no rows. */
static int step_done(sq *s, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : sq_fail(s, rc, what);
}

static int64_t query_int(sq *s, const char *sql, int *ok)
{
    sqlite3_stmt *st;
    int64_t v = 0;
    *ok = 0;
    /* a damaged schema page fails here, not at the step */
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        sq_fail(s, sqlite3_errcode(s->db), "reading the store");
        return 0;
    }
    arm(s);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) { v = sqlite3_column_int64(st, 0); *ok = 1; }
    else if (rc == SQLITE_DONE) *ok = 1;
    else sq_fail(s, rc, "reading the store");
    sqlite3_finalize(st);
    return v;
}

static const char *col_str(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* ---- opening ------------------------------------------------------------ */

/* Refuses, without opening it through SQLite, a file that is not a SQLite
 * database: SQLite would take an empty-looking file for a new database. */
static int check_header(const char *path, char *err, size_t errcap, bool *exists)
{
    struct stat sb;
    *exists = false;
    if (stat(path, &sb) != 0) return errno == ENOENT ? 0 : (snprintf(err, errcap, "%s", strerror(errno)), -1);
    *exists = true;
    if (!S_ISREG(sb.st_mode)) { snprintf(err, errcap, "not a regular file"); return -1; }
    if (sb.st_size == 0) return 0;
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(err, errcap, "%s", strerror(errno)); return -1; }
    char head[16];
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    if (n < sizeof head || memcmp(head, "SQLite format 3", 16) != 0) {
        snprintf(err, errcap, "not a dyad store (not a SQLite database); the file was not modified");
        return -1;
    }
    return 0;
}

static int migrate(sq *s, int from)
{
    for (int v = from; v < SCHEMA_VERSION; v++) {
        char sql[160];
        if (exec(s, "BEGIN IMMEDIATE", "upgrading the schema")) return -1;
        if (exec(s, migrations[v], "upgrading the schema")) { exec(s, "ROLLBACK", "rollback"); return -1; }
        snprintf(sql, sizeof sql,
                 "INSERT INTO dyad_schema(version, applied) VALUES(%d, strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ','now'));"
                 "PRAGMA user_version = %d;",
                 v + 1, v + 1);
        if (exec(s, sql, "upgrading the schema") || exec(s, "COMMIT", "upgrading the schema")) {
            exec(s, "ROLLBACK", "rollback");
            return -1;
        }
    }
    return 0;
}

static int sq_close(void *h)
{
    sq *s = h;
    if (!s) return 0;
    for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(s->st[i]);
    /* the planner's statistics (sqlite_stat1) when they are missing or the
     * tables grew tenfold: without them an --actor query on ten million
     * events picks a worse index (680 ms against 410 ms).  They are
     * estimated from at most 1,000 rows of each index (analysis_limit):
     * a full ANALYZE after a fresh ingest of 9,800 records cost 36 M
     * instructions, a twentieth of the store's work; this, 5 M */
    if (s->ready && !s->readonly && sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "PRAGMA analysis_limit=1000; PRAGMA optimize", NULL, NULL, NULL);
    int rc = sqlite3_close(s->db);
    free(s->fts_text);
    free(s->fts_del);
    free(s->known);
    free(s->days.slot);
    free(s->months.slot);
    free(s);
    return rc == SQLITE_OK ? 0 : -1;
}

static void *sq_open(const char *path, unsigned flags, char *err, size_t errcap)
{
    bool readonly = flags & DYAD_STORE_READONLY, exists;
    if (check_header(path, err, errcap, &exists)) return NULL;
    if (!exists && (readonly || !(flags & DYAD_STORE_CREATE))) {
        snprintf(err, errcap, "no such store (dyad ingest creates it)");
        return NULL;
    }
    sq *s = calloc(1, sizeof *s);
    if (!s) { snprintf(err, errcap, "out of memory"); return NULL; }
    s->readonly = readonly;
    int oflags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errcap, "%s", s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        sq_close(s);
        return NULL;
    }
    sqlite3_extended_result_codes(s->db, 1);
    s->busy_ms = DYAD_STORE_BUSY_MS;
    sqlite3_busy_timeout(s->db, s->busy_ms);
    /* 64 MiB of page cache: index pages of a large store stay in memory */
    sqlite3_exec(s->db, "PRAGMA cache_size=-65536", NULL, NULL, NULL);
    /* Identify the file with reads only. */
    int ok;
    int64_t app = query_int(s, "PRAGMA application_id", &ok);
    int64_t tables = ok ? query_int(s, "SELECT count(*) FROM sqlite_schema", &ok) : 0;
    if (!ok) {
        snprintf(err, errcap, "%s", s->err[0] ? s->err : "cannot read the database");
        sq_close(s);
        return NULL;
    }
    if (app != DYAD_APP_ID && (tables > 0 || app != 0)) {
        snprintf(err, errcap, "not a dyad store (a SQLite database of another program); the file was not modified");
        sq_close(s);
        return NULL;
    }
    int version = 0;
    if (app == DYAD_APP_ID) {
        version = (int)query_int(s, "PRAGMA user_version", &ok);
        if (!ok) { snprintf(err, errcap, "%s", s->err); sq_close(s); return NULL; }
        if (version > SCHEMA_VERSION) {
            snprintf(err, errcap, "the store has schema version %d, newer than this dyad's %d: use a newer dyad",
                     version, SCHEMA_VERSION);
            sq_close(s);
            return NULL;
        }
    }
    if (readonly) {
        if (app != DYAD_APP_ID) { snprintf(err, errcap, "empty file, not a dyad store"); sq_close(s); return NULL; }
        if (version < SCHEMA_VERSION) {
            snprintf(err, errcap, "the store has schema version %d; open it once for writing (dyad ingest) to upgrade it to %d",
                     version, SCHEMA_VERSION);
            sq_close(s);
            return NULL;
        }
        return s;
    }
    /* Writable from here on.  A new store gets 16 KiB pages (a page size
     * is fixed once WAL mode is on): every page a commit dirtied is
     * written to the WAL and again to the file at the checkpoint, one
     * write call each, and with 4 KiB pages those calls cost dyad ingest
     * 7 % of its CPU time (replicate 2000: 0.19 s of system time of
     * 2.72 s; 0.17 s of 2.62 s with 16 KiB pages, whose B-trees are also
     * a level shallower). */
    if (app != DYAD_APP_ID && exec(s, "PRAGMA page_size=16384", "setting the page size")) {
        snprintf(err, errcap, "%s", s->err);
        sq_close(s);
        return NULL;
    }
    /* synchronous=NORMAL in WAL mode is durable across process crashes
     * (kill -9); only a power cut can lose the last commits, never
     * consistency. */
    /* checkpoints (each with an fsync) every 64 MiB of WAL, not every
     * 4 MiB: on a busy disk the fsyncs, not the inserts, set the pace */
    if (exec(s, "PRAGMA journal_mode=WAL", "setting WAL mode") ||
        exec(s, "PRAGMA wal_autocheckpoint=16384", "setting checkpoints") ||
        exec(s, "PRAGMA synchronous=NORMAL", "setting synchronous mode") ||
        exec(s, "PRAGMA foreign_keys=OFF", "setting foreign keys")) {
        snprintf(err, errcap, "%s", s->err);
        sq_close(s);
        return NULL;
    }
    if (app != DYAD_APP_ID) {
        char sql[200];
        snprintf(sql, sizeof sql,
                 "BEGIN IMMEDIATE; PRAGMA application_id = %d;"
                 "CREATE TABLE IF NOT EXISTS dyad_schema(version INTEGER NOT NULL, applied TEXT NOT NULL); COMMIT;",
                 DYAD_APP_ID);
        if (exec(s, sql, "creating the store")) {
            exec(s, "ROLLBACK", "rollback");
            snprintf(err, errcap, "%s", s->err);
            sq_close(s);
            return NULL;
        }
    }
    if (migrate(s, version)) {
        snprintf(err, errcap, "%s", s->err);
        sq_close(s);
        return NULL;
    }
    /* A new store's full-text leaves fill a page (16,000 bytes of the
     * 16 KiB page) instead of FTS5's 4,050 bytes: each commit writes its
     * segment in a quarter of the rows, and merges move fewer.  Indexing
     * replicate 2000's 92,000 sentences in five commits took 1,593 M
     * instructions instead of 1,959 M.  A setting of the index, not of
     * the schema: a store made before keeps its leaves, and both read the
     * same. */
    if (version == 0 &&
        exec(s, "INSERT INTO event_text(event_text, rank) VALUES('pgsz', 16000)", "creating the store")) {
        snprintf(err, errcap, "%s", s->err);
        sq_close(s);
        return NULL;
    }
    s->ready = true;
    return s;
}

static const char *sq_err(void *h) { return ((sq *)h)->err; }

static void sq_busy_timeout(void *h, int ms)
{
    sq *s = h;
    s->busy_ms = ms < 0 ? 0 : ms;
    sqlite3_busy_timeout(s->db, s->busy_ms);
}

static void day_known_clear(sq *s)
{
    if (s->known && s->nknown) memset(s->known, 0, DAY_KNOWN_CAP * sizeof *s->known);
    s->nknown = 0;
}

static int sq_begin(void *h)
{
    sq *s = h;
    sqlite3_stmt *st = prep(s, ST_BEGIN);
    if (!st || step_done(s, st, "starting a transaction")) return -1;
    /* another writer's commits may have taken flagged events away: the
     * keys known before are asked again (PRAGMA data_version changes
     * with every other connection's commit, never with ours) */
    int ok;
    int64_t v = query_int(s, "PRAGMA data_version", &ok);
    if (!ok || v != s->data_version) day_known_clear(s); /* unknown: ask again */
    s->data_version = ok ? v : -1;
    return 0;
}

/* ---- the roll-up, summed per transaction ----------------------------------
 *
 * event_days and event_months hold the events up to rollup_state.hwm;
 * sq_fold folds the newer ones in by reading them back (one pass and a
 * sort), every million events and when a writer closes the store.  When a
 * transaction's events repeat their keys (a story told again and again,
 * a replicated corpus), adding their sums at the commit costs less: a
 * writer sums the rows its events add in memory as it stores them
 * (roll_add), takes out those of its own events that it deletes again (a
 * document replaced twice in one transaction: the trigger only takes out
 * folded events), and, when the keys are at most half as many as the
 * events, adds the sums at the commit, in key order, in the same
 * transaction, which also raises the mark over its events.  An upsert per
 * key costs about what the fold costs per event (the fold's pass over the
 * events and its sort against a statement per key), so events of
 * distinct keys are left to sq_fold, which adds a million of them in one
 * statement.  The sums are exact only when every event stored before the
 * transaction was folded; when not (a fold still to come, one interrupted
 * by kill -9, rows another program wrote), when a key did not fit in a
 * slot or when a transaction has too many keys to sum (ROLL_MAX_KEYS),
 * they are dropped and sq_fold folds the events later.
 * replicate 200 (9,200 events of 37 keys): the fold cost 83 M
 * instructions of the ingest's 2,450 M, the sums 7 M. */

static uint64_t day_hash(const char *source, const char *target, const char *code, int date);

static void roll_clear(sq *s)
{
    roll_table *t[2] = {&s->days, &s->months};
    for (int k = 0; k < 2; k++) {
        if (t[k]->used) memset(t[k]->slot, 0, t[k]->cap * sizeof *t[k]->slot);
        t[k]->used = 0;
    }
    s->roll_lost = false;
    s->roll_n = 0;
}

static roll_slot *roll_find(roll_table *t, uint64_t h, const char *source, const char *target, const char *code,
                            int date)
{
    for (size_t i = (size_t)h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        roll_slot *r = &t->slot[i];
        if (!r->hash || (r->hash == h && r->date == date && strcmp(r->source, source) == 0 &&
                         strcmp(r->target, target) == 0 && strcmp(r->code, code) == 0))
            return r;
    }
}

/* Adds events and copies (negative to take them out) to the key's row. */
static void roll_add(sq *s, roll_table *t, const char *source, const char *target, const char *code, int date,
                     int64_t events, int64_t copies)
{
    source = source ? source : "";
    target = target ? target : "";
    code = code ? code : "";
    if (s->roll_lost) return;
    if (strlen(source) > 32 || strlen(target) > 32 || strlen(code) > 8) { s->roll_lost = true; return; }
    /* a transaction of distinct keys (an import of a large file) would
     * hold one slot per event: past this many keys the sums could not be
     * used anyway (they are used when the keys are few) */
    if (t->used >= ROLL_MAX_KEYS) { s->roll_lost = true; return; }
    if ((t->used + 1) * 2 > t->cap) { /* half empty at most: probes stay short */
        size_t nc = t->cap ? 2 * t->cap : 1024;
        roll_slot *ns = calloc(nc, sizeof *ns);
        if (!ns) { s->roll_lost = true; return; }
        for (size_t k = 0; k < t->cap; k++) {
            if (!t->slot[k].hash) continue;
            size_t j = (size_t)t->slot[k].hash & (nc - 1);
            while (ns[j].hash) j = (j + 1) & (nc - 1);
            ns[j] = t->slot[k];
        }
        free(t->slot);
        t->slot = ns;
        t->cap = nc;
    }
    uint64_t h = day_hash(source, target, code, date);
    roll_slot *r = roll_find(t, h, source, target, code, date);
    if (!r->hash) {
        r->hash = h;
        r->date = date;
        memcpy(r->source, source, strlen(source) + 1);
        memcpy(r->target, target, strlen(target) + 1);
        memcpy(r->code, code, strlen(code) + 1);
        t->used++;
    }
    r->events += events;
    r->copies += copies;
}

static void roll_event(sq *s, const char *source, const char *target, const char *code, int date, bool copy,
                       int sign)
{
    if (date <= 0) return;
    s->roll_n += sign;
    roll_add(s, &s->days, source, target, code, date, copy ? 0 : sign, copy ? sign : 0);
    roll_add(s, &s->months, source, target, code, date / 100, copy ? 0 : sign, copy ? sign : 0);
}

static int roll_cmp(const void *a, const void *b)
{
    const roll_slot *x = a, *y = b;
    int c = strcmp(x->source, y->source);
    if (!c) c = strcmp(x->target, y->target);
    if (!c) c = (x->date > y->date) - (x->date < y->date);
    if (!c) c = strcmp(x->code, y->code);
    return c;
}

static int roll_put(sq *s, roll_table *t, int which)
{
    /* compacted and sorted in place: the table is emptied afterwards
     * (a transaction that stored no event never allocated one) */
    if (!t->slot) return 0;
    size_t n = 0;
    for (size_t k = 0; k < t->cap; k++)
        if (t->slot[k].hash && (t->slot[k].events || t->slot[k].copies)) t->slot[n++] = t->slot[k];
    memset(t->slot + n, 0, (t->cap - n) * sizeof *t->slot);
    t->used = n; /* roll_clear empties them all */
    if (n > 1) qsort(t->slot, n, sizeof *t->slot, roll_cmp);
    for (size_t k = 0; k < n; k++) {
        const roll_slot *r = &t->slot[k];
        sqlite3_stmt *st = prep(s, which);
        if (!st) return -1;
        sqlite3_bind_text(st, 1, r->source, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, r->target, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, r->date);
        sqlite3_bind_text(st, 4, r->code, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, r->events);
        sqlite3_bind_int64(st, 6, r->copies);
        if (step_done(s, st, "updating the roll-up")) return -1;
    }
    return 0;
}

/* At the commit of a transaction that stored events from id lo on. */
static int roll_apply(sq *s, int64_t lo)
{
    int ret = -1;
    sqlite3_stmt *st = prep(s, ST_ROLL_UNFOLDED);
    if (!st) goto out;
    sqlite3_bind_int64(st, 1, lo);
    int rc = sqlite3_step(st);
    int unfolded = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW) { sq_fail(s, rc, "updating the roll-up"); goto out; }
    /* left to sq_fold: see above */
    if (unfolded || s->roll_lost || (int64_t)(s->days.used + s->months.used) * 2 > s->roll_n) {
        ret = 0;
        goto out;
    }
    if (roll_put(s, &s->days, ST_ROLL_DAY) || roll_put(s, &s->months, ST_ROLL_MONTH)) goto out;
    sqlite3_stmt *mk = prep(s, ST_ROLL_MARK);
    ret = mk ? step_done(s, mk, "updating the roll-up") : -1;
out:
    roll_clear(s);
    return ret;
}

/* ---- the full-text index, written per transaction ------------------------
 *
 * FTS5 keeps new rows in memory and writes them as one segment, but it
 * must flush that memory to a segment of its own whenever a row is
 * deleted or inserted below the last rowid written.  A replaced document
 * (a corpus repeating an id, a changed article) deletes its old rows, so
 * writing each sentence at once cost a flush, a small segment and later
 * merges per replacement: 18 % of ingest time on replicated corpora.
 * Sentences are therefore indexed when the transaction commits, after the
 * index rows of replaced events are deleted in rowid order, by one
 * statement that reads the new events' sentences back through
 * event_sentence in rowid order: one or two flushes a transaction, and
 * no copy of the sentences is kept meanwhile (copying them and inserting
 * them row by row cost nearly twice as much as the one statement).
 *
 * Which events are new needs no list: SQLite gives a new row the id
 * above the largest in the table, so from the first event this
 * transaction stores (fts_lo) on, every id in the table is one it
 * stored, and an event it stored and deleted again (its document
 * replaced twice) is simply no longer there.  Ids below fts_lo were
 * indexed by earlier transactions.  The work is part of the transaction:
 * done before its COMMIT, or dropped with its ROLLBACK, so kill -9 leaves
 * events and index consistent.  Deleting first matters: a replaced
 * event's rowid can be given to a new event, and the delete reads the old
 * text to know which words to remove. */

static void fts_drop_all(sq *s)
{
    s->fts_lo = 0;
    s->fts_len = 0;
    s->ndel = 0;
}

/* Holds an index row of a replaced event and the text it was indexed with. */
static int fts_del_add(sq *s, int64_t rowid, int64_t doc, const char *text, size_t len)
{
    if (s->ndel == s->capdel) {
        size_t nc = s->capdel ? 2 * s->capdel : 256;
        fts_row *nr = realloc(s->fts_del, nc * sizeof *nr);
        if (!nr) { sq_seterr(s, "out of memory"); return -1; }
        s->fts_del = nr;
        s->capdel = nc;
    }
    if (len > s->fts_cap - s->fts_len) {
        size_t nc = s->fts_cap ? s->fts_cap : 65536;
        while (len > nc - s->fts_len) nc *= 2;
        char *nt = realloc(s->fts_text, nc);
        if (!nt) { sq_seterr(s, "out of memory"); return -1; }
        s->fts_text = nt;
        s->fts_cap = nc;
    }
    if (len) memcpy(s->fts_text + s->fts_len, text, len);
    s->fts_del[s->ndel++] = (fts_row){rowid, doc, s->fts_len, len};
    s->fts_len += len;
    return 0;
}

static int by_rowid(const void *a, const void *b)
{
    int64_t x = ((const fts_row *)a)->rowid, y = ((const fts_row *)b)->rowid;
    return (x > y) - (x < y);
}

static int fts_flush(sq *s)
{
    /* only rows that reached the index are held for deletion (see
     * sq_doc_clear): deleting words that were never indexed would damage
     * the index */
    if (s->ndel > 1) qsort(s->fts_del, s->ndel, sizeof *s->fts_del, by_rowid);
    sqlite3_stmt *td = s->ndel ? prep(s, ST_TEXT_DEL) : NULL;
    if (s->ndel && !td) return -1;
    for (size_t i = 0; i < s->ndel; i++) {
        if (i && s->fts_del[i].rowid == s->fts_del[i - 1].rowid) continue;
        sqlite3_bind_int64(td, 1, s->fts_del[i].rowid);
        sqlite3_bind_text64(td, 2, s->fts_text + s->fts_del[i].off, s->fts_del[i].len, SQLITE_STATIC, SQLITE_UTF8);
        if (step_done(s, td, "replacing a document's events")) return -1;
    }
    if (s->fts_lo) {
        sqlite3_stmt *tp = prep(s, ST_TEXT_PUT);
        if (!tp) return -1;
        sqlite3_bind_int64(tp, 1, s->fts_lo);
        if (step_done(s, tp, "indexing the events' sentences")) return -1;
    }
    fts_drop_all(s);
    return 0;
}

static int sq_rollback(void *h)
{
    sq *s = h;
    fts_drop_all(s);
    day_known_clear(s);
    roll_clear(s);
    if (sqlite3_get_autocommit(s->db)) return 0;
    return exec(s, "ROLLBACK", "rolling back");
}

static int sq_commit(void *h)
{
    sq *s = h;
    if (sqlite3_get_autocommit(s->db)) { fts_drop_all(s); roll_clear(s); return 0; }
    if (s->fts_lo && roll_apply(s, s->fts_lo)) return -1;
    if ((s->fts_lo || s->ndel) && fts_flush(s)) return -1;
    sqlite3_stmt *st = prep(s, ST_COMMIT);
    return st ? step_done(s, st, "committing") : -1;
}

/* ---- feeds --------------------------------------------------------------- */

static char *dup_text(sqlite3_stmt *st, int i)
{
    const char *v = col_str(st, i);
    return v ? strdup(v) : NULL;
}

/* Looks one row up by its text key: 1 with *st on the row (the caller
 * reads it, then resets *st), 0 when there is none, -1 on failure. */
static int find_by_key(sq *s, int which, const char *key, const char *what, sqlite3_stmt **st)
{
    *st = prep(s, which);
    if (!*st) return -1;
    sqlite3_bind_text(*st, 1, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(*st);
    if (rc == SQLITE_ROW) return 1;
    sqlite3_reset(*st);
    return rc == SQLITE_DONE ? 0 : sq_fail(s, rc, what);
}

static int sq_feed_get(void *h, const char *url, char **etag, char **last_modified)
{
    sq *s = h;
    *etag = *last_modified = NULL;
    sqlite3_stmt *st;
    int found = find_by_key(s, ST_FEED_GET, url, "reading a feed's state", &st);
    if (found == 1) {
        *etag = dup_text(st, 0);
        *last_modified = dup_text(st, 1);
        sqlite3_reset(st);
    }
    return found;
}

static int sq_feed_put(void *h, const char *url, const char *etag, const char *last_modified, long status,
                       const char *error)
{
    sq *s = h;
    sqlite3_stmt *st = prep(s, ST_FEED_PUT);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, url, -1, SQLITE_STATIC);
    bind_str(st, 2, etag);
    bind_str(st, 3, last_modified);
    sqlite3_bind_int64(st, 4, status);
    bind_str(st, 5, error);
    return step_done(s, st, "storing a feed's state");
}

static int sq_item_get(void *h, const char *key, int *state, int *tries)
{
    sq *s = h;
    sqlite3_stmt *st;
    int found = find_by_key(s, ST_ITEM_GET, key, "reading a feed item", &st);
    if (found == 1) {
        *state = sqlite3_column_int(st, 0);
        *tries = sqlite3_column_int(st, 1);
        sqlite3_reset(st);
    }
    return found;
}

static int sq_item_put(void *h, const char *key, const char *feed, const char *link, int state,
                       const char *error)
{
    sq *s = h;
    sqlite3_stmt *st = prep(s, ST_ITEM_PUT);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, feed, -1, SQLITE_STATIC);
    bind_str(st, 3, link);
    sqlite3_bind_int(st, 4, state);
    bind_str(st, 5, error);
    return step_done(s, st, "storing a feed item");
}

/* ---- documents ---------------------------------------------------------- */

static int sq_doc_find(void *h, const char *key, int64_t *row, char *hash, int64_t *run)
{
    sq *s = h;
    sqlite3_stmt *st = prep(s, ST_DOC_FIND);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *row = sqlite3_column_int64(st, 0);
        const unsigned char *hx = sqlite3_column_text(st, 1);
        snprintf(hash, 17, "%s", hx ? (const char *)hx : "");
        *run = sqlite3_column_int64(st, 2);
        sqlite3_reset(st);
        return 1;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : sq_fail(s, rc, "looking a document up");
}


static int sq_doc_put(void *h, int64_t row, const store_doc *d, int64_t run, int64_t *out)
{
    sq *s = h;
    sqlite3_stmt *st = prep(s, row ? ST_DOC_UPDATE : ST_DOC_INSERT);
    if (!st) return -1;
    bind_str(st, 1, d->key);
    bind_str(st, 2, d->url);
    bind_str(st, 3, d->outlet);
    bind_str(st, 4, d->title);
    bind_str(st, 5, d->date);
    bind_str(st, 6, d->language);
    bind_str(st, 7, d->origin);
    bind_str(st, 8, d->hash);
    if (d->has_minhash) sqlite3_bind_blob(st, 9, d->minhash, sizeof d->minhash, SQLITE_STATIC);
    if (d->copy_of) sqlite3_bind_int64(st, 10, d->copy_of);
    if (run) sqlite3_bind_int64(st, 11, run);
    bind_str(st, 12, d->file);
    if (d->line) sqlite3_bind_int64(st, 13, (int64_t)d->line);
    if (d->text) sqlite3_bind_text64(st, 14, d->text, d->len, SQLITE_STATIC, SQLITE_UTF8);
    bind_str(st, 15, d->format);
    sqlite3_bind_int(st, 16, d->is_sentence);
    if (row) sqlite3_bind_int64(st, 17, row);
    if (step_done(s, st, "storing a document")) return -1;
    *out = row ? row : sqlite3_last_insert_rowid(s->db);
    if (row) {
        sqlite3_stmt *del = prep(s, ST_BAND_DEL);
        if (!del) return -1;
        sqlite3_bind_int64(del, 1, row);
        if (step_done(s, del, "storing a document")) return -1;
    }
    if (d->has_minhash && !d->copy_of) {
        for (int b = 0; b < DYAD_MINHASH_BANDS; b++) {
            sqlite3_stmt *bp = prep(s, ST_BAND_PUT);
            if (!bp) return -1;
            sqlite3_bind_int64(bp, 1, store_band_key(d->minhash, b));
            sqlite3_bind_int64(bp, 2, *out);
            if (step_done(s, bp, "storing a document")) return -1;
        }
    }
    return 0;
}

static int sq_copy_find(void *h, const uint32_t *minhash, int64_t self, int64_t *first)
{
    sq *s = h;
    *first = 0;
    for (int b = 0; b < DYAD_MINHASH_BANDS; b++) {
        sqlite3_stmt *st = prep(s, ST_BAND_GET);
        if (!st) return -1;
        sqlite3_bind_int64(st, 1, store_band_key(minhash, b));
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            int64_t doc = sqlite3_column_int64(st, 0);
            uint32_t other[DYAD_MINHASH_N];
            /* a damaged or foreign value is no match, never a read past it */
            if (doc == self || sqlite3_column_bytes(st, 1) != (int)sizeof other) continue;
            memcpy(other, sqlite3_column_blob(st, 1), sizeof other);
            if (dyad_minhash_similarity(minhash, other) < DYAD_STORE_COPY_SIMILARITY) continue;
            if (!*first || doc < *first) *first = doc;
        }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) return sq_fail(s, rc, "looking for copies");
    }
    return 0;
}

/* ---- one-a-day keys -----------------------------------------------------
 *
 * The one-a-day flag goes to the first original event of its key (source,
 * target, code, day).  Asking the store whether a key has its flagged
 * event costs an index seek per event; the keys this connection has seen
 * flagged are kept in day_known, a fixed-size hash table, so a key met
 * again is answered from memory.  A key leaves it when a flagged event of
 * its is deleted (sq_doc_clear), all keys when the transaction rolls back
 * or another connection has committed since (sq_begin), and the table is
 * emptied when half full, so its memory is bounded. */

static uint64_t day_hash(const char *source, const char *target, const char *code, int date)
{
    uint64_t h = 0xcbf29ce484222325ull;
    const char *parts[3] = {source, target, code};
    for (int k = 0; k < 3; k++) {
        for (const char *p = parts[k]; p && *p; p++) h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
        h = (h ^ 0xff) * 0x100000001b3ull;
    }
    h = (h ^ (uint32_t)date) * 0x100000001b3ull;
    return h < 2 ? h + 2 : h; /* 0 and DAY_GONE mark free and dropped slots */
}

static bool day_same(const day_known_slot *k, const char *source, const char *target, const char *code, int date)
{
    return k->date == date && strcmp(k->source, source ? source : "") == 0 &&
           strcmp(k->target, target ? target : "") == 0 && strcmp(k->code, code ? code : "") == 0;
}

/* The slot of the key, or NULL when it is not known. */
static day_known_slot *day_find(sq *s, const char *source, const char *target, const char *code, int date)
{
    if (!s->known) return NULL;
    uint64_t h = day_hash(source, target, code, date);
    for (size_t i = (size_t)h & (DAY_KNOWN_CAP - 1);; i = (i + 1) & (DAY_KNOWN_CAP - 1)) {
        day_known_slot *k = &s->known[i];
        if (k->hash == 0) return NULL;
        if (k->hash == h && day_same(k, source, target, code, date)) return k;
    }
}

static void day_add(sq *s, const char *source, const char *target, const char *code, int date)
{
    /* keys longer than the event fields allow are simply not kept */
    if ((source && strlen(source) > 32) || (target && strlen(target) > 32) || (code && strlen(code) > 8)) return;
    if (!s->known && !(s->known = calloc(DAY_KNOWN_CAP, sizeof *s->known))) return;
    if (s->nknown >= DAY_KNOWN_CAP / 2) day_known_clear(s);
    uint64_t h = day_hash(source, target, code, date);
    size_t i = (size_t)h & (DAY_KNOWN_CAP - 1);
    while (s->known[i].hash != 0) i = (i + 1) & (DAY_KNOWN_CAP - 1);
    day_known_slot *k = &s->known[i];
    k->hash = h;
    k->date = date;
    snprintf(k->source, sizeof k->source, "%s", source ? source : "");
    snprintf(k->target, sizeof k->target, "%s", target ? target : "");
    snprintf(k->code, sizeof k->code, "%s", code ? code : "");
    s->nknown++;
}

/* A dropped slot keeps its place, so that the keys stored after it in
 * its probe sequence are still found. */
static void day_forget(sq *s, const char *source, const char *target, const char *code, int date)
{
    day_known_slot *k = day_find(s, source, target, code, date);
    if (k) k->hash = DAY_GONE;
}

/* One-a-day keys whose flagged event is about to go. */
typedef struct day_key {
    char *source, *target, *code;
    int64_t date;
} day_key;

static char *dup_col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? strdup((const char *)t) : NULL;
}

static void bind_day_key(sqlite3_stmt *st, const char *source, const char *target, const char *code,
                         int64_t date)
{
    bind_str(st, 1, source);
    bind_str(st, 2, target);
    bind_str(st, 3, code);
    sqlite3_bind_int64(st, 4, date);
}

static int sq_doc_clear(void *h, int64_t row)
{
    sq *s = h;
    size_t n = 0, cap = 0;
    day_key *keys = NULL;
    int ret = -1;
    sqlite3_stmt *st = prep(s, ST_FIRST_OF_DAY_KEYS);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, row);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            size_t nc = cap ? 2 * cap : 16;
            day_key *nk = realloc(keys, nc * sizeof *nk);
            if (!nk) { sq_seterr(s, "out of memory"); goto out; }
            keys = nk;
            cap = nc;
        }
        keys[n].source = dup_col(st, 0);
        keys[n].target = dup_col(st, 1);
        keys[n].code = dup_col(st, 2);
        keys[n].date = sqlite3_column_int64(st, 3);
        n++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) { sq_fail(s, rc, "replacing a document's events"); goto out; }
    /* the document's events this transaction stored never reached the
     * index: nothing to delete from it */
    sqlite3_stmt *ids = prep(s, ST_DOC_EVENT_IDS);
    if (!ids) goto out;
    sqlite3_bind_int64(ids, 1, row);
    while ((rc = sqlite3_step(ids)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(ids, 0);
        if (s->fts_lo && id >= s->fts_lo) continue;
        const char *text = (const char *)sqlite3_column_text(ids, 1);
        size_t len = (size_t)sqlite3_column_bytes(ids, 1);
        if (fts_del_add(s, id, row, text ? text : "", text ? len : 0)) {
            sqlite3_reset(ids);
            goto out;
        }
    }
    sqlite3_reset(ids);
    if (rc != SQLITE_DONE) { sq_fail(s, rc, "replacing a document's events"); goto out; }
    if (s->fts_lo) {
        sqlite3_stmt *nk = prep(s, ST_DOC_NEW_KEYS);
        if (!nk) goto out;
        sqlite3_bind_int64(nk, 1, row);
        sqlite3_bind_int64(nk, 2, s->fts_lo);
        while ((rc = sqlite3_step(nk)) == SQLITE_ROW)
            roll_event(s, col_str(nk, 0), col_str(nk, 1), col_str(nk, 2), sqlite3_column_int(nk, 3),
                       sqlite3_column_int(nk, 4) != 0, -1);
        sqlite3_reset(nk);
        if (rc != SQLITE_DONE) { sq_fail(s, rc, "replacing a document's events"); goto out; }
    }
    sqlite3_stmt *ed = prep(s, ST_EVENTS_DEL);
    if (!ed) goto out;
    sqlite3_bind_int64(ed, 1, row);
    if (step_done(s, ed, "replacing a document's events")) goto out;
    /* the next event of the same key, if any, becomes the day's first */
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *pr = prep(s, ST_PROMOTE);
        if (!pr) goto out;
        day_forget(s, keys[i].source, keys[i].target, keys[i].code, (int)keys[i].date);
        bind_day_key(pr, keys[i].source, keys[i].target, keys[i].code, keys[i].date);
        if (step_done(s, pr, "replacing a document's events")) goto out;
    }
    ret = 0;
out:
    for (size_t i = 0; i < n; i++) { free(keys[i].source); free(keys[i].target); free(keys[i].code); }
    free(keys);
    return ret;
}

static int sq_doc_ids(void *h, int64_t **ids, size_t *n)
{
    sq *s = h;
    sqlite3_stmt *st;
    *ids = NULL;
    *n = 0;
    size_t cap = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT id FROM documents WHERE origin = 'dyad' AND text IS NOT NULL ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK)
        return sq_fail(s, sqlite3_errcode(s->db), "listing documents");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? 2 * cap : 1024;
            int64_t *ni = realloc(*ids, cap * sizeof *ni);
            if (!ni) { sqlite3_finalize(st); sq_seterr(s, "out of memory"); return -1; }
            *ids = ni;
        }
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : sq_fail(s, rc, "listing documents");
}

static int sq_doc_get(void *h, int64_t id, store_doc_fn fn, void *user)
{
    sq *s = h;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT doc_key, url, outlet, title, pub_date, text, file, line, format, is_sentence"
                           " FROM documents WHERE id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return sq_fail(s, sqlite3_errcode(s->db), "reading a document");
    sqlite3_bind_int64(st, 1, id);
    arm(s);
    int rc = sqlite3_step(st), ret = 0;
    if (rc == SQLITE_ROW) {
        dyad_document d;
        memset(&d, 0, sizeof d);
        d.id = col_str(st, 0);
        d.url = col_str(st, 1);
        d.source = col_str(st, 2);
        d.title = col_str(st, 3);
        const char *date = col_str(st, 4);
        if (date && strlen(date) == 10) memcpy(d.date, date, 11);
        d.text = (const char *)sqlite3_column_blob(st, 5);
        d.len = (size_t)sqlite3_column_bytes(st, 5);
        if (!d.text) d.text = "";
        d.file = col_str(st, 6);
        d.line = (size_t)sqlite3_column_int64(st, 7);
        int f = dyad_format_from_name(col_str(st, 8) ? col_str(st, 8) : "");
        d.format = f < 0 ? DYAD_FORMAT_TEXT : (dyad_format)f;
        d.is_sentence = sqlite3_column_int(st, 9) != 0;
        ret = fn(&d, user);
    } else if (rc != SQLITE_DONE) {
        ret = sq_fail(s, rc, "reading a document");
    }
    sqlite3_finalize(st);
    return ret;
}

/* ---- events ------------------------------------------------------------- */

static int sq_event_put(void *h, const store_event *e)
{
    sq *s = h;
    bool first = false;
    if (!e->copy && e->date && !day_find(s, e->source, e->target, e->code, e->date)) {
        sqlite3_stmt *fg = prep(s, ST_FIRST_GET);
        if (!fg) return -1;
        bind_day_key(fg, e->source, e->target, e->code, e->date);
        int rc = sqlite3_step(fg);
        sqlite3_reset(fg);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sq_fail(s, rc, "storing an event");
        first = rc == SQLITE_DONE;
        day_add(s, e->source, e->target, e->code, e->date);
    }
    sqlite3_stmt *st = prep(s, ST_EVENT_PUT);
    if (!st) return -1;
    int i = 1;
    sqlite3_bind_int64(st, i++, e->id);
    sqlite3_bind_int64(st, i++, e->doc);
    sqlite3_bind_int64(st, i++, e->sentence);
    if (e->date) sqlite3_bind_int(st, i, e->date);
    i++;
    sqlite3_bind_int(st, i++, e->precision);
    bind_str(st, i++, e->date_text);
    bind_str(st, i++, e->source);
    bind_str(st, i++, e->target);
    bind_str(st, i++, e->code);
    if (e->root) sqlite3_bind_int(st, i, e->root);
    i++;
    if (e->quad) sqlite3_bind_int(st, i, e->quad);
    i++;
    if (e->has_goldstein) sqlite3_bind_double(st, i, e->goldstein);
    i++;
    bind_str(st, i++, e->plover);
    bind_str(st, i++, e->source_text);
    bind_str(st, i++, e->target_text);
    bind_str(st, i++, e->verb_text);
    for (int k = 0; k < 10; k += 2) {
        if (e->spans[k + 1] > e->spans[k]) {
            sqlite3_bind_int64(st, i, e->spans[k]);
            sqlite3_bind_int64(st, i + 1, e->spans[k + 1]);
        }
        i += 2;
    }
    bind_str(st, i++, e->speaker);
    bind_str(st, i++, e->speaker_text);
    bind_str(st, i++, e->place_name);
    bind_str(st, i++, e->place_country);
    bind_str(st, i++, e->place_country2);
    bind_str(st, i++, e->place_region);
    if (e->place_name) {
        sqlite3_bind_int(st, i, e->place_kind);
        sqlite3_bind_double(st, i + 1, e->lat);
        sqlite3_bind_double(st, i + 2, e->lon);
    }
    i += 3;
    bind_str(st, i++, e->place_text);
    sqlite3_bind_int64(st, i++, e->flags);
    sqlite3_bind_int(st, i++, e->copy);
    sqlite3_bind_int(st, i++, first);
    bind_str(st, i++, e->ref);
    bind_str(st, i++, e->url);
    bool text = e->sentence_text && e->sentence_len;
    if (text) {
        sqlite3_bind_int64(st, i, (int64_t)e->sentence_start);
        sqlite3_bind_int64(st, i + 1, (int64_t)(e->sentence_start + e->sentence_len));
    }
    i += 2;
    if (step_done(s, st, "storing an event")) return -1;
    int64_t id = sqlite3_last_insert_rowid(s->db);
    if (!s->fts_lo || id < s->fts_lo) s->fts_lo = id;
    roll_event(s, e->source, e->target, e->code, e->date, e->copy, 1);
    return 0;
}

/* ---- runs --------------------------------------------------------------- */

static int sq_run_begin(void *h, const char *command, const char *inputs, const char *dict_id,
                        const char *version, int64_t *run)
{
    sq *s = h;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO runs(command, inputs, dyad_version, dict_id, started)"
                           " VALUES(?,?,?,?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))",
                           -1, &st, NULL) != SQLITE_OK)
        return sq_fail(s, sqlite3_errcode(s->db), "recording the run");
    bind_str(st, 1, command);
    bind_str(st, 2, inputs);
    bind_str(st, 3, version);
    bind_str(st, 4, dict_id);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return sq_fail(s, rc, "recording the run");
    *run = sqlite3_last_insert_rowid(s->db);
    return 0;
}

static int sq_run_end(void *h, int64_t run, size_t read, size_t skipped, size_t coded)
{
    sq *s = h;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "UPDATE runs SET ended = strftime('%Y-%m-%dT%H:%M:%fZ','now'),"
                           " docs_read = ?, docs_skipped = ?, docs_coded = ? WHERE id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return sq_fail(s, sqlite3_errcode(s->db), "recording the run");
    sqlite3_bind_int64(st, 1, (int64_t)read);
    sqlite3_bind_int64(st, 2, (int64_t)skipped);
    sqlite3_bind_int64(st, 3, (int64_t)coded);
    sqlite3_bind_int64(st, 4, run);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : sq_fail(s, rc, "recording the run");
}

/* ---- queries ------------------------------------------------------------ */

#define SELECT_EVENT                                                                               \
    "SELECT e.eid, d.doc_key, e.sentence, e.date, e.date_precision, e.date_text, e.source, e.target," \
    " e.code, e.root, e.quad, e.goldstein, e.plover, e.source_text, e.target_text, e.verb_text,"    \
    " e.source_start, e.source_end, e.target_start, e.target_end, e.verb_start, e.verb_end,"        \
    " e.place_start, e.place_end, e.speaker_start, e.speaker_end, e.speaker, e.speaker_text,"       \
    " e.place_name, e.place_country, e.place_country2, e.place_region, e.place_kind, e.lat, e.lon," \
    " e.place_text, e.flags, e.copy, e.first_of_day, coalesce(e.url, d.url), d.outlet, d.origin,"   \
    " e.ref, e.id"


static void row_of(sqlite3_stmt *st, store_event *e)
{
    memset(e, 0, sizeof *e);
    int i = 0;
    e->id = sqlite3_column_int64(st, i++);
    e->doc_key = col_str(st, i++);
    e->sentence = sqlite3_column_int64(st, i++);
    e->date = sqlite3_column_int(st, i++);
    e->precision = sqlite3_column_int(st, i++);
    e->date_text = col_str(st, i++);
    e->source = col_str(st, i++);
    e->target = col_str(st, i++);
    e->code = col_str(st, i++);
    e->root = sqlite3_column_int(st, i++);
    e->quad = sqlite3_column_int(st, i++);
    e->has_goldstein = sqlite3_column_type(st, i) != SQLITE_NULL;
    e->goldstein = sqlite3_column_double(st, i++);
    e->plover = col_str(st, i++);
    e->source_text = col_str(st, i++);
    e->target_text = col_str(st, i++);
    e->verb_text = col_str(st, i++);
    for (int k = 0; k < 10; k++) e->spans[k] = (uint32_t)sqlite3_column_int64(st, i++);
    e->speaker = col_str(st, i++);
    e->speaker_text = col_str(st, i++);
    e->place_name = col_str(st, i++);
    e->place_country = col_str(st, i++);
    e->place_country2 = col_str(st, i++);
    e->place_region = col_str(st, i++);
    e->place_kind = sqlite3_column_int(st, i++);
    e->lat = sqlite3_column_double(st, i++);
    e->lon = sqlite3_column_double(st, i++);
    e->place_text = col_str(st, i++);
    e->flags = (uint32_t)sqlite3_column_int64(st, i++);
    e->copy = sqlite3_column_int(st, i++) != 0;
    e->first_of_day = sqlite3_column_int(st, i++) != 0;
    e->url = col_str(st, i++);
    e->outlet = col_str(st, i++);
    e->origin = col_str(st, i++);
    e->ref = col_str(st, i++);
    e->row = sqlite3_column_int64(st, i++);
}

/* FTS5 answers the words. */
static int sq_match(store_qb *b, const char *text, void *ctx)
{
    (void)ctx;
    store_qb_sql(b, " AND e.id IN (SELECT rowid FROM event_text WHERE event_text MATCH ");
    store_qb_text(b, text);
    store_qb_sql(b, ")");
    return 0;
}

static void qb_begin(store_qb *b)
{
    store_qb_init(b, STORE_SQL_QMARK);
    b->match = sq_match;
}

/* Prepares the built SQL and binds its values; NULL on failure (the
 * buffer is freed either way). */
static sqlite3_stmt *qb_prepare(sq *s, store_qb *b)
{
    if (store_qb_end(b)) { store_qb_free(b); sq_seterr(s, "out of memory"); return NULL; }
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, b->sql.data, -1, &st, NULL);
    store_qb_free(b);
    if (rc != SQLITE_OK) {
        sq_fail(s, sqlite3_errcode(s->db), "preparing the query");
        return NULL;
    }
    for (int i = 0; i < b->n; i++) {
        if (b->is_num[i]) sqlite3_bind_int64(st, i + 1, b->num[i]);
        else sqlite3_bind_text(st, i + 1, b->val[i], -1, SQLITE_STATIC);
    }
    arm(s);
    return st;
}

/* After the last step: 0, or -1 with the message. */
static int qb_finish(sq *s, sqlite3_stmt *st, int rc, const dyad_query *q, const char *what)
{
    int ret = 0;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        /* an FTS5 syntax error is the user's, not the store's */
        if (q && q->text && (rc & 0xff) == SQLITE_ERROR)
            sq_seterr(s, "--text '%s': %s", q->text, sqlite3_errmsg(s->db));
        else
            sq_fail(s, rc, what);
        ret = -1;
    }
    sqlite3_finalize(st);
    return ret;
}

static int sq_query(void *h, const dyad_query *q, const store_cursor *after, store_row_fn fn, void *user)
{
    sq *s = h;
    store_qb b;
    qb_begin(&b);
    store_qb_sql(&b, SELECT_EVENT);
    store_qb_from(&b, q);
    store_qb_sql(&b, " JOIN documents d ON d.id = e.doc");
    store_qb_sql(&b, " WHERE 1");
    store_qb_where(&b, q);
    store_qb_page(&b, q, after);
    sqlite3_stmt *st = qb_prepare(s, &b);
    if (!st) return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_event e;
        row_of(st, &e);
        if (fn(&e, user)) break;
    }
    return qb_finish(s, st, rc, q, "running the query");
}

/* ---- read-only views ------------------------------------------------------ */

/* SQLite calls this every 1000 virtual-machine steps of a statement; a
 * nonzero answer interrupts it.  A server must not let one request hold a
 * thread for as long as a query over the whole store could take. */
static int past_deadline(void *h)
{
    sq *s = h;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (now.tv_sec > s->deadline.tv_sec ||
        (now.tv_sec == s->deadline.tv_sec && now.tv_nsec >= s->deadline.tv_nsec)) {
        s->timed_out = true;
        return 1;
    }
    return 0;
}

static void sq_time_limit(void *h, int ms)
{
    sq *s = h;
    s->limit_ms = ms < 0 ? 0 : ms;
    sqlite3_progress_handler(s->db, s->limit_ms ? 1000 : 0, s->limit_ms ? past_deadline : NULL, s);
}

static int sq_timed_out(void *h) { return ((sq *)h)->timed_out; }

static int sq_data_version(void *h, int64_t *v)
{
    sq *s = h;
    int ok;
    *v = query_int(s, "PRAGMA data_version", &ok);
    return ok ? 0 : -1;
}

static void group_of(sqlite3_stmt *st, store_group *g, int ncols)
{
    memset(g, 0, sizeof *g);
    /* columns: source, target, period, quad, events, conflict, goldstein, scored */
    g->source = col_str(st, 0);
    g->target = col_str(st, 1);
    g->period = sqlite3_column_int64(st, 2);
    g->quad = sqlite3_column_int(st, 3);
    g->events = sqlite3_column_int64(st, 4);
    if (ncols > 5) g->conflict = sqlite3_column_int64(st, 5);
    if (ncols > 6) g->goldstein = sqlite3_column_double(st, 6);
    if (ncols > 7) g->scored = sqlite3_column_int64(st, 7);
}

static int run_groups(sq *s, store_qb *b, const dyad_query *q, int ncols, store_group_fn fn, void *user)
{
    sqlite3_stmt *st = qb_prepare(s, b);
    if (!st) return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_group g;
        group_of(st, &g, ncols);
        if (fn(&g, user)) break;
    }
    return qb_finish(s, st, rc, q, "aggregating events");
}

static int sq_trend(void *h, const dyad_query *q, int divisor, store_group_fn fn, void *user)
{
    store_qb b;
    qb_begin(&b);
    store_qb_trend(&b, q, divisor);
    return run_groups(h, &b, q, 8, fn, user);
}

static int sq_pair_volume(void *h, const dyad_query *q, size_t ntop, store_group_fn fn, void *user)
{
    store_qb b;
    qb_begin(&b);
    store_qb_pair_volume(&b, q, ntop);
    return run_groups(h, &b, q, 5, fn, user);
}

static int sq_pair_periods(void *h, const dyad_query *q, int divisor, int64_t lo, int64_t hi,
                           store_group_fn fn, void *user)
{
    store_qb b;
    qb_begin(&b);
    store_qb_pair_periods(&b, q, divisor, lo, hi);
    return run_groups(h, &b, q, 6, fn, user);
}

static int sq_last_date(void *h, const dyad_query *q, int64_t *date)
{
    sq *s = h;
    store_qb b;
    qb_begin(&b);
    store_qb_last_date(&b, q);
    sqlite3_stmt *st = qb_prepare(s, &b);
    if (!st) return -1;
    int rc = sqlite3_step(st);
    *date = rc == SQLITE_ROW ? sqlite3_column_int64(st, 2) : 0;
    return qb_finish(s, st, rc, q, "finding the latest date");
}

static int sq_doc_events(void *h, int64_t row, size_t max, store_row_fn fn, void *user)
{
    sq *s = h;
    store_qb b;
    qb_begin(&b);
    /* the event's columns, then its sentence from the full-text table */
    store_qb_sql(&b, SELECT_EVENT " FROM events e JOIN documents d ON d.id = e.doc WHERE e.doc = ");
    store_qb_num(&b, row);
    store_qb_sql(&b, " ORDER BY e.id LIMIT ");
    store_qb_num(&b, (int64_t)max);
    sqlite3_stmt *st = qb_prepare(s, &b);
    if (!st) return -1;
    sqlite3_stmt *tx;
    if (sqlite3_prepare_v2(s->db, "SELECT sentence FROM event_sentence WHERE id = ?", -1, &tx, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return sq_fail(s, sqlite3_errcode(s->db), "reading a document's events");
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_event e;
        row_of(st, &e);
        sqlite3_reset(tx);
        sqlite3_bind_int64(tx, 1, e.row);
        if (sqlite3_step(tx) == SQLITE_ROW) {
            e.sentence_text = (const char *)sqlite3_column_text(tx, 0);
            e.sentence_len = (size_t)sqlite3_column_bytes(tx, 0);
        }
        if (fn(&e, user)) break;
    }
    sqlite3_finalize(tx);
    return qb_finish(s, st, rc, NULL, "reading a document's events");
}

static int sq_actors(void *h, const char *prefix, const char *text, size_t max, store_group_fn fn, void *user)
{
    store_qb b;
    qb_begin(&b);
    store_qb_actors(&b, prefix, text, max);
    return run_groups(h, &b, NULL, 5, fn, user);
}

static int sq_health(void *h, store_health *out)
{
    sq *s = h;
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT (SELECT max(id) FROM documents), (SELECT max(id) FROM events),"
                           " (SELECT min(date) FROM events), (SELECT max(date) FROM events)",
                           -1, &st, NULL) != SQLITE_OK)
        return sq_fail(s, sqlite3_errcode(s->db), "checking the store");
    arm(s);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->documents = sqlite3_column_int64(st, 0);
        out->events = sqlite3_column_int64(st, 1);
        out->first = sqlite3_column_int64(st, 2);
        out->last = sqlite3_column_int64(st, 3);
        out->schema = SCHEMA_VERSION;
    }
    return qb_finish(s, st, rc, NULL, "checking the store");
}

/* Counts by day, in date order.  SQLite hands the matching dates over
 * one by one and they are counted here in a hash table: GROUP BY would
 * build a temporary B-tree whenever the index does not deliver dates in
 * order (an actor prefix spans several codes), which costs more than the
 * scan itself. */
typedef struct day_slot {
    int date;      /* 0: free */
    int64_t n;
} day_slot;

static int cmp_day(const void *a, const void *b)
{
    int x = ((const day_slot *)a)->date, y = ((const day_slot *)b)->date;
    return (x > y) - (x < y);
}

static int sq_count(void *h, const dyad_query *q, store_day_fn fn, void *user)
{
    sq *s = h;
    store_qb b;
    qb_begin(&b);
    store_qb_sql(&b, "SELECT e.date");
    store_qb_from(&b, q);
    store_qb_sql(&b, " WHERE e.date IS NOT NULL");
    store_qb_where(&b, q);
    sqlite3_stmt *st = qb_prepare(s, &b);
    if (!st) return -1;
    size_t cap = 1024, used = 0;
    day_slot *t = calloc(cap, sizeof *t);
    int rc, ret = 0;
    while (t && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int d = sqlite3_column_int(st, 0);
        if (d <= 0) continue;
        size_t i = ((uint32_t)d * 2654435761u) & (cap - 1);
        while (t[i].date && t[i].date != d) i = (i + 1) & (cap - 1);
        if (!t[i].date) {
            t[i].date = d;
            if (++used * 2 > cap) { /* keep it half empty: probes stay short */
                day_slot *nt = calloc(cap * 2, sizeof *nt);
                if (!nt) { free(t); t = NULL; break; }
                for (size_t k = 0; k < cap; k++) {
                    if (!t[k].date) continue;
                    size_t j = ((uint32_t)t[k].date * 2654435761u) & (cap * 2 - 1);
                    while (nt[j].date) j = (j + 1) & (cap * 2 - 1);
                    nt[j] = t[k];
                }
                free(t);
                t = nt;
                cap *= 2;
                i = ((uint32_t)d * 2654435761u) & (cap - 1);
                while (t[i].date != d) i = (i + 1) & (cap - 1);
            }
        }
        t[i].n++;
    }
    if (!t) { sqlite3_finalize(st); sq_seterr(s, "out of memory"); return -1; }
    ret = qb_finish(s, st, rc, q, "counting events");
    if (ret == 0) {
        size_t n = 0;
        for (size_t k = 0; k < cap; k++)
            if (t[k].date) t[n++] = t[k];
        qsort(t, n, sizeof *t, cmp_day);
        for (size_t k = 0; k < n; k++)
            if (fn(t[k].date, t[k].n, user)) break;
    }
    free(t);
    return ret;
}

/* Events counted by source, target, day and code, from the events: with
 * only actor, date, copy and one-a-day filters, events_dyad covers it and
 * the table is not read.  With tail, only the events the roll-up has not
 * folded yet (id > hwm), found by row id; targets_of counts the events
 * with that actor as target and another source. */
static int events_counts(sq *s, const dyad_query *q, bool tail, int64_t hwm, const char *targets_of,
                         store_count_fn fn, void *user)
{
    store_qb b;
    qb_begin(&b);
    store_qb_sql(&b, "SELECT e.source, e.target, e.date, e.code, count(*)");
    if (tail) {
        store_qb_sql(&b, " FROM events e NOT INDEXED WHERE e.id > ");
        store_qb_num(&b, hwm);
        store_qb_sql(&b, " AND e.date > 0");
    } else {
        store_qb_from(&b, q);
        store_qb_sql(&b, " WHERE e.date IS NOT NULL");
    }
    store_qb_where(&b, q);
    if (targets_of) store_qb_targets_of(&b, targets_of);
    store_qb_sql(&b, " GROUP BY e.source, e.target, e.date, e.code");
    sqlite3_stmt *st = qb_prepare(s, &b);
    if (!st) return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_count c = {col_str(st, 0), col_str(st, 1), sqlite3_column_int(st, 2), col_str(st, 3),
                         sqlite3_column_int64(st, 4)};
        if (fn(&c, user)) { rc = SQLITE_DONE; break; }
    }
    return qb_finish(s, st, rc, q, "counting events");
}

/* Runs a built roll-up query (source, target, day or month, code,
 * events, copies) and hands its rows to fn as counts under q. */
static int rollup_run(sq *s, store_qb *b, const dyad_query *q, bool months, store_count_fn fn, void *user)
{
    sqlite3_stmt *st = qb_prepare(s, b);
    if (!st) return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t n = store_rollup_value(q, sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5));
        if (n <= 0) continue;
        /* '' is the roll-up's missing actor or code: NULL, as in events */
        const char *src = col_str(st, 0), *tgt = col_str(st, 1), *code = col_str(st, 3);
        int64_t d = sqlite3_column_int64(st, 2);
        store_count c = {src && *src ? src : NULL, tgt && *tgt ? tgt : NULL, (int)(months ? d * 100 + 1 : d),
                         code && *code ? code : NULL, n};
        if (fn(&c, user)) { rc = SQLITE_DONE; break; }
    }
    return qb_finish(s, st, rc, q, "counting events");
}

/* One branch and span of a roll-up plan: rows in key order, so a dyad's
 * are one range of the primary key. */
static int rollup_counts(sq *s, const dyad_query *q, const store_branch *br, const store_span *sp,
                         store_count_fn fn, void *user)
{
    store_qb b;
    qb_begin(&b);
    store_qb_rollup(&b, br, sp);
    return rollup_run(s, &b, q, sp->months, fn, user);
}

/* The roll-up's rows with target in the actor's prefix and another
 * source (the target side of --actor). */
static int rollup_target_counts(sq *s, const dyad_query *q, const char *actor, const store_span *sp,
                                store_count_fn fn, void *user)
{
    store_qb b;
    qb_begin(&b);
    store_qb_rollup_targets(&b, actor, sp);
    return rollup_run(s, &b, q, sp->months, fn, user);
}

static int64_t rollup_mark(sq *s, int *ok)
{
    return query_int(s, "SELECT hwm FROM rollup_state WHERE one = 1", ok);
}

/* From the roll-up and the events not folded yet, in one read
 * transaction, so that a fold committed meanwhile counts nothing twice. */
static int sq_counts(void *h, const dyad_query *q, bool by_month, store_count_fn fn, void *user)
{
    sq *s = h;
    store_plan plan;
    if (!store_rollup_plan(q, by_month, &plan)) return events_counts(s, q, false, 0, NULL, fn, user);
    bool own = sqlite3_get_autocommit(s->db);
    if (own && exec(s, "BEGIN", "counting events")) return -1;
    int ok, rc = 0;
    int64_t hwm = rollup_mark(s, &ok);
    if (!ok) rc = -1;
    for (size_t b = 0; !rc && b < plan.nbranch; b++)
        for (size_t k = 0; !rc && k < plan.nspan; k++)
            rc = rollup_counts(s, q, &plan.branch[b], &plan.span[k], fn, user);
    dyad_query tq = *q;
    if (plan.actor_targets) {
        tq.actor = NULL;
        tq.source = plan.actor_targets;
    }
    if (!rc) rc = events_counts(s, &tq, true, hwm, NULL, fn, user);
    if (!rc && plan.actor_targets) {
        /* the target side: folded rows from the roll-up, the rest from
         * the events past the mark */
        tq.source = NULL;
        for (size_t k = 0; !rc && k < plan.nspan; k++)
            rc = rollup_target_counts(s, q, plan.actor_targets, &plan.span[k], fn, user);
        if (!rc) rc = events_counts(s, &tq, true, hwm, plan.actor_targets, fn, user);
    }
    if (own) exec(s, "COMMIT", "counting events");
    return rc;
}

/* Folds the events past the mark into the roll-up: one pass over them in
 * row id order, summed per key before a key is touched, so a batch costs
 * about one B-tree update per key it adds (docs/trends.md). */
static int sq_fold(void *h, int64_t min_tail)
{
    sq *s = h;
    if (s->readonly || !sqlite3_get_autocommit(s->db)) return 0;
    int ok;
    int64_t hwm = rollup_mark(s, &ok);
    if (!ok) return -1;
    int64_t top = query_int(s, "SELECT coalesce(max(id), 0) FROM events", &ok);
    if (!ok) return -1;
    if (top - hwm < (min_tail > 0 ? min_tail : 1)) return 0;
    /* the new events summed per day key once (one pass, one sort), then
     * per month key from those sums */
    static const char *const fold_sql =
        "CREATE TEMP TABLE IF NOT EXISTS dyad_fold(source, target, date, code, events, copies);"
        "DELETE FROM dyad_fold;"
        "INSERT INTO dyad_fold SELECT coalesce(source, ''), coalesce(target, ''), date, coalesce(code, ''),"
        " sum(copy = 0), sum(copy <> 0) FROM events NOT INDEXED"
        " WHERE id > (SELECT hwm FROM rollup_state WHERE one = 1) AND date > 0 GROUP BY 1, 2, 3, 4;"
        "INSERT INTO event_days SELECT * FROM dyad_fold WHERE true"
        " ON CONFLICT DO UPDATE SET events = events + excluded.events, copies = copies + excluded.copies;"
        "INSERT INTO event_months SELECT source, target, date / 100, code, sum(events), sum(copies)"
        " FROM dyad_fold GROUP BY 1, 2, 3, 4"
        " ON CONFLICT DO UPDATE SET events = events + excluded.events, copies = copies + excluded.copies;"
        "DELETE FROM dyad_fold;"
        "UPDATE rollup_state SET hwm = (SELECT coalesce(max(id), 0) FROM events) WHERE one = 1;";
    if (exec(s, "BEGIN IMMEDIATE", "updating the roll-up")) return -1;
    if (exec(s, fold_sql, "updating the roll-up") || exec(s, "COMMIT", "updating the roll-up")) {
        char keep[sizeof s->err];
        memcpy(keep, s->err, sizeof keep);
        exec(s, "ROLLBACK", "rollback");
        memcpy(s->err, keep, sizeof keep);
        return -1;
    }
    return 0;
}

/* An alert's evidence: exact codes, so one range of events_dyad. */
static int sq_pair_events(void *h, const char *source, const char *target, int from, int to, bool copies,
                          bool unique, store_row_fn fn, void *user)
{
    sq *s = h;
    store_qb b;
    qb_begin(&b);
    store_qb_sql(&b, SELECT_EVENT " FROM events e INDEXED BY events_dyad JOIN documents d ON d.id = e.doc");
    store_qb_pair_events(&b, source, target, from, to, copies, unique);
    sqlite3_stmt *st = qb_prepare(s, &b);
    if (!st) return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_event e;
        row_of(st, &e);
        if (fn(&e, user)) { rc = SQLITE_DONE; break; }
    }
    return qb_finish(s, st, rc, NULL, "reading an alert's events");
}

/* The sentence an event was coded from, kept for full-text search. */
static int sq_sentence(void *h, int64_t row, sbuf *out)
{
    sq *s = h;
    sqlite3_stmt *st;
    out->len = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT sentence FROM event_sentence WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
        return sq_fail(s, sqlite3_errcode(s->db), "reading a sentence");
    sqlite3_bind_int64(st, 1, row);
    int rc = sqlite3_step(st), ret = 0;
    if (rc == SQLITE_ROW) {
        const void *t = sqlite3_column_text(st, 0);
        if (t && sbuf_append(out, t, (size_t)sqlite3_column_bytes(st, 0))) ret = -1, sq_seterr(s, "out of memory");
    } else if (rc != SQLITE_DONE) {
        ret = sq_fail(s, rc, "reading a sentence");
    }
    sqlite3_finalize(st);
    return ret;
}

static int sq_stats(void *h, store_stats *out, store_dyad_count *top, size_t ntop, size_t *got)
{
    sq *s = h;
    memset(out, 0, sizeof *out);
    *got = 0;
    sqlite3_stmt *st;
    const char *sql =
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM documents WHERE copy_of IS NOT NULL),"
        " (SELECT count(*) FROM events), (SELECT count(*) FROM events WHERE copy = 1),"
        " (SELECT count(*) FROM events WHERE first_of_day = 1), (SELECT count(*) FROM runs),"
        " (SELECT min(date) FROM events), (SELECT max(date) FROM events)";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return sq_fail(s, sqlite3_errcode(s->db), "counting");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->documents = sqlite3_column_int64(st, 0);
        out->copies = sqlite3_column_int64(st, 1);
        out->events = sqlite3_column_int64(st, 2);
        out->copy_events = sqlite3_column_int64(st, 3);
        out->unique_events = sqlite3_column_int64(st, 4);
        out->runs = sqlite3_column_int64(st, 5);
        unsigned lo = (unsigned)sqlite3_column_int(st, 6), hi = (unsigned)sqlite3_column_int(st, 7);
        if (lo) snprintf(out->first, sizeof out->first, "%04u-%02u-%02u", lo / 10000 % 10000, lo / 100 % 100, lo % 100);
        if (hi) snprintf(out->last, sizeof out->last, "%04u-%02u-%02u", hi / 10000 % 10000, hi / 100 % 100, hi % 100);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW) return sq_fail(s, rc, "counting");
    if (!ntop) return 0;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT source, target, count(*) AS n FROM events WHERE copy = 0"
                           " GROUP BY source, target ORDER BY n DESC, source, target LIMIT ?",
                           -1, &st, NULL) != SQLITE_OK)
        return sq_fail(s, sqlite3_errcode(s->db), "counting dyads");
    sqlite3_bind_int64(st, 1, (int64_t)ntop);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *got < ntop) {
        const char *a = col_str(st, 0), *b2 = col_str(st, 1);
        snprintf(top[*got].source, sizeof top[*got].source, "%s", a ? a : "");
        snprintf(top[*got].target, sizeof top[*got].target, "%s", b2 ? b2 : "");
        top[*got].events = sqlite3_column_int64(st, 2);
        (*got)++;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : sq_fail(s, rc, "counting dyads");
}

/* A commit writes every page the transaction dirtied, and the event
 * indexes' pages are dirtied again and again by short records: 98,000
 * one-sentence records wrote 43,000 WAL frames in transactions of 2,000
 * documents, 27,000 in transactions of 10,000.  At most 16 MiB of text, so
 * that a transaction's pages stay in the page cache and kill -9 costs
 * little work of a run of long articles (the next run codes them again). */
const store_engine_ops store_sqlite_ops = {
    .name = "sqlite",
    .batch_docs = 40 * DYAD_STORE_BATCH,
    .batch_bytes = 16u << 20,
    .open = sq_open,
    .close = sq_close,
    .err = sq_err,
    .busy_timeout = sq_busy_timeout,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .doc_find = sq_doc_find,
    .doc_put = sq_doc_put,
    .doc_clear = sq_doc_clear,
    .doc_ids = sq_doc_ids,
    .doc_get = sq_doc_get,
    .copy_find = sq_copy_find,
    .event_put = sq_event_put,
    .run_begin = sq_run_begin,
    .run_end = sq_run_end,
    .query = sq_query,
    .count = sq_count,
    .stats = sq_stats,
    .time_limit = sq_time_limit,
    .timed_out = sq_timed_out,
    .data_version = sq_data_version,
    .trend = sq_trend,
    .pair_volume = sq_pair_volume,
    .pair_periods = sq_pair_periods,
    .last_date = sq_last_date,
    .doc_events = sq_doc_events,
    .actors = sq_actors,
    .health = sq_health,
    .feed_get = sq_feed_get,
    .feed_put = sq_feed_put,
    .item_get = sq_item_get,
    .item_put = sq_item_put,
    .counts = sq_counts,
    .fold = sq_fold,
    .pair_events = sq_pair_events,
    .sentence = sq_sentence,
};
