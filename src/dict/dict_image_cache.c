/* dict_image_cache.c -- dict_load_cached(): an image instead of its text
 * sources whenever the image is still right, the text and a new image
 * otherwise.  The decision rules are listed in docs/dictionaries.md
 * ("The cache"). */
#include "dict_image_private.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int dict_image_path_for(const char *const *paths, size_t n, const char *cache_path, char *out, size_t cap)
{
    if (!n) return -1;
    struct stat st;
    size_t cl = cache_path ? strlen(cache_path) : 0;
    /* "DIR/" names a directory even before it exists; it is made then
     * (one level), so that a cache directory can be given from the start. */
    if (cache_path && cl && cache_path[cl - 1] == '/' && stat(cache_path, &st) != 0) mkdir(cache_path, 0755);
    bool into_dir = cache_path && cl && (cache_path[cl - 1] == '/' || (stat(cache_path, &st) == 0 && S_ISDIR(st.st_mode)));
    if (cache_path && cl && !into_dir) {
        int w = snprintf(out, cap, "%s", cache_path);
        return w < 0 || (size_t)w >= cap ? -1 : 0;
    }
    /* The name depends on every resolved source path, so two projects
     * sharing their first file get two images. */
    uint64_t h = 0x64696374ull;
    for (size_t i = 0; i < n; i++) {
        char *r = img_resolve(paths[i]);
        if (!r) return -1;
        h = img_hash64(r, strlen(r) + 1, h);
        free(r);
    }
    const char *first = paths[0], *slash = strrchr(first, '/');
    const char *base = slash ? slash + 1 : first;
    int w;
    if (into_dir)
        w = snprintf(out, cap, "%s%s%s.%08x%s", cache_path, cache_path[cl - 1] == '/' ? "" : "/", base,
                     (unsigned)(h & 0xffffffffu), DICT_IMAGE_SUFFIX);
    else
        w = snprintf(out, cap, "%.*s%s.%08x%s", slash ? (int)(slash - first + 1) : 0, first, base,
                     (unsigned)(h & 0xffffffffu), DICT_IMAGE_SUFFIX);
    return w < 0 || (size_t)w >= cap ? -1 : 0;
}

