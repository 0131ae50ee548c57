/*
 * Splice writer: the source bytes, with only the edited string tokens re-encoded. A re-encoded string
 * follows the escaping style its writer used (read from the string itself, else from the document):
 * Python's \uXXXX for non-ASCII, Go's \u003c \u003e \u0026 and \u2028, escaped '/', hex case.
 */
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "alloc.h"
#include "error.h"
#include "json.h"
#include "utf8.h"


/* Evidence from one escape at p (p[0] == '\\'); returns the bytes it spans. */
static size_t escape_evidence(const uint8_t *p, const uint8_t *end, sc_json_style_evidence *ev)
{
    if (p + 1 >= end)
        return 1;
    uint8_t e = p[1];
    if (e == '/') {
        ev->slash_esc = true;
        return 2;
    }
    if (e != 'u' || p + 5 >= end)
        return 2;
    uint32_t cp = ((uint32_t)sc_json_hex[p[2]] << 12) | ((uint32_t)sc_json_hex[p[3]] << 8) |
                  ((uint32_t)sc_json_hex[p[4]] << 4) | sc_json_hex[p[5]];
    for (size_t k = 2; k < 6; k++) {
        if (p[k] >= 'A' && p[k] <= 'F')
            ev->upper = true;
        else if (p[k] >= 'a' && p[k] <= 'f')
            ev->lower = true;
    }
    if (cp == 0x3C || cp == 0x3E || cp == 0x26)
        ev->u_html = true;
    else if (cp == 0x2028 || cp == 0x2029)
        ev->u_lsps = true;
    else if (cp >= 0x80)
        ev->u_nonascii = true;
    return 6;
}

/* One pass over a raw string: blocks without '\\', '<', '>', '&', '/' or bytes >= 0x80 are skipped
 * 16 at a time. */
void sc_json_style_scan(const uint8_t *raw, size_t n, sc_json_style_evidence *ev)
{
    const uint8_t *p = raw, *end = raw + n;
#if defined(__SSE2__)
    const __m128i bs = _mm_set1_epi8('\\'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>');
    const __m128i amp = _mm_set1_epi8('&'), sl = _mm_set1_epi8('/');
#endif
    while (p < end) {
#if defined(__SSE2__)
        if (end - p >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
            __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, bs), _mm_cmpeq_epi8(v, lt)),
                                     _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, amp)),
                                                  _mm_cmpeq_epi8(v, sl)));
            unsigned bits = (unsigned)_mm_movemask_epi8(m);
            if (!ev->raw_nonascii) /* once seen, bytes >= 0x80 tell nothing more */
                bits |= (unsigned)_mm_movemask_epi8(v);
            if (bits == 0) {
                p += 16;
                continue;
            }
            p += __builtin_ctz(bits);
        }
#endif
        uint8_t c = *p;
        if (c == '\\') {
            p += escape_evidence(p, end, ev);
            continue;
        }
        if (c >= 0x80) {
            ev->raw_nonascii = true;
            p++;
            while (p < end && *p >= 0x80) /* the rest of a run of non-ASCII text */
                p++;
            continue;
        }
        if (c == '<' || c == '>' || c == '&')
            ev->raw_html = true;
        else if (c == '/')
            ev->raw_slash = true;
        p++;
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
            sc_json_style_scan(d->src + tk->start + 1, (size_t)tk->len - 2u, &cache->ev);
        }
        cache->ready = true;
    }
    const sc_json_style_evidence doc = cache->ev;
    const bool doc_raw_nonascii = cache->ev.raw_nonascii;
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

const sc_json_style sc_json_style_plain = {.repair_utf8 = true};

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
    if (st->repair_utf8) {
        uint32_t cp;
        k = sc_utf8_decode(s + i, n - i, &cp);
        if (k == 0)
            return 6; /* \ufffd for one bad byte; *adv stays 1 */
    }
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
    if (st->esc_nonascii || st->repair_utf8)
        for (unsigned c = 0x80; c < 256; c++)
            t[c] = 0;
    else if (st->esc_lsps)
        t[0xE2] = 0; /* U+2028/U+2029 start with E2; char_cost tells */
}

