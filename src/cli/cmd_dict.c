/* cmd_dict.c -- `dyad dict check`, `dyad dict compile` and `dyad dict
 * lookup`: tools for the people who write dictionaries.  Output formats
 * are documented in docs/dictionaries.md. */
#include "cli.h"
#include "dict/dict.h"
#include "dict/dict_cli.h"
#include "dict/dict_image.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- help ------------------------------------------------------------------- */

static const char common_options[] =
    "  --format tabari|petrarch   syntax of the files (default: detect)\n"
    "  --kind KIND     verbs, actors, agents, discards, issues, options, project\n"
    "  --strict        stop at the first malformed line\n"
    "  -q, --quiet     no warnings or notes\n"
    "  -h, --help      this help\n";

static void help_overview(FILE *out)
{
    fprintf(out,
            "usage: dyad dict check [options] FILE...\n"
            "       dyad dict compile [options] [-o IMAGE] FILE...\n"
            "       dyad dict lookup [options] PHRASE FILE...\n\n"
            "Dictionaries are TABARI files (.verbs .actors .agents .options .project)\n"
            "or PETRARCH2 files (CAMEO.2.0.txt, *.actors.txt, *.agents.txt, discards,\n"
            "issues); check and lookup also take one compiled IMAGE instead.\n\n"
            "  check     counts and problems, file:line for each, exit status for CI\n"
            "  compile   write the compiled image the coder loads in milliseconds\n"
            "  lookup    what an actor, agent or verb phrase resolves to, and why\n\n"
            "dyad dict COMMAND --help describes each.\n");
}

static void help_check(FILE *out)
{
    fprintf(out,
            "usage: dyad dict check [options] FILE...|IMAGE\n\n"
            "Reads the dictionaries and prints their counts, one line per file, then\n"
            "findings, one a line: FILE:LINE: KIND: MESSAGE, where KIND is duplicate,\n"
            "conflict, never-matches, not-cameo, date-backwards, date-overlap or\n"
            "no-code; then the totals.  Malformed lines are reported on standard\n"
            "error and skipped.\n\noptions:\n%s\n"
            "exit status: 0 clean, 1 findings, malformed lines or unreadable files,\n"
            "2 usage error\n", common_options);
}

static void help_compile(FILE *out)
{
    fprintf(out,
            "usage: dyad dict compile [options] [-o IMAGE] FILE...\n\n"
            "Reads the dictionaries (a .project file brings the files it names) and\n"
            "writes their compiled image: a checksummed binary file that loads by\n"
            "mapping it.  Without -o the image is written where the coder's cache\n"
            "looks for it: beside the first FILE, as NAME.HASH%s (or in --cache-dir).\n"
            "Prints the counts, the image and the time each step took.\n\n"
            "options:\n"
            "  -o, --output IMAGE   the image to write\n"
            "  --cache-dir DIR      write the image into DIR under the cache's name\n%s\n"
            "exit status: 0 image written, 1 a file could not be read or the image\n"
            "not written, 2 usage error\n", DICT_IMAGE_SUFFIX, common_options);
}

static void help_lookup(FILE *out)
{
    fprintf(out,
            "usage: dyad dict lookup [options] PHRASE FILE...|IMAGE\n\n"
            "Says what PHRASE (words separated by blanks or '_') is in the\n"
            "dictionaries: each actor with that phrase, its codes and which code\n"
            "holds on --date and why the others do not; each verb or verb form with\n"
            "its block, code and pattern count; each agent, discard and issue phrase.\n"
            "Every entry is named with FILE:LINE.  When nothing is written exactly so,\n"
            "the lemmas of the words are tried (\"said\" finds SAY).\n\n"
            "options:\n"
            "  --date YYYY-MM-DD   the date for date-restricted actor codes\n"
            "  --actors FILE, --verbs FILE, --agents FILE   more files to search\n%s\n"
            "exit status: 0 found, 1 not found or unreadable files, 2 usage error\n",
            common_options);
}

/* ---- arguments ------------------------------------------------------------------ */

typedef enum { CMD_CHECK, CMD_COMPILE, CMD_LOOKUP } dict_cmd;

