/* test_builtin_image.c -- the built-in dictionaries compiled into the
 * library as a ready image (tools/gen_dict_image.c, dict_index_image.c):
 * the image holds exactly the index the text compiles to today, a coder
 * started from it codes exactly as one started from the text, and an
 * image that is damaged, of another format, truncated or misaligned is
 * refused -- reported, and the text read instead -- never used.
 *
 * Run from the project root (tests/gold/builtin.jsonl is read). */
#include "harness.h"
#include "code/code.h"
#include "dict/dict_builtin.h"
#include "dict/dict_image.h"
#include "dict/dict_index_private.h"
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct diag_log {
    int warnings, errors;
    char first[1024];
} diag_log;

static void log_diag(const dyad_diag *d, void *user)
{
    diag_log *log = user;
    if (d->severity == DYAD_WARNING) log->warnings++;
    else if (d->severity == DYAD_ERROR) log->errors++;
    if (!log->first[0]) snprintf(log->first, sizeof log->first, "%s", d->message);
}

/* A private, 16-byte aligned copy of the image, to damage. */
static unsigned char *image_copy(void)
{
    size_t cap = (dict_builtin_image_len + 15) / 16 * 16;
    unsigned char *p = aligned_alloc(16, cap ? cap : 16);
    if (p) memcpy(p, dict_builtin_image, dict_builtin_image_len);
    return p;
}

/* Offset, element size and count of section id, from the section table
 * ({u32 id, u32 element size, u64 offset, u64 count} from byte 64). */
static size_t section_at(const unsigned char *img, unsigned id, size_t *elem, size_t *count)
{
    uint32_t e;
    uint64_t off, n;
    memcpy(&e, img + 64 + id * 24 + 4, 4);
    memcpy(&off, img + 64 + id * 24 + 8, 8);
    memcpy(&n, img + 64 + id * 24 + 16, 8);
    *elem = e;
    *count = (size_t)n;
    return (size_t)off;
}

static void test_image_is_the_compiled_text(tctx *t)
{
    CHECK(dict_builtin_image_len > 0);
    dyad_dict *d = NULL;
    dict_index *ix = NULL;
    char err[512] = "";
    int rc = ix_image_load(dict_builtin_image, dict_builtin_image_len, &d, &ix, err, sizeof err);
    if (rc) fprintf(stderr, "  %s\n", err);
    CHECK(rc == 0);
    dyad_dict *td = dict_new();
    dict_load_options lo = {0};
    CHECK(dict_load_builtin(td, &lo) == 0);
    dict_index *tx = ix_build(td);
    CHECK(tx != NULL);
    /* Every array as the coder reads it: equal, element by element. */
    CHECK_INT(ix->nroots, tx->nroots);
    CHECK(memcmp(ix->roots, tx->roots, tx->nroots * sizeof *tx->roots) == 0);
    CHECK(memcmp(ix->order, tx->order, tx->nroots * sizeof *tx->order) == 0);
    CHECK_INT(ix->nlits, tx->nlits);
    for (size_t i = 0; i < tx->nlits; i++) {
        const ix_lit *a = &ix->lits[i], *b = &tx->lits[i];
        CHECK(a->len == b->len && a->hash == b->hash && a->flags == b->flags && strcmp(a->s, b->s) == 0);
    }
    CHECK_INT(ix->ngroups, tx->ngroups);
    CHECK_INT(ix->nslots, tx->nslots);
    CHECK(memcmp(ix->slots, tx->slots, tx->nslots * sizeof *tx->slots) == 0);
    CHECK(memcmp(ix->key_bits, tx->key_bits, sizeof tx->key_bits) == 0);
    for (size_t g = 0; g < tx->ngroups; g++) {
        size_t na, nb;
        const uint32_t *a = ix_group(ix, tx->groups[g].s, tx->groups[g].len, &na);
        const uint32_t *b = ix_group(tx, tx->groups[g].s, tx->groups[g].len, &nb);
        CHECK(a && b && na == nb && memcmp(a, b, na * sizeof *a) == 0);
    }
    CHECK_INT(ix->ncodes, tx->ncodes);
    CHECK(memcmp(ix->codes, tx->codes, tx->ncodes * sizeof *tx->codes) == 0);
    CHECK_INT(ix->nptoks, tx->nptoks);
    CHECK(memcmp(ix->ptoks, tx->ptoks, tx->nptoks * sizeof *tx->ptoks) == 0);
    CHECK_INT(ix->npatterns, tx->npatterns);
    CHECK(memcmp(ix->patterns, tx->patterns, tx->npatterns * sizeof *tx->patterns) == 0);
    CHECK_INT(ix->nverbs, tx->nverbs);
    CHECK(memcmp(ix->verbs, tx->verbs, tx->nverbs * sizeof *tx->verbs) == 0);
    CHECK_INT(ix->nagents, tx->nagents);
    CHECK(memcmp(ix->agents, tx->agents, tx->nagents * sizeof *tx->agents) == 0);
    CHECK_INT(ix->npattern_text, tx->npattern_text);
    for (size_t i = 0; i < tx->npattern_text; i++) CHECK_STR(ix_pattern_text(ix, (uint32_t)i), ix_pattern_text(tx, (uint32_t)i));
    /* and the dictionary behind it: the same files, counts and strings */
    CHECK_INT(dict_file_count(d), dict_file_count(td));
    for (uint32_t f = 0; f < dict_file_count(td); f++) CHECK_STR(dict_file_at(d, f)->path, dict_file_at(td, f)->path);
    dict_counts a = dict_total_counts(d), b = dict_total_counts(td);
    CHECK(memcmp(&a, &b, sizeof a) == 0);
    ix_free(tx);
    dict_free(td);
    ix_free(ix);
    dict_free(d);
}

