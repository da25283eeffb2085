/* test_dict_tool.c -- the dictionary tools of dyad.h (dyad_dicts_*), which
 * `dyad dict check|lookup|compile` print: check names each planted
 * problem by file and line, lookup explains which dated code holds on a
 * day and falls back to lemmas, compile writes an image that loads back
 * and answers as the text does, and unreadable files are counted, not
 * fatal.  Also the public validation and trace entry points.  Only the
 * public header is used, as a program linking libdyad would. */
#include "harness.h"
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

/* ---- helpers ------------------------------------------------------------- */

typedef struct temp_dir { char path[64]; } temp_dir;

static int temp_make(temp_dir *td)
{
    snprintf(td->path, sizeof td->path, "/tmp/dyad-dict-tool-XXXXXX");
    return mkdtemp(td->path) ? 0 : -1;
}

/* The directory is flat: files only. */
static void temp_remove(temp_dir *td)
{
    DIR *dir = opendir(td->path);
    if (dir) {
        struct dirent *e;
        char p[512];
        while ((e = readdir(dir)))
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
                snprintf(p, sizeof p, "%s/%s", td->path, e->d_name);
                unlink(p);
            }
        closedir(dir);
    }
    rmdir(td->path);
}

static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    size_t n = strlen(text);
    int rc = fwrite(text, 1, n, f) == n ? 0 : -1;
    return fclose(f) || rc ? -1 : 0;
}

/* Output written to a FILE, kept in memory. */
typedef struct capture { char *text; size_t len; FILE *f; } capture;

static FILE *capture_open(capture *c)
{
    c->text = NULL;
    c->len = 0;
    c->f = open_memstream(&c->text, &c->len);
    return c->f;
}

static const char *capture_done(capture *c)
{
    if (c->f) fclose(c->f);
    c->f = NULL;
    return c->text ? c->text : "";
}

typedef struct msg_log { int errors, others; char last_file[512], last[1024]; } msg_log;

static void log_msg(const dyad_diag *d, void *user)
{
    msg_log *m = user;
    if (d->severity == DYAD_ERROR) m->errors++;
    else m->others++;
    snprintf(m->last_file, sizeof m->last_file, "%s", d->file ? d->file : "");
    snprintf(m->last, sizeof m->last, "%s", d->message);
}

/* TABARI's manual's dated actor (GOLLUM, whose code changes with the
 * date), a duplicate, a date range written backwards, and a verb with a
 * code that is not CAMEO. */
static const char small_actors[] =
    "GOLLUM ; the manual's example\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 950601 - 990815]\n"
    "\t[HOBREB >990816]\nMORDOR [MOR]\nMORDOR [MOR]\nSHIRE [SHR 990101-980101]\n";
static const char small_verbs[] = "ACCEPT [030]\n- * $ PROPOSAL [081]\nFROB [999]\n";

typedef struct fixture {
    temp_dir dir;
    char actors[128], verbs[128];
    const char *files[2];
} fixture;

static int fixture_make(fixture *fx)
{
    if (temp_make(&fx->dir)) return -1;
    snprintf(fx->actors, sizeof fx->actors, "%s/small.actors", fx->dir.path);
    snprintf(fx->verbs, sizeof fx->verbs, "%s/small.verbs", fx->dir.path);
    fx->files[0] = fx->actors;
    fx->files[1] = fx->verbs;
    return write_text(fx->actors, small_actors) || write_text(fx->verbs, small_verbs) ? -1 : 0;
}

static dyad_dicts *load_files(const char *const *files, size_t n, msg_log *log)
{
    dyad_dicts_config cfg = {.files = files, .nfiles = n, .diag = log_msg, .user = log};
    return dyad_dicts_load(&cfg);
}

/* Returns the malloc'd output of lookup, and its result in *found. */
static char *lookup(const dyad_dicts *d, const char *phrase, const char *date, long *found)
{
    capture c;
    if (!capture_open(&c)) return NULL;
    *found = dyad_dicts_lookup(d, phrase, date, c.f);
    capture_done(&c);
    return c.text;
}

/* ---- tests ---------------------------------------------------------------- */

static void dict_tool_names_syntax_and_kind(tctx *t)
{
    CHECK_INT(dyad_dict_syntax_from_name("tabari"), DYAD_DICT_SYNTAX_TABARI);
    CHECK_INT(dyad_dict_syntax_from_name("petrarch"), DYAD_DICT_SYNTAX_PETRARCH);
    CHECK_INT(dyad_dict_syntax_from_name("auto"), DYAD_DICT_SYNTAX_DETECT);
    CHECK_INT(dyad_dict_syntax_from_name("xml"), -1);
    CHECK_INT(dyad_dict_kind_from_name("actors"), DYAD_DICT_KIND_ACTORS);
    CHECK_INT(dyad_dict_kind_from_name("project"), DYAD_DICT_KIND_PROJECT);
    CHECK_INT(dyad_dict_kind_from_name("verb"), -1);
    CHECK_INT(dyad_dict_kind_from_name(NULL), -1);
}

