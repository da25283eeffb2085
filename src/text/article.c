/*
 * article.c -- the layout of an article as a user pastes it.
 *
 * A pasted news story has a headline (often without final punctuation),
 * maybe subheadlines, a byline ("By Jane Doe, Reuters" or "[Asia Economy
 * Reporter Hyunwoo Lee]"), a dateline ("WASHINGTON, Jan 26 (Reuters) -"),
 * body paragraphs, and trailing boilerplate (copyright lines, "Reporting
 * by ...; Editing by ...").  Only headlines and body are news; the rest must
 * never be coded, so it is recognised here, before sentences exist.
 *
 * Paragraphs: one per line as browsers paste them, or hard-wrapped lines
 * joined until a blank line or a line that ends a sentence.  A short line
 * without final punctuation stands alone (a heading), so a wrapped line is
 * told from a heading by its length.
 */
#include "../internal.h"

/* A header line is at most this long; longer lines are body text. */
#define HEADER_MAX_BYTES 160
/* Lines shorter than this without final punctuation are not wrapped
 * continuations of the next line. */
#define WRAP_MIN_BYTES 60
/* Boilerplate markers count only in paragraphs at most this long (a story
 * about copyright law must stay news). */
#define BOILERPLATE_MAX_BYTES 300
#define HEADER_MAX_LINES 6

typedef struct line {
    uint32_t start, end; /* trimmed */
    bool blank_before;
} line;

typedef struct part_list {
    arena *a;
    dyad_part *v;
    size_t n, cap;
    bool failed;
} part_list;

static void add_part(part_list *pl, dyad_part_kind kind, uint32_t start, uint32_t end)
{
    if (pl->failed || start >= end) return;
    if (pl->n == pl->cap) {
        dyad_part *v = arena_grow(pl->a, pl->v, &pl->cap, pl->n + 1, sizeof *v);
        if (!v) { pl->failed = true; return; }
        pl->v = v;
    }
    pl->v[pl->n++] = (dyad_part){kind, start, end};
}

static bool is_space_at(const char *t, uint32_t i, uint32_t end, uint32_t *adv)
{
    unsigned char c = (unsigned char)t[i];
    *adv = 1;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == 0) return true;
    if (c == 0xC2 && i + 1 < end && (unsigned char)t[i + 1] == 0xA0) { *adv = 2; return true; }
    if (c == 0xEF && i + 2 < end && (unsigned char)t[i + 1] == 0xBB &&
        (unsigned char)t[i + 2] == 0xBF) { *adv = 3; return true; }
    return false;
}

/* Case-insensitive search for an ASCII needle in t[start,end). */
static bool contains(const char *t, uint32_t start, uint32_t end, const char *needle)
{
    size_t m = strlen(needle);
    if (end - start < m) return false;
    for (uint32_t i = start; i + m <= end; i++) {
        size_t k = 0;
        while (k < m && ch_lower((unsigned char)t[i + k]) == needle[k]) k++;
        if (k == m) return true;
    }
    return false;
}

static bool starts_with(const char *t, uint32_t start, uint32_t end, const char *prefix)
{
    size_t m = strlen(prefix);
    if (end - start < m) return false;
    for (size_t k = 0; k < m; k++)
        if (ch_lower((unsigned char)t[start + k]) != prefix[k]) return false;
    return true;
}

