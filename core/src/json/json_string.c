/* Lazy string decoding, decoded comparisons, object lookup. */
#include <string.h>

#include "json.h"
#include "utf8.h"

const uint8_t sc_json_hex[256] = {
#define X16 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF
    X16, X16, X16,
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 10, 11, 12, 13, 14, 15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    X16,
    0xFF, 10, 11, 12, 13, 14, 15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    X16, X16, X16, X16, X16, X16, X16, X16, X16
#undef X16
};

bool sc_hex_decode(const uint8_t *s, size_t n, uint8_t *out)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t hi = sc_json_hex[s[2 * i]], lo = sc_json_hex[s[2 * i + 1]];
        if ((hi | lo) == 0xFF)
            return false;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

static inline uint32_t hex4(const uint8_t *s)
{
    return ((uint32_t)sc_json_hex[s[0]] << 12) | ((uint32_t)sc_json_hex[s[1]] << 8) |
           ((uint32_t)sc_json_hex[s[2]] << 4) | sc_json_hex[s[3]];
}

size_t sc_json_decode(const uint8_t *raw, size_t n, uint8_t *out)
{
    size_t i = 0, o = 0;
    while (i < n) {
        if (raw[i] != '\\') {
            /* a run of plain bytes: look a few bytes ahead by hand, then let memchr take long runs */
            size_t j = i + 1, lim = i + 16 < n ? i + 16 : n;
            while (j < lim && raw[j] != '\\')
                j++;
            if (j == lim && j < n) {
                const uint8_t *bs = memchr(raw + j, '\\', n - j);
                j = bs == NULL ? n : (size_t)(bs - raw);
            }
            memmove(out + o, raw + i, j - i);
            o += j - i;
            i = j;
            continue;
        }
        uint8_t e = raw[i + 1];
        if (e == 'u') {
            uint32_t cp = hex4(raw + i + 2);
            i += 6;
            if (cp < 0x80) {
                out[o++] = (uint8_t)cp;
                continue;
            }
            if (cp >= 0xD800u && cp <= 0xDBFFu) { /* the parser guarantees the low half follows */
                uint32_t lo = hex4(raw + i + 2);
                cp = 0x10000u + ((cp - 0xD800u) << 10) + (lo - 0xDC00u);
                i += 6;
            }
            uint8_t buf[4];
            size_t k = sc_utf8_encode(cp, buf);
            memcpy(out + o, buf, k);
            o += k;
            continue;
        }
        uint8_t c;
        switch (e) {
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        default: c = e; break; /* " \ / */
        }
        out[o++] = c;
        i += 2;
    }
    return o;
}

size_t sc_json_decoded_len(const uint8_t *raw, size_t n)
{
    size_t len = n, i = 0;
    while (i < n) {
        if (raw[i] != '\\') {
            /* look a few bytes ahead by hand (escapes come in runs), then let memchr take long runs */
            size_t j = i + 1, lim = i + 16 < n ? i + 16 : n;
            while (j < lim && raw[j] != '\\')
                j++;
            if (j == lim && j < n) {
                const uint8_t *bs = memchr(raw + j, '\\', n - j);
                j = bs == NULL ? n : (size_t)(bs - raw);
            }
            i = j;
            continue;
        }
        if (raw[i + 1] != 'u') {
            len -= 1;
            i += 2;
            continue;
        }
        uint32_t cp = hex4(raw + i + 2);
        if (cp >= 0xD800u && cp <= 0xDBFFu) {
            len -= 8; /* 12 escape bytes -> 4 UTF-8 bytes */
            i += 12;
        } else {
            len -= cp < 0x80 ? 5u : cp < 0x800 ? 4u : 3u;
            i += 6;
        }
    }
    return len;
}

size_t sc_json_str_small(const sc_json_doc *d, uint32_t t, uint8_t *buf, size_t cap)
{
    size_t n;
    const uint8_t *raw = sc_json_str_raw(d, t, &n);
    if (!(d->tok[t].flags & SC_JF_ESCAPES)) {
        if (n > cap)
            return SIZE_MAX;
        memcpy(buf, raw, n);
        return n;
    }
    /* decoded length >= raw / 6; anything longer than 6 * cap cannot fit */
    if (n > cap * 6u)
        return SIZE_MAX;
    uint8_t tmp[1536];
    if (n > sizeof tmp)
        return SIZE_MAX;
    size_t k = sc_json_decode(raw, n, tmp);
    if (k > cap)
        return SIZE_MAX;
    memcpy(buf, tmp, k);
    return k;
}

bool sc_json_str_eq(const sc_json_doc *d, uint32_t t, const char *lit, size_t litn)
{
    const sc_json_tok *tk = &d->tok[t];
    if (tk->type != SC_JT_STRING && tk->type != SC_JT_KEY)
        return false;
    size_t n = (size_t)tk->len - 2u;
    if (!(tk->flags & SC_JF_ESCAPES))
        return n == litn && memcmp(d->src + tk->start + 1, lit, litn) == 0;
    uint8_t buf[256];
    if (litn > sizeof buf)
        return false;
    size_t k = sc_json_str_small(d, t, buf, sizeof buf);
    return k == litn && memcmp(buf, lit, litn) == 0;
}

uint32_t sc_json_obj_get(const sc_json_doc *d, uint32_t obj, const char *lit, size_t litn)
{
    if (d->tok[obj].type != SC_JT_OBJECT)
        return 0;
    for (uint32_t k = obj + 1; k < d->tok[obj].next; k = d->tok[k + 1].next)
        if (sc_json_str_eq(d, k, lit, litn))
            return k + 1;
    return 0;
}
