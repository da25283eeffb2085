/* fuzz_dict_image.c -- the compiled-image loader on damaged images.  The
 * input is a recipe applied to a valid image of a small dictionary with
 * every section filled:
 *
 *   byte 0      flags: 1 seal the checksum again after the edits (so the
 *               damage reaches the validation of the content), 2 cut the
 *               image to the length in bytes 1-2, 4 use the input itself as
 *               the image, 8 append the input to the image
 *   bytes 3...  edits of 4 bytes: a 24-bit offset (modulo the image size)
 *               and a byte to store there
 *
 * A load must be refused with a message or give a dictionary that every
 * reader of it survives, and that a text file can still be added to. */
#include "dict/dict.h"
#include "dict/dict_image.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const texts[][2] = {
    {"f.verbs", "<SYNSETS>\n&CUR\n+DOLLAR_\n&MONEY\n+&CUR_NOTES\n</SYNSETS>\nACCEPT [030]\n{ ACCEPTED_ }\n"
                "- * $ PROPOSAL [081]\n- * { A | B }_&MONEY [031]\n<TIME>\nLAST_WEEK [-7]\n</TIME>\n"},
    {"f.actors", "GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 950601 - 990815]\nMORDOR [MOR]\n"
                 "<NOUN>\nORCS\n</NOUN>\n"},
    {"f.agents", "POLICE [~COP]\n"},
    {"f.options", "SET: MINIMUM WORDS = 5\nLABEL: 030 = accept\n"},
    {"f.verbs.txt", "&THING_\n+WIDGET\n--- SAY [010] ---\nSAY {SAID}\n- * {TO $} (WITH +) [012]\n"
                    "~ a (b c ATTACK) SAY = a c 015\n"},
    {"f.agents.txt", "!P! = MAN, MEN\nX!P! [~LEG]\n"},
    {"f.discards.txt", "+SPORTS\n"},
    {"f.issues.txt", "<ISSUE CATEGORY=\"E\">\nn:tax [E]\n~taxi\n</ISSUE>\n"},
};

static void *base_image;
static size_t base_len;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    dyad_dict *d = dict_new();
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        dict_load_memory(d, texts[i][0], texts[i][1], strlen(texts[i][1]), NULL);
    char err[256];
    if (dict_image_build(d, NULL, &base_image, &base_len, err, sizeof err)) abort();
    dict_free(d);
    return 0;
}

static void exercise(dyad_dict *d)
{
    dict_check(d, NULL, NULL, NULL);
    char text[128];
    for (int k = 0; k < DICT_PH_KINDS; k++) {
        size_t n;
        const dict_phrase *ph = dict_phrases(d, (dict_phrase_kind)k, &n);
        for (size_t i = 0; i < n; i++) dict_phrase_text(d, &ph[i], text, sizeof text);
    }
    size_t n;
    dict_actors(d, &n);
    for (uint32_t i = 0; i < n; i++) dict_actor_code_on(d, i, 19990101);
    const dict_synset *syn = dict_synsets(d, &n);
    for (size_t i = 0; i < n; i++) dict_synset_find(d, syn[i].name);
    dict_total_counts(d);
    dict_load_memory(d, "more.actors", "FRODO [HOB]\n", 12, NULL);
    dict_string_find(d, "frodo", 5);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size) return 0;
    uint8_t flags = data[0];
    size_t len = base_len;
    unsigned char *img;
    if (flags & 4) {
        len = size - 1;
        img = malloc(len ? len : 1);
        if (!img) return 0;
        memcpy(img, data + 1, len);
    } else {
        size_t extra = flags & 8 ? size : 0;
        img = malloc(base_len + extra);
        if (!img) return 0;
        memcpy(img, base_image, base_len);
        if (extra) { memcpy(img + base_len, data, extra); len += extra; }
        for (size_t at = 3; at + 4 <= size; at += 4) {
            size_t off = ((size_t)data[at] | (size_t)data[at + 1] << 8 | (size_t)data[at + 2] << 16) % len;
            img[off] = data[at + 3];
        }
        if ((flags & 2) && size >= 3) {
            size_t cut = (size_t)data[1] | (size_t)data[2] << 8;
            if (cut < len) len = cut;
        }
        if (flags & 1) dict_image_seal(img, len);
    }
    dyad_dict *d = dict_new();
    char err[512] = "";
    if (d) {
        if (dict_image_load_memory(d, img, len, err, sizeof err) == 0) exercise(d);
        else if (!err[0]) abort(); /* a refusal always says why */
    }
    dict_free(d);
    free(img);
    return 0;
}
