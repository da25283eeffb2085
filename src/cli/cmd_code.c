/* cmd_code.c -- `dyad code`: events from articles, and `dyad validate`:
 * the peers' validation suites with a table of exact records. */
#include "cli.h"
#include <getopt.h>
#include <unistd.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- dyad validate ------------------------------------------------------------ */

static void validate_help(FILE *out)
{
    fprintf(out,
            "usage: dyad validate [options] SUITE\n\n"
            "Runs a peer coder's validation suite and compares each record's\n"
            "coded events with the events it expects.  SUITE is a TABARI .project\n"
            "(Validate.project: the dictionaries, options and text file it names)\n"
            "or a PETRARCH2 records XML (PETR.UnitTest.records.xml: the\n"
            "dictionaries its <Environment> names, looked up beside the file, then\n"
            "in ../dictionaries, then in --dict-dir).\n\n"
            "Prints a table by record category (the id's prefix) and ends with\n"
            "  records: N exact: M (P%%)\n"
            "where a record is exact when its set of (source, target, code) equals\n"
            "the expected set, or an expected no-event, discard or complex outcome\n"
            "happened.\n\n"
            "options:\n"
            "  --dict-dir DIR   where else to look for PETRARCH dictionaries\n"
            "  -v, --verbose    print each record that is not exact\n"
            "  --trace          ... with the coder's parse of it\n"
            "  -q, --quiet      no warnings about the dictionaries\n"
            "  -h, --help       this help\n\n"
            "exit status: 0 run, 1 the suite could not be run, 2 usage error\n");
}

int cmd_validate(int argc, char **argv)
{
    dyad_validate_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cli_stats st = {0};
    enum { OPT_DICT_DIR = 256, OPT_TRACE };
    static const struct option longopts[] = {
        {"dict-dir", required_argument, NULL, OPT_DICT_DIR}, {"verbose", no_argument, NULL, 'v'},
        {"trace", no_argument, NULL, OPT_TRACE},             {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},                    {NULL, 0, NULL, 0}};
    char name[32];
    cli_getopt_begin(argv, name, sizeof name, "validate");
    int c;
    while ((c = getopt_long(argc, argv, "vqh", longopts, NULL)) != -1) {
        switch (c) {
        case 'h': validate_help(stdout); return cli_finish_output("validate", EXIT_OK);
        case 'v': cfg.verbose = 1; break;
        case OPT_TRACE: cfg.verbose = cfg.trace = 1; break;
        case 'q': st.quiet = true; break;
        case OPT_DICT_DIR: cfg.dict_dir = optarg; break;
        default: fprintf(stderr, "(see dyad validate --help)\n"); return EXIT_USAGE;
        }
    }
    if (argc - optind > 1) {
        fprintf(stderr, "dyad validate: one suite at a time\n");
        return EXIT_USAGE;
    }
    if (optind < argc) cfg.suite = argv[optind];
    if (!cfg.suite) { validate_help(stderr); return EXIT_USAGE; }
    cfg.report = stdout;
    cfg.diag = cli_diag;
    cfg.user = &st;
    int status = dyad_validate(&cfg, NULL) ? EXIT_SKIPPED : EXIT_OK;
    return cli_finish_output("validate", status);
}

/* ---- dyad code ------------------------------------------------------------------ */

