/*
 * html.h -- web pages in, article text out (src/html/).
 *
 *   html_charset.c   which charset a page is in, and its conversion to
 *                    UTF-8 with a map back to the page's bytes (iconv)
 *   html_extract.c   HTML5 parsing (libgumbo), metadata, and the choice of
 *                    the article's text among menus, comments and ads
 *   html_lang.c      a cheap guess of the text's language from stopwords
 *                    and scripts
 *
 * Why libgumbo rather than libxml2's HTML parser: gumbo implements the
 * HTML5 parsing algorithm, so a page gets the tree a browser gives it
 * (implied and misnested tags, tables, foster parenting) -- which is the
 * tree the article-extraction benchmarks were annotated on -- and every
 * text node keeps its byte offset and original text in the input, which
 * the map from extracted text back to page bytes needs.  libxml2's HTML
 * parser follows HTML 4 error recovery and reports only line numbers.
 * gumbo's own limits are covered here: its memory comes from our arena
 * (freed at once, so no recursive tree destruction), and nesting beyond
 * HTML_MAX_DEPTH is flattened before it parses (its scope checks walk the
 * stack of open elements, so very deep nesting would be quadratic).
 */
#ifndef DYAD_HTML_H
#define DYAD_HTML_H

#include "../internal.h"

/* Pages are parsed up to this many bytes; the rest of a larger page is
 * not looked at (reported as a warning).  Real article pages are below
 * 3 MB; the cap bounds gumbo's memory (about 10 bytes per input byte). */
#define HTML_MAX_PAGE ((size_t)16 << 20)
/* Memory gumbo may take for one page; a page that needs more is parsed
 * again from its first quarter (html_page.parse_cut), then given up. */
#define HTML_PARSE_BUDGET ((size_t)384 << 20)
/* Element nesting kept; deeper tags are blanked out (their text stays). */
#define HTML_MAX_DEPTH 400

/* ---- charset (html_charset.c) ------------------------------------------ */

/* The charset a page declares: a byte order mark, then `hint` (an HTTP
 * Content-Type's charset, may be NULL), then <meta charset> or
 * <meta http-equiv content="...; charset=..."> in the first 4 KB.
 * Writes a lower-case name ("" when nothing is declared) to name. */
void html_declared_charset(const char *page, size_t len, const char *hint,
                           char name[40]);

/* True for "" (nothing declared) and the names of UTF-8. */
bool html_charset_is_utf8(const char *name);

/* Converts page[0, len) from charset to UTF-8 into out, appending to map
 * one anchor (text = offset in out, source = offset in page) wherever the
 * byte-to-byte correspondence changes.  Bytes that are invalid in the
 * charset become U+FFFD and are counted in *invalid.  Returns 0, or -1
 * when iconv does not know the charset (nothing is written). */
int html_convert(const char *page, size_t len, const char *charset, sbuf *out,
                 sbuf *map, size_t *invalid);

/* ---- language (html_lang.c) -------------------------------------------- */

/* ISO 639-1 code of the language text is most likely in ("en", "de",
 * "ko", ...), or "" when it is too short or unclear to tell. */
const char *html_guess_language(const char *text, size_t len);

/* ---- extraction (html_extract.c) --------------------------------------- */

typedef struct html_extractor html_extractor;

html_extractor *html_extractor_new(void);
void html_extractor_free(html_extractor *x);

/* What one page gave; pointers belong to the extractor and live until its
 * next html_extract(). */
typedef struct html_page {
    const char *text;        /* title, blank line, paragraphs; NUL-ended   */
    size_t len;
    size_t body;             /* offset where the paragraphs start          */
    const dyad_anchor *anchors;
    size_t nanchors;
    const char *title;       /* NULL when absent (also for the rest)       */
    const char *url;         /* canonical URL                              */
    const char *outlet;      /* site name                                  */
    const char *declared_language; /* <html lang>, lower case             */
    char date[11];           /* publication date, "" when not found       */
    const char *language;    /* html_guess_language of the text            */
    char charset[40];        /* what the page was decoded from             */
    bool unknown_charset;    /* declared but not known to iconv            */
    size_t invalid_bytes;    /* bytes invalid in that charset (replaced)  */
    size_t flattened_tags;   /* tags beyond HTML_MAX_DEPTH, ignored        */
    bool truncated;          /* page longer than HTML_MAX_PAGE             */
    size_t parse_cut;        /* nonzero: only this many bytes were parsed
                                (the whole needed more than the budget)   */
    bool too_complex;        /* even that was over budget: no text         */
} html_page;

/* Extracts the article of page[0, len).  `charset` is the HTTP header's
 * charset or NULL; `url` the address the page was fetched from or NULL.
 * Returns 0, or -1 when memory ran out. */
int html_extract(html_extractor *x, const char *page, size_t len,
                 const char *charset, const char *url, html_page *out);

/* ---- shared with the WARC reader ----------------------------------------- */

/* "YYYY-MM-DD" from the start of an ISO 8601 date or timestamp
 * ("2019-11-25", "2019-11-25T10:00:00Z", "20191125"); false when s is not
 * one. */
bool html_iso_date(const char *s, size_t n, char out[11]);

#endif
