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

/* Answers that are a pure function of a word's bytes, for the words met before in the same text ("The",
 * "Thanks", "SELECT" come back line after line), by a hash of the bytes: a slot holds the offset + 1 of an earlier
 * occurrence (valid when its bit in used is set), compared byte for byte. Positions only, no copy of the text; per detect call, beside the
 * scan. */
enum { PII_WORD_MEMO = 256 };
typedef struct pii_word_memo {
    uint64_t used[PII_WORD_MEMO / 64]; /* slots written in this call: only these are cleared per call, not 6 KiB */
    size_t at[PII_WORD_MEMO];
    uint8_t len[PII_WORD_MEMO];
    int val[PII_WORD_MEMO];
} pii_word_memo;
typedef struct pii_flags_memo {
    pii_word_memo flags; /* pii_name_flags_at */
    pii_word_memo cls;   /* pii_word_class_at */
    pii_word_memo lower; /* pii_lower_name_flags */
} pii_flags_memo;

/* The lines above a table row that its cells look up for their header (table_column.c): the walk depends on the
 * row only, so it is made once per row and each cell reads its own column in the lines kept. */
enum { PII_TABLE_LINES_UP = 12 };
typedef struct pii_table_memo {
    const uint8_t *s;          /* the text it was made over (NULL: empty) */
    size_t ls, cells;          /* the row: its line's start and how many cells */
    uint8_t sep;               /* the row's separator */
    uint8_t other;             /* the separator of the line that ends the walk, 0 when none does */
    unsigned char count;       /* lines above of the row's shape, nearest first */
    size_t l[PII_TABLE_LINES_UP], e[PII_TABLE_LINES_UP]; /* those lines, then the one that ends the walk */
    /* the last cell asked about and its answer: the SSN and the bank recognizer ask for the same number */
    const uint8_t *last_s;
    size_t last_start, last_end, last_hs, last_he;
    bool last_found;
} pii_table_memo;

