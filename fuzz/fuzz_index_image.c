/* fuzz_index_image.c -- the loader of compiled index images (a dictionary
 * and its matching index, as the built-in dictionaries are compiled into
 * the library) on damaged images.  The input is a recipe applied to a
 * valid image of a small dictionary with every kind of root, synsets,
 * alternatives, paired, null and shifted codes:
 *
 *   byte 0      flags: 1 seal the checksum again after the edits (so the
 *               damage reaches the validation of the content), 2 cut the
 *               image to the length in bytes 1-2, 4 use the input itself as
 *               the image
 *   bytes 3...  edits of 4 bytes: a 24-bit offset (modulo the image size)
 *               and a byte to store there
 *
 * A load must be refused with a message, or give a coder that codes and
 * renders sentences without leaving its arrays. */
#include "code/code.h"
#include "dict/dict.h"
#include "dict/dict_index.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const texts[][2] = {
    {"f.verbs", "<SYNSETS>\n&CUR\n+DOLLAR_\n&MONEY\n+&CUR_NOTES\n</SYNSETS>\n"
                "ATTACK [190]\n- * $ WITH &MONEY [193]\n- * { TROOPS | SOLDIERS } IN + [194]\n"
                "MEET [031:031]\n- % * [030]\nCONDEMN_ [122]\n{ CONDEMNED_ }\nPLAY [---]\n- * FOOTBALL [###]\n"
                "PONDER [+++]\nSAID [023?]\n- * WOULD_HELP [050]\n<TIME>\nLAST_WEEK [-7]\n</TIME>\n"},
    {"f.actors", "VALORIA [VAL]\n+VALORIAN\nMERANTH_ [MER]\nGENERAL_TARN\n\t[MERMIL <20091231]\n"
                 "\t[MERGOV >20100101]\n<NOUN>\nORCS\n</NOUN>\n"},
    {"f.agents", "MINISTER_ [~GOV]\nSOLDIERS_ [~MIL]\nAID_WORKERS_ [NGO~]\n"},
    {"f.discards.txt", "+FOOTBALL_MATCH\n"},
};

static const char *const sentences =
    "Valoria attacked Meranth with dollar notes on Tuesday.\n\n"
    "The Valorian minister met General Tarn last week and condemned the orcs.\n\n"
    "Meranth soldiers said Valoria would help.\n";

static void *base_image;
static size_t base_len;

int LLVMFuzzerInitialize(int *argc, char **argv[])
{
    (void)argc;
    (void)argv;
    dyad_dict *d = dict_new();
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        if (dict_load_memory(d, texts[i][0], texts[i][1], strlen(texts[i][1]), NULL)) abort();
    dict_index *ix = ix_build(d);
    char err[256];
    if (!ix || ix_image_build(ix, &base_image, &base_len, err, sizeof err)) abort();
    ix_free(ix);
    dict_free(d);
    return 0;
}

static void unexpected(const dyad_diag *dg, void *user)
{
    (void)user;
    /* the image was just accepted: refusing it now would be a bug */
    fprintf(stderr, "%s\n", dg->message);
    abort();
}

static void exercise(const void *img, size_t len)
{
    dyad_coder_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.builtin = 1;
    cfg.diag = unexpected;
    dyad_coder *c = code_coder_new(&cfg, img, len);
    if (!c) abort();
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    dyad_code_options opt;
    memset(&opt, 0, sizeof opt);
    opt.explain = 1;
    memcpy(opt.default_date, "2022-01-27", 11);
    dyad_coder_work *w = dyad_coder_work_new(c, &opt);
    FILE *null = fopen("/dev/null", "w");
    dyad_reader *r = dyad_reader_open_memory("s", sentences, strlen(sentences), DYAD_FORMAT_TEXT, NULL, NULL);
    dyad_document doc;
    while (p && w && null && r && dyad_reader_next(r, &doc)) {
        dyad_analysis a;
        const dyad_event *ev;
        size_t n;
        if (dyad_analyze(p, &doc, &a) || dyad_code(w, &a, &ev, &n)) continue;
        for (int f = 0; f < 4; f++) dyad_render_events(null, &a, ev, n, (dyad_event_format)f, DYAD_EVENTS_EXPLAIN);
    }
    dyad_reader_close(r);
    if (null) fclose(null);
    dyad_coder_work_free(w);
    dyad_pipeline_free(p);
    dyad_coder_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size) return 0;
    uint8_t flags = data[0];
    size_t len = base_len;
    unsigned char *img;
    if (flags & 4) {
        len = size - 1;
        img = malloc(len ? len : 1); /* malloc: aligned as the loader needs */
        if (!img) return 0;
        memcpy(img, data + 1, len);
    } else {
        img = malloc(base_len);
        if (!img) return 0;
        memcpy(img, base_image, base_len);
        for (size_t at = 3; at + 4 <= size; at += 4) {
            size_t off = ((size_t)data[at] | (size_t)data[at + 1] << 8 | (size_t)data[at + 2] << 16) % len;
            img[off] = data[at + 3];
        }
        if ((flags & 2) && size >= 3) {
            size_t cut = (size_t)data[1] | (size_t)data[2] << 8;
            if (cut < len) len = cut;
        }
        if (flags & 1) ix_image_seal(img, len);
    }
    dyad_dict *d;
    dict_index *ix;
    char err[512] = "";
    if (ix_image_load(img, len, &d, &ix, err, sizeof err) == 0) {
        ix_free(ix);
        dict_free(d);
        exercise(img, len);
    } else if (!err[0]) {
        abort(); /* a refusal always says why */
    }
    free(img);
    return 0;
}
