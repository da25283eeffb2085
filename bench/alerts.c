/* alerts.c -- the escalation detector (dyad_detect_changes) against a
 * naive z-score detector on synthetic dyads with known change points:
 *
 *   bench_alerts [DYADS [YEARS [SEED [THRESHOLD [NAME=VALUE...]]]]]
 *
 * (default 500 dyads, 2 years, seed 20220224, the detector's default
 * threshold; NAME=VALUE sets another field of dyad_alert_params)
 *
 * Each dyad has its own volume (log-uniform, 2 to 40 events a day), a
 * weekly rhythm (weekends at half volume), day-to-day overdispersion
 * (gamma-mixed volume; beta-mixed conflict share, since one story gives
 * several events of one kind), bursts of coverage that are not
 * escalations (three a year, 1-5 days at 3-8 times the volume, the usual
 * mix), and one change a year at a random day: half escalations, half
 * de-escalations (conflict odds times or divided by 4-10), of which half
 * are sudden and half gradual (the log-odds move linearly over 5 days),
 * and escalations bring 1.5-3 times the coverage (de-escalations take it
 * back to the usual; over the ramp too, for gradual ones).
 *
 * Scores for both detectors: the share of changes alarmed in the right
 * direction within 3 days of their first day, false alarms per
 * dyad-year (alarms matched to no change: a change takes the first alarm
 * of its direction 0..30 days after it), the median delay of the changes
 * found within 30 days, and of those both found; then how well alerts
 * date their changes, the evidence the true model gives each change in
 * its first four days (what any detector could do), and the detector's
 * cost per dyad-day.  Deterministic for a seed. */
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
    long false_by_rate[3];
    long false_after; /* false alarms within 60 days after a change (its aftermath) */
    int *delays;
    size_t ndelays;
} score;

/* Scores one dyad's alarms; delay[k] gets the delay of its change k, or
 * -1 when no alarm of the change's direction came within 0..30 days. */
static void tally(score *s, const truth *tr, int nt, const alarm *al, size_t na, double rate, int *delay)
{
    int band = rate < 5 ? 0 : rate < 15 ? 1 : 2;
    char used[MAX_ALARMS];
    memset(used, 0, sizeof used);
    for (int k = 0; k < nt; k++) {
        int kind = (tr[k].direction > 0 ? 0 : 2) + tr[k].gradual;
        s->changes++;
        s->by_kind[kind][0]++;
        s->by_rate[band][0]++;
        if (delay) delay[k] = -1;
        for (size_t a = 0; a < na; a++) {
            int dl = al[a].day - (BASE_DAY + tr[k].day);
            if (used[a] || al[a].direction != tr[k].direction || dl < 0 || dl > 30) continue;
            used[a] = 1;
            s->found++;
            s->delays[s->ndelays++] = dl;
            if (delay) delay[k] = dl;
            if (dl <= 3) { s->within3++; s->by_kind[kind][1]++; s->by_rate[band][1]++; }
            break;
        }
    }
    for (size_t a = 0; a < na; a++)
        if (!used[a]) {
            s->false_alarms++;
            s->false_by_rate[band]++;
            for (int k = 0; k < nt; k++) {
                int dl = al[a].day - (BASE_DAY + tr[k].day);
                if (dl >= 0 && dl <= 60) { s->false_after++; break; }
            }
        }
}

/* log of the beta-binomial probability of c of n, shares Beta(a, b),
 * without the binomial coefficient (it cancels in a ratio) */
static double lbb(long c, long n, double a, double b)
{
    return lgamma((double)c + a) + lgamma((double)(n - c) + b) - lgamma((double)n + a + b) - lgamma(a) - lgamma(b) +
           lgamma(a + b);
}

/* log of the negative binomial probability of n (gamma-mixed Poisson of
 * mean m, gamma shape r), without the terms that cancel in a ratio */
