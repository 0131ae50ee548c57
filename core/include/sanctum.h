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
    int32_t code;        /* a sanctum_status */
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
const char *sanctum_status_name(int32_t status);
const char *sanctum_status_message(int32_t status);

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

/* A compiled rule set (built-in rules, custom rules or both) plus options. Immutable once built: one
 * scanner may be used by many threads at once (each call allocates its own match state from the
 * scanner's context). Rules format, limits and the built-in set: docs/scan.md. */
typedef struct sanctum_scanner sanctum_scanner;

/* Bits of sanctum_scan_options.flags. */
typedef enum sanctum_scan_flag {
    SANCTUM_SCAN_NO_BUILTIN = 1,   /* use only the custom rules given to sanctum_scanner_new */
    SANCTUM_SCAN_NO_INLINE_ALLOW = 2 /* ignore "sanctum:allow" comments */
} sanctum_scan_flag;

typedef struct sanctum_scan_options {
    uint32_t struct_size;      /* sizeof(sanctum_scan_options), set by _init */
    uint32_t flags;            /* sanctum_scan_flag bits; default 0 */
    uint32_t redact_keep;      /* leading characters of a secret kept in its redacted form; default 4,
                                  never more than a quarter of the secret */
    uint32_t max_findings;     /* per buffer; more are dropped and the result says truncated; default 10000 */
    uint64_t match_limit;      /* PCRE2 match limit per regex call (bounds time on hostile input);
                                  default 1000000 */
    const uint8_t *fingerprint_key; /* 16..64 bytes keying BLAKE2b fingerprints; copied. NULL = no
                                  fingerprints (empty strings) */
    size_t fingerprint_key_len;
} sanctum_scan_options;

/* One finding. Offsets are byte offsets into the scanned buffer; line and column are 1-based, the
 * column counted in Unicode code points (bytes of invalid UTF-8 count one each). */
typedef struct sanctum_scan_finding {
    const char *rule_id;       /* NUL-terminated, owned by the result */
    const char *description;   /* NUL-terminated, owned by the result */
    const char *fingerprint;   /* 64 lower-case hex chars of keyed BLAKE2b-256(rule id, 0, secret), or "" */
    const char *redacted;      /* printable ASCII: the first characters of the secret then "*****" */
    uint64_t offset;           /* whole match */
    uint64_t length;
    uint64_t secret_offset;    /* the secret inside it */
    uint64_t secret_length;
    uint64_t line;             /* of secret_offset */
    uint64_t column;
    uint64_t end_line;         /* of the last byte of the secret */
    uint64_t end_column;       /* one past the last code point of the secret */
    uint32_t rule_index;       /* index into the scanner's rules */
    uint32_t reserved;
} sanctum_scan_finding;

/* The findings of one buffer, in order of secret_offset. One block: free it with sanctum_free (it is
 * wiped: redacted forms hold the first characters of secrets). */
typedef struct sanctum_scan_result {
    uint32_t struct_size;
    uint32_t truncated;        /* 1 when max_findings was reached */
    uint64_t count;
    uint64_t incomplete;       /* regex calls stopped by the match limit (their region was skipped) */
    const sanctum_scan_finding *findings;
} sanctum_scan_result;

/* Fills opts with the defaults. */
void sanctum_scan_options_init(sanctum_scan_options *opts);

/* Builds a scanner from the built-in rules (unless SANCTUM_SCAN_NO_BUILTIN) followed by the custom
 * rules text rules[0..rules_len) (may be empty). A rules error gives SANCTUM_E_PARSE, E_LIMIT or
 * E_EXISTS (duplicate id) with the byte offset in the custom text and "rules line L column C: what
 * was expected" in the message. opts may be NULL for the defaults. Caller owns *out (sanctum_free).
 * The scanner keeps ctx: free the scanner before the context. Thread-safe. */
sanctum_status sanctum_scanner_new(sanctum_scanner **out, sanctum_ctx *ctx, const sanctum_scan_options *opts,
                                   const uint8_t *rules, size_t rules_len, sanctum_error *err);

/* Number of rules, and the id / description of rule i (borrowed from the scanner; NULL when i is out
 * of range). Thread-safe. */
