/* phrase.c -- pass 1 of the chunker: tagged tokens -> flat chunks and verb
 * groups, in one left-to-right scan.
 *
 * Each chunk is recognised by a small scanner that starts at the token's tag
 * and consumes greedily; every scanner advances at least one token, and any
 * lookahead it makes is over tokens that the scan then consumes or that the
 * next scanner consumes without looking back, so the pass is linear.
 *
 * Choices that the event coder relies on:
 *   - A possessive stays inside its NP: "Russia 's UN ambassador" is one NP
 *     whose head is "ambassador" (the possessor is found by its POS token).
 *   - A name built with "of" is one NP: "U.S. Secretary of State Antony
 *     Blinken", "Minister of Foreign Affairs Wang Yi", "the Strait of
 *     Hormuz" (an office, body or place before "of", a capital after it);
 *     it names one actor and dictionaries list it whole.  "Putin of Russia"
 *     and "the head of Hamas" stay apart.
 *   - A name used as an adjective stays in its NP: "the Arnorian foreign
 *     minister", "US military officers", "North Korean missile sites".
 *   - Each conjoined noun is an NP of its own ("Iraq] and [Syria"), since
 *     each may be an actor.
 *   - A verb group is the auxiliaries, negation and adverbs up to the main
 *     verb, whose token is the head.  "plan/intend/aim/seek/expect to V",
 *     "be going to V", "be about to V", "have to V" and "ought to V" are one
 *     group headed by V, because V is the event ("are expected to hold
 *     talks" is about holding talks); the catenative shows as modality
 *     INTEND (MUST for have to, SHOULD for ought to) or tense FUTURE (going
 *     to, about to).  Other verbs before "to" (agree, refuse, want, threaten
 *     ...) keep their own group, because "refused to meet" must not read as
 *     "meet".
 *   - Tense is taken from the first finite word: will/shall -> future, other
 *     modals -> present (the modality says the rest), VBD -> past, VBZ/VBP ->
 *     present; a lone base form (VB) counts as present (a mistagged VBP or
 *     an imperative) unless it follows another verb group ("help
 *     identify"); "to V" and lone participles have no tense.
 */
#include "chunk_private.h"

typedef struct phrase_pass {
    dyad_token *tok;
    size_t n;
    dyad_chunk *chunks;
    size_t nchunks;
    dyad_verb_group *verbs;
    size_t nverbs;
    uint32_t *vg_of;
} phrase_pass;

static uint32_t emit(phrase_pass *p, dyad_chunk_kind kind, size_t first, size_t last,
                     size_t head)
{
    uint32_t c = (uint32_t)p->nchunks++;
    p->chunks[c] = (dyad_chunk){kind, (uint32_t)first, (uint32_t)last, (uint32_t)head,
                                DYAD_NONE, DYAD_NONE};
    p->vg_of[c] = DYAD_NONE;
    for (size_t i = first; i < last; i++) p->tok[i].chunk = c;
    return c;
}

static inline unsigned tag_at(const phrase_pass *p, size_t i)
{
    return i < p->n ? p->tok[i].tag : DYAD_TAG_NONE;
}

/* "no" + "longer", which negates like "not". */
static bool no_longer_at(const phrase_pass *p, size_t i)
{
    const char *w = p->tok[i].norm;
    if (!w || (w[0] | 32) != 'n' || (w[1] | 32) != 'o' || w[2] || i + 1 >= p->n) return false;
    return chunk_function_word(&p->tok[i + 1]) & FW_LONGER;
}

/* Skips a run of adverbs (and "no longer") from i; returns the first token
 * after it.  *neg is set when the run holds a negation, *first_neg and
 * *last_neg to the first token and the last token of the negations. */
static size_t skip_adverbs(const phrase_pass *p, size_t i, bool *neg, size_t *first_neg,
                           size_t *last_neg)
{
    *neg = false;
    while (i < p->n) {
        if (tag_is_adverb(p->tok[i].tag)) {
            if (chunk_is_negation(&p->tok[i])) {
                if (!*neg) *first_neg = i;
                *neg = true;
                *last_neg = i;
            }
            i++;
        } else if (no_longer_at(p, i)) {
            if (!*neg) *first_neg = i;
            *neg = true;
            *last_neg = i + 1;
            i += 2;
        } else {
            break;
        }
    }
    return i;
}