typedef struct pii_scan {
    const sanctum_detector *det;
    const uint8_t *s;
    size_t n;
    pii_cand *c;
    size_t count, cap;
    bool oom;
    bool explain;       /* keep suppressed candidates (score 0, SANCTUM_EV_SUPPRESSED) for the report */
    size_t byte_scan;   /* candidates of the byte scan, in text order; the native-digit pass appends its own after */
    size_t pre_person;  /* candidates found before the PERSON pass: two runs in text order, [0, byte_scan) and on */
    bool wide_seps;     /* the number parser joins groups across runs of up to 3 spaces, tabs or dashes */
    pii_before_memo *before_memo; /* NULL: pii_context_before computes every time */
    pii_flags_memo *flags_memo;   /* NULL: pii_name_flags_at and pii_word_class_at compute every time */
    size_t first_high;            /* no byte >= 0x80 before this offset (0: not known) */
    /* Memos of the PERSON pass (zero: empty), so that a rule asked again for each unit of a long row does
     * not read the row again each time (a 1 MiB row of one unit took minutes). All positions are offsets
     * into s, which the PERSON pass does not change. */
    size_t mrz_ws, mrz_a, mrz_q; /* the last MRZ name field refused: word at mrz_ws, read over [mrz_a, mrz_q) */
    struct {
        size_t at, end; /* position + 1 (0: empty), and the name's end there (0: none) */
    } cjk_role_memo[32];          /* names after a role noun chained by 和, by position (person_cjk_roles.c) */
    pii_table_memo table_memo;    /* the lines above the last table row looked up (table_column.c) */
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
/* The character whose first byte is s[lead] (>= 0x80) ends a number as a space does: CJK and Thai text, quote
 * marks and dashes of any language ("«", "“", "」"), sentence signs of other scripts (numbers.c). */
bool pii_number_boundary(const uint8_t *s, size_t n, size_t lead);

/* Round 15: the byte length of the punctuation character that starts at s[i] (0: none, or not punctuation).
 * Quotes and marks that end a value as ASCII punctuation does, though their bytes are >= 0x80: the no-break
 * space, ¡ « · » ¿ (U+00A0-00BF), general punctuation U+2000-205F (“ ” „ ‘ ’ ‹ › — …), CJK punctuation
 * U+3000-303F (、。「」『』【】) and the full-width ASCII punctuation ！＂＃（），：；＜＞？ etc. Letters of any
 * script are no punctuation. */
static inline size_t pii_punct_len(const uint8_t *s, size_t n, size_t i)
{
    if (i + 1 >= n || s[i] < 0xC2)
        return 0;
    uint8_t a = s[i], b = s[i + 1];
    if (a == 0xC2)
        return (b == 0xA0 || b == 0xA1 || b == 0xAB || b == 0xB7 || b == 0xBB || b == 0xBF) ? 2 : 0;
    if (i + 2 >= n)
        return 0;
    uint8_t c = s[i + 2];
    if (a == 0xE2 && b == 0x80) /* but the invisible format characters U+200B-200F and U+202A-202E, which the
                                   * text cleaner reads inside a value ("ja<ZWJ>ne@example.org") */
        return (c >= 0x8B && c <= 0x8F) || (c >= 0xAA && c <= 0xAE) ? 0 : 3;
    if (a == 0xE2 && b == 0x81 && c < 0xA0)
        return 3;
    if (a == 0xE3 && b == 0x80 && c < 0xC0)
        return 3;
    if (a == 0xEF && b == 0xBC) /* U+FF00-FF3F: full-width ! to / (but the digits), : to @, [ to ` */
        return ((c >= 0x81 && c <= 0x8F) || (c >= 0x9A && c <= 0xA0) || (c >= 0xBB && c <= 0xBF)) ? 3 : 0;
    if (a == 0xEF && b == 0xBD) /* U+FF40-FF7F: full-width { | } ~ and the half-width CJK marks */
        return ((c >= 0x9B && c <= 0xA5) || c == 0x80) ? 3 : 0;
    return 0;
}

/* The byte length of the punctuation character that ends just before s[i] (0: none). */
static inline size_t pii_punct_before(const uint8_t *s, size_t n, size_t i)
{
    if (i < 2 || s[i - 1] < 0x80)
        return 0;
    size_t k = (s[i - 2] & 0xC0) != 0x80 ? i - 2 : i >= 3 ? i - 3 : 0;
    size_t l = pii_punct_len(s, n, k);
    return k + l == i ? l : 0;
}

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

/* The header cell [*hs, *he) of the table column whose cell [start, end) fills (CSV/TSV, psql or Markdown
 * rows; a COPY column list over tab-separated rows): true when found within 12 lines above. */
bool pii_table_header(pii_scan *sc, size_t start, size_t end, size_t *hs, size_t *he);

/* The precision rules shared by every recognizer: true when [start, end) sits inside a URL, a file
 * path, an SSH remote, a UUID, a hex hash or a code identifier. Sets *why to a short rule name. */
bool pii_in_code(const pii_scan *sc, size_t start, size_t end, const char **why);
/* A capitalized chat mention ("@Femi"): the "@" starts a word and a capital follows it. */
bool pii_mention_start(const uint8_t *s, size_t n, size_t start);

/* The line around [start, end) as [*lo, *hi): at most reach bytes each way, never past a '\n' (a window
 * edge may fall inside a word). */
void pii_line_bounds(const uint8_t *s, size_t n, size_t start, size_t end, size_t reach, size_t *lo, size_t *hi);
/* Whether the line around [start, end) (at most 160 bytes each way) holds, outside [start, end), an ASCII-letter
 * word `is` takes: a line about fiction, about a match. */
bool pii_line_has_word(const uint8_t *s, size_t n, size_t start, size_t end, bool (*is)(const uint8_t *, size_t));
/* The same, and with skip_domains a word inside a domain or an address ("example" of "example.com") is
 * not read. */
bool pii_line_has_word_ex(const uint8_t *s, size_t n, size_t start, size_t end, bool (*is)(const uint8_t *, size_t),
                          bool skip_domains);
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
/* The address starting at ls is the value of a message-identifier field (Message-ID, In-Reply-To,
 * References with its folded lines, Content-ID, iCalendar UID; a JSON key "message_id", "internetMessageId"):
 * it names a message, not a mailbox (mail_fields.c). */
bool pii_mail_id_field(const uint8_t *s, size_t n, size_t ls);
/* start opens the value of a sender or recipient header line in any of the languages mail clients write
 * ("From:", "Von:", "Кому:", "من:", "מאת:"; a quoted "> From:" too) (mail_fields.c). */
bool pii_mail_value_start(const uint8_t *s, size_t n, size_t start);
/* at: '[', '(' or '{' of a bracketed "[at]" ("jane[at]example[dot]com"). */
void pii_rec_email_obfuscated(pii_scan *sc, size_t at);
/* Whether the ASCII word w[0..l) names "@" when an address is said aloud: "at", "arroba", "arobase",
 * "chiocciola", "Klammeraffe" (rec_email_spoken.c). */
bool pii_email_at_word(const uint8_t *w, size_t l);
/* An address said aloud around the at-word [w, w + wl) ("jane dot roe at gmail dot com"). */
void pii_rec_email_spoken(pii_scan *sc, size_t w, size_t wl);
void pii_rec_phone_nanp(pii_scan *sc, const pii_number *num);
void pii_rec_phone_intl(pii_scan *sc, const pii_number *num);
/* Numbers said in words (spoken_words.c, read by rec_spoken.c): a digit (zero/oh ... nine in English, Spanish,
 * French, German, Italian, Portuguese, Dutch, Polish, Turkish, Indonesian, Vietnamese), a teen (10-19), tens
 * (20-90), tens with their unit in one word ("dreiundzwanzig", "ventitré"), hundreds ("quinientos"), the
 * multiplier "hundred"/"cent", "double"/"triple" before a digit (value 2, 3), or a word that joins tens and a
 * unit ("treinta y cuatro"). */
enum { PII_NW_DIGIT = 1, PII_NW_TEEN, PII_NW_TENS, PII_NW_TENS_UNIT, PII_NW_HUNDREDS, PII_NW_HUNDRED,
       PII_NW_REPEAT, PII_NW_JOIN };
typedef struct pii_nword {
    uint8_t kind;
    int16_t value;
} pii_nword;
/* The word w[0..n) (ASCII any case; other bytes as written in lower case). */
bool pii_number_word(const uint8_t *w, size_t n, pii_nword *out);
/* Whether a Cyrillic word (w[0..n), lower case) may be one of those number words, by its first two letters. */
bool pii_cyrillic_number_start(const uint8_t *w, size_t n);
/* Builds the gate's tables below (once; the detector calls it before its scan). */
void pii_spoken_index(void);
extern uint32_t pii_spoken_one_high, pii_spoken_pair_ascii[26 * 26], pii_spoken_pair_high[26 * 26];
/* Bits (pii_spoken_ascii_hash) of every ASCII number word a run may start with, compounds included: a word of
 * ASCII letters only that passes the pair test but is no number word ("three" passes, "think" mostly not) leaves
 * on one more load instead of the hash table's probe. */
extern uint64_t pii_spoken_ascii_words[64];
static inline uint32_t pii_spoken_ascii_hash(const uint8_t *w, size_t n)
{
    uint32_t h = (uint32_t)n;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint32_t)(w[i] | 0x20)) * 0x9E3779B1u;
    return h >> 20; /* 12 bits */
}
/* Whether a word (its ASCII letters w[0..n), then the byte `next`) may start a number said in words, by its
 * first two letters and its length (of the ASCII head, when a letter such as é or ố follows): the cheap test
 * every word of the text passes first ("the", "on", "be" fail it). */
