/* Parser, decoder and splice-writer units: errors and offsets, limits, NULs, duplicate keys,
 * surrogates, decoding, escaping styles, allocation-failure sweeps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "json/json.h"
#include "sweep.h"
#include "utf8.h"
#include "test_util.h"

#define S(lit) (const uint8_t *)(lit), sizeof(lit) - 1

static sanctum_status validate(sanctum_ctx *ctx, const uint8_t *p, size_t n, sanctum_error *err)
{
    return sanctum_json_validate(ctx, SANCTUM_JSON_STRICT, p, n, err);
}

static void expect_error(sanctum_ctx *ctx, const uint8_t *p, size_t n, sanctum_status code, uint64_t off,
                         const char *msg_part)
{
    sanctum_error err;
    sanctum_status st = validate(ctx, p, n, &err);
    if (st != code || err.offset != off || strstr(err.message, msg_part) == NULL)
        fail_msg("input of %zu bytes: got %s at %llu (%s), want %s at %llu (%s)", n, sanctum_status_name(st),
                 (unsigned long long)err.offset, err.message, sanctum_status_name(code), (unsigned long long)off,
                 msg_part);
}

static void errors_say_where_and_what(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    expect_error(ctx, S(""), SANCTUM_E_PARSE, 0, "expected a value");
    expect_error(ctx, S("  "), SANCTUM_E_PARSE, 2, "expected a value");
    expect_error(ctx, S("{\"a\" 1}"), SANCTUM_E_PARSE, 5, "expected ':'");
    expect_error(ctx, S("[1,]"), SANCTUM_E_PARSE, 3, "expected a value");
    expect_error(ctx, S("{\"a\":1,}"), SANCTUM_E_PARSE, 7, "expected a string key");
    expect_error(ctx, S("[1 2]"), SANCTUM_E_PARSE, 3, "expected ',' or ']'");
    expect_error(ctx, S("{\"a\":1 \"b\":2}"), SANCTUM_E_PARSE, 7, "expected ',' or '}'");
    expect_error(ctx, S("[01]"), SANCTUM_E_PARSE, 2, "expected ',' or ']'");
    expect_error(ctx, S("[1.]"), SANCTUM_E_PARSE, 3, "digit after '.'");
    expect_error(ctx, S("[1e+]"), SANCTUM_E_PARSE, 4, "exponent");
    expect_error(ctx, S("[-]"), SANCTUM_E_PARSE, 2, "expected a digit");
    expect_error(ctx, S("[tru]"), SANCTUM_E_PARSE, 1, "'true'");
    expect_error(ctx, S("\"abc"), SANCTUM_E_PARSE, 4, "unterminated string");
    expect_error(ctx, S("\"a\tb\""), SANCTUM_E_PARSE, 2, "control character");
    expect_error(ctx, S("\"\\x\""), SANCTUM_E_PARSE, 1, "invalid escape");
    expect_error(ctx, S("\"\\u12G4\""), SANCTUM_E_PARSE, 1, "four hex digits");
    expect_error(ctx, S("\"\\ud800\""), SANCTUM_E_UTF8, 1, "unpaired high surrogate");
    expect_error(ctx, S("\"\\udc00\\ud800\""), SANCTUM_E_UTF8, 1, "unpaired low surrogate");
    expect_error(ctx, S("\"\\ud800\\u0041\""), SANCTUM_E_UTF8, 1, "unpaired high surrogate");
    expect_error(ctx, S("\"\xc3\x28\""), SANCTUM_E_UTF8, 1, "invalid UTF-8");
    expect_error(ctx, S("\"\xed\xa0\x80\""), SANCTUM_E_UTF8, 1, "invalid UTF-8");     /* encoded surrogate */
    expect_error(ctx, S("\"\xc0\xaf\""), SANCTUM_E_UTF8, 1, "invalid UTF-8");         /* overlong */
    expect_error(ctx, S("\"\xf4\x90\x80\x80\""), SANCTUM_E_UTF8, 1, "invalid UTF-8"); /* > U+10FFFF */
    expect_error(ctx, S("\"\xe2\x82\""), SANCTUM_E_UTF8, 1, "invalid UTF-8");         /* truncated */
    expect_error(ctx, S("\xef\xbb\xbf{}"), SANCTUM_E_PARSE, 0, "byte order mark");
    expect_error(ctx, S("{} x"), SANCTUM_E_PARSE, 3, "end of input");
    expect_error(ctx, S("[1]\f"), SANCTUM_E_PARSE, 3, "end of input");
    /* the message never quotes the input */
    sanctum_error err;
    validate(ctx, S("{\"jane.doe@example.com\" 1}"), &err);
    assert_null(strstr(err.message, "jane"));
    test_ctx_free_checked(ctx);
}

