/* test_when.c -- date expressions found in our own sentences and resolved
 * against an article's date (src/when/). */
#include "harness.h"
#include "when/when.h"
#include "internal.h"
#include <stdlib.h>

/* Finds the first date expression of a one-sentence text and resolves it;
 * writes "YYYY-MM-DD/precision[..YYYY-MM-DD]|the words" into buf. */
static const char *first_date(dyad_pipeline *p, const char *text, const char *article,
                              bool future, char *buf, size_t cap)
{
    dyad_document doc = {0};
    doc.id = "t";
    doc.text = text;
    doc.len = strlen(text);
    doc.is_sentence = 1;
    dyad_analysis an;
    if (dyad_analyze(p, &doc, &an) != 0 || an.nsentences == 0) return "no analysis";
    const dyad_sentence *s = &an.sentences[0];
    when_expr e[4];
    size_t n = when_find(s, e, 4);
    if (n == 0) return "none";
    when_date d = when_resolve(&e[0], cal_parse_iso(article, 10), future);
    char a[11], b[11];
    cal_format(d.date, a);
    cal_format(d.date_end, b);
    uint32_t from = s->tokens[e[0].first].start, to = s->tokens[e[0].last - 1].end;
    if (d.date_end != d.date)
        snprintf(buf, cap, "%s/%s..%s|%.*s", a, dyad_precision_name(d.precision), b,
                 (int)(to - from), text + from);
    else
        snprintf(buf, cap, "%s/%s|%.*s", a, dyad_precision_name(d.precision), (int)(to - from),
                 text + from);
    return buf;
}

#define DATE(text, article, future, want) \
    CHECK_STR(first_date(p, (text), (article), (future), buf, sizeof buf), (want))

static void when_calendar(tctx *t)
{
    CHECK_INT(cal_weekday(20220127), 3);  /* a Thursday */
    CHECK_INT(cal_weekday(20000301), 2);  /* a Wednesday, after a leap day */
    CHECK_INT(cal_ymd_from_days(cal_days_from_ymd(20240229) + 1), 20240301);
    CHECK_INT(cal_ymd_from_days(cal_days_from_ymd(20211231) + 1), 20220101);
    CHECK_INT(cal_days_from_ymd(19700101), 0);
    CHECK(cal_valid_ymd(20240229));
    CHECK(!cal_valid_ymd(20230229));
    CHECK(!cal_valid_ymd(20231301));
    CHECK_INT(cal_parse_iso("2022-01-27", 10), 20220127);
    CHECK_INT(cal_parse_iso("2022-02-30", 10), 0);
    CHECK_INT(cal_parse_iso("2022-1-27", 10), 0);
    char b[11];
    cal_format(20220127, b);
    CHECK_STR(b, "2022-01-27");
    cal_format(0, b);
    CHECK_STR(b, "");
}

static void when_seed_forms(tctx *t)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_TAGS);
    char buf[256];
    /* The seed article's two dated events, in our own words. */
    DATE("On the 26th (local time), the minister handed over a written reply.", "2022-01-27",
         false, "2022-01-26/day|the 26th (local time)");
    DATE("Earlier, on the 15th of last month, Arnor sent two draft treaties to Gondor.",
         "2022-01-27", false, "2021-12-15/day|the 15th of last month");
    dyad_pipeline_free(p);
}

static void when_weekdays_and_relative_days(tctx *t)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_TAGS);
    char buf[256];
    /* 2022-01-27 is a Thursday. */
    DATE("Gondor and Arnor met on Tuesday in the capital.", "2022-01-27", false,
         "2022-01-25/day|Tuesday");
    DATE("Gondor and Arnor will meet on Tuesday in the capital.", "2022-01-27", true,
         "2022-02-01/day|Tuesday");
    DATE("The envoy arrived on Thursday.", "2022-01-27", false, "2022-01-27/day|Thursday");
    DATE("The envoy arrived last Thursday.", "2022-01-27", false, "2022-01-20/day|last Thursday");
    DATE("The talks resume next Monday.", "2022-01-27", true, "2022-01-31/day|next Monday");
    DATE("Rebels shelled the town on Sunday night.", "2022-01-27", false,
         "2022-01-23/day|Sunday night");
    DATE("The ministry said yesterday that it would respond.", "2022-01-27", false,
         "2022-01-26/day|yesterday");
    DATE("Police detained dozens of protesters last night.", "2022-03-01", false,
         "2022-02-28/day|last night");
    DATE("The council votes tomorrow.", "2022-12-31", true, "2023-01-01/day|tomorrow");
    DATE("Troops left the base two days ago.", "2022-03-01", false,
         "2022-02-27/day|two days ago");
    DATE("Talks were held from Monday to Wednesday in Vienna.", "2022-01-27", false,
         "2022-01-24/day..2022-01-26|Monday to Wednesday");
    dyad_pipeline_free(p);
}

