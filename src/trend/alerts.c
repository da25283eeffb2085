/*
 * alerts.c -- escalation and de-escalation alerts (dyad alerts): a
 * two-sided CUSUM of the log-likelihood ratio of each dyad's daily
 * conflict share, and of its material conflict share, against a trailing
 * baseline, days being beta-binomial (one story gives several events).
 * docs/trends.md gives the method and why each parameter has its value.
 *
 * Conditioning on the day's events (the binomial model of the conflict
 * count given the day's total) is what keeps a burst of coverage with the
 * usual mix of events from alarming: only the share carries evidence, and
 * a day without events carries none, so the dyads are walked over the
 * days they have events only and the cost is linear in those.
 */
#include "trend_private.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A baseline must span this many days before it is trusted (at the start
 * of a series and after each alarm, when the new level becomes the
 * baseline): fewer days, or only the days that raised the last alarm,
 * are too few to tell the dyad's weekly rhythm and its overdispersion. */
#define MIN_BASELINE_SPAN 14
/* The within-day correlation is shrunk toward prior_correlation with the
 * weight of this many pairs of a day's events (sum of n(n-1)): about five
 * days of ten events, so a short or quiet baseline does not claim
 * binomial precision, and a long busy one speaks for itself. */
#define CORRELATION_PRIOR_PAIRS 500.0
/* How far a baseline of few events may reach back, in baseline_days:
 * six months for the default six weeks, long enough for a dyad of two
 * events a day to gather some hundreds, short enough that its share then
 * still says something about now. */
#define BASELINE_REACH 4

void dyad_alert_defaults(dyad_alert_params *p)
{
    p->baseline_days = 42;
    p->guard_days = 7;
    p->odds_ratio = 4.0;
    p->threshold = 7.0;
    p->min_conflict = 5;
    p->min_excess = 3.0;
    p->min_events = 10;
    p->min_baseline = 5;
    p->prior_events = 4.0;
    p->prior_correlation = 0.03;
    p->baseline_events = 0;
    p->baseline_uncertainty = 0;
    p->wide_alternative = 0;
    p->max_evidence = 5;
}

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* The standard normal distribution function. */
static double phi(double z)
{
    return 0.5 * erfc(-z / sqrt(2.0));
}

/* One side of the CUSUM: its sum and the running totals of the days since
 * it last stood at zero (the run that may become an alarm). */
typedef struct side {
    double s;
    size_t start;
    long events, conflict;
    double expected, weight;
} side;

static void side_step(side *sd, size_t i, double llr, long n, long c, double e, double w)
{
    if (sd->s <= 0) {
        memset(sd, 0, sizeof *sd);
        sd->start = i;
    }
    sd->s += llr;
    sd->events += n;
    sd->conflict += c;
    sd->expected += e;
    sd->weight += w;
    if (sd->s <= 0) sd->s = 0;
}

/* Where the change of an alarmed run starts: the day from which the
 * generalised likelihood ratio of a new share (fitted to the days from
 * there to the alarm) against the baseline's is greatest.  The run's own
 * start, the CUSUM's last zero, comes early whenever noise lifted the sum
 * before the change; days at the baseline's share only lower the ratio,
 * so they are left out.  Linear in the run, paid once per alarm. */
static size_t change_start(const dyad_day_count *days, size_t from, size_t to, double p0, int dir)
{
    double n = 0, c = 0, best = -1;
    size_t at = from;
    for (size_t k = to + 1; k-- > from;) {
        n += (double)days[k].events;
        c += (double)days[k].conflict;
        if (n <= 0) continue;
        double p1 = clamp(c / n, 1e-6, 1 - 1e-6);
        if ((dir > 0) != (p1 > p0)) continue;
        double g = c * log(p1 / p0) + (n - c) * log((1 - p1) / (1 - p0));
        if (g > best) {
            best = g;
            at = k;
        }
    }
    return at;
}

