/* cmd_dict.c -- `dyad dict check`, `dyad dict compile` and `dyad dict
 * lookup`: tools for the people who write dictionaries.  The work is the
 * library's (dyad_dicts_* in dyad.h); this file parses arguments.  Output
 * formats are documented in docs/dictionaries.md. */
#include "cli.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* ---- help ------------------------------------------------------------------- */

static const char common_options[] =
    "  --format tabari|petrarch   syntax of the files (default: detect)\n"
    "  --kind KIND     verbs, actors, agents, discards, issues, options, project\n"
    "  --strict        stop at the first malformed line\n"
    "  -q, --quiet     no warnings or notes\n"
    "  -h, --help      this help\n";

static void help_overview(FILE *out)
{
    fprintf(out,
            "usage: dyad dict check [options] FILE...\n"
            "       dyad dict compile [options] [-o IMAGE] FILE...\n"
            "       dyad dict lookup [options] PHRASE FILE...\n\n"
            "Dictionaries are TABARI files (.verbs .actors .agents .options .project)\n"
            "or PETRARCH2 files (CAMEO.2.0.txt, *.actors.txt, *.agents.txt, discards,\n"
            "issues); check and lookup also take one compiled IMAGE instead.\n\n"
            "  check     counts and problems, file:line for each, exit status for CI\n"
            "  compile   write the compiled image the coder loads in milliseconds\n"
            "  lookup    what an actor, agent or verb phrase resolves to, and why\n\n"
            "dyad dict COMMAND --help describes each.\n");
}

static void help_check(FILE *out)
{
    fprintf(out,
            "usage: dyad dict check [options] FILE...|IMAGE\n\n"
            "Reads the dictionaries and prints their counts, one line per file, then\n"
            "findings, one a line: FILE:LINE: KIND: MESSAGE, where KIND is duplicate,\n"
            "conflict, never-matches, not-cameo, date-backwards, date-overlap or\n"
            "no-code; then the totals.  Malformed lines are reported on standard\n"
            "error and skipped.\n\noptions:\n%s\n"
            "exit status: 0 clean, 1 findings, malformed lines or unreadable files,\n"
            "2 usage error\n", common_options);
}

static void help_compile(FILE *out)
{
    fprintf(out,
            "usage: dyad dict compile [options] [-o IMAGE] FILE...\n\n"
            "Reads the dictionaries (a .project file brings the files it names) and\n"
            "writes their compiled image: a checksummed binary file that loads by\n"
            "mapping it.  Without -o the image is written where the coder's cache\n"
            "looks for it: beside the first FILE, as NAME.HASH%s (or in --cache-dir).\n"
            "Prints the counts, the image and the time each step took.\n\n"
            "options:\n"
            "  -o, --output IMAGE   the image to write\n"
            "  --cache-dir DIR      write the image into DIR under the cache's name\n%s\n"
            "exit status: 0 image written, 1 a file could not be read or the image\n"
            "not written, 2 usage error\n", DYAD_IMAGE_SUFFIX, common_options);
}

static void help_lookup(FILE *out)
{
    fprintf(out,
            "usage: dyad dict lookup [options] PHRASE FILE...|IMAGE\n\n"
            "Says what PHRASE (words separated by blanks or '_') is in the\n"
            "dictionaries: each actor with that phrase, its codes and which code\n"
            "holds on --date and why the others do not; each verb or verb form with\n"
            "its block, code and pattern count; each agent, discard and issue phrase.\n"
            "Every entry is named with FILE:LINE.  When nothing is written exactly so,\n"
            "the lemmas of the words are tried (\"said\" finds SAY).\n\n"
            "options:\n"
            "  --date YYYY-MM-DD   the date for date-restricted actor codes\n"
            "  --actors FILE, --verbs FILE, --agents FILE   more files to search\n%s\n"
            "exit status: 0 found, 1 not found or unreadable files, 2 usage error\n",
            common_options);
}

/* ---- arguments ------------------------------------------------------------------ */

typedef enum { CMD_CHECK, CMD_COMPILE, CMD_LOOKUP } dict_cmd;

typedef struct dict_args {
    dyad_dicts_config cfg;
    cli_stats diag_stats;
    const char **files;
    size_t nfiles;
    const char *phrase;
    const char *output;     /* compile -o */
    const char *cache_dir;  /* compile --cache-dir */
    const char *date;       /* lookup --date, checked */
} dict_args;

/* Long-only options. */
enum { OPT_FORMAT = 256, OPT_KIND, OPT_STRICT, OPT_DATE, OPT_FILE, OPT_CACHE_DIR };

/* The options each subcommand takes: the common ones, then its own. */
static const struct option check_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT}, {"kind", required_argument, NULL, OPT_KIND},
    {"strict", no_argument, NULL, OPT_STRICT},       {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},                {NULL, 0, NULL, 0}};
