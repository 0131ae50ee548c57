/* PERSON written with initials, as minutes, citations and author lists write names: initials first
 * ("J. Okafor", "R. van Leeuwen"), surname first in APA ("Varga, Z.", "Hoang, T. M.") and Vancouver
 * ("Ogunbiyi K, Đặng VT") style, and surname, given ("Mendes, Carla"). Items joined into a list vouch for
 * each other; a lone item needs a known surname that is no word and no place. */
#include <string.h>

#include "names.h"
#include "person.h"
#include "pii.h"

enum { FORM_INITIAL_FIRST = 1, FORM_APA, FORM_VANCOUVER, FORM_GIVEN };
enum { MAX_ITEMS = 12 };

typedef struct item {
    size_t s, e;
    int form;
    bool strong; /* a word of the surname is a known name that is no word and no place */
    bool place;  /* the surname is a place ("N. Carolina", "Washington, D.C.") */
    bool org;    /* a firm, building or honour word follows ("J. Okafor Hospital") */
} item;

static bool upper_ascii(uint8_t c) { return c >= 'A' && c <= 'Z'; }

/* Irish and Scottish particles written capitalized before a surname: "Ó Dónaill", "Mac Giolla". */
static bool gaelic_particle(const uint8_t *w, size_t n)
{
    return (n == 2 && w[0] == 0xC3 && w[1] == 0x93) || pii_word_eq(w, n, "mac") || pii_word_eq(w, n, "nic") ||
           (n == 3 && w[0] == 'N' && w[1] == 0xC3 && w[2] == 0xAD) /* Ní */;
}

/* A surname of up to three capitalized words with lower-case particles between them, starting at the
 * word w ("Okafor", "van Leeuwen" after an initial, "Ferreira da Silva", "Ó Dónaill"). Fills the item's
 * end and strength; false when w starts none. */
static bool surname_group(pii_scan *sc, word w, bool after_initial, item *it)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    bool strong = false, place = false, first_unknown = false;
    size_t end = 0, first_end = 0;
    for (unsigned k = 0; k < 3; k++) {
        if (w.lower && pii_particle(s + w.s, w.e - w.s)) {
            word nx;
            if (!next_word(s, n, w.e, &nx) || !joins(s, w.e, nx.s, false))
                break;
            w = nx;
            continue;
        }
        if (gaelic_particle(s + w.s, w.e - w.s)) {
            word nx;
            if (!next_word(s, n, w.e, &nx) || !joins(s, w.e, nx.s, false) || !nx.cap)
                break;
            w = nx;
        }
        if (!w.cap || w.e - w.s < 2 || w.possessive || !pii_name_shaped(sc, &w, false))
            break;
        int cls = sc_word_class(s + w.s, w.e - w.s);
        if (cls != SC_WORD_NONE && cls != SC_WORD_AMBIGUOUS) {
            it->org = end > 0 && (cls == SC_WORD_ORG_NEXT || cls == SC_WORD_TECH_NOUN);
            break;
        }
        if (end > 0 && (pii_place_noun(s + w.s, w.e - w.s) || pii_honour_word(s + w.s, w.e - w.s) ||
                        pii_thing_noun(s + w.s, w.e - w.s, false))) {
            it->org = true;
            break;
        }
        unsigned f = pii_name_flags(s, w.s, w.e);
        if (end > 0 && f == 0 && !after_initial)
            break; /* the words after the first are known names ("Ferreira da Silva", "Castellanos Ruiz") */
        first_unknown = first_unknown || (end == 0 && (f == 0 || pii_word_like(f, cls)));
        /* a place matters for known names ("N. Carolina"); an unknown word is never strong anyway */
        bool is_place = (f & SC_NAME_PLACE) || (f != 0 && sc_place_lookup(s + w.s, w.e - w.s));
        if ((f & (SC_NAME_FIRST | SC_NAME_LAST)) && !pii_word_like(f, cls) && !is_place)
            strong = true;
        place = place || is_place;
        end = w.e;
        if (first_end == 0)
            first_end = w.e;
        word nx;
        if (!next_word(s, n, w.e, &nx) || !joins(s, w.e, nx.s, false) || !(nx.cap || nx.lower))
            break;
        w = nx;
    }
    if (end == 0 || (first_unknown && end != first_end))
        return false; /* "See Kowalczyk, M.": the name starts at the known word */
    it->e = end;
    it->strong = strong;
    it->place = place;
    return true;
}