static void when_calendar_dates(tctx *t)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_TAGS);
    char buf[256];
    DATE("The treaty was signed on Jan. 26 in Geneva.", "2022-02-03", false,
         "2022-01-26/day|Jan. 26");
    /* A December day in a January story is last year's. */
    DATE("The treaty was signed on Dec. 26 in Geneva.", "2022-01-03", false,
         "2021-12-26/day|Dec. 26");
    DATE("The accord, signed on 26 January 2022, expired.", "2024-05-01", false,
         "2022-01-26/day|26 January 2022");
    DATE("Moscow sent its proposals on December 15, 2021, officials said.", "2022-01-27", false,
         "2021-12-15/day|December 15, 2021");
    DATE("The blockade began in March 2021.", "2022-01-27", false, "2021-03-01/month|March 2021");
    DATE("The blockade began in March.", "2022-01-27", false, "2021-03-01/month|March");
    DATE("Elections will be held in March.", "2022-01-27", true, "2022-03-01/month|March");
    DATE("The two sides last met in 2019.", "2022-01-27", false, "2019-01-01/year|2019");
    DATE("Prices rose earlier this month.", "2022-01-27", false,
         "2022-01-01/month|earlier this month");
    DATE("The army withdrew last month.", "2022-01-27", false, "2021-12-01/month|last month");
    DATE("The minister visited Kyiv last week.", "2022-01-27", false, "2022-01-20/week|last week");
    DATE("The parliament dissolved itself last year.", "2022-01-27", false,
         "2021-01-01/year|last year");
    dyad_pipeline_free(p);
}

/* Dates written in figures, one token each: ISO, day first with dots,
 * and slashes where the order is plain (a number above 12, or both the
 * same); "3/4/2022" could be March or April and is no date. */
static void when_numeric_dates(tctx *t)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_TAGS);
    char buf[256];
    DATE("The ceasefire began on 2023-07-09 at noon.", "2024-05-01", false, "2023-07-09/day|2023-07-09");
    DATE("The ceasefire began on 9.7.2023 at noon.", "2024-05-01", false, "2023-07-09/day|9.7.2023");
    DATE("The ceasefire began on 7/19/2023 at noon.", "2024-05-01", false, "2023-07-19/day|7/19/2023");
    DATE("The ceasefire began on 19/7/2023 at noon.", "2024-05-01", false, "2023-07-19/day|19/7/2023");
    DATE("The ceasefire began on 6/6/2023 at noon.", "2024-05-01", false, "2023-06-06/day|6/6/2023");
    DATE("The ceasefire began on 6/7/2023 at noon.", "2024-05-01", false, "none");
    DATE("The ceasefire began on 2023-02-30 at noon.", "2024-05-01", false, "none");
    DATE("The score was 3/4 at half time.", "2024-05-01", false, "none");
    dyad_pipeline_free(p);
}

/* "mid-June", "late-2022": the modifier and the month or year are one
 * token. */
static void when_hyphened_months(tctx *t)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_TAGS);
    char buf[256];
    DATE("The rains failed in mid-June.", "2024-08-10", false, "2024-06-01/month|mid-June");
    DATE("The rains failed in late-October.", "2024-08-10", false, "2023-10-01/month|late-October");
    DATE("The mine closed in early-2022.", "2024-08-10", false, "2022-01-01/year|early-2022");
    DATE("The mid-level officials resigned.", "2024-08-10", false, "none");
    dyad_pipeline_free(p);
}

/* Days counted from the story's day; alone in a sentence they count from
 * the article's date (when_resolve), and a day after it is not moved past
 * the article's date. */
