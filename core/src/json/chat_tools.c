/*
 * Tool definitions and response schemas, walked with SANCTUM_CHAT_SCRUB_SYSTEM: they are written by the
 * developer like a system prompt (role DEVELOPER), and their free text reaches the provider with every
 * request: OpenAI tools[].function (and legacy functions[]), Responses tools[], Anthropic tools[]
 * (description, input_schema), Gemini tools[].functionDeclarations[], OpenAI response_format.json_schema,
 * Responses text.format and Gemini generationConfig.responseSchema.
 *
 * In a tool: description is scanned, schemas are walked, names, types and connection settings
 * (server_url, headers) are kept, anything else is scanned (a web search tool's user_location, say).
 * In a JSON Schema: description, title, $comment, default, const, enum, examples are scanned; property
 * names and validation keywords (type, pattern, required, format ...) are kept; subschemas are walked.
 */
#include "chat.h"

#define DEV SANCTUM_CHAT_ROLE_DEVELOPER
#define IS(k, lit) SC_JSON_STR_IS(w->j, (k), lit)
#define TYPE(t) (w->j->tok[(t)].type)
#define FOR_MEMBERS(obj, k, v)                                                                        \
    for (uint32_t k = (obj) + 1, v = k + 1; k < w->j->tok[obj].next; k = w->j->tok[v].next, v = k + 1)

/* Schemas nest; past this depth a subschema's strings are all scanned instead of walked (no deeper
 * recursion, never fewer strings scanned). */
#define SCHEMA_DEPTH 64

static void restore_path(chat_walker *w, size_t base)
{
    w->plen = base;
    if (w->path != NULL)
        w->path[base] = '\0';
}

static void schema(chat_walker *w, uint32_t s, unsigned depth);

/* properties, $defs ...: property name -> subschema (the names are kept) */
static void schema_map(chat_walker *w, uint32_t obj, unsigned depth)
{
    if (TYPE(obj) != SC_JT_OBJECT) {
        chat_scan_leaves(w, obj, DEV, SANCTUM_CHAT_KIND_TEXT, false);
        return;
    }
    FOR_MEMBERS(obj, k, v) {
        size_t base = w->plen;
        chat_path_key(w, k);
        schema(w, v, depth + 1);
        restore_path(w, base);
    }
}

/* anyOf, items ...: a subschema or an array of them */
static void schema_list(chat_walker *w, uint32_t arr, unsigned depth)
{
    if (TYPE(arr) != SC_JT_ARRAY) {
        schema(w, arr, depth + 1);
        return;
    }
    uint32_t idx = 0;
    for (uint32_t c = arr + 1; c < w->j->tok[arr].next; c = w->j->tok[c].next) {
        size_t base = w->plen;
        chat_path_index(w, idx++);
        schema(w, c, depth + 1);
        restore_path(w, base);
    }
}

static bool schema_text_key(chat_walker *w, uint32_t k)
{
    return IS(k, "description") || IS(k, "title") || IS(k, "$comment") || IS(k, "default") || IS(k, "const") ||
           IS(k, "enum") || IS(k, "examples") || IS(k, "example");
}

static void schema(chat_walker *w, uint32_t s, unsigned depth)
{
    if (TYPE(s) != SC_JT_OBJECT)
        return; /* true / false schemas */
    if (depth > SCHEMA_DEPTH) {
        chat_scan_leaves(w, s, DEV, SANCTUM_CHAT_KIND_TEXT, true);
        return;
    }
    FOR_MEMBERS(s, k, v) {
        size_t base = w->plen;
        chat_path_key(w, k);
        if (schema_text_key(w, k))
            chat_scan_leaves(w, v, DEV, SANCTUM_CHAT_KIND_TEXT, true);
        else if (IS(k, "properties") || IS(k, "$defs") || IS(k, "definitions") || IS(k, "patternProperties") ||
                 IS(k, "dependentSchemas"))
            schema_map(w, v, depth);
        else if (IS(k, "anyOf") || IS(k, "oneOf") || IS(k, "allOf") || IS(k, "prefixItems") || IS(k, "items") ||
                 IS(k, "any_of"))
            schema_list(w, v, depth);
        else if (TYPE(v) == SC_JT_OBJECT) /* additionalProperties, not, if/then/else, contains ... */
            schema(w, v, depth + 1);
        restore_path(w, base);
    }
}

