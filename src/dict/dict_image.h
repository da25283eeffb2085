/*
 * dict_image.h -- compiled dictionaries.  A loaded dyad_dict is written to
 * one versioned, checksummed binary image; loading the image maps it
 * read-only and points the dictionary's arrays into the map, so a large
 * dictionary set is ready in a few milliseconds instead of being parsed
 * again.  dict_load_cached() uses images in place of the text files they
 * were compiled from whenever they are still right, and rebuilds them when
 * they are not.  Prefix: dict_image_, dict_load_cached.
 *
 * The format, the validation and the cache's decision rules are described
 * in docs/dictionaries.md ("Compiled images").  An image is never trusted:
 * every offset, count, index and enum in it is checked against the image
 * before use, and a corrupt, truncated, foreign or other-version file is
 * rejected with a message saying why.
 */
#ifndef DYAD_DICT_IMAGE_H
#define DYAD_DICT_IMAGE_H

#include "dict.h"

/* Bumped whenever the layout of the file changes. */
#define DICT_IMAGE_FORMAT 1
/* Suffix of the images dict_load_cached() names by itself. */
#define DICT_IMAGE_SUFFIX DYAD_IMAGE_SUFFIX

/* How the dictionary in an image was loaded: the files the caller named
 * and the options that change what the readers produce.  Recorded in the
 * image so that the cache can tell whether the image answers a request. */
typedef struct dict_image_request {
    const char *const *paths;     /* as given; recorded resolved (realpath) */
    size_t npaths;
    const dict_load_options *opt; /* syntax, kind and strict; may be NULL   */
} dict_image_request;

/* Serialises d into a malloc'd buffer (*out, *len).  Each file d was read
 * from is looked at now (size, modification time, a hash of its bytes) and
 * recorded; files that cannot be read (in-memory names) are recorded as
 * such and make the image never fresh for the cache.  Returns 0, -1 when
 * memory ran out or d is too large for the format (err says which). */
int dict_image_build(const dyad_dict *d, const dict_image_request *req, void **out, size_t *len,
                     char *err, size_t errcap);

/* The same for an image compiled into the binary (dict_index_image.c):
 * no source facts, resolved paths or compile time, so that two builds of
 * one tree give the same bytes; the cache never considers such an image. */
int dict_image_build_embedded(const dyad_dict *d, void **out, size_t *len, char *err, size_t errcap);

/* The same written to path atomically: a temporary file beside it, then
 * rename(2), so readers see the old image or the new one, never half. */
int dict_image_write(const dyad_dict *d, const dict_image_request *req, const char *path,
                     char *err, size_t errcap);

/* Loads an image into d, which must be empty (fresh from dict_new()).
 * From a file the image is mapped read-only; from memory the bytes are
 * copied.  Returns 0, or -1 with the reason in err (d is left empty). */
int dict_image_load(dyad_dict *d, const char *path, char *err, size_t errcap);
int dict_image_load_memory(dyad_dict *d, const void *data, size_t len, char *err, size_t errcap);
/* The same without the copy, for bytes that outlive d and are never
 * written or freed by it (an image compiled into the binary): data must
 * be aligned to 8 bytes. */
int dict_image_load_static(dyad_dict *d, const void *data, size_t len, char *err, size_t errcap);

/* True when the file starts with the image magic (a cheap test to tell an
 * image from a text dictionary). */
bool dict_image_sniff(const char *path);

/* Size in bytes of the image d was loaded from (0 if none). */
size_t dict_image_bytes(const dyad_dict *d);

/* Recomputes the checksum of an image in place.  For tests and the fuzzer:
 * a mutated image sealed again reaches the validation of its content. */
void dict_image_seal(void *image, size_t len);

/* ---- the cache ------------------------------------------------------------- */

typedef enum dict_cache_outcome {
    DICT_CACHE_USED,     /* a fresh image was loaded                        */
    DICT_CACHE_REBUILT,  /* the text was read and the image (re)written     */
    DICT_CACHE_TEXT      /* the text was read; no image could be written    */
} dict_cache_outcome;

typedef struct dict_cache_report {
    dict_cache_outcome outcome;
    char image[4096];    /* the image path considered                       */
    char why[512];       /* why the image was not used, or not written      */
} dict_cache_report;

/* The image path for a set of sources.  cache_path NULL: beside the first
 * source; an existing directory, or a path ending in '/' (a directory made
 * if missing, one level): inside it; any other path: that file.  The generated name is the first source's name,
 * a hash of all resolved source paths, and DICT_IMAGE_SUFFIX.  Returns 0,
 * -1 when it does not fit in cap. */
int dict_image_path_for(const char *const *paths, size_t n, const char *cache_path, char *out,
                        size_t cap);

/* Loads the dictionary files paths[0..n) into d (which must be empty for
 * an image to be used): from their image when it is fresh (see
 * docs/dictionaries.md), otherwise from the text, then writes the image
 * atomically for next time.  Stale or corrupt images are reported through
 * opt->diag as notes or warnings and rebuilt.  Returns like
 * dict_load_file(): 0 when every file was read, -1 when one could not be
 * read or a strict load stopped.  report may be NULL. */
int dict_load_cached(dyad_dict *d, const char *const *paths, size_t n,
                     const dict_load_options *opt, const char *cache_path);
int dict_load_cached_report(dyad_dict *d, const char *const *paths, size_t n,
                            const dict_load_options *opt, const char *cache_path,
                            dict_cache_report *report);

/* ---- used by dict.c ------------------------------------------------------------ */

/* Copies the arrays that point into the image to the heap, so the
 * dictionary can grow (a text file loaded after an image).  Strings stay
 * in the map, which lives until dict_free().  0, or -1 on OOM. */
int dict_image_detach(dyad_dict *d);
/* Drops everything that points into the image and unmaps it. */
void dict_image_release(dyad_dict *d);

#endif
