/* test_serve.c -- the web server's parts without sockets: the request
 * target parser, and the store's read-only views it answers with (trend
 * periods, cursor paging, documents, errors and the time limit). */
#include "harness.h"
#include "serve/serve.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

/* ---- the request target ------------------------------------------------ */

static int parse(const char *raw, serve_target *tg, const char **err)
{
    return serve_parse_target(raw, strlen(raw), tg, err);
}

static void serve_url_parses_paths_and_parameters(tctx *t)
{
    static serve_target tg;
    const char *err;
    CHECK_INT(parse("/api/events?source=RUS&target=UKR&both=1&text=Kh%C3%A1rkiv+city&&x=", &tg, &err), 0);
    CHECK_STR(tg.path, "/api/events");
    CHECK_INT(tg.nparams, 5);
    CHECK_STR(serve_param_get(&tg, "source"), "RUS");
    CHECK_STR(serve_param_get(&tg, "text"), "Kh\xc3\xa1rkiv city");
    CHECK_STR(serve_param_get(&tg, "x"), "");
    CHECK(serve_param_get(&tg, "nothing") == NULL);
    CHECK_INT(parse("/api/documents/examples%2Farticle.txt", &tg, &err), 0);
    CHECK_STR(tg.path, "/api/documents/examples/article.txt");
    CHECK_INT(parse("/", &tg, &err), 0);
    CHECK_STR(tg.path, "/");
}

static void serve_url_refuses_hostile_targets(tctx *t)
{
    static serve_target tg;
    const char *err;
    const char *bad[] = {
        "", "api/events", "/../etc/passwd", "/%2e%2e/etc/passwd", "/a/%2E%2E", "/a/./b", "/a\\..\\b",
        "/api?x=%zz", "/api?x=%4", "/api?x=%00", "/api?x=%0a", "/api?x=%ff", "/api?=1", "/api?a=1&a=2",
        "/a b", "/a#frag", "/api?x=\x01",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int rc = parse(bad[i], &tg, &err);
        if (rc == 0) tctx_fail(t, __FILE__, __LINE__, "accepted '%s'", bad[i]);
        if (rc != 0 && !err) tctx_fail(t, __FILE__, __LINE__, "no message for '%s'", bad[i]);
    }
    char many[512] = "/api/events?";
    for (int i = 0; i <= SERVE_PARAMS_MAX; i++) snprintf(many + strlen(many), sizeof many - strlen(many), "p%d=1&", i);
    CHECK(parse(many, &tg, &err) != 0);
    char *huge = malloc(SERVE_TARGET_MAX + 2);
    CHECK(huge);
    memset(huge, 'a', SERVE_TARGET_MAX + 1);
    huge[0] = '/';
    huge[SERVE_TARGET_MAX + 1] = 0;
    int rc = parse(huge, &tg, &err);
    free(huge);
    CHECK(rc != 0);
}

/* ---- the store's views ---------------------------------------------------- */

typedef struct tmp {
    char dir[64], db[96];
} tmp;

static void quiet(const dyad_diag *d, void *user)
{
    snprintf((char *)user, 256, "%s", d->message);
}

/* A store of a few coded dispatches, opened read-only. */
static dyad_store *make_store(tmp *d, char *msg)
{
    snprintf(d->dir, sizeof d->dir, "/tmp/dyad-serve-XXXXXX");
    if (!mkdtemp(d->dir)) return NULL;
    snprintf(d->db, sizeof d->db, "%s/s.db", d->dir);
    static const char docs[] =
        "{\"id\":\"a\",\"date\":\"2022-01-30\",\"text\":\"Russia attacked Ukraine near Kharkiv.\"}\n"
        "{\"id\":\"b\",\"date\":\"2022-02-02\",\"text\":\"Ukraine accused Russia of shelling Kyiv. Russia rejected the accusation.\"}\n"
        "{\"id\":\"c\",\"date\":\"2022-04-10\",\"text\":\"Russia and Ukraine held talks in Istanbul.\"}\n";
    dyad_store *w = dyad_store_open(d->db, DYAD_STORE_CREATE, quiet, msg);
    dyad_coder_config cfg = {.builtin = 1};
    dyad_coder *coder = dyad_coder_new(&cfg);
    dyad_coder_work *work = coder ? dyad_coder_work_new(coder, NULL) : NULL;
    dyad_pipeline *pipe = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    dyad_reader *r = dyad_reader_open_memory("mem", docs, strlen(docs), DYAD_FORMAT_JSONL, NULL, NULL);
    dyad_document doc;
    while (w && work && pipe && r && dyad_reader_next(r, &doc)) {
        dyad_analysis a;
        const dyad_event *ev;
        size_t n;
        if (dyad_analyze(pipe, &doc, &a) == 0 && dyad_code(work, &a, &ev, &n) == 0)
            dyad_store_put(w, &a, ev, n, NULL);
    }
    dyad_reader_close(r);
    dyad_pipeline_free(pipe);
    dyad_coder_work_free(work);
    dyad_coder_free(coder);
    if (!w || dyad_store_close(w)) return NULL;
    return dyad_store_open(d->db, DYAD_STORE_READONLY, quiet, msg);
}

