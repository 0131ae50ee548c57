/* PII detector, round 13, false positives on neutral text (man pages, licences, READMEs, changelogs): one
 * test per class found there, in new sentences (not taken from any evaluation file or from those texts);
 * hard negatives and the positives of the same frame. */
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

/* A line that opens with a command-line option ("--version", "--colour=WHEN") is no "--" signature marker:
 * the imperative that describes the option on the next line is no signer. */
static void neutral_option_lines(void **state)
{
    pii_fixture *f = *state;
    const int32_t P = SANCTUM_ENTITY_PERSON;
    pii_expect_none(f->det, "--version\n\tShow the version and exit.", P);
    pii_expect_none(f->det, "--colour=WHEN\n      Colour the output.", P);
    pii_expect_none(f->det, "--verbose\n    Explain every step.", P);
    pii_expect_none(f->det, "--lang\n    Set the language.", P);
    pii_expect_none(f->det, "--max-depth N\n        Stop descending after N levels.", P);
    pii_expect_none(f->det, "Options:\n--dry-run\n  Report what would change.", P);
    /* the marker itself still signs: "--" or "-- " alone, or "-- " and a word */
    pii_expect_one_person(f->det, "Thanks for the quick fix.\n--\nTamsin Okafor", "Tamsin Okafor");
    pii_expect_one_person(f->det, "see you friday\n-- \nMarcus Webb", "Marcus Webb");
    pii_expect_one_person(f->det, "ok, merged\n---\nIngrid", "Ingrid");
}

/* A Title-Case heading of a given name and two or more capitalized English words the name lists lack
 * ("General Public License", "General Commands Manual", "Victor Control Panel"), without "the" before it. */
static void neutral_title_headings(void **state)
{
    pii_fixture *f = *state;
    const int32_t P = SANCTUM_ENTITY_PERSON;
    pii_expect_none(f->det, "LS(1)      General Commands Manual      LS(1)", P);
    pii_expect_none(f->det, "released under GNU General Public License terms", P);
    pii_expect_none(f->det, "Our General Public Licenses are meant to keep it free.", P);
    pii_expect_none(f->det, "The Victor Control Panel shows every valve.", P);
    pii_expect_none(f->det, "Open Grace Period Settings and pick a number of days.", P);
    pii_expect_none(f->det, "Install Jasmine Test Runner first, then the plugins.", P);
    /* people: a surname the English word list lacks, a second given name, a title with a surname */
    pii_expect_one_person(f->det, "Sergio Durigan Junior uploaded the fix.", "Sergio Durigan Junior");
    pii_expect_one_person(f->det, "Please welcome Grace Hopper to the panel.", "Grace Hopper");
    pii_expect_one_person(f->det, "Tell Victor Mendes the panel is ready.", "Victor Mendes");
    pii_expect_one_person(f->det, "Ask Anna Maria Kowalczyk about the invoice.", "Anna Maria Kowalczyk");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(neutral_option_lines, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(neutral_title_headings, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
