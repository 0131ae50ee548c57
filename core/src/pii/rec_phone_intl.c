/* PHONE_NUMBER, international: "+CC" (E.164 country code from phone_cc_data.c, derived from libphonenumber) or "00CC" followed by a
 * national number whose digit count is within the country's range: 0.85 (0.75 for "00"); a phone word
 * before or after +0.3; order/id words -0.4. Numbers written the national way, without a country code,
 * are rec_phone_national.c's. Also the phone context shared by every phone recognizer (pii_phone_add):
 * phone words in many languages, CJK phone words inside a run of text, a "label:" naming the number. */
#include <string.h>

#include "phone_cc.h"
#include "pii.h"


/* The country code the digits start with (one to three digits; E.164 codes are prefix-free). */
static const pii_cc_rule *cc_find(const uint8_t *d, size_t nd, size_t *cclen)
{
    unsigned v = 0;
    if (nd == 0 || d[0] == '0')
        return NULL; /* no country code starts with 0 ("+0436-07405" is a coordinate) */
    for (size_t l = 1; l <= 3 && l <= nd; l++) {
        v = v * 10u + (unsigned)(d[l - 1] - '0');
        size_t lo = 0, hi = PII_CC_COUNT;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (PII_CC[mid].cc < v)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < PII_CC_COUNT && PII_CC[lo].cc == v) {
            *cclen = l;
            return &PII_CC[lo];
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

/* Words that head a contact line without naming a phone: "Rückfragen an Frau X: ...", "Bilgi: ...", "For
 * enquiries: ...". Only in a label before a colon. */
static const char *const INQUIRY_WORDS[] = {
    "r\xc3\xbc" "ckfrage*", "ruckfrage*", "auskunft", "ausk\xc3\xbc" "nfte", "kontakt*", "bilgi", "ileti\xc5\x9f" "im",
    "\xc4\xb0" "leti\xc5\x9f" "im", "info", "infos", "informationen", "informaci\xc3\xb3n", "informa\xc3\xa7\xc3\xb5" "es",
    "informazioni", "enquir*", "inquir*", "questions", "preguntas", "dudas", "d\xc3\xba" "vidas", "domande", "vragen",
    "pytania", "kontaktn\xc3\xad", "contatti", "contacto*", "renseignements", NULL};

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
    return pii_context_by_byte(sc, p - 1, true, 8, p - 1 - ls, PII_PHONE_WORDS) ||
           pii_context(sc, p - 1, true, 8, p - 1 - ls, INQUIRY_WORDS);
}

/* A number written beside an e-mail address is contact data ("55 5550 3182 o en notaria@...", "030 5550 8124,
 * h.l@..."): an address within 40 bytes after it (a comma, slash or bar and at most two short words such as
 * "or", "o en", "oder per" between) or right before it. */
static bool mailbox_at(const uint8_t *s, size_t n, size_t a, size_t *e)
{
    size_t q = a, at = 0;
    while (q < n && q - a < 80 && !pii_is_space(s[q]) && s[q] != ',' && s[q] != ';' && s[q] != '|' && s[q] != '>') {
        if (s[q] == '@' && at == 0 && q > a)
            at = q;
        q++;
    }
    while (q > a && (s[q - 1] == '.' || s[q - 1] == ')'))
        q--;
    *e = q;
    if (at == 0 || at + 1 >= q || !pii_is_alnum(s[at - 1]) || !pii_is_alnum(s[at + 1]))
        return false;
    for (size_t i = at + 2; i + 1 < q; i++)
        if (s[i] == '.' && pii_is_alpha(s[i + 1]))
            return true;
    return false;
}

static bool join_word(const uint8_t *w, size_t n, const char *const *list)
{
    for (size_t k = 0; list[k] != NULL; k++)
        if (pii_word_eq(w, n, list[k]))
            return true;
    return false;
}

static bool email_beside(const pii_scan *sc, size_t start, size_t end)
{
    static const char *const JOIN[] = {"or", "o", "ou", "oder", "of", "eller", "lub", "veya", "and", "y", "e", "und",
                                       "et", "en", "at", "a", "per", "by", "via", "email", "mail", "courriel", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, p = end, me;
    unsigned words = 0;
    while (p < n && p - end < 40) {
        if (s[p] == ' ' || s[p] == ',' || s[p] == '/' || s[p] == '|' || s[p] == '(' || s[p] == '<' || s[p] == ':') {
            p++;
            continue;
        }
        size_t a = p;
        while (p < n && pii_is_alpha(s[p]))
            p++;
        if (p > a && p < n && (s[p] == ' ' || s[p] == ':') && words < 2 && join_word(s + a, p - a, JOIN)) {
            words++;
            continue;
        }
        if (mailbox_at(s, n, a, &me))
            return true;
        break;
    }
    /* an address right before: "h.l@example.org, 030 5550 8124" */
    p = start;
    while (p > 0 && start - p < 4 && (s[p - 1] == ' ' || s[p - 1] == ',' || s[p - 1] == '/' || s[p - 1] == '|'))
        p--;
    if (p == start || p == 0 || !pii_is_alpha(s[p - 1]))
        return false;
    size_t a = p;
    while (a > 0 && p - a < 80 && !pii_is_space(s[a - 1]) && s[a - 1] != ',' && s[a - 1] != '(' && s[a - 1] != '<' &&
           s[a - 1] != ':')
        a--;
    return mailbox_at(s, n, a, &me) && me == p;
}

/* The prepositions that say where someone is reached ("call Ana at ...", "llama a la tía Pili al ...", "liga
 * para o Rui no ...", "zadzwoń do Basi pod ...", "Πάρε με στο ...", "звънете на ...", "hubungi saya di ..."). */
static const char *const AT_WORDS[] = {"at", "on", "al", "no", "na", "pod", "sa", "ke", "di", "unter", "op", "au",
                                       "sur", "em", "under", "p\xc3\xa5", "\xcf\x83\xcf\x84\xce\xbf",
                                       "\xd0\xbd\xd0\xb0", "\xd8\xb9\xd9\x84\xd9\x89", NULL};

/* "Call <someone> at <number>": the person between the call word and the number pushes the word past the four
 * words of the usual window. With one of AT_WORDS right before the number, a phone word up to ten words
 * (96 bytes) before it counts, within the same clause (no comma, semicolon, colon, sentence end, line
 * break, table cell or code quote between): "Zadzwoń do mnie jutro, przelew poszedł pod 602 117 348" is about a transfer. */
static bool call_at(const pii_scan *sc, size_t start)
{
    const uint8_t *s = sc->s;
    size_t p = start;
    while (p > 0 && start - p < 4 && (s[p - 1] == ' ' || s[p - 1] == '\t'))
        p--;
    if (p == start)
        return false;
    size_t we = p;
    while (p > 0 && we - p < 12 && (pii_is_alpha(s[p - 1]) || s[p - 1] >= 0x80))
        p--;
    if (p == we || (p > 0 && (pii_is_alpha(s[p - 1]) || s[p - 1] >= 0x80)) || !pii_context(sc, we, true, 1, we - p, AT_WORDS))
        return false;
    size_t cs = p;
    while (cs > 0 && p - cs < 96 && s[cs - 1] != ',' && s[cs - 1] != ';' && s[cs - 1] != ':' && s[cs - 1] != '\n' &&
           s[cs - 1] != '`' && s[cs - 1] != '|' &&
           !((s[cs - 1] == '.' || s[cs - 1] == '!' || s[cs - 1] == '?') && cs < sc->n && pii_is_space(s[cs])))
        cs--;
    return cs < p && pii_context_by_byte(sc, p, true, 10, p - cs, PII_PHONE_WORDS);
}

/* "My number is 612 345 678": "number" with a possessive before it names someone's phone; an order, ticket or
 * amount word near it still says otherwise ("my order number is ..."). */
static const char *const POSSESSIVES[] = {"my", "his", "her", "their", "your", "our", "new",
                                           /* Hinglish: "uska number ...", "mera number ...", "Rohit ka number ..." */
                                           "mera", "meri", "mere", "uska", "uski", "uske", "iska", "iski", "tera",
                                           "teri", "apna", "apni", "hamara", "unka", "unki", "ka", "ki", "ke", NULL};
static const char *const NOT_PHONE_NUMBERS[] = {"order*", "ticket*", "invoice*", "tracking", "case", "account*",
                                                "acct", "reference", "ref", "confirmation", "booking", "customer",
                                                "member*", "policy", "id", "serial", "part", "model", "pin",
                                                "code", "license", "licence", "passport", "tax", "social",
                                                "security", "routing", "card", "lucky", "room", "table",
                                                "seat", "flight", "badge", "employee", "student", NULL};

static bool owned_number(const pii_scan *sc, size_t start, size_t end)
{
    return pii_context(sc, start, true, 2, 20, PII_NUMBER_WORDS) && pii_context(sc, start, true, 3, 28, POSSESSIVES) &&
           !pii_negative_context(sc, start, end) && !pii_context(sc, start, true, 4, 40, NOT_PHONE_NUMBERS);
}

/* Family chat files a number under a kin word ("Mamá 612345678", "tía Pili 612 345 678", "babcia 601 234 567"):
 * one right before it, or with a name between, is as good as a phone word. */
static const char *const KIN_WORDS[] = {
    "mom", "mum", "mommy", "mummy", "dad", "daddy", "grandma", "grandpa", "granny", "auntie", "aunty", "uncle",
    "mam\xc3\xa1", "pap\xc3\xa1", "mami", "papi", "t\xc3\xad" "a", "t\xc3\xado", "tia", "tio", "abuela", "abuelo",
    "av\xc3\xb3", "av\xc3\xb4", "vov\xc3\xb3", "oma", "opa", "mutti", "vati", "tante", "onkel", "mamie", "papy",
    "tatie", "tonton", "nonna", "nonno", "zia", "zio", "babcia", "babci", "dziadek", "dziadka", "ciocia", "cioci",
    "wujek", "wujka", "mama", "tata", "teyze", "amca", "dayi", "day\xc4\xb1", "hala", "dede", "kuya",
    "tita", "tito", "lola", "lolo", "bibi", "babu", NULL};

static bool kin_word(const pii_scan *sc, size_t start, size_t end)
{
    return pii_context(sc, start, true, 2, 24, KIN_WORDS) && !pii_negative_context(sc, start, end);
}

bool pii_phone_word_near(const pii_scan *sc, size_t start, size_t end)
{
    return pii_context_by_byte(sc, start, true, 4, 40, PII_PHONE_WORDS) || pii_context_by_byte(sc, end, false, 3, 30, PII_PHONE_WORDS) ||
           cjk_phone_word(sc, start, end) || phone_label(sc, start) || call_at(sc, start) || owned_number(sc, start, end) ||
           kin_word(sc, start, end) || (email_beside(sc, start, end) && !pii_negative_context(sc, start, end));
}

/* Links that carry a phone number in E.164 without its '+': WhatsApp's wa.me/<number> and a query value
 * under a phone key (?phone=..., &tel=..., &mobile=...). */
bool pii_phone_link(const pii_scan *sc, size_t start)
{
    const uint8_t *s = sc->s;
    if (start >= 6 && memcmp(s + start - 6, "wa.me/", 6) == 0)
        return true;
    return start > 1 && s[start - 1] == '=' && pii_context_by_byte(sc, start - 1, true, 1, 16, PII_PHONE_WORDS);
}

/* A field named for a phone in JSON or a form, holding E.164 without its '+': {"mobile": 447700900527},
 * "whatsapp":"5511912345678". Digits that are no such number are left to the national forms ("sđt: 0912345678"). */
static bool phone_field(const pii_scan *sc, size_t start)
{
    const uint8_t *s = sc->s;
    size_t p = start;
    if (p > 0 && s[p - 1] == '"')
        p--;
    while (p > 0 && start - p < 4 && s[p - 1] == ' ')
        p--;
    if (p == 0 || s[p - 1] != ':')
        return false;
    p--;
    if (p > 0 && s[p - 1] == '"')
        p--;
    return p > 0 && pii_is_alpha(s[p - 1]) && pii_context_by_byte(sc, p, true, 1, 16, PII_PHONE_WORDS);
}

/* Toll-free and shared-cost lines belong to businesses and hotlines (poison control 1-800-222-1222, a bank's
 * 0800 number), not to a person: NANP 800/833/844/855/866/877/888, trunk-0 0800/0808, Australian 1800/1300. */
static bool toll_free(const uint8_t *s, size_t start, size_t end)
{
    uint8_t d[4];
    size_t nd = 0;
    for (size_t i = start; i < end; i++)
        if (pii_is_digit(s[i])) {
            if (nd < sizeof d)
                d[nd] = s[i];
            nd++;
        }
    if (nd < 8)
        return false;
    const uint8_t *a = nd == 11 && d[0] == '1' ? d + 1 : d; /* 1-800 */
    if ((nd == 10 || nd == 11) && a[0] == '8' &&
        ((a[1] == '0' && a[2] == '0') || (a[1] == a[2] && a[1] >= '3' && a[1] <= '8')))
        return true;
    return (d[0] == '0' && d[1] == '8' && d[2] == '0' && (d[3] == '0' || d[3] == '8')) ||
           (d[0] == '1' && (d[1] == '8' || d[1] == '3') && d[2] == '0' && d[3] == '0');
}

/* Round 15: the dummy of a form or a fixture: ten digits or more whose last seven are one digit repeated
 * ("(646) 555-5555", "312-777-7777"). No subscriber line is numbered so. */
static bool placeholder(const uint8_t *s, size_t start, size_t end)
{
    uint8_t last[7];
    size_t nd = 0;
    for (size_t i = start; i < end; i++)
        if (pii_is_digit(s[i])) {
            last[nd % 7] = s[i];
            nd++;
        }
    if (nd < 10)
        return false;
    for (size_t k = 1; k < 7; k++)
        if (last[k] != last[0])
            return false;
    return true;
}

/* A person owning a toll-free line says so ("my number is 1-866-..."); "our" and "us" are how businesses
 * give their hotline ("call our support line 1-888-...", "call us"), so they are no owner words here. */
static const char *const OWNER_WORDS[] = {"my", "mine", "his", "her", "their", "me", NULL};

/* Shared by both phone recognizers: precision rules, then phone/number context raises the score and
 * order/id words lower it. */
/* Round 15: documents that number themselves, right before a phone-shaped number ("Claim no. 646 201 7734",
 * "Policy no. ...", "Release 0161 496 0733"): for phones only (an SSN "on the insurance claim" is still one). */
static const char *const DOC_WORDS[] = {"claim", "claims", "policy", "release", NULL};

void pii_phone_add(pii_scan *sc, int32_t rec, size_t start, size_t end, double score, uint32_t ev)
{
    const char *why;
    bool abbrev = start > 1 && sc->s[start - 1] == '.' && pii_is_alpha(sc->s[start - 2]) &&
                  pii_context_by_byte(sc, start - 1, true, 1, 12, PII_PHONE_WORDS); /* "Tel.020 ..." */
    if (pii_in_code(sc, start, end, &why) && !pii_phone_link(sc, start) && !abbrev) {
        pii_suppress(sc, SANCTUM_ENTITY_PHONE_NUMBER, rec, start, end, ev);
        return;
    }
    if (pii_context_by_byte(sc, start, true, 4, 40, PII_PHONE_WORDS)) {
        score += 0.3;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
    } else if (pii_context_by_byte(sc, end, false, 3, 30, PII_PHONE_WORDS) && !pii_negative_context(sc, start, end)) {
        /* what the number is called before it outweighs a phone word after it ("MTCN 8123456789, call me") */
        score += 0.3;
        ev |= SANCTUM_EV_CONTEXT_AFTER;
    } else if (cjk_phone_word(sc, start, end) || phone_label(sc, start) || call_at(sc, start) || kin_word(sc, start, end)) {
        score += 0.3;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
    } else if (pii_context(sc, start, true, 2, 24, PII_NUMBER_WORDS) && !pii_negative_context(sc, start, end) &&
               !pii_context(sc, start, true, 2, 20, DOC_WORDS)) {
        score += 0.3;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
    } else if (email_beside(sc, start, end) && !pii_negative_context(sc, start, end)) {
        score += 0.3;
        ev |= SANCTUM_EV_CONTEXT_AFTER;
    } else if (pii_negative_context(sc, start, end) || pii_context(sc, start, true, 2, 20, DOC_WORDS)) {
        score -= 0.4;
        ev |= SANCTUM_EV_NEGATIVE_CONTEXT;
    }
    if (placeholder(sc->s, start, end)) {
        score -= 0.45; /* round 15: a form's dummy, whatever its context */
        if (score > 0.65)
            score = 0.65;
        ev |= SANCTUM_EV_NEGATIVE_CONTEXT;
    }
    if (toll_free(sc->s, start, end) && !pii_context(sc, start, true, 4, 40, OWNER_WORDS)) {
        /* a hotline, unless someone says it is theirs ("my number is 1-800-..."): below the default threshold
         * whatever its form and context ("Call 1-800-273-8255 for the helpline") */
        score -= 0.45;
        if (score > 0.65)
            score = 0.65;
        ev |= SANCTUM_EV_NEGATIVE_CONTEXT;
    }
    pii_add(sc, SANCTUM_ENTITY_PHONE_NUMBER, rec, start, end, score, ev);
}

/* E.164 without its '+' after a phone word ("whatsapp 34 612 345 678", "number 972-52-555-1234", "WA: 62
 * 812-3456-7890"): the first group is a whole country code, the groups after it a national number of a valid
 * length for it (not starting with the trunk 0). Weak alone (0.45): only with a phone word, or "number" with
 * no order word, is it reported. */
static void bare_country_code(pii_scan *sc, const pii_number *num)
{
    const uint8_t *s = sc->s;
    size_t l0 = glen(num, 0);
    if (num->plus || num->paren || num->ngroups < 3 || l0 > 3 || s[num->g[0].start] == '0' || s[num->g[0].start] == '1')
        return;
    if (num->ngroups == 3 && l0 == 3 && (glen(num, 1) == 2 || glen(num, 1) == 3) && glen(num, 2) == 4)
        return; /* 358-50-0991 is how an SSN is written, 595-555-1234 a NANP number (its recognizer decides) */
    uint8_t d[24];
    size_t nd = 0, upto[PII_MAX_GROUPS], cnt = 0;
    for (size_t k = 0; k < num->ngroups && k < PII_MAX_GROUPS; k++) {
        uint8_t sep = num->g[k].sep;
        if (k > 0 && sep != ' ' && sep != '-' && sep != '.')
            break;
        if (nd + glen(num, k) > sizeof d)
            break;
        for (size_t p = num->g[k].start; p < num->g[k].end; p++)
            d[nd++] = s[p];
        upto[cnt++] = nd;
    }
    size_t cclen = 0;
    const pii_cc_rule *r = cc_find(d, nd, &cclen);
    if (r == NULL || cclen != l0 || d[cclen] == '0')
        return;
    for (size_t c = cnt; c > 2; c--) {
        size_t nsn = upto[c - 1] - cclen;
        if (nsn > 31 || ((r->lengths >> nsn) & 1u) == 0)
            continue;
        size_t start = num->start, end = num->g[c - 1].end;
        if (!pii_phone_word_near(sc, start, end) &&
            !(pii_context(sc, start, true, 2, 24, PII_NUMBER_WORDS) && !pii_negative_context(sc, start, end)))
            return;
        pii_phone_add(sc, SANCTUM_REC_PHONE_INTL, start, end, 0.45,
                      SANCTUM_EV_FORMAT_WEAK | SANCTUM_EV_VALIDATOR | SANCTUM_EV_COUNTRY_CODE);
        return;
    }
}

/* The digits of a one-group number as a country code and a national number of a valid length for it: 0.85. */
static bool e164_bare(pii_scan *sc, const pii_number *num)
{
    const uint8_t *d = sc->s + num->g[0].start;
    size_t nd = glen(num, 0), cclen = 0;
    if (d[0] == '1')
        return false; /* NANP: its recognizer */
    const pii_cc_rule *r = cc_find(d, nd, &cclen);
    size_t nsn = r != NULL ? nd - cclen : 0;
    if (r == NULL || nsn > 31 || ((r->lengths >> nsn) & 1u) == 0 || d[cclen] == '0')
        return false;
    pii_phone_add(sc, SANCTUM_REC_PHONE_INTL, num->start, num->g[0].end, 0.85,
                  SANCTUM_EV_FORMAT_STRONG | SANCTUM_EV_VALIDATOR | SANCTUM_EV_COUNTRY_CODE);
    return true;
}

void pii_rec_phone_intl(pii_scan *sc, const pii_number *num)
{
    const uint8_t *s = sc->s;
    uint8_t d[48];
    /* "0044 20 7946 0958", "00 33 6 ...": the 00 international prefix written instead of '+' */
    bool zz = !num->plus && !num->paren && num->ngroups >= 2 && glen(num, 0) >= 2 && glen(num, 0) <= 5 &&
              s[num->g[0].start] == '0' && s[num->g[0].start + 1] == '0';
    /* ISO 6709 coordinates ("+4612-05957", "+624900-0920459" in zone tables): latitude of 4 or 6 digits
     * glued by its sign to a longitude of one digit more */
    if (num->plus && num->ngroups == 2 && num->g[1].sep == '-' && (glen(num, 0) == 4 || glen(num, 0) == 6) &&
        glen(num, 1) == glen(num, 0) + 1 && num->g[1].start == num->g[0].end + 1)
        return;
    bool link = !num->plus && num->ngroups == 1 && pii_phone_link(sc, num->g[0].start);
    bool field = !num->plus && !zz && !link && num->ngroups == 1 && glen(num, 0) >= 11 && glen(num, 0) <= 15 &&
                 s[num->g[0].start] != '0' && phone_field(sc, num->g[0].start);
    if (field && e164_bare(sc, num))
        return;
    if (num->plus || zz || link) {
        /* digits of every group; a "(0)" trunk group after the country code is dropped */
        size_t nd = 0, cnt = 0;
        size_t upto[PII_MAX_GROUPS], gidx[PII_MAX_GROUPS];
        for (size_t k = 0; k < num->ngroups; k++) {
            if (k > 0 && num->g[k].sep == '(' && glen(num, k) == 1 && s[num->g[k].start] == '0')
                continue;
            if (k > 0 && num->g[k].sep == '/')
                break;
            size_t l = glen(num, k), skip = (zz && k == 0) ? 2 : 0;
            /* the trunk 0 written inside the area code's parentheses after the country code: "+61 (02) 5550 1234",
             * "+49 (030) 5550 8124" */
            if (k == 1 && num->g[k].sep == '(' && l >= 2 && l <= 5 && s[num->g[k].start] == '0')
                skip = 1;
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
        const pii_cc_rule *r = cc_find(d, nd, &cclen);
        if (r == NULL)
            return;
        /* the longest run of whole groups whose national number length is valid */
        for (size_t c = cnt; c > 0; c--) {
            if (upto[c - 1] < cclen)
                break;
            size_t nsn = upto[c - 1] - cclen;
            if (nsn > 31 || ((r->lengths >> nsn) & 1u) == 0)
                continue;
            if (d[cclen] == '0' && !r->zero)
                return; /* the trunk 0 is not written after +CC (Italy keeps it) */
            pii_phone_add(sc, SANCTUM_REC_PHONE_INTL, zz ? num->g[0].start : num->start, num->g[gidx[c - 1]].end, zz ? 0.75 : 0.85,
                   SANCTUM_EV_FORMAT_STRONG | SANCTUM_EV_VALIDATOR | SANCTUM_EV_COUNTRY_CODE);
            return;
        }
        return;
    }
    bare_country_code(sc, num);
    pii_phone_national(sc, num);
}
