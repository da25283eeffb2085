/* test_builtin_verbs.c -- dyad's own verb and agent dictionaries
 * (every dict/verbs/NN-name.verbs, dict/agents/roles.agents): they load without a
 * malformed line, warning or finding, reach the coverage floors of issue 5,
 * cover every CAMEO event code that has a verbal expression, and keep the
 * patterns the issue names ("hold talks", "delivered a written response",
 * the false friends) coded as intended.
 *
 * The files are read from the source tree and the CAMEO code table from
 * ../shared; the tests run from the project root (tests/run.sh, `make unit`). */
#include "harness.h"
#include "dict/dict.h"
#include <glob.h>
#include <stdlib.h>

typedef struct verbs_log {
    int errors, warnings, files;
    char first[512];
} verbs_log;

static void verbs_diag(const dyad_diag *d, void *user)
{
    verbs_log *log = user;
    if (d->severity == DYAD_ERROR) log->errors++;
    else if (d->severity == DYAD_WARNING) log->warnings++;
    else return;
    if (!log->first[0])
        snprintf(log->first, sizeof log->first, "%s:%zu: %s", d->file ? d->file : "",
                 (size_t)d->line, d->message);
}

/* Loads the verb files in name order (00-general.verbs first: it defines
 * the synonym sets the others use) and the agents; NULL when a file cannot
 * be read or the glob names nothing (run from elsewhere than the root). */
static dyad_dict *load_verbs_and_agents(verbs_log *log)
{
    dyad_dict *d = dict_new();
    if (!d) return NULL;
    dict_load_options opt = {0};
    opt.diag = verbs_diag;
    opt.user = log;
    glob_t found;
    if (glob("dict/verbs/*.verbs", 0, NULL, &found) != 0) {
        fprintf(stderr, "  nothing matches dict/verbs/*.verbs (run from the project root)\n");
        dict_free(d);
        return NULL;
    }
    for (size_t i = 0; i < found.gl_pathc; i++) {
        if (dict_load_file(d, found.gl_pathv[i], &opt) != 0) {
            fprintf(stderr, "  cannot read %s\n", found.gl_pathv[i]);
            globfree(&found);
            dict_free(d);
            return NULL;
        }
        log->files++;
    }
    globfree(&found);
    if (dict_load_file(d, "dict/agents/roles.agents", &opt) != 0) {
        fprintf(stderr, "  cannot read dict/agents/roles.agents\n");
        dict_free(d);
        return NULL;
    }
    log->files++;
    return d;
}

/* An event code as written, without the subordinate or dominant mark, in
 * out; false for no code and for the null, discard and complex codes. */
static bool plain_code(const dyad_dict *d, uint32_t id, char *out, size_t cap)
{
    if (id == DICT_NONE) return false;
    const char *c = dict_string(d, id);
    if (dict_code_is_special(c)) return false;
    size_t n = strlen(c);
    if (n && (c[n - 1] == '?' || c[n - 1] == '!')) n--;
    if (n == 0 || n >= cap) return false;
    memcpy(out, c, n);
    out[n] = 0;
    return true;
}

/* ---- load ------------------------------------------------------------------ */

static void first_finding(dict_finding_kind kind, const char *file, size_t line, const char *message,
                          void *user)
{
    char *first = user;
    if (!first[0])
        snprintf(first, 512, "%s:%zu: %s: %s", file, line, dict_finding_name(kind), message);
}

static void builtin_verbs_load_clean(tctx *t)
{
    verbs_log log = {0};
    dyad_dict *d = load_verbs_and_agents(&log);
    CHECK(d != NULL);
    if (log.errors || log.warnings) printf("  first: %s\n", log.first);
    CHECK_INT(log.files, 22); /* 00-general, one file per root 01-20, roles.agents */
    CHECK_INT(log.errors, 0);
    CHECK_INT(log.warnings, 0);
    char first[512] = "";
    size_t findings = dict_check(d, first_finding, first, NULL);
    if (findings) printf("  first: %s\n", first);
    dict_free(d);
    CHECK_INT(findings, 0);
}

