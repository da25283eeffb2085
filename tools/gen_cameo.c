/*
 * gen_cameo.c -- compiles dyad's CAMEO table (data/cameo/cameo_events.tsv)
 * into const C data: the rows and the direct index described in
 * src/event/cameo_table.h.
 *
 *   gen_cameo data/cameo/cameo_events.tsv > cameo_table.c
 *
 * The table is our own file, but a typo in it would silently give events
 * wrong weights, so every field is checked and any fault stops the build
 * with "file:line: reason".
 */
#define GEN_TOOL "gen_cameo"
#include "gen_tsv.h"
#include "event/cameo_table.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 2000
#define MAX_LINE 1024

typedef struct row {
    char code[5];
    double goldstein;
    int quad;
    char plover[32];
    char mode[32];
    char context[96];
    char name[256];
} row;

/* The GDELT quad class of a root, the rule the data file states. */
static int quad_of_root(int root)
{
    if (root >= 1 && root <= 5) return 1;
    if (root >= 6 && root <= 8) return 2;
    if (root >= 9 && root <= 13) return 3;
    if (root >= 14 && root <= 20) return 4;
    return 0;
}

/* A PLOVER mode or context field: "-" (none, stored as ""), else lower-case
 * words of letters, '_' and '-', several only for a context (comma-
 * separated).  Only a code the conversion table lists may have one. */
static void plover_word(char *out, size_t cap, const char *v, const char *what, bool list, bool allowed)
{
    out[0] = '\0';
    if (strcmp(v, "-") == 0) return;
    if (!allowed) die("%s '%s' for a code whose PLOVER type is not exact", what, v);
    size_t len = strlen(v);
    if (len >= cap) die("%s '%s' is too long", what, v);
    for (size_t i = 0; i < len; i++) {
        char c = v[i];
        bool sep = c == ',' && list && i > 0 && i + 1 < len && v[i + 1] != ',';
        if (!sep && !(c >= 'a' && c <= 'z') && c != '_' && c != '-')
            die("%s '%s' is not lower-case words%s", what, v, list ? " separated by commas" : "");
    }
    memcpy(out, v, len + 1);
}

static void parse_row(char *line, row *r, const row *prev)
{
    char *f[9];
    size_t n = split_tabs(line, f, 9);
    if (n != 9) die("expected 9 tab-separated fields, found %zu", n);

    if (cameo_slot_index(f[0]) < 0) die("code '%s' is not 2-4 digits", f[0]);
    strcpy(r->code, f[0]);
    if (prev && strcmp(prev->code, r->code) >= 0)
        die("code %s is out of order or repeated (after %s)", r->code, prev->code);

    char *end;
    errno = 0;
    r->goldstein = strtod(f[1], &end);
    if (errno || end == f[1] || *end || r->goldstein < -10.0 || r->goldstein > 10.0)
        die("goldstein '%s' is not a number in -10..10", f[1]);
    if (fabs(r->goldstein * 10 - round(r->goldstein * 10)) > 1e-9)
        die("goldstein '%s' has more than one decimal, which the table cannot keep", f[1]);
    if (strcmp(f[2], "table") != 0 && strcmp(f[2], "parent") != 0)
        die("g_from '%s' is neither table nor parent", f[2]);

    int root = (r->code[0] - '0') * 10 + (r->code[1] - '0');
    if (!quad_of_root(root)) die("root %02d is not a CAMEO root (01-20)", root);
    if (strlen(f[3]) != 1 || f[3][0] - '0' != quad_of_root(root))
        die("quad '%s' disagrees with root %02d (expected %d)", f[3], root, quad_of_root(root));
    r->quad = quad_of_root(root);

    if (strcmp(f[4], "-") == 0) {
        r->plover[0] = '\0';
        if (strcmp(f[5], "none") != 0) die("no PLOVER type, so p_from must be none");
    } else {
        size_t len = strlen(f[4]);
        if (len == 0 || len >= sizeof r->plover) die("PLOVER type '%s' has a bad length", f[4]);
        for (size_t i = 0; i < len; i++)
            if (f[4][i] < 'A' || f[4][i] > 'Z') die("PLOVER type '%s' is not upper-case letters", f[4]);
        strcpy(r->plover, f[4]);
        if (strcmp(f[5], "exact") != 0 && strcmp(f[5], "parent") != 0)
            die("p_from '%s' is neither exact nor parent", f[5]);
    }

    plover_word(r->mode, sizeof r->mode, f[6], "mode", false, r->plover[0] != 0 && strcmp(f[5], "exact") == 0);
    plover_word(r->context, sizeof r->context, f[7], "context", true,
                r->plover[0] != 0 && strcmp(f[5], "exact") == 0);

    size_t len = strlen(f[8]);
    if (len == 0 || len >= sizeof r->name) die("name is empty or too long");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)f[8][i];
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\')
            die("name holds byte 0x%02x: names are plain ASCII without quotes", c);
    }
    strcpy(r->name, f[8]);
}

int main(int argc, char **argv)
{
    FILE *in = tsv_open(argc, argv, "cameo_events.tsv > cameo_table.c");

    static row rows[MAX_ROWS];
    static uint16_t slot[CAMEO_SLOTS];
    size_t n = 0;
    char line[MAX_LINE];
    while (tsv_next(in, line, sizeof line)) {
        if (n == MAX_ROWS) die("more than %d codes", MAX_ROWS);
        parse_row(line, &rows[n], n ? &rows[n - 1] : NULL);
        slot[cameo_slot_index(rows[n].code)] = (uint16_t)(n + 1);
        n++;
    }
    if (n == 0) die("no codes");

    printf("/* Generated by tools/gen_cameo.c from %s: do not edit. */\n", path);
    printf("#include \"event/cameo_table.h\"\n\n");
    printf("const dyad_cameo_info cameo_table[%zu] = {\n", n);
    for (size_t i = 0; i < n; i++) {
        const row *r = &rows[i];
        printf("    {\"%s\", \"%s\", %.1f, (dyad_quad)%d, ", r->code, r->name, r->goldstein, r->quad);
        if (r->plover[0]) printf("\"%s\", ", r->plover);
        else printf("NULL, ");
        if (r->mode[0]) printf("\"%s\", ", r->mode);
        else printf("NULL, ");
        if (r->context[0]) printf("\"%s\"},\n", r->context);
        else printf("NULL},\n");
    }
    printf("};\n\nconst size_t cameo_table_len = %zu;\n\n", n);
    printf("const uint16_t cameo_slot[CAMEO_SLOTS] = {\n");
    for (size_t i = 0; i < CAMEO_SLOTS; i++)
        if (slot[i]) printf("    [%zu] = %u,\n", i, (unsigned)slot[i]);
    printf("};\n");
    return tsv_written();
}
