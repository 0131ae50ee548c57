/* The labelled evaluation (tests/pii/eval): prints per-type precision/recall/F1 and the share of
 * entity-free cases touched, and fails below the floors of issue 4. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "eval_score.h"
#include "test_util.h"

static const char *const FILES[] = {SANCTUM_SOURCE_DIR "/tests/pii/eval/generated.txt",
                                    SANCTUM_SOURCE_DIR "/tests/pii/eval/handwritten.txt",
                                    SANCTUM_SOURCE_DIR "/tests/pii/eval/holdout.txt"};

static void floors_hold(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_detector *det = NULL;
    assert_int_equal(sanctum_detector_new(&det, ctx, NULL, NULL), SANCTUM_OK);
    eval_result r;
    assert_int_equal(eval_files(det, FILES, 3, &r, getenv("PII_EVAL_VERBOSE") ? stdout : NULL), 0);
    eval_print(stdout, &r);
    assert_true(r.cases >= 500);
    assert_true(eval_recall(&r.per[SANCTUM_ENTITY_EMAIL_ADDRESS]) >= 0.98);
    assert_true(eval_recall(&r.per[SANCTUM_ENTITY_CREDIT_CARD]) >= 0.98);
    assert_true(eval_recall(&r.per[SANCTUM_ENTITY_US_SSN]) >= 0.98);
    assert_true(eval_recall(&r.per[SANCTUM_ENTITY_IBAN_CODE]) >= 0.98);
    assert_true(eval_recall(&r.per[SANCTUM_ENTITY_PHONE_NUMBER]) >= 0.95);
    assert_true(eval_recall(&r.per[SANCTUM_ENTITY_PERSON]) >= 0.90);
    assert_true(eval_recall(&r.per[SANCTUM_ENTITY_US_BANK_NUMBER]) >= 0.90);
    for (int t = 0; t < SANCTUM_ENTITY_COUNT; t++)
        assert_true(eval_precision(&r.per[t]) >= 0.90);
    assert_true(r.free_cases >= 150);
    assert_true((double)r.free_touched <= 0.03 * (double)r.free_cases);
    sanctum_free(det);
    test_ctx_free_checked(ctx);
}

/* holdout2.txt, written before the second round of PERSON fixes and scored on its own with looser
 * floors: it measures text the rules were not tuned on (docs/pii.md has its first run). */
static void holdout2_floors(void **state)
{
    (void)state;
    static const char *const H2[] = {SANCTUM_SOURCE_DIR "/tests/pii/eval/holdout2.txt"};
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_detector *det = NULL;
    assert_int_equal(sanctum_detector_new(&det, ctx, NULL, NULL), SANCTUM_OK);
    eval_result r;
    assert_int_equal(eval_files(det, H2, 1, &r, getenv("PII_EVAL_VERBOSE") ? stdout : NULL), 0);
    printf("holdout2.txt alone:\n");
    eval_print(stdout, &r);
    assert_true(r.cases >= 40);
    assert_true(eval_recall(&r.per[SANCTUM_ENTITY_PERSON]) >= 0.80);
    assert_true(eval_precision(&r.per[SANCTUM_ENTITY_PERSON]) >= 0.85);
    assert_true((double)r.free_touched <= 0.10 * (double)r.free_cases);
    sanctum_free(det);
    test_ctx_free_checked(ctx);
}

/* holdout3.txt (issue 17), written before the third round of detector changes and scored on its own with
 * the targets (its first run is in docs/pii.md): at most 5 % of entities left in clear, PERSON
 * recall >= 0.92, e-mail >= 0.98, phone >= 0.95, SSN >= 0.97, at most 3 % of entity-free cases touched. */
