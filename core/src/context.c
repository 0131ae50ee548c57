/* Contexts: options, memory budget, counters. */
#include "alloc.h"
#include "error.h"
#include "options.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

void sanctum_ctx_options_init(sanctum_ctx_options *opts)
{
    if (opts == NULL)
        return;
    memset(opts, 0, sizeof *opts);
    opts->struct_size = (uint32_t)sizeof *opts;
    opts->max_depth = SC_DEFAULT_MAX_DEPTH;
    opts->memory_budget = 0;
    opts->max_input_bytes = SC_DEFAULT_MAX_INPUT;
}

/* Accepts option structs from older and newer callers (sc_options_read). */
static sanctum_status read_options(sanctum_ctx_options *dst, const sanctum_ctx_options *src,
                                   sanctum_error *err)
{
    sanctum_ctx_options_init(dst);
    if (src == NULL)
        return SANCTUM_OK;
    /* version 1 ended after max_depth */
    sanctum_status st = sc_options_read(dst, sizeof *dst, src, SC_SIZE_THROUGH(sanctum_ctx_options, max_depth),
                                        "options", err);
    if (st != SANCTUM_OK)
        return st;
    if (dst->max_depth == 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "options.max_depth must be at least 1");
    if (dst->max_input_bytes == 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET,
                        "options.max_input_bytes must be at least 1");
    return SANCTUM_OK;
}

sanctum_status sanctum_ctx_new(sanctum_ctx **out, const sanctum_ctx_options *opts, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out is NULL");
    *out = NULL;
    sanctum_ctx_options resolved;
    sanctum_status st = read_options(&resolved, opts, err);
    if (st != SANCTUM_OK)
        return st;
    if (sodium_init() < 0)
        return sc_error(err, SANCTUM_E_CRYPTO, SANCTUM_NO_OFFSET, "libsodium failed to initialise");
    sanctum_ctx *ctx = sc_ctx_alloc_root();
    if (ctx == NULL)
        return sc_error_nomem(err);
    ctx->opts = resolved;
    *out = ctx;
    return SANCTUM_OK;
}

void sanctum_ctx_free(sanctum_ctx *ctx)
{
    if (ctx == NULL)
        return;
#ifdef SANCTUM_TESTING
    uint64_t left = atomic_load(&ctx->cur_blocks);
    if (left != 0)
        fprintf(stderr, "sanctum: context freed with %llu blocks outstanding\n", (unsigned long long)left);
#endif
    sc_ctx_free_root(ctx);
}

sanctum_status sanctum_ctx_stats(const sanctum_ctx *ctx, sanctum_stats *out)
{
    if (ctx == NULL || out == NULL)
        return SANCTUM_E_INVALID_ARG;
    sanctum_ctx *c = (sanctum_ctx *)(uintptr_t)ctx; /* atomics are read-only here */
    sanctum_stats s;
    memset(&s, 0, sizeof s);
    s.struct_size = (uint32_t)sizeof s;
    s.current_bytes = atomic_load(&c->cur_bytes);
    s.peak_bytes = atomic_load(&c->peak_bytes);
    s.total_bytes = atomic_load(&c->total_bytes);
    s.current_blocks = atomic_load(&c->cur_blocks);
    s.peak_blocks = atomic_load(&c->peak_blocks);
    s.total_blocks = atomic_load(&c->total_blocks);
    s.failed_allocs = atomic_load(&c->failed_allocs);
    /* any prefix of the struct, as this call always took */
    return sc_struct_write(out, &s, sizeof s, SC_SIZE_THROUGH(sanctum_stats, struct_size), true, "stats", NULL);
}

sanctum_status sanctum_ctx_get_options(const sanctum_ctx *ctx, sanctum_ctx_options *out)
{
    if (ctx == NULL || out == NULL)
        return SANCTUM_E_INVALID_ARG;
    return sc_struct_write(out, &ctx->opts, sizeof ctx->opts, SC_SIZE_THROUGH(sanctum_ctx_options, struct_size),
                           true, "options", NULL);
}
