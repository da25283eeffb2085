/* chunk.c -- the chunker's driver: allocates the sentence's chunks, clauses
 * and verb groups up front (each is bounded by the number of tokens, so no
 * array ever grows), runs the phrase and clause passes, then links every
 * chunk to its innermost clause and every passive verb to its agent. */
#include "chunk_private.h"

/* Gives every chunk its innermost clause.  Clauses are in pre-order and
 * properly nested, so a cursor that climbs to the parent when a clause has
 * ended and descends into clauses as they start visits each clause once. */
static void assign_clauses(dyad_sentence *s)
{
    const dyad_clause *cl = s->clauses;
    uint32_t cur = 0;
    size_t next = 1;
    for (size_t c = 0; c < s->nchunks; c++) {
        uint32_t p = s->chunks[c].first;
        while (cur != 0 && cl[cur].last <= p) cur = cl[cur].parent;
        for (; next < s->nclauses && cl[next].first <= p; next++)
            if (cl[next].last > p) cur = (uint32_t)next;
        s->chunks[c].clause = cur;
    }
    for (size_t v = 0; v < s->nverbs; v++)
        s->verbs[v].clause = s->chunks[s->verbs[v].chunk].clause;
}

static bool is_by(const dyad_token *t)
{
    return chunk_function_word(t) & FW_BY;
}

/* The agent of the passive verb group v: the NP after "by" later in the same
 * clause and before the next verb, subordinator, conjunction or punctuation
 * ("was attacked on Tuesday by protesters").  Looks at most a few chunks
 * ahead so that the whole step stays linear. */
static uint32_t find_agent(const dyad_sentence *s, const dyad_verb_group *g)
{
    uint32_t clause = s->chunks[g->chunk].clause;
    size_t end = g->chunk + 1 + 12;
    if (end > s->nchunks) end = s->nchunks;
    for (size_t c = g->chunk + 1; c < end; c++) {
        const dyad_chunk *ch = &s->chunks[c];
        if (ch->clause != clause) return DYAD_NONE;
        switch (ch->kind) {
        case DYAD_CHUNK_PP:
            if (ch->last - ch->first == 1 && is_by(&s->tokens[ch->first])) return ch->object;
            break;
        case DYAD_CHUNK_NP: case DYAD_CHUNK_ADVP: case DYAD_CHUNK_ADJP: case DYAD_CHUNK_PRT:
            break;
        default:
            return DYAD_NONE;
        }
    }
    return DYAD_NONE;
}

static void link_agents(dyad_sentence *s)
{
    /* Backwards, so that "was attacked and looted by protesters" can hand
     * the agent of the second verb to the first. */
    for (size_t v = s->nverbs; v-- > 0;) {
        dyad_verb_group *g = &s->verbs[v];
        if (!(g->flags & (DYAD_VG_PASSIVE | CHUNK_VG_BARE_VBN))) continue;
        g->by_agent = find_agent(s, g);
        /* a lone participle with an agent is a reduced passive: "the embassy
         * attacked by protesters"; without one it may be a mistagged past */
        if (g->by_agent != DYAD_NONE) g->flags |= DYAD_VG_PASSIVE;
        if (g->by_agent == DYAD_NONE && (g->flags & DYAD_VG_PASSIVE) && v + 1 < s->nverbs) {
            const dyad_verb_group *h = &s->verbs[v + 1];
            if (h->chunk == g->chunk + 2 && s->chunks[g->chunk + 1].kind == DYAD_CHUNK_CONJ &&
                (h->flags & DYAD_VG_PASSIVE) && (h->flags & CHUNK_VG_BARE_VBN))
                g->by_agent = h->by_agent;
        }
    }
}

/* Whether a clause of kind k needs a finite verb before verb group g: main
 * and coordinate clauses always; a clause opened by a subordinator or a
 * relative pronoun when g follows its subject ("after crowds burned/VBN
 * down its embassy", "who attacked/VBN"), but not "if attacked". */
static bool needs_finite(const dyad_sentence *s, const dyad_verb_group *g)
{
    const dyad_clause *cl = &s->clauses[g->clause];
    if (cl->kind == DYAD_CLAUSE_MAIN || cl->kind == DYAD_CLAUSE_COORDINATE) return true;
    if ((cl->kind != DYAD_CLAUSE_SUBORDINATE && cl->kind != DYAD_CLAUSE_RELATIVE) ||
        cl->opener == DYAD_NONE)
        return false;
    uint32_t c = g->chunk;
    while (c > 0 && s->chunks[c - 1].kind == DYAD_CHUNK_ADVP) c--;
    if (c == 0 || s->chunks[c - 1].first < cl->first) return false;
    const dyad_chunk *before = &s->chunks[c - 1];
    if (before->kind == DYAD_CHUNK_NP) return true;
    return cl->kind == DYAD_CLAUSE_RELATIVE && before->kind == DYAD_CHUNK_SBAR &&
           before->first == cl->opener;
}

/* A lone past participle that is the only verb of a clause that needs a
 * finite one, with no agent, is a past tense the tagger took for a
 * participle ("Protesters clashed/VBN with police"): taggers confuse the two
 * often.  Headlines are left alone: there "Five killed in attack" is a real
 * passive. */
static int promote_lone_participles(arena *a, dyad_sentence *s)
{
    if (s->part == DYAD_PART_HEADLINE || s->part == DYAD_PART_SUBHEADLINE) return 0;
    bool *finite = arena_calloc(a, s->nclauses, sizeof *finite);
    if (!finite) return -1;
    for (size_t v = 0; v < s->nverbs; v++)
        if (s->verbs[v].tense != DYAD_TENSE_NONE) finite[s->verbs[v].clause] = true;
    for (size_t v = 0; v < s->nverbs; v++) {
        dyad_verb_group *g = &s->verbs[v];
        if ((g->flags & CHUNK_VG_BARE_VBN) && !(g->flags & DYAD_VG_PASSIVE) && !finite[g->clause] &&
            needs_finite(s, g)) {
            g->tense = DYAD_TENSE_PAST;
            finite[g->clause] = true;
        }
    }
    return 0;
}

int chunk_sentence(arena *a, dyad_sentence *s)
{
    size_t n = s->ntokens;
    s->chunks = NULL;
    s->verbs = NULL;
    s->nchunks = s->nverbs = 0;
    s->clauses = arena_alloc(a, (n + 2) * sizeof *s->clauses);
    if (!s->clauses) return -1;
    if (n == 0) {
        s->clauses[0] = (dyad_clause){DYAD_CLAUSE_MAIN, 0, 0, DYAD_NONE, DYAD_NONE};
        s->nclauses = 1;
        return 0;
    }
    s->chunks = arena_alloc(a, n * sizeof *s->chunks);
    s->verbs = arena_alloc(a, n * sizeof *s->verbs);
    uint32_t *vg_of = arena_alloc(a, n * sizeof *vg_of);
    if (!s->chunks || !s->verbs || !vg_of) return -1;
    chunk_phrases(s, vg_of);
    chunk_clauses(s, vg_of);
    assign_clauses(s);
    link_agents(s);
    if (promote_lone_participles(a, s)) return -1;
    for (size_t v = 0; v < s->nverbs; v++) s->verbs[v].flags &= (uint16_t)~CHUNK_VG_PRIVATE;
    return 0;
}
