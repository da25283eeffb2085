/*
 * read_tabari.c -- TABARI .text files (TABARI manual, section 4.3):
 *
 *     YYMMDD ID  anything else
 *     text line 1
 *     ...
 *     <blank line or end of file>
 *
 * Rules taken from the manual and from the files TABARI ships:
 *   - A block (lines between blank lines) whose first line starts with '#'
 *     is a comment block and is skipped silently (Validate.text is full of
 *     them).  TABARI treats any block not led by a digit as a comment; we
 *     report such blocks as errors instead, because outside test files they
 *     are formatting mistakes that would otherwise lose text unnoticed.
 *   - The date has six digits, YYMMDD, with TABARI's pivot (manual 6.5.2):
 *     00-30 are 2000-2030 and 31-99 are 1931-1999.  Eight digits, YYYYMMDD,
 *     are read too: TABARI's "SET: YYYY = TRUE" option writes them.
 *   - The id follows the date after optional blanks ("950101*INTRO" in
 *     TABARI.Demo.text has none); text after the id is ignored.
 *   - TABARI does not code comments, delimited by slash-asterisk and
 *     asterisk-slash (Validate.text keeps its expected codings in them).
 *     They are replaced by spaces (newlines kept), so offsets still point
 *     at the same bytes of the record while later stages never see them.
 *   - Each record is one story lead, coded as one unit: is_sentence = 1.
 */
#include "reader.h"

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
            return false;
    return true;
}

static bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\r'; }

tabari_header_status tabari_parse_header(const char *line, size_t n,
                                         char date[11], const char **id,
                                         size_t *id_len)
{
    date[0] = 0;
    *id = NULL;
    *id_len = 0;
    size_t digits = 0;
    while (digits < n && ch_is_digit((unsigned char)line[digits])) digits++;
    if (digits == 0) return TABARI_NOT_HEADER;
    /* The id is found even when the date is bad, to name the record in
     * the error. */
    size_t i = digits;
    while (i < n && is_blank_char(line[i])) i++;
    size_t start = i;
    while (i < n && !is_blank_char(line[i])) i++;
    if (i > start) {
        *id = line + start;
        *id_len = i - start;
    }
    int year, month, day;
    if (digits == 6) {
        int yy = (line[0] - '0') * 10 + (line[1] - '0');
        year = yy <= 30 ? 2000 + yy : 1900 + yy;
        month = (line[2] - '0') * 10 + (line[3] - '0');
        day = (line[4] - '0') * 10 + (line[5] - '0');
    } else if (digits == 8) {
        year = ((line[0] - '0') * 10 + (line[1] - '0')) * 100 +
               (line[2] - '0') * 10 + (line[3] - '0');
        month = (line[4] - '0') * 10 + (line[5] - '0');
        day = (line[6] - '0') * 10 + (line[7] - '0');
    } else {
        return TABARI_BAD_DATE;
    }
    if (!reader_valid_date(year, month, day)) return TABARI_BAD_DATE;
    const int parts[3] = {year, month, day};
    const int widths[3] = {4, 2, 2};
    char *out = date;
    for (int k = 0; k < 3; k++) {
        for (int w = widths[k] - 1, v = parts[k]; w >= 0; w--, v /= 10)
            out[w] = (char)('0' + v % 10);
        out += widths[k];
        if (k < 2) *out++ = '-';
    }
    *out = 0;
    return *id ? TABARI_HEADER_OK : TABARI_NO_ID;
}

/* Consumes lines up to and including the next blank line. */
static void skip_block(dyad_reader *r)
{
    const char *line;
    size_t len, lineno;
    bool too_long;
    while (reader_line(r, &line, &len, &lineno, &too_long))
        if (!too_long && blank(line, len)) return;
}

/* Blanks out comments and returns the record's length without trailing
 * white space. */