static const struct option compile_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT}, {"kind", required_argument, NULL, OPT_KIND},
    {"strict", no_argument, NULL, OPT_STRICT},       {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},                {"output", required_argument, NULL, 'o'},
    {"cache-dir", required_argument, NULL, OPT_CACHE_DIR}, {NULL, 0, NULL, 0}};
static const struct option lookup_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT}, {"kind", required_argument, NULL, OPT_KIND},
    {"strict", no_argument, NULL, OPT_STRICT},       {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},                {"date", required_argument, NULL, OPT_DATE},
    {"actors", required_argument, NULL, OPT_FILE},   {"verbs", required_argument, NULL, OPT_FILE},
    {"agents", required_argument, NULL, OPT_FILE},   {NULL, 0, NULL, 0}};

/* The option as the user wrote it, for messages: "--kind", "-o". */
static void option_name(char *buf, size_t cap, const char *arg, int opt)
{
    if (arg && arg[0] == '-' && arg[1] == '-') {
        size_t n = strcspn(arg, "=");
        snprintf(buf, cap, "%.*s", (int)n, arg);
    } else {
        snprintf(buf, cap, "-%c", opt > 0 && opt < 256 ? opt : '?');
    }
}

/* Fills a from the arguments (argv[0] is the subcommand); 0, 1 for help,
 * or -1 after a usage message.  Files keep the order written, --actors FILE among
 * them, because the order decides which entry wins and what is listed
 * first. */
static int parse_args(int argc, char **argv, dict_cmd cmd, dict_args *a)
{
    const char *name = argv[0];
    static const struct option *const tables[] = {check_options, compile_options, lookup_options};
    /* '-': operands come back in order as option 1; ':': a missing value
     * is told from an unknown option. */
    const char *shorts = cmd == CMD_COMPILE ? "-:qho:" : "-:qh";
    a->files = calloc((size_t)argc + 1, sizeof *a->files);
    if (!a->files) return -1;
    a->cfg.diag = cli_diag;
    a->cfg.user = &a->diag_stats;
    opterr = 0; /* the messages below say which subcommand, and what to do */
    optind = 0; /* glibc: initialise afresh, reading the '-' of shorts */
    int opt, x;
    char shown[64];
    while ((opt = getopt_long(argc, argv, shorts, tables[cmd], NULL)) != -1) {
        switch (opt) {
        case 1:
            if (cmd == CMD_LOOKUP && !a->phrase) a->phrase = optarg;
            else a->files[a->nfiles++] = optarg;
            break;
        case 'q': a->diag_stats.quiet = true; break;
        case 'h': return 1; /* "-qh", "--he": the exact spellings were answered before */
        case OPT_STRICT: a->cfg.strict = 1; break;
        case OPT_FORMAT:
        case OPT_KIND:
            x = opt == OPT_FORMAT ? dyad_dict_syntax_from_name(optarg) : dyad_dict_kind_from_name(optarg);
            if (x < 0) {
                fprintf(stderr, "dyad dict %s: unknown %s '%s'\n", name, opt == OPT_FORMAT ? "format" : "kind",
                        optarg);
                return -1;
            }
            if (opt == OPT_FORMAT) a->cfg.syntax = (dyad_dict_syntax)x;
            else a->cfg.kind = (dyad_dict_kind)x;
            break;
        case OPT_DATE:
            if (!cli_valid_date(optarg)) {
                fprintf(stderr, "dyad dict lookup: --date wants YYYY-MM-DD, not '%s'\n", optarg);
                return -1;
            }
            a->date = optarg;
            break;
        case OPT_FILE: a->files[a->nfiles++] = optarg; break;
        case 'o': a->output = optarg; break;
        case OPT_CACHE_DIR: a->cache_dir = optarg; break;
        case ':':
            option_name(shown, sizeof shown, argv[optind - 1], optopt);
            fprintf(stderr, "dyad dict %s: %s needs a value\n", name, shown);
            return -1;
        default:
            /* optopt: 0 for an unknown long option, the option's own value
             * for "--quiet=1", else the unknown letter (argv[optind - 1]
             * is then not necessarily the word holding it). */
            if (optopt >= 256 || (optopt && strchr("qho", optopt))) {
                option_name(shown, sizeof shown, argv[optind - 1], optopt);
                fprintf(stderr, "dyad dict %s: %s takes no value\n", name, shown);
                return -1;
            }
            option_name(shown, sizeof shown, optopt ? NULL : argv[optind - 1], optopt);
            fprintf(stderr, "dyad dict %s: unknown option '%s' (see dyad dict %s --help)\n", name, shown, name);
            return -1;
        }
    }
    for (; optind < argc; optind++) { /* after "--" */
        if (cmd == CMD_LOOKUP && !a->phrase) a->phrase = argv[optind];
        else a->files[a->nfiles++] = argv[optind];
    }
    if (!a->nfiles || (cmd == CMD_LOOKUP && !a->phrase)) {
        fprintf(stderr, cmd == CMD_LOOKUP ? "dyad dict lookup: needs a PHRASE and dictionary FILEs\n"
                                          : "dyad dict %s: needs dictionary FILEs\n", name);
        return -1;
    }
    if (a->output && a->cache_dir) {
        fprintf(stderr, "dyad dict compile: -o and --cache-dir exclude each other\n");
        return -1;
    }
    a->cfg.files = a->files;
    a->cfg.nfiles = a->nfiles;
    return 0;
}

