/* test_code.c -- the coder on small dictionaries of our own (TABARI
 * syntax, invented countries): actors and dated codes, agents, compounds,
 * patterns with designated actors, paired, null, discard and complex
 * codes, passive voice, comma-delimited clauses, offsets, --explain, the
 * index, workspace reuse, threads sharing one coder, and hostile input. */
#include "harness.h"
#include "code/code.h"
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static const char *verbs_text =
    "CONDEMN [122]\n"
    "- * ATTACK BY $ [123]\n"
    "MEET [031:031]\n"
    "- % * [030]\n"
    "ACCUSE [112]\n"
    "- + WAS * BY $ [113]\n"
    "VISIT_ [042:043]\n"
    "RECEIV [---]\n"
    "- + * AID FROM $ [071]\n"
    "PLAY [---]\n"
    "- * FOOTBALL [###]\n"
    "PONDER [+++]\n"
    "SAID [023?]\n"
    "- * WOULD_HELP [050]\n"
    "CRITICIZE_ [111]\n"
    "{ CRITICISED_ }\n";

static const char *actors_text =
    "VALORIA [VAL]\n"
    "+VALORIAN\n"
    "MERANTH_ [MER]\n"
    "KOLDOVA_ [KOL]\n"
    "NORTH_OSTRIA [NOS]\n"
    "GENERAL_TARN\n"
    "  [MERMIL <20091231]\n"
    "  [MERGOV >20100101]\n"
    "ANVILLE [---]\n";

static const char *agents_text =
    "MINISTER_ [~GOV]\n"
    "SOLDIERS_ [~MIL]\n"
    "AID_WORKERS_ [NGO~]\n";

typedef struct fixture {
    char dir[64];
    char verbs[96], actors[96], agents[96];
    dyad_coder *coder;
    dyad_coder_work *work;
    dyad_pipeline *pipe;
} fixture;

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fputs(text, f);
    return fclose(f);
}

static void quiet(const dyad_diag *d, void *u) { (void)d; (void)u; }

static int fixture_open(fixture *fx, const dyad_code_options *opt)
{
    memset(fx, 0, sizeof *fx);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/dyad_code_XXXXXX");
    if (!mkdtemp(fx->dir)) return -1;
    snprintf(fx->verbs, sizeof fx->verbs, "%s/t.verbs", fx->dir);
    snprintf(fx->actors, sizeof fx->actors, "%s/t.actors", fx->dir);
    snprintf(fx->agents, sizeof fx->agents, "%s/t.agents", fx->dir);
    if (write_file(fx->verbs, verbs_text) || write_file(fx->actors, actors_text) ||
        write_file(fx->agents, agents_text))
        return -1;
    const char *actors[1] = {fx->actors};
    dyad_coder_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.verbs = fx->verbs;
    cfg.actors = actors;
    cfg.nactors = 1;
    cfg.agents = fx->agents;
    cfg.diag = quiet;
    fx->coder = dyad_coder_new(&cfg);
    fx->work = fx->coder ? dyad_coder_work_new(fx->coder, opt) : NULL;
    fx->pipe = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    return fx->coder && fx->work && fx->pipe ? 0 : -1;
}

static void fixture_close(fixture *fx)
{
    dyad_pipeline_free(fx->pipe);
    dyad_coder_work_free(fx->work);
    dyad_coder_free(fx->coder);
    unlink(fx->verbs);
    unlink(fx->actors);
    unlink(fx->agents);
    rmdir(fx->dir);
}

/* Codes one sentence dated `date` and writes "SRC/TGT/CODE" for each
 * event, sorted, blank-separated, into out. */
