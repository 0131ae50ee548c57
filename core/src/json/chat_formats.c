/*
 * The chat schemas (OpenAI Chat Completions, Anthropic Messages, OpenAI Responses, OpenRouter's
 * extras): format detection and the walk that classifies every string as scan, keep or opaque.
 *
 * One walker covers the union of the formats: their field names do not conflict in a way that
 * matters, and a request that mixes them (a proxy forwarding to several providers) is still walked.
 * Every member of every object is looked at: known keys are dispatched, kept or skipped; anything
 * unknown is scanned (fail closed). Keys and enum values are compared after decoding.
 */
#include <string.h>

#include "chat.h"

#define R_NONE SANCTUM_CHAT_ROLE_NONE
#define R_USER SANCTUM_CHAT_ROLE_USER
#define R_ASSISTANT SANCTUM_CHAT_ROLE_ASSISTANT
#define R_TOOL SANCTUM_CHAT_ROLE_TOOL
#define K_TEXT SANCTUM_CHAT_KIND_TEXT
#define K_UNKNOWN SANCTUM_CHAT_KIND_UNKNOWN

/* A decoded short string (enum values, types, roles); empty when absent, not a string, or long. */
typedef struct sstr {
    uint8_t b[64];
    size_t n;
} sstr;

static sstr short_of(const sc_json_doc *j, uint32_t t)
{
    sstr s;
    s.n = 0;
    if (t != 0 && j->tok[t].type == SC_JT_STRING) {
        size_t n = sc_json_str_small(j, t, s.b, sizeof s.b);
        s.n = n == SIZE_MAX ? 0 : n;
    }
    return s;
}

#define EQ(s, lit) ((s).n == sizeof(lit) - 1 && memcmp((s).b, lit, (s).n) == 0)
#define PREFIX(s, lit) ((s).n >= sizeof(lit) - 1 && memcmp((s).b, lit, sizeof(lit) - 1) == 0)
#define KEY(lit) SC_JSON_STR_IS(j, k, lit)
#define TYPE(t) (j->tok[(t)].type)
#define FOR_MEMBERS(obj, k, v)                                                                        \
    for (uint32_t k = (obj) + 1, v = k + 1; k < j->tok[obj].next; k = j->tok[v].next, v = k + 1)

static bool contains(const sstr *s, const char *lit)
{
    size_t n = strlen(lit);
    for (size_t i = 0; i + n <= s->n; i++)
        if (memcmp(s->b + i, lit, n) == 0)
            return true;
    return false;
}

static int32_t role_of(const sc_json_doc *j, uint32_t obj, int32_t dflt)
{
    uint32_t r = SC_JSON_GET(j, obj, "role");
    if (r == 0)
        return dflt;
    sstr s = short_of(j, r);
    if (EQ(s, "user"))
        return R_USER;
    if (EQ(s, "assistant") || EQ(s, "model")) /* "model": Gemini */
        return R_ASSISTANT;
    if (EQ(s, "tool"))
        return R_TOOL;
    if (EQ(s, "system"))
        return SANCTUM_CHAT_ROLE_SYSTEM;
    if (EQ(s, "developer"))
        return SANCTUM_CHAT_ROLE_DEVELOPER;
    if (EQ(s, "function"))
        return SANCTUM_CHAT_ROLE_FUNCTION;
    return SANCTUM_CHAT_ROLE_OTHER;
}

#define SCRUB_SYSTEM(w) (((w)->flags & SANCTUM_CHAT_SCRUB_SYSTEM) != 0)

/* Walk helpers: each pushes the member's key on the path, handles the value, pops. */
typedef struct member {
    chat_walker *w;
    size_t base;
} member;

static member enter(chat_walker *w, uint32_t k)
{
    member m = {w, w->plen};
    chat_path_key(w, k);
    return m;
}

static void leave(member m)
{
    m.w->plen = m.base;
    if (m.w->path != NULL)
        m.w->path[m.base] = '\0';
}

static void scan_member(chat_walker *w, uint32_t k, int32_t role, int32_t kind, bool strict)
{
    member m = enter(w, k);
    chat_scan_leaves(w, k + 1, role, kind, strict);
    leave(m);
}

static void add_member(chat_walker *w, uint32_t k, int32_t role, int32_t kind)
{
    member m = enter(w, k);
    if (w->j->tok[k + 1].type == SC_JT_STRING)
        chat_add(w, k + 1, role, kind);
    else
        chat_scan_leaves(w, k + 1, role, kind, false); /* unexpected shape: scan it anyway */
    leave(m);
}

static void json_member(chat_walker *w, uint32_t k, int32_t role, int32_t kind)
{
    member m = enter(w, k);
    if (w->j->tok[k + 1].type == SC_JT_STRING)
        chat_json_string(w, k + 1, role, kind);
    else
        chat_scan_leaves(w, k + 1, role, kind, true);
    leave(m);
}

static void url_member(chat_walker *w, uint32_t k, int32_t role)
{
    member m = enter(w, k);
    if (w->j->tok[k + 1].type == SC_JT_STRING)
        chat_url(w, k + 1, role);
    else
        chat_scan_leaves(w, k + 1, role, SANCTUM_CHAT_KIND_URL, false);
    leave(m);
}

/* Keys every object may carry that hold no text: tags, ids, flags, bookkeeping. */
static bool common_skip(const sc_json_doc *j, uint32_t k)
{
    return KEY("type") || KEY("id") || KEY("index") || KEY("cache_control") || KEY("status") ||
           KEY("logprobs") || KEY("call_id") || KEY("item_id") || KEY("tool_use_id") ||
           KEY("tool_call_id") || KEY("file_id") || KEY("detail") || KEY("is_error") || KEY("role") ||
           KEY("output_index") || KEY("content_index") || KEY("sequence_number") || KEY("phase");
}

/* Default for a member nobody claimed: skip bookkeeping, scan everything else. */
static void other_member(chat_walker *w, uint32_t k, int32_t role)
{
    const sc_json_doc *j = w->j;
    if (common_skip(j, k))
        return;
    scan_member(w, k, role, K_UNKNOWN, false);
}