/* ---- floors ------------------------------------------------------------------- */

static void builtin_verbs_reach_coverage_floors(tctx *t)
{
    verbs_log log = {0};
    dyad_dict *d = load_verbs_and_agents(&log);
    CHECK(d != NULL);
    dict_counts c = dict_total_counts(d);
    printf("  verbs=%zu forms=%zu patterns=%zu synsets=%zu agents=%zu agent-phrases=%zu\n", c.verbs,
           c.verb_forms, c.patterns, c.synsets, c.agents, c.agent_phrases);
    /* Patterns per CAMEO root, counted by the code they give. */
    size_t per_root[21] = {0};
    size_t np;
    const dict_phrase *pat = dict_phrases(d, DICT_PH_PATTERN, &np);
    for (size_t i = 0; i < np; i++) {
        char code[16];
        if (!plain_code(d, pat[i].code, code, sizeof code)) continue;
        int root = (code[0] - '0') * 10 + (code[1] - '0');
        if (root >= 1 && root <= 20) per_root[root]++;
    }
    dict_free(d);
    CHECK(c.verbs >= 1000);
    CHECK(c.patterns >= 3000);
    CHECK(c.agents >= 400);
    CHECK(c.agent_phrases >= 400);
    for (int root = 1; root <= 20; root++) {
        if (per_root[root] < 5) printf("  root %02d has %zu patterns\n", root, per_root[root]);
        CHECK(per_root[root] >= 5);
    }
}

/* ---- every CAMEO code with a verbal expression -------------------------------------- */

/* Codes of the CAMEO table that no verb can express, and why:
 *  - the twenty root codes "01".."20" name categories; an event in a root
 *    that nothing narrows is coded with the root's 0 code (010, 020, ...);
 *  - 0110, 0357, 109 and 1641-1643 are in the Goldstein scale table but not
 *    in the CAMEO 1.1b3 codebook, which gives them no meaning (it files the
 *    expulsions once numbered 164x under 1661-1663, which we use). */
static bool without_verbal_expression(const char *code)
{
    static const char *const none[] = {"0110", "0357", "109", "1641", "1642", "1643"};
    if (strlen(code) == 2) return true;
    for (size_t i = 0; i < sizeof none / sizeof *none; i++)
        if (strcmp(code, none[i]) == 0) return true;
    return false;
}

static bool code_is_used(const dyad_dict *d, const char *want)
{
    size_t n;
    const dict_phrase *pat = dict_phrases(d, DICT_PH_PATTERN, &n);
    char code[16];
    for (size_t i = 0; i < n; i++)
        if (plain_code(d, pat[i].code, code, sizeof code) && strcmp(code, want) == 0) return true;
    const dict_verb *v = dict_verbs(d, &n);
    for (size_t i = 0; i < n; i++)
        if (plain_code(d, v[i].code, code, sizeof code) && strcmp(code, want) == 0) return true;
    return false;
}

static void builtin_verbs_cover_every_cameo_code(tctx *t)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/cameo/cameo_goldstein_quad.tsv", shared_dir());
    char *table = read_file(path, NULL);
    if (!table) printf("  cannot read %s\n", path);
    CHECK(table != NULL);
    verbs_log log = {0};
    dyad_dict *d = load_verbs_and_agents(&log);
    if (!d) free(table);
    CHECK(d != NULL);
    int codes = 0, excused = 0, missing = 0;
    for (char *line = table; line && *line;) {
        char *next = strchr(line, '\n');
        if (next) *next++ = 0;
        size_t len = strcspn(line, "\t");
        if (len >= 2 && len < 8 && line[0] >= '0' && line[0] <= '9') {
            char code[8];
            memcpy(code, line, len);
            code[len] = 0;
            codes++;
            if (without_verbal_expression(code)) excused++;
            else if (!code_is_used(d, code)) {
                printf("  no verb or pattern codes %s\n", code);
                missing++;
            }
        }
        line = next;
    }
    free(table);
    dict_free(d);
    CHECK(codes >= 280);
    CHECK_INT(excused, 26);
    CHECK_INT(missing, 0);
}

