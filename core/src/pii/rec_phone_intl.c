/* PHONE_NUMBER, international: "+CC" (E.164 country code from the table below) followed by a national
 * number whose digit count is within the country's range, or a national trunk-0 number
 * ("07700 900604", "020 7946 0958", "06 12 34 56 78", "030 1234567", "03-1234-5678", "(02) 9876 5432",
 * "03-6123456").
 * Scores: +CC with a valid length 0.85; trunk-0 forms with a distinctive grouping (UK, France, Japan,
 * Australia) 0.7, other grouped
 * trunk-0 forms 0.55, bare 0.35; a phone word before or after +0.3; order/id words -0.4. */
#include "pii.h"


typedef struct cc_rule {
    uint16_t cc;
    uint8_t min, max; /* national significant number length */
} cc_rule;

/* Country codes (ITU-T E.164) with national number lengths; code 1 is the NANP recognizer's. */
static const cc_rule CC[] = {
    {7, 10, 10},   {20, 9, 10},   {27, 9, 9},    {30, 10, 10},  {31, 9, 9},    {32, 8, 9},
    {33, 9, 9},    {34, 9, 9},    {36, 8, 9},    {39, 6, 11},   {40, 9, 9},    {41, 9, 9},
    {43, 4, 13},   {44, 9, 10},   {45, 8, 8},    {46, 7, 13},   {47, 8, 8},    {48, 9, 9},
    {49, 6, 13},   {51, 8, 11},   {52, 10, 10},  {53, 6, 8},    {54, 10, 11},  {55, 10, 11},
    {56, 9, 9},    {57, 8, 10},   {58, 10, 10},  {60, 7, 10},   {61, 9, 9},    {62, 7, 12},
    {63, 8, 10},   {64, 8, 10},   {65, 8, 8},    {66, 8, 9},    {81, 9, 10},   {82, 8, 10},
    {84, 9, 10},   {86, 10, 11},  {90, 10, 10},  {91, 10, 10},  {92, 9, 10},   {93, 9, 9},
    {94, 9, 9},    {95, 7, 10},   {98, 10, 10},  {212, 9, 9},   {213, 8, 9},   {216, 8, 8},
    {218, 8, 9},   {221, 9, 9},   {225, 8, 10},  {233, 9, 9},   {234, 8, 10},  {237, 8, 9},
    {251, 9, 9},   {254, 9, 9},   {255, 9, 9},   {256, 9, 9},   {260, 9, 9},   {263, 9, 9},
    {351, 9, 9},   {352, 4, 11},  {353, 7, 9},   {354, 7, 9},   {355, 8, 9},   {356, 8, 8},
    {357, 8, 8},   {358, 5, 12},  {359, 7, 9},   {370, 8, 8},   {371, 8, 8},   {372, 7, 8},
    {373, 8, 8},   {374, 8, 8},   {375, 9, 10},  {376, 6, 9},   {377, 8, 9},   {380, 9, 9},
    {381, 8, 9},   {382, 8, 8},   {385, 8, 9},   {386, 8, 8},   {387, 8, 8},   {389, 8, 8},
    {420, 9, 9},   {421, 9, 9},   {423, 7, 9},   {852, 8, 8},   {853, 8, 8},   {855, 8, 9},
    {880, 10, 10}, {886, 8, 9},   {961, 7, 8},   {962, 8, 9},   {963, 8, 9},   {964, 10, 10},
    {965, 8, 8},   {966, 9, 9},   {967, 9, 9},   {968, 8, 8},   {970, 8, 9},   {971, 8, 9},
    {972, 8, 9},   {973, 8, 8},   {974, 8, 8},   {976, 8, 8},   {977, 8, 10},  {992, 9, 9},
    {993, 8, 8},   {994, 9, 9},   {995, 9, 9},   {996, 9, 9},   {998, 9, 9},
};

