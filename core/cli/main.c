/* sanctum: the command-line face of libsanctumcore. Each command lives in its own cmd_*.c file. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "cli.h"

typedef struct command {
    const char *name;
    cli_command_fn run;
    const char *summary;
} command;

static const command COMMANDS[] = {
    {"version", cmd_version, "print library version, ABI version and linked library versions"},

    {"json", cmd_json, "validate JSON strictly; list the scan strings of a chat document"},

    {"detect", cmd_detect, "find personal data (names, e-mails, phones, cards, SSNs, bank numbers, IBANs)"},

    {"anonymize", cmd_anonymize, "replace personal data in a chat request (or text) with <TYPE_N> placeholders"},
    {"restore", cmd_restore, "put the values back into a response or an SSE stream, from a sealed vault"},

    {"scan", cmd_scan, "find exposed credentials in files and git remotes (text, JSON lines, SARIF)"},

    {"ledger", cmd_ledger, "secret-age ledger: add, rotate, retire, show, list, check, audit, match"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: sanctum <command> [options]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        fprintf(f, "  %-10s %s\n", COMMANDS[i].name, COMMANDS[i].summary);
    fprintf(f, "\nRun 'sanctum <command> --help' for a command's options.\n");
}

/* Output that never reached its file (a full disk, /dev/full, a closed descriptor) is an error: a
 * command that printed its results must not exit as if they had been written. */
static int finish(const char *cmd, int rc)
{
    errno = 0;
    if ((fflush(stdout) != 0 || ferror(stdout)) && rc != CLI_ERROR) {
        fprintf(stderr, "sanctum %s: write error on standard output: %s\n", cmd,
                errno != 0 ? strerror(errno) : "output lost");
        return CLI_ERROR;
    }
    return rc;
}

/* No core dump, ever: the process holds vault and ledger keys and input full of personal data and
 * secrets, which a core file would put on disk in clear. Not dumpable (Linux) also keeps other
 * processes of the same user from reading its memory through ptrace or /proc/PID/mem. */
static void no_core_dumps(void)
{
    struct rlimit none = {0, 0};
    (void)setrlimit(RLIMIT_CORE, &none);
#ifdef __linux__
    (void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

int main(int argc, char **argv)
{
    no_core_dumps();
    if (argc < 2) {
        usage(stderr);
        return CLI_ERROR;
    }
    if (strcmp(argv[1], "help") == 0 && argc > 2) { /* help COMMAND, as git's: that command's --help */
        static char help_opt[] = "--help";
        for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
            if (strcmp(argv[2], COMMANDS[i].name) == 0) {
                char *hargv[] = {argv[2], help_opt, NULL};
                return finish(argv[2], COMMANDS[i].run(2, hargv));
            }
        fprintf(stderr, "sanctum: unknown command '%s'\n", argv[2]);
        usage(stderr);
        return CLI_ERROR;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return finish("help", CLI_OK);
    }
    if (strcmp(argv[1], "--version") == 0)
        return finish("version", cmd_version(1, argv + 1));
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        if (strcmp(argv[1], COMMANDS[i].name) == 0)
            return finish(argv[1], COMMANDS[i].run(argc - 1, argv + 1));
    fprintf(stderr, "sanctum: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return CLI_ERROR;
}
