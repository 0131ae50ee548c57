/* PII detector, round 13 (informal chat, issue 17): lower-case names in informal, code-switched and
 * romanized chat, framed by words of many languages (person_lower_frames.c). New sentences, not taken from
 * any evaluation file; each class has hard negatives: the same frame with a deity, a kinship word alone, a
 * function word of the romanized language, a food, a fictional character or a code word. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pii/names.h"
#include "pii/person.h"
#include "pii_expect.h"
#include "test_util.h"
/* Kinship and honorific particles after a lower-case name: Hindi, Tamil, Telugu, Korean, Japanese, Urdu. */
static void round13_kin_after(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "kal subah tarun bhai ne gaadi bheji thi", SANCTUM_ENTITY_PERSON, "tarun");
    pii_expect(f->det, "nikhil bhaiya se pooch lo", SANCTUM_ENTITY_PERSON, "nikhil");
    pii_expect(f->det, "swati didi aaj late aayengi", SANCTUM_ENTITY_PERSON, "swati");
    pii_expect(f->det, "gaurav ji ka message aaya", SANCTUM_ENTITY_PERSON, "gaurav");
    pii_expect(f->det, "ramesh anna called about the rent", SANCTUM_ENTITY_PERSON, "ramesh");
    pii_expect(f->det, "kamala akka made payasam", SANCTUM_ENTITY_PERSON, "kamala");
    pii_expect(f->det, "srinivas garu is on leave today", SANCTUM_ENTITY_PERSON, "srinivas");
    pii_expect(f->det, "hyunwoo hyung bought the tickets", SANCTUM_ENTITY_PERSON, "hyunwoo");
    pii_expect(f->det, "jisoo unnie is at the cafe", SANCTUM_ENTITY_PERSON, "jisoo");
    pii_expect(f->det, "taeyang oppa didnt reply lol", SANCTUM_ENTITY_PERSON, "taeyang");
    pii_expect(f->det, "haruka senpai helped me study", SANCTUM_ENTITY_PERSON, "haruka");
    pii_expect(f->det, "farzana aapa sent biryani", SANCTUM_ENTITY_PERSON, "farzana");
    pii_expect_none(f->det, "ganesh ji ki aarti ho gayi", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "jai hanuman ji", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "check abi compatibility before release", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "bhai log kal milte hain", SANCTUM_ENTITY_PERSON);
}

/* Kinship titles before a lower-case name: Tagalog, Indonesian, Malay, Nigerian Pidgin, Vietnamese, Spanish. */
static void round13_kin_before(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "kuya rodel will fetch us later", SANCTUM_ENTITY_PERSON, "rodel");
    pii_expect(f->det, "tita lorna is visiting from cebu", SANCTUM_ENTITY_PERSON, "lorna");
    pii_expect(f->det, "tito ramil brought lechon", SANCTUM_ENTITY_PERSON, "ramil");
    pii_expect(f->det, "kakak intan udah sampai", SANCTUM_ENTITY_PERSON, "intan");
    pii_expect(f->det, "mbak ratna lagi di kantor", SANCTUM_ENTITY_PERSON, "ratna");
    pii_expect(f->det, "abang hafiz tunggu kat luar", SANCTUM_ENTITY_PERSON, "hafiz");
    pii_expect(f->det, "oga babatunde don come", SANCTUM_ENTITY_PERSON, "babatunde");
    pii_expect(f->det, "anh quang oi, em den roi", SANCTUM_ENTITY_PERSON, "quang");
    pii_expect(f->det, "tia rosalba trajo el pastel", SANCTUM_ENTITY_PERSON, "rosalba");
    pii_expect_none(f->det, "kuya ko nasa trabaho", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "tita ko from canada", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "uncle ji namaste", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "kak dela, vse normalno?", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "mas tarde te llamo", SANCTUM_ENTITY_PERSON);
}

/* A Japanese or Korean suffix joined by a hyphen. */
static void round13_hyphen_suffix(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "hinata-chan wa kawaii", SANCTUM_ENTITY_PERSON, "hinata");
    pii_expect(f->det, "daiki-kun ga kita", SANCTUM_ENTITY_PERSON, "daiki");
    pii_expect(f->det, "seojin-ah, bap meogeosseo?", SANCTUM_ENTITY_PERSON, "seojin");
    pii_expect_none(f->det, "naruto-kun fanart is peak", SANCTUM_ENTITY_PERSON);
}

/* Greetings and person verbs of many languages, with a preposition between (dile a, bilang ke); names that are no word. */
static void round13_greetings_verbs(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "oye rodrigo, ya llegaste?", SANCTUM_ENTITY_PERSON, "rodrigo");
    pii_expect(f->det, "privet kolya, kak ty?", SANCTUM_ENTITY_PERSON, "kolya");
    pii_expect(f->det, "selam emre, naber", SANCTUM_ENTITY_PERSON, "emre");
    pii_expect(f->det, "hey ishita, class cancel ho gayi", SANCTUM_ENTITY_PERSON, "ishita");
    pii_expect(f->det, "tell ritesh the cab is here", SANCTUM_ENTITY_PERSON, "ritesh");
    pii_expect(f->det, "ask anjali for the pdf", SANCTUM_ENTITY_PERSON, "anjali");
    pii_expect(f->det, "ping tanmay about the deploy", SANCTUM_ENTITY_PERSON, "tanmay");
    pii_expect(f->det, "dile a rodrigo que ya voy", SANCTUM_ENTITY_PERSON, "rodrigo");
    pii_expect(f->det, "bilang ke wulan jangan telat", SANCTUM_ENTITY_PERSON, "wulan");
    pii_expect(f->det, "thanks devika for the notes", SANCTUM_ENTITY_PERSON, "devika");
    pii_expect_none(f->det, "ciao sono a casa", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "hej alla, ses ikväll", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "hey kaisa hai sab", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "call karna jab free ho", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "with chai and pakora", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "hey krishna kya kar diya", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "hey ram kya ho gaya", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "ni hao, ni hao ma", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "ok lang yan", SANCTUM_ENTITY_PERSON);
}