static void when_story_days(tctx *t)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_TAGS);
    char buf[256];
    DATE("The day before, the rebels shelled the depot.", "2024-08-10", false, "2024-08-09/day|The day before");
    DATE("The rebels had shelled the depot the previous day.", "2024-08-10", false,
         "2024-08-09/day|the previous day");
    DATE("The next day, the rebels shelled the depot.", "2024-08-10", false, "2024-08-10/day|The next day");
    DATE("Three days later the rebels shelled the depot.", "2024-08-10", false, "2024-08-10/day|Three days later");
    DATE("Two days earlier the rebels shelled the depot.", "2024-08-10", false, "2024-08-08/day|Two days earlier");
    DATE("That night the rebels shelled the depot.", "2024-08-10", false, "2024-08-10/day|That night");
    DATE("Later in the day the rebels shelled the depot.", "2024-08-10", false, "2024-08-10/day|Later in the day");
    DATE("Hours later the rebels shelled the depot.", "2024-08-10", false, "2024-08-10/day|Hours later");
    DATE("On the same day the rebels shelled the depot.", "2024-08-10", false, "2024-08-10/day|the same day");
    /* a day naming another happening's, and "that" opening a clause */
    DATE("The rebels shelled the depot the day before the vote.", "2024-08-10", false, "none");
    DATE("The rebels said that night patrols would stop.", "2024-08-10", false, "none");
    /* the story's day given: "the next day" is the day after it */
    dyad_document doc = {0};
    doc.id = "t";
    doc.text = "The next day, the rebels shelled the depot.";
    doc.len = strlen(doc.text);
    doc.is_sentence = 1;
    dyad_analysis an;
    CHECK_INT(dyad_analyze(p, &doc, &an), 0);
    when_expr e[4];
    CHECK_INT(when_find(&an.sentences[0], e, 4), 1);
    CHECK_INT(when_resolve_story(&e[0], 20240810, 20240803, false).date, 20240804);
    dyad_pipeline_free(p);
}

/* A month or weekday placed by a word around it: "last December" (the
 * latest before this month), "Monday last week", a span of days, a
 * weekday with its calendar date (the date says which). */
static void when_placed_months_and_weekdays(tctx *t)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_TAGS);
    char buf[256];
    /* 2024-08-10 is a Saturday */
    DATE("The mine closed last December.", "2024-08-10", false, "2023-12-01/month|last December");
    DATE("The mine closed last August.", "2024-08-10", false, "2023-08-01/month|last August");
    DATE("The mine closed last May.", "2024-08-10", false, "2024-05-01/month|last May");
    DATE("The mine reopens next February.", "2024-08-10", true, "2025-02-01/month|next February");
    DATE("The mine closed on Monday last week.", "2024-08-10", false, "2024-07-29/day|Monday last week");
    DATE("The mine closed on Friday of last week.", "2024-08-10", false, "2024-08-02/day|Friday of last week");
    DATE("The mine reopens on Tuesday next week.", "2024-08-10", true, "2024-08-13/day|Tuesday next week");
    DATE("The mine closed on July 3-5.", "2024-08-10", false, "2024-07-03/day..2024-07-05|July 3-5");
    DATE("The mine closed on 3-5 July 2023.", "2024-08-10", false, "2023-07-03/day..2023-07-05|3-5 July 2023");
    DATE("The mine closed on Wednesday, July 3.", "2024-08-10", false, "2024-07-03/day|Wednesday, July 3");
    DATE("The mine closed on Sunday 30 June.", "2024-08-10", false, "2024-06-30/day|Sunday 30 June");
    DATE("The mine closed over the weekend.", "2024-08-12", false, "2024-08-10/day..2024-08-11|the weekend");
    DATE("The mine reopens this weekend.", "2024-08-12", true, "2024-08-17/day..2024-08-18|this weekend");
    DATE("The mine closed last weekend.", "2024-08-14", false, "2024-08-10/day..2024-08-11|last weekend");
    DATE("The mine closed on a weekend.", "2024-08-14", false, "none");
    DATE("The mine closed earlier in the week.", "2024-08-10", false, "2024-08-10/week|earlier in the week");
    DATE("The mine closed earlier in the year.", "2024-08-10", false, "2024-01-01/year|earlier in the year");
    /* a day without a year up to a week after the article's is this
     * year's (a page dated early), a later one last year's */
    DATE("The mine closed on August 12.", "2024-08-10", false, "2024-08-12/day|August 12");
    DATE("The mine closed on August 30.", "2024-08-10", false, "2023-08-30/day|August 30");
    DATE("The mine closed on the 11th.", "2024-08-10", false, "2024-08-11/day|the 11th");
    DATE("The mine closed on the 20th.", "2024-08-10", false, "2024-07-20/day|the 20th");
    DATE("The mine closed on the 31st.", "2024-04-30", false, "2024-03-31/day|the 31st");
    dyad_pipeline_free(p);
}

