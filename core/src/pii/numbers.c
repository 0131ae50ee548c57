/* Digit clusters: the shared front end of the numeric recognizers (phone, card, SSN, bank). A cluster
 * is a run of digit groups joined by single separators; it is only a candidate number when it stands
 * alone (not glued to letters, not part of a decimal, an IP address, a version, a date or a time). */
#include "pii.h"

/* Digits in the run that ends just before s[e] (leftwards) or starts at s[b] (rightwards). */
static size_t run_left(const uint8_t *s, size_t e)
{
    size_t k = 0;
    while (e > k && pii_is_digit(s[e - k - 1]) && k < 8)
        k++;
    return k;
}
static size_t run_right(const uint8_t *s, size_t n, size_t b)
{
    size_t k = 0;
    while (b + k < n && pii_is_digit(s[b + k]) && k < 8)
        k++;
    return k;
}

/* A comma between digits is a thousands separator only as "1,234" (a lead of 1-3 digits, then exactly
 * three): "4111111111111111,5555555555554444" is a list. */
static bool thousands(const uint8_t *s, size_t n, size_t comma)
{
    return run_left(s, comma) <= 3 && run_right(s, n, comma + 1) == 3;
}

/* Chinese, Japanese and Korean text puts no space before or after a number: a character of U+3000 to
 * U+FFBF (CJK punctuation, kana, ideographs, Hangul, full-width forms such as "：" and "，", lead bytes
 * E3-EF) is a boundary, not glue. So are the letters of the scripts of South-East Asia that write no space
 * between words either (Thai "เบอร์081 234 5678ค่ะ", Lao, Khmer, Myanmar), their digits excepted, and typographic
 * quotes and dashes ("客服电话 010-5555-8372”", "—0412 345 678") and the signs of a cheque's MICR line. Full-width
 * currency signs (U+FFE0 on) and everything below U+0E00 (accented letters, Cyrillic, "€") still glue. */
bool pii_number_boundary(const uint8_t *s, size_t n, size_t lead)
{
    /* round 15: the Latin-1 quote and question marks of other languages, "«" "»" "¡" "¿" (U+00AB, U+00BB,
     * U+00A1, U+00BF), and the middle dot and no-break space of U+00A0-00BF ("«06 12 34 56 78»") quote a
     * number as a space would; the other signs of that block (° ² ¼ £ ª) still glue */
    if (s[lead] == 0xC2)
        return (lead + 1 < n && (s[lead + 1] == 0xAB || s[lead + 1] == 0xBB || s[lead + 1] == 0xA1 ||
                                 s[lead + 1] == 0xBF)) ||
               pii_punct_len(s, n, lead) == 2;
    /* round 13: the sentence signs of other scripts end a number as "." does: the Arabic comma, semicolon and
     * question mark "، ؛ ؟" and the Urdu full stop "۔", the Armenian full stop "։" */
    if (lead + 1 < n && ((s[lead] == 0xD8 && (s[lead + 1] == 0x8C || s[lead + 1] == 0x9B || s[lead + 1] == 0x9F)) ||
                         (s[lead] == 0xDB && s[lead + 1] == 0x94) || (s[lead] == 0xD6 && s[lead + 1] == 0x89)))
        return true;
    if (lead + 2 >= n || s[lead] < 0xE0 || s[lead] > 0xEF)
        return false;
    uint8_t b1 = s[lead + 1], b2 = s[lead + 2];
    if (s[lead] == 0xE0) /* Thai U+0E00-0E7F (digits U+0E50-0E59), Lao U+0E80-0EFF (digits U+0ED0-0ED9); the danda
                          * "।" and "॥" of the Indic scripts (U+0964-0965) */
        return (b1 == 0xB8 || b1 == 0xBA || ((b1 == 0xB9 || b1 == 0xBB) && !(b2 >= 0x90 && b2 <= 0x99))) ||
               (b1 == 0xA5 && (b2 == 0xA4 || b2 == 0xA5));
    if (s[lead] == 0xE1) /* Myanmar U+1000-103F, Khmer U+1780-17DF (digits U+1040-1049, U+17E0-17E9); Ethiopic
                          * punctuation U+1361-1368 ("።", "፣", "፤") */
        return b1 == 0x80 || b1 == 0x9E || (b1 == 0x9F && b2 < 0xA0) || (b1 == 0x8D && b2 >= 0xA1 && b2 <= 0xA8);
    if (s[lead] == 0xE2) /* typographic punctuation U+2000-U+206F (“ ” ‘ ’ — …), the OCR/MICR signs U+2440-U+245F (⑆ ⑈) */
        return b1 == 0x80 || (b1 == 0x81 && b2 < 0xB0) || (b1 == 0x91 && b2 < 0xA0);
    if (s[lead] < 0xE3)
        return false;
    return !(s[lead] == 0xEF && b1 == 0xBF);
}

