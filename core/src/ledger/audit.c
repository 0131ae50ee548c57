/* Ledger audit trail: canonical event encoding, keyed MAC chain, anchor, append and verify. */
#include "ledger/ledger_internal.h"

#include <inttypes.h>
#include <stdarg.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "options.h"
#include "json/json.h"

/* ---- small buffer ---- */

/* Room for n more bytes and the NUL. */
static bool sbuf_room(sc_sbuf *b, size_t n)
{
    if (b->failed)
        return false;
    if (b->cap - b->len < n + 1) {
        size_t ncap = b->cap ? b->cap : 256;
        while (ncap - b->len < n + 1) {
            if (ncap > SIZE_MAX / 2) {
                b->failed = true;
                return false;
            }
            ncap *= 2;
        }
        char *nb = b->buf == NULL ? sc_alloc(b->ctx, ncap, 0) : sc_realloc(b->ctx, b->buf, ncap);
        if (nb == NULL) {
            b->failed = true;
            return false;
        }
        b->buf = nb;
        b->cap = ncap;
    }
    return true;
}

void sc_sbuf_put(sc_sbuf *b, const void *p, size_t n)
{
    if (!sbuf_room(b, n))
        return;
    if (n != 0)
        memcpy(b->buf + b->len, p, n);
    b->len += n;
    b->buf[b->len] = '\0';
}

void sc_sbuf_str(sc_sbuf *b, const char *s)
{
    sc_sbuf_put(b, s, strlen(s));
}

void sc_sbuf_i64(sc_sbuf *b, int64_t v)
{
    char t[32];
    int n = snprintf(t, sizeof t, "%" PRId64, v);
    sc_sbuf_put(b, t, (size_t)n);
}

/* A JSON string by the library's one escaper. Ledger text is valid UTF-8 without control characters
 * other than '\n' (sc_ledger_check_text), so the canonical (MAC'd) form is what it always was. */
void sc_sbuf_json_string(sc_sbuf *b, const char *s)
{
    size_t n = strlen(s);
    size_t need = sc_json_encoded_len((const uint8_t *)s, n, &sc_json_style_plain);
    if (!sbuf_room(b, need + 2))
        return;
    b->buf[b->len++] = '"';
    b->len += sc_json_encode((const uint8_t *)s, n, &sc_json_style_plain, (uint8_t *)b->buf + b->len);
    b->buf[b->len++] = '"';
    b->buf[b->len] = '\0';
}

/* ---- canonical state of a secret (the before/after of events) ---- */

static void field_str(sc_sbuf *b, const char *key, const char *v)
{
    sc_sbuf_str(b, ",\"");
    sc_sbuf_str(b, key);
    sc_sbuf_str(b, "\":");
    sc_sbuf_json_string(b, v ? v : "");
}

static void field_int(sc_sbuf *b, const char *key, int64_t v, bool null_if_zero)
{
    sc_sbuf_str(b, ",\"");
    sc_sbuf_str(b, key);
    sc_sbuf_str(b, "\":");
    if (null_if_zero && v == 0)
        sc_sbuf_str(b, "null");
    else
        sc_sbuf_i64(b, v);
}

