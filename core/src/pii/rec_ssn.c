/* US_SSN: AAA-GG-SSSS (or spaced, dotted, bare nine digits) with the SSA's rules: area not 000, 666 or
 * 900-999, group not 00, serial not 0000, and not the advertising number 078-05-1120.
 * Scores: dashed 0.75, spaced 0.6, dotted 0.5, bare 0.3; an SSN word before or after +0.45 (bare) or
 * +0.25; order/id words -0.4. Mixed separators are not SSNs.
 * A number that breaks the SSA rules is still reported (0.75, no validator bit) when the writer says it is
 * someone's SSN: an SSN field label with its colon right before it ("SSN: 078-05-1120") or an owner word
 * with an SSN word ("my SSN is ..."). An SSN word alone is not enough ("SSN 666-12-3456 is never issued"),
 * and sample/test/placeholder words around it take the label's reading away (an owner's only for
 * example/sample/dummy words). "Is 900-12-3456 a valid SSN?" asks about a number and is left alone. */
#include <string.h>

#include "alloc.h"
#include "pii.h"

static const char *const SSN_WORDS[] = {"ssn*", "ss", "social", "security", "ssa", "taxpayer", "tin",
                                        "itin", "sozialversicherungsnummer", "socsec", "tax", NULL};
/* Forms that ask for an SSN ask for the date of birth beside it: evidence for nine bare digits (and, round 15,
 * for the space-grouped 536 22 1947 of a record row). */
static const char *const BIRTH_WORDS[] = {"birth", "dob", "birthdate", "born", NULL};

/* Words that say an unissued number is an example, not someone's. */
static const char *const SAMPLE_WORDS[] = {"example+", "sample+", "placeholder+", "dummy", "fake", "test+",
                                           "never", "invalid", "valid", "issued", "unissued", "assigned",
                                           "format+", "fictional", "fictitious", "mock", "demo+", "exist+",
                                           "validation", "reject+", "zero", "serial", "area", "group", NULL};
static const char *const EXAMPLE_WORDS[] = {"example+", "sample+", "placeholder+", "dummy", "fake", "fictional",
                                            "fictitious", "mock", "demo+", NULL};

/* An SSN word right before the number with a colon, '=' or '#' between: a form field ("SSN: ", "ssn=").
 */
static bool ssn_field_label(const pii_scan *sc, size_t start)
{
    size_t p = start;
    while (p > 0 && (sc->s[p - 1] == ' ' || sc->s[p - 1] == 0x01))
        p--;
    if (p == 0 || (sc->s[p - 1] != ':' && sc->s[p - 1] != '=' && sc->s[p - 1] != '#'))
        return false;
    return pii_context(sc, p - 1, true, 3, 32, SSN_WORDS);
}

/* Round 15: the key of the JSON, Python or XML field whose value starts at `start` ("ssn": "...", 'ssn': '...',
 * <ssn>...): 1 when it names the SSN (holds "ssn", or "social" then "security"), -1 when it names something
 * else, 0 when the value is no such field's. Tax ids ("tax_id", "itin") count as SSN keys. A bounded look: 48 bytes back. */
static int ssn_key(const pii_scan *sc, size_t start)
{
    const uint8_t *s = sc->s;
    size_t p = start;
    uint8_t q = 0;
    if (p > 0 && (s[p - 1] == '"' || s[p - 1] == '\''))
        q = s[--p];
    size_t ke;
    if (q == 0 && p > 0 && s[p - 1] == '>') {
        ke = p - 1; /* <ssn>value */
    } else {
        while (p > 0 && start - p < 6 && s[p - 1] == ' ')
            p--;
        if (p < 2 || s[p - 1] != ':' || (s[p - 2] != '"' && s[p - 2] != '\''))
            return 0;
        ke = p - 2;
    }
    size_t ks = ke;
    while (ks > 0 && ke - ks < 48 && (pii_is_alnum(s[ks - 1]) || s[ks - 1] == '_' || s[ks - 1] == '-'))
        ks--;
    if (ks == ke || ks == 0 || !(s[ks - 1] == '<' || s[ks - 1] == '"' || s[ks - 1] == '\''))
        return 0;
    bool ssn = false, social = false;
    for (size_t i = ks; i + 2 < ke + 1 && !ssn; i++) {
        uint8_t a = pii_lower(s[i]);
        if (i + 3 <= ke && a == 's' && pii_lower(s[i + 1]) == 's' && pii_lower(s[i + 2]) == 'n')
            ssn = true;
        if (i + 6 <= ke && pii_word_eq(s + i, 6, "social"))
            social = true;
        if (social && i + 8 <= ke && pii_word_eq(s + i, 8, "security"))
            ssn = true;
        if (i + 3 <= ke && (pii_word_eq(s + i, 3, "tax") || (i + 4 <= ke && pii_word_eq(s + i, 4, "itin"))))
            ssn = true; /* "tax_id", "taxpayerId", "itin" */
    }
    if (ssn)
        return 1;
    /* a generic key ("value", "data", "text") names nothing: its neighbours may */
    static const char *const GENERIC[] = {"value", "val", "data", "text", "number", "num", "no", "content", NULL};
    for (size_t k = 0; GENERIC[k] != NULL; k++)
        if (pii_word_eq(s + ks, ke - ks, GENERIC[k]))
            return 0;
    return -1;
}