static void nul_bytes_are_input(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_error err;
    /* a NUL after a value is trailing garbage, not the end of input */
    expect_error(ctx, (const uint8_t *)"123\0", 4, SANCTUM_E_PARSE, 3, "end of input");
    expect_error(ctx, (const uint8_t *)"[\"a\0b\"]", 7, SANCTUM_E_PARSE, 3, "control character");
    expect_error(ctx, (const uint8_t *)"\0", 1, SANCTUM_E_PARSE, 0, "expected a value");
    /* an escaped NUL is fine and decodes to a NUL byte; text after it is kept */
    sc_json_doc d;
    const char *doc = "[\"nul\\u0000after\"]";
    assert_int_equal(sc_json_parse(ctx, (const uint8_t *)doc, strlen(doc), 0, 0, &d, &err), SANCTUM_OK);
    size_t n;
    const uint8_t *raw = sc_json_str_raw(&d, 1, &n);
    uint8_t out[32];
    assert_int_equal(sc_json_decode(raw, n, out), 9);
    assert_memory_equal(out, "nul\0after", 9);
    sc_json_doc_clear(&d);
    test_ctx_free_checked(ctx);
}

static void limits_are_enforced(void **state)
{
    (void)state;
    sanctum_ctx_options o;
    sanctum_ctx_options_init(&o);
    o.max_depth = 3;
    o.max_input_bytes = 64;
    sanctum_ctx *ctx = NULL;
    assert_int_equal(sanctum_ctx_new(&ctx, &o, NULL), SANCTUM_OK);
    sanctum_error err;
    assert_int_equal(validate(ctx, S("[[[1]]]"), &err), SANCTUM_OK);
    expect_error(ctx, S("[[[[1]]]]"), SANCTUM_E_LIMIT, 3, "nesting too deep");
    expect_error(ctx, S("{\"a\":{\"b\":{\"c\":{}}}}"), SANCTUM_E_LIMIT, 15, "nesting too deep");
    char big[80];
    memset(big, ' ', sizeof big);
    big[0] = '1';
    assert_int_equal(validate(ctx, (const uint8_t *)big, sizeof big, &err), SANCTUM_E_LIMIT);
    assert_int_equal(err.offset, SANCTUM_NO_OFFSET);
    sanctum_ctx_free(ctx);

    /* default depth 1024: 1024 levels pass, 1025 fail without recursion */
    ctx = test_ctx_new();
    size_t n = 1025;
    uint8_t *deep = malloc(2 * n);
    memset(deep, '[', n);
    memset(deep + n, ']', n);
    assert_int_equal(validate(ctx, deep + 1, 2 * n - 2, &err), SANCTUM_OK);
    assert_int_equal(validate(ctx, deep, 2 * n, &err), SANCTUM_E_LIMIT);
    assert_int_equal(err.offset, 1024);
    free(deep);
    assert_int_equal(validate(NULL, S("1"), &err), SANCTUM_E_INVALID_ARG);
    assert_int_equal(validate(ctx, NULL, 3, &err), SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_json_validate(ctx, 99, S("1"), &err), SANCTUM_E_INVALID_ARG);
    test_ctx_free_checked(ctx);
}

