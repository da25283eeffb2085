/*
 * code_match.c -- one verb pattern against one clause (TABARI manual
 * 5.5.3, 5.7.3, 5.7.4).
 *
 * The words after '*' (the "upper" phrase) are matched forward from the
 * word after the verb, the words before it (the "lower" phrase) backward
 * from the word before the verb.  A word joined to its neighbour by '_'
 * must be the very next word; otherwise any words may come between.
 * $, + and % take the next actor in their direction (a compound counts
 * as one), ^ passes over one.  Matching never leaves the clause and stops
 * at a comma; words of eliminated comma-delimited clauses are not seen at
 * all.  Pattern words match whole words when written with '_', as stems
 * otherwise, and never take regular endings.
 */
#include "code.h"

static bool barrier(const code_sentence *s, uint32_t wi)
{
    return s->w[wi].type == W_COMMA;
}

/* dyad's rules: a comma inside a list of noun phrases ("placed the
 * president, two ministers and the army chief under arrest") is no
 * barrier: no verb comes before the list's "and" or "or", which follows
 * within a few words, and a noun stands before the comma. */
static bool list_comma(const code_sentence *s, const code_view *v, size_t q)
{
    if (q == 0) return false;
    const cw_word *p = &s->w[v->idx[q - 1]];
    /* adjectives in a row: "fired multiple, long bursts" */
    if (p->tag == DYAD_TAG_JJ && q + 1 < v->n && s->w[v->idx[q + 1]].tag == DYAD_TAG_JJ) return true;
    if (p->type == W_VERB || p->type == W_AUX || p->type == W_COMMA ||
        !(p->type == W_ACTOR || p->type == W_AGENT || p->type == W_NOUN || (p->flags & CW_PART) ||
          p->tag == DYAD_TAG_NN || p->tag == DYAD_TAG_NNS || p->tag == DYAD_TAG_NNP || p->tag == DYAD_TAG_NNPS))
        return false;
    for (size_t k = q + 1; k < v->n && k <= q + 14; k++) {
        const cw_word *x = &s->w[v->idx[k]];
        if (x->type == W_CONJ) return !strcmp(x->s, "and") || !strcmp(x->s, "or");
        if (x->type == W_VERB || x->type == W_AUX || x->type == W_BY || x->tag == DYAD_TAG_VBD ||
            x->tag == DYAD_TAG_VBZ || x->tag == DYAD_TAG_VBP || x->tag == DYAD_TAG_MD || x->tag == DYAD_TAG_WDT ||
            x->tag == DYAD_TAG_WP || x->tag == DYAD_TAG_TO)
            return false;
    }
    return false;
}

/* A pattern word: whole word or stem as written, no endings (TABARI); a
 * whole word, and the plural of a synset member's last word (PETRARCH). */
static bool lit_at(const code_sentence *s, uint32_t wi, const ix_lit *l, uint8_t tok_flags)
{
    bool plural = (tok_flags & IX_LIT_PLURAL) != 0;
    return ix_lit_matches(l, s->w[wi].s, s->w[wi].len, plural, plural ? IX_END_NOUN : IX_END_NONE);
}

static bool word_is_possessive(const cw_word *x)
{
    return (x->len == 3 && (!memcmp(x->s, "his", 3) || !memcmp(x->s, "her", 3) || !memcmp(x->s, "its", 3))) ||
           (x->len == 5 && !memcmp(x->s, "their", 5));
}

/* The actor mention (a pronoun resolved) that covers word wi. */
static uint32_t actor_at(const code_sentence *s, uint32_t wi)
{
    const cw_word *x = &s->w[wi];
    if (x->actor != DICT_NONE && (x->type == W_ACTOR || x->type == W_PRON ||
                                  ((x->flags & CW_PART) && x->type == W_NONE)) &&
        !s->actors[x->actor].cancelled)
        return x->actor;
    return DICT_NONE;
}

static inline void bloom_add(uint64_t *b, uint32_t h)
{
    b[(h & 2047) >> 6] |= 1ull << (h & 63);
    b[((h >> 11) & 2047) >> 6] |= 1ull << ((h >> 11) & 63);
}

static void add_word(uint64_t *b, const cw_word *x)
{
    uint32_t h = IX_HASH_INIT;
    for (uint16_t k = 0; k < x->len; k++) {
        h = ix_hash_step(h, (unsigned char)x->s[k]);
        bloom_add(b, h);
    }
}

void code_sentence_bloom(code_sentence *s)
{
    memset(s->bloom, 0, sizeof s->bloom);
    for (size_t i = 0; i < s->n; i++) add_word(s->bloom, &s->w[i]);
}

