/* The audited allocator: counting, budget, wiping, objects, fault injection, threads. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "test_util.h"

static sanctum_stats stats_of(sanctum_ctx *ctx)
{
    sanctum_stats s = {0};
    assert_int_equal(sanctum_ctx_stats(ctx, &s), SANCTUM_OK);
    return s;
}

static void counts_bytes_and_blocks(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    void *a = sc_alloc(ctx, 100, 0);
    void *b = sc_alloc(ctx, 28, SC_ALLOC_ZERO);
    assert_non_null(a);
    assert_non_null(b);
    sanctum_stats s = stats_of(ctx);
    assert_int_equal(s.current_bytes, 128);
    assert_int_equal(s.current_blocks, 2);
    sc_free(a);
    s = stats_of(ctx);
    assert_int_equal(s.current_bytes, 28);
    assert_int_equal(s.peak_bytes, 128);
    assert_int_equal(s.peak_blocks, 2);
    assert_int_equal(s.total_bytes, 128);
    assert_int_equal(s.total_blocks, 2);
    sanctum_free(b); /* the public free releases plain buffers too */
    test_ctx_free_checked(ctx);
}

static void zero_flag_zeroes(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    uint8_t *p = sc_calloc(ctx, 64, 4, 0);
    assert_non_null(p);
    for (size_t i = 0; i < 256; i++)
        assert_int_equal(p[i], 0);
    assert_int_equal(sc_block_size(p), 256);
    assert_ptr_equal(sc_block_ctx(p), ctx);
    sc_free(p);
    test_ctx_free_checked(ctx);
}

static void calloc_overflow_is_refused(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    assert_null(sc_calloc(ctx, SIZE_MAX / 2, 3, 0));
    assert_null(sc_alloc(ctx, SIZE_MAX - 8, 0));
    assert_null(sc_memdup(ctx, "x", SIZE_MAX, 0));
    test_ctx_free_checked(ctx);
}

static void budget_is_enforced(void **state)
{
    (void)state;
    sanctum_ctx_options o;
    sanctum_ctx_options_init(&o);
    o.memory_budget = 1000;
    sanctum_ctx *ctx = NULL;
    assert_int_equal(sanctum_ctx_new(&ctx, &o, NULL), SANCTUM_OK);
    void *a = sc_alloc(ctx, 600, 0);
    assert_non_null(a);
    assert_null(sc_alloc(ctx, 500, 0)); /* 1100 > 1000 */
    void *b = sc_alloc(ctx, 400, 0);    /* exactly at the budget */
    assert_non_null(b);
    assert_null(sc_realloc(ctx, b, 401)); /* growing past it fails and keeps b */
    assert_int_equal(sc_block_size(b), 400);
    sanctum_stats s = stats_of(ctx);
    assert_int_equal(s.failed_allocs, 2);
    assert_int_equal(s.current_bytes, 1000);
    sc_free(a);
    sc_free(b);
    test_ctx_free_checked(ctx);
}

static void realloc_keeps_content(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    uint8_t *p = sc_realloc(ctx, NULL, 10);
    assert_non_null(p);
    memcpy(p, "0123456789", 10);
    p = sc_realloc(ctx, p, 100000);
    assert_non_null(p);
    assert_memory_equal(p, "0123456789", 10);
    assert_int_equal(stats_of(ctx).current_bytes, 100000);
    p = sc_realloc(ctx, p, 4);
    assert_memory_equal(p, "0123", 4);
    assert_int_equal(stats_of(ctx).current_blocks, 1);
    sc_free(p);
    test_ctx_free_checked(ctx);
}

/* The free hook sees each block after its wipe: record whether secret blocks came back all zero. */
typedef struct wipe_log {
    int secret_blocks;
    int secret_blocks_nonzero;
    int plain_blocks;
} wipe_log;

static void record_free(void *user, const void *block, size_t size, bool secret)
{
    wipe_log *log = user;
    if (!secret) {
        log->plain_blocks++;
        return;
    }
    log->secret_blocks++;
    const uint8_t *p = block;
    for (size_t i = 0; i < size; i++)
        if (p[i] != 0) {
            log->secret_blocks_nonzero++;
            break;
        }
}

static void secret_blocks_are_wiped_on_free_and_move(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    wipe_log log = {0};
    sc_test_set_free_hook(ctx, record_free, &log);
    char *s = sc_alloc(ctx, 32, SC_ALLOC_SECRET);
    assert_non_null(s);
    memcpy(s, "jane.doe@example.com", 21);
    s = sc_realloc(ctx, s, 4096); /* move: the old copy must be wiped */
    assert_non_null(s);
    assert_string_equal(s, "jane.doe@example.com");
    assert_int_equal(log.secret_blocks, 1);
    sc_free(s);
    assert_int_equal(log.secret_blocks, 2);
    char *later = sc_alloc(ctx, 16, 0);
    memcpy(later, "not secret", 11);
    sc_mark_secret(later); /* marking after the fact works too */
    sc_free(later);
    assert_int_equal(log.secret_blocks, 3);
    assert_int_equal(log.secret_blocks_nonzero, 0);
    test_ctx_free_checked(ctx);
}

