/*
 * Strict RFC 8259 parser: one pass over the bytes, no recursion (an explicit stack of open
 * containers with a depth limit), output a flat tape of 16-byte tokens with source offsets.
 * Strings are validated (UTF-8, escapes, surrogate pairs) but never copied or decoded here.
 */
#include <string.h>
#include <sodium.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define SC_JSON_AVX2 1
#else
#define SC_JSON_AVX2 0
#endif


#include "alloc.h"
#include "error.h"
#include "json.h"

typedef struct parser parser;
typedef sanctum_status (*scan_fn)(parser *p, size_t q, size_t *end, uint8_t *flags);

struct parser {
    sanctum_ctx *ctx;
    const uint8_t *s;
    size_t len;
    sc_json_doc *doc;
    sanctum_error *err;
    uint32_t *stack;     /* token indices of the open containers */
    uint32_t depth, max_depth, stack_cap;
    /* duplicate-key check */
    uint32_t *keys;      /* key token indices of the object being closed */
    size_t keys_cap;
    uint32_t *table;     /* open-addressing hash table of positions in keys[] (+1) */
    size_t table_cap;
    uint8_t *scratch[2]; /* decoded keys for comparison (secret: keys may hold personal data) */
    size_t scratch_cap[2];
    unsigned char hash_key[crypto_shorthash_KEYBYTES];
    bool hash_keyed;
    bool allow_dups;
    bool allow_lone;     /* unpaired surrogate escapes accepted (SANCTUM_JSON_ALLOW_LONE_SURROGATES) */
    bool portable;
    scan_fn scan;        /* the string scanner for this CPU */
};

/* 1 for bytes that can appear unescaped inside a string without a closer look. */
static const uint8_t PLAIN[256] = {
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
    R16(0), R16(0),
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20..0x2f: '"' is special */
    R16(1), R16(1),
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50..0x5f: '\\' is special */
    R16(1), R16(1),
    R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1) /* UTF-8 is validated up front */
#undef R16
};

static sanctum_status fail(parser *p, sanctum_status code, size_t off, const char *msg)
{
    return sc_error(p->err, code, (uint64_t)off, "%s", msg);
}

static sanctum_status push_tok(parser *p, uint8_t type, size_t start, size_t len, uint8_t flags)
{
    sc_json_doc *d = p->doc;
    if (d->ntok == d->cap) {
        uint32_t ncap = d->cap < 64u ? 64u : d->cap + d->cap / 2u;
        if (ncap < d->cap || ncap > UINT32_MAX / 2u)
            return fail(p, SANCTUM_E_LIMIT, start, "too many JSON tokens");
        sc_json_tok *nt = sc_realloc(p->ctx, d->tok, (size_t)ncap * sizeof *nt);
        if (nt == NULL)
            return sc_error_nomem(p->err);
        d->tok = nt;
        d->cap = ncap;
    }
    sc_json_tok *t = &d->tok[d->ntok];
    t->start = (uint32_t)start;
    t->len = (uint32_t)len;
    t->next = d->ntok + 1u;
    t->type = type;
    t->flags = flags;
    t->reserved = 0;
    d->ntok++;
    return SANCTUM_OK;
}

static inline bool hex4(const uint8_t *s, uint32_t *out)
{
    uint32_t a = sc_json_hex[s[0]], b = sc_json_hex[s[1]], c = sc_json_hex[s[2]], e = sc_json_hex[s[3]];
    if ((a | b | c | e) > 0xFu)
        return false;
    *out = (a << 12) | (b << 8) | (c << 4) | e;
    return true;
}

/* What to do at a byte of a string that needs a closer look: the closing quote, an escape or a
 * control character (UTF-8 was validated over the whole input before). Returns 1 when the string ended (ok) or failed (*st set). */