/* ---- the phrases of the issue ------------------------------------------------------- */

/* The code of the pattern written `text` under the verb `root` (as written,
 * e.g. "HOLD_"), or NULL when there is no such pattern. */
static const char *pattern_code(const dyad_dict *d, const char *root, const char *text)
{
    size_t nb;
    const dict_verb_block *b = dict_verb_blocks(d, &nb);
    size_t np;
    const dict_phrase *pat = dict_phrases(d, DICT_PH_PATTERN, &np);
    char buf[512];
    for (size_t i = 0; i < nb; i++) {
        if (strcmp(dict_string(d, b[i].name), root) != 0) continue;
        for (uint32_t k = 0; k < b[i].npatterns; k++) {
            const dict_phrase *p = &pat[b[i].first_pattern + k];
            dict_phrase_text(d, p, buf, sizeof buf);
            if (strcmp(buf, text) == 0)
                return p->code == DICT_NONE ? "" : dict_string(d, p->code);
        }
    }
    return NULL;
}

/* The code of the verb root itself. */
static const char *root_code(const dyad_dict *d, const char *root)
{
    size_t nb;
    const dict_verb_block *b = dict_verb_blocks(d, &nb);
    for (size_t i = 0; i < nb; i++)
        if (strcmp(dict_string(d, b[i].name), root) == 0)
            return b[i].code == DICT_NONE ? "" : dict_string(d, b[i].code);
    return NULL;
}

