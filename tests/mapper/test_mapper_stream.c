/* Streamed restore: any chunking gives the whole-stream output; placeholders split across events,
 * JSON escapes, UTF-8 sequences and CRLF line ends; held text flushed at field ends; sweeps. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sweep.h"
#include "test_util.h"

#define U(s) ((const uint8_t *)(s))

typedef struct buf {
    uint8_t *p;
    size_t n;
} buf;

static void bput(buf *b, const uint8_t *p, size_t n)
{
    b->p = realloc(b->p, b->n + n + 1);
    memcpy(b->p + b->n, p, n);
    b->n += n;
    b->p[b->n] = 0;
}

static sanctum_ctx *CTX;
static sanctum_detector *DET;
static sanctum_session *S;

/* PERSON_1 Jane Roe, EMAIL_ADDRESS_1 jane.roe@example.com, PERSON_2 the quoted name (deny list). */
static int setup(void **state)
{
    (void)state;
    CTX = test_ctx_new();
    sanctum_error err;
    sanctum_detector_options o;
    sanctum_detector_options_init(&o);
    const char *deny[] = {"Zo\xc3\xab \"Q\" M\xc3\xbcller"};
    o.deny_terms = deny;
    o.deny_count = 1;
    assert_int_equal(sanctum_detector_new(&DET, CTX, &o, &err), SANCTUM_OK);
    assert_int_equal(sanctum_session_new(&S, CTX, DET, NULL, &err), SANCTUM_OK);
    const char *t = "Jane Roe, jane.roe@example.com and Zo\xc3\xab \"Q\" M\xc3\xbcller";
    uint8_t *a = NULL;
    size_t n = 0;
    assert_int_equal(sanctum_session_anonymize_text(S, U(t), strlen(t), &a, &n, &err), SANCTUM_OK);
    assert_int_equal(n, strlen("<PERSON_1>, <EMAIL_ADDRESS_1> and <PERSON_2>"));
    assert_memory_equal(a, "<PERSON_1>, <EMAIL_ADDRESS_1> and <PERSON_2>", n);
    sanctum_free(a);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sanctum_free(S);
    sanctum_free(DET);
    test_ctx_free_checked(CTX);
    return 0;
}

/* Runs the restorer over s with chunk sizes from sizes (cycled; NULL = whole). */
static buf run(int32_t format, const uint8_t *s, size_t n, const size_t *sizes, size_t nsizes)
{
    sanctum_stream_restorer *r = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_stream_restorer_new(&r, S, format, &err), SANCTUM_OK);
    buf out = {NULL, 0};
    size_t i = 0, k = 0;
    while (i < n) {
        size_t c = sizes ? sizes[k++ % nsizes] : n;
        if (c > n - i)
            c = n - i;
        uint8_t *o = NULL;
        size_t on = 0;
        assert_int_equal(sanctum_stream_restorer_feed(r, s + i, c, &o, &on, &err), SANCTUM_OK);
        bput(&out, o, on);
        sanctum_free(o);
        i += c;
    }
    uint8_t *o = NULL;
    size_t on = 0;
    assert_int_equal(sanctum_stream_restorer_finish(r, &o, &on, &err), SANCTUM_OK);
    bput(&out, o, on);
    sanctum_free(o);
    sanctum_free(r);
    return out;
}

static const char OPENAI[] =
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Caf\\u00e9 \\\"<PER\"}}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"SON_1>\\\" \\ud83d\\ude00 \xe2\x9c\x93 &lt;EMAIL_\"}}]}\n\n"
    ": keep-alive comment\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ADDRESS_1&gt; and <PERSON_2\"}}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"> PERSON_1\"}}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"0 PERSON_1\"}}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"to\\\":\\\"<PERSON_\"}}]}}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"2>\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\n"
    "data: [DONE]\n\n";

