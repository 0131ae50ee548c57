/* PII precision, round 15: greetings, closings and toasts of other languages whose words are given names in
 * the gazetteer ("Trân Trọng!" closes a Vietnamese letter, "Salam Hangat" an Indonesian one, "Na Zdrowie!" is a
 * Polish toast, "With Metta," a Buddhist closing, "Tere," an Estonian greeting, "Salud," a Spanish toast). The
 * phrase, alone before its punctuation, names no one; the person addressed after it stays a person. */
#include "person.h"

/* The phrases, lower case (ASCII letters lowered, other bytes as written), sorted by bytes. */
static const char *const PHRASES[] = {
    "na zdrowie", "salam hangat", "salud", "sant\xc3\xa9", "tere",
    "tr\xc3\xa2n tr\xe1\xbb\x8d" "ng", "with metta", NULL};

/* [a, b) lowered into k (cap bytes); false when it does not fit. */
static bool fold(const uint8_t *s, size_t a, size_t b, char *k, size_t cap)
{
    if (b - a + 1 > cap)
        return false;
    size_t m = 0;
    for (size_t i = a; i < b; i++)
        k[m++] = (char)pii_lower(s[i]);
    k[m] = '\0';
    return true;
}

static bool phrase(const char *k)
{
    for (size_t i = 0; PHRASES[i] != NULL; i++)
        if (strcmp(PHRASES[i], k) == 0)
            return true;
    return false;
}

bool pii_toast_phrase(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* the cheap tests first: punctuation (or the end) right after, at most two words, 4 to 16 bytes */
    if (end < n && s[end] != ',' && s[end] != '!' && s[end] != '.' && s[end] != '\n' &&
        !(s[end] == ' ' && end + 1 < n && s[end + 1] == '!'))
        return false;
    if (end - start < 4 || end - start > 16)
        return false;
    /* by length and first letter: "tere" 4, "salud" 5, "santé" 6, "na zdrowie" 10, "trân trọng" 13 bytes; the two
     * whose first word stands before the name: "hangat" 6, "metta" 5 */
    size_t l = end - start;
    uint8_t c = (uint8_t)(s[start] | 0x20);
    char k[40];
    if (((l == 4 && c == 't') || ((l == 5 || l == 6) && c == 's') || (l == 10 && c == 'n') || (l == 13 && c == 't')) &&
        fold(s, start, end, k, sizeof k) && phrase(k))
        return true;
    /* the phrase's first word before the name: "Salam Hangat", "With Metta" */
    size_t ps, pe;
    if (!((l == 6 && c == 'h') || (l == 5 && c == 'm')) || start < 6 || s[start - 1] != ' ' ||
        !prev_word(s, start, 1, &ps, &pe) || pe + 1 != start)
        return false;
    return fold(s, ps, end, k, sizeof k) && phrase(k);
}
