/* The public face of the PII detector: options, the detector object, the allow/deny list file format,
 * and sanctum_detect (UTF-8 check, one dispatch pass over the bytes, the PERSON pass, deny list,
 * resolution, result). */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "options.h"
#include "pii.h"
#include "utf8.h"

static const char *const TYPE_NAMES[SANCTUM_ENTITY_COUNT] = {
    "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "US_SSN", "US_BANK_NUMBER", "IBAN_CODE"};
static const char *const REC_NAMES[SANCTUM_REC_COUNT] = {
    "deny_list", "email", "phone_nanp", "phone_intl", "credit_card", "us_ssn", "aba_routing", "bank_account",
    "iban", "person"};
static const char *const EV_NAMES[] = {
    "format_strong", "format_weak", "validator", "context_before", "context_after", "negative_context",
    "gazetteer_first", "gazetteer_last", "title", "name_sequence", "common_word", "consistency",
    "deny_list", "country_code", "issuer", "suppressed", "allow_list"};

const char *sanctum_entity_type_name(int32_t type)
{
    return type >= 0 && type < SANCTUM_ENTITY_COUNT ? TYPE_NAMES[type] : NULL;
}

int32_t sanctum_entity_type_from_name(const uint8_t *ptr, size_t len)
{
    if (ptr == NULL)
        return -1;
    for (int32_t t = 0; t < SANCTUM_ENTITY_COUNT; t++)
        if (strlen(TYPE_NAMES[t]) == len && memcmp(TYPE_NAMES[t], ptr, len) == 0)
            return t;
    return -1;
}

const char *sanctum_recognizer_name(int32_t recognizer)
{
    return recognizer >= 0 && recognizer < SANCTUM_REC_COUNT ? REC_NAMES[recognizer] : NULL;
}

const char *sanctum_evidence_name(uint32_t bit)
{
    if (bit == 0 || (bit & (bit - 1)) != 0)
        return NULL;
    unsigned k = 0;
    while ((1u << k) != bit)
        k++;
    return k < sizeof EV_NAMES / sizeof EV_NAMES[0] ? EV_NAMES[k] : NULL;
}

void sanctum_detector_options_init(sanctum_detector_options *opts)
{
    if (opts == NULL)
        return;
    memset(opts, 0, sizeof *opts);
    opts->struct_size = (uint32_t)sizeof *opts;
    opts->entities = SANCTUM_ENTITIES_ALL;
    opts->threshold = 0.7;
}

typedef struct term_in {
    const uint8_t *p;
    size_t n;
    int32_t type;
} term_in;

static void detector_destroy(void *obj)
{
    sanctum_detector *d = obj;
    for (size_t i = 0; i < d->allow_count; i++)
        sc_free(d->allow[i].text);
    for (size_t i = 0; i < d->deny_count; i++) {
        sc_free(d->deny[i].text);
        sc_free(d->deny[i].norm);
    }
    sc_free(d->allow);
    sc_free(d->deny);
}

static bool is_numeric_type(int32_t t)
{
    return t == SANCTUM_ENTITY_PHONE_NUMBER || t == SANCTUM_ENTITY_CREDIT_CARD || t == SANCTUM_ENTITY_US_SSN ||
           t == SANCTUM_ENTITY_US_BANK_NUMBER || t == SANCTUM_ENTITY_IBAN_CODE;
}

/* Copies a term: trimmed, ASCII-lower-cased, with the digits/letters form for numeric types. */
static sanctum_status copy_term(sanctum_ctx *ctx, const term_in *in, pii_term *out, sanctum_error *err)
{
    const uint8_t *p = in->p;
    size_t n = in->n;
    while (n > 0 && pii_is_space(p[0]))
        p++, n--;
    while (n > 0 && pii_is_space(p[n - 1]))
        n--;
    if (n == 0 || n > PII_MAX_TERM_BYTES)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET,
                        "allow/deny terms must be 1 to %u bytes after trimming", PII_MAX_TERM_BYTES);
    size_t bad = sc_utf8_valid_prefix(p, n);
    if (bad != n)
        return sc_error(err, SANCTUM_E_UTF8, SANCTUM_NO_OFFSET, "an allow/deny term is not valid UTF-8");
    out->text = sc_alloc(ctx, n + 1, SC_ALLOC_SECRET);
    if (out->text == NULL)
        return sc_error_nomem(err);
    for (size_t i = 0; i < n; i++)
        out->text[i] = pii_lower(p[i]);
    out->text[n] = 0;
    out->len = n;
    out->type = in->type;
    if (is_numeric_type(in->type)) {
        out->norm = sc_alloc(ctx, n + 1, SC_ALLOC_SECRET);
        if (out->norm == NULL) {
            sc_free(out->text);
            out->text = NULL;
            return sc_error_nomem(err);
        }
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (pii_is_alnum(p[i]))
                out->norm[m++] = pii_is_lower(p[i]) ? (uint8_t)(p[i] - 32) : p[i];
        out->norm_len = m;
        if (m == 0) {
            sc_free(out->norm);
            out->norm = NULL;
        }
    }
    return SANCTUM_OK;
}

