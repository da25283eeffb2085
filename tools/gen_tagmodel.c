/*
 * gen_tagmodel.c -- converts Debian's festlex-poslex data into the const C
 * tables of the part-of-speech tagger (see src/tag/tagmodel.h).
 *
 *   gen_tagmodel DIR > tagmodel.c
 *
 * DIR holds wsj.wp39.poslexR (lexicon: word -> log P(word | tag)) and
 * wsj.wp39.tri.ngrambin (tag-trigram counts), both derived from the Penn
 * Treebank WSJ corpus by CSTR, University of Edinburgh; freely usable and
 * redistributable with their notice (/usr/share/doc/festlex-poslex/copyright).
 * The tables written are derived from, not copies of, that data: the
 * transitions are smoothed, the lexicon re-sorted and pruned, and the
 * unknown-word model is computed here.
 *
 * All the statistics are computed at build time so that the tagger does no
 * floating-point modelling at run time, only table look-ups and additions.
 * Any malformed input stops the build with a message naming file and line.
 */
#include "tag/tagmodel.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NF 38         /* tags in the festlex files, with "1" and "2"     */
#define K TM_NTAGS

static const char *const tm_names[K] = {TM_TAG_NAMES};

static void die(const char *file, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4), noreturn));
static void die(const char *file, size_t line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (line)
        fprintf(stderr, "gen_tagmodel: %s:%zu: ", file, line);
    else
        fprintf(stderr, "gen_tagmodel: %s: ", file);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) die("gen_tagmodel", 0, "out of memory");
    return p;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) die(path, 0, "cannot open: %s", strerror(errno));
    size_t cap = 1 << 20, n = 0, got;
    char *buf = xcalloc(cap, 1);
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            buf = realloc(buf, cap *= 2);
            if (!buf) die(path, 0, "out of memory");
        }
    }
    if (ferror(f)) die(path, 0, "read error");
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

/* Festlex tag name -> model tag, or -1 for the dropped "1" and "2", or -2
 * when the name is not a festlex tag at all. */
static int tag_index(const char *s, size_t n)
{
    if (n == 1 && (s[0] == '1' || s[0] == '2')) return -1;
    for (int t = 0; t < K; t++)
        if (strlen(tm_names[t]) == n && memcmp(tm_names[t], s, n) == 0) return t;
    return -2;
}

/* ---- trigram counts -------------------------------------------------- */

static double tri[K][K][K], bi[K][K], uni[K], ctx2[K][K], total;

static void read_ngrams(const char *path)
{
    size_t len;
    char *buf = slurp(path, &len);
    /* Three text lines: format, context vocabulary, predicted vocabulary. */
    char *p = buf, *end = buf + len;
    int map[NF];
    for (int line = 1; line <= 3; line++) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) die(path, (size_t)line, "truncated header");
        *nl = 0;
        if (line == 1) {
            if (strcmp(p, "NgramBin_2 3") != 0)
                die(path, 1, "expected \"NgramBin_2 3\", found \"%.40s\"", p);
        } else {
            int nt = 0;
            for (char *tok = strtok(p, " \t\r"); tok; tok = strtok(NULL, " \t\r")) {
                int ti = tag_index(tok, strlen(tok));
                if (ti == -2) die(path, (size_t)line, "unknown tag \"%s\"", tok);
                if (nt == NF) die(path, (size_t)line, "more than %d tags", NF);
                if (line == 2) map[nt] = ti;
                else if (map[nt] != ti) die(path, 3, "vocabularies differ at tag %d", nt + 1);
                nt++;
            }
            if (nt != NF) die(path, (size_t)line, "%d tags, expected %d", nt, NF);
        }
        p = nl + 1;
    }
    /* Big-endian doubles; -k encodes a run of k-1 zeros. */
    size_t nbytes = (size_t)(end - p);
    if (nbytes % 8) die(path, 4, "binary part is %zu bytes, not a multiple of 8", nbytes);
    size_t idx = 0, want = (size_t)NF * NF * NF;
    for (size_t off = 0; off < nbytes; off += 8) {
        uint64_t u = 0;
        for (int i = 0; i < 8; i++) u = u << 8 | (unsigned char)p[off + (size_t)i];
        double v;
        memcpy(&v, &u, sizeof v);
        if (!isfinite(v)) die(path, 4, "non-finite value at byte %zu of the table", off);
        if (v < 0) {
            double z = -v - 1;
            if (z != floor(z) || z > (double)(want - idx))
                die(path, 4, "bad zero run %g at byte %zu of the table", v, off);
            idx += (size_t)z;
            continue;
        }
        if (idx >= want) die(path, 4, "more than %zu table entries", want);
        int a = map[idx / (NF * NF)], b = map[idx / NF % NF], c = map[idx % NF];
        if (a >= 0 && b >= 0 && c >= 0) tri[a][b][c] = v;
        idx++;
    }
    if (idx != want) die(path, 4, "table has %zu entries, expected %zu", idx, want);
    free(buf);

    for (int a = 0; a < K; a++)
        for (int b = 0; b < K; b++)
            for (int c = 0; c < K; c++) {
                double v = tri[a][b][c];
                bi[b][c] += v;
                uni[c] += v;
                ctx2[a][b] += v;
                total += v;
            }
    for (int t = 0; t < K; t++)
        if (uni[t] <= 0) die(path, 0, "tag %s never occurs", tm_names[t]);
}

