/* The PERSON recognizer's tokenizer: words of Latin, Greek, Cyrillic, Hebrew and Arabic script with their
 * case shape, read in place. Inline because every byte of the text passes through it. */
#ifndef SANCTUM_PII_PERSON_WORDS_H
#define SANCTUM_PII_PERSON_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pii.h"
#include "utf8.h"

typedef struct word {
    size_t s, e;       /* the word, without a possessive 's */
    bool cap;          /* Capitalized (first letter upper, not all upper) */
    bool allcaps;      /* two or more letters, all upper */
    bool lower;        /* first letter lower */
    bool camel;        /* an upper-case letter after a lower-case one (not Mc/Mac/O'/De) */
    bool possessive;   /* followed by 's or ’s */
} word;

/* Non-ASCII letters the tokenizer knows: Latin-1 and Extended with combining accents (Yoruba ọ̀), Greek,
 * Cyrillic, Armenian, Hebrew, Arabic (with its vowel marks and the Persian and Urdu letters), Devanagari,
 * Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam (with its chillu letters) and Sinhala
 * (with their vowel signs, not the danda or digits), Thai and Lao (not their digits), Myanmar, Georgian,
 * Ge'ez (not its punctuation or numerals), Khmer (not its punctuation or digits). */
static inline __attribute__((always_inline)) bool cp_letter(uint32_t cp)
{
    if (cp < 0x900)
        return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x300 && cp <= 0x36F) ||
               (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x52F) || (cp >= 0x531 && cp <= 0x587) ||
               (cp >= 0x5D0 && cp <= 0x5EA) || (cp >= 0x620 && cp <= 0x655) || (cp >= 0x670 && cp <= 0x6D3);
    if (cp < 0x1000)
        return (cp >= 0x900 && cp <= 0x963) || (cp >= 0x971 && cp <= 0x97F) || (cp >= 0x980 && cp <= 0x9E3) ||
               (cp >= 0xA01 && cp <= 0xA63) || (cp >= 0xA70 && cp <= 0xA75) || (cp >= 0xA81 && cp <= 0xAE3) ||
               (cp >= 0xB01 && cp <= 0xB63) || (cp >= 0xB82 && cp <= 0xBD7) || (cp >= 0xC00 && cp <= 0xC63) ||
               (cp >= 0xC80 && cp <= 0xCE3) || (cp >= 0xD00 && cp <= 0xD63) || (cp >= 0xD7A && cp <= 0xD7F) ||
               (cp >= 0xD81 && cp <= 0xDDF) || (cp >= 0xE01 && cp <= 0xE3A) || (cp >= 0xE40 && cp <= 0xE4E) ||
               (cp >= 0xE81 && cp <= 0xECE) || (cp >= 0xEDC && cp <= 0xEDF);
    return (cp >= 0x1000 && cp <= 0x103F) || (cp >= 0x10D0 && cp <= 0x10FA) || (cp >= 0x1200 && cp <= 0x135F) ||
           (cp >= 0x1380 && cp <= 0x1399) || (cp >= 0x1780 && cp <= 0x17D3) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

/* Latin Extended-A pairs its cases even-odd (upper first), except 0x139-0x148 and 0x179-0x17E, which
 * start on an odd code point (Ĺ, Ł, Ń, Ź, Ż, Ž). */
static inline bool latin_ext_a_upper(uint32_t cp)
{
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        return (cp & 1) == 1;
    return cp == 0x178 || (cp & 1) == 0;
}

static inline bool cp_upper(uint32_t cp)
{
    return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x100 && cp <= 0x17F && latin_ext_a_upper(cp)) ||
           (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F) || (cp >= 0x531 && cp <= 0x556) ||
           (cp >= 0x1E00 && cp <= 0x1EFF && (cp & 1) == 0);
}

/* Length of the letter at s[p] (0 when not a letter); *up tells upper case. */
static inline __attribute__((always_inline)) size_t letter_at(const uint8_t *s, size_t n, size_t p, bool *up)
{
    uint8_t c = s[p];
    if (c < 0x80) {
        *up = pii_is_upper(c);
        return pii_is_alpha(c) ? 1 : 0;
    }
    uint32_t cp;
    size_t l = sc_utf8_decode(s + p, n - p, &cp);
    if (l == 0 || !cp_letter(cp))
        return 0;
    *up = cp_upper(cp);
    return l;
}

static inline bool apostrophe_at(const uint8_t *s, size_t n, size_t p, size_t *len)
{
    if (p < n && s[p] == '\'') {
        *len = 1;
        return true;
    }
    if (p + 2 < n && s[p] == 0xE2 && s[p + 1] == 0x80 && s[p + 2] == 0x99) {
        *len = 3;
        return true;
    }
    return false;
}

/* The lead byte of a Latin letter (ASCII, U+00C0-U+024F): a hyphen joins letters of one script only. */
static inline bool latin_lead(uint8_t c) { return c < 0x80 || (c >= 0xC2 && c <= 0xC9); }

