/* sanctum anonymize: scrub a chat request (or text); the mapping goes to a sealed vault file. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char USAGE[] =
    "usage: sanctum anonymize [FILE|-] [--vault-out FILE] [--key-file FILE] [--threshold X]\n"
    "                         [--format auto|openai_chat|anthropic|responses|gemini|text]\n"
    "                         [--identities FILE] [--scrub-system]\n";
static const char HELP[] =
    "\n"
    "Writes the request with personal data replaced by <TYPE_N> placeholders to stdout, byte-exact\n"
    "outside the replaced strings, and the mapping sealed (XChaCha20-Poly1305) to the vault file\n"
    "(default sanctum.vault). The key file (default $XDG_DATA_HOME/sanctum/vault.key or\n"
    "~/.local/share/sanctum/vault.key) is created with mode 0600 when missing.\n"
    "--format auto (default) treats input starting with '{' (after white space or a UTF-8 BOM),\n"
    "or a JSON array (of messages), as a chat request (refused if it cannot be walked), else as\n"
    "text.\n"
    "--identities: known values always replaced, system prompts included (docs/mapper.md).\n"
    "--scrub-system: also anonymize system/developer prompts and instructions.\n"
    "Exit status: 0 done, 2 error (bad option, unreadable input or key, input refused: nothing\n"
    "written; the vault or standard output could not be written).\n";

enum { O_VAULT_OUT, O_KEY_FILE, O_THRESHOLD, O_FORMAT, O_IDENTITIES, O_SCRUB_SYSTEM };
static const cli_opt OPTS[] = {
    [O_VAULT_OUT] = {"--vault-out", NULL, CLI_OPT_VALUE, 0},
    [O_KEY_FILE] = {"--key-file", NULL, CLI_OPT_VALUE, 0},
    [O_THRESHOLD] = {"--threshold", NULL, CLI_OPT_VALUE, 0},
    [O_FORMAT] = {"--format", NULL, CLI_OPT_VALUE, 0},
    [O_IDENTITIES] = {"--identities", NULL, CLI_OPT_VALUE, 0},
    [O_SCRUB_SYSTEM] = {"--scrub-system", NULL, 0, 0},
};

/* --format auto: whether the input goes the chat path. Read as text, a JSON document keeps every value
 * written with escapes in clear (J\u0061ne; Zo\u00eb, as Python's json.dumps writes it): so a '{'
 * after a UTF-8 BOM (Windows editors write one; the chat path refuses it, naming it) and a top-level
 * array that parses as JSON (messages) go the chat path too, which walks it or refuses it (exit 2,
 * nothing written) rather than passing it on. Text that merely starts with '[' stays text. */
