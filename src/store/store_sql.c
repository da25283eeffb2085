/*
 * store_sql.c -- the SQL both engines share: a query's filters and the
 * roll-up's row selection, written once with the placeholder style as the
 * only dialect difference.
 */
#include "store_private.h"
#include <stdio.h>
#include <string.h>

void store_qb_init(store_qb *b, store_sql_style style)
{
    memset(b, 0, sizeof *b);
    b->style = style;
}

void store_qb_free(store_qb *b)
{
    sbuf_free(&b->sql);
    sbuf_free(&b->owned);
}

void store_qb_sql(store_qb *b, const char *sql)
{
    if (sbuf_append(&b->sql, sql, strlen(sql))) b->oom = true;
}

/* Reserves the next value's slot and appends its placeholder; -1 when
 * the statement has no room for another. */
static int qb_slot(store_qb *b)
{
    if (b->n >= STORE_QB_MAX) { b->oom = true; return -1; }
    int i = b->n++;
    if (b->style == STORE_SQL_QMARK) {
        store_qb_sql(b, "?");
    } else {
        char ph[16];
        snprintf(ph, sizeof ph, "$%d", i + 1);
        store_qb_sql(b, ph);
    }
    return i;
}

void store_qb_text(store_qb *b, const char *v)
{
    int i = qb_slot(b);
    if (i < 0) return;
    b->val[i] = v;
    b->is_num[i] = false;
}

void store_qb_num(store_qb *b, int64_t v)
{
    int i = qb_slot(b);
    if (i < 0) return;
    b->num[i] = v;
    b->is_num[i] = true;
    snprintf(b->num_text[i], sizeof b->num_text[i], "%lld", (long long)v);
    b->val[i] = b->num_text[i];
}

/* A CAMEO code prefix as an index range: col >= P AND col < P' where P'
 * is P with its last byte raised (codes are checked to be A-Z0-9, and
 * both engines compare them bytewise), which an index answers where LIKE
 * 'P%' would not. */
void store_qb_prefix(store_qb *b, const char *col, const char *prefix)
{
    if (b->nhi >= (int)(sizeof b->hi / sizeof *b->hi)) { b->oom = true; return; }
    char *hi = b->hi[b->nhi++];
    snprintf(hi, sizeof b->hi[0], "%s", prefix);
    size_t n = strlen(hi);
    if (n) hi[n - 1]++;
    store_qb_sql(b, "(");
    store_qb_sql(b, col);
    store_qb_sql(b, " >= ");
    store_qb_text(b, prefix);
    store_qb_sql(b, " AND ");
    store_qb_sql(b, col);
    store_qb_sql(b, " < ");
    store_qb_text(b, hi);
    store_qb_sql(b, ")");
}

/* One side of a dyad branch: the prefix, or true for any. */
static void qb_prefix_or_any(store_qb *b, const char *col, const char *prefix)
{
    if (prefix) store_qb_prefix(b, col, prefix);
    else store_qb_sql(b, "true");
}

/* "(source AND target)", either side NULL for any. */
static void qb_branch(store_qb *b, const char *source, const char *target)
{
    store_qb_sql(b, "(");
    qb_prefix_or_any(b, "e.source", source);
    store_qb_sql(b, " AND ");
    qb_prefix_or_any(b, "e.target", target);
    store_qb_sql(b, ")");
}

int store_qb_where(store_qb *b, const dyad_query *q)
{
    if (!q->copies) store_qb_sql(b, " AND e.copy = 0");
    if (q->unique) store_qb_sql(b, " AND e.first_of_day = 1");
    if (q->actor) {
        store_qb_sql(b, " AND (");
        store_qb_prefix(b, "e.source", q->actor);
        store_qb_sql(b, " OR ");
        store_qb_prefix(b, "e.target", q->actor);
        store_qb_sql(b, ")");
    }
    if (q->source || q->target) {
        store_qb_sql(b, " AND (");
        qb_branch(b, q->source, q->target);
        if (q->both) {
            store_qb_sql(b, " OR ");
            qb_branch(b, q->target, q->source);
        }
        store_qb_sql(b, ")");
    }
    if (q->code) { store_qb_sql(b, " AND e.code = "); store_qb_text(b, q->code); }
    if (q->root) { store_qb_sql(b, " AND e.root = "); store_qb_num(b, q->root); }
    if (q->quad) { store_qb_sql(b, " AND e.quad = "); store_qb_num(b, q->quad); }
    if (q->from) { store_qb_sql(b, " AND e.date >= "); store_qb_num(b, store_date_int(q->from)); }
    if (q->to) { store_qb_sql(b, " AND e.date <= "); store_qb_num(b, store_date_int(q->to)); }
    if (q->country) {
        store_qb_sql(b, " AND (e.place_country = ");
        store_qb_text(b, q->country);
        store_qb_sql(b, " OR e.place_country2 = ");
        store_qb_text(b, q->country);
        store_qb_sql(b, ")");
    }
    if (q->speaker) { store_qb_sql(b, " AND "); store_qb_prefix(b, "e.speaker", q->speaker); }
    return q->text ? b->match(b, q->text, b->ctx) : 0;
}

