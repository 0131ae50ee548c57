/* Secret-age ledger: operations, the age check, fingerprints, verify, open errors, migrations and
 * allocation-failure sweeps over every allocating call. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "alloc.h"
#include "fakegen.h"
#include "ledger_test_util.h"
#include "sweep.h"
#include "test_util.h"

/* Public ledger structs are part of the ABI (LP64): a layout change must be deliberate. */
#if UINTPTR_MAX == 0xffffffffffffffffu
_Static_assert(sizeof(sanctum_ledger_options) == 72, "sanctum_ledger_options layout");
_Static_assert(offsetof(sanctum_ledger_options, path) == 8, "sanctum_ledger_options.path");
_Static_assert(offsetof(sanctum_ledger_options, key) == 24, "sanctum_ledger_options.key");
_Static_assert(offsetof(sanctum_ledger_options, now) == 64, "sanctum_ledger_options.now");
_Static_assert(sizeof(sanctum_ledger_spec) == 152, "sanctum_ledger_spec layout");
_Static_assert(offsetof(sanctum_ledger_spec, created_at) == 24, "sanctum_ledger_spec.created_at");
_Static_assert(offsetof(sanctum_ledger_spec, name) == 40, "sanctum_ledger_spec.name");
_Static_assert(offsetof(sanctum_ledger_spec, value_len) == 144, "sanctum_ledger_spec.value_len");
_Static_assert(sizeof(sanctum_ledger_secret) == 144, "sanctum_ledger_secret layout");
_Static_assert(offsetof(sanctum_ledger_secret, name) == 8, "sanctum_ledger_secret.name");
_Static_assert(offsetof(sanctum_ledger_secret, created_at) == 56, "sanctum_ledger_secret.created_at");
_Static_assert(offsetof(sanctum_ledger_secret, rotations) == 104, "sanctum_ledger_secret.rotations");
_Static_assert(offsetof(sanctum_ledger_secret, fingerprint) == 112, "sanctum_ledger_secret.fingerprint");
_Static_assert(sizeof(sanctum_ledger_secret_list) == 16, "sanctum_ledger_secret_list layout");
_Static_assert(sizeof(sanctum_ledger_check_item) == 88, "sanctum_ledger_check_item layout");
_Static_assert(offsetof(sanctum_ledger_check_item, flags) == 24, "sanctum_ledger_check_item.flags");
_Static_assert(offsetof(sanctum_ledger_check_item, days_left) == 80, "sanctum_ledger_check_item.days_left");
_Static_assert(sizeof(sanctum_ledger_report) == 64, "sanctum_ledger_report layout");
_Static_assert(offsetof(sanctum_ledger_report, items) == 56, "sanctum_ledger_report.items");
_Static_assert(sizeof(sanctum_ledger_event) == 88, "sanctum_ledger_event layout");
_Static_assert(offsetof(sanctum_ledger_event, mac) == 56, "sanctum_ledger_event.mac");
_Static_assert(sizeof(sanctum_ledger_event_list) == 16, "sanctum_ledger_event_list layout");
_Static_assert(sizeof(sanctum_ledger_verify_report) == 256, "sanctum_ledger_verify_report layout");
_Static_assert(offsetof(sanctum_ledger_verify_report, head) == 24, "sanctum_ledger_verify_report.head");
_Static_assert(offsetof(sanctum_ledger_verify_report, message) == 56, "sanctum_ledger_verify_report.message");
#endif

static char tmpdir[256];

