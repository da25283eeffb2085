/*
 * html_lang.c -- which language a text is in, cheaply.
 *
 * Two signals: the script of its letters (Hangul, kana, Han, Cyrillic,
 * Arabic, Greek, Hebrew, Thai, Devanagari decide at once), and for Latin
 * script the share of each language's commonest function words.  A
 * news article of a few hundred words is never in doubt; fewer than 20
 * words are "" (unknown), which callers treat as acceptable.  The first
 * 3,000 words are enough, so the cost is bounded per page.
 */
#include "html.h"

/* The commonest function words, chosen to overlap little between
 * languages.  Order matters only for ties (earlier wins). */
static const struct { const char *code; const char *words; } STOPWORDS[] = {
    {"en", "the of and to in is that for it on was with as said he by at from his be are "
           "have has an this not but they were which their or will who been had would its "
           "we after more also about than her she there when what i you one can"},
    {"de", "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine "
           "als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie "
           "einem über einen so zum war haben nur oder aber vor zur bis mehr durch"},
    {"fr", "le la les de des et en un une du est que pour qui dans pas au sur par plus "
           "ce il se ne sont avec son sa ses aux été mais ou comme nous vous elle leur cette "
           "fait être aussi"},
    {"es", "el la los las de del y en que un una por con para es se no al lo como más "
           "pero sus su le ya o fue este ha sí porque esta entre cuando muy sin sobre también "
           "me hasta hay donde desde"},
    {"pt", "o a os as de do da dos das e em que um uma para com não no na nos nas por "
           "mais se ao é foi como mas seu sua ou ser quando muito também pelo pela até isso "
           "ela entre depois sem mesmo"},
    {"it", "il lo la gli le di del della dei delle e che un una per con non in è sono "
           "da al alla nel nella si come ma più anche questo ha ci se su dopo tra stato"},
    {"nl", "de het een en van in is dat op te zijn voor met niet aan er die ook als bij "
           "om maar dan wat werd nog wordt door naar uit hij ze"},
    {"sv", "och att det som en på är av för med till den har inte om ett han men var jag "
           "sig från vi så kan man när år säger hon också efter"},
    {"da", "og at det som en på er af for med til den har ikke om et han men var jeg sig "
           "fra vi så kan man når år siger hun også efter"},
    {"pl", "i w nie na się z do że to jest jak o co ale po tak od za przez już jego który "
           "oraz czy tylko tym być może także"},
    {"tr", "ve bir bu da de için ile olarak çok daha ne gibi en ama o sonra kadar olan "
           "ise değil var mı"},
    {"id", "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena "
           "ada oleh atau saya mereka telah sudah"},
    {"ro", "și în de la cu că pe nu este din o un care mai pentru ce sunt s au fost lui"},
};
#define NLANG (sizeof STOPWORDS / sizeof *STOPWORDS)

/* A per-call open-addressing table of the stopwords: built in a few
 * microseconds, and no mutable state outlives the call. */
#define SLOTS 2048
typedef struct slot {
    const char *word;
    uint8_t len;
    uint16_t langs; /* bit per STOPWORDS entry */
} slot;

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void table_add(slot *t, const char *w, size_t n, unsigned lang)
{
    uint32_t i = hash(w, n) & (SLOTS - 1);
    while (t[i].word && !(t[i].len == n && memcmp(t[i].word, w, n) == 0))
        i = (i + 1) & (SLOTS - 1);
    t[i].word = w;
    t[i].len = (uint8_t)n;
    t[i].langs |= (uint16_t)(1u << lang);
}

static unsigned table_find(const slot *t, const char *w, size_t n)
{
    uint32_t i = hash(w, n) & (SLOTS - 1);
    while (t[i].word) {
        if (t[i].len == n && memcmp(t[i].word, w, n) == 0) return t[i].langs;
        i = (i + 1) & (SLOTS - 1);
    }
    return 0;
}

