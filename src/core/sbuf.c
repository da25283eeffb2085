/* sbuf.c -- growable heap byte buffer, always NUL-terminated when non-empty. */
#include "../internal.h"
#include <stdlib.h>

int sbuf_reserve(sbuf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1) return -1;
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p) return -1;
    b->data = p;
    b->cap = cap;
    return 0;
}

int sbuf_append(sbuf *b, const void *p, size_t n)
{
    if (sbuf_reserve(b, n)) return -1;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

int sbuf_putc(sbuf *b, char c) { return sbuf_append(b, &c, 1); }

void sbuf_clear(sbuf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = 0;
}

void sbuf_free(sbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
