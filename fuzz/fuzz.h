/* Shared by every harness: the libFuzzer entry points, also driven by replay.c and AFL++'s driver. */
#ifndef SANCTUM_FUZZ_H
#define SANCTUM_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "sanctum.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Header-only helpers: each .c file in fuzz/ is a harness of its own. */

/* A property: abort (the fuzzer's finding) when it does not hold. */
static inline void fuzz_must(int cond)
{
    if (!cond)
        abort();
}

/* Blocks ctx holds right now. */
static inline uint64_t fuzz_blocks(sanctum_ctx *ctx)
{
    sanctum_stats s = {0};
    s.struct_size = (uint32_t)sizeof s;
    fuzz_must(sanctum_ctx_stats(ctx, &s) == SANCTUM_OK);
    return s.current_blocks;
}

/* The leak check that ends a run: everything ctx handed out was freed; then ctx is freed. */
static inline void fuzz_ctx_free_checked(sanctum_ctx *ctx)
{
    fuzz_must(fuzz_blocks(ctx) == 0);
    sanctum_ctx_free(ctx);
}

/* A context and a scanner whose fingerprint key is 32 bytes {key0, 0, ...} (fingerprints in seeds
 * stay stable); rules NULL: the built-in set only. Aborts on failure. */
static inline void fuzz_scanner_new(sanctum_ctx **ctx, sanctum_scanner **scanner, uint8_t key0, const char *rules,
                                    size_t rules_len)
{
    sanctum_error err;
    fuzz_must(sanctum_ctx_new(ctx, NULL, &err) == SANCTUM_OK);
    static uint8_t key[32];
    key[0] = key0;
    sanctum_scan_options o;
    sanctum_scan_options_init(&o);
    o.fingerprint_key = key;
    o.fingerprint_key_len = sizeof key;
    fuzz_must(sanctum_scanner_new(scanner, *ctx, &o, (const uint8_t *)rules, rules_len, &err) == SANCTUM_OK);
}

/* Reads the input a byte at a time; 0 past the end. */
typedef struct fuzz_reader {
    const uint8_t *p;
    size_t n;
} fuzz_reader;

static inline uint8_t fuzz_next(fuzz_reader *r)
{
    if (r->n == 0)
        return 0;
    r->n--;
    return *r->p++;
}

#endif
