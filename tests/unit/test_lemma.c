/* test_lemma.c -- the lemmatiser: WordNet's exceptions and rules, what
 * dyad adds to them, and safety on hostile input. */
#include "harness.h"
#include "internal.h"

typedef struct lemma_case {
    const char *word;
    dyad_tag tag;
    const char *lemma;
} lemma_case;

/* Runs a table of cases; a failure names the word, its tag and both
 * lemmas, so that one CHECK explains every case. */
#define CHECK_LEMMAS(cases) do { \
    for (size_t i_ = 0; i_ < sizeof (cases) / sizeof *(cases); i_++) { \
        char buf_[80]; \
        const lemma_case *c_ = &(cases)[i_]; \
        size_t n_ = dyad_lemmatize(c_->word, strlen(c_->word), c_->tag, buf_, sizeof buf_); \
        if (strcmp(buf_, c_->lemma) != 0 || n_ != strlen(buf_)) { \
            tctx_fail(t, __FILE__, __LINE__, "%s/%s -> \"%s\" (len %zu), expected \"%s\"", \
                      c_->word, dyad_tag_name(c_->tag), buf_, n_, c_->lemma); \
            return; \
        } \
    } } while (0)

static void lemma_irregular_forms_come_from_exception_lists(tctx *t)
{
    static const lemma_case cases[] = {
        {"went", DYAD_TAG_VBD, "go"},        {"said", DYAD_TAG_VBD, "say"},
        {"held", DYAD_TAG_VBN, "hold"},      {"made", DYAD_TAG_VBD, "make"},
        {"was", DYAD_TAG_VBD, "be"},         {"were", DYAD_TAG_VBD, "be"},
        {"is", DYAD_TAG_VBZ, "be"},          {"am", DYAD_TAG_VBP, "be"},
        {"are", DYAD_TAG_VBP, "be"},         {"been", DYAD_TAG_VBN, "be"},
        {"being", DYAD_TAG_VBG, "be"},       {"has", DYAD_TAG_VBZ, "have"},
        {"had", DYAD_TAG_VBD, "have"},       {"having", DYAD_TAG_VBG, "have"},
        {"does", DYAD_TAG_VBZ, "do"},        {"did", DYAD_TAG_VBD, "do"},
        {"done", DYAD_TAG_VBN, "do"},        {"left", DYAD_TAG_VBD, "leave"},
        {"fled", DYAD_TAG_VBD, "flee"},      {"'s", DYAD_TAG_VBZ, "be"},
        {"'re", DYAD_TAG_VBP, "be"},         {"'ve", DYAD_TAG_VBP, "have"},
        {"men", DYAD_TAG_NNS, "man"},        {"children", DYAD_TAG_NNS, "child"},
        {"women", DYAD_TAG_NNS, "woman"},    {"crises", DYAD_TAG_NNS, "crisis"},
        {"analyses", DYAD_TAG_NNS, "analysis"}, {"wolves", DYAD_TAG_NNS, "wolf"},
        {"best", DYAD_TAG_JJS, "good"},      {"worse", DYAD_TAG_JJR, "bad"},
        /* WordNet lists "instal install"; news spells it with -ll */
        {"installed", DYAD_TAG_VBD, "install"},
    };
    CHECK_LEMMAS(cases);
}

static void lemma_verb_suffix_rules(tctx *t)
{
    static const lemma_case cases[] = {
        {"talks", DYAD_TAG_VBZ, "talk"},      /* s -> ""   */
        {"tries", DYAD_TAG_VBZ, "try"},       /* ies -> y  */
        {"uses", DYAD_TAG_VBZ, "use"},        /* es -> e   */
        {"fixes", DYAD_TAG_VBZ, "fix"},       /* es -> ""  */
        {"goes", DYAD_TAG_VBZ, "go"},
        {"wanted", DYAD_TAG_VBD, "want"},     /* ed -> ""  */
        {"ruled", DYAD_TAG_VBD, "rule"},      /* ed -> e   */
        {"attacking", DYAD_TAG_VBG, "attack"},/* ing -> "" */
        {"causing", DYAD_TAG_VBG, "cause"},   /* ing -> e  */
        {"applied", DYAD_TAG_VBN, "apply"},   /* ied -> y  */
        {"tied", DYAD_TAG_VBD, "tie"},
        {"dying", DYAD_TAG_VBG, "die"},
        {"tying", DYAD_TAG_VBG, "tie"},       /* ying -> ie */
        {"seeing", DYAD_TAG_VBG, "see"},
    };
    CHECK_LEMMAS(cases);
}

