/* reader.c -- STUB. */
#include "../internal.h"

dyad_reader *dyad_reader_open_file(const char *path, dyad_format format, dyad_diag_fn diag, void *user)
{ (void)path; (void)format; (void)diag; (void)user; return NULL; }
dyad_reader *dyad_reader_open_memory(const char *name, const char *data, size_t len, dyad_format format, dyad_diag_fn diag, void *user)
{ (void)name; (void)data; (void)len; (void)format; (void)diag; (void)user; return NULL; }
int dyad_reader_next(dyad_reader *reader, dyad_document *doc) { (void)reader; (void)doc; return 0; }
dyad_format dyad_reader_format(const dyad_reader *reader) { (void)reader; return DYAD_FORMAT_TEXT; }
size_t dyad_reader_skipped(const dyad_reader *reader) { (void)reader; return 0; }
size_t dyad_reader_warnings(const dyad_reader *reader) { (void)reader; return 0; }
void dyad_reader_close(dyad_reader *reader) { (void)reader; }