typedef struct dict_args {
    dict_load_options load;
    cli_stats diag_stats;
    const char **files;
    int nfiles;
    const char *phrase;
    const char *output;     /* compile -o */
    const char *cache_dir;  /* compile --cache-dir */
    int32_t date;           /* YYYYMMDD, or -1 */
} dict_args;

static int needs_value(const char *cmd, const char *arg, bool has)
{
    if (!has) fprintf(stderr, "dyad dict %s: %s needs a value\n", cmd, arg);
    return has ? 0 : -1;
}

static int parse_args(int argc, char **argv, dict_cmd cmd, dict_args *a)
{
    const char *name = argv[0];
    a->files = calloc((size_t)argc + 1, sizeof *a->files);
    if (!a->files) return -1;
    a->date = -1;
    a->load.diag = cli_diag;
    a->load.user = &a->diag_stats;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(arg, "--strict") == 0) {
            a->load.strict = true;
        } else if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0) {
            a->diag_stats.quiet = true;
        } else if (strcmp(arg, "--format") == 0 || strcmp(arg, "--kind") == 0) {
            if (needs_value(name, arg, has)) return -1;
            const char *v = argv[++i];
            int x = arg[2] == 'f' ? dict_syntax_from_name(v) : dict_kind_from_name(v);
            if (x < 0) { fprintf(stderr, "dyad dict %s: unknown %s '%s'\n", name, arg + 2, v); return -1; }
            if (arg[2] == 'f') a->load.syntax = (dict_syntax)x;
            else a->load.kind = (dict_kind)x;
        } else if (cmd == CMD_LOOKUP && strcmp(arg, "--date") == 0) {
            if (needs_value(name, arg, has)) return -1;
            const char *v = argv[++i];
            char digits[9];
            if (strlen(v) != 10 || v[4] != '-' || v[7] != '-') digits[0] = 0;
            else { memcpy(digits, v, 4); memcpy(digits + 4, v + 5, 2); memcpy(digits + 6, v + 8, 2); }
            a->date = dict_parse_date(digits, digits[0] ? 8 : 0);
            if (a->date < 0 || !dict_date_exists(a->date)) {
                fprintf(stderr, "dyad dict lookup: --date wants YYYY-MM-DD, not '%s'\n", v);
                return -1;
            }
        } else if (cmd == CMD_LOOKUP && (strcmp(arg, "--actors") == 0 || strcmp(arg, "--verbs") == 0 ||
                                         strcmp(arg, "--agents") == 0)) {
            if (needs_value(name, arg, has)) return -1;
            a->files[a->nfiles++] = argv[++i];
        } else if (cmd == CMD_COMPILE && (strcmp(arg, "-o") == 0 || strcmp(arg, "--output") == 0)) {
            if (needs_value(name, arg, has)) return -1;
            a->output = argv[++i];
        } else if (cmd == CMD_COMPILE && strcmp(arg, "--cache-dir") == 0) {
            if (needs_value(name, arg, has)) return -1;
            a->cache_dir = argv[++i];
        } else if (arg[0] == '-' && arg[1]) {
            fprintf(stderr, "dyad dict %s: unknown option '%s' (see dyad dict %s --help)\n", name, arg, name);
            return -1;
        } else if (cmd == CMD_LOOKUP && !a->phrase) {
            a->phrase = arg;
        } else {
            a->files[a->nfiles++] = arg;
        }
    }
    if (!a->nfiles || (cmd == CMD_LOOKUP && !a->phrase)) {
        fprintf(stderr, cmd == CMD_LOOKUP ? "dyad dict lookup: needs a PHRASE and dictionary FILEs\n"
                                          : "dyad dict %s: needs dictionary FILEs\n", name);
        return -1;
    }
    if (a->output && a->cache_dir) {
        fprintf(stderr, "dyad dict compile: -o and --cache-dir exclude each other\n");
        return -1;
    }
    return 0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Loads every file, or the one image; returns how many could not be read
 * or were stopped (-1: usage, an image among other files). */