/* The edge of the sentence around a number (at most 72 bytes away): a line break or sentence punctuation
 * before a space, so "j.roe@example.org. My SSN is ..." keeps the address's words out of it. */
static size_t sentence_edge(const pii_scan *sc, size_t pos, bool before)
{
    const uint8_t *s = sc->s;
    if (before) {
        size_t b = pos;
        while (b > 0 && pos - b < 72 && s[b - 1] != '\n' &&
               !(b >= 2 && pii_is_space(s[b - 1]) && (s[b - 2] == '.' || s[b - 2] == '!' || s[b - 2] == '?')))
            b--;
        return b;
    }
    size_t e = pos;
    while (e < sc->n && e - pos < 72 && s[e] != '\n' &&
           !((s[e] == '.' || s[e] == '!' || s[e] == '?') && (e + 1 == sc->n || pii_is_space(s[e + 1]))))
        e++;
    return e;
}

/* An SSN word that opens the sentence names the grouped number that ends it, however long the phrase between
 * ("SSN for the scholarship form is 219 09 9999", "Social security number on the new hire's form: ..."): the
 * first three words of the sentence, no other number between, no order/ticket word before the number. */
static bool ssn_topic(const pii_scan *sc, size_t start, size_t end)
{
    size_t sb = sentence_edge(sc, start, true);
    if (sb >= start || (sb > 0 && start - sb >= 72) || pii_negative_context(sc, start, end))
        return false;
    for (size_t i = sb; i < start; i++)
        if (pii_is_digit(sc->s[i]))
            return false;
    size_t w = sb; /* the end of the sentence's third word */
    for (int k = 0; k < 3 && w < start; k++) {
        while (w < start && !pii_is_alpha(sc->s[w]) && sc->s[w] < 0x80)
            w++;
        while (w < start && (pii_is_alpha(sc->s[w]) || sc->s[w] >= 0x80))
            w++;
    }
    return pii_context(sc, w, true, 3, w - sb, SSN_WORDS);
}

/* Nine bare digits are everywhere (ids, routing numbers): the sentence must open with an SSN word proper and
 * call the number by "is"/"was" or a colon right before it ("the ssn on the lease application is 123456789"). */
static bool ssn_topic_bare(const pii_scan *sc, size_t start, size_t end)
{
    static const char *const STRONG[] = {"ssn*", "social", "socsec", "sozialversicherungsnummer", NULL};
    static const char *const IS[] = {"is", "was", "reads", NULL};
    size_t p = start;
    while (p > 0 && start - p < 3 && sc->s[p - 1] == ' ')
        p--;
    if (p == start || p == 0)
        return false;
    if (sc->s[p - 1] != ':' && !pii_context(sc, start, true, 1, 8, IS))
        return false;
    size_t sb = sentence_edge(sc, start, true);
    size_t w = sb;
    for (int k = 0; k < 3 && w < start; k++) {
        while (w < start && !pii_is_alpha(sc->s[w]) && sc->s[w] < 0x80)
            w++;
        while (w < start && (pii_is_alpha(sc->s[w]) || sc->s[w] >= 0x80))
            w++;
    }
    return ssn_topic(sc, start, end) && pii_context(sc, w, true, 3, w - sb, STRONG);
}

static const char *const OWNER_WORDS[] = {"my", "his", "her", "their", "our", "your", "mine", "its",
                                          "applicant*", "client*", "patient*", "employee*", NULL};

