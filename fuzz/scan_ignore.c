/* Fuzz harness: gitignore-style patterns (sanctum_scan_ignore_new) and one path matched against them.
 * The input is PATTERNS NUL PATH (no NUL: the path "a/b"). The patterns come from .gitignore files
 * inside the trees sanctum scan walks, so matching must stay cheap (the engine's timeout catches an
 * exponential glob). Properties: a refusal is E_LIMIT (or NOMEM) with nothing kept; a match answers 0 or
 * 1; the path written as an anchored pattern with every special byte escaped, added last, matches it
 * (unless a pattern ran out of its step budget on the way: sanctum_scan_ignore_undecided says so);
 * nothing leaks. */
#include <string.h>

#include "fuzz.h"
#include "sanctum.h"

static sanctum_ctx *g_ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sanctum_error err;
    fuzz_must(sanctum_ctx_new(&g_ctx, NULL, &err) == SANCTUM_OK);
    return 0;
}

/* Whether the escaped path makes a pattern line that names exactly it. */
static int escapable(const uint8_t *p, size_t n)
{
    if (n == 0 || n > 2000 || p[0] == '/' || p[n - 1] == '/')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] == '\n' || p[i] == '\r' || p[i] == ' ' || p[i] == '\t' || p[i] == 0 ||
            (p[i] == '/' && p[i + 1] == '/'))
            return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (g_ctx == NULL)
        LLVMFuzzerInitialize(NULL, NULL);
    const uint8_t *nul = memchr(data, 0, size);
    size_t pl = nul ? (size_t)(nul - data) : size;
    const uint8_t *path = nul ? nul + 1 : (const uint8_t *)"a/b";
    size_t path_len = nul ? size - pl - 1 : 3;
    uint64_t before = fuzz_blocks(g_ctx);
    sanctum_scan_ignore *ig = NULL;
    sanctum_error err;
    sanctum_status st = sanctum_scan_ignore_new(&ig, g_ctx, data, pl, &err);
    if (st != SANCTUM_OK) {
        fuzz_must(ig == NULL);
        fuzz_must(st == SANCTUM_E_LIMIT || st == SANCTUM_E_NOMEM);
        fuzz_must(fuzz_blocks(g_ctx) == before);
        return 0;
    }
    int32_t f = sanctum_scan_ignore_match(ig, path, path_len, 0);
    int32_t d = sanctum_scan_ignore_match(ig, path, path_len, 1);
    fuzz_must((f == 0 || f == 1) && (d == 0 || d == 1));
    if (escapable(path, path_len)) {
        uint8_t line[1 + 2 * 2000 + 1];
        size_t k = 0;
        line[k++] = '/';
        for (size_t i = 0; i < path_len; i++) {
            if (path[i] == '*' || path[i] == '?' || path[i] == '[' || path[i] == '\\')
                line[k++] = '\\';
            line[k++] = path[i];
        }
        line[k++] = '\n';
        st = sanctum_scan_ignore_add(ig, line, k, &err);
        fuzz_must(st == SANCTUM_OK || st == SANCTUM_E_LIMIT || st == SANCTUM_E_NOMEM);
        /* unless another pattern ran out of its step budget first (then "not ignored": fail-safe) */
        if (st == SANCTUM_OK)
            fuzz_must(sanctum_scan_ignore_match(ig, path, path_len, 0) == 1 ||
                      sanctum_scan_ignore_undecided(ig) >= 0);
    }
    sanctum_free(ig);
    fuzz_must(fuzz_blocks(g_ctx) == before);
    return 0;
}