static void when_not_dates(tctx *t)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_TAGS);
    char buf[256];
    /* Words that look like dates but are not. */
    DATE("Protesters may march on the ministry.", "2022-01-27", false, "none");
    DATE("The two armies fielded 2019 tanks between them.", "2022-01-27", false, "none");
    DATE("He said he may resign.", "2022-01-27", false, "none");
    /* a day with the year named by its place from the article's */
    DATE("Troops withdrew on March 16 last year.", "2022-03-10", false, "2021-03-16/day|March 16 last year");
    DATE("Troops withdrew on 2 January this year.", "2022-03-10", false, "2022-01-02/day|2 January this year");
    DATE("Talks resume on 2 February next year.", "2022-03-10", true, "2023-02-02/day|2 February next year");
    /* an ordinal before a noun is a rank, not a day of the month */
    DATE("The 21st century brought new wars.", "2022-01-27", false, "none");
    DATE("Troops of the 5th Brigade marched.", "2022-01-27", false, "none");
    DATE("On Sunday, the 3rd Division attacked.", "2022-01-27", false, "2022-01-23/day|Sunday");
    DATE("Troops withdrew on the 23rd.", "2022-01-27", false, "2022-01-23/day|the 23rd");
    DATE("On the 23rd, troops withdrew.", "2022-01-27", false, "2022-01-23/day|the 23rd");
    /* Forms cut short at the sentence's end. */
    DATE("Talks on Monday ended earlier in", "2022-01-27", false, "2022-01-24/day|Monday");
    DATE("It rained for two days", "2022-01-27", false, "none");
    DATE("Rain fell the day", "2022-01-27", false, "none");
    DATE("Rain fell hours", "2022-01-27", false, "none");
    DATE("Rain fell that", "2022-01-27", false, "none");
    DATE("Rain fell on Monday of last", "2022-01-27", false, "2022-01-24/day|Monday");
    DATE("Rain fell on 12-", "2022-01-27", false, "none");
    DATE("Rain fell on 2024-0", "2022-01-27", false, "none");
    DATE("Rain fell on 1/1/", "2022-01-27", false, "none");
    /* Relative dates need an article date; the expression is still found. */
    DATE("The envoy arrived on Tuesday.", "", false, "/none|Tuesday");
    dyad_pipeline_free(p);
}

/* Hostile: a sentence of nothing but date words stays linear and finds
 * every expression without overlap. */
static void when_many(tctx *t)
{
    size_t n = 20000;
    char *text = malloc(n * 8 + 2);
    CHECK(text != NULL);
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(text + len, "Monday ", 7);
        len += 7;
    }
    text[len] = 0;
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_TAGS);
    dyad_document doc = {0};
    doc.id = "t";
    doc.text = text;
    doc.len = len;
    doc.is_sentence = 1;
    dyad_analysis an;
    CHECK_INT(dyad_analyze(p, &doc, &an), 0);
    size_t total = 0;
    for (size_t i = 0; i < an.nsentences; i++) total += when_find(&an.sentences[i], NULL, 0);
    CHECK_INT(total, n);
    dyad_pipeline_free(p);
    free(text);
}

void suite_when(tctx *t)
{
    RUN(t, when_calendar);
    RUN(t, when_seed_forms);
    RUN(t, when_weekdays_and_relative_days);
    RUN(t, when_calendar_dates);
    RUN(t, when_numeric_dates);
    RUN(t, when_hyphened_months);
    RUN(t, when_story_days);
    RUN(t, when_placed_months_and_weekdays);
    RUN(t, when_not_dates);
    RUN(t, when_many);
}