static void walk_content(chat_walker *w, uint32_t t, int32_t role, int32_t kind);

/* image/document source objects */
static void walk_source(chat_walker *w, uint32_t src, int32_t role)
{
    const sc_json_doc *j = w->j;
    if (TYPE(src) == SC_JT_STRING) { /* search_result source: a URL or a name */
        chat_url(w, src, role);
        return;
    }
    if (TYPE(src) != SC_JT_OBJECT) {
        chat_scan_leaves(w, src, role, SANCTUM_CHAT_KIND_DOCUMENT, false);
        return;
    }
    sstr type = short_of(j, SC_JSON_GET(j, src, "type"));
    FOR_MEMBERS(src, k, v) {
        if (KEY("media_type") || KEY("file_id"))
            continue;
        if (KEY("data")) {
            if (EQ(type, "base64")) {
                chat_opaque(w, v);
                continue;
            }
            add_member(w, k, role, SANCTUM_CHAT_KIND_DOCUMENT);
        } else if (KEY("url")) {
            url_member(w, k, role);
        } else if (KEY("content")) {
            member m = enter(w, k);
            walk_content(w, v, role, SANCTUM_CHAT_KIND_DOCUMENT);
            leave(m);
        } else {
            other_member(w, k, role);
        }
    }
}

static void walk_function(chat_walker *w, uint32_t fn, int32_t role)
{
    const sc_json_doc *j = w->j;
    if (TYPE(fn) != SC_JT_OBJECT) {
        chat_scan_leaves(w, fn, role, SANCTUM_CHAT_KIND_TOOL_ARGUMENTS, false);
        return;
    }
    FOR_MEMBERS(fn, k, v) {
        (void)v;
        if (KEY("name"))
            continue; /* the tool's name, defined by the developer */
        if (KEY("arguments") || KEY("input"))
            json_member(w, k, role, SANCTUM_CHAT_KIND_TOOL_ARGUMENTS);
        else
            other_member(w, k, role);
    }
}

static void walk_tool_calls(chat_walker *w, uint32_t arr, int32_t role)
{
    const sc_json_doc *j = w->j;
    if (TYPE(arr) != SC_JT_ARRAY) {
        chat_scan_leaves(w, arr, role, SANCTUM_CHAT_KIND_TOOL_ARGUMENTS, false);
        return;
    }
    uint32_t idx = 0;
    for (uint32_t c = arr + 1; c < j->tok[arr].next; c = j->tok[c].next) {
        size_t base = w->plen;
        chat_path_index(w, idx++);
        if (TYPE(c) == SC_JT_OBJECT) {
            FOR_MEMBERS(c, k, v) {
                if (KEY("function") || KEY("custom")) {
                    member m = enter(w, k);
                    walk_function(w, v, role);
                    leave(m);
                } else {
                    other_member(w, k, role);
                }
            }
        } else {
            chat_scan_leaves(w, c, role, SANCTUM_CHAT_KIND_TOOL_ARGUMENTS, false);
        }
        leave((member){w, base});
    }
}

/* A string token holding at least one character (t = 0: no such member). */
static bool nonempty_string(const sc_json_doc *j, uint32_t t)
{
    return t != 0 && TYPE(t) == SC_JT_STRING && j->tok[t].len > 2u;
}

/* A content part / content block, any format, dispatched on its decoded "type". */
static void walk_part(chat_walker *w, uint32_t p, int32_t role, int32_t kind)
{
    const sc_json_doc *j = w->j;
    sstr t = short_of(j, SC_JSON_GET(j, p, "type"));
    if ((EQ(t, "thinking") || EQ(t, "redacted_thinking") || PREFIX(t, "reasoning.")) && role == R_ASSISTANT) {
        /* signed (Anthropic thinking, OpenRouter reasoning_details): keep what the signature covers;
         * any other member is walked (a gateway may read a "text" there). Unsigned thinking (nothing
         * would break if it changed; an OpenAI-compatible server renders it) is walked, its (empty)
         * signature kept so no replacement can make it look signed. Such a block in a user's message
         * (no model's) is walked as any block. */
        bool sig = nonempty_string(j, SC_JSON_GET(j, p, "signature")) || nonempty_string(j, SC_JSON_GET(j, p, "data"));
        FOR_MEMBERS(p, k, v) {
            (void)v;
            bool signed_text = PREFIX(t, "reasoning.") ? KEY("text") || KEY("summary") || KEY("format")
                                                       : KEY("thinking");
            if (!(sig && signed_text) && !KEY("signature") && !KEY("data"))
                other_member(w, k, role);
        }
        return;
    }
    bool tool_use = EQ(t, "tool_use") || EQ(t, "server_tool_use") || EQ(t, "mcp_tool_use");
    bool tool_result = EQ(t, "tool_result") || EQ(t, "mcp_tool_result") ||
                       (t.n > 12 && memcmp(t.b + t.n - 12, "_tool_result", 12) == 0);
    int32_t r = tool_result ? R_TOOL : role;
    int32_t kd = tool_result ? SANCTUM_CHAT_KIND_TOOL_RESULT : kind;
    FOR_MEMBERS(p, k, v) {
        if (KEY("text")) {
            add_member(w, k, r, kd);
        } else if (KEY("refusal")) {
            add_member(w, k, r, SANCTUM_CHAT_KIND_REFUSAL);
        } else if (KEY("annotations") || KEY("citations") || KEY("cited_text")) {
            scan_member(w, k, r, SANCTUM_CHAT_KIND_CITATION, false);
        } else if (KEY("image_url") || KEY("file_url")) {
            member m = enter(w, k);
            if (TYPE(v) == SC_JT_OBJECT) {
                FOR_MEMBERS(v, k2, v2) {
                    (void)v2;
                    if (SC_JSON_STR_IS(j, k2, "url"))
                        url_member(w, k2, r);
                    else
                        other_member(w, k2, r);
                }
            } else {
                chat_url(w, v, r);
                if (TYPE(v) != SC_JT_STRING)
                    chat_scan_leaves(w, v, r, SANCTUM_CHAT_KIND_URL, false);
            }
            leave(m);
        } else if (KEY("input_audio") || KEY("file_data")) {
            chat_opaque(w, v); /* base64 */
            continue;
        } else if (KEY("file")) {
            member m = enter(w, k);
            if (TYPE(v) == SC_JT_OBJECT) {
                FOR_MEMBERS(v, k2, v2) {
                    (void)v2;
                    if (SC_JSON_STR_IS(j, k2, "file_data"))
                        chat_opaque(w, v2);
                    if (SC_JSON_STR_IS(j, k2, "file_data") || SC_JSON_STR_IS(j, k2, "file_id"))
                        continue;
                    if (SC_JSON_STR_IS(j, k2, "filename"))
                        add_member(w, k2, r, SANCTUM_CHAT_KIND_FILENAME);
                    else
                        other_member(w, k2, r);
                }
            } else {
                chat_scan_leaves(w, v, r, K_UNKNOWN, false);
            }
            leave(m);
        } else if (KEY("filename")) {
            add_member(w, k, r, SANCTUM_CHAT_KIND_FILENAME);
        } else if (KEY("source")) {
            member m = enter(w, k);
            walk_source(w, v, r);
            leave(m);
        } else if (KEY("title") || KEY("context")) {
            add_member(w, k, r, SANCTUM_CHAT_KIND_DOCUMENT);
        } else if (KEY("content")) {
            member m = enter(w, k);
            if (tool_result && TYPE(v) == SC_JT_OBJECT)
                chat_scan_leaves(w, v, r, kd, false); /* server tool results: structured */
            else
                walk_content(w, v, r, EQ(t, "document") ? SANCTUM_CHAT_KIND_DOCUMENT : kd);
            leave(m);
        } else if (tool_use && KEY("input")) {
            json_member(w, k, r, SANCTUM_CHAT_KIND_TOOL_ARGUMENTS);
        } else if (tool_use && (KEY("name") || KEY("server_name"))) {
            continue;
        } else {
            other_member(w, k, r);
        }
    }
}

