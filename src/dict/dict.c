/* dict.c -- the dictionary model: storage, interning, loading dispatch,
 * counts and date resolution.  The format readers live in dict_tabari.c,
 * dict_petrarch.c and dict_actors.c; the checks in dict_check.c. */
#include "dict_private.h"
#include "dict_image.h"
#include "core/calendar.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- growable arrays and maps ------------------------------------------- */

void *dict_vec_push(dict_vec *vec, size_t elem)
{
    if (vec->n == vec->cap) {
        size_t ncap = vec->cap ? vec->cap * 2 : 64;
        if (ncap > SIZE_MAX / elem) return NULL;
        void *nv = realloc(vec->v, ncap * elem);
        if (!nv) return NULL;
        vec->v = nv;
        vec->cap = ncap;
    }
    void *p = (char *)vec->v + vec->n * elem;
    memset(p, 0, elem);
    vec->n++;
    return p;
}

static void vec_free(dict_vec *vec)
{
    free(vec->v);
    vec->v = NULL;
    vec->n = vec->cap = 0;
}

static uint32_t mix32(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

static int map_grow(dict_map *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 64;
    uint32_t *nk = malloc(ncap * sizeof *nk), *nv = malloc(ncap * sizeof *nv);
    if (!nk || !nv) { free(nk); free(nv); return -1; }
    for (size_t i = 0; i < ncap; i++) nk[i] = DICT_NONE;
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i] == DICT_NONE) continue;
        size_t j = mix32(m->keys[i]) & (ncap - 1);
        while (nk[j] != DICT_NONE) j = (j + 1) & (ncap - 1);
        nk[j] = m->keys[i];
        nv[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = nk;
    m->vals = nv;
    m->cap = ncap;
    return 0;
}

int dict_map_put(dict_map *m, uint32_t key, uint32_t val)
{
    if ((m->n + 1) * 2 > m->cap && map_grow(m)) return -1;
    size_t j = mix32(key) & (m->cap - 1);
    while (m->keys[j] != DICT_NONE && m->keys[j] != key) j = (j + 1) & (m->cap - 1);
    if (m->keys[j] == DICT_NONE) m->n++;
    m->keys[j] = key;
    m->vals[j] = val;
    return 0;
}

