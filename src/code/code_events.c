/*
 * code_events.c -- from a parsed sentence to events (TABARI manual 5.8,
 * 6, 7.6, 7.9, 8.5, 8.7, 10.5).
 *
 * Before any coding: too few words (MINIMUM WORDS), a discard code (###)
 * or a complex code (+++) on a word that stays in the sentence, the first
 * time-shift phrase, and the COMPLEX conditions of the options.
 *
 * Then clause by clause, verb by verb from the left: the verb's patterns
 * longest first, else the verb's own code.  A null code (---) codes
 * nothing and the search goes on; ### and +++ stop the sentence.  Actors
 * not named by the pattern are found by the default rules: the source is
 * the first actor of the clause before the verb (else the source of the
 * clause before, else the first actor after the verb), the target the
 * first actor after the verb with a code other than the source's, else
 * the nearest such actor before it, else -- for a compound source -- the
 * compound itself.  Passive voice (was/were/been before the verb, "by"
 * after it) swaps them.  CODE BY CLAUSE keeps a clause's first event,
 * BY SENTENCE the sentence's first, ALL every one; subordinate codes (?)
 * only count when nothing else was found, dominant codes (!) win over all
 * others.
 */
#include "code.h"
#include "quote/quote.h"
#include <stdlib.h>

/* TABARI's MAX_EVENTS is 64; lists of compounds beyond that are cut. */
#define CODE_MAX_EVENTS_PER_SENTENCE 256
#define CODE_MAX_VERBS_PER_SENTENCE 512

#define DEF_SOURCE (UINT32_MAX - 1)
#define DEF_TARGET (UINT32_MAX - 2)
#define DEF_CONTEXT (UINT32_MAX - 3) /* anchor: index into the work's ctx_*,
                                        or NO_TARGET: the event has none */
#define NO_TARGET UINT32_MAX
#define DEF_STATE (UINT32_MAX - 4)   /* anchor: a code in the work's pool */

typedef struct cand {
    uint32_t actor;  /* group head or member; DEF_*; DICT_NONE = none */
    bool single;     /* only this member of its compound                */
    uint32_t anchor; /* code_anchor() of the mention it was found at    */
} cand;

static const cand NO_CAND = {DICT_NONE, false, DICT_NONE};

/* ---- dates ------------------------------------------------------------------ */

static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static int32_t shift_date(int32_t ymd, int days)
{
    if (ymd <= 0 || !days) return ymd;
    long z = days_from_civil(ymd / 10000, (unsigned)(ymd / 100 % 100), (unsigned)(ymd % 100)) + days;
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    return (int32_t)(y * 10000 + m * 100 + d);
}

void code_format_date(int32_t ymd, char out[11])
{
    out[0] = 0;
    if (ymd <= 0 || ymd > 99991231) return;
    int parts[3] = {(int)(ymd / 10000), (int)(ymd / 100 % 100), (int)(ymd % 100)};
    int widths[3] = {4, 2, 2};
    char *p = out;
    for (int k = 0; k < 3; k++) {
        for (int i = widths[k] - 1, v = parts[k]; i >= 0; i--, v /= 10) p[i] = (char)('0' + v % 10);
        p += widths[k];
        if (k < 2) *p++ = '-';
    }
    *p = 0;
}

/* ---- actors ------------------------------------------------------------------- */

static bool visible(const cw_word *x) { return !(x->flags & CW_ELIM); }

static uint32_t actor_at(const code_sentence *s, size_t wi)
{
    const cw_word *x = &s->w[wi];
    if (x->actor == DICT_NONE) return DICT_NONE;
    if (x->type == W_ACTOR || x->type == W_PRON || ((x->flags & CW_PART) && x->type == W_NONE)) {
        const cw_actor *a = &s->actors[x->actor];
        if (a->cancelled) return DICT_NONE;
        return x->actor;
    }
    return DICT_NONE;
}

/* The actor a word belongs to, a later word of a multi-word phrase
 * ("opposition activists") included. */
static uint32_t actor_covering(const code_sentence *s, size_t wi)
{
    uint32_t a = actor_at(s, wi);
    if (a == DICT_NONE && (s->w[wi].flags & CW_PART) && s->w[wi].head < s->n) a = actor_at(s, s->w[wi].head);
    return a;
}

static const char *first_code(const dyad_coder_work *w, const code_sentence *s, cand c)
{
    if (c.actor == DEF_SOURCE) return w->opt.default_source;
    if (c.actor == DEF_TARGET) return w->opt.default_target;
    if (c.actor == DEF_CONTEXT) return c.anchor < w->nctx ? w->ctx_codes[c.anchor] : "";
    if (c.actor == DEF_STATE) return c.anchor < w->ncodes ? w->codes[c.anchor].s : "";
    if (c.actor == DICT_NONE) return "";
    const cw_actor *a = &s->actors[c.actor];
    return a->ncodes ? w->codes[a->first_code].s : "";
}

/* Whether every member of c is armed forces or police ("troops",
 * "police and soldiers"): their protest words are repression.  In "police
 * and protesters clashed" the protesters still clash. */
static bool armed_side(const dyad_coder_work *w, const code_sentence *s, cand c)
{
    if (c.actor >= DEF_STATE || c.actor == DICT_NONE || c.single) {
        const char *sc = first_code(w, s, c);
        return strlen(sc) > 3 && (strstr(sc + 3, "MIL") || strstr(sc + 3, "COP"));
    }
    bool any = false;
    for (uint32_t m = s->actors[c.actor].group; m != DICT_NONE; m = s->actors[m].next) {
        const cw_actor *a = &s->actors[m];
        const char *sc = a->ncodes ? w->codes[a->first_code].s : "";
        if (!(strlen(sc) > 3 && (strstr(sc + 3, "MIL") || strstr(sc + 3, "COP")))) return false;
        any = true;
    }
    return any;
}

/* Whether actor mention a (at a word) may be the other side of `other`,
 * and as what: the whole group, or -- inside other's own compound -- the
 * first member with another code. */
static cand candidate(const dyad_coder_work *w, const code_sentence *s, uint32_t a, cand other)
{
    uint32_t g = code_actor_group(s, a);
    if (g == DICT_NONE) return NO_CAND;
    cand c = {g, false, code_anchor(s, a)};
    if (other.actor == DICT_NONE) return c;
    const char *oc = first_code(w, s, other);
    uint32_t og = other.actor < DEF_STATE ? s->actors[other.actor].group : DICT_NONE;
    if (s->actors[a].pronoun) {
        /* "they ... them" is one actor; "the ambassadors of A, B and C
         * presented their ..." is not, to TABARI */
        /* dyad's rules: "the US and the EU called for their release":
         * a pronoun for the subject's own group is not its target */
        if (g == og) return c.anchor == other.anchor || w->c->dyad_rules ? NO_CAND : c;
        if (strcmp(first_code(w, s, c), oc) == 0) return NO_CAND;
        return c;
    }
    if (g == og) {
        for (uint32_t m = g; m != DICT_NONE; m = s->actors[m].next) {
            const cw_actor *ma = &s->actors[m];
            if (ma->ncodes && strcmp(w->codes[ma->first_code].s, oc) != 0) {
                cand mc = {m, true, c.anchor};
                return mc;
            }
        }
        return NO_CAND;
    }
    if (strcmp(first_code(w, s, c), oc) == 0) return NO_CAND;
    return c;
}

/* ---- views ----------------------------------------------------------------------- */

typedef struct clause_ctx {
    code_view v;          /* the clause's visible words                   */
    code_view all;        /* the sentence's visible words                 */
    size_t all_offset;    /* all-view position of the clause's first word */
} clause_ctx;

/* A later word of a phrase written with gaps ("an Orc leader" ending
 * DURTHANG ... ORC): it can be found as a target, not as a source. */
static bool is_tail(const code_sentence *s, uint32_t wi, uint32_t a)
{
    return wi < s->actors[a].head || wi > s->actors[a].last;
}

/* Whether the mention starting at word wi is a source of information
 * ("according to AFP"), not an actor of the clause. */
static bool attribution(const code_sentence *s, uint32_t wi)
{
    size_t i = wi;
    if (i > 0 && s->w[i - 1].type == W_DET) i--;
    return i >= 2 && strcmp(s->w[i - 1].s, "to") == 0 && strcmp(s->w[i - 2].s, "according") == 0;
}

/* Whether the actor at word wi is introduced as a doer: "by X", "from
 * X" ("support for the plan came from the European Union"). */
static bool agentive(const code_sentence *s, uint32_t wi)
{
    size_t i = wi;
    if (i > 0 && s->w[i - 1].type == W_DET) i--;
    return i > 0 && (s->w[i - 1].type == W_BY || !strcmp(s->w[i - 1].s, "from"));
}

static bool locative(const code_sentence *s, uint32_t wi);

static cand find_source(const dyad_coder_work *w, const code_sentence *s, const code_view *v,
                        size_t vfirst, size_t vlast, cand target, cand carried, bool subject_only)
{
    cand place = NO_CAND;
    size_t q0 = 0;
    if (w->c->dyad_rules && vfirst > 0 && (s->w[v->idx[0]].tag == DYAD_TAG_VBG || s->w[v->idx[0]].tag == DYAD_TAG_VBN) &&
        actor_at(s, v->idx[0]) == DICT_NONE) {
        /* "Speaking to France-Inter radio, the French foreign minister
         * said ...": the subject follows the opening participle's comma */
        size_t c = 1;
        while (c < vfirst && s->w[v->idx[c]].type != W_COMMA) c++;
        if (c < vfirst) q0 = c + 1;
    }
    for (size_t q = q0; q < vfirst; q++) {
        uint32_t a = actor_at(s, v->idx[q]);
        if (a == DICT_NONE || is_tail(s, v->idx[q], a)) continue;
        if (w->c->dyad_rules && attribution(s, s->actors[a].head)) {
            /* "According to AFP, NATO delivered ...": the agency reports */
            while (q + 1 < vfirst && actor_at(s, v->idx[q + 1]) == a) q++;
            continue;
        }
        if (w->c->dyad_rules && (q == 0 || actor_at(s, v->idx[q - 1]) != a) && locative(s, s->actors[a].head)) {
            /* "In Kharkiv, a Russian missile hit ...": the place where,
             * not who -- unless nobody else is named ("the violence in
             * South Sudan has killed ...") */
            if (place.actor == DICT_NONE) place = candidate(w, s, a, target);
            while (q + 1 < vfirst && actor_at(s, v->idx[q + 1]) == a) q++;
            continue;
        }
        cand c = candidate(w, s, a, target);
        if (c.actor != DICT_NONE && w->c->dyad_rules) {
            /* "the militants overran the camp but the Kenyans
             * counterattacked": "but" opens another subject's clause,
             * whatever the tagger made of the verb before it */
            bool but = false;
            for (size_t k = q + 1; k < vfirst && !but; k++) but = !strcmp(s->w[v->idx[k]].s, "but");
            if (but) continue;
            /* "a message for the international community: stop propping
             * up ...": a colon ends the phrase that names the subject */
            if (s->doc && s->doc->text && s->actors[a].last < s->n) {
                uint32_t from = s->w[s->actors[a].last].end, to = s->w[v->idx[vfirst]].start;
                if (to <= s->doc->len && from < to && memchr(s->doc->text + from, ':', to - from)) continue;
            }
        }
        if (c.actor != DICT_NONE) return c;
    }
    if (place.actor != DICT_NONE) return place;
    if (carried.actor != DICT_NONE) return carried;
    if (w->opt.default_source[0] && w->opt.default_prior) {
        cand d = {DEF_SOURCE, false, DICT_NONE};
        return d;
    }
    /* TABARI looks after the verb too; PETRARCH's source is a subject, and
     * so (subject_only, dyad's rules) is the source of what a speaker
     * reports -- in "X said the two governments would share data on North
     * Korean launches" North Korea shares nothing -- and the subject of a
     * passive -- "the talks mediated by Qatar and Egypt" */
    for (size_t q = vlast + 1; q < v->n && !w->c->petrarch && !subject_only; q++) {
        uint32_t a = actor_at(s, v->idx[q]);
        if (a == DICT_NONE) continue;
        /* dyad's rules: only a doer named as such ("support came from
         * the European Union"); in "urged them to leave Poland" or "killed
         * nine people in the Kenyan capital" what follows the verb
         * is its object or place */
        if (w->c->dyad_rules && !agentive(s, s->actors[a].head)) continue;
        cand c = candidate(w, s, a, target);
        if (c.actor != DICT_NONE) return c;
    }
    if (w->opt.default_source[0]) {
        cand d = {DEF_SOURCE, false, DICT_NONE};
        return d;
    }
    return NO_CAND;
}

/* Whether the actor starting at word wi is named as a place: "in
 * Geneva", "near the Strait of Hormuz", "in northeastern Syria". */
static bool locative(const code_sentence *s, uint32_t wi)
{
    static const char *const preps[] = {"in", "at", "near", "outside", "inside", "across", "around",
                                        "along", "throughout", "within", "off"};
    size_t i = wi;
    for (int skipped = 0; i > 0 && skipped < 3; skipped++) {
        uint8_t t = s->w[i - 1].tag;
        if (t != DYAD_TAG_DT && t != DYAD_TAG_JJ && t != DYAD_TAG_JJS && t != DYAD_TAG_JJR) break;
        i--;
    }
    if (i == 0) return false;
    /* "aimed at China", "fired at Israel": the object of the verb */
    if (!strcmp(s->w[i - 1].s, "at") && i >= 2) {
        uint8_t t = s->w[i - 2].tag;
        if (t == DYAD_TAG_VBD || t == DYAD_TAG_VBN || t == DYAD_TAG_VB || t == DYAD_TAG_VBG ||
            t == DYAD_TAG_VBZ || t == DYAD_TAG_VBP)
            return false;
    }
    for (size_t k = 0; k < sizeof preps / sizeof *preps; k++)
        if (strcmp(s->w[i - 1].s, preps[k]) == 0) return true;
    return false;
}

/* The first word of the actor mention at view position q, when q is it. */
static bool mention_start(const code_sentence *s, const code_view *v, size_t q, uint32_t a)
{
    return q == 0 || actor_at(s, v->idx[q - 1]) != a;
}

/* Whether a joint subject's members act on each other with a code:
 * they meet, agree, cooperate, yield, exercise or fight together ("X and
 * Y signed a deal", "X and Y exchanged prisoners", "X and Y clashed"),
 * or the clause says so ("blamed each other"); two countries condemning
 * or demanding together do not address each other. */
static bool reciprocal(const code_sentence *s, const code_view *v, const char *code)
{
    static const char *const roots[] = {"03", "04", "05", "06", "07", "08", "15", "19", NULL};
    /* (but a retreat is each side's own: "fighters and civilians
     * evacuated the city") */
    if (!strncmp(code, "0874", 4)) return false;
    for (const char *const *r = roots; *r; r++)
        if (!strncmp(code, *r, 2)) return true;
    for (size_t q = 0; q + 1 < v->n; q++) {
        const char *a = s->w[v->idx[q]].s, *b = s->w[v->idx[q + 1]].s;
        if ((!strcmp(a, "each") && !strcmp(b, "other")) || (!strcmp(a, "one") && !strcmp(b, "another"))) return true;
    }
    /* "police and protesters clashed": a clash has two sides whatever
     * its code */
    for (size_t q = 0; q < v->n; q++)
        if (s->w[v->idx[q]].type == W_VERB && !strncmp(s->w[v->idx[q]].s, "clash", 5)) return true;
    /* "Serbia and Kosovo exchanged accusations", "traded threats": what
     * is exchanged goes both ways */
    for (size_t q = 0; q < v->n; q++) {
        const cw_word *x = &s->w[v->idx[q]];
        if (x->type == W_VERB && !(x->flags & CW_PART) &&
            (!strncmp(x->s, "exchang", 7) || !strncmp(x->s, "trade", 5) || !strncmp(x->s, "swap", 4)))
            return true;
    }
    return false;
}

static bool noun_modifier(const code_sentence *s, const cw_actor *a);

/* Whether a joint subject names one side ("the Turkish military and its
 * allied Syrian militias"): its members never act on each other. */
static bool allied_group(const code_sentence *s, uint32_t group)
{
    for (uint32_t m = group; m != DICT_NONE && m < s->nactors; m = s->actors[m].next)
        if (s->actors[m].allied) return true;
    return false;
}

/* Whether actor a is the bare country of the source, written on a noun
 * ("an Azerbaijani helicopter" for the Azerbaijani ministry). */
static bool own_modifier(const dyad_coder_work *w, const code_sentence *s, uint32_t a, cand source)
{
    const cw_actor *act = &s->actors[a];
    static const char *const place[] = {"region", "province", "state", "district", "area", "city", "town",
                                        "county", "valley", "border", "capital", "territory", "strip", NULL};
    if (act->pronoun || !act->ncodes || !noun_modifier(s, act)) return false;
    /* "the Amhara region" is a place */
    for (const char *const *p = place; *p; p++)
        if (!strcmp(s->w[act->last + 1].s, *p)) return false;
    const char *ac = w->codes[act->first_code].s;
    const char *sc = first_code(w, s, source);
    return strlen(ac) == 3 && code_is_country(ac) && strlen(sc) > 3 && !strncmp(ac, sc, 3);
}

