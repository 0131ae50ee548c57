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

/* Contact evidence without an English phone word: "number"/"phone" as the Indian scripts borrow them, a label
 * that heads a contact line ("Rückfragen an ...:", "Bilgi:", "For enquiries:"), an e-mail address beside the
 * number. */
static void round9_contact_evidence(void **state)
{
    pii_fixture *f = *state;
    const int32_t PH = SANCTUM_ENTITY_PHONE_NUMBER;
    pii_expect(f->det, "\xe0\xa6\xae\xe0\xa6\xbe\xe0\xa6\xaf\xe0\xa6\xbc\xe0\xa7\x87\xe0\xa6\xb0 "
                       "\xe0\xa6\xa8\xe0\xa6\xae\xe0\xa7\x8d\xe0\xa6\xac\xe0\xa6\xb0 098301 44721",
               PH, "098301 44721"); /* Bengali: mother's number */
    pii_expect(f->det, "\xe0\xae\x85\xe0\xae\xaa\xe0\xaf\x8d\xe0\xae\xaa\xe0\xae\xbe "
                       "\xe0\xae\xa8\xe0\xae\xae\xe0\xaf\x8d\xe0\xae\xaa\xe0\xae\xb0\xe0\xaf\x8d 094441 20387",
               PH, "094441 20387"); /* Tamil: father's number */
    pii_expect(f->det, "F\xc3\xbcr Ausk\xc3\xbcnfte wenden Sie sich an Herrn Albrecht: 089 5550 4471", PH, "089 5550 4471");
    pii_expect(f->det, "Bilgi ve randevu: 0232 555 18 40", PH, "0232 555 18 40");
    pii_expect(f->det, "For enquiries: 0161 496 0388", PH, "0161 496 0388");
    pii_expect(f->det, "la gestora atiende en el 33 5550 7714 o en gestoria@despacho.example", PH, "33 5550 7714");
    pii_expect(f->det, "Sekretariat 040 5550 9127, sekretariat@kanzlei.example", PH, "040 5550 9127");
    pii_expect(f->det, "write to m.ruiz@clinic.example / 0161 496 0233 for the results", PH, "0161 496 0233");
    /* no phone: an order or invoice number beside a shop's address, a label that names no contact */
    pii_expect_none(f->det, "Bestellung 0212 555 31 74, shop@laden.example", PH);
    pii_expect_none(f->det, "Invoice 33 5550 7714 or billing@firm.example", PH);
    pii_expect_none(f->det, "Info: 33 5550 7714 rows were skipped", PH);
}

/* The sentence that opens with what the number is, then calls it by "is" or a colon: nine bare digits after an
 * SSN word proper, a phone said digit by digit after "the number for/of ... is". */
static void round9_topic_then_is(void **state)
{
    pii_fixture *f = *state;
    const int32_t PH = SANCTUM_ENTITY_PHONE_NUMBER, SSN = SANCTUM_ENTITY_US_SSN;
    pii_expect(f->det, "the SSN they typed on the rental form is 412558907, can you check it", SSN, "412558907");
    pii_expect(f->det, "Social on the insurance claim was 523114086", SSN, "523114086");
    pii_expect(f->det, "ssn for the new hire at the bakery: 601220419", SSN, "601220419");
    pii_expect(f->det, "the number for the piano tuner is four one five, five five five, two six one zero", PH,
               "four one five, five five five, two six one zero");
    pii_expect(f->det, "Number of my landlady was two zero six, five five five, zero one three nine", PH,
               "two zero six, five five five, zero one three nine");
    /* not these: an SSN word that does not open the sentence, an id word, an order, a count */
    pii_expect_none(f->det, "the tax id on the vendor form is 412558907", SSN);
    pii_expect_none(f->det, "ssn lookup finished and the batch id is 412558907", SSN);
    pii_expect_none(f->det, "SSN cards were printed for the new staff and the order number is 412558907", SSN);
    pii_expect_none(f->det, "the order number is four one five, five five five, two six one zero", PH);
}

/* A routing number with a valid check digit but a prefix the Federal Reserve does not use is still reported
 * when someone gives it, not when the writer says it fails. */
