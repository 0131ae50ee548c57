/* Growable option structs (docs/abi.md): every entry point that reads one takes the struct of an older
 * header (struct_size down to the first version's fields; the rest keeps defaults), refuses a smaller
 * one, takes a newer header's larger struct whose unknown tail is zero, and refuses one whose unknown
 * tail is set (E_UNSUPPORTED: a setting this library does not know is not silently dropped). The
 * structs the library fills are written only as far as the caller's header reaches. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "options.h"
#include "sanctum.h"
#include "test_util.h"

/* The caller's struct, with room past ours for a newer header's fields. */
#define ROOM 32
typedef union caller_buf {
    max_align_t align;
    uint8_t b[512];
} caller_buf;

static void set_size(caller_buf *c, size_t n)
{
    uint32_t v = (uint32_t)n;
    memcpy(c->b, &v, sizeof v);
}

typedef struct entry {
    const char *name;
    size_t size; /* ours */
    size_t v1;   /* the first version's */
    /* _init plus one setting inside the first version that check() can see */
    void (*init)(caller_buf *c);
    sanctum_status (*call)(sanctum_ctx *ctx, const void *opts, void **obj, sanctum_error *err);
    void (*check)(void *obj);
    void (*release)(void *obj);
} entry;

static void release_obj(void *obj) { sanctum_free(obj); }

/* ---- sanctum_ctx_new ---- */
static void ctx_init(caller_buf *c)
{
    sanctum_ctx_options_init((sanctum_ctx_options *)(void *)c->b);
    ((sanctum_ctx_options *)(void *)c->b)->max_depth = 7;
}
static sanctum_status ctx_call(sanctum_ctx *ctx, const void *opts, void **obj, sanctum_error *err)
{
    (void)ctx;
    sanctum_ctx *c = NULL;
    sanctum_status st = sanctum_ctx_new(&c, opts, err);
    *obj = c;
    return st;
}
static void ctx_check(void *obj)
{
    sanctum_ctx_options got;
    sanctum_ctx_options_init(&got);
    assert_int_equal(sanctum_ctx_get_options(obj, &got), SANCTUM_OK);
    assert_int_equal(got.max_depth, 7);
    assert_int_equal(got.max_input_bytes, 64u << 20); /* a default, whatever lay past an older struct */
}
static void ctx_release(void *obj) { test_ctx_free_checked(obj); }

/* ---- sanctum_detector_new and sanctum_detector_new_with_lists ---- */
static void det_init(caller_buf *c)
{
    sanctum_detector_options_init((sanctum_detector_options *)(void *)c->b);
    ((sanctum_detector_options *)(void *)c->b)->entities = 1u << SANCTUM_ENTITY_EMAIL_ADDRESS;
}
static sanctum_status det_call(sanctum_ctx *ctx, const void *opts, void **obj, sanctum_error *err)
{
    sanctum_detector *d = NULL;
    sanctum_status st = sanctum_detector_new(&d, ctx, opts, err);
    *obj = d;
    return st;
}
static sanctum_status det_lists_call(sanctum_ctx *ctx, const void *opts, void **obj, sanctum_error *err)
{
    static const char lists[] = "allow: nobody\n";
    sanctum_detector *d = NULL;
    sanctum_status st =
        sanctum_detector_new_with_lists(&d, ctx, opts, (const uint8_t *)lists, sizeof lists - 1, err);
    *obj = d;
    return st;
}
static void det_check(void *obj)
{
    static const char text[] = "Sarah Connor wrote from sarah@example.com, SSN 123-45-6789.";
    sanctum_detection *d = NULL;
    assert_int_equal(sanctum_detect(&d, obj, (const uint8_t *)text, sizeof text - 1, 0, NULL), SANCTUM_OK);
    assert_int_equal(d->count, 1);
    assert_int_equal(d->entities[0].type, SANCTUM_ENTITY_EMAIL_ADDRESS);
    sanctum_free(d);
}

/* ---- sanctum_session_new ---- */
static void session_init(caller_buf *c) { sanctum_session_options_init((sanctum_session_options *)(void *)c->b); }
static sanctum_status session_call(sanctum_ctx *ctx, const void *opts, void **obj, sanctum_error *err)
{
    sanctum_session *s = NULL;
    sanctum_status st = sanctum_session_new(&s, ctx, NULL, opts, err);
    *obj = s;
    return st;
}
static void session_check(void *obj)
{
    uint8_t *out = NULL;
    size_t n = 0;
    assert_int_equal(sanctum_session_restore_text(obj, (const uint8_t *)"<PERSON_1>", 10, &out, &n, NULL), SANCTUM_OK);
    assert_int_equal(n, 10);
    sanctum_free(out);
}

