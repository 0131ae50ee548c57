/* PERSON in reference-manager records (round 15): the value of a BibTeX author or editor field, split on
 * " and " ("Okoro, Chidi and Van der Berg, Lotte", "and others"), and the RIS AU and ED lines. Each name is
 * one span, "Surname, Given" included, as a reference list writes it. A corporate author in double braces
 * ("{{World Health Organization}}") or a lower-case placeholder is none. */
#include "person.h"

/* [a, b) is a written name: one to six words, each capitalized (any script with case), a lower-case particle
 * ("van", "der", "de") or an initial ("A."), at most one comma, no digit or brace. */
static bool name_item(const uint8_t *s, size_t a, size_t b)
{
    while (a < b && s[a] == ' ')
        a++;
    while (b > a && s[b - 1] == ' ')
        b--;
    if (b - a < 2 || b - a > 80)
        return false;
    size_t words = 0, commas = 0, long_words = 0;
    for (size_t i = a; i < b;) {
        uint8_t c = s[i];
        if (c == ' ' || c == ',') {
            commas += c == ',';
            i++;
            continue;
        }
        size_t e = i;
        while (e < b && s[e] != ' ' && s[e] != ',')
            e++;
        for (size_t k = i; k < e; k++)
            if (pii_is_digit(s[k]) || s[k] == '{' || s[k] == '}' || s[k] == '@' || s[k] == '=')
                return false;
        bool up = false;
        bool cap = letter_at(s, b, i, &up) > 0 && up;
        if (!cap) {
            static const char *const PART[] = {"al",  "ben", "bin", "da",  "de", "del", "della", "der", "di",
                                               "do",  "dos", "du",  "el",  "la", "le",  "ten",   "ter", "van",
                                               "von", "y",   "zu",  NULL};
            if (!word_in(s + i, e - i, PART))
                return false;
        } else if (e - i >= 2 && s[e - 1] != '.') {
            long_words++;
        }
        words++;
        i = e;
    }
    return words >= 1 && words <= 6 && commas <= 1 && long_words >= 1;
}

/* Emits each " and "-separated name of the value [a, b) ("others" is none); returns how many. The record's braces and
 * equals signs look like code to pii_in_code; name_item has already refused digits, braces and '@'. */
static size_t emit_names(pii_scan *sc, size_t a, size_t b)
{
    const uint8_t *s = sc->s;
    size_t count = 0;
    while (a < b) {
        size_t e = a;
        while (e < b && !(e + 5 <= b && memcmp(s + e, " and ", 5) == 0))
            e++;
        size_t x = a, y = e;
        while (x < y && s[x] == ' ')
            x++;
        while (y > x && s[y - 1] == ' ')
            y--;
        if (name_item(s, x, y)) {
            pii_person_emit(sc, x, y, 0.9, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_FORMAT_STRONG);
            count++;
        }
        a = e < b ? e + 5 : b;
    }
    return count;
}

/* The value of a BibTeX author or editor field opens right before the capitalized word w: "author = {",
 * "Editor=\"". Returns where to go on, or 0. */
static size_t bibtex_field(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, a = w->s;
    uint8_t close = s[a - 1] == '{' ? '}' : '"';
    size_t p = a - 1;
    while (p > 0 && a - p < 8 && s[p - 1] == ' ')
        p--;
    if (p == 0 || s[p - 1] != '=')
        return 0;
    p--;
    while (p > 0 && a - p < 12 && s[p - 1] == ' ')
        p--;
    if (p < 6 || (p > 6 && (pii_is_alnum(s[p - 7]) || s[p - 7] == '_')) ||
        (!pii_word_eq(s + p - 6, 6, "author") && !pii_word_eq(s + p - 6, 6, "editor")))
        return 0;
    size_t b = a;
    while (b < n && b - a < 400 && s[b] != close && s[b] != '{' && s[b] != '\n')
        b++;
    if (b >= n || s[b] != close)
        return 0; /* "{{World Health Organization}}" never reaches here: its value opens with a brace */
    /* a value of another shape ("--author=\"Lars Eriksson <lars@...>\"") is left to the other rules */
    return emit_names(sc, a, b) > 0 ? b + 1 : 0;
}

/* "AU  - Haugland, Sigrid": a RIS author or editor tag at the start of a line (w is the tag). */
static size_t ris_line(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, p = w->e;
    if (w->e - w->s != 2 || (w->s > 0 && s[w->s - 1] != '\n'))
        return 0;
    uint8_t c0 = s[w->s], c1 = s[w->s + 1];
    if (!((c0 == 'A' && c1 == 'U') || (c0 == 'E' && c1 == 'D')))
        return 0;
    if (p + 5 >= n || memcmp(s + p, "  - ", 4) != 0)
        return 0;
    size_t a = p + 4, b = a;
    while (b < n && b - a < 120 && s[b] != '\n' && s[b] != '\r')
        b++;
    const char *why;
    if (name_item(s, a, b) && !pii_in_code(sc, a, b, &why))
        pii_person_emit(sc, a, b, 0.9, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_FORMAT_STRONG);
    return b;
}

size_t pii_bib_author(pii_scan *sc, const word *w)
{
    if (w->s >= 8 && (sc->s[w->s - 1] == '{' || sc->s[w->s - 1] == '"'))
        return bibtex_field(sc, w);
    return w->e - w->s == 2 ? ris_line(sc, w) : 0;
}
