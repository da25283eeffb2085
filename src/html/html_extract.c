/*
 * html_extract.c -- a page's article text and metadata.
 *
 * 1. The page is converted to UTF-8 if it is in another charset
 *    (html_charset.c); comments, scripts (but JSON-LD), styles, SVG and
 *    the attributes nothing here reads are cut (over two thirds of a news
 *    page's bytes, and so of the parser's time), each cut recorded in the
 *    map back to the page; nesting beyond HTML_MAX_DEPTH is flattened;
 *    and libxml2 parses the rest into a tree in our arena (html_parse.c).
 * 2. One iterative walk of the tree (an explicit stack: input cannot
 *    deepen the C stack) gathers metadata (<title>, <meta>, <link
 *    rel=canonical>, JSON-LD, <time>) and cuts the visible text into
 *    blocks at block-level elements, with whitespace collapsed, the bytes
 *    inside links counted, and flags inherited from the ancestors (inside
 *    a heading, a list item, an element whose class or id says comment,
 *    share, related, sidebar ...).  Each text byte keeps its position in
 *    the page (anchors, see dyad_anchor in dyad.h).
 * 3. Each block gets a value: long text with few links counts for, link
 *    lists and boilerplate count against.  The element whose blocks sum
 *    to the largest value is the article (the blocks of an element are a
 *    contiguous range, so every sum is one subtraction of running
 *    totals: linear).  Its blocks are kept except link lists, boilerplate
 *    and the headline, which opens the document text instead.
 * 4. If class and id hints removed nearly everything (a page wrapped in
 *    class="with-sidebar"), the walk is repeated without them.
 */
#include "html.h"
#include <libxml/parser.h>
#include <stdlib.h>

/* ---- blocks and the walk's stack -------------------------------------- */

enum {
    F_SKIP = 1u << 0,     /* text not shown (head, script, nav, hidden)     */
    F_LINK = 1u << 1,     /* inside <a href>                                */
    F_NEG = 1u << 2,      /* class/id says boilerplate                      */
    F_POS = 1u << 3,      /* class/id or tag says article                   */
    F_HEADING = 1u << 4,  /* h2-h6                                           */
    F_H1 = 1u << 5,
    F_LI = 1u << 6,
    F_QUOTE = 1u << 7,    /* blockquote                                      */
    F_CAPTION = 1u << 8,  /* figcaption, caption                             */
    F_TITLE = 1u << 9,    /* <title>                                         */
    F_TABLE = 1u << 10,   /* inside a table cell                             */
    F_PRE = 1u << 11,
    F_CHOSEN = 1u << 15   /* block chosen as part of the article          */
};

typedef struct block {
    uint32_t start, end;  /* in x->scratch                                  */
    uint32_t a0, a1;      /* its anchors in x->scratch_anchors              */
    uint32_t link;        /* bytes inside links                             */
    uint32_t words;
    uint32_t punct;       /* sentence ends and commas                       */
    unsigned flags;
    double value;
} block;

/* A block-level element: where its blocks are and what they are worth. */
typedef struct elem {
    uint32_t parent;      /* enclosing block-level element, or NO_ELEM      */
    uint32_t first, end;  /* its blocks                                     */
    double sum;           /* value of all its blocks                        */
    double direct;        /* of the paragraphs it holds as children, and
                             half of those of its grandchildren            */
    uint32_t sig;         /* hash of tag and class: siblings alike          */
    uint32_t valued;      /* children with a positive sum                   */
    html_tag tag;
} elem;
#define NO_ELEM UINT32_MAX

typedef struct frame {
    html_node *node;
    uint32_t elem;        /* its elem when block-level, else NO_ELEM        */
    html_node *next;      /* next child to visit                            */
    unsigned flags;
    bool block_level;
    uint32_t first_block;
    double total_before;
} frame;

/* Metadata candidates are ranked; a better source replaces a worse. */
typedef struct meta_field {
    sbuf text;
    int rank;             /* 0: none yet; higher is better                  */
    uint32_t source;      /* page offset of the value (for the title)       */
} meta_field;

/* A remembered answer of class_hints(); a 64-bit key (hash and length)
 * makes a wrong answer from a collision vanishingly unlikely and
 * harmless (a hint). */
#define HINT_CACHE 1024
typedef struct hint_slot {
    uint32_t hash;
    uint32_t len;
    unsigned flags;
    bool used;
} hint_slot;

struct html_extractor {
    arena mem;            /* the tree; reset per page                       */
    sbuf parse_text;      /* html_parse's working memory                    */
    sbuf work;            /* the UTF-8 page the parser reads                */
    sbuf conv_map;        /* dyad_anchor: work offset -> page offset        */
    sbuf scratch;         /* the text of every block                        */
    sbuf scratch_anchors; /* dyad_anchor: scratch offset -> work offset     */
    block *blocks;
    size_t nblocks, cap_blocks;
    elem *elems;
    size_t nelems, cap_elems;
    frame *stack;
    size_t depth, cap_stack;
    sbuf out, out_anchors;
    meta_field title, h1, url, outlet, date, lang;
    sbuf tmp;

    /* the block being filled */
    bool open, pending_space;
    block cur;
    double total;
    bool hints;
    hint_slot hint_cache[HINT_CACHE];
    uint32_t best_first, best_end;
    double best_value;
    bool have_title_text;
    sbuf title_text;      /* <title>'s text                                 */
    uint32_t title_source;
};

html_extractor *html_extractor_new(void)
{
    /* libxml2 sets itself up on first use; doing it here, where readers
     * are opened, keeps that out of parses that may run side by side. */
    xmlInitParser();
    html_extractor *x = calloc(1, sizeof *x);
    if (x) arena_init(&x->mem);
    return x;
}

void html_extractor_free(html_extractor *x)
{
    if (!x) return;
    arena_free(&x->mem);
    sbuf *all[] = {&x->work, &x->conv_map, &x->scratch, &x->scratch_anchors, &x->out,
                   &x->out_anchors, &x->title.text, &x->h1.text, &x->url.text,
                   &x->outlet.text, &x->date.text, &x->lang.text, &x->tmp, &x->title_text,
                   &x->parse_text};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) sbuf_free(all[i]);
    free(x->blocks);
    free(x->elems);
    free(x->stack);
    free(x);
}

/* ---- small helpers ------------------------------------------------------- */

static bool is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int set_field(meta_field *f, int rank, const char *s, size_t n, uint32_t source)
{
    if (rank <= f->rank) return 0;
    while (n && is_ws((unsigned char)*s)) s++, n--;
    while (n && is_ws((unsigned char)s[n - 1])) n--;
    if (!n) return 0;
    if (n > 2048) n = 2048;
    sbuf_clear(&f->text);
    /* Collapse inner whitespace: titles arrive with newlines and tabs. */
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_ws(c)) {
            space = true;
            continue;
        }
        if (space && sbuf_putc(&f->text, ' ')) return -1;
        space = false;
        if (sbuf_putc(&f->text, (char)c)) return -1;
    }
    if (sbuf_putc(&f->text, 0)) return -1;
    f->text.len--;
    f->rank = rank;
    f->source = source;
    return 0;
}

static const char *attr(const html_node *n, html_attr_key key) { return html_attr_value(n, key); }

static bool eq_nocase(const char *a, const char *b)
{
    if (!a) return false;
    while (*a && *b && ch_lower((unsigned char)*a) == ch_lower((unsigned char)*b)) a++, b++;
    return !*a && !*b;
}

bool html_iso_date(const char *s, size_t n, char out[11])
{
    out[0] = 0;
    while (n && is_ws((unsigned char)*s)) s++, n--;
    int y, m, d;
    if (n >= 10 && ch_is_digit(s[0]) && ch_is_digit(s[1]) && ch_is_digit(s[2]) &&
        ch_is_digit(s[3]) && (s[4] == '-' || s[4] == '/') && ch_is_digit(s[5]) &&
        ch_is_digit(s[6]) && s[7] == s[4] && ch_is_digit(s[8]) && ch_is_digit(s[9]) &&
        (n == 10 || !ch_is_digit(s[10]))) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        m = (s[5] - '0') * 10 + (s[6] - '0');
        d = (s[8] - '0') * 10 + (s[9] - '0');
    } else if (n >= 8) {
        for (int i = 0; i < 8; i++)
            if (!ch_is_digit(s[i])) return false;
        if (n > 8 && ch_is_digit(s[8])) return false;
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        m = (s[4] - '0') * 10 + (s[5] - '0');
        d = (s[6] - '0') * 10 + (s[7] - '0');
    } else {
        return false;
    }
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return false;
    out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10), out[3] = (char)('0' + y % 10), out[4] = '-';
    out[5] = (char)('0' + m / 10), out[6] = (char)('0' + m % 10), out[7] = '-';
    out[8] = (char)('0' + d / 10), out[9] = (char)('0' + d % 10), out[10] = 0;
    return true;
}