static cand find_target(const dyad_coder_work *w, const code_sentence *s, const clause_ctx *cx,
                        size_t vfirst, size_t vlast, cand source, const char *code)
{
    const code_view *v = &cx->v;
    bool dyad_rules = w->c->dyad_rules;
    bool place_skipped = false;
    size_t end = v->n;
    if (dyad_rules && source.actor < DEF_STATE && !source.single &&
        s->actors[s->actors[source.actor].group].next != DICT_NONE && vlast + 2 < v->n) {
        /* "the army and the rebels accused each other of ...": the
         * members of the joint subject, whatever the clause names later */
        const char *a = s->w[v->idx[vlast + 1]].s, *b = s->w[v->idx[vlast + 2]].s;
        if ((!strcmp(a, "each") && !strcmp(b, "other")) || (!strcmp(a, "one") && !strcmp(b, "another"))) {
            cand c = {s->actors[source.actor].group, false, source.anchor};
            return c;
        }
    }
    if (dyad_rules) {
        /* the verb's object lies before the clause's next finite verb:
         * "Nigerian troops stationed at the base repelled the attackers"
         * (a relative clause on the object still describes it: "denied
         * a role in the bombing that killed Indian police") */
        for (size_t q = vlast + 1; q < v->n; q++) {
            const cw_word *x = &s->w[v->idx[q]];
            if (x->flags & CW_PART) continue;
            const char *before = q > 0 ? s->w[v->idx[q - 1]].s : "";
            if ((x->tag == DYAD_TAG_VBD || x->tag == DYAD_TAG_VBZ || x->tag == DYAD_TAG_VBP || x->tag == DYAD_TAG_MD) &&
                strcmp(before, "that") != 0 && strcmp(before, "which") != 0) {
                end = q;
                break;
            }
        }
    }
    for (size_t q = vlast + 1; q < end; q++) {
        uint32_t a = actor_at(s, v->idx[q]);
        if (a == DICT_NONE) continue;
        if (dyad_rules && code_relative_subject(s, v, q, a)) break;
        if (dyad_rules && mention_start(s, v, q, a) && own_modifier(w, s, a, source)) {
            /* "the ministry confirmed the downing of an Azerbaijani
             * helicopter": its own country's word on a noun is no
             * target of the source */
            while (q + 1 < v->n && actor_at(s, v->idx[q + 1]) == a) q++;
            continue;
        }
        if (dyad_rules && mention_start(s, v, q, a) && locative(s, v->idx[q])) {
            /* a place says where, not to whom: taken only when the
             * clause offers nobody else (README of tests/gold, rule 9) */
            place_skipped = true;
            while (q + 1 < v->n && actor_at(s, v->idx[q + 1]) == a) q++;
            continue;
        }
        cand c = candidate(w, s, a, source);
        if (c.actor != DICT_NONE) return c;
    }
    if (dyad_rules) {
        /* "X and Y pledged to deepen ties": a joint subject acts on its
         * own members, each on the others */
        if (source.actor < DEF_STATE && !source.single && reciprocal(s, v, code) &&
            s->actors[s->actors[source.actor].group].next != DICT_NONE &&
            !allied_group(s, s->actors[source.actor].group)) {
            cand c = {s->actors[source.actor].group, false, source.anchor};
            return c;
        }
        if (place_skipped) {
            for (size_t q = vlast + 1; q < end; q++) {
                uint32_t a = actor_at(s, v->idx[q]);
                if (a == DICT_NONE) continue;
                /* a sea or a region ("in the Balkans") is only where */
                if (s->actors[a].ncodes && code_is_region(w->codes[s->actors[a].first_code].s)) continue;
                cand c = candidate(w, s, a, source);
                if (c.actor != DICT_NONE) return c;
            }
        }
    }
    if (w->opt.default_target[0] && w->opt.default_after) {
        cand d = {DEF_TARGET, false, DICT_NONE};
        return d;
    }
    /* the nearest actor before the verb in the clause (with dyad's rules
     * not a place in the subject: "the British Embassy in Cairo said") */
    bool joint_other = !dyad_rules || (reciprocal(s, v, code) && !(source.actor < DEF_STATE &&
                                                                    allied_group(s, s->actors[source.actor].group)));
    for (long q = (long)vfirst - 1; q >= 0; q--) {
        uint32_t a = actor_at(s, v->idx[q]);
        if (a == DICT_NONE) continue;
        if (dyad_rules && locative(s, s->actors[a].head)) continue;
        /* dyad's rules: "the government and the UN say", "opposition
         * leaders and activists called for protests": the members of a
         * joint subject act side by side, not on each other */
        if (!joint_other && source.actor < DEF_STATE && code_actor_group(s, a) == s->actors[source.actor].group)
            continue;
        cand c = candidate(w, s, a, source);
        if (c.actor != DICT_NONE) return c;
    }
    if (joint_other && source.actor < DEF_STATE && !source.single &&
        s->actors[s->actors[source.actor].group].next != DICT_NONE) {
        cand c = {s->actors[source.actor].group, false, source.anchor};
        return c;
    }
    if (w->opt.default_target[0]) {
        cand d = {DEF_TARGET, false, DICT_NONE};
        return d;
    }
    return NO_CAND;
}

/* "the Ukraine conflict", "the Gaza ceasefire": a name that modifies a
 * noun is a topic, not a party ("Russia's demands" still is one). */
static bool noun_modifier(const code_sentence *s, const cw_actor *a)
{
    uint32_t next = a->last + 1;
    if (next >= s->n) return false;
    const cw_word *l = &s->w[a->last];
    if (l->len >= 2 && memcmp(l->s + l->len - 2, "'s", 2) == 0) return false;
    uint8_t t = s->w[next].tag;
    return (t == DYAD_TAG_NN || t == DYAD_TAG_NNS) && s->w[next].type != W_ACTOR;
}

/* Appends the sentence's actors, in text order, to the article's recent
 * actors (the oldest fall off); a place ("stationed in Belgium") is
 * where things happened, not a party to them. */
static void count_home(dyad_coder_work *w, const char *code)
{
    if (!code_is_country(code) || code_is_region(code)) return;
    for (size_t k = 0; k < w->nhome; k++)
        if (!strncmp(w->home_codes[k], code, 3)) { w->home_counts[k]++; return; }
    if (w->nhome == sizeof w->home_codes / sizeof *w->home_codes) return;
    memcpy(w->home_codes[w->nhome], code, 3);
    w->home_codes[w->nhome][3] = 0;
    w->home_counts[w->nhome++] = 1;
}

void code_remember_context(dyad_coder_work *w, const code_sentence *s)
{
    for (size_t i = 0; i < s->n; i++) {
        const cw_word *x = &s->w[i];
        if (x->type != W_ACTOR || (x->flags & (CW_PART | CW_ELIM)) || x->actor >= s->nactors) continue;
        const cw_actor *a = &s->actors[x->actor];
        if (!a->pronoun && !a->cancelled && a->ncodes) count_home(w, w->codes[a->first_code].s);
        if (a->pronoun || a->cancelled || !a->ncodes || locative(s, a->head) || noun_modifier(s, a)) continue;
        if (w->nctx == CODE_CONTEXT_ACTORS) {
            memmove(w->ctx_codes, w->ctx_codes + 1, (CODE_CONTEXT_ACTORS - 1) * sizeof w->ctx_codes[0]);
            memmove(w->ctx_spans, w->ctx_spans + 1, (CODE_CONTEXT_ACTORS - 1) * sizeof w->ctx_spans[0]);
            w->nctx--;
        }
        memcpy(w->ctx_codes[w->nctx], w->codes[a->first_code].s, sizeof w->ctx_codes[0]);
        w->ctx_spans[w->nctx].start = s->w[a->head].start;
        w->ctx_spans[w->nctx].end = s->w[a->last < s->n ? a->last : a->head].end;
        w->nctx++;
    }
}

/* Whether a code is a country's police, opposition, civilians, workers,
 * students, clergy, judges or press ("HKGCOPOPP", "MLIOPP"): they act
 * at home, and an act of theirs with no target named is not aimed at the
 * foreigner last mentioned ("police fired tear gas", "protesters fought
 * back"). */
static bool domestic_role(const char *code)
{
    static const char *const roles[] = {"COP", "OPP", "CVL", "LAB", "EDU", "REL", "JUD", "MED", NULL};
    if (!code_is_country(code) || code_is_region(code) || strlen(code) < 6) return false;
    for (const char *const *r = roles; *r; r++)
        if (!strncmp(code + 3, *r, 3)) return true;
    return false;
}

/* Whether a code is a country's street side: its opposition, civilians,
 * workers, students, clergy or armed groups ("HKGOPP", "MLIREB"). */
static bool street_side(const char *code)
{
    static const char *const roles[] = {"OPP", "CVL", "LAB", "EDU", "REL", "REB", "INS", "SEP", "UAF", NULL};
    if (!code_is_country(code) || code_is_region(code) || strlen(code) < 6) return false;
    for (const char *const *r = roles; *r; r++)
        if (!strncmp(code + 3, *r, 3)) return true;
    return false;
}

/* Whether a code is a country's state side: its government, police,
 * army, courts or intelligence ("HKGCOP", "SDNMIL"). */
static bool state_side(const char *code)
{
    static const char *const roles[] = {"GOV", "COP", "MIL", "JUD", "SPY", NULL};
    if (!code_is_country(code) || code_is_region(code) || strlen(code) < 6) return false;
    for (const char *const *r = roles; *r; r++)
        if (!strncmp(code + 3, *r, 3)) return true;
    return false;
}

/* The latest actor of the article's earlier sentences from another
 * country than the source (its first three letters), or none. */
/* The latest actor of the article's earlier sentences of the source's
 * country on the other side of the line between the state and the street,
 * or none. */
static cand home_target(const dyad_coder_work *w, const code_sentence *s, cand source)
{
    const char *sc = first_code(w, s, source);
    if (!street_side(sc) && !state_side(sc)) return NO_CAND;
    for (size_t k = w->nctx; k-- > 0;) {
        const char *c = w->ctx_codes[k];
        if (strncmp(c, sc, 3) != 0 || !(state_side(c) ? street_side(sc) : street_side(c) && state_side(sc))) continue;
        cand t = {DEF_CONTEXT, false, (uint32_t)k};
        return t;
    }
    return NO_CAND;
}

static cand context_target(const dyad_coder_work *w, const code_sentence *s, cand source, const char *code)
{
    const char *sc = first_code(w, s, source);
    /* (demands, disapproval, rejection, threats, protest and force: the
     * acts that cross that line) */
    bool contentious = code[0] == '1' || code[0] == '2';
    if (contentious && (street_side(sc) || (w->c->dyad_rules && state_side(sc)))) {
        /* "Protesters fought back", "police fired tear gas": at home, the
         * other side is the latest actor of the same country across the
         * line between the state (government, police, army) and the
         * street; a foreigner never */
        for (size_t k = w->nctx; k-- > 0;) {
            const char *c = w->ctx_codes[k];
            if (strncmp(c, sc, 3) != 0 || !(state_side(c) ? street_side(sc) : street_side(c) && state_side(sc)))
                continue;
            cand t = {DEF_CONTEXT, false, (uint32_t)k};
            return t;
        }
    }
    if (domestic_role(sc)) return NO_CAND;
    for (size_t k = w->nctx; k-- > 0;) {
        const char *c = w->ctx_codes[k];
        if (strncmp(c, sc, 3) == 0) continue;
        cand t = {DEF_CONTEXT, false, (uint32_t)k};
        return t;
    }
    return NO_CAND;
}

/* Whether actor (group) g is first named in the clause right after a
 * verb of asking or ordering (determiners and the verb's particles
 * between), with no comma before the verb at view position q, which is
 * then what g is asked to do: "to demand President X resign", "calls for
 * him to step down", "urged Russia to withdraw" -- not "showed a policeman
 * kicking a motorcycle". */
static bool is_lemma(const char *l, const char *const *set);
static const char *word_lemma(const code_sentence *s, const cw_word *x);
static bool word_is_from(const cw_word *x) { return x->len == 4 && !memcmp(x->s, "from", 4); }

static bool verb_object(const code_sentence *s, const code_view *v, size_t q, uint32_t g)
{
    static const char *const asking[] = {"demand", "call", "urge", "ask", "want", "request", "press",
                                         "pressure", "appeal", "push", "encourage", "invite", "order",
                                         "tell", "beg", "implore", "persuade", "force", "compel",
                                         /* and of alleging: "accused Syrian forces of killing ..." */
                                         "accuse", "blame", "charge", "suspect", NULL};
    size_t p = 0;
    while (p < q && (actor_at(s, v->idx[p]) == DICT_NONE || code_actor_group(s, actor_at(s, v->idx[p])) != g)) p++;
    if (p == 0 || p >= q) return false;
    for (size_t k = p + 1; k < q; k++)
        if (s->w[v->idx[k]].type == W_COMMA) return false;
    size_t k = p;
    while (k > 0 && (s->w[v->idx[k - 1]].type == W_DET ||
                     ((s->w[v->idx[k - 1]].flags & CW_PART) && actor_at(s, v->idx[k - 1]) == DICT_NONE)))
        k--;
    if (k == 0) return false;
    const cw_word *verb = &s->w[v->idx[k - 1]];
    /* (a noun of asking too: "amid calls for him to step down") */
    if (verb->type == W_ACTOR || !s->ds || verb->tok >= s->ds->ntokens) return false;
    return is_lemma(s->ds->tokens[verb->tok].lemma, asking);
}

/* Whether the verb ending at view position ql has a place noun for its
 * object, named by no actor ("took control of the town", "seized the
 * capital", "entered the village"). */
static bool place_object(const code_sentence *s, const code_view *v, size_t ql)
{
    static const char *const places[] = {"town", "city", "capital", "village", "towns", "cities",
                                         "villages", "district", "province", "territory", "region", NULL};
    size_t q = ql + 1;
    if (q < v->n && !strcmp(s->w[v->idx[q]].s, "of")) q++;
    while (q < v->n && (s->w[v->idx[q]].type == W_DET || s->w[v->idx[q]].tag == DYAD_TAG_JJ)) q++;
    if (q >= v->n || s->w[v->idx[q]].type == W_ACTOR || (s->w[v->idx[q]].flags & CW_PART)) return false;
    if (q + 1 < v->n && actor_at(s, v->idx[q + 1]) != DICT_NONE) return false; /* "the town of Elbe" */
    if (q + 2 < v->n && !strcmp(s->w[v->idx[q + 1]].s, "of") && actor_at(s, v->idx[q + 2]) != DICT_NONE) return false;
    return is_lemma(s->w[v->idx[q]].s, places);
}

/* The workspace code of the country the article has named most often,
 * -2 when it has named none, -1 when memory ran out. */
static int story_country(dyad_coder_work *w)
{
    size_t best = SIZE_MAX;
    for (size_t k = 0; k < w->nhome; k++)
        if (best == SIZE_MAX || w->home_counts[k] > w->home_counts[best]) best = k;
    if (best == SIZE_MAX) return -2;
    uint32_t k = code_push_code(w, w->home_codes[best], 3);
    return k == DICT_NONE ? -1 : (int)k;
}

/* Whether the verb ending at view position ql is followed by a name in
 * capitals that is no actor ("blamed Keita for ..."). */
static bool named_object(const code_sentence *s, const code_view *v, size_t ql)
{
    size_t q = ql + 1;
    if (q < v->n && s->w[v->idx[q]].type == W_DET) q++;
    if (q >= v->n) return false;
    const cw_word *x = &s->w[v->idx[q]];
    return (x->flags & CW_CAP) && x->type != W_ACTOR && !(x->flags & CW_PART);
}

static bool is_passive(const code_sentence *s, const code_view *v, size_t vfirst, size_t vlast)
{
    bool aux = (vfirst >= 1 && s->w[v->idx[vfirst - 1]].type == W_AUX) ||
               (vfirst >= 2 && s->w[v->idx[vfirst - 2]].type == W_AUX);
    bool by = (vlast + 1 < v->n && s->w[v->idx[vlast + 1]].type == W_BY) ||
              (vlast + 2 < v->n && s->w[v->idx[vlast + 2]].type == W_BY);
    return aux && by;
}

/* A past participle followed by "by" and an actor, with no auxiliary:
 * "the demands sent by Russia", "a deal brokered by Qatar". */
static bool reduced_passive(const code_sentence *s, const code_view *v, size_t q)
{
    const cw_word *x = &s->w[v->idx[q]];
    if (x->tag != DYAD_TAG_VBN) return false;
    if ((q >= 1 && s->w[v->idx[q - 1]].type == W_AUX) || (q >= 2 && s->w[v->idx[q - 2]].type == W_AUX)) return false;
    size_t k = q + 1;
    while (k < v->n && (s->w[v->idx[k]].flags & CW_PART)) k++;
    /* "a vote condemned as illegal by Kyiv": what the agent called it
     * may come first */
    if (k + 2 < v->n && !strcmp(s->w[v->idx[k]].s, "as")) {
        size_t j = k + 1;
        while (j < v->n && j <= k + 3 && s->w[v->idx[j]].type != W_BY &&
               (s->w[v->idx[j]].tag == DYAD_TAG_JJ || s->w[v->idx[j]].tag == DYAD_TAG_DT ||
                s->w[v->idx[j]].tag == DYAD_TAG_NN || s->w[v->idx[j]].tag == DYAD_TAG_RB))
            j++;
        if (j < v->n && s->w[v->idx[j]].type == W_BY) k = j;
    }
    if (k + 1 >= v->n || s->w[v->idx[k]].type != W_BY) return false;
    /* "detained by the government" */
    size_t a = k + 1;
    if (a + 1 < v->n && s->w[v->idx[a]].type == W_DET) a++;
    return actor_at(s, v->idx[a]) != DICT_NONE;
}

/* dyad's rules: the verb group of the verb at word wi, when the chunker
 * read it as passive ("was rejected", "is being accused"). */
static const dyad_verb_group *passive_group(const code_sentence *s, uint32_t wi)
{
    const dyad_sentence *ds = s->ds;
    if (!ds) return NULL;
    uint32_t tok = s->w[wi].tok;
    for (size_t g = 0; g < ds->nverbs; g++) {
        const dyad_verb_group *vg = &ds->verbs[g];
        if (vg->head == tok) return (vg->flags & DYAD_VG_PASSIVE) ? vg : NULL;
    }
    return NULL;
}

/* The actor named in a passive's by-agent ("by Tehran"), looked for in
 * the clause's view, or DICT_NONE. */
static uint32_t by_agent_actor(const code_sentence *s, const code_view *v, const dyad_verb_group *vg)
{
    const dyad_sentence *ds = s->ds;
    if (!vg || vg->by_agent == DYAD_NONE || vg->by_agent >= ds->nchunks) return DICT_NONE;
    const dyad_chunk *ch = &ds->chunks[vg->by_agent];
    for (size_t q = 0; q < v->n; q++) {
        uint32_t wi = v->idx[q];
        if (s->w[wi].tok < ch->first || s->w[wi].tok >= ch->last) continue;
        uint32_t a = actor_at(s, wi);
        if (a != DICT_NONE) return a;
    }
    return DICT_NONE;
}

