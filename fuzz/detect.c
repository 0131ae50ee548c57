/* Fuzz harness: the PII detector over arbitrary bytes, with arbitrary thresholds, entity masks, explain
 * mode and allow/deny list files. Properties: no crash; invalid UTF-8 is refused with the offset of the
 * first bad byte; every span is in bounds, non-empty, scored within [threshold, 1], of a known type and
 * recognizer; entities are sorted and never overlap; every span starts and ends on a UTF-8 character
 * boundary (a placeholder never splits a character: CJK honorifics, Cyrillic endings, Hebrew prefixes);
 * rejected candidates are in bounds; a second run gives the same result; nothing is left allocated. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "sanctum.h"
#include "utf8.h"

static void check_entity(const sanctum_pii_entity *e, const uint8_t *text, size_t len)
{
    if (e->start >= e->end || e->end > len)
        abort();
    if ((text[e->start] & 0xC0) == 0x80 || (e->end < len && (text[e->end] & 0xC0) == 0x80))
        abort(); /* inside a character */
    if (e->type < 0 || e->type >= SANCTUM_ENTITY_COUNT || e->recognizer < 0 || e->recognizer >= SANCTUM_REC_COUNT)
        abort();
    if (!(e->score >= 0.0 && e->score <= 1.0))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    uint8_t mode = data[0];
    double threshold = (double)data[1] / 255.0;
    data += 2;
    size -= 2;
    const uint8_t *lists = NULL, *text = data;
    size_t lists_len = 0, len = size;
    if (mode & 2) {
        const uint8_t *nul = memchr(data, 0, size);
        if (nul != NULL) {
            lists = data;
            lists_len = (size_t)(nul - data);
            text = nul + 1;
            len = size - lists_len - 1;
        }
    }
    sanctum_ctx *ctx = NULL;
    if (sanctum_ctx_new(&ctx, NULL, NULL) != SANCTUM_OK)
        abort();
    sanctum_detector_options o;
    sanctum_detector_options_init(&o);
    o.threshold = threshold;
    o.entities = (mode & 4) ? (uint32_t)(mode >> 3) & SANCTUM_ENTITIES_ALL : SANCTUM_ENTITIES_ALL;
    sanctum_detector *det = NULL;
    sanctum_error err;
    sanctum_status st = lists != NULL ? sanctum_detector_new_with_lists(&det, ctx, &o, lists, lists_len, &err)
                                      : sanctum_detector_new(&det, ctx, &o, &err);
    if (st != SANCTUM_OK) {
        if (det != NULL || st == SANCTUM_E_NOMEM || st == SANCTUM_E_INTERNAL)
            abort();
        sanctum_ctx_free(ctx);
        return 0;
    }
    uint32_t flags = (mode & 1) ? SANCTUM_DETECT_EXPLAIN : 0;
    sanctum_detection *d = NULL;
    st = sanctum_detect(&d, det, text, len, flags, &err);
    size_t valid = sc_utf8_valid_prefix(text, len);
    if (valid != len) {
        if (st != SANCTUM_E_UTF8 || d != NULL || err.offset != valid)
            abort();
    } else {
        if (st != SANCTUM_OK || d == NULL)
            abort();
        for (size_t i = 0; i < d->count; i++) {
            check_entity(&d->entities[i], text, len);
            if (d->entities[i].score < threshold || d->entities[i].score <= 0.0)
                abort();
            if (i > 0 && d->entities[i - 1].end > d->entities[i].start)
                abort();
        }
        for (size_t i = 0; i < d->rejected_count; i++)
            check_entity(&d->rejected[i], text, len);
        if (!(flags & SANCTUM_DETECT_EXPLAIN) && d->rejected_count != 0)
            abort();
        sanctum_detection *d2 = NULL;
        if (sanctum_detect(&d2, det, text, len, flags, &err) != SANCTUM_OK || d2->count != d->count)
            abort();
        for (size_t i = 0; i < d->count; i++)
            if (memcmp(&d->entities[i], &d2->entities[i], sizeof d->entities[i]) != 0)
                abort();
        sanctum_free(d2);
    }
    sanctum_free(d);
    sanctum_free(det);
    fuzz_ctx_free_checked(ctx);
    return 0;
}
