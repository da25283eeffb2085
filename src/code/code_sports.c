/*
 * code_sports.c -- whether a story is a sports report.
 *
 * A game report is written in the words of conflict: "Ottawa beat
 * Detroit", "the Wild attacked the net", "Brazil crushed Chile".  With
 * cities and countries as team names, every such sentence codes as an
 * assault between states, and general news feeds carry many of them (a
 * known plague of GDELT's tables).  So with dyad's own dictionaries a
 * story whose words read as a sports report codes no event.
 *
 * The test is a weighted count of words that belong to sport reporting,
 * per 100 words of the story: words that hardly occur elsewhere
 * ("goaltender", "touchdown", "playoffs", league names) weigh 2, words
 * that sport shares with politics ("coach", "season", "match", "scored")
 * weigh 1/2, and a score such as "4-1" weighs 1.  A story is a sports
 * report when the weight reaches SPORTS_DENSITY per 100 words, at least
 * SPORTS_MIN_WEIGHT in all, from at least SPORTS_MIN_DISTINCT different
 * words, one of them at least a word of sport alone or three scores (a
 * table of results): the shared words and a score are as much a
 * political story's ("the Arab League's goal", "scores were killed", "the
 * motion passed 18-3", "a political game").  Nor is a story a sports
 * report when words of public order and government ("police",
 * "detained", "minister", "troops") weigh as much as its sport: violence
 * at a match, a stadium used for detentions, a boycott of the Games are
 * news to code.  Political stories that mention a match, a stadium or the World
 * Cup stay far below: on the real articles we measure with (political and
 * general news), none exceeds 1 per 100 words; game reports, round-ups
 * and sports commentary reach 2 to 17.  Stories under SPORTS_MIN_WORDS
 * words, and sentence-per-record corpora, are never judged: a sentence
 * alone says too little.
 */
#include "code.h"
#include <stdlib.h>
#include <string.h>

#define SPORTS_DENSITY 2.0      /* weight per 100 words                  */
#define SPORTS_MIN_WEIGHT 4.0
#define SPORTS_MIN_DISTINCT 3
#define SPORTS_MIN_WORDS 40

typedef struct sports_word {
    const char *lemma;
    unsigned char weight2; /* twice the weight: 4 strong, 1 shared; 0 for a
                            * word of public order and government */
} sports_word;

/* Sorted by lemma (bsearch); lemmas as the tagger gives them, so plurals
 * fold to the singular and verbs to the base form. */
static const sports_word words[] = {
    {"arrest", 0},         {"assist", 1},         {"atp", 4},            {"batsman", 4},
    {"batsmen", 4},        {"bowler", 4},         {"champion", 1},       {"championship", 1},
    {"coach", 1},          {"defenseman", 4},     {"defensemen", 4},     {"detain", 0},
    {"fan", 1},            {"fifa", 4},           {"game", 1},           {"goal", 1},
    {"goalie", 4},         {"goalkeeper", 4},     {"goaltender", 4},     {"government", 0},
    {"halftime", 4},       {"hat-trick", 4},      {"homer", 4},          {"inning", 4},
    {"innings", 4},        {"lawmaker", 0},       {"league", 1},         {"match", 1},
    {"midfielder", 4},     {"minister", 0},       {"ministry", 0},       {"mlb", 4},
    {"mls", 4},            {"nba", 4},            {"nfl", 4},            {"nhl", 4},
    {"officer", 0},        {"overtime", 4},       {"parliament", 0},     {"pga", 4},
    {"pitcher", 4},        {"playoff", 4},        {"playoffs", 4},       {"police", 0},
    {"postseason", 4},     {"preseason", 4},      {"protester", 0},      {"quarter-final", 4},
    {"quarterback", 4},    {"quarterfinal", 4},   {"rebound", 1},        {"roster", 1},
    {"score", 1},          {"scorer", 1},         {"season", 1},         {"semi-final", 4},
    {"semifinal", 4},      {"soldier", 0},        {"squad", 1},          {"stadium", 1},
    {"strikeout", 4},      {"striker", 4},        {"teammate", 4},       {"tiebreaker", 4},
    {"touchdown", 4},      {"tournament", 1},     {"troop", 0},          {"uefa", 4},
    {"unbeaten", 4},       {"wicket", 4},         {"wnba", 4},           {"wta", 4},
};

static int cmp_word(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const sports_word *)elem)->lemma);
}

/* "4-1", "24-17": a game's score (not "9-11" or a year range: both
 * sides at most three digits). */
static bool game_score(const char *s)
{
    size_t a = strspn(s, "0123456789");
    if (a == 0 || a > 3 || s[a] != '-') return false;
    size_t b = strspn(s + a + 1, "0123456789");
    return b > 0 && b <= 3 && s[a + 1 + b] == 0;
}

bool code_sports_report(const dyad_analysis *an)
{
    if (!an->doc || an->doc->is_sentence) return false;
    size_t nwords = 0;
    unsigned weight2 = 0, distinct = 0, strong = 0, scores = 0, public_order = 0;
    /* which listed words were seen, and whether a score was */
    unsigned char seen[sizeof words / sizeof *words + 1];
    memset(seen, 0, sizeof seen);
    for (size_t i = 0; i < an->nsentences; i++) {
        const dyad_sentence *ds = &an->sentences[i];
        if (!code_coded_part(ds->part)) continue;
        for (size_t t = 0; t < ds->ntokens; t++) {
            const dyad_token *tok = &ds->tokens[t];
            const char *l = tok->lemma ? tok->lemma : tok->norm;
            if (!l || !l[0]) continue;
            if (game_score(l)) {
                nwords++;
                weight2 += 2;
                scores++;
                if (!seen[sizeof words / sizeof *words]) distinct++;
                seen[sizeof words / sizeof *words] = 1;
                continue;
            }
            if (!((l[0] >= 'a' && l[0] <= 'z') || (l[0] >= 'A' && l[0] <= 'Z'))) continue;
            nwords++;
            const sports_word *sw = bsearch(l, words, sizeof words / sizeof *words, sizeof *words, cmp_word);
            if (!sw) continue;
            if (sw->weight2 == 0) {
                public_order++;
                continue;
            }
            weight2 += sw->weight2;
            strong += sw->weight2 >= 4;
            if (!seen[sw - words]) distinct++;
            seen[sw - words] = 1;
        }
    }
    if (nwords < SPORTS_MIN_WORDS) return false;
    double weight = weight2 / 2.0;
    return (strong > 0 || scores >= 3) && weight > (double)public_order && weight >= SPORTS_MIN_WEIGHT &&
           distinct >= SPORTS_MIN_DISTINCT && 100.0 * weight / (double)nwords >= SPORTS_DENSITY;
}
