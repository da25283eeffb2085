/* cameo_codes.c -- whether a dictionary's event code is one CAMEO defines,
 * so that `dyad dict check` can flag the others.  The answer comes from
 * dyad's one table of CAMEO codes (data/cameo/cameo_events.tsv, compiled
 * into dyad_cameo_lookup), never from a list of its own. */
#include "dict.h"
#include <string.h>

bool dict_is_cameo_event_code(const char *code, size_t len)
{
    char buf[8];
    if (len < 2 || len >= sizeof buf) return false;
    memcpy(buf, code, len);
    buf[len] = 0;
    return dyad_cameo_lookup(buf) != NULL;
}
