/*
 * store_private.h -- the event store's engine interface.
 *
 * store.c holds what every engine shares (the public API, content hashes,
 * SimHash, output layouts); each engine is one file (store_sqlite.c,
 * store_pg.c) that implements store_engine_ops and keeps its SQL to
 * itself.  Records cross the interface as the plain structs below.
 */
#ifndef DYAD_STORE_PRIVATE_H
#define DYAD_STORE_PRIVATE_H

#include "../internal.h"
#include <stdbool.h>

/* A document as stored. */
typedef struct store_doc {
    const char *key;        /* dyad_document.id (the file name for text)   */
    const char *url, *outlet, *title;
    const char *date;       /* "YYYY-MM-DD" or ""                          */
    const char *language;
    const char *origin;     /* "dyad", or the import format               */
    const char *file;
    size_t line;
    const char *text;
    size_t len;
    char hash[17];          /* content hash, hex                           */
    uint32_t minhash[DYAD_MINHASH_N];
    bool has_minhash;       /* long enough to be compared for copies       */
    int64_t copy_of;        /* first copy's row id, or 0                   */
    const char *format;     /* the reader's format name                    */
    int is_sentence;
} store_doc;

typedef int (*store_doc_fn)(const dyad_document *doc, void *user);

/* An event as stored and as read back by queries.  Strings may be NULL. */
typedef struct store_event {
    int64_t id;             /* dyad_event_id                               */
    int64_t doc;            /* documents row id                            */
    int64_t sentence;
    int date;               /* YYYYMMDD, or 0                              */
    int precision;          /* dyad_precision                              */
    const char *date_text;
    const char *source, *target, *code;
    int root, quad;         /* 0: none                                     */
    double goldstein;
    bool has_goldstein;
    const char *plover;
    const char *source_text, *target_text, *verb_text;
    uint32_t spans[10];     /* source, target, verb, place, speaker: [s,e) */
    const char *speaker, *speaker_text;
    const char *place_name, *place_country, *place_country2, *place_region;
    int place_kind;
    double lat, lon;
    const char *place_text;
    uint32_t flags;         /* DYAD_EVENT_*                                */
    bool copy;              /* from a syndicated copy                      */
    bool first_of_day;
    const char *sentence_text; /* stored for full-text search             */
    size_t sentence_len;
    size_t sentence_start;  /* the sentence's byte offset in the document's
                               text (with sentence_len, when that is set) */
    const char *ref;        /* the row's id in its origin (imports)        */
    const char *url;        /* imports: the row's url; queries: the
                               event's url, else its document's            */
    /* read back by queries only */
    const char *doc_key, *outlet, *origin;
    int64_t row;            /* events row id: the paging cursor's tie-break */
} store_event;

typedef int (*store_row_fn)(const store_event *e, void *user);
typedef int (*store_day_fn)(int date, int64_t events, void *user);

typedef struct store_stats {
    int64_t documents, copies, events, copy_events, unique_events, runs;
    char first[11], last[11];
} store_stats;

/* Events of one source, target, day and code (dyad_store_counts). */
typedef struct store_count {
    const char *source, *target;  /* may be NULL                          */
    int date;                     /* YYYYMMDD                             */
    const char *code;
    int64_t events;
} store_count;

typedef int (*store_count_fn)(const store_count *c, void *user);

typedef struct store_dyad_count {
    char source[32], target[32];
    int64_t events;
} store_dyad_count;

/* Where a page of events ends: the (date, row) of its last row, in the
 * order of every query (date, then row id; undated rows first). */
typedef struct store_cursor {
    int64_t date;           /* YYYYMMDD, 0 for undated                     */
    int64_t row;
} store_cursor;

/* One group of an aggregate: a period's events of one quad class (trend),
 * or a dyad's events in one period (pairs). */
typedef struct store_group {
    const char *source, *target;
    int64_t period;         /* date / dyad_period divisor; 0 when none     */
    int quad;               /* 0: none                                     */
    int64_t events, conflict;  /* conflict: quad 3 or 4                    */
    double goldstein;       /* sum over the events that have a score       */
    int64_t scored;         /* events with a Goldstein score               */
} store_group;

typedef int (*store_group_fn)(const store_group *g, void *user);

typedef struct store_health {
    int64_t documents, events;  /* highest row ids: cheap, never a count   */
    int64_t first, last;        /* YYYYMMDD of the dated events            */
    int schema;
} store_health;