/* The subject of a clause: its first actor before its first verb. */
static cand clause_subject(const code_sentence *s, const code_view *v)
{
    /* (called under dyad's rules only) A clause opened by a preposition
     * ("At a news conference Monday, the minister said ...", "After Kenya's warning,
     * Uganda ...") has its subject after that phrase's comma */
    size_t from = 0;
    if (v->n && s->w[v->idx[0]].tag == DYAD_TAG_IN) {
        for (size_t q = 1; q < v->n; q++) {
            const cw_word *x = &s->w[v->idx[q]];
            if (x->type == W_VERB && !(x->flags & CW_PART)) break;
            if (x->type == W_COMMA) { from = q + 1; break; }
        }
        /* (only when an actor stands between that comma and the verb) */
        bool after = false;
        for (size_t q = from; from && q < v->n && !after; q++) {
            const cw_word *x = &s->w[v->idx[q]];
            if (x->type == W_VERB && !(x->flags & CW_PART)) break;
            after = actor_at(s, v->idx[q]) != DICT_NONE;
        }
        if (!after) from = 0;
    }
    for (size_t q = from; q < v->n; q++) {
        const cw_word *x = &s->w[v->idx[q]];
        if (x->type == W_VERB && !(x->flags & CW_PART)) break;
        uint32_t a = actor_at(s, v->idx[q]);
        if (a == DICT_NONE || attribution(s, s->actors[a].head)) continue;
        uint32_t g = code_actor_group(s, a);
        if (g == DICT_NONE) continue;
        cand c = {g, false, code_anchor(s, a)};
        return c;
    }
    return NO_CAND;
}

/* dyad's rules: a gerund between its doer and "of" with its object
 * ("the U.S. sanctioning of the director", "Russia's bombing of
 * Aleppo") states the doer's act on the object: the doer's actor (into
 * *doer) and the object's (into *object). */
static bool gerund_of(const code_sentence *s, const code_view *v, size_t q, uint32_t *doer, uint32_t *object)
{
    const cw_word *x = &s->w[v->idx[q]];
    if (q == 0 || q + 2 >= v->n || x->len < 5 || memcmp(x->s + x->len - 3, "ing", 3) != 0) return false;
    if (!(x->tag == DYAD_TAG_VBG || x->tag == DYAD_TAG_NN)) return false;
    if (strcmp(s->w[v->idx[q + 1]].s, "of") != 0) return false;
    uint32_t a = actor_covering(s, v->idx[q - 1]);
    if (a == DICT_NONE || s->actors[a].pronoun) return false;
    uint32_t o = DICT_NONE;
    for (size_t k = q + 2; k < v->n && k <= q + 12 && o == DICT_NONE; k++) {
        const cw_word *y = &s->w[v->idx[k]];
        if (y->type == W_VERB || y->type == W_COMMA || y->type == W_AUX) break;
        o = actor_at(s, v->idx[k]);
    }
    if (o == DICT_NONE || code_actor_group(s, o) == DICT_NONE || code_actor_group(s, a) == DICT_NONE) return false;
    *doer = a;
    *object = o;
    return true;
}

/* A past participle right after the noun it tells of, with no agent and
 * no object: "students arrested at a campus rally" (not
 * "police detained hundreds", which the tagger may read the same). */
static bool reduced_participle(const code_sentence *s, const code_view *v, size_t q)
{
    const cw_word *x = &s->w[v->idx[q]];
    if (x->tag != DYAD_TAG_VBN || q == 0 || reduced_passive(s, v, q)) return false;
    /* (or set off by a comma or a dash: "several of the students --
     * detained at the rally --") */
    size_t nq = q; /* where the noun ends: right before, or before the comma */
    if (q >= 2 && s->w[v->idx[q - 1]].type == W_COMMA) nq--;
    uint32_t before = actor_covering(s, v->idx[nq - 1]);
    if (before == DICT_NONE || s->actors[before].pronoun) return false;
    /* the noun is an object of an earlier verb ("have released students
     * arrested at ...", "of the civilians killed in ..."), not a subject
     * whose verb the tagger took for a participle ("soldiers clashed
     * with ...") */
    static const char *const amounts[] = {"hundreds", "thousands", "dozens", "scores", "millions", "tens",
                                          "number", "crowd", "crowds", "group", "groups", NULL};
    /* (a form only a participle takes, "taken", "beaten", "driven", says
     * so by itself) */
    bool earlier = x->len > 4 && !memcmp(x->s + x->len - 2, "en", 2);
    for (size_t k = nq > 16 ? nq - 16 : 0; k < nq && !earlier; k++) {
        const cw_word *y = &s->w[v->idx[k]];
        if (actor_covering(s, v->idx[k]) == before) break;
        /* (the "of" after an amount opens the subject: "hundreds of
         * protesters marched in ...") */
        bool amount_of = !strcmp(y->s, "of") && k > 0 &&
                         (s->w[v->idx[k - 1]].tag == DYAD_TAG_CD || is_lemma(s->w[v->idx[k - 1]].s, amounts));
        earlier = y->type == W_VERB || y->type == W_AUX ||
                  (y->tag == DYAD_TAG_IN && !amount_of && strcmp(y->s, "that") != 0 && strcmp(y->s, "if") != 0 &&
                   strcmp(y->s, "whether") != 0);
    }
    if (!earlier) return false;
    size_t k = q + 1;
    while (k < v->n && (s->w[v->idx[k]].flags & CW_PART)) k++;
    if (k >= v->n) return true;
    uint8_t next = s->w[v->idx[k]].tag;
    return next == DYAD_TAG_IN || next == DYAD_TAG_TO || next == DYAD_TAG_RB || s->w[v->idx[k]].type == W_COMMA;
}

/* "Among those arrested is X", "among those detained were ...": the
 * actor named after the copula that follows the participle, or
 * DICT_NONE. */
static uint32_t among_those(const code_sentence *s, const code_view *v, size_t q)
{
    if (q < 2 || s->w[v->idx[q]].tag != DYAD_TAG_VBN) return DICT_NONE;
    if (strcmp(s->w[v->idx[q - 1]].s, "those") != 0 || strcmp(s->w[v->idx[q - 2]].s, "among") != 0) return DICT_NONE;
    size_t k = q + 1;
    while (k < v->n && k <= q + 4 && strcmp(s->w[v->idx[k]].s, "is") != 0 && strcmp(s->w[v->idx[k]].s, "are") != 0 &&
           strcmp(s->w[v->idx[k]].s, "was") != 0 && strcmp(s->w[v->idx[k]].s, "were") != 0)
        k++;
    if (k >= v->n) return DICT_NONE;
    /* (the name's role may be an aside the commas set apart: "is Amos
     * Chibaya, a member of parliament,") */
    for (size_t j = v->idx[k] + 1; j < s->n && j <= v->idx[k] + 10; j++) {
        if (s->w[j].type == W_VERB || s->w[j].type == W_CONJ || s->w[j].type == W_AUX) break;
        uint32_t a = actor_at(s, (uint32_t)j);
        if (a != DICT_NONE && !s->actors[a].pronoun && code_actor_group(s, a) != DICT_NONE) return a;
    }
    return DICT_NONE;
}

/* A present participle right after the people it tells of, as a
 * relative clause without its pronoun: "clashed with protesters calling
 * for the president to step down", "militants fighting the army".  The
 * actor before it, or DICT_NONE. */
static uint32_t reduced_progressive(const code_sentence *s, const code_view *v, size_t q)
{
    const cw_word *x = &s->w[v->idx[q]];
    if (x->tag != DYAD_TAG_VBG || q == 0 || (x->flags & CW_NEGATED)) return DICT_NONE;
    const cw_word *p = &s->w[v->idx[q - 1]];
    if (p->type == W_PRON || !(p->tag == DYAD_TAG_NNS || p->tag == DYAD_TAG_NNPS)) return DICT_NONE;
    uint32_t a = actor_covering(s, v->idx[q - 1]);
    if (a == DICT_NONE || s->actors[a].pronoun || code_actor_group(s, a) == DICT_NONE) return DICT_NONE;
    /* the people end right before it ("protesters calling"), not a name
     * inside a phrase on a thing */
    if (s->actors[a].last != v->idx[q - 1] && s->actors[a].head != v->idx[q - 1]) return DICT_NONE;
    return a;
}

static bool first_person(const cw_word *x)
{
    static const char *const words[] = {"we", "us", "our", "i", "me", "my", NULL};
    for (const char *const *p = words; *p; p++)
        if (x->len == strlen(*p) && !memcmp(x->s, *p, x->len)) return true;
    return false;
}

/* dyad's rules: a participle used as an adjective describes, it does not
 * act -- "heavily armed gunmen", "the heavily guarded palace", "a
 * Russia-brokered deal": an adverb, a determiner or a hyphen before it
 * and a noun right after it. */
static bool adjectival(const code_sentence *s, const code_view *v, size_t q)
{
    const cw_word *x = &s->w[v->idx[q]];
    if (q == 0 || q + 1 >= v->n || x->last != v->idx[q]) return false;
    const cw_word *prev = &s->w[v->idx[q - 1]], *next = &s->w[v->idx[q + 1]];
    if (x->tag == DYAD_TAG_VBG) {
        /* "the surrounding areas", "the town and surrounding villages",
         * "the ruling party" */
        bool plain_noun = next->tag == DYAD_TAG_NN || next->tag == DYAD_TAG_NNS;
        bool noun_and = prev->type == W_CONJ && q >= 2 &&
                        (s->w[v->idx[q - 2]].tag == DYAD_TAG_NN || s->w[v->idx[q - 2]].tag == DYAD_TAG_NNS);
        return plain_noun && (prev->tag == DYAD_TAG_DT || noun_and);
    }
    if (x->tag != DYAD_TAG_VBN && x->tag != DYAD_TAG_VBD && x->tag != DYAD_TAG_JJ) return false;
    /* an adverb before it makes it an adjective only where no subject
     * comes first: "heavily armed gunmen", not "Tehran flatly denied
     * Washington's claims" */
    bool adverb = prev->tag == DYAD_TAG_RB && prev->len > 2 && !memcmp(prev->s + prev->len - 2, "ly", 2);
    if (adverb && q >= 2) {
        const cw_word *pp = &s->w[v->idx[q - 2]];
        uint8_t tt = pp->tag;
        if (actor_covering(s, v->idx[q - 2]) != DICT_NONE || tt == DYAD_TAG_NN || tt == DYAD_TAG_NNS ||
            tt == DYAD_TAG_NNP || tt == DYAD_TAG_NNPS || tt == DYAD_TAG_PRP)
            adverb = false;
    }
    bool modifier = prev->tag == DYAD_TAG_DT || adverb ||
                    (s->doc && s->doc->text && prev->end + 1 == x->start && s->doc->text[prev->end] == '-');
    bool noun_next = next->tag == DYAD_TAG_NN || next->tag == DYAD_TAG_NNS || next->tag == DYAD_TAG_NNP ||
                     next->tag == DYAD_TAG_NNPS || next->type == W_ACTOR || next->type == W_AGENT ||
                     actor_covering(s, v->idx[q + 1]) != DICT_NONE; /* "U.S.-backed Syrian Democratic Forces" */
    if (!modifier || !noun_next) return false;
    /* "have strongly condemned the journalist's arrest", "was briefly detained
     * Monday": an auxiliary makes it a verb */
    static const char *const aux[] = {"have", "has", "had", "is", "are", "was", "were", "be", "been", "being",
                                      "will", "would", "did", "does", "do", NULL};
    for (size_t k = q; k-- > 0 && k + 3 >= q;) {
        for (const char *const *a = aux; *a; a++)
            if (!strcmp(s->w[v->idx[k]].s, *a)) return false;
    }
    return true;
}

/* Words of judgement: what a verdict calls a thing ("was unacceptable",
 * "called the raid harassment"). */
static const char *const disapproval[] = {
    "unacceptable", "illegal", "illegitimate", "unlawful", "unconstitutional", "unjustified",
    "unjustifiable", "unfounded", "baseless", "groundless", "false", "untrue", "fraudulent",
    "rigged", "fabricated", "absurd", "ridiculous", "outrageous", "shameful", "disgraceful",
    "deplorable", "reprehensible", "irresponsible", "reckless", "provocative", "hypocritical",
    "unfair", "unjust", "arbitrary", "barbaric", "heinous", "inhumane", "mistake", "blunder",
    "provocation", "sham", "farce", "lie", "lies", "nonsense", "propaganda", "harassment",
    "persecution", "aggression", "regrettable", "unwarranted", "violation", "breach", NULL};

/* Words of judgement that charge a party with a crime ("was a war crime",
 * "described the shelling as genocide"): an accusation (112) where a
 * verdict reads them, and a disapproval wherever one is looked for. */
static const char *const accusation[] = {"crime", "crimes", "genocide", "terrorism", "atrocity", "atrocities", NULL};

/* Whether y is a word of judgement of either kind. */
static bool judging_word(const char *y)
{
    for (const char *const *d = disapproval; *d; d++)
        if (!strcmp(y, *d)) return true;
    for (const char *const *d = accusation; *d; d++)
        if (!strcmp(y, *d)) return true;
    return false;
}

/* Whether the verb at view position q is "call" naming what its object
 * is -- "called the decision a betrayal", "called the raid a 'terrorist
 * attack'" -- rather than a call to someone ("called his counterpart",
 * "called a meeting", "by phone"). */
static bool characterization(const code_sentence *s, const code_view *v, size_t q)
{
    const cw_word *x = &s->w[v->idx[q]];
    const dyad_sentence *ds = s->ds;
    if (!ds || x->tok >= ds->ntokens || !ds->tokens[x->tok].lemma || strcmp(ds->tokens[x->tok].lemma, "call"))
        return false;
    for (size_t k = q + 1; k < v->n && k <= q + 8; k++) {
        const cw_word *y = &s->w[v->idx[k]];
        if (strstr(y->s, "phone")) return false;
        if (y->type == W_VERB || y->type == W_COMMA || y->type == W_CONJ) return false;
        if ((!strcmp(y->s, "a") || !strcmp(y->s, "an")) && k >= q + 2) return true;
        /* "called the action harassment", "called the vote illegal": a
         * word of judgement after the object */
        if (k >= q + 2 && y->tag != DYAD_TAG_DT && judging_word(y->s)) return true;
    }
    return false;
}

/* A copy of code in *out with the event code first and the flags clear
 * taken off: the act a construction makes of a pattern's code ("has not
 * agreed" 036 -> 125, "wants to be removed" -> 100). */
static const ix_code *recoded(ix_code *out, const ix_code *code, const char *first, uint8_t clear)
{
    *out = *code;
    out->flags &= (uint8_t)~clear;
    memset(out->first, 0, sizeof out->first);
    memcpy(out->first, first, strnlen(first, sizeof out->first - 1));
    return out;
}

/* Whether the verb at q is one of describing -- describe, term, label,
 * dub, characterize -- whose object is judged with a word of disapproval:
 * "described the claims as baseless", "termed the vote illegal". */
static bool described_as_wrong(const code_sentence *s, const code_view *v, size_t q, size_t ql)
{
    static const char *const describing[] = {"describe", "term", "label", "dub", "characterize", "characterise",
                                             "call", NULL};
    const dyad_sentence *ds = s->ds;
    const cw_word *x = &s->w[v->idx[q]];
    if (!ds || x->tok >= ds->ntokens || !ds->tokens[x->tok].lemma) return false;
    bool known = false;
    for (const char *const *d = describing; *d && !known; d++) known = !strcmp(ds->tokens[x->tok].lemma, *d);
    if (!known) return false;
    /* the judged thing must be a party's ("Pakistan's claims", "the
     * rebels' statement"): "described the heat wave as a mistake" or
     * "his own decision as a blunder" disapproves of nobody, and no
     * party of the story may be guessed for it */
    bool party = false;
    for (size_t k = ql + 1; k < v->n && k <= ql + 10; k++) {
        const cw_word *y = &s->w[v->idx[k]];
        if (y->type == W_VERB || y->type == W_COMMA || y->type == W_CONJ || !strcmp(y->s, "not")) return false;
        uint32_t a = actor_at(s, v->idx[k]);
        if (a != DICT_NONE && !s->actors[a].pronoun) party = true;
        if (k < ql + 2) continue;
        if (judging_word(y->s)) return party;
    }
    return false;
}

/* Whether a code's root is one of four. */
static bool root_in(const char *code, const char *a, const char *b, const char *c, const char *d)
{
    return !strncmp(code, a, 2) || !strncmp(code, b, 2) || !strncmp(code, c, 2) || !strncmp(code, d, 2);
}

/* Whether a clause has a noun or pronoun of its own before its first
 * verb: a subject, even when it names no actor. */
static bool own_noun_subject(const code_sentence *s, const code_view *v)
{
    for (size_t q = 0; q < v->n; q++) {
        const cw_word *x = &s->w[v->idx[q]];
        if ((x->type == W_VERB && !(x->flags & CW_PART)) || x->type == W_AUX) return false;
        if (x->tag == DYAD_TAG_NN || x->tag == DYAD_TAG_NNS || x->tag == DYAD_TAG_NNP || x->tag == DYAD_TAG_NNPS ||
            x->tag == DYAD_TAG_PRP)
            return true;
    }
    return false;
}

/* ---- events -------------------------------------------------------------------------- */

typedef struct code_list { const char *c[64]; uint32_t actor[64]; size_t n; } code_list;

