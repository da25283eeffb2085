/*
 * dyad.h -- the public interface of libdyad, a political event-data engine.
 *
 * dyad turns news text into coded political events.  This header is the
 * whole public surface of the library; the command-line tool `dyad` is a
 * thin layer over it.  Read it top to bottom: it follows the pipeline.
 *
 *   1. Readers      (dyad_reader_*)   bytes of a file or buffer -> documents
 *   2. Analysis     (dyad_analyze)    document -> parts, sentences, tokens,
 *                                     part-of-speech tags, lemmas, chunks,
 *                                     clauses and verb groups
 *   3. Renderers    (dyad_render_*)   analysis -> text or JSON
 *   Events and the coder (dyad_coder_*, dyad_code) follow, and at the end
 *   sessions (dyad_session_*): text in, events as JSON Lines out, in one
 *   call, for bindings to other languages.
 *
 * Conventions
 *   - Every offset is a byte offset into dyad_document.text, the text as the
 *     reader delivered it (for plain text and TABARI records, the bytes of
 *     the file; for JSON, the decoded "text" string; for XML, the <Text>
 *     element's content).  An offset range is half open: [start, end).
 *   - Nothing in the library is global and mutable.  Built-in models (the
 *     tagger's lexicon, the lemma tables) are const data shared by all
 *     threads.  A dyad_pipeline owns all memory of one analysis and may be
 *     used by one thread at a time; make one per thread.
 *   - Input is hostile.  Readers never abort: a bad record is reported
 *     through the diagnostic callback, counted and skipped, and reading
 *     goes on.  Invalid UTF-8 is replaced (for matching) by U+FFFD and
 *     counted, while offsets still point at the original bytes.
 *   - Work is linear in the size of the input.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with -fvisibility=hidden: what this header declares
 * is its whole interface, and the only symbols libdyad.so exports (each
 * with the dyad_ prefix; tests/symbols.sh checks). */
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC visibility push(default)
#endif

#define DYAD_VERSION "0.1.0"

/* Largest document the library accepts (bytes).  Offsets are 32-bit so
 * tokens stay small on the hot path; longer records are skipped with an
 * error rather than silently truncated. */
#define DYAD_MAX_DOCUMENT ((size_t)1 << 30)

/* ------------------------------------------------------------------------
 * Diagnostics
 * ------------------------------------------------------------------------ */

typedef enum dyad_severity {
    DYAD_NOTE,    /* informational: something was normalised            */
    DYAD_WARNING, /* input was repaired (e.g. invalid UTF-8 replaced)     */
    DYAD_ERROR    /* a record or line was skipped                         */
} dyad_severity;

typedef struct dyad_diag {
    dyad_severity severity;
    const char *file;   /* input name as given ("-" for stdin, "<memory>") */
    size_t line;        /* 1-based line where the problem is; 0 if none    */
    const char *record; /* record id when known, else NULL                 */
    const char *message;
} dyad_diag;

/* Called for every diagnostic.  The strings are valid only during the call. */
typedef void (*dyad_diag_fn)(const dyad_diag *diag, void *user);

/* Dates are "YYYY-MM-DD" strings in the Gregorian calendar throughout.
 * Returns 0 when text is such a date and the day exists (2024-02-29 does,
 * 2023-02-29 does not), storing YYYYMMDD in *yyyymmdd when it is not
 * NULL; -1 otherwise. */
int dyad_date_parse(const char *text, int32_t *yyyymmdd);

/* ------------------------------------------------------------------------
 * Documents and readers
 * ------------------------------------------------------------------------ */

typedef enum dyad_format {
    DYAD_FORMAT_AUTO = 0, /* detect from the first bytes                   */
    DYAD_FORMAT_TEXT,     /* one article as pasted from a news site        */
    DYAD_FORMAT_JSONL,    /* {"id":..,"date":"YYYY-MM-DD","text":..} lines */
    DYAD_FORMAT_TABARI,   /* "YYMMDD ID" line, text lines, blank line      */
    DYAD_FORMAT_PETRARCH, /* <Sentences><Sentence date= id=><Text>..       */
    DYAD_FORMAT_HTML,     /* one web page; its article text is extracted   */
    DYAD_FORMAT_WARC      /* a WARC archive: each HTML response is a page  */
} dyad_format;

/* Every format can also arrive gzip-compressed (a .gz file, or gzip bytes
 * in memory): the reader inflates it and detects the format inside.
 *
 * HTML pages (DYAD_FORMAT_HTML, detected when the first element is one a
 * page opens with: <!DOCTYPE html>, <html>, <head>, <body>, <meta>,
 * <title>, <div>, ...; other markup is PETRARCH XML) are parsed by
 * libxml2's HTML parser and their
 * main text is extracted: menus, advertisements, comments, share buttons
 * and related links are left out.  The document text is the headline, a
 * blank line, and the article's paragraphs separated by blank lines.  The
 * page's charset (byte order mark, <meta charset>, the HTTP header of a
 * WARC record) is converted to UTF-8; title, publication date (meta tags,
 * JSON-LD, <time>), outlet, canonical URL and language come from the
 * page.  Because the text is no longer the input's bytes, the document
 * carries a map back to them (dyad_document.anchors, dyad_source_offset).
 *
 * WARC archives (DYAD_FORMAT_WARC, detected from "WARC/1."; .warc or
 * .warc.gz) are read a record at a time: each "response" record whose
 * HTTP Content-Type is HTML (and each HTML "resource" record) becomes one
 * document (id: WARC-Record-ID, url:
 * WARC-Target-URI, date: WARC-Date unless the page says otherwise); other
 * records are passed over and counted (dyad_reader_passed_over); a record
 * with broken headers is reported with its line and record id (or number)
 * and skipped.  A WARC document's `line` is the line of the decompressed
 * archive where its record starts.
 *
 * Pages whose text is not English are skipped and counted
 * (dyad_reader_other_language), until dyad codes other languages; see
 * dyad_reader_accept_all_languages. */

/* Name as used by --input ("text", "jsonl", "tabari", "petrarch", "html",
 * "warc", "auto"). */
const char *dyad_format_name(dyad_format format);
/* Parses a name; returns -1 if unknown. */
int dyad_format_from_name(const char *name);

/* One step of the map from a document's text back to the bytes it was
 * read from: text offset `text` came from byte `source`, and the bytes
 * after it map one to one until the next anchor. */
typedef struct dyad_anchor {
    uint32_t text;   /* offset in dyad_document.text                       */
    uint32_t source; /* offset in the page's bytes: the HTML file (after
                        gzip decoding) or the WARC record's HTTP body
                        (after chunked and gzip transfer decoding), before
                        any charset conversion                             */
} dyad_anchor;

/* One article or record.  All pointers are owned by the reader and remain
 * valid until the next dyad_reader_next() or dyad_reader_close(). */
typedef struct dyad_document {
    const char *id;       /* record id; for plain text, the file name      */
    char date[11];        /* "YYYY-MM-DD", or "" when not known            */
    const char *title;    /* NULL when absent                              */
    const char *url;      /* NULL when absent                              */
    const char *source;   /* NULL when absent                              */
    const char *text;     /* the text; NUL-terminated, may contain NULs    */
    size_t len;           /* length of text in bytes                       */
    const char *parse;    /* PETRARCH <Parse> tree, NULL when absent       */
    size_t parse_len;
    const char *file;     /* input name                                    */
    size_t line;          /* line of the file where the record starts     */
    dyad_format format;   /* format it was read as                         */
    int is_sentence;      /* record holds exactly one sentence (PETRARCH's
                             sentence="true"; TABARI records): do not
                             split it and do not look for bylines        */
    /* HTML and WARC pages only (NULL / 0 for the other formats). */
    const char *language; /* ISO 639-1 code guessed from the text ("en"),
                             or "" when the text is too short to tell     */
    const dyad_anchor *anchors; /* sorted by text offset; the first is at
                             text offset 0                               */
    size_t nanchors;
    size_t source_len;    /* bytes of the page the anchors point into    */
} dyad_document;

/* The byte of the original page that text offset `offset` of the document
 * came from (see dyad_anchor); for documents without anchors, offset
 * itself.  Event and token offsets turn into page offsets through it. */
size_t dyad_source_offset(const dyad_document *doc, size_t offset);

typedef struct dyad_reader dyad_reader;

/* Opens a file ("-" is standard input).  Returns NULL only when the file
 * cannot be opened at all (the reason is reported through diag). */
dyad_reader *dyad_reader_open_file(const char *path, dyad_format format,
                                   dyad_diag_fn diag, void *user);

/* Reads from a caller-owned buffer, which must outlive the reader. */
dyad_reader *dyad_reader_open_memory(const char *name, const char *data,
                                     size_t len, dyad_format format,
                                     dyad_diag_fn diag, void *user);

/* Fetches the next document: 1 when *doc was filled, 0 at the end.  Bad
 * records are reported, counted and skipped inside this call. */
int dyad_reader_next(dyad_reader *reader, dyad_document *doc);

/* Fields of a JSON Lines record, for dyad_reader_set_field(). */
typedef enum dyad_field {
    DYAD_FIELD_TEXT, DYAD_FIELD_ID, DYAD_FIELD_DATE, DYAD_FIELD_TITLE,
    DYAD_FIELD_URL, DYAD_FIELD_SOURCE,
    DYAD_FIELD_COUNT
} dyad_field;

/* JSON Lines: take `field` from the key `key` instead of its own name
 * (scraper and MongoDB exports: "content", "published", "url"), e.g.
 * dyad_reader_set_field(r, DYAD_FIELD_TEXT, "content").  The key is
 * copied; NULL restores the default.  Call before the first
 * dyad_reader_next().  Returns 0, or -1 for a bad field or no memory. */
int dyad_reader_set_field(dyad_reader *reader, dyad_field field, const char *key);

/* The format actually being read (after detection). */
dyad_format dyad_reader_format(const dyad_reader *reader);

/* Records skipped because they were unreadable, and warnings issued. */
size_t dyad_reader_skipped(const dyad_reader *reader);
size_t dyad_reader_warnings(const dyad_reader *reader);
/* HTML/WARC: pages skipped because their text is not English (each one
 * reported as a note). */
size_t dyad_reader_other_language(const dyad_reader *reader);
/* WARC: records that hold no HTML page (requests, metadata, images, ...),
 * passed over without a diagnostic. */
size_t dyad_reader_passed_over(const dyad_reader *reader);
/* Keeps pages in every language instead of skipping non-English ones
 * (`dyad extract` shows them all).  Call before the first
 * dyad_reader_next(). */
void dyad_reader_accept_all_languages(dyad_reader *reader, int accept);
/* HTML: the page's HTTP Content-Type header as a server sent it ("text/html;
 * charset=ISO-8859-1"), for pages read from memory after a download
 * (dyad feeds).  Its charset is used unless the page starts with a byte
 * order mark, and before the page's own <meta charset> (the HTML5 order).
 * NULL forgets it.  Call before the first dyad_reader_next(). */
void dyad_reader_set_content_type(dyad_reader *reader, const char *content_type);

void dyad_reader_close(dyad_reader *reader);

