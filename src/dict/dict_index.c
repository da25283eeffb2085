/*
 * dict_index.c -- roots grouped by first literal, expanded and sorted
 * patterns, parsed codes: everything the coder matches against, built once
 * from a dyad_dict (see dict_index.h).
 */
#include "dict_index.h"
#include <utf8proc.h>
#include "dict_private.h"
#include <stdlib.h>
#include "dict_index_private.h"

/* Expansion bounds: a hostile dictionary could multiply alternatives and
 * nested synsets without end; real ones stay far below these. */
#define IX_MAX_SYNSET_EXPANSIONS 512
#define IX_MAX_PATTERN_EXPANSIONS 2048

/* ---- folding ------------------------------------------------------------- */

/* Base letters of U+00C0..U+00FF and U+0100..U+017F; '?' keeps the bytes. */
static const char latin1_base[] = "aaaaaaaceeeeiiiidnooooo?ouuuuyts"
                                  "aaaaaaaceeeeiiiidnooooo?ouuuuyty";
static const char latin_ext_a_base[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkk"
                                       "llllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuu"
                                       "wwyyyzzzzzzs";

size_t ix_fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    if (!cap) return 0;
    /* Beyond ASCII, fold the NFC form, case-folded by Unicode's rules:
     * "Erdog" + U+0306 + "an" and "Erdoğan", "ΑΘΗΝΑ" and "αθηνα" are then
     * one word on both sides (dictionary and sentence).  ASCII words, the
     * common case, skip the library call. */
    size_t nonascii = 0;
    while (nonascii < n && (unsigned char)s[nonascii] < 0x80) nonascii++;
    utf8proc_uint8_t *nfc = NULL;
    if (nonascii < n) {
        utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &nfc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
        if (m >= 0) {
            s = (const char *)nfc;
            n = (size_t)m;
        }
    }
    for (size_t i = 0; i < n && k + 1 < cap;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[k++] = (char)ch_lower(c);
            i++;
            continue;
        }
        size_t adv;
        uint32_t cp = utf8_decode((const unsigned char *)s + i, n - i, &adv);
        char base = 0;
        if (cp >= 0xC0 && cp <= 0xFF) base = latin1_base[cp - 0xC0];
        else if (cp >= 0x100 && cp <= 0x17F) base = latin_ext_a_base[cp - 0x100];
        else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) base = '\'';
        if (base && base != '?') {
            out[k++] = base;
        } else {
            if (k + adv >= cap) break;
            memcpy(out + k, s + i, adv);
            k += adv;
        }
        i += adv;
    }
    out[k] = 0;
    free(nfc);
    return k;
}

/* ---- small growable arrays ---------------------------------------------- */

static void *grow(void *v, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return v;
    size_t ncap = *cap ? *cap : 64;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem) return NULL;
        ncap *= 2;
    }
    void *nv = realloc(v, ncap * elem);
    if (!nv) return NULL;
    *cap = ncap;
    return nv;
}

/* Appends one element to ix->arr (count ix->n, capacity ix->cap); NULL
 * when memory ran out (the array is then left as it was). */
#define PUSH(ix, arr, n, cap)                                                          \
    (grow_into((void **)&(arr), &(ix)->cap, (ix)->n + 1, sizeof *(arr)) ? NULL : &(arr)[(ix)->n++])

static int grow_into(void **v, size_t *cap, size_t need, size_t elem)
{
    void *nv = grow(*v, cap, need, elem);
    if (!nv) return -1;
    *v = nv;
    memset((char *)nv + (need - 1) * elem, 0, elem);
    return 0;
}

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* ---- literals -------------------------------------------------------------- */

static const char *folded_string(dict_index *ix, uint32_t id, uint16_t *len)
{
    uint32_t at = dict_map_get(&ix->folded_by_id, id);
    if (at == DICT_NONE) {
        const char *w = dict_string(ix->d, id);
        char buf[DICT_MAX_WORD * 2 + 8];
        size_t k = ix_fold(w, strlen(w), buf, sizeof buf);
        char *copy = arena_strndup(&ix->text, buf, k);
        const char **slot = copy ? PUSH(ix, ix->folded_strs, nfolded, cap_folded) : NULL;
        if (!slot) return NULL;
        *slot = copy;
        at = (uint32_t)(ix->nfolded - 1);
        if (dict_map_put(&ix->folded_by_id, id, at)) return NULL;
    }
    *len = (uint16_t)strlen(ix->folded_strs[at]);
    return ix->folded_strs[at];
}

static uint32_t add_lit(dict_index *ix, uint32_t word, uint8_t flags)
{
    uint16_t len;
    const char *s = folded_string(ix, word, &len);
    if (!s) return DICT_NONE;
    ix_lit *l = PUSH(ix, ix->lits, nlits, cap_lits);
    if (!l) return DICT_NONE;
    l->s = s;
    l->len = len;
    l->flags = flags;
    l->hash = IX_HASH_INIT;
    for (uint16_t i = 0; i < len; i++) l->hash = ix_hash_step(l->hash, (unsigned char)s[i]);
    return (uint32_t)(ix->nlits - 1);
}

static bool petrarch_file(const dict_index *ix, uint32_t file)
{
    const dict_file *f = dict_file_at(ix->d, file);
    return f && f->syntax == DICT_SYNTAX_PETRARCH;
}