uint32_t sanctum_scanner_rule_count(const sanctum_scanner *scanner);
const char *sanctum_scanner_rule_id(const sanctum_scanner *scanner, uint32_t index);
const char *sanctum_scanner_rule_description(const sanctum_scanner *scanner, uint32_t index);

/* Scans buf[0..len) (any bytes; at most the context's max_input_bytes). path[0..path_len) labels the
 * buffer for path allow rules (may be empty). Caller owns *out (sanctum_free). Thread-safe: many
 * threads may scan with one scanner. Errors: E_INVALID_ARG, E_LIMIT, E_NOMEM. */
sanctum_status sanctum_scan_buffer(const sanctum_scanner *scanner, sanctum_scan_result **out,
                                   const uint8_t *buf, size_t len, const uint8_t *path, size_t path_len,
                                   sanctum_error *err);

/* True (1) when the scanner's path allow rules exclude path[0..path_len) entirely. Thread-safe. */
int32_t sanctum_scanner_path_allowed(const sanctum_scanner *scanner, const uint8_t *path, size_t path_len);

/* Report writers: text, JSON lines and SARIF 2.1.0, reusable by every front end. */
typedef enum sanctum_scan_format {
    SANCTUM_SCAN_FORMAT_TEXT = 0,
    SANCTUM_SCAN_FORMAT_JSONL = 1,
    SANCTUM_SCAN_FORMAT_SARIF = 2
} sanctum_scan_format;

typedef enum sanctum_scan_report_flag {
    SANCTUM_SCAN_REPORT_NO_REDACT = 1  /* write the full secret instead of the redacted form */
} sanctum_scan_report_flag;

typedef struct sanctum_scan_report sanctum_scan_report;

/* A report being written. baseline[0..baseline_len) is an earlier report of ours (JSON lines or SARIF)
 * or a list of fingerprints one per line; findings whose fingerprint it holds are left out (made with
 * a different fingerprint key, it suppresses nothing). Caller owns *out (sanctum_free); it borrows the
 * scanner. Single-threaded. */
sanctum_status sanctum_scan_report_new(sanctum_scan_report **out, const sanctum_scanner *scanner,
                                       int32_t format, uint32_t flags, const uint8_t *baseline,
                                       size_t baseline_len, sanctum_error *err);

/* Adds the findings of one buffer: res from sanctum_scan_buffer over buf[0..len) and the file name
 * to report (UTF-8, '/'-separated, relative to the scanned root). Returns the number of findings
 * added (those not in the baseline) through *added (may be NULL). */
sanctum_status sanctum_scan_report_add(sanctum_scan_report *report, const sanctum_scan_result *res,
                                       const uint8_t *buf, size_t len, const uint8_t *file, size_t file_len,
                                       uint64_t *added, sanctum_error *err);

/* Moves the report text written so far into a new buffer *out (caller owns, sanctum_free; wiped on
 * free) of *out_len bytes. With final != 0 the report is closed (SARIF's closing brackets) and later
 * adds fail with E_STATE. Text and JSON lines come out as they are added; SARIF only when final. */
sanctum_status sanctum_scan_report_take(sanctum_scan_report *report, int32_t final, uint8_t **out,
                                        size_t *out_len, sanctum_error *err);

/* Gitignore-style path matcher (the walker's excludes). patterns: gitignore syntax, one per line
 * ('#' comments, '!' negation, trailing '/' for directories, leading or inner '/' anchors, '*', '?',
 * '[...]', '**'). Caller owns *out (sanctum_free). Immutable once built: thread-safe. */
typedef struct sanctum_scan_ignore sanctum_scan_ignore;
sanctum_status sanctum_scan_ignore_new(sanctum_scan_ignore **out, sanctum_ctx *ctx, const uint8_t *patterns,
                                       size_t len, sanctum_error *err);
/* Adds more patterns (later ones win, as in gitignore). Not thread-safe with matching. */
sanctum_status sanctum_scan_ignore_add(sanctum_scan_ignore *ignore, const uint8_t *patterns, size_t len,
                                       sanctum_error *err);
/* 1 when path (relative, '/'-separated) is ignored, else 0. is_dir says whether it names a directory. */
int32_t sanctum_scan_ignore_match(const sanctum_scan_ignore *ignore, const uint8_t *path, size_t len,
                                  int32_t is_dir);

/* ===== Secret-age ledger (core/src/ledger) ===== */

/* @cdef-end */

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* SANCTUM_H */
