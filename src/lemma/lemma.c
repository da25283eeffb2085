/*
 * lemma.c -- the lemmatiser: "went"/VBD -> "go", "talks"/NNS -> "talk".
 *
 * It follows WordNet's morphy: an irregular form is looked up in the
 * exception lists, otherwise suffix rules propose candidates and a
 * candidate is accepted only if WordNet knows it as a base form of the
 * part of speech.  It adds what morphy lacks for running text:
 *
 *   - a choice between "hop" and "hope" for "hoped" (morphy proposes both):
 *     a stem ending consonant-vowel-consonant would have doubled its last
 *     letter ("hopped"), so "hoped" is "hope", while "singing" is "sing";
 *   - undoubling: "stopped" -> "stop", "planning" -> "plan", "bigger" -> "big";
 *   - -ied/-ier/-iest -> -y, -ying -> -ie;
 *   - a base-form tag keeps a known word: "upgrade"/VB, "news"/NN, "bus"/NN;
 *   - a plural noun does not shrink to two letters if it is a noun itself
 *     ("gas" is not "ga", "us" is not "u"), while "ads" still gives "ad";
 *   - for inflected tags, a word WordNet does not know is reduced by plain
 *     spelling rules ("tweeted" -> "tweet", "jihadists" -> "jihadist"), since
 *     the tagger has already said it is inflected;
 *   - hyphenated words are reduced on their last part when the whole is not
 *     known: "cease-fires" -> "cease-fire", "re-elected" -> "re-elect".
 *
 * Only verbs (VB..VBZ), common nouns (NN, NNS) and comparatives (JJR, JJS)
 * are reduced; every other tag, including MD and the proper nouns NNP and
 * NNPS, is just lower-cased.  Proper nouns are left whole on purpose:
 * plural names are names ("United States", "Philippines", "Emirates",
 * "Times"), and reducing them to "state" or "time" would break the actor
 * dictionaries that match them.
 *
 * Every call is a pure function of its arguments over const tables (see
 * lemmadata.h): the word is lower-cased into a stack buffer together with
 * the hash state after each prefix, so each candidate costs only the hash
 * of its few suffix bytes and a probe of the table.
 */
#include "../internal.h"
#include "lemma/lemmadata.h"

/* The output: up to three pieces written one after the other (a prefix
 * kept from a hyphenated word, a stem, and a suffix or nothing). */
typedef struct result {
    const char *a;
    size_t alen;
    const char *b;
    size_t blen;
} result;

/* The lower-cased word or the part of it being reduced. */
typedef struct seg {
    const char *s;
    size_t n;
    uint32_t h[LEMMA_MAX_WORD + 1]; /* hash state after s[0..i) */
} seg;

static void seg_init(seg *w, const char *s, size_t n)
{
    w->s = s;
    w->n = n;
    uint32_t h = LEMMA_HASH_INIT;
    w->h[0] = h;
    for (size_t i = 0; i < n; i++) w->h[i + 1] = h = lemma_hash_step(h, (unsigned char)s[i]);
}

/* The record of the word s[0..k) + suf, or NULL. */
static const unsigned char *lookup(const seg *w, size_t k, const char *suf, size_t suflen)
{
    uint32_t h = w->h[k];
    for (size_t i = 0; i < suflen; i++) h = lemma_hash_step(h, (unsigned char)suf[i]);
    h = lemma_hash_final(h);
    const uint32_t mask = lemma_slot_mask, tag = h & 0xff000000u;
    const size_t len = k + suflen;
    /* The generator keeps the table at most 70% full, so an empty slot
     * always ends the probe. */
    for (uint32_t j = h & mask;; j = (j + 1) & mask) {
        uint32_t slot = lemma_slots[j];
        if (!slot) return NULL;
        if ((slot & 0xff000000u) != tag) continue;
        const unsigned char *r = lemma_pool + (slot & 0xffffffu);
        if (r[0] == len && memcmp(r + 2, w->s, k) == 0 && memcmp(r + 2 + k, suf, suflen) == 0)
            return r;
    }
}

static bool known(const seg *w, size_t k, const char *suf, unsigned flag)
{
    const unsigned char *r = lookup(w, k, suf, strlen(suf));
    return r && (r[1] & flag);
}