static uint8_t lit_flags(uint8_t tf)
{
    uint8_t f = 0;
    if (tf & DICT_TF_EXACT) f |= IX_LIT_EXACT;
    if (tf & DICT_TF_ADJACENT) f |= IX_LIT_ADJ;
    if (tf & DICT_TF_NO_ENDINGS) f |= IX_LIT_NO_ENDINGS;
    if (tf & DICT_TF_VERB_WORD) f |= IX_LIT_VERB_WORD;
    return f;
}


static bool suffix_is(const char *w, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return n == m && memcmp(w, suffix, m) == 0;
}

/* PETRARCH2's regular forms (its dictionary documentation): plurals
 * add S, IES for a final Y, ES after SS; verbs take S/ES/IES, ED/D/IED
 * and ING (a final E dropped). */
static bool petrarch_form(const ix_lit *l, const char *w, size_t n, int endings)
{
    const char *s = l->s;
    size_t m = l->len;
    bool y = m > 1 && s[m - 1] == 'y' && !strchr("aeiou", s[m - 2]);
    bool e = m > 1 && s[m - 1] == 'e';
    bool sib = (m > 0 && strchr("sxz", s[m - 1])) ||
               (m > 1 && (s[m - 1] == 'h' && (s[m - 2] == 'c' || s[m - 2] == 's')));
    if (y && n == m + 2 && memcmp(w, s, m - 1) == 0 &&
        (memcmp(w + m - 1, "ies", 3) == 0 || (endings == IX_END_VERB && memcmp(w + m - 1, "ied", 3) == 0)))
        return true;
    if (e && endings == IX_END_VERB && n == m + 2 && memcmp(w, s, m - 1) == 0 && memcmp(w + m - 1, "ing", 3) == 0)
        return true;
    if (n < m || memcmp(w, s, m) != 0) return false;
    const char *r = w + m;
    size_t rn = n - m;
    if (endings == IX_END_NOUN) {
        if (y) return false;
        if (m > 1 && s[m - 1] == 's' && s[m - 2] == 's') return suffix_is(r, rn, "es");
        return suffix_is(r, rn, "s");
    }
    if (y) return false;
    if (suffix_is(r, rn, sib ? "es" : "s")) return true;
    if (suffix_is(r, rn, e ? "d" : "ed")) return true;
    return !e && suffix_is(r, rn, "ing");
}

bool ix_lit_matches(const ix_lit *l, const char *w, size_t n, bool last, int endings)
{
    if (l->flags & IX_LIT_PETRARCH) {
        if (n == l->len && memcmp(w, l->s, n) == 0) return true;
        if (!last || endings == IX_END_NONE || (l->flags & IX_LIT_NO_ENDINGS)) return false;
        return petrarch_form(l, w, n, endings);
    }
    if (n < l->len || !l->len || w[0] != l->s[0] || memcmp(w, l->s, l->len) != 0) return false;
    if (l->flags & IX_LIT_NO_ENDINGS) return n == l->len; /* MOUSE=: "mouse" only */
    if (!(l->flags & IX_LIT_EXACT)) return true;
    if (n == l->len) return true;
    if (!last || endings == IX_END_NONE || (l->flags & IX_LIT_NO_ENDINGS)) return false;
    const char *r = w + l->len;
    size_t rn = n - l->len;
    if (endings == IX_END_NOUN)
        return suffix_is(r, rn, "s") || suffix_is(r, rn, "'s") || suffix_is(r, rn, "es") ||
               suffix_is(r, rn, "'");
    bool e_final = l->len > 0 && l->s[l->len - 1] == 'e';
    if (suffix_is(r, rn, "s") || suffix_is(r, rn, "ed") || suffix_is(r, rn, "es") ||
        suffix_is(r, rn, "en") || suffix_is(r, rn, "ing"))
        return true;
    /* DEPLORE_ takes "deplored": the ending's E is the stem's */
    return e_final && (suffix_is(r, rn, "d") || suffix_is(r, rn, "n"));
}

/* ---- roots ------------------------------------------------------------------- */

static int add_root(dict_index *ix, const dict_phrase *p, ix_kind kind, int endings,
                    uint32_t owner, uint32_t phrase)
{
    const dict_token *t = dict_tokens(ix->d) + p->first;
    uint32_t first = (uint32_t)ix->nlits, length = 0;
    uint16_t n = 0, end_at = DICT_NONE & 0xFFFF;
    bool petrarch = petrarch_file(ix, p->file);
    for (uint32_t i = 0; i < p->n; i++) {
        if (t[i].kind != DICT_TOK_WORD) {
            /* actor slots and groups have no place in a root */
            ix->nlits = first;
            return 0;
        }
        if (t[i].flags & DICT_TF_VERB_WORD) end_at = n;
        uint8_t lf = lit_flags(t[i].flags);
        if (petrarch) lf |= IX_LIT_PETRARCH | IX_LIT_EXACT;
        uint32_t li = add_lit(ix, t[i].value, lf);
        if (li == DICT_NONE) return -1;
        length += ix->lits[li].len;
        n++;
    }
    if (!n) return 0;
    ix->lits[ix->nlits - 1].flags &= (uint8_t)~IX_LIT_ADJ;
    ix_root *r = PUSH(ix, ix->roots, nroots, cap_roots);
    if (!r) return -1;
    r->first_lit = first;
    r->nlits = n;
    r->length = (uint16_t)(length > UINT16_MAX ? UINT16_MAX : length);
    r->kind = (uint8_t)kind;
    r->endings = (uint8_t)endings;
    r->end_at = end_at < n ? end_at : (uint16_t)(n - 1);
    r->owner = owner;
    r->phrase = phrase;
    return 0;
}

