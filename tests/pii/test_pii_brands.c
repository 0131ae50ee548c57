/* PERSON precision, round 10 (issue 17: what people tell an assistant about shopping, travel, health and
 * what they read or watch): brands, products, rooms, conditions, characters and calendar terms named like
 * people are no persons; private people with the same names still are. New sentences, not the
 * evaluation's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "pii_expect.h"
#include "test_util.h"

static const int32_t P = SANCTUM_ENTITY_PERSON;

/* Brands of the generated list (name-suggestion-index), alone, compared, possessive. */
static void listed_brands(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_none(det, "Is Michael Kors better than Coach for a laptop tote?", P);
    pii_expect_none(det, "We stopped at Tim Hortons outside Kingston for coffee.", P);
    pii_expect_none(det, "Should I keep my savings at Charles Schwab or move them?", P);
    pii_expect_none(det, "Is there a coupon for McDonald's this week?", P);
    pii_expect_none(det, "Grab me a Frosty and fries from Wendy's drive-thru.", P);
    pii_expect_none(det, "My Dr. Martens are too tight at the heel.", P);
    /* the same names as people: an owned thing, a person verb, a title, a department */
    pii_expect(det, "Wendy's birthday is on Saturday, can you suggest a gift?", P, "Wendy");
    pii_expect(det, "Wendy called about the rent this morning.", P, "Wendy");
    pii_expect(det, "Kate from accounts approved the refund.", P, "Kate");
    pii_expect(det, "Dear Mr. Disney, thank you for the lovely flowers.", P, "Disney");
    pii_expect_none(det, "We booked a table at Ruth's Chris Steak House for Friday.", P);
    pii_expect(det, "Jimmy Choo called back about the invoice.", P, "Jimmy Choo");
    pii_expect(det, "Mark's PR fixed the flaky test.", P, "Mark");
    /* one-word possessive brands are also people's homes and things: only a chain's frame counts */
    pii_expect(det, "The blue umbrella is Wendy's, not mine.", P, "Wendy");
    pii_expect(det, "Drinks at Daniel's on Friday, then the cinema?", P, "Daniel");
}

/* A product or shop noun after the name; an article before a name and a word the lists lack. */
static void product_nouns(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_none(det, "Which lasts longer, a Tommy Hilfiger jacket or a Calvin Klein one?", P);
    pii_expect_none(det, "The Ralph Lauren polo shrank in the wash.", P);
    pii_expect_none(det, "Is the Thornbury Vortexa worth the money?", P);
    pii_expect(det, "Liam Fletcher joined the call at noon.", P, "Liam Fletcher");
    pii_expect_none(det, "Is the Martha Stewart recipe any good?", P);
    pii_expect(det, "Tell Nadia menu ideas for Sunday.", P, "Nadia");
    /* a common given name after "the" is a person listed with the article */
    pii_expect(det, "Copyright 2004 the Daniel Okonkwo estate.", P, "Daniel Okonkwo");
}

/* Rooms and buildings named after someone. */
static void rooms_and_buildings(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_none(det, "The Franklin Room is free after lunch, the Curie Room is not.", P);
    pii_expect_none(det, "Send the invoice to Ashford House, 12 Mill Lane.", P);
    pii_expect_none(det, "Is the Jubilee line or the Elizabeth line quicker to Stratford?", P);
}

/* Conditions named after a person, with or without the noun. */
static void eponymous_conditions(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_none(det, "At 30 weeks she had Braxton Hicks twice yesterday.", P);
    pii_expect_none(det, "Her Crohn's has flared again since the trip.", P);
    pii_expect(det, "Dr. Okafor said the rash is nothing to worry about.", P, "Okafor");
}

/* Characters in a sentence about fiction; people who read, host or pick books are still people. */
static void fiction_characters(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_none(det, "Is Gandalf Greyhame a good costume idea for the party?", P);
    pii_expect_none(det, "Write a short essay on Atticus Finch as a character.", P);
    pii_expect_none(det, "My son wants to dress up as Harry Potter on Friday.", P);
    pii_expect(det, "She came to the party dressed as her aunt Margot Ellery.", P, "Margot Ellery");
    pii_expect(det, "Priya Raman picked the novel for our club this month.", P, "Priya Raman");
    pii_expect(det, "For the book club, Odile Marchetti is hosting and bringing the novel.", P, "Odile Marchetti");
}

/* Terms of a school calendar, teams and job titles, mail header names. */
static void calendar_and_teams(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_none(det, "Term dates: Autumn Term Sep 3, Half Term Oct 27, Spring Break Apr 6.", P);
    pii_expect_none(det, "Please forward this to Customer Care before Friday.", P);
    pii_expect_none(det, "--\nFrom: Billing Office\nSent: Monday\nis this real?", P);
    pii_expect(det, "Please forward this to Imogen Walsh before Friday.", P, "Imogen Walsh");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(listed_brands, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(product_nouns, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(rooms_and_buildings, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(eponymous_conditions, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(fiction_characters, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(calendar_and_teams, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
