/*
 * store_render.c -- stored events as `dyad query` writes them: JSON Lines
 * with `dyad code`'s fields (plus what the store adds), or CSV/TSV with
 * one header row that R's read.csv and pandas' read_csv take as is.
 *
 * Stored strings came from outside (texts, urls, codes of imported files),
 * so every one goes through an escaper: JSON strings, RFC 4180 quoting,
 * or TSV fields with tabs and line breaks turned into spaces.
 */
#include "store_private.h"
#include "../event/plover.h"
#include <string.h>

static const char *const columns[] = {
    "id", "doc", "sentence", "date", "date_precision", "source", "target", "code", "root", "quad",
    "goldstein", "plover", "source_text", "target_text", "verb_text", "speaker", "place_name",
    "place_country", "place_country2", "place_region", "lat", "lon", "negated", "in_quote", "reported",
    "compound", "future", "target_from_context", "copy", "first_of_day", "url", "outlet", "origin", "ref",
    "source_cow", "source_gw", "target_cow", "target_gw",
};
#define NCOLUMNS (sizeof columns / sizeof *columns)

static const char *precision_name(int p)
{
    return dyad_precision_name((dyad_precision)p);
}

static void tsv_field(FILE *out, const char *v);

/* ---- JSON ------------------------------------------------------------ */

static void json_str(FILE *out, const char *key, const char *v)
{
    fprintf(out, ",\"%s\":", key);
    if (v && *v) json_write_string(out, v, strlen(v));
    else fputs("null", out);
}

static void json_offsets(FILE *out, const char *key, const uint32_t *sp, bool comma)
{
    fprintf(out, "%s\"%s\":", comma ? "," : "", key);
    if (sp[1] > sp[0]) fprintf(out, "[%u,%u]", sp[0], sp[1]);
    else fputs("null", out);
}

void store_render_json_open(FILE *out, const store_event *e)
{
    fprintf(out, "{\"id\":\"%016llx\",\"doc\":", (unsigned long long)e->id);
    if (e->doc_key) json_write_string(out, e->doc_key, strlen(e->doc_key));
    else fputs("null", out);
    fprintf(out, ",\"sentence\":%lld,\"date\":", (long long)e->sentence);
    if (e->date) fprintf(out, "\"%04d-%02d-%02d\"", e->date / 10000, e->date / 100 % 100, e->date % 100);
    else fputs("null", out);
    fprintf(out, ",\"date_precision\":\"%s\"", precision_name(e->date ? e->precision : 0));
    json_str(out, "date_text", e->date_text);
    json_str(out, "source", e->source);
    json_str(out, "target", e->target);
    json_str(out, "code", e->code);
    if (e->root) fprintf(out, ",\"root\":\"%02d\"", e->root);
    else fputs(",\"root\":null", out);
    if (e->quad) fprintf(out, ",\"quad\":%d", e->quad);
    else fputs(",\"quad\":null", out);
    if (e->has_goldstein) fprintf(out, ",\"goldstein\":%.1f", e->goldstein);
    else fputs(",\"goldstein\":null", out);
    json_str(out, "plover", e->plover);
    json_str(out, "source_text", e->source_text);
    json_str(out, "target_text", e->target_text);
    json_str(out, "verb_text", e->verb_text);
    fputs(",\"offsets\":{", out);
    json_offsets(out, "source", e->spans, false);
    json_offsets(out, "target", e->spans + 2, true);
    json_offsets(out, "verb", e->spans + 4, true);
    putc('}', out);
    if ((e->speaker && *e->speaker) || e->spans[9] > e->spans[8]) {
        json_str(out, "speaker", e->speaker);
        json_str(out, "speaker_text", e->speaker_text);
    }
    if (e->place_name) {
        static const char *const kinds[] = {"none", "country", "region", "city"};
        fputs(",\"place\":{\"name\":", out);
        json_write_string(out, e->place_name, strlen(e->place_name));
        json_str(out, "country", e->place_country);
        json_str(out, "country2", e->place_country2);
        json_str(out, "region", e->place_region);
        fprintf(out, ",\"kind\":\"%s\",\"lat\":%.5f,\"lon\":%.5f",
                kinds[e->place_kind >= 0 && e->place_kind < 4 ? e->place_kind : 0], e->lat, e->lon);
        json_str(out, "text", e->place_text);
        json_offsets(out, "offsets", e->spans + 6, true);
        putc('}', out);
    } else {
        fputs(",\"place\":null", out);
    }
    if (e->flags & DYAD_EVENT_NEGATED) fputs(",\"negated\":true", out);
    if (e->flags & DYAD_EVENT_IN_QUOTE) fputs(",\"in_quote\":true", out);
    if (e->flags & DYAD_EVENT_REPORTED) fputs(",\"reported\":true", out);
    if (e->flags & DYAD_EVENT_COMPOUND) fputs(",\"compound\":true", out);
    if (e->flags & DYAD_EVENT_FUTURE) fputs(",\"future\":true", out);
    if (e->flags & DYAD_EVENT_CONTEXT_TARGET) fputs(",\"target_from_context\":true", out);
    fprintf(out, ",\"copy\":%s,\"first_of_day\":%s", e->copy ? "true" : "false",
            e->first_of_day ? "true" : "false");
    json_str(out, "url", e->url);
    json_str(out, "outlet", e->outlet);
    json_str(out, "origin", e->origin);
    if (e->ref) json_str(out, "ref", e->ref);
}