static int set_date(html_extractor *x, int rank, const char *s, size_t n)
{
    char iso[11];
    if (rank <= x->date.rank || !html_iso_date(s, n, iso)) return 0;
    return set_field(&x->date, rank, iso, 10, 0);
}

/* ---- nesting limit -------------------------------------------------------- */

/* Elements whose end tags HTML infers, and void elements: they do not
 * deepen the tree however many there are, so they are not counted. */
static bool depth_neutral(const char *name, size_t n)
{
    static const char *const NAMES[] = {
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
        "thead", "tfoot", "colgroup", "rb", "rt", "rp", "rtc", "html", "head", "body",
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr", "keygen", "image", "frame", "basefont",
        "bgsound", "command", "spacer"};
    int c0 = n ? ch_lower((unsigned char)name[0]) : 0;
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++) {
        if (NAMES[i][0] != c0) continue; /* cheap before strlen */
        size_t k = strlen(NAMES[i]);
        if (k != n) continue;
        size_t j = 0;
        while (j < n && ch_lower((unsigned char)name[j]) == NAMES[i][j]) j++;
        if (j == n) return true;
    }
    return false;
}

static bool raw_text_element(const char *name, size_t n, const char **close)
{
    static const char *const RAW[] = {"script", "style", "textarea", "title", "xmp",
                                      "plaintext", "noembed", "noframes", "iframe"};
    static const char *const CLOSE[] = {"</script", "</style", "</textarea", "</title", "</xmp",
                                        NULL, "</noembed", "</noframes", "</iframe"};
    int c0 = n ? ch_lower((unsigned char)name[0]) : 0;
    for (size_t i = 0; i < sizeof RAW / sizeof *RAW; i++) {
        if (RAW[i][0] != c0 || strlen(RAW[i]) != n) continue;
        size_t j = 0;
        while (j < n && ch_lower((unsigned char)name[j]) == RAW[i][j]) j++;
        if (j == n) {
            *close = CLOSE[i];
            return true;
        }
    }
    return false;
}

static const char *find_ci(const char *s, const char *end, const char *needle)
{
    size_t k = strlen(needle);
    while (s + k <= end) {
        const char *lt = memchr(s, needle[0], (size_t)(end - s) - k + 1);
        if (!lt) return NULL;
        size_t j = 1;
        while (j < k && ch_lower((unsigned char)lt[j]) == needle[j]) j++;
        if (j == k) return lt;
        s = lt + 1;
    }
    return NULL;
}

/* Blanks (with spaces: offsets stay) the start and end tags nested deeper
 * than HTML_MAX_DEPTH, counted the way the parser will nest them: the
 * text inside stays, only the structure is flattened.  Linear. */
static size_t flatten_deep(char *s, size_t n)
{
    size_t depth = 0, blanked = 0;
    char *end = s + n;
    char *p = s;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        if (end - p >= 4 && p[1] == '!' && p[2] == '-' && p[3] == '-') {
            const char *c = find_ci(p + 4, end, "-->");
            if (!c) break;
            p = (char *)c + 3;
            continue;
        }
        bool closing = p + 1 < end && p[1] == '/';
        char *name = p + 1 + closing;
        char *q = name;
        while (q < end && (ch_is_alpha((unsigned char)*q) || (q > name && ch_is_digit((unsigned char)*q))))
            q++;
        if (q == name) {
            p++;
            continue;
        }
        size_t nlen = (size_t)(q - name);
        char *gt = memchr(q, '>', (size_t)(end - q));
        if (!gt) break;
        if (depth_neutral(name, nlen) || (!closing && gt[-1] == '/')) {
            p = gt + 1;
            continue;
        }
        const char *close = NULL;
        if (!closing && raw_text_element(name, nlen, &close)) {
            if (!close) break; /* plaintext: the rest is text */
            const char *c = find_ci(gt + 1, end, close);
            if (!c) break;
            p = (char *)c + strlen(close);
            continue;
        }
        if (closing) {
            if (depth > HTML_MAX_DEPTH) {
                memset(p, ' ', (size_t)(gt - p) + 1);
                blanked++;
            }
            if (depth) depth--;
        } else {
            depth++;
            if (depth > HTML_MAX_DEPTH) {
                memset(p, ' ', (size_t)(gt - p) + 1);
                blanked++;
            }
        }
        p = gt + 1;
    }
    return blanked;
}

static int push_anchor(sbuf *anchors, uint32_t text, uint32_t source, bool force)
{
    dyad_anchor a = {text, source};
    if (anchors->len >= sizeof a) {
        dyad_anchor *last = (dyad_anchor *)(void *)(anchors->data + anchors->len - sizeof a);
        if (!force && last->source + (text - last->text) == source) return 0;
        if (last->text == text) {
            last->source = source;
            return 0;
        }
    }
    return sbuf_append(anchors, &a, sizeof a);
}

static size_t nanchors(const sbuf *s) { return s->len / sizeof(dyad_anchor); }

/* ---- leaving out what is never text -------------------------------------- */

/* True when s[0, n) at a '<' opens element `name` (lower case). */
static bool opens(const char *s, const char *end, const char *name)
{
    size_t k = strlen(name);
    if ((size_t)(end - s) < k + 2) return false;
    for (size_t i = 0; i < k; i++)
        if (ch_lower((unsigned char)s[1 + i]) != name[i]) return false;
    char c = s[1 + k];
    return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The end of the element `name` opening at p: after its matching end tag
 * (same-name elements inside it counted), or the end of the input. */
static const char *skip_element(const char *p, const char *end, const char *name)
{
    size_t depth = 0, k = strlen(name);
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        if (opens(p, end, name)) {
            depth++;
        } else if ((size_t)(end - p) > k + 2 && p[1] == '/') {
            size_t j = 0;
            while (j < k && ch_lower((unsigned char)p[2 + j]) == name[j]) j++;
            if (j == k && (p[2 + k] == '>' || is_ws((unsigned char)p[2 + k])) && --depth == 0) {
                const char *gt = memchr(p, '>', (size_t)(end - p));
                return gt ? gt + 1 : end;
            }
        }
        p++;
    }
    return end;
}

/* Attributes the extractor reads; the others (src, srcset, data-*,
 * alt, aria-*, on*, ...) are a quarter of a page's markup. */
static bool wanted_attribute(const char *s, size_t n)
{
    static const char *const KEEP[] = {"class", "id", "href", "itemprop", "content", "property",
                                       "name", "rel", "type", "datetime", "lang", "xml:lang",
                                       "hidden", "style", "charset", "http-equiv", "pubdate"};
    int c0 = n ? ch_lower((unsigned char)s[0]) : 0;
    for (size_t i = 0; i < sizeof KEEP / sizeof *KEEP; i++) {
        if (KEEP[i][0] != c0 || strlen(KEEP[i]) != n) continue;
        size_t j = 0;
        while (j < n && ch_lower((unsigned char)s[j]) == KEEP[i][j]) j++;
        if (j == n) return true;
    }
    return false;
}

/* The start tag at p, copied without unwanted attributes (each cut
 * recorded in map); returns where scanning goes on, NULL when memory ran
 * out.  Attribute syntax follows the HTML tokenizer: names end at space,
 * '/', '>' or '='; values are quoted or run to space or '>'.  The
 * contents of elements the tokenizer reads as raw text (<title>,
 * <textarea>, ...) are skipped unchanged. */