static int by_first_byte(const void *a, const void *b)
{
    const pii_term *x = a, *y = b;
    return (int)x->text[0] - (int)y->text[0];
}

static sanctum_status detector_create(sanctum_detector **out, sanctum_ctx *ctx, const sanctum_detector_options *opts,
                                      const term_in *allow, size_t na, const term_in *deny, size_t nd,
                                      sanctum_error *err)
{
    sanctum_detector_options def;
    if (opts == NULL) {
        sanctum_detector_options_init(&def);
        opts = &def;
    }
    if (opts->threshold != opts->threshold || opts->threshold < 0.0 || opts->threshold > 1.0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "threshold must be within [0, 1]");
    if ((opts->entities & ~(uint32_t)SANCTUM_ENTITIES_ALL) != 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "unknown entity type bit in the mask");
    if (na > PII_MAX_TERMS || nd > PII_MAX_TERMS || na + nd > PII_MAX_TERMS)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "more than %u allow/deny terms",
                        PII_MAX_TERMS);
    for (size_t i = 0; i < nd; i++)
        if (deny[i].type < 0 || deny[i].type >= SANCTUM_ENTITY_COUNT)
            return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "deny term %zu has an unknown type", i);
    sanctum_detector *d = sc_object_new(ctx, sizeof *d, detector_destroy);
    if (d == NULL)
        return sc_error_nomem(err);
    d->ctx = ctx;
    d->threshold = opts->threshold;
    d->entities = opts->entities;
    sanctum_status st = SANCTUM_OK;
    if (na > 0) {
        d->allow = sc_calloc(ctx, na, sizeof *d->allow, SC_ALLOC_ZERO);
        if (d->allow == NULL) {
            st = sc_error_nomem(err);
            goto fail;
        }
        for (size_t i = 0; i < na; i++) {
            st = copy_term(ctx, &allow[i], &d->allow[i], err);
            if (st != SANCTUM_OK)
                goto fail;
            d->allow_count++;
        }
    }
    if (nd > 0) {
        d->deny = sc_calloc(ctx, nd, sizeof *d->deny, SC_ALLOC_ZERO);
        if (d->deny == NULL) {
            st = sc_error_nomem(err);
            goto fail;
        }
        for (size_t i = 0; i < nd; i++) {
            st = copy_term(ctx, &deny[i], &d->deny[i], err);
            if (st != SANCTUM_OK)
                goto fail;
            d->deny_count++;
        }
        qsort(d->deny, d->deny_count, sizeof *d->deny, by_first_byte);
    }
    size_t k = 0;
    for (unsigned b = 0; b <= 256; b++) {
        while (k < d->deny_count && d->deny[k].text[0] < b)
            k++;
        d->deny_bucket[b] = (uint16_t)k;
    }
    *out = d;
    return SANCTUM_OK;
