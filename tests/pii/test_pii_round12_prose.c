/* PII detector, round 12 (prose): given names written in a grammatical case of a language that declines
 * them (Finnish, Hungarian, Polish, Czech, Lithuanian, Croatian, Icelandic, Russian, Ukrainian), in new
 * sentences (not taken from any evaluation file); positives and hard negatives (places, common words and
 * English words with the same endings). */
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

/* Finnish: genitive -n (with gradation only), the local cases -lle/-lta/-lla/-sta, and the consonant gradation
 * that drops a double k/p/t before them (Jukka -> Jukan, Mikko -> Mikolle). */
static void round12_finnish_cases(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "Lainasin auton Jukan kanssa viime viikolla.", SANCTUM_ENTITY_PERSON, "Jukan");
    pii_expect(f->det, "Kerro terveisiä Mikolle ja Äidille.", SANCTUM_ENTITY_PERSON, "Mikolle");
    pii_expect(f->det, "Sain eilen Kirsiltä kortin.", SANCTUM_ENTITY_PERSON, "Kirsiltä");
    pii_expect(f->det, "Soitin Pekalle heti aamulla.", SANCTUM_ENTITY_PERSON, "Pekalle");
    pii_expect(f->det, "Olimme Sannalla kylässä koko illan.", SANCTUM_ENTITY_PERSON, "Sannalla");
    /* places and words in the same cases are no names */
    pii_expect_none(f->det, "Matkustimme Helsingistä Tampereelle junalla.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Even so, the Lean approach and the Bean counter stayed.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "The Italian and Russian editions sold out in Milan.", SANCTUM_ENTITY_PERSON);
}

/* Hungarian: -val/-vel (assimilated to a doubled consonant: Gáborral), -nak/-nek, -tól/-től, -hoz/-hez,
 * with the stem's final a/e lengthened (Annával, Évával). */
static void round12_hungarian_cases(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "Holnap Zoltánnal megyünk a piacra.", SANCTUM_ENTITY_PERSON, "Zoltánnal");
    pii_expect(f->det, "Esztérnek küldtem egy levelet.", SANCTUM_ENTITY_PERSON, "Esztérnek");
    pii_expect(f->det, "Tegnap Katalinnal és Évával beszélgettem.", SANCTUM_ENTITY_PERSON, "Katalinnal");
    pii_expect(f->det, "Tegnap Katalinnal és Évával beszélgettem.", SANCTUM_ENTITY_PERSON, "Évával");
    pii_expect(f->det, "A könyvet Ilonától kaptam.", SANCTUM_ENTITY_PERSON, "Ilonától");
    pii_expect_none(f->det, "A vonat Budapestről Szegedre megy.", SANCTUM_ENTITY_PERSON);
}

/* Polish and Czech: instrumental -ą/-em/-kiem, accusative -ę, dative -owi/-ovi, Czech -ou. */
static void round12_west_slavic_cases(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "Byłam w kinie z Magdaleną i jej bratem.", SANCTUM_ENTITY_PERSON, "Magdaleną");
    pii_expect(f->det, "Widziałam wczoraj Katarzynę na rynku.", SANCTUM_ENTITY_PERSON, "Katarzynę");
    pii_expect(f->det, "Proszę przekazać Tomaszowi klucze.", SANCTUM_ENTITY_PERSON, "Tomaszowi");
    pii_expect(f->det, "Rozmawiałem z Markiem o wyjazdach.", SANCTUM_ENTITY_PERSON, "Markiem");
    pii_expect(f->det, "Do kina poszłam z Michałem i Pawłem.", SANCTUM_ENTITY_PERSON, "Pawłem");
    pii_expect(f->det, "Poslal jsem to Janovi a jeho sestre.", SANCTUM_ENTITY_PERSON, "Janovi");
    pii_expect(f->det, "Byla jsem v divadle s Terezou.", SANCTUM_ENTITY_PERSON, "Terezou");
    pii_expect_none(f->det, "Lecimy z Warszawy do Krakowa i Gdańska.", SANCTUM_ENTITY_PERSON);
    /* a short given name that is also an adjective, in the same case before a place noun */
    pii_expect_none(f->det, "W sobotę jedziemy na Jasną Górę, a potem na Nową Hutę.", SANCTUM_ENTITY_PERSON);
    /* Hungarian -em "my" is no instrumental: "Bennem bízhatsz. Éttermem nyitva." */
    pii_expect_none(f->det, "Bennem bízhatsz, a Kertem és az Éttermem nyitva van.", SANCTUM_ENTITY_PERSON);
}

/* Lithuanian, Croatian/Serbian and Icelandic: Lukas -> Lukui, Jonas -> Jonu, Ivan -> Ivanom, Mirjana -> Mirjanu,
 * Helga -> Helgu; a city in the locative (Zagrebu, Londynu) is none. */
