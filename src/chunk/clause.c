/* clause.c -- pass 2 of the chunker: chunks -> nested clauses.
 *
 * One left-to-right pass over the chunks with an explicit stack of open
 * clauses (at most CHUNK_MAX_DEPTH; deeper openers are ignored).  Clause 0 is
 * the MAIN clause over the whole sentence.  Clauses open and close only at
 * chunk boundaries and are stored in pre-order, which lets chunk.c give every
 * chunk its innermost clause in one more linear sweep.
 *
 * The rules, chosen so that each verb lands in the clause of its subject:
 *   - SUBORDINATE opens at a subordinator (that, because, if, whether, ...,
 *     since/after/before/until when a clause follows), RELATIVE at who,
 *     whom, whose, which, or at that/where right after a noun phrase.
 *   - A verb of saying or thinking followed by a subject and a finite verb
 *     opens a SUBORDINATE clause without "that": "said [it would respond]",
 *     "told reporters [it would]", "hoped [a raft of officials accused of
 *     ... would be indicted]", "believes [Dagolath and Osgiliath can]";
 *     outside relative clauses so does any lexical verb ("evidence proving
 *     [Russia was behind]").
 *   - A finite verb group arriving in an embedded clause that already has
 *     one closes that clause: "the envoy [who was stationed in Belgium]
 *     said".
 *   - A comma closes embedded clauses that have their verb when a new
 *     clause seems to start after it (a verb, a subordinator, a conjunction,
 *     or a subject -- with its prepositional phrases and conjoined nouns --
 *     and a finite verb: "Since X warned that Y would follow if Z , [talks
 *     between the sides will be hard]"), but not inside lists ("sent troops
 *     to Belarus , Ukraine and Moldova").
 *   - A participle or "to" verb after a comma, or at the start of the
 *     sentence, opens a SUBORDINATE clause: ", adding that ...".
 *   - ", a senior official said (on Saturday) ," and ", said the minister ."
 *     are PARENTHETICAL when they insert into a clause under way (not after
 *     an opening adverbial: "On Tuesday , Blinken said , `` ..."); so is
 *     anything in brackets.
 *   - RELATIVE opens at who, whom, whose, which (at the preposition before
 *     it: "the town [in which ...]"), or at that/where right after a noun
 *     phrase, unless a verb of saying precedes it ("warned in talks [that
 *     ...]").
 *   - COORDINATE opens at ";" and at a conjunction followed by a verb group
 *     (when the clause before has one) or by a subject and a finite verb;
 *     "Brazil and the United States are seeking" stays one clause.  A run
 *     of "A and B and C" gives sibling coordinates.
 *   - QUOTE spans `` ... ''.  An unclosed quote runs to the end of the
 *     sentence; a closing mark with no opening one (a quotation carried over
 *     from the previous sentence) makes the text before it a QUOTE.
 */
#include "chunk_private.h"

typedef struct open_clause {
    uint32_t index;     /* into the clause array                          */
    uint32_t close_at;  /* token it ends before (reporting parentheticals),
                           or DYAD_NONE                                    */
    uint32_t first_vp;  /* first token of its first verb group, or NONE   */
    bool has_vp, has_finite;
    bool embedded;      /* closes by the comma and second-verb rules      */
    bool in_relative;   /* a relative clause or a coordinate inside one   */
    bool bracket;       /* opened by "(": closed by ")"                    */
    uint32_t antecedent;/* relative: the NP chunk it describes, or NONE   */
    uint32_t complement;/* the NP chunk after its verb of saying, which
                           may be the subject of a clause without "that"
                           ("hoped [a raft of officials ... would]"), or
                           NONE                                          */
} open_clause;