static int load_all(dyad_dict *d, dict_args *a, bool allow_image)
{
    for (int i = 0; i < a->nfiles; i++) {
        if (!dict_image_sniff(a->files[i])) continue;
        if (!allow_image || a->nfiles > 1) {
            fprintf(stderr, "dyad dict: %s is a compiled image; %s\n", a->files[i],
                    allow_image ? "give it alone, without text files" : "give the text files");
            return -1;
        }
        char err[512];
        if (dict_image_load(d, a->files[i], err, sizeof err)) {
            fprintf(stderr, "dyad: %s: error: %s\n", a->files[i], err);
            return 1;
        }
        return 0;
    }
    int failed = 0;
    for (int i = 0; i < a->nfiles; i++)
        if (dict_load_file(d, a->files[i], &a->load)) failed++;
    return failed;
}

/* ---- counts ------------------------------------------------------------------ */

typedef struct count_field { const char *name; size_t offset; bool always; } count_field;
#define FIELD(n, f, always) {n, offsetof(dict_counts, f), always}
static const count_field count_fields[] = {
    FIELD("verb-blocks", verb_blocks, false), FIELD("verbs", verbs, true),
    FIELD("verb-forms", verb_forms, true), FIELD("patterns", patterns, true),
    FIELD("synsets", synsets, true), FIELD("synset-members", synset_members, false),
    FIELD("time", time_entries, false), FIELD("attrib", attrib_entries, false),
    FIELD("transformations", transforms, false), FIELD("actors", actors, true),
    FIELD("actor-phrases", actor_phrases, true), FIELD("codes", codes, true),
    FIELD("dated-codes", dated_codes, true), FIELD("nouns", nouns, false),
    FIELD("adjectives", adjectives, false), FIELD("agents", agents, true),
    FIELD("agent-phrases", agent_phrases, false), FIELD("substitutions", substitutions, false),
    FIELD("discards", discards, true), FIELD("story-discards", story_discards, false),
    FIELD("issues", issues, true), FIELD("issue-ignores", issue_ignores, false),
    FIELD("issue-categories", issue_categories, false), FIELD("options", option_lines, false),
    FIELD("labels", labels, false), FIELD("project-entries", project_entries, false),
    FIELD("ignored-lines", ignored_lines, false), FIELD("errors", errors, true),
    FIELD("warnings", warnings, true)};
#undef FIELD

static void print_counts(const dict_counts *c, bool all)
{
    for (size_t i = 0; i < sizeof count_fields / sizeof *count_fields; i++) {
        size_t v = *(const size_t *)((const char *)c + count_fields[i].offset);
        if (v || (all && count_fields[i].always)) printf(" %s=%zu", count_fields[i].name, v);
    }
    putchar('\n');
}

static void print_file_counts(const dyad_dict *d)
{
    for (uint32_t i = 0; i < dict_file_count(d); i++) {
        const dict_file *f = dict_file_at(d, i);
        printf("%s: %s %s:", f->path, dict_syntax_name(f->syntax), dict_kind_name(f->kind));
        print_counts(&f->counts, false);
    }
}

/* ---- check ------------------------------------------------------------------ */

static void print_finding(dict_finding_kind kind, const char *file, size_t line, const char *msg,
                          void *user)
{
    (void)user;
    printf("%s:%zu: %s: %s\n", file, line, dict_finding_name(kind), msg);
}

static int dict_check_command(int argc, char **argv)
{
    dict_args a = {0};
    if (parse_args(argc, argv, CMD_CHECK, &a)) { free(a.files); return EXIT_USAGE; }
    dyad_dict *d = dict_new();
    if (!d) { free(a.files); return EXIT_SKIPPED; }
    int failed = load_all(d, &a, true);
    if (failed < 0) { dict_free(d); free(a.files); return EXIT_USAGE; }
    if (dict_image_bytes(d))
        printf("%s: compiled image of %zu files; malformed lines are not kept in images, "
               "check the text files to see them\n", a.files[0], dict_file_count(d));
    print_file_counts(d);
    size_t per_kind[DICT_FIND_KINDS];
    size_t findings = dict_check(d, print_finding, NULL, per_kind);
    dict_counts total = dict_total_counts(d);
    printf("total:");
    print_counts(&total, true);
    printf("findings: %zu", findings);
    for (int k = 0; k < DICT_FIND_KINDS; k++)
        if (per_kind[k]) printf(" %s=%zu", dict_finding_name((dict_finding_kind)k), per_kind[k]);
    putchar('\n');
    dict_free(d);
    free(a.files);
    return findings || failed || total.errors ? EXIT_SKIPPED : EXIT_OK;
}