static void holdout3_targets(void **state)
{
    (void)state;
    static const char *const H3[] = {SANCTUM_SOURCE_DIR "/tests/pii/eval/holdout3.txt"};
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_detector *det = NULL;
    assert_int_equal(sanctum_detector_new(&det, ctx, NULL, NULL), SANCTUM_OK);
    eval_result r;
    assert_int_equal(eval_files(det, H3, 1, &r, getenv("PII_EVAL_VERBOSE") ? stdout : NULL), 0);
    printf("holdout3.txt alone:\n");
    eval_print(stdout, &r);
    assert_true(r.cases >= 250);
    assert_true(r.free_cases >= 75);
    size_t gold = 0;
    for (int t = 0; t < SANCTUM_ENTITY_COUNT; t++)
        gold += r.per[t].gold;
    assert_true((double)r.leaked <= 0.05 * (double)gold);
    assert_true(eval_recall(&r.per[SANCTUM_ENTITY_PERSON]) >= 0.92);
    assert_true(eval_recall(&r.per[SANCTUM_ENTITY_EMAIL_ADDRESS]) >= 0.98);
    assert_true(eval_recall(&r.per[SANCTUM_ENTITY_PHONE_NUMBER]) >= 0.95);
    assert_true(eval_recall(&r.per[SANCTUM_ENTITY_US_SSN]) >= 0.97);
    assert_true(eval_recall(&r.per[SANCTUM_ENTITY_CREDIT_CARD]) >= 0.95);
    assert_true((double)r.free_touched <= 0.03 * (double)r.free_cases);
    sanctum_free(det);
    test_ctx_free_checked(ctx);
}

/* Scores one blind-written held-out file alone and prints its table: a measure, not a target (no floors);
 * only asserts that the file loads and has at least min_cases cases. */
static void measure_alone(const char *name, size_t min_cases)
{
    char path[512];
    snprintf(path, sizeof path, "%s/tests/pii/eval/%s", SANCTUM_SOURCE_DIR, name);
    const char *const files[] = {path};
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_detector *det = NULL;
    assert_int_equal(sanctum_detector_new(&det, ctx, NULL, NULL), SANCTUM_OK);
    /* The blind sets of the current round print their table only, never their cases, even with
     * PII_EVAL_VERBOSE: whoever tunes rules must not see what they miss. */
    static const char *const BLIND[] = {"holdout20.txt", "holdout21.txt", "holdout22.txt"};
    bool blind = false;
    for (size_t i = 0; i < sizeof BLIND / sizeof BLIND[0]; i++)
        blind = blind || strcmp(name, BLIND[i]) == 0;
    eval_result r;
    assert_int_equal(eval_files(det, files, 1, &r, getenv("PII_EVAL_VERBOSE") && !blind ? stdout : NULL), 0);
    printf("%s alone:\n", name);
    eval_print(stdout, &r);
    assert_true(r.cases >= min_cases);
    sanctum_free(det);
    test_ctx_free_checked(ctx);
}

