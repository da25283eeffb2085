/* fuzz_code_builtin.c -- the coding path with dyad's own dictionaries on
 * arbitrary bytes, as `dyad code` runs it by default: dyad's coding rules,
 * quotations and their speakers (each speaker's sentence parsed again),
 * first person in quotes, dates resolved against the article's date or a
 * dateline, places in the gazetteer, and events rendered in every format.
 * Every span an event carries must lie inside the text. */
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static dyad_coder *coder;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    dyad_coder_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.builtin = 1;
    coder = dyad_coder_new(&cfg);
    if (!coder) abort();
    return 0;
}

static void span_ok(dyad_span s, size_t len)
{
    if (s.start > s.end || s.end > len) abort();
}

static void check(const dyad_analysis *a, const dyad_event *ev, size_t n)
{
    size_t len = a->doc->len;
    for (size_t i = 0; i < n; i++) {
        const dyad_event *e = &ev[i];
        span_ok(e->source_span, len);
        span_ok(e->target_span, len);
        span_ok(e->verb_span, len);
        span_ok(e->date_span, len);
        span_ok(e->place_span, len);
        span_ok(e->speaker_span, len);
        if (e->sentence >= a->nsentences || !e->code[0] || e->date_precision > DYAD_PRECISION_DAY) abort();
        if (e->place_name && (!e->place_country || e->place_lat < -90 || e->place_lat > 90)) abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    dyad_code_options opt;
    memset(&opt, 0, sizeof opt);
    opt.explain = 1;
    dyad_coder_work *w = dyad_coder_work_new(coder, &opt);
    FILE *null = fopen("/dev/null", "w");
    if (p && w && null) {
        for (int mode = 0; mode < 2; mode++) {
            dyad_document doc;
            memset(&doc, 0, sizeof doc);
            doc.id = "fuzz";
            doc.text = (const char *)data;
            doc.len = size;
            doc.format = DYAD_FORMAT_TEXT;
            if (mode) memcpy(doc.date, "2022-01-27", 11); /* and once undated */
            dyad_analysis a;
            const dyad_event *ev;
            size_t n;
            if (dyad_analyze(p, &doc, &a) || dyad_code(w, &a, &ev, &n)) continue;
            check(&a, ev, n);
            for (int f = 0; f < 4; f++)
                dyad_render_events(null, &a, ev, n, (dyad_event_format)f, DYAD_EVENTS_EXPLAIN);
        }
    }
    if (null) fclose(null);
    dyad_coder_work_free(w);
    dyad_pipeline_free(p);
    return 0;
}
