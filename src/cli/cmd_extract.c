/* cmd_extract.c -- `dyad extract`: what the readers made of each input,
 * one document at a time, so that extraction from web pages and archives
 * can be checked on its own (and scored against benchmarks). */
#include "cli.h"
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

typedef struct extract_opts {
    bool json;
} extract_opts;

static void help(FILE *out)
{
    fprintf(out,
            "usage: dyad extract [options] [FILE|DIR|-]...\n\n"
            "Prints the text dyad reads from each document: for web pages and WARC\n"
            "archives the article (headline, blank line, paragraphs) without menus,\n"
            "advertisements, comments and related links.  Each document is headed\n"
            "by a line \"==> ID <==\"; with --json it is one JSON object a line:\n"
            "id, url, title, date, outlet, language, text.  Pages in every language\n"
            "are shown (dyad code skips non-English pages).\n\n"
            "options:\n"
            "  --input FORMAT   text, jsonl, tabari, petrarch, html or warc (default: detect)\n"
            "  --json           one JSON object per document\n"
            "  -q, --quiet      no notes or warnings, only errors\n"
            "  -h, --help       this help\n\n"
            "exit status: 0 all read, 1 some record or file skipped (or output\n"
            "could not be written), 2 usage error\n");
}

/* Writes a JSON string or null. */
static void json_field(const char *key, const char *s, bool *first)
{
    printf("%s\"%s\":", *first ? "" : ",", key);
    *first = false;
    if (s) dyad_json_string(stdout, s, strlen(s));
    else fputs("null", stdout);
}

static int print_document(const dyad_document *doc, void *user)
{
    const extract_opts *o = user;
    if (o->json) {
        bool first = true;
        putchar('{');
        json_field("id", doc->id, &first);
        json_field("url", doc->url, &first);
        json_field("title", doc->title, &first);
        json_field("date", doc->date[0] ? doc->date : NULL, &first);
        json_field("outlet", doc->source, &first);
        json_field("language", doc->language && doc->language[0] ? doc->language : NULL, &first);
        json_field("format", dyad_format_name(doc->format), &first);
        fputs(",\"text\":", stdout);
        dyad_json_string(stdout, doc->text, doc->len);
        fputs("}\n", stdout);
    } else {
        printf("==> %s <==\n", doc->id);
        fwrite(doc->text, 1, doc->len, stdout);
        if (doc->len && doc->text[doc->len - 1] != '\n') putchar('\n');
        putchar('\n');
    }
    /* Stop early when output is gone (a closed pipe, a full disk). */
    return ferror(stdout) ? -1 : 0;
}

int cmd_extract(int argc, char **argv)
{
    static const struct option LONG[] = {
        {"input", required_argument, NULL, 'i'},
        {"json", no_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    extract_opts o = {false};
    dyad_format format = DYAD_FORMAT_AUTO;
    cli_stats st = {0};
    st.all_languages = true;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "+qh", LONG, NULL)) != -1) {
        switch (c) {
        case 'i': {
            int f = dyad_format_from_name(optarg);
            if (f < 0) {
                fprintf(stderr, "dyad extract: unknown input format '%s' "
                                "(text, jsonl, tabari, petrarch, html, warc)\n", optarg);
                return EXIT_USAGE;
            }
            format = (dyad_format)f;
            break;
        }
        case 'j': o.json = true; break;
        case 'q': st.quiet = true; break;
        case 'h': help(stdout); return EXIT_OK;
        default:
            if (optopt == 'i')
                fprintf(stderr, "dyad extract: --input needs a value\n");
            else
                fprintf(stderr, "dyad extract: unknown option '%s' (see dyad extract --help)\n",
                        argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    int rc = cli_for_each_document(argv + optind, argc - optind, format, &st, print_document, &o);
    if (fflush(stdout) != 0 || ferror(stdout) || rc) {
        fprintf(stderr, "dyad extract: cannot write the output: %s\n", strerror(errno));
        return EXIT_SKIPPED;
    }
    if (!st.quiet && (st.passed_over || st.skipped || st.unreadable))
        fprintf(stderr, "dyad: %zu document(s), %zu WARC record(s) without a page passed over, "
                        "%zu record(s) skipped, %zu input(s) unreadable\n",
                st.documents, st.passed_over, st.skipped, st.unreadable);
    return st.skipped || st.unreadable ? EXIT_SKIPPED : EXIT_OK;
}
