/*
 * sanctum.h — the whole public ABI of libsanctumcore.
 *
 * Contents (each section starts with a "=====" line):
 *   1. Foundation: versions, status, errors     sanctum_version_*, sanctum_status, sanctum_error
 *   2. Foundation: contexts, memory, one free   sanctum_ctx_*, sanctum_free
 *   3. JSON chat parser                         sanctum_json_*, sanctum_chat_*
 *   4. PII detector                             sanctum_detector_*, sanctum_detect
 *   5. Anonymize/restore mapper                 sanctum_session_*, sanctum_stream_restorer_*
 *   6. Pattern recognizers                      sanctum_pattern_set_*
 *   7. Token-pattern scanner                    sanctum_scanner_*, sanctum_scan_*
 *   8. Secret-age ledger                        sanctum_ledger_*
 *
 * Conventions (they hold for every function below unless its comment says otherwise):
 *
 *  - Inputs are (const uint8_t *ptr, size_t len). Nothing relies on NUL termination; ptr may be NULL
 *    when len is 0.
 *  - Every fallible call returns a sanctum_status and, when `err` is not NULL, fills it with the code,
 *    the byte offset in the input where the problem was found (or SANCTUM_NO_OFFSET) and a message.
 *    Messages never contain input bytes: secrets and personal data stay out of errors. Each call
 *    clears `err` on entry, so after a success it reads SANCTUM_OK.
 *  - Out-parameters come first and are named `out`. On failure *out is left NULL/untouched: there is
 *    never partial output. Exceptions, kept because changing a signature breaks the ABI and the
 *    bindings for no gain in safety: calls that act on an existing handle take the handle first and
 *    their outputs after the inputs (sanctum_ctx_stats, sanctum_ctx_get_options, sanctum_chat_doc_text,
 *    sanctum_chat_doc_write, the sanctum_session_* operations, sanctum_stream_restorer_feed/finish,
 *    sanctum_pattern_set_match, sanctum_scan_buffer, sanctum_scan_report_add/take). New calls follow
 *    the rule.
 *  - Option structs start with `struct_size` and may grow: a struct from an older header keeps the
 *    defaults for the fields it lacks; a newer header's larger struct is read when its unknown tail is
 *    zero and refused with SANCTUM_E_UNSUPPORTED when not (docs/abi.md).
 *  - Ownership: a `T **out` result is owned by the caller and released with sanctum_free(); a
 *    `const T *` return is borrowed from its parent and lives as long as the parent does.
 *  - Everything is allocated from a sanctum_ctx (memory budget, counters). Objects made from a context
 *    must be freed before the context.
 *  - Thread safety: a context may be used by many threads at once (its counters are atomic). Other
 *    handles are single-threaded unless their section says otherwise. The library has no global
 *    mutable state.
 *
 * The region between the cdef markers is plain C declarations only (no macros, attributes or
 * preprocessor lines), so the Python bindings can hand it to cffi as is.
 */
#ifndef SANCTUM_H
#define SANCTUM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Compile-time twins of sanctum_version_number() and sanctum_abi_version(). */
#define SANCTUM_VERSION_MAJOR 0
#define SANCTUM_VERSION_MINOR 1
#define SANCTUM_VERSION_PATCH 0
#define SANCTUM_ABI_VERSION 1
#define SANCTUM_NO_OFFSET UINT64_MAX
#define SANCTUM_ERROR_MESSAGE_MAX 240

#if defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

/* @cdef-begin */

/* ===== Foundation: versions, status, errors ===== */

/* Status codes. Values are part of the ABI and are never renumbered. */
typedef enum sanctum_status {
    SANCTUM_OK = 0,
    SANCTUM_E_INVALID_ARG = 1,   /* a NULL handle, bad option or out-of-range value */
    SANCTUM_E_NOMEM = 2,         /* allocation failed or the context's memory budget is spent */
    SANCTUM_E_LIMIT = 3,         /* an input exceeds a configured limit (size, depth, count) */
    SANCTUM_E_PARSE = 4,         /* malformed input (JSON, rules file, placeholder, ...) */
    SANCTUM_E_UTF8 = 5,          /* invalid UTF-8 */
    SANCTUM_E_IO = 6,            /* a file could not be read or written */
    SANCTUM_E_NOT_FOUND = 7,     /* no such item */
    SANCTUM_E_EXISTS = 8,        /* the item already exists */
    SANCTUM_E_CRYPTO = 9,        /* authentication or a crypto primitive failed */
    SANCTUM_E_DB = 10,           /* the database refused an operation */
    SANCTUM_E_TAMPERED = 11,     /* an integrity check failed */
    SANCTUM_E_UNSUPPORTED = 12,  /* a format or version this build does not handle */
    SANCTUM_E_BUFFER_TOO_SMALL = 13, /* a caller buffer is too small; the error says how much is needed */
    SANCTUM_E_STATE = 14,        /* the call is not valid in the handle's current state */
    SANCTUM_E_INTERNAL = 15      /* a bug: please report it */
} sanctum_status;

/* Filled by fallible calls. Caller-owned; no allocation happens on the error path. */
typedef struct sanctum_error {
    sanctum_status code; /* int-sized (pinned by tests) */
    uint32_t reserved;
    uint64_t offset;     /* byte offset into the input, or SANCTUM_NO_OFFSET */
    char message[240];   /* NUL-terminated, never holds input bytes */
} sanctum_error;

/* Library version as MAJOR*10000 + MINOR*100 + PATCH, and as a static string. */
uint32_t sanctum_version_number(void);
const char *sanctum_version_string(void);
/* ABI major: equals SANCTUM_ABI_VERSION of the header the library was built from and the SONAME. */
uint32_t sanctum_abi_version(void);

/* Stable symbolic name ("SANCTUM_E_NOMEM") and a short description of a status. Static strings;
 * an unknown value gives "SANCTUM_E_UNKNOWN". */
const char *sanctum_status_name(sanctum_status status);
const char *sanctum_status_message(sanctum_status status);

/* Sets err to SANCTUM_OK, no offset, empty message. err may be NULL. */
void sanctum_error_clear(sanctum_error *err);

/* Wipes len bytes at ptr in a way the compiler cannot optimise away (libsodium sodium_memzero). */
void sanctum_wipe(void *ptr, size_t len);

/* ===== Foundation: contexts, memory accounting, one free ===== */

typedef struct sanctum_ctx sanctum_ctx;

/* Options for sanctum_ctx_new. Call sanctum_ctx_options_init first; fields may be appended in later
 * versions, and struct_size tells the library which ones the caller knows. */
typedef struct sanctum_ctx_options {
    uint32_t struct_size;     /* sizeof(sanctum_ctx_options), set by _init */
    uint32_t max_depth;       /* nesting limit for structured inputs; default 1024 */
    uint64_t memory_budget;   /* bytes this context may hold at once; 0 = unlimited (default) */
    uint64_t max_input_bytes; /* largest single input accepted; default 64 MiB */
} sanctum_ctx_options;

/* Memory counters of a context. Bytes count what callers asked for, not allocator overhead. */
typedef struct sanctum_stats {
    uint32_t struct_size;     /* set by the caller to sizeof(sanctum_stats) or 0 */
    uint32_t reserved;
    uint64_t current_bytes;
    uint64_t peak_bytes;
    uint64_t total_bytes;     /* sum over all allocations ever made */
    uint64_t current_blocks;
    uint64_t peak_blocks;
    uint64_t total_blocks;
    uint64_t failed_allocs;   /* refused by the budget, the system or fault injection */
} sanctum_stats;

/* Fills opts with the defaults. opts may not be NULL. */
void sanctum_ctx_options_init(sanctum_ctx_options *opts);

/* Creates a context. opts may be NULL for the defaults. Caller owns *out: sanctum_ctx_free.
 * Thread-safe. Errors: SANCTUM_E_INVALID_ARG, SANCTUM_E_NOMEM, SANCTUM_E_CRYPTO (libsodium init). */
sanctum_status sanctum_ctx_new(sanctum_ctx **out, const sanctum_ctx_options *opts, sanctum_error *err);

/* Frees a context. Everything it handed out must have been freed before (in debug builds a context
 * with outstanding blocks is reported on stderr, by count only). NULL is a no-op. */
void sanctum_ctx_free(sanctum_ctx *ctx);

/* Copies the context's counters into *out. Thread-safe. */
sanctum_status sanctum_ctx_stats(const sanctum_ctx *ctx, sanctum_stats *out);

/* Copies the context's effective options (defaults resolved) into *out. */
sanctum_status sanctum_ctx_get_options(const sanctum_ctx *ctx, sanctum_ctx_options *out);