size_t dyad_detect_changes(const dyad_day_count *days, size_t n, double prior_share,
                           const dyad_alert_params *pp, dyad_change *out, size_t cap)
{
    dyad_alert_params defaults;
    if (!pp) { dyad_alert_defaults(&defaults); pp = &defaults; }
    const double a = pp->prior_events, pi = clamp(prior_share, 0.01, 0.99);
    const double lr = log(pp->odds_ratio > 1 ? pp->odds_ratio : 1.0001);
    const double rho0 = clamp(pp->prior_correlation, 0, 0.5);
    size_t found = 0, lo = 0, hi = 0;
    /* the baseline's sums of n, c, c^2, n c and n^2 over its days, for
     * its share and its within-day correlation */
    double nb = 0, cb = 0, c2b = 0, ncb = 0, n2b = 0;
    int regime = n ? days[0].day : 0;
    /* up and down for the odds x R, and for a change twice as large on
     * the log-odds scale (x R^2): the test for R is the best one for a
     * change of R and a poor one for a change of 30 (an invasion: the
     * material share from 0.15 to 0.8 in a day), which the R^2 test sees
     * at once.  Each at threshold + ln 2: the union of two tests at half
     * the size each, so false alarms stay where they were. */
    side sides[4];
    memset(sides, 0, sizeof sides);
    const int nsides = pp->wide_alternative ? 4 : 2;
    const double er[2] = {exp(lr), exp(2 * lr)};
    const double h = pp->threshold + (pp->wide_alternative ? log(2.0) : 0);
    for (size_t i = 0; i < n; i++) {
        const int t = days[i].day;
        const int top = t - pp->guard_days;
        const int lower = top - pp->baseline_days > regime ? top - pp->baseline_days : regime;
        for (; hi < i && days[hi].day < top; hi++) {
            double dn = (double)days[hi].events, dc = (double)days[hi].conflict;
            nb += dn;
            cb += dc;
            c2b += dc * dc;
            ncb += dn * dc;
            n2b += dn * dn;
        }
        /* a baseline of few events reaches further back, up to four
         * times its length, until it holds baseline_events: a small
         * dyad's share is known better from six months than guessed from
         * six weeks, and a large one's six weeks are enough */
        const int oldest = top - BASELINE_REACH * pp->baseline_days > regime ? top - BASELINE_REACH * pp->baseline_days : regime;
        for (; lo < hi && (days[lo].day < oldest ||
                           (days[lo].day < lower && nb - (double)days[lo].events >= (double)pp->baseline_events));
             lo++) {
            double dn = (double)days[lo].events, dc = (double)days[lo].conflict;
            nb -= dn;
            cb -= dc;
            c2b -= dc * dc;
            ncb -= dn * dc;
            n2b -= dn * dn;
        }
        const long nt = days[i].events, ct = days[i].conflict;
        if (nt <= 0 || ct < 0 || ct > nt) continue;
        if (nb < (double)pp->min_baseline || top - lower < MIN_BASELINE_SPAN) {
            for (int k = 0; k < 4; k++) sides[k].s = 0;
            continue;
        }
        const double p0 = clamp((cb + a * pi) / (nb + a), 0.01, 0.99);
        /* beta-binomial days: Var c = n p (1-p) (1 + (n-1) rho), rho by
         * moments over the baseline, shrunk toward the prior */
        const double v0 = p0 * (1 - p0);
        const double dev = c2b - 2 * p0 * ncb + p0 * p0 * n2b - v0 * nb;
        const double rho = clamp((dev + rho0 * v0 * CORRELATION_PRIOR_PAIRS) / (v0 * (n2b - nb) + v0 * CORRELATION_PRIOR_PAIRS),
                                 0, 0.5);
        /* a day of many events is one of few stories: it weighs 1/(1+(n-1)rho) */
        const double disp = 1 + ((double)nt - 1) * rho;
        /* the alternatives: the conflict odds multiplied or divided by R */
        const double odds = p0 / (1 - p0);
        const double e = (double)nt * p0;
        double bw = 1;
        if (pp->baseline_uncertainty) bw = nb / (1 + rho * (nb > 0 ? n2b / nb - 1 : 0)) + a;
        int dir = 0;
        side *sd = NULL;
        for (int k = 0; k < nsides; k++) {
            const double o1 = k % 2 ? odds / er[k / 2] : odds * er[k / 2], p1 = o1 / (1 + o1);
            const double llr = ((double)ct * log(p1 / p0) + (double)(nt - ct) * log((1 - p1) / (1 - p0))) / disp;
            side *x = &sides[k];
            side_step(x, i, llr, nt, ct, e, (double)nt / disp);
            const double w = pp->baseline_uncertainty ? x->weight : 0;
            if (dir || x->s * bw <= h * (bw + w)) continue;
            if (k % 2 == 0 && x->conflict >= pp->min_conflict && (double)x->conflict - x->expected >= pp->min_excess) {
                dir = 1;
                sd = x;
            } else if (k % 2 == 1 && x->events >= pp->min_events && x->expected - (double)x->conflict >= pp->min_excess) {
                dir = -1;
                sd = x;
            }
        }
        if (!dir) continue;
        size_t first = change_start(days, sd->start, i, p0, dir);
        if (found < cap && out) {
            dyad_change *c = &out[found];
            c->direction = dir;
            c->start = days[first].day;
            c->alarm = t;
            c->events = c->conflict = 0;
            double n2 = 0;
            for (size_t k = first; k <= i; k++) {
                c->events += days[k].events;
                c->conflict += days[k].conflict;
                n2 += (double)days[k].events * (double)days[k].events;
            }
            c->expected = (double)c->events * p0;
            c->baseline_share = p0;
            c->share = c->events ? (double)c->conflict / (double)c->events : 0;
            c->baseline_daily = nb / (double)(top - (lo < hi && days[lo].day < lower ? days[lo].day : lower));
            /* the event-weighted mean of 1 + (n-1) rho: how many events
             * make one independent one */
            const double ds = 1 + rho * (n2 / (double)(c->events ? c->events : 1) - 1);
            const double dbase = 1 + rho * (nb > 0 ? n2b / nb - 1 : 0);
            c->dispersion = ds;
            /* Beta posteriors of the two shares, their counts deflated by
             * the overdispersion, compared by a normal approximation */
            double a1 = (double)c->conflict / ds + 0.5, b1 = (double)(c->events - c->conflict) / ds + 0.5;
            double a0 = cb / dbase + a * pi, b0 = (nb - cb) / dbase + a * (1 - pi);
            double m1 = a1 / (a1 + b1), m0 = a0 / (a0 + b0);
            double v1 = a1 * b1 / ((a1 + b1) * (a1 + b1) * (a1 + b1 + 1));
            double w0 = a0 * b0 / ((a0 + b0) * (a0 + b0) * (a0 + b0 + 1));
            double z = (m1 - m0) / sqrt(v1 + w0 + 1e-12);
            c->confidence = phi(dir > 0 ? z : -z);
        }
        found++;
        /* the new level is the baseline from now on */
        regime = days[first].day;
        for (int k = 0; k < 4; k++) sides[k].s = 0;
    }
    return found;
}

