/*
 * code_time_place.c -- each event's own date and place.
 *
 * The coder finds who did what to whom; this stage asks when and where.
 * News dates events relative to the day of publication ("on the 26th",
 * "on the 15th of last month", "yesterday") and places them in passing
 * ("in Gaza", "stationed in Belgium").  The expression that belongs to an
 * event is the one in its own clause, else the nearest in its sentence;
 * an event with none takes the article's date and no place.  Work is
 * linear in the sentence's tokens for each event, and a sentence holds at
 * most CODE_MAX_EVENTS_PER_SENTENCE events.
 */
#include "code.h"
#include "when/when.h"
#include "where/gazdata.h"

#define MAX_EXPRESSIONS 16

/* The first token starting at or after byte `at` (ntokens when none). */
static size_t token_at(const dyad_sentence *ds, uint32_t at)
{
    size_t t = 0;
    while (t < ds->ntokens && ds->tokens[t].end <= at) t++;
    return t;
}

/* The innermost clause holding token t, or DYAD_NONE. */
static uint32_t clause_of(const dyad_sentence *ds, size_t t)
{
    uint32_t best = DYAD_NONE, width = UINT32_MAX;
    for (size_t c = 0; c < ds->nclauses; c++) {
        const dyad_clause *cl = &ds->clauses[c];
        if (t < cl->first || t >= cl->last) continue;
        if (cl->last - cl->first < width) { best = (uint32_t)c; width = cl->last - cl->first; }
    }
    return best;
}

/* Of `n` token ranges, the one for the verb at token v: in v's clause if
 * any is, else the nearest; -1 when n is 0. */
static long nearest(const dyad_sentence *ds, size_t v, const uint32_t *first, size_t n)
{
    uint32_t vc = clause_of(ds, v);
    long best = -1;
    size_t best_dist = SIZE_MAX;
    bool best_same = false;
    for (size_t i = 0; i < n; i++) {
        bool same = vc != DYAD_NONE && clause_of(ds, first[i]) == vc;
        size_t dist = first[i] > v ? first[i] - v : v - first[i];
        if (best < 0 || (same && !best_same) || (same == best_same && dist < best_dist)) {
            best = (long)i;
            best_dist = dist;
            best_same = same;
        }
    }
    return best;
}

const dyad_verb_group *code_verb_group(const dyad_sentence *ds, dyad_span verb)
{
    for (size_t g = 0; g < ds->nverbs; g++) {
        const dyad_verb_group *vg = &ds->verbs[g];
        if (vg->head >= ds->ntokens) continue;
        const dyad_token *h = &ds->tokens[vg->head];
        if (h->start >= verb.start && h->end <= verb.end) return vg;
    }
    return NULL;
}

static bool future_group(const dyad_verb_group *vg)
{
    return vg && (vg->tense == DYAD_TENSE_FUTURE || vg->modality == DYAD_MOD_WILL ||
                  vg->modality == DYAD_MOD_SHALL || vg->modality == DYAD_MOD_INTEND);
}

static bool scheduled(const dyad_sentence *ds, const dyad_verb_group *vg);

/* For dating: what a verb tells is still to come (see scheduled). */
static bool to_come(const dyad_sentence *ds, const dyad_verb_group *vg)
{
    return future_group(vg) || scheduled(ds, vg);
}

/* dyad's rules: whether a verb is what is scheduled -- "is scheduled to
 * meet", "are due to vote", "is set to sign", "is slated to visit": a
 * day named for it lies ahead, as for "will".  Only the present: what
 * "was due to" happen may or may not have. */