static const char ANTHROPIC[] =
    "event: message_start\r\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}}\r\n\r\n"
    "event: content_block_start\r\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\r\n\r\n"
    "event: content_block_delta\r\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello <PERSON_1\"}}\r\n\r\n"
    "event: content_block_delta\r\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\">, see [PERS\"}}\r\n\r\n"
    "event: content_block_stop\r\ndata: {\"type\":\"content_block_stop\",\"index\":0}\r\n\r\n"
    "event: content_block_start\r\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"send\",\"input\":{}}}\r\n\r\n"
    "event: content_block_delta\r\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"to\\\": \\\"<EMAIL\"}}\r\n\r\n"
    "event: content_block_delta\r\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"_ADDRESS_1>\\\", \\\"n\\\": \\\"<PERSON_2>\\\"}\"}}\r\n\r\n"
    "event: content_block_stop\r\ndata: {\"type\":\"content_block_stop\",\"index\":1}\r\n\r\n"
    "event: message_stop\r\ndata: {\"type\":\"message_stop\"}\r\n\r\n";

static const char RESPONSES[] =
    "event: response.output_text.delta\n"
    "data: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi <PERSON\"}\n\n"
    "event: response.output_text.delta\n"
    "data: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"_2>, mail \"}\n\n"
    "event: response.output_text.delta\n"
    "data: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"EMAIL_ADDRESS_1\"}\n\n"
    "event: response.output_text.done\n"
    "data: {\"type\":\"response.output_text.done\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"text\":\"Hi <PERSON_2>, mail EMAIL_ADDRESS_1\"}\n\n"
    "event: response.completed\n"
    "data: {\"type\":\"response.completed\",\"response\":{\"id\":\"r\",\"object\":\"response\",\"status\":\"completed\",\"output\":[{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hi <PERSON_2>, mail EMAIL_ADDRESS_1\"}]}]}}\n";

/* Gemini streamGenerateContent?alt=sse: each event is a whole GenerateContentResponse carrying only
 * the new text; one lone surrogate (a chunk cut inside an emoji) kept as written. */
static const char GEMINI[] =
    "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hi <PERS\"}],\"role\": \"model\"},\"index\": 0}],"
    "\"modelVersion\": \"gemini-2.5-flash\"}\r\n\r\n"
    "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"ON_1> \\ud83d mail <EMAIL_\"}],\"role\": \"model\"},"
    "\"index\": 0}]}\r\n\r\n"
    "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"ADDRESS_1>\"}],\"role\": \"model\"},"
    "\"finishReason\": \"STOP\",\"index\": 0}]}\r\n\r\n"
    "data: {\"candidates\": [{\"content\": {\"parts\": [{\"functionCall\": {\"name\": \"send\",\"args\": "
    "{\"to\": \"<PERSON_2>\"}}}],\"role\": \"model\"},\"index\": 0}],\"usageMetadata\": {\"totalTokenCount\": 9}}\r\n\r\n";

/* Ollama's native /api/chat and /api/generate streams (one object a line, which the proxy feeds as
 * events): each line carries only the new text, so a placeholder is split across lines. */
static const char OLLAMA[] =
    "data: {\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi <PERS\"},\"done\":false}\n\n"
    "data: {\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"ON_2>, mail <EMAIL_\"},\"done\":false}\n\n"
    "data: {\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"ADDRESS_1> <PER\"},\"done\":false}\n\n"
    "data: {\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true}\n\n"
    "data: {\"model\":\"m\",\"response\":\"Dear <PERSON\",\"done\":false}\n\n"
    "data: {\"model\":\"m\",\"response\":\"_1>\",\"done\":true}\n\n";

typedef struct sample {
    const char *name;
    int32_t format;
    const char *s;
} sample;

static const sample SAMPLES[] = {
    {"openai", SANCTUM_CHAT_OPENAI_CHAT, OPENAI},
    {"anthropic", SANCTUM_CHAT_ANTHROPIC_MESSAGES, ANTHROPIC},
    {"responses", SANCTUM_CHAT_OPENAI_RESPONSES, RESPONSES},
    {"gemini", SANCTUM_CHAT_GEMINI, GEMINI},
    {"ollama", SANCTUM_CHAT_AUTO, OLLAMA},
};