/* Base form recorded for an irregular form r of part of speech p
 * (0 noun, 1 verb, 2 adjective), or NULL. */
static const unsigned char *exception(const unsigned char *r, int p)
{
    unsigned flags = r[1];
    if (!(flags & (LEMMA_NOUN_EXC << p))) return NULL;
    const unsigned char *q = r + 2 + r[0];
    for (int i = 0; i < p; i++)
        if (flags & (LEMMA_NOUN_EXC << i)) q += 3;
    return lemma_pool + ((uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16);
}

static bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
static bool is_consonant(char c) { return ch_is_lower(c) && !is_vowel(c); }

static bool ends(const seg *w, const char *suf)
{
    size_t k = strlen(suf);
    return w->n >= k && memcmp(w->s + w->n - k, suf, k) == 0;
}

static bool set(result *out, const char *a, size_t alen, const char *b)
{
    out->a = a;
    out->alen = alen;
    out->b = b;
    out->blen = strlen(b);
    return true;
}

/* A stem ending consonant-vowel-consonant ("hop", "rat", "star") doubles
 * its consonant before -ed/-ing/-er, so an undoubled form with both "hop"
 * and "hope" known comes from the one with the e. */
static bool cvc(const char *s, size_t k)
{
    if (k < 2) return false;
    char c = s[k - 1];
    return is_consonant(c) && c != 'w' && c != 'x' && c != 'y' && is_vowel(s[k - 2]) &&
           (k == 2 || !is_vowel(s[k - 3]));
}

/* The base of stem s[0..k) left by -ed, -ing, -er or -est: the stem
 * itself ("walked"), the stem with its e back ("hoped"), or the stem with
 * a doubled consonant undone ("stopped"). */
static bool stem_e_or_undoubled(const seg *w, size_t k, unsigned flag, result *out)
{
    if (k < 2) return false;
    bool plain = known(w, k, "", flag), with_e = known(w, k, "e", flag);
    if (plain && (!with_e || !cvc(w->s, k))) return set(out, w->s, k, "");
    if (with_e) return set(out, w->s, k, "e");
    if (k >= 3 && w->s[k - 1] == w->s[k - 2] && is_consonant(w->s[k - 1]) &&
        known(w, k - 1, "", flag))
        return set(out, w->s, k - 1, "");
    return false;
}

static bool verb_rules(const seg *w, result *out)
{
    const size_t n = w->n;
    const unsigned V = LEMMA_VERB;
    if (ends(w, "s") && !ends(w, "ss")) {
        if (n >= 3 && known(w, n - 1, "", V)) return set(out, w->s, n - 1, "");
        if (ends(w, "ies") && n >= 4 && known(w, n - 3, "y", V)) return set(out, w->s, n - 3, "y");
        if (ends(w, "es") && n >= 4 && known(w, n - 2, "", V)) return set(out, w->s, n - 2, "");
        return false;
    }
    if (ends(w, "ed")) {
        /* "skied" is "ski" before it is "sky"; "applied" falls through. */
        if (stem_e_or_undoubled(w, n - 2, V, out)) return true;
        return ends(w, "ied") && n >= 4 && known(w, n - 3, "y", V) && set(out, w->s, n - 3, "y");
    }
    if (ends(w, "ing")) {
        if (stem_e_or_undoubled(w, n - 3, V, out)) return true;
        if (ends(w, "ying") && n >= 6 && known(w, n - 4, "ie", V)) return set(out, w->s, n - 4, "ie");
    }
    return false;
}

static bool noun_rules(const seg *w, result *out)
{
    const size_t n = w->n;
    const unsigned N = LEMMA_NOUN;
    /* WordNet's own rule: a noun in -ss is singular ("glass"). */
    if (ends(w, "s") && !ends(w, "ss")) {
        if (n >= 3 && known(w, n - 1, "", N)) return set(out, w->s, n - 1, "");
        if ((ends(w, "ses") || ends(w, "xes") || ends(w, "zes") || ends(w, "ches") ||
             ends(w, "shes")) && n >= 5 && known(w, n - 2, "", N))
            return set(out, w->s, n - 2, "");
        if (ends(w, "zzes") && n >= 6 && known(w, n - 3, "", N)) return set(out, w->s, n - 3, "");
        if (ends(w, "ies") && n >= 4 && known(w, n - 3, "y", N)) return set(out, w->s, n - 3, "y");
        return false;
    }
    if (ends(w, "men") && n >= 5 && known(w, n - 3, "man", N)) return set(out, w->s, n - 3, "man");
    return false;
}

static bool adj_rules(const seg *w, result *out)
{
    const size_t n = w->n;
    const unsigned A = LEMMA_ADJ;
    if (ends(w, "est")) {
        if (ends(w, "iest") && n >= 5 && known(w, n - 4, "y", A)) return set(out, w->s, n - 4, "y");
        return stem_e_or_undoubled(w, n - 3, A, out);
    }
    if (ends(w, "er")) {
        if (ends(w, "ier") && n >= 4 && known(w, n - 3, "y", A)) return set(out, w->s, n - 3, "y");
        return stem_e_or_undoubled(w, n - 2, A, out);
    }
    return false;
}

/* Spelling-only reductions for words WordNet does not know.  They are
 * deliberately few and conservative: a wrong guess is worse than the
 * inflected form. */
static bool guess_e(const char *s, size_t k)
{
    char c = s[k - 1], b = s[k - 2];
    /* A stem that cannot end an English word takes its e back: final v
     * or u ("swerved", "queued"), -iz ("weaponized"), consonant + l
     * ("googled"). */
    if (c == 'v' || c == 'u') return true;
    if (c == 'z' && (b == 'i' || b == 'y')) return true;
    return c == 'l' && strchr("bcdfgkptz", b) != NULL;
}

static bool guess_stem(const seg *w, size_t k, result *out)
{
    const char *s = w->s;
    if (k < 3) return false;
    if (s[k - 1] == s[k - 2] && is_consonant(s[k - 1]) && !strchr("lsfz", s[k - 1]))
        return set(out, s, k - 1, "");
    return set(out, s, k, guess_e(s, k) ? "e" : "");
}

static bool guess_plural(const seg *w, result *out)
{
    const size_t n = w->n;
    if (n < 4 || !ends(w, "s")) return false;
    if (ends(w, "ies")) return n >= 5 && set(out, w->s, n - 3, "y");
    if (ends(w, "sses") || ends(w, "xes") || ends(w, "zes") || ends(w, "ches") || ends(w, "shes"))
        return set(out, w->s, n - 2, "");
    if (ends(w, "ss") || ends(w, "us") || ends(w, "is")) return false;
    return set(out, w->s, n - 1, "");
}

static bool guess(const seg *w, dyad_tag tag, result *out)
{
    const size_t n = w->n;
    switch (tag) {
    case DYAD_TAG_NNS:
    case DYAD_TAG_VBZ:
        return guess_plural(w, out);
    case DYAD_TAG_VBD:
    case DYAD_TAG_VBN:
        if (ends(w, "ied")) return n >= 5 && set(out, w->s, n - 3, "y");
        return ends(w, "ed") && guess_stem(w, n - 2, out);
    case DYAD_TAG_VBG:
        return ends(w, "ing") && guess_stem(w, n - 3, out);
    default:
        return false;
    }
}

/* Reduces w for a lemmatised tag; false leaves the word as it is. */
static bool reduce(const seg *w, dyad_tag tag, bool may_guess, result *out)
{
    int p;
    unsigned flag;
    bool base_tag;
    switch (tag) {
    case DYAD_TAG_NN:
    case DYAD_TAG_NNS:
        p = 0, flag = LEMMA_NOUN, base_tag = tag == DYAD_TAG_NN;
        break;
    case DYAD_TAG_VB:
    case DYAD_TAG_VBP:
    case DYAD_TAG_VBD:
    case DYAD_TAG_VBG:
    case DYAD_TAG_VBN:
    case DYAD_TAG_VBZ:
        p = 1, flag = LEMMA_VERB, base_tag = tag == DYAD_TAG_VB || tag == DYAD_TAG_VBP;
        break;
    case DYAD_TAG_JJR:
    case DYAD_TAG_JJS:
        p = 2, flag = LEMMA_ADJ, base_tag = false;
        break;
    default:
        return false;
    }
    const unsigned char *self = lookup(w, w->n, "", 0);
    bool self_known = self && (self[1] & flag);
    if (base_tag && self_known) return false;
    const unsigned char *base = self ? exception(self, p) : NULL;
    if (base) return set(out, (const char *)base + 2, base[0], "");
    bool found = p == 0 ? noun_rules(w, out) : p == 1 ? verb_rules(w, out) : adj_rules(w, out);
    if (found) {
        /* Two-letter nouns are mostly abbreviations ("ga", "u"): a known
         * noun is not a plural of one. */
        if (p == 0 && self_known && out->alen + out->blen <= 2) return false;
        return true;
    }
    /* Guess only for a word WordNet does not know at all: a known word
     * that no rule reduces is better left alone ("news", "series"). */
    if (may_guess && !base_tag && !(self && (self[1] & (LEMMA_NOUN | LEMMA_VERB | LEMMA_ADJ))))
        return guess(w, tag, out);
    return false;
}

static size_t emit(char *buf, size_t cap, const char *p0, size_t n0, const result *r)
{
    const char *piece[3] = {p0, r->a, r->b};
    size_t len[3] = {n0, r->alen, r->blen};
    size_t o = 0;
    for (int i = 0; i < 3; i++) {
        size_t take = len[i] < cap - 1 - o ? len[i] : cap - 1 - o;
        memcpy(buf + o, piece[i], take);
        o += take;
    }
    buf[o] = 0;
    return o;
}

size_t dyad_lemmatize(const char *word, size_t len, dyad_tag tag, char *buf, size_t cap)
{
    if (cap == 0) return 0;
    if (len > LEMMA_MAX_WORD) {
        /* Too long to be in the tables: lower-case only, byte by byte, which
         * is also safe when buf and word are the same memory. */
        size_t n = len < cap - 1 ? len : cap - 1;
        for (size_t i = 0; i < n; i++) buf[i] = (char)ch_lower((unsigned char)word[i]);
        buf[n] = 0;
        return n;
    }
    char lw[LEMMA_MAX_WORD + 1];
    bool plain = true; /* only letters, hyphens and apostrophes */
    size_t last_hyphen = SIZE_MAX;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        lw[i] = (char)ch_lower(c);
        if (c == '-') last_hyphen = i;
        else if (!ch_is_alpha(c) && c != '\'') plain = false;
    }
    result r = {lw, len, "", 0};
    if (!plain || len == 0) return emit(buf, cap, "", 0, &r);

    seg w;
    seg_init(&w, lw, len);
    result red;
    if (last_hyphen == SIZE_MAX) {
        if (reduce(&w, tag, true, &red)) r = red;
        return emit(buf, cap, "", 0, &r);
    }
    if (reduce(&w, tag, false, &red)) return emit(buf, cap, "", 0, &red);
    size_t start = last_hyphen + 1;
    if (len - start >= 2) {
        seg part;
        seg_init(&part, lw + start, len - start);
        if (reduce(&part, tag, true, &red)) return emit(buf, cap, lw, start, &red);
    }
    return emit(buf, cap, "", 0, &r);
}

/* The tagger's lexicon (WSJ) lacks many irregular past forms that WordNet
 * lists ("overran", "retook", "forsook"); an exception entry says the word
 * is an inflected verb whatever its spelling looks like. */
bool lemma_is_irregular_verb(const char *lower, size_t len)
{
    if (len == 0 || len > LEMMA_MAX_WORD) return false;
    seg w;
    seg_init(&w, lower, len);
    const unsigned char *r = lookup(&w, len, "", 0);
    return r && (r[1] & LEMMA_VERB_EXC);
}

/* True when WordNet has the lower-case word as the base form of a verb
 * ("down", "shell"): a headline's "Downs" or "Shells" may be that verb. */
bool lemma_is_verb_base(const char *lower, size_t len)
{
    if (len == 0 || len > LEMMA_MAX_WORD) return false;
    seg w;
    seg_init(&w, lower, len);
    const unsigned char *r = lookup(&w, len, "", 0);
    return r && (r[1] & LEMMA_VERB);
}
