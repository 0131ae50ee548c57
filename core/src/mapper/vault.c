/* The value store: each distinct (type, normalized value) gets the next number of its type. Values,
 * keys, entries and the hash index all live in wiped memory accounted to the context's budget. */
#include <sodium.h>
#include <string.h>

#include "../alloc.h"
#include "../error.h"
#include "../proved/placeholder.h"
#include "mapper.h"

void sc_vault_init(sc_vault *v, sanctum_ctx *ctx)
{
    memset(v, 0, sizeof *v);
    v->ctx = ctx;
    randombytes_buf(v->hash_key, sizeof v->hash_key);
}

void sc_vault_free(sc_vault *v)
{
    sc_free(v->arena);
    sc_free(v->ent);
    sc_free(v->slots);
    for (int t = 0; t < SANCTUM_ENTITY_COUNT; t++)
        sc_free(v->by_type[t]);
    sanctum_ctx *ctx = v->ctx;
    sodium_memzero(v, sizeof *v);
    v->ctx = ctx;
    randombytes_buf(v->hash_key, sizeof v->hash_key);
}

static uint8_t lower(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
}

static bool is_digit(uint8_t c)
{
    return c >= '0' && c <= '9';
}

static bool is_space(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Writes the normalized key of (type, kind, val) into out (capacity len + 2); returns its length. */
static size_t normalize(uint32_t type, uint8_t kind, const uint8_t *val, size_t len, uint8_t *out)
{
    size_t k = 0;
    out[k++] = kind;
    out[k++] = (uint8_t)type;
    if (kind == SC_KEY_LITERAL) {
        memcpy(out + k, val, len);
        return k + len;
    }
    switch (type) {
    case SANCTUM_ENTITY_EMAIL_ADDRESS:
        for (size_t i = 0; i < len; i++)
            out[k++] = lower(val[i]);
        break;
    case SANCTUM_ENTITY_PHONE_NUMBER:
    case SANCTUM_ENTITY_CREDIT_CARD:
    case SANCTUM_ENTITY_US_SSN:
    case SANCTUM_ENTITY_US_BANK_NUMBER:
        for (size_t i = 0; i < len; i++)
            if (is_digit(val[i]))
                out[k++] = val[i];
        break;
    case SANCTUM_ENTITY_IBAN_CODE:
        for (size_t i = 0; i < len; i++) {
            uint8_t c = val[i];
            if (is_digit(c) || (c >= 'A' && c <= 'Z'))
                out[k++] = c;
            else if (c >= 'a' && c <= 'z')
                out[k++] = (uint8_t)(c - 32);
        }
        break;
    default: { /* PERSON and anything else: case-folded (ASCII), whitespace collapsed and trimmed */
        bool pending_space = false;
        for (size_t i = 0; i < len; i++) {
            if (is_space(val[i])) {
                pending_space = k > 2;
                continue;
            }
            if (pending_space)
                out[k++] = ' ';
            pending_space = false;
            out[k++] = lower(val[i]);
        }
        break;
    }
    }
    return k;
}

/* Keyed (SipHash-2-4, a random key per vault): with a public hash, values crafted to share slots
 * (e-mail local parts are free text) made each insert walk all of them, quadratic in the request. */
static uint64_t hash_bytes(const sc_vault *v, const uint8_t *p, size_t n)
{
    _Static_assert(sizeof v->hash_key == crypto_shorthash_KEYBYTES, "SipHash key size");
    uint8_t out[crypto_shorthash_BYTES];
    crypto_shorthash(out, p, n, v->hash_key);
    uint64_t h;
    memcpy(&h, out, sizeof h);
    return h;
}

static void index_insert(sc_vault *v, uint32_t idx)
{
    size_t mask = v->nslots - 1;
    size_t s = (size_t)v->ent[idx].hash & mask;
    while (v->slots[s] != 0)
        s = (s + 1) & mask;
    v->slots[s] = idx + 1;
}

static bool index_grow(sc_vault *v)
{
    size_t ns = v->nslots ? v->nslots * 2 : 64;
    uint32_t *slots = sc_calloc(v->ctx, ns, sizeof *slots, SC_ALLOC_SECRET);
    if (slots == NULL)
        return false;
    sc_free(v->slots);
    v->slots = slots;
    v->nslots = ns;
    for (size_t i = 0; i < v->n; i++)
        index_insert(v, (uint32_t)i);
    return true;
}

sanctum_status sc_vault_intern(sc_vault *v, uint32_t type, uint8_t kind, const uint8_t *val, size_t len,
                               uint32_t *number, bool *variant, sanctum_error *err)
{
    *variant = false;
    if (type >= SANCTUM_ENTITY_COUNT)
        return sc_error(err, SANCTUM_E_INTERNAL, SANCTUM_NO_OFFSET, "entity type out of range");
    if (len > SIZE_MAX / 4 - 2)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "value too long");
    /* Room for value and key in the arena first, so the key can be built in place. */
    size_t need = len + len + 2;
    if (need > v->arena_cap - v->arena_len) {
        size_t cap = v->arena_cap ? v->arena_cap : 256;
        while (cap - v->arena_len < need) {
            if (cap > SIZE_MAX / 2)
                return sc_error_nomem(err);
            cap *= 2;
        }
        uint8_t *na = v->arena ? sc_realloc(v->ctx, v->arena, cap) : sc_alloc(v->ctx, cap, SC_ALLOC_SECRET);
        if (na == NULL)
            return sc_error_nomem(err);
        v->arena = na;
        v->arena_cap = cap;
    }
    uint8_t *key = v->arena + v->arena_len + len;
    size_t key_len = normalize(type, kind, val, len, key);
    uint64_t h = hash_bytes(v, key, key_len);
    if (v->nslots) {
        size_t mask = v->nslots - 1;
        for (size_t s = (size_t)h & mask; v->slots[s] != 0; s = (s + 1) & mask) {
            const sc_vault_entry *e = &v->ent[v->slots[s] - 1];
            if (e->hash == h && e->key_len == key_len && memcmp(v->arena + e->key_off, key, key_len) == 0) {
                *number = e->number;
                *variant = e->val_len != len || memcmp(v->arena + e->val_off, val, len) != 0;
                return SANCTUM_OK;
            }
        }
    }
    if (v->count[type] >= SC_PLACEHOLDER_NUMBER_MAX || v->n >= UINT32_MAX / 4)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "too many distinct values in one session");
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        sc_vault_entry *ne = v->ent ? sc_realloc(v->ctx, v->ent, cap * sizeof *ne)
                                    : sc_alloc(v->ctx, cap * sizeof *ne, SC_ALLOC_SECRET);
        if (ne == NULL)
            return sc_error_nomem(err);
        v->ent = ne;
        v->cap = cap;
    }
    if (v->count[type] == v->cap_type[type]) {
        uint32_t cap = v->cap_type[type] ? v->cap_type[type] * 2 : 8;
        uint32_t *nb = v->by_type[type] ? sc_realloc(v->ctx, v->by_type[type], (size_t)cap * sizeof *nb)
                                        : sc_alloc(v->ctx, (size_t)cap * sizeof *nb, SC_ALLOC_SECRET);
        if (nb == NULL)
            return sc_error_nomem(err);
        v->by_type[type] = nb;
        v->cap_type[type] = cap;
    }
    if ((v->n + 1) * 2 > v->nslots && !index_grow(v))
        return sc_error_nomem(err);
    /* Commit: nothing below can fail. */
    memcpy(v->arena + v->arena_len, val, len);
    sc_vault_entry *e = &v->ent[v->n];
    e->type = type;
    e->kind = kind;
    e->number = v->count[type] + 1;
    e->val_off = v->arena_len;
    e->val_len = len;
    e->key_off = v->arena_len + len;
    e->key_len = key_len;
    e->hash = h;
    v->arena_len += len + key_len;
    v->by_type[type][v->count[type]] = (uint32_t)v->n;
    v->count[type]++;
    index_insert(v, (uint32_t)v->n);
    v->n++;
    *number = e->number;
    return SANCTUM_OK;
}

const uint8_t *sc_vault_value(const sc_vault *v, uint32_t type, uint32_t number, size_t *len)
{
    if (type >= SANCTUM_ENTITY_COUNT || number == 0 || number > v->count[type])
        return NULL;
    const sc_vault_entry *e = &v->ent[v->by_type[type][number - 1]];
    *len = e->val_len;
    return v->arena + e->val_off;
}

void sc_vault_mark_get(const sc_vault *v, sc_vault_mark *m)
{
    m->n = v->n;
    m->arena_len = v->arena_len;
    memcpy(m->count, v->count, sizeof m->count);
}

void sc_vault_rollback(sc_vault *v, const sc_vault_mark *m)
{
    if (v->n == m->n)
        return;
    sodium_memzero(v->arena + m->arena_len, v->arena_len - m->arena_len);
    sodium_memzero(v->ent + m->n, (v->n - m->n) * sizeof *v->ent);
    v->arena_len = m->arena_len;
    v->n = m->n;
    memcpy(v->count, m->count, sizeof v->count);
    memset(v->slots, 0, v->nslots * sizeof *v->slots);
    for (size_t i = 0; i < v->n; i++)
        index_insert(v, (uint32_t)i);
}
