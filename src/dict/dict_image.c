/* dict_image.c -- compiled dictionary images (dict_image.h): writing one,
 * reading and mapping one.  The validation of the model is in
 * dict_image_check.c, the cache in dict_image_cache.c.
 *
 * Layout (all integers in the writer's byte order, which the header
 * records; sections 8-byte aligned):
 *
 *   0  "DYADDICT"          8  u32 format        12 u32 0x01020304
 *  16  u64 total length   24  u64 checksum of bytes [32, total)
 *  32  u64 layout signature (sizes and field offsets of the mapped structs)
 *  40  char[16] dyad version that wrote it
 *  56  u32 number of sections (SEC_COUNT)    60 u32 zero
 *  64  section table: {u32 id, u32 element size, u64 offset, u64 count}
 *
 * then the sections: how the dictionary was loaded (meta, requested paths,
 * sources with size, mtime and content hash), its files and counts, the
 * options, the string table (bytes, offsets, lengths and the intern hash
 * slots) and one section per array of the model, stored exactly as the
 * structs lie in memory so that loading points at them instead of parsing.
 */
#include "dict_image_private.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define IMG_MAGIC "DYADDICT"
#define IMG_BYTE_ORDER 0x01020304u
#define IMG_HEADER 64u
#define IMG_CHECKED_FROM 32u /* the checksum covers everything after itself */
#define IMG_ALIGN 8u

/* ---- the 64-bit hash ----------------------------------------------------------
 * Four independent multiply-rotate lanes over 32-byte stripes (the scheme
 * of xxHash64, written here from its published description): fast enough
 * that checksumming a 10 MB image costs about a millisecond, and a flipped
 * bit anywhere changes the result. */

#define H_P1 0x9E3779B185EBCA87ull
#define H_P2 0xC2B2AE3D27D4EB4Full
#define H_P3 0x165667B19E3779F9ull
#define H_P4 0x85EBCA77C2B2AE63ull
#define H_P5 0x27D4EB2F165667C5ull

