/* PERSON precision, round 10: what people talk about when they shop, travel, watch, read and see a doctor,
 * named like people. A brand from the generated list ("Michael Kors", "Tim Hortons", "Wendy's" owning
 * nothing), a product or shop noun after the name ("Ralph Lauren polo", "the Dyson Airwrap"), a room or
 * building named after someone ("the Lincoln Room", "Wellington House"), an eponymous condition ("Braxton
 * Hicks", "Crohn's"), a character in a sentence about fiction ("Elsa from Frozen ... costume", "read Harry
 * Potter"), a term of a school calendar ("Spring Break Mar"), a team or job title ("Customer Care"). */
#include "person_brands.h"
#include "names.h"
#include "person.h"

/* The bytes [a, b) lower-cased into key (ASCII; the typographic apostrophe as '\''); false when they do not
 * fit or hold other non-ASCII bytes. */
static bool fold_key(const uint8_t *s, size_t a, size_t b, char *key, size_t cap)
{
    size_t k = 0;
    for (size_t i = a; i < b; i++) {
        uint8_t c = s[i];
        if (c == 0xE2 && i + 2 < b && s[i + 1] == 0x80 && s[i + 2] == 0x99) {
            c = '\'';
            i += 2;
        } else if (c >= 0x80 || c == 0) {
            return false;
        }
        if (k + 1 >= cap)
            return false;
        key[k++] = (char)pii_lower(c);
    }
    key[k] = '\0';
    return k > 0;
}

static bool in_sorted_keys(const char *key, const char *const *list, size_t count)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(list[mid], key);
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* Conditions known by a person's name, written without the noun ("Braxton Hicks vs real contractions",
 * "her Crohn's flared"); hand-kept, sorted by bytes. */
static const char *const EPONYM[] = {"addison's", "alzheimer's", "asperger's", "braxton hicks", "crohn's",
                                     "cushing's", "hashimoto's", "hodgkin's", "huntington's", "meniere's",
                                     "parkinson's", "raynaud's", "tourette's"};

/* The bit of the folded key's first word (as tools/brands/build_brands.py sets it) is set: without it no
 * key of the list matches, and the binary search (a dozen strcmp over a large table) is not needed. */
static bool first_word_bit(const char *key)
{
    uint32_t h = 2166136261u;
    for (const char *c = key; *c != '\0' && *c != ' '; c++)
        h = (h ^ (uint8_t)*c) * 16777619u;
    uint32_t b = h % PII_BRAND_BLOOM_BITS;
    return (pii_brand_first_bits[b / 64] >> (b % 64)) & 1u;
}

static bool brand_key(const uint8_t *s, size_t a, size_t b, bool *eponym)
{
    char key[64];
    if (!fold_key(s, a, b, key, sizeof key))
        return false;
    *eponym = in_sorted_keys(key, EPONYM, sizeof EPONYM / sizeof EPONYM[0]);
    return *eponym || (first_word_bit(key) && in_sorted_keys(key, pii_brand_keys, pii_brand_count));
}

/* A one-word possessive brand ("Wendy's", "McDonald's") is also how a person's home or things are named
 * ("dinner at Daniel's", "it's Mark's"): only a chain's frame makes it the brand, a complaint, a review or
 * a coupon before it, or its food, menu or franchise after it. */
static bool chain_frame(const uint8_t *s, size_t n, size_t start, size_t p)
{
    static const char *const BEFORE[] = {"complain", "complained", "complaint", "coupon", "coupons",
                                         "franchise", "receipt", "refund", "review", "reviews", NULL};
    static const char *const AFTER[] = {"burger", "burgers", "coupon", "coupons", "drive", "franchise", "fries",
                                        "menu", "near", "nuggets", "restaurant", "restaurants", NULL};
    size_t a, b, q = start;
    if (word_after(s, n, p, &a, &b) && WORD_IN_SORTED(s + a, b - a, AFTER))
        return true;
    for (int k = 0; k < 3 && prev_word(s, q, 2, &a, &b); k++, q = a)
        if (WORD_IN_SORTED(s + a, b - a, BEFORE))
            return true;
    return false;
}

/* Some key starts with the word at a (lower-cased, the typographic apostrophe as '\''; with and without
 * a dot ending it: "Dr." and "Kors."): the bit of its first word is set. */
static bool may_start_key(const uint8_t *s, size_t n, size_t a)
{
    uint32_t h = 2166136261u, before_dot = 0;
    uint8_t last = 0;
    for (size_t i = a; i < n && i - a < 40; i++) {
        uint8_t c = s[i];
        if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x99) {
            c = '\'';
            i += 2;
        } else if (!(pii_is_alpha(c) || c == '.' || c == '\'' || c == '-' || c == '&')) {
            break;
        }
        before_dot = h;
        last = c;
        h = (h ^ pii_lower(c)) * 16777619u;
    }
    if (last != '.')
        before_dot = h;
    uint32_t b = h % PII_BRAND_BLOOM_BITS, d = before_dot % PII_BRAND_BLOOM_BITS;
    return ((pii_brand_first_bits[b / 64] >> (b % 64)) & 1u) || ((pii_brand_first_bits[d / 64] >> (d % 64)) & 1u);
}