static inline bool pii_maybe_digit_word(const uint8_t *w, size_t n, uint8_t next)
{
    uint32_t c = (uint32_t)((w[0] | 0x20) - 'a');
    if (c >= 26 || n > 31)
        return false;
    if (n == 1)
        return next >= 0x80 && (pii_spoken_one_high >> c & 1u) != 0;
    uint32_t c2 = (uint32_t)((w[1] | 0x20) - 'a');
    if (c2 >= 26)
        return false;
    if (next >= 0x80)
        return (pii_spoken_pair_high[c * 26 + c2] >> n & 1u) != 0;
    if ((pii_spoken_pair_ascii[c * 26 + c2] >> n & 1u) == 0)
        return false;
    uint32_t h = pii_spoken_ascii_hash(w, n);
    return (pii_spoken_ascii_words[h >> 6] >> (h & 63) & 1u) != 0;
}
/* pii_maybe_digit_word of a word known to be ASCII letters only (the byte dispatch's words): the same answer
 * without the tests of its first two bytes. */
static inline bool pii_maybe_digit_letters(const uint8_t *w, size_t n, uint8_t next)
{
    if (n > 31)
        return false;
    uint32_t c = (uint32_t)((w[0] | 0x20) - 'a');
    if (n == 1)
        return next >= 0x80 && (pii_spoken_one_high >> c & 1u) != 0;
    uint32_t pair = c * 26 + (uint32_t)((w[1] | 0x20) - 'a');
    if (next >= 0x80)
        return (pii_spoken_pair_high[pair] >> n & 1u) != 0;
    if ((pii_spoken_pair_ascii[pair] >> n & 1u) == 0)
        return false;
    uint32_t h = pii_spoken_ascii_hash(w, n);
    return (pii_spoken_ascii_words[h >> 6] >> (h & 63) & 1u) != 0;
}
/* Whether s[i] may start such a run: a single digit before a space, comma or dash, or a digit word, at a
 * word start. */
