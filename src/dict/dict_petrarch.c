/* dict_petrarch.c -- PETRARCH2's verb dictionary (CAMEO.2.0.txt), discard
 * list and issues file, as petrarch2/docs/dictionaries.rst describes them.
 *
 * One deliberate deviation: PETRARCH2's own verb reader stops recording
 * patterns after any line starting with "<!", so a file opening with an
 * SGML comment (PETR.Validate.verbs.txt) loses every pattern.  We treat
 * "<!..." lines as comments only and read the whole file. */
#include "dict_verbs.h"
#include <stdlib.h>

typedef struct petrarch_verbs {
    uint32_t block, verb;
    bool in_synset;   /* '+' lines are members, not multi-word verbs */
    uint32_t synset;  /* DICT_NONE when its &NAME line was rejected */
} petrarch_verbs;

static const unsigned PETRARCH_PATTERN_CTX =
    DICT_CTX_PATTERN | DICT_CTX_SYNSETS | DICT_CTX_PETRARCH_GROUPS;

/* '#' anywhere and ';' (two lines of CAMEO.2.0.txt) start comments. */
static int petrarch_prepare(dict_loader *L, dict_lines *it, const char **s, size_t *n)
{
    L->repaired_this_line = false;
    if (dict_skip_markup_comment(L, it, s, n)) return 1;
    *n = dict_strip_comment(*s, *n, DICT_SYNTAX_PETRARCH);
    dict_trim(s, n);
    return *n ? 0 : 1;
}

/* "--- NAME [CODE] ---": a new block of synonymous verbs. */
static void block_header(dict_loader *L, petrarch_verbs *st, const char *t, size_t m)
{
    /* The closing dashes are decoration: "[110]---  ---" is read as "[110]". */
    while (m && t[0] == '-') { t++; m--; }
    while (m && (t[m - 1] == '-' || dict_is_space((unsigned char)t[m - 1]))) m--;
    const char *bracket = memchr(t, '[', m);
    size_t name_len = bracket ? (size_t)(bracket - t) : m;
    dict_code_list codes = {0};
    st->block = st->verb = DICT_NONE;
    if (dict_split_codes(L, t, m, name_len, DICT_CODE_EVENT, false, &codes)) { dict_code_list_free(&codes); return; }
    uint32_t code = codes.n ? codes.v[0].code : dict_null_code(L->d);
    if (codes.n > 1)
        dict_warning(L, "a verb block takes one code; the second, [%s], is ignored",
                     dict_string(L->d, codes.v[1].code));
    dict_code_list_free(&codes);
    const char *name = t;
    dict_trim(&name, &name_len);
    if (!name_len) { dict_error(L, "verb block without a name"); return; }
    uint32_t name_id = dict_intern(L->d, name, name_len);
    if (name_id == DICT_NONE || code == DICT_NONE) { dict_oom(L); return; }
    st->block = dict_verbs_new_block(L, name_id, code, DICT_SECTION_VERBS);
}

/* "VERB {FORMS} [CODE]", "+MULTI_WORD {+FORMS}", "WIRE_+TAP". */
static void verb_line(dict_loader *L, petrarch_verbs *st, const char *t, size_t m)
{
    if (st->block == DICT_NONE) { dict_error(L, "verb before any '--- NAME [code] ---' block"); return; }
    const char *brace = memchr(t, '{', m), *bracket = memchr(t, '[', m);
    size_t phrase_len = m;
    if (brace) phrase_len = (size_t)(brace - t);
    if (bracket && (size_t)(bracket - t) < phrase_len) phrase_len = (size_t)(bracket - t);
    size_t codes_from = bracket ? (size_t)(bracket - t) : m;
    const char *forms = NULL;
    size_t nforms = 0;
    if (brace && (!bracket || brace < bracket)) {
        const char *close = memchr(brace, '}', m - (size_t)(brace - t));
        if (!close || (bracket && close > bracket)) { dict_error(L, "'{' without '}'"); return; }
        forms = brace + 1;
        nforms = (size_t)(close - brace - 1);
        for (const char *c = close + 1; c < t + codes_from; c++)
            if (!dict_is_space((unsigned char)*c)) { dict_error(L, "text between the verb forms and the code"); return; }
    }
    dict_code_list codes = {0};
    if (dict_split_codes(L, t, m, codes_from, DICT_CODE_EVENT, false, &codes)) { dict_code_list_free(&codes); return; }
    uint32_t code = codes.n ? codes.v[0].code : DICT_NONE;
    size_t ncodes = codes.n;
    dict_code_list_free(&codes);
    if (ncodes > 1) { dict_error(L, "a verb takes one code"); return; }
    dict_phrase ph = {0};
    if (dict_parse_phrase(L, t, phrase_len, DICT_CTX_VERB, &ph)) return;
    if (!ph.n) { dict_error(L, "verb line without a verb"); return; }
    st->verb = dict_verbs_new_verb(L, st->block, &ph, code);
    if (st->verb != DICT_NONE && forms) dict_verbs_add_forms(L, st->verb, forms, nforms, DICT_CTX_VERB);
}

