/* Fuzz harness: the known-identities file loader and matcher over arbitrary text. Properties: failure
 * leaves *out NULL and fills the error (a parse-class status, offset inside the text, a message);
 * success gives a handle whose matches in its own text and in a sample are sorted, non-overlapping,
 * in bounds, scored 1.0 and the same on a second run; nothing leaks. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "sanctum.h"

static const char SAMPLE[] = "Roe, Jane (jane@nas.lan, +1 (202) 555-0143) lives at 12 Main St, Springfield; "
                             "acct 1234-5678, IBAN DE89 3704 0044 0532 0130 00, SSN 219 09 9999.";

static void check(const sanctum_identities *ids, const uint8_t *t, size_t n)
{
    sanctum_detection *a = NULL, *b = NULL;
    sanctum_error err;
    sanctum_status st = sanctum_identities_detect(&a, ids, t, n, &err);
    if (st != SANCTUM_OK)
        abort(); /* no limit is near, memory is there */
    if (sanctum_identities_detect(&b, ids, t, n, &err) != SANCTUM_OK || a->count != b->count ||
        (a->count != 0 && memcmp(a->entities, b->entities, a->count * sizeof *a->entities) != 0))
        abort();
    uint64_t prev_end = 0;
    for (size_t i = 0; i < a->count; i++) {
        const sanctum_pii_entity *e = &a->entities[i];
        if (e->start >= e->end || e->end > n || e->start < prev_end || e->score != 1.0 ||
            e->type < 0 || e->type >= SANCTUM_ENTITY_COUNT)
            abort();
        prev_end = e->end;
    }
    sanctum_free(a);
    sanctum_free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    sanctum_ctx *ctx = NULL;
    if (sanctum_ctx_new(&ctx, NULL, NULL) != SANCTUM_OK)
        abort();
    sanctum_identities *ids = (sanctum_identities *)(uintptr_t)1;
    sanctum_error err;
    sanctum_status st = sanctum_identities_load(&ids, ctx, data, size, &err);
    if (st != SANCTUM_OK) {
        if (ids != NULL || err.message[0] == '\0' || err.code != st ||
            (st != SANCTUM_E_PARSE && st != SANCTUM_E_UTF8 && st != SANCTUM_E_LIMIT) ||
            (err.offset > size && err.offset != SANCTUM_NO_OFFSET))
            abort();
    } else {
        if (sanctum_identities_count(ids) > 4096)
            abort();
        check(ids, data, size);
        check(ids, (const uint8_t *)SAMPLE, sizeof SAMPLE - 1);
        sanctum_free(ids);
    }
    sanctum_stats cs;
    memset(&cs, 0, sizeof cs);
    cs.struct_size = (uint32_t)sizeof cs;
    sanctum_ctx_stats(ctx, &cs);
    if (cs.current_blocks != 0)
        abort();
    sanctum_ctx_free(ctx);
    return 0;
}
