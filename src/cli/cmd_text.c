/* cmd_text.c -- `dyad sentences`, `dyad tag`, `dyad chunk`: the text
 * pipeline's views, for people checking what dyad sees and for tests. */
#include "cli.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

typedef struct view {
    dyad_pipeline *pipeline;
    void (*render)(FILE *, const dyad_analysis *, unsigned);
    unsigned flags;
    const char *date; /* --date: publication date for documents without one */
    size_t failed;
    bool quotes;      /* `dyad quotes` rather than a view of the analysis */
} view;

static int render_document(const dyad_document *doc, void *user)
{
    view *v = user;
    dyad_document d = *doc;
    if (v->date && !d.date[0]) memcpy(d.date, v->date, 11);
    dyad_analysis a;
    if (dyad_analyze(v->pipeline, &d, &a)) {
        fprintf(stderr, "dyad: %s:%zu: error: out of memory analysing record %s\n",
                doc->file, doc->line, doc->id);
        v->failed++;
        return 0;
    }
    if (a.repaired_bytes)
        fprintf(stderr, "dyad: %s:%zu: warning: %zu invalid UTF-8 byte(s) replaced by U+FFFD [record %s]\n",
                doc->file, doc->line, a.repaired_bytes, doc->id);
    if (v->quotes) {
        const dyad_quote *q;
        long n = dyad_find_quotes(v->pipeline, &a, &q);
        if (n < 0) {
            fprintf(stderr, "dyad: %s:%zu: error: out of memory finding quotes in record %s\n",
                    doc->file, doc->line, doc->id);
            v->failed++;
            return 0;
        }
        dyad_render_quotes(stdout, &a, q, (size_t)n, v->flags);
        return cli_output_failed() ? -1 : 0;
    }
    v->render(stdout, &a, v->flags);
    return cli_output_failed() ? -1 : 0;
}

static void text_view_help(const char *command, FILE *out)
{
    const char *what = strcmp(command, "sentences") == 0 ?
        "Prints each sentence on one line: document id, sentence index, part\n"
        "of the article (headline, subheadline, byline, dateline, body,\n"
        "boilerplate) and the sentence text.\n" :
        strcmp(command, "tag") == 0 ?
        "Prints each sentence as word/TAG/lemma tokens (Penn Treebank tags).\n" :
        strcmp(command, "quotes") == 0 ?
        "Prints each quotation on one line: document id, kind (direct,\n"
        "indirect, according_to), sentence index, speaker, the byte offsets of\n"
        "the quoted words and the words.  --json adds the speaker's and verb's\n"
        "offsets and the publication date.\n" :
        "Prints each sentence as bracketed chunks: [NP ...] [VP ...|features]\n"
        "[PP ...]; a verb group's features are its tense, aspect, voice,\n"
        "negation and modality.  --json adds clauses and verb groups.\n";
    fprintf(out,
            "usage: dyad %s [options] [FILE|DIR|-]...\n\n%s\n"
            "Inputs are files, directories (read recursively, in sorted order) or\n"
            "- for standard input (the default).\n\n"
            "options:\n"
            "  --input FORMAT   text, jsonl, tabari, petrarch, html or warc (default: detect)\n"
            "  --json           one JSON object per sentence, with byte offsets\n"
            "  --date YYYY-MM-DD  publication date for documents that have none\n"
            "  -q, --quiet      no warnings, only errors\n"
            "  -h, --help       this help\n\n"
            "exit status: 0 all read, 1 some record or file skipped, 2 usage error\n",
            command, what);
}

int cmd_text_view(const char *command, int argc, char **argv)
{
    view v = {NULL, NULL, 0, NULL, 0, false};
    dyad_level level;
    if (strcmp(command, "quotes") == 0) { v.quotes = true; level = DYAD_LEVEL_CHUNKS; }
    else if (strcmp(command, "sentences") == 0) { v.render = dyad_render_sentences; level = DYAD_LEVEL_SENTENCES; }
    else if (strcmp(command, "tag") == 0) { v.render = dyad_render_tags; level = DYAD_LEVEL_TAGS; }
    else { v.render = dyad_render_chunks; level = DYAD_LEVEL_CHUNKS; }

    dyad_format format = DYAD_FORMAT_AUTO;
    cli_stats st = {0};
    char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    int ninputs = 0;
    if (!inputs) return EXIT_USAGE;
    enum { OPT_JSON = 256, OPT_INPUT, OPT_DATE };
    static const struct option longopts[] = {
        {"json", no_argument, NULL, OPT_JSON},       {"input", required_argument, NULL, OPT_INPUT},
        {"date", required_argument, NULL, OPT_DATE}, {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},            {NULL, 0, NULL, 0}};
    char name[32];
    cli_getopt_begin(argv, name, sizeof name, command);
    int c;
    while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            text_view_help(command, stdout);
            free(inputs);
            return cli_finish_output(command, EXIT_OK);
        case OPT_JSON: v.flags |= DYAD_RENDER_JSON; break;
        case 'q': st.quiet = true; break;
        case OPT_INPUT: {
            int f = dyad_format_from_name(optarg);
            if (f < 0) {
                fprintf(stderr, "dyad %s: unknown input format '%s' (text, jsonl, tabari, petrarch, html, warc)\n",
                        command, optarg);
                free(inputs);
                return EXIT_USAGE;
            }
            format = (dyad_format)f;
            break;
        }
        case OPT_DATE:
            if (!cli_valid_date(optarg)) {
                fprintf(stderr, "dyad %s: --date wants YYYY-MM-DD, not '%s'\n", command, optarg);
                free(inputs);
                return EXIT_USAGE;
            }
            v.date = optarg;
            break;
        default:
            fprintf(stderr, "(see dyad %s --help)\n", command);
            free(inputs);
            return EXIT_USAGE;
        }
    }
    for (int i = optind; i < argc; i++) inputs[ninputs++] = argv[i];
    v.pipeline = dyad_pipeline_new(level);
    if (!v.pipeline) { free(inputs); return EXIT_SKIPPED; }
    cli_for_each_document(inputs, ninputs, format, &st, render_document, &v);
    dyad_pipeline_free(v.pipeline);
    free(inputs);
    int rc = cli_finish_output(command, st.skipped || st.unreadable || v.failed ? EXIT_SKIPPED : EXIT_OK);
    if (rc == EXIT_SKIPPED)
        fprintf(stderr, "dyad: %zu document(s) read, %zu record(s) skipped, %zu input(s) unreadable\n",
                st.documents, st.skipped + v.failed, st.unreadable);
    return rc;
}
