/* Mapper: round trips, numbering, prefix stability, literal placeholders, tolerant restore, vault,
 * wiping, fail-closed and allocation-failure sweeps. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "mapper/mapper.h"
#include "sweep.h"
#include "test_util.h"

#define U(s) ((const uint8_t *)(s))

/* ABI pins of the mapper's public structs. */
_Static_assert(offsetof(sanctum_session_options, scrub_system) == 8, "sanctum_session_options layout");
_Static_assert(offsetof(sanctum_session_options, refuse_lone_surrogates) == 12, "sanctum_session_options layout");
_Static_assert(offsetof(sanctum_session_options, identities) == 16, "sanctum_session_options layout");
_Static_assert(sizeof(sanctum_session_options) == 24, "sanctum_session_options layout");
_Static_assert(offsetof(sanctum_session_stats, numbers) == 160, "sanctum_session_stats layout");
_Static_assert(sizeof(sanctum_session_stats) == 168, "sanctum_session_stats layout");
_Static_assert(offsetof(sanctum_session_stats, distinct) == 8, "distinct");
_Static_assert(offsetof(sanctum_session_stats, occurrences) == 64, "occurrences");
_Static_assert(offsetof(sanctum_session_stats, literals) == 120, "literals");
_Static_assert(offsetof(sanctum_session_stats, restored) == 136, "restored");
_Static_assert(offsetof(sanctum_session_stats, malformed) == 152, "malformed");

typedef struct fx {
    sanctum_ctx *ctx;
    sanctum_detector *det;
} fx;

static fx fx_new(void)
{
    fx f;
    f.ctx = test_ctx_new();
    f.det = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_detector_new(&f.det, f.ctx, NULL, &err), SANCTUM_OK);
    return f;
}

static void fx_free(fx *f)
{
    sanctum_free(f->det);
    test_ctx_free_checked(f->ctx);
}

static sanctum_session *session(fx *f)
{
    sanctum_session *s = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_session_new(&s, f->ctx, f->det, NULL, &err), SANCTUM_OK);
    return s;
}

static char *anon(sanctum_session *s, const char *text)
{
    uint8_t *out = NULL;
    size_t n = 0;
    sanctum_error err;
    assert_int_equal(sanctum_session_anonymize_text(s, U(text), strlen(text), &out, &n, &err), SANCTUM_OK);
    char *r = malloc(n + 1);
    memcpy(r, out, n);
    r[n] = 0;
    sanctum_free(out);
    return r;
}

static char *restore(sanctum_session *s, const char *text)
{
    uint8_t *out = NULL;
    size_t n = 0;
    sanctum_error err;
    assert_int_equal(sanctum_session_restore_text(s, U(text), strlen(text), &out, &n, &err), SANCTUM_OK);
    char *r = malloc(n + 1);
    memcpy(r, out, n);
    r[n] = 0;
    sanctum_free(out);
    return r;
}

static sanctum_session_stats stats(const sanctum_session *s)
{
    sanctum_session_stats st;
    memset(&st, 0, sizeof st);
    st.struct_size = (uint32_t)sizeof st;
    assert_int_equal(sanctum_session_get_stats(s, &st), SANCTUM_OK);
    return st;
}

static const char *TEXTS[] = {
    "Hi, I'm Jane Roe (jane.roe@example.com, call me at +1 202-555-0143). My card 4111 1111 1111 1111.",
    "Please wire to IBAN DE89 3704 0044 0532 0130 00; my SSN is 219-09-9999. Thanks, John Smith",
    "No personal data here, only code: x = foo_bar(1, 2);",
    "",
    "Dear Dr. Alice Martin, Bob Smith wrote to bob.smith@example.org about <PERSON_1> and [EMAIL_ADDRESS_3].",
    "Unicode: Zoë Müller <zoe.mueller@example.de> — ünïcödé ✓ PERSON_7 person_2 &lt;IBAN_CODE_1&gt;",
};

/* restore(anonymize(x)) == x; the output holds no detected value. */
static void text_round_trip(void **state)
{
    (void)state;
    fx f = fx_new();
    for (size_t i = 0; i < sizeof TEXTS / sizeof TEXTS[0]; i++) {
        sanctum_session *s = session(&f);
        char *a = anon(s, TEXTS[i]);
        char *r = restore(s, a);
        assert_string_equal(r, TEXTS[i]);
        sanctum_detection *d = NULL;
        sanctum_error err;
        assert_int_equal(sanctum_detect(&d, f.det, U(TEXTS[i]), strlen(TEXTS[i]), 0, &err), SANCTUM_OK);
        for (size_t k = 0; k < d->count; k++) {
            size_t l = (size_t)(d->entities[k].end - d->entities[k].start);
            assert_null(memmem(a, strlen(a), TEXTS[i] + d->entities[k].start, l));
        }
        if (i == 0) {
            assert_non_null(strstr(a, "<PERSON_1>"));
            assert_non_null(strstr(a, "<EMAIL_ADDRESS_1>"));
            assert_non_null(strstr(a, "<PHONE_NUMBER_1>"));
            assert_non_null(strstr(a, "<CREDIT_CARD_1>"));
            assert_true(d->count >= 4);
        }
        sanctum_free(d);
        free(a);
        free(r);
        sanctum_free(s);
    }
    fx_free(&f);
}

/* One numbering per session, same value (after normalization) -> same placeholder. */
static void numbering_and_normalization(void **state)
{
    (void)state;
    fx f = fx_new();
    sanctum_session *s = session(&f);
    char *a = anon(s, "Mail Jane.Roe@Example.com or bob@example.org, then jane.roe@example.com again.");
    assert_string_equal(a, "Mail <EMAIL_ADDRESS_1> or <EMAIL_ADDRESS_2>, then <EMAIL_ADDRESS_1> again.");
    free(a);
    a = anon(s, "Card 4111-1111-1111-1111 is the same as 4111 1111 1111 1111; ssn 219-09-9999.");
    assert_string_equal(a, "Card <CREDIT_CARD_1> is the same as <CREDIT_CARD_1>; ssn <US_SSN_1>.");
    free(a);
    a = anon(s, "IBAN DE89370400440532013000 = de89 3704 0044 0532 0130 00. Another: bob@example.org");
    assert_string_equal(a, "IBAN <IBAN_CODE_1> = <IBAN_CODE_1>. Another: <EMAIL_ADDRESS_2>");
    free(a);
    sanctum_session_stats st = stats(s);
    assert_int_equal(st.distinct[SANCTUM_ENTITY_EMAIL_ADDRESS], 2);
    assert_int_equal(st.distinct[SANCTUM_ENTITY_CREDIT_CARD], 1);
    assert_int_equal(st.occurrences[SANCTUM_ENTITY_EMAIL_ADDRESS], 4);
    assert_int_equal(st.variant_spellings, 3); /* Jane.Roe@Example.com, card, iban */
    /* restore gives the first spelling */
    char *r = restore(s, "<EMAIL_ADDRESS_1> <IBAN_CODE_1>");
    assert_string_equal(r, "Jane.Roe@Example.com DE89370400440532013000");
    free(r);
    sanctum_free(s);
    fx_free(&f);
}