static void duplicate_keys_compare_decoded(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_error err;
    expect_error(ctx, S("{\"role\":\"system\",\"role\":\"user\"}"), SANCTUM_E_PARSE, 17, "duplicate key");
    expect_error(ctx, S("{\"content\":1,\"\\u0063ontent\":2}"), SANCTUM_E_PARSE, 13, "duplicate key");
    expect_error(ctx, S("{\"a\\/b\":1,\"a/b\":2}"), SANCTUM_E_PARSE, 10, "duplicate key");
    expect_error(ctx, S("{\"\\ud83d\\ude00\":1,\"\xf0\x9f\x98\x80\":2}"), SANCTUM_E_PARSE, 18, "duplicate key");
    /* NFC and NFD spellings are different keys; so are keys differing after a NUL */
    assert_int_equal(validate(ctx, S("{\"\xc3\xa9\":1,\"e\xcc\x81\":2}"), &err), SANCTUM_OK);
    assert_int_equal(validate(ctx, S("{\"a\\u0000b\":1,\"a\\u0000c\":2}"), &err), SANCTUM_OK);
    /* nested objects have their own key sets */
    assert_int_equal(validate(ctx, S("{\"a\":{\"a\":1},\"b\":{\"a\":2}}"), &err), SANCTUM_OK);
    /* large objects go through the hash table: build 2000 distinct keys, then repeat one escaped */
    char *buf = malloc(64 * 2100);
    size_t n = 0;
    buf[n++] = '{';
    for (int i = 0; i < 2000; i++)
        n += (size_t)sprintf(buf + n, "%s\"key%d\":%d", i ? "," : "", i, i);
    buf[n++] = '}';
    assert_int_equal(validate(ctx, (const uint8_t *)buf, n, &err), SANCTUM_OK);
    n--;
    size_t dup_at = n + 1;
    n += (size_t)sprintf(buf + n, ",\"\\u006bey1234\":0}");
    assert_int_equal(validate(ctx, (const uint8_t *)buf, n, &err), SANCTUM_E_PARSE);
    assert_int_equal(err.offset, dup_at);
    assert_int_equal(sanctum_json_validate(ctx, SANCTUM_JSON_ALLOW_DUPLICATE_KEYS, (const uint8_t *)buf, n, &err),
                     SANCTUM_OK);
    free(buf);
    test_ctx_free_checked(ctx);
}

static void tape_has_offsets_and_structure(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_error err;
    sc_json_doc d;
    const char *doc = " {\"a\": [1, \"x\\n\", true], \"b\": null} ";
    assert_int_equal(sc_json_parse(ctx, (const uint8_t *)doc, strlen(doc), 0, 0, &d, &err), SANCTUM_OK);
    assert_int_equal(d.ntok, 8);
    static const uint8_t types[] = {SC_JT_OBJECT, SC_JT_KEY, SC_JT_ARRAY, SC_JT_NUMBER, SC_JT_STRING,
                                    SC_JT_TRUE, SC_JT_KEY, SC_JT_NULL};
    for (uint32_t i = 0; i < 8; i++)
        assert_int_equal(d.tok[i].type, types[i]);
    assert_int_equal(d.tok[0].start, 1);
    assert_int_equal(d.tok[0].len, strlen(doc) - 2);
    assert_int_equal(d.tok[0].next, 8);
    assert_int_equal(d.tok[2].next, 6);
    assert_int_equal(d.tok[4].start, 11);
    assert_int_equal(d.tok[4].len, 5);
    assert_true(d.tok[4].flags & SC_JF_ESCAPES);
    assert_int_equal(SC_JSON_GET(&d, 0, "b"), 7);
    assert_int_equal(SC_JSON_GET(&d, 0, "c"), 0);
    assert_true(SC_JSON_STR_IS(&d, 1, "a"));
    sc_json_doc_clear(&d);
    test_ctx_free_checked(ctx);
}

/* The SIMD validator (whole input, 32-byte blocks) against the scalar decoder: random mixes of
 * ASCII, valid sequences and every kind of bad byte, at every alignment and length. */
static void utf8_validator_matches_scalar(void **state)
{
    (void)state;
    static const char *pieces[] = {"a", "hello world, plain ascii text ", "\xc3\xa9", "\xe4\xb8\xad", "\xf0\x9f\x98\x80",
                                   "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xc2\x80", "\xe0\xa0\x80", "\xf0\x90\x80\x80",
                                   /* bad: */ "\x80", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xed\xa0\x80",
                                   "\xf0\x80\x80\xaf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xfe",
                                   "\xc3", "\xe4\xb8", "\xf0\x9f\x98", "\xbf\xbf"};
    uint64_t x = 88172645463325252ull;
    uint8_t buf[512];
    int invalid = 0;
    for (int iter = 0; iter < 20000; iter++) {
        size_t n = 0;
        size_t target = (size_t)(iter % 200);
        int bad_allowed = iter % 3 == 0;
        while (n < target) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            size_t k = (size_t)(x % (bad_allowed ? 24 : 10));
            size_t pl = strlen(pieces[k]);
            if (n + pl > sizeof buf)
                break;
            memcpy(buf + n, pieces[k], pl);
            n += pl;
        }
        size_t a = sc_json_utf8_valid_prefix(buf, n), b = sc_utf8_valid_prefix(buf, n);
        if (a != b)
            fail_msg("iteration %d (%zu bytes): SIMD %zu, scalar %zu", iter, n, a, b);
        invalid += b != n;
    }
    assert_true(invalid > 1000); /* the bad pieces did get exercised */
}

