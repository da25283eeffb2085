/* cmd_feeds.c -- `dyad feeds FEEDLIST`: reads RSS and Atom feeds, fetches
 * each new item's page, extracts its article and codes it into the event
 * store, remembering in the store what it has seen. */
#include "cli.h"
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A transient failure (a timeout, a 503) is tried again on later runs, up
 * to this many attempts in all; then the item counts as seen. */
#define ITEM_TRIES_MAX 3
/* A longer line of a feed list is no URL. */
#define LIST_LINE_MAX 4096

static void feeds_help(FILE *out)
{
    fprintf(out,
            "usage: dyad feeds FEEDLIST [options]\n\n"
            "Reads the RSS 2.0, RSS 1.0 and Atom feeds listed in FEEDLIST (one URL a\n"
            "line; blank lines and lines starting with # are ignored), fetches the\n"
            "page of every item not seen before, extracts its article as dyad\n"
            "extract does and codes it into the event store as dyad ingest does.\n"
            "The item's link is the document's id and url; its date and title are\n"
            "used when the page gives none.  Feeds are fetched with conditional\n"
            "requests (the ETag and Last-Modified of the last run): a feed that has\n"
            "not changed costs one short request.  What was seen is kept in the\n"
            "store (tables feeds and feed_items), so a rerun fetches only new items.\n"
            "A failed fetch (HTTP error, timeout, too large, not a web page) is\n"
            "reported with its URL and counted, and the run goes on; timeouts and\n"
            "server errors are tried again on later runs (3 attempts in all).\n\n"
            "options:\n"
            "  --db PATH          the store: a SQLite file or postgresql://...\n"
            "                     (default: $DYAD_DB, else ./dyad.db)\n"
            "  --delay SECONDS    between two requests to one host (default 1;\n"
            "                     fractions allowed; 0: none)\n"
            "  --max-items N      at most N new items per feed this run; the rest\n"
            "                     wait for the next (default: all)\n"
            "  --timeout SECONDS  for one request, connection included (default 30)\n"
            "  --max-bytes N      largest feed or page accepted (default 8388608)\n"
            "  --project FILE, --verbs FILE, --actors FILE (repeatable), --agents FILE,\n"
            "  --discards FILE, --options FILE, --no-default-dict\n"
            "                     dictionaries, as for dyad code\n"
            "  -q, --quiet        no summary, only errors\n"
            "  -h, --help         this help\n\n"
            "Requests name dyad and its version as the user agent, follow at most\n"
            "5 redirects and only to http and https URLs.\n\n"
            "exit status: 0 everything read, 1 a feed, item or line of FEEDLIST was\n"
            "skipped (each named on stderr) or the store failed, 2 usage error\n");
}

typedef struct feeds_ctx {
    dyad_store *store;
    dyad_fetcher *fetcher;
    dyad_pipeline *pipe;
    dyad_coder_work *work;
    cli_stats st;
    size_t max_items;
    size_t feeds_read, feeds_not_modified, feeds_failed;
    size_t items_new, items_seen, items_failed, items_later, items_skipped;
    size_t ingested, unchanged, events;
    size_t bad_lines, dict_errors;
    bool store_failed;
} feeds_ctx;

static bool mentions_html(const char *ctype)
{
    for (const char *p = ctype; *p; p++)
        if (strncasecmp(p, "html", 4) == 0) return true;
    return false;
}

static void fail_at(const char *url, const char *what, const char *why)
{
    fprintf(stderr, "dyad feeds: %s: error: %s%s%s\n", url, what, why ? ": " : "", why ? why : "");
}

/* An item's page, fetched, read and stored.  Returns the item's state;
 * *why says what went wrong (a static or fetcher-owned string). */