uint32_t dict_map_get(const dict_map *m, uint32_t key)
{
    if (!m->cap) return DICT_NONE;
    size_t j = mix32(key) & (m->cap - 1);
    while (m->keys[j] != DICT_NONE) {
        if (m->keys[j] == key) return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return DICT_NONE;
}

void dict_map_free(dict_map *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ---- interned strings ------------------------------------------------------ */

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static int slots_grow(dyad_dict *d)
{
    size_t ncap = d->nslots ? d->nslots * 2 : 1024;
    uint32_t *ns = calloc(ncap, sizeof *ns);
    if (!ns) return -1;
    for (size_t id = 0; id < d->nstrs; id++) {
        size_t j = hash_bytes(d->strs[id], d->lens[id]) & (ncap - 1);
        while (ns[j]) j = (j + 1) & (ncap - 1);
        ns[j] = (uint32_t)id + 1;
    }
    free(d->slots);
    d->slots = ns;
    d->nslots = ncap;
    return 0;
}

static size_t find_slot(const dyad_dict *d, const char *s, size_t len, uint32_t h)
{
    size_t j = h & (d->nslots - 1);
    while (d->slots[j]) {
        uint32_t id = d->slots[j] - 1;
        if (d->lens[id] == len && memcmp(d->strs[id], s, len) == 0) return j;
        j = (j + 1) & (d->nslots - 1);
    }
    return j;
}

uint32_t dict_intern(dyad_dict *d, const char *s, size_t len)
{
    if (d->image_arrays && dict_image_detach(d)) return DICT_NONE;
    if (len > UINT32_MAX / 2) return DICT_NONE;
    if ((d->nstrs + 1) * 2 > d->nslots && slots_grow(d)) return DICT_NONE;
    uint32_t h = hash_bytes(s, len);
    size_t j = find_slot(d, s, len, h);
    if (d->slots[j]) return d->slots[j] - 1;
    if (d->nstrs >= DICT_NONE - 1) return DICT_NONE;
    if (d->nstrs == d->cap_strs) {
        size_t ncap = d->cap_strs ? d->cap_strs * 2 : 1024;
        const char **ns = realloc(d->strs, ncap * sizeof *ns);
        if (!ns) return DICT_NONE;
        d->strs = ns;
        uint32_t *nl = realloc(d->lens, ncap * sizeof *nl);
        if (!nl) return DICT_NONE;
        d->lens = nl;
        d->cap_strs = ncap;
    }
    char *copy = arena_strndup(&d->text, s, len);
    if (!copy) return DICT_NONE;
    uint32_t id = (uint32_t)d->nstrs++;
    d->strs[id] = copy;
    d->lens[id] = (uint32_t)len;
    d->slots[j] = id + 1;
    return id;
}

uint32_t dict_string_find(const dyad_dict *d, const char *s, size_t len)
{
    if (!d->nslots) return DICT_NONE;
    size_t j = find_slot(d, s, len, hash_bytes(s, len));
    return d->slots[j] ? d->slots[j] - 1 : DICT_NONE;
}

const char *dict_string(const dyad_dict *d, uint32_t id)
{
    return id < d->nstrs ? d->strs[id] : "";
}

uint32_t dict_null_code(dyad_dict *d) { return dict_intern(d, "---", 3); }

/* ---- lifetime ---------------------------------------------------------------- */

static void options_defaults(dict_options *o)
{
    memset(o, 0, sizeof *o);
    memcpy(o->code_by, "CLAUSE", 7);
    o->label = true;
    o->dup_warning = true;
    o->skip_records = true;
    o->haiku = true;
    o->minimum_words = 8;
    o->forward = o->default_source = o->default_target = DICT_NONE;
    o->comma_bmin = 128; o->comma_bmax = 0;
    o->comma_min = 2; o->comma_max = 10;
    o->comma_emin = 2; o->comma_emax = 10;
}

dyad_dict *dict_new(void)
{
    dyad_dict *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    arena_init(&d->text);
    options_defaults(&d->options);
    return d;
}

void dict_free(dyad_dict *d)
{
    if (!d) return;
    dict_image_release(d);
    arena_free(&d->text);
    free(d->strs);
    free(d->lens);
    free(d->slots);
    vec_free(&d->tokens);
    for (int k = 0; k < DICT_PH_KINDS; k++) vec_free(&d->phrases[k]);
    dict_vec *vecs[] = {&d->actors, &d->actor_codes, &d->agents, &d->substs, &d->subst_values,
                        &d->blocks, &d->verbs, &d->synsets, &d->transforms,
                        &d->issue_categories, &d->labels, &d->project};
    for (size_t i = 0; i < sizeof vecs / sizeof *vecs; i++) vec_free(vecs[i]);
    for (size_t i = 0; i < d->files.n; i++) free(DICT_VEC_AT(d->files, dict_file, i).path);
    vec_free(&d->files);
    dict_map_free(&d->synset_by_name);
    dict_map_free(&d->subst_by_name);
    free(d);
}

size_t dict_memory_bytes(const dyad_dict *d)
{
    size_t total = sizeof *d + d->text.used_total + d->cap_strs * (sizeof(char *) + 4) +
                   d->nslots * 4 + d->tokens.cap * sizeof(dict_token);
    for (int k = 0; k < DICT_PH_KINDS; k++) total += d->phrases[k].cap * sizeof(dict_phrase);
    total += d->actors.cap * sizeof(dict_actor) + d->actor_codes.cap * sizeof(dict_actor_code) +
             d->agents.cap * sizeof(dict_agent) + d->substs.cap * sizeof(dict_subst) +
             d->subst_values.cap * 4 + d->blocks.cap * sizeof(dict_verb_block) +
             d->verbs.cap * sizeof(dict_verb) + d->synsets.cap * sizeof(dict_synset) +
             d->transforms.cap * sizeof(dict_transform) +
             d->issue_categories.cap * sizeof(dict_issue_category) +
             d->labels.cap * sizeof(dict_label) + d->project.cap * sizeof(dict_project_entry) +
             d->files.cap * sizeof(dict_file) +
             (d->synset_by_name.cap + d->subst_by_name.cap) * 8;
    return total;
}

/* ---- names ------------------------------------------------------------------- */

static const char *const syntax_names[] = {"auto", "tabari", "petrarch"};
static const char *const kind_names[] = {"auto", "verbs", "actors", "agents", "discards",
                                         "issues", "options", "project"};

const char *dict_syntax_name(dict_syntax s)
{
    return (unsigned)s < sizeof syntax_names / sizeof *syntax_names ? syntax_names[s] : "?";
}

const char *dict_kind_name(dict_kind k)
{
    return (unsigned)k < sizeof kind_names / sizeof *kind_names ? kind_names[k] : "?";
}

int dict_syntax_from_name(const char *name)
{
    for (size_t i = 0; i < sizeof syntax_names / sizeof *syntax_names; i++)
        if (strcmp(name, syntax_names[i]) == 0) return (int)i;
    return -1;
}

int dict_kind_from_name(const char *name)
{
    for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
        if (strcmp(name, kind_names[i]) == 0) return (int)i;
    return -1;
}

/* ---- detection ------------------------------------------------------------------ */

static bool ends_with_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    if (m > n) return false;
    for (size_t i = 0; i < m; i++)
        if (ch_lower((unsigned char)s[n - m + i]) != ch_lower((unsigned char)suffix[i])) return false;
    return true;
}

static bool contains_ci(const char *s, const char *needle)
{
    size_t n = strlen(s), m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++) {
        size_t j = 0;
        while (j < m && ch_lower((unsigned char)s[i + j]) == ch_lower((unsigned char)needle[j])) j++;
        if (j == m) return true;
    }
    return false;
}

