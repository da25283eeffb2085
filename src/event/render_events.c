/*
 * render_events.c -- `dyad code --output`: the events of one document as
 * JSON Lines (dyad's own layout) or in the event-file layouts of PETRARCH2,
 * TABARI and GDELT 2.0, one event a line.  docs/formats.md describes every
 * field.
 *
 * Everything printed that came from outside -- document ids, urls, actor
 * codes, the words of the text -- goes through json_write_string or
 * tsv_write_field, so no input can break a line, a column or the JSON.
 * Events are checked too: a span outside the text is printed as absent,
 * never read.
 */
#include "event_private.h"
#include "plover.h"

static const char *const format_names[] = {"jsonl", "tsv", "tabari", "gdelt", "plover"};

const char *dyad_event_format_name(dyad_event_format format)
{
    return (unsigned)format < sizeof format_names / sizeof *format_names ? format_names[format] : "?";
}

int dyad_event_format_from_name(const char *name)
{
    if (!name) return -1;
    for (size_t f = 0; f < sizeof format_names / sizeof *format_names; f++)
        if (strcmp(name, format_names[f]) == 0) return (int)f;
    return -1;
}

/* ---- what every format needs to know about one event ------------------ */

typedef struct event_view {
    const dyad_event *e;
    size_t index;                /* position among the document's events  */
    const dyad_cameo_info *info; /* NULL: not a CAMEO code in our table   */
    int root;                    /* 1..20, or 0                           */
    int quad;                    /* in the requested numbering; -1: none  */
    event_date date;             /* the event's date, else the document's */
    size_t source_len, target_len, code_len;
} event_view;

static size_t field_len(const char *s, size_t cap)
{
    size_t n = 0;
    while (n < cap && s[n]) n++;
    return n;
}

static event_view view_of(const dyad_analysis *a, const dyad_event *e, size_t index, unsigned flags)
{
    event_view v;
    v.e = e;
    v.index = index;
    v.source_len = field_len(e->source, sizeof e->source);
    v.target_len = field_len(e->target, sizeof e->target);
    v.code_len = field_len(e->code, sizeof e->code);
    v.info = v.code_len < sizeof e->code ? dyad_cameo_lookup(e->code) : NULL;
    v.root = v.code_len >= 2 ? cameo_root(e->code) : 0;
    v.quad = !v.root ? -1
             : (flags & DYAD_EVENTS_PHOENIX_QUAD) ? cameo_quad_phoenix(v.root)
                                                   : cameo_quad_gdelt(v.root);
    v.date = event_date_parse(e->date, sizeof e->date);
    if (!v.date.ok) v.date = event_date_parse(a->doc->date, sizeof a->doc->date);
    return v;
}

/* The span's bytes when it names words inside the text, else NULL. */
static const char *span_text(const dyad_analysis *a, dyad_span s, size_t *len)
{
    if (s.start >= s.end || s.end > a->doc->len || !a->doc->text) return NULL;
    *len = s.end - s.start;
    return a->doc->text + s.start;
}

static const char *doc_id(const dyad_analysis *a)
{
    return a->doc->id ? a->doc->id : "";
}

/* The id of the event's sentence as the peers write it: the record's own
 * id when the record is one sentence, else "DOC_N" with N counted from 1
 * (PETRARCH's storyid_sentence convention). */
static void write_sentence_id(FILE *out, const dyad_analysis *a, const dyad_event *e)
{
    const char *id = doc_id(a);
    tsv_write_field(out, id, strlen(id));
    if (!a->doc->is_sentence) fprintf(out, "_%lu", (unsigned long)e->sentence + 1);
}

/* ---- the stable event id ---------------------------------------------- */

static uint64_t fnv_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 0x100000001b3ull;
    return h;
}

static uint64_t fnv_u32(uint64_t h, uint32_t v)
{
    for (int i = 0; i < 4; i++) h = (h ^ ((v >> (8 * i)) & 0xff)) * 0x100000001b3ull;
    return h;
}

/* Each string is followed by a 0xff byte, which UTF-8 never holds, so
 * "ab"+"c" and "a"+"bc" hash apart.  The actor codes are in the hash as
 * well as the offsets because a compound actor gives several events from
 * the same words. */