/* Content nested in content (tool_result blocks holding blocks, arrays in arrays) is walked by schema
 * this many levels deep; below that every string leaf is scanned by the iterative leaf scan, so a
 * crafted document cannot make the walk recurse as deep as the parser's depth limit. */
#define MAX_CONTENT_DEPTH 8u

static void walk_content_inner(chat_walker *w, uint32_t t, int32_t role, int32_t kind);

/* content: a string, null, an array of parts (or strings), or a single part. */
static void walk_content(chat_walker *w, uint32_t t, int32_t role, int32_t kind)
{
    if (w->content_depth >= MAX_CONTENT_DEPTH) {
        chat_scan_leaves(w, t, role, kind, false);
        return;
    }
    w->content_depth++;
    walk_content_inner(w, t, role, kind);
    w->content_depth--;
}

static void walk_content_inner(chat_walker *w, uint32_t t, int32_t role, int32_t kind)
{
    const sc_json_doc *j = w->j;
    switch (TYPE(t)) {
    case SC_JT_STRING:
        if (kind == SANCTUM_CHAT_KIND_TOOL_RESULT)
            chat_json_string(w, t, role, kind);
        else
            chat_add(w, t, role, kind);
        return;
    case SC_JT_OBJECT:
        walk_part(w, t, role, kind);
        return;
    case SC_JT_ARRAY: {
        uint32_t idx = 0;
        for (uint32_t c = t + 1; c < j->tok[t].next; c = j->tok[c].next) {
            size_t base = w->plen;
            chat_path_index(w, idx++);
            if (TYPE(c) == SC_JT_OBJECT)
                walk_part(w, c, role, kind);
            else
                walk_content(w, c, role, kind); /* strings (and nulls): one level only */
            leave((member){w, base});
        }
        return;
    }
    default:
        return;
    }
}

/* A message: Chat Completions / Anthropic messages[] entries, choice message/delta, Responses
 * message items. System and developer messages are kept whole. */
static void walk_message(chat_walker *w, uint32_t msg, int32_t dflt_role)
{
    const sc_json_doc *j = w->j;
    if (TYPE(msg) != SC_JT_OBJECT) {
        chat_scan_leaves(w, msg, SANCTUM_CHAT_ROLE_OTHER, K_UNKNOWN, false);
        return;
    }
    int32_t role = role_of(j, msg, dflt_role);
    if ((role == SANCTUM_CHAT_ROLE_SYSTEM || role == SANCTUM_CHAT_ROLE_DEVELOPER) && !SCRUB_SYSTEM(w))
        return;
    int32_t kind = (role == R_TOOL || role == SANCTUM_CHAT_ROLE_FUNCTION) ? SANCTUM_CHAT_KIND_TOOL_RESULT : K_TEXT;
    FOR_MEMBERS(msg, k, v) {
        if (KEY("content")) {
            member m = enter(w, k);
            walk_content(w, v, role, kind);
            leave(m);
        } else if (KEY("name")) {
            add_member(w, k, role, SANCTUM_CHAT_KIND_NAME);
        } else if (KEY("refusal")) {
            add_member(w, k, role, SANCTUM_CHAT_KIND_REFUSAL);
        } else if (KEY("tool_calls")) {
            member m = enter(w, k);
            walk_tool_calls(w, v, role);
            leave(m);
        } else if (KEY("function_call")) {
            member m = enter(w, k);
            walk_function(w, v, role);
            leave(m);
        } else if (KEY("audio")) {
            if (TYPE(v) == SC_JT_OBJECT) {
                member m = enter(w, k);
                FOR_MEMBERS(v, k2, v2) {
                    (void)v2;
                    if (SC_JSON_STR_IS(j, k2, "transcript"))
                        add_member(w, k2, role, K_TEXT);
                }
                leave(m);
            }
        } else if (KEY("reasoning_details") && role == R_ASSISTANT) {
            continue; /* OpenRouter's reasoning passed back (may be signed): keep, like signed thinking */
        } else if (KEY("reasoning") || KEY("reasoning_content")) {
            /* unsigned text that OpenAI-compatible servers render into the prompt (Qwen3's and
             * DeepSeek-R1's chat templates in vLLM, Ollama): scanned */
            scan_member(w, k, role, K_TEXT, false);
        } else if (KEY("annotations")) {
            scan_member(w, k, role, SANCTUM_CHAT_KIND_CITATION, false);
        } else {
            other_member(w, k, role);
        }
    }
}

