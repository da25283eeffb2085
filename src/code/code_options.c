/*
 * code_options.c -- the coder's settings: TABARI's .options commands
 * (manual chapter 8) as read into the dictionary, and OPTION lines that
 * change them later (the validation records of Validate.text carry
 * "{ OPTION: SET: CODE BY SENTENCE }").  Lines are read the way TABARI
 * reads them: a command by its first four letters, values forgiving of
 * small spelling differences ("TIME SHIFT", "CONVERT AGENT").
 */
#include "code.h"
#include <stdlib.h>

static void copy_str(char *dst, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (n >= cap) n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = 0;
}

void code_options_from_dict(code_options *o, const dyad_dict *d, bool has_time)
{
    const dict_options *src = dict_get_options(d);
    memset(o, 0, sizeof *o);
    o->by = strcmp(src->code_by, "SENTENCE") == 0 ? CODE_BY_SENTENCE :
            strcmp(src->code_by, "ALL") == 0 ? CODE_BY_ALL : CODE_BY_CLAUSE;
    o->minimum_words = src->minimum_words;
    o->convert_agents = src->convert_agents;
    o->fbis = src->fbis;
    o->yyyy = src->yyyy;
    o->code_nonrestrictive = src->code_nonrestrictive;
    o->time_shifting = src->time_shifting == DICT_3WAY_OFF ? has_time
                                                           : src->time_shifting == DICT_3WAY_TRUE;
    o->complex_verbs = src->complex_verbs;
    o->complex_actors = src->complex_actors;
    o->complex_pronouns = src->complex_pronouns;
    o->complex_conj = src->complex_conj;
    o->complex_comma = src->complex_comma;
    o->complex_lateverb = src->complex_lateverb;
    o->complex_flags = src->complex_flags;
    if (src->default_source != DICT_NONE)
        copy_str(o->default_source, sizeof o->default_source, dict_string(d, src->default_source));
    if (src->default_target != DICT_NONE)
        copy_str(o->default_target, sizeof o->default_target, dict_string(d, src->default_target));
    o->default_prior = src->default_prior;
    o->default_after = src->default_after;
    o->comma_off = src->comma_off;
    o->comma_min = src->comma_min;
    o->comma_max = src->comma_max;
    o->comma_emin = src->comma_emin;
    o->comma_emax = src->comma_emax;
    o->comma_bmin = src->comma_bmin;
    o->comma_bmax = src->comma_bmax;
    o->nonevents = src->nonevents;
    o->require_dyad = true;
    if (src->forward != DICT_NONE && !src->forward_off) {
        o->forward = true;
        copy_str(o->forward_format, sizeof o->forward_format, dict_string(d, src->forward));
    }
}

/* ---- option lines ---------------------------------------------------------------- */

/* Upper-cased copy with blank runs squeezed to one blank. */
static void squeeze(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    bool blank = false;
    for (size_t i = 0; i < n && k + 2 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\r') { blank = k > 0; continue; }
        if (blank) out[k++] = ' ';
        blank = false;
        out[k++] = (char)(ch_is_lower(c) ? c - 32 : c);
    }
    out[k] = 0;
}

static bool truth(const char *v)
{
    while (*v == ' ' || *v == '=') v++;
    return *v == 'T';
}

static const char *after_eq(const char *s)
{
    const char *e = strchr(s, '=');
    return e ? e + 1 : s + strlen(s);
}

static int number_after(const char *s)
{
    const char *v = after_eq(s);
    while (*v == ' ') v++;
    return (int)strtol(v, NULL, 10);
}

static int apply_set(code_options *o, const char *a)
{
    if (strncmp(a, "CODE", 4) == 0) {
        if (strstr(a, "SENTENCE")) o->by = CODE_BY_SENTENCE;
        else if (strstr(a, "ALL")) o->by = CODE_BY_ALL;
        else if (strstr(a, "CLAUSE")) o->by = CODE_BY_CLAUSE;
        else if (strstr(a, "NONRESTRICTIVE")) o->code_nonrestrictive = truth(after_eq(a));
        else return -1;
        return 0;
    }
    if (strncmp(a, "MINIMUM", 7) == 0) { o->minimum_words = number_after(a); return 0; }
    if (strncmp(a, "CONVERT", 7) == 0) { o->convert_agents = truth(after_eq(a)); return 0; }
    if (strncmp(a, "TIME", 4) == 0) { o->time_shifting = truth(after_eq(a)); return 0; }
    if (strncmp(a, "YYYY", 4) == 0) { o->yyyy = truth(after_eq(a)); return 0; }
    if (strncmp(a, "FBIS", 4) == 0) { o->fbis = truth(after_eq(a)); return 0; }
    /* settings that do not change coding */
    static const char *const inert[] = {"LABEL", "DUP", "ACTOR", "AGENT", "VERB", "SKIP",
                                        "HAIKU", "ALLCAPS", "MATCH", "CHECK"};
    for (size_t i = 0; i < sizeof inert / sizeof *inert; i++)
        if (strncmp(a, inert[i], strlen(inert[i])) == 0) return 0;
    return -1;
}

