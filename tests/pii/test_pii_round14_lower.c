/* PII detector, round 14 (informal chat, issue 17): lower-case names round 13 left (person_lower_frames.c):
 * a name opening a message or a line before a request ("sofia pls ..."), a lower-case speaker line
 * ("ollie: ..."), and two-word or accented frames ("how far X", "dis à X"). New sentences, not taken from any
 * evaluation file; each class has hard negatives: the same frame with a word that is also a name (will, mark,
 * grace, rose, bill, sunny, dev, jack, hope), a place, a brand or software, a fictional character. */
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
#include "sweep.h"
#include "test_util.h"

/* A given name that opens a message or a line, before a request: "pls", "plz", "please", "can u", "could
 * you" ("can u", "u there" are left: asking about every "can" and "u" cost bench_pii 3 %). */
static void round14_opener_request(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "zeynep could you send the slides tonight", SANCTUM_ENTITY_PERSON, "zeynep");
    pii_expect(f->det, "arjun pls check the pr when free", SANCTUM_ENTITY_PERSON, "arjun");
    pii_expect(f->det, "priyanka plz call me back", SANCTUM_ENTITY_PERSON, "priyanka");
    pii_expect(f->det, "mateus could you grab bread on the way", SANCTUM_ENTITY_PERSON, "mateus");
    pii_expect(f->det, "nkechi plz answer ur phone", SANCTUM_ENTITY_PERSON, "nkechi");
    pii_expect(f->det, "ok thanks\nyusuf please reply to the group", SANCTUM_ENTITY_PERSON, "yusuf");
    pii_expect(f->det, "bartosz could u pick up the keys", SANCTUM_ENTITY_PERSON, "bartosz");
    pii_expect(f->det, "aigerim pls send the photos", SANCTUM_ENTITY_PERSON, "aigerim");
    pii_expect_none(f->det, "will pls check the build", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "mark pls as resolved", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "grace please is a hymn", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "bill pls pay before friday", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "sunny could u believe it", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "dev can you deploy is the question", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "paris could you recommend a hotel", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "kafka can you explain the consumer groups", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "alexa can you play music", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "ubuntu can you boot from usb", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "tmux pls stop eating my keys", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "lorem ipsum\nmy_var could u be null", SANCTUM_ENTITY_PERSON);
}

/* A given name that opens a message or a line before a verb: "wants", "needs", "cant", "didnt", "wont" (the
 * commoner "got", "has", "was" are left for speed: "kavya got married"). */
static void round14_opener_verb(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "kavya needs the car tonight!!", SANCTUM_ENTITY_PERSON, "kavya");
    pii_expect(f->det, "omg\nsiddharth wont answer again", SANCTUM_ENTITY_PERSON, "siddharth");
    pii_expect(f->det, "thandiwe wants to come too", SANCTUM_ENTITY_PERSON, "thandiwe");
    pii_expect(f->det, "joaquin wants the blue one", SANCTUM_ENTITY_PERSON, "joaquin");
    pii_expect(f->det, "ingrid cant make it tonight", SANCTUM_ENTITY_PERSON, "ingrid");
    pii_expect(f->det, "malika didnt reply yet", SANCTUM_ENTITY_PERSON, "malika");
    pii_expect_none(f->det, "hope wont fix this", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "grace needs no words", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "jack needs a new cable", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "rose wants more sun", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "dev cant reproduce it", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "london wants more trains", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "nginx cant bind port 80", SANCTUM_ENTITY_PERSON);
    /* one interjection may stand before the name */
    pii_expect(f->det, "omg thandiwe needs a lift", SANCTUM_ENTITY_PERSON, "thandiwe");
    pii_expect(f->det, "bruh joaquin wants a refund now", SANCTUM_ENTITY_PERSON, "joaquin");
    pii_expect(f->det, "ok ingrid pls call me", SANCTUM_ENTITY_PERSON, "ingrid");
    pii_expect_none(f->det, "omg grace wants an encore", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "lol docker cant pull again", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "the ingrid cant be full", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "python cant find the module", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "sparkle needs new bedding", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "gandalf wont let them pass", SANCTUM_ENTITY_PERSON);
}

/* A lower-case speaker line: a given name at the start of a line, a colon and a space. */
static void round14_speaker_line(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "ollie: running late, save me a seat", SANCTUM_ENTITY_PERSON, "ollie");
    pii_expect(f->det, "me: where r u\ndimitri: omw", SANCTUM_ENTITY_PERSON, "dimitri");
    pii_expect(f->det, "ok\nfatoumata: i sent it already", SANCTUM_ENTITY_PERSON, "fatoumata");
    pii_expect(f->det, "henrik: ja det gör vi", SANCTUM_ENTITY_PERSON, "henrik");
    pii_expect_none(f->det, "note: the build is green", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "hope: a novel about rain", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "jack: a socket for audio", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "rose: 12 stems in the order", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "python: 3.12 required", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "berlin: rain all week", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "usage: sofia [options]", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "x = {sofia: 1, arjun: 2}", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "http://example.com/sofia: 404", SANCTUM_ENTITY_PERSON);
}