static dyad_item_state take_item(feeds_ctx *c, const dyad_feed_item *it, const char **why, char *whybuf,
                                 size_t whycap)
{
    dyad_fetch_result res;
    if (dyad_fetch(c->fetcher, it->link, NULL, NULL, &res)) {
        *why = res.error;
        return res.transient ? DYAD_ITEM_FAILED : DYAD_ITEM_REFUSED;
    }
    /* a server may still answer 304 to an unconditional GET; nothing to read */
    if (res.not_modified || res.len == 0) { *why = "empty response"; return DYAD_ITEM_REFUSED; }
    if (res.content_type && !mentions_html(res.content_type)) {
        snprintf(whybuf, whycap, "not a web page (Content-Type: %.100s)", res.content_type);
        *why = whybuf;
        return DYAD_ITEM_REFUSED;
    }
    dyad_reader *r = dyad_reader_open_memory(it->link, res.body, res.len, DYAD_FORMAT_HTML, cli_diag, &c->st);
    if (!r) { *why = "out of memory"; return DYAD_ITEM_FAILED; }
    dyad_reader_set_content_type(r, res.content_type);
    dyad_document doc;
    if (!dyad_reader_next(r, &doc)) {
        *why = dyad_reader_other_language(r) ? "the page is not in English" : "no article text in the page";
        dyad_reader_close(r);
        return DYAD_ITEM_REFUSED;
    }
    dyad_document d = doc;
    d.id = it->link;
    d.url = it->link;
    if (!d.date[0]) memcpy(d.date, it->date, sizeof d.date);
    if (!d.title || !*d.title) d.title = it->title;
    dyad_item_state state = DYAD_ITEM_STORED;
    int known = dyad_store_check(c->store, &d);
    if (known < 0) { c->store_failed = true; *why = "the store failed"; state = DYAD_ITEM_FAILED; }
    else if (known == DYAD_DOC_SAME) c->unchanged++;
    else {
        dyad_analysis a;
        const dyad_event *ev;
        size_t n;
        dyad_store_result sr;
        if (dyad_analyze(c->pipe, &d, &a) || dyad_code(c->work, &a, &ev, &n)) {
            *why = "out of memory coding the page";
            state = DYAD_ITEM_FAILED;
        } else if (dyad_store_put(c->store, &a, ev, n, &sr)) {
            c->store_failed = true;
            *why = "the store failed";
            state = DYAD_ITEM_FAILED;
        } else {
            c->ingested++;
            c->events += sr.events;
        }
    }
    dyad_reader_close(r);
    return state;
}

/* The key an item is remembered by.  URLs, URNs and tag: URIs are unique
 * by construction, so a story listed in two feeds is fetched once; other
 * ids ("1234", "story-7") are unique only within their feed, so they are
 * qualified by it.  NULL when memory ran out. */
static char *item_key(const char *feed, const char *id)
{
    bool global = strstr(id, "://") || strncasecmp(id, "urn:", 4) == 0 || strncasecmp(id, "tag:", 4) == 0;
    size_t n = (global ? 0 : strlen(feed) + 1) + strlen(id) + 1;
    char *k = malloc(n);
    if (!k) return NULL;
    if (global) memcpy(k, id, n);
    else snprintf(k, n, "%s#%s", feed, id);
    return k;
}