static void cand_codes(const dyad_coder_work *w, const code_sentence *s, cand c, code_list *out)
{
    out->n = 0;
    if (c.actor == DEF_SOURCE || c.actor == DEF_TARGET || c.actor == DEF_CONTEXT || c.actor == DEF_STATE) {
        out->c[0] = first_code(w, s, c);
        out->actor[0] = DICT_NONE;
        out->n = 1;
        return;
    }
    if (c.actor == DICT_NONE) return;
    for (uint32_t m = c.actor; m != DICT_NONE && out->n < 64; m = c.single ? DICT_NONE : s->actors[m].next) {
        const cw_actor *a = &s->actors[m];
        for (uint32_t k = 0; k < a->ncodes && out->n < 64; k++) {
            out->c[out->n] = w->codes[a->first_code + k].s;
            out->actor[out->n++] = m;
        }
    }
}

static dyad_span actor_span(const code_sentence *s, uint32_t a)
{
    dyad_span sp = {0, 0};
    if (a == DICT_NONE || a >= s->nactors) return sp;
    const cw_actor *x = &s->actors[a];
    sp.start = s->w[x->head].start;
    sp.end = s->w[x->last < s->n ? x->last : x->head].end;
    return sp;
}

static void set_code(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

static int push_event(dyad_coder_work *w, const code_sentence *s, const char *src, const char *tgt,
                      const char *code, uint32_t src_actor, uint32_t tgt_actor, dyad_span verb,
                      uint32_t flags, const ix_pattern *p, size_t verb_first)
{
    /* dyad's rules: one event a sentence for each source, target and
     * code, however many of its clauses state it */
    if (w->c->dyad_rules) verb_first = w->sentence_first;
    /* a compound met by a paired code gives some pairs twice: once is enough */
    for (size_t i = verb_first; i < w->nevents; i++)
        if (!strcmp(w->events[i].source, src) && !strcmp(w->events[i].target, tgt) &&
            !strcmp(w->events[i].code, code))
            return 0;
    if (w->nevents == w->cap_events) {
        size_t ncap = w->cap_events ? w->cap_events * 2 : 32;
        dyad_event *ne = realloc(w->events, ncap * sizeof *ne);
        if (!ne) { w->oom = true; return -1; }
        w->events = ne;
        w->cap_events = ncap;
    }
    dyad_event *e = &w->events[w->nevents++];
    memset(e, 0, sizeof *e);
    e->sentence = s->index;
    set_code(e->source, sizeof e->source, src);
    set_code(e->target, sizeof e->target, tgt);
    set_code(e->code, sizeof e->code, code);
    e->source_span = actor_span(s, src_actor);
    e->target_span = actor_span(s, tgt_actor);
    e->verb_span = verb;
    e->flags = flags;
    if (w->explain && p) {
        const dyad_dict *d = w->c->dict;
        const dict_phrase *ph = dict_phrases(d, DICT_PH_PATTERN, NULL);
        e->pattern = ix_pattern_text(w->c->ix, p->phrase);
        const dict_file *f = dict_file_at(d, ph[p->phrase].file);
        e->pattern_file = f ? f->path : NULL;
        e->pattern_line = ph[p->phrase].line;
    }
    return 0;
}

/* One verb's result: events [first, first + n) of the workspace. */
typedef struct verb_result {
    size_t first, n;
    uint32_t clause;
    uint8_t code_flags;
    cand source;
} verb_result;

/* Curfews and states of emergency, imposed or lifted. */
static bool emergency_measure(const char *code)
{
    return !strcmp(code, "1723") || !strcmp(code, "1724") || !strcmp(code, "0813") || !strcmp(code, "0814");
}

static int make_events(dyad_coder_work *w, const code_sentence *s, cand src, cand tgt,
                       const ix_code *code, dyad_span verb, const ix_pattern *p, size_t per_sentence_start)
{
    size_t verb_first = w->nevents;
    code_list sl, tl;
    cand_codes(w, s, src, &sl);
    cand_codes(w, s, tgt, &tl);
    uint32_t flags = 0;
    if ((src.actor < DEF_STATE && s->actors[src.actor].next != DICT_NONE && !src.single) ||
        (tgt.actor < DEF_STATE && s->actors[tgt.actor].next != DICT_NONE && !tgt.single))
        flags |= DYAD_EVENT_COMPOUND;
    /* a state's emergency measure over its own country ("Kenya declared a
     * state of emergency") is the one act whose target may be its source */
    bool own = tgt.actor == DEF_STATE && emergency_measure(code->first);
    for (size_t i = 0; i < sl.n; i++) {
        for (size_t j = 0; j < tl.n; j++) {
            if (strcmp(sl.c[i], tl.c[j]) == 0 && !own) continue;
            if (w->nevents - per_sentence_start >= CODE_MAX_EVENTS_PER_SENTENCE) return 0;
            if (code->first[0] &&
                push_event(w, s, sl.c[i], tl.c[j], code->first, sl.actor[i], tl.actor[j], verb, flags, p, verb_first))
                return -1;
            if ((code->flags & IX_CODE_PAIRED) && code->second[0] &&
                push_event(w, s, tl.c[j], sl.c[i], code->second, tl.actor[j], sl.actor[i], verb, flags, p, verb_first))
                return -1;
        }
    }
    return 0;
}

/* ---- special codes and complexity -------------------------------------------------- */

static void set_complex(dyad_coder_work *w, const char *why)
{
    if (!(w->status & CODE_ST_COMPLEX)) set_code(w->complex_reason, sizeof w->complex_reason, why);
    w->status |= CODE_ST_COMPLEX;
}

static const ix_code *verb_code(const dyad_coder_work *w, const cw_word *x)
{
    const ix_root *roots = ix_roots(w->c->ix, NULL);
    const ix_verb *verbs = ix_verbs(w->c->ix, NULL);
    const ix_verb *v = &verbs[roots[x->root].owner];
    return v->code == DICT_NONE ? NULL : &ix_codes(w->c->ix, NULL)[v->code];
}

static bool coded_verb(const dyad_coder_work *w, const cw_word *x)
{
    if (x->type != W_VERB || (x->flags & (CW_PART | CW_ELIM))) return false;
    const ix_code *c = verb_code(w, x);
    return c && !(c->flags & IX_CODE_NULL);
}

/* Discard and complex codes on words that stay in the sentence. */
static void special_words(dyad_coder_work *w, const code_sentence *s)
{
    for (size_t i = 0; i < s->n; i++) {
        const cw_word *x = &s->w[i];
        if (x->flags & CW_PART) continue;
        if (x->type == W_DISCARD) {
            if (x->actor == IX_CODE_DISCARD) w->status |= CODE_ST_DISCARD;
            else set_complex(w, "complex code on an actor");
        } else if (x->type == W_VERB) {
            const ix_code *c = verb_code(w, x);
            if (c && (c->flags & IX_CODE_DISCARD)) w->status |= CODE_ST_DISCARD;
            else if (c && (c->flags & IX_CODE_COMPLEX)) set_complex(w, "complex code on a verb");
        }
    }
}

static void complexity(dyad_coder_work *w, const code_sentence *s)
{
    const code_options *o = &w->opt;
    int verbs = 0, conj = 0, actors = 0, pronouns = 0, commas = 0;
    long first_verb = -1;
    bool actor_prior = false, actor_after = false;
    for (size_t i = 0; i < s->n; i++) {
        const cw_word *x = &s->w[i];
        bool vis = visible(x) && !(x->flags & CW_PART);
        if (vis && coded_verb(w, x)) {
            verbs++;
            if (first_verb < 0) first_verb = (long)i;
        }
        if (vis && x->type == W_CONJ && !(x->flags & (CW_COMPOUND_CONJ | CW_PROTECTED))) conj++;
        if (vis && x->type == W_PRON) pronouns++;
        if (x->type == W_COMMA && (x->flags & CW_ELIM)) commas++;
        if (visible(x) && actor_at(s, i) != DICT_NONE) {
            const cw_actor *a = &s->actors[actor_at(s, i)];
            if (a->head == i && !a->pronoun) actors++;
            if (first_verb < 0) actor_prior = true;
            else actor_after = true;
        }
    }
    if (o->complex_verbs > 0 && verbs >= o->complex_verbs) set_complex(w, "too many verbs");
    if (o->complex_conj > 0 && conj >= o->complex_conj) set_complex(w, "too many conjunctions");
    if (o->complex_actors > 0 && actors >= o->complex_actors) set_complex(w, "too many actors");
    if (o->complex_pronouns > 0 && pronouns >= o->complex_pronouns) set_complex(w, "too many pronouns");
    if (o->complex_comma > 0 && commas / 2 >= o->complex_comma) set_complex(w, "too many comma clauses");
    if (o->complex_lateverb > 0 && (first_verb < 0 || first_verb >= o->complex_lateverb))
        set_complex(w, "late verb");
    if ((o->complex_flags & DICT_CX_NOVERB) && first_verb < 0) set_complex(w, "no verb");
    if ((o->complex_flags & DICT_CX_NOACTPRIOR) && first_verb >= 0 && !actor_prior)
        set_complex(w, "no actor before the first verb");
    if ((o->complex_flags & DICT_CX_NOACTAFTER) && first_verb >= 0 && !actor_after)
        set_complex(w, "no actor after the first verb");
}

/* ---- time shifting ----------------------------------------------------------------- */

static int time_shift(dyad_coder_work *w, const code_sentence *s, const code_view *all)
{
    const ix_root *roots = ix_roots(w->c->ix, NULL);
    const ix_verb *verbs = ix_verbs(w->c->ix, NULL);
    const ix_code *codes = ix_codes(w->c->ix, NULL);
    const ix_pattern *pats = ix_patterns(w->c->ix, NULL);
    for (size_t q = 0; q < all->n; q++) {
        const cw_word *x = &s->w[all->idx[q]];
        if (x->type != W_TIME || (x->flags & CW_PART)) continue;
        const ix_verb *v = &verbs[roots[x->root].owner];
        size_t ql = q;
        while (ql + 1 < all->n && all->idx[ql + 1] <= x->last) ql++;
        uint32_t code = v->code;
        for (uint32_t k = 0; k < v->npatterns; k++) {
            code_match m;
            const ix_pattern *p = &pats[v->first_pattern + k];
            if (code_match_pattern(w, s, all, q, ql, p, &m)) {
                if (p->code != DICT_NONE) code = p->code;
                break;
            }
        }
        if (code == DICT_NONE) continue;
        const ix_code *c = &codes[code];
        if (c->flags & IX_CODE_NULL) continue;
        if (c->flags & IX_CODE_DISCARD) { w->status |= CODE_ST_DISCARD; return 0; }
        if (c->flags & IX_CODE_COMPLEX) { set_complex(w, "complex time phrase"); return 0; }
        if (c->flags & IX_CODE_SHIFT) return c->shift;
    }
    return 0;
}

static bool pattern_negates(const dyad_coder_work *w, const ix_pattern *p)
{
    if (!p) return false;
    const ix_ptok *t = ix_ptoks(w->c->ix) + p->first_tok;
    const ix_lit *lits = ix_lits(w->c->ix);
    for (uint16_t k = 0; k < p->ntoks; k++) {
        if (t[k].kind != IX_PT_WORD) continue;
        const char *ls = lits[t[k].lit].s;
        if (!strcmp(ls, "not") || !strcmp(ls, "n't") || !strcmp(ls, "never") || !strcmp(ls, "no") ||
            strstr(ls, "n't"))
            return true;
    }
    return false;
}

/* ---- the sentence --------------------------------------------------------------------- */

static size_t view_of(const code_sentence *s, uint32_t *idx, uint32_t clause, bool whole)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++)
        if (visible(&s->w[i]) && (whole || s->w[i].clause == clause)) idx[n++] = (uint32_t)i;
    return n;
}

/* dyad's rules (tests/gold/README.md, rule 7): what a question asks or a
 * condition supposes did not happen -- "Could China invade Taiwan?", "If
 * Iran attacks Israel, oil prices could soar". */
static bool hypothetical(const code_sentence *s, const cw_word *x)
{
    if (s->question) return true;
    const dyad_sentence *ds = s->ds;
    if (!ds || x->tok >= ds->ntokens) return false;
    uint32_t c = DYAD_NONE, width = UINT32_MAX;
    for (size_t k = 0; k < ds->nclauses; k++) {
        const dyad_clause *cl = &ds->clauses[k];
        if (x->tok >= cl->first && x->tok < cl->last && cl->last - cl->first < width) {
            c = (uint32_t)k;
            width = cl->last - cl->first;
        }
    }
    for (size_t depth = 0; c != DYAD_NONE && c < ds->nclauses && depth < ds->nclauses; depth++) {
        const dyad_clause *cl = &ds->clauses[c];
        if (cl->opener != DYAD_NONE && cl->opener < ds->ntokens) {
            const char *o = ds->tokens[cl->opener].lemma;
            if (o && (!strcmp(o, "if") || !strcmp(o, "unless") || !strcmp(o, "whether"))) return true;
            /* "until she gives in": not yet */
            uint8_t tg = ds->tokens[x->tok].tag;
            if (o && !strcmp(o, "until") && (tg == DYAD_TAG_VBZ || tg == DYAD_TAG_VBP || tg == DYAD_TAG_VB))
                return true;
        }
        c = cl->parent;
    }
    return false;
}

/* The code of the first verb at or after view position `from` that codes
 * an event, or NULL: what a bare "demanded that ..." asks for. */
/* dyad's rules (rule "unplanned"): a verb under a denied or absent plan
 * or intention is no event -- "had no plans to attack Ukraine", "has no
 * intention of invading", "does not plan to strike", "denied planning to
 * invade". */
static bool is_lemma(const char *l, const char *const *set)
{
    for (; l && *set; set++)
        if (!strcmp(l, *set)) return true;
    return false;
}

static bool unplanned(const code_sentence *s, const cw_word *x)
{
    static const char *const plan[] = {"plan", "plans", "planning", "planned", "intention", "intentions", "intend",
                                       "intends", "intending", "intended", "intent", NULL};
    static const char *const neg[] = {"no", "not", "n't", "never", "deny", "denies", "denied", "denying", NULL};
    const dyad_sentence *ds = s->ds;
    if (!ds || x->tok >= ds->ntokens || x->tok < 3) return false;
    uint32_t t = x->tok;
    const char *to = ds->tokens[t - 1].lemma;
    if (!to || (strcmp(to, "to") && strcmp(to, "of"))) return false;
    if (!is_lemma(ds->tokens[t - 2].lemma, plan)) return false;
    for (uint32_t k = t - 2; k-- > 0 && k + 5 >= t;)
        if (is_lemma(ds->tokens[k].lemma, neg)) return true;
    return false;
}

/* dyad's rules: an indirect question is no event -- "it was not clear
 * who fired the shot", "officials did not know what caused the blast". */
static bool indirect_question(const code_sentence *s, uint32_t clause, uint32_t first)
{
    static const char *const wh[] = {"who", "what", "why", "how", "whom", "whose", NULL};
    static const char *const asking[] = {"clear", "unclear", "known", "unknown", "sure", "certain", "know", "knew",
                                         "determine", "determined", "identify", "identified", "ask", "asked",
                                         "wonder", "wondered", "establish", "established", NULL};
    /* the clause's first word, at or before its first visible one */
    size_t i = first;
    if (i >= s->n || s->w[i].clause != clause) return false;
    while (i > 0 && s->w[i - 1].clause == clause) i--;
    if (i == 0 || !is_lemma(s->w[i].s, wh)) return false;
    size_t p = i - 1;
    if (p > 0 && s->w[p].tag == DYAD_TAG_RB) p--;
    return is_lemma(s->w[p].s, asking);
}

/* dyad's rules: an act that failed, that a party only has the right to,
 * or that it is charged with is not reported as done -- "the two sides
 * failed to reach a deal", "has the right to demonstrate", "on charges of
 * holding an illegal meeting". */
static bool unreal(const code_sentence *s, const cw_word *x)
{
    static const char *const before_to[] = {"fail", "right", "unable", "impossible", "commitment", "willingness",
                                            "readiness", "ability", "inability", "need", NULL};
    static const char *const before_of[] = {"charge", "accusation", "allegation", "suspicion", NULL};
    const dyad_sentence *ds = s->ds;
    if (!ds || x->tok >= ds->ntokens || x->tok < 2) return false;
    uint32_t t = x->tok;
    const char *p = ds->tokens[t - 1].lemma;
    if (!p) return false;
    if (!strcmp(p, "to")) {
        if (is_lemma(ds->tokens[t - 2].lemma, before_to)) return true;
        /* "the right to express their opinion and to demonstrate": a
         * second infinitive shares the first one's noun */
        if (ds->tokens[t - 2].tag == DYAD_TAG_CC) {
            for (uint32_t k = t - 2; k-- > 1 && k + 12 >= t;) {
                if (ds->tokens[k].tag == DYAD_TAG_TO || (ds->tokens[k].lemma && !strcmp(ds->tokens[k].lemma, "to"))) {
                    if (is_lemma(ds->tokens[k - 1].lemma, before_to)) return true;
                    break;
                }
                if (ds->tokens[k].tag == DYAD_TAG_VBD || ds->tokens[k].tag == DYAD_TAG_VBZ ||
                    ds->tokens[k].tag == DYAD_TAG_VBP || ds->tokens[k].tag == DYAD_TAG_MD)
                    break;
            }
        }
        /* "they have to collaborate": an obligation, not yet met */
        uint8_t ht = ds->tokens[t - 2].tag;
        if (ds->tokens[t - 2].lemma && !strcmp(ds->tokens[t - 2].lemma, "have") &&
            (ht == DYAD_TAG_VBP || ht == DYAD_TAG_VBZ || ht == DYAD_TAG_VB))
            return true;
        /* "it is not possible to confirm" */
        if (t >= 3 && !strcmp(ds->tokens[t - 2].lemma ? ds->tokens[t - 2].lemma : "", "possible") &&
            ds->tokens[t - 3].lemma && (!strcmp(ds->tokens[t - 3].lemma, "not") || !strcmp(ds->tokens[t - 3].lemma, "n't")))
            return true;
        /* "amid calls for the president to resign": what is called for */
        static const char *const asking[] = {"call", "calls", "demand", "demands", "appeal", "appeals",
                                             "plea", "pleas", "pressure", NULL};
        for (uint32_t k = t - 2; k >= 1 && k + 8 >= t; k--) {
            const char *l = ds->tokens[k].lemma;
            if (!l) break;
            if (!strcmp(l, "for")) {
                const char *n = ds->tokens[k - 1].lemma;
                uint8_t tg = ds->tokens[k - 1].tag;
                return (tg == DYAD_TAG_NN || tg == DYAD_TAG_NNS || tg == DYAD_TAG_NNP || tg == DYAD_TAG_NNPS) &&
                       n && is_lemma(n, asking);
            }
            uint8_t tg = ds->tokens[k].tag;
            if (!(tg == DYAD_TAG_NN || tg == DYAD_TAG_NNS || tg == DYAD_TAG_NNP || tg == DYAD_TAG_NNPS ||
                  tg == DYAD_TAG_DT || tg == DYAD_TAG_JJ || tg == DYAD_TAG_POS || tg == DYAD_TAG_PRPS))
                break;
        }
        return false;
    }
    if (!strcmp(p, "of")) return is_lemma(ds->tokens[t - 2].lemma, before_of);
    /* "must stop supporting corruption": what is stopped */
    static const char *const stopping[] = {"stop", "cease", "quit", NULL};
    if (ds->tokens[t].tag == DYAD_TAG_VBG && is_lemma(p, stopping)) return true;
    return false;
}

