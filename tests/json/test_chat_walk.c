/* Chat walk per format: exactly the scan strings are found and replaced; every other byte (system
 * prompt, ids, signatures, numbers, escapes) comes back identical. Fail-closed rules, nested JSON,
 * replacements, allocation-failure sweeps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "sweep.h"
#include "test_util.h"

#define EXAMPLES SANCTUM_SOURCE_DIR "/examples/"

/* The public struct's layout is ABI: fields are only ever appended. */
_Static_assert(offsetof(sanctum_chat_text, struct_size) == 0, "sanctum_chat_text layout");
_Static_assert(offsetof(sanctum_chat_text, role) == 4, "sanctum_chat_text layout");
_Static_assert(offsetof(sanctum_chat_text, kind) == 8, "sanctum_chat_text layout");
_Static_assert(offsetof(sanctum_chat_text, nested) == 12, "sanctum_chat_text layout");
_Static_assert(offsetof(sanctum_chat_text, text) == 16, "sanctum_chat_text layout");
_Static_assert(offsetof(sanctum_chat_text, text_len) == 24, "sanctum_chat_text layout");
_Static_assert(offsetof(sanctum_chat_text, path) == 32, "sanctum_chat_text layout");
_Static_assert(offsetof(sanctum_chat_text, path_len) == 40, "sanctum_chat_text layout");
_Static_assert(offsetof(sanctum_chat_text, offset) == 48, "sanctum_chat_text layout");
_Static_assert(offsetof(sanctum_chat_text, key_type) == 56, "sanctum_chat_text layout");
_Static_assert(offsetof(sanctum_chat_text, number) == 60, "sanctum_chat_text layout");
_Static_assert(offsetof(sanctum_chat_text, json_text) == 64, "sanctum_chat_text layout");
_Static_assert(sizeof(sanctum_chat_text) == 72, "sanctum_chat_text layout");
_Static_assert(SANCTUM_CHAT_GEMINI == 4 && SANCTUM_JSON_ALLOW_LONE_SURROGATES == 2 &&
               SANCTUM_CHAT_ALLOW_LONE_SURROGATES == 2 && SANCTUM_CHAT_SCRUB_SYSTEM == 256 &&
               SANCTUM_CHAT_NUMBERS == 512, "enum values are ABI");
_Static_assert(SANCTUM_CHAT_OPENAI_RESPONSES == 3 && SANCTUM_CHAT_KIND_UNKNOWN == 12 &&
               SANCTUM_CHAT_ROLE_OTHER == 7 && SANCTUM_JSON_ALLOW_DUPLICATE_KEYS == 1, "enum values are ABI");

static uint8_t *read_example(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, EXAMPLES "%s", name);
    uint8_t *p = test_read_file(path, len);
    if (p == NULL)
        fail_msg("cannot read %s", path);
    return p;
}

static uint32_t g_flags; /* sanctum_chat_flags for new_doc / check_doc */

static sanctum_chat_doc *new_doc(sanctum_ctx *ctx, int32_t format, const uint8_t *p, size_t n)
{
    sanctum_chat_doc *doc = NULL;
    sanctum_error err;
    sanctum_status st = sanctum_chat_doc_new_ex(&doc, ctx, format, g_flags, p, n, &err);
    if (st != SANCTUM_OK)
        fail_msg("chat doc: %s at %llu: %s", sanctum_status_name(st), (unsigned long long)err.offset, err.message);
    return doc;
}

static sanctum_chat_text text_at(const sanctum_chat_doc *doc, size_t i)
{
    sanctum_chat_text t;
    memset(&t, 0, sizeof t);
    t.struct_size = sizeof t;
    assert_int_equal(sanctum_chat_doc_text(doc, i, &t), SANCTUM_OK);
    return t;
}

/* Length of the JSON string token starting at p[0] == '"'. */
static size_t string_token_len(const uint8_t *p, size_t n)
{
    assert_true(n > 0 && p[0] == '"');
    for (size_t i = 1; i < n; i++) {
        if (p[i] == '\\')
            i++;
        else if (p[i] == '"')
            return i + 1;
    }
    fail_msg("unterminated string token");
    return 0;
}

typedef struct expect {
    const char *path;
    int32_t role, kind;
} expect;

/* The whole check for one document: the scan strings are exactly `want`; replacing each with a
 * marker gives valid JSON whose scan strings are the markers, and whose bytes outside the replaced
 * string tokens are the original's. Returns the output (test-owned). */
static char *check_doc(sanctum_ctx *ctx, const uint8_t *in, size_t n, int32_t want_format, int32_t want_shape,
                       const expect *want, size_t nwant)
{
    sanctum_chat_doc *doc = new_doc(ctx, SANCTUM_CHAT_AUTO, in, n);
    assert_int_equal(sanctum_chat_doc_format(doc), want_format);
    assert_int_equal(sanctum_chat_doc_shape(doc), want_shape);
    size_t cnt = sanctum_chat_doc_count(doc);
    for (size_t i = 0; i < cnt && i < nwant; i++) {
        sanctum_chat_text t = text_at(doc, i);
        if (strcmp(t.path, want[i].path) != 0 || t.role != want[i].role || t.kind != want[i].kind)
            fail_msg("scan string %zu: got %s (%s, %s), want %s (%s, %s)", i, t.path, sanctum_chat_role_name(t.role),
                     sanctum_chat_kind_name(t.kind), want[i].path, sanctum_chat_role_name(want[i].role),
                     sanctum_chat_kind_name(want[i].kind));
        assert_int_equal(strlen(t.path), t.path_len);
    }
    if (cnt != nwant)
        fail_msg("%zu scan strings, want %zu", cnt, nwant);
    /* identity without replacements */
    uint8_t *out = NULL;
    size_t out_len = 0;
    sanctum_error err;
    assert_int_equal(sanctum_chat_doc_write(doc, &out, &out_len, &err), SANCTUM_OK);
    assert_int_equal(out_len, n);
    assert_memory_equal(out, in, n);
    sanctum_free(out);
    /* replace every scan string with a marker */
    for (size_t i = 0; i < cnt; i++) {
        char mark[32];
        int mn = snprintf(mark, sizeof mark, "<MARK_%zu>", i);
        assert_int_equal(sanctum_chat_doc_set_replacement(doc, i, (const uint8_t *)mark, (size_t)mn, &err), SANCTUM_OK);
    }
    assert_int_equal(sanctum_chat_doc_write(doc, &out, &out_len, &err), SANCTUM_OK);
    /* the output walks to the markers, in order, at the same paths */
    sanctum_chat_doc *again = new_doc(ctx, SANCTUM_CHAT_AUTO, out, out_len);
    assert_int_equal(sanctum_chat_doc_count(again), cnt);
    for (size_t i = 0; i < cnt; i++) {
        char mark[32];
        int mn = snprintf(mark, sizeof mark, "<MARK_%zu>", i);
        sanctum_chat_text a = text_at(again, i), b = text_at(doc, i);
        assert_int_equal(a.text_len, (size_t)mn);
        assert_memory_equal(a.text, mark, (size_t)mn);
        assert_string_equal(a.path, b.path);
    }
    /* every byte outside the replaced (outer) string tokens is unchanged */
    size_t ip = 0, op = 0;
    uint64_t last = UINT64_MAX;
    for (size_t i = 0; i < cnt; i++) {
        sanctum_chat_text t = text_at(doc, i);
        if (t.offset == last)
            continue; /* several nested strings in one outer string */
        last = t.offset;
        size_t gap = (size_t)t.offset - ip;
        assert_true(op + gap <= out_len);
        assert_memory_equal(out + op, in + ip, gap);
        ip += gap;
        op += gap;
        ip += string_token_len(in + ip, n - ip);
        op += string_token_len(out + op, out_len - op);
    }
    assert_int_equal(out_len - op, n - ip);
    assert_memory_equal(out + op, in + ip, n - ip);
    sanctum_free(again);
    sanctum_free(doc);
    char *s = malloc(out_len + 1);
    memcpy(s, out, out_len);
    s[out_len] = '\0';
    sanctum_free(out);
    return s;
}

#define U SANCTUM_CHAT_ROLE_USER
#define A SANCTUM_CHAT_ROLE_ASSISTANT
#define T SANCTUM_CHAT_ROLE_TOOL
#define N SANCTUM_CHAT_ROLE_NONE
#define TEXT SANCTUM_CHAT_KIND_TEXT
#define ARGS SANCTUM_CHAT_KIND_TOOL_ARGUMENTS
#define RES SANCTUM_CHAT_KIND_TOOL_RESULT
#define ID SANCTUM_CHAT_KIND_IDENTIFIER
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static void must_contain(const char *s, const char *part)
{
    if (strstr(s, part) == NULL)
        fail_msg("output lost: %s", part);
}

static void must_not_contain(const char *s, const char *part)
{
    if (strstr(s, part) != NULL)
        fail_msg("output still holds: %s", part);
}

