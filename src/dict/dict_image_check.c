/* dict_image_check.c -- validating the model inside a compiled image
 * before a dictionary points into it: every index, range, string id, enum
 * and stored bool, so that nothing the readers would never write can reach
 * the code that trusts the model.  One linear pass. */
#include "dict_image_private.h"
#include <stddef.h>

/* A bool read from the image must be 0 or 1 before C may load it as bool. */
#define BYTE_AT(p, type, field) (((const unsigned char *)(p))[offsetof(type, field)])
#define BOOL_OK(p, type, field) (BYTE_AT(p, type, field) <= 1)

typedef struct checker {
    const img_view *v;
    char *err;
    size_t cap;
} checker;

static bool str_ok(const checker *c, uint32_t id) { return id == DICT_NONE || id < c->v->nstrs; }
static bool file_ok(const checker *c, uint32_t f) { return f < c->v->nfiles; }
/* [first, first + n) inside an array of size total, without overflow. */
static bool range_ok(uint32_t first, uint32_t n, size_t total) { return first <= total && n <= total - first; }

static int check_strings(const checker *c)
{
    const img_view *v = c->v;
    for (size_t i = 0; i < v->nstrs; i++) {
        size_t off = v->str_offsets[i], len = v->str_lens[i];
        if (off >= v->nstr_bytes || len >= v->nstr_bytes - off || v->str_bytes[off + len] != 0 ||
            len > UINT32_MAX / 2)
            return img_fail(c->err, c->cap, "corrupt string %zu", i);
    }
    /* The intern table must leave empty slots, or a lookup would never end. */
    bool pow2 = v->nslots && (v->nslots & (v->nslots - 1)) == 0;
    if (v->nstrs ? !pow2 || v->nslots / 2 < v->nstrs : v->nslots && !pow2)
        return img_fail(c->err, c->cap, "corrupt string hash table size");
    size_t used = 0;
    for (size_t i = 0; i < v->nslots; i++) {
        if (v->slots[i] > v->nstrs) return img_fail(c->err, c->cap, "corrupt string hash slot %zu", i);
        used += v->slots[i] != 0;
    }
    if (used != v->nstrs) return img_fail(c->err, c->cap, "corrupt string hash table");
    return 0;
}

/* Which array a phrase's owner indexes, per phrase kind; NVECS: none, and
 * then it must be DICT_NONE as the readers write it. */
static size_t owner_array(int kind, bool *may_be_none)
{
    *may_be_none = false;
    switch (kind) {
    case DICT_PH_ACTOR: return V_ACTORS;
    case DICT_PH_AGENT: return V_AGENTS;
    case DICT_PH_VERB: case DICT_PH_FORM: return V_VERBS;
    case DICT_PH_PATTERN: return V_BLOCKS;
    case DICT_PH_SYNSET: return V_SYNSETS;
    case DICT_PH_ISSUE: *may_be_none = true; return V_ISSUE_CATEGORIES;
    default: return NVECS;
    }
}

static const char *kind_label(int kind)
{
    static const char *const names[DICT_PH_KINDS] = {"actor", "agent", "verb", "verb form", "pattern",
                                                      "synset", "discard", "issue", "noun", "adjective"};
    return kind >= 0 && kind < DICT_PH_KINDS ? names[kind] : "?";
}

static int check_tokens_and_phrases(const checker *c)
{
    const img_view *v = c->v;
    const dict_token *tok = v->vec[V_TOKENS];
    for (size_t i = 0; i < v->vec_n[V_TOKENS]; i++) {
        if (tok[i].kind > DICT_TOK_PP_CLOSE) return img_fail(c->err, c->cap, "corrupt token %zu", i);
        bool names_string = tok[i].kind == DICT_TOK_WORD || tok[i].kind == DICT_TOK_SYNSET;
        /* as the readers write them: words of at most DICT_MAX_WORD bytes,
         * and no value at all on the other tokens */
        if (names_string ? tok[i].value >= v->nstrs : tok[i].value != 0)
            return img_fail(c->err, c->cap, "corrupt token %zu", i);
        if (tok[i].kind == DICT_TOK_WORD && v->str_lens[tok[i].value] > DICT_MAX_WORD)
            return img_fail(c->err, c->cap, "token %zu: word longer than %d bytes", i, DICT_MAX_WORD);
    }
    for (int k = 0; k < DICT_PH_KINDS; k++) {
        const dict_phrase *ph = v->vec[V_PHRASES + k];
        bool may_be_none;
        size_t owners = owner_array(k, &may_be_none);
        for (size_t i = 0; i < v->vec_n[V_PHRASES + k]; i++) {
            const dict_phrase *p = &ph[i];
            bool owner_ok = owners == NVECS ? p->owner == DICT_NONE
                                            : p->owner < v->vec_n[owners] || (may_be_none && p->owner == DICT_NONE);
            if (!range_ok(p->first, p->n, v->vec_n[V_TOKENS]) || p->n > DICT_MAX_PHRASE_TOKENS ||
                !owner_ok || !str_ok(c, p->code) || !file_ok(c, p->file))
                return img_fail(c->err, c->cap, "corrupt %s phrase %zu", kind_label(k), i);
        }
    }
    return 0;
}

