/*
 * store.c -- the event store's public API (dyad_store_*): what a document
 * and its events become as records, content hashes, syndicated-copy
 * detection and batching.  The engine (store_sqlite.c) only runs SQL.
 */
/* memmem (glibc, also in POSIX 2024) */
#define _GNU_SOURCE
#include "store_private.h"
#include "core/calendar.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct dyad_store {
    const store_engine_ops *ops;
    void *h;
    dyad_diag_fn diag;
    void *user;
    char *path;
    bool readonly;
    bool in_txn;
    size_t pending;   /* documents in the open transaction */
    size_t pending_bytes; /* and the bytes of their texts */
    int64_t run;
    int64_t import_doc; /* the document of the file being imported */
    /* the last dyad_store_check(), so that the dyad_store_put() that
     * follows it does not look the document up again */
    char checked_key[256];
    int checked_found;
    int64_t checked_row, checked_run;
    char checked_hash[17];
    const dyad_document *checked_doc; /* and its content hash, reused when */
    const char *checked_text;         /* the put is of the same document   */
    size_t checked_len;
    char checked_content[17];
    sbuf scratch;     /* the texts of one event's words  */
};

static void report(dyad_store *s, const char *message)
{
    if (!s->diag) return;
    dyad_diag d = {DYAD_ERROR, s->path, 0, NULL, message};
    s->diag(&d, s->user);
}

static int fail(dyad_store *s)
{
    report(s, s->ops->err(s->h));
    return -1;
}

dyad_store *dyad_store_open(const char *path, unsigned flags, dyad_diag_fn diag, void *user)
{
    char err[512] = "";
    if (!path || !*path) {
        if (diag) {
            dyad_diag d = {DYAD_ERROR, "-", 0, NULL, "no database path"};
            diag(&d, user);
        }
        return NULL;
    }
    dyad_store *s = calloc(1, sizeof *s);
    if (s) s->path = strdup(path);
    if (!s || !s->path) {
        free(s);
        if (diag) {
            dyad_diag d = {DYAD_ERROR, path, 0, NULL, "out of memory"};
            diag(&d, user);
        }
        return NULL;
    }
    s->ops = store_pg_is_conninfo(path) ? &store_pg_ops : &store_sqlite_ops;
    s->diag = diag;
    s->user = user;
    s->readonly = flags & DYAD_STORE_READONLY;
    s->h = s->ops->open(path, flags, err, sizeof err);
    if (!s->h) {
        report(s, err);
        free(s->path);
        free(s);
        return NULL;
    }
    return s;
}

void dyad_store_busy_timeout(dyad_store *s, int ms)
{
    if (s) s->ops->busy_timeout(s->h, ms);
}


/* The roll-up is folded in its own transaction after a commit once this
 * many events wait for it (readers count those from the events), and
 * when a writer closes the store. */
#define STORE_FOLD_EVENTS 1000000

int dyad_store_commit(dyad_store *s)
{
    if (!s || !s->in_txn) return 0;
    s->in_txn = false;
    s->pending = s->pending_bytes = 0;
    if (s->ops->commit(s->h)) return fail(s);
    return s->ops->fold(s->h, STORE_FOLD_EVENTS) ? fail(s) : 0;
}

int dyad_store_close(dyad_store *s)
{
    if (!s) return 0;
    int rc = dyad_store_commit(s);
    if (!rc && !s->readonly && s->ops->fold(s->h, 1)) rc = fail(s);
    s->ops->close(s->h);
    sbuf_free(&s->scratch);
    free(s->path);
    free(s);
    return rc;
}

static int ensure_txn(dyad_store *s)
{
    if (s->readonly) { report(s, "the store was opened read-only"); return -1; }
    if (s->in_txn) return 0;
    if (s->ops->begin(s->h)) return fail(s);
    s->in_txn = true;
    return 0;
}

int dyad_store_run_begin(dyad_store *s, const char *command, const char *inputs, const char *dict_id)
{
    if (!s) return -1;
    if (s->readonly) { report(s, "the store was opened read-only"); return -1; }
    /* the run's row is committed at once, so an interrupted run shows as
     * one that started and never ended */
    if (dyad_store_commit(s)) return -1;
    if (s->ops->run_begin(s->h, command, inputs, dict_id, DYAD_VERSION, &s->run)) return fail(s);
    return 0;
}

int dyad_store_run_end(dyad_store *s, size_t read, size_t skipped, size_t coded)
{
    if (!s || !s->run) return -1;
    if (dyad_store_commit(s)) return -1;
    if (s->ops->run_end(s->h, s->run, read, skipped, coded)) return fail(s);
    s->run = 0;
    return 0;
}

/* ---- content hash and SimHash -------------------------------------------- */

static uint64_t fnv(uint64_t h, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 0x100000001b3ull;
    return (h ^ 0xff) * 0x100000001b3ull;
}