static inline __attribute__((always_inline)) int string_special(parser *p, size_t *pi, uint8_t *fl,
                                                                 sanctum_status *st)
{
    const uint8_t *s = p->s;
    const size_t len = p->len;
    size_t i = *pi;
    uint8_t c = s[i];
    if (c == '"') {
        *pi = i + 1;
        *st = SANCTUM_OK;
        return 1;
    }
    if (c == '\\') {
        *fl |= SC_JF_ESCAPES;
        do { /* escapes often come in runs (\uXXXX for every non-ASCII character in Python's style) */
            if (i + 1 >= len) {
                *st = fail(p, SANCTUM_E_PARSE, len, "unterminated escape: expected an escape character");
                return 1;
            }
            uint8_t e = s[i + 1];
            if (e != 'u') {
                if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                    i += 2;
                    continue;
                }
                *st = fail(p, SANCTUM_E_PARSE, i, "invalid escape: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
                return 1;
            }
            uint32_t cp;
            if (i + 6 > len || !hex4(s + i + 2, &cp)) {
                *st = fail(p, SANCTUM_E_PARSE, i, "invalid \\u escape: expected four hex digits");
                return 1;
            }
            if ((cp & 0xF800u) != 0xD800u) {
                i += 6;
                continue;
            }
            if (cp >= 0xDC00u) {
                if (p->allow_lone) { /* decodes to U+FFFD; the writer keeps the escape (json_write.c) */
                    *fl |= SC_JF_LONE;
                    i += 6;
                    continue;
                }
                *st = fail(p, SANCTUM_E_UTF8, i, "unpaired low surrogate escape: expected a high surrogate before it");
                return 1;
            }
            uint32_t lo;
            if (i + 12 > len || s[i + 6] != '\\' || s[i + 7] != 'u' || !hex4(s + i + 8, &lo) || lo < 0xDC00u ||
                lo > 0xDFFFu) {
                if (p->allow_lone) {
                    *fl |= SC_JF_LONE;
                    i += 6;
                    continue;
                }
                *st = fail(p, SANCTUM_E_UTF8, i, "unpaired high surrogate escape: expected a \\u low surrogate after it");
                return 1;
            }
            i += 12;
        } while (i < len && s[i] == '\\');
        *pi = i;
        return 0;
    }
    *st = fail(p, SANCTUM_E_PARSE, i, "control character in string: expected it escaped");
    return 1;
}

/* Scans a string whose opening quote is at s[q]. On success *end is the index after the closing
 * quote and *flags says what it holds. Plain bytes are skipped 16 (SSE2) or 32 (AVX2) at a time. */
static sanctum_status scan_string_base(parser *p, size_t q, size_t *end, uint8_t *flags)
{
    const uint8_t *s = p->s;
    const size_t len = p->len;
    size_t i = q + 1;
    uint8_t fl = 0;
    sanctum_status st;
#if defined(__SSE2__)
    const __m128i vq = _mm_set1_epi8('"'), vb = _mm_set1_epi8('\\'), vc = _mm_set1_epi8(0x1f);
#endif
    for (;;) {
#if defined(__SSE2__)
        while (i + 16 <= len) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            /* '"', '\\' and bytes <= 0x1f (unsigned: min(v, 0x1f) == v) */
            __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, vq), _mm_cmpeq_epi8(v, vb)),
                                     _mm_cmpeq_epi8(_mm_min_epu8(v, vc), v));
            unsigned bits = (unsigned)_mm_movemask_epi8(m);
            if (bits != 0) {
                i += (size_t)__builtin_ctz(bits);
                goto special;
            }
            i += 16;
        }
#endif
        while (i < len && PLAIN[s[i]])
            i++;
        if (i >= len)
            return fail(p, SANCTUM_E_PARSE, len, "unterminated string: expected '\"' before end of input");
#if defined(__SSE2__)
    special:
#endif
        if (string_special(p, &i, &fl, &st)) {
            if (st == SANCTUM_OK) {
                *end = i;
                *flags = fl;
            }
            return st;
        }
    }
}

