/*
 * code_speakers.c -- who said it.
 *
 * Under dyad's rules an event coded inside a quotation carries its
 * speaker, and the first person inside a direct quotation ("We have
 * delivered a written response", "our proposals") is the speaker's side.
 * The quotations come from src/quote/ (all the shapes news uses, pronoun
 * speakers resolved there); a speaker's actor code comes from parsing the
 * sentence that names the speaker with the same dictionaries, so
 * "Blinken" is USAGOV on the article's date.  A sentence is parsed once
 * more for each quotation it attributes: linear in the article.
 */
#include "code.h"
#include <strings.h>
#include "quote/quote.h"

static bool overlaps(uint32_t a0, uint32_t a1, dyad_span b)
{
    return a0 < b.end && b.start < a1;
}

/* The code of the actor named by the speaker's words, or "". */
/* A quotation said by "he", "she" or "they" with no speaker named before
 * it: the first actor of the sentence before the quotation ("The prime
 * minister ... condemned the attack.  'I condemn ...,' he said"). */
static int pronoun_speaker(dyad_coder_work *w, const dyad_analysis *an, const dyad_quote *q, int32_t date,
                           char out[32])
{
    const dyad_document *doc = an->doc;
    size_t n = q->mention.end > q->mention.start ? q->mention.end - q->mention.start : 0;
    if (!doc || !doc->text || q->mention.end > doc->len || q->first_sentence == 0 ||
        q->first_sentence > an->nsentences)
        return 0;
    const char *m = doc->text + q->mention.start;
    bool pronoun = (n == 2 && !strncasecmp(m, "he", 2)) || (n == 3 && !strncasecmp(m, "she", 3)) ||
                   (n == 4 && !strncasecmp(m, "they", 4));
    if (!pronoun) return 0;
    code_sentence s;
    memset(&s, 0, sizeof s);
    s.doc = doc;
    s.index = q->first_sentence - 1;
    s.date = date;
    if (code_lex(w, &s, &an->sentences[s.index]) || code_parse(w, &s)) return -1;
    uint32_t first = DICT_NONE;
    for (size_t a = 0; a < s.nactors; a++) {
        const cw_actor *act = &s.actors[a];
        if (act->cancelled || act->pronoun || !act->ncodes || act->head >= s.n) continue;
        if (first == DICT_NONE || act->head < s.actors[first].head) first = (uint32_t)a;
    }
    if (first == DICT_NONE) return 0;
    const char *c = w->codes[s.actors[first].first_code].s;
    size_t cn = strlen(c);
    if (cn > 31) cn = 31;
    memcpy(out, c, cn);
    out[cn] = 0;
    return 0;
}

static int speaker_code(dyad_coder_work *w, const dyad_analysis *an, const dyad_quote *q, int32_t date,
                        char out[32])
{
    out[0] = 0;
    if (!q->has_speaker && q->kind == DYAD_QUOTE_DIRECT) return pronoun_speaker(w, an, q, date, out);
    if (!q->has_speaker || q->speaker_sentence >= an->nsentences) return 0;
    code_sentence s;
    memset(&s, 0, sizeof s);
    s.doc = an->doc;
    s.index = q->speaker_sentence;
    s.date = date;
    if (code_lex(w, &s, &an->sentences[q->speaker_sentence]) || code_parse(w, &s)) return -1;
    /* "Indian External Affairs Minister S. Jaishankar" may hold IND and
     * INDGOV: the most specific code names the speaker */
    for (size_t a = 0; a < s.nactors; a++) {
        const cw_actor *act = &s.actors[a];
        if (act->cancelled || !act->ncodes || act->head >= s.n) continue;
        uint32_t last = act->last < s.n ? act->last : act->head;
        if (!overlaps(s.w[act->head].start, s.w[last].end, q->speaker)) continue;
        const char *c = w->codes[act->first_code].s;
        size_t n = strlen(c);
        if (n > 31) n = 31;
        if (n <= strlen(out)) continue;
        memcpy(out, c, n);
        out[n] = 0;
    }
    return 0;
}

