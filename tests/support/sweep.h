/*
 * Allocation-failure sweep (SQLite's malloc tests, curl's torture mode): run an operation with
 * allocation 1, 2, 3, ... failing until it runs with no failure injected, and check each time that
 * the failure was reported as SANCTUM_E_NOMEM with a message, and that nothing was leaked; each failing
 * run is repeated with err = NULL (same status, no leak, no crash). Then the same with persistent
 * failure (every allocation from the N-th on fails).
 */
#ifndef SANCTUM_TEST_SWEEP_H
#define SANCTUM_TEST_SWEEP_H

#include <stdbool.h>
#include <stdint.h>

#include "sanctum.h"

/* The operation under test. It must free whatever it produced before returning (its output is
 * checked through its status only) and fill err on failure; err may be NULL (pass it on as is). */
typedef sanctum_status (*sweep_op)(sanctum_ctx *ctx, void *user, sanctum_error *err);

typedef struct sweep_result {
    bool ok;
    uint64_t runs;          /* runs with a fault injected */
    uint64_t allocations;   /* allocations of the clean run */
    char why[256];          /* what went wrong, when !ok */
} sweep_result;

/* Sweeps op over ctx. Blocks outstanding before the call (a detector made beforehand, say) are the
 * baseline; any change from it after a run is a leak. max_runs bounds the sweep (0 = 100000). */
sweep_result sweep_allocations(sanctum_ctx *ctx, sweep_op op, void *user, uint64_t max_runs);

/* cmocka assertion over sweep_allocations, printing why on failure. */
void assert_sweep_clean(sanctum_ctx *ctx, sweep_op op, void *user);

#endif
