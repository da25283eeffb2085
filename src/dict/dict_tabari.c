/* dict_tabari.c -- TABARI's .verbs, .options and .project files, as the
 * TABARI 0.8.4 manual defines them (chapters 4, 5, 8, 10). */
#include "dict_verbs.h"
#include <stdlib.h>

/* ---- .verbs --------------------------------------------------------------- */

typedef struct tabari_verbs {
    dict_section section;
    bool in_synsets;
    uint32_t block, verb, synset;
} tabari_verbs;

static bool tag_is(const char *s, size_t n, const char *tag)
{
    size_t m = strlen(tag);
    if (n < m) return false;
    for (size_t i = 0; i < m; i++)
        if (ch_lower((unsigned char)s[i]) != ch_lower((unsigned char)tag[i])) return false;
    return true;
}

static void tabari_section_tag(dict_loader *L, tabari_verbs *st, const char *t, size_t m)
{
    static const struct { const char *tag; int section; bool synsets; } tags[] = {
        {"<SYNSETS>", -1, true}, {"<SYNSET>", -1, true}, {"</SYNSETS>", -1, false},
        {"</SYNSET>", -1, false}, {"<TIME>", DICT_SECTION_TIME, false},
        {"</TIME>", DICT_SECTION_VERBS, false}, {"<ATTRIB>", DICT_SECTION_ATTRIB, false},
        {"</ATTRIB>", DICT_SECTION_VERBS, false}, {"<ATTRIBUTION>", DICT_SECTION_ATTRIB, false},
        {"</ATTRIBUTION>", DICT_SECTION_VERBS, false}};
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
        if (m == strlen(tags[i].tag) && tag_is(t, m, tags[i].tag)) {
            if (tags[i].section >= 0) {
                bool opening = t[1] != '/';
                if (opening && st->section != DICT_SECTION_VERBS)
                    dict_error(L, "%.*s inside another section", (int)m, t);
                st->section = (dict_section)tags[i].section;
            }
            st->in_synsets = tags[i].synsets;
            st->block = st->verb = st->synset = DICT_NONE;
            return;
        }
    }
    dict_error(L, "unknown section '%.*s' (.verbs files know <SYNSETS>, <TIME> and <ATTRIB>)",
               (int)(m > 40 ? 40 : m), t);
}

static const unsigned TABARI_PATTERN_CTX =
    DICT_CTX_PATTERN | DICT_CTX_SYNSETS | DICT_CTX_TABARI_ALT | DICT_CTX_HYPHENS;

static void tabari_root(dict_loader *L, tabari_verbs *st, const char *t, size_t m)
{
    dyad_dict *d = L->d;
    const char *bracket = memchr(t, '[', m);
    size_t phrase_len = bracket ? (size_t)(bracket - t) : m;
    dict_code_use use = st->section == DICT_SECTION_TIME ? DICT_CODE_TIME : DICT_CODE_EVENT;
    dict_code_list codes = {0};
    if (dict_split_codes(L, t, m, phrase_len, use, false, &codes)) { dict_code_list_free(&codes); return; }
    if (codes.n > 1) {
        dict_error(L, "a verb takes one code, not %zu", codes.n);
        dict_code_list_free(&codes);
        return;
    }
    uint32_t code = codes.n ? codes.v[0].code : DICT_NONE;
    dict_code_list_free(&codes);
    dict_phrase ph = {0};
    if (dict_parse_phrase(L, t, phrase_len, DICT_CTX_HYPHENS, &ph)) return;
    if (!ph.n) { dict_error(L, "code without a verb before it"); return; }
    char name[DICT_MAX_WORD + 1];
    size_t nl = phrase_len;
    const char *np = t;
    dict_trim(&np, &nl);
    if (nl > DICT_MAX_WORD) nl = DICT_MAX_WORD;
    memcpy(name, np, nl);
    name[nl] = 0;
    uint32_t name_id = dict_intern(d, name, nl);
    if (name_id == DICT_NONE) { dict_oom(L); return; }
    uint32_t block = dict_verbs_new_block(L, name_id, code, st->section);
    if (block == DICT_NONE) return;
    st->block = block;
    st->verb = dict_verbs_new_verb(L, block, &ph, code);
}

