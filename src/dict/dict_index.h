/*
 * dict_index.h -- matching structures compiled once from a dyad_dict, read
 * by the coder (src/code/) from any number of threads.  Prefix: ix_.
 *
 * Roots.  Everything that is looked up where a sentence word stands -- an
 * actor, agent, noun or adjective phrase, a verb or one of its forms, a
 * time-shift or attribution root, a discard phrase -- is a root: a run of
 * literals (folded words with connector flags) and what it stands for.
 * Roots are grouped by their first literal; a sentence word finds its
 * candidates by probing the groups of each of its prefixes (a literal
 * without '_' matches as a stem, so "SYRI" is found from "syrians"), and
 * inside a group the roots are ordered as TABARI tries them: longer first
 * (letters counted, connectors not), then actors, agents, nouns,
 * adjectives, verbs, then file order.
 *
 * Patterns.  Verb patterns are expanded once: every { a | b } alternative
 * and every &SYNSET (recursively, from the members as written) becomes a
 * pattern of its own, so matching never branches.  Each expansion keeps
 * TABARI's length (letters of the fixed words; words that came from a
 * synset count nothing, as TABARI counts a synset designator) and the
 * patterns of a verb are sorted longest first, ties in file order.
 *
 * Codes.  Every event code written in the verbs (042, 042:043, :054,
 * 111!, 023?, ---, ###, +++, day shifts) is parsed once into an ix_code.
 *
 * Words are compared after ix_fold: lower case, Latin accents removed,
 * typographic apostrophes made ASCII -- the same on both sides.
 */
#ifndef DYAD_DICT_INDEX_H
#define DYAD_DICT_INDEX_H

#include "dict.h"

typedef struct dict_index dict_index;

/* Builds the index; NULL when memory runs out.  The dictionary must
 * outlive the index and must not change while it is used. */
dict_index *ix_build(const dyad_dict *d);
void ix_free(dict_index *ix);
const dyad_dict *ix_dict(const dict_index *ix);
size_t ix_memory_bytes(const dict_index *ix);

/* ---- compiled images (dict_index_image.c) --------------------------------------
 * A dictionary and its index written together: the dictionary as a nested
 * dict image (dict_image.h), the index's arrays as they lie in memory, so
 * that loading validates and points instead of parsing and compiling.
 * The built-in dictionaries are compiled this way at build time
 * (tools/gen_dict_image.c).  The format (versioned with IX_IMAGE_FORMAT,
 * checksummed, with a layout signature) is in docs/dictionaries.md; an
 * image is never trusted: every index, range and enum is checked against
 * the image and the dictionary before use. */

#define IX_IMAGE_FORMAT 1

/* Serialises ix and its dictionary into a malloc'd buffer; 0, or -1 with
 * the reason in err. */
int ix_image_build(const dict_index *ix, void **out, size_t *len, char *err, size_t errcap);

/* Loads a dictionary and its index from an image, used in place: data
 * must be aligned to 8 bytes and outlive both (*d is freed with
 * dict_free() before the bytes, *ix with ix_free() before *d).  Returns 0,
 * or -1 with the reason in err and nothing allocated. */
int ix_image_load(const void *data, size_t len, dyad_dict **d, dict_index **ix, char *err, size_t errcap);

/* Recomputes the checksum in place (tests and fuzzers: damage that is
 * sealed again reaches the validation of the content). */
void ix_image_seal(void *data, size_t len);

/* Folds n bytes of a word into out (at most cap - 1 bytes, NUL-terminated);
 * returns the folded length. */
size_t ix_fold(const char *s, size_t n, char *out, size_t cap);

/* ---- literals and roots ---------------------------------------------------- */

enum {
    IX_LIT_EXACT      = 1u << 0, /* whole word only (may take regular endings
                                    when it ends a root)                       */
    IX_LIT_ADJ        = 1u << 1, /* the next literal must follow at once       */
    IX_LIT_NO_ENDINGS = 1u << 2, /* '=': no regular endings                     */
    IX_LIT_VERB_WORD  = 1u << 3, /* PETRARCH '+WORD': the verb of a phrase      */
    IX_LIT_SYNSET     = 1u << 4, /* came from a synset: not counted in length   */
    IX_LIT_PETRARCH   = 1u << 5, /* PETRARCH2 syntax: whole words only, with
                                    PETRARCH's regular plurals and verb forms  */
    IX_LIT_PLURAL     = 1u << 6  /* PETRARCH synset member's last word: may be
                                    plural                                     */
};

typedef struct ix_lit {
    const char *s;      /* folded, NUL-terminated */
    uint32_t hash;      /* ix_hash() of s: lets a sentence rule out words
                           it cannot contain before comparing any bytes */
    uint16_t len;
    uint8_t flags;      /* IX_LIT_* */
} ix_lit;

/* FNV-1a, the hash of literals and of every prefix of a sentence word. */
static inline uint32_t ix_hash_step(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }
#define IX_HASH_INIT 2166136261u

typedef enum ix_kind {
    IX_ACTOR, IX_AGENT, IX_NOUN, IX_ADJ, IX_VERB, IX_TIME, IX_ATTRIB, IX_DISCARD,
    IX_KINDS
} ix_kind;