fail:
    sanctum_free(d);
    return st;
}

/* *dst = the caller's options (or the defaults for NULL), read as docs/abi.md says. */
static sanctum_status read_options(sanctum_detector_options *dst, const sanctum_detector_options *opts,
                                   sanctum_error *err)
{
    sanctum_detector_options_init(dst);
    if (opts == NULL)
        return SANCTUM_OK;
    /* version 1 ended after deny_count */
    return sc_options_read(dst, sizeof *dst, opts, SC_SIZE_THROUGH(sanctum_detector_options, deny_count),
                           "options", err);
}

sanctum_status sanctum_detector_new(sanctum_detector **out, sanctum_ctx *ctx, const sanctum_detector_options *opts,
                                    sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ctx == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out and ctx may not be NULL");
    *out = NULL;
    sanctum_detector_options o;
    sanctum_status rd = read_options(&o, opts, err);
    if (rd != SANCTUM_OK)
        return rd;
    opts = &o;
    size_t na = opts ? opts->allow_count : 0, nd = opts ? opts->deny_count : 0;
    if ((na > 0 && opts->allow_terms == NULL) || (nd > 0 && opts->deny_terms == NULL))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "term count without a term array");
    if (na > PII_MAX_TERMS || nd > PII_MAX_TERMS)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "more than %u allow/deny terms",
                        PII_MAX_TERMS);
    term_in *tin = NULL;
    if (na + nd > 0) {
        tin = sc_calloc(ctx, na + nd, sizeof *tin, 0);
        if (tin == NULL)
            return sc_error_nomem(err);
    }
    for (size_t i = 0; i < na; i++) {
        if (opts->allow_terms[i] == NULL) {
            sc_free(tin);
            return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "allow term %zu is NULL", i);
        }
        tin[i] = (term_in){(const uint8_t *)opts->allow_terms[i], strlen(opts->allow_terms[i]), 0};
    }
    for (size_t i = 0; i < nd; i++) {
        if (opts->deny_terms[i] == NULL) {
            sc_free(tin);
            return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "deny term %zu is NULL", i);
        }
        int32_t ty = opts->deny_types ? opts->deny_types[i] : SANCTUM_ENTITY_PERSON;
        tin[na + i] = (term_in){(const uint8_t *)opts->deny_terms[i], strlen(opts->deny_terms[i]), ty};
    }
    sanctum_status st = detector_create(out, ctx, opts, tin, na, tin ? tin + na : NULL, nd, err);
    sc_free(tin);
    return st;
}

/* Guesses the type of an untyped deny term: an e-mail, a number, or a name. */
static int32_t guess_type(const uint8_t *p, size_t n)
{
    size_t digits = 0, letters = 0;
    bool at = false;
    for (size_t i = 0; i < n; i++) {
        digits += pii_is_digit(p[i]);
        letters += pii_is_alpha(p[i]);
        at = at || p[i] == '@';
    }
    if (at)
        return SANCTUM_ENTITY_EMAIL_ADDRESS;
    if (digits >= 12 && letters >= 2)
        return SANCTUM_ENTITY_IBAN_CODE;
    if (digits >= 7 && letters == 0)
        return SANCTUM_ENTITY_PHONE_NUMBER;
    return SANCTUM_ENTITY_PERSON;
}

