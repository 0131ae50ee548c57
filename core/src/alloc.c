/* The audited allocator. See alloc.h for the contract. */
#include "alloc.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#define SC_BLOCK_MAGIC 0x53435442u /* "SCTB" */
#define SC_BLOCK_FREED 0x46524545u /* "FREE" */

typedef struct sc_block {
    sanctum_ctx *ctx;
    size_t size;
    void (*destroy)(void *obj);
    uint32_t magic;
    uint32_t flags;
} sc_block;

/* The header keeps the user pointer aligned for any type. */
typedef union sc_header {
    sc_block b;
    max_align_t align;
} sc_header;

static sc_block *block_of(const void *p)
{
    return &((sc_header *)(uintptr_t)p - 1)->b;
}

static void *user_of(sc_header *h)
{
    return h + 1;
}

static void raise_peak(_Atomic uint64_t *peak, uint64_t now)
{
    uint64_t seen = atomic_load_explicit(peak, memory_order_relaxed);
    while (now > seen &&
           !atomic_compare_exchange_weak_explicit(peak, &seen, now, memory_order_relaxed,
                                                  memory_order_relaxed)) {
    }
}

#ifdef SANCTUM_TESTING
static bool fault_fires(sanctum_ctx *ctx)
{
    uint64_t nth = atomic_load(&ctx->fault_nth);
    if (nth == 0)
        return false;
    uint64_t seq = atomic_fetch_add(&ctx->fault_seq, 1) + 1;
    if (seq == nth || (seq > nth && atomic_load(&ctx->fault_persistent))) {
        atomic_fetch_add(&ctx->fault_injected, 1);
        return true;
    }
    return false;
}
#endif

/* Reserves n bytes of the budget and one block; false if refused. */
static bool account_acquire(sanctum_ctx *ctx, size_t n)
{
#ifdef SANCTUM_TESTING
    if (fault_fires(ctx)) {
        atomic_fetch_add_explicit(&ctx->failed_allocs, 1, memory_order_relaxed);
        return false;
    }
#endif
    uint64_t now = atomic_fetch_add_explicit(&ctx->cur_bytes, n, memory_order_relaxed) + n;
    if (ctx->opts.memory_budget != 0 && now > ctx->opts.memory_budget) {
        atomic_fetch_sub_explicit(&ctx->cur_bytes, n, memory_order_relaxed);
        atomic_fetch_add_explicit(&ctx->failed_allocs, 1, memory_order_relaxed);
        return false;
    }
    raise_peak(&ctx->peak_bytes, now);
    atomic_fetch_add_explicit(&ctx->total_bytes, n, memory_order_relaxed);
    uint64_t blocks = atomic_fetch_add_explicit(&ctx->cur_blocks, 1, memory_order_relaxed) + 1;
    raise_peak(&ctx->peak_blocks, blocks);
    atomic_fetch_add_explicit(&ctx->total_blocks, 1, memory_order_relaxed);
    return true;
}

static void account_release(sanctum_ctx *ctx, size_t n)
{
    atomic_fetch_sub_explicit(&ctx->cur_bytes, n, memory_order_relaxed);
    atomic_fetch_sub_explicit(&ctx->cur_blocks, 1, memory_order_relaxed);
}

static void system_failed(sanctum_ctx *ctx, size_t n)
{
    account_release(ctx, n);
    atomic_fetch_add_explicit(&ctx->failed_allocs, 1, memory_order_relaxed);
}

void *sc_alloc(sanctum_ctx *ctx, size_t n, unsigned flags)
{
    if (ctx == NULL || n > SIZE_MAX - sizeof(sc_header))
        return NULL;
    if (!account_acquire(ctx, n))
        return NULL;
    sc_header *h = malloc(sizeof(sc_header) + n);
    if (h == NULL) {
        system_failed(ctx, n);
        return NULL;
    }
    h->b.ctx = ctx;
    h->b.size = n;
    h->b.destroy = NULL;
    h->b.magic = SC_BLOCK_MAGIC;
    h->b.flags = flags & SC_ALLOC_SECRET;
    if (flags & (SC_ALLOC_ZERO | SC_ALLOC_SECRET))
        memset(user_of(h), 0, n);
    return user_of(h);
}

void *sc_calloc(sanctum_ctx *ctx, size_t count, size_t size, unsigned flags)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    return sc_alloc(ctx, count * size, flags | SC_ALLOC_ZERO);
}

