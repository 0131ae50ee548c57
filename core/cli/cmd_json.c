/* sanctum json: validate a document, list the scan strings of a chat document, round-trip. */
#include <string.h>

#include "cli.h"

static const char USAGE[] =
    "usage: sanctum json validate [--strict] [--allow-lone-surrogates] [FILE|-]\n"
    "       sanctum json texts [--format auto|openai_chat|anthropic|responses|gemini]\n"
    "                          [--scrub-system] [FILE|-]\n"
    "       sanctum json roundtrip [--strict] [--allow-lone-surrogates] [FILE|-]\n";
static const char HELP[] =
    "\n"
    "validate   exit 0 if FILE is RFC 8259 JSON (strict grammar, UTF-8, no BOM, no lone\n"
    "           surrogates), 1 if not (\"offset N: message\" on stderr), 2 on usage or I/O error;\n"
    "           --strict also rejects duplicate keys, as the chat path always does;\n"
    "           --allow-lone-surrogates accepts unpaired \\uD800-\\uDFFF escapes, as the chat path does\n"
    "texts      one JSON line per scan string of a chat request/response/stream event:\n"
    "           path, role, kind, format, text (debugging aid: the text is printed in clear);\n"
    "           input that starts with an SSE line (data:, event:, ':') is a stream: each\n"
    "           'data: {...}' line is one event ([DONE] skipped); a document of no known chat shape,\n"
    "           or whose messages/contents/input has the wrong type, is an error (exit 1, with its\n"
    "           offset); lone surrogates accepted as on the chat path; --scrub-system lists system\n"
    "           text too; --format also takes the names the \"format\" field shows\n"
    "           (anthropic_messages, openai_responses)\n"
    "roundtrip  parse and write back with no edits (the output equals the input)\n";

/* The subcommands, as option scopes. */
enum { VALIDATE = 1u, TEXTS = 2u, ROUNDTRIP = 4u };
enum { O_STRICT, O_ALLOW_DUP, O_FORMAT, O_ALLOW_LONE, O_SCRUB_SYSTEM };
static const cli_opt OPTS[] = {
    [O_STRICT] = {"--strict", NULL, 0, VALIDATE | ROUNDTRIP},
    [O_ALLOW_DUP] = {"--allow-duplicate-keys", NULL, 0, VALIDATE | ROUNDTRIP},
    [O_FORMAT] = {"--format", NULL, CLI_OPT_VALUE, TEXTS},
    [O_ALLOW_LONE] = {"--allow-lone-surrogates", NULL, 0, VALIDATE | ROUNDTRIP},
    [O_SCRUB_SYSTEM] = {"--scrub-system", NULL, 0, TEXTS},
};

/* The names anonymize and restore take (anthropic, responses ...), or the library's, which the output's
 * "format" field shows (anthropic_messages, openai_responses). */
static int parse_format(const char *s, int32_t *out)
{
    if (cli_parse_format(s, 0, out) == 0)
        return 0;
    static const int32_t formats[] = {SANCTUM_CHAT_AUTO, SANCTUM_CHAT_OPENAI_CHAT, SANCTUM_CHAT_ANTHROPIC_MESSAGES,
                                      SANCTUM_CHAT_OPENAI_RESPONSES, SANCTUM_CHAT_GEMINI};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(s, sanctum_chat_format_name(formats[i])) == 0) {
            *out = formats[i];
            return 0;
        }
    return -1;
}

static int exit_for(const sanctum_error *err)
{
    switch (err->code) {
    case SANCTUM_E_PARSE: case SANCTUM_E_UTF8: case SANCTUM_E_LIMIT: return CLI_FINDINGS;
    default: return CLI_ERROR;
    }
}

/* The scan strings of one document, p[0..n) at byte base of the input (for error offsets). */
static int texts_of(sanctum_ctx *ctx, int32_t format, uint32_t chat_flags, const uint8_t *p, size_t n, size_t base)
{
    sanctum_error err;
    sanctum_chat_doc *doc = NULL;
    if (sanctum_chat_doc_new_ex(&doc, ctx, format,
                                chat_flags | SANCTUM_CHAT_ALLOW_LONE_SURROGATES | SANCTUM_CHAT_STRICT_SHAPE, p, n,
                                &err) != SANCTUM_OK) {
        if (err.offset != SANCTUM_NO_OFFSET)
            err.offset += base;
        cli_print_error("json texts", &err);
        return exit_for(&err);
    }
    size_t count = sanctum_chat_doc_count(doc);
    for (size_t i = 0; i < count; i++) {
        sanctum_chat_text t;
        memset(&t, 0, sizeof t);
        t.struct_size = sizeof t;
        if (sanctum_chat_doc_text(doc, i, &t) != SANCTUM_OK)
            break;
        fputs("{\"path\":", stdout);
        cli_json_string(stdout, (const uint8_t *)t.path, t.path_len);
        printf(",\"role\":\"%s\",\"kind\":\"%s\",\"format\":\"%s\",\"text\":", sanctum_chat_role_name(t.role),
               sanctum_chat_kind_name(t.kind), sanctum_chat_format_name(sanctum_chat_doc_format(doc)));
        cli_json_string(stdout, t.text, t.text_len);
        fputs("}\n", stdout);
    }
    sanctum_free(doc);
    return CLI_OK;
}