static bool scheduled(const dyad_sentence *ds, const dyad_verb_group *vg)
{
    static const char *const ahead[] = {"scheduled", "due", "set", "slated", "poised", NULL};
    static const char *const be[] = {"is", "are", "am", "'s", "'re", NULL};
    if (!vg || vg->head < 1 || vg->head >= ds->ntokens) return false;
    const dyad_token *t = ds->tokens;
    size_t h = vg->head;
    /* the group may be "is scheduled" itself, "to meet" following */
    if (h + 1 < ds->ntokens && token_is(&t[h + 1], "to") && token_in(&t[h], ahead)) h += 2;
    if (h < 3 || !token_is(&t[h - 1], "to") || !token_in(&t[h - 2], ahead)) return false;
    size_t b = h - 3;
    if (b > 0 && t[b].tag == DYAD_TAG_RB) b--; /* "is also due to" */
    return token_in(&t[b], be);
}

/* "a response to Russia", "flights from Moscow": the name is where
 * something went or came from -- often the target -- not where the event
 * took place, as "in", "near" or "into" say. */
static bool directional(const dyad_sentence *ds, uint32_t first)
{
    static const char *const away[] = {"to", "toward", "towards", "from", "over", NULL};
    for (size_t k = first, seen = 0; k > 0 && seen < 6; k--, seen++) {
        const dyad_token *t = &ds->tokens[k - 1];
        if (t->tag != DYAD_TAG_IN && t->tag != DYAD_TAG_TO) continue;
        if (t->lemma && !strcmp(t->lemma, "of")) continue; /* "the city of" */
        for (const char *const *a = away; *a; a++)
            if (t->lemma && !strcmp(t->lemma, *a)) return true;
        return false;
    }
    return false;
}

static void place_event(dyad_event *e, const where_place *p, dyad_span words)
{
    e->place_name = p->name;
    e->place_country = p->country;
    e->place_country2 = p->country2;
    e->place_region = p->region;
    e->place_lat = p->lat;
    e->place_lon = p->lon;
    e->place_kind = p->kind == GAZ_COUNTRY ? DYAD_PLACE_COUNTRY
                    : p->kind == GAZ_REGION ? DYAD_PLACE_REGION
                                            : DYAD_PLACE_CITY;
    e->place_span = words;
}

/* The article's countries, from its actors, settle which "Paris" is meant. */
static void note_countries(dyad_coder_work *w, const dyad_event *e)
{
    const char *codes[2] = {e->source, e->target};
    for (int k = 0; k < 2; k++) {
        const char *c = codes[k];
        if (!code_is_country(c)) continue;
        char a3[4] = {c[0], c[1], c[2], 0};
        where_context_add(&w->places, a3);
    }
}

/* dyad's rules: whether a date expression modifies a noun -- "the May 4
 * drone attacks", "Sunday's bombing" -- and so dates what that noun
 * names. */
static bool np_internal(const dyad_sentence *ds, const when_expr *x)
{
    if (x->last >= ds->ntokens || x->first == 0) return false;
    uint8_t next = ds->tokens[x->last].tag, before = ds->tokens[x->first - 1].tag;
    bool noun_next = next == DYAD_TAG_NN || next == DYAD_TAG_NNS || next == DYAD_TAG_POS;
    bool det_before = before == DYAD_TAG_DT || before == DYAD_TAG_PRPS || before == DYAD_TAG_POS ||
                      before == DYAD_TAG_JJ;
    return noun_next && (det_before || next == DYAD_TAG_POS);
}

/* dyad's rules: whether a date expression ends a phrase that names an
 * earlier or later happening -- "after the election on Sunday", "following
 * talks on Monday", "ahead of the vote on Friday" -- and so dates that
 * happening rather than the verb the phrase hangs on. */
