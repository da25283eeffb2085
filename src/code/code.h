/*
 * code.h -- what the coder's modules share (src/code/).  Prefix: code_.
 *
 *   code_coder.c    dyad_coder and its workspace; the public entry points
 *   code_options.c  TABARI .options settings and OPTION lines
 *   code_lex.c      a sentence's words, as TABARI filters text (7.3)
 *   code_parse.c    word types, actors and agents, compounds, pronouns,
 *                   comma-delimited clauses, conjunction clauses (ch. 7)
 *   code_match.c    verb and time patterns over a clause (5.5-5.7)
 *   code_events.c   source and target, codes, complexity, events (5.8, 6)
 *   code_validate.c the peers' validation suites (`dyad validate`)
 *
 * The coder works a sentence at a time on TABARI "words": whitespace-
 * delimited runs of the original text with TABARI's input filtering, each
 * keeping its byte range.  Everything is sized by the sentence and lives
 * in the workspace's arena, reset per document.
 */
#ifndef DYAD_CODE_H
#define DYAD_CODE_H

#include "dict/dict_index.h"
#include "where/where.h"
#include "internal.h"

/* ---- options ----------------------------------------------------------------- */

typedef enum code_by { CODE_BY_CLAUSE, CODE_BY_SENTENCE, CODE_BY_ALL } code_by;

typedef struct code_options {
    code_by by;
    int minimum_words;
    bool convert_agents, fbis, yyyy, time_shifting, code_nonrestrictive;
    int complex_verbs, complex_actors, complex_pronouns, complex_conj, complex_comma,
        complex_lateverb;
    unsigned complex_flags;           /* DICT_CX_*                              */
    char default_source[32], default_target[32]; /* "" when not set             */
    bool default_prior, default_after;
    bool comma_off;
    int comma_min, comma_max, comma_emin, comma_emax, comma_bmin, comma_bmax;
    int nonevents;                    /* 0 false, 1 true, 2 only                */
    bool forward;                     /* pronouns forwarded between records     */
    bool require_dyad;                /* PETRARCH: no event without both actors */
    char forward_format[32];          /* ^ * N S, as in FORWARD:                */
} code_options;

/* From a loaded dictionary (its .options lines, TABARI's defaults). */
void code_options_from_dict(code_options *o, const dyad_dict *d, bool has_time);
/* Applies one .options line ("SET: CODE BY SENTENCE", "COMMA: OFF", ...)
 * as TABARI reads them: commands by their first four letters, values
 * forgiving of spelling ("TIME SHIFT", "CONVERT AGENT").  Returns 0, or -1
 * when the line says nothing the coder understands. */
int code_options_apply(code_options *o, const char *line, size_t n);

/* ---- the coder ----------------------------------------------------------------- */

struct dyad_coder {
    dyad_dict *dict;
    dict_index *ix;
    code_options opt;
    bool petrarch;        /* dictionaries in PETRARCH syntax */
    bool dyad_rules;      /* dyad's own dictionaries are loaded: code by
                             dyad's conventions (tests/gold/README.md), not
                             TABARI's where they differ -- negated verbs
                             make no event, reciprocal verbs with a joint
                             subject code both directions, ...          */
};

/* dyad_coder_new() with dyad's built-in dictionaries and their index taken
 * from `image` (ix_image_build(), used in place: it must outlive the
 * coder) when cfg->builtin is set and no file of the user's is given.
 * Without an image, with the user's files, or when the image is refused
 * (reported through cfg->diag) the text is read and compiled.
 * dyad_coder_new() passes the image compiled into the library. */
dyad_coder *code_coder_new(const dyad_coder_config *cfg, const void *image, size_t len);

/* ---- words ----------------------------------------------------------------------- */

typedef enum cw_type {
    W_NONE,     /* unclassified or null-coded                          */
    W_ACTOR, W_AGENT, W_VERB, W_NOUN, W_ADJ, W_TIME, W_ATTRIB, W_DISCARD,
    W_DET,      /* a, an, the                                          */
    W_PRON,     /* he, she, it, its, his, her, him, they, them, their */
    W_CONJ,     /* and, but, or, nor                                   */
    W_COMMA,
    W_AUX,      /* was, were, been                                     */
    W_BY,
    W_NUMBER
} cw_type;

