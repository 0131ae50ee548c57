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
/* A growing list of malloc'd strings. */
typedef struct cli_strvec {
    char **v;
    size_t n, cap;
} cli_strvec;
/* Appends a copy of str: 0, or -1 when out of memory. */
int cli_sv_push(cli_strvec *s, const char *str);
void cli_sv_free(cli_strvec *s);

typedef struct cli_input {
    uint8_t *data;
    size_t len;
} cli_input;

/* Reads path (NULL or "-" = stdin) up to max_bytes. On failure prints "sanctum: ..." to stderr and
 * returns nonzero. */
int cli_read_input(const char *path, uint64_t max_bytes, cli_input *out);
/* The same from an open stream (left open); label names it in an error message ("-" for stdin). */
int cli_read_stream(FILE *f, const char *label, uint64_t max_bytes, cli_input *out);
void cli_input_free(cli_input *in);

/* Prints "sanctum <cmd>: offset N: message" (or without offset) for a failed library call. */
void cli_print_error(const char *cmd, const sanctum_error *err);

/* Writes a path (or any name a scanned tree chose) to f with control bytes as \xHH and '\' as "\\",
 * as the text report does: a name can neither send terminal escapes nor split a message line. */
void cli_put_label(FILE *f, const char *s);

/* Creates a context with default options, printing an error on failure. */
sanctum_ctx *cli_ctx_new(const char *cmd);

/* Writes s[0..n) to f as a JSON string literal (with quotes). */
void cli_json_string(FILE *f, const uint8_t *s, size_t n);

/* ---- Options: every command declares one table and reads its arguments with cli_args_next ----
 * "--name VALUE", "--name=VALUE", a short alias "-j N" / "-jN", "-h"/"--help", "-" (stdin) and "--"
 * (the rest is positional). An unknown option, one outside the command's scope (an option of another
 * subcommand), a repeated one (unless CLI_OPT_REPEAT), a missing value or a value given to a flag is an
 * error: the message and the usage go to stderr and the command exits CLI_ERROR. */
enum { CLI_OPT_VALUE = 1u, CLI_OPT_REPEAT = 2u };
typedef struct cli_opt {
    const char *name;  /* "--format" */
    const char *alias; /* "-j", or NULL */
    unsigned flags;    /* CLI_OPT_VALUE, CLI_OPT_REPEAT */
    uint32_t scope;    /* the subcommands it belongs to (bits the command chooses); 0 = all of them */
} cli_opt;

/* What cli_args_next returns besides an index into the table. */
enum { CLI_ARGS_DONE = -1, CLI_ARGS_POSITIONAL = -2, CLI_ARGS_HELP = -3, CLI_ARGS_BAD = -4 };

typedef struct cli_args {
    const char *cmd;     /* "scan", "json texts": names the command in messages */
    const char *usage;   /* printed to stderr after an error */
    const cli_opt *opts; /* at most 64 */
    size_t n_opts;
    uint32_t scope;      /* 0: take every option of the table now and call cli_args_in_scope later */
    int argc;
    char **argv;
    int next;            /* argv index to read next */
    int rest_positional; /* after "--" */
    uint64_t seen;       /* bit i: opts[i] was given */
    const char *value;   /* the option's value, or the positional argument */
    const char *given;   /* the option as written (for messages) */
} cli_args;

/* Starts reading argv[first..argc). */
void cli_args_init(cli_args *a, const char *cmd, const char *usage, const cli_opt *opts, size_t n_opts,
                   int argc, char **argv, int first);
/* The next option (its index in opts, value in a->value), or a CLI_ARGS_* code. */
int cli_args_next(cli_args *a);
/* After the subcommand is known: fails (message, usage; CLI_ARGS_BAD) if an option given is outside
 * scope, naming the subcommand sub. Returns 0 otherwise. */
int cli_args_in_scope(cli_args *a, uint32_t scope, const char *sub);
/* Prints "sanctum CMD: MESSAGE" and the usage to stderr; returns CLI_ERROR. */
int cli_usage_error(const cli_args *a, const char *message);

/* --format auto: input whose first non-blank byte is '{' is a chat document, else text. */
int cli_looks_like_json(const cli_input *in);
/* Parses --format of anonymize/restore: auto, openai_chat, anthropic, responses, gemini (and text when
 * allow_text). -1 = text. */
int cli_parse_format(const char *v, int allow_text, int32_t *format);

typedef int (*cli_command_fn)(int argc, char **argv);

int cmd_version(int argc, char **argv);

/* json: validate, texts, roundtrip (cmd_json.c) */
int cmd_json(int argc, char **argv);

int cmd_detect(int argc, char **argv);

/* anonymize, restore (cmd_anonymize.c, cmd_restore.c) */
int cmd_anonymize(int argc, char **argv);
int cmd_restore(int argc, char **argv);

/* ---- Key files and paths (cli_keys.c) ---- */
/* buf = $XDG_DATA_HOME/sanctum/FILE, else $HOME/.local/share/sanctum/FILE (both must be absolute);
 * creates the directory (mode 0700) when create_dir. On failure prints "sanctum CMD: ...; HINT". */
int cli_data_path(char *buf, size_t n, const char *file, int create_dir, const char *cmd, const char *hint);
/* Creates the missing parent directories of path with mode 0700. */
int cli_mkdirs_for(const char *path);
/* Writes p[0..n) to path with mode 0600 through a temporary file of its own and a rename. 0 on success,
 * -1 with errno, -2 when path exists and is not a regular file (a device, FIFO or symlink: not replaced). */
int cli_write_file_0600(const char *path, const uint8_t *p, size_t n);
/* Decodes exactly 2*n hex digits (the whole string) into out; nonzero otherwise. */
int cli_unhex(const char *s, uint8_t *out, size_t n);
/* Loads the 32-byte vault key (64 hex digits) from path (NULL: the data path vault.key), creating it
 * with mode 0600 when create is set and it is missing. Refuses a key file readable by group or
 * others. Prints the error; nonzero on failure. */
int cli_vault_key(const char *path, int create, uint8_t key[32]);
/* Loads the scan fingerprint key (16 to 64 raw bytes) from path (NULL: the data path scan.key,
 * created with 32 random bytes and mode 0600 when missing). Nonzero on failure. */
int cli_scan_key(const char *path, uint8_t key[64], size_t *key_len);

int cmd_scan(int argc, char **argv);

int cmd_ledger(int argc, char **argv);

#endif