sanctum_status sc_ledger_row_json(sanctum_ctx *ctx, const sc_secret_row *r, char **out, size_t *len,
                                  sanctum_error *err)
{
    sc_sbuf b = {.ctx = ctx};
    sc_sbuf_str(&b, "{\"id\":");
    sc_sbuf_i64(&b, r->id);
    field_str(&b, "name", r->name);
    field_str(&b, "provider", r->provider);
    field_str(&b, "kind", r->kind);
    field_str(&b, "locations", r->locations);
    field_str(&b, "owner", r->owner);
    field_str(&b, "notes", r->notes);
    field_str(&b, "method", r->method == SANCTUM_LEDGER_API ? "api" : "manual");
    field_str(&b, "state", r->state == SANCTUM_LEDGER_RETIRED ? "retired" : "active");
    field_int(&b, "created_at", r->created_at, false);
    field_int(&b, "rotated_at", r->rotated_at, false);
    field_int(&b, "expires_at", r->expires_at, true);
    field_int(&b, "max_age_days", r->max_age_days, false);
    field_int(&b, "auto_rotate_days", r->auto_rotate_days, true);
    field_int(&b, "due_soon_days", r->due_soon_days, false);
    field_int(&b, "rotations", (int64_t)r->rotations, false);
    sc_sbuf_str(&b, ",\"fingerprint\":");
    if (r->has_fp) {
        char hexfp[65];
        sodium_bin2hex(hexfp, sizeof hexfp, r->fp, 32);
        sc_sbuf_json_string(&b, hexfp);
    } else {
        sc_sbuf_str(&b, "null");
    }
    sc_sbuf_str(&b, "}");
    if (b.failed) {
        sc_free(b.buf);
        return sc_error_nomem(err);
    }
    *out = b.buf;
    *len = b.len;
    return SANCTUM_OK;
}

/* ---- MACs ---- */

static void put_u64(crypto_generichash_state *h, uint64_t v)
{
    uint8_t le[8];
    for (int i = 0; i < 8; i++)
        le[i] = (uint8_t)(v >> (8 * i));
    crypto_generichash_update(h, le, 8);
}

static void put_bytes(crypto_generichash_state *h, const void *p, size_t n)
{
    put_u64(h, (uint64_t)n);
    if (n != 0)
        crypto_generichash_update(h, p, n);
}

/* The canonical encoding of one event: every field length-prefixed, integers little-endian. */
static void event_mac(const sanctum_ledger *l, uint64_t seq, const uint8_t prev[32], int64_t at,
                      const void *actor, size_t actor_len, const char *action, int64_t secret_id,
                      const void *secret, size_t secret_len, const void *before, size_t before_len,
                      const void *after, size_t after_len, uint8_t out[32])
{
    static const char domain[] = "sanctum-ledger-event-v1";
    crypto_generichash_state h;
    crypto_generichash_init(&h, l->keys->event, 32, 32);
    put_bytes(&h, domain, sizeof domain - 1);
    put_u64(&h, seq);
    put_bytes(&h, prev, 32);
    put_u64(&h, (uint64_t)at);
    put_bytes(&h, actor, actor_len);
    put_bytes(&h, action, strlen(action));
    put_u64(&h, (uint64_t)secret_id);
    put_bytes(&h, secret, secret_len);
    put_bytes(&h, before, before_len);
    put_bytes(&h, after, after_len);
    crypto_generichash_final(&h, out, 32);
    sodium_memzero(&h, sizeof h);
}

void sc_ledger_anchor_mac(const sanctum_ledger *l, uint64_t count, const uint8_t head[32], uint8_t out[32])
{
    static const char domain[] = "sanctum-ledger-anchor-v1";
    crypto_generichash_state h;
    crypto_generichash_init(&h, l->keys->anchor, 32, 32);
    put_bytes(&h, domain, sizeof domain - 1);
    put_u64(&h, count);
    put_bytes(&h, head, 32);
    crypto_generichash_final(&h, out, 32);
    sodium_memzero(&h, sizeof h);
}

void sc_ledger_key_check(const sc_ledger_keys *k, uint8_t out[32])
{
    static const char domain[] = "sanctum-ledger-key-check-v1";
    crypto_generichash(out, 32, (const uint8_t *)domain, sizeof domain - 1, k->anchor, 32);
}

sanctum_status sanctum_ledger_fingerprint(uint8_t *out, size_t out_len, const sanctum_ledger *ledger,
                                          const uint8_t *value, size_t value_len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ledger == NULL || (value == NULL && value_len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out, ledger or value is NULL");
    if (out_len < 32)
        return sc_error(err, SANCTUM_E_BUFFER_TOO_SMALL, SANCTUM_NO_OFFSET, "a fingerprint needs 32 bytes");
    if (value_len == 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "the value is empty");
    if ((uint64_t)value_len > ledger->ctx->opts.max_input_bytes)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "the value exceeds max_input_bytes");
    crypto_generichash(out, 32, value, value_len, ledger->keys->fingerprint, 32);
    return SANCTUM_OK;
}