/* What decides the events: text, date and title (the headline is coded). */
static void content_hash(const dyad_document *d, char out[17])
{
    uint64_t h = 0xcbf29ce484222325ull;
    h = fnv(h, d->text ? d->text : "", d->text ? d->len : 0);
    h = fnv(h, d->date, strnlen(d->date, sizeof d->date));
    h = fnv(h, d->title ? d->title : "", d->title ? strlen(d->title) : 0);
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* splitmix64: spreads a hash over all 64 bits. */
static uint64_t mix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* MinHash over word 3-shingles: for each of DYAD_MINHASH_N hash
 * functions, the least value over the text's shingles.  Two texts agree
 * on a function's minimum with probability equal to the Jaccard
 * similarity of their shingle sets.  Words are runs of ASCII letters and
 * digits (and any non-ASCII byte), lower-cased, so punctuation, spacing
 * and case edits change nothing.  One pass, fixed memory. */
size_t dyad_minhash(const char *text, size_t len, uint32_t out[DYAD_MINHASH_N])
{
    for (int k = 0; k < DYAD_MINHASH_N; k++) out[k] = UINT32_MAX;
    uint64_t w[3] = {0, 0, 0}; /* hashes of the last three words */
    size_t words = 0, i = 0;
    while (text && i < len) {
        while (i < len && !word_byte((unsigned char)text[i])) i++;
        if (i >= len) break;
        uint64_t h = 0xcbf29ce484222325ull;
        for (; i < len && word_byte((unsigned char)text[i]); i++) {
            unsigned char c = (unsigned char)text[i];
            if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
            h = (h ^ c) * 0x100000001b3ull;
        }
        w[0] = w[1];
        w[1] = w[2];
        w[2] = h;
        if (++words < 3) continue;
        uint64_t sh = mix64(w[0] * 0x100000001b3ull * 0x100000001b3ull + w[1] * 0x100000001b3ull + w[2]);
        for (int k = 0; k < DYAD_MINHASH_N; k += 2) {
            /* two 32-bit hash functions from each 64-bit mix */
            uint64_t m = mix64(sh + (uint64_t)k * 0x9e3779b97f4a7c15ull);
            uint32_t lo = (uint32_t)m, hi = (uint32_t)(m >> 32);
            if (lo < out[k]) out[k] = lo;
            if (hi < out[k + 1]) out[k + 1] = hi;
        }
    }
    return words;
}

/* Words as dyad_minhash counts them, up to `enough`. */
static size_t count_words(const char *text, size_t len, size_t enough)
{
    size_t words = 0, i = 0;
    while (text && i < len && words < enough) {
        while (i < len && !word_byte((unsigned char)text[i])) i++;
        if (i >= len) break;
        while (i < len && word_byte((unsigned char)text[i])) i++;
        words++;
    }
    return words;
}

double dyad_minhash_similarity(const uint32_t a[DYAD_MINHASH_N], const uint32_t b[DYAD_MINHASH_N])
{
    int same = 0;
    for (int k = 0; k < DYAD_MINHASH_N; k++) same += a[k] == b[k];
    return (double)same / DYAD_MINHASH_N;
}

int store_date_int(const char *s)
{
    /* The calendar's rule, so that 2022-02-30 is refused here as
     * everywhere; text after the ten characters (a time) is allowed. */
    return s ? (int)cal_parse_iso(s, strlen(s)) : 0;
}

/* ---- documents and events ------------------------------------------------- */

static const char *doc_key(const dyad_document *d, const char *hash)
{
    return d->id && *d->id ? d->id : hash;
}

int dyad_store_check(dyad_store *s, const dyad_document *doc)
{
    if (!s || !doc) return -1;
    char hash[17], stored[17];
    content_hash(doc, hash);
    int64_t row, run;
    const char *key = doc_key(doc, hash);
    int found = s->ops->doc_find(s->h, key, &row, stored, &run);
    if (found < 0) return fail(s);
    if (strlen(key) < sizeof s->checked_key) {
        memcpy(s->checked_key, key, strlen(key) + 1);
        s->checked_found = found;
        s->checked_row = found ? row : 0;
        s->checked_run = found ? run : 0;
        memcpy(s->checked_hash, found ? stored : "", found ? 17 : 1);
        s->checked_doc = doc;
        s->checked_text = doc->text;
        s->checked_len = doc->len;
        memcpy(s->checked_content, hash, 17);
    }
    if (!found) return DYAD_DOC_NEW;
    return strcmp(hash, stored) == 0 ? DYAD_DOC_SAME : DYAD_DOC_CHANGED;
}

/* The words of a span, NUL-terminated in the scratch buffer at *at, or
 * NULL when the span is empty or outside the text. */
static int span_copy(sbuf *b, const dyad_document *d, dyad_span sp, size_t *at)
{
    *at = SIZE_MAX;
    if (sp.start >= sp.end || sp.end > d->len || !d->text) return 0;
    size_t n = sp.end - sp.start;
    /* a NUL inside would cut the value short; the offsets stay exact */
    const char *p = d->text + sp.start;
    if (memchr(p, 0, n)) n = (size_t)((const char *)memchr(p, 0, n) - p);
    *at = b->len;
    if (sbuf_append(b, p, n) || sbuf_putc(b, 0)) return -1;
    return 0;
}

static const char *at_of(const sbuf *b, size_t at)
{
    return at == SIZE_MAX ? NULL : b->data + at;
}

/* A fixed-size field of the event (not always NUL-terminated) as a C
 * string in out (cap bytes, at least the field's size + 1). */
static void field_copy(char *out, size_t cap, const char *field, size_t size)
{
    size_t n = 0;
    while (n < size && n + 1 < cap && field[n]) n++;
    memcpy(out, field, n);
    out[n] = 0;
}

static int put_event(dyad_store *s, const dyad_analysis *a, const dyad_event *ev, int64_t doc, bool copy,
                     uint64_t id)
{
    const dyad_document *d = a->doc;
    char source[33], target[33], code[9], speaker[33];
    field_copy(source, sizeof source, ev->source, sizeof ev->source);
    field_copy(target, sizeof target, ev->target, sizeof ev->target);
    field_copy(code, sizeof code, ev->code, sizeof ev->code);
    field_copy(speaker, sizeof speaker, ev->speaker, sizeof ev->speaker);

    store_event e;
    memset(&e, 0, sizeof e);
    e.id = (int64_t)id;
    e.doc = doc;
    e.sentence = ev->sentence;
    char date[11];
    field_copy(date, sizeof date, ev->date, sizeof ev->date);
    e.date = store_date_int(date);
    e.precision = ev->date_precision;
    if (!e.date) {
        e.date = store_date_int(d->date);
        if (e.date) e.precision = DYAD_PRECISION_DAY;
    } else if (e.precision == DYAD_PRECISION_NONE) {
        e.precision = DYAD_PRECISION_DAY;
    }
    e.source = source;
    e.target = target;
    e.code = code;
    const dyad_cameo_info *info = dyad_cameo_lookup(code);
    if (strlen(code) >= 2 && code[0] >= '0' && code[0] <= '2' && code[1] >= '0' && code[1] <= '9') {
        e.root = (code[0] - '0') * 10 + (code[1] - '0');
        if (e.root < 1 || e.root > 20) e.root = 0;
    }
    if (info) {
        e.quad = info->quad;
        e.goldstein = info->goldstein;
        e.has_goldstein = true;
        e.plover = info->plover;
    } else if (e.root) {
        char r[3] = {code[0], code[1], 0};
        const dyad_cameo_info *ri = dyad_cameo_lookup(r);
        if (ri) e.quad = ri->quad;
    }
    sbuf *b = &s->scratch;
    sbuf_clear(b);
    size_t at[6];
    const dyad_span spans[5] = {ev->source_span, ev->target_span, ev->verb_span, ev->place_span,
                                ev->speaker_span};
    if (span_copy(b, d, ev->source_span, &at[0]) || span_copy(b, d, ev->target_span, &at[1]) ||
        span_copy(b, d, ev->verb_span, &at[2]) || span_copy(b, d, ev->place_span, &at[3]) ||
        span_copy(b, d, ev->speaker_span, &at[4]) || span_copy(b, d, ev->date_span, &at[5])) {
        report(s, "out of memory");
        return -1;
    }
    e.source_text = at_of(b, at[0]);
    e.target_text = at_of(b, at[1]);
    e.verb_text = at_of(b, at[2]);
    e.place_text = at_of(b, at[3]);
    e.speaker_text = at_of(b, at[4]);
    e.date_text = at_of(b, at[5]);
    for (int k = 0; k < 5; k++) {
        e.spans[2 * k] = spans[k].start;
        e.spans[2 * k + 1] = spans[k].end;
    }
    e.speaker = speaker;
    e.place_name = ev->place_name;
    e.place_country = ev->place_name ? ev->place_country : NULL;
    e.place_country2 = ev->place_name ? ev->place_country2 : NULL;
    e.place_region = ev->place_name ? ev->place_region : NULL;
    e.place_kind = ev->place_kind;
    e.lat = ev->place_lat;
    e.lon = ev->place_lon;
    e.flags = ev->flags;
    e.copy = copy;
    if (ev->sentence < a->nsentences) {
        const dyad_sentence *st = &a->sentences[ev->sentence];
        if (st->end > st->start && st->end <= d->len) {
            e.sentence_text = d->text + st->start;
            e.sentence_len = st->end - st->start;
            e.sentence_start = st->start;
        }
    }
    return s->ops->event_put(s->h, &e) ? fail(s) : 0;
}

static int put(dyad_store *s, const dyad_analysis *a, const dyad_event *events, size_t nevents,
               dyad_store_result *res, bool force)
{
    if (!s || !a || !a->doc || (!events && nevents)) return -1;
    const dyad_document *d = a->doc;
    dyad_store_result r = {DYAD_DOC_NEW, 0, 0, 0};
    if (ensure_txn(s)) return -1;
    store_doc sd;
    memset(&sd, 0, sizeof sd);
    if (s->checked_key[0] && s->checked_doc == d && s->checked_text == d->text && s->checked_len == d->len)
        memcpy(sd.hash, s->checked_content, 17);
    else
        content_hash(d, sd.hash);
    sd.key = doc_key(d, sd.hash);
    char stored[17];
    int64_t row = 0, run = 0;
    int found;
    if (s->checked_key[0] && strcmp(s->checked_key, sd.key) == 0) {
        found = s->checked_found;
        row = s->checked_row;
        run = s->checked_run;
        memcpy(stored, s->checked_hash, 17);
    } else {
        found = s->ops->doc_find(s->h, sd.key, &row, stored, &run);
    }
    s->checked_key[0] = 0; /* the put changes what was checked */
    s->checked_doc = NULL;
    if (found < 0) return fail(s);
    if (found && strcmp(stored, sd.hash) == 0 && !force) {
        r.state = DYAD_DOC_SAME;
        if (res) *res = r;
        return 0;
    }
    if (found && run && run == s->run && s->diag) {
        /* one input holding two texts under one id is a data problem the
         * user should hear of: only the later text stays */
        char msg[200];
        snprintf(msg, sizeof msg, "document id '%.80s' was already stored by this run with another text; "
                 "the later text replaces it", sd.key);
        dyad_diag dg = {DYAD_WARNING, d->file ? d->file : "-", d->line, d->id, msg};
        s->diag(&dg, s->user);
    }
    if (found) {
        r.state = DYAD_DOC_CHANGED;
        if (s->ops->doc_clear(s->h, row)) return fail(s);
    } else {
        row = 0;
    }
    sd.url = d->url;
    sd.outlet = d->source;
    sd.title = d->title;
    sd.date = d->date;
    sd.language = "en";
    sd.origin = "dyad";
    sd.format = dyad_format_name(d->format);
    sd.is_sentence = d->is_sentence;
    sd.file = d->file;
    sd.line = d->line;
    sd.text = d->text;
    sd.len = d->len;
    /* most records of sentence-per-record corpora are short: count their
     * words before hashing every shingle 32 ways */
    sd.has_minhash = count_words(d->text, d->len, DYAD_STORE_COPY_MIN_WORDS) >= DYAD_STORE_COPY_MIN_WORDS &&
                     dyad_minhash(d->text, d->len, sd.minhash) >= DYAD_STORE_COPY_MIN_WORDS;
    if (sd.has_minhash && s->ops->copy_find(s->h, sd.minhash, row, &sd.copy_of))
        return fail(s);
    if (sd.copy_of && row && sd.copy_of > row) sd.copy_of = 0; /* the first copy stays first */
    int64_t doc;
    if (s->ops->doc_put(s->h, row, &sd, s->run, &doc)) return fail(s);
    r.copy_of = sd.copy_of;
    /* Events with the same stable id are one event (the coder can reach
     * the same words twice): the first is kept.  A small open-addressing
     * set of the document's ids keeps this linear. */
    size_t cap = 0;
    uint64_t *seen = NULL;
    if (nevents > 1) {
        for (cap = 4; cap < 2 * nevents; cap *= 2) {}
        seen = calloc(cap, sizeof *seen);
        if (!seen) { report(s, "out of memory"); return -1; }
    }
    for (size_t i = 0; i < nevents; i++) {
        uint64_t eid = dyad_event_id(d->id, &events[i]);
        if (seen) {
            uint64_t id = eid | (1ull << 63); /* bit 63 marks a used slot */
            size_t h = (size_t)(id * 0x9e3779b97f4a7c15ull >> 32) & (cap - 1);
            while (seen[h] && seen[h] != id) h = (h + 1) & (cap - 1);
            if (seen[h] == id) { r.merged++; continue; }
            seen[h] = id;
        }
        if (put_event(s, a, &events[i], doc, sd.copy_of != 0, eid)) { free(seen); return -1; }
        r.events++;
    }
    free(seen);
    if (res) *res = r;
    /* Each engine says how much a transaction holds (store_sqlite.c and
     * store_pg.c say why). */
    s->pending_bytes += d->len;
    if (++s->pending >= s->ops->batch_docs || s->pending_bytes >= s->ops->batch_bytes) return dyad_store_commit(s);
    return 0;
}

int dyad_store_put(dyad_store *s, const dyad_analysis *a, const dyad_event *events, size_t nevents,
                   dyad_store_result *res)
{
    return put(s, a, events, nevents, res, false);
}

int dyad_store_replace(dyad_store *s, const dyad_analysis *a, const dyad_event *events, size_t nevents,
                       dyad_store_result *res)
{
    return put(s, a, events, nevents, res, true);
}

int dyad_store_each_document(dyad_store *s, int (*fn)(const dyad_document *doc, void *user), void *user)
{
    if (!s || !fn) return -1;
    if (dyad_store_commit(s)) return -1;
    int64_t *ids;
    size_t n;
    if (s->ops->doc_ids(s->h, &ids, &n)) return fail(s);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        rc = s->ops->doc_get(s->h, ids[i], fn, user);
        if (rc < 0 && s->ops->err(s->h)[0]) fail(s);
    }
    free(ids);
    return rc < 0 ? -1 : 0;
}

