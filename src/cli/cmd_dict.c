/* cmd_dict.c -- `dyad dict check` and `dyad dict lookup`: tools for the
 * people who write dictionaries.  Output formats are documented in
 * docs/dictionaries.md. */
#include "cli.h"
#include "dict/dict.h"
#include "dict/dict_cli.h"
#include <stdlib.h>
#include <string.h>

static void dict_help(FILE *out)
{
    fprintf(out,
            "usage: dyad dict check [options] FILE...\n"
            "       dyad dict lookup PHRASE [--date YYYY-MM-DD] FILE...\n\n"
            "check: reads TABARI (.verbs .actors .agents .options .project) and\n"
            "PETRARCH2 (CAMEO.2.0.txt, *.actors.txt, *.agents.txt, discards, issues)\n"
            "dictionaries and prints their counts, then findings, one a line:\n"
            "FILE:LINE: KIND: MESSAGE, where KIND is duplicate, conflict,\n"
            "never-matches, not-cameo, date-backwards, date-overlap or no-code.\n"
            "Malformed lines are reported on standard error and skipped.\n\n"
            "lookup: what an actor phrase, agent or verb resolves to, and why.\n\n"
            "options:\n"
            "  --format tabari|petrarch   syntax of the files (default: detect)\n"
            "  --kind KIND     verbs, actors, agents, discards, issues, options, project\n"
            "  --strict        stop at the first malformed line\n"
            "  --actors FILE, --verbs FILE, --agents FILE   (lookup) files to search\n"
            "  --date YYYY-MM-DD  (lookup) the date for date-restricted actor codes\n"
            "  -q, --quiet     no warnings\n"
            "  -h, --help      this help\n\n"
            "exit status: 0 clean, 1 findings, malformed lines or unreadable files,\n"
            "2 usage error\n");
}

typedef struct dict_args {
    dict_load_options load;
    cli_stats diag_stats;
    const char **files;
    int nfiles;
    const char *phrase;
    int32_t date; /* YYYYMMDD, or -1 */
} dict_args;

static int parse_args(int argc, char **argv, bool lookup, dict_args *a)
{
    a->files = calloc((size_t)argc + 1, sizeof *a->files);
    if (!a->files) return -1;
    a->date = -1;
    a->load.diag = cli_diag;
    a->load.user = &a->diag_stats;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(arg, "--strict") == 0) {
            a->load.strict = true;
        } else if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0) {
            a->diag_stats.quiet = true;
        } else if (strcmp(arg, "--format") == 0 || strcmp(arg, "--kind") == 0) {
            if (!has_value) { fprintf(stderr, "dyad dict: %s needs a value\n", arg); return -1; }
            const char *v = argv[++i];
            int x = arg[2] == 'f' ? dict_syntax_from_name(v) : dict_kind_from_name(v);
            if (x < 0) { fprintf(stderr, "dyad dict: unknown %s '%s'\n", arg + 2, v); return -1; }
            if (arg[2] == 'f') a->load.syntax = (dict_syntax)x;
            else a->load.kind = (dict_kind)x;
        } else if (lookup && strcmp(arg, "--date") == 0) {
            if (!has_value) { fprintf(stderr, "dyad dict: --date needs a value\n"); return -1; }
            const char *v = argv[++i];
            char digits[9];
            if (strlen(v) != 10 || v[4] != '-' || v[7] != '-') digits[0] = 0;
            else { memcpy(digits, v, 4); memcpy(digits + 4, v + 5, 2); memcpy(digits + 6, v + 8, 2); }
            a->date = dict_parse_date(digits, digits[0] ? 8 : 0);
            if (a->date < 0) { fprintf(stderr, "dyad dict: --date wants YYYY-MM-DD, not '%s'\n", v); return -1; }
        } else if (lookup && (strcmp(arg, "--actors") == 0 || strcmp(arg, "--verbs") == 0 ||
                              strcmp(arg, "--agents") == 0)) {
            if (!has_value) { fprintf(stderr, "dyad dict: %s needs a file\n", arg); return -1; }
            a->files[a->nfiles++] = argv[++i];
        } else if (arg[0] == '-' && arg[1]) {
            fprintf(stderr, "dyad dict: unknown option '%s' (see dyad dict --help)\n", arg);
            return -1;
        } else if (lookup && !a->phrase) {
            a->phrase = arg;
        } else {
            a->files[a->nfiles++] = arg;
        }
    }
    if (!a->nfiles || (lookup && !a->phrase)) {
        fprintf(stderr, lookup ? "dyad dict lookup: needs a PHRASE and dictionary FILEs\n"
                               : "dyad dict check: needs dictionary FILEs\n");
        return -1;
    }
    return 0;
}

/* Loads every file; returns how many could not be read or were stopped. */
static size_t load_all(dyad_dict *d, dict_args *a)
{
    size_t failed = 0;
    for (int i = 0; i < a->nfiles; i++)
        if (dict_load_file(d, a->files[i], &a->load)) failed++;
    return failed;
}

/* ---- check ------------------------------------------------------------------ */

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

static void print_finding(dict_finding_kind kind, const char *file, size_t line, const char *msg,
                          void *user)
{
    (void)user;
    printf("%s:%zu: %s: %s\n", file, line, dict_finding_name(kind), msg);
}

