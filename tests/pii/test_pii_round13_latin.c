/* PII detector, round 13 (PERSON recall in Latin script): classes of holdout16 and holdout17, in new
 * sentences (not taken from any evaluation file) of several genres and languages; each class has hard
 * negatives that put a place, a brand, a product, a pet or a common word in the same frame. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pii_expect.h"
#include "test_util.h"

/* Parallel items: a list whose items each open with a name ("Name <note>, Name <note>", "Label: Name,
 * Label: Name") where one item's name stands on its own: a given name the data knows opening another item
 * of the same list is a person too, whatever the note between them. */
static void round13_parallel_items(void **state)
{
    pii_fixture *f = *state;
    /* label: name (note), label: name */
    pii_expect(f->det, "Delivery drivers today. East: Kwabena (van 3), West: Marjorie Tindall (van 5).",
               SANCTUM_ENTITY_PERSON, "Kwabena");
    pii_expect(f->det, "Bar shifts: Friday: Ruairi Gallagher, Saturday: Sunniva", SANCTUM_ENTITY_PERSON, "Sunniva");
    /* name + hours, name + hours */
    pii_expect(f->det, "Reception cover: Benedita 9-13, Guilherme Moura 13-18.", SANCTUM_ENTITY_PERSON, "Benedita");
    pii_expect(f->det, "Kiosk rota: Ingrid Nygaard 7–11, Solveig 11–15, then closed.", SANCTUM_ENTITY_PERSON,
               "Solveig");
    /* parallel clauses: "Name verb ..., Name verb ..." in several languages */
    pii_expect(f->det, "At the quiz night Winifred Ashby read the questions, Olamide kept the scores.",
               SANCTUM_ENTITY_PERSON, "Olamide");
    pii_expect(f->det, "En la excursión, Lucía Fernández llevó el mapa, Thandiwe trajo la comida.",
               SANCTUM_ENTITY_PERSON, "Thandiwe");
    pii_expect(f->det, "Na reunião, Beatriz Almeida apresentou o orçamento, Joaquim tratou das contas.",
               SANCTUM_ENTITY_PERSON, "Joaquim");
    pii_expect(f->det, "Tänään Aino Lehtinen siivoaa, Juha tekee ruokaa.", SANCTUM_ENTITY_PERSON, "Juha");
    /* "+" and "/" join two names like "and" */
    pii_expect(f->det, "Code review pairs this sprint: Declan Moore + Solveig, then swap.", SANCTUM_ENTITY_PERSON,
               "Solveig");
    pii_expect(f->det, "On call this weekend: Harriet Bloom / Thandiwe", SANCTUM_ENTITY_PERSON, "Thandiwe");
    /* the same frames with places, brands, products and pets in the other items */
    pii_expect_none(f->det, "Delivery zones today. East: Lyon (van 3), West: Sevilla (van 5).", SANCTUM_ENTITY_PERSON);
    pii_expect_one_person(f->det, "Bar shifts: Friday: Ruairi Gallagher, Saturday: Heineken on tap",
                          "Ruairi Gallagher");
    pii_expect_one_person(f->det, "Reception cover: Guilherme Moura 13-18, Lisbon office closed.", "Guilherme Moura");
    pii_expect_one_person(f->det, "At the quiz night Winifred Ashby read the questions, Toyota sponsored the prizes.",
                          "Winifred Ashby");
    pii_expect_one_person(f->det, "Code review pairs: Declan Moore + Jenkins pipeline, then deploy.", "Declan Moore");
    pii_expect_one_person(f->det, "Lucía Fernández walks the dog, Bello sleeps all day.", "Lucía Fernández");
    /* a two-letter word that opens the sentence is no item's name ("Na" is a given name and Portuguese "in the") */
    pii_expect_one_person(f->det, "Na feira de sábado, Beatriz Almeida vendeu queijo.", "Beatriz Almeida");
    /* a translator's line: the name, the address, then the month and year */
    pii_expect_one_person(f->det, "Çeviren: Ayşe Kaya <ayse.k@example.org>, Kasım 2003", "Ayşe Kaya");
    /* only the item next to the name's: a demonym two items on is no name of the list */
    pii_expect_one_person(f->det, "Lease: the tenant, Rosalind Achterberg, of full age, Filipino, resides at the flat.",
                          "Rosalind Achterberg");
}

