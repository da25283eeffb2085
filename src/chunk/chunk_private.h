/*
 * chunk_private.h -- what the files of the chunker share: word classes
 * (words.c), the phrase pass (phrase.c) and the clause pass (clause.c).
 * chunk.c drives them.
 *
 * The chunker works in three linear passes over one sentence:
 *   1. phrases: tokens -> flat chunks (NP, VP, PP, ...) and one verb group
 *      per VP, with tense, modality and voice read off the group itself;
 *   2. clauses: chunks -> nested clause spans, with a small explicit stack;
 *   3. chunk.c: each chunk's innermost clause, then passive agents.
 */
#ifndef DYAD_CHUNK_PRIVATE_H
#define DYAD_CHUNK_PRIVATE_H

#include "../internal.h"

/* Clauses nest at most this deep; an opener met deeper is ignored, so its
 * words stay in the enclosing clause.  Real sentences rarely pass 6. */
#define CHUNK_MAX_DEPTH 64

/* Verb-group flags private to the chunker, cleared before chunk_sentence
 * returns.  They remember the shape of a one-verb group so that later passes
 * can tell a bare participle ("troops stationed in ...") or a bare base form
 * ("will meet and discuss") without rescanning tokens. */
enum {
    CHUNK_VG_BARE_VBN = 1u << 14, /* a lone past participle, no auxiliary */
    CHUNK_VG_BARE_VB  = 1u << 15, /* a lone base form, no to/modal/do     */
    CHUNK_VG_PRIVATE  = CHUNK_VG_BARE_VBN | CHUNK_VG_BARE_VB
};

/* Classes of verbs that matter to verb groups (from lemma or word form). */
enum {
    VERB_BE     = 1u << 0, /* be, is, was, 's, ...                        */
    VERB_HAVE   = 1u << 1, /* have, has, had, 've, 'd                      */
    VERB_DO     = 1u << 2, /* do, does, did                                */
    VERB_GET    = 1u << 3, /* get, got: the "get" passive                  */
    VERB_GOING  = 1u << 4, /* "going" of "be going to"                     */
    VERB_INTEND = 1u << 5  /* plan, intend, aim, seek, expect, scheduled (+ to + verb) */
};
unsigned chunk_verb_class(const dyad_token *t);

/* Modality of a modal verb ("will", "'ll", "wo" of won't, "ca" of can't);
 * DYAD_MOD_NONE for others.  "ought" counts as should. */
dyad_modality chunk_modality(const dyad_token *t);

/* not, n't, never. */
bool chunk_is_negation(const dyad_token *t);

/* Classes of function words that decide chunk and clause boundaries. */
enum {
    FW_SUBORD      = 1u << 0, /* because, although, if, whether, while ...   */
    FW_SUBORD_MAYBE= 1u << 1, /* since, after, before, until, as, once:
                                 a subordinator only before a clause        */
    FW_RELATIVE    = 1u << 2, /* who, whom, whose, which                     */
    FW_THAT        = 1u << 3,
    FW_WH_ADVERB   = 1u << 4, /* where, when, why, how                       */
    FW_QUANTIFIER  = 1u << 5, /* about, around, nearly ... before a number   */
    FW_BY          = 1u << 6,
    FW_THAN        = 1u << 7,
    FW_NO          = 1u << 8, /* "no" of "no longer"                         */
    FW_LONGER      = 1u << 9
};
unsigned chunk_function_word(const dyad_token *t);

/* Two-word prepositions: "because of", "according to", "instead of". */
bool chunk_is_preposition_pair(const dyad_token *a, const dyad_token *b);

/* "as well as", which joins like "and". */
bool chunk_is_as_well_as(const dyad_token *t, size_t avail);

/* Weekdays and today/yesterday/tomorrow/tonight: nouns of time that follow
 * an NP as an adverbial ("told reporters Tuesday"). */
bool chunk_is_time_noun(const dyad_token *t);

/* Verbs of saying and thinking, which take a clause without "that"
 * ("said it would respond") and head reporting parentheticals. */
bool chunk_is_speech_verb(const dyad_token *t);

/* The word, lower-cased, is lit ("of", "about"). */
bool chunk_is_word(const dyad_token *t, const char *lit);

/* A capitalised head of a name built with "of": "Secretary" (of State),
 * "Ministry" (of Defence), "Republic" (of Korea). */
bool chunk_is_of_head(const dyad_token *t);

/* A capitalised word shaped like a people's adjective ("Arnorian",
 * "Taiwanese", "Kurdish", "Israeli"), which the tagger, not knowing it, may
 * have taken for a name. */
bool chunk_looks_like_demonym(const dyad_token *t);

/* Tag tests. */
static inline bool tag_is_verb(unsigned tg)
{
    return tg >= DYAD_TAG_VB && tg <= DYAD_TAG_VBZ;
}
static inline bool tag_is_noun(unsigned tg)
{
    return tg == DYAD_TAG_NN || tg == DYAD_TAG_NNS || tg == DYAD_TAG_NNP ||
           tg == DYAD_TAG_NNPS || tg == DYAD_TAG_FW;
}
static inline bool tag_is_adjective(unsigned tg)
{
    return tg == DYAD_TAG_JJ || tg == DYAD_TAG_JJR || tg == DYAD_TAG_JJS;
}
static inline bool tag_is_adverb(unsigned tg)
{
    return tg == DYAD_TAG_RB || tg == DYAD_TAG_RBR || tg == DYAD_TAG_RBS;
}

/* True for the normalised opening/closing quotation marks. */
bool chunk_is_open_quote(const dyad_token *t);
bool chunk_is_close_quote(const dyad_token *t);

/* Pass 1 (phrase.c): fills s->chunks, s->verbs and each token's chunk, and
 * vg_of[c] = index of the verb group of chunk c (DYAD_NONE if none).  The
 * arrays are preallocated with room for ntokens entries. */
void chunk_phrases(dyad_sentence *s, uint32_t *vg_of);

/* Pass 2 (clause.c): fills s->clauses (room for ntokens + 2 entries) in
 * pre-order: a parent before its children, siblings left to right. */
void chunk_clauses(dyad_sentence *s, const uint32_t *vg_of);

#endif
