/* alerts.c -- the escalation detector (dyad_detect_changes) against a
 * naive z-score detector on synthetic dyads with known change points:
 *
 *   bench_alerts [DYADS [YEARS [SEED]]]     (default 500 dyads, 2 years)
 *
 * Each dyad has its own volume (log-uniform, 2 to 40 events a day), a
 * weekly rhythm (weekends at half volume), day-to-day overdispersion
 * (gamma-mixed volume; beta-mixed conflict share, since one story gives
 * several events of one kind), bursts of coverage that are not
 * escalations (three a year, 1-5 days at 3-8 times the volume, the usual
 * mix), and one change a year at a random day: half escalations, half
 * de-escalations (conflict odds times or divided by 4-10), of which half
 * are sudden and half gradual (the log-odds move linearly over 5 days),
 * and escalations bring 1.5-3 times the coverage.
 *
 * Scores for both detectors: the share of changes alarmed in the right
 * direction within 3 days of their first day, false alarms per
 * dyad-year (an alarm not within 0..30 days after a change of its
 * direction), and the median delay of the changes found within 30 days;
 * then the detector's cost per dyad-day.  Deterministic for a seed. */
#include "dyad.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct rng {
    uint64_t s;
} rng;

static double uni(rng *r)
{
    r->s ^= r->s << 13;
    r->s ^= r->s >> 7;
    r->s ^= r->s << 17;
    return ((double)(r->s >> 11) + 0.5) / 9007199254740992.0;
}

static double normal(rng *r)
{
    return sqrt(-2 * log(uni(r))) * cos(6.283185307179586 * uni(r));
}

/* Marsaglia and Tsang's gamma (shape >= 1). */
static double gamma_draw(rng *r, double shape)
{
    if (shape < 1) return gamma_draw(r, shape + 1) * pow(uni(r), 1 / shape);
    double d = shape - 1.0 / 3, c = 1 / sqrt(9 * d);
    for (;;) {
        double x = normal(r), v = 1 + c * x;
        if (v <= 0) continue;
        v = v * v * v;
        double u = uni(r);
        if (log(u) < 0.5 * x * x + d - d * v + d * log(v)) return d * v;
    }
}

static long poisson(rng *r, double lambda)
{
    if (lambda > 30) {
        long v = lround(lambda + sqrt(lambda) * normal(r));
        return v < 0 ? 0 : v;
    }
    double l = exp(-lambda), p = 1;
    long k = 0;
    do {
        k++;
        p *= uni(r);
    } while (p > l);
    return k - 1;
}

static long binomial(rng *r, long n, double p)
{
    long c = 0;
    for (long i = 0; i < n; i++) c += uni(r) < p;
    return c;
}

typedef struct truth {
    int day, direction;
    int gradual;
} truth;

#define MAX_CHANGES 16
#define BASE_DAY 19000
#define MAX_ALARMS 512

typedef struct alarm {
    int day, direction;
} alarm;

/* The naive detector: today's conflict count against the mean and
 * standard deviation of the 28 days before; |z| > zmax alarms, then 14
 * days of silence. */
static size_t naive(const dyad_day_count *d, int n, double zmax, alarm *out, size_t cap)
{
    size_t found = 0;
    int quiet = 0;
    for (int i = 28; i < n; i++) {
        double s = 0, s2 = 0;
        for (int k = i - 28; k < i; k++) {
            s += (double)d[k].conflict;
            s2 += (double)d[k].conflict * (double)d[k].conflict;
        }
        double m = s / 28, sd = sqrt(fmax(s2 / 28 - m * m, 0));
        if (sd < 1) sd = 1;
        double z = ((double)d[i].conflict - m) / sd;
        if (i < quiet || fabs(z) <= zmax) continue;
        if (found < cap) out[found] = (alarm){d[i].day, z > 0 ? 1 : -1};
        found++;
        quiet = i + 14;
    }
    return found < cap ? found : cap;
}

typedef struct score {
    long changes, within3, found, false_alarms;
    long by_rate[3][2]; /* dyads under 5, 5-15, over 15 events a day: [changes, within 3] */
    long by_kind[4][2]; /* [escalation/de-escalation x sudden/gradual][changes, within 3] */
    int *delays;
    size_t ndelays;
} score;

