/* Overlap resolution: deny/allow lists first, then the threshold, then within each group of
 * overlapping candidates the highest score wins (then the longer span, then the lower type value);
 * winners come out sorted by start and never overlap. */
#include <stdlib.h>
#include <string.h>

#include "pii.h"

static bool numeric_type(int32_t t)
{
    return t == SANCTUM_ENTITY_PHONE_NUMBER || t == SANCTUM_ENTITY_CREDIT_CARD || t == SANCTUM_ENTITY_US_SSN ||
           t == SANCTUM_ENTITY_US_BANK_NUMBER || t == SANCTUM_ENTITY_IBAN_CODE;
}

static void apply_lists(pii_scan *sc)
{
    const sanctum_detector *d = sc->det;
    for (size_t i = 0; i < sc->count; i++) {
        pii_cand *c = &sc->c[i];
        if (c->rec == SANCTUM_REC_DENY_LIST || c->score <= 0)
            continue;
        const uint8_t *t = sc->s + c->start;
        size_t len = c->end - c->start;
        if (numeric_type(c->type)) {
            uint8_t norm[48];
            size_t m = 0;
            for (size_t k = 0; k < len && m < sizeof norm; k++)
                if (pii_is_alnum(t[k]))
                    norm[m++] = pii_is_lower(t[k]) ? (uint8_t)(t[k] - 32) : t[k];
            for (size_t k = 0; k < d->deny_count; k++) {
                const pii_term *dt = &d->deny[k];
                if (dt->type != c->type || dt->norm == NULL)
                    continue;
                size_t cmp = dt->norm_len < m ? dt->norm_len : m;
                bool same = dt->norm_len == m && memcmp(dt->norm, norm, m) == 0;
                /* phones: the same national number with or without the country code */
                if (!same && c->type == SANCTUM_ENTITY_PHONE_NUMBER && cmp >= 9)
                    same = memcmp(dt->norm + dt->norm_len - cmp, norm + m - cmp, cmp) == 0;
                if (same) {
                    c->score = 1.0;
                    c->evidence |= SANCTUM_EV_DENY_LIST;
                }
            }
        }
        for (size_t k = 0; k < d->allow_count; k++) {
            const pii_term *at = &d->allow[k];
            if (at->len != len)
                continue;
            size_t j = 0;
            while (j < len && pii_lower(t[j]) == at->text[j])
                j++;
            if (j == len) {
                c->score = 0;
                c->evidence |= SANCTUM_EV_ALLOW_LIST;
            }
        }
    }
    /* An allow-listed span shields everything inside it too: "jane" within an allowed
     * "jane@example.com" must not come back as a PERSON. */
    for (size_t i = 0; i < sc->count; i++) {
        const pii_cand *a = &sc->c[i];
        if (!(a->evidence & SANCTUM_EV_ALLOW_LIST))
            continue;
        for (size_t k = 0; k < sc->count; k++) {
            pii_cand *c = &sc->c[k];
            if (k != i && c->start >= a->start && c->end <= a->end && c->rec != SANCTUM_REC_DENY_LIST) {
                c->score = 0;
                c->evidence |= SANCTUM_EV_ALLOW_LIST;
            }
        }
    }
}

static int by_start(const void *a, const void *b)
{
    const pii_cand *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return x->type < y->type ? -1 : x->type > y->type;
}

static bool better(const pii_cand *x, const pii_cand *y)
{
    if (x->score != y->score)
        return x->score > y->score;
    size_t lx = x->end - x->start, ly = y->end - y->start;
    if (lx != ly)
        return lx > ly;
    if (x->type != y->type)
        return x->type < y->type;
    return x->start < y->start;
}

size_t pii_resolve(pii_scan *sc)
{
    apply_lists(sc);
    double thr = sc->det->threshold;
    /* keepers (>= threshold, > 0) first */
    size_t keep = 0;
    for (size_t i = 0; i < sc->count; i++) {
        if (sc->c[i].score >= thr && sc->c[i].score > 0) {
            pii_cand t = sc->c[keep];
            sc->c[keep] = sc->c[i];
            sc->c[i] = t;
            keep++;
        }
    }
    if (keep == 0)
        return 0;
    qsort(sc->c, keep, sizeof *sc->c, by_start);
    /* groups of transitively overlapping candidates; greedy by quality inside each */
    uint8_t *won = NULL;
    size_t out = 0;
    size_t g = 0;
    while (g < keep) {
        size_t ge = g + 1, gend = sc->c[g].end;
        while (ge < keep && sc->c[ge].start < gend) {
            if (sc->c[ge].end > gend)
                gend = sc->c[ge].end;
            ge++;
        }
        if (ge - g == 1) {
            pii_cand t = sc->c[out];
            sc->c[out] = sc->c[g];
            sc->c[g] = t;
            out++;
        } else {
            /* small groups: repeatedly take the best candidate not overlapping an accepted one */
            size_t k = ge - g;
            bool acc[64];
            bool dead[64];
            size_t lim = k < 64 ? k : 64;
            memset(acc, 0, sizeof acc);
            memset(dead, 0, sizeof dead);
            for (;;) {
                size_t best = SIZE_MAX;
                for (size_t i = 0; i < lim; i++)
                    if (!acc[i] && !dead[i] && (best == SIZE_MAX || better(&sc->c[g + i], &sc->c[g + best])))
                        best = i;
                if (best == SIZE_MAX)
                    break;
                acc[best] = true;
                for (size_t i = 0; i < lim; i++)
                    if (!acc[i] && sc->c[g + i].start < sc->c[g + best].end &&
                        sc->c[g + best].start < sc->c[g + i].end)
                        dead[i] = true;
            }
            /* accepted ones, in start order (the group is sorted by start) */
            for (size_t i = 0; i < lim; i++)
                if (acc[i]) {
                    pii_cand t = sc->c[out];
                    sc->c[out] = sc->c[g + i];
                    sc->c[g + i] = t;
                    /* keep the flags with their candidate */
                    bool ta = acc[i];
                    (void)ta;
                    out++;
                }
        }
        g = ge;
    }
    (void)won;
    return out;
}
