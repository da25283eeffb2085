/*
 * segment.c -- sentence boundaries in news English.
 *
 * Works on tokens, after the tokenizer has decided which periods belong to
 * abbreviations.  A sentence ends at . ! ? or ... (with any closing quotes
 * and brackets after it) unless the next word starts in lower case, as in
 * `"Why?" he asked`.  After an abbreviation the sentence ends only when a
 * typical sentence opener follows ("in the U.S. The ..."), never after a
 * title ("Gen. Smith") or a month before a number ("Jan. 26").
 */
#include "../internal.h"

static bool norm_is(const dyad_token *t, const char *s)
{
    size_t n = strlen(s);
    return t->norm_len == n && memcmp(t->norm, s, n) == 0;
}

static bool is_terminator(const dyad_token *t)
{
    return norm_is(t, ".") || norm_is(t, "!") || norm_is(t, "?") || norm_is(t, "...");
}

static bool is_closer(const dyad_token *t)
{
    return norm_is(t, "''") || norm_is(t, "'") || norm_is(t, ")") || norm_is(t, "]") ||
           norm_is(t, "}");
}

static bool starts_lower(const dyad_token *t)
{
    return t->norm_len && ch_is_lower((unsigned char)t->norm[0]);
}

static bool word_in(const dyad_token *t, const char *const *list, size_t n)
{
    char low[16];
    if (t->norm_len >= sizeof low) return false;
    for (size_t i = 0; i < t->norm_len; i++) low[i] = (char)ch_lower((unsigned char)t->norm[i]);
    low[t->norm_len] = 0;
    for (size_t k = 0; k < n; k++)
        if (strcmp(list[k], low) == 0) return true;
    return false;
}

/* Abbreviations that introduce the next word and so never end a sentence. */
static const char *const prefix_abbreviations[] = {
    "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.", "maj.", "capt.",
    "sgt.", "adm.", "cmdr.", "cpl.", "pvt.", "gov.", "sen.", "rep.", "rev.", "hon.",
    "pres.", "supt.", "insp.", "amb.", "messrs.", "mme.", "st.", "mt.", "ft.", "no.",
    "nos.", "vs.", "cf.",
};

static const char *const months[] = {
    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.",
    "nov.", "dec.",
};

/* Words that typically open a sentence; after an ambiguous abbreviation
 * ("U.S.", "Inc.", "a.m.") one of these signals a new sentence. */
static const char *const openers[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and",
    "in", "on", "at", "this", "that", "these", "those", "his", "her", "its",
    "their", "our", "there", "however", "meanwhile", "according", "after",
    "before", "while", "when", "if", "as", "some", "many", "officials", "earlier",
    "later", "also", "both", "neither", "no", "so", "yet", "still", "since",
    "although", "though", "last", "on", "for", "separately", "moreover",
};

size_t segment_next(const dyad_token *toks, size_t n, size_t from, const char *text)
{
    (void)text;
    for (size_t i = from; i < n; i++) {
        if (i - from + 1 >= SENTENCE_MAX_TOKENS) return i + 1;
        const dyad_token *t = &toks[i];
        if (is_terminator(t)) {
            size_t j = i + 1;
            while (j < n && is_closer(&toks[j])) j++;
            if (j >= n) return n;
            if (starts_lower(&toks[j])) continue;
            /* "1. 2." lists and "... and" are rare; a closing bracket
             * right after the terminator has been absorbed above. */
            return j;
        }
        if ((t->flags & DYAD_TOKEN_ABBREV) && i + 1 < n) {
            const dyad_token *next = &toks[i + 1];
            if (word_in(t, prefix_abbreviations,
                        sizeof prefix_abbreviations / sizeof *prefix_abbreviations))
                continue;
            if (word_in(t, months, sizeof months / sizeof *months) &&
                (next->flags & DYAD_TOKEN_NUMERIC))
                continue;
            if (norm_is(next, "``") ||
                ((next->flags & DYAD_TOKEN_CAPITALIZED) &&
                 word_in(next, openers, sizeof openers / sizeof *openers)))
                return i + 1;
        }
    }
    return n;
}
