/*
 * store_import.c -- events coded elsewhere into the store: GDELT's event
 * tables (1.0 and 2.0), Phoenix daily files, ICEWS event files and dyad's
 * own JSON Lines.
 *
 * A file is one document of the store (key "FORMAT:BASENAME", origin the
 * format, content hash of its bytes), so importing a file again changes
 * nothing and a changed file replaces its events; each file goes in one
 * transaction, so an interrupted import leaves the file out entirely.
 * Each row keeps its own id in its origin (GLOBALEVENTID, Phoenix's
 * EventID, the JSON's id and doc) in events.ref.  Files may be
 * gzip-compressed.  A bad row is named with file and line, skipped and
 * counted; reading goes on.
 */
#include "store_private.h"
#include "../read/json_parse.h"
#include "../where/gazdata.h"
#include "../where/where.h"
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Rows longer than this are skipped, so one bad line cannot take the
 * memory. */
#define IMPORT_MAX_LINE (1u << 20)
#define IMPORT_MAX_FIELDS 80

static const char *const import_names[] = {"jsonl", "gdelt", "phoenix", "icews"};

const char *dyad_import_format_name(dyad_import_format f)
{
    return (unsigned)f < sizeof import_names / sizeof *import_names ? import_names[f] : "?";
}

int dyad_import_format_from_name(const char *name)
{
    for (size_t i = 0; name && i < sizeof import_names / sizeof *import_names; i++)
        if (strcmp(name, import_names[i]) == 0) return (int)i;
    return -1;
}

typedef struct importer {
    dyad_store *store;
    const char *path;
    size_t line;
    char msg[256];
} importer;

/* Reads one line into b (without its newline); 0 at the end, -1 when the
 * line was too long (its bytes are dropped), 1 otherwise. */
static int read_line(gzFile gz, sbuf *b)
{
    char chunk[65536];
    bool too_long = false, any = false;
    sbuf_clear(b);
    while (gzgets(gz, chunk, sizeof chunk)) {
        any = true;
        size_t n = strlen(chunk);
        bool end = n && chunk[n - 1] == '\n';
        if (end) n--;
        if (!too_long) {
            if (b->len + n > IMPORT_MAX_LINE) { too_long = true; sbuf_clear(b); }
            else if (sbuf_append(b, chunk, n)) return -1;
        }
        if (end) break;
    }
    if (!any) return 0;
    if (sbuf_putc(b, 0)) return -1;
    b->len--;
    if (b->len && b->data[b->len - 1] == '\r') b->data[--b->len] = 0;
    return too_long ? -1 : 1;
}

/* Splits a line at tabs in place; returns the number of fields. */
static size_t split_tabs(char *s, char **f, size_t max)
{
    size_t n = 0;
    f[n++] = s;
    for (char *p = s; *p && n < max; p++)
        if (*p == '\t') { *p = 0; f[n++] = p + 1; }
    return n;
}

static int yyyymmdd(const char *s)
{
    if (strlen(s) != 8) return 0;
    for (int i = 0; i < 8; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    int v = atoi(s), m = v / 100 % 100, d = v % 100;
    return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? v : 0;
}

static bool number(const char *s, double *out)
{
    char *e;
    if (!s || !*s) return false;
    *out = strtod(s, &e);
    return *e == 0;
}

static int64_t ref_id(const char *origin, const char *ref)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (const char *p = origin; *p; p++) h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
    h = (h ^ 0xff) * 0x100000001b3ull;
    for (const char *p = ref; *p; p++) h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
    return (int64_t)(h & 0x7fffffffffffffffull);
}

/* Fills what follows from the code: root, quad (GDELT's), Goldstein and
 * PLOVER type, unless the row gave a Goldstein score. */
static void code_facts(store_event *e, bool have_goldstein)
{
    const char *c = e->code ? e->code : "";
    if (strlen(c) >= 2 && c[0] >= '0' && c[0] <= '2' && c[1] >= '0' && c[1] <= '9') {
        e->root = (c[0] - '0') * 10 + (c[1] - '0');
        if (e->root < 1 || e->root > 20) e->root = 0;
    }
    const dyad_cameo_info *info = dyad_cameo_lookup(c);
    if (!info && e->root) {
        char r[3] = {c[0], c[1], 0};
        const dyad_cameo_info *ri = dyad_cameo_lookup(r);
        if (ri) e->quad = ri->quad;
    }
    if (info) {
        e->quad = info->quad;
        e->plover = info->plover;
        if (!have_goldstein) { e->goldstein = info->goldstein; e->has_goldstein = true; }
    }
}

