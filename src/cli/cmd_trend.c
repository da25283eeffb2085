/* cmd_trend.c -- `dyad trend` (a dyad's or an actor's events period by
 * period, as CSV, JSON or an SVG chart) and `dyad alerts` (escalation and
 * de-escalation of every dyad). */
#include "cli.h"
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* A partial series must not pass for a whole one: a failed write (a full
 * disk, a closed pipe) is an error. */
static int output_ok(const char *cmd, FILE *f, const char *name)
{
    if (fflush(f) != 0 || ferror(f)) {
        fprintf(stderr, "dyad %s: error writing %s: %s\n", cmd, name, strerror(errno ? errno : EIO));
        return 0;
    }
    return 1;
}

/* ---- dyad trend --------------------------------------------------------------- */

/* An alert's actor block (RUS, IGOWSTNAT) and an actor code given on the
 * command line name the same actor when one begins with the other. */
static bool same_actor(const char *block, const char *code)
{
    size_t a = strlen(block), b = strlen(code);
    return strncmp(block, code, a < b ? a : b) == 0;
}

/* Keeps the alerts of the trend's dyad or actor: they were found over
 * every dyad, as dyad alerts finds them, so that the chart and the
 * alerts agree. */
static void keep_alerts_of(dyad_alerts *al, const dyad_query *q)
{
    size_t m = 0;
    for (size_t i = 0; i < al->n; i++) {
        const dyad_alert *a = &al->alerts[i];
        bool keep = q->actor ? same_actor(a->a, q->actor) || same_actor(a->b, q->actor)
                             : (same_actor(a->a, q->source) && same_actor(a->b, q->target)) ||
                                   (same_actor(a->a, q->target) && same_actor(a->b, q->source));
        if (keep) {
            dyad_alert t = al->alerts[m];
            al->alerts[m++] = *a;
            al->alerts[i] = t;
        }
    }
    /* the rest stay allocated past n only to be freed */
    for (size_t i = m; i < al->n; i++) {
        for (size_t k = 0; k < al->alerts[i].nevidence; k++) {
            free(al->alerts[i].evidence[k].doc);
            free(al->alerts[i].evidence[k].sentence);
        }
        free(al->alerts[i].evidence);
        al->alerts[i].evidence = NULL;
        al->alerts[i].nevidence = 0;
    }
    al->n = m;
}

static void trend_help(FILE *out)
{
    fprintf(out,
            "usage: dyad trend [--db PATH] (--dyad A,B [--both] | --actor A) [options]\n\n"
            "The stored events of a dyad or an actor period by period: events per\n"
            "quad class and per CAMEO root, the Goldstein score's sum and mean, the\n"
            "conflict share ((quad 3 + quad 4) / events) and net cooperation\n"
            "(quad 1 + quad 2 - quad 3 - quad 4).  Every period from the first to\n"
            "the last is written, empty ones with zeros.  Actor codes match by\n"
            "prefix (RUS matches RUSGOV, RUSMIL).\n\n"
            "options:\n"
            CLI_HELP_DB
            "  --dyad A,B       events of source A to target B\n"
            "  --both           with --dyad: also B to A\n"
            "  --actor A        events with A as source or target\n"
            "  --by P           day, week (ISO, from Monday) or month (default)\n"
            "  --from D, --to D the series' first and last day, YYYY-MM-DD\n"
            CLI_HELP_UNIQUE_COPIES
            "  --output F       csv (default: a header row, then one period a row)\n"
            "                   or json (one object a line)\n"
            "  --svg FILE       also draw the series as an SVG chart: quad classes\n"
            "                   stacked, the mean Goldstein score as a line, and the\n"
            "                   dyad's alerts (dyad alerts) marked; FILE - writes the\n"
            "                   chart to standard output instead of the series\n"
            CLI_HELP_END_READER);
}

