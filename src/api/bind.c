/*
 * bind.c -- dyad_session: text or a file in, JSON Lines out, for
 * bindings (python/ over cffi).
 *
 * Written against the public header alone, on purpose: a session is only
 * a bundle of the objects a C program would hold (coder, pipeline, coder
 * workspace, reader) plus a memory stream that dyad_render_events()
 * writes into, so bindings code exactly as `dyad code` does and there is
 * no second coding path to keep in step.
 */
#include "dyad.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Diagnostics are kept per call; a file full of bad records must not
 * grow them without bound, so past this size they are only counted. */
#define DIAG_CAP (64 * 1024)

typedef struct text_buf {
    char *data;
    size_t len, cap;
} text_buf;

struct dyad_session {
    dyad_coder *coder;      /* NULL: the dictionaries failed to load      */
    char *load_error;       /* why, repeated by every coding call         */
    dyad_pipeline *pipe;
    dyad_coder_work *work;
    int work_explain;       /* the setting the workspace was made with    */
    /* the file being streamed */
    dyad_reader *reader;
    char date[11];
    unsigned flags;
    /* results of the last call */
    char *out;
    size_t outlen;
    text_buf error;
    text_buf diags;
    size_t diags_dropped;
    text_buf last_error;    /* the last error-severity diagnostic         */
};

static void buf_clear(text_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = 0;
}

/* Appends formatted text; on failure the buffer keeps what it had, which
 * is the best a message about running out of memory can do. */