uint64_t dyad_event_id(const char *doc, const dyad_event *e)
{
    if (!e) return 0;
    uint64_t h = 0xcbf29ce484222325ull;
    if (doc) h = fnv_bytes(h, doc, strlen(doc));
    h = fnv_bytes(h, "\xff", 1);
    h = fnv_u32(h, e->sentence);
    const dyad_span *spans[] = {&e->source_span, &e->target_span, &e->verb_span};
    for (size_t i = 0; i < 3; i++) {
        h = fnv_u32(h, spans[i]->start);
        h = fnv_u32(h, spans[i]->end);
    }
    h = fnv_bytes(h, e->code, field_len(e->code, sizeof e->code));
    h = fnv_bytes(h, "\xff", 1);
    h = fnv_bytes(h, e->source, field_len(e->source, sizeof e->source));
    h = fnv_bytes(h, "\xff", 1);
    h = fnv_bytes(h, e->target, field_len(e->target, sizeof e->target));
    return h & 0x7fffffffffffffffull; /* fits a signed 64-bit integer column */
}

/* ---- JSON Lines ------------------------------------------------------- */

/* Keys go out with fputs, not fprintf: rendering runs once per event and
 * parsing a format string for a constant is most of its cost. */
static void json_key(FILE *out, const char *key, bool comma)
{
    fputs(comma ? ",\"" : "\"", out);
    fputs(key, out);
    fputs("\":", out);
}

static void json_field(FILE *out, const char *key, const char *s, size_t n)
{
    json_key(out, key, true);
    if (s && n) json_write_string(out, s, n);
    else fputs("null", out);
}

static void json_page_span(FILE *out, const dyad_analysis *a, const char *key, dyad_span s)
{
    size_t len;
    json_key(out, key, false);
    if (span_text(a, s, &len))
        fprintf(out, "[%zu,%zu]", dyad_source_offset(a->doc, s.start),
                dyad_source_offset(a->doc, s.end - 1) + 1);
    else fputs("null", out);
}

static void json_span(FILE *out, const dyad_analysis *a, const char *key, dyad_span s)
{
    size_t len;
    json_key(out, key, false);
    if (span_text(a, s, &len)) fprintf(out, "[%u,%u]", s.start, s.end);
    else fputs("null", out);
}

/* "place": {name, country, country2, region, kind, lat, lon, text, offsets} or null. */
static void json_place(FILE *out, const dyad_analysis *a, const dyad_event *e)
{
    static const char *const kinds[] = {"none", "country", "region", "city"};
    if (!e->place_name) { fputs(",\"place\":null", out); return; }
    size_t len;
    fputs(",\"place\":{\"name\":", out);
    json_write_string(out, e->place_name, strlen(e->place_name));
    json_field(out, "country", e->place_country, e->place_country ? strlen(e->place_country) : 0);
    json_field(out, "country2", e->place_country2, e->place_country2 ? strlen(e->place_country2) : 0);
    json_field(out, "region", e->place_region, e->place_region ? strlen(e->place_region) : 0);
    fprintf(out, ",\"kind\":\"%s\",\"lat\":%.5f,\"lon\":%.5f", kinds[e->place_kind < 4 ? e->place_kind : 0],
            e->place_lat, e->place_lon);
    const char *t = span_text(a, e->place_span, &len);
    json_field(out, "text", t, t ? len : 0);
    putc(',', out);
    json_span(out, a, "offsets", e->place_span);
    putc('}', out);
}

static void json_explain(FILE *out, const dyad_event *e, sbuf *scratch)
{
    const char *cl = dyad_event_clause_name((dyad_event_clause)e->clause);
    const char *rule = dyad_event_rule_name((dyad_event_rule)e->rule);
    json_field(out, "clause", cl, strlen(cl));
    json_field(out, "rule", rule, strlen(rule));
    json_field(out, "pattern", e->pattern, e->pattern ? strlen(e->pattern) : 0);
    if (!e->pattern_file) return;
    char line[16];
    int n = snprintf(line, sizeof line, ":%u", e->pattern_line);
    sbuf_clear(scratch);
    if (sbuf_append(scratch, e->pattern_file, strlen(e->pattern_file)) != 0 ||
        sbuf_append(scratch, line, (size_t)n) != 0)
        return; /* out of memory: the location is an extra, the line stays valid */
    json_field(out, "pattern_at", scratch->data, scratch->len);
}

