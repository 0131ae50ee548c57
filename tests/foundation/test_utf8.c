/* Strict UTF-8: every class of invalid sequence is refused, every scalar value round-trips. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "utf8.h"

static size_t valid(const char *s, size_t n)
{
    return sc_utf8_valid_prefix((const uint8_t *)s, n);
}

static void accepts_valid_text(void **state)
{
    (void)state;
    const char *s = "plain ASCII, caf\xC3\xA9, \xE2\x82\xAC, \xF0\x9F\x98\x80, \xF4\x8F\xBF\xBF";
    assert_int_equal(valid(s, strlen(s)), strlen(s));
    assert_int_equal(valid("a\0b", 3), 3); /* NUL is a valid code point, not an end */
    assert_int_equal(valid("", 0), 0);
}

static void refuses_invalid_sequences(void **state)
{
    (void)state;
    struct { const char *s; size_t n; size_t prefix; } cases[] = {
        {"ab\x80", 3, 2},               /* lone continuation */
        {"\xC0\xAF", 2, 0},             /* overlong '/' */
        {"\xC1\xBF", 2, 0},             /* overlong */
        {"\xE0\x80\xAF", 3, 0},         /* overlong 3-byte */
        {"\xF0\x80\x80\xAF", 4, 0},     /* overlong 4-byte */
        {"\xED\xA0\x80", 3, 0},         /* UTF-16 surrogate D800 */
        {"\xED\xBF\xBF", 3, 0},         /* surrogate DFFF */
        {"\xF4\x90\x80\x80", 4, 0},     /* above U+10FFFF */
        {"\xF5\x80\x80\x80", 4, 0},     /* invalid lead */
        {"\xFF", 1, 0},
        {"x\xE2\x82", 3, 1},            /* truncated */
        {"\xC3\x28", 2, 0},             /* bad continuation */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(valid(cases[i].s, cases[i].n), cases[i].prefix);
}

static void every_scalar_round_trips(void **state)
{
    (void)state;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        uint8_t buf[4];
        size_t n = sc_utf8_encode(cp, buf);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            assert_int_equal(n, 0);
            continue;
        }
        assert_true(n >= 1 && n <= 4);
        uint32_t back = 0;
        assert_int_equal(sc_utf8_decode(buf, n, &back), n);
        assert_int_equal(back, cp);
        assert_int_equal(sc_utf8_decode(buf, n - 1, &back), 0); /* truncated */
    }
    uint8_t buf[4];
    assert_int_equal(sc_utf8_encode(0x110000, buf), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepts_valid_text),
        cmocka_unit_test(refuses_invalid_sequences),
        cmocka_unit_test(every_scalar_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