static int starts(const uint8_t *p, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    return n >= m && memcmp(p, lit, m) == 0;
}

/* A document, or SSE lines (what a stream carries: "data: {...}" lines, event:/id:/retry: and ':'
 * comments skipped, "data: [DONE]" ignored): each data line is one stream event. */
static int run_texts(sanctum_ctx *ctx, int32_t format, uint32_t chat_flags, const cli_input *in)
{
    const uint8_t *p = in->data;
    size_t n = in->len, i = 0;
    while (i < n && (p[i] == '\n' || p[i] == '\r' || p[i] == ' ' || p[i] == '\t'))
        i++;
    if (!(starts(p + i, n - i, "data:") || starts(p + i, n - i, "event:") || starts(p + i, n - i, ":")))
        return texts_of(ctx, format, chat_flags, p, n, 0);
    int rc = CLI_OK;
    while (i < n && rc == CLI_OK) {
        const uint8_t *nl = memchr(p + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - p) : n, z = e;
        if (z > i && p[z - 1] == '\r')
            z--;
        if (starts(p + i, z - i, "data:")) {
            size_t a = i + 5;
            if (a < z && p[a] == ' ')
                a++;
            if (!(z - a == 6 && memcmp(p + a, "[DONE]", 6) == 0) && z > a)
                rc = texts_of(ctx, format, chat_flags, p + a, z - a, a);
        }
        i = nl ? e + 1 : n;
    }
    return rc;
}

int cmd_json(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fprintf(argc < 2 ? stderr : stdout, "%s%s", USAGE, HELP);
        return argc < 2 ? CLI_ERROR : CLI_OK;
    }
    const char *sub = argv[1];
    uint32_t scope = strcmp(sub, "validate") == 0 ? VALIDATE
                     : strcmp(sub, "texts") == 0  ? TEXTS
                     : strcmp(sub, "roundtrip") == 0 ? ROUNDTRIP
                                                     : 0;
    if (scope == 0) {
        fprintf(stderr, "sanctum json: unknown subcommand '%s'\n%s", sub, USAGE);
        return CLI_ERROR;
    }
    char name[32];
    snprintf(name, sizeof name, "json %s", sub);
    const char *path = NULL;
    int32_t format = SANCTUM_CHAT_AUTO;
    /* validate/roundtrip answer "is this RFC 8259 JSON?", where names only SHOULD be unique; --strict
     * adds the duplicate-key check that the chat path always applies. */
    uint32_t flags = SANCTUM_JSON_ALLOW_DUPLICATE_KEYS, lone = 0, chat_flags = 0;
    cli_args a;
    cli_args_init(&a, name, USAGE, OPTS, sizeof OPTS / sizeof OPTS[0], argc, argv, 2);
    a.scope = scope;
    for (int o; (o = cli_args_next(&a)) != CLI_ARGS_DONE;) {
        switch (o) {
        case CLI_ARGS_HELP: printf("%s%s", USAGE, HELP); return CLI_OK;
        case CLI_ARGS_BAD: return CLI_ERROR;
        case O_ALLOW_DUP: flags |= SANCTUM_JSON_ALLOW_DUPLICATE_KEYS; break;
        case O_STRICT: flags = SANCTUM_JSON_STRICT; break;
        case O_ALLOW_LONE: lone = SANCTUM_JSON_ALLOW_LONE_SURROGATES; break;
        case O_SCRUB_SYSTEM: chat_flags |= SANCTUM_CHAT_SCRUB_SYSTEM; break;
        case O_FORMAT:
            if (parse_format(a.value, &format) != 0) {
                fprintf(stderr, "sanctum json: unknown format '%s'\n", a.value);
                return CLI_ERROR;
            }
            break;
        default:
            if (path != NULL) {
                fprintf(stderr, "sanctum json: one input at most\n");
                return CLI_ERROR;
            }
            path = a.value;
        }
    }
    sanctum_ctx *ctx = cli_ctx_new("json");
    if (ctx == NULL)
        return CLI_ERROR;
    sanctum_ctx_options opts;
    sanctum_ctx_options_init(&opts);
    sanctum_ctx_get_options(ctx, &opts);
    cli_input in;
    if (cli_read_input(path, opts.max_input_bytes, &in) != 0) {
        sanctum_ctx_free(ctx);
        return CLI_ERROR;
    }
    int rc = CLI_OK;
    sanctum_error err;
    if (strcmp(sub, "validate") == 0) {
        if (sanctum_json_validate(ctx, flags | lone, in.data, in.len, &err) != SANCTUM_OK) {
            cli_print_error("json validate", &err);
            rc = exit_for(&err);
        }
    } else if (strcmp(sub, "texts") == 0) {
        rc = run_texts(ctx, format, chat_flags, &in);
    } else {
        uint8_t *out = NULL;
        size_t out_len = 0;
        if (sanctum_json_roundtrip(&out, &out_len, ctx, flags | lone, in.data, in.len, &err) != SANCTUM_OK) {
            cli_print_error("json roundtrip", &err);
            rc = exit_for(&err);
        } else {
            if (fwrite(out, 1, out_len, stdout) != out_len)
                rc = CLI_ERROR;
            sanctum_free(out);
        }
    }
    cli_input_free(&in);
    sanctum_ctx_free(ctx);
    return rc;
}