static void walk_array(chat_walker *w, uint32_t arr, int32_t role,
                       void (*fn)(chat_walker *, uint32_t, int32_t))
{
    const sc_json_doc *j = w->j;
    if (TYPE(arr) != SC_JT_ARRAY) {
        chat_scan_leaves(w, arr, role, K_UNKNOWN, false);
        return;
    }
    uint32_t idx = 0;
    for (uint32_t c = arr + 1; c < j->tok[arr].next; c = j->tok[c].next) {
        size_t base = w->plen;
        chat_path_index(w, idx++);
        fn(w, c, role);
        leave((member){w, base});
    }
}

/* A Responses API item (input[] / output[] / event item). */
static void walk_item(chat_walker *w, uint32_t it, int32_t dflt_role)
{
    const sc_json_doc *j = w->j;
    if (TYPE(it) == SC_JT_STRING) {
        chat_add(w, it, dflt_role, K_TEXT);
        return;
    }
    if (TYPE(it) != SC_JT_OBJECT) {
        chat_scan_leaves(w, it, dflt_role, K_UNKNOWN, false);
        return;
    }
    uint32_t tt = SC_JSON_GET(j, it, "type");
    sstr t = short_of(j, tt);
    if (tt == 0 || EQ(t, "message")) {
        walk_message(w, it, dflt_role);
        return;
    }
    if (EQ(t, "reasoning") || EQ(t, "compaction") || EQ(t, "item_reference")) {
        /* summaries ride with encrypted reasoning, references are ids: kept. Any other member is
         * walked: a reasoning item's content (reasoning_text) is raw text an open-weight server
         * renders into the prompt (vLLM's Responses API for gpt-oss, as the analysis channel) */
        FOR_MEMBERS(it, k, v) {
            (void)v;
            if (!KEY("summary") && !KEY("encrypted_content"))
                other_member(w, k, R_ASSISTANT);
        }
        return;
    }
    bool call = EQ(t, "function_call") || EQ(t, "custom_tool_call") || EQ(t, "mcp_call");
    bool output = (t.n > 7 && memcmp(t.b + t.n - 7, "_output", 7) == 0);
    FOR_MEMBERS(it, k, v) {
        if (call && (KEY("arguments") || KEY("input"))) {
            json_member(w, k, R_ASSISTANT, SANCTUM_CHAT_KIND_TOOL_ARGUMENTS);
        } else if (KEY("output")) {
            member m = enter(w, k);
            if (TYPE(v) == SC_JT_STRING)
                chat_json_string(w, v, R_TOOL, SANCTUM_CHAT_KIND_TOOL_RESULT);
            else
                walk_content(w, v, R_TOOL, SANCTUM_CHAT_KIND_TOOL_RESULT);
            leave(m);
        } else if ((call || output) && (KEY("name") || KEY("server_label"))) {
            continue;
        } else if (KEY("error")) {
            scan_member(w, k, R_NONE, SANCTUM_CHAT_KIND_ERROR, false);
        } else {
            other_member(w, k, call ? R_ASSISTANT : output ? R_TOOL : dflt_role);
        }
    }
}

static void walk_item_cb(chat_walker *w, uint32_t it, int32_t role) { walk_item(w, it, role); }
static void walk_message_cb(chat_walker *w, uint32_t m, int32_t role) { walk_message(w, m, role); }

static void walk_choice(chat_walker *w, uint32_t c, int32_t role)
{
    const sc_json_doc *j = w->j;
    if (TYPE(c) != SC_JT_OBJECT) {
        chat_scan_leaves(w, c, role, K_UNKNOWN, false);
        return;
    }
    FOR_MEMBERS(c, k, v) {
        if (KEY("message") || KEY("delta")) {
            member m = enter(w, k);
            walk_message(w, v, R_ASSISTANT);
            leave(m);
        } else if (KEY("text")) {
            add_member(w, k, R_ASSISTANT, K_TEXT);
        } else if (KEY("finish_reason") || KEY("native_finish_reason") || KEY("stop_reason")) {
            continue;
        } else if (KEY("error")) {
            scan_member(w, k, R_NONE, SANCTUM_CHAT_KIND_ERROR, false);
        } else {
            other_member(w, k, R_ASSISTANT);
        }
    }
}

/* Anthropic stream delta objects. */
static void walk_delta(chat_walker *w, uint32_t d)
{
    const sc_json_doc *j = w->j;
    sstr t = short_of(j, SC_JSON_GET(j, d, "type"));
    if (EQ(t, "thinking_delta") || EQ(t, "signature_delta"))
        return;
    FOR_MEMBERS(d, k, v) {
        (void)v;
        if (KEY("text")) {
            add_member(w, k, R_ASSISTANT, K_TEXT);
        } else if (KEY("partial_json")) {
            json_member(w, k, R_ASSISTANT, SANCTUM_CHAT_KIND_TOOL_ARGUMENTS);
        } else if (KEY("citation")) {
            scan_member(w, k, R_ASSISTANT, SANCTUM_CHAT_KIND_CITATION, false);
        } else if (KEY("stop_reason")) {
            continue;
        } else {
            other_member(w, k, R_ASSISTANT);
        }
    }
}