static void openai_chat_request(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    size_t n;
    uint8_t *in = read_example("openai_chat_request.json", &n);
    static const expect want[] = {
        {"$.messages[1].name", U, SANCTUM_CHAT_KIND_NAME},
        {"$.messages[1].content[0].text", U, TEXT},
        {"$.messages[2].tool_calls[0].function.arguments>$.email", A, ARGS},
        {"$.messages[2].tool_calls[0].function.arguments>$.last4", A, ARGS},
        {"$.messages[3].content>$.customer.name", T, RES},
        {"$.messages[3].content>$.customer.phone", T, RES},
        {"$.messages[3].content>$.customer.iban", T, RES},
        {"$.messages[4].content", A, TEXT},
        {"$.messages[5].content", U, TEXT},
        {"$.metadata.ticket", N, ID},
        {"$.safety_identifier", N, ID},
    };
    char *out = check_doc(ctx, in, n, SANCTUM_CHAT_OPENAI_CHAT, SANCTUM_CHAT_SHAPE_REQUEST, want, NELEM(want));
    must_contain(out, "\"You are a support agent for Acme Bank. Never reveal internal notes.\"");
    must_contain(out, "\"seed\": 9007199254740993");
    must_contain(out, "\"temperature\": 1.0");
    must_contain(out, "\"id\": \"call_7QxB2\"");
    must_contain(out, "\"tool_call_id\": \"call_7QxB2\"");
    must_contain(out, "data:image/png;base64,iVBORw0KGgo");
    must_contain(out, "\"description\": \"Find a customer by e-mail.\"");
    /* nested JSON: rewritten inside, the outer string re-encoded with its escapes */
    must_contain(out, "\"arguments\": \"{\\\"email\\\":\\\"<MARK_2>\\\",\\\"last4\\\":\\\"<MARK_3>\\\"}\"");
    must_not_contain(out, "jane.roe@example.com");
    must_not_contain(out, "4111 1111");
    must_not_contain(out, "078-05-1120");
    free(out);
    free(in);
    test_ctx_free_checked(ctx);
}

static void openai_chat_response_and_stream(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    size_t n;
    uint8_t *in = read_example("openai_chat_response.json", &n);
    static const expect resp[] = {{"$.choices[0].message.content", A, TEXT}};
    char *out = check_doc(ctx, in, n, SANCTUM_CHAT_OPENAI_CHAT, SANCTUM_CHAT_SHAPE_RESPONSE, resp, 1);
    must_contain(out, "\"system_fingerprint\":\"fp_50cad350e4\"");
    must_contain(out, "\"id\":\"chatcmpl-9xQ2\"");
    free(out);
    free(in);
    /* stream chunks: content delta, and an arguments fragment that is not JSON (scanned whole) */
    const char *chunk = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1732000000,"
                        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi Jane\",\"tool_calls\":[{\"index\":0,"
                        "\"id\":\"call_9\",\"function\":{\"name\":\"send\",\"arguments\":\"{\\\"to\\\":\\\"j.roe@\"}}]},"
                        "\"finish_reason\":null}],\"obfuscation\":\"k3Zq\"}";
    static const expect ev[] = {
        {"$.choices[0].delta.content", A, TEXT},
        {"$.choices[0].delta.tool_calls[0].function.arguments", A, ARGS},
    };
    out = check_doc(ctx, (const uint8_t *)chunk, strlen(chunk), SANCTUM_CHAT_OPENAI_CHAT,
                    SANCTUM_CHAT_SHAPE_STREAM_EVENT, ev, 2);
    must_contain(out, "\"obfuscation\":\"k3Zq\"");
    must_contain(out, "\"name\":\"send\"");
    free(out);
    /* OpenRouter: reasoning_details (signed) are kept; the unsigned reasoning text is scanned (servers
     * such as vLLM render a message's reasoning into the prompt) */
    in = read_example("openrouter_chat_response.json", &n);
    static const expect or_resp[] = {{"$.choices[0].message.content", A, TEXT},
                                     {"$.choices[0].message.reasoning", A, TEXT}};
    out = check_doc(ctx, in, n, SANCTUM_CHAT_OPENAI_CHAT, SANCTUM_CHAT_SHAPE_RESPONSE, or_resp, NELEM(or_resp));
    must_contain(out, "\"text\":\"Confirm the booking.\"");
    must_contain(out, "\"signature\":\"ErUBCkYIBRgC\"");
    free(out);
    free(in);
    test_ctx_free_checked(ctx);
}

static void anthropic_messages(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    size_t n;
    uint8_t *in = read_example("anthropic_messages_request.json", &n);
    static const expect req[] = {
        {"$.messages[0].content", U, TEXT},
        {"$.messages[1].content[1].text", A, TEXT},
        {"$.messages[1].content[2].input.to", A, ARGS},
        {"$.messages[1].content[2].input.cc[0]", A, ARGS},
        {"$.messages[1].content[2].input.body", A, ARGS},
        {"$.messages[2].content[0].content[0].text", T, RES},
        {"$.messages[2].content[1].source.data", U, SANCTUM_CHAT_KIND_DOCUMENT},
        {"$.messages[2].content[1].title", U, SANCTUM_CHAT_KIND_DOCUMENT},
        {"$.messages[2].content[2].text", U, TEXT},
        {"$.metadata.user_id", N, ID},
    };
    char *out = check_doc(ctx, in, n, SANCTUM_CHAT_ANTHROPIC_MESSAGES, SANCTUM_CHAT_SHAPE_REQUEST, req, NELEM(req));
    must_contain(out, "\"text\":\"You are a careful assistant for Musterfirma GmbH.\"");
    must_contain(out, "\"thinking\":\"The user wants an e-mail sent to the address given.\"");
    must_contain(out, "\"signature\":\"EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds\"");
    must_contain(out, "\"tool_use_id\":\"toolu_01A\"");
    must_contain(out, "\"max_tokens\":1024");
    must_not_contain(out, "Mustermann at");
    free(out);
    free(in);
    in = read_example("anthropic_messages_response.json", &n);
    static const expect resp[] = {
        {"$.content[1].text", A, TEXT},
        {"$.content[2].input.name", A, ARGS},
        {"$.content[2].input.phone", A, ARGS},
    };
    out = check_doc(ctx, in, n, SANCTUM_CHAT_ANTHROPIC_MESSAGES, SANCTUM_CHAT_SHAPE_RESPONSE, resp, NELEM(resp));
    must_contain(out, "\"signature\":\"EqQBCgIYAhIMtq0vU2kNp4tPGdJ3\"");
    must_contain(out, "\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\"");
    free(out);
    free(in);
    /* stream events */
    const char *delta = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello Max\"}}";
    static const expect e1[] = {{"$.delta.text", A, TEXT}};
    out = check_doc(ctx, (const uint8_t *)delta, strlen(delta), SANCTUM_CHAT_ANTHROPIC_MESSAGES,
                    SANCTUM_CHAT_SHAPE_STREAM_EVENT, e1, 1);
    free(out);
    const char *pj = "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                     "\"partial_json\":\"{\\\"to\\\": \\\"max@\"}}";
    static const expect e2[] = {{"$.delta.partial_json", A, ARGS}};
    out = check_doc(ctx, (const uint8_t *)pj, strlen(pj), SANCTUM_CHAT_ANTHROPIC_MESSAGES,
                    SANCTUM_CHAT_SHAPE_STREAM_EVENT, e2, 1);
    free(out);
    const char *think = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Max is\"}}";
    out = check_doc(ctx, (const uint8_t *)think, strlen(think), SANCTUM_CHAT_ANTHROPIC_MESSAGES,
                    SANCTUM_CHAT_SHAPE_STREAM_EVENT, NULL, 0);
    free(out);
    const char *start = "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                        "\"content\":[{\"type\":\"text\",\"text\":\"Hi Max\"}],\"usage\":{\"input_tokens\":25}}}";
    static const expect e3[] = {{"$.message.content[0].text", A, TEXT}};
    out = check_doc(ctx, (const uint8_t *)start, strlen(start), SANCTUM_CHAT_ANTHROPIC_MESSAGES,
                    SANCTUM_CHAT_SHAPE_STREAM_EVENT, e3, 1);
    free(out);
    test_ctx_free_checked(ctx);
}

static void openai_responses(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    size_t n;
    uint8_t *in = read_example("openai_responses_request.json", &n);
    static const expect req[] = {
        {"$.input[0].content[0].text", U, TEXT},
        {"$.input[1].arguments>$.email", A, ARGS},
        {"$.input[2].output>$.status", T, RES},
        {"$.input[2].output>$.to", T, RES},
        {"$.input[3].content[0].text", A, TEXT},
        {"$.input[4].content", U, TEXT},
        {"$.safety_identifier", N, ID},
    };
    char *out = check_doc(ctx, in, n, SANCTUM_CHAT_OPENAI_RESPONSES, SANCTUM_CHAT_SHAPE_REQUEST, req, NELEM(req));
    must_contain(out, "\"instructions\":\"Answer briefly. Internal policy: refunds over $500 need approval.\"");
    must_contain(out, "\"call_id\":\"call_9\"");
    must_contain(out, "\"id\":\"msg_67\"");
    free(out);
    free(in);
    in = read_example("openai_responses_response.json", &n);
    static const expect resp[] = {
        {"$.output[1].content[0].text", A, TEXT},
        {"$.output[2].arguments>$.new_email", A, ARGS},
    };
    out = check_doc(ctx, in, n, SANCTUM_CHAT_OPENAI_RESPONSES, SANCTUM_CHAT_SHAPE_RESPONSE, resp, NELEM(resp));
    must_contain(out, "\"encrypted_content\":\"gAAAAABoVp9Q\"");
    must_contain(out, "\"text\":\"User asks about the order.\"");
    free(out);
    free(in);
    const char *d = "{\"type\":\"response.output_text.delta\",\"sequence_number\":4,\"item_id\":\"msg_1\","
                    "\"output_index\":0,\"content_index\":0,\"delta\":\"Hi Li\",\"logprobs\":[]}";
    static const expect e1[] = {{"$.delta", A, TEXT}};
    out = check_doc(ctx, (const uint8_t *)d, strlen(d), SANCTUM_CHAT_OPENAI_RESPONSES,
                    SANCTUM_CHAT_SHAPE_STREAM_EVENT, e1, 1);
    free(out);
    const char *r = "{\"type\":\"response.reasoning_summary_text.delta\",\"sequence_number\":5,\"item_id\":\"rs_1\","
                    "\"delta\":\"thinking about Li\"}";
    out = check_doc(ctx, (const uint8_t *)r, strlen(r), SANCTUM_CHAT_OPENAI_RESPONSES,
                    SANCTUM_CHAT_SHAPE_STREAM_EVENT, NULL, 0);
    free(out);
    const char *fa = "{\"type\":\"response.function_call_arguments.delta\",\"sequence_number\":7,\"item_id\":\"fc_1\","
                     "\"output_index\":1,\"delta\":\"{\\\"email\\\":\\\"li\"}";
    static const expect e2[] = {{"$.delta", A, ARGS}};
    out = check_doc(ctx, (const uint8_t *)fa, strlen(fa), SANCTUM_CHAT_OPENAI_RESPONSES,
                    SANCTUM_CHAT_SHAPE_STREAM_EVENT, e2, 1);
    free(out);
    const char *done = "{\"type\":\"response.output_item.done\",\"sequence_number\":9,\"output_index\":0,\"item\":"
                       "{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[{\"type\":"
                       "\"output_text\",\"text\":\"Hi Li Wei\",\"annotations\":[]}]}}";
    static const expect e3[] = {{"$.item.content[0].text", A, TEXT}};
    out = check_doc(ctx, (const uint8_t *)done, strlen(done), SANCTUM_CHAT_OPENAI_RESPONSES,
                    SANCTUM_CHAT_SHAPE_STREAM_EVENT, e3, 1);
    free(out);
    test_ctx_free_checked(ctx);
}

