/* arena.c -- bump allocator owned by one pipeline (see internal.h). */
#include "../internal.h"
#include <stdlib.h>

struct arena_block {
    arena_block *next;
    size_t cap, used;
    _Alignas(16) unsigned char data[];
};

/* Blocks start at 64 KiB and grow with demand so that a 10 MB article needs
 * a handful of blocks, not thousands. */
#define ARENA_MIN_BLOCK ((size_t)64 * 1024)

void arena_init(arena *a) { a->head = a->spare = NULL; a->used_total = 0; }

static arena_block *block_new(size_t need, size_t prev_cap)
{
    size_t cap = prev_cap ? prev_cap * 2 : ARENA_MIN_BLOCK;
    if (cap < need) cap = need;
    if (cap > SIZE_MAX - sizeof(arena_block)) return NULL;
    arena_block *b = malloc(sizeof(arena_block) + cap);
    if (!b) return NULL;
    b->cap = cap;
    b->used = 0;
    b->next = NULL;
    return b;
}

void *arena_alloc(arena *a, size_t size)
{
    size_t need = (size + 15) & ~(size_t)15;
    if (need < size) return NULL;
    arena_block *b = a->head;
    if (!b || b->cap - b->used < need) {
        /* Reuse a spare block that fits before asking malloc. */
        arena_block **pp = &a->spare;
        while (*pp && (*pp)->cap < need) pp = &(*pp)->next;
        if (*pp) {
            b = *pp;
            *pp = b->next;
            b->used = 0;
        } else {
            b = block_new(need, a->head ? a->head->cap : 0);
            if (!b) return NULL;
        }
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += need;
    a->used_total += need;
    return p;
}

void *arena_calloc(arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) return NULL;
    void *p = arena_alloc(a, n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void *arena_grow(arena *a, void *old, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return old;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem) return NULL;
        ncap *= 2;
    }
    void *p = arena_alloc(a, ncap * elem);
    if (!p) return NULL;
    if (old && *cap) memcpy(p, old, *cap * elem);
    *cap = ncap;
    return p;
}

void arena_reset(arena *a)
{
    /* Keep only the largest blocks: memory stays bounded by the largest
     * document seen, not by the sum of all documents. */
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        b->next = a->spare;
        a->spare = b;
        b = next;
    }
    a->head = NULL;
    a->used_total = 0;
    size_t kept = 0;
    arena_block **pp = &a->spare;
    while (*pp) {
        if (++kept > 4) {
            arena_block *dead = *pp;
            *pp = dead->next;
            free(dead);
        } else {
            pp = &(*pp)->next;
        }
    }
}

void arena_free(arena *a)
{
    arena_reset(a);
    arena_block *b = a->spare;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->spare = NULL;
}