static inline uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static inline uint64_t read64(const unsigned char *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline uint32_t read32(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint64_t lane(uint64_t acc, uint64_t in) { return rotl64(acc + in * H_P2, 31) * H_P1; }
static inline uint64_t merge(uint64_t h, uint64_t v) { return (h ^ lane(0, v)) * H_P1 + H_P4; }

uint64_t img_hash64(const void *data, size_t len, uint64_t seed)
{
    const unsigned char *p = data, *end = p + len;
    uint64_t h;
    if (len >= 32) {
        uint64_t v1 = seed + H_P1 + H_P2, v2 = seed + H_P2, v3 = seed, v4 = seed - H_P1;
        for (; end - p >= 32; p += 32) {
            v1 = lane(v1, read64(p));
            v2 = lane(v2, read64(p + 8));
            v3 = lane(v3, read64(p + 16));
            v4 = lane(v4, read64(p + 24));
        }
        h = rotl64(v1, 1) + rotl64(v2, 7) + rotl64(v3, 12) + rotl64(v4, 18);
        h = merge(merge(merge(merge(h, v1), v2), v3), v4);
    } else {
        h = seed + H_P5;
    }
    h += (uint64_t)len;
    for (; end - p >= 8; p += 8) h = rotl64(h ^ lane(0, read64(p)), 27) * H_P1 + H_P4;
    if (end - p >= 4) { h = rotl64(h ^ (uint64_t)read32(p) * H_P1, 23) * H_P2 + H_P3; p += 4; }
    for (; p < end; p++) h = rotl64(h ^ *p * H_P5, 11) * H_P1;
    h ^= h >> 33; h *= H_P2; h ^= h >> 29; h *= H_P3; h ^= h >> 32;
    return h;
}

typedef struct vec_ref { dict_vec *vec; size_t elem; } vec_ref;

static void model_vecs(dyad_dict *d, vec_ref out[NVECS])
{
    size_t i = 0;
    out[i++] = (vec_ref){&d->tokens, sizeof(dict_token)};
    for (int k = 0; k < DICT_PH_KINDS; k++) out[i++] = (vec_ref){&d->phrases[k], sizeof(dict_phrase)};
    out[i++] = (vec_ref){&d->actors, sizeof(dict_actor)};
    out[i++] = (vec_ref){&d->actor_codes, sizeof(dict_actor_code)};
    out[i++] = (vec_ref){&d->agents, sizeof(dict_agent)};
    out[i++] = (vec_ref){&d->substs, sizeof(dict_subst)};
    out[i++] = (vec_ref){&d->subst_values, sizeof(uint32_t)};
    out[i++] = (vec_ref){&d->blocks, sizeof(dict_verb_block)};
    out[i++] = (vec_ref){&d->verbs, sizeof(dict_verb)};
    out[i++] = (vec_ref){&d->synsets, sizeof(dict_synset)};
    out[i++] = (vec_ref){&d->transforms, sizeof(dict_transform)};
    out[i++] = (vec_ref){&d->issue_categories, sizeof(dict_issue_category)};
    out[i++] = (vec_ref){&d->labels, sizeof(dict_label)};
    out[i++] = (vec_ref){&d->project, sizeof(dict_project_entry)};
}


static size_t section_elem(unsigned id)
{
    static const size_t fixed[SEC_VECS] = {
        sizeof(img_meta), 1, sizeof(img_name), sizeof(img_source), sizeof(img_file),
        sizeof(dict_options), 1, 4, 4, 4};
    if (id < SEC_VECS) return fixed[id];
    dyad_dict scratch;
    memset(&scratch, 0, sizeof scratch);
    vec_ref v[NVECS];
    model_vecs(&scratch, v);
    return v[id - SEC_VECS].elem;
}

/* Sizes and offsets of everything mapped: an image from a build whose
 * structs lie differently is foreign, not corrupt. */
static uint64_t layout_signature(void)
{
    const uint64_t facts[] = {
        sizeof(dict_token), offsetof(dict_token, kind), offsetof(dict_token, flags),
        sizeof(dict_phrase), DICT_PH_KINDS, sizeof(dict_actor), sizeof(dict_actor_code),
        offsetof(dict_actor_code, dated), offsetof(dict_actor_code, file), sizeof(dict_agent),
        offsetof(dict_agent, plural), offsetof(dict_agent, file), sizeof(dict_subst),
        sizeof(dict_verb_block), offsetof(dict_verb_block, section), offsetof(dict_verb_block, file),
        sizeof(dict_verb), offsetof(dict_verb, forms_given), offsetof(dict_verb, file),
        sizeof(dict_synset), offsetof(dict_synset, no_plural), offsetof(dict_synset, file),
        sizeof(dict_transform), sizeof(dict_issue_category), sizeof(dict_label),
        sizeof(dict_project_entry), offsetof(dict_project_entry, role),
        offsetof(dict_project_entry, value), sizeof(dict_options), sizeof(dict_counts),
        sizeof(img_meta), sizeof(img_source), sizeof(img_file), sizeof(bool), SEC_COUNT};
    return img_hash64(facts, sizeof facts, 0x64796164ull);
}

int img_fail(char *err, size_t cap, const char *fmt, ...)
{
    if (err && cap) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, cap, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* ---- looking at source files ------------------------------------------------------ */

int img_look_at(const char *path, bool want_hash, img_facts *f)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st;
    int rc = -1;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        f->size = (int64_t)st.st_size;
        f->mtime_sec = (int64_t)st.st_mtim.tv_sec;
        f->mtime_nsec = (int64_t)st.st_mtim.tv_nsec;
        f->hash = 0;
        rc = 0;
        if (want_hash && st.st_size > 0) {
            int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
            flags |= MAP_POPULATE;
#endif
            void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, flags, fd, 0);
            if (m == MAP_FAILED) rc = -1;
            else {
                f->hash = img_hash64(m, (size_t)st.st_size, 0);
                munmap(m, (size_t)st.st_size);
            }
        } else if (want_hash) {
            f->hash = img_hash64("", 0, 0);
        }
    }
    close(fd);
    return rc;
}

char *img_resolve(const char *path)
{
    char *r = realpath(path, NULL);
    if (!r) r = strdup(path);
    return r;
}

