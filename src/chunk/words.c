/* words.c -- the closed classes of English words the chunker relies on.
 *
 * Each lookup lower-cases the word into a small buffer and dispatches on the
 * first letter, so that a lookup costs a handful of byte compares: these run
 * on most tokens of every sentence.  Verbs are looked up by lemma and by word
 * form, so the chunker works whether or not the lemmatiser knew the word
 * ("was" -> "be", or just "was"). */
#include "chunk_private.h"

/* Longest word any class below contains, plus room to spare. */
#define WORD_MAX 16

/* Lower-cases s into buf; returns the length, or 0 if s is empty or longer
 * than any closed-class word (such a word is in no class). */
static size_t lower(const char *s, char buf[WORD_MAX])
{
    if (!s) return 0;
    size_t n = 0;
    for (; s[n]; n++) {
        if (n + 1 >= WORD_MAX) return 0;
        buf[n] = (char)ch_lower((unsigned char)s[n]);
    }
    buf[n] = 0;
    return n;
}

#define IS(lit) (n == sizeof(lit) - 1 && memcmp(w, lit, sizeof(lit) - 1) == 0)

static unsigned verb_class_of(const char *w, size_t n)
{
    if (n == 0) return 0;
    switch (w[0]) {
    case '\'':
        if (IS("'s") || IS("'re") || IS("'m")) return VERB_BE;
        if (IS("'ve") || IS("'d")) return VERB_HAVE;
        return 0;
    case 'a':
        if (IS("are") || IS("am") || IS("ai")) return VERB_BE;
        if (IS("aim") || IS("aims") || IS("aimed") || IS("aiming")) return VERB_INTEND;
        return 0;
    case 'b':
        return IS("be") || IS("been") || IS("being") ? VERB_BE : 0;
    case 'd':
        return IS("do") || IS("does") || IS("did") ? VERB_DO : 0;
    case 'e':
        return IS("expect") || IS("expects") || IS("expected") || IS("expecting")
                   ? VERB_INTEND : 0;
    case 'g':
        if (IS("going")) return VERB_GOING;
        return IS("get") || IS("gets") || IS("got") || IS("gotten") || IS("getting")
                   ? VERB_GET : 0;
    case 'h':
        return IS("have") || IS("has") || IS("had") || IS("having") ? VERB_HAVE : 0;
    case 'i':
        if (IS("is")) return VERB_BE;
        return IS("intend") || IS("intends") || IS("intended") || IS("intending")
                   ? VERB_INTEND : 0;
    case 'p':
        return IS("plan") || IS("plans") || IS("planned") || IS("planning")
                   ? VERB_INTEND : 0;
    case 's':
        /* "is scheduled to meet": a plan, as "is expected to" */
        return IS("seek") || IS("seeks") || IS("seeking") || IS("sought") || IS("scheduled")
                   ? VERB_INTEND : 0;
    case 'w':
        return IS("was") || IS("were") ? VERB_BE : 0;
    default:
        return 0;
    }
}

unsigned chunk_verb_class(const dyad_token *t)
{
    char buf[WORD_MAX];
    size_t n = lower(t->norm, buf);
    unsigned c = verb_class_of(buf, n);
    if (!c && t->lemma) {
        /* the lemma is lower case already */
        size_t m = strlen(t->lemma);
        if (m < WORD_MAX) c = verb_class_of(t->lemma, m);
    }
    return c;
}

dyad_modality chunk_modality(const dyad_token *t)
{
    char w[WORD_MAX];
    size_t n = lower(t->norm, w);
    if (n == 0) return DYAD_MOD_NONE;
    switch (w[0]) {
    case '\'':
        if (IS("'ll")) return DYAD_MOD_WILL;
        if (IS("'d")) return DYAD_MOD_WOULD;
        break;
    case 'c':
        if (IS("can") || IS("ca")) return DYAD_MOD_CAN;
        if (IS("could")) return DYAD_MOD_COULD;
        break;
    case 'm':
        if (IS("may")) return DYAD_MOD_MAY;
        if (IS("might")) return DYAD_MOD_MIGHT;
        if (IS("must")) return DYAD_MOD_MUST;
        break;
    case 'o':
        if (IS("ought")) return DYAD_MOD_SHOULD;
        break;
    case 's':
        if (IS("shall") || IS("sha")) return DYAD_MOD_SHALL;
        if (IS("should")) return DYAD_MOD_SHOULD;
        break;
    case 'w':
        if (IS("will") || IS("wo")) return DYAD_MOD_WILL;
        if (IS("would")) return DYAD_MOD_WOULD;
        break;
    default:
        break;
    }
    return DYAD_MOD_NONE;
}