/* ---- the anchor ---- */

typedef struct anchor_row {
    bool present;
    bool valid;        /* MAC checks */
    uint64_t count;
    uint8_t head[32];
} anchor_row;

static sanctum_status read_anchor(sanctum_ledger *l, anchor_row *a, sanctum_error *err)
{
    memset(a, 0, sizeof *a);
    sqlite3_stmt *s = NULL;
    sanctum_status st = sc_ledger_prepare(l, "SELECT count, head, mac, (SELECT count(*) FROM anchor) "
                                             "FROM anchor WHERE id = 1", &s, err);
    if (st != SANCTUM_OK)
        return st;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        a->present = true;
        int64_t count = sqlite3_column_int64(s, 0);
        const void *head = sqlite3_column_blob(s, 1);
        int head_len = sqlite3_column_bytes(s, 1);
        const void *mac = sqlite3_column_blob(s, 2);
        int mac_len = sqlite3_column_bytes(s, 2);
        if (count >= 0 && head != NULL && head_len == 32 && mac != NULL && mac_len == 32 &&
            sqlite3_column_int64(s, 3) == 1) {
            a->count = (uint64_t)count;
            memcpy(a->head, head, 32);
            uint8_t want[32];
            sc_ledger_anchor_mac(l, a->count, a->head, want);
            a->valid = sodium_memcmp(want, mac, 32) == 0;
        }
        rc = SQLITE_DONE;
    }
    sc_ledger_finish(l, s);
    if (rc != SQLITE_DONE)
        return sc_ledger_db_error(err, l->db, rc, "reading the chain anchor");
    return SANCTUM_OK;
}

/* ---- append ---- */

