/* dict_builtin.c -- loading the embedded dictionaries (dict_builtin.h). */
#include "dict/dict.h"
#include "dict/dict_builtin.h"

int dict_load_builtin(dyad_dict *d, const dict_load_options *opt)
{
    int status = 0;
    for (size_t i = 0; i < dict_builtin_count; i++) {
        const dict_builtin_file *f = &dict_builtin_files[i];
        /* Kind and syntax come from the name (".actors", ".verbs", ...),
         * as for files on disk. */
        if (dict_load_memory(d, f->name, f->data, f->len, opt) != 0) status = -1;
    }
    return status;
}
