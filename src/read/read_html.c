/*
 * read_html.c -- a web page is one document: its article text, extracted
 * by src/html/, with the page's metadata and the map back to its bytes.
 * The WARC reader hands each HTML response through html_document() too.
 */
#include "reader.h"
#include "html/html.h"

int html_document(dyad_reader *r, dyad_document *doc, const char *page, size_t len,
                  size_t line, const char *record, const char *charset, const char *url,
                  const char *date)
{
    if (!r->html && !(r->html = html_extractor_new())) {
        reader_skip(r, line, record, "out of memory reading the page");
        return 0;
    }
    html_page p;
    if (html_extract(r->html, page, len, charset, url, &p)) {
        reader_skip(r, line, record, "out of memory extracting the page's text");
        return 0;
    }
    if (p.too_complex) {
        reader_skip(r, line, record, "page too complex to parse in %zu MB: skipped",
                    HTML_PARSE_BUDGET >> 20);
        return 0;
    }
    if (p.parse_cut)
        reader_report(r, DYAD_WARNING, line, record,
                      "page too complex to parse in %zu MB: only its first %zu bytes were read",
                      HTML_PARSE_BUDGET >> 20, p.parse_cut);
    if (p.truncated)
        reader_report(r, DYAD_WARNING, line, record,
                      "page longer than %zu MB: only its first %zu MB were read",
                      HTML_MAX_PAGE >> 20, HTML_MAX_PAGE >> 20);
    if (p.unknown_charset)
        reader_report(r, DYAD_WARNING, line, record,
                      "unknown charset '%s': read as UTF-8", p.charset);
    if (p.invalid_bytes)
        reader_report(r, DYAD_WARNING, line, record,
                      "%zu bytes invalid in charset %s replaced by U+FFFD", p.invalid_bytes,
                      p.charset);
    if (p.flattened_tags)
        reader_report(r, DYAD_WARNING, line, record,
                      "%zu tags nested deeper than %d levels ignored", p.flattened_tags,
                      HTML_MAX_DEPTH);
    if (p.len == 0) {
        reader_report(r, DYAD_NOTE, line, record, "no text found in the page");
        return 0;
    }
    if (!r->all_languages && p.language[0] && strcmp(p.language, "en") != 0) {
        r->other_language++;
        reader_report(r, DYAD_NOTE, line, record, "page in another language (%s): skipped",
                      p.language);
        return 0;
    }
    sbuf *fields[] = {&r->title, &r->url, &r->source, &r->language};
    const char *values[] = {p.title, p.url, p.outlet, p.language};
    for (size_t i = 0; i < 4; i++) {
        sbuf_clear(fields[i]);
        if (values[i] && sbuf_append(fields[i], values[i], strlen(values[i]) + 1)) {
            reader_skip(r, line, record, "out of memory reading the page");
            return 0;
        }
    }
    memset(doc, 0, sizeof *doc);
    doc->id = r->id.data ? r->id.data : "";
    doc->text = p.text;
    doc->len = p.len;
    doc->file = r->name;
    doc->line = line;
    doc->format = r->format;
    doc->title = p.title ? r->title.data : NULL;
    doc->url = p.url ? r->url.data : NULL;
    doc->source = p.outlet ? r->source.data : NULL;
    doc->language = r->language.data;
    doc->anchors = p.anchors;
    doc->nanchors = p.nanchors;
    doc->source_len = len;
    if (p.date[0]) memcpy(doc->date, p.date, 11);
    else if (date && date[0]) memcpy(doc->date, date, 11);
    return 1;
}

int html_next(dyad_reader *r, dyad_document *doc)
{
    if (r->finished) return 0;
    r->finished = true;
    reader_clear_record(r);
    sbuf_clear(&r->page);
    size_t cap = r->max_record < HTML_MAX_PAGE ? r->max_record : HTML_MAX_PAGE;
    size_t dropped = 0;
    for (;;) {
        size_t n = r->end - r->pos;
        size_t take = r->page.len + n > cap ? cap - r->page.len : n;
        if (take && sbuf_append(&r->page, r->data + r->pos, take)) {
            reader_skip(r, 1, r->text_id, "out of memory reading the page");
            sbuf_free(&r->page);
            return 0;
        }
        dropped += n - take;
        r->pos = r->end;
        /* Past the cap nothing more is used: stop reading (a gzip bomb
         * ends here too). */
        if (dropped) break;
        if (!src_refill(r)) break;
    }
    if (dropped)
        reader_report(r, DYAD_WARNING, 1, r->text_id,
                      "page longer than %zu bytes: only its first %zu bytes were read", cap,
                      cap);
    if (sbuf_append(&r->id, r->text_id, strlen(r->text_id) + 1)) {
        reader_skip(r, 1, r->text_id, "out of memory reading the page");
        return 0;
    }
    return html_document(r, doc, r->page.data ? r->page.data : "", r->page.len, 1, r->text_id,
                         r->http_charset[0] ? r->http_charset : NULL, NULL, "");
}