static const cc_rule *cc_find(const uint8_t *d, size_t nd, size_t *cclen)
{
    unsigned v = 0;
    for (size_t l = 1; l <= 3 && l <= nd; l++) {
        v = v * 10u + (unsigned)(d[l - 1] - '0');
        for (size_t k = 0; k < sizeof CC / sizeof CC[0]; k++)
            if (CC[k].cc == v) {
                *cclen = l;
                return &CC[k];
            }
    }
    return NULL;
}

static size_t glen(const pii_number *num, size_t k) { return num->g[k].end - num->g[k].start; }

/* Shared by both phone recognizers: precision rules, then phone/number context raises the score and
 * order/id words lower it. */
void pii_phone_add(pii_scan *sc, int32_t rec, size_t start, size_t end, double score, uint32_t ev)
{
    const char *why;
    if (pii_in_code(sc, start, end, &why)) {
        pii_suppress(sc, SANCTUM_ENTITY_PHONE_NUMBER, rec, start, end, ev);
        return;
    }
    if (pii_context(sc, start, true, 4, 40, PII_PHONE_WORDS)) {
        score += 0.3;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
    } else if (pii_context(sc, end, false, 3, 30, PII_PHONE_WORDS)) {
        score += 0.3;
        ev |= SANCTUM_EV_CONTEXT_AFTER;
    } else if (pii_context(sc, start, true, 2, 24, PII_NUMBER_WORDS) && !pii_negative_context(sc, start, end)) {
        score += 0.3;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
    } else if (pii_negative_context(sc, start, end)) {
        score -= 0.4;
        ev |= SANCTUM_EV_NEGATIVE_CONTEXT;
    }
    pii_add(sc, SANCTUM_ENTITY_PHONE_NUMBER, rec, start, end, score, ev);
}

