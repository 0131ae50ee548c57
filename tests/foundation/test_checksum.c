/* Check-digit validators against published valid numbers and their one-digit corruptions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "checksum.h"

#define U(s) (const uint8_t *)(s), strlen(s)

static void luhn(void **state)
{
    (void)state;
    assert_true(sc_luhn_valid(U("4111111111111111")));
    assert_true(sc_luhn_valid(U("378282246310005")));   /* Amex test number */
    assert_true(sc_luhn_valid(U("6011111111111117")));
    assert_true(sc_luhn_valid(U("0")));
    assert_false(sc_luhn_valid(U("4111111111111112")));
    assert_false(sc_luhn_valid(U("4111-1111-1111-1111"))); /* separators are stripped by the caller */
    assert_false(sc_luhn_valid(NULL, 0));
    /* every single-digit change of a valid number is caught */
    char n[] = "4539578763621486";
    assert_true(sc_luhn_valid(U(n)));
    for (size_t i = 0; i < strlen(n); i++) {
        char keep = n[i];
        for (char d = '0'; d <= '9'; d++) {
            if (d == keep)
                continue;
            n[i] = d;
            assert_false(sc_luhn_valid(U(n)));
        }
        n[i] = keep;
    }
}

static void aba(void **state)
{
    (void)state;
    assert_true(sc_aba_valid(U("011000015")));  /* Federal Reserve Bank of Boston */
    assert_true(sc_aba_valid(U("121000358")));
    assert_false(sc_aba_valid(U("011000016")));
    assert_false(sc_aba_valid(U("01100001")));
    assert_false(sc_aba_valid(U("0110000150")));
    assert_false(sc_aba_valid(U("01100001x")));
}

static void iban(void **state)
{
    (void)state;
    assert_true(sc_iban_mod97_valid(U("GB82WEST12345698765432")));
    assert_true(sc_iban_mod97_valid(U("DE89370400440532013000")));
    assert_true(sc_iban_mod97_valid(U("FR1420041010050500013M02606")));
    assert_false(sc_iban_mod97_valid(U("GB82WEST12345698765433")));
    assert_false(sc_iban_mod97_valid(U("GB28WEST12345698765432"))); /* swapped check digits */
    assert_false(sc_iban_mod97_valid(U("gb82west12345698765432"))); /* caller upper-cases */
    assert_false(sc_iban_mod97_valid(U("GB82")));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(luhn),
        cmocka_unit_test(aba),
        cmocka_unit_test(iban),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