/* ---- Gemini (generateContent / streamGenerateContent): Content {role, parts[]}, Part {text |
 * inlineData | fileData | functionCall | functionResponse | executableCode | codeExecutionResult},
 * candidates[] in responses. The REST API accepts lowerCamelCase and snake_case field names. ---- */

#define GKEY(camel, snake) (KEY(camel) || KEY(snake))

static void walk_gemini_part(chat_walker *w, uint32_t p, int32_t role)
{
    const sc_json_doc *j = w->j;
    if (TYPE(p) != SC_JT_OBJECT) {
        chat_scan_leaves(w, p, role, K_UNKNOWN, false);
        return;
    }
    /* A model's thought summary travels with its thought signature: its text is kept like signed
     * thinking. Only that text: the flag does not stop Gemini reading a functionResponse, fileData ...
     * of the same part, nor the text of a user's part (the flag is the client's to set). */
    uint32_t th = SC_JSON_GET(j, p, "thought");
    bool thought = th != 0 && TYPE(th) == SC_JT_TRUE && role == R_ASSISTANT;
    FOR_MEMBERS(p, k, v) {
        if (KEY("text")) {
            if (!thought)
                add_member(w, k, role, K_TEXT);
        } else if (GKEY("inlineData", "inline_data")) {
            chat_opaque(w, v); /* base64 */
            continue;
        } else if (GKEY("thoughtSignature", "thought_signature") ||
                   KEY("thought") || GKEY("videoMetadata", "video_metadata") ||
                   GKEY("mediaResolution", "media_resolution")) {
            continue; /* base64, opaque signatures, flags */
        } else if (GKEY("fileData", "file_data")) {
            member m = enter(w, k);
            if (TYPE(v) == SC_JT_OBJECT) {
                FOR_MEMBERS(v, k2, v2) {
                    (void)v2;
                    if (SC_JSON_STR_IS(j, k2, "fileUri") || SC_JSON_STR_IS(j, k2, "file_uri"))
                        url_member(w, k2, role);
                    else if (!SC_JSON_STR_IS(j, k2, "mimeType") && !SC_JSON_STR_IS(j, k2, "mime_type"))
                        other_member(w, k2, role);
                }
            } else {
                chat_scan_leaves(w, v, role, SANCTUM_CHAT_KIND_URL, false);
            }
            leave(m);
        } else if (GKEY("functionCall", "function_call") || GKEY("functionResponse", "function_response")) {
            bool call = GKEY("functionCall", "function_call");
            int32_t r = call ? role : R_TOOL;
            int32_t kd = call ? SANCTUM_CHAT_KIND_TOOL_ARGUMENTS : SANCTUM_CHAT_KIND_TOOL_RESULT;
            member m = enter(w, k);
            if (TYPE(v) == SC_JT_OBJECT) {
                FOR_MEMBERS(v, k2, v2) {
                    (void)v2;
                    if (SC_JSON_STR_IS(j, k2, "name") || SC_JSON_STR_IS(j, k2, "id") ||
                        SC_JSON_STR_IS(j, k2, "willContinue") || SC_JSON_STR_IS(j, k2, "scheduling"))
                        continue; /* the function's name (developer-defined), call ids, flags */
                    if (SC_JSON_STR_IS(j, k2, "args") || SC_JSON_STR_IS(j, k2, "response"))
                        scan_member(w, k2, r, kd, true);
                    else if (SC_JSON_STR_IS(j, k2, "parts"))
                        scan_member(w, k2, r, kd, false);
                    else
                        other_member(w, k2, r);
                }
            } else {
                chat_scan_leaves(w, v, r, kd, true);
            }
            leave(m);
        } else if (GKEY("executableCode", "executable_code")) {
            scan_member(w, k, role, K_TEXT, false);
        } else if (GKEY("codeExecutionResult", "code_execution_result")) {
            scan_member(w, k, R_TOOL, SANCTUM_CHAT_KIND_TOOL_RESULT, false);
        } else {
            other_member(w, k, role);
        }
    }
}

static void walk_gemini_part_cb(chat_walker *w, uint32_t p, int32_t role) { walk_gemini_part(w, p, role); }

/* A Content object; role from its "role" member ("user", "model", "function"), else dflt. */
static void walk_gemini_content(chat_walker *w, uint32_t c, int32_t dflt)
{
    const sc_json_doc *j = w->j;
    if (TYPE(c) != SC_JT_OBJECT) {
        chat_scan_leaves(w, c, dflt, K_UNKNOWN, false);
        return;
    }
    int32_t role = role_of(j, c, dflt);
    if (role == SANCTUM_CHAT_ROLE_FUNCTION)
        role = R_TOOL;
    FOR_MEMBERS(c, k, v) {
        if (KEY("parts")) {
            member m = enter(w, k);
            if (TYPE(v) == SC_JT_ARRAY)
                walk_array(w, v, role, walk_gemini_part_cb);
            else
                walk_gemini_part(w, v, role);
            leave(m);
        } else {
            other_member(w, k, role);
        }
    }
}

static void walk_gemini_content_cb(chat_walker *w, uint32_t c, int32_t role) { walk_gemini_content(w, c, role); }

static void walk_gemini_candidate(chat_walker *w, uint32_t c, int32_t role)
{
    const sc_json_doc *j = w->j;
    if (TYPE(c) != SC_JT_OBJECT) {
        chat_scan_leaves(w, c, role, K_UNKNOWN, false);
        return;
    }
    FOR_MEMBERS(c, k, v) {
        if (KEY("content")) {
            member m = enter(w, k);
            walk_gemini_content(w, v, R_ASSISTANT);
            leave(m);
        } else if (GKEY("finishReason", "finish_reason") || GKEY("safetyRatings", "safety_ratings") ||
                   GKEY("tokenCount", "token_count") || GKEY("avgLogprobs", "avg_logprobs") ||
                   GKEY("logprobsResult", "logprobs_result")) {
            continue;
        } else if (GKEY("citationMetadata", "citation_metadata") ||
                   GKEY("groundingMetadata", "grounding_metadata") ||
                   GKEY("urlContextMetadata", "url_context_metadata")) {
            scan_member(w, k, R_ASSISTANT, SANCTUM_CHAT_KIND_CITATION, false);
        } else if (GKEY("finishMessage", "finish_message")) {
            add_member(w, k, R_NONE, SANCTUM_CHAT_KIND_ERROR);
        } else {
            other_member(w, k, R_ASSISTANT);
        }
    }
}