/* A later conversation that extends an earlier one gets the same placeholders for the shared part. */
static void prefix_stability(void **state)
{
    (void)state;
    fx f = fx_new();
    const char *a = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"I am Jane Roe, jane@example.com\"},"
                    "{\"role\":\"assistant\",\"content\":\"Hello Bob Smith and Jane Roe\"}";
    const char *tail = ",{\"role\":\"user\",\"content\":\"Also Maria Garcia, carol@example.com and jane@example.com\"}";
    char d1[1024], d2[1024];
    snprintf(d1, sizeof d1, "%s]}", a);
    snprintf(d2, sizeof d2, "%s%s]}", a, tail);
    uint8_t *o1 = NULL, *o2 = NULL;
    size_t n1 = 0, n2 = 0;
    sanctum_error err;
    sanctum_session *s1 = session(&f), *s2 = session(&f);
    assert_int_equal(sanctum_session_anonymize_request(s1, SANCTUM_CHAT_AUTO, U(d1), strlen(d1), &o1, &n1, &err),
                     SANCTUM_OK);
    assert_int_equal(sanctum_session_anonymize_request(s2, SANCTUM_CHAT_AUTO, U(d2), strlen(d2), &o2, &n2, &err),
                     SANCTUM_OK);
    /* everything before the closing "]}" of d1 is a prefix of the output for d2 */
    assert_true(n1 > 2 && n2 > n1);
    assert_memory_equal(o1, o2, n1 - 2);
    assert_non_null(memmem(o1, n1, "I am <PERSON_1>, <EMAIL_ADDRESS_1>", 34));
    assert_non_null(memmem(o2, n2, "Also <PERSON_3>, <EMAIL_ADDRESS_2> and <EMAIL_ADDRESS_1>", 56));
    sanctum_free(o1);
    sanctum_free(o2);
    sanctum_free(s1);
    sanctum_free(s2);
    fx_free(&f);
}

/* Placeholder-looking input comes back verbatim and is never confused with an issued placeholder. */
static void literal_placeholders(void **state)
{
    (void)state;
    fx f = fx_new();
    sanctum_session *s = session(&f);
    const char *in = "Jane Roe said <PERSON_1> and PERSON_2, [person_1], &lt;EMAIL_ADDRESS_1&gt; XPERSON_1.";
    char *a = anon(s, in);
    /* no placeholder-like text of the user survives: every type name in the output is ours */
    assert_null(strstr(a, "person_1"));
    assert_null(strstr(a, "PERSON_2,"));
    char *r = restore(s, a);
    assert_string_equal(r, in);
    free(r);
    /* Jane Roe is PERSON_1; the user's "<PERSON_1>" got its own number */
    r = restore(s, "<PERSON_1>");
    assert_string_equal(r, "Jane Roe");
    free(r);
    r = restore(s, "<PERSON_2>");
    assert_string_equal(r, "<PERSON_1>");
    free(r);
    assert_int_equal(stats(s).literals, 5);
    free(a);
    sanctum_free(s);
    fx_free(&f);
}

/* Literals far from any other '_', right after one, and with the longest type name: the scan that
 * jumps between underscores finds every one (anon.c). */
static void literal_placeholders_far_apart(void **state)
{
    (void)state;
    fx f = fx_new();
    sanctum_session *s = session(&f);
    char in[4096] = "";
    for (int i = 0; i < 40; i++)
        strcat(in, "pepper piece cup ");
    strcat(in, "a_b ");
    for (int i = 0; i < 40; i++)
        strcat(in, "pepper piece cup ");
    strcat(in, "IBAN_CODE_12 x__US_BANK_NUMBER_3 [credit_card_9]");
    for (int i = 0; i < 20; i++)
        strcat(in, " eel ");
    strcat(in, "phone_number_4");
    char *a = anon(s, in);
    assert_null(strstr(a, "IBAN_CODE_12"));
    assert_null(strstr(a, "US_BANK_NUMBER_3"));
    assert_null(strstr(a, "credit_card_9"));
    assert_null(strstr(a, "phone_number_4"));
    assert_non_null(strstr(a, "a_b"));
    char *r = restore(s, a);
    assert_string_equal(r, in);
    free(r);
    assert_int_equal(stats(s).literals, 4);
    free(a);
    sanctum_free(s);
    fx_free(&f);
}

/* Tolerated variants, unknown and malformed placeholders. */
static void tolerant_restore(void **state)
{
    (void)state;
    fx f = fx_new();
    sanctum_session *s = session(&f);
    char *a = anon(s, "Jane Roe and John Smith, jane@example.com");
    assert_string_equal(a, "<PERSON_1> and <PERSON_2>, <EMAIL_ADDRESS_1>");
    free(a);
    char *r = restore(s, "<person_1>|&lt;PERSON_2&gt;|[Email_Address_1]|PERSON_1.|(PERSON_2)|PERSON_1");
    assert_string_equal(r, "Jane Roe|John Smith|jane@example.com|Jane Roe.|(John Smith)|Jane Roe");
    free(r);
    sanctum_session_stats st = stats(s);
    assert_int_equal(st.restored, 6);
    /* word-bounded only; unknown and malformed left verbatim and counted */
    const char *odd = "XPERSON_1 PERSON_1x PERSON_12 <PERSON_3> <EMAIL_ADDRESS_2> <PERSON_01> <PERSON_0> "
                      "<PERSON_1234567890> <PERSON_1 <PERSON_> <FOO_1> {PERSON_1}";
    r = restore(s, odd);
    assert_string_equal(r, "XPERSON_1 PERSON_1x PERSON_12 <PERSON_3> <EMAIL_ADDRESS_2> <PERSON_01> <PERSON_0> "
                           "<PERSON_1234567890> <Jane Roe <PERSON_> <FOO_1> {Jane Roe}");
    free(r);
    sanctum_session_stats st2 = stats(s);
    assert_int_equal(st2.restored - st.restored, 2);
    assert_int_equal(st2.unknown - st.unknown, 3);     /* PERSON_12, PERSON_3, EMAIL_ADDRESS_2 */
    assert_int_equal(st2.malformed - st.malformed, 3); /* 01, 0, 1234567890 */
    sanctum_free(s);
    fx_free(&f);
}

