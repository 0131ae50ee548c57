/* Internals of the anonymize/restore mapper (core/src/mapper). */
#ifndef SANCTUM_MAPPER_H
#define SANCTUM_MAPPER_H

#include "../internal.h"

/* ---- a growable byte buffer in wiped (secret) memory ---- */
typedef struct sc_buf {
    sanctum_ctx *ctx;
    uint8_t *p;
    size_t len, cap;
} sc_buf;

void sc_buf_init(sc_buf *b, sanctum_ctx *ctx);
bool sc_buf_reserve(sc_buf *b, size_t extra);
bool sc_buf_put(sc_buf *b, const void *src, size_t n);
void sc_buf_free(sc_buf *b);
/* Hands the buffer out as a caller-owned block (never NULL on success: an empty block for n = 0). */
bool sc_buf_take(sc_buf *b, uint8_t **out, size_t *out_len);

/* ---- the value store ---- */
enum { SC_KEY_VALUE = 'V', SC_KEY_LITERAL = 'L' };

typedef struct sc_vault_entry {
    uint32_t type, number;
    uint8_t kind; /* SC_KEY_VALUE or SC_KEY_LITERAL */
    size_t val_off, val_len, key_off, key_len;
    uint64_t hash;
} sc_vault_entry;

typedef struct sc_vault {
    sanctum_ctx *ctx;
    uint8_t *arena; /* values and keys, secret */
    size_t arena_len, arena_cap;
    sc_vault_entry *ent; /* secret */
    size_t n, cap;
    uint32_t *slots; /* open addressing: entry index + 1, 0 = empty */
    size_t nslots;
    uint32_t *by_type[SANCTUM_ENTITY_COUNT]; /* entry index of number k+1 */
    uint32_t count[SANCTUM_ENTITY_COUNT];
    uint32_t cap_type[SANCTUM_ENTITY_COUNT];
    uint8_t hash_key[16]; /* SipHash key of the index, random per vault: slots cannot be aimed at */
} sc_vault;

typedef struct sc_vault_mark {
    size_t n, arena_len;
    uint32_t count[SANCTUM_ENTITY_COUNT];
} sc_vault_mark;

void sc_vault_init(sc_vault *v, sanctum_ctx *ctx);
void sc_vault_free(sc_vault *v);
/* Finds or adds the value; *number is its placeholder number and *variant is set when an existing
 * entry was found under a different spelling. SANCTUM_E_NOMEM / SANCTUM_E_LIMIT on failure. */
sanctum_status sc_vault_intern(sc_vault *v, uint32_t type, uint8_t kind, const uint8_t *val, size_t len,
                               uint32_t *number, bool *variant, sanctum_error *err);
/* The value of placeholder (type, number), or NULL when this vault did not issue it. */
const uint8_t *sc_vault_value(const sc_vault *v, uint32_t type, uint32_t number, size_t *len);
void sc_vault_mark_get(const sc_vault *v, sc_vault_mark *m);
void sc_vault_rollback(sc_vault *v, const sc_vault_mark *m);

/* ---- session ---- */
struct sanctum_session {
    sanctum_ctx *ctx;
    const sanctum_detector *det;
    const sanctum_identities *ids; /* borrowed, may be NULL */
    bool scrub_system;
    bool refuse_lone;
    sc_vault vault;
    sanctum_session_stats stats;
};

/* A span to replace: [start, end) of type, a detected value or a placeholder-looking literal. */
typedef struct aspan {
    size_t start, end;
    uint32_t type;
    uint8_t kind;
} aspan;
bool sc_aspan_grow(sanctum_ctx *ctx, aspan **v, size_t *cap, size_t need);

/* fields.c: the detector's entities in p[0..n) as spans appended to *v. key_type >= 0 (the value sits
 * under a JSON key naming that type) is passed to the detector as preceding context words, and a value
 * shaped like that type as a whole (a name, a phone, 9 SSN digits ...) becomes one span of it. */
sanctum_status sc_detect_spans(sanctum_session *s, const uint8_t *p, size_t n, int32_t key_type, aspan **v,
                               size_t *nv, size_t *cap, sanctum_error *err);

/* identities.c: every known-identity match in p[0..n), appended to *v. */
sanctum_status sc_identities_spans(const sanctum_identities *ids, sanctum_ctx *ctx, const uint8_t *p, size_t n,
                                   aspan **v, size_t *nv, size_t *cap, sanctum_error *err);

typedef struct sc_anon_opts {
    int32_t key_type;     /* entity type named by the value's JSON key, or -1 */
    bool number;          /* a JSON number: replaced whole or not at all */
    bool identities_only; /* system text without scrub_system: only known identities (and placeholder-
                             looking literals) are replaced */
} sc_anon_opts;
sanctum_status sc_anon_text_ex(sanctum_session *s, const uint8_t *p, size_t n, const sc_anon_opts *o, sc_buf *out,
                               bool *changed, sanctum_error *err);

/* The chat walk flags a session's documents are opened with, anonymize and restore alike (lone
 * surrogates, system text). */
uint32_t sc_session_chat_flags(const sanctum_session *s);

/* Canonical type names ("PERSON", ...). */
const char *sc_type_name(uint32_t type, size_t *len);

/* Anonymizes one text into out (appended). */
sanctum_status sc_anon_text(sanctum_session *s, const uint8_t *p, size_t n, sc_buf *out, bool *changed,
                            sanctum_error *err);
/* The same for a participant name field: an identifier-shaped person name is replaced whole. */
sanctum_status sc_anon_name_field(sanctum_session *s, const uint8_t *p, size_t n, sc_buf *out, bool *changed,
                                  sanctum_error *err);

/* Tolerant restore of t[0..n) appended to out. prev_word: the byte before t[0] was a word byte. When
 * open, stops at the first position whose outcome depends on bytes not yet seen and stores it in
 * *consumed (else *consumed = n). json_escape: t is JSON text: values are written JSON-string-escaped,
 * and placeholders written with \u003c and \u003e escapes are read too. */
sanctum_status sc_restore_text(sanctum_session *s, const uint8_t *t, size_t n, bool prev_word, bool open,
                               bool json_escape, sc_buf *out, size_t *consumed, bool *changed,
                               sanctum_error *err);
bool sc_is_word_byte(uint8_t c);

#endif
