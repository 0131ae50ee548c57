/* PERSON in lists of people on one line (issue 17, round 9): rosters under a label ("Choir rota: Bernadette
 * sopranos, Kwabena tenors") and meeting notes whose items name who speaks or owns ("Rose: done; Jack: blocked",
 * "Jack to draft; Ivy to own"). Moved out of person_context.c, which had grown past the size review allows. */
#include <string.h>

#include "names.h"
#include "person.h"
#include "pii.h"

/* A known given name that is no word and no place, as a word at [a, b). */
static bool clean_given(const uint8_t *s, size_t a, size_t b)
{
    if (b - a < 3 || !pii_is_upper(s[a]))
        return false;
    unsigned f = pii_name_flags(s, a, b);
    return (f & SC_NAME_FIRST) && !(f & (SC_NAME_WORD | SC_NAME_PLACE)) && sc_word_class(s + a, b - a) == SC_WORD_NONE &&
           !sc_place_lookup(s + a, b - a);
}

/* "Choir rota: Bernadette sopranos, Kwabena tenors, Ingeborg altos", "PTO: Luca OOO, Sunita WFH": the name
 * opens an item of a labelled list on its line, and another item opens with a known given name too. */
bool pii_roster_item(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (start < 3 || s[start - 1] != ' ' || (s[start - 2] != ',' && s[start - 2] != ';' && s[start - 2] != ':'))
        return false;
    size_t ls = start, le = end;
    while (ls > 0 && s[ls - 1] != '\n' && start - ls < 300)
        ls--;
    while (le < n && s[le] != '\n' && le - end < 300)
        le++;
    /* a label naming a roster ("Choir rota:", "PTO calendar:", "Carpool:"), not a list of things ("Paint
     * colours: Amber gloss, Ivory matt") */
    static const char *const ROSTER[] = {
        "absent", "assignments", "attendance", "attendees", "calendar", "carpool", "cast", "drivers", "duties",
        "duty", "helpers", "leave", "lineup", "minutes", "notes", "ooo", "owners", "pickups", "present", "pto",
        "roster", "rota", "schedule", "shifts", "squad", "standup", "team", "tracker", "volunteers", NULL};
    bool label = false;
    for (size_t i = ls; i + 1 < start && !label; i++) {
        if (s[i] != ':' || s[i + 1] != ' ' || i == ls || !pii_is_alpha(s[i - 1]))
            continue;
        size_t a = i;
        while (a > ls && pii_is_alpha(s[a - 1]))
            a--;
        label = WORD_IN_SORTED(s + a, i - a, ROSTER);
    }
    if (!label)
        return false;
    for (size_t i = ls; i + 2 < le; i++) {
        if (!(s[i] == ',' || s[i] == ';' || s[i] == ':') || s[i + 1] != ' ' || i + 2 == start)
            continue;
        size_t a = i + 2, b = a;
        while (b < le && pii_is_alpha(s[b]))
            b++;
        if (b > a && b + 1 < le && s[b] == ' ' && pii_is_alpha(s[b + 1]) && clean_given(s, a, b))
            return true; /* another item: "Kwabena tenors", "Sunita OOO" */
    }
    return false;
}

/* An owner or speaker item of notes at [a, b): a capitalized given name that is no place, at a clause start
 * (a line start, ": ", "; ", " - ", " — "), followed by ": " and a lower-case word or by " to " and one. */
static bool notes_item_at(const uint8_t *s, size_t n, size_t a, size_t b)
{
    if (b - a < 3 || !pii_is_upper(s[a]) || b + 4 >= n)
        return false;
    bool open = a == 0 || s[a - 1] == '\n' ||
                (a >= 2 && s[a - 1] == ' ' && (s[a - 2] == ':' || s[a - 2] == ';' || s[a - 2] == '-')) ||
                (a >= 4 && s[a - 1] == ' ' && s[a - 2] == 0x94 && s[a - 3] == 0x80 && s[a - 4] == 0xE2);
    if (!open)
        return false;
    bool follows = (s[b] == ':' && s[b + 1] == ' ' && pii_is_lower(s[b + 2])) ||
                   (b + 4 < n && memcmp(s + b, " to ", 4) == 0 && pii_is_lower(s[b + 4]));
    if (!follows)
        return false;
    unsigned f = pii_name_flags(s, a, b);
    return (f & SC_NAME_FIRST) && !(f & SC_NAME_PLACE) && !sc_place_lookup(s + a, b - a) &&
           sc_word_class(s + a, b - a) != SC_WORD_STOP;
}

/* "Standup — Rose: finished the module; Jack: blocked on disk", "Notes: Jack to draft the plan; Ivy to own
 * the cleanup": the name is an item of notes and another item of the same line is one too. */
bool pii_notes_items(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (!notes_item_at(s, n, start, end))
        return false;
    size_t ls = start, le = end;
    while (ls > 0 && s[ls - 1] != '\n' && start - ls < 300)
        ls--;
    while (le < n && s[le] != '\n' && le - end < 300)
        le++;
    for (size_t i = ls; i < le; i++) {
        if (i == start || !pii_is_upper(s[i]) || (i > ls && pii_is_alpha(s[i - 1])))
            continue;
        size_t b = i;
        while (b < le && pii_is_alpha(s[b]))
            b++;
        if (notes_item_at(s, n, i, b))
            return true;
        i = b;
    }
    return false;
}

/* "Irina: do we still page him?", "notes - Rose: done; Kemal: blocked": a name that opens a line or a
 * clause of notes ("; ", " - ", " — ") and is followed by ": " and a lower-case word is the one speaking. */
bool pii_notes_speaker(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, p = start;
    /* the text after it is a lower-case word and a space ("Von: k.schneider@...", "Anna: 4" are labels), in
     * Latin, Greek or Cyrillic ("Алёна: скинь номер") */
    size_t t = end + 2, u = t, letters = 0, l;
    bool up = false;
    while (u < n && (l = letter_at(s, n, u, &up)) > 0 && !up)
        u += l, letters++;
    if (end + 2 >= n || s[end] != ':' || s[end + 1] != ' ' || letters < 2 || u >= n || s[u] != ' ')
        return false;
    while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t'))
        p--;
    if (p == 0 || s[p - 1] == '\n' || s[p - 1] == ';')
        return true;
    /* a chat export that names its app first: "Telegram: Алёна: ...", "WhatsApp: Bea: ..." (round 11) */
    static const char *const APPS[] = {"discord", "kakaotalk", "line", "messenger", "signal", "slack", "teams",
                                       "telegram", "viber", "wechat", "whatsapp", NULL};
    if (p >= 2 && s[p - 1] == ':') {
        size_t a = p - 1;
        while (a > 0 && pii_is_alpha(s[a - 1]))
            a--;
        if ((a == 0 || s[a - 1] == '\n') && word_in(s + a, p - 1 - a, APPS))
            return true;
    }
    return (p >= 1 && s[p - 1] == '-' && p < start) ||
           (p >= 3 && s[p - 3] == 0xE2 && s[p - 2] == 0x80 && s[p - 1] == 0x94 && p < start); /* em dash */
}