static size_t code_text(fixture *fx, const char *text, const char *date, char *out, size_t cap,
                        const dyad_event **evs)
{
    dyad_document doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.text = text;
    doc.len = strlen(text);
    doc.is_sentence = 1;
    doc.format = DYAD_FORMAT_TABARI;
    snprintf(doc.date, sizeof doc.date, "%s", date);
    dyad_analysis a;
    const dyad_event *ev = NULL;
    size_t n = 0;
    out[0] = 0;
    if (dyad_analyze(fx->pipe, &doc, &a) || dyad_code(fx->work, &a, &ev, &n)) {
        snprintf(out, cap, "ERROR");
        return 0;
    }
    char items[32][96];
    size_t k = 0;
    for (size_t i = 0; i < n && k < 32; i++)
        snprintf(items[k++], sizeof items[0], "%s/%s/%s", ev[i].source, ev[i].target, ev[i].code);
    for (size_t i = 1; i < k; i++)
        for (size_t j = i; j > 0 && strcmp(items[j - 1], items[j]) > 0; j--) {
            char tmp[96];
            memcpy(tmp, items[j], 96);
            memcpy(items[j], items[j - 1], 96);
            memcpy(items[j - 1], tmp, 96);
        }
    size_t at = 0;
    for (size_t i = 0; i < k && at + 1 < cap; i++) {
        int wrote = snprintf(out + at, cap - at, "%s%s", i ? " " : "", items[i]);
        if (wrote < 0 || (size_t)wrote >= cap - at) break;
        at += (size_t)wrote;
    }
    if (evs) *evs = ev;
    return n;
}

#define CODES(text, date, want) do { char got_[512]; code_text(&fx, (text), (date), got_, sizeof got_, NULL); \
    CHECK_STR(got_, (want)); } while (0)

static void code_basic_events(tctx *t)
{
    fixture fx;
    CHECK(fixture_open(&fx, NULL) == 0);
    CODES("Valoria condemned Meranth on Tuesday for the border incident.", "2012-03-04", "VAL/MER/122");
    /* synonym, stem and exact-with-ending actors */
    CODES("The Valorian government condemned Meranth's leaders in a statement.", "2012-03-04", "VAL/MER/122");
    /* a pattern naming the source with $ */
    CODES("Koldova condemned the attack by Meranth in the north of the country.", "2012-03-04", "MER/KOL/123");
    /* paired codes, both directions */
    CODES("Valoria will visit Koldova next month to talk about trade.", "2012-03-04", "KOL/VAL/043 VAL/KOL/042");
    /* no target: nothing is coded */
    CODES("Valoria condemned the weather on Tuesday in the capital city.", "2012-03-04", "");
    /* irregular form from { } */
    CODES("Koldova criticised Meranth over the trade deal that was signed.", "2012-03-04", "KOL/MER/111");
    /* the word itself with an ending TABARI does not allow is no verb */
    CODES("Koldova criticizez Meranth over the trade deal that was signed.", "2012-03-04", "");
    fixture_close(&fx);
}

static void code_dates_agents_compounds(tctx *t)
{
    fixture fx;
    CHECK(fixture_open(&fx, NULL) == 0);
    /* dated codes choose by the document's date */
    CODES("General Tarn condemned Koldova on Tuesday for the border incident.", "2009-06-01", "MERMIL/KOL/122");
    CODES("General Tarn condemned Koldova on Tuesday for the border incident.", "2011-06-01", "MERGOV/KOL/122");
    /* agents join the actor beside them, before or after */
    CODES("The Valoria minister condemned Koldova soldiers for the border incident.", "2012-03-04",
          "VALGOV/KOLMIL/122");
    CODES("Aid workers of Meranth condemned Koldova on Tuesday for the raids.", "2012-03-04", "NGOMER/KOL/122");
    /* compound actors: one event per member */
    CODES("Valoria and Meranth condemned Koldova on Tuesday for the border incident.", "2012-03-04",
          "MER/KOL/122 VAL/KOL/122");
    CODES("Valoria condemned Meranth and North Ostria on Tuesday for the incident.", "2012-03-04",
          "VAL/MER/122 VAL/NOS/122");
    /* % takes a compound as both source and target */
    CODES("Valoria and Meranth will meet in the capital next week to talk.", "2012-03-04",
          "MER/VAL/030 VAL/MER/030");
    /* a null-coded actor is no actor */
    CODES("Anville condemned Koldova on Tuesday for the border incident in the north.", "2012-03-04", "");
    fixture_close(&fx);
}

