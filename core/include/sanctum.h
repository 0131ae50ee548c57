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

/* ===== Secret-age ledger (core/src/ledger) ===== */

/* A SQLite record of tracked secrets (never their values): where each lives, how old it is, its
 * rotation policy, and a tamper-evident audit trail (every change appends an event whose keyed
 * BLAKE2b MAC chains the previous one; a keyed anchor over (head, count) catches deleted newest
 * events). Times in this ABI are int64 Unix seconds, UTC. docs/ledger.md has the details.
 *
 * A sanctum_ledger handle is single-threaded: use one per thread (or per process); SQLite's locking
 * (WAL, busy timeout, BEGIN IMMEDIATE) makes concurrent writers from several handles safe. */
typedef struct sanctum_ledger sanctum_ledger;

/* Length in bytes of the ledger key and of a fingerprint / MAC (function forms for bindings). */
uint32_t sanctum_ledger_key_bytes(void);          /* 32 */
uint32_t sanctum_ledger_fingerprint_bytes(void);  /* 32 */

typedef enum sanctum_ledger_open_flags {
    SANCTUM_LEDGER_CREATE = 1,      /* create the database (and the key file) when missing */
    SANCTUM_LEDGER_FIXED_NOW = 2,   /* use options.now instead of the clock ("--now", tests) */
    SANCTUM_LEDGER_READ_ONLY = 4    /* open the database read-only (check, show, verify) */
} sanctum_ledger_open_flags;

/* Options for sanctum_ledger_open; call sanctum_ledger_options_init first. Byte strings are
 * (ptr, len), not NUL-terminated. */
typedef struct sanctum_ledger_options {
    uint32_t struct_size;
    uint32_t flags;                 /* sanctum_ledger_open_flags */
    const uint8_t *path;            /* database file; ":memory:" for a private in-memory ledger */
    size_t path_len;
    const uint8_t *key;             /* the 32-byte ledger key, or NULL to read key_path */
    size_t key_len;
    const uint8_t *key_path;        /* NULL: path + ".key" beside the database */
    size_t key_path_len;
    uint32_t busy_timeout_ms;       /* default 5000 */
    uint32_t reserved;
    int64_t now;                    /* with SANCTUM_LEDGER_FIXED_NOW */
} sanctum_ledger_options;

typedef enum sanctum_ledger_method {
    SANCTUM_LEDGER_MANUAL = 0,
    SANCTUM_LEDGER_API = 1
} sanctum_ledger_method;

typedef enum sanctum_ledger_state {
    SANCTUM_LEDGER_ACTIVE = 0,
    SANCTUM_LEDGER_RETIRED = 1
} sanctum_ledger_state;

/* A new secret for sanctum_ledger_add; call sanctum_ledger_spec_init first. Text fields are UTF-8
 * without control characters (locations: one per line, '\n'-separated), at most 256 bytes each
 * (notes and locations 4096). value, when given, is only fingerprinted, never stored. */
typedef struct sanctum_ledger_spec {
    uint32_t struct_size;
    uint32_t max_age_days;          /* required, 1..36500 */
    uint32_t auto_rotate_days;      /* 0 = none, else 1..36500 */
    uint32_t due_soon_days;         /* warning window before max age / expiry; default 14 */
    uint32_t method;                /* sanctum_ledger_method */
    uint32_t reserved;
    int64_t created_at;             /* 0 = now */
    int64_t expires_at;             /* hard expiry; 0 = none */
    const uint8_t *name; size_t name_len;
    const uint8_t *provider; size_t provider_len;
    const uint8_t *kind; size_t kind_len;
    const uint8_t *locations; size_t locations_len;
    const uint8_t *owner; size_t owner_len;
    const uint8_t *notes; size_t notes_len;
    const uint8_t *value; size_t value_len;
} sanctum_ledger_spec;

/* One secret as stored. Strings are NUL-terminated UTF-8 owned by the enclosing list. */
typedef struct sanctum_ledger_secret {
    int64_t id;
    const char *name;
    const char *provider;
    const char *kind;
    const char *locations;          /* '\n'-separated */
    const char *owner;
    const char *notes;
    int64_t created_at;
    int64_t rotated_at;
    int64_t expires_at;             /* 0 = none */
    uint32_t max_age_days;
    uint32_t auto_rotate_days;      /* 0 = none */
    uint32_t due_soon_days;
    uint32_t method;                /* sanctum_ledger_method */
    uint32_t state;                 /* sanctum_ledger_state */
    uint32_t has_fingerprint;
    uint64_t rotations;
    uint8_t fingerprint[32];
} sanctum_ledger_secret;

typedef struct sanctum_ledger_secret_list {
    uint64_t count;
    sanctum_ledger_secret *items;
} sanctum_ledger_secret_list;