/* True when token i is "to" followed (over adverbs) by a base-form verb. */
static bool to_verb_at(const phrase_pass *p, size_t i)
{
    if (tag_at(p, i) != DYAD_TAG_TO) return false;
    bool neg;
    size_t a, b;
    size_t k = skip_adverbs(p, i + 1, &neg, &a, &b);
    unsigned tg = tag_at(p, k);
    return tg == DYAD_TAG_VB || tg == DYAD_TAG_VBP;
}

static inline bool verbal(unsigned tg) { return tg == DYAD_TAG_MD || tag_is_verb(tg); }

/* ---- verb groups ------------------------------------------------------ */

/* What a word does inside a verb group: it decides which verb may follow. */
typedef enum vrole {
    ROLE_NONE, ROLE_TO, ROLE_MODAL, ROLE_BE, ROLE_HAVE, ROLE_DO, ROLE_GET, ROLE_MAIN
} vrole;

static bool may_follow(vrole prev, unsigned tg)
{
    switch (prev) {
    case ROLE_NONE:
        return verbal(tg);
    case ROLE_TO: case ROLE_MODAL: case ROLE_DO:
        return tg == DYAD_TAG_VB || tg == DYAD_TAG_VBP;
    case ROLE_BE:
        /* VBD: taggers often mistake "was attacked" for a past tense */
        return tg == DYAD_TAG_VBN || tg == DYAD_TAG_VBG || tg == DYAD_TAG_VBD;
    case ROLE_HAVE:
        return tg == DYAD_TAG_VBN || tg == DYAD_TAG_VBD;
    case ROLE_GET:
        return tg == DYAD_TAG_VBN;
    default:
        return false;
    }
}

static vrole role_of(const phrase_pass *p, size_t i, unsigned *cls)
{
    const dyad_token *t = &p->tok[i];
    *cls = 0;
    if (t->tag == DYAD_TAG_MD) return ROLE_MODAL;
    unsigned c = chunk_verb_class(t);
    *cls = c;
    if (c & VERB_BE) {
        /* "he 's been" is has-been */
        if (t->norm && t->norm[0] == '\'' && i + 1 < p->n &&
            p->tok[i + 1].tag == DYAD_TAG_VBN && (chunk_verb_class(&p->tok[i + 1]) & VERB_BE))
            return ROLE_HAVE;
        return ROLE_BE;
    }
    if (c & VERB_HAVE) return ROLE_HAVE;
    if ((c & VERB_DO) && t->tag != DYAD_TAG_VBG && t->tag != DYAD_TAG_VBN) return ROLE_DO;
    if (c & VERB_GET) return ROLE_GET;
    return ROLE_MAIN;
}

/* Scans the verb group starting at i (a verb, a modal, "to" before a verb
 * or a negation before either), emits it and its verb group, and returns
 * the token after it. */
