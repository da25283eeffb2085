/*
 * reader.c -- opening inputs, format detection, the chunked byte source,
 * diagnostics and the dispatch to the format readers (read_*.c).
 */
#include "reader.h"
#include "core/calendar.h"
#include "html/html.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* ---- gzip ------------------------------------------------------------- */

/* Compressed input is inflated between the file (or the caller's buffer)
 * and the window, so every reader sees plain bytes and line numbers count
 * lines of the plain text.  Concatenated gzip members (a .warc.gz holds one
 * per record) are read one after another. */
struct gz_source {
    z_stream z;
    unsigned char *in;      /* read buffer for file input                  */
    size_t in_cap;
    bool file;              /* input from r->fp, else the caller's buffer  */
    bool done;
    bool in_member;         /* inside a member: its end is still due      */
    bool input_end;         /* no more compressed bytes will come         */
    char error[160];        /* why inflating stopped, reported when the
                               reader reaches that point (so the report
                               does not depend on how far it read ahead) */
    uint64_t in_total, out_total;
};

/* Output beyond this many times the input, past GZ_BOMB_FLOOR bytes, is a
 * decompression bomb: reading stops there with an error. */
#define GZ_BOMB_RATIO 1000
#define GZ_BOMB_FLOOR ((uint64_t)256 << 20)

static void gz_free(gz_source *g)
{
    if (!g) return;
    inflateEnd(&g->z);
    free(g->in);
    free(g);
}

/* Starts inflating: the window's bytes [pos, end) (and, for a file, the
 * rest of it) are gzip data.  Returns false when memory ran out. */
static bool gz_start(dyad_reader *r)
{
    gz_source *g = calloc(1, sizeof *g);
    if (!g) return false;
    if (inflateInit2(&g->z, 15 + 16) != Z_OK) {
        free(g);
        return false;
    }
    g->file = r->fp != NULL;
    size_t n = r->end - r->pos;
    if (g->file) {
        g->in_cap = READER_CHUNK > n ? READER_CHUNK : n;
        g->in = malloc(g->in_cap);
        if (!g->in) {
            gz_free(g);
            return false;
        }
        memcpy(g->in, r->data + r->pos, n);
        g->in_total = n;
        g->z.next_in = g->in;
        g->z.avail_in = (uInt)n;
        r->pos = r->end = 0;
    } else {
        /* The caller's buffer is the input; the window becomes ours. */
        g->z.next_in = (Bytef *)(uintptr_t)(r->data + r->pos);
        g->z.avail_in = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
        g->input_end = true;
        g->in_total = 0;
        r->data = r->window ? r->window : "";
        r->pos = r->end = 0;
        r->eof = false;
    }
    r->gz = g;
    return true;
}

/* Inflates up to `room` bytes into dst; 0 at the end or on an error
 * (reported). */
