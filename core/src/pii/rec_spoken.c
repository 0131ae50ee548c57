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
#include "checksum.h"
#include "pii.h"

#define SPOKEN_MAX 34 /* an IBAN read out ("D E nine eight ...": 20 to 32 digits) */

/* The end of the word at s[i]: ASCII letters, the Latin letters of the number words (U+00C0-U+024F: é, ü,
 * ę, ş, ư; U+1EA0-U+1EFF: Vietnamese ố, ả, ờ) and Cyrillic (U+0400-U+047F). */
static size_t word_end(const uint8_t *s, size_t n, size_t i)
{
    while (i < n) {
        if (pii_is_alpha(s[i]))
            i++;
        else if (((s[i] >= 0xC3 && s[i] <= 0xC9) || s[i] == 0xD0 || s[i] == 0xD1) && i + 1 < n && s[i + 1] >= 0x80 &&
                 s[i + 1] <= 0xBF)
            i += 2; /* Latin letters, Cyrillic */
        else if (s[i] == 0xE1 && i + 2 < n && (s[i + 1] == 0xBA || s[i + 1] == 0xBB) && s[i + 2] >= 0x80 &&
                 s[i + 2] <= 0xBF)
            i += 3;
        else
            break;
    }
    return i;
}

/* A digit of Chinese or Japanese (〇 零 一 ... 九, 两 兩, 幺 "one" as said in phone numbers) or Sino-Korean
 * (공 영 일 ... 구) at s[p]: its value, or -1. Three bytes each, written with no space between. */
static int cjk_digit(const uint8_t *s, size_t n, size_t p)
{
    static const struct {
        uint8_t b[3];
        int8_t v;
    } CJK[] = {{{0xE3, 0x80, 0x87}, 0}, {{0xE9, 0x9B, 0xB6}, 0}, {{0xE4, 0xB8, 0x80}, 1}, {{0xE4, 0xBA, 0x8C}, 2},
               {{0xE4, 0xB8, 0x89}, 3}, {{0xE5, 0x9B, 0x9B}, 4}, {{0xE4, 0xBA, 0x94}, 5}, {{0xE5, 0x85, 0xAD}, 6},
               {{0xE4, 0xB8, 0x83}, 7}, {{0xE5, 0x85, 0xAB}, 8}, {{0xE4, 0xB9, 0x9D}, 9}, {{0xE4, 0xB8, 0xA4}, 2},
               {{0xE5, 0x85, 0xA9}, 2}, {{0xE5, 0xB9, 0xBA}, 1}, {{0xEA, 0xB3, 0xB5}, 0}, {{0xEC, 0x98, 0x81}, 0},
               {{0xEC, 0x9D, 0xBC}, 1}, {{0xEC, 0x9D, 0xB4}, 2}, {{0xEC, 0x82, 0xBC}, 3}, {{0xEC, 0x82, 0xAC}, 4},
               {{0xEC, 0x98, 0xA4}, 5}, {{0xEC, 0x9C, 0xA1}, 6}, {{0xEC, 0xB9, 0xA0}, 7}, {{0xED, 0x8C, 0x94}, 8},
               {{0xEA, 0xB5, 0xAC}, 9}};
    /* the first two bytes of those 25 characters, as bits of (lead & 0x0F) << 6 | (second & 0x3F): most CJK
     * text is rejected by one look-up */
    static const uint64_t FIRST_TWO[16] = {
        0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000001u, 0x0700000000000000u,
        0x0200000008000020u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000008000000u,
        0x0028000000000000u, 0x0000000000000000u, 0x0200000031000004u, 0x0000000000001000u, 0x0000000000000000u,
        0x0000000000000000u};
    if (p + 3 > n || s[p] < 0xE3 || s[p] > 0xED)
        return -1;
    unsigned key = (unsigned)(s[p] & 0x0F) << 6 | (s[p + 1] & 0x3Fu);
    if ((FIRST_TWO[key >> 6] >> (key & 63) & 1u) == 0)
        return -1;
    for (size_t k = 0; k < sizeof CJK / sizeof CJK[0]; k++)
        if (s[p] == CJK[k].b[0] && s[p + 1] == CJK[k].b[1] && s[p + 2] == CJK[k].b[2])
            return CJK[k].v;
    return -1;
}

