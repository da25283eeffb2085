/*
 * reader.h -- what the input readers (src/read/) share: the reader itself,
 * its byte source, diagnostics and date handling.
 *
 * The byte source is one window of bytes, data[pos, end).  For a memory
 * buffer the window is the whole buffer; for a file it is a heap buffer
 * refilled by fread in chunks, so a reader holds at most the record it is
 * working on (plus one chunk), never the whole file.
 */
#ifndef DYAD_READ_READER_H
#define DYAD_READ_READER_H

#include "../internal.h"
#include <stdarg.h>

typedef struct html_extractor html_extractor;
typedef struct gz_source gz_source;
typedef struct warc_state warc_state;

#define READER_CHUNK ((size_t)1 << 16)
/* How far format detection looks ahead for the first meaningful byte.
 * Detection must not buffer a hostile file of blanks without limit. */
#define READER_DETECT_WINDOW ((size_t)1 << 20)

/* State of the PETRARCH XML scanner between calls. */
typedef struct xml_state {
    bool in_sentence;       /* inside <Sentence> ... </Sentence>           */
    bool in_text, in_parse; /* collecting character data of these          */
    bool had_text, had_parse;
    bool has_id, has_date, has_source, has_sentence_attr;
    bool entity_warned;     /* one warning per record is enough            */
    size_t sentence_line;   /* line of the record's "<Sentence"            */
    size_t record_bytes;    /* bytes kept for this record so far           */
    const char *bad;        /* why the current record will be skipped      */
} xml_state;

struct dyad_reader {
    char *name;             /* as given: "-" for stdin, "<memory>"         */
    char *text_id;          /* base name: the id of a TEXT document        */
    dyad_format format;
    dyad_diag_fn diag;
    void *user;
    size_t skipped, warnings;
    size_t max_record;      /* bytes; DYAD_MAX_DOCUMENT unless tests lower it */

    /* byte source */
    FILE *fp;               /* NULL for memory input                       */
    bool close_fp;          /* false for stdin                             */
    bool stream;            /* a pipe or terminal: take what has arrived,
                               so each record is read as soon as it is
                               complete, not when a chunk is full          */
    const char *data;       /* the window: caller's buffer or `window`     */
    char *window;
    size_t window_cap, chunk;
    size_t pos, end;
    bool eof;               /* nothing will arrive after data[end]         */
    size_t line;            /* 1-based line number of data[pos]            */

    bool finished;          /* TEXT: the single document was delivered     */

    /* the record being built; reused from one record to the next */
    sbuf text, parse, id, title, url, source, date_raw, key, flag;
    xml_state xml;
    char msg[384];
    char *field_key[DYAD_FIELD_COUNT]; /* JSON Lines keys; NULL: the default */

    /* gzip input (reader.c): inflated between the file and the window */
    gz_source *gz;
    /* HTML and WARC pages (read_html.c, read_warc.c) */
    html_extractor *html;
    warc_state *warc;
    sbuf page;              /* the page's bytes                            */
    sbuf language;          /* the current document's language            */
    bool all_languages;
    size_t other_language, passed_over;
    char http_charset[40];  /* a page's charset from its HTTP Content-Type */
};

/* ---- byte source (reader.c) ------------------------------------------ */

/* Makes more bytes available after data[end], keeping data[pos, end) (it
 * may move).  Returns false at the end of the input. */
bool src_refill(dyad_reader *r);

static inline int src_peek(dyad_reader *r)
{
    if (r->pos < r->end) return (unsigned char)r->data[r->pos];
    if (!src_refill(r)) return -1;
    return (unsigned char)r->data[r->pos];
}

/* Consumes the byte src_peek() just returned. */
static inline void src_skip(dyad_reader *r)
{
    if (r->data[r->pos++] == '\n') r->line++;
}

static inline int src_get(dyad_reader *r)
{
    int c = src_peek(r);
    if (c >= 0) src_skip(r);
    return c;
}

/* Next line, without its '\n'.  Returns false at the end of input.  The
 * slice stays valid until the next call on the source.  A line longer than
 * r->max_record is consumed in linear time without being kept: *too_long
 * is set and *len is 0. */
bool reader_line(dyad_reader *r, const char **line, size_t *len,
                 size_t *lineno, bool *too_long);

/* ---- diagnostics (reader.c) ------------------------------------------ */

void reader_report(dyad_reader *r, dyad_severity severity, size_t line,
                   const char *record, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Reports an error for a record that is being skipped, and counts it. */
void reader_skip(dyad_reader *r, size_t line, const char *record,
                 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* ---- shared helpers (reader.c) --------------------------------------- */

/* Normalises "YYYY-MM-DD", "YYYYMMDD" or an ISO timestamp
 * ("2022-01-27T10:00:00Z") to "YYYY-MM-DD", checking month and day.
 * Returns false (out = "") if s is none of these. */
bool reader_normalize_date(const char *s, size_t n, char out[11]);
/* True for a real calendar date. */
bool reader_valid_date(int year, int month, int day);
/* Sets r->id to "<file>:<line>", the id of a record that has none. */
int reader_default_id(dyad_reader *r, size_t line);
/* Clears every per-record buffer. */
void reader_clear_record(dyad_reader *r);
/* Fills the fields every document has; the caller sets the rest. */
void reader_fill_document(dyad_reader *r, dyad_document *doc, size_t line);

/* ---- TABARI header, shared with format detection (read_tabari.c) ----- */
typedef enum tabari_header_status {
    TABARI_NOT_HEADER,  /* does not start with a digit                    */
    TABARI_BAD_DATE,    /* starts with digits that are not YYMMDD/YYYYMMDD */
    TABARI_NO_ID,       /* a good date but nothing after it              */
    TABARI_HEADER_OK
} tabari_header_status;

tabari_header_status tabari_parse_header(const char *line, size_t n,
                                         char date[11], const char **id,
                                         size_t *id_len);

/* ---- the formats ------------------------------------------------------ */
int text_next(dyad_reader *r, dyad_document *doc);
int jsonl_next(dyad_reader *r, dyad_document *doc);
int tabari_next(dyad_reader *r, dyad_document *doc);
int petrarch_next(dyad_reader *r, dyad_document *doc);
int html_next(dyad_reader *r, dyad_document *doc);
int warc_next(dyad_reader *r, dyad_document *doc);
void warc_free(warc_state *w);

/* Extracts the article of page[0, len) (read_html.c) and fills doc with
 * it; `record` names the page in diagnostics, `charset` and `url` come
 * from an HTTP response (may be NULL), `date` is a fallback ("" if none).
 * Returns 1 when doc was filled, 0 when the page was skipped (reported
 * and counted). */
int html_document(dyad_reader *r, dyad_document *doc, const char *page, size_t len,
                  size_t line, const char *record, const char *charset, const char *url,
                  const char *date);

/* ---- for tests and fuzzing -------------------------------------------- */

/* Reads an already open stream in chunks of `chunk` bytes (tiny chunks put
 * every record across chunk boundaries).  The reader closes fp when
 * close_fp is true. */
dyad_reader *reader_open_stream(FILE *fp, bool close_fp, const char *name,
                                dyad_format format, size_t chunk,
                                dyad_diag_fn diag, void *user);
/* Lowers the record size limit so that the oversize paths can be tested
 * without gigabytes of input. */
void reader_set_max_record(dyad_reader *r, size_t max_record);

#endif
