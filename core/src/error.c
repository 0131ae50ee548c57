#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct status_text {
    const char *name;
    const char *message;
} status_text;

/* Indexed by sanctum_status; kept in step with the enum by tests/foundation/test_context.c. */
static const status_text STATUS_TEXT[] = {
    {"SANCTUM_OK", "success"},
    {"SANCTUM_E_INVALID_ARG", "invalid argument"},
    {"SANCTUM_E_NOMEM", "out of memory or memory budget exceeded"},
    {"SANCTUM_E_LIMIT", "input exceeds a configured limit"},
    {"SANCTUM_E_PARSE", "malformed input"},
    {"SANCTUM_E_UTF8", "invalid UTF-8"},
    {"SANCTUM_E_IO", "input/output error"},
    {"SANCTUM_E_NOT_FOUND", "not found"},
    {"SANCTUM_E_EXISTS", "already exists"},
    {"SANCTUM_E_CRYPTO", "cryptographic check or primitive failed"},
    {"SANCTUM_E_DB", "database error"},
    {"SANCTUM_E_TAMPERED", "integrity check failed"},
    {"SANCTUM_E_UNSUPPORTED", "unsupported format or version"},
    {"SANCTUM_E_BUFFER_TOO_SMALL", "buffer too small"},
    {"SANCTUM_E_STATE", "operation not valid in the current state"},
    {"SANCTUM_E_INTERNAL", "internal error"},
};

#define STATUS_COUNT (sizeof STATUS_TEXT / sizeof STATUS_TEXT[0])

/* The caller may pass any int through the enum type (bindings do): range-check as unsigned. */
const char *sanctum_status_name(sanctum_status status)
{
    unsigned i = (unsigned)status;
    return i < STATUS_COUNT ? STATUS_TEXT[i].name : "SANCTUM_E_UNKNOWN";
}

const char *sanctum_status_message(sanctum_status status)
{
    unsigned i = (unsigned)status;
    return i < STATUS_COUNT ? STATUS_TEXT[i].message : "unknown status";
}

void sanctum_error_clear(sanctum_error *err)
{
    if (err == NULL)
        return;
    err->code = SANCTUM_OK;
    err->reserved = 0;
    err->offset = SANCTUM_NO_OFFSET;
    err->message[0] = '\0';
}

sanctum_status sc_error(sanctum_error *err, sanctum_status code, uint64_t offset, const char *fmt, ...)
{
    if (err == NULL)
        return code;
    err->code = code;
    err->reserved = 0;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    if (n < 0)
        err->message[0] = '\0';
    return code;
}

sanctum_status sc_error_nomem(sanctum_error *err)
{
    return sc_error(err, SANCTUM_E_NOMEM, SANCTUM_NO_OFFSET, "out of memory or memory budget exceeded");
}
