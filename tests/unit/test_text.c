/* test_text.c -- article layout, tokens and sentence boundaries: the first
 * stages, on our own examples of news English and on the seed article. */
#include "harness.h"
#include "internal.h"
#include <stdlib.h>
#include <time.h>

/* Joins the normal forms of a sentence's tokens with '|'. */
static const char *joined(const dyad_sentence *s, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = 0;
    for (size_t i = 0; i < s->ntokens && n + 1 < cap; i++) {
        int w = snprintf(buf + n, cap - n, "%s%s", i ? "|" : "", s->tokens[i].norm);
        if (w < 0) break;
        n += (size_t)w;
    }
    return buf;
}

static const char *tokens_of(dyad_pipeline *p, const char *text, char *buf, size_t cap)
{
    dyad_analysis a;
    if (dyad_analyze_text(p, text, strlen(text), &a) || a.nsentences == 0) return "";
    size_t n = 0;
    buf[0] = 0;
    for (size_t k = 0; k < a.nsentences; k++) {
        char one[2048];
        int w = snprintf(buf + n, cap - n, "%s%s", k ? " || " : "", joined(&a.sentences[k], one, sizeof one));
        if (w < 0 || (size_t)w >= cap - n) break;
        n += (size_t)w;
    }
    return buf;
}

static void text_tokens_follow_the_treebank(tctx *t)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_SENTENCES);
    char buf[4096];
    CHECK_STR(tokens_of(p, "They don't know.", buf, sizeof buf), "They|do|n't|know|.");
    CHECK_STR(tokens_of(p, "Moscow can't and won't accept it.", buf, sizeof buf),
              "Moscow|ca|n't|and|wo|n't|accept|it|.");
    CHECK_STR(tokens_of(p, "We cannot accept it.", buf, sizeof buf), "We|can|not|accept|it|.");
    CHECK_STR(tokens_of(p, "Cannotville is a place.", buf, sizeof buf), "Cannotville|is|a|place|.");
    CHECK_STR(tokens_of(p, "Gondor's envoy met the ministers' aides.", buf, sizeof buf),
              "Gondor|'s|envoy|met|the|ministers|'|aides|.");
    CHECK_STR(tokens_of(p, "O'Brien paid $2,500.50 (about 1.5%) to AT&T in follow-up talks.", buf, sizeof buf),
              "O'Brien|paid|$|2,500.50|(|about|1.5|%|)|to|AT&T|in|follow-up|talks|.");
    CHECK_STR(tokens_of(p, "He said: \"We're ready\" -- and left.", buf, sizeof buf),
              "He|said|:|``|We|'re|ready|''|--|and|left|.");
    /* curly quotes, an em dash and a non-breaking space are normalised */
    CHECK_STR(tokens_of(p, "\xE2\x80\x9CNo,\xE2\x80\x9D she said\xE2\x80\x94" "again\xC2\xA0" "today.", buf, sizeof buf),
              "``|No|,|''|she|said|--|again|today|.");
    CHECK_STR(tokens_of(p, "Russia\xE2\x80\x99s envoy arrived at 3:30 p.m. Monday.", buf, sizeof buf),
              "Russia|'s|envoy|arrived|at|3:30|p.m.|Monday|.");
    dyad_pipeline_free(p);
}