static void openai_stream_content(void **state)
{
    (void)state;
    buf o = run(SANCTUM_CHAT_OPENAI_CHAT, U(OPENAI), strlen(OPENAI), NULL, 0);
    const char *t = (const char *)o.p;
    assert_non_null(strstr(t, "\"content\":\"Caf\\u00e9 \\\"\"")); /* "<PER" held back */
    assert_non_null(strstr(t, "\"content\":\"Jane Roe\\\" \xf0\x9f\x98\x80 \xe2\x9c\x93 \""));
    assert_non_null(strstr(t, "\"content\":\"jane.roe@example.com and \""));
    assert_non_null(strstr(t, "\"content\":\"Zo\xc3\xab \\\"Q\\\" M\xc3\xbcller \""));
    /* "PERSON_1" + "0" is PERSON_10 (unknown), then a bare PERSON_1 flushed at the field's end */
    assert_non_null(strstr(t, "\"content\":\"PERSON_10 \""));
    assert_non_null(strstr(t, "\"content\":\"Jane Roe\""));
    /* tool arguments: the value's quotes escaped inside the JSON text */
    assert_non_null(strstr(t, "\"arguments\":\"{\\\"to\\\":\\\"\""));
    assert_non_null(strstr(t, "\"arguments\":\"Zo\xc3\xab \\\\\\\"Q\\\\\\\" M\xc3\xbcller\\\"}\""));
    assert_non_null(strstr(t, "\n\n: keep-alive comment\n\n"));
    assert_non_null(strstr(t, "data: [DONE]\n\n"));
    free(o.p);
}

static void anthropic_block_end_flush(void **state)
{
    (void)state;
    buf o = run(SANCTUM_CHAT_ANTHROPIC_MESSAGES, U(ANTHROPIC), strlen(ANTHROPIC), NULL, 0);
    const char *t = (const char *)o.p;
    assert_non_null(strstr(t, "\"text\":\"Hello \""));
    assert_non_null(strstr(t, "\"text\":\"Jane Roe, see \""));
    /* the held "[PERS" goes out in a copy of block 0's last delta, before content_block_stop */
    const char *held = strstr(t, "\"text\":\"[PERS\"}}\r\n\r\nevent: content_block_stop");
    assert_non_null(held);
    assert_non_null(strstr(t, "\"partial_json\":\"jane.roe@example.com\\\", \\\"n\\\": \\\"Zo\xc3\xab \\\\\\\"Q\\\\\\\" M\xc3\xbcller\\\"}\""));
    free(o.p);
}

static void responses_stream(void **state)
{
    (void)state;
    buf o = run(SANCTUM_CHAT_OPENAI_RESPONSES, U(RESPONSES), strlen(RESPONSES), NULL, 0);
    const char *t = (const char *)o.p;
    assert_non_null(strstr(t, "\"delta\":\"Hi \""));
    assert_non_null(strstr(t, "\"delta\":\"Zo\xc3\xab \\\"Q\\\" M\xc3\xbcller, mail \""));
    assert_non_null(strstr(t, "\"delta\":\"jane.roe@example.com\"}\n\nevent: response.output_text.done"));
    assert_non_null(strstr(t, "\"text\":\"Hi Zo\xc3\xab \\\"Q\\\" M\xc3\xbcller, mail jane.roe@example.com\"}"));
    assert_null(strstr(t, "PERSON"));
    assert_null(strstr(t, "EMAIL_ADDRESS"));
    free(o.p);
}

static void gemini_stream(void **state)
{
    (void)state;
    buf o = run(SANCTUM_CHAT_GEMINI, U(GEMINI), strlen(GEMINI), NULL, 0);
    const char *t = (const char *)o.p;
    assert_non_null(strstr(t, "\"text\": \"Hi \"}"));
    assert_non_null(strstr(t, "\"text\": \"Jane Roe \\ud83d mail \"}"));
    assert_non_null(strstr(t, "\"text\": \"jane.roe@example.com\"}"));
    assert_non_null(strstr(t, "\"to\": \"Zo\xc3\xab \\\"Q\\\" M\xc3\xbcller\"}"));
    assert_non_null(strstr(t, "\"modelVersion\": \"gemini-2.5-flash\"}\r\n\r\n"));
    assert_null(strstr(t, "PERS"));
    assert_null(strstr(t, "EMAIL_"));
    free(o.p);
}

