/* Span substitution and placeholders: exact lengths, untouched bytes outside spans, round trips. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "proved/placeholder.h"
#include "proved/subst.h"

#define U(s) (const uint8_t *)(s)

static void substitutes_spans(void **state)
{
    (void)state;
    const char *in = "Hi Jane Doe, mail jane@x.io now";
    sc_span spans[] = {{3, 11, U("<PERSON_1>"), 10}, {18, 27, U("<EMAIL_ADDRESS_1>"), 17}};
    size_t len = 0;
    assert_true(sc_subst_length(strlen(in), spans, 2, &len));
    assert_int_equal(len, strlen("Hi <PERSON_1>, mail <EMAIL_ADDRESS_1> now"));
    uint8_t out[64];
    size_t got = 0;
    assert_true(sc_subst_apply(U(in), strlen(in), spans, 2, out, sizeof out, &got));
    assert_int_equal(got, len);
    assert_memory_equal(out, "Hi <PERSON_1>, mail <EMAIL_ADDRESS_1> now", len);
    assert_false(sc_subst_apply(U(in), strlen(in), spans, 2, out, len - 1, &got)); /* too small */
}

static void refuses_bad_spans(void **state)
{
    (void)state;
    size_t len = 0;
    sc_span overlap[] = {{0, 5, U("x"), 1}, {4, 6, U("y"), 1}};
    sc_span unsorted[] = {{5, 6, U("x"), 1}, {0, 1, U("y"), 1}};
    sc_span outside[] = {{5, 11, U("x"), 1}};
    sc_span reversed[] = {{5, 4, U("x"), 1}};
    sc_span huge[] = {{0, 0, U("x"), SIZE_MAX}};
    assert_false(sc_subst_length(10, overlap, 2, &len));
    assert_false(sc_subst_length(10, unsorted, 2, &len));
    assert_false(sc_subst_length(10, outside, 1, &len));
    assert_false(sc_subst_length(10, reversed, 1, &len));
    assert_false(sc_subst_length(10, huge, 1, &len)); /* overflow */
    sc_span adjacent[] = {{0, 2, U("ab"), 2}, {2, 4, U(""), 0}, {4, 4, U("zz"), 2}};
    assert_true(sc_subst_length(6, adjacent, 3, &len));
    assert_int_equal(len, 6);
}

static void random_substitutions_keep_outside_bytes(void **state)
{
    (void)state;
    srand(7);
    uint8_t in[256], out[4096];
    for (int round = 0; round < 2000; round++) {
        size_t n = (size_t)(rand() % 256);
        for (size_t i = 0; i < n; i++)
            in[i] = (uint8_t)rand();
        sc_span spans[8];
        size_t ns = 0, pos = 0;
        while (ns < 8 && pos < n && rand() % 3) {
            size_t start = pos + (size_t)rand() % (n - pos + 1);
            size_t end = start + (size_t)rand() % (n - start + 1);
            spans[ns++] = (sc_span){start, end, U("<X_1>"), (size_t)(rand() % 6)};
            pos = end;
        }
        size_t len = 0;
        assert_true(sc_subst_apply(in, n, spans, ns, out, sizeof out, &len));
        /* walk both buffers: gaps equal, replacements in place */
        size_t ip = 0, op = 0;
        for (size_t i = 0; i < ns; i++) {
            assert_memory_equal(out + op, in + ip, spans[i].start - ip);
            op += spans[i].start - ip;
            assert_memory_equal(out + op, "<X_1>", spans[i].repl_len);
            op += spans[i].repl_len;
            ip = spans[i].end;
        }
        assert_memory_equal(out + op, in + ip, n - ip);
        assert_int_equal(op + n - ip, len);
    }
}

static void placeholders_round_trip(void **state)
{
    (void)state;
    const char *types[] = {"PERSON", "EMAIL_ADDRESS", "US_SSN", "X"};
    uint32_t numbers[] = {1, 9, 10, 99, 100, 12345, 999999999};
    for (size_t t = 0; t < 4; t++)
        for (size_t k = 0; k < 7; k++) {
            uint8_t buf[SC_PLACEHOLDER_MAX];
            size_t n = sc_placeholder_format(U(types[t]), strlen(types[t]), numbers[k], buf, sizeof buf);
            assert_true(n > 0);
            size_t tl = 0;
            uint32_t num = 0;
            assert_true(sc_placeholder_parse(buf, n, &tl, &num));
            assert_int_equal(tl, strlen(types[t]));
            assert_memory_equal(buf + 1, types[t], tl);
            assert_int_equal(num, numbers[k]);
        }
    uint8_t buf[64];
    size_t n = sc_placeholder_format(U("PERSON"), 6, 42, buf, sizeof buf);
    assert_memory_equal(buf, "<PERSON_42>", n);
    assert_int_equal(sc_placeholder_format(U("PERSON"), 6, 42, buf, 10), 0);     /* cap too small */
    assert_int_equal(sc_placeholder_format(U("person"), 6, 1, buf, sizeof buf), 0); /* lower case */
    assert_int_equal(sc_placeholder_format(U("PERSON"), 6, 0, buf, sizeof buf), 0);
    assert_int_equal(sc_placeholder_format(U("_P"), 2, 1, buf, sizeof buf), 0);
}

static void strict_parse_refuses_variants(void **state)
{
    (void)state;
    const char *bad[] = {"<PERSON_01>", "<PERSON_>", "<_1>", "<person_1>", "PERSON_1", "<PERSON_1",
                         "<PERSON 1>", "<PERSON_1234567890>", "<>", "<PERSON_1>>", "<1_1>"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t tl;
        uint32_t num;
        assert_false(sc_placeholder_parse(U(bad[i]), strlen(bad[i]), &tl, &num));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(substitutes_spans),
        cmocka_unit_test(refuses_bad_spans),
        cmocka_unit_test(random_substitutions_keep_outside_bytes),
        cmocka_unit_test(placeholders_round_trip),
        cmocka_unit_test(strict_parse_refuses_variants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