/* ------------------------------------------------------------------------
 * Part-of-speech tags (Penn Treebank)
 * ------------------------------------------------------------------------ */

typedef enum dyad_tag {
    DYAD_TAG_NONE = 0,
    DYAD_TAG_CC, DYAD_TAG_CD, DYAD_TAG_DT, DYAD_TAG_EX, DYAD_TAG_FW,
    DYAD_TAG_IN, DYAD_TAG_JJ, DYAD_TAG_JJR, DYAD_TAG_JJS, DYAD_TAG_LS,
    DYAD_TAG_MD, DYAD_TAG_NN, DYAD_TAG_NNS, DYAD_TAG_NNP, DYAD_TAG_NNPS,
    DYAD_TAG_PDT, DYAD_TAG_POS, DYAD_TAG_PRP, DYAD_TAG_PRPS /* PRP$ */,
    DYAD_TAG_RB, DYAD_TAG_RBR, DYAD_TAG_RBS, DYAD_TAG_RP, DYAD_TAG_SYM,
    DYAD_TAG_TO, DYAD_TAG_UH, DYAD_TAG_VB, DYAD_TAG_VBD, DYAD_TAG_VBG,
    DYAD_TAG_VBN, DYAD_TAG_VBP, DYAD_TAG_VBZ, DYAD_TAG_WDT, DYAD_TAG_WP,
    DYAD_TAG_WPS /* WP$ */, DYAD_TAG_WRB,
    /* punctuation */
    DYAD_TAG_COMMA, DYAD_TAG_PERIOD, DYAD_TAG_COLON, DYAD_TAG_LQUOTE /* `` */,
    DYAD_TAG_RQUOTE /* '' */, DYAD_TAG_LRB, DYAD_TAG_RRB, DYAD_TAG_DOLLAR,
    DYAD_TAG_HASH,
    DYAD_TAG_COUNT
} dyad_tag;

/* Penn spelling of a tag ("NNP", "PRP$", "-LRB-", "``"). */
const char *dyad_tag_name(dyad_tag tag);
/* Parses a Penn tag name; DYAD_TAG_NONE if unknown. */
dyad_tag dyad_tag_from_name(const char *name, size_t len);

/* ------------------------------------------------------------------------
 * Analysis: parts, sentences, tokens, chunks, clauses, verb groups
 * ------------------------------------------------------------------------ */

/* The layout of a pasted article.  Only headline and body parts are coded
 * later; bylines, datelines and boilerplate are recognised so that they
 * are not. */
typedef enum dyad_part_kind {
    DYAD_PART_HEADLINE,
    DYAD_PART_SUBHEADLINE,
    DYAD_PART_BYLINE,
    DYAD_PART_DATELINE,
    DYAD_PART_BODY,
    DYAD_PART_BOILERPLATE
} dyad_part_kind;

const char *dyad_part_name(dyad_part_kind kind);

typedef struct dyad_part {
    dyad_part_kind kind;
    uint32_t start, end; /* byte range in the document text */
} dyad_part;

/* Token flags. */
enum {
    DYAD_TOKEN_CAPITALIZED = 1u << 0, /* first letter upper case          */
    DYAD_TOKEN_ALLCAPS     = 1u << 1, /* all letters upper case (>1)      */
    DYAD_TOKEN_NUMERIC     = 1u << 2, /* contains a digit                 */
    DYAD_TOKEN_ABBREV      = 1u << 3, /* abbreviation with its period     */
    DYAD_TOKEN_SPACE_AFTER = 1u << 4, /* whitespace follows in the text   */
    DYAD_TOKEN_REPAIRED    = 1u << 5, /* contained invalid UTF-8          */
    DYAD_TOKEN_IN_QUOTE    = 1u << 6  /* inside a quotation               */
};

typedef struct dyad_token {
    uint32_t start, end;  /* bytes in the document text                      */
    const char *norm;     /* normalised form: ASCII quotes, dashes and spaces,
                             U+FFFD for bad bytes; NUL-terminated            */
    const char *lemma;    /* lower-case lemma (nouns and verbs), else the
                             lower-cased normal form                        */
    uint16_t norm_len;    /* strlen(norm), capped; tokens are split first   */
    uint8_t tag;          /* dyad_tag                                        */
    uint8_t flags;        /* DYAD_TOKEN_*                                    */
    uint32_t chunk;       /* index of the chunk holding it, or DYAD_NONE     */
} dyad_token;

#define DYAD_NONE UINT32_MAX

typedef enum dyad_chunk_kind {
    DYAD_CHUNK_NP,   /* noun phrase                                     */
    DYAD_CHUNK_VP,   /* verb group: auxiliaries, adverbs, main verb     */
    DYAD_CHUNK_PP,   /* preposition; its object is the chunk `object`  */
    DYAD_CHUNK_ADJP,
    DYAD_CHUNK_ADVP,
    DYAD_CHUNK_SBAR, /* subordinator: that, because, which, ...        */
    DYAD_CHUNK_PRT,  /* verb particle                                   */
    DYAD_CHUNK_CONJ, /* coordinating conjunction between chunks         */
    DYAD_CHUNK_O     /* punctuation and anything else                   */
} dyad_chunk_kind;

const char *dyad_chunk_name(dyad_chunk_kind kind);

typedef struct dyad_chunk {
    dyad_chunk_kind kind;
    uint32_t first, last; /* token indexes, [first, last)                  */
    uint32_t head;        /* head token (last noun of an NP, main verb)     */
    uint32_t clause;      /* index of the innermost clause containing it    */
    uint32_t object;      /* PP: the NP chunk it governs; else DYAD_NONE    */
} dyad_chunk;

typedef enum dyad_clause_kind {
    DYAD_CLAUSE_MAIN,
    DYAD_CLAUSE_COORDINATE,   /* after "and", "but", ";"                 */
    DYAD_CLAUSE_SUBORDINATE,  /* after that, because, although, if, ...   */
    DYAD_CLAUSE_RELATIVE,     /* after who, which, whose, where           */
    DYAD_CLAUSE_QUOTE,        /* inside quotation marks                   */
    DYAD_CLAUSE_PARENTHETICAL /* between commas/parentheses, no verb ties */
} dyad_clause_kind;

const char *dyad_clause_name(dyad_clause_kind kind);

typedef struct dyad_clause {
    dyad_clause_kind kind;
    uint32_t first, last; /* token indexes, [first, last)                  */
    uint32_t parent;      /* enclosing clause, or DYAD_NONE for the top     */
    uint32_t opener;      /* token that opened it (that, who, and, ``), or
                             DYAD_NONE                                      */
} dyad_clause;

typedef enum dyad_tense {
    DYAD_TENSE_NONE,    /* infinitive or participle without a finite verb */
    DYAD_TENSE_PRESENT,
    DYAD_TENSE_PAST,
    DYAD_TENSE_FUTURE   /* will/shall + verb, be going to                 */
} dyad_tense;

typedef enum dyad_modality {
    DYAD_MOD_NONE,
    DYAD_MOD_WILL, DYAD_MOD_WOULD, DYAD_MOD_SHALL, DYAD_MOD_SHOULD,
    DYAD_MOD_MAY, DYAD_MOD_MIGHT, DYAD_MOD_CAN, DYAD_MOD_COULD,
    DYAD_MOD_MUST, DYAD_MOD_INTEND /* plan/intend/expect/aim/seek to */
} dyad_modality;

const char *dyad_tense_name(dyad_tense tense);
const char *dyad_modality_name(dyad_modality modality);

/* Verb-group flags. */
enum {
    DYAD_VG_PASSIVE     = 1u << 0, /* be/get + past participle             */
    DYAD_VG_NEGATED     = 1u << 1, /* not, n't, never                       */
    DYAD_VG_PERFECT     = 1u << 2, /* have + past participle                */
    DYAD_VG_PROGRESSIVE = 1u << 3, /* be + -ing                             */
    DYAD_VG_INFINITIVE  = 1u << 4  /* to + verb                             */
};

typedef struct dyad_verb_group {
    uint32_t chunk;       /* the VP chunk                                  */
    uint32_t head;        /* main verb token                               */
    uint32_t clause;      /* clause it heads                               */
    uint8_t tense;        /* dyad_tense                                    */
    uint8_t modality;     /* dyad_modality                                 */
    uint16_t flags;       /* DYAD_VG_*                                     */
    uint32_t by_agent;    /* passive: NP chunk after "by", or DYAD_NONE    */
} dyad_verb_group;

typedef struct dyad_sentence {
    uint32_t start, end;       /* bytes in the document text            */
    dyad_part_kind part;       /* part of the article it belongs to     */
    dyad_token *tokens;        size_t ntokens;
    dyad_chunk *chunks;        size_t nchunks;
    dyad_clause *clauses;      size_t nclauses;
    dyad_verb_group *verbs;    size_t nverbs;
} dyad_sentence;

/* The result of analysing one document; owned by the pipeline and valid
 * until the next dyad_analyze() on it or dyad_pipeline_free(). */
typedef struct dyad_analysis {
    const dyad_document *doc;
    dyad_part *parts;          size_t nparts;
    dyad_sentence *sentences;  size_t nsentences;
    size_t repaired_bytes;     /* invalid UTF-8 bytes replaced by U+FFFD */
} dyad_analysis;

/* How far to take the analysis; each level includes the ones before. */
typedef enum dyad_level {
    DYAD_LEVEL_SENTENCES, /* parts, sentences and tokens                 */
    DYAD_LEVEL_TAGS,      /* + part-of-speech tags and lemmas            */
    DYAD_LEVEL_CHUNKS     /* + chunks, clauses and verb groups           */
} dyad_level;

typedef struct dyad_pipeline dyad_pipeline;

/* A pipeline is a per-thread workspace.  It holds no copy of the models. */
dyad_pipeline *dyad_pipeline_new(dyad_level level);
void dyad_pipeline_free(dyad_pipeline *pipeline);

/* Analyses one document.  Returns 0, or -1 if memory ran out (the
 * analysis is then empty).  Memory is reused from one call to the next,
 * so streaming any number of documents uses memory bounded by the largest
 * one. */
int dyad_analyze(dyad_pipeline *pipeline, const dyad_document *doc,
                 dyad_analysis *out);

/* The simple API: analyse a NUL-free string as a plain-text article. */
int dyad_analyze_text(dyad_pipeline *pipeline, const char *text, size_t len,
                      dyad_analysis *out);

/* ------------------------------------------------------------------------
 * Tagger and lemmatiser, usable on their own
 * ------------------------------------------------------------------------ */

/* Tags n tokens of one sentence given as NUL-terminated normalised words
 * (e.g. the leaves of a treebank tree).  Writes n tags to out.  The
 * tagger needs scratch memory proportional to n, taken from the pipeline;
 * returns 0, or -1 when memory ran out. */
int dyad_tag_words(dyad_pipeline *pipeline, const char *const *words,
                   size_t n, dyad_tag *out);

/* Lemma of a word with its tag ("went"/VBD -> "go", "talks"/NNS ->
 * "talk").  Writes a NUL-terminated lower-case string of at most cap bytes
 * into buf and returns its length (truncated if it does not fit). */
size_t dyad_lemmatize(const char *word, size_t len, dyad_tag tag, char *buf,
                      size_t cap);