static void round9_routing_said_to_fail(void **state)
{
    pii_fixture *f = *state;
    const int32_t BANK = SANCTUM_ENTITY_US_BANK_NUMBER;
    pii_expect(f->det, "new routing 481207338 for the payroll deposit", BANK, "481207338");
    pii_expect(f->det, "ABA 147705213, account to follow", BANK, "147705213");
    pii_expect_none(f->det, "routing 481207338 gets rejected by the form every time", BANK);
    pii_expect_none(f->det, "why is routing 147705213 invalid? the checksum works out", BANK);
    pii_expect_none(f->det, "ABA 913550427 doesn't map to any district, is it a typo?", BANK);
}

/* A Luhn-valid card number from a range the issuer table lacks, named right before by a card word or key. */
static void round9_card_outside_table(void **state)
{
    pii_fixture *f = *state;
    const int32_t CC = SANCTUM_ENTITY_CREDIT_CARD;
    pii_expect(f->det, "{\"holder\":\"K. Osei\",\"pan\":\"3504711209334181\",\"exp\":\"04/29\"}", CC, "3504711209334181");
    pii_expect(f->det, "store card number 5912 0883 4410 2778 on my account", CC, "5912 0883 4410 2778");
    /* not without the card word, nor after an order word, nor when Luhn fails */
    pii_expect_none(f->det, "trace 3504711209334181 in the gateway log", CC);
    pii_expect_none(f->det, "card order 3504711209334181 shipped", CC);
    pii_expect_none(f->det, "{\"pan\":\"3504711209334182\"}", CC);
}

/* Firms by their legal form, and institutions, prizes, neighbourhoods and devotions named after people. */
static void round9_firms_and_institutions(void **state)
{
    pii_fixture *f = *state;
    const int32_t PER = SANCTUM_ENTITY_PERSON;
    pii_expect_none(f->det, "The supplier is Brandvold Timber AS, invoiced quarterly.", PER);
    pii_expect_none(f->det, "Kontrakt mellan Lindqvist Analys AB och kommunen", PER);
    pii_expect_none(f->det, "Payment received from Moreau Conseil S.A.S. for March", PER);
    pii_expect_none(f->det, "Umowa z firmą Nowicki Serwis sp. z o.o. wygasa w maju", PER);
    pii_expect_none(f->det, "Lieferant: Hartmann Feinkost GmbH & Co. KG", PER);
    pii_expect_none(f->det, "Hợp đồng với Công ty TNHH Thành Đạt đã ký", PER);
    pii_expect_none(f->det, "Cita en el Hospital Carlos Haya a las nueve", PER);
    pii_expect_none(f->det, "La riunione si tiene al liceo Giacomo Leopardi", PER);
    pii_expect_none(f->det, "Inscrição aberta na Escola Machado de Assis", PER);
    pii_expect_none(f->det, "Die Feier ist im Gymnasium Sophie Scholl", PER);
    pii_expect_none(f->det, "Moramos no Bairro Cidade Nova desde 2019", PER);
    pii_expect_none(f->det, "ganó el Premio Rómulo Gallegos en 2011", PER);
    pii_expect_none(f->det, "Concert tonight at the Leonard Bernstein Auditorium", PER);
    pii_expect_none(f->det, "Mass at Our Lady of Fatima at ten", PER);
    pii_expect_none(f->det, "Does the Chevron doctrine still apply after the ruling?", PER);
    pii_expect_none(f->det, "we laid flowers at the Ruth Bader Ginsburg statue", PER);
    pii_expect_none(f->det, "Picnic at the Lily Garden on Sunday, bring blankets", PER);
    pii_expect_none(f->det, "the concert moved to the Johnny Cash Pavilion", PER);
    pii_expect(f->det, "at the museum Oliver lost his scarf", PER, "Oliver");
    pii_expect_none(f->det, "scan booked at the Royal Brompton next week", PER);
    pii_expect_none(f->det, "Ospedale Niguarda, Milano: cosa vuol dire dimissione protetta?", PER);
    pii_expect(f->det, "Hospital staff, Lucia and I will cover the night shift", PER, "Lucia");
    pii_expect_none(f->det, "were the Miranda warnings read before the interview", PER);
    pii_expect_none(f->det, "M\xe1\xba\xb9 n\xe1\xba\xb1m \xe1\xbb\x9f B\xe1\xbb\x87nh vi\xe1\xbb\x87n B\xe1\xba\xa1" "ch Mai", PER);
    pii_expect_none(f->det, "\xc4\x82n \xe1\xbb\x9f Kh\xc3\xa1" "ch s\xe1\xba\xa1n Kim Li\xc3\xaan nh\xc3\xa9", PER);
    pii_expect_none(f->det, "\xd0\xa1\xd1\x80\xd0\xb5\xd1\x89\xd0\xb0 \xd0\xb2 \xd0\xa1\xd0\xa3 "
                            "\xe2\x80\x9e\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd \xd0\x92\xd0\xb0\xd0\xb7\xd0\xbe\xd0\xb2\xe2\x80\x9c",
                    PER); /* Среща в СУ „Иван Вазов“ */
    /* persons stay persons beside firms and institutions */
    pii_expect(f->det, "Director: Ingeborg Lystad, for Brandvold Timber AS", PER, "Ingeborg Lystad");
    pii_expect(f->det, "bestuurder Maarten de Wit, Dijkstra Bouw B.V.", PER, "Maarten de Wit");
    pii_expect(f->det, "Signed: Ingeborg Lystad, Brandvold Timber AS", PER, "Ingeborg Lystad");
    pii_expect(f->det, "at the hospital Gemma said the scan was clear", PER, "Gemma");
    pii_expect(f->det, "Dr. Carlos Haya signed the referral", PER, "Carlos Haya");
    pii_expect(f->det, "our Hospital Administrator Priya Raman approved it", PER, "Priya Raman");
}

