/*
 * tokenize.c -- Penn Treebank style tokens with offsets into the original.
 *
 * The tokenizer reads the original bytes once.  Each token records where it
 * is in the text and a normalised form for matching: curly quotes become
 * `` '' ` ', dashes become "--", exotic spaces separate tokens, ellipses
 * become "...", and bytes that are not UTF-8 become U+FFFD.  Offsets always
 * point at the original bytes, so every later finding can be shown in the
 * words that produced it.
 *
 * Splits follow the Treebank: "don't" -> do n't, "Russia's" -> Russia 's,
 * "countries'" -> countries ', punctuation apart, but "U.S.", "Gen.",
 * "1.5", "2,000", "follow-up", "AT&T" and "O'Brien" stay whole.
 */
#include "../internal.h"

#include <stdlib.h>
#include <utf8proc.h>

/* A word longer than this is cut into pieces: no real word is that long,
 * and the cap keeps per-token work and buffers bounded on hostile input
 * (a 10 MB line without spaces becomes many tokens, in linear time). */
#define TOKEN_MAX_BYTES 256

/* What a character is, after normalisation. */
enum cclass {
    C_SPACE,    /* ASCII and Unicode spaces, NUL, BOM                */
    C_WORD,     /* letters, digits, non-ASCII letters, U+FFFD         */
    C_DQUOTE,   /* ASCII '"': opening or closing decided by context   */
    C_LDQUOTE,  /* opening double quote: “ „ «                        */
    C_RDQUOTE,  /* closing double quote: ” »                          */
    C_LSQUOTE,  /* ‘                                                  */
    C_APOS,     /* ' and ’: apostrophe or closing single quote        */
    C_HYPHEN,   /* - and Unicode hyphens                              */
    C_DASH,     /* en and em dashes, minus sign                       */
    C_ELLIPSIS, /* …                                                  */
    C_PUNCT     /* anything else that stands alone                    */
};

typedef struct cursor {
    const unsigned char *s;
    uint32_t end;
} cursor;

/* Classifies the character at i; sets *cp and *adv. */
static enum cclass classify(const cursor *c, uint32_t i, uint32_t *cp, size_t *adv)
{
    unsigned char b = c->s[i];
    if (b < 0x80) {
        *adv = 1;
        *cp = b;
        if (ch_is_alpha(b) || ch_is_digit(b)) return C_WORD;
        switch (b) {
        case ' ': case '\t': case '\n': case '\r': case '\v': case '\f': case 0:
            return C_SPACE;
        case '"': return C_DQUOTE;
        case '\'': return C_APOS;
        case '-': return C_HYPHEN;
        default: return b < 0x20 || b == 0x7f ? C_SPACE : C_PUNCT;
        }
    }
    uint32_t u = utf8_decode(c->s + i, c->end - i, adv);
    *cp = u;
    switch (u) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
    case 0x2028: case 0x2029: case 0x0085:
        return C_SPACE;
    case 0x201C: case 0x201E: case 0x00AB: case 0x201F: return C_LDQUOTE;
    case 0x201D: case 0x00BB: return C_RDQUOTE;
    case 0x2018: case 0x201A: case 0x201B: return C_LSQUOTE;
    case 0x2019: case 0x02BC: return C_APOS;
    case 0x2010: case 0x2011: case 0x00AD: return C_HYPHEN;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return C_DASH;
    case 0x2026: return C_ELLIPSIS;
    default: break;
    }
    if (u >= 0x2000 && u <= 0x200B) return C_SPACE;
    if (u == UTF8_REPLACEMENT) return C_WORD;
    if (u < 0x00C0 || (u >= 0x2000 && u <= 0x2BFF) || (u >= 0x3000 && u <= 0x303F) ||
        (u >= 0xFF00 && u <= 0xFF0F) || (u >= 0xFE30 && u <= 0xFE6F))
        return C_PUNCT;
    return C_WORD;
}

