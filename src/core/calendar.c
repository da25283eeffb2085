/* calendar.c -- the proleptic Gregorian calendar (calendar.h). */
#include "core/calendar.h"
#include "dyad.h"
#include <string.h>

bool cal_leap_year(int32_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int cal_days_in_month(int32_t y, int32_t m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && cal_leap_year(y) ? 29 : days[m - 1];
}

bool cal_valid(int32_t y, int32_t m, int32_t d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= cal_days_in_month(y, m);
}

bool cal_valid_ymd(int32_t ymd)
{
    return cal_valid(ymd / 10000, ymd / 100 % 100, ymd % 100);
}

/* Counting years from March puts the leap day at the end of the year,
 * which makes the day of the year a linear function of the month. */
int32_t cal_days_from_ymd(int32_t ymd)
{
    int32_t y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    y -= m <= 2;
    int32_t era = (y >= 0 ? y : y - 399) / 400;
    int32_t year_of_era = y - era * 400;
    int32_t day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int32_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

int32_t cal_ymd_from_days(int32_t z)
{
    z += 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t day_of_era = z - era * 146097;
    int32_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int32_t y = year_of_era + era * 400;
    int32_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int32_t mp = (5 * day_of_year + 2) / 153;
    int32_t d = day_of_year - (153 * mp + 2) / 5 + 1;
    int32_t m = mp < 10 ? mp + 3 : mp - 9;
    return (y + (m <= 2)) * 10000 + m * 100 + d;
}

int cal_weekday(int32_t ymd)
{
    /* 1970-01-01 was a Thursday (3 with Monday = 0). */
    int32_t days = cal_days_from_ymd(ymd);
    return (int)((days % 7 + 7 + 3) % 7);
}

int32_t cal_add_days(int32_t ymd, int32_t n)
{
    return cal_ymd_from_days(cal_days_from_ymd(ymd) + n);
}

int32_t cal_add_months(int32_t ymd, int32_t n)
{
    int32_t y = ymd / 10000, m = ymd / 100 % 100 - 1 + n, d = ymd % 100;
    y += m >= 0 ? m / 12 : (m - 11) / 12;
    m = ((m % 12) + 12) % 12 + 1;
    if (d > cal_days_in_month(y, m)) d = cal_days_in_month(y, m);
    return y * 10000 + m * 100 + d;
}

int32_t cal_parse_iso(const char *s, size_t len)
{
    if (!s || len < 10) return 0;
    int32_t v[8];
    int k = 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-') return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        } else {
            v[k++] = s[i] - '0';
        }
    }
    int32_t ymd = (v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3]) * 10000 + (v[4] * 10 + v[5]) * 100 +
                  v[6] * 10 + v[7];
    return cal_valid_ymd(ymd) ? ymd : 0;
}

void cal_format(int32_t ymd, char buf[11])
{
    if (!ymd || !cal_valid_ymd(ymd)) {
        buf[0] = 0;
        return;
    }
    int32_t y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    const char f[] = {(char)('0' + y / 1000), (char)('0' + y / 100 % 10), (char)('0' + y / 10 % 10),
                      (char)('0' + y % 10), '-', (char)('0' + m / 10), (char)('0' + m % 10), '-',
                      (char)('0' + d / 10), (char)('0' + d % 10), 0};
    memcpy(buf, f, sizeof f);
}

int dyad_date_parse(const char *text, int32_t *yyyymmdd)
{
    int32_t ymd = text && strlen(text) == 10 ? cal_parse_iso(text, 10) : 0;
    if (yyyymmdd) *yyyymmdd = ymd;
    return ymd ? 0 : -1;
}
