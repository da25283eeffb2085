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

void store_qb_where(store_qb *b, const dyad_query *q)
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
        store_qb_sql(b, " AND ((");
        qb_prefix_or_any(b, "e.source", q->source);
        store_qb_sql(b, " AND ");
        qb_prefix_or_any(b, "e.target", q->target);
        store_qb_sql(b, ")");
        if (q->both) {
            store_qb_sql(b, " OR (");
            qb_prefix_or_any(b, "e.source", q->target);
            store_qb_sql(b, " AND ");
            qb_prefix_or_any(b, "e.target", q->source);
            store_qb_sql(b, ")");
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