#if SC_JSON_AVX2
__attribute__((target("avx2"))) static sanctum_status scan_string_avx2(parser *p, size_t q, size_t *end,
                                                                        uint8_t *flags)
{
    const uint8_t *s = p->s;
    const size_t len = p->len;
    size_t i = q + 1;
    uint8_t fl = 0;
    sanctum_status st;
    const __m256i vq = _mm256_set1_epi8('"'), vb = _mm256_set1_epi8('\\'), vc = _mm256_set1_epi8(0x1f);
    for (;;) {
        while (i + 32 <= len) {
            __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
            __m256i m = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, vq), _mm256_cmpeq_epi8(v, vb)),
                                        _mm256_cmpeq_epi8(_mm256_min_epu8(v, vc), v));
            unsigned bits = (unsigned)_mm256_movemask_epi8(m);
            if (bits != 0) {
                i += (size_t)__builtin_ctz(bits);
                goto special;
            }
            i += 32;
        }
        while (i < len && PLAIN[s[i]])
            i++;
        if (i >= len)
            return fail(p, SANCTUM_E_PARSE, len, "unterminated string: expected '\"' before end of input");
    special:
        if (string_special(p, &i, &fl, &st)) {
            if (st == SANCTUM_OK) {
                *end = i;
                *flags = fl;
            }
            return st;
        }
    }
}
#endif

static scan_fn pick_scanner(void)
{
#if SC_JSON_AVX2
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2"))
        return scan_string_avx2;
#endif
    return scan_string_base;
}

static sanctum_status scan_string(parser *p, size_t q, size_t *end, uint8_t *flags)
{
    return p->scan(p, q, end, flags);
}

static inline size_t skip_ws(const uint8_t *s, size_t i, size_t len)
{
    while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    return i;
}

static sanctum_status scan_number(parser *p, size_t i, size_t *end)
{
    const uint8_t *s = p->s;
    const size_t len = p->len;
    if (s[i] == '-')
        i++;
    if (i < len && s[i] == '0') {
        i++;
    } else if (i < len && s[i] >= '1' && s[i] <= '9') {
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
    } else {
        return fail(p, SANCTUM_E_PARSE, i, "invalid number: expected a digit");
    }
    if (i < len && s[i] == '.') {
        i++;
        if (i >= len || s[i] < '0' || s[i] > '9')
            return fail(p, SANCTUM_E_PARSE, i, "invalid number: expected a digit after '.'");
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= len || s[i] < '0' || s[i] > '9')
            return fail(p, SANCTUM_E_PARSE, i, "invalid number: expected a digit in the exponent");
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    *end = i;
    return SANCTUM_OK;
}

/* ---- duplicate keys ---- */

static sanctum_status grow_scratch(parser *p, int k, size_t n)
{
    if (p->scratch_cap[k] >= n)
        return SANCTUM_OK;
    size_t ncap = n < 64 ? 64 : n;
    uint8_t *b = sc_alloc(p->ctx, ncap, SC_ALLOC_SECRET);
    if (b == NULL)
        return sc_error_nomem(p->err);
    sc_free(p->scratch[k]);
    p->scratch[k] = b;
    p->scratch_cap[k] = ncap;
    return SANCTUM_OK;
}

/* Decoded view of key t: raw bytes when it has no escapes, else decoded into scratch[k]. */
static sanctum_status key_view(parser *p, int k, uint32_t t, const uint8_t **v, size_t *n)
{
    size_t rn;
    const uint8_t *raw = sc_json_str_raw(p->doc, t, &rn);
    if (!(p->doc->tok[t].flags & SC_JF_ESCAPES)) {
        *v = raw;
        *n = rn;
        return SANCTUM_OK;
    }
    sanctum_status st = grow_scratch(p, k, rn);
    if (st != SANCTUM_OK)
        return st;
    *n = sc_json_decode(raw, rn, p->scratch[k]);
    *v = p->scratch[k];
    return SANCTUM_OK;
}

static sanctum_status keys_equal(parser *p, uint32_t a, uint32_t b, bool *eq)
{
    const sc_json_tok *ta = &p->doc->tok[a], *tb = &p->doc->tok[b];
    if (!((ta->flags | tb->flags) & SC_JF_ESCAPES)) {
        *eq = ta->len == tb->len && memcmp(p->s + ta->start, p->s + tb->start, ta->len) == 0;
        return SANCTUM_OK;
    }
    const uint8_t *va, *vb;
    size_t na, nb;
    sanctum_status st = key_view(p, 0, a, &va, &na);
    if (st == SANCTUM_OK)
        st = key_view(p, 1, b, &vb, &nb);
    if (st != SANCTUM_OK)
        return st;
    *eq = na == nb && memcmp(va, vb, na) == 0;
    return SANCTUM_OK;
}

