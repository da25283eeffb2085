/* fuzz_feed.c -- the RSS/Atom parser (dyad_feed_parse) on arbitrary bytes.
 *
 * Every feed is hostile XML.  Whatever the input, the parser must return a
 * feed or NULL with a diagnostic, and every item it keeps must hold the
 * promises dyad feeds relies on: an absolute http(s) link without white
 * space or control bytes, an id, a date that is "" or a real day, bounded
 * strings. */
#include "dyad.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void on_diag(const dyad_diag *d, void *user)
{
    size_t *n = user;
    if (!d->file || !d->message || !d->message[0]) abort();
    (*n)++;
}

static void check_str(const char *s)
{
    if (s && (strlen(s) == 0 || strlen(s) > 8192)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t diags = 0;
    dyad_feed *f = dyad_feed_parse("fuzz", (const char *)data, size, "https://feeds.example/news/rss.xml",
                                   on_diag, &diags);
    if (!f) {
        if (diags == 0) abort(); /* a refusal is always named */
        return 0;
    }
    const dyad_feed_item *it;
    size_t n = dyad_feed_items(f, &it);
    if (n > DYAD_FEED_MAX_ITEMS) abort();
    if (dyad_feed_skipped(f) > diags) abort(); /* every skipped item was named */
    check_str(dyad_feed_title(f));
    for (size_t i = 0; i < n; i++) {
        const char *l = it[i].link;
        if (!l || !it[i].id) abort();
        if (strncasecmp(l, "http://", 7) != 0 && strncasecmp(l, "https://", 8) != 0) abort();
        for (const char *p = l; *p; p++)
            if ((unsigned char)*p <= ' ') abort();
        check_str(l);
        check_str(it[i].id);
        check_str(it[i].title);
        if (it[i].date[0] && dyad_date_parse(it[i].date, NULL) != 0) abort();
    }
    dyad_feed_free(f);
    return 0;
}
