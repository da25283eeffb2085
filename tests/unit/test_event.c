/* test_event.c -- the CAMEO table against the reference tables in
 * ../shared/cameo, and the event renderers on hand-made events, hostile
 * text included: every line must stay one line, every JSON line valid. */
#include "harness.h"
#include "internal.h"
#include "dict/dict.h"
#include "event/cameo_table.h"
#include "event/event_private.h"
#include "read/json_parse.h"
#include <math.h>
#include <stdlib.h>

/* ---- the table --------------------------------------------------------- */

static char *shared_file(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/cameo/%s", shared_dir(), rel);
    return read_file(path, len);
}

/* Next line of a buffer (NUL-terminated in place), or NULL at the end. */
static char *next_line(char **cursor)
{
    char *s = *cursor;
    if (!s || !*s) return NULL;
    char *nl = strchr(s, '\n');
    if (nl) { *nl = '\0'; *cursor = nl + 1; }
    else *cursor = s + strlen(s);
    size_t n = strlen(s);
    if (n && s[n - 1] == '\r') s[n - 1] = '\0';
    return s;
}

static void cameo_table_has_every_goldstein_row(tctx *t)
{
    char *buf = shared_file("cameo_goldstein_quad.tsv", NULL);
    if (!buf) { printf("  skip: %s/cameo/cameo_goldstein_quad.tsv absent\n", shared_dir()); return; }
    char *cur = buf, *line;
    size_t rows = 0;
    while ((line = next_line(&cur))) {
        if (line[0] == '#' || strncmp(line, "code\t", 5) == 0 || !line[0]) continue;
        char code[8], root[8];
        double g;
        int quad, phoenix;
        if (sscanf(line, "%7s %lf %7s %d %d", code, &g, root, &quad, &phoenix) != 5) {
            tctx_fail(t, __FILE__, __LINE__, "unreadable reference row '%s'", line);
            break;
        }
        const dyad_cameo_info *info = dyad_cameo_lookup(code);
        if (!info) { tctx_fail(t, __FILE__, __LINE__, "code %s missing", code); break; }
        if (fabs(info->goldstein - g) > 1e-9 || (int)info->quad != quad ||
            cameo_quad_gdelt(cameo_root(code)) != quad || cameo_quad_phoenix(cameo_root(code)) != phoenix) {
            tctx_fail(t, __FILE__, __LINE__, "code %s: goldstein %.1f quad %d phoenix %d, reference %.1f %d %d",
                      code, info->goldstein, info->quad, cameo_quad_phoenix(cameo_root(code)), g, quad,
                      phoenix);
            break;
        }
        rows++;
    }
    free(buf);
    CHECK(rows >= 280);
}

static void cameo_table_has_every_plover_line(tctx *t)
{
    char *buf = shared_file("CAMEO2PLOVER-2021.txt", NULL);
    if (!buf) { printf("  skip: %s/cameo/CAMEO2PLOVER-2021.txt absent\n", shared_dir()); return; }
    char *cur = buf, *line;
    size_t rows = 0;
    char seen_root[21] = {0};
    while ((line = next_line(&cur))) {
        size_t n = strspn(line, "0123456789");
        if (n < 2 || n > 4 || line[n] != ':') continue;
        char code[5], type[32];
        memcpy(code, line, n);
        code[n] = '\0';
        if (sscanf(line + n + 1, " %31[A-Z]", type) != 1) continue;
        const dyad_cameo_info *info = dyad_cameo_lookup(code);
        if (!info) { tctx_fail(t, __FILE__, __LINE__, "code %s missing", code); break; }
        int root = cameo_root(code);
        /* a root listed twice (08) keeps its first heading */
        if (n == 2 && seen_root[root]++) continue;
        if (!info->plover || strcmp(info->plover, type) != 0) {
            tctx_fail(t, __FILE__, __LINE__, "code %s: PLOVER %s, reference %s", code,
                      info->plover ? info->plover : "(none)", type);
            break;
        }
        /* mode and context: the line's second and third fields, trimmed;
         * contexts "a; b" are kept as "a,b" */
        char mode[64] = "", context[128] = "";
        char *rest = strchr(line + n + 1, ',');
        char *hash = strchr(line, '#');
        if (hash) *hash = '\0';
        if (rest) {
            rest++;
            char *comma = strchr(rest, ',');
            size_t ml = comma ? (size_t)(comma - rest) : strlen(rest);
            for (size_t i = 0, k = 0; i < ml && k + 1 < sizeof mode; i++)
                if (rest[i] != ' ') { mode[k++] = rest[i]; mode[k] = '\0'; }
            for (size_t i = 0, k = 0; comma && comma[1 + i] && k + 1 < sizeof context; i++) {
                char c = comma[1 + i];
                if (c == ' ' || c == '\t') continue;
                context[k++] = c == ';' ? ',' : c;
                context[k] = '\0';
            }
        }
        const char *got_mode = info->plover_mode ? info->plover_mode : "";
        const char *got_context = info->plover_context ? info->plover_context : "";
        if (n > 2 && (strcmp(got_mode, mode) != 0 || strcmp(got_context, context) != 0)) {
            tctx_fail(t, __FILE__, __LINE__, "code %s: mode '%s' context '%s', reference '%s' '%s'", code,
                      got_mode, got_context, mode, context);
            break;
        }
        rows++;
    }
    free(buf);
    CHECK(rows >= 250);
}

