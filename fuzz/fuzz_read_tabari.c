/* fuzz_read_tabari.c -- the tabari reader on arbitrary bytes, read from memory
 * and from a chunked stream, which must agree (driver: fuzz_read_text.c). */
#define FUZZ_READ_FORMAT DYAD_FORMAT_TABARI
#include "fuzz_read_text.c"
