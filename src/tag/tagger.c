/*
 * tagger.c -- part-of-speech tagging: a second-order (trigram) hidden
 * Markov model decoded by Viterbi, in the manner of TnT (Brants 2000).
 *
 * The model is const data generated from the festlex WSJ lexicon and tag
 * trigram counts (tagmodel.h).  Per word the tagger
 *   1. finds candidate tags with log P(word | tag): from the lexicon
 *      (looked up lower-cased), else from number shapes, else from the
 *      suffix model for unknown words;
 *   2. corrects them for capitalisation, which the lower-cased lexicon
 *      cannot see: a capital in mid-sentence makes a proper noun likely, a
 *      lower-case letter makes it unlikely;
 *   3. keeps the few tags whose posterior is within a beam of the best,
 * then Viterbi runs over pairs of candidate tags.  With one to three
 * candidates a word the search costs a few dozen additions per word.
 *
 * Memory: candidates and back-pointers for at most TAG_WINDOW words at a
 * time, from the scratch arena.  A longer "sentence" (hostile input) is
 * decoded window by window, each starting from the last two tags of the
 * one before, so time stays linear and memory bounded.
 */
#include "../internal.h"
#include "tagmodel.h"

#define KMAX 6          /* candidate tags kept per word                   */
#define TAG_WINDOW 4096 /* words decoded at once                          */
#define BEAM 7.0f       /* drop tags e^7 ~ 1000 times less likely a priori */

typedef struct cand {
    uint8_t n;
    uint8_t tag[KMAX];
    float e[KMAX];
} cand;

/* How much the case of a word tells. */
enum casing {
    CASE_NONE,   /* no letters, or position where a capital is expected */
    CASE_LOWER,  /* starts with a lower-case letter                    */
    CASE_CAP,    /* capitalised where a capital is not required        */
    CASE_UPPER   /* two or more letters, all upper case                */
};

/* log P(casing | tag), up to a constant per casing.  A WSJ proper noun is
 * written in lower case almost never; other words are capitalised in
 * mid-sentence rarely: most often adjectives, which then are proper
 * adjectives ("Brazilian", "Islamic"), and nouns in titles ("Prime
 * Minister").  A word in capitals throughout is an acronym far more often
 * than a pronoun or verb in a shouted headline ("US" is not "us"). */
static float case_score(enum casing c, int t)
{
    switch (c) {
    case CASE_LOWER:
        return (t == TM_NNP || t == TM_NNPS) ? -4.6f : 0.0f;
    case CASE_CAP:
    case CASE_UPPER:
        switch (t) {
        case TM_NNP: case TM_NNPS: return 0.0f;
        case TM_JJ: return -1.0f;
        case TM_NN: case TM_NNS: case TM_CD: case TM_FW: case TM_SYM: case TM_LS:
            return -3.0f;
        default:
            return c == CASE_UPPER ? -6.9f : -4.6f;
        }
    default:
        return 0.0f;
    }
}

/* ---- word shapes ------------------------------------------------------ */

/* True when the n bytes at w end with suffix. */
static bool ends_with(const char *w, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return n > m && memcmp(w + n - m, suffix, m) == 0;
}

typedef struct shape {
    char low[TM_MAX_WORD];
    size_t len;
    uint32_t hash;
    bool upper_first, all_upper, has_digit, has_hyphen, has_alpha, has_lower;
    bool has_high;   /* bytes of non-ASCII characters */
    bool too_long;
} shape;

static void word_shape(const char *w, shape *s)
{
    uint32_t h = TM_HASH_INIT;
    size_t i = 0;
    int nupper = 0;
    s->upper_first = ch_is_upper((unsigned char)w[0]);
    s->has_digit = s->has_hyphen = s->has_alpha = s->has_lower = s->has_high = false;
    for (; w[i]; i++) {
        int c = (unsigned char)w[i];
        if (i < TM_MAX_WORD) {
            int l = ch_lower(c);
            s->low[i] = (char)l;
            h = tm_hash_step(h, (unsigned char)l);
        }
        if (ch_is_upper(c)) { nupper++; s->has_alpha = true; }
        else if (ch_is_lower(c)) { s->has_lower = true; s->has_alpha = true; }
        else if (ch_is_digit(c)) s->has_digit = true;
        else if (c == '-') s->has_hyphen = true;
        else if (c >= 0x80) s->has_high = true;
    }
    s->len = i;
    s->too_long = i >= TM_MAX_WORD;
    s->hash = h;
    s->all_upper = nupper >= 2 && !s->has_lower;
}

static const tm_entry *lookup(const uint32_t *slots, uint32_t mask,
                              const tm_entry *tab, const char *key, size_t len,
                              uint32_t h)
{
    uint32_t check = h & 0xFFFF0000u;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t v = slots[i];
        if (!v) return NULL;
        if ((v & 0xFFFF0000u) != check) continue;
        const tm_entry *e = &tab[(v & 0xFFFF) - 1];
        const char *k = tm_pool + e->str;
        if ((unsigned char)k[0] == len && memcmp(k + 1, key, len) == 0) return e;
    }
}