static sanctum_status key_hash(parser *p, uint32_t t, uint64_t *h)
{
    const uint8_t *v;
    size_t n;
    sanctum_status st = key_view(p, 0, t, &v, &n);
    if (st != SANCTUM_OK)
        return st;
    unsigned char out[crypto_shorthash_BYTES];
    crypto_shorthash(out, v, (unsigned long long)n, p->hash_key);
    memcpy(h, out, sizeof *h);
    return SANCTUM_OK;
}

static sanctum_status dup_error(parser *p, uint32_t t)
{
    return fail(p, SANCTUM_E_PARSE, p->doc->tok[t].start, "duplicate key in object: expected unique keys");
}

/* Rejects an object holding the same (decoded) key twice. Small objects: pairwise; large ones: a
 * SipHash table with a per-parse random key, so crafted collisions cannot make it quadratic. */
static sanctum_status check_duplicates(parser *p, uint32_t obj)
{
    const sc_json_tok *tk = p->doc->tok;
    size_t n = 0;
    for (uint32_t k = obj + 1; k < tk[obj].next; k = tk[k + 1].next) {
        if (n == p->keys_cap) {
            size_t ncap = p->keys_cap < 32 ? 32 : p->keys_cap * 2;
            uint32_t *nk = sc_realloc(p->ctx, p->keys, ncap * sizeof *nk);
            if (nk == NULL)
                return sc_error_nomem(p->err);
            p->keys = nk;
            p->keys_cap = ncap;
        }
        p->keys[n++] = k;
    }
    if (n < 2)
        return SANCTUM_OK;
    if (n <= 16) {
        for (size_t i = 1; i < n; i++)
            for (size_t j = 0; j < i; j++) {
                bool eq;
                sanctum_status st = keys_equal(p, p->keys[i], p->keys[j], &eq);
                if (st != SANCTUM_OK)
                    return st;
                if (eq)
                    return dup_error(p, p->keys[i]);
            }
        return SANCTUM_OK;
    }
    if (!p->hash_keyed) {
        randombytes_buf(p->hash_key, sizeof p->hash_key);
        p->hash_keyed = true;
    }
    size_t cap = 64;
    while (cap < n * 2)
        cap *= 2;
    if (cap > p->table_cap) {
        uint32_t *nt = sc_alloc(p->ctx, cap * sizeof *nt, 0);
        if (nt == NULL)
            return sc_error_nomem(p->err);
        sc_free(p->table);
        p->table = nt;
        p->table_cap = cap;
    }
    memset(p->table, 0, cap * sizeof *p->table);
    for (size_t i = 0; i < n; i++) {
        uint64_t h;
        sanctum_status st = key_hash(p, p->keys[i], &h);
        if (st != SANCTUM_OK)
            return st;
        size_t slot = (size_t)(h & (cap - 1));
        while (p->table[slot] != 0) {
            bool eq;
            st = keys_equal(p, p->keys[i], p->keys[p->table[slot] - 1], &eq);
            if (st != SANCTUM_OK)
                return st;
            if (eq)
                return dup_error(p, p->keys[i]);
            slot = (slot + 1) & (cap - 1);
        }
        p->table[slot] = (uint32_t)(i + 1);
    }
    return SANCTUM_OK;
}

/* ---- the state machine ---- */

static sanctum_status open_container(parser *p, uint8_t type, size_t i)
{
    if (p->depth >= p->max_depth)
        return fail(p, SANCTUM_E_LIMIT, i, "nesting too deep: expected at most the context's max_depth levels");
    if (p->depth == p->stack_cap) {
        uint32_t ncap = p->stack_cap < 32u ? 32u : p->stack_cap * 2u;
        uint32_t *ns = sc_realloc(p->ctx, p->stack, (size_t)ncap * sizeof *ns);
        if (ns == NULL)
            return sc_error_nomem(p->err);
        p->stack = ns;
        p->stack_cap = ncap;
    }
    p->stack[p->depth++] = p->doc->ntok;
    return push_tok(p, type, i, 0, 0);
}