static void render_jsonl(FILE *out, const dyad_analysis *a, const event_view *v, unsigned flags,
                         sbuf *scratch)
{
    const dyad_event *e = v->e;
    size_t len;
    const char *id = a->doc->id;
    fprintf(out, "{\"id\":\"%016llx\",\"doc\":", (unsigned long long)dyad_event_id(id, e));
    if (id) json_write_string(out, id, strlen(id));
    else fputs("null", out);
    fprintf(out, ",\"sentence\":%lu,\"date\":", (unsigned long)e->sentence);
    if (v->date.ok) fprintf(out, "\"%04d-%02d-%02d\"", v->date.year, v->date.month, v->date.day);
    else fputs("null", out);
    /* an event made without a precision but with a date is dated to the day */
    dyad_precision precision = (dyad_precision)e->date_precision;
    if (!v->date.ok) precision = DYAD_PRECISION_NONE;
    else if (precision == DYAD_PRECISION_NONE) precision = DYAD_PRECISION_DAY;
    fputs(",\"date_precision\":\"", out);
    fputs(dyad_precision_name(precision), out);
    putc('"', out);
    const char *dt = span_text(a, e->date_span, &len);
    json_field(out, "date_text", dt, dt ? len : 0);
    json_field(out, "source", e->source, v->source_len);
    json_field(out, "target", e->target, v->target_len);
    json_field(out, "code", e->code, v->code_len);
    if (v->root) fprintf(out, ",\"root\":\"%02d\"", v->root);
    else fputs(",\"root\":null", out);
    if (v->quad >= 0) fprintf(out, ",\"quad\":%d", v->quad);
    else fputs(",\"quad\":null", out);
    if (v->info) fprintf(out, ",\"goldstein\":%.1f", v->info->goldstein);
    else fputs(",\"goldstein\":null", out);
    const char *plover = v->info ? v->info->plover : NULL;
    json_field(out, "plover", plover, plover ? strlen(plover) : 0);

    const char *s = span_text(a, e->source_span, &len);
    json_field(out, "source_text", s, s ? len : 0);
    s = span_text(a, e->target_span, &len);
    json_field(out, "target_text", s, s ? len : 0);
    s = span_text(a, e->verb_span, &len);
    json_field(out, "verb_text", s, s ? len : 0);
    fputs(",\"offsets\":{", out);
    json_span(out, a, "source", e->source_span);
    putc(',', out);
    json_span(out, a, "target", e->target_span);
    putc(',', out);
    json_span(out, a, "verb", e->verb_span);
    putc('}', out);
    if (a->doc->nanchors) {
        /* Web pages: the same words as byte ranges of the page itself. */
        fputs(",\"page_offsets\":{", out);
        json_page_span(out, a, "source", e->source_span);
        putc(',', out);
        json_page_span(out, a, "target", e->target_span);
        putc(',', out);
        json_page_span(out, a, "verb", e->verb_span);
        putc('}', out);
    }

    if (e->speaker[0] || e->speaker_span.end > e->speaker_span.start) {
        json_field(out, "speaker", e->speaker, strnlen(e->speaker, sizeof e->speaker));
        const char *st = span_text(a, e->speaker_span, &len);
        json_field(out, "speaker_text", st, st ? len : 0);
    }
    json_place(out, a, e);
    if (e->flags & DYAD_EVENT_NEGATED) fputs(",\"negated\":true", out);
    if (e->flags & DYAD_EVENT_IN_QUOTE) fputs(",\"in_quote\":true", out);
    if (e->flags & DYAD_EVENT_REPORTED) fputs(",\"reported\":true", out);
    if (e->flags & DYAD_EVENT_COMPOUND) fputs(",\"compound\":true", out);
    if (e->flags & DYAD_EVENT_FUTURE) fputs(",\"future\":true", out);
    if (e->flags & DYAD_EVENT_CONTEXT_TARGET) fputs(",\"target_from_context\":true", out);
    if (flags & DYAD_EVENTS_EXPLAIN) json_explain(out, e, scratch);
    fputs("}\n", out);
}

