/* tagmodel.h -- the tagger's model: const tables generated at build time by
 * tools/gen_tagmodel.c from Debian's festlex-poslex data (the WSJ
 * lexicon and tag-trigram counts of CSTR, University of Edinburgh).
 *
 * The generator and the tagger both include this header, so the tag
 * numbering, the table layouts and the hash function cannot drift apart.
 */
#ifndef DYAD_TAGMODEL_H
#define DYAD_TAGMODEL_H

#include <stddef.h>
#include <stdint.h>

/* The model's tag set: festlex's reduced Penn set without its "1" and "2"
 * classes, which are too rare in the trigram counts (106 and 2 of ~1M
 * tokens) to be worth Viterbi states.  PUNC stands for every punctuation
 * tag; the tagger restores the Penn tag from the word. */
enum tm_tag {
    TM_NN, TM_PUNC, TM_NNP, TM_DT, TM_IN, TM_JJ, TM_NNS, TM_CD, TM_RB,
    TM_VBD, TM_VB, TM_PRP, TM_CC, TM_OF, TM_TO, TM_VBZ, TM_VBN, TM_VBG,
    TM_VBP, TM_MD, TM_POS, TM_WDT, TM_JJR, TM_WP, TM_NNPS, TM_WRB, TM_JJS,
    TM_RBR, TM_RP, TM_EX, TM_RBS, TM_PDT, TM_FW, TM_UH, TM_SYM, TM_LS,
    TM_NTAGS
};

#define TM_TAG_NAMES                                                          \
    "nn", "punc", "nnp", "dt", "in", "jj", "nns", "cd", "rb", "vbd", "vb",    \
    "prp", "cc", "of", "to", "vbz", "vbn", "vbg", "vbp", "md", "pos", "wdt",  \
    "jjr", "wp", "nnps", "wrb", "jjs", "rbr", "rp", "ex", "rbs", "pdt", "fw", \
    "uh", "sym", "ls"

/* Words longer than this are never looked up (no lexicon word is). */
#define TM_MAX_WORD 64

/* Hash-table slots hold (hash >> 16) << 16 | (entry + 1); 0 is empty.  The
 * high half lets a probe reject almost every non-matching slot without
 * touching the entry or the string pool. */
typedef struct tm_entry {
    uint32_t str;   /* offset in tm_pool of the key: a length byte, then
                       the bytes (no NUL)                                */
    uint32_t emit;  /* first of its (tag, score) pairs in tm_emit_* << 4
                       | number of pairs (at most 15)                    */
} tm_entry;
#define TM_ENTRY_FIRST(e) ((e)->emit >> 4)
#define TM_ENTRY_COUNT(e) ((e)->emit & 15u)

/* Lexicon: lower-case word -> tags with log P(word | tag), pairs sorted by
 * descending posterior so the tagger can prune from the tail. */
extern const uint32_t tm_lex_slots[];
extern const uint32_t tm_lex_mask;
extern const tm_entry tm_lex[];

/* Unknown words: key = class byte + lower-case suffix -> tags with
 * log(P(tag | suffix) / P(tag)), i.e. log P(word | tag) up to a constant
 * that is the same for every tag of the word (TnT, Brants 2000).  Classes:
 * see TM_SUF_* below.  The empty suffix is stored for every class. */
extern const uint32_t tm_suf_slots[];
extern const uint32_t tm_suf_mask;
extern const tm_entry tm_suf[];
#define TM_SUF_MAXLEN 7
#define TM_SUF_LOWER 'l'  /* lower-case word, no hyphen, no digit         */
#define TM_SUF_CAP 'c'    /* capitalised word, no hyphen, no digit        */
#define TM_SUF_HYPH 'h'   /* hyphenated lower-case word                   */
#define TM_SUF_HCAP 'H'   /* hyphenated capitalised word                  */
#define TM_SUF_DIGIT 'd'  /* word containing a digit (not a plain number) */
#define TM_SUF_TITLE 't'  /* word of a title-case headline, no hyphen      */
#define TM_SUF_HTITLE 'T' /* hyphenated word of a title-case headline      */

extern const uint8_t tm_emit_tag[];
/* Scores in units of 1/TM_LP_SCALE nat: int16 halves the table, and a
 * thousandth of a nat is far below what the model can tell apart. */
extern const int16_t tm_emit_lp[];
#define TM_LP_SCALE 1024
extern const char tm_pool[];

/* log P(t3 | t1, t2), interpolated, index (t1 * TM_NTAGS + t2) * TM_NTAGS + t3. */
extern const float tm_trans[TM_NTAGS * TM_NTAGS * TM_NTAGS];
/* log P(t), from the trigram counts. */
extern const float tm_logprior[TM_NTAGS];
/* log P(word | t) for a word the lexicon never saw with tag t: half a
 * count, below every seen word. */
extern const float tm_unseen_lp[TM_NTAGS];

/* FNV-1a.  Shared by the generator and the tagger. */
static inline uint32_t tm_hash_step(uint32_t h, unsigned char c)
{
    return (h ^ c) * 16777619u;
}
#define TM_HASH_INIT 2166136261u

#endif