static size_t gz_read(dyad_reader *r, char *dst, size_t room)
{
    gz_source *g = r->gz;
    g->z.next_out = (Bytef *)dst;
    g->z.avail_out = (uInt)(room > UINT32_MAX ? UINT32_MAX : room);
    room = g->z.avail_out;
    while (!g->done && g->z.avail_out == room) {
        if (g->z.avail_in == 0 && !g->input_end) {
            size_t got = g->file ? fread(g->in, 1, g->in_cap, r->fp) : 0;
            if (got == 0) {
                g->input_end = true;
                if (g->file && ferror(r->fp))
                    snprintf(g->error, sizeof g->error, "read error: %s", strerror(errno));
            } else {
                g->z.next_in = g->in;
                g->z.avail_in = (uInt)got;
                g->in_total += got;
            }
        }
        uInt before = g->z.avail_in, out_before = g->z.avail_out;
        int rc = inflate(&g->z, Z_NO_FLUSH);
        if (!g->file) g->in_total += before - g->z.avail_in;
        if (before != g->z.avail_in) g->in_member = true;
        if (rc == Z_STREAM_END) {
            g->in_member = false;
            /* Another member may follow; bytes that are not one end the
             * input, as gzip treats trailing garbage. */
            if (g->z.avail_in == 0 && g->file && !g->input_end) {
                size_t got = fread(g->in, 1, g->in_cap, r->fp);
                g->z.next_in = g->in;
                g->z.avail_in = (uInt)got;
                g->in_total += got;
                if (!got) g->input_end = true;
            }
            if (g->z.avail_in == 0 || g->z.next_in[0] != 0x1f) {
                g->done = true;
                break;
            }
            inflateReset(&g->z);
            continue;
        }
        if (rc != Z_OK && !(rc == Z_BUF_ERROR && g->z.avail_in == 0)) {
            snprintf(g->error, sizeof g->error,
                     "gzip data is corrupt (%s) after %llu compressed bytes: the rest is not read",
                     g->z.msg ? g->z.msg : "inflate failed",
                     (unsigned long long)(g->file ? g->in_total - g->z.avail_in : g->in_total));
            g->done = true;
            break;
        }
        /* No input left and nothing more came out (zlib may still have
         * had the rest of a match to copy): the end. */
        if (g->input_end && g->z.avail_in == 0 && g->z.avail_out == out_before) {
            if (g->in_member && !g->error[0])
                snprintf(g->error, sizeof g->error,
                         "gzip data ends in the middle of a member: the text from it ends there");
            g->done = true;
            break;
        }
    }
    size_t made = room - g->z.avail_out;
    g->out_total += made;
    if (g->out_total > GZ_BOMB_FLOOR && g->out_total / GZ_BOMB_RATIO > g->in_total + 1) {
        snprintf(g->error, sizeof g->error,
                 "gzip data expands more than %d times: a decompression bomb? "
                 "the rest is not read", GZ_BOMB_RATIO);
        g->done = true;
    }
    return made;
}

/* ---- diagnostics ------------------------------------------------------ */

static void reader_vreport(dyad_reader *r, dyad_severity severity, size_t line,
                           const char *record, const char *fmt, va_list ap)
{
    if (severity == DYAD_WARNING) r->warnings++;
    if (!r->diag) return;
    vsnprintf(r->msg, sizeof r->msg, fmt, ap);
    dyad_diag d = {severity, r->name, line, record, r->msg};
    r->diag(&d, r->user);
}

void reader_report(dyad_reader *r, dyad_severity severity, size_t line,
                   const char *record, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    reader_vreport(r, severity, line, record, fmt, ap);
    va_end(ap);
}

void reader_skip(dyad_reader *r, size_t line, const char *record,
                 const char *fmt, ...)
{
    r->skipped++;
    va_list ap;
    va_start(ap, fmt);
    reader_vreport(r, DYAD_ERROR, line, record, fmt, ap);
    va_end(ap);
}

/* ---- byte source ------------------------------------------------------ */

bool src_refill(dyad_reader *r)
{
    if (r->eof || (!r->fp && !r->gz)) {
        r->eof = true;
        return false;
    }
    if (r->pos > 0) {
        memmove(r->window, r->window + r->pos, r->end - r->pos);
        r->end -= r->pos;
        r->pos = 0;
    }
    if (r->window_cap - r->end < r->chunk) {
        /* Doubling keeps the copying of a long line amortised linear. */
        size_t cap = r->window_cap * 2;
        if (cap < r->end + r->chunk) cap = r->end + r->chunk;
        char *w = realloc(r->window, cap);
        if (!w) {
            reader_report(r, DYAD_ERROR, r->line, NULL,
                          "out of memory; the rest of the input is not read");
            r->eof = true;
            return false;
        }
        r->window = w;
        r->window_cap = cap;
        r->data = w;
    }
    size_t got;
    if (r->gz) {
        got = gz_read(r, r->window + r->end, r->chunk);
        if (got == 0 && r->gz->error[0]) {
            reader_report(r, DYAD_ERROR, r->line, NULL, "%s", r->gz->error);
            r->gz->error[0] = 0;
        }
    } else if (r->stream) {
        ssize_t n;
        do n = read(fileno(r->fp), r->window + r->end, r->chunk);
        while (n < 0 && errno == EINTR);
        if (n < 0)
            reader_report(r, DYAD_ERROR, r->line, NULL, "read error: %s", strerror(errno));
        got = n > 0 ? (size_t)n : 0;
    } else {
        got = fread(r->window + r->end, 1, r->chunk, r->fp);
        if (got == 0 && ferror(r->fp))
            reader_report(r, DYAD_ERROR, r->line, NULL, "read error: %s",
                          strerror(errno));
    }
    if (got == 0) {
        r->eof = true;
        return false;
    }
    r->end += got;
    return true;
}

