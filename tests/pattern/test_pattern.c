/* Pattern sets through the public API: Python re.finditer semantics (non-overlapping, empty matches
 * skipped, per pattern in order), flags, UTF-8 offsets, limits, error offsets, concurrent matching and
 * allocation-failure sweeps. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "sweep.h"
#include "test_util.h"

_Static_assert(sizeof(sanctum_pattern_match) == 24, "sanctum_pattern_match layout");
_Static_assert(offsetof(sanctum_pattern_matches, count) == 8, "matches.count");

static sanctum_pattern_set *make(sanctum_ctx *ctx, const char *const *regexes, size_t n, uint32_t flags)
{
    sanctum_pattern_set *s = NULL;
    assert_int_equal(sanctum_pattern_set_new(&s, ctx, 0, NULL), SANCTUM_OK);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(sanctum_pattern_set_add(s, (const uint8_t *)regexes[i], strlen(regexes[i]), flags, NULL),
                         SANCTUM_OK);
    return s;
}

static sanctum_pattern_matches *run(const sanctum_pattern_set *s, const char *text)
{
    sanctum_pattern_matches *m = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_pattern_set_match(s, (const uint8_t *)text, strlen(text), 0, &m, &err), SANCTUM_OK);
    assert_non_null(m);
    return m;
}

static void expect(const sanctum_pattern_matches *m, size_t i, uint32_t pattern, uint64_t start, uint64_t end)
{
    assert_true(i < m->count);
    assert_int_equal(m->matches[i].pattern, pattern);
    assert_int_equal(m->matches[i].start, start);
    assert_int_equal(m->matches[i].end, end);
}

static void finditer_semantics(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    const char *rx[] = {"\\b[A-Z]{3}-\\d{4}\\b", "a*", "(?<=id:)\\d+"};
    sanctum_pattern_set *s = make(ctx, rx, 3, 0);
    assert_int_equal(sanctum_pattern_set_count(s), 3);
    /* "ABC-1234 xyz-0000 aa DEF-5678 id:42" */
    sanctum_pattern_matches *m = run(s, "ABC-1234 xyz-0000 aa DEF-5678 id:42");
    assert_int_equal(m->count, 4);
    expect(m, 0, 0, 0, 8);
    expect(m, 1, 0, 21, 29);
    expect(m, 2, 1, 18, 20);  /* "aa": the empty matches of a* elsewhere are skipped */
    expect(m, 3, 2, 33, 35);
    assert_int_equal(m->truncated, 0);
    sanctum_free(m);
    /* non-overlapping: "aaaa" is one match of a+, not four */
    sanctum_pattern_set *t = make(ctx, (const char *const[]){"a+", "aa"}, 2, 0);
    m = run(t, "aaaa");
    assert_int_equal(m->count, 3);
    expect(m, 0, 0, 0, 4);
    expect(m, 1, 1, 0, 2);
    expect(m, 2, 1, 2, 4);
    sanctum_free(m);
    /* after an empty match, a non-empty one may start at the same place: (?=b)|b over "abb" */
    sanctum_pattern_set *u = make(ctx, (const char *const[]){"(?=b)|b", "|a"}, 2, 0);
    m = run(u, "abba");
    assert_int_equal(m->count, 4);
    expect(m, 0, 0, 1, 2);
    expect(m, 1, 0, 2, 3);
    expect(m, 2, 1, 0, 1);
    expect(m, 3, 1, 3, 4);
    sanctum_free(m);
    sanctum_free(u);
    sanctum_free(t);
    sanctum_free(s);
    test_ctx_free_checked(ctx);
}

static void flags_and_utf8(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_pattern_set *plain = make(ctx, (const char *const[]){"jürgen\\w*"}, 1, 0);
    sanctum_pattern_set *caseless = make(ctx, (const char *const[]){"jürgen\\w*"}, 1, SANCTUM_PATTERN_CASELESS);
    const char *text = "\xF0\x9F\x98\x80 JÜRGENß and jürgenß"; /* emoji (4 bytes) first */
    sanctum_pattern_matches *m = run(plain, text);
    assert_int_equal(m->count, 1);
    expect(m, 0, 0, 19, 28); /* byte offsets; \w takes the ß (Unicode properties on) */
    sanctum_free(m);
    m = run(caseless, text);
    assert_int_equal(m->count, 2);
    expect(m, 0, 0, 5, 14);
    sanctum_free(m);
    sanctum_pattern_set *lines = make(ctx, (const char *const[]){"^x.y$"}, 1, SANCTUM_PATTERN_MULTILINE);
    sanctum_pattern_set *dotall = make(ctx, (const char *const[]){"^x.y$"}, 1,
                                       SANCTUM_PATTERN_MULTILINE | SANCTUM_PATTERN_DOTALL);
    m = run(lines, "x\ny\nxzy");
    assert_int_equal(m->count, 1);
    expect(m, 0, 0, 4, 7);
    sanctum_free(m);
    m = run(dotall, "x\ny\nxzy");
    assert_int_equal(m->count, 2);
    sanctum_free(m);
    sanctum_free(lines);
    sanctum_free(dotall);
    sanctum_free(plain);
    sanctum_free(caseless);
    test_ctx_free_checked(ctx);
}