static const char *plover_of(const char *code)
{
    const dyad_cameo_info *info = dyad_cameo_lookup(code);
    return info && info->plover ? info->plover : "(none)";
}

/* Checked by hand against the conversion table, including the lines that
 * sit under another root's heading and the codes it does not list. */
static void cameo_plover_sample(tctx *t)
{
    CHECK_STR(plover_of("036"), "AGREE");
    CHECK_STR(plover_of("042"), "CONSULT");
    CHECK_STR(plover_of("057"), "SUPPORT");
    CHECK_STR(plover_of("08"), "CONCEDE");
    CHECK_STR(plover_of("0813"), "RETREAT");
    CHECK_STR(plover_of("0874"), "RETREAT");
    CHECK_STR(plover_of("094"), "ACCUSE");
    CHECK_STR(plover_of("1056"), "REQUEST");
    CHECK_STR(plover_of("163"), "COERCE");
    CHECK_STR(plover_of("1712"), "ASSAULT");
    CHECK_STR(plover_of("175"), "ASSAULT");
    CHECK_STR(dyad_cameo_lookup("042")->plover_mode, "visit");
    CHECK(dyad_cameo_lookup("042")->plover_context == NULL);
    CHECK_STR(dyad_cameo_lookup("091")->plover_context, "crime,corruption");
    CHECK(dyad_cameo_lookup("010")->plover_mode == NULL);
    CHECK_STR(plover_of("191"), "COERCE");
    CHECK_STR(plover_of("201"), "ASSAULT");
    CHECK_STR(plover_of("0357"), "AGREE");   /* not listed: parent 035 */
    CHECK_STR(plover_of("1641"), "SANCTION"); /* not listed: parent 164 */
    CHECK_STR(plover_of("010"), "(none)");
    CHECK_STR(plover_of("0256"), "(none)");
}