bool pii_spoken_may_start(const uint8_t *s, size_t n, size_t i);
/* A phone number, SSN or card said digit by digit at s[i], after its context word: adds it and returns the
 * index past it, or returns i. *skip is where to go on (past the number, or to the last token of a run that is
 * none, so its tails are not read again). */
size_t pii_rec_spoken(pii_scan *sc, size_t i, size_t *skip);
/* At a Cyrillic letter or a CJK/Hangul character: a number said in Cyrillic words or CJK digits that starts
 * there (pii_rec_spoken); returns the offset to go on from (> i). */
size_t pii_spoken_high(pii_scan *sc, size_t i);
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
/* After the PERSON pass: nine digits in the cell right after a person's name in a record row (rec_ssn.c). */
void pii_ssn_record_rows(pii_scan *sc);
void pii_rec_bank(pii_scan *sc, const pii_number *num);
/* The IBAN registry (iban_formats.c, generated): country, IBAN length, BBAN structure ("4n4n12c"). */
typedef struct pii_iban_format {
    char cc[3];
    uint8_t len;
    const char *bban;
} pii_iban_format;
extern const pii_iban_format PII_IBAN_FORMATS[];
extern const size_t PII_IBAN_FORMAT_COUNT;
/* Whether b[0..m) (upper case, no spaces) is an IBAN: a country of the registry, its length and BBAN structure,
 * and the mod-97 check. */
bool pii_iban_valid(const uint8_t *b, size_t m);
/* Tries an IBAN at s[i] (two letters then two digits); returns the index past it or i. */
size_t pii_rec_iban(pii_scan *sc, size_t i);
/* Numbers in the digits of other scripts (native_digits.c): each run of them is scanned by `scan` in a copy
 * with ASCII digits, between the text around it; what is found in the run is added on the original bytes. */
void pii_native_digits(pii_scan *sc, void (*scan)(pii_scan *));
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

/* The first byte >= 0x80 at or after s[i] (n if none): 32 bytes at a time, then eight, chat text being nearly
 * all ASCII (the UTF-8 check, the invisible-character, native-digit and CJK passes read each text so). */
static inline size_t pii_skip_ascii(const uint8_t *s, size_t i, size_t n)
{
    const uint64_t high = 0x8080808080808080u;
    while (i + 32 <= n) {
        uint64_t a, b, c, d;
        memcpy(&a, s + i, 8);
        memcpy(&b, s + i + 8, 8);
        memcpy(&c, s + i + 16, 8);
        memcpy(&d, s + i + 24, 8);
        if (((a | b | c | d) & high) != 0)
            break;
        i += 32;
    }
    while (i + 8 <= n) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if ((x & high) != 0)
            break;
        i += 8;
    }
    while (i < n && s[i] < 0x80)
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
#if defined(__GNUC__)
    /* a literal's length is known once inlined: most words leave on the length alone, not in the loop */
    if (__builtin_constant_p(__builtin_strlen(w)) && __builtin_strlen(w) != n)
        return false;
#endif
    size_t i = 0;
    for (; i < n; i++) {
        if (w[i] == '\0' || pii_lower(a[i]) != (uint8_t)w[i])
            return false;
    }
    return w[i] == '\0';
}

#endif
