/* fuzz_read_petrarch.c -- the petrarch reader on arbitrary bytes, read from memory
 * and from a chunked stream, which must agree (driver: fuzz_read_text.c). */
#define FUZZ_READ_FORMAT DYAD_FORMAT_PETRARCH
#include "fuzz_read_text.c"
