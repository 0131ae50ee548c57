/* PII detector, round 13 (what is wrongly taken): things people talk about at work and in their hobbies named like
 * people. Firms whose name ends in a firm word (generated), brands named exactly like a person in a firm's frame
 * (generated), sports clubs, placeholder names, characters of cast lists, games and role-plays, Title-Case teams
 * and categories, rooms and titles in quotes, lists of characters and songs, games with a gamer's noun, and the
 * cast of protocol explanations. New sentences (none taken from an evaluation file); each class has positives in
 * the same frame (a person followed by a department, a real person with a placeholder's family name, a player
 * beside the character, people named Alice and Bob at work). */
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

/* A firm named after its founder and a word that ends many firms' names (Logistics, Insurance, Travel,
 * Services, Pharmacy, Energie, Belediyesi) is no person. */
static void round13_firm_words(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "Procurement wants to know whether Harold Becker Logistics still invoices in euros.",
                    SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "The claim went to Alan Whitcombe Insurance; they replied within a day.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Booked through \"Gordon Pryce Travel Services\" again, the rates are fine.",
                    SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Die Rechnung kam von Jürgen Hoffmann Energie, bitte prüfen.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Le devis de Martin Lefèvre Logistics est arrivé hier.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Ödeme Ahmet Kaya Eczanesi hesabına yapıldı mı?", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Add Rosalind Ferreira Pharmacy to the approved vendors list.", SANCTUM_ENTITY_PERSON);
    /* the same frame with a person: the department or role after the name is no part of a firm */
    pii_expect(f->det, "Procurement wants to know whether Harold Becker still invoices in euros.",
               SANCTUM_ENTITY_PERSON, "Harold Becker");
    pii_expect(f->det, "Escalate to Jonas Lindqvist, Finance, before Friday.", SANCTUM_ENTITY_PERSON, "Jonas Lindqvist");
    pii_expect(f->det, "Jonas Lindqvist (Finance) approved the budget.", SANCTUM_ENTITY_PERSON, "Jonas Lindqvist");
    pii_expect(f->det, "Harold Becker from Logistics asked for the forecast.", SANCTUM_ENTITY_PERSON, "Harold Becker");
}

/* Sports clubs: a club word ending the name (Athletic, Albion, Wanderers, Hotspur, Argyle), or a club word
 * that is also a family name (Villa, Alexandra) beside a score or "vs". */
static void round13_sports_clubs(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "Away tickets for Wigan Athletic are sold out already.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Sunday league result: Rosemary Albion 3-1 Hillcrest.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Watched Aston Villa 2-0 at home, great atmosphere.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Crewe Alexandra vs Port Vale is on Saturday at three.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Die Tickets für Hertha BSC gegen Union sind da.", SANCTUM_ENTITY_PERSON);
    /* a person with the same family names, without a match frame */
    pii_expect(f->det, "Lucia Villa scored twice for the under-12s on Sunday.", SANCTUM_ENTITY_PERSON, "Lucia Villa");
    pii_expect(f->det, "Please send the kit list to Marta Alexandra by Friday.", SANCTUM_ENTITY_PERSON, "Marta Alexandra");
}

/* Placeholder names of forms and templates in several languages are nobody where the text says they are examples. */
static void round13_placeholders(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "The sample contract still says John Doe as the tenant.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Im Musterformular steht noch Erika Mustermann als Antragstellerin.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Use Joe Bloggs as the example customer in the slides.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "En el formulario de ejemplo aparece Fulano de Tal.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Skjemaet viser Ola Nordmann som eksempel.", SANCTUM_ENTITY_PERSON);
    /* without a word of examples or forms, a placeholder's name is how someone writes their own */
    pii_expect(f->det, "I'm Jane Doe, mail me at jane@example.com.", SANCTUM_ENTITY_PERSON, "Jane Doe");
    pii_expect(f->det, "Please forward the invoice to John Doe in accounts.", SANCTUM_ENTITY_PERSON, "John Doe");
    pii_expect(f->det, "Our tenant Jane Roe pays on the first of the month.", SANCTUM_ENTITY_PERSON, "Jane Roe");
    /* a real person with a placeholder's family name */
    pii_expect(f->det, "Samuel Doe signed the lease on Monday.", SANCTUM_ENTITY_PERSON, "Samuel Doe");
    pii_expect(f->det, "Jane Doherty signed the lease on Monday.", SANCTUM_ENTITY_PERSON, "Jane Doherty");
}

