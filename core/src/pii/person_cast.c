/* PERSON precision, round 15: the character an actor plays is no person. Cast lists and reviews name the
 * actor and then the role: "Ruth Okafor as Margaret", "Lena Vogt als Effi Briest", "Adaeze Obi plays Ophelia",
 * "avec Claire Dubois (Emma)", "interpreta a Bernarda", "incarne Madame Arcati". The frame counts only on a
 * line about a performance (a film, stage, cast or review word), so "treat Tom as Anna's backup" or "Ella
 * plays Marcus at chess" keep their persons. */
#include "names.h"
#include "person.h"

/* A word of a film, a play, a series or a review on the line around p (at most 200 bytes either side). */
static bool performance_line(const uint8_t *s, size_t n, size_t p)
{
    static const char *const L[] = {
        "actor", "actors", "actress", "adaptation", "besetzung", "cast", "casting", "character", "cinema",
        "critique", "directed", "director", "drama", "elenco", "episode", "film", "filme", "films", "inszenierung",
        "montaje", "movie", "musical", "opera", "papel", "pel\xc3\xad" "cula", "pi\xc3\xa8" "ce", "premiere",
        "production", "recensione", "regia", "regie", "remake", "reparto", "rese\xc3\xb1" "a", "review",
        "rezension", "role", "roles", "rolle", "ruolo", "r\xc3\xa9" "alisation", "r\xc3\xb4le", "screen", "serie",
        "series", "sitcom", "stage", "staging", "starring", "stars", "s\xc3\xa9rie", "teatro", "theater",
        "theatre", NULL};
    size_t lo = 0, hi = 0;
    pii_line_bounds(s, n, p, p, 200, &lo, &hi);
    for (size_t i = lo; i < hi;) {
        if (!pii_is_alpha(s[i]) && s[i] < 0x80) {
            i++;
            continue;
        }
        size_t e = i;
        while (e < hi && (pii_is_alpha(s[e]) || s[e] >= 0x80))
            e++;
        if (e - i >= 4 && e - i <= 13 && WORD_IN_SORTED(s + i, e - i, L))
            return true;
        i = e;
    }
    return false;
}

/* The word [a, b) starts with a capital (an actor's name ends there). */
static bool capital_word(const uint8_t *s, size_t a, size_t b)
{
    return b > a && (pii_is_upper(s[a]) || (s[a] >= 0xC3 && s[a] <= 0xC5 && a + 1 < b && s[a + 1] < 0xA0));
}

/* The role frame before the word [a, b) that ends one space before the name: "<Actor> as|als|como|comme|come",
 * "plays|spielt|incarne|interpreta", "interpreta a". */
static bool role_frame(const uint8_t *s, size_t a, size_t b)
{
    static const char *const AS[] = {"als", "as", "come", "comme", "como", NULL};
    static const char *const PLAYS[] = {"incarne", "interpreta", "interpret\xc3\xb3", "joue", "played", "playing",
                                        "plays", "portrayed", "portrays", "spielt", "verk\xc3\xb6" "rpert", NULL};
    size_t c, d, l = b - a;
    if (l >= 4 && word_in(s + a, l, PLAYS))
        return true;
    if (l == 1 && s[a] == 'a') /* "interpreta a Bernarda" */
        return prev_word(s, a, 1, &c, &d) && a - d == 1 && word_in(s + c, d - c, PLAYS);
    if (l < 2 || l > 5 || !word_in(s + a, l, AS))
        return false;
    return prev_word(s, a, 1, &c, &d) && a - d == 1 && capital_word(s, c, d) && !sentence_start(s, c);
}

bool pii_cast_character(const pii_scan *sc, size_t start, size_t end, bool poss)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (poss || start < 3)
        return false;
    bool frame = false;
    size_t a, b;
    if (s[start - 1] == '(') {
        /* "Claire Dubois (Emma)": the role in parentheses right after the actor */
        frame = end < n && s[end] == ')' && s[start - 2] == ' ' && prev_word(s, start - 1, 1, &a, &b) &&
                capital_word(s, a, b);
    } else if (s[start - 1] == ' ' && prev_word(s, start, 1, &a, &b) && start - b == 1) {
        /* the word before: a frame word in lower case, or a title between it and the name ("incarne Madame
         * Arcati", "as Mrs Danvers") */
        if (pii_is_lower(s[a]) || s[a] >= 0x80)
            frame = role_frame(s, a, b);
        else if (b - a >= 2 && b - a <= 7 && pii_is_upper(s[a]) &&
                 word_in(s + a, b - a, (const char *const[]){"dame", "don", "dr", "frau", "herr", "lady", "lord",
                                                            "madame", "miss", "mme", "monsieur", "mr", "mrs", "ms",
                                                            "se\xc3\xb1or", "sig", "sir", NULL})) {
            size_t c, d;
            frame = prev_word(s, a, 1, &c, &d) && a - d == 1 && role_frame(s, c, d);
        }
    }
    return frame && performance_line(s, n, start);
}
