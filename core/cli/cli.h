/* The sanctum command-line tool: shared helpers and one entry point per command. */
#ifndef SANCTUM_CLI_H
#define SANCTUM_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sanctum.h"

/* Exit codes shared by every command. */
enum { CLI_OK = 0, CLI_FINDINGS = 1, CLI_ERROR = 2 };

/* A whole input file (or stdin for "-" / NULL) in memory. The buffer is wiped before it is freed:
 * it may hold personal data or secrets. */
typedef struct cli_input {
    uint8_t *data;
    size_t len;
} cli_input;

/* Reads path (NULL or "-" = stdin) up to max_bytes. On failure prints "sanctum: ..." to stderr and
 * returns nonzero. */
int cli_read_input(const char *path, uint64_t max_bytes, cli_input *out);
void cli_input_free(cli_input *in);

/* Prints "sanctum <cmd>: offset N: message" (or without offset) for a failed library call. */
void cli_print_error(const char *cmd, const sanctum_error *err);

/* Creates a context with default options, printing an error on failure. */
sanctum_ctx *cli_ctx_new(const char *cmd);

/* Writes s[0..n) to f as a JSON string literal (with quotes). */
void cli_json_string(FILE *f, const uint8_t *s, size_t n);

/* Argument helpers: "--name VALUE" and "--name=VALUE" forms. */
int cli_is_flag(const char *arg, const char *name);
const char *cli_flag_value(int argc, char **argv, int *i, const char *name);

typedef int (*cli_command_fn)(int argc, char **argv);

int cmd_version(int argc, char **argv);

/* json: validate, texts, roundtrip (cmd_json.c) */
int cmd_json(int argc, char **argv);

int cmd_detect(int argc, char **argv);

/* anonymize, restore (cmd_anonymize.c, cmd_restore.c) */
int cmd_anonymize(int argc, char **argv);
int cmd_restore(int argc, char **argv);
/* Loads the 32-byte vault key from path (NULL: $XDG_DATA_HOME/sanctum/vault.key or
 * ~/.local/share/sanctum/vault.key), creating it with mode 0600 when create is set and it is missing.
 * Refuses a key file readable by group or others. Prints the error; nonzero on failure. */
int cli_vault_key(const char *path, int create, uint8_t key[32]);
/* Parses --format: auto, openai_chat, anthropic, responses, gemini (and text when allow_text). -1 = text. */
int cli_parse_format(const char *v, int allow_text, int32_t *format);

int cmd_scan(int argc, char **argv);

int cmd_ledger(int argc, char **argv);

#endif