static const char *strip_attributes(const char *p, const char *end, const char *src, sbuf *dst,
                                    sbuf *map, const char **copied)
{
    const char *q = p + 1;
    while (q < end && !is_ws((unsigned char)*q) && *q != '>' && *q != '/') q++;
    const char *close = NULL;
    bool raw = raw_text_element(p + 1, (size_t)(q - p - 1), &close);
    bool anchor = q - p == 2 && ch_lower((unsigned char)p[1]) == 'a';
    for (;;) {
        const char *a0 = q;
        while (q < end && (is_ws((unsigned char)*q) || *q == '/')) q++;
        if (q >= end || *q == '>') break;
        const char *n0 = q;
        q++; /* a name may start with '=' */
        while (q < end && !is_ws((unsigned char)*q) && *q != '/' && *q != '>' && *q != '=') q++;
        const char *n1 = q;
        const char *v = q;
        while (v < end && is_ws((unsigned char)*v)) v++;
        if (v < end && *v == '=') {
            v++;
            while (v < end && is_ws((unsigned char)*v)) v++;
            if (v < end && (*v == '"' || *v == '\'')) {
                const char *e = memchr(v + 1, *v, (size_t)(end - v - 1));
                v = e ? e + 1 : end;
            } else {
                while (v < end && !is_ws((unsigned char)*v) && *v != '>') v++;
            }
            q = v;
        }
        const char *cut = NULL;
        if (!wanted_attribute(n0, (size_t)(n1 - n0))) cut = a0;
        /* A link's address is not read, only that it has one. */
        else if (anchor && n1 - n0 == 4 && ch_lower((unsigned char)n0[0]) == 'h' && q > n1)
            cut = n1;
        if (cut) {
            if (sbuf_append(dst, *copied, (size_t)(cut - *copied))) return NULL;
            *copied = q;
            if (push_anchor(map, (uint32_t)dst->len, (uint32_t)(q - src), false)) return NULL;
        }
    }
    if (raw && close && q < end) {
        const char *c = find_ci(q, end, close);
        return c ? c : end;
    }
    return q < end ? q + 1 : end;
}

/* Copies src[0, n) to dst without comments, <script> (but JSON-LD), <style>
 * and <svg> elements, which are most of a news page's bytes and never its
 * text: the parser then has less than half the page to read.  Appends to
 * map an anchor (dst offset -> src offset) after every cut. */
static int compact(const char *src, size_t n, sbuf *dst, sbuf *map)
{
    const char *p = src, *end = src + n, *copied = src;
    sbuf_clear(dst);
    sbuf_clear(map);
    if (sbuf_reserve(dst, n + 1) || push_anchor(map, 0, 0, true)) return -1;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        const char *stop = NULL, *close = NULL;
        if (end - p >= 4 && p[1] == '!' && p[2] == '-' && p[3] == '-') {
            stop = find_ci(p + 4, end, "-->");
            stop = stop ? stop + 3 : end;
        } else if (opens(p, end, "script")) {
            const char *gt = memchr(p, '>', (size_t)(end - p));
            if (gt && find_ci(p, gt, "ld+json")) {
                p = gt;
                continue;
            }
            close = "</script";
        } else if (opens(p, end, "style")) {
            close = "</style";
        } else if (opens(p, end, "svg")) {
            close = "</svg";
        } else {
            /* Elements never shown as text (see is_skipped_tag), with their
             * own kind nested inside them counted. */
            static const char *const SKIPPED[] = {"nav", "footer", "aside", "noscript",
                                                   "iframe", "select", "template"};
            for (size_t k = 0; k < sizeof SKIPPED / sizeof *SKIPPED && !stop; k++)
                if (opens(p, end, SKIPPED[k])) stop = skip_element(p, end, SKIPPED[k]);
        }
        if (close) {
            const char *c = find_ci(p + 1, end, close);
            const char *gt = c ? memchr(c, '>', (size_t)(end - c)) : NULL;
            stop = gt ? gt + 1 : end;
        }
        if (!stop) {
            if (p + 1 < end && ch_is_alpha((unsigned char)p[1])) {
                p = strip_attributes(p, end, src, dst, map, &copied);
                if (!p) return -1;
            } else {
                p++;
            }
            continue;
        }
        if (sbuf_append(dst, copied, (size_t)(p - copied))) return -1;
        copied = stop;
        if (push_anchor(map, (uint32_t)dst->len, (uint32_t)(stop - src), false)) return -1;
        p = stop;
    }
    if (sbuf_append(dst, copied, (size_t)(end - copied))) return -1;
    dst->data[dst->len] = 0;
    return 0;
}

/* ---- class and id hints -------------------------------------------------- */

/* Words in class or id that mark boilerplate even beside an article word
 * ("article-comments", "related-content"). */
static const char *const STRONG_NEG[] = {
    "comment", "disqus", "related", "share", "sharing", "social", "newsletter",
    "subscri", "promo", "sponsor", "advert", "cookie", "consent", "sidebar",
    "outbrain", "taboola", "recommend", "trending", "popular", "most-read",
    "mostread", "more-stories", "read-more", "readmore", "signup", "sign-up",
    "breadcrumb", "pagination", "footer", "widget", "banner", "toolbar",
    "newsfeed", "byline", "author-bio", "authorbio", "author-info", "tag-list",
    "taglist", "modal", "popup", "gdpr", "skip-link", "screen-reader", "sr-only",
    "visually-hidden", "print-only", "hidden"};
/* Words that mark boilerplate unless an article word is there too. */
static const char *const WEAK_NEG[] = {
    "nav", "menu", "header", "masthead", "tags", "meta", "extra", "aside", "rail",
    "caption", "credit", "dateline", "timestamp", "date", "module", "teaser", "card",
    "pager", "combx", "shoutbox", "community", "supplemental"};
static const char *const POS[] = {"article", "content", "entry", "main", "post", "story",
                                  "body", "text", "blog", "prose"};

static bool has_any(const char *s, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(s, words[i])) return true;
    return false;
}

/* Class tokens that are advertisements: "ad", "ads", "ad-slot", "gpt-ad". */
static bool ad_token(const char *s)
{
    const char *p = s;
    while (*p) {
        while (*p == ' ') p++;
        const char *e = p;
        while (*e && *e != ' ') e++;
        size_t n = (size_t)(e - p);
        if ((n == 2 && memcmp(p, "ad", 2) == 0) || (n == 3 && memcmp(p, "ads", 3) == 0) ||
            (n > 3 && (memcmp(p, "ad-", 3) == 0 || memcmp(p, "ad_", 3) == 0 ||
                       memcmp(p, "ads-", 4) == 0)) ||
            (n > 3 && (memcmp(e - 3, "-ad", 3) == 0 || memcmp(e - 3, "_ad", 3) == 0)))
            return true;
        p = e;
    }
    return false;
}

/* F_NEG, F_POS or 0 from an element's class and id. */
static unsigned class_hints_of(const char *cls, const char *id)
{
    char buf[256];
    size_t k = 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *s = pass ? id : cls;
        if (!s) continue;
        if (k && k < sizeof buf - 1) buf[k++] = ' ';
        for (; *s && k < sizeof buf - 1; s++)
            buf[k++] = (char)(is_ws((unsigned char)*s) ? ' ' : ch_lower((unsigned char)*s));
    }
    buf[k] = 0;
    if (has_any(buf, STRONG_NEG, sizeof STRONG_NEG / sizeof *STRONG_NEG) || ad_token(buf))
        return F_NEG;
    bool pos = has_any(buf, POS, sizeof POS / sizeof *POS);
    if (has_any(buf, WEAK_NEG, sizeof WEAK_NEG / sizeof *WEAK_NEG) && !pos) return F_NEG;
    return pos ? F_POS : 0;
}

/* F_NEG, F_POS or 0 from an element's class and id.  Pages repeat their
 * classes thousands of times, so answers are remembered by the pointers'
 * text hash in a small table of the extractor. */
static unsigned class_hints(html_extractor *x, const char *cls, const char *id)
{
    if (!cls && !id) return 0;
    uint32_t h = 2166136261u;
    size_t n = 0;
    for (const char *s = cls; s && *s; s++, n++) h = (h ^ (unsigned char)*s) * 16777619u;
    h = (h ^ 0xff) * 16777619u;
    for (const char *s = id; s && *s; s++, n++) h = (h ^ (unsigned char)*s) * 16777619u;
    hint_slot *slot = &x->hint_cache[h % HINT_CACHE];
    if (slot->used && slot->hash == h && slot->len == n) return slot->flags;
    unsigned f = class_hints_of(cls, id);
    slot->used = true;
    slot->hash = h;
    slot->len = n;
    slot->flags = f;
    return f;
}