int cmd_trend(int argc, char **argv)
{
    enum { O_BY = 1000, O_OUTPUT, O_SVG };
    static const struct option longopts[] = {
        CLI_READER_LONGOPTS,
        {"dyad", required_argument, NULL, CLI_F_DYAD}, {"both", no_argument, NULL, CLI_F_BOTH},
        {"by", required_argument, NULL, O_BY},         {"output", required_argument, NULL, O_OUTPUT},
        {"svg", required_argument, NULL, O_SVG},       {NULL, 0, NULL, 0}};
    dyad_query q;
    memset(&q, 0, sizeof q);
    const char *svg = NULL;
    dyad_trend_by by = DYAD_BY_MONTH;
    dyad_series_format format = DYAD_SERIES_CSV;
    cli_filter filter = {"trend", &q, false, {0}, false, NULL};
    int opt;
    cli_stats st = {0};
    while ((opt = cli_next_option(&filter, argc, argv, longopts)) != -1) {
        if (opt == CLI_BAD_FILTER) return EXIT_USAGE;
        switch (opt) {
        case O_BY: {
            int b = dyad_trend_by_from_name(optarg);
            if (b < 0) { fprintf(stderr, "dyad trend: --by wants day, week or month\n"); return EXIT_USAGE; }
            by = (dyad_trend_by)b;
            break;
        }
        case O_OUTPUT:
            if (strcmp(optarg, "csv") == 0) format = DYAD_SERIES_CSV;
            else if (strcmp(optarg, "json") == 0) format = DYAD_SERIES_JSON;
            else { fprintf(stderr, "dyad trend: unknown output format '%s' (csv, json)\n", optarg); return EXIT_USAGE; }
            break;
        case O_SVG: svg = optarg; break;
        default: return cli_option_other("dyad trend", opt, argv, trend_help);
        }
    }
    if (cli_no_operands("dyad trend", argc, argv)) return EXIT_USAGE;
    if (!q.source == !q.actor) { fprintf(stderr, "dyad trend: give --dyad A,B or --actor A\n"); return EXIT_USAGE; }
    if (cli_filter_check(&filter)) return EXIT_USAGE;
    dyad_store *store = dyad_store_open(cli_store_path(filter.db), DYAD_STORE_READONLY, cli_diag, &st);
    if (!store) return EXIT_SKIPPED;
    dyad_trend t;
    dyad_alerts al;
    memset(&al, 0, sizeof al);
    int rc = dyad_trend_compute(store, &q, by, &t);
    if (!rc && svg) {
        dyad_query aq;
        memset(&aq, 0, sizeof aq);
        aq.from = q.from;
        aq.to = q.to;
        aq.unique = q.unique;
        aq.copies = q.copies;
        rc = dyad_alerts_detect(store, &aq, NULL, &al);
        if (!rc) keep_alerts_of(&al, &q);
    }
    dyad_store_close(store);
    if (rc) { dyad_trend_free(&t); return EXIT_SKIPPED; }
    int status = EXIT_OK;
    if (svg) {
        FILE *f = strcmp(svg, "-") == 0 ? stdout : fopen(svg, "w");
        if (!f) {
            /* nothing on standard output either: a script that checks the
             * status should not also have to throw away half a result */
            fprintf(stderr, "dyad trend: %s: %s\n", svg, strerror(errno));
            dyad_trend_free(&t);
            dyad_alerts_free(&al);
            return EXIT_SKIPPED;
        } else {
            char title[120];
            if (q.source)
                snprintf(title, sizeof title, "%s %s %s, events by %s", q.source, q.both ? "-" : "->", q.target,
                         dyad_trend_by_name(by));
            else
                snprintf(title, sizeof title, "%s, events by %s", q.actor, dyad_trend_by_name(by));
            int w = dyad_trend_svg(&t, &al, title, f);
            if (w || !output_ok("trend", f, svg)) status = EXIT_SKIPPED;
            if (f != stdout && fclose(f) != 0) {
                fprintf(stderr, "dyad trend: error writing %s: %s\n", svg, strerror(errno));
                status = EXIT_SKIPPED;
            }
        }
    }
    if (!svg || strcmp(svg, "-") != 0) {
        int w = dyad_trend_write(&t, format, stdout);
        if (!output_ok("trend", stdout, "the output") || w) status = EXIT_SKIPPED;
    }
    dyad_trend_free(&t);
    dyad_alerts_free(&al);
    return status;
}

