/*
 * dict.h -- event-coding dictionaries in memory: the model both readers
 * (TABARI, PETRARCH2) fill and the coder, `dyad dict check` and
 * `dyad dict lookup` read.  Prefix: dict_.
 *
 * One dyad_dict holds any number of loaded files (a project's actors,
 * agents and verbs together).  It owns every byte it hands out; pointers
 * and ids stay valid until dict_free().  Nothing is global.
 *
 * Words.  Dictionary words are stored lower-cased (ASCII letters only;
 * other UTF-8 is kept as written), the case of the text pipeline's
 * lemmas, so the coder compares interned ids, never strings.  Bytes that
 * are not valid UTF-8, and control bytes, become U+FFFD with a warning.
 * Codes, synset and substitution names are kept exactly as written
 * (CAMEO ethnic codes are lower case, actor codes upper case).
 *
 * Phrases.  Every phrase-like thing (actor name, agent, verb, verb form,
 * pattern, synset member, discard, issue, noun, adjective) is a
 * dict_phrase: a run of dict_tokens plus where it was written.  The
 * connectors of both formats become token flags: `A_B` is A matched
 * exactly and B right after it; `A_` is A matched exactly; `A` alone may
 * match as a stem (prefix) and may be followed by other words before the
 * next token; `A~` is a stem that must be followed immediately; `A=`
 * takes no regular endings.
 *
 * Entries refer to their phrases by a range [first, first + n) in the
 * phrase list of their kind: each kind's list is filled in file order,
 * so an entry's phrases are always contiguous.
 */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include "dyad.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DICT_NONE UINT32_MAX

typedef struct dyad_dict dyad_dict;

/* Hostile-input bounds: longer words and phrases are reported and the line
 * skipped, so later stages can use small fixed-size counters. */
#define DICT_MAX_WORD 255
#define DICT_MAX_PHRASE_TOKENS 512
/* Upper bound on the phrases one agent line may expand to through
 * !SUBSTITUTION! markers: two markers of five forms give 25; a line that
 * multiplies past this is hostile or a mistake. */
#define DICT_MAX_EXPANSIONS 1024

typedef enum dict_syntax {
    DICT_SYNTAX_AUTO = 0,
    DICT_SYNTAX_TABARI,
    DICT_SYNTAX_PETRARCH
} dict_syntax;

typedef enum dict_kind {
    DICT_KIND_AUTO = 0,
    DICT_KIND_VERBS,
    DICT_KIND_ACTORS,
    DICT_KIND_AGENTS,
    DICT_KIND_DISCARDS,
    DICT_KIND_ISSUES,
    DICT_KIND_OPTIONS,  /* TABARI .options */
    DICT_KIND_PROJECT   /* TABARI .project: loads the files it names   */
} dict_kind;

const char *dict_syntax_name(dict_syntax s);  /* "tabari", "petrarch"  */
const char *dict_kind_name(dict_kind k);      /* "verbs", "actors", ... */
int dict_syntax_from_name(const char *name);  /* -1 if unknown */
int dict_kind_from_name(const char *name);    /* -1 if unknown */

/* Guesses syntax and kind from the file name, then from the first lines.
 * Either may be passed in already known (not AUTO) and is then kept.
 * Returns 0, or -1 when the kind cannot be told. */
int dict_detect(const char *name, const char *data, size_t len,
                dict_syntax *syntax, dict_kind *kind);

/* ---- tokens and phrases ------------------------------------------------ */

typedef enum dict_token_kind {
    DICT_TOK_WORD,       /* value: word id (lower case)                    */
    DICT_TOK_SYNSET,     /* value: string id of the &NAME (without '&')    */
    DICT_TOK_VERB,       /* '*'  where the verb stands                     */
    DICT_TOK_SOURCE,     /* '$'  the source actor                          */
    DICT_TOK_TARGET,     /* '+'  the target actor                          */
    DICT_TOK_COMPOUND,   /* '%'  a compound actor: source and target       */
    DICT_TOK_SKIP,       /* '^'  skip one actor                            */
    DICT_TOK_ATTRIB,     /* '@'  the attribution actor (TABARI)            */
    DICT_TOK_ALT_OPEN,   /* TABARI '{' of { a | b }                        */
    DICT_TOK_ALT_OR,     /* TABARI '|'                                     */
    DICT_TOK_ALT_CLOSE,  /* TABARI '}'                                     */
    DICT_TOK_NP_OPEN,    /* PETRARCH '{' noun phrase, head last            */
    DICT_TOK_NP_CLOSE,   /* PETRARCH '}'                                   */
    DICT_TOK_PP_OPEN,    /* PETRARCH '(' prepositional phrase              */
    DICT_TOK_PP_CLOSE    /* PETRARCH ')'                                   */
} dict_token_kind;

