/* test_event_context.c -- each event's own date, place and speaker
 * (issue 6), through
 * the coder with dyad's built-in dictionaries: the date expression of the
 * event's clause resolved against the article's date (past and future
 * verbs), "the same day", no date at all when the article has none, and
 * the place a locative names -- not the country an event is directed at;
 * the speaker of a quotation, "we" as the speaker's side, and "X must ..."
 * as the speaker's demand.  The seed article closes the suite. */
#include "harness.h"
#include <stdbool.h>
#include <stdlib.h>

typedef struct coded {
    dyad_coder *coder;
    dyad_pipeline *pipe;
    dyad_coder_work *work;
    dyad_document doc;
    dyad_analysis an;
    const dyad_event *ev;
    size_t n;
} coded;

static int code_text(coded *k, const char *text, const char *date)
{
    memset(k, 0, sizeof *k);
    dyad_coder_config cfg = {0};
    cfg.builtin = 1;
    k->coder = dyad_coder_new(&cfg);
    k->pipe = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    k->work = k->coder ? dyad_coder_work_new(k->coder, NULL) : NULL;
    if (!k->pipe || !k->work) return -1;
    k->doc.id = "t";
    k->doc.text = text;
    k->doc.len = strlen(text);
    if (date) snprintf(k->doc.date, sizeof k->doc.date, "%s", date);
    if (dyad_analyze(k->pipe, &k->doc, &k->an)) return -1;
    return dyad_code(k->work, &k->an, &k->ev, &k->n);
}

static void coded_free(coded *k)
{
    dyad_coder_work_free(k->work);
    dyad_pipeline_free(k->pipe);
    dyad_coder_free(k->coder);
}

static const dyad_event *find(const coded *k, const char *source, const char *target)
{
    for (size_t i = 0; i < k->n; i++)
        if (!strcmp(k->ev[i].source, source) && !strcmp(k->ev[i].target, target)) return &k->ev[i];
    return NULL;
}

static int span_is(const coded *k, dyad_span s, const char *words)
{
    size_t n = strlen(words);
    return s.end - s.start == n && memcmp(k->doc.text + s.start, words, n) == 0;
}

static void time_place_past_weekday_and_city(tctx *t)
{
    coded k;
    CHECK_INT(code_text(&k, "Russian forces shelled residential areas in Kharkiv on Tuesday.", "2022-03-02"), 0);
    const dyad_event *e = find(&k, "RUSMIL", "UKR");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->date, "2022-03-01"); /* the Tuesday before a Wednesday */
        CHECK_INT(e->date_precision, DYAD_PRECISION_DAY);
        CHECK(span_is(&k, e->date_span, "Tuesday"));
        CHECK(e->place_name && !strcmp(e->place_name, "Kharkiv"));
        CHECK(e->place_country && !strcmp(e->place_country, "UKR"));
        CHECK_INT(e->place_kind, DYAD_PLACE_CITY);
        CHECK(e->place_lat > 49.9 && e->place_lat < 50.1 && e->place_lon > 36.1 && e->place_lon < 36.4);
        CHECK(span_is(&k, e->place_span, "Kharkiv"));
    }
    coded_free(&k);
}

static void time_place_future_weekday_and_country(tctx *t)
{
    coded k;
    CHECK_INT(code_text(&k, "Ukraine will hold talks with Russia in Belarus on Monday.", "2022-03-02"), 0);
    const dyad_event *e = find(&k, "UKR", "RUS");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->date, "2022-03-07"); /* a future verb: the next Monday */
        CHECK(e->flags & DYAD_EVENT_FUTURE);
        CHECK(e->place_name != NULL);
        CHECK(e->place_country && !strcmp(e->place_country, "BLR"));
        CHECK_INT(e->place_kind, DYAD_PLACE_COUNTRY);
    }
    coded_free(&k);
}