typedef struct clause_pass {
    const dyad_token *tok;
    size_t ntok;
    const dyad_chunk *ch;
    size_t nch;
    const dyad_verb_group *verbs;
    const uint32_t *vg_of;
    dyad_clause *cl;
    size_t ncl, cap;
    open_clause *stack;  /* CHUNK_MAX_DEPTH entries                       */
    size_t depth;
    size_t scheduled;    /* open clauses with close_at set                */
    uint32_t quote_floor;/* where a quotation missing its opening mark may
                            start: after the last quote and after every
                            clause that ended beyond an earlier floor     */
    uint32_t closed_at;  /* token where the last clause closed            */
    bool closed_finite;  /* and whether it had a finite verb              */
    uint32_t rel_end;    /* token where the last relative clause closed   */
    uint32_t rel_antecedent; /* and the NP chunk it described             */
} clause_pass;

typedef enum punct {
    P_NONE, P_COMMA /* , -- : */, P_SEMICOLON, P_END /* . ! ? */, P_OPEN_QUOTE,
    P_CLOSE_QUOTE, P_OPEN_BRACKET, P_CLOSE_BRACKET
} punct;

static punct punct_of(const dyad_token *t)
{
    if (chunk_is_open_quote(t)) return P_OPEN_QUOTE;
    if (chunk_is_close_quote(t)) return P_CLOSE_QUOTE;
    switch (t->tag) {
    case DYAD_TAG_COMMA: return P_COMMA;
    case DYAD_TAG_PERIOD: return P_END;
    case DYAD_TAG_LRB: return P_OPEN_BRACKET;
    case DYAD_TAG_RRB: return P_CLOSE_BRACKET;
    default: break;
    }
    const char *w = t->norm;
    if (!w || !w[0]) return P_NONE;
    if (w[1] == 0) {
        switch (w[0]) {
        case ',': case ':': return P_COMMA;
        case ';': return P_SEMICOLON;
        case '.': case '!': case '?': return P_END;
        case '(': case '[': case '{': return P_OPEN_BRACKET;
        case ')': case ']': case '}': return P_CLOSE_BRACKET;
        default: return P_NONE;
        }
    }
    if (w[0] == '-' && w[1] == '-' && w[2] == 0) return P_COMMA;
    return P_NONE;
}

static punct chunk_punct(const clause_pass *cp, size_t c)
{
    if (c >= cp->nch || cp->ch[c].kind != DYAD_CHUNK_O) return P_NONE;
    return punct_of(&cp->tok[cp->ch[c].first]);
}

static const dyad_verb_group *group_at(const clause_pass *cp, size_t c)
{
    if (c >= cp->nch || cp->ch[c].kind != DYAD_CHUNK_VP || cp->vg_of[c] == DYAD_NONE) return NULL;
    return &cp->verbs[cp->vg_of[c]];
}

static bool finite_at(const clause_pass *cp, size_t c)
{
    const dyad_verb_group *g = group_at(cp, c);
    return g && g->tense != DYAD_TENSE_NONE;
}

static bool speech_at(const clause_pass *cp, size_t c)
{
    const dyad_verb_group *g = group_at(cp, c);
    return g && chunk_is_speech_verb(&cp->tok[g->head]);
}

/* Index of the first chunk from c that is not an adverb phrase (at most
 * two are skipped, which keeps every lookahead bounded). */
static size_t skip_advp(const clause_pass *cp, size_t c)
{
    for (int k = 0; k < 2 && c < cp->nch && cp->ch[c].kind == DYAD_CHUNK_ADVP; k++) c++;
    return c;
}

static open_clause *top(clause_pass *cp) { return &cp->stack[cp->depth - 1]; }

/* Adds a clause starting at `first` as a child of the top open clause and
 * returns its index (DYAD_NONE when the array is full).  It is usually
 * appended; when it starts before clauses already made (a subject found
 * after its relative clause, a quotation found at its closing mark), it is
 * inserted before them to keep pre-order, and those that were children of
 * the top clause become its children.  Only clauses after `first` move, and
 * `first` never goes back past them again, so the shifting stays linear. */