static void text_offsets_point_into_the_original(tctx *t)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_SENTENCES);
    const char *text = "\xE2\x80\x9CWe won\xE2\x80\x99t,\xE2\x80\x9D said Mr. Lee.";
    dyad_analysis a;
    CHECK_INT(dyad_analyze_text(p, text, strlen(text), &a), 0);
    CHECK_INT(a.nsentences, 1);
    const dyad_sentence *s = &a.sentences[0];
    CHECK_INT(s->ntokens, 10);
    /* the opening curly quote is 3 bytes, normalised to `` */
    CHECK_STR(s->tokens[0].norm, "``");
    CHECK_INT(s->tokens[0].start, 0);
    CHECK_INT(s->tokens[0].end, 3);
    /* "won’t" -> "wo" + "n’t": the clitic's original bytes include the
     * three-byte apostrophe */
    CHECK_STR(s->tokens[2].norm, "wo");
    CHECK_STR(s->tokens[3].norm, "n't");
    CHECK_INT(s->tokens[3].end - s->tokens[3].start, 5);
    CHECK_STR(s->tokens[8].norm, "Lee");
    CHECK(memcmp(text + s->tokens[8].start, "Lee", 3) == 0);
    CHECK(s->tokens[7].flags & DYAD_TOKEN_ABBREV);
    CHECK(s->tokens[1].flags & DYAD_TOKEN_IN_QUOTE);
    CHECK(!(s->tokens[8].flags & DYAD_TOKEN_IN_QUOTE));
    dyad_pipeline_free(p);
}

static void text_sentences_survive_news_english(tctx *t)
{
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_SENTENCES);
    char buf[4096];
    /* abbreviations and initials inside a sentence */
    CHECK_STR(tokens_of(p, "Gen. J. R. Smith of the U.N. arrived Jan. 26 in St. Louis.", buf, sizeof buf),
              "Gen.|J.|R.|Smith|of|the|U.N.|arrived|Jan.|26|in|St.|Louis|.");
    /* an abbreviation ending a sentence before a typical opener */
    CHECK_STR(tokens_of(p, "Talks resumed in the U.S. The envoy left.", buf, sizeof buf),
              "Talks|resumed|in|the|U.S. || The|envoy|left|.");
    /* but not before a title */
    CHECK_STR(tokens_of(p, "The U.S. Secretary of State spoke.", buf, sizeof buf),
              "The|U.S.|Secretary|of|State|spoke|.");
    /* decimals, and a question inside a quotation followed by lower case */
    CHECK_STR(tokens_of(p, "\"Why now?\" he asked. Prices rose 2.5 percent.", buf, sizeof buf),
              "``|Why|now|?|''|he|asked|. || Prices|rose|2.5|percent|.");
    /* a quotation spanning two sentences: the closing quote stays with the
     * second sentence */
    CHECK_STR(tokens_of(p, "He said, \"We agree. We will sign.\" Then he left.", buf, sizeof buf),
              "He|said|,|``|We|agree|. || We|will|sign|.|'' || Then|he|left|.");
    /* parentheses with a full stop inside */
    CHECK_STR(tokens_of(p, "The vote passed. (Two members abstained.) Debate ended.", buf, sizeof buf),
              "The|vote|passed|. || (|Two|members|abstained|.|) || Debate|ended|.");
    dyad_pipeline_free(p);
}

static const char *part_kinds(const dyad_analysis *a, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = 0;
    for (size_t i = 0; i < a->nparts; i++) {
        int w = snprintf(buf + n, cap - n, "%s%s", i ? " " : "", dyad_part_name(a->parts[i].kind));
        if (w < 0 || (size_t)w >= cap - n) break;
        n += (size_t)w;
    }
    return buf;
}

static void text_layout_of_a_wire_story(tctx *t)
{
    const char *story =
        "Gondor and Arnor agree to reopen border crossings\n"
        "Ministers meet in Minas Tirith after months of tension\n"
        "By Jane Doe and John Roe, Reuters\n"
        "\n"
        "MINAS TIRITH, Jan 26 (Reuters) - Gondor and Arnor agreed on Tuesday to reopen two border\n"
        "crossings closed since the summer, officials from both countries said after a day of talks\n"
        "in the capital.\n"
        "The agreement follows weeks of mediation.\n"
        "\n"
        "Reporting by Jane Doe; Editing by John Roe\n"
        "Copyright 2026 Example News. All rights reserved.\n";
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_SENTENCES);
    dyad_analysis a;
    char buf[512];
    CHECK_INT(dyad_analyze_text(p, story, strlen(story), &a), 0);
    CHECK_STR(part_kinds(&a, buf, sizeof buf),
              "headline subheadline byline dateline body body boilerplate boilerplate");
    /* the dateline part ends after the dash and its space */
    CHECK(memcmp(story + a.parts[3].end - 2, "- ", 2) == 0);
    /* the wrapped paragraph is one sentence */
    size_t body = 0;
    for (size_t k = 0; k < a.nsentences; k++)
        if (a.sentences[k].part == DYAD_PART_BODY) body++;
    CHECK_INT(body, 2);
    dyad_pipeline_free(p);
}