static void ollama_lines_stream(void **state)
{
    (void)state;
    buf o = run(SANCTUM_CHAT_AUTO, U(OLLAMA), strlen(OLLAMA), NULL, 0);
    const char *t = (const char *)o.p;
    assert_non_null(strstr(t, "\"content\":\"Hi \"}"));
    assert_non_null(strstr(t, "\"content\":\"Zo\xc3\xab \\\"Q\\\" M\xc3\xbcller, mail \"}"));
    assert_non_null(strstr(t, "\"content\":\"jane.roe@example.com \"}"));
    assert_non_null(strstr(t, "\"content\":\"<PER\"},\"done\":true}")); /* no placeholder: sent at the end */
    assert_non_null(strstr(t, "\"response\":\"Jane Roe\",\"done\":true}"));
    assert_null(strstr(t, "PERSON"));
    assert_null(strstr(t, "EMAIL_"));
    free(o.p);
}

/* Output over any chunking equals the whole-stream output. */
static void any_chunking(void **state)
{
    (void)state;
    srand(12345);
    for (size_t k = 0; k < sizeof SAMPLES / sizeof SAMPLES[0]; k++) {
        const uint8_t *s = U(SAMPLES[k].s);
        size_t n = strlen(SAMPLES[k].s);
        for (int fmt = 0; fmt < 2; fmt++) {
            int32_t format = fmt ? SAMPLES[k].format : SANCTUM_CHAT_AUTO;
            buf whole = run(format, s, n, NULL, 0);
            size_t one = 1;
            buf bytes = run(format, s, n, &one, 1);
            assert_int_equal(bytes.n, whole.n);
            assert_memory_equal(bytes.p, whole.p, whole.n);
            free(bytes.p);
            for (int round = 0; round < 150; round++) {
                size_t sizes[16];
                for (int i = 0; i < 16; i++)
                    sizes[i] = (size_t)(rand() % (round < 100 ? 9 : 200)) + 1;
                buf c = run(format, s, n, sizes, 16);
                assert_int_equal(c.n, whole.n);
                assert_memory_equal(c.p, whole.p, whole.n);
                free(c.p);
            }
            /* every two-piece split */
            for (size_t cut = 1; cut < n; cut++) {
                size_t sizes[2] = {cut, n};
                buf c = run(format, s, n, sizes, 2);
                assert_int_equal(c.n, whole.n);
                assert_memory_equal(c.p, whole.p, whole.n);
                free(c.p);
            }
            free(whole.p);
        }
    }
}

/* A stream cut inside an event that has no data line yet: the held text's event is written before
 * the cut bytes, as in the stream, whole (its blank line included), whatever the chunking. */
static void cut_event_after_held_text(void **state)
{
    (void)state;
    static const char IN[] = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello <PERS\"}}]}\n\n"
                             "dat";
    static const char WANT[] = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello \"}}]}\n\n"
                               "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"<PERS\"}}]}\n\n"
                               "dat";
    const size_t sizes[] = {1, 7, 3};
    for (int chunked = 0; chunked < 2; chunked++) {
        buf o = run(SANCTUM_CHAT_OPENAI_CHAT, U(IN), strlen(IN), chunked ? sizes : NULL, 3);
        if (o.n != strlen(WANT) || memcmp(o.p, WANT, o.n) != 0)
            fail_msg("cut stream restored as:\n%s", o.p);
        free(o.p);
    }
    /* an unterminated comment line after the held text: the same */
    static const char IN2[] = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello <PERS\"}}]}\n\n"
                              ": keep";
    buf o = run(SANCTUM_CHAT_OPENAI_CHAT, U(IN2), strlen(IN2), NULL, 0);
    assert_true(o.n > 6 && memcmp(o.p + o.n - 8, "\n\n: keep", 8) == 0);
    free(o.p);
}

/* A field's text is held back only as far as a placeholder can reach: "PERSON_" and then digits
 * (never a number past 10 of them) go out as they come. Holding them to the end of the run let an
 * upstream grow the held text without bound and rescan all of it at every event. The output is what
 * restoring the whole text gives. */
