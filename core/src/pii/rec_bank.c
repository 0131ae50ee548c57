/* US_BANK_NUMBER: ABA routing numbers (nine digits, Federal Reserve prefix 00-12, 21-32, 61-72 or 80,
 * and the ABA check digit) and account numbers (8-17 digits, optionally dash-grouped) near bank words.
 * Scores: routing 0.4 alone (validator; 0.7 in the 4-4-1 check-digit grouping "0260-0959-3"), 0.9 with a routing/bank word before or after; account 0.15
 * alone, 0.8 with an account word before or after; order/id words or cloud-account words -0.4. Twelve
 * digits with a cloud word near (AWS account ids, GCP project numbers) and no bank word are not bank
 * numbers. */
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
                                          "cross", "billing", "s", "dkr", NULL};
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

static size_t glen(const pii_number *num, size_t k) { return num->g[k].end - num->g[k].start; }

void pii_rec_bank(pii_scan *sc, const pii_number *num)
{
    if (num->plus || num->paren)
        return;
    /* one group, or dash-joined groups (1234-5678-90) */
    size_t k = 1;
    while (k < num->ngroups && num->g[k].sep == '-')
        k++;
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
    bool not_bank = pii_context(sc, start, true, 3, 32, NOT_BANK_WORDS);
    if (nd == 12 && k == 1 && !pii_context(sc, start, true, 4, 40, STRONG_BANK_WORDS) &&
        (pii_context(sc, start, true, 8, 80, CLOUD_WORDS) || pii_context(sc, end, false, 6, 60, CLOUD_WORDS))) {
        pii_suppress(sc, SANCTUM_ENTITY_US_BANK_NUMBER, SANCTUM_REC_BANK_ACCOUNT, start, end,
                     SANCTUM_EV_FORMAT_WEAK | SANCTUM_EV_NEGATIVE_CONTEXT);
        return; /* a cloud account id */
    }
    bool neg = pii_negative_context(sc, start, end);
    /* "0260-0959-3": the 4-4-1 grouping that sets the ABA check digit apart is printed for routing numbers */
    bool aba_grouped = nd == 9 && k == 3 && glen(num, 0) == 4 && glen(num, 1) == 4 && glen(num, 2) == 1;
    if (nd == 9 && (k == 1 || aba_grouped)) {
        unsigned p2 = (unsigned)(d[0] - '0') * 10u + (unsigned)(d[1] - '0');
        if ((p2 <= 12 || (p2 >= 21 && p2 <= 32) || (p2 >= 61 && p2 <= 72) || p2 == 80) && sc_aba_valid(d, 9)) {
            double score = aba_grouped ? 0.7 : 0.4;
            uint32_t ev = SANCTUM_EV_VALIDATOR | (aba_grouped ? SANCTUM_EV_FORMAT_STRONG : SANCTUM_EV_FORMAT_WEAK);
            if (pii_context(sc, start, true, 4, 40, ROUTING_WORDS)) {
                score += 0.5;
                ev |= SANCTUM_EV_CONTEXT_BEFORE;
            } else if (pii_context(sc, end, false, 3, 30, ROUTING_WORDS)) {
                score += 0.5;
                ev |= SANCTUM_EV_CONTEXT_AFTER;
            }
            if (not_bank || (neg && (ev & (SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_CONTEXT_AFTER)) == 0)) {
                score -= 0.4;
                ev |= SANCTUM_EV_NEGATIVE_CONTEXT;
            }
            pii_add(sc, SANCTUM_ENTITY_US_BANK_NUMBER, SANCTUM_REC_ABA_ROUTING, start, end, score, ev);
            return;
        }
    }
    /* nine digits called a routing number that fails the ABA check are not an account either */
    if (nd == 9 && k == 1 && pii_context(sc, start, true, 3, 32, ROUTING_WORDS) &&
        !pii_context(sc, start, true, 3, 32, ACCOUNT_WORDS))
        return;
    double score = 0.15;
    uint32_t ev = SANCTUM_EV_FORMAT_WEAK;
    if (nd == 9 && k == 1 &&
        (pii_context(sc, start, true, 8, 64, ID_WORDS) || pii_context(sc, end, false, 6, 48, ID_WORDS)) &&
        !pii_context(sc, start, true, 6, 48, ACCOUNT_ONLY_WORDS) && !pii_context(sc, end, false, 3, 30, ACCOUNT_ONLY_WORDS))
        not_bank = true;
    bool ssn_shaped = k == 3 && glen(num, 0) == 3 && glen(num, 1) == 2 && glen(num, 2) == 4;
    const char *const *words = ssn_shaped ? SSN_SHAPED_ACCOUNT_WORDS : ACCOUNT_WORDS;
    if (pii_context(sc, start, true, 4, 40, words)) {
        score += 0.65;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
    } else if (pii_context(sc, end, false, 3, 30, words)) {
        score += 0.65;
        ev |= SANCTUM_EV_CONTEXT_AFTER;
    }
    if (not_bank || (neg && (ev & (SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_CONTEXT_AFTER)) == 0)) {
        score -= 0.4;
        ev |= SANCTUM_EV_NEGATIVE_CONTEXT;
    }
    pii_add(sc, SANCTUM_ENTITY_US_BANK_NUMBER, SANCTUM_REC_BANK_ACCOUNT, start, end, score, ev);
}