static bool in_temporal_phrase(const dyad_sentence *ds, const when_expr *x)
{
    static const char *const heads[] = {"after", "following", "before", "since", "ahead", NULL};
    bool noun = false;
    size_t from = x->first;
    /* (the expression's own "on": "the election on Sunday") */
    if (from > 0 && ds->tokens[from - 1].lemma &&
        (!strcmp(ds->tokens[from - 1].lemma, "on") || !strcmp(ds->tokens[from - 1].lemma, "in")))
        from--;
    for (size_t k = from, seen = 0; k > 0 && seen < 8; k--, seen++) {
        const dyad_token *t = &ds->tokens[k - 1];
        if (t->tag == DYAD_TAG_NN || t->tag == DYAD_TAG_NNS || t->tag == DYAD_TAG_NNP) noun = true;
        else if (t->tag == DYAD_TAG_IN || t->tag == DYAD_TAG_VBG) {
            for (const char *const *h = heads; *h; h++)
                if ((t->lemma && !strcmp(t->lemma, *h)) || (t->norm && !strcasecmp(t->norm, *h))) return noun;
            if (t->lemma && !strcmp(t->lemma, "of") && k >= 2 && ds->tokens[k - 2].lemma &&
                !strcmp(ds->tokens[k - 2].lemma, "ahead"))
                return noun;
            if (!(t->lemma && !strcmp(t->lemma, "of"))) return false;
        } else if (!(t->tag == DYAD_TAG_DT || t->tag == DYAD_TAG_JJ || t->tag == DYAD_TAG_PRPS ||
                     t->tag == DYAD_TAG_POS || t->tag == DYAD_TAG_CD))
            return false;
    }
    return false;
}

/* dyad's rules: whether a sentence goes on with the one before in the
 * same voice -- it opens, after "But", "And" or "Also", with a personal
 * pronoun ("On Monday, the minister warned ... But she also said ...") --
 * so that what it tells happened on the day the one before named. */
static bool continues(const dyad_sentence *ds)
{
    static const char *const links[] = {"but", "and", "also", "however", NULL};
    static const char *const pronouns[] = {"he", "she", "they", NULL};
    size_t t = 0;
    while (t < ds->ntokens && t < 3 && ds->tokens[t].lemma) {
        bool link = false;
        for (const char *const *l = links; *l; l++) link = link || !strcmp(ds->tokens[t].lemma, *l);
        if (!link && ds->tokens[t].tag != DYAD_TAG_COMMA) break;
        t++;
    }
    if (t >= ds->ntokens || !ds->tokens[t].lemma || ds->tokens[t].tag != DYAD_TAG_PRP) return false;
    for (const char *const *p = pronouns; *p; p++)
        if (!strcmp(ds->tokens[t].lemma, *p)) return true;
    return false;
}

/* dyad's rules: "came a day after the army closed the border", "two days before the
 * vote was held": what the phrase after "after" or "before" tells lies
 * that many days from the sentence's own day.  Returns the shift in days
 * for the verb at token v (0 when no such phrase reaches it): the verb
 * must follow the phrase with no comma or semicolon between, which would
 * close it. */
static int32_t day_shift(const dyad_sentence *ds, size_t v, uint32_t *phrase_end)
{
    static const char *const counts[] = {"a", "one", "two", "three", "four", "five", "six", "seven", NULL};
    for (size_t t = 1; t + 1 < ds->ntokens && t + 1 < v; t++) {
        const char *unit = ds->tokens[t].lemma, *rel = ds->tokens[t + 1].lemma, *n = ds->tokens[t - 1].lemma;
        if (!unit || !rel || !n || strcmp(unit, "day")) continue;
        int dir = !strcmp(rel, "after") ? -1 : !strcmp(rel, "before") ? 1 : 0;
        if (!dir) continue;
        int32_t count = !strcmp(n, "the") ? 1 : 0;
        for (int32_t i = 0; counts[i] && !count; i++)
            if (!strcmp(n, counts[i])) count = i ? i : 1;
        if (!count) continue;
        bool closed = false;
        for (size_t k = t + 2; k < v && !closed; k++)
            closed = ds->tokens[k].tag == DYAD_TAG_COMMA || (ds->tokens[k].lemma && !strcmp(ds->tokens[k].lemma, ";"));
        if (closed) continue;
        *phrase_end = ds->tokens[t + 1].end;
        return dir * count;
    }
    return 0;
}

/* dyad's rules: an event with no day in its sentence that tells again
 * what one of the two sentences before dated ("detained ... on Friday.
 * ... the students, held overnight ...") is the same
 * happening: the same kind of act (root) on the same country's people,
 * by the same country's when the words name who.
 * Returns that event's day, 0 when none. */
