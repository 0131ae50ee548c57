/* Public entry points of the JSON layer and the chat enums' names. */
#include "alloc.h"
#include "error.h"
#include "json.h"

sanctum_status sanctum_json_validate(sanctum_ctx *ctx, uint32_t flags, const uint8_t *ptr, size_t len,
                                     sanctum_error *err)
{
    sanctum_error_clear(err);
    if ((flags & ~(uint32_t)SANCTUM_JSON_ALLOW_DUPLICATE_KEYS) != 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "unknown flags");
    sc_json_doc d;
    sanctum_status st = sc_json_parse(ctx, ptr, len, 0, flags, &d, err);
    if (st == SANCTUM_OK)
        sc_json_doc_clear(&d);
    return st;
}

sanctum_status sanctum_json_roundtrip(uint8_t **out, size_t *out_len, sanctum_ctx *ctx, uint32_t flags,
                                      const uint8_t *ptr, size_t len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || out_len == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "NULL output");
    *out = NULL;
    if ((flags & ~(uint32_t)SANCTUM_JSON_ALLOW_DUPLICATE_KEYS) != 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "unknown flags");
    *out_len = 0;
    sc_json_doc d;
    sanctum_status st = sc_json_parse(ctx, ptr, len, 0, flags, &d, err);
    if (st != SANCTUM_OK)
        return st;
    st = sc_json_write(&d, NULL, 0, out, out_len, err);
    sc_json_doc_clear(&d);
    return st;
}

sanctum_status sanctum_json_escape(uint8_t *out, size_t out_cap, size_t *out_len, const uint8_t *ptr, size_t len,
                                   sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out_len == NULL || (ptr == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out_len and ptr may not be NULL");
    size_t need = sc_json_encoded_len(ptr, len, &sc_json_style_plain);
    *out_len = need;
    if (need > out_cap || (out == NULL && need != 0))
        return sc_error(err, SANCTUM_E_BUFFER_TOO_SMALL, SANCTUM_NO_OFFSET, "the escaped text needs %zu bytes", need);
    if (len != 0)
        (void)sc_json_encode(ptr, len, &sc_json_style_plain, out);
    return SANCTUM_OK;
}

const char *sanctum_chat_format_name(int32_t format)
{
    switch (format) {
    case SANCTUM_CHAT_AUTO: return "auto";
    case SANCTUM_CHAT_OPENAI_CHAT: return "openai_chat";
    case SANCTUM_CHAT_ANTHROPIC_MESSAGES: return "anthropic_messages";
    case SANCTUM_CHAT_OPENAI_RESPONSES: return "openai_responses";
    default: return "unknown";
    }
}

const char *sanctum_chat_shape_name(int32_t shape)
{
    switch (shape) {
    case SANCTUM_CHAT_SHAPE_REQUEST: return "request";
    case SANCTUM_CHAT_SHAPE_RESPONSE: return "response";
    case SANCTUM_CHAT_SHAPE_STREAM_EVENT: return "stream_event";
    case SANCTUM_CHAT_SHAPE_ERROR: return "error";
    default: return "unknown";
    }
}

const char *sanctum_chat_role_name(int32_t role)
{
    switch (role) {
    case SANCTUM_CHAT_ROLE_NONE: return "none";
    case SANCTUM_CHAT_ROLE_USER: return "user";
    case SANCTUM_CHAT_ROLE_ASSISTANT: return "assistant";
    case SANCTUM_CHAT_ROLE_TOOL: return "tool";
    case SANCTUM_CHAT_ROLE_SYSTEM: return "system";
    case SANCTUM_CHAT_ROLE_DEVELOPER: return "developer";
    case SANCTUM_CHAT_ROLE_FUNCTION: return "function";
    case SANCTUM_CHAT_ROLE_OTHER: return "other";
    default: return "unknown";
    }
}

const char *sanctum_chat_kind_name(int32_t kind)
{
    switch (kind) {
    case SANCTUM_CHAT_KIND_TEXT: return "text";
    case SANCTUM_CHAT_KIND_REFUSAL: return "refusal";
    case SANCTUM_CHAT_KIND_TOOL_ARGUMENTS: return "tool_arguments";
    case SANCTUM_CHAT_KIND_TOOL_RESULT: return "tool_result";
    case SANCTUM_CHAT_KIND_NAME: return "name";
    case SANCTUM_CHAT_KIND_IDENTIFIER: return "identifier";
    case SANCTUM_CHAT_KIND_URL: return "url";
    case SANCTUM_CHAT_KIND_FILENAME: return "filename";
    case SANCTUM_CHAT_KIND_DOCUMENT: return "document";
    case SANCTUM_CHAT_KIND_CITATION: return "citation";
    case SANCTUM_CHAT_KIND_ERROR: return "error";
    case SANCTUM_CHAT_KIND_UNKNOWN: return "unknown";
    default: return "unknown";
    }
}
