/* cmd_store.c -- the event store's commands: `dyad ingest` (code articles
 * into the store), `dyad query` (events out of it) and `dyad stats`. */
#include "cli.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The store's diagnostics name the database; they are all errors. */
static void store_diag(const dyad_diag *d, void *user)
{
    cli_diag(d, user);
}

/* ---- dyad ingest ------------------------------------------------------------ */

static void ingest_help(FILE *out)
{
    fprintf(out,
            "usage: dyad ingest [options] [FILE|DIR|-]...\n\n"
            "Codes articles as `dyad code` does and stores the documents (id, url,\n"
            "outlet, title, date, text, content hash) and their events in the event\n"
            "store: a SQLite file, or a PostgreSQL database that many processes\n"
            "and machines ingest into at once (docs/store.md, docs/scale-out.md).\n"
            "A document already stored with the same content is skipped; one\n"
            "stored with other content has its events replaced; so running an\n"
            "interrupted ingest again finishes it.  Syndicated copies of a stored\n"
            "story are linked to its first copy.\n"
            "Each ingest is recorded in the store's runs table.  Standard input,\n"
            "when it is a pipe, is stored document by document as it arrives.\n\n"
            "options:\n"
            "  --db PATH|URL    the store (default: $DYAD_DB, else ./dyad.db);\n"
            "                   created when missing.  postgresql://..., postgres://...\n"
            "                   or 'host=... dbname=...' names a PostgreSQL database\n"
            "  --date YYYY-MM-DD  publication date for documents that have none\n"
            "  --input FORMAT   text, jsonl, tabari, petrarch, html or warc (default:\n"
            "                   detect); gzip-compressed files are read as they are\n"
            "  --text-field K, --date-field K, --id-field K, --title-field K,\n"
            "  --url-field K, --source-field K\n"
            "                   JSON Lines: read the field from key K (scraper and\n"
            "                   MongoDB exports: --text-field content)\n"
            "  --project FILE, --verbs FILE, --actors FILE (repeatable), --agents FILE,\n"
            "  --discards FILE, --options FILE, --no-default-dict\n"
            "                   dictionaries, as for dyad code\n"
            "  --keep-sports    code sports reports too, as for dyad code\n"
            "  -q, --quiet      no warnings and no summary, only errors\n"
            "  -h, --help       this help\n\n"
            "exit status: 0 all read and stored, 1 some record, file or dictionary\n"
            "line skipped, or the store failed, 2 usage error\n");
}

typedef struct ingest_ctx {
    dyad_store *store;
    dyad_pipeline *pipe;
    dyad_coder_work *work;
    const char *date;
    size_t fresh, changed, same, copies, events, merged, failed, sports;
    bool store_failed;
    bool commit_each; /* stdin is a pipe: each document is visible at once */
} ingest_ctx;

static int ingest_one(const dyad_document *doc, void *user)
{
    ingest_ctx *c = user;
    dyad_document d = *doc;
    if (c->date && !d.date[0]) memcpy(d.date, c->date, 11);
    int state = dyad_store_check(c->store, &d);
    if (state < 0) { c->store_failed = true; return -1; }
    if (state == DYAD_DOC_SAME) { c->same++; return 0; }
    dyad_analysis a;
    const dyad_event *ev;
    size_t n;
    if (dyad_analyze(c->pipe, &d, &a) || dyad_code(c->work, &a, &ev, &n)) {
        fprintf(stderr, "dyad: %s:%zu: error: out of memory coding record %s\n", d.file ? d.file : "-", d.line,
                d.id ? d.id : "?");
        c->failed++;
        return 0;
    }
    c->sports += dyad_code_passed_over(c->work) == DYAD_PASSED_SPORTS;
    dyad_store_result r;
    if (dyad_store_put(c->store, &a, ev, n, &r)) { c->store_failed = true; return -1; }
    if (r.state == DYAD_DOC_CHANGED) c->changed++;
    else c->fresh++;
    if (r.copy_of) c->copies++;
    c->events += r.events;
    c->merged += r.merged;
    if (c->commit_each && dyad_store_commit(c->store)) { c->store_failed = true; return -1; }
    return 0;
}

