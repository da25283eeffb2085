/*
 * code_validate.c -- the peers' validation suites as regression tests.
 *
 * TABARI (manual 10.1): a .project names the dictionaries and a text file
 * whose records carry their expected events in a trailing comment:
 *
 *     950103  DEMO-04
 *     Dagolath's first Deputy Prime Minister Telemar left for ...
 *     (slash-star)\n------------- ...
 *     \n{ DAG / GON / 032 } 950103
 *     \n{ GON / DAG / 033 } 950103   * /
 *
 * Every {...} after the comment opens counts, even past its close (a few
 * records list more events after a stray close).  { SRC / TGT / CODE } is
 * an event; {---} no event, {###} a discard, {+++} a complex record;
 * { OPTION: line } changes the options from this record on; a '-' before
 * '{' ends the checked list (events coded beyond it are allowed).  With
 * time shifting on, a date after the first '}' is the expected date.  As
 * in TABARI, validation ends at the first record without any field
 * ("FINAL-01"), which counts as passed.
 *
 * A record is exact when its set of (source, target, code) equals the
 * expected set, or when an expected special outcome happened.
 *
 * PETRARCH2: a records XML with <Environment> naming the dictionaries and
 * <Sentence> elements holding <EventCoding> gold and <Text>
 * (code_validate_petrarch, below).
 */
#include "code.h"
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

typedef struct gold_event { char src[32], tgt[32], code[16]; } gold_event;

typedef struct gold {
    gold_event ev[96];
    size_t nev;
    bool no_events, discard, complex, partial, any_field;
    char date[16];              /* date after the first field, if any       */
    bool have_date;
} gold;

typedef struct suite {
    const dyad_validate_config *cfg;
    dyad_validate_result *res;
    dyad_coder *coder;
    dyad_coder_work *work;
    dyad_pipeline *pipe;
} suite;

static void diag_msg(const dyad_validate_config *cfg, const char *file, size_t line, const char *msg)
{
    if (!cfg->diag) return;
    dyad_diag d = {DYAD_ERROR, file, line, NULL, msg};
    cfg->diag(&d, cfg->user);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    sbuf b = {0};
    char chunk[1 << 16];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (sbuf_append(&b, chunk, n)) { sbuf_free(&b); fclose(f); return NULL; }
    }
    fclose(f);
    if (sbuf_putc(&b, 0)) { sbuf_free(&b); return NULL; }
    *len = b.len - 1;
    return b.data;
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t' || **s == '\r' || **s == '\n')) { (*s)++; (*n)--; }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r' ||
                  (*s)[*n - 1] == '\n'))
        (*n)--;
}

static void copy_trim(char *dst, size_t cap, const char *s, size_t n)
{
    trim(&s, &n);
    if (n >= cap) n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = 0;
}

static void add_category(dyad_validate_result *r, const char *name, bool exact)
{
    size_t i = 0;
    for (; i < r->ncategories; i++)
        if (strcmp(r->categories[i].name, name) == 0) break;
    if (i == r->ncategories) {
        if (r->ncategories == sizeof r->categories / sizeof *r->categories) i = r->ncategories - 1;
        else {
            r->ncategories++;
            snprintf(r->categories[i].name, sizeof r->categories[i].name, "%s", name);
        }
    }
    r->categories[i].records++;
    if (exact) r->categories[i].exact++;
    r->records++;
    if (exact) r->exact++;
}

/* Sets of (source, target, code): the coded events as strings. */
static bool gold_has(const gold *g, const char *s, const char *t, const char *c)
{
    for (size_t i = 0; i < g->nev; i++)
        if (strcmp(g->ev[i].src, s) == 0 && strcmp(g->ev[i].tgt, t) == 0 && strcmp(g->ev[i].code, c) == 0)
            return true;
    return false;
}

static bool coded_has(const dyad_event *e, size_t n, const gold_event *g)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(e[i].source, g->src) == 0 && strcmp(e[i].target, g->tgt) == 0 &&
            strcmp(e[i].code, g->code) == 0)
            return true;
    return false;
}

