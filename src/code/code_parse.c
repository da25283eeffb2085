/*
 * code_parse.c -- how the coder reads a sentence (TABARI manual, chapter
 * 7), in TABARI's order:
 *
 *   1. every word is typed: the longest dictionary root starting there
 *      (actor, agent, noun, adjective, verb, time, attribution), else a
 *      determiner, pronoun, conjunction, auxiliary, "by", comma or number;
 *      a verb after a determiner, or capitalised inside a sentence, is a
 *      noun (7.4); a null-coded actor is a noun; a null-coded verb without
 *      patterns is nothing;
 *   2. agents join the actor just before them, else just after them, else
 *      after "in" or "of" ("President of Israel"); "former" makes them ELI;
 *   3. compound actors: "A and B", "A, B, and C", each part an actor after
 *      any determiners and adjectives (7.5);
 *   4. compound noun and adjective phrases keep their conjunction from
 *      splitting the sentence (7.5.1);
 *   5. pronouns take the actors they stand for (7.7);
 *   6. short comma-delimited clauses are set aside (7.8);
 *   7. the remaining conjunctions split the sentence into clauses (7.6).
 */
#include "code.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

/* How far the later words of a root written with blanks ("DURTHANG ORC")
 * may be from the previous one.  TABARI searches to the end of the
 * sentence; the bound keeps the work linear and is far above what the
 * dictionaries need. */
#define CODE_ROOT_GAP 24
#define CODE_MAX_ROOT_LITS 64

static bool word_is(const cw_word *x, const char *s)
{
    size_t n = strlen(s);
    return x->len == n && memcmp(x->s, s, n) == 0;
}

/* The closed-class words TABARI types itself (manual 7.1). */
static cw_type closed_class(const cw_word *x)
{
    const char *s = x->s;
    switch (x->len) {
    case 1: return s[0] == 'a' ? W_DET : W_NONE;
    case 2:
        if (s[0] == 'a' && s[1] == 'n') return W_DET;
        if (s[0] == 'h' && s[1] == 'e') return W_PRON;
        if (s[0] == 'i' && s[1] == 't') return W_PRON;
        if (s[0] == 'o' && s[1] == 'r') return W_CONJ;
        if (s[0] == 'b' && s[1] == 'y') return W_BY;
        return W_NONE;
    case 3:
        if (!memcmp(s, "the", 3)) return W_DET;
        if (!memcmp(s, "she", 3) || !memcmp(s, "its", 3) || !memcmp(s, "his", 3) || !memcmp(s, "her", 3) ||
            !memcmp(s, "him", 3))
            return W_PRON;
        if (!memcmp(s, "and", 3) || !memcmp(s, "but", 3) || !memcmp(s, "nor", 3)) return W_CONJ;
        if (!memcmp(s, "was", 3)) return W_AUX;
        return W_NONE;
    case 4:
        if (!memcmp(s, "they", 4) || !memcmp(s, "them", 4)) return W_PRON;
        if (!memcmp(s, "were", 4) || !memcmp(s, "been", 4)) return W_AUX;
        return W_NONE;
    case 5:
        return !memcmp(s, "their", 5) ? W_PRON : W_NONE;
    default:
        return W_NONE;
    }
}

uint32_t code_push_code(dyad_coder_work *w, const char *s, size_t n)
{
    if (w->ncodes == w->cap_codes) {
        size_t ncap = w->cap_codes ? w->cap_codes * 2 : 64;
        cw_code *nc = realloc(w->codes, ncap * sizeof *nc);
        if (!nc) { w->oom = true; return DICT_NONE; }
        w->codes = nc;
        w->cap_codes = ncap;
    }
    cw_code *c = &w->codes[w->ncodes];
    if (n >= sizeof c->s) n = sizeof c->s - 1;
    memcpy(c->s, s, n);
    c->s[n] = 0;
    return (uint32_t)w->ncodes++;
}

/* ---- 1. word types ------------------------------------------------------------ */

/* Tries root r at word i: fills pos[] with the words its literals matched. */
static bool root_matches(const dict_index *ix, const code_sentence *s, size_t i, const ix_root *r,
                         uint32_t *pos, bool dyad)
{
    const ix_lit *lits = ix_lits(ix) + r->first_lit;
    if (r->nlits > CODE_MAX_ROOT_LITS) return false;
    /* the first literal is the group's key, a prefix of the word: only
     * whether the rest of the word is allowed remains to be seen */
    for (uint16_t k = 1; k < r->nlits; k++)
        if (!code_bloom_has(s->bloom, lits[k].hash)) return false;
    const cw_word *x = &s->w[i];
    if (lits[0].len < x->len && (lits[0].flags & (IX_LIT_EXACT | IX_LIT_NO_ENDINGS)) &&
        !ix_lit_matches(&lits[0], x->s, x->len, r->end_at == 0, r->endings))
        return false;
    pos[0] = (uint32_t)i;
    size_t at = i;
    for (uint16_t k = 1; k < r->nlits; k++) {
        bool last = k == r->end_at;
        if (lits[k - 1].flags & IX_LIT_ADJ) {
            size_t q = at + 1;
            /* dyad: an adverb may stand between a verb and its particle
             * ("called again for", "pulled quickly back") */
            if (dyad && r->kind == IX_VERB && k == 1 && q + 1 < s->n && s->w[q].tag == DYAD_TAG_RB &&
                !(s->w[q].flags & CW_PART) && strcmp(s->w[q].s, "not") != 0 && strcmp(s->w[q].s, "n't") != 0 &&
                strcmp(s->w[q].s, "never") != 0 &&
                !ix_lit_matches(&lits[k], s->w[q].s, s->w[q].len, last, r->endings))
                q++;
            if (q >= s->n || (s->w[q].flags & CW_PART) ||
                !ix_lit_matches(&lits[k], s->w[q].s, s->w[q].len, last, r->endings))
                return false;
            at = q;
        } else {
            size_t q = at + 1, stop = at + 1 + CODE_ROOT_GAP;
            for (; q < s->n && q < stop; q++)
                if (!(s->w[q].flags & CW_PART) &&
                    ix_lit_matches(&lits[k], s->w[q].s, s->w[q].len, last, r->endings))
                    break;
            if (q >= s->n || q >= stop) return false;
            at = q;
        }
        pos[k] = (uint32_t)at;
    }
    return true;
}

static const uint8_t kind_rank[IX_KINDS] = {0, 1, 2, 3, 4, 5, 6, 7};

static bool better(const ix_root *roots, uint32_t a, uint32_t b)
{
    if (b == DICT_NONE) return true;
    if (roots[a].length != roots[b].length) return roots[a].length > roots[b].length;
    if (roots[a].kind != roots[b].kind) return kind_rank[roots[a].kind] < kind_rank[roots[b].kind];
    return a < b;
}

/* The best root at word i; its literal positions in pos. */
static uint32_t best_root(const dict_index *ix, const code_sentence *s, size_t i, uint32_t *pos, bool e_drop)
{
    const ix_root *roots = ix_roots(ix, NULL);
    ix_hit hits[48];
    const cw_word *x = &s->w[i];
    size_t nh = ix_prefix_groups(ix, x->s, x->len, hits, sizeof hits / sizeof *hits);
    if (nh > sizeof hits / sizeof *hits) nh = sizeof hits / sizeof *hits;
    uint32_t best = DICT_NONE;
    uint32_t tmp[CODE_MAX_ROOT_LITS];
    for (size_t h = 0; h < nh + 1; h++) {
        const uint32_t *list;
        size_t count;
        if (h < nh) {
            list = hits[h].roots;
            count = hits[h].count;
        } else {
            /* forms whose stem is no prefix of the word: "deploring"
             * (DEPLORE), "tries", "tried" (TRY) */
            if (x->len < 4 || x->len > 64) break;
            char stem[72];
            size_t sn = 0;
            const char *tail = x->s + x->len - 3;
            if (memcmp(tail, "ing", 3) == 0 && x->len >= 5) {
                memcpy(stem, x->s, x->len - 3);
                stem[x->len - 3] = 'e';
                sn = x->len - 2;
            } else if (memcmp(tail, "ies", 3) == 0 || memcmp(tail, "ied", 3) == 0) {
                memcpy(stem, x->s, x->len - 3);
                stem[x->len - 3] = 'y';
                sn = x->len - 2;
            }
            list = sn ? ix_group(ix, stem, sn, &count) : NULL;
            for (size_t k = 0; list && k < count; k++) {
                const ix_root *r = &roots[list[k]];
                if (r->endings == IX_END_NONE || r->nlits != 1) continue;
                const ix_lit *l = &ix_lits(ix)[r->first_lit];
                /* dyad's rules: PROVIDE_ also takes "providing" and TRY_
                 * "tries" -- TABARI's own regular endings do not */
                bool dropped = e_drop && r->kind == IX_VERB && l->len == sn && !memcmp(l->s, stem, sn);
                if (!dropped && !ix_lit_matches(l, x->s, x->len, true, r->endings)) continue;
                if (!better(roots, list[k], best)) break;
                best = list[k];
                pos[0] = (uint32_t)i;
                break;
            }
            break;
        }
        for (size_t k = 0; k < count; k++) {
            uint32_t ri = list[k];
            if (!better(roots, ri, best)) break; /* groups are in trial order */
            if (root_matches(ix, s, i, &roots[ri], tmp, e_drop)) {
                best = ri;
                memcpy(pos, tmp, roots[ri].nlits * sizeof *pos);
                break;
            }
        }
    }
    return best;
}

static int resolve_actor_codes(dyad_coder_work *w, code_sentence *s, uint32_t actor_index,
                               uint32_t *first, uint32_t *n, uint8_t *special)
{
    const dyad_dict *d = w->c->dict;
    uint32_t code = dict_actor_code_on(d, actor_index, s->date);
    *first = (uint32_t)w->ncodes;
    *n = 0;
    *special = 0;
    if (code == DICT_NONE) { *special = IX_CODE_NULL; return 0; }
    const char *c = dict_string(d, code);
    if (strcmp(c, "---") == 0) { *special = IX_CODE_NULL; return 0; }
    if (strcmp(c, "###") == 0) { *special = IX_CODE_DISCARD; return 0; }
    if (strcmp(c, "+++") == 0) { *special = IX_CODE_COMPLEX; return 0; }
    /* coded compounds: GME/GMW */
    const char *p = c;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len && code_push_code(w, p, len) == DICT_NONE) return -1;
        if (len) (*n)++;
        p += len + (e ? 1 : 0);
    }
    return 0;
}

static uint32_t new_actor(dyad_coder_work *w, code_sentence *s)
{
    if (s->nactors == s->cap_actors) {
        s->actors = arena_grow(&w->a, s->actors, &s->cap_actors, s->nactors + 1, sizeof *s->actors);
        if (!s->actors) { w->oom = true; return DICT_NONE; }
    }
    cw_actor *a = &s->actors[s->nactors];
    memset(a, 0, sizeof *a);
    a->group = (uint32_t)s->nactors;
    a->next = DICT_NONE;
    a->ref = DICT_NONE;
    a->raw_code = DICT_NONE;
    a->word = DICT_NONE;
    return (uint32_t)s->nactors++;
}

/* An actor made by the coder rather than found in a dictionary -- an agent
 * with no actor beside it, "we" in a quote, "both countries" -- over words
 * [first, last], typed at word first; DICT_NONE when memory ran out. */
static uint32_t coded_actor(dyad_coder_work *w, code_sentence *s, size_t first, size_t last, const char *code)
{
    uint32_t na = new_actor(w, s);
    if (na == DICT_NONE) return DICT_NONE;
    uint32_t ci = code_push_code(w, code, strlen(code));
    if (ci == DICT_NONE) return DICT_NONE;
    s->actors[na].head = s->actors[na].word = (uint32_t)first;
    s->actors[na].last = (uint32_t)last;
    s->actors[na].first_code = ci;
    s->actors[na].ncodes = 1;
    s->w[first].type = W_ACTOR;
    s->w[first].actor = na;
    return na;
}

static int type_words(dyad_coder_work *w, code_sentence *s)
{
    const dict_index *ix = w->c->ix;
    const ix_root *roots = ix_roots(ix, NULL);
    const ix_verb *verbs = ix_verbs(ix, NULL);
    const ix_code *codes = ix_codes(ix, NULL);
    uint32_t pos[CODE_MAX_ROOT_LITS];
    for (size_t i = 0; i < s->n; i++) {
        cw_word *x = &s->w[i];
        if (x->flags & CW_PART) continue;
        if (x->type == W_COMMA) continue;
        if (x->len == 6 && memcmp(x->s, "former", 6) == 0) x->flags |= CW_FORMER;
        uint32_t r = best_root(ix, s, i, pos, w->c->dyad_rules);
        if (r != DICT_NONE) {
            const ix_root *root = &roots[r];
            x->root = r;
            x->last = pos[root->nlits - 1];
            for (uint16_t k = 1; k < root->nlits; k++) {
                s->w[pos[k]].flags |= CW_PART;
                s->w[pos[k]].head = (uint32_t)i;
            }
            switch ((ix_kind)root->kind) {
            case IX_ACTOR: {
                uint32_t first, n;
                uint8_t special;
                if (resolve_actor_codes(w, s, root->owner, &first, &n, &special)) return -1;
                if (special == IX_CODE_NULL || n == 0) {
                    x->type = special == IX_CODE_NULL ? W_NOUN : W_NONE;
                    if (special == IX_CODE_DISCARD || special == IX_CODE_COMPLEX) {
                        x->type = W_DISCARD;
                        x->actor = special; /* which special code: read back in events */
                    }
                    break;
                }
                uint32_t a = new_actor(w, s);
                if (a == DICT_NONE) return -1;
                s->actors[a].head = s->actors[a].word = (uint32_t)i;
                s->actors[a].first_code = first;
                s->actors[a].ncodes = n;
                /* the actor covers the adjacent run of its words */
                uint32_t last = (uint32_t)i;
                for (uint16_t k = 1; k < root->nlits && pos[k] == last + 1; k++) last = pos[k];
                s->actors[a].last = last;
                x->type = W_ACTOR;
                x->actor = a;
                /* later words, adjacent or not, stand for the actor too
                 * ("DURTHANG ... ORC" is found at either end) */
                for (uint16_t k = 1; k < root->nlits; k++) s->w[pos[k]].actor = a;
                break;
            }
            case IX_AGENT: x->type = W_AGENT; break;
            case IX_NOUN: x->type = W_NOUN; break;
            case IX_ADJ: x->type = W_ADJ; break;
            case IX_TIME: x->type = w->opt.time_shifting ? W_TIME : W_NONE; break;
            case IX_ATTRIB: x->type = W_ATTRIB; break;
            case IX_DISCARD: x->type = W_DISCARD; x->actor = IX_CODE_DISCARD; break;
            case IX_VERB: {
                bool after_det = i > 0 && s->w[i - 1].type == W_DET;
                bool capital = i > 0 && (x->flags & CW_CAP) && !s->allcaps;
                if (w->c->petrarch || w->c->dyad_rules) {
                    /* PETRARCH codes only true verbs, (VP (VBx: the tagger's
                     * word, on the word marked '+' in a multi-word verb;
                     * so does dyad ("attack ads", "the border dispute") */
                    const ix_lit *lits = ix_lits(ix) + root->first_lit;
                    uint32_t at = pos[0];
                    for (uint16_t k = 0; k < root->nlits; k++)
                        if (lits[k].flags & IX_LIT_VERB_WORD) at = pos[k];
                    uint8_t tg = s->w[at].tag;
                    if (w->c->petrarch) after_det = false; /* dyad: "the drafting process" is a noun */
                    /* dyad: a possessive opens a noun phrase ("the
                     * military's overthrow of the government"), whatever
                     * the tagger says */
                    if (!w->c->petrarch && s->ds && s->w[at].tok > 0 && s->w[at].tok < s->ds->ntokens &&
                        s->ds->tokens[s->w[at].tok - 1].tag == DYAD_TAG_POS &&
                        /* (but "Russia's bombing of Aleppo" is Russia's act,
                         * coded as a gerund's event) */
                        !(w->c->dyad_rules && s->w[at].len > 4 && !memcmp(s->w[at].s + s->w[at].len - 3, "ing", 3) &&
                          at + 1 < s->n && word_is(&s->w[at + 1], "of")))
                        after_det = true;
                    capital = !(tg == DYAD_TAG_VB || tg == DYAD_TAG_VBD || tg == DYAD_TAG_VBG ||
                                tg == DYAD_TAG_VBN || tg == DYAD_TAG_VBP || tg == DYAD_TAG_VBZ);
                    /* dyad: "the militants overran the camp", which the
                     * tagger may read as an adjective */
                    /* (or before a number: "militants abducted 276 girls") */
                    bool ed_form = s->w[at].len > 2 && !memcmp(s->w[at].s + s->w[at].len - 2, "ed", 2) &&
                                   !(s->doc && s->w[at].start > 0 && s->w[at].start <= s->doc->len &&
                                     s->doc->text[s->w[at].start - 1] == '-') &&
                                   /* ("the president's alleged assassins": after a
                                    * possessive it describes the noun) */
                                   !(at > 0 && s->w[at - 1].len > 2 &&
                                     !memcmp(s->w[at - 1].s + s->w[at - 1].len - 2, "'s", 2)) &&
                                   /* (nor after a bare adjective: "Syrian displaced families") */
                                   !(at > 0 && s->w[at - 1].tag == DYAD_TAG_JJ && s->w[at - 1].type != W_AGENT);
                    bool jj_verb = w->c->dyad_rules && !w->c->petrarch && tg == DYAD_TAG_JJ && at + 1 < s->n &&
                                   (s->w[at + 1].tag == DYAD_TAG_DT || s->w[at + 1].tag == DYAD_TAG_PRPS ||
                                    s->w[at + 1].tag == DYAD_TAG_CD || (ed_form && s->w[at + 1].tag == DYAD_TAG_NNS));
                    if (capital && (tg == DYAD_TAG_NN || tg == DYAD_TAG_NNS || jj_verb) && !(x->flags & CW_CAP)) {
                        /* the tagger's usual slip in headline English:
                         * "Ethiopia departs from Libya", "to accord with" */
                        uint8_t next = at + 1 < s->n ? s->w[at + 1].tag : DYAD_TAG_NONE;
                        /* a past form ("overthrew", "seized") before a
                         * determiner: no noun is spelled so */
                        bool past_form = false;
                        /* (or before a plural noun, "massacred villagers",
                         * unless joined to the word before: "Iran-backed
                         * militias") */
                        if (w->c->dyad_rules && !w->c->petrarch &&
                            (next == DYAD_TAG_DT || next == DYAD_TAG_PRPS || next == DYAD_TAG_CD ||
                             (next == DYAD_TAG_NNS && ed_form))) {
                            char lb[64];
                            size_t ln = dyad_lemmatize(s->w[at].s, s->w[at].len, DYAD_TAG_VBD, lb, sizeof lb);
                            past_form = ln && ln < sizeof lb - 1 &&
                                        (ln != s->w[at].len || strncasecmp(lb, s->w[at].s, ln) != 0);
                        }
                        bool after_actor = at > 0 && (s->w[at - 1].type == W_ACTOR ||
                                                      (w->c->dyad_rules && (jj_verb || past_form) &&
                                                       s->w[at - 1].type == W_AGENT) ||
                                                      ((s->w[at - 1].flags & CW_PART) &&
                                                       s->w[at - 1].actor != DICT_NONE));
                        bool object_next = next == DYAD_TAG_IN || next == DYAD_TAG_DT || next == DYAD_TAG_TO ||
                                           next == DYAD_TAG_PRP || next == DYAD_TAG_PRPS || next == DYAD_TAG_NNP ||
                                           (past_form && (next == DYAD_TAG_CD || next == DYAD_TAG_NNS));
                        /* ... but not inside a noun phrase opened by a
                         * determiner ("an anti-Gondor parade on Saturday") */
                        bool det_np = false;
                        const dyad_sentence *dsn = s->ds;
                        uint32_t tk = s->w[at].tok;
                        /* (a plural head before it ends that phrase: "the
                         * militants overran the camp") */
                        bool plural_head = w->c->dyad_rules && dsn && tk > 0 && tk < dsn->ntokens &&
                                           (dsn->tokens[tk - 1].tag == DYAD_TAG_NNS ||
                                            dsn->tokens[tk - 1].tag == DYAD_TAG_NNPS);
                        /* (so does a past form: "the military overthrew
                         * the government") */
                        if (plural_head || past_form) dsn = NULL;
                        for (uint32_t back = 1; dsn && tk < dsn->ntokens && back <= 4 && back <= tk; back++) {
                            uint8_t bt = dsn->tokens[tk - back].tag;
                            if (bt == DYAD_TAG_DT || bt == DYAD_TAG_PRPS) { det_np = true; break; }
                            if (!(bt == DYAD_TAG_NNP || bt == DYAD_TAG_NNPS || bt == DYAD_TAG_NN ||
                                  bt == DYAD_TAG_NNS || bt == DYAD_TAG_JJ || bt == DYAD_TAG_COLON ||
                                  bt == DYAD_TAG_CD || bt == DYAD_TAG_POS))
                                break;
                        }
                        /* ... nor after an actor that is itself an object
                         * ("to reduce U.S. sanctions in exchange") */
                        if (after_actor && w->c->dyad_rules) {
                            uint32_t a0 = s->w[at - 1].actor;
                            size_t b = at - 1;
                            while (b > 0 && a0 != DICT_NONE && s->w[b - 1].actor == a0) b--;
                            while (b > 0 && (s->w[b - 1].tag == DYAD_TAG_JJ || s->w[b - 1].tag == DYAD_TAG_DT ||
                                             s->w[b - 1].tag == DYAD_TAG_CD))
                                b--;
                            uint8_t pt = b > 0 ? s->w[b - 1].tag : DYAD_TAG_NONE;
                            /* (a finite verb before it may be one of saying:
                             * "said the militants overran the camp") */
                            if (pt == DYAD_TAG_VB || pt == DYAD_TAG_VBG || pt == DYAD_TAG_TO ||
                                (pt == DYAD_TAG_IN && strcmp(s->w[b - 1].s, "that") != 0))
                                after_actor = false;
                        }
                        if (!det_np && ((after_actor && object_next) || (at > 0 && s->w[at - 1].tag == DYAD_TAG_TO)))
                            capital = false;
                    }
                }
                const ix_verb *v = &verbs[root->owner];
                bool null_code = v->code == DICT_NONE || (codes[v->code].flags & IX_CODE_NULL);
                /* dyad: "clashes between the police and protesters",
                 * "talks between Cuba and the United States": a plural
                 * noun of the verb with both parties named after
                 * "between" states the event */
                if ((after_det || capital) && w->c->dyad_rules && !w->c->petrarch && root->nlits == 1 &&
                    s->w[i].tag == DYAD_TAG_NNS && code_between_after(s, i))
                    after_det = capital = false;
                /* dyad: "began exporting electricity", "resumed shelling
                 * the town": a gerund right after a verb of beginning,
                 * going on or stopping is that verb's activity, whatever
                 * the tagger says */
                if ((after_det || capital) && w->c->dyad_rules && !w->c->petrarch && root->nlits == 1 && i > 0 &&
                    s->w[i].len > 4 && !memcmp(s->w[i].s + s->w[i].len - 3, "ing", 3) && s->ds &&
                    s->w[i - 1].tok < s->ds->ntokens && s->ds->tokens[s->w[i - 1].tok].lemma) {
                    static const char *const aspect[] = {"begin", "start", "continue", "resume", "keep", "stop",
                                                         "cease", "halt", "finish", NULL};
                    const char *pl = s->ds->tokens[s->w[i - 1].tok].lemma;
                    for (const char *const *a = aspect; *a; a++)
                        if (!strcmp(pl, *a)) after_det = capital = false;
                }
                if (after_det || capital) x->type = W_NOUN;
                else if (null_code && v->npatterns == 0) x->type = W_NONE;
                else x->type = W_VERB;
                break;
            }
            default: break;
            }
            continue;
        }
        cw_type closed = closed_class(x);
        if (closed != W_NONE) x->type = (uint8_t)closed;
    }
    return 0;
}