/* A number as news writes it: digits with separators ("2,000", "1.5",
 * "10:30", "1/2", "-3"), optionally a decade ("1990s"). */
static bool is_number(const char *w, size_t len)
{
    size_t i = 0, digits = 0;
    if (w[0] == '-' || w[0] == '+' || w[0] == '\'') i++;
    for (; i < len; i++) {
        char c = w[i];
        if (ch_is_digit(c)) digits++;
        else if (c == ',' || c == '.' || c == ':' || c == '/' || c == '-') {
            if (i + 1 == len) return false;
        } else if (c == 's' && i + 1 == len && digits >= 2) {
            return true;
        } else {
            return false;
        }
    }
    return digits > 0;
}

/* One non-ASCII character ("€", "°", U+FFFD): a symbol, while longer
 * non-ASCII words are names in other scripts or with accents. */
static bool one_char(const char *w, size_t len)
{
    size_t adv;
    utf8_decode((const unsigned char *)w, len, &adv);
    return adv == len;
}

/* Penn Treebank bracket tokens, which the lower-cased lexicon lacks. */
static bool is_bracket_token(const char *w, size_t len)
{
    return len == 5 && w[0] == '-' && w[4] == '-' &&
           (w[1] == 'L' || w[1] == 'R') && w[3] == 'B';
}

static float emit_score(uint32_t k)
{
    return (float)tm_emit_lp[k] * (1.0f / TM_LP_SCALE);
}

static void cand_add(cand *c, int tag, float e)
{
    /* keep the KMAX best by prior-weighted score, insertion-sorted */
    float s = e + tm_logprior[tag];
    int i;
    if (c->n < KMAX) {
        i = c->n++;
    } else {
        i = KMAX - 1;
        if (s <= c->e[i] + tm_logprior[c->tag[i]]) return;
    }
    while (i > 0 && s > c->e[i - 1] + tm_logprior[c->tag[i - 1]]) {
        c->tag[i] = c->tag[i - 1];
        c->e[i] = c->e[i - 1];
        i--;
    }
    c->tag[i] = (uint8_t)tag;
    c->e[i] = e;
}

static void cand_prune(cand *c)
{
    float best = c->e[0] + tm_logprior[c->tag[0]];
    while (c->n > 1 && c->e[c->n - 1] + tm_logprior[c->tag[c->n - 1]] < best - BEAM)
        c->n--;
}

/* Adds a reading; a tag already proposed keeps the better of its scores. */
static void cand_merge(cand *c, int tag, float e)
{
    for (unsigned i = 0; i < c->n; i++) {
        if (c->tag[i] != tag) continue;
        if (e <= c->e[i]) return;
        for (unsigned j = i + 1; j < c->n; j++) {
            c->tag[j - 1] = c->tag[j];
            c->e[j - 1] = c->e[j];
        }
        c->n--;
        break;
    }
    cand_add(c, tag, e);
}

static bool verb_tag(int t)
{
    return t == TM_VB || t == TM_VBD || t == TM_VBN || t == TM_VBZ || t == TM_VBP || t == TM_VBG;
}

static bool entry_has_verb(const tm_entry *e)
{
    for (uint32_t k = TM_ENTRY_FIRST(e), end = k + TM_ENTRY_COUNT(e); k < end; k++)
        if (verb_tag(tm_emit_tag[k])) return true;
    return false;
}

/* Where the part after the last hyphen starts, when a verb compound is
 * possible at all: a capital before the hyphen makes a modifier of a name
 * ("US-led", "Iranian-backed"), except in a title-case headline where
 * every word has one. */
static size_t hyphen_head_at(const char *w, const shape *s, bool title)
{
    if (!s->has_hyphen || s->has_digit || s->too_long) return 0;
    if (!title && !ch_is_lower((unsigned char)w[0])) return 0;
    size_t at = s->len;
    while (at > 0 && s->low[at - 1] != '-') at--;
    return at >= 2 && s->len - at >= 3 ? at : 0;
}

/* The lexicon entry of what follows the last hyphen when the whole word
 * may inflect like that verb ("test-fired", "re-imposes", "re-took").  Only
 * past, participle and -s forms: compounds on a base form or an -ing form
 * are mostly nouns and modifiers ("long-range", "high-level",
 * "early-warning"). */
