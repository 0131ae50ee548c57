/* PERSON taken up by a pronoun (issue 17, round 13): "Aigerim ... she is the most careful", "Tomasz keeps
 * missing standups and Olek covers for him", "Mamadou ? Son manager ... la trouve", "Bilal ... reach him".
 * A known given name below the threshold, followed soon after by a personal pronoun that only people
 * take (he, she, him, her in the languages of the sets), is a person: places, brands and software are "it". */
#include <string.h>

#include "names.h"
#include "person.h"
#include "person_prose.h"
#include "pii.h"

enum { REACH = 72 };

/* Personal pronouns of the third person singular that refer to people only (lower case, sorted). "sie",
 * "il", "son", "o" are left out: they also mean "they"/"you", "it" or "his/its"; German "er" too: Dutch
 * "er" ("there") fills every other sentence ("Houd er rekening mee"). "her" is Turkish "every" too: it
 * counts only where no Turkish letter (ı, ş, ğ) is in reach. */
static const char *const PRONOUN[] = {
    "ela", "ele", "elle", "han", "haar", "hem", "henne", "hennes", "her", "hers", "herself", "hij", "him",
    "himself", "his", "hon", "honom", "hun", "hän", "ihm", "ihn", "jej", "jego", "lei", "lui", "ona",
    "she", "él", "ella", NULL};

static bool pronoun_after(const uint8_t *s, size_t n, size_t end)
{
    size_t lim = end + REACH < n ? end + REACH : n;
    bool turkish = false; /* ı (C4 B1), ğ (C4 9F), ş (C5 9F) */
    for (size_t p = end; p + 1 < lim && !turkish; p++)
        turkish = (s[p] == 0xC4 && (s[p + 1] == 0xB1 || s[p + 1] == 0x9F)) || (s[p] == 0xC5 && s[p + 1] == 0x9F);
    for (size_t p = end; p < lim;) {
        uint8_t c = s[p];
        if (c == '\n' || c == '\r')
            return false;
        if (!pii_is_alpha(c) && c < 0x80) {
            p++;
            continue;
        }
        /* a pronoun has at most 7 bytes: a longer word is read on only to the reach's end (names joined by
         * no-break spaces are one "word" to the text's end, and every name read it: n^2) */
        size_t e = p;
        while (e < n && e - p < 8 && (pii_is_alpha(s[e]) || s[e] >= 0x80))
            e++;
        if (e - p == 8)
            while (e < lim && (pii_is_alpha(s[e]) || s[e] >= 0x80))
                e++;
        size_t l = e - p;
        /* the pronoun as a whole word, in lower case (a capital "Her" may start a title; "1er" is no "er") */
        if (l >= 2 && l <= 7 && (pii_is_lower(s[p]) || s[p] >= 0x80) && (p == 0 || (s[p - 1] != '@' && !pii_is_alnum(s[p - 1]))) &&
            bytes_in(s + p, l, PRONOUN) && !(turkish && l == 3 && memcmp(s + p, "her", 3) == 0))
            return true;
        p = e > p ? e : p + 1;
    }
    return false;
}

/* A capitalized verb that opens a sentence before a preposition or an article: "Liga para o Rui", "Manda a
 * la oficina", "Ring to confirm" (the pronoun after it is someone else's). */
static bool verb_before_preposition(const uint8_t *s, size_t n, size_t start, size_t end)
{
    static const char *const SMALL[] = {"a", "al", "com", "con", "da", "de", "do", "e", "en", "et", "für", "mit",
                                        "o", "os", "para", "per", "por", "pra", "the", "to", "y", NULL};
    size_t a, b;
    return sentence_start(s, start) && word_after(s, n, end, &a, &b) && word_in(s + a, b - a, SMALL);
}

void pii_pronoun_takes_up(pii_scan *sc, size_t first_cand)
{
    const uint8_t *s = sc->s;
    double thr = sc->det->threshold, lifted = thr > 0.75 ? thr : 0.75;
    for (size_t i = first_cand; i < sc->count; i++) {
        pii_cand *w = &sc->c[i];
        if (w->type != SANCTUM_ENTITY_PERSON || w->score < 0.5 || w->score >= thr ||
            !(w->evidence & SANCTUM_EV_GAZETTEER_FIRST) ||
            (w->evidence & (SANCTUM_EV_SUPPRESSED | SANCTUM_EV_COMMON_WORD | SANCTUM_EV_NAME_SEQUENCE)))
            continue;
        size_t l = w->end - w->start;
        if ((pii_name_flags(s, w->start, w->end) & (SC_NAME_PLACE | SC_NAME_WORD)) ||
            sc_word_class(s + w->start, l) != SC_WORD_NONE || sc_place_lookup(s + w->start, l))
            continue;
        /* "drove through Sevilla; she said ...": a place the lists lack, in a place's frame */
        if (l >= 3 && !verb_before_preposition(s, sc->n, w->start, w->end) && pronoun_after(s, sc->n, w->end) &&
            !pii_place_preposition(sc, w->start) && !pii_place_context(sc, w->start, w->end) &&
            !pii_foreign_place_prep(s, w->start)) {
            w->score = lifted;
            w->evidence |= SANCTUM_EV_CONTEXT_AFTER;
        }
    }
}