static void lemma_restores_e_and_undoubles_consonants(tctx *t)
{
    static const lemma_case cases[] = {
        {"hoped", DYAD_TAG_VBD, "hope"},     {"hoping", DYAD_TAG_VBG, "hope"},
        {"hopped", DYAD_TAG_VBD, "hop"},     {"agreed", DYAD_TAG_VBD, "agree"},
        {"agreeing", DYAD_TAG_VBG, "agree"}, {"freed", DYAD_TAG_VBN, "free"},
        {"eyed", DYAD_TAG_VBD, "eye"},       {"stared", DYAD_TAG_VBD, "stare"},
        {"starred", DYAD_TAG_VBD, "star"},   {"stopped", DYAD_TAG_VBD, "stop"},
        {"planning", DYAD_TAG_VBG, "plan"},  {"committed", DYAD_TAG_VBN, "commit"},
        {"controlled", DYAD_TAG_VBN, "control"}, {"kidnapped", DYAD_TAG_VBN, "kidnap"},
        /* both "sing" and "singe" exist: no CVC stem, so no e */
        {"singing", DYAD_TAG_VBG, "sing"},
        /* unstressed endings do not double and need no e */
        {"visited", DYAD_TAG_VBD, "visit"},  {"offered", DYAD_TAG_VBD, "offer"},
    };
    CHECK_LEMMAS(cases);
}

static void lemma_noun_suffix_rules(tctx *t)
{
    static const lemma_case cases[] = {
        {"talks", DYAD_TAG_NNS, "talk"},       {"sanctions", DYAD_TAG_NNS, "sanction"},
        {"forces", DYAD_TAG_NNS, "force"},     {"troops", DYAD_TAG_NNS, "troop"},
        {"lies", DYAD_TAG_NNS, "lie"},         {"buses", DYAD_TAG_NNS, "bus"},   /* ses */
        {"taxes", DYAD_TAG_NNS, "tax"},        /* xes */
        {"quizzes", DYAD_TAG_NNS, "quiz"},     /* zzes */
        {"churches", DYAD_TAG_NNS, "church"},  /* ches */
        {"clashes", DYAD_TAG_NNS, "clash"},    /* shes */
        {"chairmen", DYAD_TAG_NNS, "chairman"},/* men */
        {"parties", DYAD_TAG_NNS, "party"},    /* ies */
        {"casualties", DYAD_TAG_NNS, "casualty"},
        {"movies", DYAD_TAG_NNS, "movie"},
        {"ads", DYAD_TAG_NNS, "ad"},
    };
    CHECK_LEMMAS(cases);
}

static void lemma_keeps_known_base_forms(tctx *t)
{
    static const lemma_case cases[] = {
        {"upgrade", DYAD_TAG_VB, "upgrade"}, {"news", DYAD_TAG_NN, "news"},
        {"news", DYAD_TAG_NNS, "news"},      {"gas", DYAD_TAG_NN, "gas"},
        {"gas", DYAD_TAG_NNS, "gas"},        {"bus", DYAD_TAG_NN, "bus"},
        {"crisis", DYAD_TAG_NN, "crisis"},   {"glass", DYAD_TAG_NNS, "glass"},
        {"series", DYAD_TAG_NNS, "series"},  {"species", DYAD_TAG_NNS, "species"},
        {"arms", DYAD_TAG_NNS, "arms"},      {"talks", DYAD_TAG_NN, "talks"},
        {"saw", DYAD_TAG_VB, "saw"},         {"saw", DYAD_TAG_VBD, "see"},
        {"found", DYAD_TAG_VBP, "found"},    {"found", DYAD_TAG_VBD, "find"},
        {"shed", DYAD_TAG_VBD, "shed"},      {"meeting", DYAD_TAG_NN, "meeting"},
    };
    CHECK_LEMMAS(cases);
}