static bool starts_with(const char *s, size_t n, const char *prefix)
{
    size_t m = strlen(prefix);
    return n >= m && memcmp(s, prefix, m) == 0;
}

/* Looks at up to the first 2000 lines for what only one kind has. */
static void sniff(const char *data, size_t len, dict_syntax *syntax, dict_kind *kind)
{
    dict_lines it;
    dict_lines_init(&it, data, len);
    const char *s;
    size_t n;
    int petrarch = 0, tabari = 0;
    dict_kind guess = DICT_KIND_AUTO;
    while (it.line < 2000 && dict_lines_next(&it, &s, &n)) {
        dict_trim(&s, &n);
        if (!n) continue;
        if (starts_with(s, n, "---") && n > 6 && memcmp(s + n - 3, "---", 3) == 0) {
            guess = DICT_KIND_VERBS; petrarch += 10;
        } else if (starts_with(s, n, "<ISSUE")) {
            if (guess == DICT_KIND_AUTO) guess = DICT_KIND_ISSUES;
        } else if (s[0] == '!' && memchr(s, '=', n)) {
            guess = DICT_KIND_AGENTS; petrarch++;
        } else if (starts_with(s, n, "<actorsfile>") || starts_with(s, n, "<verbsfile>") ||
                   starts_with(s, n, "<actorfile>") || starts_with(s, n, "<verbfile>")) {
            guess = DICT_KIND_PROJECT; tabari += 10;
        } else if (starts_with(s, n, "SET:") || starts_with(s, n, "LABEL:") ||
                   starts_with(s, n, "COMPLEX:") || starts_with(s, n, "OUTPUT:")) {
            if (guess == DICT_KIND_AUTO) guess = DICT_KIND_OPTIONS;
            tabari++;
        } else if (s[0] == '-' && n > 1 && s[1] != '-') {
            if (guess == DICT_KIND_AUTO) guess = DICT_KIND_VERBS;
        } else if (starts_with(s, n, "<SYNSETS>") || starts_with(s, n, "<TIME>")) {
            guess = DICT_KIND_VERBS; tabari += 10;
        } else if (memchr(s, '~', n) && memchr(s, '[', n)) {
            if (guess == DICT_KIND_AUTO) guess = DICT_KIND_AGENTS;
        } else if (memchr(s, '[', n)) {
            if (guess == DICT_KIND_AUTO) guess = DICT_KIND_ACTORS;
        }
        if (s[0] == '#') petrarch++;
        if (memchr(s, ';', n)) tabari++;
    }
    if (*kind == DICT_KIND_AUTO) *kind = guess;
    if (*syntax == DICT_SYNTAX_AUTO)
        *syntax = petrarch > tabari ? DICT_SYNTAX_PETRARCH : DICT_SYNTAX_TABARI;
}

