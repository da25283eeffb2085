/* dict_check.c -- what `dyad dict check` reports about a loaded dictionary:
 * phrases written twice, one phrase with conflicting codes, patterns that
 * can never match, event codes CAMEO does not define, and actor date
 * ranges that run backwards or overlap.  Reading is the loaders' job;
 * these are judgements about well-formed entries. */
#include "dict_private.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const finding_names[DICT_FIND_KINDS] = {
    "duplicate", "conflict", "never-matches", "not-cameo", "date-backwards", "date-overlap",
    "no-code"};

const char *dict_finding_name(dict_finding_kind k)
{
    return (unsigned)k < DICT_FIND_KINDS ? finding_names[k] : "?";
}

typedef struct checker {
    const dyad_dict *d;
    dict_finding_fn fn;
    void *user;
    size_t total;
    size_t *per_kind;
    char text[256], other[256];
} checker;

static const char *file_path(const dyad_dict *d, uint32_t file)
{
    const dict_file *f = dict_file_at(d, file);
    return f ? f->path : "?";
}

static void emit(checker *c, dict_finding_kind kind, uint32_t file, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));


static void emit(checker *c, dict_finding_kind kind, uint32_t file, uint32_t line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->total++;
    if (c->per_kind) c->per_kind[kind]++;
    if (c->fn) c->fn(kind, file_path(c->d, file), line, msg, c->user);
}

/* ---- duplicates and conflicts ---------------------------------------------- */

/* What counts as "the same code" differs by kind; 0 means equal. */
typedef int (*codes_cmp_fn)(const dyad_dict *d, const dict_phrase *a, const dict_phrase *b);
/* Scope: phrases only clash inside one owner (patterns of a block, members
 * of a synset, issues of a category) or everywhere (DICT_NONE). */
typedef uint32_t (*scope_fn)(const dyad_dict *d, const dict_phrase *p);

static uint32_t phrase_hash(const dyad_dict *d, const dict_phrase *p, uint32_t scope)
{
    const dict_token *t = (const dict_token *)d->tokens.v + p->first;
    uint32_t h = 2166136261u ^ scope;
    for (uint32_t i = 0; i < p->n; i++) {
        h = (h ^ t[i].value) * 16777619u;
        h = (h ^ (uint32_t)(t[i].kind << 8 | t[i].flags)) * 16777619u;
    }
    return h;
}

static bool same_tokens(const dyad_dict *d, const dict_phrase *a, const dict_phrase *b)
{
    if (a->n != b->n) return false;
    const dict_token *t = d->tokens.v;
    for (uint32_t i = 0; i < a->n; i++) {
        const dict_token *x = &t[a->first + i], *y = &t[b->first + i];
        if (x->kind != y->kind || x->value != y->value || x->flags != y->flags) return false;
    }
    return true;
}

static void describe_codes(const dyad_dict *d, dict_phrase_kind kind, const dict_phrase *p,
                           char *buf, size_t cap);

static void check_duplicates(checker *c, dict_phrase_kind kind, const char *what, scope_fn scope,
                             codes_cmp_fn cmp)
{
    const dyad_dict *d = c->d;
    size_t n = d->phrases[kind].n;
    if (!n) return;
    const dict_phrase *ph = d->phrases[kind].v;
    size_t cap = 16;
    while (cap < n * 2) cap *= 2;
    uint32_t *heads = malloc(cap * sizeof *heads), *next = malloc(n * sizeof *next);
    if (!heads || !next) { free(heads); free(next); return; }
    for (size_t i = 0; i < cap; i++) heads[i] = DICT_NONE;
    for (size_t i = 0; i < n; i++) {
        uint32_t sc = scope ? scope(d, &ph[i]) : 0;
        uint32_t slot = phrase_hash(d, &ph[i], sc) & (uint32_t)(cap - 1);
        uint32_t first = DICT_NONE;
        for (uint32_t j = heads[slot]; j != DICT_NONE; j = next[j]) {
            if ((scope ? scope(d, &ph[j]) : 0) == sc && same_tokens(d, &ph[i], &ph[j])) { first = j; break; }
        }
        if (first == DICT_NONE) {
            next[i] = heads[slot];
            heads[slot] = (uint32_t)i;
            continue;
        }
        /* Only the first writing is kept in the chain: later copies are all
         * compared with it, so each duplicate is reported once. */
        next[i] = DICT_NONE;
        dict_phrase_text(d, &ph[i], c->text, sizeof c->text);
        const char *fp = file_path(d, ph[first].file);
        if (cmp && cmp(d, &ph[i], &ph[first])) {
            char here[200];
            describe_codes(d, kind, &ph[i], here, sizeof here);
            describe_codes(d, kind, &ph[first], c->other, sizeof c->other);
            emit(c, DICT_FIND_CONFLICT, ph[i].file, ph[i].line,
                 "%s %s has %s here but %s at %s:%u", what, c->text, here, c->other, fp, ph[first].line);
        } else {
            emit(c, DICT_FIND_DUPLICATE, ph[i].file, ph[i].line, "%s %s is already at %s:%u",
                 what, c->text, fp, ph[first].line);
        }
    }
    free(heads);
    free(next);
}

