/* Helpers shared by the commands: input reading, error printing, JSON string output, flags. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "utf8.h"

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
    int rc = cli_read_stream(f, from_stdin ? "-" : path, max_bytes, out);
    if (!from_stdin)
        fclose(f);
    return rc;
}

int cli_read_stream(FILE *f, const char *label, uint64_t max_bytes, cli_input *out)
{
    out->data = NULL;
    out->len = 0;
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
        /* feof: at a terminal a second read after Ctrl-D would wait for another Ctrl-D */
        if (got == 0 || feof(f)) {
            if (ferror(f)) {
                fprintf(stderr, "sanctum: cannot read '%s': %s\n", label, strerror(errno));
                rc = -1;
            }
            break;
        }
    }
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

void cli_put_label(FILE *f, const char *s)
{
    /* as the text report's labels: C0, DEL and C1 controls and bytes of no valid UTF-8 sequence as \xHH */
    const uint8_t *p = (const uint8_t *)s;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp = p[i];
        size_t l = p[i] < 0x80 ? 1 : sc_utf8_decode(p + i, n - i, &cp);
        if (l == 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
            size_t k = l == 0 ? 1 : l;
            for (size_t j = 0; j < k; j++)
                fprintf(f, "\\x%02X", p[i + j]);
            i += k;
        } else {
            if (p[i] == '\\')
                fputs("\\\\", f);
            else
                fwrite(p + i, 1, l, f);
            i += l;
        }
    }
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
    /* the library's escaper, so the CLI's JSON escapes exactly as the library's outputs do */
    uint8_t small[1024];
    size_t need = 0;
    uint8_t *buf = small;
    if (sanctum_json_escape(small, sizeof small, &need, s, n, NULL) == SANCTUM_E_BUFFER_TOO_SMALL) {
        buf = malloc(need);
        if (buf == NULL || sanctum_json_escape(buf, need, &need, s, n, NULL) != SANCTUM_OK)
            need = 0; /* out of memory: an empty string rather than unescaped text */
    }
    fputc('"', f);
    fwrite(buf, 1, need, f);
    fputc('"', f);
    if (buf != small) {
        sanctum_wipe(buf, need);
        free(buf);
    }
    sanctum_wipe(small, sizeof small);
}

void cli_args_init(cli_args *a, const char *cmd, const char *usage, const cli_opt *opts, size_t n_opts,
                   int argc, char **argv, int first)
{
    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    a->usage = usage;
    a->opts = opts;
    a->n_opts = n_opts < 64 ? n_opts : 64;
    a->argc = argc;
    a->argv = argv;
    a->next = first;
}

/* After a usage error: the usage lines (up to the first blank line), not a whole --help that would
 * bury the error, and where the rest is. */
static void put_short_usage(const cli_args *a)
{
    const char *end = strstr(a->usage, "\n\n");
    if (end == NULL) {
        fputs(a->usage, stderr);
        return;
    }
    fprintf(stderr, "%.*s\nRun 'sanctum %s --help' for all options.\n", (int)(end - a->usage), a->usage, a->cmd);
}

int cli_usage_error(const cli_args *a, const char *message)
{
    fprintf(stderr, "sanctum %s: %s\n", a->cmd, message);
    put_short_usage(a);
    return CLI_ERROR;
}

static int bad(const cli_args *a, const char *what, const char *arg)
{
    /* only the option's name: a mistyped "--tokn=ghp_..." must not put its value on stderr */
    size_t name_len = strcspn(arg, "=");
    fprintf(stderr, "sanctum %s: %s '%.*s'\n", a->cmd, what, (int)name_len, arg);
    put_short_usage(a);
    return CLI_ARGS_BAD;
}