static int add_phrase_roots(dict_index *ix, dict_phrase_kind pk, ix_kind kind, int endings)
{
    size_t n;
    const dict_phrase *ph = dict_phrases(ix->d, pk, &n);
    for (size_t i = 0; i < n; i++) {
        int e = endings;
        if (kind == IX_AGENT && (ph[i].flags & (DICT_PF_NO_PLURAL | DICT_PF_PLURAL))) e = IX_END_NONE;
        uint32_t owner = kind == IX_NOUN || kind == IX_ADJ || kind == IX_DISCARD ? DICT_NONE : ph[i].owner;
        if (add_root(ix, &ph[i], kind, e, owner, (uint32_t)i)) return -1;
    }
    return 0;
}

static int add_verb_roots(dict_index *ix)
{
    size_t nv, nb;
    const dict_verb *v = dict_verbs(ix->d, &nv);
    const dict_verb_block *b = dict_verb_blocks(ix->d, &nb);
    const dict_phrase *vp = dict_phrases(ix->d, DICT_PH_VERB, NULL);
    const dict_phrase *fp = dict_phrases(ix->d, DICT_PH_FORM, NULL);
    for (size_t i = 0; i < nv; i++) {
        uint8_t section = v[i].block < nb ? b[v[i].block].section : DICT_SECTION_VERBS;
        ix_kind kind = section == DICT_SECTION_TIME ? IX_TIME :
                       section == DICT_SECTION_ATTRIB ? IX_ATTRIB : IX_VERB;
        if (add_root(ix, &vp[v[i].phrase], kind, IX_END_VERB, (uint32_t)i, v[i].phrase)) return -1;
        for (uint32_t f = 0; f < v[i].nforms; f++)
            if (add_root(ix, &fp[v[i].first_form + f], kind, IX_END_VERB, (uint32_t)i,
                         v[i].first_form + f))
                return -1;
    }
    return 0;
}

static const uint8_t kind_rank[IX_KINDS] = {
    [IX_ACTOR] = 0, [IX_AGENT] = 1, [IX_NOUN] = 2, [IX_ADJ] = 3,
    [IX_VERB] = 4, [IX_TIME] = 5, [IX_ATTRIB] = 6, [IX_DISCARD] = 7};

static bool root_before(const dict_index *ix, uint32_t a, uint32_t b)
{
    const ix_root *ra = &ix->roots[a], *rb = &ix->roots[b];
    if (ra->length != rb->length) return ra->length > rb->length;
    if (ra->kind != rb->kind) return kind_rank[ra->kind] < kind_rank[rb->kind];
    return a < b;
}

/* Bottom-up merge sort of root indexes (no recursion, no global state:
 * qsort has no context argument).  tmp holds n elements. */
static void sort_roots(const dict_index *ix, uint32_t *v, uint32_t *tmp, size_t n)
{
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = root_before(ix, v[j], v[i]) ? v[j++] : v[i++];
            while (i < mid) tmp[k++] = v[i++];
            while (j < hi) tmp[k++] = v[j++];
        }
        memcpy(v, tmp, n * sizeof *v);
    }
}

static uint32_t *group_slot(dict_index *ix, const char *s, size_t n)
{
    size_t j = hash_bytes(s, n) & (ix->nslots - 1);
    while (ix->slots[j]) {
        const ix_group_rec *g = &ix->groups[ix->slots[j] - 1];
        if (g->len == n && memcmp(g->s, s, n) == 0) break;
        j = (j + 1) & (ix->nslots - 1);
    }
    return &ix->slots[j];
}

static int build_groups(dict_index *ix)
{
    size_t want = 64;
    while (want < ix->nroots * 2 + 64) want *= 2;
    ix->slots = calloc(want, sizeof *ix->slots);
    uint32_t *group_of = malloc((ix->nroots + 1) * sizeof *group_of);
    ix->order = malloc((ix->nroots + 1) * sizeof *ix->order);
    if (!ix->slots || !group_of || !ix->order) { free(group_of); return -1; }
    ix->nslots = want;
    for (size_t r = 0; r < ix->nroots; r++) {
        const ix_lit *l = &ix->lits[ix->roots[r].first_lit];
        uint32_t *slot = group_slot(ix, l->s, l->len);
        if (!*slot) {
            ix_group_rec *g = PUSH(ix, ix->groups, ngroups, cap_groups);
            if (!g) { free(group_of); return -1; }
            g->s = l->s;
            g->len = l->len;
            g->first = g->n = 0;
            *slot = (uint32_t)ix->ngroups;
        }
        group_of[r] = *slot - 1;
        ix->groups[*slot - 1].n++;
        uint32_t h = hash_bytes(l->s, l->len);
        ix->key_bits[(h & 0xFFFF) >> 6] |= 1ull << (h & 63);
    }
    uint32_t at = 0;
    for (size_t g = 0; g < ix->ngroups; g++) {
        ix->groups[g].first = at;
        at += ix->groups[g].n;
        ix->groups[g].n = 0;
    }
    for (size_t r = 0; r < ix->nroots; r++) {
        ix_group_rec *g = &ix->groups[group_of[r]];
        ix->order[g->first + g->n++] = (uint32_t)r;
    }
    /* Groups are mostly small and nearly in file order: insertion sort,
     * and a real sort for the few big ones ("the ...", "united ...") */
    for (size_t g = 0; g < ix->ngroups; g++) {
        uint32_t *v = ix->order + ix->groups[g].first;
        if (ix->groups[g].n > 24) {
            sort_roots(ix, v, group_of, ix->groups[g].n);
            continue;
        }
        for (uint32_t i = 1; i < ix->groups[g].n; i++) {
            uint32_t x = v[i];
            uint32_t j = i;
            while (j > 0 && root_before(ix, x, v[j - 1])) { v[j] = v[j - 1]; j--; }
            v[j] = x;
        }
    }
    free(group_of);
    return 0;
}