bool pii_spoken_may_start(const uint8_t *s, size_t n, size_t i)
{
    if (cjk_digit(s, n, i) >= 0)
        return !(i >= 3 && cjk_digit(s, n, i - 3) >= 0); /* CJK text glues a number to its words */
    if (i > 0 && (pii_is_wordish(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '+' || s[i - 1] == '/'))
        return false;
    if (pii_is_digit(s[i]))
        return i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == ',' || s[i + 1] == '-');
    size_t e = word_end(s, n, i);
    pii_nword w;
    return (e == n || !pii_is_wordish(s[e])) && pii_number_word(s + i, e - i, &w) && w.kind != PII_NW_JOIN &&
           w.kind != PII_NW_HUNDRED;
}

static bool nanp_valid(const uint8_t *d)
{
    return d[0] >= '2' && d[1] != '9' && !(d[1] == '1' && d[2] == '1') && d[3] >= '2' &&
           !(d[4] == '1' && d[5] == '1');
}

/* A length and prefix a national plan gives a phone: a NANP number (10 digits, or 11 after "1"), a trunk-0
 * national number of 9 to 12 digits (KH 012 345 678, DE 0151 23456789); after a phone word proper (not just
 * "number"), any 9 to 12 digits that do not start with 00 (IT 333 123 4567, ES 612 345 678). */
static bool phone_digits(const uint8_t *d, size_t nd, bool phone_word)
{
    if (nd == 10 && nanp_valid(d))
        return true;
    if (nd == 11 && d[0] == '1' && nanp_valid(d + 1))
        return true;
    if (nd == 11 && d[0] == '8' && d[1] >= '3' && d[1] != '8')
        return true; /* the trunk 8 of Russia, Kazakhstan and Belarus: 8 916 555-12-34 */
    if (nd < 9 || nd > 12)
        return false;
    return d[0] == '0' ? d[1] != '0' : phone_word;
}

/* A toll-free line said aloud ("one eight hundred ...", "zero eight hundred ..."): a business's hotline unless the
 * writer says it is theirs, below the threshold as rec_phone_intl.c scores one written in digits. */
static bool toll_free(const uint8_t *d, size_t nd)
{
    const uint8_t *a = nd == 11 && d[0] == '1' ? d + 1 : d;
    if ((nd == 10 || nd == 11) && a[0] == '8' && ((a[1] == '0' && a[2] == '0') || (a[1] == a[2] && a[1] >= '3' && a[1] <= '8')))
        return true;
    return nd >= 9 && ((d[0] == '0' && d[1] == '8' && d[2] == '0' && (d[3] == '0' || d[3] == '8')) ||
                       (d[0] == '1' && (d[1] == '8' || d[1] == '3') && d[2] == '0' && d[3] == '0'));
}

/* The dash between digit groups said as a word (English, French, Spanish, German, Italian, Portuguese). */
static const char *const SPOKEN_DASH[] = {"dash", "hyphen", "tiret", "guion", "guión", "strich", "bindestrich",
                                          "trattino", "hífen", "traço", NULL};

static bool spoken_dash(const uint8_t *w, size_t n)
{
    for (size_t k = 0; SPOKEN_DASH[k] != NULL; k++)
        if (pii_word_eq(w, n, SPOKEN_DASH[k]))
            return true;
    return false;
}