/* Names joined by a patronymic or clan particle: Irish Ó, Ní, Nic, Mhic, Uí ("Ciarán Ó Dálaigh"), Welsh ap and
 * ferch ("Gethin ap Iorwerth"), Malay binti and Arabic ibn ("Nur Aisyah binti Rahman"). The particle says a
 * person is named, whatever the given name's data says; the span is the whole name. */
static void round13_name_particles(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "The hurling panel: Ciarán Ó Dálaigh (captain).", SANCTUM_ENTITY_PERSON, "Ciarán Ó Dálaigh");
    pii_expect(f->det, "Tenant: Éabha Ní Fhlaithearta, flat 2.", SANCTUM_ENTITY_PERSON, "Éabha Ní Fhlaithearta");
    pii_expect(f->det, "Minutes taken by Gráinne Nic Aodha on Tuesday.", SANCTUM_ENTITY_PERSON, "Gráinne Nic Aodha");
    pii_expect(f->det, "Tomás Ó Gallchóir won the raffle!", SANCTUM_ENTITY_PERSON, "Tomás Ó Gallchóir");
    pii_expect(f->det, "Cymraeg: Gethin ap Iorwerth sy'n arwain y côr.", SANCTUM_ENTITY_PERSON, "Gethin ap Iorwerth");
    pii_expect(f->det, "Borang cuti: Nur Aisyah binti Rahman, Jabatan Kewangan.", SANCTUM_ENTITY_PERSON,
               "Nur Aisyah binti Rahman");
    pii_expect(f->det, "Claim filed by Ahmad Faizal bin Osman yesterday.", SANCTUM_ENTITY_PERSON,
               "Ahmad Faizal bin Osman");
    /* places and things named with the same words stay out */
    pii_expect_none(f->det, "We drove from Baile Átha Cliath to Dún Laoghaire.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Meet me at the Ibn Battuta Mall food court.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Ó hAnluain's pub is closed on Mondays, said the sign.", SANCTUM_ENTITY_PERSON);
}

/* Family name first, then two or three given names (Vietnamese, with or without its letters' marks, and
 * the middle names Thị and Văn): the whole name is one span, not its given names alone. */
static void round13_family_name_first(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "Alumni news: Ngo Thanh Huong opened a bakery in Da Lat.", SANCTUM_ENTITY_PERSON,
               "Ngo Thanh Huong");
    pii_expect(f->det, "Người liên hệ: Bùi Thị Thu Hà, phòng kế toán.", SANCTUM_ENTITY_PERSON, "Bùi Thị Thu Hà");
    pii_expect(f->det, "Trực ca đêm: Trần Văn Hùng và Lý Minh Tuấn.", SANCTUM_ENTITY_PERSON, "Trần Văn Hùng");
    pii_expect(f->det, "Badge request for Phan Minh Khoa (contractor).", SANCTUM_ENTITY_PERSON, "Phan Minh Khoa");
    /* a family name before words that are no given names is no such name */
    pii_expect_none(f->det, "The Kaiser Wilhelm Memorial Church is closed.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Ngo Quyen Street floods every June.", SANCTUM_ENTITY_PERSON);
}

/* The owner of a contact detail: a known given name right before a phone number or an e-mail address, with
 * only punctuation, a note in brackets and the words that hand a number over between them. */
static void round13_contact_owner(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "Spare ticket for Saturday, Olamide at +44 7700 900123 has it.", SANCTUM_ENTITY_PERSON,
               "Olamide");
    pii_expect(f->det, "Tesouraria: Joaquim (tesoureiro) +351 912 345 678", SANCTUM_ENTITY_PERSON, "Joaquim");
    pii_expect(f->det, "Chorale : Juha, +33 6 12 34 56 78, cherche une voiture", SANCTUM_ENTITY_PERSON, "Juha");
    pii_expect(f->det, "Llaves perdidas: Thandiwe al +34 612 345 678", SANCTUM_ENTITY_PERSON, "Thandiwe");
    pii_expect(f->det, "Bake sale questions: Solveig - bakesale@example.org", SANCTUM_ENTITY_PERSON, "Solveig");
    /* places, software and offices before a number stay out; a name before a number in another sentence too */
    pii_expect_none(f->det, "Hotel Lyon, +33 4 72 00 00 00, rooms from 80 EUR", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Zoom at +1 646 558 8656 for the dial-in", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "The Oslo desk at +47 22 00 00 00 is closed.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Booked via Sevilla Tours, +34 954 00 00 00.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Chorale : Juha. +33 6 12 34 56 78 est le numéro du local.", SANCTUM_ENTITY_PERSON);
    /* a header label is no name: "Von:" (German "From:") before an address */
    pii_expect_none(f->det, "Von: kassenwart@verein.example\nBetreff: Beitrag", SANCTUM_ENTITY_PERSON);
}