const uint32_t *ix_group(const dict_index *ix, const char *s, size_t n, size_t *count)
{
    *count = 0;
    if (!ix->nslots) return NULL;
    size_t j = hash_bytes(s, n) & (ix->nslots - 1);
    while (ix->slots[j]) {
        const ix_group_rec *g = &ix->groups[ix->slots[j] - 1];
        if (g->len == n && memcmp(g->s, s, n) == 0) {
            *count = g->n;
            return ix->order + g->first;
        }
        j = (j + 1) & (ix->nslots - 1);
    }
    return NULL;
}

size_t ix_prefix_groups(const dict_index *ix, const char *w, size_t n, ix_hit *out, size_t max)
{
    size_t found = 0;
    if (!ix->nslots) return 0;
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < n; k++) {
        h = (h ^ (unsigned char)w[k]) * 16777619u;
        if (!(ix->key_bits[(h & 0xFFFF) >> 6] >> (h & 63) & 1)) continue;
        size_t j = h & (ix->nslots - 1);
        while (ix->slots[j]) {
            const ix_group_rec *g = &ix->groups[ix->slots[j] - 1];
            if (g->len == k + 1 && memcmp(g->s, w, k + 1) == 0) {
                if (found < max) {
                    out[found].prefix = (uint16_t)(k + 1);
                    out[found].count = g->n;
                    out[found].roots = ix->order + g->first;
                }
                found++;
                break;
            }
            j = (j + 1) & (ix->nslots - 1);
        }
    }
    return found;
}

/* ---- codes ------------------------------------------------------------------- */

static void copy_code(char dst[8], const char *s, size_t n)
{
    if (n > 7) n = 7;
    memcpy(dst, s, n);
    dst[n] = 0;
}

static uint32_t code_index(dict_index *ix, uint32_t sid, bool time_section)
{
    if (sid == DICT_NONE) return DICT_NONE;
    uint32_t have = dict_map_get(&ix->code_by_string, sid);
    if (have != DICT_NONE) return have;
    const char *s = dict_string(ix->d, sid);
    size_t n = strlen(s);
    ix_code c;
    memset(&c, 0, sizeof c);
    if (n == 3 && strcmp(s, "---") == 0) c.flags = IX_CODE_NULL;
    else if (n == 3 && strcmp(s, "###") == 0) c.flags = IX_CODE_DISCARD;
    else if (n == 3 && strcmp(s, "+++") == 0) c.flags = IX_CODE_COMPLEX;
    else if (time_section) {
        long v = strtol(s, NULL, 10);
        if (v > 8192 || v < -8192) v = 0; /* TABARI 10.5: larger shifts are zero */
        c.shift = (int16_t)v;
        c.flags = IX_CODE_SHIFT;
    } else {
        const char *colon = strchr(s, ':');
        size_t a = colon ? (size_t)(colon - s) : n;
        const char *second = colon ? colon + 1 : NULL;
        size_t bn = second ? n - a - 1 : 0;
        if (a && (s[a - 1] == '!' || s[a - 1] == '?')) {
            c.flags |= s[a - 1] == '!' ? IX_CODE_DOMINANT : IX_CODE_SUBORD;
            a--;
        }
        if (bn && (second[bn - 1] == '!' || second[bn - 1] == '?')) {
            c.flags |= second[bn - 1] == '!' ? IX_CODE_DOMINANT : IX_CODE_SUBORD;
            bn--;
        }
        copy_code(c.first, s, a);
        if (colon) {
            c.flags |= IX_CODE_PAIRED;
            copy_code(c.second, second, bn);
        }
    }
    ix_code *slot = PUSH(ix, ix->codes, ncodes, cap_codes);
    if (!slot) return DICT_NONE;
    *slot = c;
    uint32_t idx = (uint32_t)(ix->ncodes - 1);
    if (dict_map_put(&ix->code_by_string, sid, idx)) return DICT_NONE;
    return idx;
}

/* ---- pattern expansion ---------------------------------------------------------- */

/* A set of token sequences: tokens in one vector, ranges in another. */
typedef struct seqset {
    ix_ptok *t;   size_t nt, cap_t;
    uint32_t *at; size_t ns, cap_s;  /* start of each sequence; ends at the next */
    bool overflow;
} seqset;

static void seqset_clear(seqset *s) { s->nt = s->ns = 0; s->overflow = false; }
static void seqset_free(seqset *s) { free(s->t); free(s->at); memset(s, 0, sizeof *s); }
static size_t seq_len(const seqset *s, size_t i)
{
    return (i + 1 < s->ns ? s->at[i + 1] : s->nt) - s->at[i];
}