/* ---- writing -------------------------------------------------------------------------- */

typedef struct img_builder {
    unsigned char *buf;
    size_t len;
    img_section table[SEC_COUNT];
} img_builder;

static size_t align_up(size_t n) { return (n + IMG_ALIGN - 1) & ~(size_t)(IMG_ALIGN - 1); }

/* Names go into one byte section, each NUL-terminated. */
static int name_add(sbuf *names, const char *s, img_name *out)
{
    size_t n = strlen(s);
    out->off = names->len;
    out->len = n;
    return sbuf_append(names, s, n) || sbuf_putc(names, 0) ? -1 : 0;
}

static int build(const dyad_dict *cd, const dict_image_request *req, bool embedded, void **out, size_t *len,
                 char *err, size_t errcap);

int dict_image_build(const dyad_dict *d, const dict_image_request *req, void **out, size_t *len,
                     char *err, size_t errcap)
{
    return build(d, req, false, out, len, err, errcap);
}

int dict_image_build_embedded(const dyad_dict *d, void **out, size_t *len, char *err, size_t errcap)
{
    return build(d, NULL, true, out, len, err, errcap);
}

static int build(const dyad_dict *cd, const dict_image_request *req, bool embedded, void **out, size_t *len,
                 char *err, size_t errcap)
{
    dyad_dict *d = (dyad_dict *)cd; /* model_vecs lists non-const refs; nothing is written */
    *out = NULL;
    *len = 0;
    static const dict_image_request no_request = {0};
    if (!req) req = &no_request;
    size_t nfiles = d->files.n, nreq = req->npaths;
    sbuf names = {0};
    img_meta meta = {0};
    img_name *requested = calloc(nreq ? nreq : 1, sizeof *requested);
    img_source *sources = calloc(nfiles ? nfiles : 1, sizeof *sources);
    img_file *files = calloc(nfiles ? nfiles : 1, sizeof *files);
    uint32_t *offsets = malloc((d->nstrs ? d->nstrs : 1) * sizeof *offsets);
    int rc = -1;
    if (!requested || !sources || !files || !offsets) { img_fail(err, errcap, "out of memory"); goto done; }
    if (req->opt) {
        meta.syntax = (uint32_t)req->opt->syntax;
        meta.kind = (uint32_t)req->opt->kind;
        meta.strict = req->opt->strict;
    }
    meta.compiled_at = embedded ? 0 : (int64_t)time(NULL);
    for (size_t i = 0; i < nreq; i++) {
        char *r = embedded ? strdup(req->paths[i]) : img_resolve(req->paths[i]);
        int bad = !r || name_add(&names, r, &requested[i]);
        free(r);
        if (bad) { img_fail(err, errcap, "out of memory"); goto done; }
    }
    for (size_t i = 0; i < nfiles; i++) {
        const dict_file *f = &DICT_VEC_AT(d->files, dict_file, i);
        char *r = embedded ? strdup(f->path) : img_resolve(f->path);
        img_facts facts;
        if (embedded || img_look_at(f->path, true, &facts)) {
            facts.size = -1;
            facts.mtime_sec = facts.mtime_nsec = 0;
            facts.hash = 0;
        }
        sources[i].size = facts.size;
        sources[i].mtime_sec = facts.mtime_sec;
        sources[i].mtime_nsec = facts.mtime_nsec;
        sources[i].hash = facts.hash;
        int bad = !r || name_add(&names, r, &sources[i].path) || name_add(&names, f->path, &files[i].path);
        free(r);
        if (bad) { img_fail(err, errcap, "out of memory"); goto done; }
        files[i].syntax = (uint32_t)f->syntax;
        files[i].kind = (uint32_t)f->kind;
        const size_t *c = (const size_t *)&f->counts;
        for (size_t k = 0; k < NCOUNTS; k++) files[i].counts[k] = c[k];
    }
    size_t str_bytes = 0;
    for (size_t i = 0; i < d->nstrs; i++) {
        if (str_bytes > UINT32_MAX - d->lens[i] - 1) { img_fail(err, errcap, "string table larger than 4 GB"); goto done; }
        offsets[i] = (uint32_t)str_bytes;
        str_bytes += d->lens[i] + 1;
    }

    /* Sizes, then offsets. */
    img_builder b;
    memset(&b, 0, sizeof b);
    vec_ref vecs[NVECS];
    model_vecs(d, vecs);
    const void *src[SEC_COUNT] = {&meta, names.data, requested, sources, files, &d->options,
                                  NULL, offsets, d->lens, d->slots};
    size_t count[SEC_COUNT] = {1, names.len, nreq, nfiles, nfiles, 1, str_bytes, d->nstrs,
                               d->nstrs, d->nslots};
    for (size_t i = 0; i < NVECS; i++) {
        src[SEC_VECS + i] = vecs[i].vec->v;
        count[SEC_VECS + i] = vecs[i].vec->n;
    }
    size_t at = IMG_HEADER + SEC_COUNT * sizeof(img_section);
    for (unsigned i = 0; i < SEC_COUNT; i++) {
        at = align_up(at);
        b.table[i] = (img_section){i, (uint32_t)section_elem(i), at, count[i]};
        at += count[i] * section_elem(i);
    }
    b.len = align_up(at);
    b.buf = calloc(1, b.len);
    if (!b.buf) { img_fail(err, errcap, "out of memory (%zu bytes)", b.len); goto done; }
    for (unsigned i = 0; i < SEC_COUNT; i++) {
        unsigned char *to = b.buf + b.table[i].offset;
        if (i == SEC_STR_BYTES) {
            for (size_t s = 0; s < d->nstrs; s++) memcpy(to + offsets[s], d->strs[s], d->lens[s]);
        } else if (count[i]) {
            memcpy(to, src[i], count[i] * section_elem(i));
        }
    }
    memcpy(b.buf, IMG_MAGIC, 8);
    uint32_t format = DICT_IMAGE_FORMAT, order = IMG_BYTE_ORDER, nsec = SEC_COUNT;
    uint64_t total = b.len, layout = layout_signature();
    memcpy(b.buf + 8, &format, 4);
    memcpy(b.buf + 12, &order, 4);
    memcpy(b.buf + 16, &total, 8);
    memcpy(b.buf + 32, &layout, 8);
    strncpy((char *)b.buf + 40, DYAD_VERSION, 15);
    memcpy(b.buf + 56, &nsec, 4);
    memcpy(b.buf + IMG_HEADER, b.table, sizeof b.table);
    dict_image_seal(b.buf, b.len);
    *out = b.buf;
    *len = b.len;
    rc = 0;
done:
    sbuf_free(&names);
    free(requested);
    free(sources);
    free(files);
    free(offsets);
    return rc;
}