static void text_datelines_of_several_places(tctx *t)
{
    /* each: headline, blank line, a paragraph opening with a dateline */
    static const char *const stories[][2] = {
        {"Talks resume\n\nWASHINGTON / MINAS TIRITH - Gondor and Arnor met on Monday.\n", "WASHINGTON / MINAS TIRITH - "},
        {"Talks resume\n\nWASHINGTON/BREE, ERIADOR - Gondor and Arnor met on Monday.\n", "WASHINGTON/BREE, ERIADOR - "},
        {"Talks resume\n\nMINAS-TIRITH - Gondor and Arnor met on Monday.\n", "MINAS-TIRITH - "},
        {"Talks resume\n\nBree, Eriador \xe2\x80\x94 Gondor and Arnor met on Monday.\n", "Bree, Eriador \xe2\x80\x94 "},
        {"Talks resume\n\nWashington/Bree \xe2\x80\x94 Gondor and Arnor met on Monday.\n", "Washington/Bree \xe2\x80\x94 "},
        /* in ordinary case with a day and the agency in brackets */
        {"Talks resume\n\nBree, 4 June (Gazette) - Gondor and Arnor met on Monday.\n", "Bree, 4 June (Gazette) - "},
        {"Talks resume\n\nBree, Eriador, June 4, 2024 (Gazette) -- Gondor and Arnor met on Monday.\n",
         "Bree, Eriador, June 4, 2024 (Gazette) -- "},
        /* a place alone before a known agency */
        {"Talks resume\n\nBree (AFP) - Gondor and Arnor met on Monday.\n", "Bree (AFP) - "},
    };
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_SENTENCES);
    dyad_analysis a;
    char buf[256];
    for (size_t k = 0; k < sizeof stories / sizeof *stories; k++) {
        CHECK_INT(dyad_analyze_text(p, stories[k][0], strlen(stories[k][0]), &a), 0);
        CHECK_STR(part_kinds(&a, buf, sizeof buf), "headline dateline body");
        if (a.nparts == 3)
            CHECK_INT(a.parts[1].end - a.parts[1].start, strlen(stories[k][1]));
    }
    /* capitalised words without a dash, or a sentence, are body text */
    static const char *const bodies[] = {
        "Talks resume\n\nGondor and Arnor met on Monday - and agreed.\n",
        "Talks resume\n\nThe Gondor Council Of Elders Met - briefly.\n",
        "Talks resume\n\nGondor and Arnor (the northern kingdom) - met on Monday.\n",
        /* a name, its abbreviation and a dash in a sentence */
        "Talks resume\n\nThe Gondor Defence Forces (GDF) - which lost ten men - attacked Arnor.\n",
        "Talks resume\n\nBree (Gazette) - Gondor and Arnor met on Monday.\n",
    };
    for (size_t k = 0; k < sizeof bodies / sizeof *bodies; k++) {
        CHECK_INT(dyad_analyze_text(p, bodies[k], strlen(bodies[k]), &a), 0);
        CHECK_STR(part_kinds(&a, buf, sizeof buf), "headline body");
    }
    dyad_pipeline_free(p);
}

