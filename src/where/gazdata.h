/*
 * gazdata.h -- layout of the gazetteer tables that tools/gen_gazetteer.c
 * generates from GeoNames (CC BY 4.0) and Debian's iso-codes.  Positions
 * are degrees times 100,000 (about a metre), so the tables hold integers.
 */
#ifndef DYAD_GAZDATA_H
#define DYAD_GAZDATA_H

#include <stdint.h>

typedef struct gaz_country {
    char alpha2[3], alpha3[4];
    const char *name;
    int32_t lat, lon;         /* population-weighted mean of its places   */
} gaz_country;

typedef struct gaz_region {   /* first-level administrative division      */
    const char *name;
    int32_t country;
    int32_t lat, lon;
} gaz_region;

typedef struct gaz_city {
    const char *name;
    int32_t country;
    int32_t region;           /* -1 when GeoNames gives none we know      */
    int32_t lat, lon;
    uint32_t population;
    uint32_t seat;            /* 2 national capital, 1 regional seat, 0   */
} gaz_city;

enum { GAZ_COUNTRY = 0, GAZ_REGION = 1, GAZ_CITY = 2 };

typedef struct gaz_name {     /* sorted by key, then kind                 */
    const char *key;          /* lower-case ASCII letters, words joined by
                                 single spaces                           */
    uint32_t kind;            /* GAZ_*                                    */
    uint32_t index;           /* into the table of its kind               */
} gaz_name;

extern const gaz_country gaz_countries[];
extern const uint32_t gaz_ncountries;
extern const gaz_region gaz_regions[];
extern const uint32_t gaz_nregions;
extern const gaz_city gaz_cities[];
extern const uint32_t gaz_ncities;
extern const gaz_name gaz_names[];
extern const uint32_t gaz_nnames;

/* gaz_names is sorted by key bytes, so the keys sharing their first two
 * bytes are contiguous: bucket b = key[0] << 8 | key[1] holds entries
 * gaz_name_buckets[b] .. gaz_name_buckets[b + 1] - 1. */
#define GAZ_BUCKETS 65536u
extern const uint32_t gaz_name_buckets[GAZ_BUCKETS + 1];

#endif