static void tabari_verbs_line(dict_loader *L, tabari_verbs *st, const char *s, size_t n)
{
    const char *t = s;
    size_t m = n;
    dict_trim(&t, &m);
    switch (t[0]) {
    case '<':
        tabari_section_tag(L, st, t, m);
        return;
    case '&':
        st->block = st->verb = DICT_NONE;
        st->synset = dict_verbs_new_synset(L, t + 1, m - 1);
        return;
    case '+':
        if (st->synset == DICT_NONE) { dict_error(L, "'+' line outside a synset"); return; }
        dict_verbs_synset_member(L, st->synset, t + 1, m - 1,
                                 DICT_CTX_ACTORS | DICT_CTX_SYNSETS | DICT_CTX_HYPHENS, false);
        return;
    case '-':
        if (st->block == DICT_NONE) { dict_error(L, "pattern before any verb"); return; }
        dict_verbs_pattern(L, st->block, t + 1, m - 1, TABARI_PATTERN_CTX,
                           st->section == DICT_SECTION_TIME ? DICT_CODE_TIME : DICT_CODE_EVENT);
        return;
    case '{': {
        if (st->verb == DICT_NONE) { dict_error(L, "verb forms before any verb"); return; }
        const char *close = memchr(t, '}', m);
        if (!close) { dict_error(L, "'{' without '}'"); return; }
        for (const char *c = close + 1; c < t + m; c++)
            if (!dict_is_space((unsigned char)*c)) { dict_error(L, "text after the verb forms' '}'"); return; }
        dict_verbs_add_forms(L, st->verb, t + 1, (size_t)(close - t - 1), DICT_CTX_HYPHENS);
        return;
    }
    default:
        if (st->in_synsets) { dict_error(L, "line in <SYNSETS> that is neither &NAME nor +MEMBER"); return; }
        st->synset = DICT_NONE;
        tabari_root(L, st, t, m);
        return;
    }
}

void dict_read_tabari_verbs(dict_loader *L, const char *data, size_t len)
{
    tabari_verbs st = {DICT_SECTION_VERBS, false, DICT_NONE, DICT_NONE, DICT_NONE};
    dict_lines it;
    dict_lines_init(&it, data, len);
    const char *s;
    size_t n;
    while (!L->stop && dict_lines_next(&it, &s, &n)) {
        L->line = it.line;
        int r = dict_prepare_line(L, &it, &s, &n, DICT_SYNTAX_TABARI);
        if (r == 2) { dict_ignore_rest(L, &it); break; }
        if (r == 0) tabari_verbs_line(L, &st, s, n);
    }
    dict_lines_finish(L, &it);
    if (st.section != DICT_SECTION_VERBS && !L->stop)
        dict_error(L, "<%s> is never closed", st.section == DICT_SECTION_TIME ? "TIME" : "ATTRIB");
}

/* ---- .options ------------------------------------------------------------------ */

/* Upper-cased copy of s with runs of blanks made one blank. */
static size_t squeeze_upper(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    bool blank = false;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (dict_is_space(c)) { blank = k > 0; continue; }
        if (blank && k + 2 < cap) out[k++] = ' ';
        blank = false;
        out[k++] = (char)(ch_is_lower(c) ? c - 32 : c);
    }
    out[k] = 0;
    return k;
}

static int parse_logical(const char *v, bool *out)
{
    if (strcmp(v, "TRUE") == 0 || strcmp(v, "T") == 0) { *out = true; return 0; }
    if (strcmp(v, "FALSE") == 0 || strcmp(v, "F") == 0) { *out = false; return 0; }
    return -1;
}