static void text_layout_of_the_seed_article(tctx *t)
{
    char path[512];
    snprintf(path, sizeof path, "%s/seed/us-russia-security-guarantees.txt", shared_dir());
    size_t len;
    char *text = read_file(path, &len);
    CHECK(text != NULL);
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_SENTENCES);
    dyad_analysis a;
    char buf[512];
    CHECK_INT(dyad_analyze_text(p, text, len, &a), 0);
    CHECK_STR(part_kinds(&a, buf, sizeof buf),
              "headline subheadline byline body body body body body body boilerplate");
    size_t counts[6] = {0};
    for (size_t k = 0; k < a.nsentences; k++) counts[a.sentences[k].part]++;
    CHECK_INT(counts[DYAD_PART_HEADLINE], 1);
    CHECK_INT(counts[DYAD_PART_BYLINE], 1);
    CHECK_INT(counts[DYAD_PART_BODY], 14);
    CHECK_INT(counts[DYAD_PART_BOILERPLATE], 2);
    /* the body's first sentence starts right after the byline */
    const dyad_sentence *first = NULL;
    for (size_t k = 0; k < a.nsentences && !first; k++)
        if (a.sentences[k].part == DYAD_PART_BODY) first = &a.sentences[k];
    CHECK(first && memcmp(text + first->start, "The United States announced", 27) == 0);
    /* Blinken's two quoted sentences joined by "adding" stay one sentence */
    int found = 0;
    for (size_t k = 0; k < a.nsentences; k++) {
        const dyad_sentence *s = &a.sentences[k];
        if (memcmp(text + s->start, "On the 26th", 11) == 0) {
            found = 1;
            CHECK(memcmp(text + s->end - 12, "document.\xE2\x80\x9D", 12) == 0 ||
                  memcmp(text + s->end - 10, "document.\"", 10) == 0);
        }
    }
    CHECK(found);
    dyad_pipeline_free(p);
    free(text);
}

static void text_hostile_input_is_handled_in_linear_time(tctx *t)
{
    /* 10 MB of words with no punctuation, no newline */
    size_t n = 10u << 20;
    char *big = malloc(n + 1);
    CHECK(big != NULL);
    for (size_t i = 0; i < n; i++) big[i] = (i % 7 == 6) ? ' ' : (char)('a' + i % 5);
    big[n] = 0;
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_SENTENCES);
    dyad_analysis a;
    clock_t c0 = clock();
    CHECK_INT(dyad_analyze_text(p, big, n, &a), 0);
    double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
    CHECK(a.nsentences > 1000); /* cut into bounded sentences */
    /* generous: linear work takes well under a second even under ASan */
    CHECK(secs < 20.0);
    /* 10 MB without a single space: tokens are cut, still linear */
    memset(big, 'x', n);
    CHECK_INT(dyad_analyze_text(p, big, n, &a), 0);
    CHECK(a.nsentences >= 1);
    /* invalid UTF-8 and NUL bytes: replaced and counted, never a crash */
    const char bad[] = "Russia\xFF\xFE said\0 it \xC3 would \xE2\x80 talk.";
    CHECK_INT(dyad_analyze_text(p, bad, sizeof bad - 1, &a), 0);
    CHECK_INT(a.repaired_bytes, 5);
    CHECK_INT(a.nsentences, 1);
    CHECK_STR(a.sentences[0].tokens[0].norm, "Russia\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(a.sentences[0].tokens[0].flags & DYAD_TOKEN_REPAIRED);
    /* empty and blank input */
    CHECK_INT(dyad_analyze_text(p, "", 0, &a), 0);
    CHECK_INT(a.nsentences, 0);
    CHECK_INT(dyad_analyze_text(p, " \n\n\t ", 5, &a), 0);
    CHECK_INT(a.nsentences, 0);
    dyad_pipeline_free(p);
    free(big);
}

void suite_text(tctx *t)
{
    RUN(t, text_tokens_follow_the_treebank);
    RUN(t, text_offsets_point_into_the_original);
    RUN(t, text_sentences_survive_news_english);
    RUN(t, text_layout_of_a_wire_story);
    RUN(t, text_datelines_of_several_places);
    RUN(t, text_layout_of_the_seed_article);
    RUN(t, text_hostile_input_is_handled_in_linear_time);
}