/* ---- tags ------------------------------------------------------------------ */

static bool is_block_tag(html_tag t)
{
    switch (t) {
    case HT_ADDRESS: case HT_ARTICLE: case HT_ASIDE:
    case HT_BLOCKQUOTE: case HT_BODY: case HT_BR:
    case HT_CAPTION: case HT_CENTER: case HT_DD:
    case HT_DETAILS: case HT_DIR:
    case HT_DIV: case HT_DL: case HT_DT: case HT_FIELDSET:
    case HT_FIGCAPTION: case HT_FIGURE: case HT_FOOTER:
    case HT_FORM: case HT_H1: case HT_H2: case HT_H3:
    case HT_H4: case HT_H5: case HT_H6: case HT_HEADER:
    case HT_HGROUP: case HT_HR: case HT_LI: case HT_MAIN:
    case HT_MENU: case HT_NAV: case HT_OL: case HT_P:
    case HT_PRE: case HT_SECTION: case HT_SUMMARY:
    case HT_TABLE: case HT_TBODY: case HT_TD: case HT_TFOOT:
    case HT_TH: case HT_THEAD: case HT_TR: case HT_UL:
    case HT_LEGEND: case HT_OPTION: case HT_HTML:
        return true;
    default:
        return false;
    }
}

/* Elements whose content is never article text. */
static bool is_skipped_tag(html_tag t)
{
    switch (t) {
    case HT_HEAD: case HT_SCRIPT: case HT_STYLE:
    case HT_NOSCRIPT: case HT_TEMPLATE: case HT_SVG:
    case HT_MATH: case HT_IFRAME: case HT_OBJECT:
    case HT_EMBED: case HT_CANVAS: case HT_VIDEO:
    case HT_AUDIO: case HT_MAP: case HT_BUTTON:
    case HT_SELECT: case HT_TEXTAREA: case HT_INPUT:
    case HT_NAV: case HT_ASIDE: case HT_FOOTER:
    case HT_MENU: case HT_TITLE:
    case HT_LABEL:
        return true;
    default:
        return false;
    }
}

/* style="display: none" and the like. */
static bool hidden_style(const char *style)
{
    if (!style) return false;
    char buf[128];
    size_t k = 0;
    for (const char *s = style; *s && k < sizeof buf - 1; s++)
        if (!is_ws((unsigned char)*s)) buf[k++] = (char)ch_lower((unsigned char)*s);
    buf[k] = 0;
    return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

/* ---- text of blocks, with anchors ------------------------------------------ */


static int grow_blocks(html_extractor *x)
{
    if (x->nblocks < x->cap_blocks) return 0;
    size_t cap = x->cap_blocks ? x->cap_blocks * 2 : 256;
    block *b = realloc(x->blocks, cap * sizeof *b);
    if (!b) return -1;
    x->blocks = b;
    x->cap_blocks = cap;
    return 0;
}

static double block_value(const block *b)
{
    double len = b->end - b->start;
    if (len <= 0) return 0;
    if (b->flags & F_NEG) return -len;
    if (b->flags & (F_HEADING | F_H1)) return 0;
    double link = b->link, text = len - link;
    /* Text outside links is the evidence for an article, link text the
     * evidence against (menus, teasers, tag lists). */
    if (text >= 100 || (text >= 50 && b->punct >= 2)) {
        if (b->flags & (F_CAPTION | F_TABLE)) text *= 0.5;
        return text - link;
    }
    /* Short text without links is neutral: article paragraphs can be
     * short, and so can bylines and dates; links decide. */
    return -link;
}

static int end_block(html_extractor *x)
{
    x->pending_space = false;
    if (!x->open) return 0;
    x->open = false;
    block *b = &x->cur;
    b->end = (uint32_t)x->scratch.len;
    b->a1 = (uint32_t)nanchors(&x->scratch_anchors);
    if (grow_blocks(x)) return -1;
    b->value = block_value(b);
    x->total += b->value;
    x->blocks[x->nblocks++] = *b;
    /* Credit the element holding the paragraph in full and the one above
     * it by half, as readability does: the article is where many
     * paragraphs are siblings, not where many teasers are cousins. */
    for (size_t i = x->depth; i-- > 0;) {
        uint32_t e = x->stack[i].elem;
        if (e == NO_ELEM) continue;
        html_tag t = x->elems[e].tag;
        bool para = t == HT_P || t == HT_LI || t == HT_PRE ||
                    t == HT_BLOCKQUOTE || t == HT_H1 || t == HT_H2 ||
                    t == HT_H3 || t == HT_H4 || t == HT_H5 ||
                    t == HT_H6 || t == HT_TD || t == HT_DD ||
                    t == HT_DT || t == HT_FIGCAPTION || t == HT_BR;
        uint32_t owner = para ? x->elems[e].parent : e;
        if (owner != NO_ELEM) {
            x->elems[owner].direct += b->value;
            uint32_t grand = x->elems[owner].parent;
            if (grand != NO_ELEM) x->elems[grand].direct += b->value / 2;
        }
        break;
    }
    /* Separate blocks in the scratch text so words never join. */
    return sbuf_putc(&x->scratch, '\n');
}

/* Appends one character (n bytes at s) that came from work offset src. */
static int emit(html_extractor *x, const frame *f, const char *s, size_t n, uint32_t src)
{
    if (!x->open) {
        x->open = true;
        x->pending_space = false;
        memset(&x->cur, 0, sizeof x->cur);
        x->cur.start = (uint32_t)x->scratch.len;
        x->cur.flags = f->flags;
        if (push_anchor(&x->scratch_anchors, (uint32_t)x->scratch.len, src, true)) return -1;
        x->cur.a0 = (uint32_t)nanchors(&x->scratch_anchors) - 1;
        x->cur.words = 1;
    } else {
        if (x->pending_space) {
            x->pending_space = false;
            if (sbuf_putc(&x->scratch, ' ')) return -1;
            x->cur.words++;
            if (f->flags & F_LINK) x->cur.link++;
        }
        if (push_anchor(&x->scratch_anchors, (uint32_t)x->scratch.len, src, false)) return -1;
    }
    if (f->flags & F_LINK) x->cur.link += (uint32_t)n;
    if (n == 1 && (*s == '.' || *s == ',' || *s == '!' || *s == '?' || *s == ';')) x->cur.punct++;
    return sbuf_append(&x->scratch, s, n);
}

static size_t char_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* "amp", "#38" or "#x26": a reference to '&' itself. */
static bool names_ampersand(const char *s, size_t n)
{
    if (n == 3 && ch_lower((unsigned char)s[0]) == 'a' && ch_lower((unsigned char)s[1]) == 'm' &&
        ch_lower((unsigned char)s[2]) == 'p')
        return true;
    if (n < 2 || s[0] != '#') return false;
    bool hex = s[1] == 'x' || s[1] == 'X';
    unsigned long v = 0;
    for (size_t i = hex ? 2 : 1; i < n && v <= 0x26; i++) {
        int c = ch_lower((unsigned char)s[i]);
        int d = ch_is_digit(c) ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) return false;
        v = v * (hex ? 16 : 10) + (unsigned long)d;
    }
    return v == 0x26;
}

/* Appends a text node: the parser's decoded text, aligned with its
 * original bytes so each character keeps the position it came from
 * (entities and CR LF pairs are where the two differ). */
