/* fuzz_html.c -- the HTML reader and extractor on arbitrary bytes (also
 * the driver of fuzz_warc.c, which defines FUZZ_WEB_FORMAT).
 *
 * Each input is read from memory and from a stream in tiny chunks; both
 * readings must agree exactly.  Every document must keep the invariants
 * later stages and users rely on: NUL-terminated text, anchors sorted by
 * text offset starting at 0, and source offsets inside the page. */
#include "dyad.h"
#include "read/reader.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef FUZZ_WEB_FORMAT
#define FUZZ_WEB_FORMAT DYAD_FORMAT_HTML
#endif

typedef struct digest {
    uint64_t h;
    size_t docs, diags;
} digest;

static void mix(digest *d, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) d->h = (d->h ^ s[i]) * 0x100000001b3ull;
    d->h = (d->h ^ 0xff) * 0x100000001b3ull;
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

static void check(const dyad_document *doc)
{
    if (!doc->id || !doc->text || doc->text[doc->len] != 0) abort();
    if (doc->date[0] && strlen(doc->date) != 10) abort();
    if (doc->format != FUZZ_WEB_FORMAT) abort();
    if (!doc->language) abort();
    if (doc->nanchors == 0 || doc->anchors[0].text != 0) abort();
    for (size_t i = 0; i < doc->nanchors; i++) {
        if (i && doc->anchors[i].text <= doc->anchors[i - 1].text) abort();
        if (doc->anchors[i].text > doc->len) abort();
    }
    for (size_t i = 0; i <= doc->len; i += 1 + doc->len / 64)
        if (dyad_source_offset(doc, i) > doc->source_len) abort();
}

static void read_everything(dyad_reader *r, digest *d)
{
    if (!r) return;
    dyad_reader_accept_all_languages(r, d->docs & 1 ? 0 : 1);
    dyad_document doc;
    while (dyad_reader_next(r, &doc)) {
        check(&doc);
        d->docs++;
        mix(d, doc.text, doc.len);
        mix_str(d, doc.id);
        mix_str(d, doc.title);
        mix_str(d, doc.url);
        mix_str(d, doc.source);
        mix_str(d, doc.language);
        mix(d, doc.date, sizeof doc.date);
        mix(d, doc.anchors, doc.nanchors * sizeof *doc.anchors);
        mix(d, &doc.line, sizeof doc.line);
    }
    size_t counts[4] = {dyad_reader_skipped(r), dyad_reader_warnings(r),
                        dyad_reader_other_language(r), dyad_reader_passed_over(r)};
    mix(d, counts, sizeof counts);
    dyad_reader_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    digest from_memory = {0xcbf29ce484222325ull, 0, 0};
    read_everything(dyad_reader_open_memory("<memory>", (const char *)data, size, FUZZ_WEB_FORMAT,
                                            on_diag, &from_memory),
                    &from_memory);
    FILE *fp = tmpfile();
    if (!fp) return 0;
    if (size && fwrite(data, 1, size, fp) != size) {
        fclose(fp);
        return 0;
    }
    rewind(fp);
    size_t chunk = 1 + (size ? data[size / 2] % 13 : 0);
    digest from_stream = {0xcbf29ce484222325ull, 0, 0};
    read_everything(reader_open_stream(fp, true, "<memory>", FUZZ_WEB_FORMAT, chunk, on_diag,
                                       &from_stream),
                    &from_stream);
    if (from_memory.h != from_stream.h || from_memory.docs != from_stream.docs ||
        from_memory.diags != from_stream.diags)
        abort();
    return 0;
}