sanctum_status sc_ledger_append(sanctum_ledger *l, int64_t at, const uint8_t *actor, size_t actor_len,
                                const char *action, int64_t secret_id, const char *secret, size_t secret_len,
                                const char *before, size_t before_len, const char *after, size_t after_len,
                                sanctum_error *err)
{
    anchor_row a;
    sanctum_status st = SANCTUM_OK;
    sqlite3_stmt *s = NULL;
    int rc;
    if (l->in_batch && l->head_known) {
        a.present = a.valid = true;
        a.count = l->head_count;
        memcpy(a.head, l->head, 32);
    } else {
        st = read_anchor(l, &a, err);
        if (st != SANCTUM_OK)
            return st;
        /* Never extend a chain whose anchor or head is off: that would seal someone else's edit. */
        st = sc_ledger_prepare(l, "SELECT seq, mac FROM events ORDER BY seq DESC LIMIT 1", &s, err);
        if (st != SANCTUM_OK)
            return st;
        rc = sqlite3_step(s);
        bool consistent = a.present && a.valid;
        if (rc == SQLITE_ROW) {
            const void *mac = sqlite3_column_blob(s, 1);
            consistent = consistent && sqlite3_column_int64(s, 0) == (int64_t)a.count && mac != NULL &&
                         sqlite3_column_bytes(s, 1) == 32 && memcmp(mac, a.head, 32) == 0;
            rc = SQLITE_DONE;
        } else if (rc == SQLITE_DONE) {
            consistent = consistent && a.count == 0;
        }
        sc_ledger_finish(l, s);
        if (rc != SQLITE_DONE)
            return sc_ledger_db_error(err, l->db, rc, "reading the chain head");
        if (!consistent)
            return sc_error(err, SANCTUM_E_TAMPERED, SANCTUM_NO_OFFSET,
                            "the audit chain does not match its anchor; refusing to append (run audit verify)");
    }
    uint64_t seq = a.count + 1;
    uint8_t mac[32], amac[32];
    event_mac(l, seq, a.head, at, actor, actor_len, action, secret_id, secret, secret_len, before, before_len,
              after, after_len, mac);
    st = sc_ledger_prepare(l, "INSERT INTO events (seq, at, actor, action, secret_id, secret, before, after, "
                              "prev, mac) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &s, err);
    if (st != SANCTUM_OK)
        return st;
    sqlite3_bind_int64(s, 1, (int64_t)seq);
    sqlite3_bind_int64(s, 2, at);
    sqlite3_bind_text(s, 3, actor_len ? (const char *)actor : "", (int)actor_len, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, action, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 5, secret_id);
    sqlite3_bind_text(s, 6, secret, (int)secret_len, SQLITE_STATIC);
    sqlite3_bind_text(s, 7, before, (int)before_len, SQLITE_STATIC);
    sqlite3_bind_text(s, 8, after, (int)after_len, SQLITE_STATIC);
    sqlite3_bind_blob(s, 9, a.head, 32, SQLITE_STATIC);
    sqlite3_bind_blob(s, 10, mac, 32, SQLITE_STATIC);
    rc = sqlite3_step(s);
    sc_ledger_finish(l, s);
    if (rc != SQLITE_DONE)
        return sc_ledger_db_error(err, l->db, rc, "appending an audit event");
    sc_ledger_anchor_mac(l, seq, mac, amac);
    st = sc_ledger_prepare(l, "UPDATE anchor SET count = ?1, head = ?2, mac = ?3 WHERE id = 1", &s, err);
    if (st != SANCTUM_OK)
        return st;
    sqlite3_bind_int64(s, 1, (int64_t)seq);
    sqlite3_bind_blob(s, 2, mac, 32, SQLITE_STATIC);
    sqlite3_bind_blob(s, 3, amac, 32, SQLITE_STATIC);
    rc = sqlite3_step(s);
    sc_ledger_finish(l, s);
    if (rc != SQLITE_DONE || sqlite3_changes(l->db) != 1)
        return rc != SQLITE_DONE ? sc_ledger_db_error(err, l->db, rc, "updating the chain anchor")
                                 : sc_error(err, SANCTUM_E_TAMPERED, SANCTUM_NO_OFFSET, "the chain anchor is missing");
    if (l->in_batch) {
        l->head_known = true;
        l->head_count = seq;
        memcpy(l->head, mac, 32);
    }
    return SANCTUM_OK;
}

/* ---- verify ---- */

static sanctum_status broken(sanctum_ledger_verify_report *r, sanctum_error *err, uint32_t problem, uint64_t seq,
                             const char *fmt, ...) SC_PRINTF(5, 6);

static sanctum_status broken(sanctum_ledger_verify_report *r, sanctum_error *err, uint32_t problem, uint64_t seq,
                             const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->message, sizeof r->message, fmt, ap);
    va_end(ap);
    r->problem = problem;
    r->first_bad_seq = seq;
    return sc_error(err, SANCTUM_E_TAMPERED, SANCTUM_NO_OFFSET, "%s", r->message);
}

static bool blob32(sqlite3_stmt *s, int col, uint8_t out[32])
{
    const void *p = sqlite3_column_blob(s, col);
    if (p == NULL || sqlite3_column_bytes(s, col) != 32 || sqlite3_column_type(s, col) != SQLITE_BLOB)
        return false;
    memcpy(out, p, 32);
    return true;
}

static bool text_eq(sqlite3_stmt *s, int col, const char *want, size_t want_len)
{
    const unsigned char *t = sqlite3_column_text(s, col);
    size_t n = (size_t)sqlite3_column_bytes(s, col);
    return t != NULL && n == want_len && memcmp(t, want, n) == 0;
}