static bool judge(const gold *g, const dyad_event *e, size_t n, unsigned status)
{
    if (g->complex && (status & CODE_ST_COMPLEX)) return true;
    if (g->discard && (status & CODE_ST_DISCARD)) return true;
    if (g->no_events && n == 0) return true;
    if (!g->nev) return (g->partial || !(g->no_events || g->discard || g->complex));
    for (size_t i = 0; i < g->nev; i++)
        if (!coded_has(e, n, &g->ev[i])) return false;
    if (!g->partial)
        for (size_t i = 0; i < n; i++)
            if (!gold_has(g, e[i].source, e[i].target, e[i].code)) return false;
    return true;
}

static void print_outcome(FILE *out, const char *id, const gold *g, const dyad_event *e, size_t n,
                          unsigned status, const char *why)
{
    fprintf(out, "FAIL %s: expected", id);
    if (g->no_events) fprintf(out, " {---}");
    if (g->discard) fprintf(out, " {###}");
    if (g->complex) fprintf(out, " {+++}");
    for (size_t i = 0; i < g->nev; i++) fprintf(out, " {%s/%s/%s}", g->ev[i].src, g->ev[i].tgt, g->ev[i].code);
    if (g->partial) fprintf(out, " -{...}");
    fprintf(out, "; coded");
    if (status & CODE_ST_DISCARD) fprintf(out, " {###}");
    if (status & CODE_ST_COMPLEX) fprintf(out, " {+++ %s}", why);
    if (status & CODE_ST_SHORT) fprintf(out, " {short}");
    if (!n && !(status & (CODE_ST_DISCARD | CODE_ST_COMPLEX))) fprintf(out, " {---}");
    for (size_t i = 0; i < n; i++) fprintf(out, " {%s/%s/%s %s}", e[i].source, e[i].target, e[i].code, e[i].date);
    fprintf(out, "\n");
}

/* ---- TABARI ------------------------------------------------------------------------- */

/* Reads one gold field {...} starting after '{'; returns where it ends. */
static const char *gold_field(suite *st, gold *g, const char *p, const char *end, bool checked,
                              bool first)
{
    const char *close = p;
    while (close < end && *close != '}' && *close != '\n') close++;
    const char *s = p;
    size_t n = (size_t)(close - p);
    trim(&s, &n);
    const char *after = close < end && *close == '}' ? close + 1 : close;
    if (n >= 7 && strncmp(s, "OPTION:", 7) == 0) {
        code_options_apply(&st->work->opt, s + 7, n - 7);
        g->any_field = true;
        return after;
    }
    if (!n) return after;
    g->any_field = true;
    if (!checked) return after;
    char squeezed[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < sizeof squeezed; i++)
        if (s[i] != ' ' && s[i] != '\t') squeezed[k++] = s[i];
    squeezed[k] = 0;
    if (strcmp(squeezed, "---") == 0) { g->no_events = true; return after; }
    if (strcmp(squeezed, "###") == 0) { g->discard = true; return after; }
    if (strcmp(squeezed, "+++") == 0) { g->complex = true; return after; }
    const char *a = memchr(s, '/', n);
    const char *b = a ? memchr(a + 1, '/', (size_t)(s + n - a - 1)) : NULL;
    if (!a || !b || g->nev == sizeof g->ev / sizeof *g->ev) return after;
    gold_event *ev = &g->ev[g->nev++];
    copy_trim(ev->src, sizeof ev->src, s, (size_t)(a - s));
    copy_trim(ev->tgt, sizeof ev->tgt, a + 1, (size_t)(b - a - 1));
    copy_trim(ev->code, sizeof ev->code, b + 1, (size_t)(s + n - b - 1));
    if (first) {
        const char *d = after;
        while (d < end && (*d == ' ' || *d == '\t')) d++;
        size_t dn = 0;
        while (d + dn < end && ch_is_digit((unsigned char)d[dn])) dn++;
        if (dn == 6 || dn == 8) {
            memcpy(g->date, d, dn);
            g->date[dn] = 0;
            g->have_date = true;
        }
    }
    return after;
}

static void parse_gold(suite *st, gold *g, const char *text, size_t len)
{
    memset(g, 0, sizeof *g);
    const char *end = text + len;
    const char *p = text;
    while (p + 1 < end && !(p[0] == '/' && p[1] == '*')) p++;
    if (p + 1 >= end) return;
    bool checked = true, first = true;
    for (; p < end; p++) {
        if (*p != '{') continue;
        if (p > text && p[-1] == '-' && checked) {
            checked = false;
            g->partial = true;
        }
        p = gold_field(st, g, p + 1, end, checked, first && checked) - 1;
        if (g->nev) first = false;
    }
}

