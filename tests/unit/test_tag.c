/* test_tag.c -- the part-of-speech tagger: tags of hand-made sentences,
 * robustness on odd input, and agreement with the tags of the parse trees
 * shipped with PETRARCH (CoreNLP output, a silver standard). */
#include "harness.h"
#include "internal.h"
#include <stdlib.h>

/* Tags a space-separated sentence and compares with space-separated Penn
 * tags; an expected "A|B" accepts either. */
static int tags_match(tctx *t, const char *sentence, const char *expected)
{
    char buf[1024], exp[1024];
    const char *words[128];
    uint8_t tags[128];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", sentence);
    snprintf(exp, sizeof exp, "%s", expected);
    for (char *w = strtok(buf, " "); w && n < 128; w = strtok(NULL, " ")) words[n++] = w;
    arena a;
    arena_init(&a);
    int rc = tagger_tag(&a, words, n, tags);
    int ok = rc == 0;
    char *save = NULL;
    size_t i = 0;
    for (char *e = strtok_r(exp, " ", &save); e; e = strtok_r(NULL, " ", &save), i++) {
        if (i >= n) { ok = 0; break; }
        const char *got = dyad_tag_name((dyad_tag)tags[i]);
        int match = 0;
        for (char *alt = e; alt && !match;) {
            char *bar = strchr(alt, '|');
            size_t len = bar ? (size_t)(bar - alt) : strlen(alt);
            match = strlen(got) == len && memcmp(got, alt, len) == 0;
            alt = bar ? bar + 1 : NULL;
        }
        if (!match) {
            tctx_fail(t, __FILE__, __LINE__, "\"%s\": word %zu \"%s\" tagged %s, expected %s",
                      sentence, i, words[i], got, e);
            ok = 0;
        }
    }
    if (i != n) ok = 0;
    arena_free(&a);
    return ok;
}

#define TAGS(s, e) do { if (!tags_match(t, (s), (e))) return; } while (0)

static void tag_simple_sentences(tctx *t)
{
    TAGS("The United States delivered a written response to Russia .",
         "DT NNP NNPS VBD DT JJ|VBN NN TO NNP .");
    TAGS("He said talks would resume .", "PRP VBD NNS MD VB .");
    TAGS("Rebels attacked a police station in the capital on Sunday , killing 12 people .",
         "NNS VBD DT NN NN IN DT NN IN NNP , VBG CD NNS .");
    TAGS("She gave her speech and thanked her .", "PRP VBD PRP$ NN CC VBD PRP .");
    TAGS("The minister 's visit was postponed .", "DT NN POS NN VBD VBN .");
    TAGS("Officials did n't comment .", "NNS VBD RB VB .");
}

static void tag_punctuation_and_numbers(tctx *t)
{
    TAGS("`` We will not accept it , '' he said ; prices rose 2.5 % ( to $ 1,200 ) -- again ?",
         "`` PRP MD RB VB PRP , '' PRP VBD : NNS VBD CD NN -LRB- TO $ CD -RRB- : RB .");
    TAGS("-LRB- In 1990s -RRB- ...", "-LRB- IN CD -RRB- :");
    /* names in other scripts or with accents; currency signs */
    TAGS("He visited \xC3\x85lesund and \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 and paid \xE2\x82\xAC 5 .",
         "PRP VBD NNP CC NNP CC VBD|VBN $ CD .");
}

static void tag_capitalisation(tctx *t)
{
    /* unknown capitalised words in mid-sentence are names; a known common
     * word capitalised in mid-sentence is part of a name */
    TAGS("Officials in Zorblatt met Prime Minister Quonx on Tuesday .",
         "NNS IN NNP VBD NNP NNP NNP IN NNP .");
    /* lower case rules out a proper noun; "may" is then the modal */
    TAGS("Talks may resume in May .", "NNS MD VB IN NNP .");
    /* unknown lower-case words fall to the suffix model */
    TAGS("The rebels were blorgifying the snarfulations .", "DT NNS VBD VBG DT NNS .");
    TAGS("NATO and the UN condemned the attack .", "NNP CC DT NNP VBD DT NN .");
}

/* Mistakes a trigram model makes that matter to the chunker, mended after
 * decoding: a plural noun ending a compound before a participle, a plural
 * after an article, a participle after "have", and plurals naming people
 * that the lexicon lists as verbs only. */
static void tag_repairs(tctx *t)
{
    TAGS("The security guarantee demands previously sent by Russia were rejected .",
         "DT NN NN NNS RB VBN IN NNP VBD VBN .");
    TAGS("The inspectors want to leave .", "DT NNS VBP TO VB .");
    TAGS("Iran allowed IAEA inspectors to install cameras .", "NNP VBD NNP NNS TO VB NNS .");
    TAGS("Arnor has celebrated Eid .", "NNP VBZ VBN NNP .");
    /* a verb of saying stays a verb */
    TAGS("The ministry says detained protesters were freed .", "DT NN VBZ VBN NNS VBD VBN .");
}