static uint8_t *readf(const char *name, size_t *n)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/examples/%s", SANCTUM_SOURCE_DIR, name);
    uint8_t *p = test_read_file(path, n);
    assert_non_null(p);
    return p;
}

/* Chat requests of every format: anonymized, restored == original (modulo variant spellings). */
static void request_round_trip(void **state)
{
    (void)state;
    fx f = fx_new();
    const char *files[] = {"openai_chat_request.json", "anthropic_messages_request.json",
                           "openai_responses_request.json", "gemini_request.json"};
    for (size_t i = 0; i < 4; i++) {
        size_t n = 0;
        uint8_t *doc = readf(files[i], &n);
        sanctum_session *s = session(&f);
        uint8_t *a = NULL, *r = NULL;
        size_t an = 0, rn = 0;
        sanctum_error err;
        assert_int_equal(sanctum_session_anonymize_request(s, SANCTUM_CHAT_AUTO, doc, n, &a, &an, &err), SANCTUM_OK);
        assert_int_equal(sanctum_json_validate(f.ctx, 0, a, an, &err), SANCTUM_OK);
        assert_int_equal(sanctum_session_restore_response(s, SANCTUM_CHAT_AUTO, a, an, &r, &rn, &err), SANCTUM_OK);
        sanctum_session_stats st = stats(s);
        uint64_t total = 0;
        for (int t = 0; t < SANCTUM_ENTITY_COUNT; t++)
            total += st.occurrences[t];
        assert_true(total >= 3);
        assert_int_equal(st.restored, total + st.literals);
        if (st.numbers != 0) {
            /* the Gemini example's card number under "card" comes back as a string of its digits */
            assert_int_equal(i, 3);
            assert_int_equal(st.numbers, 1);
            assert_int_equal(st.variant_spellings, 0);
            assert_non_null(memmem(r, rn, "\"card\": \"4111111111111111\"", 26));
            assert_int_equal(rn, n + 2);
        } else if (st.variant_spellings == 0) {
            assert_int_equal(rn, n);
            assert_memory_equal(r, doc, n);
        } else {
            /* the OpenAI example spells one phone number two ways: the first spelling comes back */
            assert_int_equal(i, 0);
            assert_int_equal(st.variant_spellings, 1);
            char *fixed = malloc(n + 1);
            memcpy(fixed, doc, n);
            fixed[n] = 0;
            char *p = strstr(fixed, "+1 202 555 0143");
            assert_non_null(p);
            memcpy(p, "+1 202-555-0143", 15);
            assert_int_equal(rn, n);
            assert_memory_equal(r, fixed, n);
            free(fixed);
        }
        /* no detected value left in the anonymized request */
        assert_null(memmem(a, an, "jane.roe@example.com", 20));
        sanctum_free(a);
        sanctum_free(r);
        sanctum_free(s);
        free(doc);
    }
    fx_free(&f);
}

/* Fail closed: a bad document gives an error, no output, and leaves the session as it was. */
static void fail_closed(void **state)
{
    (void)state;
    fx f = fx_new();
    sanctum_session *s = session(&f);
    char *a = anon(s, "Jane Roe");
    free(a);
    uint8_t *out = NULL;
    size_t n = 0;
    sanctum_error err;
    const char *bad = "{\"messages\":[{\"role\":\"user\",\"content\":\"Bob Smith, bob@example.org\"}]";
    assert_int_equal(sanctum_session_anonymize_request(s, SANCTUM_CHAT_AUTO, U(bad), strlen(bad), &out, &n, &err),
                     SANCTUM_E_PARSE);
    assert_null(out);
    assert_null(strstr(err.message, "Bob"));
    /* an allocation failure half-way leaves no new numbers behind */
    const char *good = "{\"messages\":[{\"role\":\"user\",\"content\":\"Bob Smith, bob@example.org\"},"
                       "{\"role\":\"user\",\"content\":\"Maria Garcia, carol@example.org\"}]}";
    for (uint64_t k = 1; k < 400; k++) {
        sc_fault_arm(f.ctx, k, false);
        sanctum_status st = sanctum_session_anonymize_request(s, SANCTUM_CHAT_AUTO, U(good), strlen(good), &out, &n, &err);
        bool injected = sc_fault_injected(f.ctx) > 0;
        sc_fault_disarm(f.ctx);
        if (st == SANCTUM_OK) {
            assert_non_null(memmem(out, n, "<PERSON_2>, <EMAIL_ADDRESS_1>", 29));
            assert_non_null(memmem(out, n, "<PERSON_3>, <EMAIL_ADDRESS_2>", 29));
            sanctum_free(out);
            out = NULL;
            if (!injected)
                break;
            /* rerun from a session state equal to before: make a fresh one to continue the sweep */
            sanctum_free(s);
            s = session(&f);
            a = anon(s, "Jane Roe");
            free(a);
            continue;
        }
        assert_int_equal(st, SANCTUM_E_NOMEM);
        assert_null(out);
        sanctum_session_stats ss = stats(s);
        assert_int_equal(ss.distinct[SANCTUM_ENTITY_PERSON], 1);
        assert_int_equal(ss.distinct[SANCTUM_ENTITY_EMAIL_ADDRESS], 0);
    }
    sanctum_free(s);
    fx_free(&f);
}

