/* utf8.c -- strict UTF-8 decoding that always advances (see internal.h). */
#include "../internal.h"

uint32_t utf8_decode(const unsigned char *s, size_t n, size_t *adv)
{
    *adv = 1;
    if (n == 0) { *adv = 0; return UTF8_REPLACEMENT; }
    uint32_t c = s[0];
    if (c < 0x80) return c;
    size_t len;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; c &= 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; c &= 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; c &= 0x07; min = 0x10000; }
    else return UTF8_REPLACEMENT;
    if (n < len) return UTF8_REPLACEMENT;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return UTF8_REPLACEMENT;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return UTF8_REPLACEMENT;
    *adv = len;
    return c;
}

size_t utf8_encode(uint32_t c, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (c < 0x80) { o[0] = (unsigned char)c; return 1; }
    if (c < 0x800) { o[0] = (unsigned char)(0xC0 | (c >> 6)); o[1] = (unsigned char)(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (c >> 12));
        o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (c >> 18));
    o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

bool utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* Eight ASCII bytes at a time: most of a web page is markup. */
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (!(w & 0x8080808080808080u)) {
                i += 8;
                continue;
            }
        }
        if (p[i] < 0x80) { i++; continue; }
        size_t adv;
        if (utf8_decode(p + i, n - i, &adv) == UTF8_REPLACEMENT &&
            !(adv == 3 && p[i] == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBD))
            return false;
        i += adv;
    }
    return true;
}
