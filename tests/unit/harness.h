/* harness.h -- the unit-test harness.  A suite is a function that runs
 * tests; a test fails at its first failed CHECK, which prints file, line
 * and the expression so the failure explains itself. */
#ifndef DYAD_HARNESS_H
#define DYAD_HARNESS_H
#include "dyad.h"
#include <stdio.h>
#include <string.h>

typedef struct tctx {
    int passed, failed;
    int current_failed;
    const char *filter; /* run only tests whose name contains this */
} tctx;

typedef void (*test_fn)(tctx *t);

void tctx_run(tctx *t, const char *name, test_fn fn);
void tctx_fail(tctx *t, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Path of the shared reference material (../shared beside the project). */
const char *shared_dir(void);
/* Reads a whole file into a malloc'd NUL-terminated buffer, or NULL. */
char *read_file(const char *path, size_t *len);

#define RUN(t, fn) tctx_run((t), #fn, fn)
#define CHECK(cond) do { if (!(cond)) { \
    tctx_fail(t, __FILE__, __LINE__, "%s", #cond); return; } } while (0)
#define CHECK_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
    if (a_ != b_) { tctx_fail(t, __FILE__, __LINE__, "%s == %lld, expected %lld", \
    #a, a_, b_); return; } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) { tctx_fail(t, __FILE__, __LINE__, \
    "%s == \"%s\", expected \"%s\"", #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
    return; } } while (0)

#endif