static void drop(tmp *d)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d->dir);
    if (system(cmd) != 0) fprintf(stderr, "  could not remove %s\n", d->dir);
}

typedef struct buf {
    char *data;
    size_t len;
    FILE *f;
} buf;

static FILE *buf_open(buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->f = open_memstream(&b->data, &b->len);
    return b->f;
}

static const char *buf_text(buf *b)
{
    fclose(b->f);
    b->f = NULL;
    return b->data;
}

static void serve_views_trend_fills_periods(tctx *t)
{
    tmp d;
    char msg[256] = "";
    dyad_store *s = make_store(&d, msg);
    CHECK(s);
    dyad_query q = {.source = "RUS", .target = "UKR", .both = 1};
    buf b;
    CHECK(buf_open(&b));
    int rc = dyad_store_trend_json(s, &q, DYAD_PERIOD_MONTH, b.f);
    const char *j = buf_text(&b);
    CHECK_INT(rc, 0);
    /* January to April with the empty March in between */
    CHECK(strstr(j, "\"period\":\"2022-01\""));
    CHECK(strstr(j, "{\"period\":\"2022-03\",\"events\":0,\"quads\":[0,0,0,0],\"goldstein_sum\":0.0,"
                    "\"goldstein_mean\":null,\"conflict_share\":null}"));
    CHECK(strstr(j, "\"period\":\"2022-04\""));
    CHECK(!strstr(j, "2022-05"));
    free(b.data);
    /* days run through the month's end: 2022-01-30, 31, 02-01, 02-02 */
    CHECK(buf_open(&b));
    rc = dyad_store_trend_json(s, &(dyad_query){.source = "RUS", .target = "UKR", .both = 1, .to = "2022-03-01"},
                               DYAD_PERIOD_DAY, b.f);
    j = buf_text(&b);
    CHECK_INT(rc, 0);
    const char *p1 = strstr(j, "2022-01-31"), *p2 = strstr(j, "2022-02-01"), *p3 = strstr(j, "2022-02-02");
    CHECK(p1 && p2 && p3 && p1 < p2 && p2 < p3);
    CHECK(!strstr(j, "2022-01-32"));
    free(b.data);
    /* a bad filter is the caller's error, with a message */
    CHECK(buf_open(&b));
    rc = dyad_store_trend_json(s, &(dyad_query){.source = "ru-s"}, DYAD_PERIOD_MONTH, b.f);
    free((char *)buf_text(&b));
    CHECK_INT(rc, DYAD_STORE_INVALID);
    CHECK(strstr(msg, "actor code"));
    dyad_store_close(s);
    drop(&d);
}

