/* names.c -- printable names of the public enums. */
#include "../internal.h"

static const char *const tag_names[DYAD_TAG_COUNT] = {
    "NONE", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS",
    "MD", "NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB",
    "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP",
    "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".", ":", "``", "''", "-LRB-",
    "-RRB-", "$", "#",
};

const char *dyad_tag_name(dyad_tag tag)
{
    return (unsigned)tag < DYAD_TAG_COUNT ? tag_names[tag] : "NONE";
}

dyad_tag dyad_tag_from_name(const char *name, size_t len)
{
    for (int t = 1; t < DYAD_TAG_COUNT; t++)
        if (strlen(tag_names[t]) == len && memcmp(tag_names[t], name, len) == 0)
            return (dyad_tag)t;
    return DYAD_TAG_NONE;
}

const char *dyad_part_name(dyad_part_kind kind)
{
    static const char *const n[] = {"headline", "subheadline", "byline",
                                    "dateline", "body", "boilerplate"};
    return (unsigned)kind < sizeof n / sizeof *n ? n[kind] : "?";
}

const char *dyad_chunk_name(dyad_chunk_kind kind)
{
    static const char *const n[] = {"NP", "VP", "PP", "ADJP", "ADVP",
                                    "SBAR", "PRT", "CONJ", "O"};
    return (unsigned)kind < sizeof n / sizeof *n ? n[kind] : "?";
}

const char *dyad_clause_name(dyad_clause_kind kind)
{
    static const char *const n[] = {"main", "coordinate", "subordinate",
                                    "relative", "quote", "parenthetical"};
    return (unsigned)kind < sizeof n / sizeof *n ? n[kind] : "?";
}

const char *dyad_event_clause_name(dyad_event_clause clause)
{
    static const char *const n[] = {"main", "coordinate", "subordinate",
                                    "participle", "relative", "reported"};
    return (unsigned)clause < sizeof n / sizeof *n ? n[clause] : "?";
}

const char *dyad_event_rule_name(dyad_event_rule rule)
{
    static const char *const n[] = {"subject", "pattern", "passive agent", "passive state",
                                    "carried subject", "relative antecedent", "speaker"};
    return (unsigned)rule < sizeof n / sizeof *n ? n[rule] : "?";
}

const char *dyad_tense_name(dyad_tense tense)
{
    static const char *const n[] = {"none", "present", "past", "future"};
    return (unsigned)tense < sizeof n / sizeof *n ? n[tense] : "?";
}

const char *dyad_modality_name(dyad_modality m)
{
    static const char *const n[] = {"none", "will", "would", "shall",
                                    "should", "may", "might", "can",
                                    "could", "must", "intend"};
    return (unsigned)m < sizeof n / sizeof *n ? n[m] : "?";
}

const char *dyad_format_name(dyad_format f)
{
    static const char *const n[] = {"auto", "text", "jsonl", "tabari", "petrarch",
                                    "html", "warc"};
    return (unsigned)f < sizeof n / sizeof *n ? n[f] : "?";
}

int dyad_format_from_name(const char *name)
{
    for (int f = 0; f <= DYAD_FORMAT_WARC; f++)
        if (strcmp(name, dyad_format_name((dyad_format)f)) == 0) return f;
    return -1;
}
