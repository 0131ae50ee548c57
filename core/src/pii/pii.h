/* Internal interface of the PII detector: the detector object, per-call scan state, candidates, and
 * the helpers the recognizers share. One recognizer per rec_*.c file. */
#ifndef SANCTUM_PII_H
#define SANCTUM_PII_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"

#define PII_MAX_TERMS 4096u
#define PII_MAX_TERM_BYTES 256u

typedef struct pii_term {
    uint8_t *text;      /* the term, ASCII-lower-cased (SC_ALLOC_SECRET) */
    size_t len;
    uint8_t *norm;      /* digits/letters only, upper-cased, for numeric deny terms (or NULL) */
    size_t norm_len;
    int32_t type;       /* entity type (deny terms) */
} pii_term;

struct sanctum_detector {
    sanctum_ctx *ctx;
    uint16_t deny_bucket[257];  /* deny terms sorted by first byte: bucket b is [bucket[b], bucket[b+1]) */
    double threshold;
    uint32_t entities;
    pii_term *allow;
    size_t allow_count;
    pii_term *deny;
    size_t deny_count;
};

typedef struct pii_cand {
    size_t start, end;
    double score;
    uint32_t evidence;
    int32_t type;
    int32_t rec;
} pii_cand;

/* The last answer of pii_context_before (a pure function of the text and the position, asked for the same
 * word by several PERSON steps in a row). Per detect call: it lives beside the scan, never in a static. */
typedef struct pii_before_memo {
    const uint8_t *s; /* the text it was computed over (NULL: empty) */
    size_t n, start;
    int strength;
    bool accepts_unknown;
} pii_before_memo;

typedef struct pii_scan {
    const sanctum_detector *det;
    const uint8_t *s;
    size_t n;
    pii_cand *c;
    size_t count, cap;
    bool oom;
    bool explain;       /* keep suppressed candidates (score 0, SANCTUM_EV_SUPPRESSED) for the report */
    size_t pre_person;  /* candidates found before the PERSON pass (in text order) */
    bool wide_seps;     /* the number parser joins groups across runs of up to 3 spaces, tabs or dashes */
    pii_before_memo *before_memo; /* NULL: pii_context_before computes every time */
    size_t first_high;            /* no byte >= 0x80 before this offset (0: not known) */
    /* Memos of the PERSON pass (zero: empty), so that a rule asked again for each unit of a long row does
     * not read the row again each time (a 1 MiB row of one unit took minutes). All positions are offsets
     * into s, which the PERSON pass does not change. */
    size_t mrz_ws, mrz_a, mrz_q; /* the last MRZ name field refused: word at mrz_ws, read over [mrz_a, mrz_q) */
    struct {
        size_t at, end; /* position + 1 (0: empty), and the name's end there (0: none) */
    } cjk_role_memo[32];          /* names after a role noun chained by 和, by position (person_cjk_roles.c) */
} pii_scan;

/* Adds a candidate (score clamped to [0, 1]). Sets sc->oom on allocation failure. */
void pii_add(pii_scan *sc, int32_t type, int32_t rec, size_t start, size_t end, double score,
             uint32_t evidence);
/* In explain mode, records a candidate a precision rule dropped (score 0). */
void pii_suppress(pii_scan *sc, int32_t type, int32_t rec, size_t start, size_t end, uint32_t evidence);
static inline bool pii_enabled(const pii_scan *sc, int32_t type)
{
    return (sc->det->entities & (1u << (uint32_t)type)) != 0;
}

/* ---- character classes (text.c) ---- */
static inline bool pii_is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static inline bool pii_is_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
static inline bool pii_is_lower(uint8_t c) { return c >= 'a' && c <= 'z'; }
static inline bool pii_is_alpha(uint8_t c) { return pii_is_upper(c) || pii_is_lower(c); }
static inline bool pii_is_alnum(uint8_t c) { return pii_is_alpha(c) || pii_is_digit(c); }
/* Keeps a rarely taken step out of a hot byte loop: inlined, its code crowds the loop's registers. */
#if defined(__GNUC__)
#define PII_NOINLINE __attribute__((noinline))
#else
#define PII_NOINLINE
#endif