bool chunk_is_negation(const dyad_token *t)
{
    char w[WORD_MAX];
    size_t n = lower(t->norm, w);
    return IS("not") || IS("n't") || IS("never");
}

unsigned chunk_function_word(const dyad_token *t)
{
    char w[WORD_MAX];
    size_t n = lower(t->norm, w);
    if (n == 0) return 0;
    switch (w[0]) {
    case 'a':
        if (IS("although")) return FW_SUBORD;
        if (IS("after") || IS("as")) return FW_SUBORD_MAYBE;
        if (IS("about") || IS("around") || IS("almost") || IS("approximately"))
            return FW_QUANTIFIER;
        break;
    case 'b':
        if (IS("because")) return FW_SUBORD;
        if (IS("before")) return FW_SUBORD_MAYBE;
        if (IS("by")) return FW_BY;
        break;
    case 'h':
        if (IS("how")) return FW_WH_ADVERB;
        break;
    case 'i':
        if (IS("if")) return FW_SUBORD;
        break;
    case 'l':
        if (IS("longer")) return FW_LONGER;
        break;
    case 'n':
        if (IS("no")) return FW_NO;
        if (IS("nearly")) return FW_QUANTIFIER;
        break;
    case 'o':
        if (IS("once")) return FW_SUBORD_MAYBE;
        break;
    case 'r':
        if (IS("roughly")) return FW_QUANTIFIER;
        break;
    case 's':
        if (IS("since")) return FW_SUBORD_MAYBE;
        if (IS("some")) return FW_QUANTIFIER;
        break;
    case 't':
        if (IS("that")) return FW_THAT;
        if (IS("though")) return FW_SUBORD;
        if (IS("than")) return FW_THAN;
        if (IS("till")) return FW_SUBORD_MAYBE;
        break;
    case 'u':
        if (IS("unless")) return FW_SUBORD;
        if (IS("until")) return FW_SUBORD_MAYBE;
        break;
    case 'w':
        if (IS("who") || IS("whom") || IS("whose") || IS("which")) return FW_RELATIVE;
        if (IS("whether") || IS("while") || IS("whereas") || IS("whilst")) return FW_SUBORD;
        if (IS("where") || IS("when") || IS("why") || IS("whenever") || IS("wherever"))
            return FW_WH_ADVERB;
        break;
    default:
        break;
    }
    return 0;
}

bool chunk_is_preposition_pair(const dyad_token *a, const dyad_token *b)
{
    if (b->tag != DYAD_TAG_IN && b->tag != DYAD_TAG_TO) return false;
    char w[WORD_MAX], second[WORD_MAX];
    size_t n = lower(a->norm, w);
    size_t m = lower(b->norm, second);
    bool of = m == 2 && memcmp(second, "of", 2) == 0;
    bool to = m == 2 && memcmp(second, "to", 2) == 0;
    bool with = m == 4 && memcmp(second, "with", 4) == 0;
    if (of) return IS("because") || IS("instead") || IS("ahead") || IS("out") || IS("regardless");
    if (to) return IS("according") || IS("due") || IS("prior") || IS("thanks") || IS("owing");
    if (with) return IS("along") || IS("together");
    if (m == 2 && memcmp(second, "as", 2) == 0) return IS("such");
    if (m == 4 && memcmp(second, "from", 4) == 0) return IS("apart") || IS("away");
    return false;
}

bool chunk_is_as_well_as(const dyad_token *t, size_t avail)
{
    if (avail < 3) return false;
    char w[WORD_MAX];
    size_t n = lower(t[0].norm, w);
    if (!IS("as")) return false;
    n = lower(t[1].norm, w);
    if (!IS("well")) return false;
    n = lower(t[2].norm, w);
    return IS("as");
}

bool chunk_is_time_noun(const dyad_token *t)
{
    char w[WORD_MAX];
    size_t n = lower(t->norm, w);
    if (n < 5) return false;
    switch (w[0]) {
    case 'm': return IS("monday");
    case 't': return IS("tuesday") || IS("thursday") || IS("today") || IS("tomorrow") ||
                     IS("tonight");
    case 'w': return IS("wednesday");
    case 'f': return IS("friday");
    case 's': return IS("saturday") || IS("sunday");
    case 'y': return IS("yesterday");
    default: return false;
    }
}