static void code_special_codes_and_structure(tctx *t)
{
    fixture fx;
    CHECK(fixture_open(&fx, NULL) == 0);
    /* a pattern with ### discards the sentence, a root with +++ makes it complex */
    CODES("Valoria will play football with Meranth on Sunday in the capital.", "2012-03-04", "");
    CHECK(fx.work->status & CODE_ST_DISCARD);
    CODES("Valoria will ponder the offer from Meranth in the coming weeks.", "2012-03-04", "");
    CHECK(fx.work->status & CODE_ST_COMPLEX);
    /* passive voice swaps source and target */
    CODES("Koldova was accused by Meranth of violating the border last week.", "2012-03-04", "MER/KOL/113");
    /* a subordinate code gives way to any other event */
    CODES("Valoria said Meranth would help Koldova with the harvest this year.", "2012-03-04", "VAL/MER/050");
    CODES("Valoria said it was worried about Meranth after the long winter.", "2012-03-04", "VAL/MER/023");
    /* a comma-delimited clause is set aside (and a short clause after the
     * last comma too: TABARI takes it for an attribution) */
    CODES("Valoria, which borders North Ostria on the south, condemned Meranth over the raids on its towns.",
          "2012-03-04", "VAL/MER/122");
    CODES("Valoria condemned Meranth over the raids on its towns, North Ostria said.", "2012-03-04",
          "VAL/MER/122");
    /* each clause codes its own event; the source carries over */
    CODES("Valoria condemned Meranth on Monday and criticized Koldova on Tuesday.", "2012-03-04",
          "VAL/KOL/111 VAL/MER/122");
    /* a capitalised verb inside a sentence is a noun (TABARI 7.4) */
    CODES("Valoria said Condemn Meranth was the title of the book by Koldova.", "2012-03-04", "VAL/MER/023");
    fixture_close(&fx);
}

static void code_offsets_and_explain(tctx *t)
{
    fixture fx;
    dyad_code_options opt;
    memset(&opt, 0, sizeof opt);
    opt.explain = 1;
    CHECK(fixture_open(&fx, &opt) == 0);
    const char *text = "Koldova condemned the attack by Meranth in the north.";
    char got[256];
    const dyad_event *ev = NULL;
    size_t n = code_text(&fx, text, "2012-03-04", got, sizeof got, &ev);
    CHECK_INT(n, 1);
    CHECK_STR(ev[0].date, "2012-03-04");
    CHECK_INT(ev[0].source_span.start, 32);
    CHECK_INT(ev[0].source_span.end, 39);   /* "Meranth" */
    CHECK_INT(ev[0].target_span.start, 0);
    CHECK_INT(ev[0].target_span.end, 7);    /* "Koldova" */
    CHECK(ev[0].verb_span.start <= 8 && ev[0].verb_span.end >= 17); /* covers "condemned" */
    CHECK(ev[0].pattern != NULL);
    CHECK(strstr(ev[0].pattern, "ATTACK") != NULL);
    CHECK(ev[0].pattern_file && strstr(ev[0].pattern_file, "t.verbs"));
    CHECK_INT(ev[0].pattern_line, 2);
    fixture_close(&fx);
}

/* ---- the index --------------------------------------------------------------- */

static void code_index_expands_patterns(tctx *t)
{
    dyad_dict *d = dict_new();
    dict_load_options lo;
    memset(&lo, 0, sizeof lo);
    lo.kind = DICT_KIND_VERBS;
    lo.syntax = DICT_SYNTAX_TABARI;
    lo.diag = quiet;
    const char *v = "<SYNSETS>\n&FRUIT\n+APPLE\n+PEAR_\n+RED_PLUM\n</SYNSETS>\n"
                    "TRADE [040]\n- * { WHEAT | RICE } FOR &FRUIT [041]\n- * SHORT [042]\n";
    CHECK_INT(dict_load_memory(d, "x.verbs", v, strlen(v), &lo), 0);
    dict_index *ix = ix_build(d);
    CHECK(ix != NULL);
    size_t np, nv;
    const ix_pattern *p = ix_patterns(ix, &np);
    const ix_verb *vb = ix_verbs(ix, &nv);
    CHECK_INT(nv, 1);
    CHECK_INT(np, 7);                    /* 2 alternatives x 3 members + 1 */
    CHECK_INT(vb[0].npatterns, 7);
    /* longest first: "WHEAT FOR" (8) before "RICE FOR" (7) before "SHORT" (5);
     * synset words count nothing */
    CHECK_INT(p[vb[0].first_pattern].length, 8);
    CHECK_INT(p[vb[0].first_pattern + 3].length, 7);
    CHECK_INT(p[vb[0].first_pattern + 6].length, 5);
    /* roots: the verb is found from any word it is a stem of */
    ix_hit hits[8];
    size_t nh = ix_prefix_groups(ix, "trades", 6, hits, 8);
    CHECK_INT(nh, 1);
    CHECK_INT(hits[0].prefix, 5);
    ix_free(ix);
    dict_free(d);
}

