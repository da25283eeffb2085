/* inputs.c -- turns command-line inputs into documents.  Directories are
 * walked with an explicit stack (no recursion that a deep tree can
 * exhaust), entries in sorted order so output order is reproducible. */
#include "cli.h"
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Rewrites the progress line, at most four times a second. */
static void show_progress(cli_stats *st, bool last)
{
    double now = seconds();
    if (!last && now - st->shown < 0.25) return;
    st->shown = now;
    double rate = now > st->started ? (double)st->documents / (now - st->started) : 0;
    fprintf(stderr, "\rdyad: %zu input(s), %zu document(s)", st->inputs, st->documents);
    if (st->events) fprintf(stderr, ", %zu event(s)", atomic_load(st->events));
    fprintf(stderr, ", %.0f documents/s\033[K", rate);
    if (last) fputc('\n', stderr);
}

char **cli_getopt_begin(char **argv, char *name, size_t size, const char *command)
{
    snprintf(name, size, "dyad %s", command);
    argv[0] = name;
    optind = 1;
    opterr = 1;
    return argv;
}

bool cli_valid_date(const char *s)
{
    return dyad_date_parse(s, NULL) == 0;
}

bool cli_output_failed(void)
{
    return ferror(stdout) != 0;
}

int cli_finish_output(const char *command, int status)
{
    errno = 0;
    if (fflush(stdout) == 0 && !ferror(stdout)) return status;
    if (errno != EPIPE)
        fprintf(stderr, "dyad %s: error writing output: %s\n", command,
                errno ? strerror(errno) : "write failed");
    return EXIT_OUTPUT;
}

void cli_diag(const dyad_diag *d, void *user)
{
    cli_stats *st = user;
    if (d->severity == DYAD_NOTE && st && st->quiet) return;
    if (d->severity == DYAD_WARNING && st && st->quiet) return;
    /* A message must not run into the progress line. */
    if (st && st->progress) fputs("\r\033[K", stderr);
    const char *sev = d->severity == DYAD_ERROR ? "error" :
                      d->severity == DYAD_WARNING ? "warning" : "note";
    fprintf(stderr, "dyad: %s", d->file ? d->file : "-");
    if (d->line) fprintf(stderr, ":%zu", d->line);
    fprintf(stderr, ": %s: %s", sev, d->message);
    if (d->record) fprintf(stderr, " [record %s]", d->record);
    fputc('\n', stderr);
}

static int read_one(const char *path, dyad_format format, const char *const *fields, cli_stats *st,
                    cli_doc_fn fn, void *user)
{
    dyad_reader *r = dyad_reader_open_file(path, format, cli_diag, st);
    if (!r) { st->unreadable++; return 0; }
    for (int f = 0; fields && f < DYAD_FIELD_COUNT; f++)
        if (fields[f] && dyad_reader_set_field(r, (dyad_field)f, fields[f])) {
            dyad_reader_close(r);
            st->unreadable++;
            return -1;
        }
    dyad_reader_accept_all_languages(r, st->all_languages);
    st->inputs++;
    dyad_document doc;
    int rc = 0;
    while (dyad_reader_next(r, &doc)) {
        st->documents++;
        if (fn(&doc, user)) { rc = -1; break; }
        if (st->progress) show_progress(st, false);
    }
    st->skipped += dyad_reader_skipped(r);
    st->warnings += dyad_reader_warnings(r);
    st->other_language += dyad_reader_other_language(r);
    st->passed_over += dyad_reader_passed_over(r);
    dyad_reader_close(r);
    return rc;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walks a directory tree, reading regular files whose names do not start
 * with a dot. */
static int read_tree(const char *root, dyad_format format, const char *const *fields, cli_stats *st,
                     cli_doc_fn fn, void *user)
{
    size_t cap = 16, n = 0;
    char **stack = malloc(cap * sizeof *stack);
    if (!stack) return -1;
    stack[n++] = strdup(root);
    int rc = 0;
    while (n && rc == 0) {
        char *dir = stack[--n];
        if (!dir) { rc = -1; break; }
        DIR *d = opendir(dir);
        if (!d) {
            fprintf(stderr, "dyad: %s: error: %s\n", dir, strerror(errno));
            st->unreadable++;
            free(dir);
            continue;
        }
        size_t ecap = 16, en = 0;
        char **entries = malloc(ecap * sizeof *entries);
        struct dirent *e;
        while (entries && (e = readdir(d))) {
            if (e->d_name[0] == '.') continue;
            if (en == ecap) {
                char **ne = realloc(entries, 2 * ecap * sizeof *entries);
                if (!ne) break;
                entries = ne;
                ecap *= 2;
            }
            size_t len = strlen(dir) + strlen(e->d_name) + 2;
            entries[en] = malloc(len);
            if (!entries[en]) break;
            snprintf(entries[en], len, "%s/%s", dir, e->d_name);
            en++;
        }
        closedir(d);
        free(dir);
        if (!entries) { rc = -1; break; }
        qsort(entries, en, sizeof *entries, cmp_names);
        /* Files now, in order; subdirectories pushed in reverse so they
         * pop in order. */
        for (size_t i = 0; i < en; i++) {
            struct stat sb;
            if (rc == 0 && stat(entries[i], &sb) == 0 && S_ISREG(sb.st_mode))
                rc = read_one(entries[i], format, fields, st, fn, user);
        }
        for (size_t i = en; i-- > 0;) {
            struct stat sb;
            if (rc == 0 && stat(entries[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
                if (n == cap) {
                    char **ns = realloc(stack, 2 * cap * sizeof *stack);
                    if (!ns) { rc = -1; free(entries[i]); continue; }
                    stack = ns;
                    cap *= 2;
                }
                stack[n++] = entries[i];
            } else {
                free(entries[i]);
            }
        }
        free(entries);
    }
    while (n) free(stack[--n]);
    free(stack);
    return rc;
}

static int for_each(char **inputs, int ninputs, dyad_format format, const char *const *fields, cli_stats *st,
                    cli_doc_fn fn, void *user)
{
    if (ninputs == 0) return read_one("-", format, fields, st, fn, user);
    for (int i = 0; i < ninputs; i++) {
        struct stat sb;
        int rc;
        if (strcmp(inputs[i], "-") != 0 && stat(inputs[i], &sb) == 0 && S_ISDIR(sb.st_mode))
            rc = read_tree(inputs[i], format, fields, st, fn, user);
        else
            rc = read_one(inputs[i], format, fields, st, fn, user);
        if (rc) return rc;
    }
    return 0;
}

int cli_for_each_document(char **inputs, int ninputs, dyad_format format, cli_stats *st,
                          cli_doc_fn fn, void *user)
{
    return cli_for_each_document_fields(inputs, ninputs, format, NULL, st, fn, user);
}

int cli_for_each_document_fields(char **inputs, int ninputs, dyad_format format,
                                 const char *const *fields, cli_stats *st, cli_doc_fn fn, void *user)
{
    if (st->progress) st->started = st->shown = seconds();
    int rc = for_each(inputs, ninputs, format, fields, st, fn, user);
    /* The final figures stay on the terminal, on a line of their own. */
    if (st->progress) show_progress(st, true);
    return rc;
}