bool reader_line(dyad_reader *r, const char **line, size_t *len,
                 size_t *lineno, bool *too_long)
{
    /* `scanned` bytes after pos are known to hold no newline, so each byte
     * is searched once however often the window is refilled. */
    size_t scanned = 0;
    bool discarding = false;
    *too_long = false;
    for (;;) {
        size_t avail = r->end - r->pos;
        const char *start = r->data + r->pos;
        const char *nl = avail > scanned
                             ? memchr(start + scanned, '\n', avail - scanned)
                             : NULL;
        if (nl || (r->eof && (avail > 0 || discarding))) {
            size_t n = nl ? (size_t)(nl - start) : avail;
            *lineno = r->line;
            r->pos += n + (nl ? 1 : 0);
            if (nl) r->line++;
            if (discarding || n > r->max_record) {
                *too_long = true;
                *line = start;
                *len = 0;
            } else {
                *line = start;
                *len = n;
            }
            return true;
        }
        if (r->eof) return false;
        scanned = avail;
        if (avail > r->max_record) discarding = true;
        if (discarding) {
            /* The line will be rejected anyway: drop what we have so that
             * memory stays bounded. */
            r->pos = r->end;
            scanned = 0;
        }
        if (!src_refill(r) && !discarding && r->end == r->pos) return false;
    }
}

/* ---- shared helpers --------------------------------------------------- */

bool reader_valid_date(int year, int month, int day)
{
    return cal_valid(year, month, day);
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!ch_is_digit((unsigned char)s[i])) return false;
    return true;
}

static int number_of(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return v;
}

bool reader_normalize_date(const char *s, size_t n, char out[11])
{
    out[0] = 0;
    const char *y, *m, *d;
    if (n == 8 && all_digits(s, 8)) {
        y = s, m = s + 4, d = s + 6;
    } else if (n >= 10 && s[4] == '-' && s[7] == '-' && all_digits(s, 4) &&
               all_digits(s + 5, 2) && all_digits(s + 8, 2) &&
               (n == 10 || s[10] == 'T' || s[10] == ' ')) {
        y = s, m = s + 5, d = s + 8;
    } else {
        return false;
    }
    if (!reader_valid_date(number_of(y, 4), number_of(m, 2), number_of(d, 2)))
        return false;
    memcpy(out, y, 4);
    out[4] = '-';
    memcpy(out + 5, m, 2);
    out[7] = '-';
    memcpy(out + 8, d, 2);
    out[10] = 0;
    return true;
}

int reader_default_id(dyad_reader *r, size_t line)
{
    char num[32];
    int k = snprintf(num, sizeof num, ":%zu", line);
    sbuf_clear(&r->id);
    if (sbuf_append(&r->id, r->name, strlen(r->name))) return -1;
    return sbuf_append(&r->id, num, (size_t)k);
}

void reader_clear_record(dyad_reader *r)
{
    sbuf *all[] = {&r->text, &r->parse, &r->id, &r->title, &r->url,
                   &r->source, &r->date_raw, &r->key, &r->flag};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) sbuf_clear(all[i]);
}

void reader_fill_document(dyad_reader *r, dyad_document *doc, size_t line)
{
    memset(doc, 0, sizeof *doc);
    doc->id = r->id.data ? r->id.data : "";
    doc->text = r->text.data ? r->text.data : "";
    doc->len = r->text.len;
    doc->file = r->name;
    doc->line = line;
    doc->format = r->format;
}

/* ---- detection -------------------------------------------------------- */

/* True when data[pos + i] exists, reading ahead (within the detection
 * window) if needed. */
static bool lookahead(dyad_reader *r, size_t i)
{
    while (r->end - r->pos <= i) {
        if (i >= READER_DETECT_WINDOW || !src_refill(r)) return false;
    }
    return true;
}