static int append_text(html_extractor *x, const frame *f, const html_node *t)
{
    const char *d = t->text;
    size_t dn = t->len;
    const char *o = x->work.data + t->src;
    size_t on = t->src_end - t->src, j = 0;
    uint32_t base = t->src;
    for (size_t i = 0; i < dn;) {
        unsigned char c = (unsigned char)d[i];
        size_t cl = char_len(c);
        if (i + cl > dn) cl = dn - i;
        uint32_t src = base + (uint32_t)(j < on ? j : on);
        /* Advance the original by the character just taken. */
        size_t k = j + 1;
        if (j < on && o[j] == '&')
            while (k < on && k < j + 40 && (ch_is_alpha((unsigned char)o[k]) ||
                                             ch_is_digit((unsigned char)o[k]) || o[k] == '#'))
                k++;
        /* An '&' in the text is either itself or a decoded &amp;: a
         * reference the parser did not know stays as it was. */
        bool entity = j < on && o[j] == '&' && k > j + 1 &&
                      (c != '&' || names_ampersand(o + j + 1, k - j - 1));
        if (entity) {
            j = k < on && o[k] == ';' ? k + 1 : k;
        } else if (j < on && (unsigned char)o[j] == c) {
            j += cl;
        } else if (j < on && o[j] == '\r') {
            j++;
            if (j < on && o[j] == '\n' && c == '\n') j++;
        } else if (j < on) {
            j += char_len((unsigned char)o[j]);
        }
        bool space = is_ws(c) || (cl == 2 && c == 0xC2 && (unsigned char)d[i + 1] == 0xA0);
        if (space) {
            if (x->open) x->pending_space = true;
        } else if (emit(x, f, d + i, cl, src)) {
            return -1;
        }
        i += cl;
    }
    return 0;
}

/* ---- metadata ---------------------------------------------------------------- */

/* The work offset of the value of attribute `name` in element n's start
 * tag, 0 when it cannot be found (the parser gives no attribute offsets;
 * this is for the title's anchor only). */
static uint32_t attr_source(const html_extractor *x, const html_node *n, const char *name)
{
    const char *s = x->work.data + n->src, *end = x->work.data + x->work.len;
    const char *gt = memchr(s, '>', (size_t)(end - s));
    if (!gt) gt = end;
    for (const char *p = s; (p = find_ci(p, gt, name)) != NULL; p++) {
        const char *v = p + strlen(name);
        while (v < gt && is_ws((unsigned char)*v)) v++;
        if (v >= gt || *v != '=' || !is_ws((unsigned char)p[-1])) continue;
        v++;
        while (v < gt && is_ws((unsigned char)*v)) v++;
        if (v < gt && (*v == '"' || *v == '\'')) v++;
        return (uint32_t)(v - x->work.data);
    }
    return 0;
}

static int meta_tag(html_extractor *x, const html_node *n)
{
    const char *content = attr(n, HA_CONTENT);
    if (!content) return 0;
    const char *key = attr(n, HA_PROPERTY);
    if (!key) key = attr(n, HA_NAME);
    if (!key) key = attr(n, HA_ITEMPROP);
    const char *equiv = attr(n, HA_HTTP_EQUIV);
    size_t cn = strlen(content);
    if (equiv && eq_nocase(equiv, "content-language"))
        return set_field(&x->lang, 2, content, cn, 0);
    if (!key) return 0;
    char k[48];
    size_t i = 0;
    for (; key[i] && i < sizeof k - 1; i++) k[i] = (char)ch_lower((unsigned char)key[i]);
    k[i] = 0;
    static const char *const DATES[] = {
        "article:published_time", "og:article:published_time", "datepublished",
        "article.published", "published_time", "og:published_time", "pubdate",
        "publishdate", "publish-date", "publish_date", "dc.date.issued", "dc.date",
        "dcterms.date", "dcterms.created", "dcterms.issued", "sailthru.date",
        "parsely-pub-date", "originalpublicationdate", "article_date_original",
        "date", "datecreated", "og:pubdate", "article:published", "cxenseparse:recs:publishtime"};
    for (size_t d = 0; d < sizeof DATES / sizeof *DATES; d++)
        if (strcmp(k, DATES[d]) == 0) return set_date(x, 5, content, cn);
    if (strcmp(k, "article:modified_time") == 0 || strcmp(k, "og:updated_time") == 0 ||
        strcmp(k, "datemodified") == 0 || strcmp(k, "last-modified") == 0)
        return set_date(x, 2, content, cn);
    if (strcmp(k, "og:title") == 0) return set_field(&x->title, 3, content, cn, attr_source(x, n, "content"));
    if (strcmp(k, "twitter:title") == 0)
        return set_field(&x->title, 2, content, cn, attr_source(x, n, "content"));
    if (strcmp(k, "og:site_name") == 0) return set_field(&x->outlet, 4, content, cn, 0);
    if (strcmp(k, "application-name") == 0) return set_field(&x->outlet, 2, content, cn, 0);
    if (strcmp(k, "og:url") == 0) return set_field(&x->url, 3, content, cn, 0);
    if (strcmp(k, "og:locale") == 0 || strcmp(k, "language") == 0)
        return set_field(&x->lang, 1, content, cn, 0);
    return 0;
}

/* The string value after "key": in JSON-LD text, without a JSON parser:
 * a key's first string value is all that is wanted, and this cannot be
 * led astray into unbounded work. */
static bool json_value(const char *s, const char *end, const char *key, const char **v,
                       size_t *vn)
{
    size_t k = strlen(key);
    const char *p = s;
    while ((p = memchr(p, '"', (size_t)(end - p))) != NULL) {
        if ((size_t)(end - p) > k + 1 && memcmp(p + 1, key, k) == 0 && p[k + 1] == '"') {
            const char *q = p + k + 2;
            while (q < end && is_ws((unsigned char)*q)) q++;
            if (q < end && *q == ':') {
                q++;
                while (q < end && is_ws((unsigned char)*q)) q++;
                if (q < end && *q == '"') {
                    const char *e = q + 1;
                    while (e < end && *e != '"') e += *e == '\\' ? 2 : 1;
                    if (e > end) e = end;
                    *v = q + 1;
                    *vn = (size_t)(e - q - 1);
                    return true;
                }
            }
        }
        p++;
    }
    return false;
}

static int json_ld(html_extractor *x, const html_node *script)
{
    const html_node *t = script->first;
    if (!t || t->type != HN_TEXT || !t->text) return 0;
    const char *s = t->text, *end = s + t->len;
    const char *v;
    size_t vn;
    if (json_value(s, end, "datePublished", &v, &vn) && set_date(x, 6, v, vn)) return -1;
    if (json_value(s, end, "dateCreated", &v, &vn) && set_date(x, 4, v, vn)) return -1;
    if (json_value(s, end, "dateModified", &v, &vn) && set_date(x, 1, v, vn)) return -1;
    const char *pub = NULL;
    for (const char *p = s; (p = memchr(p, '"', (size_t)(end - p))) != NULL; p++)
        if ((size_t)(end - p) > 11 && memcmp(p, "\"publisher\"", 11) == 0) {
            pub = p;
            break;
        }
    if (pub && json_value(pub, end, "name", &v, &vn) && set_field(&x->outlet, 3, v, vn, 0))
        return -1;
    return 0;
}

/* Metadata from an element; called once per element in document order. */
static int element_meta(html_extractor *x, const html_node *n)
{
    switch (n->tag) {
    case HT_META:
        return meta_tag(x, n);
    case HT_LINK: {
        const char *rel = attr(n, HA_REL), *href = attr(n, HA_HREF);
        if (rel && href && eq_nocase(rel, "canonical"))
            return set_field(&x->url, 4, href, strlen(href), 0);
        return 0;
    }
    case HT_HTML: {
        const char *lang = attr(n, HA_LANG);
        if (!lang) lang = attr(n, HA_XML_LANG);
        return lang ? set_field(&x->lang, 3, lang, strlen(lang), 0) : 0;
    }
    case HT_SCRIPT: {
        const char *type = attr(n, HA_TYPE);
        return type && eq_nocase(type, "application/ld+json") ? json_ld(x, n) : 0;
    }
    case HT_TIME: {
        const char *dt = attr(n, HA_DATETIME);
        if (!dt) return 0;
        const char *ip = attr(n, HA_ITEMPROP);
        bool published = (ip && eq_nocase(ip, "datePublished")) || attr(n, HA_PUBDATE);
        return set_date(x, published ? 5 : 3, dt, strlen(dt));
    }
    case HT_TITLE: {
        const html_node *t = n->first;
        if (x->have_title_text || !t || t->type != HN_TEXT || !t->text) return 0;
        x->have_title_text = true;
        x->title_source = t->src;
        sbuf_clear(&x->title_text);
        return sbuf_append(&x->title_text, t->text, t->len);
    }
    default:
        return 0;
    }
}

