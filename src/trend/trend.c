/*
 * trend.c -- series of stored events period by period (dyad trend).
 *
 * The store counts the matching events by source, target, day and code
 * (an index-only query); everything else -- quad class, root, Goldstein
 * score, periods, empty periods -- is done here from dyad's CAMEO table,
 * so that the store knows nothing of trends and every engine gives the
 * same series.
 */
#include "trend_private.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- calendar -------------------------------------------------------------
 * Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
 * calendar, no tables, no time zones. */

int trend_day_of(int ymd)
{
    int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int trend_ymd_of(int day)
{
    int z = day + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp + (mp < 10 ? 3 : -9);
    return (y + (m <= 2)) * 10000 + m * 100 + d;
}

void trend_format_date(int ymd, char out[11])
{
    unsigned v = ymd > 0 ? (unsigned)ymd : 0;
    snprintf(out, 11, "%04u-%02u-%02u", v / 10000 % 10000, v / 100 % 100, v % 100);
}

/* The period's number: days, ISO weeks (day 0, 1970-01-01, was a
 * Thursday, so Monday-based weeks are offset by 3) or months. */
static long period_of(dyad_trend_by by, int ymd)
{
    int day = trend_day_of(ymd);
    switch (by) {
    case DYAD_BY_DAY: return day;
    case DYAD_BY_WEEK: return (day + 3 >= 0 ? (day + 3) / 7 : (day + 3 - 6) / 7);
    case DYAD_BY_MONTH: return (long)(ymd / 10000) * 12 + (ymd / 100 % 100 - 1);
    }
    return day;
}

static void period_bounds(dyad_trend_by by, long p, int *start, int *end)
{
    switch (by) {
    case DYAD_BY_DAY: *start = *end = trend_ymd_of((int)p); return;
    case DYAD_BY_WEEK:
        *start = trend_ymd_of((int)(p * 7 - 3));
        *end = trend_ymd_of((int)(p * 7 + 3));
        return;
    case DYAD_BY_MONTH: {
        int y = (int)(p / 12), m = (int)(p % 12) + 1;
        *start = y * 10000 + m * 100 + 1;
        int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1;
        *end = trend_ymd_of(trend_day_of(ny * 10000 + nm * 100 + 1) - 1);
        return;
    }
    }
}

const char *dyad_trend_by_name(dyad_trend_by by)
{
    return by == DYAD_BY_WEEK ? "week" : by == DYAD_BY_MONTH ? "month" : "day";
}

int dyad_trend_by_from_name(const char *name)
{
    if (!name) return -1;
    if (strcmp(name, "day") == 0) return DYAD_BY_DAY;
    if (strcmp(name, "week") == 0) return DYAD_BY_WEEK;
    if (strcmp(name, "month") == 0) return DYAD_BY_MONTH;
    return -1;
}

/* ---- codes ------------------------------------------------------------------ */

int trend_code_info(const char *code, int *root, int *quad, double *goldstein)
{
    if (!code || strlen(code) < 2 || code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9')
        return -1;
    *root = (code[0] - '0') * 10 + (code[1] - '0');
    if (*root < 1 || *root > 20) return -1;
    const dyad_cameo_info *info = dyad_cameo_lookup(code);
    if (!info) {
        /* a code dyad's table lacks (an import's local variant) counts
         * as its root */
        char r[3] = {code[0], code[1], 0};
        info = dyad_cameo_lookup(r);
    }
    if (!info || info->quad < 1 || info->quad > 4) return -1;
    *quad = (int)info->quad;
    *goldstein = info->goldstein;
    return 0;
}

/* ---- the series -------------------------------------------------------------- */

/* Goldstein scores have one decimal: sums are kept in tenths, exact and
 * so the same whatever order the store gives the rows in (the roll-up's
 * months, days and newest events come in no order of the events). */
typedef struct day_row {
    int date;
    int root, quad;
    long events;
    long long tenths;
} day_row;

typedef struct collect {
    day_row *rows;
    size_t n, cap;
    bool oom;
} collect;

static int collect_row(const store_count *c, void *user)
{
    collect *k = user;
    day_row r;
    double score;
    if (trend_code_info(c->code, &r.root, &r.quad, &score)) return 0;
    if (k->n == k->cap) {
        size_t cap = k->cap ? k->cap * 2 : 256;
        day_row *g = realloc(k->rows, cap * sizeof *g);
        if (!g) { k->oom = true; return 1; }
        k->rows = g;
        k->cap = cap;
    }
    r.date = c->date;
    r.events = (long)c->events;
    r.tenths = llround(score * 10) * (long long)c->events;
    k->rows[k->n++] = r;
    return 0;
}

int dyad_trend_compute(dyad_store *store, const dyad_query *q, dyad_trend_by by, dyad_trend *out)
{
    if (!out) return -1;
    memset(out, 0, sizeof *out);
    out->by = by;
    if (!store || !q) return -1;
    collect k = {NULL, 0, 0, false};
    /* months come whole from the roll-up's month rows */
    if (store_counts(store, q, by == DYAD_BY_MONTH, collect_row, &k)) { free(k.rows); return -1; }
    if (k.oom) { free(k.rows); store_report(store, "out of memory"); return -1; }
    int lo = q->from ? store_date_int(q->from) : 0, hi = q->to ? store_date_int(q->to) : 0;
    for (size_t i = 0; i < k.n; i++) {
        if (!q->from && (!lo || k.rows[i].date < lo)) lo = k.rows[i].date;
        if (!q->to && (!hi || k.rows[i].date > hi)) hi = k.rows[i].date;
    }
    if (!lo || !hi || lo > hi) { free(k.rows); return 0; }
    long p0 = period_of(by, lo), p1 = period_of(by, hi);
    out->n = (size_t)(p1 - p0 + 1);
    out->points = calloc(out->n, sizeof *out->points);
    long long *tenths = calloc(out->n, sizeof *tenths);
    if (!out->points || !tenths) {
        free(k.rows);
        free(tenths);
        dyad_trend_free(out);
        store_report(store, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < out->n; i++)
        period_bounds(by, p0 + (long)i, &out->points[i].start, &out->points[i].end);
    for (size_t i = 0; i < k.n; i++) {
        const day_row *r = &k.rows[i];
        long p = period_of(by, r->date) - p0;
        if (p < 0 || p >= (long)out->n) continue;
        dyad_trend_point *pt = &out->points[p];
        pt->events += r->events;
        pt->quad[r->quad] += r->events;
        pt->root[r->root] += r->events;
        tenths[p] += r->tenths;
    }
    free(k.rows);
    for (size_t i = 0; i < out->n; i++) {
        dyad_trend_point *pt = &out->points[i];
        pt->goldstein_sum = (double)tenths[i] / 10.0;
        if (pt->events) {
            pt->goldstein_mean = pt->goldstein_sum / (double)pt->events;
            pt->conflict_share = (double)(pt->quad[3] + pt->quad[4]) / (double)pt->events;
        }
        pt->net_cooperation = pt->quad[1] + pt->quad[2] - pt->quad[3] - pt->quad[4];
    }
    free(tenths);
    return 0;
}

void dyad_trend_free(dyad_trend *t)
{
    if (!t) return;
    free(t->points);
    t->points = NULL;
    t->n = 0;
}

int dyad_trend_write(const dyad_trend *t, dyad_series_format format, FILE *out)
{
    if (!t || !out) return -1;
    if (format == DYAD_SERIES_CSV || format == DYAD_SERIES_TEXT) {
        fputs("period,start,end,events,quad1,quad2,quad3,quad4", out);
        for (int r = 1; r <= 20; r++) fprintf(out, ",root%02d", r);
        fputs(",goldstein_sum,goldstein_mean,conflict_share,net_cooperation\n", out);
    }
    for (size_t i = 0; i < t->n; i++) {
        const dyad_trend_point *p = &t->points[i];
        char s[11], e[11];
        trend_format_date(p->start, s);
        trend_format_date(p->end, e);
        if (format == DYAD_SERIES_JSON) {
            fprintf(out, "{\"period\":\"%s\",\"start\":\"%s\",\"end\":\"%s\",\"events\":%ld,\"quad\":[%ld,%ld,%ld,%ld],\"root\":[",
                    dyad_trend_by_name(t->by), s, e, p->events, p->quad[1], p->quad[2], p->quad[3], p->quad[4]);
            for (int r = 1; r <= 20; r++) fprintf(out, r > 1 ? ",%ld" : "%ld", p->root[r]);
            fprintf(out, "],\"goldstein_sum\":%.10g,\"goldstein_mean\":%.6g,\"conflict_share\":%.6g,\"net_cooperation\":%ld}\n",
                    p->goldstein_sum, p->goldstein_mean, p->conflict_share, p->net_cooperation);
        } else {
            fprintf(out, "%s,%s,%s,%ld,%ld,%ld,%ld,%ld", dyad_trend_by_name(t->by), s, e, p->events, p->quad[1],
                    p->quad[2], p->quad[3], p->quad[4]);
            for (int r = 1; r <= 20; r++) fprintf(out, ",%ld", p->root[r]);
            fprintf(out, ",%.4f,%.4f,%.4f,%ld\n", p->goldstein_sum, p->goldstein_mean, p->conflict_share,
                    p->net_cooperation);
        }
    }
    return ferror(out) ? -1 : 0;
}
