/* Chat walk per format: exactly the scan strings are found and replaced; every other byte (system
 * prompt, ids, signatures, numbers, escapes) comes back identical. Fail-closed rules, nested JSON,
 * replacements, allocation-failure sweeps. */
#include "chat_walk_support.h"

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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