enum {
    DICT_TF_EXACT      = 1u << 0, /* '_' after the word: no stem match     */
    DICT_TF_ADJACENT   = 1u << 1, /* the next token must follow at once    */
    DICT_TF_NO_ENDINGS = 1u << 2, /* '=': no regular plural/verb endings   */
    DICT_TF_VERB_WORD  = 1u << 3, /* PETRARCH '+WORD' in a multi-word verb */
    DICT_TF_NOUN_FORMS = 1u << 4, /* issues 'n:': singular and plural      */
    DICT_TF_VERB_FORMS = 1u << 5, /* issues 'v:': regular verb forms       */
    DICT_TF_HYPHEN_JOIN= 1u << 6  /* issues 'a+b': next word after ' ' or '-' */
};

typedef struct dict_token {
    uint32_t value;
    uint8_t kind;   /* dict_token_kind */
    uint8_t flags;  /* DICT_TF_* */
} dict_token;

typedef enum dict_phrase_kind {
    DICT_PH_ACTOR,      /* owner: actor                                    */
    DICT_PH_AGENT,      /* owner: agent                                    */
    DICT_PH_VERB,       /* owner: verb; a verb's primary form              */
    DICT_PH_FORM,       /* owner: verb; an irregular form from {...}       */
    DICT_PH_PATTERN,    /* owner: verb block; code: the pattern's code     */
    DICT_PH_SYNSET,     /* owner: synset; one member                       */
    DICT_PH_DISCARD,    /* owner: none                                     */
    DICT_PH_ISSUE,      /* owner: issue category or DICT_NONE; code        */
    DICT_PH_NOUN,       /* TABARI <NOUN> list                              */
    DICT_PH_ADJECTIVE,  /* TABARI <ADJECTIVE> list                         */
    DICT_PH_KINDS
} dict_phrase_kind;

enum {
    DICT_PF_PLURAL     = 1u << 0, /* an explicit plural form (agents {..}) */
    DICT_PF_NO_PLURAL  = 1u << 1, /* no regular plural is to be formed     */
    DICT_PF_STORY      = 1u << 2, /* discard: '+' discards the whole story */
    DICT_PF_IGNORE     = 1u << 3, /* issue: '~' cancels issue coding       */
    DICT_PF_IGNORE2    = 1u << 4, /* issue: '~~' (second kind of ignore)   */
    DICT_PF_EXPANDED   = 1u << 5, /* made from a !SUBSTITUTION! marker     */
    DICT_PF_SYNONYM    = 1u << 6  /* actor: a '+' synonym, not the parent  */
};

typedef struct dict_phrase {
    uint32_t first, n;   /* tokens [first, first + n) of dict->tokens       */
    uint32_t owner;      /* entry it belongs to (see dict_phrase_kind)      */
    uint32_t code;       /* string id of its code, or DICT_NONE             */
    uint32_t file, line; /* where it was written (file index, 1-based line) */
    uint32_t flags;      /* DICT_PF_*                                       */
} dict_phrase;

/* ---- actors -------------------------------------------------------------- */

/* Dates are YYYYMMDD integers.  Six-digit dates in the files pivot as
 * TABARI's manual says: years 00-30 are 2000-2030, 31-99 are 1931-1999. */
#define DICT_DATE_MIN 0
#define DICT_DATE_MAX 99991231

typedef struct dict_actor_code {
    uint32_t code;       /* string id: "USAGOV", "GME/GMW", "---", "###"    */
    int32_t from, to;    /* inclusive; DICT_DATE_MIN / DICT_DATE_MAX open   */
    bool dated;          /* false: the default (unrestricted) code          */
    uint32_t file, line;
} dict_actor_code;

typedef struct dict_actor {
    uint32_t first_phrase, nphrases; /* DICT_PH_ACTOR: parent, then '+'s  */
    uint32_t first_code, ncodes;     /* dict->actor_codes, in listed order */
    uint32_t file, line;
} dict_actor;

/* The code an actor has on a date (YYYYMMDD): the first dated code, in the
 * order written, whose range holds the date; else the first undated code;
 * else the null code "---" (TABARI manual 6.5.2; PETRARCH agrees).
 * Returns the string id, or DICT_NONE if the actor has no code at all. */
uint32_t dict_actor_code_on(const dyad_dict *d, uint32_t actor, int32_t date);

/* ---- agents ---------------------------------------------------------------- */

