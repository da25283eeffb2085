/*
 * gen_tsv.h -- what the table generators that read a tab-separated data
 * file share (gen_cameo, gen_countries): the file's name and line for
 * their messages, its data lines, its fields, and the end of the output.
 * Each tool is one program: it defines GEN_TOOL, then includes this.
 */
#ifndef GEN_TSV_H
#define GEN_TSV_H

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *path;
static size_t lineno;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, GEN_TOOL ": %s:%zu: ", path, lineno);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

/* The one argument, opened; exits with the usage or the error. */
static FILE *tsv_open(int argc, char **argv, const char *usage)
{
    if (argc != 2) {
        fprintf(stderr, "usage: " GEN_TOOL " %s\n", usage);
        exit(2);
    }
    path = argv[1];
    FILE *in = fopen(path, "r");
    if (!in) {
        fprintf(stderr, GEN_TOOL ": %s: %s\n", path, strerror(errno));
        exit(1);
    }
    return in;
}

/* The next data line (no end of line; blank and '#' lines skipped) into
 * line; false at the end of the file, which is then closed. */
static bool tsv_next(FILE *in, char *line, size_t cap)
{
    while (fgets(line, (int)cap, in)) {
        lineno++;
        size_t len = strlen(line);
        if (len == cap - 1 && line[len - 1] != '\n') die("line too long");
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (len == 0 || line[0] == '#') continue;
        return true;
    }
    if (ferror(in)) die("read error");
    fclose(in);
    return false;
}

/* Splits line at tabs into at most max fields; returns the count (max + 1
 * when there are more). */
static size_t split_tabs(char *line, char **field, size_t max)
{
    size_t n = 0;
    field[n++] = line;
    for (char *p = line; *p; p++) {
        if (*p != '\t') continue;
        *p = '\0';
        if (n == max) return max + 1;
        field[n++] = p + 1;
    }
    return n;
}

/* The exit status once the table is written: a failed write is an error. */
static int tsv_written(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, GEN_TOOL ": write error\n");
        return 1;
    }
    return 0;
}

#endif
