/*
 * dates.c -- finding date expressions in a sentence's tokens and resolving
 * them against the article's date (when.h).
 *
 * The finder is a left-to-right scan that tries, at each token, the forms
 * news writes, longest first, and never backtracks more than a few tokens:
 * linear in the sentence.  It works on the tokens' normalised forms, so
 * "Jan." and "January", "26th" and "26" are told apart by their spelling
 * alone, whatever their part-of-speech tags (taggers often miss dates in
 * headlines).
 */
#include "when.h"
#include "../internal.h"

#include <string.h>
#include <strings.h>

const char *dyad_precision_name(dyad_precision p)
{
    switch (p) {
    case DYAD_PRECISION_YEAR: return "year";
    case DYAD_PRECISION_MONTH: return "month";
    case DYAD_PRECISION_WEEK: return "week";
    case DYAD_PRECISION_DAY: return "day";
    default: return "none";
    }
}

/* ---- words ---------------------------------------------------------------- */

/* 1-12 for a month name or its abbreviation ("Jan.", "Sept") spelt by
 * the n bytes at w, else 0. */
static int month_named(const char *w, size_t len)
{
    static const char *const full[] = {"january", "february", "march", "april", "may", "june",
                                       "july", "august", "september", "october", "november",
                                       "december"};
    static const char *const abbr[] = {"jan", "feb", "mar", "apr", NULL, "jun", "jul", "aug",
                                       "sep", "oct", "nov", "dec"};
    /* months start with one of these letters and are 3 to 10 bytes long */
    unsigned char c0 = len ? (unsigned char)ch_lower((unsigned char)w[0]) : 0;
    if (!c0 || !memchr("jfmasond", c0, 8) || len < 3 || len > 10) return 0;
    char low[12];
    size_t n = 0;
    for (; n < len && w[n]; n++) low[n] = (char)ch_lower((unsigned char)w[n]);
    if (n && low[n - 1] == '.') n--;
    low[n] = 0;
    for (int m = 0; m < 12; m++) {
        if (strcmp(low, full[m]) == 0) return m + 1;
        if (abbr[m] && strcmp(low, abbr[m]) == 0) return m + 1;
    }
    if (strcmp(low, "sept") == 0) return 9;
    return 0;
}

/* 1-12 for a month name token.  "May" and "March" are months only where
 * the caller's context says so. */
static int month_of(const dyad_token *t) { return month_named(t->norm, t->norm_len); }