static void fail_closed_rules(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    /* keys and roles compared after decoding: the escaped system message is kept, the escaped user
     * content scanned */
    const char *esc = "{\"model\":\"m\",\"messages\":[{\"\\u0072ole\":\"\\u0073ystem\",\"content\":\"sys\"},"
                      "{\"role\":\"us\\u0065r\",\"\\u0063ontent\":\"Jane\"}]}";
    static const expect e1[] = {{"$.messages[1].content", U, TEXT}};
    free(check_doc(ctx, (const uint8_t *)esc, strlen(esc), SANCTUM_CHAT_OPENAI_CHAT, SANCTUM_CHAT_SHAPE_REQUEST, e1, 1));
    /* unknown role, unknown block type, unknown key: scanned */
    const char *unk = "{\"messages\":[{\"role\":\"critic\",\"content\":\"Jane\"},{\"role\":\"user\",\"content\":"
                      "[{\"type\":\"hologram\",\"caption\":\"Bob\",\"id\":\"h1\",\"nested\":{\"a\":[\"x\"]}}],"
                      "\"mood\":\"Eve\"}],\"extra\":{\"note\":\"Carol\"}}";
    static const expect e2[] = {
        {"$.messages[0].content", SANCTUM_CHAT_ROLE_OTHER, TEXT},
        {"$.messages[1].content[0].caption", U, SANCTUM_CHAT_KIND_UNKNOWN},
        {"$.messages[1].content[0].nested.a[0]", U, SANCTUM_CHAT_KIND_UNKNOWN},
        {"$.messages[1].mood", U, SANCTUM_CHAT_KIND_UNKNOWN},
        {"$.extra.note", N, SANCTUM_CHAT_KIND_UNKNOWN},
    };
    free(check_doc(ctx, (const uint8_t *)unk, strlen(unk), SANCTUM_CHAT_OPENAI_CHAT, SANCTUM_CHAT_SHAPE_REQUEST, e2,
                   NELEM(e2)));
    /* duplicate keys: rejected, never guessed */
    const char *dup = "{\"messages\":[{\"role\":\"system\",\"role\":\"user\",\"content\":\"x\"}]}";
    sanctum_chat_doc *doc = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_chat_doc_new(&doc, ctx, 0, (const uint8_t *)dup, strlen(dup), &err), SANCTUM_E_PARSE);
    assert_null(doc);
    /* the keys the walk decides on ("role", "type") spelled twice in different cases: refused too. Go's
     * encoding/json matches members case-insensitively and keeps the last, so it reads this system
     * message, which the walk keeps unscanned, as the user's (and a thinking block as text) */
    static const char *const folded[] = {
        "{\"messages\":[{\"role\":\"system\",\"Role\":\"user\",\"content\":\"Jane Doe\"}]}",
        "{\"messages\":[{\"ROLE\":\"user\",\"role\":\"system\",\"content\":\"Jane Doe\"}]}",
        "{\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"tYpE\":\"text\","
        "\"thinking\":\"a\",\"text\":\"Jane Doe\"}]}]}",
        "{\"messages\":[{\"role\":\"system\",\"\\u0052ole\":\"user\",\"content\":\"Jane Doe\"}]}",
    };
    for (size_t i = 0; i < NELEM(folded); i++) {
        memset(&err, 0, sizeof err);
        assert_int_equal(sanctum_chat_doc_new(&doc, ctx, 0, (const uint8_t *)folded[i], strlen(folded[i]), &err),
                         SANCTUM_E_PARSE);
        assert_null(doc);
        assert_true(err.offset > 0 && err.offset < strlen(folded[i]));
        assert_non_null(strstr(err.message, "case"));
    }
    /* signed thinking is kept in an assistant's message only, and only what its signature covers; a
     * message's unsigned reasoning text (vLLM's Qwen3 and DeepSeek-R1 templates render it) is scanned */
    const char *think = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"Jane\","
                        "\"signature\":\"s\"},{\"type\":\"reasoning.text\",\"text\":\"Jane\"}],\"reasoning_content\":\"Jane\"},"
                        "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"kept\",\"signature\":"
                        "\"s\",\"text\":\"Jane\"}],\"reasoning\":\"Jane\",\"reasoning_details\":[{\"type\":"
                        "\"reasoning.text\",\"text\":\"kept\"}]}]}";
    static const expect tk[] = {
        {"$.messages[0].content[0].thinking", U, SANCTUM_CHAT_KIND_UNKNOWN},
        {"$.messages[0].content[0].signature", U, SANCTUM_CHAT_KIND_UNKNOWN},
        {"$.messages[0].content[1].text", U, TEXT},
        {"$.messages[0].reasoning_content", U, TEXT},
        {"$.messages[1].content[0].text", A, SANCTUM_CHAT_KIND_UNKNOWN},
        {"$.messages[1].reasoning", A, TEXT},
    };
    free(check_doc(ctx, (const uint8_t *)think, strlen(think), SANCTUM_CHAT_ANTHROPIC_MESSAGES,
                   SANCTUM_CHAT_SHAPE_REQUEST, tk, NELEM(tk)));
    /* unsigned thinking (no signature, or an empty one) is no provider's to verify: walked too */
    const char *unsigned_think = "{\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\","
                                 "\"thinking\":\"Jane\"},{\"type\":\"thinking\",\"thinking\":\"Jane\",\"signature\":\"\"},"
                                 "{\"type\":\"redacted_thinking\",\"data\":\"ZW5j\"}]}]}";
    static const expect ut[] = {
        {"$.messages[0].content[0].thinking", A, SANCTUM_CHAT_KIND_UNKNOWN},
        {"$.messages[0].content[1].thinking", A, SANCTUM_CHAT_KIND_UNKNOWN},
    };
    free(check_doc(ctx, (const uint8_t *)unsigned_think, strlen(unsigned_think), SANCTUM_CHAT_ANTHROPIC_MESSAGES,
                   SANCTUM_CHAT_SHAPE_REQUEST, ut, NELEM(ut)));
    /* a Responses reasoning item keeps its summary and encrypted content; its raw content (vLLM renders
     * it into a gpt-oss prompt) is scanned */
    const char *ritem = "{\"model\":\"m\",\"input\":[{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":"
                        "\"summary_text\",\"text\":\"kept\"}],\"content\":[{\"type\":\"reasoning_text\",\"text\":\"Jane\"}],"
                        "\"encrypted_content\":\"gAAA\"}]}";
    static const expect rsx[] = {{"$.input[0].content[0].text", A, SANCTUM_CHAT_KIND_UNKNOWN}};
    free(check_doc(ctx, (const uint8_t *)ritem, strlen(ritem), SANCTUM_CHAT_OPENAI_RESPONSES, SANCTUM_CHAT_SHAPE_REQUEST,
                   rsx, NELEM(rsx)));
    /* JSON in a tool's arguments may repeat a key: parsed all the same (each leaf scanned, with its key's
     * evidence), where refused it was scanned as text without it */
    const char *dupargs = "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
                          "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"last_name\\\":\\\"Doe\\\","
                          "\\\"last_name\\\":\\\"Roe\\\"}\"}}]}]}";
    static const expect da[] = {
        {"$.messages[0].tool_calls[0].function.arguments>$.last_name", A, ARGS},
        {"$.messages[0].tool_calls[0].function.arguments>$.last_name", A, ARGS},
    };
    free(check_doc(ctx, (const uint8_t *)dupargs, strlen(dupargs), SANCTUM_CHAT_OPENAI_CHAT, SANCTUM_CHAT_SHAPE_REQUEST,
                   da, NELEM(da)));
    /* one spelling in another case alone is an unknown key (scanned), not refused */
    const char *odd = "{\"messages\":[{\"role\":\"user\",\"content\":\"x\",\"Type\":\"Jane\"}]}";
    assert_int_equal(sanctum_chat_doc_new(&doc, ctx, 0, (const uint8_t *)odd, strlen(odd), &err), SANCTUM_OK);
    sanctum_free(doc);
    doc = NULL;
    /* strings holding a bare number or broken JSON are scanned whole; base64 data URLs are opaque,
     * http URLs and file names scanned; keys with odd characters appear quoted in paths */
    const char *mix = "{\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\"4111111111111111\"},"
                      "{\"role\":\"tool\",\"tool_call_id\":\"d\",\"content\":\"{\\\"a\\\":\"},"
                      "{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x.test/?u=jane\"}},"
                      "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AAAA\"}},"
                      "{\"type\":\"file\",\"file\":{\"file_data\":\"QUJD\",\"filename\":\"jane_cv.pdf\"}}]},"
                      "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"t\",\"type\":\"function\",\"function\":"
                      "{\"name\":\"f\",\"arguments\":\"{\\\"a b\\\":\\\"Jane\\\",\\\"n\\\":[1,\\\"x\\\"]}\"}}]}]}";
    static const expect e3[] = {
        {"$.messages[0].content", T, RES},
        {"$.messages[1].content", T, RES},
        {"$.messages[2].content[0].image_url.url", U, SANCTUM_CHAT_KIND_URL},
        {"$.messages[2].content[2].file.filename", U, SANCTUM_CHAT_KIND_FILENAME},
        {"$.messages[3].tool_calls[0].function.arguments>$[\"a b\"]", A, ARGS},
        {"$.messages[3].tool_calls[0].function.arguments>$.n[1]", A, ARGS},
    };
    free(check_doc(ctx, (const uint8_t *)mix, strlen(mix), SANCTUM_CHAT_OPENAI_CHAT, SANCTUM_CHAT_SHAPE_REQUEST, e3,
                   NELEM(e3)));
    /* content nested 300 levels deep (tool_result in tool_result ...): the walk stays bounded and the
     * innermost text is still scanned */
    {
        char *deep = malloc(64 * 310);
        size_t n = (size_t)sprintf(deep, "{\"messages\":[{\"role\":\"user\",\"content\":");
        for (int i = 0; i < 300; i++)
            n += (size_t)sprintf(deep + n, "[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":");
        n += (size_t)sprintf(deep + n, "\"Jane at the bottom\"");
        for (int i = 0; i < 300; i++)
            n += (size_t)sprintf(deep + n, "}]");
        n += (size_t)sprintf(deep + n, "}]}");
        sanctum_chat_doc *d = new_doc(ctx, 0, (const uint8_t *)deep, n);
        assert_int_equal(sanctum_chat_doc_count(d), 1);
        sanctum_chat_text t = text_at(d, 0);
        assert_int_equal(t.text_len, 18);
        assert_memory_equal(t.text, "Jane at the bottom", 18);
        assert_int_equal(t.role, T);
        sanctum_free(d);
        free(deep);
    }
    /* Responses string input and prompt variables; error bodies (OpenRouter moderation echoes input) */
    const char *rs = "{\"model\":\"gpt-4.1\",\"instructions\":\"be brief\",\"input\":\"I am Li Wei\","
                     "\"prompt\":{\"id\":\"pmpt_1\",\"version\":\"2\",\"variables\":{\"customer\":\"Li Wei\"}}}";
    static const expect e5[] = {{"$.input", U, TEXT}, {"$.prompt.variables.customer", U, TEXT}};
    free(check_doc(ctx, (const uint8_t *)rs, strlen(rs), SANCTUM_CHAT_OPENAI_RESPONSES, SANCTUM_CHAT_SHAPE_REQUEST, e5, 2));
    const char *eb = "{\"error\":{\"code\":403,\"message\":\"flagged\",\"metadata\":{\"flagged_input\":\"SSN 078-05-1120\"}}}";
    static const expect e6[] = {{"$.error.message", N, SANCTUM_CHAT_KIND_ERROR},
                                {"$.error.metadata.flagged_input", N, SANCTUM_CHAT_KIND_ERROR}};
    free(check_doc(ctx, (const uint8_t *)eb, strlen(eb), SANCTUM_CHAT_AUTO, SANCTUM_CHAT_SHAPE_ERROR, e6, 2));
    /* a top-level "text" string and stop sequences are the user's words: scanned (only the Responses
     * API's "text" output settings, an object, are kept) */
    const char *ts = "{\"model\":\"m\",\"input\":\"hi\",\"text\":\"mail jane@nas.lan\",\"stop\":[\"Jane Roe\"],"
                     "\"stop_sequences\":[\"Roe\"]}";
    static const expect e7[] = {{"$.input", U, TEXT},
                                {"$.text", U, SANCTUM_CHAT_KIND_UNKNOWN},
                                {"$.stop[0]", U, SANCTUM_CHAT_KIND_UNKNOWN},
                                {"$.stop_sequences[0]", U, SANCTUM_CHAT_KIND_UNKNOWN}};
    free(check_doc(ctx, (const uint8_t *)ts, strlen(ts), SANCTUM_CHAT_OPENAI_RESPONSES, SANCTUM_CHAT_SHAPE_REQUEST, e7,
                   NELEM(e7)));
    const char *tobj = "{\"model\":\"m\",\"input\":\"hi\",\"text\":{\"format\":{\"type\":\"text\"}}}";
    static const expect e8[] = {{"$.input", U, TEXT}};
    free(check_doc(ctx, (const uint8_t *)tobj, strlen(tobj), SANCTUM_CHAT_OPENAI_RESPONSES, SANCTUM_CHAT_SHAPE_REQUEST,
                   e8, 1));
    /* not an object at the top: every string is scanned */
    const char *arr = "[\"Jane\",{\"x\":\"Bob\"}]";
    static const expect e4[] = {{"$[0]", N, SANCTUM_CHAT_KIND_UNKNOWN}, {"$[1].x", N, SANCTUM_CHAT_KIND_UNKNOWN}};
    free(check_doc(ctx, (const uint8_t *)arr, strlen(arr), SANCTUM_CHAT_AUTO, SANCTUM_CHAT_SHAPE_UNKNOWN, e4, 2));
    test_ctx_free_checked(ctx);
}