/* YYMMDD with TABARI's pivot, or YYYYMMDD; -1 when not a date. */
static int32_t tabari_date(const char *s, size_t n, bool yyyy)
{
    size_t want = yyyy ? 8 : 6;
    if (n < want) return -1;
    for (size_t i = 0; i < want; i++)
        if (!ch_is_digit((unsigned char)s[i])) return -1;
    int32_t v = 0;
    for (size_t i = 0; i < want; i++) v = v * 10 + (s[i] - '0');
    if (!yyyy) {
        int yy = v / 10000;
        v += (yy <= 30 ? 2000 : 1900) * 10000;
    }
    int m = v / 100 % 100, d = v % 100;
    if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
    return v;
}

static void blank_comments(char *s, size_t n)
{
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        if (!in && s[i] == '/' && i + 1 < n && s[i + 1] == '*') { in = true; s[i] = s[i + 1] = ' '; i++; }
        else if (in && s[i] == '*' && i + 1 < n && s[i + 1] == '/') { in = false; s[i] = s[i + 1] = ' '; i++; }
        else if (in && s[i] != '\n') s[i] = ' ';
    }
}

static void category_of(const char *header, size_t n, char *out, size_t cap)
{
    size_t i = 0;
    while (i < n && ch_is_digit((unsigned char)header[i])) i++;
    for (;;) {
        while (i < n && (header[i] == ' ' || header[i] == '\t')) i++;
        if (i >= n) break;
        size_t j = i;
        while (j < n && header[j] != ' ' && header[j] != '\t') j++;
        if (ch_is_alpha((unsigned char)header[i])) {
            size_t k = i;
            while (k < j && ch_is_alpha((unsigned char)header[k])) k++;
            size_t len = k - i;
            if (len >= cap) len = cap - 1;
            for (size_t c = 0; c < len; c++) out[c] = (char)(ch_is_lower((unsigned char)header[i + c]) ? header[i + c] - 32 : header[i + c]);
            out[len] = 0;
            return;
        }
        i = j;
    }
    snprintf(out, cap, "OTHER");
}

static bool run_record(suite *st, const char *path, size_t line, const char *rec, size_t len,
                       bool *stop)
{
    const dyad_validate_config *cfg = st->cfg;
    const char *nl = memchr(rec, '\n', len);
    size_t hn = nl ? (size_t)(nl - rec) : len;
    const char *body = nl ? nl + 1 : rec + len;
    size_t bn = (size_t)(rec + len - body);
    char header[256];
    copy_trim(header, sizeof header, rec, hn);
    char id[96] = "";
    {
        size_t i = 0, n = strlen(header);
        while (i < n && ch_is_digit((unsigned char)header[i])) i++;
        while (i < n && (header[i] == ' ' || header[i] == '\t')) i++;
        size_t j = i;
        while (j < n && header[j] != ' ' && header[j] != '\t') j++;
        snprintf(id, sizeof id, "%.*s", (int)(j - i), header + i);
    }
    gold g;
    parse_gold(st, &g, body, bn);
    if (!g.any_field) {
        /* TABARI stops validating at the first record without fields */
        *stop = true;
        char cat[24];
        category_of(header, strlen(header), cat, sizeof cat);
        add_category(st->res, cat, true);
        return true;
    }
    int32_t date = tabari_date(header, strlen(header), st->work->opt.yyyy);
    char *text = malloc(bn + 1);
    if (!text) return false;
    memcpy(text, body, bn);
    text[bn] = 0;
    blank_comments(text, bn);
    dyad_document doc;
    memset(&doc, 0, sizeof doc);
    doc.id = id;
    code_format_date(date, doc.date);
    doc.text = text;
    doc.len = bn;
    doc.file = path;
    doc.line = line;
    doc.format = DYAD_FORMAT_TABARI;
    doc.is_sentence = 1;
    dyad_analysis a;
    const dyad_event *ev = NULL;
    size_t nev = 0;
    bool ok = false;
    if (dyad_analyze(st->pipe, &doc, &a) == 0 && dyad_code(st->work, &a, &ev, &nev) == 0) {
        ok = judge(&g, ev, nev, st->work->status);
        if (ok && g.have_date && st->work->opt.time_shifting && nev) {
            int32_t want = tabari_date(g.date, strlen(g.date), strlen(g.date) == 8);
            char ws[11];
            code_format_date(want, ws);
            for (size_t i = 0; i < nev; i++)
                if (strcmp(ev[i].date, ws) != 0) ok = false;
        }
    }
    char cat[24];
    category_of(header, strlen(header), cat, sizeof cat);
    add_category(st->res, cat, ok);
    if (!ok && (cfg->verbose || cfg->trace) && cfg->report) {
        print_outcome(cfg->report, id, &g, ev, nev, st->work->status, st->work->complex_reason);
        if (cfg->trace) {
            /* code again with the parse shown */
            st->work->trace = cfg->report;
            dyad_code(st->work, &a, &ev, &nev);
            st->work->trace = NULL;
        }
    }
    free(text);
    return true;
}