/* The one free function for everything the library hands out through a `**out` parameter: buffers
 * and handles alike (a handle's own resources go with it). Memory that may have held secrets or
 * personal data is wiped first. NULL is a no-op. Thread-safe for distinct pointers. */
void sanctum_free(void *ptr);

/* ===== JSON chat parser (core/src/json) ===== */

/* Flags of the JSON calls. */
typedef enum sanctum_json_flags {
    SANCTUM_JSON_STRICT = 0,                 /* the default: duplicate keys are rejected */
    SANCTUM_JSON_ALLOW_DUPLICATE_KEYS = 1,   /* plain RFC 8259 grammar: accept them (they stay as written) */
    SANCTUM_JSON_ALLOW_LONE_SURROGATES = 2   /* accept unpaired \uD800-\uDFFF escapes (what JavaScript writes
                                                for a string cut inside a pair); they decode to U+FFFD and
                                                their escape bytes are kept (docs/json.md) */
} sanctum_json_flags;

/* Strict RFC 8259 validation of ptr[0..len): full UTF-8 validation; unpaired surrogate escapes and
 * a BOM are rejected; NUL bytes are ordinary input (never an end marker); numbers are checked for
 * grammar only, never converted. By default an object holding the same key twice (compared after
 * decoding) is rejected too, because readers disagree on which value wins (RFC 8259 says names
 * SHOULD be unique); SANCTUM_JSON_ALLOW_DUPLICATE_KEYS accepts them. Nesting is limited by the
 * context's max_depth and size by its max_input_bytes (and 4 GiB - 16). On failure err->offset is
 * in [0, len] and the message says what was expected there. Errors: SANCTUM_E_PARSE,
 * SANCTUM_E_UTF8, SANCTUM_E_LIMIT, SANCTUM_E_NOMEM, SANCTUM_E_INVALID_ARG. Memory is linear in the
 * number of tokens (16 bytes each) and freed before it returns. Thread-safe for distinct inputs. */
sanctum_status sanctum_json_validate(sanctum_ctx *ctx, uint32_t flags, const uint8_t *ptr, size_t len,
                                     sanctum_error *err);

/* Escapes ptr[0..len) (any bytes) as the body of a JSON string, without the quotes, the way every JSON
 * output of the library does: '"', '\' and control characters escaped (\b \f \n \r \t, else
 * \u00xx), invalid UTF-8 as \ufffd, everything else as is. Sets *out_len to the escaped length; writes
 * out[0..*out_len) when out_cap is enough, else returns SANCTUM_E_BUFFER_TOO_SMALL and writes nothing
 * (call with out = NULL, out_cap = 0 to learn the length). At most 6 * len bytes. Thread-safe.
 * Errors: SANCTUM_E_INVALID_ARG, SANCTUM_E_BUFFER_TOO_SMALL. */
sanctum_status sanctum_json_escape(uint8_t *out, size_t out_cap, size_t *out_len, const uint8_t *ptr, size_t len,
                                   sanctum_error *err);

/* Parses ptr[0..len) (as sanctum_json_validate) and writes it back through the splice writer with
 * no edits: the result is byte-identical to the input for every document that is accepted. *out is
 * caller-owned (sanctum_free; wiped on free), *out_len its length. */
sanctum_status sanctum_json_roundtrip(uint8_t **out, size_t *out_len, sanctum_ctx *ctx, uint32_t flags,
                                      const uint8_t *ptr, size_t len, sanctum_error *err);

/* Chat API formats. As an argument, SANCTUM_CHAT_AUTO asks for detection; as a result it means the
 * document matched no known format (its strings are then all scanned). */
typedef enum sanctum_chat_format {
    SANCTUM_CHAT_AUTO = 0,
    SANCTUM_CHAT_OPENAI_CHAT = 1,        /* Chat Completions (also OpenRouter's variant) */
    SANCTUM_CHAT_ANTHROPIC_MESSAGES = 2, /* Messages API */
    SANCTUM_CHAT_OPENAI_RESPONSES = 3,   /* Responses API */
    SANCTUM_CHAT_GEMINI = 4              /* Google Gemini API native: generateContent requests and
                                            responses, streamGenerateContent?alt=sse events */
} sanctum_chat_format;

/* What the document is. */
typedef enum sanctum_chat_shape {
    SANCTUM_CHAT_SHAPE_UNKNOWN = 0,
    SANCTUM_CHAT_SHAPE_REQUEST = 1,
    SANCTUM_CHAT_SHAPE_RESPONSE = 2,
    SANCTUM_CHAT_SHAPE_STREAM_EVENT = 3, /* the JSON of one SSE data: line */
    SANCTUM_CHAT_SHAPE_ERROR = 4
} sanctum_chat_shape;

/* Whose text a scan string is (decoded "role" values; anything else is OTHER). */
typedef enum sanctum_chat_role {
    SANCTUM_CHAT_ROLE_NONE = 0,      /* not inside a message (metadata, user ids) */
    SANCTUM_CHAT_ROLE_USER = 1,
    SANCTUM_CHAT_ROLE_ASSISTANT = 2,
    SANCTUM_CHAT_ROLE_TOOL = 3,      /* tool / function results */
    SANCTUM_CHAT_ROLE_SYSTEM = 4,    /* only for strings scanned fail-closed in system context */
    SANCTUM_CHAT_ROLE_DEVELOPER = 5,
    SANCTUM_CHAT_ROLE_FUNCTION = 6,
    SANCTUM_CHAT_ROLE_OTHER = 7      /* an unknown role: its strings are scanned */
} sanctum_chat_role;

/* What a scan string holds. */
typedef enum sanctum_chat_kind {
    SANCTUM_CHAT_KIND_TEXT = 1,           /* message text (content, text parts, deltas) */
    SANCTUM_CHAT_KIND_REFUSAL = 2,
    SANCTUM_CHAT_KIND_TOOL_ARGUMENTS = 3, /* a string leaf of tool-call arguments / input */
    SANCTUM_CHAT_KIND_TOOL_RESULT = 4,    /* tool output text or a string leaf of it */
    SANCTUM_CHAT_KIND_NAME = 5,           /* participant name */
    SANCTUM_CHAT_KIND_IDENTIFIER = 6,     /* user, safety_identifier, metadata values */
    SANCTUM_CHAT_KIND_URL = 7,            /* http(s) URL of an image or file */
    SANCTUM_CHAT_KIND_FILENAME = 8,
    SANCTUM_CHAT_KIND_DOCUMENT = 9,       /* document text, title, context */
    SANCTUM_CHAT_KIND_CITATION = 10,      /* cited text, annotation titles */
    SANCTUM_CHAT_KIND_ERROR = 11,         /* error messages (may echo input) */
    SANCTUM_CHAT_KIND_UNKNOWN = 12        /* a string under an unknown key or type: scanned fail-closed */
} sanctum_chat_kind;

/* A parsed chat document with its scan strings, in document order. */
typedef struct sanctum_chat_doc sanctum_chat_doc;

/* One scan string. Pointers are borrowed from the doc and valid until it is freed. */
typedef struct sanctum_chat_text {
    uint32_t struct_size;  /* set by the caller to sizeof(sanctum_chat_text) */
    int32_t role;          /* sanctum_chat_role */
    int32_t kind;          /* sanctum_chat_kind */
    uint32_t nested;       /* 1 when the string lives in JSON held in a string (arguments, tool output) */
    const uint8_t *text;   /* decoded UTF-8 value (not NUL-terminated; may contain NUL bytes): a
                              pointer into the input when the string has no escapes, else into the
                              doc's wiped memory */
    size_t text_len;
    const char *path;      /* NUL-terminated JSON path, e.g. $.messages[1].content[0].text; a nested
                              string appends ">" and its path inside: ...arguments>$.email */
    size_t path_len;
    uint64_t offset;       /* byte offset of the (outer) string token in the input */
    /* appended in 0.1 (written only when struct_size covers them) */
    int32_t key_type;      /* sanctum_entity_type the value's object key names ("ssn", "phone",
                              "card_number", "firstName" ...), or -1 */
    uint32_t number;       /* 1 when the value is a JSON number (SANCTUM_CHAT_NUMBERS): text holds its
                              digits as written; a replacement turns it into a string */
    uint32_t json_text;    /* 1 for tool arguments held as JSON text that did not parse (stream
                              fragments, broken model output), scanned whole: a value put into it must
                              be JSON-string-escaped to stay inside its JSON string */
} sanctum_chat_text;