static void render_json(FILE *out, const store_event *e)
{
    store_render_json_open(out, e);
    fputs("}\n", out);
}

/* ---- CSV and TSV ----------------------------------------------------- */

static void csv_field(FILE *out, const char *v)
{
    if (!v) return;
    if (!strpbrk(v, ",\"\r\n")) { fputs(v, out); return; }
    putc('"', out);
    for (const char *p = v; *p; p++) {
        if (*p == '"') putc('"', out);
        putc(*p, out);
    }
    putc('"', out);
}

static void tsv_field(FILE *out, const char *v)
{
    if (!v) return;
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        putc(*p < 0x20 || *p == 0x7f ? ' ' : *p, out);
}

/* ---- Phoenix and GDELT ------------------------------------------------ */

/* The CAMEO blocks of an actor code: entity (country or region), role,
 * attribute, three letters each. */
static void block(char *out, const char *code, size_t at)
{
    size_t n = code ? strlen(code) : 0;
    out[0] = 0;
    if (n > at) snprintf(out, 4, "%.3s", code + at);
}

/* Phoenix's quad numbering: 0 for statements and appeals (roots 01, 02),
 * 3 for reducing relations (16), otherwise GDELT's. */
static int phoenix_quad(const store_event *e)
{
    if (!e->root) return -1;
    if (e->root <= 2) return 0;
    if (e->root == 16) return 3;
    return e->quad;
}

static void render_phoenix(FILE *out, const store_event *e)
{
    char sb[3][4], tb[3][4];
    for (int i = 0; i < 3; i++) {
        block(sb[i], e->source, (size_t)i * 3);
        block(tb[i], e->target, (size_t)i * 3);
    }
    fprintf(out, "%016llx\t", (unsigned long long)e->id);
    if (e->date) fprintf(out, "%08d\t%d\t%d\t%d\t", e->date, e->date / 10000, e->date / 100 % 100, e->date % 100);
    else fputs("\t\t\t\t", out);
    tsv_field(out, e->source);
    fprintf(out, "\t%s\t%s\t%s\t", sb[0], sb[1], sb[2]);
    tsv_field(out, e->target);
    fprintf(out, "\t%s\t%s\t%s\t", tb[0], tb[1], tb[2]);
    tsv_field(out, e->code);
    putc('\t', out);
    if (e->root) fprintf(out, "%02d", e->root);
    putc('\t', out);
    int q = phoenix_quad(e);
    if (q >= 0) fprintf(out, "%d", q);
    putc('\t', out);
    if (e->has_goldstein) fprintf(out, "%.1f", e->goldstein);
    fputs("\t\t", out); /* Issues: none coded */
    if (e->place_name) fprintf(out, "%.5f\t%.5f\t", e->lat, e->lon);
    else fputs("\t\t", out);
    tsv_field(out, e->place_name);
    putc('\t', out);
    tsv_field(out, e->place_region);
    putc('\t', out);
    tsv_field(out, e->place_country);
    putc('\t', out);
    tsv_field(out, e->doc_key);
    fprintf(out, "_%lld\t", (long long)e->sentence + 1);
    tsv_field(out, e->url);
    putc('\t', out);
    tsv_field(out, e->outlet);
    putc('\n', out);
}