/* ---- sanctum_scanner_new ---- */
static void scan_init(caller_buf *c)
{
    sanctum_scan_options *o = (sanctum_scan_options *)(void *)c->b;
    sanctum_scan_options_init(o);
    o->flags = SANCTUM_SCAN_NO_BUILTIN;
    o->max_findings = 1;
}
static sanctum_status scan_call(sanctum_ctx *ctx, const void *opts, void **obj, sanctum_error *err)
{
    static const char rules[] = "[rule]\nid = acme-key\nregex = acme_[A-Za-z0-9]{24}\nkeywords = acme_\n";
    sanctum_scanner *s = NULL;
    sanctum_status st = sanctum_scanner_new(&s, ctx, opts, (const uint8_t *)rules, sizeof rules - 1, err);
    *obj = s;
    return st;
}
static void scan_check(void *obj)
{
    static const char buf[] = "a = acme_Q8zR2mX7vTwL4pN9sK3dF6hJ\nb = acme_W2kP9sL4xQ7mZ3vN8tR5yB6c\n";
    sanctum_scan_result *r = NULL;
    assert_int_equal(sanctum_scan_buffer(obj, &r, (const uint8_t *)buf, sizeof buf - 1, NULL, 0, NULL), SANCTUM_OK);
    assert_int_equal(r->count, 1); /* max_findings = 1 */
    assert_int_equal(r->truncated, 1);
    assert_string_equal(r->findings[0].fingerprint, ""); /* the key pointer past an older struct was not read */
    sanctum_free(r);
}

/* ---- sanctum_ledger_open and sanctum_ledger_add ---- */
static const uint8_t KEY[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};
#define NOW 1767225600 /* 2026-01-01T00:00:00Z */
static void ledger_init(caller_buf *c)
{
    sanctum_ledger_options *o = (sanctum_ledger_options *)(void *)c->b;
    sanctum_ledger_options_init(o);
    o->flags = SANCTUM_LEDGER_CREATE | SANCTUM_LEDGER_FIXED_NOW;
    o->path = (const uint8_t *)":memory:";
    o->path_len = 8;
    o->key = KEY;
    o->key_len = sizeof KEY;
    o->now = NOW;
}
static sanctum_status ledger_call(sanctum_ctx *ctx, const void *opts, void **obj, sanctum_error *err)
{
    sanctum_ledger *l = NULL;
    sanctum_status st = sanctum_ledger_open(&l, ctx, opts, err);
    *obj = l;
    return st;
}
static void ledger_check(void *obj)
{
    sanctum_ledger_report *r = NULL;
    assert_int_equal(sanctum_ledger_check(&r, obj, 0, NULL), SANCTUM_OK);
    assert_int_equal(r->now, NOW);
    sanctum_free(r);
}
static void spec_init(caller_buf *c)
{
    sanctum_ledger_spec *sp = (sanctum_ledger_spec *)(void *)c->b;
    sanctum_ledger_spec_init(sp);
    sp->max_age_days = 77;
    sp->name = (const uint8_t *)"gh";
    sp->name_len = 2;
    sp->provider = (const uint8_t *)"github";
    sp->provider_len = 6;
}
static sanctum_status spec_call(sanctum_ctx *ctx, const void *spec, void **obj, sanctum_error *err)
{
    caller_buf o;
    memset(&o, 0, sizeof o);
    ledger_init(&o);
    sanctum_ledger *l = NULL;
    assert_int_equal(sanctum_ledger_open(&l, ctx, (const sanctum_ledger_options *)(void *)o.b, NULL), SANCTUM_OK);
    sanctum_status st = sanctum_ledger_add(l, spec, (const uint8_t *)"t", 1, err);
    if (st != SANCTUM_OK) {
        sanctum_ledger_secret_list *list = NULL;
        assert_int_equal(sanctum_ledger_list(&list, l, 1, NULL), SANCTUM_OK);
        assert_int_equal(list->count, 0); /* refused: nothing added */
        sanctum_free(list);
        sanctum_free(l);
        l = NULL;
    }
    *obj = l;
    return st;
}
static void spec_check(void *obj)
{
    sanctum_ledger_secret_list *list = NULL;
    assert_int_equal(sanctum_ledger_show(&list, obj, (const uint8_t *)"gh", 2, NULL), SANCTUM_OK);
    assert_int_equal(list->count, 1);
    assert_int_equal(list->items[0].max_age_days, 77);
    assert_int_equal(list->items[0].due_soon_days, 14); /* the default */
    sanctum_free(list);
}