static int validate_tabari(suite *st)
{
    const dyad_validate_config *cfg = st->cfg;
    dyad_coder_config cc;
    memset(&cc, 0, sizeof cc);
    cc.project = cfg->suite;
    cc.diag = cfg->diag;
    cc.user = cfg->user;
    st->coder = dyad_coder_new(&cc);
    if (!st->coder) return -1;
    size_t np;
    const dict_project_entry *pe = dict_project_entries(st->coder->dict, &np);
    const char *text_path = NULL;
    for (size_t i = 0; i < np; i++)
        if (pe[i].role == DICT_ROLE_TEXT) text_path = dict_string(st->coder->dict, pe[i].value);
    if (!text_path) {
        diag_msg(cfg, cfg->suite, 0, "the project names no <textfile>");
        return -1;
    }
    size_t len;
    char *data = read_all(text_path, &len);
    if (!data) {
        char msg[512];
        snprintf(msg, sizeof msg, "cannot read %s: %s", text_path, strerror(errno));
        diag_msg(cfg, cfg->suite, 0, msg);
        return -1;
    }
    st->work = dyad_coder_work_new(st->coder, NULL);
    st->pipe = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    if (!st->work || !st->pipe) { free(data); return -1; }
    /* records: blocks between blank lines; '#' blocks are comments */
    const char *p = data, *end = data + len;
    size_t line = 1;
    bool stop = false;
    while (p < end && !stop) {
        /* skip blank lines */
        const char *ls = p;
        const char *le = memchr(p, '\n', (size_t)(end - p));
        if (!le) le = end;
        bool blank = true;
        for (const char *c = ls; c < le; c++)
            if (*c != ' ' && *c != '\t' && *c != '\r') { blank = false; break; }
        if (blank) { p = le + 1; line++; continue; }
        /* the block */
        const char *bs = ls;
        size_t bline = line;
        const char *q = ls;
        for (;;) {
            const char *qe = memchr(q, '\n', (size_t)(end - q));
            if (!qe) qe = end;
            bool qb = true;
            for (const char *c = q; c < qe; c++)
                if (*c != ' ' && *c != '\t' && *c != '\r') { qb = false; break; }
            if (qb) break;
            line++;
            q = qe < end ? qe + 1 : end;
            if (q >= end) break;
        }
        const char *be = q;
        p = q;
        if (*bs == '#' || !ch_is_digit((unsigned char)*bs)) continue;
        if (!run_record(st, text_path, bline, bs, (size_t)(be - bs), &stop)) { free(data); return -1; }
    }
    free(data);
    return 0;
}

/* ---- driver ----------------------------------------------------------------------------- */

