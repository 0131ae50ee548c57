/* Token-pattern scanner internals: rules, prefilter, validators. Not installed. */
#ifndef SANCTUM_SCAN_INTERNAL_H
#define SANCTUM_SCAN_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "internal.h"

/* Limits of the rules format (documented in docs/scan.md). */
#define SC_SCAN_MAX_RULES 4096u
#define SC_SCAN_MAX_KEYWORDS 64u       /* per rule */
#define SC_SCAN_MAX_KEYWORD_LEN 64u
#define SC_SCAN_MAX_REGEX_LEN 4096u
#define SC_SCAN_MAX_ID_LEN 64u
#define SC_SCAN_MAX_DESC_LEN 256u
#define SC_SCAN_MAX_ALLOWS 64u         /* allow patterns per rule or in [allow] */
#define SC_SCAN_MAX_WINDOW (1u << 20)  /* largest max_length a rule may declare */
#define SC_SCAN_DEFAULT_WINDOW 512u

/* Offline validators a rule can name with `check = ...`. */
typedef enum sc_check {
    SC_CHECK_NONE = 0,
    SC_CHECK_CRC32_BASE62 = 1,   /* GitHub ghp_/gho_/ghu_/ghs_/ghr_, npm_: CRC-32 of body, base62 x6 */
    SC_CHECK_GITLAB_ROUTABLE = 2,/* GitLab routable: base36 CRC-32 of everything before it */
    SC_CHECK_AGE_BECH32 = 3,     /* AGE-SECRET-KEY-1...: Bech32 polymod */
    SC_CHECK_PGP_CRC24 = 4,      /* PGP armour: =XXXX CRC-24 of the decoded body */
    SC_CHECK_JWT = 5,            /* header and payload base64url-decode to JSON objects, alg in header */
    SC_CHECK_PEM_KEY = 6,        /* PEM body decodes to DER SEQUENCE or openssh-key-v1 */
    SC_CHECK_BASIC_AUTH = 7,     /* base64 that decodes to printable user:password */
    SC_CHECK_GENERIC = 8,        /* generic assignment value: not an identifier, hash, UUID, template */
    SC_CHECK_AWS_KEY_ID = 9,     /* AKIA/ASIA... body is base32 [A-Z2-7] */
    SC_CHECK_STRENGTH = 10,      /* framework secret by key name: length, character classes, entropy */
    SC_CHECK_COUNT = 11
} sc_check;

/* keyword_position: any = the keyword lies anywhere within `window` bytes of the match; near = the
 * match starts at most 64 bytes before the keyword's end; start = the match starts exactly where a
 * keyword starts (the regex is tried anchored there, which is the fastest). */
enum { SC_KWPOS_ANY = 0, SC_KWPOS_NEAR = 1, SC_KWPOS_START = 2 };

typedef struct sc_regex_list {
    uint32_t n;
    pcre2_code **codes;
} sc_regex_list;

typedef struct sc_rule {
    char *id;
    char *description;
    pcre2_code *code;
    pcre2_code *anchored;    /* the same pattern compiled anchored (keyword_position = start): JIT
                                does not run match-time anchoring */
    uint32_t secret_group;   /* 0 = whole match */
    uint32_t window;         /* max bytes between a keyword and either end of a match */
    uint32_t min_len, max_len; /* bounds on the secret's length (0 = none) */
    double entropy;          /* minimum Shannon entropy of the secret, bits/byte (0 = none) */
    sc_check check;
    bool generic;            /* tier: suppressed where a specific rule found the same bytes */
    bool placeholders;       /* reject placeholder-looking secrets (default true) */
    uint8_t kwpos;           /* SC_KWPOS_*: where matches lie relative to their keyword */
    uint32_t n_keywords;
    sc_regex_list allow;     /* suppress when one matches the secret */
    sc_regex_list allow_match; /* suppress when one matches the whole match */
    sc_regex_list allow_path;  /* rule does not run on paths matching one of these */
} sc_rule;

/* Aho-Corasick automaton over the case-folded keywords of every rule. */
typedef struct sc_ac {
    uint32_t n_states;
    uint32_t n_classes;          /* byte equivalence classes (bytes in no keyword share class 0) */
    uint32_t max_kw_len;         /* longest keyword */
    uint8_t byte_class[256];     /* after ASCII case folding */
    uint32_t *delta;             /* n_states * n_classes: full DFA transitions */
    uint32_t *out_start;         /* per state: first index of its slice of out_rules */
    uint32_t *out_len;           /* per state: length of that slice */
    uint32_t *out_rules;         /* rule indices whose keyword ends in that state (dict links folded) */
    uint8_t *out_kwlen;          /* parallel to out_rules: the length of that keyword */
} sc_ac;