/* Flags of sanctum_chat_doc_new_ex. */
typedef enum sanctum_chat_flags {
    SANCTUM_CHAT_ALLOW_LONE_SURROGATES = 2, /* = SANCTUM_JSON_ALLOW_LONE_SURROGATES */
    SANCTUM_CHAT_SCRUB_SYSTEM = 256,  /* also return system/developer messages, Anthropic system, Responses
                                         instructions and Gemini systemInstruction (role SYSTEM/DEVELOPER) */
    SANCTUM_CHAT_NUMBERS = 512,       /* also return JSON numbers in tool data and other scanned objects
                                         when their key names personal data or they have 9-19 digits */
    SANCTUM_CHAT_STRICT_SHAPE = 1024, /* SANCTUM_E_PARSE (offset of the value) for a document of no known
                                         shape, or a request whose messages / contents / input has the
                                         wrong JSON type, instead of a doc with nothing to scan */
    SANCTUM_CHAT_REFUSE_ATTACHMENTS = 2048 /* refuse (SANCTUM_E_UNSUPPORTED, offset of the string) base64
                                         content the walk cannot scan: file_data, input_audio, Anthropic
                                         base64 sources, Gemini inlineData, data:...;base64, URLs */
} sanctum_chat_flags;

/* Parses ptr[0..len) strictly (as sanctum_json_validate, duplicate keys rejected) and walks the chat schema of `format` (or
 * detects it for SANCTUM_CHAT_AUTO), collecting every scan string: user/assistant/tool text, tool
 * arguments and results, names, identifiers, and every string under an unknown role, block type or
 * key (fail closed). System/developer prompts, instructions, tool definitions, signed reasoning,
 * ids and base64 data are left out. Strings holding JSON (tool arguments, partial_json, tool
 * output) are parsed and their string leaves collected; when they do not parse, the whole string is.
 * The doc BORROWS ptr: the bytes must stay valid and unchanged until the doc is freed. Text that had
 * to be decoded lives in wiped memory (text without escapes is not copied at all). Caller owns *out (sanctum_free). A doc is single-threaded.
 * Errors: those of sanctum_json_validate, SANCTUM_E_INVALID_ARG (bad format). */
sanctum_status sanctum_chat_doc_new(sanctum_chat_doc **out, sanctum_ctx *ctx, int32_t format,
                                    const uint8_t *ptr, size_t len, sanctum_error *err);

/* sanctum_chat_doc_new with flags (sanctum_chat_flags; 0 = sanctum_chat_doc_new). Errors as
 * sanctum_chat_doc_new, SANCTUM_E_INVALID_ARG for unknown flags. */
sanctum_status sanctum_chat_doc_new_ex(sanctum_chat_doc **out, sanctum_ctx *ctx, int32_t format, uint32_t flags,
                                       const uint8_t *ptr, size_t len, sanctum_error *err);

/* The format (detected or given) and shape of the document. */
int32_t sanctum_chat_doc_format(const sanctum_chat_doc *doc);
int32_t sanctum_chat_doc_shape(const sanctum_chat_doc *doc);

/* Number of scan strings. */
size_t sanctum_chat_doc_count(const sanctum_chat_doc *doc);

/* Fills *out with scan string `index` (0-based, document order). SANCTUM_E_NOT_FOUND past the end,
 * SANCTUM_E_INVALID_ARG for NULLs or a struct_size smaller than the first version's (fields past the
 * caller's struct_size are not written). */
sanctum_status sanctum_chat_doc_text(const sanctum_chat_doc *doc, size_t index, sanctum_chat_text *out);

/* Sets the new decoded value of scan string `index` (valid UTF-8, copied into wiped memory; a
 * second call replaces the first). SANCTUM_E_UTF8 on invalid UTF-8 (offset into ptr),
 * SANCTUM_E_NOT_FOUND, SANCTUM_E_NOMEM. */
sanctum_status sanctum_chat_doc_set_replacement(sanctum_chat_doc *doc, size_t index, const uint8_t *ptr,
                                                size_t len, sanctum_error *err);

/* Writes the document: the input bytes, with only the replaced strings re-encoded in the style of
 * their original (or of the document); a string holding JSON is rewritten inside and re-encoded.
 * Without replacements the output equals the input. *out is caller-owned (sanctum_free; wiped on
 * free), *out_len its length. The doc is unchanged and can be written again. */
sanctum_status sanctum_chat_doc_write(const sanctum_chat_doc *doc, uint8_t **out, size_t *out_len,
                                      sanctum_error *err);

/* Static names: "openai_chat", "user", "text", "request", ...; "unknown" for other values. */
const char *sanctum_chat_format_name(int32_t format);
const char *sanctum_chat_shape_name(int32_t shape);
const char *sanctum_chat_role_name(int32_t role);
const char *sanctum_chat_kind_name(int32_t kind);

/* ===== PII detector (core/src/pii) ===== */

/* Entity types. Values are part of the ABI. sanctum_entity_type_name gives the stable upper-case name
 * ("PERSON", "EMAIL_ADDRESS", ...) used in placeholders such as <PERSON_1>. */
typedef enum sanctum_entity_type {
    SANCTUM_ENTITY_PERSON = 0,
    SANCTUM_ENTITY_EMAIL_ADDRESS = 1,
    SANCTUM_ENTITY_PHONE_NUMBER = 2,
    SANCTUM_ENTITY_CREDIT_CARD = 3,
    SANCTUM_ENTITY_US_SSN = 4,
    SANCTUM_ENTITY_US_BANK_NUMBER = 5,
    SANCTUM_ENTITY_IBAN_CODE = 6,
    SANCTUM_ENTITY_COUNT = 7
} sanctum_entity_type;

/* Bit (1u << type) of sanctum_detector_options.entities; all types by default. */
typedef enum sanctum_entity_mask {
    SANCTUM_ENTITIES_ALL = 127
} sanctum_entity_mask;

/* Recognizers (which rule produced an entity). Values are part of the ABI. */
typedef enum sanctum_recognizer {
    SANCTUM_REC_DENY_LIST = 0,
    SANCTUM_REC_EMAIL = 1,
    SANCTUM_REC_PHONE_NANP = 2,
    SANCTUM_REC_PHONE_INTL = 3,
    SANCTUM_REC_CREDIT_CARD = 4,
    SANCTUM_REC_US_SSN = 5,
    SANCTUM_REC_ABA_ROUTING = 6,
    SANCTUM_REC_BANK_ACCOUNT = 7,
    SANCTUM_REC_IBAN = 8,
    SANCTUM_REC_PERSON = 9,
    SANCTUM_REC_COUNT = 10
} sanctum_recognizer;

/* Evidence bits: what raised or lowered an entity's score (sanctum_evidence_name gives each bit's
 * name; docs/pii.md has the table of scores). */
typedef enum sanctum_evidence {
    SANCTUM_EV_FORMAT_STRONG = 1,      /* a distinctive written form: (514) 555-1234, 123-45-6789, 4-4-4-4 */
    SANCTUM_EV_FORMAT_WEAK = 2,        /* a bare or loosely grouped form */
    SANCTUM_EV_VALIDATOR = 4,          /* a check digit / range / length rule passed */
    SANCTUM_EV_CONTEXT_BEFORE = 8,     /* a context word or phrase before the match */
    SANCTUM_EV_CONTEXT_AFTER = 16,     /* a context word or phrase after the match */
    SANCTUM_EV_NEGATIVE_CONTEXT = 32,  /* order/tracking/id words nearby lowered the score */
    SANCTUM_EV_GAZETTEER_FIRST = 64,   /* a known first name */
    SANCTUM_EV_GAZETTEER_LAST = 128,   /* a known last name */
    SANCTUM_EV_TITLE = 256,            /* an honorific or title: Mr, Dr, Prof ... */
    SANCTUM_EV_NAME_SEQUENCE = 512,    /* first name followed by a capitalized word */
    SANCTUM_EV_COMMON_WORD = 1024,     /* the name is also a common word, which lowered the score */
    SANCTUM_EV_CONSISTENCY = 2048,     /* raised by a strong mention of the same name elsewhere */
    SANCTUM_EV_DENY_LIST = 4096,       /* a deny-list term: score 1.0 */
    SANCTUM_EV_COUNTRY_CODE = 8192,    /* an international prefix with a valid country length */
    SANCTUM_EV_ISSUER = 16384,         /* a card issuer prefix matching the length */
    SANCTUM_EV_SUPPRESSED = 32768,     /* dropped by a precision rule (explain mode only) */
    SANCTUM_EV_ALLOW_LIST = 65536      /* dropped because it is on the allow list (explain mode only) */
} sanctum_evidence;

