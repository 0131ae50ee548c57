/* Detection for one scan string, with the JSON key it sits under as evidence: {"ssn": "219-09-9999"},
 * {"card": 4111111111111111}, {"first_name": "Ray"}. The key is read as the words before the value
 * (the detector's context scoring does the rest), and a value shaped as a whole like the type the key
 * names is taken whole even when the detector alone would not score it. */
#include <string.h>

#include "../alloc.h"
#include "../error.h"
#include "mapper.h"

/* Words put before the value: each recognizer's own context words. */
static const char *hint_words(int32_t type)
{
    switch (type) {
    case SANCTUM_ENTITY_PERSON: return "name: ";
    case SANCTUM_ENTITY_EMAIL_ADDRESS: return "email: ";
    case SANCTUM_ENTITY_PHONE_NUMBER: return "phone: ";
    case SANCTUM_ENTITY_CREDIT_CARD: return "card number: ";
    case SANCTUM_ENTITY_US_SSN: return "SSN: ";
    case SANCTUM_ENTITY_US_BANK_NUMBER: return "account number: ";
    case SANCTUM_ENTITY_IBAN_CODE: return "IBAN: ";
    default: return NULL;
    }
}

static bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static bool is_alpha(uint8_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Digits in p[0..n) when every other byte is one of `allowed`; SIZE_MAX otherwise. */
static size_t digits_only(const uint8_t *p, size_t n, const char *allowed)
{
    size_t d = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_digit(p[i]))
            d++;
        else if (strchr(allowed, p[i]) == NULL || p[i] == '\0')
            return SIZE_MAX;
    }
    return d;
}

/* A person's name as a whole field: 1 to 5 capitalized words of letters (any script: a word starting
 * with a non-ASCII letter counts as capitalized), with ' - . , between. "build-bot" is not one. */
static bool name_shaped(const uint8_t *p, size_t n)
{
    if (n == 0 || n > 80)
        return false;
    size_t words = 0, letters = 0;
    bool in_word = false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (is_alpha(c) || c >= 0x80) {
            letters++;
            if (!in_word) {
                words++;
                if (c >= 'a' && c <= 'z')
                    return false;
            }
            in_word = true;
        } else if (c == ' ' || c == ',') {
            in_word = false;
        } else if (c != '\'' && c != '-' && c != '.') {
            return false;
        }
    }
    return letters >= 2 && words <= 5;
}

static bool shaped_as(int32_t type, const uint8_t *p, size_t n)
{
    size_t d;
    switch (type) {
    case SANCTUM_ENTITY_PERSON:
        return name_shaped(p, n);
    case SANCTUM_ENTITY_PHONE_NUMBER:
        d = digits_only(p, n, " +-.()/");
        return d != SIZE_MAX && d >= 7 && d <= 15;
    case SANCTUM_ENTITY_CREDIT_CARD:
        d = digits_only(p, n, " -");
        return d != SIZE_MAX && d >= 12 && d <= 19;
    case SANCTUM_ENTITY_US_SSN:
        d = digits_only(p, n, " -.");
        return d == 9 && n <= 11;
    case SANCTUM_ENTITY_US_BANK_NUMBER:
        d = digits_only(p, n, " -");
        return d != SIZE_MAX && d >= 6 && d <= 17;
    case SANCTUM_ENTITY_EMAIL_ADDRESS: {
        const uint8_t *at = memchr(p, '@', n);
        if (at == NULL || at == p || at == p + n - 1 || memchr(at + 1, '@', (size_t)(p + n - at - 1)) != NULL)
            return false;
        for (size_t i = 0; i < n; i++)
            if (p[i] <= ' ')
                return false;
        return true;
    }
    case SANCTUM_ENTITY_IBAN_CODE: {
        size_t alnum = 0;
        for (size_t i = 0; i < n; i++) {
            if (is_alpha(p[i]) || is_digit(p[i]))
                alnum++;
            else if (p[i] != ' ')
                return false;
        }
        return n >= 4 && is_alpha(p[0]) && is_alpha(p[1]) && is_digit(p[2]) && is_digit(p[3]) && alnum >= 15 &&
               alnum <= 34;
    }
    default:
        return false;
    }
}

sanctum_status sc_detect_spans(sanctum_session *s, const uint8_t *p, size_t n, int32_t key_type, aspan **v,
                               size_t *nv, size_t *cap, sanctum_error *err)
{
    const char *hint = key_type >= 0 ? hint_words(key_type) : NULL;
    size_t hl = hint != NULL ? strlen(hint) : 0;
    const uint8_t *text = p;
    uint8_t *tmp = NULL;
    if (hl != 0) {
        if (n > SIZE_MAX - hl)
            return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "text too large");
        tmp = sc_alloc(s->ctx, hl + n, SC_ALLOC_SECRET);
        if (tmp == NULL)
            return sc_error_nomem(err);
        memcpy(tmp, hint, hl);
        if (n != 0)
            memcpy(tmp + hl, p, n);
        text = tmp;
    }
    sanctum_detection *det = NULL;
    sanctum_status st = sanctum_detect(&det, s->det, text, hl + n, 0, err);
    sc_free(tmp);
    if (st != SANCTUM_OK) {
        /* offsets are the caller's value's: one inside the prepended key words has no place there */
        if (err != NULL && err->offset != SANCTUM_NO_OFFSET)
            err->offset = err->offset >= hl ? err->offset - hl : SANCTUM_NO_OFFSET;
        return st;
    }
    /* the whole value (surrounding spaces aside) when the key names its type and it has the shape */
    size_t a = 0, b = n;
    while (a < b && p[a] == ' ')
        a++;
    while (b > a && p[b - 1] == ' ')
        b--;
    bool whole = key_type >= 0 && key_type < SANCTUM_ENTITY_COUNT && b > a && shaped_as(key_type, p + a, b - a);
    if ((whole || det->count > 0) && !sc_aspan_grow(s->ctx, v, cap, *nv + det->count + 1)) {
        sanctum_free(det);
        return sc_error_nomem(err);
    }
    if (whole)
        (*v)[(*nv)++] = (aspan){a, b, (uint32_t)key_type, SC_KEY_VALUE};
    for (size_t i = 0; i < det->count; i++) {
        const sanctum_pii_entity *e = &det->entities[i];
        if (e->start < hl || e->end > hl + n || e->end <= e->start)
            continue; /* found in the hint words themselves */
        (*v)[(*nv)++] = (aspan){(size_t)e->start - hl, (size_t)e->end - hl, (uint32_t)e->type, SC_KEY_VALUE};
    }
    sanctum_free(det);
    return SANCTUM_OK;
}
