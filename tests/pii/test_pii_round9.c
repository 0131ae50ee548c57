/* PII detector, round 9 of issue 17: false positives and the number types left in clear, one test per class,
 * each in new sentences (not taken from any evaluation file); positives and hard negatives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pii_expect.h"
#include "test_util.h"

/* A parenthesis after the country code holding the trunk 0 and the area code, and a remark in parentheses
 * opened after a number, which used to void the whole row. */
static void round9_parentheses(void **state)
{
    pii_fixture *f = *state;
    const int32_t PH = SANCTUM_ENTITY_PHONE_NUMBER, CC = SANCTUM_ENTITY_CREDIT_CARD;
    pii_expect(f->det, "reach the Perth office on +61 (08) 6555 0142 until five", PH, "+61 (08) 6555 0142");
    pii_expect(f->det, "Durchwahl +49 (089) 5550 3317 bitte", PH, "+49 (089) 5550 3317");
    pii_expect(f->det, "the landlord is on +44 (0161) 496 0733", PH, "+44 (0161) 496 0733");
    pii_expect(f->det, "my backup Visa 4532 0151 1283 0 (13 digits, expired) is still on file", CC,
               "4532 0151 1283 0");
    pii_expect(f->det, "phone 07700 900461 (after 6pm) works best", PH, "07700 900461");
    /* still no number: a parenthesis that never closes inside a row of digits, a year range */
    pii_expect_none(f->det, "see table 4 (2019 to 2021) in the appendix", -1);
    pii_expect_none(f->det, "build 4532 0151 1283 1 (13 digits) failed", CC);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round9_parentheses, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