static bool is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* '<' at data[pos + i]: PETRARCH's <Sentences> XML or a web page.  The
 * first element that is not an XML declaration, comment or doctype says
 * which; a doctype other than html's is read as XML. */
static dyad_format detect_markup(dyad_reader *r, size_t i)
{
    size_t k = i, n;
    for (n = 0; n < 4096 && lookahead(r, i + n); n++) {}
    const char *s = r->data + r->pos;
    while (k < i + n) {
        while (k < i + n && s[k] != '<') k++;
        if (k + 1 >= i + n) break;
        size_t rest = i + n - k;
        char head[16];
        size_t h = 0;
        for (size_t j = 1; j < rest && h < sizeof head - 1; j++)
            head[h++] = (char)ch_lower((unsigned char)s[k + j]);
        head[h] = 0;
        if (head[0] == '?' || strncmp(head, "!--", 3) == 0) {
            k++;
            continue;
        }
        if (strncmp(head, "!doctype", 8) == 0) {
            size_t j = 9;
            while (j < h && head[j] == ' ') j++;
            if (strncmp(head + j, "html", h - j < 4 ? h - j : 4) == 0) return DYAD_FORMAT_HTML;
            return DYAD_FORMAT_PETRARCH;
        }
        /* Only the elements a page opens with; any other root (PETRARCH's
         * <Sentences>, its <Validation> files) is XML. */
        static const char *const OPENERS[] = {"html", "head", "body", "meta", "title", "link",
                                              "script", "style", "div", "p", "base", "table",
                                              "header", "main", "article", "section", "h1"};
        size_t len = 0;
        while (len < h && (ch_is_alpha((unsigned char)head[len]) || ch_is_digit((unsigned char)head[len])))
            len++;
        for (size_t o = 0; o < sizeof OPENERS / sizeof *OPENERS; o++)
            if (strlen(OPENERS[o]) == len && strncmp(head, OPENERS[o], len) == 0)
                return DYAD_FORMAT_HTML;
        return DYAD_FORMAT_PETRARCH;
    }
    return DYAD_FORMAT_PETRARCH;
}

/* A UTF-16 byte-order mark and then markup: a page saved as UTF-16 (the
 * HTML reader converts it; no other format of ours comes in UTF-16). */
static bool utf16_markup(dyad_reader *r)
{
    if (!lookahead(r, 1)) return false;
    const unsigned char *s = (const unsigned char *)r->data + r->pos;
    bool le = s[0] == 0xFF && s[1] == 0xFE, be = s[0] == 0xFE && s[1] == 0xFF;
    if (!le && !be) return false;
    for (size_t i = 2; i < 256 && lookahead(r, i + 1); i += 2) {
        s = (const unsigned char *)r->data + r->pos; /* refills may move data */
        unsigned c = le ? (unsigned)s[i] | (unsigned)s[i + 1] << 8 : (unsigned)s[i] << 8 | s[i + 1];
        if (c == '<') return true;
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    }
    return false;
}

static dyad_format detect_format(dyad_reader *r)
{
    size_t i = 0;
    bool after_comment = false;
    if (utf16_markup(r)) return DYAD_FORMAT_HTML;
    while (lookahead(r, i)) {
        int c = (unsigned char)r->data[r->pos + i];
        if (is_space(c)) {
            i++;
            continue;
        }
        if (c == '#') {
            /* TABARI files (Validate.text) open with '#' comment blocks. */
            after_comment = true;
            while (lookahead(r, i) && r->data[r->pos + i] != '\n') i++;
            continue;
        }
        if (!after_comment && c == '{') return DYAD_FORMAT_JSONL;
        if (!after_comment && c == '<') return detect_markup(r, i);
        if (!after_comment && c == 'W' && lookahead(r, i + 6) &&
            memcmp(r->data + r->pos + i, "WARC/", 5) == 0 && ch_is_digit(r->data[r->pos + i + 5]))
            return DYAD_FORMAT_WARC;
        if (!ch_is_digit(c)) return DYAD_FORMAT_TEXT;
        size_t n = 0;
        while (lookahead(r, i + n) && r->data[r->pos + i + n] != '\n') n++;
        char date[11];
        const char *id;
        size_t id_len;
        return tabari_parse_header(r->data + r->pos + i, n, date, &id,
                                   &id_len) == TABARI_HEADER_OK
                   ? DYAD_FORMAT_TABARI
                   : DYAD_FORMAT_TEXT;
    }
    return DYAD_FORMAT_TEXT;
}