/* Initials from p: "Z.", "T. M.", "J.R." (at most three); returns the end after the last dot, or 0. */
static size_t dotted_initials(const uint8_t *s, size_t n, size_t p)
{
    size_t e = 0;
    for (unsigned k = 0; k < 3 && p + 1 < n && upper_ascii(s[p]) && s[p + 1] == '.'; k++) {
        e = p + 2;
        p = e;
        if (p + 2 < n && s[p] == ' ' && upper_ascii(s[p + 1]) && s[p + 2] == '.')
            p++;
    }
    return e;
}

/* What may follow the initials of a surname-first item: the end, punctuation, "&", "and", a year. */
static bool item_end_ok(const uint8_t *s, size_t n, size_t p)
{
    if (p >= n || s[p] == ',' || s[p] == ';' || s[p] == ')' || s[p] == '\n' || s[p] == '\r' || s[p] == '"')
        return true;
    if (s[p] != ' ')
        return false;
    return p + 1 >= n || s[p + 1] == '(' || s[p + 1] == '&' || s[p + 1] == '\n' ||
           (p + 4 < n && memcmp(s + p + 1, "and ", 4) == 0) || (p + 3 < n && memcmp(s + p + 1, "et ", 3) == 0);
}

/* "A. Overview, B. Scope, C. Pricing": letters in sequence are an outline, not initials. True when the
 * letter before (or after, for "A") opens a word with ". " within 200 bytes. */
static bool letter_item_in(const uint8_t *s, size_t lo, size_t hi, uint8_t want)
{
    for (size_t i = lo; i + 2 < hi; i++)
        if (s[i] == want && s[i + 1] == '.' && s[i + 2] == ' ' && (i == 0 || (!pii_is_alpha(s[i - 1]) && s[i - 1] != '.')))
            return true;
    return false;
}

/* An outline starts at "A.": "B." after it, or the letter before and "A." before. */
static bool outline_letter(const uint8_t *s, size_t n, size_t p)
{
    if (s[p] == 'A')
        return letter_item_in(s, p + 1, p + 200 < n ? p + 200 : n, 'B');
    size_t lo = p > 200 ? p - 200 : 0;
    return letter_item_in(s, lo, p, (uint8_t)(s[p] - 1)) && letter_item_in(s, lo, p, 'A');
}

/* The head [a, h) (a word and ", ") opens the line before or after the one it opens: a catalogue
 * ("Zhuang, Central\nZhuang, Dai\nZhuang, Yang"). */
static bool repeated_head(const uint8_t *s, size_t n, size_t a, size_t h)
{
    if (a > 0 && s[a - 1] != '\n')
        return false;
    size_t l = h - a;
    if (a >= 2) {
        size_t ps = a - 1;
        while (ps > 0 && s[ps - 1] != '\n')
            ps--;
        if (a - 1 - ps >= l && memcmp(s + ps, s + a, l) == 0)
            return true;
    }
    const uint8_t *nl = memchr(s + h, '\n', n - h);
    if (nl == NULL)
        return false;
    size_t ns = (size_t)(nl - s) + 1;
    return n - ns >= l && memcmp(s + ns, s + a, l) == 0;
}

/* A given name in a header field's "Last, First" (round 15): its flags as written, or with its accents folded
 * ("Siobhán", "Seán": a folded match counts as a name there, not as a word), 0 when none. */