static int apply_complex(code_options *o, const char *a)
{
    static const char *const numbered[] = {"VERBS", "ACTORS", "PRONOUNS", "CONJ", "COMMA",
                                           "LATEVERB"};
    int *fields[] = {&o->complex_verbs, &o->complex_actors, &o->complex_pronouns,
                     &o->complex_conj, &o->complex_comma, &o->complex_lateverb};
    static const char *const flags[] = {"NOACTPRIOR", "NOACTAFTER", "NOVERB", "NOSOURCE",
                                        "NOTARGET", "NOEVENT", "EXPLAIN", "NOSAVE"};
    /* a COMPLEX line states the whole filter */
    for (size_t i = 0; i < 6; i++) *fields[i] = 0;
    o->complex_flags = 0;
    const char *p = a;
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        const char *w = p;
        while (*p && *p != ' ' && *p != '[') p++;
        size_t wn = (size_t)(p - w);
        if (*p == '[') {
            int v = (int)strtol(p + 1, NULL, 10);
            for (size_t i = 0; i < 6; i++)
                if (wn == strlen(numbered[i]) && memcmp(w, numbered[i], wn) == 0) *fields[i] = v;
            const char *close = strchr(p, ']');
            p = close ? close + 1 : p + strlen(p);
        } else {
            for (size_t i = 0; i < 8; i++)
                if (wn == strlen(flags[i]) && memcmp(w, flags[i], wn) == 0) o->complex_flags |= 1u << i;
        }
    }
    return 0;
}

static int apply_comma(code_options *o, const char *a)
{
    if (strncmp(a, "OFF", 3) == 0) { o->comma_off = true; return 0; }
    static const char *const names[] = {"BMIN", "BMAX", "EMIN", "EMAX", "MIN", "MAX"};
    int *fields[] = {&o->comma_bmin, &o->comma_bmax, &o->comma_emin, &o->comma_emax,
                     &o->comma_min, &o->comma_max};
    const char *p = a;
    while (*p) {
        while (*p == ' ') p++;
        size_t i = 0;
        for (; i < 6; i++)
            if (strncmp(p, names[i], strlen(names[i])) == 0) break;
        if (i == 6) {
            if (*p) p++;
            continue;
        }
        p += strlen(names[i]);
        while (*p == ' ' || *p == '=') p++;
        *fields[i] = (int)strtol(p, (char **)&p, 10);
    }
    o->comma_off = false;
    return 0;
}

static void bracket(const char *from, char *out, size_t cap)
{
    out[0] = 0;
    const char *open = strchr(from, '['), *close = open ? strchr(open, ']') : NULL;
    if (!open || !close) return;
    size_t n = (size_t)(close - open - 1);
    while (n && open[1] == ' ') { open++; n--; }
    while (n && open[n] == ' ') n--;
    if (n >= cap) n = cap - 1;
    memcpy(out, open + 1, n);
    out[n] = 0;
}

static int apply_default(code_options *o, const char *a)
{
    if (strncmp(a, "OFF", 3) == 0) {
        o->default_source[0] = o->default_target[0] = 0;
        o->default_prior = o->default_after = false;
        return 0;
    }
    const char *src = strstr(a, "SOURCE"), *tgt = strstr(a, "TARGET");
    if (!src && !tgt) return -1;
    if (src) {
        bracket(src, o->default_source, sizeof o->default_source);
        const char *prior = strstr(src, "PRIOR");
        o->default_prior = prior && (!tgt || tgt < src || prior < tgt);
    }
    if (tgt) {
        bracket(tgt, o->default_target, sizeof o->default_target);
        o->default_after = strstr(tgt, "AFTER") != NULL;
    }
    return 0;
}

int code_options_apply(code_options *o, const char *line, size_t n)
{
    char buf[512];
    squeeze(line, n, buf, sizeof buf);
    char *colon = strchr(buf, ':');
    if (!colon) return -1;
    char *arg = colon + 1;
    while (*arg == ' ') arg++;
    size_t cn = (size_t)(colon - buf);
    while (cn && buf[cn - 1] == ' ') cn--;
    if (cn >= 3 && strncmp(buf, "SET", 3) == 0) return apply_set(o, arg);
    if (cn < 4) return -1;
    if (strncmp(buf, "COMP", 4) == 0) return apply_complex(o, arg);
    if (strncmp(buf, "COMM", 4) == 0) return apply_comma(o, arg);
    if (strncmp(buf, "DEFA", 4) == 0) return apply_default(o, arg);
    if (strncmp(buf, "NONE", 4) == 0) {
        o->nonevents = strncmp(arg, "TRUE", 4) == 0 ? 1 : strncmp(arg, "ONLY", 4) == 0 ? 2 : 0;
        return 0;
    }
    if (strncmp(buf, "FORW", 4) == 0) {
        char *sp = strchr(arg, ' ');
        size_t fl = sp ? (size_t)(sp - arg) : strlen(arg);
        if (fl >= sizeof o->forward_format) fl = sizeof o->forward_format - 1;
        memcpy(o->forward_format, arg, fl);
        o->forward_format[fl] = 0;
        o->forward = fl > 0 && !(sp && strstr(sp, "OFF"));
        return 0;
    }
    if (strncmp(buf, "OUTP", 4) == 0 || strncmp(buf, "LABE", 4) == 0) return 0;
    return -1;
}
