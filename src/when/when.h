/*
 * when.h -- date expressions in news sentences and their resolution
 * against the article's date.  Prefix: when_.
 *
 * News dates events relative to the day of publication: "on Tuesday", "the
 * 26th", "on the 15th of last month", "last week", "Jan. 26".  Finding an
 * expression (when_find) is separate from resolving it (when_resolve)
 * because the same words mean different days for different verbs: "on
 * Tuesday" is the last Tuesday for "met" and the next one for "will meet".
 *
 * Dates are YYYYMMDD integers (20220126); 0 means unknown.
 */
#ifndef DYAD_WHEN_H
#define DYAD_WHEN_H

#include "core/calendar.h"
#include "dyad.h"
#include <stdbool.h>
#include <stdint.h>

/* What a point in time was written as. */
typedef enum when_kind {
    WHEN_NONE,
    WHEN_ABSOLUTE,     /* parts given: day/month/year, any may be 0 (unknown) */
    WHEN_WEEKDAY,      /* weekday 0 (Monday) .. 6; rel: -1 last, +1 next, 0 plain */
    WHEN_DAY_OFFSET,   /* n days from the article's day (yesterday: -1)  */
    WHEN_UNIT_OFFSET,  /* n units (week, month, year) from the article's  */
    WHEN_ORDINAL_DAY,  /* "the 26th": day of a month given by month_rel   */
    WHEN_STORY_DAY     /* n days from the story's day, the day of the
                        * happening it last dated ("the next day": +1,
                        * "the day before": -1, "that night": 0)          */
} when_kind;

typedef enum when_unit { WHEN_UNIT_DAY, WHEN_UNIT_WEEK, WHEN_UNIT_MONTH, WHEN_UNIT_YEAR } when_unit;

typedef struct when_point {
    uint8_t kind;      /* when_kind                                        */
    uint8_t unit;      /* when_unit for WHEN_UNIT_OFFSET                   */
    int8_t rel;        /* WEEKDAY: -1 last, +1 next, -2 of last week, +2 of
                        * next week; ORDINAL_DAY: month offset; ABSOLUTE
                        * month: -1 last, 0 this, +1 next ("last June");
                        * ABSOLUTE day: the year's ("March 3 last year") */
    bool rel_given;    /* ORDINAL_DAY: "of last month" written; ABSOLUTE:
                        * "last", "this" or "next" before the month       */
    int16_t n;         /* DAY_OFFSET / UNIT_OFFSET / STORY_DAY amount; a
                        * STORY_DAY of unit WEEK counts weeks             */
    int16_t year;      /* ABSOLUTE: 0 when not written                     */
    int8_t month;      /* 1-12, 0 when not written                         */
    int8_t day;        /* 1-31, 0 when not written                         */
    int8_t day_end;    /* ABSOLUTE: "March 3-4" ends on the 4th; WEEKDAY: 1
                        * for a weekend, the Sunday after; else 0         */
    int8_t weekday;    /* 0 Monday .. 6 Sunday                             */
} when_point;

/* One expression: tokens [first, last) of the sentence, a point or a range. */
typedef struct when_expr {
    uint32_t first, last;
    when_point from, to;  /* to.kind == WHEN_NONE unless a range           */
} when_expr;

/* Finds the date expressions of a sentence, left to right, without
 * overlaps; returns how many were found (at most max are written).  Linear
 * in the number of tokens. */
size_t when_find(const dyad_sentence *s, when_expr *out, size_t max);

/* A resolved date. */
typedef struct when_date {
    int32_t date, date_end;  /* YYYYMMDD; date_end == date unless a range  */
    dyad_precision precision;
} when_date;

/* Resolves e against the article's date (YYYYMMDD).  future: the verb
 * speaks of what is still to come (will, plan to), so a bare weekday or a
 * day without a year lies after the article's date.  Returns the precision
 * DYAD_PRECISION_NONE when it cannot be resolved (no article date for a
 * relative expression).  A WHEN_STORY_DAY expression counts from the
 * article's date, as if the story had dated nothing yet. */
when_date when_resolve(const when_expr *e, int32_t article_date, bool future);

/* The same, with the day of the happening the story last dated (0 when
 * none) for WHEN_STORY_DAY expressions: "Police arrested him on Monday.
 * The next day ..." is Tuesday.  With no such day, a day after is not
 * moved past the article's date: news does not tell tomorrow's acts. */
when_date when_resolve_story(const when_expr *e, int32_t article_date, int32_t story_day, bool future);

#endif