static unsigned header_given(const uint8_t *s, size_t a, size_t b)
{
    unsigned f = pii_name_flags(s, a, b);
    if ((f & (SC_NAME_FIRST | SC_NAME_LAST)) || memchr(s + a, 0xC3, b - a) == NULL)
        return f;
    return pii_folded_flags(s, a, b) & ~(unsigned)SC_NAME_WORD;
}

/* One item starting at the word w, of any form; false when w starts none. */
/* A bibliography entry (round 15): a "Surname, Given" item [start, end) opens a line and ends in ". " before a
 * title or a year, and a year of publication follows on the line within 200 bytes ("Achebe, Chinua. Things
 * Fall Apart. Heinemann, 1958."). */
static bool bibliography_line(const uint8_t *s, size_t n, size_t start, size_t end)
{
    if ((start > 0 && s[start - 1] != '\n') || end + 2 >= n || s[end] != '.' || s[end + 1] != ' ' ||
        !(pii_is_upper(s[end + 2]) || pii_is_digit(s[end + 2]) || s[end + 2] == '"' || s[end + 2] >= 0xC3))
        return false;
    for (size_t q = end + 2; q + 4 <= n && q - end < 200 && s[q] != '\n'; q++) {
        if ((s[q] == '1' || s[q] == '2') && pii_is_digit(s[q + 1]) && pii_is_digit(s[q + 2]) &&
            pii_is_digit(s[q + 3]) && !pii_is_digit(s[q - 1]) && (q + 4 == n || !pii_is_digit(s[q + 4]))) {
            int y = (s[q] - '0') * 1000 + (s[q + 1] - '0') * 100 + (s[q + 2] - '0') * 10 + (s[q + 3] - '0');
            if (y >= 1500 && y <= 2099)
                return true;
        }
    }
    return false;
}