typedef enum dict_plural {
    DICT_PLURAL_REGULAR,  /* regular plural to be formed (S, IES, ES)      */
    DICT_PLURAL_NONE,     /* '{}': none                                    */
    DICT_PLURAL_EXPLICIT  /* '{PLURAL}': given, as DICT_PF_PLURAL phrases  */
} dict_plural;

typedef struct dict_agent {
    uint32_t first_phrase, nphrases; /* DICT_PH_AGENT, after substitution */
    uint32_t code;                   /* "~GOV" (suffix) or "NGO~" (prefix) */
    uint8_t plural;                  /* dict_plural                        */
    uint32_t file, line;
} dict_agent;

/* A PETRARCH agents substitution set: !PERSON! = MAN, MEN, ... */
typedef struct dict_subst {
    uint32_t name;                  /* string id, without the '!'s        */
    uint32_t first_value, nvalues;  /* string ids in dict->subst_values   */
    uint32_t file, line;
} dict_subst;

/* ---- verbs ----------------------------------------------------------------- */

typedef enum dict_section {
    DICT_SECTION_VERBS,  /* ordinary verbs                                 */
    DICT_SECTION_TIME,   /* TABARI <TIME>: codes are day shifts            */
    DICT_SECTION_ATTRIB  /* TABARI <ATTRIB>: attribution verbs             */
} dict_section;

/* TABARI: each root line is a block with one verb.  PETRARCH: a
 * `--- NAME [code] ---` block of synonymous verbs sharing its patterns. */
typedef struct dict_verb_block {
    uint32_t name;                    /* string id                         */
    uint32_t code;                    /* default code; DICT_NONE if none   */
    uint32_t first_verb, nverbs;      /* dict->verbs                       */
    uint32_t first_pattern, npatterns;/* DICT_PH_PATTERN phrases           */
    uint8_t section;                  /* dict_section                      */
    uint32_t file, line;
} dict_verb_block;

typedef struct dict_verb {
    uint32_t phrase;                  /* DICT_PH_VERB                      */
    uint32_t first_form, nforms;      /* DICT_PH_FORM                      */
    uint32_t code;                    /* own code, or DICT_NONE: the block's */
    uint32_t block;
    bool forms_given;                 /* '{...}' was written (maybe empty) */
    uint32_t file, line;
} dict_verb;

typedef struct dict_synset {
    uint32_t name;                    /* string id, no '&' or final '_'    */
    uint32_t first_member, nmembers;  /* DICT_PH_SYNSET                    */
    bool no_plural;                   /* name ended in '_'                 */
    uint32_t file, line;
} dict_synset;

/* PETRARCH `~ a (b c VERB) VERB2 = d e CODE`: variables are "a".."z",
 * "." (any actor) or "_" (no actor); verbs are words or "Q" (any). */
typedef struct dict_transform {
    uint32_t outer_source, inner_source, inner_target, inner_verb, outer_verb;
    uint32_t result_source, result_target, result_code; /* string ids */
    uint32_t file, line;
} dict_transform;

/* ---- issues ---------------------------------------------------------------- */

typedef struct dict_issue_category {
    uint32_t name;           /* CATEGORY="..." string id, DICT_NONE if none */
    uint32_t type;           /* TYPE="..." string id, DICT_NONE if none     */
    uint32_t default_code;   /* DEFAULT="..." string id, DICT_NONE if none  */
    uint32_t file, line;
} dict_issue_category;

/* ---- TABARI options and projects --------------------------------------------- */

typedef enum { DICT_3WAY_OFF = 0, DICT_3WAY_FALSE, DICT_3WAY_TRUE } dict_3way;

typedef struct dict_label {
    uint32_t code, text;     /* string ids                                   */
    uint32_t file, line;
} dict_label;

enum { /* OUTPUT: fields */
    DICT_OUT_ACTORS = 1u << 0, DICT_OUT_AGENTS = 1u << 1, DICT_OUT_PARENT = 1u << 2,
    DICT_OUT_SHIFT = 1u << 3, DICT_OUT_MATCH = 1u << 4, DICT_OUT_LOCS = 1u << 5,
    DICT_OUT_PATTERN = 1u << 6, DICT_OUT_ID = 1u << 7, DICT_OUT_TEXT = 1u << 8
};
enum { /* COMPLEX: conditions without a number */
    DICT_CX_NOACTPRIOR = 1u << 0, DICT_CX_NOACTAFTER = 1u << 1, DICT_CX_NOVERB = 1u << 2,
    DICT_CX_NOSOURCE = 1u << 3, DICT_CX_NOTARGET = 1u << 4, DICT_CX_NOEVENT = 1u << 5,
    DICT_CX_EXPLAIN = 1u << 6, DICT_CX_NOSAVE = 1u << 7
};

