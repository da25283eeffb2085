/* test_trend.c -- trends and alerts through the public API: the change
 * detector on series with and without changes, and trends and alerts
 * over a store of imported events. */
#include "harness.h"
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct rng {
    uint64_t s;
} rng;

static double uni(rng *r)
{
    r->s ^= r->s << 13;
    r->s ^= r->s >> 7;
    r->s ^= r->s << 17;
    return (double)(r->s >> 11) / 9007199254740992.0;
}

static long poisson(rng *r, double lambda)
{
    double l = exp(-lambda), p = 1;
    long k = 0;
    do {
        k++;
        p *= uni(r);
    } while (p > l);
    return k - 1;
}

/* n days: events Poisson(rate * burst), conflict binomial(share). */
static void series(rng *r, dyad_day_count *d, int n, double rate, double share0, double share1, int change,
                   int burst_from, int burst_to)
{
    for (int i = 0; i < n; i++) {
        double lam = rate * (i >= burst_from && i < burst_to ? 5 : 1);
        d[i].day = 18000 + i;
        d[i].events = poisson(r, lam);
        d[i].conflict = 0;
        for (long k = 0; k < d[i].events; k++) d[i].conflict += uni(r) < (i < change ? share0 : share1);
    }
}

static void trend_detector_finds_a_sudden_escalation(tctx *t)
{
    rng r = {88172645463325252ull};
    dyad_day_count d[120];
    series(&r, d, 120, 8, 0.2, 0.7, 70, 0, 0);
    dyad_change c[4];
    size_t n = dyad_detect_changes(d, 120, 0.3, NULL, c, 4);
    CHECK_INT(n, 1);
    CHECK_INT(c[0].direction, 1);
    CHECK(c[0].start >= 18000 + 68 && c[0].start <= 18000 + 72);
    CHECK(c[0].alarm >= 18000 + 70 && c[0].alarm <= 18000 + 73);
    CHECK(c[0].share > c[0].baseline_share + 0.3);
    CHECK(c[0].confidence > 0.95);
}

static void trend_detector_finds_a_de_escalation(tctx *t)
{
    rng r = {0x1234567ull};
    dyad_day_count d[120];
    series(&r, d, 120, 10, 0.7, 0.15, 60, 0, 0);
    dyad_change c[4];
    size_t n = dyad_detect_changes(d, 120, 0.3, NULL, c, 4);
    CHECK_INT(n, 1);
    CHECK_INT(c[0].direction, -1);
    CHECK(c[0].alarm >= 18000 + 60 && c[0].alarm <= 18000 + 64);
}

static void trend_detector_ignores_a_burst_of_coverage(tctx *t)
{
    /* five times the usual coverage for a week, the usual mix of events:
     * no alarm in that week or the next, in twenty dyads */
    for (uint64_t seed = 1; seed <= 20; seed++) {
        rng r = {seed * 0x9e3779b97f4a7c15ull};
        dyad_day_count d[150];
        series(&r, d, 150, 6, 0.3, 0.3, 150, 70, 77);
        dyad_change c[8];
        size_t n = dyad_detect_changes(d, 150, 0.3, NULL, c, 8);
        for (size_t i = 0; i < n && i < 8; i++)
            CHECK(c[i].alarm < 18000 + 70 || c[i].alarm > 18000 + 84);
    }
}

static void trend_detector_needs_evidence_from_small_dyads(tctx *t)
{
    /* fifty small dyads (one event every two days), a year each, no
     * change: their noise must not alarm */
    size_t alarms = 0;
    for (uint64_t seed = 1; seed <= 50; seed++) {
        rng r = {seed * 0x2545f4914f6cdd1dull};
        dyad_day_count d[365];
        series(&r, d, 365, 0.5, 0.3, 0.3, 365, 0, 0);
        alarms += dyad_detect_changes(d, 365, 0.3, NULL, NULL, 0);
    }
    CHECK(alarms <= 1);
    /* a real change of a small dyad alarms once the evidence is there,
     * and every alarm has the minimum of conflict events */
    rng r = {77ull};
    dyad_day_count d[200];
    series(&r, d, 200, 1, 0.1, 0.9, 100, 0, 0);
    dyad_change c[4];
    dyad_alert_params p;
    dyad_alert_defaults(&p);
    size_t n = dyad_detect_changes(d, 200, 0.3, &p, c, 4);
    CHECK(n >= 1);
    CHECK(c[0].alarm >= 18000 + 100);
    CHECK(c[0].conflict >= p.min_conflict);
    p.min_conflict = 1000;
    CHECK_INT(dyad_detect_changes(d, 200, 0.3, &p, NULL, 0), 0);
}

