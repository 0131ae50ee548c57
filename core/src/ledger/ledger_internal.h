/* Secret-age ledger internals shared by the files of core/src/ledger. */
#ifndef SANCTUM_LEDGER_INTERNAL_H
#define SANCTUM_LEDGER_INTERNAL_H

#include <sqlite3.h>

#include "internal.h"

#define SC_LEDGER_KEY_BYTES 32u
#define SC_LEDGER_MAC_BYTES 32u
#define SC_LEDGER_APP_ID 0x53434c47 /* "SCLG" */
#define SC_LEDGER_MAX_FIELD 256u
#define SC_LEDGER_MAX_LONG 4096u
#define SC_LEDGER_MAX_DAYS 36500u
#define SC_LEDGER_DEFAULT_DUE_SOON 14u

typedef struct sc_migration {
    uint32_t version;
    const char *name;
    const char *sql;
    size_t len;
} sc_migration;

extern const sc_migration sc_ledger_migrations[];
extern const uint32_t sc_ledger_migration_count;

/* Subkeys derived from the ledger key, kept in one SC_ALLOC_SECRET block (mlocked when possible). */
typedef struct sc_ledger_keys {
    uint8_t fingerprint[32];
    uint8_t event[32];
    uint8_t anchor[32];
} sc_ledger_keys;

struct sanctum_ledger {
    sanctum_ctx *ctx;
    sqlite3 *db;
    sc_ledger_keys *keys;
    bool fixed_now;
    bool locked;
    bool in_batch;
    /* Inside a batch we hold the write lock, so the chain head we appended last is still the head:
     * later appends of the batch skip re-reading and re-checking it. Cleared on any rollback and at
     * the end of the batch. */
    bool head_known;
    uint64_t head_count;
    uint8_t head[32];
    /* Prepared statements kept across calls, keyed by the address of their SQL literal. */
    const char *cache_sql[24];
    sqlite3_stmt *cache[24];
    int64_t now;
    sanctum_scanner *scanner; /* built-in token rules, for sc_ledger_refuse_secret; NULL until used */
};

/* A secret row read from the database (strings are sc_alloc'd, NUL-terminated). */
typedef struct sc_secret_row {
    int64_t id;
    char *name, *provider, *kind, *locations, *owner, *notes;
    int64_t created_at, rotated_at, expires_at;
    uint32_t max_age_days, auto_rotate_days, due_soon_days, method, state, has_fp;
    uint64_t rotations;
    uint8_t fp[32];
} sc_secret_row;

/* guard.c: SANCTUM_E_INVALID_ARG (offset of the match in p, no bytes quoted) when p[0..n) holds
 * something the scanner's built-in rules report as a credential. */
sanctum_status sc_ledger_refuse_secret(sanctum_ledger *l, const uint8_t *p, size_t n, const char *field,
                                       sanctum_error *err);

/* db.c */
int64_t sc_ledger_now(const sanctum_ledger *l);
sanctum_status sc_ledger_db_error(sanctum_error *err, sqlite3 *db, int rc, const char *what);
sanctum_status sc_ledger_begin(sanctum_ledger *l, sanctum_error *err);
sanctum_status sc_ledger_commit(sanctum_ledger *l, sanctum_error *err);
void sc_ledger_rollback(sanctum_ledger *l);
/* Prepares sql (a string literal: cached by address) or returns the cached statement. Release it
 * with sc_ledger_finish, which resets a cached statement and finalizes any other. */
sanctum_status sc_ledger_prepare(sanctum_ledger *l, const char *sql, sqlite3_stmt **st, sanctum_error *err);
void sc_ledger_finish(sanctum_ledger *l, sqlite3_stmt *st);

/* A growable byte buffer from the ledger's context; `failed` latches an allocation failure. */
typedef struct sc_sbuf {
    sanctum_ctx *ctx;
    char *buf;
    size_t len, cap;
    bool failed;
} sc_sbuf;
void sc_sbuf_put(sc_sbuf *b, const void *p, size_t n);
void sc_sbuf_str(sc_sbuf *b, const char *s);
void sc_sbuf_i64(sc_sbuf *b, int64_t v);
void sc_sbuf_json_string(sc_sbuf *b, const char *s);

/* audit.c */
/* Canonical JSON of a row's non-secret fields (deterministic; used as before/after). *out is sc_alloc'd. */
sanctum_status sc_ledger_row_json(sanctum_ctx *ctx, const sc_secret_row *r, char **out, size_t *len,
                                  sanctum_error *err);
/* Appends an event and rewrites the anchor; inside a transaction the caller opened. */
sanctum_status sc_ledger_append(sanctum_ledger *l, int64_t at, const uint8_t *actor, size_t actor_len,
                                const char *action, int64_t secret_id, const char *secret, size_t secret_len,
                                const char *before, size_t before_len, const char *after, size_t after_len,
                                sanctum_error *err);
void sc_ledger_anchor_mac(const sanctum_ledger *l, uint64_t count, const uint8_t head[32], uint8_t out[32]);
void sc_ledger_key_check(const sc_ledger_keys *k, uint8_t out[32]);

/* query.c */
/* Reads the secret named (name, len) into *row; SANCTUM_E_NOT_FOUND if none. */
sanctum_status sc_ledger_read_row(sanctum_ledger *l, const uint8_t *name, size_t len, sc_secret_row *row,
                                  sanctum_error *err);
/* Fills *row from the current row of st (columns in SC_LEDGER_ROW_COLS order). */
sanctum_status sc_ledger_row_from_stmt(sanctum_ctx *ctx, sqlite3_stmt *st, int first, sc_secret_row *row,
                                       sanctum_error *err);
void sc_ledger_row_clear(sc_secret_row *row);

#define SC_LEDGER_ROW_COLS                                                                                  \
    "id, name, provider, kind, locations, owner, notes, created_at, rotated_at, expires_at, max_age_days, "  \
    "auto_rotate_days, due_soon_days, method, state, fingerprint, rotations"

/* Validation of text fields: UTF-8, no control characters (locations may hold '\n'). */
sanctum_status sc_ledger_check_text(const uint8_t *p, size_t n, size_t max, bool required, bool multiline,
                                    const char *field, sanctum_error *err);

#endif
