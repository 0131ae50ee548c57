/* Ledger benchmark, one run, one file system:
 *   - `check` over N secrets (default 100 000; target <= 100 ms), beside a bare SQLite full scan of
 *     the same table;
 *   - audited rotations per second in batches of B (default 1000; target >= 5 000/s), beside a bare
 *     SQLite INSERT loop in the same batch size and settings (WAL, synchronous=FULL);
 *   - unbatched audited rotations (one fsync each) for scale;
 *   - audit verify over everything.
 * Usage: bench_ledger [N] [B] [DIR] */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sanctum.h"

#define DAY 86400
#define NOW 1780000000

static double secs(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const sanctum_error *err)
{
    fprintf(stderr, "bench_ledger: %s: %s\n", what, err ? err->message : "");
    exit(2);
}

static double bare_inserts(const char *path, int n, int batch)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        die("bare open", NULL);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                     "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, at INTEGER NOT NULL, "
                     "mac BLOB NOT NULL) STRICT;", NULL, NULL, NULL);
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "INSERT INTO t (name, at, mac) VALUES (?1, ?2, randomblob(32))", -1, &st, NULL);
    double t0 = secs();
    for (int i = 0; i < n; i++) {
        if (i % batch == 0)
            sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        char name[32];
        snprintf(name, sizeof name, "s%07d", i);
        sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, NOW + i);
        if (sqlite3_step(st) != SQLITE_DONE)
            die("bare insert", NULL);
        sqlite3_reset(st);
        if (i % batch == batch - 1 || i == n - 1)
            sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    }
    double dt = secs() - t0;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return (double)n / dt;
}