static const uint8_t KEY[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

static void vault_seal_open(void **state)
{
    (void)state;
    fx f = fx_new();
    sanctum_session *s = session(&f);
    char *a = anon(s, "Jane Roe, jane.roe@example.com, 4111 1111 1111 1111, <PERSON_1>, John Smith");
    uint8_t *v = NULL;
    size_t vn = 0;
    sanctum_error err;
    assert_int_equal(sanctum_session_seal(s, KEY, 32, &v, &vn, &err), SANCTUM_OK);
    /* no clear personal data in the file */
    const char *values[] = {"Jane Roe", "jane.roe@example.com", "4111 1111 1111 1111", "John Smith", "PERSON"};
    for (size_t i = 0; i < 5; i++)
        assert_null(memmem(v, vn, values[i], strlen(values[i])));
    sanctum_session *o = NULL;
    assert_int_equal(sanctum_session_open_sealed(&o, f.ctx, KEY, 32, v, vn, &err), SANCTUM_OK);
    char *r1 = restore(s, a), *r2 = restore(o, a);
    assert_string_equal(r1, r2);
    assert_string_equal(r2, "Jane Roe, jane.roe@example.com, 4111 1111 1111 1111, <PERSON_1>, John Smith");
    free(r1);
    free(r2);
    /* a restore-only session cannot anonymize */
    uint8_t *out = NULL;
    size_t n = 0;
    assert_int_equal(sanctum_session_anonymize_text(o, U("x"), 1, &out, &n, &err), SANCTUM_E_STATE);
    sanctum_free(o);
    o = NULL;
    /* every flipped bit is detected */
    for (size_t i = 0; i < vn; i++) {
        v[i] ^= 0x20;
        sanctum_status st = sanctum_session_open_sealed(&o, f.ctx, KEY, 32, v, vn, &err);
        assert_null(o);
        if (i < 7)
            assert_int_equal(st, SANCTUM_E_PARSE);
        else if (i == 7)
            assert_int_equal(st, SANCTUM_E_UNSUPPORTED);
        else
            assert_int_equal(st, SANCTUM_E_TAMPERED);
        v[i] ^= 0x20;
    }
    /* wrong key, truncation, foreign files */
    uint8_t key2[32];
    memcpy(key2, KEY, 32);
    key2[31] ^= 1;
    assert_int_equal(sanctum_session_open_sealed(&o, f.ctx, key2, 32, v, vn, &err), SANCTUM_E_TAMPERED);
    assert_non_null(strstr(err.message, "wrong key"));
    for (size_t cut = 0; cut < vn; cut += 7)
        assert_int_not_equal(sanctum_session_open_sealed(&o, f.ctx, KEY, 32, v, cut, &err), SANCTUM_OK);
    assert_int_equal(sanctum_session_open_sealed(&o, f.ctx, KEY, 32, U("{\"not\":\"a vault\"}"), 17, &err),
                     SANCTUM_E_PARSE);
    assert_int_equal(sanctum_session_open_sealed(&o, f.ctx, KEY, 31, v, vn, &err), SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_session_seal(s, KEY, 16, &out, &n, &err), SANCTUM_E_INVALID_ARG);
    /* two seals of the same session differ (random nonce) */
    uint8_t *v2 = NULL;
    size_t vn2 = 0;
    assert_int_equal(sanctum_session_seal(s, KEY, 32, &v2, &vn2, &err), SANCTUM_OK);
    assert_int_equal(vn, vn2);
    assert_memory_not_equal(v, v2, vn);
    sanctum_free(v2);
    sanctum_free(v);
    free(a);
    sanctum_free(s);
    fx_free(&f);
}

/* Every block freed by a session's work is free of the values (secret blocks are wiped, others never
 * held them). */
typedef struct freelog {
    int leaks;
    size_t secret;
} freelog;

static void on_free(void *user, const void *block, size_t size, bool secret)
{
    freelog *l = user;
    const char *vals[] = {"Laura Chen", "laura.chen@example.net", "Omar Haddad"};
    for (size_t i = 0; i < 3; i++)
        if (memmem(block, size, vals[i], strlen(vals[i])) != NULL)
            l->leaks++;
    if (secret)
        l->secret++;
}

static void wipes_values(void **state)
{
    (void)state;
    fx f = fx_new();
    freelog log = {0, 0};
    sc_test_set_free_hook(f.ctx, on_free, &log);
    sanctum_session *s = session(&f);
    const char *doc = "{\"messages\":[{\"role\":\"user\",\"content\":\"I am Laura Chen, laura.chen@example.net; "
                      "my friend is Omar Haddad.\"}]}";
    uint8_t *a = NULL, *r = NULL, *v = NULL;
    size_t an = 0, rn = 0, vn = 0;
    sanctum_error err;
    assert_int_equal(sanctum_session_anonymize_request(s, SANCTUM_CHAT_AUTO, U(doc), strlen(doc), &a, &an, &err),
                     SANCTUM_OK);
    assert_int_equal(sanctum_session_restore_response(s, SANCTUM_CHAT_AUTO, a, an, &r, &rn, &err), SANCTUM_OK);
    assert_memory_equal(r, doc, rn);
    assert_int_equal(sanctum_session_seal(s, KEY, 32, &v, &vn, &err), SANCTUM_OK);
    sanctum_session *o = NULL;
    assert_int_equal(sanctum_session_open_sealed(&o, f.ctx, KEY, 32, v, vn, &err), SANCTUM_OK);
    sanctum_stream_restorer *sr = NULL;
    assert_int_equal(sanctum_stream_restorer_new(&sr, o, SANCTUM_CHAT_AUTO, &err), SANCTUM_OK);
    const char *ev = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi <PERSON_1>, <PERS\"}}]}\n\n"
                     "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ON_2>\"}}]}\n\n";
    uint8_t *so = NULL;
    size_t sn = 0;
    assert_int_equal(sanctum_stream_restorer_feed(sr, U(ev), strlen(ev), &so, &sn, &err), SANCTUM_OK);
    assert_non_null(memmem(so, sn, "Omar Haddad", 11));
    sanctum_free(so);
    assert_int_equal(sanctum_stream_restorer_finish(sr, &so, &sn, &err), SANCTUM_OK);
    sanctum_free(so);
    sanctum_free(sr);
    sanctum_free(a);
    sanctum_free(r);
    sanctum_free(v);
    sanctum_free(o);
    sanctum_free(s);
    assert_int_equal(log.leaks, 0);
    assert_true(log.secret > 5);
    sc_test_set_free_hook(f.ctx, NULL, NULL);
    fx_free(&f);
}

/* ---- allocation-failure sweeps ---- */
typedef struct sw {
    const sanctum_detector *det;
    const uint8_t *doc;
    size_t len;
} sw;

static sanctum_status op_anon_request(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    sw *w = user;
    sanctum_session *s = NULL;
    sanctum_status st = sanctum_session_new(&s, ctx, w->det, NULL, err);
    if (st != SANCTUM_OK)
        return st;
    uint8_t *a = NULL, *r = NULL;
    size_t an = 0, rn = 0;
    st = sanctum_session_anonymize_request(s, SANCTUM_CHAT_AUTO, w->doc, w->len, &a, &an, err);
    if (st == SANCTUM_OK)
        st = sanctum_session_restore_response(s, SANCTUM_CHAT_AUTO, a, an, &r, &rn, err);
    sanctum_free(a);
    sanctum_free(r);
    sanctum_free(s);
    return st;
}

static sanctum_status op_text_seal(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    sw *w = user;
    sanctum_session *s = NULL, *o = NULL;
    sanctum_status st = sanctum_session_new(&s, ctx, w->det, NULL, err);
    if (st != SANCTUM_OK)
        return st;
    uint8_t *a = NULL, *r = NULL, *v = NULL;
    size_t an = 0, rn = 0, vn = 0;
    const char *t = "Jane Roe <jane@example.com> and PERSON_4, card 4111 1111 1111 1111";
    st = sanctum_session_anonymize_text(s, U(t), strlen(t), &a, &an, err);
    if (st == SANCTUM_OK)
        st = sanctum_session_restore_text(s, a, an, &r, &rn, err);
    if (st == SANCTUM_OK)
        st = sanctum_session_seal(s, KEY, 32, &v, &vn, err);
    if (st == SANCTUM_OK)
        st = sanctum_session_open_sealed(&o, ctx, KEY, 32, v, vn, err);
    sanctum_free(a);
    sanctum_free(r);
    sanctum_free(v);
    sanctum_free(o);
    sanctum_free(s);
    return st;
}

static void sweeps(void **state)
{
    (void)state;
    fx f = fx_new();
    size_t n = 0;
    uint8_t *doc = readf("openai_chat_request.json", &n);
    sw w = {f.det, doc, n};
    assert_sweep_clean(f.ctx, op_anon_request, &w);
    assert_sweep_clean(f.ctx, op_text_seal, &w);
    free(doc);
    fx_free(&f);
}

/* Participant names are identifier-shaped ("Jane_Roe"): replaced whole (a placeholder of their own, so
 * restore gives the field back exactly); a non-person name field ("build-bot") is left alone. */
static void name_fields(void **state)
{
    (void)state;
    fx f = fx_new();
    sanctum_session *s = session(&f);
    const char *req = "{\"messages\":[{\"role\":\"user\",\"name\":\"Jane_Roe\",\"content\":\"I am Jane Roe.\"},"
                      "{\"role\":\"user\",\"name\":\"build-bot\",\"content\":\"ok\"},"
                      "{\"role\":\"user\",\"name\":\"Omar.Haddad\",\"content\":\"hi\"}]}";
    uint8_t *out = NULL;
    size_t n = 0;
    sanctum_error err;
    assert_int_equal(sanctum_session_anonymize_request(s, SANCTUM_CHAT_AUTO, U(req), strlen(req), &out, &n, &err),
                     SANCTUM_OK);
    const char *want = "{\"messages\":[{\"role\":\"user\",\"name\":\"<PERSON_1>\",\"content\":\"I am <PERSON_2>.\"},"
                       "{\"role\":\"user\",\"name\":\"build-bot\",\"content\":\"ok\"},"
                       "{\"role\":\"user\",\"name\":\"<PERSON_3>\",\"content\":\"hi\"}]}";
    assert_int_equal(n, strlen(want));
    assert_memory_equal(out, want, n);
    uint8_t *back = NULL;
    size_t bn = 0;
    assert_int_equal(sanctum_session_restore_response(s, SANCTUM_CHAT_AUTO, out, n, &back, &bn, &err), SANCTUM_OK);
    assert_int_equal(bn, strlen(req));
    assert_memory_equal(back, req, bn);
    sanctum_free(back);
    sanctum_free(out);
    sanctum_free(s);
    fx_free(&f);
}

static void bad_args(void **state)
{
    (void)state;
    fx f = fx_new();
    sanctum_error err;
    uint8_t *out = NULL;
    size_t n = 0;
    assert_int_equal(sanctum_session_new(NULL, f.ctx, f.det, NULL, &err), SANCTUM_E_INVALID_ARG);
    sanctum_session *s = session(&f);
    assert_int_equal(sanctum_session_anonymize_text(s, NULL, 3, &out, &n, &err), SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_session_restore_text(s, U("x"), 1, NULL, &n, &err), SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_session_anonymize_text(s, U("\xff"), 1, &out, &n, &err), SANCTUM_E_UTF8);
    assert_null(out);
    sanctum_session_stats st;
    st.struct_size = 4;
    assert_int_equal(sanctum_session_get_stats(s, &st), SANCTUM_E_INVALID_ARG);
    sanctum_stream_restorer *r = NULL;
    assert_int_equal(sanctum_stream_restorer_new(&r, s, 99, &err), SANCTUM_E_INVALID_ARG);
    sanctum_free(s);
    fx_free(&f);
}

/* The value store is bounded by the context's memory budget. */
static void memory_budget(void **state)
{
    (void)state;
    sanctum_ctx_options o;
    sanctum_ctx_options_init(&o);
    o.memory_budget = 1u << 20;
    sanctum_ctx *ctx = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_ctx_new(&ctx, &o, &err), SANCTUM_OK);
    sanctum_detector *det = NULL;
    assert_int_equal(sanctum_detector_new(&det, ctx, NULL, &err), SANCTUM_OK);
    sanctum_session *s = NULL;
    assert_int_equal(sanctum_session_new(&s, ctx, det, NULL, &err), SANCTUM_OK);
    sanctum_status st = SANCTUM_OK;
    char text[64];
    int i = 0;
    for (; i < 200000 && st == SANCTUM_OK; i++) {
        snprintf(text, sizeof text, "mail user%d.name@example.com now", i);
        uint8_t *out = NULL;
        size_t n = 0;
        st = sanctum_session_anonymize_text(s, U(text), strlen(text), &out, &n, &err);
        sanctum_free(out);
    }
    assert_int_equal(st, SANCTUM_E_NOMEM);
    assert_true(i > 1000);
    sanctum_stats cs;
    cs.struct_size = (uint32_t)sizeof cs;
    sanctum_ctx_stats(ctx, &cs);
    assert_true(cs.peak_bytes <= o.memory_budget);
    sanctum_free(s);
    sanctum_free(det);
    sanctum_ctx_free(ctx);
}