static uint32_t insert_clause(clause_pass *cp, dyad_clause_kind kind, uint32_t first,
                              uint32_t opener)
{
    if (cp->ncl == cp->cap) return DYAD_NONE;
    uint32_t parent = top(cp)->index;
    size_t ins = cp->ncl;
    while (ins > parent + 1 && cp->cl[ins - 1].first >= first) ins--;
    if (ins < cp->ncl) {
        memmove(&cp->cl[ins + 1], &cp->cl[ins], (cp->ncl - ins) * sizeof *cp->cl);
        for (size_t k = ins + 1; k <= cp->ncl; k++) {
            if (cp->cl[k].parent == parent) cp->cl[k].parent = (uint32_t)ins;
            else if (cp->cl[k].parent != DYAD_NONE && cp->cl[k].parent >= ins) cp->cl[k].parent++;
        }
    }
    cp->ncl++;
    cp->cl[ins] = (dyad_clause){kind, first, DYAD_NONE, parent, opener};
    return (uint32_t)ins;
}

static bool open_clause_at(clause_pass *cp, dyad_clause_kind kind, uint32_t first, uint32_t opener)
{
    if (cp->depth == CHUNK_MAX_DEPTH) return false;
    open_clause *parent = top(cp);
    bool embedded = kind == DYAD_CLAUSE_SUBORDINATE || kind == DYAD_CLAUSE_RELATIVE ||
                    (kind == DYAD_CLAUSE_COORDINATE && parent->embedded);
    bool in_relative = kind == DYAD_CLAUSE_RELATIVE ||
                       (kind == DYAD_CLAUSE_COORDINATE && parent->in_relative);
    uint32_t idx = insert_clause(cp, kind, first, opener);
    if (idx == DYAD_NONE) return false;
    cp->stack[cp->depth++] = (open_clause){idx, DYAD_NONE, DYAD_NONE, false, false,
                                           embedded, in_relative, false, DYAD_NONE, DYAD_NONE};
    return true;
}

static void close_top(clause_pass *cp, uint32_t last)
{
    open_clause *o = top(cp);
    dyad_clause *c = &cp->cl[o->index];
    c->last = last;
    if (o->close_at != DYAD_NONE) cp->scheduled--;
    if (c->first < cp->quote_floor && last > cp->quote_floor) cp->quote_floor = last;
    cp->closed_at = last;
    cp->closed_finite = o->has_finite;
    if (o->antecedent != DYAD_NONE) {
        cp->rel_end = last;
        cp->rel_antecedent = o->antecedent;
    }
    cp->depth--;
}

/* Closes the clauses above depth d (exclusive) at token `last`. */
static void close_above(clause_pass *cp, size_t d, uint32_t last)
{
    while (cp->depth > d) close_top(cp, last);
}

/* Closes reporting parentheticals whose end has been reached. */
static void close_scheduled(clause_pass *cp, uint32_t p)
{
    for (size_t d = 1; d < cp->depth; d++) {
        uint32_t at = cp->stack[d].close_at;
        if (at != DYAD_NONE && at <= p) {
            close_above(cp, d + 1, at);
            close_top(cp, at);
            return;
        }
    }
}

/* A closing quotation mark at token p with no opening one: the quotation
 * began before this sentence, so the text from the floor to here is one. */
static void retro_quote(clause_pass *cp, uint32_t p)
{
    uint32_t floor = cp->quote_floor;
    /* the deepest open clause that started before the floor encloses it */
    size_t d = 0;
    while (d + 1 < cp->depth && cp->cl[cp->stack[d + 1].index].first < floor) d++;
    close_above(cp, d + 1, p);
    uint32_t idx = insert_clause(cp, DYAD_CLAUSE_QUOTE, floor, DYAD_NONE);
    if (idx == DYAD_NONE) return;
    cp->cl[idx].last = p + 1;
    open_clause *o = &cp->stack[d];
    if (o->first_vp != DYAD_NONE && o->first_vp >= floor) {
        /* its verbs were all inside the quotation */
        o->has_vp = o->has_finite = false;
        o->first_vp = DYAD_NONE;
    }
    cp->quote_floor = p + 1;
}

static void close_quote(clause_pass *cp, uint32_t p)
{
    for (size_t d = cp->depth; d-- > 1;) {
        if (cp->cl[cp->stack[d].index].kind == DYAD_CLAUSE_QUOTE) {
            close_above(cp, d + 1, p);
            close_top(cp, p + 1);
            if (cp->quote_floor < p + 1) cp->quote_floor = p + 1;
            return;
        }
    }
    retro_quote(cp, p);
}