static void buf_printf(text_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_printf(text_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    size_t need = b->len + (size_t)n + 1;
    if (need > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < need) cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) return;
        b->data = d;
        b->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static const char *buf_str(const text_buf *b) { return b->data ? b->data : ""; }

static void set_error(dyad_session *s, const char *msg)
{
    buf_clear(&s->error);
    buf_printf(&s->error, "%s", msg);
}

/* Starts a call: the last call's error and diagnostics are forgotten. */
static void begin_call(dyad_session *s)
{
    buf_clear(&s->error);
    buf_clear(&s->diags);
    buf_clear(&s->last_error);
    s->diags_dropped = 0;
}

/* The layout of the command line's messages (src/cli/inputs.c), so a
 * binding's user reads what a `dyad code` user would. */
static void format_diag(text_buf *b, const dyad_diag *d)
{
    buf_printf(b, "%s", d->file ? d->file : "-");
    if (d->line) buf_printf(b, ":%zu", d->line);
    buf_printf(b, ": %s: %s", d->severity == DYAD_ERROR ? "error" : "warning", d->message);
    if (d->record) buf_printf(b, " [record %s]", d->record);
}

static void collect_diag(const dyad_diag *d, void *user)
{
    dyad_session *s = user;
    if (d->severity == DYAD_NOTE) return;
    if (d->severity == DYAD_ERROR) {
        buf_clear(&s->last_error);
        format_diag(&s->last_error, d);
    }
    if (s->diags.len > DIAG_CAP) { s->diags_dropped++; return; }
    format_diag(&s->diags, d);
    buf_printf(&s->diags, "\n");
}

/* Appends the count of messages not kept at the end of a call. */
static void end_call(dyad_session *s)
{
    if (s->diags_dropped) buf_printf(&s->diags, "... and %zu more message(s)\n", s->diags_dropped);
    s->diags_dropped = 0;
}

dyad_session *dyad_session_new(const dyad_coder_config *dicts)
{
    dyad_session *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    dyad_coder_config cfg;
    if (dicts) cfg = *dicts;
    else {
        memset(&cfg, 0, sizeof cfg);
        cfg.builtin = 1;
    }
    cfg.diag = collect_diag;
    cfg.user = s;
    s->pipe = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    if (!s->pipe) { dyad_session_free(s); return NULL; }
    s->coder = dyad_coder_new(&cfg);
    if (!s->coder) {
        /* The loader reported why through collect_diag; its last error
         * is the reason (earlier ones may be lines it skipped). */
        text_buf e = {0, 0, 0};
        if (s->last_error.len) buf_printf(&e, "cannot load the dictionaries: %s", s->last_error.data);
        else buf_printf(&e, "cannot load the dictionaries");
        s->load_error = e.data;
        if (!s->load_error) { dyad_session_free(s); return NULL; }
        set_error(s, s->load_error);
    }
    end_call(s);
    return s;
}

void dyad_session_free(dyad_session *s)
{
    if (!s) return;
    dyad_reader_close(s->reader);
    dyad_coder_work_free(s->work);
    dyad_coder_free(s->coder);
    dyad_pipeline_free(s->pipe);
    free(s->load_error);
    free(s->out);
    free(s->error.data);
    free(s->diags.data);
    free(s->last_error.data);
    free(s);
}

const char *dyad_session_error(const dyad_session *s) { return buf_str(&s->error); }
const char *dyad_session_diagnostics(const dyad_session *s) { return buf_str(&s->diags); }

/* Checks a call's settings and readies the workspace for them; 0 or -1
 * with the error set. */
static int prepare(dyad_session *s, const char *date, dyad_format format, unsigned flags)
{
    if (!s->coder) { set_error(s, s->load_error); return -1; }
    /* The readers take an unknown format for "detect"; from a binding it
     * is a mistake worth hearing about. */
    if ((unsigned)format > DYAD_FORMAT_PETRARCH) {
        buf_clear(&s->error);
        buf_printf(&s->error, "unknown input format %u", (unsigned)format);
        return -1;
    }
    if (date && dyad_date_parse(date, NULL) != 0) {
        buf_clear(&s->error);
        buf_printf(&s->error, "date wants YYYY-MM-DD, not '%s'", date);
        return -1;
    }
    /* Explanations are a setting of the workspace, so a call that
     * changes them gets a new one.  The date is not: code_document()
     * puts it into each undated document, as `dyad code --date` does, so
     * the workspace's default date would never be read and one workspace
     * (and its grown arena) serves calls with any dates. */
    int explain = (flags & DYAD_EVENTS_EXPLAIN) != 0;
    if (!s->work || s->work_explain != explain) {
        dyad_code_options opt;
        memset(&opt, 0, sizeof opt);
        opt.explain = explain;
        dyad_coder_work_free(s->work);
        s->work = dyad_coder_work_new(s->coder, &opt);
        if (!s->work) { set_error(s, "out of memory"); return -1; }
        s->work_explain = explain;
    }
    return 0;
}

/* Codes one document into the open stream; -1 when memory ran out. */
static long code_document(dyad_session *s, const dyad_document *doc, const char *date,
                          unsigned flags, FILE *out)
{
    dyad_document d = *doc;
    if (date && !d.date[0]) memcpy(d.date, date, 11);
    dyad_analysis a;
    const dyad_event *ev;
    size_t n;
    if (dyad_analyze(s->pipe, &d, &a) || dyad_code(s->work, &a, &ev, &n)) return -1;
    dyad_render_events(out, &a, ev, n, DYAD_EVENTS_JSONL, flags);
    return (long)n;
}

static void close_file(dyad_session *s)
{
    dyad_reader_close(s->reader);
    s->reader = NULL;
}

/* Opens a fresh output buffer; the last call's is freed. */
static FILE *open_output(dyad_session *s)
{
    free(s->out);
    s->out = NULL;
    s->outlen = 0;
    return open_memstream(&s->out, &s->outlen);
}

/* Closes the output buffer and hands it out; -1 when writing failed. */
static int close_output(dyad_session *s, FILE *f, const char **jsonl, size_t *len)
{
    int bad = ferror(f);
    if (fclose(f) || bad || !s->out) { set_error(s, "out of memory"); return -1; }
    if (jsonl) *jsonl = s->out;
    if (len) *len = s->outlen;
    return 0;
}

long dyad_session_code(dyad_session *s, const char *text, size_t len, const char *date,
                       const char *doc_id, dyad_format format, unsigned flags,
                       const char **jsonl, size_t *len_out)
{
    begin_call(s);
    close_file(s);
    if (jsonl) *jsonl = "";
    if (len_out) *len_out = 0;
    if (prepare(s, date, format, flags)) return -1;
    if (!text) text = "";
    dyad_reader *r = dyad_reader_open_memory(doc_id ? doc_id : "text", text, len, format,
                                             collect_diag, s);
    FILE *out = r ? open_output(s) : NULL;
    if (!out) {
        dyad_reader_close(r);
        set_error(s, "out of memory");
        return -1;
    }
    long total = 0;
    dyad_document doc;
    while (dyad_reader_next(r, &doc)) {
        long n = code_document(s, &doc, date, flags, out);
        if (n < 0) { total = -1; break; }
        total += n;
    }
    dyad_reader_close(r);
    if (close_output(s, out, jsonl, len_out) || total < 0) {
        set_error(s, "out of memory");
        total = -1;
    }
    end_call(s);
    return total;
}

int dyad_session_open_file(dyad_session *s, const char *path, const char *date,
                           dyad_format format, unsigned flags)
{
    begin_call(s);
    close_file(s);
    if (prepare(s, date, format, flags)) return -1;
    s->reader = dyad_reader_open_file(path, format, collect_diag, s);
    if (!s->reader) {
        /* The reader said why (no such file, a directory...) through
         * collect_diag: that is the error, not a diagnostic. */
        if (s->last_error.len) set_error(s, s->last_error.data);
        else set_error(s, "cannot open the file");
        buf_clear(&s->diags);
        return -1;
    }
    memcpy(s->date, date ? date : "", date ? 11 : 1);
    s->flags = flags;
    end_call(s);
    return 0;
}

int dyad_session_next(dyad_session *s, const char **jsonl, size_t *len_out)
{
    begin_call(s);
    if (jsonl) *jsonl = "";
    if (len_out) *len_out = 0;
    if (!s->reader) { set_error(s, "no file is open"); return -1; }
    dyad_document doc;
    if (!dyad_reader_next(s->reader, &doc)) {
        close_file(s);
        end_call(s);
        return 0;
    }
    FILE *out = open_output(s);
    if (!out) { set_error(s, "out of memory"); return -1; }
    long n = code_document(s, &doc, s->date[0] ? s->date : NULL, s->flags, out);
    int rc = close_output(s, out, jsonl, len_out);
    if (rc || n < 0) { set_error(s, "out of memory"); return -1; }
    end_call(s);
    return 1;
}

/* ---- store queries ------------------------------------------------------ */

typedef struct query_diag {
    char *err;
    size_t cap;
} query_diag;

/* Keeps the first error: later ones are usually its consequences. */
static void keep_first_error(const dyad_diag *d, void *user)
{
    query_diag *q = user;
    if (d->severity != DYAD_ERROR || !q->cap || q->err[0]) return;
    snprintf(q->err, q->cap, "%s%s%s", d->file ? d->file : "", d->file ? ": " : "", d->message);
}

long dyad_store_query_rows(const char *db, const dyad_query *q, dyad_row_format format, char **rows,
                           size_t *len, char *err, size_t errcap)
{
    query_diag qd = {err, errcap};
    if (errcap) err[0] = 0;
    *rows = NULL;
    *len = 0;
    dyad_store *st = dyad_store_open(db, DYAD_STORE_READONLY, keep_first_error, &qd);
    if (!st) {
        if (errcap && !err[0]) snprintf(err, errcap, "%s: cannot open the store", db);
        return -1;
    }
    FILE *out = open_memstream(rows, len);
    long n = out ? dyad_store_query(st, q, format, out) : -1;
    if (out && fclose(out) != 0) n = -1;
    dyad_store_close(st);
    if (n < 0) {
        if (errcap && !err[0]) snprintf(err, errcap, "%s: the query failed (out of memory?)", db);
        free(*rows);
        *rows = NULL;
        *len = 0;
    }
    return n;
}

void dyad_free(void *p) { free(p); }
