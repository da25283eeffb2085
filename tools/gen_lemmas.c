/*
 * gen_lemmas.c -- converts WordNet's morphology data into the const tables
 * of the lemmatiser (see src/lemma/lemmadata.h for the layout).
 *
 *   gen_lemmas /usr/share/wordnet > lemmadata.c
 *
 * Reads index.noun, index.verb, index.adj (base forms) and noun.exc,
 * verb.exc, adj.exc (irregular forms).  Only single words made of a-z,
 * apostrophes and hyphens are kept: collocations ("give_up") never reach
 * the lemmatiser, which sees one token at a time.  Malformed input stops
 * the build with "file:line: reason" so that a broken data package cannot
 * silently produce an empty lemmatiser.
 */
#include "lemma/lemmadata.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ADJ_MAX_LEN 10

typedef struct entry {
    char *word;
    unsigned len;
    unsigned flags;
    long exc[3];    /* base's entry index per POS (noun, verb, adj), or -1 */
    uint32_t off;   /* record offset in the pool                         */
} entry;

typedef struct store {
    entry *v;
    size_t n, cap;
    long *map;      /* open addressing: entry index or -1 */
    size_t map_cap;
} store;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen_lemmas: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) die("out of memory");
    return p;
}

static uint32_t hash_word(const char *w, size_t len)
{
    uint32_t h = LEMMA_HASH_INIT;
    for (size_t i = 0; i < len; i++) h = lemma_hash_step(h, (unsigned char)w[i]);
    return lemma_hash_final(h);
}

/* The lemmatiser looks up only words of these bytes (others are merely
 * lower-cased), so anything else in WordNet ("a.d.", "1st") is dead
 * weight. */
static bool usable_word(const char *w, size_t len)
{
    if (len == 0 || len > LEMMA_MAX_WORD) return false;
    bool letter = false;
    for (size_t i = 0; i < len; i++) {
        char c = w[i];
        if (c >= 'a' && c <= 'z') letter = true;
        else if (c != '\'' && c != '-') return false;
    }
    return letter;
}

static void map_grow(store *s)
{
    size_t cap = s->map_cap ? s->map_cap * 2 : 1u << 16;
    long *map = xrealloc(NULL, cap * sizeof *map);
    for (size_t i = 0; i < cap; i++) map[i] = -1;
    for (size_t i = 0; i < s->n; i++) {
        size_t j = hash_word(s->v[i].word, s->v[i].len) & (cap - 1);
        while (map[j] >= 0) j = (j + 1) & (cap - 1);
        map[j] = (long)i;
    }
    free(s->map);
    s->map = map;
    s->map_cap = cap;
}

static long store_find(const store *s, const char *w, size_t len)
{
    if (!s->map_cap) return -1;
    size_t j = hash_word(w, len) & (s->map_cap - 1);
    for (; s->map[j] >= 0; j = (j + 1) & (s->map_cap - 1)) {
        const entry *e = &s->v[s->map[j]];
        if (e->len == len && memcmp(e->word, w, len) == 0) return s->map[j];
    }
    return -1;
}

static long store_intern(store *s, const char *w, size_t len)
{
    long found = store_find(s, w, len);
    if (found >= 0) return found;
    if ((s->n + 1) * 2 > s->map_cap) map_grow(s);
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 1024;
        s->v = xrealloc(s->v, s->cap * sizeof *s->v);
    }
    entry *e = &s->v[s->n];
    e->word = xrealloc(NULL, len + 1);
    memcpy(e->word, w, len);
    e->word[len] = 0;
    e->len = (unsigned)len;
    e->flags = 0;
    e->exc[0] = e->exc[1] = e->exc[2] = -1;
    e->off = 0;
    size_t j = hash_word(w, len) & (s->map_cap - 1);
    while (s->map[j] >= 0) j = (j + 1) & (s->map_cap - 1);
    s->map[j] = (long)s->n;
    return (long)s->n++;
}