typedef struct dyad_span {
    uint32_t start, end;  /* bytes in the document text; start == end: none */
} dyad_span;

/* ------------------------------------------------------------------------
 * Quotations (src/quote/)
 *
 * Who said what: direct quotes in all the shapes news writes them
 * ("...," X said; X said, "..."; split and continued quotes), indirect
 * speech (X said that Y; X told reporters Y) and "according to X".  A
 * pronoun speaker ("he said") is resolved to the last speaker named.
 * ------------------------------------------------------------------------ */

typedef enum dyad_quote_kind {
    DYAD_QUOTE_DIRECT,     /* inside quotation marks                       */
    DYAD_QUOTE_INDIRECT,   /* "X said (that) Y"                            */
    DYAD_QUOTE_ACCORDING   /* "according to X, Y"                          */
} dyad_quote_kind;

/* "direct", "indirect", "according_to". */
const char *dyad_quote_kind_name(dyad_quote_kind kind);

typedef struct dyad_quote {
    dyad_quote_kind kind;
    uint32_t first_sentence, last_sentence; /* sentences the words span      */
    dyad_span text;            /* the quoted or reported words              */
    int has_speaker;
    uint32_t speaker_sentence; /* where the speaker is named                */
    uint32_t speaker_first, speaker_last; /* its tokens there [first, last)  */
    dyad_span speaker;         /* the words naming the speaker              */
    dyad_span mention;         /* the words at the attribution ("he")       */
    dyad_span verb;            /* the verb of saying; empty for according-to */
} dyad_quote;

/* Finds the quotations of an analysis made at DYAD_LEVEL_CHUNKS, in text
 * order.  The array belongs to the pipeline and lives until its next
 * analysis.  Returns the count, or -1 when memory ran out. */
long dyad_find_quotes(dyad_pipeline *pipeline, const dyad_analysis *a, const dyad_quote **out);

/* `dyad quotes`: one quote a line (doc, kind, speaker, text, offsets), or
 * one JSON object a line with DYAD_RENDER_JSON. */
void dyad_render_quotes(FILE *out, const dyad_analysis *a, const dyad_quote *quotes,
                        size_t n, unsigned flags);

/* ------------------------------------------------------------------------
 * Events
 *
 * An event is who did what to whom: a source actor, a target actor and a
 * CAMEO event code, with the date, the sentence it came from and the byte
 * ranges of the words that produced it.  The coder (src/code/, dyad_coder_*
 * below) makes them from an analysis; renderers (src/event/) write them.
 * ------------------------------------------------------------------------ */


/* How exactly an event's date is known. */
typedef enum dyad_precision {
    DYAD_PRECISION_NONE,   /* unknown: no article date and none in the text */
    DYAD_PRECISION_YEAR,   /* "in 2019", "last year"                        */
    DYAD_PRECISION_MONTH,  /* "in March", "earlier this month"              */
    DYAD_PRECISION_WEEK,   /* "last week"                                   */
    DYAD_PRECISION_DAY     /* "on Tuesday", "the 26th", the article's date  */
} dyad_precision;

/* What an event's place is. */
typedef enum dyad_place_kind {
    DYAD_PLACE_NONE, DYAD_PLACE_COUNTRY, DYAD_PLACE_REGION, DYAD_PLACE_CITY
} dyad_place_kind;

/* "day", "week", "month", "year", or "none". */
const char *dyad_precision_name(dyad_precision precision);

/* Event flags. */
enum {
    DYAD_EVENT_NEGATED   = 1u << 0, /* the verb was negated (kept only when
                                        the dictionaries code negation)    */
    DYAD_EVENT_IN_QUOTE  = 1u << 1, /* coded inside a quotation            */
    DYAD_EVENT_REPORTED  = 1u << 2, /* from reported speech (X said Y ...) */
    DYAD_EVENT_COMPOUND  = 1u << 3, /* one member of a compound actor      */
    DYAD_EVENT_FUTURE    = 1u << 4, /* future or modal verb: intent        */
    DYAD_EVENT_CONTEXT_TARGET = 1u << 5 /* the sentence named no target; it
                                        is the latest actor of another
                                        country in the article's earlier
                                        sentences (target_span is there)  */
};

/* Which part of its sentence an event was coded from, and by which rule
 * its source was found: why the event exists (--explain).  With the
 * peers' dictionaries every event is DYAD_CLAUSE_OF_MAIN or
 * DYAD_CLAUSE_OF_COORDINATE. */
typedef enum dyad_event_clause {
    DYAD_CLAUSE_OF_MAIN,        /* the sentence's first clause             */
    DYAD_CLAUSE_OF_COORDINATE,  /* after "and", "but", "or"                */
    DYAD_CLAUSE_OF_SUBORDINATE, /* "..., after police stormed the embassy" */
    DYAD_CLAUSE_OF_PARTICIPLE,  /* "..., killing at least 12"              */
    DYAD_CLAUSE_OF_RELATIVE,    /* "troops, who shelled the town"          */
    DYAD_CLAUSE_OF_REPORTED     /* what a verb of saying reports: "X said
                                   Y attacked Z" is Y's act                */
} dyad_event_clause;

typedef enum dyad_event_rule {
    DYAD_RULE_SUBJECT,       /* source before the verb, target after it   */
    DYAD_RULE_PATTERN,       /* the verb's pattern placed source or target */
    DYAD_RULE_PASSIVE_AGENT, /* passive verb: the by-agent acts on the
                                subject ("was rejected by Tehran")        */
    DYAD_RULE_PASSIVE_STATE, /* agentless passive of coercion ("was
                                arrested"): the subject's own state acts  */
    DYAD_RULE_CARRIED,       /* no subject of its own: the enclosing or
                                previous clause's ("..., killing 12")      */
    DYAD_RULE_ANTECEDENT,    /* relative clause: the actor "who" stands for */
    DYAD_RULE_SPEAKER        /* a quotation's "we", or a speaker's words   */
} dyad_event_rule;

/* "main", "coordinate", ...; "subject", "passive agent", ... */
const char *dyad_event_clause_name(dyad_event_clause clause);
const char *dyad_event_rule_name(dyad_event_rule rule);

typedef struct dyad_event {
    uint32_t sentence;        /* index into dyad_analysis.sentences        */
    char date[11];            /* "YYYY-MM-DD" of the event; "" if unknown  */
    char source[32];          /* actor code, e.g. "USAGOV", "IGOWSTNAT"   */
    char target[32];          /* actor code; "" when the event has none    */
    char code[8];             /* CAMEO event code, e.g. "036", "0874"      */
    dyad_span source_span;    /* the words that named the source           */
    dyad_span target_span;    /* the words that named the target           */
    dyad_span verb_span;      /* the verb (and pattern words) coded        */
    uint32_t flags;           /* DYAD_EVENT_*                              */
    uint8_t date_precision;   /* dyad_precision of date                    */
    dyad_span date_span;      /* the words that dated it; empty when the
                                 event took the article's date            */
    /* Who said it, for an event coded inside a quotation or reported
     * speech (DYAD_EVENT_IN_QUOTE, DYAD_EVENT_REPORTED): the speaker's
     * actor code on the article's date ("" when the speaker is no known
     * actor) and the words naming the speaker (empty when none). */
    char speaker[32];
    dyad_span speaker_span;
    /* Where it happened, when its sentence says so with a locative ("in
     * Gaza", "near Kharkiv", "in eastern Ukraine"), resolved in dyad's
     * GeoNames gazetteer; place_name is NULL when no place was found.
     * The strings belong to the gazetteer and live as long as the
     * program. */
    const char *place_name;   /* "Kharkiv"                                 */
    const char *place_country;/* ISO 3166 alpha-3, "UKR"                   */
    const char *place_country2;/* ISO 3166 alpha-2, "UA"                   */
    const char *place_region; /* first-level region, or NULL              */
    double place_lat, place_lon;
    uint8_t place_kind;       /* dyad_place_kind                           */
    dyad_span place_span;     /* the words that named it                   */
    /* Why: the dictionary entry that matched, for --explain.  Owned by the
     * coder's dictionaries; NULL when not known. */
    const char *pattern;      /* the pattern as written                    */
    const char *pattern_file; /* dictionary file and line it came from     */
    uint32_t pattern_line;
    uint8_t clause;           /* dyad_event_clause it was coded from       */
    uint8_t rule;             /* dyad_event_rule that found its source     */
} dyad_event;

/* Facts about a CAMEO event code, from dyad's own table (src/event/). */
typedef enum dyad_quad {
    DYAD_QUAD_NONE = 0,
    DYAD_QUAD_VERBAL_COOPERATION = 1,
    DYAD_QUAD_MATERIAL_COOPERATION = 2,
    DYAD_QUAD_VERBAL_CONFLICT = 3,
    DYAD_QUAD_MATERIAL_CONFLICT = 4
} dyad_quad;

typedef struct dyad_cameo_info {
    const char *code;      /* "036"                                         */
    const char *name;      /* "Express intent to meet or negotiate"         */
    double goldstein;      /* -10 .. +10                                    */
    dyad_quad quad;        /* GDELT's quad class (1-4)                      */
    const char *plover;    /* PLOVER event type, e.g. "CONSULT"; NULL if none */
    const char *plover_mode;    /* PLOVER mode ("visit"), NULL if none      */
    const char *plover_context; /* PLOVER contexts, comma-separated
                                   ("crime,corruption"), NULL if none      */
} dyad_cameo_info;

/* Looks a code up; NULL when it is not a CAMEO event code.  The root is
 * the first two digits ("0874" -> "08"). */
const dyad_cameo_info *dyad_cameo_lookup(const char *code);

/* Other systems' codes for a country (data/countries/states.tsv): GDELT
 * writes FIPS 10-4 country codes, and conflict data sets key states by
 * their Correlates of War or Gleditsch & Ward numbers. */
typedef struct dyad_country_codes {
    const char *iso3;      /* ISO 3166-1 alpha-3, "DEU"                     */
    const char *fips;      /* FIPS 10-4, "GM"; "" when it has none          */
    int cow;               /* Correlates of War state number, 255; 0: none  */
    const char *cow_abbr;  /* its COW abbreviation, "GMY"; "" when none     */
    int gw;                /* Gleditsch & Ward state number, 260; 0: none   */
    const char *name;      /* ISO 3166 name                                 */
} dyad_country_codes;

/* Looks up the country of an ISO 3166 alpha-3 code, or of the first three
 * letters of a CAMEO actor code ("RUSMIL" -> RUS); NULL when there is none. */
const dyad_country_codes *dyad_country_lookup(const char *code);

/* The table's rows in iso3 order: row i for i < dyad_country_count(),
 * else NULL. */
size_t dyad_country_count(void);
const dyad_country_codes *dyad_country_at(size_t i);