/* The stems of example words open ordinary words too ("demo" of "Democratic", "exempl" of "exemplary", "mock" of
 * "Mockingbird"): those say nothing about examples, and a placeholder's name on their line is someone. */
static void placeholder_ordinary_words(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "John Doe called about the Democratic primary.", SANCTUM_ENTITY_PERSON, "John Doe");
    pii_expect(f->det, "John Doe called about the demolition permit.", SANCTUM_ENTITY_PERSON, "John Doe");
    pii_expect(f->det, "John Doe called about the demography survey.", SANCTUM_ENTITY_PERSON, "John Doe");
    pii_expect(f->det, "John Doe called about the demon costume.", SANCTUM_ENTITY_PERSON, "John Doe");
    pii_expect(f->det, "John Doe called about an exemplary tenant.", SANCTUM_ENTITY_PERSON, "John Doe");
    pii_expect(f->det, "John Doe called about To Kill a Mockingbird.", SANCTUM_ENTITY_PERSON, "John Doe");
    pii_expect(f->det, "John Doe called about the mockery online.", SANCTUM_ENTITY_PERSON, "John Doe");
    /* the example words themselves still say it */
    pii_expect_none(f->det, "The demo account belongs to John Doe.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "For demonstration purposes the customer is John Doe.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Die Demoversion zeigt Max Mustermann als Kunden.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Use the mock user John Doe in the tests.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "John Doe called about the demo.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Un exemple : Jane Doe, 12 rue de la Paix.", SANCTUM_ENTITY_PERSON);
}

/* The words a line is read for around a name (pii_line_has_word: 160 bytes either side) are whole words: a
 * window that begins inside "undemocratic" read "democratic" (a word of examples by its stem), and one that
 * ends inside "wizardry" read "wizard" (a word of fiction), and each left the name in clear. filler() puts
 * `head` so that the byte `at` of it lies `gap` bytes before the name's start (gap > 0) or after its end. */
static void filler(char *buf, size_t cap, const char *head, size_t at, const char *name, const char *tail, long gap)
{
    size_t hl = strlen(head), nl = strlen(name), fill;
    if (gap > 0) { /* head, spaces and "so", name, tail */
        fill = (size_t)gap - (hl - at);
        assert_true(hl + fill + nl + strlen(tail) < cap);
        memcpy(buf, head, hl);
        for (size_t i = 0; i < fill; i++)
            buf[hl + i] = (i % 3 == 0 || i + 1 == fill) ? ' ' : "so"[i % 3 - 1];
        snprintf(buf + hl + fill, cap - hl - fill, "%s%s", name, tail);
    } else { /* name, spaces and "so", head */
        fill = (size_t)-gap - at;
        assert_true(nl + fill + hl < cap);
        memcpy(buf, name, nl);
        for (size_t i = 0; i < fill; i++)
            buf[nl + i] = (i % 3 == 0 || i + 1 == fill) ? ' ' : "so"[i % 3 - 1];
        snprintf(buf + nl + fill, cap - nl - fill, "%s", head);
    }
}

static void line_window_edges(void **state)
{
    pii_fixture *f = *state;
    char t[512];
    /* "demo" of "undemocratic" exactly 160 bytes before "John Doe" */
    filler(t, sizeof t, "They called it undemocratic", 17, "John Doe", " called me back about the refund.", 160);
    assert_int_equal(strstr(t, "John Doe") - strstr(t, "democratic"), 160);
    pii_expect(f->det, t, SANCTUM_ENTITY_PERSON, "John Doe");
    /* "wizard" of "wizardry", its last letter the window's last byte, 160 after "Odile Marchetti" */
    filler(t, sizeof t, "wizardry club", 6, "tonight honestly Odile Marchetti", "", -160);
    assert_int_equal(strstr(t, "dry") - (strstr(t, "Marchetti") + 9), 159);
    pii_expect(f->det, t, SANCTUM_ENTITY_PERSON, "Odile Marchetti");
}

