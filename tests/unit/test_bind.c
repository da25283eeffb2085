/* test_bind.c -- dyad_session, the one-call API for bindings (src/api/
 * bind.c): the events it gives equal those of the pipeline driven by
 * hand; dates, ids, explanations and input formats reach the coder;
 * dictionary files and their failures; skipped records as diagnostics;
 * streaming a file document by document. */
#include "harness.h"
#include <stdlib.h>
#include <unistd.h>

static const char *kharkiv = "Russian troops attacked Ukrainian positions near Kharkiv on Tuesday.";

/* The number of lines of a JSON Lines buffer. */
static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

static void session_codes_a_sentence(tctx *t)
{
    dyad_session *s = dyad_session_new(NULL);
    CHECK(s);
    CHECK_STR(dyad_session_error(s), "");
    const char *out = NULL;
    size_t len = 0;
    long n = dyad_session_code(s, kharkiv, strlen(kharkiv), "2022-03-03", NULL, DYAD_FORMAT_AUTO, 0,
                               &out, &len);
    CHECK_INT(n, 1);
    CHECK_INT(len, strlen(out));
    CHECK_INT(count_lines(out), 1);
    CHECK(strstr(out, "\"doc\":\"text\""));
    CHECK(strstr(out, "\"source\":\"RUSMIL\""));
    CHECK(strstr(out, "\"target\":\"UKRMIL\""));
    CHECK(strstr(out, "\"root\":\"19\""));
    /* "on Tuesday" before a Thursday article */
    CHECK(strstr(out, "\"date\":\"2022-03-01\""));
    CHECK(strstr(out, "\"name\":\"Kharkiv\""));
    CHECK(!strstr(out, "\"pattern\""));
    CHECK_STR(dyad_session_error(s), "");
    dyad_session_free(s);
}

/* The session is a bundle, not a second coder: its output is byte for
 * byte what the reader, dyad_analyze, dyad_code and dyad_render_events
 * give when a program drives them itself. */
static void session_equals_pipeline_by_hand(tctx *t)
{
    const char *text =
        "{\"id\":\"a1\",\"date\":\"2021-05-05\",\"text\":\"Israel bombed Gaza on Monday. Egypt urged both sides to "
        "hold talks.\"}\n"
        "{\"id\":\"a2\",\"text\":\"China criticised Japan. Japan rejected the criticism.\"}\n";
    dyad_coder_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.builtin = 1;
    dyad_coder *c = dyad_coder_new(&cfg);
    CHECK(c);
    dyad_code_options opt;
    memset(&opt, 0, sizeof opt);
    memcpy(opt.default_date, "2020-01-01", 11);
    opt.explain = 1;
    dyad_coder_work *w = dyad_coder_work_new(c, &opt);
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    dyad_reader *r = dyad_reader_open_memory("text", text, strlen(text), DYAD_FORMAT_AUTO, NULL, NULL);
    char *want = NULL;
    size_t wantlen = 0;
    FILE *mem = open_memstream(&want, &wantlen);
    dyad_document doc;
    while (dyad_reader_next(r, &doc)) {
        dyad_document d = doc;
        if (!d.date[0]) memcpy(d.date, "2020-01-01", 11);
        dyad_analysis a;
        const dyad_event *ev;
        size_t n;
        if (dyad_analyze(p, &d, &a) == 0 && dyad_code(w, &a, &ev, &n) == 0)
            dyad_render_events(mem, &a, ev, n, DYAD_EVENTS_JSONL, DYAD_EVENTS_EXPLAIN);
    }
    fclose(mem);
    dyad_reader_close(r);
    dyad_pipeline_free(p);
    dyad_coder_work_free(w);
    dyad_coder_free(c);

    dyad_session *s = dyad_session_new(NULL);
    const char *out;
    size_t len;
    long n = dyad_session_code(s, text, strlen(text), "2020-01-01", NULL, DYAD_FORMAT_JSONL,
                               DYAD_EVENTS_EXPLAIN, &out, &len);
    int same = n >= 3 && len == wantlen && memcmp(out, want, len) == 0;
    if (!same) printf("  session (%ld events):\n%s  by hand:\n%s", n, out, want);
    CHECK(same);
    CHECK_INT(count_lines(out), n);
    CHECK(strstr(out, "\"doc\":\"a1\""));
    CHECK(strstr(out, "\"doc\":\"a2\""));
    CHECK(strstr(out, "\"pattern\""));
    free(want);
    dyad_session_free(s);
}

