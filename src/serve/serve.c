/*
 * serve.c -- `dyad serve`: the HTTP daemon (GNU libmicrohttpd) in front
 * of the API (serve_api.c) and the embedded view (web/, generated into
 * build/gen/web_assets.c).
 *
 * Threads and limits: libmicrohttpd runs a fixed pool of threads, each
 * polling its connections with epoll, so an idle or slow client costs a
 * socket, never a thread; the number of connections, the bytes of one
 * request's headers and an idle connection's life are bounded, and every
 * query stops at a time limit.  Each thread takes a store handle of its
 * own from a pool of as many handles (SQLite connections must not be
 * shared between threads at once), together with that handle's cache of
 * answers.  A cache is dropped as soon as the store's data version (SQLite's
 * data_version, PostgreSQL's dyad_data_version row) says some process
 * committed to it.
 */
#include "serve.h"
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* What every answer carries: the view loads scripts, styles and data
 * from this server only and runs no inline script. */
#define CSP "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " \
            "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

#define HEADER_BYTES (32 * 1024)   /* headers and target of one request */
#define CACHE_BODY_MAX (1u << 20)  /* larger answers are not cached     */

typedef struct cache_entry {
    char *key;
    char *body;
    size_t len;
} cache_entry;

typedef struct slot {
    dyad_store *store;
    bool busy;
    char msg[512];          /* the store's last message (its diag)      */
    int64_t version;        /* data_version the cache was filled at     */
    cache_entry *cache;     /* direct-mapped by a hash of the target    */
    size_t ncache;          /* a power of two, or 0                     */
} slot;

struct dyad_server {
    struct MHD_Daemon *daemon;
    slot *slots;
    size_t nslots;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    unsigned port;
    int query_ms;
};

/* One request's raw target, kept from libmicrohttpd's URI callback (the
 * access handler only sees a path it decoded itself). */
typedef struct request {
    size_t len;
    bool too_long;
    char raw[SERVE_TARGET_MAX + 1];
} request;

/* ---- the pool of store handles -------------------------------------------- */

static slot *slot_take(dyad_server *s)
{
    pthread_mutex_lock(&s->mu);
    for (;;) {
        for (size_t i = 0; i < s->nslots; i++)
            if (!s->slots[i].busy) {
                s->slots[i].busy = true;
                pthread_mutex_unlock(&s->mu);
                return &s->slots[i];
            }
        pthread_cond_wait(&s->cv, &s->mu);
    }
}

static void slot_give(dyad_server *s, slot *sl)
{
    pthread_mutex_lock(&s->mu);
    sl->busy = false;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

static void slot_diag(const dyad_diag *d, void *user)
{
    slot *sl = user;
    snprintf(sl->msg, sizeof sl->msg, "%s", d->message ? d->message : "error");
}

static void cache_clear(slot *sl)
{
    for (size_t i = 0; i < sl->ncache; i++) {
        free(sl->cache[i].key);
        free(sl->cache[i].body);
        sl->cache[i] = (cache_entry){NULL, NULL, 0};
    }
}

/* The entry holding key, else the one to put it in: an empty one of the
 * CACHE_WAYS after the key's hash, else the first of them.  A few ways
 * keep two popular targets from evicting each other on one slot. */
#define CACHE_WAYS 4

static cache_entry *cache_at(slot *sl, const char *key, bool *hit)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) h = (h ^ *p) * 0x100000001b3ull;
    cache_entry *empty = NULL;
    for (size_t w = 0; w < CACHE_WAYS; w++) {
        cache_entry *e = &sl->cache[(h + w) & (sl->ncache - 1)];
        if (e->key && strcmp(e->key, key) == 0) { *hit = true; return e; }
        if (!e->key && !empty) empty = e;
    }
    *hit = false;
    return empty ? empty : &sl->cache[h & (sl->ncache - 1)];
}

/* ---- responses -------------------------------------------------------------- */

static enum MHD_Result send_reply(struct MHD_Connection *c, unsigned status, const char *type, void *body,
                                  size_t len, enum MHD_ResponseMemoryMode mode, bool api)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, body, mode);
    if (!resp) {
        if (mode == MHD_RESPMEM_MUST_FREE) free(body);
        return MHD_NO;
    }
    MHD_add_response_header(resp, "Content-Type", type);
    MHD_add_response_header(resp, "Content-Security-Policy", CSP);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
    MHD_add_response_header(resp, "Cache-Control", api ? "no-cache" : "max-age=300");
    if (status == 405) MHD_add_response_header(resp, "Allow", "GET, HEAD");
    enum MHD_Result rc = MHD_queue_response(c, status, resp);
    MHD_destroy_response(resp);
    return rc;
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *message)
{
    serve_reply r = {0, NULL, 0, false};
    if (serve_error(&r, status, message)) return MHD_NO;
    return send_reply(c, status, "application/json; charset=utf-8", r.body, r.len, MHD_RESPMEM_MUST_FREE, true);
}