/* Walks the chain in seq order. Returns OK with *bad set when a break was reported into r. */
static sanctum_status verify_chain(sanctum_ledger *l, sanctum_ledger_verify_report *r, uint64_t expected_count,
                                   const uint8_t *expected_head, bool *bad, sanctum_error *err)
{
    sqlite3_stmt *s = NULL;
    sanctum_status st = sc_ledger_prepare(
        l, "SELECT seq, at, actor, action, secret_id, secret, before, after, prev, mac, "
           "lag(after) OVER (PARTITION BY secret ORDER BY seq), typeof(actor) || typeof(action) || "
           "typeof(secret) || typeof(before) || typeof(after) FROM events ORDER BY seq", &s, err);
    if (st != SANCTUM_OK)
        return st;
    uint8_t head[32] = {0};
    uint64_t n = 0;
    bool expected_seen = expected_count == 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t seq = sqlite3_column_int64(s, 0);
        uint64_t want_seq = n + 1;
        if (seq != (int64_t)want_seq) {
            st = broken(r, err, seq > (int64_t)want_seq ? SANCTUM_LEDGER_MISSING_EVENT : SANCTUM_LEDGER_BAD_MAC,
                        want_seq, "event %" PRIu64 " is missing (the next event present has seq %" PRId64 ")",
                        want_seq, seq);
            goto found;
        }
        uint8_t prev[32], mac[32], want[32];
        const unsigned char *types = sqlite3_column_text(s, 11);
        if (types == NULL || strcmp((const char *)types, "texttexttexttexttext") != 0 || !blob32(s, 8, prev) ||
            !blob32(s, 9, mac) || sqlite3_column_type(s, 1) != SQLITE_INTEGER ||
            sqlite3_column_type(s, 4) != SQLITE_INTEGER) {
            st = broken(r, err, SANCTUM_LEDGER_BAD_MAC, want_seq, "event %" PRIu64 " has malformed columns",
                        want_seq);
            goto found;
        }
        const unsigned char *action = sqlite3_column_text(s, 3);
        event_mac(l, want_seq, prev, sqlite3_column_int64(s, 1), sqlite3_column_text(s, 2),
                  (size_t)sqlite3_column_bytes(s, 2), (const char *)action, sqlite3_column_int64(s, 4),
                  sqlite3_column_text(s, 5), (size_t)sqlite3_column_bytes(s, 5), sqlite3_column_text(s, 6),
                  (size_t)sqlite3_column_bytes(s, 6), sqlite3_column_text(s, 7), (size_t)sqlite3_column_bytes(s, 7),
                  want);
        if (sodium_memcmp(want, mac, 32) != 0) {
            st = broken(r, err, SANCTUM_LEDGER_BAD_MAC, want_seq,
                        "event %" PRIu64 " was altered or moved: its MAC does not match its content", want_seq);
            goto found;
        }
        if (memcmp(prev, head, 32) != 0) {
            st = broken(r, err, SANCTUM_LEDGER_BROKEN_LINK, want_seq,
                        "event %" PRIu64 " does not chain to event %" PRIu64 " (events removed or reordered)",
                        want_seq, n);
            goto found;
        }
        /* Replay: each event's before is the after of that secret's previous event. */
        bool first = sqlite3_column_type(s, 10) == SQLITE_NULL;
        bool is_add = strcmp((const char *)action, "add") == 0;
        bool seq_ok = first ? is_add && sqlite3_column_bytes(s, 6) == 0
                            : !is_add && text_eq(s, 6, (const char *)sqlite3_column_text(s, 10),
                                                 (size_t)sqlite3_column_bytes(s, 10));
        if (!seq_ok) {
            st = broken(r, err, SANCTUM_LEDGER_BAD_SEQUENCE, want_seq,
                        "event %" PRIu64 " does not follow from its secret's previous event", want_seq);
            goto found;
        }
        memcpy(head, mac, 32);
        n = want_seq;
        if (n == expected_count) {
            if (sodium_memcmp(head, expected_head, 32) != 0) {
                st = broken(r, err, SANCTUM_LEDGER_UNEXPECTED_HEAD, n,
                            "event %" PRIu64 " is not the one recorded earlier (history was rewritten)", n);
                goto found;
            }
            expected_seen = true;
        }
    }
    if (rc != SQLITE_DONE) {
        sc_ledger_finish(l, s);
        return sc_ledger_db_error(err, l->db, rc, "reading the audit events");
    }
    sc_ledger_finish(l, s);
    r->events = n;
    memcpy(r->head, head, 32);
    anchor_row a;
    st = read_anchor(l, &a, err);
    if (st != SANCTUM_OK)
        return st;
    *bad = true;
    if (!a.present || !a.valid)
        return broken(r, err, SANCTUM_LEDGER_BAD_ANCHOR, 0,
                      a.present ? "the chain anchor was forged or altered" : "the chain anchor is missing");
    if (a.count > n)
        return broken(r, err, SANCTUM_LEDGER_MISSING_EVENT, n + 1,
                      "events %" PRIu64 " to %" PRIu64 " are missing (the newest events were deleted)", n + 1,
                      a.count);
    if (a.count < n)
        return broken(r, err, SANCTUM_LEDGER_BAD_ANCHOR, a.count + 1,
                      "event %" PRIu64 " and later are not covered by the chain anchor", a.count + 1);
    if (memcmp(a.head, head, 32) != 0)
        return broken(r, err, SANCTUM_LEDGER_BAD_ANCHOR, n, "the chain anchor does not name event %" PRIu64, n);
    if (!expected_seen)
        return broken(r, err, SANCTUM_LEDGER_UNEXPECTED_HEAD, n + 1,
                      "the chain has %" PRIu64 " events, fewer than the %" PRIu64 " recorded earlier", n,
                      expected_count);
    *bad = false;
    return SANCTUM_OK;