/* The name, possibly with the title or word before it and up to two capitalized words or its possessive
 * after it, is a brand of the list. */
static bool listed_brand(const pii_scan *sc, size_t start, size_t end, size_t nt, bool poss, int before)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, starts[2], ns = 0, ps, pe;
    if (before != STRONG)
        starts[ns++] = start;
    /* "Dr. Martens", "Mr Price": the title belongs to the brand */
    pe = start >= 2 && s[start - 1] == ' ' ? (s[start - 2] == '.' ? start - 2 : start - 1) : 0;
    ps = pe;
    while (ps > 0 && pii_is_alpha(s[ps - 1]) && pe - ps < 8)
        ps--;
    if (ps < pe && pii_is_upper(s[ps]) && (ps == 0 || !pii_is_alpha(s[ps - 1])))
        starts[ns++] = ps;
    /* keys of one word are possessives: a lone name with no capitalized word after it asks for none */
    bool cap_next = end + 1 < n && s[end] == ' ' && (pii_is_upper(s[end + 1]) || s[end + 1] == '&');
    for (size_t i = 0; i < ns; i++) {
        bool ep = false;
        if (nt == 1 && !poss && !cap_next && starts[i] == start)
            continue;
        /* eponyms ("Crohn's", "Braxton Hicks") are not in the bits: their initials are asked on */
        bool eponym_initial = (poss && pii_in_chars("ABCHMPRT", s[starts[i]])) ||
                              (nt == 2 && s[starts[i]] == 'B');
        if (!eponym_initial && !may_start_key(s, n, starts[i]))
            continue;
        size_t al, e = end;
        if (poss && apostrophe_at(s, n, end, &al) && end + al < n && s[end + al] == 's') {
            e = end + al + 1;
            if (brand_key(s, starts[i], e, &ep) && (ep || nt >= 2 || starts[i] != start || chain_frame(s, n, start, e)))
                return true;
        } else if (brand_key(s, starts[i], end, &ep)) {
            return true;
        }
        /* "Walt Disney World", "Kate Spade New York", "Ruth's Chris Steak House": capitalized words after it */
        for (int k = 0; k < 3; k++) {
            word t;
            if (e >= n || s[e] != ' ' || !next_word(s, n, e, &t) || t.s != e + 1 || !(t.cap || t.allcaps))
                break;
            e = t.possessive && apostrophe_at(s, n, t.e, &al) ? t.e + al + 1 : t.e;
            if (brand_key(s, starts[i], e, &ep))
                return true;
        }
    }
    return false;
}

/* A lower-case noun after the name that makes it a product, a shop or a bank ("Ralph Lauren polo",
 * "Charles Schwab account"), or a sign or test of medicine ("Braxton Hicks contractions"). */
static bool product_noun(const uint8_t *w, size_t n)
{
    static const char *const P[] = {
        "account",  "accounts",     "app",      "bag",       "bags",      "bakery",    "blazer",
        "boots",    "branch",       "burger",   "burgers",   "card",      "coat",      "coffee",    "contractions",
        "cream",    "crossbody",    "donuts",   "doughnuts", "dress",     "dresses",   "franchise", "fries",
        "heels",    "hoodie",       "jumper",   "loafers",   "location",  "locations", "maneuver",  "manoeuvre",
        "menu",     "mug",          "nuggets",  "polo",      "polos",     "purse",     "purses",    "recipe",
        "recipes",  "reflex",       "restaurant", "restaurants", "sandals", "scarf",   "shirt",     "shirts",
        "shoes",    "shops",        "stock",    "suit",      "sweater",   "tote",      "totes",     "trainers",
        "wallet",   "watches",      NULL};
    return n >= 2 && n <= 12 && WORD_IN_SORTED(w, n, P);
}

/* A capitalized word ending the name or right after it that names a room, a building, a resort or a shop
 * front ("the Lincoln Room", "Wellington House", "Walt Disney World", "Greenfield Dental"). */
static bool building_word(const uint8_t *w, size_t n)
{
    static const char *const B[] = {
        "annex",  "arena",   "auditorium", "bistro", "building", "cafe",    "chambers", "clinic", "deli",
        "dental", "diner",   "grill",      "hall",   "house",    "kitchen", "lodge",    "lounge", "pavilion",
        "pharmacy", "resort", "room",      "rooms",  "studio",   "studios", "suite",    "theater", "theatre",
        "tower",  "wing",    "world",      NULL};
    return n >= 4 && n <= 10 && WORD_IN_SORTED(w, n, B);
}