/* Deleted interpolation (Brants 2000): each trigram votes, with its count,
 * for the order whose estimate survives removing that one occurrence. */
static float trans[K][K][K];

static void smooth_transitions(void)
{
    double l[3] = {0, 0, 0};
    for (int a = 0; a < K; a++)
        for (int b = 0; b < K; b++)
            for (int c = 0; c < K; c++) {
                double v = tri[a][b][c];
                if (v <= 0) continue;
                double e3 = ctx2[a][b] > 1 ? (v - 1) / (ctx2[a][b] - 1) : 0;
                double e2 = uni[b] > 1 ? (bi[b][c] - 1) / (uni[b] - 1) : 0;
                double e1 = (uni[c] - 1) / (total - 1);
                if (e3 >= e2 && e3 >= e1) l[2] += v;
                else if (e2 >= e1) l[1] += v;
                else l[0] += v;
            }
    double s = l[0] + l[1] + l[2];
    for (int i = 0; i < 3; i++) l[i] /= s;
    for (int a = 0; a < K; a++)
        for (int b = 0; b < K; b++)
            for (int c = 0; c < K; c++) {
                double p = l[0] * uni[c] / total;
                if (uni[b] > 0) p += l[1] * bi[b][c] / uni[b];
                if (ctx2[a][b] > 0) p += l[2] * tri[a][b][c] / ctx2[a][b];
                trans[a][b][c] = (float)log(p);
            }
}

/* ---- lexicon ------------------------------------------------------- */

typedef struct pair {
    uint8_t tag;
    float lp;
} pair;

typedef struct word {
    char *s;
    size_t len;
    pair *p;
    int n;
} word;

static word *words;
static size_t nwords;

static void skip_ws(const char **p)
{
    while (**p == ' ' || **p == '\t' || **p == '\r') (*p)++;
}

static void expect(const char **p, char c, const char *path, size_t line)
{
    skip_ws(p);
    if (**p != c) die(path, line, "expected '%c', found '%.12s'", c, *p);
    (*p)++;
}

static double logprior(int t) { return log(uni[t] / total); }

static int by_posterior(const void *x, const void *y)
{
    const pair *a = x, *b = y;
    double pa = a->lp + logprior(a->tag), pb = b->lp + logprior(b->tag);
    return pa > pb ? -1 : pa < pb ? 1 : (int)a->tag - (int)b->tag;
}