/* ------------------------------------------------------------------------
 * Coder
 *
 * A dyad_coder turns analyses into events.  It is built once from event
 * dictionaries -- TABARI's (.verbs, .actors, .agents, .options, or a
 * .project naming them) or PETRARCH2's (CAMEO.2.0-style verbs, actors,
 * agents, discards) -- compiled into matching indexes, and is immutable
 * afterwards: any number of threads may share one coder.  Each thread
 * codes with its own workspace, dyad_coder_work, which owns the events it
 * returns and reuses its memory from one document to the next.
 *
 *   dyad_coder_config cfg = { .project = "Validate.project" };
 *   dyad_coder *c = dyad_coder_new(&cfg);
 *   dyad_coder_work *w = dyad_coder_work_new(c, NULL);
 *   ... for each document: dyad_analyze(p, &doc, &a);
 *       dyad_code(w, &a, &events, &n);  -- n events, valid until the
 *                                          next dyad_code() on w
 *   dyad_coder_work_free(w); dyad_coder_free(c);
 *
 * How sentences are coded (TABARI's manual, chapters 5-7): words are
 * matched against the dictionaries, longest phrase first; actors take the
 * code their dated entries give on the document's date, agents join the
 * actor next to them ("Russian troops" -> RUSMIL), "X and Y" lists become
 * compound actors (one event per member), pronouns stand for earlier
 * actors, short comma-delimited clauses are set aside, and conjunctions
 * split the sentence into clauses.  In each clause the verbs are tried
 * left to right, each verb's patterns longest first; a pattern may name
 * the source ($), target (+), both (%) or skip an actor (^), otherwise the
 * source is the first actor before the verb and the target the first
 * actor after it with another code.  Null (---), discard (###) and complex
 * (+++) codes, paired (032:033), dominant (!) and subordinate (?) codes,
 * passive voice, the .options COMPLEX, COMMA, DEFAULT and CODE BY settings
 * behave as the manual describes.  Work is linear in the document.
 * ------------------------------------------------------------------------ */

typedef struct dyad_coder dyad_coder;
typedef struct dyad_coder_work dyad_coder_work;

/* The dictionary files of a coder.  Any member may be NULL or empty; file
 * formats (TABARI or PETRARCH2 syntax, and which kind of dictionary) are
 * told from names and contents.  A project loads the files it names. */
typedef struct dyad_coder_config {
    const char *project;              /* TABARI .project                   */
    const char *verbs;                /* verbs and patterns                */
    const char *const *actors;        /* actor dictionaries ...            */
    size_t nactors;                   /* ... and how many                  */
    const char *agents;
    const char *discards;
    const char *options;              /* TABARI .options                   */
    int builtin;                      /* nonzero: also dyad's own built-in
                                         dictionaries (dict/ in the source
                                         tree, compiled into the library),
                                         loaded after the files above so
                                         that the user's entries win where
                                         both define a phrase or pattern   */
    dyad_diag_fn diag;                /* malformed dictionary lines, with  */
    void *user;                       /* file and line; may be NULL        */
} dyad_coder_config;

/* Loads and compiles the dictionaries.  Malformed lines are reported,
 * skipped and counted; NULL only when a file cannot be read at all or
 * memory runs out (the reason went to diag). */
dyad_coder *dyad_coder_new(const dyad_coder_config *config);
void dyad_coder_free(dyad_coder *coder);

/* Per-workspace settings. */
typedef struct dyad_code_options {
    char default_date[11]; /* "YYYY-MM-DD" for documents without a date
                              (plain text); "" codes them undated        */
    int explain;           /* fill dyad_event.pattern and its place      */
    FILE *trace;           /* when set: how the coder read each sentence
                              (its word types, actors, verbs and clauses,
                              one block of lines a sentence) is written
                              here as it is coded.  For people debugging a
                              dictionary; the layout may change.  The
                              stream is written without locking: give
                              each thread's workspace its own, or trace
                              with one thread                            */
    int keep_sports;       /* code sports reports too.  By default, with
                              dyad's own dictionaries, a story that reads
                              as a sports report (its words, weighed per
                              100: "goaltender", "playoffs", "4-1"...)
                              codes no event, since "Ottawa beat Detroit"
                              is no attack of one state on another;
                              dyad_code_passed_over() says so            */
} dyad_code_options;

/* A workspace for one thread; opt may be NULL.  NULL when memory ran
 * out. */
dyad_coder_work *dyad_coder_work_new(const dyad_coder *coder, const dyad_code_options *opt);
void dyad_coder_work_free(dyad_coder_work *work);

/* Codes one analysed document (analysed at DYAD_LEVEL_CHUNKS or any
 * level: the coder reads sentences and the text).  *events gets an array
 * of *nevents events in sentence order, owned by the workspace and valid
 * until its next dyad_code().  Only headline and body sentences are
 * coded.  Returns 0, or -1 when memory ran out (no events). */
int dyad_code(dyad_coder_work *work, const dyad_analysis *analysis,
              const dyad_event **events, size_t *nevents);

/* Why the last dyad_code() on work passed the whole document over, coding
 * none of its sentences: DYAD_PASSED_SPORTS for a sports report (see
 * dyad_code_options.keep_sports), else DYAD_PASSED_NONE. */
typedef enum dyad_passed {
    DYAD_PASSED_NONE,
    DYAD_PASSED_SPORTS
} dyad_passed;
dyad_passed dyad_code_passed_over(const dyad_coder_work *work);

/* ------------------------------------------------------------------------
 * Validation suites (`dyad validate`)
 *
 * The peer coders' own tests: TABARI's Validate.project (the dictionaries,
 * options and text file it names, each record followed by the events it
 * should give) and PETRARCH2's PETR.UnitTest.records.xml (each <Sentence>
 * with its expected <EventCoding>s; the dictionaries its <Environment>
 * names are looked up beside the file, then in ../dictionaries, then in
 * dict_dir).  A record is exact when the set of (source, target, code) it
 * is coded with equals the set it expects, or an expected no-event,
 * discard or complex outcome happened.
 * ------------------------------------------------------------------------ */

typedef struct dyad_validate_config {
    const char *suite;        /* Validate.project or a records XML          */
    const char *dict_dir;     /* where else to look for PETRARCH2
                                 dictionaries; may be NULL                 */
    FILE *report;             /* the table by record category, ending
                                 "records: N exact: M (P%)", and with
                                 verbose the records that are not exact;
                                 NULL: nothing is written                  */
    int verbose;              /* every record that is not exact, with what
                                 was coded and what was expected           */
    int trace;                /* ... and how the coder read it (implies
                                 verbose)                                  */
    dyad_diag_fn diag;        /* problems with the suite or its
                                 dictionaries; may be NULL                 */
    void *user;
} dyad_validate_config;

/* Records by category: for TABARI, the letters that begin the record's
 * id, upper-cased ("demo-01" -> "DEMO"); for PETRARCH2, the <Sentence>'s
 * category attribute, or OTHER.  Categories are listed in the order first
 * met; the 64th also gathers the records of all further ones. */
#define DYAD_VALIDATE_CATEGORIES 64

typedef struct dyad_validate_category {
    char name[24];
    size_t records, exact;
} dyad_validate_category;

typedef struct dyad_validate_result {
    size_t records, exact;
    size_t ncategories;
    dyad_validate_category categories[DYAD_VALIDATE_CATEGORIES];
} dyad_validate_result;

/* Runs a suite, writing its report, and fills *result (may be NULL).
 * Returns 0 when the suite was run, -1 when it could not be run at all
 * (unreadable, no records, dictionaries missing: the reason went to
 * diag). */
int dyad_validate(const dyad_validate_config *config, dyad_validate_result *result);

/* ------------------------------------------------------------------------
 * Dictionary tools (`dyad dict check`, `dyad dict lookup`,
 * `dyad dict compile`)
 *
 * For the people who write dictionaries: a dyad_dicts holds dictionary
 * files read as they are written (a coder, above, compiles them into
 * matching indexes instead) and answers questions about them in text
 * written to a caller's stream.  The text formats are documented in
 * docs/dictionaries.md; they are meant for people and for grep, one fact
 * a line, each naming FILE:LINE.
 *
 *   const char *files[] = {"my.verbs", "my.actors"};
 *   dyad_dicts_config cfg = {.files = files, .nfiles = 2};
 *   dyad_dicts *d = dyad_dicts_load(&cfg);
 *   if (d && dyad_dicts_check(d, stdout) == 0) ... clean
 *   dyad_dicts_lookup(d, "Vladimir Putin", "2015-01-01", stdout);
 *   dyad_dicts_free(d);
 * ------------------------------------------------------------------------ */

/* The syntax of dictionary files and which dictionary a file is; DETECT
 * tells them from the file's name, then from its first lines. */
typedef enum dyad_dict_syntax {
    DYAD_DICT_SYNTAX_DETECT = 0,
    DYAD_DICT_SYNTAX_TABARI,
    DYAD_DICT_SYNTAX_PETRARCH
} dyad_dict_syntax;

typedef enum dyad_dict_kind {
    DYAD_DICT_KIND_DETECT = 0,
    DYAD_DICT_KIND_VERBS,
    DYAD_DICT_KIND_ACTORS,
    DYAD_DICT_KIND_AGENTS,
    DYAD_DICT_KIND_DISCARDS,
    DYAD_DICT_KIND_ISSUES,
    DYAD_DICT_KIND_OPTIONS,   /* TABARI .options                          */
    DYAD_DICT_KIND_PROJECT    /* TABARI .project: loads the files it names */
} dyad_dict_kind;

/* Names as used by --format ("auto", "tabari", "petrarch") and --kind
 * ("auto", "verbs", "actors", "agents", "discards", "issues", "options",
 * "project"); -1 when unknown. */
int dyad_dict_syntax_from_name(const char *name);
int dyad_dict_kind_from_name(const char *name);

typedef struct dyad_dicts_config {
    const char *const *files; /* text dictionaries (a .project brings the
                                 files it names), or one compiled image
                                 alone                                     */
    size_t nfiles;
    dyad_dict_syntax syntax;  /* every file's, or DETECT                   */
    dyad_dict_kind kind;      /* every file's, or DETECT                   */
    int strict;               /* a file stops at its first malformed line  */
    dyad_diag_fn diag;        /* malformed lines (file and line), files
                                 that cannot be read, images that do not
                                 load or write; may be NULL                */
    void *user;
} dyad_dicts_config;

typedef struct dyad_dicts dyad_dicts;

/* The suffix of the images the coder's cache names by itself (see
 * dyad_dicts_compile). */
#define DYAD_IMAGE_SUFFIX ".dyad-image"

/* True when the file is a compiled image (it starts with the image's
 * magic bytes) rather than a text dictionary. */
int dyad_dicts_is_image(const char *path);

/* Reads the files in order.  A malformed line is reported, counted and
 * skipped; a file that cannot be read, or is stopped (strict), is
 * reported and counted (dyad_dicts_unreadable) and the others are read
 * all the same, so that one bad file does not hide the findings of the
 * rest.  An image among other files is such a failure.  NULL only when
 * memory ran out or config holds an unknown syntax or kind. */
dyad_dicts *dyad_dicts_load(const dyad_dicts_config *config);
void dyad_dicts_free(dyad_dicts *dicts);

/* Files that could not be read or were stopped. */
size_t dyad_dicts_unreadable(const dyad_dicts *dicts);
/* Files read: those named and those a project named, or those an image
 * was compiled from. */
size_t dyad_dicts_file_count(const dyad_dicts *dicts);

