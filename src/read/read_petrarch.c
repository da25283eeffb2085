/*
 * read_petrarch.c -- PETRARCH XML input (petrarch2 docs/inputs.rst):
 *
 *   <Sentences>
 *   <Sentence date="YYYYMMDD" id=".." source=".." sentence="true">
 *   <Text> .. </Text>
 *   <Parse> .. </Parse>          optional
 *   </Sentence>
 *   </Sentences>
 *
 * Validation files wrap this in <Validation>, put an <Environment> block
 * before <Sentences>, and add <EventCoding/>, <Config> and comments almost
 * anywhere.  Everything that is not a <Sentence>'s <Text> or <Parse> is
 * ignored.
 *
 * The scanner is a byte-at-a-time state machine over the chunked source:
 * it keeps only the current record, and a comment or a quoted attribute
 * value is skipped as a unit, so "<Sentence" inside either starts nothing.
 * Tag and attribute names are matched without regard to case, as PETRARCH
 * files mix "True" and "true".
 *
 * Choices where PETRARCH is silent or strict:
 *   - is_sentence is 1 unless sentence="false" (or "no", "0"): PETRARCH
 *     codes a record as one sentence unless told it is a block.
 *   - A missing or bad date is a warning (date left unknown), not a skip.
 *   - A missing id is a warning; the id becomes "<file>:<line>".
 *   - Unknown entities ("AT&T") are kept literally, with one warning per
 *     record.
 */
#include "reader.h"

#define XML_NAME_MAX 16

typedef struct xml_name {
    char s[XML_NAME_MAX + 1]; /* lower-cased; "" when too long to matter */
} xml_name;

static bool xml_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static bool name_is(const xml_name *n, const char *s) { return strcmp(n->s, s) == 0; }

/* Reads a tag or attribute name.  Only short names matter here, so longer
 * ones are consumed but not kept. */
static void read_name(dyad_reader *r, xml_name *out)
{
    size_t n = 0;
    bool too_long = false;
    int c;
    while ((c = src_peek(r)) >= 0 && !xml_space(c) && c != '>' && c != '/' &&
           c != '<' && c != '=') {
        if (n < XML_NAME_MAX)
            out->s[n++] = (char)ch_lower(c);
        else
            too_long = true;
        src_skip(r);
    }
    out->s[too_long ? 0 : n] = 0;
}

static void skip_spaces(dyad_reader *r)
{
    int c;
    while ((c = src_peek(r)) >= 0 && xml_space(c)) src_skip(r);
}

/* ---- keeping bytes of the current record ----------------------------- */

static void record_problem(dyad_reader *r, const char *why)
{
    if (!r->xml.bad) r->xml.bad = why;
}

/* Appends to a record buffer within the record size limit. */
static void keep(dyad_reader *r, sbuf *out, const char *p, size_t n)
{
    if (!out || r->xml.bad) return;
    if (n > r->max_record - r->xml.record_bytes) {
        record_problem(r, "record larger than the size limit");
        return;
    }
    r->xml.record_bytes += n;
    if (sbuf_append(out, p, n)) record_problem(r, "out of memory");
}

