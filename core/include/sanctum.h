/*
 * sanctum.h — the whole public ABI of libsanctumcore.
 *
 * Conventions (they hold for every function below unless its comment says otherwise):
 *
 *  - Inputs are (const uint8_t *ptr, size_t len). Nothing relies on NUL termination; ptr may be NULL
 *    when len is 0.
 *  - Every fallible call returns a sanctum_status and, when `err` is not NULL, fills it with the code,
 *    the byte offset in the input where the problem was found (or SANCTUM_NO_OFFSET) and a message.
 *    Messages never contain input bytes: secrets and personal data stay out of errors.
 *  - Out-parameters come first and are named `out`. On failure *out is left NULL/untouched: there is
 *    never partial output.
 *  - Ownership: a `T **out` result is owned by the caller and released with sanctum_free(); a
 *    `const T *` return is borrowed from its parent and lives as long as the parent does.
 *  - Everything is allocated from a sanctum_ctx (memory budget, counters). Objects made from a context
 *    must be freed before the context.
 *  - Thread safety: a context may be used by many threads at once (its counters are atomic). Other
 *    handles are single-threaded unless their section says otherwise. The library has no global
 *    mutable state.
 *
 * The region between the cdef markers is plain C declarations only (no macros, attributes or
 * preprocessor lines), so the Python bindings can hand it to cffi as is.
 */
#ifndef SANCTUM_H
#define SANCTUM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Compile-time twins of sanctum_version_number() and sanctum_abi_version(). */
#define SANCTUM_VERSION_MAJOR 0
#define SANCTUM_VERSION_MINOR 1
#define SANCTUM_VERSION_PATCH 0
#define SANCTUM_ABI_VERSION 1
#define SANCTUM_NO_OFFSET UINT64_MAX
#define SANCTUM_ERROR_MESSAGE_MAX 240

#if defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

/* @cdef-begin */

/* ===== Foundation: versions, status, errors ===== */

/* Status codes. Values are part of the ABI and are never renumbered. */
typedef enum sanctum_status {
    SANCTUM_OK = 0,
    SANCTUM_E_INVALID_ARG = 1,   /* a NULL handle, bad option or out-of-range value */
    SANCTUM_E_NOMEM = 2,         /* allocation failed or the context's memory budget is spent */
    SANCTUM_E_LIMIT = 3,         /* an input exceeds a configured limit (size, depth, count) */
    SANCTUM_E_PARSE = 4,         /* malformed input (JSON, rules file, placeholder, ...) */
    SANCTUM_E_UTF8 = 5,          /* invalid UTF-8 */
    SANCTUM_E_IO = 6,            /* a file could not be read or written */
    SANCTUM_E_NOT_FOUND = 7,     /* no such item */
    SANCTUM_E_EXISTS = 8,        /* the item already exists */
    SANCTUM_E_CRYPTO = 9,        /* authentication or a crypto primitive failed */
    SANCTUM_E_DB = 10,           /* the database refused an operation */
    SANCTUM_E_TAMPERED = 11,     /* an integrity check failed */
    SANCTUM_E_UNSUPPORTED = 12,  /* a format or version this build does not handle */
    SANCTUM_E_BUFFER_TOO_SMALL = 13, /* a caller buffer is too small; the error says how much is needed */
    SANCTUM_E_STATE = 14,        /* the call is not valid in the handle's current state */
    SANCTUM_E_INTERNAL = 15      /* a bug: please report it */
} sanctum_status;

/* Filled by fallible calls. Caller-owned; no allocation happens on the error path. */
typedef struct sanctum_error {
    sanctum_status code; /* int-sized (pinned by tests) */
    uint32_t reserved;
    uint64_t offset;     /* byte offset into the input, or SANCTUM_NO_OFFSET */
    char message[240];   /* NUL-terminated, never holds input bytes */
} sanctum_error;

