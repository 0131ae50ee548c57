/* PII detector, round 12 of issue 17: numbers in what developers and operators paste (tables, exports, query
 * strings, key=value records). One test per class, in new sentences (not taken from any evaluation file);
 * positives and the hard negatives of the same frame. */
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

static const int32_t SSN = SANCTUM_ENTITY_US_SSN;
static const int32_t BK = SANCTUM_ENTITY_US_BANK_NUMBER;

/* Whether text holds an entity of `type` spanning exactly `want` (its first occurrence). */
static bool has_span(const sanctum_detector *det, const char *text, int32_t type, const char *want)
{
    sanctum_detection *d = pii_run(det, text, 0);
    const char *at = strstr(text, want);
    assert_non_null(at);
    size_t s = (size_t)(at - text), e = s + strlen(want);
    bool found = false;
    for (size_t i = 0; i < d->count; i++)
        found = found || (d->entities[i].type == type && d->entities[i].start == s && d->entities[i].end == e);
    sanctum_free(d);
    return found;
}

/* A column whose header names the SSN: its values are SSNs on every row, however far below the header (CSV
 * with ';' or ',', TSV under an SQL COPY column list, psql and Markdown tables with '|'). */
static void round12_ssn_column(void **state)
{
    pii_fixture *f = *state;
    const char *semi = "emp_id;full_name;department;ssn\nE7;Dana Whitcombe-Lyle;Warehouse night shift;523417789\n"
                       "E8;Omar Idris;Accounts payable and receivable;301662210\n";
    assert_true(has_span(f->det, semi, SSN, "523417789"));
    assert_true(has_span(f->det, semi, SSN, "301662210"));
    const char *copy = "COPY hr.staff (id, name, ssn, phone) FROM stdin;\n12\tRuth Amsel-Okafor\t145279036\t\\N\n"
                       "13\tJo\xc3\xa3" "o Figueiredo\t612084471\t\\N\n\\.";
    assert_true(has_span(f->det, copy, SSN, "145279036"));
    assert_true(has_span(f->det, copy, SSN, "612084471"));
    const char *pipes = " id | nombre                  | social_security_number\n----+-------------------------+-----------\n"
                        "  4 | Luc\xc3\xad" "a Fern\xc3\xa1" "ndez Ortega   | 523417789\n"
                        "  5 | Pieter van der Berg     | 301662210\n";
    assert_true(has_span(f->det, pipes, SSN, "301662210"));
    const char *md = "| # | Name | Tax ID (SSN) | Start |\n|---|---|---|---|\n| 1 | Ama Boateng | 219-09-9999 | 2021 |\n"
                     "| 2 | Kenji Watanabe | 145-27-9036 | 2023 |";
    assert_true(has_span(f->det, md, SSN, "145-27-9036"));
    /* the same tables when the column is named for something else */
    pii_expect_none(f->det, "emp_id;full_name;department;badge_no\nE7;Dana Whitcombe-Lyle;Warehouse night shift;523417789\n"
                            "E8;Omar Idris;Accounts payable and receivable;301662210\n", SSN);
    pii_expect_none(f->det, "COPY shop.orders (id, sku, order_no, qty) FROM stdin;\n12\tA-77\t145279036\t3\n"
                            "13\tB-12\t612084471\t1\n\\.", SSN);
    pii_expect_none(f->det, " id | product                 | upc\n----+-------------------------+-----------\n"
                            "  4 | Garden hose 25 m green   | 523417789\n"
                            "  5 | Watering can, 10 litres | 301662210\n", SSN);
    /* an SSN column beside another nine-digit column: only the SSN column is taken */
    const char *two = "name,ssn,employee_number\nAda Quist,523417789,301662210\nBo Lind,145279036,612084471\n";
    assert_false(has_span(f->det, two, SSN, "612084471"));
    assert_true(has_span(f->det, two, SSN, "145279036"));
}