/* `dyad dict check`: each file's counts ("FILE: SYNTAX KIND: name=N
 * ..."), then the findings, one a line ("FILE:LINE: KIND: MESSAGE", KIND
 * one of duplicate, conflict, never-matches, not-cameo, date-backwards,
 * date-overlap, no-code), then the totals and "findings: N KIND=N ...".
 * Returns the number of problems: findings, malformed lines and
 * unreadable files; 0 when the dictionaries are clean. */
long dyad_dicts_check(const dyad_dicts *dicts, FILE *out);

/* `dyad dict lookup`: what phrase (words separated by blanks or '_', any
 * case) is in the dictionaries: each actor with that phrase, its codes
 * and, given date ("YYYY-MM-DD"; NULL or "" for none), which code holds
 * on that day and why the others do not; each verb or verb form with its
 * block, code and pattern count; each agent, discard and issue phrase.
 * When nothing is written exactly so, the lemmas of the words are tried
 * ("said" finds SAY).  Returns the number of entries found (0: a line
 * says it is not in the dictionaries), or -1 when date is not a date
 * (dyad_date_parse) or memory ran out (nothing written). */
long dyad_dicts_lookup(const dyad_dicts *dicts, const char *phrase, const char *date, FILE *out);

/* `dyad dict compile`: writes the counts and compiles the dictionaries
 * into an image, a checksummed binary file the coder loads by mapping it,
 * then loads it back to verify it and writes "image: PATH (N bytes) from N
 * files (N bytes of text)" and the time each step took.  dest is the
 * image's path; or a directory (existing, or named with a final '/') to
 * write it in under the name the coder's cache looks for (the first
 * file's name, a hash of all the files' paths, DYAD_IMAGE_SUFFIX); or NULL
 * for that name beside the first file.  The image is written atomically (a temporary file renamed).
 * Returns 0 when the image was written and loads back; -1 otherwise, with
 * the reason sent to diag -- except when files were unreadable
 * (dyad_dicts_unreadable), when the counts are written but no image.
 * dicts must have been read from text files, not from an image. */
int dyad_dicts_compile(const dyad_dicts *dicts, const char *dest, FILE *out);

/* ------------------------------------------------------------------------
 * Renderers
 * ------------------------------------------------------------------------ */

enum {
    DYAD_RENDER_JSON      = 1u << 0, /* one JSON object per sentence       */
    DYAD_RENDER_ALL_PARTS = 1u << 1  /* include bylines and boilerplate    */
};

/* `dyad sentences`: one sentence a line, prefixed by doc id, index and part. */
void dyad_render_sentences(FILE *out, const dyad_analysis *a, unsigned flags);
/* `dyad tag`: word/TAG/lemma, one sentence a line. */
void dyad_render_tags(FILE *out, const dyad_analysis *a, unsigned flags);
/* `dyad chunk`: bracketed phrases, one sentence a line. */
void dyad_render_chunks(FILE *out, const dyad_analysis *a, unsigned flags);

/* Writes n bytes of s as a JSON string literal (quotes included):
 * control bytes escaped, invalid UTF-8 replaced by U+FFFD, so the output
 * is always valid JSON. */
void dyad_json_string(FILE *out, const char *s, size_t n);

/* Event output formats (`dyad code --output`). */
typedef enum dyad_event_format {
    DYAD_EVENTS_JSONL,   /* one JSON object per event (default)            */
    DYAD_EVENTS_TSV,     /* PETRARCH2's event-file layout                  */
    DYAD_EVENTS_TABARI,  /* TABARI's event-file layout                     */
    DYAD_EVENTS_GDELT,   /* GDELT 2.0 event-table column order             */
    DYAD_EVENTS_PLOVER   /* PLOVER JSON records; events without a PLOVER
                            type (CAMEO 01, 02) are left out              */
} dyad_event_format;

enum {
    DYAD_EVENTS_EXPLAIN      = 1u << 0, /* add the pattern and the words    */
    DYAD_EVENTS_PHOENIX_QUAD = 1u << 1  /* Phoenix's quad numbering         */
};

/* Name as used by --output ("jsonl", "tsv", "tabari", "gdelt"); parsing
 * returns -1 when unknown. */
const char *dyad_event_format_name(dyad_event_format format);
int dyad_event_format_from_name(const char *name);

/* Writes the events coded from one analysed document.  The document (id,
 * text for the quoted words) comes from a->doc. */
void dyad_render_events(FILE *out, const dyad_analysis *a, const dyad_event *events,
                        size_t nevents, dyad_event_format format, unsigned flags);

/* ------------------------------------------------------------------------
 * Sessions: text in, JSON Lines out, in one call (for bindings)
 *
 * A dyad_session bundles what the sections above ask a program to
 * assemble -- a coder, a pipeline, a coder workspace and an output buffer
 * -- behind calls that take text or a file name and give back the events
 * as JSON Lines, exactly as `dyad code` writes them.  It exists for
 * languages that call C through a foreign-function interface (the Python
 * package in python/ uses it), where structs and callbacks are awkward;
 * underneath it is the same reader, dyad_analyze(), dyad_code() and
 * dyad_render_events() as everything else.
 *
 *   dyad_session *s = dyad_session_new(NULL);     -- built-in dictionaries
 *   const char *out; size_t len;
 *   if (dyad_session_code(s, text, strlen(text), "2022-01-27", NULL,
 *                         DYAD_FORMAT_AUTO, 0, &out, &len) < 0)
 *       fprintf(stderr, "%s\n", dyad_session_error(s));
 *   else fwrite(out, 1, len, stdout);
 *   dyad_session_free(s);
 *
 * Errors are reported by the session, not through callbacks: a call that
 * fails returns -1 and dyad_session_error() says why, in the same words
 * the command line would print.  Problems that do not stop coding (a
 * malformed dictionary line, a skipped record, repaired UTF-8) are
 * collected in dyad_session_diagnostics().
 *
 * Threads: a session may be used by one thread at a time; give each
 * thread its own.  Every session loads its own dictionaries (tens of
 * milliseconds and tens of megabytes for the built-in set), so keep a
 * session for many calls rather than making one per text.
 * ------------------------------------------------------------------------ */

typedef struct dyad_session dyad_session;

/* Builds the session's coder from the dictionary files in dicts, as
 * dyad_coder_new() does (dicts->diag and ->user are ignored: the session
 * collects the messages); dicts == NULL means dyad's built-in dictionaries
 * alone.  Returns NULL only when memory ran out; when the dictionaries
 * cannot be loaded (a file missing or unreadable) the session is returned
 * unusable: dyad_session_error() names the problem and every coding call
 * fails with it.  The strings in dicts need not outlive the call. */
dyad_session *dyad_session_new(const dyad_coder_config *dicts);
void dyad_session_free(dyad_session *session);

/* Why the last call failed ("" when it did not).  Owned by the session,
 * valid until its next call. */
const char *dyad_session_error(const dyad_session *session);

/* Warnings and errors that did not stop the last call (dyad_session_new
 * included): one per line, "FILE:LINE: warning|error: MESSAGE".  Owned by
 * the session, valid until its next call; "" when there were none. */
const char *dyad_session_diagnostics(const dyad_session *session);

/* Codes every document in text[0..len) -- one plain-text article, or
 * JSON Lines, TABARI or PETRARCH records, as format says (or as detected,
 * DYAD_FORMAT_AUTO).  date ("YYYY-MM-DD", or NULL) dates the documents
 * that carry no date of their own; doc_id (or NULL: "text") is the id of
 * a plain-text article and names the input in diagnostics (a path is cut
 * to its last component); flags are the DYAD_EVENTS_* of
 * dyad_render_events().  *jsonl gets the events, one JSON object a line,
 * and *len its length; the buffer is NUL-terminated, owned by the session
 * and valid until its next call.  Returns the number of events, or -1
 * (a malformed date, an unknown format, memory ran out, the session is
 * unusable). */
long dyad_session_code(dyad_session *session, const char *text, size_t len,
                       const char *date, const char *doc_id, dyad_format format,
                       unsigned flags, const char **jsonl, size_t *len_out);

/* Streams a file ("-" is standard input) document by document, so memory
 * stays bounded by the largest document however long the file: open it,
 * then call dyad_session_next() until it returns 0.  date and flags are as
 * for dyad_session_code() and hold for the whole file; opening another
 * file or coding text closes the one being read.  Returns 0, or -1 when
 * the file cannot be opened (or the date or format is malformed). */
int dyad_session_open_file(dyad_session *session, const char *path, const char *date,
                           dyad_format format, unsigned flags);

/* Codes the next document of the open file: 1 with its events in *jsonl
 * (as dyad_session_code() gives them; possibly none, *len_out == 0), 0
 * at the end of the file (which is then closed), -1 when no file is open
 * or memory ran out.  Records the reader skips are in the diagnostics of
 * the call that passed them. */
int dyad_session_next(dyad_session *session, const char **jsonl, size_t *len_out);


/* A stable id for an event: a 63-bit hash (FNV-1a) of the document id,
 * the sentence, the byte offsets of the source, target and verb words, the
 * actor codes and the event code.  Coding the same text with the same
 * dictionaries gives the same ids in every run and on every machine, so
 * files of events can be joined and deduplicated on it; the JSON output
 * writes it as 16 hexadecimal digits ("id").  doc_id may be NULL. */
uint64_t dyad_event_id(const char *doc_id, const dyad_event *event);

/* ------------------------------------------------------------------------
 * Event store (src/store/)
 *
 * A database of documents and their events: `dyad ingest` writes it,
 * `dyad query` and `dyad stats` read it.  The engine is SQLite (one file,
 * WAL journal, readable in the `sqlite3` shell) or PostgreSQL (shared by
 * many writers at once); docs/store.md gives the schema.  Semantics:
 *
 *   - A document is known by its id (dyad_document.id).  Storing a
 *     document whose id and content hash (text, date, title) are already
 *     stored changes nothing; a document with a known id and another hash
 *     replaces its events.  So an interrupted ingest is finished by running
 *     it again: committed documents are skipped, the rest coded.
 *   - Writes are batched: a transaction commits every 40 x
 *     DYAD_STORE_BATCH documents or 16 MiB of their text on SQLite (4 x
 *     and 4 MiB on PostgreSQL; docs/store.md says why) and at
 *     dyad_store_commit() or dyad_store_close().  A crash loses at most
 *     the open batch, never half of one.
 *   - Syndicated copies: a document whose MinHash (DYAD_MINHASH_N
 *     minima over word 3-shingles) agrees with an earlier document's on
 *     at least DYAD_STORE_COPY_SIMILARITY of its values -- an estimate of
 *     the Jaccard similarity of their shingle sets -- is linked to that
 *     first copy (copy_of).  A wire story reprinted with a new dateline,
 *     a few words edited and a copyright line scores 0.7-0.95; two
 *     reports of the same event in different words score below 0.2.
 *     Candidates are found through DYAD_MINHASH_BANDS bands of the
 *     signature (locality-sensitive hashing), so linking costs the same
 *     however large the store.  The copy's events are kept but flagged,
 *     and queries and counts leave them out unless asked.  Documents
 *     shorter than DYAD_STORE_COPY_MIN_WORDS words are never linked:
 *     short texts say too little to tell a copy from a similar report.
 *   - One-a-day (Phoenix): among the events of original documents with
 *     the same source, target, code and day, the first stored is flagged
 *     `first_of_day`; --unique keeps only those.
 *
 * A store handle is used by one thread.  Readers never block writers
 * (WAL); a second writer waits up to DYAD_STORE_BUSY_MS milliseconds,
 * then fails with a message saying another process is writing.  A file
 * that is not a dyad store, or is damaged, is refused with a message and
 * left as it is.
 * ------------------------------------------------------------------------ */