/* A share known from few events is known roughly: after a baseline of
 * four events a week the same run of conflict needs more days to alarm
 * than when the baseline's share is taken as known, and after one of
 * four events every day (known well) it makes no difference. */
static int first_alarm(const dyad_day_count *d, size_t n, const dyad_alert_params *p)
{
    dyad_change c[4];
    size_t k = dyad_detect_changes(d, n, 0.3, p, c, 4);
    return k ? c[0].alarm - 18000 : -1;
}

static void trend_detector_weighs_the_baseline_uncertainty(tctx *t)
{
    dyad_alert_params with, without;
    dyad_alert_defaults(&with);
    with.baseline_uncertainty = 1;
    with.baseline_events = 300;
    without = with;
    without.baseline_uncertainty = 0;
    /* a quarter of the events conflicts, then from day 100 three in four */
    dyad_day_count small[130], big[130];
    for (int i = 0; i < 130; i++) {
        small[i] = (dyad_day_count){18000 + i, i < 100 ? (i % 7 == 0 ? 4 : 0) : 4, i < 100 ? i % 7 == 0 : 3};
        big[i] = (dyad_day_count){18000 + i, 4, i < 100 ? 1 : 3};
    }
    int ws = first_alarm(small, 130, &with), ns = first_alarm(small, 130, &without);
    int wb = first_alarm(big, 130, &with), nb = first_alarm(big, 130, &without);
    CHECK(ns >= 100 && ns <= 104);
    CHECK(ws > ns && ws <= 106);
    CHECK(nb >= 100 && nb <= 104);
    CHECK_INT(wb, nb);
}

/* A dyad of an event every tenth day holds too few events in six weeks
 * to be judged (min_baseline); with baseline_events its baseline reaches
 * back until it holds them (or six months), so a burst of conflict is
 * found. */
static void trend_detector_reaches_back_for_a_small_baseline(tctx *t)
{
    dyad_day_count d[40];
    size_t m = 0;
    for (int i = 0; i < 250; i += 10) d[m++] = (dyad_day_count){18000 + i, 1, i % 100 == 0};
    for (int i = 250; i < 254; i++) d[m++] = (dyad_day_count){18000 + i, 3, 3};
    dyad_alert_params p;
    dyad_alert_defaults(&p);
    p.baseline_events = 300;
    p.baseline_uncertainty = 1;
    dyad_change c[4];
    CHECK_INT(dyad_detect_changes(d, m, 0.3, &p, c, 4), 1);
    CHECK_INT(c[0].direction, 1);
    CHECK_INT(c[0].start, 18000 + 250);
    CHECK(c[0].alarm <= 18000 + 253);
    /* the baseline: the six months before the guard week, an event in ten days */
    CHECK(c[0].baseline_daily > 0.08 && c[0].baseline_daily < 0.12);
    p.baseline_events = 0;
    CHECK_INT(dyad_detect_changes(d, m, 0.3, &p, NULL, 0), 0);
}

/* An invasion's day in a small dyad: ten conflict events of twelve after
 * an event a day, one in eight of them conflict.  Weighed against that
 * baseline's uncertainty, the test for odds x 4 is not sure of it on the
 * day; the test for a change twice as large (odds x 16) is. */
static void trend_detector_wide_alternative_sees_a_jump(tctx *t)
{
    dyad_day_count d[80];
    for (int i = 0; i < 80; i++) d[i] = (dyad_day_count){18000 + i, 1, i % 8 == 0};
    d[79] = (dyad_day_count){18079, 12, 10};
    dyad_alert_params p;
    dyad_alert_defaults(&p);
    p.baseline_uncertainty = 1;
    CHECK_INT(dyad_detect_changes(d, 80, 0.3, &p, NULL, 0), 0);
    p.wide_alternative = 1;
    dyad_change c[4];
    CHECK_INT(dyad_detect_changes(d, 80, 0.3, &p, c, 4), 1);
    CHECK_INT(c[0].direction, 1);
    CHECK_INT(c[0].start, 18079);
    CHECK_INT(c[0].alarm, 18079);
}

static void trend_detector_skips_days_without_events(tctx *t)
{
    /* the same days with or without their empty days give the same alarms */
    rng r = {4242ull};
    dyad_day_count d[120], sparse[120];
    series(&r, d, 120, 3, 0.2, 0.8, 80, 0, 0);
    size_t m = 0;
    for (int i = 0; i < 120; i++)
        if (d[i].events) sparse[m++] = d[i];
    dyad_change a[4], b[4];
    size_t na = dyad_detect_changes(d, 120, 0.3, NULL, a, 4), nb = dyad_detect_changes(sparse, m, 0.3, NULL, b, 4);
    CHECK_INT(na, nb);
    CHECK(na >= 1);
    CHECK_INT(a[0].start, b[0].start);
    CHECK_INT(a[0].alarm, b[0].alarm);
}