static void builtin_verbs_code_the_phrases_news_uses(tctx *t)
{
    verbs_log log = {0};
    dyad_dict *d = load_verbs_and_agents(&log);
    CHECK(d != NULL);
    static const struct { const char *root, *pattern, *code; } want[] = {
        /* the seed article */
        {"HOLD_", "* &TALKS WITH_ +", "046"},
        {"HOLD_", "% * &TALKS", "046"},
        {"DELIVER_", "* WRITTEN_RESPONSE TO_ +", "010"},
        {"EXPRESS_", "* &DISAPPROVAL", "111"},
        {"WARN_", "* &CONSEQUENCES", "130"},
        {"DEMAND_", "* SECURITY_GUARANTEE", "1042"},
        {"CONSIDER_", "* FURTHER MEASURE", "014"},
        /* the examples */
        {"IMPOSE_", "* &SANCTIONS ON_ +", "163"},
        {"SIGN_", "* &AGREEMENT", "057"},
        {"CALL_FOR_", "* &CEASEFIRE", "0256"},
        {"DEMAND_", "* &WITHDRAW_V", "1056"},
        {"DEPLOY_", "* &TROOPS", "154"},
        {"LAUNCH_", "* AIRSTRIKE", "195"},
        {"ACCUSE_", "* &WAR_CRIMES", "1124"},
        {"RECEIVE_", "+ * &AID FROM_ $", "070"},
        /* false friends */
        {"STRIKE_", "* &AGREEMENT", "057"},
        {"FIRE_", "* COACH", "---"},
        {"ATTACK_", "ADS_*", "---"},
        {"DISPUTE_", "BORDER_*", "---"},
        {"SHOOT_", "* FILM_", "---"},
        {"LAUNCH_", "* PRODUCT", "---"},
        {"LAUNCH_", "* CAMPAIGN", "---"},
        {"LAUNCH_", "* WEBSITE", "---"},
        {"CHARGE_", "* BATTERY_", "---"},
        {"CHARGE_", "* FEE_", "---"},
        {"MEET_", "* EXPECTATION", "---"},
        {"TAKE_", "* OFFICE_", "---"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const char *got = pattern_code(d, want[i].root, want[i].pattern);
        if (!got || strcmp(got, want[i].code) != 0)
            printf("  %s %s: %s, expected %s\n", want[i].root, want[i].pattern, got ? got : "(none)",
                   want[i].code);
        CHECK(got && strcmp(got, want[i].code) == 0);
    }
    static const struct { const char *root, *code; } roots[] = {
        {"SAY_", "010?"}, {"SHELL_", "194"}, {"ACCUSE_", "112"}, {"HOLD_", "---"},
        {"VETO_", "129"}, {"ASSASSINATE_", "186"}, {"MASSACRE_", "202"},
    };
    for (size_t i = 0; i < sizeof roots / sizeof *roots; i++) {
        const char *got = root_code(d, roots[i].root);
        if (!got || strcmp(got, roots[i].code) != 0)
            printf("  %s: %s, expected %s\n", roots[i].root, got ? got : "(none)", roots[i].code);
        CHECK(got && strcmp(got, roots[i].code) == 0);
    }
    dict_free(d);
}

/* ---- agents ---------------------------------------------------------------------- */

/* The code of the agent phrase `words` (lower case, blank separated, as
 * the reader stores them), or NULL. */
static const char *agent_code(const dyad_dict *d, const char *words)
{
    size_t n;
    const dict_phrase *ph = dict_phrases(d, DICT_PH_AGENT, &n);
    const dict_agent *ag = dict_agents(d, NULL);
    char buf[256], want[256];
    size_t k = 0;
    for (const char *c = words; *c && k + 2 < sizeof want; c++) {
        if (*c == ' ') { want[k++] = '_'; continue; }
        want[k++] = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
    }
    want[k++] = '_';
    want[k] = 0;
    for (size_t i = 0; i < n; i++) {
        dict_phrase_text(d, &ph[i], buf, sizeof buf);
        if (strcmp(buf, want) == 0) return dict_string(d, ag[ph[i].owner].code);
    }
    return NULL;
}

static void builtin_agents_give_roles(tctx *t)
{
    verbs_log log = {0};
    dyad_dict *d = load_verbs_and_agents(&log);
    CHECK(d != NULL);
    static const struct { const char *words, *code; } want[] = {
        {"president", "~GOV"},       {"prime minister", "~GOV"},  {"foreign minister", "~GOV"},
        {"deputy foreign minister", "~GOV"}, {"defence minister", "~GOV"}, {"defense minister", "~GOV"},
        {"spokesman", "~GOV"},       {"spokesmen", "~GOV"},       {"spokeswoman", "~GOV"},
        {"spokesperson", "~GOV"},    {"ambassador", "~GOV"},      {"envoy", "~GOV"},
        {"diplomat", "~GOV"},        {"troop", "~MIL"},           {"soldier", "~MIL"},
        {"army", "~MIL"},            {"navy", "~MIL"},            {"air force", "~MIL"},
        {"police", "~COP"},          {"policemen", "~COP"},       {"protester", "~OPP"},
        {"student", "~EDU"},         {"refugee", "~REF"},         {"journalist", "~MED"},
        {"lawmaker", "~LEG"},        {"parliament", "~LEG"},      {"court", "~JUD"},
        {"judge", "~JUD"},           {"rebel", "~REB"},           {"insurgent", "~INS"},
        {"militant", "~REB"},        {"separatist", "~SEP"},      {"children", "~CVL"},
        {"state media", "~GOVMED"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const char *got = agent_code(d, want[i].words);
        if (!got || strcmp(got, want[i].code) != 0)
            printf("  agent '%s': %s, expected %s\n", want[i].words, got ? got : "(none)", want[i].code);
        CHECK(got && strcmp(got, want[i].code) == 0);
    }
    dict_free(d);
}

void suite_builtin_verbs(tctx *t)
{
    RUN(t, builtin_verbs_load_clean);
    RUN(t, builtin_verbs_reach_coverage_floors);
    RUN(t, builtin_verbs_cover_every_cameo_code);
    RUN(t, builtin_verbs_code_the_phrases_news_uses);
    RUN(t, builtin_agents_give_roles);
}
