/* The header lets every fallible call take err = NULL, and every call clears err first. Each one here runs into an error (past the
 * argument checks where the function has a deeper one: a parse error with an offset, a limit, a
 * missing item) twice: with an error struct, which must carry the expected status, and with NULL,
 * which must give the same status without a crash. Allocation failures are covered the same way by
 * every allocation sweep (tests/support/sweep.c repeats each failing run with err = NULL). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sanctum.h"
#include "test_util.h"

#define B(s) (const uint8_t *)(s), (sizeof(s) - 1)

static const uint8_t KEY[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

typedef struct fixture {
    sanctum_ctx *ctx, *small_ctx; /* small_ctx: max_input_bytes 16 */
    sanctum_detector *det;
    sanctum_session *session, *small_session;
    sanctum_stream_restorer *restorer;
    sanctum_chat_doc *doc;
    sanctum_scanner *scanner;
    sanctum_scan_report *report;
    sanctum_scan_ignore *ignore;
    sanctum_ledger *ledger;
    sanctum_pattern_set *patterns;
} fixture;

static fixture F;
static uint8_t *out_buf;
static size_t out_len;

static int setup(void **state)
{
    (void)state;
    memset(&F, 0, sizeof F);
    F.ctx = test_ctx_new();
    sanctum_ctx_options co;
    sanctum_ctx_options_init(&co);
    co.max_input_bytes = 16;
    assert_int_equal(sanctum_ctx_new(&F.small_ctx, &co, NULL), SANCTUM_OK);
    assert_int_equal(sanctum_detector_new(&F.det, F.ctx, NULL, NULL), SANCTUM_OK);
    assert_int_equal(sanctum_session_new(&F.session, F.ctx, F.det, NULL, NULL), SANCTUM_OK);
    assert_int_equal(sanctum_session_new(&F.small_session, F.small_ctx, NULL, NULL, NULL), SANCTUM_OK);
    assert_int_equal(sanctum_stream_restorer_new(&F.restorer, F.session, SANCTUM_CHAT_AUTO, NULL), SANCTUM_OK);
    static const char chat[] = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    assert_int_equal(sanctum_chat_doc_new(&F.doc, F.ctx, SANCTUM_CHAT_AUTO, B(chat), NULL), SANCTUM_OK);
    assert_int_equal(sanctum_scanner_new(&F.scanner, F.ctx, NULL, NULL, 0, NULL), SANCTUM_OK);
    assert_int_equal(sanctum_scan_report_new(&F.report, F.scanner, SANCTUM_SCAN_FORMAT_JSONL, 0, NULL, 0, NULL),
                     SANCTUM_OK);
    assert_int_equal(sanctum_scan_ignore_new(&F.ignore, F.ctx, NULL, 0, NULL), SANCTUM_OK);
    sanctum_ledger_options lo;
    sanctum_ledger_options_init(&lo);
    lo.flags = SANCTUM_LEDGER_CREATE | SANCTUM_LEDGER_FIXED_NOW;
    lo.path = (const uint8_t *)":memory:";
    lo.path_len = 8;
    lo.key = KEY;
    lo.key_len = sizeof KEY;
    lo.now = 1767225600;
    assert_int_equal(sanctum_ledger_open(&F.ledger, F.ctx, &lo, NULL), SANCTUM_OK);
    assert_int_equal(sanctum_pattern_set_new(&F.patterns, F.ctx, 0, NULL), SANCTUM_OK);
    assert_int_equal(sanctum_pattern_set_add(F.patterns, B("[a-z]+"), 0, NULL), SANCTUM_OK);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sanctum_free(F.patterns);
    sanctum_free(F.ledger);
    sanctum_free(F.ignore);
    sanctum_free(F.report);
    sanctum_free(F.scanner);
    sanctum_free(F.doc);
    sanctum_free(F.restorer);
    sanctum_free(F.session);
    sanctum_free(F.small_session);
    sanctum_free(F.det);
    sanctum_ctx_free(F.small_ctx);
    test_ctx_free_checked(F.ctx);
    return 0;
}