/* dyad recode: a stored document coded again with today's dictionaries. */
static int recode_one(const dyad_document *doc, void *user)
{
    ingest_ctx *c = user;
    dyad_analysis a;
    const dyad_event *ev;
    size_t n;
    if (dyad_analyze(c->pipe, doc, &a) || dyad_code(c->work, &a, &ev, &n)) {
        fprintf(stderr, "dyad recode: out of memory coding document %s\n", doc->id ? doc->id : "?");
        c->failed++;
        return 0;
    }
    c->sports += dyad_code_passed_over(c->work) == DYAD_PASSED_SPORTS;
    dyad_store_result r;
    if (dyad_store_replace(c->store, &a, ev, n, &r)) { c->store_failed = true; return -1; }
    c->changed++;
    c->events += r.events;
    c->merged += r.merged;
    return 0;
}

typedef struct dict_count {
    cli_stats *st;
    size_t errors;
} dict_count;

static void dict_diag(const dyad_diag *d, void *user)
{
    dict_count *dc = user;
    if (d->severity == DYAD_ERROR) dc->errors++;
    cli_diag(d, dc->st);
}

char *cli_dict_id(const dyad_coder_config *cfg)
{
    size_t len = 32;
    const char *one[] = {cfg->project, cfg->verbs, cfg->agents, cfg->discards, cfg->options};
    for (size_t i = 0; i < 5; i++) len += one[i] ? strlen(one[i]) + 12 : 0;
    for (size_t i = 0; i < cfg->nactors; i++) len += strlen(cfg->actors[i]) + 12;
    char *s = malloc(len);
    if (!s) return NULL;
    strcpy(s, cfg->builtin ? "builtin" : "");
    static const char *const names[] = {"project", "verbs", "agents", "discards", "options"};
    for (size_t i = 0; i < 5; i++)
        if (one[i]) { strcat(s, *s ? "+" : ""); strcat(s, names[i]); strcat(s, ":"); strcat(s, one[i]); }
    for (size_t i = 0; i < cfg->nactors; i++) {
        strcat(s, *s ? "+actors:" : "actors:");
        strcat(s, cfg->actors[i]);
    }
    return s;
}

static char *join_inputs(char **inputs, int n)
{
    size_t len = 2;
    for (int i = 0; i < n; i++) len += strlen(inputs[i]) + 1;
    char *s = malloc(len);
    if (!s) return NULL;
    strcpy(s, n ? "" : "-");
    for (int i = 0; i < n; i++) {
        if (i) strcat(s, " ");
        strcat(s, inputs[i]);
    }
    return s;
}

static void recode_help(FILE *out)
{
    fprintf(out,
            "usage: dyad recode [--db PATH|URL] [dictionary options]\n\n"
            "Codes every document of the store that dyad coded (not imported\n"
            "events) again, with the dictionaries given (dyad's own by default),\n"
            "and replaces its events.  Run it after a new dictionary version;\n"
            "the run is recorded with the dictionaries' identity.\n\n"
            "options: --db PATH|URL, --project FILE, --verbs FILE, --actors FILE,\n"
            "--agents FILE, --discards FILE, --options FILE, --no-default-dict,\n"
            "--keep-sports, "
            "-q, -h, as for dyad ingest\n\n"
            "exit status: 0 done, 1 the store or a dictionary failed, 2 usage error\n");
}

static int ingest_or_recode(int argc, char **argv, bool recode);

int cmd_ingest(int argc, char **argv)
{
    return ingest_or_recode(argc, argv, false);
}

int cmd_recode(int argc, char **argv)
{
    return ingest_or_recode(argc, argv, true);
}

