/* Ledger reads: rows, show/list/match, the age check and the audit log. */
#include "ledger/ledger_internal.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "utf8.h"

#define DAY 86400

sanctum_status sc_ledger_check_text(const uint8_t *p, size_t n, size_t max, bool required, bool multiline,
                                    const char *field, sanctum_error *err)
{
    if (p == NULL && n != 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "%s is NULL with a length", field);
    if (required && n == 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "%s is required", field);
    if (n > max)
        return sc_error(err, SANCTUM_E_LIMIT, (uint64_t)max, "%s is longer than %zu bytes", field, max);
    size_t ok = sc_utf8_valid_prefix(p, n);
    if (ok != n)
        return sc_error(err, SANCTUM_E_UTF8, (uint64_t)ok, "%s is not valid UTF-8", field);
    for (size_t i = 0; i < n; i++) {
        if ((p[i] < 0x20 && !(multiline && p[i] == '\n')) || p[i] == 0x7f)
            return sc_error(err, SANCTUM_E_PARSE, (uint64_t)i, "%s contains a control character", field);
    }
    return SANCTUM_OK;
}

void sc_ledger_row_clear(sc_secret_row *row)
{
    sc_free(row->name);
    sc_free(row->provider);
    sc_free(row->kind);
    sc_free(row->locations);
    sc_free(row->owner);
    sc_free(row->notes);
    memset(row, 0, sizeof *row);
}

static char *col_dup(sanctum_ctx *ctx, sqlite3_stmt *st, int col, bool *bad)
{
    /* The type first: asking for text converts the value, after which the type says nothing. */
    if (sqlite3_column_type(st, col) != SQLITE_TEXT) {
        *bad = true;
        return sc_memdup(ctx, "", 0, 0);
    }
    const unsigned char *t = sqlite3_column_text(st, col);
    size_t n = (size_t)sqlite3_column_bytes(st, col);
    if (t == NULL) {
        *bad = true;
        t = (const unsigned char *)"";
        n = 0;
    }
    return sc_memdup(ctx, t, n, 0);
}

static uint32_t col_days(sqlite3_stmt *st, int col, bool nullable, bool *bad)
{
    if (sqlite3_column_type(st, col) == SQLITE_NULL && nullable)
        return 0;
    int64_t v = sqlite3_column_int64(st, col);
    if (sqlite3_column_type(st, col) != SQLITE_INTEGER || v < 0 || v > SC_LEDGER_MAX_DAYS) {
        *bad = true;
        return 0;
    }
    return (uint32_t)v;
}

static int64_t col_time(sqlite3_stmt *st, int col, bool nullable, bool *bad)
{
    if (sqlite3_column_type(st, col) == SQLITE_NULL && nullable)
        return 0;
    int64_t v = sqlite3_column_int64(st, col);
    /* Years 0001..9999: keeps every later sum of days and seconds far from overflow. */
    if (sqlite3_column_type(st, col) != SQLITE_INTEGER || v < -62135596800LL || v > 253402300799LL) {
        *bad = true;
        return 0;
    }
    return v;
}

