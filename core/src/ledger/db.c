/* Ledger: opening, the key, SQLite settings and schema migrations. */
#define _POSIX_C_SOURCE 200809L
#include "ledger/ledger_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"
#include "keyfile.h"
#include "options.h"

#define KDF_CONTEXT "SCLEDGR1"

uint32_t sanctum_ledger_key_bytes(void) { return SC_LEDGER_KEY_BYTES; }
uint32_t sanctum_ledger_fingerprint_bytes(void) { return SC_LEDGER_MAC_BYTES; }

void sanctum_ledger_options_init(sanctum_ledger_options *opts)
{
    if (opts == NULL)
        return;
    memset(opts, 0, sizeof *opts);
    opts->struct_size = (uint32_t)sizeof *opts;
    opts->busy_timeout_ms = 5000;
}

int64_t sc_ledger_now(const sanctum_ledger *l)
{
    if (l->fixed_now)
        return l->now;
    return (int64_t)time(NULL);
}

sanctum_status sc_ledger_db_error(sanctum_error *err, sqlite3 *db, int rc, const char *what)
{
    (void)db;
    int primary = rc & 0xff;
    if (primary == SQLITE_NOMEM)
        return sc_error(err, SANCTUM_E_NOMEM, SANCTUM_NO_OFFSET, "%s: SQLite is out of memory", what);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return sc_error(err, SANCTUM_E_DB, SANCTUM_NO_OFFSET,
                        "%s: the ledger is locked by another writer and the busy timeout expired", what);
    if (primary == SQLITE_NOTADB)
        return sc_error(err, SANCTUM_E_UNSUPPORTED, SANCTUM_NO_OFFSET, "%s: the file is not a SQLite database",
                        what);
    if (primary == SQLITE_CORRUPT)
        return sc_error(err, SANCTUM_E_DB, SANCTUM_NO_OFFSET, "%s: the database file is corrupt", what);
    if (primary == SQLITE_CANTOPEN)
        return sc_error(err, SANCTUM_E_IO, SANCTUM_NO_OFFSET, "%s: the database file cannot be opened", what);
    if (primary == SQLITE_READONLY)
        return sc_error(err, SANCTUM_E_DB, SANCTUM_NO_OFFSET, "%s: the database is read-only", what);
    if (primary == SQLITE_IOERR || primary == SQLITE_FULL)
        return sc_error(err, SANCTUM_E_IO, SANCTUM_NO_OFFSET, "%s: %s", what, sqlite3_errstr(rc));
    return sc_error(err, SANCTUM_E_DB, SANCTUM_NO_OFFSET, "%s: %s", what, sqlite3_errstr(rc));
}

sanctum_status sc_ledger_prepare(sanctum_ledger *l, const char *sql, sqlite3_stmt **st, sanctum_error *err)
{
    *st = NULL;
    size_t slot = sizeof l->cache / sizeof l->cache[0];
    for (size_t i = 0; i < sizeof l->cache / sizeof l->cache[0]; i++) {
        if (l->cache_sql[i] == sql) {
            *st = l->cache[i];
            return SANCTUM_OK;
        }
        if (l->cache_sql[i] == NULL && slot == sizeof l->cache / sizeof l->cache[0])
            slot = i;
    }
    bool keep = slot < sizeof l->cache / sizeof l->cache[0];
    int rc = sqlite3_prepare_v3(l->db, sql, -1, keep ? SQLITE_PREPARE_PERSISTENT : 0, st, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(*st);
        *st = NULL;
        return sc_ledger_db_error(err, l->db, rc, "preparing a ledger query");
    }
    if (keep) {
        l->cache_sql[slot] = sql;
        l->cache[slot] = *st;
    }
    return SANCTUM_OK;
}

void sc_ledger_finish(sanctum_ledger *l, sqlite3_stmt *st)
{
    if (st == NULL)
        return;
    for (size_t i = 0; i < sizeof l->cache / sizeof l->cache[0]; i++) {
        if (l->cache[i] == st) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return;
        }
    }
    sqlite3_finalize(st);
}

