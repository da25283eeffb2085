/*
 * feed_parse.c -- RSS 2.0, RSS 1.0 and Atom feeds (libxml2), for
 * `dyad feeds`.
 *
 * Feeds come from the internet, so the XML is hostile.  libxml2 parses
 * without network access, without loading DTDs and without substituting
 * entities; and text is gathered here from text and CDATA nodes only,
 * never through xmlNodeGetContent(), which would follow entity
 * references into their declarations (billion laughs).  Fields are
 * capped, items are capped, and libxml2's own depth and size limits stay
 * on (no XML_PARSE_HUGE).
 */
#include "internal.h"
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* No title, link or id of a real feed comes near this; longer text is cut
 * so one item cannot hold the run's memory. */
#define FIELD_MAX 8192
#define DEPTH_MAX 32

struct dyad_feed {
    dyad_feed_kind kind;
    char *title;
    dyad_feed_item *items;
    size_t n, cap, skipped;
    arena mem; /* the items' strings */
};

typedef struct parse_ctx {
    dyad_feed *feed;
    const char *name, *base;
    dyad_diag_fn diag;
    void *user;
    sbuf buf;
    bool oom;
} parse_ctx;

static void report(parse_ctx *c, dyad_severity sev, size_t line, const char *msg)
{
    if (!c->diag) return;
    dyad_diag d = {sev, c->name ? c->name : "<feed>", line, NULL, msg};
    c->diag(&d, c->user);
}

static bool named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static bool in_ns(const xmlNode *n, const char *prefix_of_href)
{
    return n->ns && n->ns->href && strncmp((const char *)n->ns->href, prefix_of_href, strlen(prefix_of_href)) == 0;
}

static void gather(parse_ctx *c, const xmlNode *n, int depth)
{
    for (const xmlNode *k = n->children; k && c->buf.len < FIELD_MAX; k = k->next) {
        if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content) {
            size_t len = strlen((const char *)k->content);
            if (len > FIELD_MAX - c->buf.len) len = FIELD_MAX - c->buf.len;
            if (sbuf_append(&c->buf, k->content, len)) c->oom = true;
        } else if (k->type == XML_ELEMENT_NODE && depth < DEPTH_MAX) {
            /* Atom's type="xhtml" text is markup inside a <div> */
            gather(c, k, depth + 1);
        }
        /* XML_ENTITY_REF_NODE: deliberately nothing */
    }
}

static bool space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v'; }

/* The element's text, trimmed, with runs of white space (and NULs) made
 * one space; NULL when empty.  The string lives in the feed. */
static char *text_of(parse_ctx *c, const xmlNode *n)
{
    sbuf_clear(&c->buf);
    gather(c, n, 0);
    size_t o = 0;
    bool gap = false;
    for (size_t i = 0; i < c->buf.len; i++) {
        char ch = c->buf.data[i];
        if (space(ch) || ch == '\0') { gap = true; continue; }
        if (gap && o) c->buf.data[o++] = ' ';
        gap = false;
        c->buf.data[o++] = ch;
    }
    if (!o) return NULL;
    char *s = arena_strndup(&c->feed->mem, c->buf.data, o);
    if (!s) c->oom = true;
    return s;
}

static char *attr_of(parse_ctx *c, const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v) return NULL;
    size_t len = strnlen((const char *)v, FIELD_MAX);
    char *s = len ? arena_strndup(&c->feed->mem, (const char *)v, len) : NULL;
    if (len && !s) c->oom = true;
    xmlFree(v);
    return s;
}

/* An absolute http(s) URL for link, resolved against the feed; NULL for
 * anything else (javascript:, file:, mailto:, garbage): a feed must not
 * send the fetcher to a local file. */
static char *absolute_url(parse_ctx *c, const char *link)
{
    if (!link) return NULL;
    xmlChar *u = xmlBuildURI((const xmlChar *)link, (const xmlChar *)(c->base ? c->base : ""));
    const char *s = u ? (const char *)u : link;
    char *out = NULL;
    if ((strncasecmp(s, "http://", 7) == 0 && s[7]) || (strncasecmp(s, "https://", 8) == 0 && s[8])) {
        bool clean = true;
        for (const char *p = s; *p; p++)
            if ((unsigned char)*p <= ' ') clean = false;
        if (clean && !(out = arena_strndup(&c->feed->mem, s, strlen(s)))) c->oom = true;
    }
    if (u) xmlFree(u);
    return out;
}