/* ---- news feeds ------------------------------------------------------------------ */

int dyad_store_feed_get(dyad_store *s, const char *url, char **etag, char **last_modified)
{
    if (!s || !url || !etag || !last_modified) return -1;
    int rc = s->ops->feed_get(s->h, url, etag, last_modified);
    return rc < 0 ? fail(s) : rc;
}

int dyad_store_feed_put(dyad_store *s, const char *url, const char *etag, const char *last_modified,
                        long status, const char *error)
{
    if (!s || !url) return -1;
    if (ensure_txn(s)) return -1;
    return s->ops->feed_put(s->h, url, etag, last_modified, status, error) ? fail(s) : 0;
}

int dyad_store_item_get(dyad_store *s, const char *key, int *tries)
{
    int state = DYAD_ITEM_NEW, n = 0;
    if (!s || !key) return -1;
    int rc = s->ops->item_get(s->h, key, &state, &n);
    if (rc < 0) return fail(s);
    if (tries) *tries = rc ? n : 0;
    return rc ? state : DYAD_ITEM_NEW;
}

int dyad_store_item_put(dyad_store *s, const char *key, const char *feed, const char *link,
                        dyad_item_state state, const char *error)
{
    if (!s || !key || !feed || state == DYAD_ITEM_NEW) return -1;
    if (ensure_txn(s)) return -1;
    return s->ops->item_put(s->h, key, feed, link, (int)state, error) ? fail(s) : 0;
}

/* ---- imports (store_import.c) -------------------------------------------------- */

void store_report_at(dyad_store *s, dyad_severity severity, const char *file, size_t line, const char *message)
{
    if (!s->diag) return;
    dyad_diag d = {severity, file, line, NULL, message};
    s->diag(&d, s->user);
}

int store_import_begin(dyad_store *s, store_doc *sd, dyad_doc_state *state)
{
    s->checked_key[0] = 0;
    if (dyad_store_commit(s)) return -1;
    char stored[17];
    int64_t row = 0, run = 0;
    int found = s->ops->doc_find(s->h, sd->key, &row, stored, &run);
    if (found < 0) return fail(s);
    *state = !found ? DYAD_DOC_NEW : strcmp(stored, sd->hash) == 0 ? DYAD_DOC_SAME : DYAD_DOC_CHANGED;
    if (*state == DYAD_DOC_SAME) return 0;
    if (ensure_txn(s)) return -1;
    if (found && s->ops->doc_clear(s->h, row)) { store_import_abort(s); return fail(s); }
    if (s->ops->doc_put(s->h, found ? row : 0, sd, s->run, &s->import_doc)) {
        int rc = fail(s);
        store_import_abort(s);
        return rc;
    }
    return 0;
}

int store_import_event(dyad_store *s, store_event *e)
{
    e->doc = s->import_doc;
    return s->ops->event_put(s->h, e) ? fail(s) : 0;
}

int store_import_end(dyad_store *s)
{
    return dyad_store_commit(s);
}

void store_import_abort(dyad_store *s)
{
    if (s->in_txn) s->ops->rollback(s->h);
    s->in_txn = false;
    s->pending = s->pending_bytes = 0;
}

/* ---- queries ---------------------------------------------------------------- */

static const char *const row_format_names[] = {"jsonl", "csv", "tsv", "phoenix", "gdelt", "plover"};
#define NROW_FORMATS ((int)(sizeof row_format_names / sizeof *row_format_names))

const char *dyad_row_format_name(dyad_row_format format)
{
    return (unsigned)format < (unsigned)NROW_FORMATS ? row_format_names[format] : "?";
}

int dyad_row_format_from_name(const char *name)
{
    for (int i = 0; name && i < NROW_FORMATS; i++)
        if (strcmp(name, row_format_names[i]) == 0) return i;
    return -1;
}

/* Actor codes are CAMEO's: upper-case letters and digits. */
static bool valid_code(const char *c, size_t max)
{
    size_t n = 0;
    for (; c[n]; n++)
        if (!((c[n] >= 'A' && c[n] <= 'Z') || (c[n] >= '0' && c[n] <= '9'))) return false;
    return n >= 1 && n <= max;
}

static int check_query(dyad_store *s, const dyad_query *q)
{
    char msg[160];
    const char *actors[] = {q->actor, q->source, q->target, q->speaker};
    const char *names[] = {"--actor", "--dyad", "--dyad", "--speaker"};
    for (int i = 0; i < 4; i++)
        if (actors[i] && !valid_code(actors[i], 31)) {
            snprintf(msg, sizeof msg, "%s: '%.60s' is not an actor code (letters A-Z and digits)", names[i], actors[i]);
            report(s, msg);
            return -1;
        }
    if (q->code && !(valid_code(q->code, 4) && q->code[0] >= '0' && q->code[0] <= '9')) {
        snprintf(msg, sizeof msg, "--code: '%.20s' is not a CAMEO event code", q->code);
        report(s, msg);
        return -1;
    }
    if (q->root < 0 || q->root > 20 || q->quad < 0 || q->quad > 4) {
        report(s, "--root wants 1..20 and --quad 1..4");
        return -1;
    }
    if ((q->from && !store_date_int(q->from)) || (q->to && !store_date_int(q->to))) {
        report(s, "--from and --to want YYYY-MM-DD");
        return -1;
    }
    if (q->country && !valid_code(q->country, 3)) {
        report(s, "--country wants an ISO 3166 code (USA or US)");
        return -1;
    }
    return 0;
}

typedef struct query_out {
    FILE *out;
    dyad_row_format format;
    long rows;
} query_out;

