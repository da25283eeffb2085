/* fuzz_read_jsonl.c -- the jsonl reader on arbitrary bytes, read from memory
 * and from a chunked stream, which must agree (driver: fuzz_read_text.c). */
#define FUZZ_READ_FORMAT DYAD_FORMAT_JSONL
#include "fuzz_read_text.c"