static int validate_petrarch(suite *st);

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int dyad_validate(const dyad_validate_config *cfg, dyad_validate_result *result)
{
    dyad_validate_result local;
    dyad_validate_result *out = result ? result : &local;
    memset(out, 0, sizeof *out);
    if (!cfg || !cfg->suite) return -1;
    suite st;
    memset(&st, 0, sizeof st);
    st.cfg = cfg;
    st.res = out;
    int rc = ends_with(cfg->suite, ".xml") ? validate_petrarch(&st) : validate_tabari(&st);
    dyad_pipeline_free(st.pipe);
    dyad_coder_work_free(st.work);
    dyad_coder_free(st.coder);
    if (rc == 0 && cfg->report) {
        fprintf(cfg->report, "%-12s %8s %8s %7s\n", "category", "records", "exact", "percent");
        for (size_t i = 0; i < out->ncategories; i++)
            fprintf(cfg->report, "%-12s %8zu %8zu %6.1f%%\n", out->categories[i].name, out->categories[i].records,
                    out->categories[i].exact,
                    out->categories[i].records ? 100.0 * (double)out->categories[i].exact / (double)out->categories[i].records : 0.0);
        fprintf(cfg->report, "records: %zu exact: %zu (%.1f%%)\n", out->records, out->exact,
                out->records ? 100.0 * (double)out->exact / (double)out->records : 0.0);
    }
    return rc;
}


/* ---- PETRARCH2 ----------------------------------------------------------------------------- */

/* Case-insensitive search for an ASCII needle. */
static const char *find_ci(const char *p, const char *end, const char *needle)
{
    size_t m = strlen(needle);
    for (; p + m <= end; p++) {
        size_t k = 0;
        while (k < m && ch_lower((unsigned char)p[k]) == ch_lower((unsigned char)needle[k])) k++;
        if (k == m) return p;
    }
    return NULL;
}

