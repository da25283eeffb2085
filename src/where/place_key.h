/*
 * place_key.h -- the folding of place names into gazetteer keys, shared by
 * tools/gen_gazetteer.c (which makes the keys) and places.c (which looks
 * them up), so that both sides fold alike.
 *
 * Keys fold case and strip the diacritics of Latin letters: GeoNames
 * writes "Zürich", "Bogotá" and "Kraków", English-language news mostly
 * writes "Zurich", "Bogota" and "Krakow", and both must find the same
 * place.  Letters outside Latin-1 and Latin Extended-A (Cyrillic, Arabic,
 * ...) are kept as they are: no news in English spells a place that way
 * and expects it folded.
 */
#ifndef DYAD_PLACE_KEY_H
#define DYAD_PLACE_KEY_H

#include <stddef.h>

/* ASCII for U+00C0..U+00FF and U+0100..U+017F; '*' marks a letter that
 * folds to two (Æ, Þ, ß, Ĳ, Œ) or to nothing (× and ÷ stay as they are). */
static const char place_key_latin1[64 + 1] =
    "aaaaaa*ceeeeiiiidnooooo*ouuuuy**aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
static const char place_key_latin_ext_a[128 + 1] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllll"
    "nnnnnnnnnoooooo**rrrrrrsssssssstttttt"
    "uuuuuuuuuuuuwwyyyzzzzzzs";
/* U+1E00..U+1EFF, Latin Extended Additional: the dotted and underlined
 * letters of transliterations ("Al Ḩudaydah") and Vietnamese. */
static const char place_key_latin_ext_add[256 + 1] =
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"
    "wwwwwwwwwwxxxxyyzzzzzzhtwy******aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy******";

/* The ASCII folding of code point c into out (at most 2 bytes); 0 when c
 * is not folded. */
static inline size_t place_key_fold_char(unsigned c, char out[2]);

/* Whether c is a letter apostrophe or a quotation mark used as one, which
 * transliterations put inside names ("Kramators’k", "Ta‘izz") and news
 * leaves out: keys drop it. */
static inline int place_key_apostrophe(unsigned c)
{
    return c == 0x2BC || c == 0x2BE || c == 0x2BF || c == 0x2018 || c == 0x2019;
}

static inline size_t place_key_fold_char(unsigned c, char out[2])
{
    char f = 0;
    if (c >= 0xC0 && c <= 0xFF) f = place_key_latin1[c - 0xC0];
    else if (c >= 0x100 && c <= 0x17F) f = place_key_latin_ext_a[c - 0x100];
    else if (c >= 0x218 && c <= 0x21B) f = c < 0x21A ? 's' : 't'; /* Ș ș Ț ț (Romanian) */
    else if (c >= 0x1E00 && c <= 0x1EFF) f = place_key_latin_ext_add[c - 0x1E00];
    if (!f) return 0;
    if (f != '*') {
        out[0] = f;
        return 1;
    }
    switch (c) {
    case 0xC6: case 0xE6: out[0] = 'a'; out[1] = 'e'; return 2;
    case 0xDE: case 0xFE: out[0] = 't'; out[1] = 'h'; return 2;
    case 0xDF: out[0] = 's'; out[1] = 's'; return 2;
    case 0x132: case 0x133: out[0] = 'i'; out[1] = 'j'; return 2;
    case 0x152: case 0x153: out[0] = 'o'; out[1] = 'e'; return 2;
    default: return 0; /* × ÷ */
    }
}

/* Appends the folded form of the n bytes at s to key (length *len,
 * capacity cap, kept NUL-terminated): ASCII letters lower-cased, Latin
 * letters with diacritics as above, every other byte copied.  Returns 0
 * when the result does not fit (no place name is that long). */
static inline int place_key_fold(char *key, size_t *len, size_t cap, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        char two[2];
        size_t k = 0, used = 1;
        unsigned c = 0;
        if (p[i] >= 0xC3 && p[i] <= 0xCA && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
            c = (unsigned)(p[i] & 0x1F) << 6 | (p[i + 1] & 0x3F); /* U+00C0..U+02BF */
            used = 2;
        } else if ((p[i] == 0xE1 || p[i] == 0xE2) && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 &&
                   (p[i + 2] & 0xC0) == 0x80) {
            c = (unsigned)(p[i] & 0x0F) << 12 | (unsigned)(p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F);
            used = 3;
        }
        if (c && place_key_apostrophe(c)) {
            i += used;
            continue;
        }
        if (c) k = place_key_fold_char(c, two);
        if (k) {
            if (*len + k >= cap) return 0;
            for (size_t j = 0; j < k; j++) key[(*len)++] = two[j];
        } else {
            if (*len + used >= cap) return 0;
            for (size_t j = 0; j < used; j++) {
                unsigned char b = p[i + j];
                key[(*len)++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
            }
        }
        i += used;
    }
    key[*len] = 0;
    return 1;
}

#endif