static bool parse_item(pii_scan *sc, const word *w, item *it)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    memset(it, 0, sizeof *it);
    it->s = w->s;
    if (w->e - w->s == 1 && upper_ascii(s[w->s])) {
        /* "J. Okafor": not a letter named after a word ("Plan B. Smith", "Vitamin D. Brown"), nor the
         * second letter of an abbreviation ("U.S.") */
        if (w->s > 0 && s[w->s - 1] != ' ' && s[w->s - 1] != '(' && s[w->s - 1] != '\n' && s[w->s - 1] != '"')
            return false;
        if (w->s >= 2 && s[w->s - 1] == ' ' && (pii_is_upper(s[w->s - 2]) || pii_is_digit(s[w->s - 2])))
            return false;
        size_t ws, we;
        if (w->s >= 2 && s[w->s - 1] == ' ' && pii_is_alpha(s[w->s - 2]) && prev_word(s, w->s, 1, &ws, &we) &&
            pii_is_upper(s[ws]))
            return false;
        size_t e = dotted_initials(s, n, w->s);
        word g;
        if (e == 0 || e >= n || s[e] != ' ' || !next_word(s, n, e, &g) || g.s != e + 1)
            return false;
        it->form = FORM_INITIAL_FIRST;
        return surname_group(sc, g, true, it) && !(e == w->s + 2 && outline_letter(s, n, w->s));
    }
    if (!w->cap || w->e - w->s < 2)
        return false;
    if (!surname_group(sc, *w, false, it))
        return false;
    size_t p = it->e;
    if (p + 3 < n && s[p] == ',' && s[p + 1] == ' ' && upper_ascii(s[p + 2]) && s[p + 3] == '.') {
        size_t e = dotted_initials(s, n, p + 2);
        if (e == 0 || !item_end_ok(s, n, e))
            return false;
        /* "Washington, D.C.", "Smith, U.S. Attorney": an abbreviation, not initials */
        if (e - (p + 2) == 4 && s[p + 4] != ' ')
            return false;
        it->e = e;
        it->form = FORM_APA;
        return true;
    }
    if (p + 2 < n && s[p] == ' ' && upper_ascii(s[p + 1])) {
        /* Vancouver: "Ogunbiyi K", "Đặng VT", "Đặng V T" (two initials at most: "Aetna PPO") */
        size_t q = p + 1, letters = 0;
        while (q < n && letters < 2 && upper_ascii(s[q])) {
            letters++;
            q++;
            if (q + 1 < n && s[q] == ' ' && upper_ascii(s[q + 1]) &&
                (q + 2 >= n || !pii_is_alpha(s[q + 2])))
                q++;
        }
        if (q < n && (pii_is_alpha(s[q]) || s[q] >= 0x80))
            return false;
        if (q >= n || s[q] == ',' || s[q] == '.' || s[q] == ';' || s[q] == '\n') {
            it->e = q;
            it->form = FORM_VANCOUVER;
            return true;
        }
        return false;
    }
    if (p + 3 < n && s[p] == ',' && s[p + 1] == ' ' && pii_is_upper(s[p + 2])) {
        /* "Mendes, Carla": a known surname, then a known given name; neither a word nor a place */
        word g;
        if (!next_word(s, n, p + 1, &g) || g.s != p + 2 || !g.cap || g.possessive)
            return false;
        word g2;
        size_t ge = g.e;
        if (next_word(s, n, g.e, &g2) && joins(s, g.e, g2.s, false) && !g2.lower) {
            /* "Adébáyọ̀, Funmilayo Adeyemi": the given name starts a full name of its own; but "From: Nguyen,
             * Bao Anh" ends its header field with a given name of two words (round 15; the field's shape is
             * asked before any name list) */
            if (!g2.cap || g2.possessive || !pii_header_name_field(s, n, w->s, g2.e, 0) ||
                !(header_given(s, g2.s, g2.e) & (SC_NAME_FIRST | SC_NAME_LAST)))
                return false;
            ge = g2.e;
        }
        if (g.e + 1 < n && (s[g.e] == ',' || s[g.e] == '\t') && s[g.e + 1] != ' ')
            return false; /* "Halvorsen, Astrid,astrid@...": two values of a record (record_pair reads them) */
        unsigned fg = pii_name_flags(s, g.s, g.e), fs = pii_name_flags(s, w->s, w->e);
        bool header = pii_header_name_field(s, n, w->s, ge, fs); /* "From: Bramwell, Theodora": person_headers.c */
        if (header && !(fg & SC_NAME_FIRST))
            fg = header_given(s, g.s, g.e); /* "From: Kavanagh, Siobhán" */
        if (!(fg & SC_NAME_FIRST) || (pii_word_like(fg, sc_word_class(s + g.s, g.e - g.s)) && !header) ||
            (fg & SC_NAME_PLACE) || sc_place_lookup(s + g.s, g.e - g.s))
            return false;
        /* a bibliography entry vouches for a surname the lists lack ("Okparaeke, Nnamdi. River Towns. 1987.") */
        bool bib = !header && !it->place && bibliography_line(s, n, w->s, ge);
        if (!header && !bib && (!it->strong || it->place || !(fs & SC_NAME_LAST) || (fs & SC_NAME_COMMON_FIRST)))
            return false;
        it->strong = it->strong || header || bib;
        if (repeated_head(s, n, w->s, p + 2))
            return false; /* "Zhuang, Dai\nZhuang, Yang": a catalogue of variants, not a person */
        it->e = ge;
        it->form = FORM_GIVEN;
        return true;
    }
    return false;
}

/* The separator from one item of a list to the next: an optional short note in brackets ("(chair)"),
 * then ", ", ", & ", " & ", ", and ", " and " or "; ". Returns where the next item starts, or 0. */
static size_t list_next(const uint8_t *s, size_t n, size_t p)
{
    if (p + 2 < n && s[p] == ' ' && s[p + 1] == '(') {
        const uint8_t *c = memchr(s + p + 2, ')', (n - p - 2) < 32 ? n - p - 2 : 32);
        if (c == NULL || memchr(s + p, '\n', (size_t)(c - (s + p))) != NULL)
            return 0;
        p = (size_t)(c - s) + 1;
    }
    static const char *const SEP[] = {", & ", ", and ", ", ", " & ", " and ", "; ", NULL};
    for (size_t k = 0; SEP[k] != NULL; k++) {
        size_t l = strlen(SEP[k]);
        if (p + l < n && memcmp(s + p, SEP[k], l) == 0)
            return p + l;
    }
    return 0;
}