static int parse_3way(const char *v, uint8_t *out)
{
    if (strcmp(v, "OFF") == 0) { *out = DICT_3WAY_OFF; return 0; }
    bool b;
    if (parse_logical(v, &b)) return -1;
    *out = b ? DICT_3WAY_TRUE : DICT_3WAY_FALSE;
    return 0;
}

static int parse_int(const char *v, int *out)
{
    if (!*v) return -1;
    long x = 0;
    bool neg = *v == '-';
    if (neg) v++;
    if (!ch_is_digit((unsigned char)*v)) return -1;
    for (; *v; v++) {
        if (!ch_is_digit((unsigned char)*v)) return -1;
        x = x * 10 + (*v - '0');
        if (x > 1000000) return -1;
    }
    *out = (int)(neg ? -x : x);
    return 0;
}

static void option_set(dict_loader *L, const char *arg)
{
    dict_options *o = &L->d->options;
    /* "NAME = VALUE" or "NAME VALUE" (CODE BY CLAUSE, ALLCAPS TRUE) */
    static const char *const logical[] = {"LABEL", "DUP WARNING", "CONVERT AGENTS", "FBIS", "YYYY",
                                          "SKIP RECORDS", "HAIKU", "ALLCAPS", "CODE NONRESTRICTIVE"};
    bool *logical_fields[] = {&o->label, &o->dup_warning, &o->convert_agents, &o->fbis, &o->yyyy,
                              &o->skip_records, &o->haiku, &o->allcaps, &o->code_nonrestrictive};
    static const char *const threeway[] = {"ACTOR USAGE", "AGENT USAGE", "VERB USAGE", "TIME SHIFTING"};
    uint8_t *threeway_fields[] = {&o->actor_usage, &o->agent_usage, &o->verb_usage, &o->time_shifting};
    const char *value = NULL;
    size_t name_len = 0;
    const char *eq = strchr(arg, '=');
    char name[64];
    if (eq) {
        name_len = (size_t)(eq - arg);
        value = eq + 1;
    } else {
        const char *sp = strrchr(arg, ' ');
        name_len = sp ? (size_t)(sp - arg) : strlen(arg);
        value = sp ? sp + 1 : "";
    }
    while (name_len && arg[name_len - 1] == ' ') name_len--;
    while (*value == ' ') value++;
    if (name_len >= sizeof name) name_len = sizeof name - 1;
    memcpy(name, arg, name_len);
    name[name_len] = 0;
    if (strncmp(arg, "CODE", 4) == 0 && !eq) {
        const char *v = arg + 4;
        while (*v == ' ') v++;
        if (strncmp(v, "BY ", 3) == 0) v += 3;
        if (strcmp(v, "CLAUSE") == 0 || strcmp(v, "SENTENCE") == 0 || strcmp(v, "ALL") == 0) {
            size_t vl = strlen(v);
            memcpy(o->code_by, v, vl + 1); /* at most "SENTENCE" */
            o->set_lines++;
            return;
        }
    }
    for (size_t i = 0; i < sizeof logical / sizeof *logical; i++) {
        if (strcmp(name, logical[i]) == 0) {
            if (parse_logical(value, logical_fields[i])) break;
            o->set_lines++;
            return;
        }
    }
    for (size_t i = 0; i < sizeof threeway / sizeof *threeway; i++) {
        if (strcmp(name, threeway[i]) == 0) {
            if (parse_3way(value, threeway_fields[i])) break;
            o->set_lines++;
            return;
        }
    }
    if (strcmp(name, "MINIMUM WORDS") == 0 && parse_int(value, &o->minimum_words) == 0) {
        o->set_lines++;
        return;
    }
    if (strcmp(name, "MATCH") == 0) {
        dict_warning(L, "SET: MATCH is obsolete since TABARI 0.8; use OUTPUT: MATCH");
        if (strcmp(value, "TRUE") == 0 || strcmp(value, "T") == 0) o->output |= DICT_OUT_MATCH;
        return;
    }
    dict_error(L, "unknown setting or value in 'SET: %s'", arg);
}

