/* Fuzz harness: the ledger opening a database file it did not write (damaged, foreign, truncated,
 * hand-edited). The input bytes become the database file; open, verify, check, list, audit log,
 * match and an add run on it with the harness key. Properties (abort on violation): no crash, no
 * leak, every failure carries a message, and a ledger that verifies intact still verifies after a
 * successful add (and then has one more event). Seeds are real ledgers written with this key. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "sanctum.h"

/* The key the seeds in corpus/ledger_file/ were written with (tests/ledger/make_file_seeds.sh). */
static const uint8_t KEY[32] = {0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a,
                                0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a,
                                0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a};

static char dir[64];

static void cleanup(const char *path)
{
    char p[128];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-journal", path);
    unlink(p);
}

static uint64_t verify(sanctum_ledger *l, sanctum_status *st)
{
    sanctum_ledger_verify_report r;
    memset(&r, 0, sizeof r);
    sanctum_error err;
    *st = sanctum_ledger_verify(&r, l, 0, NULL, &err);
    fuzz_must(*st == SANCTUM_OK || err.message[0] != '\0');
    return r.events;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    /* A private directory per input, removed at the end: no files left behind. */
    snprintf(dir, sizeof dir, "/tmp/sanctum_fuzz_ledger_XXXXXX");
    fuzz_must(mkdtemp(dir) != NULL);
    char path[128];
    snprintf(path, sizeof path, "%s/l.db", dir);
    cleanup(path);
    FILE *f = fopen(path, "wb");
    fuzz_must(f != NULL);
    fuzz_must(fwrite(data, 1, size, f) == size);
    fclose(f);

    sanctum_ctx *ctx = NULL;
    sanctum_error err;
    fuzz_must(sanctum_ctx_new(&ctx, NULL, &err) == SANCTUM_OK);
    sanctum_ledger_options o;
    sanctum_ledger_options_init(&o);
    o.path = (const uint8_t *)path;
    o.path_len = strlen(path);
    o.key = KEY;
    o.key_len = sizeof KEY;
    o.flags = SANCTUM_LEDGER_FIXED_NOW;
    o.now = 1780000000;
    o.busy_timeout_ms = 10;
    sanctum_ledger *l = NULL;
    sanctum_status st = sanctum_ledger_open(&l, ctx, &o, &err);
    if (st != SANCTUM_OK) {
        fuzz_must(l == NULL && err.message[0] != '\0');
    } else {
        sanctum_status vst;
        uint64_t events = verify(l, &vst);
        sanctum_ledger_report *r = NULL;
        if (sanctum_ledger_check(&r, l, 0, &err) == SANCTUM_OK) {
            for (uint64_t i = 0; i < r->count; i++)
                fuzz_must(r->items[i].name != NULL && r->items[i].flags != 0);
            sanctum_free(r);
        }
        sanctum_ledger_secret_list *list = NULL;
        if (sanctum_ledger_list(&list, l, 1, &err) == SANCTUM_OK)
            sanctum_free(list);
        sanctum_ledger_event_list *ev = NULL;
        if (sanctum_ledger_audit_log(&ev, l, NULL, 0, &err) == SANCTUM_OK)
            sanctum_free(ev);
        uint8_t fp[32] = {0};
        if (sanctum_ledger_match(&list, l, fp, 32, &err) == SANCTUM_OK)
            sanctum_free(list);
        sanctum_ledger_spec sp;
        sanctum_ledger_spec_init(&sp);
        sp.name = (const uint8_t *)"fuzz-added";
        sp.name_len = 10;
        sp.provider = (const uint8_t *)"p";
        sp.provider_len = 1;
        sp.max_age_days = 30;
        sanctum_status ast = sanctum_ledger_add(l, &sp, NULL, 0, &err);
        fuzz_must(ast == SANCTUM_OK || err.message[0] != '\0');
        /* an intact ledger stays intact through a write; a tampered one is never re-sealed */
        if (ast == SANCTUM_OK) {
            sanctum_status v2;
            uint64_t after = verify(l, &v2);
            if (vst == SANCTUM_OK) {
                fuzz_must(v2 == SANCTUM_OK);
                fuzz_must(after == events + 1);
            }
        }
        sanctum_free(l);
    }
    fuzz_ctx_free_checked(ctx);
    cleanup(path);
    rmdir(dir);
    return 0;
}