/* Each call stands alone: the date, the id and the flags of one call do
 * not leak into the next, and an error is forgotten by the next call. */
static void session_calls_are_independent(tctx *t)
{
    dyad_session *s = dyad_session_new(NULL);
    const char *out;
    size_t len;
    CHECK_INT(dyad_session_code(s, kharkiv, strlen(kharkiv), "2022-03-03", "kh-1", DYAD_FORMAT_TEXT,
                                DYAD_EVENTS_EXPLAIN, &out, &len), 1);
    CHECK(strstr(out, "\"doc\":\"kh-1\""));
    CHECK(strstr(out, "\"pattern\""));
    CHECK_INT(dyad_session_code(s, kharkiv, strlen(kharkiv), "2023-06-15", NULL, DYAD_FORMAT_TEXT, 0,
                                &out, &len), 1);
    CHECK(strstr(out, "\"doc\":\"text\""));
    CHECK(strstr(out, "\"date\":\"2023-06-13\""));
    CHECK(!strstr(out, "\"pattern\""));
    /* no date at all: the event is undated */
    CHECK_INT(dyad_session_code(s, kharkiv, strlen(kharkiv), NULL, NULL, DYAD_FORMAT_TEXT, 0, &out,
                                &len), 1);
    CHECK(strstr(out, "\"date\":\"\"") || strstr(out, "\"date\":null"));
    /* a malformed date is an error, and the buffer is empty */
    CHECK_INT(dyad_session_code(s, kharkiv, strlen(kharkiv), "2022-13-01", NULL, DYAD_FORMAT_TEXT, 0,
                                &out, &len), -1);
    CHECK(strstr(dyad_session_error(s), "2022-13-01"));
    CHECK_INT(len, 0);
    CHECK_STR(out, "");
    CHECK_INT(dyad_session_code(s, kharkiv, strlen(kharkiv), NULL, NULL, (dyad_format)9, 0, &out, &len), -1);
    CHECK(strstr(dyad_session_error(s), "unknown input format 9"));
    /* ... forgotten by the next call */
    CHECK_INT(dyad_session_code(s, "", 0, NULL, NULL, DYAD_FORMAT_AUTO, 0, &out, &len), 0);
    CHECK_STR(dyad_session_error(s), "");
    CHECK_INT(len, 0);
    dyad_session_free(s);
}

/* A record the reader skips is a diagnostic, not an error: the other
 * records are coded. */
static void session_reports_skipped_records(tctx *t)
{
    const char *text = "{\"id\":\"x1\",\"date\":\"2021-05-05\",\"text\":\"Israel bombed Gaza.\"}\n"
                       "not json\n"
                       "{\"id\":\"x2\",\"date\":\"2021-05-06\",\"text\":\"China criticised Japan.\"}\n";
    dyad_session *s = dyad_session_new(NULL);
    const char *out;
    size_t len;
    CHECK_INT(dyad_session_code(s, text, strlen(text), NULL, "feed.jsonl", DYAD_FORMAT_JSONL, 0, &out,
                                &len), 2);
    CHECK_STR(dyad_session_error(s), "");
    const char *d = dyad_session_diagnostics(s);
    CHECK(strstr(d, "feed.jsonl:2: error: "));
    CHECK_INT(count_lines(d), 1);
    CHECK_INT(dyad_session_code(s, kharkiv, strlen(kharkiv), NULL, NULL, DYAD_FORMAT_AUTO, 0, &out,
                                &len), 1);
    CHECK_STR(dyad_session_diagnostics(s), "");
    dyad_session_free(s);
}

