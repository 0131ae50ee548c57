/* sanctum anonymize: scrub a chat request (or text); the mapping goes to a sealed vault file. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: sanctum anonymize [FILE|-] [--vault-out FILE] [--key-file FILE] [--threshold X]\n"
            "                         [--format auto|openai_chat|anthropic|responses|gemini|text]\n"
            "                         [--identities FILE] [--scrub-system]\n"
            "\n"
            "Writes the request with personal data replaced by <TYPE_N> placeholders to stdout, byte-exact\n"
            "outside the replaced strings, and the mapping sealed (XChaCha20-Poly1305) to the vault file\n"
            "(default sanctum.vault). The key file (default $XDG_DATA_HOME/sanctum/vault.key or\n"
            "~/.local/share/sanctum/vault.key) is created with mode 0600 when missing.\n"
            "--format auto (default) treats input starting with '{' as a chat request, else as text.\n"
            "--identities: known values always replaced, system prompts included (docs/mapper.md).\n"
            "--scrub-system: also anonymize system/developer prompts and instructions.\n");
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

static int mkdirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int r = mkdir(path, 0700);
        *p = '/';
        if (r != 0 && errno != EEXIST)
            return -1;
    }
    return 0;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int cli_vault_key(const char *path, int create, uint8_t key[32])
{
    char def[4096];
    if (path == NULL) {
        const char *x = getenv("XDG_DATA_HOME");
        const char *h = getenv("HOME");
        int n;
        if (x != NULL && x[0] == '/')
            n = snprintf(def, sizeof def, "%s/sanctum/vault.key", x);
        else if (h != NULL && h[0] != '\0')
            n = snprintf(def, sizeof def, "%s/.local/share/sanctum/vault.key", h);
        else {
            fprintf(stderr, "sanctum: no --key-file and neither XDG_DATA_HOME nor HOME is set\n");
            return -1;
        }
        if (n < 0 || (size_t)n >= sizeof def) {
            fprintf(stderr, "sanctum: key file path too long\n");
            return -1;
        }
        path = def;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT && create) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s", path);
        if (mkdirs(dir) != 0) {
            fprintf(stderr, "sanctum: cannot create the key file's directory\n");
            return -1;
        }
        uint8_t raw[32];
        int rnd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        if (rnd < 0 || read(rnd, raw, sizeof raw) != (ssize_t)sizeof raw) {
            if (rnd >= 0)
                close(rnd);
            fprintf(stderr, "sanctum: cannot read /dev/urandom\n");
            return -1;
        }
        close(rnd);
        char hex[65];
        for (int i = 0; i < 32; i++)
            snprintf(hex + 2 * i, 3, "%02x", raw[i]);
        hex[64] = '\n';
        int wfd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (wfd < 0 || write(wfd, hex, 65) != 65 || close(wfd) != 0) {
            fprintf(stderr, "sanctum: cannot create key file %s: %s\n", path, strerror(errno));
            sanctum_wipe(raw, sizeof raw);
            sanctum_wipe(hex, sizeof hex);
            return -1;
        }
        sanctum_wipe(hex, sizeof hex);
        memcpy(key, raw, 32);
        sanctum_wipe(raw, sizeof raw);
        fprintf(stderr, "sanctum: created vault key %s (mode 0600)\n", path);
        return 0;
    }
    if (fd < 0) {
        fprintf(stderr, "sanctum: cannot open key file %s: %s\n", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || (st.st_mode & 077) != 0) {
        close(fd);
        fprintf(stderr, "sanctum: key file %s must not be readable by group or others (chmod 600)\n", path);
        return -1;
    }
    char hex[80];
    ssize_t n = read(fd, hex, sizeof hex);
    close(fd);
    int ok = n >= 64;
    for (int i = 0; ok && i < 32; i++) {
        int a = hexval(hex[2 * i]), b = hexval(hex[2 * i + 1]);
        if (a < 0 || b < 0)
            ok = 0;
        else
            key[i] = (uint8_t)(a * 16 + b);
    }
    if (ok && n > 64 && !(hex[64] == '\n' || (hex[64] == '\r' && n > 65 && hex[65] == '\n')))
        ok = 0;
    sanctum_wipe(hex, sizeof hex);
    if (!ok) {
        fprintf(stderr, "sanctum: key file %s must hold 64 hex digits\n", path);
        return -1;
    }
    return 0;
}

static int write_file_0600(const char *path, const uint8_t *p, size_t n)
{
    char tmp[4200];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
        return -1;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    size_t off = 0;
    while (off < n) {
        ssize_t w = write(fd, p + off, n - off);
        if (w <= 0) {
            close(fd);
            unlink(tmp);
            return -1;
        }
        off += (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
        unlink(tmp);
        return -1;
    }
    return 0;
}

int cmd_anonymize(int argc, char **argv)
{
    const char *file = NULL, *vault = "sanctum.vault", *keyfile = NULL, *ids_path = NULL, *v;
    double threshold = 0.7;
    int32_t format = SANCTUM_CHAT_AUTO;
    int as_text = 0, fmt_auto = 1, scrub_system = 0;
    for (int i = 1; i < argc; i++) {
        if (cli_is_flag(argv[i], "--help") || cli_is_flag(argv[i], "-h")) {
            usage(stdout);
            return CLI_OK;
        } else if ((v = cli_flag_value(argc, argv, &i, "--vault-out")) != NULL) {
            vault = v;
        } else if ((v = cli_flag_value(argc, argv, &i, "--key-file")) != NULL) {
            keyfile = v;
        } else if ((v = cli_flag_value(argc, argv, &i, "--identities")) != NULL) {
            ids_path = v;
        } else if (cli_is_flag(argv[i], "--scrub-system")) {
            scrub_system = 1;
        } else if ((v = cli_flag_value(argc, argv, &i, "--threshold")) != NULL) {
            char *end = NULL;
            threshold = strtod(v, &end);
            if (end == v || *end != '\0' || !(threshold >= 0.0 && threshold <= 1.0)) {
                fprintf(stderr, "sanctum anonymize: --threshold must be a number in [0, 1]\n");
                return CLI_ERROR;
            }
        } else if ((v = cli_flag_value(argc, argv, &i, "--format")) != NULL) {
            if (cli_parse_format(v, 1, &format) != 0) {
                fprintf(stderr, "sanctum anonymize: unknown --format\n");
                return CLI_ERROR;
            }
            fmt_auto = strcmp(v, "auto") == 0;
            as_text = format == -1;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "sanctum anonymize: unknown option %s\n", argv[i]);
            usage(stderr);
            return CLI_ERROR;
        } else if (file == NULL) {
            file = argv[i];
        } else {
            usage(stderr);
            return CLI_ERROR;
        }
    }
    uint8_t key[32];
    if (cli_vault_key(keyfile, 1, key) != 0)
        return CLI_ERROR;
    sanctum_ctx *ctx = cli_ctx_new("anonymize");
    if (ctx == NULL) {
        sanctum_wipe(key, sizeof key);
        return CLI_ERROR;
    }
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
    if (cli_read_input(file, 64u << 20, &in) != 0)
        goto done;
    if (fmt_auto) {
        size_t k = 0;
        while (k < in.len && (in.data[k] == ' ' || in.data[k] == '\t' || in.data[k] == '\n' || in.data[k] == '\r'))
            k++;
        as_text = !(k < in.len && in.data[k] == '{');
    }
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
    if (write_file_0600(vault, sealed, sealed_len) != 0) {
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