static void code_literal_endings(tctx *t)
{
    ix_lit exact = {"deplore", 0, 7, IX_LIT_EXACT};
    CHECK(ix_lit_matches(&exact, "deplored", 8, true, IX_END_VERB));
    CHECK(ix_lit_matches(&exact, "deplores", 8, true, IX_END_VERB));
    CHECK(!ix_lit_matches(&exact, "deplorez", 8, true, IX_END_VERB));
    CHECK(!ix_lit_matches(&exact, "deplored", 8, false, IX_END_VERB)); /* not last: no endings */
    ix_lit noun = {"libya", 0, 5, IX_LIT_EXACT};
    CHECK(ix_lit_matches(&noun, "libya's", 7, true, IX_END_NOUN));
    CHECK(ix_lit_matches(&noun, "libyas", 6, true, IX_END_NOUN));
    CHECK(!ix_lit_matches(&noun, "libyan", 6, true, IX_END_NOUN));
    ix_lit none = {"mouse", 0, 5, IX_LIT_NO_ENDINGS};
    CHECK(!ix_lit_matches(&none, "mouses", 6, true, IX_END_NOUN));
    ix_lit stem = {"syri", 0, 4, 0};
    CHECK(ix_lit_matches(&stem, "syrians", 7, true, IX_END_NOUN));
    CHECK(!ix_lit_matches(&stem, "syracuse", 8, true, IX_END_NOUN));
    char buf[32];
    CHECK_INT(ix_fold("Côte\xE2\x80\x99s", 9, buf, sizeof buf), 6);
    CHECK_STR(buf, "cote's");
}

/* ---- reuse, threads, hostile input -------------------------------------------------- */

typedef struct thread_job {
    const dyad_coder *coder;
    const char *const *texts;
    size_t ntexts;
    char out[4096];
} thread_job;

static void *code_all(void *arg)
{
    thread_job *j = arg;
    dyad_coder_work *w = dyad_coder_work_new(j->coder, NULL);
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    size_t at = 0;
    for (int round = 0; round < 50 && w && p; round++) {
        for (size_t i = 0; i < j->ntexts; i++) {
            dyad_document doc;
            memset(&doc, 0, sizeof doc);
            doc.id = "t";
            doc.text = j->texts[i];
            doc.len = strlen(doc.text);
            doc.is_sentence = 1;
            memcpy(doc.date, "2012-03-04", 11);
            dyad_analysis a;
            const dyad_event *ev;
            size_t n;
            if (dyad_analyze(p, &doc, &a) || dyad_code(w, &a, &ev, &n)) continue;
            if (round) continue;
            for (size_t e = 0; e < n && at + 64 < sizeof j->out; e++)
                at += (size_t)snprintf(j->out + at, sizeof j->out - at, "%s/%s/%s;", ev[e].source, ev[e].target,
                                       ev[e].code);
        }
    }
    dyad_pipeline_free(p);
    dyad_coder_work_free(w);
    return NULL;
}

static void code_threads_share_a_coder(tctx *t)
{
    fixture fx;
    CHECK(fixture_open(&fx, NULL) == 0);
    static const char *const texts[] = {
        "Valoria condemned Meranth on Tuesday for the border incident.",
        "Valoria and Meranth condemned Koldova on Tuesday for the border incident.",
        "Koldova was accused by Meranth of violating the border last week.",
        "General Tarn condemned Koldova on Tuesday for the border incident."};
    thread_job jobs[3];
    pthread_t th[3];
    for (int k = 0; k < 3; k++) {
        memset(&jobs[k], 0, sizeof jobs[k]);
        jobs[k].coder = fx.coder;
        jobs[k].texts = texts;
        jobs[k].ntexts = 4;
        CHECK(pthread_create(&th[k], NULL, code_all, &jobs[k]) == 0);
    }
    for (int k = 0; k < 3; k++) pthread_join(th[k], NULL);
    CHECK_STR(jobs[0].out, "VAL/MER/122;VAL/KOL/122;MER/KOL/122;MER/KOL/113;MERGOV/KOL/122;");
    CHECK_STR(jobs[1].out, jobs[0].out);
    CHECK_STR(jobs[2].out, jobs[0].out);
    fixture_close(&fx);
}