/* ---- 2. agents ------------------------------------------------------------------- */

/* Joins an agent code to an actor code: "~GOV" is added after, "NGO~"
 * before, unless the actor already holds it at a 3-letter boundary
 * (TABARI 5.4: LKAREB + REB stays LKAREB, GMWGOV + WGO is GMWGOVWGO). */
static void join_agent(char *out, size_t cap, const char *actor, const char *agent, bool prefix)
{
    size_t an = strlen(actor), gn = strlen(agent);
    for (size_t at = 0; gn && at + gn <= an; at += 3) {
        if (memcmp(actor + at, agent, gn) == 0) {
            snprintf(out, cap, "%s", actor);
            return;
        }
    }
    if (prefix) snprintf(out, cap, "%s%s", agent, actor);
    else snprintf(out, cap, "%s%s", actor, agent);
}

static uint32_t actor_ending_at(const code_sentence *s, size_t i)
{
    if (i >= s->n) return DICT_NONE;
    for (size_t a = 0; a < s->nactors; a++)
        if (!s->actors[a].pronoun && s->actors[a].last == i) return (uint32_t)a;
    return DICT_NONE;
}

static uint32_t actor_starting_at(const code_sentence *s, size_t i)
{
    if (i >= s->n) return DICT_NONE;
    for (size_t a = 0; a < s->nactors; a++)
        if (!s->actors[a].pronoun && s->actors[a].head == i) return (uint32_t)a;
    return DICT_NONE;
}

/* Whether a code already names an armed side: an international
 * militarized group (IMG...), or a part past the country that is a
 * state's arm or an armed group (AFGGOVTAL, SOMREBSHB, RUSMILWGR). */
static bool armed_side(const char *code)
{
    static const char *const parts[] = {"REB", "INS", "SEP", "UAF", "MIL", "GOV", "COP", "SPY", "CRM", NULL};
    if (!strncmp(code, "IMG", 3)) return true;
    size_t n = strlen(code);
    for (size_t at = 3; at + 3 <= n; at += 3)
        for (const char *const *p = parts; *p; p++)
            if (!memcmp(code + at, *p, 3)) return true;
    return false;
}

/* An actor's code with an agent's joined (into out); false when the agent
 * adds nothing and the code stays as it is. */
static bool agent_joined_code(const dyad_coder_work *w, const char *base, const char *agent_code, bool prefix,
                              char *out, size_t cap)
{
    size_t bn = strlen(base);
    bool dyad = w->c->dyad_rules && !w->c->petrarch && !prefix;
    /* dyad's rules: "unidentified" armed men of a side the actor names
     * already ("Hamas gunmen", "Taliban fighters") are that side's: UAF
     * adds nothing to a code past its country */
    if (dyad && !strcmp(agent_code, "UAF") && bn > 3) return false;
    if (dyad && !strcmp(agent_code, "REB") && bn >= 6 &&
        (!strcmp(base + bn - 3, "GOV") || !strcmp(base + bn - 3, "MIL"))) {
        /* dyad's rules: armed men of a state's government or army
         * ("government fighters", "Ukrainian army fighters") are its
         * forces, not rebels against it */
        snprintf(out, cap, "%.*sMIL", (int)(bn - 3), base);
        return true;
    }
    /* dyad's rules: a movement's or a state's armed men ("Taliban
     * fighters", "Islamic State militants") are that side's, as for UAF
     * above */
    if (dyad && (!strcmp(agent_code, "REB") || !strcmp(agent_code, "INS")) && armed_side(base)) return false;
    /* dyad's rules: an official, spokesman or chief of a state's army,
     * police, courts, intelligence or parliament ("a U.S. military
     * official", "a police spokesman") speaks for that branch: the
     * government's role adds nothing to it */
    if (dyad && !strcmp(agent_code, "GOV") && bn == 6 && code_is_country(base) &&
        (!strcmp(base + 3, "MIL") || !strcmp(base + 3, "COP") || !strcmp(base + 3, "JUD") ||
         !strcmp(base + 3, "SPY") || !strcmp(base + 3, "LEG")))
        return false;
    join_agent(out, cap, base, agent_code, prefix);
    return true;
}

/* Adds an agent's code to each code of actor a. */
static int join_actor_agent(dyad_coder_work *w, code_sentence *s, uint32_t a, const char *agent_code,
                            bool prefix)
{
    cw_actor *act = &s->actors[a];
    if (act->raw_code == DICT_NONE && act->ncodes) {
        char raw[sizeof w->codes[0].s];
        memcpy(raw, w->codes[act->first_code].s, sizeof raw);
        act->raw_code = code_push_code(w, raw, strlen(raw));
        if (act->raw_code == DICT_NONE) return -1;
        act = &s->actors[a];
    }
    for (uint32_t k = 0; k < act->ncodes; k++) {
        char joined[64];
        if (!agent_joined_code(w, w->codes[act->first_code + k].s, agent_code, prefix, joined, sizeof joined))
            continue;
        size_t jl = strlen(joined);
        if (jl >= sizeof w->codes[0].s) jl = sizeof w->codes[0].s - 1;
        memcpy(w->codes[act->first_code + k].s, joined, jl);
        w->codes[act->first_code + k].s[jl] = 0;
    }
    return 0;
}

/* The first actor whose words lie in token range [first, last). */
static uint32_t actor_in_tokens(const code_sentence *s, uint32_t first, uint32_t last)
{
    uint32_t best = DICT_NONE;
    for (size_t a = 0; a < s->nactors; a++) {
        const cw_actor *act = &s->actors[a];
        if (act->pronoun) continue;
        uint32_t t = s->w[act->word].tok;
        if (t < first || t >= last) continue;
        if (best == DICT_NONE || act->head < s->actors[best].head) best = (uint32_t)a;
    }
    return best;
}

/* PETRARCH reads agents from the parse: an agent and an actor in one noun
 * phrase ("Gondor 's golden geese"), or the actor in the prepositional
 * phrase after the agent ("soldiers from Gondor").  Our chunks stand in
 * for the parse. */
static uint32_t petrarch_agent_actor(const code_sentence *s, size_t g)
{
    const dyad_sentence *ds = s->ds;
    uint32_t t = s->w[g].tok;
    if (!ds || t >= ds->ntokens) return DICT_NONE;
    uint32_t c = ds->tokens[t].chunk;
    if (c == DYAD_NONE || c >= ds->nchunks) return DICT_NONE;
    const dyad_chunk *ch = &ds->chunks[c];
    uint32_t a = actor_in_tokens(s, ch->first, ch->last);
    if (a != DICT_NONE) return a;
    if (c + 1 < ds->nchunks && ds->chunks[c + 1].kind == DYAD_CHUNK_PP) {
        uint32_t o = ds->chunks[c + 1].object;
        if (o != DYAD_NONE && o < ds->nchunks) return actor_in_tokens(s, ds->chunks[o].first, ds->chunks[o].last);
    }
    return DICT_NONE;
}

/* Whether any actor of the sentence starts before word g. */
static bool actor_before(const code_sentence *s, size_t g)
{
    for (size_t k = 0; k < s->nactors; k++)
        if (!s->actors[k].cancelled && !s->actors[k].pronoun && s->actors[k].head < g) return true;
    return false;
}

/* The one country all of a sentence's named actors belong to, when there
 * is exactly one (international bodies aside); false otherwise. */
static bool domestic_country(const dyad_coder_work *w, const code_sentence *s, char out[4])
{
    bool found = false;
    for (size_t k = 0; k < s->nactors; k++) {
        const cw_actor *a = &s->actors[k];
        if (a->pronoun || a->cancelled || !a->ncodes) continue;
        const char *c = w->codes[a->first_code].s;
        if (!code_is_country(c) || code_is_region(c)) continue;
        if (found && strncmp(out, c, 3) != 0) return false;
        memcpy(out, c, 3);
        out[3] = 0;
        found = true;
    }
    return found;
}

/* The article's latest earlier actor whose code holds `role` as one of
 * its three-letter blocks after the first ("RUSGOV" for GOV); false when
 * none does. */
static bool earlier_with_role(const dyad_coder_work *w, const char *role, char out[32])
{
    size_t rn = strlen(role);
    if (rn != 3) return false;
    for (size_t k = w->nctx; k-- > 0;) {
        const char *c = w->ctx_codes[k];
        size_t n = strlen(c);
        for (size_t at = 3; at + 3 <= n; at += 3) {
            if (memcmp(c + at, role, 3) != 0) continue;
            memcpy(out, c, n + 1);
            return true;
        }
    }
    return false;
}

/* Whether words i and i + 1 are written as one with a hyphen:
 * "Syria-backed", "pro-Russian". */
static bool hyphen_joined(const code_sentence *s, size_t i)
{
    if (!s->doc || !s->doc->text || i + 1 >= s->n) return false;
    const cw_word *a = &s->w[i], *b = &s->w[i + 1];
    return b->start == a->end + 1 && s->doc->text[a->end] == '-';
}

static void cancel_actor(code_sentence *s, uint32_t a)
{
    cw_actor *act = &s->actors[a];
    act->cancelled = true;
    for (uint32_t k = act->head; k <= act->last && k < s->n; k++) {
        if (s->w[k].actor != a) continue;
        s->w[k].type = W_NONE;
        s->w[k].actor = DICT_NONE;
    }
}

/* dyad's rules: a name inside a stance or sponsorship adjective is no
 * party to the clause -- "pro-Western parties" are not the West, "the
 * EU-supported government" is the government, a "rebel-controlled
 * area" no actor at all -- except that the sponsor is the country of the
 * force it backs: "Syria-backed militias" are Syrian militias.  What a
 * country leads or flags stays its own ("the American-led invasion", "a
 * British-flagged tanker"). */
static void stance_modifiers(code_sentence *s)
{
    static const char *const sponsored[] = {"backed", "supported", "sponsored", "funded", "armed", "trained",
                                            "allied", "aligned", "controlled", "held", "run", "installed",
                                            "appointed", "friendly", "leaning", "dominated", "linked",
                                            "affiliated", "inspired", NULL};
    for (size_t a = 0; a < s->nactors; a++) {
        cw_actor *act = &s->actors[a];
        if (act->pronoun || act->cancelled || act->head >= s->n || act->last >= s->n) continue;
        uint32_t h = act->head, l = act->last;
        if (h > 0 && hyphen_joined(s, h - 1) &&
            (word_is(&s->w[h - 1], "pro") || word_is(&s->w[h - 1], "anti"))) {
            cancel_actor(s, (uint32_t)a);
            continue;
        }
        if (!hyphen_joined(s, l)) continue;
        const cw_word *p = &s->w[l + 1];
        if ((word_is(p, "led") || word_is(p, "based")) && l + 2 < s->n && s->w[l + 2].type == W_ACTOR &&
            !(s->w[l + 2].flags & CW_PART)) {
            /* "the Kurdish-led SDF", "the Britain-based Syrian
             * Observatory": who leads a body, or where it sits, named
             * before the body's own name only describes it ("the
             * Saudi-led coalition", with no name, stays Saudi) */
            cancel_actor(s, (uint32_t)a);
            continue;
        }
        bool hit = false;
        for (const char *const *k = sponsored; *k && !hit; k++) hit = word_is(p, *k);
        if (!hit) continue;
        if (l + 2 < s->n && s->w[l + 2].type == W_AGENT && !(s->w[l + 2].flags & CW_PART)) {
            /* the agent after the adjective joins the sponsor */
            s->w[l + 1].type = W_NONE;
            s->w[l + 1].flags |= CW_PART;
            s->w[l + 1].head = s->w[h].type == W_ACTOR ? h : s->w[h].head;
            s->w[l + 1].actor = (uint32_t)a;
            act->last = l + 1;
        } else {
            cancel_actor(s, (uint32_t)a);
        }
    }
}

/* The country the article has named most often so far (into out),
 * whatever the sentence names; false when there is none. */
static bool article_country_any(const dyad_coder_work *w, char out[4])
{
    size_t best = SIZE_MAX;
    for (size_t k = 0; k < w->nhome; k++)
        if (best == SIZE_MAX || w->home_counts[k] > w->home_counts[best]) best = k;
    if (best == SIZE_MAX) return false;
    memcpy(out, w->home_codes[best], 4);
    return true;
}

/* dyad's rules: the country the article has named most often so far
 * (the first of equals), when the sentence names no country itself:
 * "Hundreds of protesters marched in the capital" in a story about Kenya
 * are Kenyan. */
static bool article_country(const dyad_coder_work *w, const code_sentence *s, char out[4])
{
    for (size_t k = 0; k < s->nactors; k++) {
        const cw_actor *a = &s->actors[k];
        /* (a region names no state: "IGAD, an East African bloc, says
         * officials detained by the government ...") */
        if (!a->pronoun && !a->cancelled && a->ncodes && code_is_country(w->codes[a->first_code].s) &&
            !(w->c->dyad_rules && code_is_region(w->codes[a->first_code].s)))
            return false;
    }
    return article_country_any(w, out);
}