/* ---- compile ------------------------------------------------------------------- */

static int dict_compile_command(int argc, char **argv)
{
    dict_args a = {0};
    if (parse_args(argc, argv, CMD_COMPILE, &a)) { free(a.files); return EXIT_USAGE; }
    for (int i = 0; i < a.nfiles; i++)
        if (dict_image_sniff(a.files[i])) {
            fprintf(stderr, "dyad dict compile: %s is already a compiled image\n", a.files[i]);
            free(a.files);
            return EXIT_USAGE;
        }
    char image[4096];
    const char *const *paths = a.files;
    if (dict_image_path_for(paths, (size_t)a.nfiles, a.output ? a.output : a.cache_dir, image, sizeof image)) {
        fprintf(stderr, "dyad dict compile: image path too long\n");
        free(a.files);
        return EXIT_USAGE;
    }
    dyad_dict *d = dict_new();
    if (!d) { free(a.files); return EXIT_SKIPPED; }
    double t0 = now_ms();
    int failed = load_all(d, &a, false);
    double t1 = now_ms();
    int status = EXIT_OK;
    if (failed) {
        fprintf(stderr, "dyad dict compile: %d file(s) could not be read; no image written\n", failed);
        status = EXIT_SKIPPED;
    }
    print_file_counts(d);
    dict_counts total = dict_total_counts(d);
    printf("total:");
    print_counts(&total, true);
    size_t text_bytes = 0;
    for (uint32_t i = 0; i < dict_file_count(d); i++) {
        FILE *f = fopen(dict_file_at(d, i)->path, "rb");
        if (f && fseek(f, 0, SEEK_END) == 0) text_bytes += (size_t)ftell(f);
        if (f) fclose(f);
    }
    if (status == EXIT_OK) {
        dict_image_request req = {paths, (size_t)a.nfiles, &a.load};
        char err[512];
        double t2 = now_ms();
        if (dict_image_write(d, &req, image, err, sizeof err)) {
            fprintf(stderr, "dyad: %s: error: %s\n", image, err);
            status = EXIT_SKIPPED;
        } else {
            double t3 = now_ms();
            dyad_dict *back = dict_new();
            int rc = back ? dict_image_load(back, image, err, sizeof err) : -1;
            double t4 = now_ms();
            if (rc) {
                fprintf(stderr, "dyad: %s: error: the image written does not load back: %s\n", image, err);
                status = EXIT_SKIPPED;
            } else {
                printf("image: %s (%zu bytes) from %zu files (%zu bytes of text)\n", image,
                       dict_image_bytes(back), dict_file_count(d), text_bytes);
                printf("time: read text %.1f ms, write image %.1f ms, load image %.1f ms\n", t1 - t0,
                       t3 - t2, t4 - t3);
            }
            dict_free(back);
        }
    }
    dict_free(d);
    free(a.files);
    return status;
}

/* ---- lookup ------------------------------------------------------------------- */

static void print_date(int32_t date)
{
    printf("%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
}

/* "[RUSGOV 1999-12-31..2008-05-07]" */
static void print_code(const dyad_dict *d, const dict_actor_code *c)
{
    printf("[%s", dict_string(d, c->code));
    if (c->dated) {
        putchar(' ');
        if (c->from == DICT_DATE_MIN) { printf("until "); print_date(c->to); }
        else if (c->to == DICT_DATE_MAX) { printf("from "); print_date(c->from); }
        else { print_date(c->from); printf(".."); print_date(c->to); }
    }
    printf("] line %u", c->line);
}

/* Applies dict_actor_code_on()'s rule code by code, saying for each why it
 * holds or not on the date. */
static void explain_date(const dyad_dict *d, const dict_actor *a, const dict_actor_code *codes, int32_t date)
{
    uint32_t on = dict_actor_code_on(d, (uint32_t)(a - dict_actors(d, NULL)), date);
    printf("  on ");
    print_date(date);
    printf(": %s\n", on == DICT_NONE ? "no code (the actor has none)" : dict_string(d, on));
    const dict_actor_code *chosen_dated = NULL, *first_default = NULL;
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const dict_actor_code *c = &codes[a->first_code + i];
        if (c->dated && !chosen_dated && date >= c->from && date <= c->to) chosen_dated = c;
        if (!c->dated && !first_default) first_default = c;
    }
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const dict_actor_code *c = &codes[a->first_code + i];
        printf("    ");
        print_code(d, c);
        if (c->dated) {
            if (c == chosen_dated) printf(": applies, the first dated code (in the order written) whose range holds the date\n");
            else if (date >= c->from && date <= c->to) printf(": holds the date too, but line %u comes first\n", chosen_dated->line);
            else if (date < c->from) { printf(": does not apply, it starts "); print_date(c->from); putchar('\n'); }
            else { printf(": does not apply, it ended "); print_date(c->to); putchar('\n'); }
        } else if (c != first_default) {
            printf(": not used, only the first undated code is the default\n");
        } else if (chosen_dated) {
            printf(": the default, not used because a dated code holds the date\n");
        } else {
            printf(": applies, the default: no dated code holds the date\n");
        }
    }
    if (!chosen_dated && !first_default && a->ncodes)
        printf("    no code holds the date and there is no default: the null code ---\n");
}

