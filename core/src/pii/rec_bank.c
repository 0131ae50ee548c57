/* US_BANK_NUMBER: ABA routing numbers (nine digits, Federal Reserve prefix 00-12, 21-32, 61-72 or 80,
 * and the ABA check digit) and account numbers (8-17 digits, optionally dash-grouped) near bank words.
 * Scores: routing 0.4 alone (validator; 0.7 in the 4-4-1 check-digit grouping "0260-0959-3"), 0.9 with a routing/bank word before or after; account 0.15
 * alone, 0.8 with an account word before or after; order/id words or cloud-account words -0.4. Twelve
 * digits with a cloud word near (AWS account ids, GCP project numbers) and no bank word are not bank
 * numbers; an access key id ("AKIA...") is such a word. A table or column named for banking is context for
 * the quoted values of an SQL row or the fields of its CSV column. */
#include "checksum.h"
#include "pii.h"

static const char *const ROUTING_WORDS[] = {"routing", "aba", "rtn", "transit", "bank+", "wire", "ach",
                                            "aba#", "swift", "direct", "deposit+", NULL};
static const char *const ACCOUNT_WORDS[] = {"account+", "acct+", "acc", "checking", "savings", "deposit+",
                                            "bank+", "beneficiary", "ach", "wire", "iban",
                                            "konto*", "compte", "cuenta", NULL};
static const char *const NOT_BANK_WORDS[] = {"aws", "gcp", "azure", "github", "gitlab", "twitter", "user",
                                             "username", "customer", "cloud", "project", "service", "org",
                                             "tenant", "subscription", "steam", "discord", "slack", NULL};

/* Twelve-digit AWS account ids and GCP project numbers near these words are not bank numbers. */
static const char *const CLOUD_WORDS[] = {"aws", "amazon", "gcp", "gcloud", "google", "azure", "cloud*",
                                          "iam", "arn", "sts", "ec*", "ecr", "eks", "bucket*", "console",
                                          "project*", "organization*", "org", "role*", "tenant", "lambda",
                                          "cross", "billing", "s", "dkr", "akia*", "terraform", NULL};
static const char *const STRONG_BANK_WORDS[] = {"checking", "savings", "bank+", "routing", "wire", "ach",
                                                "beneficiary", "iban", "deposit+", NULL};

/* Nine digits a form asks for beside tax or birth words are an SSN, even on a bank's form, unless an
 * account word says otherwise ("The bank form asked for 758142290 and my date of birth"). */
static const char *const ID_WORDS[] = {"ssn+", "social", "taxpayer", "tin", "itin", "tax", "birth", "dob", NULL};
static const char *const ACCOUNT_ONLY_WORDS[] = {"account+", "acct+", "acc", "checking", "savings", "iban",
                                                 "routing", "konto*", "compte", "cuenta", NULL};

/* An SSN-shaped number (3-2-4 with dashes) is an account only when called one outright. */
static const char *const SSN_SHAPED_ACCOUNT_WORDS[] = {"account", "accounts", "acct", "checking", "savings",
                                                       "bank+", "routing", "wire", "ach", "beneficiary",
                                                       "iban", "deposit+", "konto*", NULL};

/* Words that name the number itself: a routing number, or an account (not "bank", "wire": they go with
 * both). */
static const char *const ROUTING_NAME_WORDS[] = {"routing", "aba", "aba#", "rtn", "transit", NULL};
static const char *const ACCOUNT_NAME_WORDS[] = {"account+", "acct+", "acc", "checking", "savings",
                                                 "konto*", "kontonummer", "compte", "cuenta", "conta", NULL};

static size_t glen(const pii_number *num, size_t k) { return num->g[k].end - num->g[k].start; }

/* "Account 5520 3318 04": an account number read out or copied in space-separated groups of up to 6 digits
 * (8 to 17 in all, the first of two or more) is taken only right after a word that names an account; returns
 * how many groups. */
