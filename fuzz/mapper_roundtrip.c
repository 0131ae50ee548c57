/* Fuzz harness: anonymize then restore, for text and chat documents. Properties: restore(anonymize(x))
 * == x whenever every value was spelled one way (variant_spellings == 0) - byte for byte for text and
 * for documents without replacements, else every scan string decodes to the same value at the same
 * path (a rewritten string may change escape style, e.g. \u00fc -> raw UTF-8); invalid input fails with no
 * output; the anonymized text holds no detected value; the anonymized document is valid JSON; a
 * fresh session gives the same anonymization (numbering is a function of the input); no leaks. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "sanctum.h"

static int only_caps(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!((p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9') || p[i] == '_'))
            return 0;
    return 1;
}

/* Same scan strings (paths and decoded values) in both documents. */
static int same_texts(sanctum_ctx *ctx, const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
    sanctum_chat_doc *da = NULL, *db = NULL;
    int same = sanctum_chat_doc_new(&da, ctx, SANCTUM_CHAT_AUTO, a, an, NULL) == SANCTUM_OK &&
               sanctum_chat_doc_new(&db, ctx, SANCTUM_CHAT_AUTO, b, bn, NULL) == SANCTUM_OK &&
               sanctum_chat_doc_count(da) == sanctum_chat_doc_count(db);
    for (size_t i = 0; same && i < sanctum_chat_doc_count(da); i++) {
        sanctum_chat_text ta, tb;
        memset(&ta, 0, sizeof ta);
        memset(&tb, 0, sizeof tb);
        ta.struct_size = tb.struct_size = (uint32_t)sizeof ta;
        sanctum_chat_doc_text(da, i, &ta);
        sanctum_chat_doc_text(db, i, &tb);
        same = ta.text_len == tb.text_len && (ta.text_len == 0 || memcmp(ta.text, tb.text, ta.text_len) == 0) &&
               strcmp(ta.path, tb.path) == 0;
    }
    sanctum_free(da);
    sanctum_free(db);
    return same;
}

static void check_no_values(const sanctum_detector *det, const uint8_t *in, size_t n, const uint8_t *out, size_t on)
{
    sanctum_detection *d = NULL;
    if (sanctum_detect(&d, det, in, n, 0, NULL) != SANCTUM_OK)
        abort();
    uint8_t *blank = malloc(n + 1);
    memcpy(blank, in, n);
    for (size_t k = 0; k < d->count; k++)
        memset(blank + d->entities[k].start, 0, (size_t)(d->entities[k].end - d->entities[k].start));
    for (size_t k = 0; k < d->count; k++) {
        const uint8_t *v = in + d->entities[k].start;
        size_t vl = (size_t)(d->entities[k].end - d->entities[k].start);
        if (memchr(v, '<', vl) || memchr(v, '>', vl) || only_caps(v, vl) || memmem(blank, n, v, vl))
            continue;
        if (memmem(out, on, v, vl) != NULL)
            abort();
    }
    free(blank);
    sanctum_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 8192)
        return 0;
    int json = data[0] & 1;
    data++;
    size--;
    sanctum_ctx *ctx = NULL;
    if (sanctum_ctx_new(&ctx, NULL, NULL) != SANCTUM_OK)
        abort();
    sanctum_detector *det = NULL;
    sanctum_session *s = NULL, *s2 = NULL;
    if (sanctum_detector_new(&det, ctx, NULL, NULL) != SANCTUM_OK ||
        sanctum_session_new(&s, ctx, det, NULL, NULL) != SANCTUM_OK ||
        sanctum_session_new(&s2, ctx, det, NULL, NULL) != SANCTUM_OK)
        abort();
    uint8_t *a = NULL, *a2 = NULL, *r = NULL;
    size_t an = 0, an2 = 0, rn = 0;
    sanctum_error err;
    sanctum_status st = json ? sanctum_session_anonymize_request(s, SANCTUM_CHAT_AUTO, data, size, &a, &an, &err)
                             : sanctum_session_anonymize_text(s, data, size, &a, &an, &err);
    if (st != SANCTUM_OK) {
        if (a != NULL || (!json && st != SANCTUM_E_UTF8))
            abort();
        sanctum_session_stats ss;
        ss.struct_size = (uint32_t)sizeof ss;
        sanctum_session_get_stats(s, &ss);
        for (int t = 0; t < SANCTUM_ENTITY_COUNT; t++)
            if (ss.distinct[t] != 0)
                abort(); /* fail closed: nothing kept */
    } else {
        sanctum_status st2 = json ? sanctum_session_anonymize_request(s2, SANCTUM_CHAT_AUTO, data, size, &a2, &an2, NULL)
                                  : sanctum_session_anonymize_text(s2, data, size, &a2, &an2, NULL);
        if (st2 != SANCTUM_OK || an2 != an || memcmp(a, a2, an) != 0)
            abort();
        if (json) {
            if (sanctum_json_validate(ctx, SANCTUM_JSON_ALLOW_DUPLICATE_KEYS, a, an, NULL) != SANCTUM_OK)
                abort();
            if (sanctum_session_restore_response(s, SANCTUM_CHAT_AUTO, a, an, &r, &rn, NULL) != SANCTUM_OK)
                abort();
        } else {
            check_no_values(det, data, size, a, an);
            if (sanctum_session_restore_text(s, a, an, &r, &rn, NULL) != SANCTUM_OK)
                abort();
        }
        sanctum_session_stats ss;
        ss.struct_size = (uint32_t)sizeof ss;
        sanctum_session_get_stats(s, &ss);
        uint64_t replaced = ss.literals;
        for (int t = 0; t < SANCTUM_ENTITY_COUNT; t++)
            replaced += ss.occurrences[t];
        int exact = rn == size && memcmp(r, data, size) == 0;
        if (!json || replaced == 0) {
            if (ss.variant_spellings == 0 && !exact)
                abort();
        } else if (ss.variant_spellings == 0 && !exact && !same_texts(ctx, data, size, r, rn)) {
            abort(); /* rewritten strings may change escape style; their decoded values must not */
        }
        if (ss.unknown != 0 || ss.malformed != 0)
            abort(); /* everything in our own output is a placeholder we issued */
    }
    sanctum_free(a);
    sanctum_free(a2);
    sanctum_free(r);
    sanctum_free(s);
    sanctum_free(s2);
    sanctum_free(det);
    fuzz_ctx_free_checked(ctx);
    return 0;
}