static void explain_actor(const dyad_dict *d, uint32_t actor, const char *const *words, size_t n, int32_t date)
{
    const dict_actor *a = &dict_actors(d, NULL)[actor];
    const dict_phrase *ph = dict_phrases(d, DICT_PH_ACTOR, NULL);
    const dict_actor_code *codes = dict_actor_codes(d, NULL);
    char text[512];
    dict_phrase_text(d, &ph[a->first_phrase], text, sizeof text);
    printf("actor %s (%s:%u)\n", text, dict_file_at(d, a->file)->path, a->line);
    for (uint32_t i = 1; i < a->nphrases; i++) {
        const dict_phrase *syn = &ph[a->first_phrase + i];
        dict_phrase_text(d, syn, text, sizeof text);
        const dict_token *t = dict_tokens(d) + syn->first;
        bool matched = syn->n == n;
        for (size_t k = 0; matched && k < n; k++)
            matched = t[k].kind == DICT_TOK_WORD && strcmp(dict_string(d, t[k].value), words[k]) == 0;
        printf("  synonym +%s (line %u)%s\n", text, syn->line, matched ? ": the phrase looked up" : "");
    }
    if (!a->ncodes) printf("  no code\n");
    for (uint32_t i = 0; date < 0 && i < a->ncodes; i++) {
        printf("  code ");
        print_code(d, &codes[a->first_code + i]);
        putchar('\n');
    }
    if (date < 0) {
        if (a->ncodes > 1)
            printf("  (on a date: the first dated code holding it, else the first undated code; "
                   "give --date to see which)\n");
        return;
    }
    explain_date(d, a, codes, date);
}

/* Lower-cases the phrase and splits it at blanks and '_' into words. */
static size_t split_phrase(char *s, const char **words, size_t max)
{
    size_t n = 0;
    char *p = s;
    while (*p) {
        while (*p == ' ' || *p == '_' || *p == '\t') *p++ = 0;
        if (!*p) break;
        if (n < max) words[n++] = p;
        while (*p && *p != ' ' && *p != '_' && *p != '\t') {
            if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
            p++;
        }
    }
    return n;
}

static bool phrase_is(const dyad_dict *d, const dict_phrase *p, const char *const *words, size_t n)
{
    if (p->n != n) return false;
    const dict_token *t = dict_tokens(d) + p->first;
    for (size_t i = 0; i < n; i++)
        if (t[i].kind != DICT_TOK_WORD || strcmp(dict_string(d, t[i].value), words[i]) != 0) return false;
    return true;
}

static void print_where(const dyad_dict *d, const dict_phrase *p)
{
    printf("%s:%u", dict_file_at(d, p->file)->path, p->line);
}