static void serve_views_pages_follow_the_cursor(tctx *t)
{
    tmp d;
    char msg[256] = "";
    dyad_store *s = make_store(&d, msg);
    CHECK(s);
    buf b;
    CHECK(buf_open(&b));
    CHECK_INT(dyad_store_events_json(s, &(dyad_query){0}, NULL, b.f), 0);
    char *all = (char *)buf_text(&b);
    /* one event a page: each page's id comes in the full list, in order */
    char cursor[48] = "";
    const char *at = all;
    int pages = 0;
    for (; pages < 50; pages++) {
        CHECK(buf_open(&b));
        CHECK_INT(dyad_store_events_json(s, &(dyad_query){.limit = 1}, cursor, b.f), 0);
        char *page = (char *)buf_text(&b);
        const char *id = strstr(page, "{\"id\":\"");
        const char *next = strstr(page, "\"next\":");
        if (!id) { free(page); break; }
        char idq[32];
        snprintf(idq, sizeof idq, "%.26s", id);
        const char *found = strstr(at, idq);
        if (!found) tctx_fail(t, __FILE__, __LINE__, "page %d: %s not next in the full list", pages, idq);
        at = found ? found + 1 : at;
        if (!next || strncmp(next + 7, "null", 4) == 0) { free(page); pages++; break; }
        snprintf(cursor, sizeof cursor, "%.*s", (int)strcspn(next + 8, "\""), next + 8);
        free(page);
    }
    CHECK(pages >= 3);
    free(all);
    CHECK(buf_open(&b));
    int rc = dyad_store_events_json(s, &(dyad_query){0}, "20221301.1", b.f);
    free((char *)buf_text(&b));
    CHECK_INT(rc, DYAD_STORE_INVALID);
    CHECK(buf_open(&b));
    rc = dyad_store_events_json(s, &(dyad_query){.offset = 5}, NULL, b.f);
    free((char *)buf_text(&b));
    CHECK_INT(rc, DYAD_STORE_INVALID);
    dyad_store_close(s);
    drop(&d);
}

static void serve_views_document_has_sentence_offsets(tctx *t)
{
    tmp d;
    char msg[256] = "";
    dyad_store *s = make_store(&d, msg);
    CHECK(s);
    buf b;
    CHECK(buf_open(&b));
    CHECK_INT(dyad_store_document_json(s, "b", 100, b.f), 0);
    const char *j = buf_text(&b);
    /* the first sentence, "Ukraine accused Russia of shelling Kyiv.", is bytes 0-40 */
    CHECK(strstr(j, "\"sentence_offsets\":[0,40]"));
    CHECK(strstr(j, "\"truncated\":false"));
    free(b.data);
    CHECK(buf_open(&b));
    int rc = dyad_store_document_json(s, "no-such", 100, b.f);
    free((char *)buf_text(&b));
    CHECK_INT(rc, DYAD_STORE_NOT_FOUND);
    dyad_store_close(s);
    drop(&d);
}

static void serve_views_stop_at_the_time_limit(tctx *t)
{
    tmp d;
    char msg[256] = "";
    dyad_store *s = make_store(&d, msg);
    CHECK(s);
    dyad_store_close(s);
    /* 400,000 more events of one dyad: enough work to outlast 1 ms */
    sqlite3 *db;
    CHECK(sqlite3_open(d.db, &db) == SQLITE_OK);
    int rc = sqlite3_exec(db,
                          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)"
                          " INSERT INTO events(eid, doc, date, source, target, code, quad, goldstein)"
                          " SELECT i, 1, 20100101 + (i % 28), 'AAA', 'BBB', '190', 4, -10 FROM n",
                          NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK(rc == SQLITE_OK);
    s = dyad_store_open(d.db, DYAD_STORE_READONLY, quiet, msg);
    CHECK(s);
    dyad_store_time_limit(s, 1);
    buf b;
    CHECK(buf_open(&b));
    rc = dyad_store_trend_json(s, &(dyad_query){.source = "AAA"}, DYAD_PERIOD_DAY, b.f);
    free((char *)buf_text(&b));
    CHECK_INT(rc, DYAD_STORE_TIMEOUT);
    CHECK(strstr(msg, "longer than 1 ms"));
    /* the same query without the limit answers */
    dyad_store_time_limit(s, 0);
    CHECK(buf_open(&b));
    rc = dyad_store_trend_json(s, &(dyad_query){.source = "AAA"}, DYAD_PERIOD_DAY, b.f);
    const char *j = buf_text(&b);
    CHECK_INT(rc, 0);
    CHECK(strstr(j, "\"period\":\"2010-01-28\""));
    free((char *)j);
    dyad_store_close(s);
    drop(&d);
}

void suite_serve(tctx *t)
{
    RUN(t, serve_url_parses_paths_and_parameters);
    RUN(t, serve_url_refuses_hostile_targets);
    RUN(t, serve_views_trend_fills_periods);
    RUN(t, serve_views_pages_follow_the_cursor);
    RUN(t, serve_views_document_has_sentence_offsets);
    RUN(t, serve_views_stop_at_the_time_limit);
}