static int seq_begin(seqset *s)
{
    uint32_t *a = grow(s->at, &s->cap_s, s->ns + 1, sizeof *a);
    if (!a) return -1;
    s->at = a;
    s->at[s->ns++] = (uint32_t)s->nt;
    return 0;
}

static int seq_push(seqset *s, const ix_ptok *t, size_t n)
{
    if (!n) return 0;
    ix_ptok *v = grow(s->t, &s->cap_t, s->nt + n, sizeof *v);
    if (!v) return -1;
    s->t = v;
    memcpy(s->t + s->nt, t, n * sizeof *t);
    s->nt += n;
    return 0;
}

/* out = every a-sequence followed by every b-sequence.  When `adj` is set,
 * the last token of each b-sequence gets IX_LIT_ADJ (a connector after the
 * group or synset). */
static int cross(seqset *out, const seqset *a, const seqset *b, bool adj, uint8_t extra)
{
    seqset_clear(out);
    out->overflow = a->overflow || b->overflow;
    for (size_t i = 0; i < a->ns; i++) {
        for (size_t j = 0; j < b->ns; j++) {
            size_t la = seq_len(a, i), lb = seq_len(b, j);
            if (out->ns >= IX_MAX_PATTERN_EXPANSIONS || la + lb > IX_MAX_SEQ_TOKENS) {
                out->overflow = true;
                continue;
            }
            /* an empty sequence may have no storage at all: no pointer
             * arithmetic on it */
            if (seq_begin(out) || (la && seq_push(out, a->t + a->at[i], la)) ||
                (lb && seq_push(out, b->t + b->at[j], lb)))
                return -1;
            for (size_t k = out->nt - lb; k < out->nt; k++) out->t[k].flags |= extra;
            if (adj && lb) out->t[out->nt - 1].flags |= IX_LIT_ADJ;
        }
    }
    return 0;
}

typedef struct expander {
    dict_index *ix;
    seqset *synsets;     /* per dict synset: its expansions (words only) */
    size_t nsynsets;
    seqset cur, next, alt, one;
} expander;

static int ptok_from(dict_index *ix, const dict_token *t, ix_ptok *out, bool petrarch)
{
    memset(out, 0, sizeof *out);
    out->flags = lit_flags(t->flags);
    if (petrarch) out->flags |= IX_LIT_PETRARCH | IX_LIT_EXACT;
    switch (t->kind) {
    case DICT_TOK_WORD:
        out->kind = IX_PT_WORD;
        out->lit = add_lit(ix, t->value, out->flags);
        return out->lit == DICT_NONE ? -1 : 0;
    case DICT_TOK_VERB: out->kind = IX_PT_VERB; return 0;
    case DICT_TOK_SOURCE: out->kind = IX_PT_SOURCE; return 0;
    case DICT_TOK_TARGET: out->kind = IX_PT_TARGET; return 0;
    case DICT_TOK_COMPOUND: out->kind = IX_PT_COMPOUND; return 0;
    case DICT_TOK_SKIP: out->kind = IX_PT_SKIP; return 0;
    case DICT_TOK_ATTRIB: out->kind = IX_PT_ATTRIB; return 0;
    case DICT_TOK_NP_OPEN: out->kind = IX_PT_NP_OPEN; return 0;
    case DICT_TOK_NP_CLOSE: out->kind = IX_PT_NP_CLOSE; return 0;
    case DICT_TOK_PP_OPEN: out->kind = IX_PT_PP_OPEN; return 0;
    case DICT_TOK_PP_CLOSE: out->kind = IX_PT_PP_CLOSE; return 0;
    default: return 1; /* not a token of its own */
    }
}

/* Expands a run of tokens without { | } alternatives into `out`.  Synset
 * references take the expansions of earlier synsets (`upto` bounds which
 * synsets may be used, so a synset cannot refer to itself). */
static int expand_flat(expander *e, const dict_token *t, size_t n, size_t upto, seqset *out,
                       bool *never, bool petrarch)
{
    seqset_clear(out);
    if (seq_begin(out)) return -1;
    for (size_t i = 0; i < n; i++) {
        if (t[i].kind == DICT_TOK_SYNSET) {
            uint32_t s = dict_synset_find(e->ix->d, t[i].value);
            if (s == DICT_NONE || s >= upto || e->synsets[s].ns == 0) { *never = true; return 0; }
            if (cross(&e->next, out, &e->synsets[s], (t[i].flags & DICT_TF_ADJACENT) != 0,
                      IX_LIT_SYNSET))
                return -1;
            seqset tmp = *out; *out = e->next; e->next = tmp;
            continue;
        }
        ix_ptok pt;
        int r = ptok_from(e->ix, &t[i], &pt, petrarch);
        if (r < 0) return -1;
        if (r > 0) continue;
        if (out->ns == 1) {
            /* the usual case: one sequence, appended in place */
            if (seq_push(out, &pt, 1)) return -1;
            continue;
        }
        seqset_clear(&e->next);
        e->next.overflow = out->overflow;
        for (size_t s = 0; s < out->ns; s++) {
            size_t len = seq_len(out, s);
            if (seq_begin(&e->next) || (len && seq_push(&e->next, out->t + out->at[s], len)) ||
                seq_push(&e->next, &pt, 1))
                return -1;
        }
        seqset tmp = *out; *out = e->next; e->next = tmp;
    }
    return 0;
}