/* c is one of the bytes of set (never the terminating 0): strchr without a library call, on hot paths. */
static inline bool pii_in_chars(const char *set, uint8_t c)
{
    for (; *set != '\0'; set++)
        if ((uint8_t)*set == c)
            return true;
    return false;
}
static inline uint8_t pii_lower(uint8_t c) { return pii_is_upper(c) ? (uint8_t)(c + 32) : c; }
static inline bool pii_is_space(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
/* A word byte: ASCII letter/digit, '_' or any byte of a non-ASCII sequence. */
static inline bool pii_is_wordish(uint8_t c) { return pii_is_alnum(c) || c == '_' || c >= 0x80; }

/* Context words: a list of NUL-terminated lower-case words; an entry ending in '*' matches as a
 * prefix. Looks at up to max_words words within max_bytes before `pos` (before == true) or after it.
 * Returns true when one matches. The list must have static storage (a file-scope array, never a block's
 * compound literal): it is indexed by first letter on its first use and found again by its address. */
bool pii_context(const pii_scan *sc, size_t pos, bool before, unsigned max_words, size_t max_bytes,
                 const char *const *words);
/* The same for a word list indexed by first byte (ASCII lower case): by_byte[b] lists the words that start
 * with b (or is NULL). For long lists consulted for every candidate. */
bool pii_context_by_byte(const pii_scan *sc, size_t pos, bool before, unsigned max_words, size_t max_bytes,
                         const char *const *const *by_byte);

/* The precision rules shared by every recognizer: true when [start, end) sits inside a URL, a file
 * path, an SSH remote, a UUID, a hex hash or a code identifier. Sets *why to a short rule name. */
bool pii_in_code(const pii_scan *sc, size_t start, size_t end, const char **why);
/* A capitalized chat mention ("@Femi"): the "@" starts a word and a capital follows it. */
bool pii_mention_start(const uint8_t *s, size_t n, size_t start);

/* Order/tracking/reference words just before a number (the "#" sign included). */
bool pii_negative_context(const pii_scan *sc, size_t start, size_t end);

/* Invisible format characters (no-break spaces and every Unicode Cf character: zero-width spaces, bidi
 * marks and embeddings, BOM, soft hyphen, tags) act as spaces for the
 * number and e-mail recognizers: they scan a copy of the text in which each such character became one
 * space and PII_FILLER bytes (only filler beside another space), so offsets stay those of the text.
 * *out is NULL when the text has none; else an SC_ALLOC_SECRET copy for the caller to sc_free. `from`:
 * the first byte that may start one (s[0..from) is known to be ASCII); 0 when unknown. */
#define PII_FILLER ((uint8_t)0x01)
sanctum_status pii_blank_format_chars(sanctum_ctx *ctx, const uint8_t *s, size_t n, size_t from, uint8_t **out);

/* ---- numbers (numbers.c) ---- */
#define PII_MAX_GROUPS 16
typedef struct pii_group {
    size_t start, end;  /* digits only */
    uint8_t sep;        /* separator before this group: 0 (first), ' ', '-', '.', '/', ')' for "(...) " */
} pii_group;

typedef struct pii_number {
    size_t start, end;  /* whole cluster, '+' and parentheses included */
    bool plus;          /* a '+' (or "00") international prefix before the first group */
    bool paren;         /* the first group is in parentheses */
    size_t ngroups;
    pii_group g[PII_MAX_GROUPS];
} pii_number;

/* Parses the digit cluster starting at s[i] (a digit, '+' or '('). Returns the index just past the
 * cluster (> i) and fills *num; num->ngroups == 0 when the cluster is not a standalone number
 * (glued to letters, part of an IP, a version, a date or a decimal). */
size_t pii_number_parse(const pii_scan *sc, size_t i, pii_number *num);

/* Whether a card may run on past the cluster ending at `next` (a run of up to 3 spaces, tabs or dashes, then
 * a digit) or mixes spaces and dashes: worth a second parse with sc->wide_seps for the card reader. */
bool pii_number_wide_follows(const pii_scan *sc, const pii_number *num, size_t next);

/* Copies the digits of groups [g0, g0 + k) into out (at most cap); returns how many. */
size_t pii_number_digits(const pii_scan *sc, const pii_number *num, size_t g0, size_t k, uint8_t *out,
                         size_t cap);

/* ---- recognizers ---- */
extern const char *const *const PII_PHONE_WORDS[256]; /* phone, tel, mobile, call ... by first byte */
extern const char *const PII_NUMBER_WORDS[]; /* number, no ... (only without an order/ticket word) */
/* at: the "@" (atlen 1) or a URL-encoded "%40" (atlen 3). */
void pii_rec_email(pii_scan *sc, size_t at, size_t atlen);
/* at: '[', '(' or '{' of a bracketed "[at]" ("jane[at]example[dot]com"). */
void pii_rec_email_obfuscated(pii_scan *sc, size_t at);
void pii_rec_phone_nanp(pii_scan *sc, const pii_number *num);
void pii_rec_phone_intl(pii_scan *sc, const pii_number *num);
/* Numbers said digit by digit (rec_spoken.c). The digit a word names (zero/oh, one ... nine; cero ...
 * nueve; zéro ... neuf; null ... neun; any case), -2 for "double", -3 for "triple", or -1. */
int pii_digit_word(const uint8_t *w, size_t n);
/* Whether a word (its ASCII letters w[0..n), then the byte `next`) may be one of those digit words, by its
 * first two letters and its length: the cheap test every word of the text passes first. Kept beside the word
 * table of rec_spoken.c; the round 7 tests say every word of every language. */
static inline bool pii_maybe_digit_word(const uint8_t *w, size_t n, uint8_t next)
{
#define L(c) (1u << ((c) - 'a'))
    static const uint32_t SECOND[26] = {
        ['a' - 'a'] = L('c'), ['c' - 'a'] = L('e') | L('i') | L('u'), ['d' - 'a'] = L('o') | L('e') | L('r'),
        ['e' - 'a'] = L('i'), ['f' - 'a'] = L('o') | L('i'), ['h' - 'a'] = L('u'),
        ['n' - 'a'] = L('i') | L('u') | L('e'), ['o' - 'a'] = L('h') | L('n') | L('c'), ['q' - 'a'] = L('u'),
        ['s' - 'a'] = L('i') | L('e'), ['t' - 'a'] = L('w') | L('h') | L('r'), ['u' - 'a'] = L('n'),
        ['v' - 'a'] = L('i'), ['z' - 'a'] = L('e') | L('w')};
#undef L
    /* word lengths by first letter (bit n); bit 1: one letter before "é"/"ü" (zéro, fünf) */
    static const uint8_t LENGTHS[26] = {
        ['a' - 'a'] = 1u << 4, ['c' - 'a'] = 7u << 4, ['d' - 'a'] = 3u << 3 | 1u << 6, ['e' - 'a'] = 3u << 4,
        ['f' - 'a'] = 1u << 4 | 1u << 1, ['h' - 'a'] = 1u << 4, ['n' - 'a'] = 3u << 4, ['o' - 'a'] = 7u << 2,
        ['q' - 'a'] = 1u << 6, ['s' - 'a'] = 15u << 3, ['t' - 'a'] = 15u << 3, ['u' - 'a'] = 3u << 2,
        ['v' - 'a'] = 1u << 4, ['z' - 'a'] = 3u << 3 | 1u << 1};
    uint8_t c = (uint8_t)((w[0] | 0x20) - 'a');
    if (c >= 26 || n > 6 || (LENGTHS[c] >> n & 1u) == 0)
        return false;
    if (n == 1)
        return next == 0xC3;
    uint8_t c2 = (uint8_t)((w[1] | 0x20) - 'a');
    return c2 < 26 && (SECOND[c] >> c2 & 1u) != 0;
}
/* Whether s[i] may start such a run: a single digit before a space, comma or dash, or a digit word, at a
 * word start. */
bool pii_spoken_may_start(const uint8_t *s, size_t n, size_t i);
/* A phone number, SSN or card said digit by digit at s[i], after its context word: adds it and returns the
 * index past it, or returns i. *skip is where to go on (past the number, or to the last token of a run that is
 * none, so its tails are not read again). */
size_t pii_rec_spoken(pii_scan *sc, size_t i, size_t *skip);
/* Adds a phone candidate after the shared precision rules and context scoring (rec_phone_intl.c). */
void pii_phone_add(pii_scan *sc, int32_t rec, size_t start, size_t end, double score, uint32_t ev);
/* A link that carries an E.164 number without '+' right before s[start] (wa.me/, ?phone=). */
bool pii_phone_link(const pii_scan *sc, size_t start);
/* A phone word proper (not "number") before or after [start, end), CJK runs included. */
bool pii_phone_word_near(const pii_scan *sc, size_t start, size_t end);
/* National forms without "+CC", from a table of countries' written forms (rec_phone_national.c). */
void pii_phone_national(pii_scan *sc, const pii_number *num);
void pii_rec_card(pii_scan *sc, const pii_number *num);
/* Card words (card, credit, visa, cvv ...), and whether 12-19 digits fit an issuer and pass Luhn. */
extern const char *const PII_CARD_WORDS[];
bool pii_card_digits_ok(const uint8_t *d, size_t n);
void pii_rec_ssn(pii_scan *sc, const pii_number *num);
void pii_rec_bank(pii_scan *sc, const pii_number *num);
/* The IBAN registry (iban_formats.c, generated): country, IBAN length, BBAN structure ("4n4n12c"). */
typedef struct pii_iban_format {
    char cc[3];
    uint8_t len;
    const char *bban;
} pii_iban_format;
extern const pii_iban_format PII_IBAN_FORMATS[];
extern const size_t PII_IBAN_FORMAT_COUNT;
/* Tries an IBAN at s[i] (two letters then two digits); returns the index past it or i. */
size_t pii_rec_iban(pii_scan *sc, size_t i);
void pii_rec_person(pii_scan *sc);
void pii_rec_deny(pii_scan *sc);

/* ---- resolution (resolve.c) ---- */
/* Applies deny/allow lists, then keeps candidates >= threshold, resolves overlaps (higher score,
 * then longer, then lower type value wins) and sorts by start. Moves the losers to the end of the
 * array and returns how many winners lead it. */
size_t pii_resolve(pii_scan *sc);

/* The end of the run of ASCII letters (lower_only: lower-case letters) that starts at s[i]. Eight bytes at
 * a time where the byte order allows: a word then ends in one step, and the loop's exit is no longer a
 * branch the processor mispredicts once per word (a byte outside the class is found by its flag;
 * carries from bytes >= 0x80 reach only later bytes). */
static inline size_t pii_letters_end(const uint8_t *s, size_t i, size_t n, bool lower_only)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    while (i + 8 <= n) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t y = lower_only ? x : (x | 0x20u * ones);
        uint64_t ge_a = y + 0x1Fu * ones; /* high bit: byte >= 'a' */
        uint64_t gt_z = y + 0x05u * ones; /* high bit: byte > 'z' */
        uint64_t bad = (~ge_a | gt_z | x) & high;
        if (bad != 0)
            return i + (size_t)(__builtin_ctzll(bad) >> 3);
        i += 8;
    }
#endif
    while (i < n && (lower_only ? pii_is_lower(s[i]) : pii_is_alpha(s[i])))
        i++;
    return i;
}

/* Runs init once for all threads (look-up indexes built from the static word lists on first use; a
 * detector is used from many threads at once). Zero-initialised: static pii_once o = PII_ONCE_INIT. */
typedef struct pii_once {
    atomic_int done;
    atomic_flag busy;
} pii_once;
#define PII_ONCE_INIT {0, ATOMIC_FLAG_INIT}
void pii_run_once_slow(pii_once *o, void (*init)(void));
static inline void pii_run_once(pii_once *o, void (*init)(void))
{
    if (!atomic_load_explicit(&o->done, memory_order_acquire))
        pii_run_once_slow(o, init);
}

/* Lower-case ASCII compare of a[0..n) with the NUL-terminated lower-case word w. Inline: the recognizers
 * call it tens of times per word with literal words. */
static inline bool pii_word_eq(const uint8_t *a, size_t n, const char *w)
{
    size_t i = 0;
    for (; i < n; i++) {
        if (w[i] == '\0' || pii_lower(a[i]) != (uint8_t)w[i])
            return false;
    }
    return w[i] == '\0';
}

#endif