/* One engine.  Every function returns 0 on success and -1 on failure,
 * with the message in the engine's error buffer (err()).  An engine
 * implements every operation (store.c calls them without checking), and
 * tests/pg.sh holds the PostgreSQL engine to the SQLite engine's answers. */
typedef struct store_engine_ops {
    const char *name;
    /* a write transaction commits after this many documents or bytes of
     * their text (store.c) */
    size_t batch_docs, batch_bytes;
    void *(*open)(const char *path, unsigned flags, char *err, size_t errcap);
    int (*close)(void *h);
    const char *(*err)(void *h);
    void (*busy_timeout)(void *h, int ms);
    int (*begin)(void *h);
    int (*commit)(void *h);
    int (*rollback)(void *h);
    /* 1 and *row, hash[17] and *run (the run that stored it) filled when
     * the key is stored, 0 when not */
    int (*doc_find)(void *h, const char *key, int64_t *row, char *hash, int64_t *run);
    /* inserts (row == 0) or replaces row's document; *out = its row */
    int (*doc_put)(void *h, int64_t row, const store_doc *d, int64_t run, int64_t *out);
    /* row ids of the documents dyad coded itself (origin "dyad") */
    int (*doc_ids)(void *h, int64_t **ids, size_t *n);
    /* one document, as a dyad_document valid during fn */
    int (*doc_get)(void *h, int64_t id, store_doc_fn fn, void *user);
    /* deletes a document's events (keeping one-a-day flags right) */
    int (*doc_clear)(void *h, int64_t row);
    /* the first stored original whose MinHash similarity to minhash is
     * at least DYAD_STORE_COPY_SIMILARITY (self excluded), else 0 */
    int (*copy_find)(void *h, const uint32_t *minhash, int64_t self, int64_t *first);
    int (*event_put)(void *h, const store_event *e);
    int (*run_begin)(void *h, const char *command, const char *inputs, const char *dict_id,
                     const char *version, int64_t *run);
    int (*run_end)(void *h, int64_t run, size_t read, size_t skipped, size_t coded);
    /* rows of q in (date, row) order, after the cursor when not NULL */
    int (*query)(void *h, const dyad_query *q, const store_cursor *after, store_row_fn fn, void *user);
    /* events matching q by day (YYYYMMDD), in date order */
    int (*count)(void *h, const dyad_query *q, store_day_fn fn, void *user);
    int (*stats)(void *h, store_stats *st, store_dyad_count *top, size_t ntop, size_t *got);

    /* ---- read-only views (dyad serve) ---- */
    /* statements stop with an error once ms have passed (0: no limit);
     * timed_out() says whether the last failure was that */
    void (*time_limit)(void *h, int ms);
    int (*timed_out)(void *h);
    /* changes when any connection commits: cached answers go stale */
    int (*data_version)(void *h, int64_t *v);
    /* q's events grouped by period (date / divisor) and quad, in period
     * order: one plain aggregate query */
    int (*trend)(void *h, const dyad_query *q, int divisor, store_group_fn fn, void *user);
    /* q's events grouped by dyad (period 0), the ntop largest first */
    int (*pair_volume)(void *h, const dyad_query *q, size_t ntop, store_group_fn fn, void *user);
    /* q's events with date in [lo, hi], grouped by dyad and period
     * (date / divisor) with their conflict counts, in dyad order */
    int (*pair_periods)(void *h, const dyad_query *q, int divisor, int64_t lo, int64_t hi,
                        store_group_fn fn, void *user);
    /* the latest date of q's events (0 when none) */
    int (*last_date)(void *h, const dyad_query *q, int64_t *date);
    /* a document's events in storing order, at most max, each with its
     * sentence's text (sentence_text) when stored */
    int (*doc_events)(void *h, int64_t row, size_t max, store_row_fn fn, void *user);
    /* actor codes starting with prefix (when not NULL), else those named
     * by words matching the LIKE pattern text, most frequent first;
     * group.source is the code, group.target words that named it */
    int (*actors)(void *h, const char *prefix, const char *text, size_t max, store_group_fn fn,
                  void *user);
    int (*health)(void *h, store_health *out);
    /* News feeds (dyad feeds).  feed_get: 1 with the validators of the
     * last good fetch (malloc'd strings or NULL), 0 for an unknown feed.
     * feed_put: records a fetch; with error set the validators are kept
     * as they were.  item_get: 1 with the item's dyad_item_state and
     * attempts, 0 when never met.  item_put: records an attempt. */
    int (*feed_get)(void *h, const char *url, char **etag, char **last_modified);
    int (*feed_put)(void *h, const char *url, const char *etag, const char *last_modified, long status,
                    const char *error);
    int (*item_get)(void *h, const char *key, int *state, int *tries);
    int (*item_put)(void *h, const char *key, const char *feed, const char *link, int state,
                    const char *error);
    /* dated events matching q counted by source, target, date and code,
     * in no particular order; with by_month, the events of a whole month
     * (of the range asked) may come as one row dated its first day.  Read
     * from the roll-up (event_days, event_months) when store_rollup_plan
     * says it serves q, else from the events.  fn returns nonzero to stop */
    int (*counts)(void *h, const dyad_query *q, bool by_month, store_count_fn fn, void *user);
    /* the sentence of the event stored in row (store_event.row) into out;
     * empty when it was not kept, as for imported events */
    int (*sentence)(void *h, int64_t row, sbuf *out);
    /* folds the events stored since the roll-up was last brought up to
     * date into it, when there are at least min_tail of them (an engine
     * that keeps it up to date at every write does nothing) */
    int (*fold)(void *h, int64_t min_tail);
    /* events of exactly source to target (no prefix) dated from..to
     * (YYYYMMDD), originals only unless copies, first of the day only
     * when unique: the evidence of an alert */
    int (*pair_events)(void *h, const char *source, const char *target, int from, int to, bool copies,
                       bool unique, store_row_fn fn, void *user);
} store_engine_ops;

