/* sanctum restore: put the values of a sealed vault back into a response (or an SSE stream, or text). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char USAGE[] =
    "usage: sanctum restore [FILE|-] --vault FILE [--key-file FILE] [--stream]\n"
    "                       [--format auto|openai_chat|anthropic|responses|text]\n";
static const char HELP[] =
    "\n"
    "Restores the placeholders issued by 'sanctum anonymize' in a response document (or text)\n"
    "and writes it to stdout. --stream reads server-sent events incrementally and writes each\n"
    "restored event as soon as it is complete. Unknown placeholders are left as they are.\n";

enum { O_VAULT, O_KEY_FILE, O_STREAM, O_FORMAT };
static const cli_opt OPTS[] = {
    [O_VAULT] = {"--vault", NULL, CLI_OPT_VALUE, 0},
    [O_KEY_FILE] = {"--key-file", NULL, CLI_OPT_VALUE, 0},
    [O_STREAM] = {"--stream", NULL, 0, 0},
    [O_FORMAT] = {"--format", NULL, CLI_OPT_VALUE, 0},
};

static int put(const uint8_t *p, size_t n)
{
    return fwrite(p, 1, n, stdout) == n ? 0 : -1;
}

int cmd_restore(int argc, char **argv)
{
    const char *file = NULL, *vault = NULL, *keyfile = NULL;
    int stream = 0;
    int32_t format = SANCTUM_CHAT_AUTO;
    cli_args a;
    cli_args_init(&a, "restore", USAGE, OPTS, sizeof OPTS / sizeof OPTS[0], argc, argv, 1);
    for (int o; (o = cli_args_next(&a)) != CLI_ARGS_DONE;) {
        const char *v = a.value;
        switch (o) {
        case CLI_ARGS_HELP: printf("%s%s", USAGE, HELP); return CLI_OK;
        case CLI_ARGS_BAD: return CLI_ERROR;
        case O_STREAM: stream = 1; break;
        case O_VAULT: vault = v; break;
        case O_KEY_FILE: keyfile = v; break;
        case O_FORMAT:
            if (cli_parse_format(v, 1, &format) != 0) {
                fprintf(stderr, "sanctum restore: unknown --format\n");
                return CLI_ERROR;
            }
            break;
        default:
            if (file != NULL)
                return cli_usage_error(&a, "one input at most");
            file = v;
        }
    }
    int as_text = format == -1; /* --format text; auto decides once the input is read */
    if (vault == NULL) {
        fprintf(stderr, "sanctum restore: --vault FILE is required\n");
        return CLI_ERROR;
    }
    if (stream && as_text) {
        fprintf(stderr, "sanctum restore: --stream takes an SSE stream, not --format text\n");
        return CLI_ERROR;
    }
    uint8_t key[32];
    if (cli_vault_key(keyfile, 0, key) != 0)
        return CLI_ERROR;
    sanctum_ctx *ctx = cli_ctx_new("restore");
    if (ctx == NULL) {
        sanctum_wipe(key, sizeof key);
        return CLI_ERROR;
    }
    int rc = CLI_ERROR;
    cli_input vin = {0}, in = {0};
    sanctum_session *s = NULL;
    sanctum_stream_restorer *r = NULL;
    uint8_t *out = NULL;
    size_t out_len = 0;
    sanctum_error err;
    FILE *f = NULL;
    if (cli_read_input(vault, 64u << 20, &vin) != 0)
        goto done;
    if (sanctum_session_open_sealed(&s, ctx, key, sizeof key, vin.data, vin.len, &err) != SANCTUM_OK)
        goto fail;
    if (stream) {
        if (sanctum_stream_restorer_new(&r, s, format, &err) != SANCTUM_OK)
            goto fail;
        f = (file == NULL || strcmp(file, "-") == 0) ? stdin : fopen(file, "rb");
        if (f == NULL) {
            fprintf(stderr, "sanctum restore: cannot open %s\n", file);
            goto done;
        }
        uint8_t buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
            if (sanctum_stream_restorer_feed(r, buf, n, &out, &out_len, &err) != SANCTUM_OK)
                goto fail;
            int bad = put(out, out_len) != 0 || fflush(stdout) != 0;
            sanctum_free(out);
            out = NULL;
            if (bad)
                goto done;
        }
        sanctum_wipe(buf, sizeof buf);
        if (ferror(f)) {
            fprintf(stderr, "sanctum restore: read error\n");
            goto done;
        }
        if (sanctum_stream_restorer_finish(r, &out, &out_len, &err) != SANCTUM_OK)
            goto fail;
    } else {
        if (cli_read_input(file, 64u << 20, &in) != 0)
            goto done;
        if (format == SANCTUM_CHAT_AUTO)
            as_text = !cli_looks_like_json(&in);
        if ((as_text ? sanctum_session_restore_text(s, in.data, in.len, &out, &out_len, &err)
                     : sanctum_session_restore_response(s, format, in.data, in.len, &out, &out_len, &err)) != SANCTUM_OK)
            goto fail;
    }
    if (put(out, out_len) != 0 || fflush(stdout) != 0) {
        fprintf(stderr, "sanctum restore: write error\n");
        goto done;
    }
    sanctum_session_stats stats;
    stats.struct_size = (uint32_t)sizeof stats;
    if (sanctum_session_get_stats(s, &stats) == SANCTUM_OK)
        fprintf(stderr, "sanctum restore: %llu restored, %llu unknown, %llu malformed\n",
                (unsigned long long)stats.restored, (unsigned long long)stats.unknown,
                (unsigned long long)stats.malformed);
    rc = CLI_OK;
    goto done;
fail:
    cli_print_error("restore", &err);
done:
    if (f != NULL && f != stdin)
        fclose(f);
    sanctum_wipe(key, sizeof key);
    sanctum_free(out);
    sanctum_free(r);
    sanctum_free(s);
    cli_input_free(&vin);
    cli_input_free(&in);
    sanctum_ctx_free(ctx);
    return rc;
}