/* ---- over the store -------------------------------------------------------- */

/* The block a dyad is known by: the country (or other 3-letter code) of
 * an actor, or an organisation's whole code, since IGO, NGO... name no
 * one by themselves. */
static int actor_block(const char *code, char out[16])
{
    static const char *const sectors[] = {"IGO", "NGO", "NGM", "IMG", "MNC", "INT"};
    size_t keep = 3;
    for (size_t i = 0; i < sizeof sectors / sizeof *sectors; i++)
        if (strncmp(code, sectors[i], 3) == 0) keep = 9;
    size_t n = strnlen(code, keep);
    memcpy(out, code, n);
    out[n] = 0;
    /* only CAMEO's letters and digits: the evidence is found by querying
     * the block, and the store takes nothing else as an actor code */
    for (size_t i = 0; i < n; i++)
        if (!((code[i] >= 'A' && code[i] <= 'Z') || (code[i] >= '0' && code[i] <= '9'))) return -1;
    return n ? 0 : -1;
}

typedef struct pair {
    char a[16], b[16];
    size_t first, n; /* its days in the sorted entries */
    uint32_t codes;  /* its first source-target codes + 1 (0: none) */
} pair;

/* A source and target code of the events of a pair (RUSGOV, UKRMIL of
 * RUS-UKR): an alert's evidence is read code pair by code pair, each one
 * range of events_dyad, instead of every event of the two blocks. */
typedef struct codes {
    size_t source, target; /* offsets in scan.names */
    uint32_t next;         /* the pair's next codes + 1 (0: none) */
} codes;

typedef struct entry {
    uint32_t pair;
    int day;
    long events, conflict, material;
} entry;

typedef struct scan {
    pair *pairs;
    size_t npairs, pcap;
    uint32_t *slots; /* open addressing: pair index + 1, 0 empty */
    size_t nslots;
    entry *entries;
    size_t n, cap;
    long events, conflict, material;
    /* the pair's codes, found once per source-target change: the counts
     * come in key order, so that is once per code pair */
    codes *codes;
    size_t ncodes, ccap;
    sbuf names;
    char last_source[40], last_target[40];
    uint32_t last_pair;
    int last; /* 1: last_* hold the previous row's codes, -1: skipped */
    bool oom;
} scan;

