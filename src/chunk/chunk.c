/* chunk.c -- STUB chunker: no chunks. */
#include "../internal.h"

int chunk_sentence(arena *a, dyad_sentence *s)
{
    (void)a;
    s->chunks = NULL; s->nchunks = 0;
    s->clauses = NULL; s->nclauses = 0;
    s->verbs = NULL; s->nverbs = 0;
    for (size_t i = 0; i < s->ntokens; i++) s->tokens[i].chunk = DYAD_NONE;
    return 0;
}