void dict_image_seal(void *image, size_t len)
{
    if (len < IMG_HEADER) return;
    uint64_t sum = img_hash64((unsigned char *)image + IMG_CHECKED_FROM, len - IMG_CHECKED_FROM, 0);
    memcpy((unsigned char *)image + 24, &sum, 8);
}

static int write_all(int fd, const unsigned char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0) { if (errno == EINTR) continue; return -1; }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int dict_image_write(const dyad_dict *d, const dict_image_request *req, const char *path,
                     char *err, size_t errcap)
{
    void *buf;
    size_t len;
    if (dict_image_build(d, req, &buf, &len, err, errcap)) return -1;
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp) { free(buf); return img_fail(err, errcap, "out of memory"); }
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp.XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(buf);
        free(tmp);
        return img_fail(err, errcap, "cannot create a file beside %s: %s", path, strerror(e));
    }
    /* An image must not look older than a source whose clock ran ahead
     * (files unpacked with future times), or it would never be fresh. */
    int64_t newest = 0, newest_ns = 0;
    for (size_t i = 0; i < d->files.n; i++) {
        img_facts f;
        if (img_look_at(DICT_VEC_AT(d->files, dict_file, i).path, false, &f)) continue;
        if (f.mtime_sec > newest || (f.mtime_sec == newest && f.mtime_nsec > newest_ns)) {
            newest = f.mtime_sec;
            newest_ns = f.mtime_nsec;
        }
    }
    int rc = 0;
    if (write_all(fd, buf, len) || fchmod(fd, 0644)) rc = img_fail(err, errcap, "cannot write %s: %s", tmp, strerror(errno));
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (!rc && (newest > now.tv_sec || (newest == now.tv_sec && newest_ns > now.tv_nsec))) {
        struct timespec times[2] = {now, {(time_t)newest, (long)newest_ns}};
        futimens(fd, times);
    }
    if (close(fd) && !rc) rc = img_fail(err, errcap, "cannot write %s: %s", tmp, strerror(errno));
    if (!rc && rename(tmp, path)) rc = img_fail(err, errcap, "cannot rename %s to %s: %s", tmp, path, strerror(errno));
    if (rc) unlink(tmp);
    free(tmp);
    free(buf);
    return rc;
}

