/* Internal interface between the PERSON recognizer's files: the small word helpers they share
 * (rec_person.c, person_places.c, person_scripts.c). */
#ifndef SANCTUM_PII_PERSON_H
#define SANCTUM_PII_PERSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pii.h"

/* The word that ends before position p (skipping non-letters, at most `gap` bytes of them). */
static inline bool prev_word(const uint8_t *s, size_t p, size_t gap, size_t *ws, size_t *we)
{
    size_t q = p;
    while (q > 0 && p - q <= gap && !pii_is_alpha(s[q - 1]) && s[q - 1] < 0x80) {
        uint8_t c = s[q - 1];
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ';' || c == ')' || c == '(' ||
            c == '"' || c == '`' || c == '|' || c == '>')
            return false; /* context does not cross a sentence, a line or a quote */
        q--;
    }
    if (q == 0 || p - q > gap || !pii_is_alpha(s[q - 1]))
        return false;
    *we = q;
    while (q > 0 && (pii_is_alpha(s[q - 1]) || s[q - 1] == '\''))
        q--;
    *ws = q;
    return true;
}

static inline bool word_in(const uint8_t *w, size_t n, const char *const *list)
{
    for (size_t k = 0; list[k] != NULL; k++)
        if (pii_word_eq(w, n, list[k]))
            return true;
    return false;
}

/* The lower-case word right after position p (one space), as [*ws, *we). */
static inline bool word_after(const uint8_t *s, size_t n, size_t p, size_t *ws, size_t *we)
{
    if (p >= n || s[p] != ' ')
        return false;
    size_t a = p + 1, b = a;
    while (b < n && pii_is_alpha(s[b]))
        b++;
    *ws = a;
    *we = b;
    return b > a;
}

/* ---- person_places.c: places and software ---- */
/* Technical context within the line around [start, end): a word there names software. */
bool pii_tech_context(const pii_scan *sc, size_t start, size_t end);
/* Place context around a word that may be a place ("in X", "X, Texas", "X and Saskatoon", "the X office"). */
bool pii_place_context(const pii_scan *sc, size_t start, size_t end);

/* ---- person_scripts.c: other scripts, honorifics and titles of other languages ---- */
/* Flags of a Russian name in another case than the nominative (0 when none). */
unsigned pii_cyrillic_flags(const uint8_t *s, size_t a, size_t b);
/* An honorific right after the name: "Ayşe hanım", "Mehmet bey", "Tanaka san". */
bool pii_honorific_after(const uint8_t *s, size_t n, size_t end);
/* "Tanaka-san": the end of the name part of the word [ws, we), or 0. */
size_t pii_suffix_honorific(const uint8_t *s, size_t ws, size_t we);
/* A title written in lower case or outside ASCII ("господин"). */
bool pii_nonascii_title(const uint8_t *w, size_t n);
/* Hebrew and Arabic name pairs starting with the word [ws, we); returns where to go on. */
size_t pii_uncased_name(pii_scan *sc, size_t ws, size_t we);
/* CJK and Hangul names before an honorific, over the whole text. */
void pii_cjk_honorifics(pii_scan *sc);

/* ---- person_cjk.c: Chinese, Japanese and Korean names by surname tables and evidence ---- */
void pii_cjk_names(pii_scan *sc);

#endif
