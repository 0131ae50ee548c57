/* Ledger writes: add, rotate, retire. Each is one BEGIN IMMEDIATE transaction that changes the
 * secrets table and appends the matching audit event (and anchor) together. */
#include "ledger/ledger_internal.h"

#include <sodium.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "options.h"

#define MIN_TIME (-62135596800LL)
#define MAX_TIME 253402300799LL

void sanctum_ledger_spec_init(sanctum_ledger_spec *spec)
{
    if (spec == NULL)
        return;
    memset(spec, 0, sizeof *spec);
    spec->struct_size = (uint32_t)sizeof *spec;
    spec->due_soon_days = SC_LEDGER_DEFAULT_DUE_SOON;
    spec->method = SANCTUM_LEDGER_MANUAL;
}

static sanctum_status check_actor(const uint8_t *actor, size_t n, sanctum_error *err)
{
    return sc_ledger_check_text(actor, n, SC_LEDGER_MAX_FIELD, false, false, "actor", err);
}

static bool time_ok(int64_t t)
{
    return t >= MIN_TIME && t <= MAX_TIME;
}

static sanctum_status check_spec(const sanctum_ledger_spec *sp, sanctum_error *err)
{
    sanctum_status st;
    if ((st = sc_ledger_check_text(sp->name, sp->name_len, SC_LEDGER_MAX_FIELD, true, false, "name", err)) ||
        (st = sc_ledger_check_text(sp->provider, sp->provider_len, SC_LEDGER_MAX_FIELD, true, false, "provider",
                                   err)) ||
        (st = sc_ledger_check_text(sp->kind, sp->kind_len, SC_LEDGER_MAX_FIELD, false, false, "kind", err)) ||
        (st = sc_ledger_check_text(sp->owner, sp->owner_len, SC_LEDGER_MAX_FIELD, false, false, "owner", err)) ||
        (st = sc_ledger_check_text(sp->locations, sp->locations_len, SC_LEDGER_MAX_LONG, false, true, "locations",
                                   err)) ||
        (st = sc_ledger_check_text(sp->notes, sp->notes_len, SC_LEDGER_MAX_LONG, false, false, "notes", err)))
        return st;
    if (sp->max_age_days < 1 || sp->max_age_days > SC_LEDGER_MAX_DAYS)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "max_age_days must be 1..%u",
                        SC_LEDGER_MAX_DAYS);
    if (sp->auto_rotate_days > SC_LEDGER_MAX_DAYS)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "auto_rotate_days must be 0..%u",
                        SC_LEDGER_MAX_DAYS);
    if (sp->due_soon_days > SC_LEDGER_MAX_DAYS)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "due_soon_days must be 0..%u",
                        SC_LEDGER_MAX_DAYS);
    if (sp->method != SANCTUM_LEDGER_MANUAL && sp->method != SANCTUM_LEDGER_API)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "method must be manual (0) or api (1)");
    if (!time_ok(sp->created_at) || (sp->expires_at != 0 && !time_ok(sp->expires_at)))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "a time is outside years 0001..9999");
    if (sp->value == NULL && sp->value_len != 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "value is NULL with a length");
    return SANCTUM_OK;
}

/* Every field the ledger keeps in clear. */
static sanctum_status refuse_secrets(sanctum_ledger *l, const sanctum_ledger_spec *sp, const uint8_t *actor,
                                     size_t actor_len, sanctum_error *err)
{
    const struct {
        const char *field;
        const uint8_t *p;
        size_t n;
    } f[] = {{"name", sp->name, sp->name_len},          {"provider", sp->provider, sp->provider_len},
             {"kind", sp->kind, sp->kind_len},          {"owner", sp->owner, sp->owner_len},
             {"locations", sp->locations, sp->locations_len}, {"notes", sp->notes, sp->notes_len},
             {"actor", actor, actor_len}};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        sanctum_status st = sc_ledger_refuse_secret(l, f[i].p, f[i].n, f[i].field, err);
        if (st != SANCTUM_OK)
            return st;
    }
    return SANCTUM_OK;
}

static void bind_text(sqlite3_stmt *s, int i, const uint8_t *p, size_t n)
{
    sqlite3_bind_text(s, i, n ? (const char *)p : "", (int)n, SQLITE_STATIC);
}

/* Canonical JSON of row, then the event; both inside the caller's transaction. */
static sanctum_status record(sanctum_ledger *l, int64_t at, const uint8_t *actor, size_t actor_len,
                             const char *action, const sc_secret_row *before, const sc_secret_row *after,
                             sanctum_error *err)
{
    char *bj = NULL, *aj = NULL;
    size_t bl = 0, al = 0;
    sanctum_status st = SANCTUM_OK;
    if (before != NULL)
        st = sc_ledger_row_json(l->ctx, before, &bj, &bl, err);
    if (st == SANCTUM_OK)
        st = sc_ledger_row_json(l->ctx, after, &aj, &al, err);
    if (st == SANCTUM_OK)
        st = sc_ledger_append(l, at, actor, actor_len, action, after->id, after->name, strlen(after->name),
                              bj ? bj : "", bl, aj, al, err);
    sc_free(bj);
    sc_free(aj);
    return st;
}