static int dict_check_command(int argc, char **argv)
{
    dict_args a = {0};
    if (parse_args(argc, argv, false, &a)) { free(a.files); return EXIT_USAGE; }
    dyad_dict *d = dict_new();
    if (!d) { free(a.files); return EXIT_SKIPPED; }
    size_t failed = load_all(d, &a);
    for (uint32_t i = 0; i < dict_file_count(d); i++) {
        const dict_file *f = dict_file_at(d, i);
        printf("%s: %s %s:", f->path, dict_syntax_name(f->syntax), dict_kind_name(f->kind));
        print_counts(&f->counts, false);
    }
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

/* ---- lookup ------------------------------------------------------------------- */

static void print_range(const dict_actor_code *c)
{
    if (!c->dated) return;
    if (c->from == DICT_DATE_MIN) printf(" <%d", c->to);
    else if (c->to == DICT_DATE_MAX) printf(" >%d", c->from);
    else printf(" %d-%d", c->from, c->to);
}

static void explain_actor(const dyad_dict *d, uint32_t actor, int32_t date)
{
    size_t n;
    const dict_actor *a = &dict_actors(d, &n)[actor];
    const dict_phrase *ph = dict_phrases(d, DICT_PH_ACTOR, &n);
    const dict_actor_code *codes = dict_actor_codes(d, &n);
    char text[256];
    dict_phrase_text(d, &ph[a->first_phrase], text, sizeof text);
    printf("actor %s (%s:%u)\n", text, dict_file_at(d, a->file)->path, a->line);
    for (uint32_t i = 1; i < a->nphrases; i++) {
        dict_phrase_text(d, &ph[a->first_phrase + i], text, sizeof text);
        printf("  synonym +%s (line %u)\n", text, ph[a->first_phrase + i].line);
    }
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const dict_actor_code *c = &codes[a->first_code + i];
        printf("  code [%s", dict_string(d, c->code));
        print_range(c);
        printf("] (line %u)\n", c->line);
    }
    if (date < 0) return;
    uint32_t on = dict_actor_code_on(d, actor, date);
    const char *why = "no dated code holds the date and there is no default, so the null code";
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const dict_actor_code *c = &codes[a->first_code + i];
        if (c->dated && date >= c->from && date <= c->to) { why = "the first dated code whose range holds the date"; break; }
        if (!c->dated && c->code == on) why = "no dated code holds the date: the default code";
    }
    printf("  on %d: %s (%s)\n", date, on == DICT_NONE ? "no code" : dict_string(d, on), why);
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

static size_t lookup_verbs(const dyad_dict *d, const char *const *words, size_t n)
{
    size_t found = 0, nv, nb, np;
    const dict_verb *verbs = dict_verbs(d, &nv);
    const dict_verb_block *blocks = dict_verb_blocks(d, &nb);
    for (int kind = DICT_PH_VERB; kind <= DICT_PH_FORM; kind++) {
        const dict_phrase *ph = dict_phrases(d, (dict_phrase_kind)kind, &np);
        for (size_t i = 0; i < np; i++) {
            if (!phrase_is(d, &ph[i], words, n)) continue;
            const dict_verb *v = &verbs[ph[i].owner];
            const dict_verb_block *b = &blocks[v->block];
            uint32_t code = v->code != DICT_NONE ? v->code : b->code;
            printf("%s in block %s (%s:%u): code [%s]%s, %u pattern(s)\n",
                   kind == DICT_PH_VERB ? "verb" : "verb form", dict_string(d, b->name),
                   dict_file_at(d, ph[i].file)->path, ph[i].line,
                   code == DICT_NONE ? "" : dict_string(d, code),
                   v->code == DICT_NONE ? " (the block's)" : "", b->npatterns);
            found++;
        }
    }
    return found;
}

static size_t lookup_agents(const dyad_dict *d, const char *const *words, size_t n)
{
    size_t found = 0, np, na;
    const dict_phrase *ph = dict_phrases(d, DICT_PH_AGENT, &np);
    const dict_agent *agents = dict_agents(d, &na);
    for (size_t i = 0; i < np; i++) {
        if (!phrase_is(d, &ph[i], words, n)) continue;
        const char *code = dict_string(d, agents[ph[i].owner].code);
        printf("agent (%s:%u): code [%s], %s the actor's code\n", dict_file_at(d, ph[i].file)->path,
               ph[i].line, code, code[0] == '~' ? "added after" : "added before");
        found++;
    }
    return found;
}

static int dict_lookup_command(int argc, char **argv)
{
    dict_args a = {0};
    if (parse_args(argc, argv, true, &a)) { free(a.files); return EXIT_USAGE; }
    dyad_dict *d = dict_new();
    char *copy = strdup(a.phrase);
    if (!d || !copy) { dict_free(d); free(copy); free(a.files); return EXIT_SKIPPED; }
    size_t failed = load_all(d, &a);
    const char *words[DICT_MAX_PHRASE_TOKENS];
    size_t n = split_phrase(copy, words, DICT_MAX_PHRASE_TOKENS);
    uint32_t actors[64];
    size_t nact = dict_find_actors(d, words, n, actors, 64);
    for (size_t i = 0; i < nact && i < 64; i++) explain_actor(d, actors[i], a.date);
    size_t found = nact + lookup_verbs(d, words, n) + lookup_agents(d, words, n);
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
        dict_help(argc < 1 ? stderr : stdout);
        return argc < 1 ? EXIT_USAGE : EXIT_OK;
    }
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) { dict_help(stdout); return EXIT_OK; }
    if (strcmp(argv[0], "check") == 0) return dict_check_command(argc, argv);
    if (strcmp(argv[0], "lookup") == 0) return dict_lookup_command(argc, argv);
    fprintf(stderr, "dyad dict: unknown subcommand '%s' (check, lookup)\n", argv[0]);
    return EXIT_USAGE;
}
