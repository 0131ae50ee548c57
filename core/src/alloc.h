/*
 * The audited allocator: the only code in the library that calls malloc, realloc or free
 * (tests/foundation/check_no_raw_alloc.sh enforces it on the object files).
 *
 * Every block carries a header with its context, size, flags and an optional destructor, so that
 * sanctum_free() can release any pointer the library hands out and account for it. Blocks allocated
 * as secret are wiped (sodium_memzero) before they are freed, and a secret block that grows is moved
 * by allocate + copy + wipe + free, never by a realloc that could leave a stale copy behind.
 */
#ifndef SANCTUM_ALLOC_H
#define SANCTUM_ALLOC_H

#include "internal.h"

enum {
    SC_ALLOC_ZERO = 1u,   /* zero the new block */
    SC_ALLOC_SECRET = 2u  /* wipe on free and on move; implies SC_ALLOC_ZERO */
};

/* Allocates n bytes from ctx (n may be 0). NULL when the budget, the system or fault injection
 * refuses; the caller reports SANCTUM_E_NOMEM. */
SC_UNUSED_RESULT void *sc_alloc(sanctum_ctx *ctx, size_t n, unsigned flags);
/* count * size bytes, zeroed; NULL on overflow as well. */
SC_UNUSED_RESULT void *sc_calloc(sanctum_ctx *ctx, size_t count, size_t size, unsigned flags);
/* Resizes p (NULL allocates from ctx with flags 0). On failure p is untouched and NULL is returned.
 * Secret blocks keep their flag and are moved without leaving a copy behind. */
SC_UNUSED_RESULT void *sc_realloc(sanctum_ctx *ctx, void *p, size_t n);
/* Frees a block (wiping it if secret). Does not run the destructor. NULL is a no-op. */
void sc_free(void *p);
/* Marks an existing block as secret: it will be wiped on free and on move. */
void sc_mark_secret(void *p);

/* An object: a zeroed block whose destroy(p) runs first when it is freed with sanctum_free. destroy
 * releases what the object owns, not the object itself. */
SC_UNUSED_RESULT void *sc_object_new(sanctum_ctx *ctx, size_t size, void (*destroy)(void *obj));

size_t sc_block_size(const void *p);
sanctum_ctx *sc_block_ctx(const void *p);

/* Copies n bytes into a new block from ctx (plus a NUL terminator that is not counted in n). */
SC_UNUSED_RESULT void *sc_memdup(sanctum_ctx *ctx, const void *src, size_t n, unsigned flags);

/* The context itself is the one allocation made outside a context (zeroed; wiped when freed). */
sanctum_ctx *sc_ctx_alloc_root(void);
void sc_ctx_free_root(sanctum_ctx *ctx);

#ifdef SANCTUM_TESTING
/* Test builds only. Fails allocation number nth (1-based, counted from now); with persistent, every
 * later one too. nth == 0 disarms. */
void sc_fault_arm(sanctum_ctx *ctx, uint64_t nth, bool persistent);
void sc_fault_disarm(sanctum_ctx *ctx);
/* How many allocations fault injection refused since the last arm. */
uint64_t sc_fault_injected(const sanctum_ctx *ctx);
/* Called with each block just before it goes back to the system, after any wipe. */
void sc_test_set_free_hook(sanctum_ctx *ctx,
                           void (*hook)(void *user, const void *block, size_t size, bool secret),
                           void *user);
#endif

#endif
