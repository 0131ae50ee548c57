/* The sealed vault file: "SCTMVLT" + version byte + 24-byte nonce, then the XChaCha20-Poly1305 (IETF)
 * ciphertext of the entries, with the 32-byte header as associated data. Plaintext: u32 count, then per
 * entry in issue order: u8 type, u8 kind, u32 length, value bytes (little-endian). Numbers are implied
 * by the order, and checked again when the file is opened. */
#include <sodium.h>
#include <string.h>

#include "../alloc.h"
#include "../error.h"
#include "mapper.h"

#define VAULT_MAGIC "SCTMVLT"
#define VAULT_VERSION 1u
#define VAULT_HEADER 32u
#define VAULT_TAG crypto_aead_xchacha20poly1305_ietf_ABYTES

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

sanctum_status sanctum_session_seal(const sanctum_session *s, const uint8_t *key, size_t key_len, uint8_t **out,
                                    size_t *out_len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (s == NULL || key == NULL || out == NULL || out_len == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "NULL argument");
    if (key_len != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "the vault key must be 32 bytes");
    const sc_vault *v = &s->vault;
    size_t plen = 4;
    for (size_t i = 0; i < v->n; i++) {
        if (v->ent[i].val_len > UINT32_MAX || plen > SIZE_MAX / 2)
            return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "value too large to seal");
        plen += 6 + v->ent[i].val_len;
    }
    uint8_t *plain = sc_alloc(s->ctx, plen, SC_ALLOC_SECRET);
    if (plain == NULL)
        return sc_error_nomem(err);
    size_t k = 0;
    put32(plain, (uint32_t)v->n);
    k = 4;
    for (size_t i = 0; i < v->n; i++) {
        const sc_vault_entry *e = &v->ent[i];
        plain[k++] = (uint8_t)e->type;
        plain[k++] = e->kind;
        put32(plain + k, (uint32_t)e->val_len);
        k += 4;
        memcpy(plain + k, v->arena + e->val_off, e->val_len);
        k += e->val_len;
    }
    size_t total = VAULT_HEADER + plen + VAULT_TAG;
    uint8_t *o = sc_alloc(s->ctx, total, 0);
    if (o == NULL) {
        sc_free(plain);
        return sc_error_nomem(err);
    }
    memcpy(o, VAULT_MAGIC, 7);
    o[7] = (uint8_t)VAULT_VERSION;
    randombytes_buf(o + 8, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(o + VAULT_HEADER, &clen, plain, plen, o, VAULT_HEADER, NULL, o + 8,
                                               key);
    sc_free(plain);
    *out = o;
    *out_len = VAULT_HEADER + (size_t)clen;
    return SANCTUM_OK;
}

sanctum_status sanctum_session_open_sealed(sanctum_session **out, sanctum_ctx *ctx, const uint8_t *key,
                                           size_t key_len, const uint8_t *ptr, size_t len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ctx == NULL || key == NULL || (ptr == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "NULL argument");
    if (key_len != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "the vault key must be 32 bytes");
    if ((uint64_t)len > ctx->opts.max_input_bytes)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "vault larger than max_input_bytes");
    if (len < 8 || memcmp(ptr, VAULT_MAGIC, 7) != 0)
        return sc_error(err, SANCTUM_E_PARSE, 0, "not a sanctum vault file (bad magic)");
    if (ptr[7] != VAULT_VERSION)
        return sc_error(err, SANCTUM_E_UNSUPPORTED, 7, "unsupported vault version %u", (unsigned)ptr[7]);
    if (len < VAULT_HEADER + VAULT_TAG + 4)
        return sc_error(err, SANCTUM_E_TAMPERED, SANCTUM_NO_OFFSET, "vault file truncated");
    size_t clen = len - VAULT_HEADER;
    uint8_t *plain = sc_alloc(ctx, clen, SC_ALLOC_SECRET);
    if (plain == NULL)
        return sc_error_nomem(err);
    unsigned long long plen_ll = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain, &plen_ll, NULL, ptr + VAULT_HEADER, clen, ptr,
                                                   VAULT_HEADER, ptr + 8, key) != 0) {
        sc_free(plain);
        return sc_error(err, SANCTUM_E_TAMPERED, SANCTUM_NO_OFFSET,
                        "vault authentication failed: wrong key or the file was modified");
    }
    size_t plen = (size_t)plen_ll;
    sanctum_session *s = NULL;
    sanctum_status st = sanctum_session_new(&s, ctx, NULL, NULL, err);
    if (st != SANCTUM_OK) {
        sc_free(plain);
        return st;
    }
    uint32_t n = get32(plain);
    size_t k = 4;
    for (uint32_t i = 0; i < n; i++) {
        if (plen - k < 6) {
            st = sc_error(err, SANCTUM_E_TAMPERED, SANCTUM_NO_OFFSET, "vault contents inconsistent");
            goto fail;
        }
        uint32_t type = plain[k];
        uint8_t kind = plain[k + 1];
        uint32_t vl = get32(plain + k + 2);
        k += 6;
        if (type >= SANCTUM_ENTITY_COUNT || (kind != SC_KEY_VALUE && kind != SC_KEY_LITERAL) || vl > plen - k) {
            st = sc_error(err, SANCTUM_E_TAMPERED, SANCTUM_NO_OFFSET, "vault contents inconsistent");
            goto fail;
        }
        uint32_t expect = s->vault.count[type] + 1, number = 0;
        bool variant = false;
        st = sc_vault_intern(&s->vault, type, kind, plain + k, vl, &number, &variant, err);
        if (st != SANCTUM_OK)
            goto fail;
        if (number != expect) {
            st = sc_error(err, SANCTUM_E_TAMPERED, SANCTUM_NO_OFFSET, "vault contents inconsistent");
            goto fail;
        }
        k += vl;
    }
    if (k != plen) {
        st = sc_error(err, SANCTUM_E_TAMPERED, SANCTUM_NO_OFFSET, "vault contents inconsistent");
        goto fail;
    }
    sc_free(plain);
    *out = s;
    return SANCTUM_OK;
fail:
    sc_free(plain);
    sanctum_free(s);
    return st;
}