typedef enum sanctum_ledger_check_flags {
    SANCTUM_LEDGER_OVERDUE = 1,          /* past rotated_at + max_age_days */
    SANCTUM_LEDGER_EXPIRED = 2,          /* past expires_at */
    SANCTUM_LEDGER_DUE_SOON = 4,         /* within due_soon_days of max age or expiry */
    SANCTUM_LEDGER_AUTO_ROTATE_DUE = 8   /* past rotated_at + auto_rotate_days */
} sanctum_ledger_check_flags;

/* One active secret that needs attention. Days are whole days (floor). */
typedef struct sanctum_ledger_check_item {
    const char *name;
    const char *provider;
    const char *owner;
    uint32_t flags;                 /* sanctum_ledger_check_flags */
    uint32_t method;
    int64_t rotated_at;
    int64_t due_at;                 /* rotated_at + max_age_days */
    int64_t auto_rotate_at;         /* 0 = no auto-rotation */
    int64_t expires_at;             /* 0 = none */
    int64_t age_days;
    int64_t days_over;              /* days past due_at (or past expiry, whichever is more); 0 if not */
    int64_t days_left;              /* days until the earlier of due_at / expires_at; <0 when past */
} sanctum_ledger_check_item;

typedef struct sanctum_ledger_report {
    int64_t now;
    uint64_t active;                /* active secrets examined */
    uint64_t overdue;               /* with OVERDUE or EXPIRED */
    uint64_t expired;
    uint64_t due_soon;
    uint64_t auto_rotate_due;
    uint64_t count;                 /* items: every active secret with a flag, most overdue first */
    sanctum_ledger_check_item *items;
} sanctum_ledger_report;

/* One audit event. before/after are canonical JSON of the secret's non-secret fields ("" for none). */
typedef struct sanctum_ledger_event {
    uint64_t seq;
    int64_t at;
    const char *actor;
    const char *action;             /* "add", "rotate", "retire" */
    const char *secret;
    const char *before;
    const char *after;
    uint8_t mac[32];
} sanctum_ledger_event;

typedef struct sanctum_ledger_event_list {
    uint64_t count;
    sanctum_ledger_event *items;
} sanctum_ledger_event_list;

typedef enum sanctum_ledger_problem {
    SANCTUM_LEDGER_INTACT = 0,
    SANCTUM_LEDGER_BAD_MAC = 1,          /* an event's content or position was changed */
    SANCTUM_LEDGER_BROKEN_LINK = 2,      /* prev does not name the event before */
    SANCTUM_LEDGER_MISSING_EVENT = 3,    /* a gap in seq, or events after the anchor's count gone */
    SANCTUM_LEDGER_BAD_ANCHOR = 4,       /* anchor missing, forged, or not matching the chain */
    SANCTUM_LEDGER_STATE_MISMATCH = 5,   /* the secrets table differs from a replay of the events */
    SANCTUM_LEDGER_BAD_SEQUENCE = 6,     /* an event's before does not follow from the previous one */
    SANCTUM_LEDGER_UNEXPECTED_HEAD = 7   /* differs from the caller's expected (count, head) */
} sanctum_ledger_problem;

/* Result of sanctum_ledger_verify. Caller-owned; set struct_size to sizeof or 0. */
typedef struct sanctum_ledger_verify_report {
    uint32_t struct_size;
    uint32_t problem;               /* sanctum_ledger_problem of the first break found */
    uint64_t events;                /* events present */
    uint64_t first_bad_seq;         /* seq of the first bad event; 0 when intact or not an event */
    uint8_t head[32];               /* MAC of the newest event (zero when there is none) */
    char message[200];              /* names the break by seq and what is wrong; never a value */
} sanctum_ledger_verify_report;

void sanctum_ledger_options_init(sanctum_ledger_options *opts);
void sanctum_ledger_spec_init(sanctum_ledger_spec *spec);

/* Writes 32 fresh random bytes to path (created 0600, refusing to overwrite). For the CLI's key file. */
sanctum_status sanctum_ledger_keygen(const uint8_t *path, size_t path_len, sanctum_error *err);

/* Opens (and with SANCTUM_LEDGER_CREATE creates, including a new 0600 key file when no key is given
 * and none exists) a ledger, applying pending schema migrations. Refuses a file of another
 * application, a newer schema, a corrupt file or a wrong key with a clear error. The key is copied
 * into wiped, locked memory. Caller owns *out (sanctum_free). ctx must outlive it.
 * Errors: INVALID_ARG, NOMEM, IO, DB, UNSUPPORTED (newer schema / foreign file), CRYPTO (wrong key). */
sanctum_status sanctum_ledger_open(sanctum_ledger **out, sanctum_ctx *ctx, const sanctum_ledger_options *opts,
                                   sanctum_error *err);

/* Adds a secret and its "add" event in one transaction. actor: who (free text, may be empty).
 * Errors: INVALID_ARG, LIMIT, UTF8, EXISTS, DB, NOMEM. */