/* A write: its own BEGIN IMMEDIATE, or a savepoint inside an open batch. */
sanctum_status sc_ledger_begin(sanctum_ledger *l, sanctum_error *err)
{
    int rc = sqlite3_exec(l->db, l->in_batch ? "SAVEPOINT sc_op" : "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return sc_ledger_db_error(err, l->db, rc, "starting a write transaction");
    return SANCTUM_OK;
}

sanctum_status sc_ledger_commit(sanctum_ledger *l, sanctum_error *err)
{
    int rc = sqlite3_exec(l->db, l->in_batch ? "RELEASE sc_op" : "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        sc_ledger_rollback(l);
        return sc_ledger_db_error(err, l->db, rc, "committing");
    }
    return SANCTUM_OK;
}

void sc_ledger_rollback(sanctum_ledger *l)
{
    l->head_known = false;
    if (sqlite3_get_autocommit(l->db))
        return;
    if (l->in_batch)
        (void)sqlite3_exec(l->db, "ROLLBACK TO sc_op; RELEASE sc_op", NULL, NULL, NULL);
    else
        (void)sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
}

sanctum_status sanctum_ledger_batch_begin(sanctum_ledger *ledger, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (ledger == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "ledger is NULL");
    if (ledger->in_batch)
        return sc_error(err, SANCTUM_E_STATE, SANCTUM_NO_OFFSET, "a batch is already open");
    int rc = sqlite3_exec(ledger->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return sc_ledger_db_error(err, ledger->db, rc, "starting a batch");
    ledger->in_batch = true;
    ledger->head_known = false;
    return SANCTUM_OK;
}

static sanctum_status batch_end(sanctum_ledger *ledger, const char *sql, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (ledger == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "ledger is NULL");
    if (!ledger->in_batch)
        return sc_error(err, SANCTUM_E_STATE, SANCTUM_NO_OFFSET, "no batch is open");
    ledger->in_batch = false;
    ledger->head_known = false;
    int rc = sqlite3_exec(ledger->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        if (!sqlite3_get_autocommit(ledger->db))
            (void)sqlite3_exec(ledger->db, "ROLLBACK", NULL, NULL, NULL);
        return sc_ledger_db_error(err, ledger->db, rc, "ending a batch");
    }
    return SANCTUM_OK;
}

sanctum_status sanctum_ledger_batch_commit(sanctum_ledger *ledger, sanctum_error *err)
{
    sanctum_error_clear(err);
    return batch_end(ledger, "COMMIT", err);
}

sanctum_status sanctum_ledger_batch_rollback(sanctum_ledger *ledger, sanctum_error *err)
{
    sanctum_error_clear(err);
    return batch_end(ledger, "ROLLBACK", err);
}

static void ledger_destroy(void *obj)
{
    sanctum_ledger *l = obj;
    sanctum_free(l->scanner);
    for (size_t i = 0; i < sizeof l->cache / sizeof l->cache[0]; i++)
        sqlite3_finalize(l->cache[i]);
    if (l->db != NULL)
        sqlite3_close_v2(l->db);
    if (l->keys != NULL) {
        if (l->locked)
            sodium_munlock(l->keys, sizeof *l->keys);
        sc_free(l->keys);
    }
}

static void derive_keys(sc_ledger_keys *k, const uint8_t master[32])
{
    crypto_kdf_derive_from_key(k->fingerprint, sizeof k->fingerprint, 1, KDF_CONTEXT, master);
    crypto_kdf_derive_from_key(k->event, sizeof k->event, 2, KDF_CONTEXT, master);
    crypto_kdf_derive_from_key(k->anchor, sizeof k->anchor, 3, KDF_CONTEXT, master);
}

static sanctum_status check_path(const uint8_t *p, size_t n, const char *what, sanctum_error *err)
{
    if (p == NULL || n == 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "%s is empty", what);
    if (n > 4096)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "%s is longer than 4096 bytes", what);
    if (memchr(p, 0, n) != NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, (uint64_t)((const uint8_t *)memchr(p, 0, n) - p),
                        "%s contains a NUL byte", what);
    return SANCTUM_OK;
}

/* A fresh random key at path, all or nothing (sc_create_key_file): a crash never leaves an empty or
 * short key file that every later open would refuse. SANCTUM_E_EXISTS when path exists already. */
static sanctum_status write_new_key(const char *path, sanctum_error *err)
{
    uint8_t key[SC_LEDGER_KEY_BYTES];
    randombytes_buf(key, sizeof key);
    int made = sc_create_key_file(path, key, sizeof key);
    int e = errno;
    sodium_memzero(key, sizeof key);
    if (made == 1)
        return sc_error(err, SANCTUM_E_EXISTS, SANCTUM_NO_OFFSET, "cannot create the key file: %s", strerror(EEXIST));
    if (made != 0)
        return sc_error(err, SANCTUM_E_IO, SANCTUM_NO_OFFSET, "cannot create the key file: %s", strerror(e));
    return SANCTUM_OK;
}

sanctum_status sanctum_ledger_keygen(const uint8_t *path, size_t path_len, sanctum_error *err)
{
    sanctum_error_clear(err);
    sanctum_status st = check_path(path, path_len, "key path", err);
    if (st != SANCTUM_OK)
        return st;
    char buf[4097];
    memcpy(buf, path, path_len);
    buf[path_len] = '\0';
    return write_new_key(buf, err);
}

/* Reads a 32-byte key file that only its owner may read into master. */
static sanctum_status read_key_file(const char *path, uint8_t master[32], sanctum_error *err)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return sc_error(err, errno == ENOENT ? SANCTUM_E_NOT_FOUND : SANCTUM_E_IO, SANCTUM_NO_OFFSET,
                        "cannot open the ledger key file: %s", strerror(errno));
    struct stat sb;
    sanctum_status st = SANCTUM_OK;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        st = sc_error(err, SANCTUM_E_IO, SANCTUM_NO_OFFSET, "the ledger key file is not a regular file");
    } else if ((sb.st_mode & 077) != 0) {
        st = sc_error(err, SANCTUM_E_CRYPTO, SANCTUM_NO_OFFSET,
                      "the ledger key file is accessible by group or others (mode %03o); chmod 600 it",
                      (unsigned)(sb.st_mode & 0777));
    } else if (sb.st_size != (off_t)SC_LEDGER_KEY_BYTES) {
        st = sc_error(err, SANCTUM_E_CRYPTO, SANCTUM_NO_OFFSET, "the ledger key file must hold exactly %u bytes",
                      SC_LEDGER_KEY_BYTES);
    } else {
        size_t done = 0;
        while (done < SC_LEDGER_KEY_BYTES) {
            ssize_t r = read(fd, master + done, SC_LEDGER_KEY_BYTES - done);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                break;
            done += (size_t)r;
        }
        if (done != SC_LEDGER_KEY_BYTES)
            st = sc_error(err, SANCTUM_E_IO, SANCTUM_NO_OFFSET, "cannot read the ledger key file");
    }
    close(fd);
    if (st != SANCTUM_OK)
        sodium_memzero(master, SC_LEDGER_KEY_BYTES);
    return st;
}