static size_t scan_vp(phrase_pass *p, size_t i)
{
    size_t j = i;
    vrole prev = ROLE_NONE, before_head = ROLE_NONE;
    unsigned head_class = 0, first_verb_tag = 0, nverb = 0;
    size_t head = DYAD_NONE;
    unsigned aspect = 0; /* voice and aspect of the current segment: a
                            catenative "to" starts a new one              */
    bool neg = false, finite = false, starts_with_to = false, going_to = false;
    bool about = false; /* "be about to": a near future, like "be going to" */
    dyad_tense tense = DYAD_TENSE_NONE;
    dyad_modality modal = DYAD_MOD_NONE, catenative = DYAD_MOD_NONE;

    while (j < p->n) {
        unsigned tg = p->tok[j].tag;
        if (verbal(tg)) {
            if (!may_follow(prev, tg)) break;
            unsigned cls;
            vrole r = role_of(p, j, &cls);
            bool participle = tg == DYAD_TAG_VBN || tg == DYAD_TAG_VBD;
            if (prev == ROLE_HAVE && participle) aspect |= DYAD_VG_PERFECT;
            if (prev == ROLE_BE && participle) aspect |= DYAD_VG_PASSIVE;
            if (prev == ROLE_GET && tg == DYAD_TAG_VBN) aspect |= DYAD_VG_PASSIVE;
            if (prev == ROLE_BE && tg == DYAD_TAG_VBG) aspect |= DYAD_VG_PROGRESSIVE;
            if (!finite) {
                if (tg == DYAD_TAG_MD) {
                    modal = chunk_modality(&p->tok[j]);
                    tense = modal == DYAD_MOD_WILL || modal == DYAD_MOD_SHALL
                                ? DYAD_TENSE_FUTURE : DYAD_TENSE_PRESENT;
                    finite = true;
                } else if (tg == DYAD_TAG_VBD) {
                    tense = DYAD_TENSE_PAST;
                    finite = true;
                } else if (tg == DYAD_TAG_VBZ || tg == DYAD_TAG_VBP) {
                    tense = DYAD_TENSE_PRESENT;
                    finite = true;
                }
            }
            if (nverb++ == 0) first_verb_tag = tg;
            before_head = prev;
            head = j;
            head_class = cls;
            prev = r;
            j++;
            continue;
        }
        if (tg == DYAD_TAG_TO) {
            if (head == DYAD_NONE && prev == ROLE_NONE && to_verb_at(p, j)) {
                starts_with_to = true;
                prev = ROLE_TO;
                j++;
                continue;
            }
            if (head == DYAD_NONE || !to_verb_at(p, j)) break;
            /* a catenative joins the verb after "to" to the group */
            const dyad_token *h = &p->tok[head];
            if (head_class & VERB_INTEND) catenative = DYAD_MOD_INTEND;
            else if (((head_class & VERB_GOING) && before_head == ROLE_BE) || about) going_to = true;
            else if (prev == ROLE_HAVE) catenative = DYAD_MOD_MUST;
            else if (h->tag == DYAD_TAG_MD && chunk_modality(h) == DYAD_MOD_SHOULD)
                catenative = DYAD_MOD_SHOULD;
            else break;
            aspect = 0;
            prev = ROLE_TO;
            j++;
            continue;
        }
        if (prev == ROLE_BE && !about && (tg == DYAD_TAG_IN || tg == DYAD_TAG_RB) &&
            chunk_is_word(&p->tok[j], "about") && to_verb_at(p, j + 1)) {
            about = true;
            j++;
            continue;
        }
        if (tag_is_adverb(tg) || no_longer_at(p, j)) {
            bool run_neg;
            size_t first_neg = j, last_neg = j;
            size_t k = skip_adverbs(p, j, &run_neg, &first_neg, &last_neg);
            unsigned tk = tag_at(p, k);
            bool go_on = false;
            if (verbal(tk) && may_follow(prev, tk)) {
                go_on = true;
            } else if (tk == DYAD_TAG_TO && to_verb_at(p, k)) {
                /* "not to attend", "plans not to attend" */
                go_on = prev == ROLE_NONE ||
                        (head != DYAD_NONE &&
                         ((head_class & (VERB_INTEND | VERB_GOING)) || prev == ROLE_HAVE));
            }
            if (go_on) {
                neg |= run_neg;
                j = k;
                continue;
            }
            /* negation after an auxiliary belongs to it: "is not ready" */
            if (run_neg && head != DYAD_NONE && prev != ROLE_MAIN && prev != ROLE_TO) {
                neg = true;
                j = last_neg + 1;
            }
            break;
        }
        break;
    }

    if (head == DYAD_NONE) {
        /* callers only start a group before a verb; stay safe anyway */
        size_t end = j > i ? j : i + 1;
        emit(p, DYAD_CHUNK_ADVP, i, end, end - 1);
        return end;
    }

    unsigned flags = aspect;
    if (going_to) tense = DYAD_TENSE_FUTURE;
    if (!finite && !going_to) {
        if (starts_with_to) {
            flags |= DYAD_VG_INFINITIVE;
        } else if (first_verb_tag == DYAD_TAG_VB) {
            /* a base form right after another verb group is its bare
             * infinitive ("to help [identify] victims"); elsewhere it is a
             * present the tagger mistook, or an imperative */
            bool after_verb = p->nchunks > 0 && p->chunks[p->nchunks - 1].kind == DYAD_CHUNK_VP &&
                              p->chunks[p->nchunks - 1].last == i;
            if (!after_verb) tense = DYAD_TENSE_PRESENT;
            if (nverb == 1) flags |= CHUNK_VG_BARE_VB;
        } else if (first_verb_tag == DYAD_TAG_VBN && nverb == 1) {
            flags |= CHUNK_VG_BARE_VBN;
        }
    }
    if (neg) flags |= DYAD_VG_NEGATED;

    uint32_t c = emit(p, DYAD_CHUNK_VP, i, j, head);
    dyad_verb_group g = {
        .chunk = c, .head = (uint32_t)head, .clause = 0, .tense = (uint8_t)tense,
        .modality = (uint8_t)(catenative != DYAD_MOD_NONE ? catenative : modal),
        .flags = (uint16_t)flags, .by_agent = DYAD_NONE,
    };

    /* Coordinated verbs share the first one's auxiliaries: "will meet and
     * discuss", "was attacked and looted". */
    if (c >= 2 && p->chunks[c - 1].kind == DYAD_CHUNK_CONJ && p->vg_of[c - 2] != DYAD_NONE) {
        const dyad_verb_group *first = &p->verbs[p->vg_of[c - 2]];
        if (flags & CHUNK_VG_BARE_VB) {
            g.tense = first->tense;
            g.modality = first->modality;
        } else if ((flags & CHUNK_VG_BARE_VBN) && (first->flags & DYAD_VG_PASSIVE)) {
            g.tense = first->tense;
            g.modality = first->modality;
            g.flags |= DYAD_VG_PASSIVE;
        }
    }
    /* A quotation opened inside the group -- she will "deal firmly with
     * them" -- leaves the modal outside it: the quoted verb is that
     * modal's, as if no quote mark stood between. */
    if ((flags & CHUNK_VG_BARE_VB) && i >= 2 && chunk_is_open_quote(&p->tok[i - 1]) &&
        p->tok[i - 2].tag == DYAD_TAG_MD)
        for (uint32_t k = c; k > 0 && k + 3 > c; k--) {
            const dyad_chunk *ch = &p->chunks[k - 1];
            if (ch->kind != DYAD_CHUNK_VP || ch->last != i - 1 || p->vg_of[k - 1] == DYAD_NONE) continue;
            const dyad_verb_group *modal_group = &p->verbs[p->vg_of[k - 1]];
            g.tense = modal_group->tense;
            g.modality = modal_group->modality;
            break;
        }
    p->vg_of[c] = (uint32_t)p->nverbs;
    p->verbs[p->nverbs++] = g;
    return j;
}