static int cmp_actor_codes(const dyad_dict *d, const dict_phrase *a, const dict_phrase *b)
{
    const dict_actor *x = &DICT_VEC_AT(d->actors, dict_actor, a->owner);
    const dict_actor *y = &DICT_VEC_AT(d->actors, dict_actor, b->owner);
    if (x->ncodes != y->ncodes) return 1;
    const dict_actor_code *codes = d->actor_codes.v;
    for (uint32_t i = 0; i < x->ncodes; i++) {
        const dict_actor_code *p = &codes[x->first_code + i], *q = &codes[y->first_code + i];
        if (p->code != q->code || p->from != q->from || p->to != q->to || p->dated != q->dated) return 1;
    }
    return 0;
}

static uint32_t verb_code(const dyad_dict *d, uint32_t verb)
{
    const dict_verb *v = &DICT_VEC_AT(d->verbs, dict_verb, verb);
    return v->code != DICT_NONE ? v->code : DICT_VEC_AT(d->blocks, dict_verb_block, v->block).code;
}

static int cmp_verb_codes(const dyad_dict *d, const dict_phrase *a, const dict_phrase *b)
{
    return verb_code(d, a->owner) != verb_code(d, b->owner);
}

static int cmp_phrase_codes(const dyad_dict *d, const dict_phrase *a, const dict_phrase *b)
{
    (void)d;
    return a->code != b->code || (a->flags & DICT_PF_STORY) != (b->flags & DICT_PF_STORY);
}

static uint32_t scope_owner(const dyad_dict *d, const dict_phrase *p) { (void)d; return p->owner; }

static void describe_codes(const dyad_dict *d, dict_phrase_kind kind, const dict_phrase *p,
                           char *buf, size_t cap)
{
    size_t at = 0;
    buf[0] = 0;
    if (kind == DICT_PH_ACTOR) {
        const dict_actor *a = &DICT_VEC_AT(d->actors, dict_actor, p->owner);
        for (uint32_t i = 0; i < a->ncodes && at + 1 < cap; i++) {
            const dict_actor_code *code = &DICT_VEC_AT(d->actor_codes, dict_actor_code, a->first_code + i);
            int w = code->dated
                ? snprintf(buf + at, cap - at, "%s[%s %d-%d]", i ? " " : "", dict_string(d, code->code),
                           code->from, code->to)
                : snprintf(buf + at, cap - at, "%s[%s]", i ? " " : "", dict_string(d, code->code));
            if (w < 0) break;
            at += (size_t)w;
        }
        if (!a->ncodes) snprintf(buf, cap, "no code");
        return;
    }
    uint32_t code = kind == DICT_PH_VERB || kind == DICT_PH_FORM ? verb_code(d, p->owner) : p->code;
    snprintf(buf, cap, "%s[%s]", p->flags & DICT_PF_STORY ? "+" : "",
             code == DICT_NONE ? "" : dict_string(d, code));
}

/* ---- patterns ------------------------------------------------------------------ */

static bool synset_defined_before(const dyad_dict *d, uint32_t name, const dict_phrase *use,
                                  const dict_synset **out)
{
    uint32_t s = dict_synset_find(d, name);
    *out = NULL;
    if (s == DICT_NONE) return false;
    const dict_synset *syn = &DICT_VEC_AT(d->synsets, dict_synset, s);
    *out = syn;
    return syn->file < use->file || (syn->file == use->file && syn->line < use->line);
}