/* A step of the share at day 90 in twenty dyads of twelve events a day:
 * each is alarmed in the step's direction within 3 days, and the alert's
 * start (the likeliest first day of the new share) is the step's day,
 * give or take one, in nearly all; before the step, at most two false
 * alarms in all twenty. */
static void step_changes(tctx *t, double share0, double share1, int direction)
{
    int found = 0, dated = 0, early = 0;
    for (uint64_t seed = 1; seed <= 20; seed++) {
        rng r = {seed * 0x9e3779b97f4a7c15ull};
        dyad_day_count d[140];
        series(&r, d, 140, 12, share0, share1, 90, 0, 0);
        dyad_change c[8];
        size_t n = dyad_detect_changes(d, 140, 0.3, NULL, c, 8);
        for (size_t i = 0; i < n && i < 8; i++) {
            int alarm = c[i].alarm - 18090, start = c[i].start - 18090;
            if (alarm < 0) { early++; continue; }
            if (c[i].direction != direction || alarm > 3) continue;
            found++;
            dated += start >= -1 && start <= 1;
            CHECK(start <= alarm);
        }
    }
    CHECK_INT(found, 20);
    CHECK(dated >= 18);
    CHECK(early <= 2);
}

static void trend_detector_dates_a_step_change(tctx *t)
{
    step_changes(t, 0.2, 0.6, 1);
}

static void trend_detector_dates_a_step_de_escalation(tctx *t)
{
    step_changes(t, 0.6, 0.15, -1);
}

static void trend_detector_ignores_a_lasting_rise_in_coverage(tctx *t)
{
    /* forty dyads (1 to 8 events a day) whose coverage triples for good
     * at day 120, the mix of events unchanged: the share carries the
     * evidence, so the rise is no escalation (the coverage term tried in
     * docs/trends.md raised one in 10-37 % of such dyads) */
    dyad_day_count *d = malloc(240 * sizeof *d);
    CHECK(d != NULL);
    if (!d) return;
    int after = 0;
    for (int k = 0; k < 4; k++)
        for (uint64_t seed = 1; seed <= 10; seed++) {
            rng r = {seed * 0x2545f4914f6cdd1dull + (uint64_t)k};
            double rate = (double)(1 << k);
            for (int i = 0; i < 240; i++) {
                d[i].day = 18000 + i;
                d[i].events = poisson(&r, rate * (i >= 120 ? 3 : 1));
                d[i].conflict = 0;
                for (long e = 0; e < d[i].events; e++) d[i].conflict += uni(&r) < 0.25;
            }
            dyad_change c[8];
            size_t n = dyad_detect_changes(d, 240, 0.3, NULL, c, 8);
            for (size_t i = 0; i < n && i < 8; i++) after += c[i].alarm >= 18120;
        }
    CHECK(after <= 4);
    free(d);
}

/* ---- over a store -------------------------------------------------------- */

static void sink(const dyad_diag *d, void *user)
{
    (void)d;
    (*(int *)user)++;
}

/* A store of imported events: RUSGOV/UKRMIL and FRA/DEU, Nov 2021 to
 * Mar 2022; RUS-UKR turns to conflict on 2022-02-24. */