static void cameo_lookup_is_exact(tctx *t)
{
    const dyad_cameo_info *info = dyad_cameo_lookup("0874");
    CHECK(info != NULL);
    CHECK_STR(info->code, "0874");
    CHECK(info->goldstein == 10.0);
    CHECK_INT(info->quad, DYAD_QUAD_MATERIAL_COOPERATION);
    CHECK(info->name && info->name[0]);
    CHECK_STR(dyad_cameo_lookup("04")->code, "04");
    CHECK_STR(dyad_cameo_lookup("040")->code, "040");
    CHECK(dyad_cameo_lookup("0400") == NULL);
    const char *bad[] = {"", "0", "21", "99", "999", "08740", "0874 ", " 087", "08a", "---", "000", "-10"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (dyad_cameo_lookup(bad[i])) { tctx_fail(t, __FILE__, __LINE__, "'%s' found", bad[i]); return; }
    CHECK(dyad_cameo_lookup(NULL) == NULL);
    /* every row is found under its own code and names a consistent root */
    for (size_t i = 0; i < cameo_table_len; i++) {
        const dyad_cameo_info *r = &cameo_table[i];
        CHECK(dyad_cameo_lookup(r->code) == r);
        CHECK_INT(r->quad, cameo_quad_gdelt(cameo_root(r->code)));
        CHECK(r->goldstein >= -10.0 && r->goldstein <= 10.0);
    }
    CHECK_INT(cameo_root("0874"), 8);
    CHECK_INT(cameo_root("21"), 0);
    CHECK_INT(cameo_root("x1"), 0);
}

/* The dict checker and the event table are one list (cameo_events.tsv):
 * every 2-4 digit string gets the same answer from both, and the codes the
 * checker's old list of its own lacked (used by the peers' dictionaries)
 * are accepted. */
static void cameo_table_is_dict_check_list(tctx *t)
{
    const char *once_missing[] = {"019", "0251", "0252", "0254", "0255", "176"};
    char code[8];
    size_t known = 0;
    for (int len = 2; len <= 4; len++)
        for (int v = 0; v < (len == 2 ? 100 : len == 3 ? 1000 : 10000); v++) {
            snprintf(code, sizeof code, "%0*d", len, v);
            bool dict = dict_is_cameo_event_code(code, (size_t)len);
            bool ours = dyad_cameo_lookup(code) != NULL;
            if (dict != ours) { tctx_fail(t, __FILE__, __LINE__, "%s: checker %d, table %d", code, dict, ours); return; }
            known += ours;
        }
    CHECK_INT(known, cameo_table_len);
    for (size_t i = 0; i < sizeof once_missing / sizeof *once_missing; i++)
        CHECK(dict_is_cameo_event_code(once_missing[i], strlen(once_missing[i])));
    CHECK(!dict_is_cameo_event_code("0999", 4));
    CHECK(!dict_is_cameo_event_code("1", 1));
}

/* ---- renderers --------------------------------------------------------- */

/* Hostile text: quotes, backslash, tab, CR/LF, NUL, C0 and C1 controls,
 * DEL, a stray byte, a truncated sequence, valid non-ASCII, a literal
 * U+FFFD. */
static const char hostile_text[] =
    "Gondor \"attacked\"\\\tArnor\r\n\x01\0\x7f\xC2\x85 caf\xC3\xA9 \xFF\xE2\x82 \xEF\xBF\xBD end";
#define HOSTILE_LEN (sizeof hostile_text - 1)

typedef struct fixture {
    dyad_document doc;
    dyad_part parts[3];
    dyad_sentence sentences[3];
    dyad_analysis a;
} fixture;

static void fixture_init(fixture *f, const char *text, size_t len)
{
    memset(f, 0, sizeof *f);
    f->doc.id = "doc\t\"1\"";
    memcpy(f->doc.date, "2022-01-27", 11);
    f->doc.url = "https://example.org/a?b=1\nc";
    f->doc.source = "wire";
    f->doc.text = text;
    f->doc.len = len;
    uint32_t n = (uint32_t)len;
    f->parts[0] = (dyad_part){DYAD_PART_HEADLINE, 0, 6};
    f->parts[1] = (dyad_part){DYAD_PART_BODY, 7, n / 2};
    f->parts[2] = (dyad_part){DYAD_PART_BODY, n / 2, n};
    f->sentences[0] = (dyad_sentence){.start = 0, .end = 6, .part = DYAD_PART_HEADLINE};
    f->sentences[1] = (dyad_sentence){.start = 7, .end = n / 2, .part = DYAD_PART_BODY};
    f->sentences[2] = (dyad_sentence){.start = n / 2, .end = n, .part = DYAD_PART_BODY};
    f->a.doc = &f->doc;
    f->a.parts = f->parts;
    f->a.nparts = 3;
    f->a.sentences = f->sentences;
    f->a.nsentences = 3;
}

static dyad_event make_event(uint32_t sentence, const char *source, const char *target, const char *code)
{
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.sentence = sentence;
    snprintf(e.source, sizeof e.source, "%s", source);
    snprintf(e.target, sizeof e.target, "%s", target);
    snprintf(e.code, sizeof e.code, "%s", code);
    return e;
}

/* Not inlined: gcc 12 then mistakes open_memstream's buffer for a
 * dangling pointer in the callers. */
__attribute__((noinline)) static char *render(const fixture *f, const dyad_event *ev, size_t n, dyad_event_format fmt, unsigned flags)
{
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    dyad_render_events(m, &f->a, ev, n, fmt, flags);
    fclose(m);
    return out;
}

static size_t count_char(const char *s, size_t n, char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += s[i] == c;
    return k;
}

/* Every line: valid UTF-8, no control byte but tab; and for JSON a single
 * valid object.  Returns the number of lines, or -1 (with a failure). */
static long check_lines(tctx *t, const char *out, bool json, long tabs)
{
    long lines = 0;
    for (const char *p = out; *p;) {
        const char *nl = strchr(p, '\n');
        if (!nl) { tctx_fail(t, __FILE__, __LINE__, "last line unterminated"); return -1; }
        size_t n = (size_t)(nl - p);
        lines++;
        if (!utf8_valid(p, n)) { tctx_fail(t, __FILE__, __LINE__, "line %ld: bad UTF-8", lines); return -1; }
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)p[i];
            /* JSON may carry DEL and C1 controls raw; tab-separated lines may not */
            if ((c < 0x20 && c != '\t') || (c == 0x7f && !json) || (json && c == '\t')) {
                tctx_fail(t, __FILE__, __LINE__, "line %ld: control byte 0x%02x at %zu", lines, c, i);
                return -1;
            }
        }
        if (tabs >= 0 && (long)count_char(p, n, '\t') != tabs) {
            tctx_fail(t, __FILE__, __LINE__, "line %ld: %zu tabs, expected %ld: %.*s", lines,
                      count_char(p, n, '\t'), tabs, (int)n, p);
            return -1;
        }
        if (json) {
            jsonp j;
            jsonp_init(&j, p, n);
            jsonp_skip_space(&j);
            bool object = jsonp_peek(&j) == '{';
            bool ok = jsonp_skip_value(&j);
            jsonp_skip_space(&j);
            if (!object || !ok || j.p != j.end) {
                tctx_fail(t, __FILE__, __LINE__, "line %ld: invalid JSON (%s): %.*s", lines,
                          j.error ? j.error : "trailing bytes", (int)n, p);
                return -1;
            }
        }
        p = nl + 1;
    }
    return lines;
}