static bool glued_cjk_before(const uint8_t *s, size_t n, size_t i)
{
    size_t k = i - 1;
    while (k > 0 && i - k < 4 && (s[k] & 0xC0) == 0x80)
        k--;
    return !pii_number_boundary(s, n, k);
}

static bool glued_before(const uint8_t *s, size_t n, size_t i)
{
    if (i == 0)
        return false;
    uint8_t b = s[i - 1];
    uint8_t b2 = i > 1 ? s[i - 2] : ' ';
    if (b >= 0x80)
        return glued_cjk_before(s, n, i);
    if ((b == 't' || b == 'n' || b == 'r') && b2 == '\\')
        return false; /* round 15: a literal escape printed by a repr or a log ("\\t219-09-9999") separates */
    if (pii_is_wordish(b) || b == '$' || b == '%' || b == '&')
        return true;
    if ((b == '.' || b == ':') && pii_is_digit(b2))
        return true; /* decimals, times */
    if (b == ',' && pii_is_digit(b2) && thousands(s, n, i - 1))
        return true;
    if ((b == '-' || b == '^' || b == '~' || b == '.') && pii_is_alnum(b2))
        return true; /* ABC-123, v.2, ~1 */
    return false;
}

/* The labels that may be glued to their number by a hyphen (beside the phone words). */
static const char *const HYPHEN_LABELS[] = {"ssn", "sin", "tin", "itin", "card", "iban", "acct", "account", NULL};

static bool wide_byte(uint8_t c) { return c == ' ' || c == '\t' || c == '-' || c == PII_FILLER; }

bool pii_number_wide_follows(const pii_scan *sc, const pii_number *num, size_t next)
{
    const uint8_t *s = sc->s;
    bool space = false, dash = false;
    for (size_t k = 1; k < num->ngroups; k++) {
        space = space || num->g[k].sep == ' ';
        dash = dash || num->g[k].sep == '-';
    }
    if (space && dash)
        return true;
    size_t r = next, real = 0;
    while (r < sc->n && wide_byte(s[r]) && real <= 3)
        real += s[r++] != PII_FILLER;
    return real <= 3 && r > next && r < sc->n && pii_is_digit(s[r]) &&
           !(r == next + 1 && (s[next] == ' ' || s[next] == '-'));
}