/* Pets: called by a name after "is called", with a title for a name, and their shots with a vet in the line. */
static void round9_pets(void **state)
{
    pii_fixture *f = *state;
    const int32_t PER = SANCTUM_ENTITY_PERSON;
    pii_expect_none(f->det, "Our new puppy is called Oscar and he chews everything", PER);
    pii_expect_none(f->det, "the tortoise was named Winston by the previous owners", PER);
    pii_expect_none(f->det, "Meet our parrot Lady Margaret, she swears in Dutch", PER);
    pii_expect_none(f->det, "Tierarztpraxis am Markt: Impfung f\xc3\xbcr Bruno am Dienstag", PER);
    pii_expect_none(f->det, "Cl\xc3\xadnica veterinaria: vacuna para Canela el lunes", PER);
    pii_expect_none(f->det, "Reminder from the vet: Daisy's booster is overdue", PER);
    /* people stay people: a booster with no vet, a title with no pet, the owner beside the pet */
    pii_expect(f->det, "Grandpa's booster is on Friday, Aunt Rosalind will drive him", PER, "Rosalind");
    pii_expect(f->det, "Dinner with Sir Anthony Blackwood on Friday", PER, "Anthony Blackwood");
    pii_expect(f->det, "The kitten is called Pepper; owner Harriet Okonjo, please call back", PER, "Harriet Okonjo");
}

/* A name that is also an English word, after a determiner, in technical context: a project's codename. */
static void round9_codenames(void **state)
{
    pii_fixture *f = *state;
    const int32_t PER = SANCTUM_ENTITY_PERSON;
    pii_expect_none(f->det, "Latency on the Willow cluster doubled after the deploy", PER);
    pii_expect_none(f->det, "we moved billing off the Raven service last sprint, see the dashboard", PER);
    pii_expect_none(f->det, "Can someone restart the Sage pipeline? The nightly job failed", PER);
    /* people in the same kind of sentence */
    pii_expect(f->det, "Let Willow know the deploy is done", PER, "Willow");
    pii_expect(f->det, "Raven Okafor fixed the flaky test in the pipeline", PER, "Raven Okafor");
    pii_expect(f->det, "the build broke again, ask Sage to check the cache", PER, "Sage");
}

