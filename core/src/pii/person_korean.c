/* Romanized Korean names ("Park Ji-hoon", "Seo-yeon", "Dong-hoon Lee"): the syllables of a given name and the
 * family names around it, for the word walk of rec_person.c. */
#include <string.h>

#include "person.h"
#include "pii.h"

/* Romanized Korean given names are two syllables joined by a hyphen, the second in lower case
 * ("Ji-hoon", "Seo-yeon", "Min-jun"): both syllables from the romanized given-name syllables, and not
 * the same one twice ("Ha-ha"). */
/* One syllable of a Korean name in Revised Romanization or the spellings people use beside it: an initial
 * consonant (or none), a vowel, a final consonant (or none) - "sang", "hyeok", "heung", "shik", "woo",
 * "young" (round 13: "Lee Sang-hyeok", "Son Heung-min"). Case-insensitive on the first letter. */
static bool korean_syllable(const uint8_t *w, size_t n)
{
    static const char *const INI[] = {"", "g", "k", "kk", "n", "d", "t", "tt", "r", "l", "m", "b", "p", "pp", "s",
                                      "ss", "sh", "j", "jj", "ch", "h", NULL};
    static const char *const VOW[] = {"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo",
                                      "u", "wo", "we", "wi", "yu", "eu", "ui", "i", "oo", "ee", "woo", "you", NULL};
    static const char *const FIN[] = {"", "k", "g", "n", "t", "l", "m", "p", "b", "ng", NULL};
    if (n < 2 || n > 6)
        return false;
    uint8_t lw[6];
    for (size_t i = 0; i < n; i++)
        lw[i] = pii_lower(w[i]);
    for (size_t i = 0; INI[i] != NULL; i++) {
        size_t il = strlen(INI[i]);
        if (il > n || memcmp(lw, INI[i], il) != 0)
            continue;
        for (size_t v = 0; VOW[v] != NULL; v++) {
            size_t vl = strlen(VOW[v]);
            if (il + vl > n || memcmp(lw + il, VOW[v], vl) != 0)
                continue;
            for (size_t f = 0; FIN[f] != NULL; f++)
                if (il + vl + strlen(FIN[f]) == n && memcmp(lw + il + vl, FIN[f], n - il - vl) == 0)
                    return true;
        }
    }
    return false;
}

/* wide: any syllables of korean_syllable, for a given name next to a family name; alone it must be made of
 * the syllables of SYL (a capitalized "No-go" or "Ta-da" is no name). */
bool pii_korean_given(const uint8_t *s, size_t a, size_t b, bool wide)
{
    static const char *const SYL[] = {
        "ah", "bin", "bo", "chan", "chul", "da", "dong", "eun", "gyu", "ha", "hae", "hee", "ho", "hoon",
        "hwa", "hwan", "hye", "hyuk", "hyun", "in", "jae", "jeong", "ji", "jin", "jong", "joo", "jun", "jung",
        "kyung", "mi", "min", "myung", "na", "rae", "ri", "seo", "seok", "seon", "seung", "so", "soo", "su",
        "sun", "sung", "tae", "won", "woo", "woong", "ye", "yeon", "yong", "young", "yu", "yun", NULL};
    if (b - a < 4 || b - a > 14 || !pii_is_upper(s[a]))
        return false;
    const uint8_t *h = memchr(s + a, '-', b - a);
    if (h == NULL)
        return false;
    size_t m = (size_t)(h - s);
    if (m == a || m + 2 > b || !pii_is_lower(s[m + 1]))
        return false;
    for (size_t i = a + 1; i < b; i++)
        if (i != m && !pii_is_lower(s[i]))
            return false;
    bool same = m - a == b - m - 1;
    for (size_t i = 0; same && i < m - a; i++)
        same = pii_lower(s[a + i]) == s[m + 1 + i];
    return !same && (WORD_IN_SORTED(s + a, m - a, SYL) || (wide && korean_syllable(s + a, m - a))) &&
           (WORD_IN_SORTED(s + m + 1, b - m - 1, SYL) || (wide && korean_syllable(s + m + 1, b - m - 1)));
}

/* "Park Ji-hoon", "Kim Seo-yeon", "Ji-woo asked": a Korean given name, with its family name before it
 * when there is one. Returns where to go on, or 0 when w starts none. */
size_t pii_korean_name(pii_scan *sc, const word *w)
{
    static const char *const FAMILY[] = {"ahn", "bae", "baek", "chang", "cho", "choi", "chung", "han", "heo",
                                         "hong", "hwang", "jang", "jeon", "jeong", "jung", "kang", "kim", "ko",
                                         "kwon", "lee", "lim", "moon", "nam", "oh", "park", "seo", "shin",
                                         "son", "song", "yang", "yoo", "yoon", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, e = w->e;
    const char *why;
    word g;
    if (memchr(s + w->s, '-', e - w->s) == NULL) {
        /* cheap shape test first: " Xx-" must follow (most capitalized words have no such neighbour) */
        if (e + 4 >= n || s[e] != ' ' || !pii_is_upper(s[e + 1]))
            return 0;
        size_t j = e + 2;
        while (j < n && j - e < 7 && pii_is_lower(s[j]))
            j++;
        if (j >= n || s[j] != '-')
            return 0;
    }
    if (w->cap && WORD_IN_SORTED(s + w->s, w->e - w->s, FAMILY) && next_word(s, n, w->e, &g) &&
        g.s == w->e + 1 && s[w->e] == ' ' && pii_korean_given(s, g.s, g.e, true)) {
        if (!pii_in_code(sc, w->s, g.e, &why))
            pii_person_emit(sc, w->s, g.e, 0.85, SANCTUM_EV_NAME_SEQUENCE | SANCTUM_EV_GAZETTEER_LAST);
        return g.e;
    }
    if (pii_korean_given(s, w->s, w->e, true)) {
        /* given name first, family name after it ("Dong-hoon Lee", "Sang-hyeok Lee") */
        if (next_word(s, n, w->e, &g) && g.s == w->e + 1 && s[w->e] == ' ' && pii_is_upper(s[g.s]) &&
            WORD_IN_SORTED(s + g.s, g.e - g.s, FAMILY)) {
            if (!pii_in_code(sc, w->s, g.e, &why))
                pii_person_emit(sc, w->s, g.e, 0.85, SANCTUM_EV_NAME_SEQUENCE | SANCTUM_EV_GAZETTEER_LAST);
            return g.e;
        }
        if (!pii_korean_given(s, w->s, w->e, false))
            return 0;
        if (!pii_in_code(sc, w->s, w->e, &why) && !pii_tech_context(sc, w->s, w->e))
            pii_person_emit(sc, w->s, w->e, 0.75, SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK);
        return w->e;
    }
    return 0;
}
