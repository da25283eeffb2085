/* test_html.c -- web pages and WARC archives: main-text extraction,
 * metadata, the map from text back to page bytes, charsets, languages,
 * gzip, WARC records (built here from pages written here), and hostile
 * input (deep nesting, broken records, truncation).  Inputs are read from
 * memory and from a stream in tiny chunks, and both readings must agree. */
#include "harness.h"
#include "internal.h"
#include "html/html.h"
#include "read/reader.h"
#include <stdlib.h>
#include <zlib.h>

/* ---- helpers --------------------------------------------------------------- */

typedef struct seen {
    size_t ndocs, notes, warnings, errors;
    char ids[8][96], urls[8][96], titles[8][128], dates[8][11], langs[8][8], outlets[8][64];
    char *texts[8];
    size_t diag_line[8];
    char diag_msg[8][200];
    size_t ndiag;
    size_t skipped, other_language, passed_over;
} seen;

static void on_diag(const dyad_diag *d, void *user)
{
    seen *s = user;
    if (d->severity == DYAD_NOTE) s->notes++;
    else if (d->severity == DYAD_WARNING) s->warnings++;
    else s->errors++;
    if (s->ndiag < 8) {
        s->diag_line[s->ndiag] = d->line;
        snprintf(s->diag_msg[s->ndiag], sizeof s->diag_msg[0], "%s", d->message);
        s->ndiag++;
    }
}