static int check_entries(const checker *c)
{
    const img_view *v = c->v;
    const size_t *n = v->vec_n;
    const size_t nph_actor = n[V_PHRASES + DICT_PH_ACTOR], nph_agent = n[V_PHRASES + DICT_PH_AGENT];
    const dict_actor *actors = v->vec[V_ACTORS];
    for (size_t i = 0; i < n[V_ACTORS]; i++) {
        const dict_actor *a = &actors[i];
        if (!range_ok(a->first_phrase, a->nphrases, nph_actor) ||
            !range_ok(a->first_code, a->ncodes, n[V_ACTOR_CODES]) || !file_ok(c, a->file))
            return img_fail(c->err, c->cap, "corrupt actor %zu", i);
    }
    const dict_actor_code *codes = v->vec[V_ACTOR_CODES];
    for (size_t i = 0; i < n[V_ACTOR_CODES]; i++)
        if (!str_ok(c, codes[i].code) || !BOOL_OK(&codes[i], dict_actor_code, dated) || !file_ok(c, codes[i].file))
            return img_fail(c->err, c->cap, "corrupt actor code %zu", i);
    const dict_agent *agents = v->vec[V_AGENTS];
    for (size_t i = 0; i < n[V_AGENTS]; i++)
        if (!range_ok(agents[i].first_phrase, agents[i].nphrases, nph_agent) || !str_ok(c, agents[i].code) ||
            agents[i].plural > DICT_PLURAL_EXPLICIT || !file_ok(c, agents[i].file))
            return img_fail(c->err, c->cap, "corrupt agent %zu", i);
    const dict_subst *substs = v->vec[V_SUBSTS];
    for (size_t i = 0; i < n[V_SUBSTS]; i++)
        if (!str_ok(c, substs[i].name) || !range_ok(substs[i].first_value, substs[i].nvalues, n[V_SUBST_VALUES]) ||
            !file_ok(c, substs[i].file))
            return img_fail(c->err, c->cap, "corrupt substitution %zu", i);
    const uint32_t *values = v->vec[V_SUBST_VALUES];
    for (size_t i = 0; i < n[V_SUBST_VALUES]; i++)
        if (!str_ok(c, values[i])) return img_fail(c->err, c->cap, "corrupt substitution value %zu", i);
    const dict_verb_block *blocks = v->vec[V_BLOCKS];
    for (size_t i = 0; i < n[V_BLOCKS]; i++) {
        const dict_verb_block *b = &blocks[i];
        if (!str_ok(c, b->name) || !str_ok(c, b->code) || !range_ok(b->first_verb, b->nverbs, n[V_VERBS]) ||
            !range_ok(b->first_pattern, b->npatterns, n[V_PHRASES + DICT_PH_PATTERN]) ||
            b->section > DICT_SECTION_ATTRIB || !file_ok(c, b->file))
            return img_fail(c->err, c->cap, "corrupt verb block %zu", i);
    }
    const dict_verb *verbs = v->vec[V_VERBS];
    for (size_t i = 0; i < n[V_VERBS]; i++) {
        const dict_verb *vb = &verbs[i];
        if (vb->phrase >= n[V_PHRASES + DICT_PH_VERB] ||
            !range_ok(vb->first_form, vb->nforms, n[V_PHRASES + DICT_PH_FORM]) || !str_ok(c, vb->code) ||
            vb->block >= n[V_BLOCKS] || !BOOL_OK(vb, dict_verb, forms_given) || !file_ok(c, vb->file))
            return img_fail(c->err, c->cap, "corrupt verb %zu", i);
    }
    const dict_synset *synsets = v->vec[V_SYNSETS];
    for (size_t i = 0; i < n[V_SYNSETS]; i++)
        if (synsets[i].name >= v->nstrs ||
            !range_ok(synsets[i].first_member, synsets[i].nmembers, n[V_PHRASES + DICT_PH_SYNSET]) ||
            !BOOL_OK(&synsets[i], dict_synset, no_plural) || !file_ok(c, synsets[i].file))
            return img_fail(c->err, c->cap, "corrupt synset %zu", i);
    const dict_transform *tr = v->vec[V_TRANSFORMS];
    for (size_t i = 0; i < n[V_TRANSFORMS]; i++) {
        const uint32_t ids[] = {tr[i].outer_source, tr[i].inner_source, tr[i].inner_target, tr[i].inner_verb,
                                tr[i].outer_verb, tr[i].result_source, tr[i].result_target, tr[i].result_code};
        for (size_t k = 0; k < sizeof ids / sizeof *ids; k++)
            if (!str_ok(c, ids[k])) return img_fail(c->err, c->cap, "corrupt transformation %zu", i);
        if (!file_ok(c, tr[i].file)) return img_fail(c->err, c->cap, "corrupt transformation %zu", i);
    }
    const dict_issue_category *cats = v->vec[V_ISSUE_CATEGORIES];
    for (size_t i = 0; i < n[V_ISSUE_CATEGORIES]; i++)
        if (!str_ok(c, cats[i].name) || !str_ok(c, cats[i].type) || !str_ok(c, cats[i].default_code) ||
            !file_ok(c, cats[i].file))
            return img_fail(c->err, c->cap, "corrupt issue category %zu", i);
    const dict_label *labels = v->vec[V_LABELS];
    for (size_t i = 0; i < n[V_LABELS]; i++)
        if (!str_ok(c, labels[i].code) || !str_ok(c, labels[i].text) || !file_ok(c, labels[i].file))
            return img_fail(c->err, c->cap, "corrupt label %zu", i);
    const dict_project_entry *proj = v->vec[V_PROJECT];
    for (size_t i = 0; i < n[V_PROJECT]; i++)
        if (proj[i].role > DICT_ROLE_DOCTAIL || !str_ok(c, proj[i].value) || !file_ok(c, proj[i].file))
            return img_fail(c->err, c->cap, "corrupt project entry %zu", i);
    return 0;
}