static void decode_matches_escapes(void **state)
{
    (void)state;
    const char *raw = "a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u4E2D\\ud83d\\ude00\\u0041";
    uint8_t out[64];
    size_t n = sc_json_decode((const uint8_t *)raw, strlen(raw), out);
    const char *want = "a\"b\\c/d\b\f\n\r\t\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80" "A";
    assert_int_equal(n, strlen(want));
    assert_memory_equal(out, want, n);
    assert_int_equal(sc_json_decoded_len((const uint8_t *)raw, strlen(raw)), n);
}

/* Writes doc with string token `tok` replaced by value, returns the output (test-owned). */
static char *rewrite(sanctum_ctx *ctx, const char *doc, uint32_t tok, const char *value)
{
    sc_json_doc d;
    sanctum_error err;
    assert_int_equal(sc_json_parse(ctx, (const uint8_t *)doc, strlen(doc), 0, 0, &d, &err), SANCTUM_OK);
    sc_json_edit e = {tok, (const uint8_t *)value, strlen(value)};
    uint8_t *out;
    size_t n;
    assert_int_equal(sc_json_write(&d, &e, 1, &out, &n, &err), SANCTUM_OK);
    char *s = malloc(n + 1);
    memcpy(s, out, n);
    s[n] = '\0';
    sc_free(out);
    sc_json_doc_clear(&d);
    /* the result parses */
    assert_int_equal(sanctum_json_validate(ctx, SANCTUM_JSON_STRICT, (const uint8_t *)s, n, &err), SANCTUM_OK);
    return s;
}

static void writer_keeps_escaping_style(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    char *s;
    /* JSON-required escapes, raw UTF-8 kept raw */
    s = rewrite(ctx, "{\"a\": \"x\", \"n\": 1.0}", 2, "q\"\\\n\x01 \xc3\xa9 <P>");
    assert_string_equal(s, "{\"a\": \"q\\\"\\\\\\n\\u0001 \xc3\xa9 <P>\", \"n\": 1.0}");
    free(s);
    /* Go style (the string itself had \u003c): <, >, & and U+2028 escaped */
    s = rewrite(ctx, "[\"\\u003cb\\u003e\"]", 1, "<PERSON_1> & \xe2\x80\xa8");
    assert_string_equal(s, "[\"\\u003cPERSON_1\\u003e \\u0026 \\u2028\"]");
    free(s);
    /* Go style learnt from another string of the document */
    s = rewrite(ctx, "[\"Jane\",\"a \\u0026 b\"]", 1, "<PERSON_1>");
    assert_string_equal(s, "[\"\\u003cPERSON_1\\u003e\",\"a \\u0026 b\"]");
    free(s);
    /* a raw '<' in the string itself wins over the document */
    s = rewrite(ctx, "[\"<x>\",\"\\u003c\"]", 1, "<y>");
    assert_string_equal(s, "[\"<y>\",\"\\u003c\"]");
    free(s);
    /* Python style: non-ASCII as \uXXXX with surrogate pairs, hex case kept */
    s = rewrite(ctx, "{\"t\": \"M\\u00fcller\"}", 2, "\xc3\xbc \xf0\x9f\x98\x80");
    assert_string_equal(s, "{\"t\": \"\\u00fc \\ud83d\\ude00\"}");
    free(s);
    s = rewrite(ctx, "[\"Jane\", \"M\\u00FCller\"]", 1, "\xc3\xbc");
    assert_string_equal(s, "[\"\\u00FC\", \"M\\u00FCller\"]");
    free(s);
    /* a document that writes raw UTF-8 somewhere is not Python style */
    s = rewrite(ctx, "[\"x\", \"\\u00fc \xc3\xbc\"]", 1, "\xc3\xa9");
    assert_string_equal(s, "[\"\xc3\xa9\", \"\\u00fc \xc3\xbc\"]");
    free(s);
    /* escaped slashes stay escaped */
    s = rewrite(ctx, "[\"a\\/b\"]", 1, "http://x/");
    assert_string_equal(s, "[\"http:\\/\\/x\\/\"]");
    free(s);
    /* an empty replacement and an escaped NUL */
    s = rewrite(ctx, "[\"abc\",1]", 1, "");
    assert_string_equal(s, "[\"\",1]");
    free(s);
    test_ctx_free_checked(ctx);
}