/* The tab-separated field number k (from 0) of a line, copied. */
static const char *field(const char *line, int k, char *buf, size_t cap)
{
    const char *p = line;
    for (int i = 0; i < k && p; i++) {
        p = strchr(p, '\t');
        if (p) p++;
    }
    if (!p) return "(missing)";
    size_t n = strcspn(p, "\t\n");
    if (n >= cap) n = cap - 1;
    memcpy(buf, p, n);
    buf[n] = '\0';
    return buf;
}

static const char clean_text[] = "Gondor attacked Arnor on Tuesday.";

static dyad_event clean_event(void)
{
    dyad_event e = make_event(1, "GON", "ARNMIL", "190");
    e.source_span = (dyad_span){0, 6};
    e.verb_span = (dyad_span){7, 15};
    e.target_span = (dyad_span){16, 21};
    return e;
}

static void fixture_clean(fixture *f)
{
    fixture_init(f, clean_text, sizeof clean_text - 1);
    f->doc.id = "GON-1";
    f->doc.url = NULL;
    f->doc.source = NULL;
    f->sentences[1].start = 0; /* one body sentence holding the whole text */
    f->sentences[1].end = sizeof clean_text - 1;
    f->sentences[1].part = DYAD_PART_BODY;
    f->parts[1] = (dyad_part){DYAD_PART_BODY, 0, sizeof clean_text - 1};
}

static void events_jsonl_exact_line(tctx *t)
{
    fixture f;
    fixture_clean(&f);
    dyad_event e = clean_event();
    e.flags = DYAD_EVENT_NEGATED | DYAD_EVENT_FUTURE;
    char *out = render(&f, &e, 1, DYAD_EVENTS_JSONL, 0);
    /* the id is dyad_event_id's, printed as 16 hex digits */
    char id[32];
    snprintf(id, sizeof id, "{\"id\":\"%016llx\",", (unsigned long long)dyad_event_id("GON-1", &e));
    CHECK_STR(id, "{\"id\":\"1f3a5d92edc111c1\",");
    CHECK(out && strncmp(out, id, strlen(id)) == 0);
    CHECK_STR(out,
              "{\"id\":\"1f3a5d92edc111c1\",\"doc\":\"GON-1\",\"sentence\":1,\"date\":\"2022-01-27\",\"date_precision\":\"day\","
              "\"date_text\":null,\"source\":\"GON\","
              "\"target\":\"ARNMIL\",\"code\":\"190\",\"root\":\"19\",\"quad\":4,\"goldstein\":-10.0,"
              "\"plover\":\"ASSAULT\",\"source_text\":\"Gondor\",\"target_text\":\"Arnor\","
              "\"verb_text\":\"attacked\",\"offsets\":{\"source\":[0,6],\"target\":[16,21],"
              "\"verb\":[7,15]},\"place\":null,\"negated\":true,\"future\":true}\n");
    free(out);
}