typedef struct dyad_store dyad_store;

#define DYAD_STORE_BATCH 500
#define DYAD_STORE_BUSY_MS 10000
#define DYAD_MINHASH_N 32
#define DYAD_MINHASH_BANDS 8            /* of DYAD_MINHASH_N / 8 values each */
#define DYAD_STORE_COPY_SIMILARITY 0.5
#define DYAD_STORE_COPY_MIN_WORDS 40

enum {
    DYAD_STORE_READONLY = 1u << 0, /* open for queries; never writes        */
    DYAD_STORE_CREATE   = 1u << 1  /* create the file when it does not exist */
};

/* Opens (and, with DYAD_STORE_CREATE, creates) a store and brings its
 * schema up to date (forward migrations, each in one transaction).
 * path is a SQLite file, or a PostgreSQL database: a "postgresql://" or
 * "postgres://" URI or a libpq conninfo string starting with one of
 * host=, hostaddr=, dbname=, port=, user=, service=.  On PostgreSQL any
 * number of processes may write at once: documents are unique by id and
 * events by (document, stable id), so concurrent or repeated ingests
 * store nothing twice (docs/scale-out.md); the store lives in the
 * connection's current schema, which must be empty or dyad's.
 * Returns NULL with the reason reported through diag (file = path). */
dyad_store *dyad_store_open(const char *path, unsigned flags, dyad_diag_fn diag, void *user);

/* Commits what is pending and closes.  Returns 0, or -1 when the last
 * commit failed (reported through diag). */
int dyad_store_close(dyad_store *store);

/* How long a writer waits for another writer's lock before failing
 * (default DYAD_STORE_BUSY_MS). */
void dyad_store_busy_timeout(dyad_store *store, int ms);

/* Commits the open batch now.  0 or -1. */
int dyad_store_commit(dyad_store *store);

/* A run: one ingest, import or recode, recorded in the store's runs table
 * with its start and end times, dyad's version, the dictionaries' identity
 * (dict_id: free text, e.g. "builtin" or the files given), the command and
 * its inputs.  Returns 0 or -1. */
int dyad_store_run_begin(dyad_store *store, const char *command, const char *inputs,
                         const char *dict_id);
/* Ends the current run with its counts: documents read, records skipped
 * (unreadable or failed), documents coded (new or changed). */
int dyad_store_run_end(dyad_store *store, size_t read, size_t skipped, size_t coded);

/* What the store holds of a document. */
typedef enum dyad_doc_state {
    DYAD_DOC_NEW,     /* id not stored                                    */
    DYAD_DOC_SAME,    /* stored with the same content: nothing to do      */
    DYAD_DOC_CHANGED  /* stored with other content: its events go        */
} dyad_doc_state;

/* The state of a document before coding it, so that unchanged documents
 * are not coded again.  Returns a dyad_doc_state, or -1 on error. */
int dyad_store_check(dyad_store *store, const dyad_document *doc);

typedef struct dyad_store_result {
    dyad_doc_state state;  /* what the document was before              */
    int64_t copy_of;       /* the first copy's row id, or 0               */
    size_t events;         /* events stored                               */
    size_t merged;         /* events left out: the same stable id as an
                              earlier event of the document (the same
                              words coded twice)                         */
} dyad_store_result;

/* Stores a coded document (a->doc) and its events, replacing what an
 * earlier version of it stored; an unchanged document is left alone.
 * res may be NULL.  Returns 0, or -1 on error (reported). */
int dyad_store_put(dyad_store *store, const dyad_analysis *a, const dyad_event *events,
                   size_t nevents, dyad_store_result *res);

/* As dyad_store_put, but replaces the document's events even when its
 * content is unchanged: recoding with new dictionaries. */
int dyad_store_replace(dyad_store *store, const dyad_analysis *a, const dyad_event *events,
                       size_t nevents, dyad_store_result *res);

/* Calls fn for each document the store holds that dyad coded itself
 * (origin "dyad"), in storing order, as the reader delivered it (text,
 * id, date, title, url, outlet, format; a PETRARCH parse tree is not
 * kept).  The document lives during the call; fn may write to the store.
 * fn returns 0 to go on, nonzero to stop.  Returns 0, or -1 on error. */
int dyad_store_each_document(dyad_store *store, int (*fn)(const dyad_document *doc, void *user),
                             void *user);

/* A query.  Unset members (NULL, 0) do not filter.  Actor codes match by
 * prefix, block by block as CAMEO builds them: "USA" matches USA, USAGOV,
 * USAMIL. */
typedef struct dyad_query {
    const char *actor;    /* source or target                              */
    const char *source;   /* --dyad A,B: source A ...                      */
    const char *target;   /* ... and target B                              */
    int both;             /* also B -> A                                   */
    const char *code;     /* exact CAMEO code                              */
    int root;             /* 1..20                                         */
    int quad;             /* 1..4 (GDELT's numbering)                      */
    const char *from, *to;/* "YYYY-MM-DD", inclusive                       */
    const char *country;  /* the event's place: ISO alpha-3 or alpha-2     */
    const char *speaker;  /* speaker's actor code, by prefix               */
    const char *text;     /* FTS5 query over the events' sentences         */
    int unique;           /* one a day: only first_of_day events           */
    int copies;           /* also events of syndicated copies              */
    size_t limit;         /* at most this many rows; 0: all                */
    size_t offset;        /* skip this many first                          */
} dyad_query;

/* Layouts of query output. */
typedef enum dyad_row_format {
    DYAD_ROWS_JSONL,  /* one JSON object per event, `dyad code`'s fields  */
    DYAD_ROWS_CSV,    /* RFC 4180 with a header row                       */
    DYAD_ROWS_TSV,    /* the same columns, tab-separated                  */
    DYAD_ROWS_PHOENIX,/* Phoenix's daily-file columns, tab-separated, no
                         header (QuadClass in Phoenix's numbering)         */
    DYAD_ROWS_GDELT,  /* GDELT 2.0's 61-column event table, as dyad code
                         --output gdelt writes it                          */
    DYAD_ROWS_PLOVER  /* PLOVER JSON records, one a line; events without a
                         PLOVER type (CAMEO roots 01, 02) are left out     */
} dyad_row_format;

/* "jsonl", "csv", "tsv", "phoenix", "gdelt"; parsing returns -1 when
 * unknown. */
const char *dyad_row_format_name(dyad_row_format format);
int dyad_row_format_from_name(const char *name);

/* Writes the events matching q, ordered by date then id.  Returns the
 * number written, or -1 on error (a bad filter value is an error,
 * reported through the store's diag). */
long dyad_store_query(dyad_store *store, const dyad_query *q, dyad_row_format format, FILE *out);

/* For bindings: runs q on the store at db, opened read-only (as
 * dyad_store_open(db, DYAD_STORE_READONLY, ...) and dyad_store_query()
 * do), and gives the rows in a malloc'd buffer (*rows, *len; NUL-
 * terminated; release it with dyad_free()).  Returns the number of rows,
 * or -1 with the reason in err (at most errcap bytes; the store's own
 * message when it refused the file or a filter). */
long dyad_store_query_rows(const char *db, const dyad_query *q, dyad_row_format format, char **rows,
                           size_t *len, char *err, size_t errcap);
/* Releases memory the library gave the caller. */
void dyad_free(void *p);

/* Periods of a count. */
typedef enum dyad_period {
    DYAD_PERIOD_DAY, DYAD_PERIOD_MONTH, DYAD_PERIOD_YEAR
} dyad_period;

/* "day", "month", "year"; parsing returns -1 when unknown. */
const char *dyad_period_name(dyad_period period);
int dyad_period_from_name(const char *name);

/* `dyad query --count PERIOD`: the number of events matching q (its
 * limit and offset aside) in each day, month or year that has any, in
 * date order, as rows "period,events" ("2024-03", 17) in the layout of
 * format (CSV and TSV with a header; JSONL {"period":..,"events":..}).
 * Undated events are not counted.  Returns the number of rows, or -1. */
long dyad_store_count(dyad_store *store, const dyad_query *q, dyad_period by,
                      dyad_row_format format, FILE *out);

/* `dyad stats`: documents, copies, events, one-a-day events, date range,
 * runs and the `top` most frequent dyads, as text.  0 or -1. */
int dyad_store_stats(dyad_store *store, FILE *out, size_t top);

/* Events coded elsewhere (`dyad import`).  A file is one document of the
 * store ("FORMAT:BASENAME", origin FORMAT): importing it again changes
 * nothing, a changed file replaces its events, and each file goes in one
 * transaction.  Each row's own id is kept (events.ref).  Files may be
 * gzip-compressed; a bad row is reported with file and line, skipped and
 * counted. */
typedef enum dyad_import_format {
    DYAD_IMPORT_JSONL,   /* dyad's own JSON Lines (dyad code, dyad query) */
    DYAD_IMPORT_GDELT,   /* GDELT 1.0 and 2.0 event tables                */
    DYAD_IMPORT_PHOENIX, /* Phoenix daily files                           */
    DYAD_IMPORT_ICEWS    /* ICEWS event files; actors mapped to CAMEO codes
                            by country and sector (docs/store.md), their
                            ICEWS names kept as the actors' text         */
} dyad_import_format;

const char *dyad_import_format_name(dyad_import_format format);
int dyad_import_format_from_name(const char *name);

typedef struct dyad_import_result {
    dyad_doc_state state;   /* DYAD_DOC_SAME: the file was not read again */
    size_t rows, events, skipped;
} dyad_import_result;

/* Imports one file; 0, or -1 when the file could not be read or stored
 * (then nothing of it is stored). */
int dyad_store_import(dyad_store *store, const char *path, dyad_import_format format,
                      dyad_import_result *res);

/* ---- read-only views (dyad serve) --------------------------------------
 * JSON answers over a store, as the web API serves them (docs/api.md
 * gives every member).  Each writes one JSON value to out and returns 0,
 * or one of the codes below; the message goes to the store's diag.
 * Filters are those of dyad_query and are checked as dyad_store_query
 * checks them. */

#define DYAD_STORE_ERROR     (-1)  /* the store failed                        */
#define DYAD_STORE_INVALID   (-2)  /* a bad filter, cursor or argument        */
#define DYAD_STORE_TIMEOUT   (-3)  /* the time limit ran out                  */
#define DYAD_STORE_NOT_FOUND (-4)  /* no such document                        */

/* Every statement after this fails with DYAD_STORE_TIMEOUT once ms
 * milliseconds have passed (0: no limit, the default). */
void dyad_store_time_limit(dyad_store *store, int ms);

/* A number that changes whenever any process commits to the store, so
 * that answers computed before can be known stale.  0 or -1. */