static void close_bracket(clause_pass *cp, uint32_t p)
{
    for (size_t d = cp->depth; d-- > 1;) {
        if (cp->stack[d].bracket) {
            close_above(cp, d + 1, p);
            close_top(cp, p + 1);
            return;
        }
    }
}

/* The chunk after a subject that starts with the NP chunk k: the subject
 * may go on with a few prepositional phrases and conjoined NPs ("diplomatic
 * breakthroughs between the two sides", "Russia and China").  Bounded, so
 * that every lookahead stays constant. */
static size_t after_subject(const clause_pass *cp, size_t k)
{
    for (int steps = 0; steps < 4 && k + 2 < cp->nch; steps++) {
        dyad_chunk_kind next = cp->ch[k + 1].kind;
        if ((next != DYAD_CHUNK_PP && next != DYAD_CHUNK_CONJ) || cp->ch[k + 2].kind != DYAD_CHUNK_NP)
            break;
        k += 2;
    }
    return skip_advp(cp, k + 1);
}

/* Does a new clause seem to start after the comma-like chunk c? */
static bool clause_follows(const clause_pass *cp, size_t c)
{
    size_t k = skip_advp(cp, c + 1);
    if (k >= cp->nch) return false;
    switch (cp->ch[k].kind) {
    case DYAD_CHUNK_VP: case DYAD_CHUNK_SBAR: case DYAD_CHUNK_CONJ:
        return true;
    case DYAD_CHUNK_NP:
        return finite_at(cp, after_subject(cp, k));
    default:
        return false;
    }
}

static bool is_time_np(const clause_pass *cp, size_t c)
{
    return c < cp->nch && cp->ch[c].kind == DYAD_CHUNK_NP &&
           chunk_is_time_noun(&cp->tok[cp->ch[c].head]);
}

/* Where a reporting parenthetical that starts at comma c ends (the token it
 * closes before), or DYAD_NONE.  Two shapes: ", a senior official said ,"
 * and ", said the minister ." at the end of the sentence. */
static uint32_t parenthetical_end(const clause_pass *cp, size_t c, bool clause_done,
                                  bool has_verb)
{
    size_t k = skip_advp(cp, c + 1);
    /* it inserts into a clause under way: one with its verb, or its
     * subject ("Russia , officials said , will respond"), not an opening
     * adverbial ("On Tuesday , Blinken said , `` ...") */
    bool inserts = clause_done || has_verb ||
                   (cp->closed_at == cp->ch[c].first && cp->closed_finite) ||
                   (c >= 1 && cp->ch[c - 1].kind == DYAD_CHUNK_NP &&
                    (c == 1 || cp->ch[c - 2].kind != DYAD_CHUNK_PP));
    if (inserts && k < cp->nch && cp->ch[k].kind == DYAD_CHUNK_NP) {
        /* ", defense and military officials said on Saturday ." */
        k = after_subject(cp, k);
        if (!finite_at(cp, k) || !speech_at(cp, k)) return DYAD_NONE;
        k++;
        for (int steps = 0; steps < 3 && k < cp->nch; steps++, k++) {
            dyad_chunk_kind kind = cp->ch[k].kind;
            if (kind != DYAD_CHUNK_PP && kind != DYAD_CHUNK_NP && kind != DYAD_CHUNK_ADVP) break;
        }
        if (k >= cp->nch) return (uint32_t)cp->ntok;
        switch (chunk_punct(cp, k)) {
        case P_COMMA: return cp->ch[k].first + 1;
        case P_END: case P_SEMICOLON: case P_CLOSE_QUOTE: return cp->ch[k].first;
        default: return DYAD_NONE;
        }
    }
    /* inverted, it must follow a whole clause: "Kyiv , which denies it ,
     * said nothing ." is no parenthetical */
    if (!clause_done || !finite_at(cp, k) || !speech_at(cp, k)) return DYAD_NONE;
    k++;
    if (is_time_np(cp, k)) k++;
    if (k >= cp->nch || cp->ch[k].kind != DYAD_CHUNK_NP) return DYAD_NONE;
    /* the speaker, perhaps with a title: ", said Jane Doe , a spokeswoman ." */
    for (int steps = 0; steps < 8; steps++, k++) {
        if (k >= cp->nch) return (uint32_t)cp->ntok;
        dyad_chunk_kind kind = cp->ch[k].kind;
        if (kind == DYAD_CHUNK_NP || kind == DYAD_CHUNK_PP || kind == DYAD_CHUNK_ADVP) continue;
        punct pk = chunk_punct(cp, k);
        if (pk == P_COMMA) continue;
        if (pk == P_END || pk == P_CLOSE_QUOTE) return cp->ch[k].first;
        return DYAD_NONE;
    }
    return DYAD_NONE;
}

