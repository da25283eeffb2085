/*
 * read_warc.c -- WARC archives (ISO 28500, WARC/1.0 and 1.1): every
 * "response" record that holds an HTML page is one document.
 *
 * Why not libarchive's WARC reader: it returns only "resource" and
 * "response" records and skips the others without a word (they could not
 * be counted), it does not expose WARC-Type or the HTTP Content-Type, it
 * accepts no WARC/1.1, and a malformed record header is ARCHIVE_FATAL for
 * the whole archive, where we must report the record and read on.  The
 * format is simple -- a version line, "Name: value" headers, a blank line,
 * Content-Length bytes, CRLF CRLF -- so it is read here over the reader's
 * byte source, which already inflates .warc.gz (one gzip member per
 * record, or one for the whole file) with zlib.
 *
 * Memory is bounded by one page (HTML_MAX_PAGE): longer record blocks
 * are read through without being kept.  A record with a broken header is
 * reported with its line and skipped by looking for the next line that
 * starts with "WARC/".
 */
#include "reader.h"
#include "html/html.h"
#include <stdlib.h>
#include <zlib.h>

/* Longest header line and header block of a record that is believed. */
#define WARC_MAX_HEADER ((size_t)64 << 10)

struct warc_state {
    size_t records;         /* records seen, for names in diagnostics     */
    sbuf type, uri, date, id, ctype, http, body, name;
    bool version_pending;   /* a "WARC/" line was consumed while resyncing */
    size_t pending_line;
};

void warc_free(warc_state *w)
{
    if (!w) return;
    sbuf *all[] = {&w->type, &w->uri, &w->date, &w->id, &w->ctype, &w->http, &w->body, &w->name};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) sbuf_free(all[i]);
    free(w);
}

static bool starts_nocase(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    if (n < k) return false;
    for (size_t i = 0; i < k; i++)
        if (ch_lower((unsigned char)s[i]) != prefix[i]) return false;
    return true;
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t')) (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r')) (*n)--;
}

static int set(sbuf *b, const char *s, size_t n)
{
    sbuf_clear(b);
    if (sbuf_append(b, s, n) || sbuf_putc(b, 0)) return -1;
    b->len--;
    return 0;
}

/* Consumes n bytes of the source (fewer at its end), keeping at most
 * `cap` of them in keep (NULL: none).  Returns the bytes consumed. */
static size_t consume(dyad_reader *r, size_t n, sbuf *keep, size_t cap)
{
    size_t done = 0;
    while (done < n) {
        if (r->pos == r->end && !src_refill(r)) break;
        size_t avail = r->end - r->pos, take = n - done < avail ? n - done : avail;
        const char *p = r->data + r->pos;
        for (const char *q = p; (q = memchr(q, '\n', (size_t)(p + take - q))) != NULL; q++)
            r->line++;
        if (keep && keep->len < cap) {
            size_t k = cap - keep->len < take ? cap - keep->len : take;
            if (sbuf_append(keep, p, k)) keep = NULL;
        }
        r->pos += take;
        done += take;
    }
    return done;
}

/* The next line of a header block, without CR LF.  false at the end of
 * input; *too_long when it exceeds WARC_MAX_HEADER (then discarded). */
static bool header_line(dyad_reader *r, const char **s, size_t *n, size_t *lineno, bool *too_long)
{
    size_t saved = r->max_record;
    r->max_record = WARC_MAX_HEADER;
    bool ok = reader_line(r, s, n, lineno, too_long);
    r->max_record = saved;
    if (ok && *n && (*s)[*n - 1] == '\r') (*n)--;
    return ok;
}

static const char *record_name(warc_state *w)
{
    if (w->id.len) return w->id.data;
    char num[32];
    int k = snprintf(num, sizeof num, "#%zu", w->records);
    set(&w->name, num, (size_t)k);
    return w->name.data ? w->name.data : "?";
}

/* Skips to the next line starting with "WARC/" (left unread for the
 * next record). */
