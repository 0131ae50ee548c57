/* PERSON in author-year citations of running text and scorers of match reports (round 15): "Lindahl et al.", "As Marchetti (2017)
 * argues", "Wie Luhmann (1984, S. 31) zeigt", "(Kowalczyk, 2015)", "(see Oyelaran & Adeyinka, 2019)". The
 * year frame alone also follows films, products, places and bodies ("Parasite (2019)", "(Eurostat, 2022)"):
 * an unknown word needs "et al.", a co-author, or both a reporting word before and a reporting verb after.
 * A minute mark after a name ("Wirtz (23')", "Oyarzabal 12'", "(pen. 51')", "(90+3')") is a scorer. */
#include "names.h"
#include "person.h"
#include "person_prose.h"

/* A year of publication at p: four digits 1500-2099, an optional letter ("2019a"), then no digit or letter. */
static bool year_at(const uint8_t *s, size_t n, size_t p, size_t *end)
{
    if (p + 4 > n || !pii_is_digit(s[p]) || !pii_is_digit(s[p + 1]) || !pii_is_digit(s[p + 2]) ||
        !pii_is_digit(s[p + 3]))
        return false;
    int y = (s[p] - '0') * 1000 + (s[p + 1] - '0') * 100 + (s[p + 2] - '0') * 10 + (s[p + 3] - '0');
    if (y < 1500 || y > 2099)
        return false;
    size_t q = p + 4;
    if (q < n && pii_is_lower(s[q]) && (q + 1 >= n || !pii_is_alpha(s[q + 1])))
        q++;
    if (q < n && (pii_is_alnum(s[q]) || s[q] == '.' || s[q] == '-' || s[q] == '/'))
        return false; /* "2019.04", "2019-2021", a longer number */
    *end = q;
    return true;
}

/* A minute mark at p: "23'", "90+3'", "pen. 51'" (the typographic apostrophe and prime too), then no digit or
 * letter ("6'2\"" is a height). Returns its end, or 0. */
static size_t minute_at(const uint8_t *s, size_t n, size_t p)
{
    if (p + 4 < n && memcmp(s + p, "pen. ", 5) == 0)
        p += 5;
    size_t q = p;
    while (q < n && q - p < 3 && pii_is_digit(s[q]))
        q++;
    if (q == p || q - p > 3)
        return 0;
    if (q + 1 < n && s[q] == '+' && pii_is_digit(s[q + 1])) {
        q += 2;
        if (q < n && pii_is_digit(s[q]))
            q++;
    }
    if (q < n && s[q] == '\'')
        q++;
    else if (q + 2 < n && s[q] == 0xE2 && s[q + 1] == 0x80 && (s[q + 2] == 0x99 || s[q + 2] == 0xB2))
        q += 3;
    else
        return 0;
    if (q < n && (pii_is_alnum(s[q]) || s[q] == '"' || s[q] == '\''))
        return 0;
    return q;
}

/* The capitalized word [a, b) may be an author's name: no place, body, product, dictionary or closed word. */
static bool author_word(const pii_scan *sc, size_t a, size_t b)
{
    const uint8_t *s = sc->s;
    int cls = pii_word_class_at(sc, a, b);
    if (cls != SC_WORD_NONE && cls != SC_WORD_EPONYM)
        return false;
    unsigned f = pii_name_flags_at(sc, a, b);
    if ((f & SC_NAME_PLACE) || ((f & SC_NAME_WORD) && !(f & SC_NAME_COMMON_LAST)))
        return false;
    return !sc_place_lookup(s + a, b - a) && !pii_english_word(s + a, b - a) && !pii_prose_closed(s + a, b - a);
}

static bool known_name(const pii_scan *sc, size_t a, size_t b)
{
    return (pii_name_flags_at(sc, a, b) & (SC_NAME_FIRST | SC_NAME_LAST)) != 0;
}

/* Reporting verbs, before the name ("comme le montre X (2004)") or after its parenthesis ("X (2017) argues"). */
static const char *const VERB[] = {
    "affirme", "afferma", "argued", "argues", "argumentiert", "betont", "claimed", "claims", "concluded",
    "concludes", "defined", "defines", "demonstrated", "demonstrates", "described", "describes", "found", "finds",
    "montre", "mostra", "noted", "notes", "observed", "observes", "osserva", "proposed", "proposes", "reported",
    "reports", "schreibt", "scrive", "se\xc3\xb1" "ala", "showed", "shows", "sostiene", "souligne", "suggested",
    "suggests", "wrote", "writes", "zeigt", "\xc3\xa9" "crit", NULL};

static const char *const OPEN[] = {"as", "cf", "enligt", "if\xc3\xb8" "lge", "laut", "secondo", "segundo", "selon",
                                   "see", "seg\xc3\xba" "n", "to", "volgens", "wed\xc5\x82" "ug", "wie", NULL};

/* A word that introduces a cited author before the name: "As", "According to", "Selon", "Wie", "Según", or a
 * reporting verb ("Comme le montre X"). */
static bool opener_before(const uint8_t *s, size_t start)
{
    size_t a, b;
    if (!prev_word(s, start, 2, &a, &b))
        return false;
    if (word_in(s + a, b - a, VERB))
        return true;
    if (!word_in(s + a, b - a, OPEN))
        return false;
    if (!pii_word_eq(s + a, b - a, "to"))
        return true;
    size_t c, d; /* "according to" */
    return prev_word(s, a, 1, &c, &d) && pii_word_eq(s + c, d - c, "according");
}