sanctum_status sc_ledger_row_from_stmt(sanctum_ctx *ctx, sqlite3_stmt *st, int c, sc_secret_row *row,
                                       sanctum_error *err)
{
    memset(row, 0, sizeof *row);
    bool bad = false;
    row->id = sqlite3_column_int64(st, c + 0);
    row->name = col_dup(ctx, st, c + 1, &bad);
    row->provider = col_dup(ctx, st, c + 2, &bad);
    row->kind = col_dup(ctx, st, c + 3, &bad);
    row->locations = col_dup(ctx, st, c + 4, &bad);
    row->owner = col_dup(ctx, st, c + 5, &bad);
    row->notes = col_dup(ctx, st, c + 6, &bad);
    if (!row->name || !row->provider || !row->kind || !row->locations || !row->owner || !row->notes) {
        sc_ledger_row_clear(row);
        return sc_error_nomem(err);
    }
    row->created_at = col_time(st, c + 7, false, &bad);
    row->rotated_at = col_time(st, c + 8, false, &bad);
    row->expires_at = col_time(st, c + 9, true, &bad);
    row->max_age_days = col_days(st, c + 10, false, &bad);
    row->auto_rotate_days = col_days(st, c + 11, true, &bad);
    row->due_soon_days = col_days(st, c + 12, false, &bad);
    const unsigned char *method = sqlite3_column_text(st, c + 13);
    const unsigned char *state = sqlite3_column_text(st, c + 14);
    if (method != NULL && strcmp((const char *)method, "api") == 0)
        row->method = SANCTUM_LEDGER_API;
    else if (method == NULL || strcmp((const char *)method, "manual") != 0)
        bad = true;
    if (state != NULL && strcmp((const char *)state, "retired") == 0)
        row->state = SANCTUM_LEDGER_RETIRED;
    else if (state == NULL || strcmp((const char *)state, "active") != 0)
        bad = true;
    if (sqlite3_column_type(st, c + 15) != SQLITE_NULL) {
        const void *fp = sqlite3_column_blob(st, c + 15);
        if (fp == NULL || sqlite3_column_bytes(st, c + 15) != 32)
            bad = true;
        else {
            memcpy(row->fp, fp, 32);
            row->has_fp = 1;
        }
    }
    int64_t rot = sqlite3_column_int64(st, c + 16);
    if (rot < 0)
        bad = true;
    row->rotations = (uint64_t)(rot < 0 ? 0 : rot);
    if (row->max_age_days == 0)
        bad = true;
    if (bad) {
        sc_ledger_row_clear(row);
        return sc_error(err, SANCTUM_E_PARSE, SANCTUM_NO_OFFSET, "a secret row holds malformed values");
    }
    return SANCTUM_OK;
}