static int ingest_or_recode(int argc, char **argv, bool recode)
{
    const char *cmdname = recode ? "recode" : "ingest";
    enum { O_DB = 1000, O_DATE, O_INPUT, O_PROJECT, O_VERBS, O_ACTORS, O_AGENTS, O_DISCARDS, O_OPTIONS,
           O_NODEFAULT, O_TEXT_FIELD, O_DATE_FIELD, O_ID_FIELD, O_TITLE_FIELD, O_URL_FIELD, O_SOURCE_FIELD,
           O_KEEP_SPORTS };
    static const struct option longopts[] = {
        {"db", required_argument, NULL, O_DB},           {"date", required_argument, NULL, O_DATE},
        {"input", required_argument, NULL, O_INPUT},     {"project", required_argument, NULL, O_PROJECT},
        {"verbs", required_argument, NULL, O_VERBS},     {"actors", required_argument, NULL, O_ACTORS},
        {"agents", required_argument, NULL, O_AGENTS},   {"discards", required_argument, NULL, O_DISCARDS},
        {"options", required_argument, NULL, O_OPTIONS}, {"no-default-dict", no_argument, NULL, O_NODEFAULT},
        {"quiet", no_argument, NULL, 'q'},               {"help", no_argument, NULL, 'h'},
        {"text-field", required_argument, NULL, O_TEXT_FIELD}, {"date-field", required_argument, NULL, O_DATE_FIELD},
        {"id-field", required_argument, NULL, O_ID_FIELD}, {"title-field", required_argument, NULL, O_TITLE_FIELD},
        {"url-field", required_argument, NULL, O_URL_FIELD}, {"source-field", required_argument, NULL, O_SOURCE_FIELD},
        {"keep-sports", no_argument, NULL, O_KEEP_SPORTS},
        {NULL, 0, NULL, 0}};
    const char *fields[DYAD_FIELD_COUNT] = {NULL};
    dyad_coder_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.builtin = 1;
    const char **actors = calloc((size_t)argc + 1, sizeof *actors);
    const char *db = NULL, *date = NULL;
    bool keep_sports = false;
    dyad_format format = DYAD_FORMAT_AUTO;
    cli_stats st = {0};
    int rc = EXIT_USAGE, opt;
    dyad_coder *coder = NULL;
    dyad_store *store = NULL;
    char *did = NULL, *ins = NULL;
    ingest_ctx c;
    memset(&c, 0, sizeof c);
    if (!actors) { fprintf(stderr, "dyad ingest: out of memory\n"); return EXIT_SKIPPED; }
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":qh", longopts, NULL)) != -1) {
        switch (opt) {
        case O_DB: db = optarg; break;
        case O_DATE:
            if (!cli_valid_date(optarg)) { fprintf(stderr, "dyad ingest: --date wants YYYY-MM-DD, not '%s'\n", optarg); goto done; }
            date = optarg;
            break;
        case O_INPUT: {
            int f = dyad_format_from_name(optarg);
            if (f < 0) { fprintf(stderr, "dyad ingest: unknown input format '%s' (text, jsonl, tabari, petrarch, html, warc)\n", optarg); goto done; }
            format = (dyad_format)f;
            break;
        }
        case O_PROJECT: cfg.project = optarg; break;
        case O_VERBS: cfg.verbs = optarg; break;
        case O_ACTORS: actors[cfg.nactors++] = optarg; break;
        case O_AGENTS: cfg.agents = optarg; break;
        case O_DISCARDS: cfg.discards = optarg; break;
        case O_OPTIONS: cfg.options = optarg; break;
        case O_NODEFAULT: cfg.builtin = 0; break;
        case O_TEXT_FIELD: fields[DYAD_FIELD_TEXT] = optarg; break;
        case O_DATE_FIELD: fields[DYAD_FIELD_DATE] = optarg; break;
        case O_ID_FIELD: fields[DYAD_FIELD_ID] = optarg; break;
        case O_TITLE_FIELD: fields[DYAD_FIELD_TITLE] = optarg; break;
        case O_URL_FIELD: fields[DYAD_FIELD_URL] = optarg; break;
        case O_SOURCE_FIELD: fields[DYAD_FIELD_SOURCE] = optarg; break;
        case O_KEEP_SPORTS: keep_sports = true; break;
        case 'q': st.quiet = true; break;
        default:
            rc = cli_option_other(recode ? "dyad recode" : "dyad ingest", opt, argv, recode ? recode_help : ingest_help);
            goto done;
        }
    }
    if (recode && optind < argc) {
        fprintf(stderr, "dyad recode: no inputs: it codes the documents of the store\n");
        goto done;
    }
    if (!cfg.builtin && !cfg.project && !cfg.verbs) {
        fprintf(stderr, "dyad ingest: --no-default-dict and no verbs dictionary (--verbs FILE or --project FILE)\n");
        goto done;
    }
    cfg.actors = actors;
    dict_count dc = {&st, 0};
    cfg.diag = dict_diag;
    cfg.user = &dc;
    rc = EXIT_SKIPPED;
    store = dyad_store_open(cli_store_path(db), DYAD_STORE_CREATE, store_diag, &st);
    if (!store) goto done;
    coder = dyad_coder_new(&cfg);
    if (!coder) goto done;
    dyad_code_options copt;
    memset(&copt, 0, sizeof copt);
    if (date) memcpy(copt.default_date, date, 11);
    copt.keep_sports = keep_sports;
    c.store = store;
    c.date = date;
    c.pipe = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    c.work = dyad_coder_work_new(coder, &copt);
    did = cli_dict_id(&cfg);
    ins = join_inputs(argv + optind, argc - optind);
    if (!c.pipe || !c.work || !did || !ins) { fprintf(stderr, "dyad ingest: out of memory\n"); goto done; }
    struct stat sb;
    for (int k = optind; k <= argc && !recode && !c.commit_each; k++)
        if ((k == argc ? optind == argc : strcmp(argv[k], "-") == 0) && fstat(0, &sb) == 0 && !S_ISREG(sb.st_mode))
            c.commit_each = true;
    if (dyad_store_run_begin(store, cmdname, recode ? "" : ins, did)) goto done;
    int read_rc = recode ? dyad_store_each_document(store, recode_one, &c)
                         : cli_for_each_document_fields(argv + optind, argc - optind, format, fields, &st, ingest_one, &c);
    if (recode) st.documents = c.changed + c.failed;
    if (c.store_failed) goto done;
    if (dyad_store_run_end(store, st.documents, st.skipped + c.failed, c.fresh + c.changed)) goto done;
    int close_rc = dyad_store_close(store);
    store = NULL;
    if (close_rc) goto done;
    if (!st.quiet && recode)
        fprintf(stderr, "dyad recode: %zu document(s) recoded; %zu event(s) stored; %zu failed\n", c.changed,
                c.events, c.failed);
    else if (!st.quiet)
        fprintf(stderr,
                "dyad ingest: %zu document(s) read: %zu new, %zu changed, %zu unchanged, %zu syndicated "
                "cop%s; %zu event(s) stored (%zu repeated in a document left out); %zu record(s) skipped, "
                "%zu input(s) unreadable\n",
                st.documents, c.fresh, c.changed, c.same, c.copies, c.copies == 1 ? "y" : "ies", c.events, c.merged,
                st.skipped + c.failed, st.unreadable);
    if (!st.quiet && c.sports)
        fprintf(stderr, "dyad %s: %zu sports report(s) stored with no event (--keep-sports codes them)\n", cmdname,
                c.sports);
    rc = (read_rc || st.skipped || st.unreadable || c.failed || dc.errors) ? EXIT_SKIPPED : EXIT_OK;
