/*
 * code_coder.c -- the public coder: loading and compiling dictionaries
 * into an immutable dyad_coder, per-thread workspaces, and dyad_code(),
 * which runs the stages of code.h over each sentence of an analysis.
 */
#include "code.h"
#include "dict/dict_builtin.h"
#include "when/when.h"
#include <stdio.h>
#include <stdlib.h>

static int load(dyad_dict *d, const char *path, dict_kind kind, const dyad_coder_config *cfg)
{
    if (!path || !*path) return 0;
    dict_load_options lo;
    memset(&lo, 0, sizeof lo);
    lo.syntax = DICT_SYNTAX_AUTO;
    lo.kind = kind;
    lo.diag = cfg->diag;
    lo.user = cfg->user;
    return dict_load_file(d, path, &lo);
}

static bool given(const char *path) { return path && *path; }

static bool user_files(const dyad_coder_config *cfg)
{
    if (given(cfg->project) || given(cfg->options) || given(cfg->verbs) || given(cfg->agents) ||
        given(cfg->discards))
        return true;
    for (size_t i = 0; i < cfg->nactors; i++)
        if (given(cfg->actors[i])) return true;
    return false;
}

/* The built-in dictionaries and their index from a compiled image; false,
 * with the reason reported, when the image is refused: coding from the
 * text is then only slower to start. */
static bool load_image(dyad_coder *c, const dyad_coder_config *cfg, const void *image, size_t len)
{
    char err[512];
    if (ix_image_load(image, len, &c->dict, &c->ix, err, sizeof err) == 0) return true;
    if (cfg->diag) {
        char msg[640];
        snprintf(msg, sizeof msg, "compiled image refused (%s); reading the text dictionaries instead", err);
        dyad_diag dg = {DYAD_WARNING, "<built-in dictionaries>", 0, NULL, msg};
        cfg->diag(&dg, cfg->user);
    }
    return false;
}

dyad_coder *dyad_coder_new(const dyad_coder_config *cfg)
{
    return code_coder_new(cfg, dict_builtin_image, dict_builtin_image_len);
}

dyad_coder *code_coder_new(const dyad_coder_config *cfg, const void *image, size_t len)
{
    dyad_coder *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    if (cfg->builtin && image && len && !user_files(cfg) && load_image(c, cfg, image, len)) {
        c->dyad_rules = true;
        goto compiled;
    }
    c->dict = dict_new();
    if (!c->dict) goto fail;
    if (load(c->dict, cfg->project, DICT_KIND_PROJECT, cfg) ||
        load(c->dict, cfg->options, DICT_KIND_OPTIONS, cfg) ||
        load(c->dict, cfg->verbs, DICT_KIND_VERBS, cfg) ||
        load(c->dict, cfg->agents, DICT_KIND_AGENTS, cfg) ||
        load(c->dict, cfg->discards, DICT_KIND_DISCARDS, cfg))
        goto fail;
    for (size_t i = 0; i < cfg->nactors; i++)
        if (load(c->dict, cfg->actors[i], DICT_KIND_ACTORS, cfg)) goto fail;
    if (cfg->builtin) {
        /* After the user's files: among phrases and patterns of equal
         * length the index tries the earlier file first, so the user's
         * entries win conflicts with ours. */
        dict_load_options lo;
        memset(&lo, 0, sizeof lo);
        lo.syntax = DICT_SYNTAX_AUTO;
        lo.kind = DICT_KIND_AUTO;
        lo.diag = cfg->diag;
        lo.user = cfg->user;
        if (dict_load_builtin(c->dict, &lo)) goto fail;
        c->dyad_rules = true;
    }
    c->ix = ix_build(c->dict);
    if (!c->ix) {
        if (cfg->diag) {
            dyad_diag dg = {DYAD_ERROR, "<dictionaries>", 0, NULL, "out of memory compiling the dictionaries"};
            cfg->diag(&dg, cfg->user);
        }
        goto fail;
    }
compiled:
    for (size_t f = 0; f < dict_file_count(c->dict); f++) {
        const dict_file *df = dict_file_at(c->dict, (uint32_t)f);
        if (df->kind == DICT_KIND_VERBS && df->syntax == DICT_SYNTAX_PETRARCH) c->petrarch = true;
    }
    size_t nb;
    const dict_verb_block *b = dict_verb_blocks(c->dict, &nb);
    bool has_time = false;
    for (size_t i = 0; i < nb; i++)
        if (b[i].section == DICT_SECTION_TIME) has_time = true;
    code_options_from_dict(&c->opt, c->dict, has_time);
    if (c->dyad_rules && !(cfg->options && *cfg->options) && !(cfg->project && *cfg->project)) {
        /* TABARI sets aside sentences under eight words as fragments;
         * "Russian troops attacked Ukraine." is news.  A user's .options
         * still decide. */
        c->opt.minimum_words = 0;
    }
    if (c->petrarch) {
        /* PETRARCH2's defaults (PETR_config.ini): no .options file exists */
        c->opt.comma_min = 2;
        c->opt.comma_max = 8;
        c->opt.comma_bmin = 0;
        c->opt.comma_bmax = 0;
        c->opt.comma_emin = 2;
        c->opt.comma_emax = 8;
        c->opt.minimum_words = 0;
    }
    return c;
fail:
    dyad_coder_free(c);
    return NULL;
}