/* How the roll-up answers a count query (store_rollup_plan).  Branches:
 * rows with source in the source prefix and target in the target prefix
 * (NULL: any), except those with source in not_source and target in
 * not_target when exclude is set -- so that --both and --actor count an
 * event once.  Spans: the day rows (months false) or month rows (YYYYMM)
 * from lo to hi, inclusive.  actor_targets: the rows with the actor as
 * target and another source, which the roll-up's key (source first) does
 * not hold together: both engines walk the key's sources for them
 * (store_qb_rollup_targets). */
typedef struct store_branch {
    const char *source, *target;
    const char *not_source, *not_target;
    bool exclude;
} store_branch;

typedef struct store_span {
    bool months;
    int64_t lo, hi;
} store_span;

typedef struct store_plan {
    store_branch branch[2];
    size_t nbranch;
    store_span span[3];
    size_t nspan;
    const char *actor_targets;
} store_plan;

/* false when q filters on something the roll-up does not keep (code,
 * root, quad, place, speaker, words): count the events instead. */
bool store_rollup_plan(const dyad_query *q, bool by_month, store_plan *plan);
/* The count of a roll-up row under q's --copies and --unique. */
int64_t store_rollup_value(const dyad_query *q, int64_t events, int64_t copies);

extern const store_engine_ops store_sqlite_ops;
extern const store_engine_ops store_pg_ops;

/* A --db value that names a PostgreSQL database: postgresql://,
 * postgres:// or a "host=... dbname=..." conninfo.  (store_pg.c) */
bool store_pg_is_conninfo(const char *db);

/* Writes one event row in a query layout; header writes the CSV/TSV
 * header.  (store_render.c) */
void store_render_header(FILE *out, dyad_row_format format);
void store_render_row(FILE *out, dyad_row_format format, const store_event *e);
/* The JSON object of an event without its closing brace, so a caller can
 * add members (the document view adds the sentence's offsets). */
void store_render_json_open(FILE *out, const store_event *e);

/* For store_import.c: a diagnostic naming a file and line; the import of
 * one file as one transaction (begin stores the file's document, or says
 * it is the same as stored; abort rolls the file back). */
void store_report_at(dyad_store *s, dyad_severity severity, const char *file, size_t line,
                     const char *message);
int store_import_begin(dyad_store *s, store_doc *doc, dyad_doc_state *state);
int store_import_event(dyad_store *s, store_event *e);
int store_import_end(dyad_store *s);
void store_import_abort(dyad_store *s);

/* For the stages that read the store (src/trend/): the engine's counts,
 * the events of a query as records, and an event's sentence.  0 or -1
 * (reported through the store's diag). */
int store_counts(dyad_store *s, const dyad_query *q, bool by_month, store_count_fn fn, void *user);
/* The events of exactly source to target from..to (YYYYMMDD). */
int store_pair_events(dyad_store *s, const char *source, const char *target, int from, int to, bool copies,
                      bool unique, store_row_fn fn, void *user);
int store_each_event(dyad_store *s, const dyad_query *q, store_row_fn fn, void *user);
int store_sentence(dyad_store *s, int64_t row, sbuf *out);
/* The latest date of the dated events (YYYYMMDD; 0 when none). */
int store_last_date(dyad_store *s, int *ymd);
/* Reports a message through the store's diag. */
void store_report(dyad_store *s, const char *message);