static void tag_odd_input(tctx *t)
{
    arena a;
    arena_init(&a);
    uint8_t tags[8];
    CHECK_INT(tagger_tag(&a, NULL, 0, tags), 0);
    char longw[300];
    memset(longw, 'x', sizeof longw - 1);
    longw[sizeof longw - 1] = 0;
    longw[0] = 'X';
    const char *odd[] = {"", longw, "\xEF\xBF\xBD", "----", "a-b-c-d-e-f-g-h", "I"};
    CHECK_INT(tagger_tag(&a, odd, 6, tags), 0);
    for (int i = 0; i < 6; i++) CHECK(tags[i] > DYAD_TAG_NONE && tags[i] < DYAD_TAG_COUNT);
    CHECK_INT(tags[5], DYAD_TAG_PRP);
    /* one "sentence" far longer than the decoding window: linear time,
     * bounded scratch, and windows join without losing tags */
    size_t n = 50000;
    const char **w = malloc(n * sizeof *w);
    uint8_t *tg = malloc(n);
    CHECK(w && tg);
    static const char *const pat[] = {"the", "man", "saw", "a", "dog", "and"};
    for (size_t i = 0; i < n; i++) w[i] = pat[i % 6];
    arena_reset(&a);
    CHECK_INT(tagger_tag(&a, w, n, tg), 0);
    CHECK(a.used_total < (size_t)1 << 20);
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        static const uint8_t want[] = {DYAD_TAG_DT, DYAD_TAG_NN, DYAD_TAG_VBD,
                                       DYAD_TAG_DT, DYAD_TAG_NN, DYAD_TAG_CC};
        bad += tg[i] != want[i % 6];
    }
    CHECK_INT(bad, 0);
    free(w);
    free(tg);
    arena_free(&a);
}

/* ---- agreement with PETRARCH's parse trees ---------------------------- */

typedef struct corpus {
    char **words;
    uint8_t *gold;
    size_t n, cap;
    size_t *sent;  /* start of each sentence; sent[nsent] = n */
    size_t nsent, scap;
} corpus;

static void corpus_push(corpus *c, const char *w, size_t wl, const char *tag, size_t tl)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 1024;
        c->words = realloc(c->words, c->cap * sizeof *c->words);
        c->gold = realloc(c->gold, c->cap);
    }
    char *s = malloc(wl + 1);
    size_t o = 0;
    for (size_t i = 0; i < wl; i++) {
        static const struct { const char *ent; char c; } ents[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        int done = 0;
        for (size_t e = 0; e < sizeof ents / sizeof *ents && !done; e++) {
            size_t el = strlen(ents[e].ent);
            if (i + el <= wl && memcmp(w + i, ents[e].ent, el) == 0) {
                s[o++] = ents[e].c;
                i += el - 1;
                done = 1;
            }
        }
        if (!done) s[o++] = w[i];
    }
    s[o] = 0;
    /* PETRARCH marks auxiliaries; they are verbs in Penn's set */
    static const struct { const char *aux, *penn; } aux[] = {
        {"AUXD", "VBD"}, {"AUXZ", "VBZ"}, {"AUXP", "VBP"}, {"AUXB", "VB"},
        {"AUXN", "VBN"}, {"AUXG", "VBG"}};
    for (size_t i = 0; i < sizeof aux / sizeof *aux; i++)
        if (tl == 4 && memcmp(tag, aux[i].aux, 4) == 0) { tag = aux[i].penn; tl = strlen(tag); }
    c->words[c->n] = s;
    c->gold[c->n++] = (uint8_t)dyad_tag_from_name(tag, tl);
}

static void corpus_sentence(corpus *c)
{
    if (c->nsent + 2 > c->scap) {
        c->scap = c->scap ? c->scap * 2 : 256;
        c->sent = realloc(c->sent, c->scap * sizeof *c->sent);
    }
    c->sent[c->nsent++] = c->n;
}

static int is_atom(char ch) { return ch && ch != ' ' && ch != '\n' && ch != '\t' && ch != '\r' && ch != '(' && ch != ')'; }

/* Leaves are "(TAG word)": an opening bracket, an atom, one space, an
 * atom and a closing bracket. */
static int load_parses(corpus *c, const char *path)
{
    char *text = read_file(path, NULL);
    if (!text) return 0;
    for (char *p = strstr(text, "<Parse>"); p; p = strstr(p, "<Parse>")) {
        char *end = strstr(p, "</Parse>");
        if (!end) break;
        corpus_sentence(c);
        for (char *q = p; q < end; q++) {
            if (*q != '(') continue;
            char *tg = q + 1, *x = tg;
            while (is_atom(*x)) x++;
            if (x == tg || *x != ' ') continue;
            char *w = x + 1, *y = w;
            while (is_atom(*y)) y++;
            if (y == w || *y != ')') continue;
            corpus_push(c, w, (size_t)(y - w), tg, (size_t)(x - tg));
            q = y;
        }
        p = end;
    }
    c->sent[c->nsent] = c->n;
    free(text);
    return 1;
}