/* A field named for the SSN keeps its value an SSN inside a URL query or a path ("?ssn=...&"). */
static void round12_ssn_query_field(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "GET /v2/members?ssn=523-41-7789&include=claims returned 502", SSN, "523-41-7789");
    pii_expect(f->det, "curl 'https://hr.example.internal/api/lookup?fmt=json&ssn=301662210' -H 'Accept: */*'", SSN,
               "301662210");
    pii_expect(f->det, "nginx: \"POST /enroll?step=2&social_security=145-27-9036 HTTP/1.1\" 400", SSN, "145-27-9036");
    pii_expect_none(f->det, "GET /v2/orders/523-41-7789/items returned 502", SSN);
    pii_expect_none(f->det, "GET /v2/parts?order=523-41-7789&include=lines returned 502", SSN);
    pii_expect_none(f->det, "curl 'https://cdn.example.com/build/301662210/app.js'", SSN);
}

/* Numbers that are not bank accounts although a bank word is near: a toll-free or dashed phone number, the
 * AWS console's dashed account id, and the value of a key=value field named for something else (amount=,
 * trace=) beside an account field. */
static void round12_bank_not(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "Our bank's card helpline is 1-800-555-0142, open around the clock.", BK);
    pii_expect_none(f->det, "Wire desk at the bank: 1-888-555-0187 (ask for the payments team)", BK);
    pii_expect_none(f->det, "bank support line 212-555-0199 closes at six", BK);
    pii_expect(f->det, "deposit it to checking account 6203-1187-54 today", BK, "6203-1187-54");
    pii_expect_none(f->det, "AccessDenied for AWS account 1234-5678-9012 when assuming role/ci", BK);
    pii_expect_none(f->det, "the organization's member account 2109-8876-5432 (Terraform state) is closed", BK);
    pii_expect(f->det, "savings account 1234-5678-9012 at the credit union", BK, "1234-5678-9012");
    pii_expect(f->det, "ach_entry trace=118204563 dfi_account=7300218846 amount=0000061375 ind_id=EMP-0042", BK,
               "7300218846");
    pii_expect(f->det, "payout acct=33019284 total=00012500 fee=00000150 status=sent", BK, "33019284");
    pii_expect(f->det, "beneficiary_account=44719023 currency=USD amount_cents=0000420000", BK, "44719023");
}

/* Numbers that identify a company or a product, not a person: DUNS, EAN/UPC/GTIN barcodes (a 13-digit EAN can
 * pass the Luhn check and a DUNS is shaped like a phone). The same numbers called a card or a phone stay. */
static void round12_org_product_ids(void **state)
{
    pii_fixture *f = *state;
    const int32_t PH = SANCTUM_ENTITY_PHONE_NUMBER, CC = SANCTUM_ENTITY_CREDIT_CARD;
    pii_expect_none(f->det, "Our DUNS 07-318-2264 is on the supplier form, with the EIN.", PH);
    pii_expect_none(f->det, "Lieferant: DUNS-Nummer 31-552-8870, USt-IdNr. folgt", PH);
    pii_expect_none(f->det, "The kettle (EAN 5027193044185) stopped heating after a week.", CC);
    pii_expect_none(f->det, "scan the barcode 4006381333931 at the till", CC);
    pii_expect_none(f->det, "GTIN 5012345678900 and UPC 036000291452 are both printed on the label", -1);
    pii_expect(f->det, "Card 5027 1930 4418 5 was declined at the till", CC, "5027 1930 4418 5");
    pii_expect(f->det, "DUNS questions: call Mirela on 07-318-2264 after nine", PH, "07-318-2264");
}

/* An SSN-shaped number (3-2-4) is an account only when its own sentence calls it one: "... to open the joint
 * account. Yours is 523-41-7789" is the SSN the sentence before asked for. */
static void round12_ssn_shaped_account_sentence(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "The bank wants your Social Security number for the joint account. Yours is 523-41-7789, no?",
               SSN, "523-41-7789");
    pii_expect_none(f->det, "The bank wants your Social Security number for the joint account. Yours is 523-41-7789, no?",
                    BK);
    pii_expect_none(f->det, "Ella abri\xc3\xb3 la cuenta ayer. El n\xc3\xbamero que me dio es 145-27-9036.", BK);
    pii_expect(f->det, "Please wire it to account 145-27-9036 at First Harbor Bank.", BK, "145-27-9036");
}

