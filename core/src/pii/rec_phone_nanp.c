/* PHONE_NUMBER, North American Numbering Plan: [+1|1] NPA NXX XXXX with NPA = [2-9][0-8]d (not N11)
 * and NXX = [2-9]dd (not N11).
 * Scores by written form: "+1 ..." 0.9, "(514) 555-1234" 0.85, 514-555-1234 0.8, 514.555.1234 0.75,
 * 514 555 1234 0.6, bare 5145551234 0.4; a phone word before or after +0.3; order/id words -0.4.
 * Read out digit by digit ("2 1 2 5 5 5 0 1 4 7") 0.45, and only after a phone or number word; said in words
 * ("two one two five five five ...") 0.75 after a phone word. */
#include "pii.h"

/* Phone words, indexed by their first byte (ASCII lower case), so a context word is compared with the few
 * entries that start like it, not with all of them: the list is long (a word for "phone", "mobile" and
 * "call me" in every language whose national forms rec_phone_national.c knows). */
#define PW(...) (const char *const[]){__VA_ARGS__, NULL}
const char *const *const PII_PHONE_WORDS[256] = {
    ['a'] = PW("anruf*", "appel*"),
    ['b'] = PW("bel"),
    ['c'] = PW("call+", "cel", "cell*", "cellulare", "celular", "cep", "chiama*", "contact*", "contato", "cp"),
    ['d'] = PW("desk", "dial+"),
    ['e'] = PW("ext", "extension"),
    ['f'] = PW("fax"),
    ['g'] = PW("gsm"),
    ['h'] = PW("handy*", "hotline", "hp"),
    ['l'] = PW("landline", "liga", "ligar", "ligue", "llama*", "llám*"),
    ['m'] = PW("mob", "mobiel", "mobil", "mobile*", "movil", "msisdn", "móvil"),
    ['n'] = PW("natel", "numero", "nummer", "numéro", "número"),
    ['p'] = PW("ph", "phone+", "portable", "puh"),
    ['r'] = PW("ramal", "reach", "reception", "ring", "ruf", "rufnummer"),
    ['s'] = PW("signal", "sms", "switchboard", "sđt"),
    ['t'] = PW("tel", "tele*", "telno", "telèfon", "teléfono", "text+", "tlf"),
    ['w'] = PW("whats*"),
    ['z'] = PW("zap"),
    [0xC4] = PW("điện", "đt"),
    [0xD0] = PW("звони*", "мобильн*", "номер", "позвони*"),
    [0xD1] = PW("тел", "телефон*"),
    [0xD7] = PW("טלפון", "נייד"),
    [0xD8] = PW("رقم"),
    [0xD9] = PW("هاتف"),
    [0xE0] = PW("โทร*"),
    [0xE6] = PW("手机*", "手機*", "携帯*"),
    [0xE7] = PW("电话*"),
    [0xE9] = PW("電話*"),
    [0xEC] = PW("전화*"),
    [0xED] = PW("핸드폰*", "휴대폰*"),
};
#undef PW

/* "number" counts as a phone word only when no order/ticket word comes with it. */
const char *const PII_NUMBER_WORDS[] = {"number", "numbers", "no", "nr", "num", "digits", NULL};

static bool nanp_valid(const uint8_t *d)
{
    /* d: 10 digits */
    if (d[0] < '2' || d[1] == '9' || (d[1] == '1' && d[2] == '1'))
        return false;
    if (d[3] < '2' || (d[4] == '1' && d[5] == '1'))
        return false;
    return true;
}

static size_t glen(const pii_number *num, size_t k) { return num->g[k].end - num->g[k].start; }

/* "call me on 2 1 2 5 5 5 0 1 4 7": a number read out digit by digit (voicemail transcripts, dictation) is
 * a phone only after a phone or "number" word: 0.45, and that word adds 0.3. */