static int month_of(const char *p)
{
    static const char *const m[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; i++)
        if (strncasecmp(p, m[i], 3) == 0) return i + 1;
    return 0;
}

/* "Mon, 07 Dec 2026 10:00:00 GMT" (RFC 822, with the day name optional
 * and two-digit years as RFC 1123 allows) or "2026-12-07T10:00:00Z" (RFC
 * 3339; W3C-DTF for dc:date): the day as written, in the publisher's
 * zone, which is the day a reader of the story saw. */
static void parse_date(const char *s, char out[11])
{
    out[0] = '\0';
    if (!s) return;
    char buf[11];
    int32_t ymd;
    if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
        memcpy(buf, s, 10);
        buf[10] = '\0';
        if (dyad_date_parse(buf, &ymd) == 0) memcpy(out, buf, 11);
        return;
    }
    const char *p = s;
    while (*p && !(*p >= '0' && *p <= '9')) {
        if (*p == ',') { p++; break; }
        p++;
    }
    while (*p == ' ') p++;
    int day = 0, year = 0, nd = 0, ny = 0;
    while (*p >= '0' && *p <= '9' && nd < 2) day = day * 10 + (*p++ - '0'), nd++;
    if (!nd || *p != ' ') return;
    while (*p == ' ') p++;
    int mon = month_of(p);
    if (!mon) return;
    while (*p && *p != ' ') p++;
    while (*p == ' ') p++;
    while (*p >= '0' && *p <= '9' && ny < 4) year = year * 10 + (*p++ - '0'), ny++;
    if (ny == 2) year += year < 50 ? 2000 : 1900;
    else if (ny != 4) return;
    if (year < 1000 || year > 9999 || day < 1 || day > 31) return;
    snprintf(buf, sizeof buf, "%04u-%02u-%02u", (unsigned)year % 10000u, (unsigned)mon % 100u, (unsigned)day % 100u);
    if (dyad_date_parse(buf, &ymd) == 0) memcpy(out, buf, 11);
}

static void add_item(parse_ctx *c, const xmlNode *item)
{
    dyad_feed *f = c->feed;
    dyad_feed_item it;
    memset(&it, 0, sizeof it);
    it.line = (size_t)(item->line > 0 ? item->line : 0);
    const char *link = NULL, *guid = NULL, *date = NULL, *updated = NULL;
    bool guid_permalink = false;
    for (const xmlNode *k = item->children; k && !c->oom; k = k->next) {
        if (k->type != XML_ELEMENT_NODE) continue;
        if (named(k, "title") && !it.title) it.title = text_of(c, k);
        else if (named(k, "link") && f->kind == DYAD_FEED_ATOM) {
            char *rel = attr_of(c, k, "rel");
            if (!link && (!rel || strcmp(rel, "alternate") == 0)) link = attr_of(c, k, "href");
        } else if (named(k, "link") && !link && !in_ns(k, "http://www.w3.org/2005/Atom")) link = text_of(c, k);
        else if ((named(k, "guid") || (named(k, "id") && f->kind == DYAD_FEED_ATOM)) && !guid) {
            guid = text_of(c, k);
            char *pl = attr_of(c, k, "isPermaLink");
            guid_permalink = named(k, "guid") && (!pl || strcasecmp(pl, "false") != 0);
        } else if ((named(k, "pubDate") || named(k, "published") || named(k, "date")) && !date)
            date = text_of(c, k);
        else if (named(k, "updated") && !updated) updated = text_of(c, k);
    }
    if (c->oom) return;
    if (!guid && f->kind == DYAD_FEED_RDF) guid = attr_of(c, item, "about");
    it.link = absolute_url(c, link);
    if (!it.link && guid_permalink) it.link = absolute_url(c, guid);
    it.id = guid ? guid : it.link;
    parse_date(date ? date : updated, it.date);
    if (!it.link) {
        f->skipped++;
        report(c, DYAD_ERROR, it.line, "feed item without an http(s) link, skipped");
        return;
    }
    if (f->n == DYAD_FEED_MAX_ITEMS) {
        if (f->skipped++ == 0) report(c, DYAD_ERROR, it.line, "more than 10000 items; the rest are skipped");
        return;
    }
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        dyad_feed_item *p = realloc(f->items, cap * sizeof *p);
        if (!p) { c->oom = true; return; }
        f->items = p;
        f->cap = cap;
    }
    f->items[f->n++] = it;
}