static sanctum_status close_container(parser *p, size_t i)
{
    uint32_t t = p->stack[--p->depth];
    sc_json_tok *tk = &p->doc->tok[t];
    tk->len = (uint32_t)(i + 1 - tk->start);
    tk->next = p->doc->ntok;
    if (tk->type == SC_JT_OBJECT && tk->next - t > 3u && !p->allow_dups)
        return check_duplicates(p, t);
    return SANCTUM_OK;
}

static sanctum_status run(parser *p)
{
    const uint8_t *s = p->s;
    const size_t len = p->len;
    /* RFC 8259 8.1: the whole text must be UTF-8; checking it first (SIMD where available) leaves the
     * string scanner only '"', '\\' and control characters to find. */
    size_t valid = p->portable ? sc_json_utf8_valid_prefix_portable(s, len) : sc_json_utf8_valid_prefix(s, len);
    if (valid != len)
        return fail(p, SANCTUM_E_UTF8, valid, "invalid UTF-8: expected a valid sequence (RFC 3629)");
    size_t i = skip_ws(s, 0, len);
    sanctum_status st;
    size_t end;
    uint8_t fl;

value:
    if (i >= len)
        return fail(p, SANCTUM_E_PARSE, len, "unexpected end of input: expected a value");
    switch (s[i]) {
    case '"':
        if ((st = scan_string(p, i, &end, &fl)) != SANCTUM_OK)
            return st;
        if ((st = push_tok(p, SC_JT_STRING, i, end - i, fl)) != SANCTUM_OK)
            return st;
        i = end;
        goto after_value;
    case '{':
        if ((st = open_container(p, SC_JT_OBJECT, i)) != SANCTUM_OK)
            return st;
        i = skip_ws(s, i + 1, len);
        if (i < len && s[i] == '}') {
            if ((st = close_container(p, i)) != SANCTUM_OK)
                return st;
            i++;
            goto after_value;
        }
        goto key;
    case '[':
        if ((st = open_container(p, SC_JT_ARRAY, i)) != SANCTUM_OK)
            return st;
        i = skip_ws(s, i + 1, len);
        if (i < len && s[i] == ']') {
            if ((st = close_container(p, i)) != SANCTUM_OK)
                return st;
            i++;
            goto after_value;
        }
        goto value;
    case 't':
        if (len - i < 4 || memcmp(s + i, "true", 4) != 0)
            return fail(p, SANCTUM_E_PARSE, i, "invalid literal: expected 'true'");
        if ((st = push_tok(p, SC_JT_TRUE, i, 4, 0)) != SANCTUM_OK)
            return st;
        i += 4;
        goto after_value;
    case 'f':
        if (len - i < 5 || memcmp(s + i, "false", 5) != 0)
            return fail(p, SANCTUM_E_PARSE, i, "invalid literal: expected 'false'");
        if ((st = push_tok(p, SC_JT_FALSE, i, 5, 0)) != SANCTUM_OK)
            return st;
        i += 5;
        goto after_value;
    case 'n':
        if (len - i < 4 || memcmp(s + i, "null", 4) != 0)
            return fail(p, SANCTUM_E_PARSE, i, "invalid literal: expected 'null'");
        if ((st = push_tok(p, SC_JT_NULL, i, 4, 0)) != SANCTUM_OK)
            return st;
        i += 4;
        goto after_value;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        if ((st = scan_number(p, i, &end)) != SANCTUM_OK)
            return st;
        if ((st = push_tok(p, SC_JT_NUMBER, i, end - i, 0)) != SANCTUM_OK)
            return st;
        i = end;
        goto after_value;
    default:
        if (i == 0 && s[i] == 0xEF)
            return fail(p, SANCTUM_E_PARSE, i, "byte order mark: expected a value (RFC 8259 forbids a BOM)");
        return fail(p, SANCTUM_E_PARSE, i, "expected a value (object, array, string, number, true, false, null)");
    }

key:
    if (i >= len)
        return fail(p, SANCTUM_E_PARSE, len, "unexpected end of input: expected a string key");
    if (s[i] != '"')
        return fail(p, SANCTUM_E_PARSE, i, "expected a string key");
    if ((st = scan_string(p, i, &end, &fl)) != SANCTUM_OK)
        return st;
    if ((st = push_tok(p, SC_JT_KEY, i, end - i, fl)) != SANCTUM_OK)
        return st;
    i = skip_ws(s, end, len);
    if (i >= len)
        return fail(p, SANCTUM_E_PARSE, len, "unexpected end of input: expected ':' after a key");
    if (s[i] != ':')
        return fail(p, SANCTUM_E_PARSE, i, "expected ':' after a key");
    i = skip_ws(s, i + 1, len);
    goto value;

after_value:
    if (p->depth == 0) {
        i = skip_ws(s, i, len);
        if (i != len)
            return fail(p, SANCTUM_E_PARSE, i, "expected end of input after the top-level value");
        return SANCTUM_OK;
    }
    i = skip_ws(s, i, len);
    if (i >= len)
        return fail(p, SANCTUM_E_PARSE, len, p->doc->tok[p->stack[p->depth - 1]].type == SC_JT_OBJECT
                                                  ? "unexpected end of input: expected ',' or '}'"
                                                  : "unexpected end of input: expected ',' or ']'");
    if (p->doc->tok[p->stack[p->depth - 1]].type == SC_JT_OBJECT) {
        if (s[i] == ',') {
            i = skip_ws(s, i + 1, len);
            goto key;
        }
        if (s[i] == '}') {
            if ((st = close_container(p, i)) != SANCTUM_OK)
                return st;
            i++;
            goto after_value;
        }
        return fail(p, SANCTUM_E_PARSE, i, "expected ',' or '}' after an object member");
    }
    if (s[i] == ',') {
        i = skip_ws(s, i + 1, len);
        goto value;
    }
    if (s[i] == ']') {
        if ((st = close_container(p, i)) != SANCTUM_OK)
            return st;
        i++;
        goto after_value;
    }
    return fail(p, SANCTUM_E_PARSE, i, "expected ',' or ']' after an array element");
}