static void code_help(FILE *out)
{
    fprintf(out,
            "usage: dyad code [options] [FILE|DIR|-]...\n\n"
            "Codes articles into CAMEO events: who did what to whom, with the date,\n"
            "the sentence and the words that named each part.  dyad's own\n"
            "dictionaries (built in: countries, places, organisations, groups,\n"
            "office holders to 2026, roles and verbs) are used unless\n"
            "--no-default-dict; dictionaries given with the flags below are\n"
            "added to them and win where both define a phrase.  They may be\n"
            "TABARI's (.verbs .actors .agents .options, or a .project naming them)\n"
            "or PETRARCH2's (CAMEO.2.0-style verbs, actors, agents, discards).\n\n"
            "Inputs are files, directories (read recursively, in sorted order) or\n"
            "- for standard input (the default).\n\n"
            "dictionaries:\n"
            "  --project FILE   a TABARI .project: the files it names\n"
            "  --verbs FILE     verbs and patterns\n"
            "  --actors FILE    actors (repeat for several files)\n"
            "  --agents FILE    agents\n"
            "  --discards FILE  discard phrases\n"
            "  --options FILE   TABARI .options\n\n"
            "  --no-default-dict  only the dictionaries given here, not dyad's own\n"
            "options:\n"
            "  --output FORMAT  jsonl (default), tsv (PETRARCH2's event file),\n"
            "                   tabari (TABARI's event file), gdelt (GDELT 2.0's\n"
            "                   event table, the columns dyad can fill) or plover\n"
            "                   (PLOVER JSON records; CAMEO 01 and 02 left out)\n"
            "  --explain        add the pattern, its dictionary line and the words\n"
            "  --phoenix-quad   quad classes in Phoenix's numbering, not GDELT's\n"
            "  --keep-sports    code sports reports too (by default a story that reads\n"
            "                   as a game report codes no event: \"Ottawa beat Detroit\"\n"
            "                   is no attack)\n"
            "  --trace          print how the coder read each sentence (word types,\n"
            "                   actors, clauses) to standard error\n"
            "  --date YYYY-MM-DD  publication date for documents that have none\n"
            "  --input FORMAT   text, jsonl, tabari, petrarch, html or warc (default: detect)\n"
            "  --text-field K, --date-field K, --id-field K, --title-field K,\n"
            "  --url-field K, --source-field K\n"
            "                   JSON Lines: read the field from key K (scraper and\n"
            "                   MongoDB exports: --text-field content)\n"
            "  -j N             code with N threads sharing one set of dictionaries;\n"
            "                   output stays in input order\n"
            "  -q, --quiet      no warnings, only errors\n"
            "  -h, --help       this help\n\n"
            "exit status: 0 all read, 1 some record, file or dictionary line\n"
            "skipped, 2 usage error\n");
}

/* A document copied out of the reader, which reuses its memory. */
typedef struct doc_copy {
    dyad_document d;
    char *mem;
} doc_copy;

static char *dup_into(char **at, const char *s, size_t n)
{
    char *p = *at;
    memcpy(p, s, n);
    p[n] = 0;
    *at += n + 1;
    return p;
}

static int copy_document(doc_copy *c, const dyad_document *d)
{
    size_t idn = d->id ? strlen(d->id) : 0, tn = d->title ? strlen(d->title) : 0,
           un = d->url ? strlen(d->url) : 0, sn = d->source ? strlen(d->source) : 0,
           fn = d->file ? strlen(d->file) : 0;
    size_t ln = d->language ? strlen(d->language) : 0;
    size_t an = d->anchors ? d->nanchors * sizeof *d->anchors : 0;
    size_t total = an + idn + tn + un + sn + fn + ln + d->len + d->parse_len + 9;
    c->mem = malloc(total);
    if (!c->mem) return -1;
    char *at = c->mem;
    c->d = *d;
    /* A web page's map back to its bytes lives in the reader too; it
     * goes first, where malloc's alignment suits it. */
    if (an) {
        memcpy(at, d->anchors, an);
        c->d.anchors = (const dyad_anchor *)(void *)at;
        at += an;
    }
    c->d.language = d->language ? dup_into(&at, d->language, ln) : NULL;
    c->d.id = d->id ? dup_into(&at, d->id, idn) : NULL;
    c->d.title = d->title ? dup_into(&at, d->title, tn) : NULL;
    c->d.url = d->url ? dup_into(&at, d->url, un) : NULL;
    c->d.source = d->source ? dup_into(&at, d->source, sn) : NULL;
    c->d.file = d->file ? dup_into(&at, d->file, fn) : NULL;
    c->d.text = dup_into(&at, d->text, d->len);
    c->d.parse = d->parse ? dup_into(&at, d->parse, d->parse_len) : NULL;
    return 0;
}

/* One worker's tools. */
typedef struct coder_thread {
    dyad_pipeline *pipe;
    dyad_coder_work *work;
} coder_thread;

typedef struct code_run {
    const dyad_coder *coder;
    dyad_code_options copt;
    dyad_event_format format;
    unsigned render_flags;
    const char *date;
    bool trace;       /* --trace: each sentence's parse to stderr */
    size_t failed;
    atomic_size_t events; /* for the progress line                  */
    atomic_size_t undated; /* events of documents with no date of their own */
    atomic_size_t sports;  /* sports reports passed over                  */
    /* threads */
    int nthreads;
} code_run;