static bool ssn_issuable(const uint8_t *d)
{
    bool area0 = d[0] == '0' && d[1] == '0' && d[2] == '0', area6 = d[0] == '6' && d[1] == '6' && d[2] == '6';
    bool group0 = d[3] == '0' && d[4] == '0', serial0 = d[5] == '0' && d[6] == '0' && d[7] == '0' && d[8] == '0';
    return !area0 && !area6 && d[0] != '9' && !group0 && !serial0;
}

static const char *const SSN_WORDS[] = {"ssn*", "ss", "social", "security", "ssa", "taxpayer", "tin", "itin",
                                        "socsec", "sozialversicherungsnummer", NULL};

/* A digit or a number word (not "and") after the separators at s[e]. */
static bool number_follows(const uint8_t *s, size_t n, size_t e)
{
    size_t r = e;
    while (r < n && r - e < 3 && (s[r] == ' ' || s[r] == ',' || s[r] == '-'))
        r++;
    if (r == e || r >= n)
        return false;
    if (pii_is_digit(s[r]))
        return true;
    size_t we = word_end(s, n, r);
    pii_nword w;
    return we > r && pii_number_word(s + r, we - r, &w) && w.kind != PII_NW_JOIN;
}

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

/* "số em là ...", "mi número es el ...", "номер": the number words of the languages whose phone words
 * PII_PHONE_WORDS lacks as a word of its own. */
static const char *const NUMBER_CUES[] = {"s\xe1\xbb\x91", "sdt", "\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80*" /* номер */, "nomor", "nombor", "numara*", "numer*",
                                          "nummer*", "numero*", "n\xc3\xbamero*", "num\xc3\xa9ro*", NULL};
/* What else a number said in words is in the languages whose "number" is also a phone word ("заказ номер ...",
 * "numero d'ordine ...", "número de pedido ..."): not a phone. */
static const char *const ORDER_CUES[] = {"\xd0\xb7\xd0\xb0\xd0\xba\xd0\xb0\xd0\xb7*" /* заказ */,
                                         "\xd1\x81\xd1\x87\xd0\xb5\xd1\x82*" /* счет */,
                                         "\xd0\xb1\xd0\xb8\xd0\xbb\xd0\xb5\xd1\x82*" /* билет */,
                                         "pedido", "commande", "bestell*", "auftrag*", "ordine", "zam\xc3\xb3wieni*",
                                         "sipari\xc5\x9f", "objedn\xc3\xa1vk*", "factura", "facture", "rechnung*",
                                         "fattura", "invoice", "order", "ticket", "tracking", NULL};
static const char *const ROUTING_CUES[] = {"routing", "aba", "rtn", "transit", NULL};
static const char *const ACCOUNT_CUES[] = {"account", "acct", "acc", "konto*", "kontonummer", "cuenta", "compte",
                                           "conta", NULL};
static const char *const IBAN_CUES[] = {"iban*", NULL};

/* The digit groups a run of number words makes: "quarante-cinq" 45, "soixante-dix-huit" 78, "quatre-vingt-dix"
 * 90, "treinta y cuatro" 34, "девятьсот шестнадцать" 916 ("nine hundred sixteen"). A group takes words of
 * falling weight (hundreds, tens, a teen, a unit); a word that cannot join it starts the next group. */
typedef struct groups {
    uint8_t *d;
    size_t nd;
    bool overflow;
    int v, width, room; /* the open group: value, digits, the largest word that may still join (exclusive) */
    bool lone;          /* the open group is one unit word ("quatre" before "vingt", "five" before "hundred") */
} groups;

static void put(groups *g, int v, int width)
{
    char buf[4];
    for (int k = width - 1; k >= 0; k--, v /= 10)
        buf[k] = (char)('0' + v % 10);
    for (int k = 0; k < width; k++) {
        if (g->nd == SPOKEN_MAX)
            g->overflow = true; /* a longer row of digits: no number (read on to its end) */
        else
            g->d[g->nd++] = (uint8_t)buf[k];
    }
}

static void flush(groups *g)
{
    if (g->width > 0)
        put(g, g->v, g->width);
    g->width = 0;
    g->lone = false;
}