/* ---- the walk ------------------------------------------------------------------ */

static int push_frame(html_extractor *x, html_node *n, unsigned flags, bool block_level)
{
    if (x->depth == x->cap_stack) {
        size_t cap = x->cap_stack ? x->cap_stack * 2 : 64;
        frame *s = realloc(x->stack, cap * sizeof *s);
        if (!s) return -1;
        x->stack = s;
        x->cap_stack = cap;
    }
    uint32_t e = NO_ELEM;
    if (block_level) {
        if (x->nelems == x->cap_elems) {
            size_t cap = x->cap_elems ? x->cap_elems * 2 : 256;
            elem *es = realloc(x->elems, cap * sizeof *es);
            if (!es) return -1;
            x->elems = es;
            x->cap_elems = cap;
        }
        e = (uint32_t)x->nelems++;
        elem *el = &x->elems[e];
        memset(el, 0, sizeof *el);
        el->parent = NO_ELEM;
        for (size_t i = x->depth; i-- > 0;)
            if (x->stack[i].elem != NO_ELEM) {
                el->parent = x->stack[i].elem;
                break;
            }
        el->first = (uint32_t)x->nblocks;
        if (n->type == HN_ELEMENT) {
            el->tag = n->tag;
            const char *cls = attr(n, HA_CLASS);
            uint32_t h = 2166136261u ^ (uint32_t)el->tag;
            for (; cls && *cls; cls++) h = (h ^ (unsigned char)*cls) * 16777619u;
            el->sig = h;
        } else {
            el->tag = HT_UNKNOWN;
        }
    }
    frame *f = &x->stack[x->depth++];
    f->elem = e;
    f->node = n;
    f->next = n->first;
    f->flags = flags;
    f->block_level = block_level;
    f->first_block = (uint32_t)x->nblocks;
    f->total_before = x->total;
    return 0;
}

static unsigned element_flags(html_extractor *x, const html_node *n, unsigned inherited)
{
    html_tag tag = n->tag;
    unsigned f = inherited;
    /* One pass over the attributes for everything wanted from them. */
    const char *cls = NULL, *id = NULL, *style = NULL, *itemprop = NULL;
    bool href = false, is_hidden = false;
    for (unsigned i = 0; i < n->nattrs; i++) {
        const html_attr *a = &n->attrs[i];
        switch (a->key) {
        case HA_CLASS: cls = a->value; break;
        case HA_ID: id = a->value; break;
        case HA_ITEMPROP: itemprop = a->value; break;
        case HA_STYLE: style = a->value; break;
        case HA_HREF: href = true; break;
        case HA_HIDDEN: is_hidden = true; break;
        default: break;
        }
    }
    if (is_skipped_tag(tag) || is_hidden || hidden_style(style)) f |= F_SKIP;
    switch (tag) {
    case HT_A:
        if (href) f |= F_LINK;
        break;
    case HT_H1: f |= F_H1; break;
    case HT_H2: case HT_H3: case HT_H4: case HT_H5:
    case HT_H6: f |= F_HEADING; break;
    case HT_LI: case HT_DT: case HT_DD: f |= F_LI; break;
    case HT_BLOCKQUOTE: f |= F_QUOTE; break;
    case HT_FIGCAPTION: case HT_CAPTION: f |= F_CAPTION; break;
    case HT_TD: case HT_TH: f |= F_TABLE; break;
    case HT_PRE: f |= F_PRE; break;
    case HT_ARTICLE: case HT_MAIN: f |= F_POS; break;
    default: break;
    }
    if (itemprop && eq_nocase(itemprop, "articleBody")) f = (f & ~F_NEG) | F_POS;
    if (x->hints && tag != HT_BODY && tag != HT_HTML) f |= class_hints(x, cls, id);
    return f;
}

static int walk(html_extractor *x, html_node *root, bool meta)
{
    x->depth = 0;
    x->nblocks = 0;
    x->nelems = 0;
    x->total = 0;
    x->open = x->pending_space = false;
    x->best_first = x->best_end = 0;
    x->best_value = 0;
    sbuf_clear(&x->scratch);
    sbuf_clear(&x->scratch_anchors);
    if (push_frame(x, root, 0, true)) return -1;
    while (x->depth) {
        frame *f = &x->stack[x->depth - 1];
        if (f->next) {
            html_node *c = f->next;
            f->next = c->next;
            unsigned flags = f->flags;
            switch (c->type) {
            case HN_TEXT:
                if (!(flags & F_SKIP) && c->text && append_text(x, f, c)) return -1;
                break;
            case HN_ELEMENT: {
                if (meta && element_meta(x, c)) return -1;
                html_tag tag = c->tag;
                bool block_level = is_block_tag(tag);
                if (block_level && end_block(x)) return -1;
                unsigned cf = element_flags(x, c, flags);
                /* A skipped subtree is still walked when metadata may be
                 * in it (JSON-LD, <time>) on the first pass. */
                if ((cf & F_SKIP) && !meta) break;
                if (push_frame(x, c, cf, block_level)) return -1;
                break;
            }
            default:
                break;
            }
            continue;
        }
        /* All children done: the element closes. */
        if (f->block_level) {
            if (end_block(x)) return -1;
            f = &x->stack[x->depth - 1];
            double v = x->total - f->total_before;
            elem *el = &x->elems[f->elem];
            el->end = (uint32_t)x->nblocks;
            el->sum = v;
            if (v > x->best_value) {
                x->best_value = v;
                x->best_first = f->first_block;
                x->best_end = (uint32_t)x->nblocks;
            }
        }
        x->depth--;
    }
    return end_block(x);
}

/* ---- choosing the output -------------------------------------------------------- */

static bool same_text(const char *a, size_t an, const char *b, size_t bn)
{
    /* Compare letters and digits only, ignoring case. */
    size_t i = 0, j = 0;
    for (;;) {
        while (i < an && !(ch_is_alpha((unsigned char)a[i]) || ch_is_digit((unsigned char)a[i]) ||
                           (unsigned char)a[i] >= 0x80))
            i++;
        while (j < bn && !(ch_is_alpha((unsigned char)b[j]) || ch_is_digit((unsigned char)b[j]) ||
                           (unsigned char)b[j] >= 0x80))
            j++;
        if (i == an || j == bn) return i == an && j == bn;
        if (ch_lower((unsigned char)a[i]) != ch_lower((unsigned char)b[j])) return false;
        i++, j++;
    }
}

static bool contains(const char *hay, size_t hn, const char *needle, size_t nn)
{
    for (size_t i = 0; i + nn <= hn; i++)
        if (memcmp(hay + i, needle, nn) == 0) return true;
    return false;
}

/* Is b, shown inside the article, a part of it? */
static bool keep_block(const block *b)
{
    double len = b->end - b->start, ld = b->link / len;
    if (b->flags & (F_NEG | F_H1)) return false;
    /* Captions describe pictures, not the story. */
    if (b->flags & F_CAPTION) return false;
    /* A link list, unless the links are inside real sentences. */
    if (ld > 0.8 || (ld > 0.5 && len - b->link < 50)) return false;
    return true;
}

static int copy_block(html_extractor *x, const block *b)
{
    uint32_t at = (uint32_t)x->out.len;
    const dyad_anchor *as = (const dyad_anchor *)(void *)x->scratch_anchors.data;
    for (uint32_t k = b->a0; k < b->a1; k++) {
        uint32_t t = as[k].text < b->start ? b->start : as[k].text;
        if (push_anchor(&x->out_anchors, at + (t - b->start), as[k].source, k == b->a0))
            return -1;
    }
    return sbuf_append(&x->out, x->scratch.data + b->start, b->end - b->start);
}