static sanctum_status pragma_int(sanctum_ledger *l, const char *sql, int64_t *out, sanctum_error *err)
{
    sqlite3_stmt *st = NULL;
    sanctum_status s = sc_ledger_prepare(l, sql, &st, err);
    if (s != SANCTUM_OK)
        return s;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    sc_ledger_finish(l, st);
    if (rc != SQLITE_OK && rc != SQLITE_DONE)
        return sc_ledger_db_error(err, l->db, rc, "reading the ledger header");
    return SANCTUM_OK;
}

static sanctum_status exec(sanctum_ledger *l, const char *sql, const char *what, sanctum_error *err)
{
    int rc = sqlite3_exec(l->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return sc_ledger_db_error(err, l->db, rc, what);
    return SANCTUM_OK;
}

/* Applies migration m (inside a BEGIN IMMEDIATE the caller opened). Version 1 also stamps the file. */
static sanctum_status apply_migration(sanctum_ledger *l, const sc_migration *m, sanctum_error *err)
{
    sanctum_status st = exec(l, m->sql, "applying a schema migration", err);
    if (st != SANCTUM_OK)
        return st;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %u", (unsigned)m->version);
    st = exec(l, sql, "recording the schema version", err);
    if (st != SANCTUM_OK || m->version != 1)
        return st;
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d", SC_LEDGER_APP_ID);
    st = exec(l, sql, "stamping the ledger file", err);
    if (st != SANCTUM_OK)
        return st;
    uint8_t check[32], zero[32] = {0}, amac[32];
    sc_ledger_key_check(l->keys, check);
    sc_ledger_anchor_mac(l, 0, zero, amac);
    sqlite3_stmt *s = NULL;
    st = sc_ledger_prepare(l, "INSERT INTO meta (k, v) VALUES ('key_check', ?1)", &s, err);
    if (st != SANCTUM_OK)
        return st;
    sqlite3_bind_blob(s, 1, check, 32, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    sc_ledger_finish(l, s);
    if (rc != SQLITE_DONE)
        return sc_ledger_db_error(err, l->db, rc, "storing the key check");
    st = sc_ledger_prepare(l, "INSERT INTO anchor (id, count, head, mac) VALUES (1, 0, ?1, ?2)", &s, err);
    if (st != SANCTUM_OK)
        return st;
    sqlite3_bind_blob(s, 1, zero, 32, SQLITE_TRANSIENT);
    sqlite3_bind_blob(s, 2, amac, 32, SQLITE_TRANSIENT);
    rc = sqlite3_step(s);
    sc_ledger_finish(l, s);
    if (rc != SQLITE_DONE)
        return sc_ledger_db_error(err, l->db, rc, "storing the chain anchor");
    return SANCTUM_OK;
}

/* user_version is a signed 32-bit header field anyone can write: it indexes the migration table, so a
 * negative or too-new value is refused here, before it is used (found by fuzz/ledger_file). */
static sanctum_status check_version(int64_t ver, sanctum_error *err)
{
    if (ver < 0)
        return sc_error(err, SANCTUM_E_UNSUPPORTED, SANCTUM_NO_OFFSET,
                        "the ledger header is damaged (negative schema version %lld)", (long long)ver);
    if (ver > (int64_t)sc_ledger_migration_count)
        return sc_error(err, SANCTUM_E_UNSUPPORTED, SANCTUM_NO_OFFSET,
                        "the ledger has schema version %lld, newer than this library's %u; upgrade sanctum",
                        (long long)ver, (unsigned)sc_ledger_migration_count);
    return SANCTUM_OK;
}

/* Reads application_id / user_version, refuses foreign or newer files, applies pending migrations. */
static sanctum_status migrate(sanctum_ledger *l, bool read_only, sanctum_error *err)
{
    for (;;) {
        int64_t app = 0, ver = 0, tables = 0;
        sanctum_status st = pragma_int(l, "PRAGMA application_id", &app, err);
        if (st == SANCTUM_OK)
            st = pragma_int(l, "PRAGMA user_version", &ver, err);
        if (st == SANCTUM_OK)
            st = pragma_int(l, "SELECT count(*) FROM sqlite_schema", &tables, err);
        if (st != SANCTUM_OK)
            return st;
        if (app != SC_LEDGER_APP_ID && !(app == 0 && ver == 0 && tables == 0))
            return sc_error(err, SANCTUM_E_UNSUPPORTED, SANCTUM_NO_OFFSET,
                            "the file is not a sanctum ledger (application_id %lld)", (long long)app);
        st = check_version(ver, err);
        if (st != SANCTUM_OK)
            return st;
        if (ver == (int64_t)sc_ledger_migration_count)
            return SANCTUM_OK;
        if (read_only)
            return sc_error(err, SANCTUM_E_STATE, SANCTUM_NO_OFFSET,
                            "the ledger needs a schema migration (version %lld to %u); open it writable",
                            (long long)ver, (unsigned)sc_ledger_migration_count);
        st = sc_ledger_begin(l, err);
        if (st != SANCTUM_OK)
            return st;
        /* Another process may have migrated between our read and the lock: re-read under the lock. */
        st = pragma_int(l, "PRAGMA user_version", &ver, err);
        if (st == SANCTUM_OK)
            st = check_version(ver, err);
        if (st == SANCTUM_OK && ver < (int64_t)sc_ledger_migration_count)
            st = apply_migration(l, &sc_ledger_migrations[ver], err);
        if (st != SANCTUM_OK) {
            sc_ledger_rollback(l);
            return st;
        }
        st = sc_ledger_commit(l, err);
        if (st != SANCTUM_OK)
            return st;
    }
}

static sanctum_status verify_key(sanctum_ledger *l, sanctum_error *err)
{
    sqlite3_stmt *s = NULL;
    sanctum_status st = sc_ledger_prepare(l, "SELECT v FROM meta WHERE k = 'key_check'", &s, err);
    if (st != SANCTUM_OK)
        return st;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        uint8_t want[32];
        sc_ledger_key_check(l->keys, want);
        const void *got = sqlite3_column_blob(s, 0);
        if (sqlite3_column_bytes(s, 0) != 32 || got == NULL || sodium_memcmp(got, want, 32) != 0)
            st = sc_error(err, SANCTUM_E_CRYPTO, SANCTUM_NO_OFFSET,
                          "the ledger key does not belong to this ledger");
    } else if (rc == SQLITE_DONE) {
        st = sc_error(err, SANCTUM_E_TAMPERED, SANCTUM_NO_OFFSET, "the ledger's key check record is missing");
    } else {
        st = sc_ledger_db_error(err, l->db, rc, "reading the key check");
    }
    sc_ledger_finish(l, s);
    return st;
}

static sanctum_status configure(sanctum_ledger *l, uint32_t busy_ms, bool read_only, bool memory,
                                sanctum_error *err)
{
    int on = 0;
    sqlite3_db_config(l->db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on);
    sqlite3_db_config(l->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on);
    sqlite3_db_config(l->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &on);
    sqlite3_db_config(l->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, &on);
    sqlite3_db_config(l->db, SQLITE_DBCONFIG_ENABLE_FKEY, 1, &on);
    sqlite3_busy_timeout(l->db, (int)SC_MIN(busy_ms, (uint32_t)INT32_MAX));
    sqlite3_limit(l->db, SQLITE_LIMIT_LENGTH, 1 << 20);
    sqlite3_limit(l->db, SQLITE_LIMIT_SQL_LENGTH, 1 << 20);
    sqlite3_limit(l->db, SQLITE_LIMIT_ATTACHED, 0);
    sanctum_status st = exec(l, "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF; "
                                "PRAGMA cell_size_check = ON; PRAGMA cache_size = -16384",
                             "configuring the database", err);
    if (st != SANCTUM_OK || memory)
        return st;
    if (!read_only) {
        st = exec(l, "PRAGMA journal_mode = WAL", "switching to WAL", err);
        if (st != SANCTUM_OK)
            return st;
    }
    return exec(l, "PRAGMA synchronous = FULL", "setting synchronous", err);
}

static sanctum_status load_key(sanctum_ledger *l, const sanctum_ledger_options *o, const char *dbpath,
                               bool memory, bool db_exists, sanctum_error *err)
{
    uint8_t master[SC_LEDGER_KEY_BYTES];
    sanctum_status st = SANCTUM_OK;
    if (o->key != NULL || o->key_len != 0) {
        if (o->key == NULL || o->key_len != SC_LEDGER_KEY_BYTES)
            return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "the ledger key must be %u bytes",
                            SC_LEDGER_KEY_BYTES);
        memcpy(master, o->key, SC_LEDGER_KEY_BYTES);
    } else {
        if (memory && o->key_path == NULL)
            return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET,
                            "an in-memory ledger needs a key or a key path");
        char kp[4097];
        if (o->key_path != NULL) {
            st = check_path(o->key_path, o->key_path_len, "key path", err);
            if (st != SANCTUM_OK)
                return st;
            memcpy(kp, o->key_path, o->key_path_len);
            kp[o->key_path_len] = '\0';
        } else {
            size_t n = strlen(dbpath);
            if (n + 5 > 4096)
                return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "database path is too long");
            memcpy(kp, dbpath, n);
            memcpy(kp + n, ".key", 5);
        }
        st = read_key_file(kp, master, err);
        if (st == SANCTUM_E_NOT_FOUND && (o->flags & SANCTUM_LEDGER_CREATE) && !db_exists) {
            st = write_new_key(kp, err);
            /* another process may have made it meanwhile: use theirs */
            if (st == SANCTUM_OK || st == SANCTUM_E_EXISTS)
                st = read_key_file(kp, master, err);
        } else if (st == SANCTUM_E_NOT_FOUND) {
            st = sc_error(err, SANCTUM_E_NOT_FOUND, SANCTUM_NO_OFFSET,
                          db_exists ? "the ledger key file is missing (the database exists; pass --key-file)"
                                    : "the ledger key file does not exist");
        }
        if (st != SANCTUM_OK)
            return st;
    }
    derive_keys(l->keys, master);
    sodium_memzero(master, sizeof master);
    return SANCTUM_OK;
}