/* Codes one document and writes its events to out; returns 0 or -1. */
static int code_one(code_run *r, coder_thread *ct, const dyad_document *doc, FILE *out)
{
    dyad_document d = *doc;
    if (r->date && !d.date[0]) memcpy(d.date, r->date, 11);
    dyad_analysis a;
    const dyad_event *ev;
    size_t n;
    if (dyad_analyze(ct->pipe, &d, &a) || dyad_code(ct->work, &a, &ev, &n)) {
        fprintf(stderr, "dyad: %s:%zu: error: out of memory coding record %s\n", doc->file ? doc->file : "-",
                doc->line, doc->id ? doc->id : "?");
        return -1;
    }
    dyad_render_events(out, &a, ev, n, r->format, r->render_flags);
    atomic_fetch_add(&r->events, n);
    if (dyad_code_passed_over(ct->work) == DYAD_PASSED_SPORTS) atomic_fetch_add(&r->sports, 1);
    size_t undated = 0;
    for (size_t k = 0; k < n; k++) undated += !ev[k].date[0];
    if (undated) atomic_fetch_add(&r->undated, undated);
    return 0;
}

/* ---- one thread --------------------------------------------------------------------- */

typedef struct single_ctx {
    code_run *run;
    coder_thread ct;
    bool flush;  /* stdin is a pipe: each document's events go out at once */
} single_ctx;

static int code_single(const dyad_document *doc, void *user)
{
    single_ctx *sc = user;
    if (code_one(sc->run, &sc->ct, doc, stdout)) sc->run->failed++;
    if (sc->flush) fflush(stdout);
    return cli_output_failed() ? -1 : 0;
}

/* ---- several threads ------------------------------------------------------------------
 * The reading thread fills batches of documents into a ring; workers take
 * the next filled batch, code it into a memory buffer and mark it done;
 * the reading thread writes done batches in ring order, so output follows
 * input order whatever the threads' speeds. */

#define BATCH_DOCS 128

enum { SLOT_FREE, SLOT_FILLED, SLOT_WORKING, SLOT_DONE };

typedef struct slot {
    int state;
    doc_copy docs[BATCH_DOCS];
    size_t n;
    char *out;
    size_t outlen;
    size_t failed;
} slot;

typedef struct pool {
    code_run *run;
    slot *slots;
    size_t nslots;
    size_t fill_at, write_at, take_at;  /* ring positions (monotonic)    */
    bool closing;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    coder_thread *cts;
} pool;

typedef struct worker_arg {
    pool *p;
    coder_thread *ct;
} worker_arg;

static void *worker(void *arg)
{
    worker_arg *wa = arg;
    pool *p = wa->p;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!(p->take_at < p->fill_at) && !p->closing) pthread_cond_wait(&p->cv, &p->mu);
        if (!(p->take_at < p->fill_at)) { pthread_mutex_unlock(&p->mu); break; }
        slot *s = &p->slots[p->take_at % p->nslots];
        p->take_at++;
        s->state = SLOT_WORKING;
        pthread_mutex_unlock(&p->mu);

        FILE *mem = open_memstream(&s->out, &s->outlen);
        s->failed = 0;
        for (size_t i = 0; i < s->n; i++) {
            if (!mem || code_one(p->run, wa->ct, &s->docs[i].d, mem)) s->failed++;
            free(s->docs[i].mem);
            s->docs[i].mem = NULL;
        }
        if (mem) fclose(mem);

        pthread_mutex_lock(&p->mu);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
    }
    return NULL;
}

/* Writes every finished batch at the head of the ring (all of them, in
 * order, when `all`). */
static void drain(pool *p, bool all)
{
    pthread_mutex_lock(&p->mu);
    for (;;) {
        if (p->write_at == p->fill_at) break;
        slot *s = &p->slots[p->write_at % p->nslots];
        if (s->state != SLOT_DONE) {
            if (!all && p->fill_at - p->write_at < p->nslots) break;
            pthread_cond_wait(&p->cv, &p->mu);
            continue;
        }
        pthread_mutex_unlock(&p->mu);
        if (s->out) fwrite(s->out, 1, s->outlen, stdout);
        free(s->out);
        s->out = NULL;
        p->run->failed += s->failed;
        pthread_mutex_lock(&p->mu);
        s->state = SLOT_FREE;
        s->n = 0;
        p->write_at++;
    }
    pthread_mutex_unlock(&p->mu);
}