/* ---- dyad alerts -------------------------------------------------------------- */

static void alerts_help(FILE *out)
{
    fprintf(out,
            "usage: dyad alerts [--db PATH] [--from D --to D] [options]\n\n"
            "Escalations and de-escalations of every dyad: days from which the\n"
            "share of conflict events (verbal and material, quad 3 and 4) among a\n"
            "dyad's events rose or fell beyond its trailing baseline (a CUSUM of\n"
            "the binomial log-likelihood ratio; docs/trends.md).  A burst of\n"
            "coverage with the usual mix does not alarm, nor do a few events of a\n"
            "small dyad.  Dyads are pairs of countries (RUSGOV and RUSMIL count as\n"
            "RUS) or of organisations, both ways.  Each alert gives the change's\n"
            "first day, its alarm day, the share against the baseline, a\n"
            "confidence, and the events that drove it with their sentences.\n\n"
            "options:\n"
            CLI_HELP_DB
            "  --from D, --to D alarms from/to YYYY-MM-DD (earlier days serve as\n"
            "                   the baseline)\n"
            "  --actor A        only dyads with actor A\n"
            CLI_HELP_UNIQUE_COPIES
            "  --threshold H    the CUSUM threshold (default 7; higher: fewer alerts)\n"
            "  --evidence N     events quoted per alert (default 5)\n"
            "  --output F       text (default), csv or json (one object a line)\n"
            CLI_HELP_END_READER);
}

int cmd_alerts(int argc, char **argv)
{
    enum { O_THRESHOLD = 1000, O_EVIDENCE, O_OUTPUT };
    static const struct option longopts[] = {
        CLI_READER_LONGOPTS,
        {"threshold", required_argument, NULL, O_THRESHOLD},
        {"evidence", required_argument, NULL, O_EVIDENCE},
        {"output", required_argument, NULL, O_OUTPUT}, {NULL, 0, NULL, 0}};
    dyad_query q;
    memset(&q, 0, sizeof q);
    dyad_alert_params p;
    dyad_alert_defaults(&p);
    dyad_series_format format = DYAD_SERIES_TEXT;
    cli_filter filter = {"alerts", &q, false, {0}, false, NULL};
    int opt;
    char *end;
    cli_stats st = {0};
    while ((opt = cli_next_option(&filter, argc, argv, longopts)) != -1) {
        if (opt == CLI_BAD_FILTER) return EXIT_USAGE;
        switch (opt) {
        case O_THRESHOLD:
            p.threshold = strtod(optarg, &end);
            if (!*optarg || *end || !(p.threshold > 0 && p.threshold <= 1e6)) {
                fprintf(stderr, "dyad alerts: --threshold wants a positive number\n");
                return EXIT_USAGE;
            }
            break;
        case O_EVIDENCE: {
            long v = strtol(optarg, &end, 10);
            if (!*optarg || *end || v < 0 || v > 100) { fprintf(stderr, "dyad alerts: --evidence wants 0..100\n"); return EXIT_USAGE; }
            p.max_evidence = (int)v;
            break;
        }
        case O_OUTPUT:
            if (strcmp(optarg, "text") == 0) format = DYAD_SERIES_TEXT;
            else if (strcmp(optarg, "csv") == 0) format = DYAD_SERIES_CSV;
            else if (strcmp(optarg, "json") == 0) format = DYAD_SERIES_JSON;
            else { fprintf(stderr, "dyad alerts: unknown output format '%s' (text, csv, json)\n", optarg); return EXIT_USAGE; }
            break;
        default: return cli_option_other("dyad alerts", opt, argv, alerts_help);
        }
    }
    int status;
    dyad_store *store = cli_open_reader(&filter, argc, argv, &st, &status);
    if (!store) return status;
    dyad_alerts al;
    int rc = dyad_alerts_detect(store, &q, &p, &al);
    dyad_store_close(store);
    if (rc) return EXIT_SKIPPED;
    status = EXIT_OK;
    int w = dyad_alerts_write(&al, format, stdout);
    if (!output_ok("alerts", stdout, "the output") || w) status = EXIT_SKIPPED;
    dyad_alerts_free(&al);
    return status;
}
