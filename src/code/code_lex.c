/*
 * code_lex.c -- a sentence's words as TABARI sees them (manual 7.3):
 * blank-delimited runs of the original text, with hyphens, '?', '!' and
 * '_' read as blanks ("al-Assad" and "al Assad" match the same entry),
 * a period after a lower-case letter dropped (so "U.S." keeps its
 * periods), commas inside numbers removed ("50,000"), semicolons read as
 * commas and commas made words of their own.  Apostrophes stay inside
 * words ("Gondor's", "didn't"), which is how the dictionaries write them.
 * Typographic quotes, dashes and no-break spaces count as their ASCII
 * forms; brackets and quotation marks only separate words.
 *
 * Each word keeps its byte range in the document, so every event can
 * point at the words that made it.
 */
#include "code.h"

/* Longest sentence the coder reads, in words; the pipeline already cuts
 * sentences at 1024 tokens, so this is only reached by pathological
 * punctuation. */
#define CODE_MAX_WORDS 2048
/* Longest word kept (bytes); longer runs are cut. */
#define CODE_MAX_WORD 256

typedef enum { CH_WORD, CH_SPACE, CH_COMMA, CH_PERIOD, CH_COLON, CH_CONTROL } ch_class;

/* Reads one character at s[i]: its class and, for word characters, its
 * ASCII stand-in when it has one (0 keeps the bytes as they are). */
static ch_class classify(const unsigned char *s, size_t n, size_t i, size_t *adv, char *ascii)
{
    unsigned char c = s[i];
    *adv = 1;
    *ascii = 0;
    if (c < 0x80) {
        switch (c) {
        case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
        case '-': case '?': case '!': case '_': case '(': case ')': case '[': case ']':
        case '{': case '}': case '"': case '`':
            return CH_SPACE;
        case ',': case ';':
            return CH_COMMA;
        case '.':
            return CH_PERIOD;
        case ':':
            return CH_COLON;
        default:
            if (c < 0x20 || c == 0x7F) return CH_CONTROL;
            *ascii = (char)c;
            return CH_WORD;
        }
    }
    uint32_t cp = utf8_decode(s + i, n - i, adv);
    switch (cp) {
    case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x200B: case 0x3000:
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
        return CH_SPACE;
    case 0x2018: case 0x2019: case 0x02BC:
        *ascii = '\'';
        return CH_WORD;
    default:
        return CH_WORD;
    }
}

static int push_word(dyad_coder_work *w, code_sentence *s, size_t *cap, const char *buf,
                     size_t len, uint32_t start, uint32_t end, bool cap_first, uint8_t type)
{
    if (s->n >= CODE_MAX_WORDS) return 0;
    if (s->n == *cap) {
        s->w = arena_grow(&w->a, s->w, cap, s->n + 1, sizeof *s->w);
        if (!s->w) return -1;
    }
    char folded[CODE_MAX_WORD * 2 + 8];
    size_t fl;
    if (w->c->dyad_rules && len == 2 && buf[0] == 'U' && buf[1] == 'S') {
        /* "US officials", "a US proposal": written in capitals it is the
         * country, which the dictionaries spell U.S. -- lower-cased it
         * would be the pronoun */
        memcpy(folded, "u.s.", 4);
        fl = 4;
    } else {
        fl = ix_fold(buf, len, folded, sizeof folded);
    }
    cw_word *x = &s->w[s->n++];
    memset(x, 0, sizeof *x);
    x->s = arena_strndup(&w->a, folded, fl);
    if (!x->s) return -1;
    x->len = (uint16_t)fl;
    x->start = start;
    x->end = end;
    x->type = type;
    x->flags = cap_first ? CW_CAP : 0;
    x->root = DICT_NONE;
    x->last = (uint32_t)(s->n - 1);
    x->head = DICT_NONE;
    x->actor = DICT_NONE;
    return 0;
}

/* dyad's rules: a dash set off by spaces (" - ", " -- ", an en or em
 * dash) brackets an aside as commas do. */
