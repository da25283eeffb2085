/*
 * lemmadata.h -- the lemmatiser's tables, generated at build time by
 * tools/gen_lemmas.c from WordNet 3.0 (Debian's wordnet-base) into
 * build/gen/lemmadata.c.  The generator includes this header too, so the
 * hash function and the record layout below are the single definition
 * both sides agree on.
 *
 * One open-addressing hash table covers every word the lemmatiser may
 * ask about: base forms of nouns, verbs and adjectives, inflected forms
 * with an exception entry, and the bases those exceptions point at.
 *
 * A slot is a uint32: the low 24 bits are the offset of a record in
 * lemma_pool (0 = empty slot), the high 8 bits are the top byte of the
 * word's hash, so that almost every probe of a foreign word is rejected
 * without touching the pool.
 *
 * A record at pool offset r:
 *   pool[r]       length of the word (1..LEMMA_MAX_WORD)
 *   pool[r+1]     LEMMA_* flags
 *   pool[r+2...]  the word (lower case, no terminator)
 *   then, for each of LEMMA_NOUN_EXC, LEMMA_VERB_EXC, LEMMA_ADJ_EXC that is
 *   set (in that order), the 3-byte little-endian offset of the record of
 *   the exception's base form.
 */
#ifndef DYAD_LEMMADATA_H
#define DYAD_LEMMADATA_H

#include <stdint.h>

/* Longer words are left out of the tables and never looked up: English
 * base forms are far shorter, and the bound keeps the lemmatiser's stack
 * buffers fixed. */
#define LEMMA_MAX_WORD 63

/* 24-bit record offsets bound the pool. */
#define LEMMA_MAX_POOL (1u << 24)

enum {
    LEMMA_NOUN     = 1u << 0, /* base form in index.noun               */
    LEMMA_VERB     = 1u << 1, /* base form in index.verb               */
    LEMMA_ADJ      = 1u << 2, /* base form in index.adj                */
    LEMMA_NOUN_EXC = 1u << 3, /* irregular noun form: noun.exc         */
    LEMMA_VERB_EXC = 1u << 4, /* irregular verb form: verb.exc         */
    LEMMA_ADJ_EXC  = 1u << 5  /* irregular comparative: adj.exc        */
};

extern const unsigned char lemma_pool[];
extern const uint32_t lemma_slots[];
extern const uint32_t lemma_slot_mask; /* slot count - 1 (a power of 2) */

/* FNV-1a, fed one byte at a time so that the lemmatiser can keep the state
 * after every prefix of a word and hash a candidate "stem + suffix" by
 * feeding only the suffix. */
#define LEMMA_HASH_INIT 2166136261u
static inline uint32_t lemma_hash_step(uint32_t h, unsigned char c)
{
    return (h ^ c) * 16777619u;
}

/* FNV's low bits are weak for short keys; a final mix spreads them before
 * the low bits pick the slot and the high byte becomes the slot tag. */
static inline uint32_t lemma_hash_final(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    h *= 0x846ca68bu;
    h ^= h >> 16;
    return h;
}

#endif