/* Two-word and accented frames: Nigerian Pidgin "how far X", French and Portuguese "dis à X", "diz à X". */
static void round14_two_word_frames(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "how far chinedu, you don land?", SANCTUM_ENTITY_PERSON, "chinedu");
    pii_expect(f->det, "how far emeka", SANCTUM_ENTITY_PERSON, "emeka");
    pii_expect(f->det, "dis à mathilde que je suis là", SANCTUM_ENTITY_PERSON, "mathilde");
    pii_expect(f->det, "dile à rodrigo", SANCTUM_ENTITY_PERSON, "rodrigo");
    pii_expect_none(f->det, "how far lagos is from abuja", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "how far along is the build", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "how far grace goes", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "dis à paris que je reviens", SANCTUM_ENTITY_PERSON);
    /* greetings and verbs written with their accents */
    pii_expect(f->det, "cześć agnieszka, idziemy?", SANCTUM_ENTITY_PERSON, "agnieszka");
    pii_expect(f->det, "dì a federico che arrivo", SANCTUM_ENTITY_PERSON, "federico");
    pii_expect(f->det, "olá thiago, tudo bem?", SANCTUM_ENTITY_PERSON, "thiago");
    pii_expect(f->det, "cześć kasiu", SANCTUM_ENTITY_PERSON, "kasiu");
    pii_expect_none(f->det, "cześć wszystkim", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "olá lisboa", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "dì a tutti che arrivo", SANCTUM_ENTITY_PERSON);
}

/* Declined given names after a Polish or Russian frame: the dative and the vocative ("powiedz tomkowi",
 * "skazhi olegu", "peredai mashe", "czesc kasiu"); the base is a given name that is no word. */
static void round14_declined(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "powiedz tomkowi ze jutro nie przyjde", SANCTUM_ENTITY_PERSON, "tomkowi");
    pii_expect(f->det, "skazhi olegu chto ya opozdayu", SANCTUM_ENTITY_PERSON, "olegu");
    pii_expect(f->det, "peredai svetlane privet", SANCTUM_ENTITY_PERSON, "svetlane");
    pii_expect(f->det, "czesc kasiu, co slychac", SANCTUM_ENTITY_PERSON, "kasiu");
    pii_expect(f->det, "powiedz pawlowi o spotkaniu", SANCTUM_ENTITY_PERSON, "pawlowi");
    pii_expect_none(f->det, "powiedz wszystkim ze jest zebranie", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "skazhi spasibo", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "peredai moskve privet", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "tell everyone the news", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "hey there, anyone around", SANCTUM_ENTITY_PERSON);
}

/* Round 14's frames at the text's very end and very start, from a buffer of exactly the text's bytes (a
 * literal's NUL would hide a read past the end; ASan runs find it): every prefix and every suffix of each text
 * (a cut inside a character is refused as invalid UTF-8). */
static void round14_frames_at_text_edges(void **state)
{
    pii_fixture *f = *state;
    static const char *const TEXTS[] = {
        "omg kavya pls check", "zeynep could you", "nkechi u there", "ollie: running late", "[10:02] ollie: hi",
        "how far chinedu", "cze\xc5\x9b\xc4\x87 kasia", "d\xc3\xac a marco", "dis \xc3\xa0 th\xc3\xa9o",
        "powiedz tomkowi", "peredai svetlane", "the Grace Hopper auditorium", "Jomo Kenyatta suite 412",
        "Lieber Herr Direktor", "Monsieur le Maire", "der Hund hei\xc3\x9f" "t Bruno", "Bella's jabs",
        "Room: Brunel", "The sample form says John Doe", "tanvi\xe2\x80\x99s mom", NULL};
    pii_expect_clean_edges(f->det, TEXTS);
    pii_expect(f->det, "how far chinedu", SANCTUM_ENTITY_PERSON, "chinedu");
}

/* An allocation that fails while the lower-case frames emit (the candidate array grows several times in a
 * chat of requests, speakers, greetings and declined names) gives SANCTUM_E_NOMEM, no partial output, no leak. */
static sanctum_status op_detect_chat(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    (void)ctx;
    const sanctum_detector *det = user;
    static const char *const LINES[] = {"arjun pls check the pr\n", "ollie: running late\n", "how far chinedu\n",
                                        "cze\xc5\x9b\xc4\x87 kasia\n", "powiedz tomkowi ze jutro\n"};
    char text[4096];
    size_t n = 0;
    for (int i = 0; i < 100; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "%s", LINES[i % 5]);
    sanctum_detection *d = NULL;
    sanctum_status st = sanctum_detect(&d, det, (const uint8_t *)text, n, SANCTUM_DETECT_EXPLAIN, err);
    if (st == SANCTUM_OK && (d == NULL || d->count < 100))
        st = SANCTUM_E_INTERNAL;
    sanctum_free(d);
    return st;
}

static void round14_allocation_failures(void **state)
{
    pii_fixture *f = *state;
    assert_sweep_clean(f->ctx, op_detect_chat, f->det);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round14_opener_request, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round14_opener_verb, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round14_speaker_line, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round14_two_word_frames, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round14_declined, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round14_allocation_failures, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round14_frames_at_text_edges, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
