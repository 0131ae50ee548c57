/*
 * Splice writer: the source bytes, with only the edited string tokens re-encoded. A re-encoded string
 * follows the escaping style its writer used (read from the string itself, else from the document):
 * Python's \uXXXX for non-ASCII, Go's \u003c \u003e \u0026 and \u2028, escaped '/', hex case.
 */
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "json.h"

static inline uint32_t hexval(uint8_t c)
{
    if (c <= '9')
        return (uint32_t)(c - '0');
    return (uint32_t)((c | 0x20u) - 'a' + 10);
}

static bool has_high_byte(const uint8_t *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull)
            return true;
    }
    for (; i < n; i++)
        if (s[i] >= 0x80)
            return true;
    return false;
}

/* Evidence from the escapes of a raw string (memchr hops from backslash to backslash). */
static void scan_escapes(const uint8_t *raw, size_t n, sc_json_style_evidence *ev)
{
    const uint8_t *p = raw, *end = raw + n;
    while (p < end && (p = memchr(p, '\\', (size_t)(end - p))) != NULL) {
        if (p + 1 >= end)
            break;
        uint8_t e = p[1];
        if (e == '/') {
            ev->slash_esc = true;
        } else if (e == 'u' && p + 5 < end) {
            uint32_t cp = (hexval(p[2]) << 12) | (hexval(p[3]) << 8) | (hexval(p[4]) << 4) | hexval(p[5]);
            for (size_t k = 2; k < 6; k++) {
                if (p[k] >= 'A' && p[k] <= 'F')
                    ev->upper = true;
                if (p[k] >= 'a' && p[k] <= 'f')
                    ev->lower = true;
            }
            if (cp == 0x3C || cp == 0x3E || cp == 0x26)
                ev->u_html = true;
            else if (cp == 0x2028 || cp == 0x2029)
                ev->u_lsps = true;
            else if (cp >= 0x80)
                ev->u_nonascii = true;
            p += 6;
            continue;
        }
        p += 2;
    }
}

void sc_json_style_scan(const uint8_t *raw, size_t n, sc_json_style_evidence *ev)
{
    scan_escapes(raw, n, ev);
    if (!ev->raw_nonascii)
        ev->raw_nonascii = has_high_byte(raw, n);
    if (!ev->raw_html)
        ev->raw_html = memchr(raw, '<', n) != NULL || memchr(raw, '>', n) != NULL || memchr(raw, '&', n) != NULL;
    if (!ev->raw_slash) {
        /* a raw '/' (not the second byte of an escape "\/") */
        const uint8_t *p = raw, *end = raw + n;
        while (p < end && (p = memchr(p, '/', (size_t)(end - p))) != NULL) {
            if (p == raw || p[-1] != '\\') {
                ev->raw_slash = true;
                break;
            }
            p++;
        }
    }
}

void sc_json_style_for(const sc_json_doc *d, uint32_t t, sc_json_doc_style *cache, sc_json_style *st)
{
    sc_json_style_evidence own = {0};
    size_t n;
    const uint8_t *raw = sc_json_str_raw(d, t, &n);
    sc_json_style_scan(raw, n, &own);
    bool need_doc = !(own.u_nonascii || own.raw_nonascii) || !(own.u_html || own.raw_html) ||
                    !(own.upper || own.lower) || !(own.slash_esc || own.raw_slash);
    if (need_doc && !cache->ready) {
        /* Only strings with escapes carry evidence for the \u styles; any byte >= 0x80 tells that
         * the document writes raw UTF-8. Computed once per write, only when a string needs it. */
        for (uint32_t i = 0; i < d->ntok; i++) {
            const sc_json_tok *tk = &d->tok[i];
            if (tk->type != SC_JT_STRING && tk->type != SC_JT_KEY)
                continue;
            const uint8_t *r = d->src + tk->start + 1;
            if (!cache->raw_nonascii)
                cache->raw_nonascii = has_high_byte(r, (size_t)tk->len - 2u);
            if (tk->flags & SC_JF_ESCAPES)
                scan_escapes(r, (size_t)tk->len - 2u, &cache->ev);
        }
        cache->ready = true;
    }
    const sc_json_style_evidence doc = cache->ev;
    const bool doc_raw_nonascii = cache->raw_nonascii;
    if (own.u_nonascii || own.raw_nonascii)
        st->esc_nonascii = own.u_nonascii && !own.raw_nonascii;
    else
        st->esc_nonascii = doc.u_nonascii && !doc_raw_nonascii;
    if (own.u_html || own.raw_html)
        st->esc_html = own.u_html && !own.raw_html;
    else
        st->esc_html = doc.u_html;
    st->esc_lsps = own.u_lsps || doc.u_lsps || st->esc_html;
    if (own.upper || own.lower)
        st->upper_hex = own.upper && !own.lower;
    else
        st->upper_hex = doc.upper && !doc.lower;
    if (own.slash_esc || own.raw_slash)
        st->esc_slash = own.slash_esc && !own.raw_slash;
    else
        st->esc_slash = doc.slash_esc;
}