static int write_row(const store_event *e, void *user)
{
    query_out *qo = user;
    store_render_row(qo->out, qo->format, e);
    qo->rows++;
    return ferror(qo->out) ? -1 : 0;
}

long dyad_store_query(dyad_store *s, const dyad_query *q, dyad_row_format format, FILE *out)
{
    if (!s || !q || !out) return -1;
    if (check_query(s, q)) return -1;
    if (dyad_store_commit(s)) return -1;
    query_out qo = {out, format, 0};
    store_render_header(out, format);
    if (s->ops->query(s->h, q, NULL, write_row, &qo)) return fail(s);
    return qo.rows;
}

static const char *const period_names[] = {"day", "month", "year"};

const char *dyad_period_name(dyad_period p)
{
    return (unsigned)p < 3 ? period_names[p] : "?";
}

int dyad_period_from_name(const char *name)
{
    for (int i = 0; name && i < 3; i++)
        if (strcmp(name, period_names[i]) == 0) return i;
    return -1;
}

typedef struct count_out {
    FILE *out;
    dyad_row_format format;
    int div;          /* 1 day, 100 month, 10000 year */
    int period;       /* the period being summed; 0 none yet */
    int64_t events;
    long rows;
} count_out;

static void count_flush(count_out *c)
{
    if (!c->period) return;
    char p[16];
    int v = c->period;
    if (c->div == 1) snprintf(p, sizeof p, "%04d-%02d-%02d", v / 10000 % 10000, v / 100 % 100, v % 100);
    else if (c->div == 100) snprintf(p, sizeof p, "%04d-%02d", v / 100 % 10000, v % 100);
    else snprintf(p, sizeof p, "%04d", v % 10000);
    if (c->format == DYAD_ROWS_JSONL) fprintf(c->out, "{\"period\":\"%s\",\"events\":%lld}\n", p, (long long)c->events);
    else fprintf(c->out, "%s%c%lld\n", p, c->format == DYAD_ROWS_CSV ? ',' : '\t', (long long)c->events);
    c->rows++;
}

static int count_day(int date, int64_t events, void *user)
{
    count_out *c = user;
    int period = date / c->div;
    if (period != c->period) {
        count_flush(c);
        c->period = period;
        c->events = 0;
    }
    c->events += events;
    return ferror(c->out) ? -1 : 0;
}

long dyad_store_count(dyad_store *s, const dyad_query *q, dyad_period by, dyad_row_format format, FILE *out)
{
    if (!s || !q || !out || (unsigned)by > DYAD_PERIOD_YEAR) return -1;
    if (format != DYAD_ROWS_JSONL && format != DYAD_ROWS_CSV && format != DYAD_ROWS_TSV) {
        report(s, "counts are written as jsonl, csv or tsv");
        return -1;
    }
    if (check_query(s, q)) return -1;
    if (dyad_store_commit(s)) return -1;
    static const int divs[] = {1, 100, 10000};
    count_out c = {out, format, divs[by], 0, 0, 0};
    if (format != DYAD_ROWS_JSONL) fprintf(out, "period%cevents\n", format == DYAD_ROWS_CSV ? ',' : '\t');
    if (s->ops->count(s->h, q, count_day, &c)) return fail(s);
    count_flush(&c);
    return c.rows;
}

int dyad_store_stats(dyad_store *s, FILE *out, size_t top)
{
    if (!s || !out) return -1;
    if (dyad_store_commit(s)) return -1;
    store_stats st;
    store_dyad_count *tops = top ? calloc(top, sizeof *tops) : NULL;
    size_t got = 0;
    if (top && !tops) { report(s, "out of memory"); return -1; }
    if (s->ops->stats(s->h, &st, tops, top, &got)) { free(tops); return fail(s); }
    fprintf(out, "documents:\t%lld\n", (long long)st.documents);
    fprintf(out, "copies:\t%lld\t(syndicated copies linked to a first copy)\n", (long long)st.copies);
    fprintf(out, "events:\t%lld\n", (long long)st.events);
    fprintf(out, "events in copies:\t%lld\n", (long long)st.copy_events);
    fprintf(out, "one-a-day events:\t%lld\n", (long long)st.unique_events);
    fprintf(out, "dates:\t%s\t%s\n", st.first[0] ? st.first : "-", st.last[0] ? st.last : "-");
    fprintf(out, "runs:\t%lld\n", (long long)st.runs);
    if (got) fprintf(out, "top dyads:\n");
    for (size_t i = 0; i < got; i++)
        fprintf(out, "\t%s\t%s\t%lld\n", tops[i].source[0] ? tops[i].source : "-",
                tops[i].target[0] ? tops[i].target : "-", (long long)tops[i].events);
    free(tops);
    return ferror(out) ? -1 : 0;
}

/* ---- read-only views (dyad serve) ------------------------------------------ */

static void json_text(FILE *out, const char *v)
{
    if (v) json_write_string(out, v, strlen(v));
    else fputs("null", out);
}

static void date_json(FILE *out, int64_t d)
{
    if (d > 0) fprintf(out, "\"%04d-%02d-%02d\"", (int)(d / 10000), (int)(d / 100 % 100), (int)(d % 100));
    else fputs("null", out);
}

/* The engine's message, and which of the view codes it is. */
static int view_fail(dyad_store *s, const dyad_query *q)
{
    const char *m = s->ops->err(s->h);
    report(s, m);
    if (s->ops->timed_out(s->h)) return DYAD_STORE_TIMEOUT;
    if (q && q->text && strncmp(m, "--text", 6) == 0) return DYAD_STORE_INVALID;
    return DYAD_STORE_ERROR;
}

static int invalid(dyad_store *s, const char *message)
{
    report(s, message);
    return DYAD_STORE_INVALID;
}

void dyad_store_time_limit(dyad_store *s, int ms)
{
    if (s) s->ops->time_limit(s->h, ms);
}

int dyad_store_data_version(dyad_store *s, int64_t *version)
{
    if (!s || !version) return -1;
    return s->ops->data_version(s->h, version) ? fail(s) : 0;
}

static const int period_divisor[] = {1, 100, 10000};

static void period_json(FILE *out, dyad_period period, int64_t p)
{
    if (period == DYAD_PERIOD_DAY) date_json(out, p);
    else if (period == DYAD_PERIOD_MONTH) fprintf(out, "\"%04d-%02d\"", (int)(p / 100), (int)(p % 100));
    else fprintf(out, "\"%04d\"", (int)p);
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return m >= 1 && m <= 12 ? dm[m - 1] : 31;
}

/* The period after p.  Stored dates are checked only for day <= 31, so a
 * day past its month's end moves on to the next month's first. */
static int64_t next_period(dyad_period period, int64_t p)
{
    if (period == DYAD_PERIOD_YEAR) return p + 1;
    if (period == DYAD_PERIOD_MONTH) return p % 100 >= 12 ? (p / 100 + 1) * 100 + 1 : p + 1;
    int y = (int)(p / 10000), m = (int)(p / 100 % 100), d = (int)(p % 100);
    if (d < days_in_month(y, m)) return p + 1;
    return m >= 12 ? (int64_t)(y + 1) * 10000 + 101 : (int64_t)y * 10000 + (m + 1) * 100 + 1;
}

static int64_t prev_period(dyad_period period, int64_t p)
{
    if (period == DYAD_PERIOD_YEAR) return p - 1;
    if (period == DYAD_PERIOD_MONTH) return p % 100 <= 1 ? (p / 100 - 1) * 100 + 12 : p - 1;
    int y = (int)(p / 10000), m = (int)(p / 100 % 100), d = (int)(p % 100);
    if (d > 1) return p - 1;
    if (m <= 1) return (int64_t)(y - 1) * 10000 + 1231;
    return (int64_t)y * 10000 + (m - 1) * 100 + days_in_month(y, m - 1);
}

/* ---- events, a page at a time ---- */

typedef struct page_out {
    FILE *out;
    size_t n;
    store_cursor last;
} page_out;

static int page_row(const store_event *e, void *user)
{
    page_out *po = user;
    if (po->n++) putc(',', po->out);
    store_render_json_open(po->out, e);
    putc('}', po->out);
    po->last.date = e->date;
    po->last.row = e->row;
    return 0;
}