static uint64_t pair_hash(const char *a, const char *b)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *a; a++) h = (h ^ (unsigned char)*a) * 0x100000001b3ull;
    h = (h ^ '|') * 0x100000001b3ull;
    for (; *b; b++) h = (h ^ (unsigned char)*b) * 0x100000001b3ull;
    return h ^ (h >> 29);
}

static int pair_index(scan *s, const char *a, const char *b, uint32_t *out)
{
    if (s->npairs * 2 >= s->nslots) {
        size_t ns = s->nslots ? s->nslots * 2 : 1024;
        uint32_t *sl = calloc(ns, sizeof *sl);
        if (!sl) return -1;
        for (size_t i = 0; i < s->npairs; i++) {
            size_t k = pair_hash(s->pairs[i].a, s->pairs[i].b) & (ns - 1);
            while (sl[k]) k = (k + 1) & (ns - 1);
            sl[k] = (uint32_t)i + 1;
        }
        free(s->slots);
        s->slots = sl;
        s->nslots = ns;
    }
    size_t k = pair_hash(a, b) & (s->nslots - 1);
    while (s->slots[k]) {
        pair *p = &s->pairs[s->slots[k] - 1];
        if (strcmp(p->a, a) == 0 && strcmp(p->b, b) == 0) { *out = s->slots[k] - 1; return 0; }
        k = (k + 1) & (s->nslots - 1);
    }
    if (s->npairs == s->pcap) {
        size_t cap = s->pcap ? s->pcap * 2 : 256;
        pair *g = realloc(s->pairs, cap * sizeof *g);
        if (!g) return -1;
        s->pairs = g;
        s->pcap = cap;
    }
    pair *p = &s->pairs[s->npairs];
    memset(p, 0, sizeof *p);
    snprintf(p->a, sizeof p->a, "%s", a);
    snprintf(p->b, sizeof p->b, "%s", b);
    s->slots[k] = (uint32_t)s->npairs + 1;
    *out = (uint32_t)s->npairs++;
    return 0;
}

/* Records a source-target code pair of pair pi. */
static int codes_add(scan *s, uint32_t pi, const char *source, const char *target)
{
    if (s->ncodes == s->ccap) {
        size_t cap = s->ccap ? s->ccap * 2 : 1024;
        codes *g = realloc(s->codes, cap * sizeof *g);
        if (!g) return -1;
        s->codes = g;
        s->ccap = cap;
    }
    codes *c = &s->codes[s->ncodes];
    c->source = s->names.len;
    if (sbuf_append(&s->names, source, strlen(source) + 1)) return -1;
    c->target = s->names.len;
    if (sbuf_append(&s->names, target, strlen(target) + 1)) return -1;
    c->next = s->pairs[pi].codes;
    s->pairs[pi].codes = (uint32_t)++s->ncodes;
    return 0;
}

static int scan_row(const store_count *c, void *user)
{
    scan *s = user;
    int root, quad;
    double g;
    if (!c->source || !c->target || !*c->source || !*c->target) return 0;
    if (trend_code_info(c->code, &root, &quad, &g)) return 0;
    uint32_t pi;
    size_t ls = strlen(c->source), lt = strlen(c->target);
    if (s->last && ls < sizeof s->last_source && lt < sizeof s->last_target && strcmp(c->source, s->last_source) == 0 &&
        strcmp(c->target, s->last_target) == 0) {
        if (s->last < 0) return 0;
        pi = s->last_pair;
    } else {
        /* a code pair not met just before: rows come in key order, so it
         * is new unless the store interleaves (the events not folded yet) */
        char x[16], y[16];
        s->last = 0;
        bool ok = !actor_block(c->source, x) && !actor_block(c->target, y);
        if (ok && pair_index(s, strcmp(x, y) <= 0 ? x : y, strcmp(x, y) <= 0 ? y : x, &pi)) { s->oom = true; return 1; }
        if (ok) {
            bool known = false;
            for (uint32_t k = s->pairs[pi].codes; k && !known; k = s->codes[k - 1].next)
                known = strcmp(s->names.data + s->codes[k - 1].source, c->source) == 0 &&
                        strcmp(s->names.data + s->codes[k - 1].target, c->target) == 0;
            if (!known && codes_add(s, pi, c->source, c->target)) { s->oom = true; return 1; }
        }
        if (ls < sizeof s->last_source && lt < sizeof s->last_target) {
            memcpy(s->last_source, c->source, ls + 1);
            memcpy(s->last_target, c->target, lt + 1);
            s->last = ok ? 1 : -1;
            s->last_pair = ok ? pi : 0;
        }
        if (!ok) return 0;
    }
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        entry *e = realloc(s->entries, cap * sizeof *e);
        if (!e) { s->oom = true; return 1; }
        s->entries = e;
        s->cap = cap;
    }
    long conflict = quad >= 3 ? (long)c->events : 0, material = quad == 4 ? (long)c->events : 0;
    s->entries[s->n++] = (entry){pi, trend_day_of(c->date), (long)c->events, conflict, material};
    s->events += (long)c->events;
    s->conflict += conflict;
    s->material += material;
    return 0;
}