static void tally(score *s, const truth *tr, int nt, const alarm *al, size_t na, double rate)
{
    int band = rate < 5 ? 0 : rate < 15 ? 1 : 2;
    char used[MAX_ALARMS];
    memset(used, 0, sizeof used);
    for (int k = 0; k < nt; k++) {
        int kind = (tr[k].direction > 0 ? 0 : 2) + tr[k].gradual;
        s->changes++;
        s->by_kind[kind][0]++;
        s->by_rate[band][0]++;
        for (size_t a = 0; a < na; a++) {
            int dl = al[a].day - (BASE_DAY + tr[k].day);
            if (used[a] || al[a].direction != tr[k].direction || dl < 0 || dl > 30) continue;
            used[a] = 1;
            s->found++;
            s->delays[s->ndelays++] = dl;
            if (dl <= 3) { s->within3++; s->by_kind[kind][1]++; s->by_rate[band][1]++; }
            break;
        }
    }
    for (size_t a = 0; a < na; a++)
        if (!used[a]) {
            s->false_alarms++;
        }
}

static int cmp_int(const void *a, const void *b)
{
    return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b);
}

static void report(const char *name, score *s, double dyad_years)
{
    qsort(s->delays, s->ndelays, sizeof *s->delays, cmp_int);
    double median = s->ndelays ? s->delays[s->ndelays / 2] : -1;
    printf("%-26s within 3 days: %5.1f %% (%ld/%ld)  false alarms: %.3f per dyad-year (%ld)  median delay: %.0f days"
           "  found within 30 days: %.1f %%\n",
           name, 100.0 * (double)s->within3 / (double)s->changes, s->within3, s->changes,
           (double)s->false_alarms / dyad_years, s->false_alarms, median,
           100.0 * (double)s->found / (double)s->changes);
}

