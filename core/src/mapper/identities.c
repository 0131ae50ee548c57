/* Known identities: exact values an owner lists (names, e-mails, phones, addresses, account numbers)
 * that are replaced wherever the chat walk sees them, whatever the detector scores. File format and
 * variant rules: docs/mapper.md ("Known identities"). Every copy of a value lives in wiped memory and
 * nothing about a value is ever logged or put in an error message. */
#include <stdlib.h>
#include <string.h>

#include "../alloc.h"
#include "../error.h"
#include "../utf8.h"
#include "mapper.h"

#define ID_MAX_ENTRIES 4096u
#define ID_MAX_VALUE 256u
#define ID_MAX_PATTERNS 3

/* How an entry is compared. */
enum { M_TEXT, M_EMAIL, M_DIGITS, M_PHONE, M_ALNUM };

typedef struct id_entry {
    uint32_t type;
    uint8_t mode;
    uint8_t npat;
    uint8_t *pat[ID_MAX_PATTERNS]; /* secret; M_TEXT: lower-case, ' ' = a whitespace run, ',' = a comma
                                      and/or whitespace; M_EMAIL lower-case; M_DIGITS/M_PHONE digits;
                                      M_ALNUM upper-case letters and digits */
    size_t len[ID_MAX_PATTERNS];
} id_entry;

struct sanctum_identities {
    sanctum_ctx *ctx;
    id_entry *e; /* secret */
    size_t n, cap;
    uint32_t boff[257]; /* bidx[boff[b] .. boff[b + 1]): the entries whose matches can start with byte b */
    uint16_t *bidx;
};

static void ids_destroy(void *obj)
{
    sanctum_identities *ids = obj;
    for (size_t i = 0; i < ids->n; i++)
        for (size_t k = 0; k < ids->e[i].npat; k++)
            sc_free(ids->e[i].pat[k]);
    sc_free(ids->e);
    sc_free(ids->bidx);
}

static bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static bool is_alpha(uint8_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_alnum(uint8_t c) { return is_digit(c) || is_alpha(c); }
static bool is_ws(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static bool is_word(uint8_t c) { return is_alnum(c) || c == '_' || c >= 0x80; }
static uint8_t lower(uint8_t c) { return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c; }
static uint8_t upper(uint8_t c) { return (c >= 'a' && c <= 'z') ? (uint8_t)(c - 32) : c; }

typedef struct kind_name {
    const char *name;
    uint32_t type;
    uint8_t mode;
} kind_name;

/* Addresses have no entity type of their own yet (the ABI's per-type arrays are sized 7): they are
 * replaced with PERSON placeholders, which restore gives back exactly. */
static const kind_name KINDS[] = {
    {"person", SANCTUM_ENTITY_PERSON, M_TEXT},        {"name", SANCTUM_ENTITY_PERSON, M_TEXT},
    {"address", SANCTUM_ENTITY_PERSON, M_TEXT},       {"email", SANCTUM_ENTITY_EMAIL_ADDRESS, M_EMAIL},
    {"phone", SANCTUM_ENTITY_PHONE_NUMBER, M_PHONE},  {"card", SANCTUM_ENTITY_CREDIT_CARD, M_DIGITS},
    {"ssn", SANCTUM_ENTITY_US_SSN, M_DIGITS},         {"account", SANCTUM_ENTITY_US_BANK_NUMBER, M_DIGITS},
    {"iban", SANCTUM_ENTITY_IBAN_CODE, M_ALNUM},
};

/* Pattern k of entry e from v[0..n), normalized for its mode; false on allocation failure. */
static bool add_pattern(sanctum_identities *ids, id_entry *e, const uint8_t *v, size_t n)
{
    uint8_t *p = sc_alloc(ids->ctx, n + 1, SC_ALLOC_SECRET);
    if (p == NULL)
        return false;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = v[i];
        switch (e->mode) {
        case M_TEXT:
            if (is_ws(c)) {
                if (m > 0 && p[m - 1] != ' ' && p[m - 1] != ',')
                    p[m++] = ' ';
            } else if (c == ',') {
                while (m > 0 && p[m - 1] == ' ')
                    m--;
                if (m > 0 && p[m - 1] != ',')
                    p[m++] = ',';
            } else {
                p[m++] = lower(c);
            }
            break;
        case M_EMAIL: p[m++] = lower(c); break;
        case M_DIGITS:
        case M_PHONE:
            if (is_digit(c))
                p[m++] = c;
            break;
        default:
            if (is_alnum(c))
                p[m++] = upper(c);
            break;
        }
    }
    while (m > 0 && (p[m - 1] == ' ' || p[m - 1] == ','))
        m--;
    e->pat[e->npat] = p;
    e->len[e->npat] = m;
    e->npat++;
    return true;
}

/* Name order variants: "Jane Q. Roe" also as "Roe, Jane Q." and "Roe Jane Q."; "Roe, Jane" also as
 * "Jane Roe". */
static bool add_name_variants(sanctum_identities *ids, id_entry *e)
{
    const uint8_t *p = e->pat[0];
    size_t n = e->len[0];
    uint8_t buf[ID_MAX_VALUE * 2 + 4];
    const uint8_t *comma = memchr(p, ',', n);
    if (comma != NULL) { /* "roe,jane" -> "jane roe" */
        size_t a = (size_t)(comma - p), b = n - a - 1;
        memcpy(buf, comma + 1, b);
        buf[b] = ' ';
        memcpy(buf + b + 1, p, a);
        bool ok = add_pattern(ids, e, buf, a + b + 1);
        sanctum_wipe(buf, sizeof buf);
        return ok;
    }
    const uint8_t *sp = NULL;
    for (size_t i = n; i > 0; i--)
        if (p[i - 1] == ' ') {
            sp = p + i - 1;
            break;
        }
    if (sp == NULL)
        return true;
    size_t first = (size_t)(sp - p), last = n - first - 1;
    memcpy(buf, sp + 1, last);
    buf[last] = ',';
    memcpy(buf + last + 1, p, first);
    bool ok = add_pattern(ids, e, buf, last + 1 + first);
    buf[last] = ' ';
    ok = ok && add_pattern(ids, e, buf, last + 1 + first);
    sanctum_wipe(buf, sizeof buf);
    return ok;
}

static bool build_index(sanctum_identities *ids);

static sanctum_status line_error(sanctum_error *err, size_t off, size_t line, const char *what)
{
    return sc_error(err, SANCTUM_E_PARSE, off, "identities line %zu: %s", line, what);
}

sanctum_status sanctum_identities_load(sanctum_identities **out, sanctum_ctx *ctx, const uint8_t *ptr, size_t len,
                                       sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ctx == NULL || (ptr == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "NULL argument");
    *out = NULL;
    if ((uint64_t)len > ctx->opts.max_input_bytes)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "identities file larger than max_input_bytes");
    size_t good = sc_utf8_valid_prefix(ptr, len);
    if (good != len)
        return sc_error(err, SANCTUM_E_UTF8, good, "identities file is not valid UTF-8");
    sanctum_identities *ids = sc_object_new(ctx, sizeof *ids, ids_destroy);
    if (ids == NULL)
        return sc_error_nomem(err);
    ids->ctx = ctx;
    sanctum_status st = SANCTUM_OK;
    size_t line = 0;
    for (size_t i = 0; i < len && st == SANCTUM_OK;) {
        size_t ls = i;
        line++;
        while (i < len && ptr[i] != '\n')
            i++;
        size_t le = i;
        if (i < len)
            i++;
        size_t a = ls, b = le;
        while (a < b && is_ws(ptr[a]))
            a++;
        while (b > a && is_ws(ptr[b - 1]))
            b--;
        if (a == b || ptr[a] == '#')
            continue;
        const uint8_t *colon = memchr(ptr + a, ':', b - a);
        if (colon == NULL) {
            st = line_error(err, a, line, "expected 'type: value'");
            break;
        }
        size_t ke = (size_t)(colon - ptr), vs = ke + 1;
        while (ke > a && is_ws(ptr[ke - 1]))
            ke--;
        while (vs < b && is_ws(ptr[vs]))
            vs++;
        const kind_name *kind = NULL;
        for (size_t k = 0; k < sizeof KINDS / sizeof KINDS[0]; k++) {
            size_t kl = strlen(KINDS[k].name);
            bool eq = kl == ke - a;
            for (size_t c = 0; eq && c < kl; c++)
                eq = lower(ptr[a + c]) == (uint8_t)KINDS[k].name[c];
            if (eq)
                kind = &KINDS[k];
        }
        if (kind == NULL) {
            st = line_error(err, a, line,
                            "unknown type: expected person, name, address, email, phone, card, ssn, account or iban");
            break;
        }
        if (vs >= b || b - vs > ID_MAX_VALUE) {
            st = line_error(err, vs, line, "expected a value of 1 to 256 bytes after ':'");
            break;
        }
        if (ids->n >= ID_MAX_ENTRIES) {
            st = sc_error(err, SANCTUM_E_LIMIT, a, "identities line %zu: more than %u entries", line,
                          ID_MAX_ENTRIES);
            break;
        }
        if (ids->n == ids->cap) {
            size_t nc = ids->cap ? ids->cap * 2 : 16;
            id_entry *ne = ids->e == NULL ? sc_alloc(ctx, nc * sizeof *ne, SC_ALLOC_SECRET)
                                          : sc_realloc(ctx, ids->e, nc * sizeof *ne);
            if (ne == NULL) {
                st = sc_error_nomem(err);
                break;
            }
            ids->e = ne;
            ids->cap = nc;
        }
        id_entry *e = &ids->e[ids->n];
        memset(e, 0, sizeof *e);
        e->type = kind->type;
        e->mode = kind->mode;
        ids->n++;
        if (!add_pattern(ids, e, ptr + vs, b - vs)) {
            st = sc_error_nomem(err);
            break;
        }
        size_t need = e->mode == M_PHONE ? 7 : e->mode == M_DIGITS ? 4 : 2;
        if (e->len[0] < need) {
            st = line_error(err, vs, line, "value too short for its type");
            break;
        }
        if (kind->type == SANCTUM_ENTITY_PERSON && strcmp(kind->name, "address") != 0 &&
            !add_name_variants(ids, e)) {
            st = sc_error_nomem(err);
            break;
        }
    }
    if (st == SANCTUM_OK && !build_index(ids))
        st = sc_error_nomem(err);
    if (st != SANCTUM_OK) {
        sanctum_free(ids);
        return st;
    }
    *out = ids;
    return SANCTUM_OK;
}