/* Whether the role word at g is the object of a verb ("overthrew the
 * elected government": only determiners and lower-case describing words
 * between) whose subject, right before it, is a branch of one country
 * (a code longer than the bare country's) other than `role`, when the
 * role is a state's office or its opposition: that country into out. */
static bool domestic_object(const dyad_coder_work *w, const code_sentence *s, size_t g, const char *role,
                            char out[4])
{
    /* only the offices of a state and its opposition: "told reporters",
     * "shot the militant" are no sign of whose reporters or militants */
    static const char *const domestic[] = {"GOV", "LEG", "JUD", "OPP", NULL};
    bool listed = false;
    for (const char *const *d = domestic; *d && !listed; d++) listed = !strcmp(role, *d);
    if (!listed) return false;
    size_t v = g;
    for (size_t skipped = 0; v > 0 && skipped < 4; skipped++) {
        const cw_word *y = &s->w[v - 1];
        if (y->type == W_VERB) break;
        if ((y->flags & (CW_CAP | CW_PART)) || y->type == W_ACTOR ||
            !(y->type == W_DET || y->tag == DYAD_TAG_JJ || y->tag == DYAD_TAG_RB || y->tag == DYAD_TAG_VBN ||
              y->tag == DYAD_TAG_DT))
            return false;
        v--;
    }
    if (v == 0 || s->w[v - 1].type != W_VERB || (s->w[v - 1].flags & CW_PART) || v < 2) return false;
    uint32_t a = actor_ending_at(s, v - 2);
    if (a == DICT_NONE || s->actors[a].cancelled || !s->actors[a].ncodes) return false;
    const char *c = w->codes[s->actors[a].first_code].s;
    if (strlen(c) <= 3 || !code_is_country(c) || code_is_region(c)) return false;
    /* "Russian troops shelled the army": a branch acting on the same
     * branch is most often the other side's */
    if (strstr(c + 3, role)) return false;
    memcpy(out, c, 3);
    out[3] = 0;
    return true;
}

/* The country of the sentence's last actor ending before word i that
 * is a bare country ("Peru", "Peru's government"), into out: what "the
 * country's" after it refers to. */
static bool country_before(const dyad_coder_work *w, const code_sentence *s, size_t i, char out[4])
{
    uint32_t best = DICT_NONE;
    for (size_t k = 0; k < s->nactors; k++) {
        const cw_actor *a = &s->actors[k];
        if (a->pronoun || a->cancelled || !a->ncodes || a->last >= i) continue;
        const char *c = w->codes[a->first_code].s;
        if (!code_is_country(c) || code_is_region(c)) continue;
        if (best == DICT_NONE || a->last > s->actors[best].last) best = (uint32_t)k;
    }
    if (best == DICT_NONE) return false;
    memcpy(out, w->codes[s->actors[best].first_code].s, 3);
    out[3] = 0;
    return true;
}

/* The country the article has named most often so far other than
 * `not` (into out); false when there is none. */
static bool article_country_other(const dyad_coder_work *w, const char *not, char out[4])
{
    size_t best = SIZE_MAX;
    for (size_t k = 0; k < w->nhome; k++) {
        if (!strncmp(w->home_codes[k], not, 3)) continue;
        if (best == SIZE_MAX || w->home_counts[k] > w->home_counts[best]) best = k;
    }
    if (best == SIZE_MAX) return false;
    /* only a country the article names more often than `not` */
    for (size_t k = 0; k < w->nhome; k++)
        if (!strncmp(w->home_codes[k], not, 3) && w->home_counts[k] >= w->home_counts[best]) return false;
    memcpy(out, w->home_codes[best], 4);
    return true;
}

/* Whether the role word at g is the object of a verb whose subject is a
 * state of country `c` (the bare country or its government): "Washington
 * urged authorities ...". */
static bool foreign_object(const dyad_coder_work *w, const code_sentence *s, size_t g, const char *c)
{
    size_t v = g;
    while (v > 0 && s->w[v - 1].type != W_VERB) v--;
    if (v == 0) return false;
    v--; /* the verb */
    for (size_t k = 0; k < s->nactors; k++) {
        const cw_actor *a = &s->actors[k];
        if (a->pronoun || a->cancelled || !a->ncodes || a->last >= v) continue;
        const char *ac = w->codes[a->first_code].s;
        size_t n = strlen(ac);
        if (a->head > 0 && (word_is(&s->w[a->head - 1], "in") || word_is(&s->w[a->head - 1], "at") ||
                            word_is(&s->w[a->head - 1], "near") || word_is(&s->w[a->head - 1], "of")))
            continue; /* "At a rally in Pyongyang, a general told the crowd" */
        if (strncmp(ac, c, 3) == 0 && n == 3) return true;
    }
    return false;
}

static bool speech_verb(const code_sentence *s, const cw_word *x);

/* Whether the role word at g is its clause's subject and every actor of
 * country `c` the sentence names comes after the verb that follows it:
 * the country is what the role acts on ("Police arrested Ugandan
 * citizens"), not whose role it is. */
static bool acts_on_country(const dyad_coder_work *w, const code_sentence *s, size_t g, const char *c)
{
    size_t v = g + 1;
    while (v < s->n && s->w[v].type != W_VERB && s->w[v].type != W_COMMA) v++;
    if (v >= s->n || s->w[v].type != W_VERB) return false;
    for (size_t k = 0; k < g; k++)
        if (s->w[k].type == W_VERB || s->w[k].type == W_ACTOR) return false;
    bool any = false;
    for (size_t k = 0; k < s->nactors; k++) {
        const cw_actor *a = &s->actors[k];
        if (a->pronoun || a->cancelled || !a->ncodes || strncmp(w->codes[a->first_code].s, c, 3)) continue;
        if (a->head < v) return false;
        any = true;
    }
    return any;
}

/* Whether the sentence names an actor of country c before word g. */
static bool named_before(const dyad_coder_work *w, const code_sentence *s, const char *c, size_t g)
{
    for (size_t k = 0; k < s->nactors; k++) {
        const cw_actor *a = &s->actors[k];
        if (!a->pronoun && !a->cancelled && a->ncodes && a->head < g && !strncmp(w->codes[a->first_code].s, c, 3))
            return true;
    }
    return false;
}

/* Whether the role word at g is in what a speaker of country `c` (of any
 * country when c is NULL) reports: every actor of `c` the sentence names
 * comes before a verb of saying that comes before g ("A U.S. official said
 * soldiers fired on protesters"); of any country, those after g do not
 * count. */
static bool reported_role(const dyad_coder_work *w, const code_sentence *s, size_t g, const char *c)
{
    /* "Armenia said 49 of its soldiers were killed": whose the pronoun says */
    if (g > 0 && (word_is(&s->w[g - 1], "its") || word_is(&s->w[g - 1], "their") ||
                  word_is(&s->w[g - 1], "his") || word_is(&s->w[g - 1], "her") || word_is(&s->w[g - 1], "our")))
        return false;
    size_t last = SIZE_MAX;
    for (size_t k = 0; k < s->nactors; k++) {
        const cw_actor *a = &s->actors[k];
        if (a->pronoun || a->cancelled || !a->ncodes) continue;
        const char *ac = w->codes[a->first_code].s;
        if (c ? strncmp(ac, c, 3) != 0 : (!code_is_country(ac) || code_is_region(ac))) continue;
        if (a->head > g) {
            if (c) return false; /* the speaker's country is in the report too */
            continue;
        }
        /* "At a rally in Pyongyang, a general told the crowd the
         * military ...": a speaker in his own country's place speaks of it */
        if (a->head > 0 && (word_is(&s->w[a->head - 1], "in") || word_is(&s->w[a->head - 1], "at") ||
                            word_is(&s->w[a->head - 1], "near") || word_is(&s->w[a->head - 1], "from")))
            return false;
        if (last == SIZE_MAX || a->last > last) last = a->last;
    }
    if (last == SIZE_MAX) return false;
    /* (not the addressee right after it: "told reporters") */
    size_t before = g > 0 && s->w[g - 1].type == W_DET ? g - 1 : g;
    for (size_t k = last + 1; k < before; k++) {
        if (!speech_verb(s, &s->w[k])) continue;
        const dyad_token *tk = &s->ds->tokens[s->w[k].tok];
        if (k + 1 == before && tk->lemma && !strcmp(tk->lemma, "tell")) continue;
        return true;
    }
    return false;
}

static int attach_agents(dyad_coder_work *w, code_sentence *s)
{
    const dict_index *ix = w->c->ix;
    const ix_root *roots = ix_roots(ix, NULL);
    const ix_agent *agents = ix_agents(ix, NULL);
    bool petrarch = w->c->petrarch;
    for (size_t g = 0; g < s->n; g++) {
        cw_word *x = &s->w[g];
        if (x->type != W_AGENT || (x->flags & CW_PART)) continue;
        const ix_agent *ag = &agents[roots[x->root].owner];
        size_t glast = g;
        while (glast + 1 < s->n && (s->w[glast + 1].flags & CW_PART) && s->w[glast + 1].head == g) glast++;
        bool former = g > 0 && (s->w[g - 1].flags & CW_FORMER);
        uint32_t a = petrarch ? petrarch_agent_actor(s, g) : DICT_NONE;
        size_t before = former ? g - 1 : g;
        if (a == DICT_NONE && before > 0) a = actor_ending_at(s, before - 1);
        if (a != DICT_NONE && w->c->dyad_rules && !petrarch && g == glast && word_is(x, "state") &&
            s->w[before - 1].tag == DYAD_TAG_NNP && s->actors[a].ncodes &&
            strlen(w->codes[s->actors[a].first_code].s) == 3 &&
            !(s->w[before - 1].len > 2 && !memcmp(s->w[before - 1].s + s->w[before - 1].len - 2, "'s", 2))) {
            /* dyad's rules: "in Borno state", "Jonglei state": a province's
             * name, not the government of the country it is in (but
             * "Russia's state energy company" is the state's) */
            x->type = W_NONE;
            continue;
        }
        if (a == DICT_NONE && w->c->dyad_rules && !petrarch && !strcmp(ag->code, "MED")) {
            /* dyad's rules: "in answer to a reporter's question",
             * "questions from journalists": who asks at a briefing is no
             * party to what the speaker says */
            size_t q = glast + 1;
            bool asks = q < s->n && (word_is(&s->w[q], "question") || word_is(&s->w[q], "questions"));
            size_t p = before;
            if (p > 0 && s->w[p - 1].type == W_DET) p--;
            if (!asks && p >= 2 && (word_is(&s->w[p - 1], "from") || word_is(&s->w[p - 1], "by")))
                asks = word_is(&s->w[p - 2], "question") || word_is(&s->w[p - 2], "questions");
            if (asks) {
                x->type = W_NONE;
                continue;
            }
        }
        /* dyad's rules: "pro-Russian separatists" are separatists of no
         * country the stance names */
        if (a != DICT_NONE && w->c->dyad_rules && s->actors[a].cancelled) a = DICT_NONE;
        if (a == DICT_NONE && w->c->dyad_rules && before > 1) {
            /* "Guinea's National Military Committee": a name in capitals
             * between a country's possessive and the agent */
            size_t k = before - 1, skipped = 0;
            while (k > 0 && skipped < 3 && s->w[k].type == W_NONE && (s->w[k].flags & CW_CAP) &&
                   !(s->w[k].flags & CW_PART)) {
                k--;
                skipped++;
            }
            uint32_t pa = skipped ? actor_ending_at(s, k) : DICT_NONE;
            const cw_word *pw = pa != DICT_NONE ? &s->w[k] : NULL;
            if (pw && pw->len > 2 && !memcmp(pw->s + pw->len - 2, "'s", 2)) a = pa;
        }
        if (a == DICT_NONE && w->c->dyad_rules && before > 1) {
            /* "Palestinian medical officials", "Iranian state media": a
             * country word, one or two lower-case describing words, the
             * agent */
            size_t k = before - 1, skipped = 0;
            while (k > 0 && skipped < 2 && s->w[k].type == W_NONE && !(s->w[k].flags & (CW_CAP | CW_PART)) &&
                   (s->w[k].tag == DYAD_TAG_JJ || s->w[k].tag == DYAD_TAG_NN) &&
                   !(s->doc && s->w[k].end < s->doc->len && s->doc->text[s->w[k].end] == '-')) {
                /* (not the "semi" of "semi-official") */
                k--;
                skipped++;
            }
            uint32_t pa = skipped ? actor_ending_at(s, k) : DICT_NONE;
            /* (or an international body: "U.N. deputy spokesman") */
            const char *pc = pa != DICT_NONE && s->actors[pa].ncodes ? w->codes[s->actors[pa].first_code].s : "";
            if ((strlen(pc) == 3 && code_is_country(pc)) || !strncmp(pc, "IGO", 3) || !strncmp(pc, "NGO", 3))
                a = pa;
        }
        /* dyad's rules: "told reporters Uganda had violated the deal": the
         * one told is no part of the name after it, which opens what was
         * told */
        bool addressee = w->c->dyad_rules && !petrarch && before > 0 && s->w[before - 1].type == W_VERB &&
                         s->ds && s->w[before - 1].tok < s->ds->ntokens && s->ds->tokens[s->w[before - 1].tok].lemma &&
                         !strcmp(s->ds->tokens[s->w[before - 1].tok].lemma, "tell");
        if (a == DICT_NONE && !addressee) a = actor_starting_at(s, glast + 1);
        if (a != DICT_NONE && w->c->dyad_rules && s->actors[a].cancelled) a = DICT_NONE;
        /* dyad's rules: "a spokesman for the UN" speaks for it, as "a
         * spokesman of the UN" does.  (Only for an international body:
         * a state's office after "for" is found by the rules below, and
         * without this one "spokesman" became a government of the
         * sentence's other country.) */
        bool speaks_for = w->c->dyad_rules && glast + 1 < s->n && word_is(&s->w[glast + 1], "for") &&
                          s->w[glast].len > 6 && !strncmp(s->w[glast].s, "spokes", 6);
        /* dyad's rules: "Troops from Kenya attacked ...": a role that
         * opens the sentence is of the place it comes "from" (not later
         * on: "withdrew troops from Somalia" is no Somali troops) */
        bool from_origin = w->c->dyad_rules && !petrarch && glast + 1 < s->n && word_is(&s->w[glast + 1], "from");
        for (size_t k = 0; from_origin && k < g; k++) {
            uint8_t tg = s->w[k].tag;
            static const char *const amounts[] = {"about", "around", "some", "nearly", "almost", "over",
                                                  "more", "than", "at", "least", "up", "to", NULL};
            from_origin = s->w[k].type == W_DET || tg == DYAD_TAG_CD || tg == DYAD_TAG_DT || tg == DYAD_TAG_JJ ||
                          tg == DYAD_TAG_RB;
            for (const char *const *q = amounts; *q && !from_origin; q++) from_origin = word_is(&s->w[k], *q);
        }
        if (a == DICT_NONE && glast + 2 < s->n &&
            (word_is(&s->w[glast + 1], "of") || word_is(&s->w[glast + 1], "in") || speaks_for || from_origin)) {
            size_t q = glast + 2;
            if (q + 1 < s->n && s->w[q].type == W_DET) q++;
            a = actor_starting_at(s, q);
            if (a != DICT_NONE && speaks_for) {
                const char *fc = s->actors[a].ncodes ? w->codes[s->actors[a].first_code].s : "";
                if (strncmp(fc, "IGO", 3) && strncmp(fc, "NGO", 3)) a = DICT_NONE;
            }
        }
        if (a == DICT_NONE) {
            char code[32] = "", home[4];
            if (w->c->dyad_rules && !former) {
                /* dyad's rules: "Russia's foreign ministry said ... The
                 * ministry added": a definite description is the article's
                 * latest actor with that role; "Maduro rejected opposition
                 * demands", "the Guards threatened to crush protesters": in a
                 * sentence whose actors are all of one country, a role
                 * without a country is of that country */
                if (!strcmp(ag->code, "NGO") || !strcmp(ag->code, "HRI")) {
                    /* "rights groups accused ...", "aid agencies warned":
                     * a non-governmental body named by no country is not
                     * the country of the story but a non-governmental one */
                    snprintf(code, sizeof code, "NGO%s", strcmp(ag->code, "HRI") ? "" : "HRI");
                } else if (before > 0 && (word_is(&s->w[before - 1], "country's") ||
                                          word_is(&s->w[before - 1], "nation's")) &&
                           (country_before(w, s, before - 1, home) || article_country_any(w, home))) {
                    /* "sanctions against Peru, after the country's
                     * military seized power": the country just named, or
                     * the one the article is about, whatever other
                     * countries the sentence names */
                    join_agent(code, sizeof code, home, ag->code, ag->prefix);
                } else if (!actor_before(s, g) && earlier_with_role(w, ag->code, code)) {
                    /* code set */
                } else if (domestic_country(w, s, home)) {
                    /* ... but "Washington urged authorities to address
                     * the concerns", in a story about Tanzania: the
                     * object of a state's act is not that state's own
                     * when the story is about another country */
                    char other[4];
                    /* ... and "A U.S. official said soldiers fired on
                     * protesters", in a story about Sudan: what a foreign
                     * speaker reports is the story's country's */
                    /* ... and "Police arrested Ugandan citizens" in a
                     * story about Kenya: a role acting on the sentence's
                     * only country is not of it when the story is about
                     * another */
                    bool abroad = (foreign_object(w, s, g, home) || reported_role(w, s, g, home) ||
                                   acts_on_country(w, s, g, home)) &&
                                  article_country_other(w, home, other);
                    join_agent(code, sizeof code, abroad ? other : home, ag->code, ag->prefix);
                } else if (domestic_object(w, s, g, ag->code, home)) {
                    /* "Russia sanctioned Peru after the country's military
                     * overthrew the elected government": the object of a
                     * country's own armed forces, police or other branch
                     * is of that country, whatever else the sentence names */
                    join_agent(code, sizeof code, home, ag->code, ag->prefix);
                } else if (article_country(w, s, home)) {
                    join_agent(code, sizeof code, home, ag->code, ag->prefix);
                } else if (reported_role(w, s, g, NULL) && article_country_any(w, home) &&
                           !named_before(w, s, home, g)) {
                    /* "A reporter for a French service of a U.S. broadcaster
                     * says soldiers surrounded the house": the speakers'
                     * countries are not those of what they report */
                    join_agent(code, sizeof code, home, ag->code, ag->prefix);
                }
            }
            /* SET: CONVERT AGENTS: the agent is an actor with its own code;
             * PETRARCH without require_dyad: an actor of unknown country */
            bool anonymous = petrarch && !w->opt.require_dyad;
            /* dyad's rules: "heavily armed gunmen shot the president":
             * armed men nobody names are CAMEO's unidentified armed forces,
             * a sector of their own with no country */
            if (!code[0] && w->c->dyad_rules && !former && !strcmp(ag->code, "UAF")) snprintf(code, sizeof code, "UAF");
            if (!code[0] && anonymous) snprintf(code, sizeof code, ag->prefix ? "%s---" : "---%s", ag->code);
            else if (!code[0] && w->opt.convert_agents) snprintf(code, sizeof code, ag->prefix ? "%s~" : "~%s", ag->code);
            if (code[0] && coded_actor(w, s, g, glast, code) == DICT_NONE) return -1;
            continue;
        }
        cw_actor *act = &s->actors[a];
        if (!former && act->head > 0 && (s->w[act->head - 1].flags & CW_FORMER)) former = true;
        const char *agent_code = former ? "ELI" : ag->code;
        bool prefix = former ? false : ag->prefix;
        /* dyad's rules: an international body keeps its own code ("NATO
         * warplanes", "the EU's foreign policy chief" are NATO and the EU) */
        bool keep_code = w->c->dyad_rules && act->ncodes &&
                         (!strncmp(w->codes[act->first_code].s, "IGO", 3) ||
                          !strncmp(w->codes[act->first_code].s, "NGO", 3));
        if (keep_code) {
            /* the words still join the actor, below */
        } else if (petrarch && act->group != a) {
            /* PETRARCH carries the agent through a compound ("lawmakers
             * in Fornost and Gondor") */
            for (uint32_t m = s->actors[a].group; m != DICT_NONE; m = s->actors[m].next)
                if (join_actor_agent(w, s, m, agent_code, prefix)) return -1;
        } else if (petrarch && act->next != DICT_NONE) {
            for (uint32_t m = a; m != DICT_NONE; m = s->actors[m].next)
                if (join_actor_agent(w, s, m, agent_code, prefix)) return -1;
        } else if (join_actor_agent(w, s, a, agent_code, prefix)) {
            return -1;
        }
        act = &s->actors[a];
        /* the actor now spans the agent's words too (when they touch) */
        uint32_t head_word = act->head;
        if (!petrarch || glast + 1 == act->head || g == act->last + 1 || (g >= act->head && g <= act->last)) {
            if (g < act->head) act->head = (uint32_t)g;
            if (glast > act->last) act->last = (uint32_t)glast;
        }
        s->w[head_word].type = W_ACTOR;
        x->type = W_NONE;
        x->flags |= CW_PART;
        x->head = head_word;
        x->actor = a;
    }
    return 0;
}