bool code_match_pattern(const dyad_coder_work *w, const code_sentence *s, const code_view *v,
                        size_t vfirst, size_t vlast, const ix_pattern *p, code_match *m)
{
    const ix_ptok *t = ix_ptoks(w->c->ix) + p->first_tok;
    const ix_lit *lits = ix_lits(w->c->ix);
    bool dyad = w->c->dyad_rules;
    for (uint16_t k = 0; k < p->ntoks; k++)
        if (t[k].kind == IX_PT_WORD && !code_bloom_has(s->bloom, lits[t[k].lit].hash)) return false;
    m->source = m->target = m->attrib = DICT_NONE;
    m->source_at = m->target_at = DICT_NONE;
    m->compound = false;
    m->first = v->idx[vfirst];
    m->last = v->idx[vlast];

    /* upper phrase: forward */
    size_t pos = vlast + 1;
    for (size_t k = (size_t)p->verb_at + 1; k < p->ntoks; k++) {
        bool adj = (t[k - 1].flags & IX_LIT_ADJ) != 0;
        const ix_ptok *tk = &t[k];
        if (tk->kind == IX_PT_WORD) {
            size_t q = pos;
            bool found = false;
            for (; q < v->n && (!barrier(s, v->idx[q]) || (dyad && list_comma(s, v, q))); q++) {
                if (lit_at(s, v->idx[q], &lits[tk->lit], tk->flags)) { found = true; break; }
                if (adj) break;
            }
            if (!found) return false;
            pos = q + 1;
            m->last = v->idx[q];
            continue;
        }
        if (tk->kind == IX_PT_NP_OPEN || tk->kind == IX_PT_NP_CLOSE || tk->kind == IX_PT_PP_OPEN ||
            tk->kind == IX_PT_PP_CLOSE || tk->kind == IX_PT_VERB)
            continue;
        /* an actor token */
        size_t q = pos;
        uint32_t a = DICT_NONE;
        for (; q < v->n && !barrier(s, v->idx[q]); q++) {
            a = actor_at(s, v->idx[q]);
            if (a != DICT_NONE) break;
            if (adj) break;
        }
        if (a == DICT_NONE || q >= v->n) return false;
        /* dyad's rules: "spoke by phone with his Egyptian counterpart": a
         * possessive pronoun before an actor is that actor's determiner */
        if (dyad && s->actors[a].pronoun && q + 1 < v->n && v->idx[q + 1] == v->idx[q] + 1 &&
            (word_is_possessive(&s->w[v->idx[q]])) && actor_at(s, v->idx[q + 1]) != DICT_NONE &&
            !s->actors[actor_at(s, v->idx[q + 1])].pronoun) {
            q++;
            a = actor_at(s, v->idx[q]);
        }
        if (dyad && code_relative_subject(s, v, q, a)) return false;
        uint32_t g = code_actor_group(s, a);
        if (g == DICT_NONE) return false;
        if (tk->kind == IX_PT_COMPOUND && s->actors[g].next == DICT_NONE) return false;
        /* past the actor, or the whole compound */
        size_t e = q + 1;
        if (!s->actors[a].pronoun)
            while (e < v->n && v->idx[e] <= s->actors[g].glast) e++;
        if (tk->kind == IX_PT_SOURCE) { m->source = g; m->source_at = a; }
        else if (tk->kind == IX_PT_TARGET) { m->target = g; m->target_at = a; }
        else if (tk->kind == IX_PT_COMPOUND) {
            m->source = m->target = g;
            m->source_at = m->target_at = a;
            m->compound = true;
        }
        else if (tk->kind == IX_PT_ATTRIB) m->attrib = g;
        pos = e;
        m->last = v->idx[e - 1];
    }

    /* lower phrase: backward */
    long lp = (long)vfirst - 1;
    for (long k = (long)p->verb_at - 1; k >= 0; k--) {
        const ix_ptok *tk = &t[k];
        bool adj = (tk->flags & IX_LIT_ADJ) != 0;
        if (tk->kind == IX_PT_WORD) {
            long q = lp;
            bool found = false;
            for (; q >= 0 && !barrier(s, v->idx[q]); q--) {
                if (lit_at(s, v->idx[q], &lits[tk->lit], tk->flags)) { found = true; break; }
                if (adj) break;
            }
            if (!found) return false;
            lp = q - 1;
            m->first = v->idx[q];
            continue;
        }
        if (tk->kind == IX_PT_NP_OPEN || tk->kind == IX_PT_NP_CLOSE || tk->kind == IX_PT_PP_OPEN ||
            tk->kind == IX_PT_PP_CLOSE || tk->kind == IX_PT_VERB)
            continue;
        long q = lp;
        uint32_t a = DICT_NONE;
        for (; q >= 0 && !barrier(s, v->idx[q]); q--) {
            a = actor_at(s, v->idx[q]);
            if (a != DICT_NONE) break;
            if (adj) break;
        }
        if (a == DICT_NONE || q < 0) return false;
        uint32_t g = code_actor_group(s, a);
        if (g == DICT_NONE) return false;
        if (tk->kind == IX_PT_COMPOUND && s->actors[g].next == DICT_NONE) return false;
        long e = q - 1;
        if (!s->actors[a].pronoun)
            while (e >= 0 && v->idx[e] >= s->actors[g].gfirst) e--;
        if (tk->kind == IX_PT_SOURCE) { m->source = g; m->source_at = a; }
        else if (tk->kind == IX_PT_TARGET) { m->target = g; m->target_at = a; }
        else if (tk->kind == IX_PT_COMPOUND) {
            m->source = m->target = g;
            m->source_at = m->target_at = a;
            m->compound = true;
        }
        else if (tk->kind == IX_PT_ATTRIB) m->attrib = g;
        lp = e;
        m->first = v->idx[e + 1];
    }
    return true;
}