static void release(sc_block *b)
{
    sanctum_ctx *ctx = b->ctx;
    size_t n = b->size;
    bool secret = (b->flags & SC_ALLOC_SECRET) != 0;
    void *user = user_of((sc_header *)(void *)b);
    if (secret)
        sodium_memzero(user, n);
#ifdef SANCTUM_TESTING
    if (ctx->free_hook != NULL)
        ctx->free_hook(ctx->free_hook_user, user, n, secret);
#endif
    b->magic = SC_BLOCK_FREED;
    account_release(ctx, n);
    free(b);
}

void sc_free(void *p)
{
    if (p == NULL)
        return;
    sc_block *b = block_of(p);
    if (b->magic != SC_BLOCK_MAGIC)
        return; /* not ours, or already freed: refuse rather than corrupt the heap further */
    release(b);
}

void *sc_realloc(sanctum_ctx *ctx, void *p, size_t n)
{
    if (p == NULL)
        return sc_alloc(ctx, n, 0);
    sc_block *b = block_of(p);
    if (b->magic != SC_BLOCK_MAGIC || n > SIZE_MAX - sizeof(sc_header))
        return NULL;
    ctx = b->ctx;
    if (b->flags & SC_ALLOC_SECRET) {
        void *q = sc_alloc(ctx, n, b->flags);
        if (q == NULL)
            return NULL;
        memcpy(q, p, SC_MIN(n, b->size));
        block_of(q)->destroy = b->destroy;
        release(b);
        return q;
    }
    size_t old = b->size;
    /* Account as if both blocks were live during the move: that is the real peak. */
    if (!account_acquire(ctx, n))
        return NULL;
    sc_header *h = realloc(b, sizeof(sc_header) + n);
    if (h == NULL) {
        system_failed(ctx, n);
        return NULL;
    }
    account_release(ctx, old);
    h->b.size = n;
    return user_of(h);
}

void sc_mark_secret(void *p)
{
    if (p != NULL && block_of(p)->magic == SC_BLOCK_MAGIC)
        block_of(p)->flags |= SC_ALLOC_SECRET;
}

void *sc_object_new(sanctum_ctx *ctx, size_t size, void (*destroy)(void *obj))
{
    void *p = sc_alloc(ctx, size, SC_ALLOC_ZERO);
    if (p != NULL)
        block_of(p)->destroy = destroy;
    return p;
}

size_t sc_block_size(const void *p)
{
    return p == NULL ? 0 : block_of(p)->size;
}

sanctum_ctx *sc_block_ctx(const void *p)
{
    return p == NULL ? NULL : block_of(p)->ctx;
}

void *sc_memdup(sanctum_ctx *ctx, const void *src, size_t n, unsigned flags)
{
    if (n == SIZE_MAX)
        return NULL;
    uint8_t *p = sc_alloc(ctx, n + 1, flags);
    if (p == NULL)
        return NULL;
    if (n != 0)
        memcpy(p, src, n);
    p[n] = 0;
    return p;
}

void sanctum_free(void *ptr)
{
    if (ptr == NULL)
        return;
    sc_block *b = block_of(ptr);
    if (b->magic != SC_BLOCK_MAGIC)
        return;
    if (b->destroy != NULL) {
        void (*destroy)(void *) = b->destroy;
        b->destroy = NULL;
        destroy(ptr);
    }
    release(b);
}

sanctum_ctx *sc_ctx_alloc_root(void)
{
    return calloc(1, sizeof(sanctum_ctx));
}

void sc_ctx_free_root(sanctum_ctx *ctx)
{
    sodium_memzero(ctx, sizeof *ctx);
    free(ctx);
}

#ifdef SANCTUM_TESTING
void sc_fault_arm(sanctum_ctx *ctx, uint64_t nth, bool persistent)
{
    atomic_store(&ctx->fault_seq, 0);
    atomic_store(&ctx->fault_injected, 0);
    atomic_store(&ctx->fault_persistent, persistent ? 1 : 0);
    atomic_store(&ctx->fault_nth, nth);
}

void sc_fault_disarm(sanctum_ctx *ctx)
{
    atomic_store(&ctx->fault_nth, 0);
}

uint64_t sc_fault_injected(const sanctum_ctx *ctx)
{
    return atomic_load(&((sanctum_ctx *)(uintptr_t)ctx)->fault_injected);
}

void sc_test_set_free_hook(sanctum_ctx *ctx,
                           void (*hook)(void *user, const void *block, size_t size, bool secret),
                           void *user)
{
    ctx->free_hook = hook;
    ctx->free_hook_user = user;
}
#endif