/* Gemini configuration and bookkeeping at the top level: never scanned. */
static bool gemini_keep(const sc_json_doc *j, uint32_t k)
{
    return GKEY("generationConfig", "generation_config") || GKEY("safetySettings", "safety_settings") ||
           GKEY("toolConfig", "tool_config") || GKEY("cachedContent", "cached_content") ||
           GKEY("usageMetadata", "usage_metadata") || GKEY("modelVersion", "model_version") ||
           GKEY("responseId", "response_id") || GKEY("createTime", "create_time") ||
           GKEY("promptFeedback", "prompt_feedback");
}

/* Top-level keys that carry configuration, bookkeeping or kept text (system prompts, instructions,
 * tool definitions): never scanned. */
static bool top_keep(const sc_json_doc *j, uint32_t k)
{
    return KEY("model") || KEY("system") || KEY("instructions") || KEY("tools") || KEY("tool_choice") ||
           KEY("response_format") || KEY("text") || KEY("reasoning") || KEY("include") || KEY("stream") ||
           KEY("stream_options") || KEY("temperature") || KEY("top_p") || KEY("top_k") ||
           KEY("max_tokens") || KEY("max_completion_tokens") || KEY("max_output_tokens") || KEY("n") ||
           KEY("seed") || KEY("logit_bias") || KEY("logprobs") || KEY("top_logprobs") ||
           KEY("frequency_penalty") || KEY("presence_penalty") || KEY("modalities") ||
           KEY("parallel_tool_calls") || KEY("store") || KEY("previous_response_id") ||
           KEY("service_tier") || KEY("truncation") || KEY("background") || KEY("thinking") ||
           KEY("prompt_cache_key") || KEY("provider") ||
           KEY("transforms") || KEY("models") || KEY("usage") || KEY("object") || KEY("created") ||
           KEY("created_at") || KEY("completed_at") || KEY("id") || KEY("status") ||
           KEY("system_fingerprint") || KEY("type") || KEY("index") || KEY("sequence_number") ||
           KEY("output_index") || KEY("content_index") || KEY("item_id") || KEY("summary_index") ||
           KEY("stop_reason") || KEY("role") || KEY("obfuscation") ||
           KEY("incomplete_details") || KEY("container") || KEY("max_tool_calls") || KEY("verbosity") ||
           KEY("route") || KEY("plugins") || KEY("conversation") || KEY("audio") || KEY("code") ||
           KEY("context_management") || KEY("mcp_servers") || KEY("service_tier") ||
           KEY("reasoning_effort") || KEY("annotation_index") || KEY("prompt_cache_retention") ||
           KEY("functions") || KEY("function_call");
}

static void walk_object_top(chat_walker *w, uint32_t root, bool nested);