/* The coder's date and place reach every layout that has room for them:
 * JSON's date_text, date_precision and place; GDELT's ActionGeo columns. */
static void events_date_and_place(tctx *t)
{
    fixture f;
    fixture_clean(&f);
    dyad_event e = clean_event();
    memcpy(e.date, "2022-01-25", 11);
    e.date_precision = DYAD_PRECISION_DAY;
    e.date_span = (dyad_span){25, 32}; /* "Tuesday" */
    e.place_name = "Minas Tirith";
    e.place_country = "GON";
    e.place_country2 = "GN";
    e.place_region = "Anorien";
    e.place_kind = DYAD_PLACE_CITY;
    e.place_lat = 44.5;
    e.place_lon = -12.25;
    e.place_span = (dyad_span){16, 21};
    char *out = render(&f, &e, 1, DYAD_EVENTS_JSONL, 0);
    CHECK(strstr(out, "\"date\":\"2022-01-25\",\"date_precision\":\"day\",\"date_text\":\"Tuesday\""));
    CHECK(strstr(out, "\"place\":{\"name\":\"Minas Tirith\",\"country\":\"GON\",\"country2\":\"GN\","
                      "\"region\":\"Anorien\",\"kind\":\"city\",\"lat\":44.50000,\"lon\":-12.25000,"
                      "\"text\":\"Arnor\",\"offsets\":[16,21]}"));
    free(out);
    out = render(&f, &e, 1, DYAD_EVENTS_GDELT, 0);
    /* ActionGeo_Type is column 52 (1-based) of GDELT 2.0's 61 */
    const char *col = out;
    for (int tab = 0; tab < 51 && col; tab++) {
        col = strchr(col, '\t');
        if (col) col++;
    }
    /* a country with no FIPS 10-4 code leaves CountryCode empty */
    static const char geo[] = "4\tMinas Tirith, Anorien\t\t\t\t44.5000\t-12.2500\t\t";
    CHECK(col && strncmp(col, geo, sizeof geo - 1) == 0);
    /* DATEADDED is the article's date, not the event's */
    CHECK(col && strncmp(col + sizeof geo - 1, "20220127000000\t", 15) == 0);
    free(out);
    /* GDELT writes FIPS 10-4 where ISO and FIPS differ: Germany GM, not DE */
    e.place_country = "DEU";
    e.place_country2 = "DE";
    out = render(&f, &e, 1, DYAD_EVENTS_GDELT, 0);
    col = out;
    for (int tab = 0; tab < 51 && col; tab++) {
        col = strchr(col, '\t');
        if (col) col++;
    }
    static const char geo_de[] = "4\tMinas Tirith, Anorien\tGM\tGM\t\t";
    CHECK(col && strncmp(col, geo_de, sizeof geo_de - 1) == 0);
    free(out);
    e.place_name = NULL;
    e.date[0] = 0;
    e.date_precision = DYAD_PRECISION_NONE;
    out = render(&f, &e, 1, DYAD_EVENTS_JSONL, 0);
    CHECK(strstr(out, "\"place\":null"));
    free(out);
}

static void events_jsonl_explain_and_phoenix(tctx *t)
{
    fixture f;
    fixture_clean(&f);
    dyad_event ev[2] = {clean_event(), make_event(1, "GON", "", "010")};
    ev[0].pattern = "* ATTACK \"+\"";
    ev[0].pattern_file = "dict/x.verbs";
    ev[0].pattern_line = 12;
    char *out = render(&f, ev, 2, DYAD_EVENTS_JSONL, DYAD_EVENTS_EXPLAIN | DYAD_EVENTS_PHOENIX_QUAD);
    CHECK_INT(check_lines(t, out, true, -1), 2);
    CHECK(strstr(out, "\"pattern\":\"* ATTACK \\\"+\\\"\",\"pattern_at\":\"dict/x.verbs:12\"}\n"));
    /* Phoenix: statements are neutral (0); GDELT: verbal cooperation (1) */
    CHECK(strstr(out, "\"code\":\"010\",\"root\":\"01\",\"quad\":0,\"goldstein\":0.0,\"plover\":null"));
    CHECK(strstr(out, "\"target\":null"));
    free(out);
    dyad_event reduce = make_event(1, "GON", "ARN", "161");
    out = render(&f, &reduce, 1, DYAD_EVENTS_JSONL, DYAD_EVENTS_PHOENIX_QUAD);
    CHECK(strstr(out, "\"quad\":3"));
    free(out);
    out = render(&f, &reduce, 1, DYAD_EVENTS_JSONL, 0);
    CHECK(strstr(out, "\"quad\":4"));
    free(out);
}