static int by_alarm(const void *x, const void *y)
{
    const dyad_alert *a = x, *b = y;
    if (a->alarm != b->alarm) return (a->alarm > b->alarm) - (a->alarm < b->alarm);
    int c = strcmp(a->a, b->a);
    if (!c) c = strcmp(a->b, b->b);
    return c ? c : a->material - b->material;
}

/* ---- evidence ------------------------------------------------------------- */

typedef struct evidence {
    dyad_alert *alert;
    int64_t *rows;  /* the store rows of alert->evidence, for the sentences */
    size_t cap;
    bool oom;
} evidence;

/* Whether evidence event k of ev goes before one of the given score,
 * date and row: lower score (more hostile, or more cooperative), then
 * earlier, then stored first -- the order of a query by date and row. */
static bool evidence_before(const evidence *ev, size_t k, double score, int date, int64_t row)
{
    const dyad_alert_event *x = &ev->alert->evidence[k];
    double sk = x->goldstein * (ev->alert->change.direction > 0 ? 1 : -1);
    if (sk != score) return sk < score;
    if (x->date != date) return x->date < date;
    return ev->rows[k] < row;
}

/* Keeps the alert's max_evidence most telling events: the most hostile
 * (lowest Goldstein) conflict events of an escalation, the most
 * cooperative events of a de-escalation; earlier first among equals,
 * whatever order the events come in. */
static int evidence_row(const store_event *e, void *user)
{
    evidence *ev = user;
    dyad_alert *al = ev->alert;
    int root, quad;
    double g;
    if (!e->source || !e->target || trend_code_info(e->code, &root, &quad, &g)) return 0;
    char x[16], y[16];
    if (actor_block(e->source, x) || actor_block(e->target, y)) return 0;
    if (!((strcmp(x, al->a) == 0 && strcmp(y, al->b) == 0) || (strcmp(x, al->b) == 0 && strcmp(y, al->a) == 0)))
        return 0;
    int dir = al->change.direction;
    if ((dir > 0) != (quad >= (al->material ? 4 : 3))) return 0;
    double score = dir > 0 ? g : -g;
    size_t k = al->nevidence;
    if (k == ev->cap) {
        if (evidence_before(ev, k - 1, score, e->date, e->row)) return 0;
        k--;
        free(al->evidence[k].doc);
        free(al->evidence[k].sentence);
        al->nevidence--;
    }
    while (k > 0 && !evidence_before(ev, k - 1, score, e->date, e->row)) {
        al->evidence[k] = al->evidence[k - 1];
        ev->rows[k] = ev->rows[k - 1];
        k--;
    }
    ev->rows[k] = e->row;
    dyad_alert_event *x2 = &al->evidence[k];
    memset(x2, 0, sizeof *x2);
    x2->id = (uint64_t)e->id;
    x2->date = e->date;
    snprintf(x2->source, sizeof x2->source, "%s", e->source);
    snprintf(x2->target, sizeof x2->target, "%s", e->target);
    snprintf(x2->code, sizeof x2->code, "%s", e->code);
    x2->goldstein = g;
    x2->doc = strdup(e->doc_key ? e->doc_key : "");
    if (!x2->doc) ev->oom = true;
    al->nevidence++;
    return ev->oom ? 1 : 0;
}

/* The alert's evidence from start to alarm, then each one's sentence.
 * With sc and the pair's first codes (from dyad_alerts_detect's scan),
 * the events are read code pair by code pair, one index range each;
 * without (dyad_alert_evidence), by the two blocks as prefixes. */
