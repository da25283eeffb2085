/* dict_tool.c -- dyad_dicts: what `dyad dict check`, `dyad dict compile`
 * and `dyad dict lookup` do, as library calls writing to a caller's FILE.
 * The output formats are documented in docs/dictionaries.md; the CLI
 * (src/cli/cmd_dict.c) only parses arguments. */
#include "dict/dict.h"
#include "dict/dict_image.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The public enums are the private ones under public names; the casts
 * below rely on the values agreeing. */
_Static_assert((int)DYAD_DICT_SYNTAX_PETRARCH == (int)DICT_SYNTAX_PETRARCH, "dyad_dict_syntax");
_Static_assert((int)DYAD_DICT_KIND_PROJECT == (int)DICT_KIND_PROJECT, "dyad_dict_kind");
_Static_assert((int)DYAD_DICT_KIND_ISSUES == (int)DICT_KIND_ISSUES, "dyad_dict_kind");

struct dyad_dicts {
    dyad_dict *dict;
    char **paths;           /* the files as the caller named them: the
                               image's request and the cache's name      */
    size_t npaths;
    dict_load_options load;
    size_t unreadable;
    double load_ms;         /* reported by compile                        */
};

int dyad_dict_syntax_from_name(const char *name)
{
    return name ? dict_syntax_from_name(name) : -1;
}

int dyad_dict_kind_from_name(const char *name)
{
    return name ? dict_kind_from_name(name) : -1;
}