static void on_comma(clause_pass *cp, size_t c, uint32_t p)
{
    if (clause_follows(cp, c)) {
        while (cp->depth > 1 && top(cp)->embedded && top(cp)->has_vp) close_top(cp, p);
    }
    const char *w = cp->tok[p].norm;
    if (w && w[0] == ':') return; /* a colon introduces, it does not insert */
    uint32_t end = parenthetical_end(cp, c, top(cp)->has_finite, top(cp)->has_vp);
    if (end != DYAD_NONE && open_clause_at(cp, DYAD_CLAUSE_PARENTHETICAL, p, p)) {
        top(cp)->close_at = end;
        cp->scheduled++;
    }
}

/* Closes subordinate, relative and coordinate clauses and reporting
 * parentheticals down to the nearest main, quote or bracket clause. */
static void close_dependent(clause_pass *cp, uint32_t p)
{
    while (cp->depth > 1) {
        open_clause *o = top(cp);
        dyad_clause_kind k = cp->cl[o->index].kind;
        if (k != DYAD_CLAUSE_SUBORDINATE && k != DYAD_CLAUSE_RELATIVE &&
            k != DYAD_CLAUSE_COORDINATE && o->close_at == DYAD_NONE)
            break;
        close_top(cp, p);
    }
}

static void on_semicolon(clause_pass *cp, uint32_t p)
{
    close_dependent(cp, p);
    open_clause_at(cp, DYAD_CLAUSE_COORDINATE, p, p);
}

static void on_punct(clause_pass *cp, size_t c)
{
    uint32_t p = cp->ch[c].first;
    switch (chunk_punct(cp, c)) {
    case P_OPEN_QUOTE:
        open_clause_at(cp, DYAD_CLAUSE_QUOTE, p, p);
        break;
    case P_CLOSE_QUOTE:
        close_quote(cp, p);
        break;
    case P_OPEN_BRACKET:
        if (open_clause_at(cp, DYAD_CLAUSE_PARENTHETICAL, p, p)) top(cp)->bracket = true;
        break;
    case P_CLOSE_BRACKET:
        close_bracket(cp, p);
        break;
    case P_SEMICOLON:
        on_semicolon(cp, p);
        break;
    case P_COMMA:
        on_comma(cp, c, p);
        break;
    case P_END:
        /* the full stop belongs to the sentence, not to its last clause;
         * a quotation keeps its own ("`` We are ready . ''") */
        close_dependent(cp, p);
        break;
    default:
        break;
    }
}