/* The word that carries an actor's W_ACTOR type (its other words are
 * CW_PART pointing at it). */
static uint32_t actor_word(const code_sentence *s, uint32_t a)
{
    const cw_actor *act = &s->actors[a];
    for (uint32_t i = act->head; i <= act->last && i < s->n; i++)
        if (s->w[i].type == W_ACTOR && !(s->w[i].flags & CW_PART) && s->w[i].actor == a) return i;
    return DICT_NONE;
}

/* Whether every word of actor a is a capitalised proper noun in a
 * sentence not written in capitals: a name, not a role or a body. */
static bool proper_name(const code_sentence *s, const cw_actor *a)
{
    if (s->allcaps) return false;
    for (uint32_t i = a->head; i <= a->last && i < s->n; i++)
        if (!(s->w[i].flags & CW_CAP) || s->w[i].tag != DYAD_TAG_NNP) return false;
    return true;
}

/* Actor `from`, which touches actor `into`, becomes part of it: its
 * words point at into's word and into spans both. */
static void absorb_actor(code_sentence *s, uint32_t into, uint32_t from)
{
    uint32_t iw = actor_word(s, into), fw = actor_word(s, from);
    if (iw == DICT_NONE || fw == DICT_NONE) return;
    cw_actor *in = &s->actors[into], *fr = &s->actors[from];
    for (uint32_t i = fr->head; i <= fr->last && i < s->n; i++) {
        cw_word *x = &s->w[i];
        if (i == fw || ((x->flags & CW_PART) && x->head == fw)) {
            x->type = W_NONE;
            x->flags |= CW_PART;
            x->head = iw;
            x->actor = into;
        }
    }
    if (fr->head < in->head) in->head = fr->head;
    if (fr->last > in->last) in->last = fr->last;
    fr->cancelled = true;
}

/* dyad's rules: a country word right before a person or body of that
 * country names one actor, not two ("Chinese President Xi Jinping" is
 * CHNGOV, "Russian Foreign Minister Sergei Lavrov" RUSGOV): the first
 * stands aside when the next one's code extends its own. */
static void merge_adjacent_actors(dyad_coder_work *w, code_sentence *s)
{
    for (size_t a = 0; a + 1 < s->nactors; a++) {
        cw_actor *left = &s->actors[a];
        if (left->pronoun || left->cancelled || !left->ncodes || left->next != DICT_NONE) continue;
        uint32_t b = actor_starting_at(s, left->last + 1);
        const cw_word *lastw = &s->w[left->last];
        bool possessive = lastw->len > 2 && !memcmp(lastw->s + lastw->len - 2, "'s", 2);
        bool adjacent = b != DICT_NONE;
        if (b == DICT_NONE) {
            /* "Russia's state-run TASS news agency", "Palestinian medical
             * officials": a country's possessive or adjective, a few
             * describing words (lower-case ones after an adjective),
             * then its own actor */
            for (size_t k = left->last + 1; k < s->n && k <= left->last + (possessive ? 3 : 2) && b == DICT_NONE;
                 k++) {
                b = actor_starting_at(s, k);
                if (b != DICT_NONE) break;
                const cw_word *y = &s->w[k];
                if (y->type != W_NONE || (y->flags & CW_PART) ||
                    !(y->tag == DYAD_TAG_JJ || y->tag == DYAD_TAG_NNP || y->tag == DYAD_TAG_NN))
                    break;
                if (!possessive && (y->tag == DYAD_TAG_NNP || (y->flags & CW_CAP))) break;
            }
        }
        if (b == DICT_NONE || b == a) continue;
        cw_actor *right = &s->actors[b];
        if (right->cancelled || !right->ncodes || right->next != DICT_NONE) continue;
        const char *cl = w->codes[left->first_code].s, *cr = w->codes[right->first_code].s;
        size_t nl = strlen(cl);
        /* "the Afghan Red Crescent", "the Kenyan UN mission": a country
         * word right before an international or non-governmental body
         * says which branch, not a second party */
        bool body = adjacent && !possessive && nl == 3 && code_is_country(cl) &&
                    (!strncmp(cr, "IGO", 3) || !strncmp(cr, "NGO", 3));
        /* "French President Jean Dupont", with no date or a dictionary
         * behind the times: a role of a country right before the name of a
         * person of that country is that person's role today, whatever
         * role the dictionary gives the name; one actor with the role the
         * text states */
        bool titled = adjacent && !possessive && nl == 6 && strlen(cr) >= 6 && !strncmp(cl, cr, 3) &&
                      code_is_country(cl) && strncmp(cl, cr, nl) != 0 && proper_name(s, right);
        if (!titled && !body && (nl < 3 || strncmp(cl, cr, nl) != 0)) continue;
        /* the title keeps its code and takes the name in; otherwise the
         * more specific right-hand actor takes the country word in */
        if (titled) absorb_actor(s, (uint32_t)a, b);
        else absorb_actor(s, b, (uint32_t)a);
    }
}

/* dyad's rules: "we", "our", "I" inside a direct quotation stand for its
 * speaker ("We have delivered a written response," Blinken said). */
static int first_person_actors(dyad_coder_work *w, code_sentence *s)
{
    static const char *const first_person[] = {"we", "us", "our", "i", "me", "my", NULL};
    for (size_t p = 0; p < s->n; p++) {
        cw_word *x = &s->w[p];
        if ((x->type != W_NONE && x->type != W_PRON) || (x->flags & CW_PART) || x->root != DICT_NONE) continue;
        bool is_first = false;
        for (const char *const *f = first_person; *f && !is_first; f++) is_first = word_is(x, *f);
        if (!is_first) continue;
        const char *code = code_quote_speaker(w, x->start);
        if (code && coded_actor(w, s, p, p, code) == DICT_NONE) return -1;
    }
    return 0;
}

static void join_group(code_sentence *s, uint32_t left, uint32_t right);

/* The two most recent countries of the article's earlier sentences
 * (three-letter codes, distinct), for "both countries"; false when there
 * are not two. */
static bool last_two_countries(const dyad_coder_work *w, char a[4], char b[4])
{
    size_t found = 0;
    for (size_t k = w->nctx; k-- > 0 && found < 2;) {
        const char *c = w->ctx_codes[k];
        if (!code_is_country(c)) continue;
        if (found == 1 && !strncmp(a, c, 3)) continue;
        char *dst = found == 0 ? a : b;
        memcpy(dst, c, 3);
        dst[3] = 0;
        found++;
    }
    return found == 2;
}

/* dyad's rules: "both countries", "the two sides", "both governments"
 * name the article's last two countries, as a compound actor
 * ("Representatives from both countries are scheduled to hold talks"). */
static int both_sides(dyad_coder_work *w, code_sentence *s)
{
    static const char *const nouns[] = {"countries", "sides", "nations", "governments", "states", "leaders",
                                        "presidents", "delegations", NULL};
    /* a sentence that names two countries itself is what its "both"
     * refers to ("Japan and South Korea agreed ..., the ministries of both
     * countries said") */
    char named[4] = "";
    for (size_t k = 0; k < s->nactors; k++) {
        const cw_actor *a = &s->actors[k];
        if (a->pronoun || a->cancelled || !a->ncodes) continue;
        const char *c = w->codes[a->first_code].s;
        if (strlen(c) < 3 || !strncmp(c, "IGO", 3)) continue;
        if (!named[0]) memcpy(named, c, 3);
        else if (strncmp(named, c, 3)) return 0;
    }
    for (size_t p = 0; p + 1 < s->n; p++) {
        cw_word *x = &s->w[p], *y = &s->w[p + 1];
        if ((x->flags & CW_PART) || (y->flags & CW_PART) || x->type == W_ACTOR || y->type == W_ACTOR) continue;
        bool both = word_is(x, "both") || (word_is(x, "two") && p > 0 && word_is(&s->w[p - 1], "the"));
        bool noun = false;
        for (const char *const *n = nouns; *n && !noun; n++) noun = word_is(y, *n);
        char a[4], b[4];
        if (!both || !noun || !last_two_countries(w, a, b)) continue;
        uint32_t first = coded_actor(w, s, p, p, b), second = coded_actor(w, s, p + 1, p + 1, a);
        if (first == DICT_NONE || second == DICT_NONE) return -1;
        join_group(s, first, second);
        x->flags |= CW_COMPOUND_CONJ; /* not a conjunction clause's and */
        p++;
    }
    return 0;
}

/* ---- 3, 4. compounds ------------------------------------------------------------- */

/* The actor whose words cover word i, or DICT_NONE. */
static uint32_t covering(const code_sentence *s, const uint32_t *cover, size_t i)
{
    return i < s->n ? cover[i] : DICT_NONE;
}

static void build_cover(code_sentence *s, uint32_t *cover)
{
    for (size_t i = 0; i < s->n; i++) cover[i] = DICT_NONE;
    for (size_t a = 0; a < s->nactors; a++) {
        const cw_actor *act = &s->actors[a];
        if (act->cancelled) continue;
        for (uint32_t i = act->head; i <= act->last && i < s->n; i++) cover[i] = (uint32_t)a;
    }
}

static void join_group(code_sentence *s, uint32_t left, uint32_t right)
{
    uint32_t gl = s->actors[left].group, gr = s->actors[right].group;
    if (gl == gr) return;
    /* append group gr after the last member of gl */
    uint32_t tail = gl;
    while (s->actors[tail].next != DICT_NONE) tail = s->actors[tail].next;
    s->actors[tail].next = gr;
    for (uint32_t m = gr; m != DICT_NONE; m = s->actors[m].next) s->actors[m].group = gl;
}

/* A word that may stand before an actor in a compound's noun phrase:
 * a determiner or listed adjective (TABARI), or anything the tagger
 * calls a determiner, adjective or possessive pronoun (PETRARCH, whose
 * parser puts them in the noun phrase). */
static bool np_modifier(const code_sentence *s, size_t i, bool petrarch)
{
    const cw_word *x = &s->w[i];
    if (x->type == W_DET || x->type == W_ADJ) return true;
    if (!petrarch || x->root != DICT_NONE || (x->flags & CW_PART)) return false;
    return x->tag == DYAD_TAG_DT || x->tag == DYAD_TAG_JJ || x->tag == DYAD_TAG_JJR ||
           x->tag == DYAD_TAG_JJS || x->tag == DYAD_TAG_PRPS;
}

/* Start of the noun phrase of actor a: its determiners and adjectives. */
static size_t np_start(const code_sentence *s, const cw_actor *a, bool petrarch)
{
    size_t h = a->head;
    while (h > 0 && np_modifier(s, h - 1, petrarch) && !(s->w[h - 1].flags & CW_PART)) h--;
    return h;
}

/* dyad's rules: what may stand between "and" and the next member of a
 * joint subject besides determiners and adjectives: the first member's
 * possessive pronoun and lower-case describing words ("the Turkish
 * military and its allied Syrian militias", "Ethiopian troops and their
 * Somali allies"). */
static bool member_modifier(const code_sentence *s, size_t i)
{
    const cw_word *x = &s->w[i];
    if (x->flags & CW_PART) return false;
    if (x->type == W_PRON) return word_is(x, "its") || word_is(x, "their") || word_is(x, "his") || word_is(x, "her");
    /* ("allied" may be a verb's noun reading) */
    return (x->type == W_NONE || x->type == W_NOUN) && !(x->flags & CW_CAP) &&
           (x->tag == DYAD_TAG_JJ || x->tag == DYAD_TAG_VBN || x->tag == DYAD_TAG_VBD);
}

/* Whether a finite verb or a modal follows actor a at once: a is that
 * verb's subject. */
static bool right_subject(const code_sentence *s, const cw_actor *a)
{
    size_t q = a->last + 1;
    if (q >= s->n) return false;
    uint8_t t = s->w[q].tag;
    return t == DYAD_TAG_VBD || t == DYAD_TAG_VBZ || t == DYAD_TAG_VBP || t == DYAD_TAG_MD;
}

static void find_compounds(code_sentence *s, uint32_t *cover, bool petrarch, bool dyad)
{
    for (size_t c = 0; c < s->n; c++) {
        cw_word *x = &s->w[c];
        if (x->type != W_CONJ || (x->flags & CW_PART) || c == 0) continue;
        if (!word_is(x, "and") && !word_is(x, "nor")) continue;
        size_t l = c - 1;
        bool comma_before = false;
        if (s->w[l].type == W_COMMA && l > 0) { l--; comma_before = true; }
        uint32_t left = covering(s, cover, l);
        size_t r = c + 1;
        while (r < s->n && np_modifier(s, r, petrarch)) r++;
        /* (a possessive pronoun first, then at most two describing words) */
        size_t own = r;
        if (dyad && r < s->n && s->w[r].type == W_PRON && member_modifier(s, r)) {
            r++;
            for (int k = 0; k < 2 && r < s->n && (np_modifier(s, r, petrarch) || member_modifier(s, r)); k++) r++;
        }
        uint32_t right = covering(s, cover, r);
        if (left == DICT_NONE || right == DICT_NONE || left == right) continue;
        if (s->actors[left].last != l || s->actors[right].head != r) continue;
        /* dyad's rules: "..., and we are ready": a subject pronoun after a
         * comma and "and" opens a clause of its own; it is no second member
         * of what came before (the "with Moscow" of "the choice rests with
         * Moscow, and we ...") */
        if (dyad && comma_before && r == c + 1 &&
            (word_is(&s->w[r], "we") || word_is(&s->w[r], "i") || word_is(&s->w[r], "he") ||
             word_is(&s->w[r], "she") || word_is(&s->w[r], "they")))
            continue;
        /* ... nor does a subject after ", and" join the object of a
         * preposition before it ("clashed with troops near Hebron, and
         * Palestinian officials said", "sent aid to Gaza, and Israel's
         * army says"), unless that object is itself the
         * end of a list ("with Russia, China, and Iran") */
        if (dyad && comma_before && right_subject(s, &s->actors[right])) {
            size_t h = np_start(s, &s->actors[left], petrarch);
            /* the object may be a list: "between Iran and Israel, and
             * Qatar hosted", "with Mali, Niger and Chad, and France said"
             * (a few members at most) */
            for (int k = 0; k < 4 && h > 1 && (s->w[h - 1].type == W_CONJ || s->w[h - 1].type == W_COMMA); k++) {
                uint32_t before = covering(s, cover, h - 2);
                if (before == DICT_NONE || s->actors[before].last != h - 2) break;
                h = np_start(s, &s->actors[before], petrarch);
            }
            if (h > 0 && (s->w[h - 1].tag == DYAD_TAG_IN || s->w[h - 1].tag == DYAD_TAG_TO) &&
                !(h > 1 && s->w[h - 2].type == W_COMMA))
                continue;
        }
        join_group(s, left, right);
        x->flags |= CW_COMPOUND_CONJ;
        /* the pronoun is the first member's, inside the list: no actor of
         * its own */
        if (own < r && s->w[own].type == W_PRON) {
            /* (a person's "his Ugandan counterpart" may be the other
             * side; a body's "its allied militias" is its own) */
            s->actors[right].allied = word_is(&s->w[own], "its") || word_is(&s->w[own], "their");
            s->w[own].type = W_NONE;
        }
        /* "and the evil Arnor awful Gondor", "and Arnor's Elrond": an actor
         * after adjectives, or after a possessive, joins the list */
        for (uint32_t m = right;;) {
            const cw_actor *ma = &s->actors[m];
            size_t q = ma->last + 1;
            bool adj = false;
            while (q < s->n && np_modifier(s, q, petrarch)) { q++; adj = true; }
            const cw_word *lw = &s->w[ma->last];
            bool possessive = lw->len > 2 && memcmp(lw->s + lw->len - 2, "'s", 2) == 0;
            uint32_t nx = covering(s, cover, q);
            if (nx == DICT_NONE || nx == m || s->actors[nx].head != q || !(adj || possessive)) break;
            join_group(s, m, nx);
            m = nx;
        }
        if (comma_before) s->w[c - 1].flags |= CW_COMPOUND_CONJ;
        /* "A, B, and C": earlier members joined by commas (not before "X
         * and its allies", one side named as a pair) */
        uint32_t m = left;
        for (; !s->actors[right].allied;) {
            size_t h = np_start(s, &s->actors[m], petrarch);
            if (h < 2 || s->w[h - 1].type != W_COMMA) break;
            uint32_t prev = covering(s, cover, h - 2);
            if (prev == DICT_NONE || s->actors[prev].last != h - 2) break;
            join_group(s, prev, m);
            s->w[h - 1].flags |= CW_COMPOUND_CONJ;
            m = prev;
        }
    }
    /* members in text order: re-chain each group by head position */
    for (size_t a = 0; a < s->nactors; a++) {
        if (s->actors[a].group != a || s->actors[a].next == DICT_NONE) continue;
        /* groups are built left to right, so the chain is already ordered
         * except where a later conjunction merged an earlier list; a
         * simple selection pass fixes that */
        uint32_t members[64];
        size_t nm = 0;
        for (uint32_t m = (uint32_t)a; m != DICT_NONE && nm < 64; m = s->actors[m].next) members[nm++] = m;
        for (size_t i = 1; i < nm; i++) {
            uint32_t v = members[i];
            size_t j = i;
            while (j > 0 && s->actors[members[j - 1]].head > s->actors[v].head) { members[j] = members[j - 1]; j--; }
            members[j] = v;
        }
        for (size_t i = 0; i < nm; i++) {
            s->actors[members[i]].group = members[0];
            s->actors[members[i]].next = i + 1 < nm ? members[i + 1] : DICT_NONE;
        }
    }
}

