/* Deny list: known personal values (the operator's household names, e-mails, numbers) are always
 * reported at 1.0. Text terms match case-insensitively on word boundaries; numeric terms (phone, card,
 * SSN, bank, IBAN) also match any candidate of their type with the same digits (resolve.c). */
#include "pii.h"

static bool boundary_before(const uint8_t *s, size_t i) { return i == 0 || !pii_is_wordish(s[i - 1]); }
static bool boundary_after(const uint8_t *s, size_t n, size_t i) { return i >= n || !pii_is_wordish(s[i]); }

void pii_rec_deny(pii_scan *sc)
{
    const sanctum_detector *d = sc->det;
    if (d->deny_count == 0)
        return;
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = pii_lower(s[i]);
        size_t b0 = d->deny_bucket[c], b1 = d->deny_bucket[c + 1];
        if (b0 == b1 || !boundary_before(s, i))
            continue;
        for (size_t k = b0; k < b1; k++) {
            const pii_term *t = &d->deny[k];
            if (!pii_enabled(sc, t->type) || i + t->len > n)
                continue;
            size_t j = 0;
            while (j < t->len && pii_lower(s[i + j]) == t->text[j])
                j++;
            if (j == t->len && boundary_after(s, n, i + j))
                pii_add(sc, t->type, SANCTUM_REC_DENY_LIST, i, i + j, 1.0, SANCTUM_EV_DENY_LIST);
        }
    }
    /* the words of a multi-word PERSON term on their own, when written capitalized */
    for (size_t k = 0; k < d->deny_count; k++) {
        const pii_term *t = &d->deny[k];
        if (t->type != SANCTUM_ENTITY_PERSON || !pii_enabled(sc, t->type))
            continue;
        bool multi = false;
        for (size_t j = 0; j < t->len; j++)
            multi = multi || t->text[j] == ' ';
        if (!multi)
            continue;
        for (size_t ws = 0; ws < t->len;) {
            size_t we = ws;
            while (we < t->len && t->text[we] != ' ')
                we++;
            size_t wl = we - ws;
            if (wl >= 3) {
                for (size_t i = 0; i + wl <= n; i++) {
                    if (!pii_is_upper(s[i]) || pii_lower(s[i]) != t->text[ws] || !boundary_before(s, i))
                        continue;
                    size_t j = 1;
                    while (j < wl && pii_lower(s[i + j]) == t->text[ws + j])
                        j++;
                    if (j == wl && boundary_after(s, n, i + wl))
                        pii_add(sc, t->type, SANCTUM_REC_DENY_LIST, i, i + wl, 0.95, SANCTUM_EV_DENY_LIST);
                }
            }
            ws = we + 1;
        }
    }
}