/* Bytes needed to encode s[i..] one character; sets *adv to the input length consumed. */
static size_t char_cost(const uint8_t *s, size_t n, size_t i, const sc_json_style *st, size_t *adv)
{
    uint8_t c = s[i];
    *adv = 1;
    if (c < 0x80) {
        if (c == '"' || c == '\\')
            return 2;
        if (c < 0x20)
            return (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') ? 2 : 6;
        if (st->esc_html && (c == '<' || c == '>' || c == '&'))
            return 6;
        if (st->esc_slash && c == '/')
            return 2;
        return 1;
    }
    size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (i + k > n)
        k = n - i;
    *adv = k;
    if (st->esc_nonascii)
        return k == 4 ? 12 : 6;
    if (st->esc_lsps && k == 3 && c == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
        return 6;
    return k;
}

/* 1 for bytes that a style copies as they are: most of any text. */
static void plain_table(const sc_json_style *st, uint8_t t[256])
{
    for (unsigned c = 0; c < 256; c++)
        t[c] = c >= 0x20 && c != '"' && c != '\\';
    if (st->esc_html)
        t['<'] = t['>'] = t['&'] = 0;
    if (st->esc_slash)
        t['/'] = 0;
    if (st->esc_nonascii)
        for (unsigned c = 0x80; c < 256; c++)
            t[c] = 0;
    else if (st->esc_lsps)
        t[0xE2] = 0; /* U+2028/U+2029 start with E2; char_cost tells */
}

size_t sc_json_encoded_len(const uint8_t *s, size_t n, const sc_json_style *st)
{
    uint8_t plain[256];
    plain_table(st, plain);
    size_t total = 0, i = 0, adv;
    while (i < n) {
        size_t run = i;
        while (run < n && plain[s[run]])
            run++;
        total += run - i;
        i = run;
        if (i >= n)
            break;
        total += char_cost(s, n, i, st, &adv);
        i += adv;
    }
    return total;
}

static uint8_t *put_u(uint8_t *o, uint32_t v, bool upper)
{
    const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    o[0] = '\\';
    o[1] = 'u';
    o[2] = (uint8_t)hex[(v >> 12) & 15u];
    o[3] = (uint8_t)hex[(v >> 8) & 15u];
    o[4] = (uint8_t)hex[(v >> 4) & 15u];
    o[5] = (uint8_t)hex[v & 15u];
    return o + 6;
}

size_t sc_json_encode(const uint8_t *s, size_t n, const sc_json_style *st, uint8_t *out)
{
    uint8_t plain[256];
    plain_table(st, plain);
    uint8_t *o = out;
    size_t i = 0, adv;
    while (i < n) {
        size_t run = i;
        while (run < n && plain[s[run]])
            run++;
        memcpy(o, s + i, run - i);
        o += run - i;
        i = run;
        if (i >= n)
            break;
        size_t cost = char_cost(s, n, i, st, &adv);
        uint8_t c = s[i];
        if (cost == adv) {
            memcpy(o, s + i, adv);
            o += adv;
        } else if (c < 0x80 && cost == 2) {
            *o++ = '\\';
            switch (c) {
            case '\b': *o++ = 'b'; break;
            case '\f': *o++ = 'f'; break;
            case '\n': *o++ = 'n'; break;
            case '\r': *o++ = 'r'; break;
            case '\t': *o++ = 't'; break;
            default: *o++ = c; break; /* " \ / */
            }
        } else if (c < 0x80) {
            o = put_u(o, c, st->upper_hex);
        } else {
            uint32_t cp;
            if (adv == 2)
                cp = ((uint32_t)(c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
            else if (adv == 3)
                cp = ((uint32_t)(c & 0x0Fu) << 12) | ((uint32_t)(s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
            else
                cp = ((uint32_t)(c & 0x07u) << 18) | ((uint32_t)(s[i + 1] & 0x3Fu) << 12) |
                     ((uint32_t)(s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
            if (cp >= 0x10000u) {
                cp -= 0x10000u;
                o = put_u(o, 0xD800u + (cp >> 10), st->upper_hex);
                o = put_u(o, 0xDC00u + (cp & 0x3FFu), st->upper_hex);
            } else {
                o = put_u(o, cp, st->upper_hex);
            }
        }
        i += adv;
    }
    return (size_t)(o - out);
}

sanctum_status sc_json_write(const sc_json_doc *d, const sc_json_edit *edits, size_t nedits,
                             uint8_t **out, size_t *out_len, sanctum_error *err)
{
    *out = NULL;
    *out_len = 0;
    /* Pass 1: the exact output size, and each edit's style. */
    sc_json_doc_style cache;
    memset(&cache, 0, sizeof cache);
    size_t total = d->len;
    for (size_t e = 0; e < nedits; e++) {
        uint32_t t = edits[e].tok;
        if (t >= d->ntok || d->tok[t].type != SC_JT_STRING || (e > 0 && edits[e - 1].tok >= t))
            return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET,
                            "edits must name string tokens in ascending order");
        sc_json_style st;
        sc_json_style_for(d, t, &cache, &st);
        size_t enc = sc_json_encoded_len(edits[e].ptr, edits[e].len, &st);
        if (enc > SIZE_MAX / 2 - total)
            return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "output too large");
        total = total - ((size_t)d->tok[t].len - 2u) + enc;
    }
    /* every byte is written below: skip the zeroing pass of SC_ALLOC_SECRET, mark it secret at once */
    uint8_t *buf = sc_alloc(d->ctx, total == 0 ? 1 : total, 0);
    if (buf == NULL)
        return sc_error_nomem(err);
    sc_mark_secret(buf);
    /* Pass 2: copy spans, re-encode edited strings. */
    size_t pos = 0, o = 0;
    for (size_t e = 0; e < nedits; e++) {
        const sc_json_tok *tk = &d->tok[edits[e].tok];
        size_t content = (size_t)tk->start + 1u;
        memcpy(buf + o, d->src + pos, content - pos);
        o += content - pos;
        sc_json_style st;
        sc_json_style_for(d, edits[e].tok, &cache, &st);
        o += sc_json_encode(edits[e].ptr, edits[e].len, &st, buf + o);
        pos = (size_t)tk->start + tk->len - 1u; /* the closing quote */
    }
    if (d->len > pos)
        memcpy(buf + o, d->src + pos, d->len - pos);
    o += d->len - pos;
    *out = buf;
    *out_len = o;
    return SANCTUM_OK;
}