/* dyad's rules: "Russian and Turkish troops", "the Indian and Chinese
 * foreign ministers": a role word after the last member of a list of
 * country words belongs to every member. */
static int share_list_agent(dyad_coder_work *w, code_sentence *s)
{
    for (size_t a = 0; a < s->nactors; a++) {
        if (s->actors[a].group != a || s->actors[a].next == DICT_NONE) continue;
        uint32_t last = (uint32_t)a;
        while (s->actors[last].next != DICT_NONE) last = s->actors[last].next;
        const cw_actor *l = &s->actors[last];
        if (l->raw_code == DICT_NONE) {
            /* "the leaders of Armenia and Azerbaijan": the role comes first,
             * on the first member */
            l = &s->actors[a];
            last = (uint32_t)a;
            if (l->raw_code == DICT_NONE || !l->ncodes || l->word == DICT_NONE || l->head >= l->word) continue;
        } else if (!l->ncodes || l->word == DICT_NONE || l->last <= l->word) {
            continue;
        }
        const char *full = w->codes[l->first_code].s, *raw = w->codes[l->raw_code].s;
        size_t nr = strlen(raw);
        if (strncmp(full, raw, nr) != 0 || !full[nr]) continue;
        char role[32];
        snprintf(role, sizeof role, "%s", full + nr);
        for (uint32_t m = (uint32_t)a; m != DICT_NONE; m = s->actors[m].next) {
            const cw_actor *ma = &s->actors[m];
            if (m == last) continue;
            /* only members that are a single word of their own, with no
             * role yet: "Russian", not "Russia's army" */
            if (ma->raw_code != DICT_NONE || ma->head != ma->last) continue;
            if (join_actor_agent(w, s, m, role, false)) return -1;
        }
    }
    return 0;
}

static bool is_noun(const code_sentence *s, size_t i)
{
    const cw_word *x = &s->w[i];
    if (x->flags & CW_PART) x = &s->w[x->head];
    return x->type == W_NOUN;
}

static bool tag_is(uint8_t t, int kind)
{
    switch (kind) {
    case 0: return t == DYAD_TAG_NN || t == DYAD_TAG_NNS;
    case 1: return t == DYAD_TAG_JJ || t == DYAD_TAG_JJR || t == DYAD_TAG_JJS;
    default: return t == DYAD_TAG_RB || t == DYAD_TAG_RBR || t == DYAD_TAG_RBS;
    }
}

static void protect_noun_compounds(code_sentence *s, bool petrarch)
{
    for (size_t c = 1; c + 1 < s->n; c++) {
        cw_word *x = &s->w[c];
        if (x->type != W_CONJ || (x->flags & (CW_PART | CW_COMPOUND_CONJ))) continue;
        size_t r = c + 1;
        if (petrarch) {
            /* "heavily and unjustly", "awful and evil", "bombs and
             * rockets": the parser keeps these inside one phrase */
            bool same = false;
            for (int k = 0; k < 3; k++)
                if (tag_is(s->w[c - 1].tag, k) && tag_is(s->w[r].tag, k)) same = true;
            if (same && s->w[c - 1].actor == DICT_NONE && s->w[r].actor == DICT_NONE) {
                x->flags |= CW_PROTECTED;
                continue;
            }
        }
        if (is_noun(s, c - 1)) {
            while (r < s->n && s->w[r].type == W_ADJ) r++;
            if (r < s->n && is_noun(s, r)) x->flags |= CW_PROTECTED;
        } else if (s->w[c - 1].type == W_ADJ && s->w[r].type == W_ADJ) {
            x->flags |= CW_PROTECTED;
        }
    }
}

/* ---- 5. pronouns -------------------------------------------------------------------- */

static bool id_field(const char *fmt, const char *id, char kind, char *out, size_t cap)
{
    /* '^' are the blanks before the id, which the reader has taken off */
    while (*fmt == '^') fmt++;
    size_t k = 0;
    for (size_t i = 0; fmt[i] && id[i]; i++)
        if (fmt[i] == kind && k + 1 < cap) out[k++] = id[i];
    out[k] = 0;
    return k > 0;
}

/* The pronoun at word p stands for an actor of an earlier sentence:
 * a new actor there carrying that actor's code.  -1 when out of memory. */
static int forward_pronoun(dyad_coder_work *w, code_sentence *s, size_t p, const char *code)
{
    uint32_t na = new_actor(w, s);
    if (na == DICT_NONE) return -1;
    uint32_t ci = code_push_code(w, code, strlen(code));
    if (ci == DICT_NONE) return -1;
    s->actors[na].head = s->actors[na].last = s->actors[na].word = (uint32_t)p;
    s->actors[na].first_code = ci;
    s->actors[na].ncodes = 1;
    s->actors[na].forwarded = true;
    s->w[p].actor = na;
    return 0;
}

static bool is_verb_tag(uint8_t t);

/* The possessive pronoun at p, standing for actor ref, followed by a role
 * no actor took and then a verb: one actor of ref's side with that role.
 * 1 when made, 0 when the words are no such phrase, -1 on error. */
static int possessive_role(dyad_coder_work *w, code_sentence *s, size_t p, uint32_t ref)
{
    size_t g = p + 1;
    if (g >= s->n || s->w[g].type != W_AGENT || (s->w[g].flags & CW_PART) || s->w[g].root == DICT_NONE) return 0;
    size_t glast = g;
    while (glast + 1 < s->n && (s->w[glast + 1].flags & CW_PART) && s->w[glast + 1].head == g) glast++;
    size_t v = glast + 1;
    if (v < s->n && s->w[v].tag == DYAD_TAG_RB) v++;
    if (v >= s->n || !(s->w[v].type == W_VERB || s->w[v].type == W_AUX || is_verb_tag(s->w[v].tag))) return 0;
    const cw_actor *ra = &s->actors[s->actors[ref].group];
    /* (a joint referent stays the pronoun's: "Kenya and Uganda said their
     * troops" is both) */
    if (!ra->ncodes || ra->next != DICT_NONE) return 0;
    const char *rc = w->codes[ra->first_code].s;
    const ix_root *roots = ix_roots(w->c->ix, NULL);
    const ix_agent *ag = &ix_agents(w->c->ix, NULL)[roots[s->w[g].root].owner];
    char base[32], code[64];
    snprintf(base, sizeof base, "%s", rc);
    static const char *const offices[] = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", NULL};
    bool office = false;
    for (const char *const *o = offices; *o && !office; o++) office = strlen(rc) == 6 && !strcmp(rc + 3, *o);
    if (office && code_is_country(rc)) base[3] = 0;
    if (!strncmp(base, "IGO", 3) || !strncmp(base, "NGO", 3)) snprintf(code, sizeof code, "%s", base);
    else if (!agent_joined_code(w, base, ag->code, ag->prefix, code, sizeof code)) snprintf(code, sizeof code, "%s", base);
    uint32_t na = coded_actor(w, s, p, glast, code);
    if (na == DICT_NONE) return -1;
    for (size_t k = g; k <= glast; k++) {
        s->w[k].flags |= CW_PART;
        s->w[k].head = (uint32_t)p;
        s->w[k].actor = na;
    }
    s->w[g].type = W_NONE;
    return 1;
}

static int resolve_pronouns(dyad_coder_work *w, code_sentence *s)
{
    uint32_t first = DICT_NONE, first_compound = DICT_NONE;
    for (size_t a = 0; a < s->nactors; a++) {
        const cw_actor *act = &s->actors[a];
        if (act->pronoun || act->cancelled || (s->w[act->head].flags & CW_ELIM)) continue;
        if (first == DICT_NONE || act->head < s->actors[first].head) first = (uint32_t)a;
        if (act->group == a && act->next != DICT_NONE &&
            (first_compound == DICT_NONE || act->head < s->actors[first_compound].head))
            first_compound = (uint32_t)a;
    }
    /* FORWARD: a pronoun opening the next sentence of a story stands for
     * the first actor of the sentence before (manual 8.4) */
    bool forward = false;
    char story[32] = "", sentence[16] = "";
    if (w->opt.forward && s->doc && s->doc->id) {
        id_field(w->opt.forward_format, s->doc->id, 'N', story, sizeof story);
        id_field(w->opt.forward_format, s->doc->id, 'S', sentence, sizeof sentence);
        long sn = strtol(sentence, NULL, 10);
        forward = w->fwd_valid && strcmp(story, w->fwd_story) == 0 && sn == w->fwd_sentence + 1;
    }
    const char *fwd_code = w->fwd_code;
    bool fwd_person = false;
    if (!forward && w->doc_fwd_valid) {
        forward = true;
        fwd_code = w->doc_fwd_code;
        fwd_person = w->c->dyad_rules && w->doc_fwd_person;
    }
    for (size_t p = 0; p < s->n; p++) {
        cw_word *x = &s->w[p];
        if (x->type != W_PRON || (x->flags & CW_ELIM)) continue;
        uint32_t ref = DICT_NONE;
        bool plural = word_is(x, "they") || word_is(x, "them") || word_is(x, "their");
        bool possessive = word_is(x, "its") || word_is(x, "his") || word_is(x, "her");
        bool before_actors = first == DICT_NONE || s->actors[first].head > p;
        /* (one person named by surname is no "they") */
        if (forward && before_actors && !(plural && fwd_person)) {
            const char *code = fwd_code;
            if (w->c->dyad_rules && !w->opt.forward && p > 0 &&
                (word_is(x, "him") || word_is(x, "her") || word_is(x, "them"))) {
                /* dyad's rules: "Police arrested the opposition leader.
                 * They released him on Saturday": an object pronoun is
                 * the latest actor of the sentences before other than
                 * the subject's */
                for (size_t k = w->nctx; k-- > 0;)
                    if (strcmp(w->ctx_codes[k], fwd_code) != 0) { code = w->ctx_codes[k]; break; }
            }
            if (forward_pronoun(w, s, p, code)) return -1;
            continue;
        }
        if (plural) ref = first_compound != DICT_NONE ? first_compound : first;
        if (plural && w->c->dyad_rules) {
            /* dyad's rules: "police arrested protesters after they blocked
             * the road": the nearest plural before it */
            uint32_t near = DICT_NONE;
            for (size_t a = 0; a < s->nactors; a++) {
                const cw_actor *act = &s->actors[a];
                if (act->pronoun || act->cancelled || act->head >= p || (s->w[act->head].flags & CW_ELIM)) continue;
                if (near != DICT_NONE && act->head <= s->actors[near].head) continue;
                const cw_word *lw = &s->w[act->last];
                bool many = act->group != a || act->next != DICT_NONE ||
                            s->actors[act->group].next != DICT_NONE ||
                            (lw->len > 3 && lw->s[lw->len - 1] == 's' && lw->s[lw->len - 2] != '\'' &&
                             lw->s[lw->len - 2] != 's') ||
                            word_is(lw, "police") || word_is(lw, "people") || word_is(lw, "military");
                if (many) near = (uint32_t)a;
            }
            if (near != DICT_NONE) ref = near;
        }
        else if (possessive) ref = first != DICT_NONE && s->actors[first].head < p ? first : DICT_NONE;
        else ref = first;
        if (w->c->dyad_rules && word_is(x, "him") && first != DICT_NONE) {
            /* dyad's rules: an object pronoun is not its clause's subject --
             * "Macron met Zelensky and praised him" is Zelensky -- but
             * the nearest person named before it */
            uint32_t near = DICT_NONE;
            for (size_t a = 0; a < s->nactors; a++) {
                const cw_actor *act = &s->actors[a];
                if (act->pronoun || act->cancelled || a == first || act->head >= p ||
                    (s->w[act->head].flags & CW_ELIM))
                    continue;
                if (near == DICT_NONE || act->head > s->actors[near].head) near = (uint32_t)a;
            }
            if (near != DICT_NONE) ref = near;
        }
        if (w->c->dyad_rules && ref != DICT_NONE && ref == first && s->actors[first].ncodes &&
            (word_is(x, "him") || word_is(x, "them"))) {
            /* dyad's rules: "The president was detained. Soldiers took him
             * into custody": an object pronoun whose only candidate is the
             * sentence's subject is not that subject but the latest actor
             * of the sentences before with another code */
            const char *subj = w->codes[s->actors[first].first_code].s;
            const char *code = NULL;
            /* ... unless the sentence has named someone no dictionary
             * knows ("Keita's house"), or a noun stands between subject and
             * pronoun ("told the cadets ... informed them"): the pronoun
             * may be theirs */
            bool other = false;
            for (size_t k = 0; k < p && !other; k++) {
                const cw_word *y = &s->w[k];
                if (y->type == W_ACTOR || (y->flags & CW_PART)) continue;
                other = y->tag == DYAD_TAG_NNP || y->tag == DYAD_TAG_NNPS ||
                        (k > s->actors[first].last && (y->tag == DYAD_TAG_NN || y->tag == DYAD_TAG_NNS));
            }
            for (size_t k = w->nctx; k-- > 0 && !code && !other;)
                if (strcmp(w->ctx_codes[k], subj) != 0) code = w->ctx_codes[k];
            if (code) {
                if (forward_pronoun(w, s, p, code)) return -1;
                continue;
            }
        }
        if (w->c->dyad_rules && p > 1 &&
            (word_is(x, "he") || word_is(x, "she") || word_is(x, "it") || word_is(x, "they"))) {
            /* dyad's rules: "a move which the United States said it would
             * support": the subject right after a verb of saying is that
             * verb's speaker, the actor nearest before it */
            size_t v = p - 1;
            if (word_is(&s->w[v], "that")) v--;
            if (speech_verb(s, &s->w[v])) {
                uint32_t near = DICT_NONE;
                for (size_t a = 0; a < s->nactors; a++) {
                    const cw_actor *act = &s->actors[a];
                    if (act->cancelled || act->head >= v || (s->w[act->head].flags & CW_ELIM)) continue;
                    if (act->pronoun && act->ref == DICT_NONE) continue;
                    /* (not the object of a participle in the subject: "the
                     * coalition fighting the Houthis said it ...") */
                    size_t h = act->head;
                    while (h > 0 && (s->w[h - 1].type == W_DET || s->w[h - 1].tag == DYAD_TAG_JJ)) h--;
                    if (h > 0 && (s->w[h - 1].tag == DYAD_TAG_VBG || s->w[h - 1].tag == DYAD_TAG_VBN ||
                                  (s->w[h - 1].type == W_VERB && !(s->w[h - 1].flags & CW_PART))))
                        continue;
                    if (near == DICT_NONE || act->head > s->actors[near].head) near = (uint32_t)a;
                }
                bool verb_between = false;
                for (size_t k = near != DICT_NONE ? s->actors[near].head + 1 : v; k < v && !verb_between; k++)
                    verb_between = s->w[k].type == W_VERB && !(s->w[k].flags & CW_PART);
                if (near != DICT_NONE && !verb_between)
                    ref = s->actors[near].pronoun ? s->actors[near].ref : near;
            }
        }
        if (w->c->dyad_rules && ref != DICT_NONE && s->actors[ref].head > p) {
            /* dyad's rules: a pronoun stands for a later actor only across
             * a clause boundary ("When they arrived, the police ..."), not
             * for its own clause's object ("They attacked Somalia") */
            bool comma = false;
            for (size_t k = p + 1; k < s->actors[ref].head && !comma; k++) comma = s->w[k].type == W_COMMA;
            if (!comma) ref = DICT_NONE;
        }
        if (ref == DICT_NONE) continue;
        if (w->c->dyad_rules && !w->c->petrarch && (possessive || word_is(x, "their"))) {
            /* dyad's rules: "Kenya said its troops attacked ...": a
             * possessive pronoun's role, as the subject of a verb, is its
             * referent's branch (KENMIL); a state's office gives way to
             * the state ("the government said its forces" is KENMIL) */
            int r = possessive_role(w, s, p, ref);
            if (r < 0) return -1;
            if (r > 0) continue;
        }
        uint32_t na = new_actor(w, s);
        if (na == DICT_NONE) return -1;
        s->actors[na].head = s->actors[na].last = s->actors[na].word = (uint32_t)p;
        s->actors[na].pronoun = true;
        s->actors[na].ref = s->actors[ref].group;
        x->actor = na;
    }
    return 0;
}

/* ---- 6. comma-delimited clauses -------------------------------------------------------- */