static void walk_top_member(chat_walker *w, uint32_t root, uint32_t k, const sstr *etype, bool nested)
{
    const sc_json_doc *j = w->j;
    uint32_t v = k + 1;
    bool reasoning = contains(etype, "reasoning");
    if (KEY("messages")) {
        member m = enter(w, k);
        walk_array(w, v, SANCTUM_CHAT_ROLE_OTHER, walk_message_cb);
        leave(m);
    } else if (KEY("contents")) { /* Gemini */
        member m = enter(w, k);
        if (TYPE(v) == SC_JT_ARRAY)
            walk_array(w, v, R_USER, walk_gemini_content_cb);
        else
            walk_gemini_content(w, v, R_USER);
        leave(m);
    } else if (KEY("candidates")) {
        member m = enter(w, k);
        walk_array(w, v, R_ASSISTANT, walk_gemini_candidate);
        leave(m);
    } else if (GKEY("systemInstruction", "system_instruction")) {
        if (!SCRUB_SYSTEM(w))
            return;
        member m = enter(w, k);
        if (TYPE(v) == SC_JT_STRING)
            chat_add(w, v, SANCTUM_CHAT_ROLE_SYSTEM, K_TEXT);
        else
            walk_gemini_content(w, v, SANCTUM_CHAT_ROLE_SYSTEM);
        leave(m);
    } else if (KEY("system") && SCRUB_SYSTEM(w)) { /* Anthropic: a string or text blocks */
        member m = enter(w, k);
        walk_content(w, v, SANCTUM_CHAT_ROLE_SYSTEM, K_TEXT);
        leave(m);
    } else if (KEY("instructions") && SCRUB_SYSTEM(w)) { /* Responses: a string, or items when echoed */
        member m = enter(w, k);
        if (TYPE(v) == SC_JT_ARRAY)
            walk_array(w, v, SANCTUM_CHAT_ROLE_DEVELOPER, walk_item_cb);
        else
            walk_item(w, v, SANCTUM_CHAT_ROLE_DEVELOPER);
        leave(m);
    } else if ((KEY("tools") || KEY("functions")) && SCRUB_SYSTEM(w)) { /* developer-written: chat_tools.c */
        member m = enter(w, k);
        chat_walk_tool_defs(w, v);
        leave(m);
    } else if ((KEY("response_format") || (KEY("text") && TYPE(v) == SC_JT_OBJECT)) && SCRUB_SYSTEM(w)) {
        member m = enter(w, k);
        chat_walk_response_format(w, v);
        leave(m);
    } else if (GKEY("generationConfig", "generation_config")) {
        /* stop sequences are the user's words as "stop" is (a transcript's "Jane Doe:"): scanned;
         * response schemas are the developer's (chat_tools.c) */
        member m = enter(w, k);
        if (TYPE(v) == SC_JT_OBJECT) {
            FOR_MEMBERS(v, k2, v2) {
                (void)v2;
                if (SC_JSON_STR_IS(j, k2, "stopSequences") || SC_JSON_STR_IS(j, k2, "stop_sequences"))
                    scan_member(w, k2, R_USER, K_UNKNOWN, false);
            }
        }
        if (SCRUB_SYSTEM(w))
            chat_walk_generation_config(w, v);
        leave(m);
    } else if (gemini_keep(j, k)) {
        return;
    } else if (KEY("input")) {
        member m = enter(w, k);
        if (TYPE(v) == SC_JT_ARRAY)
            walk_array(w, v, R_USER, walk_item_cb);
        else
            walk_item(w, v, R_USER);
        leave(m);
    } else if (KEY("output")) {
        member m = enter(w, k);
        walk_array(w, v, R_ASSISTANT, walk_item_cb);
        leave(m);
    } else if (KEY("choices")) {
        member m = enter(w, k);
        walk_array(w, v, R_ASSISTANT, walk_choice);
        leave(m);
    } else if (KEY("content")) { /* an Anthropic message (response, message_start) */
        member m = enter(w, k);
        walk_content(w, v, role_of(j, root, R_ASSISTANT), K_TEXT);
        leave(m);
    } else if ((KEY("message") || KEY("response")) && TYPE(v) == SC_JT_OBJECT && !nested) {
        member m = enter(w, k);
        walk_object_top(w, v, true);
        leave(m);
    } else if (KEY("message") && TYPE(v) == SC_JT_STRING) { /* Responses error event */
        add_member(w, k, R_NONE, SANCTUM_CHAT_KIND_ERROR);
    } else if (KEY("item")) {
        if (reasoning)
            return;
        member m = enter(w, k);
        walk_item(w, v, R_ASSISTANT);
        leave(m);
    } else if (KEY("part") || KEY("content_block")) {
        if (reasoning)
            return;
        member m = enter(w, k);
        if (TYPE(v) == SC_JT_OBJECT)
            walk_part(w, v, R_ASSISTANT, K_TEXT);
        else
            chat_scan_leaves(w, v, R_ASSISTANT, K_UNKNOWN, false);
        leave(m);
    } else if (KEY("delta") || (KEY("text") && TYPE(v) == SC_JT_STRING && etype->n != 0)) {
        if (reasoning)
            return; /* reasoning summary / reasoning text deltas: kept like reasoning items */
        if (TYPE(v) == SC_JT_OBJECT) {
            member m = enter(w, k);
            walk_delta(w, v);
            leave(m);
        } else if (contains(etype, "arguments")) {
            json_member(w, k, R_ASSISTANT, SANCTUM_CHAT_KIND_TOOL_ARGUMENTS);
        } else {
            add_member(w, k, R_ASSISTANT, contains(etype, "refusal") ? SANCTUM_CHAT_KIND_REFUSAL : K_TEXT);
        }
    } else if (KEY("arguments")) {
        json_member(w, k, R_ASSISTANT, SANCTUM_CHAT_KIND_TOOL_ARGUMENTS);
    } else if (KEY("refusal")) {
        add_member(w, k, R_ASSISTANT, SANCTUM_CHAT_KIND_REFUSAL);
    } else if (KEY("output_text")) {
        add_member(w, k, R_ASSISTANT, K_TEXT);
    } else if (KEY("annotation")) {
        scan_member(w, k, R_ASSISTANT, SANCTUM_CHAT_KIND_CITATION, false);
    } else if (KEY("metadata")) {
        scan_member(w, k, R_NONE, SANCTUM_CHAT_KIND_IDENTIFIER, true);
    } else if (KEY("user") || KEY("safety_identifier")) {
        add_member(w, k, R_NONE, SANCTUM_CHAT_KIND_IDENTIFIER);
    } else if (KEY("prediction")) {
        scan_member(w, k, R_USER, K_TEXT, false);
    } else if (KEY("prompt")) {
        member m = enter(w, k);
        if (TYPE(v) == SC_JT_OBJECT) {
            FOR_MEMBERS(v, k2, v2) {
                (void)v2;
                if (SC_JSON_STR_IS(j, k2, "variables"))
                    scan_member(w, k2, R_USER, K_TEXT, false);
                else if (!SC_JSON_STR_IS(j, k2, "id") && !SC_JSON_STR_IS(j, k2, "version"))
                    other_member(w, k2, R_USER);
            }
        } else {
            chat_scan_leaves(w, v, R_USER, K_TEXT, false);
        }
        leave(m);
    } else if (KEY("error") || KEY("param")) {
        scan_member(w, k, R_NONE, SANCTUM_CHAT_KIND_ERROR, false);
    } else if ((KEY("text") && TYPE(v) != SC_JT_OBJECT) || KEY("stop") || KEY("stop_sequences") ||
               KEY("stop_sequence")) {
        /* text is kept only as the Responses API's output settings (an object); stop sequences are
         * the user's words, and the model sees placeholders, so they are scanned like the prompt */
        scan_member(w, k, R_USER, K_UNKNOWN, false);
    } else if (top_keep(j, k)) {
        return;
    } else {
        scan_member(w, k, R_NONE, K_UNKNOWN, false); /* unknown top-level field: fail closed */
    }
}

static void walk_object_top(chat_walker *w, uint32_t root, bool nested)
{
    const sc_json_doc *j = w->j;
    sstr etype = short_of(j, SC_JSON_GET(j, root, "type"));
    if (!PREFIX(etype, "response.") && !contains(&etype, "delta") && !contains(&etype, "done"))
        etype.n = 0; /* only stream event types steer the top-level text/delta fields */
    FOR_MEMBERS(root, k, v) {
        (void)v;
        if (w->st != SANCTUM_OK)
            return;
        walk_top_member(w, root, k, &etype, nested);
    }
}