int dyad_dicts_is_image(const char *path)
{
    return path && dict_image_sniff(path);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void report(const dyad_dicts *h, const char *file, const char *message)
{
    if (!h->load.diag) return;
    dyad_diag dg = {DYAD_ERROR, file, 0, NULL, message};
    h->load.diag(&dg, h->load.user);
}

/* Loads every file, or the one image; returns how many could not be read
 * or were stopped. */
static size_t load_all(dyad_dicts *h)
{
    size_t failed = 0;
    for (size_t i = 0; i < h->npaths; i++) {
        const char *path = h->paths[i];
        if (!dict_image_sniff(path)) {
            if (dict_load_file(h->dict, path, &h->load)) failed++;
            continue;
        }
        /* An image is a whole dictionary set: mixed with text files the
         * counts and findings would describe neither. */
        char err[512];
        if (h->npaths > 1) {
            report(h, path, "a compiled image is read alone, without text files");
            failed++;
        } else if (dict_image_load(h->dict, path, err, sizeof err)) {
            report(h, path, err);
            failed++;
        }
    }
    return failed;
}

dyad_dicts *dyad_dicts_load(const dyad_dicts_config *cfg)
{
    if (!cfg || (unsigned)cfg->syntax > DYAD_DICT_SYNTAX_PETRARCH ||
        (unsigned)cfg->kind > DYAD_DICT_KIND_PROJECT || (cfg->nfiles && !cfg->files))
        return NULL;
    dyad_dicts *h = calloc(1, sizeof *h);
    if (!h) return NULL;
    h->dict = dict_new();
    h->paths = calloc(cfg->nfiles + 1, sizeof *h->paths);
    if (!h->dict || !h->paths) { dyad_dicts_free(h); return NULL; }
    for (size_t i = 0; i < cfg->nfiles; i++) {
        if (!(h->paths[i] = strdup(cfg->files[i] ? cfg->files[i] : ""))) { dyad_dicts_free(h); return NULL; }
        h->npaths++;
    }
    h->load.syntax = (dict_syntax)cfg->syntax;
    h->load.kind = (dict_kind)cfg->kind;
    h->load.strict = cfg->strict != 0;
    h->load.diag = cfg->diag;
    h->load.user = cfg->user;
    double t0 = now_ms();
    h->unreadable = load_all(h);
    h->load_ms = now_ms() - t0;
    return h;
}

void dyad_dicts_free(dyad_dicts *h)
{
    if (!h) return;
    dict_free(h->dict);
    for (size_t i = 0; i < h->npaths; i++) free(h->paths[i]);
    free(h->paths);
    free(h);
}

size_t dyad_dicts_unreadable(const dyad_dicts *h)
{
    return h->unreadable;
}

size_t dyad_dicts_file_count(const dyad_dicts *h)
{
    return dict_file_count(h->dict);
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

static void print_counts(FILE *out, const dict_counts *c, bool all)
{
    for (size_t i = 0; i < sizeof count_fields / sizeof *count_fields; i++) {
        size_t v = *(const size_t *)((const char *)c + count_fields[i].offset);
        if (v || (all && count_fields[i].always)) fprintf(out, " %s=%zu", count_fields[i].name, v);
    }
    fputc('\n', out);
}

static void print_file_counts(FILE *out, const dyad_dict *d)
{
    for (uint32_t i = 0; i < dict_file_count(d); i++) {
        const dict_file *f = dict_file_at(d, i);
        fprintf(out, "%s: %s %s:", f->path, dict_syntax_name(f->syntax), dict_kind_name(f->kind));
        print_counts(out, &f->counts, false);
    }
}

/* ---- check ------------------------------------------------------------------ */

static void print_finding(dict_finding_kind kind, const char *file, size_t line, const char *msg,
                          void *user)
{
    fprintf((FILE *)user, "%s:%zu: %s: %s\n", file, line, dict_finding_name(kind), msg);
}

long dyad_dicts_check(const dyad_dicts *h, FILE *out)
{
    const dyad_dict *d = h->dict;
    if (dict_image_bytes(d))
        fprintf(out, "%s: compiled image of %zu files; malformed lines are not kept in images, "
                "check the text files to see them\n", h->paths[0], dict_file_count(d));
    print_file_counts(out, d);
    size_t per_kind[DICT_FIND_KINDS];
    size_t findings = dict_check(d, print_finding, out, per_kind);
    dict_counts total = dict_total_counts(d);
    fprintf(out, "total:");
    print_counts(out, &total, true);
    fprintf(out, "findings: %zu", findings);
    for (int k = 0; k < DICT_FIND_KINDS; k++)
        if (per_kind[k]) fprintf(out, " %s=%zu", dict_finding_name((dict_finding_kind)k), per_kind[k]);
    fputc('\n', out);
    return (long)(findings + total.errors + h->unreadable);
}

/* ---- compile ------------------------------------------------------------------- */

int dyad_dicts_compile(const dyad_dicts *h, const char *dest, FILE *out)
{
    const dyad_dict *d = h->dict;
    if (dict_image_bytes(d)) {
        report(h, h->paths[0], "is already a compiled image");
        return -1;
    }
    char image[4096];
    const char *const *paths = (const char *const *)h->paths;
    if (!h->npaths || dict_image_path_for(paths, h->npaths, dest, image, sizeof image)) {
        report(h, dest, h->npaths ? "image path too long" : "no dictionary files to compile");
        return -1;
    }
    print_file_counts(out, d);
    dict_counts total = dict_total_counts(d);
    fprintf(out, "total:");
    print_counts(out, &total, true);
    /* Nothing is written from a partial set: an image must answer for
     * every file it names. */
    if (h->unreadable) return -1;
    size_t text_bytes = 0;
    for (uint32_t i = 0; i < dict_file_count(d); i++) {
        FILE *f = fopen(dict_file_at(d, i)->path, "rb");
        if (f && fseek(f, 0, SEEK_END) == 0) text_bytes += (size_t)ftell(f);
        if (f) fclose(f);
    }
    dict_image_request req = {paths, h->npaths, &h->load};
    char err[512];
    double t2 = now_ms();
    if (dict_image_write(d, &req, image, err, sizeof err)) {
        report(h, image, err);
        return -1;
    }
    /* The image is only as good as its loading back: checked now rather
     * than at the coder's first use. */
    double t3 = now_ms();
    dyad_dict *back = dict_new();
    int rc = back ? dict_image_load(back, image, err, sizeof err) : -1;
    double t4 = now_ms();
    if (rc) {
        char msg[640];
        snprintf(msg, sizeof msg, "the image written does not load back: %s", back ? err : "out of memory");
        report(h, image, msg);
    } else {
        fprintf(out, "image: %s (%zu bytes) from %zu files (%zu bytes of text)\n", image,
                dict_image_bytes(back), dict_file_count(d), text_bytes);
        fprintf(out, "time: read text %.1f ms, write image %.1f ms, load image %.1f ms\n", h->load_ms,
                t3 - t2, t4 - t3);
    }
    dict_free(back);
    return rc ? -1 : 0;
}

/* ---- lookup ------------------------------------------------------------------- */

static void print_date(FILE *out, int32_t date)
{
    fprintf(out, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
}

/* "[RUSGOV 1999-12-31..2008-05-07]" */
static void print_code(FILE *out, const dyad_dict *d, const dict_actor_code *c)
{
    fprintf(out, "[%s", dict_string(d, c->code));
    if (c->dated) {
        fputc(' ', out);
        if (c->from == DICT_DATE_MIN) { fprintf(out, "until "); print_date(out, c->to); }
        else if (c->to == DICT_DATE_MAX) { fprintf(out, "from "); print_date(out, c->from); }
        else { print_date(out, c->from); fprintf(out, ".."); print_date(out, c->to); }
    }
    fprintf(out, "] line %u", c->line);
}

/* Applies dict_actor_code_on()'s rule code by code, saying for each why it
 * holds or not on the date. */
static void explain_date(FILE *out, const dyad_dict *d, const dict_actor *a, const dict_actor_code *codes, int32_t date)
{
    uint32_t on = dict_actor_code_on(d, (uint32_t)(a - dict_actors(d, NULL)), date);
    fprintf(out, "  on ");
    print_date(out, date);
    fprintf(out, ": %s\n", on == DICT_NONE ? "no code (the actor has none)" : dict_string(d, on));
    const dict_actor_code *chosen_dated = NULL, *first_default = NULL;
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const dict_actor_code *c = &codes[a->first_code + i];
        if (c->dated && !chosen_dated && date >= c->from && date <= c->to) chosen_dated = c;
        if (!c->dated && !first_default) first_default = c;
    }
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const dict_actor_code *c = &codes[a->first_code + i];
        fprintf(out, "    ");
        print_code(out, d, c);
        if (c->dated) {
            if (c == chosen_dated) fprintf(out, ": applies, the first dated code (in the order written) whose range holds the date\n");
            else if (date >= c->from && date <= c->to) fprintf(out, ": holds the date too, but line %u comes first\n", chosen_dated->line);
            else if (date < c->from) { fprintf(out, ": does not apply, it starts "); print_date(out, c->from); fputc('\n', out); }
            else { fprintf(out, ": does not apply, it ended "); print_date(out, c->to); fputc('\n', out); }
        } else if (c != first_default) {
            fprintf(out, ": not used, only the first undated code is the default\n");
        } else if (chosen_dated) {
            fprintf(out, ": the default, not used because a dated code holds the date\n");
        } else {
            fprintf(out, ": applies, the default: no dated code holds the date\n");
        }
    }
    if (!chosen_dated && !first_default && a->ncodes)
        fprintf(out, "    no code holds the date and there is no default: the null code ---\n");
}

static void explain_actor(FILE *out, const dyad_dict *d, uint32_t actor, const char *const *words, size_t n, int32_t date)
{
    const dict_actor *a = &dict_actors(d, NULL)[actor];
    const dict_phrase *ph = dict_phrases(d, DICT_PH_ACTOR, NULL);
    const dict_actor_code *codes = dict_actor_codes(d, NULL);
    char text[512];
    dict_phrase_text(d, &ph[a->first_phrase], text, sizeof text);
    fprintf(out, "actor %s (%s:%u)\n", text, dict_file_at(d, a->file)->path, a->line);
    for (uint32_t i = 1; i < a->nphrases; i++) {
        const dict_phrase *syn = &ph[a->first_phrase + i];
        dict_phrase_text(d, syn, text, sizeof text);
        const dict_token *t = dict_tokens(d) + syn->first;
        bool matched = syn->n == n;
        for (size_t k = 0; matched && k < n; k++)
            matched = t[k].kind == DICT_TOK_WORD && strcmp(dict_string(d, t[k].value), words[k]) == 0;
        fprintf(out, "  synonym +%s (line %u)%s\n", text, syn->line, matched ? ": the phrase looked up" : "");
    }
    if (!a->ncodes) fprintf(out, "  no code\n");
    for (uint32_t i = 0; date < 0 && i < a->ncodes; i++) {
        fprintf(out, "  code ");
        print_code(out, d, &codes[a->first_code + i]);
        fputc('\n', out);
    }
    if (date < 0) {
        if (a->ncodes > 1)
            fprintf(out, "  (on a date: the first dated code holding it, else the first undated code; "
                   "give --date to see which)\n");
        return;
    }
    explain_date(out, d, a, codes, date);
}

/* Lower-cases the phrase and splits it at blanks, '_' and hyphens into words. */
static size_t split_phrase(char *s, const char **words, size_t max)
{
    size_t n = 0;
    char *p = s;
    while (*p) {
        /* a hyphen parts words as it does in the text the coder reads
         * ("Ki-moon" is "Ki moon") */
        while (*p == ' ' || *p == '_' || *p == '\t' || *p == '-') *p++ = 0;
        if (!*p) break;
        if (n < max) words[n++] = p;
        while (*p && *p != ' ' && *p != '_' && *p != '\t' && *p != '-') {
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

static void print_where(FILE *out, const dyad_dict *d, const dict_phrase *p)
{
    fprintf(out, "%s:%u", dict_file_at(d, p->file)->path, p->line);
}

static size_t lookup_verbs(FILE *out, const dyad_dict *d, const char *const *words, size_t n)
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
            fprintf(out, kind == DICT_PH_VERB ? "verb %s (" : "verb form of %s (", text);
            print_where(out, d, &ph[i]);
            if (kind == DICT_PH_FORM && v->line != ph[i].line) fprintf(out, ", the verb at line %u", v->line);
            fputc(')', out);
            fprintf(out, " in block %s%s (line %u): code [%s]%s, %u pattern(s)\n", dict_string(d, b->name),
                   sections[b->section <= DICT_SECTION_ATTRIB ? b->section : 0], b->line,
                   code == DICT_NONE ? "" : dict_string(d, code),
                   v->code == DICT_NONE ? " (the block's)" : " (the verb's own)", b->npatterns);
            found++;
        }
    }
    return found;
}

static size_t lookup_agents(FILE *out, const dyad_dict *d, const char *const *words, size_t n)
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
        if (strcmp(text, matched) == 0) fprintf(out, "agent %s (", text);
        else fprintf(out, "agent %s, written as %s (", matched, text);
        print_where(out, d, &ph[i]);
        fprintf(out, "): code [%s], %s the code of the actor it qualifies%s%s\n", code, code[0] == '~' ? "appended to" : "put before",
               ph[i].flags & DICT_PF_PLURAL ? "; this is its plural" : "",
               ph[i].flags & DICT_PF_EXPANDED ? "; made from a !SUBSTITUTION!" : "");
        found++;
    }
    return found;
}