/* An image is a whole dictionary set: check and lookup take one alone,
 * compile none.  Returns 0, or -1 after a usage message. */
static int check_images(const dict_args *a, dict_cmd cmd)
{
    for (size_t i = 0; i < a->nfiles; i++) {
        if (!dyad_dicts_is_image(a->files[i])) continue;
        if (cmd == CMD_COMPILE)
            fprintf(stderr, "dyad dict compile: %s is already a compiled image\n", a->files[i]);
        else if (a->nfiles > 1)
            fprintf(stderr, "dyad dict: %s is a compiled image; give it alone, without text files\n",
                    a->files[i]);
        else
            return 0;
        return -1;
    }
    return 0;
}

typedef void help_fn(FILE *out);

/* Parses, checks the files and loads them; NULL with *status set when
 * there is nothing to run. */
static dyad_dicts *start(int argc, char **argv, dict_cmd cmd, help_fn *help, dict_args *a, int *status)
{
    *status = EXIT_USAGE;
    int rc = parse_args(argc, argv, cmd, a);
    if (rc > 0) {
        help(stdout);
        *status = EXIT_OK;
        return NULL;
    }
    if (rc || check_images(a, cmd)) return NULL;
    dyad_dicts *d = dyad_dicts_load(&a->cfg);
    if (!d) {
        fprintf(stderr, "dyad dict %s: out of memory\n", argv[0]);
        *status = EXIT_SKIPPED;
    }
    return d;
}

/* ---- the subcommands ------------------------------------------------------------- */

static int dict_check_command(int argc, char **argv, help_fn *help)
{
    dict_args a = {0};
    int status;
    dyad_dicts *d = start(argc, argv, CMD_CHECK, help, &a, &status);
    if (d) status = dyad_dicts_check(d, stdout) ? EXIT_SKIPPED : EXIT_OK;
    dyad_dicts_free(d);
    free(a.files);
    return cli_finish_output("dict check", status);
}

static int dict_compile_command(int argc, char **argv, help_fn *help)
{
    dict_args a = {0};
    int status;
    dyad_dicts *d = start(argc, argv, CMD_COMPILE, help, &a, &status);
    if (d) {
        if (dyad_dicts_unreadable(d))
            fprintf(stderr, "dyad dict compile: %zu file(s) could not be read; no image written\n",
                    dyad_dicts_unreadable(d));
        status = dyad_dicts_compile(d, a.output ? a.output : a.cache_dir, stdout) ? EXIT_SKIPPED : EXIT_OK;
    }
    dyad_dicts_free(d);
    free(a.files);
    return cli_finish_output("dict compile", status);
}

static int dict_lookup_command(int argc, char **argv, help_fn *help)
{
    dict_args a = {0};
    int status;
    dyad_dicts *d = start(argc, argv, CMD_LOOKUP, help, &a, &status);
    if (d && dyad_dicts_unreadable(d) && !dyad_dicts_file_count(d)) {
        status = EXIT_SKIPPED; /* nothing to look in; the reasons are out */
    } else if (d) {
        long found = dyad_dicts_lookup(d, a.phrase, a.date, stdout);
        status = found > 0 && !dyad_dicts_unreadable(d) ? EXIT_OK : EXIT_SKIPPED;
    }
    dyad_dicts_free(d);
    free(a.files);
    return cli_finish_output("dict lookup", status);
}

int cmd_dict(int argc, char **argv)
{
    if (argc < 1 || strcmp(argv[0], "-h") == 0 || strcmp(argv[0], "--help") == 0 ||
        strcmp(argv[0], "help") == 0) {
        help_overview(argc < 1 ? stderr : stdout);
        return argc < 1 ? EXIT_USAGE : cli_finish_output("dict", EXIT_OK);
    }
    static const struct {
        const char *name;
        int (*run)(int, char **, help_fn *);
        help_fn *help;
    } commands[] = {{"check", dict_check_command, help_check},
                    {"compile", dict_compile_command, help_compile},
                    {"lookup", dict_lookup_command, help_lookup}};
    for (size_t c = 0; c < sizeof commands / sizeof *commands; c++) {
        if (strcmp(argv[0], commands[c].name) != 0) continue;
        /* Help wins wherever it is written, even after a mistake. */
        for (int i = 1; i < argc; i++)
            if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
                commands[c].help(stdout);
                return cli_finish_output("dict", EXIT_OK);
            }
        return commands[c].run(argc, argv, commands[c].help);
    }
    fprintf(stderr, "dyad dict: unknown subcommand '%s' (check, compile, lookup)\n", argv[0]);
    return EXIT_USAGE;
}