static void dict_tool_check_finds_planted_problems(tctx *t)
{
    fixture fx;
    CHECK(fixture_make(&fx) == 0);
    msg_log log = {0};
    dyad_dicts *d = load_files(fx.files, 2, &log);
    CHECK(d);
    CHECK_INT(dyad_dicts_unreadable(d), 0);
    CHECK_INT(dyad_dicts_file_count(d), 2);
    capture c;
    CHECK(capture_open(&c));
    long problems = dyad_dicts_check(d, c.f);
    const char *out = capture_done(&c);
    char want[512];
    snprintf(want, sizeof want, "%s: tabari actors: actors=4 actor-phrases=5 codes=6 dated-codes=4\n", fx.actors);
    bool counts = strstr(out, want) != NULL;
    snprintf(want, sizeof want, "%s:7: duplicate: actor phrase MORDOR is already at %s:6\n", fx.actors, fx.actors);
    bool duplicate = strstr(out, want) != NULL;
    snprintf(want, sizeof want, "%s:8: date-backwards: ", fx.actors);
    bool backwards = strstr(out, want) != NULL;
    snprintf(want, sizeof want, "%s:3: not-cameo: verb FROB has code [999]", fx.verbs);
    bool not_cameo = strstr(out, want) != NULL;
    bool total = strstr(out, "\nfindings: 3 duplicate=1 not-cameo=1 date-backwards=1\n") != NULL;
    if (!counts || !duplicate || !backwards || !not_cameo || !total) printf("%s", out);
    free(c.text);
    dyad_dicts_free(d);
    temp_remove(&fx.dir);
    CHECK_INT(problems, 3);
    CHECK(counts);
    CHECK(duplicate);
    CHECK(backwards);
    CHECK(not_cameo);
    CHECK(total);
    CHECK_INT(log.errors, 0);
}

static void dict_tool_check_is_clean_on_clean_files(tctx *t)
{
    temp_dir td;
    CHECK(temp_make(&td) == 0);
    char path[128];
    snprintf(path, sizeof path, "%s/clean.actors", td.path);
    CHECK(write_text(path, "MORDOR [MOR]\nGONDOR [GON]\n") == 0);
    const char *files[] = {path};
    msg_log log = {0};
    dyad_dicts *d = load_files(files, 1, &log);
    capture c;
    long problems = d && capture_open(&c) ? dyad_dicts_check(d, c.f) : -1;
    const char *out = d ? capture_done(&c) : "";
    bool ends = strstr(out, "\nfindings: 0\n") != NULL;
    if (d) free(c.text);
    dyad_dicts_free(d);
    temp_remove(&td);
    CHECK_INT(problems, 0);
    CHECK(ends);
}

static void dict_tool_lookup_explains_a_dated_actor(tctx *t)
{
    fixture fx;
    CHECK(fixture_make(&fx) == 0);
    msg_log log = {0};
    dyad_dicts *d = load_files(fx.files, 2, &log);
    CHECK(d);
    long found = 0, undated = 0, bad = 0;
    char *on = lookup(d, "Smeagol", "1997-01-01", &found);
    char *plain = lookup(d, "smeagol", NULL, &undated);
    char *wrong = lookup(d, "smeagol", "1997-02-30", &bad);
    dyad_dicts_free(d);
    temp_remove(&fx.dir);
    bool named = on && strstr(on, "actor GOLLUM (") && strstr(on, "small.actors:1)\n");
    bool synonym = on && strstr(on, "  synonym +SMEAGOL (line 2): the phrase looked up\n");
    bool holds = on && strstr(on, "  on 1997-01-01: HOBGOV\n");
    bool why = on && strstr(on, "[HOBGOV 1995-06-01..1999-08-15] line 4: applies, the first dated code") &&
               strstr(on, "[HOB until 1995-06-01] line 3: does not apply, it ended 1995-06-01") &&
               strstr(on, "[HOBREB from 1999-08-16] line 5: does not apply, it starts 1999-08-16");
    bool no_date = plain && strstr(plain, "give --date to see which") && !strstr(plain, "  on ");
    bool silent = wrong && !wrong[0];
    if (!named || !synonym || !holds || !why) printf("%s", on ? on : "(null)\n");
    free(on);
    free(plain);
    free(wrong);
    CHECK_INT(found, 1);
    CHECK(named);
    CHECK(synonym);
    CHECK(holds);
    CHECK(why);
    CHECK_INT(undated, 1);
    CHECK(no_date);
    CHECK_INT(bad, -1);
    CHECK(silent);
}