/* An item of initials-first form earlier on the line ("Present: J. Okafor ...; apologies: M. Ferreira"). */
static bool initial_item_before(const uint8_t *s, size_t start)
{
    size_t lo = start > 240 ? start - 240 : 0;
    for (size_t i = start; i > lo + 3; i--) {
        if (s[i - 1] == '\n')
            return false;
        size_t c = i - 4; /* " X. Y" */
        if (s[c] == ' ' && upper_ascii(s[c + 1]) && s[c + 2] == '.' && s[c + 3] == ' ' && upper_ascii(s[i]) &&
            (c == 0 || s[c - 1] == ',' || s[c - 1] == ':' || s[c - 1] == ';'))
            return true;
    }
    return false;
}

/* A cheap test of the bytes after a capitalized word that ends at e: a comma and a capital letter, or a
 * last token of one to three capitals (Vancouver), within four words. */
bool pii_initials_shape(const uint8_t *s, size_t n, size_t e)
{
    /* up to two more words of the surname: capitalized, or short particles in lower case ("da", "van") */
    size_t q = e;
    for (unsigned k = 0; k < 3 && q + 1 < n && s[q] == ' '; k++) {
        uint8_t c = s[q + 1];
        size_t r = q + 1;
        if (pii_is_upper(c) || c >= 0x80) {
            while (r < n && (pii_is_alpha(s[r]) || s[r] >= 0x80 || s[r] == '-' || s[r] == '\''))
                r++;
        } else if (pii_is_lower(c)) {
            while (r < n && pii_is_lower(s[r]))
                r++;
            if (r - q - 1 > 3)
                break; /* a word of the sentence, not a particle */
        } else
            break;
        if (r - q - 1 <= 2 && pii_is_upper(c) && (r >= n || s[r] != ' ' || !pii_is_upper(s[r + 1 < n ? r + 1 : r])))
            return true; /* " K," / " VT." / " V T": Vancouver initials (parse_item checks the rest) */
        q = r;
    }
    return q + 2 < n && s[q] == ',' && s[q + 1] == ' ' && upper_ascii(s[q + 2]);
}

