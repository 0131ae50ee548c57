/* CREDIT_CARD: 12-19 digits, bare or in the issuers' groupings (4-4-4-4, 4-6-5, 4-6-4, 4-4-4-4-3)
 * with one consistent separator (or, on a second reading, runs of up to 3 spaces, tabs or dashes, mixed:
 * OCR and pasted cards); the issuer prefix must fit the length and Luhn must pass.
 * Scores: grouped 0.95, bare 0.85 (validator + issuer); a card word before or after +0.1; order/id
 * words -0.5 (bare only -0.5, grouped -0.3). Luhn or issuer failures are not cards. Every card of a row
 * ("4111111111111111 5555555555554444") is reported. */
#include "checksum.h"
#include "pii.h"

const char *const PII_CARD_WORDS[] = {"card*", "credit", "debit", "visa", "mastercard", "mc", "amex",
                                         "discover", "jcb", "diners", "maestro", "unionpay", "cc", "ccn",
                                         "cvv", "cvc", "expiry", "exp", "pan", "kreditkarte", "carte",
                                         "tarjeta", "payment", "pay", "charge*", "billing", NULL};

static unsigned prefix(const uint8_t *d, size_t k)
{
    unsigned v = 0;
    for (size_t i = 0; i < k; i++)
        v = v * 10u + (unsigned)(d[i] - '0');
    return v;
}

/* Issuer identification number ranges with their lengths. */
static bool issuer_ok(const uint8_t *d, size_t n)
{
    unsigned p1 = prefix(d, 1), p2 = prefix(d, 2), p3 = prefix(d, 3), p4 = prefix(d, 4), p6 = prefix(d, 6);
    if (p1 == 4)
        return n == 13 || n == 16 || n == 19; /* Visa */
    if (p1 == 1)
        return n == 15; /* UATP (AirPlus); millisecond timestamps have 13 digits */
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720))
        return n == 16; /* Mastercard */
    if (p2 == 34 || p2 == 37)
        return n == 15; /* American Express */
    if (p4 >= 2200 && p4 <= 2204)
        return n >= 16 && n <= 19; /* Mir */
    if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925))
        return n >= 16 && n <= 19; /* Discover */
    if (p2 == 62)
        return n >= 16 && n <= 19; /* UnionPay */
    if (p4 >= 3528 && p4 <= 3589)
        return n >= 16 && n <= 19; /* JCB */
    if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39)
        return n >= 14 && n <= 19; /* Diners Club */
    if (p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 63 || p2 == 67 || p2 == 60)
        return n >= 12 && n <= 19; /* Maestro */
    return false;
}

bool pii_card_digits_ok(const uint8_t *d, size_t n)
{
    return n >= 12 && n <= 19 && issuer_ok(d, n) && sc_luhn_valid(d, n);
}

static size_t glen(const pii_number *num, size_t k) { return num->g[k].end - num->g[k].start; }

void pii_rec_card(pii_scan *sc, const pii_number *num)
{
    /* round 15: the groups of a run printed as a whole card (4-4-4-4) that failed Luhn or its issuer: no shorter
     * card hides in its tail ("9876 5600 4321 1518" holds no "5600 4321 1518") */
    size_t shadow = 0;
    for (size_t g0 = 0; g0 < num->ngroups; g0++) {
        if (g0 > 0 && num->g[g0].sep != ' ')
            continue;
        if (g0 == 0 && (num->plus || num->paren))
            continue;
        /* the longest run of groups from g0 with one separator, at most 19 digits */
        uint8_t d[24];
        size_t nd = 0, k = g0;
        uint8_t sep = 0;
        bool grouped_ok = true;
        for (; k < num->ngroups; k++) {
            if (k > g0) {
                uint8_t sp = num->g[k].sep;
                if (sp != ' ' && sp != '-' && (sp != '.' || nd + glen(num, k) > 16))
                    break; /* dots only in 4111.1111.1111.1111 */
                if (sep == 0)
                    sep = sp;
                else if (sp != sep)
                    break;
            }
            size_t l = glen(num, k);
            if (nd + l > 19)
                break;
            for (size_t p = num->g[k].start; p < num->g[k].end; p++)
                d[nd++] = sc->s[p];
        }
        size_t ng = k - g0;
        if (nd < 12 || nd > 19)
            continue;
        if (ng > 1) {
            /* groupings the issuers print */
            size_t l0 = glen(num, g0);
            if (l0 == 4) {
                for (size_t j = g0 + 1; j < k; j++) {
                    size_t l = glen(num, j);
                    bool lastg = j + 1 == k;
                    if (!(l == 4 || (lastg && l >= 1 && l <= 4) || (ng == 3 && (l == 6 || l == 5 || l == 4))))
                        grouped_ok = false;
                }
            } else {
                grouped_ok = false;
            }
            if (!grouped_ok)
                continue;
        }
        if (k < num->ngroups && num->g[k].sep != ' ')
            continue; /* more digits glued on: an id, not a card */
        if (k <= shadow)
            continue;
        size_t start = num->g[g0].start, end = num->g[k - 1].end;
        uint32_t ev = SANCTUM_EV_VALIDATOR | SANCTUM_EV_ISSUER;
        if (!sc_luhn_valid(d, nd)) {
            if (ng == 4 && nd == 16)
                shadow = k;
            continue;
        }
        /* a range our issuer table lacks (new or regional IINs; Presidio's pattern takes any 3-6 lead): only
         * when a card word names it right before ("pan": "3504...", "card number 6390 ...") */
        bool named = false;
        if (!issuer_ok(d, nd)) {
            if (nd < 14 || d[0] < '3' || d[0] > '6' || !pii_context(sc, start, true, 2, 24, PII_CARD_WORDS) ||
                pii_negative_context(sc, start, end))
                continue;
            named = true;
        }
        bool same = true;
        for (size_t i = 1; i < nd; i++)
            same = same && d[i] == d[0];
        if (same)
            continue;
        double score = named ? 0.65 : ng > 1 ? 0.95 : 0.85;
        ev |= ng > 1 ? SANCTUM_EV_FORMAT_STRONG : SANCTUM_EV_FORMAT_WEAK;
        if (named)
            ev &= ~(uint32_t)SANCTUM_EV_ISSUER;
        const char *why;
        if (pii_in_code(sc, start, end, &why)) {
            pii_suppress(sc, SANCTUM_ENTITY_CREDIT_CARD, SANCTUM_REC_CREDIT_CARD, start, end, ev);
            continue;
        }
        if (pii_context(sc, start, true, 5, 48, PII_CARD_WORDS)) {
            score += 0.1;
            ev |= SANCTUM_EV_CONTEXT_BEFORE;
        } else if (pii_context(sc, end, false, 3, 30, PII_CARD_WORDS)) {
            score += 0.1;
            ev |= SANCTUM_EV_CONTEXT_AFTER;
        } else if (pii_negative_context(sc, start, end)) {
            score -= ng > 1 ? 0.3 : 0.5;
            ev |= SANCTUM_EV_NEGATIVE_CONTEXT;
        }
        pii_add(sc, SANCTUM_ENTITY_CREDIT_CARD, SANCTUM_REC_CREDIT_CARD, start, end, score, ev);
        g0 = k - 1; /* every card in a row of them: go on after this one */
    }
}