static bool digit_by_digit(pii_scan *sc, const pii_number *num)
{
    uint8_t d[11];
    for (size_t k = 0; k < num->ngroups; k++) {
        if (glen(num, k) != 1 || (k > 0 && num->g[k].sep != ' '))
            return false;
        d[k] = sc->s[num->g[k].start];
    }
    if ((num->ngroups == 11 && d[0] != '1') || !nanp_valid(d + (num->ngroups == 11)))
        return true;
    size_t start = num->g[0].start, end = num->g[num->ngroups - 1].end;
    if (pii_context_by_byte(sc, start, true, 4, 40, PII_PHONE_WORDS) ||
        pii_context(sc, start, true, 2, 24, PII_NUMBER_WORDS))
        pii_phone_add(sc, SANCTUM_REC_PHONE_NANP, start, end, 0.45, SANCTUM_EV_FORMAT_WEAK);
    return true;
}

void pii_rec_phone_nanp(pii_scan *sc, const pii_number *num)
{
    const uint8_t *s = sc->s;
    if ((num->ngroups == 10 || num->ngroups == 11) && !num->plus && !num->paren && digit_by_digit(sc, num))
        return; /* single digits: no other grouping to read */
    /* E.164 without its '+' where a link asks for it (wa.me/15551234567, ?phone=15551234567) */
    bool e164 = num->plus || (num->ngroups == 1 && pii_phone_link(sc, num->g[0].start));
    for (size_t g0 = 0; g0 < num->ngroups; g0++) {
        if (g0 > 0 && num->g[g0].sep != ' ' && num->g[g0].sep != '(')
            continue;
        size_t g = g0;
        bool country = false;
        size_t start = num->g[g].start;
        if (g == 0 && num->plus)
            start = num->start;
        if ((g == 0 && num->paren) || (g > 0 && num->g[g].sep == '('))
            start = num->g[g].start - 1;
        /* optional leading 1 / +1 */
        if (glen(num, g) == 1 && s[num->g[g].start] == '1' && g + 1 < num->ngroups) {
            country = true;
            g++;
        } else if (e164 && g == 0 && num->ngroups == 1 && glen(num, 0) == 11 && s[num->g[0].start] == '1') {
            country = true; /* E.164 written whole: +15125550198 */
        } else if (num->plus && g == 0 && glen(num, 0) != 1) {
            continue; /* +CC other than 1: international recognizer */
        }
        uint8_t d[16];
        size_t nd = 0;
        double score = 0;
        uint32_t ev = SANCTUM_EV_VALIDATOR;
        size_t used = 0;
        if (g + 2 < num->ngroups + 0 && glen(num, g) == 3 && glen(num, g + 1) == 3 && glen(num, g + 2) == 4) {
            uint8_t s1 = num->g[g + 1].sep, s2 = num->g[g + 2].sep;
            bool paren = num->g[g].sep == '(' || (g == 0 && num->paren);
            if (paren && (s2 == '-' || s2 == ' ' || s2 == '.') && (s1 == ' ' || s1 == ')' || s1 == 0 || s1 == '-'))
                score = 0.85, ev |= SANCTUM_EV_FORMAT_STRONG;
            else if (s1 == '-' && s2 == '-')
                score = 0.8, ev |= SANCTUM_EV_FORMAT_STRONG;
            else if (s1 == '.' && s2 == '.')
                score = 0.75, ev |= SANCTUM_EV_FORMAT_STRONG;
            else if (s1 == ' ' && s2 == ' ')
                score = 0.6, ev |= SANCTUM_EV_FORMAT_WEAK;
            else if (s1 == ' ' && s2 == '-')
                score = 0.7, ev |= SANCTUM_EV_FORMAT_WEAK;
            else
                continue;
            used = 3;
        } else if (glen(num, g) == 10 && !country) {
            score = 0.4, ev |= SANCTUM_EV_FORMAT_WEAK;
            used = 1;
        } else if (glen(num, g) == 11 && s[num->g[g].start] == '1' && !country) {
            score = 0.4, ev |= SANCTUM_EV_FORMAT_WEAK;
            used = 1;
        } else if (glen(num, g) == 11 && country && e164 && num->ngroups == 1) {
            score = 0.75, ev |= SANCTUM_EV_FORMAT_STRONG; /* +1 adds 0.1 below */
            used = 1;
        } else {
            continue;
        }
        nd = pii_number_digits(sc, num, g, used, d, sizeof d);
        const uint8_t *core = nd == 11 ? d + 1 : d;
        if ((nd != 10 && nd != 11) || !nanp_valid(core))
            continue;
        if (country) {
            score += e164 ? 0.1 : 0.05;
            ev |= SANCTUM_EV_COUNTRY_CODE;
        }
        size_t end = num->g[g + used - 1].end;
        /* a group glued on after the number (514-555-1234-99) makes it something else */
        if (g + used < num->ngroups && num->g[g + used].sep != ' ' && num->g[g + used].sep != '(')
            continue;
        pii_phone_add(sc, SANCTUM_REC_PHONE_NANP, start, end, score, ev);
    }
}