static double lnb(long n, double m, double r)
{
    return r * log(r / (r + m)) + (double)n * log(m / (r + m));
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


/* A naive detector of the share: today's conflict share against the mean
 * and standard deviation of the shares of the days with events among the
 * 28 before (at least 7 such days); |z| > zmax alarms, then 14 days of
 * silence.  Unlike a count, a share can fall as far as it can rise, so
 * this one sees de-escalations; what it does not see is that the share of
 * a day of two events says little. */
static size_t naive_share(const dyad_day_count *d, int n, double zmax, alarm *out, size_t cap)
{
    size_t found = 0;
    int quiet = 0;
    for (int i = 28; i < n; i++) {
        if (d[i].events <= 0 || i < quiet) continue;
        double s = 0, s2 = 0;
        int m = 0;
        for (int k = i - 28; k < i; k++)
            if (d[k].events > 0) {
                double x = (double)d[k].conflict / (double)d[k].events;
                s += x;
                s2 += x * x;
                m++;
            }
        if (m < 7) continue;
        double mean = s / m, sd = sqrt(fmax(s2 / m - mean * mean, 0));
        if (sd < 0.02) sd = 0.02;
        double z = ((double)d[i].conflict / (double)d[i].events - mean) / sd;
        if (fabs(z) <= zmax) continue;
        if (found < cap) out[found] = (alarm){d[i].day, z > 0 ? 1 : -1};
        found++;
        quiet = i + 14;
    }
    return found < cap ? found : cap;
}

/* ---- the oracle ------------------------------------------------------------
 *
 * What any detector could do, to judge dyad alerts by: for each change,
 * the test that knows everything but the data -- the day it starts, its
 * direction, the true baseline share, the true shares of its first four
 * days (days 0..3, the ramp of a gradual one), and that days are
 * beta-binomial with concentration 40 -- and reads the data of those four
 * days: their log-likelihood ratio, change against no change.
 *
 * Why it bounds any detector: "alarmed in the right direction within 3
 * days" is an event that depends on the data up to day 3; on data without
 * a change it happens with some probability alpha, the detector's size on
 * a 4-day window.  Knowing the baseline, the data before day 0 say nothing
 * about whether the change happened, so by the Neyman-Pearson lemma no
 * test of the change on that data, a detector included, finds it with a
 * higher probability at size alpha than the likelihood ratio of days
 * 0..3 does.  Over many changes, one threshold on that ratio is the best
 * use of a total size (the Lagrangian form of the same lemma), so the
 * share of changes whose ratio reaches it is what no detector with dyad
 * alerts' false alarms can beat, in expectation.
 *
 * The size is measured, not assumed: every 4-day window without a change
 * (from 60 days into the series or 45 days after the last change, to the
 * day before the next) is read by each change's test as if the change
 * started there, and we count how often dyad alerts alarmed in that
 * change's direction within it.  The threshold is the ratio exceeded, in
 * those same windows, as often (each change's windows weighing alike).
 * A second oracle also knows how the coverage moves (the mean volume of
 * each day, bursts included, and the change's factor): the volume's
 * negative binomial ratio added to the share's.  It is generous, since a
 * real detector cannot tell a change's coverage from a burst. */

typedef struct window {
    double llr, joint; /* the test's evidence in the window: share; share and coverage */
    double weight;     /* 1 / the windows of its change: every change counts alike */
    int hit;           /* dyad alerts alarmed in the change's direction within it */
} window;

typedef struct nullwin {
    window *w;
    size_t n, cap;
    /* the scanning oracle: per change, the daily log-likelihood ratios of
     * its final share against the baseline from its first window's day
     * to its day 3 (inc[from..]), where its day 0 is, and how many alarms
     * of its direction dyad alerts raised before day 0 */
    double *inc;
    size_t ninc, icap;
    struct scan_change {
        size_t from, len, d0, id;
    } *ch;
    size_t nch, chcap;
    long ours_false;
    long null_days;
} nullwin;

/* The evidence of days s..s+3 for a change from share pb to p1[i] (day
 * i), the mean volume going from m0[i] to m0[i] * vf[i]. */
static void evidence(const dyad_day_count *d, int s, int n, double pb, const double *p1, const double *m0,
                     const double *vf, double *share, double *joint)
{
    double l = 0, v = 0;
    for (int i = 0; i < 4 && s + i < n; i++) {
        const dyad_day_count *x = &d[s + i];
        l += lbb(x->conflict, x->events, 40 * p1[i], 40 * (1 - p1[i])) - lbb(x->conflict, x->events, 40 * pb, 40 * (1 - pb));
        v += lnb(x->events, m0[i] * vf[i], 5) - lnb(x->events, m0[i], 5);
    }
    *share = l;
    *joint = l + v;
}

/* The scanning oracle's record of one change: its daily evidence from
 * lo to day 3, for a CUSUM that knows the baseline share and the final
 * share but not when the change comes. */
static int scan_record(nullwin *nw, const dyad_day_count *d, int n, int lo, int d0, double pb, double p1, int dir,
                       const alarm *al, size_t na, size_t id)
{
    int hi = d0 + 4 < n ? d0 + 4 : n;
    size_t need = (size_t)(hi - lo);
    if (nw->ninc + need > nw->icap) {
        size_t cap = nw->icap ? nw->icap * 2 : 65536;
        while (cap < nw->ninc + need) cap *= 2;
        double *g = realloc(nw->inc, cap * sizeof *g);
        if (!g) return -1;
        nw->inc = g;
        nw->icap = cap;
    }
    if (nw->nch == nw->chcap) {
        size_t cap = nw->chcap ? nw->chcap * 2 : 1024;
        struct scan_change *g = realloc(nw->ch, cap * sizeof *g);
        if (!g) return -1;
        nw->ch = g;
        nw->chcap = cap;
    }
    nw->ch[nw->nch++] = (struct scan_change){nw->ninc, need, (size_t)(d0 - lo), id};
    for (int t = lo; t < hi; t++)
        nw->inc[nw->ninc++] = lbb(d[t].conflict, d[t].events, 40 * p1, 40 * (1 - p1)) -
                              lbb(d[t].conflict, d[t].events, 40 * pb, 40 * (1 - pb));
    for (size_t a = 0; a < na; a++)
        nw->ours_false += al[a].direction == dir && al[a].day >= BASE_DAY + lo && al[a].day < BASE_DAY + d0;
    nw->null_days += d0 - lo;
    return 0;
}

/* The scanning oracle at threshold h: its alarms before the changes
 * (false), and the changes it alarms for on days 0..3 (marked in hit). */
static long scan_run(const nullwin *nw, double h, char *hit)
{
    long false_alarms = 0;
    for (size_t c = 0; c < nw->nch; c++) {
        const struct scan_change *sc = &nw->ch[c];
        double s = 0;
        hit[c] = 0;
        for (size_t t = 0; t < sc->len; t++) {
            s += nw->inc[sc->from + t];
            if (s < 0) s = 0;
            if (s < h) continue;
            if (t < sc->d0) false_alarms++;
            else { hit[c] = 1; break; }
            s = 0;
        }
    }
    return false_alarms;
}

/* The lowest threshold at which the scanning oracle raises no more false
 * alarms before the changes than dyad alerts does in its direction. */
static double scan_threshold(const nullwin *nw, char *hit)
{
    double lo = 0, hi = 40;
    for (int it = 0; it < 40; it++) {
        double mid = (lo + hi) / 2;
        if (scan_run(nw, mid, hit) > nw->ours_false) lo = mid;
        else hi = mid;
    }
    scan_run(nw, hi, hit);
    return hi;
}

/* One dyad: each change's evidence, and its test read over the windows
 * without a change. */
static int oracle(nullwin *nw, const dyad_day_count *d, int n, const truth *tr, int nt, const double *pt,
                  const double *lmean, const double *vratio, const alarm *al, size_t na, size_t base, double *llr, double *joint)
{
    for (int c = 0; c < nt; c++) {
        int d0 = tr[c].day;
        double pb = pt[d0 - 1], p1[4], m0[4], vf[4];
        for (int i = 0; i < 4; i++) {
            int day = d0 + i < n ? d0 + i : n - 1;
            p1[i] = pt[day];
            vf[i] = pow(vratio[c], tr[c].gradual ? fmin((double)(i + 1) / 5, 1) : 1);
            m0[i] = lmean[day] / vf[i];
        }
        evidence(d, d0, n, pb, p1, m0, vf, &llr[c], &joint[c]);
        int lo = c ? tr[c - 1].day + 45 : 60;
        if (d0 - 4 < lo) continue;
        if (scan_record(nw, d, n, lo, d0, pb, pt[d0 + 4 < n ? d0 + 4 : n - 1], tr[c].direction, al, na, base + (size_t)c)) return -1;
        double weight = 1.0 / (double)(d0 - 3 - lo);
        for (int t = lo; t + 3 < d0; t++) {
            if (nw->n == nw->cap) {
                size_t cap = nw->cap ? nw->cap * 2 : 4096;
                window *g = realloc(nw->w, cap * sizeof *g);
                if (!g) return -1;
                nw->w = g;
                nw->cap = cap;
            }
            window *w = &nw->w[nw->n++];
            evidence(d, t, n, pb, p1, lmean + t, vf, &w->llr, &w->joint);
            w->weight = weight;
            w->hit = 0;
            for (size_t a = 0; a < na && !w->hit; a++)
                w->hit = al[a].direction == tr[c].direction && al[a].day >= BASE_DAY + t && al[a].day <= BASE_DAY + t + 3;
        }
    }
    return 0;
}

static int by_llr(const void *a, const void *b)
{
    double x = ((const window *)a)->llr, y = ((const window *)b)->llr;
    return (x < y) - (x > y);
}

static int by_joint(const void *a, const void *b)
{
    double x = ((const window *)a)->joint, y = ((const window *)b)->joint;
    return (x < y) - (x > y);
}

/* The oracle's threshold (which: 0 share, 1 share and coverage): the
 * lowest ratio that the windows without a change reach no more often than
 * dyad alerts alarms in them; *alpha gets that size. */
static double oracle_threshold(nullwin *nw, int which, double *alpha)
{
    double all = 0, target = 0;
    for (size_t i = 0; i < nw->n; i++) {
        all += nw->w[i].weight;
        target += nw->w[i].hit ? nw->w[i].weight : 0;
    }
    *alpha = all > 0 ? target / all : 0;
    qsort(nw->w, nw->n, sizeof *nw->w, which ? by_joint : by_llr);
    double tau = HUGE_VAL, cum = 0;
    for (size_t i = 0; i < nw->n; i++) {
        cum += nw->w[i].weight;
        if (cum > target) break;
        tau = which ? nw->w[i].joint : nw->w[i].llr;
    }
    return tau;
}

int main(int argc, char **argv)
{
    int ndyads = argc > 1 ? atoi(argv[1]) : 500, years = argc > 2 ? atoi(argv[2]) : 2;
    uint64_t seed = argc > 3 ? strtoull(argv[3], NULL, 10) : 20220224;
    if (ndyads < 1 || years < 1 || years > 10) {
        fprintf(stderr, "usage: bench_alerts [DYADS [YEARS [SEED [THRESHOLD]]]]\n");
        return 2;
    }
    rng r = {seed * 0x9e3779b97f4a7c15ull | 1};
    const int n = 365 * years;
    dyad_day_count **series = calloc((size_t)ndyads, sizeof *series);
    truth(*changes)[MAX_CHANGES] = calloc((size_t)ndyads, sizeof *changes);
    int *nchanges = calloc((size_t)ndyads, sizeof *nchanges);
    score ours = {0}, zs = {0}, zc = {0};
    double *rates = calloc((size_t)ndyads, sizeof *rates);
    /* each day's share before its beta noise, for the oracle */
    double *ptrue = calloc((size_t)ndyads * (size_t)n, sizeof *ptrue);
    /* and its mean volume before the gamma noise, and each change's
     * factor of the volume: the oracle of share and volume together */
    double *lmean = calloc((size_t)ndyads * (size_t)n, sizeof *lmean);
    double *vratio = calloc((size_t)ndyads * MAX_CHANGES, sizeof *vratio);
    int *dours = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int)), *dnaive = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int));
    ours.delays = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int));
    zs.delays = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int));
    zc.delays = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int));
    if (!series || !changes || !nchanges || !rates || !ptrue || !lmean || !vratio || !dours || !dnaive || !ours.delays || !zs.delays ||
        !zc.delays)
        return 1;
    long total = 0, conflict = 0;
    for (int k = 0; k < ndyads; k++) {
        dyad_day_count *d = series[k] = calloc((size_t)n, sizeof *d);
        if (!d) return 1;
        double rate = rates[k] = 2 * pow(20, uni(&r));
        /* the baseline share, 10 % to 40 % (one draw: two made it the
         * ratio of two unrelated shares) */
        double share0 = 0.1 + 0.3 * uni(&r);
        double logit = log(share0 / (1 - share0));
        /* one change a year, at least 90 days after the start and apart */
        int nc = years;
        for (int c = 0; c < nc; c++) {
            truth *t = &changes[k][c];
            t->day = 365 * c + 90 + (int)(uni(&r) * 240);
            t->direction = uni(&r) < 0.5 ? 1 : -1;
            t->gradual = uni(&r) < 0.5;
        }
        nchanges[k] = nc;
        double volume = 1, vfrom = 1, target = logit, from = logit;
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
                /* the coverage moves with the share: at once for a
                 * sudden change, over the ramp for a gradual one */
                vfrom = volume;
                if (t->direction > 0) volume *= 1.5 + 1.5 * uni(&r);
                else volume = 1;
                vratio[k * MAX_CHANGES + next] = volume / vfrom;
                next++;
            }
            double lg = target, vol = volume;
            if (ramp_from >= 0 && i < ramp_from + ramp_len) {
                double f = (double)(i - ramp_from + 1) / (double)ramp_len;
                lg = from + (target - from) * f;
                vol = vfrom * pow(volume / vfrom, f);
            }
            if (i > burst_until && uni(&r) < 3.0 / 365) {
                burst_until = i + (int)(uni(&r) * 5);
                burst = 3 + 5 * uni(&r);
            }
            double lam = rate * vol * (i % 7 >= 5 ? 0.5 : 1) * (i <= burst_until ? burst : 1);
            lmean[(size_t)k * (size_t)n + (size_t)i] = lam;
            lam *= gamma_draw(&r, 5) / 5;
            double p = 1 / (1 + exp(-lg));
            ptrue[(size_t)k * (size_t)n + (size_t)i] = p;
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
    if (argc > 4) p.threshold = atof(argv[4]);
    /* NAME=VALUE: other parameters of dyad_alert_params, to try them */
    for (int i = 5; i < argc; i++) {
        const char *eq = strchr(argv[i], '=');
        double v = eq ? atof(eq + 1) : 0;
        size_t k = eq ? (size_t)(eq - argv[i]) : 0;
#define PARAM(name, set) if (k == strlen(#name) && strncmp(argv[i], #name, k) == 0) { set; continue; }
        PARAM(odds_ratio, p.odds_ratio = v)
        PARAM(baseline_days, p.baseline_days = (int)v)
        PARAM(guard_days, p.guard_days = (int)v)
        PARAM(min_conflict, p.min_conflict = (long)v)
        PARAM(min_excess, p.min_excess = v)
        PARAM(min_events, p.min_events = (long)v)
        PARAM(min_baseline, p.min_baseline = (long)v)
        PARAM(prior_events, p.prior_events = v)
        PARAM(prior_correlation, p.prior_correlation = v)
        PARAM(baseline_events, p.baseline_events = (long)v)
        PARAM(baseline_uncertainty, p.baseline_uncertainty = (int)v)
        PARAM(wide_alternative, p.wide_alternative = (int)v)
#undef PARAM
        fprintf(stderr, "bench_alerts: unknown parameter '%s'\n", argv[i]);
        return 2;
    }
    dyad_change found[MAX_ALARMS];
    int *dating = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int));
    size_t ndating = 0;
    /* per change: the oracle's evidence (share; share and coverage), and
     * whether the naive share detector found it within 3 days */
    double *llr = calloc((size_t)ndyads * MAX_CHANGES, sizeof(double));
    double *llr_joint = calloc((size_t)ndyads * MAX_CHANGES, sizeof(double));
    int *dshare = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int));
    nullwin nw = {0};
    if (!dating || !llr || !llr_joint || !dshare) return 1;
    alarm al[MAX_ALARMS];
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int rep = 0; rep < 5; rep++)
        for (int k = 0; k < ndyads; k++) dyad_detect_changes(series[k], (size_t)n, prior, &p, found, MAX_ALARMS);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    score zh = {0};
    zh.delays = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int));
    if (!zh.delays) return 1;
    for (int k = 0; k < ndyads; k++) {
        size_t nf = dyad_detect_changes(series[k], (size_t)n, prior, &p, found, MAX_ALARMS);
        if (nf > MAX_ALARMS) nf = MAX_ALARMS;
        for (size_t i = 0; i < nf; i++) al[i] = (alarm){found[i].alarm, found[i].direction};
        tally(&ours, changes[k], nchanges[k], al, nf, rates[k], dours + (size_t)k * MAX_CHANGES);
        if (oracle(&nw, series[k], n, changes[k], nchanges[k], ptrue + (size_t)k * (size_t)n,
                   lmean + (size_t)k * (size_t)n, vratio + (size_t)k * MAX_CHANGES, al, nf, (size_t)k * MAX_CHANGES,
                   llr + (size_t)k * MAX_CHANGES, llr_joint + (size_t)k * MAX_CHANGES))
            return 1;
        /* how well the alarm dates its change: its start against the
         * true first day */
        for (int c = 0; c < nchanges[k]; c++) {
            int dl = dours[k * MAX_CHANGES + c], truth_day = BASE_DAY + changes[k][c].day;
            for (size_t i = 0; dl >= 0 && i < nf; i++)
                if (found[i].alarm == truth_day + dl && found[i].direction == changes[k][c].direction) {
                    int e = found[i].start - truth_day;
                    dating[ndating++] = e < 0 ? -e : e;
                    break;
                }
        }
        size_t nz = naive(series[k], n, 3, al, MAX_ALARMS);
        tally(&zs, changes[k], nchanges[k], al, nz, rates[k], dnaive + (size_t)k * MAX_CHANGES);
        nz = naive_share(series[k], n, 3, al, MAX_ALARMS);
        tally(&zh, changes[k], nchanges[k], al, nz, rates[k], dshare + (size_t)k * MAX_CHANGES);
    }
    /* the naive detectors again, their thresholds raised until they make
     * no more false alarms than ours: detection at equal false alarms */
    score zc2 = {0};
    zc2.delays = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int));
    if (!zc2.delays) return 1;
    double zcal[2];
    for (int w = 0; w < 2; w++) {
        score *dst = w ? &zc2 : &zc;
        zcal[w] = 3;
        for (double z = 3; z <= 30; z += 0.25) {
            score t = {0};
            t.delays = dst->delays;
            for (int k = 0; k < ndyads; k++) {
                size_t nz = (w ? naive_share : naive)(series[k], n, z, al, MAX_ALARMS);
                tally(&t, changes[k], nchanges[k], al, nz, rates[k], NULL);
            }
            zcal[w] = z;
            if (t.false_alarms <= ours.false_alarms) break;
        }
        for (int k = 0; k < ndyads; k++) {
            size_t nz = (w ? naive_share : naive)(series[k], n, zcal[w], al, MAX_ALARMS);
            tally(dst, changes[k], nchanges[k], al, nz, rates[k], NULL);
        }
    }
    double dy = (double)ndyads * years;
    printf("%d dyads x %d years (%.0f dyad-years), %ld events (%.1f a dyad-day), %ld changes, seed %llu\n", ndyads,
           years, dy, total, (double)total / dy / 365, ours.changes, (unsigned long long)seed);
    report("dyad alerts (CUSUM)", &ours, dy);
    report("naive z-score (|z|>3)", &zs, dy);
    char name[40];
    snprintf(name, sizeof name, "naive z-score (|z|>%.2f)", zcal[0]);
    report(name, &zc, dy);
    report("naive share z (|z|>3)", &zh, dy);
    snprintf(name, sizeof name, "naive share z (|z|>%.2f)", zcal[1]);
    report(name, &zc2, dy);
    /* the delays' distribution, each detector over all changes */
    {
        long hist[2][9];
        memset(hist, 0, sizeof hist);
        for (int k = 0; k < ndyads; k++)
            for (int c = 0; c < nchanges[k]; c++)
                for (int w = 0; w < 2; w++) {
                    int x = (w ? dnaive : dours)[k * MAX_CHANGES + c];
                    hist[w][x < 0 ? 8 : x <= 5 ? x : x <= 10 ? 6 : 7]++;
                }
        for (int w = 0; w < 2; w++) {
            printf("%-26s delays (share of all changes):", w ? "naive z-score (|z|>3)" : "dyad alerts (CUSUM)");
            static const char *const bins[9] = {"0", "1", "2", "3", "4", "5", "6-10", "11-30", "missed"};
            for (int b = 0; b < 9; b++) printf(" %s: %.1f %%", bins[b], 100.0 * (double)hist[w][b] / (double)ours.changes);
            printf("\n");
        }
    }
    /* the median delays over the same changes: those both detectors
     * found within 30 days (each median above is over its own finds, and
     * a detector that finds only the easiest changes has the shortest) */
    {
        int *a = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int)), *b = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int));
        if (!a || !b) return 1;
        size_t m = 0;
        for (int k = 0; k < ndyads; k++)
            for (int c = 0; c < nchanges[k]; c++) {
                int x = dours[k * MAX_CHANGES + c], y = dnaive[k * MAX_CHANGES + c];
                if (x >= 0 && y >= 0) { a[m] = x; b[m++] = y; }
            }
        qsort(a, m, sizeof *a, cmp_int);
        qsort(b, m, sizeof *b, cmp_int);
        printf("median delay over the %zu changes both found within 30 days: dyad alerts %d days, naive (|z|>3) %d days\n",
               m, m ? a[m / 2] : -1, m ? b[m / 2] : -1);
        free(a);
        free(b);
    }
    {
        size_t near = 0;
        for (size_t i = 0; i < ndating; i++) near += dating[i] <= 1;
        qsort(dating, ndating, sizeof *dating, cmp_int);
        printf("dating of the changes found: start within 1 day of the true first day %.1f %%, median error %d days\n",
               100.0 * (double)near / (double)(ndating ? ndating : 1), ndating ? dating[ndating / 2] : -1);
        free(dating);
    }
    /* the oracle's thresholds at the detector's own size (oracle()), and
     * the table: per kind of change and volume band, the share each
     * detector found within 3 days, the share the oracle finds, and the
     * detector's share of the changes the oracle finds */
    double alpha, tau = oracle_threshold(&nw, 0, &alpha), tau_joint = oracle_threshold(&nw, 1, &alpha);
    char *shit = calloc(nw.nch ? nw.nch : 1, 1), *scanned = calloc((size_t)ndyads * MAX_CHANGES, 1);
    if (!shit || !scanned) return 1;
    double hscan = scan_threshold(&nw, shit);
    for (size_t c = 0; c < nw.nch; c++) scanned[nw.ch[c].id] = shit[c];
    printf("scanning oracle (a CUSUM of the true baseline and final shares, not told when): threshold %.2f nats for"
           " %ld false alarms before the changes in their direction (dyad alerts: %ld, over %ld days)\n",
           hscan, scan_run(&nw, hscan, shit), nw.ours_false, nw.null_days);
    printf("oracle: the detector alarms in the change's direction in %.3f %% of 4-day windows without a change"
           " (%zu windows); the true likelihood ratio of days 0..3 at that size: >= %.2f nats (share),"
           " >= %.2f nats (share and coverage)\n",
           100 * alpha, nw.n, tau, tau_joint);
    {
        long over[3] = {0, 0, 0}, all = 0;
        static const double levels[3] = {4, 5, 6.6};
        for (int k = 0; k < ndyads; k++)
            for (int c = 0; c < nchanges[k]; c++, all++)
                for (int l = 0; l < 3; l++) over[l] += llr[k * MAX_CHANGES + c] >= levels[l];
        printf("  share of changes whose true evidence of days 0..3 reaches 4 nats %.1f %%, 5 nats %.1f %%,"
               " 6.6 nats (ln 730) %.1f %%\n",
               100.0 * (double)over[0] / (double)all, 100.0 * (double)over[1] / (double)all,
               100.0 * (double)over[2] / (double)all);
    }
    /* rows: 4 kinds, 3 bands, 12 kinds x bands, all */
    enum { ROWS = 4 + 3 + 12 + 1 };
    long tab[ROWS][8];  /* changes, alerts, naive, naive share, oracle, alerts among oracle's, oracle+coverage, scanning oracle */
    memset(tab, 0, sizeof tab);
    for (int k = 0; k < ndyads; k++) {
        int band = rates[k] < 5 ? 0 : rates[k] < 15 ? 1 : 2;
        for (int c = 0; c < nchanges[k]; c++) {
            size_t i = (size_t)k * MAX_CHANGES + (size_t)c;
            int kind = (changes[k][c].direction > 0 ? 0 : 2) + changes[k][c].gradual;
            int rows[4] = {kind, 4 + band, 7 + kind * 3 + band, ROWS - 1};
            int a = dours[i] >= 0 && dours[i] <= 3, z = dnaive[i] >= 0 && dnaive[i] <= 3,
                h = dshare[i] >= 0 && dshare[i] <= 3, o = llr[i] >= tau, j = llr_joint[i] >= tau_joint, sc = scanned[i];
            for (int w = 0; w < 4; w++) {
                long *t = tab[rows[w]];
                t[0]++;
                t[1] += a;
                t[2] += z;
                t[3] += h;
                t[4] += o;
                t[5] += a && o;
                t[6] += j;
                t[7] += sc;
            }
        }
    }
    static const char *const kinds[4] = {"sudden escalation", "gradual escalation", "sudden de-escalation",
                                         "gradual de-escalation"};
    static const char *const bands[3] = {"< 5/day", "5-15/day", "> 15/day"};
    printf("within 3 days, by kind of change and events a day (oracle: the true likelihood ratio test at the"
           " detector's size; alerts|oracle: of the changes the oracle finds, those dyad alerts finds)\n");
    printf("  %-34s %7s %8s %8s %8s %8s %8s %13s %9s\n", "kind", "changes", "alerts", "naive", "naive-sh", "scan",
           "oracle", "alerts|oracle", "oracle+cv");
    for (int row = 0; row < ROWS; row++) {
        char label[64];
        if (row < 4) snprintf(label, sizeof label, "%s", kinds[row]);
        else if (row < 7) snprintf(label, sizeof label, "%s", bands[row - 4]);
        else if (row < ROWS - 1) snprintf(label, sizeof label, "%s, %s", kinds[(row - 7) / 3], bands[(row - 7) % 3]);
        else snprintf(label, sizeof label, "all");
        const long *t = tab[row];
        double nn = (double)(t[0] ? t[0] : 1);
        printf("  %-34s %7ld %7.1f%% %7.1f%% %7.1f%% %7.1f%% %7.1f%% %12.1f%% %8.1f%%\n", label, t[0],
               100 * (double)t[1] / nn, 100 * (double)t[2] / nn, 100 * (double)t[3] / nn, 100 * (double)t[7] / nn,
               100 * (double)t[4] / nn,
               100 * (double)t[5] / (double)(t[4] ? t[4] : 1), 100 * (double)t[6] / nn);
    }
    static const char *const bandn[3] = {"under 5 events a day", "5 to 15 events a day", "over 15 events a day"};
    for (int b = 0; b < 3; b++)
        printf("  %-22s false alarms %ld, naive %ld\n", bandn[b], ours.false_by_rate[b], zs.false_by_rate[b]);
    printf("  false alarms within 60 days after a change (of the change's aftermath): %ld of %ld, naive %ld of %ld\n",
           ours.false_after, ours.false_alarms, zs.false_after, zs.false_alarms);
    printf("cost: %.0f ns per dyad-day, %.1f ns per event (detector only)\n", secs / 5 / dy / 365 * 1e9,
           secs / 5 / (double)total * 1e9);
    for (int k = 0; k < ndyads; k++) free(series[k]);
    free(series);
    free(changes);
    free(nchanges);
    free(ours.delays);
    free(zs.delays);
    free(zc.delays);
    free(zh.delays);
    free(zc2.delays);
    free(rates);
    free(ptrue);
    free(lmean);
    free(vratio);
    free(dours);
    free(dnaive);
    free(dshare);
    free(llr);
    free(llr_joint);
    free(nw.w);
    free(nw.inc);
    free(nw.ch);
    free(shit);
    free(scanned);
    return 0;
}