static void eliminate(code_sentence *s, size_t from, size_t to, int lo, int hi, size_t comma_a,
                      size_t comma_b)
{
    size_t words = to > from ? to - from : 0;
    if ((int)words < lo || (int)words > hi || words == 0) return;
    for (size_t i = from; i < to; i++) s->w[i].flags |= CW_ELIM;
    if (comma_a != SIZE_MAX) s->w[comma_a].flags |= CW_ELIM;
    if (comma_b != SIZE_MAX) s->w[comma_b].flags |= CW_ELIM;
}

/* dyad's rules: whether words [from, to) hold a clause of their own -- an
 * actor, then a verb that is not one of saying (whose codes are
 * subordinate: "the Kremlin said") -- which comma elimination must keep:
 * ", Russia has expressed disappointment," is the sentence's news. */
static bool is_verb_tag(uint8_t t);
static bool speech_verb(const code_sentence *s, const cw_word *x);

/* Whether the comma stretch [from, to) goes on with a list of noun
 * phrases begun before it ("placed the party leader, two lawmakers and
 * several activists under arrest"; "..., two lawmakers, and ..."): a noun
 * before the comma, no verb in the stretch, and "and" or "or" inside it
 * or right after its closing comma. */
static bool list_stretch(const code_sentence *s, size_t from, size_t to)
{
    if (from < 2 || to > s->n || from >= to) return false;
    const cw_word *p = &s->w[from - 2];
    /* adjectives in a row: "fired several, short bursts at the tanker" */
    if (p->tag == DYAD_TAG_JJ && s->w[from].tag == DYAD_TAG_JJ) return true;
    if (!(p->tag == DYAD_TAG_NN || p->tag == DYAD_TAG_NNS || p->tag == DYAD_TAG_NNP || p->tag == DYAD_TAG_NNPS))
        return false;
    bool conj = false;
    for (size_t i = from; i < to; i++) {
        const cw_word *x = &s->w[i];
        if (x->type == W_VERB || x->type == W_AUX || is_verb_tag(x->tag) || x->tag == DYAD_TAG_WDT ||
            x->tag == DYAD_TAG_WP || x->type == W_COMMA)
            return false;
        if (x->type == W_CONJ && i + 1 < to) conj = conj || word_is(x, "and") || word_is(x, "or");
    }
    if (!conj && to + 1 < s->n && s->w[to].type == W_COMMA)
        conj = word_is(&s->w[to + 1], "and") || word_is(&s->w[to + 1], "or");
    return conj;
}

/* A word that can only help the verb after it: "the association, which
 * leads the protests, had called for a march", "..., were all arrested". */
static bool auxiliary(const cw_word *x)
{
    static const char *const aux[] = {"has", "have", "had", "is", "are", "will", "would", "could", "should",
                                      "must", "may", "might", "can", "did", "does", "do", "shall", NULL};
    if (x->type == W_AUX || x->tag == DYAD_TAG_MD) return true;
    for (const char *const *a = aux; *a; a++)
        if (word_is(x, *a)) return true;
    return false;
}

/* "were all arrested", "have both rejected": a quantifier on the subject
 * standing among the verb's auxiliaries. */
static bool floating_quantifier(const cw_word *x)
{
    return word_is(x, "all") || word_is(x, "both") || word_is(x, "each");
}

static bool own_clause(const dyad_coder_work *w, const code_sentence *s, size_t from, size_t to)
{
    if (list_stretch(s, from, to)) return true;
    const ix_root *roots = ix_roots(w->c->ix, NULL);
    const ix_verb *verbs = ix_verbs(w->c->ix, NULL);
    const ix_code *codes = ix_codes(w->c->ix, NULL);
    bool actor = false;
    /* ", rejected the proposal" after an appositive ("Brazil's president,
     * Lula, rejected ..."), ", killing at least 12", ", who shelled the
     * town", ", and threatens to ...": a verb opening the stretch is its
     * subject's predicate, a participle or a relative clause of its own */
    size_t lead = from;
    while (lead < to && lead < s->n &&
           (s->w[lead].tag == DYAD_TAG_RB || s->w[lead].type == W_AUX || word_is(&s->w[lead], "who") ||
            (lead == from && word_is(&s->w[lead], "having")) ||
            (lead == from && s->w[lead].type == W_CONJ) ||
            (lead == from && s->w[lead].tag == DYAD_TAG_TO && lead + 1 < to && s->w[lead + 1].type == W_VERB) ||
            word_is(&s->w[lead], "which") || auxiliary(&s->w[lead]) ||
            (lead > from && floating_quantifier(&s->w[lead])) ||
            (s->w[lead].type == W_BY && lead + 1 < to && s->w[lead + 1].tag == DYAD_TAG_VBG)))
        lead++;
    /* ", who say they want the government to do more": what a relative
     * clause's verb of saying reports is kept too */
    if (lead > from && lead < to && (word_is(&s->w[from], "who") || word_is(&s->w[from], "which")) &&
        speech_verb(s, &s->w[lead]))
        return true;
    /* ", and local officials report shortages": "and", a subject and its
     * verb are a clause of the sentence, not an attribution set aside */
    if (from + 2 < to && to <= s->n && s->w[from].type == W_CONJ && !(s->w[from].flags & CW_PART)) {
        size_t k = from + 1;
        while (k < to && s->w[k].type == W_DET) k++;
        if (k < to && s->w[k].type == W_ACTOR && s->w[k].actor < s->nactors) {
            const cw_actor *a = &s->actors[s->w[k].actor];
            size_t v = a->last + 1;
            while (v < to && (s->w[v].type == W_AUX || auxiliary(&s->w[v]) || s->w[v].tag == DYAD_TAG_RB)) v++;
            if (v < to && s->w[v].type == W_VERB && !(s->w[v].flags & CW_PART) &&
                (s->w[v].tag == DYAD_TAG_VBD || s->w[v].tag == DYAD_TAG_VBZ || s->w[v].tag == DYAD_TAG_VBP ||
                 s->w[v].tag == DYAD_TAG_VBN || s->w[v].tag == DYAD_TAG_VB))
                return true;
        }
    }
    for (size_t i = from; i < to && i < s->n; i++) {
        const cw_word *x = &s->w[i];
        if (x->type == W_ACTOR) actor = true;
        if (!(actor || i == lead) || x->type != W_VERB || (x->flags & CW_PART) || x->root == DICT_NONE) continue;
        const ix_verb *vb = &verbs[roots[x->root].owner];
        uint32_t ci = vb->code;
        if (ci == DICT_NONE || !(codes[ci].flags & IX_CODE_SUBORD)) return true;
        /* a verb that merely reports unless its object says more
         * ("recalled its ambassador") keeps a participle's stretch:
         * ", prompting Venezuela to recall its ambassador" */
        if (vb->npatterns && i > lead && s->w[lead].tag == DYAD_TAG_VBG && s->w[i - 1].tag == DYAD_TAG_TO)
            return true;
    }
    return false;
}

static void comma_clauses(dyad_coder_work *w, code_sentence *s)
{
    const code_options *o = &w->opt;
    if (o->comma_off) return;
    bool keep_clauses = w->c->dyad_rules;
    size_t prev = SIZE_MAX, before_prev = SIZE_MAX;
    size_t ncommas = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (s->w[i].type != W_COMMA || (s->w[i].flags & CW_COMPOUND_CONJ)) continue;
        if (prev == SIZE_MAX) {
            if (!(keep_clauses && own_clause(w, s, 0, i))) eliminate(s, 0, i, o->comma_bmin, o->comma_bmax, SIZE_MAX, i);
        } else if (!(keep_clauses && own_clause(w, s, prev + 1, i))) {
            eliminate(s, prev + 1, i, o->comma_min, o->comma_max, prev, i);
        }
        before_prev = prev;
        prev = i;
        ncommas++;
    }
    /* TABARI 7.8: a clause between the last comma and the end of the
     * sentence -- an attribution such as ", officials said." -- goes only
     * when the sentence ends there; when the clause before it was set
     * aside, the count runs from that clause's start */
    if (prev != SIZE_MAX && s->final_stop) {
        size_t from = prev + 1;
        if (before_prev != SIZE_MAX && (s->w[prev].flags & CW_ELIM)) from = before_prev + 1;
        size_t words = s->n - from - (from <= prev ? 1 : 0);
        if ((int)words >= o->comma_emin && (int)words <= o->comma_emax &&
            !(keep_clauses && own_clause(w, s, prev + 1, s->n)))
            eliminate(s, prev + 1, s->n, 0, INT32_MAX, prev, SIZE_MAX);
    }
    if (!ncommas) return;
    /* a root with words on both sides of a boundary is cancelled */
    for (size_t i = 0; i < s->n; i++) {
        cw_word *x = &s->w[i];
        if (x->flags & CW_PART) continue;
        bool in = (x->flags & CW_ELIM) != 0, mixed = false;
        for (size_t k = i + 1; k < s->n && k <= x->last + 1 && k < s->n; k++) {
            if (!((s->w[k].flags & CW_PART) && s->w[k].head == i)) continue;
            if (((s->w[k].flags & CW_ELIM) != 0) != in) mixed = true;
        }
        if (x->type == W_ACTOR && x->actor != DICT_NONE) {
            const cw_actor *a = &s->actors[x->actor];
            for (uint32_t k = a->head; k <= a->last && k < s->n; k++)
                if (((s->w[k].flags & CW_ELIM) != 0) != in) mixed = true;
        }
        if (!mixed) continue;
        if (x->type == W_ACTOR && x->actor != DICT_NONE) s->actors[x->actor].cancelled = true;
        x->type = W_NONE;
    }
}

/* ---- 7. clauses ----------------------------------------------------------------------- */

static bool is_lemma_of(const char *l, const char *const *set)
{
    for (const char *const *r = set; *r; r++)
        if (!strcmp(l, *r)) return true;
    return false;
}

/* Whether a clause follows the verb at word i without "that": a noun
 * phrase opened by a determiner or a name, then a finite verb before any
 * comma or relative word ("claims the election was fraudulent", not
 * "claimed responsibility for the attack"). */
static bool claimed_clause(const code_sentence *s, size_t i)
{
    if (i + 2 >= s->n) return false;
    const cw_word *n = &s->w[i + 1];
    if (!(n->type == W_DET || n->type == W_ACTOR || n->tag == DYAD_TAG_NNP || n->tag == DYAD_TAG_PRPS)) return false;
    for (size_t k = i + 2; k < s->n && k <= i + 9; k++) {
        const cw_word *x = &s->w[k];
        if (x->type == W_COMMA || word_is(x, "that") || word_is(x, "which") || word_is(x, "who")) return false;
        if (x->tag == DYAD_TAG_VBD || x->tag == DYAD_TAG_VBZ || x->tag == DYAD_TAG_VBP || x->tag == DYAD_TAG_MD)
            return true;
    }
    return false;
}

/* dyad's rules: a verb of saying ends its clause -- "Ukraine's military
 * said Russian forces attacked Kharkiv" reports Russia's act, whose source
 * is the subject after "said", not the speaker. */
static bool speech_verb(const code_sentence *s, const cw_word *x)
{
    if (x->type != W_VERB || (x->flags & CW_PART) || !s->ds || x->tok >= s->ds->ntokens) return false;
    const dyad_token *t = &s->ds->tokens[x->tok];
    bool finite = t->tag == DYAD_TAG_VBD || t->tag == DYAD_TAG_VBZ || t->tag == DYAD_TAG_VBP;
    if (!t->lemma) return false;
    size_t i = (size_t)(x - s->w);
    bool that = i + 1 < s->n && word_is(&s->w[i + 1], "that");
    /* the tagger often reads "charged that" as a participle, and
     * "claims" after its subject as a plural noun */
    bool claims = t->tag == DYAD_TAG_NNS && !that;
    if (!finite && !(that && t->tag == DYAD_TAG_VBN) && !claims) return false;
    /* only verbs that merely report: "warned", "urged", "denied" are acts
     * of their own, coded with their objects */
    static const char *const reporting[] = {"say", "tell", "add", "state", "report", "note",
                                            "write", "explain", "believe", "think", NULL};
    for (const char *const *r = reporting; *r && finite; r++)
        if (!strcmp(t->lemma, *r)) return true;
    /* "charged that", "alleged that", "claimed that": the accusation is
     * the speaker's (speaker_statements); what follows is reported */
    static const char *const claiming[] = {"charge", "allege", "claim", "contend", "assert", NULL};
    /* (the tagger may read "claims" after its subject as a plural noun) */
    bool finite_verb = finite || (t->tag == DYAD_TAG_NNS && x->type == W_VERB);
    if (!that && finite_verb && is_lemma_of(t->lemma, claiming) && claimed_clause(s, i)) return true;
    if (!that) return false;
    for (const char *const *r = claiming; *r; r++)
        if (!strcmp(t->lemma, *r)) return true;
    return false;
}

/* TABARI 7.6: conjunctions split the sentence, each clause after the
 * previous one. */
static void split_clauses(code_sentence *s)
{
    uint32_t clause = 0;
    for (size_t i = 0; i < s->n; i++) {
        cw_word *x = &s->w[i];
        if (x->type == W_CONJ && !(x->flags & (CW_PART | CW_COMPOUND_CONJ | CW_PROTECTED | CW_ELIM)))
            clause++;
        x->clause = clause;
    }
    s->nclauses = s->n ? clause + 1 : 0;
    for (uint32_t c = 0; c < s->nclauses; c++) {
        s->clause_prev[c] = c ? c - 1 : DICT_NONE;
        s->clause_antecedent[c] = DICT_NONE;
        s->clause_kind[c] = c ? DYAD_CLAUSE_OF_COORDINATE : DYAD_CLAUSE_OF_MAIN;
    }
}

static bool is_verb_tag(uint8_t t)
{
    return t == DYAD_TAG_VB || t == DYAD_TAG_VBD || t == DYAD_TAG_VBG || t == DYAD_TAG_VBN ||
           t == DYAD_TAG_VBP || t == DYAD_TAG_VBZ || t == DYAD_TAG_MD;
}

/* Whether a verb follows word i before the next comma, within a few
 * words: "after police stormed the embassy", "after blaming each other"
 * open clauses; "after talks with Iran" and "since December" do not. */
static bool verb_ahead(const code_sentence *s, size_t i)
{
    for (size_t k = i + 1; k < s->n && k <= i + 10; k++) {
        const cw_word *x = &s->w[k];
        if ((x->type == W_COMMA || x->type == W_CONJ) && !(x->flags & (CW_COMPOUND_CONJ | CW_PROTECTED)))
            return false;
        if (x->type == W_VERB || (x->type == W_AUX) || is_verb_tag(x->tag)) return x->tag != DYAD_TAG_VBN || x->type == W_VERB;
    }
    return false;
}

/* Whether a conjunction joins clauses, not noun phrases: a verb follows
 * it before the next comma or conjunction ("voiced anger and dismay
 * over Israel's raid" is one clause). */
static bool conj_opens_clause(const code_sentence *s, size_t i)
{
    for (size_t k = i + 1; k < s->n; k++) {
        const cw_word *x = &s->w[k];
        if (x->type == W_COMMA || (x->type == W_CONJ && !(x->flags & CW_PART))) return false;
        /* "cities to the north and south again Friday to demand ...": an
         * infinitive is no clause of its own */
        if ((x->type == W_VERB || is_verb_tag(x->tag)) && k > 0 && s->w[k - 1].tag == DYAD_TAG_TO) return false;
        if (x->type == W_VERB || x->type == W_AUX || is_verb_tag(x->tag)) return true;
        /* "men and boys after capturing the town", "concern and anger
         * with Israel's continuing raids": the verb is another phrase's
         * ("the leadership of X bears" still has its own) */
        if (x->tag == DYAD_TAG_IN && k > i + 1 && !word_is(x, "of")) return false;
    }
    return false;
}

/* Whether the words from i are a noun phrase naming an actor and then a
 * finite verb, before any comma: "the Turkish military and its allied
 * militias began ...". */
static bool subject_then_verb(const code_sentence *s, size_t i)
{
    bool actor = false;
    for (size_t k = i; k < s->n && k <= i + 10; k++) {
        const cw_word *x = &s->w[k];
        if (x->type == W_COMMA && !(x->flags & (CW_COMPOUND_CONJ | CW_PROTECTED))) return false;
        if (x->type == W_ACTOR || ((x->flags & CW_PART) && x->actor != DICT_NONE)) actor = true;
        if (x->type == W_VERB || x->type == W_AUX || is_verb_tag(x->tag))
            return actor && (x->tag == DYAD_TAG_VBD || x->tag == DYAD_TAG_VBZ || x->tag == DYAD_TAG_VBP ||
                             x->tag == DYAD_TAG_MD || x->type == W_AUX);
        if (x->tag == DYAD_TAG_IN && !word_is(x, "of")) return false;
    }
    return false;
}

/* Subordinators that open a clause with an event of its own. */
static bool subordinator(const code_sentence *s, size_t i)
{
    static const struct { const char *s; uint8_t n; } subs[] = {
        {"after", 5}, {"before", 6}, {"when", 4}, {"while", 5}, {"because", 7}, {"since", 5}, {"until", 5},
        {"although", 8}, {"though", 6}, {"whereas", 7}, {"as", 2}, {"amid", 4}, {"where", 5}};
    const cw_word *x = &s->w[i];
    if (x->len < 2 || x->len > 8 || (x->flags & (CW_PART | CW_ELIM))) return false;
    if (x->type == W_ACTOR || x->type == W_VERB) return false;
    bool hit = false;
    for (size_t k = 0; k < sizeof subs / sizeof *subs && !hit; k++)
        hit = x->len == subs[k].n && !memcmp(x->s, subs[k].s, subs[k].n);
    if (!hit) return false;
    if (word_is(x, "as") && i > 0 &&
        (word_is(&s->w[i - 1], "such") || word_is(&s->w[i - 1], "well") || word_is(&s->w[i - 1], "as") ||
         word_is(&s->w[i - 1], "so") || word_is(&s->w[i - 1], "same")))
        return false;
    if (word_is(x, "as") && i + 1 < s->n && (word_is(&s->w[i + 1], "well") || word_is(&s->w[i + 1], "part")))
        return false;
    return verb_ahead(s, i);
}

/* Whether "who"/"which" at word i opens a relative clause, not a
 * question or a determiner: "regardless of which path Russia chooses". */
static bool relative_pronoun(const code_sentence *s, size_t i)
{
    if (i > 0 && s->w[i - 1].tag == DYAD_TAG_IN) return false;
    if (i + 1 < s->n) {
        uint8_t t = s->w[i + 1].tag;
        if (t == DYAD_TAG_NN || t == DYAD_TAG_NNS || t == DYAD_TAG_JJ) return false;
    }
    return true;
}

