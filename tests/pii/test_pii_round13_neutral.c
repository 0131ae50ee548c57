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

/* German function words that some locale of the gazetteer also holds as a rare given name ("Sie", "Kein",
 * "Ein", "Seine", "Haben"): software messages and formal letters open sentences with them and write the
 * polite "Sie" capitalized anywhere. A known name after such a word still makes a name. */
static void neutral_german_function_words(void **state)
{
    pii_fixture *f = *state;
    const int32_t P = SANCTUM_ENTITY_PERSON;
    pii_expect_none(f->det, "Kein Drucker gefunden, bitte erneut versuchen.", P);
    pii_expect_none(f->det, "Ein Ordner mit diesem Namen ist schon vorhanden.", P);
    pii_expect_none(f->det, "Seine Einstellungen wurden gespeichert.", P);
    pii_expect_none(f->det, "Melden Sie Probleme bitte im Forum, danke.", P);
    pii_expect_none(f->det, "Haben Sie Ihre Zugangsdaten vergessen?", P);
    /* people: a given name common in its country that the stop list also spells (Nur, Anders), a strong
     * frame before a name */
    pii_expect_one_person(f->det, "Nur Yilmaz hat die Schicht getauscht.", "Nur Yilmaz");
    pii_expect_one_person(f->det, "Anders Lindqvist skickar fakturan i morgon.", "Anders Lindqvist");
    pii_expect_one_person(f->det, "Mein Name ist Tomasz Wr\xc3\xb3" "bel, ich melde mich wegen der Rechnung.",
                          "Tomasz Wr\xc3\xb3" "bel");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(neutral_option_lines, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(neutral_title_headings, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(neutral_german_function_words, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
