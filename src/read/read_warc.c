/* read_warc.c -- WARC archives (stub until the reader is written). */
#include "reader.h"

int warc_next(dyad_reader *r, dyad_document *doc)
{
    (void)doc;
    if (!r->finished) reader_skip(r, 0, NULL, "WARC input is not supported yet");
    r->finished = true;
    return 0;
}

void warc_free(warc_state *w) { (void)w; }
