/*
 * html.h -- web pages in, article text out (src/html/).
 *
 *   html_charset.c   which charset a page is in, and its conversion to
 *                    UTF-8 with a map back to the page's bytes (iconv)
 *   html_parse.c     libxml2's HTML parser through SAX, building a small
 *                    tree whose text nodes keep their byte spans
 *   html_extract.c   metadata, and the choice of the article's text among
 *                    menus, comments and ads
 *   html_lang.c      a cheap guess of the text's language from stopwords
 *                    and scripts
 *
 * Why libxml2's HTML parser rather than libgumbo: speed, measured on
 * extraction-dev's 121 pages (bench/run.sh): after the cuts of
 * html_extract.c, gumbo took 0.114 s of CPU for the pages' 21.5 MB and
 * libxml2 under SAX 0.029 s; the whole extraction went from 132-144 to
 * about 275 MB/s (issue 12 asks for 20 times readability-lxml's 8 MB/s).  gumbo builds the
 * HTML5 tree a browser builds, libxml2 recovers from broken markup by
 * HTML 4's rules (no foster parenting; a <p> is closed by fewer elements);
 * the extractor only needs the text cut at block-level elements and their
 * nesting roughly right, and on extraction-dev the two gave the same text
 * and metadata on all 121 pages (tests/extract.sh: F1 0.967).  libxml2 reports no byte offsets, so the tree is our
 * own, built from SAX events with the parser's input position
 * (html_parse.c).  Its limits are covered here: the input is valid UTF-8
 * without NUL or control bytes (libxml2 would switch to Latin-1 or stop),
 * nesting beyond HTML_MAX_DEPTH is flattened before it parses, and the
 * tree's memory comes from our arena under a budget.
 */
#ifndef DYAD_HTML_H
#define DYAD_HTML_H

#include "../internal.h"

/* Pages are parsed up to this many bytes; the rest of a larger page is
 * not looked at (reported as a warning).  Real article pages are below
 * 3 MB; the cap bounds the parser's memory. */
#define HTML_MAX_PAGE ((size_t)16 << 20)
/* Memory the tree may take for one page; a page that needs more is parsed
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

/* ---- the tree (html_parse.c) ------------------------------------------- */

/* The elements the extractor tells apart; all others are HT_UNKNOWN. */
typedef enum html_tag {
    HT_UNKNOWN, HT_A, HT_ADDRESS, HT_ARTICLE, HT_ASIDE, HT_AUDIO, HT_BLOCKQUOTE, HT_BODY,
    HT_BR, HT_BUTTON, HT_CANVAS, HT_CAPTION, HT_CENTER, HT_DD, HT_DETAILS, HT_DIR, HT_DIV,
    HT_DL, HT_DT, HT_EMBED, HT_FIELDSET, HT_FIGCAPTION, HT_FIGURE, HT_FOOTER, HT_FORM,
    HT_H1, HT_H2, HT_H3, HT_H4, HT_H5, HT_H6, HT_HEAD, HT_HEADER, HT_HGROUP, HT_HR, HT_HTML,
    HT_IFRAME, HT_INPUT, HT_LABEL, HT_LEGEND, HT_LI, HT_LINK, HT_MAIN, HT_MAP, HT_MATH,
    HT_MENU, HT_META, HT_NAV, HT_NOSCRIPT, HT_OBJECT, HT_OL, HT_OPTION, HT_P, HT_PRE,
    HT_SCRIPT, HT_SECTION, HT_SELECT, HT_STYLE, HT_SUMMARY, HT_SVG, HT_TABLE, HT_TBODY,
    HT_TD, HT_TEMPLATE, HT_TEXTAREA, HT_TFOOT, HT_TH, HT_THEAD, HT_TIME, HT_TITLE, HT_TR,
    HT_UL, HT_VIDEO
} html_tag;

/* The attributes kept on elements (the others are not read). */
typedef enum html_attr_key {
    HA_CLASS, HA_ID, HA_HREF, HA_ITEMPROP, HA_CONTENT, HA_PROPERTY, HA_NAME, HA_REL, HA_TYPE,
    HA_DATETIME, HA_LANG, HA_XML_LANG, HA_HIDDEN, HA_STYLE, HA_HTTP_EQUIV, HA_PUBDATE,
    HA_COUNT
} html_attr_key;

typedef struct html_attr {
    const char *value;     /* decoded, NUL-ended ("" for a bare name)     */
    uint8_t key;           /* html_attr_key                               */
} html_attr;

enum { HN_DOCUMENT, HN_ELEMENT, HN_TEXT };

typedef struct html_node {
    struct html_node *parent, *first, *last, *next;
    const char *text;      /* text: decoded, NUL-ended                    */
    uint32_t len;
    uint32_t src, src_end; /* text: its bytes in the parsed buffer;
                              element: the offset of its '<'              */
    html_attr *attrs;
    uint16_t nattrs;
    uint16_t tag;          /* html_tag                                    */
    uint8_t type;          /* HN_*                                        */
} html_node;

html_tag html_tag_of(const char *name);

/* Parses buf[0, len) -- UTF-8 without NUL or C0 control bytes but tab, LF
 * and CR -- into a tree in `a`; scratch is working memory.  Returns the
 * document node, or NULL with *over_budget set when the tree would take
 * more than `budget` bytes of the arena (or memory ran out). */
html_node *html_parse(arena *a, size_t budget, sbuf *scratch, const char *buf, size_t len,
                      bool *over_budget);

/* The value of attribute `key` of element n, or NULL. */
const char *html_attr_value(const html_node *n, html_attr_key key);

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