static void option_complex(dict_loader *L, const char *arg)
{
    dict_options *o = &L->d->options;
    static const char *const numbered[] = {"VERBS", "ACTORS", "PRONOUNS", "CONJ", "COMMA", "LATEVERB"};
    int *numbered_fields[] = {&o->complex_verbs, &o->complex_actors, &o->complex_pronouns,
                              &o->complex_conj, &o->complex_comma, &o->complex_lateverb};
    static const char *const flags[] = {"NOACTPRIOR", "NOACTAFTER", "NOVERB", "NOSOURCE",
                                        "NOTARGET", "NOEVENT", "EXPLAIN", "NOSAVE"};
    const char *p = arg;
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        const char *w = p;
        while (*p && *p != ' ' && *p != '[') p++;
        size_t wn = (size_t)(p - w);
        bool done = false;
        if (*p == '[') {
            const char *close = strchr(p, ']');
            if (!close) { dict_error(L, "COMPLEX: '[' without ']'"); return; }
            char num[16];
            size_t nn = (size_t)(close - p - 1);
            if (nn >= sizeof num) nn = sizeof num - 1;
            memcpy(num, p + 1, nn);
            num[nn] = 0;
            for (size_t i = 0; i < sizeof numbered / sizeof *numbered; i++) {
                if (wn == strlen(numbered[i]) && memcmp(w, numbered[i], wn) == 0) {
                    if (parse_int(num, numbered_fields[i])) break;
                    done = true;
                }
            }
            p = close + 1;
        } else {
            for (size_t i = 0; i < sizeof flags / sizeof *flags; i++)
                if (wn == strlen(flags[i]) && memcmp(w, flags[i], wn) == 0) {
                    o->complex_flags |= 1u << i;
                    done = true;
                }
        }
        if (!done) { dict_error(L, "COMPLEX: unknown condition '%.*s'", (int)(wn > 40 ? 40 : wn), w); return; }
    }
    o->set_lines++;
}

static void option_output(dict_loader *L, const char *arg)
{
    static const char *const fields[] = {"ACTORS", "AGENTS", "PARENT", "SHIFT", "MATCH",
                                         "LOCS", "PATTERN", "ID", "TEXT"};
    dict_options *o = &L->d->options;
    const char *p = arg;
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        const char *w = p;
        while (*p && *p != ' ') p++;
        size_t wn = (size_t)(p - w);
        bool known = false;
        for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
            size_t fl = strlen(fields[i]);
            /* ACTOR and ACTORS, PATTERNS and PATTERN are both written. */
            if ((wn == fl || (wn + 1 == fl && fields[i][fl - 1] == 'S') ||
                 (wn == fl + 1 && w[wn - 1] == 'S')) && memcmp(w, fields[i], wn < fl ? wn : fl) == 0) {
                o->output |= 1u << i;
                known = true;
            }
        }
        if (!known) { dict_error(L, "OUTPUT: unknown field '%.*s'", (int)(wn > 40 ? 40 : wn), w); return; }
    }
    o->set_lines++;
}

static void option_comma(dict_loader *L, const char *arg)
{
    dict_options *o = &L->d->options;
    if (strcmp(arg, "OFF") == 0) { o->comma_off = true; o->set_lines++; return; }
    static const char *const names[] = {"BMIN", "BMAX", "EMIN", "EMAX", "MIN", "MAX"};
    int *fields[] = {&o->comma_bmin, &o->comma_bmax, &o->comma_emin, &o->comma_emax,
                     &o->comma_min, &o->comma_max};
    const char *p = arg;
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        size_t i = 0;
        for (; i < sizeof names / sizeof *names; i++)
            if (strncmp(p, names[i], strlen(names[i])) == 0) break;
        if (i == sizeof names / sizeof *names) { dict_error(L, "COMMA: expected MIN=, MAX=, EMIN=, EMAX=, BMIN=, BMAX= or OFF"); return; }
        p += strlen(names[i]);
        while (*p == ' ') p++;
        if (*p != '=') { dict_error(L, "COMMA: '=' missing after %s", names[i]); return; }
        p++;
        while (*p == ' ') p++;
        char num[16];
        size_t k = 0;
        while (*p && *p != ' ' && k + 1 < sizeof num) num[k++] = *p++;
        num[k] = 0;
        if (parse_int(num, fields[i])) { dict_error(L, "COMMA: %s needs a number", names[i]); return; }
    }
    o->comma_off = false;
    o->set_lines++;
}