/* Each case: a call that fails, given err. */
typedef sanctum_status (*call_fn)(sanctum_error *err);

static sanctum_status c_ctx_new(sanctum_error *err)
{
    sanctum_ctx_options o;
    sanctum_ctx_options_init(&o);
    o.max_depth = 0;
    sanctum_ctx *c = NULL;
    return sanctum_ctx_new(&c, &o, err);
}
static sanctum_status c_json_validate(sanctum_error *err) { return sanctum_json_validate(F.ctx, 0, B("[1,]"), err); }
static sanctum_status c_json_roundtrip(sanctum_error *err)
{
    return sanctum_json_roundtrip(&out_buf, &out_len, F.ctx, 0, B("{\"a\":\xff}"), err);
}
static sanctum_status c_chat_doc_new(sanctum_error *err)
{
    sanctum_chat_doc *d = NULL;
    return sanctum_chat_doc_new(&d, F.ctx, SANCTUM_CHAT_AUTO, B("{\"messages\":[}"), err);
}
static sanctum_status c_chat_doc_set_replacement(sanctum_error *err)
{
    return sanctum_chat_doc_set_replacement(F.doc, 0, B("ok \xc3"), err);
}
static sanctum_status c_chat_doc_write(sanctum_error *err)
{
    return sanctum_chat_doc_write(NULL, &out_buf, &out_len, err);
}
static sanctum_status c_detector_new(sanctum_error *err)
{
    sanctum_detector_options o;
    sanctum_detector_options_init(&o);
    o.threshold = 2.0;
    sanctum_detector *d = NULL;
    return sanctum_detector_new(&d, F.ctx, &o, err);
}
static sanctum_status c_detector_new_with_lists(sanctum_error *err)
{
    sanctum_detector *d = NULL;
    return sanctum_detector_new_with_lists(&d, F.ctx, NULL, B("allow: x\nbogus line\n"), err);
}
static sanctum_status c_detect(sanctum_error *err)
{
    sanctum_detection *d = NULL;
    return sanctum_detect(&d, F.det, B("Sarah \xff Connor"), 0, err);
}
static sanctum_status c_session_new(sanctum_error *err)
{
    sanctum_session_options o;
    sanctum_session_options_init(&o);
    o.struct_size = 0;
    sanctum_session *s = NULL;
    return sanctum_session_new(&s, F.ctx, NULL, &o, err);
}
static sanctum_status c_anonymize_text(sanctum_error *err)
{
    return sanctum_session_anonymize_text(F.session, B("Jane \xff Roe"), &out_buf, &out_len, err);
}
static sanctum_status c_anonymize_request(sanctum_error *err)
{
    return sanctum_session_anonymize_request(F.session, SANCTUM_CHAT_AUTO, B("{\"messages\":"), &out_buf, &out_len,
                                             err);
}
static sanctum_status c_restore_text(sanctum_error *err)
{
    /* restore passes any bytes through; its deeper error is the input limit */
    return sanctum_session_restore_text(F.small_session, B("<PERSON_1> and <PERSON_2>"), &out_buf, &out_len, err);
}
static sanctum_status c_restore_response(sanctum_error *err)
{
    return sanctum_session_restore_response(F.session, SANCTUM_CHAT_AUTO, B("{\"choices\":[1,]}"), &out_buf,
                                            &out_len, err);
}
static sanctum_status c_seal(sanctum_error *err)
{
    return sanctum_session_seal(F.session, KEY, 16, &out_buf, &out_len, err);
}
static sanctum_status c_open_sealed(sanctum_error *err)
{
    sanctum_session *s = NULL;
    return sanctum_session_open_sealed(&s, F.ctx, KEY, sizeof KEY, B("not a vault at all, just text......"), err);
}
static sanctum_status c_stream_restorer_new(sanctum_error *err)
{
    sanctum_stream_restorer *r = NULL;
    return sanctum_stream_restorer_new(&r, F.session, 99, err);
}
static sanctum_status c_stream_restorer_feed(sanctum_error *err)
{
    return sanctum_stream_restorer_feed(NULL, B("data: {}\n\n"), &out_buf, &out_len, err);
}
static sanctum_status c_stream_restorer_finish(sanctum_error *err)
{
    return sanctum_stream_restorer_finish(F.restorer, NULL, &out_len, err);
}
static sanctum_status c_scanner_new(sanctum_error *err)
{
    sanctum_scanner *s = NULL;
    return sanctum_scanner_new(&s, F.ctx, NULL, B("[rule]\nid = x\nregex = (\n"), err);
}
static sanctum_status c_scan_buffer(sanctum_error *err)
{
    static uint8_t big[1 << 12];
    sanctum_scan_result *r = NULL;
    sanctum_ctx_options co;
    sanctum_ctx_options_init(&co);
    (void)sanctum_ctx_get_options(F.ctx, &co);
    return sanctum_scan_buffer(F.scanner, &r, big, (size_t)co.max_input_bytes + 1, NULL, 0, err);
}
static sanctum_status c_scan_report_new(sanctum_error *err)
{
    sanctum_scan_report *r = NULL;
    return sanctum_scan_report_new(&r, F.scanner, 99, 0, NULL, 0, err);
}
static sanctum_status c_scan_report_add(sanctum_error *err)
{
    return sanctum_scan_report_add(F.report, NULL, NULL, 0, B("f"), NULL, err);
}
static sanctum_status c_scan_report_take(sanctum_error *err)
{
    return sanctum_scan_report_take(F.report, 0, NULL, &out_len, err);
}
static sanctum_status c_scan_ignore_new(sanctum_error *err)
{
    sanctum_scan_ignore *ig = NULL;
    return sanctum_scan_ignore_new(&ig, F.small_ctx, B("a-pattern-file-larger-than-16-bytes\n"), err);
}
static sanctum_status c_scan_ignore_add(sanctum_error *err)
{
    return sanctum_scan_ignore_add(F.ignore, NULL, 5, err);
}
static sanctum_status c_ledger_keygen(sanctum_error *err)
{
    return sanctum_ledger_keygen(B("/nonexistent-dir-of-sanctum-tests/k.key"), err);
}
static sanctum_status c_ledger_open(sanctum_error *err)
{
    sanctum_ledger_options o;
    sanctum_ledger_options_init(&o);
    o.path = (const uint8_t *)"/nonexistent-dir-of-sanctum-tests/l.db";
    o.path_len = strlen((const char *)o.path);
    o.key = KEY;
    o.key_len = sizeof KEY;
    sanctum_ledger *l = NULL;
    return sanctum_ledger_open(&l, F.ctx, &o, err);
}
static sanctum_status c_ledger_add(sanctum_error *err)
{
    sanctum_ledger_spec sp;
    sanctum_ledger_spec_init(&sp);
    sp.name = (const uint8_t *)"n";
    sp.name_len = 1;
    sp.provider = (const uint8_t *)"p";
    sp.provider_len = 1;
    sp.max_age_days = 0;
    return sanctum_ledger_add(F.ledger, &sp, B("me"), err);
}
static sanctum_status c_ledger_rotate(sanctum_error *err)
{
    return sanctum_ledger_rotate(F.ledger, B("missing"), 0, NULL, 0, B("me"), err);
}
static sanctum_status c_ledger_retire(sanctum_error *err) { return sanctum_ledger_retire(F.ledger, B("missing"), B("me"), err); }
static sanctum_status c_ledger_show(sanctum_error *err)
{
    sanctum_ledger_secret_list *l = NULL;
    return sanctum_ledger_show(&l, F.ledger, B("missing"), err);
}
static sanctum_status c_ledger_list(sanctum_error *err)
{
    sanctum_ledger_secret_list *l = NULL;
    return sanctum_ledger_list(&l, NULL, 0, err);
}
static sanctum_status c_ledger_check(sanctum_error *err)
{
    sanctum_ledger_report *r = NULL;
    return sanctum_ledger_check(&r, NULL, 0, err);
}
static sanctum_status c_ledger_audit_log(sanctum_error *err)
{
    sanctum_ledger_event_list *l = NULL;
    return sanctum_ledger_audit_log(&l, F.ledger, B("bad\nname"), err);
}
static sanctum_status c_ledger_verify(sanctum_error *err)
{
    sanctum_ledger_verify_report r;
    memset(&r, 0, sizeof r);
    r.struct_size = (uint32_t)sizeof r;
    return sanctum_ledger_verify(&r, F.ledger, 5, KEY, err);
}
static sanctum_status c_ledger_batch_begin(sanctum_error *err)
{
    assert_int_equal(sanctum_ledger_batch_begin(F.ledger, NULL), SANCTUM_OK);
    sanctum_status st = sanctum_ledger_batch_begin(F.ledger, err);
    assert_int_equal(sanctum_ledger_batch_rollback(F.ledger, NULL), SANCTUM_OK);
    return st;
}
static sanctum_status c_ledger_batch_commit(sanctum_error *err) { return sanctum_ledger_batch_commit(F.ledger, err); }
static sanctum_status c_ledger_batch_rollback(sanctum_error *err) { return sanctum_ledger_batch_rollback(F.ledger, err); }
static sanctum_status c_ledger_fingerprint(sanctum_error *err)
{
    uint8_t fp[32];
    return sanctum_ledger_fingerprint(fp, 5, F.ledger, B("value"), err);
}
static sanctum_status c_ledger_match(sanctum_error *err)
{
    sanctum_ledger_secret_list *l = NULL;
    return sanctum_ledger_match(&l, F.ledger, KEY, 5, err);
}
static sanctum_status c_ledger_parse_time(sanctum_error *err)
{
    int64_t t;
    return sanctum_ledger_parse_time(&t, B("2026-02-30"), err);
}
static sanctum_status c_ledger_format_time(sanctum_error *err)
{
    char b[4];
    return sanctum_ledger_format_time(b, sizeof b, 0, err);
}