/* The US tax forms that ask for an SSN, written "W-9", "W9", "W-4", "W-2", "I-9" or "1099" (context words
 * are letters only, so these are looked for as written) within 48 bytes before or 32 after. */
static bool tax_form_in(const uint8_t *s, size_t from, size_t to)
{
    for (size_t i = from; i + 2 <= to; i++) {
        if (i > 0 && pii_is_alnum(s[i - 1]))
            continue;
        uint8_t c = pii_lower(s[i]);
        size_t j = i + 1;
        if (c == 'w' || c == 'i') {
            if (s[j] == '-')
                j++;
            if (j < to && (s[j] == '9' || (c == 'w' && (s[j] == '2' || s[j] == '4'))) &&
                (j + 1 >= to || !pii_is_alnum(s[j + 1])))
                return true;
        } else if (c == '1' && i + 4 <= to && s[i + 1] == '0' && s[i + 2] == '9' && s[i + 3] == '9' &&
                   (i + 4 == to || !pii_is_alnum(s[i + 4]))) {
            return true;
        }
    }
    return false;
}

static bool tax_form_near(const pii_scan *sc, size_t start, size_t end)
{
    return tax_form_in(sc->s, start > 48 ? start - 48 : 0, start) ||
           tax_form_in(sc->s, end, end + 32 < sc->n ? end + 32 : sc->n);
}

static size_t glen(const pii_number *num, size_t k) { return num->g[k].end - num->g[k].start; }

/* A table column named for the SSN ("ssn", "social_security_number", "Tax ID (SSN)"): its values are SSNs on
 * every row; a column named for anything else ("employee_number", "upc") keeps the SSN words of the header
 * row or of the cells beside it away from its values. */
static const char *const COLUMN_WORDS[] = {"ssn*", "social", "socsec", "ss", "tin", "itin", "taxpayer",
                                           "sozialversicherungsnummer", NULL};
enum { COL_NONE, COL_SSN, COL_OTHER };

static int ssn_column(pii_scan *sc, size_t start, size_t end)
{
    size_t hs, he;
    if (!pii_table_header(sc, start, end, &hs, &he))
        return COL_NONE;
    return pii_context(sc, he, true, 6, he - hs, COLUMN_WORDS) ? COL_SSN : COL_OTHER;
}