size_t pii_number_parse(const pii_scan *sc, size_t i, pii_number *num)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    num->start = i;
    num->ngroups = 0;
    num->plus = false;
    num->paren = false;
    /* "(+44) 20 7946 0958": a country code written in parentheses with its '+' */
    bool paren_cc = false;
    if (s[i] == '(' && i + 2 < n && s[i + 1] == '+' && pii_is_digit(s[i + 2])) {
        size_t q = i + 2;
        while (q < n && pii_is_digit(s[q]))
            q++;
        paren_cc = q < n && s[q] == ')' && q - i - 2 <= 3;
    }
    if (s[i] == '(' && !paren_cc) {
        size_t q = i + 1;
        while (q < n && pii_is_digit(s[q]))
            q++;
        if (q == i + 1 || q >= n || s[q] != ')' || q - i - 1 > 5) {
            i++; /* "(1-800-...)", "(555-0147)": an opening parenthesis, not an area code */
            num->start = i;
            if (i >= n || !pii_is_digit(s[i]))
                return i;
        }
    }
    size_t p = i;
    bool bad = glued_before(s, n, i);
    /* "Tel.020 7946 0018", "Mob.07700 900123": an abbreviated phone word glued by its dot */
    if (bad && i > 1 && s[i - 1] == '.' && pii_is_alpha(s[i - 2]) &&
        pii_context_by_byte(sc, i - 1, true, 1, 12, PII_PHONE_WORDS))
        bad = false;
    /* round 15: a label glued by a hyphen, as chat and file names write it ("ssn-219-09-9999", "tel-0161 496
     * 0733"); any other word before the hyphen is a code ("JIRA-219-09-9999", "build-0161") */
    if (bad && i > 1 && s[i - 1] == '-' && pii_is_alpha(s[i - 2]) &&
        (pii_context_by_byte(sc, i - 1, true, 1, 12, PII_PHONE_WORDS) || pii_context(sc, i - 1, true, 1, 12, HYPHEN_LABELS)))
        bad = false;
    if (paren_cc) {
        num->plus = true;
        p = i + 2; /* the first group is read as a group in parentheses */
    } else if (s[p] == '+') {
        num->plus = true;
        p++;
        if (p >= n || (!pii_is_digit(s[p]) && s[p] != '('))
            return i + 1;
    }
    uint8_t sep = 0;
    size_t total = 0;
    for (;;) {
        bool in_paren = false;
        if (paren_cc) {
            in_paren = true;
            paren_cc = false;
        } else if (p < n && s[p] == '(') {
            if (p + 1 >= n || !pii_is_digit(s[p + 1]))
                break;
            in_paren = true;
            p++;
        }
        size_t gs = p;
        while (p < n && pii_is_digit(s[p]) && p - gs < 20)
            p++;
        if (p == gs)
            break;
        if (p < n && pii_is_digit(s[p])) { /* absurdly long digit run: skip it whole */
            while (p < n && pii_is_digit(s[p]))
                p++;
            num->ngroups = 0;
            return p;
        }
        if (in_paren) {
            if (p >= n || s[p] != ')') {
                if (num->ngroups > 0 && gs >= 2 && s[gs - 2] == ' ') {
                    /* a remark opened after the number ("4111 0069 3080 5 (13 digits)", "... (24h)"): the
                     * number ends before it */
                    p = num->g[num->ngroups - 1].end;
                    if (p < n && s[p] == ')')
                        p++;
                    break;
                }
                num->ngroups = 0;
                return p;
            }
        }
        if (num->ngroups == PII_MAX_GROUPS) {
            p = num->g[num->ngroups - 1].end; /* end the cluster here; the rest is scanned on its own */
            if (p < n && s[p] == ')')
                p++;
            break;
        }
        pii_group *g = &num->g[num->ngroups++];
        g->start = gs;
        g->end = p;
        g->sep = in_paren ? '(' : sep;
        if (in_paren && num->ngroups == 1)
            num->paren = true;
        total += p - gs;
        if (in_paren)
            p++; /* ')' */
        /* separator to the next group */
        size_t q = p;
        sep = 0;
        while (q < n && s[q] == PII_FILLER)
            q++; /* an invisible character beside a space */
        if (sc->wide_seps && q < n && wide_byte(s[q])) {
            size_t r = q, real = 0;
            while (r < n && wide_byte(s[r]) && real <= 3)
                real += s[r++] != PII_FILLER;
            if (real <= 3 && r < n && pii_is_digit(s[r])) {
                sep = ' '; /* "5518  2636", "5518-2636 7903-6093": one kind of separator for the card reader */
                q = r;
            }
        } else if (q < n && s[q] == '(') {
            sep = '(';
        } else if (in_paren && q < n && pii_is_digit(s[q])) {
            sep = ')'; /* "(212)555-0148", "+44 (0)20 ..." */
        } else if (q + 2 < n && s[q] == ' ' && s[q + 1] == '-' && s[q + 2] == ' ') {
            sep = '-';
            q += 3;
        } else if (q < n && (s[q] == ' ' || s[q] == '-' || s[q] == '.' || s[q] == '/')) {
            sep = s[q];
            q++;
            while (q < n && s[q] == PII_FILLER)
                q++;
            if (q < n && s[q] == '(' && sep == ' ')
                sep = '(';
        }
        if (sep == 0 || q >= n || (!pii_is_digit(s[q]) && s[q] != '('))
            break;
        if (s[q] == '(' && (q + 1 >= n || !pii_is_digit(s[q + 1])))
            break;
        if (total >= 64)
            break; /* a long row of numbers: the rest is another cluster */
        p = q;
    }
    /* round 15: a card's expiry date after it ("4111 1111 1111 1111 11/26", "... 09/2027"): a space, one or two
     * digits, a slash. The date is no group of the number; the cluster ends before it and the date is read on
     * its own. */
    for (size_t k = 2; k < num->ngroups; k++) {
        if (num->g[k].sep == '/' && num->g[k - 1].sep == ' ' && num->g[k - 1].end - num->g[k - 1].start <= 2) {
            num->ngroups = k - 1;
            p = num->g[k - 2].end;
            if (p < n && s[p] == ')')
                p++;
            break;
        }
    }
    num->end = p;
    if (num->ngroups == 0)
        return p > i ? p : i + 1;
    /* what follows the cluster */
    if (p < n) {
        uint8_t a = s[p];
        uint8_t a2 = p + 1 < n ? s[p + 1] : ' ';
        if ((pii_is_wordish(a) && !pii_number_boundary(s, n, p)) || a == '@' || a == '%' || ((a == ':' || a == '.') && pii_is_digit(a2)) ||
            (a == ',' && pii_is_digit(a2) && thousands(s, n, p)))
            bad = true;
    }
    /* shapes that are not personal numbers */
    size_t dots = 0, slashes = 0;
    for (size_t k = 1; k < num->ngroups; k++) {
        if (num->g[k].sep == '.')
            dots++;
        if (num->g[k].sep == '/')
            slashes++;
    }
    /* dates, fractions, paths; but a German area code before a slash ("030/12345678": trunk 0, three to
     * five digits, then five to eight) is a phone number */
    bool area_slash = slashes == 1 && num->ngroups == 2 && !num->plus && s[num->g[0].start] == '0' &&
                      num->g[0].end - num->g[0].start >= 3 && num->g[0].end - num->g[0].start <= 5 &&
                      num->g[1].end - num->g[1].start >= 5 && num->g[1].end - num->g[1].start <= 8;
    if (slashes > 0 && !area_slash)
        bad = true;
    if (dots > 0 && !num->plus) {
        bool nanp = num->ngroups == 3 && num->g[0].end - num->g[0].start == 3 &&
                    num->g[1].end - num->g[1].start == 3 && num->g[2].end - num->g[2].start == 4 && dots == 2;
        bool pairs = num->ngroups == 5 && s[num->g[0].start] == '0';
        for (size_t k = 0; pairs && k < 5; k++)
            pairs = num->g[k].end - num->g[k].start == 2;
        bool ssn = num->ngroups == 3 && dots == 2 && num->g[0].end - num->g[0].start == 3 &&
                   num->g[1].end - num->g[1].start == 2 && num->g[2].end - num->g[2].start == 4;
        bool card = num->ngroups == 4 && dots == 3; /* 4111.1111.1111.1111 */
        for (size_t k = 0; card && k < 4; k++)
            card = num->g[k].end - num->g[k].start == 4;
        if (!nanp && !pairs && !ssn && !card)
            bad = true; /* IP addresses, versions, dotted dates */
    }
    if (num->ngroups == 3 && num->g[1].sep == '-' && num->g[2].sep == '-') {
        size_t l0 = num->g[0].end - num->g[0].start, l1 = num->g[1].end - num->g[1].start,
               l2 = num->g[2].end - num->g[2].start;
        if ((l0 == 4 && l1 <= 2 && l2 <= 2) || (l0 <= 2 && l1 <= 2 && l2 == 4))
            bad = true; /* ISO and day-month-year dates */
    }
    if (bad)
        num->ngroups = 0;
    return p;
}

size_t pii_number_digits(const pii_scan *sc, const pii_number *num, size_t g0, size_t k, uint8_t *out,
                         size_t cap)
{
    size_t m = 0;
    for (size_t j = g0; j < g0 + k && j < num->ngroups; j++)
        for (size_t p = num->g[j].start; p < num->g[j].end; p++) {
            if (m == cap)
                return m;
            out[m++] = sc->s[p];
        }
    return m;
}