/* A name a pronoun takes up: a known given name followed soon by "he", "she", "him", "her" (or "er", "elle",
 * "hon", "ela" ...), which places, brands and software never take. */
static void round13_pronoun_takes_up(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "Quarterly review: Olamide exceeded every target and his team trusts him.",
               SANCTUM_ENTITY_PERSON, "Olamide");
    pii_expect(f->det, "Ich habe gestern Juha getroffen und ihm das Buch gegeben.", SANCTUM_ENTITY_PERSON, "Juha");
    pii_expect(f->det, "Hier Joaquim au téléphone, elle arrive demain.", SANCTUM_ENTITY_PERSON, "Joaquim");
    pii_expect(f->det, "Vi ringde Thandiwe i går och hon var glad.", SANCTUM_ENTITY_PERSON, "Thandiwe");
    /* places, brands after an article, software, and a verb that opens the sentence take none */
    pii_expect_none(f->det, "We drove through Sevilla; she said it was too hot.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "My sister bought a Dyson last week and she loves it.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "The Kafka consumer lags; he restarted it twice.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Liga para a loja, ela fecha às seis.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Le bureau ferme le 1er mai, composez le 15.", SANCTUM_ENTITY_PERSON);
    /* Dutch "er" is "there", and a capitalized German noun is no given name's frame */
    pii_expect_none(f->det, "Houd er rekening mee dat de map wordt verwijderd.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Yeni bir bölümün başına kadar her satır okunur.", SANCTUM_ENTITY_PERSON);
}

/* A name by its affiliation: "from" and a department, a team, an office or a club after a known given name. */
static void round13_affiliation(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "Quick intro: Olamide from Payments will join the call.", SANCTUM_ENTITY_PERSON, "Olamide");
    pii_expect(f->det, "Heads up, Thandiwe from the Leeds office is visiting.", SANCTUM_ENTITY_PERSON, "Thandiwe");
    pii_expect(f->det, "Agenda: Juha from our Helsinki team demos the new build.", SANCTUM_ENTITY_PERSON, "Juha");
    /* a family named by its surname */
    pii_expect(f->det, "Nachbarschaft: Familie Demir sucht eine Katzensitterin.", SANCTUM_ENTITY_PERSON, "Demir");
    pii_expect(f->det, "Le repas chez la famille Dubois est samedi.", SANCTUM_ENTITY_PERSON, "Dubois");
    pii_expect(f->det, "Dinner with the Okafor family on Sunday?", SANCTUM_ENTITY_PERSON, "Okafor");
    pii_expect_none(f->det, "Our Paris family trip was great.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Familie Berlin-Mitte: Treffen am Montag.", SANCTUM_ENTITY_PERSON);
    /* a product from a company, a place, and a name before "from" and no group stay out */
    pii_expect_none(f->det, "Agenda: Nova from Lenovo replaces the old laptops.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Agenda: the Sevilla from the travel agency brochure.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Quick intro: Juha from 9 to 5 is the new opening time.", SANCTUM_ENTITY_PERSON);
}

/* A common given name written in capitals inside mixed-case text ("it was JAMIE", a sign-up list item) is a
 * name; an acronym of the same letters goes on into its noun or follows an article. */
static void round13_shouted_name(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "ok who ate my fries?? it was DANA who did it", SANCTUM_ENTITY_PERSON, "DANA");
    pii_expect(f->det, "Band sign-up:\n1. MARCUS - bass\n2. Priya - drums", SANCTUM_ENTITY_PERSON,
               "MARCUS");
    pii_expect(f->det, "my name is sara and the barista wrote SARAH. again.", SANCTUM_ENTITY_PERSON, "SARAH");
    pii_expect_none(f->det, "DORA compliance starts in January for every bank.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "The LISA mission is planned for the 2030s.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "we applied to the new NINA fund yesterday", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "PAYROLL REPORT\nEMPLOYEE NAME: KEVIN\nSTATUS: ACTIVE", SANCTUM_ENTITY_PERSON);
}

