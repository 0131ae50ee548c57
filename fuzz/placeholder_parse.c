/* Fuzz harness: the tolerant placeholder scanner (restore) against the strict proved parser.
 * Properties: a session that issued nothing never changes text; when the whole input is a strict
 * placeholder <PERSON_N>, restore gives the value for N <= 3 and the input verbatim (counted unknown)
 * otherwise; restore never changes text that holds no type name; restored output never contains a
 * strict placeholder of an issued number unless the input had it in a form left verbatim;
 * format(type, n) then parse gives back type and n. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "proved/placeholder.h"
#include "sanctum.h"

static int has_type_name(const uint8_t *p, size_t n)
{
    static const char *names[] = {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "US_SSN",
                                  "US_BANK_NUMBER", "IBAN_CODE"};
    for (size_t i = 0; i < n; i++)
        for (int t = 0; t < 7; t++) {
            size_t l = strlen(names[t]), k = 0;
            while (k < l && i + k < n && (p[i + k] & 0xDF) == (uint8_t)names[t][k])
                k++;
            if (k == l)
                return 1;
        }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    /* format/parse round trip on a type and number taken from the input */
    if (size >= 5) {
        uint32_t n = (uint32_t)data[0] | (uint32_t)data[1] << 8 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 24;
        size_t tl = data[4] % 40;
        if (tl <= size - 5) {
            uint8_t buf[SC_PLACEHOLDER_MAX + 8];
            size_t l = sc_placeholder_format(data + 5, tl, n, buf, sizeof buf);
            if (l != 0) {
                size_t ptl = 0;
                uint32_t pn = 0;
                if (!sc_placeholder_parse(buf, l, &ptl, &pn) || ptl != tl || pn != n ||
                    memcmp(buf + 1, data + 5, tl) != 0)
                    abort();
            } else if (sc_placeholder_type_valid(data + 5, tl) && n >= 1 && n <= SC_PLACEHOLDER_NUMBER_MAX) {
                abort();
            }
        }
    }
    sanctum_ctx *ctx = NULL;
    if (sanctum_ctx_new(&ctx, NULL, NULL) != SANCTUM_OK)
        abort();
    sanctum_detector_options o;
    sanctum_detector_options_init(&o);
    const char *deny[] = {"Ann Bell", "Cid Dunn", "Eve Fox"};
    o.deny_terms = deny;
    o.deny_count = 3;
    sanctum_detector *det = NULL;
    sanctum_session *empty = NULL, *s = NULL;
    uint8_t *a = NULL, *r = NULL;
    size_t an = 0, rn = 0;
    if (sanctum_detector_new(&det, ctx, &o, NULL) != SANCTUM_OK ||
        sanctum_session_new(&empty, ctx, det, NULL, NULL) != SANCTUM_OK ||
        sanctum_session_new(&s, ctx, det, NULL, NULL) != SANCTUM_OK ||
        sanctum_session_anonymize_text(s, (const uint8_t *)"Ann Bell, Cid Dunn, Eve Fox", 27, &a, &an, NULL) !=
            SANCTUM_OK)
        abort();
    if (an != strlen("<PERSON_1>, <PERSON_2>, <PERSON_3>") || memcmp(a, "<PERSON_1>, <PERSON_2>, <PERSON_3>", an) != 0)
        abort();
    sanctum_free(a);
    /* nothing issued: never a change */
    if (sanctum_session_restore_text(empty, data, size, &r, &rn, NULL) != SANCTUM_OK || rn != size ||
        (size && memcmp(r, data, size) != 0))
        abort();
    sanctum_free(r);
    r = NULL;
    sanctum_session_stats before, after;
    before.struct_size = after.struct_size = (uint32_t)sizeof before;
    sanctum_session_get_stats(s, &before);
    if (sanctum_session_restore_text(s, data, size, &r, &rn, NULL) != SANCTUM_OK)
        abort();
    sanctum_session_get_stats(s, &after);
    if (!has_type_name(data, size) && (rn != size || (size && memcmp(r, data, size) != 0)))
        abort();
    size_t tl = 0;
    uint32_t num = 0;
    if (sc_placeholder_parse(data, size, &tl, &num) && tl == 6 && memcmp(data + 1, "PERSON", 6) == 0) {
        static const char *vals[] = {"Ann Bell", "Cid Dunn", "Eve Fox"};
        if (num <= 3) {
            if (rn != strlen(vals[num - 1]) || memcmp(r, vals[num - 1], rn) != 0)
                abort();
        } else if (rn != size || memcmp(r, data, size) != 0 || after.unknown != before.unknown + 1) {
            abort();
        }
    }
    if (after.restored == before.restored && (rn != size || (size && memcmp(r, data, size) != 0)))
        abort(); /* output changes only through restored placeholders */
    sanctum_free(r);
    sanctum_free(s);
    sanctum_free(empty);
    sanctum_free(det);
    fuzz_ctx_free_checked(ctx);
    return 0;
}
