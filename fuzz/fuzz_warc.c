/* fuzz_warc.c -- the WARC reader (records, HTTP responses, chunked and
 * gzip transfer codings, then the HTML extractor) on arbitrary bytes; the
 * driver is fuzz_html.c's. */
#define FUZZ_WEB_FORMAT DYAD_FORMAT_WARC
#include "fuzz_html.c"