/* holdout4.txt to holdout17.txt were each written blind (without the detector's source, its name lists,
 * docs/pii.md or the other eval files) and committed before they were first scored; holdout4.txt to
 * holdout6.txt each later became the development set of the next round, holdout7.txt never did (docs/pii.md,
 * "What unseen text says"); holdout8.txt to holdout17.txt (issue 17) are the newest: holdout9.txt is work and
 * tech text, holdout10.txt personal, family and community chat in many languages and scripts, holdout11.txt
 * formal documents and transactions, holdout12.txt what people ask an assistant about their own lives and
 * jobs (support chats, health, HR, travel, banking, tenancy, school; more numbers of every type), holdout13.txt
 * spoken and social text (transcripts, posts, chat exports, contact cards) and what agents pass around
 * (tool-call JSON, memory notes), holdout14.txt what developers and operators paste into a coding or ops
 * assistant (logs, stack traces, config, SQL, exports, fixtures, git trailers, tickets, post-mortems,
 * LDAP entries, code comments in many languages; hard negatives named like people), holdout15.txt longer
 * prose people ask an assistant to write, edit, summarise or translate (letters, CVs, references, speeches,
 * obituaries, newsletters, school, medical, tenancy and insurance letters, minutes, genealogy), holdout16.txt
 * business operations brought to an assistant (recruiting, reviews, rosters, onboarding, payroll, expenses,
 * sales and CRM notes, vendor mail, travel, board updates, rotas; companies, rooms and projects named like
 * people), holdout17.txt online communities, hobbies and creative work (Discord and Twitch chat, game lobbies,
 * esports rosters, tabletop notes, fan fiction and wikis, clubs, choirs, bands, marketplace and dating messages,
 * open-source threads, genealogy; hard negatives: characters, handles, bands and teams named like people),
 * holdout18.txt mail, messaging and what agents carry (forwarded threads, signatures, out-of-office replies,
 * invites and ICS, chat exports, automatic notifications, tool-call JSON, RAG chunks, memory notes, YAML and
 * XML; hard negatives: bots, system senders, message ids, brands and products named like people);
 * holdout19.txt, written blind the same way, informal, code-switched and romanized chat typed on phones
 * (Hinglish, Taglish, Spanglish, Arabizi, translit, Greeklish, pinyin, romaji, Pidgin, Swahili and more, with
 * the same threads in native scripts; dictated numbers and e-mails; hard negatives: deities, festivals, teams,
 * slang, songs, places and characters named like people); holdout20.txt, written blind the same way, what
 * testers and evaluators type to try a PII tool (demo sentences and their translations, synthetic records,
 * Faker output, planted chat requests, red-team prompts, obfuscated, spaced, split, zero-width and
 * Unicode-digit values; hard negatives: precision probes with brands, places, eponyms, assistants,
 * invalid "test" numbers and ids); holdout21.txt, written blind the same way, news and reference writing pasted
 * to summarise, fact-check, cite or translate (wire copy, court reports and judgments, press releases with
 * media contacts, obituaries, sports line-ups, biographies, transcripts, abstracts, reference lists in many
 * styles, reviews, readers' letters; hard negatives: characters, eponyms, prizes, storms, ships, DOIs, ISBNs);
 * holdout22.txt, written blind the same way, text that went through a machine
 * before it reached the assistant (OCR of scanned letters, forms, receipts, ID cards, payslips, cheques and
 * business cards, PDF copy-paste with headers and footers, speech-to-text transcripts, machine translation,
 * table pastes, HTML mail leftovers, calendar and CRM exports, automatic notifications; hard negatives:
 * placeholders, redacted values, reference and device numbers, invalid numbers, things named after people). */
static void holdout4_measure(void **state)
{
    (void)state;
    measure_alone("holdout4.txt", 120);
}

static void holdout5_measure(void **state)
{
    (void)state;
    measure_alone("holdout5.txt", 180);
}

static void holdout6_measure(void **state)
{
    (void)state;
    measure_alone("holdout6.txt", 180);
}

static void holdout7_measure(void **state)
{
    (void)state;
    measure_alone("holdout7.txt", 180);
}

static void holdout8_measure(void **state)
{
    (void)state;
    measure_alone("holdout8.txt", 300);
}

static void holdout9_measure(void **state)
{
    (void)state;
    measure_alone("holdout9.txt", 320);
}

static void holdout10_measure(void **state)
{
    (void)state;
    measure_alone("holdout10.txt", 340);
}

static void holdout11_measure(void **state)
{
    (void)state;
    measure_alone("holdout11.txt", 330);
}

static void holdout12_measure(void **state)
{
    (void)state;
    measure_alone("holdout12.txt", 335);
}

static void holdout13_measure(void **state)
{
    (void)state;
    measure_alone("holdout13.txt", 340);
}

static void holdout14_measure(void **state)
{
    (void)state;
    measure_alone("holdout14.txt", 345);
}

static void holdout15_measure(void **state)
{
    (void)state;
    measure_alone("holdout15.txt", 350);
}

static void holdout16_measure(void **state)
{
    (void)state;
    measure_alone("holdout16.txt", 350);
}

