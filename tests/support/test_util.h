/* Small helpers shared by the C tests. */
#ifndef SANCTUM_TEST_UTIL_H
#define SANCTUM_TEST_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "sanctum.h"

/* A fresh context with default options; fails the test if it cannot be made. */
sanctum_ctx *test_ctx_new(void);
/* Frees ctx after asserting that nothing it handed out is still allocated. */
void test_ctx_free_checked(sanctum_ctx *ctx);

/* Reads a whole file with malloc (the test's own memory, not the library's); NULL on error. */
uint8_t *test_read_file(const char *path, size_t *len);

#endif