/* dyad's rules: what a group is described as seeking is no event, and
 * the clause goes on -- "the rebels trying to overthrow it are
 * considering a ceasefire", "militants seeking to topple the government". */
static bool described_goal(const code_sentence *s, const cw_word *x)
{
    static const char *const seeking[] = {"try", "seek", "attempt", "fight", "struggle", "want", NULL};
    const dyad_sentence *ds = s->ds;
    if (!ds || x->tok >= ds->ntokens || x->tok < 3) return false;
    uint32_t t = x->tok;
    if (!ds->tokens[t - 1].lemma || strcmp(ds->tokens[t - 1].lemma, "to") != 0) return false;
    if (ds->tokens[t - 2].tag != DYAD_TAG_VBG || !is_lemma(ds->tokens[t - 2].lemma, seeking)) return false;
    uint8_t nt = ds->tokens[t - 3].tag;
    return nt == DYAD_TAG_NN || nt == DYAD_TAG_NNS || nt == DYAD_TAG_NNP || nt == DYAD_TAG_NNPS;
}

/* dyad's rules (rule "hypothetical force"): force under "could", "might"
 * or "may" is only possible -- "Russia could invade Ukraine at any
 * moment" is no invasion. */
static bool possible_only(const code_sentence *s, const cw_word *x)
{
    const dyad_sentence *ds = s->ds;
    if (!ds) return false;
    for (size_t g = 0; g < ds->nverbs; g++) {
        const dyad_verb_group *vg = &ds->verbs[g];
        if (vg->head != x->tok) continue;
        return vg->modality == DYAD_MOD_COULD || vg->modality == DYAD_MOD_MIGHT || vg->modality == DYAD_MOD_MAY;
    }
    return false;
}

static bool material_conflict(const char *code)
{
    return (code[0] == '1' && code[1] >= '5' && code[1] <= '9') || (code[0] == '2' && code[1] == '0');
}

/* Matches the verb at view position q: its first pattern that matches
 * (longest first) in *hit, or NULL; the words it spans end at *ql.
 * Returns the code index, the pattern's or else the verb's own, or
 * DICT_NONE. */
/* dyad's rules: a passive's subject is the object its active patterns
 * name after the verb -- "a state of siege was declared by the prime
 * minister" is "declared a state of siege" -- so the patterns are tried
 * once more on the clause with the subject's words moved after the
 * verb.  The subject is the run of words before the auxiliary back to the
 * clause's start, a comma or a verb; it names no actor (an actor there is
 * the passive's target, coded as such). */
static void passive_object_match(dyad_coder_work *w, const code_sentence *s, const code_view *v, size_t q,
                                 size_t ql, const ix_verb *vb, code_match *m, const ix_pattern **hit)
{
    const ix_pattern *pats = ix_patterns(w->c->ix, NULL);
    size_t aux = q;
    while (aux > 0 && q - aux < 3 && (s->w[v->idx[aux - 1]].type == W_AUX || s->w[v->idx[aux - 1]].tag == DYAD_TAG_RB))
        aux--;
    if (aux == q || s->w[v->idx[q]].tag != DYAD_TAG_VBN) return;
    /* a verb that codes nothing without its object may read an actor as
     * that object too: "the Cuban dissidents were released" (RELEASE_
     * codes only "released" someone); the subject then stays the
     * clause's, to be read as the one acted on */
    const ix_code *vcode = vb->code != DICT_NONE ? &ix_codes(w->c->ix, NULL)[vb->code] : NULL;
    bool actors_too = !vcode || (vcode->flags & IX_CODE_NULL);
    /* the subject may stand before an aside set off by commas or dashes:
     * "several of the students -- detained at the rally -- were freed" */
    size_t subj_end = aux;
    if (actors_too && aux >= 2 && s->w[v->idx[aux - 1]].type == W_COMMA) {
        size_t k = aux - 1;
        while (k > 0 && aux - k < 25 && s->w[v->idx[k - 1]].type != W_COMMA) k--;
        if (k > 1 && s->w[v->idx[k - 1]].type == W_COMMA) subj_end = k - 1;
    }
    size_t np = subj_end;
    while (np > 0 && subj_end - np < 8) {
        const cw_word *y = &s->w[v->idx[np - 1]];
        bool actor_word = y->type == W_ACTOR || ((y->flags & CW_PART) && y->actor != DICT_NONE);
        if (y->type == W_COMMA || y->type == W_VERB || y->type == W_AUX || y->type == W_CONJ ||
            (actor_word && !actors_too) || y->type == W_PRON || (y->tag == DYAD_TAG_IN && strcmp(y->s, "of") != 0))
            break;
        np--;
    }
    while (np < subj_end && s->w[v->idx[np]].type == W_DET) np++;
    if (np == subj_end) return;
    code_view r;
    r.idx = arena_alloc(&w->a, (v->n + 1) * sizeof *r.idx);
    if (!r.idx) return;
    r.n = 0;
    for (size_t k = 0; k < np; k++) r.idx[r.n++] = v->idx[k];
    for (size_t k = subj_end; k < q; k++) r.idx[r.n++] = v->idx[k];
    size_t rq = r.n;
    for (size_t k = q; k <= ql; k++) r.idx[r.n++] = v->idx[k];
    size_t rql = r.n - 1;
    for (size_t k = np; k < subj_end; k++) r.idx[r.n++] = v->idx[k];
    for (size_t k = ql + 1; k < v->n; k++) r.idx[r.n++] = v->idx[k];
    for (uint32_t k = 0; k < vb->npatterns; k++) {
        const ix_pattern *p = &pats[vb->first_pattern + k];
        if (p->key_hash && !code_bloom_has(s->bloom, p->key_hash)) continue;
        /* only the patterns that read words after the verb */
        if (p->verb_at + 1 >= p->ntoks) continue;
        if (code_match_pattern(w, s, &r, rq, rql, p, m)) {
            /* the words moved do not count as matched past the verb */
            if (m->source != DICT_NONE) continue;
            if (m->target != DICT_NONE) {
                uint32_t at = m->target_at;
                bool moved = actors_too && at != DICT_NONE && at >= v->idx[np] && at < v->idx[subj_end];
                if (!moved) continue;
                m->target = m->target_at = DICT_NONE;
            }
            *hit = p;
            m->first = v->idx[q];
            m->last = v->idx[ql];
            return;
        }
    }
}

static uint32_t match_verb(dyad_coder_work *w, const code_sentence *s, const code_view *v, size_t q, size_t *ql,
                           code_match *m, const ix_pattern **hit)
{
    const ix_root *roots = ix_roots(w->c->ix, NULL);
    const ix_verb *vb = &ix_verbs(w->c->ix, NULL)[roots[s->w[v->idx[q]].root].owner];
    const ix_pattern *pats = ix_patterns(w->c->ix, NULL);
    const cw_word *x = &s->w[v->idx[q]];
    *ql = q;
    while (*ql + 1 < v->n && v->idx[*ql + 1] <= x->last) (*ql)++;
    *hit = NULL;
    for (uint32_t k = 0; k < vb->npatterns; k++) {
        const ix_pattern *p = &pats[vb->first_pattern + k];
        if (p->key_hash && !code_bloom_has(s->bloom, p->key_hash)) continue;
        if (code_match_pattern(w, s, v, q, *ql, p, m)) { *hit = p; break; }
    }
    if (!*hit && w->c->dyad_rules && vb->npatterns) passive_object_match(w, s, v, q, *ql, vb, m, hit);
    return *hit && (*hit)->code != DICT_NONE ? (*hit)->code : vb->code;
}

/* The code of the first verb at or after view position `from` that codes
 * an event, or NULL: what a bare "demanded that ..." asks for. */
static const ix_code *demanded_act(dyad_coder_work *w, const code_sentence *s, const code_view *v, size_t from)
{
    const ix_code *codes = ix_codes(w->c->ix, NULL);
    for (size_t q = from; q < v->n; q++) {
        const cw_word *x = &s->w[v->idx[q]];
        if (x->type != W_VERB || (x->flags & CW_PART)) continue;
        size_t ql;
        code_match m;
        const ix_pattern *hit;
        uint32_t ci = match_verb(w, s, v, q, &ql, &m, &hit);
        if (ci == DICT_NONE || (codes[ci].flags & (IX_CODE_NULL | IX_CODE_DISCARD | IX_CODE_COMPLEX))) continue;
        return &codes[ci];
    }
    return NULL;
}

/* Whether a verb of wanting ending at ql wants its subject to be acted
 * on: "wants to be removed from the list", "wish to be consulted". */
static bool wants_done_to(const code_sentence *s, const code_view *v, size_t ql)
{
    static const char *const wanting[] = {"want", "wish", NULL};
    size_t q = ql;
    while (q > 0 && (s->w[v->idx[q]].flags & CW_PART)) q--;
    if (!is_lemma(word_lemma(s, &s->w[v->idx[q]]), wanting)) return false;
    size_t k = ql + 1;
    if (k + 2 >= v->n || strcmp(s->w[v->idx[k]].s, "to") != 0 || strcmp(s->w[v->idx[k + 1]].s, "be") != 0) return false;
    k += 2;
    if (k + 1 < v->n && s->w[v->idx[k]].tag == DYAD_TAG_RB) k++;
    /* an act the verb dictionaries know ("removed", "paid", "released"):
     * "wants to be remembered as a peacemaker", "to be seen as neutral"
     * ask nothing of anybody */
    const cw_word *y = &s->w[v->idx[k]];
    return y->tag == DYAD_TAG_VBN && y->type == W_VERB && y->root != DICT_NONE;
}

/* The party named after "from" within a few words of an appeal or a
 * demand ending at ql -- "requested more troops from the African Union",
 * "sought help from China" -- or NO_CAND. */
static cand asked_from(const dyad_coder_work *w, const code_sentence *s, const code_view *v, size_t ql, cand src)
{
    for (size_t k = ql + 1; k + 1 < v->n && k <= ql + 6; k++) {
        const cw_word *y = &s->w[v->idx[k]];
        if (y->type == W_VERB || y->type == W_COMMA || y->type == W_CONJ || y->tag == DYAD_TAG_TO) break;
        if (!word_is_from(y)) continue;
        for (size_t j = k + 1; j < v->n && j <= k + 3; j++) {
            uint32_t a = actor_at(s, v->idx[j]);
            if (a == DICT_NONE) {
                if (s->w[v->idx[j]].type != W_DET && s->w[v->idx[j]].tag != DYAD_TAG_JJ) break;
                continue;
            }
            uint32_t g = code_actor_group(s, a);
            if (g == DICT_NONE || g == src.actor || s->actors[a].pronoun) break;
            cand c = candidate(w, s, a, src);
            return c;
        }
        break;
    }
    return NO_CAND;
}

/* Whether the verb at q is one of insisting followed by a mandative
 * subjunctive: "insisted (that) the detainees be released", "insists
 * that the president resign" (not "insisted that he was innocent"). */
static bool mandative(const code_sentence *s, const code_view *v, size_t q, size_t ql)
{
    static const char *const insisting[] = {"insist", "stipulate", NULL};
    if (!is_lemma(word_lemma(s, &s->w[v->idx[q]]), insisting)) return false;
    size_t k = ql + 1;
    if (k < v->n && !strcmp(s->w[v->idx[k]].s, "that")) k++;
    bool subject = false;
    for (; k < v->n && k <= ql + 10; k++) {
        const cw_word *y = &s->w[v->idx[k]];
        uint8_t tg = y->tag;
        if (tg == DYAD_TAG_DT || tg == DYAD_TAG_JJ || tg == DYAD_TAG_NN || tg == DYAD_TAG_NNS ||
            tg == DYAD_TAG_NNP || tg == DYAD_TAG_NNPS || tg == DYAD_TAG_CD || tg == DYAD_TAG_PRPS ||
            tg == DYAD_TAG_POS || y->type == W_ACTOR || (y->flags & CW_PART)) {
            subject = true;
            continue;
        }
        if (!subject) return false;
        if (!strcmp(y->s, "be")) return true;
        return tg == DYAD_TAG_VB || (tg == DYAD_TAG_VBP && y->type == W_VERB);
    }
    return false;
}

/* Whether the verb group of word x speaks of the future: will, shall,
 * would, be going to, plan or expect to. */
static bool future_verb(const code_sentence *s, const cw_word *x)
{
    const dyad_sentence *ds = s->ds;
    if (!ds) return false;
    /* "plans to one day reclaim": a plan with a time between */
    if (x->tok >= 3 && x->tok < ds->ntokens) {
        static const char *const plan[] = {"plan", "intend", "aim", "seek", NULL};
        uint32_t t = x->tok - 1;
        for (int skipped = 0; t > 1 && skipped < 3; skipped++, t--) {
            uint8_t tg = ds->tokens[t].tag;
            if (!(tg == DYAD_TAG_RB || tg == DYAD_TAG_CD || tg == DYAD_TAG_NN || tg == DYAD_TAG_DT)) break;
        }
        if (t + 1 < x->tok && ds->tokens[t].lemma && !strcmp(ds->tokens[t].lemma, "to") &&
            is_lemma(ds->tokens[t - 1].lemma, plan))
            return true;
    }
    for (size_t g = 0; g < ds->nverbs; g++) {
        const dyad_verb_group *vg = &ds->verbs[g];
        if (vg->head != x->tok) continue;
        return vg->tense == DYAD_TENSE_FUTURE || vg->modality == DYAD_MOD_WILL || vg->modality == DYAD_MOD_WOULD ||
               vg->modality == DYAD_MOD_SHALL || vg->modality == DYAD_MOD_INTEND;
    }
    return false;
}

static const char *word_lemma(const code_sentence *s, const cw_word *x)
{
    return s->ds && x->tok < s->ds->ntokens && s->ds->tokens[x->tok].lemma ? s->ds->tokens[x->tok].lemma : x->s;
}

/* The refusal a negated verb of acceptance states ("has not agreed to",
 * "did not accept", "will not approve", "will not recognise"), or NULL: only for acts of
 * agreeing (roots 03 and 05), and not while they are merely pending ("has
 * not yet agreed"). */
static const char *refused_acceptance(const code_sentence *s, const code_view *v, size_t q, const char *code)
{
    static const char *const accepting[] = {"agree",     "accept",    "approve", "endorse",
                                            "ratify",    "recognize", "recognise", NULL};
    if (!is_lemma(word_lemma(s, &s->w[v->idx[q]]), accepting)) return NULL;
    if (strncmp(code, "03", 2) != 0 && strncmp(code, "05", 2) != 0) return NULL;
    for (size_t k = q >= 3 ? q - 3 : 0; k <= q + 1 && k < v->n; k++)
        if (!strcmp(s->w[v->idx[k]].s, "yet")) return NULL;
    /* recognition withheld so far ("has not recognised the government")
     * is a state of affairs; refused, it is announced ("will not
     * recognise") */
    static const char *const recognising[] = {"recognize", "recognise", NULL};
    if (is_lemma(word_lemma(s, &s->w[v->idx[q]]), recognising)) {
        bool announced = false;
        for (size_t k = q >= 3 ? q - 3 : 0; k < q && !announced; k++)
            announced = s->w[v->idx[k]].tag == DYAD_TAG_MD;
        if (!announced) return NULL;
    }
    return code_refusal_for(code);
}

/* "charged that", "alleged that": verbs whose clause the reported words
 * end, and whose act is the accusation itself (speaker_statements). */
static bool accusing_verb(const code_sentence *s, uint32_t wi)
{
    const cw_word *x = &s->w[wi];
    if (x->type != W_VERB || wi + 1 >= s->n || strcmp(s->w[wi + 1].s, "that") != 0) return false;
    const char *l = word_lemma(s, x);
    return !strcmp(l, "charge") || !strcmp(l, "allege");
}

/* A verdict in reported words: "the election was fraudulent", "the
 * United States made a mistake", "the military was responsible for the
 * killings".  A word of judgement after a form of "be" (or "made"
 * before "mistake") within three words.  0 none, 1 disapproval (111),
 * 2 blame (112). */
static int verdict(const code_sentence *s, const code_view *v)
{
    static const char *const blame[] = {"responsible", "culpable", "guilty", "blame", "behind", NULL};
    for (size_t q = 0; q < v->n; q++) {
        const cw_word *x = &s->w[v->idx[q]];
        const char *l = word_lemma(s, x);
        if (strcmp(l, "be") != 0 && strcmp(l, "make") != 0) continue;
        bool made = !strcmp(l, "make");
        for (size_t k = q + 1; k < v->n && k <= q + 3; k++) {
            const char *y = s->w[v->idx[k]].s;
            if (s->w[v->idx[k]].tag == DYAD_TAG_RB && !strcmp(y, "not")) break;
            for (const char *const *d = disapproval; *d && !made; d++)
                if (!strcmp(y, *d)) return 1;
            if (made && (!strcmp(y, "mistake") || !strcmp(y, "blunder") || !strcmp(y, "error"))) return 1;
            for (const char *const *b = blame; *b && !made; b++)
                if (!strcmp(y, *b)) return 2;
            for (const char *const *b = accusation; *b && !made; b++)
                if (!strcmp(y, *b)) return 2;
        }
    }
    return 0;
}