sanctum_status sanctum_ledger_add(sanctum_ledger *ledger, const sanctum_ledger_spec *spec,
                                  const uint8_t *actor, size_t actor_len, sanctum_error *err);

/* Records a rotation at `at` (0 = now): rotated_at = at, rotations + 1, and the fingerprint becomes
 * that of value (value NULL and len 0: the fingerprint is cleared, the old one being stale).
 * Errors: INVALID_ARG, NOT_FOUND, STATE (retired), DB, NOMEM. */
sanctum_status sanctum_ledger_rotate(sanctum_ledger *ledger, const uint8_t *name, size_t name_len, int64_t at,
                                     const uint8_t *value, size_t value_len, const uint8_t *actor,
                                     size_t actor_len, sanctum_error *err);

/* Marks a secret retired (kept with its history). Errors: NOT_FOUND, STATE (already retired), DB. */
sanctum_status sanctum_ledger_retire(sanctum_ledger *ledger, const uint8_t *name, size_t name_len,
                                     const uint8_t *actor, size_t actor_len, sanctum_error *err);

/* One secret by name (a list of one). Caller owns *out. Errors: NOT_FOUND, DB, NOMEM. */
sanctum_status sanctum_ledger_show(sanctum_ledger_secret_list **out, sanctum_ledger *ledger,
                                   const uint8_t *name, size_t name_len, sanctum_error *err);

/* Every secret by name; retired ones only with include_retired. Caller owns *out. */
sanctum_status sanctum_ledger_list(sanctum_ledger_secret_list **out, sanctum_ledger *ledger,
                                   uint32_t include_retired, sanctum_error *err);

/* The age check at `now` (0 = the ledger's now). Caller owns *out. */
sanctum_status sanctum_ledger_check(sanctum_ledger_report **out, sanctum_ledger *ledger, int64_t now,
                                    sanctum_error *err);

/* Events in seq order, all or those of one secret (name NULL for all). Caller owns *out. */
sanctum_status sanctum_ledger_audit_log(sanctum_ledger_event_list **out, sanctum_ledger *ledger,
                                        const uint8_t *name, size_t name_len, sanctum_error *err);

/* Verifies the chain, the anchor and the replay of events against the secrets table. expected_head
 * (32 bytes, or NULL) with expected_count: a (count, head) recorded earlier outside the database;
 * the chain must still contain it. Fills *out in every case. Returns OK when intact,
 * SANCTUM_E_TAMPERED (err names the first bad event) when not, other codes when it cannot check. */
sanctum_status sanctum_ledger_verify(sanctum_ledger_verify_report *out, sanctum_ledger *ledger,
                                     uint64_t expected_count, const uint8_t *expected_head,
                                     sanctum_error *err);

/* Batches: between batch_begin and batch_commit every write joins one BEGIN IMMEDIATE transaction
 * (one fsync for the lot); each write still is all-or-nothing on its own (a savepoint), so a failed
 * call inside a batch leaves the rest of the batch intact. batch_rollback drops the whole batch.
 * Errors: STATE (batch already open / none open), DB. */
sanctum_status sanctum_ledger_batch_begin(sanctum_ledger *ledger, sanctum_error *err);
sanctum_status sanctum_ledger_batch_commit(sanctum_ledger *ledger, sanctum_error *err);
sanctum_status sanctum_ledger_batch_rollback(sanctum_ledger *ledger, sanctum_error *err);

/* The keyed fingerprint of a value under this ledger's key, into out[32]. No allocation. */
sanctum_status sanctum_ledger_fingerprint(uint8_t *out, size_t out_len, const sanctum_ledger *ledger,
                                          const uint8_t *value, size_t value_len, sanctum_error *err);

/* Secrets (active and retired) whose current fingerprint equals fingerprint[32]; count may be 0.
 * Caller owns *out. */
sanctum_status sanctum_ledger_match(sanctum_ledger_secret_list **out, sanctum_ledger *ledger,
                                    const uint8_t *fingerprint, size_t fingerprint_len, sanctum_error *err);

/* Parses an RFC 3339 time ("2026-03-01T12:00:00Z", offsets like "+02:00", optional fraction that is
 * dropped; also a bare date "2026-03-01" meaning midnight UTC) into Unix seconds.
 * Errors: SANCTUM_E_PARSE with the offset of the first bad byte. */
sanctum_status sanctum_ledger_parse_time(int64_t *out, const uint8_t *text, size_t len, sanctum_error *err);

/* Formats t as "YYYY-MM-DDTHH:MM:SSZ" into buf (at least 21 bytes with the NUL). Years 0..9999 only.
 * Errors: BUFFER_TOO_SMALL, INVALID_ARG (out of range). */
sanctum_status sanctum_ledger_format_time(char *buf, size_t buf_len, int64_t t, sanctum_error *err);

/* @cdef-end */

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* SANCTUM_H */