/* ---- GDELT ----------------------------------------------------------- */

/* The ISO alpha-3 of a FIPS 10-4 country code, or NULL.  A scan: the
 * table is small and keyed by ISO, and imports are not the hot path. */
static const char *iso_of_fips(const char *fips)
{
    if (!fips || strlen(fips) != 2) return NULL;
    const dyad_country_codes *c;
    for (size_t i = 0; (c = dyad_country_at(i)) != NULL; i++)
        if (strcmp(c->fips, fips) == 0) return c->iso3;
    return NULL;
}

/* GDELT 2.0 has 61 columns; 1.0 has 57, or 58 with SOURCEURL.  ActionGeo
 * country codes are FIPS 10-4: the place's country becomes the ISO code
 * they stand for. */
static const char *gdelt_row(char *line, store_event *e)
{
    char *f[IMPORT_MAX_FIELDS];
    size_t n = split_tabs(line, f, IMPORT_MAX_FIELDS);
    if (n < 57) return "not a GDELT event row (fewer than 57 tab-separated columns)";
    bool v2 = n >= 61;
    e->ref = f[0];
    e->date = yyyymmdd(f[1]);
    if (!e->date) return "SQLDATE is not a YYYYMMDD date";
    e->precision = DYAD_PRECISION_DAY;
    e->source = f[5];
    e->source_text = f[6];
    e->target = f[15];
    e->target_text = f[16];
    e->code = f[26];
    double g = 0;
    e->has_goldstein = number(f[30], &g);
    e->goldstein = g;
    code_facts(e, e->has_goldstein);
    if (!e->root) return "EventCode is not a CAMEO code";
    int geo = v2 ? 51 : 49;
    double lat, lon;
    if (f[geo + 1][0] && number(f[v2 ? 56 : 53], &lat) && number(f[v2 ? 57 : 54], &lon)) {
        e->place_name = f[geo + 1];
        int type = atoi(f[geo]);
        e->place_kind = type == 1 ? DYAD_PLACE_COUNTRY : type == 2 || type == 5 ? DYAD_PLACE_REGION : DYAD_PLACE_CITY;
        e->place_country = iso_of_fips(f[geo + 2]);
        e->lat = lat;
        e->lon = lon;
    }
    size_t url = v2 ? 60 : 57;
    if (n > url) e->url = f[url];
    return NULL;
}

/* ---- Phoenix ----------------------------------------------------------- */

/* Phoenix's daily files: EventID, Date, Year, Month, Day, SourceActorFull,
 * SourceActorEntity, SourceActorRole, SourceActorAttribute,
 * TargetActorFull, ..., EventCode (13), EventRootCode, QuadClass (Phoenix's
 * numbering; GDELT's is taken from the root), GoldsteinScore (16),
 * Issues, Lat (18), Lon, LocationName, StateName, CountryCode (22),
 * SentenceID, URLs (24), NewsSources. */
static const char *phoenix_row(char *line, store_event *e)
{
    char *f[IMPORT_MAX_FIELDS];
    size_t n = split_tabs(line, f, IMPORT_MAX_FIELDS);
    if (n < 17) return "not a Phoenix event row (fewer than 17 tab-separated columns)";
    e->ref = f[0];
    e->date = yyyymmdd(f[1]);
    if (!e->date) return "Date is not a YYYYMMDD date";
    e->precision = DYAD_PRECISION_DAY;
    e->source = f[5];
    e->target = f[9];
    e->code = f[13];
    double g = 0;
    e->has_goldstein = number(f[16], &g);
    e->goldstein = g;
    code_facts(e, e->has_goldstein);
    if (!e->root) return "EventCode is not a CAMEO code";
    double lat, lon;
    if (n > 22 && number(f[18], &lat) && number(f[19], &lon)) {
        e->place_name = f[20][0] ? f[20] : NULL;
        e->place_country = strlen(f[22]) == 3 ? f[22] : NULL;
        e->place_region = f[21][0] ? f[21] : NULL;
        e->place_kind = DYAD_PLACE_CITY;
        e->lat = lat;
        e->lon = lon;
        if (!e->place_name) e->place_name = f[22][0] ? f[22] : NULL;
    }
    if (n > 24 && f[24][0]) {
        char *semi = strchr(f[24], ';'); /* several URLs: the first */
        if (semi) *semi = 0;
        e->url = f[24];
    }
    return NULL;
}

/* ---- ICEWS ------------------------------------------------------------- */