static void read_lexicon(const char *path)
{
    size_t len;
    char *buf = slurp(path, &len);
    size_t lines = 1;
    for (size_t i = 0; i < len; i++) lines += buf[i] == '\n';
    words = xcalloc(lines, sizeof *words);
    size_t line = 0;
    char *p = buf;
    while (p < buf + len) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = 0;
        line++;
        const char *q = p;
        p = nl ? nl + 1 : buf + len;
        if (line == 1) {
            if (strcmp(q, "MNCL") != 0) die(path, 1, "expected \"MNCL\"");
            continue;
        }
        skip_ws(&q);
        if (!*q) continue;
        expect(&q, '(', path, line);
        expect(&q, '"', path, line);
        const char *ws = q;
        while (*q && *q != '"') q++;
        if (*q != '"') die(path, line, "unterminated word");
        size_t wl = (size_t)(q - ws);
        q++;
        if (wl == 0 || wl >= TM_MAX_WORD) die(path, line, "word of %zu bytes", wl);
        for (size_t i = 0; i < wl; i++)
            if (ws[i] >= 'A' && ws[i] <= 'Z') die(path, line, "upper-case word \"%.*s\"", (int)wl, ws);
        word *w = &words[nwords++];
        w->s = xcalloc(wl + 1, 1);
        memcpy(w->s, ws, wl);
        w->len = wl;
        w->p = xcalloc(NF, sizeof *w->p);
        expect(&q, '(', path, line);
        int seen[NF] = {0};
        for (;;) {
            skip_ws(&q);
            if (*q == ')') { q++; break; }
            expect(&q, '(', path, line);
            skip_ws(&q);
            const char *ts = q;
            while (*q && *q != ' ' && *q != ')') q++;
            int t = tag_index(ts, (size_t)(q - ts));
            if (t == -2) die(path, line, "unknown tag \"%.*s\"", (int)(q - ts), ts);
            char *e;
            errno = 0;
            double v = strtod(q, &e);
            if (e == q || errno || !isfinite(v) || v > 1e-9)
                die(path, line, "bad log-probability \"%.12s\"", q);
            q = e;
            expect(&q, ')', path, line);
            if (t < 0) continue;
            if (seen[t]++) die(path, line, "tag %s given twice", tm_names[t]);
            if (w->n == NF) die(path, line, "too many tags");
            w->p[w->n].tag = (uint8_t)t;
            w->p[w->n].lp = (float)(v > 0 ? 0 : v);
            w->n++;
        }
        expect(&q, '(', path, line);
        expect(&q, ')', path, line);
        expect(&q, ')', path, line);
        skip_ws(&q);
        if (*q) die(path, line, "trailing text \"%.12s\"", q);
        if (w->n == 0) { free(w->s); free(w->p); nwords--; continue; }
        qsort(w->p, (size_t)w->n, sizeof *w->p, by_posterior);
        /* Tags a million times less likely than the best one for this word
         * are noise of the corpus annotation, not readings worth a state;
         * the tagger's capitalisation factors move scores by far less. */
        double best = w->p[0].lp + logprior(w->p[0].tag);
        while (w->n > 1 && w->p[w->n - 1].lp + logprior(w->p[w->n - 1].tag) < best - 13.8) w->n--;
    }
    if (nwords == 0) die(path, 0, "no entries");
    free(buf);
}

/* ---- unknown-word suffix model -------------------------------------- */

typedef struct snode {
    char key[TM_SUF_MAXLEN + 2];
    uint8_t klen;
    double cnt[K];
    double words;
    double prob[K];  /* smoothed P(t | suffix) */
    struct snode *next;
} snode;

#define SBUCKETS (1u << 18)
static snode **sbuckets;

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = TM_HASH_INIT;
    for (size_t i = 0; i < n; i++) h = tm_hash_step(h, (unsigned char)s[i]);
    return h;
}

static snode *snode_get(const char *key, size_t klen, int create)
{
    uint32_t h = hash_bytes(key, klen) & (SBUCKETS - 1);
    for (snode *n = sbuckets[h]; n; n = n->next)
        if (n->klen == klen && memcmp(n->key, key, klen) == 0) return n;
    if (!create) return NULL;
    snode *n = xcalloc(1, sizeof *n);
    memcpy(n->key, key, klen);
    n->klen = (uint8_t)klen;
    n->next = sbuckets[h];
    sbuckets[h] = n;
    return n;
}

/* Only open-class tags are proposed for unknown words: the closed classes
 * are listed in the lexicon, and their rare-word counts are noise. */
static int open_class(int t)
{
    switch (t) {
    case TM_NN: case TM_NNS: case TM_NNP: case TM_NNPS: case TM_JJ:
    case TM_JJR: case TM_JJS: case TM_RB: case TM_VB: case TM_VBD:
    case TM_VBG: case TM_VBN: case TM_VBP: case TM_VBZ: case TM_CD:
    case TM_FW: case TM_UH:
        return 1;
    default:
        return 0;
    }
}

/* Share of words other than proper nouns written with a capital: about
 * one word in twenty starts a sentence, a few more stand in titles. */
#ifndef CAP_OTHER
#define CAP_OTHER 0.1
#endif

/* Suffixes shared by fewer rare words are not stored: with the smoothing
 * above they say little beyond their shorter suffix. */
#ifndef SUF_MIN_WORDS
#define SUF_MIN_WORDS 5
#endif