size_t sanctum_identities_count(const sanctum_identities *ids)
{
    return ids == NULL ? 0 : ids->n;
}

/* End of pattern pat matched case-insensitively at t[i..), or SIZE_MAX. */
static size_t match_text(const uint8_t *t, size_t n, size_t i, const uint8_t *pat, size_t pl)
{
    for (size_t k = 0; k < pl; k++) {
        uint8_t c = pat[k];
        if (c == ' ' || c == ',') { /* whitespace run; comma: a comma, whitespace or both */
            size_t j = i;
            if (c == ',' && j < n && t[j] == ',')
                j++;
            while (j < n && is_ws(t[j]))
                j++;
            if (j == i)
                return SIZE_MAX;
            i = j;
            continue;
        }
        if (i >= n || lower(t[i]) != c)
            return SIZE_MAX;
        i++;
    }
    return i;
}

static bool email_byte(uint8_t c)
{
    return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '@' || c >= 0x80;
}

static bool push(sanctum_ctx *ctx, aspan **v, size_t *nv, size_t *cap, size_t s, size_t e, uint32_t type)
{
    if (!sc_aspan_grow(ctx, v, cap, *nv + 1))
        return false;
    (*v)[(*nv)++] = (aspan){s, e, type, SC_KEY_VALUE};
    return true;
}

/* End of entry e (person, address, e-mail) matched at t[i], or SIZE_MAX. */
static size_t text_at(const id_entry *e, const uint8_t *t, size_t n, size_t i)
{
    bool email = e->mode == M_EMAIL;
    if (i > 0 && (email ? email_byte(t[i - 1]) : is_word(t[i - 1])))
        return SIZE_MAX;
    for (size_t k = 0; k < e->npat; k++) {
        if (e->len[k] == 0 || lower(t[i]) != e->pat[k][0])
            continue;
        size_t end = match_text(t, n, i, e->pat[k], e->len[k]);
        if (end == SIZE_MAX)
            continue;
        bool boundary = email ? end >= n || !(email_byte(t[end]) &&
                                              !(t[end] == '.' && (end + 1 >= n || !is_alnum(t[end + 1]))))
                              : end >= n || !is_word(t[end]);
        if (boundary)
            return end;
    }
    return SIZE_MAX;
}