/* Parses "YYYY-MM-DD" to YYYYMMDD; 0 when not a valid date. */
int store_date_int(const char *s);

/* A band of a MinHash signature as one integer: rows of DYAD_MINHASH_N /
 * DYAD_MINHASH_BANDS values each, the band's number in the high half.
 * Texts of Jaccard similarity J share a band with probability
 * 1 - (1 - J^4)^8: 0.997 at 0.85, 0.40 at 0.5, 0.06 at 0.3 -- near copies
 * are found, others are rarely even looked at (store.c). */
int64_t store_band_key(const uint32_t *mh, int band);

/* ---- SQL built with its values (store_sql.c) -------------------------------
 * Both engines build the same statements over the same columns; only the
 * placeholder differs (SQLite's "?", PostgreSQL's "$n"), so the filters of
 * a query are written once here.  A value is never pasted into SQL: each
 * placeholder is appended together with its value, in order. */
#define STORE_QB_MAX 24

typedef enum store_sql_style { STORE_SQL_QMARK, STORE_SQL_DOLLAR } store_sql_style;

typedef struct store_qb {
    store_sql_style style;
    sbuf sql;
    int n;
    bool oom;                          /* or too many values: the build failed */
    const char *val[STORE_QB_MAX];     /* every value as text (PQexecParams)   */
    bool is_num[STORE_QB_MAX];
    int64_t num[STORE_QB_MAX];
    char num_text[STORE_QB_MAX][24];
    char hi[12][40];                   /* upper bounds of prefix ranges        */
    int nhi;
    sbuf owned;                        /* text a value points into (tsquery)   */
    /* the engine's own search of --text: appends " AND ..." over events
     * e, or returns -1 with the engine's error set */
    int (*match)(struct store_qb *b, const char *text, void *ctx);
    void *ctx;
} store_qb;

void store_qb_init(store_qb *b, store_sql_style style);
void store_qb_free(store_qb *b);
void store_qb_sql(store_qb *b, const char *sql);
/* A placeholder for v, which must outlive the statement's run. */
void store_qb_text(store_qb *b, const char *v);
void store_qb_num(store_qb *b, int64_t v);
/* col within a code prefix, as an index range. */
void store_qb_prefix(store_qb *b, const char *col, const char *prefix);
/* " AND ..." for every filter of q over events e, the words (--text)
 * through b->match; -1 when the engine refused them (its error set). */
int store_qb_where(store_qb *b, const dyad_query *q);
/* " FROM events e" (SQLite: through the dyad index when it serves q). */
void store_qb_from(store_qb *b, const dyad_query *q);
/* The views' aggregates over q's events, as store_engine_ops says, in
 * the group row layout (source, target, period, quad, events, conflict,
 * goldstein, scored: as many as the view reads); -1 as store_qb_where. */
int store_qb_trend(store_qb *b, const dyad_query *q, int divisor);
int store_qb_pair_volume(store_qb *b, const dyad_query *q, size_t ntop);
int store_qb_pair_periods(store_qb *b, const dyad_query *q, int divisor, int64_t lo, int64_t hi);
int store_qb_last_date(store_qb *b, const dyad_query *q);
/* A query's page: the rows after the cursor (when given), in date and
 * row order (undated first), limit and offset. */
void store_qb_page(store_qb *b, const dyad_query *q, const store_cursor *after);
/* " WHERE ..." an alert's evidence: the events of exactly source to
 * target dated from..to, in date and row order. */
void store_qb_pair_events(store_qb *b, const char *source, const char *target, int from, int to, bool copies,
                          bool unique);
/* Actor codes by prefix, or by words of their names (a LIKE pattern),
 * with a name and their events. */
void store_qb_actors(store_qb *b, const char *prefix, const char *text, size_t max);
/* " AND" the target within actor and the source outside it (the target
 * side of --actor, counted once). */
void store_qb_targets_of(store_qb *b, const char *actor);
/* SELECT of one branch and span of a roll-up plan: source, target, day
 * or month, code, events, copies. */
void store_qb_rollup(store_qb *b, const store_branch *br, const store_span *sp);
/* SELECT of one span of the roll-up's rows with target within actor and
 * source outside it, as store_qb_rollup. */
void store_qb_rollup_targets(store_qb *b, const char *actor, const store_span *sp);
/* Ends the SQL with a NUL: -1 when the build ran out of memory. */
int store_qb_end(store_qb *b);

#endif