static size_t spaced_account(const pii_scan *sc, const pii_number *num)
{
    size_t k = 0, nd = 0;
    for (; k < num->ngroups; k++) {
        size_t l = glen(num, k);
        if ((k > 0 && num->g[k].sep != ' ') || l < (k == 0 ? 2u : 1u) || l > 6 || nd + l > 17)
            break;
        nd += l;
    }
    if (k < 2 || nd < 8 || (k < num->ngroups && num->g[k].sep == ' '))
        return 0; /* a longer row of groups is no one number */
    /* the account word names this number: right before it, or before "no"/"number" ("acct no. 33 0918 ...") */
    size_t start = num->g[0].start;
    bool named = pii_context(sc, start, true, 1, 16, ACCOUNT_NAME_WORDS) ||
                 (pii_context(sc, start, true, 1, 12, PII_NUMBER_WORDS) &&
                  pii_context(sc, start, true, 2, 28, ACCOUNT_NAME_WORDS));
    return named ? k : 0;
}

/* A table or column named for banking is context for the values of its rows. */
static const char *const ROW_WORDS[] = {"routing+", "aba", "account+", "acct+", "payout+", "payroll", "bank+",
                                        "iban", "deposit+", NULL};
static const char *const VALUES_WORD[] = {"values", NULL};

static size_t line_start(const uint8_t *s, size_t p, size_t limit)
{
    size_t b = p;
    while (b > 0 && s[b - 1] != '\n' && p - b < limit)
        b--;
    return b;
}

static size_t commas(const uint8_t *s, size_t from, size_t to)
{
    size_t c = 0;
    for (size_t i = from; i < to; i++)
        c += s[i] == ',';
    return c;
}

/* SQL: a quoted literal of an INSERT ... VALUES row whose statement (on its line) names a banking table or
 * column ("INSERT INTO payouts VALUES (12, 'Jo', '080331184', ...)"). CSV: a field whose header (the line
 * above, same column) is such a word ("name,routing,account"); ROW_OTHER when the header of its column is
 * some other word ("employee_id,bank_name": the bank word belongs to another column). Unquoted SQL numbers
 * are not taken. */
enum { ROW_NONE, ROW_BANK, ROW_OTHER };

static int bank_row(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (start == 0)
        return ROW_NONE;
    uint8_t q = s[start - 1];
    bool quoted = (q == '\'' || q == '"') && end < n && s[end] == q;
    if (!quoted && ((q != ',' && q != '\n') || (end < n && s[end] != ',' && s[end] != '\r' && s[end] != '\n')))
        return ROW_NONE;
    size_t ls = line_start(s, start, 240);
    if (quoted)
        return pii_context(sc, start, true, 40, start - ls, VALUES_WORD) &&
                       pii_context(sc, start, true, 40, start - ls, ROW_WORDS)
                   ? ROW_BANK
                   : ROW_NONE;
    if (q != ',' && start != ls)
        return ROW_NONE;
    size_t le = end;
    while (le < n && s[le] != '\n' && le - end < 240)
        le++;
    size_t col = commas(s, ls, start), ncommas = col + commas(s, end, le);
    if (ncommas == 0)
        return ROW_NONE;
    /* the header: the nearest line above (of at most 16 with the same shape) whose field in this column
     * has letters */
    for (size_t up = 0; up < 16 && ls >= 2; up++) {
        size_t hs = line_start(s, ls - 1, 240), he = ls - 1;
        if (he > hs && s[he - 1] == '\r')
            he--;
        if (commas(s, hs, he) != ncommas)
            return ROW_NONE; /* the header has as many fields as the row */
        size_t k = 0, fs = hs;
        bool letters = false;
        for (size_t i = hs; i <= he && k <= col; i++) {
            if (i < he && s[i] != ',') {
                letters = letters || (k == col && pii_is_alpha(s[i]));
                continue;
            }
            if (k++ == col && letters)
                return pii_context(sc, i, true, 4, i - fs, ROW_WORDS) ? ROW_BANK : ROW_OTHER;
            fs = i + 1;
        }
        ls = hs;
    }
    return ROW_NONE;
}

/* The MICR line printed at the foot of a US cheque, as OCR or a user types it: the routing number between two
 * transit signs (⑆021000021⑆), the account number before the on-us sign (4471902356⑈). */
static bool sign_at(const uint8_t *s, size_t n, size_t p, uint8_t last)
{
    return p + 3 <= n && s[p] == 0xE2 && s[p + 1] == 0x91 && s[p + 2] == last;
}
static bool micr_transit(const pii_scan *sc, size_t start, size_t end)
{
    return start >= 3 && sign_at(sc->s, sc->n, start - 3, 0x86) && sign_at(sc->s, sc->n, end, 0x86);
}
static bool micr_on_us(const pii_scan *sc, size_t end) { return sign_at(sc->s, sc->n, end, 0x88); }

