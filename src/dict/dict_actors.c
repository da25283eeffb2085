/* dict_actors.c -- actors and agents, in TABARI and PETRARCH2 syntax.
 *
 * The two formats share their structure (TABARI manual 5.3-5.4,
 * PETRARCH2 dictionaries.rst): a primary phrase with optional [codes],
 * '+' synonyms, and date-restricted codes on indented continuation lines.
 * They differ in comments (';' vs '#'), in TABARI's hyphens meaning '_',
 * and in PETRARCH agents' {plural} and !SUBSTITUTION! sets. */
#include "dict_private.h"
#include <stdlib.h>

typedef enum { LIST_NONE, LIST_NOUN, LIST_ADJECTIVE } word_list;

typedef struct actor_state {
    uint32_t actor;   /* open actor, DICT_NONE before the first */
    word_list list;
    dict_code_list codes;
} actor_state;

static unsigned phrase_ctx(const dict_loader *L)
{
    return L->syntax == DICT_SYNTAX_TABARI ? DICT_CTX_HYPHENS : 0;
}

static size_t find_char(const char *s, size_t n, char c)
{
    const char *p = memchr(s, c, n);
    return p ? (size_t)(p - s) : n;
}

static int add_codes(dict_loader *L, actor_state *st)
{
    dyad_dict *d = L->d;
    dict_actor *a = &DICT_VEC_AT(d->actors, dict_actor, st->actor);
    for (size_t i = 0; i < st->codes.n; i++) {
        dict_actor_code *c = dict_vec_push(&d->actor_codes, sizeof *c);
        if (!c) { dict_oom(L); return -1; }
        c->code = st->codes.v[i].code;
        c->from = st->codes.v[i].from;
        c->to = st->codes.v[i].to;
        c->dated = st->codes.v[i].dated;
        c->file = L->file;
        c->line = (uint32_t)L->line;
        a->ncodes++;
        dict_loader_counts(L)->codes++;
        if (c->dated) dict_loader_counts(L)->dated_codes++;
    }
    return 0;
}

static void actor_line(dict_loader *L, actor_state *st, const char *s, size_t n)
{
    dyad_dict *d = L->d;
    bool indented = dict_is_space((unsigned char)s[0]);
    const char *t = s;
    size_t m = n;
    dict_trim(&t, &m);
    if (t[0] == '<') {
        static const struct { const char *tag; word_list list; } tags[] = {
            {"<NOUN>", LIST_NOUN}, {"</NOUN>", LIST_NONE}, {"<ADJECTIVE>", LIST_ADJECTIVE},
            {"</ADJECTIVE>", LIST_NONE}, {"<ADJ>", LIST_ADJECTIVE}, {"</ADJ>", LIST_NONE}};
        for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
            if (m == strlen(tags[i].tag) && memcmp(t, tags[i].tag, m) == 0) {
                st->list = tags[i].list;
                st->actor = DICT_NONE;
                return;
            }
        }
        dict_error(L, "unknown section '%.*s' (actors files know <NOUN> and <ADJECTIVE>)",
                   (int)(m > 40 ? 40 : m), t);
        return;
    }
    if (st->list != LIST_NONE) {
        /* Nouns and adjectives have no codes (manual 5.3.2). */
        dict_phrase ph = {0};
        ph.owner = ph.code = DICT_NONE;
        if (find_char(t, m, '[') < m) { dict_error(L, "nouns and adjectives take no code"); return; }
        if (dict_parse_phrase(L, t, m, phrase_ctx(L), &ph)) return;
        if (!ph.n) return;
        bool noun = st->list == LIST_NOUN;
        if (dict_add_phrase(L, noun ? DICT_PH_NOUN : DICT_PH_ADJECTIVE, &ph) == DICT_NONE) return;
        if (noun) dict_loader_counts(L)->nouns++;
        else dict_loader_counts(L)->adjectives++;
        return;
    }
    if (indented && t[0] == '[') {
        /* continuation: date-restricted codes for the open actor */
        if (st->actor == DICT_NONE) { dict_error(L, "code line before any actor"); return; }
        if (dict_split_codes(L, t, m, 0, DICT_CODE_ACTOR, false, &st->codes)) return;
        add_codes(L, st);
        return;
    }
    bool synonym = t[0] == '+';
    if (synonym) {
        t++; m--;
        if (st->actor == DICT_NONE) { dict_error(L, "'+' synonym before any actor"); return; }
    }
    size_t phrase_len = find_char(t, m, '[');
    if (dict_split_codes(L, t, m, phrase_len, DICT_CODE_ACTOR, false, &st->codes)) return;
    dict_phrase ph = {0};
    ph.code = DICT_NONE;
    if (dict_parse_phrase(L, t, phrase_len, phrase_ctx(L), &ph)) return;
    if (!ph.n) { dict_error(L, synonym ? "'+' without a phrase" : "code without a phrase before it"); return; }
    if (!synonym) {
        dict_actor *a = dict_vec_push(&d->actors, sizeof *a);
        if (!a) { dict_oom(L); return; }
        a->first_phrase = (uint32_t)d->phrases[DICT_PH_ACTOR].n;
        a->first_code = (uint32_t)d->actor_codes.n;
        a->file = L->file;
        a->line = (uint32_t)L->line;
        st->actor = (uint32_t)(d->actors.n - 1);
        dict_loader_counts(L)->actors++;
    } else {
        ph.flags |= DICT_PF_SYNONYM;
    }
    ph.owner = st->actor;
    if (dict_add_phrase(L, DICT_PH_ACTOR, &ph) == DICT_NONE) return;
    DICT_VEC_AT(d->actors, dict_actor, st->actor).nphrases++;
    dict_loader_counts(L)->actor_phrases++;
    add_codes(L, st);
}