/* ICEWS names actors by name, sectors and country, not by CAMEO code.
 * The code is the country's ISO alpha-3 (GeoNames' and ISO 3166's names
 * through dyad's gazetteer, "Korea, Republic of" read as "Republic of
 * Korea") followed by the CAMEO agent of the first sector this table
 * knows; docs/store.md lists it.  Where the country is not known the
 * actor has no code, and its ICEWS name is kept as its text either way. */
static const struct { const char *word; const char *agent; } icews_sectors[] = {
    {"police", "COP"},       {"military", "MIL"},    {"army", "MIL"},        {"navy", "MIL"},
    {"air force", "MIL"},    {"armed forces", "MIL"},{"rebel", "REB"},       {"insurgent", "REB"},
    {"opposition", "OPP"},   {"dissident", "OPP"},   {"legislative", "LEG"}, {"parliament", "LEG"},
    {"judicial", "JUD"},     {"court", "JUD"},       {"government", "GOV"},  {"executive", "GOV"},
    {"ministry", "GOV"},     {"cabinet", "GOV"},     {"business", "BUS"},    {"media", "MED"},
    {"news", "MED"},         {"education", "EDU"},   {"medical", "HLH"},     {"health", "HLH"},
    {"religious", "REL"},    {"labor", "LAB"},       {"labour", "LAB"},      {"refugee", "REF"},
    {"criminal", "CRM"},     {"non-governmental", "NGO"}, {"ngo", "NGO"},    {"agricultur", "AGR"},
    {"civilian", "CVL"},     {"social", "CVL"},
};

static bool contains_ci(const char *hay, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && (hay[i + k] | 0x20) == needle[k]) k++;
        if (k == m) return true;
    }
    return false;
}

static const char *sector_agent(const char *sectors)
{
    for (const char *p = sectors; p && *p;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        for (size_t i = 0; i < sizeof icews_sectors / sizeof *icews_sectors; i++)
            if (contains_ci(p, n, icews_sectors[i].word)) return icews_sectors[i].agent;
        p = end ? end + 1 : p + n;
    }
    return "";
}

/* A country name's ISO alpha-3, or NULL. */
static const char *country_code(const char *name)
{
    where_context ctx;
    memset(&ctx, 0, sizeof ctx);
    where_place pl;
    if (!name || !*name) return NULL;
    if (where_lookup(name, &ctx, &pl) && pl.kind == GAZ_COUNTRY) return pl.country;
    const char *comma = strstr(name, ", ");
    if (comma) { /* "Korea, Republic of" -> "Republic of Korea" */
        char swapped[160];
        snprintf(swapped, sizeof swapped, "%s %.*s", comma + 2, (int)(comma - name), name);
        if (where_lookup(swapped, &ctx, &pl) && pl.kind == GAZ_COUNTRY) return pl.country;
    }
    return NULL;
}

static void icews_actor(char *out, size_t cap, const char *country, const char *sectors)
{
    const char *iso = country_code(country);
    if (iso) snprintf(out, cap, "%s%s", iso, sector_agent(sectors));
    else out[0] = 0;
}

/* ICEWS's tab-separated event files: Event ID, Event Date, Source Name,
 * Source Sectors, Source Country, Event Text, CAMEO Code, Intensity
 * (Goldstein's scale), Target Name, Target Sectors, Target Country, Story
 * ID, Sentence Number, Publisher, City, District, Province, Country,
 * Latitude, Longitude.  A header row is skipped. */