static void lemma_comparatives_and_superlatives(tctx *t)
{
    static const lemma_case cases[] = {
        {"bigger", DYAD_TAG_JJR, "big"},     {"happier", DYAD_TAG_JJR, "happy"},
        {"larger", DYAD_TAG_JJR, "large"},   {"stronger", DYAD_TAG_JJR, "strong"},
        {"latest", DYAD_TAG_JJS, "late"},    {"hottest", DYAD_TAG_JJS, "hot"},
        {"more", DYAD_TAG_JJR, "more"},      {"senior", DYAD_TAG_JJR, "senior"},
        /* JJ itself is not reduced */
        {"bigger", DYAD_TAG_JJ, "bigger"},
    };
    CHECK_LEMMAS(cases);
}

static void lemma_other_tags_are_lower_cased_only(tctx *t)
{
    static const lemma_case cases[] = {
        {"us", DYAD_TAG_PRP, "us"},          {"U.S.", DYAD_TAG_NNP, "u.s."},
        {"Americans", DYAD_TAG_NNPS, "americans"},
        {"States", DYAD_TAG_NNPS, "states"}, {"Talks", DYAD_TAG_NNP, "talks"},
        {"Will", DYAD_TAG_MD, "will"},       {"Could", DYAD_TAG_MD, "could"},
        {"'s", DYAD_TAG_POS, "'s"},          {"Went", DYAD_TAG_NONE, "went"},
        {"WENT", DYAD_TAG_VBD, "go"},        {"Talks", DYAD_TAG_NNS, "talk"},
        {"Stopped", DYAD_TAG_VBD, "stop"},
    };
    CHECK_LEMMAS(cases);
}

static void lemma_unknown_and_hyphenated_words(tctx *t)
{
    static const lemma_case cases[] = {
        {"tweeted", DYAD_TAG_VBD, "tweet"},  {"texting", DYAD_TAG_VBG, "text"},
        {"jihadists", DYAD_TAG_NNS, "jihadist"},
        {"weaponized", DYAD_TAG_VBN, "weaponize"},
        {"blorfed", DYAD_TAG_VB, "blorfed"}, /* a base tag is never guessed */
        {"cease-fires", DYAD_TAG_NNS, "cease-fire"},
        {"re-elected", DYAD_TAG_VBN, "re-elect"},
        {"U.S.-backed", DYAD_TAG_VBN, "u.s.-backed"},
        {"F-16s", DYAD_TAG_NNS, "f-16s"},   {"1990s", DYAD_TAG_NNS, "1990s"},
        {"-", DYAD_TAG_NN, "-"},            {"'", DYAD_TAG_NNS, "'"},
    };
    CHECK_LEMMAS(cases);
}

static void lemma_truncates_at_cap(tctx *t)
{
    char buf[8];
    memset(buf, 'x', sizeof buf);
    CHECK_INT(dyad_lemmatize("Children", 8, DYAD_TAG_NNS, buf, 4), 3);
    CHECK_STR(buf, "chi");
    CHECK(buf[4] == 'x');
    CHECK_INT(dyad_lemmatize("cease-fires", 11, DYAD_TAG_NNS, buf, 6), 5);
    CHECK_STR(buf, "cease");
    CHECK_INT(dyad_lemmatize("went", 4, DYAD_TAG_VBD, buf, 1), 0);
    CHECK_STR(buf, "");
    buf[0] = 'x';
    CHECK_INT(dyad_lemmatize("went", 4, DYAD_TAG_VBD, buf, 0), 0);
    CHECK(buf[0] == 'x');
    /* the word is read only up to len: no NUL needed */
    CHECK_INT(dyad_lemmatize("talksXYZ", 5, DYAD_TAG_NNS, buf, sizeof buf), 4);
    CHECK_STR(buf, "talk");
}