static size_t blank_comments(char *s, size_t n)
{
    bool in_comment = false;
    for (size_t i = 0; i < n; i++) {
        if (!in_comment && s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
            in_comment = true;
            s[i] = s[i + 1] = ' ';
            i++;
        } else if (in_comment && s[i] == '*' && i + 1 < n && s[i + 1] == '/') {
            in_comment = false;
            s[i] = s[i + 1] = ' ';
            i++;
        } else if (in_comment && s[i] != '\n') {
            s[i] = ' ';
        }
    }
    while (n > 0 && (is_blank_char(s[n - 1]) || s[n - 1] == '\n')) n--;
    return n;
}

int tabari_next(dyad_reader *r, dyad_document *doc)
{
    const char *line;
    size_t len, lineno;
    bool too_long;
    while (reader_line(r, &line, &len, &lineno, &too_long)) {
        if (too_long) {
            reader_skip(r, lineno, NULL, "line longer than %zu bytes",
                        r->max_record);
            skip_block(r);
            continue;
        }
        if (blank(line, len)) continue;
        if (line[0] == '#') {
            skip_block(r);
            continue;
        }
        reader_clear_record(r);
        char date[11];
        const char *id;
        size_t id_len;
        tabari_header_status st = tabari_parse_header(line, len, date, &id, &id_len);
        /* The line is only valid until the next read: keep the id now. */
        if (id && sbuf_append(&r->id, id, id_len)) {
            reader_skip(r, lineno, NULL, "out of memory");
            skip_block(r);
            continue;
        }
        if (st == TABARI_NOT_HEADER) {
            reader_skip(r, lineno, NULL,
                        "text without a \"YYMMDD ID\" record header; block skipped");
            skip_block(r);
            continue;
        }
        if (st == TABARI_BAD_DATE) {
            /* Show what was there: the bad date is the first token. */
            size_t k = 0;
            while (k < len && k < 40 && !is_blank_char(line[k])) k++;
            reader_skip(r, lineno, r->id.data,
                        "bad date \"%.*s\" in record header: expected YYMMDD "
                        "(or YYYYMMDD) and an id", (int)k, line);
            skip_block(r);
            continue;
        }
        if (st == TABARI_NO_ID) {
            reader_report(r, DYAD_WARNING, lineno, NULL,
                          "record header without an id; using the line");
            if (reader_default_id(r, lineno)) {
                reader_skip(r, lineno, NULL, "out of memory");
                skip_block(r);
                continue;
            }
        }
        size_t header_line = lineno, text_lines = 0;
        bool too_big = false, out_of_memory = false, ended_by_blank = false;
        while (reader_line(r, &line, &len, &lineno, &too_long)) {
            if (!too_long && blank(line, len)) {
                ended_by_blank = true;
                break;
            }
            text_lines++;
            if (too_big || out_of_memory) continue;
            if (too_long || r->text.len + len + 1 > r->max_record)
                too_big = true;
            else if ((text_lines > 1 && sbuf_putc(&r->text, '\n')) ||
                     sbuf_append(&r->text, line, len))
                out_of_memory = true;
        }
        if (too_big) {
            reader_skip(r, header_line, r->id.data,
                        "record longer than %zu bytes", r->max_record);
            continue;
        }
        if (out_of_memory) {
            reader_skip(r, header_line, r->id.data, "out of memory");
            continue;
        }
        if (text_lines == 0 && !ended_by_blank) {
            /* A header as the file's last line: the rest was cut off. */
            reader_skip(r, header_line, r->id.data, "record has no text (truncated file?)");
            continue;
        }
        if (text_lines == 0) {
            /* A complete record whose text is empty (TABARI codes it as
             * nothing, and counts it): delivered empty, not an error. */
            reader_fill_document(r, doc, header_line);
            memcpy(doc->date, date, sizeof doc->date);
            doc->is_sentence = 1;
            return 1;
        }
        size_t n = blank_comments(r->text.data, r->text.len);
        if (n == 0) {
            reader_report(r, DYAD_NOTE, header_line, r->id.data,
                          "record holds only a /* comment */: nothing to read");
            continue;
        }
        r->text.len = n;
        r->text.data[n] = 0;
        reader_fill_document(r, doc, header_line);
        memcpy(doc->date, date, sizeof doc->date);
        doc->is_sentence = 1;
        return 1;
    }
    return 0;
}
