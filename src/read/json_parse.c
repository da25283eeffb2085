/*
 * json_parse.c -- strict JSON parsing of one line (see json_parse.h).
 */
#include "json_parse.h"

static bool fail(jsonp *j, const char *at, const char *why)
{
    if (!j->error) {
        j->error = why;
        j->p = at;
    }
    return false;
}

void jsonp_init(jsonp *j, const char *s, size_t n)
{
    j->start = j->p = s;
    j->end = s + n;
    j->error = NULL;
}

void jsonp_skip_space(jsonp *j)
{
    while (j->p < j->end &&
           (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

size_t jsonp_column(const jsonp *j)
{
    return (size_t)(j->p - j->start) + 1;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Four hex digits at p; false if there are not. */
static bool hex4(const char *p, const char *end, uint32_t *out)
{
    if (end - p < 4) return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_value(p[i]);
        if (h < 0) return false;
        v = v << 4 | (uint32_t)h;
    }
    *out = v;
    return true;
}

static bool put_code_point(jsonp *j, sbuf *out, const char *at, uint32_t c)
{
    if (!out) return true;
    char buf[4];
    size_t n = utf8_encode(c, buf);
    return sbuf_append(out, buf, n) == 0 || fail(j, at, "out of memory");
}

bool jsonp_string(jsonp *j, sbuf *out)
{
    const char *p = j->p + 1, *end = j->end;
    for (;;) {
        const char *run = p;
        while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20) p++;
        if (out && p > run && sbuf_append(out, run, (size_t)(p - run)))
            return fail(j, run, "out of memory");
        if (p >= end) return fail(j, p, "unterminated string");
        if (*p == '"') {
            j->p = p + 1;
            return true;
        }
        if (*p != '\\') return fail(j, p, "control character in string");
        const char *esc = p;
        if (++p >= end) return fail(j, esc, "unterminated string");
        char simple = 0;
        switch (*p++) {
        case '"': simple = '"'; break;
        case '\\': simple = '\\'; break;
        case '/': simple = '/'; break;
        case 'b': simple = '\b'; break;
        case 'f': simple = '\f'; break;
        case 'n': simple = '\n'; break;
        case 'r': simple = '\r'; break;
        case 't': simple = '\t'; break;
        case 'u': {
            uint32_t c, low;
            if (!hex4(p, end, &c)) return fail(j, esc, "invalid \\u escape");
            p += 4;
            if (c >= 0xD800 && c <= 0xDBFF) {
                /* A high surrogate counts only with its low half; alone it
                 * cannot be encoded in UTF-8. */
                if (end - p >= 6 && p[0] == '\\' && p[1] == 'u' &&
                    hex4(p + 2, end, &low) && low >= 0xDC00 && low <= 0xDFFF) {
                    c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                } else {
                    c = UTF8_REPLACEMENT;
                }
            } else if (c >= 0xDC00 && c <= 0xDFFF) {
                c = UTF8_REPLACEMENT;
            }
            if (!put_code_point(j, out, esc, c)) return false;
            continue;
        }
        default: return fail(j, esc, "invalid escape in string");
        }
        if (out && sbuf_putc(out, simple)) return fail(j, esc, "out of memory");
    }
}

bool jsonp_number(jsonp *j, const char **text, size_t *len)
{
    const char *p = j->p, *end = j->end, *start = p;
    if (p < end && *p == '-') p++;
    if (p < end && *p == '0') {
        p++;
    } else if (p < end && *p >= '1' && *p <= '9') {
        while (p < end && ch_is_digit((unsigned char)*p)) p++;
    } else {
        return fail(j, start, "invalid number");
    }
    if (p < end && *p == '.') {
        p++;
        if (p >= end || !ch_is_digit((unsigned char)*p))
            return fail(j, p, "invalid number: no digit after '.'");
        while (p < end && ch_is_digit((unsigned char)*p)) p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-')) p++;
        if (p >= end || !ch_is_digit((unsigned char)*p))
            return fail(j, p, "invalid number: no digit in exponent");
        while (p < end && ch_is_digit((unsigned char)*p)) p++;
    }
    *text = start;
    *len = (size_t)(p - start);
    j->p = p;
    return true;
}

bool jsonp_literal(jsonp *j, const char **word)
{
    static const char *const words[] = {"true", "false", "null"};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(j->end - j->p) >= n && memcmp(j->p, words[i], n) == 0) {
            j->p += n;
            *word = words[i];
            return true;
        }
    }
    return fail(j, j->p, "unexpected character");
}

/* After '{' or ',' in an object: a key and its ':'. */
static bool object_key(jsonp *j)
{
    jsonp_skip_space(j);
    if (jsonp_peek(j) != '"') return fail(j, j->p, "expected a string key");
    if (!jsonp_string(j, NULL)) return false;
    jsonp_skip_space(j);
    if (jsonp_peek(j) != ':') return fail(j, j->p, "expected ':' after a key");
    j->p++;
    return true;
}

bool jsonp_skip_value(jsonp *j)
{
    /* closers[d] is '}' or ']': what closes the container at depth d. */
    char closers[JSONP_MAX_DEPTH];
    size_t depth = 0;
    for (;;) {
        /* A value is expected here. */
        jsonp_skip_space(j);
        int c = jsonp_peek(j);
        const char *text;
        size_t len;
        if (c == '{' || c == '[') {
            if (depth == JSONP_MAX_DEPTH)
                return fail(j, j->p, "nesting deeper than 512 levels");
            closers[depth++] = c == '{' ? '}' : ']';
            j->p++;
            jsonp_skip_space(j);
            if (jsonp_peek(j) == closers[depth - 1]) {
                j->p++;
                depth--;
            } else {
                if (c == '{' && !object_key(j)) return false;
                continue;
            }
        } else if (c == '"') {
            if (!jsonp_string(j, NULL)) return false;
        } else if (c == '-' || ch_is_digit(c)) {
            if (!jsonp_number(j, &text, &len)) return false;
        } else if (c < 0) {
            return fail(j, j->p, "unexpected end of line: a value is missing");
        } else {
            if (!jsonp_literal(j, &text)) return false;
        }
        /* A value is complete: close containers or move to the next item. */
        for (;;) {
            if (depth == 0) return true;
            jsonp_skip_space(j);
            c = jsonp_peek(j);
            if (c == ',') {
                j->p++;
                if (closers[depth - 1] == '}' && !object_key(j)) return false;
                break;
            }
            if (c == closers[depth - 1]) {
                j->p++;
                depth--;
                continue;
            }
            if (c < 0) return fail(j, j->p, "unexpected end of line: unclosed array or object");
            return fail(j, j->p, closers[depth - 1] == '}'
                                     ? "expected ',' or '}'"
                                     : "expected ',' or ']'");
        }
    }
}