/* "routing / account" written as one value ("account":"265726491 / 3301928475"): a slash, then 8 to 17 digits. */
static bool account_after_slash(const pii_scan *sc, size_t end)
{
    const uint8_t *s = sc->s;
    size_t p = end, n = sc->n;
    if (p < n && s[p] == ' ')
        p++;
    if (p >= n || s[p] != '/')
        return false;
    p++;
    if (p < n && s[p] == ' ')
        p++;
    size_t d = p;
    while (p < n && pii_is_digit(s[p]) && p - d <= 17)
        p++;
    return p - d >= 8 && p - d <= 17 && (p == n || !pii_is_wordish(s[p]));
}

/* The key of a "key=value" field whose value starts at `start` ("payee_account=7300218846 amount=0000061375"):
 * the value is what its key names, whatever the other fields of the record say. */
static bool field_key(const pii_scan *sc, size_t start, size_t *ks, size_t *ke)
{
    const uint8_t *s = sc->s;
    size_t p = start;
    if (p > 0 && (s[p - 1] == '"' || s[p - 1] == '\''))
        p--;
    if (p < 2 || s[p - 1] != '=')
        return false;
    size_t e = p - 1, b = e;
    while (b > 0 && e - b < 40 && (pii_is_alnum(s[b - 1]) || s[b - 1] == '_' || s[b - 1] == '-' || s[b - 1] == '.'))
        b--;
    if (b == e || !pii_is_alpha(s[b]))
        return false;
    *ks = b;
    *ke = e;
    return true;
}

/* Written as a NANP phone number ("1-800-555-0142", "212-555-0199"): dashed 3-3-4 groups, a leading 1 allowed,
 * the area code starting 2-9. */
static bool phone_shaped(const pii_number *num, size_t k, const uint8_t *d)
{
    size_t g = 0;
    if (k == 4 && num->g[0].end - num->g[0].start == 1 && d[0] == '1')
        g = 1;
    if (k - g != 3)
        return false;
    return num->g[g].end - num->g[g].start == 3 && num->g[g + 1].end - num->g[g + 1].start == 3 &&
           num->g[g + 2].end - num->g[g + 2].start == 4 && d[g] >= '2';
}

/* How far back from `start` its sentence goes, up to `limit` bytes: to a line break or to '.', '!', '?' before a
 * space. Context words of an SSN-shaped number or a routing number must be in its own sentence. */
static size_t sentence_back(const pii_scan *sc, size_t start, size_t limit)
{
    const uint8_t *s = sc->s;
    size_t b = start;
    while (b > 0 && start - b < limit && s[b - 1] != '\n' &&
           !(b >= 2 && s[b - 1] == ' ' && (s[b - 2] == '.' || s[b - 2] == '!' || s[b - 2] == '?')))
        b--;
    return start - b;
}

/* "The routing number printed on my cheque is 978312645": a routing word opens the phrase that ends in the
 * number (same sentence, at most 8 words, no other number or account word between). */
static bool routing_in_sentence(const pii_scan *sc, size_t start)
{
    size_t back = sentence_back(sc, start, 64);
    for (size_t i = start - back; i < start; i++)
        if (pii_is_digit(sc->s[i]))
            return false;
    return pii_context(sc, start, true, 8, back, ROUTING_NAME_WORDS) &&
           !pii_context(sc, start, true, 8, back, ACCOUNT_NAME_WORDS);
}

/* Round 15: a routing number and the account number in the next field of one record ("121000358","0044177209",
 * 061000052,7730019284, the NACHA entry "6 22 071000013 5500218837 ..."), on a line that speaks of payroll,
 * ACH, deposits or banks. The fields: a separator of at most four bytes (comma, space, tab, ';', '|' and the
 * quotes around them). */
static const char *const PAIR_WORDS[] = {"payroll*", "ach*", "routing*", "payee*", "payout*", "deposit*", "bank*",
                                         "nacha", "direct", "account*", "acct*", NULL};