/* ---- opening and closing ---------------------------------------------- */

static char *copy_string(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p) memcpy(p, s, n + 1);
    return p;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

static void report_open_failure(const char *name, dyad_diag_fn diag, void *user,
                                const char *why)
{
    if (!diag) return;
    char msg[320];
    snprintf(msg, sizeof msg, "cannot read input: %s", why);
    dyad_diag d = {DYAD_ERROR, name, 0, NULL, msg};
    diag(&d, user);
}

static dyad_reader *reader_new(const char *name, const char *text_id,
                               dyad_format format, dyad_diag_fn diag, void *user)
{
    dyad_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->name = copy_string(name);
    r->text_id = copy_string(text_id);
    if (!r->name || !r->text_id) {
        free(r->name);
        free(r->text_id);
        free(r);
        return NULL;
    }
    r->format = format;
    r->diag = diag;
    r->user = user;
    r->max_record = DYAD_MAX_DOCUMENT;
    r->chunk = READER_CHUNK;
    r->line = 1;
    r->data = "";
    return r;
}

/* Skips a UTF-8 byte order mark and settles the format. */
static void reader_start(dyad_reader *r)
{
    if (lookahead(r, 1) && (unsigned char)r->data[r->pos] == 0x1f &&
        (unsigned char)r->data[r->pos + 1] == 0x8b && !gz_start(r)) {
        reader_report(r, DYAD_ERROR, 0, NULL, "out of memory: the gzip input is not read");
        r->eof = true;
        r->pos = r->end;
    }
    if (lookahead(r, 2) && memcmp(r->data + r->pos, "\xEF\xBB\xBF", 3) == 0)
        r->pos += 3;
    if (r->format == DYAD_FORMAT_AUTO) r->format = detect_format(r);
}

dyad_reader *reader_open_stream(FILE *fp, bool close_fp, const char *name,
                                dyad_format format, size_t chunk,
                                dyad_diag_fn diag, void *user)
{
    if (!name) name = "<stream>";
    if ((unsigned)format > DYAD_FORMAT_WARC) format = DYAD_FORMAT_AUTO;
    const char *text_id = strcmp(name, "-") == 0 ? "stdin" : base_name(name);
    dyad_reader *r = reader_new(name, text_id, format, diag, user);
    if (!r) {
        report_open_failure(name, diag, user, "out of memory");
        if (close_fp) fclose(fp);
        return NULL;
    }
    r->fp = fp;
    r->close_fp = close_fp;
    r->chunk = chunk ? chunk : READER_CHUNK;
    struct stat st;
    r->stream = fp && fstat(fileno(fp), &st) == 0 && !S_ISREG(st.st_mode);
    reader_start(r);
    return r;
}

dyad_reader *dyad_reader_open_file(const char *path, dyad_format format,
                                   dyad_diag_fn diag, void *user)
{
    if (!path) path = "-";
    if (strcmp(path, "-") == 0)
        return reader_open_stream(stdin, false, path, format, 0, diag, user);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        report_open_failure(path, diag, user, strerror(errno));
        return NULL;
    }
    struct stat st;
    bool have_stat = fstat(fileno(fp), &st) == 0;
    if (have_stat && S_ISDIR(st.st_mode)) {
        report_open_failure(path, diag, user, strerror(EISDIR));
        fclose(fp);
        return NULL;
    }
    /* gzip, whatever the file's name, is told by its magic bytes when the
     * reader starts (reader_start) and inflated from then on. */
    return reader_open_stream(fp, true, path, format, 0, diag, user);
}

