/*
 * render_plover.c -- PLOVER JSON records (the PLOVER manual's "JSON Data
 * Fields" chapter): required id, date, source and event; the rest
 * optional.  Type, mode and context come from the CAMEO code through
 * CAMEO2PLOVER-2021 (data/cameo/cameo_events.tsv); the coder's negation
 * and future flags are the contexts of those names the manual asks the
 * coding engine to resolve.  docs/formats.md lists the fields.
 */
#include "plover.h"
#include "dyad.h"

#include <string.h>

/* PLOVER's quad categories (the manual's table; REQUEST is the 2021
 * conversion table's name for DEMAND): 1 verbal and 2 material
 * cooperation, 3 verbal and 4 material conflict.  They differ from
 * GDELT's, which follow the CAMEO root: SANCTION (16) is verbal conflict
 * here, and so is ACCUSE of root 09. */
static int plover_quad(const char *type)
{
    static const struct { const char *type; int quad; } q[] = {
        {"AGREE", 1},    {"CONSULT", 1}, {"SUPPORT", 1},  {"CONCEDE", 1},     {"COOPERATE", 2},
        {"AID", 2},      {"RETREAT", 2}, {"INVESTIGATE", 2}, {"DEMAND", 3},   {"REQUEST", 3},
        {"ACCUSE", 3},   {"REJECT", 3},  {"SANCTION", 3}, {"THREATEN", 3},    {"PROTEST", 4},
        {"MOBILIZE", 4}, {"COERCE", 4},  {"ASSAULT", 4},  {"FIGHT", 4},
    };
    for (size_t i = 0; i < sizeof q / sizeof *q; i++)
        if (strcmp(type, q[i].type) == 0) return q[i].quad;
    return 0;
}

static void key_str(FILE *out, const char *key, plover_str v)
{
    fprintf(out, ",\"%s\":", key);
    json_write_string(out, v.s, v.n);
}

/* An actor object: PLOVER's "code" is the top-level block (a country or
 * IGO), "sector" the role blocks after it (at most two). */
static void actor(FILE *out, const char *key, plover_str code, plover_str text)
{
    fprintf(out, ",\"%s\":[{\"code\":", key);
    json_write_string(out, code.s, code.n < 3 ? code.n : 3);
    if (code.n > 3) key_str(out, "sector", (plover_str){code.s + 3, code.n - 3 > 6 ? 6 : code.n - 3});
    if (text.n) key_str(out, "actor_text", text);
    fputs("}]", out);
}

/* A list of the comma-separated words of list, then extra (NULL-ended);
 * nothing when both are empty. */
static void list(FILE *out, const char *key, const char *words, const char *const *extra)
{
    bool any = false;
    for (const char *p = words; p && *p;) {
        size_t n = strcspn(p, ",");
        fprintf(out, any ? "," : ",\"%s\":[", key);
        json_write_string(out, p, n);
        any = true;
        p += n + (p[n] == ',');
    }
    for (; *extra; extra++) {
        fprintf(out, any ? "," : ",\"%s\":[", key);
        json_write_string(out, *extra, strlen(*extra));
        any = true;
    }
    if (any) putc(']', out);
}

bool plover_write(FILE *out, const plover_record *r)
{
    const dyad_cameo_info *info = r->code ? dyad_cameo_lookup(r->code) : NULL;
    const char *type = info ? info->plover : r->type;
    if (!type || !*type || !r->source.n) return false; /* PLOVER drops CAMEO 01 and 02 */
    fprintf(out, "{\"id\":\"%016llx\",\"date\":", (unsigned long long)r->id);
    if (r->date) fprintf(out, "\"%04d-%02d-%02d\"", r->date / 10000, r->date / 100 % 100, r->date % 100);
    else fputs("null", out);
    actor(out, "source", r->source, r->source_text);
    if (r->target.n) actor(out, "recipient", r->target, r->target_text);
    fputs(",\"event\":[", out);
    json_write_string(out, type, strlen(type));
    putc(']', out);
    static const char *const none[] = {NULL};
    list(out, "mode", info ? info->plover_mode : NULL, none);
    const char *flags[3];
    size_t nf = 0;
    if (r->flags & DYAD_EVENT_FUTURE) flags[nf++] = "future";
    if (r->flags & DYAD_EVENT_NEGATED) flags[nf++] = "negation";
    flags[nf] = NULL;
    list(out, "context", info ? info->plover_context : NULL, flags);
    int quad = plover_quad(type);
    if (quad) fprintf(out, ",\"quad_code\":%d", quad);
    if (r->has_goldstein) fprintf(out, ",\"event_scale\":%.1f", r->goldstein);
    if (r->verb_text.n) {
        fputs(",\"event_text\":[", out);
        json_write_string(out, r->verb_text.s, r->verb_text.n);
        putc(']', out);
    }
    if (r->place_name) {
        /* PLOVER's location object takes GeoNames' field names */
        fputs(",\"event_loc\":{\"name\":", out);
        json_write_string(out, r->place_name, strlen(r->place_name));
        fprintf(out, ",\"latitude\":%.5f,\"longitude\":%.5f", r->lat, r->lon);
        const char *cc[2] = {r->place_country2, r->place_country};
        const char *ck[2] = {"country code", "cc3"};
        for (int i = 0; i < 2; i++)
            if (cc[i] && *cc[i]) key_str(out, ck[i], (plover_str){cc[i], strlen(cc[i])});
        putc('}', out);
    }
    fprintf(out, ",\"text_info\":{\"sequence\":%lld}", r->sentence);
    fputs(",\"cite_info\":{\"citation\":", out);
    json_write_string(out, r->citation.s ? r->citation.s : "", r->citation.n);
    if (r->url.n) key_str(out, "url", r->url);
    if (r->publication.n) key_str(out, "publication", r->publication);
    fputs(",\"coder\":\"dyad\",\"codebook\":\"CAMEO2PLOVER-2021\"}", out);
    /* the CAMEO code it was translated from: a named field beyond the
     * standard ones, as the manual allows */
    if (r->code && *r->code) key_str(out, "cameo", (plover_str){r->code, strlen(r->code)});
    fputs("}\n", out);
    return true;
}