static void writer_rejects_bad_edits(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sc_json_doc d;
    sanctum_error err;
    const char *doc = "{\"a\":\"x\",\"b\":\"y\"}";
    assert_int_equal(sc_json_parse(ctx, (const uint8_t *)doc, strlen(doc), 0, 0, &d, &err), SANCTUM_OK);
    uint8_t *out = NULL;
    size_t n;
    sc_json_edit key = {1, (const uint8_t *)"z", 1};
    assert_int_equal(sc_json_write(&d, &key, 1, &out, &n, &err), SANCTUM_E_INVALID_ARG);
    sc_json_edit order[2] = {{4, (const uint8_t *)"z", 1}, {2, (const uint8_t *)"z", 1}};
    assert_int_equal(sc_json_write(&d, order, 2, &out, &n, &err), SANCTUM_E_INVALID_ARG);
    assert_null(out);
    sc_json_doc_clear(&d);
    test_ctx_free_checked(ctx);
}

/* ---- allocation-failure sweeps ---- */

typedef struct doc_input {
    const uint8_t *p;
    size_t n;
} doc_input;

static sanctum_status op_validate(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    doc_input *in = user;
    return sanctum_json_validate(ctx, SANCTUM_JSON_STRICT, in->p, in->n, err);
}

static sanctum_status op_roundtrip(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    doc_input *in = user;
    uint8_t *out = NULL;
    size_t n;
    sanctum_status st = sanctum_json_roundtrip(&out, &n, ctx, SANCTUM_JSON_STRICT, in->p, in->n, err);
    if (st == SANCTUM_OK && (n != in->n || memcmp(out, in->p, n) != 0))
        st = SANCTUM_E_INTERNAL;
    sanctum_free(out);
    return st;
}

static sanctum_status op_write_edit(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    doc_input *in = user;
    sc_json_doc d;
    sanctum_status st = sc_json_parse(ctx, in->p, in->n, 0, 0, &d, err);
    if (st != SANCTUM_OK)
        return st;
    sc_json_edit e = {2, (const uint8_t *)"<PERSON_1>", 10};
    uint8_t *out = NULL;
    size_t n;
    st = sc_json_write(&d, &e, 1, &out, &n, err);
    sc_free(out);
    sc_json_doc_clear(&d);
    return st;
}

static void sweeps(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    /* a large object (hash-table duplicate check), escaped keys (scratch buffers), deep arrays
     * (stack growth) and enough tokens to grow the tape */
    char *buf = malloc(100000);
    size_t n = 0;
    n += (size_t)sprintf(buf + n, "{\"k\":\"v\\u00e9\",");
    for (int i = 0; i < 40; i++) {
        n += (size_t)sprintf(buf + n, "\"\\u006b%d\":", i);
        for (int k = 0; k < 30; k++)
            buf[n++] = '[';
        n += (size_t)sprintf(buf + n, "%d", i);
        for (int k = 0; k < 30; k++)
            buf[n++] = ']';
        buf[n++] = ',';
    }
    n += (size_t)sprintf(buf + n, "\"end\":null}");
    doc_input in = {(const uint8_t *)buf, n};
    sanctum_error err;
    assert_int_equal(op_validate(ctx, &in, &err), SANCTUM_OK);
    assert_sweep_clean(ctx, op_validate, &in);
    assert_sweep_clean(ctx, op_roundtrip, &in);
    assert_sweep_clean(ctx, op_write_edit, &in);
    free(buf);
    test_ctx_free_checked(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(errors_say_where_and_what),
        cmocka_unit_test(nul_bytes_are_input),
        cmocka_unit_test(limits_are_enforced),
        cmocka_unit_test(duplicate_keys_compare_decoded),
        cmocka_unit_test(tape_has_offsets_and_structure),
        cmocka_unit_test(utf8_validator_matches_scalar),
        cmocka_unit_test(decode_matches_escapes),
        cmocka_unit_test(writer_keeps_escaping_style),
        cmocka_unit_test(writer_rejects_bad_edits),
        cmocka_unit_test(sweeps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
