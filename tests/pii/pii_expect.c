/* The PII tests' shared fixture and span assertions (pii_expect.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pii_expect.h"
#include "test_util.h"

void pii_dump(const sanctum_detection *d)
{
    for (size_t i = 0; i < d->count; i++)
        print_error("  %s [%llu,%llu) %.2f\n", sanctum_entity_type_name(d->entities[i].type),
                    (unsigned long long)d->entities[i].start, (unsigned long long)d->entities[i].end,
                    d->entities[i].score);
}

int pii_setup(void **state)
{
    static pii_fixture f;
    f.ctx = test_ctx_new();
    f.det = NULL;
    assert_int_equal(sanctum_detector_new(&f.det, f.ctx, NULL, NULL), SANCTUM_OK);
    *state = &f;
    return 0;
}

int pii_teardown(void **state)
{
    pii_fixture *f = *state;
    sanctum_free(f->det);
    test_ctx_free_checked(f->ctx);
    return 0;
}

sanctum_detection *pii_run(const sanctum_detector *det, const char *text, uint32_t flags)
{
    sanctum_detection *d = NULL;
    sanctum_error err;
    /* from a copy of exactly the text's bytes: a read past the end hits no NUL, and ASan runs see it */
    size_t n = strlen(text);
    uint8_t *copy = malloc(n > 0 ? n : 1);
    assert_non_null(copy);
    memcpy(copy, text, n);
    sanctum_status st = sanctum_detect(&d, det, copy, n, flags, &err);
    free(copy);
    assert_int_equal(st, SANCTUM_OK);
    assert_non_null(d);
    /* the result invariants hold for every call */
    for (size_t i = 0; i < d->count; i++) {
        assert_true(d->entities[i].start < d->entities[i].end);
        assert_true(d->entities[i].end <= strlen(text));
        assert_true(d->entities[i].score >= 0.7 - 1e-9 && d->entities[i].score <= 1.0);
        if (i > 0)
            assert_true(d->entities[i - 1].end <= d->entities[i].start);
    }
    return d;
}

/* An entity of `type` whose span is exactly `want` (other entities may be there too). */
void pii_expect(const sanctum_detector *det, const char *text, int32_t type, const char *want)
{
    sanctum_detection *d = pii_run(det, text, 0);
    const char *at = strstr(text, want);
    assert_non_null(at);
    size_t s = (size_t)(at - text), e = s + strlen(want);
    bool found = false;
    for (size_t i = 0; i < d->count; i++)
        if (d->entities[i].type == type && d->entities[i].start == s && d->entities[i].end == e)
            found = true;
    if (!found) {
        print_error("expected %s \"%s\" in \"%s\"; got %zu entities\n", sanctum_entity_type_name(type), want, text,
                    d->count);
        pii_dump(d);
    }
    sanctum_free(d);
    assert_true(found);
}

/* No entity of `type` (or of any type when type < 0). */
void pii_expect_none(const sanctum_detector *det, const char *text, int32_t type)
{
    sanctum_detection *d = pii_run(det, text, 0);
    size_t bad = 0;
    for (size_t i = 0; i < d->count; i++)
        if (type < 0 || d->entities[i].type == type) {
            print_error("unexpected %s [%llu,%llu) %.2f in \"%s\"\n", sanctum_entity_type_name(d->entities[i].type),
                        (unsigned long long)d->entities[i].start, (unsigned long long)d->entities[i].end,
                        d->entities[i].score, text);
            bad++;
        }
    sanctum_free(d);
    assert_int_equal(bad, 0);
}

const sanctum_detector *pii_det(void **state)
{
    return ((const pii_fixture *)*state)->det;
}

void pii_expect_one_person(const sanctum_detector *det, const char *text, const char *want)
{
    pii_expect(det, text, SANCTUM_ENTITY_PERSON, want);
    sanctum_detection *d = pii_run(det, text, 0);
    size_t count = 0;
    for (size_t i = 0; i < d->count; i++)
        count += d->entities[i].type == SANCTUM_ENTITY_PERSON;
    if (count != 1)
        pii_dump(d);
    sanctum_free(d);
    assert_int_equal(count, 1);
}

void pii_expect_clean_edges(const sanctum_detector *det, const char *const *texts)
{
    for (size_t t = 0; texts[t] != NULL; t++) {
        size_t len = strlen(texts[t]);
        for (size_t cut = 0; cut <= len; cut++)
            for (int side = 0; side < 2; side++) {
                size_t n = side == 0 ? cut : len - cut; /* a prefix, then a suffix */
                uint8_t *text = malloc(n > 0 ? n : 1);
                assert_non_null(text);
                memcpy(text, texts[t] + (side == 0 ? 0 : cut), n);
                sanctum_detection *d = NULL;
                sanctum_error err;
                sanctum_status st = sanctum_detect(&d, det, text, n, 0, &err);
                assert_true(st == SANCTUM_OK || st == SANCTUM_E_UTF8);
                sanctum_free(d);
                free(text);
            }
    }
}