static void on_sbar(clause_pass *cp, size_t c)
{
    uint32_t p = cp->ch[c].first;
    unsigned fw = chunk_function_word(&cp->tok[p]);
    size_t prev = c;
    bool comma = false;
    if (prev > 0 && (chunk_punct(cp, prev - 1) == P_COMMA ||
                     chunk_punct(cp, prev - 1) == P_OPEN_BRACKET)) {
        prev--;
        comma = true;
    }
    /* "the town in which ...": the relative starts at its preposition */
    size_t start = c;
    if ((fw & FW_RELATIVE) && !comma && prev >= 2 && cp->ch[prev - 1].kind == DYAD_CHUNK_PP &&
        cp->ch[prev - 1].last - cp->ch[prev - 1].first == 1 &&
        cp->ch[prev - 2].kind == DYAD_CHUNK_NP) {
        start = --prev;
    }
    bool after_np = prev > 0 && cp->ch[prev - 1].kind == DYAD_CHUNK_NP;
    dyad_clause_kind kind = DYAD_CLAUSE_SUBORDINATE;
    if (fw & FW_RELATIVE) {
        if (after_np) kind = DYAD_CLAUSE_RELATIVE;
    } else if (fw & (FW_THAT | FW_WH_ADVERB)) {
        const char *w = cp->tok[p].norm;
        bool where = w && (w[0] | 32) == 'w' && (w[1] | 32) == 'h' && (w[2] | 32) == 'e' &&
                     (w[3] | 32) == 'r';
        bool that = fw & FW_THAT;
        /* "told reporters that ...", "said Tuesday that ...", "warned in
         * previous talks that ...", "told reporters in Geneva that ..." are
         * complements */
        bool complement = prev >= 2 && (speech_at(cp, prev - 2) || is_time_np(cp, prev - 1));
        /* ... but "the bombing [that killed]" is a relative: a complement
         * has a subject of its own */
        size_t after = skip_advp(cp, c + 1);
        if (after_np && !complement && after < cp->nch && cp->ch[after].kind != DYAD_CHUNK_VP) {
            size_t k = prev - 1;
            for (int steps = 0; steps < 3 && k >= 2 && cp->ch[k - 1].kind == DYAD_CHUNK_PP &&
                                cp->ch[k - 2].kind == DYAD_CHUNK_NP;
                 steps++)
                k -= 2;
            complement = (k >= 1 && speech_at(cp, k - 1)) ||
                         (k >= 2 && cp->ch[k - 1].kind == DYAD_CHUNK_PP && speech_at(cp, k - 2));
        }
        if (after_np && !comma && (where || (that && !complement))) kind = DYAD_CLAUSE_RELATIVE;
        if (after_np && comma && where) kind = DYAD_CLAUSE_RELATIVE;
    }
    if (open_clause_at(cp, kind, cp->ch[start].first, p) && kind == DYAD_CLAUSE_RELATIVE && after_np)
        top(cp)->antecedent = (uint32_t)(prev - 1);
}

/* The first NP after the finite verb of saying of the open clause may be
 * the subject of a clause without "that" whose verb is still to come. */
static void on_np(clause_pass *cp, size_t c)
{
    open_clause *o = top(cp);
    if (!o->has_finite || o->complement != DYAD_NONE || is_time_np(cp, c)) return;
    size_t v = c;
    if (v > 0 && is_time_np(cp, v - 1)) v--;
    if (v > 0 && cp->ch[v - 1].kind == DYAD_CHUNK_ADVP) v--;
    if (v > 0 && finite_at(cp, v - 1) && speech_at(cp, v - 1) &&
        cp->ch[v - 1].first >= cp->cl[o->index].first)
        o->complement = (uint32_t)c;
}

static bool names_or_pronoun(const clause_pass *cp, size_t c)
{
    unsigned tg = cp->tok[cp->ch[c].head].tag;
    return tg == DYAD_TAG_NNP || tg == DYAD_TAG_NNPS || tg == DYAD_TAG_PRP;
}

static void on_conj(clause_pass *cp, size_t c)
{
    uint32_t p = cp->ch[c].first;
    open_clause *o = top(cp);
    uint32_t complement = o->complement;
    o->complement = DYAD_NONE;
    if (!o->has_vp) return;
    size_t k = skip_advp(cp, c + 1);
    if (k >= cp->nch) return;
    bool joins_clauses = false;
    bool own_subject = false;
    if (cp->ch[k].kind == DYAD_CHUNK_VP) {
        joins_clauses = true;
    } else if (cp->ch[k].kind == DYAD_CHUNK_NP && !o->in_relative) {
        /* inside a relative clause "who met Lavrov and Blinken said" is more
         * likely a list of objects than two clauses */
        joins_clauses = own_subject = finite_at(cp, skip_advp(cp, k + 1));
        /* "believes [Dagolath and Osgiliath can cope]": names joined after
         * a verb of saying are one subject */
        if (own_subject && complement != DYAD_NONE && complement + 1 == c &&
            names_or_pronoun(cp, c - 1) && names_or_pronoun(cp, k)) {
            o->complement = complement;
            return;
        }
    }
    if (!joins_clauses) return;
    /* "A and B and C" with subjects of their own are siblings; a verb that
     * shares the subject ("talks continued and progressed") nests in the
     * clause that has it */
    if (own_subject && cp->cl[o->index].kind == DYAD_CLAUSE_COORDINATE && o->close_at == DYAD_NONE &&
        cp->tok[cp->cl[o->index].opener].tag == DYAD_TAG_CC)
        close_top(cp, p); /* "A and B and C": siblings */
    open_clause_at(cp, DYAD_CLAUSE_COORDINATE, p, p);
}

