/* fuzz_serve_url.c -- the web server's request-target parser
 * (src/serve/serve_url.c) on any bytes: it must refuse or parse without
 * reading or writing out of bounds, and what it accepts must hold its
 * promises: a path starting with '/', with no '.' or '..' segment and no
 * backslash or control byte, at most SERVE_PARAMS_MAX parameters with
 * distinct non-empty names, and every name and value within the buffer. */
#include "serve/serve.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static serve_target t;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *err;
    int rc = serve_parse_target((const char *)data, size, &t, &err);
    if (rc != 0) {
        if (!err) abort();
        return 0;
    }
    if (!t.path || t.path[0] != '/' || strchr(t.path, '\\')) abort();
    if (strstr(t.path, "/../") || strstr(t.path, "/./")) abort();
    size_t n = strlen(t.path);
    if (n >= 3 && strcmp(t.path + n - 3, "/..") == 0) abort();
    if (n >= 2 && strcmp(t.path + n - 2, "/.") == 0) abort();
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)t.path[i] < 0x20) abort();
    if (t.nparams > SERVE_PARAMS_MAX) abort();
    const char *lo = t.buf, *hi = t.buf + sizeof t.buf;
    for (size_t i = 0; i < t.nparams; i++) {
        const char *nm = t.params[i].name, *v = t.params[i].value;
        if (nm < lo || nm >= hi || v < lo || v >= hi || !*nm) abort();
        if (serve_param_get(&t, nm) != v) abort();   /* names are distinct */
    }
    return 0;
}