static void errors_and_limits(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_pattern_set *s = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_pattern_set_new(NULL, ctx, 0, &err), SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_pattern_set_new(&s, ctx, 0, &err), SANCTUM_OK);
    assert_int_equal(sanctum_pattern_set_add(s, (const uint8_t *)"ab(c", 4, 0, &err), SANCTUM_E_PARSE);
    assert_int_equal(err.offset, 4);
    assert_non_null(strstr(err.message, "invalid regular expression"));
    assert_null(strstr(err.message, "ab(c"));
    assert_int_equal(sanctum_pattern_set_add(s, (const uint8_t *)"a\xC3", 2, 0, &err), SANCTUM_E_UTF8);
    assert_int_equal(err.offset, 1);
    assert_int_equal(sanctum_pattern_set_add(s, (const uint8_t *)"a", 1, 8, &err), SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_pattern_set_add(s, (const uint8_t *)"", 0, 0, &err), SANCTUM_E_INVALID_ARG);
    static char big[4098];
    memset(big, 'a', 4097);
    assert_int_equal(sanctum_pattern_set_add(s, (const uint8_t *)big, 4097, 0, &err), SANCTUM_E_LIMIT);
    assert_int_equal(sanctum_pattern_set_count(s), 0);
    for (int i = 0; i < 256; i++)
        assert_int_equal(sanctum_pattern_set_add(s, (const uint8_t *)"q", 1, 0, &err), SANCTUM_OK);
    assert_int_equal(sanctum_pattern_set_add(s, (const uint8_t *)"q", 1, 0, &err), SANCTUM_E_LIMIT);
    sanctum_pattern_matches *m = NULL;
    assert_int_equal(sanctum_pattern_set_match(s, (const uint8_t *)"ok \xFF", 4, 0, &m, &err), SANCTUM_E_UTF8);
    assert_int_equal(err.offset, 3);
    assert_null(m);
    /* max_matches truncates; 256 patterns each matching "q" three times */
    assert_int_equal(sanctum_pattern_set_match(s, (const uint8_t *)"q q q", 5, 10, &m, &err), SANCTUM_OK);
    assert_int_equal(m->count, 10);
    assert_int_equal(m->truncated, 1);
    sanctum_free(m);
    sanctum_free(s);
    /* catastrophic backtracking is stopped by the match limit, with no partial result */
    assert_int_equal(sanctum_pattern_set_new(&s, ctx, 10000, &err), SANCTUM_OK);
    assert_int_equal(sanctum_pattern_set_add(s, (const uint8_t *)"(a+)+$", 6, 0, &err), SANCTUM_OK);
    char evil[64];
    memset(evil, 'a', 40);
    evil[40] = '!';
    assert_int_equal(sanctum_pattern_set_match(s, (const uint8_t *)evil, 41, 0, &m, &err), SANCTUM_E_LIMIT);
    assert_null(m);
    sanctum_free(s);
    test_ctx_free_checked(ctx);
}

static void input_limit(void **state)
{
    (void)state;
    sanctum_ctx_options o;
    sanctum_ctx_options_init(&o);
    o.max_input_bytes = 8;
    sanctum_ctx *ctx = NULL;
    assert_int_equal(sanctum_ctx_new(&ctx, &o, NULL), SANCTUM_OK);
    sanctum_pattern_set *s = make(ctx, (const char *const[]){"x"}, 1, 0);
    sanctum_pattern_matches *m = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_pattern_set_match(s, (const uint8_t *)"xxxxxxxxx", 9, 0, &m, &err), SANCTUM_E_LIMIT);
    assert_int_equal(sanctum_pattern_set_match(s, (const uint8_t *)"xxxxxxxx", 8, 0, &m, &err), SANCTUM_OK);
    assert_int_equal(m->count, 8);
    sanctum_free(m);
    sanctum_free(s);
    test_ctx_free_checked(ctx);
}

static void *thread_body(void *arg)
{
    const sanctum_pattern_set *s = arg;
    for (int i = 0; i < 200; i++) {
        sanctum_pattern_matches *m = NULL;
        if (sanctum_pattern_set_match(s, (const uint8_t *)"ABC-1234 DEF-5678", 17, 0, &m, NULL) != SANCTUM_OK ||
            m->count != 2 || m->matches[1].start != 9) {
            sanctum_free(m);
            return (void *)1;
        }
        sanctum_free(m);
    }
    return NULL;
}

static void concurrent_matching(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_pattern_set *s = make(ctx, (const char *const[]){"[A-Z]{3}-\\d{4}"}, 1, 0);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, thread_body, s), 0);
    for (int i = 0; i < 4; i++) {
        void *r = NULL;
        pthread_join(t[i], &r);
        assert_null(r);
    }
    sanctum_free(s);
    test_ctx_free_checked(ctx);
}

static sanctum_status op_build_and_match(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    (void)user;
    sanctum_pattern_set *s = NULL;
    sanctum_status st = sanctum_pattern_set_new(&s, ctx, 0, err);
    if (st != SANCTUM_OK)
        return st;
    const char *rx[] = {"\\b\\d{3}-\\d{2}-\\d{4}\\b", "(?i)acct\\s*\\d+"};
    for (size_t i = 0; i < 2 && st == SANCTUM_OK; i++)
        st = sanctum_pattern_set_add(s, (const uint8_t *)rx[i], strlen(rx[i]), 0, err);
    char text[2048];
    size_t n = 0;
    for (int i = 0; i < 30; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "ACCT %d id 123-45-%04d; ", i, 1000 + i);
    sanctum_pattern_matches *m = NULL;
    if (st == SANCTUM_OK)
        st = sanctum_pattern_set_match(s, (const uint8_t *)text, n, 0, &m, err);
    if (st == SANCTUM_OK && (m == NULL || m->count != 60))
        st = SANCTUM_E_INTERNAL;
    sanctum_free(m);
    sanctum_free(s);
    return st;
}

static void sweeps(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    assert_sweep_clean(ctx, op_build_and_match, NULL);
    test_ctx_free_checked(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finditer_semantics),
        cmocka_unit_test(flags_and_utf8),
        cmocka_unit_test(errors_and_limits),
        cmocka_unit_test(input_limit),
        cmocka_unit_test(concurrent_matching),
        cmocka_unit_test(sweeps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
