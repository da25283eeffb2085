/*
 * html_parse.c -- libxml2's HTML parser, driven through SAX, building the
 * small tree the extractor walks.
 *
 * Why our own tree and not libxml2's: libxml2's text nodes carry no byte
 * offsets (only line numbers), and the map from extracted text back to
 * page bytes needs them.  Under SAX the parser's input position is known
 * at every event, so each text node here keeps the span of the buffer it
 * came from; the decoded text is aligned with that span later
 * (html_extract.c: entities and CR LF are where the two differ).  The
 * nodes, the attributes the extractor reads, and the text live in the
 * caller's arena: one reset frees a page, nothing is freed per node, and
 * a page that needs more than the budget stops the parser.
 */
#include "html.h"
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

/* ---- names ------------------------------------------------------------------ */

/* Sorted by name, for bsearch; libxml2 hands element names lower-cased. */
static const struct tag_name {
    const char *name;
    html_tag tag;
} TAGS[] = {
    {"a", HT_A}, {"address", HT_ADDRESS}, {"article", HT_ARTICLE}, {"aside", HT_ASIDE},
    {"audio", HT_AUDIO}, {"blockquote", HT_BLOCKQUOTE}, {"body", HT_BODY}, {"br", HT_BR},
    {"button", HT_BUTTON}, {"canvas", HT_CANVAS}, {"caption", HT_CAPTION},
    {"center", HT_CENTER}, {"dd", HT_DD}, {"details", HT_DETAILS}, {"dir", HT_DIR},
    {"div", HT_DIV}, {"dl", HT_DL}, {"dt", HT_DT}, {"embed", HT_EMBED},
    {"fieldset", HT_FIELDSET}, {"figcaption", HT_FIGCAPTION}, {"figure", HT_FIGURE},
    {"footer", HT_FOOTER}, {"form", HT_FORM}, {"h1", HT_H1}, {"h2", HT_H2}, {"h3", HT_H3},
    {"h4", HT_H4}, {"h5", HT_H5}, {"h6", HT_H6}, {"head", HT_HEAD}, {"header", HT_HEADER},
    {"hgroup", HT_HGROUP}, {"hr", HT_HR}, {"html", HT_HTML}, {"iframe", HT_IFRAME},
    {"input", HT_INPUT}, {"label", HT_LABEL}, {"legend", HT_LEGEND}, {"li", HT_LI},
    {"link", HT_LINK}, {"main", HT_MAIN}, {"map", HT_MAP}, {"math", HT_MATH},
    {"menu", HT_MENU}, {"meta", HT_META}, {"nav", HT_NAV}, {"noscript", HT_NOSCRIPT},
    {"object", HT_OBJECT}, {"ol", HT_OL}, {"option", HT_OPTION}, {"p", HT_P},
    {"pre", HT_PRE}, {"script", HT_SCRIPT}, {"section", HT_SECTION}, {"select", HT_SELECT},
    {"style", HT_STYLE}, {"summary", HT_SUMMARY}, {"svg", HT_SVG}, {"table", HT_TABLE},
    {"tbody", HT_TBODY}, {"td", HT_TD}, {"template", HT_TEMPLATE}, {"textarea", HT_TEXTAREA},
    {"tfoot", HT_TFOOT}, {"th", HT_TH}, {"thead", HT_THEAD}, {"time", HT_TIME},
    {"title", HT_TITLE}, {"tr", HT_TR}, {"ul", HT_UL}, {"video", HT_VIDEO}};

static int cmp_tag(const void *key, const void *elem)
{
    return strcmp(key, ((const struct tag_name *)elem)->name);
}

html_tag html_tag_of(const char *name)
{
    const struct tag_name *t =
        bsearch(name, TAGS, sizeof TAGS / sizeof *TAGS, sizeof *TAGS, cmp_tag);
    return t ? t->tag : HT_UNKNOWN;
}