static void nested_replacement_is_escaped_twice(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    const char *in = "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
                     "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"who\\\": \\\"M\\\\u00fcller\\\", \\\"n\\\": 1.50}\"}}]}]}";
    sanctum_chat_doc *doc = new_doc(ctx, SANCTUM_CHAT_OPENAI_CHAT, (const uint8_t *)in, strlen(in));
    assert_int_equal(sanctum_chat_doc_count(doc), 1);
    sanctum_chat_text t = text_at(doc, 0);
    assert_int_equal(t.nested, 1);
    assert_int_equal(t.text_len, 7);
    assert_memory_equal(t.text, "M\xc3\xbcller", 7);
    sanctum_error err;
    /* O"Brien with an umlaut: the inner writer keeps Python's \u style; the outer string escapes again */
    const char *rep = "O\"Br\xc3\xbc";
    assert_int_equal(sanctum_chat_doc_set_replacement(doc, 0, (const uint8_t *)rep, strlen(rep), &err), SANCTUM_OK);
    uint8_t *out;
    size_t n;
    assert_int_equal(sanctum_chat_doc_write(doc, &out, &n, &err), SANCTUM_OK);
    const char *want = "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
                       "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"who\\\": \\\"O\\\\\\\"Br\\\\u00fc\\\", \\\"n\\\": 1.50}\"}}]}]}";
    assert_int_equal(n, strlen(want));
    assert_memory_equal(out, want, n);
    sanctum_free(out);
    /* bad replacements */
    assert_int_equal(sanctum_chat_doc_set_replacement(doc, 0, (const uint8_t *)"a\xff", 2, &err), SANCTUM_E_UTF8);
    assert_int_equal(err.offset, 1);
    assert_int_equal(sanctum_chat_doc_set_replacement(doc, 5, (const uint8_t *)"a", 1, &err), SANCTUM_E_NOT_FOUND);
    sanctum_chat_text bad;
    memset(&bad, 0, sizeof bad);
    assert_int_equal(sanctum_chat_doc_text(doc, 0, &bad), SANCTUM_E_INVALID_ARG); /* struct_size unset */
    bad.struct_size = sizeof bad;
    assert_int_equal(sanctum_chat_doc_text(doc, 1, &bad), SANCTUM_E_NOT_FOUND);
    sanctum_free(doc);
    sanctum_chat_doc *none = NULL;
    assert_int_equal(sanctum_chat_doc_new(&none, ctx, 9, (const uint8_t *)"{}", 2, &err), SANCTUM_E_INVALID_ARG);
    test_ctx_free_checked(ctx);
}

static void go_style_placeholders(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    const char *in = "{\"messages\":[{\"role\":\"user\",\"content\":\"Jane \\u0026 Bob\"}],\"model\":\"m\"}";
    sanctum_chat_doc *doc = new_doc(ctx, 0, (const uint8_t *)in, strlen(in));
    sanctum_error err;
    assert_int_equal(sanctum_chat_doc_set_replacement(doc, 0, (const uint8_t *)"<PERSON_1> & <PERSON_2>", 23, &err),
                     SANCTUM_OK);
    uint8_t *out;
    size_t n;
    assert_int_equal(sanctum_chat_doc_write(doc, &out, &n, &err), SANCTUM_OK);
    const char *want = "{\"messages\":[{\"role\":\"user\",\"content\":\"\\u003cPERSON_1\\u003e \\u0026 \\u003cPERSON_2\\u003e\"}],\"model\":\"m\"}";
    assert_int_equal(n, strlen(want));
    assert_memory_equal(out, want, n);
    sanctum_free(out);
    sanctum_free(doc);
    test_ctx_free_checked(ctx);
}