found:
    sc_ledger_finish(l, s);
    r->events = n;
    memcpy(r->head, head, 32);
    *bad = true;
    return st;
}

/* Compares the secrets table with the replayed state (the after of each secret's latest event). */
static sanctum_status verify_state(sanctum_ledger *l, sanctum_ledger_verify_report *r, bool *bad,
                                   sanctum_error *err)
{
    sqlite3_stmt *s = NULL;
    sanctum_status st = sc_ledger_prepare(
        l, "SELECT " SC_LEDGER_ROW_COLS ", (SELECT e.after FROM events e WHERE e.secret = s.name "
           "ORDER BY e.seq DESC LIMIT 1), (SELECT max(e.seq) FROM events e WHERE e.secret = s.name) "
           "FROM secrets s ORDER BY id", &s, err);
    if (st != SANCTUM_OK)
        return st;
    int rc;
    *bad = false;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sc_secret_row row;
        st = sc_ledger_row_from_stmt(l->ctx, s, 0, &row, err);
        if (st == SANCTUM_E_PARSE) {
            st = broken(r, err, SANCTUM_LEDGER_STATE_MISMATCH, 0, "secret row %" PRId64 " holds malformed values",
                        (int64_t)sqlite3_column_int64(s, 0));
            *bad = true;
            break;
        }
        if (st != SANCTUM_OK)
            break;
        char *json = NULL;
        size_t len = 0;
        st = sc_ledger_row_json(l->ctx, &row, &json, &len, err);
        sc_ledger_row_clear(&row);
        if (st != SANCTUM_OK)
            break;
        bool same = sqlite3_column_type(s, 17) == SQLITE_TEXT && text_eq(s, 17, json, len);
        sc_free(json);
        if (!same) {
            int64_t last = sqlite3_column_int64(s, 18);
            *bad = true;
            st = last > 0 ? broken(r, err, SANCTUM_LEDGER_STATE_MISMATCH, (uint64_t)last,
                                   "secret row %" PRId64 " differs from the replay of its events (latest event %"
                                   PRId64 "): edited outside the ledger", (int64_t)sqlite3_column_int64(s, 0), last)
                          : broken(r, err, SANCTUM_LEDGER_STATE_MISMATCH, 0,
                                   "secret row %" PRId64 " has no audit events: inserted outside the ledger",
                                   (int64_t)sqlite3_column_int64(s, 0));
            break;
        }
    }
    sc_ledger_finish(l, s);
    if (st != SANCTUM_OK || *bad)
        return st;
    if (rc != SQLITE_DONE)
        return sc_ledger_db_error(err, l->db, rc, "reading the secrets");
    /* Every secret the events name must still have its row. */
    st = sc_ledger_prepare(l, "SELECT min(seq) FROM events e WHERE NOT EXISTS "
                              "(SELECT 1 FROM secrets s WHERE s.name = e.secret)", &s, err);
    if (st != SANCTUM_OK)
        return st;
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
        int64_t seq = sqlite3_column_int64(s, 0);
        *bad = true;
        st = broken(r, err, SANCTUM_LEDGER_STATE_MISMATCH, (uint64_t)seq,
                    "the secret of event %" PRId64 " is missing from the secrets table", seq);
    } else if (rc != SQLITE_ROW) {
        st = sc_ledger_db_error(err, l->db, rc, "reading the secrets");
    }
    sc_ledger_finish(l, s);
    return st;
}

