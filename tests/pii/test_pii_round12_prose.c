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

/* A PERSON span whose text is exactly `want` is among the entities (other names may be there too). */
static void expect_person_among(const sanctum_detector *det, const char *text, const char *want)
{
    sanctum_detection *d = pii_run(det, text, 0);
    const char *p = strstr(text, want);
    assert_non_null(p);
    size_t s = (size_t)(p - text), e = s + strlen(want);
    bool found = false;
    for (size_t i = 0; i < d->count; i++)
        found = found || (d->entities[i].type == SANCTUM_ENTITY_PERSON && d->entities[i].start == s &&
                          d->entities[i].end == e);
    if (!found) {
        print_error("expected PERSON \"%s\" in \"%s\"\n", want, text);
        pii_dump(d);
    }
    sanctum_free(d);
    assert_true(found);
}

/* Finnish: genitive -n (with gradation only), the local cases -lle/-lta/-lla/-sta, and the consonant gradation that drops a
 * double k/p/t before them (Jukka -> Jukan, Mikko -> Mikolle). */
static void round12_finnish_cases(void **state)
{
    pii_fixture *f = *state;
    expect_person_among(f->det, "Lainasin auton Jukan kanssa viime viikolla.", "Jukan");
    expect_person_among(f->det, "Kerro terveisiä Mikolle ja Äidille.", "Mikolle");
    expect_person_among(f->det, "Sain eilen Kirsiltä kortin.", "Kirsiltä");
    expect_person_among(f->det, "Soitin Pekalle heti aamulla.", "Pekalle");
    expect_person_among(f->det, "Olimme Sannalla kylässä koko illan.", "Sannalla");
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
    expect_person_among(f->det, "Holnap Zoltánnal megyünk a piacra.", "Zoltánnal");
    expect_person_among(f->det, "Esztérnek küldtem egy levelet.", "Esztérnek");
    expect_person_among(f->det, "Tegnap Katalinnal és Évával beszélgettem.", "Katalinnal");
    expect_person_among(f->det, "Tegnap Katalinnal és Évával beszélgettem.", "Évával");
    expect_person_among(f->det, "A könyvet Ilonától kaptam.", "Ilonától");
    pii_expect_none(f->det, "A vonat Budapestről Szegedre megy.", SANCTUM_ENTITY_PERSON);
}

/* Polish and Czech: instrumental -ą/-em/-kiem, accusative -ę, dative -owi/-ovi, Czech -ou. */
static void round12_west_slavic_cases(void **state)
{
    pii_fixture *f = *state;
    expect_person_among(f->det, "Byłam w kinie z Magdaleną i jej bratem.", "Magdaleną");
    expect_person_among(f->det, "Widziałam wczoraj Katarzynę na rynku.", "Katarzynę");
    expect_person_among(f->det, "Proszę przekazać Tomaszowi klucze.", "Tomaszowi");
    expect_person_among(f->det, "Rozmawiałem z Markiem o wyjazdach.", "Markiem");
    expect_person_among(f->det, "Do kina poszłam z Michałem i Pawłem.", "Pawłem");
    expect_person_among(f->det, "Poslal jsem to Janovi a jeho sestre.", "Janovi");
    expect_person_among(f->det, "Byla jsem v divadle s Terezou.", "Terezou");
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
    expect_person_among(f->det, "Vakar parašiau laišką Lukui ir jo seseriai.", "Lukui");
    expect_person_among(f->det, "Rytoj susitiksiu su Jonu prie bibliotekos.", "Jonu");
    /* Hungarian adjectives of places in -i are no Lithuanian dative (Amerikai, Római) */
    pii_expect_none(f->det, "Az amerikai és a Római Birodalom története; Amerikai filmek.", SANCTUM_ENTITY_PERSON);
    expect_person_among(f->det, "Sutra idem na kavu s Goranom i njegovom sestrom.", "Goranom");
    expect_person_among(f->det, "Pozdravi Mirjanu i djecu od mene.", "Mirjanu");
    expect_person_among(f->det, "Ég hitti Guðrúnu og Helgu á kaffihúsinu.", "Helgu");
    pii_expect_none(f->det, "Putujemo iz Zagreba u Split, pa onda u Dubrovniku.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "The Menu and the Haiku were printed by Tofu Press.", SANCTUM_ENTITY_PERSON);
}

/* Russian and Ukrainian names in -ей/-ій: dative -ею, instrumental -еем/-ієм. */
static void round12_cyrillic_soft_stems(void **state)
{
    pii_fixture *f = *state;
    /* "Передай Андрею, что собрание завтра." (tell Andrey the meeting is tomorrow) */
    expect_person_among(f->det, "Передай Андрею, что собрание завтра.",
                        "Андрею");
    /* "Мы ужинали с Алексеем и Ольгой." (we had dinner with Aleksey and Olga) */
    expect_person_among(f->det, "Мы ужинали с Алексеем и Ольгой.",
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
    expect_person_among(f->det, "Rakas Tuula, kiitos kortista ja terveisiä kaikille.", "Tuula");
    expect_person_among(f->det, "Kære Birgitte, tak for sidst og god weekend.", "Birgitte");
    expect_person_among(f->det, "Kjære Ingrid, vi gleder oss til å se deg.", "Ingrid");
    expect_person_among(f->det, "Kära Astrid, tack för det fina brevet.", "Astrid");
    expect_person_among(f->det, "Dragă Corina, îți mulțumesc pentru invitație.", "Corina");
    expect_person_among(f->det, "Draga Vesna, hvala ti na pozivu.", "Vesna");
    expect_person_among(f->det, "Drogi Zbigniew, dziękuję za list.", "Zbigniew");
    expect_person_among(f->det, "Milá Zdeňka, děkuji za pozvání.", "Zdeňka");
    expect_person_among(f->det, "Kedves Katalin, köszönöm a levelét.", "Katalin");
    expect_person_among(f->det, "Benvolgut Narcís, et confirmo la reserva.", "Narcís");
    expect_person_among(f->det, "Estimada Remedios, le escribo para confirmar la cita.", "Remedios");
    expect_person_among(f->det, "Prezada Conceição, segue em anexo o contrato.", "Conceição");
    expect_person_among(f->det, "Gentile Ornella, le invio il programma.", "Ornella");
    expect_person_among(f->det, "Lieve Anneke, bedankt voor de bloemen.", "Anneke");
    expect_person_among(f->det, "Sevgili Elif, davetin için teşekkürler.", "Elif");
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
