/*
 * dict_private.h -- what the dictionary modules share: the layout of
 * dyad_dict, growable arrays, the loader's state and diagnostics, and the
 * line, phrase and code lexers (dict_text.c) both readers use.
 */
#ifndef DYAD_DICT_PRIVATE_H
#define DYAD_DICT_PRIVATE_H

#include "dict.h"
#include "internal.h"

/* A growable array of fixed-size elements (malloc'd, owned by the dict). */
typedef struct dict_vec {
    void *v;
    size_t n, cap;
} dict_vec;

/* Appends one zeroed element; NULL when memory ran out. */
void *dict_vec_push(dict_vec *vec, size_t elem);
#define DICT_VEC_AT(vec, type, i) (((type *)(vec).v)[i])

/* uint32 -> uint32 hash map (open addressing); keys must not be DICT_NONE. */
typedef struct dict_map {
    uint32_t *keys, *vals;
    size_t cap, n;
} dict_map;

int dict_map_put(dict_map *m, uint32_t key, uint32_t val); /* 0, -1 on OOM */
uint32_t dict_map_get(const dict_map *m, uint32_t key);    /* DICT_NONE if absent */
void dict_map_free(dict_map *m);

struct dyad_dict {
    /* interned strings: bytes in the arena, index by id, hash of ids */
    arena text;
    const char **strs;
    uint32_t *lens;
    size_t nstrs, cap_strs;
    uint32_t *slots;   /* id + 1, 0 = empty */
    size_t nslots;

    dict_vec tokens;                     /* dict_token             */
    dict_vec phrases[DICT_PH_KINDS];     /* dict_phrase            */
    dict_vec actors, actor_codes, agents, substs, subst_values;
    dict_vec blocks, verbs, synsets, transforms, issue_categories;
    dict_vec labels, project;
    dict_vec files;                      /* dict_file              */
    dict_map synset_by_name;             /* name id -> synset      */
    dict_map subst_by_name;              /* name id -> subst       */
    dict_options options;
    size_t project_depth;                /* projects loading projects */
    /* Set when the dictionary was loaded from a compiled image
     * (dict_image.c): strings live in the map until dict_free(), and while
     * image_arrays is true the arrays above point into it, read-only, so
     * anything that grows them must call dict_image_detach() first. */
    struct dict_image_map *image;
    bool image_arrays;
};

uint32_t dict_intern(dyad_dict *d, const char *s, size_t len); /* DICT_NONE on OOM */

/* ---- the loader ---------------------------------------------------------- */

typedef struct dict_loader {
    dyad_dict *d;
    uint32_t file;              /* index in d->files                       */
    const char *name;           /* file name as given                      */
    const char *dir;            /* directory of the file (for projects)    */
    dict_syntax syntax;
    dict_kind kind;
    const dict_load_options *opt;
    size_t line;                /* current 1-based line                    */
    bool stop;                  /* strict error or out of memory           */
    bool repaired_this_line;    /* one warning per line for bad bytes      */
    sbuf word;                  /* scratch: a normalised word              */
    sbuf expand;                /* scratch: substitution expansion         */
    sbuf uncommented;           /* scratch: a line without its <!-- -->    */
} dict_loader;

dict_counts *dict_loader_counts(dict_loader *L);

