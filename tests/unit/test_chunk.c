/* test_chunk.c -- the chunker: phrases, verb groups and clauses on
 * hand-tagged news sentences, the structural promises every analysis keeps
 * (chunks tile the sentence, clauses nest), and hostile input. */
#include "harness.h"
#include "internal.h"
#include <stdlib.h>
#include <time.h>

/* ---- building sentences from "word/TAG" or "word/TAG/lemma" ------------ */

typedef struct built {
    arena a;
    dyad_sentence s;
    dyad_token *tokens;
    size_t cap;
} built;

/* Starts a new sentence, reusing the arena of the previous one; a `built`
 * must start zeroed ("built b = {0};"), which is an empty arena. */
static void build_begin(built *b)
{
    arena_reset(&b->a);
    memset(&b->s, 0, sizeof b->s);
    b->s.part = DYAD_PART_BODY;
    b->tokens = NULL;
    b->cap = 0;
}

/* Appends one "word/TAG[/lemma]" item; items with no '/' after the first
 * character are whole words tagged NONE. */
static void add_item(built *b, const char *item, size_t len)
{
    b->tokens = arena_grow(&b->a, b->tokens, &b->cap, b->s.ntokens + 1, sizeof *b->tokens);
    dyad_token *t = &b->tokens[b->s.ntokens++];
    memset(t, 0, sizeof *t);
    const char *slash = len > 1 ? memchr(item + 1, '/', len - 1) : NULL;
    size_t wlen = slash ? (size_t)(slash - item) : len;
    t->norm = arena_strndup(&b->a, item, wlen);
    t->norm_len = (uint16_t)wlen;
    t->tag = DYAD_TAG_NONE;
    const char *lemma = NULL;
    size_t llen = 0;
    if (slash) {
        const char *tag = slash + 1;
        const char *end = item + len;
        const char *slash2 = memchr(tag, '/', (size_t)(end - tag));
        size_t tlen = slash2 ? (size_t)(slash2 - tag) : (size_t)(end - tag);
        t->tag = (uint8_t)dyad_tag_from_name(tag, tlen);
        if (slash2) {
            lemma = slash2 + 1;
            llen = (size_t)(end - lemma);
        }
    }
    if (lemma) {
        t->lemma = arena_strndup(&b->a, lemma, llen);
    } else {
        char *buf = arena_alloc(&b->a, wlen + 16);
        dyad_lemmatize(t->norm, wlen, (dyad_tag)t->tag, buf, wlen + 16);
        t->lemma = buf;
    }
    t->chunk = DYAD_NONE;
}

static void add_text(built *b, const char *text)
{
    const char *p = text;
    while (*p) {
        while (*p == ' ') p++;
        const char *q = p;
        while (*q && *q != ' ') q++;
        if (q > p) add_item(b, p, (size_t)(q - p));
        p = q;
    }
}

static int build_finish(built *b)
{
    b->s.tokens = b->tokens;
    return chunk_sentence(&b->a, &b->s);
}

/* Tags and chunks a whole sentence given as text. */
static const dyad_sentence *chunked(built *b, const char *text)
{
    build_begin(b);
    add_text(b, text);
    if (build_finish(b)) return NULL;
    return &b->s;
}

/* ---- views ----------------------------------------------------------- */

/* The chunk kinds in order: "NP VP SBAR NP VP NP PP NP O". */
static const char *kinds(const dyad_sentence *s, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = 0;
    for (size_t c = 0; c < s->nchunks && n + 1 < cap; c++) {
        int w = snprintf(buf + n, cap - n, "%s%s", c ? " " : "", dyad_chunk_name(s->chunks[c].kind));
        if (w < 0) break;
        n += (size_t)w;
    }
    return buf;
}

/* "[NP the embassy] [VP was attacked] ." -- punctuation and O bare. */
static const char *brackets(const dyad_sentence *s, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = 0;
    for (size_t c = 0; c < s->nchunks && n + 1 < cap; c++) {
        const dyad_chunk *ch = &s->chunks[c];
        int w;
        if (ch->kind == DYAD_CHUNK_O) {
            w = snprintf(buf + n, cap - n, "%s%s", c ? " " : "", s->tokens[ch->first].norm);
        } else {
            w = snprintf(buf + n, cap - n, "%s[%s", c ? " " : "", dyad_chunk_name(ch->kind));
            for (uint32_t i = ch->first; i < ch->last && w >= 0 && n + (size_t)w < cap; i++)
                w += snprintf(buf + n + w, cap - n - (size_t)w, " %s", s->tokens[i].norm);
            if (w >= 0 && n + (size_t)w < cap) w += snprintf(buf + n + w, cap - n - (size_t)w, "]");
        }
        if (w < 0 || n + (size_t)w >= cap) break;
        n += (size_t)w;
    }
    return buf;
}

/* "main 0-9; subordinate 3-8 in 0 by 3" -- each clause with its parent and
 * opener. */
static const char *clause_list(const dyad_sentence *s, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = 0;
    for (size_t k = 0; k < s->nclauses && n + 1 < cap; k++) {
        const dyad_clause *c = &s->clauses[k];
        int w = snprintf(buf + n, cap - n, "%s%s %u-%u", k ? "; " : "",
                         dyad_clause_name(c->kind), c->first, c->last);
        if (w >= 0 && c->parent != DYAD_NONE)
            w += snprintf(buf + n + w, cap - n - (size_t)w, " in %u", c->parent);
        if (w >= 0 && c->opener != DYAD_NONE)
            w += snprintf(buf + n + w, cap - n - (size_t)w, " by %u", c->opener);
        if (w < 0 || n + (size_t)w >= cap) break;
        n += (size_t)w;
    }
    return buf;
}

