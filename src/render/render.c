/*
 * render.c -- the views of an analysis for people and tests: sentences,
 * tags and chunks, as text (one sentence a line) or JSON Lines (one object
 * a sentence).  JSON output is valid whatever bytes the input held.
 */
#include "../internal.h"

/* Writes text[start,end) on one line: newlines and tabs become spaces so
 * that one sentence stays one line. */
void render_put_flat(FILE *out, const char *t, uint32_t start, uint32_t end)
{
    uint32_t run = start;
    for (uint32_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == 0) {
            fwrite(t + run, 1, i - run, out);
            /* collapse a line break and its indentation into one space */
            if (i == run || t[i - 1] != ' ') putc(' ', out);
            run = i + 1;
        }
    }
    fwrite(t + run, 1, end - run, out);
}

static void json_key_string(FILE *out, const char *key, const char *s)
{
    fprintf(out, "\"%s\":", key);
    if (s) json_write_string(out, s, strlen(s));
    else fputs("null", out);
}

/* Common head of every JSON sentence object. */
static void json_sentence_head(FILE *out, const dyad_analysis *a, size_t k)
{
    const dyad_sentence *s = &a->sentences[k];
    putc('{', out);
    json_key_string(out, "doc", a->doc->id);
    fprintf(out, ",\"sentence\":%zu,\"part\":\"%s\",\"start\":%u,\"end\":%u,\"text\":",
            k, dyad_part_name(s->part), s->start, s->end);
    json_write_string(out, a->doc->text + s->start, s->end - s->start);
}

void dyad_render_sentences(FILE *out, const dyad_analysis *a, unsigned flags)
{
    for (size_t k = 0; k < a->nsentences; k++) {
        const dyad_sentence *s = &a->sentences[k];
        if (flags & DYAD_RENDER_JSON) {
            json_sentence_head(out, a, k);
            fputs("}\n", out);
            continue;
        }
        fprintf(out, "%s\t%zu\t%s\t", a->doc->id, k, dyad_part_name(s->part));
        render_put_flat(out, a->doc->text, s->start, s->end);
        putc('\n', out);
    }
}

static void json_tokens(FILE *out, const dyad_sentence *s)
{
    fputs(",\"tokens\":[", out);
    for (size_t i = 0; i < s->ntokens; i++) {
        const dyad_token *t = &s->tokens[i];
        if (i) putc(',', out);
        fputs("{\"word\":", out);
        json_write_string(out, t->norm, t->norm_len);
        fprintf(out, ",\"tag\":\"%s\",\"lemma\":", dyad_tag_name((dyad_tag)t->tag));
        json_write_string(out, t->lemma, strlen(t->lemma));
        fprintf(out, ",\"start\":%u,\"end\":%u}", t->start, t->end);
    }
    putc(']', out);
}

void dyad_render_tags(FILE *out, const dyad_analysis *a, unsigned flags)
{
    for (size_t k = 0; k < a->nsentences; k++) {
        const dyad_sentence *s = &a->sentences[k];
        if (flags & DYAD_RENDER_JSON) {
            json_sentence_head(out, a, k);
            json_tokens(out, s);
            fputs("}\n", out);
            continue;
        }
        for (size_t i = 0; i < s->ntokens; i++) {
            const dyad_token *t = &s->tokens[i];
            if (i) putc(' ', out);
            fprintf(out, "%s/%s/%s", t->norm, dyad_tag_name((dyad_tag)t->tag), t->lemma);
        }
        putc('\n', out);
    }
}

/* The verb group of a VP chunk, or NULL. */
static const dyad_verb_group *group_of(const dyad_sentence *s, size_t chunk)
{
    for (size_t v = 0; v < s->nverbs; v++)
        if (s->verbs[v].chunk == chunk) return &s->verbs[v];
    return NULL;
}

/* Verb-group features as "past,passive,negated,would". */
static void put_features(FILE *out, const dyad_verb_group *g)
{
    fputs(dyad_tense_name((dyad_tense)g->tense), out);
    if (g->flags & DYAD_VG_PERFECT) fputs(",perfect", out);
    if (g->flags & DYAD_VG_PROGRESSIVE) fputs(",progressive", out);
    if (g->flags & DYAD_VG_INFINITIVE) fputs(",infinitive", out);
    if (g->flags & DYAD_VG_PASSIVE) fputs(",passive", out);
    if (g->flags & DYAD_VG_NEGATED) fputs(",negated", out);
    if (g->modality != DYAD_MOD_NONE)
        fprintf(out, ",%s", dyad_modality_name((dyad_modality)g->modality));
}

