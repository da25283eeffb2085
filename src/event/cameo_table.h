/*
 * cameo_table.h -- the compiled CAMEO table (build/gen/cameo_table.c,
 * written by tools/gen_cameo.c from data/cameo/cameo_events.tsv) and the
 * direct index that makes dyad_cameo_lookup() one array read.
 *
 * Every code of two to four digits has its own slot: the 100 two-digit
 * codes first, then the 1,000 three-digit and the 10,000 four-digit ones,
 * so "04", "040" and "0400" never collide.  A slot holds the 1-based index
 * of the code's row in cameo_table, or 0.
 */
#ifndef DYAD_EVENT_CAMEO_TABLE_H
#define DYAD_EVENT_CAMEO_TABLE_H

#include "dyad.h"

#define CAMEO_SLOTS 11100u

extern const dyad_cameo_info cameo_table[];
extern const size_t cameo_table_len;
extern const uint16_t cameo_slot[CAMEO_SLOTS];

/* Slot of a code of 2-4 ASCII digits followed by NUL; -1 for anything
 * else.  Reads at most five bytes, so an unterminated char[8] is safe. */
static inline long cameo_slot_index(const char *code)
{
    static const long base[5] = {0, 0, 0, 100, 1100};
    long value = 0;
    size_t len = 0;
    while (len < 5 && code[len] >= '0' && code[len] <= '9')
        value = value * 10 + (code[len++] - '0');
    if (len < 2 || len > 4 || code[len] != '\0') return -1;
    return base[len] + value;
}

#endif