/* ---- reading: the header and the section table ------------------------------------------ */

static bool name_ok(const img_view *v, const img_name *n)
{
    return n->off < v->nnames && n->len < v->nnames - n->off && v->names[n->off + n->len] == 0;
}

const char *img_name_at(const img_view *v, const img_name *n) { return v->names + n->off; }

/* Everything but the model itself: cheap, and enough for the cache to
 * decide whether the image is fresh before the content is validated. */
int img_parse(const unsigned char *base, size_t len, img_view *v, char *err, size_t cap)
{
    memset(v, 0, sizeof *v);
    if (len < IMG_HEADER) return img_fail(err, cap, "too short to be a dictionary image (%zu bytes)", len);
    if (memcmp(base, IMG_MAGIC, 8) != 0) return img_fail(err, cap, "not a dyad dictionary image");
    uint32_t format = read32(base + 8), order = read32(base + 12);
    if (order == 0x04030201u)
        return img_fail(err, cap, "written on a machine of the other byte order; compile it again here");
    if (order != IMG_BYTE_ORDER) return img_fail(err, cap, "corrupt header (byte-order mark)");
    if (format != DICT_IMAGE_FORMAT)
        return img_fail(err, cap, "image format %u, but this dyad reads format %u; compile it again",
                    format, DICT_IMAGE_FORMAT);
    uint64_t total = read64(base + 16);
    if (total != len)
        return img_fail(err, cap, "%s: the header says %llu bytes, the file has %zu",
                    total > len ? "truncated" : "trailing bytes", (unsigned long long)total, len);
    if (img_hash64(base + IMG_CHECKED_FROM, len - IMG_CHECKED_FROM, 0) != read64(base + 24))
        return img_fail(err, cap, "checksum mismatch: the image is corrupt");
    if (read64(base + 32) != layout_signature())
        return img_fail(err, cap, "written by a dyad build whose data layout differs; compile it again");
    char writer[17];
    memcpy(writer, base + 40, 16);
    writer[16] = 0;
    if (strcmp(writer, DYAD_VERSION) != 0)
        return img_fail(err, cap, "written by dyad %.16s, this is dyad %s; compile it again", writer, DYAD_VERSION);
    if (read32(base + 56) != SEC_COUNT) return img_fail(err, cap, "corrupt header (section count)");
    size_t table_end = IMG_HEADER + SEC_COUNT * sizeof(img_section);
    if (table_end > len) return img_fail(err, cap, "truncated section table");
    const void *at[SEC_COUNT];
    size_t n[SEC_COUNT];
    for (unsigned i = 0; i < SEC_COUNT; i++) {
        img_section s;
        memcpy(&s, base + IMG_HEADER + i * sizeof s, sizeof s);
        size_t elem = section_elem(i);
        if (s.id != i || s.elem != elem || s.offset % IMG_ALIGN || s.offset < table_end ||
            s.offset > len || s.count > (len - s.offset) / elem)
            return img_fail(err, cap, "corrupt section table (section %u)", i);
        at[i] = base + s.offset;
        n[i] = (size_t)s.count;
    }
    if (n[SEC_META] != 1 || n[SEC_OPTIONS] != 1 || n[SEC_STR_OFFSETS] != n[SEC_STR_LENS] ||
        n[SEC_SOURCES] != n[SEC_FILES])
        return img_fail(err, cap, "corrupt section sizes");
    v->base = base;
    v->len = len;
    v->meta = at[SEC_META];
    v->names = at[SEC_NAMES];
    v->nnames = n[SEC_NAMES];
    v->requested = at[SEC_REQUESTED];
    v->nrequested = n[SEC_REQUESTED];
    v->sources = at[SEC_SOURCES];
    v->files = at[SEC_FILES];
    v->nfiles = n[SEC_FILES];
    v->options = at[SEC_OPTIONS];
    v->str_bytes = at[SEC_STR_BYTES];
    v->nstr_bytes = n[SEC_STR_BYTES];
    v->str_offsets = at[SEC_STR_OFFSETS];
    v->str_lens = at[SEC_STR_LENS];
    v->nstrs = n[SEC_STR_OFFSETS];
    v->slots = at[SEC_STR_SLOTS];
    v->nslots = n[SEC_STR_SLOTS];
    for (size_t i = 0; i < NVECS; i++) {
        v->vec[i] = at[SEC_VECS + i];
        v->vec_n[i] = n[SEC_VECS + i];
    }
    if (v->nstrs >= DICT_NONE || v->nfiles >= DICT_NONE) return img_fail(err, cap, "corrupt counts");
    if (v->meta->syntax > DICT_SYNTAX_PETRARCH || v->meta->kind > DICT_KIND_PROJECT || v->meta->strict > 1)
        return img_fail(err, cap, "corrupt load options");
    for (size_t i = 0; i < v->nrequested; i++)
        if (!name_ok(v, &v->requested[i])) return img_fail(err, cap, "corrupt requested path %zu", i);
    for (size_t i = 0; i < v->nfiles; i++) {
        if (!name_ok(v, &v->sources[i].path) || !name_ok(v, &v->files[i].path))
            return img_fail(err, cap, "corrupt path of file %zu", i);
        if (v->files[i].syntax > DICT_SYNTAX_PETRARCH || v->files[i].kind > DICT_KIND_PROJECT)
            return img_fail(err, cap, "corrupt kind of file %zu", i);
    }
    return 0;
}