void pii_rec_ssn(pii_scan *sc, const pii_number *num)
{
    for (size_t g0 = 0; g0 < num->ngroups; g0++) {
        if (g0 > 0 && num->g[g0].sep != ' ')
            continue;
        if (g0 == 0 && (num->plus || num->paren))
            continue;
        double score;
        uint32_t ev = SANCTUM_EV_VALIDATOR;
        size_t used;
        double bonus = 0.25;
        if (g0 + 2 < num->ngroups && glen(num, g0) == 3 && glen(num, g0 + 1) == 2 && glen(num, g0 + 2) == 4) {
            uint8_t s1 = num->g[g0 + 1].sep, s2 = num->g[g0 + 2].sep;
            if (s1 != s2)
                continue;
            if (s1 == '-')
                score = 0.75, ev |= SANCTUM_EV_FORMAT_STRONG;
            else if (s1 == ' ')
                score = 0.6, ev |= SANCTUM_EV_FORMAT_WEAK;
            else if (s1 == '.')
                score = 0.5, ev |= SANCTUM_EV_FORMAT_WEAK;
            else
                continue;
            used = 3;
        } else if (glen(num, g0) == 9) {
            score = 0.3, ev |= SANCTUM_EV_FORMAT_WEAK;
            used = 1;
            bonus = 0.45;
        } else {
            continue;
        }
        if (g0 + used < num->ngroups && num->g[g0 + used].sep != ' ')
            continue;
        uint8_t d[9];
        if (pii_number_digits(sc, num, g0, used, d, 9) != 9)
            continue;
        bool same = true;
        for (size_t i = 1; i < 9; i++)
            same = same && d[i] == d[0];
        bool ssa_invalid = memcmp(d, "000", 3) == 0 || memcmp(d, "666", 3) == 0 || d[0] == '9' ||
                           memcmp(d + 3, "00", 2) == 0 || memcmp(d + 5, "0000", 4) == 0 ||
                           memcmp(d, "078051120", 9) == 0 || same;
        size_t start = num->g[g0].start, end = num->g[g0 + used - 1].end;
        if (ssa_invalid) {
            /* only when the writer says the number is someone's SSN: a label right before it ("SSN:",
             * "my SSN is") or an owner word with an SSN word; "is 900-12-3456 a valid SSN?" is a
             * question about a number */
            bool before = ssn_field_label(sc, start) || ssn_key(sc, start) > 0;
            bool owned = (pii_context(sc, start, true, 6, 56, OWNER_WORDS) &&
                          pii_context(sc, start, true, 5, 48, SSN_WORDS)) ||
                         (pii_context(sc, end, false, 3, 24, OWNER_WORDS) &&
                          pii_context(sc, end, false, 4, 36, SSN_WORDS));
            const char *const *veto = owned ? EXAMPLE_WORDS : SAMPLE_WORDS;
            size_t sb = sentence_edge(sc, start, true), se = sentence_edge(sc, end, false);
            if ((sb < start && pii_context(sc, start, true, 8, start - sb, veto)) ||
                (se > end && pii_context(sc, end, false, 10, se - end, veto)))
                before = owned = false;
            if (!before && !owned)
                continue;
            const char *why_invalid;
            if (pii_in_code(sc, start, end, &why_invalid))
                continue;
            pii_add(sc, SANCTUM_ENTITY_US_SSN, SANCTUM_REC_US_SSN, start, end, 0.75,
                    (ev & ~(uint32_t)SANCTUM_EV_VALIDATOR) |
                        (before ? SANCTUM_EV_CONTEXT_BEFORE : SANCTUM_EV_CONTEXT_AFTER));
            continue;
        }
        const char *why;
        /* a field named for the SSN keeps its value one inside a URL query or a path ("?ssn=...&"); in a code
         * identifier or a code span it stays code */
        bool labelled = false;
        if (pii_in_code(sc, start, end, &why) &&
            !(labelled = (strcmp(why, "url") == 0 || strcmp(why, "path") == 0) && ssn_field_label(sc, start) &&
                         (end == sc->n || !pii_is_wordish(sc->s[end])))) {
            pii_suppress(sc, SANCTUM_ENTITY_US_SSN, SANCTUM_REC_US_SSN, start, end, ev);
            continue;
        }
        int column = ssn_column(sc, start, end), key = ssn_key(sc, start);
        if (key > 0) {
            score += bonus + 0.2; /* the field is named for it: beats a phone word in the next field */
            ev |= SANCTUM_EV_CONTEXT_BEFORE;
        } else if (labelled || column == COL_SSN) {
            score += bonus;
            ev |= SANCTUM_EV_CONTEXT_BEFORE;
        } else if (column == COL_OTHER || key < 0) {
            /* its column or field is named for something else */
        } else if (pii_context(sc, start, true, 5, 48, SSN_WORDS) || tax_form_near(sc, start, end)) {
            score += bonus;
            ev |= SANCTUM_EV_CONTEXT_BEFORE;
        } else if (pii_context(sc, end, false, 4, 36, SSN_WORDS)) {
            score += bonus;
            ev |= SANCTUM_EV_CONTEXT_AFTER;
        } else if ((used > 1 && ssn_topic(sc, start, end)) || (used == 1 && ssn_topic_bare(sc, start, end))) {
            score += bonus;
            ev |= SANCTUM_EV_CONTEXT_BEFORE;
        } else if ((used == 1 || num->g[g0 + 1].sep == ' ') && !pii_negative_context(sc, start, end) &&
                   (pii_context(sc, start, true, 6, 48, BIRTH_WORDS) || pii_context(sc, end, false, 6, 48, BIRTH_WORDS))) {
            score += bonus;
            ev |= SANCTUM_EV_CONTEXT_AFTER;
        } else if (pii_negative_context(sc, start, end)) {
            score -= 0.4;
            ev |= SANCTUM_EV_NEGATIVE_CONTEXT;
        }
        pii_add(sc, SANCTUM_ENTITY_US_SSN, SANCTUM_REC_US_SSN, start, end, score, ev);
    }
}

/* An ABA routing number's checksum (3, 7, 1 weights): nine digits that pass are a bank's as often. */
static bool aba_checksum(const uint8_t *d)
{
    unsigned sum = 0;
    for (size_t i = 0; i < 9; i++)
        sum += (unsigned)(d[i] - '0') * (i % 3 == 0 ? 3u : (i % 3 == 1 ? 7u : 1u));
    return sum % 10 == 0;
}