/* What the two dialects write differently in the views' aggregates. */
typedef struct sql_dialect {
    const char *conflict;     /* events of quad 3 or 4                     */
    const char *goldstein;    /* the sum of scores, 0 when none            */
    const char *as_integer;   /* a division's type, to group by            */
    const char *nulls_first;  /* SQLite sorts NULL first; PostgreSQL last  */
} sql_dialect;

static const sql_dialect dialects[] = {
    [STORE_SQL_QMARK] = {"sum(e.quad IN (3, 4))", "total(e.goldstein)", "", ""},
    [STORE_SQL_DOLLAR] = {"count(*) FILTER (WHERE e.quad IN (3, 4))", "coalesce(sum(e.goldstein), 0)", "::integer",
                          " NULLS FIRST"},
};

/* SQLite's planner, without statistics, would take the target index and
 * read the table for every event of the target, tens of thousands of rows
 * where the dyad index reads its own few, whenever every branch of q's
 * dyad names a source; PostgreSQL's planner has statistics. */
void store_qb_from(store_qb *b, const dyad_query *q)
{
    bool dyad_index = b->style == STORE_SQL_QMARK && q->source && (!q->both || q->target);
    store_qb_sql(b, dyad_index ? " FROM events e INDEXED BY events_dyad" : " FROM events e");
}

int store_qb_trend(store_qb *b, const dyad_query *q, int divisor)
{
    const sql_dialect *d = &dialects[b->style];
    store_qb_sql(b, "SELECT NULL, NULL, e.date / ");
    store_qb_num(b, divisor);
    store_qb_sql(b, d->as_integer);
    store_qb_sql(b, " AS p, e.quad, count(*), ");
    store_qb_sql(b, d->conflict);
    store_qb_sql(b, ", ");
    store_qb_sql(b, d->goldstein);
    store_qb_sql(b, ", count(e.goldstein)");
    store_qb_from(b, q);
    store_qb_sql(b, " WHERE e.date IS NOT NULL");
    if (store_qb_where(b, q)) return -1;
    store_qb_sql(b, " GROUP BY p, e.quad ORDER BY p, e.quad");
    store_qb_sql(b, d->nulls_first);
    return 0;
}

int store_qb_pair_volume(store_qb *b, const dyad_query *q, size_t ntop)
{
    store_qb_sql(b, "SELECT e.source, e.target, 0, 0, count(*) AS n");
    store_qb_from(b, q);
    store_qb_sql(b, " WHERE true");
    if (store_qb_where(b, q)) return -1;
    store_qb_sql(b, " GROUP BY e.source, e.target ORDER BY n DESC, e.source, e.target LIMIT ");
    store_qb_num(b, (int64_t)ntop);
    return 0;
}

int store_qb_pair_periods(store_qb *b, const dyad_query *q, int divisor, int64_t lo, int64_t hi)
{
    const sql_dialect *d = &dialects[b->style];
    store_qb_sql(b, "SELECT e.source, e.target, e.date / ");
    store_qb_num(b, divisor);
    store_qb_sql(b, d->as_integer);
    store_qb_sql(b, " AS p, 0, count(*), ");
    store_qb_sql(b, d->conflict);
    store_qb_from(b, q);
    store_qb_sql(b, " WHERE e.date >= ");
    store_qb_num(b, lo);
    store_qb_sql(b, " AND e.date <= ");
    store_qb_num(b, hi);
    if (store_qb_where(b, q)) return -1;
    store_qb_sql(b, " GROUP BY e.source, e.target, p ORDER BY e.source, e.target, p");
    return 0;
}

int store_qb_last_date(store_qb *b, const dyad_query *q)
{
    store_qb_sql(b, "SELECT NULL, NULL, max(e.date), 0, 0");
    store_qb_from(b, q);
    store_qb_sql(b, " WHERE true");
    return store_qb_where(b, q);
}