/* ---- reading: into a dictionary ----------------------------------------------------------- */

bool img_dict_empty(const dyad_dict *d)
{
    if (d->image || d->files.n || d->nstrs || d->tokens.n) return false;
    for (int k = 0; k < DICT_PH_KINDS; k++)
        if (d->phrases[k].n) return false;
    return true;
}

static void free_files(dict_file *files, size_t n)
{
    for (size_t i = 0; i < n; i++) free(files[i].path);
    free(files);
}

/* Validates the model in v and, when all is well, points d into it.  On
 * failure d is untouched and the map is not taken over. */
int img_attach(dyad_dict *d, struct dict_image_map *map, const img_view *v, char *err, size_t cap)
{
    if (!img_dict_empty(d)) return img_fail(err, cap, "an image loads only into an empty dictionary");
    if (img_check_model(v, err, cap)) return -1;

    const char **strs = malloc((v->nstrs ? v->nstrs : 1) * sizeof *strs);
    dict_file *files = calloc(v->nfiles ? v->nfiles : 1, sizeof *files);
    dict_map synsets = {0}, substs = {0};
    if (!strs || !files) goto oom;
    for (size_t i = 0; i < v->nstrs; i++) strs[i] = v->str_bytes + v->str_offsets[i];
    for (size_t i = 0; i < v->nfiles; i++) {
        files[i].path = strdup(img_name_at(v, &v->files[i].path));
        if (!files[i].path) goto oom;
        files[i].syntax = (dict_syntax)v->files[i].syntax;
        files[i].kind = (dict_kind)v->files[i].kind;
        size_t *counts = (size_t *)&files[i].counts;
        for (size_t k = 0; k < NCOUNTS; k++) counts[k] = (size_t)v->files[i].counts[k];
    }
    /* The readers keep the first definition of a name. */
    const dict_synset *syn = v->vec[V_SYNSETS];
    for (size_t i = 0; i < v->vec_n[V_SYNSETS]; i++)
        if (dict_map_get(&synsets, syn[i].name) == DICT_NONE && dict_map_put(&synsets, syn[i].name, (uint32_t)i)) goto oom;
    const dict_subst *sub = v->vec[V_SUBSTS];
    for (size_t i = 0; i < v->vec_n[V_SUBSTS]; i++)
        if (sub[i].name != DICT_NONE && dict_map_get(&substs, sub[i].name) == DICT_NONE &&
            dict_map_put(&substs, sub[i].name, (uint32_t)i))
            goto oom;

    /* Synset members may name earlier synsets only (both readers insist),
     * so expanding them, as the index does, cannot go round in a circle. */
    const dict_phrase *members = v->vec[V_PHRASES + DICT_PH_SYNSET];
    const dict_token *tok = v->vec[V_TOKENS];
    for (size_t i = 0; i < v->vec_n[V_PHRASES + DICT_PH_SYNSET]; i++)
        for (uint32_t k = 0; k < members[i].n; k++) {
            const dict_token *t = &tok[members[i].first + k];
            if (t->kind == DICT_TOK_SYNSET && dict_map_get(&synsets, t->value) >= members[i].owner) {
                img_fail(err, cap, "synset member %zu names a synset not defined before it", i);
                goto invalid;
            }
        }

    /* The intern table was built by dict.c's hash: make sure this build
     * hashes the same way, or lookups would silently miss. */
    dyad_dict probe;
    memset(&probe, 0, sizeof probe);
    probe.strs = strs;
    probe.lens = (uint32_t *)v->str_lens;
    probe.nstrs = v->nstrs;
    probe.slots = (uint32_t *)v->slots;
    probe.nslots = v->nslots;
    size_t step = v->nstrs / 61 + 1;
    for (size_t i = 0; i < v->nstrs; i += step)
        if (dict_string_find(&probe, strs[i], v->str_lens[i]) != i) {
            img_fail(err, cap, "string hash table does not match this build; compile it again");
            goto invalid;
        }

    /* Commit: nothing fails from here on. */
    d->strs = strs;
    d->lens = (uint32_t *)v->str_lens;
    d->nstrs = d->cap_strs = v->nstrs;
    d->slots = (uint32_t *)v->slots;
    d->nslots = v->nslots;
    vec_ref vecs[NVECS];
    model_vecs(d, vecs);
    for (size_t i = 0; i < NVECS; i++) {
        vecs[i].vec->v = v->vec_n[i] ? (void *)v->vec[i] : NULL;
        vecs[i].vec->n = vecs[i].vec->cap = v->vec_n[i];
    }
    d->files.v = files;
    d->files.n = d->files.cap = v->nfiles;
    d->synset_by_name = synsets;
    d->subst_by_name = substs;
    memcpy(&d->options, v->options, sizeof d->options);
    d->image = map;
    d->image_arrays = true;
    return 0;
oom:
    img_fail(err, cap, "out of memory");
invalid:
    free(strs);
    if (files) free_files(files, v->nfiles);
    dict_map_free(&synsets);
    dict_map_free(&substs);
    return -1;
}

