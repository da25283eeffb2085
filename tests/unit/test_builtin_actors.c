/* test_builtin_actors.c -- dyad's own dictionaries of countries, places,
 * international organisations and groups (dict/actors/countries-*.actors,
 * places-*.actors, international.actors, groups.actors): they load without a
 * malformed line, warning or finding, reach the coverage floors of issue 5,
 * and resolve the names news uses to the right codes, dated ones included.
 *
 * The files are read from the source tree; the tests run from the project
 * root (tests/run.sh, `make unit`). */
#include "harness.h"
#include "dict/dict.h"
#include <glob.h>
#include <stdlib.h>

static const char *const actor_globs[] = {
    "dict/actors/countries-*.actors",
    "dict/actors/places-*.actors",
    "dict/actors/international.actors",
    "dict/actors/groups.actors",
};
#define ACTOR_GLOBS (sizeof actor_globs / sizeof actor_globs[0])

typedef struct load_log {
    int errors, warnings, files;
    char first[512];
} load_log;

static void note_diag(const dyad_diag *d, void *user)
{
    load_log *log = user;
    if (d->severity == DYAD_ERROR) log->errors++;
    else if (d->severity == DYAD_WARNING) log->warnings++;
    else return;
    if (!log->first[0])
        snprintf(log->first, sizeof log->first, "%s:%zu: %s", d->file ? d->file : "",
                 (size_t)d->line, d->message);
}

/* Loads every file the globs name; NULL when one cannot be read or a glob
 * names nothing (run from elsewhere than the project root). */
