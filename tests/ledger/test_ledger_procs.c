/* Ledger reliability across processes: two concurrent writers lose nothing, and a writer killed with
 * SIGKILL at an arbitrary point leaves a database that passes integrity_check and audit verify with
 * every acknowledged event present. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "ledger_test_util.h"
#include "test_util.h"

#ifdef __SANITIZE_ADDRESS__
#define OPS_PER_WRITER 40
#else
#define OPS_PER_WRITER 100
#endif

static char tmpdir[256];

static int setup_dir(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/sanctum_ledger_procs_XXXXXX");
    return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int teardown_dir(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Runs in a child: plain exit codes, no cmocka. */
static int writer(const char *db, int id, int ops)
{
    sanctum_ctx *ctx = NULL;
    sanctum_ledger *l = NULL;
    sanctum_error err;
    if (sanctum_ctx_new(&ctx, NULL, &err) != SANCTUM_OK)
        return 10;
    sanctum_ledger_options o;
    sanctum_ledger_options_init(&o);
    o.path = (const uint8_t *)db;
    o.path_len = strlen(db);
    o.key = TEST_KEY;
    o.key_len = 32;
    o.busy_timeout_ms = 30000;
    if (sanctum_ledger_open(&l, ctx, &o, &err) != SANCTUM_OK) {
        fprintf(stderr, "writer %d: open: %s\n", id, err.message);
        return 11;
    }
    for (int j = 0; j < ops; j++) {
        char name[64];
        snprintf(name, sizeof name, "w%d-%d", id, j);
        if (tl_add(l, name, 90, 0, 0, NULL, &err) != SANCTUM_OK) {
            fprintf(stderr, "writer %d: add %d: %s\n", id, j, err.message);
            return 12;
        }
        if (sanctum_ledger_rotate(l, (const uint8_t *)"shared", 6, 0, NULL, 0, (const uint8_t *)"w", 1, &err) !=
            SANCTUM_OK) {
            fprintf(stderr, "writer %d: rotate %d: %s\n", id, j, err.message);
            return 13;
        }
    }
    sanctum_free(l);
    sanctum_ctx_free(ctx);
    return 0;
}

static sanctum_ledger *open_existing(sanctum_ctx *ctx, const char *db)
{
    sanctum_ledger *l = NULL;
    sanctum_error err;
    if (tl_open(&l, ctx, db, T_EPOCH, &err) != SANCTUM_OK)
        fail_msg("open: %s", err.message);
    return l;
}

static void verify_ok(sanctum_ledger *l, uint64_t *events)
{
    sanctum_ledger_verify_report r;
    memset(&r, 0, sizeof r);
    sanctum_error err;
    if (sanctum_ledger_verify(&r, l, 0, NULL, &err) != SANCTUM_OK)
        fail_msg("verify: %s", err.message);
    *events = r.events;
}

static void integrity_ok(const char *db)
{
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *q = NULL;
    assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "ok");
    sqlite3_finalize(q);
    sqlite3_close(h);
}