static int setup_dir(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/sanctum_ledger_test_XXXXXX");
    return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int teardown_dir(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void path_in_tmp(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s/%s", tmpdir, name);
}

static const sanctum_ledger_secret *show(sanctum_ledger *l, const char *name, sanctum_ledger_secret_list **list)
{
    sanctum_error err;
    assert_int_equal(sanctum_ledger_show(list, l, (const uint8_t *)name, strlen(name), &err), SANCTUM_OK);
    assert_int_equal((*list)->count, 1);
    return &(*list)->items[0];
}

static void assert_intact(sanctum_ledger *l, uint64_t events)
{
    sanctum_ledger_verify_report r;
    memset(&r, 0, sizeof r);
    sanctum_error err;
    sanctum_status st = sanctum_ledger_verify(&r, l, 0, NULL, &err);
    if (st != SANCTUM_OK)
        fail_msg("verify: %s / %s", err.message, r.message);
    assert_int_equal(r.problem, SANCTUM_LEDGER_INTACT);
    assert_int_equal(r.events, events);
}

static void add_rotate_retire(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_ledger *l = NULL;
    sanctum_error err;
    assert_int_equal(tl_open(&l, ctx, ":memory:", T_EPOCH, &err), SANCTUM_OK);
    assert_int_equal(tl_add(l, "gh", 90, 85, 0, "fake-value-1", &err), SANCTUM_OK);
    assert_int_equal(tl_add(l, "gh", 90, 0, 0, NULL, &err), SANCTUM_E_EXISTS);
    assert_int_equal(tl_add(l, "aws", 30, 0, T_EPOCH - 10 * T_DAY, NULL, &err), SANCTUM_OK);

    sanctum_ledger_secret_list *list = NULL;
    const sanctum_ledger_secret *s = show(l, "gh", &list);
    assert_string_equal(s->name, "gh");
    assert_string_equal(s->provider, "testprov");
    assert_string_equal(s->locations, "keychain:test\nsops:a.yaml");
    assert_int_equal(s->created_at, T_EPOCH);
    assert_int_equal(s->rotated_at, T_EPOCH);
    assert_int_equal(s->max_age_days, 90);
    assert_int_equal(s->auto_rotate_days, 85);
    assert_int_equal(s->due_soon_days, 14);
    assert_int_equal(s->state, SANCTUM_LEDGER_ACTIVE);
    assert_int_equal(s->has_fingerprint, 1);
    uint8_t fp[32];
    assert_int_equal(sanctum_ledger_fingerprint(fp, 32, l, (const uint8_t *)"fake-value-1", 12, &err), SANCTUM_OK);
    assert_memory_equal(fp, s->fingerprint, 32);
    sanctum_free(list);

    /* rotate with a new value, then without one: the stale fingerprint is cleared */
    assert_int_equal(sanctum_ledger_rotate(l, (const uint8_t *)"gh", 2, T_EPOCH + 5 * T_DAY,
                                           (const uint8_t *)"fake-value-2", 12, (const uint8_t *)"bob", 3, &err),
                     SANCTUM_OK);
    s = show(l, "gh", &list);
    assert_int_equal(s->rotated_at, T_EPOCH + 5 * T_DAY);
    assert_int_equal(s->rotations, 1);
    assert_memory_not_equal(fp, s->fingerprint, 32);
    sanctum_free(list);
    assert_int_equal(sanctum_ledger_rotate(l, (const uint8_t *)"gh", 2, 0, NULL, 0, NULL, 0, &err), SANCTUM_OK);
    s = show(l, "gh", &list);
    assert_int_equal(s->has_fingerprint, 0);
    assert_int_equal(s->rotations, 2);
    assert_int_equal(s->rotated_at, T_EPOCH);
    sanctum_free(list);

    /* a rotation before creation is refused; unknown names are NOT_FOUND */
    assert_int_equal(sanctum_ledger_rotate(l, (const uint8_t *)"gh", 2, T_EPOCH - T_DAY, NULL, 0, NULL, 0, &err),
                     SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_ledger_rotate(l, (const uint8_t *)"nope", 4, 0, NULL, 0, NULL, 0, &err),
                     SANCTUM_E_NOT_FOUND);
    assert_int_equal(sanctum_ledger_retire(l, (const uint8_t *)"aws", 3, NULL, 0, &err), SANCTUM_OK);
    assert_int_equal(sanctum_ledger_retire(l, (const uint8_t *)"aws", 3, NULL, 0, &err), SANCTUM_E_STATE);
    assert_int_equal(sanctum_ledger_rotate(l, (const uint8_t *)"aws", 3, 0, NULL, 0, NULL, 0, &err), SANCTUM_E_STATE);

    assert_int_equal(sanctum_ledger_list(&list, l, 0, &err), SANCTUM_OK);
    assert_int_equal(list->count, 1);
    sanctum_free(list);
    assert_int_equal(sanctum_ledger_list(&list, l, 1, &err), SANCTUM_OK);
    assert_int_equal(list->count, 2);
    assert_string_equal(list->items[0].name, "aws");
    assert_int_equal(list->items[0].state, SANCTUM_LEDGER_RETIRED);
    sanctum_free(list);

    sanctum_ledger_event_list *ev = NULL;
    assert_int_equal(sanctum_ledger_audit_log(&ev, l, NULL, 0, &err), SANCTUM_OK);
    assert_int_equal(ev->count, 5);
    assert_string_equal(ev->items[0].action, "add");
    assert_string_equal(ev->items[0].before, "");
    assert_string_equal(ev->items[2].action, "rotate");
    assert_string_equal(ev->items[2].actor, "bob");
    assert_string_equal(ev->items[2].before, ev->items[0].after);
    assert_null(strstr(ev->items[2].after, "fake-value")); /* values never reach the trail */
    assert_string_equal(ev->items[4].action, "retire");
    sanctum_free(ev);
    assert_int_equal(sanctum_ledger_audit_log(&ev, l, (const uint8_t *)"gh", 2, &err), SANCTUM_OK);
    assert_int_equal(ev->count, 3);
    sanctum_free(ev);
    assert_intact(l, 5);
    sanctum_free(l);
    test_ctx_free_checked(ctx);
}

/* A credential typed as a name (or into any other field the ledger keeps in clear) is refused with a
 * message that names the field and the rule but never quotes the bytes, and nothing is written. */
static void credential_fields_refused(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_ledger *l = NULL;
    sanctum_error err;
    assert_int_equal(tl_open(&l, ctx, ":memory:", T_EPOCH, &err), SANCTUM_OK);
    static fg_token tok;
    fg_rng r = {7};
    assert_true(fg_find("github-pat")->gen(&r, &tok, true));
    char token[64];
    snprintf(token, sizeof token, "%.*s", (int)tok.secret_len, tok.text + tok.secret_off);
    assert_int_equal(tl_add(l, token, 90, 0, 0, NULL, &err), SANCTUM_E_INVALID_ARG);
    assert_non_null(strstr(err.message, "name looks like a credential"));
    assert_non_null(strstr(err.message, "github-pat"));
    assert_null(strstr(err.message, token + 4)); /* the body is never quoted */
    assert_null(strstr(err.message, "ghp_"));
    assert_int_equal(err.offset, 0);

    char note[128];
    snprintf(note, sizeof note, "old one was %s", token);
    const char *fields[] = {"provider", "kind", "owner", "locations", "notes"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        sanctum_ledger_spec sp;
        sanctum_ledger_spec_init(&sp);
        sp.name = (const uint8_t *)"gh";
        sp.name_len = 2;
        sp.provider = (const uint8_t *)"github";
        sp.provider_len = 6;
        sp.max_age_days = 30;
        const uint8_t **f[] = {&sp.provider, &sp.kind, &sp.owner, &sp.locations, &sp.notes};
        size_t *fl[] = {&sp.provider_len, &sp.kind_len, &sp.owner_len, &sp.locations_len, &sp.notes_len};
        *f[i] = (const uint8_t *)note;
        *fl[i] = strlen(note);
        assert_int_equal(sanctum_ledger_add(l, &sp, (const uint8_t *)"t", 1, &err), SANCTUM_E_INVALID_ARG);
        assert_true(strncmp(err.message, fields[i], strlen(fields[i])) == 0);
        assert_int_equal(err.offset, strlen("old one was "));
        assert_null(strstr(err.message, token + 4));
    }
    sanctum_ledger_spec sp;
    sanctum_ledger_spec_init(&sp);
    sp.name = (const uint8_t *)"gh";
    sp.name_len = 2;
    sp.provider = (const uint8_t *)"github";
    sp.provider_len = 6;
    sp.max_age_days = 30;
    assert_int_equal(sanctum_ledger_add(l, &sp, (const uint8_t *)token, strlen(token), &err), SANCTUM_E_INVALID_ARG);
    assert_non_null(strstr(err.message, "actor looks like a credential"));
    /* nothing was stored; a plain name and a look-alike with a broken checksum are fine */
    sanctum_ledger_secret_list *list = NULL;
    assert_int_equal(sanctum_ledger_list(&list, l, 1, &err), SANCTUM_OK);
    assert_int_equal(list->count, 0);
    sanctum_free(list);
    assert_int_equal(sanctum_ledger_add(l, &sp, (const uint8_t *)"t", 1, &err), SANCTUM_OK);
    assert_int_equal(sanctum_ledger_rotate(l, (const uint8_t *)"gh", 2, 0, NULL, 0, (const uint8_t *)token,
                                           strlen(token), &err), SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_ledger_retire(l, (const uint8_t *)"gh", 2, (const uint8_t *)token, strlen(token), &err),
                     SANCTUM_E_INVALID_ARG);
    r.s = 7;
    assert_true(fg_find("github-pat")->gen(&r, &tok, false));
    snprintf(token, sizeof token, "%.*s", (int)tok.secret_len, tok.text + tok.secret_off);
    assert_int_equal(tl_add(l, token, 90, 0, 0, NULL, &err), SANCTUM_OK);
    sanctum_free(l);
    test_ctx_free_checked(ctx);
}

static void bad_input_rejected(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_ledger *l = NULL;
    sanctum_error err;
    assert_int_equal(tl_open(&l, ctx, ":memory:", T_EPOCH, &err), SANCTUM_OK);
    assert_int_equal(tl_add(l, "", 90, 0, 0, NULL, &err), SANCTUM_E_INVALID_ARG);
    assert_int_equal(tl_add(l, "a\tb", 90, 0, 0, NULL, &err), SANCTUM_E_PARSE);
    assert_int_equal(err.offset, 1);
    assert_int_equal(tl_add(l, "bad\xff", 90, 0, 0, NULL, &err), SANCTUM_E_UTF8);
    assert_null(strstr(err.message, "bad")); /* the message never quotes input */
    assert_int_equal(tl_add(l, "x", 0, 0, 0, NULL, &err), SANCTUM_E_INVALID_ARG);
    assert_int_equal(tl_add(l, "x", 36501, 0, 0, NULL, &err), SANCTUM_E_INVALID_ARG);
    assert_int_equal(tl_add(l, "x", 10, 0, (int64_t)1 << 50, NULL, &err), SANCTUM_E_INVALID_ARG);
    char big[300];
    memset(big, 'n', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(tl_add(l, big, 10, 0, 0, NULL, &err), SANCTUM_E_LIMIT);
    sanctum_ledger_spec sp;
    memset(&sp, 0, sizeof sp);
    assert_int_equal(sanctum_ledger_add(l, &sp, NULL, 0, &err), SANCTUM_E_INVALID_ARG); /* no spec_init */
    assert_intact(l, 0);
    sanctum_free(l);
    test_ctx_free_checked(ctx);
}

static void age_check(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_ledger *l = NULL;
    sanctum_error err;
    int64_t now = T_EPOCH + 100 * T_DAY;
    assert_int_equal(tl_open(&l, ctx, ":memory:", now, &err), SANCTUM_OK);
    /* fresh: rotated 10 days ago, max 90 -> nothing */
    assert_int_equal(tl_add(l, "fresh", 90, 0, now - 10 * T_DAY, NULL, &err), SANCTUM_OK);
    /* overdue by 12 days: rotated 102 days ago, max 90 */
    assert_int_equal(tl_add(l, "old", 90, 0, now - 102 * T_DAY, NULL, &err), SANCTUM_OK);
    /* due soon: 80 of 90 days */
    assert_int_equal(tl_add(l, "soon", 90, 0, now - 80 * T_DAY, NULL, &err), SANCTUM_OK);
    /* auto-rotation due at 85 of 90 days (also due soon) */
    assert_int_equal(tl_add(l, "auto", 90, 85, now - 86 * T_DAY, NULL, &err), SANCTUM_OK);
    /* exactly at max age: not yet overdue */
    assert_int_equal(tl_add(l, "edge", 30, 0, now - 30 * T_DAY, NULL, &err), SANCTUM_OK);
    /* retired and very old: ignored */
    assert_int_equal(tl_add(l, "gone", 10, 0, now - 99 * T_DAY, NULL, &err), SANCTUM_OK);
    assert_int_equal(sanctum_ledger_retire(l, (const uint8_t *)"gone", 4, NULL, 0, &err), SANCTUM_OK);
    /* hard expiry passed even though max age is far away */
    sanctum_ledger_spec sp;
    sanctum_ledger_spec_init(&sp);
    sp.name = (const uint8_t *)"cert";
    sp.name_len = 4;
    sp.provider = (const uint8_t *)"acme";
    sp.provider_len = 4;
    sp.max_age_days = 365;
    sp.created_at = now - 20 * T_DAY;
    sp.expires_at = now - 3 * T_DAY;
    assert_int_equal(sanctum_ledger_add(l, &sp, NULL, 0, &err), SANCTUM_OK);

    sanctum_ledger_report *r = NULL;
    assert_int_equal(sanctum_ledger_check(&r, l, 0, &err), SANCTUM_OK);
    assert_int_equal(r->now, now);
    assert_int_equal(r->active, 6);
    assert_int_equal(r->overdue, 2);
    assert_int_equal(r->expired, 1);
    assert_int_equal(r->due_soon, 3);
    assert_int_equal(r->auto_rotate_due, 1);
    assert_int_equal(r->count, 5);
    /* most urgent (earliest deadline) first */
    assert_string_equal(r->items[0].name, "old");
    assert_int_equal(r->items[0].flags, SANCTUM_LEDGER_OVERDUE);
    assert_int_equal(r->items[0].days_over, 12);
    assert_int_equal(r->items[0].age_days, 102);
    assert_string_equal(r->items[1].name, "cert");
    assert_int_equal(r->items[1].flags, SANCTUM_LEDGER_EXPIRED);
    assert_int_equal(r->items[1].days_over, 3);
    assert_string_equal(r->items[2].name, "edge");
    assert_int_equal(r->items[2].flags, SANCTUM_LEDGER_DUE_SOON);
    assert_int_equal(r->items[2].days_left, 0);
    assert_string_equal(r->items[3].name, "auto");
    assert_int_equal(r->items[3].flags, SANCTUM_LEDGER_DUE_SOON | SANCTUM_LEDGER_AUTO_ROTATE_DUE);
    assert_int_equal(r->items[3].days_left, 4);
    assert_string_equal(r->items[4].name, "soon");
    assert_int_equal(r->items[4].days_left, 10);
    sanctum_free(r);

    /* one second later "edge" is overdue (by 0 whole days) */
    assert_int_equal(sanctum_ledger_check(&r, l, now + 1, &err), SANCTUM_OK);
    assert_int_equal(r->overdue, 3);
    sanctum_free(r);
    /* rotating clears it */
    assert_int_equal(sanctum_ledger_rotate(l, (const uint8_t *)"old", 3, 0, NULL, 0, NULL, 0, &err), SANCTUM_OK);
    assert_int_equal(sanctum_ledger_check(&r, l, 0, &err), SANCTUM_OK);
    assert_int_equal(r->overdue, 1);
    sanctum_free(r);
    sanctum_free(l);
    test_ctx_free_checked(ctx);
}

static void fingerprints_and_match(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_ledger *l = NULL, *l2 = NULL;
    sanctum_error err;
    assert_int_equal(tl_open(&l, ctx, ":memory:", T_EPOCH, &err), SANCTUM_OK);
    assert_int_equal(tl_add(l, "a", 90, 0, 0, "shared-fake", &err), SANCTUM_OK);
    assert_int_equal(tl_add(l, "b", 90, 0, 0, "shared-fake", &err), SANCTUM_OK);
    assert_int_equal(tl_add(l, "c", 90, 0, 0, "other-fake", &err), SANCTUM_OK);
    uint8_t fp[32], fp2[32];
    assert_int_equal(sanctum_ledger_fingerprint(fp, 32, l, (const uint8_t *)"shared-fake", 11, &err), SANCTUM_OK);
    sanctum_ledger_secret_list *m = NULL;
    assert_int_equal(sanctum_ledger_match(&m, l, fp, 32, &err), SANCTUM_OK);
    assert_int_equal(m->count, 2); /* a reused value shows up as two entries */
    assert_string_equal(m->items[0].name, "a");
    assert_string_equal(m->items[1].name, "b");
    sanctum_free(m);
    /* another key gives another fingerprint: the fingerprint is not a plain hash */
    sanctum_ledger_options o;
    sanctum_ledger_options_init(&o);
    uint8_t key2[32];
    memset(key2, 7, sizeof key2);
    o.path = (const uint8_t *)":memory:";
    o.path_len = 8;
    o.key = key2;
    o.key_len = 32;
    o.flags = SANCTUM_LEDGER_CREATE;
    assert_int_equal(sanctum_ledger_open(&l2, ctx, &o, &err), SANCTUM_OK);
    assert_int_equal(sanctum_ledger_fingerprint(fp2, 32, l2, (const uint8_t *)"shared-fake", 11, &err), SANCTUM_OK);
    assert_memory_not_equal(fp, fp2, 32);
    assert_int_equal(sanctum_ledger_match(&m, l, fp2, 32, &err), SANCTUM_OK);
    assert_int_equal(m->count, 0);
    sanctum_free(m);
    assert_int_equal(sanctum_ledger_match(&m, l, fp2, 31, &err), SANCTUM_E_INVALID_ARG);
    assert_null(m);
    sanctum_free(l2);
    sanctum_free(l);
    test_ctx_free_checked(ctx);
}

static void verify_expected_head(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_ledger *l = NULL;
    sanctum_error err;
    assert_int_equal(tl_open(&l, ctx, ":memory:", T_EPOCH, &err), SANCTUM_OK);
    assert_int_equal(tl_add(l, "a", 90, 0, 0, NULL, &err), SANCTUM_OK);
    assert_int_equal(tl_add(l, "b", 90, 0, 0, NULL, &err), SANCTUM_OK);
    sanctum_ledger_verify_report r, r2;
    memset(&r, 0, sizeof r);
    assert_int_equal(sanctum_ledger_verify(&r, l, 0, NULL, &err), SANCTUM_OK);
    assert_int_equal(r.events, 2);
    assert_int_equal(tl_add(l, "c", 90, 0, 0, NULL, &err), SANCTUM_OK);
    memset(&r2, 0, sizeof r2);
    assert_int_equal(sanctum_ledger_verify(&r2, l, 2, r.head, &err), SANCTUM_OK);
    assert_int_equal(r2.events, 3);
    uint8_t wrong[32];
    memcpy(wrong, r.head, 32);
    wrong[0] ^= 1;
    assert_int_equal(sanctum_ledger_verify(&r2, l, 2, wrong, &err), SANCTUM_E_TAMPERED);
    assert_int_equal(r2.problem, SANCTUM_LEDGER_UNEXPECTED_HEAD);
    assert_int_equal(r2.first_bad_seq, 2);
    assert_int_equal(sanctum_ledger_verify(&r2, l, 9, r.head, &err), SANCTUM_E_TAMPERED);
    assert_int_equal(r2.problem, SANCTUM_LEDGER_UNEXPECTED_HEAD);
    sanctum_free(l);
    test_ctx_free_checked(ctx);
}

static void times_round_trip(void **state)
{
    (void)state;
    sanctum_error err;
    int64_t t = 0;
    char buf[32];
    assert_int_equal(sanctum_ledger_parse_time(&t, (const uint8_t *)"2026-01-01T00:00:00Z", 20, &err), SANCTUM_OK);
    assert_int_equal(t, T_EPOCH);
    assert_int_equal(sanctum_ledger_parse_time(&t, (const uint8_t *)"2026-01-01", 10, &err), SANCTUM_OK);
    assert_int_equal(t, T_EPOCH);
    assert_int_equal(sanctum_ledger_parse_time(&t, (const uint8_t *)"2026-01-01T02:30:00.123+02:30", 29, &err),
                     SANCTUM_OK);
    assert_int_equal(t, T_EPOCH);
    assert_int_equal(sanctum_ledger_parse_time(&t, (const uint8_t *)"2024-02-29T23:59:59z", 20, &err), SANCTUM_OK);
    assert_int_equal(sanctum_ledger_format_time(buf, sizeof buf, t, &err), SANCTUM_OK);
    assert_string_equal(buf, "2024-02-29T23:59:59Z");
    assert_int_equal(sanctum_ledger_format_time(buf, sizeof buf, -1, &err), SANCTUM_OK);
    assert_string_equal(buf, "1969-12-31T23:59:59Z");
    assert_int_equal(sanctum_ledger_format_time(buf, 20, 0, &err), SANCTUM_E_BUFFER_TOO_SMALL);
    static const char *bad[] = {"2025-02-29", "2026-13-01", "2026-01-01T24:00:00Z", "2026-01-01T00:00:00",
                                "2026-01-01T00:00Z", "26-01-01", "2026-01-01T00:00:00+2:00", "2026-01-01x",
                                "2026-01-01T00:00:00.Z", "0000-01-01", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (sanctum_ledger_parse_time(&t, (const uint8_t *)bad[i], strlen(bad[i]), &err) != SANCTUM_E_PARSE)
            fail_msg("accepted bad time #%zu", i);
    }
    /* every day over a long range round-trips */
    for (int64_t d = -719162; d < 2932896; d += 997) {
        int64_t v = d * T_DAY + 3723, back = 0;
        assert_int_equal(sanctum_ledger_format_time(buf, sizeof buf, v, &err), SANCTUM_OK);
        assert_int_equal(sanctum_ledger_parse_time(&back, (const uint8_t *)buf, strlen(buf), &err), SANCTUM_OK);
        assert_int_equal(back, v);
    }
}

static void batches(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_ledger *l = NULL;
    sanctum_error err;
    assert_int_equal(tl_open(&l, ctx, ":memory:", T_EPOCH, &err), SANCTUM_OK);
    assert_int_equal(sanctum_ledger_batch_commit(l, &err), SANCTUM_E_STATE);
    assert_int_equal(sanctum_ledger_batch_begin(l, &err), SANCTUM_OK);
    assert_int_equal(sanctum_ledger_batch_begin(l, &err), SANCTUM_E_STATE);
    assert_int_equal(tl_add(l, "a", 10, 0, 0, NULL, &err), SANCTUM_OK);
    assert_int_equal(tl_add(l, "a", 10, 0, 0, NULL, &err), SANCTUM_E_EXISTS); /* fails alone */
    assert_int_equal(tl_add(l, "b", 10, 0, 0, NULL, &err), SANCTUM_OK);
    assert_int_equal(sanctum_ledger_rotate(l, (const uint8_t *)"a", 1, 0, NULL, 0, NULL, 0, &err), SANCTUM_OK);
    assert_intact(l, 3); /* reads see the open batch */
    assert_int_equal(sanctum_ledger_batch_commit(l, &err), SANCTUM_OK);
    assert_int_equal(sanctum_ledger_batch_begin(l, &err), SANCTUM_OK);
    assert_int_equal(tl_add(l, "c", 10, 0, 0, NULL, &err), SANCTUM_OK);
    assert_int_equal(sanctum_ledger_batch_rollback(l, &err), SANCTUM_OK);
    sanctum_ledger_secret_list *list = NULL;
    assert_int_equal(sanctum_ledger_list(&list, l, 1, &err), SANCTUM_OK);
    assert_int_equal(list->count, 2);
    sanctum_free(list);
    assert_intact(l, 3);
    sanctum_free(l);
    test_ctx_free_checked(ctx);
}

/* ---- opening: keys, foreign and newer files, migrations ---- */

static sanctum_status open_file(sanctum_ctx *ctx, const char *db, const char *keyfile, uint32_t flags,
                                sanctum_ledger **out, sanctum_error *err)
{
    sanctum_ledger_options o;
    sanctum_ledger_options_init(&o);
    o.path = (const uint8_t *)db;
    o.path_len = strlen(db);
    if (keyfile) {
        o.key_path = (const uint8_t *)keyfile;
        o.key_path_len = strlen(keyfile);
    }
    o.flags = flags;
    return sanctum_ledger_open(out, ctx, &o, err);
}

static void sql(const char *db, const char *stmt)
{
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(h, stmt, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        fail_msg("sql: %s", msg ? msg : "?");
    sqlite3_close(h);
}

static void key_file_handling(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    char db[300], key[300], other[300];
    path_in_tmp(db, sizeof db, "k.db");
    path_in_tmp(key, sizeof key, "k.db.key");
    path_in_tmp(other, sizeof other, "other.key");
    sanctum_ledger *l = NULL;
    sanctum_error err;
    /* not there and not creating */
    assert_int_equal(open_file(ctx, db, NULL, 0, &l, &err), SANCTUM_E_NOT_FOUND);
    assert_int_equal(open_file(ctx, db, NULL, SANCTUM_LEDGER_CREATE, &l, &err), SANCTUM_OK);
    assert_int_equal(tl_add(l, "a", 90, 0, 0, NULL, &err), SANCTUM_OK);
    sanctum_free(l);
    struct stat sb;
    assert_int_equal(stat(key, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    assert_int_equal(sb.st_size, 32);
    /* reopen read-only with the key file beside it */
    assert_int_equal(open_file(ctx, db, NULL, SANCTUM_LEDGER_READ_ONLY, &l, &err), SANCTUM_OK);
    assert_intact(l, 1);
    sanctum_free(l);
    /* a different key is refused clearly */
    assert_int_equal(sanctum_ledger_keygen((const uint8_t *)other, strlen(other), &err), SANCTUM_OK);
    assert_int_equal(sanctum_ledger_keygen((const uint8_t *)other, strlen(other), &err), SANCTUM_E_EXISTS);
    assert_int_equal(open_file(ctx, db, other, 0, &l, &err), SANCTUM_E_CRYPTO);
    assert_non_null(strstr(err.message, "key does not belong"));
    /* a group-readable key file is refused */
    assert_int_equal(chmod(key, 0640), 0);
    assert_int_equal(open_file(ctx, db, NULL, 0, &l, &err), SANCTUM_E_CRYPTO);
    assert_non_null(strstr(err.message, "chmod 600"));
    assert_int_equal(chmod(key, 0600), 0);
    /* the database exists but its key is gone: never silently make a new one */
    assert_int_equal(rename(key, other), 0);
    assert_int_equal(open_file(ctx, db, NULL, SANCTUM_LEDGER_CREATE, &l, &err), SANCTUM_E_NOT_FOUND);
    assert_int_equal(stat(key, &sb), -1);
    assert_null(l);
    test_ctx_free_checked(ctx);
}

static void foreign_newer_corrupt(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    char db[300];
    sanctum_ledger *l = NULL;
    sanctum_error err;
    uint8_t k[32] = {0};
    /* another application's database */
    path_in_tmp(db, sizeof db, "foreign.db");
    sql(db, "CREATE TABLE t (x); PRAGMA application_id = 42;");
    sanctum_ledger_options o;
    sanctum_ledger_options_init(&o);
    o.path = (const uint8_t *)db;
    o.path_len = strlen(db);
    o.key = k;
    o.key_len = 32;
    assert_int_equal(sanctum_ledger_open(&l, ctx, &o, &err), SANCTUM_E_UNSUPPORTED);
    assert_non_null(strstr(err.message, "not a sanctum ledger"));
    /* a plain SQLite file with tables but no id is foreign too */
    path_in_tmp(db, sizeof db, "plain.db");
    sql(db, "CREATE TABLE secrets (x);");
    o.path_len = strlen(db);
    assert_int_equal(sanctum_ledger_open(&l, ctx, &o, &err), SANCTUM_E_UNSUPPORTED);
    /* not SQLite at all */
    path_in_tmp(db, sizeof db, "garbage.db");
    FILE *f = fopen(db, "wb");
    assert_non_null(f);
    for (int i = 0; i < 4096; i++)
        fputc((i * 7919) & 0xff, f);
    fclose(f);
    o.path_len = strlen(db);
    sanctum_status st = sanctum_ledger_open(&l, ctx, &o, &err);
    assert_true(st == SANCTUM_E_UNSUPPORTED || st == SANCTUM_E_DB);
    assert_null(l);
    /* a newer schema */
    path_in_tmp(db, sizeof db, "newer.db");
    o.path_len = strlen(db);
    o.flags = SANCTUM_LEDGER_CREATE;
    assert_int_equal(sanctum_ledger_open(&l, ctx, &o, &err), SANCTUM_OK);
    sanctum_free(l);
    sql(db, "PRAGMA user_version = 99;");
    assert_int_equal(sanctum_ledger_open(&l, ctx, &o, &err), SANCTUM_E_UNSUPPORTED);
    assert_non_null(strstr(err.message, "newer than this library"));
    assert_null(l);
    /* a negative schema version (the header field is signed) is refused, not used as a table index */
    sql(db, "PRAGMA user_version = -1996410568;");
    assert_int_equal(sanctum_ledger_open(&l, ctx, &o, &err), SANCTUM_E_UNSUPPORTED);
    assert_non_null(strstr(err.message, "negative schema version"));
    assert_null(l);
    test_ctx_free_checked(ctx);
}

static void migrates_version_1(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    char v2[300], v1[300], sqlpath[400];
    path_in_tmp(v2, sizeof v2, "mig2.db");
    path_in_tmp(v1, sizeof v1, "mig1.db");
    sanctum_ledger *l = NULL;
    sanctum_error err;
    /* a fresh ledger gives us a valid key check and anchor; copy them into a version-1 file */
    assert_int_equal(tl_open(&l, ctx, v2, T_EPOCH, &err), SANCTUM_OK);
    sanctum_free(l);
    snprintf(sqlpath, sizeof sqlpath, "%s/db/0001_initial.sql", SANCTUM_SOURCE_DIR);
    size_t n = 0;
    uint8_t *text = test_read_file(sqlpath, &n);
    assert_non_null(text);
    char *s = realloc(text, n + 1);
    assert_non_null(s);
    s[n] = '\0';
    sql(v1, s);
    free(s);
    char stmt[1000];
    snprintf(stmt, sizeof stmt,
             "ATTACH '%s' AS v2; INSERT INTO meta SELECT * FROM v2.meta; INSERT INTO anchor SELECT * FROM v2.anchor;"
             "PRAGMA user_version = 1; PRAGMA application_id = 1396919367;", v2);
    sql(v1, stmt);
    assert_int_equal(tl_open(&l, ctx, v1, T_EPOCH, &err), SANCTUM_OK);
    assert_int_equal(tl_add(l, "after-migration", 30, 0, 0, NULL, &err), SANCTUM_OK);
    sanctum_ledger_secret_list *list = NULL;
    const sanctum_ledger_secret *sec = show(l, "after-migration", &list);
    assert_int_equal(sec->due_soon_days, 14);
    sanctum_free(list);
    assert_intact(l, 1);
    sanctum_free(l);
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(v1, &h), SQLITE_OK);
    sqlite3_stmt *q = NULL;
    assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(q, 0), 2);
    sqlite3_finalize(q);
    sqlite3_close(h);
    test_ctx_free_checked(ctx);
}

/* A damaged file: every call returns a clear error or a result, never a crash or a leak. */
static void corrupt_file(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    char db[300];
    path_in_tmp(db, sizeof db, "corrupt.db");
    sanctum_ledger *l = NULL;
    sanctum_error err;
    assert_int_equal(tl_open(&l, ctx, db, T_EPOCH, &err), SANCTUM_OK);
    assert_int_equal(sanctum_ledger_batch_begin(l, &err), SANCTUM_OK);
    for (int i = 0; i < 300; i++) {
        char name[32];
        snprintf(name, sizeof name, "secret-with-a-longer-name-%d", i);
        assert_int_equal(tl_add(l, name, 30, 0, 0, NULL, &err), SANCTUM_OK);
    }
    assert_int_equal(sanctum_ledger_batch_commit(l, &err), SANCTUM_OK);
    sanctum_free(l);
    struct stat sb;
    assert_int_equal(stat(db, &sb), 0);
    assert_true(sb.st_size > 8 * 4096);
    for (int round = 0; round < 3; round++) {
        /* overwrite a stretch of a middle page, or chop the file */
        if (round < 2) {
            FILE *f = fopen(db, "r+b");
            assert_non_null(f);
            assert_int_equal(fseek(f, (long)(sb.st_size / 2 + round * 4096 + 100), SEEK_SET), 0);
            for (int i = 0; i < 1500; i++)
                fputc((i * 131 + round) & 0xff, f);
            fclose(f);
        } else {
            assert_int_equal(truncate(db, sb.st_size / 3), 0);
        }
        sanctum_status st = tl_open(&l, ctx, db, T_EPOCH, &err);
        if (st != SANCTUM_OK) {
            assert_true(err.message[0] != '\0');
            continue;
        }
        sanctum_ledger_verify_report r;
        memset(&r, 0, sizeof r);
        st = sanctum_ledger_verify(&r, l, 0, NULL, &err);
        assert_int_not_equal(st, SANCTUM_OK);
        assert_true(st == SANCTUM_E_DB || st == SANCTUM_E_TAMPERED);
        sanctum_ledger_report *rep = NULL;
        st = sanctum_ledger_check(&rep, l, 0, &err);
        assert_true(st == SANCTUM_OK || st == SANCTUM_E_DB);
        sanctum_free(rep);
        sanctum_ledger_secret_list *list = NULL;
        (void)sanctum_ledger_list(&list, l, 1, &err);
        sanctum_free(list);
        sanctum_ledger_event_list *ev = NULL;
        (void)sanctum_ledger_audit_log(&ev, l, NULL, 0, &err);
        sanctum_free(ev);
        (void)tl_add(l, "new", 30, 0, 0, NULL, &err);
        sanctum_free(l);
    }
    test_ctx_free_checked(ctx);
}

/* ---- allocation-failure sweeps (our allocator; SQLite's own allocations are not injected) ---- */

typedef struct sweep_env {
    sanctum_ledger *l;
    char db[300];
    int counter;
} sweep_env;

static sanctum_status op_open(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    sweep_env *e = user;
    sanctum_ledger *l = NULL;
    sanctum_ledger_options o;
    sanctum_ledger_options_init(&o);
    o.path = (const uint8_t *)e->db;
    o.path_len = strlen(e->db);
    o.flags = SANCTUM_LEDGER_CREATE;
    sanctum_status st = sanctum_ledger_open(&l, ctx, &o, err);
    sanctum_free(l);
    return st;
}

static sanctum_status op_add(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    (void)ctx;
    sweep_env *e = user;
    char name[32];
    snprintf(name, sizeof name, "sweep-%d", e->counter);
    sanctum_status st = tl_add(e->l, name, 30, 20, T_EPOCH - 40 * T_DAY, "fake-v", err);
    if (st == SANCTUM_OK)
        e->counter++;
    return st;
}

static sanctum_status op_rotate(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    (void)ctx;
    sweep_env *e = user;
    return sanctum_ledger_rotate(e->l, (const uint8_t *)"base", 4, 0, (const uint8_t *)"v", 1, NULL, 0, err);
}

static sanctum_status op_reads(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    (void)ctx;
    sweep_env *e = user;
    sanctum_ledger_secret_list *list = NULL;
    sanctum_ledger_report *r = NULL;
    sanctum_ledger_event_list *ev = NULL;
    sanctum_status st = sanctum_ledger_show(&list, e->l, (const uint8_t *)"base", 4, err);
    sanctum_free(list);
    list = NULL;
    if (st == SANCTUM_OK)
        st = sanctum_ledger_list(&list, e->l, 1, err);
    sanctum_free(list);
    list = NULL;
    if (st == SANCTUM_OK)
        st = sanctum_ledger_check(&r, e->l, 0, err);
    sanctum_free(r);
    if (st == SANCTUM_OK)
        st = sanctum_ledger_audit_log(&ev, e->l, NULL, 0, err);
    sanctum_free(ev);
    uint8_t fp[32];
    if (st == SANCTUM_OK)
        st = sanctum_ledger_fingerprint(fp, 32, e->l, (const uint8_t *)"v", 1, err);
    if (st == SANCTUM_OK)
        st = sanctum_ledger_match(&list, e->l, fp, 32, err);
    sanctum_free(list);
    return st;
}

static sanctum_status op_verify(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    (void)ctx;
    sweep_env *e = user;
    sanctum_ledger_verify_report r;
    memset(&r, 0, sizeof r);
    return sanctum_ledger_verify(&r, e->l, 0, NULL, err);
}

static void allocation_sweeps(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sweep_env e;
    memset(&e, 0, sizeof e);
    path_in_tmp(e.db, sizeof e.db, "sweep.db");
    assert_sweep_clean(ctx, op_open, &e);
    sanctum_error err;
    assert_int_equal(tl_open(&e.l, ctx, ":memory:", T_EPOCH, &err), SANCTUM_OK);
    assert_int_equal(tl_add(e.l, "base", 30, 10, T_EPOCH - 29 * T_DAY, NULL, &err), SANCTUM_OK);
    for (int i = 0; i < 20; i++) {
        char name[32];
        snprintf(name, sizeof name, "ret-%d", i);
        assert_int_equal(tl_add(e.l, name, 30, 0, 0, NULL, &err), SANCTUM_OK);
    }
    assert_sweep_clean(ctx, op_add, &e);
    assert_sweep_clean(ctx, op_rotate, &e);
    assert_sweep_clean(ctx, op_reads, &e);
    assert_sweep_clean(ctx, op_verify, &e);
    /* retire: each failing run must leave the secret active, so the clean run succeeds */
    for (uint64_t n = 1;; n++) {
        char name[32];
        snprintf(name, sizeof name, "ret-%d", e.counter);
        sc_fault_arm(ctx, n, false);
        sanctum_status st = sanctum_ledger_retire(e.l, (const uint8_t *)name, strlen(name), NULL, 0, &err);
        uint64_t injected = sc_fault_injected(ctx);
        sc_fault_disarm(ctx);
        if (injected == 0) {
            assert_int_equal(st, SANCTUM_OK);
            break;
        }
        assert_int_equal(st, SANCTUM_E_NOMEM);
        assert_true(n < 1000);
    }
    /* base + 20 + two clean adds + two clean rotations + one retire */
    assert_int_equal(e.counter, 2);
    assert_intact(e.l, 1 + 20 + 2 + 2 + 1);
    sanctum_free(e.l);
    test_ctx_free_checked(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(add_rotate_retire),
        cmocka_unit_test(bad_input_rejected),
        cmocka_unit_test(credential_fields_refused),
        cmocka_unit_test(age_check),
        cmocka_unit_test(fingerprints_and_match),
        cmocka_unit_test(verify_expected_head),
        cmocka_unit_test(times_round_trip),
        cmocka_unit_test(batches),
        cmocka_unit_test(key_file_handling),
        cmocka_unit_test(foreign_newer_corrupt),
        cmocka_unit_test(migrates_version_1),
        cmocka_unit_test(corrupt_file),
        cmocka_unit_test(allocation_sweeps),
    };
    return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