static size_t lookup_others(FILE *out, const dyad_dict *d, const char *const *words, size_t n)
{
    size_t found = 0, np;
    const dict_phrase *ph = dict_phrases(d, DICT_PH_DISCARD, &np);
    for (size_t i = 0; i < np; i++) {
        if (!phrase_is(d, &ph[i], words, n)) continue;
        fprintf(out, "discard (");
        print_where(out, d, &ph[i]);
        fprintf(out, "): %s\n", ph[i].flags & DICT_PF_STORY ? "the whole story is not coded" : "the sentence is not coded");
        found++;
    }
    ph = dict_phrases(d, DICT_PH_ISSUE, &np);
    size_t ncat;
    const dict_issue_category *cats = dict_issue_categories(d, &ncat);
    for (size_t i = 0; i < np; i++) {
        if (!phrase_is(d, &ph[i], words, n)) continue;
        fprintf(out, "issue phrase (");
        print_where(out, d, &ph[i]);
        fprintf(out, "): ");
        if (ph[i].flags & (DICT_PF_IGNORE | DICT_PF_IGNORE2)) fprintf(out, "cancels issue coding");
        else fprintf(out, "code [%s]", ph[i].code == DICT_NONE ? "" : dict_string(d, ph[i].code));
        if (ph[i].owner < ncat && cats[ph[i].owner].name != DICT_NONE)
            fprintf(out, " in category %s", dict_string(d, cats[ph[i].owner].name));
        fputc('\n', out);
        found++;
    }
    return found;
}

