/* One JSON string escaper: sanctum_json_escape says how the library escapes, and the scan report, the
 * ledger's event JSON and values restored into unparsed tool arguments write exactly that. (The CLI
 * prints through sanctum_json_escape: tests/foundation/cli_options.sh runs it.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "sanctum.h"
#include "test_util.h"

#define B(s) (const uint8_t *)(s), (sizeof(s) - 1)

/* The escaped form of s[0..n), as a NUL-terminated string in buf. */
static const char *escaped(const void *s, size_t n, char *buf, size_t cap)
{
    size_t len = 0;
    assert_int_equal(sanctum_json_escape((uint8_t *)buf, cap - 1, &len, s, n, NULL), SANCTUM_OK);
    buf[len] = '\0';
    return buf;
}

static void escape_rules(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        size_t n;
        const char *want;
    } cases[] = {
        {"plain text", 10, "plain text"},
        {"q\"b\\s/", 6, "q\\\"b\\\\s/"},
        {"\b\f\n\r\t", 5, "\\b\\f\\n\\r\\t"},
        {"\x01\x1f\x7f", 3, "\\u0001\\u001f\x7f"},
        {"nul\0x", 5, "nul\\u0000x"},
        {"caf\xc3\xa9 \xe2\x80\xa8 \xf0\x9f\x98\x80", 14, "caf\xc3\xa9 \xe2\x80\xa8 \xf0\x9f\x98\x80"},
        {"bad \xff end", 9, "bad \\ufffd end"},
        {"cut \xe2\x80", 6, "cut \\ufffd\\ufffd"},
        {"surrogate \xed\xa0\x80", 13, "surrogate \\ufffd\\ufffd\\ufffd"},
        {"overlong \xc0\xaf", 11, "overlong \\ufffd\\ufffd"},
        {"", 0, ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[128];
        assert_string_equal(escaped(cases[i].in, cases[i].n, buf, sizeof buf), cases[i].want);
    }
    /* the length first, then the bytes; too small a buffer gets nothing */
    size_t len = 0;
    assert_int_equal(sanctum_json_escape(NULL, 0, &len, B("a\"b"), NULL), SANCTUM_E_BUFFER_TOO_SMALL);
    assert_int_equal(len, 4);
    uint8_t small[3] = {'x', 'x', 'x'};
    sanctum_error err;
    assert_int_equal(sanctum_json_escape(small, sizeof small, &len, B("a\"b"), &err), SANCTUM_E_BUFFER_TOO_SMALL);
    assert_int_equal(err.code, SANCTUM_E_BUFFER_TOO_SMALL);
    assert_memory_equal(small, "xxx", 3);
    assert_int_equal(sanctum_json_escape(NULL, 0, &len, NULL, 0, &err), SANCTUM_OK);
    assert_int_equal(len, 0);
    assert_int_equal(sanctum_json_escape(NULL, 0, NULL, B("a"), NULL), SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_json_escape(NULL, 0, &len, NULL, 1, NULL), SANCTUM_E_INVALID_ARG);
}

/* The text between `"key":"` and the closing quote in out (escaped quotes skipped). */
static size_t field(const char *out, const char *key, char *val, size_t cap)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":\"", key);
    const char *p = strstr(out, pat);
    assert_non_null(p);
    p += strlen(pat);
    size_t n = 0;
    while (p[n] != '\0' && p[n] != '"') {
        if (p[n] == '\\')
            n++;
        n++;
    }
    assert_true(n < cap);
    memcpy(val, p, n);
    val[n] = '\0';
    return n;
}

static void scan_report_escapes_the_same(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    static const char rules[] = "[rule]\nid = acme-key\nregex = acme_[A-Za-z0-9]{24}\nkeywords = acme_\n";
    sanctum_scan_options o;
    sanctum_scan_options_init(&o);
    o.flags = SANCTUM_SCAN_NO_BUILTIN;
    sanctum_scanner *sc = NULL;
    assert_int_equal(sanctum_scanner_new(&sc, ctx, &o, B(rules), NULL), SANCTUM_OK);
    static const char text[] = "k = acme_Q8zR2mX7vTwL4pN9sK3dF6hJ\n";
    sanctum_scan_result *res = NULL;
    assert_int_equal(sanctum_scan_buffer(sc, &res, B(text), NULL, 0, NULL), SANCTUM_OK);
    assert_int_equal(res->count, 1);
    sanctum_scan_report *rep = NULL;
    assert_int_equal(sanctum_scan_report_new(&rep, sc, SANCTUM_SCAN_FORMAT_JSONL, 0, NULL, 0, NULL), SANCTUM_OK);
    static const char file[] = "dir/\"odd\"\\na\tme \xc3\xa9\x7f\x01 \xff.env";
    assert_int_equal(sanctum_scan_report_add(rep, res, B(text), B(file), NULL, NULL), SANCTUM_OK);
    uint8_t *out = NULL;
    size_t out_len = 0;
    assert_int_equal(sanctum_scan_report_take(rep, 1, &out, &out_len, NULL), SANCTUM_OK);
    char got[512], want[512];
    assert_true(out_len < sizeof got);
    memcpy(got, out, out_len);
    got[out_len] = '\0';
    char val[256];
    field(got, "file", val, sizeof val);
    assert_string_equal(val, escaped(file, sizeof file - 1, want, sizeof want));
    sanctum_free(out);
    sanctum_free(rep);
    sanctum_free(res);
    sanctum_free(sc);
    test_ctx_free_checked(ctx);
}