static void open_group(groups *g, int v, int width, int room)
{
    flush(g);
    g->v = v;
    g->width = width;
    g->room = room;
}

/* Adds a word (a single ASCII digit is a DIGIT; hyphen: a hyphen joins it to the word before); false when it
 * cannot continue the run. */
static bool add_word(groups *g, pii_nword w, bool hyphen)
{
    int v = w.value;
    switch (w.kind) {
    case PII_NW_DIGIT:
        if (v > 0 && g->width > 0 && g->room >= 10 && (g->v % 100 != 10 || (v >= 7 && hyphen))) {
            g->v += v; /* vingt-deux, dix-huit (a countdown "diez nueve" is two), treinta y cuatro */
            g->room = 0;
            g->lone = false;
        } else {
            open_group(g, v, 1, 0);
            g->lone = v > 0;
        }
        return true;
    case PII_NW_TEEN:
        if (g->width > 0 && g->room >= 20) {
            g->v += v; /* soixante-dix, quatre-vingt-onze, trescientos doce */
            if (g->width < 2)
                g->width = 2;
        } else {
            open_group(g, v, 2, 0);
        }
        g->room = v == 10 ? 10 : 0; /* dix-sept */
        g->lone = false;
        return true;
    case PII_NW_TENS:
    case PII_NW_TENS_UNIT: {
        int room = w.kind == PII_NW_TENS_UNIT ? 0 : (v == 60 || v == 80) ? 20 : 10;
        if (g->lone && g->v == 4 && v == 20 && w.kind == PII_NW_TENS) {
            g->v = 80; /* quatre-vingt */
            g->width = 2;
        } else if (g->width == 3 && g->room == 100) {
            g->v += v;
        } else {
            open_group(g, v, 2, 0);
        }
        g->room = room;
        g->lone = false;
        return true;
    }
    case PII_NW_HUNDREDS:
        open_group(g, v, 3, 100);
        return true;
    case PII_NW_HUNDRED:
        if (!g->lone)
            return false;
        g->v *= 100; /* five hundred, trois cent */
        g->width = 3;
        g->room = 100;
        g->lone = false;
        return true;
    default:
        return false;
    }
}

/* Two capitals spelled before the digits of an IBAN ("D E nine eight ...", "DE nine eight ..."): their
 * offset, or `i` when there are none. */
static size_t spelled_country(const uint8_t *s, size_t i, uint8_t cc[2])
{
    if (i >= 5 && s[i - 1] == ' ' && s[i - 3] == ' ' && pii_is_upper(s[i - 2]) && pii_is_upper(s[i - 4]) &&
        (i == 5 || !pii_is_wordish(s[i - 5]))) {
        cc[0] = s[i - 4];
        cc[1] = s[i - 2];
        return i - 4;
    }
    if (i >= 4 && s[i - 1] == ' ' && pii_is_upper(s[i - 2]) && pii_is_upper(s[i - 3]) &&
        (i == 3 || !pii_is_wordish(s[i - 4]))) {
        cc[0] = s[i - 3];
        cc[1] = s[i - 2];
        return i - 3;
    }
    return i;
}

static bool spoken_iban(pii_scan *sc, size_t i, size_t end, const uint8_t *d, size_t nd)
{
    uint8_t cc[2];
    size_t start = spelled_country(sc->s, i, cc);
    if (start == i || nd < 12 || nd > 32 || !pii_enabled(sc, SANCTUM_ENTITY_IBAN_CODE) ||
        !pii_context(sc, start, true, 8, 72, IBAN_CUES))
        return false;
    uint8_t buf[34];
    buf[0] = cc[0];
    buf[1] = cc[1];
    memcpy(buf + 2, d, nd);
    if (!pii_iban_valid(buf, nd + 2))
        return false;
    pii_add(sc, SANCTUM_ENTITY_IBAN_CODE, SANCTUM_REC_IBAN, start, end, 0.85,
            SANCTUM_EV_FORMAT_WEAK | SANCTUM_EV_VALIDATOR | SANCTUM_EV_CONTEXT_BEFORE);
    return true;
}

