/*
 * render_quotes.c -- `dyad quotes`: one quotation a line, as tab-separated
 * text or JSON Lines.  Offsets are bytes into the document's text, so a
 * reader can check every quote against the words that carry it.
 */
#include "../internal.h"

static void json_span(FILE *out, const char *key, const char *text, dyad_span sp, bool with_text)
{
    fprintf(out, ",\"%s\":", key);
    if (sp.end <= sp.start) {
        fputs("null", out);
        return;
    }
    if (with_text) {
        json_write_string(out, text + sp.start, sp.end - sp.start);
        fprintf(out, ",\"%s_offsets\":[%u,%u]", key, sp.start, sp.end);
    } else {
        fprintf(out, "[%u,%u]", sp.start, sp.end);
    }
}

void dyad_render_quotes(FILE *out, const dyad_analysis *a, const dyad_quote *quotes, size_t n,
                        unsigned flags)
{
    const char *text = a->doc->text;
    for (size_t i = 0; i < n; i++) {
        const dyad_quote *q = &quotes[i];
        if (flags & DYAD_RENDER_JSON) {
            fputs("{\"doc\":", out);
            json_write_string(out, a->doc->id, strlen(a->doc->id));
            fprintf(out, ",\"date\":");
            if (a->doc->date[0]) fprintf(out, "\"%s\"", a->doc->date);
            else fputs("null", out);
            fprintf(out, ",\"kind\":\"%s\",\"sentence\":%u,\"last_sentence\":%u",
                    dyad_quote_kind_name(q->kind), q->first_sentence, q->last_sentence);
            json_span(out, "speaker", text, q->has_speaker ? q->speaker : (dyad_span){0, 0}, true);
            json_span(out, "mention", text, q->mention, true);
            json_span(out, "verb", text, q->verb, true);
            json_span(out, "text", text, q->text, true);
            fputs("}\n", out);
            continue;
        }
        fprintf(out, "%s\t%s\t%u\t", a->doc->id, dyad_quote_kind_name(q->kind), q->first_sentence);
        if (q->has_speaker) render_put_flat(out, text, q->speaker.start, q->speaker.end);
        else putc('?', out);
        fprintf(out, "\t%u\t%u\t", q->text.start, q->text.end);
        render_put_flat(out, text, q->text.start, q->text.end);
        putc('\n', out);
    }
}