typedef struct wipe_log {
    int secret, secret_nonzero;
} wipe_log;

static void on_free(void *user, const void *block, size_t size, bool secret)
{
    wipe_log *log = user;
    if (!secret)
        return;
    log->secret++;
    for (size_t i = 0; i < size; i++)
        if (((const uint8_t *)block)[i] != 0) {
            log->secret_nonzero++;
            break;
        }
}

static void decoded_text_lives_in_wiped_memory(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    wipe_log log = {0};
    sc_test_set_free_hook(ctx, on_free, &log);
    size_t n;
    uint8_t *in = read_example("openai_chat_request.json", &n);
    sanctum_chat_doc *doc = new_doc(ctx, 0, in, n);
    sanctum_chat_text t = text_at(doc, 1);
    assert_non_null(memchr(t.text, '@', t.text_len)); /* the decoded text holds the e-mail address */
    sanctum_free(doc);
    assert_true(log.secret >= 3); /* text arena, paths, nested sources */
    assert_int_equal(log.secret_nonzero, 0);
    free(in);
    test_ctx_free_checked(ctx);
}

/* ---- sweeps ---- */

typedef struct sweep_in {
    const uint8_t *p;
    size_t n;
} sweep_in;

static sanctum_status op_doc_new(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    sweep_in *in = user;
    sanctum_chat_doc *doc = NULL;
    sanctum_status st = sanctum_chat_doc_new(&doc, ctx, 0, in->p, in->n, err);
    sanctum_free(doc);
    return st;
}

static sanctum_status op_rewrite(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    sweep_in *in = user;
    sanctum_chat_doc *doc = NULL;
    sanctum_status st = sanctum_chat_doc_new(&doc, ctx, 0, in->p, in->n, err);
    for (size_t i = 0; st == SANCTUM_OK && i < sanctum_chat_doc_count(doc); i++)
        st = sanctum_chat_doc_set_replacement(doc, i, (const uint8_t *)"<EMAIL_1>", 9, err);
    uint8_t *out = NULL;
    size_t n;
    if (st == SANCTUM_OK)
        st = sanctum_chat_doc_write(doc, &out, &n, err);
    sanctum_free(out);
    sanctum_free(doc);
    return st;
}

static void sweeps(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    static const char *files[] = {"openai_chat_request.json", "anthropic_messages_request.json",
                                  "openai_responses_request.json", "gemini_request.json"};
    for (size_t i = 0; i < NELEM(files); i++) {
        size_t n;
        uint8_t *p = read_example(files[i], &n);
        sweep_in in = {p, n};
        assert_sweep_clean(ctx, op_doc_new, &in);
        assert_sweep_clean(ctx, op_rewrite, &in);
        free(p);
    }
    test_ctx_free_checked(ctx);
}


#define SYS SANCTUM_CHAT_ROLE_SYSTEM
#define DEV SANCTUM_CHAT_ROLE_DEVELOPER
#define URL SANCTUM_CHAT_KIND_URL
#define CIT SANCTUM_CHAT_KIND_CITATION

static void gemini(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    size_t n;
    uint8_t *in = read_example("gemini_request.json", &n);
    static const expect req[] = {
        {"$.contents[0].parts[0].text", U, TEXT},
        {"$.contents[1].parts[0].text", A, TEXT},
        {"$.contents[1].parts[1].functionCall.args.full_name", A, ARGS},
        {"$.contents[1].parts[1].functionCall.args.phone", A, ARGS},
        {"$.contents[2].parts[0].functionResponse.response.patient.name", T, RES},
        {"$.contents[2].parts[0].functionResponse.response.patient.email", T, RES},
        {"$.contents[3].parts[0].fileData.fileUri", U, URL},
        {"$.contents[3].parts[1].text", U, TEXT},
    };
    char *out = check_doc(ctx, in, n, SANCTUM_CHAT_GEMINI, SANCTUM_CHAT_SHAPE_REQUEST, req, NELEM(req));
    must_contain(out, "\"text\": \"You are the booking assistant of Dr. Elena Petrova's clinic. Be brief.\"");
    must_contain(out, "\"thoughtSignature\": \"CiQB0e2Kb3ZzX1QtbW9kZWwtc2ln\"");
    must_contain(out, "\"data\": \"iVBORw0KGgo");
    must_contain(out, "\"name\": \"find_patient\"");
    must_contain(out, "\"seed\": 9007199254740993");
    must_contain(out, "\"card\": 4111111111111111"); /* numbers only with SANCTUM_CHAT_NUMBERS */
    must_not_contain(out, "Tomasz");
    free(out);
    /* scrub_system: the system instruction comes first; numbers: the card under its key */
    g_flags = SANCTUM_CHAT_SCRUB_SYSTEM | SANCTUM_CHAT_NUMBERS;
    sanctum_chat_doc *doc = new_doc(ctx, SANCTUM_CHAT_AUTO, in, n);
    assert_int_equal(sanctum_chat_doc_count(doc), NELEM(req) + 3); /* and the tool's description */
    sanctum_chat_text t = text_at(doc, 0);
    assert_string_equal(t.path, "$.systemInstruction.parts[0].text");
    assert_int_equal(t.role, SYS);
    t = text_at(doc, NELEM(req) + 2);
    assert_string_equal(t.path, "$.tools[0].functionDeclarations[0].description");
    assert_int_equal(t.role, DEV);
    t = text_at(doc, 7);
    assert_string_equal(t.path, "$.contents[2].parts[0].functionResponse.response.patient.card");
    assert_int_equal(t.number, 1);
    assert_int_equal(t.key_type, SANCTUM_ENTITY_CREDIT_CARD);
    assert_int_equal(t.text_len, 16);
    assert_memory_equal(t.text, "4111111111111111", 16);
    t = text_at(doc, 3);
    assert_int_equal(t.key_type, SANCTUM_ENTITY_PERSON); /* full_name */
    assert_int_equal(t.number, 0);
    sanctum_free(doc);
    g_flags = 0;
    free(in);
    in = read_example("gemini_response.json", &n);
    static const expect resp[] = {
        {"$.candidates[0].content.parts[0].text", A, TEXT},
        {"$.candidates[0].content.parts[1].functionCall.args.to", A, ARGS},
        {"$.candidates[0].content.parts[1].functionCall.args.body", A, ARGS},
        {"$.candidates[0].citationMetadata.citationSources[0].uri", A, CIT},
    };
    out = check_doc(ctx, in, n, SANCTUM_CHAT_GEMINI, SANCTUM_CHAT_SHAPE_RESPONSE, resp, NELEM(resp));
    must_contain(out, "\"responseId\": \"mFAxaPbkHaOcz7IP\"");
    must_contain(out, "\"probability\": \"NEGLIGIBLE\"");
    free(out);
    free(in);
    /* snake_case spelling, a thought part (kept), a function role, code execution, stop sequences (scanned) */
    const char *snake = "{\"system_instruction\":{\"parts\":[{\"text\":\"sys\"}]},\"contents\":[{\"role\":\"model\","
                        "\"parts\":[{\"thought\":true,\"text\":\"Jane is\"},{\"function_call\":{\"name\":\"f\","
                        "\"args\":{\"q\":\"Jane\"}}},{\"executable_code\":{\"language\":\"PYTHON\",\"code\":\"print(1)\"}}]},"
                        "{\"role\":\"function\",\"parts\":[{\"function_response\":{\"name\":\"f\",\"response\":"
                        "{\"r\":\"Jane Roe\"}}},{\"code_execution_result\":{\"outcome\":\"OK\",\"output\":\"1\"}}]}],"
                        "\"generation_config\":{\"stop_sequences\":[\"x\"]},\"labels\":{\"team\":\"Jane\"}}";
    static const expect sn[] = {
        {"$.contents[0].parts[1].function_call.args.q", A, ARGS},
        {"$.contents[0].parts[2].executable_code.language", A, TEXT},
        {"$.contents[0].parts[2].executable_code.code", A, TEXT},
        {"$.contents[1].parts[0].function_response.response.r", T, RES},
        {"$.contents[1].parts[1].code_execution_result.outcome", T, RES},
        {"$.contents[1].parts[1].code_execution_result.output", T, RES},
        {"$.generation_config.stop_sequences[0]", U, SANCTUM_CHAT_KIND_UNKNOWN},
        {"$.labels.team", N, SANCTUM_CHAT_KIND_UNKNOWN},
    };
    free(check_doc(ctx, (const uint8_t *)snake, strlen(snake), SANCTUM_CHAT_GEMINI, SANCTUM_CHAT_SHAPE_REQUEST, sn,
                   NELEM(sn)));
    /* "thought": true keeps a model part's text only: Gemini still reads the part's functionResponse,
     * fileData ..., and a user's part is no model's thought (the client sets the flag) */
    const char *thought = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"thought\":true,\"text\":\"Jane Doe\"}]},"
                          "{\"role\":\"model\",\"parts\":[{\"thought\":true,\"text\":\"kept\",\"functionCall\":"
                          "{\"name\":\"f\",\"args\":{\"q\":\"Jane\"}}}]},{\"role\":\"function\",\"parts\":[{\"thought\":"
                          "true,\"functionResponse\":{\"name\":\"f\",\"response\":{\"r\":\"Jane Roe\"}}}]}]}";
    static const expect th[] = {
        {"$.contents[0].parts[0].text", U, TEXT},
        {"$.contents[1].parts[0].functionCall.args.q", A, ARGS},
        {"$.contents[2].parts[0].functionResponse.response.r", T, RES},
    };
    free(check_doc(ctx, (const uint8_t *)thought, strlen(thought), SANCTUM_CHAT_GEMINI, SANCTUM_CHAT_SHAPE_REQUEST,
                   th, NELEM(th)));
    /* detection stays unambiguous: each format's own documents are detected as before */
    static const struct {
        const char *file;
        int32_t format;
    } files[] = {{"openai_chat_request.json", SANCTUM_CHAT_OPENAI_CHAT},
                 {"openai_chat_response.json", SANCTUM_CHAT_OPENAI_CHAT},
                 {"anthropic_messages_request.json", SANCTUM_CHAT_ANTHROPIC_MESSAGES},
                 {"anthropic_messages_response.json", SANCTUM_CHAT_ANTHROPIC_MESSAGES},
                 {"openai_responses_request.json", SANCTUM_CHAT_OPENAI_RESPONSES},
                 {"openai_responses_response.json", SANCTUM_CHAT_OPENAI_RESPONSES},
                 {"gemini_request.json", SANCTUM_CHAT_GEMINI},
                 {"gemini_response.json", SANCTUM_CHAT_GEMINI}};
    for (size_t i = 0; i < NELEM(files); i++) {
        in = read_example(files[i].file, &n);
        doc = new_doc(ctx, SANCTUM_CHAT_AUTO, in, n);
        if (sanctum_chat_doc_format(doc) != files[i].format)
            fail_msg("%s detected as %s", files[i].file, sanctum_chat_format_name(sanctum_chat_doc_format(doc)));
        sanctum_free(doc);
        free(in);
    }
    assert_string_equal(sanctum_chat_format_name(SANCTUM_CHAT_GEMINI), "gemini");
    test_ctx_free_checked(ctx);
}