static int32_t restated_day(const dyad_coder_work *w, const dyad_event *e, size_t first_event)
{
    if (!code_is_country(e->target)) return 0;
    for (size_t j = first_event; j > 0; j--) {
        const dyad_event *p = &w->events[j - 1];
        if (p->sentence + 2 < e->sentence) break;
        if (p->date_span.end == 0 || p->date_precision != DYAD_PRECISION_DAY) continue;
        if (strncmp(p->code, e->code, 2) || !code_is_country(p->target) || strncmp(p->target, e->target, 3))
            continue;
        /* another country's act is another happening: "X condemned Y
         * on Monday. Z accused Y ..." -- when the words name Z ("the
         * traders were detained" names no one) */
        if (e->source_span.end > e->source_span.start && code_is_country(e->source) &&
            code_is_country(p->source) && strncmp(p->source, e->source, 3))
            continue;
        return cal_parse_iso(p->date, 10);
    }
    return 0;
}

/* Whether a sentence tells what happened, not what is to come: a verb
 * in the past and none in the future ("the members will be back in court
 * Tuesday" gives no day to what the sentence before told). */
static bool tells_past(const dyad_sentence *ds)
{
    bool past = false;
    for (size_t g = 0; g < ds->nverbs; g++) {
        if (to_come(ds, &ds->verbs[g])) return false;
        past = past || ds->verbs[g].tense == DYAD_TENSE_PAST;
    }
    return past;
}

/* Whether sentence s names (not by a pronoun) the actor coded c, which
 * names a country. */
static bool names_actor(const dyad_coder_work *w, const code_sentence *s, const char *c)
{
    if (!code_is_country(c)) return false;
    for (size_t a = 0; a < s->nactors; a++) {
        const cw_actor *x = &s->actors[a];
        if (x->pronoun || x->cancelled || !x->ncodes) continue;
        if (!strcmp(w->codes[x->first_code].s, c)) return true;
    }
    return false;
}

/* dyad's rules: whether the clause holding token t tells of a time still
 * to come -- "said talks would take place in January", "will meet in
 * March" -- so that a bare month or weekday there is the next one, not
 * the last. */
static bool clause_to_come(const dyad_sentence *ds, size_t t)
{
    uint32_t c = clause_of(ds, t);
    if (c == DYAD_NONE) return false;
    for (size_t g = 0; g < ds->nverbs; g++) {
        const dyad_verb_group *vg = &ds->verbs[g];
        if (vg->head >= ds->ntokens || clause_of(ds, vg->head) != c) continue;
        if (to_come(ds, vg) || vg->modality == DYAD_MOD_WOULD) return true;
    }
    return false;
}

/* Dates one event: its expression (days counted from the story's day
 * from base[i], see story_days), or the article's date. */
static void date_event(dyad_coder_work *w, dyad_event *e, const dyad_sentence *ds, const when_expr *ex,
                       const uint32_t *ex_first, const int32_t *base, size_t nex, size_t v, bool future,
                       int32_t article_date)
{
    long i = nearest(ds, v, ex_first, nex);
    when_date d = {0, 0, DYAD_PRECISION_NONE};
    /* an event told in the past or present whose nearest day is another
     * clause's time to come ("..., which the state opposes", "said talks
     * would take place in January") happened on the article's day */
    bool borrowed = i >= 0 && w->c->dyad_rules && !future && clause_to_come(ds, ex[i].first);
    if (i >= 0) d = when_resolve_story(&ex[i], article_date, base[i], future || borrowed);
    if (borrowed && article_date > 0 && d.date > article_date) d.precision = DYAD_PRECISION_NONE;
    if (d.precision != DYAD_PRECISION_NONE && d.date) {
        cal_format(d.date, e->date);
        e->date_precision = (uint8_t)d.precision;
        e->date_span.start = ds->tokens[ex[i].first].start;
        e->date_span.end = ds->tokens[ex[i].last - 1].end;
    } else if (article_date > 0) {
        cal_format(article_date, e->date);
        e->date_precision = DYAD_PRECISION_DAY;
    } else {
        e->date[0] = 0;
        e->date_precision = DYAD_PRECISION_NONE;
    }
}

