/* Internal: the chat document, its scan strings, and the walker that collects them. */
#ifndef SANCTUM_CHAT_H
#define SANCTUM_CHAT_H

#include "json.h"

typedef struct chat_entry {
    uint32_t sub;       /* 0: a string of the outer document; k: a string of subs[k - 1] */
    uint32_t tok;       /* its token in that document */
    int32_t role, kind;
    const uint8_t *text_ptr;    /* the value itself when it has no escapes (borrowed from the source) */
    size_t text_off, text_len;  /* else the decoded value, in doc->text */
    size_t path_off, path_len;  /* NUL-terminated path, in doc->paths */
    uint8_t *repl;      /* replacement (secret), when has_repl */
    size_t repl_len;
    bool has_repl;
    bool number;        /* a JSON number token (SANCTUM_CHAT_NUMBERS) */
    bool json_text;     /* tool arguments held as JSON text that did not parse, scanned whole */
    int32_t key_type;   /* entity type its object key names, or -1 */
} chat_entry;

/* JSON text held in a string of the outer document (tool arguments, partial_json, tool output). */
typedef struct chat_sub {
    uint32_t outer_tok;
    uint8_t *src;       /* decoded outer string (secret); the inner doc borrows it */
    size_t len;
    sc_json_doc doc;
} chat_sub;

struct sanctum_chat_doc {
    sanctum_ctx *ctx;
    sc_json_doc json;
    int32_t format, shape;
    chat_entry *e;
    size_t ne, cape;
    chat_sub *subs;
    size_t nsubs, capsubs;
    uint8_t *text;      /* arena of decoded scan strings (secret) */
    size_t text_len, text_cap;
    char *paths;        /* arena of paths (secret: keys may hold personal data) */
    size_t paths_len, paths_cap;
};

typedef struct leaf_frame {
    uint32_t container, cur, index;
    int32_t key_type;   /* of the key holding this array (its elements inherit it), else -1 */
    size_t plen;
} leaf_frame;

typedef struct chat_walker {
    sanctum_chat_doc *doc;
    sanctum_error *err;
    const sc_json_doc *j;   /* the document being walked (outer or a sub) */
    uint32_t sub;           /* 0 or 1 + index of the sub being walked */
    char *path;             /* current path (secret) */
    size_t plen, pcap;
    leaf_frame *stk;
    size_t stk_cap;
    sanctum_status st;      /* first error; once set, the walk stops adding */
    uint32_t depth_left;    /* depth budget for parsing nested JSON */
    uint32_t content_depth; /* nesting of content inside content (tool results): bounded, see below */
    uint32_t flags;         /* sanctum_chat_flags */
} chat_walker;

/* chat_walk.c: path building, entries, generic leaf scans, JSON held in strings. */
void chat_path_key(chat_walker *w, uint32_t key);
void chat_path_index(chat_walker *w, uint32_t index);
void chat_path_raw(chat_walker *w, const char *s, size_t n);
void chat_add(chat_walker *w, uint32_t tok, int32_t role, int32_t kind);
/* chat_add for a value under a key naming personal data (key_type >= 0), strings and numbers alike. */
void chat_add_keyed(chat_walker *w, uint32_t tok, int32_t role, int32_t kind, int32_t key_type);
/* The entity type an object key names ("ssn", "phoneNumber", "card_number", "first_name" ...), or -1.
 * Compared case-insensitively with '_', '-', '.' and spaces ignored (camelCase matches snake_case). */
int32_t chat_key_type(const sc_json_doc *j, uint32_t key);
/* Scans every string leaf under tok. strict: all of them; otherwise values under "type", ids,
 * signatures, encrypted content and base64 data: URLs are skipped. */
void chat_scan_leaves(chat_walker *w, uint32_t tok, int32_t role, int32_t kind, bool strict);
/* A string that may hold JSON: parse it and scan its leaves, else scan it whole. */
void chat_json_string(chat_walker *w, uint32_t tok, int32_t role, int32_t kind);
/* Base64 content the walk leaves unscanned: with SANCTUM_CHAT_REFUSE_ATTACHMENTS the walk stops with
 * SANCTUM_E_UNSUPPORTED at tok (offset in the outer document; none inside JSON held in a string). */
void chat_opaque(chat_walker *w, uint32_t tok);
/* A URL: data:...;base64, URLs are opaque (chat_opaque), others are scanned. */
void chat_url(chat_walker *w, uint32_t tok, int32_t role);
/* After the walk: decodes the escaped scan strings into one wiped arena of the exact size. */
void chat_decode_texts(chat_walker *w);

/* chat_tools.c: tool definitions and response schemas (walked with SANCTUM_CHAT_SCRUB_SYSTEM). */
void chat_walk_tool_defs(chat_walker *w, uint32_t tools);
void chat_walk_response_format(chat_walker *w, uint32_t format);
void chat_walk_generation_config(chat_walker *w, uint32_t config);

/* chat_formats.c: detection and the schema walk. */
void chat_detect(const sc_json_doc *j, int32_t *format, int32_t *shape);
void chat_walk_document(chat_walker *w);

#endif
