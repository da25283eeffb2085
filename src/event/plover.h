/*
 * plover.h -- one event as a PLOVER JSON record, shared by `dyad code
 * --output plover` (render_events.c) and `dyad query --output plover`
 * (store_render.c), which hold the same facts in different shapes.
 */
#ifndef DYAD_EVENT_PLOVER_H
#define DYAD_EVENT_PLOVER_H

#include "../internal.h"
#include <stdbool.h>

/* A string that need not end in NUL (words of the text); n = 0: absent. */
typedef struct plover_str {
    const char *s;
    size_t n;
} plover_str;

typedef struct plover_record {
    uint64_t id;
    int date;                   /* YYYYMMDD; 0: none                       */
    plover_str source, target;  /* CAMEO actor codes                       */
    plover_str source_text, target_text, verb_text;
    const char *code;           /* CAMEO event code, NUL-terminated        */
    const char *type;           /* PLOVER type when the code is not in the
                                   CAMEO table (an imported row); else NULL */
    bool has_goldstein;
    double goldstein;
    uint32_t flags;             /* DYAD_EVENT_*                            */
    const char *place_name;     /* NULL: not placed                        */
    const char *place_country, *place_country2;
    double lat, lon;
    long long sentence;
    plover_str citation, url, publication;
} plover_record;

/* Writes the record and a newline; false, writing nothing, when the event
 * has no PLOVER type (CAMEO 01 and 02) or no source actor. */
bool plover_write(FILE *out, const plover_record *r);

#endif
