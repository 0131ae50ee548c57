#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "cli.h"

int cmd_version(int argc, char **argv)
{
    static const char USAGE[] = "usage: sanctum version\n";
    cli_args a;
    cli_args_init(&a, "version", USAGE, NULL, 0, argc, argv, 1);
    for (int o; (o = cli_args_next(&a)) != CLI_ARGS_DONE;) {
        if (o == CLI_ARGS_HELP) {
            fputs(USAGE, stdout);
            return CLI_OK;
        }
        return o == CLI_ARGS_BAD ? CLI_ERROR : cli_usage_error(&a, "takes no arguments");
    }
    printf("sanctum %s (ABI %u)\n", sanctum_version_string(), (unsigned)sanctum_abi_version());
    char pcre[64] = "";
    pcre2_config(PCRE2_CONFIG_VERSION, pcre);
    printf("libsodium %s, SQLite %s, PCRE2 %s\n", sodium_version_string(), sqlite3_libversion(), pcre);
    return CLI_OK;
}