void store_qb_page(store_qb *b, const dyad_query *q, const store_cursor *after)
{
    if (after && after->date) {
        store_qb_sql(b, " AND (e.date > ");
        store_qb_num(b, after->date);
        store_qb_sql(b, " OR (e.date = ");
        store_qb_num(b, after->date);
        store_qb_sql(b, " AND e.id > ");
        store_qb_num(b, after->row);
        store_qb_sql(b, "))");
    } else if (after) {
        /* undated rows sort first, so every dated row follows */
        store_qb_sql(b, " AND (e.date IS NOT NULL OR e.id > ");
        store_qb_num(b, after->row);
        store_qb_sql(b, ")");
    }
    store_qb_sql(b, " ORDER BY e.date");
    store_qb_sql(b, dialects[b->style].nulls_first);
    store_qb_sql(b, ", e.id");
    if (q->limit || q->offset) {
        store_qb_sql(b, " LIMIT ");
        /* no limit: -1 to SQLite, ALL to PostgreSQL */
        if (q->limit) store_qb_num(b, (int64_t)q->limit);
        else store_qb_sql(b, b->style == STORE_SQL_DOLLAR ? "ALL" : "-1");
        store_qb_sql(b, " OFFSET ");
        store_qb_num(b, (int64_t)q->offset);
    }
}

void store_qb_pair_events(store_qb *b, const char *source, const char *target, int from, int to, bool copies,
                          bool unique)
{
    store_qb_sql(b, " WHERE e.source = ");
    store_qb_text(b, source);
    store_qb_sql(b, " AND e.target = ");
    store_qb_text(b, target);
    store_qb_sql(b, " AND e.date BETWEEN ");
    store_qb_num(b, from);
    store_qb_sql(b, " AND ");
    store_qb_num(b, to);
    if (!copies) store_qb_sql(b, " AND e.copy = 0");
    if (unique) store_qb_sql(b, " AND e.first_of_day = 1");
    store_qb_sql(b, " ORDER BY e.date, e.id");
}

/* By prefix: codes counted in the two actor indices alone; each listed
 * code's name is the first words found among its first 50 events (in
 * the order SQLite's indices give them: events_dyad for a source,
 * events_target for a target, which PostgreSQL is told), so a code with
 * thousands of events costs no more and both engines name it alike.  By
 * name: a scan of every event's words, bounded by the time limit;
 * PostgreSQL's ILIKE is SQLite's LIKE, which ignores ASCII case, and it
 * names a code by the most frequent of the matching words (SQLite by any
 * one of them). */
void store_qb_actors(store_qb *b, const char *prefix, const char *text, size_t max)
{
    bool pg = b->style == STORE_SQL_DOLLAR;
    if (prefix) {
        store_qb_sql(b, "WITH a(code) AS (SELECT e.source FROM events e WHERE ");
        store_qb_prefix(b, "e.source", prefix);
        store_qb_sql(b, " UNION ALL SELECT e.target FROM events e WHERE ");
        store_qb_prefix(b, "e.target", prefix);
        store_qb_sql(b, "), c AS (SELECT code, count(*) AS n FROM a GROUP BY code ORDER BY n DESC, code LIMIT ");
        store_qb_num(b, (int64_t)max);
        store_qb_sql(b, pg ? ") SELECT code, coalesce("
                             "(SELECT t FROM (SELECT x.source_text AS t FROM events x WHERE x.source = c.code"
                             " ORDER BY x.target, x.date NULLS FIRST, x.code, x.copy, x.first_of_day, x.id LIMIT 50) y"
                             " WHERE t IS NOT NULL LIMIT 1),"
                             "(SELECT t FROM (SELECT x.target_text AS t FROM events x WHERE x.target = c.code"
                             " ORDER BY x.date NULLS FIRST, x.id LIMIT 50) y WHERE t IS NOT NULL LIMIT 1)),"
                             " 0, 0, n FROM c ORDER BY n DESC, code"
                           : ") SELECT code, coalesce("
                             "(SELECT t FROM (SELECT source_text AS t FROM events WHERE source = c.code LIMIT 50)"
                             " WHERE t IS NOT NULL LIMIT 1),"
                             "(SELECT t FROM (SELECT target_text AS t FROM events WHERE target = c.code LIMIT 50)"
                             " WHERE t IS NOT NULL LIMIT 1)),"
                             " 0, 0, n FROM c ORDER BY n DESC, code");
        return;
    }
    const char *like = pg ? " ILIKE " : " LIKE ";
    store_qb_sql(b, pg ? "SELECT code, mode() WITHIN GROUP (ORDER BY words), 0, 0, count(*) AS n FROM ("
                       : "SELECT code, words, 0, 0, count(*) AS n FROM (");
    store_qb_sql(b, "SELECT e.source AS code, e.source_text AS words FROM events e WHERE e.source_text");
    store_qb_sql(b, like);
    store_qb_text(b, text);
    store_qb_sql(b, " ESCAPE '\\' UNION ALL SELECT e.target, e.target_text FROM events e WHERE e.target_text");
    store_qb_sql(b, like);
    store_qb_text(b, text);
    /* a missing code: NULL in SQLite, '' in PostgreSQL */
    store_qb_sql(b, pg ? " ESCAPE '\\') m WHERE code <> ''" : " ESCAPE '\\') WHERE code IS NOT NULL");
    store_qb_sql(b, " GROUP BY code ORDER BY n DESC, code LIMIT ");
    store_qb_num(b, (int64_t)max);
}