static void events_unknown_codes_and_bad_spans(tctx *t)
{
    fixture f;
    fixture_clean(&f);
    memset(f.doc.date, 0, sizeof f.doc.date);
    dyad_event ev[3] = {make_event(1, "GON", "ARN", "065"), make_event(7, "GON", "ARN", "901"),
                        make_event(0, "GON", "ARN", "0874")};
    ev[0].source_span = (dyad_span){5, 400}; /* past the end of the text */
    ev[0].target_span = (dyad_span){9, 3};   /* reversed */
    memcpy(ev[1].date, "2022-02-30", 11);    /* not a date */
    memcpy(ev[2].date, "2021-12-31", 11);
    memset(ev[2].code, '7', sizeof ev[2].code); /* unterminated */
    memset(ev[2].source, 'A', sizeof ev[2].source);
    char *out = render(&f, ev, 3, DYAD_EVENTS_JSONL, 0);
    CHECK_INT(check_lines(t, out, true, -1), 3);
    /* a suite's private code keeps its root's quad but has no weight */
    CHECK(strstr(out, "\"code\":\"065\",\"root\":\"06\",\"quad\":2,\"goldstein\":null,\"plover\":null"));
    CHECK(strstr(out, "\"source_text\":null,\"target_text\":null"));
    CHECK(strstr(out, "\"offsets\":{\"source\":null,\"target\":null,\"verb\":null}"));
    CHECK(strstr(out, "\"sentence\":7,\"date\":null"));
    CHECK(strstr(out, "\"code\":\"901\",\"root\":null,\"quad\":null"));
    CHECK(strstr(out, "\"date\":\"2021-12-31\",\"date_precision\":\"day\",\"date_text\":null,"
                      "\"source\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\""));
    CHECK(strstr(out, "\"code\":\"77777777\",\"root\":null"));
    free(out);
    for (int fmt = DYAD_EVENTS_TSV; fmt <= DYAD_EVENTS_GDELT; fmt++) {
        out = render(&f, ev, 3, (dyad_event_format)fmt, DYAD_EVENTS_EXPLAIN);
        long tabs = fmt == DYAD_EVENTS_GDELT ? 60 : fmt == DYAD_EVENTS_TABARI ? 10 : 9;
        CHECK_INT(check_lines(t, out, false, tabs), 3);
        free(out);
    }
}

static void events_hostile_text_stays_valid(tctx *t)
{
    fixture f;
    fixture_init(&f, hostile_text, HOSTILE_LEN);
    dyad_event ev[3];
    for (int i = 0; i < 3; i++) {
        ev[i] = make_event((uint32_t)i, "GON\t\"X", "ARN\nGOV", "1823");
        ev[i].source_span = (dyad_span){0, (uint32_t)HOSTILE_LEN};
        ev[i].target_span = (dyad_span){8, 30};
        ev[i].verb_span = (dyad_span){(uint32_t)HOSTILE_LEN - 12, (uint32_t)HOSTILE_LEN};
        ev[i].pattern = "\"\x01\xFF";
        ev[i].pattern_file = "f\tile";
        ev[i].pattern_line = 3;
        ev[i].flags = DYAD_EVENT_IN_QUOTE | DYAD_EVENT_REPORTED | DYAD_EVENT_COMPOUND;
    }
    char *out = render(&f, ev, 3, DYAD_EVENTS_JSONL, DYAD_EVENTS_EXPLAIN);
    CHECK_INT(check_lines(t, out, true, -1), 3);
    CHECK(strstr(out, "\\u0000"));
    CHECK(strstr(out, "\\\"attacked\\\"\\\\\\tArnor\\r\\n\\u0001\\u0000\x7f"));
    CHECK(strstr(out, "caf\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD end"));
    CHECK(strstr(out, "\"in_quote\":true,\"reported\":true,\"compound\":true"));
    free(out);
    /* the same text in the tab-separated formats: one line per event, the
     * column count fixed (PETRARCH's url column is there: the doc has one) */
    const long tabs[] = {0, 10, 10, 60};
    for (int fmt = DYAD_EVENTS_TSV; fmt <= DYAD_EVENTS_GDELT; fmt++) {
        out = render(&f, ev, 3, (dyad_event_format)fmt, DYAD_EVENTS_EXPLAIN);
        CHECK_INT(check_lines(t, out, false, tabs[fmt]), 3);
        CHECK(strstr(out, "caf\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD end"));
        free(out);
    }
}