static void holdout17_measure(void **state)
{
    (void)state;
    measure_alone("holdout17.txt", 340);
}

static void holdout18_measure(void **state)
{
    (void)state;
    measure_alone("holdout18.txt", 345);
}

static void holdout19_measure(void **state)
{
    (void)state;
    measure_alone("holdout19.txt", 330);
}

static void holdout20_measure(void **state)
{
    (void)state;
    measure_alone("holdout20.txt", 340);
}

static void holdout21_measure(void **state)
{
    (void)state;
    measure_alone("holdout21.txt", 350);
}

static void holdout22_measure(void **state)
{
    (void)state;
    measure_alone("holdout22.txt", 345);
}

/* dev_prose.txt is NOT blind: the round-11 prose helper wrote it (letters, minutes, speeches, newsletters,
 * stories, translations in 30+ languages; half entity-free Title-Case hard negatives) as its development set
 * before reading the detector's source, then tuned rules on it. A measure of fit, not of generalisation. */
static void dev_prose_measure(void **state)
{
    (void)state;
    measure_alone("dev_prose.txt", 240);
}

/* dev_mail.txt is NOT blind: the round-13 mail helper wrote it (headers, quoted replies, signatures,
 * out-of-office replies, bounces, ICS, chat exports, notifications, tool-call JSON, RAG chunks; 48 %
 * entity-free hard negatives: bots, Message-IDs, DKIM, Title-Case subjects) before reading the detector's
 * source, then tuned rules on it. A measure of fit, not of generalisation. */
static void dev_mail_measure(void **state)
{
    (void)state;
    measure_alone("dev_mail.txt", 300);
}

/* dev_informal.txt is NOT blind either: round 13's lower-case helper wrote it (informal, code-switched and
 * romanized phone chat; 43 % entity-free hard negatives) as its development set before reading the
 * detector's lower-case rules, then tuned on it. holdout19.txt is the blind measure of that genre. */
static void dev_informal_measure(void **state)
{
    (void)state;
    measure_alone("dev_informal.txt", 280);
}

/* dev_reference.txt is NOT blind: round 15's reference helper wrote it (wire copy, court reports and case names,
 * press releases, obituaries, match reports, biographies, transcripts, reference lists in six styles, reviews and
 * cast lists, quotations, letters; 39 % entity-free hard negatives: characters, eponyms, prizes, storms,
 * buildings) with the detector open, then tuned rules on it. A measure of fit, not of generalisation. */
static void dev_reference_measure(void **state)
{
    (void)state;
    measure_alone("dev_reference.txt", 200);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(floors_hold), cmocka_unit_test(holdout2_floors),
                                       cmocka_unit_test(holdout3_targets),
                                       cmocka_unit_test(holdout4_measure),
                                       cmocka_unit_test(holdout5_measure),
                                       cmocka_unit_test(holdout6_measure),
                                       cmocka_unit_test(holdout7_measure),
                                       cmocka_unit_test(holdout8_measure),
                                       cmocka_unit_test(holdout9_measure),
                                       cmocka_unit_test(holdout10_measure),
                                       cmocka_unit_test(holdout11_measure),
                                       cmocka_unit_test(holdout12_measure),
                                       cmocka_unit_test(holdout13_measure),
                                       cmocka_unit_test(holdout14_measure),
                                       cmocka_unit_test(holdout15_measure),
                                       cmocka_unit_test(holdout16_measure),
                                       cmocka_unit_test(holdout17_measure),
                                       cmocka_unit_test(holdout18_measure),
                                       cmocka_unit_test(holdout19_measure),
                                       cmocka_unit_test(holdout20_measure),
                                       cmocka_unit_test(holdout21_measure),
                                       cmocka_unit_test(holdout22_measure),
                                       cmocka_unit_test(dev_prose_measure),
                                       cmocka_unit_test(dev_mail_measure),
                                       cmocka_unit_test(dev_informal_measure),
                                       cmocka_unit_test(dev_reference_measure)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