static void dict_tool_lookup_falls_back_to_lemmas(tctx *t)
{
    fixture fx;
    CHECK(fixture_make(&fx) == 0);
    msg_log log = {0};
    dyad_dicts *d = load_files(fx.files, 2, &log);
    CHECK(d);
    long found = 0, missing = 0;
    char *out = lookup(d, "accepted", NULL, &found);
    char *none = lookup(d, "frodo_baggins", NULL, &missing);
    dyad_dicts_free(d);
    temp_remove(&fx.dir);
    bool said = out && strstr(out, "accepted: not written so in these dictionaries\n-- as 'accept' (lemmas of the words):\n");
    bool verb = out && strstr(out, "verb ACCEPT (") && strstr(out, "code [030] (the verb's own), 1 pattern(s)\n");
    bool absent = none && strstr(none, "frodo_baggins: not in these dictionaries\n");
    if (!said || !verb) printf("%s", out ? out : "(null)\n");
    free(out);
    free(none);
    CHECK_INT(found, 1);
    CHECK(said);
    CHECK(verb);
    CHECK_INT(missing, 0);
    CHECK(absent);
}

static void dict_tool_compile_writes_an_image_that_loads_back(tctx *t)
{
    fixture fx;
    CHECK(fixture_make(&fx) == 0);
    char image[160];
    snprintf(image, sizeof image, "%s/small.img", fx.dir.path);
    msg_log log = {0};
    dyad_dicts *text = load_files(fx.files, 2, &log);
    CHECK(text);
    capture c;
    CHECK(capture_open(&c));
    int rc = dyad_dicts_compile(text, image, c.f);
    const char *out = capture_done(&c);
    char want[256];
    snprintf(want, sizeof want, "image: %s (", image);
    bool reported = strstr(out, want) && strstr(out, "from 2 files") && strstr(out, "\ntime: read text ");
    if (!reported) printf("%s", out);
    free(c.text);
    CHECK_INT(rc, 0);
    CHECK(reported);
    CHECK(dyad_dicts_is_image(image));
    CHECK(!dyad_dicts_is_image(fx.actors));

    /* The image answers as the text does. */
    const char *files[] = {image};
    dyad_dicts *img = load_files(files, 1, &log);
    CHECK(img);
    CHECK_INT(dyad_dicts_unreadable(img), 0);
    CHECK_INT(dyad_dicts_file_count(img), 2);
    long f1 = 0, f2 = 0;
    char *a = lookup(text, "smeagol", "2001-01-01", &f1);
    char *b = lookup(img, "smeagol", "2001-01-01", &f2);
    bool same = a && b && strcmp(a, b) == 0 && strstr(a, "on 2001-01-01: HOBREB");
    free(a);
    free(b);
    CHECK(capture_open(&c));
    long problems = dyad_dicts_check(img, c.f);
    out = capture_done(&c);
    snprintf(want, sizeof want, "%s: compiled image of 2 files;", image);
    bool header = strncmp(out, want, strlen(want)) == 0;
    free(c.text);
    /* An image is compiled already. */
    log.errors = 0;
    CHECK(capture_open(&c));
    int again = dyad_dicts_compile(img, NULL, c.f);
    capture_done(&c);
    free(c.text);
    dyad_dicts_free(text);
    dyad_dicts_free(img);
    temp_remove(&fx.dir);
    CHECK_INT(f1, 1);
    CHECK_INT(f2, 1);
    CHECK(same);
    CHECK(header);
    CHECK_INT(problems, 3);
    CHECK_INT(again, -1);
    CHECK_INT(log.errors, 1);
}

static void dict_tool_unreadable_files_are_counted_not_fatal(tctx *t)
{
    fixture fx;
    CHECK(fixture_make(&fx) == 0);
    char missing[128], image[128];
    snprintf(missing, sizeof missing, "%s/no-such.verbs", fx.dir.path);
    snprintf(image, sizeof image, "%s/never.img", fx.dir.path);
    const char *files[] = {fx.actors, missing};
    msg_log log = {0};
    dyad_dicts *d = load_files(files, 2, &log);
    CHECK(d);
    size_t unreadable = dyad_dicts_unreadable(d);
    size_t nfiles = dyad_dicts_file_count(d);
    int errors = log.errors;
    capture c;
    CHECK(capture_open(&c));
    long problems = dyad_dicts_check(d, c.f);
    capture_done(&c);
    free(c.text);
    CHECK(capture_open(&c));
    int rc = dyad_dicts_compile(d, image, c.f);
    const char *out = capture_done(&c);
    bool counts_written = strstr(out, "total:") != NULL;
    free(c.text);
    bool no_image = access(image, F_OK) != 0;
    dyad_dicts_free(d);
    temp_remove(&fx.dir);
    CHECK_INT(unreadable, 1);
    CHECK_INT(nfiles, 1);
    CHECK(errors >= 1);
    CHECK_INT(problems, 3); /* the two findings of the actors, and the file */
    CHECK_INT(rc, -1);
    CHECK(counts_written);
    CHECK(no_image);
}