static void scrub_system(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    g_flags = SANCTUM_CHAT_SCRUB_SYSTEM;
    const char *oa = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"For Jane\"},"
                     "{\"role\":\"developer\",\"content\":[{\"type\":\"text\",\"text\":\"Dev Bob\"}]},"
                     "{\"role\":\"user\",\"content\":\"hi\"}]}";
    static const expect e1[] = {{"$.messages[0].content", SYS, TEXT},
                                {"$.messages[1].content[0].text", DEV, TEXT},
                                {"$.messages[2].content", U, TEXT}};
    free(check_doc(ctx, (const uint8_t *)oa, strlen(oa), SANCTUM_CHAT_OPENAI_CHAT, SANCTUM_CHAT_SHAPE_REQUEST, e1, 3));
    const char *an = "{\"model\":\"c\",\"max_tokens\":5,\"system\":[{\"type\":\"text\",\"text\":\"For Max\","
                     "\"cache_control\":{\"type\":\"ephemeral\"}}],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    static const expect e2[] = {{"$.system[0].text", SYS, TEXT}, {"$.messages[0].content", U, TEXT}};
    free(check_doc(ctx, (const uint8_t *)an, strlen(an), SANCTUM_CHAT_ANTHROPIC_MESSAGES, SANCTUM_CHAT_SHAPE_REQUEST,
                   e2, 2));
    const char *rs = "{\"model\":\"g\",\"instructions\":\"Li Wei's agent\",\"input\":[{\"role\":\"developer\","
                     "\"content\":\"dev\"},{\"role\":\"user\",\"content\":\"hi\"}]}";
    static const expect e3[] = {{"$.instructions", DEV, TEXT}, {"$.input[0].content", DEV, TEXT},
                                {"$.input[1].content", U, TEXT}};
    free(check_doc(ctx, (const uint8_t *)rs, strlen(rs), SANCTUM_CHAT_OPENAI_RESPONSES, SANCTUM_CHAT_SHAPE_REQUEST,
                   e3, 3));
    g_flags = 0; /* default: all of it kept */
    free(check_doc(ctx, (const uint8_t *)oa, strlen(oa), SANCTUM_CHAT_OPENAI_CHAT, SANCTUM_CHAT_SHAPE_REQUEST, e1 + 2, 1));
    free(check_doc(ctx, (const uint8_t *)an, strlen(an), SANCTUM_CHAT_ANTHROPIC_MESSAGES, SANCTUM_CHAT_SHAPE_REQUEST,
                   e2 + 1, 1));
    free(check_doc(ctx, (const uint8_t *)rs, strlen(rs), SANCTUM_CHAT_OPENAI_RESPONSES, SANCTUM_CHAT_SHAPE_REQUEST,
                   e3 + 2, 1));
    sanctum_chat_doc *doc = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_chat_doc_new_ex(&doc, ctx, 0, 1u << 20, (const uint8_t *)"{}", 2, &err),
                     SANCTUM_E_INVALID_ARG);
    assert_null(doc);
    test_ctx_free_checked(ctx);
}

/* Tool definitions and response schemas are developer-written text: walked with SANCTUM_CHAT_SCRUB_SYSTEM
 * (descriptions, titles, defaults, enums, examples; names and validation keywords kept), left alone
 * without it. */
static void tool_definitions(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    const char *oa =
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
        "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"mail\",\"description\":\"Mail Jane\","
        "\"parameters\":{\"type\":\"object\",\"properties\":{\"to\":{\"type\":\"string\",\"description\":\"who\","
        "\"default\":\"jane@example.com\",\"enum\":[\"jane@example.com\",\"bob@example.com\"],\"pattern\":\"^.+$\"},"
        "\"cc\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"examples\":[\"Li Wei\"]}}},"
        "\"required\":[\"to\"]}}}],"
        "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"r\",\"description\":\"for Max\","
        "\"schema\":{\"type\":\"object\",\"properties\":{\"a\":{\"anyOf\":[{\"const\":\"Max Mustermann\"}]}}}}}}";
    static const expect e1[] = {
        {"$.messages[0].content", U, TEXT},
        {"$.tools[0].function.description", DEV, TEXT},
        {"$.tools[0].function.parameters.properties.to.description", DEV, TEXT},
        {"$.tools[0].function.parameters.properties.to.default", DEV, TEXT},
        {"$.tools[0].function.parameters.properties.to.enum[0]", DEV, TEXT},
        {"$.tools[0].function.parameters.properties.to.enum[1]", DEV, TEXT},
        {"$.tools[0].function.parameters.properties.cc.items.examples[0]", DEV, TEXT},
        {"$.response_format.json_schema.description", DEV, TEXT},
        {"$.response_format.json_schema.schema.properties.a.anyOf[0].const", DEV, TEXT},
    };
    const char *an = "{\"model\":\"c\",\"max_tokens\":5,\"stop_sequences\":[],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                     "\"tools\":[{\"name\":\"t\",\"description\":\"Ask Jane\",\"input_schema\":{\"type\":\"object\","
                     "\"properties\":{\"q\":{\"type\":\"string\",\"title\":\"Q\"}}}},"
                     "{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"user_location\":{\"type\":\"approximate\","
                     "\"city\":\"Springfield\"}}]}";
    static const expect e2[] = {
        {"$.messages[0].content", U, TEXT},
        {"$.tools[0].description", DEV, TEXT},
        {"$.tools[0].input_schema.properties.q.title", DEV, TEXT},
        {"$.tools[1].user_location.city", DEV, SANCTUM_CHAT_KIND_UNKNOWN},
    };
    const char *rs = "{\"model\":\"g\",\"input\":\"hi\",\"tools\":[{\"type\":\"function\",\"name\":\"f\","
                     "\"description\":\"d\",\"parameters\":{}}],\"text\":{\"format\":{\"type\":\"json_schema\","
                     "\"name\":\"x\",\"schema\":{\"properties\":{\"k\":{\"description\":\"e\"}}}}}}";
    static const expect e3[] = {
        {"$.input", U, TEXT},
        {"$.tools[0].description", DEV, TEXT},
        {"$.text.format.schema.properties.k.description", DEV, TEXT},
    };
    g_flags = SANCTUM_CHAT_SCRUB_SYSTEM;
    free(check_doc(ctx, (const uint8_t *)oa, strlen(oa), SANCTUM_CHAT_OPENAI_CHAT, SANCTUM_CHAT_SHAPE_REQUEST, e1,
                   NELEM(e1)));
    free(check_doc(ctx, (const uint8_t *)an, strlen(an), SANCTUM_CHAT_ANTHROPIC_MESSAGES, SANCTUM_CHAT_SHAPE_REQUEST,
                   e2, NELEM(e2)));
    free(check_doc(ctx, (const uint8_t *)rs, strlen(rs), SANCTUM_CHAT_OPENAI_RESPONSES, SANCTUM_CHAT_SHAPE_REQUEST,
                   e3, NELEM(e3)));
    g_flags = 0; /* without the flag: kept */
    free(check_doc(ctx, (const uint8_t *)oa, strlen(oa), SANCTUM_CHAT_OPENAI_CHAT, SANCTUM_CHAT_SHAPE_REQUEST, e1, 1));
    free(check_doc(ctx, (const uint8_t *)an, strlen(an), SANCTUM_CHAT_ANTHROPIC_MESSAGES, SANCTUM_CHAT_SHAPE_REQUEST,
                   e2, 1));
    free(check_doc(ctx, (const uint8_t *)rs, strlen(rs), SANCTUM_CHAT_OPENAI_RESPONSES, SANCTUM_CHAT_SHAPE_REQUEST,
                   e3, 1));
    /* a schema nested past the walk's depth is scanned whole, never skipped */
    char deep[4096];
    size_t dn = (size_t)snprintf(deep, sizeof deep, "{\"messages\":[],\"tools\":[{\"parameters\":");
    for (int i = 0; i < 80; i++)
        dn += (size_t)snprintf(deep + dn, sizeof deep - dn, "{\"not\":");
    dn += (size_t)snprintf(deep + dn, sizeof deep - dn, "{\"type\":\"Jane\"}");
    for (int i = 0; i < 80; i++)
        deep[dn++] = '}';
    dn += (size_t)snprintf(deep + dn, sizeof deep - dn, "}]}");
    g_flags = SANCTUM_CHAT_SCRUB_SYSTEM;
    sanctum_chat_doc *doc = new_doc(ctx, SANCTUM_CHAT_AUTO, (const uint8_t *)deep, dn);
    assert_int_equal(sanctum_chat_doc_count(doc), 1);
    assert_int_equal(text_at(doc, 0).role, DEV);
    sanctum_free(doc);
    g_flags = 0;
    test_ctx_free_checked(ctx);
}