void dyad_coder_free(dyad_coder *c)
{
    if (!c) return;
    ix_free(c->ix);
    dict_free(c->dict);
    free(c);
}

dyad_coder_work *dyad_coder_work_new(const dyad_coder *coder, const dyad_code_options *opt)
{
    dyad_coder_work *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->c = coder;
    w->opt = coder->opt;
    arena_init(&w->a);
    if (opt) {
        memcpy(w->default_date, opt->default_date, sizeof w->default_date);
        w->default_date[sizeof w->default_date - 1] = 0;
        w->explain = opt->explain != 0;
        w->keep_sports = opt->keep_sports != 0;
        w->trace = opt->trace;
    }
    return w;
}

void dyad_coder_work_free(dyad_coder_work *w)
{
    if (!w) return;
    arena_free(&w->a);
    free(w->codes);
    free(w->events);
    free(w);
}

/* "YYYY-MM-DD" -> YYYYMMDD (the calendar's rule), or -1. */
static int32_t parse_iso(const char *s)
{
    int32_t d = s && strlen(s) == 10 ? cal_parse_iso(s, 10) : 0;
    return d ? d : -1;
}


/* The first actor of a sentence, without its agent (TABARI forwards
 * "FOR", not "FORGOVPRS"); false when it has none. */
static bool first_actor_code(const dyad_coder_work *w, const code_sentence *s, char out[32], bool *person)
{
    uint32_t first = DICT_NONE;
    /* dyad's rules: a sentence that is all set aside but its speaker
     * ('"... do so," Tassew added.') is about its speaker */
    for (int pass = 0; pass < (w->c->dyad_rules ? 2 : 1) && first == DICT_NONE; pass++)
        for (size_t a = 0; a < s->nactors; a++) {
            const cw_actor *act = &s->actors[a];
            if (act->pronoun || act->forwarded || act->cancelled || !act->ncodes) continue;
            if (pass == 0 && (s->w[act->head].flags & CW_ELIM)) continue;
            if (first == DICT_NONE || act->head < s->actors[first].head) first = (uint32_t)a;
        }
    if (first == DICT_NONE) return false;
    const cw_actor *f = &s->actors[first];
    if (person) *person = f->person;
    /* dyad's rules: "Kenyan police arrested ... They released him": the
     * pronoun is the police, not Kenya */
    bool raw = f->raw_code != DICT_NONE && !(w->c->dyad_rules && !w->opt.forward);
    const char *code = w->codes[raw ? f->raw_code : f->first_code].s;
    size_t n = strlen(code);
    if (n >= 31) n = 31;
    memcpy(out, code, n);
    out[n] = 0;
    return true;
}

/* FORWARD: remembers the story, sentence and first actor of this record
 * for a pronoun opening the next one (manual 8.4). */
static void remember_forward(dyad_coder_work *w, const code_sentence *s)
{
    w->fwd_valid = false;
    if (!w->opt.forward || !s->doc || !s->doc->id) return;
    const char *fmt = w->opt.forward_format;
    while (*fmt == '^') fmt++;
    const char *id = s->doc->id;
    size_t ks = 0, kn = 0;
    char sent[16];
    for (size_t i = 0; fmt[i] && id[i]; i++) {
        if (fmt[i] == 'N' && ks + 1 < sizeof w->fwd_story) w->fwd_story[ks++] = id[i];
        if (fmt[i] == 'S' && kn + 1 < sizeof sent) sent[kn++] = id[i];
    }
    w->fwd_story[ks] = 0;
    sent[kn] = 0;
    w->fwd_sentence = strtol(sent, NULL, 10);
    w->fwd_valid = first_actor_code(w, s, w->fwd_code, NULL);
}

/* The day a dateline names ("SEOUL, March 3, 2026 (Reuters) -", "Paris,
 * 3 March (AFP) -"), YYYYMMDD, or -1 when it names none.  The story's
 * "yesterday" and "on Tuesday" count from the day its dateline gives,
 * which may differ from a date stamped on the page later or in another
 * time zone.  A dateline's month and day without a year take the year
 * of the latest such day up to a week after `near` (the date known
 * otherwise; with none they are not guessed into a year). */
