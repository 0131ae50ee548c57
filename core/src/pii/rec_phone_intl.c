/* PHONE_NUMBER, international: "+CC" (E.164 country code from the table below) or "00CC" followed by a
 * national number whose digit count is within the country's range: 0.85 (0.75 for "00"); a phone word
 * before or after +0.3; order/id words -0.4. Numbers written the national way, without a country code,
 * are rec_phone_national.c's. Also the phone context shared by every phone recognizer (pii_phone_add):
 * phone words in many languages, CJK phone words inside a run of text, a "label:" naming the number. */
#include <string.h>

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
    {49, 6, 13},   {51, 8, 11},   {52, 10, 11},  {53, 6, 8},    {54, 10, 11},  {55, 10, 11},
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

/* Chinese, Japanese and Korean put no space between words: a phone word anywhere in the run counts. */
static const char *const CJK_PHONE_WORDS[] = {"\xe7\x94\xb5\xe8\xaf\x9d", /* 电话 */
                                              "\xe9\x9b\xbb\xe8\xa9\xb1", /* 電話 */
                                              "\xe6\x89\x8b\xe6\x9c\xba", /* 手机 */
                                              "\xe6\x89\x8b\xe6\xa9\x9f", /* 手機 */
                                              "\xe6\x90\xba\xe5\xb8\xaf", /* 携帯 */
                                              "\xe8\x81\x94\xe7\xb3\xbb", /* 联系 */
                                              "\xec\xa0\x84\xed\x99\x94", /* 전화 */
                                              "\xed\x9c\xb4\xeb\x8c\x80\xed\x8f\xb0", /* 휴대폰 */
                                              "\xed\x95\xb8\xeb\x93\x9c\xed\x8f\xb0", /* 핸드폰 */
                                              "\xec\x97\xb0\xeb\x9d\xbd\xec\xb2\x98", /* 연락처 */
                                              NULL};

static bool has_bytes(const uint8_t *s, size_t from, size_t to, const char *w)
{
    size_t l = strlen(w);
    for (size_t i = from; i + l <= to; i++)
        if (s[i] == (uint8_t)w[0] && memcmp(s + i, w, l) == 0)
            return true;
    return false;
}

static bool cjk_phone_word(const pii_scan *sc, size_t start, size_t end)
{
    size_t from = start > 36 ? start - 36 : 0, to = end + 36 < sc->n ? end + 36 : sc->n;
    bool cjk = false;
    for (size_t i = from; i < to && !cjk; i++)
        cjk = sc->s[i] >= 0xE3 && sc->s[i] <= 0xED;
    if (!cjk)
        return false;
    for (size_t k = 0; CJK_PHONE_WORDS[k] != NULL; k++)
        if (has_bytes(sc->s, from, start, CJK_PHONE_WORDS[k]) || has_bytes(sc->s, end, to, CJK_PHONE_WORDS[k]))
            return true;
    return false;
}

/* "Número de la oficina en Madrid: 91 744 20 18": a label before a colon names what follows it, however
 * many words it has (up to 64 bytes, same line). */
static bool phone_label(const pii_scan *sc, size_t start)
{
    size_t p = start;
    while (p > 0 && (sc->s[p - 1] == ' ' || sc->s[p - 1] == '\t'))
        p--;
    if (p == 0 || sc->s[p - 1] != ':')
        return false;
    size_t ls = p - 1;
    while (ls > 0 && p - ls < 64 && sc->s[ls - 1] != '\n' && sc->s[ls - 1] != '.')
        ls--;
    return pii_context_by_byte(sc, p - 1, true, 8, p - 1 - ls, PII_PHONE_WORDS);
}

bool pii_phone_word_near(const pii_scan *sc, size_t start, size_t end)
{
    return pii_context_by_byte(sc, start, true, 4, 40, PII_PHONE_WORDS) || pii_context_by_byte(sc, end, false, 3, 30, PII_PHONE_WORDS) ||
           cjk_phone_word(sc, start, end) || phone_label(sc, start);
}

/* Shared by both phone recognizers: precision rules, then phone/number context raises the score and
 * order/id words lower it. */
void pii_phone_add(pii_scan *sc, int32_t rec, size_t start, size_t end, double score, uint32_t ev)
{
    const char *why;
    if (pii_in_code(sc, start, end, &why)) {
        pii_suppress(sc, SANCTUM_ENTITY_PHONE_NUMBER, rec, start, end, ev);
        return;
    }
    if (pii_context_by_byte(sc, start, true, 4, 40, PII_PHONE_WORDS)) {
        score += 0.3;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
    } else if (pii_context_by_byte(sc, end, false, 3, 30, PII_PHONE_WORDS)) {
        score += 0.3;
        ev |= SANCTUM_EV_CONTEXT_AFTER;
    } else if (cjk_phone_word(sc, start, end) || phone_label(sc, start)) {
        score += 0.3;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
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
    pii_phone_national(sc, num);
}