typedef struct sanctum_detector sanctum_detector;

/* Options for sanctum_detector_new. Call sanctum_detector_options_init first (struct_size, defaults).
 * The term arrays are copied by sanctum_detector_new; the caller keeps ownership of its own. */
typedef struct sanctum_detector_options {
    uint32_t struct_size;      /* sizeof(sanctum_detector_options), set by _init */
    uint32_t entities;         /* bitmask of (1u << sanctum_entity_type); default SANCTUM_ENTITIES_ALL */
    double threshold;          /* entities scoring below are not reported; default 0.7, range [0, 1] */
    const char *const *allow_terms;  /* NUL-terminated UTF-8 terms never reported (case-insensitive) */
    size_t allow_count;
    const char *const *deny_terms;   /* NUL-terminated known personal values, always reported at 1.0 */
    const int32_t *deny_types;       /* entity type of each deny term; NULL = PERSON for all */
    size_t deny_count;
} sanctum_detector_options;

/* One entity: byte offsets [start, end) into the text given to sanctum_detect. */
typedef struct sanctum_pii_entity {
    int32_t type;          /* sanctum_entity_type */
    int32_t recognizer;    /* sanctum_recognizer */
    uint64_t start;
    uint64_t end;
    double score;          /* in [0, 1] */
    uint32_t evidence;     /* OR of sanctum_evidence bits */
    uint32_t reserved;
} sanctum_pii_entity;

/* The result of sanctum_detect: entities sorted by start, non-overlapping, each scoring at least the
 * threshold. In explain mode `rejected` also lists the candidates that were found but dropped (below
 * the threshold, lost an overlap, or suppressed by a precision rule), with their evidence; otherwise
 * it is empty. One allocation: free it with sanctum_free. */
typedef struct sanctum_detection {
    uint32_t struct_size;
    uint32_t reserved;
    size_t count;
    const sanctum_pii_entity *entities;
    size_t rejected_count;
    const sanctum_pii_entity *rejected;
} sanctum_detection;

/* Flags for sanctum_detect. */
typedef enum sanctum_detect_flags {
    SANCTUM_DETECT_EXPLAIN = 1
} sanctum_detect_flags;

/* Fills opts with the defaults (threshold 0.7, every type, no lists). */
void sanctum_detector_options_init(sanctum_detector_options *opts);

/* Creates a detector. opts may be NULL for the defaults. Caller owns *out (sanctum_free). The detector
 * is immutable once made: any number of threads may call sanctum_detect on it at once.
 * Errors: SANCTUM_E_INVALID_ARG (bad threshold, type mask, struct_size, empty or oversized term
 * (> 256 bytes), > 4096 terms), SANCTUM_E_UTF8 (a term is not UTF-8), SANCTUM_E_NOMEM. */
sanctum_status sanctum_detector_new(sanctum_detector **out, sanctum_ctx *ctx,
                                    const sanctum_detector_options *opts, sanctum_error *err);

/* Parses the allow/deny list file format (docs/pii.md) from (ptr, len) and creates a detector from opts
 * plus the terms of the file. Lines: "# comment", "allow: TERM", "deny: TERM", "deny TYPE: TERM".
 * Errors as sanctum_detector_new, plus SANCTUM_E_PARSE with the byte offset of the bad line. */
sanctum_status sanctum_detector_new_with_lists(sanctum_detector **out, sanctum_ctx *ctx,
                                               const sanctum_detector_options *opts,
                                               const uint8_t *lists, size_t lists_len,
                                               sanctum_error *err);

/* Detects personal data in UTF-8 text (ptr, len). flags: SANCTUM_DETECT_EXPLAIN or 0. Caller owns
 * *out (sanctum_free; its memory is wiped). Thread-safe: only per-call state is written.
 * Errors: SANCTUM_E_INVALID_ARG, SANCTUM_E_LIMIT (len above the context's max_input_bytes),
 * SANCTUM_E_UTF8 (offset of the first invalid byte), SANCTUM_E_NOMEM. */
sanctum_status sanctum_detect(sanctum_detection **out, const sanctum_detector *det,
                              const uint8_t *ptr, size_t len, uint32_t flags, sanctum_error *err);

/* Static names: "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "US_SSN",
 * "US_BANK_NUMBER", "IBAN_CODE"; NULL for an unknown value. */
const char *sanctum_entity_type_name(int32_t type);
/* Parses a type name (exact, upper case) from (ptr, len); -1 when unknown. */
int32_t sanctum_entity_type_from_name(const uint8_t *ptr, size_t len);
/* Static recognizer name ("email", "phone_nanp", ...); NULL for an unknown value. */
const char *sanctum_recognizer_name(int32_t recognizer);
/* Static name of one evidence bit ("validator", "context_before", ...); NULL unless exactly one
 * known bit is set. */
const char *sanctum_evidence_name(uint32_t bit);


/* ===== Anonymize/restore mapper (core/src/mapper) ===== */

/* A session maps personal values to typed placeholders <TYPE_N> (TYPE = sanctum_entity_type_name,
 * N = 1, 2, ... per type in order of first appearance) and back. The same value always gets the same
 * placeholder, compared after per-type normalization: e-mails case-insensitively; phones, cards, SSNs
 * and bank numbers by their digits; IBANs by their letters and digits, upper-cased; persons case-folded
 * with whitespace collapsed. Numbering depends only on the order of first appearance, so anonymizing a
 * conversation whose history is a prefix of a later one gives the same placeholders for the shared part
 * with nothing stored between requests (use one fresh session per request). Text in the input that
 * restore could take for a placeholder (a type name, '_', digits, in any case, with or without its
 * brackets) is itself replaced by a placeholder, so it comes back verbatim and never as someone's value.
 * Values live in wiped memory accounted to the context's budget (docs/mapper.md).
 * A session is single-threaded; it borrows its detector (which must outlive it) and is freed with
 * sanctum_free, which wipes every value. */
typedef struct sanctum_session sanctum_session;

/* Known identities: exact values the owner lists (names, addresses, e-mails, phones, card, SSN and
 * account numbers, IBANs) that are always replaced, in every string the chat walk sees (system text
 * included whatever scrub_system says), with variant matching: case, whitespace runs, name order
 * ("Jane Roe" = "Roe, Jane"), and numbers written with any separators (phones also with or without a
 * country code). Text format (docs/mapper.md): one "type: value" per line, '#' comments, types person
 * (or name), address, email, phone, card, ssn, account, iban; addresses get PERSON placeholders. Held in
 * wiped memory; values never appear in logs or errors. Immutable once loaded: any number of sessions
 * and threads may use one at once. Freed with sanctum_free (after every session using it). */
typedef struct sanctum_identities sanctum_identities;

/* Loads an identities file from ptr[0..len) (at most 4096 entries of 1..256 bytes). Caller owns *out.
 * Errors: SANCTUM_E_PARSE (byte offset and line number of the bad line), SANCTUM_E_UTF8, SANCTUM_E_LIMIT,
 * SANCTUM_E_NOMEM, SANCTUM_E_INVALID_ARG. */
sanctum_status sanctum_identities_load(sanctum_identities **out, sanctum_ctx *ctx, const uint8_t *ptr, size_t len,
                                       sanctum_error *err);

/* Number of entries (lines with a value). */
size_t sanctum_identities_count(const sanctum_identities *ids);

/* The identities found in UTF-8 text ptr[0..len), as a detection (recognizer DENY_LIST, score 1.0,
 * sorted, non-overlapping). Caller owns *out (sanctum_free; wiped). */
sanctum_status sanctum_identities_detect(sanctum_detection **out, const sanctum_identities *ids, const uint8_t *ptr,
                                         size_t len, sanctum_error *err);

typedef struct sanctum_session_options {
    uint32_t struct_size; /* sizeof(sanctum_session_options), set by _init */
    uint32_t reserved;
    /* appended in 0.1 (read only when struct_size covers them) */
    uint32_t scrub_system;            /* 1: anonymize_request also anonymizes system/developer messages,
                                         Anthropic system, Responses instructions, Gemini systemInstruction;
                                         default 0 (restore always looks there) */
    uint32_t refuse_lone_surrogates;  /* 1: refuse unpaired \uD800-\uDFFF escapes in chat documents and
                                         streams; default 0: accepted (what SDKs send), seen as U+FFFD */
    const sanctum_identities *identities; /* borrowed (must outlive the session); NULL = none */
} sanctum_session_options;