/* Digits and separators: phones, cards, SSNs, account numbers written any way. The digits of the
 * number starting at a position are collected once and compared with every such entry. */
typedef struct digit_run {
    uint8_t d[40];
    size_t g;         /* digits collected */
    size_t end[41];   /* end[k]: the index after the k-th digit when a group of digits ends there, else 0 */
} digit_run;

static void collect_digits(const uint8_t *t, size_t n, size_t i, digit_run *x)
{
    x->g = 0;
    memset(x->end, 0, sizeof x->end);
    if (i > 0 && (is_alnum(t[i - 1]) || t[i - 1] == '+'))
        return;
    size_t seps = 0;
    for (size_t j = i; j < n && x->g < sizeof x->d; j++) {
        uint8_t c = t[j];
        if (is_digit(c)) {
            x->d[x->g++] = c;
            seps = 0;
            if (j + 1 < n && is_digit(t[j + 1]))
                continue;
            if (j + 1 < n && is_alpha(t[j + 1]))
                return; /* glued to a word: not this number */
            x->end[x->g] = j + 1;
        } else if (!((c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '+') &&
                     ++seps <= 2 && !(c == '+' && x->g > 0))) {
            return;
        }
    }
}

/* End of entry e matched by the run, or SIZE_MAX: the same digits, or for a phone the same up to a
 * country code or trunk prefix of at most 3 digits on either side (at least 7 digits in common). */
static size_t digits_match(const id_entry *e, const digit_run *x)
{
    const uint8_t *want = e->pat[0];
    size_t wl = e->len[0];
    for (size_t k = 1; k <= x->g && k <= wl + 3; k++) {
        if (x->end[k] == 0)
            continue;
        bool eq = k == wl && memcmp(x->d, want, wl) == 0;
        if (!eq && e->mode == M_PHONE) {
            size_t lo = k < wl ? k : wl, hi = k < wl ? wl : k;
            const uint8_t *longer = k < wl ? want : x->d, *shorter = k < wl ? x->d : want;
            eq = lo >= 7 && hi - lo <= 3 && memcmp(longer + hi - lo, shorter, lo) == 0;
        }
        if (eq)
            return x->end[k];
    }
    return SIZE_MAX;
}

/* IBANs: letters and digits, spaces anywhere between them. */
static size_t alnum_at(const id_entry *e, const uint8_t *t, size_t n, size_t i)
{
    const uint8_t *want = e->pat[0];
    size_t wl = e->len[0];
    if (i > 0 && is_alnum(t[i - 1]))
        return SIZE_MAX;
    size_t g = 0, j = i;
    while (j < n && g < wl) {
        if (is_alnum(t[j])) {
            if (upper(t[j]) != want[g])
                return SIZE_MAX;
            g++;
            j++;
        } else if (t[j] == ' ' && j + 1 < n && is_alnum(t[j + 1]) && g > 0) {
            j++;
        } else {
            return SIZE_MAX;
        }
    }
    return g == wl && (j >= n || !is_alnum(t[j])) ? j : SIZE_MAX;
}

/* The bytes a match of entry e can start with. */
static void first_bytes(const id_entry *e, uint8_t set[256])
{
    memset(set, 0, 256);
    if (e->mode == M_DIGITS || e->mode == M_PHONE) {
        for (int c = '0'; c <= '9'; c++)
            set[c] = 1;
        set['+'] = set['('] = 1;
        return;
    }
    for (size_t k = 0; k < e->npat; k++) {
        if (e->len[k] == 0)
            continue;
        uint8_t c = e->pat[k][0];
        set[c] = 1;
        set[lower(c)] = 1;
        set[upper(c)] = 1;
    }
}

/* Entries by the first byte of their matches: one pass over a text tries only those that can start at
 * each byte. */