static void lemma_empty_long_and_odd_bytes(tctx *t)
{
    char buf[256];
    CHECK_INT(dyad_lemmatize("", 0, DYAD_TAG_NN, buf, sizeof buf), 0);
    CHECK_STR(buf, "");
    CHECK_INT(dyad_lemmatize(NULL, 0, DYAD_TAG_VBD, buf, sizeof buf), 0);

    /* longer than the tables' longest word: lower-cased, not looked up */
    char longw[200];
    memset(longw, 'A', sizeof longw);
    memcpy(longw + sizeof longw - 2, "ED", 2);
    CHECK_INT(dyad_lemmatize(longw, sizeof longw, DYAD_TAG_VBD, buf, sizeof buf), 200);
    CHECK(buf[0] == 'a' && buf[198] == 'e' && buf[199] == 'd' && buf[200] == 0);
    CHECK_INT(dyad_lemmatize(longw, sizeof longw, DYAD_TAG_VBD, buf, 10), 9);
    CHECK_STR(buf, "aaaaaaaaa");

    /* non-ASCII bytes are copied, ASCII around them lower-cased */
    CHECK_INT(dyad_lemmatize("Caf\xC3\xA9s", 6, DYAD_TAG_NNS, buf, sizeof buf), 6);
    CHECK_STR(buf, "caf\xC3\xA9s");
    CHECK_INT(dyad_lemmatize("\xFF\xFE\x80X", 4, DYAD_TAG_VBD, buf, sizeof buf), 4);
    CHECK_STR(buf, "\xFF\xFE\x80x");
    /* an embedded NUL is just another byte */
    CHECK_INT(dyad_lemmatize("ab\0cd", 5, DYAD_TAG_NNS, buf, sizeof buf), 5);
    CHECK(memcmp(buf, "ab\0cd", 6) == 0);

    /* every byte value in every position under every tag: no crash, the
     * result is NUL-terminated and within cap */
    char w[6];
    for (int tag = 0; tag < DYAD_TAG_COUNT; tag++) {
        for (int b = 0; b < 256; b++) {
            for (size_t pos = 0; pos < sizeof w; pos++) {
                memcpy(w, "tries", 6);
                w[pos] = (char)b;
                for (size_t cap = 1; cap < 9; cap += 7) {
                    size_t n = dyad_lemmatize(w, 6, (dyad_tag)tag, buf, cap);
                    CHECK(n < cap);
                    CHECK(buf[n] == 0);
                }
            }
        }
    }
}

static void lemma_output_can_overwrite_input(tctx *t)
{
    char w[16] = "Children";
    CHECK_INT(dyad_lemmatize(w, 8, DYAD_TAG_NNS, w, sizeof w), 5);
    CHECK_STR(w, "child");
    char longw[100];
    memset(longw, 'Q', sizeof longw);
    CHECK_INT(dyad_lemmatize(longw, 99, DYAD_TAG_NN, longw, sizeof longw), 99);
    CHECK(longw[0] == 'q' && longw[98] == 'q' && longw[99] == 0);
}

void suite_lemma(tctx *t)
{
    RUN(t, lemma_irregular_forms_come_from_exception_lists);
    RUN(t, lemma_verb_suffix_rules);
    RUN(t, lemma_restores_e_and_undoubles_consonants);
    RUN(t, lemma_noun_suffix_rules);
    RUN(t, lemma_keeps_known_base_forms);
    RUN(t, lemma_comparatives_and_superlatives);
    RUN(t, lemma_other_tags_are_lower_cased_only);
    RUN(t, lemma_unknown_and_hyphenated_words);
    RUN(t, lemma_truncates_at_cap);
    RUN(t, lemma_empty_long_and_odd_bytes);
    RUN(t, lemma_output_can_overwrite_input);
}