static void emit(const dict_load_options *opt, dyad_severity sev, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void emit(const dict_load_options *opt, dyad_severity sev, const char *file, const char *fmt, ...)
{
    if (!opt || !opt->diag) return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dyad_diag diag = {sev, file, 0, NULL, msg};
    opt->diag(&diag, opt->user);
}

static bool same_time(int64_t s1, int64_t ns1, int64_t s2, int64_t ns2) { return s1 == s2 && ns1 == ns2; }

/* The decision rules of docs/dictionaries.md, cheapest test first.
 * Returns true when the image answers the request; else why says why. */
static bool fresh(const img_view *v, const struct stat *image_st, const char *const *paths, size_t n,
                  const dict_load_options *opt, char *why, size_t cap)
{
    static const dict_load_options defaults = {0};
    if (!opt) opt = &defaults;
    if (v->meta->syntax != (uint32_t)opt->syntax || v->meta->kind != (uint32_t)opt->kind ||
        v->meta->strict != (uint32_t)opt->strict) {
        img_fail(why, cap, "it was compiled with other --format, --kind or --strict options");
        return false;
    }
    if (v->nrequested != n) {
        img_fail(why, cap, "it was compiled from %zu files, not these %zu", v->nrequested, n);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char *r = realpath(paths[i], NULL);
        bool same = r && strcmp(r, img_name_at(v, &v->requested[i])) == 0;
        free(r);
        if (!same) { img_fail(why, cap, "it was compiled from other files (%s)", paths[i]); return false; }
    }
    for (size_t pass = 0; pass < 2; pass++) {
        /* Pass 0 only stats (cheap); pass 1 hashes contents, once all
         * sizes and times agreed. */
        for (size_t i = 0; i < v->nfiles; i++) {
            const img_source *s = &v->sources[i];
            const char *path = img_name_at(v, &s->path);
            img_facts f;
            if (s->size < 0) { img_fail(why, cap, "%s was not a file on disk when compiled", path); return false; }
            if (img_look_at(path, pass == 1, &f)) { img_fail(why, cap, "%s cannot be read", path); return false; }
            if (pass == 0) {
                if (f.size != s->size) { img_fail(why, cap, "%s changed size", path); return false; }
                if (!same_time(f.mtime_sec, f.mtime_nsec, s->mtime_sec, s->mtime_nsec)) {
                    img_fail(why, cap, "%s was modified or touched after the image was compiled", path);
                    return false;
                }
                if (f.mtime_sec > (int64_t)image_st->st_mtim.tv_sec ||
                    (f.mtime_sec == (int64_t)image_st->st_mtim.tv_sec && f.mtime_nsec > (int64_t)image_st->st_mtim.tv_nsec)) {
                    img_fail(why, cap, "%s is newer than the image", path);
                    return false;
                }
            } else if (f.hash != s->hash) {
                img_fail(why, cap, "the content of %s changed", path);
                return false;
            }
        }
    }
    return true;
}

typedef struct cache_diag {
    const dict_load_options *outer;
    size_t file_errors; /* whole files that could not be read or told apart */
} cache_diag;

static void cache_diag_fn(const dyad_diag *diag, void *user)
{
    cache_diag *c = user;
    if (diag->severity == DYAD_ERROR && diag->line == 0) c->file_errors++;
    if (c->outer && c->outer->diag) c->outer->diag(diag, c->outer->user);
}

int dict_load_cached(dyad_dict *d, const char *const *paths, size_t n, const dict_load_options *opt,
                     const char *cache_path)
{
    return dict_load_cached_report(d, paths, n, opt, cache_path, NULL);
}

int dict_load_cached_report(dyad_dict *d, const char *const *paths, size_t n, const dict_load_options *opt,
                            const char *cache_path, dict_cache_report *report)
{
    dict_cache_report local;
    dict_cache_report *r = report ? report : &local;
    memset(r, 0, sizeof *r);
    r->outcome = DICT_CACHE_TEXT;
    static const dict_load_options defaults = {0};
    const dict_load_options *o = opt ? opt : &defaults;
    bool can_cache = n > 0 && dict_image_path_for(paths, n, cache_path, r->image, sizeof r->image) == 0;
    if (!can_cache) img_fail(r->why, sizeof r->why, n ? "the image path is too long" : "no files");
    else if (!img_dict_empty(d)) { img_fail(r->why, sizeof r->why, "the dictionary already holds other files"); can_cache = false; }

    if (can_cache) {
        char err[512];
        bool missing;
        struct dict_image_map *m = img_map_file(r->image, &missing, err, sizeof err);
        struct stat st;
        img_view v;
        if (!m) {
            if (missing) img_fail(r->why, sizeof r->why, "no image yet");
            else {
                img_fail(r->why, sizeof r->why, "%s", err);
                emit(o, DYAD_WARNING, r->image, "dictionary image not usable (%s); rebuilding it", err);
            }
        } else if (img_parse(m->base, m->len, &v, err, sizeof err)) {
            img_fail(r->why, sizeof r->why, "%s", err);
            emit(o, DYAD_WARNING, r->image, "dictionary image rejected: %s; rebuilding it", err);
            img_unmap(m);
        } else if (stat(r->image, &st) ? img_fail(r->why, sizeof r->why, "cannot stat it") :
                   !fresh(&v, &st, paths, n, o, r->why, sizeof r->why)) {
            emit(o, DYAD_NOTE, r->image, "dictionary image is stale: %s; rebuilding it", r->why);
            img_unmap(m);
        } else if (img_attach(d, m, &v, err, sizeof err)) {
            img_fail(r->why, sizeof r->why, "%s", err);
            emit(o, DYAD_WARNING, r->image, "dictionary image rejected: %s; rebuilding it", err);
            img_unmap(m);
        } else {
            r->outcome = DICT_CACHE_USED;
            size_t errors = dict_total_counts(d).errors;
            if (errors)
                emit(o, DYAD_NOTE, r->image,
                     "%zu malformed dictionary line(s) were skipped when this image was compiled; "
                     "`dyad dict check` lists them", errors);
            return 0;
        }
    }

    /* From the text.  The top-level files are looked at before and after
     * reading, so that one edited meanwhile does not get an image that
     * claims its new state. */
    img_facts *before = calloc(n ? n : 1, sizeof *before);
    cache_diag cd = {opt, 0};
    dict_load_options wrapped = *o;
    wrapped.diag = cache_diag_fn;
    wrapped.user = &cd;
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (before && img_look_at(paths[i], false, &before[i])) before[i].size = -1;
        if (dict_load_file(d, paths[i], &wrapped) != 0) rc = -1;
    }
    if (can_cache && (rc || cd.file_errors)) {
        img_fail(r->why, sizeof r->why, "not every file could be read; no image written");
        can_cache = false;
    }
    for (size_t i = 0; can_cache && i < n; i++) {
        img_facts after;
        if (!before || img_look_at(paths[i], false, &after) || after.size != before[i].size ||
            !same_time(after.mtime_sec, after.mtime_nsec, before[i].mtime_sec, before[i].mtime_nsec)) {
            img_fail(r->why, sizeof r->why, "%s changed while it was read; no image written", paths[i]);
            can_cache = false;
        }
    }
    free(before);
    if (can_cache) {
        dict_image_request req = {paths, n, o};
        char err[512];
        if (dict_image_write(d, &req, r->image, err, sizeof err)) {
            img_fail(r->why, sizeof r->why, "%s", err);
            emit(o, DYAD_NOTE, r->image, "dictionary image not written: %s", err);
        } else {
            r->outcome = DICT_CACHE_REBUILT;
        }
    }
    return rc;
}