static size_t lookup_words(FILE *out, const dyad_dict *d, const char *const *words, size_t n, int32_t date)
{
    uint32_t actors[64];
    size_t nact = dict_find_actors(d, words, n, actors, 64);
    for (size_t i = 0; i < nact && i < 64; i++) explain_actor(out, d, actors[i], words, n, date);
    if (nact > 64) fprintf(out, "(and %zu more actors)\n", nact - 64);
    return nact + lookup_verbs(out, d, words, n) + lookup_agents(out, d, words, n) + lookup_others(out, d, words, n);
}

/* Inflected words: the lemmas as a verb (said, says, saying) and as a
 * plural noun (ministers), each tried once. */
static size_t lookup_lemmas(FILE *out, const dyad_dict *d, const char *const *words, size_t n, int32_t date)
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
        fprintf(out, "-- as '%.*s' (lemmas of the words):\n", (int)(strlen(key) ? strlen(key) - 1 : 0), key);
        found += lookup_words(out, d, lw, n, date);
        if (found == before) fprintf(out, "   nothing\n");
    }
    return found;
}


long dyad_dicts_lookup(const dyad_dicts *h, const char *phrase, const char *date, FILE *out)
{
    int32_t day = -1;
    if (date && *date && dyad_date_parse(date, &day)) return -1;
    char *copy = strdup(phrase ? phrase : "");
    if (!copy) return -1;
    const dyad_dict *d = h->dict;
    const char *words[DICT_MAX_PHRASE_TOKENS];
    size_t n = split_phrase(copy, words, DICT_MAX_PHRASE_TOKENS);
    size_t found = n ? lookup_words(out, d, words, n, day) : 0;
    if (!found && n) {
        fprintf(out, "%s: not written so in these dictionaries\n", phrase);
        found = lookup_lemmas(out, d, words, n, day);
    }
    if (!found) fprintf(out, "%s: not in these dictionaries\n", phrase ? phrase : "");
    free(copy);
    return (long)found;
}