/* Rule set being built (parser output) and then compiled. */
typedef struct sc_ruleset {
    sanctum_ctx *ctx;
    uint32_t n_rules, cap_rules;
    sc_rule *rules;
    /* keywords before the automaton is built: (rule, folded bytes) */
    uint32_t n_kw, cap_kw;
    struct sc_kw { uint32_t rule; uint32_t len; uint8_t *bytes; } *kw;
    sc_regex_list allow_path;    /* [allow] path = ... */
    sc_regex_list allow_secret;  /* [allow] secret = ... */
    uint32_t n_stop, cap_stop;   /* [allow] stopword = ... (folded) */
    struct sc_stop { uint32_t len; uint8_t *bytes; } *stop;
    bool no_jit;                 /* interpret the regexes (see sc_scanner_build) */
} sc_ruleset;

/* sanctum_scanner_new, with JIT compilation of the regexes optional: a scanner that checks a few short
 * strings (the ledger's fields) is built several times faster without it. */
sanctum_status sc_scanner_build(sanctum_scanner **out, sanctum_ctx *ctx, const sanctum_scan_options *opts,
                                const uint8_t *rules, size_t rules_len, bool jit, sanctum_error *err);

/* The allocator bridge for PCRE2. One per build or per scan: `failed` records that our allocator
 * refused, so a PCRE2 error can be reported as SANCTUM_E_NOMEM. */
typedef struct sc_pcre_mem {
    sanctum_ctx *ctx;
    bool failed;
    pcre2_general_context *gctx;
} sc_pcre_mem;

bool sc_pcre_mem_init(sc_pcre_mem *m, sanctum_ctx *ctx);
void sc_pcre_mem_fini(sc_pcre_mem *m);

/* Parses and compiles rules text into rs (appending). source_label names the text in errors
 * ("built-in rules" or "rules"). */
sanctum_status sc_rules_load(sc_ruleset *rs, sc_pcre_mem *mem, const uint8_t *text, size_t len,
                             const char *source_label, uint64_t match_limit, sanctum_error *err);
void sc_ruleset_free(sc_ruleset *rs);

/* Decoding triggers: keywords in the automaton that name no rule but tell the scan that a format with
 * base64 values may be present, so decode.c looks only at buffers that have one. Their "rule index"
 * in the automaton is SC_TRIGGER_BASE + SC_TRIGGER_*. */
#define SC_TRIGGER_BASE 0x40000000u
enum { SC_TRIGGER_K8S = 0, SC_TRIGGER_NPM = 1, SC_TRIGGER_K8S_JSON = 2 };
sanctum_status sc_rules_add_trigger(sc_ruleset *rs, const char *keyword, uint32_t trigger);

sanctum_status sc_ac_build(sc_ac *ac, sanctum_ctx *ctx, const sc_ruleset *rs, sanctum_error *err);
void sc_ac_free(sc_ac *ac);

/* Validators (validate.c). Each gets the secret bytes. */
bool sc_check_secret(sc_check kind, const uint8_t *s, size_t n);
uint32_t sc_crc32(uint32_t crc, const uint8_t *p, size_t n);
uint32_t sc_crc24(const uint8_t *p, size_t n);
double sc_entropy(const uint8_t *s, size_t n);
bool sc_looks_placeholder(const uint8_t *s, size_t n);
/* True when s carries the prefix of a checksummed format (ghp_, npm_, AGE-SECRET-KEY-1, a GitLab
 * routable token) but fails that checksum: a look-alike that generic rules must not report either. */
bool sc_failed_known_checksum(const uint8_t *s, size_t n);
const char *sc_check_name(sc_check kind);
bool sc_check_from_name(const uint8_t *s, size_t n, sc_check *out);
/* base64 (std or url alphabet, padding optional, whitespace skipped when skip_ws) into out (cap
 * bytes); returns decoded length or SIZE_MAX on a bad character. */
size_t sc_b64_decode(const uint8_t *s, size_t n, uint8_t *out, size_t cap, bool skip_ws);

/* decode.c: values the file's format declares base64 (Kubernetes Secret data:, npm _password),
 * each decoded once and handed to fn as "key: decoded\n" with the encoded value's span in buf. The
 * text is wiped after fn returns. */
typedef sanctum_status (*sc_decoded_fn)(void *arg, size_t enc_off, size_t enc_len, const uint8_t *text,
                                        size_t text_len);
sanctum_status sc_decode_values(sanctum_ctx *ctx, const uint8_t *buf, size_t len, uint32_t triggers,
                                sc_decoded_fn fn, void *arg, sanctum_error *err);

/* Built-in rules text, generated at configure time from rules/builtin.rules. */
extern const unsigned char sc_scan_builtin_rules[];
extern const size_t sc_scan_builtin_rules_len;

#endif
