/*
 * Internal JSON layer: a strict RFC 8259 parser producing a flat tape of tokens with source offsets,
 * lazy string decoding, and a splice writer that re-emits the source with only chosen strings
 * re-encoded. Used by the chat walk (chat_*.c), the CLI (through sanctum.h), tests, fuzz and bench.
 */
#ifndef SANCTUM_JSON_H
#define SANCTUM_JSON_H

#include "internal.h"

/* Token types. A key is a string in key position; its value is the next token. */
enum {
    SC_JT_OBJECT = 1,
    SC_JT_ARRAY = 2,
    SC_JT_KEY = 3,
    SC_JT_STRING = 4,
    SC_JT_NUMBER = 5,
    SC_JT_TRUE = 6,
    SC_JT_FALSE = 7,
    SC_JT_NULL = 8
};

/* String token flags. */
enum {
    SC_JF_ESCAPES = 1u   /* the raw string holds at least one backslash escape */
};

/* Length of the longest valid UTF-8 prefix of s[0..len) (len when valid): SIMD when the CPU has
 * AVX2, else the scalar decoder of utf8.c. */
size_t sc_json_utf8_valid_prefix(const uint8_t *s, size_t len);
/* The same without SIMD. */
size_t sc_json_utf8_valid_prefix_portable(const uint8_t *s, size_t len);

/* One token: 16 bytes. start/len cover the token's bytes in the source (strings with their quotes,
 * containers from the bracket to the matching bracket). next is the index of the token after this
 * one's subtree (i + 1 for scalars and keys). */
typedef struct sc_json_tok {
    uint32_t start;
    uint32_t len;
    uint32_t next;
    uint8_t type;
    uint8_t flags;
    uint16_t reserved;
} sc_json_tok;

/* A parsed document. It borrows src: the bytes must stay valid and unchanged while it is used. */
typedef struct sc_json_doc {
    sanctum_ctx *ctx;
    const uint8_t *src;
    size_t len;
    sc_json_tok *tok;
    uint32_t ntok;
    uint32_t cap;
} sc_json_doc;

/* Largest input the tape can address (offsets are 32-bit). */
#define SC_JSON_MAX_LEN ((size_t)0xFFFFFFF0u)

/* Internal parse flag: use the portable code paths (scalar UTF-8 check, SSE2/bytewise string scan)
 * even on an AVX2 machine, so tests can hold them to the same results. */
#define SC_JSON_PORTABLE 0x80000000u

/* Parses src[0..len) strictly. max_depth 0 = the context's. flags: SANCTUM_JSON_ALLOW_DUPLICATE_KEYS,
 * SC_JSON_PORTABLE. On failure doc is empty and err holds
 * the status (E_PARSE, E_UTF8, E_LIMIT, E_NOMEM), an offset in [0, len] and what was expected. */
sanctum_status sc_json_parse(sanctum_ctx *ctx, const uint8_t *src, size_t len, uint32_t max_depth,
                             uint32_t flags, sc_json_doc *doc, sanctum_error *err);
void sc_json_doc_clear(sc_json_doc *doc);

/* Raw content of a string/key token (between the quotes). */
static inline const uint8_t *sc_json_str_raw(const sc_json_doc *d, uint32_t t, size_t *n)
{
    *n = (size_t)d->tok[t].len - 2u;
    return d->src + d->tok[t].start + 1u;
}

/* Hex digit values; 0xFF for anything else. The library's one hex table: \u escapes, and
 * sc_hex_decode for everyone else. */
extern const uint8_t sc_json_hex[256];
/* Decodes the 2 * n hex digits at s into out[0..n); false when one is not a hex digit. */
bool sc_hex_decode(const uint8_t *s, size_t n, uint8_t *out);

/* Decodes validated raw string content into out (which must hold n bytes: decoding never grows).
 * Returns the decoded length. */
size_t sc_json_decode(const uint8_t *raw, size_t n, uint8_t *out);
/* The length sc_json_decode will produce, without decoding. */
size_t sc_json_decoded_len(const uint8_t *raw, size_t n);

/* Compares the decoded value of string/key token t with lit[0..litn). */
bool sc_json_str_eq(const sc_json_doc *d, uint32_t t, const char *lit, size_t litn);
#define SC_JSON_STR_IS(d, t, lit) sc_json_str_eq((d), (t), (lit), sizeof(lit) - 1u)

/* Decodes string token t into buf[0..cap) when it fits; returns the decoded length, or SIZE_MAX if
 * it does not fit. */
size_t sc_json_str_small(const sc_json_doc *d, uint32_t t, uint8_t *buf, size_t cap);

/* Value token of key lit in object obj, or 0 when absent. */
uint32_t sc_json_obj_get(const sc_json_doc *d, uint32_t obj, const char *lit, size_t litn);
#define SC_JSON_GET(d, o, lit) sc_json_obj_get((d), (o), (lit), sizeof(lit) - 1u)

/* Escaping style of a string, read from how the original writer escaped it. */
typedef struct sc_json_style {
    bool esc_nonascii;   /* non-ASCII written as \uXXXX (Python's json.dumps default) */
    bool esc_html;       /* <, >, & written as \u003c, \u003e, \u0026 (Go's encoding/json) */
    bool esc_lsps;       /* U+2028/U+2029 escaped */
    bool esc_slash;      /* '/' written as \/ */
    bool upper_hex;      /* \u escapes with uppercase hex digits */
    bool repair_utf8;    /* invalid UTF-8 written as \ufffd (for text nobody validated) */
} sc_json_style;

/* The library's one JSON string escaper for its own outputs (reports, the ledger's JSON, restored
 * tool arguments, sanctum_json_escape): '"', '\' and control characters escaped (\b \f \n \r \t,
 * else \u00xx), invalid UTF-8 as \ufffd, everything else as is. Use it with sc_json_encoded_len and
 * sc_json_encode; edits of a document copy the document's own style instead (sc_json_style_for). */
extern const sc_json_style sc_json_style_plain;

/* Evidence read from one string's raw content. */
typedef struct sc_json_style_evidence {
    bool u_nonascii, raw_nonascii, u_html, raw_html, u_lsps, slash_esc, raw_slash, upper, lower;
} sc_json_style_evidence;
void sc_json_style_scan(const uint8_t *raw, size_t n, sc_json_style_evidence *ev);
/* Evidence read from a whole document, computed on first need. Zero-initialise. */
typedef struct sc_json_doc_style {
    bool ready;
    sc_json_style_evidence ev;
} sc_json_doc_style;
/* The style for re-encoding string token t: its own evidence first, then the document's. */
void sc_json_style_for(const sc_json_doc *d, uint32_t t, sc_json_doc_style *cache, sc_json_style *st);

/* Encoded length (without quotes) of UTF-8 text s[0..n) in style st, and the encoder itself. */
size_t sc_json_encoded_len(const uint8_t *s, size_t n, const sc_json_style *st);
size_t sc_json_encode(const uint8_t *s, size_t n, const sc_json_style *st, uint8_t *out);

/* One replacement for the splice writer: string token tok gets the new decoded value ptr[0..len). */
typedef struct sc_json_edit {
    uint32_t tok;
    const uint8_t *ptr;
    size_t len;
} sc_json_edit;

/* Writes the document with the edits applied (edits sorted by tok, unique, each a string token).
 * *out is a new SC_ALLOC_SECRET block from d->ctx (freed with sc_free / sanctum_free). */
sanctum_status sc_json_write(const sc_json_doc *d, const sc_json_edit *edits, size_t nedits,
                             uint8_t **out, size_t *out_len, sanctum_error *err);

#endif