static void tag_agrees_with_petrarch_parses(tctx *t)
{
    corpus c = {0};
    char path[1024];
    snprintf(path, sizeof path, "%s/peers/petrarch2/text/GigaWord.sample.PETR.xml", shared_dir());
    CHECK(load_parses(&c, path));
    snprintf(path, sizeof path, "%s/peers/petrarch2/text/PETR.UnitTest.records.xml", shared_dir());
    CHECK(load_parses(&c, path));
    CHECK(c.n > 5000);
    uint8_t *ours = malloc(c.n);
    arena a;
    arena_init(&a);
    static unsigned confusion[DYAD_TAG_COUNT][DYAD_TAG_COUNT];
    memset(confusion, 0, sizeof confusion);
    size_t agree = 0;
    for (size_t s = 0; s < c.nsent; s++) {
        size_t from = c.sent[s], to = c.sent[s + 1];
        arena_reset(&a);
        CHECK_INT(tagger_tag(&a, (const char *const *)c.words + from, to - from, ours + from), 0);
        for (size_t i = from; i < to; i++) {
            agree += ours[i] == c.gold[i];
            confusion[c.gold[i]][ours[i]]++;
            if (getenv("DYAD_TAG_VERBOSE") && ours[i] != c.gold[i])
                printf("    %s: %s -> %s\n", c.words[i], dyad_tag_name((dyad_tag)c.gold[i]),
                       dyad_tag_name((dyad_tag)ours[i]));
        }
    }
    double acc = (double)agree / (double)c.n;
    printf("  tag: %zu sentences, %zu tokens, agreement %.2f%%; top confusions (gold->ours):",
           c.nsent, c.n, 100 * acc);
    for (int k = 0; k < 12; k++) {
        unsigned best = 0;
        int bg = 0, bo = 0;
        for (int g = 0; g < DYAD_TAG_COUNT; g++)
            for (int o = 0; o < DYAD_TAG_COUNT; o++)
                if (g != o && confusion[g][o] > best) { best = confusion[g][o]; bg = g; bo = o; }
        if (!best) break;
        printf(" %s->%s %u", dyad_tag_name((dyad_tag)bg), dyad_tag_name((dyad_tag)bo), best);
        confusion[bg][bo] = 0;
    }
    printf("\n");
    arena_free(&a);
    for (size_t i = 0; i < c.n; i++) free(c.words[i]);
    free(c.words);
    free(c.gold);
    free(c.sent);
    free(ours);
    CHECK(acc >= 0.9625); /* 96.07% before the repairs */
}

/* Headlines in title case capitalise verbs too; read as a sentence, the
 * capitals would make "Agree" and "Resume" names, and the coder would
 * find no verb in the headline. */
static void tag_title_case_headlines(tctx *t)
{
    static const char text[] =
        "Japan and South Korea Agree to Resume Security Talks\n\n"
        "Japan and South Korea agreed on Tuesday to resume regular security talks, "
        "officials said in a joint statement issued in Seoul.\n";
    dyad_pipeline *p = dyad_pipeline_new(DYAD_LEVEL_TAGS);
    dyad_analysis an;
    CHECK_INT(dyad_analyze_text(p, text, sizeof text - 1, &an), 0);
    CHECK(an.nsentences >= 2);
    const dyad_sentence *h = &an.sentences[0];
    CHECK_INT(h->part, DYAD_PART_HEADLINE);
    CHECK_INT(h->ntokens, 9);
    CHECK(h->tokens[4].tag == DYAD_TAG_VBP || h->tokens[4].tag == DYAD_TAG_VB); /* Agree */
    CHECK_INT(h->tokens[6].tag, DYAD_TAG_VB);                                    /* Resume */
    CHECK_INT(h->tokens[0].tag, DYAD_TAG_NNP);                                   /* Japan */
    const char *words[] = {"Japan", "and", "South", "Korea", "Agree", "to", "Resume"};
    CHECK(tagger_is_title_case(words, 7));
    const char *plain[] = {"Japan", "and", "South", "Korea", "agreed", "to", "resume", "talks"};
    CHECK(!tagger_is_title_case(plain, 8));
    dyad_pipeline_free(p);
}

void suite_tag(tctx *t)
{
    RUN(t, tag_title_case_headlines);
    RUN(t, tag_simple_sentences);
    RUN(t, tag_punctuation_and_numbers);
    RUN(t, tag_capitalisation);
    RUN(t, tag_repairs);
    RUN(t, tag_odd_input);
    RUN(t, tag_agrees_with_petrarch_parses);
}