/* zero (or oh), one ... nine as words: the digit, or -1. */
int pii_digit_word(const uint8_t *w, size_t n)
{
    if (n < 2 || n > 5)
        return -1;
    const char *c1, *c2 = NULL;
    int v1, v2 = -1;
    switch (pii_lower(w[0])) {
    case 'z': c1 = "zero", v1 = 0; break;
    case 'o': c1 = "oh", v1 = 0, c2 = "one", v2 = 1; break;
    case 't': c1 = "two", v1 = 2, c2 = "three", v2 = 3; break;
    case 'f': c1 = "four", v1 = 4, c2 = "five", v2 = 5; break;
    case 's': c1 = "six", v1 = 6, c2 = "seven", v2 = 7; break;
    case 'e': c1 = "eight", v1 = 8; break;
    case 'n': c1 = "nine", v1 = 9; break;
    default: return -1;
    }
    if (pii_word_eq(w, n, c1))
        return v1;
    return c2 != NULL && pii_word_eq(w, n, c2) ? v2 : -1;
}

/* Digits said as words, as voicemail transcripts and dictation write them ("two one two, five five five,
 * zero one four six"): ten of them (eleven after "one") that make a valid NANP number, after a phone word. */
size_t pii_phone_spoken(pii_scan *sc, size_t i)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, p = i, end = i;
    uint8_t d[11];
    size_t nd = 0;
    while (p < n && pii_is_alpha(s[p])) {
        size_t q = p;
        while (q < n && pii_is_alpha(s[q]))
            q++;
        int v = pii_digit_word(s + p, q - p);
        if (v < 0 || (q < n && pii_is_wordish(s[q])))
            break;
        if (nd == sizeof d)
            return i; /* a longer row of digit words: no phone number */
        d[nd++] = (uint8_t)('0' + v);
        end = q;
        size_t r = q; /* up to three spaces, commas or dashes between the words */
        while (r < n && r - q < 3 && (s[r] == ' ' || s[r] == ',' || s[r] == '-'))
            r++;
        if (r == q)
            break;
        p = r;
    }
    if ((nd != 10 && nd != 11) || (nd == 11 && d[0] != '1') || !nanp_valid(d + (nd == 11)))
        return i;
    bool same = true;
    for (size_t k = 1; k < nd; k++)
        same = same && d[k] == d[0];
    if (same || !(pii_context_by_byte(sc, i, true, 6, 56, PII_PHONE_WORDS) ||
                  pii_context(sc, i, true, 2, 24, PII_NUMBER_WORDS)))
        return i;
    pii_add(sc, SANCTUM_ENTITY_PHONE_NUMBER, SANCTUM_REC_PHONE_NANP, i, end, 0.75,
            SANCTUM_EV_FORMAT_WEAK | SANCTUM_EV_CONTEXT_BEFORE);
    return end;
}