static bool fed_routing(const uint8_t *d)
{
    unsigned p2 = (unsigned)(d[0] - '0') * 10u + (unsigned)(d[1] - '0');
    return (p2 <= 12 || (p2 >= 21 && p2 <= 32) || (p2 >= 61 && p2 <= 72) || p2 == 80) && sc_aba_valid(d, 9);
}

static bool field_sep(const uint8_t *s, size_t a, size_t b)
{
    if (b <= a || b - a > 4)
        return false;
    bool real = false;
    for (size_t i = a; i < b; i++) {
        if (s[i] == ',' || s[i] == ' ' || s[i] == '\t' || s[i] == ';' || s[i] == '|')
            real = true;
        else if (s[i] != '"' && s[i] != '\'')
            return false;
    }
    return real;
}

/* Whether [start, end) is one half of such a pair: routing (nine digits, the ABA check) then account (4 to 17
 * digits), looking to the other side of it. */
static bool routing_pair(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, nd = end - start;
    if (nd == 9 && fed_routing(s + start)) {
        size_t p = end;
        while (p < n && p - end < 4 && !pii_is_digit(s[p]))
            p++;
        size_t q = p;
        while (q < n && pii_is_digit(s[q]) && q - p <= 17)
            q++;
        if (q - p < 4 || q - p > 17 || (q < n && (pii_is_wordish(s[q]) || s[q] == '.' || s[q] == '-')) ||
            !field_sep(s, end, p))
            return false;
    } else if (nd >= 4 && nd <= 17) {
        size_t p = start;
        while (p > 0 && start - p < 4 && !pii_is_digit(s[p - 1]))
            p--;
        size_t q = p;
        while (q > 0 && pii_is_digit(s[q - 1]) && p - q <= 9)
            q--;
        if (p - q != 9 || (q > 0 && (pii_is_wordish(s[q - 1]) || s[q - 1] == '.' || s[q - 1] == '-')) ||
            !field_sep(s, p, start) || !fed_routing(s + q))
            return false;
    } else {
        return false;
    }
    size_t ls = line_start(s, start, 200);
    return pii_context(sc, start, true, 32, start - ls, PAIR_WORDS) && !pii_negative_context(sc, start, end);
}

/* The groups of a space-separated record ("6 22 071000013 5500218837 0000098000"): each routing/account pair in it. */
static void record_pairs(pii_scan *sc, const pii_number *num)
{
    for (size_t g = 0; g + 1 < num->ngroups; g++) {
        size_t rs = num->g[g].start, re = num->g[g].end, as = num->g[g + 1].start, ae = num->g[g + 1].end;
        if (re - rs != 9 || num->g[g + 1].sep != ' ' || ae - as < 4 || ae - as > 17 || !routing_pair(sc, rs, re))
            continue;
        pii_add(sc, SANCTUM_ENTITY_US_BANK_NUMBER, SANCTUM_REC_ABA_ROUTING, rs, re, 0.85,
                SANCTUM_EV_VALIDATOR | SANCTUM_EV_FORMAT_WEAK | SANCTUM_EV_CONTEXT_BEFORE);
        pii_add(sc, SANCTUM_ENTITY_US_BANK_NUMBER, SANCTUM_REC_BANK_ACCOUNT, as, ae, 0.85,
                SANCTUM_EV_FORMAT_WEAK | SANCTUM_EV_CONTEXT_BEFORE);
        g++;
    }
}