int dyad_store_data_version(dyad_store *store, int64_t *version);

/* Periods of aggregates: dyad_period, above (a day, a month or a year). */

/* A page of q's events as {"events": [...], "next": CURSOR|null}: at most
 * q->limit (1..DYAD_STORE_PAGE_MAX; 0 means DYAD_STORE_PAGE_MAX) events in
 * `dyad query`'s order and JSON, after the cursor `after` (NULL or "" for
 * the first page; the `next` of the previous page otherwise).  A cursor
 * names the last row seen, so pages neither repeat nor skip rows when
 * events are added meanwhile.  q->offset must be 0. */
#define DYAD_STORE_PAGE_MAX 1000
int dyad_store_events_json(dyad_store *store, const dyad_query *q, const char *after, FILE *out);

/* Per-period counts of q's dated events (a dyad: q->source, q->target,
 * q->both): {"period", "periods": [{"period", "events", "quads": [q1, q2,
 * q3, q4], "goldstein_sum", "goldstein_mean", "conflict_share"}...]},
 * every period from the first to the last present, empty ones included;
 * at most DYAD_STORE_PERIODS_MAX of them (more is DYAD_STORE_INVALID). */
#define DYAD_STORE_PERIODS_MAX 4000
int dyad_store_trend_json(dyad_store *store, const dyad_query *q, dyad_period period, FILE *out);

/* The most active dyads of q's events, {"by_volume": [...]}, `top` of
 * them (1..100), and those whose share of conflict events (quad classes
 * 3 and 4) rose most between the last two periods of the store (the
 * period of q's latest event and the one before), among dyads with at
 * least min_events events in each: {"by_conflict_change": {"period",
 * "previous", "dyads": [...]}}. */
int dyad_store_dyads_json(dyad_store *store, const dyad_query *q, dyad_period period, size_t top,
                          size_t min_events, FILE *out);

/* A stored document by its id: {"id", "title", "date", "url", "outlet",
 * "origin", "text", "events": [...], "truncated"}; each event is
 * `dyad query`'s JSON plus "sentence_offsets": [start, end] of its
 * sentence in text (byte offsets, as every other offset), at most
 * max_events events.  DYAD_STORE_NOT_FOUND when no document has that id. */
int dyad_store_document_json(dyad_store *store, const char *doc_id, size_t max_events, FILE *out);

/* Actor codes starting with `text` (upper-cased) or named by words that
 * contain it, most frequent first, at most max (1..100):
 * {"actors": [{"code", "name", "events"}...]}; name is the words that
 * named the code most often. */
int dyad_store_actors_json(dyad_store *store, const char *text, size_t max, FILE *out);

/* {"status": "ok", "schema", "documents", "events", "first", "last"}:
 * cheap (row ids, not counts). */
int dyad_store_health_json(dyad_store *store, FILE *out);

/* ------------------------------------------------------------------------
 * Web view and HTTP API (src/serve/, `dyad serve`)
 *
 * An HTTP server (GNU libmicrohttpd) over a store opened read-only: the
 * JSON API of docs/api.md and a single-page view embedded in the
 * library.  No endpoint writes.  Every request is checked before it
 * reaches the store: GET and HEAD only, a bounded target, known
 * parameters with valid values; answers are JSON with a status.  A
 * fixed pool of threads each keeps its own store handle and a small
 * cache of answers that is dropped whenever the store changes.
 * ------------------------------------------------------------------------ */

typedef struct dyad_serve_config {
    const char *db;               /* the store (required)                    */
    const char *bind;             /* an IPv4 or IPv6 address; NULL: 127.0.0.1 */
    unsigned port;                /* 0: any free port (dyad_server_port)     */
    unsigned threads;             /* 0: 2                                    */
    unsigned max_connections;     /* 0: 512                                  */
    unsigned timeout_s;           /* idle connection timeout; 0: 10          */
    unsigned query_ms;            /* time limit of one query; 0: 2000        */
    unsigned cache_entries;       /* answers cached per thread; 0: 1024      */
    int no_cache;                 /* cache nothing (benchmarks)              */
} dyad_serve_config;

typedef struct dyad_server dyad_server;

/* Opens the store read-only and starts serving in background threads.
 * NULL with the reason reported through diag. */
dyad_server *dyad_server_start(const dyad_serve_config *config, dyad_diag_fn diag, void *user);

/* The port the server listens on (the one chosen when config->port was 0). */
unsigned dyad_server_port(const dyad_server *server);

/* Stops accepting, finishes the requests being answered, closes. */
void dyad_server_stop(dyad_server *server);

/* The MinHash signature of a text (over lower-cased word 3-shingles), as
 * the store computes it for copy detection; returns the number of words.
 * And the share of two signatures' values that agree (0..1), an estimate
 * of the Jaccard similarity of the texts' shingle sets.  For tests and
 * tools. */
size_t dyad_minhash(const char *text, size_t len, uint32_t out[DYAD_MINHASH_N]);
double dyad_minhash_similarity(const uint32_t a[DYAD_MINHASH_N], const uint32_t b[DYAD_MINHASH_N]);

/* ------------------------------------------------------------------------
 * News feeds (src/feed/; `dyad feeds`)
 *
 * Three pieces, which `dyad feeds` puts together: a parser of RSS 2.0 and
 * Atom feeds, an HTTP fetcher with the manners a crawler owes the sites
 * it reads, and the feed state kept in the store (validators for
 * conditional requests, the items already met).  Each item's page is
 * then read like any other with dyad_reader_open_memory(...,
 * DYAD_FORMAT_HTML, ...) and stored with dyad_store_put().
 * ------------------------------------------------------------------------ */

typedef enum dyad_feed_kind {
    DYAD_FEED_RSS,   /* <rss><channel><item> (RSS 0.9x and 2.0)          */
    DYAD_FEED_ATOM,  /* <feed xmlns="http://www.w3.org/2005/Atom"><entry> */
    DYAD_FEED_RDF    /* RSS 1.0: <rdf:RDF><item>                          */
} dyad_feed_kind;

/* One item of a feed.  Strings are NUL-terminated UTF-8 with surrounding
 * white space trimmed, owned by the dyad_feed. */
typedef struct dyad_feed_item {
    const char *link;  /* absolute http(s) URL of the article (RSS <link>,
                          else a permalink <guid>; Atom <link> with rel
                          "alternate" or none), resolved against the
                          feed's URL; NULL when the item has none        */
    const char *id;    /* RSS <guid>, Atom <id>; else the link; NULL when
                          the item has neither                           */
    const char *title; /* NULL when absent                               */
    char date[11];     /* RSS <pubDate> (RFC 822) or <dc:date>, Atom
                          <published> else <updated> (RFC 3339), as the
                          day the publisher wrote; "" when absent or not
                          a date                                         */
    size_t line;       /* line of the feed where the item starts        */
} dyad_feed_item;

typedef struct dyad_feed dyad_feed;

/* Largest feed dyad_feed_parse() accepts, and most items it keeps. */
#define DYAD_FEED_MAX_BYTES ((size_t)32 << 20)
#define DYAD_FEED_MAX_ITEMS 10000

/* Parses a feed held in data[0..len).  name names it in diagnostics (the
 * feed's URL); base (or NULL) is the URL relative links are resolved
 * against.  The XML is hostile: it is parsed by libxml2 without network
 * access (XML_PARSE_NONET), without loading any DTD and without
 * substituting entities, so neither a billion-laughs entity nor an
 * external entity is expanded or fetched (a reference to a declared
 * entity contributes nothing).  A feed that is not well-formed XML, or
 * not RSS or Atom, is reported (file = name, with libxml2's line and
 * message) and NULL returned; an item without a link is reported,
 * counted (dyad_feed_skipped) and left out.  NULL also when memory ran
 * out (reported). */
dyad_feed *dyad_feed_parse(const char *name, const char *data, size_t len, const char *base,
                           dyad_diag_fn diag, void *user);
dyad_feed_kind dyad_feed_type(const dyad_feed *feed);
/* The feed's own title, or NULL. */
const char *dyad_feed_title(const dyad_feed *feed);
/* The items in the feed's order; *items is valid until dyad_feed_free(). */
size_t dyad_feed_items(const dyad_feed *feed, const dyad_feed_item **items);
/* Items left out (no link, or beyond DYAD_FEED_MAX_ITEMS). */
size_t dyad_feed_skipped(const dyad_feed *feed);
void dyad_feed_free(dyad_feed *feed);

/* The HTTP fetcher (Debian's libcurl).  Only http and https, also for
 * redirects; gzip and deflate bodies are decoded (and the size cap holds
 * for the decoded bytes).  One fetcher is used by one thread. */
typedef struct dyad_fetcher dyad_fetcher;

typedef struct dyad_fetch_options {
    long connect_timeout_ms; /* 0: 10 s                                    */
    long timeout_ms;         /* the whole transfer; 0: 30 s                */
    size_t max_bytes;        /* bodies larger are refused; 0: 8 MiB        */
    int max_redirects;       /* 0: 5 (a negative value: none followed)     */
    long host_delay_ms;      /* at least this long between two requests to
                                one host (politeness); 0: none            */
    const char *user_agent;  /* NULL: "dyad/VERSION (+news feed reader)"  */
} dyad_fetch_options;

/* What one fetch gave.  Pointers are owned by the fetcher and valid until
 * its next dyad_fetch() or dyad_fetcher_free(). */
typedef struct dyad_fetch_result {
    long status;               /* the final HTTP status; 0: no response   */
    int not_modified;          /* 304 to a conditional request            */
    const char *body;          /* NUL-terminated; len bytes (may hold NULs) */
    size_t len;
    const char *url;           /* after redirects                          */
    const char *content_type;  /* the final response's, or NULL            */
    const char *etag;          /* validators to send next time, or NULL   */
    const char *last_modified;
    const char *error;         /* NULL on success (2xx or 304); else why:
                                  "HTTP 404", "timed out after 30 s",
                                  "larger than 8388608 bytes", ...        */
    int transient;             /* the failure may pass (timeout, connection
                                  refused, HTTP 5xx or 429): worth trying
                                  again on a later run                     */
} dyad_fetch_result;

/* A fetcher with the options given (opts may be NULL for the defaults);
 * NULL when memory ran out or libcurl could not start.  It calls
 * curl_global_init(), which libcurl (7.84 and later) makes thread-safe
 * and counts, and curl_global_cleanup() when freed. */
dyad_fetcher *dyad_fetcher_new(const dyad_fetch_options *opts);
/* GETs url, first waiting out the host delay.  etag and last_modified
 * (either may be NULL) make it conditional (If-None-Match,
 * If-Modified-Since).  Returns 0 when a body or a 304 came back, -1 with
 * res->error set otherwise. */
int dyad_fetch(dyad_fetcher *f, const char *url, const char *etag, const char *last_modified,
               dyad_fetch_result *res);
void dyad_fetcher_free(dyad_fetcher *f);