int code_find_speakers(dyad_coder_work *w, const dyad_analysis *an, int32_t date)
{
    w->quotes = NULL;
    w->speaker_codes = NULL;
    w->nquotes = 0;
    quote *q = NULL;
    long n = quote_find(&w->a, an, &q);
    if (n < 0) return -1;
    if (n == 0) return 0;
    w->speaker_codes = arena_alloc(&w->a, (size_t)n * sizeof *w->speaker_codes);
    if (!w->speaker_codes) return -1;
    w->finding_speakers = true;
    for (long k = 0; k < n; k++) {
        if (speaker_code(w, an, &q[k], date, w->speaker_codes[k])) {
            w->finding_speakers = false;
            return -1;
        }
    }
    w->finding_speakers = false;
    w->quotes = q;
    w->nquotes = (size_t)n;
    return 0;
}

void code_name_speakers(dyad_coder_work *w, const dyad_document *doc, uint32_t sentence)
{
    if (!doc || !doc->text) return;
    for (size_t k = 0; k < w->nquotes; k++) {
        const dyad_quote *q = &w->quotes[k];
        if (w->speaker_codes[k][0] || !q->has_speaker || q->first_sentence != sentence) continue;
        if (q->mention.end <= q->mention.start || q->mention.end > doc->len) continue;
        const char *m = doc->text + q->mention.start;
        size_t n = q->mention.end - q->mention.start;
        if (n > 2 && m[n - 2] == '\'' && (m[n - 1] == 's' || m[n - 1] == 'S')) n -= 2;
        bool one_word = n >= 2;
        for (size_t i = 0; i < n && one_word; i++) one_word = m[i] != ' ' && m[i] != '\n' && m[i] != '\t';
        if (!one_word) continue;
        for (size_t i = 0; i < w->nnames; i++) {
            if (strlen(w->name_keys[i]) != n || strncasecmp(w->name_keys[i], m, n) != 0) continue;
            memcpy(w->speaker_codes[k], w->name_codes[i], sizeof w->speaker_codes[k]);
            break;
        }
    }
}

/* The quotation whose words hold byte `at`, or -1. */
static long quote_at(const dyad_coder_work *w, uint32_t at)
{
    for (size_t k = 0; k < w->nquotes; k++)
        if (at >= w->quotes[k].text.start && at < w->quotes[k].text.end) return (long)k;
    return -1;
}

const char *code_quote_speaker(const dyad_coder_work *w, uint32_t at)
{
    long k = quote_at(w, at);
    if (k < 0 || w->quotes[k].kind != DYAD_QUOTE_DIRECT || !w->speaker_codes[k][0]) return NULL;
    return w->speaker_codes[k];
}

/* The modality of the verb group whose main verb lies in the event's verb
 * words. */
static int event_modality(const dyad_analysis *an, const dyad_event *e)
{
    if (e->sentence >= an->nsentences) return DYAD_MOD_NONE;
    const dyad_verb_group *vg = code_verb_group(&an->sentences[e->sentence], e->verb_span);
    return vg ? vg->modality : DYAD_MOD_NONE;
}

/* The demand for an act: CAMEO's demand codes mirror the acts demanded
 * (tests/gold/README.md, rule 3). */
const char *code_demand_for(const char *code)
{
    static const char *const reform[] = {"104", "1041", "1042", "1043", "1044"};
    if (!strncmp(code, "083", 3)) {                /* political reform      */
        int d = code[3] >= '1' && code[3] <= '4' ? code[3] - '0' : 0;
        return reform[d];
    }
    if (!strncmp(code, "0871", 4)) return "107";   /* a ceasefire             */
    if (!strncmp(code, "087", 3)) return "1056";   /* de-escalation, withdrawal */
    if (!strncmp(code, "08", 2)) return "105";     /* that the target yields  */
    if (!strncmp(code, "05", 2)) return "102";     /* policy support          */
    if (!strncmp(code, "04", 2)) return "108";     /* a meeting, negotiation  */
    if (!strncmp(code, "06", 2) || !strncmp(code, "07", 2)) return "103"; /* aid, cooperation */
    if (!strncmp(code, "09", 2)) return "101";     /* information             */
    return "100";
}