static const char *icews_row(char *line, store_event *e, char *src, char *tgt, char *code, size_t cap)
{
    char *f[IMPORT_MAX_FIELDS];
    size_t n = split_tabs(line, f, IMPORT_MAX_FIELDS);
    if (n < 11) return "not an ICEWS event row (fewer than 11 tab-separated columns)";
    e->ref = f[0];
    e->date = store_date_int(f[1]);
    if (!e->date) return "Event Date is not a YYYY-MM-DD date";
    e->precision = DYAD_PRECISION_DAY;
    icews_actor(src, cap, f[4], f[3]);
    icews_actor(tgt, cap, f[10], f[9]);
    e->source = src;
    e->target = tgt;
    e->source_text = f[2];
    e->target_text = f[8];
    e->verb_text = f[5];
    /* spreadsheets lose leading zeros: "43" is 043, "311" is 0311.  ICEWS
     * codes have three or four digits, so two digits always lost one. */
    char padded[8];
    snprintf(padded, sizeof padded, "0%.6s", f[6]);
    size_t clen = strlen(f[6]);
    bool pad = clen == 2 || (clen == 3 && !dyad_cameo_lookup(f[6]) && dyad_cameo_lookup(padded));
    snprintf(code, 8, "%s", pad ? padded : f[6]);
    e->code = code;
    double g = 0;
    e->has_goldstein = number(f[7], &g);
    e->goldstein = g;
    code_facts(e, e->has_goldstein);
    if (!e->root) return "CAMEO Code is not a CAMEO code";
    double lat, lon;
    if (n > 19 && number(f[18], &lat) && number(f[19], &lon)) {
        e->place_name = f[14][0] ? f[14] : f[16][0] ? f[16] : f[17][0] ? f[17] : NULL;
        e->place_country = country_code(f[17]);
        e->place_region = f[16][0] ? f[16] : NULL;
        e->place_kind = f[14][0] ? DYAD_PLACE_CITY : f[16][0] ? DYAD_PLACE_REGION : DYAD_PLACE_COUNTRY;
        e->lat = lat;
        e->lon = lon;
    }
    return NULL;
}

/* ---- dyad's JSON Lines ---------------------------------------------------- */

typedef struct json_fields {
    sbuf s[16];
} json_fields;

enum { JF_ID, JF_DOC, JF_DATE, JF_PREC, JF_DTEXT, JF_SOURCE, JF_TARGET, JF_CODE, JF_STEXT, JF_TTEXT,
       JF_VTEXT, JF_SPEAKER, JF_SPTEXT, JF_PNAME, JF_PCOUNTRY, JF_PCOUNTRY2 };

static bool key_eq(const sbuf *k, const char *name)
{
    return k->len == strlen(name) && memcmp(k->data, name, k->len) == 0;
}

/* A string value into b (NULL stays "" when the value is null). */
static bool json_str_value(jsonp *j, sbuf *b)
{
    sbuf_clear(b);
    if (jsonp_peek(j) == '"') return jsonp_string(j, b);
    const char *w;
    if (jsonp_peek(j) == 'n' && jsonp_literal(j, &w)) return true;
    j->error = "expected a string";
    return false;
}

static bool json_num_value(jsonp *j, double *v, bool *have)
{
    const char *t;
    size_t n;
    if (jsonp_peek(j) == 'n') { const char *w; *have = false; return jsonp_literal(j, &w); }
    if (!jsonp_number(j, &t, &n)) return false;
    char buf[64];
    if (n >= sizeof buf) { j->error = "number too long"; return false; }
    memcpy(buf, t, n);
    buf[n] = 0;
    *v = strtod(buf, NULL);
    *have = true;
    return true;
}

/* One flat object level; `place` is read one level down with the same
 * loop (no recursion: the nesting is fixed). */