enum {
    CW_NEGATED = 1u << 7, /* its verb group is negated (not, n't, never)      */
    CW_CAP   = 1u << 0,  /* capitalised in the text                          */
    CW_ELIM  = 1u << 1,  /* inside an eliminated comma-delimited clause      */
    CW_PART  = 1u << 2,  /* a later word of a multi-word root                */
    CW_COMPOUND_CONJ = 1u << 3, /* a conjunction or comma inside a compound */
    CW_PROTECTED = 1u << 4,     /* a conjunction inside a noun/adj compound */
    CW_FORMER = 1u << 5, /* the word "former"                                */
    CW_NOMINAL = 1u << 6 /* a verb's noun whose parties prepositions name:
                            "rocket fire into Israel from Gaza"             */
};

typedef struct cw_word {
    const char *s;        /* folded                                        */
    uint32_t start, end;  /* bytes in the document text                    */
    uint16_t len;
    uint8_t type;         /* cw_type                                       */
    uint8_t flags;        /* CW_*                                          */
    uint32_t root;        /* head of a root: ix root; else DICT_NONE       */
    uint32_t last;        /* head: last word of the root's extent          */
    uint32_t head;        /* CW_PART: the head word                        */
    uint32_t actor;       /* W_ACTOR head or resolved W_PRON: cw_actor     */
    uint32_t clause;
    uint8_t tag;          /* dyad_tag of the token the word starts in      */
    uint32_t tok;         /* that token's index in the sentence            */
} cw_word;

/* An actor mention: one phrase (with its agent), or a pronoun standing for
 * an earlier one.  Members of a compound are chained by `next`. */
typedef struct cw_actor {
    uint32_t head, last;      /* words covered (agent included)             */
    uint32_t first_code, ncodes; /* into the workspace's code pool           */
    uint32_t group;           /* first member of its compound; itself alone */
    uint32_t next;            /* next member of its compound, or DICT_NONE  */
    uint32_t ref;             /* pronoun: actor (group) referred to          */
    uint32_t gfirst, glast;   /* group head: words from the first member's
                                 determiners to the last member's end      */
    uint32_t raw_code;        /* first code before an agent joined, or DICT_NONE */
    uint32_t word;            /* the word its own phrase starts at (an agent
                                 before it moves `head`, not this)           */
    bool pronoun;
    bool forwarded;           /* stands for the previous record's actor     */
    bool cancelled;
    bool person;              /* one person named by surname: no "they"     */
    bool allied;              /* joined as the previous member's own ("and
                                 its allied militias"): never its target  */
} cw_actor;

typedef struct cw_code { char s[32]; } cw_code;

/* What happened to a document, beyond its events. */
enum {
    CODE_ST_DISCARD = 1u << 0,  /* a discard code was found                 */
    CODE_ST_COMPLEX = 1u << 1,  /* a complex code or complexity condition   */
    CODE_ST_SHORT   = 1u << 2,  /* fewer words than MINIMUM WORDS           */
    CODE_ST_SHIFTED = 1u << 3,  /* dates were time-shifted                  */
    CODE_ST_SPORTS  = 1u << 4   /* a sports report: passed over             */
};

/* The parts of an article the coder codes: headlines and body, not
 * bylines, datelines or boilerplate. */
static inline bool code_coded_part(dyad_part_kind k)
{
    return k == DYAD_PART_HEADLINE || k == DYAD_PART_SUBHEADLINE || k == DYAD_PART_BODY;
}

/* code_sports.c: whether the story reads as a sports report. */
bool code_sports_report(const dyad_analysis *an);

typedef struct code_sentence {
    const dyad_document *doc;
    const dyad_sentence *ds;  /* the analysis of the sentence (chunks)     */
    const dyad_sentence *next; /* the analysis' next sentence, or NULL      */
    uint32_t index;           /* sentence index in the analysis             */
    int32_t date;             /* YYYYMMDD                                    */
    cw_word *w;  size_t n;
    cw_actor *actors; size_t nactors, cap_actors;
    bool allcaps;
    bool garbled;             /* control characters in the text             */
    uint64_t bloom[32];       /* every prefix of every word (code_view's)   */
    bool final_stop;          /* ends with . ? or !                          */
    bool question;            /* ends with ?                                 */
    /* clauses (split_clauses): how many; for each, the clause whose
     * subject a clause without one takes (DICT_NONE: none), the actor a
     * relative pronoun stands for (DICT_NONE: none) and its
     * dyad_event_clause kind */
    uint32_t nclauses;
    uint32_t *clause_prev;
    uint32_t *clause_antecedent;
    uint8_t *clause_kind;
} code_sentence;