/* 0 Monday .. 6 Sunday, or -1. */
static int weekday_of(const dyad_token *t)
{
    static const char *const names[] = {"monday", "tuesday", "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
    for (int d = 0; d < 7; d++)
        if (token_is(t, names[d])) return d;
    return -1;
}

/* A day of the month: "26", "26th", "1st", "2nd", "3rd"; 0 if not. */
static int day_of(const dyad_token *t, bool *ordinal)
{
    const char *w = t->norm;
    int v = 0, digits = 0;
    while (ch_is_digit((unsigned char)w[digits]) && digits < 3) v = v * 10 + (w[digits++] - '0');
    if (digits == 0 || digits > 2 || v < 1 || v > 31) return 0;
    const char *rest = w + digits;
    *ordinal = false;
    if (*rest == 0) return v;
    static const char *const sufs[] = {"st", "nd", "rd", "th"};
    for (int i = 0; i < 4; i++) {
        if (ch_lower((unsigned char)rest[0]) == sufs[i][0] &&
            ch_lower((unsigned char)rest[1]) == sufs[i][1] && rest[2] == 0) {
            *ordinal = true;
            return v;
        }
    }
    return 0;
}

/* A span of days of one month written as one token: "3-4", "12-14";
 * fills the first and last day. */
static bool day_range_of(const dyad_token *t, int *first, int *last)
{
    const char *w = t->norm;
    int a = 0, b = 0, na = 0, nb = 0;
    while (ch_is_digit((unsigned char)*w) && na < 3) a = a * 10 + (*w++ - '0'), na++;
    if (!na || na > 2 || *w != '-') return false;
    w++;
    while (ch_is_digit((unsigned char)*w) && nb < 3) b = b * 10 + (*w++ - '0'), nb++;
    if (!nb || nb > 2 || *w || a < 1 || b > 31 || a >= b) return false;
    *first = a;
    *last = b;
    return true;
}

/* A year written in full: 1900-2099. */
static int year_named(const char *w)
{
    for (int i = 0; i < 4; i++)
        if (!ch_is_digit((unsigned char)w[i])) return 0;
    if (w[4]) return 0;
    int y = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
    return y >= 1900 && y <= 2099 ? y : 0;
}

static int year_of(const dyad_token *t) { return year_named(t->norm); }

/* A date written in figures as one token, with a year in full:
 * "2024-03-05" (ISO), "25.12.2023" (day first, as Europe writes it with
 * dots), "12/25/2023" or "25/12/2023" (slashes: American month first or
 * day first, told apart only when one of the two numbers exceeds 12 or
 * both are the same -- "3/4/2022" could be either and is left alone).
 * Fills *p and returns true when the token is one. */
static bool numeric_date(const dyad_token *t, when_point *p)
{
    const char *w = t->norm;
    int a = 0, b = 0, na = 0, nb = 0;
    if (t->norm_len == 10 && w[4] == '-' && w[7] == '-') {
        int y = 0;
        for (int i = 0; i < 4; i++) {
            if (!ch_is_digit((unsigned char)w[i])) return false;
            y = y * 10 + (w[i] - '0');
        }
        for (int i = 5; i < 10; i++) {
            if (i == 7) continue;
            if (!ch_is_digit((unsigned char)w[i])) return false;
        }
        int m = (w[5] - '0') * 10 + (w[6] - '0'), d = (w[8] - '0') * 10 + (w[9] - '0');
        if (y < 1900 || y > 2099 || !cal_valid_ymd(y * 10000 + m * 100 + d)) return false;
        p->kind = WHEN_ABSOLUTE;
        p->year = (int16_t)y;
        p->month = (int8_t)m;
        p->day = (int8_t)d;
        return true;
    }
    const char *k = w;
    while (ch_is_digit((unsigned char)*k) && na < 3) a = a * 10 + (*k++ - '0'), na++;
    char sep = *k;
    if (!na || na > 2 || (sep != '/' && sep != '.')) return false;
    k++;
    while (ch_is_digit((unsigned char)*k) && nb < 3) b = b * 10 + (*k++ - '0'), nb++;
    if (!nb || nb > 2 || *k != sep) return false;
    int y = year_named(k + 1);
    if (!y) return false;
    int d, m;
    if (sep == '.' || a > 12 || a == b) d = a, m = b;
    else if (b > 12) d = b, m = a;
    else return false;
    if (m < 1 || m > 12 || !cal_valid_ymd(y * 10000 + m * 100 + d)) return false;
    p->kind = WHEN_ABSOLUTE;
    p->year = (int16_t)y;
    p->month = (int8_t)m;
    p->day = (int8_t)d;
    return true;
}

/* Small counts written as words or digits: "two days ago", "3 weeks". */
static int count_of(const dyad_token *t)
{
    static const char *const words[] = {"zero", "one", "two", "three", "four", "five", "six",
                                        "seven", "eight", "nine", "ten", "eleven", "twelve"};
    for (int i = 1; i < 13; i++)
        if (token_is(t, words[i])) return i;
    if (token_is(t, "a") || token_is(t, "an")) return 1;
    if (token_is(t, "several") || token_is(t, "few")) return 3;
    const char *w = t->norm;
    int v = 0, k = 0;
    while (ch_is_digit((unsigned char)w[k]) && k < 4) v = v * 10 + (w[k++] - '0');
    return k > 0 && w[k] == 0 && v > 0 && v < 1000 ? v : 0;
}

static int unit_of(const dyad_token *t)
{
    if (token_is(t, "day") || token_is(t, "days")) return WHEN_UNIT_DAY;
    if (token_is(t, "week") || token_is(t, "weeks")) return WHEN_UNIT_WEEK;
    if (token_is(t, "month") || token_is(t, "months")) return WHEN_UNIT_MONTH;
    if (token_is(t, "year") || token_is(t, "years")) return WHEN_UNIT_YEAR;
    return -1;
}

/* last -1, this 0, next +1, else -2. */
static int relative_of(const dyad_token *t)
{
    if (token_is(t, "last") || token_is(t, "past") || token_is(t, "previous")) return -1;
    if (token_is(t, "this") || token_is(t, "current")) return 0;
    if (token_is(t, "next") || token_is(t, "coming")) return 1;
    return -2;
}

/* ---- matching one point ---------------------------------------------------- */

typedef struct scan {
    const dyad_token *t;
    size_t n;
} scan;

static const dyad_token *at(const scan *s, size_t i) { return i < s->n ? &s->t[i] : NULL; }

/* Whether nothing the phrase could govern follows at token i: the end,
 * a stop, a comma, a colon or "and"/"but".  "The day before, ..." is a
 * day; "the day before the vote" names the vote's. */
static bool phrase_ends(const scan *s, size_t i)
{
    const dyad_token *t = at(s, i);
    if (!t) return true;
    return t->tag == DYAD_TAG_COMMA || t->tag == DYAD_TAG_PERIOD || t->tag == DYAD_TAG_COLON ||
           t->tag == DYAD_TAG_RRB || token_is(t, ";") || token_is(t, "and") || token_is(t, "but") ||
           token_is(t, "when");
}

static bool part_of_day(const dyad_token *t)
{
    static const char *const parts[] = {"day", "night", "morning", "afternoon", "evening", NULL};
    return t && token_in(t, parts);
}

static bool is_verb_tag(uint8_t tag)
{
    return tag == DYAD_TAG_VB || tag == DYAD_TAG_VBD || tag == DYAD_TAG_VBG || tag == DYAD_TAG_VBN ||
           tag == DYAD_TAG_VBP || tag == DYAD_TAG_VBZ;
}

/* Days counted from the story's day: the day of the happening it told
 * last, which a narrative moves on from ("Police arrested him on Monday.
 * The next day ...").  The forms:
 *   the day before|earlier, the previous|prior|preceding day (-1),
 *   the night before (-1), the day after, the next|following day (+1),
 *   the same day|night..., that day|night|morning|afternoon|evening (0),
 *   earlier|later in the day (0), N days earlier|later (+-N),
 *   N days before|after closing a phrase (+-N), [N] hours earlier|later (0).
 * Returns the index after the form, else i. */
static size_t story_day_form(const scan *s, size_t i, when_point *p)
{
    const dyad_token *t = at(s, i), *t1 = at(s, i + 1), *t2 = at(s, i + 2), *t3 = at(s, i + 3);
    int n = 0;
    size_t j = i;
    /* every form opens with "the", "that", "earlier", "later" or "hours",
     * or has "day(s)" or "hour(s)" second: most tokens are passed over
     * on their first letters */
    int c0 = ch_lower((unsigned char)t->norm[0]), c1 = t1 ? ch_lower((unsigned char)t1->norm[0]) : 0;
    if (c0 != 't' && c0 != 'e' && c0 != 'l' && c0 != 'h' && c1 != 'd' && c1 != 'h') return i;
    if (token_is(t, "the") && t1 && t2) {
        static const char *const before[] = {"previous", "prior", "preceding", NULL};
        static const char *const after[] = {"next", "following", NULL};
        if (part_of_day(t1) && !token_is(t1, "afternoon") &&
            (token_is(t2, "before") || token_is(t2, "after") || token_is(t2, "earlier") ||
             token_is(t2, "prior")) &&
            phrase_ends(s, i + 3)) {
            n = token_is(t2, "after") ? 1 : -1;
            j = i + 3;
        } else if (part_of_day(t2) && token_in(t1, before)) {
            n = -1;
            j = i + 3;
        } else if (part_of_day(t2) && token_in(t1, after)) {
            n = 1;
            j = i + 3;
        } else if (part_of_day(t2) && token_is(t1, "same")) {
            j = i + 3;
        } else if (token_is(t2, "week") && (token_in(t1, before) || token_in(t1, after))) {
            /* "the following week", "the previous week" */
            n = token_in(t1, after) ? 1 : -1;
            p->unit = WHEN_UNIT_WEEK;
            j = i + 3;
        } else if (token_is(t1, "week") && (token_is(t2, "before") || token_is(t2, "after")) &&
                   phrase_ends(s, i + 3)) {
            n = token_is(t2, "after") ? 1 : -1;
            p->unit = WHEN_UNIT_WEEK;
            j = i + 3;
        }
    } else if (token_is(t, "that") && part_of_day(t1)) {
        /* "said that night raids ..." is no day: after a verb the phrase
         * must close */
        if (i == 0 || !is_verb_tag(s->t[i - 1].tag) || phrase_ends(s, i + 2)) j = i + 2;
    } else if ((token_is(t, "earlier") || token_is(t, "later")) && t1 && t2 && token_is(t1, "in") && token_is(t2, "the") &&
               t3 && token_is(t3, "day")) {
        j = i + 4;
    } else {
        /* "N days later", "[N] hours earlier": the unit word first, the
         * cheaper test */
        bool days1 = t1 && (token_is(t1, "day") || token_is(t1, "days"));
        bool hours0 = token_is(t, "hours") || token_is(t, "hour");
        bool hours1 = !days1 && t1 && (token_is(t1, "hours") || token_is(t1, "hour"));
        int c = days1 || hours1 ? count_of(t) : 0;
        const dyad_token *tr = days1 || hours1 ? t2 : hours0 ? t1 : NULL;
        size_t after = days1 || hours1 ? i + 3 : i + 2;
        if (days1 && c && tr) {
            if (token_is(tr, "later")) n = c, j = after;
            else if (token_is(tr, "earlier")) n = -c, j = after;
            else if (token_is(tr, "after") && phrase_ends(s, after)) n = c, j = after;
            else if (token_is(tr, "before") && phrase_ends(s, after)) n = -c, j = after;
        } else if (((hours1 && c) || hours0) && tr && (token_is(tr, "later") || token_is(tr, "earlier"))) {
            j = after;
        }
    }
    if (j == i) {
        p->unit = 0;
        return i;
    }
    p->kind = WHEN_STORY_DAY;
    p->n = (int16_t)n;
    return j;
}

/* Tries the forms at token i; on success fills *p and returns the index
 * after the expression, else returns i. */
/* "March 16 last year", "3 May next year": the year named by its place
 * from the article's (rel in p); returns the index after it, or j. */
static size_t year_after_day(const scan *s, size_t j, when_point *p)
{
    const dyad_token *a = at(s, j), *b = at(s, j + 1);
    int r;
    if (!a || !b || (r = relative_of(a)) == -2 || !token_is(b, "year")) return j;
    p->rel = (int8_t)r;
    p->rel_given = true;
    return j + 2;
}

static size_t match_point(const scan *s, size_t i, when_point *p)
{
    const dyad_token *t = at(s, i), *t1 = at(s, i + 1), *t2 = at(s, i + 2), *t3 = at(s, i + 3);
    memset(p, 0, sizeof *p);
    if (!t) return i;
    bool ord = false;
    int m, d, y, w, r, u, c;

    if (ch_is_digit((unsigned char)t->norm[0]) && numeric_date(t, p)) return i + 1;

    /* MONTH DAY [,] [YEAR]  |  MONTH YEAR  |  MONTH (needs "in"/"early"... before) */
    if ((m = month_of(t)) != 0) {
        bool cap = (t->flags & DYAD_TOKEN_CAPITALIZED) != 0;
        if (t1 && (d = day_of(t1, &ord)) != 0 && cap) {
            p->kind = WHEN_ABSOLUTE;
            p->month = (int8_t)m;
            p->day = (int8_t)d;
            size_t j = i + 2;
            if (t2 && t2->norm[0] == ',' && t2->norm[1] == 0 && t3 && (y = year_of(t3)) != 0) {
                p->year = (int16_t)y;
                j = i + 4;
            } else if (t2 && (y = year_of(t2)) != 0) {
                p->year = (int16_t)y;
                j = i + 3;
            } else {
                j = year_after_day(s, j, p);
            }
            return j;
        }
        int d2;
        if (t1 && cap && day_range_of(t1, &d, &d2)) {
            p->kind = WHEN_ABSOLUTE;
            p->month = (int8_t)m;
            p->day = (int8_t)d;
            p->day_end = (int8_t)d2;
            if (t2 && t2->norm[0] == ',' && t2->norm[1] == 0 && t3 && (y = year_of(t3)) != 0) {
                p->year = (int16_t)y;
                return i + 4;
            }
            if (t2 && (y = year_of(t2)) != 0) {
                p->year = (int16_t)y;
                return i + 3;
            }
            return i + 2;
        }
        if (t1 && (y = year_of(t1)) != 0 && cap) {
            p->kind = WHEN_ABSOLUTE;
            p->month = (int8_t)m;
            p->year = (int16_t)y;
            return i + 2;
        }
        return i;
    }

    /* "last December", "this June", "next March": the month nearest
     * before, in, or after the article's year */
    if ((r = relative_of(t)) != -2 && t1 && (m = month_of(t1)) != 0 && (t1->flags & DYAD_TOKEN_CAPITALIZED) &&
        !token_is(t, "past") && !token_is(t, "coming")) {
        p->kind = WHEN_ABSOLUTE;
        p->month = (int8_t)m;
        p->rel = (int8_t)r;
        p->rel_given = true;
        return i + 2;
    }

    /* DAY MONTH [YEAR]: "26 January 2022", "3-4 March" */
    int dr = 0;
    if (((d = day_of(t, &ord)) != 0 || day_range_of(t, &d, &dr)) && t1 && (m = month_of(t1)) != 0 &&
        (t1->flags & DYAD_TOKEN_CAPITALIZED)) {
        p->kind = WHEN_ABSOLUTE;
        p->day = (int8_t)d;
        p->day_end = (int8_t)dr;
        p->month = (int8_t)m;
        if (t2 && (y = year_of(t2)) != 0) {
            p->year = (int16_t)y;
            return i + 3;
        }
        return year_after_day(s, i + 2, p);
    }

    /* "the 26th" [of MONTH | of last/this/next month] */
    if (token_is(t, "the") && t1 && (d = day_of(t1, &ord)) != 0 && ord) {
        if (t2 && token_is(t2, "of") && t3) {
            if ((m = month_of(t3)) != 0) {
                p->kind = WHEN_ABSOLUTE;
                p->day = (int8_t)d;
                p->month = (int8_t)m;
                const dyad_token *t4 = at(s, i + 4);
                if (t4 && (y = year_of(t4)) != 0) {
                    p->year = (int16_t)y;
                    return i + 5;
                }
                return i + 4;
            }
            const dyad_token *t4 = at(s, i + 4);
            if ((r = relative_of(t3)) != -2 && t4 && token_is(t4, "month")) {
                p->kind = WHEN_ORDINAL_DAY;
                p->day = (int8_t)d;
                p->rel = (int8_t)r;
                p->rel_given = true;
                return i + 5;
            }
        }
        /* an ordinal that modifies a noun is a rank, not a day: "the
         * 15th anniversary", "the 21st century", "the 3rd Brigade" */
        if (t2 && (t2->tag == DYAD_TAG_NN || t2->tag == DYAD_TAG_NNS || t2->tag == DYAD_TAG_NNP ||
                   t2->tag == DYAD_TAG_NNPS || t2->tag == DYAD_TAG_JJ || t2->tag == DYAD_TAG_CD))
            return i;
        p->kind = WHEN_ORDINAL_DAY;
        p->day = (int8_t)d;
        return i + 2;
    }

    /* "the weekend", "last weekend": Saturday to Sunday */
    if (t1 && token_is(t1, "weekend") &&
        (token_is(t, "the") || token_is(t, "this") || (r = relative_of(t)) == -1 || r == 1)) {
        p->kind = WHEN_WEEKDAY;
        p->weekday = 5;
        p->rel = (int8_t)(token_is(t, "the") || token_is(t, "this") ? 0 : r);
        p->day_end = 1;
        return i + 2;
    }

    /* [last|next|this] WEEKDAY [morning|night|...] */
    if ((r = relative_of(t)) != -2 && t1 && (w = weekday_of(t1)) >= 0) {
        p->kind = WHEN_WEEKDAY;
        p->weekday = (int8_t)w;
        p->rel = (int8_t)(r == 0 ? 0 : r);
        size_t j = i + 2;
        static const char *const parts[] = {"morning", "afternoon", "evening", "night", NULL};
        if (t2 && token_in(t2, parts)) j++;
        return j;
    }
    if ((w = weekday_of(t)) >= 0) {
        p->kind = WHEN_WEEKDAY;
        p->weekday = (int8_t)w;
        size_t j = i + 1;
        static const char *const parts[] = {"morning", "afternoon", "evening", "night", NULL};
        if (t1 && token_in(t1, parts)) j++;
        /* "Monday last week", "Tuesday of next week": that day of the
         * week before or after the article's */
        const dyad_token *a = at(s, j);
        size_t k = a && token_is(a, "of") ? j + 1 : j;
        const dyad_token *b = at(s, k), *c2 = at(s, k + 1);
        if (b && c2 && token_is(c2, "week") && (token_is(b, "last") || token_is(b, "next"))) {
            p->rel = token_is(b, "last") ? -2 : 2;
            j = k + 2;
        }
        return j;
    }

    /* "the next day", "that night", "two days later": days counted from
     * the story's own day rather than the article's */
    size_t k = story_day_form(s, i, p);
    if (k != i) return k;

    /* yesterday / today / tomorrow / tonight / "last night" */
    if (token_is(t, "yesterday")) { p->kind = WHEN_DAY_OFFSET; p->n = -1; return i + 1; }
    if (token_is(t, "today") || token_is(t, "tonight")) { p->kind = WHEN_DAY_OFFSET; p->n = 0; return i + 1; }
    if (token_is(t, "tomorrow")) { p->kind = WHEN_DAY_OFFSET; p->n = 1; return i + 1; }
    if (token_is(t, "last") && t1 && token_is(t1, "night")) {
        p->kind = WHEN_DAY_OFFSET;
        p->n = -1;
        return i + 2;
    }
    if (token_is(t, "this") && t1 &&
        (token_is(t1, "morning") || token_is(t1, "afternoon") || token_is(t1, "evening"))) {
        p->kind = WHEN_DAY_OFFSET;
        p->n = 0;
        return i + 2;
    }

    /* [earlier|later] last/this/next week|month|year */
    if ((r = relative_of(t)) != -2 && t1 && (u = unit_of(t1)) > WHEN_UNIT_DAY &&
        !token_is(t1, "weeks") && !token_is(t1, "months") && !token_is(t1, "years")) {
        p->kind = WHEN_UNIT_OFFSET;
        p->unit = (uint8_t)u;
        p->n = (int16_t)r;
        return i + 2;
    }
    /* "earlier in the week", "later in the year": this one */
    if ((token_is(t, "earlier") || token_is(t, "later")) && t1 && t2 && t3 && token_is(t1, "in") &&
        token_is(t2, "the") && (u = unit_of(t3)) > WHEN_UNIT_DAY && !token_is(t3, "weeks") &&
        !token_is(t3, "months") && !token_is(t3, "years")) {
        p->kind = WHEN_UNIT_OFFSET;
        p->unit = (uint8_t)u;
        p->n = 0;
        return i + 4;
    }
    if ((token_is(t, "earlier") || token_is(t, "later")) && t1 && t2 &&
        (r = relative_of(t1)) != -2 && (u = unit_of(t2)) > WHEN_UNIT_DAY) {
        p->kind = WHEN_UNIT_OFFSET;
        p->unit = (uint8_t)u;
        p->n = (int16_t)r;
        return i + 3;
    }

    /* N units ago / N units earlier (days earlier are the story's) */
    bool ago = t2 && token_is(t2, "ago");
    if (t2 && (ago || token_is(t2, "earlier")) && (u = unit_of(t1)) >= WHEN_UNIT_DAY && (c = count_of(t)) != 0) {
        if (u == WHEN_UNIT_DAY && !ago) return i;
        p->kind = u == WHEN_UNIT_DAY ? WHEN_DAY_OFFSET : WHEN_UNIT_OFFSET;
        p->unit = (uint8_t)u;
        p->n = (int16_t)-c;
        return i + 3;
    }

    /* "in 2019", "in March", "in early March", "since 2014" are handled by
     * the caller, which knows the preposition. */
    return i;
}

/* Bare months and years are dates only after a preposition that takes a
 * time ("in March", "by 2030", "since January"): "March" alone is also a
 * verb and a noun, "2019" alone may be a count. */
static size_t match_in_month_or_year(const scan *s, size_t i, when_point *p)
{
    const dyad_token *t = at(s, i);
    static const char *const preps[] = {"in", "since", "by", "until", "during", "from",
                                        "before", "after", NULL};
    if (!t || !token_in(t, preps)) return i;
    size_t j = i + 1;
    const dyad_token *u = at(s, j);
    static const char *const mods[] = {"early", "mid", "late", "mid-", NULL};
    if (u && token_in(u, mods)) u = at(s, ++j);
    if (!u) return i;
    int m = month_of(u), y = 0;
    /* "mid-February", "late-2023": one token */
    const char *dash = u->norm_len > 4 && u->norm_len < 24 ? memchr(u->norm, '-', 6) : NULL;
    if (!m && dash) {
        size_t pre = (size_t)(dash - u->norm);
        bool mod = (pre == 3 && !strncasecmp(u->norm, "mid", 3)) ||
                   (pre == 4 && !strncasecmp(u->norm, "late", 4)) ||
                   (pre == 5 && !strncasecmp(u->norm, "early", 5));
        const char *rest = dash + 1;
        size_t len = u->norm_len - pre - 1;
        if (mod && ch_is_upper((unsigned char)rest[0])) m = month_named(rest, len);
        else if (mod) y = year_named(rest);
        if (mod && !m && !y) return i;
    } else if (m && !(u->flags & DYAD_TOKEN_CAPITALIZED)) {
        m = 0;
    }
    if (!m && !y) y = year_of(u);
    if (!m && !y) return i;
    memset(p, 0, sizeof *p);
    p->kind = WHEN_ABSOLUTE;
    if (!m) {
        p->year = (int16_t)y;
        return j + 1;
    }
    /* a month, and its year when one follows ("March 2022") */
    p->month = (int8_t)m;
    const dyad_token *v = at(s, j + 1);
    if (v && (y = year_of(v)) != 0) {
        p->year = (int16_t)y;
        return j + 2;
    }
    return j + 1;
}

/* "(local time)" after an expression belongs to it. */
static size_t skip_local_time(const scan *s, size_t j)
{
    const dyad_token *a = at(s, j), *b = at(s, j + 1), *c = at(s, j + 2), *d = at(s, j + 3);
    if (a && b && c && d && a->tag == DYAD_TAG_LRB && token_is(b, "local") && token_is(c, "time") &&
        d->tag == DYAD_TAG_RRB)
        return j + 4;
    if (a && b && c && a->norm[0] == '(' && token_is(b, "local") && token_is(c, "time") && d &&
        d->norm[0] == ')')
        return j + 4;
    return j;
}

/* How far before its anchor word an expression may start ("from the
 * 15th of last month": "from" is 2 tokens before "15th"... "earlier this
 * month": 2). */
#define WHEN_ANCHOR_REACH 4

/* Whether a token could be part of a date expression at all: every
 * expression holds a number, a month or weekday name, or a word for a span
 * of time.  A sentence without one is passed over at a glance, which
 * spares the coder matching every token against the expression shapes. */
static bool temporal_anchor(const dyad_token *t)
{
    const char *w = t->norm;
    if (!w || !w[0]) return false;
    if (ch_is_digit((unsigned char)w[0])) return true;
    /* every anchor starts with one of these letters, and is 3-9 letters
     * long (10 with a stop: "Sept."), or is "mid-..." */
    unsigned char c0 = (unsigned char)ch_lower((unsigned char)w[0]);
    if (!memchr("adefhjlmnostwy", c0, 14) || t->norm_len < 3) return false;
    if (t->norm_len > 10 && c0 != 'm' && c0 != 'l' && c0 != 'e') return false;
    char low[12];
    size_t n = 0;
    for (; w[n] && n < sizeof low - 1; n++) low[n] = (char)ch_lower((unsigned char)w[n]);
    low[n] = 0;
    if (n >= 4 && !memcmp(low, "mid", 3)) return true; /* mid-March */
    if (n >= 6 && (!memcmp(low, "late-", 5) || !memcmp(low, "early-", 6))) return true;
    if (w[n] || n < 3) return false;                    /* no anchor is longer or shorter */
    if (low[n - 1] == '.') low[--n] = 0;                 /* "Jan." */
    /* by first letter: a handful of comparisons instead of fifty */
    static const char *const by_letter[26][12] = {
        ['a' - 'a'] = {"april", "apr", "august", "aug", "ago", "afternoon"},
        ['d' - 'a'] = {"day", "days", "december", "dec"},
        ['e' - 'a'] = {"evening"},
        ['f' - 'a'] = {"february", "feb", "friday"},
        ['h' - 'a'] = {"hours", "hour"},
        ['j' - 'a'] = {"january", "jan", "june", "jun", "july", "jul"},
        ['m' - 'a'] = {"march", "mar", "may", "monday", "month", "months", "morning"},
        ['n' - 'a'] = {"november", "nov", "night"},
        ['o' - 'a'] = {"october", "oct"},
        ['s' - 'a'] = {"september", "sept", "sep", "saturday", "sunday"},
        ['t' - 'a'] = {"tuesday", "thursday", "today", "tomorrow", "tonight"},
        ['w' - 'a'] = {"wednesday", "week", "weeks", "weekend"},
        ['y' - 'a'] = {"year", "years", "yesterday"},
    };
    if (low[0] < 'a' || low[0] > 'z') return false;
    const char *const *list = by_letter[low[0] - 'a'];
    for (size_t k = 0; k < 12 && list[k]; k++)
        if (!strcmp(low, list[k])) return true;
    return false;
}

size_t when_find(const dyad_sentence *sent, when_expr *out, size_t max)
{
    scan s = {sent->tokens, sent->ntokens};
    size_t found = 0;
    /* `anchor`: the first anchor at or after i (s.n when none); an
     * expression starting at i holds one within its first few tokens */
    size_t anchor = 0;
    for (size_t i = 0; i < s.n;) {
        if (anchor < i) anchor = i;
        while (anchor < s.n && !temporal_anchor(&s.t[anchor])) anchor++;
        if (anchor == s.n) break;
        if (anchor > i + WHEN_ANCHOR_REACH) {
            i = anchor - WHEN_ANCHOR_REACH;
            continue;
        }
        when_point p;
        size_t first = i;
        size_t j = match_point(&s, i, &p);
        if (j == i) {
            j = match_in_month_or_year(&s, i, &p);
            if (j != i) first = i + 1; /* the preposition is not the date */
        }
        if (j == i) {
            i++;
            continue;
        }
        /* "Sunday, March 3": the calendar date says which Sunday */
        if (p.kind == WHEN_WEEKDAY && !p.rel && !p.day_end) {
            const dyad_token *c = at(&s, j);
            size_t k = c && c->tag == DYAD_TAG_COMMA ? j + 1 : j;
            when_point q;
            size_t end = match_point(&s, k, &q);
            if (end != k && ((q.kind == WHEN_ABSOLUTE && q.day) || q.kind == WHEN_ORDINAL_DAY)) {
                p = q;
                j = end;
            }
        }
        when_expr e = {(uint32_t)first, (uint32_t)j, p, {0}};
        if (p.kind == WHEN_ABSOLUTE && p.day_end) {
            e.to = p;
            e.to.day = p.day_end;
            e.from.day_end = e.to.day_end = 0;
        } else if (p.kind == WHEN_WEEKDAY && p.day_end) {
            e.to = p; /* the weekend's Sunday */
            e.to.weekday = 6;
            e.from.day_end = e.to.day_end = 0;
        }
        /* Ranges: "from Monday to Wednesday", "Monday through Wednesday",
         * "between 3 and 5 March" is rare enough to leave. */
        const dyad_token *link = at(&s, j);
        if (link && (token_is(link, "to") || token_is(link, "until") || token_is(link, "through") ||
                     token_is(link, "till") || (link->norm[0] == '-' && link->norm[1] == 0))) {
            when_point q;
            size_t k = match_point(&s, j + 1, &q);
            if (k != j + 1 && q.kind == p.kind) {
                e.to = q;
                e.last = (uint32_t)k;
                j = k;
            }
        }
        j = skip_local_time(&s, j);
        e.last = (uint32_t)j;
        if (found < max) out[found] = e;
        found++;
        i = j;
    }
    return found;
}

/* ---- resolution -------------------------------------------------------------- */

static when_date resolve_point(const when_point *p, int32_t base, bool future)
{
    if (p->kind == WHEN_STORY_DAY) {
        when_date r = {0, 0, DYAD_PRECISION_NONE};
        if (!base || !cal_valid_ymd(base)) return r;
        bool week = p->unit == WHEN_UNIT_WEEK;
        r.date = r.date_end = cal_add_days(base, week ? 7 * p->n : p->n);
        r.precision = week ? DYAD_PRECISION_WEEK : DYAD_PRECISION_DAY;
        return r;
    }
    when_date r = {0, 0, DYAD_PRECISION_NONE};
    bool have_base = base != 0 && cal_valid_ymd(base);
    int32_t by = base / 10000, bm = base / 100 % 100;
    switch (p->kind) {
    case WHEN_ABSOLUTE: {
        int32_t y = p->year;
        if (p->month && p->day) {
            if (!y && p->rel_given) {
                if (!have_base) return r;
                y = by + p->rel;
            }
            if (!y) {
                if (!have_base) return r;
                /* The nearest such day in the right direction, within a
                 * year of the article -- but a past day up to a week
                 * after the article's is this year's: a page's date
                 * stamped a day early, or a plan read as done, rather than
                 * a year back ("December 28" in a January story is last
                 * year's; "March 15" in a story of March 14 is not) */
                y = by;
                int32_t cand = y * 10000 + p->month * 100 + p->day;
                if (!future && cand > base &&
                    !(cal_valid_ymd(cand) && cal_days_from_ymd(cand) - cal_days_from_ymd(base) <= 7))
                    y--;
                if (future && cand < base) y++;
            }
            if (p->day > cal_days_in_month(y, p->month)) return r;
            r.date = y * 10000 + p->month * 100 + p->day;
            r.precision = DYAD_PRECISION_DAY;
        } else if (p->month) {
            if (!y && p->rel_given) {
                if (!have_base) return r;
                y = by;
                if (p->rel < 0 && p->month >= bm) y--;
                if (p->rel > 0 && p->month <= bm) y++;
            } else if (!y) {
                if (!have_base) return r;
                y = by;
                if (!future && p->month > bm) y--;
                if (future && p->month < bm) y++;
            }
            r.date = y * 10000 + p->month * 100 + 1;
            r.precision = DYAD_PRECISION_MONTH;
        } else if (y) {
            r.date = y * 10000 + 101;
            r.precision = DYAD_PRECISION_YEAR;
        }
        break;
    }
    case WHEN_WEEKDAY: {
        if (!have_base) return r;
        int wd = cal_weekday(base);
        int back = (wd - p->weekday + 7) % 7;   /* 0..6 days back to it */
        int ahead = (p->weekday - wd + 7) % 7;  /* 0..6 days ahead      */
        int32_t shift;
        if (p->rel == -2 || p->rel == 2)                    /* "Monday last week" */
            shift = 7 * (p->rel / 2) + p->weekday - wd;
        else if (p->rel < 0) shift = -(back ? back : 7);    /* "last Tuesday"  */
        else if (p->rel > 0) shift = ahead ? ahead : 7;     /* "next Tuesday"  */
        else if (future) shift = ahead;                     /* "will meet on Tuesday" */
        else shift = -back;                                 /* "met on Tuesday" */
        r.date = cal_add_days(base, shift);
        r.precision = DYAD_PRECISION_DAY;
        break;
    }
    case WHEN_DAY_OFFSET:
        if (!have_base) return r;
        r.date = cal_add_days(base, p->n);
        r.precision = DYAD_PRECISION_DAY;
        break;
    case WHEN_UNIT_OFFSET:
        if (!have_base) return r;
        switch (p->unit) {
        case WHEN_UNIT_WEEK:
            r.date = cal_add_days(base, 7 * p->n);
            r.precision = DYAD_PRECISION_WEEK;
            break;
        case WHEN_UNIT_MONTH: {
            int32_t d = cal_add_months(base, p->n);
            r.date = d / 100 * 100 + 1;
            r.precision = DYAD_PRECISION_MONTH;
            break;
        }
        case WHEN_UNIT_YEAR:
            r.date = (by + p->n) * 10000 + 101;
            r.precision = DYAD_PRECISION_YEAR;
            break;
        default:
            r.date = cal_add_days(base, p->n);
            r.precision = DYAD_PRECISION_DAY;
        }
        break;
    case WHEN_ORDINAL_DAY: {
        if (!have_base) return r;
        int32_t month_start = base / 100 * 100 + 1;
        int32_t m;
        if (p->rel_given) {
            m = cal_add_months(month_start, p->rel);
        } else {
            /* "the 26th" in a story of the 27th is this month's; in a story
             * of the 3rd it is last month's (or next month's, for plans);
             * in a story of the 25th or 24th it is taken for this month's,
             * the page's date a day or two early. */
            m = month_start;
            int bd = base % 100;
            if (!future && (p->day > bd + 2 || p->day > cal_days_in_month(by, bm)))
                m = cal_add_months(month_start, -1);
            if (future && p->day < bd) m = cal_add_months(month_start, 1);
        }
        int32_t y = m / 10000, mo = m / 100 % 100;
        if (p->day > cal_days_in_month(y, mo)) return r;
        r.date = y * 10000 + mo * 100 + p->day;
        r.precision = DYAD_PRECISION_DAY;
        break;
    }
    default:
        break;
    }
    r.date_end = r.date;
    return r;
}

when_date when_resolve(const when_expr *e, int32_t article_date, bool future)
{
    return when_resolve_story(e, article_date, 0, future);
}

when_date when_resolve_story(const when_expr *e, int32_t article_date, int32_t story_day, bool future)
{
    if (e->from.kind == WHEN_STORY_DAY) {
        /* with no day told yet, the story's day is the article's, and
         * what it tells happened by then */
        bool told = story_day > 0 && cal_valid_ymd(story_day);
        when_date r = resolve_point(&e->from, told ? story_day : article_date, future);
        if (r.precision != DYAD_PRECISION_NONE && !future && article_date > 0 && r.date > article_date &&
            cal_valid_ymd(article_date))
            r.date = r.date_end = article_date;
        return r;
    }
    when_date r = resolve_point(&e->from, article_date, future);
    if (r.precision != DYAD_PRECISION_NONE && e->to.kind != WHEN_NONE) {
        /* The end of a range is read from its start: "from Monday to
         * Wednesday" ends on the Wednesday after that Monday. */
        when_point to = e->to;
        if (to.kind == WHEN_WEEKDAY) to.rel = 0;
        when_date end = resolve_point(&to, r.date, true);
        if (end.precision != DYAD_PRECISION_NONE && end.date >= r.date) r.date_end = end.date;
    }
    return r;
}