static const tm_entry *verb_head(const char *w, const shape *s, bool title)
{
    size_t at = hyphen_head_at(w, s, title);
    if (!at) return NULL;
    const char *h = s->low + at;
    size_t n = s->len - at;
    uint32_t hash = TM_HASH_INIT;
    for (size_t i = 0; i < n; i++) hash = tm_hash_step(hash, (unsigned char)h[i]);
    const tm_entry *e = lookup(tm_lex_slots, tm_lex_mask, tm_lex, h, n, hash);
    if (!e || !entry_has_verb(e)) return NULL;
    int top = tm_emit_tag[TM_ENTRY_FIRST(e)];
    bool inflected = ends_with(h, n, "ed") || (h[n - 1] == 's' && h[n - 2] != 's') ||
                     top == TM_VBD || top == TM_VBN;
    return inflected ? e : NULL;
}

/* An -ed form of a verb WordNet knows, whole or after the last hyphen
 * ("court-martialled", "tear-gassed"), that the lexicon has never seen. */
static bool ed_of_verb(const char *w, size_t n)
{
    if (n < 5 || !ends_with(w, n, "ed")) return false;
    char stem[TM_MAX_WORD];
    size_t k = n - 2;
    memcpy(stem, w, k);
    if (lemma_is_verb_base(stem, k)) return true;                      /* walked */
    stem[k] = 'e';
    if (lemma_is_verb_base(stem, k + 1)) return true;                  /* used */
    if (w[k - 1] == w[k - 2] && lemma_is_verb_base(stem, k - 1)) return true; /* gassed */
    if (w[k - 1] == 'i') {                                              /* tried */
        stem[k - 1] = 'y';
        if (lemma_is_verb_base(stem, k)) return true;
    }
    return false;
}

/* Plurals in -ors, -ists, -ians name people ("inspectors", "separatists",
 * "civilians"); the verbs of that shape are few and known ("monitors"). */
static bool people_plural(const shape *s)
{
    return !s->has_digit && !s->too_long &&
           (ends_with(s->low, s->len, "ors") || ends_with(s->low, s->len, "ists") ||
            ends_with(s->low, s->len, "ians"));
}

static void candidates(const char *w, enum casing cs, const shape *s, bool title, cand *c)
{
    c->n = 0;
    if (!s->too_long && s->len > 0) {
        const tm_entry *e = lookup(tm_lex_slots, tm_lex_mask, tm_lex, s->low, s->len, s->hash);
        const tm_entry *head = s->has_hyphen ? verb_head(w, s, title) : NULL;
        /* An unknown compound inflects like its head verb: "re-opened" is
         * read as "opened" is. */
        if (!e && head) e = head, head = NULL;
        if (e) {
            bool nnp = false, nns = false;
            float vbz = 0;
            for (uint32_t k = TM_ENTRY_FIRST(e), end = k + TM_ENTRY_COUNT(e); k < end; k++) {
                int t = tm_emit_tag[k];
                nnp |= t == TM_NNP;
                nns |= t == TM_NNS;
                if (t == TM_VBZ) vbz = emit_score(k);
                cand_add(c, t, emit_score(k) + case_score(cs, t));
            }
            /* the lexicon has a few such plurals as verbs only
             * ("inspectors") */
            if (!nns && vbz != 0 && people_plural(s))
                cand_add(c, TM_NNS, vbz + 3.0f + case_score(cs, TM_NNS));
            /* A known common word capitalised in mid-sentence is most
             * often part of a name the lexicon has not seen as such. */
            if (!nnp && (cs == CASE_CAP || cs == CASE_UPPER))
                cand_add(c, TM_NNP, tm_unseen_lp[TM_NNP]);
            /* A compound the lexicon has as a verb in one form only
             * ("test-fired" only as a participle) may take every form of
             * its head. */
            if (head && entry_has_verb(e)) {
                for (uint32_t k = TM_ENTRY_FIRST(head), end = k + TM_ENTRY_COUNT(head); k < end; k++)
                    if (verb_tag(tm_emit_tag[k]))
                        cand_merge(c, tm_emit_tag[k], emit_score(k) + case_score(cs, tm_emit_tag[k]));
            }
            cand_prune(c);
            return;
        }
    }
    if (s->len == 0 || is_bracket_token(w, s->len) || (!s->has_alpha && !s->has_digit &&
                                                      (!s->has_high || one_char(w, s->len)))) {
        c->n = 1;
        c->tag[0] = TM_PUNC;
        c->e[0] = 0;
        return;
    }
    if (s->has_digit && is_number(w, s->len)) {
        c->n = 1;
        c->tag[0] = TM_CD;
        c->e[0] = 0;
        return;
    }
    /* Unknown word: the longest suffix the model has for its class.  A
     * word starting with a non-ASCII letter may be capitalised ("Ålesund"),
     * and in news most likely is: a foreign name. */
    char key[TM_SUF_MAXLEN + 1];
    bool capital = s->upper_first || s->all_upper || (unsigned char)w[0] >= 0x80;
    key[0] = s->has_digit ? TM_SUF_DIGIT
           : s->has_hyphen ? (title ? TM_SUF_HTITLE : capital ? TM_SUF_HCAP : TM_SUF_HYPH)
           : (title ? TM_SUF_TITLE : capital ? TM_SUF_CAP : TM_SUF_LOWER);
    size_t maxl = s->len < TM_SUF_MAXLEN ? s->len : TM_SUF_MAXLEN;
    const char *tail = (s->too_long ? w : s->low) + s->len - maxl;
    char tailbuf[TM_SUF_MAXLEN];
    if (s->too_long) {
        for (size_t i = 0; i < maxl; i++) tailbuf[i] = (char)ch_lower((unsigned char)tail[i]);
        tail = tailbuf;
    }
    const tm_entry *e = NULL;
    for (size_t l = maxl + 1; l-- > 0 && !e;) {
        memcpy(key + 1, tail + maxl - l, l);
        uint32_t h = TM_HASH_INIT;
        for (size_t i = 0; i <= l; i++) h = tm_hash_step(h, (unsigned char)key[i]);
        e = lookup(tm_suf_slots, tm_suf_mask, tm_suf, key, l + 1, h);
    }
    if (e) {
        for (uint32_t k = TM_ENTRY_FIRST(e), end = k + TM_ENTRY_COUNT(e); k < end; k++) {
            int t = tm_emit_tag[k];
            cand_add(c, t, emit_score(k) + case_score(cs, t));
        }
    }
    if (c->n == 0) {
        c->n = 1;
        c->tag[0] = capital ? TM_NNP : TM_NN;
        c->e[0] = 0;
    }
    /* An irregular verb form the lexicon lacks ("overran", "retook",
     * "forsook"), or a verb compound in -ed whose head it lacks
     * ("tear-gassed"), looks like a noun or adjective to the suffix model:
     * the past and the participle join as likely as its best reading, and
     * the context chooses. */
    size_t head_at = hyphen_head_at(w, s, title);
    if ((!s->has_digit && !s->has_hyphen && (title || !capital) &&
         lemma_is_irregular_verb(s->low, s->len)) ||
        (head_at && (ed_of_verb(s->low, s->len) || ed_of_verb(s->low + head_at, s->len - head_at)))) {
        float best = c->e[0] + tm_logprior[c->tag[0]];
        cand_merge(c, TM_VBD, best - tm_logprior[TM_VBD]);
        cand_merge(c, TM_VBN, best - tm_logprior[TM_VBN]);
    }
    /* Unknown words in -ors, -ists, -ians are people ("inspectors",
     * "separatists", "civilians"), not verbs: the lexicon has the verbs of
     * that shape ("monitors", "persists") */
    if (people_plural(s)) {
        unsigned k = 0;
        for (unsigned i = 0; i < c->n; i++)
            if (c->tag[i] != TM_VBZ) { c->tag[k] = c->tag[i]; c->e[k] = c->e[i]; k++; }
        if (k == 0) { c->tag[0] = TM_NNS; c->e[0] = 0; k = 1; }
        c->n = (uint8_t)k;
    }
    cand_prune(c);
}