/* A lower-case name after a greeting, with the request to the one greeted right after it and no comma: "yo
 * kenji u coming", "hey ravi pls send". Groups, assistants and everyday words in the same frame stay out. */
static void round13_lower_greeting_request(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "yo tomasz u still up for padel tmrw?", SANCTUM_ENTITY_PERSON, "tomasz");
    pii_expect(f->det, "hey olamide can you bring the speaker", SANCTUM_ENTITY_PERSON, "olamide");
    pii_expect(f->det, "hi thandiwe pls check the rota", SANCTUM_ENTITY_PERSON, "thandiwe");
    pii_expect_none(f->det, "hey guys can you check the rota", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "hi team u there?", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "hey siri can you set a timer", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "hello world can you compile this", SANCTUM_ENTITY_PERSON);
    /* a lower-case given name outside the common ones before "said" when "she"/"he" takes it up */
    pii_expect(f->det, "lol ok, juha said he'd drive", SANCTUM_ENTITY_PERSON, "juha");
    pii_expect_none(f->det, "my boss said she would call", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "even sevilla said nothing", SANCTUM_ENTITY_PERSON);
}

/* Structured name fields: a vCard's N line (family;given;additional;prefix;suffix) and a GEDCOM NAME line
 * (given /surname/) name a person in every part, words included. */
static void round13_name_fields(void **state)
{
    pii_fixture *f = *state;
    const char *card = "BEGIN:VCARD\nVERSION:3.0\nN:Okoro;Faith;Adaeze;;\nTEL:+234 803 555 0192\nEND:VCARD";
    pii_expect(f->det, card, SANCTUM_ENTITY_PERSON, "Okoro");
    pii_expect(f->det, card, SANCTUM_ENTITY_PERSON, "Faith");
    pii_expect(f->det, "N;CHARSET=UTF-8:Øvregård;Sigrid;;;\r\nFN:Sigrid Øvregård", SANCTUM_ENTITY_PERSON, "Sigrid");
    pii_expect(f->det, "0 @I7@ INDI\n1 NAME Hope /Whitcombe/\n1 SEX F", SANCTUM_ENTITY_PERSON, "Hope");
    pii_expect(f->det, "0 @I7@ INDI\n1 NAME Hope /Whitcombe/\n1 SEX F", SANCTUM_ENTITY_PERSON, "Whitcombe");
    /* the same letters that are no such field */
    pii_expect_none(f->det, "N: 42; M: 17; total: 59", SANCTUM_ENTITY_PERSON);
    pii_expect(f->det, "family tree export: 1 NAME Astrid /Holmqvist/", SANCTUM_ENTITY_PERSON, "Holmqvist");
    pii_expect_none(f->det, "1 NAME /usr/local/bin/", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "N:2;3;4;5", SANCTUM_ENTITY_PERSON);
    /* the rest of a NAME line is read on: a record flattened onto one line, a note after the name (the walk
     * skipped to the line's end and left these in clear) */
    const char *flat = "export: 1 NAME Elias /Lindahl/ 1 SEX M 0 @I2@ INDI 1 NAME Mary /Jones/ 1 SEX F";
    pii_expect(f->det, flat, SANCTUM_ENTITY_PERSON, "Elias");
    pii_expect(f->det, flat, SANCTUM_ENTITY_PERSON, "Mary");
    pii_expect(f->det, "1 NAME Elias /Lindahl/ - ask Anna Kowalczyk", SANCTUM_ENTITY_PERSON, "Anna Kowalczyk");
}

/* A given name and a family name's initial, as sign-up sheets and reviews write them: the initial is part
 * of the name's span. */
static void round13_trailing_initial(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "Sign-up sheet:\n1. Marcus K. - poetry\n2. Hannah - fiddle", SANCTUM_ENTITY_PERSON,
               "Marcus K.");
    pii_expect(f->det, "Review by Jessica T., verified buyer", SANCTUM_ENTITY_PERSON, "Jessica T.");
    /* a middle initial before a family name stays inside the whole name; a pronoun "I." is no initial */
    pii_expect(f->det, "Ask Jessica T. Morales about it", SANCTUM_ENTITY_PERSON, "Jessica T. Morales");
    pii_expect_one_person(f->det, "Thanks, Jessica. I. e. the report is done.", "Jessica");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round13_parallel_items, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_name_particles, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_family_name_first, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_contact_owner, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_pronoun_takes_up, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_affiliation, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_shouted_name, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_lower_greeting_request, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_name_fields, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_trailing_initial, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