/* Reads the word starting at or after p; false at the end of the text. */
static inline bool next_word(const uint8_t *s, size_t n, size_t p, word *w)
{
    bool up;
    size_t l = 0;
    while (p < n) {
        if (s[p] < 0x80 && !pii_is_alpha(s[p])) {
            p++;
            continue;
        }
        l = letter_at(s, n, p, &up);
        if (l != 0)
            break;
        p += s[p] < 0x80 ? 1 : (s[p] >= 0xF0 ? 4 : s[p] >= 0xE0 ? 3 : 2);
    }
    if (p >= n)
        return false;
    memset(w, 0, sizeof *w);
    w->s = p;
    if (s[p] < 0x80) {
        /* an ASCII letter, then lower-case letters up to an ASCII byte that joins no word (not a letter, a
         * hyphen or an apostrophe): the word the steps below read, without them ("The", "deploy", "Sarah") */
        size_t q = pii_letters_end(s, p + 1, n, true);
        if (q == n || (s[q] < 0x80 && !pii_is_alpha(s[q]) && s[q] != '-' && s[q] != '\'')) {
            w->e = q;
            w->cap = up && q > p + 1;
            w->lower = !up;
            return true;
        }
    }
    /* Thai is written without spaces between words, and a Latin name glued to a Thai title (คุณNattaya)
     * is a word of its own: a word does not go on from Thai letters to others or back */
    bool thai = l == 3 && s[p] == 0xE0 && (s[p + 1] == 0xB8 || s[p + 1] == 0xB9);
    bool first_up = up, any_lower = !up, all_up = up;
    size_t letters = 0, last = p;
    bool prev_lower = false;
    while (p < n) {
        if (pii_is_lower(s[p])) {
            /* a run of ASCII lower-case letters at once: what the steps below do for each of them */
            size_t q = pii_letters_end(s, p + 1, n, true);
            letters += q - p;
            last = q - 1;
            any_lower = true;
            all_up = false;
            prev_lower = true;
            p = q;
            continue;
        }
        bool u;
        size_t k = letter_at(s, n, p, &u);
        if (k == 0) {
            size_t al;
            /* inner hyphen or apostrophe followed by a letter: Jean-Luc, O'Brien (not Sarah's) */
            bool hy = s[p] == '-';
            bool ap = !hy && apostrophe_at(s, n, p, &al);
            size_t skip = hy ? 1 : (ap ? al : 0);
            if (skip == 0 || p + skip >= n)
                break;
            bool u2;
            size_t k2 = letter_at(s, n, p + skip, &u2);
            if (k2 == 0 || (hy && latin_lead(s[last]) != latin_lead(s[p + skip])))
                break; /* Georgian and Armenian case endings on a foreign word: "ROLE-ში", "Animator-ის" */
            if (ap && !u2) {
                /* Sarah's, I'm, don't: the word ends at the apostrophe */
                w->possessive = s[p + skip] == 's' && (p + skip + 1 >= n || letter_at(s, n, p + skip + 1, &u2) == 0);
                break;
            }
            p += skip;
            prev_lower = false;
            continue;
        }
        if ((k == 3 && s[p] == 0xE0 && (s[p + 1] == 0xB8 || s[p + 1] == 0xB9)) != thai)
            break;
        if (u && prev_lower && letters > 0) {
            /* McDonald, MacArthur, DeShawn, LaToya are names; anything else is camelCase */
            size_t wl = p - w->s;
            bool mc = (wl == 2 && (s[w->s] == 'M' && s[w->s + 1] == 'c')) ||
                      (wl == 3 && memcmp(s + w->s, "Mac", 3) == 0) || (wl == 2 && memcmp(s + w->s, "De", 2) == 0) ||
                      (wl == 2 && memcmp(s + w->s, "La", 2) == 0) || (wl == 2 && memcmp(s + w->s, "Le", 2) == 0) ||
                      (wl == 3 && memcmp(s + w->s, "Van", 3) == 0) || (wl == 3 && memcmp(s + w->s, "Von", 3) == 0) ||
                      (wl == 2 && memcmp(s + w->s, "Di", 2) == 0) || (wl == 2 && memcmp(s + w->s, "Da", 2) == 0);
            if (!mc)
                w->camel = true;
        }
        last = p;
        if (!u)
            any_lower = true;
        else if (letters > 0 && !prev_lower)
            (void)0;
        all_up = all_up && u;
        prev_lower = !u;
        letters++;
        p += k;
    }
    w->e = p;
    w->cap = first_up && any_lower;
    w->allcaps = all_up && letters >= 2;
    w->lower = !first_up;
    return true;
}

/* The separator between two words of one name: one space (or tab); after an initial, ". " too. */
static inline bool joins(const uint8_t *s, size_t a_end, size_t b_start, bool a_initial)
{
    size_t gap = b_start - a_end;
    if (gap == 1 && (s[a_end] == ' '))
        return true;
    if (a_initial && gap == 2 && s[a_end] == '.' && s[a_end + 1] == ' ')
        return true;
    return false;
}

/* At the start of a sentence: nothing but spaces/quotes/bullets back to '.', '!', '?', a newline or
 * the start of the text. */
static inline bool sentence_start(const uint8_t *s, size_t p)
{
    while (p > 0) {
        uint8_t c = s[p - 1];
        if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == '*' || c == '-' || c == '>' ||
            c == '#' || c == '_' || c == '[')
            p--;
        else
            return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ':';
    }
    return true;
}

#endif
