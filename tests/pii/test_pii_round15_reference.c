/* PII detector, round 15 (news, reference and citation text): one test per class, each in new sentences (none
 * taken from an evaluation file), positives and hard negatives in the same frame. */
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

/* A case name followed by its law-report citation ("612 F.3d 441", "[2019] UKSC 12", "491 U.S. 397") is a
 * caption even on a line with no court word; an estate or a marriage matter names persons even when the
 * surname is also a town. */
static void round15_case_citations(void **state)
{
    pii_fixture *f = *state;
    const int32_t P = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "Please read Castellano v. Brennan, 588 F.3d 102 (2d Cir. 2019), before the seminar.", P, "Castellano");
    pii_expect(f->det, "Please read Castellano v. Brennan, 588 F.3d 102 (2d Cir. 2019), before the seminar.", P, "Brennan");
    pii_expect(f->det, "Ostrowski v. Nakagawa, 214 Cal. App. 4th 611 (2013) is the leading authority.", P, "Nakagawa");
    pii_expect(f->det, "Kapoor v Hartley [2019] UKSC 12 turned on the meaning of a single clause.", P, "Hartley");
    pii_expect(f->det, "Texas v. Johnson, 491 U.S. 397 (1989), is taught in every first-year class.", P, "Johnson");
    pii_expect(f->det, "Why was Mwangi v. Ferreira, 77 N.Y.2d 310, cited so often afterwards?", P, "Ferreira");
    pii_expect(f->det, "In re Estate of Lancaster, the will was found in a biscuit tin.", P, "Lancaster");
    pii_expect(f->det, "Zusammenfassung bitte: Kowalski v. Brandt, 2021 WL 448812, ging um eine Kaution.", P, "Brandt");
    /* no caption: a film, a match, firms, a year after a comma, a title with a release year */
    pii_expect_none(f->det, "Batman v Superman (2016) was panned by critics but made money.", P);
    pii_expect_none(f->det, "Arsenal v Chelsea, 3 points between them at the top of the table.", P);
    pii_expect_none(f->det, "Godzilla v. Kong, 2021 U.K. release, streams from Friday.", P);
    pii_expect_none(f->det, "Samsung v. Qualcomm, 678 F.3d 1314 (Fed. Cir. 2012), concerned design patents.", P);
    pii_expect_none(f->det, "Google v. Oracle, 593 U.S. 1 (2021), is about software interfaces.", P);
    pii_expect_none(f->det, "Kramer vs. Kramer, 1979, won five Oscars including best picture.", P);
    pii_expect_none(f->det, "Alien vs. Predator, 2004 sequel, is on the late-night schedule.", P);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round15_case_citations, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
