/* Contexts, options, status names, versions, and the layout of every public struct. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "sanctum.h"
#include "test_util.h"

/* Public struct layout is ABI: any change here must come with an ABI major bump. */
_Static_assert(sizeof(sanctum_error) == 256, "sanctum_error layout");
_Static_assert(offsetof(sanctum_error, code) == 0, "sanctum_error.code");
_Static_assert(offsetof(sanctum_error, offset) == 8, "sanctum_error.offset");
_Static_assert(offsetof(sanctum_error, message) == 16, "sanctum_error.message");
_Static_assert(sizeof(((sanctum_error *)0)->message) == SANCTUM_ERROR_MESSAGE_MAX, "message size");
_Static_assert(sizeof(sanctum_ctx_options) == 24, "sanctum_ctx_options layout");
_Static_assert(offsetof(sanctum_ctx_options, max_depth) == 4, "options.max_depth");
_Static_assert(offsetof(sanctum_ctx_options, memory_budget) == 8, "options.memory_budget");
_Static_assert(offsetof(sanctum_ctx_options, max_input_bytes) == 16, "options.max_input_bytes");
_Static_assert(sizeof(sanctum_stats) == 64, "sanctum_stats layout");
_Static_assert(offsetof(sanctum_stats, current_bytes) == 8, "stats.current_bytes");
_Static_assert(offsetof(sanctum_stats, failed_allocs) == 56, "stats.failed_allocs");
_Static_assert(sizeof(sanctum_status) == 4, "enums are int-sized");

static void versions_agree(void **state)
{
    (void)state;
    assert_int_equal(sanctum_abi_version(), SANCTUM_ABI_VERSION);
    assert_int_equal(sanctum_version_number(),
                     SANCTUM_VERSION_MAJOR * 10000 + SANCTUM_VERSION_MINOR * 100 + SANCTUM_VERSION_PATCH);
    char expect[32];
    snprintf(expect, sizeof expect, "%d.%d.%d", SANCTUM_VERSION_MAJOR, SANCTUM_VERSION_MINOR,
             SANCTUM_VERSION_PATCH);
    assert_string_equal(sanctum_version_string(), expect);
}

static void every_status_has_a_name(void **state)
{
    (void)state;
    assert_string_equal(sanctum_status_name(SANCTUM_OK), "SANCTUM_OK");
    assert_string_equal(sanctum_status_name(SANCTUM_E_NOMEM), "SANCTUM_E_NOMEM");
    assert_string_equal(sanctum_status_name(SANCTUM_E_INTERNAL), "SANCTUM_E_INTERNAL");
    for (int s = SANCTUM_OK; s <= SANCTUM_E_INTERNAL; s++) {
        assert_string_not_equal(sanctum_status_name((sanctum_status)s), "SANCTUM_E_UNKNOWN");
        assert_string_not_equal(sanctum_status_message((sanctum_status)s), "unknown status");
    }
    assert_string_equal(sanctum_status_name((sanctum_status)(SANCTUM_E_INTERNAL + 1)), "SANCTUM_E_UNKNOWN");
    assert_string_equal(sanctum_status_name((sanctum_status)-1), "SANCTUM_E_UNKNOWN");
    assert_string_equal(sanctum_status_message((sanctum_status)99), "unknown status");
}

static void options_defaults(void **state)
{
    (void)state;
    sanctum_ctx_options o;
    memset(&o, 0xAB, sizeof o);
    sanctum_ctx_options_init(&o);
    assert_int_equal(o.struct_size, sizeof o);
    assert_int_equal(o.max_depth, 1024);
    assert_int_equal(o.memory_budget, 0);
    assert_int_equal(o.max_input_bytes, 64u << 20);

    sanctum_ctx *ctx = test_ctx_new();
    sanctum_ctx_options got = {0};
    assert_int_equal(sanctum_ctx_get_options(ctx, &got), SANCTUM_OK);
    assert_memory_equal(&got, &o, sizeof o);
    test_ctx_free_checked(ctx);
}

static void options_are_validated(void **state)
{
    (void)state;
    sanctum_ctx *ctx = (sanctum_ctx *)&ctx; /* must be reset to NULL on failure */
    sanctum_error err;
    sanctum_ctx_options o;
    sanctum_ctx_options_init(&o);
    o.struct_size = 3;
    assert_int_equal(sanctum_ctx_new(&ctx, &o, &err), SANCTUM_E_INVALID_ARG);
    assert_null(ctx);
    assert_int_equal(err.code, SANCTUM_E_INVALID_ARG);
    assert_true(err.offset == SANCTUM_NO_OFFSET);
    assert_non_null(strstr(err.message, "struct_size"));
    sanctum_ctx_options_init(&o);
    o.max_depth = 0;
    assert_int_equal(sanctum_ctx_new(&ctx, &o, &err), SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_ctx_new(NULL, NULL, &err), SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_ctx_stats(NULL, NULL), SANCTUM_E_INVALID_ARG);
    sanctum_ctx_free(NULL);
}

static void older_option_structs_are_accepted(void **state)
{
    (void)state;
    /* A caller built when the struct ended after memory_budget: max_input_bytes keeps its default. */
    sanctum_ctx_options o;
    sanctum_ctx_options_init(&o);
    o.struct_size = (uint32_t)offsetof(sanctum_ctx_options, max_input_bytes);
    o.memory_budget = 4096;
    o.max_input_bytes = 1; /* beyond the old struct: must be ignored */
    sanctum_ctx *ctx = NULL;
    assert_int_equal(sanctum_ctx_new(&ctx, &o, NULL), SANCTUM_OK);
    sanctum_ctx_options got;
    sanctum_ctx_options_init(&got);
    assert_int_equal(sanctum_ctx_get_options(ctx, &got), SANCTUM_OK);
    assert_int_equal(got.memory_budget, 4096);
    assert_int_equal(got.max_input_bytes, 64u << 20);
    test_ctx_free_checked(ctx);
}

static void older_stats_structs_get_only_known_fields(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    uint8_t raw[sizeof(sanctum_stats) + 8];
    memset(raw, 0x5A, sizeof raw);
    sanctum_stats *s = (sanctum_stats *)(void *)raw;
    s->struct_size = 16; /* knows struct_size, reserved, current_bytes */
    assert_int_equal(sanctum_ctx_stats(ctx, s), SANCTUM_OK);
    for (size_t i = 16; i < sizeof raw; i++)
        assert_int_equal(raw[i], 0x5A);
    test_ctx_free_checked(ctx);
}

static void error_clear_resets(void **state)
{
    (void)state;
    sanctum_error err;
    memset(&err, 0x41, sizeof err);
    sanctum_error_clear(&err);
    assert_int_equal(err.code, SANCTUM_OK);
    assert_true(err.offset == SANCTUM_NO_OFFSET);
    assert_int_equal(err.message[0], '\0');
    sanctum_error_clear(NULL);
}

static void wipe_zeroes(void **state)
{
    (void)state;
    char buf[32];
    memset(buf, 'x', sizeof buf);
    sanctum_wipe(buf, 16);
    for (int i = 0; i < 16; i++)
        assert_int_equal(buf[i], 0);
    assert_int_equal(buf[16], 'x');
    sanctum_wipe(NULL, 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(versions_agree),
        cmocka_unit_test(every_status_has_a_name),
        cmocka_unit_test(options_defaults),
        cmocka_unit_test(options_are_validated),
        cmocka_unit_test(older_option_structs_are_accepted),
        cmocka_unit_test(older_stats_structs_get_only_known_fields),
        cmocka_unit_test(error_clear_resets),
        cmocka_unit_test(wipe_zeroes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