static void two_writers_lose_nothing(void **state)
{
    (void)state;
    char db[300];
    snprintf(db, sizeof db, "%s/conc.db", tmpdir);
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_ledger *l = open_existing(ctx, db);
    sanctum_error err;
    assert_int_equal(tl_add(l, "shared", 90, 0, 0, NULL, &err), SANCTUM_OK);
    sanctum_free(l);
    fflush(NULL);
    pid_t kids[2];
    for (int i = 0; i < 2; i++) {
        kids[i] = fork();
        assert_true(kids[i] >= 0);
        if (kids[i] == 0)
            _exit(writer(db, i, OPS_PER_WRITER));
    }
    for (int i = 0; i < 2; i++) {
        int status = 0;
        assert_int_equal(waitpid(kids[i], &status, 0), kids[i]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    l = open_existing(ctx, db);
    uint64_t events = 0;
    verify_ok(l, &events);
    assert_int_equal(events, 1 + 2 * 2 * OPS_PER_WRITER);
    sanctum_ledger_secret_list *list = NULL;
    assert_int_equal(sanctum_ledger_show(&list, l, (const uint8_t *)"shared", 6, &err), SANCTUM_OK);
    assert_int_equal(list->items[0].rotations, 2 * OPS_PER_WRITER);
    sanctum_free(list);
    assert_int_equal(sanctum_ledger_list(&list, l, 0, &err), SANCTUM_OK);
    assert_int_equal(list->count, 1 + 2 * OPS_PER_WRITER);
    sanctum_free(list);
    sanctum_free(l);
    integrity_ok(db);
    test_ctx_free_checked(ctx);
}

/* Child of the kill test: adds k<round>-<j> forever, reporting each committed j on fd. */
static void kill_writer(const char *db, int round, int fd)
{
    sanctum_ctx *ctx = NULL;
    sanctum_ledger *l = NULL;
    sanctum_error err;
    if (sanctum_ctx_new(&ctx, NULL, &err) != SANCTUM_OK || tl_open(&l, ctx, db, T_EPOCH, &err) != SANCTUM_OK)
        _exit(20);
    for (int j = 0;; j++) {
        char name[64];
        snprintf(name, sizeof name, "k%d-%d", round, j);
        if (tl_add(l, name, 90, 0, 0, NULL, &err) != SANCTUM_OK)
            _exit(21);
        if (j % 3 == 0 && sanctum_ledger_rotate(l, (const uint8_t *)name, strlen(name), 0, NULL, 0, NULL, 0, &err) !=
                              SANCTUM_OK)
            _exit(22);
        int32_t ack = j;
        if (write(fd, &ack, sizeof ack) != (ssize_t)sizeof ack)
            _exit(23);
    }
}

static void sigkill_during_writes(void **state)
{
    (void)state;
    char db[300];
    snprintf(db, sizeof db, "%s/kill.db", tmpdir);
    sanctum_ctx *ctx = test_ctx_new();
    srand((unsigned)time(NULL));
    for (int round = 0; round < 6; round++) {
        int fds[2];
        assert_int_equal(pipe(fds), 0);
        fflush(NULL);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            kill_writer(db, round, fds[1]);
        }
        close(fds[1]);
        struct timespec ts = {0, (long)(20 + rand() % 150) * 1000000L};
        nanosleep(&ts, NULL);
        assert_int_equal(kill(pid, SIGKILL), 0);
        int status = 0;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        int32_t ack = -1, last = -1;
        while (read(fds[0], &ack, sizeof ack) == (ssize_t)sizeof ack)
            last = ack;
        close(fds[0]);

        integrity_ok(db);
        sanctum_ledger *l = open_existing(ctx, db);
        uint64_t events = 0;
        verify_ok(l, &events);
        sanctum_error err;
        /* every acknowledged add is there; at most one unacknowledged one committed */
        for (int j = 0; j <= last + 1; j++) {
            char name[64];
            snprintf(name, sizeof name, "k%d-%d", round, j);
            sanctum_ledger_secret_list *list = NULL;
            sanctum_status st = sanctum_ledger_show(&list, l, (const uint8_t *)name, strlen(name), &err);
            if (j <= last && st != SANCTUM_OK)
                fail_msg("round %d: acknowledged secret %d is missing (%s)", round, j, err.message);
            if (j <= last && j % 3 == 0)
                assert_int_equal(list->items[0].rotations, 1);
            sanctum_free(list);
        }
        print_message("round %d: killed after %d acknowledged writes, %llu events verified\n", round, last + 1,
                      (unsigned long long)events);
        sanctum_free(l);
    }
    test_ctx_free_checked(ctx);
}

/* A process that dies between creating the key file and writing it (here: killed by SIGXFSZ at its
 * first write, RLIMIT_FSIZE 0) must leave no key file: an empty one made every later open fail with
 * "must hold exactly 32 bytes". A later open with CREATE makes a whole key and works. */
static void key_creation_crash_leaves_no_stub(void **state)
{
    (void)state;
    char db[300], kp[320];
    snprintf(db, sizeof db, "%s/crash.db", tmpdir);
    snprintf(kp, sizeof kp, "%s.key", db);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        struct rlimit rl = {0, 0};
        signal(SIGXFSZ, SIG_DFL);
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
            _exit(3);
        sanctum_error err;
        (void)sanctum_ledger_keygen((const uint8_t *)kp, strlen(kp), &err);
        _exit(4); /* the write did not kill us */
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ);
    struct stat sb;
    assert_int_equal(lstat(kp, &sb), -1); /* no stub */
    assert_int_equal(errno, ENOENT);

    sanctum_ctx *ctx = test_ctx_new();
    sanctum_ledger_options o;
    sanctum_ledger_options_init(&o);
    o.flags = SANCTUM_LEDGER_CREATE;
    o.path = (const uint8_t *)db;
    o.path_len = strlen(db);
    sanctum_ledger *l = NULL;
    sanctum_error err;
    if (sanctum_ledger_open(&l, ctx, &o, &err) != SANCTUM_OK)
        fail_msg("open after the crash: %s", err.message);
    assert_int_equal(lstat(kp, &sb), 0);
    assert_int_equal(sb.st_size, 32);
    assert_int_equal(sb.st_mode & 0777, 0600);
    sanctum_free(l);
    /* a key that exists is never replaced, and an open that finds one made by another uses it */
    assert_int_equal(sanctum_ledger_keygen((const uint8_t *)kp, strlen(kp), &err), SANCTUM_E_EXISTS);
    o.flags = 0;
    if (sanctum_ledger_open(&l, ctx, &o, &err) != SANCTUM_OK)
        fail_msg("reopen: %s", err.message);
    sanctum_free(l);
    test_ctx_free_checked(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_writers_lose_nothing),
        cmocka_unit_test(sigkill_during_writes),
        cmocka_unit_test(key_creation_crash_leaves_no_stub),
    };
    return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