/* dict_options: its bools, small enums, the CODE BY text and string ids.
 * (A bool added to dict_options must be added here.) */
static int check_options(const checker *c)
{
    const dict_options *o = c->v->options;
    const unsigned char *raw = (const unsigned char *)o;
    static const size_t bools[] = {
        offsetof(dict_options, label), offsetof(dict_options, dup_warning),
        offsetof(dict_options, convert_agents), offsetof(dict_options, fbis), offsetof(dict_options, yyyy),
        offsetof(dict_options, skip_records), offsetof(dict_options, haiku), offsetof(dict_options, allcaps),
        offsetof(dict_options, code_nonrestrictive), offsetof(dict_options, forward_doc),
        offsetof(dict_options, forward_off), offsetof(dict_options, default_prior),
        offsetof(dict_options, default_after), offsetof(dict_options, comma_off)};
    for (size_t i = 0; i < sizeof bools / sizeof *bools; i++)
        if (raw[bools[i]] > 1) return img_fail(c->err, c->cap, "corrupt options (a flag)");
    if (!memchr(o->code_by, 0, sizeof o->code_by) || o->actor_usage > DICT_3WAY_TRUE ||
        o->agent_usage > DICT_3WAY_TRUE || o->verb_usage > DICT_3WAY_TRUE || o->time_shifting > DICT_3WAY_TRUE ||
        o->nonevents > 2 || !str_ok(c, o->forward) || !str_ok(c, o->default_source) ||
        !str_ok(c, o->default_target))
        return img_fail(c->err, c->cap, "corrupt options");
    return 0;
}

int img_check_model(const img_view *v, char *err, size_t cap)
{
    checker c = {v, err, cap};
    return check_strings(&c) || check_tokens_and_phrases(&c) || check_entries(&c) || check_options(&c) ? -1 : 0;
}
