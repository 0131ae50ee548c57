/* IBAN_CODE: country code, two check digits and the country's BBAN length (ISO 13616 registry),
 * written bare or in groups of four separated by single spaces; ISO 7064 mod-97 must pass.
 * Scores: upper case 0.95 (validator + country length), + 0.05 with an IBAN/bank word; lower case
 * 0.6, + 0.3 with a word. A failed check is not an IBAN. */
#include "checksum.h"
#include "pii.h"

typedef struct iban_len {
    char cc[3];
    uint8_t len;
} iban_len;

static const iban_len IBAN[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27},
    {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
    {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24}, {"PL", 28},
    {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
};

static const char *const IBAN_WORDS[] = {"iban*", "bank+", "transfer+", "wire", "sepa", "bic", "swift",
                                         "account+", "konto*", "compte", "cuenta", "payee", "beneficiary",
                                         "remit*", NULL};

static uint8_t up(uint8_t c) { return pii_is_lower(c) ? (uint8_t)(c - 32) : c; }

size_t pii_rec_iban(pii_scan *sc, size_t i)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (i + 4 > n || !pii_is_alpha(s[i]) || !pii_is_alpha(s[i + 1]) || !pii_is_digit(s[i + 2]) ||
        !pii_is_digit(s[i + 3]))
        return i;
    if (i > 0 && (pii_is_wordish(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '.' || s[i - 1] == '-'))
        return i;
    bool upper = pii_is_upper(s[i]) && pii_is_upper(s[i + 1]);
    bool lower = pii_is_lower(s[i]) && pii_is_lower(s[i + 1]);
    if (!upper && !lower)
        return i;
    uint8_t cc0 = up(s[i]), cc1 = up(s[i + 1]);
    size_t want = 0;
    for (size_t k = 0; k < sizeof IBAN / sizeof IBAN[0]; k++)
        if ((uint8_t)IBAN[k].cc[0] == cc0 && (uint8_t)IBAN[k].cc[1] == cc1)
            want = IBAN[k].len;
    if (want == 0)
        return i;
    /* collect alphanumerics, allowing one space (or dash) between groups of four */
    uint8_t buf[40];
    size_t m = 0, p = i, group = 0;
    bool spaced = false;
    while (p < n && m < want) {
        uint8_t c = s[p];
        if (pii_is_alnum(c)) {
            if (upper && pii_is_lower(c))
                return i;
            buf[m++] = up(c);
            group++;
            p++;
        } else if ((c == ' ' || c == '-') && group == 4 && p + 1 < n && pii_is_alnum(s[p + 1])) {
            spaced = true;
            group = 0;
            p++;
        } else {
            break;
        }
        if (!spaced && group > 4 && m > 4 && p < n && s[p] == ' ')
            break;
    }
    if (m != want)
        return i;
    if (p < n && (pii_is_wordish(s[p]) || s[p] == '@' || s[p] == '/'))
        return i;
    if (!sc_iban_mod97_valid(buf, m))
        return i;
    double score = upper ? 0.95 : 0.6;
    double bonus = upper ? 0.05 : 0.3;
    uint32_t ev = SANCTUM_EV_VALIDATOR | (upper ? SANCTUM_EV_FORMAT_STRONG : SANCTUM_EV_FORMAT_WEAK);
    const char *why;
    if (pii_in_code(sc, i, p, &why)) {
        pii_suppress(sc, SANCTUM_ENTITY_IBAN_CODE, SANCTUM_REC_IBAN, i, p, ev);
        return p;
    }
    if (pii_context(sc, i, true, 4, 40, IBAN_WORDS)) {
        score += bonus;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
    } else if (pii_context(sc, p, false, 3, 30, IBAN_WORDS)) {
        score += bonus;
        ev |= SANCTUM_EV_CONTEXT_AFTER;
    }
    pii_add(sc, SANCTUM_ENTITY_IBAN_CODE, SANCTUM_REC_IBAN, i, p, score, ev);
    return p;
}