static dyad_store *demo_store(char *dir, size_t cap, int *diags)
{
    snprintf(dir, cap, "/tmp/dyad-trend-XXXXXX");
    if (!mkdtemp(dir)) return NULL;
    char path[128], db[128];
    snprintf(path, sizeof path, "%s/events.jsonl", dir);
    snprintf(db, sizeof db, "%s/t.db", dir);
    FILE *f = fopen(path, "w");
    if (!f) return NULL;
    rng r = {99ull};
    int k = 0;
    for (int day = 0; day < 151; day++) {
        int ymd = 0;
        /* 2021-11-01 is day 18932 */
        int z = 18932 + day + 719468, era = z / 146097, doe = z - era * 146097;
        int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153, dd = doy - (153 * mp + 2) / 5 + 1, mm = mp + (mp < 10 ? 3 : -9);
        ymd = (yoe + era * 400 + (mm <= 2)) * 10000 + mm * 100 + dd;
        bool war = ymd >= 20220224;
        long n = poisson(&r, war ? 16 : 5);
        for (long i = 0; i < n; i++) {
            bool conflict = uni(&r) < (war ? 0.85 : 0.25);
            fprintf(f,
                    "{\"id\":\"%016x\",\"doc\":\"d%d\",\"sentence\":0,\"date\":\"%04d-%02d-%02d\",\"source\":\"%s\","
                    "\"target\":\"%s\",\"code\":\"%s\"}\n",
                    k + 1, k + 1, ymd / 10000, ymd / 100 % 100, ymd % 100, i % 2 ? "RUSGOV" : "UKRMIL",
                    i % 2 ? "UKR" : "RUSMIL", conflict ? (war ? "190" : "111") : "036");
            k++;
        }
        /* a calm pair, with a week of heavy coverage in December */
        n = poisson(&r, ymd >= 20211210 && ymd < 20211217 ? 20 : 4);
        for (long i = 0; i < n; i++)
            fprintf(f,
                    "{\"id\":\"%016x\",\"doc\":\"d%d\",\"sentence\":0,\"date\":\"%04d-%02d-%02d\",\"source\":\"FRA\","
                    "\"target\":\"DEUGOV\",\"code\":\"%s\"}\n",
                    k + 1, k + 1, ymd / 10000, ymd / 100 % 100, ymd % 100, uni(&r) < 0.1 ? "111" : "042"),
            k++;
    }
    fclose(f);
    dyad_store *s = dyad_store_open(db, DYAD_STORE_CREATE, sink, diags);
    if (!s) return NULL;
    dyad_import_result res;
    if (dyad_store_import(s, path, DYAD_IMPORT_JSONL, &res)) { dyad_store_close(s); return NULL; }
    return s;
}

static void remove_dir(const char *dir)
{
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "  could not remove %s\n", dir);
}

static void trend_series_has_every_period(tctx *t)
{
    char dir[64];
    int diags = 0;
    dyad_store *s = demo_store(dir, sizeof dir, &diags);
    CHECK(s != NULL);
    dyad_query q;
    memset(&q, 0, sizeof q);
    q.source = "RUS";
    q.target = "UKR";
    q.both = 1;
    q.from = "2021-10-01";
    q.to = "2022-04-30";
    dyad_trend tr;
    int rc = dyad_trend_compute(s, &q, DYAD_BY_MONTH, &tr);
    dyad_store_close(s);
    remove_dir(dir);
    CHECK_INT(rc, 0);
    CHECK_INT(tr.n, 7);
    CHECK_INT(tr.points[0].start, 20211001);
    CHECK_INT(tr.points[0].events, 0);
    CHECK_INT(tr.points[6].events, 0);
    CHECK_INT(tr.points[4].end, 20220228);
    long total = 0;
    for (size_t i = 0; i < tr.n; i++) {
        const dyad_trend_point *p = &tr.points[i];
        CHECK_INT(p->quad[1] + p->quad[2] + p->quad[3] + p->quad[4], p->events);
        CHECK_INT(p->net_cooperation, p->quad[1] + p->quad[2] - p->quad[3] - p->quad[4]);
        total += p->events;
    }
    CHECK(total > 500);
    /* November calm, March at war */
    CHECK(tr.points[1].conflict_share < 0.4);
    CHECK(tr.points[5].conflict_share > 0.7);
    CHECK(tr.points[5].goldstein_mean < tr.points[1].goldstein_mean);
    dyad_trend_free(&tr);
}

static void trend_weeks_run_monday_to_sunday(tctx *t)
{
    char dir[64];
    int diags = 0;
    dyad_store *s = demo_store(dir, sizeof dir, &diags);
    CHECK(s != NULL);
    dyad_query q;
    memset(&q, 0, sizeof q);
    q.actor = "FRA";
    q.from = "2021-12-01";
    q.to = "2021-12-31";
    dyad_trend tr;
    int rc = dyad_trend_compute(s, &q, DYAD_BY_WEEK, &tr);
    dyad_store_close(s);
    remove_dir(dir);
    CHECK_INT(rc, 0);
    /* 2021-12-01 was a Wednesday: its week began on Monday 2021-11-29 */
    CHECK_INT(tr.points[0].start, 20211129);
    CHECK_INT(tr.points[0].end, 20211205);
    CHECK_INT(tr.points[tr.n - 1].start, 20211227);
    CHECK_INT(tr.n, 5);
    dyad_trend_free(&tr);
}