/* Counters of a session (cumulative over its calls). */
typedef struct sanctum_session_stats {
    uint32_t struct_size;                  /* set by the caller to sizeof(sanctum_session_stats) */
    uint32_t reserved;
    uint64_t distinct[7];                  /* placeholders issued per sanctum_entity_type */
    uint64_t occurrences[7];               /* entity occurrences replaced per type */
    uint64_t literals;                     /* placeholder-looking input text replaced (escaped) */
    uint64_t variant_spellings;            /* occurrences mapped to a value first seen spelled otherwise */
    uint64_t restored;                     /* placeholders put back */
    uint64_t unknown;                      /* well-formed placeholders this session did not issue, left verbatim */
    uint64_t malformed;                    /* placeholder-like text with an invalid number, left verbatim */
    /* appended in 0.1 (written only when struct_size covers it) */
    uint64_t numbers;                      /* JSON numbers replaced by a placeholder string (restore gives
                                              their digits back as a string) */
} sanctum_session_stats;

void sanctum_session_options_init(sanctum_session_options *opts);

/* Creates a session. det is borrowed (may be NULL for a restore-only session); opts may be NULL.
 * Caller owns *out (sanctum_free). Errors: SANCTUM_E_INVALID_ARG, SANCTUM_E_NOMEM. */
sanctum_status sanctum_session_new(sanctum_session **out, sanctum_ctx *ctx, const sanctum_detector *det,
                                   const sanctum_session_options *opts, sanctum_error *err);

/* Anonymizes UTF-8 text. *out is caller-owned (sanctum_free; wiped on free). Fail closed: on any error
 * there is no output and the session is as it was before the call. Errors: those of sanctum_detect,
 * SANCTUM_E_STATE (no detector), SANCTUM_E_LIMIT, SANCTUM_E_NOMEM. */
sanctum_status sanctum_session_anonymize_text(sanctum_session *session, const uint8_t *ptr, size_t len,
                                              uint8_t **out, size_t *out_len, sanctum_error *err);

/* Anonymizes a chat request (format: sanctum_chat_format, AUTO detects): every scan string of the
 * document, in document order, one numbering for the whole request; the document is written with the
 * splice writer (every byte outside the replaced strings unchanged). A value under a JSON key naming
 * personal data ("ssn", "phone", "firstName" ...) is detected with the key as context and taken whole
 * when it has that type's shape; a JSON number there (or one the detector finds whole, such as a card
 * number) becomes a placeholder string. Unpaired surrogate escapes are accepted unless the session
 * refuses them. System text is anonymized with scrub_system; known identities are replaced everywhere.
 * Fail closed as above. Errors: those of sanctum_chat_doc_new and sanctum_session_anonymize_text. */
sanctum_status sanctum_session_anonymize_request(sanctum_session *session, int32_t format, const uint8_t *ptr,
                                                 size_t len, uint8_t **out, size_t *out_len, sanctum_error *err);

/* Restores placeholders this session issued in text: <TYPE_N>, and the tolerated variants &lt;TYPE_N&gt;,
 * [TYPE_N] and bare TYPE_N between non-word bytes, TYPE in any case. Unknown or malformed placeholders
 * are left verbatim and counted. *out is caller-owned (sanctum_free; wiped on free). */
sanctum_status sanctum_session_restore_text(sanctum_session *session, const uint8_t *ptr, size_t len,
                                            uint8_t **out, size_t *out_len, sanctum_error *err);

/* Restores every scan string of a whole response document (splice writer). Values restored into tool
 * arguments that are not parsed JSON are JSON-string-escaped. */
sanctum_status sanctum_session_restore_response(sanctum_session *session, int32_t format, const uint8_t *ptr,
                                                size_t len, uint8_t **out, size_t *out_len, sanctum_error *err);

/* Copies the session's counters into *out (out->struct_size must be at least this version's). */
sanctum_status sanctum_session_get_stats(const sanctum_session *session, sanctum_session_stats *out);

/* Seals the session's mapping with XChaCha20-Poly1305 under a 32-byte key (key_len must be 32): a
 * versioned header (magic "SCTMVLT", version 1, random nonce) authenticated with the ciphertext. *out is
 * caller-owned (sanctum_free). Errors: SANCTUM_E_INVALID_ARG, SANCTUM_E_NOMEM. */
sanctum_status sanctum_session_seal(const sanctum_session *session, const uint8_t *key, size_t key_len,
                                    uint8_t **out, size_t *out_len, sanctum_error *err);

/* Opens a sealed mapping into a new restore-only session (no detector). Errors: SANCTUM_E_PARSE (not a
 * sanctum vault file), SANCTUM_E_UNSUPPORTED (another version), SANCTUM_E_TAMPERED (wrong key or the
 * file was modified), SANCTUM_E_LIMIT, SANCTUM_E_NOMEM, SANCTUM_E_INVALID_ARG. */
sanctum_status sanctum_session_open_sealed(sanctum_session **out, sanctum_ctx *ctx, const uint8_t *key,
                                           size_t key_len, const uint8_t *ptr, size_t len, sanctum_error *err);

/* Restores a server-sent-event stream (OpenAI chunks, Anthropic events, Responses events) given in
 * arbitrary chunks. Events are handled once complete; text that might still become a placeholder with
 * the next delta of the same field is held back and goes out at the front of that field's next event,
 * or in a copy of the field's last event (carrying only the held text) sent before the first event
 * that does not continue the field, or at finish. The concatenated output does not depend on the
 * chunking. Events whose data the chat parser refuses (not JSON, invalid UTF-8) are restored as text
 * (values JSON-escaped when the data starts like JSON), as sanctum_session_restore_text would. The
 * restorer borrows the session (counters are added to it); single-threaded; freed with sanctum_free. */
typedef struct sanctum_stream_restorer sanctum_stream_restorer;

sanctum_status sanctum_stream_restorer_new(sanctum_stream_restorer **out, sanctum_session *session, int32_t format,
                                           sanctum_error *err);

/* Feeds ptr[0..len); *out (caller-owned, possibly empty) receives the bytes now complete. An incomplete
 * event larger than the context's max_input_bytes is SANCTUM_E_LIMIT. After an error the restorer
 * refuses further calls (SANCTUM_E_STATE). */
sanctum_status sanctum_stream_restorer_feed(sanctum_stream_restorer *r, const uint8_t *ptr, size_t len,
                                            uint8_t **out, size_t *out_len, sanctum_error *err);

/* Ends the stream: handles a last event without its blank line and flushes held text. */
sanctum_status sanctum_stream_restorer_finish(sanctum_stream_restorer *r, uint8_t **out, size_t *out_len,
                                              sanctum_error *err);

/* ===== Pattern recognizers (core/src/pattern) ===== */

/* A set of caller-given regular expressions (PCRE2, UTF-8 and Unicode properties on) matched over text
 * the way Python's re.finditer does: per pattern, left to right, non-overlapping, empty matches skipped.
 * After an empty match the same place is tried again for a non-empty one, as finditer does. Used for
 * ad-hoc recognizers (docs/presidio.md). Each regex is compiled under limits: at most 4096
 * bytes, 256 patterns per set, a match limit per call (sanctum_pattern_set_new), so hostile patterns
 * cost bounded time. Adding is single-threaded; once built, any number of threads may match at once. */
typedef struct sanctum_pattern_set sanctum_pattern_set;

/* Flags of sanctum_pattern_set_add (Python's re.IGNORECASE, re.MULTILINE, re.DOTALL). */
typedef enum sanctum_pattern_flags {
    SANCTUM_PATTERN_CASELESS = 1,
    SANCTUM_PATTERN_MULTILINE = 2,
    SANCTUM_PATTERN_DOTALL = 4
} sanctum_pattern_flags;

/* One match: byte offsets [start, end) into the text, and the index of its pattern (order of adding). */
typedef struct sanctum_pattern_match {
    uint32_t pattern;
    uint32_t reserved;
    uint64_t start;
    uint64_t end;
} sanctum_pattern_match;

/* The matches of one text, sorted by pattern then start. One block: free it with sanctum_free (wiped:
 * the offsets locate personal data). truncated is 1 when max_matches was reached. */
typedef struct sanctum_pattern_matches {
    uint32_t struct_size;
    uint32_t truncated;
    uint64_t count;
    const sanctum_pattern_match *matches;
} sanctum_pattern_matches;

/* Creates an empty set. match_limit bounds each PCRE2 match call (0 = the default 1000000; at most
 * 4294967295). Caller owns *out (sanctum_free). Errors: SANCTUM_E_INVALID_ARG, SANCTUM_E_NOMEM. */
sanctum_status sanctum_pattern_set_new(sanctum_pattern_set **out, sanctum_ctx *ctx, uint64_t match_limit,
                                       sanctum_error *err);