sanctum_status sc_ledger_read_row(sanctum_ledger *l, const uint8_t *name, size_t len, sc_secret_row *row,
                                  sanctum_error *err)
{
    sqlite3_stmt *s = NULL;
    sanctum_status st = sc_ledger_prepare(l, "SELECT " SC_LEDGER_ROW_COLS " FROM secrets WHERE name = ?1", &s, err);
    if (st != SANCTUM_OK)
        return st;
    sqlite3_bind_text(s, 1, len ? (const char *)name : "", (int)len, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        st = sc_ledger_row_from_stmt(l->ctx, s, 0, row, err);
    else if (rc == SQLITE_DONE)
        st = sc_error(err, SANCTUM_E_NOT_FOUND, SANCTUM_NO_OFFSET, "no secret of that name in the ledger");
    else
        st = sc_ledger_db_error(err, l->db, rc, "reading a secret");
    sc_ledger_finish(l, s);
    return st;
}

/* ---- secret lists ---- */

static void secret_list_destroy(void *obj)
{
    sanctum_ledger_secret_list *list = obj;
    for (uint64_t i = 0; i < list->count; i++) {
        sanctum_ledger_secret *it = &list->items[i];
        sc_free((void *)(uintptr_t)it->name);
        sc_free((void *)(uintptr_t)it->provider);
        sc_free((void *)(uintptr_t)it->kind);
        sc_free((void *)(uintptr_t)it->locations);
        sc_free((void *)(uintptr_t)it->owner);
        sc_free((void *)(uintptr_t)it->notes);
    }
    sc_free(list->items);
}

/* Moves row into list (growing it); the row's strings now belong to the list. */
static bool list_push(sanctum_ctx *ctx, sanctum_ledger_secret_list *list, uint64_t *cap, sc_secret_row *row)
{
    if (list->count == *cap) {
        uint64_t ncap = *cap ? *cap * 2 : 8;
        if (ncap > SIZE_MAX / sizeof *list->items)
            return false;
        void *n = list->items == NULL ? sc_alloc(ctx, (size_t)ncap * sizeof *list->items, SC_ALLOC_ZERO)
                                      : sc_realloc(ctx, list->items, (size_t)ncap * sizeof *list->items);
        if (n == NULL)
            return false;
        list->items = n;
        *cap = ncap;
    }
    sanctum_ledger_secret *it = &list->items[list->count++];
    memset(it, 0, sizeof *it);
    it->id = row->id;
    it->name = row->name;
    it->provider = row->provider;
    it->kind = row->kind;
    it->locations = row->locations;
    it->owner = row->owner;
    it->notes = row->notes;
    it->created_at = row->created_at;
    it->rotated_at = row->rotated_at;
    it->expires_at = row->expires_at;
    it->max_age_days = row->max_age_days;
    it->auto_rotate_days = row->auto_rotate_days;
    it->due_soon_days = row->due_soon_days;
    it->method = row->method;
    it->state = row->state;
    it->has_fingerprint = row->has_fp;
    it->rotations = row->rotations;
    memcpy(it->fingerprint, row->fp, 32);
    memset(row, 0, sizeof *row);
    return true;
}

/* Runs a bound statement whose columns are SC_LEDGER_ROW_COLS into a new list. */
static sanctum_status collect(sanctum_ledger *l, sqlite3_stmt *s, sanctum_ledger_secret_list **out,
                              sanctum_error *err)
{
    sanctum_ledger_secret_list *list = sc_object_new(l->ctx, sizeof *list, secret_list_destroy);
    if (list == NULL) {
        sc_ledger_finish(l, s);
        return sc_error_nomem(err);
    }
    uint64_t cap = 0;
    sanctum_status st = SANCTUM_OK;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sc_secret_row row;
        st = sc_ledger_row_from_stmt(l->ctx, s, 0, &row, err);
        if (st != SANCTUM_OK)
            break;
        if (!list_push(l->ctx, list, &cap, &row)) {
            sc_ledger_row_clear(&row);
            st = sc_error_nomem(err);
            break;
        }
    }
    if (st == SANCTUM_OK && rc != SQLITE_DONE)
        st = sc_ledger_db_error(err, l->db, rc, "reading secrets");
    sc_ledger_finish(l, s);
    if (st != SANCTUM_OK) {
        sanctum_free(list);
        return st;
    }
    *out = list;
    return SANCTUM_OK;
}

sanctum_status sanctum_ledger_show(sanctum_ledger_secret_list **out, sanctum_ledger *ledger,
                                   const uint8_t *name, size_t name_len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ledger == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out or ledger is NULL");
    *out = NULL;
    sanctum_status st = sc_ledger_check_text(name, name_len, SC_LEDGER_MAX_FIELD, true, false, "name", err);
    if (st != SANCTUM_OK)
        return st;
    sqlite3_stmt *s = NULL;
    st = sc_ledger_prepare(ledger, "SELECT " SC_LEDGER_ROW_COLS " FROM secrets WHERE name = ?1", &s, err);
    if (st != SANCTUM_OK)
        return st;
    sqlite3_bind_text(s, 1, (const char *)name, (int)name_len, SQLITE_STATIC);
    sanctum_ledger_secret_list *list = NULL;
    st = collect(ledger, s, &list, err);
    if (st != SANCTUM_OK)
        return st;
    if (list->count == 0) {
        sanctum_free(list);
        return sc_error(err, SANCTUM_E_NOT_FOUND, SANCTUM_NO_OFFSET, "no secret of that name in the ledger");
    }
    *out = list;
    return SANCTUM_OK;
}

sanctum_status sanctum_ledger_list(sanctum_ledger_secret_list **out, sanctum_ledger *ledger,
                                   uint32_t include_retired, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ledger == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out or ledger is NULL");
    *out = NULL;
    sqlite3_stmt *s = NULL;
    sanctum_status st = sc_ledger_prepare(
        ledger, include_retired ? "SELECT " SC_LEDGER_ROW_COLS " FROM secrets ORDER BY name"
                                : "SELECT " SC_LEDGER_ROW_COLS " FROM secrets WHERE state = 'active' ORDER BY name",
        &s, err);
    if (st != SANCTUM_OK)
        return st;
    return collect(ledger, s, out, err);
}

