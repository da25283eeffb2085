/* fuzz_events.c -- the event renderers on arbitrary bytes: the bytes are
 * the article and also describe the events (spans anywhere, inside or past
 * the text, codes and actor codes of any bytes).  Every format must give
 * exactly one line per event and, in the tab-separated ones, no control
 * byte but the tabs it writes itself. */
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t take(const uint8_t *d, size_t n, size_t *at)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) v = (v << 8) | (*at < n ? d[(*at)++] : 0);
    return v;
}

static void check(const char *out, size_t len, size_t nevents, int tabular)
{
    size_t lines = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)out[i];
        if (c == '\n') lines++;
        else if (c < 0x20 && (tabular ? c != '\t' : 1)) abort();
    }
    if (lines != nevents || (len && out[len - 1] != '\n')) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_SENTENCES);
    if (!p) return 0;
    dyad_analysis a;
    if (dyad_analyze_text(p, (const char *)data, size, &a) == 0) {
        dyad_event ev[8];
        size_t n = size / 48 < 8 ? size / 48 : 8, at = 0;
        for (size_t i = 0; i < n; i++) {
            dyad_event *e = &ev[i];
            memset(e, 0, sizeof *e);
            e->sentence = take(data, size, &at) % (uint32_t)(a.nsentences + 2);
            e->source_span.start = take(data, size, &at) % (uint32_t)(size + 8);
            e->source_span.end = take(data, size, &at) % (uint32_t)(size + 8);
            e->target_span.start = take(data, size, &at) % (uint32_t)(size + 8);
            e->target_span.end = e->target_span.start + take(data, size, &at) % 64;
            e->verb_span = (dyad_span){e->source_span.end, e->target_span.start};
            e->flags = take(data, size, &at);
            memcpy(e->code, data + at, sizeof e->code); /* may hold no NUL */
            memcpy(e->date, data + at + 8, sizeof e->date);
            memcpy(e->source, data + at + 8, 16);
            memcpy(e->target, data + at + 16, 8);
            at += 20;
            e->pattern = i % 2 ? "* PATTERN" : NULL;
            e->pattern_file = i % 3 ? a.doc->id : NULL;
        }
        for (int f = DYAD_EVENTS_JSONL; f <= DYAD_EVENTS_GDELT; f++)
            for (unsigned flags = 0; flags < 4; flags++) {
                char *out = NULL;
                size_t len = 0;
                FILE *m = open_memstream(&out, &len);
                if (!m) continue;
                dyad_render_events(m, &a, ev, n, (dyad_event_format)f, flags);
                fclose(m);
                check(out, len, n, f != DYAD_EVENTS_JSONL);
                free(out);
            }
    }
    dyad_pipeline_free(p);
    return 0;
}
