/* Fuzz harness: random sequences of ledger operations (add, rotate, retire, show, check, match,
 * verify, batches, RFC 3339 parsing) on an in-memory ledger with a fixed key and clock, with injected
 * allocation failures. A model of the expected state is kept beside it. Invariants (abort on
 * violation): every status is the one the model predicts; a failed call changes nothing; show and
 * check agree with the model (ages, flags, days over); the audit chain verifies after every step; a
 * parsed time formats and parses back to itself; nothing leaks. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "fuzz.h"

enum { SLOTS = 6, MAX_OPS = 48 };
#define DAY 86400
#define NOW0 1767225600 /* 2026-01-01 */

typedef struct model {
    int exists, retired;
    int64_t created, rotated;
    uint32_t max_age, auto_days, soon;
    uint64_t rotations, events;
    int has_fp;
    uint8_t value; /* the fake value is "v<byte>" */
} model;

static void slot_name(int i, char out[8])
{
    snprintf(out, 8, "s%d", i);
}

static void verify_ok(sanctum_ledger *l, uint64_t events)
{
    sanctum_ledger_verify_report r;
    memset(&r, 0, sizeof r);
    sanctum_error err;
    fuzz_must(sanctum_ledger_verify(&r, l, 0, NULL, &err) == SANCTUM_OK);
    fuzz_must(r.problem == SANCTUM_LEDGER_INTACT && r.events == events);
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static void check_report(sanctum_ledger *l, const model m[SLOTS], int64_t now, sanctum_status st,
                         sanctum_ledger_report *r)
{
    (void)l;
    if (st != SANCTUM_OK)
        return;
    uint64_t active = 0, overdue = 0, listed = 0;
    for (int i = 0; i < SLOTS; i++) {
        if (!m[i].exists || m[i].retired)
            continue;
        active++;
        int64_t due = m[i].rotated + (int64_t)m[i].max_age * DAY;
        int over = now > due;
        int soon = !over && due - (int64_t)m[i].soon * DAY <= now;
        int autod = m[i].auto_days && now >= m[i].rotated + (int64_t)m[i].auto_days * DAY;
        overdue += (uint64_t)over;
        char name[8];
        slot_name(i, name);
        const sanctum_ledger_check_item *it = NULL;
        for (uint64_t k = 0; k < r->count; k++)
            if (strcmp(r->items[k].name, name) == 0)
                it = &r->items[k];
        if (!over && !soon && !autod) {
            fuzz_must(it == NULL);
            continue;
        }
        listed++;
        fuzz_must(it != NULL);
        fuzz_must(((it->flags & SANCTUM_LEDGER_OVERDUE) != 0) == over);
        fuzz_must(((it->flags & SANCTUM_LEDGER_DUE_SOON) != 0) == soon);
        fuzz_must(((it->flags & SANCTUM_LEDGER_AUTO_ROTATE_DUE) != 0) == autod);
        fuzz_must(it->age_days == floor_div(now - m[i].rotated, DAY));
        fuzz_must(it->days_over == (over ? floor_div(now - due, DAY) : 0));
        fuzz_must(it->due_at == due);
    }
    fuzz_must(r->active == active && r->overdue == overdue && r->count == listed);
    for (uint64_t k = 1; k < r->count; k++) /* sorted by deadline */
        fuzz_must(r->items[k - 1].due_at <= r->items[k].due_at);
}

static void time_round_trip(fuzz_reader *rd)
{
    uint8_t buf[40];
    size_t n = fuzz_next(rd) % sizeof buf;
    for (size_t i = 0; i < n; i++)
        buf[i] = fuzz_next(rd);
    int64_t t = 0, back = 0;
    sanctum_error err;
    sanctum_status st = sanctum_ledger_parse_time(&t, buf, n, &err);
    fuzz_must(st == SANCTUM_OK || st == SANCTUM_E_PARSE);
    if (st != SANCTUM_OK) {
        fuzz_must(err.offset <= n);
        return;
    }
    char out[32];
    fuzz_must(sanctum_ledger_format_time(out, sizeof out, t, &err) == SANCTUM_OK);
    fuzz_must(sanctum_ledger_parse_time(&back, (const uint8_t *)out, strlen(out), &err) == SANCTUM_OK);
    fuzz_must(back == t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_reader rd = {data, size};
    sanctum_ctx *ctx = NULL;
    sanctum_error err;
    if (sanctum_ctx_new(&ctx, NULL, &err) != SANCTUM_OK)
        abort();
    static const uint8_t key[32] = {9, 8, 7, 6, 5, 4, 3, 2, 1};
    sanctum_ledger_options o;
    sanctum_ledger_options_init(&o);
    o.path = (const uint8_t *)":memory:";
    o.path_len = 8;
    o.key = key;
    o.key_len = 32;
    o.flags = SANCTUM_LEDGER_CREATE | SANCTUM_LEDGER_FIXED_NOW;
    o.now = NOW0;
    sanctum_ledger *l = NULL;
    fuzz_must(sanctum_ledger_open(&l, ctx, &o, &err) == SANCTUM_OK);
    model m[SLOTS];
    memset(m, 0, sizeof m);
    uint64_t events = 0;
    int64_t now = NOW0;
    int in_batch = 0;
    for (int op = 0; op < MAX_OPS && rd.n > 0; op++) {
        uint8_t c = fuzz_next(&rd);
        int slot = (c >> 4) % SLOTS;
        char name[8];
        slot_name(slot, name);
        uint8_t fault = 0;
        if ((c & 8) && rd.n > 0)
            fault = fuzz_next(&rd) % 24; /* fail our allocation number `fault` of this call */
        if (fault)
            sc_fault_arm(ctx, fault, (c & 0x80) != 0);
        sanctum_status st = SANCTUM_OK;
        model *s = &m[slot];
        switch (c & 7) {
        case 0: { /* add */
            sanctum_ledger_spec sp;
            sanctum_ledger_spec_init(&sp);
            sp.name = (const uint8_t *)name;
            sp.name_len = strlen(name);
            sp.provider = (const uint8_t *)"p";
            sp.provider_len = 1;
            sp.max_age_days = 1u + fuzz_next(&rd) % 120u;
            sp.auto_rotate_days = fuzz_next(&rd) % 100u;
            sp.due_soon_days = fuzz_next(&rd) % 20u;
            sp.created_at = now - (int64_t)(fuzz_next(&rd) % 200) * DAY;
            uint8_t v = fuzz_next(&rd);
            char value[8];
            snprintf(value, sizeof value, "v%u", (unsigned)v);
            if (v & 1) {
                sp.value = (const uint8_t *)value;
                sp.value_len = strlen(value);
            }
            st = sanctum_ledger_add(l, &sp, (const uint8_t *)"fz", 2, &err);
            if (fault && st == SANCTUM_E_NOMEM)
                break;
            fuzz_must(st == (s->exists ? SANCTUM_E_EXISTS : SANCTUM_OK));
            if (st == SANCTUM_OK) {
                *s = (model){1, 0, sp.created_at, sp.created_at, sp.max_age_days, sp.auto_rotate_days,
                             sp.due_soon_days, 0, 0, (int)(v & 1), v};
                events++;
            }
            break;
        }
        case 1: { /* rotate */
            int64_t at = now - (int64_t)(fuzz_next(&rd) % 64) * DAY;
            uint8_t v = fuzz_next(&rd);
            char value[8];
            snprintf(value, sizeof value, "v%u", (unsigned)v);
            size_t vl = (v & 1) ? strlen(value) : 0;
            st = sanctum_ledger_rotate(l, (const uint8_t *)name, strlen(name), at, vl ? (const uint8_t *)value : NULL,
                                       vl, NULL, 0, &err);
            if (fault && st == SANCTUM_E_NOMEM)
                break;
            sanctum_status want = !s->exists ? SANCTUM_E_NOT_FOUND
                                  : s->retired ? SANCTUM_E_STATE
                                  : at < s->created ? SANCTUM_E_INVALID_ARG
                                                    : SANCTUM_OK;
            fuzz_must(st == want);
            if (st == SANCTUM_OK) {
                s->rotated = at;
                s->rotations++;
                s->has_fp = (int)(v & 1);
                s->value = v;
                events++;
            }
            break;
        }
        case 2: /* retire */
            st = sanctum_ledger_retire(l, (const uint8_t *)name, strlen(name), NULL, 0, &err);
            if (fault && st == SANCTUM_E_NOMEM)
                break;
            fuzz_must(st == (!s->exists ? SANCTUM_E_NOT_FOUND : s->retired ? SANCTUM_E_STATE : SANCTUM_OK));
            if (st == SANCTUM_OK) {
                s->retired = 1;
                events++;
            }
            break;
        case 3: { /* check at a later time */
            now += (int64_t)fuzz_next(&rd) * 3600 * 7;
            sanctum_ledger_report *r = NULL;
            st = sanctum_ledger_check(&r, l, now, &err);
            fuzz_must(st == SANCTUM_OK || (fault && st == SANCTUM_E_NOMEM));
            fuzz_must((st == SANCTUM_OK) == (r != NULL));
            check_report(l, m, now, st, r);
            sanctum_free(r);
            break;
        }
        case 4: { /* show */
            sanctum_ledger_secret_list *list = NULL;
            st = sanctum_ledger_show(&list, l, (const uint8_t *)name, strlen(name), &err);
            if (fault && st == SANCTUM_E_NOMEM) {
                fuzz_must(list == NULL);
                break;
            }
            fuzz_must(st == (s->exists ? SANCTUM_OK : SANCTUM_E_NOT_FOUND));
            if (st == SANCTUM_OK) {
                const sanctum_ledger_secret *x = &list->items[0];
                fuzz_must(x->rotated_at == s->rotated && x->rotations == s->rotations && x->max_age_days == s->max_age);
                fuzz_must(x->state == (s->retired ? SANCTUM_LEDGER_RETIRED : SANCTUM_LEDGER_ACTIVE));
                fuzz_must(x->has_fingerprint == (uint32_t)s->has_fp);
            }
            sanctum_free(list);
            break;
        }
        case 5: { /* match the slot's last value */
            char value[8];
            snprintf(value, sizeof value, "v%u", (unsigned)s->value);
            uint8_t fp[32];
            fuzz_must(sanctum_ledger_fingerprint(fp, 32, l, (const uint8_t *)value, strlen(value), &err) == SANCTUM_OK);
            sanctum_ledger_secret_list *list = NULL;
            st = sanctum_ledger_match(&list, l, fp, 32, &err);
            if (fault && st == SANCTUM_E_NOMEM)
                break;
            fuzz_must(st == SANCTUM_OK);
            int found = 0;
            for (uint64_t k = 0; k < list->count; k++)
                found |= strcmp(list->items[k].name, name) == 0;
            fuzz_must(found == (s->exists && s->has_fp));
            sanctum_free(list);
            break;
        }
        case 6: { /* audit log, or open/commit a batch (writes join one transaction) */
            if (c & 0x40) {
                if (fault)
                    sc_fault_disarm(ctx);
                st = in_batch ? sanctum_ledger_batch_commit(l, &err) : sanctum_ledger_batch_begin(l, &err);
                fuzz_must(st == SANCTUM_OK);
                in_batch = !in_batch;
                break;
            }
            sanctum_ledger_event_list *ev = NULL;
            st = sanctum_ledger_audit_log(&ev, l, NULL, 0, &err);
            if (fault && st == SANCTUM_E_NOMEM)
                break;
            fuzz_must(st == SANCTUM_OK && ev->count == events);
            for (uint64_t k = 0; k < ev->count; k++)
                fuzz_must(ev->items[k].seq == k + 1);
            sanctum_free(ev);
            break;
        }
        default:
            if (fault)
                sc_fault_disarm(ctx);
            time_round_trip(&rd);
            break;
        }
        if (fault) {
            sc_fault_disarm(ctx);
            if (st == SANCTUM_E_NOMEM)
                fuzz_must(err.code == SANCTUM_E_NOMEM && err.message[0] != '\0');
        }
        verify_ok(l, events);
    }
    if (in_batch)
        fuzz_must(sanctum_ledger_batch_commit(l, &err) == SANCTUM_OK);
    verify_ok(l, events);
    sanctum_free(l);
    fuzz_ctx_free_checked(ctx);
    return 0;
}