static void digit_run_not_held(void **state)
{
    (void)state;
    static const char first[] = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"see <PERSON_\"}}]}\n\n";
    static const char more[] = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"1234567899\"}}]}\n\n";
    static const char last[] = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"> PERSON_1\"}}]}\n\n";
    sanctum_stream_restorer *r = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_stream_restorer_new(&r, S, SANCTUM_CHAT_AUTO, &err), SANCTUM_OK);
    buf out = {NULL, 0};
    uint8_t *o = NULL;
    size_t on = 0;
    assert_int_equal(sanctum_stream_restorer_feed(r, U(first), strlen(first), &o, &on, &err), SANCTUM_OK);
    bput(&out, o, on);
    sanctum_free(o);
    for (int i = 0; i < 200; i++) {
        assert_int_equal(sanctum_stream_restorer_feed(r, U(more), strlen(more), &o, &on, &err), SANCTUM_OK);
        bput(&out, o, on);
        sanctum_free(o);
    }
    size_t nines = 0;
    for (size_t i = 0; i < out.n; i++)
        nines += out.p[i] == '9';
    assert_true(nines >= 2 * 200 - 4); /* all but the last few digits are out already */
    assert_int_equal(sanctum_stream_restorer_feed(r, U(last), strlen(last), &o, &on, &err), SANCTUM_OK);
    bput(&out, o, on);
    sanctum_free(o);
    assert_int_equal(sanctum_stream_restorer_finish(r, &o, &on, &err), SANCTUM_OK);
    bput(&out, o, on);
    sanctum_free(o);
    sanctum_free(r);
    /* the text of the deltas, restored whole, is the text the stream carried */
    size_t tl = strlen("see <PERSON_") + 200 * 10 + strlen("> PERSON_1");
    char *text = malloc(tl + 1);
    strcpy(text, "see <PERSON_");
    for (int i = 0; i < 200; i++)
        strcat(text, "1234567899");
    strcat(text, "> PERSON_1");
    uint8_t *whole = NULL;
    size_t wn = 0;
    assert_int_equal(sanctum_session_restore_text(S, U(text), tl, &whole, &wn, &err), SANCTUM_OK);
    size_t got = 0;
    char *q = malloc(out.n + 1);
    for (const char *c = (const char *)out.p; (c = strstr(c, "\"content\":\"")) != NULL && (size_t)(c - (const char *)out.p) < out.n;) {
        c += strlen("\"content\":\"");
        const char *e = strchr(c, '"');
        memcpy(q + got, c, (size_t)(e - c));
        got += (size_t)(e - c);
        c = e;
    }
    assert_int_equal(got, wn);
    assert_memory_equal(q, whole, wn);
    free(q);
    free(text);
    sanctum_free(whole);
    free(out.p);
}

static void restorer_errors(void **state)
{
    (void)state;
    sanctum_stream_restorer *r = NULL;
    sanctum_error err;
    uint8_t *o = NULL;
    size_t on = 0;
    sanctum_ctx_options co;
    sanctum_ctx_options_init(&co);
    co.max_input_bytes = 64;
    sanctum_ctx *small = NULL;
    assert_int_equal(sanctum_ctx_new(&small, &co, &err), SANCTUM_OK);
    sanctum_session *s = NULL;
    assert_int_equal(sanctum_session_new(&s, small, NULL, NULL, &err), SANCTUM_OK);
    assert_int_equal(sanctum_stream_restorer_new(&r, s, SANCTUM_CHAT_AUTO, &err), SANCTUM_OK);
    char big[100];
    memset(big, 'a', sizeof big);
    assert_int_equal(sanctum_stream_restorer_feed(r, U(big), sizeof big, &o, &on, &err), SANCTUM_E_LIMIT);
    assert_null(o);
    assert_int_equal(sanctum_stream_restorer_feed(r, U("x"), 1, &o, &on, &err), SANCTUM_E_STATE);
    assert_int_equal(sanctum_stream_restorer_finish(r, &o, &on, &err), SANCTUM_E_STATE);
    sanctum_free(r);
    sanctum_free(s);
    sanctum_ctx_free(small);
}

