/* main.c -- runs every unit-test suite (tests/unit/test_*.c) and prints
 * the closing line "N passed, N failed".  An argument limits the run to
 * tests whose name contains it. */
#include "harness.h"
#include <stdarg.h>
#include <stdlib.h>

#define SUITE(name) void suite_##name(tctx *t);
#include "suites.h"
#undef SUITE

void tctx_run(tctx *t, const char *name, test_fn fn)
{
    if (t->filter && !strstr(name, t->filter)) return;
    t->current_failed = 0;
    fn(t);
    if (t->current_failed) {
        t->failed++;
        printf("FAIL %s\n", name);
    } else {
        t->passed++;
    }
}

void tctx_fail(tctx *t, const char *file, int line, const char *fmt, ...)
{
    t->current_failed = 1;
    va_list ap;
    va_start(ap, fmt);
    printf("  %s:%d: ", file, line);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
}

const char *shared_dir(void)
{
    const char *d = getenv("DYAD_SHARED");
    return d ? d : "../shared";
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) return NULL;
    buf[n] = 0;
    if (len) *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    tctx t = {0, 0, 0, argc > 1 ? argv[1] : NULL};
#define SUITE(name) suite_##name(&t);
#include "suites.h"
#undef SUITE
    printf("unit: %d passed, %d failed\n", t.passed, t.failed);
    return t.failed ? 1 : 0;
}