int dict_detect(const char *name, const char *data, size_t len, dict_syntax *syntax,
                dict_kind *kind)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    static const struct { const char *suffix; dict_syntax syntax; dict_kind kind; } by_name[] = {
        {".verbs", DICT_SYNTAX_TABARI, DICT_KIND_VERBS},
        {".actors", DICT_SYNTAX_TABARI, DICT_KIND_ACTORS},
        {".agents", DICT_SYNTAX_TABARI, DICT_KIND_AGENTS},
        {".options", DICT_SYNTAX_TABARI, DICT_KIND_OPTIONS},
        {".project", DICT_SYNTAX_TABARI, DICT_KIND_PROJECT},
        {".issues", DICT_SYNTAX_TABARI, DICT_KIND_ISSUES},
        {".verbs.txt", DICT_SYNTAX_PETRARCH, DICT_KIND_VERBS},
        {".actors.txt", DICT_SYNTAX_PETRARCH, DICT_KIND_ACTORS},
        {".agents.txt", DICT_SYNTAX_PETRARCH, DICT_KIND_AGENTS},
        {".discards.txt", DICT_SYNTAX_PETRARCH, DICT_KIND_DISCARDS},
    };
    dict_syntax s = DICT_SYNTAX_AUTO;
    dict_kind k = DICT_KIND_AUTO;
    for (size_t i = 0; i < sizeof by_name / sizeof *by_name; i++)
        if (ends_with_ci(base, by_name[i].suffix)) { s = by_name[i].syntax; k = by_name[i].kind; }
    if (k == DICT_KIND_AUTO && ends_with_ci(base, ".txt")) {
        s = DICT_SYNTAX_PETRARCH;
        if (contains_ci(base, "issue")) k = DICT_KIND_ISSUES;
        else if (contains_ci(base, "discard")) k = DICT_KIND_DISCARDS;
    }
    dict_syntax sniffed_s = DICT_SYNTAX_AUTO;
    dict_kind sniffed_k = DICT_KIND_AUTO;
    if (s == DICT_SYNTAX_AUTO || k == DICT_KIND_AUTO) sniff(data, len, &sniffed_s, &sniffed_k);
    if (*syntax == DICT_SYNTAX_AUTO) *syntax = s != DICT_SYNTAX_AUTO ? s : sniffed_s;
    if (*kind == DICT_KIND_AUTO) *kind = k != DICT_KIND_AUTO ? k : sniffed_k;
    if (*syntax == DICT_SYNTAX_AUTO) *syntax = DICT_SYNTAX_TABARI;
    return *kind == DICT_KIND_AUTO ? -1 : 0;
}

/* ---- diagnostics ------------------------------------------------------------------ */

dict_counts *dict_loader_counts(dict_loader *L)
{
    return &DICT_VEC_AT(L->d->files, dict_file, L->file).counts;
}

static void report(dict_loader *L, dyad_severity sev, const char *fmt, va_list ap)
{
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (L->opt->diag) {
        dyad_diag diag = {sev, L->name, L->line, NULL, msg};
        L->opt->diag(&diag, L->opt->user);
    }
}

void dict_error(dict_loader *L, const char *fmt, ...)
{
    dict_loader_counts(L)->errors++;
    va_list ap;
    va_start(ap, fmt);
    report(L, DYAD_ERROR, fmt, ap);
    va_end(ap);
    if (L->opt->strict) L->stop = true;
}