sanctum_status sanctum_ledger_add(sanctum_ledger *ledger, const sanctum_ledger_spec *spec, const uint8_t *actor,
                                  size_t actor_len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (ledger == NULL || spec == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "ledger or spec is NULL");
    sanctum_ledger_spec sp;
    sanctum_ledger_spec_init(&sp);
    /* version 1 ended after value_len */
    sanctum_status st = sc_options_read(&sp, sizeof sp, spec, SC_SIZE_THROUGH(sanctum_ledger_spec, value_len), "spec", err);
    if (st != SANCTUM_OK)
        return st;
    spec = &sp;
    st = check_spec(spec, err);
    if (st == SANCTUM_OK)
        st = check_actor(actor, actor_len, err);
    if (st == SANCTUM_OK)
        st = refuse_secrets(ledger, spec, actor, actor_len, err);
    if (st != SANCTUM_OK)
        return st;
    int64_t now = sc_ledger_now(ledger);
    sc_secret_row row;
    memset(&row, 0, sizeof row);
    if (spec->value_len != 0) {
        st = sanctum_ledger_fingerprint(row.fp, 32, ledger, spec->value, spec->value_len, err);
        if (st != SANCTUM_OK)
            return st;
        row.has_fp = 1;
    }
    /* The row's strings point into the spec: nothing here is freed. */
    char *strs[6] = {NULL};
    const uint8_t *src[6] = {spec->name, spec->provider, spec->kind, spec->locations, spec->owner, spec->notes};
    size_t lens[6] = {spec->name_len, spec->provider_len, spec->kind_len, spec->locations_len, spec->owner_len,
                      spec->notes_len};
    for (int i = 0; i < 6; i++) {
        strs[i] = sc_memdup(ledger->ctx, lens[i] ? src[i] : (const uint8_t *)"", lens[i], 0);
        if (strs[i] == NULL) {
            st = sc_error_nomem(err);
            goto out;
        }
    }
    row.name = strs[0];
    row.provider = strs[1];
    row.kind = strs[2];
    row.locations = strs[3];
    row.owner = strs[4];
    row.notes = strs[5];
    row.created_at = spec->created_at ? spec->created_at : now;
    row.rotated_at = row.created_at;
    row.expires_at = spec->expires_at;
    row.max_age_days = spec->max_age_days;
    row.auto_rotate_days = spec->auto_rotate_days;
    row.due_soon_days = spec->due_soon_days;
    row.method = spec->method;
    row.state = SANCTUM_LEDGER_ACTIVE;

    st = sc_ledger_begin(ledger, err);
    if (st != SANCTUM_OK)
        goto out;
    sqlite3_stmt *s = NULL;
    st = sc_ledger_prepare(ledger,
                           "INSERT INTO secrets (name, provider, kind, locations, owner, notes, created_at, "
                           "rotated_at, expires_at, max_age_days, auto_rotate_days, due_soon_days, method, state, "
                           "fingerprint, rotations) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?10, ?11, ?12, "
                           "'active', ?13, 0)",
                           &s, err);
    if (st == SANCTUM_OK) {
        bind_text(s, 1, spec->name, spec->name_len);
        bind_text(s, 2, spec->provider, spec->provider_len);
        bind_text(s, 3, spec->kind, spec->kind_len);
        bind_text(s, 4, spec->locations, spec->locations_len);
        bind_text(s, 5, spec->owner, spec->owner_len);
        bind_text(s, 6, spec->notes, spec->notes_len);
        sqlite3_bind_int64(s, 7, row.created_at);
        if (row.expires_at)
            sqlite3_bind_int64(s, 8, row.expires_at);
        sqlite3_bind_int64(s, 9, row.max_age_days);
        if (row.auto_rotate_days)
            sqlite3_bind_int64(s, 10, row.auto_rotate_days);
        sqlite3_bind_int64(s, 11, row.due_soon_days);
        sqlite3_bind_text(s, 12, row.method == SANCTUM_LEDGER_API ? "api" : "manual", -1, SQLITE_STATIC);
        if (row.has_fp)
            sqlite3_bind_blob(s, 13, row.fp, 32, SQLITE_STATIC);
        int rc = sqlite3_step(s);
        sc_ledger_finish(ledger, s);
        if (rc == SQLITE_CONSTRAINT_UNIQUE)
            st = sc_error(err, SANCTUM_E_EXISTS, SANCTUM_NO_OFFSET, "a secret of that name is already in the ledger");
        else if (rc != SQLITE_DONE)
            st = sc_ledger_db_error(err, ledger->db, rc, "adding a secret");
    }
    if (st == SANCTUM_OK) {
        row.id = sqlite3_last_insert_rowid(ledger->db);
        st = record(ledger, now, actor, actor_len, "add", NULL, &row, err);
    }
    if (st == SANCTUM_OK)
        st = sc_ledger_commit(ledger, err);
    else
        sc_ledger_rollback(ledger);
out:
    for (int i = 0; i < 6; i++)
        sc_free(strs[i]);
    sodium_memzero(row.fp, sizeof row.fp);
    return st;
}