/* "DATE.ROW", as `next` writes it. */
static bool parse_cursor(const char *c, store_cursor *out)
{
    int64_t v[2] = {0, 0};
    int k = 0;
    size_t digits = 0;
    for (const char *p = c;; p++) {
        if (*p >= '0' && *p <= '9') {
            if (++digits > 18) return false;
            v[k] = v[k] * 10 + (*p - '0');
        } else if ((*p == '.' && k == 0) || *p == 0) {
            if (!digits) return false;
            if (*p == 0) break;
            k++;
            digits = 0;
        } else {
            return false;
        }
    }
    if (k != 1) return false;
    out->date = v[0];
    out->row = v[1];
    int64_t m = out->date / 100 % 100, d = out->date % 100;
    return out->date == 0 ||
           (out->date >= 10000101 && out->date <= 99991231 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
}

int dyad_store_events_json(dyad_store *s, const dyad_query *q, const char *after, FILE *out)
{
    if (!s || !q || !out) return DYAD_STORE_INVALID;
    if (check_query(s, q)) return DYAD_STORE_INVALID;
    if (q->offset) return invalid(s, "pages are read with a cursor, not an offset");
    if (q->limit > DYAD_STORE_PAGE_MAX) return invalid(s, "limit: at most 1000 events a page");
    store_cursor c;
    bool has_cursor = after && *after;
    if (has_cursor && !parse_cursor(after, &c)) return invalid(s, "cursor: not a cursor this server gave");
    dyad_query qq = *q;
    if (!qq.limit) qq.limit = DYAD_STORE_PAGE_MAX;
    page_out po = {out, 0, {0, 0}};
    fputs("{\"events\":[", out);
    if (s->ops->query(s->h, &qq, has_cursor ? &c : NULL, page_row, &po)) return view_fail(s, q);
    fputs("],\"next\":", out);
    if (po.n == qq.limit) fprintf(out, "\"%lld.%lld\"}", (long long)po.last.date, (long long)po.last.row);
    else fputs("null}", out);
    return ferror(out) ? DYAD_STORE_ERROR : 0;
}

/* ---- trend ---- */

typedef struct trend_acc {
    FILE *out;
    dyad_period period;
    int64_t cur;          /* the period being summed, 0 before the first */
    int64_t next;         /* the first period not yet written            */
    int64_t quads[5], events, scored;
    double gsum;
    size_t written;
    bool too_many;
} trend_acc;

static void trend_write(trend_acc *t, int64_t p, const int64_t *quads, int64_t events, double gsum,
                        int64_t scored)
{
    if (t->written++) putc(',', t->out);
    fputs("{\"period\":", t->out);
    period_json(t->out, t->period, p);
    int64_t classed = quads[1] + quads[2] + quads[3] + quads[4];
    fprintf(t->out, ",\"events\":%lld,\"quads\":[%lld,%lld,%lld,%lld],\"goldstein_sum\":%.1f,\"goldstein_mean\":",
            (long long)events, (long long)quads[1], (long long)quads[2], (long long)quads[3],
            (long long)quads[4], gsum);
    if (scored) fprintf(t->out, "%.3f", gsum / (double)scored);
    else fputs("null", t->out);
    fputs(",\"conflict_share\":", t->out);
    if (classed) fprintf(t->out, "%.4f}", (double)(quads[3] + quads[4]) / (double)classed);
    else fputs("null}", t->out);
}

/* Writes the summed period, after the empty ones before it. */
static bool trend_flush(trend_acc *t)
{
    static const int64_t none[5] = {0, 0, 0, 0, 0};
    if (!t->cur) return true;
    while (t->next && t->next < t->cur) {
        if (t->written >= DYAD_STORE_PERIODS_MAX) return false;
        trend_write(t, t->next, none, 0, 0, 0);
        t->next = next_period(t->period, t->next);
    }
    if (t->written >= DYAD_STORE_PERIODS_MAX) return false;
    trend_write(t, t->cur, t->quads, t->events, t->gsum, t->scored);
    t->next = next_period(t->period, t->cur);
    return true;
}

static int trend_group(const store_group *g, void *user)
{
    trend_acc *t = user;
    if (g->period <= 0) return 0;
    if (g->period != t->cur) {
        if (!trend_flush(t)) { t->too_many = true; return 1; }
        t->cur = g->period;
        memset(t->quads, 0, sizeof t->quads);
        t->events = t->scored = 0;
        t->gsum = 0;
    }
    t->events += g->events;
    if (g->quad >= 1 && g->quad <= 4) t->quads[g->quad] += g->events;
    t->gsum += g->goldstein;
    t->scored += g->scored;
    return 0;
}

/* The quad class and Goldstein score the store gives an event of code
 * (put_event, and an import without a score of its own): quad from the
 * code, else from its root; the score only for a code of the table.  So
 * counts by code (the roll-up) sum to what the events' own columns do. */
typedef struct code_fact {
    char code[8];
    int quad;
    bool scored;
    long long tenths;
} code_fact;

typedef struct rollup_acc {
    dyad_period period;
    int divisor;
    code_fact facts[512]; /* by code, open addressing; CAMEO has ~300 codes */
    size_t nfacts;
    /* the periods: open addressing on the period, each summed */
    struct period_sum {
        int64_t p, events, scored, quads[5];
        long long tenths;
    } *sums;
    size_t nsums, cap;
    bool too_many, oom;
} rollup_acc;

static void code_fact_compute(const char *code, code_fact *f)
{
    const dyad_cameo_info *info = dyad_cameo_lookup(code);
    int root = strlen(code) >= 2 && code[0] >= '0' && code[0] <= '2' && code[1] >= '0' && code[1] <= '9'
                   ? (code[0] - '0') * 10 + (code[1] - '0') : 0;
    f->quad = 0;
    f->scored = false;
    f->tenths = 0;
    if (info) {
        f->quad = info->quad;
        f->scored = true;
        f->tenths = llround(info->goldstein * 10);
    } else if (root >= 1 && root <= 20) {
        char r[3] = {code[0], code[1], 0};
        const dyad_cameo_info *ri = dyad_cameo_lookup(r);
        if (ri) f->quad = ri->quad;
    }
    if (f->quad < 0 || f->quad > 4) f->quad = 0;
}

/* The facts of a code, looked up once per code (open addressing; a store
 * of more odd codes than the table holds has the rest looked up each
 * time, into *spare). */
static const code_fact *code_fact_of(rollup_acc *a, const char *code, code_fact *spare)
{
    if (!code) code = "";
    size_t n = sizeof a->facts / sizeof *a->facts;
    if (*code && strlen(code) < sizeof spare->code) {
        uint32_t h = 2166136261u;
        for (const char *c = code; *c; c++) h = (h ^ (unsigned char)*c) * 16777619u;
        for (size_t i = h & (n - 1);; i = (i + 1) & (n - 1)) {
            code_fact *f = &a->facts[i];
            if (!f->code[0]) {
                if (a->nfacts * 2 >= n) break;
                a->nfacts++;
                snprintf(f->code, sizeof f->code, "%s", code);
                code_fact_compute(code, f);
                return f;
            }
            if (strcmp(f->code, code) == 0) return f;
        }
    }
    code_fact_compute(code, spare);
    return spare;
}

/* Sums a count row into its period (open addressing on the period; more
 * than DYAD_STORE_PERIODS_MAX distinct periods cannot be written). */
static int rollup_row(const store_count *c, void *user)
{
    rollup_acc *a = user;
    /* an engine may call again after a stop (its other ranges) */
    if (a->too_many || a->oom) return 1;
    if (c->date <= 0) return 0;
    int64_t p = c->date / a->divisor;
    if (a->nsums * 2 >= a->cap) {
        if (a->nsums >= DYAD_STORE_PERIODS_MAX) { a->too_many = true; return 1; }
        size_t cap = a->cap ? a->cap * 2 : 64;
        struct period_sum *g = calloc(cap, sizeof *g);
        if (!g) { a->oom = true; return 1; }
        for (size_t i = 0; i < a->cap; i++) {
            if (!a->sums[i].p) continue;
            size_t k = ((uint64_t)a->sums[i].p * 0x9e3779b97f4a7c15ull >> 32) & (cap - 1);
            while (g[k].p) k = (k + 1) & (cap - 1);
            g[k] = a->sums[i];
        }
        free(a->sums);
        a->sums = g;
        a->cap = cap;
    }
    size_t k = ((uint64_t)p * 0x9e3779b97f4a7c15ull >> 32) & (a->cap - 1);
    while (a->sums[k].p && a->sums[k].p != p) k = (k + 1) & (a->cap - 1);
    struct period_sum *ps = &a->sums[k];
    if (!ps->p) { ps->p = p; a->nsums++; }
    code_fact spare;
    const code_fact *f = code_fact_of(a, c->code, &spare);
    ps->events += c->events;
    ps->quads[f->quad] += c->events;
    if (f->scored) {
        ps->scored += c->events;
        ps->tenths += f->tenths * c->events;
    }
    return 0;
}

static int by_period(const void *x, const void *y)
{
    int64_t a = ((const struct period_sum *)x)->p, b = ((const struct period_sum *)y)->p;
    return (a > b) - (a < b);
}

/* The trend from the roll-up (store_rollup_plan: no filter on code, root,
 * quad, place, speaker or words): one row per source, target, day (or
 * whole month) and code instead of one per event; the same answer as the
 * events', since a code gives the quad class and score the events hold. */
static int trend_rollup(dyad_store *s, const dyad_query *q, dyad_period period, trend_acc *t)
{
    rollup_acc *a = calloc(1, sizeof *a);
    if (!a) { report(s, "out of memory"); return DYAD_STORE_ERROR; }
    a->period = period;
    a->divisor = period_divisor[period];
    int rc = 0;
    if (s->ops->counts(s->h, q, period != DYAD_PERIOD_DAY, rollup_row, a) && !a->too_many && !a->oom)
        rc = view_fail(s, q);
    else if (a->oom) { report(s, "out of memory"); rc = DYAD_STORE_ERROR; }
    else if (a->too_many) t->too_many = true;
    if (!rc && !t->too_many) {
        size_t n = 0;
        for (size_t i = 0; i < a->cap; i++)
            if (a->sums[i].p) a->sums[n++] = a->sums[i];
        if (n) qsort(a->sums, n, sizeof *a->sums, by_period);
        for (size_t i = 0; i < n && !t->too_many; i++) {
            const struct period_sum *ps = &a->sums[i];
            if (!trend_flush(t)) { t->too_many = true; break; }
            t->cur = ps->p;
            memcpy(t->quads, ps->quads, sizeof t->quads);
            t->events = ps->events;
            t->scored = ps->scored;
            t->gsum = (double)ps->tenths / 10;
        }
    }
    free(a->sums);
    free(a);
    return rc;
}

int dyad_store_trend_json(dyad_store *s, const dyad_query *q, dyad_period period, FILE *out)
{
    if (!s || !q || !out || (unsigned)period > DYAD_PERIOD_YEAR) return DYAD_STORE_INVALID;
    if (check_query(s, q)) return DYAD_STORE_INVALID;
    trend_acc t;
    memset(&t, 0, sizeof t);
    t.out = out;
    t.period = period;
    fprintf(out, "{\"period\":\"%s\",\"periods\":[", dyad_period_name(period));
    store_plan plan;
    if (store_rollup_plan(q, period != DYAD_PERIOD_DAY, &plan)) {
        int rc = trend_rollup(s, q, period, &t);
        if (rc) return rc;
    } else if (s->ops->trend(s->h, q, period_divisor[period], trend_group, &t)) {
        return view_fail(s, q);
    }
    if (!t.too_many && !trend_flush(&t)) t.too_many = true;
    if (t.too_many) return invalid(s, "more than 4000 periods: use a longer period or a shorter range");
    fputs("]}", out);
    return ferror(out) ? DYAD_STORE_ERROR : 0;
}

/* ---- most active dyads ---- */

typedef struct volume_out {
    FILE *out;
    size_t n;
} volume_out;

static int volume_group(const store_group *g, void *user)
{
    volume_out *v = user;
    if (v->n++) putc(',', v->out);
    fputs("{\"source\":", v->out);
    json_text(v->out, g->source);
    fputs(",\"target\":", v->out);
    json_text(v->out, g->target);
    fprintf(v->out, ",\"events\":%lld}", (long long)g->events);
    return 0;
}

typedef struct change_row {
    char source[40], target[40];
    int64_t n0, c0, n1, c1;
    double change;
} change_row;

typedef struct change_acc {
    int64_t p0, p1;
    size_t min_events, top, n;
    change_row cur;
    bool has_cur;
    change_row *best;     /* the top rows so far, largest change first */
} change_acc;

/* The order of the top list: larger change first, then by source and
 * target, so the list is the same whatever order the dyads come in. */
static bool change_before(const change_row *a, const change_row *b)
{
    if (a->change != b->change) return a->change > b->change;
    int c = strcmp(a->source, b->source);
    return c ? c < 0 : strcmp(a->target, b->target) < 0;
}

/* Ends the current dyad: it enters the top list when it qualifies
 * (insertion into at most 100 rows: linear in the number of dyads). */
static void change_end(change_acc *a)
{
    if (!a->has_cur) return;
    change_row *r = &a->cur;
    a->has_cur = false;
    if (r->n0 < (int64_t)a->min_events || r->n1 < (int64_t)a->min_events || !r->n0 || !r->n1) return;
    r->change = (double)r->c1 / (double)r->n1 - (double)r->c0 / (double)r->n0;
    size_t i = a->n < a->top ? a->n++ : a->top;
    if (i == a->top && (a->top == 0 || !change_before(r, &a->best[a->top - 1]))) return;
    if (i == a->top) i = a->top - 1;
    while (i > 0 && change_before(r, &a->best[i - 1])) { a->best[i] = a->best[i - 1]; i--; }
    a->best[i] = *r;
}

static int change_group(const store_group *g, void *user)
{
    change_acc *a = user;
    const char *src = g->source ? g->source : "", *tgt = g->target ? g->target : "";
    if (!a->has_cur || strncmp(a->cur.source, src, sizeof a->cur.source - 1) != 0 ||
        strncmp(a->cur.target, tgt, sizeof a->cur.target - 1) != 0) {
        change_end(a);
        memset(&a->cur, 0, sizeof a->cur);
        snprintf(a->cur.source, sizeof a->cur.source, "%s", src);
        snprintf(a->cur.target, sizeof a->cur.target, "%s", tgt);
        a->has_cur = true;
    }
    if (g->period == a->p0) { a->cur.n0 += g->events; a->cur.c0 += g->conflict; }
    else if (g->period == a->p1) { a->cur.n1 += g->events; a->cur.c1 += g->conflict; }
    return 0;
}

/* The two periods' counts per dyad from the roll-up: a hash of the
 * dyads met, each summed, then offered to the top list. */
typedef struct pair_sums {
    change_acc *acc;
    rollup_acc *facts;
    int divisor;
    change_row *rows;
    size_t n, cap;
    bool oom;
} pair_sums;

static uint64_t pair_key_hash(const char *a, const char *b)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *a; a++) h = (h ^ (unsigned char)*a) * 0x100000001b3ull;
    h = (h ^ 0xff) * 0x100000001b3ull;
    for (; *b; b++) h = (h ^ (unsigned char)*b) * 0x100000001b3ull;
    return h ^ (h >> 31);
}