/* The per-thread workspace. */
#define CODE_CONTEXT_ACTORS 8
#define CODE_NAMES 16

struct dyad_coder_work {
    const dyad_coder *c;
    code_options opt;
    char default_date[11];
    bool explain;
    bool keep_sports;             /* dyad_code_options.keep_sports         */
    arena a;                      /* reset per document                    */
    cw_code *codes; size_t ncodes, cap_codes;
    dyad_event *events; size_t nevents, cap_events;
    unsigned status;              /* CODE_ST_* of the last document        */
    size_t sentence_first;        /* the sentence being coded: its first event */
    char complex_reason[64];
    /* FORWARD: the previous record's story, sentence and first actor */
    char fwd_story[32];
    long fwd_sentence;
    char fwd_code[32];
    bool fwd_valid;
    /* within an article: the previous sentence's first actor, for a
     * pronoun opening the next sentence ("He said ...") */
    char doc_fwd_code[32];
    bool doc_fwd_valid;
    bool doc_fwd_person;          /* that actor is one person named by surname */
    /* dyad's rules: the actors of the article's earlier sentences, oldest
     * first, for an event whose sentence names no target ("Russia
     * expressed disappointment" after a sentence on the US reply) */
    char ctx_codes[CODE_CONTEXT_ACTORS][32];
    dyad_span ctx_spans[CODE_CONTEXT_ACTORS];
    size_t nctx;
    /* dyad's rules: how often each country has been named in the
     * article's coded sentences, for a role word that names none */
    /* dyad's rules: people the article has named in full with their side
     * ("Defense Minister John Smith"), by surname, latest first wins, for
     * a later "Smith said" */
    char name_keys[CODE_NAMES][24];
    char name_codes[CODE_NAMES][32];
    size_t nnames;
    char home_codes[16][4];
    uint32_t home_counts[16];
    size_t nhome;
    /* the article's countries (for choosing among same-named places) and
     * its last event date known to the day ("on the same day") */
    where_context places;
    int32_t last_date;
    /* dyad's rules: the day the sentence before named for itself ("On
     * Thursday, Biden said ..."), and that sentence's index + 1 */
    int32_t prev_day;
    uint32_t prev_day_next;
    /* dyad's rules: the events a sentence told in the present perfect
     * with no day ("USAID has announced $12 million"), which the next
     * sentence may date ("In a statement on Thursday, USAID said ..."),
     * and that next sentence's index */
    uint32_t lede_events[8];
    size_t nlede;
    uint32_t lede_next;
    /* dyad's rules: the article's quotations and their speakers' codes
     * ("" unknown), from the work's arena; "we" in a quote is its speaker */
    const dyad_quote *quotes;
    char (*speaker_codes)[32];
    size_t nquotes;
    bool finding_speakers;        /* parsing a speaker's sentence          */
    bool oom;
    FILE *trace;                  /* when set: each sentence's parse       */
};

/* Whether an actor code starts with a state or territory ("RUSGOV",
 * "PSE") rather than an international, non-state or business block, or
 * the unidentified armed forces (UAF) no state owns. */
static inline bool code_is_country(const char *c)
{
    static const char *const international[] = {"IGO", "NGO", "IMG", "NGM", "MNC", "UAF", NULL};
    if (strlen(c) < 3 || c[0] < 'A' || c[0] > 'Z') return false;
    for (const char *const *i = international; *i; i++)
        if (!strncmp(c, *i, 3)) return false;
    return true;
}

/* Whether an actor code is one of CAMEO's regions ("PGS" the Persian
 * Gulf states, "EAF" East Africa), not a state: no place is "in" it as a
 * target, and no role word without a country belongs to it. */
