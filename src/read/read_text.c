/*
 * read_text.c -- plain text: the whole input is one article, as a user
 * pastes it from a news site.  Its bytes are kept exactly (a leading byte
 * order mark was already skipped by the source) so that offsets are
 * offsets into the file.
 */
#include "reader.h"

static bool only_whitespace(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
            return false;
    }
    return true;
}

int text_next(dyad_reader *r, dyad_document *doc)
{
    if (r->finished) return 0;
    r->finished = true;
    reader_clear_record(r);
    bool too_big = false;
    for (;;) {
        size_t n = r->end - r->pos;
        if (!too_big && r->text.len + n > r->max_record) {
            /* The input is one document, so nothing after this point can
             * be used: stop reading rather than buffer it. */
            too_big = true;
            sbuf_free(&r->text);
        }
        if (!too_big && sbuf_append(&r->text, r->data + r->pos, n)) {
            reader_skip(r, 1, r->text_id, "out of memory reading the document");
            sbuf_free(&r->text);
            return 0;
        }
        r->pos = r->end;
        if (too_big) break;
        if (!src_refill(r)) break;
    }
    if (too_big) {
        reader_skip(r, 1, r->text_id, "document larger than %zu bytes",
                    r->max_record);
        return 0;
    }
    if (only_whitespace(r->text.data ? r->text.data : "", r->text.len)) {
        reader_report(r, DYAD_NOTE, 0, r->text_id, "empty input: no document");
        return 0;
    }
    if (sbuf_append(&r->id, r->text_id, strlen(r->text_id))) {
        reader_skip(r, 1, r->text_id, "out of memory reading the document");
        return 0;
    }
    reader_fill_document(r, doc, 1);
    doc->is_sentence = 0;
    return 1;
}