static int pair_row(const store_count *c, void *user)
{
    pair_sums *ps = user;
    if (ps->oom) return 1;
    char src[40], tgt[40];
    snprintf(src, sizeof src, "%s", c->source ? c->source : "");
    snprintf(tgt, sizeof tgt, "%s", c->target ? c->target : "");
    if (ps->n * 2 >= ps->cap) {
        size_t cap = ps->cap ? ps->cap * 2 : 1024;
        change_row *g = calloc(cap, sizeof *g);
        if (!g) { ps->oom = true; return 1; }
        for (size_t i = 0; i < ps->cap; i++) {
            if (!ps->rows[i].change) continue;
            size_t k = pair_key_hash(ps->rows[i].source, ps->rows[i].target) & (cap - 1);
            while (g[k].change) k = (k + 1) & (cap - 1);
            g[k] = ps->rows[i];
        }
        free(ps->rows);
        ps->rows = g;
        ps->cap = cap;
    }
    /* change is the slot's mark of use until the sums are done */
    size_t k = pair_key_hash(src, tgt) & (ps->cap - 1);
    while (ps->rows[k].change && (strcmp(ps->rows[k].source, src) || strcmp(ps->rows[k].target, tgt)))
        k = (k + 1) & (ps->cap - 1);
    change_row *r = &ps->rows[k];
    if (!r->change) {
        memcpy(r->source, src, sizeof src);
        memcpy(r->target, tgt, sizeof tgt);
        r->change = 1;
        ps->n++;
    }
    code_fact spare;
    const code_fact *f = code_fact_of(ps->facts, c->code, &spare);
    int64_t conflict = f->quad == 3 || f->quad == 4 ? c->events : 0;
    int64_t p = c->date / ps->divisor;
    if (p == ps->acc->p0) { r->n0 += c->events; r->c0 += conflict; }
    else if (p == ps->acc->p1) { r->n1 += c->events; r->c1 += conflict; }
    return 0;
}