static void trend_alerts_find_the_war_and_not_the_coverage(tctx *t)
{
    char dir[64];
    int diags = 0;
    dyad_store *s = demo_store(dir, sizeof dir, &diags);
    CHECK(s != NULL);
    dyad_query q;
    memset(&q, 0, sizeof q);
    dyad_alerts al;
    int rc = dyad_alerts_detect(s, &q, NULL, &al);
    dyad_store_close(s);
    remove_dir(dir);
    CHECK_INT(rc, 0);
    CHECK_INT(al.dyads, 2);
    /* the conflict share and the material conflict share both rose */
    CHECK(al.n >= 1 && al.n <= 2);
    size_t material = al.n;
    for (size_t i = 0; i < al.n; i++) {
        CHECK_STR(al.alerts[i].a, "RUS");
        CHECK_STR(al.alerts[i].b, "UKR");
        CHECK_INT(al.alerts[i].change.direction, 1);
        CHECK(al.alerts[i].start >= 20220222 && al.alerts[i].start <= 20220226);
        if (al.alerts[i].material) material = i;
    }
    CHECK(material < al.n);
    CHECK(al.alerts[material].nevidence > 0);
    CHECK_STR(al.alerts[material].evidence[0].code, "190");
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    CHECK(m != NULL);
    dyad_alerts_write(&al, DYAD_SERIES_CSV, m);
    fclose(m);
    CHECK(strstr(buf, "RUS,UKR,escalation,material,") != NULL);
    free(buf);
    dyad_alerts_free(&al);
}

/* Evidence quoted afterwards, for one alert, is what the detector quotes:
 * the server finds alerts without evidence and quotes the few it returns. */
static void trend_alert_evidence_later_is_the_same(tctx *t)
{
    char dir[64];
    int diags = 0;
    dyad_store *s = demo_store(dir, sizeof dir, &diags);
    CHECK(s != NULL);
    dyad_query q;
    memset(&q, 0, sizeof q);
    dyad_alerts with, without;
    dyad_alert_params p;
    dyad_alert_defaults(&p);
    int rc1 = dyad_alerts_detect(s, &q, &p, &with);
    p.max_evidence = 0;
    int rc2 = dyad_alerts_detect(s, &q, &p, &without);
    CHECK_INT(rc1, 0);
    CHECK_INT(rc2, 0);
    CHECK_INT(without.n, with.n);
    CHECK(with.n > 0);
    for (size_t i = 0; i < without.n && i < with.n; i++) {
        CHECK_INT(without.alerts[i].nevidence, 0);
        CHECK_INT(dyad_alert_evidence(s, &q, 5, &without.alerts[i]), 0);
        /* a second call replaces the first's quotes */
        CHECK_INT(dyad_alert_evidence(s, &q, 2, &without.alerts[i]), 0);
        CHECK(without.alerts[i].nevidence <= 2);
        CHECK_INT(dyad_alert_evidence(s, &q, 5, &without.alerts[i]), 0);
        CHECK_INT(without.alerts[i].nevidence, with.alerts[i].nevidence);
        for (size_t k = 0; k < with.alerts[i].nevidence && k < without.alerts[i].nevidence; k++) {
            CHECK(without.alerts[i].evidence[k].id == with.alerts[i].evidence[k].id);
            CHECK_STR(without.alerts[i].evidence[k].sentence, with.alerts[i].evidence[k].sentence);
            CHECK_STR(without.alerts[i].evidence[k].doc, with.alerts[i].evidence[k].doc);
        }
    }
    CHECK_INT(dyad_alert_evidence(s, &q, -1, &without.alerts[0]), -1);
    dyad_store_close(s);
    remove_dir(dir);
    dyad_alerts_free(&with);
    dyad_alerts_free(&without);
}

void suite_trend(tctx *t)
{
    RUN(t, trend_detector_finds_a_sudden_escalation);
    RUN(t, trend_detector_finds_a_de_escalation);
    RUN(t, trend_detector_ignores_a_burst_of_coverage);
    RUN(t, trend_detector_needs_evidence_from_small_dyads);
    RUN(t, trend_detector_skips_days_without_events);
    RUN(t, trend_detector_weighs_the_baseline_uncertainty);
    RUN(t, trend_detector_reaches_back_for_a_small_baseline);
    RUN(t, trend_detector_wide_alternative_sees_a_jump);
    RUN(t, trend_detector_dates_a_step_change);
    RUN(t, trend_detector_dates_a_step_de_escalation);
    RUN(t, trend_detector_ignores_a_lasting_rise_in_coverage);
    RUN(t, trend_series_has_every_period);
    RUN(t, trend_weeks_run_monday_to_sunday);
    RUN(t, trend_alerts_find_the_war_and_not_the_coverage);
    RUN(t, trend_alert_evidence_later_is_the_same);
}