/* True when a verb group starts at i. */
static bool vp_starts(const phrase_pass *p, size_t i)
{
    unsigned tg = p->tok[i].tag;
    if (verbal(tg)) return true;
    if (tg == DYAD_TAG_TO) return to_verb_at(p, i);
    return false;
}

/* ---- noun phrases ------------------------------------------------------ */

/* "of" inside a name: an office, body or place before it and a capitalised
 * word after it ("Secretary of State Antony Blinken", "Minister of Foreign
 * Affairs Wang Yi", "Ministry of Defence").  Such a name is one NP because
 * it names one actor, and dictionaries list it whole. */
static bool of_in_name_at(const phrase_pass *p, size_t j)
{
    if (j == 0 || j + 1 >= p->n || !chunk_is_word(&p->tok[j], "of") ||
        !chunk_is_of_head(&p->tok[j - 1]))
        return false;
    const dyad_token *next = &p->tok[j + 1];
    return next->norm && ch_is_upper((unsigned char)next->norm[0]) &&
           (tag_is_noun(next->tag) || tag_is_adjective(next->tag));
}

/* "US", "U.S.", "NATO": two to five capitals, perhaps with periods. */
static bool is_acronym(const char *w)
{
    size_t letters = 0;
    for (; w && *w; w++) {
        if (ch_is_upper((unsigned char)*w)) letters++;
        else if (*w != '.') return false;
    }
    return letters >= 2 && letters <= 5;
}

/* A name used as an adjective before the adjectives and noun of the same
 * NP (the NP starting at i): a people's adjective the tagger took for a
 * name ("Arnorian foreign minister"), or any name right after a determiner
 * ("the Fukushima nuclear plant"). */