enum { S_LATIN, S_HANGUL, S_KANA, S_HAN, S_CYRILLIC, S_ARABIC, S_GREEK, S_HEBREW,
       S_THAI, S_DEVANAGARI, S_COUNT };

static int script_of(uint32_t c)
{
    if (c < 0x250) return S_LATIN;
    if (c >= 0x370 && c < 0x400) return S_GREEK;
    if (c >= 0x400 && c < 0x530) return S_CYRILLIC;
    if (c >= 0x590 && c < 0x600) return S_HEBREW;
    if ((c >= 0x600 && c < 0x700) || (c >= 0x750 && c < 0x780)) return S_ARABIC;
    if (c >= 0x900 && c < 0x980) return S_DEVANAGARI;
    if (c >= 0xE00 && c < 0xE80) return S_THAI;
    if ((c >= 0x1100 && c < 0x1200) || (c >= 0xAC00 && c < 0xD7B0) ||
        (c >= 0x3130 && c < 0x3190)) return S_HANGUL;
    if (c >= 0x3040 && c < 0x3100) return S_KANA;
    if ((c >= 0x4E00 && c < 0xA000) || (c >= 0x3400 && c < 0x4DC0)) return S_HAN;
    return -1;
}

static bool word_byte(unsigned char c)
{
    return ch_is_alpha(c) || c >= 0x80 || c == '\'';
}

const char *html_guess_language(const char *text, size_t len)
{
    /* Scripts: count letters of each over the first 64 KB. */
    size_t scripts[S_COUNT] = {0};
    const unsigned char *u = (const unsigned char *)text;
    size_t lim = len < 65536 ? len : 65536;
    for (size_t i = 0; i < lim;) {
        size_t adv;
        uint32_t c = utf8_decode(u + i, lim - i, &adv);
        i += adv;
        if (c < 0x80 && !ch_is_alpha((int)c)) continue;
        int s = script_of(c);
        if (s >= 0) scripts[s]++;
    }
    size_t best = S_LATIN;
    for (size_t s = 1; s < S_COUNT; s++)
        if (scripts[s] > scripts[best]) best = s;
    /* Japanese text mixes kana into Han; any real share of kana is it. */
    if (best == S_HAN && scripts[S_KANA] * 10 > scripts[S_HAN]) best = S_KANA;
    static const char *const SCRIPT_LANG[S_COUNT] = {
        "", "ko", "ja", "zh", "ru", "ar", "el", "he", "th", "hi"};
    if (best != S_LATIN) return scripts[best] >= 20 ? SCRIPT_LANG[best] : "";

    slot table[SLOTS];
    memset(table, 0, sizeof table);
    for (unsigned l = 0; l < NLANG; l++) {
        const char *w = STOPWORDS[l].words;
        while (*w) {
            const char *e = strchr(w, ' ');
            size_t n = e ? (size_t)(e - w) : strlen(w);
            table_add(table, w, n, l);
            w += n + (e ? 1 : 0);
        }
    }
    size_t hits[NLANG] = {0}, words = 0;
    char lower[24];
    for (size_t i = 0; i < len && words < 3000;) {
        if (!word_byte(u[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && word_byte(u[j])) j++;
        size_t n = j - i;
        words++;
        if (n < sizeof lower) {
            for (size_t k = 0; k < n; k++) lower[k] = (char)ch_lower(u[i + k]);
            unsigned langs = table_find(table, lower, n);
            for (unsigned l = 0; langs; l++, langs >>= 1)
                if (langs & 1) hits[l]++;
        }
        i = j;
    }
    if (words < 20) return "";
    size_t top = 0;
    for (size_t l = 1; l < NLANG; l++)
        if (hits[l] > hits[top]) top = l;
    /* Lists of names, tables of figures: too few function words to say. */
    if (hits[top] * 20 < words) return "";
    return STOPWORDS[top].code;
}