/* ---- tab-separated layouts -------------------------------------------- */

/* A span's words as a field, or `absent` when the event has none. */
static void tsv_span(FILE *out, const dyad_analysis *a, dyad_span s, const char *absent)
{
    size_t len;
    const char *t = span_text(a, s, &len);
    if (t) tsv_write_field(out, t, len);
    else fputs(absent, out);
}

static void tsv_string(FILE *out, const char *s)
{
    if (s) tsv_write_field(out, s, strlen(s));
}

/* PETRARCH2's event file (PETRwriter.write_events) with the reference
 * configuration's write_actor_text and write_event_text on: date, source,
 * target, code, issues, sentence ids, [url], source name, source words,
 * target words, verb words.  Like PETRARCH, the url column is present only
 * when the document has a url. */
static void render_tsv(FILE *out, const dyad_analysis *a, const event_view *v)
{
    const dyad_event *e = v->e;
    if (v->date.ok) fprintf(out, "%04d%02d%02d", v->date.year, v->date.month, v->date.day);
    putc('\t', out);
    tsv_write_field(out, e->source, v->source_len);
    putc('\t', out);
    tsv_write_field(out, e->target, v->target_len);
    putc('\t', out);
    tsv_write_field(out, e->code, v->code_len);
    fputs("\t\t", out); /* issues: dyad codes none */
    write_sentence_id(out, a, e);
    if (a->doc->url && a->doc->url[0]) {
        putc('\t', out);
        tsv_string(out, a->doc->url);
    }
    putc('\t', out);
    if (a->doc->source && a->doc->source[0]) tsv_string(out, a->doc->source);
    else fputs("NULL", out);
    putc('\t', out);
    tsv_span(out, a, e->source_span, "---");
    putc('\t', out);
    tsv_span(out, a, e->target_span, "---");
    putc('\t', out);
    tsv_span(out, a, e->verb_span, "---");
    putc('\n', out);
}

/* TABARI's event file as its CAMEO options set it up (OUTPUT: ID, labels
 * on): YYMMDD, source, target, code, (label), record id.  --explain adds
 * what TABARI's OUTPUT: ACTORS MATCH PATTERN would, before the id. */
static void render_tabari(FILE *out, const dyad_analysis *a, const event_view *v, unsigned flags)
{
    const dyad_event *e = v->e;
    if (v->date.ok) fprintf(out, "%02d%02d%02d", v->date.year % 100, v->date.month, v->date.day);
    putc('\t', out);
    tsv_write_field(out, e->source, v->source_len);
    putc('\t', out);
    tsv_write_field(out, e->target, v->target_len);
    putc('\t', out);
    tsv_write_field(out, e->code, v->code_len);
    fprintf(out, "\t(%s)\t", v->info ? v->info->name : "");
    if (flags & DYAD_EVENTS_EXPLAIN) {
        tsv_span(out, a, e->source_span, "");
        putc('\t', out);
        tsv_span(out, a, e->target_span, "");
        putc('\t', out);
        tsv_span(out, a, e->verb_span, "");
        putc('\t', out);
        tsv_string(out, e->pattern);
        putc('\t', out);
        if (e->pattern_file) {
            tsv_string(out, e->pattern_file);
            fprintf(out, ":%u", e->pattern_line);
        }
        putc('\t', out);
    }
    write_sentence_id(out, a, e);
    putc('\n', out);
}

/* ---- GDELT 2.0 event table -------------------------------------------- */

/* A stable 63-bit id from the document id, the sentence and the event's
 * position, so that re-coding the same text gives the same ids and no
 * counter has to be shared between threads.  FNV-1a. */
static uint64_t global_event_id(const char *doc, uint32_t sentence, size_t index)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (const unsigned char *p = (const unsigned char *)doc; *p; p++) h = (h ^ *p) * 0x100000001b3ull;
    h = (h ^ 0xff) * 0x100000001b3ull; /* separator: "ab"+"1" differs from "a"+"b1" */
    uint64_t tail = ((uint64_t)sentence << 32) | (uint32_t)index;
    for (int i = 0; i < 8; i++) h = (h ^ ((tail >> (8 * i)) & 0xff)) * 0x100000001b3ull;
    return h & 0x7fffffffffffffffull;
}