static bool name_before_adjective(const phrase_pass *p, size_t i, size_t j)
{
    if (j == 0 || p->tok[j - 1].tag != DYAD_TAG_NNP) return false;
    unsigned det = j - 1 > i ? p->tok[j - 2].tag : DYAD_TAG_NONE;
    /* "North Korean": a people's adjective of two words; "US military
     * officers": an acronym names the body the noun belongs to */
    const dyad_token *name = &p->tok[j - 1];
    bool acronym = is_acronym(name->norm);
    if (det != DYAD_TAG_DT && det != DYAD_TAG_PRPS && det != DYAD_TAG_POS && !acronym &&
        !chunk_looks_like_demonym(name) && !chunk_looks_like_demonym(&p->tok[j]))
        return false;
    unsigned next = tag_at(p, j + 1);
    return tag_is_noun(next) || (tag_is_adjective(next) && tag_is_noun(tag_at(p, j + 2)));
}

/* "at least" / "at most" before a number. */
static bool at_least_at(const phrase_pass *p, size_t i)
{
    return i + 2 < p->n && p->tok[i + 2].tag == DYAD_TAG_CD && chunk_is_word(&p->tok[i], "at") &&
           (chunk_is_word(&p->tok[i + 1], "least") || chunk_is_word(&p->tok[i + 1], "most"));
}

/* Scans a noun phrase (or, when it holds no noun, an adjective or adverb
 * phrase) from i, emits it and returns the token after it.  With
 * lead_modifier, a participle at i modifies the noun after it ("to expel
 * [exiled leaders]"). */