static size_t lookup_verbs(const dyad_dict *d, const char *const *words, size_t n)
{
    size_t found = 0, nv, nb, np;
    const dict_verb *verbs = dict_verbs(d, &nv);
    const dict_verb_block *blocks = dict_verb_blocks(d, &nb);
    const dict_phrase *primary = dict_phrases(d, DICT_PH_VERB, NULL);
    static const char *const sections[] = {"", " (a <TIME> shift)", " (an <ATTRIB> verb)"};
    for (int kind = DICT_PH_VERB; kind <= DICT_PH_FORM; kind++) {
        const dict_phrase *ph = dict_phrases(d, (dict_phrase_kind)kind, &np);
        for (size_t i = 0; i < np; i++) {
            if (!phrase_is(d, &ph[i], words, n)) continue;
            const dict_verb *v = &verbs[ph[i].owner];
            const dict_verb_block *b = &blocks[v->block];
            uint32_t code = v->code != DICT_NONE ? v->code : b->code;
            char text[512];
            dict_phrase_text(d, &primary[v->phrase], text, sizeof text);
            printf(kind == DICT_PH_VERB ? "verb %s (" : "verb form of %s (", text);
            print_where(d, &ph[i]);
            if (kind == DICT_PH_FORM && v->line != ph[i].line) printf(", the verb at line %u", v->line);
            putchar(')');
            printf(" in block %s%s (line %u): code [%s]%s, %u pattern(s)\n", dict_string(d, b->name),
                   sections[b->section <= DICT_SECTION_ATTRIB ? b->section : 0], b->line,
                   code == DICT_NONE ? "" : dict_string(d, code),
                   v->code == DICT_NONE ? " (the block's)" : " (the verb's own)", b->npatterns);
            found++;
        }
    }
    return found;
}

static size_t lookup_agents(const dyad_dict *d, const char *const *words, size_t n)
{
    size_t found = 0, np;
    const dict_phrase *ph = dict_phrases(d, DICT_PH_AGENT, &np);
    const dict_agent *agents = dict_agents(d, NULL);
    const dict_phrase *all = ph;
    for (size_t i = 0; i < np; i++) {
        if (!phrase_is(d, &ph[i], words, n)) continue;
        const dict_agent *ag = &agents[ph[i].owner];
        const char *code = dict_string(d, ag->code);
        char text[512], matched[512];
        dict_phrase_text(d, &all[ag->first_phrase], text, sizeof text);
        dict_phrase_text(d, &ph[i], matched, sizeof matched);
        if (strcmp(text, matched) == 0) printf("agent %s (", text);
        else printf("agent %s, written as %s (", matched, text);
        print_where(d, &ph[i]);
        printf("): code [%s], %s the code of the actor it qualifies%s%s\n", code, code[0] == '~' ? "appended to" : "put before",
               ph[i].flags & DICT_PF_PLURAL ? "; this is its plural" : "",
               ph[i].flags & DICT_PF_EXPANDED ? "; made from a !SUBSTITUTION!" : "");
        found++;
    }
    return found;
}

static size_t lookup_others(const dyad_dict *d, const char *const *words, size_t n)
{
    size_t found = 0, np;
    const dict_phrase *ph = dict_phrases(d, DICT_PH_DISCARD, &np);
    for (size_t i = 0; i < np; i++) {
        if (!phrase_is(d, &ph[i], words, n)) continue;
        printf("discard (");
        print_where(d, &ph[i]);
        printf("): %s\n", ph[i].flags & DICT_PF_STORY ? "the whole story is not coded" : "the sentence is not coded");
        found++;
    }
    ph = dict_phrases(d, DICT_PH_ISSUE, &np);
    size_t ncat;
    const dict_issue_category *cats = dict_issue_categories(d, &ncat);
    for (size_t i = 0; i < np; i++) {
        if (!phrase_is(d, &ph[i], words, n)) continue;
        printf("issue phrase (");
        print_where(d, &ph[i]);
        printf("): ");
        if (ph[i].flags & (DICT_PF_IGNORE | DICT_PF_IGNORE2)) printf("cancels issue coding");
        else printf("code [%s]", ph[i].code == DICT_NONE ? "" : dict_string(d, ph[i].code));
        if (ph[i].owner < ncat && cats[ph[i].owner].name != DICT_NONE)
            printf(" in category %s", dict_string(d, cats[ph[i].owner].name));
        putchar('\n');
        found++;
    }
    return found;
}

static size_t lookup_words(const dyad_dict *d, const char *const *words, size_t n, int32_t date)
{
    uint32_t actors[64];
    size_t nact = dict_find_actors(d, words, n, actors, 64);
    for (size_t i = 0; i < nact && i < 64; i++) explain_actor(d, actors[i], words, n, date);
    if (nact > 64) printf("(and %zu more actors)\n", nact - 64);
    return nact + lookup_verbs(d, words, n) + lookup_agents(d, words, n) + lookup_others(d, words, n);
}