/* Abbreviations that keep their period.  Lower case, with the period. */
static const char *const abbreviations[] = {
    "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.", "maj.", "capt.",
    "sgt.", "adm.", "cmdr.", "cpl.", "pvt.", "gov.", "sen.", "rep.", "rev.", "hon.",
    "pres.", "supt.", "insp.", "amb.", "messrs.", "mme.", "jr.", "sr.", "st.", "mt.",
    "ft.", "ave.", "blvd.", "rd.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
    "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "inc.", "corp.", "co.", "ltd.",
    "bros.", "plc.", "llc.", "dept.", "univ.", "assn.", "vs.", "etc.", "approx.",
    "est.", "no.", "nos.", "vol.", "fig.", "ca.", "cf.", "al.", "mln.", "bln.",
    "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.",
    "ill.", "ind.", "kan.", "ky.", "la.", "md.", "mass.", "mich.", "minn.", "miss.",
    "mo.", "mont.", "neb.", "nev.", "okla.", "ore.", "pa.", "tenn.", "tex.", "va.",
    "vt.", "wash.", "wis.", "wyo.", "u.s.", "u.n.", "u.k.", "e.u.", "a.m.", "p.m.",
    "i.e.", "e.g.", "d.c.",
};

bool tokenize_is_abbreviation(const char *word, size_t len)
{
    if (len < 2 || len > 8 || word[len - 1] != '.') return false;
    char low[8];
    for (size_t i = 0; i < len; i++) low[i] = (char)ch_lower((unsigned char)word[i]);
    for (size_t k = 0; k < sizeof abbreviations / sizeof *abbreviations; k++)
        if (strlen(abbreviations[k]) == len && memcmp(abbreviations[k], low, len) == 0)
            return true;
    return false;
}

/* "U.S", "a.m", "J": letters separated by periods, each run one letter. */
static bool is_letter_chain(const char *w, size_t n)
{
    if (n == 0) return false;
    for (size_t i = 0; i < n; i++) {
        if (i % 2 == 0 ? !ch_is_alpha((unsigned char)w[i]) : w[i] != '.') return false;
    }
    return n % 2 == 1;
}

typedef struct emitter {
    arena *a;
    token_vec *toks;
    int failed;
} emitter;

static void emit(emitter *e, uint32_t start, uint32_t end, const char *norm, size_t n,
                 uint8_t flags)
{
    if (e->failed) return;
    token_vec *tv = e->toks;
    if (tv->n == tv->cap) {
        dyad_token *v = arena_grow(e->a, tv->v, &tv->cap, tv->n + 1, sizeof *v);
        if (!v) { e->failed = 1; return; }
        tv->v = v;
    }
    /* Matching sees the NFC form, so a name typed with combining marks
     * ("g" + U+0306) is the same word as its composed spelling ("ğ").
     * Only words with non-ASCII bytes can change, and they are rare in
     * English copy, so the cost stays off the common path. */
    char *copy = NULL;
    bool ascii = true;
    for (size_t i = 0; i < n && ascii; i++) ascii = (unsigned char)norm[i] < 0x80;
    if (!ascii) {
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)norm, (utf8proc_ssize_t)n, &nfc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (m >= 0 && (size_t)m <= n) {
            copy = arena_strndup(e->a, (const char *)nfc, (size_t)m);
            norm = copy;
            n = (size_t)m;
        }
        free(nfc);
    }
    if (!copy) copy = arena_strndup(e->a, norm, n);
    if (!copy) { e->failed = 1; return; }
    bool upper = false, lower = false, digit = false;
    int letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)norm[i];
        if (ch_is_upper(ch)) { upper = true; letters++; }
        else if (ch_is_lower(ch)) { lower = true; letters++; }
        else if (ch_is_digit(ch)) digit = true;
    }
    if (n && (ch_is_upper((unsigned char)norm[0]) ||
              ((unsigned char)norm[0] >= 0xC0 && upper && !lower)))
        flags |= DYAD_TOKEN_CAPITALIZED;
    if (upper && !lower && letters > 1) flags |= DYAD_TOKEN_ALLCAPS;
    if (digit) flags |= DYAD_TOKEN_NUMERIC;
    dyad_token *t = &tv->v[tv->n++];
    t->start = start;
    t->end = end;
    t->norm = copy;
    t->norm_len = (uint16_t)n;
    t->lemma = copy;
    t->tag = DYAD_TAG_NONE;
    t->flags = flags;
    t->chunk = DYAD_NONE;
}

/* Clitics split off the end of a word, Treebank style. */
static size_t clitic_length(const char *w, size_t n)
{
    static const char *const clitics[] = {"'s", "'re", "'ve", "'ll", "'d", "'m"};
    if (n >= 4 && ch_lower((unsigned char)w[n - 3]) == 'n' && w[n - 2] == '\'' &&
        ch_lower((unsigned char)w[n - 1]) == 't')
        return 3;
    for (size_t k = 0; k < sizeof clitics / sizeof *clitics; k++) {
        size_t m = strlen(clitics[k]);
        if (n > m && w[n - m] == '\'') {
            size_t j = 1;
            while (j < m && ch_lower((unsigned char)w[n - m + j]) == clitics[k][j]) j++;
            if (j == m) return m;
        }
    }
    return 0;
}