void dict_read_actors(dict_loader *L, const char *data, size_t len)
{
    actor_state st = {DICT_NONE, LIST_NONE, {0}};
    dict_lines it;
    dict_lines_init(&it, data, len);
    const char *s;
    size_t n;
    while (!L->stop && dict_lines_next(&it, &s, &n)) {
        L->line = it.line;
        int r = dict_prepare_line(L, &it, &s, &n, L->syntax);
        if (r == 2) { dict_ignore_rest(L, &it); break; }
        if (r == 0) actor_line(L, &st, s, n);
    }
    dict_lines_finish(L, &it);
    dict_code_list_free(&st.codes);
}

/* ---- agents ------------------------------------------------------------------ */

/* "!PERSON! = MAN, MEN, WOMAN" */
static void substitution_line(dict_loader *L, const char *t, size_t m)
{
    dyad_dict *d = L->d;
    size_t close = find_char(t + 1, m - 1, '!') + 1;
    size_t eq = find_char(t, m, '=');
    if (close >= m || eq >= m || eq < close) {
        dict_error(L, "substitution set must read !NAME! = WORD, WORD, ...");
        return;
    }
    uint32_t name = dict_intern(d, t + 1, close - 1);
    if (name == DICT_NONE) { dict_oom(L); return; }
    if (dict_map_get(&d->subst_by_name, name) != DICT_NONE) {
        dict_error(L, "substitution set !%s! is defined twice", dict_string(d, name));
        return;
    }
    dict_subst *sub = dict_vec_push(&d->substs, sizeof *sub);
    if (!sub) { dict_oom(L); return; }
    sub->name = name;
    sub->first_value = (uint32_t)d->subst_values.n;
    sub->file = L->file;
    sub->line = (uint32_t)L->line;
    const char *v = t + eq + 1;
    size_t vn = m - eq - 1;
    size_t start = 0;
    for (size_t i = 0; i <= vn; i++) {
        if (i < vn && v[i] != ',') continue;
        const char *item = v + start;
        size_t in = i - start;
        dict_trim(&item, &in);
        start = i + 1;
        if (!in) continue;
        uint32_t *val = dict_vec_push(&d->subst_values, sizeof *val);
        if (!val) { dict_oom(L); return; }
        *val = dict_intern(d, item, in);
        if (*val == DICT_NONE) { dict_oom(L); return; }
        sub->nvalues++;
    }
    if (!sub->nvalues) {
        dict_error(L, "substitution set !%s! has no words", dict_string(d, name));
        d->substs.n--;
        return;
    }
    if (dict_map_put(&d->subst_by_name, name, (uint32_t)(d->substs.n - 1))) { dict_oom(L); return; }
    dict_loader_counts(L)->substitutions++;
}

