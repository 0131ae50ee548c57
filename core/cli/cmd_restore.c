/* sanctum restore: put the values of a sealed vault back into a response (or an SSE stream, or text). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char USAGE[] =
    "usage: sanctum restore [FILE|-] --vault FILE [--key-file FILE] [--stream]\n"
    "                       [--format auto|openai_chat|anthropic|responses|gemini|text]\n";
static const char HELP[] =
    "\n"
    "Restores the placeholders issued by 'sanctum anonymize' in a response document (or text)\n"
    "and writes it to stdout. --stream reads server-sent events incrementally and writes each\n"
    "restored event as soon as it is complete. Unknown placeholders are left as they are.\n"
    "With --stream, input whose first line is not an SSE field (data:, event:, id:, retry: or a\n"
    "':' comment) is not a stream: it is restored as a whole document (or text, as without\n"
    "--stream) and a note says so on stderr. A stream that ends inside an event (cut off) is\n"
    "written as received, with a note, and exits 2.\n"
    "Exit status: 0 done (unknown placeholders left as they are), 2 error (bad option, unreadable\n"
    "input, vault or key, input refused, a stream cut off).\n";

enum { O_VAULT, O_KEY_FILE, O_STREAM, O_FORMAT };
static const cli_opt OPTS[] = {
    [O_VAULT] = {"--vault", NULL, CLI_OPT_VALUE, 0},
    [O_KEY_FILE] = {"--key-file", NULL, CLI_OPT_VALUE, 0},
    [O_STREAM] = {"--stream", NULL, 0, 0},
    [O_FORMAT] = {"--format", NULL, CLI_OPT_VALUE, 0},
};

static int put(const uint8_t *p, size_t n)
{
    return n == 0 || fwrite(p, 1, n, stdout) == n ? 0 : -1;
}

#define PEEK_MAX 4096u
#define INPUT_MAX (64u << 20)

/* Whether the first non-blank line of p[0..n) is an SSE field the stream restorer acts on. An SSE
 * parser ignores unknown field names, so any text would "parse" and restore nothing: only the
 * fields a stream actually carries count. */
static int looks_like_sse(const uint8_t *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && (p[i] == '\n' || p[i] == '\r'))
        i++;
    if (i == n || p[i] == ':')
        return 1;
    static const char *const fields[] = {"data", "event", "id", "retry"};
    for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) {
        size_t m = strlen(fields[k]);
        if (n - i >= m && memcmp(p + i, fields[k], m) == 0 &&
            (n - i == m || p[i + m] == ':' || p[i + m] == '\n' || p[i + m] == '\r'))
            return 1;
    }
    return 0;
}

/* Where an SSE stream stands, byte by byte: whether a field line (not a comment) has come since the
 * last blank line, i.e. an event is still open. Line ends are LF, CRLF or CR, as the restorer's. */
typedef struct sse_tail {
    size_t line_len;
    int comment, after_cr, open_event;
} sse_tail;

static void sse_tail_feed(sse_tail *t, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (c == '\n' && t->after_cr) { /* the LF of a CRLF */
            t->after_cr = 0;
            continue;
        }
        t->after_cr = c == '\r';
        if (c == '\n' || c == '\r') {
            if (t->line_len == 0)
                t->open_event = 0; /* a blank line ends the event */
            else if (!t->comment)
                t->open_event = 1;
            t->line_len = 0;
        } else {
            if (t->line_len == 0)
                t->comment = c == ':';
            t->line_len++;
        }
    }
}

/* At the end of the input: whether it stopped inside an event (no blank line after its last field),
 * as a stream cut off mid-event does. */
static int sse_tail_cut(const sse_tail *t)
{
    return t->open_event || (t->line_len != 0 && !t->comment);
}

/* What one read(2) gives (0 at the end, -1 on error). A stream is read with read(2), not fread: fread
 * waits until its whole count has come, so a live stream's events went out only once 4 KiB had
 * arrived or the stream had ended. */
static ssize_t read_some(int fd, uint8_t *p, size_t n)
{
    for (;;) {
        ssize_t got = read(fd, p, n);
        if (got >= 0 || errno != EINTR)
            return got;
    }
}

/* Reads from fd into in (growing it) until it holds a whole first non-blank line, PEEK_MAX bytes or
 * everything (all = 1). */