static const char *json_row(const char *line, size_t len, store_event *e, json_fields *jf, uint32_t *flags)
{
    jsonp j;
    jsonp_init(&j, line, len);
    sbuf key = {NULL, 0, 0};
    int depth = 0;           /* 1: the event, 2: its place */
    bool have;
    double v;
    const char *err = NULL;
    for (int k = 0; k < 16; k++) sbuf_clear(&jf->s[k]);
    jsonp_skip_space(&j);
    if (jsonp_peek(&j) != '{') { err = "a row must be a JSON object"; goto out; }
    j.p++;
    depth = 1;
    for (;;) {
        jsonp_skip_space(&j);
        if (jsonp_peek(&j) == '}') {
            j.p++;
            if (--depth == 0) break;
            goto next;
        }
        if (jsonp_peek(&j) != '"' || !jsonp_string(&j, (sbuf_clear(&key), &key))) { err = "expected a key"; goto out; }
        jsonp_skip_space(&j);
        if (jsonp_peek(&j) != ':') { err = "expected ':'"; goto out; }
        j.p++;
        jsonp_skip_space(&j);
        bool ok = true;
        if (depth == 2) {
            if (key_eq(&key, "name")) ok = json_str_value(&j, &jf->s[JF_PNAME]);
            else if (key_eq(&key, "country")) ok = json_str_value(&j, &jf->s[JF_PCOUNTRY]);
            else if (key_eq(&key, "country2")) ok = json_str_value(&j, &jf->s[JF_PCOUNTRY2]);
            else if (key_eq(&key, "lat")) { ok = json_num_value(&j, &v, &have); e->lat = v; }
            else if (key_eq(&key, "lon")) { ok = json_num_value(&j, &v, &have); e->lon = v; }
            else ok = jsonp_skip_value(&j);
        } else if (key_eq(&key, "place") && jsonp_peek(&j) == '{') {
            j.p++;
            depth = 2;
            e->place_kind = DYAD_PLACE_CITY;
            continue;
        } else {
            static const struct { const char *name; int slot; } strs[] = {
                {"id", JF_ID}, {"doc", JF_DOC}, {"date", JF_DATE}, {"date_precision", JF_PREC},
                {"date_text", JF_DTEXT}, {"source", JF_SOURCE}, {"target", JF_TARGET}, {"code", JF_CODE},
                {"source_text", JF_STEXT}, {"target_text", JF_TTEXT}, {"verb_text", JF_VTEXT},
                {"speaker", JF_SPEAKER}, {"speaker_text", JF_SPTEXT}};
            static const struct { const char *name; uint32_t bit; } bits[] = {
                {"negated", DYAD_EVENT_NEGATED}, {"in_quote", DYAD_EVENT_IN_QUOTE},
                {"reported", DYAD_EVENT_REPORTED}, {"compound", DYAD_EVENT_COMPOUND},
                {"future", DYAD_EVENT_FUTURE}, {"target_from_context", DYAD_EVENT_CONTEXT_TARGET}};
            bool done = false;
            for (size_t i = 0; i < sizeof strs / sizeof *strs && !done; i++)
                if (key_eq(&key, strs[i].name)) { ok = json_str_value(&j, &jf->s[strs[i].slot]); done = true; }
            for (size_t i = 0; i < sizeof bits / sizeof *bits && !done; i++)
                if (key_eq(&key, bits[i].name)) {
                    const char *w = NULL;
                    ok = jsonp_literal(&j, &w);
                    if (ok && w && strncmp(w, "true", 4) == 0) *flags |= bits[i].bit;
                    done = true;
                }
            if (!done && key_eq(&key, "sentence")) {
                ok = json_num_value(&j, &v, &have);
                if (have && v >= 0 && v < 4e9) e->sentence = (int64_t)v;
                done = true;
            }
            if (!done && key_eq(&key, "goldstein")) {
                ok = json_num_value(&j, &v, &have);
                e->goldstein = v;
                e->has_goldstein = have;
                done = true;
            }
            if (!done) ok = jsonp_skip_value(&j);
        }
        if (!ok) { err = j.error ? j.error : "bad value"; goto out; }
    next:
        jsonp_skip_space(&j);
        if (jsonp_peek(&j) == ',') { j.p++; continue; }
        if (jsonp_peek(&j) == '}') continue;
        if (depth == 0) break;
        err = "expected ',' or '}'";
        goto out;
    }
    jsonp_skip_space(&j);
    if (j.p != j.end) { err = "trailing characters after the object"; goto out; }
out:
    sbuf_free(&key);
    return err;
}

static const char *sv(const sbuf *b)
{
    return b->len ? b->data : NULL;
}

static const char *jsonl_fill(json_fields *jf, store_event *e, uint32_t flags, char *ref, size_t refcap)
{
    e->source = sv(&jf->s[JF_SOURCE]);
    e->target = sv(&jf->s[JF_TARGET]);
    e->code = sv(&jf->s[JF_CODE]);
    if (!e->code) return "no \"code\"";
    e->date = store_date_int(sv(&jf->s[JF_DATE]));
    e->precision = e->date ? DYAD_PRECISION_DAY : DYAD_PRECISION_NONE;
    static const char *const precisions[] = {"none", "year", "month", "week", "day"};
    for (int p = 0; p < 5 && e->date && sv(&jf->s[JF_PREC]); p++)
        if (strcmp(jf->s[JF_PREC].data, precisions[p]) == 0) e->precision = p;
    e->date_text = sv(&jf->s[JF_DTEXT]);
    e->source_text = sv(&jf->s[JF_STEXT]);
    e->target_text = sv(&jf->s[JF_TTEXT]);
    e->verb_text = sv(&jf->s[JF_VTEXT]);
    e->speaker = sv(&jf->s[JF_SPEAKER]);
    e->speaker_text = sv(&jf->s[JF_SPTEXT]);
    e->place_name = sv(&jf->s[JF_PNAME]);
    e->place_country = e->place_name ? sv(&jf->s[JF_PCOUNTRY]) : NULL;
    e->place_country2 = e->place_name ? sv(&jf->s[JF_PCOUNTRY2]) : NULL;
    e->flags = flags;
    code_facts(e, e->has_goldstein);
    /* the event's own id and document: "doc#id" */
    snprintf(ref, refcap, "%s#%s", sv(&jf->s[JF_DOC]) ? jf->s[JF_DOC].data : "",
             sv(&jf->s[JF_ID]) ? jf->s[JF_ID].data : "");
    e->ref = ref;
    return NULL;
}