/* Shared by rotate and retire: reads the row under the write lock, applies change, records. */
static sanctum_status change(sanctum_ledger *l, const uint8_t *name, size_t name_len, const char *action,
                             int64_t at, const uint8_t *fp, const uint8_t *actor, size_t actor_len,
                             sanctum_error *err)
{
    sanctum_status st = sc_ledger_begin(l, err);
    if (st != SANCTUM_OK)
        return st;
    sc_secret_row before, after;
    memset(&after, 0, sizeof after);
    st = sc_ledger_read_row(l, name, name_len, &before, err);
    if (st != SANCTUM_OK) {
        sc_ledger_rollback(l);
        return st;
    }
    if (before.state == SANCTUM_LEDGER_RETIRED) {
        st = sc_error(err, SANCTUM_E_STATE, SANCTUM_NO_OFFSET, "the secret is retired");
        goto out;
    }
    after = before;
    sqlite3_stmt *s = NULL;
    bool rotate = strcmp(action, "rotate") == 0;
    if (rotate) {
        if (at < before.created_at) {
            st = sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET,
                          "a rotation cannot be earlier than the secret's creation");
            goto out;
        }
        after.rotated_at = at;
        after.rotations = before.rotations + 1;
        after.has_fp = fp != NULL;
        if (fp != NULL)
            memcpy(after.fp, fp, 32);
        else
            memset(after.fp, 0, 32);
        st = sc_ledger_prepare(l, "UPDATE secrets SET rotated_at = ?1, rotations = rotations + 1, "
                                  "fingerprint = ?2 WHERE id = ?3", &s, err);
        if (st == SANCTUM_OK) {
            sqlite3_bind_int64(s, 1, at);
            if (fp != NULL)
                sqlite3_bind_blob(s, 2, fp, 32, SQLITE_STATIC);
            sqlite3_bind_int64(s, 3, before.id);
        }
    } else {
        after.state = SANCTUM_LEDGER_RETIRED;
        st = sc_ledger_prepare(l, "UPDATE secrets SET state = 'retired' WHERE id = ?1", &s, err);
        if (st == SANCTUM_OK)
            sqlite3_bind_int64(s, 1, before.id);
    }
    if (st == SANCTUM_OK) {
        int rc = sqlite3_step(s);
        sc_ledger_finish(l, s);
        if (rc != SQLITE_DONE)
            st = sc_ledger_db_error(err, l->db, rc, "updating a secret");
    }
    if (st == SANCTUM_OK)
        st = record(l, sc_ledger_now(l), actor, actor_len, action, &before, &after, err);
    if (st == SANCTUM_OK)
        st = sc_ledger_commit(l, err);
out:
    if (st != SANCTUM_OK)
        sc_ledger_rollback(l);
    sc_ledger_row_clear(&before); /* after shares before's strings */
    return st;
}

sanctum_status sanctum_ledger_rotate(sanctum_ledger *ledger, const uint8_t *name, size_t name_len, int64_t at,
                                     const uint8_t *value, size_t value_len, const uint8_t *actor,
                                     size_t actor_len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (ledger == NULL || (value == NULL && value_len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "ledger is NULL or value is NULL with a length");
    sanctum_status st = sc_ledger_check_text(name, name_len, SC_LEDGER_MAX_FIELD, true, false, "name", err);
    if (st == SANCTUM_OK)
        st = check_actor(actor, actor_len, err);
    if (st == SANCTUM_OK)
        st = sc_ledger_refuse_secret(ledger, actor, actor_len, "actor", err);
    if (st != SANCTUM_OK)
        return st;
    if (at == 0)
        at = sc_ledger_now(ledger);
    if (!time_ok(at))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "the time is outside years 0001..9999");
    uint8_t fp[32];
    if (value_len != 0) {
        st = sanctum_ledger_fingerprint(fp, sizeof fp, ledger, value, value_len, err);
        if (st != SANCTUM_OK)
            return st;
    }
    st = change(ledger, name, name_len, "rotate", at, value_len ? fp : NULL, actor, actor_len, err);
    sodium_memzero(fp, sizeof fp);
    return st;
}

sanctum_status sanctum_ledger_retire(sanctum_ledger *ledger, const uint8_t *name, size_t name_len,
                                     const uint8_t *actor, size_t actor_len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (ledger == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "ledger is NULL");
    sanctum_status st = sc_ledger_check_text(name, name_len, SC_LEDGER_MAX_FIELD, true, false, "name", err);
    if (st == SANCTUM_OK)
        st = check_actor(actor, actor_len, err);
    if (st == SANCTUM_OK)
        st = sc_ledger_refuse_secret(ledger, actor, actor_len, "actor", err);
    if (st != SANCTUM_OK)
        return st;
    return change(ledger, name, name_len, "retire", 0, NULL, actor, actor_len, err);
}