static void plain_blocks_are_not_wiped(void **state)
{
    (void)state;
    /* Shows the hook can tell: a plain block keeps its bytes up to the free. */
    sanctum_ctx *ctx = test_ctx_new();
    wipe_log log = {0};
    sc_test_set_free_hook(ctx, record_free, &log);
    char *p = sc_alloc(ctx, 8, 0);
    memcpy(p, "abcdefg", 8);
    sc_free(p);
    assert_int_equal(log.plain_blocks, 1);
    assert_int_equal(log.secret_blocks, 0);
    test_ctx_free_checked(ctx);
}

typedef struct owner {
    char *child;
    int *destroyed;
} owner;

static void owner_destroy(void *obj)
{
    owner *o = obj;
    sc_free(o->child);
    (*o->destroyed)++;
}

static void objects_free_what_they_own(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    int destroyed = 0;
    owner *o = sc_object_new(ctx, sizeof *o, owner_destroy);
    assert_non_null(o);
    o->destroyed = &destroyed;
    o->child = sc_memdup(ctx, "child", 5, 0);
    assert_non_null(o->child);
    assert_int_equal(stats_of(ctx).current_blocks, 2);
    sanctum_free(o);
    assert_int_equal(destroyed, 1);
    sanctum_free(NULL);
    sc_free(NULL);
    test_ctx_free_checked(ctx);
}

static void fault_injection_fails_the_nth(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sc_fault_arm(ctx, 3, false);
    void *a = sc_alloc(ctx, 1, 0);
    void *b = sc_alloc(ctx, 1, 0);
    void *c = sc_alloc(ctx, 1, 0); /* the third fails */
    void *d = sc_alloc(ctx, 1, 0); /* transient: the fourth succeeds */
    assert_non_null(a);
    assert_non_null(b);
    assert_null(c);
    assert_non_null(d);
    assert_int_equal(sc_fault_injected(ctx), 1);
    sc_fault_arm(ctx, 1, true);
    assert_null(sc_alloc(ctx, 1, 0));
    assert_null(sc_alloc(ctx, 1, 0));
    assert_null(sc_realloc(ctx, a, 100));
    assert_int_equal(sc_fault_injected(ctx), 3);
    sc_fault_disarm(ctx);
    void *e = sc_alloc(ctx, 1, 0);
    assert_non_null(e);
    sc_free(a);
    sc_free(b);
    sc_free(d);
    sc_free(e);
    assert_int_equal(stats_of(ctx).failed_allocs, 4);
    test_ctx_free_checked(ctx);
}

static void *churn(void *arg)
{
    sanctum_ctx *ctx = arg;
    for (int i = 0; i < 20000; i++) {
        uint8_t *p = sc_alloc(ctx, (size_t)(i % 97) + 1, (i & 1) ? SC_ALLOC_SECRET : 0);
        if (p == NULL)
            return (void *)1;
        p = sc_realloc(ctx, p, (size_t)(i % 13) + 200);
        if (p == NULL)
            return (void *)1;
        sc_free(p);
    }
    return NULL;
}

static void counters_are_thread_safe(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, churn, ctx), 0);
    for (int i = 0; i < 4; i++) {
        void *rc = NULL;
        pthread_join(t[i], &rc);
        assert_null(rc);
    }
    sanctum_stats s = stats_of(ctx);
    assert_int_equal(s.total_blocks, 4 * 20000 * 2);
    /* a move counts old and new block at once: at most two live blocks per thread */
    assert_true(s.peak_blocks >= 1 && s.peak_blocks <= 8);
    test_ctx_free_checked(ctx);
}

static void foreign_pointers_are_refused(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    uint8_t *p = sc_alloc(ctx, 64, 0);
    memset(p, 0, 64);
    /* A pointer into the middle of a block has no valid header: it must not be freed. */
    sanctum_free(p + 48);
    assert_int_equal(stats_of(ctx).current_blocks, 1);
    sc_free(p);
    test_ctx_free_checked(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counts_bytes_and_blocks),
        cmocka_unit_test(zero_flag_zeroes),
        cmocka_unit_test(calloc_overflow_is_refused),
        cmocka_unit_test(budget_is_enforced),
        cmocka_unit_test(realloc_keeps_content),
        cmocka_unit_test(secret_blocks_are_wiped_on_free_and_move),
        cmocka_unit_test(plain_blocks_are_not_wiped),
        cmocka_unit_test(objects_free_what_they_own),
        cmocka_unit_test(fault_injection_fails_the_nth),
        cmocka_unit_test(counters_are_thread_safe),
        cmocka_unit_test(foreign_pointers_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