/* The day each expression of a sentence counts from when it counts from
 * the story's day ("the next day", "that night"): the day the nearest
 * expression before it in the sentence names ("arrested him on Monday and
 * freed him the next day"), else the story's day when the sentence began.
 * Returns the story's day after the sentence: its last day named.  A day
 * still to come ("will speak to parliament on Tuesday") is no day the
 * story has reached: "Hours earlier, ..." after it counts from the day
 * before; nor is the day of a happening named in passing ("signed the
 * decree on Monday after the vote on Sunday", "condemned Sunday's
 * attack"). */
static int32_t story_days(const dyad_sentence *ds, const when_expr *ex, size_t nex, int32_t story,
                          int32_t article_date, int32_t said_day, int32_t *base)
{
    for (size_t i = 0; i < nex; i++) {
        bool quoted = said_day && (ds->tokens[ex[i].first].flags & DYAD_TOKEN_IN_QUOTE);
        base[i] = quoted ? said_day : story;
        if (clause_to_come(ds, ex[i].first) || np_internal(ds, &ex[i]) || in_temporal_phrase(ds, &ex[i]))
            continue;
        when_date d = when_resolve_story(&ex[i], article_date, base[i], false);
        if (d.precision == DYAD_PRECISION_DAY && d.date > 0) story = d.date;
    }
    return story;
}

/* dyad's rules: "'We arrested them yesterday,' the chief said on
 * Tuesday": a speaker's "yesterday", "today" or "two days ago" counts from
 * the day the words were said, when the sentence names it outside the
 * quotation.  Such expressions become days counted from the story's day
 * (story_days gives them the day said); returns that day, 0 when none. */
static int32_t quoted_days(const dyad_sentence *ds, when_expr *ex, size_t nex, int32_t article_date)
{
    int32_t said = 0;
    bool quoted_offset = false;
    for (size_t i = 0; i < nex; i++) {
        bool in_quote = (ds->tokens[ex[i].first].flags & DYAD_TOKEN_IN_QUOTE) != 0;
        quoted_offset = quoted_offset || (in_quote && ex[i].from.kind == WHEN_DAY_OFFSET);
        if (said || in_quote || ex[i].from.kind == WHEN_STORY_DAY || clause_to_come(ds, ex[i].first) ||
            np_internal(ds, &ex[i]) || in_temporal_phrase(ds, &ex[i]))
            continue;
        when_date d = when_resolve(&ex[i], article_date, false);
        if (d.precision == DYAD_PRECISION_DAY && d.date > 0) said = d.date;
    }
    if (!said || !quoted_offset) return 0;
    for (size_t i = 0; i < nex; i++)
        if ((ds->tokens[ex[i].first].flags & DYAD_TOKEN_IN_QUOTE) && ex[i].from.kind == WHEN_DAY_OFFSET)
            ex[i].from.kind = WHEN_STORY_DAY;
    return said;
}

