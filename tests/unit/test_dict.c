/* test_dict.c -- the dictionary readers on every peer dictionary in
 * ../shared/peers, date-restricted codes, the checks, malformed lines and
 * hostile bytes.
 *
 * Counts were checked by hand against the files with grep; each table
 * row says how.  "Errors" are lines we report and skip; every one is a
 * genuinely malformed line, named in the comment of its row. */
#include "harness.h"
#include "dict/dict.h"
#include "internal.h"
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

/* ---- helpers ------------------------------------------------------------- */

typedef struct diag_log {
    int errors, warnings;
    char last_file[256];
    size_t last_line;
    char last_message[512];
} diag_log;

static void log_diag(const dyad_diag *d, void *user)
{
    diag_log *log = user;
    if (d->severity == DYAD_ERROR) log->errors++;
    else if (d->severity == DYAD_WARNING) log->warnings++;
    if (d->severity == DYAD_ERROR) {
        snprintf(log->last_file, sizeof log->last_file, "%s", d->file ? d->file : "");
        log->last_line = d->line;
        snprintf(log->last_message, sizeof log->last_message, "%s", d->message);
    }
}

static char *peer_path(const char *rel)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/peers/%s", shared_dir(), rel);
    return path;
}

static dyad_dict *load_peer(const char *rel, diag_log *log)
{
    dyad_dict *d = dict_new();
    dict_load_options opt = {0};
    opt.diag = log_diag;
    opt.user = log;
    if (d && dict_load_file(d, peer_path(rel), &opt) != 0) { dict_free(d); return NULL; }
    return d;
}

static dyad_dict *load_text(const char *name, const char *text, dict_syntax syntax, dict_kind kind,
                            bool strict, diag_log *log, int *rc)
{
    dyad_dict *d = dict_new();
    dict_load_options opt = {syntax, kind, strict, log_diag, log};
    int r = d ? dict_load_memory(d, name, text, strlen(text), &opt) : -1;
    if (rc) *rc = r;
    return d;
}

static uint32_t actor_named(const dyad_dict *d, const char *phrase)
{
    char copy[256];
    const char *words[32];
    size_t n = 0;
    snprintf(copy, sizeof copy, "%s", phrase);
    for (char *tok = strtok(copy, " "); tok && n < 32; tok = strtok(NULL, " ")) words[n++] = tok;
    uint32_t found[4];
    return dict_find_actors(d, words, n, found, 4) ? found[0] : DICT_NONE;
}

static const char *code_on(const dyad_dict *d, uint32_t actor, int32_t date)
{
    uint32_t code = dict_actor_code_on(d, actor, date);
    return code == DICT_NONE ? "(none)" : dict_string(d, code);
}

/* ---- every peer dictionary -------------------------------------------------- */

typedef struct peer_expect {
    const char *file;
    size_t verbs, forms, patterns, synsets, actors, actor_phrases, codes, dated_codes;
    size_t agents, agent_phrases, discards, issues, errors, warnings;
} peer_expect;

/* How each row was verified (G = grep, on the peer file):
 * TABARI.Demo.verbs: G '^-' = 409 dash lines, 2 of them in <TIME> -> 407;
 *   G '^[A-Z]' = 293 roots, 10 in <TIME> -> 283; two '{' lines with 3
 *   forms each -> 6; G '^&' = 5 synsets.
 * CAMEO.091003.master.verbs: G '^-' = 15582 patterns, 14 malformed:
 *   6214 '*~_', 13209 '*OVIDE' and 13753 '*TO_BEAT' glue letters to the
 *   verb marker; 7990, 14146, 14916-14922 and 14924 close '{' with ']';
 *   13706 has '}' without '{' -> 15568.  G '^[A-Z]' = 1216 roots.  The one
 *   warning is line 7995's Latin-1 no-break space (byte A0).
 * CAMEO.ECS: G '^[A-Z+]' = 619 phrases, G '^+' = 85 synonyms -> 534
 *   actors; G -o '\[' = 535 codes.
 * CAMEO.RCS: 1150 primary lines (not + # or indented), 275 '+' lines;
 *   1148 codes: two actors have none (reported by check as no-code).
 * CountryInfo.120116: 22830 primaries + 1449 synonyms = 24279 phrases;
 *   5981 warnings: CountryInfo writes month ends as day 31 of 30-day
 *   months (040931), which TABARI accepts and we keep; plus bad bytes.
 * Internatnl.120521: 3 errors, lines 2089, 2119, 4999: spreadsheet
 *   columns pasted after the code ("Newspapers/Magazines $137,000,000").
 * Levant.080629: 2 errors, lines 4558 and 5236: [PSEGOVFTA 030430
 *   040101-040101] has two dates where one range belongs.
 * PSU.120522.agents / Validate.agents: one agent per line with '['.
 * CAMEO.2.0.txt: G '^- ' = 4668 patterns, 3 malformed: 1735 '*SCEPTICAL',
 *   2374 and 7606 carry a stray ')' ("VISIT)[042:043]"); G '^---' = 397
 *   blocks; G '^&' = 40 synsets.
 * PETR.Validate.verbs.txt: G '^- ' = 474 patterns, all read although the
 *   file starts with "<!--" lines; the warning is line 447's second code.
 * PETR.Validate.actors.txt: 128 primaries, 33 synonyms.
 * Phoenix.Countries: 18390 primaries + 7527 '+' = 25917; 7 errors:
 *   2039 '9008223', 18010 '201005011', 22508 and 22519 '1920030320',
 *   43613 '1920050709' are not dates; 31715 [MNEGOV 20121204] and 51384
 *   [USAGOV 19820101] lack '<', '>' or a range.  2 warnings: bytes 0x1A.
 * Phoenix.International: 4 errors: line 40 '2004017' (7 digits) and the
 *   same three pasted spreadsheet lines as Internatnl (3696, 3726, 6605).
 * Phoenix.agents: 2244 lines with a code; 3403 phrases = each line's
 *   !PERSON! (5) and !MINIST! (4) expansions plus 29 explicit plurals
 *   (counted by a script over the file); 1 error: line 1927
 *   ISLAMIC_EXTREMIST has no code; 1 warning: line 544 '[~ENV}'.
 * Phoenix.discards: 506 non-comment lines, 64 with '+'.
 * Phoenix.IssueCoding: 4 errors: 1198 and 2889 hold two entries on one
 *   line, 2521 has two codes, 3053 has '*******' after the code.
 * tabari/discards.txt is not a dictionary (a tab-separated event table),
 * so it is not loaded. */