static int expand_synsets(expander *e)
{
    size_t ns;
    const dict_synset *syn = dict_synsets(e->ix->d, &ns);
    const dict_phrase *mem = dict_phrases(e->ix->d, DICT_PH_SYNSET, NULL);
    const dict_token *tok = dict_tokens(e->ix->d);
    e->synsets = calloc(ns + 1, sizeof *e->synsets);
    if (!e->synsets) return -1;
    e->nsynsets = ns;
    for (size_t s = 0; s < ns; s++) {
        seqset *dst = &e->synsets[s];
        for (uint32_t m = 0; m < syn[s].nmembers; m++) {
            const dict_phrase *p = &mem[syn[s].first_member + m];
            bool never = false;
            if (expand_flat(e, tok + p->first, p->n, s, &e->one, &never, petrarch_file(e->ix, p->file))) return -1;
            if (never) continue;
            for (size_t k = 0; k < e->one.ns; k++) {
                size_t len = seq_len(&e->one, k);
                if (!len) continue;
                if (dst->ns >= IX_MAX_SYNSET_EXPANSIONS) break;
                if (seq_begin(dst) || seq_push(dst, e->one.t + e->one.at[k], len)) return -1;
                dst->t[dst->nt - 1].flags &= (uint8_t)~IX_LIT_ADJ;
                if (petrarch_file(e->ix, p->file)) {
                    /* PETRARCH: a member's words follow each other; its
                     * last word may be plural unless the member or the
                     * set's name ends with '_' */
                    ix_ptok *mt = dst->t + dst->nt - len;
                    for (size_t q = 0; q + 1 < len; q++) mt[q].flags |= IX_LIT_ADJ;
                    const dict_token *lt = tok + p->first + p->n - 1;
                    if (!syn[s].no_plural && !(lt->kind == DICT_TOK_WORD && (lt->flags & DICT_TF_EXACT)))
                        mt[len - 1].flags |= IX_LIT_PLURAL;
                }
            }
        }
    }
    return 0;
}

static int add_expanded_patterns(dict_index *ix, const seqset *s, uint32_t code, uint32_t phrase)
{
    for (size_t i = 0; i < s->ns; i++) {
        size_t len = seq_len(s, i);
        const ix_ptok *t = s->t + s->at[i];
        size_t verb = len;
        uint32_t length = 0;
        for (size_t k = 0; k < len; k++) {
            if (t[k].kind == IX_PT_VERB && verb == len) verb = k;
            if (t[k].kind == IX_PT_WORD && !(t[k].flags & IX_LIT_SYNSET)) length += ix->lits[t[k].lit].len;
        }
        if (verb == len || len > IX_MAX_SEQ_TOKENS) continue; /* never matches */
        uint32_t first = (uint32_t)ix->nptoks;
        ix->ptoks = grow(ix->ptoks, &ix->cap_ptoks, ix->nptoks + len, sizeof *ix->ptoks);
        if (!ix->ptoks) return -1;
        memcpy(ix->ptoks + ix->nptoks, t, len * sizeof *t);
        ix->nptoks += len;
        ix->ptoks[ix->nptoks - 1].flags &= (uint8_t)~IX_LIT_ADJ;
        ix_pattern *p = PUSH(ix, ix->patterns, npatterns, cap_patterns);
        if (!p) return -1;
        p->first_tok = first;
        p->ntoks = (uint16_t)len;
        p->verb_at = (uint16_t)verb;
        p->length = (uint16_t)(length > UINT16_MAX ? UINT16_MAX : length);
        p->code = code;
        p->phrase = phrase;
        p->key_hash = 0;
        uint16_t best = 0;
        for (size_t k = 0; k < len; k++)
            if (t[k].kind == IX_PT_WORD && ix->lits[t[k].lit].len > best) {
                best = ix->lits[t[k].lit].len;
                p->key_hash = ix->lits[t[k].lit].hash;
            }
    }
    return 0;
}

/* Expands one pattern phrase, TABARI { a | b } groups included. */
static int expand_pattern(expander *e, const dict_phrase *p, uint32_t code, uint32_t phrase)
{
    const dict_token *t = dict_tokens(e->ix->d) + p->first;
    bool petrarch = petrarch_file(e->ix, p->file);
    seqset_clear(&e->cur);
    if (seq_begin(&e->cur)) return -1;
    size_t i = 0;
    while (i < p->n) {
        size_t j = i;
        while (j < p->n && t[j].kind != DICT_TOK_ALT_OPEN) j++;
        bool never = false;
        if (j > i) {
            if (expand_flat(e, t + i, j - i, e->nsynsets, &e->one, &never, petrarch)) return -1;
            if (never) return 0;
            if (cross(&e->next, &e->cur, &e->one, false, 0)) return -1;
            seqset tmp = e->cur; e->cur = e->next; e->next = tmp;
        }
        if (j >= p->n) break;
        /* { alt | alt | ... } */
        size_t close = j + 1;
        while (close < p->n && t[close].kind != DICT_TOK_ALT_CLOSE) close++;
        seqset_clear(&e->alt);
        size_t a = j + 1;
        while (a <= close && a < p->n + 1) {
            size_t b = a;
            while (b < close && t[b].kind != DICT_TOK_ALT_OR) b++;
            bool alt_never = false;
            if (expand_flat(e, t + a, b - a, e->nsynsets, &e->one, &alt_never, petrarch)) return -1;
            if (!alt_never) {
                for (size_t k = 0; k < e->one.ns; k++) {
                    size_t len = seq_len(&e->one, k);
                    if (!len || e->alt.ns >= IX_MAX_PATTERN_EXPANSIONS) continue;
                    if (seq_begin(&e->alt) || seq_push(&e->alt, e->one.t + e->one.at[k], len)) return -1;
                }
            }
            a = b + 1;
            if (b >= close) break;
        }
        if (!e->alt.ns) return 0;
        bool adj_after = close < p->n && (t[close].flags & DICT_TF_ADJACENT);
        if (cross(&e->next, &e->cur, &e->alt, adj_after, 0)) return -1;
        seqset tmp = e->cur; e->cur = e->next; e->next = tmp;
        i = close + 1;
    }
    return add_expanded_patterns(e->ix, &e->cur, code, phrase);
}

