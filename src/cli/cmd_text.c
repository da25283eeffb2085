/* cmd_text.c -- `dyad sentences`, `dyad tag`, `dyad chunk`: the text
 * pipeline's views, for people checking what dyad sees and for tests. */
#include "cli.h"
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
        return 0;
    }
    v->render(stdout, &a, v->flags);
    return 0;
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

static bool valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
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
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            text_view_help(command, stdout);
            free(inputs);
            return EXIT_OK;
        } else if (strcmp(arg, "--json") == 0) {
            v.flags |= DYAD_RENDER_JSON;
        } else if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0) {
            st.quiet = true;
        } else if (strcmp(arg, "--input") == 0 || strcmp(arg, "--date") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "dyad %s: %s needs a value\n", command, arg);
                free(inputs);
                return EXIT_USAGE;
            }
            const char *val = argv[++i];
            if (arg[2] == 'i') {
                int f = dyad_format_from_name(val);
                if (f < 0) {
                    fprintf(stderr, "dyad %s: unknown input format '%s' (text, jsonl, tabari, petrarch, html, warc)\n",
                            command, val);
                    free(inputs);
                    return EXIT_USAGE;
                }
                format = (dyad_format)f;
            } else {
                if (!valid_date(val)) {
                    fprintf(stderr, "dyad %s: --date wants YYYY-MM-DD, not '%s'\n", command, val);
                    free(inputs);
                    return EXIT_USAGE;
                }
                v.date = val;
            }
        } else if (arg[0] == '-' && arg[1] != 0) {
            fprintf(stderr, "dyad %s: unknown option '%s' (see dyad %s --help)\n", command, arg, command);
            free(inputs);
            return EXIT_USAGE;
        } else {
            inputs[ninputs++] = argv[i];
        }
    }
    v.pipeline = dyad_pipeline_new(level);
    if (!v.pipeline) { free(inputs); return EXIT_SKIPPED; }
    cli_for_each_document(inputs, ninputs, format, &st, render_document, &v);
    dyad_pipeline_free(v.pipeline);
    free(inputs);
    if (st.skipped || st.unreadable || v.failed)
        fprintf(stderr, "dyad: %zu document(s) read, %zu record(s) skipped, %zu input(s) unreadable\n",
                st.documents, st.skipped + v.failed, st.unreadable);
    return st.skipped || st.unreadable || v.failed ? EXIT_SKIPPED : EXIT_OK;
}