/* Actor<N>Code, Name, CountryCode, KnownGroupCode, EthnicCode,
 * Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code. */
static void gdelt_actor(FILE *out, const char *code, const char *name)
{
    char b[3][4];
    for (int i = 0; i < 3; i++) block(b[i], code, (size_t)i * 3);
    bool igo = code && strncmp(code, "IGO", 3) == 0;
    tsv_field(out, code);
    putc('\t', out);
    tsv_field(out, code && *code ? name : NULL);
    /* an organisation's block is its known group; its type is IGO */
    fprintf(out, "\t%s\t%s\t\t\t\t%s\t%s\t\t", igo ? "" : b[0], igo ? b[2] : "", igo ? "IGO" : b[1],
            igo ? b[1] : b[2]);
}

static void render_gdelt(FILE *out, const store_event *e)
{
    fprintf(out, "%lld\t", (long long)e->id);
    if (e->date) {
        int y = e->date / 10000, m = e->date / 100 % 100, d = e->date % 100;
        fprintf(out, "%08d\t%04d%02d\t%04d\t%.4f\t", e->date, y, m, y, y + (m * 30 + d) / 365.0);
    } else {
        fputs("\t\t\t\t", out);
    }
    gdelt_actor(out, e->source, e->source_text);
    gdelt_actor(out, e->target, e->target_text);
    fputs(e->sentence == 0 ? "1\t" : "0\t", out);
    tsv_field(out, e->code);
    putc('\t', out);
    if (e->code) fprintf(out, "%.3s", e->code);
    putc('\t', out);
    if (e->root) fprintf(out, "%02d", e->root);
    putc('\t', out);
    if (e->quad) fprintf(out, "%d", e->quad);
    putc('\t', out);
    if (e->has_goldstein) fprintf(out, "%.1f", e->goldstein);
    fputs("\t1\t1\t1\t\t", out);
    for (int i = 0; i < 16; i++) putc('\t', out);
    if (e->place_name) {
        int type = e->place_kind == DYAD_PLACE_COUNTRY ? 1 : e->place_kind == DYAD_PLACE_REGION ? 5 : 4;
        fprintf(out, "%d\t", type);
        tsv_field(out, e->place_name);
        if (e->place_kind != DYAD_PLACE_COUNTRY && e->place_region && *e->place_region) {
            fputs(", ", out);
            tsv_field(out, e->place_region);
        }
        /* CountryCode and ADM1Code: GDELT's FIPS 10-4, not ISO */
        const dyad_country_codes *c = dyad_country_lookup(e->place_country);
        fprintf(out, "\t%s\t%s", c ? c->fips : "", c ? c->fips : "");
        fprintf(out, "\t\t%.4f\t%.4f\t\t", e->lat, e->lon);
    } else {
        for (int i = 0; i < 8; i++) putc('\t', out);
    }
    if (e->date) fprintf(out, "%08d000000", e->date);
    putc('\t', out);
    tsv_field(out, e->url && *e->url ? e->url : e->doc_key);
    putc('\n', out);
}

/* ---- PLOVER ----------------------------------------------------------- */

static plover_str pstr(const char *v)
{
    return (plover_str){v, v ? strlen(v) : 0};
}

/* src/event/render_plover.c writes it, for dyad code as well */
static void render_plover(FILE *out, const store_event *e)
{
    plover_record r = {
        .id = e->id,
        .date = e->date,
        .source = pstr(e->source),
        .target = pstr(e->target),
        .source_text = pstr(e->source_text),
        .target_text = pstr(e->target_text),
        .verb_text = pstr(e->verb_text),
        .code = e->code,
        .type = e->plover,
        .has_goldstein = e->has_goldstein,
        .goldstein = e->goldstein,
        .flags = e->flags,
        .place_name = e->place_name,
        .place_country = e->place_country,
        .place_country2 = e->place_country2,
        .lat = e->lat,
        .lon = e->lon,
        .sentence = (long long)e->sentence,
        .citation = pstr(e->doc_key),
        .url = pstr(e->url),
        .publication = pstr(e->outlet),
    };
    plover_write(out, &r);
}