static uint32_t bracket_code(dict_loader *L, const char *p)
{
    const char *open = strchr(p, '['), *close = open ? strchr(open, ']') : NULL;
    if (!open || !close || close == open + 1) return DICT_NONE;
    uint32_t id = dict_intern(L->d, open + 1, (size_t)(close - open - 1));
    if (id == DICT_NONE) dict_oom(L);
    return id;
}

static void option_default(dict_loader *L, const char *arg)
{
    dict_options *o = &L->d->options;
    if (strcmp(arg, "OFF") == 0) {
        o->default_source = o->default_target = DICT_NONE;
        o->default_prior = o->default_after = false;
        o->set_lines++;
        return;
    }
    const char *src = strstr(arg, "SOURCE"), *tgt = strstr(arg, "TARGET");
    if (!src && !tgt) { dict_error(L, "DEFAULT: expected SOURCE [code] and/or TARGET [code]"); return; }
    if (src) {
        const char *end = tgt && tgt > src ? tgt : arg + strlen(arg);
        o->default_source = bracket_code(L, src);
        const char *prior = strstr(src, "PRIOR");
        o->default_prior = prior && prior < end;
        if (o->default_source == DICT_NONE) { dict_error(L, "DEFAULT: SOURCE without [code]"); return; }
    }
    if (tgt) {
        o->default_target = bracket_code(L, tgt);
        o->default_after = strstr(tgt, "AFTER") != NULL;
        if (o->default_target == DICT_NONE) { dict_error(L, "DEFAULT: TARGET without [code]"); return; }
    }
    o->set_lines++;
}

static void option_label(dict_loader *L, const char *raw, size_t n)
{
    /* LABEL: code = text -- the text keeps its case and inner blanks. */
    const char *eq = memchr(raw, '=', n);
    if (!eq) { dict_error(L, "LABEL: expected CODE = TEXT"); return; }
    const char *c = raw, *t = eq + 1;
    size_t cn = (size_t)(eq - raw), tn = n - cn - 1;
    dict_trim(&c, &cn);
    dict_trim(&t, &tn);
    if (!cn) { dict_error(L, "LABEL: no code before '='"); return; }
    dict_label *lab = dict_vec_push(&L->d->labels, sizeof *lab);
    if (!lab) { dict_oom(L); return; }
    lab->code = dict_intern(L->d, c, cn);
    if (!utf8_valid(t, tn)) {
        dict_warning(L, "invalid UTF-8 in the label replaced by U+FFFD");
        sbuf_clear(&L->word);
        for (size_t i = 0; i < tn;) {
            size_t adv;
            uint32_t cp = utf8_decode((const unsigned char *)t + i, tn - i, &adv);
            char enc[4];
            if (sbuf_append(&L->word, enc, utf8_encode(cp, enc))) { dict_oom(L); return; }
            i += adv;
        }
        lab->text = dict_intern(L->d, L->word.data, L->word.len);
    } else {
        lab->text = dict_intern(L->d, t, tn);
    }
    if (lab->code == DICT_NONE || lab->text == DICT_NONE) { dict_oom(L); return; }
    lab->file = L->file;
    lab->line = (uint32_t)L->line;
    dict_loader_counts(L)->labels++;
}

/* Commands are recognised by their first four letters and the colon, as
 * TABARI does (manual 8.1.1). */