static int read_more(int fd, cli_input *in, size_t *cap, int all)
{
    for (;;) {
        if (!all) {
            size_t i = 0;
            while (i < in->len && (in->data[i] == '\n' || in->data[i] == '\r'))
                i++;
            if (in->len >= PEEK_MAX || (i < in->len && memchr(in->data + i, '\n', in->len - i) != NULL))
                return 0;
        }
        if (in->len == *cap) {
            size_t ncap = *cap ? *cap * 2 : PEEK_MAX;
            uint8_t *nb = malloc(ncap);
            if (nb == NULL) {
                fprintf(stderr, "sanctum restore: out of memory reading input\n");
                return -1;
            }
            if (in->len)
                memcpy(nb, in->data, in->len);
            sanctum_wipe(in->data, *cap);
            free(in->data);
            in->data = nb;
            *cap = ncap;
        }
        ssize_t got = read_some(fd, in->data + in->len, *cap - in->len);
        if (got < 0) {
            fprintf(stderr, "sanctum restore: read error\n");
            return -1;
        }
        in->len += (size_t)got;
        if (in->len > INPUT_MAX) {
            fprintf(stderr, "sanctum: input is larger than the limit of %u bytes\n", INPUT_MAX);
            return -1;
        }
        if (got == 0)
            return 0;
    }
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
    sse_tail tail = {0, 0, 0, 0};
    uint8_t *out = NULL;
    size_t out_len = 0;
    sanctum_error err;
    int fd = -1;
    if (cli_read_input(vault, 64u << 20, &vin) != 0)
        goto done;
    if (sanctum_session_open_sealed(&s, ctx, key, sizeof key, vin.data, vin.len, &err) != SANCTUM_OK)
        goto fail;
    if (stream) {
        if (sanctum_stream_restorer_new(&r, s, format, &err) != SANCTUM_OK)
            goto fail;
        fd = (file == NULL || strcmp(file, "-") == 0) ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            fprintf(stderr, "sanctum restore: cannot open %s\n", file);
            goto done;
        }
        size_t cap = 0;
        if (read_more(fd, &in, &cap, 0) != 0)
            goto done;
        if (!looks_like_sse(in.data, in.len)) {
            if (read_more(fd, &in, &cap, 1) != 0)
                goto done;
            fprintf(stderr, "sanctum restore: the input is not an SSE stream (its first line is not data:, "
                            "event:, id:, retry: or a comment); restoring it as a whole %s\n",
                    format == SANCTUM_CHAT_AUTO && !cli_looks_like_json(&in) ? "text" : "document");
            goto whole;
        }
        sse_tail_feed(&tail, in.data, in.len);
        if (in.len != 0 && sanctum_stream_restorer_feed(r, in.data, in.len, &out, &out_len, &err) != SANCTUM_OK)
            goto fail;
        if (put(out, out_len) != 0 || fflush(stdout) != 0)
            goto done;
        sanctum_free(out);
        out = NULL;
        uint8_t buf[4096];
        ssize_t got;
        while ((got = read_some(fd, buf, sizeof buf)) > 0) {
            size_t n = (size_t)got;
            sse_tail_feed(&tail, buf, n);
            if (sanctum_stream_restorer_feed(r, buf, n, &out, &out_len, &err) != SANCTUM_OK)
                goto fail;
            int bad = put(out, out_len) != 0 || fflush(stdout) != 0;
            sanctum_free(out);
            out = NULL;
            if (bad)
                goto done;
        }
        sanctum_wipe(buf, sizeof buf);
        if (got < 0) {
            fprintf(stderr, "sanctum restore: read error\n");
            goto done;
        }
        if (sanctum_stream_restorer_finish(r, &out, &out_len, &err) != SANCTUM_OK)
            goto fail;
    } else {
        if (cli_read_input(file, INPUT_MAX, &in) != 0)
            goto done;
whole:
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
    if (stream && sse_tail_cut(&tail)) {
        /* what was written stays (it went out as it came); the open event was flushed as received,
         * restored only where its placeholders are whole: the caller must know the stream was cut */
        fprintf(stderr, "sanctum restore: the stream ended inside an event (no blank line after it): it was cut "
                        "off; its last event was written as received, placeholders cut in it left as they are\n");
        rc = CLI_ERROR;
    }
    goto done;
fail:
    cli_print_error("restore", &err);
done:
    if (fd > STDIN_FILENO)
        close(fd);
    sanctum_wipe(key, sizeof key);
    sanctum_free(out);
    sanctum_free(r);
    sanctum_free(s);
    cli_input_free(&vin);
    cli_input_free(&in);
    sanctum_ctx_free(ctx);
    return rc;
}