static int find_evidence(dyad_store *store, const dyad_query *q, size_t max, dyad_alert *al, const scan *sc,
                         uint32_t first)
{
    if (!max) return 0;
    if (al->evidence) {
        for (size_t k = 0; k < al->nevidence; k++) {
            free(al->evidence[k].doc);
            free(al->evidence[k].sentence);
        }
        free(al->evidence);
        al->nevidence = 0;
    }
    al->evidence = calloc(max, sizeof *al->evidence);
    if (!al->evidence) return -1;
    int64_t *rows = calloc(max, sizeof *rows);
    if (!rows) return -1;
    evidence ev = {al, rows, max, false};
    int rc = 0;
    if (sc) {
        for (uint32_t k = first; k && !rc; k = sc->codes[k - 1].next)
            rc = store_pair_events(store, sc->names.data + sc->codes[k - 1].source,
                                   sc->names.data + sc->codes[k - 1].target, al->start, al->alarm, q->copies,
                                   q->unique, evidence_row, &ev) || ev.oom ? -1 : 0;
    } else {
        char from[11], to[11];
        trend_format_date(al->start, from);
        trend_format_date(al->alarm, to);
        dyad_query eq;
        memset(&eq, 0, sizeof eq);
        eq.source = al->a;
        eq.target = al->b;
        eq.both = 1;
        eq.from = from;
        eq.to = to;
        eq.unique = q->unique;
        eq.copies = q->copies;
        rc = store_each_event(store, &eq, evidence_row, &ev) || ev.oom ? -1 : 0;
    }
    sbuf sb = {NULL, 0, 0};
    for (size_t i = 0; !rc && i < al->nevidence; i++) {
        dyad_alert_event *x = &al->evidence[i];
        if (store_sentence(store, rows[i], &sb)) { rc = -1; break; }
        x->sentence = malloc(sb.len + 1);
        if (!x->sentence) { rc = -1; break; }
        if (sb.len) memcpy(x->sentence, sb.data, sb.len);
        x->sentence[sb.len] = 0;
    }
    sbuf_free(&sb);
    free(rows);
    return rc;
}

int dyad_alert_evidence(dyad_store *store, const dyad_query *q, int max, dyad_alert *al)
{
    if (!store || !q || !al || max < 0) return -1;
    /* the store has reported its own failures (a time limit among them) */
    return find_evidence(store, q, (size_t)max, al, NULL, 0) ? -1 : 0;
}

/* ---- the whole store ------------------------------------------------------- */

static void scan_free(scan *s)
{
    free(s->pairs);
    free(s->slots);
    free(s->entries);
    free(s->codes);
    sbuf_free(&s->names);
}

