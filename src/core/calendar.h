/* calendar.h -- the proleptic Gregorian calendar, in one place: every
 * stage that validates, parses, formats or counts days calls these.
 * Dates travel as YYYYMMDD integers (they sort as dates do). */
#ifndef DYAD_CALENDAR_H
#define DYAD_CALENDAR_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool cal_leap_year(int32_t year);
/* 28..31; month 1..12. */
int cal_days_in_month(int32_t year, int32_t month);
/* Year 1..9999, and the day exists in its month. */
bool cal_valid(int32_t year, int32_t month, int32_t day);
bool cal_valid_ymd(int32_t yyyymmdd);
/* Days since 1970-01-01, and back. */
int32_t cal_days_from_ymd(int32_t yyyymmdd);
int32_t cal_ymd_from_days(int32_t days);
/* 0 Monday .. 6 Sunday. */
int cal_weekday(int32_t yyyymmdd);
int32_t cal_add_days(int32_t yyyymmdd, int32_t n);
/* Month arithmetic keeps the day where the month has it, else its last. */
int32_t cal_add_months(int32_t yyyymmdd, int32_t n);
/* "YYYY-MM-DD" (exactly ten bytes of s, len >= 10) to YYYYMMDD; 0 when
 * the text is not such a date or the day does not exist. */
int32_t cal_parse_iso(const char *s, size_t len);
/* YYYYMMDD to "YYYY-MM-DD"; "" for 0 or a day that does not exist. */
void cal_format(int32_t yyyymmdd, char buf[11]);
#endif