static void resync(dyad_reader *r, warc_state *w)
{
    const char *s;
    size_t n, lineno;
    bool too_long;
    while (header_line(r, &s, &n, &lineno, &too_long)) {
        if (!too_long && n >= 6 && memcmp(s, "WARC/", 5) == 0) {
            w->version_pending = true;
            w->pending_line = lineno;
            return;
        }
    }
}

/* ---- the HTTP response inside a record ----------------------------------- */

typedef struct http_info {
    int status;
    bool html, chunked;
    int encoding;           /* 0 identity, 1 gzip or deflate             */
    char charset[40];
    const char *body;
    size_t body_len;
} http_info;

static bool parse_http(const char *s, size_t n, http_info *h)
{
    memset(h, 0, sizeof *h);
    const char *end = s + n, *p = s;
    const char *nl = memchr(p, '\n', n);
    if (!nl || !starts_nocase(p, (size_t)(nl - p), "http/")) return false;
    const char *sp = memchr(p, ' ', (size_t)(nl - p));
    if (!sp || nl - sp < 4) return false;
    for (int i = 1; i <= 3; i++) {
        if (!ch_is_digit(sp[i])) return false;
        h->status = h->status * 10 + (sp[i] - '0');
    }
    p = nl + 1;
    while (p < end) {
        nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        size_t ln = (size_t)(le - p);
        if (ln && p[ln - 1] == '\r') ln--;
        if (ln == 0) {
            h->body = nl ? nl + 1 : end;
            h->body_len = (size_t)(end - h->body);
            return true;
        }
        const char *colon = memchr(p, ':', ln);
        if (colon) {
            const char *v = colon + 1;
            size_t vn = ln - (size_t)(v - p);
            trim(&v, &vn);
            size_t kn = (size_t)(colon - p);
            if (kn == 12 && starts_nocase(p, kn, "content-type")) {
                h->html = starts_nocase(v, vn, "text/html") ||
                          starts_nocase(v, vn, "application/xhtml");
                const char *cs = NULL;
                for (size_t i = 0; i + 8 <= vn; i++)
                    if (starts_nocase(v + i, vn - i, "charset=")) {
                        cs = v + i + 8;
                        break;
                    }
                if (cs) {
                    size_t k = 0;
                    while (cs < v + vn && k < 39 && *cs != ';' && *cs != ' ') {
                        if (*cs != '"' && *cs != '\'') h->charset[k++] = (char)ch_lower((unsigned char)*cs);
                        cs++;
                    }
                    h->charset[k] = 0;
                }
            } else if (kn == 17 && starts_nocase(p, kn, "transfer-encoding")) {
                h->chunked = starts_nocase(v, vn, "chunked");
            } else if (kn == 16 && starts_nocase(p, kn, "content-encoding")) {
                h->encoding = starts_nocase(v, vn, "gzip") || starts_nocase(v, vn, "x-gzip") ||
                              starts_nocase(v, vn, "deflate");
            }
        }
        p = nl ? nl + 1 : end;
    }
    /* Headers without a body. */
    h->body = end;
    h->body_len = 0;
    return true;
}

/* Undoes chunked transfer coding in place; returns the new length.  A
 * malformed chunk header ends the body there (*bad set). */
static size_t dechunk(char *s, size_t n, bool *bad)
{
    size_t in = 0, out = 0;
    *bad = false;
    while (in < n) {
        size_t size = 0, digits = 0;
        while (in < n && digits < 16) {
            int c = ch_lower((unsigned char)s[in]);
            int v = ch_is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
            if (v < 0) break;
            size = size * 16 + (size_t)v;
            in++, digits++;
        }
        if (!digits) {
            *bad = true;
            break;
        }
        while (in < n && s[in] != '\n') in++; /* chunk extensions, CR */
        in++;
        if (size == 0) break;
        if (size > n - (in < n ? in : n)) {
            size = in < n ? n - in : 0;
            *bad = true;
        }
        memmove(s + out, s + in, size);
        out += size;
        in += size;
        if (in < n && s[in] == '\r') in++;
        if (in < n && s[in] == '\n') in++;
    }
    return out;
}