/* Whether the word before the relative pronoun at i (or before its
 * comma) is a noun naming no actor. */
static bool thing_before(const code_sentence *s, size_t i)
{
    size_t k = i;
    if (k > 0 && s->w[k - 1].type == W_COMMA) k--;
    if (k == 0) return false;
    const cw_word *x = &s->w[k - 1];
    return x->actor == DICT_NONE && !(x->flags & CW_PART) && (x->tag == DYAD_TAG_NN || x->tag == DYAD_TAG_NNS);
}

/* The actor a relative pronoun at word i stands for: the one ending just
 * before it, or before the comma before it ("troops, who shelled ..."). */
static uint32_t antecedent(const code_sentence *s, size_t i)
{
    size_t k = i;
    if (k > 0 && s->w[k - 1].type == W_COMMA) k--;
    if (k == 0) return DICT_NONE;
    const cw_word *x = &s->w[k - 1];
    if (x->actor == DICT_NONE && (x->tag == DYAD_TAG_NN || x->tag == DYAD_TAG_NNS)) {
        /* "protesters in this leaderless movement, who say ...": past a
         * phrase on a thing to the people it tells of */
        size_t b = k - 1;
        while (b > 0 && k - b < 6 && s->w[b - 1].actor == DICT_NONE &&
               (s->w[b - 1].tag == DYAD_TAG_DT || s->w[b - 1].tag == DYAD_TAG_JJ || s->w[b - 1].tag == DYAD_TAG_NN ||
                s->w[b - 1].tag == DYAD_TAG_PRPS))
            b--;
        if (b > 1 && s->w[b - 1].tag == DYAD_TAG_IN && !word_is(&s->w[b - 1], "that") &&
            s->w[b - 2].actor != DICT_NONE && (s->w[b - 2].tag == DYAD_TAG_NNS || s->w[b - 2].tag == DYAD_TAG_NNPS))
            x = &s->w[b - 2];
    }
    if (x->actor == DICT_NONE || x->actor >= s->nactors) return DICT_NONE;
    if (!(x->type == W_ACTOR || x->type == W_PRON || (x->flags & CW_PART))) return DICT_NONE;
    const cw_actor *a = &s->actors[x->actor];
    if (a->cancelled) return DICT_NONE;
    /* "the millions in Hong Kong who have been demonstrating": a place
     * after "in" only says where the antecedent is */
    if (!a->pronoun && a->head > 0) {
        size_t h = a->head;
        if (h > 0 && s->w[h - 1].type == W_DET) h--;
        if (h > 1 && word_is(&s->w[h - 1], "in") && s->w[h - 2].type != W_VERB) return DICT_NONE;
    }
    return x->actor;
}

/* dyad's rules: the sentence's events are found clause by clause, and a
 * clause is not only what conjunctions delimit (TABARI) but every
 * stretch that states an event of its own: a subordinate clause ("...,
 * after police stormed the embassy"), a participle after a comma (",
 * killing at least 12"), a relative clause ("troops, who shelled the
 * town") and what a verb of saying reports ("X said Y attacked Z" is Y's
 * act).  Clauses opened inside another close at the next comma, and the
 * words after it belong to the sentence's own clause again; a clause with no
 * subject of its own takes the enclosing (or previous) clause's, a
 * relative clause the actor its pronoun stands for.  The nesting depth
 * is bounded; deeper openers continue the current clause. */
#define CODE_CLAUSE_DEPTH 8
static void split_clauses_dyad(code_sentence *s)
{
    uint32_t stack[CODE_CLAUSE_DEPTH];
    size_t depth = 1;
    stack[0] = 0;
    uint32_t next = 1;
    s->clause_prev[0] = DICT_NONE;
    s->clause_antecedent[0] = DICT_NONE;
    s->clause_kind[0] = DYAD_CLAUSE_OF_MAIN;
    bool after_speech = false, verb_seen = false;
    size_t defer_to = SIZE_MAX; /* a reported clause opens at this "that" */
    for (size_t i = 0; i < s->n; i++) {
        cw_word *x = &s->w[i];
        bool free_word = !(x->flags & (CW_PART | CW_COMPOUND_CONJ | CW_PROTECTED | CW_ELIM));
        int open = -1;         /* dyad_event_clause of a clause opened here */
        bool sibling = false;  /* the new clause follows the current one   */
        uint32_t ante = DICT_NONE;
        if (x->type == W_CONJ && free_word && verb_seen && conj_opens_clause(s, i)) {
            open = DYAD_CLAUSE_OF_COORDINATE;
            sibling = true;
        } else if (after_speech && x->type != W_COMMA) {
            open = DYAD_CLAUSE_OF_REPORTED;
            sibling = true;
        } else if (x->type == W_COMMA && !(x->flags & (CW_COMPOUND_CONJ | CW_PROTECTED)) && depth > 1) {
            /* the inner clauses end ("the mediators, who had been negotiating
             * after talks had stalled, later flew to Doha": one comma
             * closes both); the sentence's own clause goes on */
            depth = 1;
        } else if (free_word && verb_seen && depth == 1 && i > 0 && s->w[i - 1].type == W_COMMA &&
                   !(s->w[i - 1].flags & (CW_COMPOUND_CONJ | CW_PROTECTED | CW_ELIM)) &&
                   (x->type == W_DET || x->type == W_ACTOR) && subject_then_verb(s, i)) {
            /* "Days after the announcement that troops would withdraw,
             * the Turkish military began an offensive": a new subject
             * and its verb after a comma are a clause of their own */
            open = DYAD_CLAUSE_OF_COORDINATE;
            sibling = true;
        } else if (free_word && subordinator(s, i)) {
            open = DYAD_CLAUSE_OF_SUBORDINATE;
        } else if (free_word && (x->len == 3 || x->len == 5) && (word_is(x, "who") || word_is(x, "which")) && i > 0 &&
                   relative_pronoun(s, i) && verb_ahead(s, i)) {
            ante = antecedent(s, i);
            /* "during the conflict, which has killed 70,000 people": a
             * "which" on a thing is a relative clause whose subject is
             * no actor (not the subject of the clause before) */
            open = word_is(x, "who") || ante != DICT_NONE || thing_before(s, i) ? DYAD_CLAUSE_OF_RELATIVE
                                                                                : DYAD_CLAUSE_OF_SUBORDINATE;
        } else if (free_word && i > 0 && s->w[i - 1].type == W_COMMA &&
                   (x->tag == DYAD_TAG_VBG ||
                    ((x->tag == DYAD_TAG_RB || x->type == W_BY) && i + 1 < s->n &&
                     s->w[i + 1].tag == DYAD_TAG_VBG) ||
                    (word_is(x, "having") && i + 1 < s->n && s->w[i + 1].tag == DYAD_TAG_VBN) ||
                    (x->tag == DYAD_TAG_TO && i + 1 < s->n && s->w[i + 1].type == W_VERB &&
                     !(s->w[i + 1].flags & CW_PART) && s->w[i + 1].tag == DYAD_TAG_VB))) {
            /* ", killing at least 12", ", by firing tear gas", ", having
             * refused to leave", ", to call for jobs" (a purpose) */
            open = DYAD_CLAUSE_OF_PARTICIPLE;
        }
        if (open >= 0 && next < UINT32_MAX) {
            verb_seen = false;
            uint32_t c = next++;
            uint32_t cur = stack[depth - 1];
            s->clause_kind[c] = (uint8_t)open;
            s->clause_antecedent[c] = ante;
            s->clause_prev[c] = cur;
            if (sibling || depth == CODE_CLAUSE_DEPTH) stack[depth - 1] = c;
            else stack[depth++] = c;
        }
        x->clause = stack[depth - 1];
        /* "Iran and six world powers opened talks": a conjunction before
         * its clause's verb joins noun phrases */
        if ((x->type == W_VERB && !(x->flags & CW_PART)) || x->type == W_AUX || is_verb_tag(x->tag)) verb_seen = true;
        after_speech = speech_verb(s, x) && !(x->flags & CW_ELIM);
        if (after_speech && i + 2 < s->n && s->ds && x->tok < s->ds->ntokens && s->ds->tokens[x->tok].lemma &&
            !strcmp(s->ds->tokens[x->tok].lemma, "tell")) {
            /* "told reporters that ...": the one told stays in the
             * speaker's clause; what is reported starts at "that" */
            for (size_t k = i + 2; k < s->n && k <= i + 8; k++) {
                const cw_word *y = &s->w[k];
                if (word_is(y, "that")) { defer_to = k; after_speech = false; break; }
                /* "told reporters Uganda had violated ...": without "that",
                 * at a new subject and its finite verb */
                if ((y->type == W_ACTOR || y->type == W_DET) && !(y->flags & CW_PART) &&
                    (s->w[k - 1].tag == DYAD_TAG_NNS || s->w[k - 1].tag == DYAD_TAG_NN ||
                     s->w[k - 1].tag == DYAD_TAG_NNP || s->w[k - 1].tag == DYAD_TAG_PRP) &&
                    subject_then_verb(s, k)) {
                    defer_to = k;
                    after_speech = false;
                    break;
                }
                if (y->type == W_VERB || y->type == W_AUX || is_verb_tag(y->tag) || y->type == W_COMMA ||
                    y->type == W_CONJ || y->tag == DYAD_TAG_WDT || y->tag == DYAD_TAG_WP)
                    break;
            }
        }
        if (defer_to != SIZE_MAX && i + 1 == defer_to) { after_speech = true; defer_to = SIZE_MAX; }
    }
    s->nclauses = s->n ? next : 0;
}

static void group_spans(code_sentence *s)
{
    for (size_t a = 0; a < s->nactors; a++) {
        cw_actor *g = &s->actors[a];
        if (g->group != a) continue;
        g->gfirst = g->head;
        g->glast = g->last;
        for (uint32_t m = g->next; m != DICT_NONE; m = s->actors[m].next) {
            if (s->actors[m].head < g->gfirst) g->gfirst = s->actors[m].head;
            if (s->actors[m].last > g->glast) g->glast = s->actors[m].last;
        }
    }
}

/* ---- people named by surname ------------------------------------------------------ */

/* A word that can only be part of a person's name: capitalised, a proper
 * noun to the tagger, and nothing in the dictionaries (so no place,
 * organisation, role or verb). */
static bool name_word(const code_sentence *s, size_t i)
{
    static const char *const calendar[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                           "sunday", "january", "february", "march", "april", "may", "june",
                                           "july", "august", "september", "october", "november", "december",
                                           NULL};
    const cw_word *x = &s->w[i];
    if (!(x->type == W_NONE && !(x->flags & (CW_PART | CW_FORMER)) && x->root == DICT_NONE &&
          (x->flags & CW_CAP) && !s->allcaps && x->tag == DYAD_TAG_NNP && x->len >= 2 && x->len < 24 &&
          x->actor == DICT_NONE && isalpha((unsigned char)x->s[0])))
        return false;
    for (const char *const *c = calendar; *c; c++)
        if (word_is(x, *c)) return false;
    return true;
}

/* The run of name words [from, to] ending at the run's last word:
 * "John Smith" before a verb, comma or lowercase word, at most four. */
static bool name_run_after(const code_sentence *s, size_t from, size_t *to)
{
    size_t k = from;
    while (k < s->n && k < from + 4 && name_word(s, k)) k++;
    if (k == from || (k < s->n && (s->w[k].flags & CW_CAP) && s->w[k].type != W_COMMA)) return false;
    *to = k - 1;
    return true;
}

static void remember_name(dyad_coder_work *w, const cw_word *x, const char *code)
{
    if (x->len >= sizeof w->name_keys[0] || strlen(code) >= sizeof w->name_codes[0]) return;
    size_t k = 0;
    while (k < w->nnames && strcmp(w->name_keys[k], x->s) != 0) k++;
    if (k == w->nnames) {
        if (w->nnames == CODE_NAMES) {
            /* the oldest goes: a surname refers to a recent mention */
            memmove(w->name_keys, w->name_keys + 1, (CODE_NAMES - 1) * sizeof w->name_keys[0]);
            memmove(w->name_codes, w->name_codes + 1, (CODE_NAMES - 1) * sizeof w->name_codes[0]);
            w->nnames--;
        }
        k = w->nnames++;
        memcpy(w->name_keys[k], x->s, x->len);
        w->name_keys[k][x->len] = 0;
    }
    /* the nearest mention before wins */
    memcpy(w->name_codes[k], code, strlen(code) + 1);
}

/* Whether an actor names somebody's side with a role ("KENGOV",
 * "IGOUNO"), not a bare country or place a name may merely follow. */
static bool role_code(const char *c)
{
    return strlen(c) > 3 || !code_is_country(c);
}

void code_remember_names(dyad_coder_work *w, const code_sentence *s)
{
    if (s->allcaps) return;
    for (size_t a = 0; a < s->nactors; a++) {
        const cw_actor *act = &s->actors[a];
        if (act->pronoun || act->cancelled || !act->ncodes || act->head >= s->n) continue;
        const char *c = w->codes[act->first_code].s;
        size_t last = act->last < s->n ? act->last : act->head;
        size_t to;
        /* "Defense Minister John Smith said" -- but not one name word
         * after a name the dictionaries know, which is then only the
         * start of the name ("Opposition politician Assad Volcy" is no
         * Assad) */
        size_t own_word = act->word < s->n ? act->word : act->head;
        bool ends_in_name = s->w[own_word].last == last && (s->w[last].flags & CW_CAP) &&
                            (s->w[own_word].flags & CW_CAP) && s->w[own_word].tag == DYAD_TAG_NNP;
        if (ends_in_name && last + 1 < s->n && name_word(s, last + 1) &&
            !(last + 2 < s->n && name_word(s, last + 2)))
            continue;
        if (role_code(c) && last + 1 < s->n && name_run_after(s, last + 1, &to)) {
            remember_name(w, &s->w[to], c);
            continue;
        }
        /* "John Smith, a spokesman for the ministry," and "the prime
         * minister of Gondor, John Smith,": the name and the role are each
         * other's appositions */
        size_t word = act->word < s->n ? act->word : act->head;
        size_t b = word < act->head ? word : act->head;
        while (b > 0 && (s->w[b - 1].type == W_DET || s->w[b - 1].tag == DYAD_TAG_JJ)) b--;
        if (role_code(c) && b >= 2 && s->w[b - 1].type == W_COMMA && name_word(s, b - 2)) {
            size_t f = b - 2;
            while (f > 0 && b - 2 - f < 3 && name_word(s, f - 1)) f--;
            if (f == 0 || s->w[f - 1].type == W_COMMA || !(s->w[f - 1].flags & CW_CAP)) {
                remember_name(w, &s->w[b - 2], c);
                continue;
            }
        }
        if (role_code(c) && last + 2 < s->n && s->w[last + 1].type == W_COMMA &&
            name_run_after(s, last + 2, &to) && (to + 1 == s->n || s->w[to + 1].type == W_COMMA)) {
            remember_name(w, &s->w[to], c);
            continue;
        }
        /* a person in the dictionaries ("Wang Wenbin"): later "Wang" or
         * "Wenbin", whichever the article's naming order makes the
         * surname */
        /* (its own words, after any role joined before it: "Foreign
         * Ministry spokesperson Wang Wenbin") */
        size_t own = act->word < s->n ? act->word : act->head;
        if (last <= own || last - own > 3) continue;
        bool person = true;
        for (size_t k = own; k <= last && person; k++)
            person = (s->w[k].flags & CW_CAP) && s->w[k].tag == DYAD_TAG_NNP && (k == own || s->w[k].actor == a);
        if (!person) continue;
        remember_name(w, &s->w[own], c);
        remember_name(w, &s->w[last], c);
    }
}

/* dyad's rules: "Abdul Smith, a spokesman for the Gondorian ministry,
 * said ...": a name no dictionary knows, with a role set aside in
 * apposition after it, is that role's actor. */
static int appositive_names(dyad_coder_work *w, code_sentence *s)
{
    for (size_t i = 0; i < s->n; i++) {
        /* (a name set aside between commas after an opening phrase is
         * the subject all the same: "In an interview Monday, John Smith,
         * the army's commander, told ...") */
        bool set_aside = (s->w[i].flags & CW_ELIM) && i > 0 && s->w[i - 1].type == W_COMMA;
        if (!name_word(s, i) || ((s->w[i].flags & CW_ELIM) && !set_aside)) continue;
        if (i > 0 && (s->w[i - 1].flags & CW_CAP) && s->w[i - 1].type != W_COMMA) continue;
        size_t e = i;
        while (e + 1 < s->n && e < i + 3 && name_word(s, e + 1) &&
               ((s->w[e + 1].flags & CW_ELIM) != 0) == ((s->w[i].flags & CW_ELIM) != 0))
            e++;
        size_t c = e + 1;
        if (c + 1 >= s->n || s->w[c].type != W_COMMA || !(s->w[c + 1].flags & CW_ELIM)) {
            i = e;
            continue;
        }
        uint32_t role = DICT_NONE;
        for (size_t k = c + 1; k < s->n && k < c + 8 && (s->w[k].flags & CW_ELIM) && s->w[k].type != W_COMMA; k++) {
            /* the role is the aside's head: past a noun that names no
             * role, a preposition or a verb leads to someone else ("a
             * lawyer for the detained traders", "an analyst who studies
             * the army") */
            const cw_word *y = &s->w[k];
            bool role_before = k > c + 1 && (s->w[k - 1].actor != DICT_NONE || s->w[k - 1].type == W_AGENT);
            if (y->tag == DYAD_TAG_WP || y->tag == DYAD_TAG_WDT || y->type == W_VERB || is_verb_tag(y->tag) ||
                (y->tag == DYAD_TAG_IN && !role_before))
                break;
            if (s->w[k].type != W_ACTOR || s->w[k].actor == DICT_NONE) continue;
            const cw_actor *a = &s->actors[s->w[k].actor];
            if (!a->cancelled && !a->pronoun && a->ncodes && role_code(w->codes[a->first_code].s))
                role = s->w[k].actor;
            break;
        }
        if (role == DICT_NONE) {
            i = e;
            continue;
        }
        char code[32];
        snprintf(code, sizeof code, "%s", w->codes[s->actors[role].first_code].s);
        uint32_t na = coded_actor(w, s, i, e, code);
        if (na == DICT_NONE) return -1;
        s->actors[na].person = true;
        if (set_aside) {
            for (size_t k = i; k <= e; k++) s->w[k].flags &= (uint8_t)~CW_ELIM;
            s->w[i - 1].flags &= (uint8_t)~CW_ELIM;
        }
        for (size_t k = i + 1; k <= e; k++) {
            s->w[k].flags |= CW_PART;
            s->w[k].head = (uint32_t)i;
            s->w[k].actor = na;
        }
        i = e;
    }
    return 0;
}