static bool cell_sep(uint8_t c) { return c == '\t' || c == ','; }

/* Words on the row that name another number for the digits: an order, an id, an account, a policy. */
static const char *const ROW_OTHER_WORDS[] = {"order*", "id", "ids", "invoice*", "ticket*", "tracking", "member*",
                                              "account*", "acct", "routing", "aba", "sku", "ref", "reference",
                                              "policy", "claim*", "case", "badge", "phone*", "tel", "mobile",
                                              "zip", "postcode", "isbn", NULL};

/* Round 13: a record row - a person's name in one cell, nine digits the SSA issues in the next ("Harper,
 * Lindsay,235405401,PPO Gold", "KOWALCZYK<TAB>MARIANNA<TAB>440 52 7743"): the number is that person's SSN when
 * nothing else names it (no SSN word was needed; a column header naming something else, an order or id word,
 * a routing number's checksum keep it out). Runs after the PERSON pass; the names' ends are put in a hash set
 * once, so that every row of a long export is asked (the first 64 numbers only were, each against every candidate). */
static bool person_end_set(pii_scan *sc, size_t **set, size_t *mask)
{
    double thr = sc->det->threshold;
    size_t persons = 0, cap = 16;
    for (size_t j = 0; j < sc->count; j++)
        persons += sc->c[j].type == SANCTUM_ENTITY_PERSON;
    while (cap < 2 * persons)
        cap *= 2;
    size_t *h = sc_calloc(sc->det->ctx, cap, sizeof *h, 0);
    if (h == NULL) {
        sc->oom = true;
        return false;
    }
    for (size_t j = 0; j < sc->count; j++) {
        const pii_cand *q = &sc->c[j];
        if (q->type != SANCTUM_ENTITY_PERSON || q->score < thr || (q->evidence & SANCTUM_EV_SUPPRESSED))
            continue;
        size_t k = (q->end * (size_t)2654435761u) & (cap - 1); /* a slot holds end + 1, 0 when empty */
        while (h[k] != 0 && h[k] != q->end + 1)
            k = (k + 1) & (cap - 1);
        h[k] = q->end + 1;
    }
    *set = h;
    *mask = cap - 1;
    return true;
}

static bool person_ends_at(const size_t *set, size_t mask, size_t p)
{
    for (size_t k = (p * (size_t)2654435761u) & mask; set[k] != 0; k = (k + 1) & mask)
        if (set[k] == p + 1)
            return true;
    return false;
}

void pii_ssn_record_rows(pii_scan *sc)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, *ends = NULL, mask = 0;
    double thr = sc->det->threshold;
    for (size_t i = 0; i < sc->count; i++) {
        pii_cand *c = &sc->c[i];
        if (c->type != SANCTUM_ENTITY_US_SSN || c->score >= thr || c->score < 0.3 ||
            !(c->evidence & SANCTUM_EV_VALIDATOR) || (c->evidence & (SANCTUM_EV_NEGATIVE_CONTEXT | SANCTUM_EV_SUPPRESSED)))
            continue;
        size_t a = c->start, b = c->end;
        if (a < 2 || !(cell_sep(s[a - 1]) || (s[a - 1] == ' ' && s[a - 2] == ',')) ||
            !(b == n || cell_sep(s[b]) || s[b] == '\n' || s[b] == '\r'))
            continue;
        size_t p = s[a - 1] == ' ' ? a - 2 : a - 1; /* the separator before the cell */
        uint8_t d[9];
        size_t nd = 0;
        for (size_t k = a; k < b && nd < 9; k++)
            if (pii_is_digit(s[k]))
                d[nd++] = s[k];
        if (nd != 9 || aba_checksum(d) || ssn_column(sc, a, b) == COL_OTHER || pii_negative_context(sc, a, b))
            continue;
        size_t ls = a; /* the row's start, at most 160 bytes back */
        while (ls > 0 && a - ls < 160 && s[ls - 1] != '\n')
            ls--;
        if (pii_context(sc, a, true, 16, a - ls, ROW_OTHER_WORDS))
            continue;
        if (ends == NULL && !person_end_set(sc, &ends, &mask))
            return;
        if (person_ends_at(ends, mask, p)) {
            c->score = 0.75;
            c->evidence |= SANCTUM_EV_CONTEXT_BEFORE;
        }
    }
    sc_free(ends);
}