#ifndef SUF_ALPHA
#define SUF_ALPHA 5.0
#endif

static void add_suffixes(char cls, const word *w, const double *cnt)
{
    double sum = 0;
    for (int t = 0; t < K; t++) sum += cnt[t];
    if (sum <= 0) return;
    char key[TM_SUF_MAXLEN + 2];
    key[0] = cls;
    size_t maxl = w->len < TM_SUF_MAXLEN ? w->len : TM_SUF_MAXLEN;
    for (size_t l = 0; l <= maxl; l++) {
        memcpy(key + 1, w->s + w->len - l, l);
        snode *n = snode_get(key, l + 1, 1);
        for (int t = 0; t < K; t++) n->cnt[t] += cnt[t];
        n->words += 1;
    }
}

static int smooth_cmp(const void *x, const void *y)
{
    const snode *a = *(snode *const *)x, *b = *(snode *const *)y;
    return (int)a->klen - (int)b->klen;
}

static snode **snodes;
static size_t nsnodes;

static void build_suffix_model(void)
{
    sbuckets = xcalloc(SBUCKETS, sizeof *sbuckets);
    for (size_t i = 0; i < nwords; i++) {
        const word *w = &words[i];
        double cnt[K] = {0}, f = 0;
        /* P(word | tag) * count(tag) recovers the corpus count. */
        for (int j = 0; j < w->n; j++) {
            double c = exp(w->p[j].lp) * uni[w->p[j].tag];
            f += c;
            if (open_class(w->p[j].tag)) cnt[w->p[j].tag] = c;
        }
        /* Rare words behave like unknown ones (Brants 2000). */
        if (f > 10.5) continue;
        int digit = 0, hyph = 0;
        for (size_t k = 0; k < w->len; k++) {
            if (w->s[k] >= '0' && w->s[k] <= '9') digit = 1;
            if (w->s[k] == '-') hyph = 1;
        }
        if (digit) { add_suffixes(TM_SUF_DIGIT, w, cnt); continue; }
        /* The lexicon is lower-cased, but a proper-noun reading implies a
         * capital in the text.  The capitalised classes weigh the other
         * readings by how often such words are capitalised at all (at the
         * start of a sentence, in titles), the lower-case classes leave
         * proper nouns out. */
        double capw[K];
        for (int t = 0; t < K; t++)
            capw[t] = cnt[t] * (t == TM_NNP || t == TM_NNPS ? 1.0 : CAP_OTHER);
        add_suffixes(hyph ? TM_SUF_HCAP : TM_SUF_CAP, w, capw);
        /* In a title-case headline every word has its capital, which then
         * says nothing: all readings keep their weight. */
        add_suffixes(hyph ? TM_SUF_HTITLE : TM_SUF_TITLE, w, cnt);
        cnt[TM_NNP] = cnt[TM_NNPS] = 0;
        add_suffixes(hyph ? TM_SUF_HYPH : TM_SUF_LOWER, w, cnt);
    }
    for (uint32_t b = 0; b < SBUCKETS; b++)
        for (snode *n = sbuckets[b]; n; n = n->next) nsnodes++;
    snodes = xcalloc(nsnodes, sizeof *snodes);
    size_t k = 0;
    for (uint32_t b = 0; b < SBUCKETS; b++)
        for (snode *n = sbuckets[b]; n; n = n->next) snodes[k++] = n;
    qsort(snodes, nsnodes, sizeof *snodes, smooth_cmp);
    /* Parents come first, so each node smooths towards its parent's
     * already smoothed estimate.  The parent weighs as SUF_ALPHA corpus
     * occurrences: a long suffix seen in two words of one tag does not
     * override what its shorter suffix knows (TnT's fixed weight does). */
    for (size_t i = 0; i < nsnodes; i++) {
        snode *n = snodes[i];
        double sum = 0;
        for (int t = 0; t < K; t++) sum += n->cnt[t];
        if (n->klen == 1) {
            for (int t = 0; t < K; t++) n->prob[t] = n->cnt[t] / sum;
            continue;
        }
        /* the parent drops the suffix's first letter, keeping the class */
        char pk[TM_SUF_MAXLEN + 2];
        pk[0] = n->key[0];
        memcpy(pk + 1, n->key + 2, n->klen - 2u);
        snode *parent = snode_get(pk, n->klen - 1u, 0);
        if (!parent) die("gen_tagmodel", 0, "internal error: suffix without parent");
        for (int t = 0; t < K; t++)
            n->prob[t] = (n->cnt[t] + SUF_ALPHA * parent->prob[t]) / (sum + SUF_ALPHA);
    }
}