/* The settings of TABARI .options files, with the manual's defaults.  A
 * later file or line overrides an earlier one. */
typedef struct dict_options {
    uint32_t set_lines;            /* lines that set something             */
    char code_by[9];               /* "CLAUSE", "SENTENCE" or "ALL"        */
    bool label, dup_warning, convert_agents, fbis, yyyy, skip_records, haiku;
    bool allcaps, code_nonrestrictive;
    int minimum_words;
    uint8_t actor_usage, agent_usage, verb_usage; /* dict_3way            */
    uint8_t time_shifting;         /* 3-way: OFF = as the .verbs file says */
    /* COMPLEX: VERBS[n] ACTORS[n] PRONOUNS[n] CONJ[n] COMMA[n] LATEVERB[n] */
    int complex_verbs, complex_actors, complex_pronouns, complex_conj,
        complex_comma, complex_lateverb;
    unsigned complex_flags;        /* DICT_CX_*                            */
    uint32_t forward;              /* FORWARD: sequence format, string id  */
    bool forward_doc, forward_off;
    uint32_t default_source, default_target; /* string ids or DICT_NONE   */
    bool default_prior, default_after;
    bool comma_off;                /* COMMA: OFF                           */
    int comma_min, comma_max, comma_emin, comma_emax, comma_bmin, comma_bmax;
    uint8_t nonevents;             /* 0 false, 1 true, 2 only              */
    unsigned output;               /* DICT_OUT_*                           */
} dict_options;

typedef enum dict_project_role {
    DICT_ROLE_ACTORS, DICT_ROLE_VERBS, DICT_ROLE_AGENTS, DICT_ROLE_OPTIONS,
    DICT_ROLE_ISSUES, DICT_ROLE_TEXT, DICT_ROLE_EVENTS, DICT_ROLE_OUTPUT,
    DICT_ROLE_PROBLEMS, DICT_ROLE_ERRORS, DICT_ROLE_FREQS, DICT_ROLE_CODER,
    DICT_ROLE_SYSTEM, DICT_ROLE_SESSION, DICT_ROLE_DOCHEAD, DICT_ROLE_DOCTAIL
} dict_project_role;

/* One line of a .project file: file names are resolved against the
 * project file's directory; other values (coder, session) are as written. */
typedef struct dict_project_entry {
    uint8_t role;            /* dict_project_role                          */
    uint32_t value;          /* string id                                  */
    uint32_t file, line;
} dict_project_entry;

/* ---- counts ------------------------------------------------------------------ */

typedef struct dict_counts {
    size_t verb_blocks, verbs, verb_forms, patterns, synsets, synset_members;
    size_t time_entries, attrib_entries, transforms;
    size_t actors, actor_phrases, codes, dated_codes, nouns, adjectives;
    size_t agents, agent_phrases, substitutions;
    size_t discards, story_discards, issues, issue_ignores, issue_categories;
    size_t option_lines, labels, project_entries;
    size_t errors, warnings, ignored_lines; /* ignored: after ~FINISH      */
} dict_counts;

/* ---- the dictionary ------------------------------------------------------------ */

typedef struct dict_file {
    char *path;
    dict_syntax syntax;
    dict_kind kind;
    dict_counts counts;
} dict_file;

dyad_dict *dict_new(void);
void dict_free(dyad_dict *d);

typedef struct dict_load_options {
    dict_syntax syntax;      /* AUTO: detect                                */
    dict_kind kind;          /* AUTO: detect                                */
    bool strict;             /* the first error stops the load              */
    dyad_diag_fn diag;       /* may be NULL                                 */
    void *user;
} dict_load_options;

/* Reads one dictionary file from memory (name is used in diagnostics).
 * Malformed lines are reported through diag as DYAD_ERROR with file and
 * line, skipped and counted; reading goes on unless opt->strict.
 * Returns 0 when the whole file was read (errors or not), -1 when it was
 * stopped (strict, out of memory, kind unknown).  A project file loads the
 * files it names (only those of dictionaries: actors, agents, verbs,
 * options, issues). */
int dict_load_memory(dyad_dict *d, const char *name, const char *data, size_t len,
                     const dict_load_options *opt);
/* The same from a file on disk; -1 also when it cannot be read. */
int dict_load_file(dyad_dict *d, const char *path, const dict_load_options *opt);

/* Loads dyad's own dictionaries, embedded at build time from dict/
 * (dict_builtin.h): what `dyad code` uses unless --no-default-dict.
 * Returns 0, or -1 when a file could not be loaded. */
int dict_load_builtin(dyad_dict *d, const dict_load_options *opt);

