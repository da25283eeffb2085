/* test_quote.c -- quotations and speakers in our own sentences (src/quote/). */
#include "harness.h"
#include "quote/quote.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct found {
    dyad_pipeline *p;
    arena a;
    dyad_analysis an;
    quote *q;
    long n;
    const char *text;
} found;

static void find_all(found *f, const char *text)
{
    f->text = text;
    f->p = dyad_pipeline_new(DYAD_LEVEL_CHUNKS);
    arena_init(&f->a);
    dyad_document doc = {0};
    doc.id = "t";
    doc.text = text;
    doc.len = strlen(text);
    dyad_analyze(f->p, &doc, &f->an);
    f->n = quote_find(&f->a, &f->an, &f->q);
}

static void found_free(found *f)
{
    arena_free(&f->a);
    dyad_pipeline_free(f->p);
}

/* "kind|speaker|text" of quote i. */
static const char *show(const found *f, long i, char *buf, size_t cap)
{
    if (i >= f->n) return "missing";
    const quote *q = &f->q[i];
    snprintf(buf, cap, "%s|%.*s|%.*s", quote_kind_name(q->kind),
             q->has_speaker ? (int)(q->speaker.end - q->speaker.start) : 1,
             q->has_speaker ? f->text + q->speaker.start : "?", (int)(q->text.end - q->text.start),
             f->text + q->text.start);
    return buf;
}

#define QUOTE(i, want) CHECK_STR(show(&f, (i), buf, sizeof buf), (want))

static void quote_direct_forms(tctx *t)
{
    char buf[512];
    found f;
    find_all(&f, "Allies Pledge Support\n\n"
                 "\"We will not abandon our partners,\" the Arnorian foreign minister said on Monday.\n\n"
                 "Gondor's president told reporters: \"The border stays closed.\"\n\n"
                 "\"Talks are over,\" said Elrond Halfelven, the chief negotiator.\n");
    CHECK_INT(f.n, 3);
    QUOTE(0, "direct|the Arnorian foreign minister|We will not abandon our partners,");
    QUOTE(1, "direct|Gondor's president|The border stays closed.");
    QUOTE(2, "direct|Elrond Halfelven|Talks are over,");
    found_free(&f);
}

static void quote_split_and_continued(tctx *t)
{
    char buf[512];
    found f;
    find_all(&f, "Envoys Meet\n\n"
                 "Foreign Minister Aragorn Elessar stated at a press conference, \"We have delivered "
                 "a written reply,\" adding, \"It answers every concern.\"\n\n"
                 "He continued, \"The ball is in their court.\"\n\n"
                 "\"We stand ready. We will not wait forever.\n\n"
                 "\"The offer stands until March,\" he said.\n");
    CHECK(f.n >= 4);
    QUOTE(0, "direct|Foreign Minister Aragorn Elessar|We have delivered a written reply,");
    QUOTE(1, "direct|Foreign Minister Aragorn Elessar|It answers every concern.");
    /* A pronoun speaker is the last one named. */
    QUOTE(2, "direct|Foreign Minister Aragorn Elessar|The ball is in their court.");
    /* Over two sentences and two paragraphs, the second opening with a
     * mark again: one quote. */
    CHECK(f.q[3].first_sentence < f.q[3].last_sentence);
    CHECK(f.q[3].has_speaker);
    found_free(&f);
    /* A quotation that is a sentence of its own, right after one with a
     * speaker in the same paragraph, goes on in that voice; not in the next
     * paragraph, nor when the sentence has words of its own outside it. */
    find_all(&f, "Envoys Meet\n\n"
                 "\"We have delivered a written reply,\" Elessar said. \"It answers every concern.\"\n\n"
                 "\"The ball is in their court.\"\n\n"
                 "\"We stand ready,\" Elessar said. The envoys left. \"Talks are over\" was the headline.\n");
    CHECK_INT(f.n, 5);
    QUOTE(0, "direct|Elessar|We have delivered a written reply,");
    QUOTE(1, "direct|Elessar|It answers every concern.");
    QUOTE(2, "direct|?|The ball is in their court.");
    QUOTE(4, "direct|?|Talks are over");
    found_free(&f);
}

static void quote_speaker_with_appositive(tctx *t)
{
    char buf[512];
    found f;
    find_all(&f, "Envoys Meet\n\n"
                 "\"We stand with the people of Arnor,\" Aragorn Elessar, the Gondorian envoy to Arnor, "
                 "said on Monday.\n");
    CHECK(f.n >= 1);
    QUOTE(0, "direct|Aragorn Elessar, the Gondorian envoy to Arnor|We stand with the people of Arnor,");
    found_free(&f);
}

static void quote_reported(tctx *t)
{
    char buf[512];
    found f;
    find_all(&f, "Talks Stall\n\n"
                 "The Gondorian defence minister said on Tuesday that troops would stay in the north.\n\n"
                 "Arnor's envoy told reporters that the talks had stalled.\n\n"
                 "According to Rohan's state news agency, the border was closed overnight.\n\n"
                 "The army withdrew two brigades, according to officials in Minas Tirith.\n");
    CHECK_INT(f.n, 4);
    QUOTE(0, "indirect|The Gondorian defence minister|troops would stay in the north");
    QUOTE(1, "indirect|Arnor's envoy|the talks had stalled");
    QUOTE(2, "according_to|Rohan's state news agency|the border was closed overnight");
    QUOTE(3, "according_to|officials|The army withdrew two brigades");
    found_free(&f);
}

static void quote_not_speech(tctx *t)
{
    found f;
    find_all(&f, "Troops Move\n\nThe army moved two brigades to the border on Tuesday.\n\n"
                 "Officials met in the capital.\n");
    CHECK_INT(f.n, 0);
    found_free(&f);
}

/* Hostile: thousands of unbalanced marks stay linear and keep offsets
 * inside the text. */
static void quote_hostile(tctx *t)
{
    size_t n = 20000, len = 0;
    char *text = malloc(n * 6 + 1);
    CHECK(text != NULL);
    for (size_t i = 0; i < n; i++) {
        memcpy(text + len, i % 3 ? "\"a b " : "said ", 5);
        len += 5;
    }
    text[len] = 0;
    found f;
    find_all(&f, text);
    CHECK(f.n >= 0);
    for (long i = 0; i < f.n; i++) CHECK(f.q[i].text.start <= f.q[i].text.end && f.q[i].text.end <= len);
    found_free(&f);
    free(text);
}

void suite_quote(tctx *t)
{
    RUN(t, quote_direct_forms);
    RUN(t, quote_split_and_continued);
    RUN(t, quote_speaker_with_appositive);
    RUN(t, quote_reported);
    RUN(t, quote_not_speech);
    RUN(t, quote_hostile);
}