/* coalesce: SQLite keeps a missing source as NULL, which NOT (range)
 * would drop; PostgreSQL keeps '' and the coalesce changes nothing. */
void store_qb_targets_of(store_qb *b, const char *actor)
{
    store_qb_sql(b, " AND ");
    store_qb_prefix(b, "e.target", actor);
    store_qb_sql(b, " AND NOT ");
    store_qb_prefix(b, "coalesce(e.source, '')", actor);
}

void store_qb_rollup(store_qb *b, const store_branch *br, const store_span *sp)
{
    store_qb_sql(b, sp->months ? "SELECT r.source, r.target, r.month, r.code, r.events, r.copies FROM event_months r"
                                 " WHERE r.month BETWEEN "
                               : "SELECT r.source, r.target, r.date, r.code, r.events, r.copies FROM event_days r"
                                 " WHERE r.date BETWEEN ");
    store_qb_num(b, sp->lo);
    store_qb_sql(b, " AND ");
    store_qb_num(b, sp->hi);
    if (br->source) { store_qb_sql(b, " AND "); store_qb_prefix(b, "r.source", br->source); }
    if (br->target) { store_qb_sql(b, " AND "); store_qb_prefix(b, "r.target", br->target); }
    if (br->exclude) {
        store_qb_sql(b, " AND NOT (true");
        if (br->not_source) { store_qb_sql(b, " AND "); store_qb_prefix(b, "r.source", br->not_source); }
        if (br->not_target) { store_qb_sql(b, " AND "); store_qb_prefix(b, "r.target", br->not_target); }
        store_qb_sql(b, ")");
    }
}

/* The key begins with the source, so the rows of one target are spread
 * over every source's range: the sources are walked one index seek each
 * (a recursive min(source) > previous; some thousands of actors), and
 * each source's rows of the target are one range of the key under it --
 * instead of every event with the target (events_target), one row per
 * event.  Both engines run the same statement. */
void store_qb_rollup_targets(store_qb *b, const char *actor, const store_span *sp)
{
    const char *table = sp->months ? "event_months" : "event_days";
    store_qb_sql(b, "WITH RECURSIVE src(x) AS (SELECT (SELECT min(source) FROM ");
    store_qb_sql(b, table);
    store_qb_sql(b, ") UNION ALL SELECT (SELECT min(source) FROM ");
    store_qb_sql(b, table);
    store_qb_sql(b, " WHERE source > x) FROM src WHERE x IS NOT NULL)");
    store_qb_sql(b, sp->months ? " SELECT r.source, r.target, r.month, r.code, r.events, r.copies"
                               : " SELECT r.source, r.target, r.date, r.code, r.events, r.copies");
    store_qb_sql(b, " FROM src CROSS JOIN ");
    store_qb_sql(b, table);
    store_qb_sql(b, sp->months ? " r WHERE r.source = src.x AND r.month BETWEEN " : " r WHERE r.source = src.x AND r.date BETWEEN ");
    store_qb_num(b, sp->lo);
    store_qb_sql(b, " AND ");
    store_qb_num(b, sp->hi);
    store_qb_sql(b, " AND ");
    store_qb_prefix(b, "r.target", actor);
    store_qb_sql(b, " AND NOT ");
    store_qb_prefix(b, "r.source", actor);
}

int store_qb_end(store_qb *b)
{
    if (sbuf_putc(&b->sql, 0)) b->oom = true;
    return b->oom ? -1 : 0;
}