/* Expands the !NAME! markers of one phrase into every combination, each
 * NUL-separated in L->expand.  Returns the number of variants, or 0 after
 * reporting an error.  Works breadth-first over a list of partial strings,
 * so the depth of the work never depends on the input. */
static size_t expand_markers(dict_loader *L, const char *s, size_t n)
{
    dyad_dict *d = L->d;
    sbuf cur = {0}, next = {0};
    size_t count = 1;
    if (sbuf_append(&cur, "", 1)) goto oom;
    size_t i = 0;
    while (i < n) {
        size_t lit = i;
        while (lit < n && s[lit] != '!') lit++;
        size_t seg_end = lit;
        uint32_t sub = DICT_NONE;
        size_t after = lit;
        if (lit < n) {
            size_t close = lit + 1;
            while (close < n && s[close] != '!') close++;
            if (close >= n) {
                dict_error(L, "'!' without a closing '!'");
                goto fail;
            }
            uint32_t name = dict_string_find(d, s + lit + 1, close - lit - 1);
            sub = name == DICT_NONE ? DICT_NONE : dict_map_get(&d->subst_by_name, name);
            if (sub == DICT_NONE) {
                dict_error(L, "substitution !%.*s! is not defined above", (int)(close - lit - 1 > 40 ? 40 : close - lit - 1), s + lit + 1);
                goto fail;
            }
            after = close + 1;
        }
        const dict_subst *sb = sub == DICT_NONE ? NULL : &DICT_VEC_AT(d->substs, dict_subst, sub);
        size_t variants = sb ? sb->nvalues : 1;
        if (count * variants > DICT_MAX_EXPANSIONS) {
            dict_error(L, "substitutions expand this line to more than %d phrases", DICT_MAX_EXPANSIONS);
            goto fail;
        }
        sbuf_clear(&next);
        for (size_t at = 0; at < cur.len;) {
            size_t plen = strlen(cur.data + at);
            for (size_t v = 0; v < variants; v++) {
                if (sbuf_append(&next, cur.data + at, plen) || sbuf_append(&next, s + i, seg_end - i))
                    goto oom;
                if (sb) {
                    uint32_t val = DICT_VEC_AT(d->subst_values, uint32_t, sb->first_value + v);
                    if (sbuf_append(&next, dict_string(d, val), strlen(dict_string(d, val)))) goto oom;
                }
                if (sbuf_putc(&next, 0)) goto oom;
            }
            at += plen + 1;
        }
        count *= variants;
        sbuf tmp = cur; cur = next; next = tmp;
        i = after;
    }
    sbuf_free(&L->expand);
    L->expand = cur;
    sbuf_free(&next);
    return count;
oom:
    dict_oom(L);
fail:
    sbuf_free(&cur);
    sbuf_free(&next);
    return 0;
}

