/* PERSON before a contact detail (issue 17, round 13): "Olamide at +44 7700 900123", "Joaquim (tesoureiro)
 * +351 912 345 678", "Juha, +33 6 12 34 56 78", "Thandiwe al +34 ...". A phone number or an e-mail address
 * that stands on its own, right after a known given name with nothing between them but punctuation, a short
 * note in brackets and the words that hand over a number ("at", "on", "tel.", "call me on"), makes the
 * name the owner's: a place or a word before a number is not asked (weak given names only). */
#include <string.h>

#include "names.h"
#include "person.h"
#include "pii.h"

enum { GAP_MAX = 32, NOTE_MAX = 24 };

/* Words that hand a number or an address over, in the languages of the sets (lower case, sorted). */
static const char *const HANDOVER[] = {
    "al", "am", "an", "at", "au", "bel", "call", "cell", "contact", "email", "handy", "mail", "me", "mob",
    "mobile", "my", "nr", "number", "numer", "numero", "on", "op", "ph", "phone", "reach", "ring", "sms", "tel",
    "telefon", "telefone", "telefono", "text", "tlf", "via", "whatsapp", NULL};

/* [a, b) holds only punctuation, spaces, one bracketed note and hand-over words: a name's contact gap. */
static bool contact_gap(const uint8_t *s, size_t a, size_t b)
{
    bool note = false;
    size_t i = a;
    while (i < b) {
        uint8_t c = s[i];
        if (c == ' ' || c == ',' || c == ':' || c == '-' || c == '/') {
            i++;
        } else if (c == '.' && i > a && pii_is_alpha(s[i - 1])) {
            i++; /* an abbreviation ("tel.", "mob."); a full stop after the name ends its sentence */
        } else if (c == 0xE2 && i + 2 < b && s[i + 1] == 0x80 && (s[i + 2] == 0x94 || s[i + 2] == 0x93)) {
            i += 3; /* an em or en dash */
        } else if (c == '(' && !note) {
            const uint8_t *r = memchr(s + i, ')', b - i);
            if (r == NULL || (size_t)(r - s) - i > NOTE_MAX)
                return false;
            note = true;
            i = (size_t)(r - s) + 1;
        } else if (pii_is_alpha(c)) {
            size_t e = i;
            while (e < b && pii_is_alpha(s[e]))
                e++;
            if (!WORD_IN_SORTED(s + i, e - i, HANDOVER))
                return false;
            i = e;
        } else {
            return false;
        }
    }
    return true;
}

/* The weak name a contact gap joins to the contact starting at cs: the last person candidate of
 * [first, count) that ends before cs, if the bytes between are such a gap. */
static pii_cand *name_before(pii_scan *sc, size_t first, size_t cs)
{
    /* person candidates are in text order: bisect for the first one starting at or after cs */
    size_t lo = first, hi = sc->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->c[mid].start < cs)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* a few candidates back: the longest reading of the name and its parts end at the same place */
    for (size_t k = lo; k > first && lo - k < 4; k--) {
        pii_cand *c = &sc->c[k - 1];
        if (c->type != SANCTUM_ENTITY_PERSON || c->end > cs || cs - c->end > GAP_MAX)
            continue;
        /* "Von: k.schneider@...", "Mobile: +49 ...": a word that opens its line before a colon is a label */
        const uint8_t *s = sc->s;
        if (s[c->end] == ':' && (c->start == 0 || s[c->start - 1] == '\n' || s[c->start - 1] == '\r'))
            continue;
        if (contact_gap(s, c->end, cs))
            return c;
    }
    return NULL;
}

static bool weak_name(const uint8_t *s, const pii_cand *c, double thr)
{
    if (c->score < 0.5 || c->score >= thr || !(c->evidence & SANCTUM_EV_GAZETTEER_FIRST) ||
        (c->evidence & (SANCTUM_EV_SUPPRESSED | SANCTUM_EV_COMMON_WORD)))
        return false;
    size_t l = c->end - c->start;
    return !(pii_name_flags(s, c->start, c->end) & SC_NAME_PLACE) && sc_word_class(s + c->start, l) == SC_WORD_NONE &&
           !sc_place_lookup(s + c->start, l);
}

void pii_contact_owner(pii_scan *sc, size_t first_cand)
{
    double thr = sc->det->threshold, lifted = thr > 0.75 ? thr : 0.75;
    /* most texts hold no weak given name: then no number needs asking */
    bool any = false;
    for (size_t i = first_cand; i < sc->count && !any; i++)
        any = sc->c[i].score >= 0.5 && sc->c[i].score < thr && (sc->c[i].evidence & SANCTUM_EV_GAZETTEER_FIRST);
    if (!any)
        return;
    for (size_t i = 0; i < sc->pre_person && i < first_cand; i++) {
        const pii_cand *x = &sc->c[i];
        if ((x->type != SANCTUM_ENTITY_PHONE_NUMBER && x->type != SANCTUM_ENTITY_EMAIL_ADDRESS) || x->score < thr ||
            x->start < 2)
            continue;
        pii_cand *w = name_before(sc, first_cand, x->start);
        if (w != NULL && weak_name(sc->s, w, thr)) {
            w->score = lifted;
            w->evidence |= SANCTUM_EV_CONTEXT_AFTER;
        }
    }
}

/* Round 15: the reverse. A number in brackets right after a person's name ("an Frau Brigitte Lange (030 5557
 * 2190)"), which the phone rules score below the threshold alone (a national number without a phone word),
 * is that person's: lifted to the threshold. Only " (" between them and ")" right after the number. */
void pii_contact_number(pii_scan *sc, size_t first_cand)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    double thr = sc->det->threshold, lifted = thr > 0.75 ? thr : 0.75;
    for (size_t i = 0; i < sc->pre_person && i < first_cand; i++) {
        pii_cand *x = &sc->c[i];
        if (x->type != SANCTUM_ENTITY_PHONE_NUMBER || x->score < 0.5 || x->score >= thr || x->start < 4 ||
            s[x->start - 1] != '(' || s[x->start - 2] != ' ' || x->end >= n || s[x->end] != ')')
            continue;
        pii_cand *w = name_before(sc, first_cand, x->start - 1); /* the name, then a space before the '(' */
        if (w != NULL && w->end == x->start - 2 && w->score >= thr && !(w->evidence & SANCTUM_EV_SUPPRESSED)) {
            x->score = lifted;
            x->evidence |= SANCTUM_EV_CONTEXT_BEFORE;
        }
    }
}
