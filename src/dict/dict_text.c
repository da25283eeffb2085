/* dict_text.c -- the lexical layer both dictionary readers share: lines,
 * comments, words and connectors, code blocks and dates.  Every function
 * here walks its input once, so loading stays linear however hostile the
 * bytes. */
#include "dict_private.h"
#include <stdlib.h>

/* ---- lines ----------------------------------------------------------------- */

void dict_lines_init(dict_lines *it, const char *data, size_t len)
{
    it->p = data;
    it->end = data + len;
    it->line = 0;
    it->comment_line = 0;
}

bool dict_lines_next(dict_lines *it, const char **s, size_t *n)
{
    if (it->p >= it->end) return false;
    const char *start = it->p, *q = start;
    while (q < it->end && *q != '\n' && *q != '\r') q++;
    *s = start;
    *n = (size_t)(q - start);
    /* Unix \n, DOS \r\n and classic Mac \r all end a line. */
    if (q < it->end && *q == '\r') q++;
    if (q < it->end && *q == '\n' && (q == start + *n || q[-1] == '\r')) q++;
    it->p = q;
    it->line++;
    return true;
}

void dict_trim(const char **s, size_t *n)
{
    while (*n && dict_is_space((unsigned char)**s)) { (*s)++; (*n)--; }
    while (*n && dict_is_space((unsigned char)(*s)[*n - 1])) (*n)--;
}

static const char *find_bytes(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, needle, m) == 0) return s + i;
    return NULL;
}

/* PETRARCH: every `<!-- ... -->` inside a line is blanked out and a
 * `<!--` left open cuts the line and opens a comment.  A ';' or '#'
 * outside [...] ends the scan: what follows is an ordinary comment, and a
 * `<!--` in it opens nothing.  One pass: each `-->` search starts after
 * the `<!--` it closes and the scan resumes after it. */
static bool inline_comments(dict_loader *L, dict_lines *it, const char **s, size_t *n)
{
    const char *p = *s;
    size_t m = *n;
    int depth = 0;
    for (size_t i = 0; i < m; i++) {
        char c = p[i];
        if (c == '[') depth++;
        else if (c == ']' && depth) depth--;
        else if (!depth && (c == '#' || c == ';')) break;
        else if (!depth && c == '<' && m - i >= 4 && memcmp(p + i, "<!--", 4) == 0) {
            const char *close = find_bytes(p + i + 4, m - i - 4, "-->");
            if (!close) {
                it->comment_line = L->line;
                m = i;
                break;
            }
            size_t end = (size_t)(close - p) + 3;
            if (p != L->uncommented.data) {
                sbuf_clear(&L->uncommented);
                if (sbuf_append(&L->uncommented, p, m)) { dict_oom(L); return true; }
                p = L->uncommented.data;
            }
            memset(L->uncommented.data + i, ' ', end - i);
            i = end - 1;
        }
    }
    *s = p;
    *n = m;
    return false;
}

bool dict_skip_markup_comment(dict_loader *L, dict_lines *it, const char **s, size_t *n)
{
    bool petrarch = L->syntax == DICT_SYNTAX_PETRARCH;
    if (it->comment_line) {
        const char *close = find_bytes(*s, *n, "-->");
        if (!close) return true;
        it->comment_line = 0;
        if (!petrarch) return true;
        /* the rest of the closing line is read */
        *n -= (size_t)(close + 3 - *s);
        *s = close + 3;
        return inline_comments(L, it, s, n);
    }
    const char *t = *s;
    size_t m = *n;
    dict_trim(&t, &m);
    bool sgml = m >= 2 && t[0] == '<' && t[1] == '!';
    bool open = m >= 4 && memcmp(t, "<!--", 4) == 0;
    /* declarations (<!DOCTYPE ...>, "<! -- x -->") take the whole line */
    if (sgml && !(open && petrarch)) {
        if (open && !find_bytes(t + 4, m - 4, "-->")) it->comment_line = L->line;
        return true;
    }
    return petrarch ? inline_comments(L, it, s, n) : false;
}

