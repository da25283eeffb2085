/* lemma.c -- STUB lemmatiser: lower-cases. */
#include "../internal.h"

size_t dyad_lemmatize(const char *word, size_t len, dyad_tag tag, char *buf, size_t cap)
{
    (void)tag;
    if (cap == 0) return 0;
    size_t n = len < cap - 1 ? len : cap - 1;
    for (size_t i = 0; i < n; i++) buf[i] = (char)ch_lower((unsigned char)word[i]);
    buf[n] = 0;
    return n;
}