/* By the roll-up when it serves q (1: done, 0: not served, -1: failed):
 * the last two periods' rows instead of their events. */
static int pairs_rollup(dyad_store *s, const dyad_query *q, dyad_period period, change_acc *a)
{
    int64_t lo, hi;
    if (period == DYAD_PERIOD_DAY) { lo = a->p0; hi = a->p1; }
    else if (period == DYAD_PERIOD_MONTH) {
        lo = a->p0 * 100 + 1;
        hi = a->p1 * 100 + days_in_month((int)(a->p1 / 100), (int)(a->p1 % 100));
    } else { lo = a->p0 * 10000 + 101; hi = a->p1 * 10000 + 1231; }
    int64_t qlo = q->from ? store_date_int(q->from) : 0, qhi = q->to ? store_date_int(q->to) : 99999999;
    if (qlo > lo) lo = qlo;
    if (qhi < hi) hi = qhi;
    char from[16], to[16];
    snprintf(from, sizeof from, "%04d-%02d-%02d", (int)(lo / 10000), (int)(lo / 100 % 100), (int)(lo % 100));
    snprintf(to, sizeof to, "%04d-%02d-%02d", (int)(hi / 10000), (int)(hi / 100 % 100), (int)(hi % 100));
    dyad_query rq = *q;
    rq.from = from;
    rq.to = to;
    store_plan plan;
    if (lo > hi || !store_rollup_plan(&rq, period != DYAD_PERIOD_DAY, &plan)) return 0;
    pair_sums ps;
    memset(&ps, 0, sizeof ps);
    ps.acc = a;
    ps.divisor = period_divisor[period];
    ps.facts = calloc(1, sizeof *ps.facts);
    if (!ps.facts) { report(s, "out of memory"); return -1; }
    int rc = s->ops->counts(s->h, &rq, period != DYAD_PERIOD_DAY, pair_row, &ps) && !ps.oom ? -2 : 1;
    if (ps.oom) { report(s, "out of memory"); rc = -1; }
    for (size_t i = 0; rc == 1 && i < ps.cap; i++) {
        if (!ps.rows[i].change) continue;
        a->cur = ps.rows[i];
        a->cur.change = 0;
        a->has_cur = true;
        change_end(a);
    }
    free(ps.rows);
    free(ps.facts);
    return rc;
}

int dyad_store_dyads_json(dyad_store *s, const dyad_query *q, dyad_period period, size_t top,
                          size_t min_events, FILE *out)
{
    if (!s || !q || !out || (unsigned)period > DYAD_PERIOD_YEAR) return DYAD_STORE_INVALID;
    if (check_query(s, q)) return DYAD_STORE_INVALID;
    if (top < 1 || top > 100) return invalid(s, "top: 1 to 100");
    volume_out v = {out, 0};
    fputs("{\"by_volume\":[", out);
    if (s->ops->pair_volume(s->h, q, top, volume_group, &v)) return view_fail(s, q);
    fprintf(out, "],\"by_conflict_change\":{\"period_kind\":\"%s\",\"min_events\":%zu,\"period\":",
            dyad_period_name(period), min_events);
    int64_t last;
    if (s->ops->last_date(s->h, q, &last)) return view_fail(s, q);
    if (last <= 0) {
        fputs("null,\"previous\":null,\"dyads\":[]}}", out);
        return ferror(out) ? DYAD_STORE_ERROR : 0;
    }
    int div = period_divisor[period];
    change_acc a;
    memset(&a, 0, sizeof a);
    a.p1 = last / div;
    a.p0 = prev_period(period, a.p1);
    a.min_events = min_events ? min_events : 1;
    a.top = top;
    a.best = calloc(top, sizeof *a.best);
    if (!a.best) { report(s, "out of memory"); return DYAD_STORE_ERROR; }
    int served = pairs_rollup(s, q, period, &a);
    if (served == -2) { free(a.best); return view_fail(s, q); }
    if (served < 0) { free(a.best); return DYAD_STORE_ERROR; }
    if (!served) {
        if (s->ops->pair_periods(s->h, q, div, a.p0 * div, a.p1 * div + div - 1, change_group, &a)) {
            free(a.best);
            return view_fail(s, q);
        }
        change_end(&a);
    }
    period_json(out, period, a.p1);
    fputs(",\"previous\":", out);
    period_json(out, period, a.p0);
    fputs(",\"dyads\":[", out);
    for (size_t i = 0; i < a.n; i++) {
        const change_row *r = &a.best[i];
        if (i) putc(',', out);
        fputs("{\"source\":", out);
        json_text(out, r->source);
        fputs(",\"target\":", out);
        json_text(out, r->target);
        fprintf(out,
                ",\"events_previous\":%lld,\"events\":%lld,\"conflict_share_previous\":%.4f,"
                "\"conflict_share\":%.4f,\"change\":%.4f}",
                (long long)r->n0, (long long)r->n1, (double)r->c0 / (double)r->n0,
                (double)r->c1 / (double)r->n1, r->change);
    }
    fputs("]}}", out);
    free(a.best);
    return ferror(out) ? DYAD_STORE_ERROR : 0;
}

/* ---- one document with its events ---- */

typedef struct doc_out {
    FILE *out;
    sbuf text;            /* a copy, to find each event's sentence in */
    size_t n;
    bool oom;
} doc_out;

static int doc_head(const dyad_document *d, void *user)
{
    doc_out *o = user;
    fputs("{\"id\":", o->out);
    json_text(o->out, d->id);
    fputs(",\"title\":", o->out);
    json_text(o->out, d->title);
    fputs(",\"date\":", o->out);
    if (d->date[0]) json_write_string(o->out, d->date, strnlen(d->date, sizeof d->date));
    else fputs("null", o->out);
    fputs(",\"url\":", o->out);
    json_text(o->out, d->url);
    fputs(",\"outlet\":", o->out);
    json_text(o->out, d->source);
    fprintf(o->out, ",\"format\":\"%s\",\"text\":", dyad_format_name(d->format));
    json_write_string(o->out, d->text, d->len);
    if (sbuf_append(&o->text, d->text, d->len)) o->oom = true;
    return 0;
}

/* Where the event's sentence lies in the text: the occurrence of its
 * stored sentence that holds the event's words.  Searching only the
 * window a sentence's length around the words keeps this linear. */
static bool find_sentence(const sbuf *text, const store_event *e, size_t *start)
{
    if (!e->sentence_text || !e->sentence_len || e->sentence_len > text->len) return false;
    size_t lo = SIZE_MAX;
    for (int k = 0; k < 6; k += 2)
        if (e->spans[k + 1] > e->spans[k] && e->spans[k] < lo) lo = e->spans[k];
    size_t n = e->sentence_len;
    size_t from = lo == SIZE_MAX ? 0 : lo >= n ? lo - n : 0;
    size_t to = lo == SIZE_MAX ? text->len : lo + n < text->len ? lo + n : text->len;
    if (from >= to || to - from < n) return false;
    const char *hit = memmem(text->data + from, to - from, e->sentence_text, n);
    if (!hit) return false;
    *start = (size_t)(hit - text->data);
    return true;
}

static int doc_event(const store_event *e, void *user)
{
    doc_out *o = user;
    if (o->n++) putc(',', o->out);
    store_render_json_open(o->out, e);
    size_t start;
    if (find_sentence(&o->text, e, &start))
        fprintf(o->out, ",\"sentence_offsets\":[%zu,%zu]}", start, start + e->sentence_len);
    else
        fputs(",\"sentence_offsets\":null}", o->out);
    return 0;
}

int dyad_store_document_json(dyad_store *s, const char *doc_id, size_t max_events, FILE *out)
{
    if (!s || !doc_id || !out) return DYAD_STORE_INVALID;
    if (!*doc_id || strlen(doc_id) > 1024) return invalid(s, "a document id is 1 to 1024 bytes");
    if (max_events < 1 || max_events > 10000) return invalid(s, "max_events: 1 to 10000");
    char hash[17];
    int64_t row, run;
    int found = s->ops->doc_find(s->h, doc_id, &row, hash, &run);
    if (found < 0) return view_fail(s, NULL);
    if (!found) {
        report(s, "no document with that id");
        return DYAD_STORE_NOT_FOUND;
    }
    doc_out o;
    memset(&o, 0, sizeof o);
    o.out = out;
    int rc = s->ops->doc_get(s->h, row, doc_head, &o);
    if (rc || o.oom) { sbuf_free(&o.text); return o.oom ? (report(s, "out of memory"), DYAD_STORE_ERROR) : view_fail(s, NULL); }
    fputs(",\"events\":[", out);
    /* one more than asked tells whether the list was cut */
    if (s->ops->doc_events(s->h, row, max_events, doc_event, &o)) {
        sbuf_free(&o.text);
        return view_fail(s, NULL);
    }
    sbuf_free(&o.text);
    fprintf(out, "],\"truncated\":%s}", o.n >= max_events ? "true" : "false");
    return ferror(out) ? DYAD_STORE_ERROR : 0;
}