static void events_tsv_petrarch_layout(tctx *t)
{
    fixture f;
    fixture_clean(&f);
    dyad_event e = clean_event();
    char *out = render(&f, &e, 1, DYAD_EVENTS_TSV, 0);
    CHECK_STR(out, "20220127\tGON\tARNMIL\t190\t\tGON-1_2\tNULL\tGondor\tArnor\tattacked\n");
    free(out);
    f.doc.url = "https://example.org/story";
    f.doc.source = "AFP";
    f.doc.is_sentence = 1;
    e.target_span = (dyad_span){0, 0};
    out = render(&f, &e, 1, DYAD_EVENTS_TSV, 0);
    CHECK_STR(out, "20220127\tGON\tARNMIL\t190\t\tGON-1\thttps://example.org/story\tAFP\tGondor\t---\tattacked\n");
    free(out);
}

static void events_tabari_layout(tctx *t)
{
    fixture f;
    fixture_clean(&f);
    dyad_event e = clean_event();
    char *out = render(&f, &e, 1, DYAD_EVENTS_TABARI, 0);
    CHECK_STR(out, "220127\tGON\tARNMIL\t190\t(Use conventional military force, nothing more specific)\tGON-1_2\n");
    free(out);
    e.pattern = "* ATTACK";
    e.pattern_file = "x.verbs";
    e.pattern_line = 9;
    out = render(&f, &e, 1, DYAD_EVENTS_TABARI, DYAD_EVENTS_EXPLAIN);
    CHECK_STR(out, "220127\tGON\tARNMIL\t190\t(Use conventional military force, nothing more specific)\t"
                   "Gondor\tArnor\tattacked\t* ATTACK\tx.verbs:9\tGON-1_2\n");
    free(out);
}