bool chunk_is_open_quote(const dyad_token *t)
{
    return t->tag == DYAD_TAG_LQUOTE || (t->norm && strcmp(t->norm, "``") == 0);
}

bool chunk_is_close_quote(const dyad_token *t)
{
    return t->tag == DYAD_TAG_RQUOTE || (t->norm && strcmp(t->norm, "''") == 0);
}

/* Sorted for bsearch; both base forms (for a real lemma) and inflected forms
 * (for a word whose lemma is unknown) are listed.  Only consulted at clause
 * decisions, a few times a sentence, so a binary search is fast enough. */
static const char *const speech_verbs[] = {
    "acknowledge", "acknowledged", "acknowledges", "add", "added", "adds",
    "admit", "admits", "admitted", "announce", "announced", "announces",
    "argue", "argued", "argues", "assert", "asserted", "asserts", "believe",
    "believed", "believes", "claim", "claimed", "claims", "confirm",
    "confirmed", "confirms", "declare", "declared", "declares", "denied",
    "denies", "deny", "estimate", "estimated", "estimates", "expect",
    "expected", "expects", "fear", "feared", "fears", "feel", "feels", "felt",
    "hope", "hoped", "hopes", "indicate", "indicated", "indicates", "insist",
    "insisted", "insists", "knew", "know", "knows", "note", "noted", "notes",
    "predict", "predicted", "predicts", "reiterate", "reiterated",
    "reiterates", "report", "reported", "reports", "reveal", "revealed",
    "reveals", "said", "say", "says", "state", "stated", "states", "stress",
    "stressed", "stresses", "suggest", "suggested", "suggests", "tell",
    "tells", "think", "thinks", "thought", "told", "warn", "warned", "warns",
    "write", "writes", "wrote",
};

static bool in_speech_list(const char *w)
{
    size_t lo = 0, hi = sizeof speech_verbs / sizeof *speech_verbs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(w, speech_verbs[mid]);
        if (c == 0) return true;
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return false;
}

bool chunk_is_speech_verb(const dyad_token *t)
{
    char buf[WORD_MAX];
    if (lower(t->norm, buf) && in_speech_list(buf)) return true;
    return t->lemma && strlen(t->lemma) < WORD_MAX && in_speech_list(t->lemma);
}

bool chunk_is_word(const dyad_token *t, const char *lit)
{
    char w[WORD_MAX];
    size_t n = lower(t->norm, w);
    return n > 0 && strcmp(w, lit) == 0;
}

/* Sorted for bsearch.  Heads of names built with "of": offices ("Secretary
 * of State", "Minister of Foreign Affairs"), bodies ("Ministry of Defence",
 * "Bank of England", "League of Arab States") and places ("Republic of
 * Korea", "Strait of Hormuz").  A person's name before "of" is not one:
 * "Putin of Russia" stays two noun phrases. */
static const char *const of_heads[] = {
    "bank", "bay", "bureau", "chamber", "chancellor", "chief", "commissioner", "council",
    "court", "department", "director", "duke", "emir", "federation", "governor", "gulf",
    "house", "institute", "isle", "islands", "king", "kingdom", "league", "minister",
    "ministry", "office", "organisation", "organization", "prince", "queen", "republic",
    "sea", "secretary", "state", "states", "strait", "union", "university",
};

bool chunk_is_of_head(const dyad_token *t)
{
    if (!t->norm || !ch_is_upper((unsigned char)t->norm[0])) return false;
    char w[WORD_MAX];
    if (!lower(t->norm, w)) return false;
    size_t lo = 0, hi = sizeof of_heads / sizeof *of_heads;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(w, of_heads[mid]);
        if (c == 0) return true;
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return false;
}

bool chunk_looks_like_demonym(const dyad_token *t)
{
    const char *w = t->norm;
    if (!w || !ch_is_upper((unsigned char)w[0])) return false;
    size_t n = strlen(w);
    if (n < 5) return false;
    /* not "-an" alone, which ends Japan, Iran and Sudan as well */
    const char *e = w + n;
    return ((e[-3] == 'i' || e[-3] == 'e') && e[-2] == 'a' && e[-1] == 'n') ||
           (e[-3] == 'e' && e[-2] == 's' && e[-1] == 'e') ||
           (e[-3] == 'i' && e[-2] == 's' && e[-1] == 'h') || e[-1] == 'i';
}