sanctum_status sanctum_ledger_open(sanctum_ledger **out, sanctum_ctx *ctx, const sanctum_ledger_options *opts,
                                   sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ctx == NULL || opts == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out, ctx and opts may not be NULL");
    *out = NULL;
    sanctum_ledger_options o;
    sanctum_ledger_options_init(&o);
    /* version 1 ended after now */
    sanctum_status rd = sc_options_read(&o, sizeof o, opts, SC_SIZE_THROUGH(sanctum_ledger_options, now), "options", err);
    if (rd != SANCTUM_OK)
        return rd;
    opts = &o;
    if ((opts->flags & ~7u) != 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "unknown option flags");
    sanctum_status st = check_path(opts->path, opts->path_len, "database path", err);
    if (st != SANCTUM_OK)
        return st;
    bool read_only = (opts->flags & SANCTUM_LEDGER_READ_ONLY) != 0;
    bool create = (opts->flags & SANCTUM_LEDGER_CREATE) != 0;
    if (read_only && create)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "READ_ONLY and CREATE exclude each other");
    if (sodium_init() < 0)
        return sc_error(err, SANCTUM_E_CRYPTO, SANCTUM_NO_OFFSET, "libsodium failed to initialise");

    sanctum_ledger *l = sc_object_new(ctx, sizeof *l, ledger_destroy);
    char *path = sc_memdup(ctx, opts->path, opts->path_len, 0);
    if (l == NULL || path == NULL) {
        sc_free(path);
        sanctum_free(l);
        return sc_error_nomem(err);
    }
    l->ctx = ctx;
    l->fixed_now = (opts->flags & SANCTUM_LEDGER_FIXED_NOW) != 0;
    l->now = opts->now;
    l->keys = sc_alloc(ctx, sizeof *l->keys, SC_ALLOC_SECRET);
    if (l->keys == NULL) {
        st = sc_error_nomem(err);
        goto fail;
    }
    l->locked = sodium_mlock(l->keys, sizeof *l->keys) == 0;
    bool memory = strcmp(path, ":memory:") == 0;
    struct stat sb;
    bool db_exists = !memory && stat(path, &sb) == 0;
    if (!memory && !create && !db_exists) {
        st = sc_error(err, SANCTUM_E_NOT_FOUND, SANCTUM_NO_OFFSET,
                      "the ledger database does not exist (an add creates it)");
        goto fail;
    }
    st = load_key(l, opts, path, memory, db_exists, err);
    if (st != SANCTUM_OK)
        goto fail;

    if (create && !memory && !db_exists) {
        /* Create the file ourselves so it starts 0600 (SQLite gives -wal/-shm the same mode): it
         * names secrets, owners and where they live, if never their values. */
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0)
            close(fd);
        else if (errno != EEXIST) {
            st = sc_error(err, SANCTUM_E_IO, SANCTUM_NO_OFFSET, "cannot create the ledger database: %s",
                          strerror(errno));
            goto fail;
        }
    }
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOFOLLOW;
    flags |= read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create)
        flags |= SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &l->db, flags, NULL);
    if (rc != SQLITE_OK) {
        st = (rc & 0xff) == SQLITE_CANTOPEN && !db_exists
                 ? sc_error(err, SANCTUM_E_NOT_FOUND, SANCTUM_NO_OFFSET,
                            "the ledger database does not exist (create it with an add, or pass --db)")
                 : sc_ledger_db_error(err, l->db, rc, "opening the ledger");
        goto fail;
    }
    st = configure(l, opts->busy_timeout_ms, read_only, memory, err);
    if (st == SANCTUM_OK)
        st = migrate(l, read_only, err);
    if (st == SANCTUM_OK)
        st = verify_key(l, err);
    if (st != SANCTUM_OK)
        goto fail;
    sc_free(path);
    *out = l;
    return SANCTUM_OK;
fail:
    sc_free(path);
    sanctum_free(l);
    return st;
}
