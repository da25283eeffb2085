/* test_core.c -- arena, UTF-8 and JSON output: the foundations every
 * stage trusts. */
#include "harness.h"
#include "internal.h"
#include <stdlib.h>

static void arena_reuses_memory_after_reset(tctx *t)
{
    arena a;
    arena_init(&a);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 1000; i++) {
            char *p = arena_alloc(&a, 1000);
            CHECK(p != NULL);
            CHECK(((uintptr_t)p & 15) == 0);
            memset(p, i & 0xff, 1000);
        }
        arena_reset(&a);
    }
    /* a single huge allocation gets its own block */
    CHECK(arena_alloc(&a, 10u << 20) != NULL);
    CHECK(arena_calloc(&a, SIZE_MAX / 2, 4) == NULL);
    arena_free(&a);
}

static void utf8_decodes_and_rejects(tctx *t)
{
    size_t adv;
    CHECK_INT(utf8_decode((const unsigned char *)"\xE2\x80\x9C", 3, &adv), 0x201C);
    CHECK_INT(adv, 3);
    /* overlong, surrogate, truncated and stray continuation bytes all
     * decode to U+FFFD and advance exactly one byte */
    const char *bad[] = {"\xC0\xAF", "\xED\xA0\x80", "\xE2\x80", "\x80", "\xF5\x80\x80\x80"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        CHECK_INT(utf8_decode((const unsigned char *)bad[i], strlen(bad[i]), &adv), UTF8_REPLACEMENT);
        CHECK_INT(adv, 1);
    }
    CHECK(utf8_valid("caf\xC3\xA9", 5));
    CHECK(!utf8_valid("caf\xC3", 4));
    char buf[4];
    CHECK_INT(utf8_encode(0x1F600, buf), 4);
}

static void json_strings_are_always_valid(tctx *t)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    json_write_string(f, "a\"b\\\n\x01\xFF\xC3\xA9", 9);
    fclose(f);
    CHECK_STR(out, "\"a\\\"b\\\\\\n\\u0001\xEF\xBF\xBD\xC3\xA9\"");
    free(out);
}

void suite_core(tctx *t)
{
    RUN(t, arena_reuses_memory_after_reset);
    RUN(t, utf8_decodes_and_rejects);
    RUN(t, json_strings_are_always_valid);
}