/* Strips " | Site" or " - Site" from a <title>. */
static size_t title_core(const char *t, size_t n)
{
    static const char *const SEPS[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB "};
    size_t best = n;
    for (size_t s = 0; s < sizeof SEPS / sizeof *SEPS; s++) {
        size_t k = strlen(SEPS[s]);
        for (size_t i = n; i-- > 0;) {
            if (i + k <= n && memcmp(t + i, SEPS[s], k) == 0) {
                if (i >= 15 && i < best) best = i;
                break;
            }
        }
    }
    return best;
}

/* dst = the map a (x -> y, over xlen bytes of x) followed by the map b
 * (y -> z): each run of a that is one to one is cut again wherever b's
 * correspondence changes inside it.  Linear in both plus a binary search
 * per anchor of a. */
static int compose(sbuf *dst, const sbuf *a, size_t xlen, const sbuf *b)
{
    sbuf_clear(dst);
    const dyad_anchor *as = (const dyad_anchor *)(void *)a->data;
    const dyad_anchor *bs = (const dyad_anchor *)(void *)b->data;
    size_t na = nanchors(a), nb = nanchors(b);
    for (size_t i = 0; i < na; i++) {
        uint32_t x0 = as[i].text, y0 = as[i].source;
        uint32_t x1 = i + 1 < na ? as[i + 1].text : (uint32_t)xlen;
        size_t lo = 0, hi = nb;
        while (hi - lo > 1) {
            size_t mid = (lo + hi) / 2;
            if (bs[mid].text <= y0) lo = mid;
            else hi = mid;
        }
        uint32_t z0 = nb ? bs[lo].source + (y0 - bs[lo].text) : y0;
        if (push_anchor(dst, x0, z0, true)) return -1;
        for (size_t c = lo + 1; c < nb && bs[c].text < y0 + (x1 - x0); c++)
            if (bs[c].text > y0 && push_anchor(dst, x0 + (bs[c].text - y0), bs[c].source, false))
                return -1;
    }
    return 0;
}

static void mark(html_extractor *x, uint32_t first, uint32_t end)
{
    for (uint32_t i = first; i < end; i++) x->blocks[i].flags |= F_CHOSEN;
}

/* A sibling worth this share of the article's element is a part of it. */
#define SIBLING_SHARE 0.2
/* The article: the element with the most paragraph value of its own
 * (children in full, grandchildren by half), and those of its siblings
 * that are worth a good share of it or look like it (the same tag and
 * class: an article cut into parts by an advertisement). */
static void choose(html_extractor *x)
{
    uint32_t c = NO_ELEM;
    double best = 0;
    for (size_t e = 0; e < x->nelems; e++)
        if (x->elems[e].direct > best) {
            best = x->elems[e].direct;
            c = (uint32_t)e;
        }
    if (c == NO_ELEM && x->best_value <= 0) {
        /* No paragraph long enough to be evidence: a brief of a sentence
         * or two.  Its prose is what the page has -- the blocks of
         * sentences (a sentence end, few links) outside what the page
         * marks as navigation or boilerplate. */
        for (size_t i = 0; i < x->nblocks; i++) {
            block *b = &x->blocks[i];
            double len = b->end - b->start;
            if (b->punct >= 1 && len >= 40 && b->link < 0.2 * len && !(b->flags & (F_NEG | F_HEADING)))
                b->flags |= F_CHOSEN;
        }
        return;
    }
    if (c == NO_ELEM) {
        mark(x, x->best_first, x->best_end);
        return;
    }
    for (size_t e = 0; e < x->nelems; e++)
        if (x->elems[e].sum > 0 && x->elems[e].parent != NO_ELEM)
            x->elems[x->elems[e].parent].valued++;
    /* Wrappers around the article alone (a div around the div holding
     * the paragraphs) are the article too; their siblings are its parts. */
    mark(x, x->elems[c].first, x->elems[c].end);
    while (x->elems[c].parent != NO_ELEM && x->elems[x->elems[c].parent].valued == 1 &&
           x->elems[x->elems[c].parent].tag != HT_BODY)
        c = x->elems[c].parent;
    const elem *ce = &x->elems[c];
    if (ce->parent == NO_ELEM) return;
    for (size_t e = ce->parent + 1; e < x->nelems; e++) {
        const elem *s = &x->elems[e];
        if (s->first >= x->elems[ce->parent].end) break;
        if (s->parent != ce->parent || e == c || s->sum <= 0) continue;
        if (s->sum >= SIBLING_SHARE * ce->sum || s->sig == ce->sig) mark(x, s->first, s->end);
    }
}

static int build_output(html_extractor *x)
{
#ifdef HTML_DEBUG
    /* Development aid: every block with its value and flags, "*" inside
     * the chosen element, "+" kept. */
    for (size_t i = 0; i < x->nblocks; i++) {
        const block *b = &x->blocks[i];
        fprintf(stderr, "%c%c %7.1f %4x l%-4u %.*s\n", b->flags & F_CHOSEN ? '*' : ' ',
                b->flags & F_CHOSEN && keep_block(b) ? '+' : ' ', b->value, b->flags & 0xfff,
                b->link, (int)(b->end - b->start > 100 ? 100 : b->end - b->start),
                x->scratch.data + b->start);
    }
#endif
    sbuf_clear(&x->out);
    sbuf_clear(&x->out_anchors);
    /* The headline: the page's <h1> when it agrees with the meta title
     * (it is the visible one), else og:title, else <title> without its
     * site suffix. */
    const block *h1 = NULL;
    for (size_t i = 0; i < x->nblocks; i++)
        if (x->blocks[i].flags & F_H1 && !(x->blocks[i].flags & F_NEG)) {
            h1 = &x->blocks[i];
            break;
        }
    const char *mt = x->title.rank ? x->title.text.data : NULL;
    size_t mtn = mt ? x->title.text.len : 0;
    if (!mt && x->have_title_text) {
        mt = x->title_text.data;
        mtn = title_core(mt, x->title_text.len);
    }
    bool used_h1 = false;
    if (h1) {
        const char *ht = x->scratch.data + h1->start;
        size_t hn = h1->end - h1->start;
        if (!mt || (hn >= 10 && mtn >= hn && contains(mt, mtn, ht, hn)) || same_text(ht, hn, mt, mtn)) {
            if (copy_block(x, h1)) return -1;
            used_h1 = true;
        }
    }
    if (!used_h1 && mt) {
        uint32_t src = mt == x->title_text.data ? x->title_source : x->title.source;
        if (push_anchor(&x->out_anchors, 0, src, true)) return -1;
        /* Newlines inside a title would split it into two parts. */
        for (size_t i = 0; i < mtn; i++)
            if (sbuf_putc(&x->out, is_ws((unsigned char)mt[i]) ? ' ' : mt[i])) return -1;
    }
    const char *title = x->out.data;
    size_t title_len = x->out.len;
    if (x->out.len && sbuf_append(&x->out, "\n\n", 2)) return -1;
    size_t body = x->out.len;
    const block *pending = NULL;
    for (uint32_t i = 0; i < x->nblocks; i++) {
        const block *b = &x->blocks[i];
        if (!(b->flags & F_CHOSEN) || !keep_block(b)) continue;
        title = x->out.data;
        if (x->out.len == body && title_len &&
            same_text(x->scratch.data + b->start, b->end - b->start, title, title_len))
            continue;
        /* A heading waits for text of its own: one followed only by
         * another heading or by the end ("You may also like:" over a
         * dropped link list, "2 comments") is not the article's. */
        if (b->flags & F_HEADING) {
            pending = b;
            continue;
        }
        for (int k = 0; k < 2; k++) {
            const block *c = k ? b : pending;
            if (!c) continue;
            if (x->out.len > body && sbuf_append(&x->out, "\n\n", 2)) return -1;
            if (copy_block(x, c)) return -1;
        }
        pending = NULL;
    }
    if (x->out.len == body && body >= 2) x->out.len = body - 2;
    if (sbuf_putc(&x->out, 0)) return -1;
    x->out.len--;
    /* Work offsets become page offsets: each run of text that is one to
     * one with the work buffer is cut again wherever the charset
     * conversion changed lengths inside it. */
    if (nanchors(&x->conv_map)) {
        if (compose(&x->tmp, &x->out_anchors, x->out.len, &x->conv_map)) return -1;
        sbuf swap = x->out_anchors;
        x->out_anchors = x->tmp;
        x->tmp = swap;
    }
    dyad_anchor *as = (dyad_anchor *)(void *)x->out_anchors.data;
    if (nanchors(&x->out_anchors) == 0 || as[0].text != 0) {
        /* The first anchor is at offset 0 (the contract in dyad.h). */
        dyad_anchor z = {0, nanchors(&x->out_anchors) ? as[0].source : 0};
        if (sbuf_append(&x->out_anchors, &z, sizeof z)) return -1;
        as = (dyad_anchor *)(void *)x->out_anchors.data;
        memmove(as + 1, as, x->out_anchors.len - sizeof z);
        as[0] = z;
    }
    return (int)body;
}

static void reset_meta(html_extractor *x)
{
    meta_field *all[] = {&x->title, &x->h1, &x->url, &x->outlet, &x->date, &x->lang};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        sbuf_clear(&all[i]->text);
        all[i]->rank = 0;
    }
    x->have_title_text = false;
    sbuf_clear(&x->title_text);
}