/* Nine digits the sentence calls a routing number are no account number, even when "bank" follows and the
 * check digit fails ("the routing number on the cheque reads 978312645 but the bank says it does not exist"). */
static void round12_routing_named_in_sentence(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "The routing number printed on my cheque is 978312645 but the bank says it doesn't exist.", BK);
    pii_expect_none(f->det, "the ABA number on the deposit slip shows 553456781, the bank rejects it", BK);
    pii_expect(f->det, "The routing number printed on my cheque is 021000021 and the bank confirmed it.", BK, "021000021");
}

/* A chat mention of a login handle built from a person's names: a given name, then '.', '-' or '_' and a family
 * name or an initial (@zeynep.kaya, @lucia-ferreira, @tomas_novak, @ingrid.b). Handles of packages, decorators and
 * bots (@types/node, @pytest.mark, @dependabot, @release-bot) and a given name before an environment or role (@olga.prod, @nina-team) are
 * none. */
static void round12_name_handles(void **state)
{
    pii_fixture *f = *state;
    pii_expect_one_person(f->det, "@zeynep.kaya can you rerun the flaky job?", "zeynep.kaya");
    pii_expect_one_person(f->det, "LGTM, but cc @lucia-ferreira for the schema part", "lucia-ferreira");
    pii_expect_one_person(f->det, "assigning this to @tomas_novak since he wrote the parser", "tomas_novak");
    pii_expect_one_person(f->det, "on call this week: @ingrid.b (primary)", "ingrid.b");
    pii_expect_one_person(f->det, "merci @camille.girard pour la revue", "camille.girard");
    pii_expect_none(f->det, "npm i -D @types/node @angular/core @babel/preset-env", -1);
    pii_expect_none(f->det, "@pytest.mark.parametrize(\"n\", [1, 2])", -1);
    pii_expect_none(f->det, "@dependabot rebase, and @release-bot publish", -1);
    pii_expect_none(f->det, "the @app.route decorator and @functools.lru_cache", -1);
    pii_expect_none(f->det, "@olga.prod is the replica host and @grace.period the timeout", -1);
    pii_expect_none(f->det, "alerts go to @nina-team and @pablo.backend, not to people", -1);
    pii_expect_none(f->det, "follow @lena.updates and @sami.podcast for the release notes", -1);
}

/* The same handles outside an '@': the speaker of a chat export line ("[09:14] zeynep.kaya: ...") and the login
 * after "by" in issue, review and CI text ("opened by tomas_novak", "approved by lucia-ferreira"). A service
 * account or a word after "by" stays ("by olga.prod", "by default.yaml", "sorted by date.created"). */
static void round12_framed_handles(void **state)
{
    pii_fixture *f = *state;
    pii_expect_one_person(f->det, "[09:14] zeynep.kaya: the canary is red again", "zeynep.kaya");
    pii_expect_one_person(f->det, "[2026-03-02 17:40] camille.girard: rolling back now", "camille.girard");
    pii_expect_one_person(f->det, "Issue #88 opened by tomas_novak: crash on empty config", "tomas_novak");
    pii_expect_one_person(f->det, "PR 412 approved by lucia-ferreira, merging after CI", "lucia-ferreira");
    pii_expect_none(f->det, "nightly backup started by olga.prod at 02:00", -1);
    pii_expect_none(f->det, "[09:14] build.bot: pipeline green", -1);
    pii_expect_none(f->det, "rows sorted by date.created, then by amount_total", -1);
    pii_expect_none(f->det, "values are read by default.yaml and overridden by local.env", -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round12_ssn_column, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round12_ssn_query_field, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round12_bank_not, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round12_org_product_ids, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round12_ssn_shaped_account_sentence, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round12_routing_named_in_sentence, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round12_name_handles, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round12_framed_handles, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