void dict_warning(dict_loader *L, const char *fmt, ...)
{
    dict_loader_counts(L)->warnings++;
    va_list ap;
    va_start(ap, fmt);
    report(L, DYAD_WARNING, fmt, ap);
    va_end(ap);
}

void dict_oom(dict_loader *L)
{
    if (L->stop) return;
    dict_error(L, "out of memory; the rest of the file is not read");
    L->stop = true;
}

/* ---- loading ------------------------------------------------------------------------- */

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    char *dir = malloc(n + 2);
    if (!dir) return NULL;
    if (slash) { memcpy(dir, path, n ? n : 1); dir[n ? n : 1] = 0; }
    else { dir[0] = '.'; dir[1] = 0; }
    return dir;
}

int dict_load_memory(dyad_dict *d, const char *name, const char *data, size_t len,
                     const dict_load_options *opt)
{
    static const dict_load_options defaults = {0};
    if (!opt) opt = &defaults;
    if (d->image_arrays && dict_image_detach(d)) return -1;
    dict_syntax syntax = opt->syntax;
    dict_kind kind = opt->kind;
    int detected = dict_detect(name, data, len, &syntax, &kind);
    dict_file *f = dict_vec_push(&d->files, sizeof *f);
    if (!f) return -1;
    f->path = malloc(strlen(name) + 1);
    if (!f->path) { d->files.n--; return -1; }
    strcpy(f->path, name);
    f->syntax = syntax;
    f->kind = kind;
    char *dir = dir_of(name);
    dict_loader L = {.d = d, .file = (uint32_t)(d->files.n - 1), .name = f->path,
                     .dir = dir ? dir : ".", .syntax = syntax, .kind = kind, .opt = opt};
    if (detected) {
        dict_error(&L, "cannot tell what kind of dictionary this is; name it "
                       "(.verbs, .actors, .agents, .options, .project, *.actors.txt, ...) "
                       "or say --kind");
        free(dir);
        return -1;
    }
    switch (kind) {
    case DICT_KIND_VERBS:
        if (syntax == DICT_SYNTAX_PETRARCH) dict_read_petrarch_verbs(&L, data, len);
        else dict_read_tabari_verbs(&L, data, len);
        break;
    case DICT_KIND_ACTORS: dict_read_actors(&L, data, len); break;
    case DICT_KIND_AGENTS: dict_read_agents(&L, data, len); break;
    case DICT_KIND_DISCARDS: dict_read_discards(&L, data, len); break;
    case DICT_KIND_ISSUES: dict_read_issues(&L, data, len); break;
    case DICT_KIND_OPTIONS: dict_read_tabari_options(&L, data, len); break;
    case DICT_KIND_PROJECT: dict_read_tabari_project(&L, data, len); break;
    default: break;
    }
    sbuf_free(&L.word);
    sbuf_free(&L.expand);
    sbuf_free(&L.uncommented);
    free(dir);
    return L.stop ? -1 : 0;
}

int dict_load_file(dyad_dict *d, const char *path, const dict_load_options *opt)
{
    static const dict_load_options defaults = {0};
    if (!opt) opt = &defaults;
    FILE *fp = fopen(path, "rb");
    sbuf buf = {0};
    bool ok = fp != NULL;
    if (fp) {
        char chunk[1 << 16];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
            if (sbuf_append(&buf, chunk, got)) { ok = false; break; }
        if (ferror(fp)) ok = false;
        fclose(fp);
    }
    if (!ok) {
        if (opt->diag) {
            char msg[300];
            snprintf(msg, sizeof msg, "cannot read the file");
            dyad_diag diag = {DYAD_ERROR, path, 0, NULL, msg};
            opt->diag(&diag, opt->user);
        }
        sbuf_free(&buf);
        return -1;
    }
    int rc = dict_load_memory(d, path, buf.data ? buf.data : "", buf.len, opt);
    sbuf_free(&buf);
    return rc;
}

/* ---- counts and access -------------------------------------------------------------- */

