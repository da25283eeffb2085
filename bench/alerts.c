/* alerts.c -- the escalation detector (dyad_detect_changes) against a
 * naive z-score detector on synthetic dyads with known change points:
 *
 *   bench_alerts [DYADS [YEARS [SEED [THRESHOLD]]]]
 *
 * (default 500 dyads, 2 years, seed 20220224, the detector's default
 * threshold)
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
    dyad_change found[MAX_ALARMS];
    int *dating = calloc((size_t)ndyads * MAX_CHANGES, sizeof(int));
    size_t ndating = 0;
    if (!dating) return 1;
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
        tally(&ours, changes[k], nchanges[k], al, nf, rates[k], dours + (size_t)k * MAX_CHANGES);
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
    }
    /* the naive detector again, its threshold raised until it makes no
     * more false alarms than ours: detection at equal false alarms */
    double zcal = 3;
    for (double z = 3; z <= 12; z += 0.25) {
        score t = {0};
        t.delays = zc.delays;
        for (int k = 0; k < ndyads; k++) {
            size_t nz = naive(series[k], n, z, al, MAX_ALARMS);
            tally(&t, changes[k], nchanges[k], al, nz, rates[k], NULL);
        }
        zcal = z;
        if (t.false_alarms <= ours.false_alarms) break;
    }
    for (int k = 0; k < ndyads; k++) {
        size_t nz = naive(series[k], n, zcal, al, MAX_ALARMS);
        tally(&zc, changes[k], nchanges[k], al, nz, rates[k], NULL);
    }
    double dy = (double)ndyads * years;
    printf("%d dyads x %d years (%.0f dyad-years), %ld events (%.1f a dyad-day), %ld changes, seed %llu\n", ndyads,
           years, dy, total, (double)total / dy / 365, ours.changes, (unsigned long long)seed);
    report("dyad alerts (CUSUM)", &ours, dy);
    report("naive z-score (|z|>3)", &zs, dy);
    char name[40];
    snprintf(name, sizeof name, "naive z-score (|z|>%.2f)", zcal);
    report(name, &zc, dy);
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
    /* What any detector of the share could do: the evidence of a change's
     * first 4 days (days 0..3) under the true model -- the true shares,
     * the true baseline, beta-binomial days -- against no change.  An
     * alarm within 3 days at one false alarm a dyad-year needs some
     * ln(2 x 365) = 6.6 nats of evidence; fewer nats than that can only
     * be bought with more false alarms. */
    {
        long over[3] = {0, 0, 0}, all = 0, kind_over[4] = {0, 0, 0, 0}, kind_all[4] = {0, 0, 0, 0}, joint = 0;
        static const double levels[3] = {4, 5, 6.6};
        for (int k = 0; k < ndyads; k++)
            for (int c = 0; c < nchanges[k]; c++) {
                int d0 = changes[k][c].day;
                const double *pt = ptrue + (size_t)k * (size_t)n;
                double pb = pt[d0 - 1], llr = 0, vol = 0;
                for (int i = d0; i < d0 + 4 && i < n; i++) {
                    llr += lbb(series[k][i].conflict, series[k][i].events, 40 * pt[i], 40 * (1 - pt[i])) -
                           lbb(series[k][i].conflict, series[k][i].events, 40 * pb, 40 * (1 - pb));
                    /* the volume as well, the oracle knowing even which
                     * days are bursts: a generous bound */
                    double m1 = lmean[(size_t)k * (size_t)n + (size_t)i];
                    double f = changes[k][c].gradual ? (double)(i - d0 + 1) / 5 : 1;
                    double m0 = m1 / pow(vratio[k * MAX_CHANGES + c], f);
                    vol += lnb(series[k][i].events, m1, 5) - lnb(series[k][i].events, m0, 5);
                }
                joint += llr + vol >= levels[2];
                all++;
                for (int l = 0; l < 3; l++) over[l] += llr >= levels[l];
                int kind = (changes[k][c].direction > 0 ? 0 : 2) + changes[k][c].gradual;
                kind_all[kind]++;
                kind_over[kind] += llr >= levels[2];
            }
        printf("oracle evidence of days 0..3 (true shares and baseline): >= 4 nats %.1f %%, >= 5 nats %.1f %%,"
               " >= 6.6 nats %.1f %%\n",
               100.0 * (double)over[0] / (double)all, 100.0 * (double)over[1] / (double)all,
               100.0 * (double)over[2] / (double)all);
        printf("  share and volume together (volume known to change, bursts known): >= 6.6 nats %.1f %%\n",
               100.0 * (double)joint / (double)all);
        printf("  >= 6.6 nats: sudden escalations %.1f %%, gradual %.1f %%; sudden de-escalations %.1f %%, gradual %.1f %%\n",
               100.0 * (double)kind_over[0] / (double)(kind_all[0] ? kind_all[0] : 1),
               100.0 * (double)kind_over[1] / (double)(kind_all[1] ? kind_all[1] : 1),
               100.0 * (double)kind_over[2] / (double)(kind_all[2] ? kind_all[2] : 1),
               100.0 * (double)kind_over[3] / (double)(kind_all[3] ? kind_all[3] : 1));
    }
    static const char *const kinds[4] = {"sudden escalation", "gradual escalation", "sudden de-escalation",
                                         "gradual de-escalation"};
    for (int k = 0; k < 4; k++)
        printf("  %-22s within 3 days: %5.1f %% (%ld/%ld); naive %5.1f %%\n", kinds[k],
               100.0 * (double)ours.by_kind[k][1] / (double)(ours.by_kind[k][0] ? ours.by_kind[k][0] : 1),
               ours.by_kind[k][1], ours.by_kind[k][0],
               100.0 * (double)zs.by_kind[k][1] / (double)(zs.by_kind[k][0] ? zs.by_kind[k][0] : 1));
    static const char *const bands[3] = {"under 5 events a day", "5 to 15 events a day", "over 15 events a day"};
    for (int b = 0; b < 3; b++)
        printf("  %-22s within 3 days: %5.1f %% (%ld/%ld); naive %5.1f %%; false alarms %ld, naive %ld\n", bands[b],
               100.0 * (double)ours.by_rate[b][1] / (double)(ours.by_rate[b][0] ? ours.by_rate[b][0] : 1),
               ours.by_rate[b][1], ours.by_rate[b][0],
               100.0 * (double)zs.by_rate[b][1] / (double)(zs.by_rate[b][0] ? zs.by_rate[b][0] : 1),
               ours.false_by_rate[b], zs.false_by_rate[b]);
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
    free(ptrue);
    free(lmean);
    free(vratio);
    free(dours);
    free(dnaive);
    return 0;
}