sanctum_status sanctum_ledger_match(sanctum_ledger_secret_list **out, sanctum_ledger *ledger,
                                    const uint8_t *fingerprint, size_t fingerprint_len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ledger == NULL || fingerprint == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out, ledger or fingerprint is NULL");
    *out = NULL;
    if (fingerprint_len != 32)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "a fingerprint is 32 bytes");
    sqlite3_stmt *s = NULL;
    sanctum_status st = sc_ledger_prepare(
        ledger, "SELECT " SC_LEDGER_ROW_COLS " FROM secrets WHERE fingerprint = ?1 ORDER BY name", &s, err);
    if (st != SANCTUM_OK)
        return st;
    sqlite3_bind_blob(s, 1, fingerprint, 32, SQLITE_STATIC);
    return collect(ledger, s, out, err);
}

/* ---- the age check ---- */

static void report_destroy(void *obj)
{
    sanctum_ledger_report *r = obj;
    for (uint64_t i = 0; i < r->count; i++) {
        sc_free((void *)(uintptr_t)r->items[i].name);
        sc_free((void *)(uintptr_t)r->items[i].provider);
        sc_free((void *)(uintptr_t)r->items[i].owner);
    }
    sc_free(r->items);
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static int64_t deadline(const sanctum_ledger_check_item *it)
{
    return it->expires_at != 0 && it->expires_at < it->due_at ? it->expires_at : it->due_at;
}

static int cmp_items(const void *a, const void *b)
{
    const sanctum_ledger_check_item *x = a, *y = b;
    int64_t dx = deadline(x), dy = deadline(y);
    if (dx != dy)
        return dx < dy ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Fills the flags and day counts of it at now; false when nothing is due. */
static bool assess(sanctum_ledger_check_item *it, uint32_t due_soon_days, int64_t now)
{
    it->age_days = floor_div(now - it->rotated_at, DAY);
    int64_t dl = deadline(it);
    it->days_left = floor_div(dl - now, DAY);
    uint32_t f = 0;
    if (now > it->due_at)
        f |= SANCTUM_LEDGER_OVERDUE;
    if (it->expires_at != 0 && now >= it->expires_at)
        f |= SANCTUM_LEDGER_EXPIRED;
    if (!(f & (SANCTUM_LEDGER_OVERDUE | SANCTUM_LEDGER_EXPIRED)) && dl - (int64_t)due_soon_days * DAY <= now)
        f |= SANCTUM_LEDGER_DUE_SOON;
    if (it->auto_rotate_at != 0 && now >= it->auto_rotate_at)
        f |= SANCTUM_LEDGER_AUTO_ROTATE_DUE;
    it->days_over = 0;
    if (f & (SANCTUM_LEDGER_OVERDUE | SANCTUM_LEDGER_EXPIRED))
        it->days_over = floor_div(now - dl, DAY);
    it->flags = f;
    return f != 0;
}

sanctum_status sanctum_ledger_check(sanctum_ledger_report **out, sanctum_ledger *ledger, int64_t now,
                                    sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ledger == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out or ledger is NULL");
    *out = NULL;
    if (now == 0)
        now = sc_ledger_now(ledger);
    if (now < -62135596800LL || now > 253402300799LL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "now is outside years 1..9999");
    sanctum_ledger_report *r = sc_object_new(ledger->ctx, sizeof *r, report_destroy);
    if (r == NULL)
        return sc_error_nomem(err);
    r->now = now;
    bool own_txn = sqlite3_get_autocommit(ledger->db) != 0; /* not inside a batch */
    int rc = own_txn ? sqlite3_exec(ledger->db, "BEGIN", NULL, NULL, NULL) : SQLITE_OK;
    if (rc != SQLITE_OK) {
        sanctum_free(r);
        return sc_ledger_db_error(err, ledger->db, rc, "starting a read transaction");
    }
    sqlite3_stmt *s = NULL;
    /* Only rows that can carry a flag come back; the flags themselves are computed in C. */
    sanctum_status st = sc_ledger_prepare(
        ledger, "SELECT name, provider, owner, method, rotated_at, max_age_days, auto_rotate_days, expires_at, "
                "due_soon_days, (SELECT count(*) FROM secrets WHERE state = 'active') FROM secrets "
                "WHERE state = 'active' AND (rotated_at + (max_age_days - due_soon_days) * 86400 <= ?1 "
                "OR rotated_at + auto_rotate_days * 86400 <= ?1 OR expires_at - due_soon_days * 86400 <= ?1) "
                "UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                "(SELECT count(*) FROM secrets WHERE state = 'active')",
        &s, err);
    uint64_t cap = 0;
    rc = SQLITE_DONE;
    if (st == SANCTUM_OK)
        sqlite3_bind_int64(s, 1, now);
    while (st == SANCTUM_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        r->active = (uint64_t)sqlite3_column_int64(s, 9);
        if (sqlite3_column_type(s, 0) == SQLITE_NULL)
            continue;
        bool bad = false;
        sanctum_ledger_check_item it;
        memset(&it, 0, sizeof it);
        const unsigned char *method = sqlite3_column_text(s, 3);
        it.method = method != NULL && strcmp((const char *)method, "api") == 0 ? SANCTUM_LEDGER_API
                                                                               : SANCTUM_LEDGER_MANUAL;
        it.rotated_at = col_time(s, 4, false, &bad);
        uint32_t max_age = col_days(s, 5, false, &bad);
        uint32_t auto_days = col_days(s, 6, true, &bad);
        it.expires_at = col_time(s, 7, true, &bad);
        uint32_t soon = col_days(s, 8, false, &bad);
        if (bad) {
            st = sc_error(err, SANCTUM_E_DB, SANCTUM_NO_OFFSET, "a secret row holds malformed values");
            break;
        }
        it.due_at = it.rotated_at + (int64_t)max_age * DAY;
        it.auto_rotate_at = auto_days ? it.rotated_at + (int64_t)auto_days * DAY : 0;
        if (!assess(&it, soon, now))
            continue;
        if (r->count == cap) {
            uint64_t ncap = cap ? cap * 2 : 16;
            void *n = r->items == NULL ? sc_alloc(ledger->ctx, (size_t)ncap * sizeof it, SC_ALLOC_ZERO)
                                       : sc_realloc(ledger->ctx, r->items, (size_t)ncap * sizeof it);
            if (n == NULL) {
                st = sc_error_nomem(err);
                break;
            }
            r->items = n;
            cap = ncap;
        }
        bool nul = false;
        it.name = col_dup(ledger->ctx, s, 0, &nul);
        it.provider = col_dup(ledger->ctx, s, 1, &nul);
        it.owner = col_dup(ledger->ctx, s, 2, &nul);
        r->items[r->count++] = it;
        if (it.name == NULL || it.provider == NULL || it.owner == NULL) {
            st = sc_error_nomem(err);
            break;
        }
        if (it.flags & (SANCTUM_LEDGER_OVERDUE | SANCTUM_LEDGER_EXPIRED))
            r->overdue++;
        if (it.flags & SANCTUM_LEDGER_EXPIRED)
            r->expired++;
        if (it.flags & SANCTUM_LEDGER_DUE_SOON)
            r->due_soon++;
        if (it.flags & SANCTUM_LEDGER_AUTO_ROTATE_DUE)
            r->auto_rotate_due++;
    }
    if (st == SANCTUM_OK && rc != SQLITE_DONE)
        st = sc_ledger_db_error(err, ledger->db, rc, "reading secrets");
    sc_ledger_finish(ledger, s);
    if (own_txn)
        (void)sqlite3_exec(ledger->db, "COMMIT", NULL, NULL, NULL);
    if (st != SANCTUM_OK) {
        sanctum_free(r);
        return st;
    }
    if (r->count > 1)
        qsort(r->items, (size_t)r->count, sizeof *r->items, cmp_items);
    *out = r;
    return SANCTUM_OK;
}

/* ---- audit log ---- */

static void events_destroy(void *obj)
{
    sanctum_ledger_event_list *list = obj;
    for (uint64_t i = 0; i < list->count; i++) {
        sanctum_ledger_event *e = &list->items[i];
        sc_free((void *)(uintptr_t)e->actor);
        sc_free((void *)(uintptr_t)e->action);
        sc_free((void *)(uintptr_t)e->secret);
        sc_free((void *)(uintptr_t)e->before);
        sc_free((void *)(uintptr_t)e->after);
    }
    sc_free(list->items);
}

sanctum_status sanctum_ledger_audit_log(sanctum_ledger_event_list **out, sanctum_ledger *ledger,
                                        const uint8_t *name, size_t name_len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ledger == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out or ledger is NULL");
    *out = NULL;
    if (name != NULL) {
        sanctum_status st = sc_ledger_check_text(name, name_len, SC_LEDGER_MAX_FIELD, true, false, "name", err);
        if (st != SANCTUM_OK)
            return st;
    }
    sqlite3_stmt *s = NULL;
    sanctum_status st = sc_ledger_prepare(
        ledger, name ? "SELECT seq, at, actor, action, secret, before, after, mac FROM events WHERE secret = ?1 "
                       "ORDER BY seq"
                     : "SELECT seq, at, actor, action, secret, before, after, mac FROM events ORDER BY seq",
        &s, err);
    if (st != SANCTUM_OK)
        return st;
    if (name)
        sqlite3_bind_text(s, 1, (const char *)name, (int)name_len, SQLITE_STATIC);
    sanctum_ledger_event_list *list = sc_object_new(ledger->ctx, sizeof *list, events_destroy);
    if (list == NULL) {
        sc_ledger_finish(ledger, s);
        return sc_error_nomem(err);
    }
    uint64_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (list->count == cap) {
            uint64_t ncap = cap ? cap * 2 : 16;
            void *n = list->items == NULL
                          ? sc_alloc(ledger->ctx, (size_t)ncap * sizeof *list->items, SC_ALLOC_ZERO)
                          : sc_realloc(ledger->ctx, list->items, (size_t)ncap * sizeof *list->items);
            if (n == NULL) {
                st = sc_error_nomem(err);
                break;
            }
            list->items = n;
            cap = ncap;
        }
        sanctum_ledger_event *e = &list->items[list->count++];
        memset(e, 0, sizeof *e);
        bool bad = false;
        e->seq = (uint64_t)sqlite3_column_int64(s, 0);
        e->at = sqlite3_column_int64(s, 1);
        e->actor = col_dup(ledger->ctx, s, 2, &bad);
        e->action = col_dup(ledger->ctx, s, 3, &bad);
        e->secret = col_dup(ledger->ctx, s, 4, &bad);
        e->before = col_dup(ledger->ctx, s, 5, &bad);
        e->after = col_dup(ledger->ctx, s, 6, &bad);
        const void *mac = sqlite3_column_blob(s, 7);
        if (mac != NULL && sqlite3_column_bytes(s, 7) == 32)
            memcpy(e->mac, mac, 32);
        if (!e->actor || !e->action || !e->secret || !e->before || !e->after) {
            st = sc_error_nomem(err);
            break;
        }
    }
    if (st == SANCTUM_OK && rc != SQLITE_DONE)
        st = sc_ledger_db_error(err, ledger->db, rc, "reading the audit events");
    sc_ledger_finish(ledger, s);
    if (st != SANCTUM_OK) {
        sanctum_free(list);
        return st;
    }
    *out = list;
    return SANCTUM_OK;
}
