/* tagger_bench.c -- micro benchmark and debugging aid for the tagger (not
 * wired into make).
 *
 *   cc -O2 -Iinclude -Isrc -Ibuild/gen bench/tagger_bench.c \
 *      build/libdyad.a -lm -o build/tagger_bench
 *   build/tagger_bench FILE.xml...      tags every <Parse> tree's leaves
 *                                       repeatedly; prints tokens/s
 *   build/tagger_bench -d WORD...       prints candidates and the tags of
 *                                       one sentence
 *   build/tagger_bench -r               random lexicon words (uniform over
 *                                       the lexicon, so cache-unfriendly),
 *                                       capitalised now and then, in
 *                                       sentences of 25
 *
 * It includes tagger.c itself so that -d can show the candidates. */
#define tagger_tag bench_tagger_tag
#include "../src/tag/tagger.c"
#undef tagger_tag
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const char *const names[TM_NTAGS] = {TM_TAG_NAMES};

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (fread(b, 1, (size_t)n, f) != (size_t)n) exit(1);
    b[n] = 0;
    fclose(f);
    return b;
}

static int ch_upper_bench(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

static int atom(char c) { return c && c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '(' && c != ')'; }

int main(int argc, char **argv)
{
    if (argc > 2 && strcmp(argv[1], "-d") == 0) {
        size_t n = (size_t)argc - 2;
        const char *const *w = (const char *const *)argv + 2;
        for (size_t i = 0; i < n; i++) {
            shape s;
            cand c;
            word_shape(w[i], &s);
            enum casing cs = word_casing(&s, i ? w[i - 1] : NULL, w[i], false);
            candidates(w[i], cs, &s, false, &c);
            printf("%-16s case=%d:", w[i], cs);
            for (int k = 0; k < c.n; k++)
                printf(" %s %.2f (%.2f)", names[c.tag[k]], c.e[k], c.e[k] + tm_logprior[c.tag[k]]);
            printf("\n");
        }
        arena a;
        arena_init(&a);
        uint8_t *tags = malloc(n);
        bench_tagger_tag(&a, w, n, tags);
        for (size_t i = 0; i < n; i++) printf("%s/%s ", w[i], dyad_tag_name((dyad_tag)tags[i]));
        printf("\n");
        return 0;
    }
    /* collect sentences */
    size_t cap = 1 << 20, n = 0, ns = 0;
    const char **words = calloc(cap, sizeof *words);
    size_t *sent = malloc(cap * sizeof *sent);
    if (argc == 2 && strcmp(argv[1], "-r") == 0) {
        size_t nlex = 0;
        for (uint32_t i = 0; i <= tm_lex_mask; i++) nlex += tm_lex_slots[i] != 0;
        uint32_t r = 12345;
        for (; n < 500000; n++) {
            if (n % 25 == 0) sent[ns++] = n;
            r = r * 1103515245u + 12345u;
            const tm_entry *e = &tm_lex[(r >> 8) % nlex];
            size_t len = (unsigned char)tm_pool[e->str];
            char *w = malloc(len + 1);
            memcpy(w, tm_pool + e->str + 1, len);
            w[len] = 0;
            if ((r >> 3) % 7 == 0) w[0] = (char)ch_upper_bench(w[0]);
            words[n] = w;
        }
    }
    for (int f = n ? argc : 1; f < argc; f++) {
        char *t = slurp(argv[f]);
        for (char *p = strstr(t, "<Parse>"); p; p = strstr(p, "<Parse>")) {
            char *end = strstr(p, "</Parse>");
            if (!end) break;
            sent[ns++] = n;
            for (char *q = p; q < end; q++) {
                if (*q != '(') continue;
                char *x = q + 1;
                while (atom(*x)) x++;
                if (x == q + 1 || *x != ' ') continue;
                char *wd = x + 1, *y = wd;
                while (atom(*y)) y++;
                if (y == wd || *y != ')') continue;
                *y = 0;
                words[n++] = wd;
                q = y;
            }
            p = end;
        }
    }
    sent[ns] = n;
    uint8_t *tags = malloc(n);
    arena a;
    arena_init(&a);
    size_t total = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    double secs = 0;
    do {
        for (size_t s = 0; s < ns; s++) {
            arena_reset(&a);
            bench_tagger_tag(&a, words + sent[s], sent[s + 1] - sent[s], tags + sent[s]);
        }
        total += n;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        secs = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    } while (secs < 2.0);
    printf("%zu sentences, %zu tokens; %.2f M tokens/s\n", ns, n, (double)total / secs / 1e6);
    return 0;
}