/* Total of all files, or one file's counts. */
dict_counts dict_total_counts(const dyad_dict *d);
size_t dict_file_count(const dyad_dict *d);
const dict_file *dict_file_at(const dyad_dict *d, uint32_t file);

/* Bytes of memory the dictionary holds (arrays, strings, tables). */
size_t dict_memory_bytes(const dyad_dict *d);

/* ---- access ------------------------------------------------------------------- */

const char *dict_string(const dyad_dict *d, uint32_t id);
/* Id of an interned string, or DICT_NONE when it is not in the dictionary
 * (words are interned lower case: look up the lower-cased form). */
uint32_t dict_string_find(const dyad_dict *d, const char *s, size_t len);

const dict_token *dict_tokens(const dyad_dict *d);
const dict_phrase *dict_phrases(const dyad_dict *d, dict_phrase_kind kind, size_t *n);
const dict_actor *dict_actors(const dyad_dict *d, size_t *n);
const dict_actor_code *dict_actor_codes(const dyad_dict *d, size_t *n);
const dict_agent *dict_agents(const dyad_dict *d, size_t *n);
const dict_subst *dict_substs(const dyad_dict *d, size_t *n);
const uint32_t *dict_subst_values(const dyad_dict *d, size_t *n);
const dict_verb_block *dict_verb_blocks(const dyad_dict *d, size_t *n);
const dict_verb *dict_verbs(const dyad_dict *d, size_t *n);
const dict_synset *dict_synsets(const dyad_dict *d, size_t *n);
const dict_transform *dict_transforms(const dyad_dict *d, size_t *n);
const dict_issue_category *dict_issue_categories(const dyad_dict *d, size_t *n);
const dict_label *dict_labels(const dyad_dict *d, size_t *n);
const dict_project_entry *dict_project_entries(const dyad_dict *d, size_t *n);
const dict_options *dict_get_options(const dyad_dict *d);

/* Index of the synset called name (string id), or DICT_NONE. */
uint32_t dict_synset_find(const dyad_dict *d, uint32_t name);

/* Writes a phrase back in dictionary notation (upper case, '_' and '~'
 * connectors, special tokens) into buf; returns its length (truncated to
 * cap - 1, always NUL-terminated). */
size_t dict_phrase_text(const dyad_dict *d, const dict_phrase *p, char *buf, size_t cap);

/* Actors whose phrases are exactly the given lower-case words (connectors
 * ignored), appended to out (at most max); returns how many exist. */
size_t dict_find_actors(const dyad_dict *d, const char *const *words, size_t nwords,
                        uint32_t *out, size_t max);

/* ---- codes --------------------------------------------------------------------- */

/* "---", "###", "+++" (null, discard, complex). */
bool dict_code_is_special(const char *code);
/* True for a code in the CAMEO event code list (cameo_codes.c). */
bool dict_is_cameo_event_code(const char *code, size_t len);

/* Parses a YYMMDD or YYYYMMDD date; returns YYYYMMDD or -1 if invalid.
 * Months must be 1-12 and days 1-31 (see dict_date_exists). */
int32_t dict_parse_date(const char *s, size_t len);
/* False for a parsed date whose day the month lacks (0930 is fine, 0931
 * is not): readers warn about those but keep them. */
bool dict_date_exists(int32_t date);

/* ---- check ---------------------------------------------------------------------- */

typedef enum dict_finding_kind {
    DICT_FIND_DUPLICATE,        /* same phrase, same codes, written twice  */
    DICT_FIND_CONFLICT,         /* same phrase, different codes            */
    DICT_FIND_NEVER_MATCHES,    /* pattern empty or with undefined synset  */
    DICT_FIND_NOT_CAMEO,        /* event code not in CAMEO                 */
    DICT_FIND_DATE_BACKWARDS,   /* date range ends before it starts        */
    DICT_FIND_DATE_OVERLAP,     /* two dated codes of one actor overlap    */
    DICT_FIND_NO_CODE,          /* actor with no code at all               */
    DICT_FIND_KINDS
} dict_finding_kind;

const char *dict_finding_name(dict_finding_kind k);

/* Called once per finding; message names the other place when there is
 * one ("first at FILE:LINE"). */
typedef void (*dict_finding_fn)(dict_finding_kind kind, const char *file, size_t line,
                                const char *message, void *user);

/* Runs every check over the whole dictionary; returns the number of
 * findings and adds them up per kind into per_kind (may be NULL). */
size_t dict_check(const dyad_dict *d, dict_finding_fn fn, void *user,
                  size_t per_kind[DICT_FIND_KINDS]);

#endif