static void time_place_relative_and_none(tctx *t)
{
    coded k;
    CHECK_INT(code_text(&k, "Turkey condemned Sweden yesterday.", "2023-01-24"), 0);
    const dyad_event *e = find(&k, "TUR", "SWE");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->date, "2023-01-23");
        CHECK(e->place_name == NULL); /* no place written: none invented */
    }
    coded_free(&k);
    /* an article without a date: a relative expression cannot be resolved
     * and nothing is guessed */
    CHECK_INT(code_text(&k, "Turkey condemned Sweden yesterday.", NULL), 0);
    e = find(&k, "TUR", "SWE");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->date, "");
        CHECK_INT(e->date_precision, DYAD_PRECISION_NONE);
    }
    coded_free(&k);
    /* an absolute date needs no article date */
    CHECK_INT(code_text(&k, "Turkey condemned Sweden on 21 January 2023.", NULL), 0);
    e = find(&k, "TUR", "SWE");
    CHECK(e && !strcmp(e->date, "2023-01-21"));
    coded_free(&k);
}

/* How wire copy dates an act, in our own sentences, each a whole short
 * article: weekdays (2024-03-14 is a Thursday), days counted from the
 * article's day or from the story's (the day its last dated happening
 * took place), weeks, months and years, calendar dates in the common
 * formats, a day of last year in a January story, datelines of the
 * agencies (their day is the one the text counts from), and tense (a
 * weekday of a verb still to come, "will" or "is scheduled to", is the
 * next one; an intent with only a month to come is dated by the article,
 * when it was told).  NULL: the article
 * has no date field. */