/* Value of attribute `name` inside tag text [p, end) ("" when absent). */
static void attr(const char *p, const char *end, const char *name, char *out, size_t cap)
{
    out[0] = 0;
    size_t m = strlen(name);
    for (const char *q = p; q + m < end; q++) {
        if (ch_lower((unsigned char)*q) != ch_lower((unsigned char)name[0])) continue;
        if (q > p && ch_is_alpha((unsigned char)q[-1])) continue;
        size_t k = 0;
        while (k < m && ch_lower((unsigned char)q[k]) == ch_lower((unsigned char)name[k])) k++;
        if (k < m) continue;
        const char *v = q + m;
        while (v < end && (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')) v++;
        if (v >= end || *v != '=') continue;
        v++;
        while (v < end && (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')) v++;
        if (v >= end || (*v != '"' && *v != '\'')) continue;
        char quote = *v++;
        const char *e = memchr(v, quote, (size_t)(end - v));
        if (!e) return;
        copy_trim(out, cap, v, (size_t)(e - v));
        return;
    }
}

/* Element text <tag>...</tag> in [p, end): start and length, or false. */
static bool element(const char *p, const char *end, const char *tag, const char **s, size_t *n)
{
    char open[32], close[32];
    snprintf(open, sizeof open, "<%s", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *o = find_ci(p, end, open);
    if (!o) return false;
    const char *gt = memchr(o, '>', (size_t)(end - o));
    if (!gt) return false;
    const char *c = find_ci(gt + 1, end, close);
    if (!c) return false;
    *s = gt + 1;
    *n = (size_t)(c - gt - 1);
    return true;
}

/* XML text -> plain text: entities decoded. */
static size_t xml_text(const char *s, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '&') { out[k++] = s[i]; continue; }
        static const struct { const char *name; char c; } ents[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        bool done = false;
        for (size_t e = 0; e < 5 && !done; e++) {
            size_t m = strlen(ents[e].name);
            if (i + m <= n && memcmp(s + i, ents[e].name, m) == 0) {
                out[k++] = ents[e].c;
                i += m - 1;
                done = true;
            }
        }
        if (!done && i + 3 < n && s[i + 1] == '#') {
            size_t j = i + 2;
            bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
            if (hex) j++;
            uint32_t cp = 0;
            size_t digits = 0;
            while (j < n && digits < 8 && (hex ? isxdigit((unsigned char)s[j]) : ch_is_digit((unsigned char)s[j]))) {
                char c = s[j];
                cp = cp * (hex ? 16 : 10) + (uint32_t)(ch_is_digit((unsigned char)c) ? c - '0' : (ch_lower((unsigned char)c) - 'a' + 10));
                j++;
                digits++;
            }
            if (digits && j < n && s[j] == ';' && cp && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
                k += utf8_encode(cp, out + k);
                i = j;
                done = true;
            }
        }
        if (!done) out[k++] = s[i];
    }
    return k;
}

/* A dictionary named by <Environment>: beside the XML, then in
 * ../dictionaries, then in --dict-dir. */
static bool locate(const dyad_validate_config *cfg, const char *name, char *out, size_t cap)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", cfg->suite);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = 0;
    else snprintf(dir, sizeof dir, ".");
    const char *fmts[3] = {"%s/%s", "%s/../dictionaries/%s", NULL};
    for (int k = 0; k < 3; k++) {
        if (k == 2) {
            if (!cfg->dict_dir) break;
            snprintf(out, cap, "%s/%s", cfg->dict_dir, name);
        } else {
            snprintf(out, cap, fmts[k], dir, name);
        }
        FILE *f = fopen(out, "rb");
        if (f) { fclose(f); return true; }
    }
    return false;
}

static void petrarch_config(code_options *o, const char *name, const char *value)
{
    int v = (int)strtol(value, NULL, 10);
    bool truth = ch_lower((unsigned char)value[0]) == 't';
    if (strcmp(name, "require_dyad") == 0) o->require_dyad = truth;
    else if (strcmp(name, "comma_min") == 0) o->comma_min = v;
    else if (strcmp(name, "comma_max") == 0) o->comma_max = v;
    else if (strcmp(name, "comma_bmin") == 0) o->comma_bmin = v;
    else if (strcmp(name, "comma_bmax") == 0) o->comma_bmax = v;
    else if (strcmp(name, "comma_emin") == 0) o->comma_emin = v;
    else if (strcmp(name, "comma_emax") == 0) o->comma_emax = v;
}

static int validate_petrarch(suite *st)
{
    const dyad_validate_config *cfg = st->cfg;
    size_t len;
    char *data = read_all(cfg->suite, &len);
    if (!data) {
        char msg[512];
        snprintf(msg, sizeof msg, "cannot read: %s", strerror(errno));
        diag_msg(cfg, cfg->suite, 0, msg);
        return -1;
    }
    /* comments out of the way (gold events in comments are not gold) */
    for (char *c = data; (c = strstr(c, "<!--")) != NULL;) {
        char *e = strstr(c + 4, "-->");
        char *stop = e ? e + 3 : data + len;
        for (char *q = c; q < stop; q++)
            if (*q != '\n') *q = ' ';
        c = stop;
    }
    const char *end = data + len;
    const char *env;
    size_t envn;
    char verbs[1024] = "", agents[1024] = "", discards[1024] = "";
    char actor_paths[8][1024];
    const char *actors[8];
    size_t nactors = 0;
    const char *body = data;
    if (element(data, end, "Environment", &env, &envn)) {
        const char *ee = env + envn;
        body = ee;
        const char *s;
        size_t n;
        char name[512];
        struct { const char *tag; char *out; } one[] = {
            {"Verbfile", verbs}, {"Agentfile", agents}, {"Discardfile", discards}};
        for (size_t k = 0; k < 3; k++) {
            if (!element(env, ee, one[k].tag, &s, &n)) continue;
            copy_trim(name, sizeof name, s, n);
            if (!locate(cfg, name, one[k].out, 1024)) {
                char msg[700];
                snprintf(msg, sizeof msg, "%s names %s, found neither beside it, in ../dictionaries nor in --dict-dir",
                         one[k].tag, name);
                diag_msg(cfg, cfg->suite, 0, msg);
                free(data);
                return -1;
            }
        }
        for (const char *p = env; nactors < 8 && element(p, ee, "Actorfile", &s, &n); p = s + n) {
            copy_trim(name, sizeof name, s, n);
            if (!locate(cfg, name, actor_paths[nactors], sizeof actor_paths[nactors])) {
                char msg[700];
                snprintf(msg, sizeof msg, "Actorfile %s not found", name);
                diag_msg(cfg, cfg->suite, 0, msg);
                free(data);
                return -1;
            }
            actors[nactors] = actor_paths[nactors];
            nactors++;
        }
    }
    dyad_coder_config cc;
    memset(&cc, 0, sizeof cc);
    cc.verbs = verbs[0] ? verbs : NULL;
    cc.agents = agents[0] ? agents : NULL;
    cc.discards = discards[0] ? discards : NULL;
    cc.actors = actors;
    cc.nactors = nactors;
    cc.diag = cfg->diag;
    cc.user = cfg->user;
    st->coder = dyad_coder_new(&cc);
    if (!st->coder) { free(data); return -1; }
    st->work = dyad_coder_work_new(st->coder, NULL);
    st->pipe = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    if (!st->work || !st->pipe) { free(data); return -1; }
    char *text = malloc(len + 1);
    if (!text) { free(data); return -1; }
    const char *p = body;
    for (;;) {
        const char *cf = find_ci(p, end, "<Config");
        const char *sn = find_ci(p, end, "<Sentence ");
        if (!cf && !sn) break;
        if (cf && (!sn || cf < sn)) {
            const char *gt = memchr(cf, '>', (size_t)(end - cf));
            if (!gt) break;
            char name[64], value[64];
            attr(cf, gt, "option", name, sizeof name);
            attr(cf, gt, "value", value, sizeof value);
            petrarch_config(&st->work->opt, name, value);
            p = gt + 1;
            continue;
        }
        const char *gt = memchr(sn, '>', (size_t)(end - sn));
        const char *close = gt ? find_ci(gt, end, "</Sentence>") : NULL;
        if (!gt || !close) break;
        p = close + 11;
        char id[96], date[32], cat[24], is_sentence[16];
        attr(sn, gt, "id", id, sizeof id);
        attr(sn, gt, "date", date, sizeof date);
        attr(sn, gt, "category", cat, sizeof cat);
        attr(sn, gt, "sentence", is_sentence, sizeof is_sentence);
        if (ch_lower((unsigned char)is_sentence[0]) == 'f') continue; /* blocks are not coded */
        for (char *c = cat; *c; c++) *c = (char)(ch_is_lower((unsigned char)*c) ? *c - 32 : *c);
        if (!cat[0]) snprintf(cat, sizeof cat, "OTHER");
        gold g;
        memset(&g, 0, sizeof g);
        for (const char *q = gt; (q = find_ci(q, close, "<EventCoding")) != NULL;) {
            const char *qe = memchr(q, '>', (size_t)(close - q));
            if (!qe) break;
            char ne[16];
            attr(q, qe, "noevents", ne, sizeof ne);
            if (ch_lower((unsigned char)ne[0]) == 't') g.no_events = true;
            else if (g.nev < sizeof g.ev / sizeof *g.ev) {
                gold_event *ev = &g.ev[g.nev];
                attr(q, qe, "sourcecode", ev->src, sizeof ev->src);
                attr(q, qe, "targetcode", ev->tgt, sizeof ev->tgt);
                attr(q, qe, "eventcode", ev->code, sizeof ev->code);
                if (ev->code[0]) g.nev++;
            }
            q = qe;
        }
        if (!g.nev) g.no_events = true;
        const char *ts;
        size_t tn;
        if (!element(gt, close, "Text", &ts, &tn)) { ts = ""; tn = 0; }
        size_t n = xml_text(ts, tn, text);
        text[n] = 0;
        int32_t d = (int32_t)strtol(date, NULL, 10);
        dyad_document doc;
        memset(&doc, 0, sizeof doc);
        doc.id = id;
        code_format_date(strlen(date) == 8 ? d : -1, doc.date);
        doc.text = text;
        doc.len = n;
        doc.file = cfg->suite;
        doc.format = DYAD_FORMAT_PETRARCH;
        doc.is_sentence = 1;
        dyad_analysis a;
        const dyad_event *ev = NULL;
        size_t nev = 0;
        bool ok = false;
        if (dyad_analyze(st->pipe, &doc, &a) == 0 && dyad_code(st->work, &a, &ev, &nev) == 0)
            ok = judge(&g, ev, nev, st->work->status);
        add_category(st->res, cat, ok);
        if (!ok && (cfg->verbose || cfg->trace) && cfg->report) {
            print_outcome(cfg->report, id, &g, ev, nev, st->work->status, st->work->complex_reason);
            if (cfg->trace) {
                st->work->trace = cfg->report;
                dyad_code(st->work, &a, &ev, &nev);
                st->work->trace = NULL;
            }
        }
    }
    free(text);
    free(data);
    return 0;
}