void dict_error(dict_loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dict_warning(dict_loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Out of memory: reported once, and the load stops. */
void dict_oom(dict_loader *L);

/* ---- lines ------------------------------------------------------------------ */

typedef struct dict_lines {
    const char *p, *end;
    size_t line;           /* number of the line last returned            */
    size_t comment_line;   /* where an open <!-- comment started, or 0    */
} dict_lines;

void dict_lines_init(dict_lines *it, const char *data, size_t len);
/* Next physical line without its terminator (\n, \r\n or a lone \r). */
bool dict_lines_next(dict_lines *it, const char **s, size_t *n);

/* Skips SGML comments and declarations: a line starting with "<!" (a
 * "<!--" without "-->" opens a comment closed by a later line holding
 * "-->").  Returns true when the whole line is comment.  PETRARCH files
 * may also hold `<!-- ... -->` inside a line: the line is then given back
 * in (*s, *n) without them (a copy in L->uncommented), and the text after
 * a closing "-->" is read. */
bool dict_skip_markup_comment(dict_loader *L, dict_lines *it, const char **s, size_t *n);
/* At the end of the file: reports a comment never closed. */
void dict_lines_finish(dict_loader *L, dict_lines *it);

static inline bool dict_is_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
void dict_trim(const char **s, size_t *n);
/* Cuts a comment outside [...] : ';' (both syntaxes; PETRARCH files
 * inherited a few) and, for PETRARCH, '#'.  Returns the new length. */
size_t dict_strip_comment(const char *s, size_t n, dict_syntax syntax);
/* The common start of a line of an actor or TABARI verb file in syntax:
 * SGML comments, '#' lines (and TABARI's '/' lines) skipped, a ';'
 * comment cut, the end right-trimmed (left spaces kept).  Returns 0 to
 * go on with (s, n), 1 to skip the line, 2 at TABARI's end mark (~FINISH,
 * manual 5.2). */
int dict_prepare_line(dict_loader *L, dict_lines *it, const char **s, size_t *n, dict_syntax syntax);
/* Counts the lines after the end mark as ignored. */
void dict_ignore_rest(dict_loader *L, dict_lines *it);

/* ---- phrases ------------------------------------------------------------------ */

enum {
    DICT_CTX_PATTERN  = 1u << 0, /* * $ + % ^ @ and &SYNSET allowed         */
    DICT_CTX_SYNSETS  = 1u << 1, /* &SYNSET references allowed              */
    DICT_CTX_ACTORS   = 1u << 2, /* $ + % ^ allowed as actor slots          */
    DICT_CTX_VERB     = 1u << 3, /* PETRARCH '+WORD' marks the verb word    */
    DICT_CTX_ISSUE    = 1u << 4, /* 'n:', 'v:', 'a+b'                        */
    DICT_CTX_HYPHENS  = 1u << 5, /* TABARI: '-' inside a phrase is a '_'    */
    DICT_CTX_TABARI_ALT = 1u << 6, /* { a | b } alternatives                */
    DICT_CTX_PETRARCH_GROUPS = 1u << 7 /* {noun phrase} (prep phrase)       */
};

/* Parses words and connectors into tokens appended to d->tokens; fills
 * ph->first and ph->n.  On a malformed phrase reports an error, removes
 * what it appended and returns -1. */
int dict_parse_phrase(dict_loader *L, const char *s, size_t n, unsigned ctx,
                      dict_phrase *ph);

/* Appends a phrase of the given kind (copy of *ph with file and line
 * set); returns its index, DICT_NONE on OOM. */
uint32_t dict_add_phrase(dict_loader *L, dict_phrase_kind kind, const dict_phrase *ph);

/* Normalises and interns one word (lower case, U+FFFD for bad bytes). */
uint32_t dict_intern_word(dict_loader *L, const char *s, size_t n);

/* ---- codes ------------------------------------------------------------------------ */

/* What may stand inside [...]. */
typedef enum dict_code_use {
    DICT_CODE_EVENT,   /* 042, 042:043, 111!, 023?, :054, ---, ###, +++    */
    DICT_CODE_TIME,    /* TABARI <TIME>: -7, +30, or a special code        */
    DICT_CODE_ACTOR,   /* USAGOV, GME/GMW, abk, special; with dates        */
    DICT_CODE_AGENT,   /* ~GOV or NGO~                                     */
    DICT_CODE_ISSUE    /* EARLY_CHILDHOOD_EDUCATION, 367                   */
} dict_code_use;

typedef struct dict_code_block {
    uint32_t code;     /* string id                                        */
    int32_t from, to;  /* dates for actors                                 */
    bool dated;
} dict_code_block;

/* Parses the text between '[' and ']' (exclusive). Reports and returns
 * -1 when malformed. */
int dict_parse_code(dict_loader *L, const char *s, size_t n, dict_code_use use,
                    dict_code_block *out);

/* Splits "PHRASE [CODE] [CODE]..." : *phrase_len gets the length before
 * the first '[' (or '{' when stop_at_brace); code blocks are parsed into
 * out (at most max; *nout gets the count).  Text after the last ']' must
 * be blank.  Returns 0, or -1 after reporting an error. `close_alt` lets
 * agents accept "[~ENV}" (a '}' closing the code, as in PETRARCH's own
 * documentation) with a warning. */
typedef struct dict_code_list {
    dict_code_block *v;
    size_t n, cap;
} dict_code_list;
int dict_split_codes(dict_loader *L, const char *s, size_t n, size_t codes_from,
                     dict_code_use use, bool close_alt, dict_code_list *out);
void dict_code_list_free(dict_code_list *l);

/* ---- readers ---------------------------------------------------------------------- */

void dict_read_tabari_verbs(dict_loader *L, const char *data, size_t len);
void dict_read_tabari_options(dict_loader *L, const char *data, size_t len);
void dict_read_tabari_project(dict_loader *L, const char *data, size_t len);
void dict_read_petrarch_verbs(dict_loader *L, const char *data, size_t len);
void dict_read_actors(dict_loader *L, const char *data, size_t len);   /* both syntaxes */
void dict_read_agents(dict_loader *L, const char *data, size_t len);   /* both syntaxes */
void dict_read_discards(dict_loader *L, const char *data, size_t len);
void dict_read_issues(dict_loader *L, const char *data, size_t len);   /* both syntaxes */

/* Code strings as written in the dict's table: "---". */
uint32_t dict_null_code(dyad_dict *d);

#endif
