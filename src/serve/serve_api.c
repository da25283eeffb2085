/*
 * serve_api.c -- the JSON API's routes (docs/api.md): each checks its
 * parameters (known names only, values in range) and asks the store's
 * read-only views for the answer.  The store knows nothing of HTTP; this
 * file knows nothing of sockets.
 */
#include "serve.h"
#include <stdlib.h>
#include <string.h>

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

static const char *const alerts_reason =
    "alerts are computed by the trends library (dyad trend, dyad alerts), which this build does not include";

int serve_api(dyad_store *store, const serve_target *t, char *msg, size_t cap, serve_reply *r)
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
        /* the shape the trends library's alerts will take; until it is
         * merged the list is empty and says why */
        static const char *const known[] = {FILTERS, "period", NULL};
        if (check_names(t, known, msg, cap) && get_query(t, &q, msg, cap) && get_period(t, &period, msg, cap)) {
            fprintf(f, "{\"available\":false,\"reason\":");
            json_write_string(f, alerts_reason, strlen(alerts_reason));
            fputs(",\"alerts\":[]}", f);
            rc = 0;
        }
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