/* "~ a (b c VERB) VERB2 = d e CODE" */
static void transform_line(dict_loader *L, const char *t, size_t m)
{
    const char *part[12];
    size_t plen[12], np = 0;
    size_t i = 1;
    while (i < m) {
        unsigned char c = (unsigned char)t[i];
        if (dict_is_space(c)) { i++; continue; }
        size_t j = i + 1;
        if (c != '(' && c != ')' && c != '=')
            while (j < m && !dict_is_space((unsigned char)t[j]) && t[j] != '(' && t[j] != ')' && t[j] != '=') j++;
        if (np == 12) { np++; break; }
        part[np] = t + i;
        plen[np++] = j - i;
        i = j;
    }
    /* a ( b c V ) V2 = d e CODE */
    if (np != 11 || plen[1] != 1 || part[1][0] != '(' || plen[5] != 1 || part[5][0] != ')' ||
        plen[7] != 1 || part[7][0] != '=') {
        dict_error(L, "transformation must read '~ a (b c VERB) VERB2 = d e CODE'");
        return;
    }
    static const int fields[] = {0, 2, 3, 4, 6, 8, 9, 10};
    uint32_t ids[8];
    for (int k = 0; k < 8; k++) {
        int f = fields[k];
        bool verb = f == 4 || f == 6;
        ids[k] = verb ? dict_intern_word(L, part[f], plen[f]) : dict_intern(L->d, part[f], plen[f]);
        if (ids[k] == DICT_NONE) { if (!verb) dict_oom(L); return; }
    }
    dict_transform *tr = dict_vec_push(&L->d->transforms, sizeof *tr);
    if (!tr) { dict_oom(L); return; }
    tr->outer_source = ids[0];
    tr->inner_source = ids[1];
    tr->inner_target = ids[2];
    tr->inner_verb = ids[3];
    tr->outer_verb = ids[4];
    tr->result_source = ids[5];
    tr->result_target = ids[6];
    tr->result_code = ids[7];
    tr->file = L->file;
    tr->line = (uint32_t)L->line;
    dict_loader_counts(L)->transforms++;
}

static void petrarch_verbs_line(dict_loader *L, petrarch_verbs *st, const char *t, size_t m)
{
    if (t[0] == '&') {
        st->synset = dict_verbs_new_synset(L, t + 1, m - 1);
        st->in_synset = true;
        return;
    }
    if (t[0] == '+' && st->in_synset) {
        if (st->synset == DICT_NONE) return; /* members of a rejected synset */
        dict_verbs_synset_member(L, st->synset, t + 1, m - 1, DICT_CTX_SYNSETS | DICT_CTX_ACTORS, true);
        return;
    }
    st->in_synset = false;
    if (m >= 3 && memcmp(t, "---", 3) == 0) { block_header(L, st, t, m); return; }
    if (t[0] == '-') {
        if (st->block == DICT_NONE) { dict_error(L, "pattern before any verb block"); return; }
        dict_verbs_pattern(L, st->block, t + 1, m - 1, PETRARCH_PATTERN_CTX, DICT_CODE_EVENT);
        return;
    }
    if (t[0] == '~') { transform_line(L, t, m); return; }
    verb_line(L, st, t, m);
}

void dict_read_petrarch_verbs(dict_loader *L, const char *data, size_t len)
{
    petrarch_verbs st = {DICT_NONE, DICT_NONE, false, DICT_NONE};
    dict_lines it;
    dict_lines_init(&it, data, len);
    const char *s;
    size_t n;
    while (!L->stop && dict_lines_next(&it, &s, &n)) {
        L->line = it.line;
        if (petrarch_prepare(L, &it, &s, &n) == 0) petrarch_verbs_line(L, &st, s, n);
    }
    dict_lines_finish(L, &it);
}

/* ---- discards --------------------------------------------------------------------- */

void dict_read_discards(dict_loader *L, const char *data, size_t len)
{
    dict_lines it;
    dict_lines_init(&it, data, len);
    const char *s;
    size_t n;
    unsigned ctx = L->syntax == DICT_SYNTAX_TABARI ? DICT_CTX_HYPHENS : 0;
    while (!L->stop && dict_lines_next(&it, &s, &n)) {
        L->line = it.line;
        if (petrarch_prepare(L, &it, &s, &n)) continue;
        dict_phrase ph = {0};
        ph.owner = ph.code = DICT_NONE;
        if (s[0] == '+') {
            ph.flags |= DICT_PF_STORY;
            s++; n--;
        }
        if (memchr(s, '[', n)) { dict_error(L, "discards take no [code]"); continue; }
        if (dict_parse_phrase(L, s, n, ctx, &ph)) continue;
        if (!ph.n) { dict_error(L, "'+' without a phrase"); continue; }
        if (dict_add_phrase(L, DICT_PH_DISCARD, &ph) == DICT_NONE) continue;
        dict_loader_counts(L)->discards++;
        if (ph.flags & DICT_PF_STORY) dict_loader_counts(L)->story_discards++;
    }
    dict_lines_finish(L, &it);
}