/* A routing or account number read out one digit at a time right after the word that names it ("routing
 * number 0 2 1 0 0 0 0 2 1", "and account 7 7 0 2 ..."): the ABA check for nine routing digits, 8 to 17 digits
 * for an account. */
static bool spoken_bank(pii_scan *sc, size_t i, size_t end, const uint8_t *d, size_t nd)
{
    if (!pii_enabled(sc, SANCTUM_ENTITY_US_BANK_NUMBER))
        return false;
    bool routing = nd == 9 && sc_aba_valid(d, nd) && pii_context(sc, i, true, 8, 64, ROUTING_CUES);
    bool account = !routing && nd >= 8 && nd <= 17 && pii_context(sc, i, true, 3, 28, ACCOUNT_CUES);
    if (!routing && !account)
        return false;
    pii_add(sc, SANCTUM_ENTITY_US_BANK_NUMBER, routing ? SANCTUM_REC_ABA_ROUTING : SANCTUM_REC_BANK_ACCOUNT, i, end, routing ? 0.85 : 0.75,
            SANCTUM_EV_FORMAT_WEAK | (routing ? SANCTUM_EV_VALIDATOR : 0) | SANCTUM_EV_CONTEXT_BEFORE);
    return true;
}

/* Reads the run at s[i] and classifies it; *skip: where the caller goes on when it is no number (the last
 * token of a run of two or more, so no tail of the run is read again as a run of its own). */
