/* test_read.c -- the input readers: every format's fields, detection, and
 * hostile input (bad JSON, truncated records, NUL bytes, invalid UTF-8,
 * 10 MB lines).  Most inputs are read twice, from memory and from a stream
 * in tiny chunks, and both readings must agree exactly: that puts every
 * record and every diagnostic across chunk boundaries. */
#include "harness.h"
#include "internal.h"
#include "read/json_parse.h"
#include "read/reader.h"
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* ---- collecting what a reader delivers ------------------------------ */

typedef struct got_doc {
    char *id, *text, *title, *url, *source, *parse;
    size_t len, parse_len, line;
    char date[11];
    int is_sentence;
} got_doc;

typedef struct got_diag {
    dyad_severity severity;
    size_t line;
    char *record, *message, *file;
} got_diag;

typedef struct got {
    got_doc *docs;
    size_t ndocs;
    got_diag *diags;
    size_t ndiags;
    size_t skipped, warnings;
    dyad_format format;
    bool opened;
} got;

static char *dup_bytes(const char *s, size_t n)
{
    if (!s) return NULL;
    char *p = malloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static char *dup_str(const char *s) { return s ? dup_bytes(s, strlen(s)) : NULL; }

static void collect_diag(const dyad_diag *d, void *user)
{
    got *g = user;
    g->diags = realloc(g->diags, (g->ndiags + 1) * sizeof *g->diags);
    got_diag *x = &g->diags[g->ndiags++];
    x->severity = d->severity;
    x->line = d->line;
    x->record = dup_str(d->record);
    x->message = dup_str(d->message);
    x->file = dup_str(d->file);
}

static void drain(dyad_reader *r, got *g)
{
    g->opened = r != NULL;
    if (!r) return;
    g->format = dyad_reader_format(r);
    dyad_document d;
    while (dyad_reader_next(r, &d)) {
        g->docs = realloc(g->docs, (g->ndocs + 1) * sizeof *g->docs);
        got_doc *x = &g->docs[g->ndocs++];
        x->id = dup_str(d.id);
        x->text = dup_bytes(d.text, d.len);
        x->len = d.len;
        x->title = dup_str(d.title);
        x->url = dup_str(d.url);
        x->source = dup_str(d.source);
        x->parse = dup_bytes(d.parse, d.parse_len);
        x->parse_len = d.parse_len;
        x->line = d.line;
        memcpy(x->date, d.date, sizeof x->date);
        x->is_sentence = d.is_sentence;
    }
    g->skipped = dyad_reader_skipped(r);
    g->warnings = dyad_reader_warnings(r);
    dyad_reader_close(r);
}

static void got_free(got *g)
{
    for (size_t i = 0; i < g->ndocs; i++) {
        got_doc *x = &g->docs[i];
        free(x->id), free(x->text), free(x->title), free(x->url);
        free(x->source), free(x->parse);
    }
    for (size_t i = 0; i < g->ndiags; i++)
        free(g->diags[i].record), free(g->diags[i].message), free(g->diags[i].file);
    free(g->docs);
    free(g->diags);
    memset(g, 0, sizeof *g);
}

/* Reads from memory; max_record 0 keeps the library's limit. */
static void read_memory(got *g, const char *data, size_t len, dyad_format f,
                        size_t max_record)
{
    memset(g, 0, sizeof *g);
    dyad_reader *r = dyad_reader_open_memory("<memory>", data, len, f,
                                             collect_diag, g);
    if (r && max_record) reader_set_max_record(r, max_record);
    drain(r, g);
}

/* Reads the same bytes as a stream in chunks of `chunk` bytes. */
static void read_stream(got *g, const char *data, size_t len, dyad_format f,
                        size_t chunk, size_t max_record)
{
    memset(g, 0, sizeof *g);
    /* fmemopen cannot open an empty buffer; a tmpfile can. */
    FILE *fp = tmpfile();
    if (!fp) return;
    if (len) fwrite(data, 1, len, fp);
    rewind(fp);
    dyad_reader *r = reader_open_stream(fp, true, "<memory>", f, chunk,
                                        collect_diag, g);
    if (r && max_record) reader_set_max_record(r, max_record);
    drain(r, g);
}

static bool same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Reports the first difference between two readings, or NULL. */
static const char *difference(const got *a, const got *b)
{
    if (a->format != b->format) return "format";
    if (a->ndocs != b->ndocs) return "number of documents";
    if (a->skipped != b->skipped) return "skipped";
    if (a->warnings != b->warnings) return "warnings";
    if (a->ndiags != b->ndiags) return "number of diagnostics";
    for (size_t i = 0; i < a->ndocs; i++) {
        const got_doc *x = &a->docs[i], *y = &b->docs[i];
        if (x->len != y->len || memcmp(x->text, y->text, x->len) != 0) return "text";
        if (x->parse_len != y->parse_len || !same_str(x->parse, y->parse)) return "parse";
        if (!same_str(x->id, y->id) || !same_str(x->title, y->title) ||
            !same_str(x->url, y->url) || !same_str(x->source, y->source))
            return "id, title, url or source";
        if (strcmp(x->date, y->date) != 0 || x->line != y->line ||
            x->is_sentence != y->is_sentence)
            return "date, line or is_sentence";
    }
    for (size_t i = 0; i < a->ndiags; i++) {
        const got_diag *x = &a->diags[i], *y = &b->diags[i];
        if (x->severity != y->severity || x->line != y->line ||
            !same_str(x->record, y->record) || !same_str(x->message, y->message))
            return "a diagnostic";
    }
    return NULL;
}

/* Reads from memory into g, and checks that streams in several chunk
 * sizes deliver exactly the same. */
static const char *read_all_ways(got *g, const char *data, size_t len,
                                 dyad_format f, size_t max_record)
{
    read_memory(g, data, len, f, max_record);
    static const size_t chunks[] = {1, 2, 3, 7, 64, 4096};
    for (size_t i = 0; i < sizeof chunks / sizeof *chunks; i++) {
        got s;
        read_stream(&s, data, len, f, chunks[i], max_record);
        const char *diff = difference(g, &s);
        got_free(&s);
        if (diff) return diff;
    }
    return NULL;
}

#define READ_ALL(g, s, f) do { const char *diff_ = read_all_ways((g), (s), strlen(s), (f), 0); \
    if (diff_) { tctx_fail(t, __FILE__, __LINE__, "stream and memory differ in %s", diff_); \
    got_free(g); return; } } while (0)

