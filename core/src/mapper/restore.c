/* Tolerant placeholder scanner and text restore.
 *
 * Forms recognized at a position (TYPE is one of the entity type names, matched case-insensitively;
 * N is a run of ASCII digits):
 *   <TYPE_N>   &lt;TYPE_N&gt;   [TYPE_N]   TYPE_N (bare: no word byte before or after)
 * and, in JSON text (tool arguments, partial_json), \u003cTYPE_N\u003e or \u003cTYPE_N> (hex digits in
 * either case): Go's encoding/json, and so Ollama and other Go servers, write < and > so in the
 * arguments they stream, which a whole answer decodes when it parses them.
 * A hit whose N is a valid number issued by this session is replaced by its value (brackets included);
 * a hit with a number the session did not issue is left verbatim and counted unknown; a hit whose N is
 * not a valid number (leading zero, too long) is left verbatim and counted malformed. The scanner works
 * left to right and decides each position from the byte before it and at most SC_PLACEHOLDER_MAX + 12
 * bytes after it, which is what makes streamed restore equal whole restore. */
#include <string.h>

#include "../error.h"
#include "../alloc.h"
#include "../proved/placeholder.h"
#include "../json/json.h"
#include "../proved/subst.h"
#include "mapper.h"

/* Names with their lengths: the scanners ask for them at most byte positions of a text. */
#define TYPE_NAME(s) {s, sizeof(s) - 1}
static const struct {
    const char *name;
    size_t len;
} TYPE_NAMES[SANCTUM_ENTITY_COUNT] = {
    TYPE_NAME("PERSON"), TYPE_NAME("EMAIL_ADDRESS"), TYPE_NAME("PHONE_NUMBER"), TYPE_NAME("CREDIT_CARD"),
    TYPE_NAME("US_SSN"), TYPE_NAME("US_BANK_NUMBER"), TYPE_NAME("IBAN_CODE")};
#undef TYPE_NAME

const char *sc_type_name(uint32_t type, size_t *len)
{
    if (type >= SANCTUM_ENTITY_COUNT)
        return NULL;
    if (len)
        *len = TYPE_NAMES[type].len;
    return TYPE_NAMES[type].name;
}

