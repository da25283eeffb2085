/* cmd_serve.c -- `dyad serve`: the web view and JSON API over a store
 * (the server itself is the library's dyad_server_*). */
#include "cli.h"
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

static void serve_help(FILE *out)
{
    fprintf(out,
            "usage: dyad serve [options] [STORE]\n\n"
            "Serves the event store read-only over HTTP: a web view (dyad picker,\n"
            "timeline, alerts, events with their evidence, map, most active pairs)\n"
            "at / and the JSON API of docs/api.md under /api/.  Runs until\n"
            "interrupted (SIGINT, SIGTERM).\n\n"
            "options:\n"
            "  --db PATH          the store (or STORE): a SQLite file or postgresql://...\n"
            "                     (default: $DYAD_DB, else ./dyad.db)\n"
            "  --bind ADDR        address to listen on (default 127.0.0.1: this\n"
            "                     machine only; 0.0.0.0 or :: for every interface)\n"
            "  --port N           port (default 8080; 0: any free port, printed)\n"
            "  --threads N        worker threads, each with its own store handle\n"
            "                     (default 2)\n"
            "  --max-connections N  open connections at most (default 512)\n"
            "  --timeout S        an idle connection is closed after S seconds\n"
            "                     (default 10)\n"
            "  --query-ms MS      a query is stopped after MS milliseconds and\n"
            "                     answered 503 (default 2000)\n"
            "  --no-cache         compute every answer (no per-thread answer cache)\n"
            "  -h, --help         this help\n\n"
            "exit status: 0 after an interrupt, 1 when the store cannot be opened\n"
            "or the port cannot be bound, 2 usage error\n");
}

/* A whole decimal number in [lo, hi]. */
static bool number(const char *s, unsigned long lo, unsigned long hi, unsigned *out)
{
    char *end;
    if (!*s || *s == '-') return false;
    unsigned long v = strtoul(s, &end, 10);
    if (*end || v < lo || v > hi) return false;
    *out = (unsigned)v;
    return true;
}

int cmd_serve(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},      {"bind", required_argument, NULL, 'b'},
        {"port", required_argument, NULL, 'p'},    {"threads", required_argument, NULL, 't'},
        {"max-connections", required_argument, NULL, 'c'},
        {"timeout", required_argument, NULL, 'T'}, {"query-ms", required_argument, NULL, 'Q'},
        {"no-cache", no_argument, NULL, 'N'},      {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    dyad_serve_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.port = 8080;
    int c, li = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, &li)) != -1) {
        bool ok = true;
        switch (c) {
        case 'd': cfg.db = optarg; break;
        case 'b': cfg.bind = optarg; break;
        case 'p': ok = number(optarg, 0, 65535, &cfg.port); break;
        case 't': ok = number(optarg, 1, 64, &cfg.threads); break;
        case 'c': ok = number(optarg, 1, 65536, &cfg.max_connections); break;
        case 'T': ok = number(optarg, 1, 3600, &cfg.timeout_s); break;
        case 'Q': ok = number(optarg, 1, 600000, &cfg.query_ms); break;
        case 'N': cfg.no_cache = 1; break;
        case 'h': serve_help(stdout); return EXIT_OK;
        default:
            fprintf(stderr, "dyad serve: unknown option or missing value: %s\n\n", argv[optind - 1]);
            serve_help(stderr);
            return EXIT_USAGE;
        }
        if (!ok) {
            fprintf(stderr, "dyad serve: bad value '%s' for --%s\n", optarg, opts[li].name);
            return EXIT_USAGE;
        }
    }
    /* `dyad serve demo.db`: one store may also be named without --db. */
    if (optind + 1 == argc && !cfg.db) cfg.db = argv[optind++];
    if (optind < argc) {
        fprintf(stderr, "dyad serve: one store at a time (--db PATH, or PATH)\n");
        return EXIT_USAGE;
    }
    cfg.db = cli_store_path(cfg.db);
    /* The signals are taken synchronously by this thread; the server's
     * threads inherit the mask, so none of them is interrupted. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    cli_stats st;
    memset(&st, 0, sizeof st);
    dyad_server *srv = dyad_server_start(&cfg, cli_diag, &st);
    if (!srv) return 1;
    const char *bind = cfg.bind ? cfg.bind : "127.0.0.1";
    bool v6 = strchr(bind, ':') != NULL;
    printf("dyad serve: http://%s%s%s:%u/ (store %s, read-only)\n", v6 ? "[" : "", bind, v6 ? "]" : "",
           dyad_server_port(srv), cfg.db);
    fflush(stdout);
    int sig;
    sigwait(&set, &sig);
    dyad_server_stop(srv);
    return EXIT_OK;
}