/* Compiles regex[0..len) (UTF-8) with flags and appends it. Errors: SANCTUM_E_PARSE (offset of the
 * problem in the regex, PCRE2's reason in the message), SANCTUM_E_UTF8, SANCTUM_E_LIMIT (longer than
 * 4096 bytes, more than 256 patterns), SANCTUM_E_INVALID_ARG (unknown flag, empty regex), SANCTUM_E_NOMEM.
 * On error the set is unchanged. */
sanctum_status sanctum_pattern_set_add(sanctum_pattern_set *set, const uint8_t *regex, size_t len, uint32_t flags,
                                       sanctum_error *err);

/* Number of patterns in the set. */
uint32_t sanctum_pattern_set_count(const sanctum_pattern_set *set);

/* Matches every pattern over text[0..len) (UTF-8, at most the context's max_input_bytes). max_matches
 * bounds the result (0 = 10000). Caller owns *out (sanctum_free). Errors: SANCTUM_E_UTF8 (offset of the
 * first invalid byte), SANCTUM_E_LIMIT (text too long, or a pattern exceeded the match limit: no partial
 * result), SANCTUM_E_INVALID_ARG, SANCTUM_E_NOMEM. */
sanctum_status sanctum_pattern_set_match(const sanctum_pattern_set *set, const uint8_t *text, size_t len,
                                         uint32_t max_matches, sanctum_pattern_matches **out, sanctum_error *err);

/* ===== Token-pattern scanner (core/src/scan) ===== */

/* A compiled rule set (built-in rules, custom rules or both) plus options. Immutable once built: one
 * scanner may be used by many threads at once (each call allocates its own match state from the
 * scanner's context). Rules format, limits and the built-in set: docs/scan.md. */
typedef struct sanctum_scanner sanctum_scanner;

/* Bits of sanctum_scan_options.flags. */
typedef enum sanctum_scan_flag {
    SANCTUM_SCAN_NO_BUILTIN = 1,   /* use only the custom rules given to sanctum_scanner_new */
    SANCTUM_SCAN_NO_INLINE_ALLOW = 2 /* ignore "sanctum:allow" comments */
} sanctum_scan_flag;

typedef struct sanctum_scan_options {
    uint32_t struct_size;      /* sizeof(sanctum_scan_options), set by _init */
    uint32_t flags;            /* sanctum_scan_flag bits; default 0 */
    uint32_t redact_keep;      /* leading characters of a secret kept in its redacted form; default 4,
                                  never more than a quarter of the secret */
    uint32_t max_findings;     /* per buffer; more are dropped and the result says truncated; default 10000 */
    uint64_t match_limit;      /* PCRE2 match limit per regex call (bounds time on hostile input);
                                  default 1000000 */
    const uint8_t *fingerprint_key; /* 16..64 bytes keying BLAKE2b fingerprints; copied. NULL = no
                                  fingerprints (empty strings) */
    size_t fingerprint_key_len;
} sanctum_scan_options;

/* One finding. Offsets are byte offsets into the scanned buffer; line and column are 1-based, the
 * column counted in Unicode code points (bytes of invalid UTF-8 count one each). */
typedef struct sanctum_scan_finding {
    const char *rule_id;       /* NUL-terminated, owned by the result */
    const char *description;   /* NUL-terminated, owned by the result */
    const char *fingerprint;   /* 64 lower-case hex chars of keyed BLAKE2b-256(rule id, 0, secret), or "" */
    const char *redacted;      /* printable ASCII: the first characters of the secret then "*****" */
    uint64_t offset;           /* whole match */
    uint64_t length;
    uint64_t secret_offset;    /* the secret inside it */
    uint64_t secret_length;
    uint64_t line;             /* of secret_offset */
    uint64_t column;
    uint64_t end_line;         /* of the last byte of the secret */
    uint64_t end_column;       /* one past the last code point of the secret */
    uint32_t rule_index;       /* index into the scanner's rules */
    uint32_t reserved;
} sanctum_scan_finding;

/* The findings of one buffer, in order of secret_offset. One block: free it with sanctum_free (it is
 * wiped: redacted forms hold the first characters of secrets). */
typedef struct sanctum_scan_result {
    uint32_t struct_size;
    uint32_t truncated;        /* 1 when max_findings was reached */
    uint64_t count;
    uint64_t incomplete;       /* regex calls stopped by the match limit (their region was skipped) */
    const sanctum_scan_finding *findings;
} sanctum_scan_result;

/* Fills opts with the defaults. */
void sanctum_scan_options_init(sanctum_scan_options *opts);

/* Builds a scanner from the built-in rules (unless SANCTUM_SCAN_NO_BUILTIN) followed by the custom
 * rules text rules[0..rules_len) (may be empty). A rules error gives SANCTUM_E_PARSE, E_LIMIT or
 * E_EXISTS (duplicate id) with the byte offset in the custom text and "rules line L column C: what
 * was expected" in the message. opts may be NULL for the defaults. Caller owns *out (sanctum_free).
 * The scanner keeps ctx: free the scanner before the context. Thread-safe. */
sanctum_status sanctum_scanner_new(sanctum_scanner **out, sanctum_ctx *ctx, const sanctum_scan_options *opts,
                                   const uint8_t *rules, size_t rules_len, sanctum_error *err);

/* Number of rules, and the id / description of rule i (borrowed from the scanner; NULL when i is out
 * of range). Thread-safe. */
uint32_t sanctum_scanner_rule_count(const sanctum_scanner *scanner);
const char *sanctum_scanner_rule_id(const sanctum_scanner *scanner, uint32_t index);
const char *sanctum_scanner_rule_description(const sanctum_scanner *scanner, uint32_t index);

/* Scans buf[0..len) (any bytes; at most the context's max_input_bytes). path[0..path_len) labels the
 * buffer for path allow rules (may be empty). Caller owns *out (sanctum_free). Thread-safe: many
 * threads may scan with one scanner. Errors: E_INVALID_ARG, E_LIMIT, E_NOMEM. */
sanctum_status sanctum_scan_buffer(const sanctum_scanner *scanner, sanctum_scan_result **out,
                                   const uint8_t *buf, size_t len, const uint8_t *path, size_t path_len,
                                   sanctum_error *err);

/* True (1) when the scanner's path allow rules exclude path[0..path_len) entirely. Thread-safe. */
int32_t sanctum_scanner_path_allowed(const sanctum_scanner *scanner, const uint8_t *path, size_t path_len);

/* Report writers: text, JSON lines and SARIF 2.1.0, reusable by every front end. */
typedef enum sanctum_scan_format {
    SANCTUM_SCAN_FORMAT_TEXT = 0,
    SANCTUM_SCAN_FORMAT_JSONL = 1,
    SANCTUM_SCAN_FORMAT_SARIF = 2
} sanctum_scan_format;

typedef enum sanctum_scan_report_flag {
    SANCTUM_SCAN_REPORT_NO_REDACT = 1  /* write the full secret instead of the redacted form */
} sanctum_scan_report_flag;

typedef struct sanctum_scan_report sanctum_scan_report;

/* A report being written. baseline[0..baseline_len) is an earlier report of ours (JSON lines or SARIF)
 * or a list of fingerprints one per line; findings whose fingerprint it holds are left out (made with
 * a different fingerprint key, it suppresses nothing). Caller owns *out (sanctum_free); it borrows the
 * scanner. Single-threaded. */
sanctum_status sanctum_scan_report_new(sanctum_scan_report **out, const sanctum_scanner *scanner,
                                       int32_t format, uint32_t flags, const uint8_t *baseline,
                                       size_t baseline_len, sanctum_error *err);

/* Adds the findings of one buffer: res from sanctum_scan_buffer over buf[0..len) and the file name
 * to report (UTF-8, '/'-separated, relative to the scanned root). Returns the number of findings
 * added (those not in the baseline) through *added (may be NULL). */
sanctum_status sanctum_scan_report_add(sanctum_scan_report *report, const sanctum_scan_result *res,
                                       const uint8_t *buf, size_t len, const uint8_t *file, size_t file_len,
                                       uint64_t *added, sanctum_error *err);

/* As sanctum_scan_report_add, for a file as it stood in a git commit (history scanning): commit is
 * the commit id in hex (40 or 64 digits), author_time its author date (Unix seconds, UTC). Text adds
 * "(commit <12 digits> <date>)", JSON lines "commit" and "author_date", SARIF the result's
 * properties and the commit in the run's versionControlProvenance (with the repository URI set by
 * sanctum_scan_report_set_repository). E_INVALID_ARG for a malformed commit id. */