static void one_feed(feeds_ctx *c, const char *url)
{
    char *old_etag = NULL, *old_lm = NULL;
    if (dyad_store_feed_get(c->store, url, &old_etag, &old_lm) < 0) { c->store_failed = true; return; }
    dyad_fetch_result res;
    char *etag = NULL, *lm = NULL, *final = NULL;
    dyad_feed *feed = NULL;
    if (dyad_fetch(c->fetcher, url, old_etag, old_lm, &res)) {
        fail_at(url, "feed not fetched", res.error);
        c->feeds_failed++;
        if (dyad_store_feed_put(c->store, url, NULL, NULL, res.status, res.error)) c->store_failed = true;
        goto done;
    }
    if (res.not_modified) {
        c->feeds_not_modified++;
        if (dyad_store_feed_put(c->store, url, old_etag, old_lm, res.status, NULL)) c->store_failed = true;
        goto done;
    }
    long status = res.status;
    /* the page fetches below reuse the fetcher's buffers */
    etag = res.etag ? strdup(res.etag) : NULL;
    lm = res.last_modified ? strdup(res.last_modified) : NULL;
    final = strdup(res.url ? res.url : url);
    if ((res.etag && !etag) || (res.last_modified && !lm) || !final) {
        fail_at(url, "out of memory", NULL);
        c->feeds_failed++;
        goto done;
    }
    feed = dyad_feed_parse(url, res.body, res.len, final, cli_diag, &c->st);
    if (!feed) {
        c->feeds_failed++;
        if (dyad_store_feed_put(c->store, url, NULL, NULL, status, "not a readable feed")) c->store_failed = true;
        goto done;
    }
    c->feeds_read++;
    c->items_skipped += dyad_feed_skipped(feed);
    const dyad_feed_item *items;
    size_t n = dyad_feed_items(feed, &items), taken = 0;
    bool complete = true; /* every item dealt with for good */
    for (size_t i = 0; i < n && !c->store_failed; i++) {
        const dyad_feed_item *it = &items[i];
        int tries = 0;
        char *key = item_key(url, it->id);
        if (!key) { fail_at(url, "out of memory", NULL); c->feeds_failed++; break; }
        int state = dyad_store_item_get(c->store, key, &tries);
        if (state < 0) { c->store_failed = true; free(key); break; }
        if (state == DYAD_ITEM_STORED || state == DYAD_ITEM_REFUSED ||
            (state == DYAD_ITEM_FAILED && tries >= ITEM_TRIES_MAX)) {
            c->items_seen++;
            free(key);
            continue;
        }
        if (c->max_items && taken == c->max_items) {
            c->items_later++;
            complete = false;
            free(key);
            continue;
        }
        taken++;
        c->items_new++;
        const char *why = NULL;
        char whybuf[160];
        dyad_item_state got = take_item(c, it, &why, whybuf, sizeof whybuf);
        if (got != DYAD_ITEM_STORED) {
            c->items_failed++;
            fprintf(stderr, "dyad feeds: %s: error: item skipped: %s (feed %s, line %zu)\n", it->link,
                    why ? why : "failed", url, it->line);
            if (got == DYAD_ITEM_FAILED && tries + 1 < ITEM_TRIES_MAX) complete = false;
        }
        if (!c->store_failed &&
            dyad_store_item_put(c->store, key, url, it->link, got, got == DYAD_ITEM_STORED ? NULL : why))
            c->store_failed = true;
        free(key);
        if (c->store_failed) break;
    }
    /* The feed's new validators only when nothing is left to do: otherwise
     * the next run would get a 304 and never see the items left. */
    if (!c->store_failed &&
        dyad_store_feed_put(c->store, url, complete ? etag : old_etag, complete ? lm : old_lm, status, NULL))
        c->store_failed = true;
    /* each feed commits whole, items and validators together */
    if (!c->store_failed && dyad_store_commit(c->store)) c->store_failed = true;
done:
    dyad_feed_free(feed);
    free(etag);
    free(lm);
    free(final);
    dyad_free(old_etag);
    dyad_free(old_lm);
}

/* A URL from a line of the feed list: trimmed; NULL for blanks and
 * comments. */
static char *list_url(char *line)
{
    line[strcspn(line, "\r\n")] = '\0';
    while (*line == ' ' || *line == '\t') line++;
    size_t n = strlen(line);
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t')) line[--n] = '\0';
    return *line && *line != '#' ? line : NULL;
}

static bool parse_seconds(const char *s, double max, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= 0 && v <= max)) return false;
    *out = v;
    return true;
}

static bool parse_count(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    if (*s == '-' || *s == '+') return false;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end) return false;
    *out = (size_t)v;
    return true;
}

/* Dictionary diagnostics: printed, and errors counted for the exit status. */
static void dict_diag(const dyad_diag *d, void *user)
{
    feeds_ctx *c = user;
    if (d->severity == DYAD_ERROR) c->dict_errors++;
    cli_diag(d, &c->st);
}

