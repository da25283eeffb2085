/* cli.h -- the command-line tool: option parsing shared by subcommands,
 * input iteration and diagnostics.  The CLI only parses arguments and
 * calls the library. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H
#include "dyad.h"
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

/* Exit statuses, documented in dyad --help and the man page. */
enum { EXIT_OK = 0, EXIT_SKIPPED = 1, EXIT_USAGE = 2, EXIT_OUTPUT = 3 };

typedef struct cli_stats {
    size_t documents, skipped, warnings, unreadable;
    bool quiet;
    bool all_languages;     /* keep web pages in every language          */
    size_t other_language;  /* pages skipped for their language          */
    size_t passed_over;     /* WARC records that hold no page            */
    /* A progress line on standard error (inputs, documents, events,
     * documents/s), rewritten a few times a second while reading: set
     * progress only when stderr is a terminal and not quiet. */
    bool progress;
    atomic_size_t *events;  /* the command's event count, or NULL        */
    size_t inputs;
    double started, shown;  /* seconds (monotonic)                        */
} cli_stats;

/* Prints a diagnostic as "dyad: FILE:LINE: error: MESSAGE [record ID]". */
void cli_diag(const dyad_diag *d, void *user);

/* Called for each document; returns 0 to go on, -1 to stop. */
typedef int (*cli_doc_fn)(const dyad_document *doc, void *user);

/* Reads every document of the inputs (files, directories walked in sorted
 * order, "-" for stdin; stdin when there are none) and calls fn for each.
 * Counts go to stats. */
int cli_for_each_document(char **inputs, int ninputs, dyad_format format,
                          cli_stats *stats, cli_doc_fn fn, void *user);

/* `dyad dict check|compile|lookup` (cmd_dict.c): argv[0] is the
 * subcommand; returns the exit status: 0 clean, 1 findings or unreadable
 * input, 2 usage error. */
int cmd_dict(int argc, char **argv);

/* The same, with JSON Lines fields read from other keys: fields[f] is the
 * key of dyad_field f, or NULL for its own name (fields may be NULL). */
int cli_for_each_document_fields(char **inputs, int ninputs, dyad_format format,
                                 const char *const *fields, cli_stats *stats, cli_doc_fn fn,
                                 void *user);

/* The text views: sentences, tag, chunk. */
int cmd_text_view(const char *command, int argc, char **argv);

/* `dyad extract`: the text the readers extracted (cmd_extract.c);
 * argv[0] is "extract". */
int cmd_extract(int argc, char **argv);

void cli_usage(FILE *out);

/* Gives argv[0] the name getopt_long's messages should carry ("dyad
 * code"), resets getopt for a new parse, and returns argv. */
char **cli_getopt_begin(char **argv, char *name, size_t size, const char *command);

/* "builtin", "builtin+verbs:FILE+actors:FILE": which dictionaries coded a
 * run, for the store's runs table (malloc'd; NULL when memory ran out).
 * (cmd_store.c) */
char *cli_dict_id(const dyad_coder_config *cfg);

/* "YYYY-MM-DD" naming a day that exists. */
bool cli_valid_date(const char *s);

/* The store a command opens: --db PATH when given, else $DYAD_DB, else
 * ./dyad.db (filters.c). */
const char *cli_store_path(const char *given);

/* What every command's option switch does alike (filters.c): -h prints
 * the help (EXIT_OK); a missing value or an unknown option is a usage
 * error (EXIT_USAGE), the latter followed by the help.  cmd: "dyad
 * query". */
int cli_option_other(const char *cmd, int c, char *const *argv, void (*help)(FILE *));
/* A usage error (nonzero, said) when operands follow the options of a
 * command that takes none. */
int cli_no_operands(const char *cmd, int argc, char *const *argv);

/* The event filters of dyad query, trend and alerts (filters.c): each
 * command lists the ones it takes in its long options with these values
 * and hands them to cli_filter_option. */
enum { CLI_F_DYAD = 900, CLI_F_BOTH, CLI_F_ACTOR, CLI_F_FROM, CLI_F_TO, CLI_F_UNIQUE, CLI_F_COPIES, CLI_F_DB };

/* The long options every reader of events has: --db, --actor, --from,
 * --to, --unique, --copies and --help. */
#define CLI_READER_LONGOPTS                                                                        \
    {"db", required_argument, NULL, CLI_F_DB}, {"actor", required_argument, NULL, CLI_F_ACTOR},     \
        {"from", required_argument, NULL, CLI_F_FROM}, {"to", required_argument, NULL, CLI_F_TO},   \
        {"unique", no_argument, NULL, CLI_F_UNIQUE}, {"copies", no_argument, NULL, CLI_F_COPIES},   \
        {"help", no_argument, NULL, 'h'}

/* The lines of dyad trend's and dyad alerts' help that say the same. */
#define CLI_HELP_DB "  --db PATH        the store (default: $DYAD_DB, else ./dyad.db)\n"
#define CLI_HELP_UNIQUE_COPIES                                                                     \
    "  --unique         one a day (Phoenix's filter)\n"                                           \
    "  --copies         include events of syndicated copies\n"
#define CLI_HELP_END_READER                                                                        \
    "  -h, --help       this help\n\n"                                                            \
    "exit status: 0 done, 1 the store could not be read or the output\n"                          \
    "written, 2 usage error\n"
typedef struct cli_filter {
    const char *cmd;        /* "query": for messages                      */
    dyad_query *q;          /* filled in                                  */
    bool open_sides;        /* --dyad may leave a side empty ("RUS,")     */
    char dyad[80];          /* holds --dyad's two codes                   */
    bool started;           /* cli_next_option has begun                  */
    const char *db;         /* --db                                       */
} cli_filter;

/* Applies option opt (its argument arg) to f->q: 1 when it is a filter
 * option and valid, 0 when it is none, -1 after a usage message. */
int cli_filter_option(cli_filter *f, int opt, const char *arg);

/* The next option of a reader's command line that is not a filter (the
 * filters are applied to f as they come): -1 at the end, CLI_BAD_FILTER
 * after a usage message.  The first call starts from argv[1]. */
#define CLI_BAD_FILTER (-2)
struct option;
int cli_next_option(cli_filter *f, int argc, char **argv, const struct option *longopts);

/* Checks the filters together once all options are read (--both without
 * --dyad, --from after --to): 0, or -1 after a usage message. */
int cli_filter_check(const cli_filter *f);

/* The end of a reader's command line: no operands, the filters checked
 * together, then the store (--db) opened read-only.  NULL with
 * *status the exit status when any of it fails. */
dyad_store *cli_open_reader(const cli_filter *f, int argc, char **argv, void *diag_user, int *status);

/* True once a write to standard output has failed: commands stop reading
 * then, since nothing more can be delivered. */
bool cli_output_failed(void);

/* Flushes standard output.  A failed write (a full disk, say) is reported
 * as "dyad COMMAND: error writing output: REASON" and gives EXIT_OUTPUT; a
 * reader that went away (EPIPE: `dyad code ... | head`) gives EXIT_OUTPUT
 * without a message, as a pipeline expects.  Returns status when all was
 * written. */
int cli_finish_output(const char *command, int status);
#endif
