/* dict_index_image.c -- a dictionary and its compiled index in one image
 * (dict_index.h, "compiled images"): what lets `dyad code` start in a few
 * milliseconds with the built-in dictionaries instead of parsing them and
 * expanding a quarter of a million patterns at every start.
 *
 * Layout (integers in the writer's byte order, which the header records;
 * sections 8-byte aligned), the same scheme as a dictionary image:
 *
 *   0  "DYADINDX"          8  u32 format        12 u32 0x01020304
 *  16  u64 total length   24  u64 checksum of bytes [32, total)
 *  32  u64 layout signature (sizes and field offsets of the stored structs)
 *  40  char[16] dyad version that wrote it
 *  56  u32 number of sections (IXS_COUNT)    60 u32 zero
 *  64  section table: {u32 id, u32 element size, u64 offset, u64 count}
 *
 * then the sections: the dictionary as a complete dict image of its own
 * (validated by dict_image.c), a text section of NUL-terminated strings,
 * and the index's arrays.  Arrays of plain indexes are stored as they lie
 * in memory and used in place; the three that hold pointers (literals,
 * groups, pattern texts) are stored with offsets into the text section
 * and rebuilt at load. */
#include "dict_image_private.h"
#include "dict_index_private.h"
#include <stddef.h>
#include <stdlib.h>

#define IX_MAGIC "DYADINDX"
#define IX_BYTE_ORDER 0x01020304u
#define IX_HEADER 64u
#define IX_CHECKED_FROM 32u
#define IX_ALIGN 8u
#define IX_KEY_WORDS (sizeof(((dict_index *)0)->key_bits) / sizeof(uint64_t))

/* ix_lit and ix_group_rec without their pointer: an offset into the text. */
typedef struct ixi_lit { uint32_t off, hash; uint16_t len; uint8_t flags, pad; } ixi_lit;
typedef struct ixi_group { uint32_t off, len, first, n; } ixi_group;

static size_t section_elem(unsigned id)
{
    static const size_t elem[IXS_COUNT] = {
        [IXS_DICT] = 1, [IXS_TEXT] = 1, [IXS_LITS] = sizeof(ixi_lit), [IXS_ROOTS] = sizeof(ix_root),
        [IXS_ORDER] = sizeof(uint32_t), [IXS_GROUPS] = sizeof(ixi_group), [IXS_SLOTS] = sizeof(uint32_t),
        [IXS_KEY_BITS] = sizeof(uint64_t), [IXS_CODES] = sizeof(ix_code), [IXS_PTOKS] = sizeof(ix_ptok),
        [IXS_PATTERNS] = sizeof(ix_pattern), [IXS_VERBS] = sizeof(ix_verb), [IXS_AGENTS] = sizeof(ix_agent),
        [IXS_PATTERN_TEXT] = sizeof(uint32_t)};
    return elem[id];
}

/* Sizes and offsets of everything used in place: an image from a build
 * whose structs lie differently is foreign, not corrupt. */
static uint64_t layout_signature(void)
{
    const uint64_t facts[] = {
        sizeof(ix_root), offsetof(ix_root, nlits), offsetof(ix_root, length), offsetof(ix_root, kind),
        offsetof(ix_root, endings), offsetof(ix_root, end_at), offsetof(ix_root, owner),
        offsetof(ix_root, phrase), sizeof(ix_code), offsetof(ix_code, second), offsetof(ix_code, shift),
        offsetof(ix_code, flags), sizeof(ix_ptok), offsetof(ix_ptok, kind), offsetof(ix_ptok, flags),
        sizeof(ix_pattern), offsetof(ix_pattern, first_tok), offsetof(ix_pattern, ntoks),
        offsetof(ix_pattern, verb_at), offsetof(ix_pattern, length), offsetof(ix_pattern, code),
        offsetof(ix_pattern, phrase), sizeof(ix_verb), offsetof(ix_verb, first_pattern),
        offsetof(ix_verb, npatterns), offsetof(ix_verb, section), sizeof(ix_agent),
        offsetof(ix_agent, prefix), sizeof(bool), sizeof(ixi_lit), sizeof(ixi_group), IX_KEY_WORDS,
        IXS_COUNT, IX_KINDS, IX_PT_PP_CLOSE, IX_HASH_INIT};
    return img_hash64(facts, sizeof facts, 0x696e646578ull);
}

