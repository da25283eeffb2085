/*
 * serve_api.c -- the JSON API's routes (docs/api.md): each checks its
 * parameters (known names only, values in range) and asks the store's
 * read-only views for the answer.  The store knows nothing of HTTP; this
 * file knows nothing of sockets.
 */
#include "serve.h"
#include "../core/calendar.h"
#include "../store/store_private.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

int serve_error(serve_reply *r, unsigned status, const char *message)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return -1;
    fprintf(f, "{\"error\":{\"status\":%u,\"message\":", status);
    json_write_string(f, message, strlen(message));
    fputs("}}", f);
    if (fclose(f) != 0) { free(buf); return -1; }
    free(r->body);
    r->status = status;
    r->body = buf;
    r->len = len;
    r->cacheable = false;
    return 0;
}

/* Parameters an endpoint takes; any other is a 400, so a misspelt
 * filter never silently widens a query. */
static bool check_names(const serve_target *t, const char *const *known, char *msg, size_t cap)
{
    for (size_t i = 0; i < t->nparams; i++) {
        bool ok = false;
        for (size_t k = 0; known[k] && !ok; k++) ok = strcmp(t->params[i].name, known[k]) == 0;
        if (!ok) {
            snprintf(msg, cap, "unknown parameter '%.40s'", t->params[i].name);
            return false;
        }
    }
    return true;
}

/* A decimal integer in [lo, hi]; def when absent. */
static bool get_int(const serve_target *t, const char *name, long lo, long hi, long def, long *out,
                    char *msg, size_t cap)
{
    const char *v = serve_param_get(t, name);
    *out = def;
    if (!v) return true;
    long n = 0;
    size_t i = 0;
    for (; v[i] >= '0' && v[i] <= '9' && i < 9; i++) n = n * 10 + (v[i] - '0');
    if (i == 0 || v[i] || n < lo || n > hi) {
        snprintf(msg, cap, "%s: an integer from %ld to %ld", name, lo, hi);
        return false;
    }
    *out = n;
    return true;
}

static bool get_bool(const serve_target *t, const char *name, int *out, char *msg, size_t cap)
{
    const char *v = serve_param_get(t, name);
    *out = 0;
    if (!v) return true;
    if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0) { *out = 1; return true; }
    if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0) return true;
    snprintf(msg, cap, "%s: true or false", name);
    return false;
}

static bool get_period(const serve_target *t, dyad_period *out, char *msg, size_t cap)
{
    const char *v = serve_param_get(t, "period");
    *out = DYAD_PERIOD_MONTH;
    if (!v) return true;
    int p = dyad_period_from_name(v);
    if (p < 0) { snprintf(msg, cap, "period: day, month or year"); return false; }
    *out = (dyad_period)p;
    return true;
}

/* The filters of `dyad query`.  Empty values count as absent; the store
 * checks codes and dates (a bad one is its INVALID answer). */
static bool get_query(const serve_target *t, dyad_query *q, char *msg, size_t cap)
{
    memset(q, 0, sizeof *q);
    const char *strs[] = {"actor", "source", "target", "code", "from", "to", "country", "speaker", "text"};
    const char **dst[] = {&q->actor, &q->source, &q->target, &q->code, &q->from, &q->to,
                          &q->country, &q->speaker, &q->text};
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++) {
        const char *v = serve_param_get(t, strs[i]);
        if (v && strlen(v) > (i == 8 ? 200u : 40u)) {
            snprintf(msg, cap, "%s: too long", strs[i]);
            return false;
        }
        *dst[i] = v && *v ? v : NULL;
    }
    long root, quad;
    if (!get_int(t, "root", 1, 20, 0, &root, msg, cap) || !get_int(t, "quad", 1, 4, 0, &quad, msg, cap))
        return false;
    q->root = (int)root;
    q->quad = (int)quad;
    return get_bool(t, "both", &q->both, msg, cap) && get_bool(t, "unique", &q->unique, msg, cap) &&
           get_bool(t, "copies", &q->copies, msg, cap);
}

#define FILTERS "actor", "source", "target", "both", "code", "root", "quad", "from", "to", "country", \
                "speaker", "text", "unique", "copies"

/* The store's answer code as an HTTP status. */
static unsigned status_of(int rc)
{
    switch (rc) {
    case 0: return 200;
    case DYAD_STORE_INVALID: return 400;
    case DYAD_STORE_NOT_FOUND: return 404;
    case DYAD_STORE_TIMEOUT: return 503;
    default: return 500;
    }
}