void img_unmap(struct dict_image_map *m)
{
    if (!m) return;
    if (m->mapped) munmap(m->base, m->len);
    else if (!m->borrowed) free(m->base);
    free(m);
}

struct dict_image_map *img_map_file(const char *path, bool *missing, char *err, size_t cap)
{
    *missing = false;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *missing = errno == ENOENT;
        img_fail(err, cap, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    struct dict_image_map *m = NULL;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
        img_fail(err, cap, "not a regular file");
    } else if (st.st_size < (off_t)IMG_HEADER) {
        img_fail(err, cap, "too short to be a dictionary image (%lld bytes)", (long long)st.st_size);
    } else if ((uint64_t)st.st_size > SIZE_MAX) {
        img_fail(err, cap, "too large");
    } else if (!(m = calloc(1, sizeof *m))) {
        img_fail(err, cap, "out of memory");
    } else {
        int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
        flags |= MAP_POPULATE; /* one fault-in instead of one per page */
#endif
        m->len = (size_t)st.st_size;
        m->base = mmap(NULL, m->len, PROT_READ, flags, fd, 0);
        m->mapped = true;
        if (m->base == MAP_FAILED) {
            img_fail(err, cap, "cannot map: %s", strerror(errno));
            free(m);
            m = NULL;
        }
    }
    close(fd);
    return m;
}