/* Inflates gzip or zlib (or raw deflate) data into out, at most cap
 * bytes.  Returns false when the data is corrupt before any output. */
static bool decode_body(const char *s, size_t n, sbuf *out, size_t cap)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, attempt ? -15 : 15 + 32) != Z_OK) return false;
        z.next_in = (Bytef *)(uintptr_t)s;
        z.avail_in = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
        sbuf_clear(out);
        int rc = Z_OK;
        while (rc == Z_OK && out->len < cap) {
            if (sbuf_reserve(out, 65536)) break;
            size_t room = out->cap - out->len;
            if (room > cap - out->len) room = cap - out->len;
            z.next_out = (Bytef *)out->data + out->len;
            z.avail_out = (uInt)room;
            rc = inflate(&z, Z_NO_FLUSH);
            out->len += room - z.avail_out;
            if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
        }
        inflateEnd(&z);
        if (out->len || rc == Z_STREAM_END) return true;
    }
    return false;
}

/* ---- records ---------------------------------------------------------------- */

int warc_next(dyad_reader *r, dyad_document *doc)
{
    if (!r->warc && !(r->warc = calloc(1, sizeof *r->warc))) {
        if (!r->finished) reader_skip(r, r->line, NULL, "out of memory reading the archive");
        r->finished = true;
        return 0;
    }
    warc_state *w = r->warc;
    for (;;) {
        const char *s;
        size_t n, lineno;
        bool too_long;
        /* The version line, after any blank lines between records. */
        if (w->version_pending) {
            w->version_pending = false;
            lineno = w->pending_line;
        } else {
            do {
                if (!header_line(r, &s, &n, &lineno, &too_long)) return 0;
            } while (!too_long && n == 0);
            if (too_long || n < 6 || memcmp(s, "WARC/", 5) != 0) {
                w->records++;
                sbuf_clear(&w->id);
                reader_skip(r, lineno, record_name(w),
                            "not a WARC record header (no \"WARC/\" version line): skipped to the next record");
                resync(r, w);
                continue;
            }
        }
        w->records++;
        size_t start_line = lineno;
        sbuf *fields[] = {&w->type, &w->uri, &w->date, &w->id, &w->ctype};
        for (size_t i = 0; i < 5; i++) sbuf_clear(fields[i]);
        long long length = -1;
        size_t header_bytes = 0;
        const char *broken = NULL;
        bool ended = false;
        while (header_line(r, &s, &n, &lineno, &too_long)) {
            header_bytes += n + 2;
            if (too_long || header_bytes > WARC_MAX_HEADER) {
                broken = "header longer than 64 KB";
                break;
            }
            if (n == 0) {
                ended = true;
                break;
            }
            if (s[0] == ' ' || s[0] == '\t') continue; /* folded value */
            const char *colon = memchr(s, ':', n);
            if (!colon) {
                broken = "header line without a colon";
                break;
            }
            size_t kn = (size_t)(colon - s);
            const char *v = colon + 1;
            size_t vn = n - kn - 1;
            trim(&v, &vn);
            int rc = 0;
            if (kn == 9 && starts_nocase(s, kn, "warc-type")) rc = set(&w->type, v, vn);
            else if (kn == 15 && starts_nocase(s, kn, "warc-target-uri")) {
                if (vn >= 2 && v[0] == '<' && v[vn - 1] == '>') v++, vn -= 2;
                rc = set(&w->uri, v, vn);
            } else if (kn == 9 && starts_nocase(s, kn, "warc-date")) rc = set(&w->date, v, vn);
            else if (kn == 14 && starts_nocase(s, kn, "warc-record-id")) {
                if (vn >= 2 && v[0] == '<' && v[vn - 1] == '>') v++, vn -= 2;
                rc = set(&w->id, v, vn);
            } else if (kn == 12 && starts_nocase(s, kn, "content-type")) rc = set(&w->ctype, v, vn);
            else if (kn == 14 && starts_nocase(s, kn, "content-length")) {
                length = 0;
                if (vn == 0 || vn > 15) length = -2;
                for (size_t i = 0; i < vn && length >= 0; i++)
                    length = ch_is_digit(v[i]) ? length * 10 + (v[i] - '0') : -2;
            }
            if (rc) {
                broken = "out of memory";
                break;
            }
        }
        const char *name = record_name(w);
        if (!broken && !ended) broken = "the archive ends inside the record's header";
        if (!broken && length < 0)
            broken = length == -1 ? "no Content-Length" : "Content-Length is not a number";
        if (broken) {
            reader_skip(r, start_line, name, "broken WARC record header (%s): skipped", broken);
            resync(r, w);
            continue;
        }
        const char *ct = w->ctype.data ? w->ctype.data : "";
        bool response = w->type.len == 8 && starts_nocase(w->type.data, 8, "response") &&
                        starts_nocase(ct, w->ctype.len, "application/http");
        /* A "resource" record holds a page without HTTP around it (wget
         * --warc-file keeps local files so). */
        bool resource = w->type.len == 8 && starts_nocase(w->type.data, 8, "resource") &&
                        (starts_nocase(ct, w->ctype.len, "text/html") ||
                         starts_nocase(ct, w->ctype.len, "application/xhtml"));
        response = response || resource;
        size_t cap = HTML_MAX_PAGE + WARC_MAX_HEADER;
        sbuf_clear(&w->http);
        size_t got = consume(r, (size_t)length, response ? &w->http : NULL, cap);
        if (got < (size_t)length) {
            reader_skip(r, start_line, name,
                        "the archive ends inside the record (%zu of %lld bytes): skipped", got,
                        length);
            return 0;
        }
        /* The CR LF CR LF that ends a record; tolerate its absence. */
        for (int i = 0; i < 4; i++) {
            int c = src_peek(r);
            if (c != '\r' && c != '\n') break;
            src_skip(r);
        }
        if (!response) {
            r->passed_over++;
            continue;
        }
        http_info h;
        if (resource) {
            memset(&h, 0, sizeof h);
            h.status = 200;
            h.html = true;
            h.body = w->http.data ? w->http.data : "";
            h.body_len = w->http.len;
            const char *cs = NULL;
            for (size_t i = 0; i + 8 <= w->ctype.len; i++)
                if (starts_nocase(ct + i, w->ctype.len - i, "charset=")) {
                    cs = ct + i + 8;
                    break;
                }
            for (size_t k = 0; cs && k < 39 && *cs && *cs != ';' && *cs != ' '; cs++)
                if (*cs != '"' && *cs != '\'') h.charset[k++] = (char)ch_lower((unsigned char)*cs);
        } else if (!parse_http(w->http.data ? w->http.data : "", w->http.len, &h)) {
            reader_skip(r, start_line, name, "response record without an HTTP status line: skipped");
            continue;
        }
        if (!h.html || h.status < 200 || h.status >= 300) {
            r->passed_over++;
            continue;
        }
        char *body = (char *)h.body;
        size_t blen = h.body_len;
        if (h.chunked) {
            bool bad;
            blen = dechunk(body, blen, &bad);
            if (bad)
                reader_report(r, DYAD_WARNING, start_line, name,
                              "malformed chunked transfer coding: the page may be cut short");
        }
        if (h.encoding) {
            if (!decode_body(body, blen, &w->body, HTML_MAX_PAGE)) {
                reader_skip(r, start_line, name, "the page's gzip/deflate content coding is corrupt: skipped");
                continue;
            }
            body = w->body.data ? w->body.data : "";
            blen = w->body.len;
        }
        char date[11] = "";
        if (w->date.len) html_iso_date(w->date.data, w->date.len, date);
        sbuf_clear(&r->id);
        if (sbuf_append(&r->id, name, strlen(name) + 1)) {
            reader_skip(r, start_line, name, "out of memory reading the archive");
            continue;
        }
        if (html_document(r, doc, body, blen, start_line, name, h.charset[0] ? h.charset : NULL,
                          w->uri.len ? w->uri.data : NULL, date)) {
            /* The fetched address is the document's URL unless the page
             * names its canonical one. */
            return 1;
        }
    }
}