/* A speech verb or particle after the name in several languages. */
static void round13_speech_after(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "nadia skazala chto pridet", SANCTUM_ENTITY_PERSON, "nadia");
    pii_expect(f->det, "petros eipe oti argei", SANCTUM_ENTITY_PERSON, "petros");
    pii_expect(f->det, "hamid said he will be late", SANCTUM_ENTITY_PERSON, "hamid");
    pii_expect_none(f->det, "sugoi ne minna", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "makan di rumah aja", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "wetin dey happen for here", SANCTUM_ENTITY_PERSON);
}

/* me and X, X and me, two given names joined by and in some language. */
static void round13_coordination(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "me and rajat are going to goa", SANCTUM_ENTITY_PERSON, "rajat");
    pii_expect(f->det, "ritika and me r done", SANCTUM_ENTITY_PERSON, "ritika");
    pii_expect(f->det, "ana w rasha rayhin 3al mall", SANCTUM_ENTITY_PERSON, "rasha");
    pii_expect(f->det, "wo he meiling qu chifan", SANCTUM_ENTITY_PERSON, "meiling");
    pii_expect(f->det, "kabir aur priya aa rahe hain", SANCTUM_ENTITY_PERSON, "kabir");
    pii_expect(f->det, "yusuf w maya 3al beach", SANCTUM_ENTITY_PERSON, "maya");
    pii_expect_none(f->det, "me and my friends are going", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "chai and samosa weather", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "kal aur parso dono busy", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "sama sama, no worries", SANCTUM_ENTITY_PERSON);
}

/* A lower-case family name after a framed given name. */
static void round13_full_name(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "hey aarav mehta, welcome to the group", SANCTUM_ENTITY_PERSON, "aarav mehta");
}

/* A possessive given name before a kinship word or a thing people own. */
static void round13_possessive(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "lol anjali's mom called my mom", SANCTUM_ENTITY_PERSON, "anjali");
    pii_expect(f->det, "we r going to ritesh's place after", SANCTUM_ENTITY_PERSON, "ritesh");
    /* the same frames with a word, a tool, a place */
    pii_expect_none(f->det, "python's parents class is weird", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "grandma's house for dinner", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "django's parents field is null", SANCTUM_ENTITY_PERSON);
}

/* The generated list of given names that are everyday words of another language: sorted (the lookup
 * bisects it), holding the words the weak frames must refuse and none of the names they must take. */
static void round13_foreign_word_data(void **state)
{
    (void)state;
    assert_true(pii_informal_tables_check()); /* the frame tables are sorted and the gate is built from them */
    assert_true(sc_names_foreign_count > 1000);
    for (uint32_t i = 1; i < sc_names_foreign_count; i++)
        assert_true(strcmp(sc_names_foreign[i - 1], sc_names_foreign[i]) < 0);
    const char *const in[] = {"sono", "alla", "sou", "mimi"};
    const char *const out[] = {"ankit", "kavya", "rizky", "tunde", "priya"};
    for (size_t k = 0; k < sizeof in / sizeof in[0]; k++) {
        bool found = false;
        for (uint32_t i = 0; i < sc_names_foreign_count && !found; i++)
            found = strcmp(sc_names_foreign[i], in[k]) == 0;
        assert_true(found);
    }
    for (size_t k = 0; k < sizeof out / sizeof out[0]; k++)
        for (uint32_t i = 0; i < sc_names_foreign_count; i++)
            assert_string_not_equal(sc_names_foreign[i], out[k]);
}

/* The frames at the text's very end, from a buffer of exactly the text's bytes (a literal's NUL hid a read one
 * byte past "dile a": ASan runs find it). Each prefix of each text, the second name still found. */
static void round13_frames_at_text_end(void **state)
{
    pii_fixture *f = *state;
    static const char *const TEXTS[] = {"dile a rodrigo", "bilang ke wulan", "rahul bhai", "yuki-chan", "tanvi's mom",
                                        "me and vikram", "hey ravi", NULL};
    for (size_t t = 0; TEXTS[t] != NULL; t++)
        for (size_t n = 0; n <= strlen(TEXTS[t]); n++) {
            uint8_t *text = malloc(n > 0 ? n : 1);
            assert_non_null(text);
            memcpy(text, TEXTS[t], n);
            sanctum_detection *d = NULL;
            sanctum_error err;
            assert_int_equal(sanctum_detect(&d, f->det, text, n, 0, &err), SANCTUM_OK);
            sanctum_free(d);
            free(text);
        }
    pii_expect(f->det, "dile a rodrigo", SANCTUM_ENTITY_PERSON, "rodrigo");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round13_kin_after, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_kin_before, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_hyphen_suffix, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_greetings_verbs, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_speech_after, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_coordination, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_full_name, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_possessive, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_frames_at_text_end, pii_setup, pii_teardown),
        cmocka_unit_test(round13_foreign_word_data),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
