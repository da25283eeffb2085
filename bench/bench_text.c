/* bench_text.c -- throughput of the text pipeline: read, segment, tokenise,
 * tag, lemmatise and chunk every record of a file on one thread.
 *
 *   build/bench_text [--level sentences|tags|chunks] FILE
 *
 * Prints records, sentences, tokens, seconds, tokens/s, records/s and peak
 * resident memory.  Run by bench/run.sh. */
#include "dyad.h"
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

int main(int argc, char **argv)
{
    dyad_level level = DYAD_LEVEL_CHUNKS;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--level") == 0 && i + 1 < argc) {
            const char *l = argv[++i];
            level = strcmp(l, "sentences") == 0 ? DYAD_LEVEL_SENTENCES :
                    strcmp(l, "tags") == 0 ? DYAD_LEVEL_TAGS : DYAD_LEVEL_CHUNKS;
        } else {
            path = argv[i];
        }
    }
    if (!path) { fprintf(stderr, "usage: bench_text [--level L] FILE\n"); return 2; }
    dyad_reader *r = dyad_reader_open_file(path, DYAD_FORMAT_AUTO, NULL, NULL);
    dyad_pipeline *p = dyad_pipeline_new(level);
    if (!r || !p) { fprintf(stderr, "bench_text: cannot open %s\n", path); return 1; }
    size_t records = 0, sentences = 0, tokens = 0, chunks = 0;
    double t0 = now();
    dyad_document doc;
    dyad_analysis a;
    while (dyad_reader_next(r, &doc)) {
        records++;
        if (dyad_analyze(p, &doc, &a)) continue;
        sentences += a.nsentences;
        for (size_t k = 0; k < a.nsentences; k++) {
            tokens += a.sentences[k].ntokens;
            chunks += a.sentences[k].nchunks;
        }
    }
    double secs = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("records=%zu sentences=%zu tokens=%zu chunks=%zu seconds=%.3f "
           "tokens_per_s=%.0f records_per_s=%.0f peak_rss_kb=%ld\n",
           records, sentences, tokens, chunks, secs, (double)tokens / secs,
           (double)records / secs, ru.ru_maxrss);
    dyad_pipeline_free(p);
    dyad_reader_close(r);
    return 0;
}