/* The first version of each struct: the bytes through its last field then. */
static const entry ENTRIES[] = {
    {"sanctum_ctx_new", sizeof(sanctum_ctx_options), SC_SIZE_THROUGH(sanctum_ctx_options, max_depth), ctx_init,
     ctx_call, ctx_check, ctx_release},
    {"sanctum_detector_new", sizeof(sanctum_detector_options),
     SC_SIZE_THROUGH(sanctum_detector_options, deny_count), det_init, det_call, det_check, release_obj},
    {"sanctum_detector_new_with_lists", sizeof(sanctum_detector_options),
     SC_SIZE_THROUGH(sanctum_detector_options, deny_count), det_init, det_lists_call, det_check, release_obj},
    {"sanctum_session_new", sizeof(sanctum_session_options), SC_SIZE_THROUGH(sanctum_session_options, struct_size),
     session_init, session_call, session_check, release_obj},
    {"sanctum_scanner_new", sizeof(sanctum_scan_options), SC_SIZE_THROUGH(sanctum_scan_options, match_limit),
     scan_init, scan_call, scan_check, release_obj},
    {"sanctum_ledger_open", sizeof(sanctum_ledger_options), SC_SIZE_THROUGH(sanctum_ledger_options, now),
     ledger_init, ledger_call, ledger_check, release_obj},
    {"sanctum_ledger_add", sizeof(sanctum_ledger_spec), SC_SIZE_THROUGH(sanctum_ledger_spec, value_len), spec_init,
     spec_call, spec_check, release_obj},
};
#define N_ENTRIES (sizeof ENTRIES / sizeof ENTRIES[0])

static void run_ok(const entry *e, caller_buf *c)
{
    sanctum_ctx *ctx = test_ctx_new();
    void *obj = NULL;
    sanctum_error err;
    sanctum_status st = e->call(ctx, c->b, &obj, &err);
    if (st != SANCTUM_OK)
        fail_msg("%s: %s", e->name, err.message);
    assert_non_null(obj);
    e->check(obj);
    e->release(obj);
    test_ctx_free_checked(ctx);
}

static void run_refused(const entry *e, caller_buf *c, sanctum_status want, const char *word)
{
    sanctum_ctx *ctx = test_ctx_new();
    void *obj = NULL;
    sanctum_error err;
    assert_int_equal(e->call(ctx, c->b, &obj, &err), want);
    assert_null(obj);
    assert_int_equal(err.code, want);
    assert_non_null(strstr(err.message, word));
    /* and with err = NULL: the same status, no crash */
    assert_int_equal(e->call(ctx, c->b, &obj, NULL), want);
    assert_null(obj);
    test_ctx_free_checked(ctx);
}

static void todays_header_is_read(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_ENTRIES; i++) {
        caller_buf c;
        memset(&c, 0, sizeof c);
        ENTRIES[i].init(&c);
        run_ok(&ENTRIES[i], &c);
    }
}

static void older_header_keeps_defaults_past_its_fields(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_ENTRIES; i++) {
        const entry *e = &ENTRIES[i];
        assert_true(e->v1 <= e->size);
        caller_buf c;
        memset(&c, 0xA5, sizeof c); /* what lies past an older caller's struct is not ours to read */
        e->init(&c);
        memset(c.b + e->v1, 0xA5, sizeof c.b - e->v1);
        set_size(&c, e->v1);
        run_ok(e, &c);
    }
}

static void smaller_than_the_first_version_is_refused(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_ENTRIES; i++) {
        caller_buf c;
        memset(&c, 0, sizeof c);
        ENTRIES[i].init(&c);
        set_size(&c, ENTRIES[i].v1 - 1);
        run_refused(&ENTRIES[i], &c, SANCTUM_E_INVALID_ARG, "struct_size");
        set_size(&c, 0);
        run_refused(&ENTRIES[i], &c, SANCTUM_E_INVALID_ARG, "struct_size");
        /* an uninitialised struct_size (garbage) is refused before its "tail" is read */
        set_size(&c, 0xdeadbeefu);
        run_refused(&ENTRIES[i], &c, SANCTUM_E_INVALID_ARG, "struct_size");
    }
}

