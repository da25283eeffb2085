/* dict_verbs.h -- verb-dictionary building blocks shared by the TABARI and
 * PETRARCH2 verb readers (dict_verbs.c).  Each reports its own errors. */
#ifndef DYAD_DICT_VERBS_H
#define DYAD_DICT_VERBS_H
#include "dict_private.h"

uint32_t dict_verbs_new_block(dict_loader *L, uint32_t name, uint32_t code, dict_section section);
/* Adds a verb (its primary phrase in *ph) to the block; DICT_NONE on error. */
uint32_t dict_verbs_new_verb(dict_loader *L, uint32_t block, dict_phrase *ph, uint32_t code);
/* The blank-separated forms inside {...} (braces excluded). */
int dict_verbs_add_forms(dict_loader *L, uint32_t verb, const char *s, size_t n, unsigned ctx);
/* A pattern line without its leading '-': PHRASE [CODE]. */
void dict_verbs_pattern(dict_loader *L, uint32_t block, const char *s, size_t n, unsigned ctx,
                        dict_code_use use);
/* "&NAME" without the '&'; returns the synset or DICT_NONE. */
uint32_t dict_verbs_new_synset(dict_loader *L, const char *s, size_t n);
/* A member line without its leading '+'. */
void dict_verbs_synset_member(dict_loader *L, uint32_t synset, const char *s, size_t n,
                              unsigned ctx, bool words_only);
#endif