/* Longest first; among equals, file order (phrase, then expansion order),
 * so the order is total and qsort is as good as a stable sort. */
static int pattern_cmp(const void *pa, const void *pb)
{
    const ix_pattern *a = pa, *b = pb;
    if (a->length != b->length) return a->length > b->length ? -1 : 1;
    if (a->phrase != b->phrase) return a->phrase < b->phrase ? -1 : 1;
    return a->first_tok < b->first_tok ? -1 : a->first_tok > b->first_tok;
}

static int build_verbs(dict_index *ix)
{
    size_t nb, nv;
    const dict_verb_block *b = dict_verb_blocks(ix->d, &nb);
    const dict_verb *v = dict_verbs(ix->d, &nv);
    const dict_phrase *pat = dict_phrases(ix->d, DICT_PH_PATTERN, NULL);
    uint32_t *block_first = malloc((nb + 1) * sizeof *block_first);
    uint32_t *block_n = malloc((nb + 1) * sizeof *block_n);
    expander e;
    memset(&e, 0, sizeof e);
    e.ix = ix;
    int rc = -1;
    if (!block_first || !block_n) goto done;
    if (expand_synsets(&e)) goto done;
    for (size_t bi = 0; bi < nb; bi++) {
        bool time = b[bi].section == DICT_SECTION_TIME;
        block_first[bi] = (uint32_t)ix->npatterns;
        for (uint32_t k = 0; k < b[bi].npatterns; k++) {
            uint32_t pi = b[bi].first_pattern + k;
            uint32_t code = code_index(ix, pat[pi].code, time);
            if (pat[pi].code != DICT_NONE && code == DICT_NONE) goto done;
            if (expand_pattern(&e, &pat[pi], code, pi)) goto done;
        }
        block_n[bi] = (uint32_t)ix->npatterns - block_first[bi];
        if (block_n[bi] > 1)
            qsort(ix->patterns + block_first[bi], block_n[bi], sizeof *ix->patterns, pattern_cmp);
    }
    ix->verbs = calloc(nv + 1, sizeof *ix->verbs);
    if (!ix->verbs) goto done;
    ix->nverbs = nv;
    for (size_t i = 0; i < nv; i++) {
        uint32_t bi = v[i].block;
        bool time = bi < nb && b[bi].section == DICT_SECTION_TIME;
        uint32_t sid = v[i].code != DICT_NONE ? v[i].code : bi < nb ? b[bi].code : DICT_NONE;
        ix->verbs[i].code = code_index(ix, sid, time);
        if (sid != DICT_NONE && ix->verbs[i].code == DICT_NONE) goto done;
        ix->verbs[i].first_pattern = bi < nb ? block_first[bi] : 0;
        ix->verbs[i].npatterns = bi < nb ? block_n[bi] : 0;
        ix->verbs[i].section = bi < nb ? b[bi].section : DICT_SECTION_VERBS;
    }
    rc = 0;
done:
    free(block_first);
    free(block_n);
    for (size_t s = 0; s < e.nsynsets; s++) seqset_free(&e.synsets[s]);
    free(e.synsets);
    seqset_free(&e.cur);
    seqset_free(&e.next);
    seqset_free(&e.alt);
    seqset_free(&e.one);
    return rc;
}

static int build_pattern_texts(dict_index *ix)
{
    size_t n;
    const dict_phrase *pat = dict_phrases(ix->d, DICT_PH_PATTERN, &n);
    ix->pattern_text = calloc(n + 1, sizeof *ix->pattern_text);
    if (!ix->pattern_text) return -1;
    ix->npattern_text = n;
    char buf[1024];
    for (size_t i = 0; i < n; i++) {
        size_t len = dict_phrase_text(ix->d, &pat[i], buf, sizeof buf);
        ix->pattern_text[i] = arena_strndup(&ix->text, buf, len);
        if (!ix->pattern_text[i]) return -1;
    }
    return 0;
}

static int build_agents(dict_index *ix)
{
    size_t n;
    const dict_agent *a = dict_agents(ix->d, &n);
    ix->agents = calloc(n + 1, sizeof *ix->agents);
    if (!ix->agents) return -1;
    ix->nagents = n;
    for (size_t i = 0; i < n; i++) {
        const char *c = a[i].code == DICT_NONE ? "" : dict_string(ix->d, a[i].code);
        size_t len = strlen(c);
        ix_agent *g = &ix->agents[i];
        if (len && c[len - 1] == '~') {
            g->prefix = true;
            len--;
        } else if (len && c[0] == '~') {
            c++;
            len--;
        }
        if (len >= sizeof g->code) len = sizeof g->code - 1;
        memcpy(g->code, c, len);
        g->code[len] = 0;
    }
    return 0;
}

