/* Prints one FAKE credential for the CLI tests: fakegen_cli RULE valid|invalid [SEED]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fakegen.h"

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: fakegen_cli RULE valid|invalid [SEED]\n");
        return 2;
    }
    const fg_kind *k = fg_find(argv[1]);
    if (k == NULL) {
        fprintf(stderr, "fakegen_cli: no generator for %s\n", argv[1]);
        return 2;
    }
    fg_rng r = {argc > 3 ? strtoull(argv[3], NULL, 10) : 42u};
    static fg_token t;
    k->gen(&r, &t, strcmp(argv[2], "valid") == 0);
    fputs(t.text, stdout);
    fputc('\n', stdout);
    return 0;
}