/* ---- output tags -------------------------------------------------------- */

static uint8_t punct_tag(const char *w)
{
    switch (w[0]) {
    case ',': return DYAD_TAG_COMMA;
    case '.': return w[1] == '.' ? DYAD_TAG_COLON : DYAD_TAG_PERIOD;
    case '!': case '?': return DYAD_TAG_PERIOD;
    case ';': case ':': case '-':
        if (is_bracket_token(w, strlen(w))) return w[1] == 'L' ? DYAD_TAG_LRB : DYAD_TAG_RRB;
        return DYAD_TAG_COLON;
    case '`': return DYAD_TAG_LQUOTE;
    case '\'': case '"': return DYAD_TAG_RQUOTE;
    case '(': case '[': case '{': case '<': return DYAD_TAG_LRB;
    case ')': case ']': case '}': case '>': return DYAD_TAG_RRB;
    case '$': return DYAD_TAG_DOLLAR;
    case '#': return DYAD_TAG_HASH;
    case '\xC2': /* pound, yen */
        return w[1] == '\xA3' || w[1] == '\xA5' ? DYAD_TAG_DOLLAR : DYAD_TAG_SYM;
    case '\xE2': /* euro */
        return w[1] == '\x82' && w[2] == '\xAC' ? DYAD_TAG_DOLLAR : DYAD_TAG_SYM;
    default:
        /* currency written with letters: "US$", "C$", "HK$" */
        if (w[0] && w[strlen(w) - 1] == '$') return DYAD_TAG_DOLLAR;
        return DYAD_TAG_SYM;
    }
}