void pii_rec_bank(pii_scan *sc, const pii_number *num)
{
    if (num->plus || num->paren)
        return;
    if (num->ngroups >= 3 && num->g[1].sep == ' ')
        record_pairs(sc, num);
    /* one group, or dash-joined groups (1234-5678-90) */
    size_t k = 1;
    while (k < num->ngroups && num->g[k].sep == '-')
        k++;
    size_t spaced = k == 1 && num->ngroups > 1 && num->g[1].sep == ' ' ? spaced_account(sc, num) : 0;
    if (spaced > 0)
        k = spaced;
    if (k < num->ngroups && num->g[k].sep != ' ')
        return;
    uint8_t d[24];
    size_t nd = pii_number_digits(sc, num, 0, k, d, sizeof d);
    size_t total = 0;
    for (size_t j = 0; j < k; j++)
        total += glen(num, j);
    if (total != nd || nd < 8 || nd > 17)
        return;
    size_t start = num->g[0].start, end = num->g[k - 1].end;
    const char *why;
    if (pii_in_code(sc, start, end, &why)) {
        pii_suppress(sc, SANCTUM_ENTITY_US_BANK_NUMBER, SANCTUM_REC_BANK_ACCOUNT, start, end, SANCTUM_EV_FORMAT_WEAK);
        return;
    }
    if (k >= 3 && phone_shaped(num, k, d) && !pii_context(sc, start, true, 2, 24, ACCOUNT_NAME_WORDS))
        return; /* a phone number: the phone recognizers read it */
    bool not_bank = pii_context(sc, start, true, 3, 32, NOT_BANK_WORDS);
    /* the AWS console writes account ids in dashed fours (1234-5678-9012) */
    bool twelve = k == 1 || (k == 3 && glen(num, 0) == 4 && glen(num, 1) == 4 && glen(num, 2) == 4);
    if (nd == 12 && twelve && !pii_context(sc, start, true, 4, 40, STRONG_BANK_WORDS) &&
        (pii_context(sc, start, true, 8, 80, CLOUD_WORDS) || pii_context(sc, end, false, 6, 60, CLOUD_WORDS))) {
        pii_suppress(sc, SANCTUM_ENTITY_US_BANK_NUMBER, SANCTUM_REC_BANK_ACCOUNT, start, end,
                     SANCTUM_EV_FORMAT_WEAK | SANCTUM_EV_NEGATIVE_CONTEXT);
        return; /* a cloud account id */
    }
    int row = bank_row(sc, start, end);
    size_t hs, he;
    if (row == ROW_NONE && pii_table_header(sc, start, end, &hs, &he))
        row = pii_context(sc, he, true, 4, he - hs, ROW_WORDS) ? ROW_BANK : ROW_OTHER;
    if (row == ROW_NONE && field_key(sc, start, &hs, &he))
        row = pii_context(sc, he, true, 6, he - hs, ROW_WORDS) ? ROW_BANK : ROW_OTHER;
    bool neg = pii_negative_context(sc, start, end);
    /* "0260-0959-3": the 4-4-1 grouping that sets the ABA check digit apart is printed for routing numbers */
    bool aba_grouped = nd == 9 && k == 3 && glen(num, 0) == 4 && glen(num, 1) == 4 && glen(num, 2) == 1;
    if (nd == 9 && (k == 1 || aba_grouped)) {
        unsigned p2 = (unsigned)(d[0] - '0') * 10u + (unsigned)(d[1] - '0');
        if ((p2 <= 12 || (p2 >= 21 && p2 <= 32) || (p2 >= 61 && p2 <= 72) || p2 == 80) && sc_aba_valid(d, 9)) {
            double score = aba_grouped ? 0.7 : 0.4;
            uint32_t ev = SANCTUM_EV_VALIDATOR | (aba_grouped ? SANCTUM_EV_FORMAT_STRONG : SANCTUM_EV_FORMAT_WEAK);
            if (row == ROW_OTHER) {
                /* its column is named for something else */
            } else if (pii_context(sc, start, true, 4, 40, ROUTING_WORDS)) {
                score += 0.5;
                ev |= SANCTUM_EV_CONTEXT_BEFORE;
            } else if (pii_context(sc, end, false, 3, 30, ROUTING_WORDS)) {
                score += 0.5;
                ev |= SANCTUM_EV_CONTEXT_AFTER;
            } else if (row == ROW_BANK || micr_transit(sc, start, end) ||
                       (account_after_slash(sc, end) && pii_context(sc, start, true, 4, 40, ACCOUNT_NAME_WORDS)) ||
                       (k == 1 && routing_pair(sc, start, end))) {
                score += 0.5;
                ev |= SANCTUM_EV_CONTEXT_BEFORE;
            }
            if (not_bank || (neg && (ev & (SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_CONTEXT_AFTER)) == 0)) {
                score -= 0.4;
                ev |= SANCTUM_EV_NEGATIVE_CONTEXT;
            }
            pii_add(sc, SANCTUM_ENTITY_US_BANK_NUMBER, SANCTUM_REC_ABA_ROUTING, start, end, score, ev);
            return;
        }
    }
    /* nine digits called a routing number ("routing", "ABA" right before; "bank" and "wire" go with accounts
     * too) are no account: reported as a routing number when the ABA check digit holds though the prefix is
     * one the Federal Reserve does not use (a typo in the prefix, a new or foreign scheme), else not at all
     * ("routing 123456781 (typo, checksum fails)") */
    if (nd == 9 && k == 1 && !pii_context(sc, start, true, 3, 32, ACCOUNT_NAME_WORDS) &&
        (pii_context(sc, start, true, 3, 32, ROUTING_NAME_WORDS) || routing_in_sentence(sc, start) ||
         (pii_context(sc, start, true, 3, 32, ROUTING_WORDS) && !pii_context(sc, start, true, 3, 32, ACCOUNT_WORDS)))) {
        /* the writer says the number fails ("routing 502820102 is rejected", "keeps failing validation", "no
         * such district"): a question about a number, as "is 900-12-3456 a valid SSN?" */
        static const char *const FAILS[] = {"invalid", "reject+", "fail+", "failing", "wrong", "bogus", "typo",
                                            "mistyped", "validation", "validate+", "valid", "doesn't", "isn't",
                                            "aren't", "such", "fake", "example+", "sample+", NULL};
        bool fails = pii_context(sc, end, false, 10, 80, FAILS) || pii_context(sc, start, true, 6, 48, FAILS);
        if (sc_aba_valid(d, 9) && pii_context(sc, start, true, 3, 32, ROUTING_NAME_WORDS) && !not_bank &&
            row != ROW_OTHER && !fails)
            pii_add(sc, SANCTUM_ENTITY_US_BANK_NUMBER, SANCTUM_REC_ABA_ROUTING, start, end, 0.75,
                    SANCTUM_EV_FORMAT_WEAK | SANCTUM_EV_CONTEXT_BEFORE);
        return;
    }
    double score = 0.15;
    uint32_t ev = SANCTUM_EV_FORMAT_WEAK;
    if (nd == 9 && k == 1 &&
        (pii_context(sc, start, true, 8, 64, ID_WORDS) || pii_context(sc, end, false, 6, 48, ID_WORDS)) &&
        !pii_context(sc, start, true, 6, 48, ACCOUNT_ONLY_WORDS) && !pii_context(sc, end, false, 3, 30, ACCOUNT_ONLY_WORDS))
        not_bank = true;
    bool ssn_shaped = k == 3 && glen(num, 0) == 3 && glen(num, 1) == 2 && glen(num, 2) == 4;

    const char *const *words = ssn_shaped ? SSN_SHAPED_ACCOUNT_WORDS : ACCOUNT_WORDS;
    /* an SSN-shaped number is an account only when its own sentence says so ("... the joint account. Yours is
     * 219-09-9999" answers the SSN the sentence before asked for) */
    size_t before_bytes = ssn_shaped ? sentence_back(sc, start, 40) : 40;
    if (row == ROW_OTHER) {
        /* its column is named for something else */
    } else if (pii_context(sc, start, true, 4, before_bytes, words)) {
        score += 0.65;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
    } else if (pii_context(sc, end, false, 3, 30, words)) {
        score += 0.65;
        ev |= SANCTUM_EV_CONTEXT_AFTER;
    } else if (!ssn_shaped && (row == ROW_BANK || micr_on_us(sc, end) || (k == 1 && routing_pair(sc, start, end)))) {
        score += 0.65;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
    }
    /* round 15: an SSN-shaped number called an SSN right before ("the account lists SSN 536-22-0000"), and a
     * login's "account id" / "account ID" (its number names a user, not a bank account); asked only of a number
     * the words above took for an account */
    static const char *const SSN_NAME_WORDS[] = {"ssn*", "social", "security", NULL};
    static const char *const LOGIN_WORDS[] = {"id", "ids", "login", "username", "handle", "user", NULL};
    if (!not_bank && score >= 0.7 &&
        ((ssn_shaped && pii_context(sc, start, true, 2, 20, SSN_NAME_WORDS)) || pii_context(sc, start, true, 1, 10, LOGIN_WORDS)))
        not_bank = true;
    if (not_bank || (neg && (ev & (SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_CONTEXT_AFTER)) == 0)) {
        score -= 0.4;
        ev |= SANCTUM_EV_NEGATIVE_CONTEXT;
    }
    pii_add(sc, SANCTUM_ENTITY_US_BANK_NUMBER, SANCTUM_REC_BANK_ACCOUNT, start, end, score, ev);
}
