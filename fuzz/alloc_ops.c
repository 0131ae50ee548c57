/* Fuzz harness: the audited allocator under arbitrary sequences of alloc/realloc/free, budgets and
 * injected failures. Invariants: the context's byte and block counts always equal what is live, the
 * budget is never exceeded, content survives reallocation, and everything returns to zero. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "fuzz.h"

enum { SLOTS = 16 };

static void check(sanctum_ctx *ctx, void *const slots[SLOTS], const sanctum_ctx_options *o)
{
    uint64_t bytes = 0, blocks = 0;
    for (int i = 0; i < SLOTS; i++)
        if (slots[i] != NULL) {
            bytes += sc_block_size(slots[i]);
            blocks++;
            /* each block is filled with its slot number: a move must keep it */
            const uint8_t *p = slots[i];
            for (size_t k = 0; k < sc_block_size(slots[i]); k++)
                if (p[k] != (uint8_t)i)
                    abort();
        }
    sanctum_stats s = {0};
    sanctum_ctx_stats(ctx, &s);
    if (s.current_bytes != bytes || s.current_blocks != blocks)
        abort();
    if (o->memory_budget != 0 && s.peak_bytes > o->memory_budget)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0; /* each step re-checks every live block: keep runs short */
    fuzz_reader r = {data, size};
    sanctum_ctx_options o;
    sanctum_ctx_options_init(&o);
    o.memory_budget = (uint64_t)fuzz_next(&r) * 64u; /* 0 = unlimited */
    sanctum_ctx *ctx = NULL;
    if (sanctum_ctx_new(&ctx, &o, NULL) != SANCTUM_OK)
        abort();
    void *slots[SLOTS] = {0};
    while (r.n > 0) {
        uint8_t op = fuzz_next(&r);
        int slot = op & (SLOTS - 1);
        size_t len = (size_t)fuzz_next(&r) * 8u;
        switch (op >> 4) {
        case 0: case 1: case 2: case 3:
            if (slots[slot] == NULL) {
                slots[slot] = sc_alloc(ctx, len, (op & 0x20) ? SC_ALLOC_SECRET : 0);
                if (slots[slot] != NULL)
                    memset(slots[slot], slot, len);
            }
            break;
        case 4: case 5: case 6: case 7: {
            void *q = sc_realloc(ctx, slots[slot], len);
            if (q != NULL) {
                memset(q, slot, len); /* content checked by check() before the next change */
                slots[slot] = q;
            }
            break;
        }
        case 8: case 9: case 10: case 11:
            sc_free(slots[slot]);
            slots[slot] = NULL;
            break;
        case 12:
            sc_fault_arm(ctx, (uint64_t)(op & 7) + 1, (op & 8) != 0);
            break;
        default:
            sc_fault_disarm(ctx);
            break;
        }
        check(ctx, slots, &o);
    }
    for (int i = 0; i < SLOTS; i++)
        sanctum_free(slots[i]);
    sanctum_stats s = {0};
    sanctum_ctx_stats(ctx, &s);
    if (s.current_bytes != 0 || s.current_blocks != 0)
        abort();
    sanctum_ctx_free(ctx);
    return 0;
}
