/*
 * reader.c -- opening inputs, format detection, the chunked byte source,
 * diagnostics and the dispatch to the format readers (read_*.c).
 */
#include "reader.h"
#include "core/calendar.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

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
        unsigned want = r->chunk > (1u << 30) ? 1u << 30 : (unsigned)r->chunk;
        int n = gzread(r->gz, r->window + r->end, want);
        int err = Z_OK;
        const char *why = n <= 0 ? gzerror(r->gz, &err) : NULL;
        if (why && strncmp(why, "<fd:", 4) == 0 && strstr(why, ": ")) why = strstr(why, ": ") + 2;
        if (n <= 0 && err != Z_OK && err != Z_STREAM_END)
            reader_report(r, DYAD_ERROR, r->line, NULL,
                          "damaged gzip data (%s); the rest of the input is not read",
                          why ? why : "?");
        got = n > 0 ? (size_t)n : 0;
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

static dyad_format detect_format(dyad_reader *r)
{
    size_t i = 0;
    bool after_comment = false;
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
        if (!after_comment && c == '<') return DYAD_FORMAT_PETRARCH;
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
    if (lookahead(r, 2) && memcmp(r->data + r->pos, "\xEF\xBB\xBF", 3) == 0)
        r->pos += 3;
    if (r->format == DYAD_FORMAT_AUTO) r->format = detect_format(r);
}

dyad_reader *reader_open_stream(FILE *fp, bool close_fp, const char *name,
                                dyad_format format, size_t chunk,
                                dyad_diag_fn diag, void *user)
{
    if (!name) name = "<stream>";
    if ((unsigned)format > DYAD_FORMAT_PETRARCH) format = DYAD_FORMAT_AUTO;
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

/* A gzip-compressed file, told by its magic bytes, whatever its name. */
static dyad_reader *open_gzip(FILE *fp, const char *path, dyad_format format,
                              dyad_diag_fn diag, void *user)
{
    int fd = dup(fileno(fp));
    fclose(fp);
    /* stdio read ahead: the shared offset is past the magic bytes */
    if (fd >= 0 && lseek(fd, 0, SEEK_SET) != 0) { close(fd); fd = -1; }
    gzFile gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
    if (!gz) {
        if (fd >= 0) close(fd);
        report_open_failure(path, diag, user, "cannot open the gzip stream");
        return NULL;
    }
    gzbuffer(gz, 1 << 17);
    if ((unsigned)format > DYAD_FORMAT_PETRARCH) format = DYAD_FORMAT_AUTO;
    dyad_reader *r = reader_new(path, base_name(path), format, diag, user);
    if (!r) {
        report_open_failure(path, diag, user, "out of memory");
        gzclose(gz);
        return NULL;
    }
    r->gz = gz;
    r->chunk = READER_CHUNK;
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
    /* only a regular file can be read twice: a fifo goes to the stream reader */
    unsigned char magic[2];
    if (have_stat && S_ISREG(st.st_mode)) {
        if (fread(magic, 1, 2, fp) == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            return open_gzip(fp, path, format, diag, user);
        rewind(fp);
    }
    return reader_open_stream(fp, true, path, format, 0, diag, user);
}

dyad_reader *dyad_reader_open_memory(const char *name, const char *data,
                                     size_t len, dyad_format format,
                                     dyad_diag_fn diag, void *user)
{
    if (!name) name = "<memory>";
    if ((unsigned)format > DYAD_FORMAT_PETRARCH) format = DYAD_FORMAT_AUTO;
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
    default: return text_next(r, doc);
    }
}

dyad_format dyad_reader_format(const dyad_reader *r)
{
    return r ? r->format : DYAD_FORMAT_AUTO;
}

size_t dyad_reader_skipped(const dyad_reader *r) { return r ? r->skipped : 0; }
size_t dyad_reader_warnings(const dyad_reader *r) { return r ? r->warnings : 0; }

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
    if (r->gz) gzclose(r->gz);
    sbuf *all[] = {&r->text, &r->parse, &r->id, &r->title, &r->url,
                   &r->source, &r->date_raw, &r->key, &r->flag};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) sbuf_free(all[i]);
    free(r->window);
    free(r->name);
    free(r->text_id);
    free(r);
}