static void json_chunks(FILE *out, const dyad_sentence *s)
{
    fputs(",\"chunks\":[", out);
    for (size_t c = 0; c < s->nchunks; c++) {
        const dyad_chunk *ch = &s->chunks[c];
        if (c) putc(',', out);
        fprintf(out, "{\"kind\":\"%s\",\"first\":%u,\"last\":%u,\"head\":%d,\"clause\":%d",
                dyad_chunk_name(ch->kind), ch->first, ch->last,
                ch->head == DYAD_NONE ? -1 : (int)ch->head,
                ch->clause == DYAD_NONE ? -1 : (int)ch->clause);
        if (ch->object != DYAD_NONE) fprintf(out, ",\"object\":%u", ch->object);
        putc('}', out);
    }
    fputs("],\"clauses\":[", out);
    for (size_t c = 0; c < s->nclauses; c++) {
        const dyad_clause *cl = &s->clauses[c];
        if (c) putc(',', out);
        fprintf(out, "{\"kind\":\"%s\",\"first\":%u,\"last\":%u,\"parent\":%d,\"opener\":%d}",
                dyad_clause_name(cl->kind), cl->first, cl->last,
                cl->parent == DYAD_NONE ? -1 : (int)cl->parent,
                cl->opener == DYAD_NONE ? -1 : (int)cl->opener);
    }
    fputs("],\"verbs\":[", out);
    for (size_t v = 0; v < s->nverbs; v++) {
        const dyad_verb_group *g = &s->verbs[v];
        if (v) putc(',', out);
        fprintf(out,
                "{\"chunk\":%u,\"head\":%u,\"clause\":%u,\"tense\":\"%s\",\"modality\":\"%s\","
                "\"passive\":%s,\"negated\":%s,\"perfect\":%s,\"progressive\":%s,"
                "\"infinitive\":%s,\"by_agent\":%d}",
                g->chunk, g->head, g->clause, dyad_tense_name((dyad_tense)g->tense),
                dyad_modality_name((dyad_modality)g->modality),
                g->flags & DYAD_VG_PASSIVE ? "true" : "false",
                g->flags & DYAD_VG_NEGATED ? "true" : "false",
                g->flags & DYAD_VG_PERFECT ? "true" : "false",
                g->flags & DYAD_VG_PROGRESSIVE ? "true" : "false",
                g->flags & DYAD_VG_INFINITIVE ? "true" : "false",
                g->by_agent == DYAD_NONE ? -1 : (int)g->by_agent);
    }
    putc(']', out);
}

void dyad_render_chunks(FILE *out, const dyad_analysis *a, unsigned flags)
{
    for (size_t k = 0; k < a->nsentences; k++) {
        const dyad_sentence *s = &a->sentences[k];
        if (flags & DYAD_RENDER_JSON) {
            json_sentence_head(out, a, k);
            json_tokens(out, s);
            json_chunks(out, s);
            fputs("}\n", out);
            continue;
        }
        /* Text view: [NP The United States] [VP announced|past] ...; words
         * outside any chunk are printed bare. */
        for (size_t i = 0; i < s->ntokens;) {
            if (i) putc(' ', out);
            uint32_t c = s->tokens[i].chunk;
            if (c == DYAD_NONE || c >= s->nchunks || s->chunks[c].kind == DYAD_CHUNK_O ||
                s->chunks[c].first != i || s->chunks[c].last <= i) {
                fputs(s->tokens[i].norm, out);
                i++;
                continue;
            }
            const dyad_chunk *ch = &s->chunks[c];
            fprintf(out, "[%s", dyad_chunk_name(ch->kind));
            for (uint32_t j = ch->first; j < ch->last && j < s->ntokens; j++)
                fprintf(out, " %s", s->tokens[j].norm);
            const dyad_verb_group *g = ch->kind == DYAD_CHUNK_VP ? group_of(s, c) : NULL;
            if (g) { putc('|', out); put_features(out, g); }
            putc(']', out);
            i = ch->last > i ? ch->last : i + 1;
        }
        putc('\n', out);
    }
}