done:
    dyad_store_close(store);
    dyad_pipeline_free(c.pipe);
    dyad_coder_work_free(c.work);
    dyad_coder_free(coder);
    free(did);
    free(ins);
    free(actors);
    return rc;
}

/* ---- dyad import ---------------------------------------------------------------- */

static void import_help(FILE *out)
{
    fprintf(out,
            "usage: dyad import --format FORMAT [--db PATH|URL] FILE...\n\n"
            "Stores events coded elsewhere beside dyad's own, marked with their\n"
            "origin: FORMAT is gdelt (GDELT 1.0 or 2.0 event tables), phoenix\n"
            "(Phoenix daily files), icews (ICEWS event files: actors mapped to CAMEO\n"
            "codes by country and sector, their names kept) or jsonl (dyad's own\n"
            "JSON Lines, as dyad code and dyad query write them).  Files may be gzip-compressed.  A file\n"
            "already imported with the same content is skipped; a changed file\n"
            "replaces its events.  A bad row is named with file and line, skipped\n"
            "and counted.\n\n"
            "options:\n"
            "  --db PATH|URL    the store (default: $DYAD_DB, else ./dyad.db); a\n"
            "                   postgresql:// URL or conninfo names PostgreSQL\n"
            "  --format FORMAT  gdelt, phoenix, icews or jsonl (required)\n"
            "  -q, --quiet      no summary\n"
            "  -h, --help       this help\n\n"
            "exit status: 0 all imported, 1 some row or file skipped, 2 usage error\n");
}