static const uint8_t KEY[32] = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6,
                                7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22};

static void ledger_event_json_escapes_the_same(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_ledger_options lo;
    sanctum_ledger_options_init(&lo);
    lo.flags = SANCTUM_LEDGER_CREATE | SANCTUM_LEDGER_FIXED_NOW;
    lo.path = (const uint8_t *)":memory:";
    lo.path_len = 8;
    lo.key = KEY;
    lo.key_len = sizeof KEY;
    lo.now = 1767225600;
    sanctum_ledger *l = NULL;
    assert_int_equal(sanctum_ledger_open(&l, ctx, &lo, NULL), SANCTUM_OK);
    static const char notes[] = "say \"hi\" \\ caf\xc3\xa9 \xe2\x80\xa8 </x>";
    static const char locs[] = "env:A\nvault:\"b\"";
    sanctum_ledger_spec sp;
    sanctum_ledger_spec_init(&sp);
    sp.name = (const uint8_t *)"k";
    sp.name_len = 1;
    sp.provider = (const uint8_t *)"p";
    sp.provider_len = 1;
    sp.max_age_days = 30;
    sp.notes = (const uint8_t *)notes;
    sp.notes_len = sizeof notes - 1;
    sp.locations = (const uint8_t *)locs;
    sp.locations_len = sizeof locs - 1;
    assert_int_equal(sanctum_ledger_add(l, &sp, B("me"), NULL), SANCTUM_OK);
    sanctum_ledger_event_list *ev = NULL;
    assert_int_equal(sanctum_ledger_audit_log(&ev, l, NULL, 0, NULL), SANCTUM_OK);
    assert_int_equal(ev->count, 1);
    char val[512], want[512];
    field(ev->items[0].after, "notes", val, sizeof val);
    assert_string_equal(val, escaped(notes, sizeof notes - 1, want, sizeof want));
    field(ev->items[0].after, "locations", val, sizeof val);
    assert_string_equal(val, escaped(locs, sizeof locs - 1, want, sizeof want));
    sanctum_free(ev);
    sanctum_free(l);
    test_ctx_free_checked(ctx);
}

static void restored_tool_arguments_escape_the_same(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    /* a known value with characters JSON must escape */
    static const char value[] = "Zorb \"Q\" Bl\\ax\tKim";
    const char *deny[] = {value};
    sanctum_detector_options o;
    sanctum_detector_options_init(&o);
    o.deny_terms = deny;
    o.deny_count = 1;
    sanctum_detector *det = NULL;
    assert_int_equal(sanctum_detector_new(&det, ctx, &o, NULL), SANCTUM_OK);
    sanctum_session *s = NULL;
    assert_int_equal(sanctum_session_new(&s, ctx, det, NULL, NULL), SANCTUM_OK);
    uint8_t *anon = NULL;
    size_t anon_len = 0;
    static const char text[] = "ask Zorb \"Q\" Bl\\ax\tKim now";
    assert_int_equal(sanctum_session_anonymize_text(s, B(text), &anon, &anon_len, NULL), SANCTUM_OK);
    assert_int_equal(anon_len, strlen("ask <PERSON_1> now"));
    assert_memory_equal(anon, "ask <PERSON_1> now", anon_len);
    sanctum_free(anon);
    /* tool arguments that are not JSON: the value goes in JSON-escaped */
    static const char resp[] =
        "{\"id\":\"r\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        "\"content\":null,\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\","
        "\"arguments\":\"{\\\"who\\\": <PERSON_1>\"}}]},\"finish_reason\":\"tool_calls\"}]}";
    uint8_t *out = NULL;
    size_t out_len = 0;
    sanctum_error err;
    if (sanctum_session_restore_response(s, SANCTUM_CHAT_OPENAI_CHAT, B(resp), &out, &out_len, &err) != SANCTUM_OK)
        fail_msg("restore: %s", err.message);
    sanctum_chat_doc *doc = NULL;
    assert_int_equal(sanctum_chat_doc_new(&doc, ctx, SANCTUM_CHAT_OPENAI_CHAT, out, out_len, NULL), SANCTUM_OK);
    char want[256], args[300];
    snprintf(args, sizeof args, "{\"who\": %s", escaped(value, sizeof value - 1, want, sizeof want));
    int found = 0;
    for (size_t i = 0; i < sanctum_chat_doc_count(doc); i++) {
        sanctum_chat_text t;
        memset(&t, 0, sizeof t);
        t.struct_size = sizeof t;
        assert_int_equal(sanctum_chat_doc_text(doc, i, &t), SANCTUM_OK);
        if (strstr(t.path, "arguments") != NULL) {
            assert_int_equal(t.text_len, strlen(args));
            assert_memory_equal(t.text, args, t.text_len);
            found = 1;
        }
    }
    assert_true(found);
    sanctum_free(doc);
    sanctum_free(out);
    sanctum_free(s);
    sanctum_free(det);
    test_ctx_free_checked(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escape_rules),
        cmocka_unit_test(scan_report_escapes_the_same),
        cmocka_unit_test(ledger_event_json_escapes_the_same),
        cmocka_unit_test(restored_tool_arguments_escape_the_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