static int32_t dateline_date(const dyad_analysis *an, int32_t near)
{
    for (size_t i = 0; i < an->nsentences && i < 8; i++) {
        const dyad_sentence *ds = &an->sentences[i];
        if (ds->part != DYAD_PART_DATELINE) continue;
        when_expr ex[4];
        size_t n = when_find(ds, ex, 4);
        for (size_t k = 0; k < n && k < 4; k++) {
            const when_point *p = &ex[k].from;
            if (p->kind != WHEN_ABSOLUTE || !p->month || !p->day || ex[k].to.kind != WHEN_NONE) continue;
            if (p->year) {
                when_date d = when_resolve(&ex[k], 0, false);
                if (d.precision == DYAD_PRECISION_DAY && d.date > 0) return d.date;
                continue;
            }
            if (near <= 0) continue;
            /* the latest such day not more than a week after the date
             * known: a dateline is written before its page is stamped,
             * so "3 March" on a page of 10 September is the March past,
             * not the one to come */
            int32_t best = -1;
            for (int32_t y = near / 10000 - 1; y <= near / 10000 + 1; y++) {
                int32_t c = y * 10000 + p->month * 100 + p->day;
                if (cal_valid_ymd(c) && cal_days_from_ymd(c) - cal_days_from_ymd(near) <= 7) best = c;
            }
            if (best > 0) return best;
        }
    }
    return -1;
}

int dyad_code(dyad_coder_work *w, const dyad_analysis *an, const dyad_event **events, size_t *nevents)
{
    arena_reset(&w->a);
    w->ncodes = 0;
    w->nevents = 0;
    w->status = 0;
    w->complex_reason[0] = 0;
    w->oom = false;
    *events = NULL;
    *nevents = 0;
    const dyad_document *doc = an->doc;
    int32_t date = doc ? parse_iso(doc->date) : -1;
    if (date < 0) date = parse_iso(w->default_date);
    int32_t dateline = dateline_date(an, date);
    if (dateline > 0) date = dateline;
    code_sentence last;
    memset(&last, 0, sizeof last);
    bool have_last = false;
    w->doc_fwd_valid = false;
    w->nctx = 0;
    w->nhome = 0;
    w->nnames = 0;
    memset(&w->places, 0, sizeof w->places);
    w->last_date = 0;
    w->prev_day = 0;
    w->prev_day_next = 0;
    w->nlede = 0;
    w->nquotes = 0;
    if (w->c->dyad_rules && !w->c->petrarch && !w->keep_sports && code_sports_report(an)) {
        w->status = CODE_ST_SPORTS;
        w->fwd_valid = false;
        return 0;
    }
    if (w->c->dyad_rules && doc && code_find_speakers(w, an, date > 0 ? date : 0)) return -1;
    for (size_t i = 0; i < an->nsentences; i++) {
        const dyad_sentence *ds = &an->sentences[i];
        if (!code_coded_part(ds->part) || !doc) continue;
        code_sentence s;
        memset(&s, 0, sizeof s);
        s.doc = doc;
        s.index = (uint32_t)i;
        s.next = i + 1 < an->nsentences ? &an->sentences[i + 1] : NULL;
        s.date = date;
        unsigned before = w->status;
        w->status = 0;
        size_t first_event = w->nevents;
        if (w->c->dyad_rules && !w->c->petrarch && w->nquotes && w->nnames) code_name_speakers(w, doc, (uint32_t)i);
        if (code_lex(w, &s, ds) || code_parse(w, &s) ||
            code_sentence_events(w, &s)) {
            w->nevents = 0;
            return -1;
        }
        /* a discard or complex sentence codes nothing */
        if (w->status & (CODE_ST_DISCARD | CODE_ST_COMPLEX)) w->nevents = first_event;
        else code_time_place(w, &s, first_event, date > 0 ? date : 0);
        w->status |= before;
        last = s;
        have_last = true;
        /* an article's sentences follow each other: a pronoun opening the
         * next one may stand for this one's first actor */
        if (!doc->is_sentence) {
            w->doc_fwd_valid = first_actor_code(w, &s, w->doc_fwd_code, &w->doc_fwd_person);
            if (w->c->dyad_rules) code_remember_context(w, &s);
            if (w->c->dyad_rules && !w->c->petrarch) code_remember_names(w, &s);
        }
    }
    if (w->c->dyad_rules) code_attribute_events(w, an);
    if (have_last) remember_forward(w, &last);
    else w->fwd_valid = false;
    *events = w->events;
    *nevents = w->nevents;
    return 0;
}

dyad_passed dyad_code_passed_over(const dyad_coder_work *w)
{
    return w && (w->status & CODE_ST_SPORTS) ? DYAD_PASSED_SPORTS : DYAD_PASSED_NONE;
}