int dyad_alerts_detect(dyad_store *store, const dyad_query *q, const dyad_alert_params *pp,
                       dyad_alerts *out)
{
    if (!out) return -1;
    memset(out, 0, sizeof *out);
    if (!store || !q) return -1;
    dyad_alert_params p;
    if (pp) p = *pp;
    else dyad_alert_defaults(&p);
    dyad_query rq = *q;
    char early[11];
    int from = q->from ? store_date_int(q->from) : 0;
    if (q->from && from) {
        trend_format_date(trend_ymd_of(trend_day_of(from) - (p.baseline_events > 0 ? BASELINE_REACH : 1) * p.baseline_days -
                                       p.guard_days),
                          early);
        rq.from = early;
    }
    scan s;
    memset(&s, 0, sizeof s);
    if (store_counts(store, &rq, false, scan_row, &s)) { scan_free(&s); return -1; }
    if (s.oom) { scan_free(&s); store_report(store, "out of memory"); return -1; }
    out->dyads = s.npairs;
    out->events = s.events;
    out->prior_share = s.events ? (double)s.conflict / (double)s.events : 0.5;
    out->prior_material = s.events ? (double)s.material / (double)s.events : 0.2;
    /* the entries by pair, each pair's by day, in linear time: a radix
     * sort of all of them by day (two passes of 16 bits), then a stable
     * counting sort by pair (a pair gathers several source-target codes,
     * both ways, so its rows do not come in day order) */
    entry *sorted = malloc((s.n ? s.n : 1) * sizeof *sorted);
    dyad_day_count *days = malloc((s.n ? s.n : 1) * 2 * sizeof *days);
    size_t *at = calloc((s.npairs > 65536 ? s.npairs : 65536) + 1, sizeof *at);
    dyad_change *changes = NULL;
    size_t ccap = 0, acap = 0;
    int rc = 0;
    if (!sorted || !days || !at) goto oom;
    for (int pass = 0; pass < 2; pass++) {
        entry *from_e = pass ? sorted : s.entries, *to_e = pass ? s.entries : sorted;
        memset(at, 0, 65537 * sizeof *at);
        for (size_t i = 0; i < s.n; i++) at[(((uint32_t)from_e[i].day ^ 0x80000000u) >> (16 * pass) & 0xffff) + 1]++;
        for (size_t b = 0; b < 65536; b++) at[b + 1] += at[b];
        for (size_t i = 0; i < s.n; i++) to_e[at[((uint32_t)from_e[i].day ^ 0x80000000u) >> (16 * pass) & 0xffff]++] = from_e[i];
    }
    memset(at, 0, (s.npairs + 1) * sizeof *at);
    for (size_t i = 0; i < s.n; i++) at[s.entries[i].pair + 1]++;
    for (size_t i = 0; i < s.npairs; i++) {
        at[i + 1] += at[i];
        s.pairs[i].first = at[i];
        s.pairs[i].n = 0;
    }
    for (size_t i = 0; i < s.n; i++) {
        pair *pr = &s.pairs[s.entries[i].pair];
        sorted[pr->first + pr->n++] = s.entries[i];
    }
    for (size_t k = 0; k < s.npairs; k++) {
        pair *pr = &s.pairs[k];
        const entry *e = sorted + pr->first;
        /* two series of the pair's days: conflict (quads 3 and 4) and
         * material conflict (quad 4) among all events */
        dyad_day_count *dc = days, *dm = days + pr->n;
        size_t m = 0;
        for (size_t i = 0; i < pr->n; i++) {
            if (m && dc[m - 1].day == e[i].day) {
                dc[m - 1].events += e[i].events;
                dc[m - 1].conflict += e[i].conflict;
                dm[m - 1].events += e[i].events;
                dm[m - 1].conflict += e[i].material;
            } else {
                dc[m] = (dyad_day_count){e[i].day, e[i].events, e[i].conflict};
                dm[m++] = (dyad_day_count){e[i].day, e[i].events, e[i].material};
            }
        }
        for (int material = 0; material <= 1; material++) {
            const dyad_day_count *d = material ? dm : dc;
            double prior = material ? out->prior_material : out->prior_share;
            size_t nc = dyad_detect_changes(d, m, prior, &p, changes, ccap);
            if (nc > ccap) {
                dyad_change *g = realloc(changes, nc * sizeof *g);
                if (!g) goto oom;
                changes = g;
                ccap = nc;
                nc = dyad_detect_changes(d, m, prior, &p, changes, ccap);
            }
            for (size_t i = 0; i < nc; i++) {
                int alarm = trend_ymd_of(changes[i].alarm);
                if (from && alarm < from) continue;
                if (out->n == acap) {
                    size_t cap = acap ? acap * 2 : 16;
                    dyad_alert *g = realloc(out->alerts, cap * sizeof *g);
                    if (!g) goto oom;
                    out->alerts = g;
                    acap = cap;
                }
                dyad_alert *al = &out->alerts[out->n++];
                memset(al, 0, sizeof *al);
                memcpy(al->a, pr->a, sizeof al->a);
                memcpy(al->b, pr->b, sizeof al->b);
                al->material = material;
                al->change = changes[i];
                al->start = trend_ymd_of(changes[i].start);
                al->alarm = alarm;
                /* the evidence of the few alerts found, by the pair's codes */
                if (find_evidence(store, q, p.max_evidence > 0 ? (size_t)p.max_evidence : 0, al, &s, pr->codes)) {
                    rc = -1;
                    goto done;
                }
            }
        }
    }
done:
    if (!rc && out->n) qsort(out->alerts, out->n, sizeof *out->alerts, by_alarm);
    free(sorted);
    free(days);
    free(at);
    free(changes);
    scan_free(&s);
    if (rc) dyad_alerts_free(out);
    return rc;
oom:
    free(sorted);
    free(days);
    free(at);
    free(changes);
    scan_free(&s);
    dyad_alerts_free(out);
    store_report(store, "out of memory");
    return -1;
}

void dyad_alerts_free(dyad_alerts *al)
{
    if (!al) return;
    for (size_t i = 0; i < al->n; i++) {
        for (size_t k = 0; k < al->alerts[i].nevidence; k++) {
            free(al->alerts[i].evidence[k].doc);
            free(al->alerts[i].evidence[k].sentence);
        }
        free(al->alerts[i].evidence);
    }
    free(al->alerts);
    memset(al, 0, sizeof *al);
}

/* ---- output -------------------------------------------------------------- */

