/*
 * places.c -- finding place mentions and choosing among same-named places
 * (where.h).
 */
#include "where.h"
#include "gazdata.h"
#include "place_key.h"
#include "../internal.h"

#include <string.h>

/* ---- name keys ----------------------------------------------------------- */

/* Appends a token's form to a key as gen_gazetteer makes keys (case and
 * diacritics folded, place_key.h; hyphens as spaces).  Returns false when
 * it does not fit (no place name is that long). */
static bool key_append(char *key, size_t *len, size_t cap, const char *word)
{
    if (*len) {
        if (*len + 1 >= cap) return false;
        key[(*len)++] = ' ';
    }
    while (*word) {
        size_t n = strcspn(word, "-");
        if (!place_key_fold(key, len, cap, word, n)) return false;
        word += n;
        if (*word == '-') {
            if (*len && key[*len - 1] != ' ') {
                if (*len + 1 >= cap) return false;
                key[(*len)++] = ' ';
                key[*len] = 0;
            }
            word++;
        }
    }
    key[*len] = 0;
    return true;
}

/* First entry whose key is >= key. */
static uint32_t lower_bound(const char *key)
{
    const unsigned char *k = (const unsigned char *)key;
    unsigned b = (unsigned)k[0] << 8 | (k[0] ? k[1] : 0u);
    uint32_t lo = gaz_name_buckets[b], hi = gaz_name_buckets[b + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (strcmp(gaz_names[mid].key, key) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static bool find_key(const char *key, uint32_t *lo, uint32_t *hi)
{
    uint32_t a = lower_bound(key), b = a;
    while (b < gaz_nnames && strcmp(gaz_names[b].key, key) == 0) b++;
    *lo = a;
    *hi = b;
    return b > a;
}

/* ---- mentions --------------------------------------------------------------- */

/* Locatives (maybe_locative, below): in, inside, into, near, at, across,
 * around, outside, over, off, to, toward(s), throughout, from, within. */
/* Words between a locative and the name: "in the eastern city of". */
static const char *const fillers[] = {"the", "eastern", "western", "northern", "southern",
                                      "central", "northeastern", "northwestern",
                                      "southeastern", "southwestern", "north", "south", "east",
                                      "west", "occupied", "besieged", "capital", "city", "town",
                                      "village", "port", "region", "province", "of", "outskirts",
                                      "suburbs", "downtown", NULL};
static const char *const region_words[] = {"region", "province", "oblast", "state",
                                           "district", "governorate", "prefecture", "county",
                                           "area", NULL};

/* Whether t is one of `locatives`, by its first letter: the common short
 * words ("the", "of", "and") are turned away after one or two
 * comparisons instead of sixteen. */
static bool maybe_locative(const dyad_token *t)
{
    if (t->norm_len < 2 || t->norm_len > 10) return false;
    switch (ch_lower((unsigned char)t->norm[0])) {
    case 'i': return token_is(t, "in") || token_is(t, "inside") || token_is(t, "into");
    case 'n': return token_is(t, "near");
    case 'a': return token_is(t, "at") || token_is(t, "across") || token_is(t, "around");
    case 'o': return token_is(t, "outside") || token_is(t, "over") || token_is(t, "off");
    case 't': return token_is(t, "to") || token_is(t, "toward") || token_is(t, "towards") || token_is(t, "throughout");
    case 'f': return token_is(t, "from");
    case 'w': return token_is(t, "within");
    default: return false;
    }
}

static bool capitalised(const dyad_token *t)
{
    return (t->flags & DYAD_TOKEN_CAPITALIZED) != 0 || (t->flags & DYAD_TOKEN_ALLCAPS) != 0;
}

/* Longest gazetteer name starting at token i, made of capitalised words
 * (and the small words inside names: "of", "de", "al"). */
static size_t longest_name(const dyad_sentence *s, size_t i, uint32_t *lo, uint32_t *hi)
{
    char key[128];
    size_t len = 0, best = 0;
    if (i >= s->ntokens || !capitalised(&s->tokens[i])) return 0;
    for (size_t k = 0; k < WHERE_MAX_WORDS && i + k < s->ntokens; k++) {
        const dyad_token *t = &s->tokens[i + k];
        if (k > 0 && !capitalised(t) && !token_is(t, "of") && !token_is(t, "de") &&
            !token_is(t, "al") && !token_is(t, "el"))
            break;
        if (!key_append(key, &len, sizeof key, t->norm)) break;
        uint32_t a, b;
        if (capitalised(t) && find_key(key, &a, &b)) {
            best = k + 1;
            *lo = a;
            *hi = b;
        }
    }
    return best;
}

/* Whether the capitalised run going on at token i ends in a word for a
 * sea, a gulf, a river or a range ("East China Sea", "Gulf of Aden" is
 * a name of its own): the name before it is part of that name. */
static bool water_after(const dyad_sentence *s, size_t i)
{
    static const char *const features[] = {"sea", "ocean", "gulf", "strait", "straits", "bay", "river",
                                           "lake", "mountains", "peninsula", "desert", "canal", NULL};
    for (size_t k = i; k < s->ntokens && k < i + WHERE_MAX_WORDS && capitalised(&s->tokens[k]); k++)
        if (token_in(&s->tokens[k], features)) return true;
    return false;
}

/* "Paris, Texas", "Hyderabad, Pakistan": a comma and the name of a
 * region or a country right after a place name say which place it is.
 * Records the qualifier's gazetteer entries in m; returns the tokens it
 * takes (0 when there is none). */
static size_t qualifier(const dyad_sentence *s, size_t i, where_mention *m)
{
    if (i + 1 >= s->ntokens || !token_is(&s->tokens[i], ",")) return 0;
    uint32_t lo, hi;
    size_t n = longest_name(s, i + 1, &lo, &hi);
    if (!n) return 0;
    bool any = false;
    for (uint32_t k = lo; k < hi; k++) any |= gaz_names[k].kind != GAZ_CITY;
    if (!any) return 0;
    m->within_lo = lo;
    m->within_hi = hi;
    return n + 1;
}

size_t where_find(const dyad_sentence *s, where_mention *out, size_t max)
{
    size_t found = 0;
    for (size_t i = 0; i < s->ntokens; i++) {
        const dyad_token *t = &s->tokens[i];
        bool after_locative = false;
        if (maybe_locative(t)) {
            /* Skip the fillers ("in the eastern city of") to the name. */
            size_t j = i + 1, skipped = 0;
            while (j < s->ntokens && skipped < 5 && token_in(&s->tokens[j], fillers) &&
                   !capitalised(&s->tokens[j])) {
                j++;
                skipped++;
            }
            uint32_t lo, hi;
            size_t n = longest_name(s, j, &lo, &hi);
            if (n && water_after(s, j + n)) {
                /* "in the East China Sea" is no place called East */
                i = j + n - 1;
                continue;
            }
            if (n) {
                after_locative = true;
                where_mention m = {(uint32_t)j, (uint32_t)(j + n), lo, hi, false, 0, 0};
                if (j + n < s->ntokens && token_in(&s->tokens[j + n], region_words)) m.region_word = true;
                size_t q = qualifier(s, j + n, &m);
                if (found < max) out[found] = m;
                found++;
                i = j + n + q - 1;
            }
        }
        if (after_locative) continue;
        /* "the Donbas region": a name before a region word, locative or not.
         * Most capitalised words have no region word after them: looking
         * for one first spares a gazetteer search per name. */
        bool region_ahead = false;
        if (capitalised(t)) {
            /* the region word is the first word after the name's
             * capitalised run */
            size_t k = i + 1;
            while (k < s->ntokens && k <= i + WHERE_MAX_WORDS && capitalised(&s->tokens[k])) k++;
            region_ahead = k < s->ntokens && k <= i + WHERE_MAX_WORDS && token_in(&s->tokens[k], region_words);
        }
        if (region_ahead) {
            uint32_t lo, hi;
            size_t n = longest_name(s, i, &lo, &hi);
            if (n && i + n < s->ntokens && token_in(&s->tokens[i + n], region_words) &&
                !(s->tokens[i + n].flags & DYAD_TOKEN_CAPITALIZED)) {
                where_mention m = {(uint32_t)i, (uint32_t)(i + n), lo, hi, true, 0, 0};
                if (found < max) out[found] = m;
                found++;
                i += n - 1;
            } else if (n) {
                i += n - 1;
            }
        }
    }
    return found;
}

bool where_find_dateline(const dyad_sentence *s, where_mention *out)
{
    if (s->part != DYAD_PART_DATELINE || s->ntokens == 0) return false;
    uint32_t lo, hi;
    size_t n = longest_name(s, 0, &lo, &hi);
    if (!n) return false;
    *out = (where_mention){0, (uint32_t)n, lo, hi, false, 0, 0};
    return true;
}

/* ---- choosing ------------------------------------------------------------------ */

void where_context_add(where_context *c, const char *alpha3)
{
    for (size_t i = 0; i < c->ncountries; i++)
        if (strcmp(c->countries[i], alpha3) == 0) return;
    if (c->ncountries < sizeof c->countries / sizeof *c->countries) {
        memcpy(c->countries[c->ncountries], alpha3, 3);
        c->countries[c->ncountries][3] = 0;
        c->ncountries++;
    }
}

static bool in_context(const where_context *c, int32_t country)
{
    if (!c) return false;
    for (size_t i = 0; i < c->ncountries; i++)
        if (strcmp(c->countries[i], gaz_countries[country].alpha3) == 0) return true;
    return false;
}

static int32_t country_of(const gaz_name *n)
{
    switch (n->kind) {
    case GAZ_COUNTRY: return (int32_t)n->index;
    case GAZ_REGION: return gaz_regions[n->index].country;
    default: return gaz_cities[n->index].country;
    }
}

/* Prominence of a candidate without context: capitals, then regional
 * seats and regions (a region without "region" ranks with a regional
 * seat), then population. */
static uint64_t prominence(const gaz_name *n)
{
    if (n->kind == GAZ_CITY)
        return (uint64_t)gaz_cities[n->index].seat << 40 | gaz_cities[n->index].population;
    return n->kind == GAZ_REGION ? (uint64_t)1 << 40 : (uint64_t)3 << 40;
}

/* Whether a candidate in the article's countries may win over the most
 * prominent candidate elsewhere.  The article's countries come from its
 * actors, and actors travel: "US and Russian diplomats met in Geneva" is
 * no reason for Geneva, Illinois (22,000 people), over the Swiss city.
 * So the article's country settles a choice among peers: a place of the
 * same tier (capital; regional seat or region; other), a city of its own
 * (100,000 people or more: "Tripoli" in an article on Lebanon is
 * Lebanon's), or a town at least a third as large as the other. */
#define CONTEXT_CITY 100000u
static bool context_peer(uint64_t mine, uint64_t best)
{
    if (mine >> 40 >= best >> 40) return true;
    uint64_t pop_mask = ((uint64_t)1 << 40) - 1, mp = mine & pop_mask, bp = best & pop_mask;
    return mp >= CONTEXT_CITY || (bp > 0 && mp * 3 >= bp);
}

/* Rank of a candidate: higher wins.  Countries first (a country's name is
 * the country even where a town shares it), then places in the article's
 * countries that are peers of the most prominent candidate, then regions
 * when the text says "region", then prominence. */
static bool within(const gaz_name *n, const where_mention *m)
{
    for (uint32_t k = m->within_lo; k < m->within_hi; k++) {
        const gaz_name *q = &gaz_names[k];
        if (q->kind == GAZ_COUNTRY && (uint32_t)country_of(n) == q->index) return true;
        if (q->kind == GAZ_REGION && n->kind == GAZ_CITY && gaz_cities[n->index].region == (int32_t)q->index)
            return true;
    }
    return false;
}

static uint64_t rank(const gaz_name *n, const where_context *c, bool region_word, uint64_t most)
{
    uint64_t r = 0, p = prominence(n);
    if (n->kind == GAZ_COUNTRY) r |= (uint64_t)1 << 62;
    if (in_context(c, country_of(n)) && context_peer(p, most)) r |= (uint64_t)1 << 61;
    if (n->kind == GAZ_REGION && region_word) r |= (uint64_t)1 << 60;
    if (n->kind != GAZ_COUNTRY) r |= p;
    return r;
}

static void fill(const gaz_name *n, uint32_t candidates, const char *why, where_place *out)
{
    out->kind = n->kind;
    out->index = n->index;
    out->candidates = candidates;
    out->why = why;
    out->region = NULL;
    int32_t lat = 0, lon = 0, country = country_of(n);
    switch (n->kind) {
    case GAZ_COUNTRY:
        out->name = gaz_countries[n->index].name;
        lat = gaz_countries[n->index].lat;
        lon = gaz_countries[n->index].lon;
        break;
    case GAZ_REGION:
        out->name = gaz_regions[n->index].name;
        out->region = gaz_regions[n->index].name;
        lat = gaz_regions[n->index].lat;
        lon = gaz_regions[n->index].lon;
        break;
    default: {
        const gaz_city *city = &gaz_cities[n->index];
        out->name = city->name;
        if (city->region >= 0) out->region = gaz_regions[city->region].name;
        lat = city->lat;
        lon = city->lon;
    }
    }
    out->country = gaz_countries[country].alpha3;
    out->country2 = gaz_countries[country].alpha2;
    out->lat = lat / 1e5;
    out->lon = lon / 1e5;
}

bool where_choose(const where_mention *m, const where_context *c, where_place *out)
{
    if (m->name_hi <= m->name_lo) return false;
    uint64_t most = 0;
    for (uint32_t i = m->name_lo; i < m->name_hi; i++)
        if (gaz_names[i].kind != GAZ_COUNTRY && prominence(&gaz_names[i]) > most) most = prominence(&gaz_names[i]);
    uint32_t best = m->name_lo;
    /* The qualifier ("Paris, Texas") outranks everything else. */
    const uint64_t stated = (uint64_t)1 << 63;
    uint64_t best_rank = rank(&gaz_names[best], c, m->region_word, most) |
                         (within(&gaz_names[best], m) ? stated : 0);
    for (uint32_t i = m->name_lo + 1; i < m->name_hi; i++) {
        uint64_t r = rank(&gaz_names[i], c, m->region_word, most) | (within(&gaz_names[i], m) ? stated : 0);
        if (r > best_rank) {
            best = i;
            best_rank = r;
        }
    }
    uint32_t n = m->name_hi - m->name_lo;
    const char *why;
    if (n == 1) why = "the only place of that name";
    else if (best_rank >> 63) why = "in the region or country named after it";
    else if ((best_rank >> 62) & 1) why = "a country's name";
    else if ((best_rank >> 61) & 1) why = "in a country the article names; the largest there";
    else if ((best_rank >> 60) & 1) why = "the region, as the text says";
    else why = "the largest place of that name";
    fill(&gaz_names[best], n, why, out);
    return true;
}

bool where_lookup(const char *name, const where_context *c, where_place *out)
{
    char key[128];
    size_t len = 0;
    if (!key_append(key, &len, sizeof key, name)) return false;
    where_mention m = {0, 0, 0, 0, false, 0, 0};
    if (!find_key(key, &m.name_lo, &m.name_hi)) return false;
    return where_choose(&m, c, out);
}