/* The verb group whose head is the first token spelled `word`, or NULL. */
static const dyad_verb_group *group(const dyad_sentence *s, const char *word)
{
    for (size_t v = 0; v < s->nverbs; v++)
        if (strcmp(s->tokens[s->verbs[v].head].norm, word) == 0) return &s->verbs[v];
    return NULL;
}

static size_t token_index(const dyad_sentence *s, const char *word)
{
    for (size_t i = 0; i < s->ntokens; i++)
        if (strcmp(s->tokens[i].norm, word) == 0) return i;
    return SIZE_MAX;
}

/* Kind of the innermost clause holding the first token spelled `word`. */
static const char *clause_of(const dyad_sentence *s, const char *word)
{
    size_t i = token_index(s, word);
    if (i == SIZE_MAX) return "(no such word)";
    return dyad_clause_name(s->clauses[s->chunks[s->tokens[i].chunk].clause].kind);
}

/* The words of chunk c joined by spaces. */
static const char *chunk_words(const dyad_sentence *s, uint32_t c, char *buf, size_t cap)
{
    buf[0] = 0;
    if (c == DYAD_NONE || c >= s->nchunks) return "(none)";
    size_t n = 0;
    for (uint32_t i = s->chunks[c].first; i < s->chunks[c].last; i++) {
        int w = snprintf(buf + n, cap - n, "%s%s", n ? " " : "", s->tokens[i].norm);
        if (w < 0 || n + (size_t)w >= cap) break;
        n += (size_t)w;
    }
    return buf;
}

/* ---- the promises every analysis keeps --------------------------------- */

/* Returns NULL when the sentence is well formed, else what is wrong. */
static const char *malformed(const dyad_sentence *s)
{
    size_t n = s->ntokens;
    if (s->nclauses < 1) return "no main clause";
    const dyad_clause *cl = s->clauses;
    if (cl[0].kind != DYAD_CLAUSE_MAIN || cl[0].first != 0 || cl[0].last != n ||
        cl[0].parent != DYAD_NONE)
        return "clause 0 is not the main clause over the sentence";
    if (s->nclauses > n + 1) return "more clauses than tokens + 1";
    if (n == 0) return s->nchunks == 0 && s->nverbs == 0 ? NULL : "chunks in an empty sentence";
    /* chunks tile the tokens */
    uint32_t at = 0;
    size_t nvp = 0;
    for (size_t c = 0; c < s->nchunks; c++) {
        const dyad_chunk *ch = &s->chunks[c];
        if (ch->first != at || ch->last <= ch->first) return "chunks do not tile the sentence";
        if (ch->head < ch->first || ch->head >= ch->last) return "head outside its chunk";
        for (uint32_t i = ch->first; i < ch->last; i++)
            if (s->tokens[i].chunk != c) return "token's chunk index is wrong";
        if (ch->clause >= s->nclauses) return "chunk without a clause";
        const dyad_clause *k = &cl[ch->clause];
        if (ch->first < k->first || ch->last > k->last) return "chunk outside its clause";
        if (ch->kind == DYAD_CHUNK_PP) {
            if (ch->object != DYAD_NONE &&
                (ch->object != c + 1 || s->chunks[ch->object].kind != DYAD_CHUNK_NP))
                return "PP object is not the next NP";
        } else if (ch->object != DYAD_NONE) {
            return "object on a non-PP chunk";
        }
        if (ch->kind == DYAD_CHUNK_VP) {
            if (nvp >= s->nverbs || s->verbs[nvp].chunk != c) return "VP without its verb group";
            nvp++;
        }
        at = ch->last;
    }
    if (at != n) return "chunks stop short of the end";
    if (nvp != s->nverbs) return "verb groups without VPs";
    for (size_t v = 0; v < s->nverbs; v++) {
        const dyad_verb_group *g = &s->verbs[v];
        const dyad_chunk *ch = &s->chunks[g->chunk];
        if (g->head < ch->first || g->head >= ch->last) return "verb head outside its VP";
        unsigned tg = s->tokens[g->head].tag;
        if (tg != DYAD_TAG_MD && (tg < DYAD_TAG_VB || tg > DYAD_TAG_VBZ)) return "verb head is not a verb";
        if (g->clause != ch->clause) return "verb group clause differs from its chunk's";
        if (g->by_agent != DYAD_NONE && (g->by_agent >= s->nchunks ||
                                         s->chunks[g->by_agent].kind != DYAD_CHUNK_NP))
            return "agent is not an NP";
        if (g->flags & ~(unsigned)0x1f) return "private flags leaked";
    }
    /* clauses nest, in pre-order */
    uint32_t *stack = malloc((s->nclauses + 1) * sizeof *stack);
    if (!stack) return "out of memory in the test";
    size_t depth = 0;
    stack[depth++] = 0;
    const char *err = NULL;
    for (size_t k = 1; k < s->nclauses && !err; k++) {
        if (cl[k].first >= cl[k].last) err = "empty clause";
        else if (cl[k].first < cl[k - 1].first) err = "clauses not in pre-order";
        while (!err && depth > 1 && cl[stack[depth - 1]].last <= cl[k].first) depth--;
        if (!err && cl[k].parent != stack[depth - 1]) err = "clause parent is not its encloser";
        if (!err && cl[k].last > cl[stack[depth - 1]].last) err = "clause overlaps its parent's end";
        stack[depth++] = (uint32_t)k;
    }
    free(stack);
    if (err) return err;
    /* each chunk's clause is the innermost one (checked on small inputs) */
    if (s->nclauses * s->nchunks < 4000000) {
        for (size_t c = 0; c < s->nchunks; c++) {
            uint32_t best = 0;
            for (size_t k = 1; k < s->nclauses; k++)
                if (cl[k].first <= s->chunks[c].first && s->chunks[c].first < cl[k].last) best = (uint32_t)k;
            if (s->chunks[c].clause != best) return "chunk's clause is not the innermost";
        }
    }
    return NULL;
}