/* A verb group headed by a lexical verb, not a lone modal or auxiliary
 * ("Could [China invade]" is a question, not a clause in a clause). */
static bool lexical_at(const clause_pass *cp, size_t c)
{
    const dyad_verb_group *g = group_at(cp, c);
    if (!g) return false;
    const dyad_token *h = &cp->tok[g->head];
    return h->tag != DYAD_TAG_MD && !(chunk_verb_class(h) & (VERB_BE | VERB_HAVE | VERB_DO));
}

static void on_vp(clause_pass *cp, size_t c)
{
    uint32_t p = cp->ch[c].first;
    const dyad_verb_group *g = group_at(cp, c);
    bool finite = g && g->tense != DYAD_TENSE_NONE;
    /* a verb inflected for tense, not a base form that may be a noun or a
     * bare infinitive ("give inspectors access", "help it recover") */
    unsigned first_tag = cp->tok[p].tag;
    bool inflected = first_tag == DYAD_TAG_MD || first_tag == DYAD_TAG_VBD ||
                     first_tag == DYAD_TAG_VBZ || first_tag == DYAD_TAG_VBP;
    if (finite) {
        for (;;) {
            open_clause *o = top(cp);
            if (!o->has_finite) break;
            /* a second finite verb in this clause */
            size_t before = c;
            while (before > 0 && cp->ch[before - 1].kind == DYAD_CHUNK_ADVP && c - before < 2)
                before--;
            size_t subject = SIZE_MAX;
            if (before > 0 && cp->ch[before - 1].kind == DYAD_CHUNK_NP)
                subject = before - 1;
            else if (before > 0 && chunk_punct(cp, before - 1) == P_COMMA &&
                     cp->rel_antecedent != DYAD_NONE && cp->rel_end == cp->ch[before - 1].first)
                subject = cp->rel_antecedent; /* "said the attack , which ... , was" */
            uint32_t clause_first = cp->cl[o->index].first;
            if (subject != SIZE_MAX && cp->ch[subject].first >= clause_first) {
                size_t s = subject, v = s;
                if (v > 0 && is_time_np(cp, v - 1)) v--;
                if (v > 0 && cp->ch[v - 1].kind == DYAD_CHUNK_ADVP) v--;
                /* "said [it would respond]", "told reporters [it would]";
                 * outside relative clauses any verb may take such a clause
                 * ("evidence proving [Russia was behind]"), inside them the
                 * NP is more likely the object ("who attacked the town
                 * killed") */
                bool takes_clause =
                    v > 0 && cp->ch[v - 1].first >= clause_first &&
                    (speech_at(cp, v - 1) || (!o->in_relative && inflected && lexical_at(cp, v - 1)) ||
                     (v > 1 && cp->ch[v - 1].kind == DYAD_CHUNK_NP && speech_at(cp, v - 2) &&
                      cp->ch[v - 2].first >= clause_first));
                if (takes_clause &&
                    open_clause_at(cp, DYAD_CLAUSE_SUBORDINATE, cp->ch[s].first, DYAD_NONE))
                    break;
            }
            /* "hoped [a raft of officials accused of ... would be]" */
            uint32_t complement = o->complement;
            o->complement = DYAD_NONE;
            if (complement != DYAD_NONE &&
                open_clause_at(cp, DYAD_CLAUSE_SUBORDINATE, cp->ch[complement].first, DYAD_NONE))
                break;
            if (!o->embedded || o->close_at != DYAD_NONE) break;
            close_top(cp, p);
        }
    } else if (g) {
        bool participle = first_tag == DYAD_TAG_VBG || first_tag == DYAD_TAG_VBN ||
                          (g->flags & DYAD_VG_INFINITIVE);
        punct before = c > 0 ? chunk_punct(cp, c - 1) : P_NONE;
        /* ", adding", "`` Speaking ...", "... , '' adding" */
        bool after_break = c == 0 || before == P_COMMA || before == P_OPEN_QUOTE ||
                           (before == P_CLOSE_QUOTE && c > 1 && chunk_punct(cp, c - 2) == P_COMMA);
        const char *w = c > 0 ? cp->tok[cp->ch[c - 1].first].norm : NULL;
        if (w && w[0] == ':') after_break = false;
        /* "The protesters , angered by the verdict , clashed": after an
         * insertion, a participle in a clause still without its verb is
         * that verb, mistagged */
        if (before == P_COMMA && cp->closed_at == cp->ch[c - 1].first && !top(cp)->has_finite &&
            first_tag == DYAD_TAG_VBN)
            after_break = false;
        /* "The US commander , General David Petraeus , held talks": after
         * an apposition, a participle with an object is the missing past
         * tense */
        if (before == P_COMMA && c >= 2 && cp->ch[c - 2].kind == DYAD_CHUNK_NP &&
            !top(cp)->has_finite && first_tag == DYAD_TAG_VBN && c + 1 < cp->nch &&
            cp->ch[c + 1].kind == DYAD_CHUNK_NP && !is_time_np(cp, c + 1))
            after_break = false;
        if (participle && after_break)
            open_clause_at(cp, DYAD_CLAUSE_SUBORDINATE, p, DYAD_NONE); /* ", adding that" */
    }
    open_clause *o = top(cp);
    if (!o->has_vp) o->first_vp = p;
    o->has_vp = true;
    if (finite) {
        o->has_finite = true;
        o->complement = DYAD_NONE;
    }
}