/* Ends with . ! ? : possibly followed by closing quotes or brackets. */
static bool ends_sentence(const char *t, uint32_t start, uint32_t end)
{
    uint32_t i = end;
    while (i > start) {
        unsigned char c = (unsigned char)t[i - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') { i--; continue; }
        /* ” and ’ are E2 80 9D / E2 80 99 */
        if (i - start >= 3 && (unsigned char)t[i - 3] == 0xE2 && (unsigned char)t[i - 2] == 0x80 &&
            ((unsigned char)t[i - 1] == 0x9D || (unsigned char)t[i - 1] == 0x99)) { i -= 3; continue; }
        return c == '.' || c == '!' || c == '?' || c == ':';
    }
    return false;
}

static size_t count_words(const char *t, uint32_t start, uint32_t end)
{
    size_t words = 0;
    bool in = false;
    for (uint32_t i = start; i < end; i++) {
        bool sp = t[i] == ' ' || t[i] == '\t';
        if (!sp && !in) words++;
        in = !sp;
    }
    return words;
}

static const char *const boilerplate_markers[] = {
    "\xC2\xA9", "copyright", "all rights reserved", "reporting by", "editing by",
    "writing by", "additional reporting", "contributed reporting",
    "contributed to this report", "our standards:", "trust principles",
    "sign up for", "subscribe to", "click here", "follow us on", "unauthorized reproduction",
    "redistribution prohibited", "reproduction prohibited", "(c) ", "read more:",
};

static bool is_boilerplate(const char *t, uint32_t start, uint32_t end)
{
    if (end - start > BOILERPLATE_MAX_BYTES) return false;
    for (size_t k = 0; k < sizeof boilerplate_markers / sizeof *boilerplate_markers; k++)
        if (contains(t, start, end, boilerplate_markers[k])) return true;
    return false;
}

static const char *const byline_words[] = {
    "reporter", "correspondent", "staff writer", "bureau", "editor", "contributor",
    "columnist", "reuters", "associated press", "afp", "(ap)",
};

static bool mentions_byline_word(const char *t, uint32_t start, uint32_t end)
{
    for (size_t k = 0; k < sizeof byline_words / sizeof *byline_words; k++)
        if (contains(t, start, end, byline_words[k])) return true;
    return false;
}

/* "By Jane Doe", "By Jane Doe and John Roe, Reuters": a short line. */
static bool is_by_line(const char *t, uint32_t start, uint32_t end)
{
    return end - start < 120 && starts_with(t, start, end, "by ") && start + 3 < end &&
           ch_is_upper((unsigned char)t[start + 3]);
}

/* Length of a bracketed byline opening a paragraph ("[Asia Economy
 * Reporter Hyunwoo Lee] "), including the spaces after it; 0 if none. */
static uint32_t bracket_byline(const char *t, uint32_t start, uint32_t end)
{
    if (t[start] != '[') return 0;
    uint32_t i = start + 1;
    while (i < end && i - start < 120 && t[i] != ']') i++;
    if (i >= end || t[i] != ']') return 0;
    if (!mentions_byline_word(t, start, i) && count_words(t, start, i) > 5) return 0;
    i++;
    uint32_t adv;
    while (i < end && is_space_at(t, i, end, &adv)) i += adv;
    return i - start;
}

/* Length of a dateline opening a paragraph ("WASHINGTON, Jan 26 (Reuters)
 * - ", "MOSCOW (AP) -- ", "SEOUL, Jan. 27 --"), including the dash and the
 * spaces after it; 0 if none.  The place is written in capitals. */
static uint32_t dateline(const char *t, uint32_t start, uint32_t end)
{
    uint32_t i = start, caps = 0;
    /* several places ("WASHINGTON / KYIV -", "LONDON/NAIROBI")
     * and hyphenated names are one dateline */
    while (i < end && (ch_is_upper((unsigned char)t[i]) || t[i] == ' ' || t[i] == '.' ||
                       t[i] == '\'' || t[i] == '/' ||
                       (t[i] == '-' && i > start && ch_is_upper((unsigned char)t[i - 1]) && i + 1 < end &&
                        ch_is_upper((unsigned char)t[i + 1])))) {
        if (ch_is_upper((unsigned char)t[i])) caps++;
        i++;
    }
    if (caps < 2 || i >= end) return 0;
    /* The capitals must end at a word boundary: "WASHINGTON," not "WASHington". */
    if (ch_is_lower((unsigned char)t[i])) return 0;
    uint32_t limit = start + 80 < end ? start + 80 : end;
    for (; i < limit; i++) {
        unsigned char c = (unsigned char)t[i];
        uint32_t dash_len = 0;
        if (c == '-' ) dash_len = (i + 1 < end && t[i + 1] == '-') ? 2 : 1;
        else if (c == 0xE2 && i + 2 < end && (unsigned char)t[i + 1] == 0x80 &&
                 ((unsigned char)t[i + 2] == 0x94 || (unsigned char)t[i + 2] == 0x93))
            dash_len = 3;
        if (dash_len) {
            /* a hyphen inside a word ("Al-Quds") is not the dateline dash */
            if (dash_len == 1 && i > start && t[i - 1] != ' ' && t[i - 1] != ')') return 0;
            uint32_t j = i + dash_len;
            uint32_t adv;
            if (j < end && !is_space_at(t, j, end, &adv)) return 0;
            while (j < end && is_space_at(t, j, end, &adv)) j += adv;
            return j - start;
        }
        /* A sentence end or a lower-case word run before any dash means
         * this is ordinary text that happens to start in capitals. */
        if (c == '!' || c == '?' || c == '"') return 0;
        if (c == '.' && i + 1 < end && t[i + 1] == ' ' && i >= start + 4 &&
            !ch_is_upper((unsigned char)t[i - 3]) && t[i - 4] != ' ')
            return 0;
    }
    return 0;
}

/* Bytes of a dash at t[i] followed by a space ("- ", "-- ", an em or en
 * dash), 0 if none. */
static uint32_t spaced_dash(const char *t, uint32_t i, uint32_t end)
{
    if (i >= end) return 0;
    if (t[i] == '-' && i + 1 < end && t[i + 1] == ' ') return 1;
    if (t[i] == '-' && i + 2 < end && t[i + 1] == '-' && t[i + 2] == ' ') return 2;
    if ((unsigned char)t[i] == 0xE2 && i + 3 < end && (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0x94 || (unsigned char)t[i + 2] == 0x93) && t[i + 3] == ' ')
        return 3;
    return 0;
}

/* Length of a dateline of capitalised place names ("Lusaka, Zambia --
 * ", "Washington/Mogadishu -- "): at most four words, each capitalised,
 * separated by blanks, commas or slashes, then a dash between spaces;
 * 0 if none. */
static uint32_t dateline_names(const char *t, uint32_t start, uint32_t end)
{
    uint32_t i = start, words = 0;
    uint32_t limit = start + 60 < end ? start + 60 : end;
    while (i < limit) {
        if (!ch_is_upper((unsigned char)t[i])) return 0;
        while (i < limit && (ch_is_upper((unsigned char)t[i]) || ch_is_lower((unsigned char)t[i]) ||
                             (t[i] == '-' && i + 1 < limit && ch_is_upper((unsigned char)t[i + 1]))))
            i++;
        if (++words > 4 || i >= limit) return 0;
        if (t[i] == ',' || t[i] == '/') i++;
        if (i < limit && t[i] == ' ') i++;
        else if (i < limit && t[i - 1] != '/') return 0;
        if (i >= limit) return 0;
        uint32_t dash_len = spaced_dash(t, i, end);
        if (dash_len) {
            if (t[i - 1] != ' ') return 0;
            uint32_t j = i + dash_len, adv;
            while (j < end && is_space_at(t, j, end, &adv)) j += adv;
            return j - start;
        }
    }
    return 0;
}

/* Whether t[0..len) names a news agency that signs datelines. */
static bool news_agency(const char *t, uint32_t len)
{
    static const char *const names[] = {"AFP", "AP", "Reuters", "dpa", "DPA", "Xinhua", "UPI", "ANI", "IANS",
                                        "PTI", "EFE", "ANSA", "Anadolu", "AA", "Bernama", "Kyodo", "Yonhap",
                                        "TASS", "Interfax", "IRNA", "KUNA", "WAM", "SPA", "MENA", "APA",
                                        "PAP", "Lusa", "IPS", "AKI", "BNA", "CNA", "KNA", "NNA", NULL};
    for (size_t k = 0; names[k]; k++)
        if (strlen(names[k]) == len && !memcmp(names[k], t, len)) return true;
    return false;
}

/* Length of a dateline in ordinary case that names its agency in
 * brackets ("Nairobi, 14 March (AFP) - ", "Kyiv, Ukraine, March 3, 2024
 * (Reuters) -- "): capitalised words, numbers and commas, then a bracketed
 * capitalised name (a known agency when no comma came before), then a
 * dash between spaces; 0 if none. */
static uint32_t dateline_agency(const char *t, uint32_t start, uint32_t end)
{
    uint32_t i = start, words = 0, commas = 0;
    uint32_t limit = start + 70 < end ? start + 70 : end;
    if (i >= limit || !ch_is_upper((unsigned char)t[i])) return 0;
    while (i < limit && t[i] != '(') {
        /* a word opens with a capital or a digit; none in lower case */
        if (!ch_is_upper((unsigned char)t[i]) && !ch_is_digit((unsigned char)t[i])) return 0;
        while (i < limit && (ch_is_alpha((unsigned char)t[i]) || ch_is_digit((unsigned char)t[i]) ||
                             t[i] == '-' || t[i] == '.' || t[i] == '\''))
            i++;
        if (++words > 8) return 0;
        if (i < limit && t[i] == ',') i++, commas++;
        if (i < limit && t[i] != ' ') return 0;
        while (i < limit && t[i] == ' ') i++;
    }
    if (i >= limit || !words) return 0;
    uint32_t a = ++i;
    while (i < limit && (ch_is_alpha((unsigned char)t[i]) || t[i] == ' ' || t[i] == '-')) i++;
    if (i >= limit || t[i] != ')' || i == a || !ch_is_upper((unsigned char)t[a]) || i - a > 24) return 0;
    /* a place alone before the bracket ("Nairobi (AFP) -") must name a
     * news agency in it: "The Kenya Defence Forces (KDF) - which ..."
     * is a name, its abbreviation and a dash in a sentence */
    if (!commas && !news_agency(t + a, i - a)) return 0;
    i++;
    if (i >= limit || t[i] != ' ') return 0;
    i++;
    uint32_t dash_len = spaced_dash(t, i, end);
    if (!dash_len) return 0;
    uint32_t j = i + dash_len, adv;
    while (j < end && is_space_at(t, j, end, &adv)) j += adv;
    return j - start;
}

/* Splits text into trimmed non-blank lines. */
static line *split_lines(arena *a, const char *t, size_t len, size_t *count)
{
    size_t cap = 0, n = 0;
    line *v = NULL;
    uint32_t i = 0;
    bool blank = false;
    while (i < len) {
        uint32_t ls = i;
        while (i < len && t[i] != '\n') i++;
        uint32_t le = i;
        if (i < len) i++;
        uint32_t adv;
        while (ls < le && is_space_at(t, ls, le, &adv)) ls += adv;
        while (le > ls && (t[le - 1] == ' ' || t[le - 1] == '\t' || t[le - 1] == '\r' ||
                           t[le - 1] == 0))
            le--;
        /* trailing NBSP */
        while (le >= ls + 2 && (unsigned char)t[le - 2] == 0xC2 && (unsigned char)t[le - 1] == 0xA0)
            le -= 2;
        if (ls >= le) { blank = true; continue; }
        if (n == cap) {
            v = arena_grow(a, v, &cap, n + 1, sizeof *v);
            if (!v) return NULL;
        }
        v[n++] = (line){ls, le, blank};
        blank = false;
    }
    *count = n;
    return v ? v : arena_alloc(a, sizeof(line));
}

static bool looks_like_body_line(const char *t, const line *l)
{
    uint32_t n = l->end - l->start;
    if (n > HEADER_MAX_BYTES) return true;
    if (bracket_byline(t, l->start, l->end) || dateline(t, l->start, l->end) ||
        dateline_agency(t, l->start, l->end))
        return true;
    return ends_sentence(t, l->start, l->end) && count_words(t, l->start, l->end) >= 8;
}

/* Classifies one body paragraph, splitting off an opening byline or
 * dateline. */
static void add_paragraph(part_list *pl, const char *t, uint32_t start, uint32_t end)
{
    if (is_boilerplate(t, start, end)) { add_part(pl, DYAD_PART_BOILERPLATE, start, end); return; }
    if (is_by_line(t, start, end)) { add_part(pl, DYAD_PART_BYLINE, start, end); return; }
    uint32_t b = bracket_byline(t, start, end);
    if (b) {
        add_part(pl, DYAD_PART_BYLINE, start, start + b);
        start += b;
    }
    uint32_t d = start < end ? dateline(t, start, end) : 0;
    if (!d && start < end) d = dateline_names(t, start, end);
    if (!d && start < end) d = dateline_agency(t, start, end);
    if (d) {
        add_part(pl, DYAD_PART_DATELINE, start, start + d);
        start += d;
    }
    add_part(pl, DYAD_PART_BODY, start, end);
}

long article_parts(arena *a, const char *text, size_t len, article_mode mode, dyad_part **out)
{
    part_list pl = {a, NULL, 0, 0, false};
    size_t nlines = 0;
    if (mode == ARTICLE_SENTENCE) {
        /* A record that is one sentence has no layout: one body part. */
        uint32_t s = 0, e = (uint32_t)len, adv;
        while (s < e && (is_space_at(text, s, e, &adv) || text[s] == '\n')) s += adv;
        while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\t' ||
                         text[e - 1] == '\r' || text[e - 1] == 0))
            e--;
        add_part(&pl, DYAD_PART_BODY, s, e);
        *out = pl.v;
        return pl.failed ? -1 : (long)pl.n;
    }
    line *lines = split_lines(a, text, len, &nlines);
    if (!lines) return -1;

    size_t i = 0;
    /* Header zone: short lines before the first body-like line. */
    bool have_headline = false;
    while (i < nlines && i < HEADER_MAX_LINES && !looks_like_body_line(text, &lines[i])) {
        const line *l = &lines[i];
        if (is_boilerplate(text, l->start, l->end))
            add_part(&pl, DYAD_PART_BOILERPLATE, l->start, l->end);
        else if (mode == ARTICLE_BODY && !is_by_line(text, l->start, l->end))
            break; /* the title came separately: short lines here are news */
        else if (is_by_line(text, l->start, l->end) ||
                 (have_headline && count_words(text, l->start, l->end) <= 8 &&
                  mentions_byline_word(text, l->start, l->end)))
            add_part(&pl, DYAD_PART_BYLINE, l->start, l->end);
        else {
            add_part(&pl, have_headline ? DYAD_PART_SUBHEADLINE : DYAD_PART_HEADLINE,
                     l->start, l->end);
            have_headline = true;
        }
        i++;
    }
    /* Everything was short: a headline-only paste, or a few short lines of
     * news.  If nothing looked like body, keep what we have. */
    while (i < nlines) {
        uint32_t ps = lines[i].start, pe = lines[i].end;
        size_t j = i + 1;
        while (j < nlines && !lines[j].blank_before &&
               !ends_sentence(text, lines[j - 1].start, lines[j - 1].end) &&
               lines[j - 1].end - lines[j - 1].start >= WRAP_MIN_BYTES &&
               !is_boilerplate(text, lines[j].start, lines[j].end))
            pe = lines[j++].end;
        add_paragraph(&pl, text, ps, pe);
        i = j;
    }
    *out = pl.v;
    return pl.failed ? -1 : (long)pl.n;
}