static sanctum_status op_stream(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    (void)user;
    sanctum_detector *det = NULL;
    sanctum_session *s = NULL;
    sanctum_stream_restorer *r = NULL;
    uint8_t *a = NULL, *o = NULL;
    size_t n = 0;
    sanctum_status st = sanctum_detector_new(&det, ctx, NULL, err);
    if (st == SANCTUM_OK)
        st = sanctum_session_new(&s, ctx, det, NULL, err);
    if (st == SANCTUM_OK)
        st = sanctum_session_anonymize_text(s, U("Jane Roe, jane.roe@example.com"), 30, &a, &n, err);
    if (st == SANCTUM_OK)
        st = sanctum_stream_restorer_new(&r, s, SANCTUM_CHAT_AUTO, err);
    for (size_t i = 0; st == SANCTUM_OK && i < sizeof ANTHROPIC - 1; i += 97) {
        size_t c = (sizeof ANTHROPIC - 1 - i < 97 ? sizeof ANTHROPIC - 1 - i : 97);
        st = sanctum_stream_restorer_feed(r, U(ANTHROPIC) + i, c, &o, &n, err);
        sanctum_free(o);
        o = NULL;
    }
    if (st == SANCTUM_OK)
        st = sanctum_stream_restorer_finish(r, &o, &n, err);
    sanctum_free(o);
    sanctum_free(a);
    sanctum_free(r);
    sanctum_free(s);
    sanctum_free(det);
    return st;
}

static void stream_sweep(void **state)
{
    (void)state;
    assert_sweep_clean(CTX, op_stream, NULL);
}

/* An event the chat parser refuses (an invalid UTF-8 byte) is restored as text, as the non-stream path
 * restores a body that is not a chat document; values inside JSON data are escaped; the next valid
 * events are restored as usual and "[DONE]" passes through. */
static void invalid_utf8_event_is_restored_as_text(void **state)
{
    (void)state;
    static const char BAD[] =
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi <PERSON_1> \xff <PERSON_2>\"}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"bye <PERSON_1>\"}}]}\n\n"
        "data: [DONE]\n\n";
    const size_t sizes[] = {1, 3, 7};
    for (int chunked = 0; chunked < 2; chunked++) {
        buf o = run(SANCTUM_CHAT_OPENAI_CHAT, U(BAD), strlen(BAD), chunked ? sizes : NULL, chunked ? 3 : 0);
        const char *t = (const char *)o.p;
        assert_non_null(strstr(t, "\"content\":\"Hi Jane Roe \xff Zo\xc3\xab \\\"Q\\\" M\xc3\xbcller\"}}]}\n\n"));
        assert_non_null(strstr(t, "\"content\":\"bye Jane Roe\""));
        assert_null(strstr(t, "<PERSON_"));
        assert_non_null(strstr(t, "data: [DONE]\n\n"));
        free(o.p);
    }
}

/* JSON may open with white space: data whose JSON starts after a tab or several spaces is still JSON,
 * so a refused event's values are escaped there too (a quote in a name must not end the string). */
static void white_space_before_json_data_is_escaped(void **state)
{
    (void)state;
    static const char WS[] = "data:  \t {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi <PERSON_2> \xff\"}}]}\n\n"
                             "data: [DONE]\n\n";
    const size_t sizes[] = {1, 3, 7};
    for (int chunked = 0; chunked < 2; chunked++) {
        buf o = run(SANCTUM_CHAT_OPENAI_CHAT, U(WS), strlen(WS), chunked ? sizes : NULL, chunked ? 3 : 0);
        const char *t = (const char *)o.p;
        assert_non_null(strstr(t, "\"content\":\"Hi Zo\xc3\xab \\\"Q\\\" M\xc3\xbcller \xff\"}}]}\n\n"));
        assert_null(strstr(t, "<PERSON_"));
        free(o.p);
    }
}

/* Streams whose fields are told apart by an "index" member, not by their place: OpenAI with n > 1 sends
 * each chunk with one choice at array position 0 and interleaves the choices; parallel tool calls come
 * the same way inside a choice. Each choice's field stays open while the other's chunks pass, so a
 * placeholder split across interleaved chunks is restored in its own choice (it was carried into the
 * next chunk of the other choice: "<PERSB ", "<EMAIL_ON_1>"); a new tool call of the same choice ends
 * the previous one, whose held text goes out in its own event. */
