/*
 * quotes.c -- finding quotations and attributing them (quote.h).
 *
 * Two passes over the document.  The first pairs quotation marks into
 * quotes, across sentences and, where the next paragraph opens with a
 * mark again, across paragraphs.  The second looks for each quote's
 * speaker around its marks, then finds indirect speech and "according to"
 * in the text outside quotes.  Both passes look only a bounded number of
 * chunks around each mark or verb, so the whole is linear.
 */
#include "quote.h"

#include <string.h>

const char *dyad_quote_kind_name(dyad_quote_kind kind)
{
    switch (kind) {
    case QUOTE_DIRECT: return "direct";
    case QUOTE_INDIRECT: return "indirect";
    default: return "according_to";
    }
}

bool quote_is_speech_verb(const char *lemma)
{
    static const char *const verbs[] = {
        "say", "tell", "add", "state", "note", "stress", "warn", "insist", "declare",
        "announce", "explain", "write", "tweet", "ask", "reply", "respond", "comment",
        "claim", "argue", "mention", "continue", "conclude", "emphasize", "emphasise",
        "reiterate", "acknowledge", "admit", "confirm", "deny", "urge", "remark", "observe",
        "recall", "complain", "predict", "promise", "vow", "pledge", "assert", "allege",
        "report", "suggest", "caution", "charge", "contend", "maintain", "point", "repeat",
        "underline", "underscore", NULL};
    if (!lemma) return false;
    for (const char *const *v = verbs; *v; v++)
        if (strcmp(lemma, *v) == 0) return true;
    return false;
}

/* ---- growing the result -------------------------------------------------- */

typedef struct quote_list {
    arena *a;
    quote *v;
    size_t n, cap;
    bool failed;
} quote_list;