/* Every event of tests/gold/builtin.jsonl and examples/article.txt, in
 * all four formats with --explain, into one string. */
static char *code_all(const dyad_coder *c)
{
    char *out = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&out, &len);
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    dyad_code_options opt = {0};
    opt.explain = 1;
    memcpy(opt.default_date, "2022-01-27", 11);
    dyad_coder_work *w = dyad_coder_work_new(c, &opt);
    const char *inputs[] = {"tests/gold/builtin.jsonl", "examples/article.txt"};
    size_t docs = 0;
    for (size_t i = 0; mem && p && w && i < sizeof inputs / sizeof *inputs; i++) {
        dyad_reader *r = dyad_reader_open_file(inputs[i], DYAD_FORMAT_AUTO, NULL, NULL);
        dyad_document doc;
        while (r && dyad_reader_next(r, &doc)) {
            dyad_analysis a;
            const dyad_event *ev;
            size_t n;
            if (dyad_analyze(p, &doc, &a) || dyad_code(w, &a, &ev, &n)) continue;
            docs++;
            for (int f = 0; f < 4; f++) dyad_render_events(mem, &a, ev, n, (dyad_event_format)f, DYAD_EVENTS_EXPLAIN);
        }
        dyad_reader_close(r);
    }
    dyad_coder_work_free(w);
    dyad_pipeline_free(p);
    if (mem) fclose(mem);
    if (docs < 100) { free(out); return NULL; } /* the inputs were not found */
    return out;
}

