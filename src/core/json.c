/* json.c -- JSON string output that stays valid whatever the input bytes. */
#include "../internal.h"

void json_write_string(FILE *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    putc('"', out);
    size_t i = 0, run = 0; /* run: start of bytes that need no escaping */
    while (i < n) {
        unsigned char c = p[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') { i++; continue; }
        if (c >= 0x80) {
            size_t adv;
            uint32_t cp = utf8_decode(p + i, n - i, &adv);
            if (cp != UTF8_REPLACEMENT || adv == 3) { i += adv; continue; }
            fwrite(p + run, 1, i - run, out);
            fputs("\xEF\xBF\xBD", out);
            i += adv;
            run = i;
            continue;
        }
        fwrite(p + run, 1, i - run, out);
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default: fprintf(out, "\\u%04x", c); break;
        }
        i++;
        run = i;
    }
    fwrite(p + run, 1, i - run, out);
    putc('"', out);
}

void dyad_json_string(FILE *out, const char *s, size_t n) { json_write_string(out, s, n); }