static bool build_index(sanctum_identities *ids)
{
    uint8_t set[256];
    uint32_t count[257] = {0};
    size_t total = 0;
    for (size_t k = 0; k < ids->n; k++) {
        first_bytes(&ids->e[k], set);
        for (int b = 0; b < 256; b++)
            if (set[b]) {
                count[b]++;
                total++;
            }
    }
    ids->bidx = sc_alloc(ids->ctx, (total == 0 ? 1 : total) * sizeof *ids->bidx, 0);
    if (ids->bidx == NULL)
        return false;
    uint32_t pos = 0;
    for (int b = 0; b < 256; b++) {
        ids->boff[b] = pos;
        pos += count[b];
    }
    ids->boff[256] = pos;
    uint32_t fill[256];
    memcpy(fill, ids->boff, sizeof fill);
    for (size_t k = 0; k < ids->n; k++) {
        first_bytes(&ids->e[k], set);
        for (int b = 0; b < 256; b++)
            if (set[b])
                ids->bidx[fill[b]++] = (uint16_t)k;
    }
    return true;
}

sanctum_status sc_identities_spans(const sanctum_identities *ids, sanctum_ctx *ctx, const uint8_t *p, size_t n,
                                   aspan **v, size_t *nv, size_t *cap, sanctum_error *err)
{
    if (ids == NULL || ids->n == 0)
        return SANCTUM_OK;
    digit_run x;
    sanctum_status st = SANCTUM_OK;
    for (size_t i = 0; i < n && st == SANCTUM_OK; i++) {
        uint8_t b = p[i];
        bool collected = false;
        for (uint32_t q = ids->boff[b]; q < ids->boff[b + 1]; q++) {
            const id_entry *e = &ids->e[ids->bidx[q]];
            size_t end;
            switch (e->mode) {
            case M_TEXT:
            case M_EMAIL: end = text_at(e, p, n, i); break;
            case M_ALNUM: end = alnum_at(e, p, n, i); break;
            default:
                if (!collected)
                    collect_digits(p, n, i, &x);
                collected = true;
                end = digits_match(e, &x);
                break;
            }
            if (end != SIZE_MAX && !push(ctx, v, nv, cap, i, end, e->type)) {
                st = sc_error_nomem(err);
                break;
            }
        }
        if (collected)
            sanctum_wipe(x.d, sizeof x.d);
    }
    return st;
}

static int span_cmp(const void *a, const void *b)
{
    const aspan *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end;
}

sanctum_status sanctum_identities_detect(sanctum_detection **out, const sanctum_identities *ids, const uint8_t *ptr,
                                         size_t len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ids == NULL || (ptr == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "NULL argument");
    *out = NULL;
    if ((uint64_t)len > ids->ctx->opts.max_input_bytes)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "text larger than max_input_bytes");
    aspan *v = NULL;
    size_t nv = 0, cap = 0;
    sanctum_status st = sc_identities_spans(ids, ids->ctx, ptr, len, &v, &nv, &cap, err);
    if (st != SANCTUM_OK) {
        sc_free(v);
        return st;
    }
    /* sorted by start, overlaps dropped (the earlier, then longer, span wins) */
    if (nv > 1)
        qsort(v, nv, sizeof *v, span_cmp);
    size_t kept = 0;
    for (size_t i = 0; i < nv; i++)
        if (kept == 0 || v[i].start >= v[kept - 1].end)
            v[kept++] = v[i];
    sanctum_detection *r = sc_alloc(ids->ctx, sizeof *r + kept * sizeof(sanctum_pii_entity), SC_ALLOC_SECRET);
    if (r == NULL) {
        sc_free(v);
        return sc_error_nomem(err);
    }
    sanctum_pii_entity *ents = (sanctum_pii_entity *)(void *)(r + 1);
    for (size_t i = 0; i < kept; i++)
        ents[i] = (sanctum_pii_entity){.type = (int32_t)v[i].type, .recognizer = SANCTUM_REC_DENY_LIST,
                                       .start = v[i].start, .end = v[i].end, .score = 1.0,
                                       .evidence = SANCTUM_EV_DENY_LIST};
    r->struct_size = (uint32_t)sizeof *r;
    r->count = kept;
    r->entities = ents;
    r->rejected_count = 0;
    r->rejected = ents + kept;
    sc_free(v);
    *out = r;
    return SANCTUM_OK;
}
