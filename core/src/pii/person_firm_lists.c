/* PII precision, round 15: firms named like people in a list of firms ("Barclays shortlisted Raymond James and
 * Wells Fargo", "Goldman Sachs and Raymond James", "Lazard, Rothschild and William Hill"). A brand named
 * exactly like a person (round 13's generated list) is a firm beside any other item that is no person; a name
 * that opens with no common given name ("Goldman Sachs") is one beside a listed brand. One item that opens
 * with a common given name ("Anna Berg", "Priya Raman") makes the list a list of people, and nothing is
 * taken back. The list is read at most MAX_ITEMS items either side, each at most three capitalized words. */
#include "names.h"
#include "person.h"
#include "person_brands.h"

enum { MAX_ITEMS = 5, MAX_ITEM_WORDS = 3 };

/* A list separator starting at p (", ", " and ", " & ", " or ", their German, French, Spanish, Italian,
 * Dutch and Scandinavian forms, ", and "): where the next item starts, or 0. */
static size_t sep_after(const uint8_t *s, size_t n, size_t p)
{
    static const char *const CONJ[] = {"&", "and", "e", "en", "et", "och", "og", "or", "und", "y", NULL};
    if (p + 2 < n && s[p] == ',' && s[p + 1] == ' ') {
        p += 2;
        if (p + 4 < n && memcmp(s + p, "and ", 4) == 0)
            p += 4;
        return p;
    }
    if (p + 2 >= n || s[p] != ' ')
        return 0;
    size_t a = p + 1, b = a;
    while (b < n && b - a < 4 && s[b] != ' ')
        b++;
    return b + 1 < n && s[b] == ' ' && word_in(s + a, b - a, CONJ) ? b + 1 : 0;
}

/* A list separator ending at p (the next item starts at p): where the item before it ends, or 0. */
static size_t sep_before(const uint8_t *s, size_t p)
{
    static const char *const CONJ[] = {"&", "and", "e", "en", "et", "och", "og", "or", "und", "y", NULL};
    if (p >= 3 && s[p - 1] == ' ' && s[p - 2] == ',')
        return p - 2;
    if (p < 4 || s[p - 1] != ' ')
        return 0;
    size_t b = p - 1, a = b;
    while (a > 0 && b - a < 4 && s[a - 1] != ' ')
        a--;
    if (a < 2 || s[a - 1] != ' ' || !word_in(s + a, b - a, CONJ))
        return 0;
    return s[a - 2] == ',' ? a - 2 : a - 1; /* ", and" */
}

static bool cap_word_byte(uint8_t c) { return pii_is_alpha(c) || c == '-' || c == '.' || c == '\''; }

/* The item starting at p: 1 to 3 words each opening with a capital, one space between. */
static bool item_after(const uint8_t *s, size_t n, size_t p, size_t *ie)
{
    size_t e = p;
    *ie = p;
    for (int k = 0; k < MAX_ITEM_WORDS; k++) {
        if (e >= n || !pii_is_upper(s[e]))
            break;
        while (e < n && cap_word_byte(s[e]))
            e++;
        *ie = e;
        if (e + 1 >= n || s[e] != ' ' || !pii_is_upper(s[e + 1]))
            break;
        e++;
    }
    return *ie > p;
}

/* The item ending at p: 1 to 3 words each opening with a capital. */
static bool item_before(const uint8_t *s, size_t p, size_t *is)
{
    size_t a = p;
    bool any = false;
    *is = p;
    for (int k = 0; k < MAX_ITEM_WORDS; k++) {
        size_t w = a;
        while (w > 0 && cap_word_byte(s[w - 1]))
            w--;
        if (w == a || !pii_is_upper(s[w]))
            break;
        *is = w;
        any = true;
        if (w < 2 || s[w - 1] != ' ' || !cap_word_byte(s[w - 2]))
            break;
        a = w - 1; /* the next round takes the word before only when it opens with a capital */
    }
    return any;
}

enum { ITEM_OTHER = 0, ITEM_PERSON = 1, ITEM_FIRM = 2 };

static int item_kind(const pii_scan *sc, size_t a, size_t b)
{
    const uint8_t *s = sc->s;
    if (pii_listed_firm(s, a, b, false) != 0)
        return ITEM_FIRM;
    size_t fe = a;
    while (fe < b && s[fe] != ' ')
        fe++;
    unsigned f = pii_name_flags_at(sc, a, fe);
    if ((f & SC_NAME_COMMON_FIRST) || (fe == b && (f & SC_NAME_FIRST) && !(f & SC_NAME_LAST)))
        return ITEM_PERSON;
    return ITEM_OTHER;
}

bool pii_firm_list(const pii_scan *sc, size_t start, size_t end, unsigned first_flags)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* the cheap tests first: a separator right after or right before the name */
    size_t r = sep_after(s, n, end), l = sep_before(s, start);
    if (r == 0 && l == 0)
        return false;
    /* a name that opens with a common given name is a firm only when it is a listed brand named like a person;
     * the others are asked only when the list has no listed firm */
    int self = (first_flags & SC_NAME_COMMON_FIRST) ? pii_listed_firm(s, start, end, true) : -1;
    if (self == 0)
        return false;
    int mates = 0, firms = 0;
    for (int k = 0; k < MAX_ITEMS && r != 0; k++) {
        size_t ie = r;
        if (!item_after(s, n, r, &ie))
            break;
        int kind = item_kind(sc, r, ie);
        if (kind == ITEM_PERSON)
            return false;
        mates++;
        firms += kind == ITEM_FIRM;
        r = sep_after(s, n, ie);
    }
    for (int k = 0; k < MAX_ITEMS && l != 0; k++) {
        size_t is = l;
        if (!item_before(s, l, &is))
            break;
        int kind = item_kind(sc, is, l);
        if (kind == ITEM_PERSON)
            return false;
        mates++;
        firms += kind == ITEM_FIRM;
        l = sep_before(s, is);
    }
    if (firms > 0)
        return true;
    return mates > 0 && (self == 1 || (self < 0 && pii_listed_firm(s, start, end, true) == 1));
}
