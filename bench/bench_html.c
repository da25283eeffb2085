/* bench_html.c -- throughput of reading web pages: HTML parsing, main-text
 * extraction and metadata, on one thread, from pages already in memory
 * (gzip is undone before the clock starts, as for the Python side).
 *
 *   build/bench_html [--rounds N] FILE.html[.gz]...
 *
 * Prints pages, MB of HTML, seconds, MB/s and pages/s (best round).  Run
 * by bench/run.sh beside bench/readability_bench.py on the same pages. */
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

static double now(void)
{
    struct timespec ts;
    /* CPU time of the process: on a shared machine, time spent waiting
     * for the core is not the extractor's. */
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int rounds = 3;
    size_t n = 0, total = 0;
    char **pages = calloc((size_t)argc, sizeof *pages);
    size_t *lens = calloc((size_t)argc, sizeof *lens);
    if (!pages || !lens) return 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
            rounds = atoi(argv[++i]);
            continue;
        }
        gzFile f = gzopen(argv[i], "rb"); /* reads plain files too */
        if (!f) { fprintf(stderr, "bench_html: cannot open %s\n", argv[i]); return 1; }
        size_t cap = 1 << 20, len = 0;
        char *buf = malloc(cap);
        int got;
        while (buf && (got = gzread(f, buf + len, (unsigned)(cap - len))) > 0) {
            len += (size_t)got;
            if (len == cap) buf = realloc(buf, cap *= 2);
        }
        gzclose(f);
        if (!buf) return 1;
        pages[n] = buf;
        lens[n++] = len;
        total += len;
    }
    if (!n) { fprintf(stderr, "usage: bench_html [--rounds N] FILE...\n"); return 2; }
    double best = 1e30;
    size_t docs = 0, chars = 0;
    for (int r = 0; r < rounds; r++) {
        docs = chars = 0;
        double t0 = now();
        for (size_t i = 0; i < n; i++) {
            dyad_reader *rd = dyad_reader_open_memory("page", pages[i], lens[i], DYAD_FORMAT_HTML,
                                                      NULL, NULL);
            dyad_reader_accept_all_languages(rd, 1);
            dyad_document doc;
            while (dyad_reader_next(rd, &doc)) docs++, chars += doc.len;
            dyad_reader_close(rd);
        }
        double t = now() - t0;
        if (t < best) best = t;
    }
    printf("pages=%zu documents=%zu html_mb=%.2f text_mb=%.2f seconds=%.3f mb_per_s=%.1f "
           "pages_per_s=%.0f\n", n, docs, total / 1e6, chars / 1e6, best, total / 1e6 / best,
           n / best);
    for (size_t i = 0; i < n; i++) free(pages[i]);
    free(pages);
    free(lens);
    return 0;
}