static const uint8_t penn[TM_NTAGS] = {
    [TM_NN] = DYAD_TAG_NN, [TM_PUNC] = DYAD_TAG_SYM, [TM_NNP] = DYAD_TAG_NNP,
    [TM_DT] = DYAD_TAG_DT, [TM_IN] = DYAD_TAG_IN, [TM_JJ] = DYAD_TAG_JJ,
    [TM_NNS] = DYAD_TAG_NNS, [TM_CD] = DYAD_TAG_CD, [TM_RB] = DYAD_TAG_RB,
    [TM_VBD] = DYAD_TAG_VBD, [TM_VB] = DYAD_TAG_VB, [TM_PRP] = DYAD_TAG_PRP,
    [TM_CC] = DYAD_TAG_CC, [TM_OF] = DYAD_TAG_IN, [TM_TO] = DYAD_TAG_TO,
    [TM_VBZ] = DYAD_TAG_VBZ, [TM_VBN] = DYAD_TAG_VBN, [TM_VBG] = DYAD_TAG_VBG,
    [TM_VBP] = DYAD_TAG_VBP, [TM_MD] = DYAD_TAG_MD, [TM_POS] = DYAD_TAG_POS,
    [TM_WDT] = DYAD_TAG_WDT, [TM_JJR] = DYAD_TAG_JJR, [TM_WP] = DYAD_TAG_WP,
    [TM_NNPS] = DYAD_TAG_NNPS, [TM_WRB] = DYAD_TAG_WRB, [TM_JJS] = DYAD_TAG_JJS,
    [TM_RBR] = DYAD_TAG_RBR, [TM_RP] = DYAD_TAG_RP, [TM_EX] = DYAD_TAG_EX,
    [TM_RBS] = DYAD_TAG_RBS, [TM_PDT] = DYAD_TAG_PDT, [TM_FW] = DYAD_TAG_FW,
    [TM_UH] = DYAD_TAG_UH, [TM_SYM] = DYAD_TAG_SYM, [TM_LS] = DYAD_TAG_LS,
};

static bool lower_eq(const char *w, const char *lit)
{
    for (; *lit; w++, lit++)
        if (ch_lower((unsigned char)*w) != *lit) return false;
    return *w == 0;
}

/* festlex has one "prp" for personal and possessive pronouns. */
static uint8_t pronoun_tag(const char *w, int next)
{
    static const char *const poss[] = {"my", "your", "his", "its", "our", "their", "thy"};
    for (size_t i = 0; i < sizeof poss / sizeof *poss; i++)
        if (lower_eq(w, poss[i])) return DYAD_TAG_PRPS;
    /* "her" is possessive before what can head or modify a noun */
    if (lower_eq(w, "her")) {
        switch (next) {
        case TM_NN: case TM_NNS: case TM_NNP: case TM_NNPS: case TM_JJ:
        case TM_JJR: case TM_JJS: case TM_CD: case TM_VBG: case TM_VBN:
            return DYAD_TAG_PRPS;
        default:
            return DYAD_TAG_PRP;
        }
    }
    return DYAD_TAG_PRP;
}

static uint8_t penn_tag(const char *w, int t, int next)
{
    switch (t) {
    case TM_PUNC: return punct_tag(w);
    case TM_PRP: return pronoun_tag(w, next);
    case TM_WP: return lower_eq(w, "whose") ? DYAD_TAG_WPS : DYAD_TAG_WP;
    case TM_RB:
        /* Penn tags "about" RB only for "approximately"; in "about to"
         * (about to leave) it is IN, which the festlex trigrams, with
         * "to" as a tag of its own, cannot see. */
        return next == TM_TO && lower_eq(w, "about") ? DYAD_TAG_IN : DYAD_TAG_RB;
    default: return penn[t];
    }
}

/* ---- Viterbi ---------------------------------------------------------- */

/* A capital tells nothing at the start of a sentence, of a quotation or
 * after a colon or bracket, where any word may take one. */
static bool capital_expected(const char *prev)
{
    if (!prev) return true;
    switch (prev[0]) {
    case '`': case ':': case '(': case '[': case '{': case '.': case '!': case '?':
    case '"':
        return true;
    case '-':
        return is_bracket_token(prev, strlen(prev)) && prev[1] == 'L';
    default:
        return false;
    }
}

/* Headline modes. */
enum { TITLE_NONE, TITLE_CASE };

static enum casing word_casing(const shape *s, const char *prev, const char *w, int title)
{
    if (s->all_upper) return title ? CASE_NONE : CASE_UPPER;
    if (!s->has_alpha) return CASE_NONE;
    if (!s->upper_first) return ch_is_lower((unsigned char)w[0]) ? CASE_LOWER : CASE_NONE;
    /* In a headline written in title case every word has its capital:
     * it tells nothing ("Agree" is a verb there). */
    if (title) return CASE_NONE;
    /* "I" is capitalised everywhere */
    if (s->len == 1 && w[0] == 'I') return CASE_NONE;
    return capital_expected(prev) ? CASE_NONE : CASE_CAP;
}

/* Context before the first word: the previous sentence ended with a
 * full stop after, most often, a noun. */