dict_counts dict_total_counts(const dyad_dict *d)
{
    dict_counts t;
    memset(&t, 0, sizeof t);
    size_t fields = sizeof t / sizeof(size_t);
    for (size_t i = 0; i < d->files.n; i++) {
        const size_t *src = (const size_t *)&DICT_VEC_AT(d->files, dict_file, i).counts;
        size_t *dst = (size_t *)&t;
        for (size_t k = 0; k < fields; k++) dst[k] += src[k];
    }
    return t;
}

size_t dict_file_count(const dyad_dict *d) { return d->files.n; }

const dict_file *dict_file_at(const dyad_dict *d, uint32_t file)
{
    return file < d->files.n ? &DICT_VEC_AT(d->files, dict_file, file) : NULL;
}

#define ACCESSOR(fn, type, field) \
    const type *fn(const dyad_dict *d, size_t *n) { if (n) *n = d->field.n; return d->field.v; }
ACCESSOR(dict_actors, dict_actor, actors)
ACCESSOR(dict_actor_codes, dict_actor_code, actor_codes)
ACCESSOR(dict_agents, dict_agent, agents)
ACCESSOR(dict_substs, dict_subst, substs)
ACCESSOR(dict_subst_values, uint32_t, subst_values)
ACCESSOR(dict_verb_blocks, dict_verb_block, blocks)
ACCESSOR(dict_verbs, dict_verb, verbs)
ACCESSOR(dict_synsets, dict_synset, synsets)
ACCESSOR(dict_transforms, dict_transform, transforms)
ACCESSOR(dict_issue_categories, dict_issue_category, issue_categories)
ACCESSOR(dict_labels, dict_label, labels)
ACCESSOR(dict_project_entries, dict_project_entry, project)
#undef ACCESSOR

const dict_token *dict_tokens(const dyad_dict *d) { return d->tokens.v; }

const dict_phrase *dict_phrases(const dyad_dict *d, dict_phrase_kind kind, size_t *n)
{
    if (n) *n = d->phrases[kind].n;
    return d->phrases[kind].v;
}

const dict_options *dict_get_options(const dyad_dict *d) { return &d->options; }

uint32_t dict_synset_find(const dyad_dict *d, uint32_t name)
{
    return dict_map_get(&d->synset_by_name, name);
}

bool dict_code_is_special(const char *code)
{
    return strcmp(code, "---") == 0 || strcmp(code, "###") == 0 || strcmp(code, "+++") == 0;
}

/* ---- dates ----------------------------------------------------------------------------- */

int32_t dict_parse_date(const char *s, size_t len)
{
    if (len != 6 && len != 8) return -1;
    int v[8];
    for (size_t i = 0; i < len; i++) {
        if (!ch_is_digit((unsigned char)s[i])) return -1;
        v[i] = s[i] - '0';
    }
    int year, at;
    if (len == 6) {
        year = v[0] * 10 + v[1];
        year += year <= 30 ? 2000 : 1900; /* TABARI manual 6.5.2, note 1 */
        at = 2;
    } else {
        year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
        at = 4;
    }
    int month = v[at] * 10 + v[at + 1], day = v[at + 2] * 10 + v[at + 3];
    /* Days 29-31 of shorter months are accepted: TABARI accepts them,
     * CountryInfo writes "end of the month" as day 31, and as a YYYYMMDD
     * integer such a date still sorts where it was meant to. */
    if (month < 1 || month > 12 || day < 1 || day > 31) return -1;
    return year * 10000 + month * 100 + day;
}

bool dict_date_exists(int32_t date)
{
    int year = date / 10000, month = date / 100 % 100, day = date % 100;
    return month >= 1 && month <= 12 && day >= 1 && day <= cal_days_in_month(year, month);
}

uint32_t dict_actor_code_on(const dyad_dict *d, uint32_t actor, int32_t date)
{
    if (actor >= d->actors.n) return DICT_NONE;
    const dict_actor *a = &DICT_VEC_AT(d->actors, dict_actor, actor);
    /* No codes at all means no code table either (NULL + 0 is undefined). */
    if (!a->ncodes) return DICT_NONE;
    const dict_actor_code *codes = (const dict_actor_code *)d->actor_codes.v + a->first_code;
    uint32_t fallback = DICT_NONE;
    for (uint32_t i = 0; i < a->ncodes; i++) {
        if (!codes[i].dated) {
            if (fallback == DICT_NONE) fallback = codes[i].code;
        } else if (date >= codes[i].from && date <= codes[i].to) {
            return codes[i].code;
        }
    }
    if (fallback != DICT_NONE) return fallback;
    return dict_string_find(d, "---", 3);
}