/* Terms of a school or work calendar: "Winter Break Dec 22", "Spring Term", "Easter Holidays". */
static bool calendar_word(const uint8_t *w, size_t n)
{
    static const char *const C[] = {"break", "finals", "holiday", "holidays", "midterm", "midterms",
                                    "recess", "semester", "term", "vacation", NULL};
    return n >= 4 && n <= 9 && WORD_IN_SORTED(w, n, C);
}

/* Words of a sentence about fiction: a name among them with no person context is a character. */
static bool fiction_word(const uint8_t *w, size_t n)
{
    static const char *const F[] = {
        "anime",    "cartoon",  "character", "characters", "comic",  "comics",
        "cosplay",  "costume",   "costumes",   "detective", "detectives", "epilogue", "fandom", "fanfic",
        "fanfiction", "film",    "films",      "gaming",   "hogwarts", "movie",     "movies",     "musical", "novel",
        "novels",   "patronus",  "playthrough", "prequel", "protagonist", "saga",   "sequel",     "series", "sitcom",
        "speedrun", "speedruns", "superhero", "trilogy",  "videogame", "villain",    "wizard",   NULL};
    return n >= 4 && n <= 12 && WORD_IN_SORTED(w, n, F);
}

/* "Ben & Jerry's Cherry Garcia": a product name right after a listed brand's possessive. */
static bool after_brand_possessive(const uint8_t *s, size_t start)
{
    if (start < 4 || s[start - 1] != ' ' || s[start - 2] != 's')
        return false;
    size_t e = start - 1, a = start - 2;
    if (a >= 1 && s[a - 1] == '\'')
        a--;
    else if (a >= 3 && s[a - 3] == 0xE2 && s[a - 2] == 0x80 && s[a - 1] == 0x99)
        a -= 3;
    else
        return false;
    /* up to three words back on the line */
    for (int k = 0; k < 3; k++) {
        while (a > 0 && s[a - 1] != ' ' && s[a - 1] != '\n' && e - a < 60)
            a--;
        bool ep;
        if (brand_key(s, a, e, &ep) && !ep)
            return true;
        if (a < 2 || s[a - 1] != ' ')
            return false;
        a--;
    }
    return false;
}

/* "the recruiter from Robert Half", "a rep from Charles Schwab": a worker is from a firm. */
static bool employer_from(const uint8_t *s, size_t start)
{
    static const char *const W[] = {"adviser", "advisor", "agent", "consultant", "contractor", "courier",
                                    "installer", "recruiter", "recruiters", "rep", "representative", "technician",
                                    NULL};
    size_t ws, we, vs, ve;
    return prev_word(s, start, 1, &ws, &we) && pii_word_eq(s + ws, we - ws, "from") && prev_word(s, ws, 1, &vs, &ve) &&
           WORD_IN_SORTED(s + vs, ve - vs, W);
}

/* "dress up as X", "dressed as X", "cosplaying as X": a costume is a character. */
static bool costume_as(const uint8_t *s, size_t start)
{
    static const char *const V[] = {"cosplay", "cosplaying", "costumed", "dressed", "dressing", "up", NULL};
    size_t ws, we, vs, ve;
    return prev_word(s, start, 1, &ws, &we) && pii_word_eq(s + ws, we - ws, "as") && prev_word(s, ws, 1, &vs, &ve) &&
           WORD_IN_SORTED(s + vs, ve - vs, V);
}

