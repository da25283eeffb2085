/*
 * html_charset.c -- the charset of a page and its conversion to UTF-8.
 *
 * Conversion keeps a map back to the page's bytes, so it cannot hand the
 * whole page to iconv in one call: ASCII runs (the markup, most of the
 * text) are copied directly, and the bytes between them are converted a
 * few characters per call, each call adding an anchor when the lengths
 * diverge.  That is linear, and exact to the character.
 */
#include "html.h"
#include <errno.h>
#include <iconv.h>

static bool is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Copies a charset name out of s (up to a quote, ';', space or '>'),
 * lower-cased; empty when there is none. */
static void take_name(const char *s, const char *end, char name[40])
{
    size_t n = 0;
    while (s < end && (is_space((unsigned char)*s) || *s == '"' || *s == '\'' || *s == '='))
        s++;
    while (s < end && n < 39) {
        int c = (unsigned char)*s;
        if (!(ch_is_alpha(c) || ch_is_digit(c) || c == '-' || c == '_' || c == ':' || c == '.'))
            break;
        name[n++] = (char)ch_lower(c);
        s++;
    }
    name[n] = 0;
}

/* Finds `needle` (lower case) in s[0, n) ignoring ASCII case. */
static const char *find_nocase(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && ch_lower((unsigned char)s[i + j]) == needle[j]) j++;
        if (j == k) return s + i;
    }
    return NULL;
}

void html_declared_charset(const char *page, size_t len, const char *hint,
                           char name[40])
{
    name[0] = 0;
    const unsigned char *u = (const unsigned char *)page;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        strcpy(name, "utf-8");
        return;
    }
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        strcpy(name, "utf-16le");
        return;
    }
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        strcpy(name, "utf-16be");
        return;
    }
    if (hint && *hint) {
        take_name(hint, hint + strlen(hint), name);
        if (name[0]) return;
    }
    /* The HTML5 prescan looks at the first 1024 bytes; pages with long
     * heads put <meta charset> later, so look a little further. */
    size_t n = len < 4096 ? len : 4096;
    const char *p = page, *end = page + n;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt) break;
        if (gt - p > 5 && find_nocase(p, 5, "<meta") == p) {
            const char *cs = find_nocase(p, (size_t)(gt - p), "charset");
            if (cs) {
                take_name(cs + 7, gt, name);
                if (name[0]) return;
            }
        }
        p = gt;
    }
}

static bool is_utf8_name(const char *name)
{
    return strcmp(name, "utf-8") == 0 || strcmp(name, "utf8") == 0 ||
           strcmp(name, "unicode-1-1-utf-8") == 0;
}

/* Charsets whose ASCII bytes are ASCII characters, so ASCII runs may be
 * copied without iconv (not UTF-16/32, UTF-7 or the ISO-2022 family). */
static bool ascii_compatible(const char *name)
{
    return !(strncmp(name, "utf-16", 6) == 0 || strncmp(name, "utf-32", 6) == 0 ||
             strncmp(name, "ucs", 3) == 0 || strcmp(name, "utf-7") == 0 ||
             strncmp(name, "iso-2022", 8) == 0 || strncmp(name, "unicode", 7) == 0);
}

static int add_anchor(sbuf *map, size_t text, size_t source)
{
    dyad_anchor a = {(uint32_t)text, (uint32_t)source};
    if (map->len >= sizeof a) {
        dyad_anchor last;
        memcpy(&last, map->data + map->len - sizeof a, sizeof a);
        /* Still one to one from the last anchor: nothing to record. */
        if (last.source + (text - last.text) == source) return 0;
        if (last.text == text) {
            map->len -= sizeof a;
        }
    }
    return sbuf_append(map, &a, sizeof a);
}

int html_convert(const char *page, size_t len, const char *charset, sbuf *out,
                 sbuf *map, size_t *invalid)
{
    /* WHATWG maps these labels to windows-1252, a superset iconv knows
     * under its own name; pages declare latin-1 but mean 1252. */
    const char *name = charset;
    if (strcmp(name, "iso-8859-1") == 0 || strcmp(name, "latin1") == 0 ||
        strcmp(name, "us-ascii") == 0 || strcmp(name, "ascii") == 0 ||
        strcmp(name, "iso8859-1") == 0 || strcmp(name, "l1") == 0)
        name = "windows-1252";
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1) return -1;
    bool ascii = ascii_compatible(charset);
    if (sbuf_reserve(out, len + len / 2 + 16)) {
        iconv_close(cd);
        return -1;
    }
    size_t i = 0;
    int rc = 0;
    if (add_anchor(map, out->len, 0)) rc = -1;
    while (i < len && rc == 0) {
        if (ascii && (unsigned char)page[i] < 0x80) {
            size_t j = i;
            while (j < len && (unsigned char)page[j] < 0x80) j++;
            if (add_anchor(map, out->len, i) || sbuf_append(out, page + i, j - i)) {
                rc = -1;
                break;
            }
            i = j;
            continue;
        }
        /* A few characters per call: the output room decides how many, so
         * each anchor is at most a character or two away from the truth. */
        char buf[16];
        char *inp = (char *)(page + i), *outp = buf;
        size_t inleft = len - i, outleft = ascii ? 4 : sizeof buf;
        size_t r = iconv(cd, &inp, &inleft, &outp, &outleft);
        size_t used = (size_t)(inp - (page + i)), made = (size_t)(outp - buf);
        if (r == (size_t)-1 && used == 0 && errno == E2BIG && outleft < sizeof buf) {
            /* One character that needs more room (a decomposed form). */
            outleft = sizeof buf;
            r = iconv(cd, &inp, &inleft, &outp, &outleft);
            used = (size_t)(inp - (page + i));
            made = (size_t)(outp - buf);
        }
        if (made && (add_anchor(map, out->len, i) || sbuf_append(out, buf, made))) {
            rc = -1;
            break;
        }
        i += used;
        if (r == (size_t)-1 && used == 0) {
            if (errno == E2BIG) {
                /* Should not happen with 16 bytes of room; do not loop. */
                errno = EILSEQ;
            }
            /* An invalid or truncated sequence: one replacement character
             * per bad byte, as the UTF-8 path does. */
            (*invalid)++;
            if (add_anchor(map, out->len, i) || sbuf_append(out, "\xEF\xBF\xBD", 3)) {
                rc = -1;
                break;
            }
            i++;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    iconv_close(cd);
    if (rc == 0 && sbuf_reserve(out, 1) == 0) out->data[out->len] = 0;
    return rc;
}

bool html_charset_is_utf8(const char *name)
{
    return !name[0] || is_utf8_name(name);
}