/* Splits a line into at most max space-separated fields in place. */
static size_t split(char *line, char **field, size_t max)
{
    size_t n = 0;
    char *p = line;
    while (*p && n < max) {
        while (*p == ' ' || *p == '\t') p++;
        if (!*p) break;
        field[n++] = p;
        while (*p && *p != ' ' && *p != '\t') p++;
        if (*p) *p++ = 0;
    }
    return n;
}

typedef struct reader {
    FILE *f;
    char path[4096];
    char *line;
    size_t cap;
    unsigned long lineno;
} reader;

static void reader_open(reader *r, const char *dir, const char *name)
{
    int n = snprintf(r->path, sizeof r->path, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= sizeof r->path) die("%s/%s: path too long", dir, name);
    r->f = fopen(r->path, "r");
    if (!r->f) die("%s: %s", r->path, strerror(errno));
    r->line = NULL;
    r->cap = 0;
    r->lineno = 0;
}

/* Next line without its end-of-line, or NULL at the end of the file. */
static char *reader_next(reader *r)
{
    ssize_t got = getline(&r->line, &r->cap, r->f);
    if (got < 0) {
        if (ferror(r->f)) die("%s: read error", r->path);
        return NULL;
    }
    r->lineno++;
    if (memchr(r->line, 0, (size_t)got)) die("%s:%lu: NUL byte in line", r->path, r->lineno);
    while (got > 0 && (r->line[got - 1] == '\n' || r->line[got - 1] == '\r'))
        r->line[--got] = 0;
    return r->line;
}

static void reader_close(reader *r)
{
    fclose(r->f);
    free(r->line);
}

static bool all_digits(const char *s)
{
    if (!*s) return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return false;
    return true;
}

/* index.POS: "lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt
 * offset...".  Lines starting with a space are the licence header. */
static size_t read_index(store *s, const char *dir, const char *name,
                         const char *pos_chars, unsigned flag)
{
    reader r;
    reader_open(&r, dir, name);
    size_t kept = 0, entries = 0;
    char *line;
    while ((line = reader_next(&r))) {
        if (line[0] == ' ' || line[0] == 0) continue;
        char *f[5];
        size_t nf = split(line, f, 5);
        if (nf < 4)
            die("%s:%lu: expected \"lemma pos synset_cnt p_cnt ...\"", r.path, r.lineno);
        if (strlen(f[1]) != 1 || !strchr(pos_chars, f[1][0]))
            die("%s:%lu: part of speech \"%s\" where \"%s\" was expected",
                r.path, r.lineno, f[1], pos_chars);
        if (!all_digits(f[2]) || !all_digits(f[3]))
            die("%s:%lu: synset_cnt and p_cnt must be numbers", r.path, r.lineno);
        entries++;
        size_t len = strlen(f[0]);
        if (!usable_word(f[0], len)) continue;
        /* Adjectives are looked up only as bases of -er/-est forms, which
         * English builds from short, simple words ("friendly"), never from
         * long or compound ones; dropping the rest halves the adjectives. */
        if (flag == LEMMA_ADJ && (len > ADJ_MAX_LEN || strpbrk(f[0], "-'"))) continue;
        long id = store_intern(s, f[0], len); /* may move s->v */
        s->v[id].flags |= flag;
        kept++;
    }
    if (entries == 0) die("%s: no entries; is this a WordNet index file?", r.path);
    reader_close(&r);
    return kept;
}

/* Picks the base an irregular form maps to when WordNet lists several.
 * The first is usually the common one ("leaves leaf leave"), except for
 * the British/American pairs "installed instal install", where the
 * double-l spelling is the one news text and the verb lists use. */