static void check_synset_refs(checker *c, dict_phrase_kind kind, const char *what)
{
    const dyad_dict *d = c->d;
    const dict_phrase *ph = d->phrases[kind].v;
    const dict_token *t = d->tokens.v;
    for (size_t i = 0; i < d->phrases[kind].n; i++) {
        size_t verbs = 0;
        for (uint32_t k = 0; k < ph[i].n; k++) {
            const dict_token *tok = &t[ph[i].first + k];
            if (tok->kind == DICT_TOK_VERB) verbs++;
            if (tok->kind != DICT_TOK_SYNSET) continue;
            const dict_synset *syn;
            dict_phrase_text(d, &ph[i], c->text, sizeof c->text);
            if (!synset_defined_before(d, tok->value, &ph[i], &syn)) {
                if (syn)
                    emit(c, DICT_FIND_NEVER_MATCHES, ph[i].file, ph[i].line,
                         "%s %s uses &%s before its definition at %s:%u", what, c->text,
                         dict_string(d, tok->value), file_path(d, syn->file), syn->line);
                else
                    emit(c, DICT_FIND_NEVER_MATCHES, ph[i].file, ph[i].line,
                         "%s %s uses &%s, which is not defined", what, c->text,
                         dict_string(d, tok->value));
            } else if (!syn->nmembers) {
                emit(c, DICT_FIND_NEVER_MATCHES, ph[i].file, ph[i].line,
                     "%s %s uses &%s, which has no members", what, c->text, dict_string(d, tok->value));
            }
        }
        if (verbs > 1) {
            dict_phrase_text(d, &ph[i], c->text, sizeof c->text);
            emit(c, DICT_FIND_NEVER_MATCHES, ph[i].file, ph[i].line,
                 "%s %s has %zu verb markers '*'; the verb stands in one place", what, c->text, verbs);
        }
    }
}

/* ---- CAMEO codes ---------------------------------------------------------------- */

static bool event_code_in_cameo(const char *code)
{
    const char *colon = strchr(code, ':');
    const char *parts[2] = {code, colon ? colon + 1 : NULL};
    size_t lens[2] = {colon ? (size_t)(colon - code) : strlen(code), colon ? strlen(colon + 1) : 0};
    for (int i = 0; i < (colon ? 2 : 1); i++) {
        const char *p = parts[i];
        size_t n = lens[i];
        if (!n) continue;
        if (n == 3 && (memcmp(p, "---", 3) == 0 || memcmp(p, "###", 3) == 0 || memcmp(p, "+++", 3) == 0))
            continue;
        if (p[n - 1] == '!' || p[n - 1] == '?') n--;
        if (!dict_is_cameo_event_code(p, n)) return false;
    }
    return true;
}

static void check_cameo(checker *c)
{
    const dyad_dict *d = c->d;
    const dict_verb_block *blocks = d->blocks.v;
    for (size_t b = 0; b < d->blocks.n; b++) {
        if (blocks[b].section == DICT_SECTION_TIME) continue;
        const dict_verb_block *blk = &blocks[b];
        /* a TABARI root's code is its verb's; report it once, on the verb */
        for (uint32_t v = 0; v < blk->nverbs; v++) {
            const dict_verb *verb = &DICT_VEC_AT(d->verbs, dict_verb, blk->first_verb + v);
            if (verb->code == DICT_NONE || event_code_in_cameo(dict_string(d, verb->code))) continue;
            const dict_phrase *p = &DICT_VEC_AT(d->phrases[DICT_PH_VERB], dict_phrase, verb->phrase);
            dict_phrase_text(d, p, c->text, sizeof c->text);
            emit(c, DICT_FIND_NOT_CAMEO, verb->file, verb->line, "verb %s has code [%s], not a CAMEO event code",
                 c->text, dict_string(d, verb->code));
        }
        if (blk->code != DICT_NONE && !event_code_in_cameo(dict_string(d, blk->code)) &&
            !(blk->nverbs == 1 && DICT_VEC_AT(d->verbs, dict_verb, blk->first_verb).code == blk->code))
            emit(c, DICT_FIND_NOT_CAMEO, blk->file, blk->line, "verb block %s has code [%s], not a CAMEO event code",
                 dict_string(d, blk->name), dict_string(d, blk->code));
        for (uint32_t k = 0; k < blk->npatterns; k++) {
            const dict_phrase *p = &DICT_VEC_AT(d->phrases[DICT_PH_PATTERN], dict_phrase, blk->first_pattern + k);
            if (p->code == DICT_NONE || event_code_in_cameo(dict_string(d, p->code))) continue;
            dict_phrase_text(d, p, c->text, sizeof c->text);
            emit(c, DICT_FIND_NOT_CAMEO, p->file, p->line, "pattern %s under %s has code [%s], not a CAMEO event code",
                 c->text, dict_string(d, blk->name), dict_string(d, p->code));
        }
    }
}

/* ---- actor dates ------------------------------------------------------------------ */

