/*
 * event_fields.c -- the pieces of an event line that come from outside
 * input (dates, actor codes, words of the document) and so must be checked
 * or cleaned before a renderer prints them.
 */
#include "event_private.h"
#include "core/calendar.h"

event_date event_date_parse(const char *text, size_t cap)
{
    event_date d = {false, 0, 0, 0};
    if (!text || cap < 10) return d;
    /* cal_parse_iso stops at the first byte out of shape (a NUL
     * included), so text[10] is read only after ten good bytes. */
    int32_t ymd = cal_parse_iso(text, 10);
    if (!ymd || (cap > 10 && text[10] != '\0')) return d;
    int y = ymd / 10000, m = ymd / 100 % 100, day = ymd % 100;
    d.ok = true;
    d.year = y;
    d.month = m;
    d.day = day;
    return d;
}

void tsv_write_field(FILE *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0; /* run: start of bytes copied unchanged */
    while (i < n) {
        unsigned char c = p[i];
        if (c >= 0x20 && c < 0x7f) { i++; continue; }
        if (c >= 0x80) {
            size_t adv;
            uint32_t cp = utf8_decode(p + i, n - i, &adv);
            /* C1 controls (U+0080-U+009F) break some line-based tools too */
            if (cp != UTF8_REPLACEMENT ? cp >= 0xA0 : adv == 3) { i += adv; continue; }
            fwrite(p + run, 1, i - run, out);
            fputs(cp == UTF8_REPLACEMENT ? "\xEF\xBF\xBD" : " ", out);
            i += adv;
            run = i;
            continue;
        }
        fwrite(p + run, 1, i - run, out);
        putc(' ', out);
        i++;
        run = i;
    }
    fwrite(p + run, 1, i - run, out);
}

/* CAMEO's role and type blocks (the agents' codes and the organisation
 * classes).  None is an ISO country code, so a first block outside this
 * list names a country or region. */
static const char *const type_blocks[] = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV",
    "HLH", "HRI", "IGO", "IMG", "INS", "JUD", "LAB", "LEG", "MED", "MIL",
    "MNC", "MOD", "NGM", "NGO", "OPP", "PTY", "RAD", "REB", "REF", "SEP",
    "SPY", "UAF", "UIS",
};

static bool is_type_block(const char *b)
{
    size_t lo = 0, hi = sizeof type_blocks / sizeof *type_blocks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = memcmp(type_blocks[mid], b, 3);
        if (cmp == 0) return true;
        if (cmp < 0) lo = mid + 1;
        else hi = mid;
    }
    return false;
}

/* Organisation classes whose code goes on to name the organisation. */
static bool names_an_organisation(const char *b)
{
    return memcmp(b, "IGO", 3) == 0 || memcmp(b, "NGO", 3) == 0 || memcmp(b, "NGM", 3) == 0 ||
           memcmp(b, "IMG", 3) == 0 || memcmp(b, "MNC", 3) == 0;
}

static bool is_block(const char *b)
{
    return ch_is_upper(b[0]) && ch_is_upper(b[1]) && ch_is_upper(b[2]);
}

void actor_split(const char *code, size_t len, actor_parts *out)
{
    memset(out, 0, sizeof *out);
    size_t ntypes = 0;
    bool organisation = false;
    for (size_t at = 0; at + 3 <= len; at += 3) {
        const char *b = code + at;
        if (!is_block(b)) return; /* not a CAMEO code: leave the rest empty */
        if (is_type_block(b)) {
            if (names_an_organisation(b)) organisation = true;
            if (ntypes < 3) memcpy(out->type[ntypes++], b, 3);
        } else if (at == 0) {
            memcpy(out->country, b, 3);
        } else if (organisation) {
            memcpy(out->group, b, 3); /* the last one wins: IGO WST NAT */
        }
    }
}