void dict_lines_finish(dict_loader *L, dict_lines *it)
{
    if (!it->comment_line) return;
    size_t at = L->line;
    L->line = it->comment_line;
    dict_error(L, "comment '<!--' is never closed by '-->'; the lines after it were not read");
    L->line = at;
}

size_t dict_strip_comment(const char *s, size_t n, dict_syntax syntax)
{
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '[') depth++;
        else if (c == ']' && depth) depth--;
        else if (!depth && (c == ';' || (c == '#' && syntax == DICT_SYNTAX_PETRARCH))) return i;
    }
    return n;
}

/* ---- words ------------------------------------------------------------------- */

uint32_t dict_intern_word(dict_loader *L, const char *s, size_t n)
{
    sbuf *w = &L->word;
    sbuf_clear(w);
    if (sbuf_reserve(w, n * 3 + 1)) { dict_oom(L); return DICT_NONE; }
    bool repaired = false;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f) {
            w->data[w->len++] = (char)ch_lower(c);
            i++;
            continue;
        }
        size_t adv;
        uint32_t cp = utf8_decode((const unsigned char *)s + i, n - i, &adv);
        if (cp < 0x20 || cp == 0x7f || (cp == UTF8_REPLACEMENT && adv == 1)) {
            cp = UTF8_REPLACEMENT;
            adv = 1;
            repaired = true;
        }
        w->len += utf8_encode(cp, w->data + w->len);
        i += adv;
    }
    if (repaired && !L->repaired_this_line) {
        L->repaired_this_line = true;
        dict_warning(L, "invalid UTF-8 or control byte replaced by U+FFFD");
    }
    if (w->len > DICT_MAX_WORD) {
        dict_error(L, "word longer than %d bytes", DICT_MAX_WORD);
        return DICT_NONE;
    }
    uint32_t id = dict_intern(L->d, w->data, w->len);
    if (id == DICT_NONE) dict_oom(L);
    return id;
}

/* ---- phrases -------------------------------------------------------------------- */

static dict_token *push_token(dict_loader *L, uint8_t kind, uint32_t value)
{
    dict_token *t = dict_vec_push(&L->d->tokens, sizeof *t);
    if (!t) { dict_oom(L); return NULL; }
    t->kind = kind;
    t->value = value;
    return t;
}

static bool is_word_byte(unsigned char c)
{
    return !dict_is_space(c) && c != '_';
}

/* The longest synset name, among "A", "A_B", "A_B_C", ... at s, that is
 * already defined (names may hold '_', which is also the connector).
 * Returns the length of the name; *id its string id.  When none is
 * defined, the first part is taken (the check reports it undefined). */
static size_t synset_name(dict_loader *L, const char *s, size_t n, uint32_t *id)
{
    size_t first = 0;
    while (first < n && is_word_byte((unsigned char)s[first]) && s[first] != '}' &&
           s[first] != ')') first++;
    size_t best = first, at = first;
    uint32_t best_id = DICT_NONE;
    for (;;) {
        uint32_t cand = dict_string_find(L->d, s, at);
        if (cand != DICT_NONE && dict_synset_find(L->d, cand) != DICT_NONE) { best = at; best_id = cand; }
        if (at >= n || s[at] != '_') break;
        size_t next = at + 1;
        while (next < n && is_word_byte((unsigned char)s[next]) && s[next] != '}' &&
               s[next] != ')') next++;
        if (next == at + 1) break;
        at = next;
    }
    if (best_id == DICT_NONE) {
        best_id = dict_intern(L->d, s, best);
        if (best_id == DICT_NONE) dict_oom(L);
    }
    *id = best_id;
    return best;
}

