/* PII detector cost on adversarial text: a row of one repeated unit that makes a recognizer look back
 * (or ahead) over the units before it must still take time linear in the text. Each case runs 512 KiB;
 * the bound (CPU seconds, ASan included) is far above the linear cost and far below the quadratic one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "pii_expect.h"
#include "test_util.h"

enum { COST_BYTES = 512 * 1024 };
#define COST_CPU_SECONDS 3.0

/* CPU seconds of one sanctum_detect on `unit` repeated to COST_BYTES (whole units). */
static double detect_cpu(const sanctum_detector *det, const char *unit)
{
    size_t ul = strlen(unit), n = COST_BYTES / ul * ul;
    uint8_t *text = malloc(n);
    assert_non_null(text);
    for (size_t i = 0; i < n; i += ul)
        memcpy(text + i, unit, ul);
    sanctum_detection *d = NULL;
    sanctum_error err;
    clock_t t0 = clock();
    assert_int_equal(sanctum_detect(&d, det, text, n, 0, &err), SANCTUM_OK);
    clock_t t1 = clock();
    for (size_t i = 0; i < d->count; i++)
        assert_true(d->entities[i].end <= n && d->entities[i].start < d->entities[i].end);
    sanctum_free(d);
    free(text);
    return (double)(t1 - t0) / CLOCKS_PER_SEC;
}

static void assert_linear(const sanctum_detector *det, const char *what, const char *unit)
{
    double s = detect_cpu(det, unit);
    if (s > COST_CPU_SECONDS)
        fail_msg("%s: %.2f CPU seconds for %d KiB (bound %.1f)", what, s, COST_BYTES / 1024, COST_CPU_SECONDS);
}

/* A line of chat mentions: each one walked back over all the mentions before it. */
static void mentions_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "@Maeve<space>", "@Maeve ");
    assert_linear(f->det, "@Maeve<tab>", "@Maeve\t");
    /* the mentions that open a line are still mentions, and so is a short row of them */
    pii_expect(f->det, "@Siddharth @Maeve standup moved to 10", SANCTUM_ENTITY_PERSON, "Maeve");
    char row[64 * 7 + 1] = "";
    for (int i = 0; i < 64; i++)
        strcat(row, "@Maeve ");
    sanctum_detection *d = pii_run(f->det, row, 0);
    assert_int_equal(d->count, 64); /* a row longer than the walk back is still a row of mentions */
    sanctum_free(d);
    pii_expect_none(f->det, "ping @Sarah about it", SANCTUM_ENTITY_PERSON);
}

/* Round 11's prose frames look back at the word before a name (a venue word, a preposition, "the") and on
 * at the two words after it (a pronoun pair): rows of those frames, and one very long word before names. */
static void prose_frames_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "salle Louise Michel", "salle Louise Michel ");
    assert_linear(f->det, "the Carol Concert", "the Carol Concert ");
    assert_linear(f->det, "Klaus und ich", "Klaus und ich ");
    assert_linear(f->det, "desde Valencia", "desde Valencia ");
    assert_linear(f->det, "Liebe Grüße", "Liebe Gr\xc3\xbc\xc3\x9f" "e ");
    assert_linear(f->det, "long word + names", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Louise Michel ");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(mentions_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(prose_frames_in_a_row, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