/* Places whose name opens with another language's word for mount, port, town, river or island. */
static void round9_place_prefixes(void **state)
{
    pii_fixture *f = *state;
    const int32_t PER = SANCTUM_ENTITY_PERSON;
    pii_expect_none(f->det, "the container left Jebel Ali on Monday", PER);
    pii_expect_none(f->det, "we hiked up Jabal Shams before sunrise", PER);
    pii_expect_none(f->det, "connecting flight to Tel Aviv was moved", PER);
    pii_expect_none(f->det, "Kota Kinabalu was hot and humid", PER);
    pii_expect_none(f->det, "Belo Horizonte traffic is awful on Fridays", PER);
    /* the same words as a person's name stay names */
    pii_expect(f->det, "Ali Hassan called about the container", PER, "Ali Hassan");
    pii_expect(f->det, "ask Shams about the hike", PER, "Shams");
}

/* A person's surname repeated inside a firm's name is not raised as a person by the other mention. */
static void round9_firm_mentions(void **state)
{
    pii_fixture *f = *state;
    const int32_t PER = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "Counsel: Priya Raghunathan, Esq. Correspondence to Raghunathan & Webb LLP, 9 Elm St.", PER,
               "Priya Raghunathan");
    pii_expect(f->det, "Owner Tomasz Wierzbicki; invoice from Wierzbicki Instalacje sp. z o.o. attached", PER,
               "Tomasz Wierzbicki");
    /* other mentions of the person are still raised */
    const char *t = "Owner Tomasz Wierzbicki; later Wierzbicki fixed the invoice";
    sanctum_detection *d = pii_run(f->det, t, 0);
    assert_int_equal(d->count, 2);
    assert_int_equal(d->entities[1].start, (uint64_t)(strstr(t, "Wierzbicki fixed") - t));
    sanctum_free(d);
}

/* The small words of a title-case heading are not names. */
static void round9_heading_words(void **state)
{
    pii_fixture *f = *state;
    const int32_t PER = SANCTUM_ENTITY_PERSON;
    pii_expect_none(f->det, "Welcome To The Annual Staff Picnic", PER);
    pii_expect_none(f->det, "Invitation To Our Spring Gala, RSVP By Friday", PER);
    /* names in headings stay names */
    pii_expect(f->det, "Welcome To The Team, Priyanka Deshmukh!", PER, "Priyanka Deshmukh");
    pii_expect(f->det, "Welcome An Nguyen to the team", PER, "An Nguyen");
}

/* A Markdown table cell under a column of places is no person. */
static void round9_place_columns(void **state)
{
    pii_fixture *f = *state;
    const int32_t PER = SANCTUM_ENTITY_PERSON;
    pii_expect_none(f->det, "| Office | Headcount |\n|---|---|\n| Sheffield | 41 |\n| Kingston | 17 |\n| Florence | 9 |",
                    PER);
    pii_expect_none(f->det, "| Week | City | Orders |\n|---|---|---|\n| 12 | Austin | 380 |\n| 13 | Charlotte | 402 |", PER);
    /* a column of people stays people */
    pii_expect(f->det, "| Owner | City |\n|---|---|\n| Margaret Thompson | Leeds |", PER, "Margaret Thompson");
}

/* A verb and its particle joined by a hyphen are a noun ("drop-off", "pick-up"): no person verb. */
static void round9_hyphen_nouns(void **state)
{
    pii_fixture *f = *state;
    const int32_t PER = SANCTUM_ENTITY_PERSON;
    pii_expect_none(f->det, "Rental van: pick-up Malm\xc3\xb6, drop-off G\xc3\xb6teborg", PER);
    pii_expect(f->det, "can you drop off Sam at practice", PER, "Sam");
    pii_expect(f->det, "please pick up Nadia from the station", PER, "Nadia");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round9_parentheses, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round9_contact_evidence, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round9_topic_then_is, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round9_routing_said_to_fail, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round9_card_outside_table, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round9_firms_and_institutions, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round9_pets, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round9_codenames, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round9_place_prefixes, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round9_firm_mentions, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round9_heading_words, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round9_place_columns, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round9_hyphen_nouns, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