static void interleaved_choices_keep_their_held_text(void **state)
{
    (void)state;
    static const char N2[] =
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"A <PERS\"}}]}\n\n"
        "data: {\"choices\":[{\"index\":1,\"delta\":{\"content\":\"B <EMAIL_\"}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ON_1> a\"}}]}\n\n"
        "data: {\"choices\":[{\"index\":1,\"delta\":{\"content\":\"ADDRESS_1> b\"}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"x\\\":\\\"<PERS\"}}]}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"ON_2>\\\"}\"}}]}}]}\n\n"
        "data: [DONE]\n\n";
    const size_t sizes[] = {1, 5, 13};
    for (int chunked = 0; chunked < 2; chunked++) {
        buf o = run(SANCTUM_CHAT_OPENAI_CHAT, U(N2), strlen(N2), chunked ? sizes : NULL, chunked ? 3 : 0);
        const char *t = (const char *)o.p;
        assert_non_null(strstr(t, "{\"index\":0,\"delta\":{\"content\":\"A \"}"));
        assert_non_null(strstr(t, "{\"index\":1,\"delta\":{\"content\":\"B \"}"));
        assert_non_null(strstr(t, "{\"index\":0,\"delta\":{\"content\":\"Jane Roe a\"}"));
        assert_non_null(strstr(t, "{\"index\":1,\"delta\":{\"content\":\"jane.roe@example.com b\"}"));
        assert_null(strstr(t, "<PERSB"));
        assert_null(strstr(t, "<EMAIL_"));
        /* tool call 0's held start stays in tool call 0 */
        assert_non_null(strstr(t, "{\"index\":0,\"function\":{\"arguments\":\"<PERS\"}"));
        assert_non_null(strstr(t, "{\"index\":1,\"function\":{\"arguments\":\"ON_2>\\\"}\"}"));
        assert_non_null(strstr(t, "data: [DONE]\n\n"));
        free(o.p);
    }
}

/* Tool arguments written by Go's encoding/json (Ollama, Go gateways) carry < and > as \u003c and \u003e:
 * in the JSON text of streamed arguments such a placeholder is restored, split at any byte; a whole
 * answer decodes them when it parses the arguments. In plain content the escape is text, left as is. */
static void json_escaped_placeholders_in_arguments(void **state)
{
    (void)state;
    static const char ESC[] =
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"to\\\":\\\"\\\\u003cPERSON_1\"}}]}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\\u003E\\\", \\\"n\\\": \\\"\\\\u003Cperson_2>\\\", \"}}]}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"m\\\": \\\"\\\\\\\\u003cPERSON_1\\\\u003e\\\"}\"}}]}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"text \\\\u003cPERSON_1\\\\u003e\"}}]}\n\n"
        "data: [DONE]\n\n";
    const size_t sizes[] = {1, 2, 7};
    for (int chunked = 0; chunked < 2; chunked++) {
        buf o = run(SANCTUM_CHAT_OPENAI_CHAT, U(ESC), strlen(ESC), chunked ? sizes : NULL, chunked ? 3 : 0);
        const char *t = (const char *)o.p;
        /* the held opener goes out restored with the next delta, escaped for the arguments' JSON */
        assert_non_null(strstr(t, "\"arguments\":\"{\\\"to\\\":\\\"\"}"));
        assert_non_null(strstr(t, "\"arguments\":\"Jane Roe\\\", \\\"n\\\": \\\"Zo\xc3\xab \\\\\\\"Q\\\\\\\" M\xc3\xbcller\\\", \"}"));
        /* an escaped backslash before it: the text is a backslash and "u003c...", not a placeholder */
        assert_non_null(strstr(t, "\\\\\\\\u003cPERSON_1\\\\u003e"));
        assert_non_null(strstr(t, "\"content\":\"text \\\\u003cPERSON_1\\\\u003e\"}"));
        assert_non_null(strstr(t, "data: [DONE]\n\n"));
        free(o.p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(openai_stream_content), cmocka_unit_test(anthropic_block_end_flush),
        cmocka_unit_test(responses_stream),      cmocka_unit_test(any_chunking),
        cmocka_unit_test(gemini_stream),         cmocka_unit_test(ollama_lines_stream),
        cmocka_unit_test(invalid_utf8_event_is_restored_as_text),
        cmocka_unit_test(restorer_errors),       cmocka_unit_test(digit_run_not_held),
        cmocka_unit_test(cut_event_after_held_text), cmocka_unit_test(stream_sweep),
        cmocka_unit_test(interleaved_choices_keep_their_held_text),
        cmocka_unit_test(json_escaped_placeholders_in_arguments),
        cmocka_unit_test(white_space_before_json_data_is_escaped),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