/* Where reported words oblige their subject -- "Russia must withdraw",
 * "the U.S. should be cautious", "Uganda has to apologize" -- the
 * position in v of the word after the modal; 0 when they do not. */
static size_t obligation(const code_sentence *s, const code_view *v)
{
    bool actor = false;
    for (size_t q = 0; q + 1 < v->n; q++) {
        const cw_word *x = &s->w[v->idx[q]];
        if (actor_at(s, v->idx[q]) != DICT_NONE && !locative(s, v->idx[q])) actor = true;
        bool verbal = x->type == W_VERB || x->type == W_AUX || x->tag == DYAD_TAG_MD || x->tag == DYAD_TAG_VB ||
                      x->tag == DYAD_TAG_VBD || x->tag == DYAD_TAG_VBZ || x->tag == DYAD_TAG_VBP ||
                      x->tag == DYAD_TAG_VBN || x->tag == DYAD_TAG_VBG;
        if (!verbal) continue;
        if (!actor || (x->flags & CW_NEGATED)) return 0;
        const char *n = s->w[v->idx[q + 1]].s;
        /* "Iran should be allowed to ...", "must be punished": the
         * subject is acted on, not asked to act */
        for (size_t k = q + 1; k < v->n && k <= q + 4; k++)
            if (!strcmp(s->w[v->idx[k]].s, "be") && k + 1 < v->n &&
                (s->w[v->idx[k + 1]].tag == DYAD_TAG_VBN || s->w[v->idx[k + 1]].type == W_VERB))
                return 0;
        if (!strcmp(x->s, "must") || !strcmp(x->s, "should")) return q + 1;
        if ((!strcmp(x->s, "ought") || !strcmp(x->s, "has") || !strcmp(x->s, "have") || !strcmp(x->s, "needs") ||
             !strcmp(x->s, "need")) && !strcmp(n, "to"))
            return q + 2;
        return 0;
    }
    return 0;
}

/* dyad's rules: what a speaker reports of another party, when it states
 * no event of its own, is the speaker's statement about that party --
 * "the government of Kosovo bears full responsibility," the Serbian
 * ministry said -- coded 010 from the speaker to the reported words'
 * subject when it is of another country (rule "speaker").  A verdict
 * ("said the election was fraudulent": 111; "was responsible for the
 * killings": 112) or an accusing verb ("charged that ...": 112) makes it
 * the speaker's disapproval or accusation, of any party but the speaker,
 * whatever the reported words code. */
static int speaker_statements(dyad_coder_work *w, const code_sentence *s, clause_ctx *cx, size_t sentence_start)
{
    static const ix_code statement = {"010", "", 0, 0};
    static const ix_code disapprove = {"111", "", 0, 0};
    static const ix_code accuse = {"112", "", 0, 0};
    size_t coded_end = w->nevents;
    uint32_t *prev_idx = arena_alloc(&w->a, (s->n + 1) * sizeof *prev_idx);
    if (!prev_idx) return -1;
    for (uint32_t c = 1; c < s->nclauses; c++) {
        if (s->clause_kind[c] != DYAD_CLAUSE_OF_REPORTED) continue;
        uint32_t prev = s->clause_prev[c];
        if (prev == DICT_NONE || prev >= c) continue;
        cx->v.n = view_of(s, cx->v.idx, c, false);
        if (!cx->v.n) continue;
        /* the verb of saying: the last verb of the speaker's clause */
        uint32_t verb = DICT_NONE;
        for (uint32_t i = cx->v.idx[0]; i-- > 0;)
            if (s->w[i].clause == prev && s->w[i].type == W_VERB && !(s->w[i].flags & CW_PART)) { verb = i; break; }
        if (verb == DICT_NONE || (s->w[verb].flags & CW_NEGATED)) continue;
        bool accusing = accusing_verb(s, verb);
        /* an accusing verb's own patterns read the words it reports
         * ("alleged that France was aware of preparations for the
         * genocide": 1124) */
        const ix_code *code = &statement;
        ix_code own;
        size_t qa = 0;
        while (qa < cx->all.n && cx->all.idx[qa] != verb) qa++;
        if (accusing && qa < cx->all.n) {
            size_t ql;
            code_match m;
            const ix_pattern *hit;
            uint32_t ci = match_verb(w, s, &cx->all, qa, &ql, &m, &hit);
            own = accuse;
            if (ci != DICT_NONE && !strncmp(ix_codes(w->c->ix, NULL)[ci].first, "11", 2))
                memcpy(own.first, ix_codes(w->c->ix, NULL)[ci].first, sizeof own.first);
            code = &own;
        }
        /* the speaker named in its own clause, not one carried there; an
         * accuser anywhere before its verb ("a report released in the
         * Rwandan capital alleged that ...") */
        code_view pv;
        pv.idx = prev_idx;
        pv.n = view_of(s, pv.idx, prev, false);
        cand spk = clause_subject(s, &pv);
        if (spk.actor == DICT_NONE && accusing && qa < cx->all.n)
            spk = find_source(w, s, &cx->all, qa, qa, NO_CAND, NO_CAND, true);
        if (spk.actor >= DEF_STATE) continue;
        const char *sc = first_code(w, s, spk);
        if (!sc[0]) continue;
        int judged = verdict(s, &cx->v);
        if (judged == 1 && code == &statement) code = &disapprove;
        if (judged == 2 && code == &statement) code = &accuse;
        /* "said Russia must withdraw its troops": nothing was withdrawn;
         * the speaker demanded it (1056), of the party obliged */
        size_t obliged = code == &statement ? obligation(s, &cx->v) : 0;
        ix_code demand = {"100", "", 0, 0};
        if (obliged) {
            const ix_code *act = demanded_act(w, s, &cx->v, obliged);
            if (act) {
                const char *d = code_demand_for(act->first);
                memset(demand.first, 0, sizeof demand.first);
                memcpy(demand.first, d, strlen(d));
            }
            code = &demand;
        }
        /* whether the reported words code events of their own */
        bool coded = false;
        for (size_t e = sentence_start; e < coded_end && !coded; e++)
            coded = w->events[e].clause == DYAD_CLAUSE_OF_REPORTED;
        if (coded && (code == &statement || code == &demand)) continue;
        /* the party spoken of: the reported words' subject -- of another
         * country for a bare statement, any other party for a verdict or
         * an accusation */
        cand other = NO_CAND;
        for (size_t q = 0; q < cx->v.n && other.actor == DICT_NONE; q++) {
            const cw_word *y = &s->w[cx->v.idx[q]];
            if ((code == &statement || code == &demand) && (y->type == W_VERB || y->type == W_AUX)) break;
            uint32_t a = actor_at(s, cx->v.idx[q]);
            if (a == DICT_NONE || s->actors[a].pronoun || locative(s, cx->v.idx[q])) continue;
            /* "said the attack on Mali was a crime": the party an act
             * was aimed at is not the one judged for it */
            if (code != &statement && code != &demand && q > 0) {
                const cw_word *p = &s->w[cx->v.idx[q - 1]];
                if (!strcmp(p->s, "on") || !strcmp(p->s, "against") || !strcmp(p->s, "upon") ||
                    !strcmp(p->s, "targeting"))
                    continue;
            }
            uint32_t g = code_actor_group(s, a);
            if (g == DICT_NONE) continue;
            cand o = {g, false, code_anchor(s, a)};
            const char *oc = first_code(w, s, o);
            if (!oc[0] || (code == &statement ? !strncmp(oc, sc, 3) : !strcmp(oc, sc))) continue;
            other = o;
        }
        if (other.actor == DICT_NONE) continue;
        size_t first = w->nevents;
        dyad_span vs = {s->w[verb].start, s->w[verb].end};
        if (make_events(w, s, spk, other, code, vs, NULL, sentence_start)) return -1;
        for (size_t e = first; e < w->nevents; e++) {
            w->events[e].clause = s->clause_kind[prev];
            w->events[e].rule = DYAD_RULE_SPEAKER;
        }
    }
    return 0;
}

/* dyad's rules: a direct quotation in which no event is coded, by a
 * speaker whose country is known, about the actor that is its subject --
 * "'The Kosovo government bears full responsibility,' the Serbian
 * ministry said" -- is the speaker's statement (010) about that actor. */
/* Whether the quotation starting at word `first` names any actor (a
 * pronoun aside). */
static bool subject_actor_in_quote(const dyad_coder_work *w, const code_sentence *s, size_t first)
{
    for (size_t i = first; i < s->n && code_quote_speaker(w, s->w[i].start); i++) {
        uint32_t a = actor_at(s, i);
        if (a != DICT_NONE && !s->actors[a].pronoun) return true;
    }
    return false;
}

static int quote_statements(dyad_coder_work *w, const code_sentence *s, size_t sentence_start)
{
    static const ix_code statement = {"010", "", 0, 0};
    const char *spk = NULL;
    size_t first = SIZE_MAX;
    for (size_t i = 0; i < s->n && !spk; i++) {
        spk = code_quote_speaker(w, s->w[i].start);
        if (spk) first = i;
    }
    if (!spk || !code_is_country(spk)) return 0;
    for (size_t e = sentence_start; e < w->nevents; e++)
        if (code_quote_speaker(w, w->events[e].verb_span.start)) return 0;
    /* the subject of one of the quotation's clauses: the first actor
     * before that clause's verb, of another country than the speaker's
     * ("Our response will be proportionate, and the leadership of X bears
     * full responsibility") */
    cand other = NO_CAND;
    bool verb_passed = false, subject_seen = false;
    uint32_t clause = DICT_NONE;
    for (size_t i = first; i < s->n && code_quote_speaker(w, s->w[i].start) && other.actor == DICT_NONE; i++) {
        const cw_word *x = &s->w[i];
        if (x->clause != clause || x->type == W_CONJ || x->type == W_COMMA) {
            /* a clause of its own, or one the comma rules set aside */
            clause = x->clause;
            verb_passed = subject_seen = false;
        }
        if ((x->type == W_VERB && !(x->flags & CW_PART)) || x->type == W_AUX || x->tag == DYAD_TAG_MD ||
            x->tag == DYAD_TAG_VBZ || x->tag == DYAD_TAG_VBD || x->tag == DYAD_TAG_VBP)
            verb_passed = true;
        if (verb_passed || subject_seen) continue;
        uint32_t a = actor_at(s, i);
        if (a == DICT_NONE || locative(s, (uint32_t)i)) continue;
        subject_seen = true;
        uint32_t g = code_actor_group(s, a);
        if (g == DICT_NONE || s->actors[a].pronoun) continue;
        cand o = {g, false, code_anchor(s, a)};
        const char *oc = first_code(w, s, o);
        if (oc[0] && strncmp(oc, spk, 3) != 0) other = o;
    }
    /* a verdict that names nobody ("violence against those asserting
     * their rights is unacceptable") is the speaker's disapproval of the
     * article's latest party of another country (flagged as taken from
     * context) */
    bool judged = false;
    {
        code_view qv;
        qv.idx = arena_alloc(&w->a, (s->n + 1) * sizeof *qv.idx);
        if (!qv.idx) return -1;
        qv.n = 0;
        for (size_t i = first; i < s->n && code_quote_speaker(w, s->w[i].start); i++) qv.idx[qv.n++] = (uint32_t)i;
        judged = verdict(s, &qv) == 1;
    }
    bool from_context = other.actor == DICT_NONE && judged && !subject_actor_in_quote(w, s, first);
    if (other.actor == DICT_NONE && !from_context) return 0;
    /* the verb of saying, after the quotation (", the ministry said") */
    uint32_t verb = DICT_NONE;
    for (size_t i = first; i < s->n && verb == DICT_NONE; i++) {
        const cw_word *x = &s->w[i];
        if (code_quote_speaker(w, x->start) || x->type != W_VERB || (x->flags & CW_PART)) continue;
        const char *lemma = s->ds && x->tok < s->ds->ntokens ? s->ds->tokens[x->tok].lemma : NULL;
        if (!lemma || !quote_is_speech_verb(lemma)) return 0;
        verb = (uint32_t)i;
    }
    if (verb == DICT_NONE) return 0;
    uint32_t k = code_push_code(w, spk, strlen(spk));
    if (k == DICT_NONE) return -1;
    cand src = {DEF_STATE, false, k};
    static const ix_code disapprove = {"111", "", 0, 0};
    if (from_context) {
        other = context_target(w, s, src, "111");
        if (other.actor == DICT_NONE) return 0;
    }
    size_t from = w->nevents;
    dyad_span vs = {s->w[verb].start, s->w[verb].end};
    if (make_events(w, s, src, other, judged ? &disapprove : &statement, vs, NULL, sentence_start)) return -1;
    if (from_context && other.actor == DEF_CONTEXT && other.anchor < w->nctx)
        for (size_t e = from; e < w->nevents; e++) {
            w->events[e].target_span = w->ctx_spans[other.anchor];
            w->events[e].flags |= DYAD_EVENT_CONTEXT_TARGET;
        }
    for (size_t e = from; e < w->nevents; e++) {
        w->events[e].clause = DYAD_CLAUSE_OF_MAIN;
        w->events[e].rule = DYAD_RULE_SPEAKER;
    }
    return 0;
}

/* Whether clause c has a dictionary verb of its own (an act, not only
 * "was"): "an outlawed group fired rockets" has one. */
static bool clause_has_verb(const code_sentence *s, uint32_t c)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->w[i].clause == c && s->w[i].type == W_VERB && !(s->w[i].flags & CW_PART)) return true;
    return false;
}

/* Whether actor group g names people in the street: "protesters",
 * "demonstrators", "marchers". */
static bool protesters(const code_sentence *s, uint32_t g)
{
    static const char *const street[] = {"protester", "protestor", "demonstrator", "marcher", "rioter", NULL};
    if (g >= s->nactors) return false;
    const cw_actor *a = &s->actors[g];
    for (size_t i = a->gfirst; i <= a->glast && i < s->n; i++)
        if (is_lemma(word_lemma(s, &s->w[i]), street)) return true;
    return false;
}

/* Whether an event of protest (14x) by the same source was coded earlier
 * in the sentence: "rallied in the capital, to call for jobs". */
static bool protest_before(const dyad_coder_work *w, const code_sentence *s, const verb_result *results,
                           size_t nresults, uint32_t source)
{
    (void)s;
    for (size_t r = 0; r < nresults; r++)
        if (results[r].source.actor == source && results[r].n && results[r].first < w->nevents &&
            !strncmp(w->events[results[r].first].code, "14", 2))
            return true;
    return false;
}

