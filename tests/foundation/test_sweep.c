/* The allocation sweep harness passes a clean operation and catches every way of getting it wrong.
 * The negative cases prove the harness can fail (s2n's memory_leak_negative_test idea). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "error.h"
#include "sweep.h"
#include "test_util.h"

enum { STEPS = 5 };

/* Allocates STEPS blocks; on any failure frees what it has and reports NOMEM. Mode selects a bug. */
typedef enum bug { NO_BUG, LEAK_ON_FAILURE, SWALLOW_FAILURE, WRONG_STATUS, LEAK_ON_SUCCESS } bug;

/* The deliberately leaked blocks are kept here so the test can release them afterwards (the sweep
 * must see them as leaks; LeakSanitizer must not). */
typedef struct op_state {
    bug mode;
    void *leaked[64];
    int nleaked;
} op_state;

static void leak(op_state *s, void **slot)
{
    if (s->nleaked < 64)
        s->leaked[s->nleaked++] = *slot;
    *slot = NULL;
}

static sanctum_status op(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    op_state *state = user;
    bug mode = state->mode;
    void *blocks[STEPS] = {0};
    sanctum_status st = SANCTUM_OK;
    for (int i = 0; i < STEPS; i++) {
        blocks[i] = sc_alloc(ctx, 16u * (unsigned)(i + 1), 0);
        if (blocks[i] == NULL) {
            if (mode == SWALLOW_FAILURE)
                continue;
            if (mode == WRONG_STATUS) {
                st = sc_error(err, SANCTUM_E_PARSE, 0, "wrong code");
                break;
            }
            st = sc_error_nomem(err);
            if (mode == LEAK_ON_FAILURE && i > 0)
                leak(state, &blocks[0]); /* forget the first block */
            break;
        }
    }
    if (mode == LEAK_ON_SUCCESS && st == SANCTUM_OK)
        leak(state, &blocks[STEPS - 1]);
    for (int i = 0; i < STEPS; i++)
        sc_free(blocks[i]);
    return st;
}

static void clean_operation_passes(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    void *keep = sc_alloc(ctx, 8, 0); /* outstanding before the sweep: the baseline, not a leak */
    op_state st = {.mode = NO_BUG};
    sweep_result r = sweep_allocations(ctx, op, &st, 0);
    assert_true(r.ok);
    assert_int_equal(r.allocations, STEPS);
    assert_int_equal(r.runs, 2 * STEPS); /* transient and persistent */
    sc_free(keep);
    test_ctx_free_checked(ctx);
}

static void expect_caught(bug mode, const char *needle)
{
    sanctum_ctx *ctx = test_ctx_new();
    op_state state = {.mode = mode};
    sweep_result r = sweep_allocations(ctx, op, &state, 0);
    assert_false(r.ok);
    if (strstr(r.why, needle) == NULL)
        fail_msg("expected '%s' in '%s'", needle, r.why);
    for (int i = 0; i < state.nleaked; i++)
        sc_free(state.leaked[i]);
    test_ctx_free_checked(ctx);
}

static void leak_on_failure_is_caught(void **state)
{
    (void)state;
    expect_caught(LEAK_ON_FAILURE, "leaked");
}

static void leak_on_success_is_caught(void **state)
{
    (void)state;
    expect_caught(LEAK_ON_SUCCESS, "leaked");
}

static void swallowed_failure_is_caught(void **state)
{
    (void)state;
    expect_caught(SWALLOW_FAILURE, "not reported");
}

static void wrong_status_is_caught(void **state)
{
    (void)state;
    expect_caught(WRONG_STATUS, "not SANCTUM_E_NOMEM");
}

static sanctum_status ctx_roundtrip(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    (void)user;
    /* sanctum_free on objects and buffers: the public free path under fault injection. */
    char *a = sc_memdup(ctx, "abc", 3, SC_ALLOC_SECRET);
    if (a == NULL)
        return sc_error_nomem(err);
    char *b = sc_realloc(ctx, a, 4096);
    if (b == NULL) {
        sanctum_free(a);
        return sc_error_nomem(err);
    }
    sanctum_free(b);
    return SANCTUM_OK;
}

static void allocator_paths_sweep_clean(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    assert_sweep_clean(ctx, ctx_roundtrip, NULL);
    test_ctx_free_checked(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_operation_passes),
        cmocka_unit_test(leak_on_failure_is_caught),
        cmocka_unit_test(leak_on_success_is_caught),
        cmocka_unit_test(swallowed_failure_is_caught),
        cmocka_unit_test(wrong_status_is_caught),
        cmocka_unit_test(allocator_paths_sweep_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
