/* main.c -- `dyad COMMAND ...`: dispatches to the subcommands. */
#include "cli.h"
#include <string.h>

/* cmd_code.c: `dyad code` and `dyad validate` */
int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
/* cmd_store.c: the event store; argv[0] is the command's name (getopt) */
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_recode(int argc, char **argv);
/* cmd_serve.c: the web view and HTTP API */
int cmd_serve(int argc, char **argv);
/* cmd_feeds.c: RSS and Atom feeds into the store */
int cmd_feeds(int argc, char **argv);
/* cmd_trend.c: series and alerts over the store */
int cmd_trend(int argc, char **argv);
int cmd_alerts(int argc, char **argv);

void cli_usage(FILE *out)
{
    fprintf(out,
            "dyad %s -- political event data from news text\n\n"
            "usage: dyad COMMAND [options] [FILE|DIR|-]...\n\n"
            "commands:\n"
            "  code          CAMEO events (source, target, code, date, place) from articles\n"
            "  extract       the text read from each document (web pages: the\n"
            "                article without menus, ads and comments)\n"
            "  validate SUITE  run a TABARI or PETRARCH2 validation suite\n"
            "  quotes        quotations and reported speech, with their speakers\n"
            "  sentences     split articles into sentences, with the part of the\n"
            "                article each belongs to (headline, byline, body, ...)\n"
            "  tag           part-of-speech tags and lemmas: word/TAG/lemma\n"
            "  chunk         noun, verb and prepositional phrases, clauses and\n"
            "                verb-group features (tense, voice, negation, modality)\n"
            "  dict check FILE...     counts and problems in TABARI/PETRARCH dictionaries\n"
            "  dict lookup PHRASE FILE...  what an actor phrase or verb resolves to, and why\n"
            "  dict compile FILE...   a checksummed binary image of dictionaries\n"
            "  ingest        code articles into the event store (SQLite or PostgreSQL, --db)\n"
            "  query         events from the store, filtered (jsonl, csv, tsv, phoenix,\n"
            "                gdelt, plover)\n"
            "  stats         what the store holds: documents, copies, events, dyads\n"
            "  import        events coded elsewhere (GDELT, Phoenix, ICEWS, dyad's JSON)\n"
            "  recode        code the stored documents again with new dictionaries\n"
            "  serve         web view and JSON API over the store (HTTP, read-only)\n"
            "  feeds FEEDLIST  fetch RSS/Atom feeds and code their new articles into\n"
            "                the store (conditional requests; seen items remembered)\n"
            "  trend         a dyad's or an actor's events period by period (csv, json, svg)\n"
            "  alerts        escalations and de-escalations of every dyad, with evidence\n"
            "  help [COMMAND]  this text, or a command's own help\n"
            "  version       print the version\n\n"
            "Input formats are detected (plain-text article, JSON Lines, TABARI\n"
            "records, PETRARCH XML, HTML page, WARC archive; gzip too) or forced\n"
            "with --input.  See dyad COMMAND --help\n"
            "and man dyad (docs/dyad.1).\n\n"
            "exit status: 0 all done, 1 some record, file or dictionary line skipped,\n"
            "2 usage error, 3 output could not be written\n",
            DYAD_VERSION);
}

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the command's name */
} command;

static int run_text_view(int argc, char **argv) { return cmd_text_view(argv[0], argc, argv); }
static int run_dict(int argc, char **argv) { return cmd_dict(argc - 1, argv + 1); }

static const command commands[] = {
    {"code", cmd_code},           {"validate", cmd_validate},   {"quotes", run_text_view},
    {"sentences", run_text_view}, {"tag", run_text_view},       {"chunk", run_text_view},
    {"dict", run_dict},           {"ingest", cmd_ingest},       {"query", cmd_query},
    {"stats", cmd_stats},         {"import", cmd_import},       {"recode", cmd_recode},
    {"extract", cmd_extract},     {"serve", cmd_serve},         {"feeds", cmd_feeds},
    {"trend", cmd_trend},         {"alerts", cmd_alerts},
};

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0) return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    /* Fully buffered output: views write many small pieces. */
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    if (argc < 2) { cli_usage(stderr); return EXIT_USAGE; }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
        cli_usage(stdout);
        return cli_finish_output("help", EXIT_OK);
    }
    if (strcmp(cmd, "help") == 0) {
        const command *c = argc > 2 ? find_command(argv[2]) : NULL;
        if (c) {
            /* `dyad help dict compile` is `dyad dict compile --help`. */
            char help[] = "--help";
            char *hv[4] = {argv[2], argc > 3 && c->run == run_dict ? argv[3] : help, help, NULL};
            return c->run(c->run == run_dict && argc > 3 ? 3 : 2, hv);
        }
        if (argc > 2) {
            fprintf(stderr, "dyad: unknown command '%s'\n\n", argv[2]);
            cli_usage(stderr);
            return EXIT_USAGE;
        }
        if (argc > 2 && (strcmp(argv[2], "trend") == 0 || strcmp(argv[2], "alerts") == 0)) {
            char help[] = "--help";
            char *hv[] = {argv[2], help};
            return strcmp(argv[2], "trend") == 0 ? cmd_trend(2, hv) : cmd_alerts(2, hv);
        }
        cli_usage(stdout);
        return cli_finish_output("help", EXIT_OK);
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("dyad %s\n", DYAD_VERSION);
        return cli_finish_output("version", EXIT_OK);
    }
    const command *c = find_command(cmd);
    if (c) return c->run(argc - 1, argv + 1);
    fprintf(stderr, "dyad: unknown command '%s'\n\n", cmd);
    cli_usage(stderr);
    return EXIT_USAGE;
}