static void newer_header_with_a_zero_tail_is_read(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_ENTRIES; i++) {
        caller_buf c;
        memset(&c, 0, sizeof c);
        ENTRIES[i].init(&c);
        set_size(&c, ENTRIES[i].size + ROOM);
        run_ok(&ENTRIES[i], &c);
    }
}

static void newer_header_with_a_set_unknown_field_is_refused(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_ENTRIES; i++) {
        for (size_t at = 0; at < ROOM; at += ROOM - 1) { /* the first and the last unknown byte */
            caller_buf c;
            memset(&c, 0, sizeof c);
            ENTRIES[i].init(&c);
            set_size(&c, ENTRIES[i].size + ROOM);
            c.b[ENTRIES[i].size + at] = 1;
            run_refused(&ENTRIES[i], &c, SANCTUM_E_UNSUPPORTED, "newer header");
        }
    }
}

/* ---- structs the library fills for the caller (sc_struct_write) ---- */
typedef struct out_entry {
    const char *name;
    size_t size, v1;
    int zero_is_ours;
    sanctum_status (*call)(void *out); /* fills the caller's struct at out */
} out_entry;

static sanctum_ctx *g_ctx;
static sanctum_chat_doc *g_doc;
static sanctum_session *g_session;
static sanctum_ledger *g_ledger;

static sanctum_status out_ctx_stats(void *out) { return sanctum_ctx_stats(g_ctx, out); }
static sanctum_status out_ctx_options(void *out) { return sanctum_ctx_get_options(g_ctx, out); }
static sanctum_status out_chat_text(void *out) { return sanctum_chat_doc_text(g_doc, 0, out); }
static sanctum_status out_session_stats(void *out) { return sanctum_session_get_stats(g_session, out); }
static sanctum_status out_verify(void *out) { return sanctum_ledger_verify(out, g_ledger, 0, NULL, NULL); }

static const out_entry OUT_ENTRIES[] = {
    {"sanctum_ctx_stats", sizeof(sanctum_stats), SC_SIZE_THROUGH(sanctum_stats, struct_size), 1, out_ctx_stats},
    {"sanctum_ctx_get_options", sizeof(sanctum_ctx_options), SC_SIZE_THROUGH(sanctum_ctx_options, struct_size), 1,
     out_ctx_options},
    {"sanctum_chat_doc_text", sizeof(sanctum_chat_text), SC_SIZE_THROUGH(sanctum_chat_text, offset), 0,
     out_chat_text},
    {"sanctum_session_get_stats", sizeof(sanctum_session_stats), SC_SIZE_THROUGH(sanctum_session_stats, malformed),
     0, out_session_stats},
    {"sanctum_ledger_verify", sizeof(sanctum_ledger_verify_report),
     SC_SIZE_THROUGH(sanctum_ledger_verify_report, message), 1, out_verify},
};

static int out_setup(void **state)
{
    (void)state;
    g_ctx = test_ctx_new();
    static const char chat[] = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    assert_int_equal(sanctum_chat_doc_new(&g_doc, g_ctx, SANCTUM_CHAT_AUTO, (const uint8_t *)chat, sizeof chat - 1,
                                          NULL),
                     SANCTUM_OK);
    assert_int_equal(sanctum_session_new(&g_session, g_ctx, NULL, NULL, NULL), SANCTUM_OK);
    caller_buf o;
    memset(&o, 0, sizeof o);
    ledger_init(&o);
    assert_int_equal(sanctum_ledger_open(&g_ledger, g_ctx, (const sanctum_ledger_options *)(void *)o.b, NULL),
                     SANCTUM_OK);
    return 0;
}

static int out_teardown(void **state)
{
    (void)state;
    sanctum_free(g_ledger);
    sanctum_free(g_session);
    sanctum_free(g_doc);
    test_ctx_free_checked(g_ctx);
    return 0;
}

static uint32_t size_of(const caller_buf *c)
{
    uint32_t v;
    memcpy(&v, c->b, sizeof v);
    return v;
}