typedef struct lead_range {
    bool have_body;
    uint32_t start, end; /* the first body paragraph */
} lead_range;

static lead_range lead_of(const dyad_analysis *a)
{
    lead_range r = {false, 0, 0};
    for (size_t i = 0; i < a->nparts; i++)
        if (a->parts[i].kind == DYAD_PART_BODY) {
            r.have_body = true;
            r.start = a->parts[i].start;
            r.end = a->parts[i].end;
            break;
        }
    return r;
}

/* GDELT's IsRootEvent marks events of the lead paragraph; dyad counts the
 * headline too, which states the story's main event. */
static bool is_root_event(const dyad_analysis *a, const lead_range *lead, uint32_t sentence)
{
    if (sentence >= a->nsentences) return false;
    const dyad_sentence *s = &a->sentences[sentence];
    if (s->part == DYAD_PART_HEADLINE || s->part == DYAD_PART_SUBHEADLINE) return true;
    return s->part == DYAD_PART_BODY && lead->have_body && s->start >= lead->start &&
           s->end <= lead->end;
}

/* Actor<N>Code .. Actor<N>Type3Code: ten columns, each followed by a tab.
 * Known-group, ethnic and religion codes need tables dyad does not have
 * yet, except an organisation's own block. */
static void gdelt_actor(FILE *out, const dyad_analysis *a, const char *code, size_t len, dyad_span span)
{
    actor_parts p;
    actor_split(code, len, &p);
    tsv_write_field(out, code, len);
    putc('\t', out);
    if (len) tsv_span(out, a, span, "");
    fprintf(out, "\t%s\t%s\t\t\t\t%s\t%s\t%s\t", p.country, p.group, p.type[0], p.type[1], p.type[2]);
}

/* ActionGeo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long,
 * FeatureID, each followed by a tab.  GDELT's types: 1 country, 4 world
 * city, 5 world state (dyad does not single out US places: 2 and 3 are
 * not used).  CountryCode and ADM1Code hold the FIPS 10-4 country code
 * (ADM1Code without the region's part: dyad's regions have no FIPS codes). */
static void gdelt_geo(FILE *out, const dyad_event *e)
{
    if (!e->place_name) {
        for (int i = 0; i < 8; i++) putc('\t', out);
        return;
    }
    int type = e->place_kind == DYAD_PLACE_COUNTRY ? 1 : e->place_kind == DYAD_PLACE_REGION ? 5 : 4;
    fprintf(out, "%d\t", type);
    tsv_string(out, e->place_name);
    if (e->place_kind != DYAD_PLACE_COUNTRY && e->place_region) {
        fputs(", ", out);
        tsv_string(out, e->place_region);
    }
    /* CountryCode, and ADM1Code at the country level: GDELT's FIPS 10-4 */
    const dyad_country_codes *c = dyad_country_lookup(e->place_country);
    const char *fips = c ? c->fips : "";
    fprintf(out, "\t%s\t%s", fips, fips);
    fprintf(out, "\t\t%.4f\t%.4f\t\t", e->place_lat, e->place_lon);
}

