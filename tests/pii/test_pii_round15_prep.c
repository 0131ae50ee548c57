/* PII detector, round 15 (issue 17), full names after a preposition that usually takes a place: "a",
 * "à", "da", "en", "in", "para", "chez", "zu", "naar", "till", "do", "u" + a known given name + a known
 * surname. New sentences (not taken from any evaluation file); positives and hard negatives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pii_expect.h"

/* Given name + surname after the preposition, in 10+ languages: the pair outweighs the place frame. */
static void round15_prep_full_name(void **state)
{
    const sanctum_detector *d = pii_det(state);
    const int32_t P = SANCTUM_ENTITY_PERSON;
    /* Italian "a" after verbs that are no calling verb */
    pii_expect(d, "Per la fattura rivolgetevi a Chiara Bassi in amministrazione.", P, "Chiara Bassi");
    pii_expect(d, "Ho consegnato il pacco a Lucia Bianchi stamattina.", P, "Lucia Bianchi");
    pii_expect(d, "Consegna le chiavi a Paolo Greco, grazie.", P, "Paolo Greco");
    /* Spanish */
    pii_expect(d, "D\xc3\xa1selo a Mar\xc3\xad" "a L\xc3\xb3pez cuando llegue.", P, "Mar\xc3\xad" "a L\xc3\xb3pez");
    pii_expect(d, "Dile a Jos\xc3\xa9 Mart\xc3\xadnez que el informe est\xc3\xa1 listo.", P, "Jos\xc3\xa9 Mart\xc3\xadnez");
    pii_expect(d, "Env\xc3\xad" "a la factura a Carmen Ruiz.", P, "Carmen Ruiz");
    /* Portuguese */
    pii_expect(d, "Pergunte a Ana Souza sobre o contrato.", P, "Ana Souza");
    pii_expect(d, "Mande os documentos para Jo\xc3\xa3o Silva amanh\xc3\xa3.", P, "Jo\xc3\xa3o Silva");
    /* French, German, Dutch, Swedish, Polish, Croatian, Catalan */
    pii_expect(d, "J'ai transf\xc3\xa9r\xc3\xa9 le dossier \xc3\xa0 Pierre Martin hier.", P, "Pierre Martin");
    pii_expect(d, "On d\xc3\xaene chez Claire Lef\xc3\xa8vre ce soir.", P, "Claire Lef\xc3\xa8vre");
    pii_expect(d, "Bring die Unterlagen zu Anna Schmidt.", P, "Anna Schmidt");
    pii_expect(d, "Stuur de offerte naar Pieter Jansen.", P, "Pieter Jansen");
    pii_expect(d, "Skicka fakturan till Erik Johansson.", P, "Erik Johansson");
    pii_expect(d, "Prosz\xc4\x99 przekaza\xc4\x87 do Anny Kowalskiej.", P, "Anny Kowalskiej");
    pii_expect(d, "Javi se u Ivana Horvata.", P, "Ivana Horvata");
    pii_expect(d, "Digues a Jordi Ferrer que vingui dem\xc3\xa0.", P, "Jordi Ferrer");
    /* a phone number after the name keeps both */
    pii_expect(d, "Rivolgersi a Chiara Bassi (02 5518 2297)", P, "Chiara Bassi");
}

/* The same frames with real places, two-word places and places named like people: no PERSON. */
static void round15_prep_places(void **state)
{
    const sanctum_detector *d = pii_det(state);
    const int32_t P = SANCTUM_ENTITY_PERSON;
    pii_expect_none(d, "Viajamos a San Jos\xc3\xa9 el lunes.", P);
    pii_expect_none(d, "On part \xc3\xa0 Saint Louis demain.", P);
    pii_expect_none(d, "Trabajo en Santa Clara desde marzo.", P);
    pii_expect_none(d, "Domani andiamo a Villa Ada con i bambini.", P);
    pii_expect_none(d, "We moved in Charlotte last spring.", P);
    pii_expect_none(d, "Walk to Victoria Station and turn left.", P);
    pii_expect_none(d, "Vou para Santa Maria no fim de semana.", P);
    pii_expect_none(d, "Andiamo a Roma sabato.", P);
    pii_expect_none(d, "Nos vemos a Monte Carlo.", P);
    pii_expect_none(d, "Mi trasferisco a Porto Alegre.", P);
    pii_expect_none(d, "Ci vediamo a Porta Romana alle otto.", P);
    pii_expect_none(d, "Fui a Santa Cruz de Tenerife.", P);
    /* a place noun after the pair: a street or a station named after a person */
    pii_expect_none(d, "Ci vediamo a Marco Rossi Station.", P);
    pii_expect_none(d, "Ci vediamo a Marco Rossi Piazza.", P);
    pii_expect_none(d, "Lo trovi a Paolo Conti Airport.", P);
    /* English "a" + a brand named like a person */
    pii_expect_none(d, "She bought a Calvin Klein dress.", P);
    pii_expect_none(d, "He drives a John Deere tractor.", P);
    pii_expect_none(d, "After dinner she ordered a Tom Collins.", P);
    pii_expect_none(d, "I'd love a Jack Daniels with ice.", P);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round15_prep_full_name, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_prep_places, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