/* dyad's rules: "the group has advocated ...": "the group" (or "the
 * movement", "the organization") with no name of its own is the latest
 * non-state body the article's earlier sentences named -- an opposition,
 * rebel, insurgent or separatist side, or a non-governmental or militant
 * body. */
static bool non_state_body(const char *c, const char *const *roles)
{
    if (!strncmp(c, "NGO", 3) || !strncmp(c, "IMG", 3)) return true;
    if (!code_is_country(c) || strlen(c) < 6) return false;
    for (const char *const *r = roles; *r; r++)
        if (!strncmp(c + 3, *r, 3)) return true;
    return false;
}

static bool noun_of(const cw_word *x, size_t len, const char *const *set)
{
    for (const char *const *n = set; *n; n++)
        if (strlen(*n) == len && !strncmp(x->s, *n, len)) return true;
    return false;
}

static int the_group(dyad_coder_work *w, code_sentence *s)
{
    static const char *const groups[] = {"group", "movement", "organization", "organisation", NULL};
    static const char *const bodies[] = {"council", "commission", "committee", "union", "court", "agency",
                                         "assembly", "front", "coalition", "mission", "tribunal", "league",
                                         "board", "party", "movement", "organization", "organisation", "group",
                                         NULL};
    static const char *const blocs[] = {"bloc", "alliance", NULL};
    static const char *const roles[] = {"OPP", "REB", "INS", "SEP", NULL};
    for (size_t i = 1; i < s->n; i++) {
        cw_word *x = &s->w[i];
        if ((x->type != W_NONE && x->type != W_NOUN) || x->root != DICT_NONE || (x->flags & CW_PART) ||
            s->w[i - 1].type != W_DET || !word_is(&s->w[i - 1], "the"))
            continue;
        size_t len = x->len;
        if (len > 2 && !memcmp(x->s + len - 2, "'s", 2)) len -= 2;
        /* ("the group of seven", "the group Human Rights Watch") */
        if (i + 1 < s->n && (word_is(&s->w[i + 1], "of") || (s->w[i + 1].flags & CW_CAP))) continue;
        const char *code = NULL;
        /* a body the article named in full: "the Transitional Military
         * Council ... the council's warning" */
        if (noun_of(x, len, bodies))
            for (size_t k = 0; k < w->nnames; k++) {
                const char *nc = w->name_codes[k];
                if (strlen(w->name_keys[k]) == len && !strncmp(w->name_keys[k], x->s, len) &&
                    !(strlen(nc) == 3 && code_is_country(nc)))
                    code = nc;
            }
        bool group = !code && !(x->flags & CW_CAP) && noun_of(x, len, groups);
        bool bloc = !code && !(x->flags & CW_CAP) && noun_of(x, len, blocs);
        if (!code && !group && !bloc) continue;
        /* (one named before it in its own sentence first: "a senior Hamas
         * official said the group rejected the proposal") */
        uint32_t near = DICT_NONE;
        for (size_t a = 0; a < s->nactors && !code; a++) {
            const cw_actor *act = &s->actors[a];
            if (act->cancelled || act->pronoun || !act->ncodes || act->head + 1 >= i) continue;
            const char *c = w->codes[act->first_code].s;
            if (group ? !non_state_body(c, roles) : strncmp(c, "IGO", 3) != 0) continue;
            if (near == DICT_NONE || act->head > s->actors[near].head) near = (uint32_t)a;
        }
        if (near != DICT_NONE) code = w->codes[s->actors[near].first_code].s;
        for (size_t k = w->nctx; k-- > 0 && !code;)
            if (group ? non_state_body(w->ctx_codes[k], roles) : !strncmp(w->ctx_codes[k], "IGO", 3))
                code = w->ctx_codes[k];
        if (code && coded_actor(w, s, i - 1, i, code) == DICT_NONE) return -1;
    }
    return 0;
}

/* dyad's rules: "For more than a decade, the group, known as ..., has
 * advocated ...": when the comma clauses set aside every actor before the
 * first verb, the actor right after the opening phrase's comma, itself
 * followed by a comma, is the subject all the same. */
static void opening_subject(code_sentence *s)
{
    size_t comma = SIZE_MAX, verb = SIZE_MAX;
    for (size_t i = 0; i < s->n && verb == SIZE_MAX; i++) {
        const cw_word *x = &s->w[i];
        if (x->type == W_COMMA && comma == SIZE_MAX && i > 0) comma = i;
        if (x->type == W_VERB && !(x->flags & (CW_PART | CW_ELIM))) verb = i;
        if (x->actor != DICT_NONE && x->actor < s->nactors && !(x->flags & CW_ELIM) &&
            !s->actors[x->actor].cancelled && verb == SIZE_MAX)
            return;
    }
    if (comma == SIZE_MAX || verb == SIZE_MAX || comma + 2 >= verb) return;
    size_t at = comma + 1;
    if (s->w[at].type == W_DET) at++;
    if (at >= verb || s->w[at].type != W_ACTOR || s->w[at].actor >= s->nactors || !(s->w[at].flags & CW_ELIM)) return;
    const cw_actor *a = &s->actors[s->w[at].actor];
    if (a->cancelled || a->pronoun || !a->ncodes || a->head != at) return;
    size_t last = a->last < s->n ? a->last : a->head;
    if (last + 1 >= verb || s->w[last + 1].type != W_COMMA) return;
    for (size_t k = comma; k <= last; k++) s->w[k].flags &= (uint8_t)~CW_ELIM;
}

/* dyad's rules: "Thousands filled the streets of Haiti's capital to
 * demand ...": a bare number of people as a subject is the civilians of
 * the one country the sentence names, else of the article's country. */
static int crowd_subjects(dyad_coder_work *w, code_sentence *s)
{
    static const char *const crowds[] = {"thousands", "hundreds", "dozens", "scores", "millions", NULL};
    static const char *const openers[] = {"of", "as", "when", "while", "after", "before", "and", "but", NULL};
    for (size_t i = 0; i + 1 < s->n; i++) {
        cw_word *x = &s->w[i];
        if ((x->type != W_NONE && x->type != W_NUMBER) || x->root != DICT_NONE || (x->flags & CW_PART) ||
            x->len < 5 || x->s[x->len - 1] != 's')
            continue;
        bool crowd = false;
        for (const char *const *c = crowds; *c && !crowd; c++) crowd = word_is(x, *c);
        if (!crowd) continue;
        bool opens = i == 0 || s->w[i - 1].type == W_COMMA;
        for (const char *const *o = openers; *o && !opens; o++) opens = word_is(&s->w[i - 1], *o);
        size_t v = i + 1;
        if (v + 1 < s->n && s->w[v].tag == DYAD_TAG_RB) v++;
        uint8_t vt = s->w[v].tag;
        bool verb = s->w[v].type == W_VERB || vt == DYAD_TAG_VBD || vt == DYAD_TAG_VBZ || vt == DYAD_TAG_VBP;
        /* (not a headline's passive: "Hundreds Detained in ...") */
        bool headline = s->ds && s->ds->part == DYAD_PART_HEADLINE;
        if (!opens || !verb || vt == DYAD_TAG_VBN || (headline && vt == DYAD_TAG_VBD)) continue;
        char home[4], code[8];
        if (!domestic_country(w, s, home) && !article_country(w, s, home)) continue;
        snprintf(code, sizeof code, "%sCVL", home);
        if (coded_actor(w, s, i, i, code) == DICT_NONE) return -1;
    }
    return 0;
}

/* dyad's rules: "Opposition politician Assad Volcy": a one-word name in
 * the dictionaries (a person's, coded with a role) right before a name
 * word they do not know is only the first part of another person's name,
 * not that person. */
static void partial_names(const dyad_coder_work *w, code_sentence *s)
{
    /* Words that open a capitalised title, not a person's name: after
     * them the known name is the title holder's side ("Hezbollah Deputy
     * Leader ...", "Hamas Political Chief ..."). */
    static const char *const title_words[] = {"deputy", "secretary", "chief", "head", "leader", "political",
                                              "military", "spiritual", "supreme", "senior", "acting", "vice",
                                              "foreign", "defence", "defense", "interior", "spokesman",
                                              "spokeswoman", "spokesperson", "commander", "chairman",
                                              "chairwoman", "president", "director", "envoy", "minister", NULL};
    const ix_root *roots = ix_roots(w->c->ix, NULL);
    for (size_t i = 0; i + 1 < s->n; i++) {
        cw_word *x = &s->w[i];
        if (x->type != W_ACTOR || x->actor >= s->nactors || x->root == DICT_NONE || roots[x->root].nlits != 1 ||
            !(x->flags & CW_CAP) || x->tag != DYAD_TAG_NNP || s->allcaps)
            continue;
        cw_actor *a = &s->actors[x->actor];
        if (a->last != i || !a->ncodes || strlen(w->codes[a->first_code].s) <= 3 || !name_word(s, i + 1)) continue;
        if (i > 0 && (s->w[i - 1].flags & CW_CAP) && s->w[i - 1].tag == DYAD_TAG_NNP && s->w[i - 1].type == W_NONE)
            continue;
        bool title = false;
        for (const char *const *t = title_words; *t && !title; t++) title = word_is(&s->w[i + 1], *t);
        if (title) continue;
        /* (an organisation, or a name written as an acronym, is no one's
         * first name: "UN Human Rights Council", "NATO Summit") */
        const char *code = w->codes[a->first_code].s;
        if (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3)) continue;
        bool acronym = s->doc && x->end <= s->doc->len && x->end - x->start >= 2;
        for (uint32_t b = x->start; acronym && b < x->end; b++) {
            unsigned char ch = (unsigned char)s->doc->text[b];
            acronym = !(ch >= 'a' && ch <= 'z');
        }
        if (acronym) continue;
        a->cancelled = true;
        x->type = W_NONE;
        x->actor = DICT_NONE;
        x->root = DICT_NONE; /* a name word now, of the name it starts */
    }
}

/* A lone name word the article has named in full before stands for that
 * person: "Smith said ..." after "Defense Minister John Smith". */
static int surnames(dyad_coder_work *w, code_sentence *s)
{
    /* (a courtesy title may come first: "Mr. Smith", "Gen. Smith") */
    static const char *const titles[] = {"mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt",
                                         "sen", "rep", "gov", "prof", "mr.", "mrs.", "ms.", "dr.", "gen.",
                                         "col.", "lt.", "maj.", "capt.", "sgt.", "sen.", "rep.", "gov.",
                                         "prof.", NULL};
    for (size_t i = 0; i < s->n; i++) {
        if (!name_word(s, i)) continue;
        if (i > 0 && (s->w[i - 1].flags & CW_CAP) && s->w[i - 1].tag == DYAD_TAG_NNP &&
            !is_lemma_of(s->w[i - 1].s, titles))
            continue;
        if (i + 1 < s->n && (s->w[i + 1].flags & CW_CAP) && s->w[i + 1].tag == DYAD_TAG_NNP) continue;
        /* ("Smith's", "the North's") */
        size_t len = s->w[i].len;
        if (len > 2 && !memcmp(s->w[i].s + len - 2, "'s", 2)) len -= 2;
        for (size_t k = 0; k < w->nnames; k++) {
            if (strncmp(w->name_keys[k], s->w[i].s, len) != 0 || w->name_keys[k][len]) continue;
            /* a person takes no article: "the House" after "the White
             * House" is no White House (but "the North" is a state's) */
            const char *nc = w->name_codes[k];
            if (i > 0 && word_is(&s->w[i - 1], "the") && !(strlen(nc) == 3 && code_is_country(nc))) break;
            uint32_t na = coded_actor(w, s, i, i, w->name_codes[k]);
            if (na == DICT_NONE) return -1;
            s->actors[na].person = true;
            break;
        }
    }
    return 0;
}

/* The actor named right after a preposition at word i (past determiners
 * and adjectives), or DICT_NONE. */
static uint32_t actor_after(const code_sentence *s, size_t i)
{
    for (size_t k = i + 1; k < s->n && k <= i + 3; k++) {
        const cw_word *y = &s->w[k];
        if (y->type == W_ACTOR && y->actor != DICT_NONE) return y->actor;
        if (!(y->type == W_DET || y->tag == DYAD_TAG_JJ)) break;
    }
    return DICT_NONE;
}

/* dyad's rules: a noun of a verb that names where its act came from and
 * whom it went at -- "after a barrage of rocket fire into Israel from
 * Gaza", "artillery fire on Kharkiv from Belgorod" -- states that act,
 * as a plural noun before "between" does; the coder keeps it for acts of
 * force only. */
static void nominal_acts(dyad_coder_work *w, code_sentence *s)
{
    static const char *const at[] = {"into", "on", "at", "against", "toward", "towards", "upon", NULL};
    const ix_root *roots = ix_roots(w->c->ix, NULL);
    for (size_t i = 0; i < s->n; i++) {
        cw_word *x = &s->w[i];
        if (x->type != W_NOUN || x->root == DICT_NONE || (x->flags & CW_PART) || roots[x->root].kind != IX_VERB ||
            roots[x->root].nlits != 1 || !(x->tag == DYAD_TAG_NN || x->tag == DYAD_TAG_NNS))
            continue;
        bool from = false, to = false;
        for (size_t k = i + 1; k < s->n && k <= i + 8; k++) {
            const cw_word *y = &s->w[k];
            if (y->type == W_VERB || y->type == W_COMMA || y->type == W_CONJ || y->type == W_AUX) break;
            if (word_is(y, "from")) from = from || actor_after(s, k) != DICT_NONE;
            for (const char *const *p = at; *p && !to; p++)
                if (word_is(y, *p)) to = actor_after(s, k) != DICT_NONE;
        }
        if (from && to) {
            x->type = W_VERB;
            x->flags |= CW_NOMINAL;
        }
    }
}

/* dyad's rules: a stance a party takes, named by a noun after the
 * party's possessive and before what it is for -- "Iran's refusal to
 * admit inspectors", "Egypt's call for a ceasefire", "Turkey's threat to
 * block the bid", "Gabon's rejection of the plan" -- states the act of the verb it is the noun of, by that
 * party, wherever the phrase stands in the sentence.  Only these nouns:
 * others after a possessive ("Russia's attack on ...") mostly recall an
 * act the story does not report. */
static void stance_nouns(dyad_coder_work *w, code_sentence *s)
{
    static const char *const stance[] = {"refusal", "call", "calls", "demand", "demands", "appeal", "appeals",
                                         "plea", "pleas", "threat", "threats", "ultimatum", NULL};
    /* (these two take their object after "of": "Gabon's rejection of
     * the plan", "Peru's condemnation of the coup") */
    static const char *const of_object[] = {"rejection", "condemnation", NULL};
    const ix_root *roots = ix_roots(w->c->ix, NULL);
    for (size_t i = 1; i + 1 < s->n; i++) {
        cw_word *x = &s->w[i];
        const cw_word *owner = &s->w[i - 1], *next = &s->w[i + 1];
        if (x->type != W_NOUN || x->root == DICT_NONE || (x->flags & CW_PART) || roots[x->root].kind != IX_VERB ||
            owner->type != W_ACTOR || owner->len < 3 || memcmp(owner->s + owner->len - 2, "'s", 2))
            continue;
        bool known = false;
        if (word_is(next, "to") || word_is(next, "for"))
            for (const char *const *n = stance; *n && !known; n++) known = word_is(x, *n);
        if (word_is(next, "of"))
            for (const char *const *n = of_object; *n && !known; n++) known = word_is(x, *n);
        if (known) x->type = W_VERB;
    }
}

int code_parse(dyad_coder_work *w, code_sentence *s)
{
    s->actors = NULL;
    s->nactors = s->cap_actors = 0;
    code_sentence_bloom(s);
    if (type_words(w, s)) return -1;
    if (w->c->dyad_rules && !w->c->petrarch) {
        nominal_acts(w, s);
        stance_nouns(w, s);
    }
    uint32_t *cover = arena_alloc(&w->a, (s->n + 1) * sizeof *cover);
    if (!cover) return -1;
    if (w->c->petrarch) {
        /* compounds first, so an agent reaches every member */
        build_cover(s, cover);
        find_compounds(s, cover, true, false);
        if (attach_agents(w, s)) return -1;
    } else {
        if (w->c->dyad_rules && w->nquotes && !w->finding_speakers && first_person_actors(w, s)) return -1;
        if (w->c->dyad_rules) partial_names(w, s);
        if (w->c->dyad_rules && w->nnames && surnames(w, s)) return -1;
        if (w->c->dyad_rules && !w->finding_speakers && the_group(w, s)) return -1;
        if (w->c->dyad_rules && crowd_subjects(w, s)) return -1;
        if (w->c->dyad_rules && !w->finding_speakers && w->nctx >= 2 && both_sides(w, s)) return -1;
        if (w->c->dyad_rules) stance_modifiers(s);
        if (attach_agents(w, s)) return -1;
        if (w->c->dyad_rules) merge_adjacent_actors(w, s);
        build_cover(s, cover);
        find_compounds(s, cover, false, w->c->dyad_rules);
        if (w->c->dyad_rules && share_list_agent(w, s)) return -1;
    }
    protect_noun_compounds(s, w->c->petrarch);
    comma_clauses(w, s);
    if (w->c->dyad_rules && !w->c->petrarch && appositive_names(w, s)) return -1;
    if (w->c->dyad_rules && !w->c->petrarch) opening_subject(s);
    if (resolve_pronouns(w, s)) return -1;
    /* at most one clause a word, and one more */
    s->clause_prev = arena_alloc(&w->a, (s->n + 1) * sizeof *s->clause_prev);
    s->clause_antecedent = arena_alloc(&w->a, (s->n + 1) * sizeof *s->clause_antecedent);
    s->clause_kind = arena_alloc(&w->a, (s->n + 1) * sizeof *s->clause_kind);
    if (!s->clause_prev || !s->clause_antecedent || !s->clause_kind) return -1;
    if (w->c->dyad_rules) split_clauses_dyad(s);
    else split_clauses(s);
    group_spans(s);
    return w->oom ? -1 : 0;
}