static long choose_base(store *s, char **base, size_t nbase)
{
    long chosen = -1;
    size_t chosen_i = 0;
    for (size_t i = 0; i < nbase && chosen < 0; i++)
        if (usable_word(base[i], strlen(base[i]))) {
            chosen = store_intern(s, base[i], strlen(base[i]));
            chosen_i = i;
        }
    if (chosen < 0) return -1;
    size_t len = strlen(base[chosen_i]);
    for (size_t i = 0; i < nbase; i++) {
        if (i == chosen_i || strlen(base[i]) != len + 1) continue;
        if (memcmp(base[i], base[chosen_i], len) == 0 && base[i][len] == 'l' &&
            base[chosen_i][len - 1] == 'l')
            return store_intern(s, base[i], len + 1);
    }
    return chosen;
}

/* POS.exc: "inflected base [base...]". */
static size_t read_exc(store *s, const char *dir, const char *name, int pos)
{
    reader r;
    reader_open(&r, dir, name);
    size_t kept = 0, entries = 0;
    char *line;
    while ((line = reader_next(&r))) {
        if (line[0] == 0) continue;
        char *f[16];
        size_t nf = split(line, f, 16);
        if (nf < 2) die("%s:%lu: expected \"inflected base...\"", r.path, r.lineno);
        entries++;
        size_t len = strlen(f[0]);
        if (!usable_word(f[0], len)) continue;
        long base = choose_base(s, f + 1, nf - 1);
        if (base < 0) continue;
        long id = store_intern(s, f[0], len); /* may move s->v */
        entry *e = &s->v[id];
        if (e->exc[pos] >= 0) continue; /* a repeated form: the first wins */
        e->exc[pos] = base;
        e->flags |= (unsigned)LEMMA_NOUN_EXC << pos;
        kept++;
    }
    if (entries == 0) die("%s: no entries; is this a WordNet exception file?", r.path);
    reader_close(&r);
    return kept;
}

/* Additions to WordNet, which override its lists.  Contractions are
 * tokens of their own after Treebank tokenisation; the -ing forms keep
 * "being" from becoming "bee".  The nouns stay as they are because in news
 * their "singular" is another word: "arms" (weapons) is not "arm", "media"
 * is not "medium", "physics" is not "physic". */
static const char *const extra_verbs[][2] = {
    {"'s", "be"}, {"'re", "be"}, {"'m", "be"}, {"'ve", "have"}, {"'d", "have"},
    {"being", "be"}, {"having", "have"}, {"doing", "do"}, {"goes", "go"},
};
static const char *const extra_nouns[][2] = {
    {"arms", "arms"}, {"media", "media"}, {"data", "data"}, {"species", "species"},
    {"means", "means"}, {"physics", "physics"}, {"ethics", "ethics"},
    {"dynamics", "dynamics"}, {"mechanics", "mechanics"}, {"optics", "optics"},
    {"graphics", "graphics"}, {"aesthetics", "aesthetics"}, {"acoustics", "acoustics"},
};

static void add_extra(store *s, const char *const (*pairs)[2], size_t n, int pos)
{
    for (size_t i = 0; i < n; i++) {
        long base = store_intern(s, pairs[i][1], strlen(pairs[i][1]));
        long id = store_intern(s, pairs[i][0], strlen(pairs[i][0])); /* may move s->v */
        entry *e = &s->v[id];
        e->exc[pos] = base;
        e->flags |= (unsigned)LEMMA_NOUN_EXC << pos;
    }
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->word, ((const entry *)b)->word);
}