void chat_walk_document(chat_walker *w)
{
    const sc_json_doc *j = w->j;
    chat_path_raw(w, "$", 1);
    if (j->ntok == 0)
        return;
    if (TYPE(0) != SC_JT_OBJECT) {
        chat_scan_leaves(w, 0, R_NONE, K_UNKNOWN, true);
        return;
    }
    walk_object_top(w, 0, false);
}

/* ---- detection ---- */

static bool anthropic_blocks(const sc_json_doc *j, uint32_t msgs)
{
    if (TYPE(msgs) != SC_JT_ARRAY)
        return false;
    for (uint32_t m = msgs + 1; m < j->tok[msgs].next; m = j->tok[m].next) {
        uint32_t c = SC_JSON_GET(j, m, "content");
        if (c == 0 || TYPE(c) != SC_JT_ARRAY)
            continue;
        for (uint32_t b = c + 1; b < j->tok[c].next; b = j->tok[b].next) {
            sstr t = short_of(j, SC_JSON_GET(j, b, "type"));
            if (EQ(t, "tool_use") || EQ(t, "tool_result") || EQ(t, "image") || EQ(t, "document") ||
                EQ(t, "thinking") || EQ(t, "redacted_thinking") || EQ(t, "search_result"))
                return true;
        }
    }
    return false;
}

void chat_detect(const sc_json_doc *j, int32_t *format, int32_t *shape)
{
    *format = SANCTUM_CHAT_AUTO;
    *shape = SANCTUM_CHAT_SHAPE_UNKNOWN;
    if (j->ntok == 0 || TYPE(0) != SC_JT_OBJECT)
        return;
    sstr object = short_of(j, SC_JSON_GET(j, 0, "object"));
    sstr type = short_of(j, SC_JSON_GET(j, 0, "type"));
    if (EQ(object, "chat.completion")) {
        *format = SANCTUM_CHAT_OPENAI_CHAT;
        *shape = SANCTUM_CHAT_SHAPE_RESPONSE;
    } else if (EQ(object, "chat.completion.chunk")) {
        *format = SANCTUM_CHAT_OPENAI_CHAT;
        *shape = SANCTUM_CHAT_SHAPE_STREAM_EVENT;
    } else if (EQ(object, "response")) {
        *format = SANCTUM_CHAT_OPENAI_RESPONSES;
        *shape = SANCTUM_CHAT_SHAPE_RESPONSE;
    } else if (PREFIX(type, "response.")) {
        *format = SANCTUM_CHAT_OPENAI_RESPONSES;
        *shape = SANCTUM_CHAT_SHAPE_STREAM_EVENT;
    } else if (EQ(type, "message_start") || EQ(type, "message_delta") || EQ(type, "message_stop") ||
               EQ(type, "content_block_start") || EQ(type, "content_block_delta") ||
               EQ(type, "content_block_stop") || EQ(type, "ping")) {
        *format = SANCTUM_CHAT_ANTHROPIC_MESSAGES;
        *shape = SANCTUM_CHAT_SHAPE_STREAM_EVENT;
    } else if (EQ(type, "message") && SC_JSON_GET(j, 0, "content") != 0) {
        *format = SANCTUM_CHAT_ANTHROPIC_MESSAGES;
        *shape = SANCTUM_CHAT_SHAPE_RESPONSE;
    } else if (EQ(type, "error")) {
        if (SC_JSON_GET(j, 0, "error") != 0) {
            *format = SANCTUM_CHAT_ANTHROPIC_MESSAGES;
            *shape = SANCTUM_CHAT_SHAPE_ERROR;
        } else {
            *format = SANCTUM_CHAT_OPENAI_RESPONSES;
            *shape = SANCTUM_CHAT_SHAPE_STREAM_EVENT;
        }
    } else if (SC_JSON_GET(j, 0, "candidates") != 0 ||
               ((SC_JSON_GET(j, 0, "promptFeedback") != 0 || SC_JSON_GET(j, 0, "prompt_feedback") != 0 ||
                 SC_JSON_GET(j, 0, "usageMetadata") != 0) && SC_JSON_GET(j, 0, "choices") == 0)) {
        /* Gemini response or streamed chunk (each SSE event is a whole GenerateContentResponse) */
        *format = SANCTUM_CHAT_GEMINI;
        *shape = SANCTUM_CHAT_SHAPE_RESPONSE;
    } else if (SC_JSON_GET(j, 0, "contents") != 0 && SC_JSON_GET(j, 0, "messages") == 0 &&
               SC_JSON_GET(j, 0, "input") == 0) {
        *format = SANCTUM_CHAT_GEMINI;
        *shape = SANCTUM_CHAT_SHAPE_REQUEST;
    } else if (SC_JSON_GET(j, 0, "choices") != 0) {
        *format = SANCTUM_CHAT_OPENAI_CHAT;
        *shape = SANCTUM_CHAT_SHAPE_RESPONSE;
    } else if (SC_JSON_GET(j, 0, "messages") != 0) {
        *shape = SANCTUM_CHAT_SHAPE_REQUEST;
        bool anthropic = SC_JSON_GET(j, 0, "system") != 0 || SC_JSON_GET(j, 0, "stop_sequences") != 0 ||
                         SC_JSON_GET(j, 0, "top_k") != 0 || SC_JSON_GET(j, 0, "thinking") != 0 ||
                         anthropic_blocks(j, SC_JSON_GET(j, 0, "messages"));
        *format = anthropic ? SANCTUM_CHAT_ANTHROPIC_MESSAGES : SANCTUM_CHAT_OPENAI_CHAT;
    } else if (SC_JSON_GET(j, 0, "input") != 0 || SC_JSON_GET(j, 0, "instructions") != 0 ||
               SC_JSON_GET(j, 0, "previous_response_id") != 0) {
        *format = SANCTUM_CHAT_OPENAI_RESPONSES;
        *shape = SANCTUM_CHAT_SHAPE_REQUEST;
    } else if (SC_JSON_GET(j, 0, "error") != 0) {
        *shape = SANCTUM_CHAT_SHAPE_ERROR;
    }
}