static bool has_diag(const got *g, dyad_severity sev, size_t line,
                     const char *record, const char *text)
{
    for (size_t i = 0; i < g->ndiags; i++) {
        const got_diag *d = &g->diags[i];
        if (d->severity == sev && d->line == line && same_str(d->record, record) &&
            strstr(d->message, text))
            return true;
    }
    return false;
}

static size_t count_severity(const got *g, dyad_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < g->ndiags; i++) n += g->diags[i].severity == sev;
    return n;
}

static char *data_path(char *buf, size_t cap, const char *name)
{
    snprintf(buf, cap, "tests/data/read/%s", name);
    return buf;
}

static char *shared_path(char *buf, size_t cap, const char *name)
{
    snprintf(buf, cap, "%s/%s", shared_dir(), name);
    return buf;
}

static void read_path(got *g, const char *path, dyad_format f)
{
    memset(g, 0, sizeof *g);
    drain(dyad_reader_open_file(path, f, collect_diag, g), g);
}

static double seconds_since(struct timespec t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* ---- detection -------------------------------------------------------- */

static void read_detects_each_format(tctx *t)
{
    static const struct { const char *input; dyad_format format; } cases[] = {
        {"{\"id\":1,\"text\":\"x\"}\n", DYAD_FORMAT_JSONL},
        {"\xEF\xBB\xBF  \n{\"text\":\"x\"}", DYAD_FORMAT_JSONL},
        {"\n\n<Sentences>\n", DYAD_FORMAT_PETRARCH},
        {"<?xml version=\"1.0\"?><Sentences/>", DYAD_FORMAT_PETRARCH},
        {"210614 WIRE-1\nText of the story.\n", DYAD_FORMAT_TABARI},
        {"\n21061412 not-a-date\n", DYAD_FORMAT_TEXT},
        {"20210614 YYYY-1\nEight-digit dates are TABARI's YYYY option.\n", DYAD_FORMAT_TABARI},
        {"#######\n# comment block\n#######\n\n210614\tWIRE-1\nText.\n", DYAD_FORMAT_TABARI},
        {"# A markdown heading\n\nSome article text.\n", DYAD_FORMAT_TEXT},
        {"950101*INTRO\nTABARI.Demo.text starts like this.\n", DYAD_FORMAT_TABARI},
        {"100000 people fled the floods, officials said.\n", DYAD_FORMAT_TEXT},
        {"210614\nno id after the date\n", DYAD_FORMAT_TEXT},
        {"Talks resumed on Monday.\n", DYAD_FORMAT_TEXT},
        {"", DYAD_FORMAT_TEXT},
        {" \n\t\n", DYAD_FORMAT_TEXT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        got g;
        READ_ALL(&g, cases[i].input, DYAD_FORMAT_AUTO);
        CHECK_INT(g.format, cases[i].format);
        got_free(&g);
    }
    /* A forced format is not second-guessed. */
    dyad_reader *r = dyad_reader_open_memory("x", "{}", 2, DYAD_FORMAT_TEXT, NULL, NULL);
    CHECK_INT(dyad_reader_format(r), DYAD_FORMAT_TEXT);
    dyad_reader_close(r);
}

/* ---- plain text ------------------------------------------------------- */

static void read_text_keeps_every_byte(tctx *t)
{
    /* NUL bytes and invalid UTF-8 are the later stages' business: the
     * reader delivers them untouched. */
    static const char input[] = "\xEF\xBB\xBFHeadline\n\nBody \xFF\xC3 with a \0 NUL.\n";
    size_t n = sizeof input - 1;
    got g;
    const char *diff = read_all_ways(&g, input, n, DYAD_FORMAT_AUTO, 0);
    CHECK(diff == NULL);
    CHECK_INT(g.format, DYAD_FORMAT_TEXT);
    CHECK_INT(g.ndocs, 1);
    CHECK_INT(g.docs[0].len, n - 3);
    CHECK(memcmp(g.docs[0].text, input + 3, n - 3) == 0);
    CHECK_STR(g.docs[0].id, "<memory>");
    CHECK_STR(g.docs[0].date, "");
    CHECK_INT(g.docs[0].line, 1);
    CHECK_INT(g.docs[0].is_sentence, 0);
    CHECK(g.docs[0].title == NULL && g.docs[0].url == NULL && g.docs[0].source == NULL);
    CHECK(g.docs[0].parse == NULL);
    CHECK_INT(g.skipped, 0);
    CHECK_INT(g.ndiags, 0);
    got_free(&g);
}

static void read_text_empty_input_has_no_document(tctx *t)
{
    const char *inputs[] = {"", "  \n\r\n\t \n", "\xEF\xBB\xBF\n"};
    for (size_t i = 0; i < 3; i++) {
        got g;
        READ_ALL(&g, inputs[i], DYAD_FORMAT_TEXT);
        CHECK_INT(g.ndocs, 0);
        CHECK_INT(g.skipped, 0);
        CHECK_INT(count_severity(&g, DYAD_ERROR), 0);
        CHECK_INT(count_severity(&g, DYAD_NOTE), 1);
        got_free(&g);
    }
}

static void read_text_too_large_is_skipped(tctx *t)
{
    got g;
    const char *diff = read_all_ways(&g, "0123456789abcdef", 16, DYAD_FORMAT_TEXT, 10);
    CHECK(diff == NULL);
    CHECK_INT(g.ndocs, 0);
    CHECK_INT(g.skipped, 1);
    CHECK(has_diag(&g, DYAD_ERROR, 1, "<memory>", "larger than 10 bytes"));
    got_free(&g);
    diff = read_all_ways(&g, "0123456789", 10, DYAD_FORMAT_TEXT, 10);
    CHECK(diff == NULL);
    CHECK_INT(g.ndocs, 1);
    got_free(&g);
}

static void read_text_file_names(tctx *t)
{
    char path[256];
    got g;
    read_path(&g, data_path(path, sizeof path, "article.txt"), DYAD_FORMAT_AUTO);
    CHECK_INT(g.ndocs, 1);
    CHECK_STR(g.docs[0].id, "article.txt");
    size_t len;
    char *whole = read_file(path, &len);
    CHECK(whole != NULL);
    CHECK_INT(g.docs[0].len, len);
    CHECK(memcmp(g.docs[0].text, whole, len) == 0);
    free(whole);
    got_free(&g);

    /* "-" is standard input, and the document is named "stdin". */
    int saved = dup(0);
    FILE *in = fopen(path, "rb");
    CHECK(saved >= 0 && in != NULL);
    dup2(fileno(in), 0);
    fclose(in);
    clearerr(stdin);
    read_path(&g, "-", DYAD_FORMAT_AUTO);
    dup2(saved, 0);
    close(saved);
    clearerr(stdin);
    CHECK_INT(g.ndocs, 1);
    CHECK_STR(g.docs[0].id, "stdin");
    CHECK_INT(g.docs[0].len, len);
    got_free(&g);

    /* A missing file: NULL, and an error naming it and saying why. */
    read_path(&g, "tests/data/read/no-such-file.txt", DYAD_FORMAT_AUTO);
    CHECK(!g.opened);
    CHECK_INT(g.ndiags, 1);
    CHECK_INT(g.diags[0].severity, DYAD_ERROR);
    CHECK_STR(g.diags[0].file, "tests/data/read/no-such-file.txt");
    CHECK(strstr(g.diags[0].message, "No such file") != NULL);
    got_free(&g);

    read_path(&g, "tests/data/read", DYAD_FORMAT_AUTO);
    CHECK(!g.opened);
    CHECK_INT(g.ndiags, 1);
    CHECK(strstr(g.diags[0].message, "directory") != NULL);
    got_free(&g);
}

/* ---- JSONL -------------------------------------------------------------- */

static void read_jsonl_fields(tctx *t)
{
    const char *lines =
        "{\"id\": \"w-1\", \"date\": \"2021-06-14\", \"title\": \"Border reopens\", "
        "\"url\": \"https://news.example/1\", \"source\": \"Example Wire\", "
        "\"text\": \"Norland reopened the crossing.\"}\n"
        "\n"
        "   \r\n"
        "{\"text\": \"first\", \"id\": 1002, \"text\": \"Last one wins.\", "
        "\"extra\": {\"a\": [1, -2.5e-3, true, false, null, {\"b\": [[]]}], \"c\": {}}}\n"
        "{\"text\": \"No id here.\", \"date\": \"20210615\", \"title\": null}\n"
        "\t{ \"id\" : -7.25E+2 , \"text\" : \"Numbers keep their spelling.\" } \r\n";
    got g;
    READ_ALL(&g, lines, DYAD_FORMAT_AUTO);
    CHECK_INT(g.format, DYAD_FORMAT_JSONL);
    CHECK_INT(g.ndocs, 4);
    CHECK_INT(g.skipped, 0);
    CHECK_INT(g.ndiags, 0);
    got_doc *d = &g.docs[0];
    CHECK_STR(d->id, "w-1");
    CHECK_STR(d->date, "2021-06-14");
    CHECK_STR(d->title, "Border reopens");
    CHECK_STR(d->url, "https://news.example/1");
    CHECK_STR(d->source, "Example Wire");
    CHECK_STR(d->text, "Norland reopened the crossing.");
    CHECK_INT(d->line, 1);
    CHECK_INT(d->is_sentence, 0);
    d = &g.docs[1];
    CHECK_STR(d->id, "1002");
    CHECK_STR(d->text, "Last one wins.");
    CHECK_STR(d->date, "");
    CHECK(d->title == NULL && d->url == NULL && d->source == NULL);
    CHECK_INT(d->line, 4);
    d = &g.docs[2];
    CHECK_STR(d->id, "<memory>:5");
    CHECK_STR(d->date, "2021-06-15");
    CHECK(d->title == NULL);
    d = &g.docs[3];
    CHECK_STR(d->id, "-7.25E+2");
    CHECK_INT(d->line, 6);
    got_free(&g);
}

static void read_jsonl_escapes(tctx *t)
{
    const char *input =
        "{\"id\": \"e\\u0031\", \"text\": \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t "
        "\\u00e9 \\u20AC \\ud83d\\ude00 lone \\ud800 x \\udc00 \\ud800\\u0041 nul\\u0000end\"}\n";
    got g;
    READ_ALL(&g, input, DYAD_FORMAT_JSONL);
    CHECK_INT(g.ndocs, 1);
    CHECK_STR(g.docs[0].id, "e1");
    static const char want[] = "q\" b\\ s/ \b\f\n\r\t \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 "
                               "lone \xEF\xBF\xBD x \xEF\xBF\xBD \xEF\xBF\xBD" "A nul\0end";
    CHECK_INT(g.docs[0].len, sizeof want - 1);
    CHECK(memcmp(g.docs[0].text, want, sizeof want - 1) == 0);
    /* Raw bytes that are not UTF-8 pass through undecoded. */
    got_free(&g);
    READ_ALL(&g, "{\"text\": \"bad \xFF\xC3 bytes\"}", DYAD_FORMAT_JSONL);
    CHECK_INT(g.ndocs, 1);
    CHECK_STR(g.docs[0].text, "bad \xFF\xC3 bytes");
    got_free(&g);
}

static void read_jsonl_bad_records_are_skipped(tctx *t)
{
    static const struct { const char *line; const char *message; } bad[] = {
        {"{\"id\": \"b1\", \"text\": \"no closing quote}", "invalid JSON: unterminated string"},
        {"{\"id\": \"b2\", \"text\": \"tab\there\"}", "invalid JSON: control character in string"},
        {"{\"id\": \"b3\", \"text\": \"\\x\"}", "invalid JSON: invalid escape"},
        {"{\"id\": \"b4\", \"text\": \"\\u12G4\"}", "invalid JSON: invalid \\u escape"},
        {"{\"id\": \"b5\", \"text\": \"ok\"} extra", "invalid JSON: trailing characters"},
        {"{\"id\": \"b6\", \"text\": \"ok\",}", "invalid JSON: expected a string key"},
        {"{\"id\": \"b7\", \"text\" \"ok\"}", "invalid JSON: expected ':'"},
        {"{\"id\": \"b8\" \"text\": \"ok\"}", "invalid JSON: expected ',' or '}'"},
        {"[{\"text\": \"in an array\"}]", "invalid JSON: a record must be a JSON object"},
        {"{\"id\": \"b10\", \"text\": \"ok\"", "invalid JSON: unexpected end of line"},
        {"{\"id\": \"b11\", \"n\": 01, \"text\": \"ok\"}", "invalid JSON: expected ',' or '}'"},
        {"{\"id\": \"b12\", \"n\": 1., \"text\": \"ok\"}", "invalid JSON: invalid number"},
        {"{\"id\": \"b13\", \"n\": tru, \"text\": \"ok\"}", "invalid JSON: unexpected character"},
        {"{\"id\": \"b14\", \"n\": [1, 2}, \"text\": \"ok\"}", "invalid JSON: expected ',' or ']'"},
        {"{\"id\": \"b15\", \"title\": \"no text\"}", "no \"text\""},
        {"{\"id\": \"b16\", \"text\": [\"not\", \"a string\"]}", "\"text\" is not a string"},
        {"{\"id\": \"b17\", \"text\": null}", "\"text\" is not a string"},
        {"'single quotes'", "invalid JSON"},
        {"{\"id\": \"b19\", \"text\": \"ok\"}}", "invalid JSON: trailing characters"},
    };
    size_t n = sizeof bad / sizeof *bad;
    /* Each bad line is followed by a good one, which must survive. */
    sbuf in = {0};
    for (size_t i = 0; i < n; i++) {
        sbuf_append(&in, bad[i].line, strlen(bad[i].line));
        char good[64];
        snprintf(good, sizeof good, "\n{\"id\": \"good%zu\", \"text\": \"kept\"}\n", i);
        sbuf_append(&in, good, strlen(good));
    }
    /* Raw NUL bytes are control characters, inside a string or out. */
    sbuf_append(&in, "{\"id\": \"nul\", \"text\": \"a\0b\"}\n", 29);
    sbuf_append(&in, "{\"id\": \"nul2\",\0 \"text\": \"ab\"}\n", 30);
    sbuf_append(&in, "{\"id\": \"last\", \"text\": \"kept\"}\n", 31);
    got g;
    const char *diff = read_all_ways(&g, in.data, in.len, DYAD_FORMAT_JSONL, 0);
    sbuf_free(&in);
    CHECK(diff == NULL);
    CHECK_INT(g.ndocs, n + 1);
    CHECK_INT(g.skipped, n + 2);
    CHECK_INT(count_severity(&g, DYAD_ERROR), n + 2);
    for (size_t i = 0; i < n; i++) {
        char id[16];
        snprintf(id, sizeof id, "good%zu", i);
        CHECK_STR(g.docs[i].id, id);
        CHECK_INT(g.docs[i].line, 2 * i + 2);
        /* the line of the bad record, its id when it was read, the reason */
        const got_diag *d = &g.diags[i];
        CHECK_INT(d->line, 2 * i + 1);
        if (!strstr(d->message, bad[i].message)) {
            tctx_fail(t, __FILE__, __LINE__, "line %zu: \"%s\" lacks \"%s\"",
                      2 * i + 1, d->message, bad[i].message);
            break;
        }
    }
    CHECK_STR(g.diags[0].record, "b1");
    CHECK(g.diags[8].record == NULL);
    CHECK(has_diag(&g, DYAD_ERROR, 2 * n + 1, "nul", "control character"));
    CHECK(has_diag(&g, DYAD_ERROR, 2 * n + 2, "nul2", "invalid JSON"));
    CHECK_STR(g.docs[n].id, "last");
    got_free(&g);
}

static void read_jsonl_nesting_is_capped(tctx *t)
{
    /* Unknown values may nest, but not without limit: no recursion is
     * involved, and 100,000 levels are rejected as quickly as 600. */
    static const size_t depths[] = {500, 512, 513, 100000};
    for (size_t k = 0; k < sizeof depths / sizeof *depths; k++) {
        size_t depth = depths[k];
        sbuf in = {0};
        sbuf_append(&in, "{\"x\": ", 6);
        for (size_t i = 0; i < depth; i++) sbuf_putc(&in, '[');
        for (size_t i = 0; i < depth; i++) sbuf_putc(&in, ']');
        sbuf_append(&in, ", \"text\": \"t\"}\n", 15);
        got g;
        read_memory(&g, in.data, in.len, DYAD_FORMAT_JSONL, 0);
        sbuf_free(&in);
        if (depth <= JSONP_MAX_DEPTH) {
            CHECK_INT(g.ndocs, 1);
        } else {
            CHECK_INT(g.ndocs, 0);
            CHECK(has_diag(&g, DYAD_ERROR, 1, NULL, "nesting deeper than 512"));
        }
        got_free(&g);
    }
    /* Objects and arrays mixed, at exactly the limit. */
    sbuf in = {0};
    sbuf_append(&in, "{\"x\": ", 6);
    for (size_t i = 0; i < JSONP_MAX_DEPTH; i++)
        sbuf_append(&in, i % 2 ? "[" : "{\"k\":", i % 2 ? 1 : 5);
    for (size_t i = JSONP_MAX_DEPTH; i-- > 0;) sbuf_putc(&in, i % 2 ? ']' : '}');
    sbuf_append(&in, ", \"text\": \"t\"}", 14);
    got g;
    read_memory(&g, in.data, in.len, DYAD_FORMAT_JSONL, 0);
    sbuf_free(&in);
    CHECK_INT(g.ndocs, 1);
    got_free(&g);
}

static void read_jsonl_dates(tctx *t)
{
    const char *input =
        "{\"id\": \"a\", \"date\": \"2022-01-27\", \"text\": \"t\"}\n"
        "{\"id\": \"b\", \"date\": \"20220127\", \"text\": \"t\"}\n"
        "{\"id\": \"c\", \"date\": \"2022-01-27T10:00:00Z\", \"text\": \"t\"}\n"
        "{\"id\": \"d\", \"date\": \"2024-02-29\", \"text\": \"t\"}\n"
        "{\"id\": \"e\", \"date\": \"2023-02-29\", \"text\": \"t\"}\n"
        "{\"id\": \"f\", \"date\": \"27/01/2022\", \"text\": \"t\"}\n"
        "{\"id\": \"g\", \"date\": 20220127, \"text\": \"t\"}\n"
        "{\"id\": \"h\", \"date\": \"2022-13-01\", \"text\": \"t\"}\n"
        "{\"id\": \"i\", \"date\": \"\", \"text\": \"t\"}\n"
        "{\"id\": \"j\", \"date\": null, \"text\": \"t\"}\n";
    static const char *const want[] = {"2022-01-27", "2022-01-27", "2022-01-27",
                                       "2024-02-29", "", "", "", "", "", ""};
    got g;
    READ_ALL(&g, input, DYAD_FORMAT_JSONL);
    CHECK_INT(g.ndocs, 10);
    CHECK_INT(g.skipped, 0);
    for (size_t i = 0; i < 10; i++) CHECK_STR(g.docs[i].date, want[i]);
    /* unknown dates are kept as "" with a warning; empty and null are
     * simply unknown */
    CHECK_INT(g.warnings, 4);
    CHECK(has_diag(&g, DYAD_WARNING, 5, "e", "date"));
    CHECK(has_diag(&g, DYAD_WARNING, 7, "g", "date"));
    got_free(&g);
}

static void read_jsonl_truncated_final_record(tctx *t)
{
    got g;
    READ_ALL(&g, "{\"id\": \"a\", \"text\": \"kept\"}\n{\"id\": \"b\", \"text\": \"no newline\"}",
             DYAD_FORMAT_JSONL);
    CHECK_INT(g.ndocs, 2);
    CHECK_STR(g.docs[1].text, "no newline");
    CHECK_INT(g.skipped, 0);
    got_free(&g);
    READ_ALL(&g, "{\"id\": \"a\", \"text\": \"kept\"}\n{\"id\": \"b\", \"text\": \"cut off in the mi",
             DYAD_FORMAT_JSONL);
    CHECK_INT(g.ndocs, 1);
    CHECK_INT(g.skipped, 1);
    CHECK(has_diag(&g, DYAD_ERROR, 2, "b", "unterminated string"));
    got_free(&g);
}

static void read_sample_files(tctx *t)
{
    static const struct { const char *name; dyad_format format; size_t docs, skipped; } files[] = {
        {"article.txt", DYAD_FORMAT_TEXT, 1, 0},
        {"sample.jsonl", DYAD_FORMAT_JSONL, 3, 0},
        {"bad.jsonl", DYAD_FORMAT_JSONL, 3, 8},
        {"sample.tabari.text", DYAD_FORMAT_TABARI, 4, 0},
        {"bad.tabari.text", DYAD_FORMAT_TABARI, 4, 3}, /* NO-TEXT is empty, not bad */
        {"sample.petrarch.xml", DYAD_FORMAT_PETRARCH, 2, 0},
        {"bad.petrarch.xml", DYAD_FORMAT_PETRARCH, 3, 4},
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char path[256];
        size_t len;
        char *data = read_file(data_path(path, sizeof path, files[i].name), &len);
        CHECK(data != NULL);
        got g;
        /* bad.tabari.text opens with a block that has no header, so it
         * does not look like TABARI: read it as what it is. */
        dyad_format f = strstr(files[i].name, "bad.tabari") ? files[i].format
                                                            : DYAD_FORMAT_AUTO;
        const char *diff = read_all_ways(&g, data, len, f, 0);
        free(data);
        if (diff) {
            tctx_fail(t, __FILE__, __LINE__, "%s: stream and memory differ in %s",
                      files[i].name, diff);
            got_free(&g);
            return;
        }
        CHECK_INT(g.format, files[i].format);
        CHECK_INT(g.ndocs, files[i].docs);
        CHECK_INT(g.skipped, files[i].skipped);
        got_free(&g);
        /* and from the file itself */
        read_path(&g, path, f);
        CHECK_INT(g.ndocs, files[i].docs);
        CHECK_INT(g.skipped, files[i].skipped);
        for (size_t k = 0; k < g.ndiags; k++) CHECK_STR(g.diags[k].file, path);
        got_free(&g);
    }
}

/* ---- long lines: linear time, bounded memory -------------------------- */

#define TEN_MB ((size_t)10 << 20)

static void read_ten_mb_lines_take_linear_time(tctx *t)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char *big = malloc(TEN_MB + 64);
    CHECK(big != NULL);

    /* JSONL: one valid 10 MB record without a newline is kept ... */
    memcpy(big, "{\"text\": \"", 10);
    memset(big + 10, 'a', TEN_MB);
    memcpy(big + 10 + TEN_MB, "\"}", 2);
    got g;
    read_memory(&g, big, TEN_MB + 12, DYAD_FORMAT_AUTO, 0);
    CHECK_INT(g.ndocs, 1);
    CHECK_INT(g.docs[0].len, TEN_MB);
    got_free(&g);
    read_stream(&g, big, TEN_MB + 12, DYAD_FORMAT_AUTO, 4096, 0);
    CHECK_INT(g.ndocs, 1);
    CHECK_INT(g.docs[0].len, TEN_MB);
    got_free(&g);

    /* ... an unterminated one is skipped ... */
    read_stream(&g, big, TEN_MB + 10, DYAD_FORMAT_JSONL, 0, 0);
    CHECK_INT(g.ndocs, 0);
    CHECK_INT(g.skipped, 1);
    CHECK(has_diag(&g, DYAD_ERROR, 1, NULL, "unterminated string"));
    got_free(&g);

    /* ... and one over the size limit is dropped while it streams by,
     * without being buffered, and the next record is still read. */
    memcpy(big + 10 + TEN_MB, "\"}\n{\"text\": \"next\"}\n", 20);
    read_stream(&g, big, TEN_MB + 30, DYAD_FORMAT_JSONL, 4096, 1 << 20);
    CHECK_INT(g.ndocs, 1);
    CHECK_STR(g.docs[0].text, "next");
    CHECK_INT(g.docs[0].line, 2);
    CHECK_INT(g.skipped, 1);
    CHECK(has_diag(&g, DYAD_ERROR, 1, NULL, "line longer than 1048576 bytes"));
    got_free(&g);

    /* TABARI: a 10 MB text line is one record's text. */
    memcpy(big, "210614 LONG\n", 12);
    memset(big + 12, 'b', TEN_MB);
    read_stream(&g, big, TEN_MB + 12, DYAD_FORMAT_AUTO, 0, 0);
    CHECK_INT(g.format, DYAD_FORMAT_TABARI);
    CHECK_INT(g.ndocs, 1);
    CHECK_INT(g.docs[0].len, TEN_MB);
    got_free(&g);
    memcpy(big + 12 + TEN_MB, "\n\n210615 NEXT\nText.\n", 20);
    read_stream(&g, big, TEN_MB + 32, DYAD_FORMAT_TABARI, 4096, 1 << 20);
    CHECK_INT(g.ndocs, 1);
    CHECK_STR(g.docs[0].id, "NEXT");
    CHECK_INT(g.docs[0].line, 4);
    CHECK(has_diag(&g, DYAD_ERROR, 1, "LONG", "longer than 1048576 bytes"));
    got_free(&g);

    /* PETRARCH: a 10 MB <Text> without a newline, then plain garbage. */
    static const char head[] = "<Sentences><Sentence id=\"L\"><Text>";
    size_t hn = sizeof head - 1;
    memcpy(big, head, hn);
    memset(big + hn, 'c', TEN_MB);
    memcpy(big + hn + TEN_MB, "</Text></Sentence>", 18);
    read_stream(&g, big, hn + TEN_MB + 18, DYAD_FORMAT_AUTO, 0, 0);
    CHECK_INT(g.ndocs, 1);
    CHECK_INT(g.docs[0].len, TEN_MB);
    got_free(&g);
    read_memory(&g, big, hn + TEN_MB + 18, DYAD_FORMAT_AUTO, 1 << 20);
    CHECK_INT(g.ndocs, 0);
    CHECK_INT(g.skipped, 1);
    got_free(&g);

    /* Plain text: 10 MB of one line is one document. */
    memset(big, 'd', TEN_MB);
    read_stream(&g, big, TEN_MB, DYAD_FORMAT_AUTO, 0, 0);
    CHECK_INT(g.format, DYAD_FORMAT_TEXT);
    CHECK_INT(g.ndocs, 1);
    CHECK_INT(g.docs[0].len, TEN_MB);
    got_free(&g);
    /* and 10 MB of '{' is 10 MB of bad JSON, in one line */
    memset(big, '{', TEN_MB);
    read_memory(&g, big, TEN_MB, DYAD_FORMAT_AUTO, 0);
    CHECK_INT(g.ndocs, 0);
    CHECK_INT(g.skipped, 1);
    got_free(&g);
    /* 10 MB of '<' */
    memset(big, '<', TEN_MB);
    read_memory(&g, big, TEN_MB, DYAD_FORMAT_AUTO, 0);
    CHECK_INT(g.ndocs, 0);
    got_free(&g);
    free(big);

    /* About 150 MB were read; quadratic work would take hours.  The bound
     * is loose for sanitizer builds. */
    double secs = seconds_since(t0);
    if (secs > 30) tctx_fail(t, __FILE__, __LINE__, "took %.1f s", secs);
}

/* ---- TABARI --------------------------------------------------------------- */

static void read_tabari_records(tctx *t)
{
    /* The literal holds a NUL: its size, not strlen, is its length. */
    static const char lit[] =
        "######\n"
        "# comment block\n"
        "\n"
        "300101 PIVOT-30\n"
        "Year 30 is 2030 by TABARI's pivot,\n"
        "   and text keeps its bytes.  \n"
        "\n"
        "\n"
        "310101 PIVOT-31 extra words are ignored\n"
        "Year 31 is 1931. /* an expected coding {ABC} */ Kept after.\n"
        "/*\\n a comment\n"
        "spanning lines */\n"
        "\n"
        "950101*INTRO\n"
        "No blank between date and id.\r\n"
        "\r\n"
        "20210616\tYYYY-1\n"
        "Eight digits with \xFF bad bytes and a \0 NUL.\n"
        "   \t\n"
        "210617 ONLY-COMMENT\n"
        "/* nothing but a comment */\n"
        "\n"
        "210618\n"
        "A header without an id.\n"
        "\n"
        "210619 LAST\n"
        "The last record ends at the end of input.";
    got g;
    const char *diff = read_all_ways(&g, lit, sizeof lit - 1, DYAD_FORMAT_AUTO, 0);
    CHECK(diff == NULL);
    CHECK_INT(g.format, DYAD_FORMAT_TABARI);
    CHECK_INT(g.ndocs, 6);
    CHECK_INT(g.skipped, 0);
    got_doc *d = &g.docs[0];
    CHECK_STR(d->id, "PIVOT-30");
    CHECK_STR(d->date, "2030-01-01");
    CHECK_STR(d->text, "Year 30 is 2030 by TABARI's pivot,\n   and text keeps its bytes.");
    CHECK_INT(d->line, 4);
    CHECK_INT(d->is_sentence, 1);
    d = &g.docs[1];
    CHECK_STR(d->id, "PIVOT-31");
    CHECK_STR(d->date, "1931-01-01");
    /* comments become spaces: offsets still match the file's bytes */
    CHECK_STR(d->text, "Year 31 is 1931. " "                              " " Kept after.");
    CHECK_INT(d->line, 9);
    d = &g.docs[2];
    CHECK_STR(d->id, "*INTRO");
    CHECK_STR(d->date, "1995-01-01");
    CHECK_STR(d->text, "No blank between date and id.");
    d = &g.docs[3];
    CHECK_STR(d->id, "YYYY-1");
    CHECK_STR(d->date, "2021-06-16");
    static const char want[] = "Eight digits with \xFF bad bytes and a \0 NUL.";
    CHECK_INT(d->len, sizeof want - 1);
    CHECK(memcmp(d->text, want, sizeof want) == 0);
    d = &g.docs[4];
    CHECK_STR(d->id, "<memory>:23");
    CHECK(has_diag(&g, DYAD_WARNING, 23, NULL, "without an id"));
    d = &g.docs[5];
    CHECK_STR(d->id, "LAST");
    CHECK_STR(d->text, "The last record ends at the end of input.");
    CHECK(has_diag(&g, DYAD_NOTE, 20, "ONLY-COMMENT", "comment"));
    CHECK_INT(g.warnings, 1);
    got_free(&g);
}

static void read_tabari_bad_records(tctx *t)
{
    static const char input[] =
        "Text before any header\n"            /* 1 */
        "is reported as one block.\n"         /* 2 */
        "\n"
        "210614 GOOD-1\n"                     /* 4 */
        "Norland and Sudria signed an accord.\n"
        "\n"
        "2106145 SEVEN\n"                     /* 7 */
        "A seven-digit date.\n"
        "\n"
        "210230 FEB-30\n"                     /* 10 */
        "No such day.\n"
        "\n"
        "210615 NO-TEXT\n"                    /* 13 */
        "\n"
        "210616 GOOD-2\n"                     /* 15 */
        "The accord takes effect next month.\n"
        "\n"
        "210617 HEADER-AT-END";               /* 18 */
    got g;
    const char *diff = read_all_ways(&g, input, sizeof input - 1, DYAD_FORMAT_TABARI, 0);
    CHECK(diff == NULL);
    /* NO-TEXT is a complete record with empty text: read, not skipped. */
    CHECK_INT(g.ndocs, 3);
    CHECK_STR(g.docs[0].id, "GOOD-1");
    CHECK_INT(g.docs[0].line, 4);
    CHECK_STR(g.docs[1].id, "NO-TEXT");
    CHECK_INT(g.docs[1].len, 0);
    CHECK_STR(g.docs[2].id, "GOOD-2");
    CHECK_INT(g.docs[2].line, 15);
    CHECK_INT(g.skipped, 4);
    CHECK(has_diag(&g, DYAD_ERROR, 1, NULL, "without a \"YYMMDD ID\" record header"));
    CHECK(has_diag(&g, DYAD_ERROR, 7, "SEVEN", "bad date \"2106145\""));
    CHECK(has_diag(&g, DYAD_ERROR, 10, "FEB-30", "bad date \"210230\""));
    CHECK(has_diag(&g, DYAD_ERROR, 18, "HEADER-AT-END", "no text"));
    got_free(&g);
}

/* ---- PETRARCH ---------------------------------------------------------- */

static void read_petrarch_records(tctx *t)
{
    static const char input[] =
        "<?xml version=\"1.0\"?>\n"                                       /* 1 */
        "<!-- <Sentence id=\"in-comment\"><Text>no</Text></Sentence> -->\n"
        "<Validation><Environment><Config option=\"x\" value=\"y\"></Config>\n"
        "</Environment>\n"
        "<Sentences>\n"                                                   /* 5 */
        "<Sentence date = \"20080804\" id ='A-1' source = \"AFP\" sentence = \"True\">\n"
        "<!-- a comment with </Sentence> in it -->\n"
        "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"/>\n"
        "<Text>\n"
        "  Arnor &amp; Gondor said &quot;yes&quot; &#233;&#xE9;&apos;&lt;&gt;\n"  /* 10 */
        "second line\n"
        "</Text>\n"
        "<Parse>\n"
        "(ROOT (S (NP (NNP Arnor))))\n"
        "</Parse>\n"                                                      /* 15 */
        "</Sentence>\n"
        "<SENTENCE DATE=\"19950101\" ID=\"B-2\" SENTENCE=\"false\" category=\"DEMO\">"
        "<text><![CDATA[Raw <b>markup</b> & more]]> and <i>tags</i> dropped</text>"
        "</sentence>\n"
        "<Sentence id=\"C-3\" date=\"2008-08-05\" sentence=\"0\"><Text>ISO date.</Text></Sentence>\n"
        "</Sentences></Validation>\n";
    got g;
    const char *diff = read_all_ways(&g, input, sizeof input - 1, DYAD_FORMAT_AUTO, 0);
    CHECK(diff == NULL);
    CHECK_INT(g.format, DYAD_FORMAT_PETRARCH);
    CHECK_INT(g.ndocs, 3);
    CHECK_INT(g.skipped, 0);
    CHECK_INT(g.ndiags, 0);
    got_doc *d = &g.docs[0];
    CHECK_STR(d->id, "A-1");
    CHECK_STR(d->date, "2008-08-04");
    CHECK_STR(d->source, "AFP");
    CHECK_INT(d->is_sentence, 1);
    CHECK_INT(d->line, 6);
    CHECK_STR(d->text, "Arnor & Gondor said \"yes\" \xC3\xA9\xC3\xA9'<>\nsecond line");
    CHECK_STR(d->parse, "(ROOT (S (NP (NNP Arnor))))");
    CHECK(d->title == NULL && d->url == NULL);
    d = &g.docs[1];
    CHECK_STR(d->id, "B-2");
    CHECK_STR(d->date, "1995-01-01");
    CHECK_INT(d->is_sentence, 0);
    CHECK(d->source == NULL && d->parse == NULL);
    CHECK_STR(d->text, "Raw <b>markup</b> & more and tags dropped");
    CHECK_INT(d->line, 17);
    d = &g.docs[2];
    CHECK_STR(d->date, "2008-08-05");
    CHECK_INT(d->is_sentence, 0);
    got_free(&g);
}

static void read_petrarch_bad_records(tctx *t)
{
    static const char input[] =
        "<Sentences>\n"
        "<Sentence date=\"20210614\" id=\"NO-END\">\n"                    /* 2 */
        "<Text>This record never closes.</Text>\n"
        "<Sentence date=\"20210615\" id=\"NO-TEXT\"><Parse>(ROOT)</Parse></Sentence>\n"
        "<Sentence date=\"20210616\" id=\"GOOD-1\">\n"                    /* 5 */
        "<Text>Kept, with \0 a NUL, \xFF\xFE bad bytes, AT&T and &bogus; &#0; &#xD800;.</Text>\n"
        "</Sentence>\n"
        "<Sentence date=\"20211340\" id=\"BAD-DATE\"><Text>Kept.</Text></Sentence>\n"
        "<Sentence date=\"20210617\"><Text>No id.</Text></Sentence>\n"   /* 9 */
        "<Sentence id=\"NO-DATE\"><Text>No date.</Text></Sentence>\n"    /* 10 */
        "<Sentence date=\"20210618\" id=\"OPEN-TEXT\"><Text>Never closed.\n"
        "</Sentence>\n"
        "<Sentence id=\"BAD-TAG\" date=\"2021\n"                          /* 13 */
        "<Text>quote never closed</Text></Sentence>\n"
        "<Sentence date=\"20210619\" id=\"SELF\"/>\n"                     /* 15 */
        "<Sentence date=\"20210620\" id=\"GOOD-2\"><Text>Kept too.</Text><Parse>(X</Sentence>\n"
        "<Sentence date=\"20210621\" id=\"UNCLOSED\"><Text>a</Text>\n"   /* 17 */
        "</Sentences>\n"
        "<Sentence date=\"20210622\" id=\"TRUNCATED\">\n"                 /* 19 */
        "<Text>The input ends here.</Text>\n";
    got g;
    const char *diff = read_all_ways(&g, input, sizeof input - 1, DYAD_FORMAT_AUTO, 0);
    CHECK(diff == NULL);
    CHECK_INT(g.ndocs, 5);
    CHECK_STR(g.docs[0].id, "GOOD-1");
    static const char want[] = "Kept, with \0 a NUL, \xFF\xFE bad bytes, AT&T and &bogus; &#0; &#xD800;.";
    CHECK_INT(g.docs[0].len, sizeof want - 1);
    CHECK(memcmp(g.docs[0].text, want, sizeof want) == 0);
    CHECK(has_diag(&g, DYAD_WARNING, 6, "GOOD-1", "entity \"&T\""));
    CHECK_STR(g.docs[1].id, "BAD-DATE");
    CHECK_STR(g.docs[1].date, "");
    CHECK(has_diag(&g, DYAD_WARNING, 8, "BAD-DATE", "date is not YYYYMMDD"));
    CHECK_STR(g.docs[2].id, "<memory>:9");
    CHECK(has_diag(&g, DYAD_WARNING, 9, NULL, "without an id"));
    CHECK_STR(g.docs[3].id, "NO-DATE");
    CHECK(has_diag(&g, DYAD_WARNING, 10, "NO-DATE", "without a date"));
    CHECK_STR(g.docs[4].id, "GOOD-2");
    CHECK(g.docs[4].parse == NULL);
    CHECK(has_diag(&g, DYAD_WARNING, 16, "GOOD-2", "</Parse>"));
    CHECK_INT(g.warnings, 5);
    CHECK_INT(g.skipped, 7);
    CHECK(has_diag(&g, DYAD_ERROR, 2, "NO-END", "not closed by </Sentence> before the next"));
    CHECK(has_diag(&g, DYAD_ERROR, 4, "NO-TEXT", "no <Text>"));
    CHECK(has_diag(&g, DYAD_ERROR, 11, "OPEN-TEXT", "<Text> not closed"));
    CHECK(has_diag(&g, DYAD_ERROR, 13, "BAD-TAG", "malformed <Sentence> tag"));
    CHECK(has_diag(&g, DYAD_ERROR, 15, "SELF", "no <Text>"));
    CHECK(has_diag(&g, DYAD_ERROR, 17, "UNCLOSED", "not closed by </Sentence>"));
    CHECK(has_diag(&g, DYAD_ERROR, 19, "TRUNCATED", "input ends inside a <Sentence>"));
    got_free(&g);

    /* A comment left open swallows the rest; what came before is kept. */
    READ_ALL(&g, "<Sentences><Sentence id=\"A\"><Text>a</Text></Sentence>\n"
                 "<!-- open\n<Sentence id=\"B\"><Text>b</Text></Sentence>",
             DYAD_FORMAT_PETRARCH);
    CHECK_INT(g.ndocs, 1);
    CHECK(has_diag(&g, DYAD_ERROR, 2, NULL, "comment not closed"));
    got_free(&g);
}

/* ---- the reference files ------------------------------------------------ */

/* <Sentence elements outside comments, counted independently. */
static size_t count_sentence_tags(const char *s)
{
    size_t n = 0;
    while ((s = strstr(s, "<")) != NULL) {
        if (strncmp(s, "<!--", 4) == 0) {
            const char *end = strstr(s, "-->");
            if (!end) break;
            s = end + 3;
            continue;
        }
        if (strncmp(s, "<Sentence", 9) == 0 && (s[9] == ' ' || s[9] == '>')) n++;
        s++;
    }
    return n;
}

static void read_shared_petrarch_files(tctx *t)
{
    char path[512];
    got g;
    read_path(&g, shared_path(path, sizeof path, "peers/petrarch2/text/GigaWord.sample.PETR.xml"),
              DYAD_FORMAT_AUTO);
    CHECK_INT(g.format, DYAD_FORMAT_PETRARCH);
    CHECK_INT(g.ndocs, 76);
    CHECK_INT(g.skipped, 0);
    CHECK_INT(g.warnings, 0);
    CHECK_STR(g.docs[0].id, "AFP0808020625_4");
    CHECK_STR(g.docs[0].date, "2008-08-04");
    CHECK_STR(g.docs[0].source, "AFP");
    CHECK_INT(g.docs[0].is_sentence, 1);
    CHECK(g.docs[0].parse != NULL && strncmp(g.docs[0].parse, "( (S", 4) == 0);
    CHECK(strncmp(g.docs[0].text, "The stopover came", 17) == 0);
    got_free(&g);

    shared_path(path, sizeof path, "peers/petrarch2/text/PETR.UnitTest.records.xml");
    char *whole = read_file(path, NULL);
    CHECK(whole != NULL);
    size_t expected = count_sentence_tags(whole);
    free(whole);
    read_path(&g, path, DYAD_FORMAT_AUTO);
    CHECK_INT(expected, 284);
    CHECK_INT(g.ndocs, expected);
    CHECK_INT(g.skipped, 0);
    CHECK_INT(g.warnings, 0);
    CHECK_STR(g.docs[0].id, "DEMO-00");
    CHECK_INT(g.docs[0].line, 61);
    size_t blocks = 0;
    for (size_t i = 0; i < g.ndocs; i++) blocks += g.docs[i].is_sentence == 0;
    CHECK(blocks >= 1); /* DEMO-04 has sentence="false" */
    got_free(&g);
}

static void read_shared_tabari_files(tctx *t)
{
    char path[512];
    got g;
    /* Validate.text has 481 record headers.  Two are deliberately bad,
     * testing TABARI's own date checks: "9501201" (line 1060, seven
     * digits) and "186010029" (line 3397, nine digits).  Its '#' banner
     * blocks are comments, not records. */
    read_path(&g, shared_path(path, sizeof path, "peers/tabari/Validate.text"), DYAD_FORMAT_TABARI);
    CHECK_INT(g.ndocs, 479);
    CHECK_INT(g.skipped, 2);
    CHECK(has_diag(&g, DYAD_ERROR, 1060, "ACTORSYN-01", "bad date"));
    CHECK(has_diag(&g, DYAD_ERROR, 3397, "YYYY-03", "bad date"));
    CHECK_STR(g.docs[0].id, "START-00");
    CHECK_INT(g.docs[0].line, 13);
    got_free(&g);

    /* The benchmark file has 49 records; TEST_1 to TEST_9 (lines
     * 136-160) are complete but empty, and are read as empty documents,
     * as TABARI counts them. */
    read_path(&g, shared_path(path, sizeof path, "bench/gigaword49.tabari.text"), DYAD_FORMAT_AUTO);
    CHECK_INT(g.format, DYAD_FORMAT_TABARI);
    CHECK_INT(g.ndocs, 49);
    CHECK_INT(g.skipped, 0);
    CHECK_STR(g.docs[0].id, "AFP0808020625_4");
    CHECK_STR(g.docs[0].date, "2008-08-04");
    CHECK_STR(g.docs[0].text, "The stopover came as the US leader prepared to attend the Beijing "
                              "Olympics, an\nevent which will test his vow to keep politics out "
                              "of the Games.");
    got_free(&g);

    read_path(&g, shared_path(path, sizeof path, "peers/tabari/TABARI.Demo.text"), DYAD_FORMAT_AUTO);
    CHECK_INT(g.format, DYAD_FORMAT_TABARI);
    CHECK_INT(g.skipped, 0);
    CHECK_STR(g.docs[0].id, "*INTRO");
    got_free(&g);
}

void suite_read(tctx *t)
{
    RUN(t, read_detects_each_format);
    RUN(t, read_text_keeps_every_byte);
    RUN(t, read_text_empty_input_has_no_document);
    RUN(t, read_text_too_large_is_skipped);
    RUN(t, read_text_file_names);
    RUN(t, read_jsonl_fields);
    RUN(t, read_jsonl_escapes);
    RUN(t, read_jsonl_bad_records_are_skipped);
    RUN(t, read_jsonl_nesting_is_capped);
    RUN(t, read_jsonl_dates);
    RUN(t, read_jsonl_truncated_final_record);
    RUN(t, read_sample_files);
    RUN(t, read_ten_mb_lines_take_linear_time);
    RUN(t, read_tabari_records);
    RUN(t, read_tabari_bad_records);
    RUN(t, read_petrarch_records);
    RUN(t, read_petrarch_bad_records);
    RUN(t, read_shared_petrarch_files);
    RUN(t, read_shared_tabari_files);
}