int code_sentence_events(dyad_coder_work *w, code_sentence *s)
{
    const dict_index *ix = w->c->ix;
    const ix_code *codes = ix_codes(ix, NULL);
    const code_options *o = &w->opt;
    if (w->trace) code_trace(w, s, w->trace);

    if (o->minimum_words > 0 && (int)s->n < o->minimum_words) {
        w->status |= CODE_ST_SHORT;
        return 0;
    }
    clause_ctx cx;
    cx.all.idx = arena_alloc(&w->a, (s->n + 1) * sizeof *cx.all.idx);
    cx.v.idx = arena_alloc(&w->a, (s->n + 1) * sizeof *cx.v.idx);
    verb_result *results = arena_alloc(&w->a, CODE_MAX_VERBS_PER_SENTENCE * sizeof *results);
    if (!cx.all.idx || !cx.v.idx || !results) return -1;
    cx.all.n = view_of(s, cx.all.idx, 0, true);

    special_words(w, s);
    if (s->garbled) set_complex(w, "control characters in the text");
    int shift = 0;
    if (o->time_shifting && !(w->status & (CODE_ST_DISCARD | CODE_ST_COMPLEX))) {
        code_view every;
        every.idx = arena_alloc(&w->a, (s->n + 1) * sizeof *every.idx);
        if (!every.idx) return -1;
        every.n = 0;
        for (size_t i = 0; i < s->n; i++) every.idx[every.n++] = (uint32_t)i;
        shift = time_shift(w, s, &every);
        if (shift) w->status |= CODE_ST_SHIFTED;
    }
    if (!(w->status & (CODE_ST_DISCARD | CODE_ST_COMPLEX))) complexity(w, s);
    if (w->status & (CODE_ST_DISCARD | CODE_ST_COMPLEX)) return 0;

    size_t sentence_start = w->nevents;
    w->sentence_first = sentence_start;
    size_t nresults = 0;
    uint32_t nclauses = s->nclauses;
    cand carried = NO_CAND;
    bool sentence_done = false;
    bool dyad_rules = w->c->dyad_rules;
    /* dyad's rules: each clause's source (or subject), for the clauses
     * that take theirs from it */
    cand *clause_src = dyad_rules ? arena_alloc(&w->a, (nclauses + 1) * sizeof *clause_src) : NULL;
    /* and the target of its first event, for a participle after it */
    cand *clause_tgt = dyad_rules ? arena_alloc(&w->a, (nclauses + 1) * sizeof *clause_tgt) : NULL;
    char (*clause_root)[3] = dyad_rules ? arena_alloc(&w->a, (nclauses + 1) * sizeof *clause_root) : NULL;
    if (dyad_rules && (!clause_src || !clause_tgt || !clause_root)) return -1;
    for (uint32_t c = 0; c < nclauses && !sentence_done; c++) {
        cx.v.n = view_of(s, cx.v.idx, c, false);
        uint8_t carried_rule = DYAD_RULE_CARRIED;
        bool reported = dyad_rules && s->clause_kind[c] == DYAD_CLAUSE_OF_REPORTED;
        if (dyad_rules) {
            clause_src[c] = cx.v.n ? clause_subject(s, &cx.v) : NO_CAND;
            clause_tgt[c] = NO_CAND;
            clause_root[c][0] = 0;
            uint32_t ante = s->clause_antecedent[c], prev = s->clause_prev[c];
            carried = NO_CAND;
            if (ante != DICT_NONE && code_actor_group(s, ante) != DICT_NONE) {
                cand a = {code_actor_group(s, ante), false, code_anchor(s, ante)};
                carried = a;
                carried_rule = DYAD_RULE_ANTECEDENT;
            } else if (s->clause_kind[c] == DYAD_CLAUSE_OF_RELATIVE) {
                /* "an earthquake that killed 1,000 people and destroyed
                 * 2,000 homes": a relative clause on a thing has no
                 * actor for its subject, nor do the clauses it carries */
            } else if (prev != DICT_NONE && prev < c && s->clause_kind[c] != DYAD_CLAUSE_OF_REPORTED) {
                /* what a speaker reports is not the speaker's act: "Peruvian
                 * officials said gunmen shot the mayor" */
                carried = clause_src[prev];
                /* "condemned the arrest and hundreds of arrests made last
                 * week and called for their release": past a coordinate
                 * clause with no actor for its subject, the one before */
                if (carried.actor == DICT_NONE && s->clause_kind[c] == DYAD_CLAUSE_OF_COORDINATE &&
                    s->clause_kind[prev] == DYAD_CLAUSE_OF_COORDINATE && s->clause_prev[prev] != DICT_NONE &&
                    s->clause_prev[prev] < prev)
                    carried = clause_src[s->clause_prev[prev]];
                /* a participle after reported words with no actor for
                 * their subject is the speaker's: "the minister told
                 * television that the detention was irregular, shifting
                 * blame to the opposition" (not "said rebels attacked the
                 * town, killing 12": the rebels') */
                uint32_t pp = s->clause_prev[prev];
                if (carried.actor == DICT_NONE && s->clause_kind[c] == DYAD_CLAUSE_OF_PARTICIPLE &&
                    s->clause_kind[prev] == DYAD_CLAUSE_OF_REPORTED && pp != DICT_NONE && pp < prev &&
                    !clause_has_verb(s, prev))
                    carried = clause_src[pp];
            }
            /* a clause whose subject is a noun but no actor ("as the
             * war-ravaged country struggles") takes no one else's */
            if (clause_src[c].actor == DICT_NONE && carried.actor != DICT_NONE && own_noun_subject(s, &cx.v))
                carried = NO_CAND;
            /* a clause without a subject passes on the one it took */
            if (clause_src[c].actor == DICT_NONE) clause_src[c] = carried;
        }
        if (!cx.v.n) continue;
        cx.all_offset = 0;
        while (cx.all_offset < cx.all.n && cx.all.idx[cx.all_offset] != cx.v.idx[0]) cx.all_offset++;
        bool clause_done = false;
        bool asked = false; /* an appeal, demand or threat seen, coded or not */
        bool participle_asked = false; /* ... by people's participle ("protesters calling for") */
        bool question = dyad_rules && indirect_question(s, c, cx.v.idx[0]);
        bool clause_passive = false;
        cand clause_source = NO_CAND;
        for (size_t q = 0; q < cx.v.n; q++) {
            const cw_word *x = &s->w[cx.v.idx[q]];
            if (x->type != W_VERB || (x->flags & CW_PART)) continue;
            if (nresults >= CODE_MAX_VERBS_PER_SENTENCE) break;
            /* dyad's rules: a participle with its own agent ("the demands
             * previously sent by Russia"), or an arrest told of its victims
             * ("students arrested at a rally"), is an event of its own
             * even after the clause's main event */
            uint32_t g_doer = DICT_NONE, g_object = DICT_NONE;
            bool gerund = dyad_rules && gerund_of(s, &cx.v, q, &g_doer, &g_object);
            uint32_t progressive = dyad_rules ? reduced_progressive(s, &cx.v, q) : DICT_NONE;
            bool other_own = dyad_rules && (reduced_passive(s, &cx.v, q) || reduced_participle(s, &cx.v, q) || gerund);
            /* "shot down a missile fired from Yemen toward a destroyer":
             * a participle after a noun whose pattern names its own source */
            bool noun_participle = dyad_rules && x->tag == DYAD_TAG_VBN && q > 0 &&
                                   (s->w[cx.v.idx[q - 1]].tag == DYAD_TAG_NN ||
                                    s->w[cx.v.idx[q - 1]].tag == DYAD_TAG_NNS) &&
                                   s->w[cx.v.idx[q - 1]].type != W_AUX;
            bool own_event = other_own || progressive != DICT_NONE || noun_participle;
            if ((clause_done || asked) && !own_event) { if (dyad_rules) continue; break; }
            if (participle_asked && !own_event) {
                /* "protesters calling for the president to resign blocked
                 * roads": what they ask for did not happen; the clause's
                 * own finite verb did */
                bool finite = (x->tag == DYAD_TAG_VBD || x->tag == DYAD_TAG_VBZ || x->tag == DYAD_TAG_VBP) &&
                              !(q > 0 && s->w[cx.v.idx[q - 1]].tag == DYAD_TAG_TO);
                if (!finite) continue;
                participle_asked = false;
            }
            if (w->c->dyad_rules && (question || hypothetical(s, x))) continue;
            if (dyad_rules && adjectival(s, &cx.v, q)) continue;
            if (dyad_rules && (unplanned(s, x) || unreal(s, x))) { clause_done = true; continue; }
            if (dyad_rules && described_goal(s, x)) continue;
            if (dyad_rules && accusing_verb(s, cx.v.idx[q])) continue; /* the speaker's, below */
            size_t ql;
            code_match m;
            const ix_pattern *hit;
            uint32_t ci = match_verb(w, s, &cx.v, q, &ql, &m, &hit);
            if (ci == DICT_NONE) continue;
            const ix_code *code = &codes[ci];
            if (noun_participle && !other_own && progressive == DICT_NONE && m.source == DICT_NONE &&
                (clause_done || asked))
                continue;
            /* a participle on people tells an act of theirs when it tells
             * what they say or ask for, or of an assault; "troops
             * defending the city", "rebels fighting the army" only say
             * who they are, and are read as any other verb */
            if (progressive != DICT_NONE && !root_in(code->first, "01", "02", "10", "11") &&
                !root_in(code->first, "12", "13", "14", "18")) {
                progressive = DICT_NONE;
                if ((clause_done || asked) && !other_own) continue;
            }
            ix_code refused;
            if ((w->c->petrarch || w->c->dyad_rules) && (x->flags & CW_NEGATED) && !pattern_negates(w, hit)) {
                /* "has not agreed to the ceasefire", "would not accept the
                 * plan": withheld acceptance is a refusal (12x) */
                const char *r = dyad_rules ? refused_acceptance(s, &cx.v, q, code->first) : NULL;
                if (!r) {
                    /* "did not attack": the event did not happen, unless a
                     * pattern written with the negation codes it; nor did
                     * what it governs ("never threatened to close the strait") */
                    if (dyad_rules) clause_done = true;
                    continue;
                }
                code = recoded(&refused, code, r, 0);
            }
            if (clause_done && !(dyad_rules && (reduced_passive(s, &cx.v, q) || gerund || progressive != DICT_NONE ||
                                                (noun_participle && m.source != DICT_NONE) ||
                                                (reduced_participle(s, &cx.v, q) && !strncmp(code->first, "17", 2)))))
                break;
            ix_code wanted;
            if (dyad_rules && !hit && (code->flags & IX_CODE_NULL) && wants_done_to(s, &cx.v, ql)) {
                /* "Cuba wants to be removed from the list": to want to be
                 * treated so is to demand it of whoever can */
                code = recoded(&wanted, code, "100", IX_CODE_NULL);
            }
            ix_code judged;
            if (dyad_rules && (!hit || (code->flags & (IX_CODE_NULL | IX_CODE_SUBORD))) &&
                (code->flags & (IX_CODE_NULL | IX_CODE_SUBORD)) && described_as_wrong(s, &cx.v, q, ql)) {
                /* "described Pakistan's claims as baseless", "termed the
                 * vote illegal": a word of judgement on what is described
                 * is disapproval of its party */
                code = recoded(&judged, code, "111", IX_CODE_NULL | IX_CODE_SUBORD);
            }
            if (code->flags & IX_CODE_NULL) continue;
            if (dyad_rules && material_conflict(code->first) && possible_only(s, x)) continue;
            if (code->flags & IX_CODE_DISCARD) { w->status |= CODE_ST_DISCARD; w->nevents = sentence_start; return 0; }
            if (code->flags & IX_CODE_COMPLEX) { set_complex(w, "complex code on a pattern"); w->nevents = sentence_start; return 0; }
            if (!hit) {
                memset(&m, 0, sizeof m);
                m.source = m.target = m.attrib = m.source_at = m.target_at = DICT_NONE;
                m.first = cx.v.idx[q];
                m.last = cx.v.idx[ql];
            }
            ix_code insisting;
            if (dyad_rules && (code->flags & IX_CODE_SUBORD) && !hit && mandative(s, &cx.v, q, ql)) {
                /* "the rebels insisted the detainees be released": a
                 * subjunctive after a verb of insisting is demanded */
                code = recoded(&insisting, code, "100", IX_CODE_SUBORD);
            }
            ix_code demanded;
            if (w->c->dyad_rules && !strcmp(code->first, "100")) {
                /* "demanded that Russia pull its troops back": the act
                 * demanded makes the demand specific (1056) */
                const ix_code *act = demanded_act(w, s, &cx.v, ql + 1);
                if (act) code = recoded(&demanded, code, code_demand_for(act->first), 0);
            }
            ix_code named;
            if (dyad_rules && !strcmp(code->first, "041") && characterization(s, &cx.v, q)) {
                /* "called the decision a betrayal": no telephone call but
                 * an accusation */
                code = recoded(&named, code, "112", 0);
            }
            ix_code intended;
            bool future = w->c->dyad_rules && future_verb(s, x);
            const char *intent = future ? code_intent_for(code->first) : NULL;
            /* "China said it would use force if necessary": force
             * announced is threatened, not used (13x); "they will be
             * killed by ..." threatens nothing */
            if (future && !intent && !passive_group(s, cx.v.idx[q])) intent = code_threat_for(code->first);
            if (intent) {
                /* "Russia said it would pull back its troops": announced,
                 * not done -- an intent code (rule 2 of tests/gold) */
                code = recoded(&intended, code, intent, 0);
            }
            cand src = {m.source, false, code_anchor(s, m.source_at)};
            cand tgt = {m.target, false, code_anchor(s, m.target_at)};
            /* a noun's event, or a participle's on a noun ("police,
             * backed by the army, arrested ..."): the clause's verb still
             * codes */
            bool nominal = other_own && !gerund;
            if (dyad_rules && m.source == DICT_NONE && m.target != DICT_NONE) {
                /* "the dissidents were released by the government": a
                 * pattern's target read from a passive's by-agent is its
                 * source */
                const dyad_verb_group *bg = passive_group(s, cx.v.idx[q]);
                uint32_t ag = bg ? by_agent_actor(s, &cx.v, bg) : DICT_NONE;
                if (ag != DICT_NONE && code_actor_group(s, ag) == m.target) {
                    m.target = m.target_at = DICT_NONE;
                    tgt = NO_CAND;
                }
            }
            bool designated = m.source != DICT_NONE || m.target != DICT_NONE;
            uint8_t rule = designated ? DYAD_RULE_PATTERN : DYAD_RULE_SUBJECT;
            /* "was alarmed by Y's arrests", "is encouraged by the talks":
             * a feeling's "by" names its cause, not an agent; the subject
             * stays the one who feels */
            static const char *const felt[] = {"disappointed", "outraged", "dismayed", NULL};
            bool feeling = dyad_rules && (!strcmp(code->first, "012") || !strcmp(code->first, "013"));
            for (const char *const *f = felt; *f && dyad_rules && !feeling; f++) feeling = !strcmp(x->s, *f);
            const dyad_verb_group *pg = dyad_rules && !designated && !feeling ? passive_group(s, cx.v.idx[q]) : NULL;
            uint32_t agent = pg ? by_agent_actor(s, &cx.v, pg) : DICT_NONE;
            if (agent != DICT_NONE) {
                /* "The proposal was rejected by Tehran": the agent acts
                 * on the subject, wherever the pattern's words end */
                cand a = {code_actor_group(s, agent), false, code_anchor(s, agent)};
                cand subj = find_source(w, s, &cx.v, q, q, a, carried, true);
                src = a;
                tgt = subj;
                rule = DYAD_RULE_PASSIVE_AGENT;
                bool aux = (q >= 1 && s->w[cx.v.idx[q - 1]].type == W_AUX) ||
                           (q >= 2 && s->w[cx.v.idx[q - 2]].type == W_AUX);
                if (tgt.actor == DICT_NONE && aux && !strncmp(code->first, "04", 2))
                    /* "a cease-fire was brokered by the U.S.": mediated
                     * between the parties of the story */
                    tgt = context_target(w, s, src, code->first);
                if (tgt.actor == DICT_NONE && aux && strcmp(code->first, "010") != 0 &&
                    !(code->flags & IX_CODE_SUBORD)) {
                    /* "A state of siege was declared by the prime minister"
                     * (not "the talks mediated by Qatar", whose
                     * subject is a noun's) */
                    cand none = {DEF_CONTEXT, false, NO_TARGET};
                    tgt = none;
                }
            } else {
                if (gerund && !designated) {
                    cand d = {code_actor_group(s, g_doer), false, code_anchor(s, g_doer)};
                    cand ob = {code_actor_group(s, g_object), false, code_anchor(s, g_object)};
                    src = d;
                    tgt = ob;
                    nominal = true;
                }
                if (dyad_rules && (x->flags & CW_NOMINAL) && src.actor == DICT_NONE) {
                    /* "rocket fire into Israel from Gaza": the act of the
                     * party after "from" on the one it went at, when it is
                     * an act of force */
                    if (!root_in(code->first, "18", "19", "20", "20")) continue;
                    cand from = NO_CAND, at = NO_CAND;
                    for (size_t k = ql + 1; k < cx.v.n && k <= ql + 8; k++) {
                        const cw_word *y = &s->w[cx.v.idx[k]];
                        if (y->type == W_VERB || y->type == W_COMMA || y->type == W_CONJ || y->type == W_AUX) break;
                        if (y->tag != DYAD_TAG_IN && y->tag != DYAD_TAG_RP) continue;
                        uint32_t a = DICT_NONE;
                        for (size_t j = k + 1; j < cx.v.n && j <= k + 3 && a == DICT_NONE; j++) {
                            a = actor_at(s, cx.v.idx[j]);
                            if (a == DICT_NONE && s->w[cx.v.idx[j]].type != W_DET && s->w[cx.v.idx[j]].tag != DYAD_TAG_JJ)
                                break;
                        }
                        if (a == DICT_NONE || code_actor_group(s, a) == DICT_NONE) continue;
                        cand pa = {code_actor_group(s, a), false, code_anchor(s, a)};
                        if (!strcmp(y->s, "from")) { if (from.actor == DICT_NONE) from = pa; }
                        else if (at.actor == DICT_NONE) at = pa;
                    }
                    if (from.actor == DICT_NONE || at.actor == DICT_NONE || from.actor == at.actor) continue;
                    src = from;
                    tgt = at;
                    nominal = true;
                }
                /* (a singular or -ing noun only where no auxiliary makes
                 * it a verb: "fighting erupted between", not "Qatar is
                 * mediating between") */
                const cw_word *before = cx.v.idx[q] > 0 ? &s->w[cx.v.idx[q] - 1] : NULL;
                bool verb_before = before && (before->type == W_AUX || before->type == W_VERB ||
                                              before->tag == DYAD_TAG_VB || before->tag == DYAD_TAG_VBD ||
                                              before->tag == DYAD_TAG_VBP || before->tag == DYAD_TAG_VBZ ||
                                              before->tag == DYAD_TAG_VBN || before->tag == DYAD_TAG_MD);
                bool noun_like = x->tag == DYAD_TAG_NNS ||
                                 ((x->tag == DYAD_TAG_NN || x->tag == DYAD_TAG_VBG) && !verb_before);
                size_t between = dyad_rules && src.actor == DICT_NONE && noun_like
                                     ? code_between_after(s, cx.v.idx[ql]) : 0;
                size_t kb = ql + 1;
                while (between && kb < cx.v.n && cx.v.idx[kb] < between) kb++;
                if (between && kb + 1 < cx.v.n && cx.v.idx[kb] == between) {
                    /* "in clashes between the police and protesters",
                     * "fighting erupted between ...": the parties after
                     * "between" are the act's, each on the other (a joint
                     * source, or the first on the second) */
                    uint32_t a1 = DICT_NONE, a2 = DICT_NONE;
                    size_t k = kb + 1;
                    for (; k < cx.v.n && k <= kb + 5 && a1 == DICT_NONE; k++) a1 = actor_at(s, cx.v.idx[k]);
                    uint32_t g1 = a1 != DICT_NONE ? code_actor_group(s, a1) : DICT_NONE;
                    if (g1 != DICT_NONE && s->actors[g1].next == DICT_NONE) {
                        while (k < cx.v.n && cx.v.idx[k] <= s->actors[g1].glast) k++;
                        if (k < cx.v.n && s->w[cx.v.idx[k]].type == W_CONJ && !strcmp(s->w[cx.v.idx[k]].s, "and"))
                            for (size_t j = k + 1; j < cx.v.n && j <= k + 4 && a2 == DICT_NONE; j++)
                                a2 = actor_at(s, cx.v.idx[j]);
                    }
                    if (g1 != DICT_NONE && (s->actors[g1].next != DICT_NONE || a2 != DICT_NONE)) {
                        cand c1 = {g1, false, code_anchor(s, a1)};
                        src = c1;
                        nominal = true;
                        if (a2 != DICT_NONE && code_actor_group(s, a2) != DICT_NONE) {
                            cand c2 = {code_actor_group(s, a2), false, code_anchor(s, a2)};
                            tgt = c2;
                        }
                    }
                }
                if (src.actor == DICT_NONE && progressive != DICT_NONE) {
                    /* "protesters calling for ...": the people it tells of */
                    cand pr = {code_actor_group(s, progressive), false, code_anchor(s, progressive)};
                    src = pr;
                    rule = DYAD_RULE_ANTECEDENT;
                    nominal = true; /* the clause's own verb still codes */
                }
                if (src.actor == DICT_NONE) {
                    src = find_source(w, s, &cx.v, q, ql, tgt, carried, reported);
                    /* "to demand President X resign", "calls for him to step
                     * down": the object of the verb before is asked to act;
                     * what it is asked to do is no event */
                    if (dyad_rules && src.actor < DEF_STATE && verb_object(s, &cx.v, q, src.actor))
                        continue;
                    if (src.actor != DICT_NONE && src.actor == carried.actor && src.anchor == carried.anchor)
                        rule = carried_rule;
                }
                if (tgt.actor == DICT_NONE && src.actor != DICT_NONE && progressive != DICT_NONE) {
                    /* its target follows it: "militants attacking a
                     * village" are not attacking the army that killed them */
                    for (size_t k = ql + 1; k < cx.v.n && k <= ql + 10 && tgt.actor == DICT_NONE; k++) {
                        const cw_word *y = &s->w[cx.v.idx[k]];
                        if ((y->type == W_VERB && !(y->flags & CW_PART)) || y->type == W_COMMA) break;
                        uint32_t a = actor_at(s, cx.v.idx[k]);
                        if (a == DICT_NONE || code_actor_group(s, a) == DICT_NONE || code_actor_group(s, a) == src.actor) continue;
                        cand ta = {code_actor_group(s, a), false, code_anchor(s, a)};
                        tgt = ta;
                    }
                    if (tgt.actor == DICT_NONE) continue;
                }
                if (tgt.actor == DICT_NONE && src.actor != DICT_NONE && dyad_rules && root_in(code->first, "02", "10", "02", "10"))
                    /* "requested more troops from the African Union": what
                     * is asked for comes from whom it is asked of */
                    tgt = asked_from(w, s, &cx.v, ql, src);
                if (tgt.actor == DICT_NONE && src.actor != DICT_NONE) tgt = find_target(w, s, &cx, q, ql, src, code->first);
                /* "police stopped the marchers, firing tear gas": a
                 * participle that carries its clause's subject and goes on
                 * with the same kind of act acts on that clause's target,
                 * not on a party of earlier news */
                if (tgt.actor == DICT_NONE && dyad_rules && rule == carried_rule &&
                    s->clause_kind[c] == DYAD_CLAUSE_OF_PARTICIPLE && s->clause_prev[c] < c &&
                    clause_tgt[s->clause_prev[c]].actor != DICT_NONE &&
                    clause_tgt[s->clause_prev[c]].actor != src.actor &&
                    !strncmp(clause_root[s->clause_prev[c]], code->first, 2))
                    tgt = clause_tgt[s->clause_prev[c]];
                /* a bare statement has no addressee; a protest, a retreat, a
                 * show of force or a seizure of power with none named is not
                 * aimed at the foreigner last mentioned */
                size_t pl = ql; /* the pattern's last word ("taken control of") */
                while (pl + 1 < cx.v.n && cx.v.idx[pl] < m.last) pl++;
                if (tgt.actor == DICT_NONE && src.actor != DICT_NONE && dyad_rules && place_object(s, &cx.v, pl)) {
                    /* "al-Shabab has taken control of the town", "to seize
                     * the capital": a place the sentence does not name is
                     * in the country the article is about */
                    int k = story_country(w);
                    if (k == -1) return -1;
                    if (k >= 0) {
                        cand t = {DEF_STATE, false, (uint32_t)k};
                        tgt = t;
                    }
                }
                if (tgt.actor == DICT_NONE && src.actor != DICT_NONE && dyad_rules &&
                    emergency_measure(code->first)) {
                    /* "a state of siege was declared by the prime minister",
                     * "lifted the curfew": a state's emergency measures
                     * with nobody named are over its own country */
                    const char *sc = first_code(w, s, src);
                    if (strlen(sc) >= 3 && code_is_country(sc)) {
                        uint32_t k = code_push_code(w, sc, 3);
                        if (k == DICT_NONE) return -1;
                        cand t = {DEF_STATE, false, k};
                        tgt = t;
                    }
                }
                if (tgt.actor == DICT_NONE && src.actor != DICT_NONE && dyad_rules &&
                    !root_in(code->first, "01", "14", "08", "15") && strcmp(code->first, "170") != 0)
                    tgt = context_target(w, s, src, code->first);
                else if (tgt.actor == DICT_NONE && src.actor != DICT_NONE && dyad_rules && !strncmp(code->first, "14", 2))
                    tgt = home_target(w, s, src); /* "the protesters marched again" */
                if (tgt.actor == DICT_NONE && src.actor != DICT_NONE && src.actor < DEF_STATE && dyad_rules &&
                    strcmp(code->first, "010") != 0 && !(code->flags & IX_CODE_SUBORD) &&
                    !root_in(code->first, "05", "09", "10", "10") && strncmp(code->first, "13", 2) != 0 &&
                    /* '"Why were they doing it?" he asked.': a verb of
                     * saying that ends its clause asks nothing of anyone */
                    !(!strncmp(code->first, "02", 2) && ql + 1 >= cx.v.n) &&
                    !(!strncmp(code->first, "11", 2) && named_object(s, &cx.v, ql)) &&
                    (rule != DYAD_RULE_SUBJECT || s->actors[src.actor].head < cx.v.idx[q])) {
                    /* "Moscow denies the allegations", "protesters rallied
                     * in the capital", "the churches decried the killing":
                     * an act with nobody named to receive it is coded with
                     * no target, not dropped -- when its subject is named
                     * before it ("Typhoon Haiyan struck the Philippines" has
                     * none) and the act can go without one (support,
                     * investigation, demands and threats are aimed at
                     * someone, and so is disapproval of somebody named whom
                     * no dictionary knows: "critics blame Keita") */
                    cand none = {DEF_CONTEXT, false, NO_TARGET};
                    tgt = none;
                }
            }
            /* "killed by a roadside bomb planted by Taliban insurgents":
             * an agent the chunker found but no actor names is still an
             * agent -- TABARI's reading decides */
            bool agentless = pg && agent == DICT_NONE && pg->by_agent == DYAD_NONE;
            uint32_t among = dyad_rules && !designated && !pg ? among_those(s, &cx.v, q) : DICT_NONE;
            if (among != DICT_NONE) {
                /* "Among those arrested is Amos Chibaya, a member of
                 * parliament": who suffered it is named after the verb */
                if (strncmp(code->first, "17", 2) != 0) continue;
                agentless = true;
                cand n = {code_actor_group(s, among), false, code_anchor(s, among)};
                src = n;
            } else if (dyad_rules && !designated && !pg && reduced_participle(s, &cx.v, q)) {
                /* "students arrested at a rally", "the
                 * civilians killed in the attack" */
                /* of anything but an arrest the participle does not say
                 * who did it: "troops stationed at the base" */
                if (strncmp(code->first, "17", 2) != 0) continue;
                agentless = true;
                size_t nq = q >= 2 && s->w[cx.v.idx[q - 1]].type == W_COMMA ? q - 1 : q;
                uint32_t noun = actor_covering(s, cx.v.idx[nq - 1]);
                if (agentless && code_actor_group(s, noun) != DICT_NONE) {
                    cand n = {code_actor_group(s, noun), false, code_anchor(s, noun)};
                    src = n;
                }
            }
            if (agentless) {
                /* "More than 200 people have been arrested": the subject
                 * suffered the act.  Arresting and detaining are what a
                 * state does to its own people; of violence and of appeals
                 * the passive does not say who did it ("were killed",
                 * "they were asked to leave"); other passives keep their
                 * subject ("police were put on alert", "we are prepared") */
                bool unknown = !strncmp(code->first, "18", 2) || !strncmp(code->first, "19", 2) ||
                               !strncmp(code->first, "20", 2) || !strncmp(code->first, "02", 2) ||
                               /* "the army was accused of torture": by whom, it
                                * does not say */
                               !strncmp(code->first, "11", 2);
                /* "talks are expected to resume", "breakthroughs are
                 * anticipated to become harder", "the threats are intended
                 * to raise tensions": nobody expects or intends anything in
                 * particular; what follows may be an event of its own */
                bool raising = false;
                if (ql + 1 < cx.v.n && !strcmp(s->w[cx.v.idx[ql + 1]].s, "to") && s->ds && x->tok < s->ds->ntokens &&
                    s->ds->tokens[x->tok].lemma) {
                    static const char *const raisers[] = {"expect", "anticipate", "believe", "say", "think",
                                                          "report", "know", "suppose", "estimate", "intend",
                                                          "design", "mean", NULL};
                    for (const char *const *r = raisers; *r && !raising; r++)
                        raising = !strcmp(s->ds->tokens[x->tok].lemma, *r);
                }
                if (unknown || raising) {
                    /* (nor is what it alleges a fact: "accused of torturing") */
                    if (!strncmp(code->first, "11", 2)) asked = true;
                    continue;
                }
                if (src.actor < DEF_STATE && (!strncmp(code->first, "17", 2) || !strcmp(code->first, "0841"))) {
                    const char *sc = first_code(w, s, src);
                    if (!code_is_country(sc)) continue;
                    uint32_t k = code_push_code(w, sc, 3);
                    if (k == DICT_NONE) return -1;
                    tgt = src;
                    src.actor = DEF_STATE;
                    src.single = false;
                    src.anchor = k;
                    rule = DYAD_RULE_PASSIVE_STATE;
                }
            }
            /* what is asked for or threatened did not happen: "crowds
             * marched to demand the president resign" codes no
             * resignation, even when the demand has no actor */
            if (dyad_rules && root_in(code->first, "02", "10", "11", "13")) {
                if (progressive == DICT_NONE) asked = true;
                else participle_asked = true;
            }
            if (src.actor == DICT_NONE || tgt.actor == DICT_NONE) {
                /* --trace: an event the verb names but its actors do not */
                if (w->trace)
                    fprintf(w->trace, "    no event: %s on \"%.*s\" (byte %u) has no %s\n", code->first, (int)x->len,
                            x->s, (unsigned)x->start, src.actor == DICT_NONE ? "source" : "target");
                continue;
            }
            ix_code armed;
            if (dyad_rules && (!strncmp(code->first, "144", 3) || !strncmp(code->first, "145", 3))) {
                /* "troops blocked the streets", "police threw rocks at
                 * activists": the words of protest, done by armed forces
                 * or police, restrict movement (191) or repress (175) */
                if (armed_side(w, s, src)) {
                    armed = *code;
                    memset(armed.first, 0, sizeof armed.first);
                    memcpy(armed.first, code->first[2] == '4' ? "191" : "175", 3);
                    code = &armed;
                }
            }
            if (agent == DICT_NONE && (!pg || pg->by_agent != DYAD_NONE) && !agentless && !designated && !feeling &&
                (is_passive(s, &cx.v, q, ql) || (dyad_rules && reduced_passive(s, &cx.v, q)))) {
                cand t = src;
                src = tgt;
                tgt = t;
                rule = DYAD_RULE_PASSIVE_AGENT;
            }
            ix_code insisted;
            if (dyad_rules && !strncmp(code->first, "02", 2) && src.actor < DEF_STATE &&
                (protesters(s, src.actor) || protest_before(w, s, results, nresults, src.actor))) {
                /* "protesters calling for the president to step down",
                 * "rallied in the capital, to call for jobs": what a protest
                 * calls for it demands (10x mirrors 02x) */
                insisted = *code;
                memset(insisted.first, 0, sizeof insisted.first);
                insisted.first[0] = '1';
                insisted.first[1] = '0';
                memcpy(insisted.first + 2, code->first + 2, strnlen(code->first + 2, sizeof insisted.first - 3));
                if (!dyad_cameo_lookup(insisted.first)) insisted.first[3] = 0;
                if (!dyad_cameo_lookup(insisted.first)) memcpy(insisted.first, "100", 4);
                code = &insisted;
            }
            dyad_span verb = {s->w[m.first].start, s->w[m.last].end};
            if (s->w[m.first].start > s->w[cx.v.idx[q]].start) verb.start = s->w[cx.v.idx[q]].start;
            verb_result *r = &results[nresults];
            r->first = w->nevents;
            if (make_events(w, s, src, tgt, code, verb, hit, sentence_start)) return -1;
            r->n = w->nevents - r->first;
            if (!r->n) continue;
            if (dyad_rules && src.actor < DEF_STATE && first_person(&s->w[s->actors[src.actor].word]))
                rule = DYAD_RULE_SPEAKER;  /* "we" in a quotation: its speaker */
            for (size_t e = r->first; e < w->nevents; e++) {
                w->events[e].clause = s->clause_kind[c];
                w->events[e].rule = rule;
            }
            if (tgt.actor == DEF_CONTEXT && tgt.anchor < w->nctx)
                for (size_t e = r->first; e < w->nevents; e++) {
                    w->events[e].target_span = w->ctx_spans[tgt.anchor];
                    w->events[e].flags |= DYAD_EVENT_CONTEXT_TARGET;
                }
            r->clause = c;
            r->code_flags = code->flags;
            if (dyad_rules && clause_tgt[c].actor == DICT_NONE && tgt.actor < DEF_STATE) {
                clause_tgt[c] = tgt;
                memcpy(clause_root[c], code->first, 2);
                clause_root[c][2] = 0;
            }
            r->source = src;
            nresults++;
            if (nominal || (code->flags & IX_CODE_SUBORD)) continue;
            if (clause_source.actor == DICT_NONE) {
                clause_source = src;
                clause_passive = rule == DYAD_RULE_PASSIVE_AGENT;
            }
            if (o->by == CODE_BY_CLAUSE) clause_done = true;
            else if (o->by == CODE_BY_SENTENCE) clause_done = sentence_done = true;
        }
        (void)clause_done;
        if (dyad_rules) {
            /* a passive's agent is who acts on ("was attacked by Y,
             * killing 12"); otherwise the subject stays the clause's */
            if (clause_source.actor != DICT_NONE && clause_source.actor < DEF_STATE && clause_passive)
                clause_src[c] = clause_source;
        } else if (clause_source.actor != DICT_NONE) carried = clause_source;
        else {
            /* the clause's subordinate event still carries its source */
            for (size_t r = nresults; r-- > 0;)
                if (results[r].clause == c) { carried = results[r].source; break; }
        }
    }

    /* which results stand: per clause (or sentence) the first
     * non-subordinate one, else the first subordinate one; dominant
     * codes over everything */
    bool keep[CODE_MAX_VERBS_PER_SENTENCE];
    bool any_main = false, any_dominant = false;
    for (size_t r = 0; r < nresults; r++) {
        if (!(results[r].code_flags & IX_CODE_SUBORD)) any_main = true;
        if (results[r].code_flags & IX_CODE_DOMINANT) any_dominant = true;
    }
    for (size_t r = 0; r < nresults; r++) {
        bool sub = (results[r].code_flags & IX_CODE_SUBORD) != 0;
        keep[r] = true;
        if (any_dominant && !(results[r].code_flags & IX_CODE_DOMINANT)) keep[r] = false;
        if (sub && any_main) keep[r] = false;
        if (o->by != CODE_BY_ALL && sub && !any_main) {
            /* only the first subordinate result of its scope */
            for (size_t e = 0; e < r; e++)
                if ((results[e].code_flags & IX_CODE_SUBORD) &&
                    (o->by == CODE_BY_SENTENCE || results[e].clause == results[r].clause))
                    keep[r] = false;
        }
    }
    /* compact the kept events */
    size_t out = sentence_start;
    for (size_t r = 0; r < nresults; r++) {
        if (!keep[r]) continue;
        memmove(&w->events[out], &w->events[results[r].first], results[r].n * sizeof *w->events);
        out += results[r].n;
    }
    w->nevents = out;

    if (dyad_rules && !w->finding_speakers && speaker_statements(w, s, &cx, sentence_start)) return -1;
    if (dyad_rules && !w->finding_speakers && w->nquotes && quote_statements(w, s, sentence_start)) return -1;

    /* dates and time shifts */
    int32_t date = shift_date(s->date, shift);
    char ds[11] = "";
    code_format_date(date, ds);
    for (size_t e = sentence_start; e < w->nevents; e++) memcpy(w->events[e].date, ds, sizeof ds);
    if ((o->complex_flags & DICT_CX_NOEVENT) && w->nevents == sentence_start) set_complex(w, "no event");
    return 0;
}

