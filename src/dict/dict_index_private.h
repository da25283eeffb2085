/* dict_index_private.h -- the layout of a dict_index, shared by
 * dict_index.c (building it from a dictionary) and dict_index_image.c
 * (writing it to a compiled image and pointing it into one). */
#ifndef DYAD_DICT_INDEX_PRIVATE_H
#define DYAD_DICT_INDEX_PRIVATE_H

#include "dict_index.h"
#include "dict_private.h"

/* A pattern longer than this never matches (it is dropped when expanded). */
#define IX_MAX_SEQ_TOKENS 256

typedef struct ix_group_rec {
    const char *s;
    uint32_t len;
    uint32_t first, n;
} ix_group_rec;

struct dict_index {
    const dyad_dict *d;
    arena text;                 /* folded strings, pattern texts        */
    ix_lit *lits;       size_t nlits, cap_lits;
    ix_root *roots;     size_t nroots, cap_roots;
    uint32_t *order;            /* roots by group, in trial order       */
    ix_group_rec *groups; size_t ngroups, cap_groups;
    uint32_t *slots;    size_t nslots;   /* group index + 1; 0 = empty  */
    uint64_t key_bits[1024];    /* bit (hash & 0xFFFF) set for each group key:
                                   most prefixes of a word are no key, and
                                   this says so without probing the table */
    ix_code *codes;     size_t ncodes, cap_codes;
    dict_map code_by_string;    /* dict string id -> ix code            */
    ix_ptok *ptoks;     size_t nptoks, cap_ptoks;
    ix_pattern *patterns; size_t npatterns, cap_patterns;
    ix_verb *verbs;     size_t nverbs;
    ix_agent *agents;   size_t nagents;
    const char **pattern_text;  /* by DICT_PH_PATTERN phrase index      */
    size_t npattern_text;
    dict_map folded_by_id;      /* dict string id -> folded_strs index  */
    const char **folded_strs;   size_t nfolded, cap_folded;
    size_t bytes;
    /* Loaded from a compiled image (dict_index_image.c): roots, order,
     * slots, codes, ptoks, patterns, verbs and agents point into it,
     * read-only; lits, groups and pattern_text, which hold pointers, are
     * rebuilt on the heap. */
    bool from_image;
};

/* Sections of a compiled index image (dict_index_image.c), in order;
 * tests find them through the section table at offset 64. */
enum {
    IXS_DICT, IXS_TEXT, IXS_LITS, IXS_ROOTS, IXS_ORDER, IXS_GROUPS, IXS_SLOTS, IXS_KEY_BITS,
    IXS_CODES, IXS_PTOKS, IXS_PATTERNS, IXS_VERBS, IXS_AGENTS, IXS_PATTERN_TEXT,
    IXS_COUNT
};

#endif
