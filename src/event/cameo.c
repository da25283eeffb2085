/*
 * cameo.c -- facts about CAMEO event codes.  The per-code facts live in
 * dyad's own table (data/cameo/cameo_events.tsv, compiled at build time);
 * this file answers lookups, which the coder makes once per event, and the
 * facts that follow from the root alone.
 */
#include "event_private.h"
#include "cameo_table.h"

const dyad_cameo_info *dyad_cameo_lookup(const char *code)
{
    if (!code) return NULL;
    long slot = cameo_slot_index(code);
    if (slot < 0 || !cameo_slot[slot]) return NULL;
    return &cameo_table[cameo_slot[slot] - 1];
}

int cameo_root(const char *code)
{
    if (!code || !ch_is_digit(code[0]) || !ch_is_digit(code[1])) return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root >= 1 && root <= 20 ? root : 0;
}

/* GDELT: 01-05 verbal cooperation, 06-08 material cooperation, 09-13
 * verbal conflict, 14-20 material conflict. */
int cameo_quad_gdelt(int root)
{
    if (root < 1 || root > 20) return 0;
    return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

/* Phoenix (phoenix_pipeline's postprocess step) moves statements and
 * appeals (01, 02) to a neutral class 0 and counts 16, reduce relations,
 * as verbal rather than material conflict. */
int cameo_quad_phoenix(int root)
{
    if (root < 1 || root > 20) return 0;
    if (root <= 2) return 0;
    if (root == 16) return 3;
    return cameo_quad_gdelt(root);
}
