/*
 * internal.h -- what the stages of libdyad share with each other but not
 * with users.  Prefixes name the module: arena_ (core/arena.c), utf8_
 * (core/utf8.c), sbuf_ (core/sbuf.c), json_ (core/json.c), tagger_
 * (tag/), chunk_ (chunk/), article_ (text/), tokenize_ (token/),
 * segment_ (sentence/), reader_ (read/).
 */
#ifndef DYAD_INTERNAL_H
#define DYAD_INTERNAL_H

#include "dyad.h"
#include <stdbool.h>
#include <string.h>

/* ---- arena: bump allocation, freed all at once ------------------------
 * Every analysis allocates from one arena that is reset, not freed, between
 * documents, so steady-state streaming does no malloc at all. */
typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head;   /* block being filled                      */
    arena_block *spare;  /* blocks kept from before the last reset  */
    size_t used_total;   /* bytes handed out since the last reset   */
} arena;

void arena_init(arena *a);
void *arena_alloc(arena *a, size_t size);           /* 16-byte aligned; NULL on OOM */
void *arena_calloc(arena *a, size_t n, size_t size);/* zeroed; NULL on overflow/OOM */
char *arena_strndup(arena *a, const char *s, size_t n);
/* The pipeline's arena: stages after the analysis (quotes, coding) put
 * their per-document results there, so they live exactly as long. */
struct dyad_pipeline;
arena *pipeline_arena(struct dyad_pipeline *p);
void arena_reset(arena *a);
void arena_free(arena *a);

/* A growable array inside an arena: grows by doubling, copying the old
 * contents (the old block is simply abandoned to the arena). */
void *arena_grow(arena *a, void *old, size_t *cap, size_t need, size_t elem);

/* ---- sbuf: a heap byte buffer for readers and renderers -------------- */
typedef struct sbuf {
    char *data;
    size_t len, cap;
} sbuf;

int sbuf_reserve(sbuf *b, size_t extra);            /* 0 ok, -1 OOM */
int sbuf_append(sbuf *b, const void *p, size_t n);
int sbuf_putc(sbuf *b, char c);
void sbuf_clear(sbuf *b);
void sbuf_free(sbuf *b);

/* ---- utf8 --------------------------------------------------------------
 * Decodes one code point at s (n bytes available).  Sets *adv to the bytes
 * consumed (>= 1 when n >= 1).  Invalid or truncated sequences, overlongs,
 * surrogates and code points above U+10FFFF decode to U+FFFD with *adv = 1,
 * so that every byte is accounted for and decoding always advances. */
#define UTF8_REPLACEMENT 0xFFFDu
uint32_t utf8_decode(const unsigned char *s, size_t n, size_t *adv);
/* Bytes written (1..4) for code point c. */
size_t utf8_encode(uint32_t c, char *out);
/* True when the n bytes at s are valid UTF-8. */
bool utf8_valid(const char *s, size_t n);

/* ---- json: output helpers (renderers) ------------------------------- */
/* Writes s as a JSON string literal, escaping control bytes and replacing
 * invalid UTF-8 by U+FFFD, so output is always valid JSON. */
void json_write_string(FILE *out, const char *s, size_t n);
/* Writes text[start, end) on one line: line breaks and tabs become spaces
 * (render/render.c). */
void render_put_flat(FILE *out, const char *t, uint32_t start, uint32_t end);

/* ---- character classes on normalised text -------------------------- */
static inline bool ch_is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline bool ch_is_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline bool ch_is_alpha(int c) { return ch_is_upper(c) || ch_is_lower(c); }
static inline bool ch_is_digit(int c) { return c >= '0' && c <= '9'; }
static inline int ch_lower(int c) { return ch_is_upper(c) ? c + 32 : c; }

/* ---- article layout (text/article.c) --------------------------------
 * Splits a pasted article into parts (headline, byline, dateline, body,
 * boilerplate).  Returns the number of parts, or -1 on OOM. */
typedef enum article_mode {
    ARTICLE_PASTED,   /* a whole page as pasted: headline lines come first  */
    ARTICLE_BODY,     /* the story's text with its title kept apart (JSON
                         Lines): short opening lines are news, not titles   */
    ARTICLE_SENTENCE  /* one sentence: no layout at all                      */
} article_mode;
long article_parts(arena *a, const char *text, size_t len, article_mode mode,
                   dyad_part **out);

/* ---- tokenizer (token/tokenize.c) -----------------------------------
 * Tokenises text[start,end) in Penn Treebank style, appending to *toks.
 * Offsets are absolute.  Returns 0, or -1 on OOM.  *repaired is increased
 * by the number of invalid UTF-8 bytes met. */
typedef struct token_vec {
    dyad_token *v;
    size_t n, cap;
} token_vec;
int tokenize_range(arena *a, const char *text, uint32_t start, uint32_t end,
                   token_vec *toks, size_t *repaired);

/* True for a word (lower-cased, with its final period) that is a known
 * abbreviation: "u.s.", "gen.", "jan.". */
bool tokenize_is_abbreviation(const char *word, size_t len);

/* True when the token's normal form is `lower` (given in lower case),
 * ignoring the token's ASCII case; token_in: one of a NULL-ended list. */
bool token_is(const dyad_token *t, const char *lower);
bool token_in(const dyad_token *t, const char *const *list);

/* ---- sentence segmentation (sentence/segment.c) ----------------------
 * A sentence longer than SENTENCE_MAX_TOKENS is cut: real sentences are far
 * shorter, and the cap bounds the per-sentence work of later stages on
 * hostile input. */
#define SENTENCE_MAX_TOKENS 1024

/* Given the tokens of one part, returns the index one past the last token
 * of the sentence starting at `from`. */
size_t segment_next(const dyad_token *toks, size_t n, size_t from,
                    const char *text);

/* ---- tagger (tag/tagger.c) -------------------------------------------
 * Tags the n words (normalised forms, original case) of one sentence.
 * Scratch memory comes from `scratch`.  Returns 0 or -1 on OOM. */
int tagger_tag(arena *scratch, const char *const *words, size_t n, uint8_t *tags);
/* The same for a headline in title case, where capitals carry no
 * information; tagger_is_title_case() tells such a headline. */
int tagger_tag_title(arena *scratch, const char *const *words, size_t n, uint8_t *tags);
bool tagger_is_title_case(const char *const *words, size_t n);
/* True when WordNet lists the lower-case word as an irregular verb form
 * (lemma/lemma.c). */
bool lemma_is_irregular_verb(const char *lower, size_t len);
/* True when WordNet has the lower-case word as a verb's base form. */
bool lemma_is_verb_base(const char *lower, size_t len);

/* ---- chunker (chunk/chunk.c) -----------------------------------------
 * Fills s->chunks, s->clauses, s->verbs (and each token's chunk index)
 * from tokens whose tag and lemma are set.  Returns 0 or -1 on OOM. */
int chunk_sentence(arena *a, dyad_sentence *s);

#endif
