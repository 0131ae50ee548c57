/* Helpers shared by the ledger tests. */
#ifndef LEDGER_TEST_UTIL_H
#define LEDGER_TEST_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sanctum.h"

#define T_DAY 86400
#define T_EPOCH 1767225600 /* 2026-01-01T00:00:00Z */

static const uint8_t TEST_KEY[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                     17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

/* Opens path (":memory:" or a file) with TEST_KEY, creating it, at a fixed now. */
static inline sanctum_status tl_open(sanctum_ledger **out, sanctum_ctx *ctx, const char *path, int64_t now,
                                     sanctum_error *err)
{
    sanctum_ledger_options o;
    sanctum_ledger_options_init(&o);
    o.flags = SANCTUM_LEDGER_CREATE | SANCTUM_LEDGER_FIXED_NOW;
    o.path = (const uint8_t *)path;
    o.path_len = strlen(path);
    o.key = TEST_KEY;
    o.key_len = sizeof TEST_KEY;
    o.now = now;
    return sanctum_ledger_open(out, ctx, &o, err);
}

static inline sanctum_status tl_add(sanctum_ledger *l, const char *name, uint32_t max_age, uint32_t auto_days,
                                    int64_t created, const char *value, sanctum_error *err)
{
    sanctum_ledger_spec sp;
    sanctum_ledger_spec_init(&sp);
    sp.name = (const uint8_t *)name;
    sp.name_len = strlen(name);
    sp.provider = (const uint8_t *)"testprov";
    sp.provider_len = 8;
    sp.locations = (const uint8_t *)"keychain:test\nsops:a.yaml";
    sp.locations_len = strlen("keychain:test\nsops:a.yaml");
    sp.max_age_days = max_age;
    sp.auto_rotate_days = auto_days;
    sp.created_at = created;
    if (value != NULL) {
        sp.value = (const uint8_t *)value;
        sp.value_len = strlen(value);
    }
    return sanctum_ledger_add(l, &sp, (const uint8_t *)"tester", 6, err);
}

#endif