/* A cast list: the character is played, voiced or portrayed by a person (the actor is a person). */
static void round13_cast(void **state)
{
    pii_fixture *f = *state;
    const char *en = "In the new series, Rowan Ashgrove is played by Helena Brandt.";
    pii_expect(f->det, en, SANCTUM_ENTITY_PERSON, "Helena Brandt");
    pii_expect_one_person(f->det, en, "Helena Brandt");
    pii_expect_one_person(f->det, "Captain Elias Morrow (voiced by Tobias Renner) steals every scene.", "Tobias Renner");
    pii_expect_one_person(f->det, "Julien Sorel est incarné par Antoine Vasseur dans la série.", "Antoine Vasseur");
    pii_expect_one_person(f->det, "In der Serie wird Greta Falk gespielt von Johanna Kiel.", "Johanna Kiel");
    pii_expect_one_person(f->det, "Na novela, Helena Prado é interpretada por Camila Rocha.", "Camila Rocha");
    /* a person who plays by something is a person */
    pii_expect(f->det, "Maria Keller played by the lake with the kids all afternoon.", SANCTUM_ENTITY_PERSON,
               "Maria Keller");
}

/* A character named by what it is in a game or a role-play; its player is a person. */
static void round13_characters(void **state)
{
    pii_fixture *f = *state;
    pii_expect_one_person(f->det, "Hannah Okafor rolled a tiefling called Ysolde Varn last session, and it was chaos.",
                          "Hannah Okafor");
    pii_expect_none(f->det, "The quest giver is the NPC Harrow Blackwood, who lives by the mill.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Ranked tonight: I'm playing as Ellie again, the nerf hurt.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "En la partida, el personaje Tomás Rivera muere en el capítulo tres.", SANCTUM_ENTITY_PERSON);
    pii_expect_one_person(f->det, "Her paladin named Sir Aldric Vane finally hit level 10, says Kofi Mensah.",
                          "Kofi Mensah");
    /* the same words around a person */
    pii_expect(f->det, "The NPC dialogue was written by Tomás Rivera last spring.", SANCTUM_ENTITY_PERSON, "Tomás Rivera");
    pii_expect(f->det, "Ellie said she would play as support tonight.", SANCTUM_ENTITY_PERSON, "Ellie");
}

/* Title-Case phrases of forms and org charts after a client or customer word: a category or a team, no person
 * ("Client Entertainment", "Customer Success Managers"). */
static void round13_title_case_teams(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "Cost centres: Travel, Client Hospitality, Office Supplies.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Hiring plan for Customer Support Engineers is in the drive.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Budget line: Guest Accommodation, 4,200 EUR.", SANCTUM_ENTITY_PERSON);
    /* a person after the same words */
    pii_expect(f->det, "Client Rosalind Mwangi asked for the invoice again.", SANCTUM_ENTITY_PERSON, "Rosalind Mwangi");
    pii_expect(f->det, "Customer Tobias Lindgren called about the refund.", SANCTUM_ENTITY_PERSON, "Tobias Lindgren");
}

/* Rooms, suites and hotels named after someone or by a brand: "the Curie suite", "the Hopper auditorium",
 * "meeting room \"Desmond Tutu\"", "the Marriott Lisbon". */
static void round13_rooms_and_hotels(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "The workshop moves to the Marie Curie suite on level 2.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Town hall is in the Hopper auditorium this quarter.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Book meeting room \"Desmond Tutu\" for the offsite prep.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "We were double-charged by the Marriott Lisbon last week.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Die Tagung ist im Raum \"Lise Meitner\" im dritten Stock.", SANCTUM_ENTITY_PERSON);
    /* a person's room, a person in a room */
    pii_expect(f->det, "The keys are in Marie Laurent's room on level 2.", SANCTUM_ENTITY_PERSON, "Marie Laurent");
    pii_expect(f->det, "Book the room for Desmond Okoye and two guests.", SANCTUM_ENTITY_PERSON, "Desmond Okoye");
}

/* A labelled list of characters: "NPC list: ...", "Cast list: ...". */
static void round13_character_lists(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "NPC list: Brother Tomas Venn (smith), Mother Ilse, Captain Rourke Dane.",
                    SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Cast list: Edmund Greyholt, Lady Annis Farrow, the Pale Knight.", SANCTUM_ENTITY_PERSON);
    /* a guest list holds people */
    pii_expect(f->det, "Guest list: Tomas Venn, Ilse Brandt.", SANCTUM_ENTITY_PERSON, "Tomas Venn");
}

/* A name in quotes after a verb of reading, watching or listening, or a work's noun, is a title: Reading
 * "Anna Karenina" again, the song "Valerie", the novel "Rebecca"; songs, tracks and games listed under a label. */