static void filled_structs_fit_the_callers_header(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof OUT_ENTRIES / sizeof OUT_ENTRIES[0]; i++) {
        const out_entry *e = &OUT_ENTRIES[i];
        caller_buf c;
        /* today's header: filled whole */
        memset(&c, 0xA5, sizeof c);
        set_size(&c, e->size);
        assert_int_equal(e->call(c.b), SANCTUM_OK);
        assert_int_equal(size_of(&c), e->size);
        /* an older header: only its bytes are written, and struct_size says how many */
        memset(&c, 0xA5, sizeof c);
        set_size(&c, e->v1);
        assert_int_equal(e->call(c.b), SANCTUM_OK);
        assert_int_equal(size_of(&c), e->v1);
        for (size_t k = e->v1; k < sizeof c.b; k++)
            assert_int_equal(c.b[k], 0xA5);
        /* a newer header: its unknown tail is left as it was */
        memset(&c, 0xA5, sizeof c);
        set_size(&c, e->size + ROOM);
        assert_int_equal(e->call(c.b), SANCTUM_OK);
        assert_int_equal(size_of(&c), e->size);
        for (size_t k = e->size; k < sizeof c.b; k++)
            assert_int_equal(c.b[k], 0xA5);
        /* too small (or 0 where 0 does not mean "this version"): refused, nothing written */
        memset(&c, 0xA5, sizeof c);
        set_size(&c, e->zero_is_ours ? e->v1 - 1 : 0);
        if (e->v1 > 4 || !e->zero_is_ours) {
            uint32_t before = size_of(&c);
            assert_int_not_equal(e->call(c.b), SANCTUM_OK);
            assert_int_equal(size_of(&c), before);
            for (size_t k = sizeof(uint32_t); k < sizeof c.b; k++)
                assert_int_equal(c.b[k], 0xA5);
        }
        /* 0 means this version's size where the call says so */
        if (e->zero_is_ours) {
            memset(&c, 0xA5, sizeof c);
            set_size(&c, 0);
            assert_int_equal(e->call(c.b), SANCTUM_OK);
            assert_int_equal(size_of(&c), e->size);
            for (size_t k = e->size; k < sizeof c.b; k++)
                assert_int_equal(c.b[k], 0xA5);
        }
    }
}

/* The reader itself, on a struct that really grew: a v1 caller against a v2 library. */
typedef struct v1 {
    uint32_t struct_size;
    uint32_t a;
} v1;
typedef struct v2 {
    uint32_t struct_size;
    uint32_t a;
    uint64_t b; /* appended in version 2; default 42 */
} v2;

static void reader_copies_what_the_caller_knows(void **state)
{
    (void)state;
    v1 old = {sizeof(v1), 5};
    v2 dst = {sizeof(v2), 1, 42};
    assert_int_equal(sc_options_read(&dst, sizeof dst, &old, sizeof(v1), "v", NULL), SANCTUM_OK);
    assert_int_equal(dst.struct_size, sizeof(v2));
    assert_int_equal(dst.a, 5);
    assert_int_equal(dst.b, 42);
    v2 cur = {sizeof(v2), 6, 7};
    assert_int_equal(sc_options_read(&dst, sizeof dst, &cur, sizeof(v1), "v", NULL), SANCTUM_OK);
    assert_int_equal(dst.a, 6);
    assert_int_equal(dst.b, 7);
    /* a v2 caller against a v1 library: b = 0 is "unset", b != 0 is refused */
    v1 lib = {sizeof(v1), 0};
    cur.b = 0;
    assert_int_equal(sc_options_read(&lib, sizeof lib, &cur, sizeof(v1), "v", NULL), SANCTUM_OK);
    assert_int_equal(lib.struct_size, sizeof(v1));
    assert_int_equal(lib.a, 6);
    cur.b = 1;
    lib.a = 0;
    sanctum_error err;
    assert_int_equal(sc_options_read(&lib, sizeof lib, &cur, sizeof(v1), "v", &err), SANCTUM_E_UNSUPPORTED);
    assert_int_equal(lib.a, 0); /* nothing copied on refusal */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(todays_header_is_read),
        cmocka_unit_test(older_header_keeps_defaults_past_its_fields),
        cmocka_unit_test(smaller_than_the_first_version_is_refused),
        cmocka_unit_test(newer_header_with_a_zero_tail_is_read),
        cmocka_unit_test(newer_header_with_a_set_unknown_field_is_refused),
        cmocka_unit_test(reader_copies_what_the_caller_knows),
        cmocka_unit_test_setup_teardown(filled_structs_fit_the_callers_header, out_setup, out_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