#define START2 TM_NN
#define START1 TM_PUNC

static const float *trans_row(int a, int b)
{
    return tm_trans + ((size_t)a * TM_NTAGS + (size_t)b) * TM_NTAGS;
}

static bool finite_verb_tag(int t)
{
    return t == TM_VBD || t == TM_VBZ || t == TM_VBP;
}

/* A plural noun of a headline whose stem is a verb ("Downs", "Shells",
 * "Seizes"): the lexicon may never have seen it as a verb. */
static bool plural_of_verb(const shape *s)
{
    if (s->too_long || s->has_digit || s->has_hyphen || s->len < 4 || s->low[s->len - 1] != 's')
        return false;
    if (lemma_is_verb_base(s->low, s->len - 1)) return true;
    return s->low[s->len - 2] == 'e' && lemma_is_verb_base(s->low, s->len - 2);
}

/* Keeps only the finite-verb readings of c; a plural whose stem is a verb
 * becomes its -s form, e^3 less likely than its best reading so that a
 * verb the lexicon knows comes first ("Troops" is a verb only in
 * dictionaries); false when there is none. */
static bool force_verb(cand *c, const shape *s)
{
    /* a word the lexicon lacks only when WordNet knows it as a verb: the
     * suffix model alone would make a verb of "Ceasefire" */
    const tm_entry *known =
        s->too_long ? NULL : lookup(tm_lex_slots, tm_lex_mask, tm_lex, s->low, s->len, s->hash);
    if (!known && !s->too_long && !lemma_is_verb_base(s->low, s->len) &&
        !lemma_is_irregular_verb(s->low, s->len) && !plural_of_verb(s)) {
        /* or, hyphenated, its head ("Tear-Gas") */
        size_t at = s->len;
        while (at > 0 && s->low[at - 1] != '-') at--;
        if (!at || !lemma_is_verb_base(s->low + at, s->len - at)) return false;
    }
    float best = c->e[0] + tm_logprior[c->tag[0]];
    unsigned k = 0;
    bool vbp = false;
    for (unsigned i = 0; i < c->n; i++) vbp |= c->tag[i] == TM_VBP;
    /* a base form the lexicon knows only as an infinitive is, after a
     * plural subject, the present ("Protesters Storm Parliament") */
    for (unsigned i = 0; i < c->n; i++) {
        int t = c->tag[i] == TM_VB && !vbp ? TM_VBP : c->tag[i];
        if (finite_verb_tag(t)) { c->tag[k] = (uint8_t)t; c->e[k] = c->e[i]; k++; }
    }
    /* the beam may have dropped a verb reading the lexicon has
     * ("storm" is mostly a noun) */
    if (k == 0 && !s->too_long) {
        const tm_entry *e = known;
        bool has_vbp = false;
        for (uint32_t j = e ? TM_ENTRY_FIRST(e) : 0, end = e ? j + TM_ENTRY_COUNT(e) : 0; j < end; j++)
            has_vbp |= tm_emit_tag[j] == TM_VBP;
        for (uint32_t j = e ? TM_ENTRY_FIRST(e) : 0, end = e ? j + TM_ENTRY_COUNT(e) : 0; j < end; j++) {
            int t = tm_emit_tag[j] == TM_VB && !has_vbp ? TM_VBP : tm_emit_tag[j];
            if (finite_verb_tag(t) && k < KMAX) {
                c->tag[k] = (uint8_t)t;
                c->e[k] = emit_score(j);
                k++;
            }
        }
    }
    if (k == 0 && plural_of_verb(s)) {
        c->tag[0] = TM_VBZ;
        c->e[0] = best - tm_logprior[TM_VBZ] - 3.0f;
        k = 1;
    }
    if (k == 0) return false;
    c->n = (uint8_t)k;
    return true;
}

/* Decodes words[0..m) given the two tags before them; writes model tags
 * and returns the score of the best sequence.  With force >= 0 the word
 * at that index must be a finite verb (-1e30 when it cannot be one). */
