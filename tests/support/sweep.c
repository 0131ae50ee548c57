#include "sweep.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>

#include "alloc.h"

static uint64_t outstanding(sanctum_ctx *ctx)
{
    sanctum_stats s = {0};
    (void)sanctum_ctx_stats(ctx, &s);
    return s.current_blocks;
}

static bool sweep_fail(sweep_result *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool sweep_fail(sweep_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->why, sizeof r->why, fmt, ap);
    va_end(ap);
    r->ok = false;
    return false;
}

/* One run with allocation n failing; false (and r->why) on a violation. *clean is set when no fault
 * was injected: the operation has no allocation left to fail. */
static bool run_once(sanctum_ctx *ctx, sweep_op op, void *user, uint64_t n, bool persistent,
                     sweep_result *r, bool *clean)
{
    uint64_t base = outstanding(ctx);
    sanctum_error err;
    sanctum_error_clear(&err);
    sc_fault_arm(ctx, n, persistent);
    sanctum_status st = op(ctx, user, &err);
    uint64_t injected = sc_fault_injected(ctx);
    sc_fault_disarm(ctx);
    uint64_t after = outstanding(ctx);
    const char *mode = persistent ? "persistent" : "transient";
    if (after != base)
        return sweep_fail(r, "%s failure at allocation %llu: %lld blocks leaked (status %s)", mode,
                    (unsigned long long)n, (long long)(after - base), sanctum_status_name(st));
    *clean = injected == 0;
    if (*clean) {
        if (st != SANCTUM_OK)
            return sweep_fail(r, "operation failed with no fault injected: %s: %s", sanctum_status_name(st),
                        err.message);
        return true;
    }
    if (st == SANCTUM_OK)
        return sweep_fail(r, "%s failure at allocation %llu was not reported", mode, (unsigned long long)n);
    if (st != SANCTUM_E_NOMEM)
        return sweep_fail(r, "%s failure at allocation %llu reported as %s, not SANCTUM_E_NOMEM", mode,
                    (unsigned long long)n, sanctum_status_name(st));
    if (err.code != SANCTUM_E_NOMEM || err.message[0] == '\0')
        return sweep_fail(r, "%s failure at allocation %llu: error struct not filled", mode, (unsigned long long)n);
    /* The same failure once more with err = NULL, which every entry point accepts. */
    sc_fault_arm(ctx, n, persistent);
    st = op(ctx, user, NULL);
    sc_fault_disarm(ctx);
    if (st != SANCTUM_E_NOMEM || outstanding(ctx) != base)
        return sweep_fail(r, "%s failure at allocation %llu with err = NULL: status %s, %lld blocks leaked", mode,
                          (unsigned long long)n, sanctum_status_name(st), (long long)(outstanding(ctx) - base));
    return true;
}

sweep_result sweep_allocations(sanctum_ctx *ctx, sweep_op op, void *user, uint64_t max_runs)
{
    sweep_result r = {.ok = true};
    if (max_runs == 0)
        max_runs = 100000;
    for (int persistent = 0; persistent <= 1; persistent++) {
        for (uint64_t n = 1;; n++) {
            if (n > max_runs) {
                sweep_fail(&r, "still failing after %llu runs", (unsigned long long)max_runs);
                return r;
            }
            bool clean = false;
            if (!run_once(ctx, op, user, n, persistent != 0, &r, &clean))
                return r;
            if (clean) {
                r.allocations = n - 1;
                break;
            }
            r.runs++;
        }
    }
    return r;
}

void assert_sweep_clean(sanctum_ctx *ctx, sweep_op op, void *user)
{
    sweep_result r = sweep_allocations(ctx, op, user, 0);
    if (!r.ok)
        fail_msg("allocation sweep: %s", r.why);
    print_message("allocation sweep: %llu failing runs, %llu allocations per clean run\n",
                  (unsigned long long)r.runs, (unsigned long long)r.allocations);
}
