/* test_builtin_people.c -- dyad's own people dictionaries for Europe, the
 * Americas, the former Soviet states and the international organisations
 * (dict/actors/people-{europe,americas,postsoviet,igo}.actors): they load
 * without a malformed line or a finding, hold at least 1,000 people with
 * dated roles, keep the default code last, and resolve names to the role a
 * person held on the article's date.
 *
 * The files are read from the source tree; the tests run from the project
 * root (tests/run.sh, `make unit`). */
#include "harness.h"
#include "dict/dict.h"
#include <stdlib.h>

static const char *const people_files[] = {
    "dict/actors/people-americas.actors",
    "dict/actors/people-europe.actors",
    "dict/actors/people-postsoviet.actors",
    "dict/actors/people-igo.actors",
};
#define PEOPLE_FILES (sizeof people_files / sizeof people_files[0])

typedef struct load_log {
    int errors, warnings;
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

static dyad_dict *load_people(load_log *log)
{
    dyad_dict *d = dict_new();
    if (!d) return NULL;
    dict_load_options opt = {0};
    opt.diag = note_diag;
    opt.user = log;
    for (size_t i = 0; i < PEOPLE_FILES; i++) {
        if (dict_load_file(d, people_files[i], &opt) != 0) {
            fprintf(stderr, "  cannot read %s (run from the project root)\n", people_files[i]);
            dict_free(d);
            return NULL;
        }
    }
    return d;
}

/* The one actor whose phrase is exactly these lower-case words, or
 * DICT_NONE when there is none or more than one. */
static uint32_t person(const dyad_dict *d, const char *phrase)
{
    char copy[256];
    const char *words[16];
    size_t n = 0;
    snprintf(copy, sizeof copy, "%s", phrase);
    for (char *w = strtok(copy, " "); w && n < 16; w = strtok(NULL, " ")) words[n++] = w;
    uint32_t found[2];
    return dict_find_actors(d, words, n, found, 2) == 1 ? found[0] : DICT_NONE;
}

static const char *role_on(const dyad_dict *d, const char *phrase, int32_t date)
{
    uint32_t a = person(d, phrase);
    if (a == DICT_NONE) return "(no single actor)";
    uint32_t code = dict_actor_code_on(d, a, date);
    return code == DICT_NONE ? "(no code)" : dict_string(d, code);
}

static void people_files_load_clean(tctx *t)
{
    load_log log = {0};
    dyad_dict *d = load_people(&log);
    CHECK(d != NULL);
    if (log.errors || log.warnings) printf("  first diagnostic: %s\n", log.first);
    CHECK_INT(log.errors, 0);
    CHECK_INT(log.warnings, 0);
    size_t per[DICT_FIND_KINDS] = {0};
    /* No duplicate or conflicting phrase, no backwards or overlapping
     * dates, no actor without a code. */
    CHECK_INT(dict_check(d, NULL, NULL, per), 0);
    dict_free(d);
}

static void people_have_dated_roles_and_default_last(tctx *t)
{
    load_log log = {0};
    dyad_dict *d = load_people(&log);
    CHECK(d != NULL);
    size_t nactors = 0, ncodes = 0;
    const dict_actor *actors = dict_actors(d, &nactors);
    const dict_actor_code *codes = dict_actor_codes(d, &ncodes);
    size_t dated_people = 0, dated_codes = 0, default_not_last = 0;
    for (size_t i = 0; i < nactors; i++) {
        const dict_actor *a = &actors[i];
        size_t dated = 0;
        for (uint32_t c = 0; c < a->ncodes; c++) dated += codes[a->first_code + c].dated;
        if (dated) dated_people++;
        dated_codes += dated;
        /* exactly one undated code, written last: the role outside office */
        if (a->ncodes == 0 || codes[a->first_code + a->ncodes - 1].dated || a->ncodes - dated != 1)
            default_not_last++;
    }
    printf("  people: %zu, with dated roles %zu, dated codes %zu\n", nactors, dated_people,
           dated_codes);
    CHECK(dated_people >= 1000);
    CHECK(dated_codes >= 1500);
    CHECK_INT(default_not_last, 0);
    dict_free(d);
}

static void people_resolve_by_date(tctx *t)
{
    load_log log = {0};
    dyad_dict *d = load_people(&log);
    CHECK(d != NULL);
    /* the seed article, 26 January 2022 */
    CHECK_STR(role_on(d, "blinken", 20220126), "USAGOV");
    CHECK_STR(role_on(d, "antony blinken", 20160101), "USAGOV"); /* deputy secretary */
    CHECK_STR(role_on(d, "blinken", 20260101), "USAELI");
    CHECK_STR(role_on(d, "grushko", 20220126), "RUSGOV");
    CHECK_STR(role_on(d, "aleksandr grushko", 20220126), "RUSGOV");
    CHECK(person(d, "grushko") == person(d, "alexander grushko"));
    CHECK_STR(role_on(d, "joe biden", 20220126), "USAGOV");
    CHECK_STR(role_on(d, "biden", 20000101), "USALEG");
    CHECK_STR(role_on(d, "biden", 20180101), "USAELI");
    /* transliterations of one person */
    CHECK_STR(role_on(d, "zelenskyy", 20180101), "UKRELI");
    CHECK_STR(role_on(d, "zelenskyy", 20220301), "UKRGOV");
    CHECK(person(d, "zelensky") == person(d, "volodymyr zelenskiy"));
    /* a career across the government and an international organisation */
    CHECK_STR(role_on(d, "stoltenberg", 20100101), "NORGOV");
    CHECK_STR(role_on(d, "stoltenberg", 20200101), "IGOWSTNAT");
    CHECK_STR(role_on(d, "stoltenberg", 20260101), "NORGOV");
    CHECK_STR(role_on(d, "antonio guterres", 20000101), "PRTGOV");
    CHECK_STR(role_on(d, "guterres", 20100101), "IGOUNOREFHCR");
    CHECK_STR(role_on(d, "guterres", 20230101), "IGOUNO");
    CHECK_STR(role_on(d, "mark rutte", 20200101), "NLDGOV");
    CHECK_STR(role_on(d, "rutte", 20250101), "IGOWSTNAT");
    CHECK_STR(role_on(d, "von der leyen", 20150101), "DEUGOV");
    CHECK_STR(role_on(d, "ursula von der leyen", 20220126), "IGOEUREEC");
    /* roles other than government */
    CHECK_STR(role_on(d, "putin", 19990101), "RUSSPY");
    CHECK_STR(role_on(d, "vladimir putin", 20220126), "RUSGOV");
    CHECK_STR(role_on(d, "gerasimov", 20220126), "RUSMIL");
    CHECK_STR(role_on(d, "milley", 20220126), "USAMIL");
    CHECK_STR(role_on(d, "keir starmer", 20220101), "GBROPP");
    CHECK_STR(role_on(d, "starmer", 20250101), "GBRGOV");
    CHECK_STR(role_on(d, "mikhail gorbachev", 19900101), "USRGOV");
    CHECK_STR(role_on(d, "gorbachev", 20000101), "RUSELI");
    /* opposition leaders keep OPP whatever the date */
    CHECK_STR(role_on(d, "navalny", 20210117), "RUSOPP");
    CHECK_STR(role_on(d, "tsikhanouskaya", 20200810), "BLROPP");
    CHECK_STR(role_on(d, "guaido", 20190123), "VENOPP");
    CHECK_STR(role_on(d, "guaidó", 20190123), "VENOPP");
    /* a second term after a gap */
    CHECK_STR(role_on(d, "trump", 20180101), "USAGOV");
    CHECK_STR(role_on(d, "trump", 20220101), "USAELI");
    CHECK_STR(role_on(d, "trump", 20250301), "USAGOV");
    CHECK_STR(role_on(d, "lula", 20150101), "BRAELI");
    CHECK_STR(role_on(d, "lula", 20240101), "BRAGOV");
    /* diacritics: the ASCII and the printed spelling are the same person */
    CHECK_STR(role_on(d, "françois hollande", 20150101), "FRAGOV");
    CHECK(person(d, "francois hollande") == person(d, "françois hollande"));
    CHECK_STR(role_on(d, "erdoğan", 20200101), "TURGOV");
    CHECK(person(d, "erdogan") == person(d, "erdoğan"));
    CHECK_STR(role_on(d, "le drian", 20150101), "FRAGOV");
    /* surnames shared by several office holders stay unmatched alone */
    CHECK(person(d, "johnson") == DICT_NONE);
    CHECK(person(d, "ivanov") == DICT_NONE);
    dict_free(d);
}

void suite_builtin_people(tctx *t)
{
    RUN(t, people_files_load_clean);
    RUN(t, people_have_dated_roles_and_default_last);
    RUN(t, people_resolve_by_date);
}
