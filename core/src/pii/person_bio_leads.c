/* PERSON in the lead of an encyclopedia biography written in a script without case (round 15): the name opens
 * the line, then a parenthesis holds a year and a birth word: "林淑芬（1967年生於台南）", "김민정(1983년 부산
 * 출생)", "अनीता देशपांडे (जन्म 1969, पुणे)", or a Japanese open life span, "佐藤 健一（1975年 - ）", after a
 * family and a given name. Latin, Greek and Cyrillic leads have case, and the capitalized-name rules read them.
 * A place, a school or a firm with its founding year has no birth word. */
#include "person.h"

/* Birth words of the parenthesis, as UTF-8 bytes: 生 (年生, 出生, 生於), 출생, 태어, जन्म, জন্ম, பிறப்பு, เกิด, ולד
 * (נולד, נולדה), ولد (ولد, مواليد: not), род. */
static bool birth_word_at(const uint8_t *s, size_t n, size_t p)
{
    static const char *const BORN[] = {"\xe7\x94\x9f", "\xec\xb6\x9c\xec\x83\x9d", "\xed\x83\x9c\xec\x96\xb4",
                                       "\xe0\xa4\x9c\xe0\xa4\xa8\xe0\xa5\x8d\xe0\xa4\xae",
                                       "\xe0\xa6\x9c\xe0\xa6\xa8\xe0\xa7\x8d\xe0\xa6\xae",
                                       "\xe0\xae\xaa\xe0\xae\xbf\xe0\xae\xb1\xe0\xae\xaa\xe0\xaf\x8d\xe0\xae\xaa",
                                       "\xe0\xb9\x80\xe0\xb8\x81\xe0\xb8\xb4\xe0\xb8\x94", "\xd7\x95\xd7\x9c\xd7\x93",
                                       "\xd9\x88\xd9\x84\xd8\xaf", "\xd1\x80\xd0\xbe\xd0\xb4.", NULL};
    for (size_t k = 0; BORN[k] != NULL; k++) {
        size_t l = strlen(BORN[k]);
        if (p + l <= n && memcmp(s + p, BORN[k], l) == 0)
            return true;
    }
    return false;
}

/* The parenthesis that opens at p (after "(" or "（"): a year, and a birth word or an open life span ("1975年
 * - ）") within 80 bytes. */
static bool birth_parenthesis(const uint8_t *s, size_t n, size_t p, bool spaced_name)
{
    bool year = false, born = false;
    for (size_t q = p; q < n && q - p < 80; q++) {
        uint8_t c = s[q];
        if (c == ')' || (c == 0xEF && q + 2 < n && s[q + 1] == 0xBC && s[q + 2] == 0x89)) {
            /* "年 - ）": a life span still open, read only after a family and a given name */
            bool open_span = spaced_name && year && q >= 6 && s[q - 1] == ' ' && s[q - 2] == '-' &&
                             s[q - 3] == ' ' && s[q - 6] == 0xE5 && s[q - 5] == 0xB9 && s[q - 4] == 0xB4;
            return year && (born || open_span);
        }
        if (c == '\n' || c == '(')
            return false;
        if (q + 4 <= n && (c == '1' || c == '2') && pii_is_digit(s[q + 1]) && pii_is_digit(s[q + 2]) &&
            pii_is_digit(s[q + 3]) && (q == p || !pii_is_digit(s[q - 1])) && (q + 4 == n || !pii_is_digit(s[q + 4])))
            year = true;
        if (c >= 0xC0 && birth_word_at(s, n, q))
            born = true;
    }
    return false;
}

/* A name of one to four words of letters of scripts without case at line start p; its end in *end (before the
 * parenthesis), whether it has a space in *spaced. */
static bool lead_name(const uint8_t *s, size_t n, size_t p, size_t *end, bool *spaced)
{
    size_t q = p, words = 1;
    *spaced = false;
    while (q < n && q - p < 60) {
        uint8_t c = s[q];
        if (c == '(' || (c == 0xEF && q + 2 < n && s[q + 1] == 0xBC && s[q + 2] == 0x88)) {
            size_t e = q > p && s[q - 1] == ' ' ? q - 1 : q;
            *end = e;
            return e > p && s[e - 1] != ' ';
        }
        if (c == ' ') {
            if (q + 1 < n && s[q + 1] == '(')
                *end = q;
            else if (++words > 4)
                return false;
            else
                *spaced = true;
            q++;
            continue;
        }
        if (c < 0xC0)
            return false; /* ASCII, digits, punctuation: no lead of this kind */
        if (c == 0xE3 && q + 1 < n && s[q + 1] < 0x81)
            return false; /* CJK punctuation (U+3000-U+303F): "、", "。" */
        if (c == 0xEF)
            return false; /* full-width forms other than the parenthesis */
        q += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    }
    return false;
}

/* The lead whose parenthesis opens at q: back to the line's start over letters of scripts without case and
 * spaces only (at most 64 bytes), then the name and the birth parenthesis. */
static void lead_at(pii_scan *sc, size_t q)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, p = q;
    while (p > 0 && q - p < 64 && s[p - 1] != '\n') {
        if (s[p - 1] < 0x80 && s[p - 1] != ' ')
            return; /* ASCII before the parenthesis: no lead of this kind */
        p--;
    }
    if ((p > 0 && s[p - 1] != '\n') || p == q || s[p] < 0xC0)
        return;
    size_t end;
    bool spaced;
    if (!lead_name(s, n, p, &end, &spaced))
        return;
    size_t open = end < n && s[end] == ' ' ? end + 1 : end;
    if (open != q)
        return;
    size_t in = open + (s[open] == '(' ? 1 : 3);
    /* no pii_in_code: it reads "박지혜(" as a call, and a lead of letters without case is no code */
    if (birth_parenthesis(s, n, in, spaced))
        pii_person_emit(sc, p, end, 0.85, SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_FORMAT_WEAK);
}

void pii_bio_leads(pii_scan *sc)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (sc->first_high >= n)
        return; /* ASCII text: no lead of this kind */
    /* every parenthesis, ASCII or full-width, after the first byte >= 0x80: rarer than line breaks */
    for (size_t p = sc->first_high; p < n;) {
        const uint8_t *o = memchr(s + p, '(', n - p);
        if (o == NULL)
            break;
        lead_at(sc, (size_t)(o - s));
        p = (size_t)(o - s) + 1;
    }
    for (size_t p = sc->first_high; p + 2 < n;) {
        const uint8_t *o = memchr(s + p, 0xEF, n - p - 2);
        if (o == NULL)
            break;
        size_t q = (size_t)(o - s);
        if (s[q + 1] == 0xBC && s[q + 2] == 0x88) /* "（" */
            lead_at(sc, q);
        p = q + 1;
    }
}