void store_render_header(FILE *out, dyad_row_format format)
{
    if (format != DYAD_ROWS_CSV && format != DYAD_ROWS_TSV) return;
    char sep = format == DYAD_ROWS_CSV ? ',' : '\t';
    for (size_t i = 0; i < NCOLUMNS; i++) {
        if (i) putc(sep, out);
        fputs(columns[i], out);
    }
    putc('\n', out);
}

void store_render_row(FILE *out, dyad_row_format format, const store_event *e)
{
    if (format == DYAD_ROWS_JSONL) { render_json(out, e); return; }
    if (format == DYAD_ROWS_PHOENIX) { render_phoenix(out, e); return; }
    if (format == DYAD_ROWS_GDELT) { render_gdelt(out, e); return; }
    if (format == DYAD_ROWS_PLOVER) { render_plover(out, e); return; }
    void (*field)(FILE *, const char *) = format == DYAD_ROWS_CSV ? csv_field : tsv_field;
    char sep = format == DYAD_ROWS_CSV ? ',' : '\t';
    const char *v[NCOLUMNS];
    char idbuf[20], sentence[24], date[16], root[4], quad[4], gold[16], lat[24], lon[24];
    snprintf(idbuf, sizeof idbuf, "%016llx", (unsigned long long)e->id);
    snprintf(sentence, sizeof sentence, "%lld", (long long)e->sentence);
    date[0] = root[0] = quad[0] = gold[0] = lat[0] = lon[0] = 0;
    if (e->date) snprintf(date, sizeof date, "%04d-%02d-%02d", e->date / 10000, e->date / 100 % 100, e->date % 100);
    if (e->root) snprintf(root, sizeof root, "%02d", e->root);
    if (e->quad) snprintf(quad, sizeof quad, "%d", e->quad);
    if (e->has_goldstein) snprintf(gold, sizeof gold, "%.1f", e->goldstein);
    if (e->place_name) {
        snprintf(lat, sizeof lat, "%.5f", e->lat);
        snprintf(lon, sizeof lon, "%.5f", e->lon);
    }
    size_t k = 0;
    v[k++] = idbuf;
    v[k++] = e->doc_key;
    v[k++] = sentence;
    v[k++] = date;
    v[k++] = e->date ? precision_name(e->precision) : "none";
    v[k++] = e->source;
    v[k++] = e->target;
    v[k++] = e->code;
    v[k++] = root;
    v[k++] = quad;
    v[k++] = gold;
    v[k++] = e->plover;
    v[k++] = e->source_text;
    v[k++] = e->target_text;
    v[k++] = e->verb_text;
    v[k++] = e->speaker;
    v[k++] = e->place_name;
    v[k++] = e->place_country;
    v[k++] = e->place_country2;
    v[k++] = e->place_region;
    v[k++] = lat;
    v[k++] = lon;
    static const uint32_t flag_bits[] = {DYAD_EVENT_NEGATED, DYAD_EVENT_IN_QUOTE, DYAD_EVENT_REPORTED,
                                         DYAD_EVENT_COMPOUND, DYAD_EVENT_FUTURE, DYAD_EVENT_CONTEXT_TARGET};
    for (size_t f = 0; f < 6; f++) v[k++] = (e->flags & flag_bits[f]) ? "1" : "0";
    v[k++] = e->copy ? "1" : "0";
    v[k++] = e->first_of_day ? "1" : "0";
    v[k++] = e->url;
    v[k++] = e->outlet;
    v[k++] = e->origin;
    v[k++] = e->ref;
    /* state numbers of the actors' country blocks, for joins with conflict
     * data; appended so that the columns before keep their positions */
    char nums[4][8];
    const char *actors[2] = {e->source, e->target};
    for (size_t a = 0; a < 2; a++) {
        const dyad_country_codes *c = dyad_country_lookup(actors[a]);
        nums[a * 2][0] = nums[a * 2 + 1][0] = 0;
        if (c && c->cow) snprintf(nums[a * 2], sizeof nums[0], "%d", c->cow);
        if (c && c->gw) snprintf(nums[a * 2 + 1], sizeof nums[0], "%d", c->gw);
        v[k++] = nums[a * 2];
        v[k++] = nums[a * 2 + 1];
    }
    for (size_t i = 0; i < k; i++) {
        if (i) putc(sep, out);
        field(out, v[i]);
    }
    putc('\n', out);
}