static void agent_line(dict_loader *L, const char *s, size_t n)
{
    dyad_dict *d = L->d;
    const char *t = s;
    size_t m = n;
    dict_trim(&t, &m);
    if (t[0] == '!' && find_char(t, m, '=') < m && find_char(t, m, '[') == m) {
        substitution_line(L, t, m);
        return;
    }
    size_t brace = find_char(t, m, '{'), bracket = find_char(t, m, '[');
    size_t phrase_len = brace < bracket ? brace : bracket;
    size_t codes_from = bracket;
    dict_plural plural = DICT_PLURAL_REGULAR;
    const char *pl = NULL;
    size_t pln = 0;
    if (brace < bracket) {
        size_t close = brace + find_char(t + brace, m - brace, '}');
        if (close >= m || close > bracket) { dict_error(L, "'{' without '}'"); return; }
        pl = t + brace + 1;
        pln = close - brace - 1;
        dict_trim(&pl, &pln);
        plural = pln ? DICT_PLURAL_EXPLICIT : DICT_PLURAL_NONE;
        for (size_t i = close + 1; i < bracket; i++)
            if (!dict_is_space((unsigned char)t[i])) { dict_error(L, "unexpected text between '}' and '['"); return; }
    }
    if (bracket >= m) { dict_error(L, "agent without a [~CODE]"); return; }
    dict_code_list codes = {0};
    if (dict_split_codes(L, t, m, codes_from, DICT_CODE_AGENT, true, &codes)) { dict_code_list_free(&codes); return; }
    if (codes.n != 1) {
        dict_error(L, "an agent takes exactly one code, not %zu", codes.n);
        dict_code_list_free(&codes);
        return;
    }
    uint32_t code = codes.v[0].code;
    dict_code_list_free(&codes);
    const char *phrase = t;
    size_t pn = phrase_len;
    dict_trim(&phrase, &pn);
    if (!pn) { dict_error(L, "code without a phrase before it"); return; }

    size_t mark_tokens = d->tokens.n, mark_phrases = d->phrases[DICT_PH_AGENT].n;
    uint32_t agent = (uint32_t)d->agents.n;
    size_t added = 0;
    /* the phrase, then its explicit plural, each expanded */
    for (int part = 0; part < 2; part++) {
        const char *src = part ? pl : phrase;
        size_t srcn = part ? pln : pn;
        if (part && plural != DICT_PLURAL_EXPLICIT) break;
        size_t variants = 1;
        bool expanded = memchr(src, '!', srcn) != NULL;
        if (expanded) {
            variants = expand_markers(L, src, srcn);
            if (!variants) goto undo;
        }
        const char *v = expanded ? L->expand.data : src;
        for (size_t k = 0; k < variants; k++) {
            size_t vn = expanded ? strlen(v) : srcn;
            dict_phrase ph = {0};
            ph.owner = agent;
            ph.code = code;
            ph.flags = (part ? DICT_PF_PLURAL : 0) | (expanded ? DICT_PF_EXPANDED | DICT_PF_NO_PLURAL : 0) |
                       (plural != DICT_PLURAL_REGULAR ? DICT_PF_NO_PLURAL : 0);
            if (dict_parse_phrase(L, v, vn, phrase_ctx(L), &ph)) goto undo;
            if (ph.n && dict_add_phrase(L, DICT_PH_AGENT, &ph) == DICT_NONE) goto undo;
            if (ph.n) added++;
            v += vn + 1;
        }
    }
    if (!added) { dict_error(L, "agent without a phrase"); goto undo; }
    dict_agent *a = dict_vec_push(&d->agents, sizeof *a);
    if (!a) { dict_oom(L); goto undo; }
    a->first_phrase = (uint32_t)mark_phrases;
    a->nphrases = (uint32_t)added;
    a->code = code;
    a->plural = (uint8_t)plural;
    a->file = L->file;
    a->line = (uint32_t)L->line;
    dict_loader_counts(L)->agents++;
    dict_loader_counts(L)->agent_phrases += added;
    return;
undo:
    d->tokens.n = mark_tokens;
    d->phrases[DICT_PH_AGENT].n = mark_phrases;
}

void dict_read_agents(dict_loader *L, const char *data, size_t len)
{
    dict_lines it;
    dict_lines_init(&it, data, len);
    const char *s;
    size_t n;
    while (!L->stop && dict_lines_next(&it, &s, &n)) {
        L->line = it.line;
        int r = dict_prepare_line(L, &it, &s, &n, L->syntax);
        if (r == 2) { dict_ignore_rest(L, &it); break; }
        if (r == 0) agent_line(L, s, n);
    }
    dict_lines_finish(L, &it);
}
