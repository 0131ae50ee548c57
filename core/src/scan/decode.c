#define _GNU_SOURCE 1
/* Values a file's format declares base64: the data entries of a Kubernetes Secret manifest (YAML
 * or JSON) and npm's _password. Each is decoded once (no recursion: the caller scans the decoded text without
 * decoding again) into "key: decoded" so that the rules see the key name as context. Bounded: at
 * most SC_DECODE_MAX_VALUE bytes per value and SC_DECODE_MAX_TOTAL per buffer. */
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "scan/scan_internal.h"

#define SC_DECODE_MAX_VALUE (64u * 1024u)
#define SC_DECODE_MAX_TOTAL (16u * 1024u * 1024u)
#define SC_DECODE_MAX_KEY 253u

typedef struct dec {
    sanctum_ctx *ctx;
    sc_decoded_fn fn;
    void *arg;
    size_t total;
    uint8_t *text; /* key + ": " + decoded + "\n" (secret memory) */
} dec;

static bool b64_char(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

/* Decoded text is handed on only when it is text: a DER certificate or a zip is not scanned. */
static bool is_text(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' && p[i] != '\t')
            return false;
    return true;
}

/* value [v, v + vl): base64 with optional padding, at least 8 characters, a whole number of quads. */
static sanctum_status emit(dec *d, const uint8_t *buf, const uint8_t *key, size_t kl, size_t v, size_t vl)
{
    if (vl < 8 || vl % 4 != 0 || vl / 4 * 3 > SC_DECODE_MAX_VALUE || kl > SC_DECODE_MAX_KEY)
        return SANCTUM_OK;
    size_t pad = 0;
    while (pad < 2 && buf[v + vl - 1 - pad] == '=')
        pad++;
    for (size_t i = 0; i < vl - pad; i++)
        if (!b64_char(buf[v + i]))
            return SANCTUM_OK;
    size_t cap = vl / 4 * 3;
    if (d->total + cap > SC_DECODE_MAX_TOTAL)
        return SANCTUM_OK;
    size_t hdr = kl + 2;
    size_t dl = sc_b64_decode(buf + v, vl, d->text + hdr, cap, false);
    if (dl == SIZE_MAX || dl == 0 || !is_text(d->text + hdr, dl)) {
        sanctum_wipe(d->text + hdr, cap);
        return SANCTUM_OK;
    }
    d->total += dl;
    memcpy(d->text, key, kl);
    memcpy(d->text + kl, ": ", 2);
    d->text[hdr + dl] = '\n';
    sanctum_status st = d->fn(d->arg, v, vl, d->text, hdr + dl + 1);
    sanctum_wipe(d->text, hdr + dl + 1);
    return st;
}

static size_t line_end(const uint8_t *b, size_t n, size_t i)
{
    const uint8_t *nl = memchr(b + i, '\n', n - i);
    return nl ? (size_t)(nl - b) : n;
}

static size_t indent_of(const uint8_t *b, size_t ls, size_t le)
{
    size_t i = ls;
    while (i < le && b[i] == ' ')
        i++;
    return i - ls;
}

/* "kind: Secret" on a line of its own (YAML; quotes allowed). */
static bool is_k8s_secret(const uint8_t *b, size_t n)
{
    const uint8_t *p = b;
    size_t left = n;
    while ((p = memmem(p, left, "kind:", 5)) != NULL) {
        size_t at = (size_t)(p - b);
        if (at == 0 || b[at - 1] == '\n' || b[at - 1] == ' ') {
            size_t i = at + 5, le = line_end(b, n, at);
            while (i < le && (b[i] == ' ' || b[i] == '"' || b[i] == '\''))
                i++;
            if (le - i >= 6 && memcmp(b + i, "Secret", 6) == 0) {
                i += 6;
                while (i < le && (b[i] == ' ' || b[i] == '"' || b[i] == '\'' || b[i] == '\r'))
                    i++;
                if (i == le)
                    return true;
            }
        }
        p += 5;
        left = n - (size_t)(p - b);
    }
    return false;
}

/* Every "data:" block: the entries indented below it, "key: value" with an optionally quoted value. */
static sanctum_status k8s_data(dec *d, const uint8_t *b, size_t n)
{
    size_t i = 0;
    bool in_data = false;
    size_t data_indent = 0;
    while (i < n) {
        size_t le = line_end(b, n, i);
        size_t ind = indent_of(b, i, le);
        size_t ls = i + ind;
        size_t e = le;
        while (e > ls && (b[e - 1] == '\r' || b[e - 1] == ' '))
            e--;
        i = le + 1;
        if (e == ls || b[ls] == '#')
            continue;
        if (in_data && ind <= data_indent)
            in_data = false;
        if (!in_data) {
            if (e - ls == 5 && memcmp(b + ls, "data:", 5) == 0) {
                in_data = true;
                data_indent = ind;
            }
            continue;
        }
        const uint8_t *colon = memchr(b + ls, ':', e - ls);
        if (colon == NULL)
            continue;
        size_t kl = (size_t)(colon - (b + ls));
        size_t v = (size_t)(colon - b) + 1;
        while (v < e && b[v] == ' ')
            v++;
        size_t ve = e;
        if (v < ve && (b[v] == '"' || b[v] == '\'') && b[ve - 1] == b[v] && ve - v >= 2) {
            v++;
            ve--;
        }
        sanctum_status st = emit(d, b, b + ls, kl, v, ve - v);
        if (st != SANCTUM_OK)
            return st;
    }
    return SANCTUM_OK;
}

static size_t skip_ws(const uint8_t *b, size_t n, size_t i)
{
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        i++;
    return i;
}

/* A JSON string without escapes at b[i] == '"': its body [*s, *e). False when it is not one. */
static bool json_plain_string(const uint8_t *b, size_t n, size_t i, size_t *s, size_t *e)
{
    if (i >= n || b[i] != '"')
        return false;
    size_t j = i + 1;
    while (j < n && b[j] != '"' && b[j] != '\\' && b[j] >= 0x20)
        j++;
    if (j >= n || b[j] != '"')
        return false;
    *s = i + 1;
    *e = j;
    return true;
}

/* JSON manifests (kubectl get secret -o json): every "data": { "key": "base64", ... } object. */
static sanctum_status k8s_json_data(dec *d, const uint8_t *b, size_t n)
{
    const uint8_t *p = b;
    size_t left = n;
    while ((p = memmem(p, left, "\"data\"", 6)) != NULL) {
        size_t i = skip_ws(b, n, (size_t)(p - b) + 6);
        p += 6;
        left = n - (size_t)(p - b);
        if (i >= n || b[i] != ':')
            continue;
        i = skip_ws(b, n, i + 1);
        if (i >= n || b[i] != '{')
            continue;
        i = skip_ws(b, n, i + 1);
        for (;;) {
            size_t ks, ke, vs, ve;
            if (!json_plain_string(b, n, i, &ks, &ke))
                break;
            i = skip_ws(b, n, ke + 1);
            if (i >= n || b[i] != ':')
                break;
            i = skip_ws(b, n, i + 1);
            if (!json_plain_string(b, n, i, &vs, &ve))
                break;
            sanctum_status st = emit(d, b, b + ks, ke - ks, vs, ve - vs);
            if (st != SANCTUM_OK)
                return st;
            i = skip_ws(b, n, ve + 1);
            if (i >= n || b[i] != ',')
                break;
            i = skip_ws(b, n, i + 1);
        }
    }
    return SANCTUM_OK;
}

/* npm: "_password=<base64>" (per registry: "//host/:_password=..."). */
static sanctum_status npm_password(dec *d, const uint8_t *b, size_t n)
{
    const uint8_t *p = b;
    size_t left = n;
    while ((p = memmem(p, left, "_password", 9)) != NULL) {
        size_t i = (size_t)(p - b) + 9, le = line_end(b, n, i);
        while (i < le && b[i] == ' ')
            i++;
        if (i < le && b[i] == '=') {
            i++;
            while (i < le && b[i] == ' ')
                i++;
            size_t e = le;
            while (e > i && (b[e - 1] == '\r' || b[e - 1] == ' '))
                e--;
            if (e - i >= 2 && (b[i] == '"' || b[i] == '\'') && b[e - 1] == b[i]) {
                i++;
                e--;
            }
            sanctum_status st = emit(d, b, (const uint8_t *)"password", 8, i, e - i);
            if (st != SANCTUM_OK)
                return st;
        }
        p = b + le;
        left = n - le;
    }
    return SANCTUM_OK;
}

sanctum_status sc_decode_values(sanctum_ctx *ctx, const uint8_t *buf, size_t len, uint32_t triggers,
                                sc_decoded_fn fn, void *arg, sanctum_error *err)
{
    bool k8s = (triggers & (1u << SC_TRIGGER_K8S)) && len >= 11 && is_k8s_secret(buf, len);
    bool k8s_json = (triggers & (1u << SC_TRIGGER_K8S_JSON)) != 0;
    bool npm = (triggers & (1u << SC_TRIGGER_NPM)) != 0;
    if (!k8s && !k8s_json && !npm)
        return SANCTUM_OK;
    dec d = {ctx, fn, arg, 0, NULL};
    d.text = sc_alloc(ctx, SC_DECODE_MAX_KEY + 3 + SC_DECODE_MAX_VALUE, SC_ALLOC_SECRET);
    if (d.text == NULL)
        return sc_error_nomem(err);
    sanctum_status st = SANCTUM_OK;
    if (k8s)
        st = k8s_data(&d, buf, len);
    if (st == SANCTUM_OK && k8s_json)
        st = k8s_json_data(&d, buf, len);
    if (st == SANCTUM_OK && npm)
        st = npm_password(&d, buf, len);
    sc_free(d.text);
    return st;
}