int cmd_import(int argc, char **argv)
{
    static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                             {"format", required_argument, NULL, 'f'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = NULL;
    int format = -1, opt;
    cli_stats st = {0};
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":qh", longopts, NULL)) != -1) {
        switch (opt) {
        case 'd': db = optarg; break;
        case 'f':
            format = dyad_import_format_from_name(optarg);
            if (format < 0) { fprintf(stderr, "dyad import: unknown format '%s' (gdelt, phoenix, icews, jsonl)\n", optarg); return EXIT_USAGE; }
            break;
        case 'q': st.quiet = true; break;
        default: return cli_option_other("dyad import", opt, argv, import_help);
        }
    }
    if (format < 0 || optind >= argc) { import_help(stderr); return EXIT_USAGE; }
    dyad_store *store = dyad_store_open(cli_store_path(db), DYAD_STORE_CREATE, store_diag, &st);
    if (!store) return EXIT_SKIPPED;
    char *ins = join_inputs(argv + optind, argc - optind);
    char cmd[32];
    snprintf(cmd, sizeof cmd, "import %s", dyad_import_format_name((dyad_import_format)format));
    if (!ins || dyad_store_run_begin(store, cmd, ins, NULL)) { free(ins); dyad_store_close(store); return EXIT_SKIPPED; }
    free(ins);
    size_t files = 0, same = 0, failed = 0, rows = 0, events = 0, skipped = 0;
    for (int i = optind; i < argc; i++) {
        dyad_import_result r;
        files++;
        if (dyad_store_import(store, argv[i], (dyad_import_format)format, &r)) { failed++; continue; }
        if (r.state == DYAD_DOC_SAME) same++;
        rows += r.rows;
        events += r.events;
        skipped += r.skipped;
    }
    int rc = dyad_store_run_end(store, files, failed + skipped, files - failed - same);
    if (dyad_store_close(store)) rc = -1;
    if (!st.quiet)
        fprintf(stderr, "dyad import: %zu file(s): %zu unchanged, %zu failed; %zu row(s) read, %zu event(s) stored, "
                        "%zu row(s) skipped\n", files, same, failed, rows, events, skipped);
    return rc || failed || skipped ? EXIT_SKIPPED : EXIT_OK;
}

/* ---- dyad query ---------------------------------------------------------------- */

static void query_help(FILE *out)
{
    fprintf(out,
            "usage: dyad query [options]\n\n"
            "Writes the stored events that match every filter given, ordered by\n"
            "date.  Actor codes match by prefix (USA matches USAGOV).  Events of\n"
            "syndicated copies are left out unless --copies.\n\n"
            "options:\n"
            "  --db PATH|URL    the store (default: $DYAD_DB, else ./dyad.db); a\n"
            "                   postgresql:// URL or conninfo names PostgreSQL\n"
            "  --actor A        source or target is A\n"
            "  --dyad A,B       source A and target B (either may be empty)\n"
            "  --both           with --dyad: also B to A\n"
            "  --code C         CAMEO event code C exactly\n"
            "  --root R         CAMEO root 1..20\n"
            "  --quad Q         quad class 1..4 (GDELT's numbering)\n"
            "  --from D, --to D event dates from/to YYYY-MM-DD, inclusive\n"
            "  --country ISO    the event took place in this country (USA or US)\n"
            "  --speaker A      said by actor A\n"
            "  --text WORDS     the event's sentence matches WORDS (SQLite FTS5\n"
            "                   syntax: words, \"phrases\", AND, OR, NOT, prefix*)\n"
            "  --unique         one a day: the first event of each source, target,\n"
            "                   code and day (Phoenix's filter)\n"
            "  --copies         include events of syndicated copies\n"
            "  --limit N, --offset N  a page of the result\n"
            "  --count PERIOD   instead of events, how many match in each day,\n"
            "                   month or year (rows: period, events)\n"
            "  --output F       jsonl (default), csv or tsv (a header row, then one\n"
            "                   event a row), phoenix (Phoenix's daily-file columns)\n"
            "                   gdelt (GDELT 2.0's event table) or plover (PLOVER\n"
            "                   JSON records; events without a PLOVER type left out)\n"
            "  -h, --help       this help\n\n"
            "exit status: 0 done, 1 the store could not be read, 2 usage error\n");
}

static int parse_count(const char *s, long max, long *out)
{
    char *e;
    long v = strtol(s, &e, 10);
    if (!*s || *e || v < 0 || v > max) return -1;
    *out = v;
    return 0;
}