static const char *field(const meta_field *f) { return f->rank ? f->text.data : NULL; }

/* A site name from a URL's host: "https://www.bbc.co.uk/x" -> "bbc.co.uk". */
static int outlet_from_url(html_extractor *x, const char *url)
{
    const char *p = strstr(url, "://");
    if (!p) return 0;
    p += 3;
    if (strncmp(p, "www.", 4) == 0) p += 4;
    size_t n = 0;
    while (p[n] && p[n] != '/' && p[n] != ':' && p[n] != '?' && p[n] != '#') n++;
    return set_field(&x->outlet, 1, p, n, 0);
}

/* The /2019/11/25/ of an article URL. */
static int date_from_url(html_extractor *x, const char *url)
{
    for (const char *p = url; (p = strchr(p, '/')) != NULL; p++) {
        if (strlen(p) >= 11 && ch_is_digit(p[1]) && ch_is_digit(p[2]) && ch_is_digit(p[3]) &&
            ch_is_digit(p[4]) && p[5] == '/' && ch_is_digit(p[6]) && ch_is_digit(p[7]) &&
            p[8] == '/' && ch_is_digit(p[9]) && ch_is_digit(p[10])) {
            char iso[11];
            memcpy(iso, p + 1, 10);
            iso[4] = iso[7] = '-';
            iso[10] = 0;
            return set_date(x, 1, iso, 10);
        }
    }
    return 0;
}

static html_node *parse(html_extractor *x, size_t len, bool *over_budget)
{
    return html_parse(&x->mem, HTML_PARSE_BUDGET, &x->parse_text, x->work.data, len, over_budget);
}

/* What libxml2 must not see: NUL ends its input, and other C0 controls
 * are dropped from its text (the text would no longer line up with the
 * page).  They are never text; a space keeps every offset. */
static void blank_controls(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') s[i] = ' ';
    }
}

int html_extract(html_extractor *x, const char *page, size_t len, const char *charset,
                 const char *url, html_page *out)
{
    memset(out, 0, sizeof *out);
    reset_meta(x);
    arena_reset(&x->mem);
    sbuf_clear(&x->work);
    sbuf_clear(&x->conv_map);
    if (len > HTML_MAX_PAGE) {
        len = HTML_MAX_PAGE;
        out->truncated = true;
    }
    html_declared_charset(page, len, charset, out->charset);
    bool converted = false;
    if (!html_charset_is_utf8(out->charset)) {
        if (html_convert(page, len, out->charset, &x->work, &x->conv_map, &out->invalid_bytes) == 0)
            converted = true;
        else {
            sbuf_clear(&x->work);
            sbuf_clear(&x->conv_map);
            out->unknown_charset = true;
        }
    }
    if (!converted) {
        if (!utf8_valid(page, len)) {
            /* Undeclared and not UTF-8: the web's default is windows-1252. */
            if (!out->charset[0] &&
                html_convert(page, len, "windows-1252", &x->work, &x->conv_map,
                             &out->invalid_bytes) == 0) {
                converted = true;
                strcpy(out->charset, "windows-1252");
            } else {
                /* Declared UTF-8 (or a charset iconv does not know) with
                 * invalid bytes: each becomes U+FFFD, as a browser shows
                 * it, and the parser gets valid UTF-8. */
                sbuf_clear(&x->work);
                sbuf_clear(&x->conv_map);
                out->invalid_bytes = 0;
                if (html_convert(page, len, "utf-8", &x->work, &x->conv_map,
                                 &out->invalid_bytes) == 0) {
                    converted = true;
                } else {
                    sbuf_clear(&x->work);
                    sbuf_clear(&x->conv_map);
                    return -1;
                }
            }
        }
        if (!converted && sbuf_append(&x->work, page, len)) return -1;
    }
    if (!out->charset[0]) strcpy(out->charset, "utf-8");
    if (sbuf_reserve(&x->work, 1)) return -1;
    x->work.data[x->work.len] = 0;
    if (x->work.len > UINT32_MAX - 16) return -1;
    /* Cut what is never text; the cuts join the map back to the page. */
    if (compact(x->work.data, x->work.len, &x->tmp, &x->scratch_anchors)) return -1;
    if (converted) {
        if (compose(&x->out_anchors, &x->scratch_anchors, x->tmp.len, &x->conv_map)) return -1;
        sbuf swap = x->conv_map;
        x->conv_map = x->out_anchors;
        x->out_anchors = swap;
    } else {
        sbuf swap = x->conv_map;
        x->conv_map = x->scratch_anchors;
        x->scratch_anchors = swap;
    }
    {
        sbuf swap = x->work;
        x->work = x->tmp;
        x->tmp = swap;
    }
    out->flattened_tags = flatten_deep(x->work.data, x->work.len);
    blank_controls(x->work.data, x->work.len);

    bool over = false;
    html_node *doc = parse(x, x->work.len, &over);
    if (!doc && !over) return -1;
    if (!doc) {
        /* Over budget: the article is near the top, so parse a quarter
         * (a page that needs it is pathological), cut at a character. */
        size_t cut = x->work.len / 4;
        while (cut && ((unsigned char)x->work.data[cut] & 0xC0) == 0x80) cut--;
        out->parse_cut = cut;
        arena_reset(&x->mem);
        doc = parse(x, out->parse_cut, &over);
        if (!doc && !over) return -1;
        if (!doc) {
            arena_free(&x->mem);
            arena_init(&x->mem);
            out->too_complex = true;
            return 0;
        }
    }

    x->hints = true;
    if (walk(x, doc, true)) return -1;
    /* Hints that removed the article with the boilerplate: go without. */
    size_t chosen = 0;
    for (uint32_t i = x->best_first; i < x->best_end; i++)
        if (keep_block(&x->blocks[i])) chosen += x->blocks[i].end - x->blocks[i].start;
    if (chosen < 200) {
        x->hints = false;
        if (walk(x, doc, false)) return -1;
    }
    if (url && *url && set_field(&x->url, 1, url, strlen(url), 0)) return -1;
    if (x->url.rank && outlet_from_url(x, x->url.text.data)) return -1;
    if (x->url.rank && date_from_url(x, x->url.text.data)) return -1;

    choose(x);
    int body = build_output(x);
    if (body < 0) return -1;
    out->text = x->out.data;
    out->len = x->out.len;
    out->body = (size_t)body;
    out->anchors = (const dyad_anchor *)(void *)x->out_anchors.data;
    out->nanchors = nanchors(&x->out_anchors);
    if (out->body > 2) {
        /* The headline as it opens the text (body - 2 even when a page
         * without body text lost the "\n\n" after it). */
        if (set_field(&x->h1, 9, x->out.data, out->body - 2, 0)) return -1;
        out->title = field(&x->h1);
    }
    if (out->body > out->len) out->body = out->len;
    out->url = field(&x->url);
    out->outlet = field(&x->outlet);
    if (x->lang.rank) {
        char *l = x->lang.text.data;
        for (char *p = l; *p; p++) *p = (char)(*p == '_' ? '-' : ch_lower((unsigned char)*p));
        out->declared_language = l;
    }
    if (x->date.rank) memcpy(out->date, x->date.text.data, 11);
    out->language = html_guess_language(x->out.data + out->body, x->out.len - out->body);
    /* A huge page's blocks are not kept for the next, smaller ones. */
    if (x->mem.used_total > ((size_t)64 << 20)) {
        arena_free(&x->mem);
        arena_init(&x->mem);
    } else {
        arena_reset(&x->mem);
    }
    return 0;
}