static sanctum_status c_pattern_set_new(sanctum_error *err)
{
    sanctum_pattern_set *p = NULL;
    return sanctum_pattern_set_new(&p, F.ctx, (uint64_t)1 << 40, err);
}
static sanctum_status c_pattern_set_add(sanctum_error *err)
{
    return sanctum_pattern_set_add(F.patterns, B("(unclosed"), 0, err);
}
static sanctum_status c_pattern_set_match(sanctum_error *err)
{
    sanctum_pattern_matches *m = NULL;
    return sanctum_pattern_set_match(F.patterns, B("abc \xff"), 0, &m, err);
}

typedef struct call_case {
    const char *name;
    call_fn fn;
    sanctum_status want;
} call_case;

#define CASE(fn, want) {#fn, c_##fn, want}
static const call_case CASES[] = {
    CASE(ctx_new, SANCTUM_E_INVALID_ARG),
    CASE(json_validate, SANCTUM_E_PARSE),
    CASE(json_roundtrip, SANCTUM_E_UTF8),
    CASE(chat_doc_new, SANCTUM_E_PARSE),
    CASE(chat_doc_set_replacement, SANCTUM_E_UTF8),
    CASE(chat_doc_write, SANCTUM_E_INVALID_ARG),
    CASE(detector_new, SANCTUM_E_INVALID_ARG),
    CASE(detector_new_with_lists, SANCTUM_E_PARSE),
    CASE(detect, SANCTUM_E_UTF8),
    CASE(session_new, SANCTUM_E_INVALID_ARG),
    CASE(anonymize_text, SANCTUM_E_UTF8),
    CASE(anonymize_request, SANCTUM_E_PARSE),
    CASE(restore_text, SANCTUM_E_LIMIT),
    CASE(restore_response, SANCTUM_E_PARSE),
    CASE(seal, SANCTUM_E_INVALID_ARG),
    CASE(open_sealed, SANCTUM_E_PARSE),
    CASE(stream_restorer_new, SANCTUM_E_INVALID_ARG),
    CASE(stream_restorer_feed, SANCTUM_E_INVALID_ARG),
    CASE(stream_restorer_finish, SANCTUM_E_INVALID_ARG),
    CASE(pattern_set_new, SANCTUM_E_INVALID_ARG),
    CASE(pattern_set_add, SANCTUM_E_PARSE),
    CASE(pattern_set_match, SANCTUM_E_UTF8),
    CASE(scanner_new, SANCTUM_E_PARSE),
    CASE(scan_buffer, SANCTUM_E_LIMIT),
    CASE(scan_report_new, SANCTUM_E_INVALID_ARG),
    CASE(scan_report_add, SANCTUM_E_INVALID_ARG),
    CASE(scan_report_take, SANCTUM_E_INVALID_ARG),
    CASE(scan_ignore_new, SANCTUM_E_LIMIT),
    CASE(scan_ignore_add, SANCTUM_E_INVALID_ARG),
    CASE(ledger_keygen, SANCTUM_E_IO),
    CASE(ledger_open, SANCTUM_E_NOT_FOUND),
    CASE(ledger_add, SANCTUM_E_INVALID_ARG),
    CASE(ledger_rotate, SANCTUM_E_NOT_FOUND),
    CASE(ledger_retire, SANCTUM_E_NOT_FOUND),
    CASE(ledger_show, SANCTUM_E_NOT_FOUND),
    CASE(ledger_list, SANCTUM_E_INVALID_ARG),
    CASE(ledger_check, SANCTUM_E_INVALID_ARG),
    CASE(ledger_audit_log, SANCTUM_E_PARSE),
    CASE(ledger_verify, SANCTUM_E_TAMPERED),
    CASE(ledger_batch_begin, SANCTUM_E_STATE),
    CASE(ledger_batch_commit, SANCTUM_E_STATE),
    CASE(ledger_batch_rollback, SANCTUM_E_STATE),
    CASE(ledger_fingerprint, SANCTUM_E_BUFFER_TOO_SMALL),
    CASE(ledger_match, SANCTUM_E_INVALID_ARG),
    CASE(ledger_parse_time, SANCTUM_E_PARSE),
    CASE(ledger_format_time, SANCTUM_E_BUFFER_TOO_SMALL),
};