static char *anon_req(sanctum_session *s, const char *doc)
{
    uint8_t *out = NULL;
    size_t n = 0;
    sanctum_error err;
    sanctum_status st = sanctum_session_anonymize_request(s, SANCTUM_CHAT_AUTO, U(doc), strlen(doc), &out, &n, &err);
    if (st != SANCTUM_OK)
        fail_msg("anonymize_request: %s at %llu: %s", sanctum_status_name(st), (unsigned long long)err.offset,
                 err.message);
    char *r = malloc(n + 1);
    memcpy(r, out, n);
    r[n] = 0;
    sanctum_free(out);
    return r;
}

static char *restore_resp(sanctum_session *s, const char *doc)
{
    uint8_t *out = NULL;
    size_t n = 0;
    sanctum_error err;
    assert_int_equal(sanctum_session_restore_response(s, SANCTUM_CHAT_AUTO, U(doc), strlen(doc), &out, &n, &err),
                     SANCTUM_OK);
    char *r = malloc(n + 1);
    memcpy(r, out, n);
    r[n] = 0;
    sanctum_free(out);
    return r;
}

static sanctum_session *session_opts(fx *f, const sanctum_session_options *o)
{
    sanctum_session *s = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_session_new(&s, f->ctx, f->det, o, &err), SANCTUM_OK);
    return s;
}