/* Library version as MAJOR*10000 + MINOR*100 + PATCH, and as a static string. */
uint32_t sanctum_version_number(void);
const char *sanctum_version_string(void);
/* ABI major: equals SANCTUM_ABI_VERSION of the header the library was built from and the SONAME. */
uint32_t sanctum_abi_version(void);

/* Stable symbolic name ("SANCTUM_E_NOMEM") and a short description of a status. Static strings;
 * an unknown value gives "SANCTUM_E_UNKNOWN". */
const char *sanctum_status_name(sanctum_status status);
const char *sanctum_status_message(sanctum_status status);

/* Sets err to SANCTUM_OK, no offset, empty message. err may be NULL. */
void sanctum_error_clear(sanctum_error *err);

/* Wipes len bytes at ptr in a way the compiler cannot optimise away (libsodium sodium_memzero). */
void sanctum_wipe(void *ptr, size_t len);

/* ===== Foundation: contexts, memory accounting, one free ===== */

typedef struct sanctum_ctx sanctum_ctx;

/* Options for sanctum_ctx_new. Call sanctum_ctx_options_init first; fields may be appended in later
 * versions, and struct_size tells the library which ones the caller knows. */
typedef struct sanctum_ctx_options {
    uint32_t struct_size;     /* sizeof(sanctum_ctx_options), set by _init */
    uint32_t max_depth;       /* nesting limit for structured inputs; default 1024 */
    uint64_t memory_budget;   /* bytes this context may hold at once; 0 = unlimited (default) */
    uint64_t max_input_bytes; /* largest single input accepted; default 64 MiB */
} sanctum_ctx_options;

/* Memory counters of a context. Bytes count what callers asked for, not allocator overhead. */
typedef struct sanctum_stats {
    uint32_t struct_size;     /* set by the caller to sizeof(sanctum_stats) or 0 */
    uint32_t reserved;
    uint64_t current_bytes;
    uint64_t peak_bytes;
    uint64_t total_bytes;     /* sum over all allocations ever made */
    uint64_t current_blocks;
    uint64_t peak_blocks;
    uint64_t total_blocks;
    uint64_t failed_allocs;   /* refused by the budget, the system or fault injection */
} sanctum_stats;

/* Fills opts with the defaults. opts may not be NULL. */
void sanctum_ctx_options_init(sanctum_ctx_options *opts);

/* Creates a context. opts may be NULL for the defaults. Caller owns *out: sanctum_ctx_free.
 * Thread-safe. Errors: SANCTUM_E_INVALID_ARG, SANCTUM_E_NOMEM, SANCTUM_E_CRYPTO (libsodium init). */
sanctum_status sanctum_ctx_new(sanctum_ctx **out, const sanctum_ctx_options *opts, sanctum_error *err);

/* Frees a context. Everything it handed out must have been freed before (in debug builds a context
 * with outstanding blocks is reported on stderr, by count only). NULL is a no-op. */
void sanctum_ctx_free(sanctum_ctx *ctx);

/* Copies the context's counters into *out. Thread-safe. */
sanctum_status sanctum_ctx_stats(const sanctum_ctx *ctx, sanctum_stats *out);

/* Copies the context's effective options (defaults resolved) into *out. */
sanctum_status sanctum_ctx_get_options(const sanctum_ctx *ctx, sanctum_ctx_options *out);

/* The one free function for everything the library hands out through a `**out` parameter: buffers
 * and handles alike (a handle's own resources go with it). Memory that may have held secrets or
 * personal data is wiped first. NULL is a no-op. Thread-safe for distinct pointers. */
void sanctum_free(void *ptr);

/* ===== JSON chat parser (core/src/json) ===== */

/* ===== PII detector (core/src/pii) ===== */

/* ===== Anonymize/restore mapper (core/src/mapper) ===== */

/* ===== Token-pattern scanner (core/src/scan) ===== */

/* ===== Secret-age ledger (core/src/ledger) ===== */

/* @cdef-end */

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* SANCTUM_H */
