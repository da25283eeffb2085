/* fuzz_store.c -- the event store on damaged database files.  The input is
 * a recipe applied to a valid store holding a few coded documents:
 *
 *   byte 0      flags: 1 use the input itself as the file, 2 cut the file
 *               to the length in bytes 1-2 (times 16)
 *   bytes 3...  edits of 4 bytes: a 24-bit offset (modulo the file size)
 *               and a byte to store there
 *
 * Opening must refuse the file with a message or give a store that
 * queries (every filter) and stats survive, read-only or not. */
#include "dyad.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];
static unsigned char *base;
static size_t base_len;

static const char docs[] =
    "{\"id\":\"a\",\"date\":\"2024-03-01\",\"url\":\"u\",\"source\":\"s\",\"text\":\"Russia attacked Ukraine "
    "near Kharkiv. France criticised Russia, the minister said.\"}\n"
    "{\"id\":\"b\",\"date\":\"2024-03-02\",\"text\":\"\\\"We will meet them,\\\" Biden said of China.\"}\n";

static void quiet(const dyad_diag *d, void *user)
{
    (void)d;
    (void)user;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "/tmp/dyad-fuzz-store-XXXXXX");
    if (!mkdtemp(dir)) abort();
    char path[128];
    snprintf(path, sizeof path, "%s/base.db", dir);
    dyad_coder_config cfg = {.builtin = 1};
    dyad_coder *c = dyad_coder_new(&cfg);
    dyad_coder_work *w = dyad_coder_work_new(c, NULL);
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    dyad_store *s = dyad_store_open(path, DYAD_STORE_CREATE, quiet, NULL);
    dyad_reader *r = dyad_reader_open_memory("m", docs, strlen(docs), DYAD_FORMAT_JSONL, NULL, NULL);
    if (!c || !w || !p || !s || !r) abort();
    dyad_document doc;
    while (dyad_reader_next(r, &doc)) {
        dyad_analysis a;
        const dyad_event *ev;
        size_t n;
        if (dyad_analyze(p, &doc, &a) || dyad_code(w, &a, &ev, &n) || dyad_store_put(s, &a, ev, n, NULL)) abort();
    }
    dyad_reader_close(r);
    if (dyad_store_close(s)) abort();
    dyad_pipeline_free(p);
    dyad_coder_work_free(w);
    dyad_coder_free(c);
    FILE *f = fopen(path, "rb");
    if (!f) abort();
    fseek(f, 0, SEEK_END);
    base_len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    base = malloc(base_len);
    if (!base || fread(base, 1, base_len, f) != base_len) abort();
    fclose(f);
    return 0;
}

static void exercise(const char *path, unsigned flags)
{
    dyad_store *s = dyad_store_open(path, flags, quiet, NULL);
    if (!s) return;
    FILE *out = fopen("/dev/null", "w");
    dyad_query q;
    memset(&q, 0, sizeof q);
    dyad_store_query(s, &q, DYAD_ROWS_JSONL, out);
    q.actor = "RUS";
    q.unique = 1;
    q.copies = 1;
    dyad_store_query(s, &q, DYAD_ROWS_CSV, out);
    memset(&q, 0, sizeof q);
    q.text = "Russia";
    q.from = "2024-01-01";
    q.source = "FRA";
    q.both = 1;
    dyad_store_query(s, &q, DYAD_ROWS_TSV, out);
    dyad_store_stats(s, out, 5);
    fclose(out);
    dyad_store_close(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3) return 0;
    unsigned flags = data[0];
    unsigned char *img;
    size_t len;
    if (flags & 1) {
        len = size - 3;
        img = malloc(len ? len : 1);
        if (!img) return 0;
        memcpy(img, data + 3, len);
    } else {
        len = base_len;
        img = malloc(len);
        if (!img) return 0;
        memcpy(img, base, len);
        for (size_t i = 3; i + 4 <= size; i += 4) {
            size_t off = ((size_t)data[i] | (size_t)data[i + 1] << 8 | (size_t)data[i + 2] << 16) % len;
            img[off] = data[i + 3];
        }
        if (flags & 2) {
            size_t cut = ((size_t)data[1] | (size_t)data[2] << 8) * 16;
            if (cut < len) len = cut;
        }
    }
    char path[128], side[160];
    snprintf(path, sizeof path, "%s/t.db", dir);
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(img, 1, len, f);
        fclose(f);
        exercise(path, DYAD_STORE_READONLY);
        exercise(path, 0);
    }
    free(img);
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    return 0;
}