dyad_reader *dyad_reader_open_memory(const char *name, const char *data,
                                     size_t len, dyad_format format,
                                     dyad_diag_fn diag, void *user)
{
    if (!name) name = "<memory>";
    if ((unsigned)format > DYAD_FORMAT_WARC) format = DYAD_FORMAT_AUTO;
    dyad_reader *r = reader_new(name, base_name(name), format, diag, user);
    if (!r) {
        report_open_failure(name, diag, user, "out of memory");
        return NULL;
    }
    r->data = data ? data : "";
    r->end = data ? len : 0;
    r->eof = true;
    reader_start(r);
    return r;
}

void reader_set_max_record(dyad_reader *r, size_t max_record)
{
    if (r) r->max_record = max_record;
}

int dyad_reader_next(dyad_reader *r, dyad_document *doc)
{
    if (!r || !doc) return 0;
    switch (r->format) {
    case DYAD_FORMAT_JSONL: return jsonl_next(r, doc);
    case DYAD_FORMAT_TABARI: return tabari_next(r, doc);
    case DYAD_FORMAT_PETRARCH: return petrarch_next(r, doc);
    case DYAD_FORMAT_HTML: return html_next(r, doc);
    case DYAD_FORMAT_WARC: return warc_next(r, doc);
    default: return text_next(r, doc);
    }
}

dyad_format dyad_reader_format(const dyad_reader *r)
{
    return r ? r->format : DYAD_FORMAT_AUTO;
}

size_t dyad_reader_skipped(const dyad_reader *r) { return r ? r->skipped : 0; }
size_t dyad_reader_warnings(const dyad_reader *r) { return r ? r->warnings : 0; }
size_t dyad_reader_other_language(const dyad_reader *r) { return r ? r->other_language : 0; }
size_t dyad_reader_passed_over(const dyad_reader *r) { return r ? r->passed_over : 0; }

void dyad_reader_accept_all_languages(dyad_reader *r, int accept)
{
    if (r) r->all_languages = accept != 0;
}

void dyad_reader_set_content_type(dyad_reader *r, const char *content_type)
{
    if (!r) return;
    r->http_charset[0] = '\0';
    const char *p = content_type;
    /* the charset parameter, case-insensitively, possibly quoted; a name
     * too long for any real charset is ignored rather than cut */
    while (p && *p) {
        const char *semi = strchr(p, ';');
        if (!semi) break;
        p = semi + 1;
        while (*p == ' ' || *p == '\t') p++;
        if (strncasecmp(p, "charset=", 8) != 0) continue;
        p += 8;
        if (*p == '"' || *p == '\'') p++;
        size_t n = strcspn(p, "\"'; \t");
        if (n && n < sizeof r->http_charset) {
            for (size_t i = 0; i < n; i++)
                r->http_charset[i] = (char)((p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i]);
            r->http_charset[n] = '\0';
        }
        break;
    }
}

size_t dyad_source_offset(const dyad_document *doc, size_t offset)
{
    if (!doc || !doc->anchors || !doc->nanchors) return offset;
    const dyad_anchor *a = doc->anchors;
    size_t lo = 0, hi = doc->nanchors;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid].text <= offset) lo = mid;
        else hi = mid;
    }
    size_t s = offset >= a[lo].text ? a[lo].source + (offset - a[lo].text) : a[lo].source;
    /* A run may not reach past the page (the headline's separator). */
    return doc->source_len && s > doc->source_len ? doc->source_len : s;
}

int dyad_reader_set_field(dyad_reader *r, dyad_field field, const char *key)
{
    if (!r || (unsigned)field >= DYAD_FIELD_COUNT) return -1;
    char *k = key ? strdup(key) : NULL;
    if (key && !k) return -1;
    free(r->field_key[field]);
    r->field_key[field] = k;
    return 0;
}

void dyad_reader_close(dyad_reader *r)
{
    if (!r) return;
    for (int f = 0; f < DYAD_FIELD_COUNT; f++) free(r->field_key[f]);
    if (r->fp && r->close_fp) fclose(r->fp);
    gz_free(r->gz);
    html_extractor_free(r->html);
    warc_free(r->warc);
    sbuf *all[] = {&r->text, &r->parse, &r->id, &r->title, &r->url,
                   &r->source, &r->date_raw, &r->key, &r->flag, &r->page, &r->language};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) sbuf_free(all[i]);
    free(r->window);
    free(r->name);
    free(r->text_id);
    free(r);
}
