/* Numbers said one digit at a time, as voice-assistant and voicemail transcripts and dictation write them:
 * "0 9 0, 1 2 3 4, 5 6 7 8", "two one two, five five five, oh one four seven", "four four one, two two,
 * eight nine three seven", "null eins sieben ...". A run is single digits or digit words (English, Spanish,
 * French, German; "double"/"triple" repeat the next one), with up to three spaces, commas or dashes between.
 *
 * The rule is bounded on purpose: a run is only a number after a word that says what it is, and only as a
 * number that the digits make:
 *   - PHONE_NUMBER: a valid NANP number (10 digits, or 11 after "1") or a trunk-0 national number of 10 or
 *     11 digits ("090 1234 5678"), after a phone word within six words or "number" right before: 0.75;
 *   - US_SSN: nine digits the SSA issues, after an SSN word within six words ("my social is ..."): 0.75;
 *   - CREDIT_CARD: 13 to 19 digits that fit an issuer and pass Luhn, after a card word within six words: 0.75.
 * A run of more than 19 digits, one digit repeated, a count (each digit one more or one less than the last)
 * or single digits each set off by a comma ("3, 4, 5, ...": a list) is no number. */
#include "pii.h"

#define SPOKEN_MAX 19
#define REPEAT2 (-2) /* "double" */
#define REPEAT3 (-3) /* "triple" */

typedef struct digit_word {
    const char *w;
    int8_t v;
    uint8_t len; /* bytes of w */
} digit_word;

/* By first letter; é and ü as UTF-8. */
#define DW(...) (const digit_word[]){__VA_ARGS__, {NULL, 0, 0}}
static const digit_word *const WORDS[26] = {
    ['a' - 'a'] = DW({"acht", 8, 4}),
    ['c' - 'a'] = DW({"cero", 0, 4}, {"cinco", 5, 5}, {"cuatro", 4, 6}, {"cinq", 5, 4}),
    ['d' - 'a'] = DW({"dos", 2, 3}, {"deux", 2, 4}, {"drei", 3, 4}, {"double", REPEAT2, 6}),
    ['e' - 'a'] = DW({"eight", 8, 5}, {"eins", 1, 4}),
    ['f' - 'a'] = DW({"four", 4, 4}, {"five", 5, 4}, {"f\xc3\xbc" "nf", 5, 5}),
    ['h' - 'a'] = DW({"huit", 8, 4}),
    ['n' - 'a'] = DW({"nine", 9, 4}, {"nueve", 9, 5}, {"neuf", 9, 4}, {"null", 0, 4}, {"neun", 9, 4}),
    ['o' - 'a'] = DW({"oh", 0, 2}, {"one", 1, 3}, {"ocho", 8, 4}),
    ['q' - 'a'] = DW({"quatre", 4, 6}),
    ['s' - 'a'] = DW({"six", 6, 3}, {"seven", 7, 5}, {"seis", 6, 4}, {"siete", 7, 5}, {"sept", 7, 4},
                     {"sechs", 6, 5}, {"sieben", 7, 6}),
    ['t' - 'a'] = DW({"two", 2, 3}, {"three", 3, 5}, {"tres", 3, 4}, {"trois", 3, 5}, {"triple", REPEAT3, 6}),
    ['u' - 'a'] = DW({"uno", 1, 3}, {"un", 1, 2}),
    ['v' - 'a'] = DW({"vier", 4, 4}),
    ['z' - 'a'] = DW({"zero", 0, 4}, {"z\xc3\xa9" "ro", 0, 5}, {"zwei", 2, 4}, {"zwo", 2, 3}),
};
#undef DW

int pii_digit_word(const uint8_t *w, size_t n)
{
    if (n < 2 || n > 6 || !pii_is_alpha(w[0]))
        return -1;
    const digit_word *l = WORDS[pii_lower(w[0]) - 'a'];
    for (; l != NULL && l->w != NULL; l++)
        if (l->len == n && pii_word_eq(w, n, l->w))
            return l->v;
    return -1;
}

/* The end of the word at s[i]: ASCII letters and the two-byte Latin letters of U+00C0-U+00FF (é, ü). */
static size_t word_end(const uint8_t *s, size_t n, size_t i)
{
    while (i < n) {
        if (pii_is_alpha(s[i]))
            i++;
        else if (s[i] == 0xC3 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0xBF)
            i += 2;
        else
            break;
    }
    return i;
}

bool pii_spoken_may_start(const uint8_t *s, size_t n, size_t i)
{
    if (i > 0 && (pii_is_wordish(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '+' || s[i - 1] == '/'))
        return false;
    if (pii_is_digit(s[i]))
        return i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == ',' || s[i + 1] == '-');
    size_t e = word_end(s, n, i);
    return pii_digit_word(s + i, e - i) >= 0;
}

static bool nanp_valid(const uint8_t *d)
{
    return d[0] >= '2' && d[1] != '9' && !(d[1] == '1' && d[2] == '1') && d[3] >= '2' &&
           !(d[4] == '1' && d[5] == '1');
}

static bool phone_digits(const uint8_t *d, size_t nd)
{
    if (nd == 10 && nanp_valid(d))
        return true;
    if (nd == 11 && d[0] == '1' && nanp_valid(d + 1))
        return true;
    return (nd == 10 || nd == 11) && d[0] == '0' && d[1] != '0';
}

static bool ssn_issuable(const uint8_t *d)
{
    bool area0 = d[0] == '0' && d[1] == '0' && d[2] == '0', area6 = d[0] == '6' && d[1] == '6' && d[2] == '6';
    bool group0 = d[3] == '0' && d[4] == '0', serial0 = d[5] == '0' && d[6] == '0' && d[7] == '0' && d[8] == '0';
    return !area0 && !area6 && d[0] != '9' && !group0 && !serial0;
}