static void dict_tool_image_among_text_is_refused(tctx *t)
{
    fixture fx;
    CHECK(fixture_make(&fx) == 0);
    char image[128];
    snprintf(image, sizeof image, "%s/small.img", fx.dir.path);
    msg_log log = {0};
    dyad_dicts *d = load_files(fx.files, 2, &log);
    CHECK(d);
    capture c;
    CHECK(capture_open(&c));
    int rc = dyad_dicts_compile(d, image, c.f);
    capture_done(&c);
    free(c.text);
    dyad_dicts_free(d);
    const char *files[] = {fx.actors, image};
    d = load_files(files, 2, &log);
    size_t unreadable = d ? dyad_dicts_unreadable(d) : 0;
    bool named = strcmp(log.last_file, image) == 0 && strstr(log.last, "alone");
    dyad_dicts_free(d);
    dyad_dicts_config bad = {.kind = (dyad_dict_kind)99};
    dyad_dicts *refused = dyad_dicts_load(&bad);
    temp_remove(&fx.dir);
    CHECK_INT(rc, 0);
    CHECK_INT(unreadable, 1);
    CHECK(named);
    CHECK(refused == NULL);
}

/* dyad_validate() needs a suite; the peers' suites are run by
 * test_validate.c. */
static void dict_tool_validate_reports_a_missing_suite(tctx *t)
{
    msg_log log = {0};
    dyad_validate_config cfg = {.suite = "/nonexistent/Validate.project", .diag = log_msg, .user = &log};
    dyad_validate_result r;
    CHECK_INT(dyad_validate(&cfg, &r), -1);
    CHECK(log.errors >= 1);
    CHECK_INT(r.records, 0);
    dyad_validate_config none = {0};
    CHECK_INT(dyad_validate(&none, NULL), -1);
}

/* dyad_code_options.trace: the coder's reading of each sentence goes to
 * the stream given, and nothing without one. */
static void dict_tool_coder_trace_goes_to_the_stream(tctx *t)
{
    dyad_coder_config cc = {.builtin = 1};
    dyad_coder *coder = dyad_coder_new(&cc);
    CHECK(coder);
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    capture c;
    CHECK(capture_open(&c));
    dyad_code_options with = {.default_date = "2022-02-24", .trace = c.f};
    dyad_code_options without = {.default_date = "2022-02-24"};
    dyad_coder_work *traced = dyad_coder_work_new(coder, &with);
    dyad_coder_work *quiet = dyad_coder_work_new(coder, &without);
    const char text[] = "Russian troops attacked Ukraine.";
    dyad_analysis a;
    const dyad_event *ev = NULL;
    size_t n1 = 0, n2 = 0;
    int ok = p && traced && quiet && dyad_analyze_text(p, text, strlen(text), &a) == 0 &&
             dyad_code(traced, &a, &ev, &n1) == 0 && dyad_code(quiet, &a, &ev, &n2) == 0;
    const char *out = capture_done(&c);
    bool traced_words = strstr(out, "ukraine") != NULL && strstr(out, "attack") != NULL;
    size_t len = strlen(out);
    if (!traced_words) printf("%s", out);
    free(c.text);
    dyad_coder_work_free(traced);
    dyad_coder_work_free(quiet);
    dyad_pipeline_free(p);
    dyad_coder_free(coder);
    CHECK(ok);
    CHECK(n1 >= 1);
    CHECK_INT(n1, n2);
    CHECK(len > 0);
    CHECK(traced_words);
}

void suite_dict_tool(tctx *t)
{
    RUN(t, dict_tool_names_syntax_and_kind);
    RUN(t, dict_tool_check_finds_planted_problems);
    RUN(t, dict_tool_check_is_clean_on_clean_files);
    RUN(t, dict_tool_lookup_explains_a_dated_actor);
    RUN(t, dict_tool_lookup_falls_back_to_lemmas);
    RUN(t, dict_tool_compile_writes_an_image_that_loads_back);
    RUN(t, dict_tool_unreadable_files_are_counted_not_fatal);
    RUN(t, dict_tool_image_among_text_is_refused);
    RUN(t, dict_tool_validate_reports_a_missing_suite);
    RUN(t, dict_tool_coder_trace_goes_to_the_stream);
}