int cmd_feeds(int argc, char **argv)
{
    enum { O_DB = 1000, O_DELAY, O_MAX_ITEMS, O_TIMEOUT, O_MAX_BYTES, O_PROJECT, O_VERBS, O_ACTORS,
           O_AGENTS, O_DISCARDS, O_OPTIONS, O_NODEFAULT };
    static const struct option longopts[] = {
        {"db", required_argument, NULL, O_DB},           {"delay", required_argument, NULL, O_DELAY},
        {"max-items", required_argument, NULL, O_MAX_ITEMS}, {"timeout", required_argument, NULL, O_TIMEOUT},
        {"max-bytes", required_argument, NULL, O_MAX_BYTES}, {"quiet", no_argument, NULL, 'q'},
        {"project", required_argument, NULL, O_PROJECT}, {"verbs", required_argument, NULL, O_VERBS},
        {"actors", required_argument, NULL, O_ACTORS},   {"agents", required_argument, NULL, O_AGENTS},
        {"discards", required_argument, NULL, O_DISCARDS}, {"options", required_argument, NULL, O_OPTIONS},
        {"no-default-dict", no_argument, NULL, O_NODEFAULT},
        {"help", no_argument, NULL, 'h'},                {NULL, 0, NULL, 0}};
    const char *db = NULL, *list = NULL;
    double delay = 1.0, timeout = 30.0;
    size_t max_bytes = 0;
    feeds_ctx c;
    memset(&c, 0, sizeof c);
    dyad_coder_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.builtin = 1;
    dyad_coder *coder = NULL;
    FILE *lf = NULL;
    char *did = NULL;
    int rc = EXIT_USAGE, opt;
    /* argc bounds the number of --actors */
    const char **actors = calloc((size_t)argc + 1, sizeof *actors);
    if (!actors) { fprintf(stderr, "dyad feeds: out of memory\n"); return EXIT_SKIPPED; }
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":qh", longopts, NULL)) != -1) {
        switch (opt) {
        case O_DB: db = optarg; break;
        case O_DELAY:
            if (!parse_seconds(optarg, 3600, &delay)) {
                fprintf(stderr, "dyad feeds: --delay wants seconds (0 to 3600), not '%s'\n", optarg);
                goto done;
            }
            break;
        case O_TIMEOUT:
            if (!parse_seconds(optarg, 3600, &timeout) || timeout < 0.001) {
                fprintf(stderr, "dyad feeds: --timeout wants seconds (0.001 to 3600), not '%s'\n", optarg);
                goto done;
            }
            break;
        case O_MAX_ITEMS:
            if (!parse_count(optarg, &c.max_items) || c.max_items == 0) {
                fprintf(stderr, "dyad feeds: --max-items wants a positive number, not '%s'\n", optarg);
                goto done;
            }
            break;
        case O_MAX_BYTES:
            if (!parse_count(optarg, &max_bytes) || max_bytes == 0 || max_bytes > DYAD_FEED_MAX_BYTES) {
                fprintf(stderr, "dyad feeds: --max-bytes wants 1 to %zu, not '%s'\n", DYAD_FEED_MAX_BYTES, optarg);
                goto done;
            }
            break;
        case O_PROJECT: cfg.project = optarg; break;
        case O_VERBS: cfg.verbs = optarg; break;
        case O_ACTORS: actors[cfg.nactors++] = optarg; break;
        case O_AGENTS: cfg.agents = optarg; break;
        case O_DISCARDS: cfg.discards = optarg; break;
        case O_OPTIONS: cfg.options = optarg; break;
        case O_NODEFAULT: cfg.builtin = 0; break;
        case 'q': c.st.quiet = true; break;
        case 'h':
            feeds_help(stdout);
            rc = cli_finish_output("feeds", EXIT_OK);
            goto done;
        case ':': fprintf(stderr, "dyad feeds: %s needs a value\n", argv[optind - 1]); goto done;
        default:
            fprintf(stderr, "dyad feeds: unknown option '%s'\n\n", argv[optind - 1]);
            feeds_help(stderr);
            goto done;
        }
    }
    if (argc - optind != 1) {
        fprintf(stderr, "dyad feeds: one FEEDLIST wanted (a file of feed URLs, one a line)\n\n");
        feeds_help(stderr);
        goto done;
    }
    if (!cfg.builtin && !cfg.project && !cfg.verbs) {
        fprintf(stderr, "dyad feeds: --no-default-dict and no verbs dictionary (--verbs FILE or --project FILE)\n");
        goto done;
    }
    rc = EXIT_SKIPPED;
    list = argv[optind];
    lf = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (!lf) {
        fprintf(stderr, "dyad feeds: %s: %s\n", list, strerror(errno));
        goto done;
    }
    db = cli_store_path(db);
    cfg.actors = actors;
    cfg.diag = dict_diag;
    cfg.user = &c;
    dyad_fetch_options fo;
    memset(&fo, 0, sizeof fo);
    fo.timeout_ms = (long)(timeout * 1000.0 + 0.5);
    fo.connect_timeout_ms = fo.timeout_ms < 10000 ? fo.timeout_ms : 10000;
    fo.max_bytes = max_bytes;
    fo.host_delay_ms = (long)(delay * 1000.0 + 0.5);
    c.store = dyad_store_open(db, DYAD_STORE_CREATE, cli_diag, &c.st);
    if (!c.store) goto done;
    coder = dyad_coder_new(&cfg);
    if (!coder) goto done; /* the dictionaries said why */
    c.pipe = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    c.work = dyad_coder_work_new(coder, NULL);
    c.fetcher = dyad_fetcher_new(&fo);
    did = cli_dict_id(&cfg);
    if (!c.pipe || !c.work || !c.fetcher || !did) {
        fprintf(stderr, "dyad feeds: out of memory (or libcurl could not start)\n");
        goto done;
    }
    if (dyad_store_run_begin(c.store, "feeds", list, did)) goto done;
    char line[LIST_LINE_MAX];
    size_t lineno = 0;
    while (!c.store_failed && fgets(line, sizeof line, lf)) {
        lineno++;
        if (!strchr(line, '\n') && !feof(lf)) {
            fprintf(stderr, "dyad feeds: %s:%zu: error: line longer than %d bytes, skipped\n", list, lineno,
                    LIST_LINE_MAX - 1);
            c.bad_lines++;
            int ch;
            while ((ch = fgetc(lf)) != EOF && ch != '\n') {}
            continue;
        }
        char *url = list_url(line);
        if (!url) continue;
        if (strncasecmp(url, "http://", 7) != 0 && strncasecmp(url, "https://", 8) != 0) {
            fprintf(stderr, "dyad feeds: %s:%zu: error: not an http(s) URL, skipped: %.200s\n", list, lineno, url);
            c.bad_lines++;
            continue;
        }
        one_feed(&c, url);
    }
    if (ferror(lf)) {
        fprintf(stderr, "dyad feeds: %s: read error\n", list);
        c.bad_lines++;
    }
    if (c.store_failed) goto done;
    if (dyad_store_run_end(c.store, c.items_new, c.items_failed, c.ingested)) goto done;
    int close_rc = dyad_store_close(c.store);
    c.store = NULL;
    if (close_rc) goto done;
    if (!c.st.quiet) {
        fprintf(stderr,
                "dyad feeds: feeds: %zu read, %zu not modified, %zu failed; items: %zu new, %zu seen, "
                "%zu failed",
                c.feeds_read, c.feeds_not_modified, c.feeds_failed, c.items_new, c.items_seen,
                c.items_failed + c.items_skipped);
        if (c.items_later) fprintf(stderr, ", %zu left for the next run", c.items_later);
        fprintf(stderr, "; %zu document(s) ingested", c.ingested);
        if (c.unchanged) fprintf(stderr, " (%zu already stored)", c.unchanged);
        fprintf(stderr, ", %zu event(s)\n", c.events);
    }
    rc = (c.feeds_failed || c.items_failed || c.items_skipped || c.bad_lines || c.dict_errors) ? EXIT_SKIPPED
                                                                                                : EXIT_OK;
done:
    if (lf && lf != stdin) fclose(lf);
    dyad_store_close(c.store);
    dyad_fetcher_free(c.fetcher);
    dyad_pipeline_free(c.pipe);
    dyad_coder_work_free(c.work);
    dyad_coder_free(coder);
    free(did);
    free(actors);
    return rc;
}
