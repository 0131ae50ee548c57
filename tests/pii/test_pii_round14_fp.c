/* PII detector, round 14 (what is wrongly taken): venues and events named after someone, with the venue's noun
 * in lower case right after the name ("the Grace Hopper auditorium", "George Washington bridge"). New sentences
 * (none taken from an evaluation file); positives in the same frame: a room number after the noun, a possessive,
 * a verb of telling people, a title before the name. */
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

static void round14_eponym_venues(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "The all-hands is in the Grace Hopper auditorium, bring your laptop.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Traffic is crawling on the George Washington bridge again this morning.",
                    SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Our flight lands at Jomo Kenyatta airport just after midnight.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Lunch at the Florence Nightingale museum was lovely, the kids enjoyed it.",
                    SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Tickets for this year's Edith Piaf festival went on sale today.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Drinks at the Marie Curie pub after the workshop?", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "The Nelson Mandela statue outside the town hall was cleaned last week.",
                    SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Workshop moved to the Alan Turing suite on the second floor.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Le vol arrive à l'aéroport, puis navette jusqu'au Charles de Gaulle terminal 2.",
                    SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "We had a picnic in Albert Schweitzer park with the whole class.", SANCTUM_ENTITY_PERSON);
    /* the same frame with a person */
    pii_expect(f->det, "Please book Maria Kowalczyk suite 412 for three nights.", SANCTUM_ENTITY_PERSON,
               "Maria Kowalczyk");
    pii_expect(f->det, "Maria Kowalczyk's suite is ready, the porter has her bags.", SANCTUM_ENTITY_PERSON,
               "Maria Kowalczyk");
    pii_expect(f->det, "Tell Priya Raman airport pickup is at six.", SANCTUM_ENTITY_PERSON, "Priya Raman");
    pii_expect(f->det, "Dr. Tomasz Wierzbicki museum tour starts at ten.", SANCTUM_ENTITY_PERSON, "Tomasz Wierzbicki");
    pii_expect(f->det, "Grace Whitfield and I walked to the museum after lunch.", SANCTUM_ENTITY_PERSON,
               "Grace Whitfield");
}

/* The same venues and events with their noun capitalized, ending the name (the noun then joins the words
 * that make the capitalized words before them a place or an organisation: "Street", "Institute"). Positives: a
 * person named beside the venue. */
static void round14_eponym_org_words(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "Our bid to the Alfred Russel Wallace Initiative was approved last week.",
                    SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Auditions for the Clara Schumann Orchestra close on Friday.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Volunteers for the Billie Holiday Festival meet at noon by the main gate.",
                    SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "The away end at the Ferenc Puskás Stadium was half empty.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Traffic through the Ted Williams Tunnel is down to one lane.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Print sale at the Dorothea Lange Gallery this weekend.", SANCTUM_ENTITY_PERSON);
    pii_expect(f->det, "Rosalind Hartley from the Festival office will call you back.", SANCTUM_ENTITY_PERSON,
               "Rosalind Hartley");
    pii_expect(f->det, "Ask Clara Weidmann, she plays in the Orchestra on Fridays.", SANCTUM_ENTITY_PERSON,
               "Clara Weidmann");
}

/* A pet named in a copula or naming frame after the pet word ("the cat is Matilda", "der Hund heißt Bruno", "le
 * chat s'appelle Filou"), or with the pet's shots after its possessive and a pet in the line ("Mabel's jabs").
 * Positives: a person's possessive after the copula, a person asked about the pet's shots. */
static void round14_pets(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "Note for the sitter: the cat is Clementine and the dog is Winston.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Our new puppy is Rosie, she is twelve weeks old.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Unser Hund heißt Bruno und ist sehr verspielt.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Mon chat s'appelle Gaston, il dort toute la journée.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Mi perro se llama Lucas y le encanta la playa.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Il mio gatto si chiama Ettore.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Reminder: book the vet for Hazel's jabs next week.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "The kennel needs proof of Archie's vaccinations before we board the dog.",
                    SANCTUM_ENTITY_PERSON);
    /* the same frames with a person */
    pii_expect(f->det, "Who feeds it? The cat is Clementine Dubois's, she lives upstairs.", SANCTUM_ENTITY_PERSON,
               "Clementine Dubois");
    pii_expect(f->det, "Der Tierarzt heißt Bruno Hartmann, er ist sehr nett.", SANCTUM_ENTITY_PERSON, "Bruno Hartmann");
    pii_expect(f->det, "Reminder: ask Hazel Okafor about her jabs before the trip.", SANCTUM_ENTITY_PERSON,
               "Hazel Okafor");
}

/* The room field of an invite or a booking names a room, often after someone ("Room: Brunel (3F)", "Meeting room:
 * Franklin", "Salle : Curie"). Positives: the owner of the room, a person's field beside it. */
static void round14_room_fields(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "Sync on Thursday 10:00; Room: Faraday (2F); bring the slides.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Meeting room: Franklin\nDial-in: see the calendar entry", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Réunion budget, salle : Pasteur, 14h.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Besprechung am Montag, Raum: Humboldt", SANCTUM_ENTITY_PERSON);
    pii_expect(f->det, "Room: Maria Kowalczyk's office, second door on the left.", SANCTUM_ENTITY_PERSON,
               "Maria Kowalczyk");
    pii_expect(f->det, "Host: Tomasz Wierzbicki; Room: Faraday (2F)", SANCTUM_ENTITY_PERSON, "Tomasz Wierzbicki");
}

/* A title before an office or a profession of another language addresses the office holder by office, not by
 * name. Positives: the same titles before a family name, an office that is also a family name, a name after the
 * office. */
static void round14_office_titles(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "Sehr geehrter Herr Oberbürgermeister, wir laden Sie herzlich ein.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Liebe Frau Kollegin, danke für Ihre schnelle Antwort.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Monsieur le Maire, les habitants de la rue demandent un passage piéton.",
                    SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Madame la Directrice, je vous prie d'excuser l'absence de ma fille.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Estimado Señor Alcalde: le escribimos en nombre de la asociación.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Prezado Senhor Prefeito, solicitamos uma reunião.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Gentile Signora Preside, le scrivo per la gita scolastica.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Geachte heer Burgemeester, hierbij stuur ik mijn bezwaar.", SANCTUM_ENTITY_PERSON);
    /* the same titles before a family name, and an office that is also a family name */
    pii_expect(f->det, "Sehr geehrter Herr Vogelsang, wir laden Sie herzlich ein.", SANCTUM_ENTITY_PERSON, "Vogelsang");
    pii_expect(f->det, "Liebe Frau Richter, danke für Ihre schnelle Antwort.", SANCTUM_ENTITY_PERSON, "Richter");
    pii_expect(f->det, "Monsieur Lemaire, les habitants de la rue demandent un passage piéton.", SANCTUM_ENTITY_PERSON,
               "Lemaire");
    pii_expect(f->det, "Estimado Señor Alcaraz: le escribimos en nombre de la asociación.", SANCTUM_ENTITY_PERSON,
               "Alcaraz");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round14_eponym_venues, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round14_eponym_org_words, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round14_pets, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round14_room_fields, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round14_office_titles, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
