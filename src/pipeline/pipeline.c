/*
 * pipeline.c -- runs the stages over one document.
 *
 *   parts (text/) -> tokens (token/) -> sentences (sentence/) -> tags (tag/)
 *   -> lemmas (lemma/) -> chunks, clauses, verb groups (chunk/)
 *
 * All memory of an analysis comes from the pipeline's arena, which is reset
 * at the start of the next document: streaming any number of documents
 * costs memory bounded by the largest one.
 */
#include "../internal.h"
#include <stdlib.h>

struct dyad_pipeline {
    dyad_level level;
    arena mem;
};

arena *pipeline_arena(dyad_pipeline *p) { return &p->mem; }

dyad_pipeline *dyad_pipeline_new(dyad_level level)
{
    dyad_pipeline *p = malloc(sizeof *p);
    if (!p) return NULL;
    p->level = level;
    arena_init(&p->mem);
    return p;
}

void dyad_pipeline_free(dyad_pipeline *p)
{
    if (!p) return;
    arena_free(&p->mem);
    free(p);
}

/* Lemmas are needed for nouns, verbs and comparatives; every other token
 * uses its lower-cased form, which is the normal form itself when that is
 * already lower case (no copy). */
static int lemmatize_sentence(arena *a, dyad_sentence *s)
{
    for (size_t i = 0; i < s->ntokens; i++) {
        dyad_token *t = &s->tokens[i];
        bool lower = true;
        for (size_t k = 0; k < t->norm_len; k++)
            if (ch_is_upper((unsigned char)t->norm[k])) { lower = false; break; }
        switch (t->tag) {
        case DYAD_TAG_NN: case DYAD_TAG_NNS: case DYAD_TAG_NNPS:
        case DYAD_TAG_VB: case DYAD_TAG_VBD: case DYAD_TAG_VBG: case DYAD_TAG_VBN:
        case DYAD_TAG_VBP: case DYAD_TAG_VBZ: case DYAD_TAG_JJR: case DYAD_TAG_JJS:
        case DYAD_TAG_MD:
            break;
        default:
            if (lower) { t->lemma = t->norm; continue; }
            break;
        }
        size_t cap = (size_t)t->norm_len + 8;
        char *buf = arena_alloc(a, cap);
        if (!buf) return -1;
        dyad_lemmatize(t->norm, t->norm_len, (dyad_tag)t->tag, buf, cap);
        t->lemma = buf;
    }
    return 0;
}

static int tag_sentence(arena *a, dyad_sentence *s)
{
    if (s->ntokens == 0) return 0;
    const char **words = arena_alloc(a, s->ntokens * sizeof *words);
    uint8_t *tags = arena_alloc(a, s->ntokens);
    if (!words || !tags) return -1;
    for (size_t i = 0; i < s->ntokens; i++) words[i] = s->tokens[i].norm;
    bool title = (s->part == DYAD_PART_HEADLINE || s->part == DYAD_PART_SUBHEADLINE) &&
                 tagger_is_title_case(words, s->ntokens);
    if ((title ? tagger_tag_title : tagger_tag)(a, words, s->ntokens, tags)) return -1;
    for (size_t i = 0; i < s->ntokens; i++) s->tokens[i].tag = tags[i];
    return 0;
}

/* Marks tokens inside quotation marks.  Quotes may span sentences within
 * a paragraph, so the depth is carried across them and reset per part. */
static void mark_quotes(dyad_token *toks, size_t n)
{
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        dyad_token *t = &toks[i];
        bool open = t->norm_len == 2 && t->norm[0] == '`' && t->norm[1] == '`';
        bool close = t->norm_len == 2 && t->norm[0] == '\'' && t->norm[1] == '\'';
        if (open) depth = depth < 8 ? depth + 1 : depth;
        if (depth > 0) t->flags |= DYAD_TOKEN_IN_QUOTE;
        if (close && depth > 0) depth--;
    }
}

