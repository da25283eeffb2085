/*
 * event_private.h -- what the event renderers share: facts derived from a
 * CAMEO code's root, and the writers of fields taken from outside input.
 */
#ifndef DYAD_EVENT_PRIVATE_H
#define DYAD_EVENT_PRIVATE_H

#include "../internal.h"

/* The root of a code as a number 1..20 ("0874" -> 8), or 0 when the code
 * does not begin with a CAMEO root. */
int cameo_root(const char *code);

/* Quad classes are properties of the root, so they are known even for
 * codes outside the table (a validation suite's private codes).  0 when
 * the root is not a CAMEO root; Phoenix's 0 means "neutral" and is only
 * returned for roots 01 and 02 -- callers tell the two apart by root. */
int cameo_quad_gdelt(int root);
int cameo_quad_phoenix(int root);

/* A calendar date taken apart; ok is false when the text was not a valid
 * "YYYY-MM-DD". */
typedef struct event_date {
    bool ok;
    int year, month, day;
} event_date;
event_date event_date_parse(const char *text, size_t cap);

/* Writes bytes as one field of a tab-separated line: tabs, line breaks,
 * NULs and other control bytes become spaces and invalid UTF-8 becomes
 * U+FFFD, so hostile text can never add a column or a line. */
void tsv_write_field(FILE *out, const char *s, size_t n);

/* An actor code cut into CAMEO's three-letter blocks, as the GDELT columns
 * want it: the country (or region) block, up to three role or type blocks,
 * and the organisation block of an international actor ("IGOWSTNAT" ->
 * type IGO, group NAT).  Strings are empty when absent. */
typedef struct actor_parts {
    char country[4];
    char group[4];
    char type[3][4];
} actor_parts;
void actor_split(const char *code, size_t len, actor_parts *out);

#endif