int main(int argc, char **argv)
{
    if (argc != 2) die("usage: gen_lemmas WORDNET_DIR > lemmadata.c");
    const char *dir = argv[1];
    store s = {0};

    size_t nn = read_index(&s, dir, "index.noun", "n", LEMMA_NOUN);
    size_t nv = read_index(&s, dir, "index.verb", "v", LEMMA_VERB);
    size_t na = read_index(&s, dir, "index.adj", "as", LEMMA_ADJ);
    size_t xn = read_exc(&s, dir, "noun.exc", 0);
    size_t xv = read_exc(&s, dir, "verb.exc", 1);
    size_t xa = read_exc(&s, dir, "adj.exc", 2);
    add_extra(&s, extra_nouns, sizeof extra_nouns / sizeof *extra_nouns, 0);
    add_extra(&s, extra_verbs, sizeof extra_verbs / sizeof *extra_verbs, 1);

    /* Sorting makes the output independent of the order of the files'
     * lines and the generator's own hashing; exception links are entry
     * indexes, so they are remapped through the permutation. */
    size_t n = s.n;
    for (size_t i = 0; i < n; i++) s.v[i].off = (uint32_t)i;
    qsort(s.v, n, sizeof *s.v, cmp_entry);
    long *where = xrealloc(NULL, n * sizeof *where);
    for (size_t i = 0; i < n; i++) where[s.v[i].off] = (long)i;

    size_t pool_len = 1; /* offset 0 marks an empty slot */
    for (size_t i = 0; i < n; i++) {
        entry *e = &s.v[i];
        e->off = (uint32_t)pool_len;
        pool_len += 2 + e->len;
        for (int p = 0; p < 3; p++) {
            if (e->exc[p] >= 0) {
                e->exc[p] = where[e->exc[p]];
                pool_len += 3;
            }
        }
        if (pool_len >= LEMMA_MAX_POOL) die("string pool exceeds %u bytes", LEMMA_MAX_POOL);
    }

    size_t nslots = 1024;
    while (n * 10 > nslots * 7) nslots *= 2;
    uint32_t *slots = xrealloc(NULL, nslots * sizeof *slots);
    memset(slots, 0, nslots * sizeof *slots);
    for (size_t i = 0; i < n; i++) {
        uint32_t h = hash_word(s.v[i].word, s.v[i].len);
        size_t j = h & (nslots - 1);
        while (slots[j]) j = (j + 1) & (nslots - 1);
        slots[j] = s.v[i].off | (h & 0xff000000u);
    }

    printf("/* Generated by tools/gen_lemmas.c from %s -- do not edit.\n"
           " * %zu words: %zu nouns, %zu verbs, %zu adjectives; exceptions:\n"
           " * %zu noun, %zu verb, %zu adjective.  Pool %zu bytes, %zu slots. */\n",
           dir, n, nn, nv, na, xn, xv, xa, pool_len, nslots);
    printf("#include \"lemma/lemmadata.h\"\n\n");
    printf("const uint32_t lemma_slot_mask = %zuu;\n\n", nslots - 1);
    /* The pool is a string literal, one record a line, which keeps the
     * generated source about as small as the data; every non-letter is a
     * three-digit octal escape, so no escape can run into the next byte
     * and no "??" trigraph can form. */
    printf("const unsigned char lemma_pool[%zu] =\n\"\\000\"\n", pool_len);
    for (size_t i = 0; i < n; i++) {
        const entry *e = &s.v[i];
        printf("\"\\%03o\\%03o", e->len, e->flags);
        for (unsigned k = 0; k < e->len; k++) {
            unsigned char c = (unsigned char)e->word[k];
            if (c >= 'a' && c <= 'z') putchar(c);
            else printf("\\%03o", c);
        }
        for (int p = 0; p < 3; p++) {
            if (e->exc[p] < 0) continue;
            uint32_t off = s.v[e->exc[p]].off;
            printf("\\%03o\\%03o\\%03o", off & 0xff, (off >> 8) & 0xff, (off >> 16) & 0xff);
        }
        printf("\"\n");
    }
    printf(";\n\nconst uint32_t lemma_slots[%zu] = {\n", nslots);
    for (size_t i = 0; i < nslots; i++)
        printf("0x%x,%s", slots[i], (i % 8 == 7) ? "\n" : "");
    printf("};\n");

    if (fflush(stdout) != 0 || ferror(stdout)) die("write error: %s", strerror(errno));
    for (size_t i = 0; i < n; i++) free(s.v[i].word);
    free(s.v);
    free(s.map);
    free(where);
    free(slots);
    return 0;
}