static int special_kind(char c, unsigned ctx)
{
    if (ctx & DICT_CTX_PATTERN) {
        switch (c) {
        case '*': return DICT_TOK_VERB;
        case '@': return DICT_TOK_ATTRIB;
        default: break;
        }
    }
    if (ctx & (DICT_CTX_PATTERN | DICT_CTX_ACTORS)) {
        switch (c) {
        case '$': return DICT_TOK_SOURCE;
        case '+': return DICT_TOK_TARGET;
        case '%': return DICT_TOK_COMPOUND;
        case '^': return DICT_TOK_SKIP;
        default: break;
        }
    }
    if (ctx & DICT_CTX_TABARI_ALT) {
        switch (c) {
        case '{': return DICT_TOK_ALT_OPEN;
        case '|': return DICT_TOK_ALT_OR;
        case '}': return DICT_TOK_ALT_CLOSE;
        default: break;
        }
    }
    if (ctx & DICT_CTX_PETRARCH_GROUPS) {
        switch (c) {
        case '{': return DICT_TOK_NP_OPEN;
        case '}': return DICT_TOK_NP_CLOSE;
        case '(': return DICT_TOK_PP_OPEN;
        case ')': return DICT_TOK_PP_CLOSE;
        default: break;
        }
    }
    return -1;
}

static bool is_group_char(char c, unsigned ctx)
{
    if ((ctx & DICT_CTX_TABARI_ALT) && (c == '{' || c == '}' || c == '|')) return true;
    if ((ctx & DICT_CTX_PETRARCH_GROUPS) && (c == '{' || c == '}' || c == '(' || c == ')')) return true;
    return false;
}

/* Adds one word (s, n: no spaces, no '_') with its prefix/suffix marks. */
static int add_word(dict_loader *L, const char *s, size_t n, unsigned ctx)
{
    uint8_t flags = 0;
    if ((ctx & DICT_CTX_VERB) && n > 1 && s[0] == '+') { flags |= DICT_TF_VERB_WORD; s++; n--; }
    if ((ctx & DICT_CTX_ISSUE) && n > 2 && (s[0] == 'n' || s[0] == 'v') && s[1] == ':') {
        flags |= s[0] == 'n' ? DICT_TF_NOUN_FORMS : DICT_TF_VERB_FORMS;
        s += 2;
        n -= 2;
    }
    if ((ctx & DICT_CTX_PATTERN) && memchr(s, '*', n)) {
        /* manual 5.5: only '_' and blanks may touch the verb marker */
        dict_error(L, "'%.*s': the verb marker '*' must stand alone", (int)(n > 40 ? 40 : n), s);
        return -1;
    }
    if (n > 1 && s[n - 1] == '=') { flags |= DICT_TF_NO_ENDINGS; n--; }
    if (n > 1 && s[n - 1] == '~') { flags |= DICT_TF_ADJACENT; n--; }
    if ((ctx & DICT_CTX_ISSUE)) {
        /* 'a+b': the words may be joined by a space or a hyphen. */
        const char *plus = memchr(s, '+', n);
        if (plus && plus > s && plus < s + n - 1) {
            if (add_word(L, s, (size_t)(plus - s), ctx & ~DICT_CTX_VERB)) return -1;
            dict_token *prev = &DICT_VEC_AT(L->d->tokens, dict_token, L->d->tokens.n - 1);
            prev->flags |= DICT_TF_HYPHEN_JOIN;
            return add_word(L, plus + 1, n - (size_t)(plus - s) - 1, ctx & ~DICT_CTX_VERB);
        }
    }
    uint32_t id = dict_intern_word(L, s, n);
    if (id == DICT_NONE) return -1;
    dict_token *t = push_token(L, DICT_TOK_WORD, id);
    if (!t) return -1;
    t->flags = flags;
    return 0;
}

/* Longest word a clitic is joined to (bytes, with the clitic). */
#define DICT_JOIN_MAX 256

