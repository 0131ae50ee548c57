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
