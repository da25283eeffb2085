/* fuzz_read_gz.c -- the readers on gzip-compressed files.  Byte 0 picks
 * the input format; when its bit 7 is clear the rest is compressed with
 * zlib before it is written (valid gzip data with hostile content),
 * otherwise it is written as it is behind a gzip magic (damaged gzip
 * data).  Every document must be read or skipped with a message. */
#include "dyad.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

static char path[64];

static void quiet(const dyad_diag *d, void *user)
{
    (void)d;
    (void)user;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(path, sizeof path, "/tmp/dyad-fuzz-gz-%ld.gz", (long)getpid());
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    if (data[0] & 0x80) {
        FILE *f = fopen(path, "wb");
        if (!f) return 0;
        fputc(0x1f, f);
        fputc(0x8b, f);
        fwrite(data + 1, 1, size - 1, f);
        fclose(f);
    } else {
        gzFile g = gzopen(path, "wb");
        if (!g) return 0;
        if (size > 1) gzwrite(g, data + 1, (unsigned)(size - 1));
        gzclose(g);
    }
    dyad_reader *r = dyad_reader_open_file(path, (dyad_format)(data[0] % 5), quiet, NULL);
    if (r) {
        dyad_document doc;
        size_t n = 0;
        while (dyad_reader_next(r, &doc)) {
            if (doc.len && !doc.text) abort();
            n++;
        }
        dyad_reader_close(r);
    }
    unlink(path);
    return 0;
}