sanctum_status sanctum_detector_new_with_lists(sanctum_detector **out, sanctum_ctx *ctx,
                                               const sanctum_detector_options *opts, const uint8_t *lists,
                                               size_t lists_len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ctx == NULL || (lists == NULL && lists_len > 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out, ctx and lists may not be NULL");
    *out = NULL;
    sanctum_detector_options o;
    sanctum_status rd = read_options(&o, opts, err);
    if (rd != SANCTUM_OK)
        return rd;
    opts = &o;
    if (lists_len > ctx->opts.max_input_bytes)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "the list file is larger than max_input_bytes");
    size_t good = sc_utf8_valid_prefix(lists, lists_len);
    if (good != lists_len)
        return sc_error(err, SANCTUM_E_UTF8, good, "invalid UTF-8 in the list file");
    size_t na0 = opts ? opts->allow_count : 0, nd0 = opts ? opts->deny_count : 0;
    if ((na0 > 0 && opts->allow_terms == NULL) || (nd0 > 0 && opts->deny_terms == NULL))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "term count without a term array");
    /* count lines to size the term arrays */
    size_t lines = 1;
    for (size_t i = 0; i < lists_len; i++)
        lines += lists[i] == '\n';
    if (na0 > PII_MAX_TERMS || nd0 > PII_MAX_TERMS || lines > PII_MAX_TERMS * 4)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "more than %u allow/deny terms", PII_MAX_TERMS);
    term_in *allow = sc_calloc(ctx, na0 + lines, sizeof *allow, 0);
    term_in *deny = sc_calloc(ctx, nd0 + lines, sizeof *deny, 0);
    sanctum_status st = SANCTUM_OK;
    if (allow == NULL || deny == NULL) {
        st = sc_error_nomem(err);
        goto done;
    }
    size_t na = 0, nd = 0;
    for (size_t i = 0; i < na0; i++) {
        if (opts->allow_terms[i] == NULL) {
            st = sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "allow term %zu is NULL", i);
            goto done;
        }
        allow[na++] = (term_in){(const uint8_t *)opts->allow_terms[i], strlen(opts->allow_terms[i]), 0};
    }
    for (size_t i = 0; i < nd0; i++) {
        if (opts->deny_terms[i] == NULL) {
            st = sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "deny term %zu is NULL", i);
            goto done;
        }
        int32_t ty = opts->deny_types ? opts->deny_types[i] : SANCTUM_ENTITY_PERSON;
        deny[nd++] = (term_in){(const uint8_t *)opts->deny_terms[i], strlen(opts->deny_terms[i]), ty};
    }
    size_t p = 0;
    while (p < lists_len) {
        size_t ls = p;
        while (p < lists_len && lists[p] != '\n')
            p++;
        size_t le = p;
        if (p < lists_len)
            p++;
        if (le > ls && lists[le - 1] == '\r')
            le--;
        size_t a = ls;
        while (a < le && (lists[a] == ' ' || lists[a] == '\t'))
            a++;
        if (a == le || lists[a] == '#')
            continue;
        size_t colon = a;
        while (colon < le && lists[colon] != ':')
            colon++;
        if (colon == le) {
            st = sc_error(err, SANCTUM_E_PARSE, ls, "expected 'allow: TERM', 'deny: TERM' or 'deny TYPE: TERM'");
            goto done;
        }
        const uint8_t *term = lists + colon + 1;
        size_t tl = le - colon - 1;
        size_t kw_end = a;
        while (kw_end < colon && lists[kw_end] != ' ' && lists[kw_end] != '\t')
            kw_end++;
        size_t ts = kw_end;
        while (ts < colon && (lists[ts] == ' ' || lists[ts] == '\t'))
            ts++;
        size_t te = colon;
        while (te > ts && (lists[te - 1] == ' ' || lists[te - 1] == '\t'))
            te--;
        bool is_allow = kw_end - a == 5 && memcmp(lists + a, "allow", 5) == 0;
        bool is_deny = kw_end - a == 4 && memcmp(lists + a, "deny", 4) == 0;
        if ((!is_allow && !is_deny) || (is_allow && te > ts)) {
            st = sc_error(err, SANCTUM_E_PARSE, ls, "expected 'allow: TERM', 'deny: TERM' or 'deny TYPE: TERM'");
            goto done;
        }
        size_t tt = 0;
        while (tt < tl && (term[tt] == ' ' || term[tt] == '\t'))
            tt++;
        if (tt == tl) {
            st = sc_error(err, SANCTUM_E_PARSE, ls, "empty term");
            goto done;
        }
        if (is_allow) {
            allow[na++] = (term_in){term, tl, 0};
        } else {
            int32_t ty = te > ts ? sanctum_entity_type_from_name(lists + ts, te - ts) : guess_type(term, tl);
            if (ty < 0) {
                st = sc_error(err, SANCTUM_E_PARSE, ts, "unknown entity type (expected PERSON, EMAIL_ADDRESS, ...)");
                goto done;
            }
            deny[nd++] = (term_in){term, tl, ty};
        }
    }
    st = detector_create(out, ctx, opts, allow, na, deny, nd, err);