/* The attributes the extractor reads, in html_attr_key's order. */
static const char *const ATTRS[HA_COUNT] = {
    "class", "id", "href", "itemprop", "content", "property", "name", "rel", "type",
    "datetime", "lang", "xml:lang", "hidden", "style", "http-equiv", "pubdate"};

static int attr_key(const char *name)
{
    for (int i = 0; i < HA_COUNT; i++)
        if (name[0] == ATTRS[i][0] && strcmp(name, ATTRS[i]) == 0) return i;
    return -1;
}

/* ---- building the tree ------------------------------------------------------ */

typedef struct pstate {
    htmlParserCtxtPtr ctxt;
    arena *a;
    size_t budget;
    const char *buf;
    size_t len;
    html_node *doc, *cur;
    html_node *text;      /* the text node being filled (cur's last child) */
    sbuf *pending;        /* its decoded text so far                      */
    bool failed;
} pstate;

/* Where the parser is in the buffer: bytes already dropped from its input
 * window plus the position inside it (libxml2 keeps our bytes as they are:
 * the input is UTF-8 and no encoder is installed). */
static size_t position(const pstate *ps)
{
    const xmlParserInput *in = ps->ctxt->input;
    size_t p = (size_t)in->consumed + (size_t)(in->cur - in->base);
    return p > ps->len ? ps->len : p;
}

static void *alloc(pstate *ps, size_t n)
{
    if (ps->failed) return NULL;
    void *p = ps->a->used_total + n > ps->budget ? NULL : arena_alloc(ps->a, n);
    if (!p) {
        /* Over budget or out of memory: the caller parses less or gives up. */
        ps->failed = true;
        xmlStopParser(ps->ctxt);
    }
    return p;
}

static size_t utf8_char_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

static void append_child(html_node *parent, html_node *n)
{
    n->parent = parent;
    if (parent->last) parent->last->next = n;
    else parent->first = n;
    parent->last = n;
}

/* Ends the text node being filled: its text moves into the arena. */
static void flush_text(pstate *ps)
{
    html_node *t = ps->text;
    if (!t) return;
    ps->text = NULL;
    char *s = alloc(ps, ps->pending->len + 1);
    if (!s) return;
    memcpy(s, ps->pending->data, ps->pending->len);
    s[ps->pending->len] = 0;
    t->text = s;
    t->len = (uint32_t)ps->pending->len;
}

static void on_text(void *user, const xmlChar *chars, int n)
{
    pstate *ps = user;
    if (ps->failed || n <= 0) return;
    const char *d = (const char *)chars;
    size_t end = position(ps), start;
    /* The parser is just past the bytes it reports, or at the start of the
     * last of them when its buffer filled up (it reports before moving
     * on).  They are the same bytes unless an entity was decoded (the span
     * then starts at its '&') or a character was dropped. */
    size_t next = end + utf8_char_len((unsigned char)ps->buf[end < ps->len ? end : 0]);
    if ((size_t)n <= end && memcmp(ps->buf + end - (size_t)n, d, (size_t)n) == 0) {
        start = end - (size_t)n;
    } else if (end < ps->len && next <= ps->len && (size_t)n <= next &&
               memcmp(ps->buf + next - (size_t)n, d, (size_t)n) == 0) {
        end = next;
        start = end - (size_t)n;
    } else {
        size_t lim = end > 48 ? end - 48 : 0, k = end;
        while (k > lim && ps->buf[k - 1] != '&') k--;
        start = k > lim ? k - 1 : (size_t)n < end ? end - (size_t)n : 0;
    }
    html_node *t = ps->text;
    if (t && t == ps->cur->last && start >= t->src && start <= t->src_end) {
        if (end > t->src_end) t->src_end = (uint32_t)end;
    } else {
        flush_text(ps);
        t = alloc(ps, sizeof *t);
        if (!t) return;
        memset(t, 0, sizeof *t);
        t->type = HN_TEXT;
        t->src = (uint32_t)start;
        t->src_end = (uint32_t)end;
        append_child(ps->cur, t);
        ps->text = t;
        sbuf_clear(ps->pending);
    }
    if (sbuf_append(ps->pending, d, (size_t)n)) {
        ps->failed = true;
        xmlStopParser(ps->ctxt);
    }
}