int dict_parse_phrase(dict_loader *L, const char *s, size_t n, unsigned ctx, dict_phrase *ph)
{
    dyad_dict *d = L->d;
    size_t mark = d->tokens.n;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (dict_is_space(c)) { i++; continue; }
        if (c == '_' || ((ctx & DICT_CTX_HYPHENS) && c == '-')) {
            /* A connector: the token before it must match exactly and be
             * followed at once; a leading connector joins nothing. */
            if (d->tokens.n > mark) {
                dict_token *prev = &DICT_VEC_AT(d->tokens, dict_token, d->tokens.n - 1);
                /* a '~' word already says "stem, then at once" */
                if (prev->kind == DICT_TOK_WORD && !(prev->flags & DICT_TF_ADJACENT))
                    prev->flags |= DICT_TF_EXACT;
                /* "_ " (connector then blank): exact, but a gap is allowed */
                size_t j = i + 1;
                while (j < n && (s[j] == '_' || ((ctx & DICT_CTX_HYPHENS) && s[j] == '-'))) j++;
                if (j < n && !dict_is_space((unsigned char)s[j])) prev->flags |= DICT_TF_ADJACENT;
                i = j;
            } else {
                i++;
            }
            continue;
        }
        if (d->tokens.n - mark >= DICT_MAX_PHRASE_TOKENS) {
            dict_error(L, "phrase has more than %d words", DICT_MAX_PHRASE_TOKENS);
            goto fail;
        }
        if (c == '&' && (ctx & (DICT_CTX_PATTERN | DICT_CTX_SYNSETS)) && i + 1 < n &&
            is_word_byte((unsigned char)s[i + 1])) {
            uint32_t id;
            size_t len = synset_name(L, s + i + 1, n - i - 1, &id);
            if (id == DICT_NONE) goto fail;
            if (!push_token(L, DICT_TOK_SYNSET, id)) goto fail;
            i += 1 + len;
            continue;
        }
        if (is_group_char((char)c, ctx)) {
            if (!push_token(L, (uint8_t)special_kind((char)c, ctx), 0)) goto fail;
            i++;
            continue;
        }
        /* one word or special token: up to a blank, connector or group char */
        size_t j = i;
        while (j < n && is_word_byte((unsigned char)s[j]) &&
               !((ctx & DICT_CTX_HYPHENS) && s[j] == '-' && j > i && s[j - 1] != '-') &&
               !(j > i && is_group_char(s[j], ctx)))
            j++;
        if (j == i) j = i + 1;
        int kind = j == i + 1 ? special_kind((char)c, ctx) : -1;
        if (kind >= 0) {
            if (!push_token(L, (uint8_t)kind, 0)) goto fail;
        } else if (c == '\'' && i > 0 && (s[i - 1] == '_' || s[i - 1] == '-') && d->tokens.n > mark &&
                   DICT_VEC_AT(d->tokens, dict_token, d->tokens.n - 1).kind == DICT_TOK_WORD &&
                   strlen(dict_string(d, DICT_VEC_AT(d->tokens, dict_token, d->tokens.n - 1).value)) + (j - i) <
                       DICT_JOIN_MAX) {
            /* "PEOPLE_'S_", "WORKERS_'_": dictionaries written for a
             * tokenizer that splits the clitic off; the coder's words keep
             * it ("people's"), so the apostrophe part joins the word
             * before it, which would otherwise never match.  (A word too
             * long to join stays as written.) */
            dict_token prev = DICT_VEC_AT(d->tokens, dict_token, d->tokens.n - 1);
            const char *pw = dict_string(d, prev.value);
            size_t pn = strlen(pw);
            char joined[DICT_JOIN_MAX];
            memcpy(joined, pw, pn);
            memcpy(joined + pn, s + i, j - i);
            d->tokens.n--;
            if (add_word(L, joined, pn + (j - i), ctx)) goto fail;
            DICT_VEC_AT(d->tokens, dict_token, d->tokens.n - 1).flags |=
                (uint8_t)(prev.flags & ~(DICT_TF_EXACT | DICT_TF_ADJACENT));
        } else if (add_word(L, s + i, j - i, ctx)) {
            goto fail;
        }
        i = j;
    }
    /* A trailing connector on the last token joins nothing. */
    if (d->tokens.n > mark)
        DICT_VEC_AT(d->tokens, dict_token, d->tokens.n - 1).flags &= (uint8_t)~DICT_TF_ADJACENT;
    ph->first = (uint32_t)mark;
    ph->n = (uint32_t)(d->tokens.n - mark);
    return 0;
fail:
    d->tokens.n = mark;
    return -1;
}

