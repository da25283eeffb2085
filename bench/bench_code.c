/* bench_code.c -- throughput of the whole coding path: read, segment, tag,
 * chunk, code and write JSON Lines, with N threads sharing one coder.
 *
 *   build/bench_code [-j N] [--builtin] [--verbs F --actors F... --agents F] CORPUS
 *
 * --builtin adds dyad's own dictionaries (alone when no files are given).
 *
 * The corpus is split at record boundaries into N parts, one reader per
 * thread; events are written to /dev/null so the formatting is counted
 * but the disk is not.  Prints the dictionaries' load and index time,
 * records/s, events/s (wall clock), CPU seconds and peak resident memory.
 * Run by bench/run.sh. */
#include "dyad.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct part {
    const dyad_coder *coder;
    const char *data;
    size_t len;
    size_t records, events;
    int failed;
} part;

static void *run_part(void *arg)
{
    part *p = arg;
    dyad_reader *r = dyad_reader_open_memory("<corpus>", p->data, p->len, DYAD_FORMAT_TABARI, NULL, NULL);
    dyad_pipeline *pipe = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    dyad_coder_work *w = dyad_coder_work_new(p->coder, NULL);
    FILE *out = fopen("/dev/null", "w");
    if (!r || !pipe || !w || !out) {
        p->failed = 1;
    } else {
        dyad_document doc;
        dyad_analysis a;
        const dyad_event *ev;
        size_t n;
        while (dyad_reader_next(r, &doc)) {
            p->records++;
            if (dyad_analyze(pipe, &doc, &a) || dyad_code(w, &a, &ev, &n)) { p->failed = 1; continue; }
            p->events += n;
            dyad_render_events(out, &a, ev, n, DYAD_EVENTS_JSONL, 0);
        }
    }
    if (out) fclose(out);
    dyad_coder_work_free(w);
    dyad_pipeline_free(pipe);
    dyad_reader_close(r);
    return NULL;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
    fclose(f);
    if (buf) { buf[n] = 0; *len = (size_t)n; }
    return buf;
}

/* The start of the record nearest after offset at: a line after a blank
 * line. */
static size_t record_boundary(const char *d, size_t len, size_t at)
{
    while (at < len) {
        const char *nl = memchr(d + at, '\n', len - at);
        if (!nl) return len;
        at = (size_t)(nl - d) + 1;
        if (at < len && d[at] == '\n') return at + 1;
    }
    return len;
}

int main(int argc, char **argv)
{
    dyad_coder_config cfg;
    memset(&cfg, 0, sizeof cfg);
    const char *actors[16];
    int threads = 1;
    const char *corpus = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-j") == 0 && i + 1 < argc) threads = atoi(argv[++i]);
        else if (strcmp(argv[i], "--verbs") == 0 && i + 1 < argc) cfg.verbs = argv[++i];
        else if (strcmp(argv[i], "--agents") == 0 && i + 1 < argc) cfg.agents = argv[++i];
        else if (strcmp(argv[i], "--project") == 0 && i + 1 < argc) cfg.project = argv[++i];
        else if (strcmp(argv[i], "--builtin") == 0) cfg.builtin = 1;
        else if (strcmp(argv[i], "--actors") == 0 && i + 1 < argc && cfg.nactors < 16) actors[cfg.nactors++] = argv[++i];
        else corpus = argv[i];
    }
    if (!corpus || threads < 1 || threads > 64) {
        fprintf(stderr, "usage: bench_code [-j N] [--builtin] [--verbs F --actors F... --agents F] CORPUS\n");
        return 2;
    }
    cfg.actors = actors;
    double t0 = now();
    dyad_coder *coder = dyad_coder_new(&cfg);
    double load = now() - t0;
    size_t len;
    char *data = read_all(corpus, &len);
    if (!coder || !data) { fprintf(stderr, "bench_code: cannot load dictionaries or corpus\n"); return 1; }
    part parts[64];
    pthread_t th[64];
    size_t at = 0;
    for (int t = 0; t < threads; t++) {
        size_t end = t + 1 == threads ? len : record_boundary(data, len, len * (size_t)(t + 1) / (size_t)threads);
        if (end < at) end = at;
        memset(&parts[t], 0, sizeof parts[t]);
        parts[t].coder = coder;
        parts[t].data = data + at;
        parts[t].len = end - at;
        at = end;
    }
    struct rusage r0, r1;
    getrusage(RUSAGE_SELF, &r0);
    double t1 = now();
    for (int t = 0; t < threads; t++) pthread_create(&th[t], NULL, run_part, &parts[t]);
    size_t records = 0, events = 0;
    int failed = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(th[t], NULL);
        records += parts[t].records;
        events += parts[t].events;
        failed |= parts[t].failed;
    }
    double secs = now() - t1;
    getrusage(RUSAGE_SELF, &r1);
    double cpu = (double)(r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) + (double)(r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e6 +
                 (double)(r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) + (double)(r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e6;
    printf("threads=%d load_s=%.3f records=%zu events=%zu seconds=%.3f cpu_s=%.3f records_per_s=%.0f "
           "events_per_s=%.0f records_per_cpu_s=%.0f peak_rss_kb=%ld%s\n",
           threads, load, records, events, secs, cpu, (double)records / secs, (double)events / secs,
           (double)records / cpu, r1.ru_maxrss, failed ? " FAILED" : "");
    dyad_coder_free(coder);
    free(data);
    return failed;
}