done:
    sc_free(allow);
    sc_free(deny);
    return st;
}

/* ---- detection ---- */

enum { K_NONE = 0, K_AT = 1, K_NUM = 2, K_ALPHA = 3 };

/* K_AT for '@', '%' (URL-encoded "%40"), '[' and '{' ("[at]"), K_NUM for digits, '+' and '(', K_ALPHA for ASCII letters. */
static const uint8_t KIND[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 2, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
    1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 0, 0, 0, 0,
    0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* sc_utf8_valid_prefix with runs of ASCII passed 32 bytes at a time: chat text is nearly all ASCII,
 * and a sequence starts after any ASCII byte, so the result is the same. *first_high: the offset of the
 * first byte >= 0x80 (n if none). */
static size_t valid_prefix(const uint8_t *s, size_t n, size_t *first_high)
{
    size_t i = 0;
    *first_high = n;
    while (i < n) {
        i = pii_skip_ascii(s, i, n);
        if (i == n)
            break;
        if (*first_high == n)
            *first_high = i;
        uint32_t cp;
        size_t len = sc_utf8_decode(s + i, n - i, &cp);
        if (len == 0)
            return i;
        i += len;
    }
    return n;
}

static void scan_bytes(pii_scan *sc)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    bool email = pii_enabled(sc, SANCTUM_ENTITY_EMAIL_ADDRESS);
    bool nums = pii_enabled(sc, SANCTUM_ENTITY_PHONE_NUMBER) || pii_enabled(sc, SANCTUM_ENTITY_CREDIT_CARD) ||
                pii_enabled(sc, SANCTUM_ENTITY_US_SSN) || pii_enabled(sc, SANCTUM_ENTITY_US_BANK_NUMBER);
    bool iban = pii_enabled(sc, SANCTUM_ENTITY_IBAN_CODE);
    bool spoken = pii_enabled(sc, SANCTUM_ENTITY_PHONE_NUMBER) || pii_enabled(sc, SANCTUM_ENTITY_US_SSN) ||
                  pii_enabled(sc, SANCTUM_ENTITY_CREDIT_CARD) || pii_enabled(sc, SANCTUM_ENTITY_US_BANK_NUMBER) ||
                  pii_enabled(sc, SANCTUM_ENTITY_IBAN_CODE);
    pii_spoken_index(); /* the number-word gate's tables */
    for (size_t i = 0; i < n && !sc->oom; i++) {
        while (i < n && KIND[s[i]] == K_NONE)
            i++; /* spaces and punctuation: one table look-up each */
        if (i == n)
            break;
        uint8_t k = KIND[s[i]];
        if (k == K_AT) {
            if (email && s[i] == '@')
                pii_rec_email(sc, i, 1);
            else if (email && s[i] == '%' && i + 2 < n && s[i + 1] == '4' && s[i + 2] == '0')
                pii_rec_email(sc, i, 3); /* jane%40example.com in a URL */
            else if (email && s[i] != '%' && i + 1 < n && (s[i + 1] | 0x20) == 'a')
                pii_rec_email_obfuscated(sc, i); /* jane[at]example[dot]com */
        } else if (k == K_NUM) {
            if (email && s[i] == '(' && i + 1 < n && (s[i + 1] | 0x20) == 'a') {
                pii_rec_email_obfuscated(sc, i); /* jane (at) example (dot) com */
                continue;
            }
            if (!nums)
                continue;
            if ((s[i] == '+' || s[i] == '(') &&
                (i + 1 >= n || (!pii_is_digit(s[i + 1]) && s[i + 1] != '(' && (s[i] != '(' || s[i + 1] != '+'))))
                continue;
            /* a digit starts a run said digit by digit only before a space, comma or dash (most digits are
             * inside a number: no call) */
            if (spoken && pii_is_digit(s[i]) && i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == ',' || s[i + 1] == '-') &&
                pii_spoken_may_start(s, n, i)) {
                size_t skip;
                pii_rec_spoken(sc, i, &skip); /* "0 9 0, 1 2 3 4, 5 6 7 8" after "number" */
                if (skip > i) {
                    i = skip - 1; /* past the number, or to the last digit of a run that is none */
                    continue;
                }
            }
            pii_number num;
            size_t next = pii_number_parse(sc, i, &num);
            if (num.ngroups > 0) {
                if (pii_enabled(sc, SANCTUM_ENTITY_PHONE_NUMBER)) {
                    pii_rec_phone_nanp(sc, &num);
                    pii_rec_phone_intl(sc, &num);
                }
                if (pii_enabled(sc, SANCTUM_ENTITY_CREDIT_CARD))
                    pii_rec_card(sc, &num);
                if (pii_enabled(sc, SANCTUM_ENTITY_US_SSN))
                    pii_rec_ssn(sc, &num);
                if (pii_enabled(sc, SANCTUM_ENTITY_US_BANK_NUMBER))
                    pii_rec_bank(sc, &num);
            }
            if (pii_enabled(sc, SANCTUM_ENTITY_CREDIT_CARD) && pii_number_wide_follows(sc, &num, next)) {
                sc->wide_seps = true; /* OCR and pasted cards: "5518  2636  7903  6093", tabs, mixed */
                pii_number wide;
                pii_number_parse(sc, i, &wide);
                sc->wide_seps = false;
                if (wide.ngroups > 0)
                    pii_rec_card(sc, &wide);
            }
            /* skip the cluster, but not an '@' or letters right after it */
            if (next > i + 1)
                i = next - 1;
        } else {
            /* K_ALPHA: a word of ASCII letters */
            size_t w = i, e = pii_letters_end(s, i + 1, n, false), wl = e - w;
            uint8_t after = e < n ? s[e] : 0;
            /* two letters, then two digits: an IBAN may start here (when none does, the second letter is read
             * as a word of its own) */
            if (wl == 2 && iban && pii_is_digit(after) && e + 1 < n && pii_is_digit(s[e + 1])) {
                size_t next = pii_rec_iban(sc, i);
                if (next > i)
                    i = next - 1;
                continue;
            }
            /* round 15: an address said aloud ("jane dot roe at gmail dot com"); the first test is on the
             * length, so most words pay one comparison */
            if (after == ' ' && wl < 12 && ((0xCC4u >> wl) & 1u) != 0 && email && /* lengths 2, 6, 7, 10, 11 */
                (wl != 2 || ((s[w] | 0x20) == 'a' && (s[w + 1] | 0x20) == 't')) && pii_email_at_word(s + w, wl))
                pii_rec_email_spoken(sc, w, wl);
            /* skip the rest of a word */
            i = e - 1;
            if (spoken && pii_maybe_digit_letters(s + w, wl, after) && pii_spoken_may_start(s, n, w)) {
                size_t skip;
                pii_rec_spoken(sc, w, &skip); /* "two one two, five five five, ..." */
                if (skip > w)
                    i = skip - 1;
            }
        }
    }
}

