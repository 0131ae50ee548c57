/* EMAIL_ADDRESS said aloud or typed as dictated (round 15): "jane dot roe at gmail dot com", "ken underscore
 * ito at example dot co dot jp", "maria punto lopez arroba correo punto es". The scan starts at a word that
 * names "@" and reads a bounded number of words each way (at most LOCAL_WORDS joins before it and
 * DOMAIN_LABELS labels after it), so its cost does not grow with the text.
 *
 * Evidence: the English "at" and "dot" are everyday words ("look at the red dot"), so with "at" the address
 * needs a mail word before it ("email", "mail", "correo", "send ... to") or a dictated local part (a join word
 * or a '.', '_' inside it). "arroba", "arobase", "chiocciola" and "Klammeraffe" name only "@": no more is
 * needed. The domain has two labels or more and ends in a top-level label of letters. */
#include "pii.h"

enum { LOCAL_WORDS = 5, DOMAIN_LABELS = 6, PART_MAX = 63 };

/* Words that stand for '.', in the languages of the at-words below and a few more. */
static bool dot_word(const uint8_t *w, size_t l)
{
    return pii_word_eq(w, l, "dot") || pii_word_eq(w, l, "punto") || pii_word_eq(w, l, "point") ||
           pii_word_eq(w, l, "punkt") || pii_word_eq(w, l, "ponto") || pii_word_eq(w, l, "period") ||
           pii_word_eq(w, l, "nokta") || pii_word_eq(w, l, "titik") || pii_word_eq(w, l, "punt");
}

/* Words that join the parts of a local part: '.', '_', '-'. */
static bool join_word(const uint8_t *w, size_t l)
{
    return dot_word(w, l) || pii_word_eq(w, l, "underscore") || pii_word_eq(w, l, "dash") ||
           pii_word_eq(w, l, "hyphen") || pii_word_eq(w, l, "tiret") || pii_word_eq(w, l, "trattino");
}

static bool part_byte(uint8_t c) { return pii_is_alnum(c) || c == '.' || c == '_' || c == '-'; }

static const char *const SPOKEN_MAIL_WORDS[] = {"email*", "e-mail*", "mail*", "correo", "courriel", "dictat*",
                                                "send", "write", "reply", "address*", "contact*", NULL};

bool pii_email_at_word(const uint8_t *w, size_t l)
{
    return (l == 2 && (w[0] | 0x20) == 'a' && (w[1] | 0x20) == 't') || pii_word_eq(w, l, "arroba") ||
           pii_word_eq(w, l, "arobase") || pii_word_eq(w, l, "chiocciola") || pii_word_eq(w, l, "klammeraffe");
}

/* The word [*b, *e) that ends just before the single space at s[p - 1] (false: none, or not a single space). */
static bool word_before(const uint8_t *s, size_t p, size_t *b, size_t *e)
{
    if (p < 2 || s[p - 1] != ' ' || !part_byte(s[p - 2]))
        return false;
    size_t k = p - 1;
    while (k > 0 && part_byte(s[k - 1]) && p - 1 - k < PART_MAX)
        k--;
    *b = k;
    *e = p - 1;
    return true;
}

/* The word [p, *e) after a single space at s[p - 1]. */
static bool word_after(const uint8_t *s, size_t n, size_t p, size_t *e)
{
    if (p >= n || p == 0 || s[p - 1] != ' ' || !pii_is_alnum(s[p]))
        return false;
    size_t k = p;
    while (k < n && part_byte(s[k]) && k - p < PART_MAX)
        k++;
    while (k > p && (s[k - 1] == '.' || s[k - 1] == '-'))
        k--; /* sentence punctuation */
    *e = k;
    return true;
}

void pii_rec_email_spoken(pii_scan *sc, size_t w, size_t wl)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    bool english = wl == 2;
    /* the domain: labels joined by a dot word (or by '.' inside a word) */
    size_t p = w + wl + 1, de = 0, labels = 0, last_b = 0, we;
    for (size_t k = 0; k < DOMAIN_LABELS && word_after(s, n, p, &we); k++) {
        if (k > 0 && dot_word(s + p, we - p))
            return; /* "dot dot" */
        for (size_t i = p; i < we; i++)
            if (s[i] == '.')
                labels++, last_b = i + 1;
            else if (s[i] == '_' || s[i] == '@')
                return;
        labels++;
        if (last_b < p)
            last_b = p;
        de = we;
        /* a dot word after this label continues the domain */
        size_t dw;
        if (we + 1 < n && word_after(s, n, we + 1, &dw) && dot_word(s + we + 1, dw - we - 1)) {
            p = dw + 1;
            continue;
        }
        break;
    }
    if (labels < 2 || de == 0)
        return;
    size_t tl = de - last_b;
    if (tl < 2 || tl > 12)
        return;
    for (size_t i = last_b; i < de; i++)
        if (!pii_is_alpha(s[i]))
            return;
    if (de < n && (pii_is_wordish(s[de]) || s[de] == '\'' || s[de] == '@'))
        return; /* "google dot com's" */
    /* the local part: words joined by join words, leftwards */
    size_t ls, le, b, e;
    if (!word_before(s, w, &ls, &le))
        return;
    bool dictated = false;
    for (size_t i = ls; i < le; i++)
        dictated = dictated || s[i] == '.' || s[i] == '_';
    for (size_t k = 0; k < LOCAL_WORDS; k++) {
        size_t jb, je;
        if (!word_before(s, ls, &jb, &je) || !join_word(s + jb, je - jb) || !word_before(s, jb, &b, &e) ||
            join_word(s + b, e - b))
            break;
        ls = b;
        dictated = true;
    }
    if (s[ls] == '.' || s[ls] == '-' || s[le - 1] == '.' || (ls > 0 && (pii_is_wordish(s[ls - 1]) && pii_punct_before(s, n, ls) == 0)))
        return;
    if (ls > 0 && (s[ls - 1] == '\'' || s[ls - 1] == '@' || s[ls - 1] == '/'))
        return;
    if (join_word(s + ls, le - ls) || pii_email_at_word(s + ls, le - ls))
        return;
    bool word = pii_context(sc, ls, true, 6, 48, SPOKEN_MAIL_WORDS);
    if (english && !dictated && !word)
        return;
    const char *why;
    if (pii_in_code(sc, ls, de, &why))
        return;
    double score = english ? 0.85 : 0.9;
    uint32_t ev = SANCTUM_EV_FORMAT_WEAK;
    if (word) {
        score += 0.1;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
    }
    pii_add(sc, SANCTUM_ENTITY_EMAIL_ADDRESS, SANCTUM_REC_EMAIL, ls, de, score, ev);
}