/* Issue 17: JSON keys are evidence, numbers under them (or shaped as a card) are replaced by a
 * placeholder string and come back as a string of their digits. */
static void json_keys_and_numbers(void **state)
{
    (void)state;
    fx f = fx_new();
    sanctum_session *s = session(&f);
    const char *req =
        "{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
        "\"function\":{\"name\":\"pay\",\"arguments\":\"{\\\"ssn\\\":\\\"219-09-9999\\\",\\\"card\\\":4111111111111111,"
        "\\\"first_name\\\":\\\"Ray\\\",\\\"lastName\\\":\\\"Chase\\\",\\\"account_number\\\":12345678,"
        "\\\"mobile\\\":2025550143,\\\"count\\\":3,\\\"amount\\\":1234567890}\"}}]},"
        "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\"{\\\"ok\\\":true,\\\"ref\\\":5555555555554444,"
        "\\\"ts\\\":1733333333333}\"}],\"seed\":4111111111111111}";
    char *a = anon_req(s, req);
    static const char *gone[] = {"219-09-9999", "4111111111111111,", "Ray", "Chase", "number\\\":1", "2025550143",
                                 "5555555555554444"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        if (strstr(a, gone[i]) != NULL)
            fail_msg("still in clear: %s in %s", gone[i], a);
    assert_non_null(strstr(a, "\\\"card\\\":\\\"<CREDIT_CARD_1>\\\""));
    assert_non_null(strstr(a, "\\\"ref\\\":\\\"<CREDIT_CARD_2>\\\"")); /* Luhn + issuer, no key needed */
    assert_non_null(strstr(a, "\\\"count\\\":3,"));
    assert_non_null(strstr(a, "\\\"amount\\\":1234567890}")); /* no key, no valid shape: left alone */
    assert_non_null(strstr(a, "\\\"ts\\\":1733333333333}"));
    assert_non_null(strstr(a, "\"seed\":4111111111111111}")); /* configuration is never scanned */
    sanctum_session_stats st = stats(s);
    assert_int_equal(st.numbers, 4);
    char *r = restore_resp(s, a);
    assert_non_null(strstr(r, "\\\"card\\\":\\\"4111111111111111\\\""));
    assert_non_null(strstr(r, "\\\"mobile\\\":\\\"2025550143\\\""));
    assert_non_null(strstr(r, "\\\"ssn\\\":\\\"219-09-9999\\\""));
    assert_non_null(strstr(r, "\\\"first_name\\\":\\\"Ray\\\""));
    free(a);
    free(r);
    sanctum_free(s);
    /* without a key the bare SSN-shaped string in a tool result stays the detector's call; under "ssn"
     * it is replaced (the leak of issue 17) */
    s = session(&f);
    a = anon_req(s, "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"f\","
                    "\"response\":{\"social_security_number\":\"219 09 9999\",\"customer\":\"Amber Osei\"}}}]}]}");
    assert_null(strstr(a, "219 09 9999"));
    assert_null(strstr(a, "Amber"));
    free(a);
    sanctum_free(s);
    /* a key is evidence, not a verdict: a value without the type's shape stays */
    s = session(&f);
    a = anon_req(s, "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"f\","
                    "\"response\":{\"name\":\"build-bot\",\"phone\":\"n/a\",\"account\":\"acme-prod\","
                    "\"aws_account_id\":123456789012,\"card\":3}}}]}]}");
    assert_non_null(strstr(a, "\"name\":\"build-bot\""));
    assert_non_null(strstr(a, "\"phone\":\"n/a\""));
    assert_non_null(strstr(a, "\"account\":\"acme-prod\""));
    assert_non_null(strstr(a, "\"aws_account_id\":123456789012"));
    assert_non_null(strstr(a, "\"card\":3}"));
    free(a);
    sanctum_free(s);
    /* an old caller's stats struct (before numbers): accepted, the new field left alone */
    s = session(&f);
    sanctum_session_stats old;
    memset(&old, 0x77, sizeof old);
    old.struct_size = (uint32_t)offsetof(sanctum_session_stats, numbers);
    assert_int_equal(sanctum_session_get_stats(s, &old), SANCTUM_OK);
    assert_int_equal(old.numbers, 0x7777777777777777ull);
    assert_int_equal(old.restored, 0);
    sanctum_free(s);
    fx_free(&f);
}

/* Issue 15: scrub_system also anonymizes system text; off by default. */
static void scrub_system_option(void **state)
{
    (void)state;
    fx f = fx_new();
    const char *req = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"You assist Jane Roe, "
                      "jane.roe@example.com.\"},{\"role\":\"user\",\"content\":\"I am Jane Roe.\"}]}";
    sanctum_session *s = session(&f);
    char *a = anon_req(s, req);
    assert_non_null(strstr(a, "You assist Jane Roe, jane.roe@example.com."));
    assert_non_null(strstr(a, "I am <PERSON_1>."));
    free(a);
    sanctum_free(s);
    sanctum_session_options o;
    sanctum_session_options_init(&o);
    assert_int_equal(o.struct_size, sizeof o);
    assert_int_equal(o.scrub_system, 0);
    assert_int_equal(o.refuse_lone_surrogates, 0);
    assert_null(o.identities);
    o.scrub_system = 1;
    s = session_opts(&f, &o);
    a = anon_req(s, req);
    assert_non_null(strstr(a, "You assist <PERSON_1>, <EMAIL_ADDRESS_1>."));
    assert_non_null(strstr(a, "I am <PERSON_1>."));
    /* restore looks in system text too (Responses echo their instructions) */
    char *r = restore_resp(s, a);
    assert_string_equal(r, req);
    free(r);
    free(a);
    sanctum_free(s);
    /* an old caller's options (struct_size 8): the appended fields are not read */
    o.struct_size = 8;
    s = session_opts(&f, &o);
    a = anon_req(s, req);
    assert_non_null(strstr(a, "You assist Jane Roe"));
    free(a);
    sanctum_free(s);
    fx_free(&f);
}

/* Issue 15: lone surrogates are accepted on the chat path by default, kept where nothing is replaced
 * and where the string is rewritten around them; refuse_lone_surrogates refuses them. */
static void lone_surrogate_round_trip(void **state)
{
    (void)state;
    fx f = fx_new();
    const char *req = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Call Jane Roe \\ud83d\"},"
                      "{\"role\":\"user\",\"content\":\"cut \\uDE00 here\"}]}";
    sanctum_session *s = session(&f);
    char *a = anon_req(s, req);
    assert_string_equal(a, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Call <PERSON_1> \\ud83d\"},"
                           "{\"role\":\"user\",\"content\":\"cut \\uDE00 here\"}]}");
    char *r = restore_resp(s, a);
    assert_string_equal(r, req);
    free(a);
    free(r);
    /* in a response: restored around the lone escape */
    r = restore_resp(s, "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                        "\"assistant\",\"content\":\"Hi <PERSON_1> \\udc00!\"}}]}");
    assert_non_null(strstr(r, "\"Hi Jane Roe \\udc00!\""));
    free(r);
    sanctum_free(s);
    sanctum_session_options o;
    sanctum_session_options_init(&o);
    o.refuse_lone_surrogates = 1;
    s = session_opts(&f, &o);
    uint8_t *out = NULL;
    size_t n = 0;
    sanctum_error err;
    assert_int_equal(sanctum_session_anonymize_request(s, 0, U(req), strlen(req), &out, &n, &err), SANCTUM_E_UTF8);
    assert_null(out);
    sanctum_free(s);
    fx_free(&f);
}

static const char IDS[] = "# the family\n"
                          "person: Jane Roe\n"
                          "name: Roe, Tamsin\n"
                          "email: jane@nas.lan\n"
                          "phone: +1 (202) 555-0143\n"
                          "address: 12 Main Street, Springfield\n"
                          "account: 9876 5432 10\n"
                          "iban: DE89 3704 0044 0532 0130 00\n"
                          "  \n"
                          "SSN : 219-09-9999\r\n";

static sanctum_identities *load_ids(fx *f, const char *text)
{
    sanctum_identities *ids = NULL;
    sanctum_error err;
    sanctum_status st = sanctum_identities_load(&ids, f->ctx, U(text), strlen(text), &err);
    if (st != SANCTUM_OK)
        fail_msg("identities: %s at %llu: %s", sanctum_status_name(st), (unsigned long long)err.offset, err.message);
    return ids;
}

/* Issue 17: known identities, replaced everywhere with variant matching, system prompts included. */
static void known_identities(void **state)
{
    (void)state;
    fx f = fx_new();
    sanctum_identities *ids = load_ids(&f, IDS);
    assert_int_equal(sanctum_identities_count(ids), 8);
    const char *text = "ROE, JANE and tamsin  roe live at 12 main street springfield; jane@NAS.lan, 202.555.0143, "
                       "acct 9876543210, DE8937040044053201300 0, ssn 219 09 9999. Not: jane@nas.land, 12025550143999.";
    sanctum_detection *d = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_identities_detect(&d, ids, U(text), strlen(text), &err), SANCTUM_OK);
    static const char *want[] = {"ROE, JANE", "tamsin  roe", "12 main street springfield", "jane@NAS.lan",
                                 "202.555.0143", "9876543210", "DE8937040044053201300 0", "219 09 9999"};
    assert_int_equal(d->count, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < d->count; i++) {
        size_t l = (size_t)(d->entities[i].end - d->entities[i].start);
        if (l != strlen(want[i]) || memcmp(text + d->entities[i].start, want[i], l) != 0)
            fail_msg("identity %zu: got '%.*s', want '%s'", i, (int)l, text + d->entities[i].start, want[i]);
        assert_true(d->entities[i].score == 1.0);
    }
    sanctum_free(d);
    /* in a request: system prompt included although scrub_system is off; restored exactly */
    sanctum_session_options o;
    sanctum_session_options_init(&o);
    o.identities = ids;
    sanctum_session *s = session_opts(&f, &o);
    const char *req = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"Household of Jane Roe at "
                      "12 Main Street, Springfield. Be kind.\"},{\"role\":\"user\",\"content\":\"Text Roe Jane at "
                      "(202) 555 0143 please\"}]}";
    char *a = anon_req(s, req);
    assert_null(strstr(a, "Roe"));
    assert_null(strstr(a, "Main"));
    assert_null(strstr(a, "555"));
    assert_non_null(strstr(a, "Be kind."));
    char *r = restore_resp(s, a);
    /* each spelling is a value of its own (compared as the mapper compares persons), so restore gives
     * every one back as written */
    sanctum_session_stats st = stats(s);
    assert_int_equal(st.variant_spellings, 0);
    assert_string_equal(r, req);
    free(a);
    free(r);
    sanctum_free(s);
    sanctum_free(ids);
    /* errors: offset and line of the bad line, never its bytes */
    static const struct {
        const char *text;
        sanctum_status st;
        uint64_t off;
    } bad[] = {
        {"person: Jane\nnonsense\n", SANCTUM_E_PARSE, 13},
        {"person: Jane\nplanet: Mars\n", SANCTUM_E_PARSE, 13},
        {"phone: 12\n", SANCTUM_E_PARSE, 7},
        {"email:\n", SANCTUM_E_PARSE, 6},
        {"person: Jane\xff\n", SANCTUM_E_UTF8, 12},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sanctum_identities *x = NULL;
        assert_int_equal(sanctum_identities_load(&x, f.ctx, U(bad[i].text), strlen(bad[i].text), &err), bad[i].st);
        assert_null(x);
        assert_int_equal(err.offset, bad[i].off);
        assert_null(strstr(err.message, "Mars"));
        assert_null(strstr(err.message, "nonsense"));
    }
    assert_int_equal(sanctum_identities_load(NULL, f.ctx, U("x"), 1, &err), SANCTUM_E_INVALID_ARG);
    fx_free(&f);
}