int dyad_analyze(dyad_pipeline *p, const dyad_document *doc, dyad_analysis *out)
{
    arena *a = &p->mem;
    arena_reset(a);
    memset(out, 0, sizeof *out);
    out->doc = doc;
    if (doc->len > DYAD_MAX_DOCUMENT) return -1;

    dyad_part *parts;
    article_mode mode = doc->is_sentence            ? ARTICLE_SENTENCE
                        : doc->format == DYAD_FORMAT_JSONL ? ARTICLE_BODY
                                                           : ARTICLE_PASTED;
    long nparts = article_parts(a, doc->text, doc->len, mode, &parts);
    if (nparts < 0) goto oom;

    token_vec toks = {NULL, 0, 0};
    size_t sent_cap = 0, nsent = 0;
    dyad_sentence *sents = NULL;
    /* Sentences index into toks.v, which may move while it grows, so
     * sentences first record token positions and get pointers at the end. */
    size_t *first_token = NULL, first_cap = 0;
    for (long pi = 0; pi < nparts; pi++) {
        size_t from = toks.n;
        if (tokenize_range(a, doc->text, parts[pi].start, parts[pi].end, &toks,
                           &out->repaired_bytes))
            goto oom;
        /* A part may give no tokens (only spaces); toks.v is then still
         * NULL, and NULL + 0 is undefined. */
        if (toks.n > from) mark_quotes(toks.v + from, toks.n - from);
        size_t i = from;
        while (i < toks.n) {
            /* A record that is one sentence stays one (up to the length
             * cap that bounds later stages). */
            size_t j = doc->is_sentence
                ? (toks.n - i > SENTENCE_MAX_TOKENS ? i + SENTENCE_MAX_TOKENS : toks.n)
                : from + segment_next(toks.v + from, toks.n - from, i - from, doc->text);
            if (nsent == sent_cap) {
                sents = arena_grow(a, sents, &sent_cap, nsent + 1, sizeof *sents);
                first_token = arena_grow(a, first_token, &first_cap, nsent + 1, sizeof *first_token);
                if (!sents || !first_token) goto oom;
            }
            dyad_sentence *s = &sents[nsent];
            memset(s, 0, sizeof *s);
            s->part = parts[pi].kind;
            s->start = toks.v[i].start;
            s->end = toks.v[j - 1].end;
            s->ntokens = j - i;
            first_token[nsent] = i;
            nsent++;
            i = j;
        }
    }
    for (size_t k = 0; k < nsent; k++) {
        dyad_sentence *s = &sents[k];
        s->tokens = toks.v + first_token[k];
        if (p->level >= DYAD_LEVEL_TAGS) {
            if (tag_sentence(a, s) || lemmatize_sentence(a, s)) goto oom;
        }
        if (p->level >= DYAD_LEVEL_CHUNKS && chunk_sentence(a, s)) goto oom;
    }
    out->parts = parts;
    out->nparts = (size_t)nparts;
    out->sentences = sents;
    out->nsentences = nsent;
    return 0;
oom:
    arena_reset(a);
    memset(out, 0, sizeof *out);
    out->doc = doc;
    return -1;
}

int dyad_analyze_text(dyad_pipeline *p, const char *text, size_t len, dyad_analysis *out)
{
    /* The document must outlive the analysis, so it lives in the arena;
     * dyad_analyze resets the arena first, hence the two steps. */
    dyad_document doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "text";
    doc.text = text;
    doc.len = len;
    doc.file = "<memory>";
    doc.line = 1;
    doc.format = DYAD_FORMAT_TEXT;
    int rc = dyad_analyze(p, &doc, out);
    if (rc) return rc;
    dyad_document *kept = arena_alloc(&p->mem, sizeof *kept);
    if (!kept) return -1;
    *kept = doc;
    out->doc = kept;
    return 0;
}

int dyad_tag_words(dyad_pipeline *p, const char *const *words, size_t n, dyad_tag *out)
{
    arena_reset(&p->mem);
    uint8_t *tags = arena_alloc(&p->mem, n ? n : 1);
    if (!tags) return -1;
    if (tagger_tag(&p->mem, words, n, tags)) return -1;
    for (size_t i = 0; i < n; i++) out[i] = (dyad_tag)tags[i];
    return 0;
}
