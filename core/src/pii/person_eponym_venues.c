/* PII precision, round 14: a venue, a structure or an event named after someone, its noun in lower case right
 * after the name ("the Grace Hopper auditorium", "Jomo Kenyatta airport", "the Edith Piaf festival"). English
 * puts the noun after the name; the languages that put it before are round 11's venue_before ("salle Victor
 * Hugo", "aeropuerto Jorge Chávez"). A person stays one where the text points at them: a possessive ("Maria's
 * suite"), a number after the noun (a hotel guest's "suite 412"), a title or strong context, a verb of
 * telling people before ("Tell Priya Raman airport pickup is at six"). */
#include "person.h"

static bool venue_noun(const uint8_t *w, size_t n)
{
    static const char *const V[] = {
        "airport", "arena", "auditorium", "bridge", "festival", "lounge", "memorial", "monument", "museum",
        "park", "pub", "stadium", "station", "statue", "suite", "terminal", "tunnel", NULL};
    return n >= 3 && n <= 10 && pii_is_lower(w[0]) && WORD_IN_SORTED(w, n, V);
}

bool pii_eponym_venue(const pii_scan *sc, size_t start, size_t end, int before, bool person_ev)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, a, b;
    if (person_ev || before == STRONG || !word_after(s, n, end, &a, &b) || !venue_noun(s + a, b - a))
        return false;
    /* a number after a room ("suite 412") is a guest's room; after a terminal it is the terminal's */
    if (s[a] == 's' && b + 1 < n && s[b] == ' ' && pii_is_digit(s[b + 1]))
        return false;
    return !pii_person_verb_before(sc, start);
}