static void ids_on_free(void *user, const void *block, size_t size, bool secret)
{
    int *bad = user;
    if (secret) {
        for (size_t i = 0; i < size; i++)
            if (((const uint8_t *)block)[i] != 0) {
                (*bad)++;
                break;
            }
        return;
    }
    if (memmem(block, size, "tamsin", 6) != NULL || memmem(block, size, "2025550143", 10) != NULL)
        (*bad)++;
}

/* Every block that held an identity is wiped on free. */
static void identities_wiped(void **state)
{
    (void)state;
    fx f = fx_new();
    int bad = 0;
    sc_test_set_free_hook(f.ctx, ids_on_free, &bad);
    sanctum_identities *ids = load_ids(&f, IDS);
    sanctum_detection *d = NULL;
    sanctum_error err;
    const char *t = "Tamsin Roe, 202-555-0143";
    assert_int_equal(sanctum_identities_detect(&d, ids, U(t), strlen(t), &err), SANCTUM_OK);
    assert_int_equal(d->count, 2);
    sanctum_free(d);
    sanctum_free(ids);
    sc_test_set_free_hook(f.ctx, NULL, NULL);
    assert_int_equal(bad, 0);
    fx_free(&f);
}

typedef struct sw2 {
    const sanctum_detector *det;
} sw2;