/* Regular endings the last literal of a root may take (TABARI 5.2.3). */
enum { IX_END_NONE = 0, IX_END_NOUN = 1, IX_END_VERB = 2 };

typedef struct ix_root {
    uint32_t first_lit;  /* ix_lits()                                    */
    uint16_t nlits;
    uint16_t length;     /* letters; longer roots are tried first       */
    uint8_t kind;        /* ix_kind                                      */
    uint8_t endings;     /* IX_END_*                                     */
    uint16_t end_at;     /* the literal that takes the endings: the last,
                            or PETRARCH's '+' verb word                  */
    uint32_t owner;      /* actor, agent or verb index; DICT_NONE else   */
    uint32_t phrase;     /* dict phrase index (its kind follows `kind`)  */
} ix_root;

const ix_root *ix_roots(const dict_index *ix, size_t *n);
const ix_lit *ix_lits(const dict_index *ix);

/* The roots whose first literal is exactly s[0, n): *count roots listed in
 * trial order; NULL when there are none. */
const uint32_t *ix_group(const dict_index *ix, const char *s, size_t n, size_t *count);

/* Every group whose literal is a prefix of the folded word w[0, n) -- the
 * word itself included -- in order of increasing prefix length.  At most
 * max groups are written; returns how many exist. */
typedef struct ix_hit {
    uint16_t prefix;          /* length of the literal                 */
    uint32_t count;
    const uint32_t *roots;
} ix_hit;
size_t ix_prefix_groups(const dict_index *ix, const char *w, size_t n, ix_hit *out, size_t max);

/* True when word w[0, n) matches literal l.  `last` says whether the
 * literal ends a root with regular endings of class `endings`. */
bool ix_lit_matches(const ix_lit *l, const char *w, size_t n, bool last, int endings);

/* ---- codes ------------------------------------------------------------------- */

enum {
    IX_CODE_NULL      = 1u << 0, /* ---                                      */
    IX_CODE_DISCARD   = 1u << 1, /* ###                                      */
    IX_CODE_COMPLEX   = 1u << 2, /* +++                                      */
    IX_CODE_DOMINANT  = 1u << 3, /* 111!                                     */
    IX_CODE_SUBORD    = 1u << 4, /* 023?                                     */
    IX_CODE_PAIRED    = 1u << 5, /* 032:033 (either half may be empty)       */
    IX_CODE_SHIFT     = 1u << 6  /* a <TIME> day shift                       */
};

typedef struct ix_code {
    char first[8], second[8];  /* event codes; "" when absent             */
    int16_t shift;             /* days, for IX_CODE_SHIFT                  */
    uint8_t flags;             /* IX_CODE_*                                */
} ix_code;

const ix_code *ix_codes(const dict_index *ix, size_t *n);

/* ---- verbs and patterns ------------------------------------------------------ */

typedef enum ix_ptok_kind {
    IX_PT_WORD, IX_PT_VERB, IX_PT_SOURCE, IX_PT_TARGET, IX_PT_COMPOUND, IX_PT_SKIP,
    IX_PT_ATTRIB, IX_PT_NP_OPEN, IX_PT_NP_CLOSE, IX_PT_PP_OPEN, IX_PT_PP_CLOSE
} ix_ptok_kind;

typedef struct ix_ptok {
    uint32_t lit;   /* IX_PT_WORD: ix_lits() index                        */
    uint8_t kind;   /* ix_ptok_kind                                       */
    uint8_t flags;  /* IX_LIT_* (IX_LIT_ADJ on any kind: next at once)    */
} ix_ptok;

typedef struct ix_pattern {
    uint32_t key_hash;    /* hash of its longest literal (0: none): a
                             sentence without it cannot match, which is
                             the first thing checked                        */
    uint32_t first_tok;   /* ix_ptoks()                                     */
    uint16_t ntoks;
    uint16_t verb_at;     /* position of the verb token in the pattern       */
    uint16_t length;      /* TABARI length: longer patterns are tried first   */
    uint32_t code;        /* ix_codes() index; DICT_NONE: the verb's code    */
    uint32_t phrase;      /* DICT_PH_PATTERN phrase it was expanded from      */
} ix_pattern;

const ix_pattern *ix_patterns(const dict_index *ix, size_t *n);
const ix_ptok *ix_ptoks(const dict_index *ix);

/* Per dict verb: its code and the sorted patterns of its block. */
typedef struct ix_verb {
    uint32_t code;                      /* ix_codes() index or DICT_NONE  */
    uint32_t first_pattern, npatterns;  /* ix_patterns(), sorted          */
    uint8_t section;                    /* dict_section                   */
} ix_verb;

const ix_verb *ix_verbs(const dict_index *ix, size_t *n);

/* Text of a pattern as written in the dictionary (for --explain); owned by
 * the index. */
const char *ix_pattern_text(const dict_index *ix, uint32_t phrase);

/* Agent codes: "~GOV" is a suffix, "NGO~" a prefix; the code without '~'. */
typedef struct ix_agent {
    char code[16];
    bool prefix;
} ix_agent;
const ix_agent *ix_agents(const dict_index *ix, size_t *n);

#endif
