#include "test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

sanctum_ctx *test_ctx_new(void)
{
    sanctum_ctx *ctx = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_ctx_new(&ctx, NULL, &err), SANCTUM_OK);
    assert_non_null(ctx);
    return ctx;
}

void test_ctx_free_checked(sanctum_ctx *ctx)
{
    sanctum_stats s = {0};
    assert_int_equal(sanctum_ctx_stats(ctx, &s), SANCTUM_OK);
    assert_int_equal(s.current_blocks, 0);
    assert_int_equal(s.current_bytes, 0);
    sanctum_ctx_free(ctx);
}

uint8_t *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        uint8_t *nb = realloc(buf, cap * 2);
        if (nb == NULL) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    *len = n;
    return buf;
}
