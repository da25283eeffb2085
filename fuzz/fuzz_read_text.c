/* fuzz_read_text.c -- the plain-text reader on arbitrary bytes.
 *
 * This file also holds the driver shared by the other reader targets
 * (fuzz_read_jsonl.c, ...), which define FUZZ_READ_FORMAT and include it.
 * Each input is read twice: from memory, as dyad_reader_open_memory sees
 * it, and from a stream in tiny chunks.  Both readings must agree exactly,
 * or a record that straddles a chunk boundary is read wrongly. */
#include "dyad.h"
#include "read/reader.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef FUZZ_READ_FORMAT
#define FUZZ_READ_FORMAT DYAD_FORMAT_TEXT
#endif

/* A running FNV-1a digest of everything a reading delivered. */
typedef struct digest {
    uint64_t h;
    size_t docs, diags;
} digest;

static void mix(digest *d, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) d->h = (d->h ^ s[i]) * 0x100000001b3ull;
    d->h = (d->h ^ 0xff) * 0x100000001b3ull; /* field separator */
}

static void mix_str(digest *d, const char *s)
{
    if (s) mix(d, s, strlen(s));
    else mix(d, "\0null", 5);
}

static void on_diag(const dyad_diag *diag, void *user)
{
    digest *d = user;
    if (!diag->file || !diag->message || !diag->message[0]) abort();
    d->diags++;
    mix(d, &diag->severity, sizeof diag->severity);
    mix(d, &diag->line, sizeof diag->line);
    mix_str(d, diag->record);
    mix_str(d, diag->message);
}

static void read_everything(dyad_reader *r, digest *d, size_t input_len)
{
    if (!r) return;
    dyad_document doc;
    while (dyad_reader_next(r, &doc)) {
        /* The invariants every later stage relies on. */
        if (!doc.id || !doc.text || !doc.file || doc.text[doc.len] != 0) abort();
        if (doc.parse && doc.parse[doc.parse_len] != 0) abort();
        if (doc.date[0] && strlen(doc.date) != 10) abort();
        if (doc.format != FUZZ_READ_FORMAT) abort();
        /* JSON escapes can grow text (\u0800 -> 3 bytes from 6), but no
         * reader can invent more bytes than it was given. */
        if (doc.len > input_len) abort();
        d->docs++;
        mix(d, doc.text, doc.len);
        mix_str(d, doc.id);
        mix_str(d, doc.title);
        mix_str(d, doc.url);
        mix_str(d, doc.source);
        mix(d, doc.date, sizeof doc.date);
        if (doc.parse) mix(d, doc.parse, doc.parse_len);
        mix(d, &doc.line, sizeof doc.line);
        mix(d, &doc.is_sentence, sizeof doc.is_sentence);
    }
    size_t skipped = dyad_reader_skipped(r), warnings = dyad_reader_warnings(r);
    mix(d, &skipped, sizeof skipped);
    mix(d, &warnings, sizeof warnings);
    dyad_reader_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* gzip input is inflated by every reader: its documents may be
     * longer than the input. */
    size_t limit = size >= 2 && data[0] == 0x1f && data[1] == 0x8b ? SIZE_MAX : size;
    digest from_memory = {0xcbf29ce484222325ull, 0, 0};
    read_everything(dyad_reader_open_memory("<memory>", (const char *)data, size,
                                            FUZZ_READ_FORMAT, on_diag, &from_memory),
                    &from_memory, limit);

    FILE *fp = tmpfile();
    if (!fp) return 0;
    if (size && fwrite(data, 1, size, fp) != size) {
        fclose(fp);
        return 0;
    }
    rewind(fp);
    size_t chunk = 1 + (size ? data[size / 2] % 13 : 0);
    digest from_stream = {0xcbf29ce484222325ull, 0, 0};
    read_everything(reader_open_stream(fp, true, "<memory>", FUZZ_READ_FORMAT, chunk,
                                       on_diag, &from_stream),
                    &from_stream, limit);
    if (from_memory.h != from_stream.h || from_memory.docs != from_stream.docs ||
        from_memory.diags != from_stream.diags)
        abort();
    return 0;
}