static inline bool code_is_region(const char *c)
{
    static const char *const regions[] = {"AFR", "ASA", "BLK", "BLT", "CAS", "CAU", "CFR", "CRB", "EAF",
                                          "EEU", "EIN", "EUR", "LAM", "MDT", "MEA", "NAF", "NMR", "PGS",
                                          "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST", NULL};
    for (const char *const *r = regions; *r; r++)
        if (!strncmp(c, *r, 3)) return true;
    return false;
}

/* ---- stages ------------------------------------------------------------------------- */

/* Splits a sentence into words (code_lex.c): TABARI's filtering of the
 * text for TABARI dictionaries, the pipeline's Treebank tokens (which
 * PETRARCH's dictionaries are written for: "did n't", "Gondor 's") for
 * PETRARCH ones.  Either way each word gets the tag of its token. */
int code_lex(dyad_coder_work *w, code_sentence *s, const dyad_sentence *ds);

/* Types words, finds actors, agents, compounds, pronouns, comma clauses
 * and conjunction clauses (code_parse.c). */
int code_parse(dyad_coder_work *w, code_sentence *s);

/* dyad's rules: adds a coded sentence's actors (places excepted) to the
 * article's recent actors, for later sentences without a target. */
void code_remember_context(dyad_coder_work *w, const code_sentence *s);

/* dyad's rules: remembers the people a coded sentence names in full with
 * their side, for a later sentence naming them by surname (code_parse.c). */
void code_remember_names(dyad_coder_work *w, const code_sentence *s);

/* dyad's rules: the quotations opening in a sentence whose speaker is a
 * surname no dictionary knows ('"...," Smith said') take the code of the
 * person the article named in full before it (code_speakers.c). */
void code_name_speakers(dyad_coder_work *w, const dyad_document *doc, uint32_t sentence);

/* Gives the sentence's events [first_event, nevents) their own date and
 * place (code_time_place.c).  article_date is YYYYMMDD, 0 if unknown. */
void code_time_place(dyad_coder_work *w, const code_sentence *s, size_t first_event, int32_t article_date);

/* The verb group whose main verb lies in an event's verb words, or NULL
 * (code_time_place.c). */
const dyad_verb_group *code_verb_group(const dyad_sentence *ds, dyad_span verb);

/* dyad's rules: the article's quotations and their speakers' actor
 * codes (code_speakers.c), before its sentences are coded; the direct
 * quote holding byte `at` and its speaker's code, or NULL; and, once the
 * events are coded, who said each one (and what "X must ..." in a
 * speaker's mouth demands). */
int code_find_speakers(dyad_coder_work *w, const dyad_analysis *an, int32_t date);
const char *code_quote_speaker(const dyad_coder_work *w, uint32_t at);
void code_attribute_events(dyad_coder_work *w, const dyad_analysis *an);

/* The CAMEO demand code for demanding an act coded `acted` ("demanded
 * that Russia pull back its troops": 0874 -> 1056), code_speakers.c. */
const char *code_demand_for(const char *acted);

/* The CAMEO intent code (03x) for a cooperative act announced for the
 * future ("would ease sanctions": 085 -> 0354), or NULL for other acts. */
const char *code_intent_for(const char *act);

/* The CAMEO threat code (13x) for force or coercion announced for the
 * future ("would strike back": 190 -> 1384), or NULL for other acts. */
const char *code_threat_for(const char *act);
/* The refusal (12x) of what an intent (03x) or agreement (05x) code accepts. */
const char *code_refusal_for(const char *act);

/* Codes one parsed sentence, appending events (code_events.c). */
int code_sentence_events(dyad_coder_work *w, code_sentence *s);

/* YYYYMMDD -> "YYYY-MM-DD" ("" when not a date). */
void code_format_date(int32_t ymd, char out[11]);

/* Writes the parse of a sentence (word, type, clause, flags, actor) --
 * the coder's counterpart of TABARI's parse display. */
void code_trace(const dyad_coder_work *w, const code_sentence *s, FILE *out);

/* Pushes a code string to the workspace pool; returns its index. */
uint32_t code_push_code(dyad_coder_work *w, const char *s, size_t n);

/* ---- pattern matching (code_match.c) ----------------------------------------------------- */

/* The words a clause's patterns may see: visible (not eliminated) word
 * indexes in order, and where the clause's barriers are. */