static size_t scan_np(phrase_pass *p, size_t i, bool lead_modifier)
{
    const dyad_token *tok = p->tok;
    size_t n = p->n, j = i;
    bool noun_seen = false;  /* since the last possessive               */
    bool det_ok = true;      /* a determiner may still come             */
    bool nominal = false, adjective = false;
    size_t head = DYAD_NONE, last_number = DYAD_NONE;

    if ((tok[i].tag == DYAD_TAG_IN || tag_is_adverb(tok[i].tag)) &&
        tag_at(p, i + 1) == DYAD_TAG_CD) {
        j++; /* "about 200 people", "nearly 100" */
        det_ok = false;
    } else if (at_least_at(p, i)) {
        j += 2;
        det_ok = false;
    }
    for (; j < n; j++) {
        unsigned tg = tok[j].tag;
        unsigned next = tag_at(p, j + 1);
        switch (tg) {
        case DYAD_TAG_PDT:
            if (j != i) goto done;
            continue;
        case DYAD_TAG_DT: case DYAD_TAG_PRPS: case DYAD_TAG_WPS:
            if (!det_ok) goto done;
            det_ok = false;
            continue;
        case DYAD_TAG_POS:
            if (j == i) goto done;
            noun_seen = false;
            det_ok = false;
            continue;
        case DYAD_TAG_JJ: case DYAD_TAG_JJR: case DYAD_TAG_JJS:
            if (noun_seen && !name_before_adjective(p, i, j)) goto done;
            noun_seen = false;
            det_ok = false;
            adjective = true;
            continue;
        case DYAD_TAG_CD:
            /* "March 3", "Resolution 2231"; but "reporters 3 days" splits */
            if (noun_seen && tok[j - 1].tag != DYAD_TAG_NNP && tok[j - 1].tag != DYAD_TAG_NNPS)
                goto done;
            det_ok = false;
            nominal = true;
            last_number = j;
            continue;
        case DYAD_TAG_NN: case DYAD_TAG_NNS: case DYAD_TAG_NNP: case DYAD_TAG_NNPS:
        case DYAD_TAG_FW:
            if (noun_seen) {
                /* "told reporters Tuesday": a time word after a noun is an
                 * adverbial, unless a name goes on ("Good Friday Agreement") */
                if (next != DYAD_TAG_NNP && next != DYAD_TAG_NNPS && chunk_is_time_noun(&tok[j]))
                    goto done;
                /* a plural common noun does not modify a name: "told
                 * reporters Russia would ..." */
                if (tok[j - 1].tag == DYAD_TAG_NNS &&
                    (tg == DYAD_TAG_NNP || tg == DYAD_TAG_NNPS))
                    goto done;
            }
            noun_seen = nominal = true;
            det_ok = false;
            head = j;
            continue;
        case DYAD_TAG_PRP: case DYAD_TAG_EX:
            if (j != i) goto done;
            head = j;
            nominal = true;
            j++;
            goto done;
        case DYAD_TAG_VBG: case DYAD_TAG_VBN: case DYAD_TAG_VBD: {
            if (noun_seen) goto done;
            unsigned before = j > i ? tok[j - 1].tag : DYAD_TAG_NONE;
            /* "the reopening of", "the fighting": a gerund after a
             * determiner, with no object, heads the NP */
            if (tg == DYAD_TAG_VBG && (before == DYAD_TAG_DT || before == DYAD_TAG_PRPS) &&
                !tag_is_noun(next) && !tag_is_adjective(next) && next != DYAD_TAG_DT &&
                next != DYAD_TAG_PRPS && next != DYAD_TAG_PRP && next != DYAD_TAG_CD) {
                noun_seen = nominal = true;
                head = j;
                continue;
            }
            /* "the proposed sanctions", "the ruling party"; a past tense
             * there is a participle the tagger missed ("its damaged
             * embassy") */
            if ((j == i && !lead_modifier) || !(tag_is_noun(next) || tag_is_adjective(next)))
                goto done;
            if (tg == DYAD_TAG_VBD && j > i && before != DYAD_TAG_DT && before != DYAD_TAG_PRPS &&
                !tag_is_adjective(before))
                goto done;
            det_ok = false;
            continue;
        }
        case DYAD_TAG_CC:
            /* "economic and military aid" */
            if (noun_seen || j == i || !tag_is_adjective(tok[j - 1].tag) || !tag_is_adjective(next))
                goto done;
            continue;
        case DYAD_TAG_RB: case DYAD_TAG_RBR: case DYAD_TAG_RBS:
            /* "very large crowds", "the nearly 100 people" */
            if (noun_seen || !(tag_is_adjective(next) || next == DYAD_TAG_CD)) goto done;
            continue;
        case DYAD_TAG_IN:
            if (noun_seen && of_in_name_at(p, j)) {
                noun_seen = false;
                continue;
            }
            /* "more than 100 people" */
            if (noun_seen || j == i || next != DYAD_TAG_CD ||
                (tok[j - 1].tag != DYAD_TAG_JJR && tok[j - 1].tag != DYAD_TAG_RBR) ||
                !(chunk_function_word(&tok[j]) & FW_THAN))
                goto done;
            continue;
        case DYAD_TAG_DOLLAR: case DYAD_TAG_HASH:
            if (noun_seen || next != DYAD_TAG_CD) goto done;
            continue;
        default:
            goto done;
        }
    }
done:
    if (j == i) j = i + 1; /* never stall */
    unsigned first = tok[i].tag;
    dyad_chunk_kind kind = DYAD_CHUNK_NP;
    if (!nominal && first != DYAD_TAG_DT && first != DYAD_TAG_PDT && first != DYAD_TAG_PRPS &&
        first != DYAD_TAG_WPS && first != DYAD_TAG_DOLLAR && first != DYAD_TAG_HASH)
        kind = adjective ? DYAD_CHUNK_ADJP : DYAD_CHUNK_ADVP;
    if (head == DYAD_NONE) head = last_number;
    if (head == DYAD_NONE) {
        head = j - 1;
        if (tok[head].tag == DYAD_TAG_POS && head > i) head--;
    }
    emit(p, kind, i, j, head);
    return j;
}

/* ---- adverbs ----------------------------------------------------------- */

/* A run of adverbs from i: an ADVP, or the start of an adjective phrase or
 * noun phrase, or of a negated verb group ("never visited"). */
static size_t scan_adverbs(phrase_pass *p, size_t i)
{
    bool neg;
    size_t first_neg = i, last_neg = i;
    size_t k = skip_adverbs(p, i, &neg, &first_neg, &last_neg);
    if (k == i) k = i + 1;
    unsigned tk = tag_at(p, k);
    if (neg && (verbal(tk) || to_verb_at(p, k))) {
        if (first_neg > i) emit(p, DYAD_CHUNK_ADVP, i, first_neg, first_neg - 1);
        return scan_vp(p, first_neg);
    }
    if (tag_is_adjective(tk) || tk == DYAD_TAG_CD) {
        /* only the adverb next to it modifies the adjective or number */
        if (k - 1 > i) emit(p, DYAD_CHUNK_ADVP, i, k - 1, k - 2);
        return scan_np(p, k - 1, false);
    }
    emit(p, DYAD_CHUNK_ADVP, i, k, k - 1);
    return k;
}