static int auto_is_chat(sanctum_ctx *ctx, const cli_input *in)
{
    size_t k = in->len >= 3 && memcmp(in->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    const cli_input rest = {in->data + k, in->len - k};
    if (cli_looks_like_json(&rest))
        return 1;
    while (k < in->len && (in->data[k] == ' ' || in->data[k] == '\t' || in->data[k] == '\n' || in->data[k] == '\r'))
        k++;
    sanctum_error err;
    return k < in->len && in->data[k] == '[' &&
           sanctum_json_validate(ctx, SANCTUM_JSON_ALLOW_DUPLICATE_KEYS | SANCTUM_JSON_ALLOW_LONE_SURROGATES,
                                 in->data + k, in->len - k, &err) == SANCTUM_OK;
}

int cmd_anonymize(int argc, char **argv)
{
    const char *file = NULL, *vault = "sanctum.vault", *keyfile = NULL, *ids_path = NULL;
    double threshold = 0.7;
    int32_t format = SANCTUM_CHAT_AUTO;
    int scrub_system = 0;
    cli_args a;
    cli_args_init(&a, "anonymize", USAGE, OPTS, sizeof OPTS / sizeof OPTS[0], argc, argv, 1);
    for (int o; (o = cli_args_next(&a)) != CLI_ARGS_DONE;) {
        const char *v = a.value;
        switch (o) {
        case CLI_ARGS_HELP: printf("%s%s", USAGE, HELP); return CLI_OK;
        case CLI_ARGS_BAD: return CLI_ERROR;
        case O_VAULT_OUT: vault = v; break;
        case O_KEY_FILE: keyfile = v; break;
        case O_IDENTITIES: ids_path = v; break;
        case O_SCRUB_SYSTEM: scrub_system = 1; break;
        case O_THRESHOLD: {
            char *end = NULL;
            threshold = strtod(v, &end);
            if (end == v || *end != '\0' || !(threshold >= 0.0 && threshold <= 1.0)) {
                fprintf(stderr, "sanctum anonymize: --threshold must be a number in [0, 1]\n");
                return CLI_ERROR;
            }
            break;
        }
        case O_FORMAT:
            if (cli_parse_format(v, 1, &format) != 0) {
                fprintf(stderr, "sanctum anonymize: unknown --format\n");
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
    uint8_t key[32] = {0};
    sanctum_ctx *ctx = cli_ctx_new("anonymize");
    if (ctx == NULL)
        return CLI_ERROR;
    int rc = CLI_ERROR;
    cli_input in = {0};
    sanctum_detector *det = NULL;
    sanctum_identities *ids = NULL;
    sanctum_session *s = NULL;
    sanctum_session_options sopts;
    sanctum_session_options_init(&sopts);
    sopts.scrub_system = (uint32_t)scrub_system;
    uint8_t *out = NULL, *sealed = NULL;
    size_t out_len = 0, sealed_len = 0;
    sanctum_error err;
    sanctum_detector_options dopts;
    sanctum_detector_options_init(&dopts);
    dopts.threshold = threshold;
    /* the input first: a run that cannot read it leaves no key file behind */
    if (cli_read_input(file, 64u << 20, &in) != 0 || cli_vault_key(keyfile, 1, key) != 0)
        goto done;
    if (format == SANCTUM_CHAT_AUTO)
        as_text = !auto_is_chat(ctx, &in);
    if (ids_path != NULL) {
        cli_input li;
        if (cli_read_input(ids_path, 64u << 20, &li) != 0)
            goto done;
        sanctum_status ist = sanctum_identities_load(&ids, ctx, li.data, li.len, &err);
        cli_input_free(&li);
        if (ist != SANCTUM_OK)
            goto fail;
        sopts.identities = ids;
    }
    if (sanctum_detector_new(&det, ctx, &dopts, &err) != SANCTUM_OK ||
        sanctum_session_new(&s, ctx, det, &sopts, &err) != SANCTUM_OK)
        goto fail;
    if ((as_text ? sanctum_session_anonymize_text(s, in.data, in.len, &out, &out_len, &err)
                 : sanctum_session_anonymize_request(s, format, in.data, in.len, &out, &out_len, &err)) != SANCTUM_OK)
        goto fail;
    if (sanctum_session_seal(s, key, sizeof key, &sealed, &sealed_len, &err) != SANCTUM_OK)
        goto fail;
    int wrote = cli_write_file_0600(vault, sealed, sealed_len);
    if (wrote == -2) {
        fprintf(stderr, "sanctum anonymize: cannot write vault %s: it exists and is not a regular file "
                        "(a device, FIFO or symlink); not replaced\n", vault);
        goto done;
    }
    if (wrote != 0) {
        fprintf(stderr, "sanctum anonymize: cannot write vault %s: %s\n", vault, strerror(errno));
        goto done;
    }
    if (fwrite(out, 1, out_len, stdout) != out_len || fflush(stdout) != 0) {
        fprintf(stderr, "sanctum anonymize: write error\n");
        goto done;
    }
    sanctum_session_stats stats;
    stats.struct_size = (uint32_t)sizeof stats;
    if (sanctum_session_get_stats(s, &stats) == SANCTUM_OK) {
        uint64_t total = 0;
        for (int t = 0; t < 7; t++)
            total += stats.occurrences[t];
        fprintf(stderr, "sanctum anonymize: %llu replacements", (unsigned long long)total);
        for (int t = 0; t < 7; t++)
            if (stats.distinct[t])
                fprintf(stderr, ", %s %llu", sanctum_entity_type_name(t), (unsigned long long)stats.distinct[t]);
        fprintf(stderr, "; vault %s\n", vault);
    }
    rc = CLI_OK;
    goto done;
fail:
    cli_print_error("anonymize", &err);
done:
    sanctum_wipe(key, sizeof key);
    sanctum_free(out);
    sanctum_free(sealed);
    sanctum_free(s);
    sanctum_free(ids);
    sanctum_free(det);
    cli_input_free(&in);
    sanctum_ctx_free(ctx);
    return rc;
}
