/* Chat walk, the options and formats added after the first four: Gemini, scrub_system, tool definitions,
 * attachments, lone surrogates, keys and numbers as context, strict shapes, and their allocation sweeps. */
#include "chat_walk_support.h"

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
        cmocka_unit_test(gemini),
        cmocka_unit_test(scrub_system),
        cmocka_unit_test(tool_definitions),
        cmocka_unit_test(attachments_refused),
        cmocka_unit_test(lone_surrogates),
        cmocka_unit_test(keys_and_numbers),
        cmocka_unit_test(sweeps_new_inputs),
        cmocka_unit_test(strict_shape),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
