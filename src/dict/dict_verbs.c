/* dict_verbs.c -- building verb blocks, verbs, forms, patterns and synsets:
 * the parts of the TABARI and PETRARCH2 verb readers that are the same. */
#include "dict_verbs.h"
#include <stdlib.h>

static dict_counts *counts(dict_loader *L) { return dict_loader_counts(L); }

uint32_t dict_verbs_new_block(dict_loader *L, uint32_t name, uint32_t code, dict_section section)
{
    dyad_dict *d = L->d;
    dict_verb_block *b = dict_vec_push(&d->blocks, sizeof *b);
    if (!b) { dict_oom(L); return DICT_NONE; }
    b->name = name;
    b->code = code;
    b->first_verb = (uint32_t)d->verbs.n;
    b->first_pattern = (uint32_t)d->phrases[DICT_PH_PATTERN].n;
    b->section = (uint8_t)section;
    b->file = L->file;
    b->line = (uint32_t)L->line;
    if (section == DICT_SECTION_VERBS) counts(L)->verb_blocks++;
    return (uint32_t)(d->blocks.n - 1);
}

static void count_entry(dict_loader *L, dict_section section, size_t *verbs_field)
{
    if (section == DICT_SECTION_TIME) counts(L)->time_entries++;
    else if (section == DICT_SECTION_ATTRIB) counts(L)->attrib_entries++;
    else (*verbs_field)++;
}

uint32_t dict_verbs_new_verb(dict_loader *L, uint32_t block, dict_phrase *ph, uint32_t code)
{
    dyad_dict *d = L->d;
    dict_verb_block *b = &DICT_VEC_AT(d->blocks, dict_verb_block, block);
    if (b->first_verb + b->nverbs != d->verbs.n) {
        dict_error(L, "verb after another block began");
        return DICT_NONE;
    }
    uint32_t vi = (uint32_t)d->verbs.n;
    ph->owner = vi;
    ph->code = code;
    uint32_t pi = dict_add_phrase(L, DICT_PH_VERB, ph);
    if (pi == DICT_NONE) return DICT_NONE;
    dict_verb *v = dict_vec_push(&d->verbs, sizeof *v);
    if (!v) { dict_oom(L); return DICT_NONE; }
    v->phrase = pi;
    v->first_form = (uint32_t)d->phrases[DICT_PH_FORM].n;
    v->code = code;
    v->block = block;
    v->file = L->file;
    v->line = (uint32_t)L->line;
    DICT_VEC_AT(d->blocks, dict_verb_block, block).nverbs++;
    count_entry(L, (dict_section)DICT_VEC_AT(d->blocks, dict_verb_block, block).section,
                &counts(L)->verbs);
    return vi;
}

int dict_verbs_add_forms(dict_loader *L, uint32_t verb, const char *s, size_t n, unsigned ctx)
{
    dyad_dict *d = L->d;
    dict_verb *v = &DICT_VEC_AT(d->verbs, dict_verb, verb);
    if (v->first_form + v->nforms != d->phrases[DICT_PH_FORM].n) {
        dict_error(L, "verb forms must follow their verb directly");
        return -1;
    }
    if (v->forms_given) {
        dict_error(L, "second {...} of verb forms for one verb");
        return -1;
    }
    v->forms_given = true;
    size_t i = 0;
    while (i < n) {
        while (i < n && dict_is_space((unsigned char)s[i])) i++;
        size_t j = i;
        while (j < n && !dict_is_space((unsigned char)s[j])) j++;
        if (j > i) {
            dict_phrase ph = {0};
            ph.owner = verb;
            ph.code = DICT_NONE;
            if (dict_parse_phrase(L, s + i, j - i, ctx, &ph)) return -1;
            if (ph.n) {
                if (dict_add_phrase(L, DICT_PH_FORM, &ph) == DICT_NONE) return -1;
                DICT_VEC_AT(d->verbs, dict_verb, verb).nforms++;
                counts(L)->verb_forms++;
            }
        }
        i = j;
    }
    return 0;
}

/* Checks the groups of a pattern nest properly: TABARI's { a | b } may not
 * nest; PETRARCH's (prep {noun phrase}) may, one level each. */
static const char *pattern_shape_error(const dict_token *t, uint32_t n, size_t *verbs)
{
    int alt = 0, np = 0, pp = 0;
    *verbs = 0;
    for (uint32_t i = 0; i < n; i++) {
        switch (t[i].kind) {
        case DICT_TOK_VERB:
            (*verbs)++;
            if (alt || np) return "'*' inside { ... } (is its '}' missing?)";
            if (pp) return "'*' inside ( ... ) (is its ')' missing?)";
            break;
        case DICT_TOK_ALT_OPEN: if (alt) return "'{' inside { ... }"; alt = 1; break;
        case DICT_TOK_ALT_OR: if (!alt) return "'|' outside { ... }"; break;
        case DICT_TOK_ALT_CLOSE: if (!alt) return "'}' without '{'"; alt = 0; break;
        case DICT_TOK_NP_OPEN: if (np) return "'{' inside { ... }"; np = 1; break;
        case DICT_TOK_NP_CLOSE: if (!np) return "'}' without '{'"; np = 0; break;
        case DICT_TOK_PP_OPEN: if (pp) return "'(' inside ( ... )"; if (np) return "'(' inside { ... }"; pp = 1; break;
        case DICT_TOK_PP_CLOSE: if (!pp) return "')' without '('"; if (np) return "')' before '}'"; pp = 0; break;
        default: break;
        }
    }
    if (alt || np) return "'{' without '}'";
    if (pp) return "'(' without ')'";
    return NULL;
}