static void format_range(const dict_actor_code *code, char *buf, size_t cap)
{
    if (code->from == DICT_DATE_MIN) snprintf(buf, cap, "<%d", code->to);
    else if (code->to == DICT_DATE_MAX) snprintf(buf, cap, ">%d", code->from);
    else snprintf(buf, cap, "%d-%d", code->from, code->to);
}

/* Two ranges that share only their boundary day are the files' way of
 * writing a hand-over ("331108-730717" then "730717-..."): both limits
 * are inclusive and the first listed code wins that day, so it is not
 * reported.  Overlaps of one code with itself change nothing either. */
static bool real_overlap(const dict_actor_code *a, const dict_actor_code *b)
{
    if (a->code == b->code) return false;
    int32_t lo = a->from > b->from ? a->from : b->from;
    int32_t hi = a->to < b->to ? a->to : b->to;
    return lo < hi;
}

static void check_actor_dates(checker *c)
{
    const dyad_dict *d = c->d;
    const dict_actor_code *codes = d->actor_codes.v;
    const dict_actor *actors = d->actors.v;
    for (size_t i = 0; i < d->actors.n; i++) {
        const dict_actor *a = &actors[i];
        const dict_phrase *parent = &DICT_VEC_AT(d->phrases[DICT_PH_ACTOR], dict_phrase, a->first_phrase);
        if (!a->ncodes) {
            dict_phrase_text(d, parent, c->text, sizeof c->text);
            emit(c, DICT_FIND_NO_CODE, a->file, a->line, "actor %s has no code, so it is always null-coded", c->text);
            continue;
        }
        bool named = false;
        for (uint32_t k = 0; k < a->ncodes; k++) {
            const dict_actor_code *x = &codes[a->first_code + k];
            if (!x->dated) continue;
            if (x->from > x->to) {
                if (!named) { dict_phrase_text(d, parent, c->text, sizeof c->text); named = true; }
                char r[48];
                format_range(x, r, sizeof r);
                emit(c, DICT_FIND_DATE_BACKWARDS, x->file, x->line,
                     "actor %s: date range [%s %s] ends before it starts", c->text, dict_string(d, x->code), r);
                continue;
            }
            /* Pairwise up to a bound; beyond it hostile input would make
             * this quadratic, and real actors have a handful of ranges. */
            uint32_t limit = a->ncodes > 64 ? 0 : k;
            for (uint32_t j = 0; j < limit; j++) {
                const dict_actor_code *y = &codes[a->first_code + j];
                if (!y->dated || y->from > y->to || !real_overlap(x, y)) continue;
                if (!named) { dict_phrase_text(d, parent, c->text, sizeof c->text); named = true; }
                char rx[48], ry[48];
                format_range(x, rx, sizeof rx);
                format_range(y, ry, sizeof ry);
                emit(c, DICT_FIND_DATE_OVERLAP, x->file, x->line,
                     "actor %s: [%s %s] overlaps [%s %s] at line %u, which wins the common days",
                     c->text, dict_string(d, x->code), rx, dict_string(d, y->code), ry, y->line);
            }
        }
    }
}

size_t dict_check(const dyad_dict *d, dict_finding_fn fn, void *user, size_t per_kind[DICT_FIND_KINDS])
{
    checker c = {.d = d, .fn = fn, .user = user, .per_kind = per_kind};
    if (per_kind) memset(per_kind, 0, DICT_FIND_KINDS * sizeof *per_kind);
    check_duplicates(&c, DICT_PH_ACTOR, "actor phrase", NULL, cmp_actor_codes);
    check_duplicates(&c, DICT_PH_AGENT, "agent phrase", NULL, cmp_phrase_codes);
    check_duplicates(&c, DICT_PH_VERB, "verb", NULL, cmp_verb_codes);
    check_duplicates(&c, DICT_PH_FORM, "verb form", NULL, cmp_verb_codes);
    check_duplicates(&c, DICT_PH_PATTERN, "pattern", scope_owner, cmp_phrase_codes);
    check_duplicates(&c, DICT_PH_SYNSET, "synset member", scope_owner, NULL);
    check_duplicates(&c, DICT_PH_DISCARD, "discard", NULL, cmp_phrase_codes);
    check_duplicates(&c, DICT_PH_ISSUE, "issue phrase", scope_owner, cmp_phrase_codes);
    check_synset_refs(&c, DICT_PH_PATTERN, "pattern");
    check_synset_refs(&c, DICT_PH_SYNSET, "synset member");
    check_cameo(&c);
    check_actor_dates(&c);
    return c.total;
}