void pii_rec_phone_intl(pii_scan *sc, const pii_number *num)
{
    const uint8_t *s = sc->s;
    uint8_t d[48];
    /* "0044 20 7946 0958", "00 33 6 ...": the 00 international prefix written instead of '+' */
    bool zz = !num->plus && !num->paren && num->ngroups >= 2 && glen(num, 0) >= 2 && glen(num, 0) <= 5 &&
              s[num->g[0].start] == '0' && s[num->g[0].start + 1] == '0';
    if (num->plus || zz) {
        /* digits of every group; a "(0)" trunk group after the country code is dropped */
        size_t nd = 0, cnt = 0;
        size_t upto[PII_MAX_GROUPS], gidx[PII_MAX_GROUPS];
        for (size_t k = 0; k < num->ngroups; k++) {
            if (k > 0 && num->g[k].sep == '(' && glen(num, k) == 1 && s[num->g[k].start] == '0')
                continue;
            if (k > 0 && num->g[k].sep == '/')
                break;
            size_t l = glen(num, k), skip = (zz && k == 0) ? 2 : 0;
            if (nd + l > 18)
                break;
            for (size_t p = skip; p < l; p++)
                d[nd++] = s[num->g[k].start + p];
            upto[cnt] = nd;
            gidx[cnt] = k;
            cnt++;
        }
        if (nd == 0 || d[0] == '1')
            return; /* NANP */
        size_t cclen = 0;
        const cc_rule *r = cc_find(d, nd, &cclen);
        if (r == NULL)
            return;
        /* the longest run of whole groups whose national number length is valid */
        for (size_t c = cnt; c > 0; c--) {
            if (upto[c - 1] < cclen)
                break;
            size_t nsn = upto[c - 1] - cclen;
            if (nsn < r->min || nsn > r->max)
                continue;
            if (d[cclen] == '0' && r->cc != 39)
                return; /* the trunk 0 is not written after +CC (Italy keeps it) */
            pii_phone_add(sc, SANCTUM_REC_PHONE_INTL, zz ? num->g[0].start : num->start, num->g[gidx[c - 1]].end, zz ? 0.75 : 0.85,
                   SANCTUM_EV_FORMAT_STRONG | SANCTUM_EV_VALIDATOR | SANCTUM_EV_COUNTRY_CODE);
            return;
        }
        return;
    }
    /* national trunk-0 forms */
    for (size_t g0 = 0; g0 < num->ngroups; g0++) {
        if (g0 > 0 && num->g[g0].sep != ' ')
            continue;
        if (s[num->g[g0].start] != '0' || glen(num, g0) < 2)
            continue;
        size_t start = num->g[g0].start;
        if (g0 == 0 && num->paren)
            start--;
        size_t nd = 0, k = g0;
        uint8_t sep = 0;
        for (; k < num->ngroups && nd < 12; k++) {
            if (k > g0) {
                if (sep == 0)
                    sep = num->g[k].sep == '(' ? ' ' : num->g[k].sep;
                else if (num->g[k].sep != sep)
                    break;
            }
            if (nd + glen(num, k) > 11)
                break;
            for (size_t p = num->g[k].start; p < num->g[k].end; p++)
                d[nd++] = s[p];
        }
        size_t ng = k - g0;
        /* Israel: 0X-XXXXXXX, 05X-XXXXXXX (nine or ten digits, the subscriber part in one block) */
        bool il = ng == 2 && sep == '-' && glen(num, g0 + 1) == 7 && (glen(num, g0) == 2 || glen(num, g0) == 3);
        if ((nd < 10 && !il) || nd > 11)
            continue;
        double score;
        uint32_t ev = SANCTUM_EV_VALIDATOR;
        bool uk_mobile = nd == 11 && d[1] == '7' && ng == 2 && glen(num, g0) == 5;
        size_t l0 = glen(num, g0), l1 = ng > 1 ? glen(num, g0 + 1) : 0;
        /* UK geographic: 020 7946 0958, 0113 496 0555, 01632 960 123, 01632 960123 */
        bool uk_geo = nd == 11 && d[1] >= '1' && d[1] <= '3' && sep == ' ' &&
                      ((ng == 3 && ((l0 == 3 && l1 == 4) || (l0 == 4 && l1 == 3) || (l0 == 5 && l1 == 3))) ||
                       (ng == 2 && (l0 == 5 || l0 == 4)));
        /* Japan: 03-1234-5678, 06-6123-4567, 090-1234-5678 (dashes, three groups) */
        bool jp = sep == '-' && ng == 3 && (nd == 10 || (nd == 11 && l0 == 3 && d[2] == '0'));
        /* Australia: (02) 9876 5432 and mobiles 0412 345 678 */
        bool au = (nd == 10 && ng == 3 && g0 == 0 && num->paren && l0 == 2 && l1 == 4) ||
                  (nd == 10 && ng == 3 && d[1] == '4' && l0 == 4 && l1 == 3 && sep == ' ');
        bool fr = nd == 10 && ng == 5 && d[1] >= '1' && d[1] <= '9';
        bool de = (nd == 10 || nd == 11) && ng == 2 && glen(num, g0) >= 3 && glen(num, g0) <= 5 &&
                  (sep == ' ' || sep == '-' || sep == '/');
        if (uk_mobile || uk_geo || fr || jp || au) {
            score = 0.7;
            ev |= SANCTUM_EV_FORMAT_STRONG;
        } else if (ng >= 2 && (de || il || ng >= 3)) {
            score = 0.55;
            ev |= SANCTUM_EV_FORMAT_WEAK;
        } else if (ng == 1) {
            score = 0.35;
            ev |= SANCTUM_EV_FORMAT_WEAK;
        } else {
            continue;
        }
        if (d[1] == '0')
            continue;
        if (k < num->ngroups && num->g[k].sep != ' ')
            continue;
        pii_phone_add(sc, SANCTUM_REC_PHONE_INTL, start, num->g[k - 1].end, score, ev);
    }
}