/* End of the run of plain bytes starting at i: SSE2 16 bytes at a time, then the table. */
static size_t plain_run(const uint8_t *s, size_t i, size_t n, const sc_json_style *st, const uint8_t plain[256])
{
#if defined(__SSE2__)
    const __m128i ctrl = _mm_set1_epi8(0x1f), q = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\');
    const __m128i lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'), amp = _mm_set1_epi8('&');
    const __m128i sl = _mm_set1_epi8('/'), e2 = _mm_set1_epi8((char)0xE2);
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i m = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, ctrl), v),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, bs)));
        if (st->esc_html)
            m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_or_si128(_mm_cmpeq_epi8(v, gt),
                                                                                   _mm_cmpeq_epi8(v, amp))));
        if (st->esc_slash)
            m = _mm_or_si128(m, _mm_cmpeq_epi8(v, sl));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (st->esc_nonascii || st->repair_utf8)
            bits |= (unsigned)_mm_movemask_epi8(v);
        else if (st->esc_lsps)
            bits |= (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, e2));
        if (bits != 0)
            return i + (size_t)__builtin_ctz(bits);
        i += 16;
    }
#else
    (void)st;
#endif
    while (i < n && plain[s[i]])
        i++;
    return i;
}

size_t sc_json_encoded_len(const uint8_t *s, size_t n, const sc_json_style *st)
{
    uint8_t plain[256];
    plain_table(st, plain);
    size_t total = 0, i = 0, adv;
    while (i < n) {
        size_t run = plain_run(s, i, n, st, plain);
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
        size_t run = plain_run(s, i, n, st, plain);
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
        } else if (cost == 6 && adv == 1 && st->repair_utf8) {
            o = put_u(o, 0xFFFDu, st->upper_hex); /* an invalid byte (valid sequences are >= 2) */
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
    sc_json_style *styles = NULL;
    if (nedits != 0 && (styles = sc_calloc(d->ctx, nedits, sizeof *styles, 0)) == NULL)
        return sc_error_nomem(err);
    size_t total = d->len;
    for (size_t e = 0; e < nedits; e++) {
        uint32_t t = edits[e].tok;
        if (t >= d->ntok || d->tok[t].type != SC_JT_STRING || (e > 0 && edits[e - 1].tok >= t)) {
            sc_free(styles);
            return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET,
                            "edits must name string tokens in ascending order");
        }
        sc_json_style_for(d, t, &cache, &styles[e]);
        size_t enc = sc_json_encoded_len(edits[e].ptr, edits[e].len, &styles[e]);
        if (enc > SIZE_MAX / 2 - total) {
            sc_free(styles);
            return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "output too large");
        }
        total = total - ((size_t)d->tok[t].len - 2u) + enc;
    }
    /* every byte is written below: skip the zeroing pass of SC_ALLOC_SECRET, mark it secret at once */
    uint8_t *buf = sc_alloc(d->ctx, total == 0 ? 1 : total, 0);
    if (buf == NULL) {
        sc_free(styles);
        return sc_error_nomem(err);
    }
    sc_mark_secret(buf);
    /* Pass 2: copy spans, re-encode edited strings. */
    size_t pos = 0, o = 0;
    for (size_t e = 0; e < nedits; e++) {
        const sc_json_tok *tk = &d->tok[edits[e].tok];
        size_t content = (size_t)tk->start + 1u;
        memcpy(buf + o, d->src + pos, content - pos);
        o += content - pos;
        o += sc_json_encode(edits[e].ptr, edits[e].len, &styles[e], buf + o);
        pos = (size_t)tk->start + tk->len - 1u; /* the closing quote */
    }
    if (d->len > pos)
        memcpy(buf + o, d->src + pos, d->len - pos);
    o += d->len - pos;
    sc_free(styles);
    *out = buf;
    *out_len = o;
    return SANCTUM_OK;
}
