/*
 * where.h -- place mentions in news sentences and their resolution in the
 * GeoNames gazetteer (gazdata.h).  Prefix: where_.
 *
 * A place is where an event happened only when the sentence says so with a
 * locative ("in Gaza", "stationed in Belgium", "near Kharkiv", "in eastern
 * Ukraine", "the Donbas region"): "Russia said" names an actor, not a
 * place.  Finding mentions (where_find) is separate from choosing among
 * same-named places (where_choose), because the choice uses what the whole
 * article says: "Paris" is the French capital unless the story is about
 * Texas.
 */
#ifndef DYAD_WHERE_H
#define DYAD_WHERE_H

#include "dyad.h"
#include <stdbool.h>
#include <stdint.h>

typedef struct where_mention {
    uint32_t first, last;     /* tokens [first, last) naming the place       */
    uint32_t name_lo, name_hi;/* its entries in gaz_names                    */
    bool region_word;         /* followed by "region", "province", ...      */
    uint32_t within_lo, within_hi; /* "Paris, Texas", "Hyderabad, Pakistan":
                                  the gaz_names entries of the region or
                                  country after the comma (lo == hi: none) */
} where_mention;

/* Finds the locative place mentions of a sentence, left to right; returns
 * how many (writes at most max).  Linear in the number of tokens (names
 * are at most WHERE_MAX_WORDS tokens long). */
#define WHERE_MAX_WORDS 4
size_t where_find(const dyad_sentence *s, where_mention *out, size_t max);

/* The dateline's place ("SEOUL, March 3 (Reuters) -"), or false. */
bool where_find_dateline(const dyad_sentence *s, where_mention *out);

/* Countries (ISO alpha-3) the article is about, to settle ambiguity. */
typedef struct where_context {
    char countries[16][4];
    size_t ncountries;
} where_context;

void where_context_add(where_context *c, const char *alpha3);

/* A resolved place. */
typedef struct where_place {
    uint32_t kind;            /* GAZ_COUNTRY, GAZ_REGION, GAZ_CITY           */
    uint32_t index;           /* into its table                              */
    const char *name;         /* as GeoNames writes it                       */
    const char *country;      /* ISO alpha-3                                 */
    const char *country2;     /* ISO alpha-2                                 */
    const char *region;       /* first-level region, or NULL                 */
    double lat, lon;
    uint32_t candidates;      /* places of that name                         */
    const char *why;          /* the rule that chose it, for --explain       */
} where_place;

/* Chooses among the mention's candidates; false if it has none. */
bool where_choose(const where_mention *m, const where_context *c, where_place *out);

/* Looks a name up directly ("Kharkiv"); for tests and `dyad dict lookup`. */
bool where_lookup(const char *name, const where_context *c, where_place *out);

#endif