uint32_t dict_add_phrase(dict_loader *L, dict_phrase_kind kind, const dict_phrase *ph)
{
    dict_vec *v = &L->d->phrases[kind];
    dict_phrase *p = dict_vec_push(v, sizeof *p);
    if (!p) { dict_oom(L); return DICT_NONE; }
    *p = *ph;
    p->file = L->file;
    p->line = (uint32_t)L->line;
    return (uint32_t)(v->n - 1);
}

/* ---- codes --------------------------------------------------------------------------- */

static bool all_alnum(const char *s, size_t n)
{
    if (!n) return false;
    for (size_t i = 0; i < n; i++)
        if (!ch_is_alpha((unsigned char)s[i]) && !ch_is_digit((unsigned char)s[i])) return false;
    return true;
}

static bool is_special(const char *s, size_t n)
{
    return n == 3 && (memcmp(s, "---", 3) == 0 || memcmp(s, "###", 3) == 0 || memcmp(s, "+++", 3) == 0);
}

static bool valid_event_part(const char *s, size_t n)
{
    if (!n) return true; /* ":054" -- the first half of a pair may be empty */
    if (is_special(s, n)) return true;
    if (s[n - 1] == '!' || s[n - 1] == '?') n--;
    return all_alnum(s, n);
}

static bool valid_code(const char *s, size_t n, dict_code_use use)
{
    if (!n) return false;
    switch (use) {
    case DICT_CODE_EVENT: {
        const char *colon = memchr(s, ':', n);
        if (!colon) return valid_event_part(s, n);
        size_t a = (size_t)(colon - s);
        if (memchr(colon + 1, ':', n - a - 1)) return false;
        return valid_event_part(s, a) && valid_event_part(colon + 1, n - a - 1) && n > 1;
    }
    case DICT_CODE_TIME:
        if (is_special(s, n)) return true;
        if (s[0] == '+' || s[0] == '-') { s++; n--; }
        for (size_t i = 0; i < n; i++) if (!ch_is_digit((unsigned char)s[i])) return false;
        return n > 0;
    case DICT_CODE_ACTOR: {
        if (is_special(s, n)) return true;
        size_t start = 0;
        for (size_t i = 0; i <= n; i++) {
            if (i == n || s[i] == '/') {
                if (!is_special(s + start, i - start) && !all_alnum(s + start, i - start)) return false;
                start = i + 1;
            }
        }
        return true;
    }
    case DICT_CODE_AGENT:
        if (n < 2) return false;
        if (s[0] == '~') return all_alnum(s + 1, n - 1);
        if (s[n - 1] == '~') return all_alnum(s, n - 1);
        return false;
    case DICT_CODE_ISSUE:
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (!ch_is_alpha(c) && !ch_is_digit(c) && c != '_' && c != '-' && c != '.') return false;
        }
        return true;
    }
    return false;
}

static const char *code_use_name(dict_code_use use)
{
    switch (use) {
    case DICT_CODE_EVENT: return "event code";
    case DICT_CODE_TIME: return "time shift";
    case DICT_CODE_ACTOR: return "actor code";
    case DICT_CODE_AGENT: return "agent code (it needs '~' before or after it)";
    case DICT_CODE_ISSUE: return "issue code";
    }
    return "code";
}

static int parse_date_at(dict_loader *L, const char *s, size_t n, int32_t *out)
{
    int32_t v = dict_parse_date(s, n);
    if (v < 0) {
        dict_error(L, "bad date '%.*s' (YYMMDD or YYYYMMDD with a real month and day)",
                   (int)(n > 40 ? 40 : n), s);
        return -1;
    }
    if (!dict_date_exists(v))
        dict_warning(L, "date '%.*s' names a day its month does not have; kept as written",
                     (int)n, s);
    *out = v;
    return 0;
}