static float viterbi(const char *const *words, const char *prev, size_t m, int title,
                     int p2, int p1, long force, cand *cs, uint8_t *bp, uint8_t *out)
{
    /* delta[j * KMAX + k]: best score with word i-1 on candidate j and
     * word i on candidate k. */
    float delta[KMAX * KMAX], next[KMAX * KMAX];
    const cand ctx2 = {1, {(uint8_t)p2}, {0}}, ctx1 = {1, {(uint8_t)p1}, {0}};
    for (size_t i = 0; i < m; i++) {
        shape s;
        word_shape(words[i], &s);
        candidates(words[i], word_casing(&s, i ? words[i - 1] : prev, words[i], title), &s,
                   title, &cs[i]);
        if ((long)i == force && !force_verb(&cs[i], &s)) return -1e30f;
        const cand *c0 = i >= 2 ? &cs[i - 2] : i == 1 ? &ctx1 : &ctx2;
        const cand *c1 = i >= 1 ? &cs[i - 1] : &ctx1;
        const cand *c2 = &cs[i];
        uint8_t *b = bp + i * KMAX * KMAX;
        for (unsigned j = 0; j < c1->n; j++) {
            for (unsigned k = 0; k < c2->n; k++) {
                float best = -1e30f;
                unsigned arg = 0;
                for (unsigned a = 0; a < c0->n; a++) {
                    float v = (i >= 1 ? delta[a * KMAX + j] : 0) +
                              trans_row(c0->tag[a], c1->tag[j])[c2->tag[k]];
                    if (v > best) { best = v; arg = a; }
                }
                next[j * KMAX + k] = best + c2->e[k];
                b[j * KMAX + k] = (uint8_t)arg;
            }
        }
        memcpy(delta, next, sizeof delta);
    }
    /* best final pair, then follow the back-pointers */
    const cand *last1 = m >= 2 ? &cs[m - 2] : &ctx1;
    const cand *last = &cs[m - 1];
    float best = -1e30f;
    unsigned bj = 0, bk = 0;
    for (unsigned j = 0; j < last1->n; j++)
        for (unsigned k = 0; k < last->n; k++)
            if (delta[j * KMAX + k] > best) { best = delta[j * KMAX + k]; bj = j; bk = k; }
    for (size_t i = m; i-- > 0;) {
        out[i] = cs[i].tag[bk];
        unsigned a = bp[i * KMAX * KMAX + bj * KMAX + bk];
        bk = bj;
        bj = a;
    }
    return best;
}

/* A headline states an event, so it nearly always has a verb; in title
 * case the capitals hide it and noun readings win ("Kenyan Troops Attack
 * Town", "Iran Seizes Tanker").  When the best reading has no verb, the
 * best one with a finite verb somewhere is taken, unless it is far less
 * likely: a headline may be a noun phrase ("Attack Helicopters for
 * Kyiv").  Headlines are short, so trying each word costs little. */
#define HEADLINE_MAX 24
#define VERB_MARGIN 6.0f

static void force_headline_verb(const char *const *words, size_t m, int title, float free_score,
                                cand *cs, uint8_t *bp, uint8_t *out)
{
    for (size_t i = 0; i < m; i++)
        if (verb_tag(out[i]) || out[i] == TM_MD) return;
    uint8_t try[HEADLINE_MAX], best_tags[HEADLINE_MAX];
    float best = -1e30f;
    /* only right after what can end a subject: a headline opens with its
     * subject, and no verb follows a preposition or article ("Ceasefire
     * in Gaza After Weeks of Talks") */
    uint8_t free_tags[HEADLINE_MAX];
    memcpy(free_tags, out, m);
    for (size_t f = 1; f < m; f++) {
        int before = free_tags[f - 1];
        if (before != TM_NN && before != TM_NNS && before != TM_NNP && before != TM_NNPS &&
            before != TM_PRP && before != TM_CD)
            continue;
        float v = viterbi(words, NULL, m, title, START2, START1, (long)f, cs, bp, try);
        if (v > best) { best = v; memcpy(best_tags, try, m); }
    }
    if (best > -1e29f && best >= free_score - VERB_MARGIN) memcpy(out, best_tags, m);
}

/* Title case: most words of four letters or more begin with a capital
 * ("Japan and South Korea Agree to Resume Security Talks"); short function
 * words may or may not ("to", "and", "For").  Two such words suffice in a
 * short headline ("China Warns US"). */
bool tagger_is_title_case(const char *const *words, size_t n)
{
    size_t long_words = 0, capitalised = 0;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *w = (const unsigned char *)words[i];
        size_t len = strlen(words[i]);
        if (len < 4 || !(ch_is_upper(w[0]) || ch_is_lower(w[0]))) continue;
        long_words++;
        if (ch_is_upper(w[0])) capitalised++;
    }
    return long_words >= 2 && capitalised * 5 >= long_words * 4;
}

static int tag_words(arena *scratch, const char *const *words, size_t n, int title,
                     uint8_t *tags);

/* ---- repairs ------------------------------------------------------------
 * A trigram model sees two tags back, which is too short for some mistakes
 * that matter to the chunker; a few local rules mend them after decoding. */

static bool lower_in(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lower_eq(w, list[i])) return true;
    return false;
}

/* Verbs in -s that, after a noun, stay verbs even before a participle
 * ("the ministry says detained protesters ..."). */
static bool clause_taking_verb(const char *w)
{
    static const char *const verbs[] = {
        "says", "claims", "warns", "insists", "denies", "adds", "notes", "believes", "thinks",
        "hopes", "fears", "argues", "admits", "confirms", "announces", "states", "knows",
        "wants", "needs", "seems", "appears"};
    return lower_in(w, verbs, sizeof verbs / sizeof *verbs);
}