/* ---- issues ------------------------------------------------------------------------- */

/* The value of NAME="..." inside an <ISSUE ...> tag, or DICT_NONE. */
static uint32_t tag_attribute(dict_loader *L, const char *t, size_t m, const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i + nl < m; i++) {
        if (memcmp(t + i, name, nl) != 0 || (i && !dict_is_space((unsigned char)t[i - 1]))) continue;
        size_t j = i + nl;
        while (j < m && dict_is_space((unsigned char)t[j])) j++;
        if (j >= m || t[j] != '=') continue;
        j++;
        while (j < m && dict_is_space((unsigned char)t[j])) j++;
        if (j >= m || t[j] != '"') continue;
        const char *end = memchr(t + j + 1, '"', m - j - 1);
        if (!end) return DICT_NONE;
        uint32_t id = dict_intern(L->d, t + j + 1, (size_t)(end - t - j - 1));
        if (id == DICT_NONE) dict_oom(L);
        return id;
    }
    return DICT_NONE;
}

void dict_read_issues(dict_loader *L, const char *data, size_t len)
{
    dyad_dict *d = L->d;
    dict_lines it;
    dict_lines_init(&it, data, len);
    const char *s;
    size_t n;
    uint32_t category = DICT_NONE;
    bool tabari = L->syntax == DICT_SYNTAX_TABARI;
    while (!L->stop && dict_lines_next(&it, &s, &n)) {
        L->line = it.line;
        if (petrarch_prepare(L, &it, &s, &n)) continue;
        if (tabari && s[0] == '~' && category == DICT_NONE) break; /* ~FINISH */
        if (s[0] == '<') {
            if (n >= 8 && memcmp(s, "</ISSUE>", 8) == 0) { category = DICT_NONE; continue; }
            if (n >= 6 && memcmp(s, "<ISSUE", 6) == 0 && s[n - 1] == '>') {
                dict_issue_category *c = dict_vec_push(&d->issue_categories, sizeof *c);
                if (!c) { dict_oom(L); return; }
                c->name = tag_attribute(L, s, n, "CATEGORY");
                c->type = tag_attribute(L, s, n, "TYPE");
                c->default_code = tag_attribute(L, s, n, "DEFAULT");
                c->file = L->file;
                c->line = (uint32_t)L->line;
                category = (uint32_t)(d->issue_categories.n - 1);
                dict_loader_counts(L)->issue_categories++;
                continue;
            }
            dict_error(L, "expected <ISSUE ...> or </ISSUE>");
            continue;
        }
        dict_phrase ph = {0};
        ph.owner = category;
        ph.code = DICT_NONE;
        if (s[0] == '~') {
            ph.flags |= DICT_PF_IGNORE;
            s++; n--;
            if (n && s[0] == '~') { ph.flags |= DICT_PF_IGNORE2; s++; n--; }
        }
        const char *bracket = memchr(s, '[', n);
        size_t phrase_len = bracket ? (size_t)(bracket - s) : n;
        dict_code_list codes = {0};
        if (dict_split_codes(L, s, n, phrase_len, DICT_CODE_ISSUE, false, &codes)) { dict_code_list_free(&codes); continue; }
        size_t ncodes = codes.n;
        if (ncodes == 1) ph.code = codes.v[0].code;
        dict_code_list_free(&codes);
        if (ncodes > 1) { dict_error(L, "an issue takes one code"); continue; }
        if (!ncodes && !(ph.flags & DICT_PF_IGNORE)) {
            /* Inside a category a bare phrase takes the category as its
             * code: Phoenix.IssueCoding.txt lists "eurozone" under
             * EUROPEAN_UNION beside "eu [EUROPEAN_UNION]". */
            const dict_issue_category *cat = category == DICT_NONE ? NULL
                : &DICT_VEC_AT(d->issue_categories, dict_issue_category, category);
            if (!cat || cat->name == DICT_NONE) { dict_error(L, "issue phrase without a [CODE]"); continue; }
            ph.code = cat->name;
        }
        if (dict_parse_phrase(L, s, phrase_len, tabari ? DICT_CTX_HYPHENS : DICT_CTX_ISSUE, &ph)) continue;
        if (!ph.n) { dict_error(L, "code without a phrase before it"); continue; }
        if (dict_add_phrase(L, DICT_PH_ISSUE, &ph) == DICT_NONE) continue;
        if (ph.flags & DICT_PF_IGNORE) dict_loader_counts(L)->issue_ignores++;
        else dict_loader_counts(L)->issues++;
    }
    dict_lines_finish(L, &it);
}