#define CHECK_WELL_FORMED(s) do { const char *why_ = malformed(s); \
    if (why_) { tctx_fail(t, __FILE__, __LINE__, "malformed: %s", why_); return; } } while (0)

/* ---- phrases ------------------------------------------------------------- */

static void chunk_that_complement_with_perfect(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "The/DT United/NNP States/NNPS announced/VBD that/IN it/PRP has/VBZ delivered/VBN "
        "a/DT written/VBN response/NN to/TO Russia/NNP ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(kinds(s, buf, sizeof buf), "NP VP SBAR NP VP NP PP NP O");
    CHECK_INT(s->chunks[0].head, 2);
    CHECK_INT(s->chunks[5].head, 10);
    CHECK_INT(s->chunks[6].object, 7);
    const dyad_verb_group *g = group(s, "delivered");
    CHECK(g);
    CHECK_INT(g->tense, DYAD_TENSE_PRESENT);
    CHECK_INT(g->flags, DYAD_VG_PERFECT);
    CHECK_STR(clause_list(s, buf, sizeof buf), "main 0-14; subordinate 4-13 in 0 by 4");
    CHECK_INT(g->clause, 1);
    CHECK_INT(group(s, "announced")->tense, DYAD_TENSE_PAST);
    CHECK_INT(group(s, "announced")->clause, 0);
    arena_free(&b.a);
}

static void chunk_possessive_stays_in_one_np(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "Russia/NNP 's/POS UN/NNP ambassador/NN criticized/VBD the/DT council/NN 's/POS "
        "decision/NN ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(brackets(s, buf, sizeof buf),
              "[NP Russia 's UN ambassador] [VP criticized] [NP the council 's decision] .");
    CHECK_INT(s->chunks[0].head, 3);
    CHECK_INT(s->chunks[2].head, 8);
    /* a possessive with nothing after it keeps the possessor as head */
    s = chunked(&b, "The/DT decision/NN was/VBD Moscow/NNP 's/POS ./.");
    CHECK(s);
    CHECK_STR(brackets(s, buf, sizeof buf), "[NP The decision] [VP was] [NP Moscow 's] .");
    CHECK_INT(s->chunks[2].head, 3);
    arena_free(&b.a);
}

static void chunk_noun_phrase_shapes(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "All/PDT the/DT proposed/VBN sanctions/NNS on/IN economic/JJ and/CC military/JJ aid/NN "
        "killed/VBD more/JJR than/IN 100/CD people/NNS and/CC about/IN 200/CD soldiers/NNS ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(brackets(s, buf, sizeof buf),
              "[NP All the proposed sanctions] [PP on] [NP economic and military aid] "
              "[VP killed] [NP more than 100 people] [CONJ and] [NP about 200 soldiers] .");
    CHECK_INT(s->chunks[0].head, 3);
    arena_free(&b.a);
}

static void chunk_time_word_splits_off(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "Lavrov/NNP told/VBD reporters/NNS Tuesday/NNP the/DT Good/NNP Friday/NNP "
        "Agreement/NNP was/VBD dead/JJ ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(brackets(s, buf, sizeof buf),
              "[NP Lavrov] [VP told] [NP reporters] [NP Tuesday] [NP the Good Friday Agreement] "
              "[VP was] [ADJP dead] .");
    arena_free(&b.a);
}

static void chunk_multiword_prepositions_govern_their_np(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "Talks/NNS stalled/VBD because/IN of/IN the/DT war/NN ,/, according/VBG to/TO "
        "U.S./NNP officials/NNS ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(brackets(s, buf, sizeof buf),
              "[NP Talks] [VP stalled] [PP because of] [NP the war] , [PP according to] "
              "[NP U.S. officials] .");
    CHECK_INT(s->chunks[2].object, 3);
    CHECK_INT(s->chunks[5].object, 6);
    CHECK_INT(s->nclauses, 1);
    arena_free(&b.a);
}

static void chunk_particles_adverbs_and_adjectives(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "Troops/NNS also/RB pulled/VBD out/RP ,/, and/CC the/DT area/NN is/VBZ very/RB quiet/JJ "
        "now/RB ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(brackets(s, buf, sizeof buf),
              "[NP Troops] [ADVP also] [VP pulled] [PRT out] , [CONJ and] [NP the area] "
              "[VP is] [ADJP very quiet] [ADVP now] .");
    arena_free(&b.a);
}