static sanctum_status op_identities(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    sw2 *w = user;
    sanctum_identities *ids = NULL;
    sanctum_status st = sanctum_identities_load(&ids, ctx, U(IDS), strlen(IDS), err);
    if (st != SANCTUM_OK)
        return st;
    sanctum_detection *d = NULL;
    const char *t = "Jane Roe at 12 Main Street, Springfield; +1 202 555 0143";
    st = sanctum_identities_detect(&d, ids, U(t), strlen(t), err);
    sanctum_free(d);
    sanctum_session_options o;
    sanctum_session_options_init(&o);
    o.identities = ids;
    o.scrub_system = 1;
    sanctum_session *s = NULL;
    if (st == SANCTUM_OK)
        st = sanctum_session_new(&s, ctx, w->det, &o, err);
    const char *req = "{\"systemInstruction\":{\"parts\":[{\"text\":\"For Jane Roe \\ud83d\"}]},\"contents\":[{\"role\":"
                      "\"user\",\"parts\":[{\"text\":\"hi\"},{\"functionResponse\":{\"name\":\"f\",\"response\":"
                      "{\"card\":4111111111111111,\"phone\":\"202 555 0143\"}}}]}]}";
    uint8_t *a = NULL, *r = NULL;
    size_t an = 0, rn = 0;
    if (st == SANCTUM_OK)
        st = sanctum_session_anonymize_request(s, SANCTUM_CHAT_AUTO, U(req), strlen(req), &a, &an, err);
    if (st == SANCTUM_OK)
        st = sanctum_session_restore_response(s, SANCTUM_CHAT_AUTO, a, an, &r, &rn, err);
    sanctum_free(a);
    sanctum_free(r);
    sanctum_free(s);
    sanctum_free(ids);
    return st;
}

static void sweeps_new_options(void **state)
{
    (void)state;
    fx f = fx_new();
    sw2 w = {f.det};
    assert_sweep_clean(f.ctx, op_identities, &w);
    fx_free(&f);
}

/* The hash the value index used, FNV-1a folded (public and unkeyed): anyone can precompute values
 * that all land in one slot, and a request full of them made interning quadratic. */
static uint64_t fnv_folded(const uint8_t *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

static void vault_index_resists_crafted_collisions(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sc_vault v;
    sc_vault_init(&v, ctx);
    /* 2000 e-mail values (lower-case hex: their own normal form) on which that hash agrees in the low
     * 12 bits, the slot bits of the 4096-slot table that holds them */
    uint8_t key[2 + 16] = {SC_KEY_VALUE, SANCTUM_ENTITY_EMAIL_ADDRESS};
    char val[17];
    unsigned long long ctr = 0;
    for (int made = 0; made < 2000;) {
        snprintf(val, sizeof val, "%016llx", ctr++);
        memcpy(key + 2, val, 16);
        if ((fnv_folded(key, sizeof key) & 0xfffu) != 0)
            continue;
        uint32_t number = 0;
        bool variant = false;
        assert_int_equal(sc_vault_intern(&v, SANCTUM_ENTITY_EMAIL_ADDRESS, SC_KEY_VALUE, (const uint8_t *)val, 16,
                                         &number, &variant, NULL),
                         SANCTUM_OK);
        assert_int_equal(number, (uint32_t)made + 1);
        made++;
    }
    assert_int_equal(v.nslots, 4096);
    /* the longest run of occupied slots is what one lookup may walk */
    size_t run = 0, longest = 0;
    for (size_t i = 0; i < v.nslots; i++) {
        run = v.slots[i] != 0 ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    assert_true(longest < 200);
    sc_vault_free(&v);
    test_ctx_free_checked(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wipes_values),
        cmocka_unit_test(text_round_trip),   cmocka_unit_test(numbering_and_normalization),
        cmocka_unit_test(prefix_stability),  cmocka_unit_test(literal_placeholders),
        cmocka_unit_test(literal_placeholders_far_apart),
        cmocka_unit_test(tolerant_restore),  cmocka_unit_test(request_round_trip),
        cmocka_unit_test(fail_closed),       cmocka_unit_test(vault_seal_open),
        cmocka_unit_test(sweeps),
        cmocka_unit_test(bad_args),          cmocka_unit_test(memory_budget),
        cmocka_unit_test(name_fields),
        cmocka_unit_test(json_keys_and_numbers), cmocka_unit_test(scrub_system_option),
        cmocka_unit_test(lone_surrogate_round_trip), cmocka_unit_test(known_identities),
        cmocka_unit_test(identities_wiped), cmocka_unit_test(sweeps_new_options),
        cmocka_unit_test(vault_index_resists_crafted_collisions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
