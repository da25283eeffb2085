/*
 * serve_url.c -- the request target, parsed by dyad itself rather than by
 * libmicrohttpd, so that every byte a client sends goes through one
 * bounded, fuzzed parser (fuzz/fuzz_serve_url.c) with one set of rules.
 */
#include "serve.h"
#include <string.h>

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes raw[0..n) into out (NUL-terminated); out has room for n + 1
 * bytes since decoding never grows.  Returns the decoded length or -1. */
static long decode(const char *raw, size_t n, bool plus_is_space, char *out, const char **err)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)raw[i];
        if (c == '%') {
            int hi = n - i >= 3 ? hexval((unsigned char)raw[i + 1]) : -1;
            int lo = n - i >= 3 ? hexval((unsigned char)raw[i + 2]) : -1;
            if (hi < 0 || lo < 0) { *err = "bad percent escape"; return -1; }
            c = (unsigned char)(hi * 16 + lo);
            i += 2;
            if (c < 0x20 || c == 0x7f) { *err = "control character in the target"; return -1; }
        } else if (c == '+' && plus_is_space) {
            c = ' ';
        }
        out[k++] = (char)c;
    }
    out[k] = 0;
    /* names and values are text: invalid UTF-8 never reaches the store */
    for (size_t i = 0; i < k;) {
        unsigned char c = (unsigned char)out[i];
        if (c < 0x80) { i++; continue; }
        size_t adv;
        uint32_t cp = utf8_decode((const unsigned char *)out + i, k - i, &adv);
        if (cp == UTF8_REPLACEMENT && adv != 3) { *err = "invalid UTF-8 in the target"; return -1; }
        i += adv;
    }
    return (long)k;
}

/* A path with a "." or ".." segment, or a backslash, is refused whatever
 * it names: only exact names of embedded files are served anyway, but a
 * traversal attempt deserves a clear 400 rather than a 404. */
static bool safe_path(const char *p)
{
    if (strchr(p, '\\')) return false;
    for (const char *s = p; *s;) {
        if (*s == '/') { s++; continue; }
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if ((n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.')) return false;
        s += n;
    }
    return true;
}

int serve_parse_target(const char *raw, size_t len, serve_target *t, const char **err)
{
    memset(t, 0, sizeof *t);
    *err = NULL;
    if (!raw || len == 0 || raw[0] != '/') { *err = "the target must start with '/'"; return -1; }
    if (len > SERVE_TARGET_MAX) { *err = "the target is too long"; return -1; }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)raw[i];
        if (c <= 0x20 || c >= 0x7f || c == '#') { *err = "bad byte in the target"; return -1; }
    }
    const char *q = memchr(raw, '?', len);
    size_t plen = q ? (size_t)(q - raw) : len;
    char *out = t->buf;
    long n = decode(raw, plen, false, out, err);
    if (n < 0) return -1;
    if (!safe_path(out)) { *err = "path traversal refused"; return -1; }
    t->path = out;
    out += n + 1;
    if (!q) return 0;
    const char *p = q + 1, *end = raw + len;
    while (p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *stop = amp ? amp : end;
        if (stop == p) { p++; continue; }   /* "a=1&&b=2": an empty pair */
        if (t->nparams == SERVE_PARAMS_MAX) { *err = "too many parameters"; return -1; }
        const char *eq = memchr(p, '=', (size_t)(stop - p));
        const char *nend = eq ? eq : stop;
        if (nend == p) { *err = "a parameter without a name"; return -1; }
        serve_param *pr = &t->params[t->nparams];
        long nl = decode(p, (size_t)(nend - p), true, out, err);
        if (nl < 0) return -1;
        pr->name = out;
        out += nl + 1;
        long vl = eq ? decode(eq + 1, (size_t)(stop - eq - 1), true, out, err) : (out[0] = 0, 0);
        if (vl < 0) return -1;
        pr->value = out;
        out += vl + 1;
        for (size_t i = 0; i < t->nparams; i++)
            if (strcmp(t->params[i].name, pr->name) == 0) { *err = "a parameter given twice"; return -1; }
        t->nparams++;
        p = stop + 1;
    }
    return 0;
}

const char *serve_param_get(const serve_target *t, const char *name)
{
    for (size_t i = 0; i < t->nparams; i++)
        if (strcmp(t->params[i].name, name) == 0) return t->params[i].value;
    return NULL;
}
