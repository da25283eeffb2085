/* main.c -- `dyad COMMAND ...`: dispatches to the subcommands. */
#include "cli.h"
#include "dict/dict_cli.h"
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
/* cmd_trend.c: series and alerts over the store */
int cmd_trend(int argc, char **argv);
int cmd_alerts(int argc, char **argv);

void cli_usage(FILE *out)
{
    fprintf(out,
            "dyad %s -- political event data from news text\n\n"
            "usage: dyad COMMAND [options] [FILE|DIR|-]...\n\n"
            "commands:\n"
            "  sentences   split articles into sentences, with the part of the\n"
            "              article each belongs to (headline, byline, body, ...)\n"
            "  tag         part-of-speech tags and lemmas: word/TAG/lemma\n"
            "  chunk       noun, verb and prepositional phrases, clauses and\n"
            "              verb-group features (tense, voice, negation, modality)\n"
            "  dict check FILE...    counts and problems in TABARI/PETRARCH dictionaries\n"
            "  dict lookup PHRASE    what an actor phrase or verb resolves to, and why\n"
            "  quotes      quotations and reported speech, with their speakers\n"
            "  code        CAMEO events (source, target, code) from articles\n"
            "  validate SUITE  run a TABARI or PETRARCH2 validation suite\n"
            "  ingest      code articles into the event store (SQLite, --db PATH)\n"
            "  query       events from the store, filtered (jsonl, csv, tsv)\n"
            "  stats       what the store holds: documents, copies, events, dyads\n"
            "  import      events coded elsewhere (GDELT, Phoenix, dyad's JSON Lines)\n"
            "  recode      code the stored documents again with new dictionaries\n"
            "  trend       a dyad's or an actor's events period by period (csv, json, svg)\n"
            "  alerts      escalations and de-escalations of every dyad, with evidence\n"
            "  help [COMMAND]  this text, or a command's own help\n"
            "  version     print the version\n\n"
            "Input formats are detected (plain-text article, JSON Lines, TABARI\n"
            "records, PETRARCH XML) or forced with --input.  See dyad COMMAND --help\n"
            "and man dyad (docs/dyad.1).\n",
            DYAD_VERSION);
}

int main(int argc, char **argv)
{
    /* Fully buffered output: views write many small pieces. */
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    if (argc < 2) { cli_usage(stderr); return EXIT_USAGE; }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) { cli_usage(stdout); return EXIT_OK; }
    if (strcmp(cmd, "help") == 0) {
        if (argc > 2 && (strcmp(argv[2], "sentences") == 0 || strcmp(argv[2], "tag") == 0 ||
                         strcmp(argv[2], "chunk") == 0 || strcmp(argv[2], "quotes") == 0)) {
            char help[] = "--help";
            char *hv[] = {help};
            return cmd_text_view(argv[2], 1, hv);
        }
        if (argc > 2 && (strcmp(argv[2], "trend") == 0 || strcmp(argv[2], "alerts") == 0)) {
            char help[] = "--help";
            char *hv[] = {argv[2], help};
            return strcmp(argv[2], "trend") == 0 ? cmd_trend(2, hv) : cmd_alerts(2, hv);
        }
        cli_usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("dyad %s\n", DYAD_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "sentences") == 0 || strcmp(cmd, "tag") == 0 || strcmp(cmd, "chunk") == 0 ||
        strcmp(cmd, "quotes") == 0)
        return cmd_text_view(cmd, argc - 2, argv + 2);
    if (strcmp(cmd, "dict") == 0)
        return cmd_dict(argc - 2, argv + 2);
    if (strcmp(cmd, "code") == 0)
        return cmd_code(argc - 2, argv + 2);
    if (strcmp(cmd, "validate") == 0)
        return cmd_validate(argc - 2, argv + 2);
    if (strcmp(cmd, "ingest") == 0)
        return cmd_ingest(argc - 1, argv + 1);
    if (strcmp(cmd, "query") == 0)
        return cmd_query(argc - 1, argv + 1);
    if (strcmp(cmd, "stats") == 0)
        return cmd_stats(argc - 1, argv + 1);
    if (strcmp(cmd, "import") == 0)
        return cmd_import(argc - 1, argv + 1);
    if (strcmp(cmd, "recode") == 0)
        return cmd_recode(argc - 1, argv + 1);
    if (strcmp(cmd, "trend") == 0)
        return cmd_trend(argc - 1, argv + 1);
    if (strcmp(cmd, "alerts") == 0)
        return cmd_alerts(argc - 1, argv + 1);
    fprintf(stderr, "dyad: unknown command '%s'\n\n", cmd);
    cli_usage(stderr);
    return EXIT_USAGE;
}