bool pii_brand_frame(const pii_scan *sc, size_t start, size_t end, const size_t (*toks)[2], size_t nt, bool poss,
                     int before, bool person_ev, bool sig)
{
    static const char *const PAYABLE[] = {"payable", "receivable", NULL};
    static const char *const HEADER[] = {"bcc", "cc", "date", "from", "sent", "subject", "to", NULL};
    static const char *const SHOP[] = {"bakery", "bistro", "cafe", "deli", "dental", "diner", "pharmacy", "salon",
                                       NULL};
    static const char *const TEAM[] = {"accounts", "client", "customer", "guest", "member", "patient", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, a, b, ps = 0, pe = 0;
    if (end - start < 2 || nt == 0)
        return false;
    /* a mail header's field name, even where a signature is read ("--\nFrom: Accounts Payable") */
    if (nt == 1 && end < n && s[end] == ':' && WORD_IN_SORTED(s + start, end - start, HEADER))
        return true;
    if (sig)
        return false;
    if (listed_brand(sc, start, end, nt, poss, before) && (poss || !pii_person_verb_after(sc, end)))
        return true; /* "Jimmy Choo called back about the invoice" is a person */
    size_t ls = toks[nt - 1][0], le = toks[nt - 1][1];
    bool has_prev = prev_word(s, start, 1, &ps, &pe), adj_prev = has_prev && start - pe == 1;
    uint8_t c0 = pii_lower(s[ls]);
    bool shop_initial = nt >= 2 && (c0 == 'b' || c0 == 'c' || c0 == 'd' || c0 == 's' || c0 == 'p');
    if (le - ls >= 4 && le - ls <= 10 && (c0 == 'p' || c0 == 'r' || shop_initial) &&
        (WORD_IN_SORTED(s + ls, le - ls, PAYABLE) || (nt >= 2 && WORD_IN_SORTED(s + ls, le - ls, SHOP))))
        return true; /* "Accounts Payable"; a shop front ends the name: "Greenfield Dental" (no one is called that) */
    /* a street after a name with its suffix: "Martin Luther King Jr Blvd" */
    word sx;
    if (le - ls == 2 && (memcmp(s + ls, "Jr", 2) == 0 || memcmp(s + ls, "Sr", 2) == 0) && next_word(s, n, end, &sx) &&
        sx.s <= end + 2 && sx.cap && sc_word_class(s + sx.s, sx.e - sx.s) == SC_WORD_ORG_NEXT)
        return true;
    if (after_brand_possessive(s, start) || employer_from(s, start))
        return true;
    for (size_t t = 0; t < nt; t++)
        if (pii_is_upper(s[toks[t][0]]) && calendar_word(s + toks[t][0], toks[t][1] - toks[t][0]))
            return true;
    /* teams and job titles: "Customer Care", "Customer Hero" */
    if (nt == 1 && adj_prev && pii_is_upper(s[ps]) && WORD_IN_SORTED(s + ps, pe - ps, TEAM) &&
        (sc_name_lookup(s + start, end - start) & SC_NAME_WORD))
        return true;
    if (before == STRONG)
        return false;
    if (!person_ev && costume_as(s, start))
        return true;
    if (nt >= 2 && building_word(s + ls, le - ls))
        return true;
    if (word_after(s, n, end, &a, &b)) {
        if (pii_is_upper(s[a]) && building_word(s + a, b - a))
            return true;
        if (!poss && pii_is_lower(s[a]) && product_noun(s + a, b - a) && !pii_person_verb_before(sc, start))
            return true; /* "Tell Nadia menu ideas" is a person */
        /* "the Elizabeth line", "the Victoria line" */
        if (!poss && adj_prev && pii_word_eq(s + ps, pe - ps, "the") &&
            (pii_word_eq(s + a, b - a, "line") || pii_word_eq(s + a, b - a, "lines")))
            return true;
    }
    /* "the Dyson Airwrap": an article, a name, and a capitalized word the lists lack ending it */
    if (nt >= 2 && adj_prev && pe - ps <= 3 &&
        (pii_word_eq(s + ps, pe - ps, "the") || pii_word_eq(s + ps, pe - ps, "a") ||
         (pii_word_eq(s + ps, pe - ps, "an") && strchr("AEIOU", (char)s[start]) != NULL)) &&
        s[ls] < 0x80 && /* German "an Jürgen Weißenböck" is "to" */
        pii_name_flags(s, ls, le) == 0 && !pii_surname_by_ending(s, ls, le) &&
        !(pii_name_flags(s, start, toks[0][1]) & SC_NAME_COMMON_FIRST)) /* "the Daniel Mantione" listed as a holder */
        return true;
    /* a character is talked about, not doing things: not a clause's subject ("Priya Raman picked the novel") */
    /* (after a lower-case word, also across ", " or ": " when the name starts no clause of a person: "bring
     * potions, Zelda speedrun after"; not "For the book club, Odile Marchetti is hosting") */
    if (before != 0 || person_ev)
        return false;
    bool adjacent = has_prev && pii_is_lower(s[ps]);
    if (!adjacent && !(start >= 3 && s[start - 1] == ' ' && (s[start - 2] == ',' || s[start - 2] == ':') &&
                       prev_word(s, start, 2, &ps, &pe) && pii_is_lower(s[ps])))
        return false;
    if (pii_person_verb_after(sc, end) || !pii_line_has_word(s, n, start, end, fiction_word))
        return false;
    return adjacent ||
           !(pii_person_clause(sc, start, end, false) ||
             (word_after(s, n, end, &a, &b) &&
              word_in(s + a, b - a, (const char *const[]){"is", "was", "will", "has", "and", "said", NULL})));
}

int pii_listed_firm(const uint8_t *s, size_t a, size_t b, bool eponym_only)
{
    char key[64];
    if (!fold_key(s, a, b, key, sizeof key))
        return 0;
    if (in_sorted_keys(key, pii_eponym_firms, pii_eponym_firm_count))
        return 1;
    return !eponym_only && first_word_bit(key) && in_sorted_keys(key, pii_brand_keys, pii_brand_count) ? 2 : 0;
}