static inline uint64_t read64(const unsigned char *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline uint32_t read32(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static size_t align_up(size_t n) { return (n + IX_ALIGN - 1) & ~(size_t)(IX_ALIGN - 1); }

void ix_image_seal(void *data, size_t len)
{
    if (len < IX_HEADER) return;
    uint64_t sum = img_hash64((unsigned char *)data + IX_CHECKED_FROM, len - IX_CHECKED_FROM, 0);
    memcpy((unsigned char *)data + 24, &sum, 8);
}

/* ---- writing --------------------------------------------------------------------- */

/* The text section: each distinct string once (literals share their
 * folded words, groups are named by their first literal). */
typedef struct text_table {
    sbuf bytes;
    uint32_t *slots; /* offset + 1; 0 = empty */
    size_t nslots, n;
} text_table;

static uint32_t fnv(const char *s, size_t n)
{
    uint32_t h = IX_HASH_INIT;
    for (size_t i = 0; i < n; i++) h = ix_hash_step(h, (unsigned char)s[i]);
    return h;
}

static int text_grow(text_table *t)
{
    size_t ncap = t->nslots ? t->nslots * 2 : 1024;
    uint32_t *ns = calloc(ncap, sizeof *ns);
    if (!ns) return -1;
    for (size_t i = 0; i < t->nslots; i++) {
        if (!t->slots[i]) continue;
        const char *s = t->bytes.data + t->slots[i] - 1;
        size_t j = fnv(s, strlen(s)) & (ncap - 1);
        while (ns[j]) j = (j + 1) & (ncap - 1);
        ns[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = ns;
    t->nslots = ncap;
    return 0;
}

static int text_add(text_table *t, const char *s, size_t n, uint32_t *off)
{
    if ((t->n + 1) * 2 > t->nslots && text_grow(t)) return -1;
    size_t j = fnv(s, n) & (t->nslots - 1);
    while (t->slots[j]) {
        const char *have = t->bytes.data + t->slots[j] - 1;
        if (strncmp(have, s, n) == 0 && have[n] == 0) {
            *off = t->slots[j] - 1;
            return 0;
        }
        j = (j + 1) & (t->nslots - 1);
    }
    if (t->bytes.len + n + 1 >= UINT32_MAX) return -1;
    *off = (uint32_t)t->bytes.len;
    if (sbuf_append(&t->bytes, s, n) || sbuf_putc(&t->bytes, 0)) return -1;
    t->slots[j] = *off + 1;
    t->n++;
    return 0;
}

int ix_image_build(const dict_index *ix, void **out, size_t *len, char *err, size_t errcap)
{
    *out = NULL;
    *len = 0;
    void *dimg = NULL;
    size_t dlen = 0;
    text_table text = {0};
    ixi_lit *lits = calloc(ix->nlits + 1, sizeof *lits);
    ixi_group *groups = calloc(ix->ngroups + 1, sizeof *groups);
    uint32_t *ptext = calloc(ix->npattern_text + 1, sizeof *ptext);
    int rc = -1;
    if (!lits || !groups || !ptext) { img_fail(err, errcap, "out of memory"); goto done; }
    if (dict_image_build_embedded(ix->d, &dimg, &dlen, err, errcap)) goto done;
    for (size_t i = 0; i < ix->nlits; i++) {
        const ix_lit *l = &ix->lits[i];
        if (text_add(&text, l->s, l->len, &lits[i].off)) { img_fail(err, errcap, "out of memory"); goto done; }
        lits[i].hash = l->hash;
        lits[i].len = l->len;
        lits[i].flags = l->flags;
    }
    for (size_t i = 0; i < ix->ngroups; i++) {
        const ix_group_rec *g = &ix->groups[i];
        if (text_add(&text, g->s, g->len, &groups[i].off)) { img_fail(err, errcap, "out of memory"); goto done; }
        groups[i].len = g->len;
        groups[i].first = g->first;
        groups[i].n = g->n;
    }
    for (size_t i = 0; i < ix->npattern_text; i++) {
        const char *s = ix->pattern_text[i];
        if (text_add(&text, s, strlen(s), &ptext[i])) { img_fail(err, errcap, "out of memory"); goto done; }
    }
    if (!text.bytes.len && sbuf_putc(&text.bytes, 0)) { img_fail(err, errcap, "out of memory"); goto done; }

    const void *src[IXS_COUNT] = {dimg, text.bytes.data, lits, ix->roots, ix->order, groups, ix->slots,
                                  ix->key_bits, ix->codes, ix->ptoks, ix->patterns, ix->verbs, ix->agents,
                                  ptext};
    const size_t count[IXS_COUNT] = {dlen, text.bytes.len, ix->nlits, ix->nroots, ix->nroots, ix->ngroups,
                                     ix->nslots, IX_KEY_WORDS, ix->ncodes, ix->nptoks, ix->npatterns,
                                     ix->nverbs, ix->nagents, ix->npattern_text};
    img_section table[IXS_COUNT];
    size_t at = IX_HEADER + sizeof table;
    for (unsigned i = 0; i < IXS_COUNT; i++) {
        at = align_up(at);
        table[i] = (img_section){i, (uint32_t)section_elem(i), at, count[i]};
        at += count[i] * section_elem(i);
    }
    size_t total = align_up(at);
    unsigned char *buf = calloc(1, total);
    if (!buf) { img_fail(err, errcap, "out of memory (%zu bytes)", total); goto done; }
    for (unsigned i = 0; i < IXS_COUNT; i++)
        if (count[i]) memcpy(buf + table[i].offset, src[i], count[i] * section_elem(i));
    memcpy(buf, IX_MAGIC, 8);
    uint32_t format = IX_IMAGE_FORMAT, order = IX_BYTE_ORDER, nsec = IXS_COUNT;
    uint64_t total64 = total, layout = layout_signature();
    memcpy(buf + 8, &format, 4);
    memcpy(buf + 12, &order, 4);
    memcpy(buf + 16, &total64, 8);
    memcpy(buf + 32, &layout, 8);
    strncpy((char *)buf + 40, DYAD_VERSION, 15);
    memcpy(buf + 56, &nsec, 4);
    memcpy(buf + IX_HEADER, table, sizeof table);
    ix_image_seal(buf, total);
    *out = buf;
    *len = total;
    rc = 0;
done:
    free(dimg);
    sbuf_free(&text.bytes);
    free(text.slots);
    free(lits);
    free(groups);
    free(ptext);
    return rc;
}

/* ---- reading ----------------------------------------------------------------------- */

typedef struct ix_view {
    const void *at[IXS_COUNT];
    size_t n[IXS_COUNT];
} ix_view;

static int parse(const unsigned char *base, size_t len, ix_view *v, char *err, size_t cap)
{
    if ((uintptr_t)base % IX_ALIGN) return img_fail(err, cap, "image not aligned to %u bytes", IX_ALIGN);
    if (len < IX_HEADER) return img_fail(err, cap, "too short to be an index image (%zu bytes)", len);
    if (memcmp(base, IX_MAGIC, 8) != 0) return img_fail(err, cap, "not a dyad index image");
    uint32_t format = read32(base + 8), order = read32(base + 12);
    if (order != IX_BYTE_ORDER) return img_fail(err, cap, "written on a machine of another byte order");
    if (format != IX_IMAGE_FORMAT)
        return img_fail(err, cap, "index image format %u, but this dyad reads format %u", format,
                        IX_IMAGE_FORMAT);
    uint64_t total = read64(base + 16);
    if (total != len)
        return img_fail(err, cap, "%s: the header says %llu bytes, the image has %zu",
                        total > len ? "truncated" : "trailing bytes", (unsigned long long)total, len);
    if (img_hash64(base + IX_CHECKED_FROM, len - IX_CHECKED_FROM, 0) != read64(base + 24))
        return img_fail(err, cap, "checksum mismatch: the index image is corrupt");
    if (read64(base + 32) != layout_signature())
        return img_fail(err, cap, "written by a dyad build whose data layout differs");
    char writer[17];
    memcpy(writer, base + 40, 16);
    writer[16] = 0;
    if (strcmp(writer, DYAD_VERSION) != 0)
        return img_fail(err, cap, "written by dyad %.16s, this is dyad %s", writer, DYAD_VERSION);
    if (read32(base + 56) != IXS_COUNT) return img_fail(err, cap, "corrupt header (section count)");
    size_t table_end = IX_HEADER + IXS_COUNT * sizeof(img_section);
    if (table_end > len) return img_fail(err, cap, "truncated section table");
    for (unsigned i = 0; i < IXS_COUNT; i++) {
        img_section s;
        memcpy(&s, base + IX_HEADER + i * sizeof s, sizeof s);
        size_t elem = section_elem(i);
        if (s.id != i || s.elem != elem || s.offset % IX_ALIGN || s.offset < table_end || s.offset > len ||
            s.count > (len - s.offset) / elem || s.count >= DICT_NONE)
            return img_fail(err, cap, "corrupt section table (section %u)", i);
        v->at[i] = base + s.offset;
        v->n[i] = (size_t)s.count;
    }
    return 0;
}

static bool range_ok(uint32_t first, uint32_t n, size_t total) { return first <= total && n <= total - first; }

/* Every index the coder follows, checked against the image and the
 * dictionary: after this nothing in the index can point outside its
 * arrays, and every enum and bool holds a value the builder writes. */
static int check(const ix_view *v, const dyad_dict *d, char *err, size_t cap)
{
    const size_t *n = v->n;
    const char *text = v->at[IXS_TEXT];
    size_t ntext = n[IXS_TEXT];
    if (!ntext || text[ntext - 1] != 0) return img_fail(err, cap, "corrupt text section");
    if (n[IXS_ORDER] != n[IXS_ROOTS] || n[IXS_KEY_BITS] != IX_KEY_WORDS)
        return img_fail(err, cap, "corrupt section sizes");

    const ixi_lit *lits = v->at[IXS_LITS];
    for (size_t i = 0; i < n[IXS_LITS]; i++)
        if (lits[i].off >= ntext || lits[i].len >= ntext - lits[i].off || text[lits[i].off + lits[i].len] != 0 ||
            lits[i].flags >= 1u << 7)
            return img_fail(err, cap, "corrupt literal %zu", i);

    size_t nactors, nagents, nverbs, nph[DICT_PH_KINDS];
    dict_actors(d, &nactors);
    dict_agents(d, &nagents);
    dict_verbs(d, &nverbs);
    for (int k = 0; k < DICT_PH_KINDS; k++) dict_phrases(d, (dict_phrase_kind)k, &nph[k]);
    const size_t nverb_phrases = nph[DICT_PH_VERB] > nph[DICT_PH_FORM] ? nph[DICT_PH_VERB] : nph[DICT_PH_FORM];
    const ix_root *roots = v->at[IXS_ROOTS];
    for (size_t i = 0; i < n[IXS_ROOTS]; i++) {
        const ix_root *r = &roots[i];
        size_t owners = 0, phrases = 0;
        switch (r->kind) {
        case IX_ACTOR: owners = nactors; phrases = nph[DICT_PH_ACTOR]; break;
        case IX_AGENT: owners = nagents; phrases = nph[DICT_PH_AGENT]; break;
        case IX_NOUN: phrases = nph[DICT_PH_NOUN]; break;
        case IX_ADJ: phrases = nph[DICT_PH_ADJECTIVE]; break;
        case IX_DISCARD: phrases = nph[DICT_PH_DISCARD]; break;
        case IX_VERB: case IX_TIME: case IX_ATTRIB: owners = nverbs; phrases = nverb_phrases; break;
        default: return img_fail(err, cap, "corrupt root %zu (kind)", i);
        }
        bool owner_ok = owners ? r->owner < owners : r->owner == DICT_NONE;
        if (!r->nlits || r->nlits > DICT_MAX_PHRASE_TOKENS || !range_ok(r->first_lit, r->nlits, n[IXS_LITS]) ||
            r->end_at >= r->nlits || r->endings > IX_END_VERB || !owner_ok || r->phrase >= phrases)
            return img_fail(err, cap, "corrupt root %zu", i);
    }
    const uint32_t *order = v->at[IXS_ORDER];
    for (size_t i = 0; i < n[IXS_ORDER]; i++)
        if (order[i] >= n[IXS_ROOTS]) return img_fail(err, cap, "corrupt root order %zu", i);
    const ixi_group *groups = v->at[IXS_GROUPS];
    for (size_t i = 0; i < n[IXS_GROUPS]; i++)
        if (groups[i].off >= ntext || groups[i].len >= ntext - groups[i].off ||
            text[groups[i].off + groups[i].len] != 0 || !groups[i].n ||
            !range_ok(groups[i].first, groups[i].n, n[IXS_ORDER]))
            return img_fail(err, cap, "corrupt root group %zu", i);
    /* a probe ends at an empty slot: there must be one */
    const uint32_t *slots = v->at[IXS_SLOTS];
    size_t nslots = n[IXS_SLOTS], empty = 0;
    if (!nslots || (nslots & (nslots - 1))) return img_fail(err, cap, "corrupt group table size");
    for (size_t i = 0; i < nslots; i++) {
        if (slots[i] > n[IXS_GROUPS]) return img_fail(err, cap, "corrupt group slot %zu", i);
        empty += !slots[i];
    }
    if (!empty) return img_fail(err, cap, "corrupt group table (full)");

    const ix_code *codes = v->at[IXS_CODES];
    for (size_t i = 0; i < n[IXS_CODES]; i++)
        if (!memchr(codes[i].first, 0, sizeof codes[i].first) || !memchr(codes[i].second, 0, sizeof codes[i].second) ||
            codes[i].flags >= 1u << 7)
            return img_fail(err, cap, "corrupt code %zu", i);
    const ix_ptok *ptoks = v->at[IXS_PTOKS];
    for (size_t i = 0; i < n[IXS_PTOKS]; i++)
        if (ptoks[i].kind > IX_PT_PP_CLOSE || (ptoks[i].kind == IX_PT_WORD && ptoks[i].lit >= n[IXS_LITS]) ||
            ptoks[i].flags >= 1u << 7)
            return img_fail(err, cap, "corrupt pattern token %zu", i);
    const ix_pattern *pat = v->at[IXS_PATTERNS];
    for (size_t i = 0; i < n[IXS_PATTERNS]; i++) {
        const ix_pattern *p = &pat[i];
        if (!p->ntoks || p->ntoks > IX_MAX_SEQ_TOKENS || !range_ok(p->first_tok, p->ntoks, n[IXS_PTOKS]) ||
            p->verb_at >= p->ntoks || ptoks[p->first_tok + p->verb_at].kind != IX_PT_VERB ||
            (p->code != DICT_NONE && p->code >= n[IXS_CODES]) || p->phrase >= nph[DICT_PH_PATTERN])
            return img_fail(err, cap, "corrupt pattern %zu", i);
    }
    if (n[IXS_VERBS] != nverbs || n[IXS_AGENTS] != nagents || n[IXS_PATTERN_TEXT] != nph[DICT_PH_PATTERN])
        return img_fail(err, cap, "the index does not fit its dictionary");
    const ix_verb *verbs = v->at[IXS_VERBS];
    for (size_t i = 0; i < n[IXS_VERBS]; i++)
        if ((verbs[i].code != DICT_NONE && verbs[i].code >= n[IXS_CODES]) ||
            !range_ok(verbs[i].first_pattern, verbs[i].npatterns, n[IXS_PATTERNS]) ||
            verbs[i].section > DICT_SECTION_ATTRIB)
            return img_fail(err, cap, "corrupt verb %zu", i);
    const ix_agent *agents = v->at[IXS_AGENTS];
    for (size_t i = 0; i < n[IXS_AGENTS]; i++)
        if (!memchr(agents[i].code, 0, sizeof agents[i].code) ||
            ((const unsigned char *)&agents[i])[offsetof(ix_agent, prefix)] > 1)
            return img_fail(err, cap, "corrupt agent %zu", i);
    const uint32_t *ptext = v->at[IXS_PATTERN_TEXT];
    for (size_t i = 0; i < n[IXS_PATTERN_TEXT]; i++)
        if (ptext[i] >= ntext) return img_fail(err, cap, "corrupt pattern text %zu", i);
    return 0;
}

int ix_image_load(const void *data, size_t len, dyad_dict **dout, dict_index **ixout, char *err, size_t cap)
{
    *dout = NULL;
    *ixout = NULL;
    ix_view v;
    if (parse(data, len, &v, err, cap)) return -1;
    dyad_dict *d = dict_new();
    dict_index *ix = calloc(1, sizeof *ix);
    if (!d || !ix) { img_fail(err, cap, "out of memory"); goto fail; }
    char sub[400];
    if (dict_image_load_static(d, v.at[IXS_DICT], v.n[IXS_DICT], sub, sizeof sub)) {
        img_fail(err, cap, "its dictionary: %s", sub);
        goto fail;
    }
    if (check(&v, d, err, cap)) goto fail;

    ix->d = d;
    arena_init(&ix->text);
    ix->from_image = true;
    const char *text = v.at[IXS_TEXT];
    ix->lits = malloc((v.n[IXS_LITS] + 1) * sizeof *ix->lits);
    ix->groups = malloc((v.n[IXS_GROUPS] + 1) * sizeof *ix->groups);
    ix->pattern_text = malloc((v.n[IXS_PATTERN_TEXT] + 1) * sizeof *ix->pattern_text);
    if (!ix->lits || !ix->groups || !ix->pattern_text) { img_fail(err, cap, "out of memory"); goto fail; }
    const ixi_lit *lits = v.at[IXS_LITS];
    for (size_t i = 0; i < v.n[IXS_LITS]; i++)
        ix->lits[i] = (ix_lit){text + lits[i].off, lits[i].hash, lits[i].len, lits[i].flags};
    ix->nlits = ix->cap_lits = v.n[IXS_LITS];
    const ixi_group *groups = v.at[IXS_GROUPS];
    for (size_t i = 0; i < v.n[IXS_GROUPS]; i++)
        ix->groups[i] = (ix_group_rec){text + groups[i].off, groups[i].len, groups[i].first, groups[i].n};
    ix->ngroups = ix->cap_groups = v.n[IXS_GROUPS];
    const uint32_t *ptext = v.at[IXS_PATTERN_TEXT];
    for (size_t i = 0; i < v.n[IXS_PATTERN_TEXT]; i++) ix->pattern_text[i] = text + ptext[i];
    ix->npattern_text = v.n[IXS_PATTERN_TEXT];
    memcpy(ix->key_bits, v.at[IXS_KEY_BITS], sizeof ix->key_bits);
    /* used in place: the index only reads them (ix_free knows not to free) */
    ix->roots = (ix_root *)(uintptr_t)v.at[IXS_ROOTS];
    ix->nroots = ix->cap_roots = v.n[IXS_ROOTS];
    ix->order = (uint32_t *)(uintptr_t)v.at[IXS_ORDER];
    ix->slots = (uint32_t *)(uintptr_t)v.at[IXS_SLOTS];
    ix->nslots = v.n[IXS_SLOTS];
    ix->codes = (ix_code *)(uintptr_t)v.at[IXS_CODES];
    ix->ncodes = ix->cap_codes = v.n[IXS_CODES];
    ix->ptoks = (ix_ptok *)(uintptr_t)v.at[IXS_PTOKS];
    ix->nptoks = ix->cap_ptoks = v.n[IXS_PTOKS];
    ix->patterns = (ix_pattern *)(uintptr_t)v.at[IXS_PATTERNS];
    ix->npatterns = ix->cap_patterns = v.n[IXS_PATTERNS];
    ix->verbs = (ix_verb *)(uintptr_t)v.at[IXS_VERBS];
    ix->nverbs = v.n[IXS_VERBS];
    ix->agents = (ix_agent *)(uintptr_t)v.at[IXS_AGENTS];
    ix->nagents = v.n[IXS_AGENTS];
    ix->bytes = len + v.n[IXS_LITS] * sizeof *ix->lits + v.n[IXS_GROUPS] * sizeof *ix->groups +
                v.n[IXS_PATTERN_TEXT] * sizeof *ix->pattern_text;
    *dout = d;
    *ixout = ix;
    return 0;
fail:
    if (ix) {
        ix->from_image = true; /* nothing of the image was taken over yet */
        ix_free(ix);
    }
    dict_free(d);
    return -1;
}