static void test_image_codes_as_the_text(tctx *t)
{
    dyad_coder_config cfg = {0};
    cfg.builtin = 1;
    diag_log log = {0};
    cfg.diag = log_diag;
    cfg.user = &log;
    dyad_coder *img = code_coder_new(&cfg, dict_builtin_image, dict_builtin_image_len);
    dyad_coder *txt = code_coder_new(&cfg, NULL, 0);
    CHECK(img && txt);
    CHECK_INT(log.warnings + log.errors, 0);
    CHECK(dict_image_bytes(img->dict) > 0); /* really from the image */
    CHECK(dict_image_bytes(txt->dict) == 0);
    CHECK(memcmp(&img->opt, &txt->opt, sizeof img->opt) == 0);
    CHECK(img->dyad_rules == txt->dyad_rules && img->petrarch == txt->petrarch);
    char *a = code_all(img), *b = code_all(txt);
    CHECK(a && b);
    CHECK(strlen(a) > 10000);
    CHECK(strcmp(a, b) == 0);
    free(a);
    free(b);
    dyad_coder_free(img);
    dyad_coder_free(txt);
    /* and the public entry point starts from the image */
    dyad_coder *pub = dyad_coder_new(&cfg);
    CHECK(pub && dict_image_bytes(pub->dict) > 0);
    dyad_coder_free(pub);
}

/* A coder given a bad image: reported once, coded from the text, codes
 * the same sentence as ever. */
static void check_refused(tctx *t, const unsigned char *image, size_t len, const char *why)
{
    dyad_coder_config cfg = {0};
    cfg.builtin = 1;
    diag_log log = {0};
    cfg.diag = log_diag;
    cfg.user = &log;
    dyad_coder *c = code_coder_new(&cfg, image, len);
    CHECK(c != NULL);
    CHECK_INT(log.warnings, 1);
    CHECK_INT(log.errors, 0);
    if (!strstr(log.first, why)) fprintf(stderr, "  expected \"%s\" in: %s\n", why, log.first);
    CHECK(strstr(log.first, why) != NULL);
    CHECK(dict_image_bytes(c->dict) == 0);
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    dyad_coder_work *w = dyad_coder_work_new(c, NULL);
    dyad_document doc = {0};
    doc.id = "x";
    doc.text = "Russia attacked Ukraine on Tuesday.";
    doc.len = strlen(doc.text);
    doc.format = DYAD_FORMAT_TEXT;
    dyad_analysis a;
    const dyad_event *ev;
    size_t n = 0;
    CHECK(p && w && dyad_analyze(p, &doc, &a) == 0 && dyad_code(w, &a, &ev, &n) == 0);
    CHECK_INT(n, 1);
    CHECK_STR(ev[0].source, "RUS");
    CHECK_STR(ev[0].target, "UKR");
    CHECK_STR(ev[0].code, "190");
    dyad_coder_work_free(w);
    dyad_pipeline_free(p);
    dyad_coder_free(c);
}

static void test_damaged_image_is_refused(tctx *t)
{
    unsigned char *img = image_copy();
    CHECK(img != NULL);
    size_t len = dict_builtin_image_len;
    /* one byte in the middle of the patterns */
    img[len / 2] ^= 0x40;
    check_refused(t, img, len, "checksum");
    if (t->current_failed) { free(img); return; }
    memcpy(img, dict_builtin_image, len);
    /* another format version */
    uint32_t format;
    memcpy(&format, img + 8, 4);
    format++;
    memcpy(img + 8, &format, 4);
    check_refused(t, img, len, "format");
    if (t->current_failed) { free(img); return; }
    memcpy(img, dict_builtin_image, len);
    check_refused(t, img, len - 8, "truncated");
    if (t->current_failed) { free(img); return; }
    /* the nested dictionary image damaged, the outer checksum sealed again */
    size_t ndict, one;
    size_t at = section_at(img, IXS_DICT, &one, &ndict);
    img[at + ndict / 2] ^= 1;
    ix_image_seal(img, len);
    check_refused(t, img, len, "dictionary");
    free(img);
}