/* ---- output ---------------------------------------------------------- */

static uint8_t *etag;
static float *elp;
static size_t nemit, emit_cap;
static char *pool;
static size_t npool, pool_cap;

static uint32_t put_pairs(const pair *p, int n)
{
    if (nemit + (size_t)n > emit_cap) {
        emit_cap = (emit_cap + (size_t)n) * 2;
        etag = realloc(etag, emit_cap);
        elp = realloc(elp, emit_cap * sizeof *elp);
        if (!etag || !elp) die("gen_tagmodel", 0, "out of memory");
    }
    uint32_t at = (uint32_t)nemit;
    for (int i = 0; i < n; i++) {
        etag[nemit] = p[i].tag;
        elp[nemit++] = p[i].lp;
    }
    return at;
}

static uint32_t put_string(const char *s, size_t n)
{
    if (npool + n > pool_cap) {
        pool_cap = (pool_cap + n) * 2;
        pool = realloc(pool, pool_cap);
        if (!pool) die("gen_tagmodel", 0, "out of memory");
    }
    memcpy(pool + npool, s, n);
    npool += n;
    return (uint32_t)(npool - n);
}

typedef struct table {
    tm_entry *e;
    size_t n;
    uint32_t *slots;
    uint32_t mask;
} table;

static void table_init(table *tb, size_t n)
{
    size_t cap = 1;
    while (cap < n + n / 2) cap <<= 1;  /* load <= 2/3 keeps probes short */
    tb->e = xcalloc(n, sizeof *tb->e);
    tb->slots = xcalloc(cap, sizeof *tb->slots);
    tb->mask = (uint32_t)(cap - 1);
    tb->n = 0;
}

static void table_add(table *tb, const char *s, size_t len, const pair *p, int n)
{
    if (tb->n >= 0xFFFF) die("gen_tagmodel", 0, "table over 65535 entries");
    if (nemit >= (1u << 27)) die("gen_tagmodel", 0, "too many pairs");
    uint32_t h = hash_bytes(s, len);
    for (uint32_t i = h & tb->mask;; i = (i + 1) & tb->mask) {
        uint32_t v = tb->slots[i];
        if (!v) {
            tb->slots[i] = (h & 0xFFFF0000u) | (uint32_t)(tb->n + 1);
            break;
        }
        const tm_entry *o = &tb->e[(v & 0xFFFF) - 1];
        if ((size_t)(unsigned char)pool[o->str] == len && memcmp(pool + o->str + 1, s, len) == 0)
            die("gen_tagmodel", 0, "duplicate key \"%.*s\"", (int)len, s);
    }
    tm_entry *e = &tb->e[tb->n++];
    if (len > 255) die("gen_tagmodel", 0, "key \"%.*s\" too long", (int)len, s);
    if (n > 15) n = 15;  /* pairs are sorted best first */
    char lb = (char)len;
    e->str = put_string(&lb, 1);
    put_string(s, len);
    e->emit = put_pairs(p, n) << 4 | (uint32_t)n;
}

static void print_float(float f)
{
    char b[64];
    snprintf(b, sizeof b, "%.7g", (double)f);
    printf("%s%sf", b, strpbrk(b, ".e") ? "" : ".0");
}

/* Separator before item i of an array printed `per` items a line. */
static const char *sep(size_t i, size_t per)
{
    return i == 0 ? "\n" : i % per ? "," : ",\n";
}

static void print_table(const char *name, const table *tb)
{
    printf("const uint32_t %s_mask = %uu;\n", name, tb->mask);
    printf("const uint32_t %s_slots[%u] = {", name, tb->mask + 1);
    for (uint32_t i = 0; i <= tb->mask; i++)
        printf("%s%u", sep(i, 12), tb->slots[i]);
    printf("\n};\nconst tm_entry %s[%zu] = {", name, tb->n);
    for (size_t i = 0; i < tb->n; i++)
        printf("%s{%u,%u}", sep(i, 8), tb->e[i].str, tb->e[i].emit);
    printf("\n};\n");
}


