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

#endif