static const peer_expect peers[] = {
    /* file                                     verbs forms pats syn actors phrases codes dated agents aphr disc iss err warn */
    {"tabari/TABARI.Demo.verbs",                  283, 6, 407, 5,  0, 0, 0, 0,  0, 0, 0, 0, 0, 0},
    {"tabari/CAMEO.091003.master.verbs",         1216, 0, 15568, 0, 0, 0, 0, 0, 0, 0, 0, 0, 14, 1},
    {"tabari/TABARI.Demo.actors",                   0, 0, 0, 0, 120, 125, 131, 12, 0, 0, 0, 0, 0, 0},
    {"tabari/CAMEO.ECS.120522.actors",              0, 0, 0, 0, 534, 619, 535, 0, 0, 0, 0, 0, 0, 0},
    {"tabari/CAMEO.RCS.120521.actors",              0, 0, 0, 0, 1150, 1425, 1148, 0, 0, 0, 0, 0, 0, 0},
    {"tabari/CountryInfo.120116.actors",            0, 0, 0, 0, 22830, 24279, 32713, 25872, 0, 0, 0, 0, 0, 5981},
    {"tabari/Internatnl.120521.actors",             0, 0, 0, 0, 7484, 7484, 7569, 488, 0, 0, 0, 0, 3, 0},
    {"tabari/Levant.080629.actors",                 0, 0, 0, 0, 6095, 6095, 6634, 569, 0, 0, 0, 0, 2, 0},
    {"tabari/PSU.120522.agents",                    0, 0, 0, 0, 0, 0, 0, 0, 2131, 2131, 0, 0, 0, 0},
    {"tabari/Validate.agents",                      0, 0, 0, 0, 0, 0, 0, 0, 86, 86, 0, 0, 0, 0},
    {"petrarch2/dictionaries/CAMEO.2.0.txt",     1817, 976, 4665, 40, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0},
    {"petrarch2/dictionaries/PETR.Validate.verbs.txt", 269, 19, 474, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
    {"petrarch2/dictionaries/PETR.Validate.actors.txt", 0, 0, 0, 0, 128, 161, 138, 13, 0, 0, 0, 0, 0, 0},
    {"petrarch2/dictionaries/PETR.Validate.agents.txt", 0, 0, 0, 0, 0, 0, 0, 0, 88, 97, 0, 0, 0, 0},
    {"petrarch2/dictionaries/PETR.Validate.discards.txt", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0},
    {"petrarch2/dictionaries/Phoenix.Countries.actors.txt", 0, 0, 0, 0, 18390, 25917, 28382, 26103, 0, 0, 0, 0, 7, 2},
    {"petrarch2/dictionaries/Phoenix.International.actors.txt", 0, 0, 0, 0, 7838, 7904, 7892, 451, 0, 0, 0, 0, 4, 0},
    {"petrarch2/dictionaries/Phoenix.MilNonState.actors.txt", 0, 0, 0, 0, 1021, 1793, 1021, 1, 0, 0, 0, 0, 0, 0},
    {"petrarch2/dictionaries/Phoenix.agents.txt",   0, 0, 0, 0, 0, 0, 0, 0, 2244, 3403, 0, 0, 1, 1},
    {"petrarch2/dictionaries/Phoenix.discards.txt", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 506, 0, 0, 0},
    {"petrarch2/dictionaries/Phoenix.IssueCoding.txt", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2985, 4, 0},
};

static void dict_peer_files_load_with_expected_counts(tctx *t)
{
    for (size_t i = 0; i < sizeof peers / sizeof *peers; i++) {
        const peer_expect *e = &peers[i];
        diag_log log = {0};
        dyad_dict *d = load_peer(e->file, &log);
        if (!d) { tctx_fail(t, __FILE__, __LINE__, "cannot load %s", e->file); return; }
        dict_counts c = dict_total_counts(d);
        const size_t got[] = {c.verbs, c.verb_forms, c.patterns, c.synsets, c.actors, c.actor_phrases,
                              c.codes, c.dated_codes, c.agents, c.agent_phrases, c.discards, c.issues,
                              c.errors, c.warnings};
        const size_t want[] = {e->verbs, e->forms, e->patterns, e->synsets, e->actors, e->actor_phrases,
                               e->codes, e->dated_codes, e->agents, e->agent_phrases, e->discards,
                               e->issues, e->errors, e->warnings};
        static const char *const names[] = {"verbs", "forms", "patterns", "synsets", "actors",
                                            "actor phrases", "codes", "dated codes", "agents",
                                            "agent phrases", "discards", "issues", "errors", "warnings"};
        for (size_t k = 0; k < sizeof got / sizeof *got; k++) {
            if (got[k] != want[k]) {
                tctx_fail(t, __FILE__, __LINE__, "%s: %s = %zu, expected %zu", e->file, names[k], got[k], want[k]);
                dict_free(d);
                return;
            }
        }
        CHECK_INT(log.errors, (long long)e->errors);
        dict_free(d);
    }
}

static void dict_options_and_projects_load(tctx *t)
{
    diag_log log = {0};
    /* Validate.project names TABARI.Demo.actors/.verbs, Validate.options
     * and Validate.agents relative to itself; 118 '<' lines (G '^<'). */
    dyad_dict *d = load_peer("tabari/Validate.project", &log);
    CHECK(d != NULL);
    CHECK_INT(log.errors, 0);
    CHECK_INT(dict_file_count(d), 5);
    dict_counts c = dict_total_counts(d);
    CHECK_INT(c.project_entries, 118);
    CHECK_INT(c.actors, 120);
    CHECK_INT(c.patterns, 407);
    CHECK_INT(c.agents, 86);
    CHECK_INT(c.labels, 89);
    const dict_options *o = dict_get_options(d);
    /* COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN; SET: SKIP RECORDS = FALSE;
     * OUTPUT: ACTOR MATCH ID */
    CHECK_INT(o->complex_verbs, 5);
    CHECK_INT(o->complex_conj, 4);
    CHECK(o->complex_flags & DICT_CX_NOACTPRIOR);
    CHECK(o->complex_flags & DICT_CX_EXPLAIN);
    CHECK(!o->skip_records);
    CHECK_INT(o->verb_usage, DICT_3WAY_FALSE);
    CHECK(o->output & DICT_OUT_ACTORS);
    CHECK(o->output & DICT_OUT_MATCH);
    CHECK(o->output & DICT_OUT_ID);
    CHECK_INT(o->minimum_words, 8);
    dict_free(d);

    /* CAMEO.09b5.options: 293 LABEL lines (G '^LABEL'), COMPLEX, FORWARD,
     * OUTPUT; line 83 has Latin-1 quotes -> one warning */
    log = (diag_log){0};
    d = load_peer("tabari/CAMEO.09b5.options", &log);
    CHECK(d != NULL);
    c = dict_total_counts(d);
    CHECK_INT(c.labels, 293);
    CHECK_INT(c.option_lines, 3);
    CHECK_INT(c.errors, 0);
    CHECK_INT(c.warnings, 1);
    CHECK_INT(dict_get_options(d)->complex_actors, 6);
    CHECK(dict_get_options(d)->forward_off);
    dict_free(d);
}

/* The two option files and the project not in the table above, checked
 * with grep: G -c '^LABEL' = 89 in both; the other command lines (not
 * '#', '//' or blank, before '~~~~~'): TABARI.Demo.options has COMPLEX and
 * three SET lines (4), Validate.options COMPLEX, five SET and OUTPUT (7).
 * TABARI.Demo.project: G -c '^<' = 8 entries, naming the Demo actors,
 * verbs and options (loaded) and text, event, problem files, coder and
 * session (recorded). */
static void dict_remaining_options_and_project_load(tctx *t)
{
    static const struct { const char *file; size_t labels, lines, files, entries; } cases[] = {
        {"tabari/TABARI.Demo.options", 89, 4, 1, 0},
        {"tabari/Validate.options", 89, 7, 1, 0},
        {"tabari/TABARI.Demo.project", 89, 4, 4, 8},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        diag_log log = {0};
        dyad_dict *d = load_peer(cases[i].file, &log);
        CHECK(d != NULL);
        dict_counts c = dict_total_counts(d);
        CHECK_INT(c.labels, cases[i].labels);
        CHECK_INT(c.option_lines, cases[i].lines);
        CHECK_INT(dict_file_count(d), cases[i].files);
        CHECK_INT(c.project_entries, cases[i].entries);
        CHECK_INT(c.errors, 0);
        CHECK_INT(c.warnings, 0);
        dict_free(d);
    }
}

/* PETRARCH files may carry `<!-- ... -->` inside a line (none of the peer
 * files does: G '<!' finds them only at line starts).  They are blanked
 * out; one left open cuts the line and runs to the next "-->", after which
 * the line is read on; '#' comments still end the line first. */
static void dict_petrarch_inline_markup_comments(tctx *t)
{
    diag_log log = {0};
    const char *actors =
        "HAMAS [PSEREB] <!-- after the code -->\n"     /* 1 */
        "FATAH <!-- between --> [PSE]\n"               /* 2 */
        "<!-- one --> <!-- two -->\n"                  /* 3: nothing left */
        "GAZA [PSE] <!-- opens\n"                      /* 4 */
        "a comment [XXX]\n"                            /* 5: inside */
        "closes --> JENIN [PSE]\n"                     /* 6: read on */
        "NABLUS [PSE] # no <!-- here\n"                /* 7: '#' first */
        "RAMALLAH [PSE]\n";                            /* 8 */
    dyad_dict *d = load_text("c.actors.txt", actors, DICT_SYNTAX_PETRARCH, DICT_KIND_ACTORS, false, &log, NULL);
    CHECK(d != NULL);
    CHECK_INT(log.errors, 0);
    dict_counts c = dict_total_counts(d);
    CHECK_INT(c.actors, 6);
    CHECK_INT(c.codes, 6);
    CHECK_STR(code_on(d, actor_named(d, "fatah"), 20000101), "PSE");
    CHECK_STR(code_on(d, actor_named(d, "jenin"), 20000101), "PSE");
    CHECK(actor_named(d, "a comment") == DICT_NONE);
    uint32_t ramallah = actor_named(d, "ramallah");
    CHECK(ramallah != DICT_NONE);
    CHECK_INT(dict_actors(d, NULL)[ramallah].line, 8);
    dict_free(d);

    const char *verbs = "--- SAY [010] ---\nSAY <!-- x --> {SAID}\n- * TO $ [010] <!-- y -->\n";
    d = load_text("c.verbs.txt", verbs, DICT_SYNTAX_PETRARCH, DICT_KIND_VERBS, false, &log, NULL);
    CHECK_INT(log.errors, 0);
    c = dict_total_counts(d);
    CHECK_INT(c.verbs, 1);
    CHECK_INT(c.verb_forms, 1);
    CHECK_INT(c.patterns, 1);
    dict_free(d);
}

/* ---- dates ------------------------------------------------------------------- */

static void dict_dated_codes_resolve(tctx *t)
{
    diag_log log = {0};
    /* Phoenix.Countries lines 39559-39575: VLADIMIR_PUTIN_ with
     * [RUSELI 700101-990809] [RUSGOV 991231-080507] [RUSGOV 990809-000507]
     * [RUSGOV >080508] [RUSELI] */
    dyad_dict *d = load_peer("petrarch2/dictionaries/Phoenix.Countries.actors.txt", &log);
    CHECK(d != NULL);
    uint32_t putin = actor_named(d, "vladimir putin");
    CHECK(putin != DICT_NONE);
    CHECK_STR(code_on(d, putin, 19950601), "RUSELI");
    CHECK_STR(code_on(d, putin, 19990809), "RUSELI"); /* first listed wins the shared day */
    CHECK_STR(code_on(d, putin, 19991015), "RUSGOV");
    CHECK_STR(code_on(d, putin, 20050101), "RUSGOV");
    CHECK_STR(code_on(d, putin, 20080507), "RUSGOV");
    CHECK_STR(code_on(d, putin, 20120101), "RUSGOV"); /* >080508 */
    CHECK_STR(code_on(d, putin, 19650101), "RUSELI"); /* the default */
    /* a '+' synonym is the same actor */
    CHECK(actor_named(d, "prime minister putin") == putin);
    dict_free(d);

    /* Levant line 5511: PUTIN [RUSGOV >990809] [RUSELI] */
    d = load_peer("tabari/Levant.080629.actors", &log);
    CHECK(d != NULL);
    uint32_t p = actor_named(d, "putin");
    CHECK(p != DICT_NONE);
    CHECK_STR(code_on(d, p, 19990808), "RUSELI");
    CHECK_STR(code_on(d, p, 19990809), "RUSGOV");
    dict_free(d);

    /* TABARI.Demo.actors: the manual's GOLLUM example on continuation
     * lines with blanks inside ([HOB < 950601], [HOBGOV 950601 - 990815]),
     * ALBRJGHT [USAGOV <011214] [---], ENT [### <890101] [ENT] */
    d = load_peer("tabari/TABARI.Demo.actors", &log);
    CHECK(d != NULL);
    uint32_t g = actor_named(d, "smeagol");
    CHECK(g != DICT_NONE && g == actor_named(d, "gollum"));
    CHECK_STR(code_on(d, g, 19950531), "HOB");
    CHECK_STR(code_on(d, g, 19950601), "HOB");
    CHECK_STR(code_on(d, g, 19950602), "HOBGOV");
    CHECK_STR(code_on(d, g, 19990816), "HOBREB");
    CHECK_STR(code_on(d, g, 20300101), "HOBREB");
    uint32_t a = actor_named(d, "albrjght");
    CHECK_STR(code_on(d, a, 20011214), "USAGOV");
    CHECK_STR(code_on(d, a, 20011215), "---");
    uint32_t ent = actor_named(d, "ent");
    CHECK_STR(code_on(d, ent, 19881231), "###");
    CHECK_STR(code_on(d, ent, 19890102), "ENT");
    dict_free(d);

    /* PETR.Validate.actors.txt lines 224-229: SAM_GAMGEE [HOB] with the
     * default first, then [HOBCIV <20080120] [ORCHOB 20100109-20100112]
     * ("should override the next restriction") [HOBMIL 20080120-20121109]
     * [HOBGOV 20121109-20130119] [HOBELI >20130119] */
    d = load_peer("petrarch2/dictionaries/PETR.Validate.actors.txt", &log);
    CHECK(d != NULL);
    uint32_t sam = actor_named(d, "sam gamgee");
    CHECK(sam != DICT_NONE);
    CHECK_STR(code_on(d, sam, 20070101), "HOBCIV");
    CHECK_STR(code_on(d, sam, 20080120), "HOBCIV");
    CHECK_STR(code_on(d, sam, 20090101), "HOBMIL");
    CHECK_STR(code_on(d, sam, 20100110), "ORCHOB");
    CHECK_STR(code_on(d, sam, 20121201), "HOBGOV");
    CHECK_STR(code_on(d, sam, 20140101), "HOBELI");
    /* HAMFAST GAMGEE [HOB] then [HOBGOV 20121109-20130119] */
    uint32_t ham = actor_named(d, "hamfast gamgee");
    CHECK_STR(code_on(d, ham, 20130101), "HOBGOV");
    CHECK_STR(code_on(d, ham, 20140101), "HOB");
    dict_free(d);

    /* pivot and both date widths */
    CHECK_INT(dict_parse_date("300101", 6), 20300101);
    CHECK_INT(dict_parse_date("310101", 6), 19310101);
    CHECK_INT(dict_parse_date("19970101", 8), 19970101);
    CHECK_INT(dict_parse_date("9008223", 7), -1);
    CHECK_INT(dict_parse_date("991301", 6), -1);
    CHECK(!dict_date_exists(20040931));
    CHECK(dict_date_exists(20040229));
}

/* ---- verbs, patterns, synsets ------------------------------------------------------ */

static const dict_phrase *find_phrase(const dyad_dict *d, dict_phrase_kind kind, uint32_t line, char *text, size_t cap)
{
    size_t n;
    const dict_phrase *ph = dict_phrases(d, kind, &n);
    for (size_t i = 0; i < n; i++)
        if (ph[i].line == line) { dict_phrase_text(d, &ph[i], text, cap); return &ph[i]; }
    return NULL;
}

static void dict_validation_verbs_keep_all_patterns(tctx *t)
{
    /* PETRARCH2 drops every pattern after a "<!" line; the file's first
     * line is one.  We read all 474, including those after the comment
     * block at lines 1302-1304. */
    diag_log log = {0};
    dyad_dict *d = load_peer("petrarch2/dictionaries/PETR.Validate.verbs.txt", &log);
    CHECK(d != NULL);
    size_t n;
    const dict_phrase *ph = dict_phrases(d, DICT_PH_PATTERN, &n);
    CHECK_INT(n, 474);
    size_t after = 0;
    for (size_t i = 0; i < n; i++) after += ph[i].line > 1304;
    CHECK(after > 0);
    char text[256];
    /* line 62: "- * NEW_&TIETYPES_RELATIONS [903]" -- the synset name ends
     * where the defined &TIETYPES ends */
    const dict_phrase *p = find_phrase(d, DICT_PH_PATTERN, 62, text, sizeof text);
    CHECK(p != NULL);
    CHECK_STR(text, "* NEW_&TIETYPES_RELATIONS");
    CHECK_STR(dict_string(d, p->code), "903");
    const dict_token *tok = dict_tokens(d) + p->first;
    CHECK_INT(tok[2].kind, DICT_TOK_SYNSET);
    CHECK(dict_synset_find(d, tok[2].value) != DICT_NONE);
    /* line 60: "KLM_NOP_+RST [002]": a multi-word verb whose verb is RST */
    const dict_phrase *v = find_phrase(d, DICT_PH_VERB, 60, text, sizeof text);
    CHECK(v != NULL);
    CHECK_STR(text, "KLM_NOP_+RST");
    CHECK(dict_tokens(d)[v->first + 2].flags & DICT_TF_VERB_WORD);
    dict_free(d);

    /* CAMEO.2.0.txt line 738: "- * (TO {BANNED PARTIES}) $ [1722]" */
    d = load_peer("petrarch2/dictionaries/CAMEO.2.0.txt", &log);
    CHECK(d != NULL);
    p = find_phrase(d, DICT_PH_PATTERN, 738, text, sizeof text);
    CHECK(p != NULL);
    CHECK_STR(text, "* ( TO { BANNED PARTIES } ) $");
    CHECK_STR(dict_string(d, p->code), "1722");
    size_t nt;
    const dict_transform *tr = dict_transforms(d, &nt);
    CHECK_INT(nt, 8);
    /* line 9178: ~ a (a b ATTACK) SAY = a b 015 */
    CHECK_STR(dict_string(d, tr[0].inner_verb), "attack");
    CHECK_STR(dict_string(d, tr[0].outer_verb), "say");
    CHECK_STR(dict_string(d, tr[0].result_code), "015");
    dict_free(d);
}

static void dict_tabari_patterns_keep_connectors(tctx *t)
{
    diag_log log = {0};
    dyad_dict *d = load_peer("tabari/TABARI.Demo.verbs", &log);
    CHECK(d != NULL);
    char text[256];
    /* line 52: "- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS [111]" */
    const dict_phrase *p = find_phrase(d, DICT_PH_PATTERN, 52, text, sizeof text);
    CHECK(p != NULL);
    CHECK_STR(text, "SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS");
    /* line 83: "- * THE_NEAT~_PLACE [027]": NEAT is a stem followed at once */
    p = find_phrase(d, DICT_PH_PATTERN, 83, text, sizeof text);
    CHECK(p != NULL);
    CHECK_STR(text, "* THE_NEAT~_PLACE");
    /* synset member "+&TIETYPES_MEMOS" (line 24) is &TIETYPES then MEMOS */
    p = find_phrase(d, DICT_PH_SYNSET, 24, text, sizeof text);
    CHECK(p != NULL);
    CHECK_STR(text, "&TIETYPES_MEMOS");
    /* <TIME> codes are day shifts: LAST_WEEK [-7] */
    size_t nb;
    const dict_verb_block *b = dict_verb_blocks(d, &nb);
    CHECK_INT(b[2].section, DICT_SECTION_TIME);
    CHECK_STR(dict_string(d, b[2].code), "-7");
    CHECK_STR(dict_string(d, b[0].code), "---"); /* [- - -] as the manual prints it */
    /* ACT_ {ACTING_ ACTXD_ ACTUALITY} has three forms */
    size_t nv;
    const dict_verb *verbs = dict_verbs(d, &nv);
    bool found = false;
    for (size_t i = 0; i < nv; i++)
        if (verbs[i].line == 62) { CHECK_INT(verbs[i].nforms, 3); found = true; }
    CHECK(found);
    dict_free(d);
}

/* A clitic split off by '_' joins the word before it, as the coder's words
 * keep it ("people's"); a word too long to join stays as written. */
static void dict_clitics_join_the_word_before(tctx *t)
{
    diag_log log = {0};
    char text[1024];
    snprintf(text, sizeof text,
             "PEOPLE_'S_FRONT_OF_GONDOR_ [GONREB]\nWORKERS_'_LEAGUE_ [GONOPP]\nLORD-'S_ARMY_ [GONREB]\n%0300d_'S_ [GON]\n",
             0);
    int rc = 0;
    dyad_dict *d = load_text("clitic.actors", text, DICT_SYNTAX_TABARI, DICT_KIND_ACTORS, false, &log, &rc);
    CHECK(d != NULL);
    CHECK_INT(rc, 0);
    CHECK(actor_named(d, "people's front of gondor") != DICT_NONE);
    CHECK(actor_named(d, "workers' league") != DICT_NONE);
    CHECK(actor_named(d, "lord's army") != DICT_NONE);
    CHECK(actor_named(d, "people 's front of gondor") == DICT_NONE);
    dict_free(d);
}

/* ---- check --------------------------------------------------------------------- */

typedef struct finding_log {
    size_t n;
    char last[512];
    size_t last_line;
    int last_kind;
} finding_log;

static void log_finding(dict_finding_kind kind, const char *file, size_t line, const char *msg, void *user)
{
    finding_log *f = user;
    f->n++;
    snprintf(f->last, sizeof f->last, "%s", msg);
    f->last_line = line;
    f->last_kind = (int)kind;
}

static void dict_check_reports_findings(tctx *t)
{
    diag_log log = {0};
    finding_log f = {0};
    size_t per[DICT_FIND_KINDS];
    /* TABARI.Demo.verbs lines 52-53 give one pattern [111] and [222]:
     * the conflict; and its KEDS-era codes are not CAMEO. */
    dyad_dict *d = load_peer("tabari/TABARI.Demo.verbs", &log);
    CHECK(d != NULL);
    dict_check(d, log_finding, &f, per);
    CHECK_INT(per[DICT_FIND_CONFLICT], 1);
    CHECK(per[DICT_FIND_NOT_CAMEO] > 0);
    dict_free(d);

    const char *text =
        "ISRAEL [ISR]\n"
        "ISRAEL [ISRGOV]\n"                 /* 2: conflict with line 1 */
        "EGYPT [EGY]\n"
        "EGYPT [EGY]\n"                     /* 4: duplicate */
        "NASSER\n"
        "\t[EGYGOV 560623-520101]\n"        /* 6: backwards */
        "SADAT\n"
        "\t[EGYGOV 700101-811006]\n"
        "\t[EGYELI 800101-810101]\n"        /* 9: overlaps line 8 */
        "\t[EGYMIL 811006-900101]\n"        /* shares one day: fine */
        "NOBODY\n";                         /* 11: no code */
    d = load_text("t.actors", text, DICT_SYNTAX_TABARI, DICT_KIND_ACTORS, false, &log, NULL);
    CHECK(d != NULL);
    CHECK_INT(dict_check(d, NULL, NULL, per), 5);
    CHECK_INT(per[DICT_FIND_CONFLICT], 1);
    CHECK_INT(per[DICT_FIND_DUPLICATE], 1);
    CHECK_INT(per[DICT_FIND_DATE_BACKWARDS], 1);
    CHECK_INT(per[DICT_FIND_DATE_OVERLAP], 1);
    CHECK_INT(per[DICT_FIND_NO_CODE], 1);
    dict_free(d);

    /* undefined and later-defined synsets, two verb markers, non-CAMEO */
    text = "--- SAY [010] ---\n"
           "SAY\n"
           "- * &NOWHERE [010]\n"
           "- * &LATER [010]\n"
           "- * SAID * [010]\n"
           "- * THING [999]\n"
           "&LATER\n+THING\n";
    d = load_text("v.verbs.txt", text, DICT_SYNTAX_PETRARCH, DICT_KIND_VERBS, false, &log, NULL);
    CHECK(d != NULL);
    f = (finding_log){0};
    dict_check(d, log_finding, &f, per);
    CHECK_INT(per[DICT_FIND_NEVER_MATCHES], 3);
    CHECK_INT(per[DICT_FIND_NOT_CAMEO], 1);
    CHECK_INT(f.last_line, 6);
    dict_free(d);
}

/* ---- malformed lines -------------------------------------------------------------- */

static void dict_malformed_lines_name_file_and_line(tctx *t)
{
    diag_log log = {0};
    int rc;
    const char *text =
        "GOOD [ABC]\n"
        "\n"
        "BAD [ABC\n"                 /* 3: missing ']' */
        "ALSO_GOOD [DEF 990101-000101]\n"
        "WORSE [DEF 991301-000101]\n" /* 5: month 13 */
        "\t[XYZ]\n";
    dyad_dict *d = load_text("bad.actors", text, DICT_SYNTAX_TABARI, DICT_KIND_ACTORS, false, &log, &rc);
    CHECK(d != NULL);
    CHECK_INT(rc, 0);
    CHECK_INT(log.errors, 2);
    CHECK_STR(log.last_file, "bad.actors");
    CHECK_INT(log.last_line, 5);
    CHECK(strstr(log.last_message, "991301") != NULL);
    dict_counts c = dict_total_counts(d);
    CHECK_INT(c.actors, 2);
    CHECK_INT(c.errors, 2);
    /* the continuation after the skipped line joins the actor before it */
    CHECK_INT(c.codes, 3);
    dict_free(d);

    /* --strict: the first error stops the load */
    log = (diag_log){0};
    d = load_text("bad.actors", text, DICT_SYNTAX_TABARI, DICT_KIND_ACTORS, true, &log, &rc);
    CHECK_INT(rc, -1);
    CHECK_INT(log.errors, 1);
    CHECK_INT(log.last_line, 3);
    CHECK_INT(dict_total_counts(d).actors, 1);
    dict_free(d);

    struct { const char *text; dict_syntax syntax; dict_kind kind; size_t line; const char *needle; } cases[] = {
        {"ACCEPT [030]\n- ACCEPTED PROPOSAL [081]\n", DICT_SYNTAX_TABARI, DICT_KIND_VERBS, 2, "'*'"},
        {"- * X [030]\n", DICT_SYNTAX_TABARI, DICT_KIND_VERBS, 1, "before any verb"},
        {"ACCEPT [030]\n- * { A | B [081]\n", DICT_SYNTAX_TABARI, DICT_KIND_VERBS, 2, "'{'"},
        {"&A\n+B\n&A\n", DICT_SYNTAX_TABARI, DICT_KIND_VERBS, 3, "already defined"},
        {"&A\n+X_&A\n", DICT_SYNTAX_TABARI, DICT_KIND_VERBS, 2, "itself"},
        {"<TIME>\nX [abc]\n</TIME>\n", DICT_SYNTAX_TABARI, DICT_KIND_VERBS, 2, "time shift"},
        {"POLICE [COP]\n", DICT_SYNTAX_TABARI, DICT_KIND_AGENTS, 1, "'~'"},
        {"X!NOPE! [~A]\n", DICT_SYNTAX_PETRARCH, DICT_KIND_AGENTS, 1, "!NOPE!"},
        {"+X\n", DICT_SYNTAX_PETRARCH, DICT_KIND_ACTORS, 1, "synonym"},
        {"--- A [010] ---\nA\n- * (B [010]\n", DICT_SYNTAX_PETRARCH, DICT_KIND_VERBS, 3, "'('"},
        {"~ a (b ATTACK) SAY = a b 015\n", DICT_SYNTAX_PETRARCH, DICT_KIND_VERBS, 1, "transformation"},
        {"<!-- open\nX [A]\n", DICT_SYNTAX_PETRARCH, DICT_KIND_ACTORS, 1, "never closed"},
        {"SET: NOSUCH = TRUE\n", DICT_SYNTAX_TABARI, DICT_KIND_OPTIONS, 1, "NOSUCH"},
        {"a [B] [C]\n", DICT_SYNTAX_PETRARCH, DICT_KIND_ISSUES, 1, "one code"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        log = (diag_log){0};
        d = load_text("case", cases[i].text, cases[i].syntax, cases[i].kind, false, &log, &rc);
        CHECK(d != NULL);
        if (log.errors != 1 || log.last_line != cases[i].line || !strstr(log.last_message, cases[i].needle)) {
            tctx_fail(t, __FILE__, __LINE__, "case %zu: %d errors, last at line %zu: %s", i, log.errors,
                      log.last_line, log.last_message);
            dict_free(d);
            return;
        }
        dict_free(d);
    }
}

/* ---- hostile input ---------------------------------------------------------------- */

static void load_all_kinds(const char *data, size_t len)
{
    static const struct { dict_syntax s; dict_kind k; } kinds[] = {
        {DICT_SYNTAX_TABARI, DICT_KIND_VERBS}, {DICT_SYNTAX_TABARI, DICT_KIND_ACTORS},
        {DICT_SYNTAX_TABARI, DICT_KIND_AGENTS}, {DICT_SYNTAX_TABARI, DICT_KIND_OPTIONS},
        {DICT_SYNTAX_TABARI, DICT_KIND_ISSUES}, {DICT_SYNTAX_PETRARCH, DICT_KIND_VERBS},
        {DICT_SYNTAX_PETRARCH, DICT_KIND_ACTORS}, {DICT_SYNTAX_PETRARCH, DICT_KIND_AGENTS},
        {DICT_SYNTAX_PETRARCH, DICT_KIND_DISCARDS}, {DICT_SYNTAX_PETRARCH, DICT_KIND_ISSUES}};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        dyad_dict *d = dict_new();
        dict_load_options opt = {kinds[i].s, kinds[i].k, false, NULL, NULL};
        dict_load_memory(d, "hostile", data, len, &opt);
        dict_check(d, NULL, NULL, NULL);
        char buf[64];
        size_t n;
        const dict_phrase *ph = dict_phrases(d, DICT_PH_PATTERN, &n);
        if (n) dict_phrase_text(d, &ph[n - 1], buf, sizeof buf);
        dict_free(d);
    }
}

static void dict_hostile_input_is_survived(tctx *t)
{
    static const char bytes[] =
        "ABC\0DEF [X\0Y]\n\xff\xfe [\xc3]\n&\n&&&&\n+&\n- *\n{\n}\n[\n]\n<\n<!\n~\n!!\n!A!=\n"
        "--- ---\n- * {{{{ (((( }}}} ))))\n\t[A 99999999-0]\n+\n\r\r\n-\n~ ( ( ( =\n";
    load_all_kinds(bytes, sizeof bytes - 1);
    /* every truncation of a realistic file */
    const char *real =
        "<SYNSETS>\n&CUR\n+DOLLAR_\n</SYNSETS>\nACT_ [100]\n{ ACTING_ }\n- * { A | B }_C [101]\n"
        "GOLLUM ; x\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 950601 - 990815]\n"
        "!P! = MAN, MEN\nX!P! {Y!P!} [~A]\n<ISSUE CATEGORY=\"E\">\nn:pre+k [E]\n</ISSUE>\n";
    size_t rl = strlen(real);
    for (size_t cut = 0; cut <= rl; cut++) load_all_kinds(real, cut);

    /* A 10 MB line (one word, then one of codes) and a 10 MB run of
     * '{': linear time, no recursion, bounded phrase length. */
    size_t big = 10u << 20;
    char *buf = malloc(big + 1);
    CHECK(buf != NULL);
    memset(buf, 'A', big);
    buf[big] = 0;
    clock_t t0 = clock();
    load_all_kinds(buf, big);
    memset(buf, '{', big);
    load_all_kinds(buf, big);
    for (size_t i = 0; i < big; i += 2) { buf[i] = '['; buf[i + 1] = ']'; }
    load_all_kinds(buf, big);
    for (size_t i = 0; i < big; i++) buf[i] = (char)(i * 7919 % 251);
    load_all_kinds(buf, big);
    memset(buf, '\n', big);
    load_all_kinds(buf, big);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("  dict: 5 hostile 10 MB inputs x 10 readers in %.2f s\n", secs);
    free(buf);

    /* substitutions that multiply: bounded, reported */
    sbuf s = {0};
    CHECK(sbuf_append(&s, "!P! = A, B, C, D, E, F, G, H, I, J\n", 35) == 0);
    for (int i = 0; i < 12; i++) CHECK(sbuf_append(&s, "!P!", 3) == 0);
    CHECK(sbuf_append(&s, " [~X]\n", 7) == 0);
    diag_log log = {0};
    dyad_dict *d = load_text("subst", s.data, DICT_SYNTAX_PETRARCH, DICT_KIND_AGENTS, false, &log, NULL);
    CHECK_INT(log.errors, 1);
    CHECK(strstr(log.last_message, "more than") != NULL);
    dict_free(d);
    sbuf_free(&s);
}

static void dict_cameo_table_is_sorted(tctx *t)
{
    CHECK(dict_is_cameo_event_code("010", 3));
    CHECK(dict_is_cameo_event_code("0313", 4));
    CHECK(dict_is_cameo_event_code("2042", 4));
    CHECK(!dict_is_cameo_event_code("999", 3));
    CHECK(!dict_is_cameo_event_code("14O", 3));
    CHECK(!dict_is_cameo_event_code("", 0));
}

/* ---- load time and memory of the Phoenix set ------------------------------------------ */

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        fclose(f);
    }
    return resident * 4;
}

