/* bench_dict.c -- how long a dictionary set takes to load, from its text
 * or from its compiled image, and the memory it then holds.  One load per
 * process, so resident memory is the load's own.
 *
 *   build/bench_dict text FILE...          parse the text files
 *   build/bench_dict image IMAGE           map and validate an image
 *   build/bench_dict cached DIR FILE...    dict_load_cached with DIR as the
 *                                          cache (the image, after the
 *                                          freshness rules), or a rebuild
 *
 * Prints mode, milliseconds, counts, resident memory before and after the
 * load and the peak.  Run by bench/run.sh on the Phoenix set. */
#include "dict/dict.h"
#include "dict/dict_image.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_dict text FILE... | image IMAGE | cached DIR FILE...\n");
        return 2;
    }
    const char *mode = argv[1];
    dyad_dict *d = dict_new();
    long before = rss_kb();
    double t0 = now_ms();
    int rc = 0;
    const char *outcome = "";
    char err[512] = "";
    if (strcmp(mode, "text") == 0) {
        for (int i = 2; i < argc; i++) rc |= dict_load_file(d, argv[i], NULL);
    } else if (strcmp(mode, "image") == 0) {
        rc = dict_image_load(d, argv[2], err, sizeof err);
    } else if (strcmp(mode, "cached") == 0 && argc > 3) {
        dict_cache_report r;
        rc = dict_load_cached_report(d, (const char *const *)argv + 3, (size_t)argc - 3, NULL, argv[2], &r);
        outcome = r.outcome == DICT_CACHE_USED ? " (image used)" : r.outcome == DICT_CACHE_REBUILT ? " (rebuilt)" : " (text only)";
        snprintf(err, sizeof err, "%s", r.why);
    } else {
        fprintf(stderr, "bench_dict: unknown mode '%s'\n", mode);
        return 2;
    }
    double ms = now_ms() - t0;
    long after = rss_kb();
    if (rc) { fprintf(stderr, "bench_dict: load failed: %s\n", err); return 1; }
    dict_counts c = dict_total_counts(d);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%s%s: %.2f ms; files=%zu patterns=%zu actors=%zu agents=%zu discards=%zu; "
           "image=%zu bytes; rss_before_kb=%ld rss_after_kb=%ld peak_rss_kb=%ld\n",
           mode, outcome, ms, dict_file_count(d), c.patterns, c.actors, c.agents, c.discards,
           dict_image_bytes(d), before, after, ru.ru_maxrss);
    dict_free(d);
    return 0;
}