/* A YYYY-MM-DD date that exists (the calendar's rule, as the store's),
 * from the year 1000: the alerts read 49 days before from, and a bad date
 * must be the client's 400, not a failed scan's 500. */
static bool is_date(const char *v)
{
    int32_t d = strlen(v) == 10 ? cal_parse_iso(v, 10) : 0;
    return d >= 10000101;
}

/* An actor code as CAMEO writes it (capitals and digits): anything else
 * could match no alert and would only hide a typing error. */
static bool is_code(const char *v)
{
    size_t n = strlen(v);
    if (n == 0 || n > 15) return false;
    for (size_t i = 0; i < n; i++)
        if (!((v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= '0' && v[i] <= '9'))) return false;
    return true;
}

/* An alert's block (RUS, IGOWSTNAT) and a code asked for (RUSGOV, RUS)
 * name the same actor when one begins with the other, as dyad trend
 * --svg keeps them. */
static bool same_actor(const char *block, const char *code)
{
    size_t a = strlen(block), b = strlen(code);
    return strncmp(block, code, a < b ? a : b) == 0;
}

static void alert_json(FILE *f, const dyad_alert *a)
{
    const dyad_change *c = &a->change;
    char start[32], alarm[32];
    snprintf(start, sizeof start, "%04d-%02d-%02d", a->start / 10000, a->start / 100 % 100, a->start % 100);
    snprintf(alarm, sizeof alarm, "%04d-%02d-%02d", a->alarm / 10000, a->alarm / 100 % 100, a->alarm % 100);
    fprintf(f, "{\"a\":");
    json_write_string(f, a->a, strlen(a->a));
    fputs(",\"b\":", f);
    json_write_string(f, a->b, strlen(a->b));
    fprintf(f, ",\"direction\":\"%s\",\"kind\":\"%s\",\"start\":\"%s\",\"alarm\":\"%s\","
               "\"events\":%ld,\"conflict\":%ld,\"expected\":%.2f,\"baseline_share\":%.4f,\"share\":%.4f,"
               "\"change\":%.4f,\"baseline_daily\":%.3f,\"dispersion\":%.3f,\"confidence\":%.4f,\"evidence\":[",
            c->direction > 0 ? "escalation" : "de-escalation", a->material ? "material" : "conflict", start, alarm,
            c->events, c->conflict, c->expected, c->baseline_share, c->share, c->share - c->baseline_share,
            c->baseline_daily, c->dispersion, c->confidence);
    for (size_t k = 0; k < a->nevidence; k++) {
        const dyad_alert_event *e = &a->evidence[k];
        fprintf(f, "%s{\"id\":\"%016llx\",\"date\":\"%04d-%02d-%02d\",\"source\":", k ? "," : "",
                (unsigned long long)e->id, e->date / 10000, e->date / 100 % 100, e->date % 100);
        json_write_string(f, e->source, strlen(e->source));
        fputs(",\"target\":", f);
        json_write_string(f, e->target, strlen(e->target));
        fputs(",\"code\":", f);
        json_write_string(f, e->code, strlen(e->code));
        fprintf(f, ",\"goldstein\":%.1f,\"doc\":", e->goldstein);
        json_write_string(f, e->doc ? e->doc : "", e->doc ? strlen(e->doc) : 0);
        fputs(",\"sentence\":", f);
        json_write_string(f, e->sentence ? e->sentence : "", e->sentence ? strlen(e->sentence) : 0);
        fputc('}', f);
    }
    fputs("]}", f);
}

/* The alerts' default range, in days of data (docs/api.md). */
#define ALERTS_DEFAULT_DAYS 90

/* Elapsed milliseconds since t0. */
static long elapsed_ms(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)(now.tv_sec - t0->tv_sec) * 1000 + (now.tv_nsec - t0->tv_nsec) / 1000000;
}

/* /api/alerts: dyad_alerts_detect over every dyad (the baseline share is
 * that of all of them, as dyad alerts computes it), then the dyad or
 * actor asked for, most recent alarm first, limit of them; evidence is
 * quoted for those only, since one query per alert is what makes alerts
 * over a large store slow.  The store bounds each query by --query-ms;
 * the whole answer is held to the same budget (a 503 past it). */