static void dict_phoenix_set_load_time(tctx *t)
{
    static const char *const files[] = {
        "petrarch2/dictionaries/CAMEO.2.0.txt", "petrarch2/dictionaries/Phoenix.Countries.actors.txt",
        "petrarch2/dictionaries/Phoenix.International.actors.txt",
        "petrarch2/dictionaries/Phoenix.MilNonState.actors.txt", "petrarch2/dictionaries/Phoenix.agents.txt",
        "petrarch2/dictionaries/Phoenix.discards.txt"};
    /* Files are read into memory first so the figure is parsing, not disk. */
    char *data[6];
    size_t len[6], total = 0;
    for (int i = 0; i < 6; i++) {
        data[i] = read_file(peer_path(files[i]), &len[i]);
        CHECK(data[i] != NULL);
        total += len[i];
    }
    double best = 1e9;
    size_t bytes = 0;
    long rss_before = rss_kb(), rss_after = 0;
    for (int round = 0; round < 5; round++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        dyad_dict *d = dict_new();
        for (int i = 0; i < 6; i++) {
            dict_load_options opt = {0};
            dict_load_memory(d, files[i], data[i], len[i], &opt);
        }
        clock_gettime(CLOCK_MONOTONIC, &b);
        double ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
        if (ms < best) best = ms;
        bytes = dict_memory_bytes(d);
        if (round == 0) rss_after = rss_kb();
        CHECK_INT(dict_total_counts(d).patterns, 4665);
        dict_free(d);
    }
    printf("  dict: Phoenix set (%zu bytes of text) loads in %.1f ms (best of 5); "
           "model %.1f MB, resident growth %.1f MB\n",
           total, best, (double)bytes / (1 << 20), (double)(rss_after - rss_before) / 1024);
    for (int i = 0; i < 6; i++) free(data[i]);
}

void suite_dict(tctx *t)
{
    RUN(t, dict_peer_files_load_with_expected_counts);
    RUN(t, dict_options_and_projects_load);
    RUN(t, dict_remaining_options_and_project_load);
    RUN(t, dict_petrarch_inline_markup_comments);
    RUN(t, dict_dated_codes_resolve);
    RUN(t, dict_validation_verbs_keep_all_patterns);
    RUN(t, dict_tabari_patterns_keep_connectors);
    RUN(t, dict_clitics_join_the_word_before);
    RUN(t, dict_check_reports_findings);
    RUN(t, dict_malformed_lines_name_file_and_line);
    RUN(t, dict_hostile_input_is_survived);
    RUN(t, dict_cameo_table_is_sorted);
    RUN(t, dict_phoenix_set_load_time);
}