static double bare_scan(const char *path, int64_t *rows)
{
    sqlite3 *db = NULL;
    sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "SELECT name, provider, owner, rotated_at, max_age_days FROM secrets WHERE state = 'active'",
                       -1, &st, NULL);
    double t0 = secs();
    *rows = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        (*rows)++;
    double dt = secs() - t0;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return dt;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 100000;
    int batch = argc > 2 ? atoi(argv[2]) : 1000;
    char dir[256];
    snprintf(dir, sizeof dir, "%s/bench_ledger_XXXXXX", argc > 3 ? argv[3] : "/tmp");
    if (n < 1 || batch < 1 || mkdtemp(dir) == NULL)
        die("arguments or temp dir", NULL);
    char path[300], bare[300];
    snprintf(path, sizeof path, "%s/ledger.db", dir);
    snprintf(bare, sizeof bare, "%s/bare.db", dir);

    sanctum_ctx *ctx = NULL;
    sanctum_ledger *l = NULL;
    sanctum_error err;
    if (sanctum_ctx_new(&ctx, NULL, &err) != SANCTUM_OK)
        die("ctx", &err);
    uint8_t key[32];
    for (int i = 0; i < 32; i++)
        key[i] = (uint8_t)(i * 37 + 11);
    sanctum_ledger_options o;
    sanctum_ledger_options_init(&o);
    o.path = (const uint8_t *)path;
    o.path_len = strlen(path);
    o.key = key;
    o.key_len = 32;
    o.flags = SANCTUM_LEDGER_CREATE | SANCTUM_LEDGER_FIXED_NOW;
    o.now = NOW;
    if (sanctum_ledger_open(&l, ctx, &o, &err) != SANCTUM_OK)
        die("open", &err);

    /* Populate: N audited adds in batches. About 1% overdue, 3% due soon. */
    double t0 = secs();
    for (int i = 0; i < n; i++) {
        if (i % batch == 0 && sanctum_ledger_batch_begin(l, &err) != SANCTUM_OK)
            die("batch", &err);
        char name[32];
        snprintf(name, sizeof name, "secret-%07d", i);
        sanctum_ledger_spec sp;
        sanctum_ledger_spec_init(&sp);
        sp.name = (const uint8_t *)name;
        sp.name_len = strlen(name);
        sp.provider = (const uint8_t *)"github";
        sp.provider_len = 6;
        sp.max_age_days = 90;
        sp.auto_rotate_days = i % 2 ? 85 : 0;
        int age = i % 100 == 0 ? 100 : i % 33 == 1 ? 80 : (i % 70);
        sp.created_at = NOW - (int64_t)age * DAY;
        if (sanctum_ledger_add(l, &sp, (const uint8_t *)"bench", 5, &err) != SANCTUM_OK)
            die("add", &err);
        if ((i % batch == batch - 1 || i == n - 1) && sanctum_ledger_batch_commit(l, &err) != SANCTUM_OK)
            die("commit", &err);
    }
    double add_rate = (double)n / (secs() - t0);

    /* check over N secrets: best of 5 runs (the first one warms the page cache). */
    double best = 1e9;
    sanctum_ledger_report *r = NULL;
    uint64_t flagged = 0, overdue = 0;
    for (int k = 0; k < 5; k++) {
        t0 = secs();
        if (sanctum_ledger_check(&r, l, 0, &err) != SANCTUM_OK)
            die("check", &err);
        double dt = secs() - t0;
        if (dt < best)
            best = dt;
        flagged = r->count;
        overdue = r->overdue;
        sanctum_free(r);
    }
    int64_t rows = 0;
    double scan = 1e9;
    for (int k = 0; k < 5; k++) {
        double d = bare_scan(path, &rows);
        if (d < scan)
            scan = d;
    }

    /* audited rotations in batches */
    int rot = n < 20000 ? n : 20000;
    t0 = secs();
    for (int i = 0; i < rot; i++) {
        if (i % batch == 0 && sanctum_ledger_batch_begin(l, &err) != SANCTUM_OK)
            die("batch", &err);
        char name[32];
        snprintf(name, sizeof name, "secret-%07d", (int)(((int64_t)i * 7919) % n));
        char value[32];
        snprintf(value, sizeof value, "fake-value-%d", i);
        if (sanctum_ledger_rotate(l, (const uint8_t *)name, strlen(name), 0, (const uint8_t *)value, strlen(value),
                                  (const uint8_t *)"bench", 5, &err) != SANCTUM_OK)
            die("rotate", &err);
        if ((i % batch == batch - 1 || i == rot - 1) && sanctum_ledger_batch_commit(l, &err) != SANCTUM_OK)
            die("commit", &err);
    }
    double rot_rate = (double)rot / (secs() - t0);

    /* unbatched: each rotation its own transaction and fsync */
    int single = 200;
    t0 = secs();
    for (int i = 0; i < single; i++) {
        if (sanctum_ledger_rotate(l, (const uint8_t *)"secret-0000001", 14, 0, NULL, 0, NULL, 0, &err) != SANCTUM_OK)
            die("rotate", &err);
    }
    double single_rate = (double)single / (secs() - t0);

    sanctum_ledger_verify_report vr;
    memset(&vr, 0, sizeof vr);
    t0 = secs();
    if (sanctum_ledger_verify(&vr, l, 0, NULL, &err) != SANCTUM_OK)
        die("verify", &err);
    double verify = secs() - t0;
    sanctum_free(l);
    sanctum_ctx_free(ctx);

    double bare_rate = bare_inserts(bare, rot, batch);

    printf("ledger bench: %d secrets, batches of %d, WAL + synchronous=FULL, SQLite %s, dir %s\n", n, batch,
           sqlite3_libversion(), argc > 3 ? argv[3] : "/tmp");
    printf("  check (ours, best of 5)            %8.1f ms   %" PRIu64 " flagged, %" PRIu64
           " overdue   target <= 100 ms  %s\n",
           best * 1e3, flagged, overdue, best <= 0.100 ? "MET" : "MISSED");
    printf("  bare SQLite scan of the same rows  %8.1f ms   %" PRId64 " rows (reference)\n", scan * 1e3, rows);
    printf("  audited rotations, batched (ours)  %8.0f /s   target >= 5000/s  %s\n", rot_rate,
           rot_rate >= 5000 ? "MET" : "MISSED");
    printf("  bare SQLite inserts, batched       %8.0f /s   (reference, no MAC, no event, no anchor)\n", bare_rate);
    printf("  audited adds, batched (ours)       %8.0f /s\n", add_rate);
    printf("  audited rotations, unbatched       %8.0f /s   (one fsync per rotation)\n", single_rate);
    printf("  audit verify                       %8.1f ms   %" PRIu64 " events (chain + anchor + replay)\n",
           verify * 1e3, vr.events);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "bench_ledger: could not remove %s\n", dir);
    return 0;
}