static bool schema_key(chat_walker *w, uint32_t k)
{
    return IS(k, "parameters") || IS(k, "input_schema") || IS(k, "inputSchema") || IS(k, "schema") ||
           IS(k, "parametersJsonSchema") || IS(k, "parameters_json_schema") || IS(k, "response") ||
           IS(k, "responseJsonSchema") || IS(k, "response_json_schema") || IS(k, "output_schema");
}

/* Names, types and connection settings of a tool: kept (a name is how the model calls it; headers carry
 * credentials). */
static bool tool_keep_key(chat_walker *w, uint32_t k)
{
    return IS(k, "name") || IS(k, "type") || IS(k, "strict") || IS(k, "cache_control") || IS(k, "id") ||
           IS(k, "server_url") || IS(k, "server_label") || IS(k, "headers") || IS(k, "authorization") ||
           IS(k, "require_approval") || IS(k, "vector_store_ids") || IS(k, "behavior");
}

static void tool(chat_walker *w, uint32_t t, unsigned depth);

static void tool_list(chat_walker *w, uint32_t arr, unsigned depth)
{
    if (TYPE(arr) != SC_JT_ARRAY) {
        tool(w, arr, depth + 1);
        return;
    }
    uint32_t idx = 0;
    for (uint32_t c = arr + 1; c < w->j->tok[arr].next; c = w->j->tok[c].next) {
        size_t base = w->plen;
        chat_path_index(w, idx++);
        tool(w, c, depth + 1);
        restore_path(w, base);
    }
}

/* A tool, a function declaration, or a response format (json_schema / text.format): the same keys. */
static void tool(chat_walker *w, uint32_t t, unsigned depth)
{
    if (TYPE(t) != SC_JT_OBJECT) {
        if (TYPE(t) == SC_JT_ARRAY)
            chat_scan_leaves(w, t, DEV, SANCTUM_CHAT_KIND_UNKNOWN, false);
        return; /* a bare tool name or type string */
    }
    if (depth > SCHEMA_DEPTH) {
        chat_scan_leaves(w, t, DEV, SANCTUM_CHAT_KIND_TEXT, true);
        return;
    }
    FOR_MEMBERS(t, k, v) {
        size_t base = w->plen;
        chat_path_key(w, k);
        if (IS(k, "description"))
            chat_scan_leaves(w, v, DEV, SANCTUM_CHAT_KIND_TEXT, true);
        else if (schema_key(w, k))
            schema(w, v, 0);
        else if (IS(k, "function") || IS(k, "custom") || IS(k, "json_schema") || IS(k, "format"))
            tool(w, v, depth + 1);
        else if (IS(k, "functionDeclarations") || IS(k, "function_declarations") || IS(k, "tools"))
            tool_list(w, v, depth);
        else if (!tool_keep_key(w, k))
            chat_scan_leaves(w, v, DEV, SANCTUM_CHAT_KIND_UNKNOWN, false);
        restore_path(w, base);
    }
}

void chat_walk_tool_defs(chat_walker *w, uint32_t v)
{
    tool_list(w, v, 0);
}

void chat_walk_response_format(chat_walker *w, uint32_t v)
{
    tool(w, v, 0);
}

void chat_walk_generation_config(chat_walker *w, uint32_t v)
{
    if (TYPE(v) != SC_JT_OBJECT)
        return;
    FOR_MEMBERS(v, k, v2) {
        if (!IS(k, "responseSchema") && !IS(k, "response_schema") && !IS(k, "responseJsonSchema") &&
            !IS(k, "response_json_schema"))
            continue;
        size_t base = w->plen;
        chat_path_key(w, k);
        schema(w, v2, 0);
        restore_path(w, base);
    }
}