static bool entity_value(const char *name, size_t n, uint32_t *cp)
{
    static const struct { const char *name; uint32_t cp; } named[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (strlen(named[i].name) == n && memcmp(named[i].name, name, n) == 0) {
            *cp = named[i].cp;
            return true;
        }
    if (n < 2 || name[0] != '#') return false;
    bool hex = name[1] == 'x' || name[1] == 'X';
    size_t i = hex ? 2 : 1;
    if (i == n) return false;
    uint32_t v = 0;
    for (; i < n; i++) {
        int d;
        if (ch_is_digit((unsigned char)name[i])) d = name[i] - '0';
        else if (hex && name[i] >= 'a' && name[i] <= 'f') d = name[i] - 'a' + 10;
        else if (hex && name[i] >= 'A' && name[i] <= 'F') d = name[i] - 'A' + 10;
        else return false;
        v = v * (hex ? 16 : 10) + (uint32_t)d;
        if (v > 0x10FFFF) return false;
    }
    if (v == 0 || (v >= 0xD800 && v <= 0xDFFF)) return false;
    *cp = v;
    return true;
}

/* After '&': appends the character the entity stands for, or the text as
 * it was when it is no entity we know. */
static void read_entity(dyad_reader *r, sbuf *out)
{
    char name[12];
    size_t n = 0;
    int c;
    while (n < 10 && (c = src_peek(r)) >= 0 &&
           (ch_is_alpha(c) || ch_is_digit(c) || c == '#')) {
        name[n++] = (char)c;
        src_skip(r);
    }
    uint32_t cp;
    if (src_peek(r) == ';' && entity_value(name, n, &cp)) {
        src_skip(r);
        char buf[4];
        keep(r, out, buf, utf8_encode(cp, buf));
        return;
    }
    keep(r, out, "&", 1);
    keep(r, out, name, n);
    if (out && r->xml.in_sentence && !r->xml.entity_warned) {
        r->xml.entity_warned = true;
        reader_report(r, DYAD_WARNING, r->line, r->xml.has_id ? r->id.data : NULL,
                      "unknown or malformed entity \"&%.*s\" kept as it is",
                      (int)n, name);
    }
}

/* Character data up to the next '<', into out (NULL: discarded). */
static void read_char_data(dyad_reader *r, sbuf *out)
{
    for (;;) {
        int c = src_peek(r);
        if (c < 0 || c == '<') return;
        if (c == '&') {
            src_skip(r);
            read_entity(r, out);
            continue;
        }
        /* Take the whole run of plain bytes in the window at once. */
        size_t i = r->pos;
        while (i < r->end && r->data[i] != '<' && r->data[i] != '&') {
            if (r->data[i] == '\n') r->line++;
            i++;
        }
        keep(r, out, r->data + r->pos, i - r->pos);
        r->pos = i;
    }
}

/* ---- markup that is skipped ------------------------------------------ */

/* Consumes up to and including `close` (e.g. "-->"), passing the bytes
 * before it to out; false at end of input. */
static bool skip_past(dyad_reader *r, const char *close, sbuf *out)
{
    size_t n = strlen(close), matched = 0;
    int c;
    while ((c = src_get(r)) >= 0) {
        if (c == close[matched]) {
            if (++matched == n) return true;
            continue;
        }
        /* Every closer used here is one byte repeated, then a last byte
         * ("-->", "]]>", "?>").  One more of the repeated byte shifts the
         * match along by one: "--->" still ends a comment. */
        if (matched > 0 && c == close[0]) {
            keep(r, out, close, 1);
            continue;
        }
        keep(r, out, close, matched);
        matched = 0;
        char ch = (char)c;
        keep(r, out, &ch, 1);
    }
    return false;
}

/* After "<!": a comment, a CDATA section (its text goes to out) or a
 * declaration such as <!DOCTYPE ..>. */
static void read_bang(dyad_reader *r, size_t line, sbuf *out)
{
    if (src_peek(r) == '-') {
        src_skip(r);
        if (src_peek(r) == '-') {
            src_skip(r);
            if (!skip_past(r, "-->", NULL))
                reader_report(r, DYAD_ERROR, line, NULL,
                              "comment not closed by \"-->\" before the end of input");
            return;
        }
    } else if (src_peek(r) == '[') {
        static const char cdata[] = "[CDATA[";
        size_t i = 0;
        while (cdata[i] && src_peek(r) == cdata[i]) {
            src_skip(r);
            i++;
        }
        if (!cdata[i]) {
            if (!skip_past(r, "]]>", out))
                reader_report(r, DYAD_ERROR, line, NULL,
                              "CDATA section not closed before the end of input");
            return;
        }
    }
    /* A declaration; an internal DTD subset in [..] may hold '>'. */
    int c;
    size_t brackets = 0;
    while ((c = src_get(r)) >= 0) {
        if (c == '[') brackets++;
        else if (c == ']' && brackets > 0) brackets--;
        else if (c == '>' && brackets == 0) return;
    }
}

/* ---- tags ---------------------------------------------------------------- */

typedef struct xml_tag {
    xml_name name;
    bool self_closing;
    bool malformed;     /* ended by '<' or end of input instead of '>' */
} xml_tag;

/* The attribute of <Sentence> that `name` is kept in, or NULL. */
static sbuf *sentence_attribute(dyad_reader *r, const xml_name *name)
{
    if (name_is(name, "id")) return r->xml.has_id = true, &r->id;
    if (name_is(name, "date")) return r->xml.has_date = true, &r->date_raw;
    if (name_is(name, "source")) return r->xml.has_source = true, &r->source;
    if (name_is(name, "sentence")) return r->xml.has_sentence_attr = true, &r->flag;
    return NULL;
}

/* The value after '=', into out (NULL: discarded). */
static void read_attribute_value(dyad_reader *r, xml_tag *tag, sbuf *out)
{
    int c = src_peek(r);
    int quote = c == '"' || c == '\'' ? c : 0;
    if (quote) src_skip(r);
    for (;;) {
        c = src_peek(r);
        if (c < 0 || c == '<') {
            /* XML forbids '<' in a value: the quote was never closed.
             * Stop before the '<' so that the markup after it is seen. */
            if (quote) tag->malformed = true;
            return;
        }
        if (quote ? c == quote : xml_space(c) || c == '>') break;
        src_skip(r);
        if (c == '&') {
            read_entity(r, out);
        } else {
            char ch = (char)c;
            keep(r, out, &ch, 1);
        }
    }
    if (quote) src_skip(r);
}

/* Attributes up to the end of a start tag; kept only for <Sentence>. */
static void read_attributes(dyad_reader *r, xml_tag *tag, bool keep_them)
{
    for (;;) {
        skip_spaces(r);
        int c = src_peek(r);
        if (c < 0 || c == '<') {
            tag->malformed = true;
            return;
        }
        if (c == '>') {
            src_skip(r);
            return;
        }
        if (c == '/') {
            src_skip(r);
            if (src_peek(r) == '>') {
                src_skip(r);
                tag->self_closing = true;
                return;
            }
            continue;
        }
        /* read_name stops at once at '=', so a value without a name is
         * read (and dropped) like any other. */
        xml_name name;
        read_name(r, &name);
        skip_spaces(r);
        if (src_peek(r) != '=') continue;
        src_skip(r);
        skip_spaces(r);
        sbuf *out = keep_them ? sentence_attribute(r, &name) : NULL;
        if (out) sbuf_clear(out);
        read_attribute_value(r, tag, out);
    }
}

/* After "</": the name, then up to '>'. */
static void read_end_tag(dyad_reader *r, xml_tag *tag)
{
    read_name(r, &tag->name);
    int c;
    while ((c = src_peek(r)) >= 0 && c != '<') {
        src_skip(r);
        if (c == '>') return;
    }
    tag->malformed = true;
}

/* ---- records --------------------------------------------------------- */

static const char *record_id(dyad_reader *r)
{
    return r->xml.has_id && r->id.data ? r->id.data : NULL;
}

/* Skips the open record, e.g. when its end tag never came. */
static void abandon(dyad_reader *r, const char *why)
{
    reader_skip(r, r->xml.sentence_line, record_id(r), "%s", why);
    r->xml.in_sentence = r->xml.in_text = r->xml.in_parse = false;
}

static void begin_sentence(dyad_reader *r, size_t line)
{
    if (r->xml.in_sentence)
        abandon(r, "<Sentence> not closed by </Sentence> before the next <Sentence>");
    reader_clear_record(r);
    memset(&r->xml, 0, sizeof r->xml);
    r->xml.in_sentence = true;
    r->xml.sentence_line = line;
}

static void trim(sbuf *b, const char **out, size_t *len)
{
    size_t start = 0, end = b->len;
    while (start < end && xml_space((unsigned char)b->data[start])) start++;
    while (end > start && xml_space((unsigned char)b->data[end - 1])) end--;
    if (!b->data) {
        *out = "";
        *len = 0;
        return;
    }
    b->data[end] = 0;
    *out = b->data + start;
    *len = end - start;
}

static bool flag_is_false(const sbuf *b)
{
    static const char *const no[] = {"false", "no", "0"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
        size_t n = strlen(no[i]);
        if (b->len != n) continue;
        size_t k = 0;
        while (k < n && ch_lower((unsigned char)b->data[k]) == no[i][k]) k++;
        if (k == n) return true;
    }
    return false;
}

/* At </Sentence>: 1 with *doc filled, or 0 when the record was skipped. */
static int finish_sentence(dyad_reader *r, dyad_document *doc)
{
    xml_state *x = &r->xml;
    size_t line = x->sentence_line;
    if (x->bad) {
        abandon(r, x->bad);
        return 0;
    }
    if (x->in_text) {
        abandon(r, "<Text> not closed by </Text>");
        return 0;
    }
    if (!x->had_text) {
        abandon(r, "no <Text> in the <Sentence>");
        return 0;
    }
    x->in_sentence = false;
    if (x->in_parse) {
        reader_report(r, DYAD_WARNING, line, record_id(r),
                      "<Parse> not closed by </Parse>; parse ignored");
        x->had_parse = false;
    }
    if (!x->has_id || r->id.len == 0) {
        reader_report(r, DYAD_WARNING, line, NULL,
                      "<Sentence> without an id; using the line");
        if (reader_default_id(r, line)) {
            reader_skip(r, line, NULL, "out of memory");
            return 0;
        }
    }
    const char *text, *parse = NULL;
    size_t len, parse_len = 0;
    trim(&r->text, &text, &len);
    if (x->had_parse) trim(&r->parse, &parse, &parse_len);
    reader_fill_document(r, doc, line);
    doc->text = text;
    doc->len = len;
    doc->parse = parse;
    doc->parse_len = parse_len;
    doc->source = x->has_source ? (r->source.data ? r->source.data : "") : NULL;
    doc->is_sentence = !(x->has_sentence_attr && flag_is_false(&r->flag));
    if (!x->has_date)
        reader_report(r, DYAD_WARNING, line, doc->id,
                      "<Sentence> without a date; date left unknown");
    else if (!reader_normalize_date(r->date_raw.data ? r->date_raw.data : "",
                                    r->date_raw.len, doc->date))
        reader_report(r, DYAD_WARNING, line, doc->id,
                      "date is not YYYYMMDD; left unknown");
    return 1;
}

/* Where character data goes now, or NULL when it is not wanted. */
static sbuf *char_data_target(dyad_reader *r)
{
    if (!r->xml.in_sentence) return NULL;
    if (r->xml.in_text) return &r->text;
    if (r->xml.in_parse) return &r->parse;
    return NULL;
}

/* Handles a start tag whose name was read. */
static int start_tag(dyad_reader *r, xml_tag *tag, size_t line, dyad_document *doc)
{
    xml_state *x = &r->xml;
    if (name_is(&tag->name, "sentence")) {
        begin_sentence(r, line);
        read_attributes(r, tag, true);
        if (tag->malformed) record_problem(r, "malformed <Sentence> tag");
        if (tag->self_closing) return finish_sentence(r, doc);
        return 0;
    }
    read_attributes(r, tag, false);
    if (!x->in_sentence || tag->malformed) return 0;
    bool text = name_is(&tag->name, "text"), parse = name_is(&tag->name, "parse");
    if (!text && !parse) return 0;
    if ((text && x->had_text) || (parse && x->had_parse))
        reader_report(r, DYAD_WARNING, line, record_id(r),
                      "second <%s> in the <Sentence>; the last one is kept",
                      text ? "Text" : "Parse");
    sbuf_clear(text ? &r->text : &r->parse);
    if (text) {
        x->had_text = true;
        x->in_text = !tag->self_closing;
        x->in_parse = false;
    } else {
        x->had_parse = true;
        x->in_parse = !tag->self_closing;
        x->in_text = false;
    }
    return 0;
}

static int end_tag(dyad_reader *r, const xml_tag *tag, dyad_document *doc)
{
    xml_state *x = &r->xml;
    if (!x->in_sentence) return 0;
    if (name_is(&tag->name, "sentence")) return finish_sentence(r, doc);
    if (name_is(&tag->name, "text")) x->in_text = false;
    else if (name_is(&tag->name, "parse")) x->in_parse = false;
    else if (name_is(&tag->name, "sentences") || name_is(&tag->name, "validation"))
        abandon(r, "<Sentence> not closed by </Sentence>");
    return 0;
}

int petrarch_next(dyad_reader *r, dyad_document *doc)
{
    for (;;) {
        int c = src_peek(r);
        if (c < 0) {
            if (r->xml.in_sentence)
                abandon(r, "input ends inside a <Sentence>: no </Sentence>");
            return 0;
        }
        if (c != '<') {
            read_char_data(r, char_data_target(r));
            continue;
        }
        size_t line = r->line;
        src_skip(r);
        c = src_peek(r);
        if (c == '!') {
            src_skip(r);
            read_bang(r, line, char_data_target(r));
            continue;
        }
        if (c == '?') {
            src_skip(r);
            skip_past(r, "?>", NULL);
            continue;
        }
        xml_tag tag = {{{0}}, false, false};
        if (c == '/') {
            src_skip(r);
            read_end_tag(r, &tag);
            if (end_tag(r, &tag, doc)) return 1;
            continue;
        }
        if (c >= 0 && (ch_is_alpha(c) || c == '_' || c == ':')) {
            read_name(r, &tag.name);
            if (start_tag(r, &tag, line, doc)) return 1;
            continue;
        }
        /* A '<' that starts no markup is text, as browsers read it. */
        keep(r, char_data_target(r), "<", 1);
    }
}