typedef struct code_view {
    uint32_t *idx;   size_t n;
} code_view;

/* Fills s->bloom: every prefix of every word, hashed.  A pattern literal
 * or root word whose hash is not there cannot match, and most patterns
 * and phrases stop at that test. */
void code_sentence_bloom(code_sentence *s);
static inline bool code_bloom_has(const uint64_t *b, uint32_t h)
{
    return (b[(h & 2047) >> 6] >> (h & 63) & 1) && (b[((h >> 11) & 2047) >> 6] >> ((h >> 11) & 63) & 1);
}

typedef struct code_match {
    uint32_t source, target;   /* actor (group) set by $, + or %; DICT_NONE */
    uint32_t source_at, target_at; /* the mention each was found at        */
    bool compound;             /* % was used                                */
    uint32_t attrib;
    uint32_t first, last;      /* words the match covered (for --explain)   */
} code_match;

/* Tries pattern p for the verb whose root covers view positions
 * [vfirst, vlast]; true on a match. */
bool code_match_pattern(const dyad_coder_work *w, const code_sentence *s, const code_view *v,
                        size_t vfirst, size_t vlast, const ix_pattern *p, code_match *m);

/* Where a mention points: a pronoun at the phrase of what it stands for,
 * an actor at its first word.  Two mentions of one compound are the same
 * actor when they point at the same word (TABARI compares positions). */
static inline uint32_t code_anchor(const code_sentence *s, uint32_t a)
{
    if (a == DICT_NONE) return DICT_NONE;
    if (s->actors[a].pronoun) {
        uint32_t r = s->actors[a].ref;
        return r == DICT_NONE ? DICT_NONE : s->actors[s->actors[r].group].word;
    }
    return s->actors[s->actors[a].group].head;
}

/* dyad's rules: "clashes between the army and the rebels", "fighting
 * broke out between Armenia and Azerbaijan": the position of "between"
 * when it follows the noun at i at once or after at most two words that
 * say the act broke out or went on; 0 when it does not. */
static inline size_t code_between_after(const code_sentence *s, size_t i)
{
    static const char *const outbreak[] = {"erupted", "broke", "flared", "raged", "continued", "resumed",
                                           "intensified", "escalated", "began", "started", "out", "up", NULL};
    for (size_t k = i + 1; k < s->n && k <= i + 3; k++) {
        const cw_word *y = &s->w[k];
        if (y->len == 7 && !memcmp(y->s, "between", 7)) return k + 1 < s->n ? k : 0;
        bool went_on = false;
        for (const char *const *o = outbreak; *o && !went_on; o++)
            went_on = y->len == strlen(*o) && !memcmp(y->s, *o, y->len);
        if (!went_on) return 0;
    }
    return 0;
}

/* Codes of actor a (group members' codes together), for events. */
static inline uint32_t code_actor_group(const code_sentence *s, uint32_t a)
{
    while (a != DICT_NONE && s->actors[a].pronoun) a = s->actors[a].ref;
    return a == DICT_NONE ? DICT_NONE : s->actors[a].group;
}

/* dyad's rules: whether the actor mention starting at view position q
 * is the subject of a relative clause without its pronoun -- right after
 * a common noun and right before its own finite verb: "sanctions on
 * individuals Washington deems responsible" names no target in
 * Washington. */
static inline bool code_relative_subject(const code_sentence *s, const code_view *v, size_t q, uint32_t a)
{
    if (q == 0 || a == DICT_NONE || s->actors[a].pronoun) return false;
    const cw_word *p = &s->w[v->idx[q - 1]];
    if (!(p->tag == DYAD_TAG_NN || p->tag == DYAD_TAG_NNS) || p->type == W_ACTOR || (p->flags & CW_PART) ||
        p->type == W_AGENT)
        return false;
    size_t e = q + 1;
    while (e < v->n && (s->w[v->idx[e]].actor == a || (s->w[v->idx[e]].flags & CW_PART))) e++;
    if (e >= v->n) return false;
    uint8_t t = s->w[v->idx[e]].tag;
    return t == DYAD_TAG_VBZ || t == DYAD_TAG_VBD || t == DYAD_TAG_VBP;
}

/* Validation (code_validate.c) is dyad_validate() in dyad.h. */

#endif