static void walk_items(parse_ctx *c, const xmlNode *parent, const char *item_name)
{
    for (const xmlNode *k = parent->children; k && !c->oom; k = k->next) {
        if (named(k, item_name)) add_item(c, k);
        else if (named(k, "title") && !c->feed->title) c->feed->title = text_of(c, k);
    }
}

dyad_feed *dyad_feed_parse(const char *name, const char *data, size_t len, const char *base,
                           dyad_diag_fn diag, void *user)
{
    parse_ctx c = {.name = name, .base = base, .diag = diag, .user = user};
    if (!data || len == 0) { report(&c, DYAD_ERROR, 0, "empty feed"); return NULL; }
    if (len > DYAD_FEED_MAX_BYTES) { report(&c, DYAD_ERROR, 0, "feed larger than 32 MiB, skipped"); return NULL; }
    xmlParserCtxtPtr px = xmlNewParserCtxt();
    if (!px) { report(&c, DYAD_ERROR, 0, "out of memory"); return NULL; }
    /* no XML_PARSE_NOENT (entities stay references), no DTDLOAD/DTDATTR
     * (no external subset is read), NONET (nothing is fetched) */
    xmlDocPtr doc = xmlCtxtReadMemory(px, data, (int)len, NULL, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                          XML_PARSE_NOBLANKS | XML_PARSE_BIG_LINES);
    if (!doc || !px->wellFormed) {
        const xmlError *e = &px->lastError;
        char msg[400];
        size_t n = e->message ? strcspn(e->message, "\n") : 0;
        snprintf(msg, sizeof msg, "not a well-formed feed: %.*s", (int)(n > 300 ? 300 : n),
                 e->message ? e->message : "unreadable XML");
        report(&c, DYAD_ERROR, e->line > 0 ? (size_t)e->line : 0, msg);
        if (doc) xmlFreeDoc(doc);
        xmlFreeParserCtxt(px);
        return NULL;
    }
    xmlFreeParserCtxt(px);
    dyad_feed *f = calloc(1, sizeof *f);
    if (!f) { xmlFreeDoc(doc); report(&c, DYAD_ERROR, 0, "out of memory"); return NULL; }
    arena_init(&f->mem);
    c.feed = f;
    const xmlNode *root = xmlDocGetRootElement(doc);
    bool known = true;
    if (named(root, "rss")) {
        f->kind = DYAD_FEED_RSS;
        for (const xmlNode *k = root->children; k; k = k->next)
            if (named(k, "channel")) { walk_items(&c, k, "item"); break; }
    } else if (named(root, "feed")) {
        f->kind = DYAD_FEED_ATOM;
        walk_items(&c, root, "entry");
    } else if (named(root, "RDF")) {
        f->kind = DYAD_FEED_RDF;
        for (const xmlNode *k = root->children; k; k = k->next)
            if (named(k, "channel") && !f->title)
                for (const xmlNode *t = k->children; t; t = t->next)
                    if (named(t, "title")) { f->title = text_of(&c, t); break; }
        walk_items(&c, root, "item");
    } else {
        known = false;
    }
    char msg[160];
    if (c.oom) snprintf(msg, sizeof msg, "out of memory");
    else snprintf(msg, sizeof msg, "not an RSS or Atom feed (root element <%.60s>)",
                  root && root->name ? (const char *)root->name : "none");
    xmlFreeDoc(doc);
    sbuf_free(&c.buf);
    if (!known || c.oom) {
        report(&c, DYAD_ERROR, 0, msg);
        dyad_feed_free(f);
        return NULL;
    }
    return f;
}

dyad_feed_kind dyad_feed_type(const dyad_feed *f) { return f ? f->kind : DYAD_FEED_RSS; }

const char *dyad_feed_title(const dyad_feed *f) { return f ? f->title : NULL; }

size_t dyad_feed_items(const dyad_feed *f, const dyad_feed_item **items)
{
    if (items) *items = f ? f->items : NULL;
    return f ? f->n : 0;
}

size_t dyad_feed_skipped(const dyad_feed *f) { return f ? f->skipped : 0; }

void dyad_feed_free(dyad_feed *f)
{
    if (!f) return;
    arena_free(&f->mem);
    free(f->items);
    free(f);
}