void chunk_clauses(dyad_sentence *s, const uint32_t *vg_of)
{
    /* left uninitialised: zeroing it would cost more than chunking a
     * short sentence */
    open_clause stack[CHUNK_MAX_DEPTH];
    clause_pass cp = {
        .stack = stack,
        .tok = s->tokens, .ntok = s->ntokens, .ch = s->chunks, .nch = s->nchunks,
        .verbs = s->verbs, .vg_of = vg_of, .cl = s->clauses, .ncl = 1,
        .cap = s->ntokens + 2, .depth = 1, .scheduled = 0, .quote_floor = 0,
        .closed_at = DYAD_NONE, .rel_end = DYAD_NONE, .rel_antecedent = DYAD_NONE,
    };
    cp.cl[0] = (dyad_clause){DYAD_CLAUSE_MAIN, 0, (uint32_t)s->ntokens, DYAD_NONE, DYAD_NONE};
    cp.stack[0] = (open_clause){0, DYAD_NONE, DYAD_NONE, false, false, false, false, false,
                                DYAD_NONE, DYAD_NONE};
    for (size_t c = 0; c < cp.nch; c++) {
        if (cp.scheduled) close_scheduled(&cp, cp.ch[c].first);
        switch (cp.ch[c].kind) {
        case DYAD_CHUNK_O:
            top(&cp)->complement = DYAD_NONE;
            on_punct(&cp, c);
            break;
        case DYAD_CHUNK_SBAR:
            top(&cp)->complement = DYAD_NONE;
            on_sbar(&cp, c);
            break;
        case DYAD_CHUNK_CONJ: on_conj(&cp, c); break;
        case DYAD_CHUNK_VP: on_vp(&cp, c); break;
        case DYAD_CHUNK_NP: on_np(&cp, c); break;
        default: break;
        }
    }
    close_above(&cp, 1, (uint32_t)s->ntokens);
    s->nclauses = cp.ncl;
}