static enum MHD_Result answer_api(dyad_server *s, struct MHD_Connection *c, const request *rq,
                                  const serve_target *t)
{
    slot *sl = slot_take(s);
    int64_t version = 0;
    bool cached = sl->ncache && dyad_store_data_version(sl->store, &version) == 0;
    if (cached && version != sl->version) {
        cache_clear(sl);
        sl->version = version;
    }
    if (cached) {
        bool hit;
        cache_entry *e = cache_at(sl, rq->raw, &hit);
        if (hit) {
            enum MHD_Result rc = send_reply(c, 200, "application/json; charset=utf-8", e->body, e->len,
                                            MHD_RESPMEM_MUST_COPY, true);
            slot_give(s, sl);
            return rc;
        }
    }
    serve_reply r;
    if (serve_api(sl->store, s->query_ms, t, sl->msg, sizeof sl->msg, &r)) {
        slot_give(s, sl);
        return send_error(c, 500, "out of memory");
    }
    if (cached && r.status == 200 && r.cacheable && r.len <= CACHE_BODY_MAX) {
        bool hit;
        cache_entry *e = cache_at(sl, rq->raw, &hit);
        char *key = strdup(rq->raw), *body = malloc(r.len ? r.len : 1);
        if (key && body) {
            free(e->key);
            free(e->body);
            memcpy(body, r.body, r.len);
            *e = (cache_entry){key, body, r.len};
        } else {
            free(key);
            free(body);
        }
    }
    slot_give(s, sl);
    return send_reply(c, r.status, "application/json; charset=utf-8", r.body, r.len, MHD_RESPMEM_MUST_FREE, true);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_data_size,
                              void **req_cls)
{
    dyad_server *s = cls;
    request *rq = *req_cls;
    (void)url;
    (void)version;
    (void)upload_data;
    if (!rq) return send_error(c, 500, "out of memory");
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return send_error(c, 405, "only GET and HEAD: no endpoint writes");
    if (*upload_data_size) return send_error(c, 413, "requests carry no body");
    if (rq->too_long) return send_error(c, 414, "the target is too long");
    serve_target *t = malloc(sizeof *t);
    if (!t) return send_error(c, 500, "out of memory");
    const char *err;
    enum MHD_Result rc;
    if (serve_parse_target(rq->raw, rq->len, t, &err)) {
        rc = send_error(c, 400, err);
    } else if (strncmp(t->path, "/api/", 5) == 0 || strcmp(t->path, "/api") == 0) {
        rc = answer_api(s, c, rq, t);
    } else {
        const serve_asset *a = serve_asset_find(t->path);
        if (a && t->nparams == 0)
            rc = send_reply(c, 200, a->type, (void *)a->data, a->len, MHD_RESPMEM_PERSISTENT, false);
        else if (a)
            rc = send_error(c, 400, "files take no parameters (the view's state is in the #fragment)");
        else
            rc = send_error(c, 404, "no such file");
    }
    free(t);
    return rc;
}

static void *uri_log(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    request *rq = malloc(sizeof *rq);
    if (!rq) return NULL;
    size_t n = strnlen(uri, SERVE_TARGET_MAX + 1);
    rq->too_long = n > SERVE_TARGET_MAX;
    rq->len = rq->too_long ? 0 : n;
    memcpy(rq->raw, uri, rq->len);
    rq->raw[rq->len] = 0;
    return rq;
}

static void completed(void *cls, struct MHD_Connection *c, void **req_cls, enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)c;
    (void)toe;
    free(*req_cls);
    *req_cls = NULL;
}

/* ---- the daemon ---------------------------------------------------------------- */

static void report(dyad_diag_fn diag, void *user, const char *file, const char *message)
{
    if (!diag) return;
    dyad_diag d = {DYAD_ERROR, file, 0, NULL, message};
    diag(&d, user);
}

static void server_free(dyad_server *s)
{
    for (size_t i = 0; i < s->nslots; i++) {
        dyad_store_close(s->slots[i].store);
        cache_clear(&s->slots[i]);
        free(s->slots[i].cache);
    }
    free(s->slots);
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->cv);
    free(s);
}

