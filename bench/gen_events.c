/* gen_events.c -- synthetic events for the event store's benchmarks:
 *
 *   bench_gen_events N DIR
 *
 * writes N events as dyad's JSON Lines (what `dyad import --format jsonl`
 * reads) into one file a month, DIR/YYYY-MM.jsonl, over ten years
 * (2010-2019).  Realistic in the ways that matter to the store:
 *
 *   - many actors: 180 country codes, each also with 8 agent roles
 *     (GOV, MIL, REB, OPP, COP, BUS, MED, CVL): 1,620 actor codes;
 *   - dyads Zipf-distributed (s = 1) over 200,000 ranked source-target
 *     pairs, so a few dyads are very frequent and most are rare, as in
 *     GDELT and ICEWS;
 *   - every CAMEO event code of dyad's table, Zipf-distributed (s = 1)
 *     by a fixed random ranking, so that a few codes dominate;
 *   - days uniform within each month.
 *
 * Deterministic (a fixed xorshift seed), so every run measures the same
 * data. */
#include "dyad.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static double uniform(void)
{
    return (double)(next() >> 11) / 9007199254740992.0;
}

/* Cumulative Zipf weights over n ranks; sampling is a binary search. */
static double *zipf_table(size_t n, double s)
{
    double *c = malloc(n * sizeof *c);
    if (!c) return NULL;
    double sum = 0;
    for (size_t i = 0; i < n; i++) c[i] = (sum += 1.0 / pow((double)(i + 1), s));
    for (size_t i = 0; i < n; i++) c[i] /= sum;
    return c;
}

static size_t zipf_draw(const double *c, size_t n)
{
    double u = uniform();
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c[mid] < u) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_gen_events N DIR\n");
        return 2;
    }
    long long total = atoll(argv[1]);
    const char *dir = argv[2];
    mkdir(dir, 0777);
    /* actors: AAA..., fixed pseudo-random three-letter country codes */
    static const char *const roles[] = {"", "GOV", "MIL", "REB", "OPP", "COP", "BUS", "MED", "CVL"};
    enum { NCOUNTRY = 180, NROLE = 9, NACTOR = NCOUNTRY * NROLE, NDYAD = 200000 };
    static char actors[NACTOR][8];
    for (int c = 0; c < NCOUNTRY; c++) {
        char cc[4] = {(char)('A' + c / 26 % 26), (char)('A' + c % 26), (char)('A' + (c * 7) % 26), 0};
        for (int r = 0; r < NROLE; r++) snprintf(actors[c * NROLE + r], 8, "%s%s", cc, roles[r]);
    }
    /* dyad of each rank: a fixed random pair of different actors, roles
     * less often than countries */
    static uint16_t dsrc[NDYAD], dtgt[NDYAD];
    for (int i = 0; i < NDYAD; i++) {
        int a = (int)(next() % NCOUNTRY), b = (int)(next() % (NCOUNTRY - 1));
        if (b >= a) b++;
        int ra = next() % 3 ? 0 : (int)(next() % NROLE), rb = next() % 3 ? 0 : (int)(next() % NROLE);
        dsrc[i] = (uint16_t)(a * NROLE + ra);
        dtgt[i] = (uint16_t)(b * NROLE + rb);
    }
    /* every code of dyad's CAMEO table */
    static char codes[400][5];
    size_t ncodes = 0;
    for (int width = 2; width <= 4; width++) {
        int lim = width == 2 ? 100 : width == 3 ? 1000 : 10000;
        for (int v = 0; v < lim && ncodes < 400; v++) {
            char c[6];
            snprintf(c, sizeof c, "%0*d", width, v);
            if (dyad_cameo_lookup(c)) memcpy(codes[ncodes++], c, 5);
        }
    }
    for (size_t i = ncodes; i > 1; i--) { /* a random ranking */
        size_t j = next() % i;
        char t[5];
        memcpy(t, codes[i - 1], 5);
        memcpy(codes[i - 1], codes[j], 5);
        memcpy(codes[j], t, 5);
    }
    double *dz = zipf_table(NDYAD, 1.0), *cz = zipf_table(ncodes, 1.0);
    if (!dz || !cz || ncodes == 0) return 1;
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    long long made = 0;
    for (int m = 0; m < 120; m++) {
        int year = 2010 + m / 12, month = m % 12 + 1;
        long long n = total * (m + 1) / 120 - total * m / 120;
        char path[512];
        snprintf(path, sizeof path, "%s/%04d-%02d.jsonl", dir, year, month);
        FILE *f = fopen(path, "w");
        if (!f) { perror(path); return 1; }
        int days = mdays[month - 1] + (month == 2 && year % 4 == 0);
        for (long long i = 0; i < n; i++, made++) {
            size_t d = zipf_draw(dz, NDYAD), c = zipf_draw(cz, ncodes);
            fprintf(f,
                    "{\"id\":\"%016llx\",\"doc\":\"synthetic-%lld\",\"sentence\":0,\"date\":\"%04d-%02d-%02d\","
                    "\"source\":\"%s\",\"target\":\"%s\",\"code\":\"%s\"}\n",
                    (unsigned long long)(next() & 0x7fffffffffffffffull), made / 8, year, month,
                    (int)(next() % (uint64_t)days) + 1, actors[dsrc[d]], actors[dtgt[d]], codes[c]);
        }
        if (fclose(f)) { perror(path); return 1; }
    }
    fprintf(stderr, "bench_gen_events: %lld events, %zu codes, %d actors, %d ranked dyads, in %s\n", made, ncodes,
            NACTOR, NDYAD, dir);
    return 0;
}