static const char *const SSN_WORDS[] = {"ssn*", "ss", "social", "security", "ssa", "taxpayer", "tin", "itin",
                                        "socsec", "sozialversicherungsnummer", NULL};

/* Reads the run at s[i] and classifies it; *skip: where the caller goes on when it is no number (the last
 * token of a run of two or more, so no tail of the run is read again as a run of its own). */
/* "The number for Gideon is six one seven ...", "the number of the plumber is ...": "number" up to six words
 * before, "is" or a colon right before the digits. */
static bool number_is(const pii_scan *sc, size_t i)
{
    static const char *const IS[] = {"is", "was", NULL};
    static const char *const NUMBER[] = {"number", "numbers", "digits", NULL};
    size_t p = i;
    while (p > 0 && i - p < 3 && sc->s[p - 1] == ' ')
        p--;
    if (p == i || p == 0)
        return false;
    return (sc->s[p - 1] == ':' || pii_context(sc, i, true, 1, 8, IS)) && pii_context(sc, i, true, 6, 56, NUMBER);
}

static size_t spoken(pii_scan *sc, size_t i, size_t *skip)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, p = i, end = i;
    uint8_t d[SPOKEN_MAX];
    size_t nd = 0, tokens = 0, commas = 0, ascii = 0;
    int repeat = 1;
    bool overflow = false;
    *skip = i;
    for (;;) {
        int v;
        size_t e;
        if (p < n && pii_is_digit(s[p])) {
            e = p + 1;
            bool decimal = e + 1 < n && (s[e] == '.' || s[e] == ',') && pii_is_digit(s[e + 1]);
            if (e < n && (pii_is_wordish(s[e]) || decimal))
                break; /* a longer number, a decimal */
            v = s[p] - '0';
            ascii++;
        } else {
            e = word_end(s, n, p);
            if (e == p || (e < n && pii_is_wordish(s[e])))
                break;
            v = pii_digit_word(s + p, e - p);
            if (v < 0 && v != REPEAT2 && v != REPEAT3)
                break;
        }
        if (tokens > 0)
            *skip = p;
        if (v < 0) {
            if (repeat > 1)
                break; /* "double triple" */
            repeat = -v;
        } else {
            for (int r = 0; r < repeat; r++) {
                if (nd == SPOKEN_MAX)
                    overflow = true; /* a longer row of digits: no number (read on to its end) */
                else
                    d[nd++] = (uint8_t)('0' + v);
            }
            repeat = 1;
            end = e;
        }
        tokens++;
        size_t r = e; /* up to three spaces, commas or dashes */
        bool comma = false;
        while (r < n && r - e < 3 && (s[r] == ' ' || s[r] == ',' || s[r] == '-' || s[r] == PII_FILLER)) {
            comma = comma || s[r] == ',';
            r++;
        }
        if (r == e || r >= n)
            break;
        commas += comma;
        p = r;
    }
    if (overflow || nd < 9 || repeat > 1 || end == i)
        return i;
    bool same = true, up = true, down = true;
    for (size_t k = 1; k < nd; k++) {
        same = same && d[k] == d[0];
        up = up && d[k] == (d[k - 1] == '9' ? '0' : d[k - 1] + 1);
        down = down && d[k] == (d[k - 1] == '0' ? '9' : d[k - 1] - 1);
    }
    if (same || up || down || (ascii == tokens && commas + 1 >= tokens))
        return i;
    const char *why;
    if (pii_in_code(sc, i, end, &why))
        return i;
    if (phone_digits(d, nd) && pii_enabled(sc, SANCTUM_ENTITY_PHONE_NUMBER) &&
        (pii_context_by_byte(sc, i, true, 6, 56, PII_PHONE_WORDS) ||
         ((pii_context(sc, i, true, 2, 24, PII_NUMBER_WORDS) || number_is(sc, i)) && !pii_negative_context(sc, i, end)))) {
        pii_add(sc, SANCTUM_ENTITY_PHONE_NUMBER, d[0] != '0' ? SANCTUM_REC_PHONE_NANP : SANCTUM_REC_PHONE_INTL,
                i, end, 0.75, SANCTUM_EV_FORMAT_WEAK | SANCTUM_EV_VALIDATOR | SANCTUM_EV_CONTEXT_BEFORE);
        return end;
    }
    if (nd >= 13 && pii_card_digits_ok(d, nd) && pii_enabled(sc, SANCTUM_ENTITY_CREDIT_CARD) &&
        pii_context(sc, i, true, 6, 56, PII_CARD_WORDS)) {
        pii_add(sc, SANCTUM_ENTITY_CREDIT_CARD, SANCTUM_REC_CREDIT_CARD, i, end, 0.75,
                SANCTUM_EV_FORMAT_WEAK | SANCTUM_EV_VALIDATOR | SANCTUM_EV_ISSUER | SANCTUM_EV_CONTEXT_BEFORE);
        return end;
    }
    if (nd == 9 && ssn_issuable(d) && pii_enabled(sc, SANCTUM_ENTITY_US_SSN) &&
        pii_context(sc, i, true, 6, 56, SSN_WORDS)) {
        pii_add(sc, SANCTUM_ENTITY_US_SSN, SANCTUM_REC_US_SSN, i, end, 0.75,
                SANCTUM_EV_FORMAT_WEAK | SANCTUM_EV_VALIDATOR | SANCTUM_EV_CONTEXT_BEFORE);
        return end;
    }
    return i;
}

size_t pii_rec_spoken(pii_scan *sc, size_t i, size_t *skip)
{
    size_t end = spoken(sc, i, skip);
    if (end > i)
        *skip = end;
    return end;
}