dyad_server *dyad_server_start(const dyad_serve_config *cfg, dyad_diag_fn diag, void *user)
{
    if (!cfg || !cfg->db) { report(diag, user, "-", "no database given"); return NULL; }
    unsigned threads = cfg->threads ? cfg->threads : 2;
    unsigned maxconn = cfg->max_connections ? cfg->max_connections : 512;
    unsigned timeout = cfg->timeout_s ? cfg->timeout_s : 10;
    unsigned query_ms = cfg->query_ms ? cfg->query_ms : 2000;
    size_t ncache = 0;
    if (!cfg->no_cache)
        for (ncache = 1; ncache < (cfg->cache_entries ? cfg->cache_entries : 1024); ncache *= 2) {}
    if (threads > 64 || maxconn > 65536 || cfg->port > 65535) {
        report(diag, user, "-", "threads at most 64, connections at most 65536, port at most 65535");
        return NULL;
    }
    const char *bind = cfg->bind ? cfg->bind : "127.0.0.1";
    struct sockaddr_in sa4;
    struct sockaddr_in6 sa6;
    memset(&sa4, 0, sizeof sa4);
    memset(&sa6, 0, sizeof sa6);
    const struct sockaddr *sa;
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD;
    if (inet_pton(AF_INET, bind, &sa4.sin_addr) == 1) {
        sa4.sin_family = AF_INET;
        sa4.sin_port = htons((uint16_t)cfg->port);
        sa = (const struct sockaddr *)&sa4;
    } else if (inet_pton(AF_INET6, bind, &sa6.sin6_addr) == 1) {
        sa6.sin6_family = AF_INET6;
        sa6.sin6_port = htons((uint16_t)cfg->port);
        sa = (const struct sockaddr *)&sa6;
        flags |= MHD_USE_IPv6;
    } else {
        report(diag, user, "-", "--bind wants an IPv4 or IPv6 address (127.0.0.1, ::1)");
        return NULL;
    }
    dyad_server *s = calloc(1, sizeof *s);
    if (!s) { report(diag, user, "-", "out of memory"); return NULL; }
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    s->query_ms = (int)query_ms;
    s->slots = calloc(threads, sizeof *s->slots);
    if (!s->slots) { server_free(s); report(diag, user, "-", "out of memory"); return NULL; }
    for (unsigned i = 0; i < threads; i++) {
        slot *sl = &s->slots[i];
        s->nslots++;
        /* the store's messages become answers to clients */
        sl->store = dyad_store_open(cfg->db, DYAD_STORE_READONLY, slot_diag, sl);
        if (!sl->store) { report(diag, user, cfg->db, sl->msg); server_free(s); return NULL; }
        dyad_store_time_limit(sl->store, (int)query_ms);
        if (ncache) {
            sl->cache = calloc(ncache, sizeof *sl->cache);
            if (!sl->cache) { server_free(s); report(diag, user, "-", "out of memory"); return NULL; }
            sl->ncache = ncache;
            sl->version = -1;
        }
    }
    s->daemon = MHD_start_daemon(flags, (uint16_t)cfg->port, NULL, NULL, handle, s,
                                 MHD_OPTION_SOCK_ADDR, sa,
                                 MHD_OPTION_THREAD_POOL_SIZE, threads,
                                 MHD_OPTION_CONNECTION_LIMIT, maxconn,
                                 MHD_OPTION_CONNECTION_TIMEOUT, timeout,
                                 MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEADER_BYTES,
                                 MHD_OPTION_URI_LOG_CALLBACK, uri_log, s,
                                 MHD_OPTION_NOTIFY_COMPLETED, completed, s,
                                 MHD_OPTION_END);
    if (!s->daemon) {
        char msg[200];
        snprintf(msg, sizeof msg, "cannot listen on %s port %u (in use, or not an address of this machine)",
                 bind, cfg->port);
        report(diag, user, "-", msg);
        server_free(s);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : cfg->port;
    return s;
}

unsigned dyad_server_port(const dyad_server *s)
{
    return s ? s->port : 0;
}

void dyad_server_stop(dyad_server *s)
{
    if (!s) return;
    MHD_stop_daemon(s->daemon);
    server_free(s);
}

const serve_asset *serve_asset_find(const char *path)
{
    if (strcmp(path, "/") == 0) path = "/index.html";
    for (size_t i = 0; i < serve_asset_count; i++)
        if (strcmp(serve_assets[i].path, path) == 0) return &serve_assets[i];
    return NULL;
}