static bool irregular_verb(const char *w)
{
    char low[TM_MAX_WORD];
    size_t n = 0;
    for (; w[n]; n++) {
        if (n == TM_MAX_WORD) return false;
        low[n] = (char)ch_lower((unsigned char)w[n]);
    }
    return lemma_is_irregular_verb(low, n);
}

static void repair_tags(const char *const *words, size_t n, uint8_t *tags)
{
    static const char *const articles[] = {"the", "a", "an", "no", "every", "another"};
    static const char *const have[] = {"has", "have", "had", "'ve", "having"};
    static const char *const aux_s[] = {"is", "has", "does", "was"};
    for (size_t i = 1; i < n; i++) {
        const char *w = words[i];
        unsigned prev = tags[i - 1];
        if (tags[i] == DYAD_TAG_VBZ && ends_with(w, strlen(w), "s") && !lower_in(w, aux_s, 4)) {
            /* "the inspectors", "Western sanctions": no finite verb follows
             * an article, a possessive or an adjective */
            if ((prev == DYAD_TAG_DT && lower_in(words[i - 1], articles, 6)) ||
                prev == DYAD_TAG_PRPS || prev == DYAD_TAG_JJ || prev == DYAD_TAG_JJS ||
                prev == DYAD_TAG_JJR) {
                tags[i] = DYAD_TAG_NNS;
                continue;
            }
            /* "the security guarantee demands previously sent", "volleyball
             * crowds burned": a plural ending a compound, before the verb */
            if ((prev == DYAD_TAG_NN || prev == DYAD_TAG_NNP) && !clause_taking_verb(w)) {
                size_t k = i + 1;
                while (k < n && (tags[k] == DYAD_TAG_RB || tags[k] == DYAD_TAG_RBR)) k++;
                if (k < n && (tags[k] == DYAD_TAG_VBD || tags[k] == DYAD_TAG_VBN)) {
                    tags[i] = DYAD_TAG_NNS;
                    continue;
                }
            }
        }
        /* "has celebrated", "has overrun": a participle after "have" is no
         * adjective, nor is an irregular one the lexicon lacks a noun */
        if (tags[i] == DYAD_TAG_JJ || tags[i] == DYAD_TAG_NN) {
            size_t k = i;
            while (k > 0 && (tags[k - 1] == DYAD_TAG_RB || tags[k - 1] == DYAD_TAG_RBR)) k--;
            unsigned aux = k > 0 ? tags[k - 1] : DYAD_TAG_NONE;
            if ((aux == DYAD_TAG_VBZ || aux == DYAD_TAG_VBP || aux == DYAD_TAG_VBD ||
                 aux == DYAD_TAG_VB || aux == DYAD_TAG_VBG || aux == DYAD_TAG_VBN) &&
                lower_in(words[k - 1], have, 5) &&
                ((tags[i] == DYAD_TAG_JJ && ends_with(w, strlen(w), "ed")) || irregular_verb(w)))
                tags[i] = DYAD_TAG_VBN;
        }
    }
}

int tagger_tag(arena *scratch, const char *const *words, size_t n, uint8_t *tags)
{
    return tag_words(scratch, words, n, TITLE_NONE, tags);
}

int tagger_tag_title(arena *scratch, const char *const *words, size_t n, uint8_t *tags)
{
    return tag_words(scratch, words, n, TITLE_CASE, tags);
}

static int tag_words(arena *scratch, const char *const *words, size_t n, int title,
                     uint8_t *tags)
{
    if (n == 0) return 0;
    size_t win = n < TAG_WINDOW ? n : TAG_WINDOW;
    cand *cs = arena_alloc(scratch, win * sizeof *cs);
    uint8_t *bp = arena_alloc(scratch, win * KMAX * KMAX);
    uint8_t *mt = arena_alloc(scratch, win + 2);
    if (!cs || !bp || !mt) return -1;
    int p2 = START2, p1 = START1;
    int carry = -1;  /* model tag of the word before this window */
    for (size_t at = 0; at < n; at += win) {
        size_t m = n - at < win ? n - at : win;
        float score = viterbi(words + at, at ? words[at - 1] : NULL, m, title, p2, p1, -1, cs, bp, mt);
        if (title && n <= HEADLINE_MAX) force_headline_verb(words, m, title, score, cs, bp, mt);
        if (carry >= 0) tags[at - 1] = penn_tag(words[at - 1], carry, mt[0]);
        for (size_t i = 0; i + 1 < m; i++)
            tags[at + i] = penn_tag(words[at + i], mt[i], mt[i + 1]);
        carry = mt[m - 1];
        p2 = m >= 2 ? mt[m - 2] : p1;
        p1 = mt[m - 1];
    }
    tags[n - 1] = penn_tag(words[n - 1], carry, TM_PUNC);
    repair_tags(words, n, tags);
    return 0;
}