int dict_image_load(dyad_dict *d, const char *path, char *err, size_t errcap)
{
    bool missing;
    struct dict_image_map *m = img_map_file(path, &missing, err, errcap);
    if (!m) return -1;
    img_view v;
    if (img_parse(m->base, m->len, &v, err, errcap) || img_attach(d, m, &v, err, errcap)) { img_unmap(m); return -1; }
    return 0;
}

int dict_image_load_memory(dyad_dict *d, const void *data, size_t len, char *err, size_t errcap)
{
    /* A copy: the caller's bytes may be unaligned or short-lived. */
    struct dict_image_map *m = calloc(1, sizeof *m);
    if (!m || !(m->base = malloc(len ? len : 1))) { free(m); return img_fail(err, errcap, "out of memory"); }
    if (len) memcpy(m->base, data, len);
    m->len = len;
    img_view v;
    if (img_parse(m->base, len, &v, err, errcap) || img_attach(d, m, &v, err, errcap)) { img_unmap(m); return -1; }
    return 0;
}

int dict_image_load_static(dyad_dict *d, const void *data, size_t len, char *err, size_t errcap)
{
    /* The arrays are used in place: a misaligned image would make every
     * access to them undefined. */
    if ((uintptr_t)data % IMG_ALIGN) return img_fail(err, errcap, "image not aligned to %u bytes", IMG_ALIGN);
    struct dict_image_map *m = calloc(1, sizeof *m);
    if (!m) return img_fail(err, errcap, "out of memory");
    m->base = (void *)(uintptr_t)data; /* never written: borrowed, and the arrays are detached before growing */
    m->len = len;
    m->borrowed = true;
    img_view v;
    if (img_parse(data, len, &v, err, errcap) || img_attach(d, m, &v, err, errcap)) { img_unmap(m); return -1; }
    return 0;
}

bool dict_image_sniff(const char *path)
{
    char magic[8];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    bool is = read(fd, magic, 8) == 8 && memcmp(magic, IMG_MAGIC, 8) == 0;
    close(fd);
    return is;
}

size_t dict_image_bytes(const dyad_dict *d) { return d->image ? d->image->len : 0; }

int dict_image_detach(dyad_dict *d)
{
    if (!d->image_arrays) return 0;
    vec_ref vecs[NVECS];
    model_vecs(d, vecs);
    void *copies[NVECS + 2] = {0};
    const void *from[NVECS + 2];
    size_t bytes[NVECS + 2];
    for (size_t i = 0; i < NVECS; i++) {
        from[i] = vecs[i].vec->v;
        bytes[i] = vecs[i].vec->n * vecs[i].elem;
    }
    from[NVECS] = d->lens;
    bytes[NVECS] = d->nstrs * sizeof *d->lens;
    from[NVECS + 1] = d->slots;
    bytes[NVECS + 1] = d->nslots * sizeof *d->slots;
    for (size_t i = 0; i < NVECS + 2; i++) {
        if (!bytes[i]) continue;
        if (!(copies[i] = malloc(bytes[i]))) {
            for (size_t k = 0; k < i; k++) free(copies[k]);
            return -1;
        }
        memcpy(copies[i], from[i], bytes[i]);
    }
    for (size_t i = 0; i < NVECS; i++) vecs[i].vec->v = copies[i];
    d->lens = copies[NVECS];
    d->slots = copies[NVECS + 1];
    d->image_arrays = false;
    return 0;
}

void dict_image_release(dyad_dict *d)
{
    if (!d->image) return;
    if (d->image_arrays) {
        vec_ref vecs[NVECS];
        model_vecs(d, vecs);
        for (size_t i = 0; i < NVECS; i++) *vecs[i].vec = (dict_vec){0};
        d->lens = NULL;
        d->slots = NULL;
        d->image_arrays = false;
    }
    img_unmap(d->image);
    d->image = NULL;
}