static dyad_dict *load_actors(load_log *log)
{
    dyad_dict *d = dict_new();
    if (!d) return NULL;
    dict_load_options opt = {0};
    opt.diag = note_diag;
    opt.user = log;
    for (size_t g = 0; g < ACTOR_GLOBS; g++) {
        glob_t found;
        if (glob(actor_globs[g], 0, NULL, &found) != 0) {
            fprintf(stderr, "  nothing matches %s (run from the project root)\n", actor_globs[g]);
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
    }
    return d;
}

/* The one actor whose phrase is exactly these lower-case words (blank
 * separated, as the tokenizer splits them), or DICT_NONE when there is
 * none or more than one. */
static uint32_t actor_named(const dyad_dict *d, const char *phrase)
{
    char copy[256];
    const char *words[16];
    size_t n = 0;
    snprintf(copy, sizeof copy, "%s", phrase);
    for (char *w = strtok(copy, " "); w && n < 16; w = strtok(NULL, " ")) words[n++] = w;
    uint32_t found[2];
    return dict_find_actors(d, words, n, found, 2) == 1 ? found[0] : DICT_NONE;
}

static const char *code_on(const dyad_dict *d, const char *phrase, int32_t date)
{
    uint32_t a = actor_named(d, phrase);
    if (a == DICT_NONE) return "(no single actor)";
    uint32_t code = dict_actor_code_on(d, a, date);
    return code == DICT_NONE ? "(no code)" : dict_string(d, code);
}

static bool path_has(const char *path, const char *part) { return strstr(path, part) != NULL; }

/* ---- tests ---------------------------------------------------------------- */

static void builtin_actors_load_clean(tctx *t)
{
    load_log log = {0};
    dyad_dict *d = load_actors(&log);
    CHECK(d != NULL);
    if (log.errors || log.warnings) printf("  first: %s\n", log.first);
    CHECK_INT(log.errors, 0);
    CHECK_INT(log.warnings, 0);
    /* six countries files, six places files, international, groups */
    CHECK_INT(log.files, 14);
    size_t per[DICT_FIND_KINDS];
    size_t findings = dict_check(d, NULL, NULL, per);
    CHECK_INT(findings, 0);
    dict_free(d);
}

/* Floors of issue 5: every UN member and observer plus the territories,
 * at least 1,500 places, at least 60 intergovernmental organisations. */
static void builtin_actors_reach_coverage_floors(tctx *t)
{
    load_log log = {0};
    dyad_dict *d = load_actors(&log);
    CHECK(d != NULL);

    size_t nactors, ncodes;
    const dict_actor *actors = dict_actors(d, &nactors);
    const dict_actor_code *codes = dict_actor_codes(d, &ncodes);

    /* Distinct country codes (the first three letters of a code that is
     * not international or regional) used in the countries files. */
    enum { LETTERS = 26 * 26 * 26 };
    unsigned char *seen = calloc(LETTERS, 1);
    CHECK(seen != NULL);
    size_t countries = 0, country_actors = 0, places = 0, igos = 0, groups = 0;
    for (size_t i = 0; i < nactors; i++) {
        const char *path = dict_file_at(d, actors[i].file)->path;
        if (path_has(path, "/places-")) places++;
        if (path_has(path, "/groups.")) groups++;
        for (uint32_t k = 0; k < actors[i].ncodes; k++) {
            const char *c = dict_string(d, codes[actors[i].first_code + k].code);
            if (path_has(path, "/international.") && k == 0 && strncmp(c, "IGO", 3) == 0) igos++;
            if (!path_has(path, "/countries-") || strlen(c) < 3) continue;
            if (k == 0) country_actors++;
            if (c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' || c[2] < 'A' || c[2] > 'Z')
                continue;
            size_t idx = (size_t)(c[0] - 'A') * 676 + (size_t)(c[1] - 'A') * 26 + (size_t)(c[2] - 'A');
            if (!seen[idx]) { seen[idx] = 1; countries++; }
        }
    }
    free(seen);
    printf("  countries/territories %zu (in %zu actors), places %zu, IGOs %zu, groups %zu\n",
           countries, country_actors, places, igos, groups);
    CHECK(countries >= 200);
    CHECK(country_actors >= 500);
    CHECK(places >= 1500);
    CHECK(igos >= 60);
    CHECK(groups >= 150);
    dict_free(d);
}

typedef struct spot {
    const char *phrase; /* lower-case words as the tokenizer gives them */
    int32_t date;
    const char *code;
} spot;

static void builtin_actors_resolve_spot_lookups(tctx *t)
{
    load_log log = {0};
    dyad_dict *d = load_actors(&log);
    CHECK(d != NULL);
    static const spot spots[] = {
        {"kremlin", 20220126, "RUSGOV"},
        {"kremlin", 19900601, "USRGOV"},     /* before the USSR was dissolved */
        {"white house", 20220126, "USAGOV"},
        {"pentagon", 20220126, "USAMIL"},
        {"state department", 20220126, "USAGOV"},
        {"downing street", 20220126, "GBRGOV"},
        {"zhongnanhai", 20220126, "CHNGOV"},
        {"élysée", 20220126, "FRAGOV"},
        {"elysee palace", 20220126, "FRAGOV"},
        {"knesset", 20220126, "ISRLEG"},
        {"duma", 20220126, "RUSLEG"},
        {"ivory coast", 20220126, "CIV"},
        {"côte d'ivoire", 20220126, "CIV"},
        {"cote d'ivoire", 20220126, "CIV"},
        {"türkiye", 20220126, "TUR"},
        {"burma", 20220126, "MMR"},
        {"zaire", 19950101, "COD"},
        {"swaziland", 20220126, "SWZ"},
        {"czech republic", 20220126, "CZE"},
        /* the coder's words keep the clitic ("people's"); a dictionary
         * phrase that splits it off is joined to match them */
        {"people's republic of china", 20220126, "CHN"},
        {"workers' party of korea", 20220126, "PRKGOVPTYWPK"},
        {"lord's resistance army", 20220126, "UGAREBLRA"},
        {"central african", 20220126, "CAF"},
        {"central african states", 20220126, "CFR"},
        {"who chief", 20220126, "IGOUNOHLHWHO"},
        {"un human rights chief", 20220126, "IGOUNOHRIHCH"},
        {"u.s.", 20220126, "USA"},
        {"russian", 20220126, "RUS"},
        {"beijing", 20220126, "CHN"},
        {"georgia", 20220126, "GEO"},
        {"state of georgia", 20220126, "USA"},
        {"kharkiv", 20220126, "UKR"},
        {"crimea", 20220126, "UKR"},
        {"gaza", 20220126, "PSE"},
        {"idlib", 20220126, "SYR"},
        {"tigray", 20220126, "ETH"},
        {"nato", 20220126, "IGOWSTNAT"},
        {"european commission", 20220126, "IGOEUREEC"},
        {"african union", 20220126, "IGOAFRAFU"},
        {"unhcr", 20220126, "IGOUNOREFHCR"},
        {"iaea", 20220126, "IGOUNOIAE"},
        {"the west", 20220126, "WST"},
        /* the reader makes a hyphen a joint: AL-QAEDA_ is "al" then "qaeda" */
        {"al qaeda", 20220126, "IMGMOSALQ"},
        {"guinea bissau", 20220126, "GNB"},
        {"taliban", 20100101, "AFGREBTAL"}, /* armed groups are REB (gold README, rule 16) */
        {"boko haram", 20140415, "NGAREBBKH"},
        {"al shabaab", 20220126, "SOMREBSHB"},
        {"pakistani taliban", 20230130, "PAKREBTTP"},
        {"eln", 20220126, "COLREBELN"},
        {"houthis", 20240112, "YEMREBHTH"},
        {"taliban", 20220126, "AFGGOVTAL"},
        {"rapid support forces", 20200101, "SDNMILRSF"},
        {"rapid support forces", 20240101, "SDNREBRSF"},
        {"democrats", 20220126, "USAGOVPTYDEM"},
        {"democrats", 20260101, "USAOPPPTYDEM"},
        {"jordan river", 20220126, "---"},
    };
    for (size_t i = 0; i < sizeof spots / sizeof spots[0]; i++) {
        const char *got = code_on(d, spots[i].phrase, spots[i].date);
        if (strcmp(got, spots[i].code) != 0)
            printf("  \"%s\" on %d\n", spots[i].phrase, (int)spots[i].date);
        CHECK_STR(got, spots[i].code);
    }
    dict_free(d);
}

/* Lower-cased, these are ordinary English words; no entry may claim them. */
static void builtin_actors_leave_common_words_alone(tctx *t)
{
    load_log log = {0};
    dyad_dict *d = load_actors(&log);
    CHECK(d != NULL);
    static const char *const words[] = {"us", "who", "car", "male", "nice", "split", "jersey",
                                        "pole", "amnesty", "reunion", "hue", "para"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        const char *w[1] = {words[i]};
        uint32_t found[1];
        if (dict_find_actors(d, w, 1, found, 1) != 0) printf("  \"%s\" is an actor\n", words[i]);
        CHECK(dict_find_actors(d, w, 1, found, 1) == 0);
    }
    dict_free(d);
}

void suite_builtin_actors(tctx *t)
{
    RUN(t, builtin_actors_load_clean);
    RUN(t, builtin_actors_reach_coverage_floors);
    RUN(t, builtin_actors_resolve_spot_lookups);
    RUN(t, builtin_actors_leave_common_words_alone);
}