sanctum_status sanctum_scan_report_add_commit(sanctum_scan_report *report, const sanctum_scan_result *res,
                                              const uint8_t *buf, size_t len, const uint8_t *file, size_t file_len,
                                              const uint8_t *commit, size_t commit_len, int64_t author_time,
                                              uint64_t *added, sanctum_error *err);

/* The repository URI SARIF's versionControlProvenance names (printable ASCII, at most 4096 bytes, no
 * quotes or backslashes; e.g. file:///srv/repo). Without it, SARIF has no versionControlProvenance. */
sanctum_status sanctum_scan_report_set_repository(sanctum_scan_report *report, const uint8_t *uri, size_t uri_len,
                                                  sanctum_error *err);

/* Moves the report text written so far into a new buffer *out (caller owns, sanctum_free; wiped on
 * free) of *out_len bytes. With final != 0 the report is closed (SARIF's closing brackets) and later
 * adds fail with E_STATE. Text and JSON lines come out as they are added; SARIF only when final. */
sanctum_status sanctum_scan_report_take(sanctum_scan_report *report, int32_t final, uint8_t **out,
                                        size_t *out_len, sanctum_error *err);

/* Gitignore-style path matcher (the walker's excludes). patterns: gitignore syntax, one per line
 * ('#' comments, '!' negation, trailing '/' for directories, leading or inner '/' anchors, '*', '?',
 * '[...]', '**'). Caller owns *out (sanctum_free). Immutable once built: thread-safe. */
typedef struct sanctum_scan_ignore sanctum_scan_ignore;
sanctum_status sanctum_scan_ignore_new(sanctum_scan_ignore **out, sanctum_ctx *ctx, const uint8_t *patterns,
                                       size_t len, sanctum_error *err);
/* Adds more patterns (later ones win, as in gitignore). Not thread-safe with matching. */
sanctum_status sanctum_scan_ignore_add(sanctum_scan_ignore *ignore, const uint8_t *patterns, size_t len,
                                       sanctum_error *err);
/* 1 when path (relative, '/'-separated) is ignored, else 0. is_dir says whether it names a directory. */
int32_t sanctum_scan_ignore_match(const sanctum_scan_ignore *ignore, const uint8_t *path, size_t len,
                                  int32_t is_dir);
/* Matching is bounded: a pattern that cannot decide a path within its step budget (about 1 M steps, or
 * 64 x (pattern + path length) when larger), or all patterns within 16 M steps for one path (or 16 x
 * (patterns' bytes + path length)), leaves that path not ignored (it is scanned); a pattern past its own
 * budget is not tried again on paths as long. Only long wildcard runs against long paths reach it.
 * Returns the source of the latest such pattern (0 = the patterns given to sanctum_scan_ignore_new,
 * n = those of the n-th sanctum_scan_ignore_add call after it), or -1 when none ran out. */
int64_t sanctum_scan_ignore_undecided(const sanctum_scan_ignore *ignore);

/* ===== Secret-age ledger (core/src/ledger) ===== */

/* A SQLite record of tracked secrets (never their values): where each lives, how old it is, its
 * rotation policy, and a tamper-evident audit trail (every change appends an event whose keyed
 * BLAKE2b MAC chains the previous one; a keyed anchor over (head, count) catches deleted newest
 * events). Times in this ABI are int64 Unix seconds, UTC. docs/ledger.md has the details.
 *
 * A sanctum_ledger handle is single-threaded: use one per thread (or per process); SQLite's locking
 * (WAL, busy timeout, BEGIN IMMEDIATE) makes concurrent writers from several handles safe. */
typedef struct sanctum_ledger sanctum_ledger;

/* Length in bytes of the ledger key and of a fingerprint / MAC (function forms for bindings). */
uint32_t sanctum_ledger_key_bytes(void);          /* 32 */
uint32_t sanctum_ledger_fingerprint_bytes(void);  /* 32 */

typedef enum sanctum_ledger_open_flags {
    SANCTUM_LEDGER_CREATE = 1,      /* create the database (and the key file) when missing */
    SANCTUM_LEDGER_FIXED_NOW = 2,   /* use options.now instead of the clock ("--now", tests) */
    SANCTUM_LEDGER_READ_ONLY = 4    /* open the database read-only (check, show, verify) */
} sanctum_ledger_open_flags;

/* Options for sanctum_ledger_open; call sanctum_ledger_options_init first. Byte strings are
 * (ptr, len), not NUL-terminated. */
typedef struct sanctum_ledger_options {
    uint32_t struct_size;
    uint32_t flags;                 /* sanctum_ledger_open_flags */
    const uint8_t *path;            /* database file; ":memory:" for a private in-memory ledger */
    size_t path_len;
    const uint8_t *key;             /* the 32-byte ledger key, or NULL to read key_path */
    size_t key_len;
    const uint8_t *key_path;        /* NULL: path + ".key" beside the database */
    size_t key_path_len;
    uint32_t busy_timeout_ms;       /* default 5000 */
    uint32_t reserved;
    int64_t now;                    /* with SANCTUM_LEDGER_FIXED_NOW */
} sanctum_ledger_options;

typedef enum sanctum_ledger_method {
    SANCTUM_LEDGER_MANUAL = 0,
    SANCTUM_LEDGER_API = 1
} sanctum_ledger_method;

typedef enum sanctum_ledger_state {
    SANCTUM_LEDGER_ACTIVE = 0,
    SANCTUM_LEDGER_RETIRED = 1
} sanctum_ledger_state;

/* A new secret for sanctum_ledger_add; call sanctum_ledger_spec_init first. Text fields are UTF-8
 * without control characters (locations: one per line, '\n'-separated), at most 256 bytes each
 * (notes and locations 4096). value, when given, is only fingerprinted, never stored. */
typedef struct sanctum_ledger_spec {
    uint32_t struct_size;
    uint32_t max_age_days;          /* required, 1..36500 */
    uint32_t auto_rotate_days;      /* 0 = none, else 1..36500 */
    uint32_t due_soon_days;         /* warning window before max age / expiry; default 14 */
    uint32_t method;                /* sanctum_ledger_method */
    uint32_t reserved;
    int64_t created_at;             /* 0 = now */
    int64_t expires_at;             /* hard expiry; 0 = none */
    const uint8_t *name; size_t name_len;
    const uint8_t *provider; size_t provider_len;
    const uint8_t *kind; size_t kind_len;
    const uint8_t *locations; size_t locations_len;
    const uint8_t *owner; size_t owner_len;
    const uint8_t *notes; size_t notes_len;
    const uint8_t *value; size_t value_len;
} sanctum_ledger_spec;

/* One secret as stored. Strings are NUL-terminated UTF-8 owned by the enclosing list. */
typedef struct sanctum_ledger_secret {
    int64_t id;
    const char *name;
    const char *provider;
    const char *kind;
    const char *locations;          /* '\n'-separated */
    const char *owner;
    const char *notes;
    int64_t created_at;
    int64_t rotated_at;
    int64_t expires_at;             /* 0 = none */
    uint32_t max_age_days;
    uint32_t auto_rotate_days;      /* 0 = none */
    uint32_t due_soon_days;
    uint32_t method;                /* sanctum_ledger_method */
    uint32_t state;                 /* sanctum_ledger_state */
    uint32_t has_fingerprint;
    uint64_t rotations;
    uint8_t fingerprint[32];
} sanctum_ledger_secret;

typedef struct sanctum_ledger_secret_list {
    uint64_t count;
    sanctum_ledger_secret *items;
} sanctum_ledger_secret_list;

typedef enum sanctum_ledger_check_flags {
    SANCTUM_LEDGER_OVERDUE = 1,          /* past rotated_at + max_age_days */
    SANCTUM_LEDGER_EXPIRED = 2,          /* past expires_at */
    SANCTUM_LEDGER_DUE_SOON = 4,         /* within due_soon_days of max age or expiry */
    SANCTUM_LEDGER_AUTO_ROTATE_DUE = 8   /* past rotated_at + auto_rotate_days */
} sanctum_ledger_check_flags;

/* One active secret that needs attention. Days are whole days (floor). */
typedef struct sanctum_ledger_check_item {
    const char *name;
    const char *provider;
    const char *owner;
    uint32_t flags;                 /* sanctum_ledger_check_flags */
    uint32_t method;
    int64_t rotated_at;
    int64_t due_at;                 /* rotated_at + max_age_days */
    int64_t auto_rotate_at;         /* 0 = no auto-rotation */
    int64_t expires_at;             /* 0 = none */
    int64_t age_days;
    int64_t days_over;              /* days past due_at (or past expiry, whichever is more); 0 if not */
    int64_t days_left;              /* days until the earlier of due_at / expires_at; <0 when past */
} sanctum_ledger_check_item;