void sc_json_doc_clear(sc_json_doc *doc)
{
    if (doc == NULL)
        return;
    sc_free(doc->tok);
    memset(doc, 0, sizeof *doc);
}

sanctum_status sc_json_parse(sanctum_ctx *ctx, const uint8_t *src, size_t len, uint32_t max_depth,
                             uint32_t flags, sc_json_doc *doc, sanctum_error *err)
{
    memset(doc, 0, sizeof *doc);
    if (ctx == NULL || (src == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "NULL context or input");
    if ((uint64_t)len > ctx->opts.max_input_bytes || len > SC_JSON_MAX_LEN)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET,
                        "input of %llu bytes is larger than the limit", (unsigned long long)len);
    parser p;
    memset(&p, 0, sizeof p);
    p.ctx = ctx;
    p.s = src;
    p.len = len;
    p.doc = doc;
    p.err = err;
    p.portable = (flags & SC_JSON_PORTABLE) != 0;
    p.scan = p.portable ? scan_string_base : pick_scanner();
    p.allow_dups = (flags & SANCTUM_JSON_ALLOW_DUPLICATE_KEYS) != 0;
    p.allow_lone = (flags & SANCTUM_JSON_ALLOW_LONE_SURROGATES) != 0;
    p.max_depth = max_depth != 0 ? max_depth : ctx->opts.max_depth;
    doc->ctx = ctx;
    doc->src = src;
    doc->len = len;
    /* Chat traffic is long strings (a few hundred bytes per token): start small, grow by 1.5x. */
    uint32_t guess = (uint32_t)(len / 256u) + 32u;
    doc->tok = sc_alloc(ctx, (size_t)guess * sizeof *doc->tok, 0);
    sanctum_status st;
    if (doc->tok == NULL) {
        st = sc_error_nomem(err);
    } else {
        doc->cap = guess;
        st = run(&p);
    }
    sc_free(p.stack);
    sc_free(p.keys);
    sc_free(p.table);
    sc_free(p.scratch[0]);
    sc_free(p.scratch[1]);
    sodium_memzero(p.hash_key, sizeof p.hash_key);
    if (st != SANCTUM_OK) {
        sc_json_doc_clear(doc);
        return st;
    }
    return SANCTUM_OK;
}