static void chunk_np_coordination_is_not_a_clause(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "Brazil/NNP and/CC the/DT United/NNP States/NNPS are/VBP seeking/VBG a/DT deal/NN "
        "with/IN China/NNP and/CC India/NNP ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(kinds(s, buf, sizeof buf), "NP CONJ NP VP NP PP NP CONJ NP O");
    CHECK_INT(s->nclauses, 1);
    CHECK_INT(group(s, "seeking")->flags, DYAD_VG_PROGRESSIVE);
    arena_free(&b.a);
}

/* ---- verb groups ------------------------------------------------------------ */

static void chunk_passive_finds_its_agent(tctx *t)
{
    built b = {0};
    char buf[256];
    const dyad_sentence *s = chunked(&b,
        "The/DT embassy/NN was/VBD attacked/VBN by/IN protesters/NNS on/IN Tuesday/NNP ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    const dyad_verb_group *g = group(s, "attacked");
    CHECK(g);
    CHECK_INT(g->tense, DYAD_TENSE_PAST);
    CHECK_INT(g->flags, DYAD_VG_PASSIVE);
    CHECK_STR(chunk_words(s, g->by_agent, buf, sizeof buf), "protesters");
    /* the agent may come after another phrase */
    s = chunked(&b, "A/DT convoy/NN was/VBD reportedly/RB ambushed/VBD on/IN Sunday/NNP by/IN "
                    "rebel/NN fighters/NNS ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    g = group(s, "ambushed");
    CHECK(g);
    CHECK_INT(g->flags, DYAD_VG_PASSIVE);
    CHECK_STR(chunk_words(s, g->by_agent, buf, sizeof buf), "rebel fighters");
    /* an active verb has no agent even before "by" */
    s = chunked(&b, "Prices/NNS rose/VBD by/IN 5/CD percent/NN ./.");
    CHECK(s);
    CHECK_INT(group(s, "rose")->by_agent, DYAD_NONE);
    CHECK_INT(group(s, "rose")->flags, 0);
    arena_free(&b.a);
}

static void chunk_perfect_progressive_and_passive_combine(tctx *t)
{
    built b = {0};
    const dyad_sentence *s = chunked(&b,
        "Five/CD officials/NNS have/VBP already/RB been/VBN sanctioned/VBN and/CC "
        "the/DT case/NN is/VBZ being/VBG investigated/VBN ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    const dyad_verb_group *g = group(s, "sanctioned");
    CHECK(g);
    CHECK_INT(g->tense, DYAD_TENSE_PRESENT);
    CHECK_INT(g->flags, DYAD_VG_PERFECT | DYAD_VG_PASSIVE);
    g = group(s, "investigated");
    CHECK(g);
    CHECK_INT(g->flags, DYAD_VG_PROGRESSIVE | DYAD_VG_PASSIVE);
    CHECK_STR(clause_of(s, "investigated"), "coordinate");
    /* the get-passive and contracted auxiliaries, with a stub lemma */
    s = chunked(&b, "He/PRP 's/VBZ been/VBN arrested/VBN and/CC they/PRP got/VBD detained/VBN ./.");
    CHECK(s);
    CHECK_INT(group(s, "arrested")->flags, DYAD_VG_PERFECT | DYAD_VG_PASSIVE);
    CHECK_INT(group(s, "detained")->flags, DYAD_VG_PASSIVE);
    CHECK_INT(group(s, "detained")->tense, DYAD_TENSE_PAST);
    arena_free(&b.a);
}

static void chunk_negation_belongs_to_the_group(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b, "Russia/NNP did/VBD not/RB disclose/VB the/DT contents/NNS ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(brackets(s, buf, sizeof buf), "[NP Russia] [VP did not disclose] [NP the contents] .");
    const dyad_verb_group *g = group(s, "disclose");
    CHECK(g);
    CHECK_INT(g->tense, DYAD_TENSE_PAST);
    CHECK_INT(g->flags, DYAD_VG_NEGATED);
    s = chunked(&b, "Moscow/NNP ca/MD n't/RB and/CC wo/MD n't/RB accept/VB it/PRP ,/, and/CC "
                    "Kyiv/NNP never/RB replied/VBD ;/: it/PRP is/VBZ not/RB ready/JJ and/CC "
                    "will/MD no/DT longer/RB wait/VB ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(brackets(s, buf, sizeof buf),
              "[NP Moscow] [VP ca n't] [CONJ and] [VP wo n't accept] [NP it] , [CONJ and] "
              "[NP Kyiv] [VP never replied] ; [NP it] [VP is not] [ADJP ready] [CONJ and] "
              "[VP will no longer wait] .");
    CHECK_INT(s->verbs[0].modality, DYAD_MOD_CAN);
    CHECK_INT(s->verbs[0].flags, DYAD_VG_NEGATED);
    g = group(s, "accept");
    CHECK_INT(g->modality, DYAD_MOD_WILL);
    CHECK_INT(g->tense, DYAD_TENSE_FUTURE);
    CHECK_INT(g->flags, DYAD_VG_NEGATED);
    CHECK_INT(group(s, "replied")->flags, DYAD_VG_NEGATED);
    CHECK_INT(group(s, "is")->flags, DYAD_VG_NEGATED);
    CHECK_INT(group(s, "wait")->flags, DYAD_VG_NEGATED);
    arena_free(&b.a);
}

static void chunk_modals_set_modality_and_tense(tctx *t)
{
    built b = {0};
    const dyad_sentence *s = chunked(&b, "Russia/NNP will/MD consider/VB further/JJ measures/NNS ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    const dyad_verb_group *g = group(s, "consider");
    CHECK(g);
    CHECK_INT(g->tense, DYAD_TENSE_FUTURE);
    CHECK_INT(g->modality, DYAD_MOD_WILL);
    s = chunked(&b, "They/PRP could/MD meet/VB and/CC discuss/VB the/DT plan/NN ,/, but/CC "
                    "Iran/NNP 'll/MD probably/RB refuse/VB and/CC talks/NNS must/MD resume/VB ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_INT(group(s, "meet")->modality, DYAD_MOD_COULD);
    CHECK_INT(group(s, "meet")->tense, DYAD_TENSE_PRESENT);
    /* "discuss" shares "could" */
    CHECK_INT(group(s, "discuss")->modality, DYAD_MOD_COULD);
    CHECK_INT(group(s, "refuse")->modality, DYAD_MOD_WILL);
    CHECK_INT(group(s, "refuse")->tense, DYAD_TENSE_FUTURE);
    CHECK_INT(group(s, "resume")->modality, DYAD_MOD_MUST);
    arena_free(&b.a);
}

static void chunk_catenatives_join_the_event_verb(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "The/DT two/CD sides/NNS are/VBP expected/VBN to/TO hold/VB talks/NNS ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(brackets(s, buf, sizeof buf), "[NP The two sides] [VP are expected to hold] [NP talks] .");
    const dyad_verb_group *g = group(s, "hold");
    CHECK(g);
    CHECK_INT(g->tense, DYAD_TENSE_PRESENT);
    CHECK_INT(g->modality, DYAD_MOD_INTEND);
    CHECK_INT(g->flags, 0); /* "are expected" is not the passive of "hold" */
    s = chunked(&b, "Iran/NNP plans/VBZ not/RB to/TO attend/VB but/CC Moscow/NNP is/VBZ going/VBG "
                    "to/TO send/VB envoys/NNS who/WP had/VBD to/TO be/VB evacuated/VBN ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(kinds(s, buf, sizeof buf), "NP VP CONJ NP VP NP SBAR VP O");
    g = group(s, "attend");
    CHECK_INT(g->modality, DYAD_MOD_INTEND);
    CHECK_INT(g->flags, DYAD_VG_NEGATED);
    g = group(s, "send");
    CHECK_INT(g->tense, DYAD_TENSE_FUTURE);
    CHECK_INT(g->flags, 0);
    g = group(s, "evacuated");
    CHECK_INT(g->tense, DYAD_TENSE_PAST);
    CHECK_INT(g->modality, DYAD_MOD_MUST);
    CHECK_INT(g->flags, DYAD_VG_PASSIVE);
    arena_free(&b.a);
}

static void chunk_other_verbs_keep_their_own_group(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "Pyongyang/NNP refused/VBD to/TO meet/VB the/DT envoy/NN ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(brackets(s, buf, sizeof buf), "[NP Pyongyang] [VP refused] [VP to meet] [NP the envoy] .");
    CHECK_INT(group(s, "refused")->tense, DYAD_TENSE_PAST);
    const dyad_verb_group *g = group(s, "meet");
    CHECK_INT(g->tense, DYAD_TENSE_NONE);
    CHECK_INT(g->flags, DYAD_VG_INFINITIVE);
    /* "to" before a noun is a preposition */
    s = chunked(&b, "Aid/NN went/VBD to/TO refugees/NNS ./.");
    CHECK(s);
    CHECK_STR(kinds(s, buf, sizeof buf), "NP VP PP NP O");
    arena_free(&b.a);
}

static void chunk_lemmas_drive_auxiliaries_when_given(tctx *t)
{
    built b = {0};
    /* odd word forms whose lemma the lemmatiser supplied */
    const dyad_sentence *s = chunked(&b,
        "Envoys/NNS ai/VBP/be n't/RB coming/VBG and/CC talks/NNS were/VBD/be "
        "postponed/VBN ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_INT(group(s, "coming")->flags, DYAD_VG_PROGRESSIVE | DYAD_VG_NEGATED);
    CHECK_INT(group(s, "postponed")->flags, DYAD_VG_PASSIVE);
    s = chunked(&b, "Officials/NNS seek/VBP/seek to/TO calm/VB markets/NNS ./.");
    CHECK(s);
    CHECK_INT(group(s, "calm")->modality, DYAD_MOD_INTEND);
    arena_free(&b.a);
}

/* ---- clauses -------------------------------------------------------------- */

static void chunk_relative_clause_ends_before_the_main_verb(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "The/DT ambassador/NN who/WP was/VBD stationed/VBN in/IN Belgium/NNP said/VBD "
        "the/DT talks/NNS failed/VBD ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf),
              "main 0-12; relative 2-7 in 0 by 2; subordinate 8-11 in 0");
    CHECK_STR(clause_of(s, "said"), "main");
    CHECK_STR(clause_of(s, "stationed"), "relative");
    CHECK_STR(clause_of(s, "failed"), "subordinate");
    CHECK_INT(group(s, "stationed")->flags, DYAD_VG_PASSIVE);
    arena_free(&b.a);
}

static void chunk_relative_that_after_a_noun(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "Officials/NNS said/VBD that/IN the/DT convoy/NN that/WDT was/VBD attacked/VBN "
        "carried/VBD food/NN ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf),
              "main 0-11; subordinate 2-10 in 0 by 2; relative 5-8 in 1 by 5");
    CHECK_STR(clause_of(s, "carried"), "subordinate");
    /* "told reporters that" is a complement, not a relative clause */
    s = chunked(&b, "Lavrov/NNP told/VBD reporters/NNS that/IN Moscow/NNP would/MD respond/VB ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_of(s, "respond"), "subordinate");
    /* a non-restrictive relative between commas */
    s = chunked(&b, "Kyiv/NNP ,/, which/WDT denies/VBZ the/DT claim/NN ,/, said/VBD nothing/NN ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf), "main 0-10; relative 2-6 in 0 by 2");
    arena_free(&b.a);
}

static void chunk_said_without_that_opens_a_clause(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "Lavrov/NNP said/VBD Wednesday/NNP it/PRP would/MD respond/VB ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf), "main 0-7; subordinate 3-6 in 0");
    CHECK_STR(clause_of(s, "respond"), "subordinate");
    CHECK_STR(clause_of(s, "said"), "main");
    arena_free(&b.a);
}

static void chunk_subject_after_its_relative_clause(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "He/PRP said/VBD the/DT attack/NN ,/, which/WDT killed/VBD five/CD people/NNS ,/, "
        "was/VBD a/DT crime/NN ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf),
              "main 0-14; subordinate 2-13 in 0; relative 5-9 in 1 by 5");
    CHECK_STR(clause_of(s, "was"), "subordinate");
    arena_free(&b.a);
}

static void chunk_mistagged_participle_is_the_main_verb(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "The/DT protesters/NNS ,/, angered/VBN by/IN the/DT verdict/NN ,/, clashed/VBN "
        "with/IN police/NNS ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf), "main 0-12; subordinate 3-7 in 0");
    const dyad_verb_group *g = group(s, "angered");
    CHECK_INT(g->flags, DYAD_VG_PASSIVE);
    CHECK_STR(chunk_words(s, g->by_agent, buf, sizeof buf), "the verdict");
    g = group(s, "clashed");
    CHECK_STR(clause_of(s, "clashed"), "main");
    CHECK_INT(g->tense, DYAD_TENSE_PAST);
    CHECK_INT(g->flags, 0);
    /* the reduced relative of a clause that has its verb stays a participle */
    s = chunked(&b, "Troops/NNS stationed/VBN in/IN Poland/NNP left/VBD ./.");
    CHECK(s);
    CHECK_INT(group(s, "stationed")->tense, DYAD_TENSE_NONE);
    /* and a headline's participle is a passive, not a past */
    build_begin(&b);
    add_text(&b, "Five/CD killed/VBN in/IN attack/NN");
    b.s.part = DYAD_PART_HEADLINE;
    CHECK(build_finish(&b) == 0);
    CHECK_INT(group(&b.s, "killed")->tense, DYAD_TENSE_NONE);
    arena_free(&b.a);
}

static void chunk_participle_after_comma_opens_a_clause(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "The/DT ministry/NN protested/VBD Wednesday/NNP ,/, adding/VBG that/IN sanctions/NNS "
        "would/MD follow/VB ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf),
              "main 0-11; subordinate 5-10 in 0; subordinate 6-10 in 1 by 6");
    CHECK_STR(clause_of(s, "follow"), "subordinate");
    /* a sentence-initial participle ends at its comma */
    s = chunked(&b, "Speaking/VBG in/IN Paris/NNP ,/, Macron/NNP urged/VBD restraint/NN ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf), "main 0-8; subordinate 0-3 in 0");
    CHECK_STR(clause_of(s, "urged"), "main");
    arena_free(&b.a);
}

static void chunk_subordinators_and_prepositions(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "Prices/NNS fell/VBD since/IN Monday/NNP because/IN traders/NNS panicked/VBD ,/, "
        "although/IN markets/NNS recovered/VBD after/IN the/DT talks/NNS resumed/VBD ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(kinds(s, buf, sizeof buf), "NP VP PP NP SBAR NP VP O SBAR NP VP SBAR NP VP O");
    CHECK_STR(clause_list(s, buf, sizeof buf),
              "main 0-16; subordinate 4-7 in 0 by 4; subordinate 8-15 in 0 by 8; "
              "subordinate 11-15 in 2 by 11");
    arena_free(&b.a);
}

static void chunk_clause_coordination(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "Russia/NNP shelled/VBD the/DT port/NN and/CC Ukraine/NNP responded/VBD ,/, but/CC "
        "talks/NNS continued/VBD and/CC progressed/VBD ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf),
              "main 0-14; coordinate 4-8 in 0 by 4; coordinate 8-13 in 0 by 8; "
              "coordinate 11-13 in 2 by 11");
    /* the shared-subject passive shares its agent */
    s = chunked(&b, "The/DT embassy/NN was/VBD attacked/VBN and/CC looted/VBN by/IN "
                    "protesters/NNS ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    const dyad_verb_group *g = group(s, "looted");
    CHECK(g);
    CHECK_INT(g->flags, DYAD_VG_PASSIVE);
    CHECK_INT(g->tense, DYAD_TENSE_PAST);
    CHECK_STR(chunk_words(s, g->by_agent, buf, sizeof buf), "protesters");
    CHECK_STR(chunk_words(s, group(s, "attacked")->by_agent, buf, sizeof buf), "protesters");
    CHECK_STR(clause_of(s, "looted"), "coordinate");
    arena_free(&b.a);
}

static void chunk_semicolon_coordinates(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "Troops/NNS withdrew/VBD ;/: officials/NNS who/WP spoke/VBD confirmed/VBD it/PRP ;/: "
        "nobody/NN objected/VBD ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf),
              "main 0-12; coordinate 2-8 in 0 by 2; relative 4-6 in 1 by 4; "
              "coordinate 8-11 in 0 by 8");
    CHECK_STR(clause_of(s, "confirmed"), "coordinate");
    arena_free(&b.a);
}

static void chunk_quotes_and_reporting_clause(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "``/`` We/PRP are/VBP prepared/VBN ,/, ''/'' he/PRP said/VBD ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf), "main 0-9; quote 0-6 in 0 by 0");
    CHECK_STR(clause_of(s, "prepared"), "quote");
    CHECK_STR(clause_of(s, "said"), "main");
    /* a quotation inside a that-clause, and one split by the reporting verb */
    s = chunked(&b, "He/PRP said/VBD ``/`` we/PRP will/MD win/VB ,/, ''/'' adding/VBG :/: "
                    "``/`` we/PRP must/MD ./. ''/''");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf),
              "main 0-15; quote 2-8 in 0 by 2; subordinate 8-15 in 0; quote 10-15 in 2 by 10");
    arena_free(&b.a);
}

static void chunk_reporting_parentheticals(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "Russia/NNP will/MD respond/VB ,/, a/DT senior/JJ official/NN said/VBD ,/, "
        "without/IN giving/VBG details/NNS ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf), "main 0-13; parenthetical 3-9 in 0 by 3");
    CHECK_STR(clause_of(s, "said"), "parenthetical");
    CHECK_STR(clause_of(s, "details"), "main");
    s = chunked(&b, "Talks/NNS will/MD resume/VB ,/, said/VBD Jane/NNP Doe/NNP ,/, a/DT "
                    "spokeswoman/NN ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf), "main 0-11; parenthetical 3-10 in 0 by 3");
    s = chunked(&b, "The/DT talks/NNS failed/VBD ,/, officials/NNS said/VBD Tuesday/NNP ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf), "main 0-8; parenthetical 3-7 in 0 by 3");
    arena_free(&b.a);
}

static void chunk_brackets_are_parenthetical(tctx *t)
{
    built b = {0};
    char buf[1024];
    const dyad_sentence *s = chunked(&b,
        "NATO/NNP (/-LRB- which/WDT met/VBD Monday/NNP )/-RRB- warned/VBD Minsk/NNP ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf), "main 0-9; parenthetical 1-6 in 0 by 1; relative 2-5 in 1 by 2");
    CHECK_STR(clause_of(s, "warned"), "main");
    /* a stray ")" is ignored; a lone "(" runs to the end */
    s = chunked(&b, "Aid/NN )/-RRB- arrived/VBD (/-LRB- late/RB ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf), "main 0-6; parenthetical 3-6 in 0 by 3");
    arena_free(&b.a);
}

static void chunk_unbalanced_quotes(tctx *t)
{
    built b = {0};
    char buf[1024];
    /* an opening quote never closed runs to the end */
    const dyad_sentence *s = chunked(&b, "He/PRP said/VBD ``/`` we/PRP will/MD fight/VB ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf), "main 0-7; quote 2-7 in 0 by 2");
    /* a closing quote whose opening was in the previous sentence */
    s = chunked(&b, "If/IN they/PRP attack/VBP ,/, we/PRP will/MD respond/VB ,/, ''/'' "
                    "Lavrov/NNP said/VBD ./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(clause_list(s, buf, sizeof buf),
              "main 0-12; quote 0-9 in 0; subordinate 0-3 in 1 by 0");
    CHECK_STR(clause_of(s, "respond"), "quote");
    CHECK_STR(clause_of(s, "said"), "main");
    /* stray marks everywhere stay well formed */
    s = chunked(&b, "''/'' ''/'' ``/`` a/DT ''/'' ''/'' ``/`` ``/`` (/-LRB- ''/'' )/-RRB- b/NN");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    arena_free(&b.a);
}

/* ---- edges and hostile input --------------------------------------------- */

static void chunk_empty_and_single_token(tctx *t)
{
    built b = {0};
    char buf[256];
    const dyad_sentence *s = chunked(&b, "");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_INT(s->nchunks, 0);
    CHECK_INT(s->nclauses, 1);
    s = chunked(&b, "Attack/NN");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(kinds(s, buf, sizeof buf), "NP");
    s = chunked(&b, "./.");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_STR(kinds(s, buf, sizeof buf), "O");
    s = chunked(&b, "resigned/VBD");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    CHECK_INT(s->nverbs, 1);
    /* unknown tags and missing words are outside chunks, not crashes */
    s = chunked(&b, "?!/XX x/NONE to/TO not/RB");
    CHECK(s);
    CHECK_WELL_FORMED(s);
    arena_free(&b.a);
}

static void chunk_deep_nesting_is_flattened(tctx *t)
{
    built b = {0};
    build_begin(&b);
    for (int i = 0; i < 300; i++) add_text(&b, "``/`` officials/NNS who/WP said/VBD that/IN (/-LRB-");
    add_text(&b, "it/PRP ended/VBD ./.");
    CHECK(build_finish(&b) == 0);
    CHECK_WELL_FORMED(&b.s);
    size_t depth = 0;
    for (uint32_t k = b.s.chunks[b.s.nchunks - 1].clause; k != DYAD_NONE; k = b.s.clauses[k].parent)
        depth++;
    CHECK(depth <= 64);
    arena_free(&b.a);
}

static const char *const random_tags[] = {
    "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "MD", "NN", "NNS", "NNP",
    "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RP", "TO", "VB", "VBD", "VBG",
    "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".", ":", "``", "''", "-LRB-",
    "-RRB-", "$",
};
static const char *const random_words[] = {
    "that", "who", "which", "and", "but", ";", "not", "n't", "to", "by", "said", "was",
    "has", "been", "will", "expected", "going", "Tuesday", "since", "no", "longer",
    "according", "of", "as", "well", "'s", "more", "than", "about", "the", "x",
};

static void chunk_random_input_stays_well_formed(tctx *t)
{
    uint64_t seed = 0x9E3779B97F4A7C15u;
    built b = {0};
    for (int round = 0; round < 400; round++) {
        build_begin(&b);
        size_t len = (size_t)(seed >> 59) + (round % 7) * 5;
        char item[64];
        for (size_t i = 0; i < len; i++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            const char *w = random_words[(seed >> 33) % (sizeof random_words / sizeof *random_words)];
            const char *tg = random_tags[(seed >> 17) % (sizeof random_tags / sizeof *random_tags)];
            snprintf(item, sizeof item, "%s/%s", w, tg);
            add_item(&b, item, strlen(item));
        }
        CHECK(build_finish(&b) == 0);
        const char *why = malformed(&b.s);
        if (why) {
            char buf[4096];
            tctx_fail(t, __FILE__, __LINE__, "round %d: %s: %s", round, why,
                      brackets(&b.s, buf, sizeof buf));
            arena_free(&b.a);
            return;
        }
        arena_free(&b.a);
    }
}

static void chunk_huge_sentence_is_linear(tctx *t)
{
    /* 200,000 tokens with no punctuation, built of every construct that
     * looks ahead or opens a clause */
    static const char *const pattern[] = {
        "officials/NNS", "who/WP", "said/VBD", "Russia/NNP", "had/VBD", "not/RB",
        "been/VBN", "attacked/VBN", "and/CC", "that/IN", "troops/NNS", "are/VBP",
        "expected/VBN", "to/TO", "hold/VB", "talks/NNS", "by/IN", "``/``", "very/RB",
        "quiet/JJ",
    };
    size_t np = sizeof pattern / sizeof *pattern;
    built b = {0};
    build_begin(&b);
    for (size_t i = 0; i < 200000; i++) add_item(&b, pattern[i % np], strlen(pattern[i % np]));
    clock_t t0 = clock();
    CHECK(build_finish(&b) == 0);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(secs < 2.0);
    CHECK_WELL_FORMED(&b.s);
    CHECK_INT(b.s.nverbs, 30000);
    arena_free(&b.a);
    /* and one long run of a single tag for every tag that scans ahead */
    static const char *const runs[] = {"not/RB", "very/RB", "big/JJ", "the/DT", "to/TO",
                                       "Tuesday/NNP", "was/VBD", "``/``", "''/''", "and/CC"};
    for (size_t r = 0; r < sizeof runs / sizeof *runs; r++) {
        build_begin(&b);
        for (size_t i = 0; i < 100000; i++) add_item(&b, runs[r], strlen(runs[r]));
        t0 = clock();
        CHECK(build_finish(&b) == 0);
        secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        CHECK(secs < 1.0);
        CHECK_WELL_FORMED(&b.s);
        arena_free(&b.a);
    }
}

void suite_chunk(tctx *t)
{
    RUN(t, chunk_that_complement_with_perfect);
    RUN(t, chunk_possessive_stays_in_one_np);
    RUN(t, chunk_noun_phrase_shapes);
    RUN(t, chunk_time_word_splits_off);
    RUN(t, chunk_multiword_prepositions_govern_their_np);
    RUN(t, chunk_particles_adverbs_and_adjectives);
    RUN(t, chunk_np_coordination_is_not_a_clause);
    RUN(t, chunk_passive_finds_its_agent);
    RUN(t, chunk_perfect_progressive_and_passive_combine);
    RUN(t, chunk_negation_belongs_to_the_group);
    RUN(t, chunk_modals_set_modality_and_tense);
    RUN(t, chunk_catenatives_join_the_event_verb);
    RUN(t, chunk_other_verbs_keep_their_own_group);
    RUN(t, chunk_lemmas_drive_auxiliaries_when_given);
    RUN(t, chunk_relative_clause_ends_before_the_main_verb);
    RUN(t, chunk_relative_that_after_a_noun);
    RUN(t, chunk_said_without_that_opens_a_clause);
    RUN(t, chunk_subject_after_its_relative_clause);
    RUN(t, chunk_mistagged_participle_is_the_main_verb);
    RUN(t, chunk_participle_after_comma_opens_a_clause);
    RUN(t, chunk_subordinators_and_prepositions);
    RUN(t, chunk_clause_coordination);
    RUN(t, chunk_semicolon_coordinates);
    RUN(t, chunk_quotes_and_reporting_clause);
    RUN(t, chunk_reporting_parentheticals);
    RUN(t, chunk_brackets_are_parenthetical);
    RUN(t, chunk_unbalanced_quotes);
    RUN(t, chunk_empty_and_single_token);
    RUN(t, chunk_deep_nesting_is_flattened);
    RUN(t, chunk_random_input_stays_well_formed);
    RUN(t, chunk_huge_sentence_is_linear);
}