/* ---- the pass ------------------------------------------------------------ */

/* A past form ending in -ed between a preposition or a non-finite verb and
 * a noun modifies the noun: "meet with [exiled dissidents]", "to expel
 * [exiled leaders]".  No finite verb can stand there. */
static bool participle_modifies_noun(const phrase_pass *p, size_t i)
{
    unsigned tg = p->tok[i].tag;
    if ((tg != DYAD_TAG_VBD && tg != DYAD_TAG_VBN) || p->nchunks == 0) return false;
    unsigned next = tag_at(p, i + 1);
    if (next != DYAD_TAG_NN && next != DYAD_TAG_NNS && next != DYAD_TAG_NNPS) return false;
    const char *w = p->tok[i].norm;
    size_t len = w ? strlen(w) : 0;
    if (len < 4 || w[len - 2] != 'e' || w[len - 1] != 'd') return false;
    const dyad_chunk *prev = &p->chunks[p->nchunks - 1];
    if (prev->last != i) return false;
    if (prev->kind == DYAD_CHUNK_PP) return p->tok[prev->first].tag == DYAD_TAG_IN;
    if (prev->kind != DYAD_CHUNK_VP || prev->head + 1 != i) return false;
    const dyad_verb_group *g = &p->verbs[p->vg_of[p->nchunks - 1]];
    return (g->flags & DYAD_VG_INFINITIVE) || p->tok[g->head].tag == DYAD_TAG_VB;
}

static bool is_that(const dyad_token *t)
{
    const char *w = t->norm;
    return w && (w[0] | 32) == 't' && (w[1] | 32) == 'h' && (w[2] | 32) == 'a' &&
           (w[3] | 32) == 't' && w[4] == 0;
}

/* "since", "after", "before", "until", "as", "once" head a clause when a
 * subject and a finite verb follow: "since the talks began". */
static void promote_subordinators(phrase_pass *p)
{
    for (size_t c = 0; c + 2 < p->nchunks; c++) {
        dyad_chunk *ch = &p->chunks[c];
        if (ch->kind != DYAD_CHUNK_PP || ch->last - ch->first != 1 ||
            !(chunk_function_word(&p->tok[ch->first]) & FW_SUBORD_MAYBE))
            continue;
        if (p->chunks[c + 1].kind != DYAD_CHUNK_NP) continue;
        size_t v = c + 2;
        if (p->chunks[v].kind == DYAD_CHUNK_ADVP && v + 1 < p->nchunks) v++;
        uint32_t g = p->vg_of[v];
        if (p->chunks[v].kind != DYAD_CHUNK_VP || g == DYAD_NONE) continue;
        /* a lone participle with an object is a past tense the tagger
         * missed: "after crowds burned/VBN down its embassy" */
        bool object = v + 1 < p->nchunks && (p->chunks[v + 1].kind == DYAD_CHUNK_NP ||
                                            p->chunks[v + 1].kind == DYAD_CHUNK_PRT);
        if (p->verbs[g].tense != DYAD_TENSE_NONE ||
            ((p->verbs[g].flags & CHUNK_VG_BARE_VBN) && object))
            ch->kind = DYAD_CHUNK_SBAR;
    }
}

