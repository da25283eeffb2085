/*
 * trend_private.h -- what the files of src/trend/ share: the calendar and
 * the CAMEO facts of a code.  The store is reached only through
 * store_private.h's functions for reading stages.
 */
#ifndef DYAD_TREND_PRIVATE_H
#define DYAD_TREND_PRIVATE_H

#include "../store/store_private.h"

/* YYYYMMDD <-> days since 1970-01-01 (proleptic Gregorian). */
int trend_day_of(int ymd);
int trend_ymd_of(int day);
/* YYYYMMDD as "YYYY-MM-DD". */
void trend_format_date(int ymd, char out[11]);

/* Root, quad class and Goldstein score of an event code from dyad's
 * CAMEO table (a code the table lacks counts as its root); -1 when the
 * code is no CAMEO event code. */
int trend_code_info(const char *code, int *root, int *quad, double *goldstein);

#endif