static size_t spoken(pii_scan *sc, size_t i, size_t *skip)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, p = i, end = i;
    uint8_t d[SPOKEN_MAX];
    groups g = {d, 0, false, 0, 0, 0, false};
    size_t tokens = 0, commas = 0, ascii = 0;
    int repeat = 1;
    bool cjk = false, comma_before = false;
    *skip = i;
    for (;;) {
        pii_nword w;
        size_t e;
        int cv = cjk_digit(s, n, p);
        if (cv >= 0) {
            e = p + 3;
            w.kind = PII_NW_DIGIT;
            w.value = (int16_t)cv;
            cjk = true;
        } else if (p < n && pii_is_digit(s[p])) {
            e = p + 1;
            bool decimal = e + 1 < n && (s[e] == '.' || s[e] == ',') && pii_is_digit(s[e + 1]);
            if (e < n && (pii_is_wordish(s[e]) || decimal))
                break; /* a longer number, a decimal */
            w.kind = PII_NW_DIGIT;
            w.value = (int16_t)(s[p] - '0');
            ascii++;
        } else {
            e = word_end(s, n, p);
            if (e == p || (e < n && pii_is_wordish(s[e])) || !pii_number_word(s + p, e - p, &w))
                break;
            if (e - p == 2 && pii_word_eq(s + p, 2, "um") && !number_follows(s, n, e))
                break; /* Portuguese one, or the English filler after a number ("... two seven um and") */
        }
        if (tokens > 0)
            *skip = p;
        if (w.kind == PII_NW_REPEAT) {
            if (repeat > 1)
                break; /* "double triple" */
            repeat = w.value;
        } else if (w.kind == PII_NW_JOIN) {
            if (g.width == 0 || repeat > 1)
                break; /* "and" joins groups or tens and a unit, it starts nothing */
        } else if (repeat > 1) {
            if (w.kind != PII_NW_DIGIT)
                break; /* "double twenty" */
            for (int r = 0; r < repeat; r++)
                open_group(&g, w.value, 1, 0);
            repeat = 1;
            end = e;
        } else {
            if (comma_before)
                flush(&g); /* a comma closes a group: "seven hundred, nine hundred" */
            if (!add_word(&g, w, p > 0 && s[p - 1] == '-'))
                break;
            end = e;
        }
        tokens++;
        size_t r = e; /* up to three spaces, commas or dashes */
        bool comma = false;
        while (r < n && r - e < 3 && (s[r] == ' ' || s[r] == ',' || s[r] == '-' || s[r] == PII_FILLER)) {
            comma = comma || s[r] == ',';
            r++;
        }
        /* the separator said as a word: "five four one dash two two dash ..." (an SSN or phone read out) */
        if (r > e && r + 4 < n && pii_is_alpha(s[r])) {
            size_t de = word_end(s, n, r);
            if (de < n && s[de] == ' ' && spoken_dash(s + r, de - r)) {
                comma = true;
                r = de;
                while (r < n && r - de < 3 && s[r] == ' ')
                    r++;
            }
        }
        if (r == e && cjk_digit(s, n, e) >= 0) {
            p = e; /* 一三八零: no space between */
            comma_before = false;
            continue;
        }
        if (r == e || r >= n)
            break;
        commas += comma;
        comma_before = comma;
        p = r;
    }
    flush(&g);
    size_t nd = g.nd;
    if (g.overflow || nd < 8 || end == i)
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
    if (spoken_iban(sc, i, end, d, nd) || spoken_bank(sc, i, end, d, nd))
        return end;
    bool phone_word = pii_context_by_byte(sc, i, true, 6, 56, PII_PHONE_WORDS) || (cjk && pii_phone_word_near(sc, i, end));
    if (phone_digits(d, nd, phone_word) && pii_enabled(sc, SANCTUM_ENTITY_PHONE_NUMBER) &&
        !pii_context(sc, i, true, 6, 56, ORDER_CUES) &&
        (phone_word ||
         ((pii_context(sc, i, true, 2, 24, PII_NUMBER_WORDS) || pii_context(sc, i, true, 4, 32, NUMBER_CUES) ||
           number_is(sc, i)) &&
          !pii_negative_context(sc, i, end)))) {
        static const char *const OWNER[] = {"my", "mine", "his", "her", "their", "me", NULL};
        bool hotline = toll_free(d, nd) && !pii_context(sc, i, true, 4, 40, OWNER);
        pii_add(sc, SANCTUM_ENTITY_PHONE_NUMBER, d[0] != '0' ? SANCTUM_REC_PHONE_NANP : SANCTUM_REC_PHONE_INTL,
                i, end, hotline ? 0.65 : 0.75,
                SANCTUM_EV_FORMAT_WEAK | SANCTUM_EV_VALIDATOR | SANCTUM_EV_CONTEXT_BEFORE |
                    (hotline ? SANCTUM_EV_NEGATIVE_CONTEXT : 0));
        return end;
    }
    if (nd >= 13 && nd <= 19 && pii_card_digits_ok(d, nd) && pii_enabled(sc, SANCTUM_ENTITY_CREDIT_CARD) &&
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

/* The pass over the text's non-ASCII bytes calls this at a byte that may start a number said in Cyrillic
 * words or in CJK digits; returns where that pass goes on. */
size_t pii_spoken_high(pii_scan *sc, size_t i)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, skip;
    if (s[i] == 0xD0 || s[i] == 0xD1) {
        size_t e = word_end(s, n, i);
        bool start = i == 0 || (s[i - 1] < 0x80 && !pii_is_alnum(s[i - 1]));
        if (!start || e == i)
            return e > i ? e : i + 1;
        pii_nword w;
        if (!pii_cyrillic_number_start(s + i, e - i) || !pii_number_word(s + i, e - i, &w) ||
            w.kind == PII_NW_JOIN || w.kind == PII_NW_HUNDRED)
            return e;
    } else if (!pii_spoken_may_start(s, n, i)) {
        return i + 1;
    }
    pii_rec_spoken(sc, i, &skip);
    return skip > i ? skip : i + 1;
}
