/* tagmodel.h -- the tagger's model, generated at build time by
 * tools/gen_tagmodel.c from Debian's festlex-poslex data. STUB. */
#ifndef DYAD_TAGMODEL_H
#define DYAD_TAGMODEL_H
extern const int tagmodel_stub;
#endif