/* ---- the index ------------------------------------------------------------------ */

dict_index *ix_build(const dyad_dict *d)
{
    dict_index *ix = calloc(1, sizeof *ix);
    if (!ix) return NULL;
    ix->d = d;
    arena_init(&ix->text);
    /* reserve what the roots will need at once: growing by doubling
     * costs page faults, which dominate building on small machines */
    size_t want_lits = 0, want_roots = 0;
    static const dict_phrase_kind root_kinds[] = {DICT_PH_ACTOR, DICT_PH_AGENT, DICT_PH_NOUN, DICT_PH_ADJECTIVE,
                                                  DICT_PH_DISCARD, DICT_PH_VERB, DICT_PH_FORM, DICT_PH_PATTERN};
    for (size_t k = 0; k < sizeof root_kinds / sizeof *root_kinds; k++) {
        size_t n;
        const dict_phrase *ph = dict_phrases(d, root_kinds[k], &n);
        if (root_kinds[k] != DICT_PH_PATTERN) want_roots += n;
        for (size_t i = 0; i < n; i++) want_lits += ph[i].n;
    }
    ix->lits = grow(NULL, &ix->cap_lits, want_lits + 64, sizeof *ix->lits);
    ix->roots = grow(NULL, &ix->cap_roots, want_roots + 64, sizeof *ix->roots);
    if (!ix->lits || !ix->roots) goto fail;
    if (add_phrase_roots(ix, DICT_PH_ACTOR, IX_ACTOR, IX_END_NOUN) ||
        add_phrase_roots(ix, DICT_PH_AGENT, IX_AGENT, IX_END_NOUN) ||
        add_phrase_roots(ix, DICT_PH_NOUN, IX_NOUN, IX_END_NOUN) ||
        add_phrase_roots(ix, DICT_PH_ADJECTIVE, IX_ADJ, IX_END_NOUN) ||
        add_phrase_roots(ix, DICT_PH_DISCARD, IX_DISCARD, IX_END_NOUN) ||
        add_verb_roots(ix) || build_groups(ix) || build_verbs(ix) || build_agents(ix) ||
        build_pattern_texts(ix))
        goto fail;
    ix->bytes = ix->cap_lits * sizeof *ix->lits + ix->cap_roots * sizeof *ix->roots +
                ix->nroots * sizeof *ix->order + ix->cap_groups * sizeof *ix->groups +
                ix->nslots * sizeof *ix->slots + ix->cap_codes * sizeof *ix->codes +
                ix->cap_ptoks * sizeof *ix->ptoks + ix->cap_patterns * sizeof *ix->patterns +
                ix->nverbs * sizeof *ix->verbs + ix->nagents * sizeof *ix->agents +
                ix->npattern_text * sizeof *ix->pattern_text + ix->cap_folded * sizeof *ix->folded_strs +
                ix->folded_by_id.cap * 2 * sizeof(uint32_t) +
                ix->text.used_total;
    return ix;
fail:
    ix_free(ix);
    return NULL;
}

void ix_free(dict_index *ix)
{
    if (!ix) return;
    if (ix->from_image) {
        /* these lie in the image, which the index does not own */
        ix->roots = NULL;
        ix->order = NULL;
        ix->slots = NULL;
        ix->codes = NULL;
        ix->ptoks = NULL;
        ix->patterns = NULL;
        ix->verbs = NULL;
        ix->agents = NULL;
    }
    arena_free(&ix->text);
    free(ix->lits);
    free(ix->roots);
    free(ix->order);
    free(ix->groups);
    free(ix->slots);
    free(ix->codes);
    dict_map_free(&ix->code_by_string);
    free(ix->ptoks);
    free(ix->patterns);
    free(ix->verbs);
    free(ix->agents);
    free(ix->pattern_text);
    free(ix->folded_strs);
    dict_map_free(&ix->folded_by_id);
    free(ix);
}

const dyad_dict *ix_dict(const dict_index *ix) { return ix->d; }
size_t ix_memory_bytes(const dict_index *ix) { return ix->bytes; }
const ix_root *ix_roots(const dict_index *ix, size_t *n) { if (n) *n = ix->nroots; return ix->roots; }
const ix_lit *ix_lits(const dict_index *ix) { return ix->lits; }
const ix_code *ix_codes(const dict_index *ix, size_t *n) { if (n) *n = ix->ncodes; return ix->codes; }
const ix_pattern *ix_patterns(const dict_index *ix, size_t *n) { if (n) *n = ix->npatterns; return ix->patterns; }
const ix_ptok *ix_ptoks(const dict_index *ix) { return ix->ptoks; }
const ix_verb *ix_verbs(const dict_index *ix, size_t *n) { if (n) *n = ix->nverbs; return ix->verbs; }
const ix_agent *ix_agents(const dict_index *ix, size_t *n) { if (n) *n = ix->nagents; return ix->agents; }

const char *ix_pattern_text(const dict_index *ix, uint32_t phrase)
{
    return phrase < ix->npattern_text ? ix->pattern_text[phrase] : NULL;
}