static void flat(FILE *out, const char *s)
{
    for (; *s; s++) fputc(*s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s, out);
}

int dyad_alerts_write(const dyad_alerts *al, dyad_series_format format, FILE *out)
{
    if (!al || !out) return -1;
    if (format == DYAD_SERIES_CSV)
        fputs("a,b,direction,kind,start,alarm,events,conflict,expected,baseline_share,share,baseline_daily,"
              "dispersion,confidence,evidence\n", out);
    if (format == DYAD_SERIES_TEXT && !al->n)
        fprintf(out, "no alerts (%zu dyads, %ld events)\n", al->dyads, al->events);
    for (size_t i = 0; i < al->n; i++) {
        const dyad_alert *a = &al->alerts[i];
        const dyad_change *c = &a->change;
        const char *dir = c->direction > 0 ? "escalation" : "de-escalation";
        const char *kind = a->material ? "material" : "conflict";
        char start[11], alarm[11];
        trend_format_date(a->start, start);
        trend_format_date(a->alarm, alarm);
        if (format == DYAD_SERIES_CSV) {
            fprintf(out, "%s,%s,%s,%s,%s,%s,%ld,%ld,%.2f,%.4f,%.4f,%.3f,%.3f,%.4f,", a->a, a->b, dir, kind, start, alarm,
                    c->events, c->conflict, c->expected, c->baseline_share, c->share, c->baseline_daily,
                    c->dispersion, c->confidence);
            for (size_t k = 0; k < a->nevidence; k++)
                fprintf(out, "%s%016llx", k ? ";" : "", (unsigned long long)a->evidence[k].id);
            fputc('\n', out);
        } else if (format == DYAD_SERIES_JSON) {
            fprintf(out, "{\"a\":\"%s\",\"b\":\"%s\",\"direction\":\"%s\",\"kind\":\"%s\",\"start\":\"%s\",\"alarm\":\"%s\","
                         "\"events\":%ld,\"conflict\":%ld,\"expected\":%.2f,\"baseline_share\":%.4f,\"share\":%.4f,"
                         "\"baseline_daily\":%.3f,\"dispersion\":%.3f,\"confidence\":%.4f,\"evidence\":[",
                    a->a, a->b, dir, kind, start, alarm, c->events, c->conflict, c->expected, c->baseline_share, c->share,
                    c->baseline_daily, c->dispersion, c->confidence);
            for (size_t k = 0; k < a->nevidence; k++) {
                const dyad_alert_event *e = &a->evidence[k];
                char d[11];
                trend_format_date(e->date, d);
                fprintf(out, "%s{\"id\":\"%016llx\",\"date\":\"%s\",\"source\":", k ? "," : "",
                        (unsigned long long)e->id, d);
                json_write_string(out, e->source, strlen(e->source));
                fputs(",\"target\":", out);
                json_write_string(out, e->target, strlen(e->target));
                fprintf(out, ",\"code\":\"%s\",\"goldstein\":%.1f,\"doc\":", e->code, e->goldstein);
                json_write_string(out, e->doc, strlen(e->doc));
                fputs(",\"sentence\":", out);
                json_write_string(out, e->sentence ? e->sentence : "", e->sentence ? strlen(e->sentence) : 0);
                fputc('}', out);
            }
            fputs("]}\n", out);
        } else {
            fprintf(out, "%s-%s: %s (%s) from %s (alarm %s), confidence %.2f\n", a->a, a->b, dir,
                    a->material ? "material conflict" : "conflict", start, alarm, c->confidence);
            fprintf(out, "  %s share %.2f (%ld of %ld events) against %.2f in the baseline "
                         "(%.1f events a day): %.1f expected\n",
                    a->material ? "material conflict" : "conflict", c->share, c->conflict, c->events,
                    c->baseline_share, c->baseline_daily, c->expected);
            for (size_t k = 0; k < a->nevidence; k++) {
                const dyad_alert_event *e = &a->evidence[k];
                char d[11];
                trend_format_date(e->date, d);
                fprintf(out, "  %s %s->%s %s (%+.1f) id %016llx, %s: ", d, e->source, e->target, e->code,
                        e->goldstein, (unsigned long long)e->id, e->doc);
                if (e->sentence && *e->sentence) {
                    fputc('"', out);
                    flat(out, e->sentence);
                    fputs("\"\n", out);
                } else {
                    fputs("(no sentence kept)\n", out);
                }
            }
        }
    }
    return ferror(out) ? -1 : 0;
}