/* Matches arg against opt: 1 and the inline value (or NULL) when it names the option. */
static int matches(const cli_opt *o, const char *arg, const char **inline_value)
{
    size_t n = strlen(o->name);
    *inline_value = NULL;
    if (strncmp(arg, o->name, n) == 0 && (arg[n] == '\0' || arg[n] == '=')) {
        if (arg[n] == '=')
            *inline_value = arg + n + 1;
        return 1;
    }
    if (o->alias != NULL) {
        size_t k = strlen(o->alias);
        if (strncmp(arg, o->alias, k) == 0 && (arg[k] == '\0' || (o->flags & CLI_OPT_VALUE))) {
            if (arg[k] != '\0')
                *inline_value = arg + k;
            return 1;
        }
    }
    return 0;
}

int cli_args_next(cli_args *a)
{
    if (a->next >= a->argc)
        return CLI_ARGS_DONE;
    const char *arg = a->argv[a->next++];
    a->given = arg;
    a->value = NULL;
    if (a->rest_positional || arg[0] != '-' || arg[1] == '\0') {
        a->value = arg;
        return CLI_ARGS_POSITIONAL;
    }
    if (strcmp(arg, "--") == 0) {
        a->rest_positional = 1;
        return cli_args_next(a);
    }
    if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0)
        return CLI_ARGS_HELP;
    for (size_t i = 0; i < a->n_opts; i++) {
        const cli_opt *o = &a->opts[i];
        const char *v;
        if (!matches(o, arg, &v))
            continue;
        if (a->scope != 0 && o->scope != 0 && (o->scope & a->scope) == 0)
            return bad(a, "not an option of this command:", o->name);
        if ((a->seen >> i & 1u) && !(o->flags & CLI_OPT_REPEAT))
            return bad(a, "option given twice:", o->name);
        a->seen |= (uint64_t)1 << i;
        if (!(o->flags & CLI_OPT_VALUE)) {
            if (v != NULL)
                return bad(a, "option takes no value:", o->name);
            return (int)i;
        }
        if (v == NULL) {
            if (a->next >= a->argc)
                return bad(a, "option needs a value:", o->name);
            v = a->argv[a->next++];
        }
        a->value = v;
        return (int)i;
    }
    return bad(a, "unknown option", arg);
}

int cli_args_in_scope(cli_args *a, uint32_t scope, const char *sub)
{
    for (size_t i = 0; i < a->n_opts; i++) {
        const cli_opt *o = &a->opts[i];
        if ((a->seen >> i & 1u) && o->scope != 0 && (o->scope & scope) == 0) {
            fprintf(stderr, "sanctum %s: '%s' is not an option of '%s'\n", a->cmd, o->name, sub);
            put_short_usage(a);
            return CLI_ARGS_BAD;
        }
    }
    return 0;
}

int cli_looks_like_json(const cli_input *in)
{
    size_t k = 0;
    while (k < in->len && (in->data[k] == ' ' || in->data[k] == '\t' || in->data[k] == '\n' || in->data[k] == '\r'))
        k++;
    return k < in->len && in->data[k] == '{';
}

int cli_parse_format(const char *v, int allow_text, int32_t *format)
{
    if (strcmp(v, "auto") == 0)
        *format = SANCTUM_CHAT_AUTO;
    else if (strcmp(v, "openai_chat") == 0)
        *format = SANCTUM_CHAT_OPENAI_CHAT;
    else if (strcmp(v, "anthropic") == 0)
        *format = SANCTUM_CHAT_ANTHROPIC_MESSAGES;
    else if (strcmp(v, "responses") == 0)
        *format = SANCTUM_CHAT_OPENAI_RESPONSES;
    else if (strcmp(v, "gemini") == 0)
        *format = SANCTUM_CHAT_GEMINI;
    else if (allow_text && strcmp(v, "text") == 0)
        *format = -1;
    else
        return -1;
    return 0;
}

int cli_sv_push(cli_strvec *s, const char *str)
{
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 64;
        char **nv = realloc(s->v, nc * sizeof *nv);
        if (nv == NULL)
            return -1;
        s->v = nv;
        s->cap = nc;
    }
    size_t l = strlen(str) + 1;
    s->v[s->n] = malloc(l);
    if (s->v[s->n] == NULL)
        return -1;
    memcpy(s->v[s->n], str, l);
    s->n++;
    return 0;
}

void cli_sv_free(cli_strvec *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}
