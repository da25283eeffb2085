/* fuzz_analyze.c -- the text pipeline on arbitrary bytes as a plain-text
 * article: layout, tokens, sentences, tags, lemmas, chunks and all three
 * renderers must survive anything. */
#include "dyad.h"
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    if (!p) return 0;
    dyad_analysis a;
    if (dyad_analyze_text(p, (const char *)data, size, &a) == 0) {
        FILE *null = fopen("/dev/null", "w");
        if (null) {
            dyad_render_chunks(null, &a, 0);
            dyad_render_chunks(null, &a, DYAD_RENDER_JSON);
            dyad_render_tags(null, &a, 0);
            dyad_render_sentences(null, &a, DYAD_RENDER_JSON);
            fclose(null);
        }
    }
    dyad_pipeline_free(p);
    return 0;
}