static void submit(pool *p)
{
    pthread_mutex_lock(&p->mu);
    p->slots[p->fill_at % p->nslots].state = SLOT_FILLED;
    p->fill_at++;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

static int code_pooled(const dyad_document *doc, void *user)
{
    pool *p = user;
    drain(p, false);  /* frees the slot about to be filled, if needed */
    if (cli_output_failed()) return -1;
    slot *s = &p->slots[p->fill_at % p->nslots];
    if (copy_document(&s->docs[s->n], doc)) {
        fprintf(stderr, "dyad: %s:%zu: error: out of memory reading record %s\n", doc->file ? doc->file : "-",
                doc->line, doc->id ? doc->id : "?");
        p->run->failed++;
        return 0;
    }
    s->n++;
    if (s->n == BATCH_DOCS) submit(p);
    return 0;
}

/* Dictionary problems are reported as usual and counted: a skipped
 * dictionary line makes the exit status 1, as a skipped record does. */
typedef struct dict_diag_ctx {
    cli_stats *st;
    size_t errors;
} dict_diag_ctx;

static void dict_diag(const dyad_diag *d, void *user)
{
    dict_diag_ctx *dd = user;
    if (d->severity == DYAD_ERROR) dd->errors++;
    cli_diag(d, dd->st);
}

int cmd_code(int argc, char **argv)
{
    dyad_coder_config cfg;
    memset(&cfg, 0, sizeof cfg);
    code_run run;
    memset(&run, 0, sizeof run);
    atomic_init(&run.events, 0);
    atomic_init(&run.undated, 0);
    atomic_init(&run.sports, 0);
    run.format = DYAD_EVENTS_JSONL;
    run.nthreads = 1;
    dyad_format format = DYAD_FORMAT_AUTO;
    cli_stats st = {0};
    const char **actors = calloc((size_t)argc + 1, sizeof *actors);
    char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    int ninputs = 0, rc = EXIT_USAGE;
    bool no_default = false;
    const char *fields[DYAD_FIELD_COUNT] = {NULL};
    dyad_coder *coder = NULL;
    if (!actors || !inputs) goto done;
    enum { OPT_PROJECT = 256, OPT_VERBS, OPT_ACTORS, OPT_AGENTS, OPT_DISCARDS, OPT_OPTIONS, OPT_OUTPUT,
           OPT_DATE, OPT_INPUT, OPT_NO_DEFAULT, OPT_EXPLAIN, OPT_TRACE, OPT_PHOENIX_QUAD, OPT_TEXT_FIELD,
           OPT_DATE_FIELD, OPT_ID_FIELD, OPT_TITLE_FIELD, OPT_URL_FIELD, OPT_SOURCE_FIELD, OPT_KEEP_SPORTS };
    static const struct option longopts[] = {
        {"project", required_argument, NULL, OPT_PROJECT},
        {"verbs", required_argument, NULL, OPT_VERBS},
        {"actors", required_argument, NULL, OPT_ACTORS},
        {"agents", required_argument, NULL, OPT_AGENTS},
        {"discards", required_argument, NULL, OPT_DISCARDS},
        {"options", required_argument, NULL, OPT_OPTIONS},
        {"output", required_argument, NULL, OPT_OUTPUT},
        {"date", required_argument, NULL, OPT_DATE},
        {"input", required_argument, NULL, OPT_INPUT},
        {"jobs", required_argument, NULL, 'j'},
        {"no-default-dict", no_argument, NULL, OPT_NO_DEFAULT},
        {"explain", no_argument, NULL, OPT_EXPLAIN},
        {"trace", no_argument, NULL, OPT_TRACE},
        {"phoenix-quad", no_argument, NULL, OPT_PHOENIX_QUAD},
        {"text-field", required_argument, NULL, OPT_TEXT_FIELD},
        {"date-field", required_argument, NULL, OPT_DATE_FIELD},
        {"id-field", required_argument, NULL, OPT_ID_FIELD},
        {"title-field", required_argument, NULL, OPT_TITLE_FIELD},
        {"url-field", required_argument, NULL, OPT_URL_FIELD},
        {"source-field", required_argument, NULL, OPT_SOURCE_FIELD},
        {"keep-sports", no_argument, NULL, OPT_KEEP_SPORTS},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    char name[32];
    cli_getopt_begin(argv, name, sizeof name, "code");
    int c;
    while ((c = getopt_long(argc, argv, "j:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'h': code_help(stdout); rc = cli_finish_output("code", EXIT_OK); goto done;
        case OPT_PROJECT: cfg.project = optarg; break;
        case OPT_VERBS: cfg.verbs = optarg; break;
        case OPT_ACTORS: actors[cfg.nactors++] = optarg; break;
        case OPT_AGENTS: cfg.agents = optarg; break;
        case OPT_DISCARDS: cfg.discards = optarg; break;
        case OPT_OPTIONS: cfg.options = optarg; break;
        case OPT_OUTPUT: {
            int f = dyad_event_format_from_name(optarg);
            if (f < 0) {
                fprintf(stderr, "dyad code: unknown output format '%s' (jsonl, tsv, tabari, gdelt, plover)\n", optarg);
                goto done;
            }
            run.format = (dyad_event_format)f;
            break;
        }
        case OPT_DATE:
            if (!cli_valid_date(optarg)) {
                fprintf(stderr, "dyad code: --date wants YYYY-MM-DD, not '%s'\n", optarg);
                goto done;
            }
            run.date = optarg;
            break;
        case OPT_INPUT: {
            int f = dyad_format_from_name(optarg);
            if (f < 0) {
                fprintf(stderr, "dyad code: unknown input format '%s' (text, jsonl, tabari, petrarch, html, warc)\n", optarg);
                goto done;
            }
            format = (dyad_format)f;
            break;
        }
        case 'j': {
            char *e;
            long n = strtol(optarg, &e, 10);
            if (*e || e == optarg || n < 1 || n > 256) {
                fprintf(stderr, "dyad code: -j wants a number of threads from 1 to 256, not '%s'\n", optarg);
                goto done;
            }
            run.nthreads = (int)n;
            break;
        }
        case OPT_NO_DEFAULT: no_default = true; break;
        case OPT_EXPLAIN:
            run.copt.explain = 1;
            run.render_flags |= DYAD_EVENTS_EXPLAIN;
            break;
        case OPT_TRACE: run.trace = true; break;
        case OPT_PHOENIX_QUAD: run.render_flags |= DYAD_EVENTS_PHOENIX_QUAD; break;
        case OPT_TEXT_FIELD: fields[DYAD_FIELD_TEXT] = optarg; break;
        case OPT_DATE_FIELD: fields[DYAD_FIELD_DATE] = optarg; break;
        case OPT_ID_FIELD: fields[DYAD_FIELD_ID] = optarg; break;
        case OPT_TITLE_FIELD: fields[DYAD_FIELD_TITLE] = optarg; break;
        case OPT_URL_FIELD: fields[DYAD_FIELD_URL] = optarg; break;
        case OPT_SOURCE_FIELD: fields[DYAD_FIELD_SOURCE] = optarg; break;
        case OPT_KEEP_SPORTS: run.copt.keep_sports = 1; break;
        case 'q': st.quiet = true; break;
        default: fprintf(stderr, "(see dyad code --help)\n"); goto done;
        }
    }
    for (int i = optind; i < argc; i++) inputs[ninputs++] = argv[i];
    cfg.builtin = !no_default;
    if (no_default && !cfg.project && !cfg.verbs) {
        fprintf(stderr, "dyad code: --no-default-dict and no verbs dictionary (--verbs FILE or --project FILE)\n\n");
        code_help(stderr);
        goto done;
    }
    cfg.actors = actors;
    dict_diag_ctx dd = {&st, 0};
    cfg.diag = dict_diag;
    cfg.user = &dd;
    coder = dyad_coder_new(&cfg);
    if (!coder) { rc = EXIT_SKIPPED; goto done; }
    if (run.date) memcpy(run.copt.default_date, run.date, 11);
    run.coder = coder;
    int read_rc;
    st.events = &run.events;
    st.progress = !st.quiet && isatty(2);
    if (run.nthreads <= 1) {
        single_ctx sc;
        sc.run = &run;
        sc.flush = false;
        struct stat sb;
        for (int k = 0; k <= ninputs && !sc.flush; k++)
            if ((k == ninputs ? ninputs == 0 : strcmp(inputs[k], "-") == 0) && fstat(0, &sb) == 0 &&
                !S_ISREG(sb.st_mode))
                sc.flush = true;
        sc.ct.pipe = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
        if (run.trace) run.copt.trace = stderr; /* one thread: one stream */
        sc.ct.work = dyad_coder_work_new(coder, &run.copt);
        if (!sc.ct.pipe || !sc.ct.work) {
            dyad_pipeline_free(sc.ct.pipe);
            dyad_coder_work_free(sc.ct.work);
            fprintf(stderr, "dyad code: out of memory\n");
            rc = EXIT_SKIPPED;
            goto done;
        }
        read_rc = cli_for_each_document_fields(inputs, ninputs, format, fields, &st, code_single, &sc);
        dyad_pipeline_free(sc.ct.pipe);
        dyad_coder_work_free(sc.ct.work);
    } else {
        pool p;
        memset(&p, 0, sizeof p);
        p.run = &run;
        p.nslots = (size_t)run.nthreads * 3;
        p.slots = calloc(p.nslots, sizeof *p.slots);
        p.cts = calloc((size_t)run.nthreads, sizeof *p.cts);
        pthread_t *th = calloc((size_t)run.nthreads, sizeof *th);
        worker_arg *wa = calloc((size_t)run.nthreads, sizeof *wa);
        if (!p.slots || !p.cts || !th || !wa) {
            free(p.slots); free(p.cts); free(th); free(wa);
            fprintf(stderr, "dyad code: out of memory\n");
            rc = EXIT_SKIPPED;
            goto done;
        }
        pthread_mutex_init(&p.mu, NULL);
        pthread_cond_init(&p.cv, NULL);
        int started = 0;
        for (int t = 0; t < run.nthreads; t++) {
            p.cts[t].pipe = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
            p.cts[t].work = dyad_coder_work_new(coder, &run.copt);
            wa[t].p = &p;
            wa[t].ct = &p.cts[t];
            if (!p.cts[t].pipe || !p.cts[t].work || pthread_create(&th[t], NULL, worker, &wa[t])) break;
            started++;
        }
        if (started == 0) {
            fprintf(stderr, "dyad code: cannot start threads\n");
            read_rc = -1;
        } else {
            read_rc = cli_for_each_document_fields(inputs, ninputs, format, fields, &st, code_pooled, &p);
            if (p.slots[p.fill_at % p.nslots].n) submit(&p);
        }
        drain(&p, true);
        pthread_mutex_lock(&p.mu);
        p.closing = true;
        pthread_cond_broadcast(&p.cv);
        pthread_mutex_unlock(&p.mu);
        for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
        for (int t = 0; t < run.nthreads; t++) {
            dyad_pipeline_free(p.cts[t].pipe);
            dyad_coder_work_free(p.cts[t].work);
        }
        for (size_t k = 0; k < p.nslots; k++) {
            for (size_t i = 0; i < p.slots[k].n; i++) free(p.slots[k].docs[i].mem);
            free(p.slots[k].out);
        }
        pthread_mutex_destroy(&p.mu);
        pthread_cond_destroy(&p.cv);
        free(p.slots); free(p.cts); free(th); free(wa);
    }
    rc = (read_rc || st.skipped || st.unreadable || run.failed || dd.errors) ? EXIT_SKIPPED : EXIT_OK;
    rc = cli_finish_output("code", rc);
    if (!st.quiet && rc != EXIT_OUTPUT)
        fprintf(stderr, "dyad: %zu document(s) coded, %zu record(s) skipped, %zu input(s) unreadable\n",
                st.documents - run.failed, st.skipped + run.failed, st.unreadable);
    /* an analyst who forgot --date should hear of it: trends, --unique and
     * alerts leave undated events out */
    if (!st.quiet && rc != EXIT_OUTPUT && atomic_load(&run.undated))
        fprintf(stderr, "dyad: warning: %zu event(s) have no date: their documents carry none (no date field "
                        "or dateline); give one with --date YYYY-MM-DD\n", (size_t)atomic_load(&run.undated));
    if (!st.quiet && rc != EXIT_OUTPUT && atomic_load(&run.sports))
        fprintf(stderr, "dyad: %zu sports report(s) coded no event (--keep-sports codes them)\n",
                (size_t)atomic_load(&run.sports));
    if (!st.quiet && rc != EXIT_OUTPUT && (st.other_language || st.passed_over))
        fprintf(stderr, "dyad: %zu page(s) in other languages skipped, %zu WARC record(s) "
                        "without a page passed over\n", st.other_language, st.passed_over);
done:
    dyad_coder_free(coder);
    free(actors);
    free(inputs);
    return rc;
}
