/*
 * dict_builtin.h -- dyad's own dictionaries (the files under dict/),
 * embedded in the library at build time by tools/gen_embed.c, so that
 * `dyad code` works out of the box with nothing installed beside it.
 */
#ifndef DYAD_DICT_BUILTIN_H
#define DYAD_DICT_BUILTIN_H

#include <stddef.h>

typedef struct dict_builtin_file {
    const char *name;  /* path as in the source tree: "dict/verbs/04-consult.verbs" */
    const char *data;  /* the file's bytes, followed by a NUL not counted in len */
    size_t len;
} dict_builtin_file;

/* Sorted by name; dict_builtin_count entries then a {NULL} sentinel. */
extern const dict_builtin_file dict_builtin_files[];
extern const size_t dict_builtin_count;

/* The same files loaded as dyad_coder_new() loads them and compiled with
 * their index (ix_image_build, dict_index.h), generated at build time by
 * tools/gen_dict_image.c into builtin_image.c: `dyad code` starts from
 * this instead of parsing the text above and expanding its patterns.
 * Aligned to 16 bytes; dict_builtin_image_len is 0 in the generator
 * itself, which links a stub. */
extern const unsigned char dict_builtin_image[];
extern const size_t dict_builtin_image_len;

#endif