/* A feed of nothing but bad records must not grow the diagnostics
 * without bound: past a cap they are counted. */
static void session_diagnostics_are_bounded(tctx *t)
{
    size_t nbad = 20000, cap = nbad * 8 + 64;
    char *text = malloc(cap);
    CHECK(text);
    size_t len = 0;
    for (size_t i = 0; i < nbad; i++) len += (size_t)snprintf(text + len, cap - len, "[%zu]\n", i % 10);
    len += (size_t)snprintf(text + len, cap - len, "{\"id\":\"ok\",\"text\":\"China criticised Japan.\"}\n");
    dyad_session *s = dyad_session_new(NULL);
    const char *out;
    size_t outlen;
    long n = dyad_session_code(s, text, len, NULL, "feed", DYAD_FORMAT_JSONL, 0, &out, &outlen);
    free(text);
    CHECK_INT(n, 1);
    const char *d = dyad_session_diagnostics(s);
    CHECK(strlen(d) < 128 * 1024);
    CHECK(strstr(d, "feed:1: error: "));
    const char *more = strstr(d, "... and ");
    CHECK(more);
    size_t kept = count_lines(d) - 1, dropped = strtoul(more + 8, NULL, 10);
    CHECK_INT(kept + dropped, nbad);
    dyad_session_free(s);
}

/* ---- dictionary files -------------------------------------------------- */

typedef struct dict_dir {
    char dir[64], verbs[96], actors[96];
} dict_dir;

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fputs(text, f);
    return fclose(f);
}

/* Invented countries, so that only these files can code them. */
static int dict_dir_open(dict_dir *dd)
{
    snprintf(dd->dir, sizeof dd->dir, "/tmp/dyad_bind_XXXXXX");
    if (!mkdtemp(dd->dir)) return -1;
    snprintf(dd->verbs, sizeof dd->verbs, "%s/t.verbs", dd->dir);
    snprintf(dd->actors, sizeof dd->actors, "%s/t.actors", dd->dir);
    return write_file(dd->verbs, "CONDEMN [122]\nRECEIV [---]\n") ||
           write_file(dd->actors, "VALORIA [VAL]\nMERANTH_ [MER]\n");
}

static void dict_dir_close(dict_dir *dd)
{
    unlink(dd->verbs);
    unlink(dd->actors);
    rmdir(dd->dir);
}

static void session_with_dictionary_files(tctx *t)
{
    dict_dir dd;
    CHECK(dict_dir_open(&dd) == 0);
    const char *actors[1] = {dd.actors};
    dyad_coder_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.verbs = dd.verbs;
    cfg.actors = actors;
    cfg.nactors = 1;
    const char *text = "Valoria condemned Meranth on Tuesday for the border incident. Russia condemned Ukraine.";
    const char *out;
    size_t len;

    dyad_session *only = dyad_session_new(&cfg); /* builtin == 0 */
    CHECK(only);
    CHECK_STR(dyad_session_error(only), "");
    long n = dyad_session_code(only, text, strlen(text), "2024-01-01", NULL, DYAD_FORMAT_TEXT, 0, &out, &len);
    CHECK_INT(n, 1);
    CHECK(strstr(out, "\"source\":\"VAL\",\"target\":\"MER\",\"code\":\"122\""));
    dyad_session_free(only);

    cfg.builtin = 1;
    dyad_session *both = dyad_session_new(&cfg);
    n = dyad_session_code(both, text, strlen(text), "2024-01-01", NULL, DYAD_FORMAT_TEXT, 0, &out, &len);
    CHECK_INT(n, 2);
    CHECK(strstr(out, "\"source\":\"VAL\""));
    CHECK(strstr(out, "\"source\":\"RUS\""));
    dyad_session_free(both);
    dict_dir_close(&dd);
}

/* A dictionary that cannot be read makes the session unusable, and says
 * which file and why, at creation and at every call. */
