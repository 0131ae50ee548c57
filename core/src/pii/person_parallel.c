/* PERSON in the parallel items of a list (issue 17, round 13): "North: Arnav (+91 ...), South: Divya",
 * "Marta 8-12, Joaquim 12-16", "Gloria Mendoza takes Saturday, Hamid covers Sunday". Items of one list
 * hold the same kind of thing: when one item's name stands on its own, a known given name that opens
 * another item of the list is a person too, whatever short note the items carry. */
#include <string.h>

#include "names.h"
#include "person.h"
#include "pii.h"

enum { NOTE_MAX = 48, LABEL_MAX = 24, NEIGHBOURS = 4 };

/* Where the item that the name at start opens begins: the name right after a list separator (", ", "; ",
 * " + ", " / ") or after a short label that follows one ("..., South: Divya", "..., Saturday: Sunniva").
 * Returns the position of the separator (the byte that ends the item before), 0 when the name opens no
 * item after a separator. */
static size_t item_separator(const uint8_t *s, size_t start)
{
    if (start < 3 || s[start - 1] != ' ')
        return 0;
    uint8_t c = s[start - 2];
    if (c == ',' || c == ';')
        return start - 2;
    if ((c == '+' || c == '/') && s[start - 3] == ' ')
        return start - 3;
    if (c != ':')
        return 0;
    /* a label: letters, digits, spaces and dashes back to a separator ("Mon late: ", "South: ") */
    size_t q = start - 2;
    while (q > 0 && start - q <= LABEL_MAX + 2) {
        uint8_t b = s[q - 1];
        if (b == ',' || b == ';')
            return q > 1 && s[q] == ' ' ? q - 1 : 0;
        if (!(pii_is_alpha(b) || pii_is_digit(b) || b == ' ' || b == '-' || b >= 0x80))
            return 0;
        q--;
    }
    return 0;
}

/* The note between the end of one item's name and the separator that ends the item: short, on one line,
 * inside one sentence, without a label of its own, an address or another item ("(van 3)", "8-12", "takes
 * Saturday food bank"; not "of legal age, Filipino": the items next to each other are asked on; not
 * "Name <mail@...>, Kasım 2003", a translator's line and its date). */
static bool plain_note(const uint8_t *s, size_t a, size_t b)
{
    if (b < a || b - a > NOTE_MAX)
        return false;
    for (size_t i = a; i < b; i++) {
        uint8_t c = s[i];
        if (c == '\n' || c == '\r' || c == ':' || c == ';' || c == ',' || c == '"' || c == '<' || c == '@')
            return false;
        /* "ext. 214" goes on; ". The" ends the sentence */
        if ((c == '.' || c == '!' || c == '?') && i + 2 <= b && s[i + 1] == ' ' &&
            (i + 2 == b || pii_is_upper(s[i + 2]) || s[i + 2] >= 0x80))
            return false;
    }
    return true;
}

/* A given name the data knows, scored below the threshold on its own, that is no word and no place (a list
 * of cities, "Lyon, Dublin", is a list too). */
static bool weak_given(const uint8_t *s, const pii_cand *c, double thr)
{
    if (c->type != SANCTUM_ENTITY_PERSON || c->score < 0.5 || c->score >= thr ||
        !(c->evidence & SANCTUM_EV_GAZETTEER_FIRST) || (c->evidence & (SANCTUM_EV_SUPPRESSED | SANCTUM_EV_COMMON_WORD)))
        return false;
    size_t l = c->end - c->start;
    if (l < 3)
        return false; /* "Na festa de ..., Lurdes ...": a two-letter word is an article or a preposition as often */
    return !(pii_name_flags(s, c->start, c->end) & SC_NAME_PLACE) && sc_word_class(s + c->start, l) == SC_WORD_NONE &&
           !sc_place_lookup(s + c->start, l);
}

static bool standing(const pii_cand *c, double thr)
{
    return c->type == SANCTUM_ENTITY_PERSON && c->score >= thr && !(c->evidence & SANCTUM_EV_SUPPRESSED);
}

/* a (before b) and b are names of two items of one list: the item b opens starts at a separator that
 * ends a's item, and the note after a's name is plain. */
static bool same_list(const uint8_t *s, const pii_cand *a, const pii_cand *b)
{
    if (b->start <= a->end || b->start - a->end > NOTE_MAX + LABEL_MAX + 4)
        return false;
    size_t sep = item_separator(s, b->start);
    return sep >= a->end && plain_note(s, a->end, sep);
}

void pii_parallel_items(pii_scan *sc, size_t first_cand)
{
    const uint8_t *s = sc->s;
    double thr = sc->det->threshold, lifted = thr > 0.75 ? thr : 0.75;
    for (size_t i = first_cand; i < sc->count; i++) {
        pii_cand *w = &sc->c[i];
        if (!weak_given(s, w, thr))
            continue;
        /* the weak name opens an item after a standing name's item, or a standing name opens the item after
         * the weak name's (the first of a list opens it after a label or at a sentence start) */
        bool found = false;
        uint32_t why = SANCTUM_EV_CONTEXT_BEFORE;
        for (size_t k = 1; k <= NEIGHBOURS && k <= i - first_cand && !found; k++) {
            const pii_cand *a = &sc->c[i - k];
            found = standing(a, thr) && same_list(s, a, w);
        }
        /* "Kasım 2003", "Juni 2024": a month before a year */
        if (w->end + 5 <= sc->n && s[w->end] == ' ' && pii_is_digit(s[w->end + 1]) && pii_is_digit(s[w->end + 4]) &&
            (s[w->end + 1] == '1' || s[w->end + 1] == '2') && (w->end + 5 == sc->n || !pii_is_digit(s[w->end + 5])))
            continue;
        bool opens = item_separator(s, w->start) > 0 || sentence_start(s, w->start);
        for (size_t k = 1; k <= NEIGHBOURS && i + k < sc->count && opens && !found; k++) {
            const pii_cand *b = &sc->c[i + k];
            found = standing(b, thr) && same_list(s, w, b);
            why = SANCTUM_EV_CONTEXT_AFTER;
        }
        if (found) {
            w->score = lifted;
            w->evidence |= why;
        }
    }
}
