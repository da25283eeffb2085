/* fuzz_dict_tabari.c -- the TABARI dictionary readers on arbitrary bytes: the
 * first byte picks the kind of file, the rest is its content.  Loading,
 * checking and printing phrases back must survive anything. */
#include "dict/dict.h"
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const dict_kind kinds[] = {DICT_KIND_VERBS, DICT_KIND_ACTORS, DICT_KIND_AGENTS,
                                      DICT_KIND_DISCARDS, DICT_KIND_ISSUES, DICT_KIND_OPTIONS};
    if (!size) return 0;
    dict_kind kind = kinds[data[0] % (sizeof kinds / sizeof *kinds)];
    dyad_dict *d = dict_new();
    if (!d) return 0;
    dict_load_options opt = {DICT_SYNTAX_TABARI, kind, (data[0] & 0x80) != 0, NULL, NULL};
    dict_load_memory(d, "fuzz", (const char *)data + 1, size - 1, &opt);
    dict_check(d, NULL, NULL, NULL);
    char text[128];
    for (int k = 0; k < DICT_PH_KINDS; k++) {
        size_t n;
        const dict_phrase *ph = dict_phrases(d, (dict_phrase_kind)k, &n);
        for (size_t i = 0; i < n; i++) dict_phrase_text(d, &ph[i], text, sizeof text);
    }
    size_t na;
    dict_actors(d, &na);
    for (size_t i = 0; i < na; i++) dict_actor_code_on(d, (uint32_t)i, 20000101);
    dict_free(d);
    return 0;
}