bool sc_is_word_byte(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

static uint8_t upper(uint8_t c)
{
    return (c >= 'a' && c <= 'z') ? (uint8_t)(c - 32) : c;
}

enum { SCAN_NONE = 0, SCAN_HIT = 1, SCAN_MORE = 2 };
#define SC_RESTORE_MAX_DIGITS 10u /* the longest number a placeholder may carry (hit_number) */

typedef struct hit {
    size_t end;
    uint32_t type;
    size_t dig_start, dig_end;
} hit;

/* Matches literal lit at t[i..]; SCAN_HIT, SCAN_NONE, or SCAN_MORE when the data ends inside it. */
static int match_lit(const uint8_t *t, size_t n, size_t i, const char *lit, bool open)
{
    size_t l = strlen(lit);
    for (size_t k = 0; k < l; k++) {
        if (i + k >= n)
            return open ? SCAN_MORE : SCAN_NONE;
        if (t[i + k] != (uint8_t)lit[k])
            return SCAN_NONE;
    }
    return SCAN_HIT;
}

/* Matches "\u00" HEX HEX at t[i..], the two hex digits lit's (lower case) in either case. */
static int match_escape(const uint8_t *t, size_t n, size_t i, const char *lit, bool open)
{
    for (size_t k = 0; k < 6; k++) {
        if (i + k >= n)
            return open ? SCAN_MORE : SCAN_NONE;
        uint8_t c = t[i + k];
        if (k >= 4 && c >= 'A' && c <= 'F')
            c = (uint8_t)(c + 32);
        if (c != (uint8_t)lit[k])
            return SCAN_NONE;
    }
    return SCAN_HIT;
}

/* TYPE_digits at t[j..]; on SCAN_HIT fills type and digit range. */
static int match_name(const uint8_t *t, size_t n, size_t j, bool open, hit *h)
{
    bool more = false;
    for (uint32_t ty = 0; ty < SANCTUM_ENTITY_COUNT; ty++) {
        const char *name = TYPE_NAMES[ty].name;
        size_t l = TYPE_NAMES[ty].len, k = 0;
        for (; k < l && j + k < n; k++)
            if (upper(t[j + k]) != (uint8_t)name[k])
                break;
        if (k < l) {
            if (j + k >= n)
                more = true;
            continue;
        }
        size_t p = j + l;
        if (p >= n) {
            more = true;
            continue;
        }
        if (t[p] != '_')
            continue;
        p++;
        size_t ds = p;
        /* at most 11 digits are looked at: a number never has more than 10, so an 11th decides (no
         * hit follows, since a digit comes after it); waiting for the end of a longer run would hold
         * a stream's text without bound */
        while (p < n && p - ds < SC_RESTORE_MAX_DIGITS + 1 && t[p] >= '0' && t[p] <= '9')
            p++;
        if (p == n && open && p - ds <= SC_RESTORE_MAX_DIGITS)
            return SCAN_MORE; /* more digits may follow */
        if (p == ds)
            continue;
        h->type = ty;
        h->dig_start = ds;
        h->dig_end = p;
        return SCAN_HIT; /* type names are not prefixes of one another followed by '_' */
    }
    return (more && open) ? SCAN_MORE : SCAN_NONE;
}

/* json: t is JSON text (the \u003c form is read; a backslash escaped by the one before it is not). */
static int scan_at(const uint8_t *t, size_t n, size_t i, bool prev_word, bool open, bool json, hit *h)
{
    uint8_t c = t[i];
    int r;
    if (c == '\\') {
        if (!json || (i > 0 && t[i - 1] == '\\'))
            return SCAN_NONE;
        r = match_escape(t, n, i, "\\u003c", open);
        if (r != SCAN_HIT)
            return r;
        r = match_name(t, n, i + 6, open, h);
        if (r != SCAN_HIT)
            return r;
        if (h->dig_end < n && t[h->dig_end] == '>') {
            h->end = h->dig_end + 1;
            return SCAN_HIT;
        }
        r = match_escape(t, n, h->dig_end, "\\u003e", open);
        if (r == SCAN_HIT)
            h->end = h->dig_end + 6;
        return r;
    }
    if (c == '<' || c == '[') {
        r = match_name(t, n, i + 1, open, h);
        if (r != SCAN_HIT)
            return r;
        r = match_lit(t, n, h->dig_end, c == '<' ? ">" : "]", open);
        if (r == SCAN_HIT)
            h->end = h->dig_end + 1;
        return r;
    }
    if (c == '&') {
        r = match_lit(t, n, i, "&lt;", open);
        if (r != SCAN_HIT)
            return r;
        r = match_name(t, n, i + 4, open, h);
        if (r != SCAN_HIT)
            return r;
        r = match_lit(t, n, h->dig_end, "&gt;", open);
        if (r == SCAN_HIT)
            h->end = h->dig_end + 4;
        return r;
    }
    if (prev_word || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
        return SCAN_NONE;
    r = match_name(t, n, i, open, h);
    if (r != SCAN_HIT)
        return r;
    if (h->dig_end == n)
        return open ? SCAN_MORE : (h->end = n, SCAN_HIT);
    if (sc_is_word_byte(t[h->dig_end]))
        return SCAN_NONE;
    h->end = h->dig_end;
    return SCAN_HIT;
}

/* Validates the number of a hit with the strict parser on the canonical spelling. */
static bool hit_number(const uint8_t *t, const hit *h, uint32_t *number)
{
    size_t nl = 0;
    const char *name = sc_type_name(h->type, &nl);
    size_t dl = h->dig_end - h->dig_start;
    if (dl == 0 || dl > SC_RESTORE_MAX_DIGITS)
        return false;
    uint8_t canon[SC_PLACEHOLDER_MAX + 4];
    size_t k = 0;
    canon[k++] = '<';
    memcpy(canon + k, name, nl);
    k += nl;
    canon[k++] = '_';
    memcpy(canon + k, t + h->dig_start, dl);
    k += dl;
    canon[k++] = '>';
    size_t tl = 0;
    return sc_placeholder_parse(canon, k, &tl, number) && tl == nl;
}

/* Appends v[0..n) JSON-escaped by the library's one escaper. */
static bool put_json_escaped(sc_buf *out, const uint8_t *v, size_t n)
{
    size_t need = sc_json_encoded_len(v, n, &sc_json_style_plain);
    if (need == 0)
        return true;
    if (!sc_buf_reserve(out, need))
        return false;
    out->len += sc_json_encode(v, n, &sc_json_style_plain, out->p + out->len);
    return true;
}

sanctum_status sc_restore_text(sanctum_session *s, const uint8_t *t, size_t n, bool prev_word, bool open,
                               bool json_escape, sc_buf *out, size_t *consumed, bool *changed,
                               sanctum_error *err)
{
    size_t i = 0, ns = 0, cap = 0;
    uint64_t restored = 0, unknown = 0, malformed = 0;
    sc_span *spans = NULL;
    sc_buf esc; /* JSON-escaped values, when asked for */
    sc_buf_init(&esc, s->ctx);
    sanctum_status st = SANCTUM_OK;
    *consumed = n;
    if (n == 0)
        return SANCTUM_OK;
    while (i < n) {
        uint8_t c = t[i];
        bool pw = i == 0 ? prev_word : sc_is_word_byte(t[i - 1]);
        /* fast skip: only these bytes can start a hit */
        if (c != '<' && c != '[' && c != '&' && !(c == '\\' && json_escape) &&
            !(!pw && ((c | 32) >= 'a' && (c | 32) <= 'z'))) {
            i++;
            continue;
        }
        hit h;
        int r = scan_at(t, n, i, pw, open, json_escape, &h);
        if (r == SCAN_MORE) {
            *consumed = i;
            break;
        }
        if (r == SCAN_NONE) {
            i++;
            continue;
        }
        uint32_t number = 0;
        size_t vl = 0;
        const uint8_t *v = NULL;
        if (!hit_number(t, &h, &number))
            malformed++;
        else if ((v = sc_vault_value(&s->vault, h.type, number, &vl)) == NULL)
            unknown++;
        if (v != NULL) {
            if (ns == cap) {
                size_t nc = cap ? cap * 2 : 8;
                sc_span *np = spans ? sc_realloc(s->ctx, spans, nc * sizeof *np) : sc_alloc(s->ctx, nc * sizeof *np, 0);
                if (np == NULL)
                    goto nomem;
                spans = np;
                cap = nc;
            }
            spans[ns].start = i;
            spans[ns].end = h.end;
            if (json_escape) {
                /* the offset into esc for now; made a pointer once esc stops moving */
                size_t off = esc.len;
                if (!put_json_escaped(&esc, v, vl))
                    goto nomem;
                spans[ns].repl_len = esc.len - off;
                spans[ns].repl = (const uint8_t *)(uintptr_t)off;
            } else {
                spans[ns].repl = v;
                spans[ns].repl_len = vl;
            }
            ns++;
            restored++;
        }
        i = h.end;
    }
    if (ns == 0) {
        if (!sc_buf_put(out, t, *consumed))
            goto nomem;
    } else {
        if (json_escape)
            for (size_t k = 0; k < ns; k++)
                spans[k].repl = esc.p + (uintptr_t)spans[k].repl;
        /* the proved substitution writes the output */
        size_t olen = 0, wrote = 0;
        if (!sc_subst_length(*consumed, spans, ns, &olen)) {
            st = sc_error(err, SANCTUM_E_INTERNAL, SANCTUM_NO_OFFSET, "invalid restore spans");
            goto done;
        }
        if (!sc_buf_reserve(out, olen))
            goto nomem;
        if (!sc_subst_apply(t, *consumed, spans, ns, out->p + out->len, olen, &wrote) || wrote != olen) {
            st = sc_error(err, SANCTUM_E_INTERNAL, SANCTUM_NO_OFFSET, "restore substitution failed");
            goto done;
        }
        out->len += olen;
        *changed = true;
    }
    s->stats.restored += restored;
    s->stats.unknown += unknown;
    s->stats.malformed += malformed;
    goto done;
nomem:
    st = sc_error_nomem(err);
done:
    sc_free(spans);
    sc_buf_free(&esc);
    return st;
}