/* ---- trace ------------------------------------------------------------------------------ */

void code_trace(const dyad_coder_work *w, const code_sentence *s, FILE *out)
{
    static const char *const names[] = {"-", "actor", "agent", "verb", "noun", "adj", "time", "attrib",
                                        "discard", "det", "pron", "conj", "comma", "aux", "by", "number"};
    for (size_t i = 0; i < s->n; i++) {
        const cw_word *x = &s->w[i];
        fprintf(out, "  %3zu %-16s %-7s c%u%s%s%s%s", i, x->s, x->type < 16 ? names[x->type] : "?",
                (unsigned)x->clause, (x->flags & CW_ELIM) ? " elim" : "", (x->flags & CW_PART) ? " part" : "",
                (x->flags & CW_COMPOUND_CONJ) ? " cmp" : "", (x->flags & CW_PROTECTED) ? " prot" : "");
        if (x->flags & CW_PART) fprintf(out, " of %u", (unsigned)x->head);
        else if (x->root != DICT_NONE && x->last != i) fprintf(out, " to %u", (unsigned)x->last);
        if (x->actor != DICT_NONE && x->actor < s->nactors &&
            (x->type == W_ACTOR || x->type == W_PRON || (x->flags & CW_PART))) {
            const cw_actor *a = &s->actors[x->actor];
            fprintf(out, " [a%u", (unsigned)x->actor);
            if (a->pronoun) fprintf(out, " ref a%u", (unsigned)a->ref);
            for (uint32_t k = 0; k < a->ncodes; k++) fprintf(out, " %s", w->codes[a->first_code + k].s);
            if (a->group != x->actor) fprintf(out, " in a%u", (unsigned)a->group);
            if (a->cancelled) fprintf(out, " cancelled");
            fprintf(out, "]");
        }
        fputc('\n', out);
    }
}