static bool spaced_dash(const unsigned char *t, size_t start, size_t end, size_t i, size_t adv)
{
    bool dash = false;
    if (i >= end || i + adv > end) return false;
    size_t b = i, e = i + adv;
    if (adv == 3 && t[i] == 0xE2 && t[i + 1] == 0x80 && (t[i + 2] == 0x93 || t[i + 2] == 0x94)) dash = true;
    if (adv == 1 && t[i] == '-') {
        dash = true;
        while (e < end && t[e] == '-') e++;
        while (b > start && t[b - 1] == '-') b--;
    }
    if (!dash) return false;
    bool before = b == start || t[b - 1] == ' ';
    bool after = e >= end || t[e] == ' ';
    /* (the first of "--" only, so that one comma stands for it) */
    return before && after && (b == i);
}

static int lex_text(dyad_coder_work *w, code_sentence *s, const char *text, uint32_t start, uint32_t end)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t cap = 0;
    s->w = NULL;
    s->n = 0;
    char buf[CODE_MAX_WORD + 8];
    size_t len = 0;
    uint32_t wstart = 0, wend = 0;
    bool has_lower = false, has_upper = false;
    size_t i = start;
    while (i <= end) {
        size_t adv = 1;
        char ascii = 0;
        ch_class cl = i < end ? classify(t, end, i, &adv, &ascii) : CH_SPACE;
        if (cl == CH_CONTROL) {
            /* control bytes in news text mean a garbled record (TABARI's
             * validation treats such records as too complex to code) */
            s->garbled = true;
            cl = CH_SPACE;
        }
        if (cl == CH_SPACE && w->c->dyad_rules && spaced_dash(t, start, end, i, adv))
            cl = CH_COMMA; /* "the students -- detained at the rally -- were freed" */
        if (cl == CH_COMMA && t[i] == ',' && len && ch_is_digit((unsigned char)buf[len - 1]) &&
            i + 1 < end && ch_is_digit(t[i + 1])) {
            i++; /* 50,000: the comma belongs to the number */
            continue;
        }
        if (cl == CH_PERIOD) {
            /* a period ends a word after a lower-case letter; else it is
             * part of an abbreviation or number */
            if (len && ch_is_lower((unsigned char)buf[len - 1])) cl = CH_SPACE;
            else { cl = CH_WORD; ascii = '.'; }
        }
        if (cl == CH_COLON) {
            bool inner = len && i + 1 < end && !(t[i + 1] == ' ' || t[i + 1] == '\n' || t[i + 1] == '\t');
            if (inner) { cl = CH_WORD; ascii = ':'; }
            else cl = CH_SPACE;
        }
        if (cl == CH_WORD) {
            if (!len) wstart = (uint32_t)i;
            if (ascii) {
                if (len < CODE_MAX_WORD) buf[len++] = ascii;
                if (ch_is_lower((unsigned char)ascii)) has_lower = true;
                if (ch_is_upper((unsigned char)ascii)) has_upper = true;
            } else {
                if (len + adv <= CODE_MAX_WORD) {
                    memcpy(buf + len, t + i, adv);
                    len += adv;
                }
            }
            wend = (uint32_t)(i + adv);
            i += adv;
            continue;
        }
        if (len) {
            /* leading apostrophes open quotations; a final period after a
             * capital is a sentence end unless the word is an
             * abbreviation with periods inside ("U.S.") */
            size_t b = 0;
            while (b < len && buf[b] == '\'') b++;
            size_t e = len;
            if (e - b > 2 && buf[e - 1] == '.' && !memchr(buf + b, '.', e - b - 1)) e--;
            if (e > b) {
                bool capital = ch_is_upper((unsigned char)buf[b]);
                uint8_t type = ch_is_digit((unsigned char)buf[b]) ? W_NUMBER : W_NONE;
                if (push_word(w, s, &cap, buf + b, e - b, wstart + (uint32_t)b, wend, capital, type))
                    return -1;
            }
            len = 0;
        }
        if (cl == CH_COMMA && i < end) {
            if (push_word(w, s, &cap, ",", 1, (uint32_t)i, (uint32_t)(i + 1), false, W_COMMA)) return -1;
        }
        if (i >= end) break;
        i += adv;
    }
    /* TABARI 7.4: in an all-capitals record capitals say nothing */
    s->allcaps = has_upper && !has_lower;
    return 0;
}