static int alerts_answer(dyad_store *store, const serve_target *t, int query_ms, FILE *f, char *msg, size_t cap)
{
    dyad_query q;
    long limit, nev;
    if (!get_query(t, &q, msg, cap) || !get_int(t, "limit", 1, 100, 20, &limit, msg, cap) ||
        !get_int(t, "evidence", 0, 20, 5, &nev, msg, cap))
        return DYAD_STORE_INVALID;
    const char *dates[] = {q.from, q.to}, *codes[] = {q.actor, q.source, q.target};
    const char *dnames[] = {"from", "to"}, *cnames[] = {"actor", "source", "target"};
    for (int i = 0; i < 2; i++)
        if (dates[i] && !is_date(dates[i])) {
            snprintf(msg, cap, "%s: a date YYYY-MM-DD", dnames[i]);
            return DYAD_STORE_INVALID;
        }
    for (int i = 0; i < 3; i++)
        if (codes[i] && !is_code(codes[i])) {
            snprintf(msg, cap, "%s: an actor code (capitals and digits, e.g. RUS)", cnames[i]);
            return DYAD_STORE_INVALID;
        }
    if (q.from && q.to && strcmp(q.from, q.to) > 0) {
        snprintf(msg, cap, "from is after to");
        return DYAD_STORE_INVALID;
    }
    if (!q.source != !q.target || (q.source && q.actor)) {
        snprintf(msg, cap, "alerts: give source and target (a dyad), or actor, or neither");
        return DYAD_STORE_INVALID;
    }
    /* Without from, the alarms of the last ALERTS_DEFAULT_DAYS days of
     * data (to, else the store's latest date, and the days before): a
     * page that asks for the alerts over years of a large store would
     * read all of it on every visit.  An explicit from asks for more. */
    char dfrom[11];
    bool from_default = false;
    if (!q.from) {
        int last = q.to ? cal_parse_iso(q.to, 10) : 0;
        if (!q.to && store_last_date(store, &last))
            return strstr(msg, "longer than") ? DYAD_STORE_TIMEOUT : DYAD_STORE_ERROR;
        /* a stored date the calendar refuses leaves the range open */
        dfrom[0] = 0;
        if (last > 0) cal_format(cal_add_days(last, -(ALERTS_DEFAULT_DAYS - 1)), dfrom);
        if (dfrom[0]) {
            q.from = dfrom;
            from_default = true;
        }
    }
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    dyad_query aq;
    memset(&aq, 0, sizeof aq);
    aq.from = q.from;
    aq.to = q.to;
    aq.actor = q.actor;
    aq.unique = q.unique;
    aq.copies = q.copies;
    dyad_alert_params p;
    dyad_alert_defaults(&p);
    p.max_evidence = 0;
    dyad_alerts al;
    if (dyad_alerts_detect(store, &aq, &p, &al))
        return strstr(msg, "longer than") ? DYAD_STORE_TIMEOUT : DYAD_STORE_ERROR;
    /* the dyad's alerts, or all, newest alarm first (the library sorts by
     * alarm ascending) */
    size_t total = 0, kept = 0;
    size_t *pick = malloc((al.n ? al.n : 1) * sizeof *pick);
    if (!pick) { dyad_alerts_free(&al); snprintf(msg, cap, "out of memory"); return DYAD_STORE_ERROR; }
    for (size_t i = al.n; i-- > 0;) {
        const dyad_alert *a = &al.alerts[i];
        if (q.source && !((same_actor(a->a, q.source) && same_actor(a->b, q.target)) ||
                          (same_actor(a->a, q.target) && same_actor(a->b, q.source))))
            continue;
        total++;
        if (kept < (size_t)limit) pick[kept++] = i;
    }
    int rc = 0;
    for (size_t k = 0; k < kept && !rc; k++) {
        if (dyad_alert_evidence(store, &aq, (int)nev, &al.alerts[pick[k]]))
            rc = strstr(msg, "longer than") ? DYAD_STORE_TIMEOUT : DYAD_STORE_ERROR;
        else if (query_ms > 0 && elapsed_ms(&t0) > query_ms) {
            snprintf(msg, cap, "alerts: the answer took longer than %d ms; narrow it with from and to, or fewer "
                               "alerts (limit) or evidence", query_ms);
            rc = DYAD_STORE_TIMEOUT;
        }
    }
    if (!rc) {
        fprintf(f, "{\"available\":true,\"from\":");
        if (q.from) fprintf(f, "\"%s\"", q.from); else fputs("null", f);
        fputs(",\"to\":", f);
        if (q.to) fprintf(f, "\"%s\"", q.to); else fputs("null", f);
        fprintf(f, ",\"from_default\":%s", from_default ? "true" : "false");
        fprintf(f, ",\"dyads\":%zu,\"events\":%ld,\"total\":%zu,\"alerts\":[", al.dyads, al.events, total);
        for (size_t k = 0; k < kept; k++) {
            if (k) fputc(',', f);
            alert_json(f, &al.alerts[pick[k]]);
        }
        fputs("]}", f);
    }
    free(pick);
    dyad_alerts_free(&al);
    return rc;
}

