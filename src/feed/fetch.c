/*
 * fetch.c -- HTTP GET for `dyad feeds` (Debian's libcurl): timeouts, a
 * size cap, few redirects, http(s) only, conditional requests, and a
 * delay between two requests to one host.
 *
 * One easy handle per fetcher is reused for every request, so that
 * connections to a site are kept alive between its feed and its pages.
 */
#include "internal.h"
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define DEFAULT_CONNECT_MS 10000L
#define DEFAULT_TIMEOUT_MS 30000L
#define DEFAULT_MAX_BYTES ((size_t)8 << 20)
#define DEFAULT_REDIRECTS 5
/* Hosts remembered for the politeness delay; a run over more hosts
 * forgets the one asked longest ago, which has waited long enough. */
#define HOSTS_MAX 512

typedef struct host_time {
    char *name;
    double last; /* monotonic seconds of the last request's end */
} host_time;

struct dyad_fetcher {
    CURL *curl;
    dyad_fetch_options o;
    char *ua;
    sbuf body;
    bool too_large;
    char *etag, *last_modified, *url, *content_type;
    char err[320];
    host_time *hosts;
    size_t nhosts;
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_s(double s)
{
    if (s <= 0) return;
    struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
    while (nanosleep(&ts, &ts) != 0) {}
}

dyad_fetcher *dyad_fetcher_new(const dyad_fetch_options *opts)
{
    dyad_fetcher *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    if (opts) f->o = *opts;
    if (f->o.connect_timeout_ms <= 0) f->o.connect_timeout_ms = DEFAULT_CONNECT_MS;
    if (f->o.timeout_ms <= 0) f->o.timeout_ms = DEFAULT_TIMEOUT_MS;
    if (f->o.max_bytes == 0) f->o.max_bytes = DEFAULT_MAX_BYTES;
    if (f->o.max_redirects == 0) f->o.max_redirects = DEFAULT_REDIRECTS;
    if (f->o.max_redirects < 0) f->o.max_redirects = 0;
    if (f->o.host_delay_ms < 0) f->o.host_delay_ms = 0;
    f->ua = strdup(f->o.user_agent ? f->o.user_agent : "dyad/" DYAD_VERSION " (+news feed reader)");
    f->o.user_agent = f->ua;
    f->hosts = calloc(HOSTS_MAX, sizeof *f->hosts);
    if (!f->ua || !f->hosts || curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        free(f->ua);
        free(f->hosts);
        free(f);
        return NULL;
    }
    f->curl = curl_easy_init();
    if (!f->curl) {
        curl_global_cleanup();
        free(f->ua);
        free(f->hosts);
        free(f);
        return NULL;
    }
    return f;
}

static void clear_result(dyad_fetcher *f)
{
    free(f->etag);
    free(f->last_modified);
    free(f->url);
    free(f->content_type);
    f->etag = f->last_modified = f->url = f->content_type = NULL;
    sbuf_clear(&f->body);
    f->too_large = false;
    f->err[0] = '\0';
}

void dyad_fetcher_free(dyad_fetcher *f)
{
    if (!f) return;
    clear_result(f);
    sbuf_free(&f->body);
    curl_easy_cleanup(f->curl);
    curl_global_cleanup();
    for (size_t i = 0; i < f->nhosts; i++) free(f->hosts[i].name);
    free(f->hosts);
    free(f->ua);
    free(f);
}

static size_t on_body(char *p, size_t size, size_t n, void *user)
{
    dyad_fetcher *f = user;
    size_t len = size * n;
    if (f->body.len + len > f->o.max_bytes) {
        f->too_large = true;
        return 0; /* libcurl ends the transfer with CURLE_WRITE_ERROR */
    }
    return sbuf_append(&f->body, p, len) ? 0 : len;
}

/* A header's value, trimmed, when line is "Name: value". */
static char *header_value(const char *line, size_t len, const char *name)
{
    size_t nl = strlen(name);
    if (len <= nl || strncasecmp(line, name, nl) != 0 || line[nl] != ':') return NULL;
    const char *v = line + nl + 1, *e = line + len;
    while (v < e && (*v == ' ' || *v == '\t')) v++;
    while (e > v && (e[-1] == '\r' || e[-1] == '\n' || e[-1] == ' ' || e[-1] == '\t')) e--;
    /* a validator is echoed back in our next request's headers: refuse
     * control bytes and absurd lengths rather than inject them */
    if (e == v || e - v > 512) return NULL;
    for (const char *p = v; p < e; p++)
        if ((unsigned char)*p < ' ') return NULL;
    return strndup(v, (size_t)(e - v));
}

static size_t on_header(char *p, size_t size, size_t n, void *user)
{
    dyad_fetcher *f = user;
    size_t len = size * n;
    /* each response of a redirect chain starts with a status line: keep
     * only the final response's validators */
    if (len >= 5 && strncmp(p, "HTTP/", 5) == 0) {
        free(f->etag);
        free(f->last_modified);
        f->etag = f->last_modified = NULL;
        return len;
    }
    char *v;
    if ((v = header_value(p, len, "ETag"))) { free(f->etag); f->etag = v; }
    else if ((v = header_value(p, len, "Last-Modified"))) { free(f->last_modified); f->last_modified = v; }
    return len;
}

static host_time *host_slot(dyad_fetcher *f, const char *url)
{
    CURLU *u = curl_url();
    char *host = NULL;
    if (!u || curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
        curl_url_cleanup(u);
        return NULL;
    }
    curl_url_cleanup(u);
    host_time *slot = NULL;
    for (size_t i = 0; i < f->nhosts && !slot; i++)
        if (strcasecmp(f->hosts[i].name, host) == 0) slot = &f->hosts[i];
    if (!slot) {
        char *name = strdup(host);
        if (!name) { curl_free(host); return NULL; }
        if (f->nhosts < HOSTS_MAX) slot = &f->hosts[f->nhosts++];
        else {
            slot = &f->hosts[0];
            for (size_t i = 1; i < f->nhosts; i++)
                if (f->hosts[i].last < slot->last) slot = &f->hosts[i];
            free(slot->name);
        }
        slot->name = name;
        slot->last = -1e9;
    }
    curl_free(host);
    return slot;
}

static bool transient_curl(CURLcode rc)
{
    return rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
           rc == CURLE_COULDNT_RESOLVE_PROXY || rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR ||
           rc == CURLE_GOT_NOTHING || rc == CURLE_PARTIAL_FILE || rc == CURLE_SSL_CONNECT_ERROR;
}

int dyad_fetch(dyad_fetcher *f, const char *url, const char *etag, const char *last_modified,
               dyad_fetch_result *res)
{
    memset(res, 0, sizeof *res);
    if (!f || !url) { res->error = "no URL"; return -1; }
    clear_result(f);
    if (strncasecmp(url, "http://", 7) != 0 && strncasecmp(url, "https://", 8) != 0) {
        snprintf(f->err, sizeof f->err, "not an http(s) URL");
        res->error = f->err;
        return -1;
    }
    host_time *slot = host_slot(f, url);
    if (slot) sleep_s(slot->last + (double)f->o.host_delay_ms / 1000.0 - now_s());

    CURL *c = f->curl;
    curl_easy_reset(c);
    struct curl_slist *hdrs = NULL, *h;
    char line[600];
    bool oom = false;
    if (etag && *etag && strlen(etag) < 512) {
        snprintf(line, sizeof line, "If-None-Match: %s", etag);
        if ((h = curl_slist_append(hdrs, line))) hdrs = h; else oom = true;
    }
    if (last_modified && *last_modified && strlen(last_modified) < 512) {
        snprintf(line, sizeof line, "If-Modified-Since: %s", last_modified);
        if ((h = curl_slist_append(hdrs, line))) hdrs = h; else oom = true;
    }
    if (oom) {
        curl_slist_free_all(hdrs);
        snprintf(f->err, sizeof f->err, "out of memory");
        res->error = f->err;
        return -1;
    }
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    /* a feed or a redirect must never reach file://, ftp://, gopher://... */
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, f->o.max_redirects > 0 ? 1L : 0L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)f->o.max_redirects);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, f->o.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, f->o.timeout_ms);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)f->o.max_bytes);
    curl_easy_setopt(c, CURLOPT_USERAGENT, f->ua);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, f);
    CURLcode rc = curl_easy_perform(c);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all(hdrs);
    if (slot) slot->last = now_s();

    long status = 0;
    char *eff = NULL, *ctype = NULL;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ctype);
    f->url = strdup(eff ? eff : url);
    f->content_type = ctype ? strdup(ctype) : NULL;
    if (sbuf_putc(&f->body, '\0') == 0) f->body.len--;
    res->status = status;
    res->url = f->url;
    res->content_type = f->content_type;
    res->etag = f->etag;
    res->last_modified = f->last_modified;
    res->body = f->body.data ? f->body.data : "";
    res->len = f->body.len;

    if (rc != CURLE_OK) {
        if (f->too_large || rc == CURLE_FILESIZE_EXCEEDED)
            snprintf(f->err, sizeof f->err, "larger than %zu bytes", f->o.max_bytes);
        else if (rc == CURLE_OPERATION_TIMEDOUT)
            snprintf(f->err, sizeof f->err, "timed out after %.3g s", (double)f->o.timeout_ms / 1000.0);
        else if (rc == CURLE_TOO_MANY_REDIRECTS)
            snprintf(f->err, sizeof f->err, "more than %d redirects", f->o.max_redirects);
        else if (rc == CURLE_UNSUPPORTED_PROTOCOL)
            snprintf(f->err, sizeof f->err, "redirected to a URL that is not http(s)");
        else
            snprintf(f->err, sizeof f->err, "%s", curl_easy_strerror(rc));
        res->transient = transient_curl(rc) && !f->too_large;
        res->error = f->err;
        return -1;
    }
    if (status == 304) { res->not_modified = 1; return 0; }
    if (status >= 200 && status < 300) return 0;
    snprintf(f->err, sizeof f->err, "HTTP %ld", status);
    res->transient = status >= 500 || status == 429 || status == 408;
    res->error = f->err;
    return -1;
}