static void options_line(dict_loader *L, const char *s, size_t n)
{
    const char *colon = memchr(s, ':', n);
    if (!colon) { dict_error(L, "expected COMMAND: ..."); return; }
    char cmd[8];
    size_t cn = squeeze_upper(s, (size_t)(colon - s), cmd, sizeof cmd);
    const char *rest = colon + 1;
    size_t rn = n - (size_t)(colon - s) - 1;
    if (cn >= 4 && memcmp(cmd, "LABE", 4) == 0) { option_label(L, rest, rn); return; }
    char arg[1024];
    if (rn >= sizeof arg) { dict_error(L, "option line longer than %zu bytes", sizeof arg); return; }
    squeeze_upper(rest, rn, arg, sizeof arg);
    if (cn < 3) { dict_error(L, "unknown command '%.*s:'", (int)(colon - s), s); return; }
    if (memcmp(cmd, "SET", 3) == 0) option_set(L, arg);
    else if (cn >= 4 && memcmp(cmd, "COMP", 4) == 0) option_complex(L, arg);
    else if (cn >= 4 && memcmp(cmd, "OUTP", 4) == 0) option_output(L, arg);
    else if (cn >= 4 && memcmp(cmd, "COMM", 4) == 0) option_comma(L, arg);
    else if (cn >= 4 && memcmp(cmd, "DEFA", 4) == 0) option_default(L, arg);
    else if (cn >= 4 && memcmp(cmd, "NONE", 4) == 0) {
        dict_options *o = &L->d->options;
        if (strcmp(arg, "TRUE") == 0) o->nonevents = 1;
        else if (strcmp(arg, "ONLY") == 0) o->nonevents = 2;
        else if (strcmp(arg, "FALSE") == 0) o->nonevents = 0;
        else { dict_error(L, "NONEVENTS: expected TRUE, FALSE or ONLY"); return; }
        o->set_lines++;
    } else if (cn >= 4 && memcmp(cmd, "FORW", 4) == 0) {
        dict_options *o = &L->d->options;
        char *sp = strchr(arg, ' ');
        size_t fl = sp ? (size_t)(sp - arg) : strlen(arg);
        if (!fl) { dict_error(L, "FORWARD: expected a sequence format"); return; }
        o->forward = dict_intern(L->d, arg, fl);
        o->forward_doc = sp && strstr(sp, "DOC");
        o->forward_off = sp && strstr(sp, "OFF");
        o->set_lines++;
    } else {
        dict_error(L, "unknown command '%.*s:'", (int)(colon - s), s);
        return;
    }
    dict_loader_counts(L)->option_lines++;
}

static size_t strip_option_comment(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '#') return i;
        if (s[i] == '/' && i + 1 < n && s[i + 1] == '/') return i;
    }
    return n;
}

void dict_read_tabari_options(dict_loader *L, const char *data, size_t len)
{
    dict_lines it;
    dict_lines_init(&it, data, len);
    const char *s;
    size_t n;
    while (!L->stop && dict_lines_next(&it, &s, &n)) {
        L->line = it.line;
        L->repaired_this_line = false;
        n = strip_option_comment(s, n);
        dict_trim(&s, &n);
        if (!n) continue;
        if (s[0] == '~') { dict_ignore_rest(L, &it); break; }
        options_line(L, s, n);
    }
}

/* ---- .project --------------------------------------------------------------------- */

/* Tags are told apart by their first two letters (manual 4.1), except the
 * two that share them. */
static int project_role(const char *tag, size_t n)
{
    if (n >= 4 && tag_is(tag, n, "doch")) return DICT_ROLE_DOCHEAD;
    if (n >= 4 && tag_is(tag, n, "doct")) return DICT_ROLE_DOCTAIL;
    static const struct { const char *two; int role; } roles[] = {
        {"ac", DICT_ROLE_ACTORS}, {"ve", DICT_ROLE_VERBS}, {"ag", DICT_ROLE_AGENTS},
        {"op", DICT_ROLE_OPTIONS}, {"is", DICT_ROLE_ISSUES}, {"te", DICT_ROLE_TEXT},
        {"ev", DICT_ROLE_EVENTS}, {"ou", DICT_ROLE_OUTPUT}, {"pr", DICT_ROLE_PROBLEMS},
        {"er", DICT_ROLE_ERRORS}, {"fr", DICT_ROLE_FREQS}, {"co", DICT_ROLE_CODER},
        {"sy", DICT_ROLE_SYSTEM}, {"ru", DICT_ROLE_SYSTEM}, {"se", DICT_ROLE_SESSION}};
    if (n < 2) return -1;
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (tag_is(tag, n, roles[i].two)) return roles[i].role;
    return -1;
}