static void session_with_missing_dictionary(tctx *t)
{
    dyad_coder_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.verbs = "/nonexistent/dyad/missing.verbs";
    cfg.builtin = 1;
    dyad_session *s = dyad_session_new(&cfg);
    CHECK(s);
    CHECK(strstr(dyad_session_error(s), "cannot load the dictionaries"));
    CHECK(strstr(dyad_session_error(s), "/nonexistent/dyad/missing.verbs"));
    const char *out = "x";
    size_t len = 1;
    CHECK_INT(dyad_session_code(s, kharkiv, strlen(kharkiv), NULL, NULL, DYAD_FORMAT_AUTO, 0, &out, &len), -1);
    CHECK(strstr(dyad_session_error(s), "/nonexistent/dyad/missing.verbs"));
    CHECK_INT(len, 0);
    CHECK_INT(dyad_session_open_file(s, "/dev/null", NULL, DYAD_FORMAT_AUTO, 0), -1);
    CHECK(strstr(dyad_session_error(s), "missing.verbs"));
    dyad_session_free(s);
}

/* ---- streaming a file --------------------------------------------------- */

static void session_streams_a_file(tctx *t)
{
    char path[] = "/tmp/dyad_bind_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("{\"id\":\"f1\",\"date\":\"2021-05-05\",\"text\":\"Israel bombed Gaza.\"}\n"
          "{\"id\":\"f2\",\"text\":\"The weather was fine.\"}\n"
          "{broken\n"
          "{\"id\":\"f3\",\"text\":\"China criticised Japan.\"}\n", f);
    fclose(f);
    dyad_session *s = dyad_session_new(NULL);
    const char *out;
    size_t len;
    CHECK_INT(dyad_session_open_file(s, path, "2019-09-09", DYAD_FORMAT_AUTO, 0), 0);
    CHECK_INT(dyad_session_next(s, &out, &len), 1);
    CHECK(strstr(out, "\"doc\":\"f1\"") && strstr(out, "\"date\":\"2021-05-05\""));
    CHECK_INT(dyad_session_next(s, &out, &len), 1); /* a document without events */
    CHECK_INT(len, 0);
    CHECK_INT(dyad_session_next(s, &out, &len), 1); /* f3; the broken line skipped on the way */
    CHECK(strstr(out, "\"doc\":\"f3\"") && strstr(out, "\"date\":\"2019-09-09\""));
    CHECK(strstr(dyad_session_diagnostics(s), ":3: error: "));
    CHECK_INT(dyad_session_next(s, &out, &len), 0);
    CHECK_INT(dyad_session_next(s, &out, &len), -1);
    CHECK(strstr(dyad_session_error(s), "no file is open"));
    /* coding text closes the file being read */
    CHECK_INT(dyad_session_open_file(s, path, NULL, DYAD_FORMAT_AUTO, 0), 0);
    CHECK_INT(dyad_session_code(s, kharkiv, strlen(kharkiv), NULL, NULL, DYAD_FORMAT_AUTO, 0, &out, &len), 1);
    CHECK_INT(dyad_session_next(s, &out, &len), -1);
    unlink(path);
    CHECK_INT(dyad_session_open_file(s, path, NULL, DYAD_FORMAT_AUTO, 0), -1);
    CHECK(strstr(dyad_session_error(s), path));
    CHECK_INT(dyad_session_open_file(s, "-", "2022-02-30x", DYAD_FORMAT_AUTO, 0), -1);
    CHECK(strstr(dyad_session_error(s), "YYYY-MM-DD"));
    dyad_session_free(s);
}

void suite_bind(tctx *t)
{
    RUN(t, session_codes_a_sentence);
    RUN(t, session_equals_pipeline_by_hand);
    RUN(t, session_calls_are_independent);
    RUN(t, session_reports_skipped_records);
    RUN(t, session_diagnostics_are_bounded);
    RUN(t, session_with_dictionary_files);
    RUN(t, session_with_missing_dictionary);
    RUN(t, session_streams_a_file);
}