/* Inflected words: the lemmas as a verb (said, says, saying) and as a
 * plural noun (ministers), each tried once. */
static size_t lookup_lemmas(const dyad_dict *d, const char *const *words, size_t n, int32_t date)
{
    static const dyad_tag tags[] = {DYAD_TAG_VBD, DYAD_TAG_VBZ, DYAD_TAG_VBG, DYAD_TAG_VBN, DYAD_TAG_NNS};
    enum { MAXW = 16, WLEN = 64, KEYLEN = MAXW * (WLEN + 1) + 1 };
    if (n > MAXW) return 0;
    char tried[5][KEYLEN];
    size_t ntried = 0, found = 0;
    for (size_t t = 0; t < sizeof tags / sizeof *tags; t++) {
        char lem[MAXW][WLEN];
        const char *lw[MAXW];
        char key[KEYLEN] = "";
        bool changed = false;
        for (size_t i = 0; i < n; i++) {
            dyad_lemmatize(words[i], strlen(words[i]), tags[t], lem[i], WLEN);
            lw[i] = lem[i];
            changed |= strcmp(lem[i], words[i]) != 0;
            strcat(key, lem[i]);
            strcat(key, " ");
        }
        bool seen = !changed;
        for (size_t k = 0; !seen && k < ntried; k++) seen = strcmp(tried[k], key) == 0;
        if (seen) continue;
        memcpy(tried[ntried++], key, sizeof key);
        size_t before = found;
        printf("-- as '%.*s' (lemmas of the words):\n", (int)(strlen(key) ? strlen(key) - 1 : 0), key);
        found += lookup_words(d, lw, n, date);
        if (found == before) printf("   nothing\n");
    }
    return found;
}

static int dict_lookup_command(int argc, char **argv)
{
    dict_args a = {0};
    if (parse_args(argc, argv, CMD_LOOKUP, &a)) { free(a.files); return EXIT_USAGE; }
    dyad_dict *d = dict_new();
    char *copy = strdup(a.phrase);
    if (!d || !copy) { dict_free(d); free(copy); free(a.files); return EXIT_SKIPPED; }
    int failed = load_all(d, &a, true);
    if (failed < 0 || (failed && !dict_file_count(d))) {
        dict_free(d);
        free(copy);
        free(a.files);
        return failed < 0 ? EXIT_USAGE : EXIT_SKIPPED;
    }
    const char *words[DICT_MAX_PHRASE_TOKENS];
    size_t n = split_phrase(copy, words, DICT_MAX_PHRASE_TOKENS);
    size_t found = n ? lookup_words(d, words, n, a.date) : 0;
    if (!found && n) {
        printf("%s: not written so in these dictionaries\n", a.phrase);
        found = lookup_lemmas(d, words, n, a.date);
    }
    if (!found) printf("%s: not in these dictionaries\n", a.phrase);
    dict_free(d);
    free(copy);
    free(a.files);
    return failed ? EXIT_SKIPPED : found ? EXIT_OK : EXIT_SKIPPED;
}

int cmd_dict(int argc, char **argv)
{
    if (argc < 1 || strcmp(argv[0], "-h") == 0 || strcmp(argv[0], "--help") == 0 ||
        strcmp(argv[0], "help") == 0) {
        help_overview(argc < 1 ? stderr : stdout);
        return argc < 1 ? EXIT_USAGE : EXIT_OK;
    }
    static const struct {
        const char *name;
        int (*run)(int, char **);
        void (*help)(FILE *);
    } commands[] = {{"check", dict_check_command, help_check},
                    {"compile", dict_compile_command, help_compile},
                    {"lookup", dict_lookup_command, help_lookup}};
    for (size_t c = 0; c < sizeof commands / sizeof *commands; c++) {
        if (strcmp(argv[0], commands[c].name) != 0) continue;
        for (int i = 1; i < argc; i++)
            if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
                commands[c].help(stdout);
                return EXIT_OK;
            }
        return commands[c].run(argc, argv);
    }
    fprintf(stderr, "dyad dict: unknown subcommand '%s' (check, compile, lookup)\n", argv[0]);
    return EXIT_USAGE;
}