/* A reporting verb right after the citation's closing parenthesis at p (a comma may come first). */
static bool verb_after(const uint8_t *s, size_t n, size_t p)
{
    if (p < n && s[p] == ',')
        p++;
    if (p >= n || s[p] != ' ')
        return false;
    size_t a = p + 1, b = a;
    while (b < n && b - a < 16 && (pii_is_alpha(s[b]) || s[b] >= 0x80)) /* "señala", "écrit" */
        b++;
    return b > a && word_in(s + a, b - a, VERB);
}

/* Inside a parenthesis opened at most 60 bytes before start, and not closed since. */
static bool in_parenthesis(const uint8_t *s, size_t start)
{
    for (size_t q = start; q > 0 && start - q < 60; q--) {
        uint8_t c = s[q - 1];
        if (c == '(')
            return true;
        if (c == ')' || c == '\n')
            return false;
    }
    return false;
}

static void emit(pii_scan *sc, size_t a, size_t b)
{
    const char *why;
    if (!pii_in_code(sc, a, b, &why))
        pii_person_emit(sc, a, b, 0.85, SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_FORMAT_WEAK);
}

/* The second author of "W & X, 2019" / "W and X (2019)" starting at p: its end, or 0. */
static size_t coauthor(const pii_scan *sc, size_t p)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    word x;
    if (!next_word(s, n, p, &x) || x.s != p || !x.cap || !author_word(sc, x.s, x.e))
        return 0;
    return x.e;
}

static size_t author_year(pii_scan *sc, const word *w, bool opened)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, a = w->s, e = w->e;
    if (e + 3 >= n)
        return 0;
    /* the bytes after the word first: a frame of a citation or a second capitalized word */
    uint8_t c = s[e], d = s[e + 1];
    bool two = !opened && c == ' ' && (pii_is_upper(d) || d >= 0xC3);
    if (!two && !(c == ',' && d == ' ' && pii_is_digit(s[e + 2])) &&
        !(c == ' ' && ((d == '(' && (pii_is_digit(s[e + 2]) || s[e + 2] == 'p')) || pii_is_digit(d) || d == '&' ||
                       (e + 6 <= n && memcmp(s + e, " et al", 6) == 0) || (e + 5 <= n && memcmp(s + e, " and ", 5) == 0))))
        return 0;
    /* a family name of two words ("García Márquez"): the first must be a known name */
    word nx;
    if (two) {
        if (!next_word(s, n, e + 1, &nx) || nx.s != e + 1 || !nx.cap || nx.e + 3 >= n || s[nx.e] != ' ' ||
            (s[nx.e + 1] != '(' && !pii_is_digit(s[nx.e + 1])))
            return 0;
        if (word_in(s + a, e - a, OPEN) || word_in(s + a, e - a, VERB)) {
            /* "As Marchetti (2017)": the citation is of the next word, and "As" no part of a name */
            size_t r = author_year(sc, &nx, true);
            return r;
        }
        if (!known_name(sc, a, e) || !author_word(sc, a, e))
            return 0;
        e = nx.e;
        if (!author_word(sc, nx.s, nx.e))
            return 0;
    } else if (!author_word(sc, a, e)) {
        return 0;
    }
    size_t ye, me;
    if (s[e] == ' ' && ((me = minute_at(s, n, e + 1)) > 0 ||
                        (s[e + 1] == '(' && (me = minute_at(s, n, e + 2)) > 0 && me < n && s[me] == ')'))) {
        emit(sc, a, e); /* a scorer: "Wirtz (23')", "Oyarzabal 12'" */
        return me;
    }
    if (e + 7 < n && memcmp(s + e, " et al", 6) == 0) {
        emit(sc, a, e);
        return e;
    }
    if (s[e] == ' ' && s[e + 1] == '(' && year_at(s, n, e + 2, &ye)) {
        size_t q = ye; /* to the closing parenthesis: ", p. 44", ", S. 385" */
        while (q < n && q - ye < 24 && s[q] != ')' && s[q] != '(' && s[q] != '\n')
            q++;
        if (q >= n || s[q] != ')')
            return 0;
        bool open = opener_before(s, a), verb = verb_after(s, n, q + 1);
        if ((open && verb) || ((open || verb) && known_name(sc, a, e))) {
            emit(sc, a, e);
            return q + 1;
        }
        return 0;
    }
    if (s[e] == ',' && s[e + 1] == ' ' && year_at(s, n, e + 2, &ye) && in_parenthesis(s, a) &&
        known_name(sc, a, e)) {
        emit(sc, a, e); /* "(Kowalczyk, 2015)" */
        return ye;
    }
    /* two authors: "(see Oyelaran & Adeyinka, 2019)", "Chen and Mwangi (2021)" */
    size_t p = 0;
    if (e + 3 <= n && memcmp(s + e, " & ", 3) == 0)
        p = e + 3;
    else if (e + 5 < n && memcmp(s + e, " and ", 5) == 0)
        p = e + 5;
    size_t ce = p > 0 ? coauthor(sc, p) : 0;
    if (ce == 0 || ce + 3 >= n)
        return 0;
    bool paren_year = s[ce] == ' ' && s[ce + 1] == '(' && year_at(s, n, ce + 2, &ye);
    bool comma_year = s[ce] == ',' && s[ce + 1] == ' ' && year_at(s, n, ce + 2, &ye) && in_parenthesis(s, a);
    if (!paren_year && !comma_year)
        return 0;
    emit(sc, a, e);
    emit(sc, p, ce);
    return ce;
}

size_t pii_author_year(pii_scan *sc, const word *w)
{
    return author_year(sc, w, false);
}