static quote *push(quote_list *l)
{
    if (l->failed) return NULL;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        quote *v = arena_alloc(l->a, cap * sizeof *v);
        if (!v) {
            l->failed = true;
            return NULL;
        }
        if (l->n) memcpy(v, l->v, l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    quote *q = &l->v[l->n++];
    memset(q, 0, sizeof *q);
    return q;
}

/* ---- tokens and chunks ------------------------------------------------------ */

static bool is_open(const dyad_token *t) { return strcmp(t->norm, "``") == 0; }
static bool is_close(const dyad_token *t) { return strcmp(t->norm, "''") == 0; }

static bool is_word(const dyad_token *t, const char *lower)
{
    const char *w = t->norm;
    size_t i = 0;
    for (; lower[i]; i++)
        if (ch_lower((unsigned char)w[i]) != lower[i]) return false;
    return w[i] == 0;
}

static bool codable_part(dyad_part_kind k)
{
    return k == DYAD_PART_HEADLINE || k == DYAD_PART_SUBHEADLINE || k == DYAD_PART_BODY;
}

static bool speech_chunk(const dyad_sentence *s, uint32_t c)
{
    if (c >= s->nchunks || s->chunks[c].kind != DYAD_CHUNK_VP) return false;
    const dyad_chunk *ch = &s->chunks[c];
    uint32_t head = ch->head != DYAD_NONE ? ch->head : ch->last - 1;
    return head < s->ntokens && quote_is_speech_verb(s->tokens[head].lemma);
}

/* The subject before VP chunk v: the nearest NP (across adverbs), widened
 * over "NP of NP" ("U.S. Secretary of State Antony Blinken").  Returns
 * false when there is none. */
static bool subject_before(const dyad_sentence *s, uint32_t v, uint32_t *first, uint32_t *last)
{
    uint32_t c = v;
    while (c > 0 && s->chunks[c - 1].kind == DYAD_CHUNK_ADVP) c--;
    if (c == 0 || s->chunks[c - 1].kind != DYAD_CHUNK_NP) return false;
    uint32_t np = c - 1;
    *last = s->chunks[np].last;
    for (;;) {
        /* "the Arnorian" "foreign minister": NPs the chunker left apart */
        if (np >= 1 && s->chunks[np - 1].kind == DYAD_CHUNK_NP &&
            s->chunks[np - 1].last == s->chunks[np].first) {
            np -= 1;
            continue;
        }
        if (np >= 2 && s->chunks[np - 1].kind == DYAD_CHUNK_PP &&
            is_word(&s->tokens[s->chunks[np - 1].first], "of") &&
            s->chunks[np - 2].kind == DYAD_CHUNK_NP &&
            s->chunks[np - 2].last == s->chunks[np - 1].first) {
            np -= 2;
            continue;
        }
        break;
    }
    *first = s->chunks[np].first;
    return true;
}

static dyad_span span_of(const dyad_sentence *s, uint32_t first, uint32_t last)
{
    dyad_span sp = {s->tokens[first].start, s->tokens[last - 1].end};
    return sp;
}

static bool is_pronoun(const dyad_sentence *s, uint32_t first, uint32_t last)
{
    return last == first + 1 && (s->tokens[first].tag == DYAD_TAG_PRP);
}

/* ---- speakers ------------------------------------------------------------------ */

typedef struct speaker {
    bool found;
    uint32_t sentence, first, last;
    dyad_span verb;
    bool inherit;    /* "adding, ..." with no subject: the previous speaker */
} speaker;

/* Before an opening mark at token o: "X said(, at a press conference), ``". */
static speaker speaker_before(const dyad_sentence *s, uint32_t si, uint32_t o)
{
    speaker sp = {0};
    /* The verb is a few words back at most: adjuncts may come between
     * ("stated at a press conference, ``"). */
    uint32_t k = DYAD_NONE;
    for (uint32_t i = o; i-- > 0;) {
        const dyad_token *t = &s->tokens[i];
        if (is_close(t) || is_open(t)) break;
        if (t->chunk != DYAD_NONE && s->chunks[t->chunk].kind == DYAD_CHUNK_VP) {
            k = t->chunk;
            break;
        }
        if (o - i > 12) break;
    }
    if (k == DYAD_NONE || !speech_chunk(s, k)) return sp;
    sp.verb = span_of(s, s->chunks[k].first, s->chunks[k].last);
    if (subject_before(s, k, &sp.first, &sp.last)) {
        sp.found = true;
        sp.sentence = si;
    } else {
        sp.inherit = true;
    }
    return sp;
}

static bool is_comma_chunk(const dyad_sentence *s, uint32_t c)
{
    const dyad_chunk *ch = &s->chunks[c];
    return ch->kind == DYAD_CHUNK_O && ch->last == ch->first + 1 && strcmp(s->tokens[ch->first].norm, ",") == 0;
}

/* After a closing mark at token c: "'', X said" or "'', said X". */
static speaker speaker_after(const dyad_sentence *s, uint32_t si, uint32_t c)
{
    speaker sp = {0};
    uint32_t i = c + 1;
    while (i < s->ntokens && (strcmp(s->tokens[i].norm, ",") == 0)) i++;
    if (i >= s->ntokens || s->tokens[i].chunk == DYAD_NONE) return sp;
    uint32_t k = s->tokens[i].chunk;
    const dyad_chunk *ch = &s->chunks[k];
    if (ch->kind == DYAD_CHUNK_NP) {
        /* "'' the foreign minister said": NPs, then the verb */
        /* ("'' a statement from Beijing said": a preposition's phrase
         * may qualify the speaker) */
        uint32_t v = k;
        while (v < s->nchunks && v < k + 6 &&
               (s->chunks[v].kind == DYAD_CHUNK_NP ||
                (s->chunks[v].kind == DYAD_CHUNK_PP && v + 1 < s->nchunks && s->chunks[v + 1].kind == DYAD_CHUNK_NP)))
            v++;
        if (v < s->nchunks && speech_chunk(s, v) && subject_before(s, v, &sp.first, &sp.last)) {
            if (sp.first < ch->first) sp.first = ch->first;
            sp.found = true;
            sp.sentence = si;
            sp.verb = span_of(s, s->chunks[v].first, s->chunks[v].last);
        } else if (v < s->nchunks && is_comma_chunk(s, v)) {
            /* "'', Jane Roe, the U.S. special envoy for
             * Sudan, said": a name and its appositive, then the
             * verb -- the speaker is both */
            for (uint32_t e = v + 1; e < s->nchunks && e < v + 10; e++) {
                if (s->chunks[e].kind == DYAD_CHUNK_VP) break;
                if (!is_comma_chunk(s, e)) continue;
                if (e + 1 < s->nchunks && speech_chunk(s, e + 1) && e > v + 1) {
                    sp.found = true;
                    sp.sentence = si;
                    sp.first = ch->first;
                    sp.last = s->chunks[e - 1].last;
                    sp.verb = span_of(s, s->chunks[e + 1].first, s->chunks[e + 1].last);
                }
                break;
            }
        }
    } else if (speech_chunk(s, k)) {
        sp.verb = span_of(s, ch->first, ch->last);
        if (k + 1 < s->nchunks && s->chunks[k + 1].kind == DYAD_CHUNK_NP &&
            s->chunks[k + 1].first == ch->last) {
            sp.found = true;
            sp.sentence = si;
            sp.first = s->chunks[k + 1].first;
            sp.last = s->chunks[k + 1].last;
        } else {
            sp.inherit = true;
        }
    }
    return sp;
}

/* The last named speaker, for pronouns and continued quotes. */
typedef struct last_named {
    bool found;
    uint32_t sentence, first, last;
    dyad_span span;
} last_named;

/* q goes on in the voice of p: p's speaker and its mention. */
static void same_speaker(quote *q, const quote *p)
{
    q->has_speaker = true;
    q->speaker_sentence = p->speaker_sentence;
    q->speaker_first = p->speaker_first;
    q->speaker_last = p->speaker_last;
    q->speaker = p->speaker;
    q->mention = p->mention;
}

static void attribute(quote *q, const dyad_analysis *an, const speaker *sp, const last_named *named)
{
    q->verb = sp->verb;
    if (sp->found) {
        const dyad_sentence *s = &an->sentences[sp->sentence];
        q->mention = span_of(s, sp->first, sp->last);
        if (is_pronoun(s, sp->first, sp->last) && named->found) {
            q->has_speaker = true;
            q->speaker_sentence = named->sentence;
            q->speaker_first = named->first;
            q->speaker_last = named->last;
            q->speaker = named->span;
        } else if (!is_pronoun(s, sp->first, sp->last)) {
            q->has_speaker = true;
            q->speaker_sentence = sp->sentence;
            q->speaker_first = sp->first;
            q->speaker_last = sp->last;
            q->speaker = q->mention;
        }
    }
}

static void remember(last_named *named, const quote *q)
{
    if (!q->has_speaker) return;
    named->found = true;
    named->sentence = q->speaker_sentence;
    named->first = q->speaker_first;
    named->last = q->speaker_last;
    named->span = q->speaker;
}

/* ---- pass 1 and 2: direct quotes ------------------------------------------------ */

typedef struct open_quote {
    bool open;
    uint32_t sentence, token;    /* the opening mark                       */
    uint32_t text_start;
    size_t part;
    size_t last, last_part;      /* the quote closed before, and its paragraph */
} open_quote;

static void close_quote(quote_list *l, const dyad_analysis *an, open_quote *oq, uint32_t end_sentence,
                        uint32_t close_token, bool marked, last_named *named, quote **prev_in_sentence)
{
    const dyad_sentence *se = &an->sentences[end_sentence];
    uint32_t text_end = marked ? se->tokens[close_token].start
                               : (se->ntokens ? se->tokens[se->ntokens - 1].end : se->end);
    oq->open = false;
    if (text_end <= oq->text_start) return;
    quote *q = push(l);
    if (!q) return;
    q->kind = QUOTE_DIRECT;
    q->first_sentence = oq->sentence;
    q->last_sentence = end_sentence;
    q->text.start = oq->text_start;
    q->text.end = text_end;
    speaker sp = speaker_before(&an->sentences[oq->sentence], oq->sentence, oq->token);
    if (!sp.found && marked) {
        speaker after = speaker_after(se, end_sentence, close_token);
        if (after.found || after.inherit) sp = after;
    }
    if (sp.found) {
        attribute(q, an, &sp, named);
    } else if (sp.inherit && *prev_in_sentence && (*prev_in_sentence)->has_speaker) {
        /* "..., he said, adding, "..."": the speaker of the quote before. */
        same_speaker(q, *prev_in_sentence);
        q->verb = sp.verb;
    } else if (!sp.inherit && marked && oq->token == 0 && oq->last < l->n - 1) {
        /* '"..., we stand with you," Pence said. "We urge you to ..."': a
         * quote that is a whole sentence of its own, right after a quote
         * with its speaker in the same paragraph, goes on in that voice */
        const quote *p = &l->v[oq->last];
        bool whole = true;
        for (uint32_t k = close_token + 1; k < se->ntokens && whole; k++)
            whole = se->tokens[k].tag == DYAD_TAG_PERIOD || is_close(&se->tokens[k]);
        if (whole && p->kind == QUOTE_DIRECT && p->has_speaker && p->last_sentence + 1 == oq->sentence &&
            oq->last_part == oq->part)
            same_speaker(q, p);
    }
    remember(named, q);
    *prev_in_sentence = q;
    oq->last = (size_t)(q - l->v);
    oq->last_part = oq->part;
}

static void direct_quotes(quote_list *l, const dyad_analysis *an, last_named *named)
{
    open_quote oq = {0};
    oq.last = SIZE_MAX;
    size_t part = 0;
    quote *prev = NULL;
    for (uint32_t si = 0; si < an->nsentences; si++) {
        const dyad_sentence *s = &an->sentences[si];
        size_t old_part = part;
        while (part + 1 < an->nparts && an->parts[part].end <= s->start) part++;
        if (!codable_part(s->part)) continue;
        if (oq.open && part != old_part) {
            /* A new paragraph: the quote goes on only if it opens with a
             * mark again, as news writes a quote over paragraphs. */
            if (!(s->ntokens && is_open(&s->tokens[0]))) {
                const dyad_sentence *ps = &an->sentences[si - 1];
                close_quote(l, an, &oq, si - 1, ps->ntokens ? ps->ntokens - 1 : 0, false, named, &prev);
            }
        }
        for (uint32_t ti = 0; ti < s->ntokens; ti++) {
            const dyad_token *t = &s->tokens[ti];
            if (is_open(t)) {
                if (oq.open && part != oq.part && ti == 0) {
                    oq.part = part;      /* the continuation's mark */
                    continue;
                }
                if (oq.open) continue;   /* a stray mark inside a quote */
                oq = (open_quote){true, si, ti, t->end, part, oq.last, oq.last_part};
                if (ti + 1 < s->ntokens) oq.text_start = s->tokens[ti + 1].start;
            } else if (is_close(t) && oq.open) {
                close_quote(l, an, &oq, si, ti, true, named, &prev);
            }
        }
        if (!oq.open) prev = NULL;
        if (l->failed) return;
    }
    if (oq.open && an->nsentences) {
        const dyad_sentence *ls = &an->sentences[an->nsentences - 1];
        close_quote(l, an, &oq, an->nsentences - 1, ls->ntokens ? ls->ntokens - 1 : 0, false, named,
                    &prev);
    }
}

/* ---- pass 3: indirect speech and "according to" ------------------------------------ */

static bool inside_quote(const dyad_sentence *s, uint32_t first, uint32_t last)
{
    for (uint32_t i = first; i < last; i++)
        if (s->tokens[i].flags & DYAD_TOKEN_IN_QUOTE) return true;
    return false;
}

static uint32_t sentence_text_end(const dyad_sentence *s)
{
    uint32_t n = (uint32_t)s->ntokens;
    while (n > 0 && (s->tokens[n - 1].tag == DYAD_TAG_PERIOD || is_close(&s->tokens[n - 1]))) n--;
    return n;
}

/* Where reported words end: at the first word outside the speech verb's
 * clause and the clauses inside it.  "Since X warned that Y would follow
 * if Z, talks will be hard": the report is "Y would follow if Z"; the
 * main clause after the comma is the writer's. */
static bool within(const dyad_sentence *s, uint32_t clause, uint32_t ancestor)
{
    /* Nesting is shallow in real text; the bound keeps hostile input
     * linear. */
    for (int depth = 0; clause != DYAD_NONE && depth < 32; depth++) {
        if (clause == ancestor) return true;
        clause = s->clauses[clause].parent;
    }
    return false;
}

static uint32_t reported_end(const dyad_sentence *s, uint32_t verb_chunk, uint32_t content)
{
    uint32_t end = sentence_text_end(s);
    uint32_t home = s->chunks[verb_chunk].clause;
    if (home == DYAD_NONE) return end;
    for (uint32_t i = content; i < end; i++) {
        uint32_t c = s->tokens[i].chunk;
        if (c == DYAD_NONE || s->chunks[c].clause == DYAD_NONE) continue;
        if (!within(s, s->chunks[c].clause, home)) {
            end = i;
            break;
        }
    }
    while (end > content && (strcmp(s->tokens[end - 1].norm, ",") == 0)) end--;
    return end;
}

static void reported_speech(quote_list *l, const dyad_analysis *an, size_t direct_count)
{
    last_named named = {0};
    size_t next_direct = 0;
    for (uint32_t si = 0; si < an->nsentences && !l->failed; si++) {
        const dyad_sentence *s = &an->sentences[si];
        /* Keep "last named" in step with the direct quotes before here. */
        while (next_direct < direct_count && l->v[next_direct].last_sentence < si) {
            if (l->v[next_direct].has_speaker) remember(&named, &l->v[next_direct]);
            next_direct++;
        }
        if (!codable_part(s->part) || s->ntokens == 0) continue;
        bool has_marks = false;
        for (uint32_t ti = 0; ti < s->ntokens; ti++)
            if (is_open(&s->tokens[ti]) || is_close(&s->tokens[ti])) has_marks = true;
        /* According to X, Y.  /  Y, according to X. */
        for (uint32_t c = 0; c < s->nchunks; c++) {
            const dyad_chunk *ch = &s->chunks[c];
            if (ch->kind != DYAD_CHUNK_PP || ch->last - ch->first != 2 ||
                !is_word(&s->tokens[ch->first], "according") || ch->object == DYAD_NONE)
                continue;
            const dyad_chunk *np = &s->chunks[ch->object];
            quote *q = push(l);
            if (!q) return;
            q->kind = QUOTE_ACCORDING;
            q->first_sentence = q->last_sentence = si;
            uint32_t end = sentence_text_end(s);
            if (ch->first == 0) {
                uint32_t from = np->last;
                while (from < end && strcmp(s->tokens[from].norm, ",") == 0) from++;
                if (from >= end) { l->n--; continue; }
                q->text = span_of(s, from, end);
            } else {
                uint32_t to = ch->first;
                while (to > 0 && strcmp(s->tokens[to - 1].norm, ",") == 0) to--;
                if (to == 0) { l->n--; continue; }
                q->text = span_of(s, 0, to);
            }
            q->has_speaker = true;
            q->speaker_sentence = si;
            q->speaker_first = np->first;
            q->speaker_last = np->last;
            q->speaker = q->mention = span_of(s, np->first, np->last);
        }
        if (has_marks) continue; /* direct speech already took this sentence */
        /* X said (that) Y. X told reporters (that) Y. */
        for (uint32_t c = 0; c < s->nchunks; c++) {
            if (!speech_chunk(s, c)) continue;
            const dyad_chunk *vp = &s->chunks[c];
            if (inside_quote(s, vp->first, vp->last)) continue;
            uint32_t first, last;
            if (!subject_before(s, c, &first, &last)) continue;
            uint32_t k = c + 1;
            /* an addressee: "told reporters", "told the council" */
            if (k < s->nchunks && s->chunks[k].kind == DYAD_CHUNK_NP &&
                (is_word(&s->tokens[vp->head != DYAD_NONE ? vp->head : vp->first], "told") ||
                 strcmp(s->tokens[vp->head != DYAD_NONE ? vp->head : vp->first].lemma, "tell") == 0 ||
                 strcmp(s->tokens[vp->head != DYAD_NONE ? vp->head : vp->first].lemma, "warn") == 0))
                k++;
            /* adjuncts: "said on Tuesday", "said in a statement" */
            while (k + 1 < s->nchunks && s->chunks[k].kind == DYAD_CHUNK_PP &&
                   s->chunks[k + 1].kind == DYAD_CHUNK_NP && s->chunks[k].object == k + 1)
                k += 2;
            if (k < s->nchunks && s->chunks[k].kind == DYAD_CHUNK_SBAR &&
                is_word(&s->tokens[s->chunks[k].first], "that"))
                k++;
            else if (k < s->nchunks && s->chunks[k].kind == DYAD_CHUNK_O &&
                     strcmp(s->tokens[s->chunks[k].first].norm, ",") == 0)
                continue; /* "X said, adding ..." without content */
            /* The content must be a clause: a subject and a verb. */
            if (k + 1 >= s->nchunks || s->chunks[k].kind != DYAD_CHUNK_NP) continue;
            uint32_t end = reported_end(s, c, s->chunks[k].first);
            if (s->chunks[k].first >= end) continue;
            quote *q = push(l);
            if (!q) return;
            q->kind = QUOTE_INDIRECT;
            q->first_sentence = q->last_sentence = si;
            q->text = span_of(s, s->chunks[k].first, end);
            q->verb = span_of(s, vp->first, vp->last);
            speaker sp = {true, si, first, last, q->verb, false};
            attribute(q, an, &sp, &named);
            remember(&named, q);
            break; /* one report per sentence: the outermost */
        }
    }
}

/* Merges the direct quotes [0, split) and the reported ones [split, n),
 * each already in text order, into text order. */
static bool merge_by_start(arena *a, quote *v, size_t split, size_t n)
{
    if (split == 0 || split == n) return true;
    quote *tmp = arena_alloc(a, n * sizeof *tmp);
    if (!tmp) return false;
    size_t i = 0, j = split, k = 0;
    while (i < split && j < n) tmp[k++] = v[i].text.start <= v[j].text.start ? v[i++] : v[j++];
    while (i < split) tmp[k++] = v[i++];
    while (j < n) tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
    return true;
}

long quote_find(arena *a, const dyad_analysis *an, quote **out)
{
    quote_list l = {a, NULL, 0, 0, false};
    last_named named = {0};
    direct_quotes(&l, an, &named);
    size_t direct = l.n;
    reported_speech(&l, an, direct);
    if (l.failed || !merge_by_start(a, l.v, direct, l.n)) return -1;
    *out = l.v;
    return (long)l.n;
}

long dyad_find_quotes(dyad_pipeline *pipeline, const dyad_analysis *a, const dyad_quote **out)
{
    quote *q = NULL;
    long n = quote_find(pipeline_arena(pipeline), a, &q);
    *out = q;
    return n;
}