static void copy(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

static void read_all(dyad_reader *r, seen *s)
{
    dyad_document doc;
    while (r && dyad_reader_next(r, &doc)) {
        if (s->ndocs < 8) {
            size_t i = s->ndocs;
            copy(s->ids[i], sizeof s->ids[i], doc.id);
            copy(s->urls[i], sizeof s->urls[i], doc.url);
            copy(s->titles[i], sizeof s->titles[i], doc.title);
            copy(s->dates[i], sizeof s->dates[i], doc.date);
            copy(s->langs[i], sizeof s->langs[i], doc.language);
            copy(s->outlets[i], sizeof s->outlets[i], doc.source);
            s->texts[i] = malloc(doc.len + 1);
            memcpy(s->texts[i], doc.text, doc.len + 1);
        }
        s->ndocs++;
    }
    if (r) {
        s->skipped = dyad_reader_skipped(r);
        s->other_language = dyad_reader_other_language(r);
        s->passed_over = dyad_reader_passed_over(r);
    }
}

static void seen_free(seen *s)
{
    for (size_t i = 0; i < 8 && i < s->ndocs; i++) free(s->texts[i]);
}

/* Reads data from memory, and again from a stream in chunks of `chunk`
 * bytes; checks that both agree and returns the memory reading. */
static bool read_both(tctx *t, const char *data, size_t len, dyad_format f, bool all_lang,
                      seen *mem)
{
    memset(mem, 0, sizeof *mem);
    dyad_reader *r = dyad_reader_open_memory("page", data, len, f, on_diag, mem);
    dyad_reader_accept_all_languages(r, all_lang);
    read_all(r, mem);
    dyad_reader_close(r);
    FILE *fp = tmpfile();
    if (!fp) return true;
    fwrite(data, 1, len, fp);
    rewind(fp);
    seen st;
    memset(&st, 0, sizeof st);
    r = reader_open_stream(fp, true, "page", f, 7, on_diag, &st);
    dyad_reader_accept_all_languages(r, all_lang);
    read_all(r, &st);
    dyad_reader_close(r);
    bool same = st.ndocs == mem->ndocs && st.skipped == mem->skipped &&
                st.errors == mem->errors && st.warnings == mem->warnings &&
                st.passed_over == mem->passed_over;
    for (size_t i = 0; same && i < mem->ndocs && i < 8; i++)
        same = strcmp(st.texts[i], mem->texts[i]) == 0 && strcmp(st.ids[i], mem->ids[i]) == 0 &&
               strcmp(st.urls[i], mem->urls[i]) == 0 && st.diag_line[i] == mem->diag_line[i];
    seen_free(&st);
    if (!same) tctx_fail(t, __FILE__, __LINE__, "memory and stream readings differ");
    return same;
}

static const char ARTICLE[] =
    "<!DOCTYPE html>\n<html lang=\"en-GB\"><head>\n"
    "<meta charset=\"utf-8\">\n"
    "<title>Talks resume in Geneva | Example News</title>\n"
    "<meta property=\"og:site_name\" content=\"Example News\">\n"
    "<link rel=\"canonical\" href=\"https://news.example.com/2022/01/27/talks\">\n"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
    "\"2022-01-27T08:30:00Z\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example\"}}"
    "</script>\n</head>\n<body>\n"
    "<nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>"
    "<li><nav><a href=\"/sport\">Sport</a></nav> <a href=\"/arts\">Arts</a></li></ul></nav>\n"
    "<div class=\"page\"><div class=\"main\">\n"
    "<!-- an old <p>comment</p> --><script>document.write(\"<p>Not text</p>\");</script>"
    "<style>p { color: red }</style><svg><text>Not text either</text></svg>\n"
    "<article><h1>Talks resume in Geneva</h1>\n"
    "<div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div>\n"
    "<div class=\"article-body\">\n"
    "<p data-id=\"p1\" title='a > b' onclick=x>The United States has delivered a written "
    "response to Russia&#39;s demands, the State "
    "Department said on Wednesday, and officials expect talks in Geneva next week.</p>\n"
    "<img src=\"x.jpg\" srcset=\"x2.jpg 2x\" alt=\"A picture\">"
    "<p>Russia has expressed disappointment with the response, saying that its main concerns "
    "were not addressed, according to a <a href=\"https://example.com/s?a=1&amp;b=2\">statement</a> "
    "from AT&amp;T&nbsp;analysts in Moscow.</p>\n"
    "<div class=\"ad-slot\">Advertisement</div>\n"
    "<p>NATO also delivered its written response on the same day, and both sides said they "
    "were prepared to continue talking at the level of deputy foreign ministers.</p>\n"
    "</div></article>\n"
    "<div class=\"related-stories\"><h3>Related</h3><ul>"
    "<li><a href=\"/a\">Another story about something else entirely happening far away</a></li>"
    "<li><a href=\"/b\">A second story with a long headline that is only a link</a></li></ul></div>\n"
    "<div id=\"comments\"><p>This is a reader comment that is long enough to look like a "
    "paragraph of text, with commas, and full stops. It should not be part of the article.</p></div>\n"
    "</div></div>\n"
    "<footer><p>Copyright 2022 Example News. All rights reserved.</p></footer>\n"
    "</body></html>\n";

/* ---- extraction -------------------------------------------------------------- */

static void test_article_text_and_metadata(tctx *t)
{
    seen s;
    read_both(t, ARTICLE, sizeof ARTICLE - 1, DYAD_FORMAT_AUTO, false, &s);
    CHECK_INT(s.ndocs, 1);
    const char *text = s.texts[0];
    CHECK(strncmp(text, "Talks resume in Geneva\n\n", 24) == 0);
    CHECK(strstr(text, "The United States has delivered a written response to Russia's demands"));
    CHECK(strstr(text, "AT&T analysts in Moscow.") || strstr(text, "AT&T\xC2\xA0" "analysts"));
    CHECK(strstr(text, "deputy foreign ministers."));
    /* Boilerplate left out. */
    CHECK(!strstr(text, "Home"));
    CHECK(!strstr(text, "Arts")); /* after a nav inside the nav */
    CHECK(!strstr(text, "Share on Facebook"));
    CHECK(!strstr(text, "Advertisement"));
    CHECK(!strstr(text, "Another story"));
    CHECK(!strstr(text, "reader comment"));
    CHECK(!strstr(text, "Copyright"));
    CHECK(!strstr(text, "Not text"));
    CHECK(!strstr(text, "comment"));
    CHECK_STR(s.titles[0], "Talks resume in Geneva");
    CHECK_STR(s.dates[0], "2022-01-27");
    CHECK_STR(s.urls[0], "https://news.example.com/2022/01/27/talks");
    CHECK_STR(s.outlets[0], "Example News");
    CHECK_STR(s.langs[0], "en");
    CHECK_STR(s.ids[0], "page");
    seen_free(&s);
}

/* Every word of the extracted text maps back to the same word in the
 * page, through entities and whitespace collapsing. */
static void test_offsets_map_to_page(tctx *t)
{
    dyad_reader *r = dyad_reader_open_memory("p.html", ARTICLE, sizeof ARTICLE - 1,
                                             DYAD_FORMAT_HTML, NULL, NULL);
    dyad_document doc;
    CHECK(dyad_reader_next(r, &doc));
    CHECK(doc.nanchors > 0 && doc.anchors[0].text == 0);
    CHECK_INT(doc.source_len, sizeof ARTICLE - 1);
    size_t words = 0;
    for (size_t i = 0; i < doc.len;) {
        if (!ch_is_alpha((unsigned char)doc.text[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < doc.len && ch_is_alpha((unsigned char)doc.text[j])) j++;
        size_t src = dyad_source_offset(&doc, i);
        if (src + (j - i) > sizeof ARTICLE - 1 || memcmp(ARTICLE + src, doc.text + i, j - i) != 0) {
            tctx_fail(t, __FILE__, __LINE__, "word '%.*s' at %zu maps to '%.*s'", (int)(j - i),
                      doc.text + i, i, (int)(j - i), ARTICLE + src);
            dyad_reader_close(r);
            return;
        }
        words++;
        i = j;
    }
    CHECK(words > 60);
    /* No anchors for other formats: offsets are their own. */
    dyad_document plain = {0};
    CHECK_INT(dyad_source_offset(&plain, 42), 42);
    dyad_reader_close(r);
}

/* Every word of the text maps back to the same bytes of the page; returns
 * how many words were checked. */
static size_t words_map_back(tctx *t, const char *page, size_t len)
{
    dyad_reader *r = dyad_reader_open_memory("p.html", page, len, DYAD_FORMAT_HTML, NULL, NULL);
    dyad_reader_accept_all_languages(r, 1);
    dyad_document doc;
    size_t words = 0;
    if (!dyad_reader_next(r, &doc)) {
        tctx_fail(t, __FILE__, __LINE__, "no document");
        dyad_reader_close(r);
        return 0;
    }
    for (size_t i = 0; i < doc.len;) {
        if (!ch_is_alpha((unsigned char)doc.text[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < doc.len && ch_is_alpha((unsigned char)doc.text[j])) j++;
        size_t src = dyad_source_offset(&doc, i);
        if (src + (j - i) > len || memcmp(page + src, doc.text + i, j - i) != 0) {
            tctx_fail(t, __FILE__, __LINE__, "word '%.*s' at %zu maps to '%.*s'", (int)(j - i),
                      doc.text + i, i, (int)(j - i), page + src);
            break;
        }
        words++;
        i = j;
    }
    dyad_reader_close(r);
    return words;
}

/* Paragraphs longer than the parser's text buffer (it hands text over in
 * pieces of about a thousand bytes, cut anywhere, also inside a run of
 * two-byte characters), with entities, CR LF and characters it drops. */
static void test_offsets_long_paragraphs(tctx *t)
{
    sbuf b = {0};
    sbuf_append(&b, "<html><head><title>T</title></head><body><article><p>", 53);
    static const char *const parts[] = {
        "Die Verhandlungen \xC3\xBC" "ber Gaza &amp; Genf wurden fortgesetzt, sagte er. ",
        "\xD0\x9F\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB3\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x80\xD1\x8B Talks&nbsp;resumed &#8220;today&#8221; in Geneva.\r\n",
        "\xE4\xBC\x9A\xE8\xB0\x88 officials &unknown; confirmed x&y the date &lt;again&gt;. "};
    for (int i = 0; i < 120; i++) {
        const char *s = parts[i % 3];
        sbuf_append(&b, s, strlen(s));
        if (i % 40 == 39) sbuf_append(&b, "</p><p>", 7);
    }
    sbuf_append(&b, "</p></article></body></html>", 28);
    size_t words = words_map_back(t, b.data, b.len);
    CHECK(words > 800);
    sbuf_free(&b);
}

static void test_charset_conversion(tctx *t)
{
    /* windows-1252: e-acute is one byte, three in UTF-8... */
    static const char page[] =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
        "<script>var s = \"caf\xE9 <p>\";</script></head><body><article>"
        "<p data-n=\"\xE9\xE9\">The caf\xE9 in the capital was closed by the ministry on Monday, "
        "officials said, after a \x93long\x94 inspection that lasted most of the week.</p>"
        "</article></body></html>";
    dyad_reader *r = dyad_reader_open_memory("p", page, sizeof page - 1, DYAD_FORMAT_AUTO, NULL, NULL);
    dyad_document doc;
    CHECK(dyad_reader_next(r, &doc));
    const char *cafe = strstr(doc.text, "caf\xC3\xA9 in the capital");
    CHECK(cafe);
    CHECK(strstr(doc.text, "\xE2\x80\x9Clong\xE2\x80\x9D inspection"));
    /* ... and offsets after it still point at the page's own bytes. */
    size_t at = (size_t)(strstr(doc.text, "capital") - doc.text);
    CHECK(memcmp(page + dyad_source_offset(&doc, at), "capital", 7) == 0);
    size_t e = (size_t)(cafe - doc.text) + 3;
    CHECK_INT((unsigned char)page[dyad_source_offset(&doc, e)], 0xE9);
    dyad_reader_close(r);

    /* Undeclared and not UTF-8: read as windows-1252, not rejected. */
    static const char bare[] = "<html><body><p>Na\xEFve people in the caf\xE9 said the "
                               "minister had resigned, and the government confirmed it.</p></body></html>";
    seen s;
    read_both(t, bare, sizeof bare - 1, DYAD_FORMAT_HTML, true, &s);
    CHECK_INT(s.ndocs, 1);
    CHECK(strstr(s.texts[0], "Na\xC3\xAFve"));
    seen_free(&s);

    /* Declared UTF-8 with invalid bytes: replaced and warned about. */
    static const char bad[] = "<html><head><meta charset=utf-8></head><body><p>The minister \xFF\xFE "
                              "said the talks had failed, and that the army would stay.</p></body></html>";
    read_both(t, bad, sizeof bad - 1, DYAD_FORMAT_HTML, true, &s);
    CHECK_INT(s.ndocs, 1);
    CHECK(s.warnings >= 1);
    CHECK(strstr(s.texts[0], "\xEF\xBF\xBD"));
    seen_free(&s);
}

static void test_other_language_skipped(tctx *t)
{
    static const char page[] =
        "<html><body><article><p>Die Regierung hat am Mittwoch die Verhandlungen mit der "
        "Opposition abgebrochen, wie der Sprecher des Ministeriums in Berlin mitteilte. Die "
        "Gespräche sollen nach Angaben der Partei erst im nächsten Jahr wieder aufgenommen "
        "werden, und es ist nicht klar, ob sie dann zu einem Ergebnis führen.</p></article>"
        "</body></html>";
    seen s;
    read_both(t, page, sizeof page - 1, DYAD_FORMAT_AUTO, false, &s);
    CHECK_INT(s.ndocs, 0);
    CHECK_INT(s.other_language, 1);
    CHECK_INT(s.skipped, 0);
    CHECK(s.notes >= 1);
    seen_free(&s);
    read_both(t, page, sizeof page - 1, DYAD_FORMAT_AUTO, true, &s);
    CHECK_INT(s.ndocs, 1);
    CHECK_STR(s.langs[0], "de");
    seen_free(&s);
    CHECK_STR(html_guess_language("too short", 9), "");
    static const char ko[] = "정부는 수요일 야당과의 협상을 중단했다고 대변인이 밝혔다. 회담은 내년에 재개될 예정이다.";
    CHECK_STR(html_guess_language(ko, sizeof ko - 1), "ko");
}

/* ---- detection and gzip --------------------------------------------------------- */

static void test_detection(tctx *t)
{
    static const struct { const char *in; dyad_format f; } cases[] = {
        {"<!DOCTYPE html><p>x", DYAD_FORMAT_HTML},
        {"\n  <html><body>x", DYAD_FORMAT_HTML},
        {"<!-- saved --><HEAD><title>x</title>", DYAD_FORMAT_HTML},
        {"<?xml version=\"1.0\"?><Sentences/>", DYAD_FORMAT_PETRARCH},
        {"<Sentences><Sentence date=\"20220101\" id=\"a\">", DYAD_FORMAT_PETRARCH},
        {"WARC/1.0\r\nWARC-Type: warcinfo\r\n", DYAD_FORMAT_WARC},
        {"WARC is a file format.", DYAD_FORMAT_TEXT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dyad_reader *r = dyad_reader_open_memory("x", cases[i].in, strlen(cases[i].in),
                                                 DYAD_FORMAT_AUTO, NULL, NULL);
        CHECK_INT(dyad_reader_format(r), cases[i].f);
        dyad_reader_close(r);
    }
    CHECK_INT(dyad_format_from_name("html"), DYAD_FORMAT_HTML);
    CHECK_INT(dyad_format_from_name("warc"), DYAD_FORMAT_WARC);
}

/* gzip members of data, one per [cuts[i], cuts[i+1]) piece. */
static char *gzip_pieces(const char *data, const size_t *cuts, size_t ncuts, size_t *out_len)
{
    size_t cap = 64 + 2 * cuts[ncuts - 1] + 64 * ncuts, len = 0;
    char *out = malloc(cap);
    for (size_t i = 0; i + 1 < ncuts; i++) {
        z_stream z;
        memset(&z, 0, sizeof z);
        deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
        z.next_in = (Bytef *)(uintptr_t)(data + cuts[i]);
        z.avail_in = (uInt)(cuts[i + 1] - cuts[i]);
        z.next_out = (Bytef *)out + len;
        z.avail_out = (uInt)(cap - len);
        deflate(&z, Z_FINISH);
        len = cap - z.avail_out;
        deflateEnd(&z);
    }
    *out_len = len;
    return out;
}

static void test_gzip_page(tctx *t)
{
    size_t cuts[] = {0, sizeof ARTICLE - 1}, n;
    char *gz = gzip_pieces(ARTICLE, cuts, 2, &n);
    seen plain, packed;
    read_both(t, ARTICLE, sizeof ARTICLE - 1, DYAD_FORMAT_AUTO, false, &plain);
    read_both(t, gz, n, DYAD_FORMAT_AUTO, false, &packed);
    CHECK_INT(packed.ndocs, 1);
    CHECK_STR(packed.texts[0], plain.texts[0]);
    seen_free(&packed);
    /* Cut short: what was inflated is still read, and the cut reported. */
    read_both(t, gz, n - 12, DYAD_FORMAT_AUTO, false, &packed);
    CHECK(packed.errors >= 1);
    CHECK_INT(packed.ndocs, 1);
    seen_free(&packed);
    seen_free(&plain);
    free(gz);
}

/* ---- WARC ------------------------------------------------------------------------- */

static void add_record(sbuf *b, const char *type, const char *uri, const char *ctype,
                       const char *block, size_t n)
{
    char head[512];
    int k = snprintf(head, sizeof head,
                     "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
                     "WARC-Date: 2022-01-28T09:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s-%zu>\r\n"
                     "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n",
                     type, uri, type, b->len, ctype, n);
    sbuf_append(b, head, (size_t)k);
    sbuf_append(b, block, n);
    sbuf_append(b, "\r\n\r\n", 4);
}

static void add_response(sbuf *b, const char *uri, const char *headers, const char *body, size_t n)
{
    sbuf http = {0};
    sbuf_append(&http, headers, strlen(headers));
    sbuf_append(&http, body, n);
    add_record(b, "response", uri, "application/http; msgtype=response", http.data, http.len);
    sbuf_free(&http);
}

static void test_warc_records(tctx *t)
{
    static const char undated[] =
        "<html><body><article><p>The United Nations said on Tuesday that aid convoys had "
        "reached the city, and that more would follow in the coming days if the roads stayed "
        "open.</p></article></body></html>";
    sbuf w = {0};
    add_record(&w, "warcinfo", "", "application/warc-fields", "software: dyad-test\r\n", 21);
    add_record(&w, "request", "http://news.example.com/a", "application/http; msgtype=request",
               "GET /a HTTP/1.1\r\n\r\n", 19);
    size_t first = w.len;
    add_response(&w, "http://news.example.com/a", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n",
                 ARTICLE, sizeof ARTICLE - 1);
    /* An image, a redirect: no page. */
    add_response(&w, "http://news.example.com/i.png", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n",
                 "\x89PNG....", 8);
    add_response(&w, "http://news.example.com/old", "HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\n"
                 "Location: /a\r\n\r\n", "<html>moved</html>", 18);
    /* A broken header, then a good record that must still be read. */
    size_t broken_line = 1;
    for (size_t i = 0; i < w.len; i++) broken_line += w.data[i] == '\n';
    const char bad[] = "WARC/1.0\r\nWARC-Type: response\r\nthis is no header\r\n\r\nxx\r\n\r\n";
    sbuf_append(&w, bad, sizeof bad - 1);
    /* Chunked and gzip-coded, with no date in the page: WARC-Date. */
    size_t cuts[] = {0, sizeof undated - 1}, gzn;
    char *gz = gzip_pieces(undated, cuts, 2, &gzn);
    sbuf chunked = {0};
    char line[32];
    size_t half = gzn / 2;
    int k = snprintf(line, sizeof line, "%zx\r\n", half);
    sbuf_append(&chunked, line, (size_t)k);
    sbuf_append(&chunked, gz, half);
    k = snprintf(line, sizeof line, "\r\n%zx;ext=1\r\n", gzn - half);
    sbuf_append(&chunked, line, (size_t)k);
    sbuf_append(&chunked, gz + half, gzn - half);
    sbuf_append(&chunked, "\r\n0\r\n\r\n", 7);
    add_response(&w, "http://news.example.com/b",
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                 "Content-Encoding: gzip\r\n\r\n", chunked.data, chunked.len);
    free(gz);
    sbuf_free(&chunked);

    seen s;
    read_both(t, w.data, w.len, DYAD_FORMAT_AUTO, false, &s);
    CHECK_INT(s.ndocs, 2);
    CHECK_INT(s.passed_over, 4);  /* warcinfo, request, image, redirect */
    CHECK_INT(s.skipped, 1);
    CHECK_INT(s.errors, 1);
    CHECK_INT(s.diag_line[0], broken_line);
    CHECK(strstr(s.diag_msg[0], "broken WARC record header"));
    CHECK(strncmp(s.ids[0], "urn:uuid:response-", 18) == 0);
    CHECK_STR(s.urls[0], "https://news.example.com/2022/01/27/talks"); /* canonical */
    CHECK_STR(s.dates[0], "2022-01-27");                             /* the page's */
    CHECK(strstr(s.texts[0], "deputy foreign ministers"));
    CHECK_STR(s.urls[1], "http://news.example.com/b");
    CHECK_STR(s.dates[1], "2022-01-28");                             /* WARC-Date */
    CHECK(strstr(s.texts[1], "aid convoys had reached the city"));
    seen_free(&s);

    /* .warc.gz: one gzip member per record, as crawlers write them. */
    size_t gcuts[] = {0, first, w.len};
    char *wgz = gzip_pieces(w.data, gcuts, 3, &gzn);
    read_both(t, wgz, gzn, DYAD_FORMAT_AUTO, false, &s);
    CHECK_INT(s.ndocs, 2);
    CHECK_INT(s.passed_over, 4);
    CHECK_INT(s.diag_line[0], broken_line);
    seen_free(&s);
    free(wgz);

    /* Cut in the middle of a record: the records before it are kept. */
    read_both(t, w.data, first + 200, DYAD_FORMAT_WARC, false, &s);
    CHECK_INT(s.ndocs, 0);
    CHECK_INT(s.passed_over, 2);
    CHECK_INT(s.skipped, 1);
    seen_free(&s);
    sbuf_free(&w);

    /* Garbage, a bad Content-Length: reported and skipped, no hang. */
    static const char junk[] = "WARC/1.0\r\nContent-Length: 12x\r\n\r\nWARC/1.0\r\nWARC-Type: "
                               "metadata\r\nContent-Length: 2\r\n\r\nab\r\n\r\nnot a record\r\n";
    read_both(t, junk, sizeof junk - 1, DYAD_FORMAT_WARC, false, &s);
    CHECK_INT(s.ndocs, 0);
    CHECK_INT(s.passed_over, 1);
    CHECK_INT(s.skipped, 2);
    seen_free(&s);
}

/* A "resource" record: the page itself, no HTTP around it; its charset
 * from the record's Content-Type. */
static void test_warc_resource(tctx *t)
{
    static const char page[] = "<html><body><p>The caf\xE9 owners said on Friday that the "
                               "government had agreed to lower the tax, and the union welcomed "
                               "the decision.</p></body></html>";
    sbuf w = {0};
    add_record(&w, "resource", "file:///pages/cafe.html", "text/html; charset=windows-1252", page,
               sizeof page - 1);
    add_record(&w, "resource", "file:///pages/logo.png", "image/png", "\x89PNG", 4);
    seen s;
    read_both(t, w.data, w.len, DYAD_FORMAT_AUTO, false, &s);
    CHECK_INT(s.ndocs, 1);
    CHECK_INT(s.passed_over, 1);
    CHECK(strstr(s.texts[0], "The caf\xC3\xA9 owners said on Friday"));
    CHECK_STR(s.urls[0], "file:///pages/cafe.html");
    seen_free(&s);
    sbuf_free(&w);
}

/* ---- hostile pages ---------------------------------------------------------------- */

static void test_deep_nesting(tctx *t)
{
    size_t depth = 200000;
    sbuf b = {0};
    sbuf_append(&b, "<html><body>", 12);
    for (size_t i = 0; i < depth; i++) sbuf_append(&b, i % 2 ? "<div>" : "<span>", i % 2 ? 5 : 6);
    static const char p[] = "The minister said the talks would resume next week in Geneva, "
                            "and officials on both sides confirmed the date.";
    sbuf_append(&b, p, sizeof p - 1);
    for (size_t i = 0; i < 1000; i++) sbuf_append(&b, "</div>", 6);
    seen s;
    read_both(t, b.data, b.len, DYAD_FORMAT_HTML, true, &s);
    CHECK_INT(s.ndocs, 1);
    CHECK(strstr(s.texts[0], "talks would resume next week"));
    CHECK(s.warnings >= 1); /* the flattened tags */
    seen_free(&s);
    sbuf_free(&b);

    /* Nothing but markup, an empty page, a NUL: no document, no crash. */
    static const char *const odd[] = {"<html></html>", "<", "<html><body>\0<p>\0</p>", ""};
    static const size_t lens[] = {13, 1, 21, 0};
    for (size_t i = 0; i < 4; i++) {
        read_both(t, odd[i], lens[i], DYAD_FORMAT_HTML, true, &s);
        CHECK_INT(s.ndocs, 0);
        seen_free(&s);
    }
}

static void test_iso_dates(tctx *t)
{
    char d[11];
    CHECK(html_iso_date("2019-11-25T10:00:00+01:00", 25, d));
    CHECK_STR(d, "2019-11-25");
    CHECK(html_iso_date("20191125", 8, d));
    CHECK(html_iso_date("2019/11/25", 10, d));
    CHECK(!html_iso_date("2019-02-30", 10, d));
    CHECK(!html_iso_date("Nov 25, 2019", 12, d));
    CHECK(!html_iso_date("201911251", 9, d));
}

/* A brief of one short paragraph has no block long enough to count as
 * evidence of an article; its prose is still the page's text, and its
 * <title> comes whole.  A page of a title and a menu gives the title. */
static void test_brief_page(tctx *t)
{
    static const char BRIEF[] =
        "<html><head><title>Border talks</title></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        "<article><p>The two defence ministers met on the border on Tuesday and agreed to "
        "pull back their troops.</p></article></body></html>";
    seen s;
    read_both(t, BRIEF, sizeof BRIEF - 1, DYAD_FORMAT_AUTO, false, &s);
    CHECK_INT(s.ndocs, 1);
    CHECK_STR(s.texts[0], "Border talks\n\nThe two defence ministers met on the border on Tuesday "
                          "and agreed to pull back their troops.");
    CHECK_STR(s.titles[0], "Border talks");
    seen_free(&s);
    static const char MENU[] =
        "<html><head><title>Border talks</title></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></body></html>";
    read_both(t, MENU, sizeof MENU - 1, DYAD_FORMAT_AUTO, false, &s);
    if (s.ndocs == 1) CHECK_STR(s.titles[0], "Border talks");
    seen_free(&s);
}

void suite_html(tctx *t)
{
    RUN(t, test_article_text_and_metadata);
    RUN(t, test_brief_page);
    RUN(t, test_offsets_map_to_page);
    RUN(t, test_offsets_long_paragraphs);
    RUN(t, test_charset_conversion);
    RUN(t, test_other_language_skipped);
    RUN(t, test_detection);
    RUN(t, test_gzip_page);
    RUN(t, test_warc_records);
    RUN(t, test_warc_resource);
    RUN(t, test_deep_nesting);
    RUN(t, test_iso_dates);
}