void chunk_phrases(dyad_sentence *s, uint32_t *vg_of)
{
    phrase_pass p = {s->tokens, s->ntokens, s->chunks, 0, s->verbs, 0, vg_of};
    size_t i = 0, n = p.n;
    while (i < n) {
        const dyad_token *t = &p.tok[i];
        unsigned tg = t->tag;
        if (i + 1 < n && chunk_is_preposition_pair(t, t + 1)) {
            emit(&p, DYAD_CHUNK_PP, i, i + 2, i);
            i += 2;
            continue;
        }
        if ((tg == DYAD_TAG_RB || tg == DYAD_TAG_IN) && chunk_is_as_well_as(t, n - i)) {
            emit(&p, DYAD_CHUNK_CONJ, i, i + 3, i);
            i += 3;
            continue;
        }
        switch (tg) {
        case DYAD_TAG_MD: case DYAD_TAG_VB: case DYAD_TAG_VBD: case DYAD_TAG_VBG:
        case DYAD_TAG_VBN: case DYAD_TAG_VBP: case DYAD_TAG_VBZ:
            if (participle_modifies_noun(&p, i)) i = scan_np(&p, i, true);
            else i = scan_vp(&p, i);
            break;
        case DYAD_TAG_TO:
            if (vp_starts(&p, i)) {
                i = scan_vp(&p, i);
            } else {
                emit(&p, DYAD_CHUNK_PP, i, i + 1, i);
                i++;
            }
            break;
        case DYAD_TAG_RB: case DYAD_TAG_RBR: case DYAD_TAG_RBS:
            i = scan_adverbs(&p, i);
            break;
        case DYAD_TAG_DT:
            if (no_longer_at(&p, i)) {
                i = scan_adverbs(&p, i);
            } else if (is_that(t) && i > 0 && !tag_is_noun(tag_at(&p, i + 1)) &&
                       !tag_is_adjective(tag_at(&p, i + 1)) && tag_at(&p, i + 1) != DYAD_TAG_CD &&
                       tag_at(&p, i + 1) != DYAD_TAG_CC) {
                /* "said that he ...": a complementiser the tagger took
                 * for a determiner */
                emit(&p, DYAD_CHUNK_SBAR, i, i + 1, i);
                i++;
            } else {
                i = scan_np(&p, i, false);
            }
            break;
        case DYAD_TAG_IN: {
            unsigned fw = chunk_function_word(t);
            if (fw & (FW_THAT | FW_SUBORD)) {
                emit(&p, DYAD_CHUNK_SBAR, i, i + 1, i);
                i++;
            } else if (((fw & FW_QUANTIFIER) && tag_at(&p, i + 1) == DYAD_TAG_CD) ||
                       at_least_at(&p, i)) {
                i = scan_np(&p, i, false);
            } else {
                emit(&p, DYAD_CHUNK_PP, i, i + 1, i);
                i++;
            }
            break;
        }
        case DYAD_TAG_WDT: case DYAD_TAG_WP:
            if (chunk_function_word(t) & (FW_RELATIVE | FW_THAT))
                emit(&p, DYAD_CHUNK_SBAR, i, i + 1, i);
            else /* what, whatever, whoever: a free relative is an NP */
                emit(&p, DYAD_CHUNK_NP, i, i + 1, i);
            i++;
            break;
        case DYAD_TAG_WPS: case DYAD_TAG_WRB:
            emit(&p, DYAD_CHUNK_SBAR, i, i + 1, i);
            i++;
            break;
        case DYAD_TAG_CC:
            emit(&p, DYAD_CHUNK_CONJ, i, i + 1, i);
            i++;
            break;
        case DYAD_TAG_RP:
            emit(&p, DYAD_CHUNK_PRT, i, i + 1, i);
            i++;
            break;
        case DYAD_TAG_PDT: case DYAD_TAG_PRPS: case DYAD_TAG_CD: case DYAD_TAG_NN:
        case DYAD_TAG_NNS: case DYAD_TAG_NNP: case DYAD_TAG_NNPS: case DYAD_TAG_FW:
        case DYAD_TAG_PRP: case DYAD_TAG_EX: case DYAD_TAG_JJ: case DYAD_TAG_JJR:
        case DYAD_TAG_JJS:
            i = scan_np(&p, i, false);
            break;
        case DYAD_TAG_DOLLAR: case DYAD_TAG_HASH:
            if (tag_at(&p, i + 1) == DYAD_TAG_CD) {
                i = scan_np(&p, i, false);
                break;
            }
            /* fall through */
        default:
            emit(&p, DYAD_CHUNK_O, i, i + 1, i);
            i++;
            break;
        }
    }
    s->nchunks = p.nchunks;
    s->nverbs = p.nverbs;
    promote_subordinators(&p);
    for (size_t c = 0; c + 1 < p.nchunks; c++)
        if (p.chunks[c].kind == DYAD_CHUNK_PP && p.chunks[c + 1].kind == DYAD_CHUNK_NP)
            p.chunks[c].object = (uint32_t)(c + 1);
}