int serve_api(dyad_store *store, int query_ms, const serve_target *t, char *msg, size_t cap, serve_reply *r)
{
    memset(r, 0, sizeof *r);
    msg[0] = 0;
    const char *path = t->path;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return -1;
    int rc = DYAD_STORE_INVALID;
    dyad_query q;
    dyad_period period;
    long n, m;
    if (strcmp(path, "/api/health") == 0) {
        static const char *const known[] = {NULL};
        if (check_names(t, known, msg, cap)) rc = dyad_store_health_json(store, f);
    } else if (strcmp(path, "/api/events") == 0) {
        static const char *const known[] = {FILTERS, "limit", "cursor", NULL};
        if (check_names(t, known, msg, cap) && get_query(t, &q, msg, cap) &&
            get_int(t, "limit", 1, DYAD_STORE_PAGE_MAX, 100, &n, msg, cap)) {
            const char *cursor = serve_param_get(t, "cursor");
            if (cursor && strlen(cursor) > 40) snprintf(msg, cap, "cursor: not a cursor this server gave");
            else {
                q.limit = (size_t)n;
                rc = dyad_store_events_json(store, &q, cursor, f);
            }
        }
    } else if (strcmp(path, "/api/trend") == 0) {
        static const char *const known[] = {FILTERS, "period", NULL};
        if (check_names(t, known, msg, cap) && get_query(t, &q, msg, cap) && get_period(t, &period, msg, cap)) {
            if (!q.source && !q.target && !q.actor)
                snprintf(msg, cap, "trend: give source and target (a dyad), or actor");
            else
                rc = dyad_store_trend_json(store, &q, period, f);
        }
    } else if (strcmp(path, "/api/dyads") == 0) {
        static const char *const known[] = {FILTERS, "period", "top", "min_events", NULL};
        if (check_names(t, known, msg, cap) && get_query(t, &q, msg, cap) && get_period(t, &period, msg, cap) &&
            get_int(t, "top", 1, 100, 20, &n, msg, cap) && get_int(t, "min_events", 1, 1000000, 5, &m, msg, cap))
            rc = dyad_store_dyads_json(store, &q, period, (size_t)n, (size_t)m, f);
    } else if (strcmp(path, "/api/actors") == 0) {
        static const char *const known[] = {"q", "limit", NULL};
        const char *text = serve_param_get(t, "q");
        if (check_names(t, known, msg, cap) && get_int(t, "limit", 1, 100, 20, &n, msg, cap)) {
            if (!text || !*text) snprintf(msg, cap, "q: the text to search for is required");
            else rc = dyad_store_actors_json(store, text, (size_t)n, f);
        }
    } else if (strncmp(path, "/api/documents/", 15) == 0) {
        static const char *const known[] = {"max_events", NULL};
        if (check_names(t, known, msg, cap) && get_int(t, "max_events", 1, 10000, 1000, &n, msg, cap))
            rc = dyad_store_document_json(store, path + 15, (size_t)n, f);
    } else if (strcmp(path, "/api/alerts") == 0) {
        static const char *const known[] = {"actor", "source", "target", "from", "to", "unique", "copies",
                                            "limit", "evidence", NULL};
        if (check_names(t, known, msg, cap)) rc = alerts_answer(store, t, query_ms, f, msg, cap);
    } else {
        fclose(f);
        free(buf);
        return serve_error(r, 404, "no such endpoint (see /api/health, docs/api.md)");
    }
    if (fclose(f) != 0) { free(buf); return -1; }
    if (rc != 0) {
        free(buf);
        /* the store names filters as dyad query's options (--from); here
         * they are parameters (from) */
        size_t k = 0;
        for (size_t i = 0; msg[i]; i++) {
            if (msg[i] == '-' && msg[i + 1] == '-' && (i == 0 || msg[i - 1] == ' ')) { i++; continue; }
            msg[k++] = msg[i];
        }
        msg[k] = 0;
        return serve_error(r, status_of(rc), msg[0] ? msg : "the request could not be answered");
    }
    r->status = 200;
    r->body = buf;
    r->len = len;
    r->cacheable = true;
    return 0;
}