/* PETRARCH: one word per Treebank token; commas and semicolons are
 * commas, other punctuation only separates. */
static int lex_tokens(dyad_coder_work *w, code_sentence *s, const dyad_sentence *ds)
{
    size_t cap = 0;
    s->w = NULL;
    s->n = 0;
    bool has_lower = false, has_upper = false;
    for (size_t i = 0; i < ds->ntokens; i++) {
        const dyad_token *t = &ds->tokens[i];
        const char *norm = t->norm;
        size_t n = t->norm_len;
        for (size_t k = 0; k < n; k++) {
            unsigned char c = (unsigned char)norm[k];
            if (c < 0x20 || c == 0x7F) s->garbled = true;
            if (ch_is_lower(c)) has_lower = true;
            if (ch_is_upper(c)) has_upper = true;
        }
        if (t->tag == DYAD_TAG_COMMA || (n == 1 && norm[0] == ';')) {
            if (push_word(w, s, &cap, ",", 1, t->start, t->end, false, W_COMMA)) return -1;
            s->w[s->n - 1].tag = DYAD_TAG_COMMA;
            s->w[s->n - 1].tok = (uint32_t)i;
            continue;
        }
        bool word = false;
        for (size_t k = 0; k < n && !word; k++)
            if (ch_is_alpha((unsigned char)norm[k]) || ch_is_digit((unsigned char)norm[k]) || (unsigned char)norm[k] >= 0x80)
                word = true;
        if (!word) continue;
        uint8_t type = ch_is_digit((unsigned char)norm[0]) ? W_NUMBER : W_NONE;
        if (push_word(w, s, &cap, norm, n, t->start, t->end, ch_is_upper((unsigned char)norm[0]), type)) return -1;
        s->w[s->n - 1].tag = t->tag;
        s->w[s->n - 1].tok = (uint32_t)i;
    }
    s->allcaps = has_upper && !has_lower;
    return 0;
}

/* Marks the head verb of each negated verb group (from the chunker). */
static void mark_negated(code_sentence *s, const dyad_sentence *ds)
{
    for (size_t g = 0; g < ds->nverbs; g++) {
        if (!(ds->verbs[g].flags & DYAD_VG_NEGATED)) continue;
        for (size_t i = 0; i < s->n; i++)
            if (s->w[i].tok == ds->verbs[g].head) s->w[i].flags |= CW_NEGATED;
    }
}

/* Gives each word the tag of the token it starts in. */
static void tag_words(code_sentence *s, const dyad_sentence *ds)
{
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++) {
        cw_word *x = &s->w[i];
        while (k < ds->ntokens && ds->tokens[k].end <= x->start) k++;
        x->tag = k < ds->ntokens && ds->tokens[k].start <= x->start ? ds->tokens[k].tag : DYAD_TAG_NONE;
        x->tok = k < ds->ntokens ? (uint32_t)k : UINT32_MAX;
        if (x->type == W_COMMA) x->tag = DYAD_TAG_COMMA;
    }
}

int code_lex(dyad_coder_work *w, code_sentence *s, const dyad_sentence *ds)
{
    const char *text = s->doc->text;
    s->ds = ds;
    s->garbled = false;
    s->final_stop = false;
    s->question = false;
    for (uint32_t k = ds->end; k > ds->start; k--) {
        unsigned char c = (unsigned char)text[k - 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == ')') continue;
        s->final_stop = c == '.' || c == '?' || c == '!';
        s->question = c == '?';
        break;
    }
    if (w->c->petrarch) {
        if (lex_tokens(w, s, ds)) return -1;
    } else {
        if (lex_text(w, s, text, ds->start, ds->end)) return -1;
        tag_words(s, ds);
    }
    mark_negated(s, ds);
    return 0;
}