void dict_verbs_pattern(dict_loader *L, uint32_t block, const char *s, size_t n, unsigned ctx,
                        dict_code_use use)
{
    dyad_dict *d = L->d;
    dict_verb_block *b = &DICT_VEC_AT(d->blocks, dict_verb_block, block);
    if (b->first_pattern + b->npatterns != d->phrases[DICT_PH_PATTERN].n) {
        dict_error(L, "pattern after another verb block began");
        return;
    }
    const char *bracket = memchr(s, '[', n);
    size_t phrase_len = bracket ? (size_t)(bracket - s) : n;
    dict_code_list codes = {0};
    if (dict_split_codes(L, s, n, phrase_len, use, false, &codes)) { dict_code_list_free(&codes); return; }
    if (codes.n > 1) {
        dict_error(L, "a pattern takes one code, not %zu", codes.n);
        dict_code_list_free(&codes);
        return;
    }
    uint32_t code = codes.n ? codes.v[0].code : DICT_NONE;
    dict_code_list_free(&codes);
    dict_phrase ph = {0};
    ph.owner = block;
    ph.code = code;
    size_t mark = d->tokens.n;
    if (dict_parse_phrase(L, s, phrase_len, ctx, &ph)) return;
    size_t verbs;
    /* An empty phrase may come before any token exists (tokens.v NULL). */
    const dict_token *pt = ph.n ? (const dict_token *)d->tokens.v + ph.first : NULL;
    const char *shape = pattern_shape_error(pt, ph.n, &verbs);
    if (shape) { dict_error(L, "pattern: %s", shape); d->tokens.n = mark; return; }
    if (!verbs) { dict_error(L, "pattern without the verb marker '*'"); d->tokens.n = mark; return; }
    if (dict_add_phrase(L, DICT_PH_PATTERN, &ph) == DICT_NONE) return;
    DICT_VEC_AT(d->blocks, dict_verb_block, block).npatterns++;
    count_entry(L, (dict_section)DICT_VEC_AT(d->blocks, dict_verb_block, block).section,
                &counts(L)->patterns);
}

uint32_t dict_verbs_new_synset(dict_loader *L, const char *s, size_t n)
{
    dyad_dict *d = L->d;
    dict_trim(&s, &n);
    bool no_plural = n && s[n - 1] == '_';
    if (no_plural) n--;
    if (!n) { dict_error(L, "'&' without a synset name"); return DICT_NONE; }
    for (size_t i = 0; i < n; i++)
        if (dict_is_space((unsigned char)s[i])) { dict_error(L, "synset name with a blank in it"); return DICT_NONE; }
    uint32_t name = dict_intern(d, s, n);
    if (name == DICT_NONE) { dict_oom(L); return DICT_NONE; }
    uint32_t existing = dict_synset_find(d, name);
    if (existing != DICT_NONE) {
        const dict_synset *e = &DICT_VEC_AT(d->synsets, dict_synset, existing);
        dict_error(L, "synset &%s is already defined at %s:%u", dict_string(d, name),
                   DICT_VEC_AT(d->files, dict_file, e->file).path, e->line);
        return DICT_NONE;
    }
    dict_synset *syn = dict_vec_push(&d->synsets, sizeof *syn);
    if (!syn) { dict_oom(L); return DICT_NONE; }
    syn->name = name;
    syn->first_member = (uint32_t)d->phrases[DICT_PH_SYNSET].n;
    syn->no_plural = no_plural;
    syn->file = L->file;
    syn->line = (uint32_t)L->line;
    uint32_t idx = (uint32_t)(d->synsets.n - 1);
    if (dict_map_put(&d->synset_by_name, name, idx)) { dict_oom(L); return DICT_NONE; }
    counts(L)->synsets++;
    return idx;
}

void dict_verbs_synset_member(dict_loader *L, uint32_t synset, const char *s, size_t n,
                              unsigned ctx, bool words_only)
{
    dyad_dict *d = L->d;
    dict_synset *syn = &DICT_VEC_AT(d->synsets, dict_synset, synset);
    if (syn->first_member + syn->nmembers != d->phrases[DICT_PH_SYNSET].n) {
        dict_error(L, "synset member after another synset began");
        return;
    }
    dict_phrase ph = {0};
    ph.owner = synset;
    ph.code = DICT_NONE;
    size_t mark = d->tokens.n;
    if (dict_parse_phrase(L, s, n, ctx, &ph)) return;
    if (!ph.n) { dict_error(L, "'+' without a synset member"); return; }
    const dict_token *t = (const dict_token *)d->tokens.v + ph.first;
    for (uint32_t i = 0; i < ph.n; i++) {
        if (t[i].kind == DICT_TOK_SYNSET && t[i].value == syn->name) {
            dict_error(L, "synset &%s refers to itself", dict_string(d, syn->name));
            d->tokens.n = mark;
            return;
        }
        if (words_only && t[i].kind != DICT_TOK_WORD && t[i].kind != DICT_TOK_SYNSET) {
            dict_error(L, "PETRARCH synset members hold only words and synsets, not $ + %% ^");
            d->tokens.n = mark;
            return;
        }
    }
    if (syn->no_plural) ph.flags |= DICT_PF_NO_PLURAL;
    if (dict_add_phrase(L, DICT_PH_SYNSET, &ph) == DICT_NONE) return;
    DICT_VEC_AT(d->synsets, dict_synset, synset).nmembers++;
    counts(L)->synset_members++;
}