/* ---- actors ---- */

typedef struct actor_out {
    FILE *out;
    size_t n, max;
    char seen[100][32];   /* codes written, so names do not repeat them */
} actor_out;

static int actor_group(const store_group *g, void *user)
{
    actor_out *a = user;
    const char *code = g->source ? g->source : "";
    for (size_t i = 0; i < a->n; i++)
        if (strncmp(a->seen[i], code, sizeof a->seen[i] - 1) == 0) return 0;
    if (a->n >= a->max) return 1;
    snprintf(a->seen[a->n], sizeof a->seen[a->n], "%s", code);
    if (a->n++) putc(',', a->out);
    fputs("{\"code\":", a->out);
    json_text(a->out, g->source);
    fputs(",\"name\":", a->out);
    json_text(a->out, g->target);
    fprintf(a->out, ",\"events\":%lld}", (long long)g->events);
    return 0;
}

int dyad_store_actors_json(dyad_store *s, const char *text, size_t max, FILE *out)
{
    if (!s || !text || !out) return DYAD_STORE_INVALID;
    size_t n = strlen(text);
    if (n < 1 || n > 64) return invalid(s, "q: 1 to 64 characters");
    if (max < 1 || max > 100) return invalid(s, "limit: 1 to 100");
    char prefix[32], like[3 * 64 + 3];
    bool code = n < sizeof prefix;
    for (size_t i = 0; i < n && code; i++) {
        char c = text[i];
        if (c >= 'a' && c <= 'z') c = (char)(c - 32);
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) code = false;
        prefix[i] = c;
    }
    if (code) prefix[n] = 0;
    /* words containing the text, LIKE's wildcards escaped */
    size_t k = 0;
    like[k++] = '%';
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '%' || text[i] == '_' || text[i] == '\\') like[k++] = '\\';
        like[k++] = text[i];
    }
    like[k++] = '%';
    like[k] = 0;
    actor_out *a = calloc(1, sizeof *a);
    if (!a) { report(s, "out of memory"); return DYAD_STORE_ERROR; }
    a->out = out;
    a->max = max;
    fputs("{\"actors\":[", out);
    /* Codes come through the actor indices at once; names need a scan of
     * every event's words, so they are searched only when the codes do
     * not fill the list, and only for 3 characters or more (fewer would
     * match nearly everything). */
    int rc = 0;
    if (code && s->ops->actors(s->h, prefix, NULL, max, actor_group, a)) rc = view_fail(s, NULL);
    if (!rc && a->n < max && n >= 3 && s->ops->actors(s->h, NULL, like, max, actor_group, a))
        rc = view_fail(s, NULL);
    free(a);
    if (rc) return rc;
    fputs("]}", out);
    return ferror(out) ? DYAD_STORE_ERROR : 0;
}

int dyad_store_health_json(dyad_store *s, FILE *out)
{
    if (!s || !out) return DYAD_STORE_INVALID;
    store_health h;
    if (s->ops->health(s->h, &h)) return view_fail(s, NULL);
    fprintf(out, "{\"status\":\"ok\",\"version\":\"%s\",\"schema\":%d,\"documents\":%lld,\"events\":%lld,\"first\":",
            DYAD_VERSION, h.schema, (long long)h.documents, (long long)h.events);
    date_json(out, h.first);
    fputs(",\"last\":", out);
    date_json(out, h.last);
    putc('}', out);
    return ferror(out) ? DYAD_STORE_ERROR : 0;
}

/* ---- for the stages that read the store (src/trend/, src/serve/) ------------ */

int store_last_date(dyad_store *s, int *ymd)
{
    store_health h;
    *ymd = 0;
    if (!s || s->ops->health(s->h, &h)) return -1;
    *ymd = (int)h.last;
    return 0;
}

void store_report(dyad_store *s, const char *message)
{
    report(s, message);
}

int store_counts(dyad_store *s, const dyad_query *q, bool by_month, store_count_fn fn, void *user)
{
    if (!s || !q || !fn) return -1;
    if (check_query(s, q) || dyad_store_commit(s)) return -1;
    return s->ops->counts(s->h, q, by_month, fn, user) ? fail(s) : 0;
}

int store_pair_events(dyad_store *s, const char *source, const char *target, int from, int to, bool copies,
                      bool unique, store_row_fn fn, void *user)
{
    if (!s || !source || !target || !fn) return -1;
    if (dyad_store_commit(s)) return -1;
    return s->ops->pair_events(s->h, source, target, from, to, copies, unique, fn, user) ? fail(s) : 0;
}

int64_t store_band_key(const uint32_t *mh, int band)
{
    enum { ROWS = DYAD_MINHASH_N / DYAD_MINHASH_BANDS };
    uint64_t h = 0xcbf29ce484222325ull;
    for (int k = 0; k < ROWS; k++) {
        uint32_t v = mh[band * ROWS + k];
        for (int i = 0; i < 4; i++) h = (h ^ ((v >> (8 * i)) & 0xff)) * 0x100000001b3ull;
    }
    return ((int64_t)band << 32) | (int64_t)(h & 0xffffffffu);
}

/* ---- the roll-up ------------------------------------------------------------ */

bool store_rollup_plan(const dyad_query *q, bool by_month, store_plan *p)
{
    memset(p, 0, sizeof *p);
    if (q->code || q->root || q->quad || q->country || q->speaker || q->text) return false;
    if (q->actor && (q->source || q->target)) return false;
    if (q->actor) {
        /* the actor as source from the roll-up; as target of another
         * source as the engine can (actor_targets) */
        p->branch[p->nbranch++] = (store_branch){q->actor, NULL, NULL, NULL, false};
        p->actor_targets = q->actor;
    } else {
        p->branch[p->nbranch++] = (store_branch){q->source, q->target, NULL, NULL, false};
        if (q->both && (q->source || q->target))
            p->branch[p->nbranch++] = (store_branch){q->target, q->source, q->source, q->target, true};
    }
    int64_t lo = q->from ? store_date_int(q->from) : 0, hi = q->to ? store_date_int(q->to) : 99999999;
    /* a month row counts its originals, not the days that had one */
    if (!by_month || q->unique) {
        p->span[p->nspan++] = (store_span){false, lo, hi};
        return true;
    }
    /* whole months from the month rows, the days of a month cut by from
     * or to from the day rows */
    int64_t mlo = lo / 100, mhi = hi / 100;
    if (lo % 100 > 1) mlo = mlo % 100 >= 12 ? (mlo / 100 + 1) * 100 + 1 : mlo + 1;
    if (q->to && hi % 100 < days_in_month((int)(hi / 10000), (int)(hi / 100 % 100)))
        mhi = mhi % 100 <= 1 ? (mhi / 100 - 1) * 100 + 12 : mhi - 1;
    if (mlo > mhi) {
        p->span[p->nspan++] = (store_span){false, lo, hi};
        return true;
    }
    p->span[p->nspan++] = (store_span){true, mlo, mhi};
    if (lo < mlo * 100) p->span[p->nspan++] = (store_span){false, lo, mlo * 100};
    if (hi > mhi * 100 + 31) p->span[p->nspan++] = (store_span){false, mhi * 100 + 32, hi};
    return true;
}

/* An original event counts once, a copy with --copies, and a key
 * (source, target, day, code) with any original once under --unique: its
 * one-a-day event, which the store keeps on exactly one original of
 * every key. */
int64_t store_rollup_value(const dyad_query *q, int64_t events, int64_t copies)
{
    if (q->unique) return events > 0;
    return q->copies ? events + copies : events;
}

int store_each_event(dyad_store *s, const dyad_query *q, store_row_fn fn, void *user)
{
    if (!s || !q || !fn) return -1;
    if (check_query(s, q) || dyad_store_commit(s)) return -1;
    return s->ops->query(s->h, q, NULL, fn, user) ? fail(s) : 0;
}

int store_sentence(dyad_store *s, int64_t row, sbuf *out)
{
    if (!s || !out) return -1;
    return s->ops->sentence(s->h, row, out) ? fail(s) : 0;
}
