/*
 * json_parse.h -- a strict JSON (RFC 8259) parser over one in-memory line,
 * for the JSONL reader.  There is no recursion: nested values are skipped
 * with an explicit stack of bounded depth, so input cannot exhaust the C
 * stack.
 */
#ifndef DYAD_READ_JSON_PARSE_H
#define DYAD_READ_JSON_PARSE_H

#include "../internal.h"

/* Deeper nesting is rejected: no real record needs it, and the cap bounds
 * the parser's memory. */
#define JSONP_MAX_DEPTH 512

typedef struct jsonp {
    const char *start, *p, *end;
    const char *error; /* static text of the first error, NULL if none */
} jsonp;

void jsonp_init(jsonp *j, const char *s, size_t n);
void jsonp_skip_space(jsonp *j);
/* Next byte, or -1 at the end. */
static inline int jsonp_peek(const jsonp *j)
{
    return j->p < j->end ? (unsigned char)*j->p : -1;
}
/* 1-based column of the current position (for messages). */
size_t jsonp_column(const jsonp *j);

/* Each parser returns false and sets j->error on malformed input. */

/* A string literal (j->p at its '"'), decoded into out (appended; NULL to
 * only check it).  Lone surrogates become U+FFFD. */
bool jsonp_string(jsonp *j, sbuf *out);
/* A number; its text is [*text, *text + *len). */
bool jsonp_number(jsonp *j, const char **text, size_t *len);
/* true, false or null: the word that was read is returned in *word. */
bool jsonp_literal(jsonp *j, const char **word);
/* Any value, checked and discarded. */
bool jsonp_skip_value(jsonp *j);

#endif