typedef struct sanctum_ledger_report {
    int64_t now;
    uint64_t active;                /* active secrets examined */
    uint64_t overdue;               /* with OVERDUE or EXPIRED */
    uint64_t expired;
    uint64_t due_soon;
    uint64_t auto_rotate_due;
    uint64_t count;                 /* items: every active secret with a flag, most overdue first */
    sanctum_ledger_check_item *items;
} sanctum_ledger_report;

/* One audit event. before/after are canonical JSON of the secret's non-secret fields ("" for none). */
typedef struct sanctum_ledger_event {
    uint64_t seq;
    int64_t at;
    const char *actor;
    const char *action;             /* "add", "rotate", "retire" */
    const char *secret;
    const char *before;
    const char *after;
    uint8_t mac[32];
} sanctum_ledger_event;

typedef struct sanctum_ledger_event_list {
    uint64_t count;
    sanctum_ledger_event *items;
} sanctum_ledger_event_list;

typedef enum sanctum_ledger_problem {
    SANCTUM_LEDGER_INTACT = 0,
    SANCTUM_LEDGER_BAD_MAC = 1,          /* an event's content or position was changed */
    SANCTUM_LEDGER_BROKEN_LINK = 2,      /* prev does not name the event before */
    SANCTUM_LEDGER_MISSING_EVENT = 3,    /* a gap in seq, or events after the anchor's count gone */
    SANCTUM_LEDGER_BAD_ANCHOR = 4,       /* anchor missing, forged, or not matching the chain */
    SANCTUM_LEDGER_STATE_MISMATCH = 5,   /* the secrets table differs from a replay of the events */
    SANCTUM_LEDGER_BAD_SEQUENCE = 6,     /* an event's before does not follow from the previous one */
    SANCTUM_LEDGER_UNEXPECTED_HEAD = 7   /* differs from the caller's expected (count, head) */
} sanctum_ledger_problem;

/* Result of sanctum_ledger_verify. Caller-owned; set struct_size to sizeof or 0. */
typedef struct sanctum_ledger_verify_report {
    uint32_t struct_size;
    uint32_t problem;               /* sanctum_ledger_problem of the first break found */
    uint64_t events;                /* events present */
    uint64_t first_bad_seq;         /* seq of the first bad event; 0 when intact or not an event */
    uint8_t head[32];               /* MAC of the newest event (zero when there is none) */
    char message[200];              /* names the break by seq and what is wrong; never a value */
} sanctum_ledger_verify_report;

void sanctum_ledger_options_init(sanctum_ledger_options *opts);
void sanctum_ledger_spec_init(sanctum_ledger_spec *spec);

/* Writes 32 fresh random bytes to path (created 0600, refusing to overwrite). For the CLI's key file. */
sanctum_status sanctum_ledger_keygen(const uint8_t *path, size_t path_len, sanctum_error *err);

/* Opens (and with SANCTUM_LEDGER_CREATE creates, including a new 0600 key file when no key is given
 * and none exists) a ledger, applying pending schema migrations. Refuses a file of another
 * application, a newer schema, a corrupt file or a wrong key with a clear error. The key is copied
 * into wiped, locked memory. Caller owns *out (sanctum_free). ctx must outlive it.
 * Errors: INVALID_ARG, NOMEM, IO, DB, UNSUPPORTED (newer schema / foreign file), CRYPTO (wrong key). */
sanctum_status sanctum_ledger_open(sanctum_ledger **out, sanctum_ctx *ctx, const sanctum_ledger_options *opts,
                                   sanctum_error *err);

/* Adds a secret and its "add" event in one transaction. actor: who (free text, may be empty).
 * Errors: INVALID_ARG, LIMIT, UTF8, EXISTS, DB, NOMEM. */
sanctum_status sanctum_ledger_add(sanctum_ledger *ledger, const sanctum_ledger_spec *spec,
                                  const uint8_t *actor, size_t actor_len, sanctum_error *err);

/* Records a rotation at `at` (0 = now): rotated_at = at, rotations + 1, and the fingerprint becomes
 * that of value (value NULL and len 0: the fingerprint is cleared, the old one being stale).
 * Errors: INVALID_ARG, NOT_FOUND, STATE (retired), DB, NOMEM. */
sanctum_status sanctum_ledger_rotate(sanctum_ledger *ledger, const uint8_t *name, size_t name_len, int64_t at,
                                     const uint8_t *value, size_t value_len, const uint8_t *actor,
                                     size_t actor_len, sanctum_error *err);

/* Marks a secret retired (kept with its history). Errors: NOT_FOUND, STATE (already retired), DB. */
sanctum_status sanctum_ledger_retire(sanctum_ledger *ledger, const uint8_t *name, size_t name_len,
                                     const uint8_t *actor, size_t actor_len, sanctum_error *err);

/* One secret by name (a list of one). Caller owns *out. Errors: NOT_FOUND, DB, NOMEM. */
sanctum_status sanctum_ledger_show(sanctum_ledger_secret_list **out, sanctum_ledger *ledger,
                                   const uint8_t *name, size_t name_len, sanctum_error *err);

/* Every secret by name; retired ones only with include_retired. Caller owns *out. */
sanctum_status sanctum_ledger_list(sanctum_ledger_secret_list **out, sanctum_ledger *ledger,
                                   uint32_t include_retired, sanctum_error *err);

/* The age check at `now` (0 = the ledger's now). Caller owns *out. */
sanctum_status sanctum_ledger_check(sanctum_ledger_report **out, sanctum_ledger *ledger, int64_t now,
                                    sanctum_error *err);

/* Events in seq order, all or those of one secret (name NULL for all). Caller owns *out. */
sanctum_status sanctum_ledger_audit_log(sanctum_ledger_event_list **out, sanctum_ledger *ledger,
                                        const uint8_t *name, size_t name_len, sanctum_error *err);

/* Verifies the chain, the anchor and the replay of events against the secrets table. expected_head
 * (32 bytes, or NULL) with expected_count: a (count, head) recorded earlier outside the database;
 * the chain must still contain it. Fills *out in every case. Returns OK when intact,
 * SANCTUM_E_TAMPERED (err names the first bad event) when not, other codes when it cannot check. */
sanctum_status sanctum_ledger_verify(sanctum_ledger_verify_report *out, sanctum_ledger *ledger,
                                     uint64_t expected_count, const uint8_t *expected_head,
                                     sanctum_error *err);

/* Batches: between batch_begin and batch_commit every write joins one BEGIN IMMEDIATE transaction
 * (one fsync for the lot); each write still is all-or-nothing on its own (a savepoint), so a failed
 * call inside a batch leaves the rest of the batch intact. batch_rollback drops the whole batch.
 * Errors: STATE (batch already open / none open), DB. */
sanctum_status sanctum_ledger_batch_begin(sanctum_ledger *ledger, sanctum_error *err);
sanctum_status sanctum_ledger_batch_commit(sanctum_ledger *ledger, sanctum_error *err);
sanctum_status sanctum_ledger_batch_rollback(sanctum_ledger *ledger, sanctum_error *err);

/* The keyed fingerprint of a value under this ledger's key, into out[32]. No allocation. */
sanctum_status sanctum_ledger_fingerprint(uint8_t *out, size_t out_len, const sanctum_ledger *ledger,
                                          const uint8_t *value, size_t value_len, sanctum_error *err);

/* Secrets (active and retired) whose current fingerprint equals fingerprint[32]; count may be 0.
 * Caller owns *out. */
sanctum_status sanctum_ledger_match(sanctum_ledger_secret_list **out, sanctum_ledger *ledger,
                                    const uint8_t *fingerprint, size_t fingerprint_len, sanctum_error *err);

/* Parses an RFC 3339 time ("2026-03-01T12:00:00Z", offsets like "+02:00", optional fraction that is
 * dropped; also a bare date "2026-03-01" meaning midnight UTC) into Unix seconds.
 * Errors: SANCTUM_E_PARSE with the offset of the first bad byte. */
sanctum_status sanctum_ledger_parse_time(int64_t *out, const uint8_t *text, size_t len, sanctum_error *err);

/* Formats t as "YYYY-MM-DDTHH:MM:SSZ" into buf (at least 21 bytes with the NUL). Years 0..9999 only.
 * Errors: BUFFER_TOO_SMALL, INVALID_ARG (out of range). */
sanctum_status sanctum_ledger_format_time(char *buf, size_t buf_len, int64_t t, sanctum_error *err);

/* @cdef-end */

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* SANCTUM_H */