/* ---- the file ------------------------------------------------------------- */

static void row_error(dyad_store *s, importer *im, const char *why)
{
    snprintf(im->msg, sizeof im->msg, "%s; row skipped", why);
    store_report_at(s, DYAD_ERROR, im->path, im->line, im->msg);
}

int dyad_store_import(dyad_store *s, const char *path, dyad_import_format format, dyad_import_result *res)
{
    dyad_import_result r = {DYAD_DOC_NEW, 0, 0, 0};
    if (res) *res = r;
    if (!s || !path || (unsigned)format > DYAD_IMPORT_ICEWS) return -1;
    gzFile gz = gzopen(path, "rb");
    if (!gz) {
        store_report_at(s, DYAD_ERROR, path, 0, "cannot open the file");
        return -1;
    }
    /* pass 1: the content hash, so an unchanged file is not read again */
    char buf[65536];
    uint64_t h = 0xcbf29ce484222325ull;
    int n;
    while ((n = gzread(gz, buf, sizeof buf)) > 0)
        for (int i = 0; i < n; i++) h = (h ^ (unsigned char)buf[i]) * 0x100000001b3ull;
    int zerr = Z_OK;
    if (n < 0 || (gzerror(gz, &zerr), zerr != Z_OK && zerr != Z_STREAM_END)) {
        store_report_at(s, DYAD_ERROR, path, 0, "damaged gzip data; the file is not imported");
        gzclose(gz);
        return -1;
    }
    store_doc sd;
    memset(&sd, 0, sizeof sd);
    snprintf(sd.hash, sizeof sd.hash, "%016llx", (unsigned long long)h);
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    char key[512];
    snprintf(key, sizeof key, "%s:%s", import_names[format], base);
    sd.key = key;
    sd.origin = import_names[format];
    sd.file = path;
    int ret = store_import_begin(s, &sd, &r.state);
    if (ret || r.state == DYAD_DOC_SAME) {
        gzclose(gz);
        if (res) *res = r;
        return ret;
    }
    /* pass 2: the rows */
    gzrewind(gz);
    importer im = {s, path, 0, ""};
    sbuf line = {NULL, 0, 0};
    json_fields jf;
    memset(&jf, 0, sizeof jf);
    char ref[600];
    int got;
    while ((got = read_line(gz, &line)) != 0) {
        im.line++;
        if (got < 0) { row_error(s, &im, "line too long"); r.skipped++; continue; }
        if (line.len == 0) continue;
        store_event e;
        memset(&e, 0, sizeof e);
        const char *why;
        if (format == DYAD_IMPORT_ICEWS && im.line == 1 && strncmp(line.data, "Event ID\t", 9) == 0) continue;
        char isrc[40], itgt[40], icode[8];
        if (format == DYAD_IMPORT_GDELT) why = gdelt_row(line.data, &e);
        else if (format == DYAD_IMPORT_PHOENIX) why = phoenix_row(line.data, &e);
        else if (format == DYAD_IMPORT_ICEWS) why = icews_row(line.data, &e, isrc, itgt, icode, sizeof isrc);
        else {
            uint32_t flags = 0;
            why = json_row(line.data, line.len, &e, &jf, &flags);
            if (!why) why = jsonl_fill(&jf, &e, flags, ref, sizeof ref);
        }
        r.rows++;
        if (why) { row_error(s, &im, why); r.skipped++; continue; }
        e.id = ref_id(import_names[format], e.ref ? e.ref : "");
        /* dyad's own ids stay as they were, so files and store still join */
        const sbuf *jid = &jf.s[JF_ID];
        if (format == DYAD_IMPORT_JSONL && jid->len == 16 && strspn(jid->data, "0123456789abcdef") == 16)
            e.id = (int64_t)(strtoull(jid->data, NULL, 16) & 0x7fffffffffffffffull);
        if (store_import_event(s, &e)) { ret = -1; break; }
        r.events++;
    }
    sbuf_free(&line);
    for (int k = 0; k < 16; k++) sbuf_free(&jf.s[k]);
    gzclose(gz);
    ret = ret == 0 ? store_import_end(s) : (store_import_abort(s), -1);
    if (res) *res = r;
    return ret;
}