static void round13_quoted_titles(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "Finally reading \"Anna Karenina\" for book club, 300 pages in.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Can you add the song \"Valerie\" to the wedding list?", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Der Film \"Nora\" läuft morgen, danach das Lied \"Marie\".", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Pon la canción \"Lucía\" y después la película \"Carmen\".", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Setlist: \"Valerie\", \"Roxanne\" (slow), \"Layla\", \"Gloria\".",
                    SANCTUM_ENTITY_PERSON);
    /* a name in quotes after other words is still a name */
    pii_expect(f->det, "Search the CRM for \"Anna Kowalczyk\" and merge the duplicates.", SANCTUM_ENTITY_PERSON,
               "Anna Kowalczyk");
    pii_expect(f->det, "Reading list from Valerie Dubois: three novels.", SANCTUM_ENTITY_PERSON, "Valerie Dubois");
}

/* A game named like a person, with a gamer's noun after it: "the Stardew Valley speedrun", "Hollow Knight DLC",
 * "Mario Party lobby". */
static void round13_game_nouns(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "New record on the Stanley Parable speedrun today.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Is the Hollow Knight DLC worth it at full price?", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Mario Party lobby is open, code 4471, bring snacks.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Warte auf den Kingdom Hearts Soundtrack auf Vinyl.", SANCTUM_ENTITY_PERSON);
    /* a person beside the same nouns: their lobby, the lobby they are asked into */
    pii_expect(f->det, "Invite Chidi Okeke to the lobby, he has the DLC.", SANCTUM_ENTITY_PERSON, "Chidi Okeke");
    pii_expect(f->det, "Sofia Brandt's speedrun beat the record.", SANCTUM_ENTITY_PERSON, "Sofia Brandt");
}

/* The cast of cryptography and protocol explanations (Alice, Bob, Carol, Eve, Mallory, Trent ...), three of them
 * on a line that speaks of a protocol, is nobody; people with those names at work are people. */
static void round13_protocol_cast(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "In the Diffie-Hellman example, Alice and Bob agree on a prime while Eve eavesdrops.",
                    SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Mallory intercepts the handshake and replays the nonce from Bob to Alice.",
                    SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Dans ce protocole, Alice chiffre le message, Bob le déchiffre et Trent signe la clé.",
                    SANCTUM_ENTITY_PERSON);
    /* the same names on a line about work, or one of them alone */
    pii_expect(f->det, "Alice, Bob and Carol from IT renewed the TLS certificate yesterday.", SANCTUM_ENTITY_PERSON,
               "Alice");
    pii_expect(f->det, "Carol encrypts her laptop every night and Bob never does.", SANCTUM_ENTITY_PERSON, "Carol");
}

/* A brand named exactly like an ordinary person (the generated list: Raymond James, Edward Jones, William Hill)
 * in a firm's frame: a business noun after it, "at" it after a person's name; elsewhere a person. */
static void round13_eponym_firms(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "The Raymond James integration drops the cost basis field again.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Rotate the Edward Jones SFTP keys before Friday.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "William Hill's API returns 503 on weekends.", SANCTUM_ENTITY_PERSON);
    pii_expect_one_person(f->det, "Notes: Ingrid Solberg at Raymond James wants SSO by May.", "Ingrid Solberg");
    /* the same names as people */
    pii_expect(f->det, "Ask William Hill about the integration before Friday.", SANCTUM_ENTITY_PERSON, "William Hill");
    pii_expect(f->det, "Edward Jones's website has his phone number.", SANCTUM_ENTITY_PERSON, "Edward Jones");
}

/* A street named like a person in a postal address: a house number before it, a street word after it
 * ("4102 Bailey Ridge Dr", "9 Harrison Ct", "27 Maria Teresa Lane"). */
static void round13_street_addresses(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "Ship the order to 4102 Bailey Ridge Dr, Austin TX 78701.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Moved to 9 Harrison Ct last week, same phone.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "The parcel went to 27 Lucy Gray Lane instead.", SANCTUM_ENTITY_PERSON);
    /* a person after a number, and a person who lives on a street */
    pii_expect(f->det, "Table 4 Harrison Cole, table 5 the Lees.", SANCTUM_ENTITY_PERSON, "Harrison Cole");
    pii_expect(f->det, "Bailey Ridge lives at 4102 Oak Dr now.", SANCTUM_ENTITY_PERSON, "Bailey Ridge");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round13_firm_words, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_sports_clubs, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_placeholders, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(line_window_edges, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(placeholder_ordinary_words, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_cast, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_characters, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_title_case_teams, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_rooms_and_hotels, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_character_lists, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_quoted_titles, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_game_nouns, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_protocol_cast, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_eponym_firms, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_street_addresses, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
