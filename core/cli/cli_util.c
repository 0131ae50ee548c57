/* Helpers shared by the commands: input reading, error printing, JSON string output, flags. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_read_input(const char *path, uint64_t max_bytes, cli_input *out)
{
    out->data = NULL;
    out->len = 0;
    int from_stdin = path == NULL || strcmp(path, "-") == 0;
    FILE *f = from_stdin ? stdin : fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "sanctum: cannot open '%s': %s\n", path, strerror(errno));
        return -1;
    }
    size_t cap = 0, len = 0;
    uint8_t *buf = NULL;
    int rc = 0;
    for (;;) {
        if (len == cap) {
            size_t ncap = cap == 0 ? 65536 : cap * 2;
            uint8_t *nbuf = malloc(ncap);
            if (nbuf == NULL) {
                fprintf(stderr, "sanctum: out of memory reading input\n");
                rc = -1;
                break;
            }
            if (len != 0)
                memcpy(nbuf, buf, len);
            sanctum_wipe(buf, cap); /* never leave a stale copy of the input behind */
            free(buf);
            buf = nbuf;
            cap = ncap;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if ((uint64_t)len > max_bytes) {
            fprintf(stderr, "sanctum: input is larger than the limit of %llu bytes\n",
                    (unsigned long long)max_bytes);
            rc = -1;
            break;
        }
        if (got == 0) {
            if (ferror(f)) {
                fprintf(stderr, "sanctum: read error: %s\n", strerror(errno));
                rc = -1;
            }
            break;
        }
    }
    if (!from_stdin)
        fclose(f);
    if (rc != 0) {
        sanctum_wipe(buf, cap);
        free(buf);
        return rc;
    }
    out->data = buf;
    out->len = len;
    return 0;
}

void cli_input_free(cli_input *in)
{
    if (in->data != NULL) {
        sanctum_wipe(in->data, in->len);
        free(in->data);
    }
    in->data = NULL;
    in->len = 0;
}

void cli_print_error(const char *cmd, const sanctum_error *err)
{
    if (err->offset != SANCTUM_NO_OFFSET)
        fprintf(stderr, "sanctum %s: offset %llu: %s\n", cmd, (unsigned long long)err->offset, err->message);
    else
        fprintf(stderr, "sanctum %s: %s (%s)\n", cmd, err->message[0] ? err->message : "error",
                sanctum_status_name(err->code));
}

sanctum_ctx *cli_ctx_new(const char *cmd)
{
    sanctum_ctx *ctx = NULL;
    sanctum_error err;
    if (sanctum_ctx_new(&ctx, NULL, &err) != SANCTUM_OK) {
        cli_print_error(cmd, &err);
        return NULL;
    }
    return ctx;
}

void cli_json_string(FILE *f, const uint8_t *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (c < 0x20) {
                fprintf(f, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
            } else {
                fputc(c, f);
            }
        }
    }
    fputc('"', f);
}

int cli_is_flag(const char *arg, const char *name)
{
    return strcmp(arg, name) == 0;
}

const char *cli_flag_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    const char *arg = argv[*i];
    if (strncmp(arg, name, n) == 0 && arg[n] == '=')
        return arg + n + 1;
    if (strcmp(arg, name) == 0) {
        if (*i + 1 >= argc) {
            fprintf(stderr, "sanctum: %s needs a value\n", name);
            return NULL;
        }
        *i += 1;
        return argv[*i];
    }
    return NULL;
}