/* Feed state in the store (schema version 4: tables feeds, feed_items).
 *
 * dyad_store_feed_get: 1 with the validators (ETag, Last-Modified) of the
 * feed's last good fetch in *etag and *last_modified (malloc'd, release
 * with dyad_free(); NULL when the server sent none), 0 for a feed never
 * fetched, -1 on error.
 * dyad_store_feed_put: records a fetch of the feed (now, its status, and
 * the error or NULL); the validators are replaced only when error is
 * NULL, so a failed fetch does not lose them.  0 or -1.
 *
 * Items are known by a key the caller chooses (dyad feeds: the item's id
 * when it is a URL, URN or tag: URI, which are unique everywhere, else
 * "FEED#ID").  These writes join the store's open batch, so an item is
 * recorded in the same transaction as its document. */
typedef enum dyad_item_state {
    DYAD_ITEM_NEW = 0,   /* never met                                    */
    DYAD_ITEM_STORED,    /* its page was read and stored                 */
    DYAD_ITEM_FAILED,    /* the fetch failed in a way that may pass
                            (dyad_fetch_result.transient): try again     */
    DYAD_ITEM_REFUSED    /* failed for good: HTTP 404, too large, not a
                            web page, no text; not fetched again        */
} dyad_item_state;

int dyad_store_feed_get(dyad_store *store, const char *url, char **etag, char **last_modified);
int dyad_store_feed_put(dyad_store *store, const char *url, const char *etag,
                        const char *last_modified, long status, const char *error);
/* The item's dyad_item_state (DYAD_ITEM_NEW when never met) and in *tries
 * (may be NULL) how often it was attempted; -1 on error. */
int dyad_store_item_get(dyad_store *store, const char *key, int *tries);
/* Records an attempt at the item: its feed, link and outcome (state not
 * DYAD_ITEM_NEW; error NULL or why it failed).  0 or -1. */
int dyad_store_item_put(dyad_store *store, const char *key, const char *feed, const char *link,
                        dyad_item_state state, const char *error);



/* ------------------------------------------------------------------------
 * Trends and escalation alerts (src/trend/)
 *
 * Series of the stored events of a dyad or an actor, period by period,
 * and alerts when the conflict share of a dyad's events changes
 * (docs/trends.md gives the method, its parameters and why).
 * ------------------------------------------------------------------------ */

/* The length of a trend's periods.  Weeks are ISO weeks (Monday to
 * Sunday); months are calendar months. */
typedef enum dyad_trend_by { DYAD_BY_DAY, DYAD_BY_WEEK, DYAD_BY_MONTH } dyad_trend_by;

/* "day", "week", "month"; parsing returns -1 when unknown. */
const char *dyad_trend_by_name(dyad_trend_by by);
int dyad_trend_by_from_name(const char *name);

/* One period of a trend.  Quad classes are GDELT's (1 verbal cooperation,
 * 2 material cooperation, 3 verbal conflict, 4 material conflict); root,
 * quad and Goldstein score come from the event code (dyad's CAMEO table),
 * so events coded by dyad and imported ones count alike. */
typedef struct dyad_trend_point {
    int start, end;            /* first and last day, YYYYMMDD               */
    long events;               /* events with a CAMEO code                   */
    long quad[5];              /* [1..4]: events per quad class              */
    long root[21];             /* [1..20]: events per CAMEO root             */
    double goldstein_sum;      /* sum of the events' Goldstein scores        */
    double goldstein_mean;     /* goldstein_sum / events; 0 without events   */
    double conflict_share;     /* (quad 3 + quad 4) / events; 0 without events */
    long net_cooperation;      /* quad 1 + quad 2 - quad 3 - quad 4          */
} dyad_trend_point;

/* A series: every period from the first to the last, those without events
 * included (with zeros), so it can be plotted and differenced as it is. */
typedef struct dyad_trend {
    dyad_trend_by by;
    size_t n;
    dyad_trend_point *points;
} dyad_trend;

/* The trend of the events matching q (its actor, dyad, date, one-a-day
 * and copy filters; actors by prefix).  The series runs from q->from to
 * q->to when given, else from the first to the last matching event's
 * period.  Undated events and events without a CAMEO code are left out.
 * 0, or -1 (reported through the store's diag). */
int dyad_trend_compute(dyad_store *store, const dyad_query *q, dyad_trend_by by, dyad_trend *out);
void dyad_trend_free(dyad_trend *trend);

/* Layouts of a trend and of alerts. */
typedef enum dyad_series_format {
    DYAD_SERIES_CSV,   /* RFC 4180, one header row: R and pandas read it as is */
    DYAD_SERIES_JSON,  /* one JSON object per line                            */
    DYAD_SERIES_TEXT   /* for people (alerts only)                            */
} dyad_series_format;

/* Writes the trend, one period a row: start, end, events, quad1..quad4,
 * root01..root20, goldstein_sum, goldstein_mean, conflict_share,
 * net_cooperation.  0, or -1 on a write error. */
int dyad_trend_write(const dyad_trend *trend, dyad_series_format format, FILE *out);

/* A day's counts of one dyad: the input of the change-point detector. */
typedef struct dyad_day_count {
    int day;          /* days since 1970-01-01                               */
    long events;      /* the dyad's events that day                          */
    long conflict;    /* of which verbal or material conflict (quad 3 or 4)  */
} dyad_day_count;

/* The detector's parameters (dyad_alert_defaults; docs/trends.md). */
typedef struct dyad_alert_params {
    int baseline_days;     /* trailing window of the baseline (42)              */
    int guard_days;        /* days left out between the baseline and today (7)  */
    double odds_ratio;     /* the change to detect: conflict odds x this or / this (4) */
    double threshold;      /* CUSUM alarm threshold, in log-likelihood units (7) */
    long min_conflict;     /* escalation: conflict events in the change (5)     */
    double min_excess;     /* escalation: conflict events above the baseline's expectation (3); de-escalation: below */
    long min_events;       /* de-escalation: events in the change (10)          */
    long min_baseline;     /* events in the baseline before any alarm (5)       */
    double prior_events;   /* pseudo-events of the overall share in each baseline (4) */
    double prior_correlation; /* within-day correlation of events assumed
                              before the baseline shows its own (0.03)     */
    /* Options tried for small dyads (docs/trends.md, "Carrying the
     * baseline's uncertainty"), off by default: */
    long baseline_events;  /* a baseline with fewer events reaches further back,
                              up to 4 x baseline_days, until it holds these (0: no) */
    int baseline_uncertainty; /* 1: a run's evidence is weighed against the baseline's
                              counts, its share's uncertainty carried (two-sample);
                              0: against its share as if known (0)          */
    int wide_alternative;  /* 1: also test odds x (or /) odds_ratio squared, each
                              test at threshold + ln 2; 0: odds_ratio only (0) */
    int max_evidence;      /* events quoted per alert (5)                       */
} dyad_alert_params;

void dyad_alert_defaults(dyad_alert_params *p);

/* One change found in a day series. */
typedef struct dyad_change {
    int direction;          /* +1 escalation, -1 de-escalation                   */
    int start;              /* first day of the change (day number)             */
    int alarm;              /* the day the evidence crossed the threshold       */
    long events, conflict;  /* in the change, start..alarm                       */
    double expected;        /* conflict events the baseline share expects        */
    double baseline_share;  /* conflict share of the baseline                    */
    double share;           /* conflict share in the change                      */
    double baseline_daily;  /* the baseline's events a day                       */
    double dispersion;      /* events per independent event in the change (>= 1):
                               a day's events share stories              */
    double confidence;      /* posterior probability that the share moved this way */
} dyad_change;

/* The detector on one dyad's days (ascending, days without events may be
 * left out: they carry no evidence about the share): CUSUMs of the
 * log-likelihood ratio of the conflict share, up and down, against a
 * trailing baseline, each day binomial given its events and deflated by
 * the within-day correlation the baseline shows (beta-binomial).  prior_share is the share the baseline is
 * shrunk toward (the share of all dyads).  Writes at most cap changes to
 * out (out may be NULL with cap 0) and returns how many were found.  Time
 * linear in n. */
size_t dyad_detect_changes(const dyad_day_count *days, size_t n, double prior_share,
                           const dyad_alert_params *p, dyad_change *out, size_t cap);

/* An event quoted as evidence of an alert. */
typedef struct dyad_alert_event {
    uint64_t id;               /* the stable event id                          */
    int date;                  /* YYYYMMDD                                     */
    char source[32], target[32], code[8];
    double goldstein;
    char *doc;                 /* the document's id                            */
    char *sentence;            /* the sentence coded; "" when not kept         */
} dyad_alert_event;

/* A change of one dyad.  Dyads are unordered pairs of actors cut to their
 * first block (RUSGOV, RUSMIL -> RUS; organisations to their 9-letter
 * code: IGOWSTNAT): events both ways count. */
typedef struct dyad_alert {
    char a[16], b[16];          /* the pair, a <= b                            */
    int material;               /* 0: a change of the conflict share (quads 3
                                   and 4); 1: of the material conflict share
                                   (quad 4), which moves when words turn to
                                   force                                      */
    dyad_change change;
    int start, alarm;           /* the change's days as YYYYMMDD               */
    size_t nevidence;
    dyad_alert_event *evidence; /* most conflictual first (escalation), most
                                   cooperative first (de-escalation)          */
} dyad_alert;

typedef struct dyad_alerts {
    size_t n;
    dyad_alert *alerts;         /* by alarm date, then pair                    */
    size_t dyads;               /* dyads examined                              */
    long events;                /* events read                                 */
    double prior_share;         /* conflict share of all of them               */
    double prior_material;      /* material conflict share of all of them      */
} dyad_alerts;

/* Runs the detector over every dyad of the events matching q (its date,
 * actor, one-a-day and copy filters), on two series of each dyad -- its
 * conflict share and its material conflict share -- and quotes the
 * evidence of each alert.  Alerts whose alarm falls before q->from are not reported (the
 * days before it still serve as baseline when the store has them: the
 * series is read from baseline_days + guard_days before q->from).
 * p NULL: the defaults.  0, or -1 (reported through the store's diag). */
int dyad_alerts_detect(dyad_store *store, const dyad_query *q, const dyad_alert_params *p,
                       dyad_alerts *out);
void dyad_alerts_free(dyad_alerts *alerts);

/* Quotes the evidence of one alert found with max_evidence 0 (or replaces
 * what it has): up to max events, as dyad_alerts_detect would have quoted
 * them (q: the same unique and copies filters).  Lets a caller that keeps
 * a few alerts of many pay for their evidence only.  0, or -1. */
int dyad_alert_evidence(dyad_store *store, const dyad_query *q, int max, dyad_alert *al);

/* Writes alerts: text (a paragraph each, with the evidence sentences),
 * CSV (one row per alert, evidence ids joined by ';') or JSON (one object
 * per alert, with its evidence).  0, or -1 on a write error. */
int dyad_alerts_write(const dyad_alerts *alerts, dyad_series_format format, FILE *out);

/* An SVG chart of a trend: a stacked bar of the four quad classes per
 * period, the mean Goldstein score as a line on its own axis (right),
 * dated axes, a legend, and a mark at each alert of alerts (may be NULL)
 * that falls in the series.  title may be NULL.  0, or -1 on a write
 * error. */
int dyad_trend_svg(const dyad_trend *trend, const dyad_alerts *alerts, const char *title, FILE *out);

#if defined(__GNUC__) || defined(__clang__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
