#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "cli.h"

int cmd_version(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) {
        fprintf(stderr, "usage: sanctum version\n");
        return CLI_ERROR;
    }
    printf("sanctum %s (ABI %u)\n", sanctum_version_string(), (unsigned)sanctum_abi_version());
    char pcre[64] = "";
    pcre2_config(PCRE2_CONFIG_VERSION, pcre);
    printf("libsodium %s, SQLite %s, PCRE2 %s\n", sodium_version_string(), sqlite3_libversion(), pcre);
    return CLI_OK;
}