/* ---- phrases back to text ------------------------------------------------------------------ */

static void put(char *buf, size_t cap, size_t *at, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (*at + 1 < cap) buf[*at] = s[i];
        (*at)++;
    }
}

size_t dict_phrase_text(const dyad_dict *d, const dict_phrase *p, char *buf, size_t cap)
{
    size_t at = 0;
    const dict_token *t = (const dict_token *)d->tokens.v + p->first;
    static const char *const symbols[] = {"", "&", "*", "$", "+", "%", "^", "@",
                                          "{", "|", "}", "{", "}", "(", ")"};
    for (uint32_t i = 0; i < p->n; i++) {
        if (t[i].flags & DICT_TF_VERB_WORD) put(buf, cap, &at, "+", 1);
        if (t[i].flags & DICT_TF_NOUN_FORMS) put(buf, cap, &at, "n:", 2);
        if (t[i].flags & DICT_TF_VERB_FORMS) put(buf, cap, &at, "v:", 2);
        const char *sym = t[i].kind < sizeof symbols / sizeof *symbols ? symbols[t[i].kind] : "?";
        put(buf, cap, &at, sym, strlen(sym));
        if (t[i].kind == DICT_TOK_WORD || t[i].kind == DICT_TOK_SYNSET) {
            const char *w = dict_string(d, t[i].value);
            for (const char *c = w; *c; c++) {
                char u = t[i].kind == DICT_TOK_WORD && ch_is_lower((unsigned char)*c) ? (char)(*c - 32) : *c;
                put(buf, cap, &at, &u, 1);
            }
        }
        if (t[i].flags & DICT_TF_NO_ENDINGS) put(buf, cap, &at, "=", 1);
        bool last = i + 1 == p->n;
        if (t[i].flags & DICT_TF_HYPHEN_JOIN) put(buf, cap, &at, "+", 1);
        else if (t[i].flags & DICT_TF_ADJACENT) {
            if (t[i].kind == DICT_TOK_WORD && !(t[i].flags & DICT_TF_EXACT)) put(buf, cap, &at, "~", 1);
            put(buf, cap, &at, "_", 1);
        } else {
            if (t[i].kind == DICT_TOK_WORD && (t[i].flags & DICT_TF_EXACT)) put(buf, cap, &at, "_", 1);
            if (!last) put(buf, cap, &at, " ", 1);
        }
    }
    if (cap) buf[at < cap ? at : cap - 1] = 0;
    return at < cap ? at : cap - 1;
}

size_t dict_find_actors(const dyad_dict *d, const char *const *words, size_t nwords,
                        uint32_t *out, size_t max)
{
    if (!nwords) return 0;
    uint32_t ids[DICT_MAX_PHRASE_TOKENS];
    if (nwords > DICT_MAX_PHRASE_TOKENS) return 0;
    for (size_t i = 0; i < nwords; i++) {
        ids[i] = dict_string_find(d, words[i], strlen(words[i]));
        if (ids[i] == DICT_NONE) return 0;
    }
    size_t found = 0;
    const dict_phrase *ph = d->phrases[DICT_PH_ACTOR].v;
    const dict_token *tok = d->tokens.v;
    for (size_t i = 0; i < d->phrases[DICT_PH_ACTOR].n; i++) {
        if (ph[i].n != nwords) continue;
        size_t j = 0;
        while (j < nwords && tok[ph[i].first + j].kind == DICT_TOK_WORD &&
               tok[ph[i].first + j].value == ids[j]) j++;
        if (j < nwords) continue;
        if (found < max) out[found] = ph[i].owner;
        found++;
    }
    return found;
}
