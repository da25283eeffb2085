/* fuzz_import.c -- dyad import on arbitrary files: the first byte picks
 * the format (GDELT, Phoenix, ICEWS, dyad's JSON Lines), the rest is the file.
 * Every row must be stored or skipped with a message; the store must stay
 * queryable. */
#include "dyad.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static void quiet(const dyad_diag *d, void *user)
{
    (void)d;
    (void)user;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "/tmp/dyad-fuzz-import-XXXXXX");
    if (!mkdtemp(dir)) abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    char path[128], db[128], side[160];
    snprintf(path, sizeof path, "%s/rows", dir);
    snprintf(db, sizeof db, "%s/s.db", dir);
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data + 1, 1, size - 1, f);
    fclose(f);
    dyad_store *s = dyad_store_open(db, DYAD_STORE_CREATE, quiet, NULL);
    if (s) {
        dyad_import_result r;
        dyad_store_import(s, path, (dyad_import_format)(data[0] % 4), &r);
        FILE *out = fopen("/dev/null", "w");
        dyad_query q;
        memset(&q, 0, sizeof q);
        q.unique = 1;
        dyad_store_query(s, &q, DYAD_ROWS_CSV, out);
        dyad_store_stats(s, out, 3);
        fclose(out);
        dyad_store_close(s);
    }
    unlink(path);
    unlink(db);
    snprintf(side, sizeof side, "%s-wal", db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db);
    unlink(side);
    return 0;
}