size_t pii_initials_name(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    item items[MAX_ITEMS];
    size_t k = 0, strong = 0;
    word cur = *w;
    /* "See Kowalczyk, M.", "Cite Varga, Z.": a word before the surname is not part of it */
    word nx;
    bool skipped = false;
    if (w->cap && !parse_item(sc, w, &items[0]) && next_word(s, n, w->e, &nx) && joins(s, w->e, nx.s, false) &&
        nx.cap) {
        unsigned fw = pii_name_flags(s, w->s, w->e);
        if (fw != 0 && !pii_word_like(fw, sc_word_class(s + w->s, w->e - w->s)))
            return 0; /* "Miles Okafor, Rosa": a given name before it, a list of names */
        cur = nx;
        skipped = true;
    }
    for (;;) {
        if (!parse_item(sc, &cur, &items[k]) || (k > 0 && items[k].form == FORM_GIVEN))
            break;
        if (items[k].org)
            return 0;
        strong += items[k].strong;
        k++;
        if (k == MAX_ITEMS || items[k - 1].form == FORM_GIVEN)
            break;
        size_t p = list_next(s, n, items[k - 1].e);
        if (p == 0 || !next_word(s, n, p, &cur) || cur.s != p)
            break;
    }
    if (k == 0 || (skipped && items[0].form == FORM_GIVEN))
        return 0;
    bool ok;
    if (k >= 2) {
        /* a list: a known surname in every three, and no place ("N. Carolina, S. Dakota") */
        size_t places = 0;
        for (size_t i = 0; i < k; i++)
            places += items[i].place && !items[i].strong;
        ok = strong >= 1 && (places == 0 || strong >= 2) && (k <= 3 || 3 * strong >= k);
    } else {
        const item *it = &items[0];
        bool unk = false;
        if (it->form == FORM_VANCOUVER)
            return 0; /* "Vitamin K", "Plan B": only in a list */
        bool vouched = (pii_context_before(sc, it->s, &unk) == STRONG && unk) || initial_item_before(s, it->s) ||
                       pii_role_apposition(sc, it->e) || /* "— T. Aldridge, lab supervisor" */
                       (it->form == FORM_APA && it->e + 3 < n && s[it->e] == ' ' && s[it->e + 1] == '(' &&
                        pii_is_digit(s[it->e + 2]));
        /* an unknown surname vouched for by the frame ends its phrase ("Q. And you worked ...": no name) */
        bool phrase_end = it->e >= n || s[it->e] == ',' || s[it->e] == ';' || s[it->e] == '.' || s[it->e] == ')' ||
                          s[it->e] == '\n' || (it->e + 1 < n && s[it->e] == ' ' && s[it->e + 1] == '(');
        ok = !it->place && (it->strong || (vouched && phrase_end));
        if (it->form == FORM_INITIAL_FIRST && s[it->s] == 'M' && !initial_item_before(s, it->s))
            return 0; /* "M. Dupont" alone is Monsieur: the title path reads it */
        if (it->form == FORM_GIVEN) {
            /* alone, not one pair of a list of names ("Jessica, Kiara, Maddie") */
            size_t ps, pe;
            ok = ok && it->strong && !(it->s >= 2 && s[it->s - 2] == ',') &&
                 !(prev_word(s, it->s, 1, &ps, &pe) && pii_word_eq(s + ps, pe - ps, "and")) &&
                 !(it->e + 2 < n && s[it->e] == ',' && s[it->e + 1] == ' ' && pii_is_upper(s[it->e + 2])) &&
                 !(it->e + 5 < n && memcmp(s + it->e, " and ", 5) == 0);
        }
    }
    if (!ok)
        return 0;
    const char *why;
    for (size_t i = 0; i < k; i++) {
        if (pii_in_code(sc, items[i].s, items[i].e, &why) ||
            pii_not_person_frame(sc, items[i].s, items[i].e, items[i].e, false))
            continue;
        pii_person_emit(sc, items[i].s, items[i].e, 0.8,
                        SANCTUM_EV_NAME_SEQUENCE | (items[i].strong ? SANCTUM_EV_GAZETTEER_LAST : 0));
    }
    return items[k - 1].e;
}

void pii_trailing_initial(pii_scan *sc, size_t first_cand)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    double thr = sc->det->threshold;
    for (size_t i = first_cand; i < sc->count; i++) {
        pii_cand *c = &sc->c[i];
        size_t e = c->end;
        /* the cheap shape first: " X." after the name */
        if (e + 3 > n || s[e] != ' ' || !pii_is_upper(s[e + 1]) || s[e + 2] != '.' || s[e + 1] == 'I')
            continue;
        if (c->type != SANCTUM_ENTITY_PERSON || c->score < thr || (c->evidence & SANCTUM_EV_SUPPRESSED) ||
            !(c->evidence & SANCTUM_EV_GAZETTEER_FIRST) || memchr(s + c->start, ' ', e - c->start) != NULL)
            continue;
        /* and the initial ends there: a space, punctuation, a dash or the end ("Ravi B. — spoken word",
         * "Priya S., deposit"), not "Priya S. Raman" (the walk reads that one whole) */
        size_t q = e + 3;
        if (q == n || s[q] == '\n' || s[q] == '\r' || s[q] == ',' || s[q] == ';' || s[q] == ')' || s[q] == '!' ||
            (q + 1 < n && s[q] == ' ' && (s[q + 1] == '-' || s[q + 1] == 0xE2 || s[q + 1] == '(' || pii_is_lower(s[q + 1]))))
            c->end = q;
    }
}
