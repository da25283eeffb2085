/*
 * quote.h -- quotations and who said them.  Prefix: quote_.
 *
 * News attributes words in a handful of shapes, all handled here:
 *   "...," X said.          X said, "..."          "...," said X.
 *   "...," he added, "..."  (one speaker, a quote split around him)
 *   X said: "A. B."         (a quote over several sentences)
 *   "A.  /  "B."            (a quote continued in the next paragraph,
 *                            which opens with a quotation mark again)
 *   X told reporters that Y. X said Y.   (indirect speech)
 *   According to X, Y.  Y, according to X.
 * A pronoun speaker ("he said") is resolved to the last named speaker or
 * person before it.  Nested quotation marks stay inside their quote.
 */
#ifndef DYAD_QUOTE_H
#define DYAD_QUOTE_H

#include "dyad.h"
#include "internal.h"
#include <stdbool.h>

/* The library's types under this module's names. */
typedef dyad_quote quote;
typedef dyad_quote_kind quote_kind;
#define QUOTE_DIRECT DYAD_QUOTE_DIRECT
#define QUOTE_INDIRECT DYAD_QUOTE_INDIRECT
#define QUOTE_ACCORDING DYAD_QUOTE_ACCORDING
#define quote_kind_name dyad_quote_kind_name

/* Finds the quotations of an analysed document (chunk level), in text
 * order; *out is allocated from a and valid as long as it.  Returns the
 * number found, or -1 when memory ran out.  Linear in the document. */
long quote_find(arena *a, const dyad_analysis *an, quote **out);

/* True for the lemma of a verb of saying ("say", "tell", "warn", ...). */
bool quote_is_speech_verb(const char *lemma);

#endif