static void every_fallible_call_takes_a_null_err(void **state)
{
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        const call_case *c = &CASES[i];
        sanctum_error err;
        out_buf = NULL;
        sanctum_status got = c->fn(&err);
        int partial = out_buf != NULL; /* no partial output on failure */
        sanctum_free(out_buf);
        out_buf = NULL;
        sanctum_status got_null = c->fn(NULL);
        partial |= out_buf != NULL;
        sanctum_free(out_buf);
        out_buf = NULL;
        if (got != c->want || err.code != got || got_null != got || partial) {
            print_error("%s: %s (err %s: %s), with NULL err %s; want %s%s\n", c->name, sanctum_status_name(got),
                        sanctum_status_name(err.code), err.message, sanctum_status_name(got_null),
                        sanctum_status_name(c->want), partial ? "; wrote output" : "");
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

/* Every entry point begins by clearing err: a call that succeeds leaves no stale error behind. */
static sanctum_error E;
static void dirty(void)
{
    memset(&E, 0x5A, sizeof E);
    E.code = SANCTUM_E_PARSE;
}
#define CLEAN_OK(call)                                                                                          \
    do {                                                                                                        \
        dirty();                                                                                                \
        sanctum_status st_ = (call);                                                                            \
        if (st_ != SANCTUM_OK || E.code != SANCTUM_OK || E.offset != SANCTUM_NO_OFFSET || E.message[0] != 0)   \
            fail_msg("%s: status %s, err left %s", #call, sanctum_status_name(st_), sanctum_status_name(E.code)); \
    } while (0)

static void success_leaves_err_cleared(void **state)
{
    (void)state;
    uint8_t *o = NULL, *sealed = NULL;
    size_t n = 0, sealed_n = 0;
    static const char chat[] = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi Jane\"}]}";
    sanctum_ctx *c = NULL;
    CLEAN_OK(sanctum_ctx_new(&c, NULL, &E));
    sanctum_ctx_free(c);
    CLEAN_OK(sanctum_json_validate(F.ctx, 0, B("[1]"), &E));
    CLEAN_OK(sanctum_json_roundtrip(&o, &n, F.ctx, 0, B("[1]"), &E));
    sanctum_free(o);
    uint8_t esc[8];
    CLEAN_OK(sanctum_json_escape(esc, sizeof esc, &n, B("a"), &E));
    sanctum_chat_doc *doc = NULL;
    CLEAN_OK(sanctum_chat_doc_new(&doc, F.ctx, SANCTUM_CHAT_AUTO, B(chat), &E));
    CLEAN_OK(sanctum_chat_doc_set_replacement(doc, 0, B("hello"), &E));
    CLEAN_OK(sanctum_chat_doc_write(doc, &o, &n, &E));
    sanctum_free(o);
    sanctum_free(doc);
    sanctum_detector *det = NULL;
    CLEAN_OK(sanctum_detector_new(&det, F.ctx, NULL, &E));
    sanctum_free(det);
    CLEAN_OK(sanctum_detector_new_with_lists(&det, F.ctx, NULL, B("allow: x\n"), &E));
    sanctum_free(det);
    sanctum_detection *d = NULL;
    CLEAN_OK(sanctum_detect(&d, F.det, B("hello"), 0, &E));
    sanctum_free(d);
    sanctum_session *s = NULL;
    CLEAN_OK(sanctum_session_new(&s, F.ctx, F.det, NULL, &E));
    CLEAN_OK(sanctum_session_anonymize_text(s, B("hello"), &o, &n, &E));
    sanctum_free(o);
    CLEAN_OK(sanctum_session_anonymize_request(s, SANCTUM_CHAT_AUTO, B(chat), &o, &n, &E));
    sanctum_free(o);
    CLEAN_OK(sanctum_session_restore_text(s, B("<PERSON_1>"), &o, &n, &E));
    sanctum_free(o);
    CLEAN_OK(sanctum_session_restore_response(s, SANCTUM_CHAT_AUTO, B("{\"choices\":[]}"), &o, &n, &E));
    sanctum_free(o);
    CLEAN_OK(sanctum_session_seal(s, KEY, sizeof KEY, &sealed, &sealed_n, &E));
    sanctum_session *s2 = NULL;
    CLEAN_OK(sanctum_session_open_sealed(&s2, F.ctx, KEY, sizeof KEY, sealed, sealed_n, &E));
    sanctum_free(sealed);
    sanctum_stream_restorer *r = NULL;
    CLEAN_OK(sanctum_stream_restorer_new(&r, s2, SANCTUM_CHAT_AUTO, &E));
    CLEAN_OK(sanctum_stream_restorer_feed(r, B("data: [DONE]\n\n"), &o, &n, &E));
    sanctum_free(o);
    CLEAN_OK(sanctum_stream_restorer_finish(r, &o, &n, &E));
    sanctum_free(o);
    sanctum_free(r);
    sanctum_free(s2);
    sanctum_free(s);
    sanctum_pattern_set *ps = NULL;
    CLEAN_OK(sanctum_pattern_set_new(&ps, F.ctx, 0, &E));
    CLEAN_OK(sanctum_pattern_set_add(ps, B("[0-9]+"), SANCTUM_PATTERN_CASELESS, &E));
    sanctum_pattern_matches *pm = NULL;
    CLEAN_OK(sanctum_pattern_set_match(ps, B("a 12 b"), 0, &pm, &E));
    sanctum_free(pm);
    sanctum_free(ps);
    sanctum_scanner *sc = NULL;
    CLEAN_OK(sanctum_scanner_new(&sc, F.ctx, NULL, NULL, 0, &E));
    sanctum_free(sc);
    sanctum_scan_result *res = NULL;
    CLEAN_OK(sanctum_scan_buffer(F.scanner, &res, B("nothing"), NULL, 0, &E));
    sanctum_scan_report *rep = NULL;
    CLEAN_OK(sanctum_scan_report_new(&rep, F.scanner, SANCTUM_SCAN_FORMAT_JSONL, 0, NULL, 0, &E));
    CLEAN_OK(sanctum_scan_report_add(rep, res, B("nothing"), B("f"), NULL, &E));
    CLEAN_OK(sanctum_scan_report_take(rep, 1, &o, &n, &E));
    sanctum_free(o);
    sanctum_free(rep);
    sanctum_free(res);
    sanctum_scan_ignore *ig = NULL;
    CLEAN_OK(sanctum_scan_ignore_new(&ig, F.ctx, B("*.log\n"), &E));
    CLEAN_OK(sanctum_scan_ignore_add(ig, B("build/\n"), &E));
    sanctum_free(ig);
    char kp[64];
    snprintf(kp, sizeof kp, "/tmp/sanctum-err-null-%ld.key", (long)getpid());
    (void)unlink(kp);
    CLEAN_OK(sanctum_ledger_keygen((const uint8_t *)kp, strlen(kp), &E));
    (void)unlink(kp);
    sanctum_ledger_spec sp;
    sanctum_ledger_spec_init(&sp);
    sp.name = (const uint8_t *)"ok";
    sp.name_len = 2;
    sp.provider = (const uint8_t *)"p";
    sp.provider_len = 1;
    sp.max_age_days = 5;
    CLEAN_OK(sanctum_ledger_batch_begin(F.ledger, &E));
    CLEAN_OK(sanctum_ledger_add(F.ledger, &sp, B("me"), &E));
    CLEAN_OK(sanctum_ledger_batch_commit(F.ledger, &E));
    CLEAN_OK(sanctum_ledger_batch_begin(F.ledger, &E));
    CLEAN_OK(sanctum_ledger_batch_rollback(F.ledger, &E));
    CLEAN_OK(sanctum_ledger_rotate(F.ledger, B("ok"), 0, NULL, 0, B("me"), &E));
    sanctum_ledger_secret_list *list = NULL;
    CLEAN_OK(sanctum_ledger_show(&list, F.ledger, B("ok"), &E));
    sanctum_free(list);
    CLEAN_OK(sanctum_ledger_list(&list, F.ledger, 0, &E));
    sanctum_free(list);
    sanctum_ledger_report *rp = NULL;
    CLEAN_OK(sanctum_ledger_check(&rp, F.ledger, 0, &E));
    sanctum_free(rp);
    sanctum_ledger_event_list *ev = NULL;
    CLEAN_OK(sanctum_ledger_audit_log(&ev, F.ledger, NULL, 0, &E));
    sanctum_free(ev);
    sanctum_ledger_verify_report vr;
    memset(&vr, 0, sizeof vr);
    vr.struct_size = (uint32_t)sizeof vr;
    CLEAN_OK(sanctum_ledger_verify(&vr, F.ledger, 0, NULL, &E));
    uint8_t fp[32];
    CLEAN_OK(sanctum_ledger_fingerprint(fp, sizeof fp, F.ledger, B("v"), &E));
    CLEAN_OK(sanctum_ledger_match(&list, F.ledger, fp, sizeof fp, &E));
    sanctum_free(list);
    int64_t t;
    CLEAN_OK(sanctum_ledger_parse_time(&t, B("2026-01-02"), &E));
    char tb[32];
    CLEAN_OK(sanctum_ledger_format_time(tb, sizeof tb, t, &E));
    CLEAN_OK(sanctum_ledger_retire(F.ledger, B("ok"), B("me"), &E));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(every_fallible_call_takes_a_null_err, setup, teardown),
        cmocka_unit_test_setup_teardown(success_leaves_err_cleared, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
