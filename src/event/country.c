/*
 * country.c -- other systems' codes for a country, from dyad's own table
 * (data/countries/states.tsv, compiled at build time).
 */
#include "dyad.h"

#include <stdlib.h>
#include <string.h>

extern const dyad_country_codes country_table[];
extern const size_t country_table_len;

static int by_iso3(const void *key, const void *elem)
{
    return strncmp(key, ((const dyad_country_codes *)elem)->iso3, 3);
}

const dyad_country_codes *dyad_country_lookup(const char *code)
{
    /* only the first three letters count: an actor code's country block */
    if (!code || strnlen(code, 3) < 3) return NULL;
    return bsearch(code, country_table, country_table_len, sizeof *country_table, by_iso3);
}

size_t dyad_country_count(void)
{
    return country_table_len;
}

const dyad_country_codes *dyad_country_at(size_t i)
{
    return i < country_table_len ? &country_table[i] : NULL;
}