void code_time_place(dyad_coder_work *w, const code_sentence *s, size_t first_event, int32_t article_date)
{
    const dyad_sentence *ds = s->ds;
    if (!ds) return;
    when_expr ex[MAX_EXPRESSIONS];
    size_t nex = 0;
    /* the sentence's days: for its events; under dyad's rules also for
     * the events of the sentence before that this one dates, or for the
     * next sentence when it goes on in the same voice -- a sentence with
     * none of these needs no dates found (most sentences code nothing);
     * but in an article every sentence does, for its days move the
     * story's day on ("Thousands marched on Monday.  The next day ...") */
    bool days_wanted = first_event < w->nevents || (s->next && s->doc && !s->doc->is_sentence) ||
                       (w->c->dyad_rules && !w->opt.time_shifting &&
                        ((w->nlede && s->index == w->lede_next) || (s->next && continues(s->next))));
    if (days_wanted) nex = when_find(ds, ex, MAX_EXPRESSIONS);
    if (nex > MAX_EXPRESSIONS) nex = MAX_EXPRESSIONS;
    int32_t base[MAX_EXPRESSIONS];
    /* the story's day matters to a sentence after this one, or to an
     * expression of this one that counts from it */
    int32_t said = w->c->dyad_rules && !w->opt.time_shifting && nex > 1 ? quoted_days(ds, ex, nex, article_date) : 0;
    bool story = s->next && s->doc && !s->doc->is_sentence;
    for (size_t i = 0; i < nex && !story; i++) story = ex[i].from.kind == WHEN_STORY_DAY;
    for (size_t i = 0; i < nex; i++) base[i] = 0;
    if (story && !w->opt.time_shifting)
        w->last_date = story_days(ds, ex, nex, w->last_date, article_date, said, base);
    /* dyad's rules: the day this sentence names for itself, which a next
     * sentence that goes on in the same voice keeps; or the day it kept */
    int32_t own_day = 0;
    bool cont = false;
    if (w->c->dyad_rules && !w->opt.time_shifting) {
        cont = nex == 0 && w->prev_day && s->index == w->prev_day_next && continues(ds);
        if (cont) own_day = w->prev_day;
        for (size_t i = 0; i < nex && !own_day; i++) {
            if (np_internal(ds, &ex[i]) || in_temporal_phrase(ds, &ex[i])) continue;
            when_date d = when_resolve_story(&ex[i], article_date, base[i], false);
            if (d.precision == DYAD_PRECISION_DAY && d.date) own_day = d.date;
        }
        w->prev_day = own_day;
        w->prev_day_next = s->index + 1;
        /* "The agency has pledged new aid.  On Thursday, the agency
         * said in a statement ...": news tells the latest
         * happening first, in the present perfect and with no day, and
         * the next sentence, naming the same actor, gives the day */
        if (own_day && !cont && s->index == w->lede_next && tells_past(ds))
            for (size_t i = 0; i < w->nlede; i++) {
                dyad_event *e = &w->events[w->lede_events[i]];
                if (w->lede_events[i] < first_event && names_actor(w, s, e->source)) cal_format(own_day, e->date);
            }
        w->nlede = 0;
    }
    if (first_event >= w->nevents) return;
    uint32_t ex_first[MAX_EXPRESSIONS];
    for (size_t i = 0; i < nex; i++) ex_first[i] = ex[i].first;
    where_mention pm[MAX_EXPRESSIONS];
    size_t found = where_find(ds, pm, MAX_EXPRESSIONS), npm = 0;
    if (found > MAX_EXPRESSIONS) found = MAX_EXPRESSIONS;
    uint32_t pm_first[MAX_EXPRESSIONS];
    for (size_t i = 0; i < found; i++) {
        if (directional(ds, pm[i].first)) continue;
        pm[npm] = pm[i];
        pm_first[npm++] = pm[i].first;
    }
    when_expr own[MAX_EXPRESSIONS];
    uint32_t own_first[MAX_EXPRESSIONS];
    int32_t own_base[MAX_EXPRESSIONS];

    for (size_t k = first_event; k < w->nevents; k++) {
        dyad_event *e = &w->events[k];
        note_countries(w, e);
        size_t v = token_at(ds, e->verb_span.start);
        const dyad_verb_group *vg = code_verb_group(ds, e->verb_span);
        if (future_group(vg)) e->flags |= DYAD_EVENT_FUTURE;
        bool ahead = w->c->dyad_rules ? to_come(ds, vg) : future_group(vg);

        /* when -- unless TABARI's own time shifting (its .options and
         * <TIME> phrases) has dated the events, as its users expect */
        if (w->opt.time_shifting) {
            e->date_precision = e->date[0] ? DYAD_PRECISION_DAY : DYAD_PRECISION_NONE;
        } else if (w->c->dyad_rules) {
            /* the expressions that may date this event: not one inside a
             * noun phrase the event's words do not reach ("condemned the
             * May 4 drone attacks" is dated by its own clause) */
            size_t nown = 0, ntemporal = 0;
            for (size_t i = 0; i < nex; i++) {
                if (np_internal(ds, &ex[i]) && !(ds->tokens[ex[i].first].start >= e->verb_span.start &&
                                                 ds->tokens[ex[i].last - 1].end <= e->verb_span.end))
                    continue;
                own[nown] = ex[i];
                own_base[nown] = base[i];
                own_first[nown++] = ex[i].first;
                ntemporal += in_temporal_phrase(ds, &ex[i]);
            }
            /* "the army took the town on Tuesday, days after rebels
             * seized the bridge following the election on Sunday":
             * Sunday is the election's; another of the sentence's days
             * dates the event, and with none the phrase's day is the best
             * there is */
            if (ntemporal && ntemporal < nown) {
                size_t kept = 0;
                for (size_t i = 0; i < nown; i++)
                    if (!in_temporal_phrase(ds, &own[i])) {
                        own[kept] = own[i];
                        own_base[kept] = own_base[i];
                        own_first[kept++] = own_first[i];
                    }
                nown = kept;
            }
            date_event(w, e, ds, own, own_first, own_base, nown, v, ahead, article_date);
            /* a present perfect sums up, it tells no happening again and
             * goes on with no day: "police have arrested hundreds in
             * recent years", "but he has often praised ..." */
            bool sums_up = vg && (vg->flags & DYAD_VG_PERFECT) && vg->tense == DYAD_TENSE_PRESENT;
            if (cont && nown == 0 && !ahead && !sums_up) {
                cal_format(w->prev_day, e->date);
                e->date_precision = DYAD_PRECISION_DAY;
            } else if (nown == 0 && !ahead && !sums_up) {
                int32_t d = restated_day(w, e, first_event);
                if (d > 0) cal_format(d, e->date);
            }
            if (nown == 0 && !cont && !ahead && !e->date_span.end && vg &&
                (vg->flags & DYAD_VG_PERFECT) && vg->tense == DYAD_TENSE_PRESENT && code_is_country(e->source) &&
                w->nlede < sizeof w->lede_events / sizeof *w->lede_events) {
                w->lede_events[w->nlede++] = (uint32_t)k;
                w->lede_next = s->index + 1;
            }
            uint32_t phrase_end = 0;
            int32_t shift = e->date_precision == DYAD_PRECISION_DAY ? day_shift(ds, v, &phrase_end) : 0;
            if (shift && !(e->date_span.end && e->date_span.start >= phrase_end)) {
                int32_t d = cal_parse_iso(e->date, 10);
                if (d > 0) cal_format(cal_add_days(d, shift), e->date);
            }
            if (e->date_precision == DYAD_PRECISION_YEAR || e->date_precision == DYAD_PRECISION_MONTH) {
                /* "would impose sanctions in 2027": a time still to come
                 * is not when the event (the announcement) happened */
                int32_t d = (int32_t)((e->date[0] - '0') * 10000000 + (e->date[1] - '0') * 1000000 +
                                      (e->date[2] - '0') * 100000 + (e->date[3] - '0') * 10000 +
                                      (e->date[5] - '0') * 1000 + (e->date[6] - '0') * 100 +
                                      (e->date[8] - '0') * 10 + (e->date[9] - '0'));
                if (article_date > 0 && d / 100 > article_date / 100) {
                    cal_format(article_date, e->date);
                    e->date_precision = DYAD_PRECISION_DAY;
                    e->date_span.start = e->date_span.end = 0;
                }
            }
        } else {
            date_event(w, e, ds, ex, ex_first, base, nex, v, ahead, article_date);
        }

        /* where */
        long j = nearest(ds, v, pm_first, npm);
        where_place p;
        if (j >= 0 && where_choose(&pm[j], &w->places, &p)) {
            dyad_span words = {ds->tokens[pm[j].first].start, ds->tokens[pm[j].last - 1].end};
            place_event(e, &p, words);
        }
    }
}
