/* filters.c -- what the store commands share: the store a command opens
 * ($DYAD_DB), and the event filters that dyad query, trend and alerts share
 * (a dyad_query's dyad, actor, dates and copy rules), parsed and checked
 * in one place so that the three commands accept and refuse alike. */
#include "cli.h"

#include <stdio.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

const char *cli_store_path(const char *given)
{
    if (given) return given;
    const char *env = getenv("DYAD_DB");
    return env && *env ? env : "dyad.db";
}

int cli_option_other(const char *cmd, int c, char *const *argv, void (*help)(FILE *))
{
    if (c == 'h') {
        help(stdout);
        return EXIT_OK;
    }
    if (c == ':') {
        fprintf(stderr, "%s: %s needs a value\n", cmd, argv[optind - 1]);
        return EXIT_USAGE;
    }
    fprintf(stderr, "%s: unknown option '%s'\n\n", cmd, argv[optind - 1]);
    help(stderr);
    return EXIT_USAGE;
}

int cli_no_operands(const char *cmd, int argc, char *const *argv)
{
    if (optind >= argc) return 0;
    fprintf(stderr, "%s: unexpected argument '%s'\n", cmd, argv[optind]);
    return 1;
}

int cli_next_option(cli_filter *f, int argc, char **argv, const struct option *longopts)
{
    if (!f->started) {
        f->started = true;
        optind = 1;
        opterr = 0;
    }
    for (;;) {
        int opt = getopt_long(argc, argv, ":h", longopts, NULL);
        if (opt == -1) return -1;
        int fr = cli_filter_option(f, opt, optarg);
        if (fr < 0) return CLI_BAD_FILTER;
        if (fr == 0) return opt;
    }
}

int cli_filter_option(cli_filter *f, int opt, const char *arg)
{
    dyad_query *q = f->q;
    switch (opt) {
    case CLI_F_DB: f->db = arg; return 1;
    case CLI_F_DYAD: {
        /* dyad query may leave a side open ("RUS," is RUS to anyone). */
        const char *comma = strchr(arg, ',');
        if (!comma || strlen(arg) >= sizeof f->dyad ||
            (!f->open_sides && (comma == arg || !comma[1]))) {
            fprintf(stderr, "dyad %s: --dyad wants SOURCE,TARGET (e.g. RUS,UKR)\n", f->cmd);
            return -1;
        }
        snprintf(f->dyad, sizeof f->dyad, "%s", arg);
        f->dyad[comma - arg] = 0;
        q->source = f->dyad[0] ? f->dyad : NULL;
        q->target = comma[1] ? f->dyad + (comma - arg) + 1 : NULL;
        if (!q->source && !q->target) {
            fprintf(stderr, "dyad %s: --dyad wants SOURCE,TARGET (e.g. RUS,UKR)\n", f->cmd);
            return -1;
        }
        return 1;
    }
    case CLI_F_BOTH: q->both = 1; return 1;
    case CLI_F_ACTOR: q->actor = arg; return 1;
    case CLI_F_FROM:
    case CLI_F_TO:
        if (!cli_valid_date(arg)) {
            fprintf(stderr, "dyad %s: --from and --to want a day that exists, YYYY-MM-DD\n", f->cmd);
            return -1;
        }
        if (opt == CLI_F_FROM) q->from = arg;
        else q->to = arg;
        return 1;
    case CLI_F_UNIQUE: q->unique = 1; return 1;
    case CLI_F_COPIES: q->copies = 1; return 1;
    default: return 0;
    }
}

int cli_filter_check(const cli_filter *f)
{
    const dyad_query *q = f->q;
    if (q->both && !q->source && !q->target) {
        fprintf(stderr, "dyad %s: --both goes with --dyad\n", f->cmd);
        return -1;
    }
    if (q->from && q->to && strcmp(q->from, q->to) > 0) {
        fprintf(stderr, "dyad %s: --from is after --to\n", f->cmd);
        return -1;
    }
    return 0;
}

dyad_store *cli_open_reader(const cli_filter *f, int argc, char **argv, void *diag_user, int *status)
{
    char cmd[64];
    snprintf(cmd, sizeof cmd, "dyad %s", f->cmd);
    *status = EXIT_USAGE;
    if (cli_no_operands(cmd, argc, argv) || cli_filter_check(f)) return NULL;
    dyad_store *store = dyad_store_open(cli_store_path(f->db), DYAD_STORE_READONLY, cli_diag, diag_user);
    if (!store) *status = EXIT_SKIPPED;
    return store;
}
