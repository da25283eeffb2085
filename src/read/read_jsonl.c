/*
 * read_jsonl.c -- one JSON object per line:
 *   {"id": .., "date": "YYYY-MM-DD", "text": .., "title": .., "url": ..,
 *    "source": ..}
 * Other keys, with values of any shape, are ignored.  A repeated key keeps
 * its last value, as most JSON libraries that wrote the file would.
 */
#include "json_parse.h"
#include "reader.h"

typedef enum field_state {
    FIELD_ABSENT,
    FIELD_STRING,   /* decoded into its buffer                     */
    FIELD_NUMBER,   /* id only: the number's text, in its buffer   */
    FIELD_NULL,
    FIELD_OTHER     /* a value of the wrong type                   */
} field_state;

typedef struct jsonl_record {
    field_state text, id, date, title, url, source;
} jsonl_record;

/* The key a field is read from: the user's (dyad_reader_set_field) or
 * its own name. */
#define KEY(r, field, name) ((r)->field_key[DYAD_FIELD_##field] ? (r)->field_key[DYAD_FIELD_##field] : (name))

static bool key_is(const sbuf *key, const char *name)
{
    size_t n = strlen(name);
    return key->len == n && memcmp(key->data, name, n) == 0;
}

/* Parses one value into `buf` when it is a string (or, when numbers are
 * welcome, a number), else checks and discards it. */
static bool field_value(jsonp *j, sbuf *buf, field_state *state, bool numbers)
{
    int c = jsonp_peek(j);
    sbuf_clear(buf);
    if (c == '"') {
        *state = FIELD_STRING;
        return jsonp_string(j, buf);
    }
    if (numbers && (c == '-' || ch_is_digit(c))) {
        const char *text;
        size_t len;
        if (!jsonp_number(j, &text, &len)) return false;
        *state = FIELD_NUMBER;
        if (sbuf_append(buf, text, len)) {
            j->error = "out of memory";
            return false;
        }
        return true;
    }
    if (c == 'n' && j->end - j->p >= 4 && memcmp(j->p, "null", 4) == 0) {
        j->p += 4;
        *state = FIELD_NULL;
        return true;
    }
    *state = FIELD_OTHER;
    return jsonp_skip_value(j);
}

static bool parse_object(dyad_reader *r, jsonp *j, jsonl_record *rec)
{
    jsonp_skip_space(j);
    if (jsonp_peek(j) != '{') {
        j->error = "a record must be a JSON object";
        return false;
    }
    j->p++;
    jsonp_skip_space(j);
    if (jsonp_peek(j) == '}') {
        j->p++;
    } else {
        for (;;) {
            jsonp_skip_space(j);
            if (jsonp_peek(j) != '"') {
                j->error = "expected a string key";
                return false;
            }
            sbuf_clear(&r->key);
            if (!jsonp_string(j, &r->key)) return false;
            jsonp_skip_space(j);
            if (jsonp_peek(j) != ':') {
                j->error = "expected ':' after a key";
                return false;
            }
            j->p++;
            jsonp_skip_space(j);
            bool ok;
            if (key_is(&r->key, KEY(r, TEXT, "text")))
                ok = field_value(j, &r->text, &rec->text, false);
            else if (key_is(&r->key, KEY(r, ID, "id")))
                ok = field_value(j, &r->id, &rec->id, true);
            else if (key_is(&r->key, KEY(r, DATE, "date")))
                ok = field_value(j, &r->date_raw, &rec->date, false);
            else if (key_is(&r->key, KEY(r, TITLE, "title")))
                ok = field_value(j, &r->title, &rec->title, false);
            else if (key_is(&r->key, KEY(r, URL, "url")))
                ok = field_value(j, &r->url, &rec->url, false);
            else if (key_is(&r->key, KEY(r, SOURCE, "source")))
                ok = field_value(j, &r->source, &rec->source, false);
            else
                ok = jsonp_skip_value(j);
            if (!ok) return false;
            jsonp_skip_space(j);
            int c = jsonp_peek(j);
            if (c == ',') {
                j->p++;
                continue;
            }
            if (c == '}') {
                j->p++;
                break;
            }
            j->error = c < 0 ? "unexpected end of line: missing '}'"
                             : "expected ',' or '}'";
            return false;
        }
    }
    jsonp_skip_space(j);
    if (j->p != j->end) {
        j->error = "trailing characters after the object";
        return false;
    }
    return true;
}

static const char *optional_field(dyad_reader *r, size_t line, const char *id,
                                  field_state state, const sbuf *buf,
                                  const char *name)
{
    if (state == FIELD_STRING) return buf->data ? buf->data : "";
    if (state == FIELD_OTHER)
        reader_report(r, DYAD_WARNING, line, id,
                      "\"%s\" is not a string; ignored", name);
    return NULL;
}

static int jsonl_record_of(dyad_reader *r, const char *line, size_t len,
                           size_t lineno, dyad_document *doc)
{
    reader_clear_record(r);
    jsonl_record rec = {0};
    jsonp j;
    jsonp_init(&j, line, len);
    bool ok = parse_object(r, &j, &rec);
    bool has_id = rec.id == FIELD_STRING || rec.id == FIELD_NUMBER;
    const char *id = has_id ? (r->id.data ? r->id.data : "") : NULL;
    if (!ok) {
        reader_skip(r, lineno, id, "invalid JSON: %s (column %zu)", j.error,
                    jsonp_column(&j));
        return 0;
    }
    if (rec.text == FIELD_ABSENT) {
        reader_skip(r, lineno, id, "no \"text\" in the record");
        return 0;
    }
    if (rec.text != FIELD_STRING) {
        reader_skip(r, lineno, id, "\"text\" is not a string");
        return 0;
    }
    if (!has_id) {
        if (rec.id == FIELD_OTHER)
            reader_report(r, DYAD_WARNING, lineno, NULL,
                          "\"id\" is neither a string nor a number; using the line");
        if (reader_default_id(r, lineno)) {
            reader_skip(r, lineno, NULL, "out of memory");
            return 0;
        }
        id = r->id.data;
    }
    reader_fill_document(r, doc, lineno);
    if (rec.date == FIELD_STRING && r->date_raw.len > 0 &&
        !reader_normalize_date(r->date_raw.data, r->date_raw.len, doc->date))
        reader_report(r, DYAD_WARNING, lineno, id,
                      "date is not YYYY-MM-DD; left unknown");
    else if (rec.date == FIELD_OTHER)
        reader_report(r, DYAD_WARNING, lineno, id,
                      "\"date\" is not a string; left unknown");
    doc->title = optional_field(r, lineno, id, rec.title, &r->title, "title");
    doc->url = optional_field(r, lineno, id, rec.url, &r->url, "url");
    doc->source = optional_field(r, lineno, id, rec.source, &r->source, "source");
    doc->is_sentence = 0;
    return 1;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
    return true;
}

int jsonl_next(dyad_reader *r, dyad_document *doc)
{
    const char *line;
    size_t len, lineno;
    bool too_long;
    while (reader_line(r, &line, &len, &lineno, &too_long)) {
        if (too_long) {
            reader_skip(r, lineno, NULL, "line longer than %zu bytes",
                        r->max_record);
            continue;
        }
        if (blank(line, len)) continue;
        if (jsonl_record_of(r, line, len, lineno, doc)) return 1;
    }
    return 0;
}