static int cand_by_start(const void *a, const void *b)
{
    const pii_cand *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

static void to_entity(const pii_cand *c, sanctum_pii_entity *e)
{
    e->type = c->type;
    e->recognizer = c->rec;
    e->start = c->start;
    e->end = c->end;
    e->score = c->score;
    e->evidence = c->evidence;
    e->reserved = 0;
}

sanctum_status sanctum_detect(sanctum_detection **out, const sanctum_detector *det, const uint8_t *ptr, size_t len,
                              uint32_t flags, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || det == NULL || (ptr == NULL && len > 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out, detector and text may not be NULL");
    *out = NULL;
    if ((flags & ~(uint32_t)SANCTUM_DETECT_EXPLAIN) != 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "unknown detect flag");
    sanctum_ctx *ctx = det->ctx;
    if ((uint64_t)len > ctx->opts.max_input_bytes)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "text of %zu bytes is larger than max_input_bytes",
                        len);
    size_t high;
    size_t good = valid_prefix(ptr, len, &high);
    if (good != len)
        return sc_error(err, SANCTUM_E_UTF8, good, "invalid UTF-8");
    pii_before_memo before_memo = {0};
    pii_flags_memo flags_memo;
    memset(flags_memo.flags.at, 0, sizeof flags_memo.flags.at); /* an empty slot is at == 0 */
    memset(flags_memo.cls.at, 0, sizeof flags_memo.cls.at);
    memset(flags_memo.lower.at, 0, sizeof flags_memo.lower.at);
    pii_scan sc = {.det = det, .s = ptr, .n = len, .explain = (flags & SANCTUM_DETECT_EXPLAIN) != 0,
                   .before_memo = &before_memo, .flags_memo = &flags_memo, .first_high = high};
    if (len > 0) {
        uint8_t *blanked = NULL;
        if (high < len && pii_blank_format_chars(ctx, ptr, len, high, &blanked) != SANCTUM_OK)
            return sc_error_nomem(err);
        if (blanked != NULL)
            sc.s = blanked; /* numbers and e-mail see invisible characters as spaces */
        scan_bytes(&sc);
        sc.byte_scan = sc.count;
        if (high < len && !sc.oom)
            pii_native_digits(&sc, scan_bytes); /* ۰۹۱۲ ۵۵۵ ۴۳۲۱, ４１１１… */
        sc.s = ptr;
        sc_free(blanked);
        if (pii_enabled(&sc, SANCTUM_ENTITY_PERSON) && !sc.oom) {
            pii_rec_person(&sc);
            if (pii_enabled(&sc, SANCTUM_ENTITY_US_SSN) && !sc.oom)
                pii_ssn_record_rows(&sc); /* "Harper,Lindsay,235405401" */
        }
        if (!sc.oom)
            pii_rec_deny(&sc);
    }
    if (sc.oom) {
        sc_free(sc.c);
        return sc_error_nomem(err);
    }
    size_t won = sc.count > 0 ? pii_resolve(&sc) : 0;
    size_t rej = sc.explain ? sc.count - won : 0;
    if (rej > 0)
        qsort(sc.c + won, rej, sizeof *sc.c, cand_by_start);
    size_t bytes = sizeof(sanctum_detection) + (won + rej) * sizeof(sanctum_pii_entity);
    sanctum_detection *r = sc_alloc(ctx, bytes, SC_ALLOC_SECRET);
    if (r == NULL) {
        sc_free(sc.c);
        return sc_error_nomem(err);
    }
    sanctum_pii_entity *ents = (sanctum_pii_entity *)(void *)(r + 1);
    for (size_t i = 0; i < won + rej; i++)
        to_entity(&sc.c[i], &ents[i]);
    r->struct_size = (uint32_t)sizeof *r;
    r->count = won;
    r->entities = ents;
    r->rejected_count = rej;
    r->rejected = ents + won;
    sc_free(sc.c);
    *out = r;
    return SANCTUM_OK;
}