static void on_start(void *user, const xmlChar *name, const xmlChar **atts)
{
    pstate *ps = user;
    if (ps->failed) return;
    flush_text(ps);
    html_node *e = alloc(ps, sizeof *e);
    if (!e) return;
    memset(e, 0, sizeof *e);
    e->type = HN_ELEMENT;
    e->tag = (uint16_t)html_tag_of((const char *)name);
    /* The tag's '<': the parser stands at its end (an implied element:
     * somewhere after the last tag; the look back is bounded). */
    size_t p = position(ps);
    if (p >= ps->len) p = ps->len ? ps->len - 1 : 0;
    size_t stop = p > 4096 ? p - 4096 : 0;
    while (p > stop && ps->buf[p] != '<') p--;
    e->src = (uint32_t)p;
    size_t n = 0;
    for (const xmlChar **a = atts; a && a[0]; a += 2)
        if (attr_key((const char *)a[0]) >= 0) n++;
    if (n) {
        e->attrs = alloc(ps, n * sizeof *e->attrs);
        if (!e->attrs) return;
        for (const xmlChar **a = atts; a && a[0]; a += 2) {
            int k = attr_key((const char *)a[0]);
            if (k < 0) continue;
            const char *v = a[1] ? (const char *)a[1] : "";
            size_t vn = strlen(v);
            char *copy = alloc(ps, vn + 1);
            if (!copy) return;
            memcpy(copy, v, vn + 1);
            e->attrs[e->nattrs].key = (uint8_t)k;
            e->attrs[e->nattrs].value = copy;
            e->nattrs++;
        }
    }
    append_child(ps->cur, e);
    ps->cur = e;
}

static void on_end(void *user, const xmlChar *name)
{
    (void)name; /* libxml2 closes elements in order, implied ones too */
    pstate *ps = user;
    if (ps->failed) return;
    flush_text(ps);
    if (ps->cur != ps->doc) ps->cur = ps->cur->parent;
}

html_node *html_parse(arena *a, size_t budget, sbuf *scratch, const char *buf, size_t len,
                      bool *over_budget)
{
    *over_budget = false;
    if (len > INT32_MAX) len = INT32_MAX;
    pstate ps = {.a = a, .budget = budget, .buf = buf, .len = len, .pending = scratch};
    ps.doc = arena_calloc(a, 1, sizeof *ps.doc);
    if (!ps.doc) return NULL;
    ps.doc->type = HN_DOCUMENT;
    ps.cur = ps.doc;
    if (len == 0) return ps.doc;
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buf, (int)len);
    if (!ctxt) return NULL;
    ps.ctxt = ctxt;
    /* Only our callbacks: no tree of libxml2's, no error messages (the
     * error channel is the SAX handler's, left empty). */
    memset(ctxt->sax, 0, sizeof *ctxt->sax);
    ctxt->sax->startElement = on_start;
    ctxt->sax->endElement = on_end;
    ctxt->sax->characters = on_text;
    ctxt->sax->ignorableWhitespace = on_text;
    ctxt->sax->cdataBlock = on_text;
    ctxt->userData = &ps;
    /* The buffer is UTF-8 already (html_extract converts it); a page's
     * <meta charset> must not make libxml2 decode it again. */
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    flush_text(&ps);
    htmlFreeParserCtxt(ctxt);
    if (ps.failed) {
        *over_budget = true;
        return NULL;
    }
    return ps.doc;
}

const char *html_attr_value(const html_node *n, html_attr_key key)
{
    for (unsigned i = 0; i < n->nattrs; i++)
        if (n->attrs[i].key == key) return n->attrs[i].value;
    return NULL;
}