int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gen_tagmodel FESTIVAL_DICT_DIR > tagmodel.c\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/wsj.wp39.tri.ngrambin", argv[1]);
    read_ngrams(path);
    smooth_transitions();
    snprintf(path, sizeof path, "%s/wsj.wp39.poslexR", argv[1]);
    read_lexicon(path);
    build_suffix_model();

    table lex, suf;
    table_init(&lex, nwords);
    for (size_t i = 0; i < nwords; i++)
        table_add(&lex, words[i].s, words[i].len, words[i].p, words[i].n);

    /* The tagger falls back to the longest suffix stored. */
    size_t nkeep = 0;
    for (size_t i = 0; i < nsnodes; i++)
        if (snodes[i]->klen == 1 || snodes[i]->words >= SUF_MIN_WORDS) nkeep++;
    table_init(&suf, nkeep);
    for (size_t i = 0; i < nsnodes; i++) {
        const snode *n = snodes[i];
        if (!(n->klen == 1 || n->words >= SUF_MIN_WORDS)) continue;
        pair p[K];
        int np = 0;
        for (int t = 0; t < K; t++)
            if (n->prob[t] > 0) p[np++] = (pair){(uint8_t)t, (float)log(n->prob[t])};
        /* sort by P(t | suffix), keep the few plausible ones */
        for (int a = 1; a < np; a++)
            for (int b = a; b > 0 && p[b].lp > p[b - 1].lp; b--) {
                pair x = p[b]; p[b] = p[b - 1]; p[b - 1] = x;
            }
        int keep = 0;
        while (keep < np && keep < 6 && p[keep].lp > p[0].lp - 5.3) keep++;
        for (int a = 0; a < keep; a++) p[a].lp -= (float)logprior(p[a].tag);
        table_add(&suf, n->key, n->klen, p, keep);
    }

    printf("/* Generated by tools/gen_tagmodel.c from festlex-poslex (CSTR, University\n"
           " * of Edinburgh; see /usr/share/doc/festlex-poslex/copyright).  Derived\n"
           " * and modified data: smoothed, pruned and re-sorted.  Do not edit. */\n"
           "#include \"tag/tagmodel.h\"\n\n");
    printf("const float tm_logprior[%d] = {", K);
    for (int t = 0; t < K; t++) {
        printf("%s", sep((size_t)t, 8));
        print_float((float)logprior(t));
    }
    printf("\n};\nconst float tm_unseen_lp[%d] = {", K);
    for (int t = 0; t < K; t++) {
        printf("%s", sep((size_t)t, 8));
        print_float((float)log(0.5 / uni[t]));
    }
    printf("\n};\nconst float tm_trans[%d] = {", K * K * K);
    for (int i = 0; i < K * K * K; i++) {
        printf("%s", sep((size_t)i, 8));
        print_float(trans[i / (K * K)][i / K % K][i % K]);
    }
    printf("\n};\n");
    print_table("tm_lex", &lex);
    print_table("tm_suf", &suf);
    printf("const uint8_t tm_emit_tag[%zu] = {", nemit);
    for (size_t i = 0; i < nemit; i++) printf("%s%u", sep(i, 24), etag[i]);
    printf("\n};\nconst int16_t tm_emit_lp[%zu] = {", nemit);
    for (size_t i = 0; i < nemit; i++) {
        double q = round((double)elp[i] * TM_LP_SCALE);
        if (q < INT16_MIN || q > INT16_MAX) die("gen_tagmodel", 0, "score %g out of range", (double)elp[i]);
        printf("%s%d", sep(i, 16), (int)q);
    }
    /* One literal a line, concatenated by the compiler: entries carry
     * their lengths, so the pool needs no separators. */
    printf("\n};\nconst char tm_pool[%zu] =", npool + 1);
    for (size_t i = 0; i < npool; i++) {
        if (i % 64 == 0) printf("\n\"");
        unsigned char c = (unsigned char)pool[i];
        if (c == '"' || c == '\\' || c == '?') printf("\\%c", c);
        else if (c < 32 || c > 126) printf("\\%03o", c);
        else putchar(c);
        if (i % 64 == 63 || i + 1 == npool) putchar('"');
    }
    printf(";\n");
    fprintf(stderr, "gen_tagmodel: %zu words, %zu suffixes, %zu pairs, %zu pool bytes\n",
            nwords, suf.n, nemit, npool);
    if (fflush(stdout) || ferror(stdout)) die("<stdout>", 0, "write error");
    return 0;
}