/* The CAMEO intent code for announcing a cooperative act: root 03 mirrors
 * roots 04-08 (tests/gold/README.md, rule 2); NULL for other acts, which
 * keep their code. */
const char *code_intent_for(const char *code)
{
    static const struct { const char *act, *intent; } map[] = {
        {"0831", "0341"}, {"0832", "0342"}, {"0833", "0343"}, {"0834", "0344"}, {"083", "034"},
        {"0841", "0353"}, {"0842", "0353"}, {"081", "0351"}, {"082", "0352"}, {"085", "0354"},
        {"086", "0355"}, {"087", "0356"}, {"08", "035"},
        {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"}, {"07", "033"},
        {"061", "0311"}, {"062", "0312"}, {"06", "031"},
        {"045", "039"}, {"04", "036"}, {"057", "030"}, {"05", "032"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strncmp(code, map[i].act, strlen(map[i].act))) return map[i].intent;
    return NULL;
}

/* The CAMEO refusal of what an intent or an agreement accepts ("has not
 * agreed to talks": 036 -> 125): root 12 mirrors root 03 as the shared
 * objects of dict/verbs do (docs/builtin-dictionaries.md); an agreement
 * or a settlement withheld is a rejected plan (127). */
const char *code_refusal_for(const char *code)
{
    static const struct { const char *act, *refusal; } map[] = {
        {"0311", "1211"}, {"0312", "1212"}, {"0313", "1213"}, {"0314", "1214"}, {"031", "121"},
        {"0331", "1221"}, {"0332", "1222"}, {"0333", "1223"}, {"0334", "1224"}, {"033", "122"},
        {"0341", "1231"}, {"0342", "1232"}, {"0343", "1233"}, {"0344", "1234"}, {"034", "123"},
        {"0351", "1241"}, {"0352", "1242"}, {"0353", "1243"}, {"0354", "1244"}, {"0355", "1245"},
        {"0356", "1246"}, {"035", "124"},   {"036", "125"},   {"037", "127"},   {"038", "126"},
        {"039", "126"},   {"057", "127"},   {"0", "120"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strncmp(code, map[i].act, strlen(map[i].act))) return map[i].refusal;
    return "120";
}

/* The CAMEO threat code for a hostile act announced for the future ("said
 * it would strike back": 190 -> 1384; "would impose sanctions": 163 ->
 * 1312): a party that says it will do it has threatened it, nothing has
 * been done yet.  Root 13 mirrors roots 15-20.  NULL for other acts. */
const char *code_threat_for(const char *code)
{
    static const struct { const char *act, *threat; } map[] = {
        {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"}, {"165", "135"}, {"166", "136"},
        {"16", "131"},   {"191", "1381"}, {"192", "1382"}, {"19", "1384"}, {"18", "1383"}, {"20", "1385"},
        {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"}, {"172", "132"}, {"175", "137"}, {"17", "130"},
        {"15", "138"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strncmp(code, map[i].act, strlen(map[i].act))) return map[i].threat;
    return NULL;
}

/* Whether a deed quoted in a speaker's words is announced for the future
 * (will, would, shall, intends to) by its doer: in the passive ("they will
 * be attacked by ...") the speaker fears it, nobody threatens it. */
static bool announced(const dyad_analysis *an, const dyad_event *e)
{
    if (e->sentence >= an->nsentences) return false;
    const dyad_verb_group *vg = code_verb_group(&an->sentences[e->sentence], e->verb_span);
    return vg && !(vg->flags & DYAD_VG_PASSIVE) && (vg->tense == DYAD_TENSE_FUTURE || vg->modality == DYAD_MOD_WILL || vg->modality == DYAD_MOD_WOULD ||
                  vg->modality == DYAD_MOD_SHALL || vg->modality == DYAD_MOD_INTEND);
}

/* Whether a deed quoted in a speaker's words is one that is not told as
 * done: an infinitive ("to fight on until ..."), a bare participle ("lives
 * destroyed by occupation"), a modal ("they have to collaborate", "will
 * be killed") or a simple present ("until she gives in", "until the
 * country is freed") -- what the speaker wants, fears or holds, not a
 * report of an act.  Only material acts (roots 06-08 and 15-20): a
 * speaker's own "we condemn" or "we call on" is the speaker's act. */
static bool quoted_unreal(const dyad_analysis *an, const dyad_event *e)
{
    if (!(!strncmp(e->code, "06", 2) || !strncmp(e->code, "07", 2) || !strncmp(e->code, "08", 2) ||
          (e->code[0] == '1' && e->code[1] >= '5') || !strncmp(e->code, "20", 2)))
        return false;
    if (e->sentence >= an->nsentences) return false;
    const dyad_verb_group *vg = code_verb_group(&an->sentences[e->sentence], e->verb_span);
    if (!vg) return false;
    if (vg->flags & DYAD_VG_INFINITIVE) return true;
    if (vg->tense == DYAD_TENSE_NONE && (vg->flags & DYAD_VG_PASSIVE)) return true;
    if (vg->modality != DYAD_MOD_NONE) return true;
    if (vg->tense == DYAD_TENSE_FUTURE) return true;
    return vg->tense == DYAD_TENSE_PRESENT && !(vg->flags & (DYAD_VG_PROGRESSIVE | DYAD_VG_PERFECT));
}

void code_attribute_events(dyad_coder_work *w, const dyad_analysis *an)
{
    size_t kept = 0;
    for (size_t i = 0; i < w->nevents; i++) {
        if (kept != i) w->events[kept] = w->events[i];
        dyad_event *e = &w->events[kept++];
        long k = quote_at(w, e->verb_span.start);
        if (k < 0) continue;
        const dyad_quote *q = &w->quotes[k];
        e->flags |= q->kind == DYAD_QUOTE_DIRECT ? DYAD_EVENT_IN_QUOTE : DYAD_EVENT_REPORTED;
        memcpy(e->speaker, w->speaker_codes[k], sizeof e->speaker);
        if (q->has_speaker) e->speaker_span = q->speaker;
        /* "Russia must withdraw its troops," Blinken said: nothing was
         * withdrawn; the speaker demanded it of Russia */
        const char *sp = w->speaker_codes[k];
        if (sp[0] && q->kind != DYAD_QUOTE_ACCORDING && !strncmp(e->code, "128", 3) && e->source[0] &&
            strncmp(e->source, sp, 3) != 0) {
            /* "The U.S. actions seriously violated international law," a
             * statement from Beijing said: the speaker accuses the
             * violator (112); nobody else judged it */
            memcpy(e->target, e->source, sizeof e->target);
            e->target_span = e->source_span;
            memcpy(e->source, sp, sizeof e->source);
            e->source_span = e->speaker_span;
            memset(e->code, 0, sizeof e->code);
            memcpy(e->code, "112", 3);
            e->pattern = NULL;
            e->pattern_file = NULL;
            continue;
        }
        if (q->kind != DYAD_QUOTE_DIRECT || !sp[0] || event_modality(an, e) != DYAD_MOD_MUST ||
            !strncmp(e->source, sp, 3)) {
            if (q->kind == DYAD_QUOTE_ACCORDING || !quoted_unreal(an, e)) continue;
            /* "China said it would impose sanctions": a threat; an act
             * wished, feared or held is no event */
            const char *t = announced(an, e) ? code_threat_for(e->code) : NULL;
            if (!t) t = announced(an, e) ? code_intent_for(e->code) : NULL;
            if (!t) {
                kept--;
                continue;
            }
            memset(e->code, 0, sizeof e->code);
            memcpy(e->code, t, strlen(t));
            e->pattern = NULL;
            e->pattern_file = NULL;
            continue;
        }
        memcpy(e->target, e->source, sizeof e->target);
        e->target_span = e->source_span;
        memcpy(e->source, sp, sizeof e->source);
        e->source_span = e->speaker_span;
        const char *d = code_demand_for(e->code);
        memset(e->code, 0, sizeof e->code);
        memcpy(e->code, d, strlen(d));
        e->pattern = NULL;
        e->pattern_file = NULL;
    }
    w->nevents = kept;
}