static bool role_is_file(int role)
{
    return role != DICT_ROLE_CODER && role != DICT_ROLE_SYSTEM && role != DICT_ROLE_SESSION &&
           role != DICT_ROLE_DOCHEAD && role != DICT_ROLE_DOCTAIL;
}

static void project_load(dict_loader *L, int role, const char *path)
{
    dict_kind kind;
    switch (role) {
    case DICT_ROLE_ACTORS: kind = DICT_KIND_ACTORS; break;
    case DICT_ROLE_VERBS: kind = DICT_KIND_VERBS; break;
    case DICT_ROLE_AGENTS: kind = DICT_KIND_AGENTS; break;
    case DICT_ROLE_OPTIONS: kind = DICT_KIND_OPTIONS; break;
    case DICT_ROLE_ISSUES: kind = DICT_KIND_ISSUES; break;
    default: return;
    }
    dict_load_options opt = *L->opt;
    opt.kind = kind;
    opt.syntax = DICT_SYNTAX_TABARI;
    if (dict_load_file(L->d, path, &opt) != 0 && opt.strict) L->stop = true;
}

void dict_read_tabari_project(dict_loader *L, const char *data, size_t len)
{
    dict_lines it;
    dict_lines_init(&it, data, len);
    const char *s;
    size_t n;
    while (!L->stop && dict_lines_next(&it, &s, &n)) {
        L->line = it.line;
        dict_trim(&s, &n);
        /* Lines that do not begin with '<' are comments (manual 4.1). */
        if (!n || s[0] != '<') continue;
        const char *close = memchr(s, '>', n);
        if (!close) { dict_error(L, "'<' without '>'"); continue; }
        const char *tag = s + 1;
        size_t tn = (size_t)(close - s - 1);
        dict_trim(&tag, &tn);
        int role = project_role(tag, tn);
        if (role < 0) { dict_error(L, "unknown project tag '<%.*s>'", (int)(tn > 40 ? 40 : tn), tag); continue; }
        const char *v = close + 1;
        size_t vn = n - (size_t)(close - s) - 1;
        if (role == DICT_ROLE_SESSION) { v = s; vn = n; }
        else {
            /* an optional </tag> terminator may be followed by a comment */
            const char *end = memchr(v, '<', vn);
            if (end) vn = (size_t)(end - v);
            dict_trim(&v, &vn);
        }
        if (!vn && role_is_file(role)) { dict_error(L, "<%.*s> without a file name", (int)tn, tag); continue; }
        char path[4096];
        if (role_is_file(role) && v[0] != '/') {
            int w = snprintf(path, sizeof path, "%s/%.*s", L->dir, (int)vn, v);
            if (w < 0 || (size_t)w >= sizeof path) { dict_error(L, "file name too long"); continue; }
        } else {
            if (vn >= sizeof path) vn = sizeof path - 1;
            memcpy(path, v, vn);
            path[vn] = 0;
        }
        dict_project_entry *e = dict_vec_push(&L->d->project, sizeof *e);
        if (!e) { dict_oom(L); return; }
        e->role = (uint8_t)role;
        e->value = dict_intern(L->d, path, strlen(path));
        e->file = L->file;
        e->line = (uint32_t)L->line;
        if (e->value == DICT_NONE) { dict_oom(L); return; }
        dict_loader_counts(L)->project_entries++;
        size_t at = L->line;
        project_load(L, role, path);
        L->line = at;
    }
}