/* The report of sanctum_ledger_verify, into our own struct. */
static sanctum_status verify(sanctum_ledger_verify_report *out, sanctum_ledger *ledger, uint64_t expected_count,
                             const uint8_t *expected_head, sanctum_error *err)
{
    memset(out, 0, sizeof *out);
    out->struct_size = (uint32_t)sizeof *out;
    /* One read transaction: a consistent snapshot even while another process appends. */
    bool own_txn = sqlite3_get_autocommit(ledger->db) != 0; /* not inside a batch */
    int rc = own_txn ? sqlite3_exec(ledger->db, "BEGIN", NULL, NULL, NULL) : SQLITE_OK;
    if (rc != SQLITE_OK)
        return sc_ledger_db_error(err, ledger->db, rc, "starting a read transaction");
    sqlite3_stmt *s = NULL;
    sanctum_status st = sc_ledger_prepare(ledger, "PRAGMA quick_check", &s, err);
    if (st == SANCTUM_OK) {
        rc = sqlite3_step(s);
        if (rc != SQLITE_ROW)
            st = sc_ledger_db_error(err, ledger->db, rc, "checking the database file");
        else if (sqlite3_column_text(s, 0) == NULL || strcmp((const char *)sqlite3_column_text(s, 0), "ok") != 0)
            st = sc_error(err, SANCTUM_E_DB, SANCTUM_NO_OFFSET, "the database file fails PRAGMA quick_check");
        sc_ledger_finish(ledger, s);
    }
    bool bad = false;
    if (st == SANCTUM_OK)
        st = verify_chain(ledger, out, expected_count, expected_head, &bad, err);
    if (st == SANCTUM_OK && !bad)
        st = verify_state(ledger, out, &bad, err);
    if (own_txn)
        (void)sqlite3_exec(ledger->db, "COMMIT", NULL, NULL, NULL);
    if (st == SANCTUM_OK && !bad)
        snprintf(out->message, sizeof out->message, "intact: %" PRIu64 " events", out->events);
    return st;
}

sanctum_status sanctum_ledger_verify(sanctum_ledger_verify_report *out, sanctum_ledger *ledger,
                                     uint64_t expected_count, const uint8_t *expected_head, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ledger == NULL || (expected_count != 0 && expected_head == NULL))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET,
                        "out or ledger is NULL, or expected_count without expected_head");
    /* version 1 ended after message; 0 means this version's size */
    const size_t v1 = SC_SIZE_THROUGH(sanctum_ledger_verify_report, message);
    if (out->struct_size != 0 && out->struct_size < v1)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "report.struct_size is too small");
    sanctum_ledger_verify_report r;
    sanctum_status st = verify(&r, ledger, expected_count, expected_head, err);
    (void)sc_struct_write(out, &r, sizeof r, v1, true, "report", NULL); /* filled in every case */
    sodium_memzero(&r, sizeof r);
    return st;
}
