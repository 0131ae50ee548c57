/* Filling sanctum_error. Messages name what was expected and where, never the input's bytes. */
#ifndef SANCTUM_ERROR_H
#define SANCTUM_ERROR_H

#include "internal.h"

/* Fills err (when not NULL) and returns code, so callers can `return sc_error(...)`. */
sanctum_status sc_error(sanctum_error *err, sanctum_status code, uint64_t offset, const char *fmt, ...)
    SC_PRINTF(4, 5);
/* The common out-of-memory / budget error. */
sanctum_status sc_error_nomem(sanctum_error *err);

#endif