int cmd_query(int argc, char **argv)
{
    enum { O_CODE = 1000, O_ROOT, O_QUAD, O_COUNTRY, O_SPEAKER, O_TEXT, O_LIMIT, O_OFFSET,
           O_OUTPUT, O_COUNT };
    static const struct option longopts[] = {
        CLI_READER_LONGOPTS,
        {"dyad", required_argument, NULL, CLI_F_DYAD}, {"both", no_argument, NULL, CLI_F_BOTH},
        {"code", required_argument, NULL, O_CODE},     {"root", required_argument, NULL, O_ROOT},
        {"quad", required_argument, NULL, O_QUAD},     {"country", required_argument, NULL, O_COUNTRY},
        {"speaker", required_argument, NULL, O_SPEAKER}, {"text", required_argument, NULL, O_TEXT},
        {"limit", required_argument, NULL, O_LIMIT},   {"offset", required_argument, NULL, O_OFFSET},
        {"output", required_argument, NULL, O_OUTPUT}, {"count", required_argument, NULL, O_COUNT},
        {NULL, 0, NULL, 0}};
    int count_by = -1;
    dyad_query q;
    memset(&q, 0, sizeof q);
    dyad_row_format format = DYAD_ROWS_JSONL;
    cli_filter filter = {"query", &q, true, {0}, false, NULL};
    long v;
    int opt;
    cli_stats st = {0};
    while ((opt = cli_next_option(&filter, argc, argv, longopts)) != -1) {
        if (opt == CLI_BAD_FILTER) return EXIT_USAGE;
        switch (opt) {
        case O_CODE: q.code = optarg; break;
        case O_ROOT:
            if (parse_count(optarg, 20, &v) || v < 1) { fprintf(stderr, "dyad query: --root wants 1..20\n"); return EXIT_USAGE; }
            q.root = (int)v;
            break;
        case O_QUAD:
            if (parse_count(optarg, 4, &v) || v < 1) { fprintf(stderr, "dyad query: --quad wants 1..4\n"); return EXIT_USAGE; }
            q.quad = (int)v;
            break;
        case O_COUNTRY: q.country = optarg; break;
        case O_SPEAKER: q.speaker = optarg; break;
        case O_TEXT: q.text = optarg; break;
        case O_LIMIT:
        case O_OFFSET:
            if (parse_count(optarg, 1L << 40, &v)) { fprintf(stderr, "dyad query: --limit and --offset want a count\n"); return EXIT_USAGE; }
            if (opt == O_LIMIT) q.limit = (size_t)v;
            else q.offset = (size_t)v;
            break;
        case O_OUTPUT: {
            int f = dyad_row_format_from_name(optarg);
            if (f < 0) { fprintf(stderr, "dyad query: unknown output format '%s' (jsonl, csv, tsv, phoenix, gdelt, plover)\n", optarg); return EXIT_USAGE; }
            format = (dyad_row_format)f;
            break;
        }
        case O_COUNT:
            count_by = dyad_period_from_name(optarg);
            if (count_by < 0) { fprintf(stderr, "dyad query: --count wants day, month or year\n"); return EXIT_USAGE; }
            break;
        default: return cli_option_other("dyad query", opt, argv, query_help);
        }
    }
    int status;
    dyad_store *store = cli_open_reader(&filter, argc, argv, &st, &status);
    if (!store) return status;
    if (count_by >= 0 && format != DYAD_ROWS_JSONL && format != DYAD_ROWS_CSV && format != DYAD_ROWS_TSV) {
        fprintf(stderr, "dyad query: --count writes jsonl, csv or tsv\n");
        dyad_store_close(store);
        return EXIT_USAGE;
    }
    long n = count_by >= 0 ? dyad_store_count(store, &q, (dyad_period)count_by, format, stdout)
                           : dyad_store_query(store, &q, format, stdout);
    dyad_store_close(store);
    return cli_finish_output("query", n < 0 ? EXIT_SKIPPED : EXIT_OK);
}

/* ---- dyad stats ------------------------------------------------------------------ */

static void stats_help(FILE *out)
{
    fprintf(out,
            "usage: dyad stats [--db PATH|URL] [--top N]\n\n"
            "What the store holds: documents, syndicated copies, events, one-a-day\n"
            "events, the date range, runs, and the N most frequent dyads (default\n"
            "10) counted without copies.\n\n"
            "exit status: 0 done, 1 the store could not be read, 2 usage error\n");
}

int cmd_stats(int argc, char **argv)
{
    static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                             {"top", required_argument, NULL, 't'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = NULL;
    long top = 10;
    int opt;
    cli_stats st = {0};
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'd': db = optarg; break;
        case 't':
            if (parse_count(optarg, 100000, &top)) { fprintf(stderr, "dyad stats: --top wants a count\n"); return EXIT_USAGE; }
            break;
        default: return cli_option_other("dyad stats", opt, argv, stats_help);
        }
    }
    if (cli_no_operands("dyad stats", argc, argv)) return EXIT_USAGE;
    dyad_store *store = dyad_store_open(cli_store_path(db), DYAD_STORE_READONLY, store_diag, &st);
    if (!store) return EXIT_SKIPPED;
    int rc = dyad_store_stats(store, stdout, (size_t)top);
    dyad_store_close(store);
    return cli_finish_output("stats", rc ? EXIT_SKIPPED : EXIT_OK);
}