/* SANCTUM_CHAT_REFUSE_ATTACHMENTS: base64 content the walk cannot scan stops it, at the string's offset;
 * without the flag it is left alone, and URLs that are not base64 are scanned as before. */
static void attachments_refused(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    static const char *docs[] = {
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":"
        "\"data:image/png;base64,iVBORw0KGgo=\"}}]}]}",
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"file\",\"file\":{\"filename\":\"a.pdf\","
        "\"file_data\":\"data:application/pdf;base64,JVBERi0=\"}}]}]}",
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",\"input_audio\":{\"data\":"
        "\"UklGRg==\",\"format\":\"wav\"}}]}]}",
        "{\"stop_sequences\":[],\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"document\",\"source\":"
        "{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"JVBERi0=\"}}]}]}",
        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"inlineData\":{\"mimeType\":\"image/png\","
        "\"data\":\"iVBORw0KGgo=\"}}]}]}",
        /* data URLs where no attachment is expected: metadata, an unknown member, an extra message
         * field, inside JSON tool arguments */
        "{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"x\",\"content\":\"ok\"}],"
        "\"metadata\":{\"doc\":\"data:text/plain;base64,iVBORw0KGgo=\"}}",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
        "\"x_extra\":[\"data:text/plain;base64,iVBORw0KGgo=\"]}",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"attachment\":{\"blob\":"
        "\"data:text/plain;base64,iVBORw0KGgo=\"}}]}",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":"
        "\"function\",\"function\":{\"name\":\"f\",\"arguments\":"
        "\"{\\\"file\\\":\\\"data:text/plain;base64,iVBORw0KGgo=\\\"}\"}}]}]}",
    };
    for (size_t i = 0; i < NELEM(docs); i++) {
        const uint8_t *in = (const uint8_t *)docs[i];
        size_t n = strlen(docs[i]);
        sanctum_chat_doc *doc = NULL;
        sanctum_error err;
        assert_int_equal(sanctum_chat_doc_new_ex(&doc, ctx, SANCTUM_CHAT_AUTO, SANCTUM_CHAT_REFUSE_ATTACHMENTS, in, n,
                                                 &err), SANCTUM_E_UNSUPPORTED);
        assert_null(doc);
        assert_true(err.offset > 0 && err.offset < n);
        assert_null(strstr(err.message, "iVBOR"));
        assert_int_equal(sanctum_chat_doc_new_ex(&doc, ctx, SANCTUM_CHAT_AUTO, 0, in, n, &err), SANCTUM_OK);
        sanctum_free(doc);
    }
    const char *url = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":"
                      "{\"url\":\"https://example.com/jane.png\"}}]}]}";
    sanctum_chat_doc *doc = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_chat_doc_new_ex(&doc, ctx, SANCTUM_CHAT_AUTO, SANCTUM_CHAT_REFUSE_ATTACHMENTS,
                                             (const uint8_t *)url, strlen(url), &err), SANCTUM_OK);
    assert_int_equal(sanctum_chat_doc_count(doc), 1);
    sanctum_free(doc);
    test_ctx_free_checked(ctx);
}

static void lone_surrogates(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    /* a string cut inside an emoji (JavaScript), a low half alone, one inverted pair, a real pair */
    const char *in = "{\"messages\":[{\"role\":\"user\",\"content\":\"Jane \\ud83d cut \\uDC00\\ud800 \\ud83d\\ude00 "
                     "\\ufffd end\"}]}";
    sanctum_chat_doc *doc = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_chat_doc_new(&doc, ctx, 0, (const uint8_t *)in, strlen(in), &err), SANCTUM_E_UTF8);
    assert_int_equal(sanctum_json_validate(ctx, 0, (const uint8_t *)in, strlen(in), &err), SANCTUM_E_UTF8);
    assert_int_equal(sanctum_json_validate(ctx, SANCTUM_JSON_ALLOW_LONE_SURROGATES, (const uint8_t *)in, strlen(in),
                                           &err), SANCTUM_OK);
    uint8_t *out;
    size_t n;
    assert_int_equal(sanctum_json_roundtrip(&out, &n, ctx, SANCTUM_JSON_ALLOW_LONE_SURROGATES, (const uint8_t *)in,
                                            strlen(in), &err), SANCTUM_OK);
    assert_int_equal(n, strlen(in));
    assert_memory_equal(out, in, n);
    sanctum_free(out);
    assert_int_equal(sanctum_json_validate(ctx, 4, (const uint8_t *)in, strlen(in), &err), SANCTUM_E_INVALID_ARG);
    g_flags = SANCTUM_CHAT_ALLOW_LONE_SURROGATES;
    doc = new_doc(ctx, 0, (const uint8_t *)in, strlen(in));
    sanctum_chat_text t = text_at(doc, 0);
    const char *dec = "Jane \xef\xbf\xbd cut \xef\xbf\xbd\xef\xbf\xbd \xf0\x9f\x98\x80 \xef\xbf\xbd end";
    assert_int_equal(t.text_len, strlen(dec));
    assert_memory_equal(t.text, dec, t.text_len);
    /* rewritten with the U+FFFD in place: the escapes come back as written, the real U+FFFD too */
    const char *rep = "<PERSON_1> \xef\xbf\xbd cut \xef\xbf\xbd\xef\xbf\xbd \xf0\x9f\x98\x80 \xef\xbf\xbd end";
    assert_int_equal(sanctum_chat_doc_set_replacement(doc, 0, (const uint8_t *)rep, strlen(rep), &err), SANCTUM_OK);
    assert_int_equal(sanctum_chat_doc_write(doc, &out, &n, &err), SANCTUM_OK);
    const char *want = "{\"messages\":[{\"role\":\"user\",\"content\":\"<PERSON_1> \\ud83d cut \\uDC00\\ud800 "
                       "\\ud83d\\ude00 \\ufffd end\"}]}";
    assert_int_equal(n, strlen(want));
    assert_memory_equal(out, want, n);
    sanctum_free(out);
    /* a U+FFFD dropped: the count no longer lines up, every U+FFFD is written as itself */
    const char *rep2 = "\xef\xbf\xbd gone";
    assert_int_equal(sanctum_chat_doc_set_replacement(doc, 0, (const uint8_t *)rep2, strlen(rep2), &err), SANCTUM_OK);
    assert_int_equal(sanctum_chat_doc_write(doc, &out, &n, &err), SANCTUM_OK);
    const char *want2 = "{\"messages\":[{\"role\":\"user\",\"content\":\"\\ufffd gone\"}]}";
    assert_int_equal(n, strlen(want2));
    assert_memory_equal(out, want2, n);
    sanctum_free(out);
    sanctum_free(doc);
    /* inside tool arguments: the inner JSON holds the escape (decoded twice), rewritten inside */
    const char *tc = "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
                     "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":\\\"x\\\\ud83d\\\",\\\"b\\\":\\\"Jane\\\"}\"}}]}]}";
    doc = new_doc(ctx, 0, (const uint8_t *)tc, strlen(tc));
    assert_int_equal(sanctum_chat_doc_count(doc), 2);
    t = text_at(doc, 0);
    assert_int_equal(t.text_len, 4);
    assert_memory_equal(t.text, "x\xef\xbf\xbd", 4);
    assert_int_equal(sanctum_chat_doc_set_replacement(doc, 1, (const uint8_t *)"<PERSON_1>", 10, &err), SANCTUM_OK);
    assert_int_equal(sanctum_chat_doc_write(doc, &out, &n, &err), SANCTUM_OK);
    const char *want3 = "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
                        "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":\\\"x\\\\ud83d\\\",\\\"b\\\":\\\"<PERSON_1>\\\"}\"}}]}]}";
    assert_int_equal(n, strlen(want3));
    assert_memory_equal(out, want3, n);
    sanctum_free(out);
    sanctum_free(doc);
    /* keys: a lone surrogate in a key decodes to U+FFFD; two such keys are duplicates (refused) */
    const char *dk = "{\"\\ud800\":1,\"\\udc00\":2}";
    assert_int_equal(sanctum_json_validate(ctx, SANCTUM_JSON_ALLOW_LONE_SURROGATES, (const uint8_t *)dk, strlen(dk),
                                           &err), SANCTUM_E_PARSE);
    /* still refused: a bad escape, and an unterminated one */
    const char *bad = "[\"\\ud83d\\u12\"]";
    assert_int_equal(sanctum_json_validate(ctx, SANCTUM_JSON_ALLOW_LONE_SURROGATES, (const uint8_t *)bad, strlen(bad),
                                           &err), SANCTUM_E_PARSE);
    g_flags = 0;
    test_ctx_free_checked(ctx);
}

