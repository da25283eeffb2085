/* fuzz_code.c -- the whole coding path on arbitrary bytes: the input is
 * read as a plain-text article and as one TABARI-style sentence, analysed,
 * coded with a small dictionary of our own that exercises every pattern
 * feature (compounds, agents, dated codes, $ + % ^, alternatives,
 * synsets, paired, null, discard and complex codes), and the events are
 * rendered in every format.  Every event must point inside the text. */
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char verbs[] =
    "<SYNSETS>\n&KIN\n+ALLY_\n+FRIEND\n+NEIGHBOR_STATE\n</SYNSETS>\n"
    "<TIME>\nYESTERDAY [-1]\nTOMORROW [+1]\n- * AND THEN [+2]\n</TIME>\n"
    "CONDEMN [122]\n- * ATTACK BY $ [123]\n- $ ^ WITH * [124]\n- { SHARPLY | LOUDLY }_* [125]\n"
    "MEET [031:031]\n- % * [030]\n- * &KIN [032]\n"
    "ACCUSE [112]\n- + WAS * BY $ [113]\n"
    "SAID [023?]\n- * WOULD_HELP [050]\n"
    "PLAY [---]\n- * FOOTBALL [###]\n"
    "PONDER [+++]\n"
    "ATTEND [031!]\n"
    "BREAK_ [190]\n{ BROKE_ BROKEN_ }\n- * TIES_WITH + [195]\n";
static const char actors[] =
    "<NOUN>\nGOATS\n</NOUN>\n<ADJECTIVE>\nEVIL\n</ADJECTIVE>\n"
    "VALORIA [VAL]\n+VALORIAN\nMERANTH_ [MER]\nKOLDOVA_ [KOL]\nNORTH_OSTRIA [NOS]\n"
    "GENERAL_TARN\n  [MERMIL <20091231]\n  [MERGOV >20100101]\nANVILLE [---]\n"
    "THE_ISLES [ISA/ISB]\nFAR AWAY LAND [FAL]\nSPORTCLUB [###]\nODDITY [+++]\n";
static const char agents[] = "MINISTER_ [~GOV]\nSOLDIERS_ [~MIL]\nAID_WORKERS_ [NGO~]\n";

static dyad_coder *coder;

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fputs(text, f);
    return fclose(f);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char dir[] = "/tmp/fuzz_code_XXXXXX";
    if (!mkdtemp(dir)) abort();
    char v[64], a[64], g[64];
    snprintf(v, sizeof v, "%s/f.verbs", dir);
    snprintf(a, sizeof a, "%s/f.actors", dir);
    snprintf(g, sizeof g, "%s/f.agents", dir);
    if (write_file(v, verbs) || write_file(a, actors) || write_file(g, agents)) abort();
    const char *acts[1] = {a};
    dyad_coder_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.verbs = v;
    cfg.actors = acts;
    cfg.nactors = 1;
    cfg.agents = g;
    coder = dyad_coder_new(&cfg);
    unlink(v);
    unlink(a);
    unlink(g);
    rmdir(dir);
    if (!coder) abort();
    return 0;
}

static void check(const dyad_analysis *a, const dyad_event *ev, size_t n)
{
    size_t len = a->doc->len;
    for (size_t i = 0; i < n; i++) {
        if (ev[i].source_span.end > len || ev[i].target_span.end > len || ev[i].verb_span.end > len ||
            ev[i].source_span.start > ev[i].source_span.end || ev[i].verb_span.start > ev[i].verb_span.end ||
            ev[i].sentence >= a->nsentences || !ev[i].code[0])
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    dyad_code_options opt;
    memset(&opt, 0, sizeof opt);
    memcpy(opt.default_date, "2011-05-06", 11);
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
            doc.is_sentence = mode;
            doc.format = mode ? DYAD_FORMAT_TABARI : DYAD_FORMAT_TEXT;
            if (mode) memcpy(doc.date, "1999-12-31", 11);
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