static void time_place_date_inventory(tctx *t)
{
    static const struct {
        const char *pub, *text, *verb, *date;
        dyad_precision precision;
    } probes[] = {
        {"2024-03-14", "Kenyan police arrested ten protesters on Tuesday.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters Tuesday night.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters late on Monday.", "arrested", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters early Monday.", "arrested", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters earlier Wednesday.", "arrested", "2024-03-13", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Thursday.", "arrested", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Friday.", "arrested", "2024-03-08", DYAD_PRECISION_DAY},
        {"2024-03-14", "On Sunday, Ghana condemned Togo over the border raid.", "condemned", "2024-03-10", DYAD_PRECISION_DAY},
        {"2024-03-14", "Sunday's attack on a Kenyan army base killed five soldiers.", "killed", "2024-03-10", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday, March 11.", "arrested", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday morning.", "arrested", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters in the early hours of Tuesday.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters last Friday.", "arrested", "2024-03-08", DYAD_PRECISION_DAY},
        {"2024-03-14", "The Kenyan president will meet the Ugandan president on Monday.", "meet", "2024-03-18", DYAD_PRECISION_DAY},
        {"2024-03-14", "The Kenyan president is expected to meet the Ugandan president Saturday.", "meet", "2024-03-16", DYAD_PRECISION_DAY},
        {"2024-03-14", "The Kenyan president will visit Uganda next Tuesday.", "visit", "2024-03-19", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters yesterday.", "arrested", "2024-03-13", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters today.", "arrested", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters last night.", "arrested", "2024-03-13", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters this morning.", "arrested", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "The Kenyan president will meet the Ugandan president tomorrow.", "meet", "2024-03-15", DYAD_PRECISION_DAY},
        {"2024-03-14", "Ghana has condemned Togo over the border raid.", "condemned", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "Ghana condemned Togo over the border raid.", "condemned", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters three days ago.", "arrested", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "On Tuesday, Ghana condemned Togo over the raid. The day before, Kenyan police arrested ten protesters.", "arrested", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "On Tuesday, Ghana condemned Togo over the raid. Kenyan police had arrested ten protesters the previous day.", "arrested", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday. The next day, a Kenyan court released them.", "released", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday. A Kenyan court released them the following day.", "released", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Saturday. Two days later, a Kenyan court released them.", "released", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Saturday. A Kenyan court released them a day later.", "released", "2024-03-10", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday. Later that day, a Kenyan court released them.", "released", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday. That night, a Kenyan court released them.", "released", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday. Earlier in the day, Ghana condemned Togo.", "condemned", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Ghana condemned Togo a day after Kenyan police arrested ten protesters.", "condemned", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters last week.", "arrested", "2024-03-07", DYAD_PRECISION_WEEK},
        {"2024-03-14", "Kenyan police arrested ten protesters earlier this week.", "arrested", "2024-03-14", DYAD_PRECISION_WEEK},
        {"2024-03-14", "Kenyan police arrested ten protesters earlier this month.", "arrested", "2024-03-01", DYAD_PRECISION_MONTH},
        {"2024-03-14", "Kenyan police arrested ten protesters last month.", "arrested", "2024-02-01", DYAD_PRECISION_MONTH},
        {"2024-03-14", "Kenyan police arrested ten protesters last year.", "arrested", "2023-01-01", DYAD_PRECISION_YEAR},
        {"2024-03-14", "Kenyan police arrested ten protesters two weeks ago.", "arrested", "2024-02-29", DYAD_PRECISION_WEEK},
        {"2024-03-14", "Kenyan police arrested ten protesters in February.", "arrested", "2024-02-01", DYAD_PRECISION_MONTH},
        {"2024-03-14", "Kenyan police arrested ten protesters in late February.", "arrested", "2024-02-01", DYAD_PRECISION_MONTH},
        {"2024-03-14", "Kenyan police arrested ten protesters in mid-February.", "arrested", "2024-02-01", DYAD_PRECISION_MONTH},
        {"2024-03-14", "Kenyan police arrested ten protesters in May.", "arrested", "2023-05-01", DYAD_PRECISION_MONTH},
        {"2024-03-14", "Kenyan police arrested ten protesters in 2021.", "arrested", "2021-01-01", DYAD_PRECISION_YEAR},
        {"2024-03-14", "Kenyan police arrested ten protesters in June 2022.", "arrested", "2022-06-01", DYAD_PRECISION_MONTH},
        {"2024-03-14", "Kenyan police arrested ten protesters on March 3.", "arrested", "2024-03-03", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Feb. 27.", "arrested", "2024-02-27", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on March 3rd.", "arrested", "2024-03-03", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on 3 March 2022.", "arrested", "2022-03-03", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on March 3, 2022.", "arrested", "2022-03-03", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on 3 March.", "arrested", "2024-03-03", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on the 3rd.", "arrested", "2024-03-03", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on the 3rd of March.", "arrested", "2024-03-03", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on 3/3/2022.", "arrested", "2022-03-03", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on 12/25/2023.", "arrested", "2023-12-25", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on 25/12/2023.", "arrested", "2023-12-25", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on 2024-03-05.", "arrested", "2024-03-05", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on 25.12.2023.", "arrested", "2023-12-25", DYAD_PRECISION_DAY},
        {"2024-01-05", "Kenyan police arrested ten protesters on December 28.", "arrested", "2023-12-28", DYAD_PRECISION_DAY},
        {"2024-01-05", "Kenyan police arrested ten protesters on Dec. 28.", "arrested", "2023-12-28", DYAD_PRECISION_DAY},
        {"2024-01-05", "Kenyan police arrested ten protesters on 28 December.", "arrested", "2023-12-28", DYAD_PRECISION_DAY},
        {"2024-01-02", "Kenyan police arrested ten protesters on Saturday.", "arrested", "2023-12-30", DYAD_PRECISION_DAY},
        {"2024-03-14", "The Kenyan president will visit Uganda on March 20.", "visit", "2024-03-20", DYAD_PRECISION_DAY},
        {"2024-03-14", "The Kenyan president will visit Uganda on March 2.", "visit", "2025-03-02", DYAD_PRECISION_DAY},
        {"2024-03-14", "NAIROBI, Kenya (AP) -- Kenyan police arrested ten protesters on Tuesday.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {NULL, "NAIROBI, March 14, 2024 (Reuters) - Kenyan police arrested ten protesters on Tuesday.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-15", "NAIROBI, March 14 (Reuters) - Kenyan police arrested ten protesters on Tuesday.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-15", "Nairobi, 14 March (AFP) - Kenyan police arrested ten protesters on Tuesday.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-15", "Nairobi, 14 March (AFP) - Kenyan police arrested ten protesters yesterday.", "arrested", "2024-03-13", DYAD_PRECISION_DAY},
        {"2024-09-20", "Nairobi, 14 March (AFP) - Kenyan police arrested ten protesters yesterday.", "arrested", "2024-03-13", DYAD_PRECISION_DAY},
        {"2025-01-03", "Nairobi, 30 December (AFP) - Kenyan police arrested ten protesters yesterday.", "arrested", "2024-12-29", DYAD_PRECISION_DAY},
        {"2024-03-14", "On Sunday, the 3rd Battalion of the Kenyan army attacked Somali militants.", "attacked", "2024-03-10", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on the 15th anniversary of the riots.", "arrested", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-15", "NAIROBI, Mar 14 (Reuters) - Kenyan police arrested ten protesters on Tuesday.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {NULL, "NAIROBI, March 14, 2024 (Reuters) - Ghana has condemned Togo.", "condemned", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "On Tuesday, the Ghanaian president condemned Togo. He also accused Togolese troops of the raid.", "accused", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters overnight.", "arrested", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday. Hours later, a Kenyan court released them.", "released", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday and a Kenyan court released them the next day.", "released", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Thousands marched through Nairobi on Saturday. The next day, Kenyan police arrested ten protesters.", "arrested", "2024-03-10", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters the day before the vote.", "arrested", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "The Kenyan army said that night raids by Somali militants killed five Kenyan soldiers on Monday.", "killed", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "The next day, Kenyan police arrested ten protesters.", "arrested", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "The day before, Kenyan police arrested ten protesters.", "arrested", "2024-03-13", DYAD_PRECISION_DAY},
        {"2024-03-15", "NAIROBI, March 14 (Reuters) - Kenyan police arrested ten protesters yesterday.", "arrested", "2024-03-13", DYAD_PRECISION_DAY},
        {"2024-01-01", "NAIROBI, Dec 31 (Reuters) - Kenyan police arrested ten protesters on Friday.", "arrested", "2023-12-29", DYAD_PRECISION_DAY},
        {NULL, "NAIROBI, Kenya (AP) -- Kenyan police arrested ten protesters on Tuesday.", "arrested", "", DYAD_PRECISION_NONE},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday. On the same day, Ghana condemned Togo.", "condemned", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday. Two days earlier, Ghana condemned Togo.", "condemned", "2024-03-09", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters three weeks ago.", "arrested", "2024-02-22", DYAD_PRECISION_WEEK},
        {"2024-03-14", "Kenyan police arrested ten protesters this week.", "arrested", "2024-03-14", DYAD_PRECISION_WEEK},
        {"2024-03-14", "Kenyan police arrested ten protesters on the 20th of last month.", "arrested", "2024-02-20", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on 3/4/2022.", "arrested", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "The Kenyan president is scheduled to meet the Ugandan president on Monday.", "meet", "2024-03-18", DYAD_PRECISION_DAY},
        {"2024-03-14", "The Kenyan president is set to sign a trade agreement with Uganda on Saturday.", "sign", "2024-03-16", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan and Ugandan officials are due to meet on Tuesday.", "meet", "2024-03-19", DYAD_PRECISION_DAY},
        {"2024-03-14", "The Kenyan president plans to visit Uganda on Friday.", "visit", "2024-03-15", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan and Ugandan officials are expected to meet on Tuesday.", "meet", "2024-03-19", DYAD_PRECISION_DAY},
        {"2024-01-05", "Kenyan police arrested ten protesters last December.", "arrested", "2023-12-01", DYAD_PRECISION_MONTH},
        {"2024-03-14", "Kenyan police arrested ten protesters last March.", "arrested", "2023-03-01", DYAD_PRECISION_MONTH},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday last week.", "arrested", "2024-03-04", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Tuesday of last week.", "arrested", "2024-03-05", DYAD_PRECISION_DAY},
        {"2024-03-14", "The Kenyan president will visit Uganda on Wednesday next week.", "visit", "2024-03-20", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on March 3-4.", "arrested", "2024-03-03", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on 3rd March.", "arrested", "2024-03-03", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Sunday 3 March.", "arrested", "2024-03-03", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters late Tuesday.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Tuesday evening.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Ghana says it condemned Togo on Tuesday.", "condemned", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters 2 days ago.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters a week ago.", "arrested", "2024-03-07", DYAD_PRECISION_WEEK},
        {"2024-03-14", "The Kenyan president will visit Uganda next month.", "visit", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "The Kenyan president will visit Uganda later this month.", "visit", "2024-03-01", DYAD_PRECISION_MONTH},
        {"2024-03-14", "NAIROBI, Kenya (AP) \xe2\x80\x94" " Kenyan police arrested ten protesters on Tuesday.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-15", "NAIROBI, March 14 - Kenyan police arrested ten protesters yesterday.", "arrested", "2024-03-13", DYAD_PRECISION_DAY},
        {"2024-03-15", "Nairobi, Kenya, March 14 (AP) - Kenyan police arrested ten protesters yesterday.", "arrested", "2024-03-13", DYAD_PRECISION_DAY},
        {"2024-01-01", "Kenyan police arrested ten protesters on Dec. 31.", "arrested", "2023-12-31", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters earlier today.", "arrested", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on the night of March 3.", "arrested", "2024-03-03", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on March 3rd, 2023.", "arrested", "2023-03-03", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on March 1. A Kenyan court released them the following week.", "released", "2024-03-08", DYAD_PRECISION_WEEK},
        {"2024-03-14", "A Kenyan court released ten protesters on Tuesday, a day after police arrested them.", "released", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "A Kenyan court released ten protesters on Tuesday, a day after police arrested them.", "arrested", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Ghana warned Togo on Tuesday that it would impose sanctions.", "warned", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters in Nairobi, the interior ministry said Tuesday.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "The Kenyan interior ministry said on Tuesday that police had arrested ten protesters.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Ghana has condemned Togo over a border raid.\n\nOn Wednesday, the Ghanaian foreign ministry said in a statement that Ghana condemned the raid.", "condemned", "2024-03-13", DYAD_PRECISION_DAY},
        {"2024-03-14", "On Monday, the Ghanaian president condemned Togo. He also accused Togo of harbouring rebels.", "accused", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "On Monday, the Ghanaian president condemned Togo. Nigeria accused Togo of harbouring rebels.", "accused", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday.\n\nThe next day, a Kenyan court released them on bail.", "released", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "\"We condemned Togo on Monday,\" the Ghanaian foreign minister said.", "condemned", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on March 1. On Tuesday, a Kenyan court freed the protesters.", "freed", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Ten Kenyan activists were all arrested by Kenyan police earlier Monday.", "arrested", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday and a Kenyan court released them on Wednesday.", "released", "2024-03-13", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Monday and a Kenyan court released them on Wednesday.", "arrested", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "A Kenyan court released ten protesters on Wednesday, a day after Kenyan police arrested them.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on Wednesday, days after the election.", "arrested", "2024-03-13", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on the 1st.", "arrested", "2024-03-01", DYAD_PRECISION_DAY},
        {"2024-01-01", "Kenyan police arrested ten protesters yesterday.", "arrested", "2023-12-31", DYAD_PRECISION_DAY},
        {"2024-03-01", "Kenyan police arrested ten protesters on Feb. 29.", "arrested", "2024-02-29", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on April 30.", "arrested", "2023-04-30", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters on March 2. On the same day, Ghana condemned Togo.", "condemned", "2024-03-02", DYAD_PRECISION_DAY},
        {"2024-03-14", "Ghana condemned Togo on Tuesday. That evening, Kenyan police arrested ten protesters.", "arrested", "2024-03-12", DYAD_PRECISION_DAY},
        {"2024-03-14", "Russian forces shelled Kharkiv overnight into Wednesday.", "shelled", "2024-03-13", DYAD_PRECISION_DAY},
        {"2024-03-14", "Kenyan police arrested ten protesters over the weekend.", "arrested", "2024-03-09", DYAD_PRECISION_DAY},
        {"2024-03-14", "\"We arrested ten protesters yesterday,\" the Kenyan police chief said on Tuesday.", "arrested", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "\"Today Ghana condemns Togo,\" the Ghanaian foreign minister said on Monday.", "condemns", "2024-03-11", DYAD_PRECISION_DAY},
        {"2024-03-14", "\"Today Ghana condemns Togo,\" the Ghanaian foreign minister said.", "condemns", "2024-03-14", DYAD_PRECISION_DAY},
        {"2024-03-14", "Ghana said it would impose sanctions on Togo on Friday.", "impose", "2024-03-14", DYAD_PRECISION_DAY},
    };
    for (size_t i = 0; i < sizeof probes / sizeof *probes; i++) {
        coded k;
        CHECK_INT(code_text(&k, probes[i].text, probes[i].pub), 0);
        size_t seen = 0, right = 0;
        char got[64] = "no event";
        size_t vn = strlen(probes[i].verb);
        for (size_t j = 0; j < k.n; j++) {
            const dyad_event *e = &k.ev[j];
            const char *v = k.doc.text + e->verb_span.start;
            size_t len = e->verb_span.end - e->verb_span.start;
            bool has = false;
            for (size_t o = 0; o + vn <= len && !has; o++) has = !memcmp(v + o, probes[i].verb, vn);
            if (!has) continue;
            seen++;
            if (!strcmp(e->date, probes[i].date) && e->date_precision == probes[i].precision) right++;
            else snprintf(got, sizeof got, "%s/%s", e->date, dyad_precision_name((dyad_precision)e->date_precision));
        }
        coded_free(&k);
        if (!seen || right != seen)
            tctx_fail(t, __FILE__, __LINE__, "\"%s\": %s, expected %s/%s", probes[i].text, got,
                      probes[i].date, dyad_precision_name(probes[i].precision));
    }
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) { free(s); s = NULL; }
    if (s) s[n] = 0;
    fclose(f);
    return s;
}

/* The seed article, published 2022-01-27: Blinken spoke "on the 26th
 * (local time)", NATO answered "on the same day", Russia sent its drafts
 * "on the 15th of last month"; "a written response to Russia" is not a
 * place, Belgium (where the ambassador is stationed) is. */
static void time_place_seed_article(tctx *t)
{
    const char *shared = getenv("DYAD_SHARED") ? getenv("DYAD_SHARED") : "../shared";
    char path[512];
    snprintf(path, sizeof path, "%s/seed/us-russia-security-guarantees.txt", shared);
    char *text = read_all(path);
    CHECK(text != NULL);
    if (!text) return;
    coded k;
    CHECK_INT(code_text(&k, text, "2022-01-27"), 0);
    const dyad_event *us = find(&k, "USAGOV", "RUS");
    CHECK(us && !strcmp(us->date, "2022-01-26"));
    if (us) CHECK(span_is(&k, us->date_span, "the 26th (local time)"));
    if (us) CHECK(us->place_name == NULL);
    if (us) CHECK(!strcmp(us->speaker, "USAGOV") && span_is(&k, us->speaker_span, "U.S. Secretary of State Antony Blinken"));
    bool grushko = false; /* "We will consider further measures": RUSGOV's words */
    for (size_t i = 0; i < k.n; i++)
        if (!strcmp(k.ev[i].speaker, "RUSGOV") && !strncmp(k.ev[i].source, "RUS", 3)) grushko = true;
    CHECK(grushko);
    const dyad_event *nato = find(&k, "IGOWSTNAT", "RUS");
    CHECK(nato && !strcmp(nato->date, "2022-01-26"));
    if (nato) CHECK(span_is(&k, nato->date_span, "the same day"));
    if (nato) CHECK(nato->place_country && !strcmp(nato->place_country, "BEL"));
    const dyad_event *drafts = NULL;
    for (size_t i = 0; i < k.n; i++)
        if (!strcmp(k.ev[i].source, "RUS") && !strcmp(k.ev[i].target, "USA") && !strcmp(k.ev[i].date, "2021-12-15"))
            drafts = &k.ev[i];
    CHECK(drafts != NULL);
    if (drafts) CHECK(span_is(&k, drafts->date_span, "the 15th of last month"));
    coded_free(&k);
    free(text);
}

static void context_speakers_and_first_person(tctx *t)
{
    coded k;
    CHECK_INT(code_text(&k, "\"We condemn Pakistan's support for terrorism,\" said Indian External Affairs "
                            "Minister S. Jaishankar.", "2025-05-08"), 0);
    const dyad_event *e = find(&k, "INDGOV", "PAK"); /* "we" is the minister's side */
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->code, "111");
        CHECK_STR(e->speaker, "INDGOV");
        CHECK(e->flags & DYAD_EVENT_IN_QUOTE);
        CHECK(span_is(&k, e->speaker_span, "Indian External Affairs Minister S. Jaishankar"));
    }
    coded_free(&k);
    CHECK_INT(code_text(&k, "\"Russia must withdraw its troops from Ukraine,\" Blinken told reporters.", "2022-03-25"), 0);
    e = find(&k, "USAGOV", "RUS"); /* a demand, not a withdrawal */
    CHECK(e && !strcmp(e->code, "1056"));
    CHECK(find(&k, "RUS", "UKR") == NULL);
    coded_free(&k);
    /* reported speech keeps its own actors and gains a speaker */
    CHECK_INT(code_text(&k, "Ukraine's military said Russian forces attacked Kharkiv on Monday.", "2022-03-02"), 0);
    e = find(&k, "RUSMIL", "UKR");
    CHECK(e != NULL);
    if (e) CHECK((e->flags & DYAD_EVENT_REPORTED) && !strncmp(e->speaker, "UKR", 3));
    coded_free(&k);
}

/* "both countries" and "the two sides" are the article's last two
 * countries; a sentence with no target takes the article's latest actor
 * of another country (and says so). */
static void context_both_sides_and_earlier_actors(tctx *t)
{
    coded k;
    CHECK_INT(code_text(&k, "Iran and Saudi Arabia announced a deal in Beijing.\n\n"
                            "Both countries agreed to restore diplomatic relations.\n\n"
                            "Iran condemned the decision on Tuesday.", "2023-03-10"), 0);
    bool forward = false, back = false, context = false;
    for (size_t i = 0; i < k.n; i++) {
        const dyad_event *e = &k.ev[i];
        if (e->sentence == 0) continue;
        if (!strcmp(e->source, "IRN") && !strcmp(e->target, "SAU") && e->sentence == 1) forward = true;
        if (!strcmp(e->source, "SAU") && !strcmp(e->target, "IRN") && e->sentence == 1) back = true;
        if (!strcmp(e->source, "IRN") && !strcmp(e->target, "SAU") && e->sentence == 2)
            context = (e->flags & DYAD_EVENT_CONTEXT_TARGET) != 0;
    }
    CHECK(forward && back);
    CHECK(context);
    coded_free(&k);
}

/* "The ministry" with no country of its own is the article's latest actor
 * in that role. */
static void context_definite_description(tctx *t)
{
    coded k;
    CHECK_INT(code_text(&k, "Russia's foreign ministry condemned Germany on Monday.\n\n"
                            "The ministry also accused Berlin of lying.", "2022-03-30"), 0);
    bool later = false;
    for (size_t i = 0; i < k.n; i++)
        if (k.ev[i].sentence == 1 && !strcmp(k.ev[i].source, "RUSGOV") && !strcmp(k.ev[i].target, "DEU"))
            later = span_is(&k, k.ev[i].source_span, "ministry");
    CHECK(later);
    coded_free(&k);
    /* ... as "it" opening a sentence is the previous sentence's first actor */
    CHECK_INT(code_text(&k, "Russia condemned Germany on Monday.\n\nIt also accused Berlin of spying.", "2022-03-30"), 0);
    bool it = false;
    for (size_t i = 0; i < k.n; i++)
        if (k.ev[i].sentence == 1 && !strcmp(k.ev[i].source, "RUS") && !strcmp(k.ev[i].target, "DEU")) it = true;
    CHECK(it);
    coded_free(&k);
}

/* Matching sees NFC, case-folded words: a name typed with a combining
 * mark ("g" + U+0306) codes like its composed spelling ("\u011f"), and
 * a name in capitals like its title case; offsets still point at the
 * bytes of the text as given. */
static void unicode_forms_code_alike(tctx *t)
{
    static const char *const texts[] = {
        "Erdo\xC4\x9F" "an criticized Greece on Monday.",           /* composed   */
        "Erdog\xCC\x86" "an criticized Greece on Monday.",          /* decomposed */
        "ERDO\xC4\x9E" "AN criticized Greece on Monday.",           /* capitals   */
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        coded k;
        CHECK(code_text(&k, texts[i], "2023-05-01") == 0);
        const dyad_event *e = find(&k, "TURGOV", "GRC");
        bool ok = e && e->source_span.start == 0 &&
                  e->source_span.end == (uint32_t)(strchr(texts[i], ' ') - texts[i]);
        coded_free(&k);
        if (!ok) { tctx_fail(t, __FILE__, __LINE__, "text %zu: no TURGOV->GRC over the name's bytes", i); return; }
    }
}

void suite_event_context(tctx *t)
{
    RUN(t, unicode_forms_code_alike);
    RUN(t, context_definite_description);
    RUN(t, context_both_sides_and_earlier_actors);
    RUN(t, time_place_past_weekday_and_city);
    RUN(t, time_place_future_weekday_and_country);
    RUN(t, time_place_relative_and_none);
    RUN(t, time_place_date_inventory);
    RUN(t, context_speakers_and_first_person);
    RUN(t, time_place_seed_article);
}