int dict_parse_code(dict_loader *L, const char *s, size_t n, dict_code_use use,
                    dict_code_block *out)
{
    dict_trim(&s, &n);
    out->dated = false;
    out->from = DICT_DATE_MIN;
    out->to = DICT_DATE_MAX;
    /* The manual prints the null code spaced out: [- - -]. */
    if (n == 5 && memcmp(s, "- - -", 5) == 0) { s = "---"; n = 3; }
    size_t code_len = 0;
    if (use == DICT_CODE_ACTOR) {
        while (code_len < n && !dict_is_space((unsigned char)s[code_len]) &&
               s[code_len] != '<' && s[code_len] != '>') code_len++;
    } else {
        code_len = n;
    }
    if (!code_len) {
        dict_error(L, n ? "date restriction without a code in [...]" : "no code in [...]");
        return -1;
    }
    if (!valid_code(s, code_len, use)) {
        dict_error(L, "'%.*s' is not a valid %s", (int)(code_len > 60 ? 60 : code_len), s,
                   code_use_name(use));
        return -1;
    }
    out->code = dict_intern(L->d, s, code_len);
    if (out->code == DICT_NONE) { dict_oom(L); return -1; }
    const char *r = s + code_len;
    size_t m = n - code_len;
    dict_trim(&r, &m);
    if (!m) return 0;
    out->dated = true;
    if (r[0] == '<' || r[0] == '>') {
        char op = r[0];
        r++; m--;
        dict_trim(&r, &m);
        int32_t date;
        if (parse_date_at(L, r, m, &date)) return -1;
        if (op == '<') out->to = date;
        else out->from = date;
        return 0;
    }
    const char *dash = memchr(r, '-', m);
    if (!dash) {
        dict_error(L, "date restriction '%.*s' needs <DATE, >DATE or DATE-DATE",
                   (int)(m > 40 ? 40 : m), r);
        return -1;
    }
    const char *a = r, *b = dash + 1;
    size_t an = (size_t)(dash - r), bn = m - an - 1;
    dict_trim(&a, &an);
    dict_trim(&b, &bn);
    if (parse_date_at(L, a, an, &out->from) || parse_date_at(L, b, bn, &out->to)) return -1;
    return 0;
}

void dict_code_list_free(dict_code_list *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}

int dict_split_codes(dict_loader *L, const char *s, size_t n, size_t from, dict_code_use use,
                     bool close_alt, dict_code_list *out)
{
    out->n = 0;
    size_t i = from;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (dict_is_space(c)) { i++; continue; }
        if (c != '[') {
            dict_error(L, "unexpected text '%.*s' after the code", (int)(n - i > 40 ? 40 : n - i), s + i);
            return -1;
        }
        size_t j = i + 1;
        while (j < n && s[j] != ']' && s[j] != '[' && !(close_alt && s[j] == '}')) j++;
        if (j >= n || s[j] == '[') {
            dict_error(L, "missing ']' after '[%.*s'", (int)(j - i - 1 > 40 ? 40 : j - i - 1), s + i + 1);
            return -1;
        }
        if (s[j] == '}') dict_warning(L, "code closed by '}' instead of ']'");
        if (out->n == out->cap) {
            size_t ncap = out->cap ? out->cap * 2 : 8;
            dict_code_block *nv = realloc(out->v, ncap * sizeof *nv);
            if (!nv) { dict_oom(L); return -1; }
            out->v = nv;
            out->cap = ncap;
        }
        if (dict_parse_code(L, s + i + 1, j - i - 1, use, &out->v[out->n])) return -1;
        out->n++;
        i = j + 1;
    }
    return 0;
}

int dict_prepare_line(dict_loader *L, dict_lines *it, const char **s, size_t *n, dict_syntax syntax)
{
    L->repaired_this_line = false;
    if (dict_skip_markup_comment(L, it, s, n)) return 1;
    const char *t = *s;
    size_t m = *n;
    dict_trim(&t, &m);
    if (!m || t[0] == '#' || (syntax == DICT_SYNTAX_TABARI && t[0] == '/')) return 1;
    if (t[0] == '~') return 2;
    *n = dict_strip_comment(*s, *n, syntax);
    while (*n && dict_is_space((unsigned char)(*s)[*n - 1])) (*n)--;
    return *n ? 0 : 1;
}

void dict_ignore_rest(dict_loader *L, dict_lines *it)
{
    const char *s;
    size_t n;
    while (dict_lines_next(it, &s, &n)) dict_loader_counts(L)->ignored_lines++;
}