int tokenize_range(arena *a, const char *text, uint32_t start, uint32_t end,
                   token_vec *toks, size_t *repaired)
{
    cursor c = {(const unsigned char *)text, end};
    emitter e = {a, toks, 0};
    char norm[TOKEN_MAX_BYTES + 8];
    /* Offsets in the original of each byte of norm, so a word can be split
     * (clitics, trailing period) at the right original offset. */
    uint32_t orig[TOKEN_MAX_BYTES + 8];
    uint32_t i = start;
    enum cclass prev_class = C_SPACE;

    while (i < end && !e.failed) {
        uint32_t cp;
        size_t adv;
        enum cclass k = classify(&c, i, &cp, &adv);
        if (k == C_SPACE) {
            if (toks->n && toks->v[toks->n - 1].end == i)
                toks->v[toks->n - 1].flags |= DYAD_TOKEN_SPACE_AFTER;
            i += (uint32_t)adv;
            prev_class = C_SPACE;
            continue;
        }
        uint32_t tstart = i;
        if (k == C_WORD) {
            size_t n = 0;
            uint8_t flags = 0;
            /* Gather a word, following the joiners that keep it whole. */
            while (i < end && n < TOKEN_MAX_BYTES) {
                enum cclass kk = classify(&c, i, &cp, &adv);
                if (kk == C_WORD) {
                    if (cp == UTF8_REPLACEMENT) {
                        if (adv == 1) (*repaired)++;
                        flags |= DYAD_TOKEN_REPAIRED;
                        memcpy(norm + n, "\xEF\xBF\xBD", 3);
                        for (int q = 0; q < 3; q++) orig[n + q] = i;
                        n += 3;
                    } else {
                        for (size_t q = 0; q < adv; q++) { norm[n + q] = (char)c.s[i + q]; orig[n + q] = i; }
                        n += adv;
                    }
                    i += (uint32_t)adv;
                    continue;
                }
                /* A joiner continues the word only when a word character
                 * follows it. */
                if (i + adv >= end) break;
                uint32_t ncp;
                size_t nadv;
                enum cclass next = classify(&c, i + (uint32_t)adv, &ncp, &nadv);
                unsigned char last = (unsigned char)norm[n - 1];
                bool join = false;
                char as = (char)cp;
                if (next == C_WORD) {
                    unsigned char nb = c.s[i + adv];
                    if (kk == C_HYPHEN) { join = true; as = '-'; }
                    else if (kk == C_APOS) {
                        /* O'Brien, d'Ivoire, don't: apostrophe inside a word;
                         * clitics are split off afterwards. */
                        join = true; as = '\'';
                    } else if (cp == '.') {
                        join = (ch_is_digit(last) && ch_is_digit(nb)) ||
                               (is_letter_chain(norm, n) && ch_is_alpha(nb) &&
                                (i + adv + 1 >= end || c.s[i + adv + 1] == '.')) ||
                               ((ch_is_lower(nb) || ch_is_digit(nb)) && !ch_is_upper(last) &&
                                n > 1);
                    } else if (cp == ',' || cp == ':') {
                        join = ch_is_digit(last) && ch_is_digit(nb) &&
                               (cp == ':' || (i + 4 <= end && ch_is_digit(c.s[i + 2]) &&
                                              ch_is_digit(c.s[i + 3]) &&
                                              (i + 4 == end || !ch_is_digit(c.s[i + 4]))));
                    } else if (cp == '/' || cp == '&') {
                        join = ch_is_alpha(last) || ch_is_digit(last);
                        if (cp == '&') join = join && ch_is_upper(last) && ch_is_upper(nb);
                    }
                }
                if (!join) break;
                norm[n] = as;
                orig[n] = i;
                n++;
                i += (uint32_t)adv;
            }
            /* A period right after the word belongs to it when the word is
             * an abbreviation or an initial ("U.S.", "Gen.", "J."). */
            if (i < end && c.s[i] == '.' && n + 1 < TOKEN_MAX_BYTES) {
                norm[n] = '.';
                bool keep = tokenize_is_abbreviation(norm, n + 1) || is_letter_chain(norm, n);
                if (keep) {
                    orig[n] = i;
                    n++;
                    i++;
                    flags |= DYAD_TOKEN_ABBREV;
                }
            }
            size_t cl = clitic_length(norm, n);
            /* "cannot" is "can not" in the Treebank, so the verb group
             * sees its negation. */
            if (!cl && n == 6 && ch_lower((unsigned char)norm[0]) == 'c' &&
                ch_lower((unsigned char)norm[1]) == 'a' && ch_lower((unsigned char)norm[2]) == 'n' &&
                ch_lower((unsigned char)norm[3]) == 'n' && ch_lower((unsigned char)norm[4]) == 'o' &&
                ch_lower((unsigned char)norm[5]) == 't')
                cl = 3;
            if (cl) {
                size_t head = n - cl;
                emit(&e, tstart, orig[head], norm, head, flags);
                emit(&e, orig[head], i, norm + head, cl, 0);
            } else {
                emit(&e, tstart, i, norm, n, flags);
            }
            prev_class = C_WORD;
            continue;
        }
        i += (uint32_t)adv;
        switch (k) {
        case C_DQUOTE:
        case C_LDQUOTE:
        case C_RDQUOTE: {
            /* ASCII '"' opens after a space or an opening bracket, closes
             * otherwise; Treebank writes the two as `` and ''. */
            bool opening = k == C_LDQUOTE ||
                           (k == C_DQUOTE && (prev_class == C_SPACE || prev_class == C_DASH ||
                                              (tstart > start &&
                                               memchr("([{", text[tstart - 1], 3))));
            if (k == C_DQUOTE && tstart == start) opening = true;
            emit(&e, tstart, i, opening ? "``" : "''", 2, 0);
            break;
        }
        case C_LSQUOTE:
            emit(&e, tstart, i, "`", 1, 0);
            break;
        case C_APOS: {
            /* "``" and "''" written with ASCII characters, as in wire
             * copy, are quotation marks too. */
            if (i < end && c.s[i] == '\'') { emit(&e, tstart, i + 1, "''", 2, 0); i++; break; }
            /* 's after a space ("Russia 's") is still the clitic. */
            if (i < end && (c.s[i] == 's' || c.s[i] == 'S') &&
                (i + 1 >= end || !ch_is_alpha(c.s[i + 1]))) {
                emit(&e, tstart, i + 1, "'s", 2, 0);
                i++;
                break;
            }
            emit(&e, tstart, i, prev_class == C_SPACE ? "`" : "'", 1, 0);
            break;
        }
        case C_HYPHEN:
        case C_DASH: {
            uint32_t j = i;
            uint32_t ncp;
            size_t nadv;
            while (j < end) {
                enum cclass kk = classify(&c, j, &ncp, &nadv);
                if (kk != C_HYPHEN && kk != C_DASH) break;
                j += (uint32_t)nadv;
            }
            bool single_hyphen = k == C_HYPHEN && j == i;
            i = j;
            if (single_hyphen) emit(&e, tstart, i, "-", 1, 0);
            else emit(&e, tstart, i, "--", 2, 0);
            break;
        }
        case C_ELLIPSIS:
            emit(&e, tstart, i, "...", 3, 0);
            break;
        default: {
            if (cp == '`') {
                if (i < end && c.s[i] == '`') { i++; emit(&e, tstart, i, "``", 2, 0); }
                else emit(&e, tstart, i, "`", 1, 0);
                break;
            }
            if (cp == '.' && i < end && c.s[i] == '.') {
                while (i < end && c.s[i] == '.') i++;
                emit(&e, tstart, i, "...", 3, 0);
                break;
            }
            if (cp < 0x80) {
                char ch = (char)cp;
                emit(&e, tstart, i, &ch, 1, 0);
            } else {
                /* A symbol such as (c) or a currency sign: kept as itself. */
                char buf[4];
                size_t m = utf8_encode(cp, buf);
                emit(&e, tstart, i, buf, m, 0);
            }
            break;
        }
        }
        prev_class = k == C_DASH || k == C_HYPHEN ? C_DASH : k;
    }
    if (!e.failed && toks->n && toks->v[toks->n - 1].end < end)
        toks->v[toks->n - 1].flags |= DYAD_TOKEN_SPACE_AFTER;
    return e.failed ? -1 : 0;
}

bool token_is(const dyad_token *t, const char *lower)
{
    const char *w = t->norm;
    size_t i = 0;
    for (; lower[i]; i++)
        if (ch_lower((unsigned char)w[i]) != lower[i]) return false;
    return w[i] == 0;
}

bool token_in(const dyad_token *t, const char *const *list)
{
    for (; *list; list++)
        if (token_is(t, *list)) return true;
    return false;
}
