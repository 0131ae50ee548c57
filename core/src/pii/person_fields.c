/* PERSON in structured name fields (issue 17, round 13): a vCard's "N:Family;Given;Additional;;" and a
 * GEDCOM record's "1 NAME Given /Surname/". The format says each part is a name, whatever the part is
 * (`Grace` is a word, `Lindahl` alone a surname): the parts are people's names at 0.9. */
#include <string.h>

#include "person.h"
#include "pii.h"

/* GEDCOM lines hold at most 255 characters: the surname's slashes are looked for that far into the value (in
 * bytes, twice that for letters of two bytes), so that a long line of "x: 1 NAME " is not read again by each */
enum { PART_MAX = 48, GEDCOM_VALUE_MAX = 512 };

/* At a line's start: the text's start, a newline, or an escaped "\n" (JSON strings and logs). */
static bool line_start(const uint8_t *s, size_t p)
{
    return p == 0 || s[p - 1] == '\n' || s[p - 1] == '\r' || (p >= 2 && s[p - 2] == '\\' && s[p - 1] == 'n');
}

/* The end of the line from p: a newline, an escaped "\n", or the text's end. */
static size_t line_end(const uint8_t *s, size_t n, size_t p)
{
    while (p < n && s[p] != '\n' && s[p] != '\r' && !(s[p] == '\\' && p + 1 < n && s[p + 1] == 'n'))
        p++;
    return p;
}

/* Emits [a, b) trimmed of spaces when it reads as a name: letters (any script), spaces, hyphens,
 * apostrophes and dots, a letter first, no digit. */
static void emit_part(pii_scan *sc, size_t a, size_t b, bool code_check)
{
    const uint8_t *s = sc->s;
    while (a < b && s[a] == ' ')
        a++;
    while (b > a && s[b - 1] == ' ')
        b--;
    if (b - a < 2 || b - a > PART_MAX || !(pii_is_alpha(s[a]) || s[a] >= 0x80))
        return;
    for (size_t i = a; i < b; i++)
        if (!(pii_is_alpha(s[i]) || s[i] >= 0x80 || s[i] == ' ' || s[i] == '-' || s[i] == '\'' || s[i] == '.'))
            return;
    const char *why;
    if (!code_check || !pii_in_code(sc, a, b, &why))
        pii_person_emit(sc, a, b, 0.9, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_FORMAT_STRONG);
}

size_t pii_vcard_name(pii_scan *sc, size_t ws)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* "N:" or "N;CHARSET=UTF-8:" opening its line, in a card ("BEGIN:VCARD" or "FN:" nearby is not asked:
     * a line that starts "N:" and holds two ';' is the vCard form) */
    if (!line_start(s, ws) || ws + 2 >= n || s[ws] != 'N' || (s[ws + 1] != ':' && s[ws + 1] != ';'))
        return 0;
    size_t e = line_end(s, n, ws + 1);
    const uint8_t *colon = memchr(s + ws + 1, ':', e - ws - 1);
    if (colon == NULL)
        return 0;
    size_t v = (size_t)(colon - s) + 1, semis = 0;
    for (size_t i = v; i < e; i++)
        semis += s[i] == ';';
    if (semis < 2 || semis > 4)
        return 0;
    /* family; given; additional names (prefixes and suffixes after them are titles) */
    size_t a = v;
    for (int part = 0; part < 3 && a <= e; part++) {
        const uint8_t *c = memchr(s + a, ';', e - a);
        size_t b = c == NULL ? e : (size_t)(c - s);
        emit_part(sc, a, b, true);
        a = b + 1;
    }
    return e;
}

size_t pii_gedcom_name(pii_scan *sc, size_t ws)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* "1 NAME Elias /Lindahl/": a level digit opens the line (or follows a label: "GEDCOM: 1 NAME ...") */
    if (ws < 2 || s[ws - 1] != ' ' || !pii_is_digit(s[ws - 2]) ||
        !(line_start(s, ws - 2) || (ws >= 4 && s[ws - 3] == ' ' && s[ws - 4] == ':')) || ws + 5 >= n ||
        memcmp(s + ws, "NAME ", 5) != 0)
        return 0;
    size_t v = ws + 5, e = line_end(s, n - v > GEDCOM_VALUE_MAX ? v + GEDCOM_VALUE_MAX : n, v);
    const uint8_t *sl = memchr(s + v, '/', e - v);
    if (sl == NULL)
        return 0;
    size_t a = (size_t)(sl - s);
    const uint8_t *sl2 = memchr(s + a + 1, '/', e - a - 1);
    /* the surname's closing slash ends the value ("/usr/local/bin/" is a path) */
    if (sl2 == NULL)
        return 0;
    size_t z = (size_t)(sl2 - s);
    if (z + 1 < n && s[z + 1] != ' ' && s[z + 1] != '\n' && s[z + 1] != '\r' &&
        !(s[z + 1] == '\\' && z + 2 < n && s[z + 2] == 'n'))
        return 0;
    /* the slashes are the format's, not a path's: the parts are not asked whether they are code */
    emit_part(sc, v, a, false);
    emit_part(sc, a + 1, z, false);
    return z + 1; /* the walk reads on: "... 1 NAME Elias /Lindahl/ 1 SEX M 0 @I2@ INDI 1 NAME Mary /Jones/" */
}