int main(int argc, char **argv)
{
    int ndyads = argc > 1 ? atoi(argv[1]) : 500, years = argc > 2 ? atoi(argv[2]) : 2;
    uint64_t seed = argc > 3 ? strtoull(argv[3], NULL, 10) : 20220224;
    if (ndyads < 1 || years < 1 || years > 10) {
        fprintf(stderr, "usage: bench_alerts [DYADS [YEARS [SEED]]]\n");
        return 2;
    }
    rng r = {seed * 0x9e3779b97f4a7c15ull | 1};
    const int n = 365 * years;
    dyad_day_count **series = calloc((size_t)ndyads, sizeof *series);
    truth(*changes)[MAX_CHANGES] = calloc((size_t)ndyads, sizeof *changes);
    int *nchanges = calloc((size_t)ndyads, sizeof *nchanges);
    score ours = {0}, zs = {0}, zc = {0};
    double *rates = calloc((size_t)ndyads, sizeof *rates);
    ours.delays = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int));
    zs.delays = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int));
    zc.delays = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int));
    if (!series || !changes || !nchanges || !rates || !ours.delays || !zs.delays || !zc.delays) return 1;
    long total = 0, conflict = 0;
    for (int k = 0; k < ndyads; k++) {
        dyad_day_count *d = series[k] = calloc((size_t)n, sizeof *d);
        if (!d) return 1;
        double rate = rates[k] = 2 * pow(20, uni(&r));
        double logit = log(0.1 + 0.3 * uni(&r)) - log(1 - (0.1 + 0.3 * uni(&r)));
        /* one change a year, at least 90 days after the start and apart */
        int nc = years;
        for (int c = 0; c < nc; c++) {
            truth *t = &changes[k][c];
            t->day = 365 * c + 90 + (int)(uni(&r) * 240);
            t->direction = uni(&r) < 0.5 ? 1 : -1;
            t->gradual = uni(&r) < 0.5;
        }
        nchanges[k] = nc;
        double volume = 1, target = logit, from = logit;
        int ramp_from = -1, ramp_len = 0, next = 0;
        int burst_until = -1;
        double burst = 1;
        for (int i = 0; i < n; i++) {
            if (next < nc && i == changes[k][next].day) {
                const truth *t = &changes[k][next];
                /* the odds x or / 4..10; a change that would take the
                 * share out of 5 % .. 95 % goes the other way (a
                 * de-escalation from 2 % conflict is no news) */
                double step = log(4 + 6 * uni(&r));
                truth *tw = &changes[k][next];
                if ((tw->direction > 0 && target + step > 2.94) || (tw->direction < 0 && target - step < -2.94))
                    tw->direction = -tw->direction;
                step *= tw->direction;
                from = target;
                target += step;
                ramp_from = i;
                ramp_len = t->gradual ? 5 : 1;
                if (t->direction > 0) volume *= 1.5 + 1.5 * uni(&r);
                else volume = 1;
                next++;
            }
            double lg = target;
            if (ramp_from >= 0 && i < ramp_from + ramp_len)
                lg = from + (target - from) * (double)(i - ramp_from + 1) / (double)ramp_len;
            if (i > burst_until && uni(&r) < 3.0 / 365) {
                burst_until = i + (int)(uni(&r) * 5);
                burst = 3 + 5 * uni(&r);
            }
            double lam = rate * volume * (i % 7 >= 5 ? 0.5 : 1) * (i <= burst_until ? burst : 1);
            lam *= gamma_draw(&r, 5) / 5;
            double p = 1 / (1 + exp(-lg));
            /* a day's share varies around p (beta, concentration 40) */
            double a = gamma_draw(&r, 40 * p), b = gamma_draw(&r, 40 * (1 - p));
            d[i].day = BASE_DAY + i;
            d[i].events = poisson(&r, lam);
            d[i].conflict = binomial(&r, d[i].events, a / (a + b));
            total += d[i].events;
            conflict += d[i].conflict;
        }
    }
    double prior = (double)conflict / (double)total;
    dyad_alert_params p;
    dyad_alert_defaults(&p);
    dyad_change found[MAX_ALARMS];
    alarm al[MAX_ALARMS];
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int rep = 0; rep < 5; rep++)
        for (int k = 0; k < ndyads; k++) dyad_detect_changes(series[k], (size_t)n, prior, &p, found, MAX_ALARMS);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    for (int k = 0; k < ndyads; k++) {
        size_t nf = dyad_detect_changes(series[k], (size_t)n, prior, &p, found, MAX_ALARMS);
        if (nf > MAX_ALARMS) nf = MAX_ALARMS;
        for (size_t i = 0; i < nf; i++) al[i] = (alarm){found[i].alarm, found[i].direction};
        tally(&ours, changes[k], nchanges[k], al, nf, rates[k]);
        size_t nz = naive(series[k], n, 3, al, MAX_ALARMS);
        tally(&zs, changes[k], nchanges[k], al, nz, rates[k]);
    }
    /* the naive detector again, its threshold raised until it makes no
     * more false alarms than ours: detection at equal false alarms */
    double zcal = 3;
    for (double z = 3; z <= 12; z += 0.25) {
        score t = {0};
        t.delays = zc.delays;
        for (int k = 0; k < ndyads; k++) {
            size_t nz = naive(series[k], n, z, al, MAX_ALARMS);
            tally(&t, changes[k], nchanges[k], al, nz, rates[k]);
        }
        zcal = z;
        if (t.false_alarms <= ours.false_alarms) break;
    }
    for (int k = 0; k < ndyads; k++) {
        size_t nz = naive(series[k], n, zcal, al, MAX_ALARMS);
        tally(&zc, changes[k], nchanges[k], al, nz, rates[k]);
    }
    double dy = (double)ndyads * years;
    printf("%d dyads x %d years (%.0f dyad-years), %ld events (%.1f a dyad-day), %ld changes, seed %llu\n", ndyads,
           years, dy, total, (double)total / dy / 365, ours.changes, (unsigned long long)seed);
    report("dyad alerts (CUSUM)", &ours, dy);
    report("naive z-score (|z|>3)", &zs, dy);
    char name[40];
    snprintf(name, sizeof name, "naive z-score (|z|>%.2f)", zcal);
    report(name, &zc, dy);
    static const char *const kinds[4] = {"sudden escalation", "gradual escalation", "sudden de-escalation",
                                         "gradual de-escalation"};
    for (int k = 0; k < 4; k++)
        printf("  %-22s within 3 days: %5.1f %% (%ld/%ld); naive %5.1f %%\n", kinds[k],
               100.0 * (double)ours.by_kind[k][1] / (double)(ours.by_kind[k][0] ? ours.by_kind[k][0] : 1),
               ours.by_kind[k][1], ours.by_kind[k][0],
               100.0 * (double)zs.by_kind[k][1] / (double)(zs.by_kind[k][0] ? zs.by_kind[k][0] : 1));
    static const char *const bands[3] = {"under 5 events a day", "5 to 15 events a day", "over 15 events a day"};
    for (int b = 0; b < 3; b++)
        printf("  %-22s within 3 days: %5.1f %% (%ld/%ld); naive %5.1f %%\n", bands[b],
               100.0 * (double)ours.by_rate[b][1] / (double)(ours.by_rate[b][0] ? ours.by_rate[b][0] : 1),
               ours.by_rate[b][1], ours.by_rate[b][0],
               100.0 * (double)zs.by_rate[b][1] / (double)(zs.by_rate[b][0] ? zs.by_rate[b][0] : 1));
    printf("cost: %.0f ns per dyad-day, %.1f ns per event (detector only)\n", secs / 5 / dy / 365 * 1e9,
           secs / 5 / (double)total * 1e9);
    for (int k = 0; k < ndyads; k++) free(series[k]);
    free(series);
    free(changes);
    free(nchanges);
    free(ours.delays);
    free(zs.delays);
    free(zc.delays);
    free(rates);
    return 0;
}