/* Damage the checksum cannot see (sealed again) is caught by validation. */
static void test_sealed_damage_is_refused(tctx *t)
{
    unsigned char *img = image_copy();
    CHECK(img != NULL);
    size_t len = dict_builtin_image_len, n;
    dyad_dict *d;
    dict_index *ix;
    char err[512];
    struct { unsigned section; size_t field, size; const char *why; } cases[] = {
        {IXS_PATTERNS, offsetof(ix_pattern, ntoks), 2, "corrupt pattern"},
        {IXS_PATTERNS, offsetof(ix_pattern, code), 4, "corrupt pattern"},
        {IXS_PTOKS, offsetof(ix_ptok, lit), 4, "corrupt pattern token"},
        {IXS_ROOTS, offsetof(ix_root, owner), 4, "corrupt root"},
        {IXS_VERBS, offsetof(ix_verb, first_pattern), 4, "corrupt verb"},
        {IXS_ORDER, 0, 4, "corrupt root order"},
        {IXS_LITS, 0, 4, "corrupt literal"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        memcpy(img, dict_builtin_image, len);
        size_t elem;
        size_t at = section_at(img, cases[k].section, &elem, &n);
        CHECK(n > 0);
        /* the last element; of the pattern tokens the first word, since
         * only a word's literal index is an index */
        size_t pick = n - 1;
        if (cases[k].section == IXS_PTOKS) {
            const ix_ptok *pt = (const ix_ptok *)(img + at);
            for (pick = 0; pick < n && pt[pick].kind != IX_PT_WORD; pick++) {}
            CHECK(pick < n);
        }
        memset(img + at + pick * elem + cases[k].field, 0xEE, cases[k].size);
        ix_image_seal(img, len);
        err[0] = 0;
        int rc = ix_image_load(img, len, &d, &ix, err, sizeof err);
        if (rc == 0) { ix_free(ix); dict_free(d); }
        if (!strstr(err, cases[k].why)) fprintf(stderr, "  case %zu: expected \"%s\", got \"%s\"\n", k, cases[k].why, err);
        CHECK(rc == -1 && d == NULL && ix == NULL);
        CHECK(strstr(err, cases[k].why) != NULL);
    }
    /* an image must be aligned for its arrays to be used in place */
    unsigned char *odd = malloc(len + 1);
    CHECK(odd != NULL);
    memcpy(odd + 1, dict_builtin_image, len);
    err[0] = 0;
    CHECK(ix_image_load(odd + 1, len, &d, &ix, err, sizeof err) == -1);
    CHECK(strstr(err, "aligned") != NULL);
    free(odd);
    free(img);
}

/* The user's dictionaries are loaded before the built-in ones, so that
 * theirs win: the image (built-in only) cannot serve, and is not used. */
static void test_user_files_read_the_text(tctx *t)
{
    char path[] = "/tmp/dyad-image-test-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    const char *actors = "RUSSIA [ZZZ]\n";
    CHECK(write(fd, actors, strlen(actors)) == (ssize_t)strlen(actors));
    close(fd);
    const char *list[] = {path};
    dyad_coder_config cfg = {0};
    cfg.builtin = 1;
    cfg.actors = list;
    cfg.nactors = 1;
    dyad_coder *c = dyad_coder_new(&cfg);
    unlink(path);
    CHECK(c != NULL);
    CHECK(dict_image_bytes(c->dict) == 0);
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    dyad_coder_work *w = dyad_coder_work_new(c, NULL);
    dyad_document doc = {0};
    doc.id = "x";
    doc.text = "Russia attacked Ukraine on Tuesday.";
    doc.len = strlen(doc.text);
    doc.format = DYAD_FORMAT_TEXT;
    dyad_analysis a;
    const dyad_event *ev;
    size_t n = 0;
    CHECK(p && w && dyad_analyze(p, &doc, &a) == 0 && dyad_code(w, &a, &ev, &n) == 0);
    CHECK_INT(n, 1);
    CHECK_STR(ev[0].source, "ZZZ");
    dyad_coder_work_free(w);
    dyad_pipeline_free(p);
    dyad_coder_free(c);
}

void suite_builtin_image(tctx *t)
{
    RUN(t, test_image_is_the_compiled_text);
    RUN(t, test_image_codes_as_the_text);
    RUN(t, test_damaged_image_is_refused);
    RUN(t, test_sealed_damage_is_refused);
    RUN(t, test_user_files_read_the_text);
}
