/*
 * store.c -- the event store's public API (dyad_store_*): what a document
 * and its events become as records, content hashes, syndicated-copy
 * detection and batching.  The engine (store_sqlite.c) only runs SQL.
 */
#include "store_private.h"
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
    int64_t run;
    int64_t import_doc; /* the document of the file being imported */
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
    s->ops = &store_sqlite_ops;
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

int dyad_store_commit(dyad_store *s)
{
    if (!s || !s->in_txn) return 0;
    s->in_txn = false;
    s->pending = 0;
    return s->ops->commit(s->h) ? fail(s) : 0;
}

int dyad_store_close(dyad_store *s)
{
    if (!s) return 0;
    int rc = dyad_store_commit(s);
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

double dyad_minhash_similarity(const uint32_t a[DYAD_MINHASH_N], const uint32_t b[DYAD_MINHASH_N])
{
    int same = 0;
    for (int k = 0; k < DYAD_MINHASH_N; k++) same += a[k] == b[k];
    return (double)same / DYAD_MINHASH_N;
}

int store_date_int(const char *s)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
    return y * 10000 + m * 100 + d;
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
    int found = s->ops->doc_find(s->h, doc_key(doc, hash), &row, stored, &run);
    if (found < 0) return fail(s);
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

static size_t cap_len(const char *s, size_t cap)
{
    size_t n = 0;
    while (n < cap && s[n]) n++;
    return n;
}

static int put_event(dyad_store *s, const dyad_analysis *a, const dyad_event *ev, int64_t doc, bool copy)
{
    const dyad_document *d = a->doc;
    char source[33], target[33], code[9], speaker[33];
    snprintf(source, sizeof source, "%.*s", (int)cap_len(ev->source, sizeof ev->source), ev->source);
    snprintf(target, sizeof target, "%.*s", (int)cap_len(ev->target, sizeof ev->target), ev->target);
    snprintf(code, sizeof code, "%.*s", (int)cap_len(ev->code, sizeof ev->code), ev->code);
    snprintf(speaker, sizeof speaker, "%.*s", (int)cap_len(ev->speaker, sizeof ev->speaker), ev->speaker);

    store_event e;
    memset(&e, 0, sizeof e);
    e.id = (int64_t)dyad_event_id(d->id, ev);
    e.doc = doc;
    e.sentence = ev->sentence;
    char date[11];
    snprintf(date, sizeof date, "%.*s", (int)cap_len(ev->date, sizeof ev->date), ev->date);
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
    content_hash(d, sd.hash);
    sd.key = doc_key(d, sd.hash);
    char stored[17];
    int64_t row = 0, run = 0;
    int found = s->ops->doc_find(s->h, sd.key, &row, stored, &run);
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
    sd.has_minhash = dyad_minhash(d->text, d->len, sd.minhash) >= DYAD_STORE_COPY_MIN_WORDS;
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
        if (seen) {
            uint64_t id = dyad_event_id(d->id, &events[i]) | (1ull << 63); /* bit 63 marks a used slot */
            size_t h = (size_t)(id * 0x9e3779b97f4a7c15ull >> 32) & (cap - 1);
            while (seen[h] && seen[h] != id) h = (h + 1) & (cap - 1);
            if (seen[h] == id) { r.merged++; continue; }
            seen[h] = id;
        }
        if (put_event(s, a, &events[i], doc, sd.copy_of != 0)) { free(seen); return -1; }
        r.events++;
    }
    free(seen);
    if (res) *res = r;
    if (++s->pending >= DYAD_STORE_BATCH) return dyad_store_commit(s);
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

/* ---- imports (store_import.c) -------------------------------------------------- */

void store_report_at(dyad_store *s, dyad_severity severity, const char *file, size_t line, const char *message)
{
    if (!s->diag) return;
    dyad_diag d = {severity, file, line, NULL, message};
    s->diag(&d, s->user);
}

int store_import_begin(dyad_store *s, store_doc *sd, dyad_doc_state *state)
{
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
    s->pending = 0;
}

/* ---- queries ---------------------------------------------------------------- */

static const char *const row_format_names[] = {"jsonl", "csv", "tsv"};

const char *dyad_row_format_name(dyad_row_format format)
{
    return (unsigned)format < 3 ? row_format_names[format] : "?";
}

int dyad_row_format_from_name(const char *name)
{
    for (int i = 0; name && i < 3; i++)
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
    if (s->ops->query(s->h, q, write_row, &qo)) return fail(s);
    return qo.rows;
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

/* ---- for the stages that read the store (src/trend/) ---------------------- */

void store_report(dyad_store *s, const char *message)
{
    report(s, message);
}

int store_counts(dyad_store *s, const dyad_query *q, bool goldstein, store_count_fn fn, void *user)
{
    if (!s || !q || !fn) return -1;
    if (check_query(s, q) || dyad_store_commit(s)) return -1;
    return s->ops->counts(s->h, q, goldstein, fn, user) ? fail(s) : 0;
}

int store_each_event(dyad_store *s, const dyad_query *q, store_row_fn fn, void *user)
{
    if (!s || !q || !fn) return -1;
    if (check_query(s, q) || dyad_store_commit(s)) return -1;
    return s->ops->query(s->h, q, fn, user) ? fail(s) : 0;
}

int store_sentence(dyad_store *s, int64_t row, sbuf *out)
{
    if (!s || !out) return -1;
    return s->ops->sentence(s->h, row, out) ? fail(s) : 0;
}
