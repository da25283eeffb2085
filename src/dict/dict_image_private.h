/* dict_image_private.h -- what the modules of compiled images share:
 * dict_image.c (the format: writing, reading, mapping), dict_image_check.c
 * (validating a model before use) and dict_image_cache.c (when to use an
 * image instead of its text).  Prefix: img_. */
#ifndef DYAD_DICT_IMAGE_PRIVATE_H
#define DYAD_DICT_IMAGE_PRIVATE_H

#include "dict_image.h"
#include "dict_private.h"
#include <stdint.h>

/* ---- the records of the format ------------------------------------------------- */

typedef struct img_section { uint32_t id, elem; uint64_t offset, count; } img_section;
typedef struct img_name { uint64_t off, len; } img_name; /* NUL-terminated, in SEC_NAMES */

typedef struct img_meta {
    uint32_t syntax, kind, strict, reserved; /* the load options recorded     */
    int64_t compiled_at;                     /* seconds since the epoch        */
} img_meta;

typedef struct img_source {
    img_name path;                  /* resolved path                          */
    int64_t size;                   /* -1: not a readable file when compiled  */
    int64_t mtime_sec, mtime_nsec;
    uint64_t hash;                  /* hash64 of the file's bytes             */
} img_source;

_Static_assert(sizeof(dict_counts) % sizeof(size_t) == 0, "dict_counts holds only size_t");
#define NCOUNTS (sizeof(dict_counts) / sizeof(size_t))

typedef struct img_file {
    img_name path;                  /* as the dictionary names it             */
    uint32_t syntax, kind;
    uint64_t counts[NCOUNTS];
} img_file;

/* The model's arrays in section order. */
enum { NVECS = 1 + DICT_PH_KINDS + 12 };
enum {
    SEC_META, SEC_NAMES, SEC_REQUESTED, SEC_SOURCES, SEC_FILES, SEC_OPTIONS,
    SEC_STR_BYTES, SEC_STR_OFFSETS, SEC_STR_LENS, SEC_STR_SLOTS,
    SEC_VECS, /* tokens, phrases of each kind, actors, ... project */
    SEC_COUNT = SEC_VECS + NVECS
};

/* Index of each model array, in section order (model_vecs() in
 * dict_image.c lists them in the same order). */
enum {
    V_TOKENS = 0, V_PHRASES = 1,
    V_ACTORS = 1 + DICT_PH_KINDS, V_ACTOR_CODES, V_AGENTS, V_SUBSTS, V_SUBST_VALUES,
    V_BLOCKS, V_VERBS, V_SYNSETS, V_TRANSFORMS, V_ISSUE_CATEGORIES, V_LABELS, V_PROJECT
};
_Static_assert(V_PROJECT + 1 == NVECS, "vec list and indices agree");

struct dict_image_map {
    void *base;
    size_t len;
    bool mapped;   /* munmap, else free ...                            */
    bool borrowed; /* ... unless the bytes belong to the caller        */
};

typedef struct img_view {
    const unsigned char *base;
    size_t len;
    const img_meta *meta;
    const char *names;
    size_t nnames;
    const img_name *requested;
    size_t nrequested;
    const img_source *sources;
    const img_file *files;
    size_t nfiles;
    const dict_options *options;
    const char *str_bytes;
    size_t nstr_bytes;
    const uint32_t *str_offsets, *str_lens, *slots;
    size_t nstrs, nslots;
    const void *vec[NVECS];
    size_t vec_n[NVECS];
} img_view;

/* A 64-bit hash: fast, and a flipped bit anywhere changes it. */
uint64_t img_hash64(const void *data, size_t len, uint64_t seed);

/* Writes the message into err (if any) and returns -1. */
int img_fail(char *err, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

typedef struct img_facts { int64_t size, mtime_sec, mtime_nsec; uint64_t hash; } img_facts;
/* Size, modification time and (when want_hash) the hash of a file's bytes.
 * Returns 0, or -1 when it cannot be read. */
int img_look_at(const char *path, bool want_hash, img_facts *f);
/* realpath(), or a copy of path when it cannot be resolved; NULL on OOM. */
char *img_resolve(const char *path);

/* Maps a file read-only.  *missing tells "no such file" from other errors. */
struct dict_image_map *img_map_file(const char *path, bool *missing, char *err, size_t cap);
void img_unmap(struct dict_image_map *m);

/* Header, checksum, section table, load options and names: cheap, and
 * enough for the cache to decide before the content is validated. */
int img_parse(const unsigned char *base, size_t len, img_view *v, char *err, size_t cap);
const char *img_name_at(const img_view *v, const img_name *n);
/* Every index, range, string id, enum and bool of the model (dict_image_check.c). */
int img_check_model(const img_view *v, char *err, size_t cap);
/* Validates the model in v and points d into it, taking over the map; on
 * failure d and the map are untouched. */
int img_attach(dyad_dict *d, struct dict_image_map *map, const img_view *v, char *err, size_t cap);
bool img_dict_empty(const dyad_dict *d);

#endif