static bool has_bytes(const uint8_t *p, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    for (size_t i = 0; i + l <= n; i++)
        if (memcmp(p + i, lit, l) == 0)
            return true;
    return false;
}

static void keys_and_numbers(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    g_flags = SANCTUM_CHAT_NUMBERS;
    const char *in = "{\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\"{\\\"SSN\\\":\\\"219-09-9999\\\","
                     "\\\"card_number\\\":4111111111111111,\\\"customerPhone\\\":2025550143,\\\"count\\\":3,"
                     "\\\"ts\\\":1733333333,\\\"price\\\":12.5,\\\"phones\\\":[\\\"a\\\",5551234567],"
                     "\\\"filename\\\":\\\"x\\\",\\\"e-mail\\\":\\\"j@x.test\\\",\\\"firstName\\\":\\\"Ray\\\"}\"}]}";
    sanctum_chat_doc *doc = new_doc(ctx, 0, (const uint8_t *)in, strlen(in));
    static const struct {
        const char *path;
        int32_t key_type;
        uint32_t number;
    } want[] = {
        {">$.SSN", SANCTUM_ENTITY_US_SSN, 0},
        {">$.card_number", SANCTUM_ENTITY_CREDIT_CARD, 1},
        {">$.customerPhone", SANCTUM_ENTITY_PHONE_NUMBER, 1},
        {">$.ts", -1, 1}, /* 10 digits without a key: looked at, the detector decides */
        {">$.phones[0]", SANCTUM_ENTITY_PHONE_NUMBER, 0},
        {">$.phones[1]", SANCTUM_ENTITY_PHONE_NUMBER, 1},
        {">$.filename", -1, 0},
        {">$[\"e-mail\"]", SANCTUM_ENTITY_EMAIL_ADDRESS, 0},
        {">$.firstName", SANCTUM_ENTITY_PERSON, 0},
    };
    assert_int_equal(sanctum_chat_doc_count(doc), NELEM(want));
    for (size_t i = 0; i < NELEM(want); i++) {
        sanctum_chat_text t = text_at(doc, i);
        const char *tail = strchr(t.path, '>');
        assert_non_null(tail);
        assert_string_equal(tail, want[i].path);
        assert_int_equal(t.key_type, want[i].key_type);
        assert_int_equal(t.number, want[i].number);
    }
    /* a number replaced by a placeholder becomes a string, in the inner and the outer document */
    sanctum_error err;
    assert_int_equal(sanctum_chat_doc_set_replacement(doc, 1, (const uint8_t *)"<CREDIT_CARD_1>", 15, &err), SANCTUM_OK);
    uint8_t *out;
    size_t n;
    assert_int_equal(sanctum_chat_doc_write(doc, &out, &n, &err), SANCTUM_OK);
    assert_true(has_bytes(out, n, "\\\"card_number\\\":\\\"<CREDIT_CARD_1>\\\",\\\"customerPhone\\\":2025550143"));
    sanctum_free(out);
    /* an old caller's smaller struct: the appended fields are left alone */
    sanctum_chat_text old;
    memset(&old, 0x5a, sizeof old);
    old.struct_size = (uint32_t)offsetof(sanctum_chat_text, key_type);
    assert_int_equal(sanctum_chat_doc_text(doc, 1, &old), SANCTUM_OK);
    assert_int_equal(old.number, 0x5a5a5a5au);
    sanctum_free(doc);
    /* without the flag, numbers are never returned */
    g_flags = 0;
    doc = new_doc(ctx, 0, (const uint8_t *)in, strlen(in));
    assert_int_equal(sanctum_chat_doc_count(doc), 5);
    sanctum_free(doc);
    /* a top-level number in an object of the outer document, editing it directly */
    g_flags = SANCTUM_CHAT_NUMBERS;
    const char *top = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"f\",\"response\":"
                      "{\"account\":12345678}}}]}]}";
    doc = new_doc(ctx, 0, (const uint8_t *)top, strlen(top));
    assert_int_equal(sanctum_chat_doc_count(doc), 1);
    assert_int_equal(sanctum_chat_doc_set_replacement(doc, 0, (const uint8_t *)"<US_BANK_NUMBER_1>", 18, &err),
                     SANCTUM_OK);
    assert_int_equal(sanctum_chat_doc_write(doc, &out, &n, &err), SANCTUM_OK);
    assert_true(has_bytes(out, n, "{\"account\":\"<US_BANK_NUMBER_1>\"}"));
    sanctum_free(out);
    sanctum_free(doc);
    g_flags = 0;
    test_ctx_free_checked(ctx);
}

static sanctum_status op_doc_new_ex(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    const char *in = user;
    sanctum_chat_doc *doc = NULL;
    sanctum_status st = sanctum_chat_doc_new_ex(&doc, ctx, 0,
                                                SANCTUM_CHAT_ALLOW_LONE_SURROGATES | SANCTUM_CHAT_SCRUB_SYSTEM |
                                                    SANCTUM_CHAT_NUMBERS,
                                                (const uint8_t *)in, strlen(in), err);
    for (size_t i = 0; st == SANCTUM_OK && i < sanctum_chat_doc_count(doc); i++)
        st = sanctum_chat_doc_set_replacement(doc, i, (const uint8_t *)"\xef\xbf\xbd<X_1>", 8, err);
    uint8_t *out = NULL;
    size_t n;
    if (st == SANCTUM_OK)
        st = sanctum_chat_doc_write(doc, &out, &n, err);
    sanctum_free(out);
    sanctum_free(doc);
    return st;
}

static void sweeps_new_inputs(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    static char in[] = "{\"systemInstruction\":{\"parts\":[{\"text\":\"s\\ud83d\"}]},\"contents\":[{\"role\":\"user\","
                       "\"parts\":[{\"text\":\"a\\udc00\"},{\"functionResponse\":{\"name\":\"f\",\"response\":"
                       "{\"card\":4111111111111111,\"x\":\"{\\\"phone\\\":2025550143}\"}}}]}]}";
    assert_sweep_clean(ctx, op_doc_new_ex, in);
    test_ctx_free_checked(ctx);
}

/* SANCTUM_CHAT_STRICT_SHAPE: wrong-typed messages / contents / input and documents of no known shape
 * are E_PARSE at the value; well-formed ones (even with nothing to scan) are fine, and without the
 * flag nothing changes. */
static void strict_shape(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    static const struct {
        const char *doc;
        sanctum_status want;
        uint64_t offset;
        const char *msg;
    } cases[] = {
        {"{\"messages\":5}", SANCTUM_E_PARSE, 12, "messages is a number where a request (openai_chat) has an array"},
        {"{\"model\":\"m\",\"messages\":{}}", SANCTUM_E_PARSE, 24, "messages is an object"},
        {"{\"contents\":\"hi\"}", SANCTUM_E_PARSE, 12, "contents is a string where a request (gemini)"},
        {"{\"input\":true}", SANCTUM_E_PARSE, 9, "input is true where a request (openai_responses)"},
        {"{\"foo\":1}", SANCTUM_E_PARSE, 0, "not a chat request, response, stream event or error"},
        {" [1]", SANCTUM_E_PARSE, 1, "a chat document is a JSON object, not an array"},
        {"{\"messages\":[]}", SANCTUM_OK, 0, NULL},
        {"{\"contents\":{\"parts\":[{\"text\":\"x\"}]}}", SANCTUM_OK, 0, NULL},
        {"{\"input\":\"hello\"}", SANCTUM_OK, 0, NULL},
        {"{\"instructions\":\"x\"}", SANCTUM_OK, 0, NULL},
        {"{\"object\":\"chat.completion.chunk\",\"choices\":[]}", SANCTUM_OK, 0, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sanctum_chat_doc *doc = NULL;
        sanctum_error err;
        const uint8_t *p = (const uint8_t *)cases[i].doc;
        size_t n = strlen(cases[i].doc);
        assert_int_equal(sanctum_chat_doc_new_ex(&doc, ctx, 0, SANCTUM_CHAT_STRICT_SHAPE, p, n, &err), cases[i].want);
        if (cases[i].want != SANCTUM_OK) {
            assert_null(doc);
            assert_int_equal(err.offset, cases[i].offset);
            assert_non_null(strstr(err.message, cases[i].msg));
        }
        sanctum_free(doc);
        doc = NULL;
        if (cases[i].doc[0] == '{') { /* without the flag: accepted, as before */
            assert_int_equal(sanctum_chat_doc_new_ex(&doc, ctx, 0, 0, p, n, &err), SANCTUM_OK);
            sanctum_free(doc);
        }
    }
    test_ctx_free_checked(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(openai_chat_request),
        cmocka_unit_test(openai_chat_response_and_stream),
        cmocka_unit_test(anthropic_messages),
        cmocka_unit_test(openai_responses),
        cmocka_unit_test(fail_closed_rules),
        cmocka_unit_test(nested_replacement_is_escaped_twice),
        cmocka_unit_test(go_style_placeholders),
        cmocka_unit_test(decoded_text_lives_in_wiped_memory),
        cmocka_unit_test(sweeps),
        cmocka_unit_test(gemini),
        cmocka_unit_test(scrub_system), cmocka_unit_test(tool_definitions), cmocka_unit_test(attachments_refused),
        cmocka_unit_test(lone_surrogates),
        cmocka_unit_test(keys_and_numbers),
        cmocka_unit_test(sweeps_new_inputs),
        cmocka_unit_test(strict_shape),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