static void round12_baltic_south_slavic_cases(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "Vakar parašiau laišką Lukui ir jo seseriai.", SANCTUM_ENTITY_PERSON, "Lukui");
    pii_expect(f->det, "Rytoj susitiksiu su Jonu prie bibliotekos.", SANCTUM_ENTITY_PERSON, "Jonu");
    /* Hungarian adjectives of places in -i are no Lithuanian dative (Amerikai, Római) */
    pii_expect_none(f->det, "Az amerikai és a Római Birodalom története; Amerikai filmek.", SANCTUM_ENTITY_PERSON);
    pii_expect(f->det, "Sutra idem na kavu s Goranom i njegovom sestrom.", SANCTUM_ENTITY_PERSON, "Goranom");
    pii_expect(f->det, "Pozdravi Mirjanu i djecu od mene.", SANCTUM_ENTITY_PERSON, "Mirjanu");
    pii_expect(f->det, "Ég hitti Guðrúnu og Helgu á kaffihúsinu.", SANCTUM_ENTITY_PERSON, "Helgu");
    pii_expect_none(f->det, "Putujemo iz Zagreba u Split, pa onda u Dubrovniku.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "The Menu and the Haiku were printed by Tofu Press.", SANCTUM_ENTITY_PERSON);
}

/* Russian and Ukrainian names in -ей/-ій: dative -ею, instrumental -еем/-ієм. */
static void round12_cyrillic_soft_stems(void **state)
{
    pii_fixture *f = *state;
    /* "Передай Андрею, что собрание завтра." (tell Andrey the meeting is tomorrow) */
    pii_expect(f->det, "Передай Андрею, что собрание завтра.", SANCTUM_ENTITY_PERSON,
                        "Андрею");
    /* "Мы ужинали с Алексеем и Ольгой." (we had dinner with Aleksey and Olga) */
    pii_expect(f->det, "Мы ужинали с Алексеем и Ольгой.", SANCTUM_ENTITY_PERSON,
                        "Алексеем");
    /* no name: "Музей закрыт по понедельникам." (the museum is closed on Mondays) */
    pii_expect_none(f->det, "Музей закрыт по понедельникам.",
                    SANCTUM_ENTITY_PERSON);
}

/* The salutation of a letter in the languages of Europe (Finnish, Danish, Norwegian, Swedish, Romanian,
 * Croatian, Polish, Czech, Hungarian, Catalan, Spanish, Portuguese, Italian, Dutch, Turkish) before a given
 * name is no part of the name, also where it is a name or surname in some locale (Rakas, Lieve, Draga,
 * Prezada before a surname-only key); the same words before a lower-case noun are no name. */
static void round12_letter_salutations(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "Rakas Tuula, kiitos kortista ja terveisiä kaikille.", SANCTUM_ENTITY_PERSON, "Tuula");
    pii_expect(f->det, "Kære Birgitte, tak for sidst og god weekend.", SANCTUM_ENTITY_PERSON, "Birgitte");
    pii_expect(f->det, "Kjære Ingrid, vi gleder oss til å se deg.", SANCTUM_ENTITY_PERSON, "Ingrid");
    pii_expect(f->det, "Kära Astrid, tack för det fina brevet.", SANCTUM_ENTITY_PERSON, "Astrid");
    pii_expect(f->det, "Dragă Corina, îți mulțumesc pentru invitație.", SANCTUM_ENTITY_PERSON, "Corina");
    pii_expect(f->det, "Draga Vesna, hvala ti na pozivu.", SANCTUM_ENTITY_PERSON, "Vesna");
    pii_expect(f->det, "Drogi Zbigniew, dziękuję za list.", SANCTUM_ENTITY_PERSON, "Zbigniew");
    pii_expect(f->det, "Milá Zdeňka, děkuji za pozvání.", SANCTUM_ENTITY_PERSON, "Zdeňka");
    pii_expect(f->det, "Kedves Katalin, köszönöm a levelét.", SANCTUM_ENTITY_PERSON, "Katalin");
    pii_expect(f->det, "Benvolgut Narcís, et confirmo la reserva.", SANCTUM_ENTITY_PERSON, "Narcís");
    pii_expect(f->det, "Estimada Remedios, le escribo para confirmar la cita.", SANCTUM_ENTITY_PERSON, "Remedios");
    pii_expect(f->det, "Prezada Conceição, segue em anexo o contrato.", SANCTUM_ENTITY_PERSON, "Conceição");
    pii_expect(f->det, "Gentile Ornella, le invio il programma.", SANCTUM_ENTITY_PERSON, "Ornella");
    pii_expect(f->det, "Lieve Anneke, bedankt voor de bloemen.", SANCTUM_ENTITY_PERSON, "Anneke");
    pii_expect(f->det, "Sevgili Elif, davetin için teşekkürler.", SANCTUM_ENTITY_PERSON, "Elif");
    /* plurals, roles and nouns after the same words */
    pii_expect_none(f->det, "Estimado cliente, su pedido ha sido enviado.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Hyvä asiakas, tilauksesi on lähetetty.", SANCTUM_ENTITY_PERSON);
    /* the Turkish "Sayın" addresses groups too ("Sayın Velilerimiz", dear parents): it is no greeting
     * that vouches for an unknown word */
    pii_expect_none(f->det, "Sayın Velilerimiz, toplantı Cuma günü yapılacaktır.", SANCTUM_ENTITY_PERSON);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round12_finnish_cases, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round12_hungarian_cases, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round12_west_slavic_cases, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round12_baltic_south_slavic_cases, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round12_cyrillic_soft_stems, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round12_letter_salutations, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