static void code_hostile_input(tctx *t)
{
    fixture fx;
    CHECK(fixture_open(&fx, NULL) == 0);
    /* random bytes, NULs, control bytes, long words, many commas and
     * conjunctions: never a crash, always a bounded answer */
    unsigned seed = 12345;
    char *buf = malloc(20000);
    CHECK(buf != NULL);
    for (int round = 0; round < 200; round++) {
        size_t n = (size_t)(rand_r(&seed) % 19999);
        static const char alphabet[] = "Valoria Meranth and , condemned was by the it they _-.'\"\x01\xC3\xA9\xFF\x00";
        for (size_t i = 0; i < n; i++)
            buf[i] = round % 3 == 0 ? (char)(rand_r(&seed) & 0xFF)
                                    : alphabet[(size_t)rand_r(&seed) % (sizeof alphabet - 1)];
        buf[n] = 0;
        dyad_document doc;
        memset(&doc, 0, sizeof doc);
        doc.id = "fuzz";
        doc.text = buf;
        doc.len = n;
        doc.is_sentence = round % 2;
        dyad_analysis a;
        const dyad_event *ev;
        size_t ne;
        CHECK_INT(dyad_analyze(fx.pipe, &doc, &a), 0);
        CHECK_INT(dyad_code(fx.work, &a, &ev, &ne), 0);
        for (size_t e = 0; e < ne; e++) {
            CHECK(ev[e].source_span.end <= n && ev[e].target_span.end <= n && ev[e].verb_span.end <= n);
            CHECK(ev[e].source[0] && ev[e].code[0]);
        }
    }
    free(buf);
    /* a long list of compound actors stays within its bounds */
    char big[8192];
    size_t at = 0;
    at += (size_t)snprintf(big, sizeof big, "Valoria");
    for (int i = 0; i < 300 && at + 40 < sizeof big; i++)
        at += (size_t)snprintf(big + at, sizeof big - at, ", Meranth, Koldova and North Ostria");
    snprintf(big + at, sizeof big - at, " condemned Valoria and Koldova.");
    char got[64];
    (void)code_text(&fx, big, "2012-03-04", got, sizeof got, NULL);
    CHECK(fx.work->nevents <= 256);
    fixture_close(&fx);
}

static void code_options_lines(tctx *t)
{
    code_options o;
    memset(&o, 0, sizeof o);
    CHECK_INT(code_options_apply(&o, "SET: CODE BY SENTENCE", 21), 0);
    CHECK_INT(o.by, CODE_BY_SENTENCE);
    CHECK_INT(code_options_apply(&o, "SET: TIME SHIFT = TRUE", 22), 0);
    CHECK(o.time_shifting);
    const char *c = "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR";
    CHECK_INT(code_options_apply(&o, c, strlen(c)), 0);
    CHECK_INT(o.complex_verbs, 5);
    CHECK_INT(o.complex_conj, 4);
    CHECK(o.complex_flags & DICT_CX_NOACTPRIOR);
    const char *dfl = "DEFAULT: SOURCE [SRC] PRIOR TARGET [TGT] AFTER";
    CHECK_INT(code_options_apply(&o, dfl, strlen(dfl)), 0);
    CHECK_STR(o.default_source, "SRC");
    CHECK_STR(o.default_target, "TGT");
    CHECK(o.default_prior && o.default_after);
    CHECK_INT(code_options_apply(&o, "DEFAULT: OFF", 12), 0);
    CHECK_STR(o.default_source, "");
    const char *cm = "COMMA: MIN = 4 MAX = 6 EMIN=3 EMAX = 6 BMIN = 3 BMAX = 8";
    CHECK_INT(code_options_apply(&o, cm, strlen(cm)), 0);
    CHECK_INT(o.comma_min, 4);
    CHECK_INT(o.comma_bmax, 8);
    CHECK_INT(code_options_apply(&o, "nonsense", 8), -1);
}

void suite_code(tctx *t)
{
    RUN(t, code_basic_events);
    RUN(t, code_dates_agents_compounds);
    RUN(t, code_special_codes_and_structure);
    RUN(t, code_offsets_and_explain);
    RUN(t, code_index_expands_patterns);
    RUN(t, code_literal_endings);
    RUN(t, code_threads_share_a_coder);
    RUN(t, code_hostile_input);
    RUN(t, code_options_lines);
}