static void render_gdelt(FILE *out, const dyad_analysis *a, const event_view *v, const lead_range *lead)
{
    const dyad_event *e = v->e;
    const event_date *d = &v->date;
    fprintf(out, "%llu\t", (unsigned long long)global_event_id(doc_id(a), e->sentence, v->index));
    if (d->ok) /* FractionDate as GDELT defines it: (month * 30 + day) / 365 */
        fprintf(out, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", d->year, d->month, d->day, d->year,
                d->month, d->year, d->year + (d->month * 30 + d->day) / 365.0);
    else
        fputs("\t\t\t\t", out);
    gdelt_actor(out, a, e->source, v->source_len, e->source_span);
    gdelt_actor(out, a, e->target, v->target_len, e->target_span);

    fprintf(out, "%d\t", is_root_event(a, lead, e->sentence) ? 1 : 0);
    tsv_write_field(out, e->code, v->code_len);
    putc('\t', out);
    /* base code: the three-digit level; a root or three-digit code is its own */
    tsv_write_field(out, e->code, v->code_len > 3 ? 3 : v->code_len);
    putc('\t', out);
    if (v->root) fprintf(out, "%02d", v->root);
    putc('\t', out);
    if (v->quad >= 0) fprintf(out, "%d", v->quad);
    putc('\t', out);
    if (v->info) fprintf(out, "%.1f", v->info->goldstein);
    /* NumMentions, NumSources, NumArticles: this one sentence; AvgTone:
     * not measured; then 3 x 8 geography columns, not resolved yet */
    fputs("\t1\t1\t1\t\t", out);
    /* Actor1Geo and Actor2Geo (8 columns each): dyad places events, not
     * actors; ActionGeo: the event's place */
    for (int i = 0; i < 16; i++) putc('\t', out);
    gdelt_geo(out, e);
    /* DATEADDED from the document's date (not the event's, which may lie
     * weeks earlier, nor the clock, so output is reproducible) */
    const char *added = a->doc->date;
    if (strlen(added) == 10 && added[4] == '-' && added[7] == '-')
        fprintf(out, "%.4s%.2s%.2s000000", added, added + 5, added + 8);
    else if (d->ok)
        fprintf(out, "%04d%02d%02d000000", d->year, d->month, d->day);
    putc('\t', out);
    if (a->doc->url && a->doc->url[0]) tsv_string(out, a->doc->url);
    else tsv_string(out, a->doc->id);
    putc('\n', out);
}

/* ---- PLOVER ------------------------------------------------------------ */

static plover_str span_str(const dyad_analysis *a, dyad_span sp)
{
    size_t len = 0;
    const char *t = span_text(a, sp, &len);
    return (plover_str){t, t ? len : 0};
}

static plover_str cstr(const char *v)
{
    return (plover_str){v, v ? strlen(v) : 0};
}

/* render_plover.c writes it, for dyad query as well */
static void render_plover(FILE *out, const dyad_analysis *a, const event_view *v)
{
    const dyad_event *e = v->e;
    char code[sizeof e->code + 1];
    memcpy(code, e->code, v->code_len);
    code[v->code_len] = '\0';
    plover_record r = {
        .id = dyad_event_id(a->doc->id, e),
        .date = v->date.ok ? v->date.year * 10000 + v->date.month * 100 + v->date.day : 0,
        .source = {e->source, v->source_len},
        .target = {e->target, v->target_len},
        .source_text = span_str(a, e->source_span),
        .target_text = span_str(a, e->target_span),
        .verb_text = span_str(a, e->verb_span),
        .code = code,
        .has_goldstein = v->info != NULL,
        .goldstein = v->info ? v->info->goldstein : 0,
        .flags = e->flags,
        .place_name = e->place_name,
        .place_country = e->place_country,
        .place_country2 = e->place_country2,
        .lat = e->place_lat,
        .lon = e->place_lon,
        .sentence = (long long)e->sentence,
        .citation = cstr(a->doc->id),
        .url = cstr(a->doc->url),
        .publication = cstr(a->doc->source),
    };
    plover_write(out, &r);
}

/* ---- entry point ------------------------------------------------------ */

void dyad_render_events(FILE *out, const dyad_analysis *a, const dyad_event *events, size_t nevents,
                        dyad_event_format format, unsigned flags)
{
    if (!out || !a || !a->doc || (!events && nevents)) return;
    sbuf scratch = {NULL, 0, 0};
    lead_range lead = lead_of(a);
    for (size_t i = 0; i < nevents; i++) {
        event_view v = view_of(a, &events[i], i, flags);
        switch (format) {
        case DYAD_EVENTS_JSONL: render_jsonl(out, a, &v, flags, &scratch); break;
        case DYAD_EVENTS_TSV: render_tsv(out, a, &v); break;
        case DYAD_EVENTS_TABARI: render_tabari(out, a, &v, flags); break;
        case DYAD_EVENTS_GDELT: render_gdelt(out, a, &v, &lead); break;
        case DYAD_EVENTS_PLOVER: render_plover(out, a, &v); break;
        }
    }
    sbuf_free(&scratch);
}