static void events_gdelt_columns(tctx *t)
{
    fixture f;
    fixture_clean(&f);
    f.doc.url = "https://example.org/story";
    dyad_event ev[3] = {clean_event(), make_event(2, "IGOWSTNAT", "USAGOVMIL", "0874"),
                        make_event(1, "GON", "ARNMIL", "190")};
    f.parts[1] = (dyad_part){DYAD_PART_BODY, 0, 25};
    f.parts[2] = (dyad_part){DYAD_PART_BODY, 26, 33};
    f.sentences[1].end = 25;
    f.sentences[2] = (dyad_sentence){.start = 30, .end = 33, .part = DYAD_PART_BODY};
    char *out = render(&f, ev, 3, DYAD_EVENTS_GDELT, 0);
    CHECK_INT(check_lines(t, out, false, 60), 3);
    char b[128];
    const char *l1 = out, *l2 = strchr(out, '\n') + 1, *l3 = strchr(l2, '\n') + 1;
    CHECK_STR(field(l1, 1, b, sizeof b), "20220127");
    CHECK_STR(field(l1, 2, b, sizeof b), "202201");
    CHECK_STR(field(l1, 3, b, sizeof b), "2022");
    CHECK_STR(field(l1, 4, b, sizeof b), "2022.1562");
    CHECK_STR(field(l1, 5, b, sizeof b), "GON");
    CHECK_STR(field(l1, 6, b, sizeof b), "Gondor");
    CHECK_STR(field(l1, 7, b, sizeof b), "GON");
    CHECK_STR(field(l1, 15, b, sizeof b), "ARNMIL");
    CHECK_STR(field(l1, 17, b, sizeof b), "ARN");
    CHECK_STR(field(l1, 22, b, sizeof b), "MIL");
    CHECK_STR(field(l1, 25, b, sizeof b), "1"); /* IsRootEvent: first paragraph */
    CHECK_STR(field(l1, 26, b, sizeof b), "190");
    CHECK_STR(field(l1, 27, b, sizeof b), "190");
    CHECK_STR(field(l1, 28, b, sizeof b), "19");
    CHECK_STR(field(l1, 29, b, sizeof b), "4");
    CHECK_STR(field(l1, 30, b, sizeof b), "-10.0");
    CHECK_STR(field(l1, 31, b, sizeof b), "1");
    CHECK_STR(field(l1, 34, b, sizeof b), "");
    CHECK_STR(field(l1, 59, b, sizeof b), "20220127000000");
    CHECK_STR(field(l1, 60, b, sizeof b), "https://example.org/story");
    /* international actor: no country, its type, its organisation */
    CHECK_STR(field(l2, 7, b, sizeof b), "");
    CHECK_STR(field(l2, 8, b, sizeof b), "NAT");
    CHECK_STR(field(l2, 12, b, sizeof b), "IGO");
    CHECK_STR(field(l2, 17, b, sizeof b), "USA");
    CHECK_STR(field(l2, 22, b, sizeof b), "GOV");
    CHECK_STR(field(l2, 23, b, sizeof b), "MIL");
    CHECK_STR(field(l2, 25, b, sizeof b), "0"); /* second paragraph */
    CHECK_STR(field(l2, 27, b, sizeof b), "087");
    CHECK_STR(field(l2, 28, b, sizeof b), "08");
    CHECK_STR(field(l2, 30, b, sizeof b), "10.0");
    /* ids: stable, and different for the same event at another position */
    char id1[32], id3[32];
    field(l1, 0, id1, sizeof id1);
    field(l3, 0, id3, sizeof id3);
    CHECK(strcmp(id1, id3) != 0);
    char *again = render(&f, ev, 1, DYAD_EVENTS_GDELT, 0);
    CHECK(strncmp(again, id1, strlen(id1)) == 0 && again[strlen(id1)] == '\t');
    free(again);
    free(out);
}

static void events_format_names(tctx *t)
{
    for (int f = DYAD_EVENTS_JSONL; f <= DYAD_EVENTS_GDELT; f++)
        CHECK_INT(dyad_event_format_from_name(dyad_event_format_name((dyad_event_format)f)), f);
    CHECK_STR(dyad_event_format_name(DYAD_EVENTS_TSV), "tsv");
    CHECK_INT(dyad_event_format_from_name("csv"), -1);
    CHECK_INT(dyad_event_format_from_name(NULL), -1);
}

static void events_fields_helpers(tctx *t)
{
    CHECK(event_date_parse("2024-02-29", 11).ok);
    CHECK(!event_date_parse("2023-02-29", 11).ok);
    CHECK(!event_date_parse("2023-13-01", 11).ok);
    CHECK(!event_date_parse("2023-1-011", 11).ok);
    CHECK(!event_date_parse("", 11).ok);
    actor_parts p;
    actor_split("AFGINSTAL", 9, &p);
    CHECK_STR(p.country, "AFG");
    CHECK_STR(p.type[0], "INS");
    CHECK_STR(p.group, ""); /* only organisations' codes name a group */
    actor_split("USAGOVMILLEGREB", 15, &p);
    CHECK_STR(p.type[2], "LEG");
    actor_split("us", 2, &p);
    CHECK_STR(p.country, "");
    actor_split("NGOHRIAMN", 9, &p);
    CHECK_STR(p.type[1], "HRI");
    CHECK_STR(p.group, "AMN");
}

void suite_event(tctx *t)
{
    RUN(t, cameo_table_has_every_goldstein_row);
    RUN(t, cameo_table_has_every_plover_line);
    RUN(t, cameo_plover_sample);
    RUN(t, cameo_lookup_is_exact);
    RUN(t, cameo_table_is_dict_check_list);
    RUN(t, events_jsonl_exact_line);
    RUN(t, events_date_and_place);
    RUN(t, events_jsonl_explain_and_phoenix);
    RUN(t, events_unknown_codes_and_bad_spans);
    RUN(t, events_hostile_text_stays_valid);
    RUN(t, events_tsv_petrarch_layout);
    RUN(t, events_tabari_layout);
    RUN(t, events_gdelt_columns);
    RUN(t, events_format_names);
    RUN(t, events_fields_helpers);
}
