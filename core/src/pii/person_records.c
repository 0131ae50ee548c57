/* PERSON in records people paste whole: the name field of a machine-readable passport or ID zone
 * ("P<UTOERIKSSON<<ANNA<MARIA<<<<"), and the parties of a court caption ("Okonkwo v. Brennan", "State v.
 * Kellerman", "In re Marriage of Patel"). */
#include <string.h>

#include "names.h"
#include "person.h"
#include "pii.h"

static bool mrz_byte(uint8_t c) { return (c >= 'A' && c <= 'Z') || c == '<'; }

/* The name field of an MRZ (ICAO 9303): a passport's first line "P<" + issuing state (three letters or
 * '<') + SURNAME<<GIVEN<NAMES, or an ID card's name line SURNAME<<GIVEN<<<<. The field has the "<<"
 * between surname and given names and ends in the '<' fill (three or more) or with the line. Returns
 * where to go on, or 0 when w starts none. */
size_t pii_mrz_name(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, a = w->s;
    if (w->e - w->s == 1 && s[a] == 'P' && a + 5 < n && s[a + 1] == '<' && mrz_byte(s[a + 2]) && mrz_byte(s[a + 3]) &&
        mrz_byte(s[a + 4]))
        a += 5; /* "P<UTO", "P<D<<" */
    else if (!w->allcaps || w->e + 2 >= n || s[w->e] != '<' || s[w->e + 1] != '<')
        return 0;
    if (a > 0 && (pii_is_alpha(s[a - 1]) || pii_is_digit(s[a - 1])) && a == w->s)
        return 0;
    while (a < n && s[a] == '<')
        a++; /* "P<D<<BRANDT": the state's own fill */
    /* A start inside the field last refused, from a later word, is refused too: the read from it ends where
     * that one did, with no more "<<", letters or fill (each test below only gets harder). Without this a
     * row of "P<" was read again from each of its words: n^2 (1 MiB took minutes). */
    if (w->s >= sc->mrz_ws && a >= sc->mrz_a && a < sc->mrz_q)
        return 0;
    size_t q = a, last = a, fill = 0;
    bool sep = false;
    while (q < n && mrz_byte(s[q])) {
        if (s[q] == '<') {
            size_t r = q;
            while (r < n && s[r] == '<')
                r++;
            if (r - q >= 3 || r >= n || !mrz_byte(s[r])) {
                fill = r - q;
                q = r;
                break;
            }
            sep = sep || r - q == 2;
            q = r;
            continue;
        }
        last = ++q;
    }
    if (!sep || last - a < 5 || (fill < 3 && q - w->s < 30)) {
        sc->mrz_ws = w->s;
        sc->mrz_a = a;
        sc->mrz_q = q;
        return 0;
    }
    pii_person_emit(sc, a, last, 0.9, SANCTUM_EV_NAME_SEQUENCE | SANCTUM_EV_FORMAT_STRONG);
    return q;
}

/* Words that name the state or an office as a party: "State v. X", "R v Smith", "People v. X". */
static bool state_party(const uint8_t *w, size_t n)
{
    static const char *const S[] = {"commissioner", "commonwealth", "county", "crown", "government", "people",
                                    "r", "regina", "republic", "rex", "secretary", "state", "united", NULL};
    return WORD_IN_SORTED(w, n, S);
}

/* A word of a court or a ruling on the line around p: what makes "X v. Y" a caption and not a match
 * ("Arsenal v Chelsea", "Batman v Superman"). */
static bool legal_line(const uint8_t *s, size_t n, size_t p)
{
    static const char *const L[] = {
        "appeal", "appellant", "appellee", "arraignment", "brief", "caption", "case", "claimant",
        "counsel", "court", "defendant", "docket", "filed", "filing", "hearing", "held", "holding", "judge",
        "judgement", "judgment", "justice", "lawsuit", "litigation", "motion", "overruled", "petitioner",
        "plaintiff", "precedent", "respondent", "ruling", "sued", "suit", "trial", "tribunal", "verdict", "wl",
        NULL};
    size_t lo = 0, hi = 0;
    pii_line_bounds(s, n, p, p, 200, &lo, &hi);
    for (size_t i = lo; i < hi;) {
        if (!pii_is_alpha(s[i])) {
            i++;
            continue;
        }
        size_t e = i;
        while (e < hi && pii_is_alpha(s[e]))
            e++;
        if (e - i >= 2 && e - i <= 12 && WORD_IN_SORTED(s + i, e - i, L))
            return true;
        i = e;
    }
    return false;
}

typedef struct party {
    size_t s, e;
    bool person; /* a name: known, or one unknown capitalized word */
    bool state;  /* the state or an office */
    unsigned flags; /* pii_name_flags of its last word */
    int cls;        /* sc_word_class of its last word */
} party;

/* A law-report citation right after a caption that ends at p: "[2019] UKSC 12", ", 612 F.3d 441",
 * ", 491 U.S. 397", ", 214 Cal. App. 4th 611", ", 2021 WL 448812": a volume, then a reporter (a token with a
 * dot, in capitals or with a digit after a capital) and a page. A year and a release ("Godzilla v. Kong, 2021
 * U.K. release") ends in no page. Reads at most six tokens after the volume. */
static bool report_citation(const uint8_t *s, size_t n, size_t p)
{
    if (p < n && s[p] == ',')
        p++;
    if (p + 7 >= n || s[p] != ' ')
        return false;
    p++;
    if (s[p] == '[') /* a neutral citation: "[2024] EWCA Crim 512" */
        return p + 7 < n && pii_is_digit(s[p + 1]) && pii_is_digit(s[p + 2]) && pii_is_digit(s[p + 3]) &&
               pii_is_digit(s[p + 4]) && s[p + 5] == ']' && s[p + 6] == ' ' && pii_is_upper(s[p + 7]);
    size_t q = p;
    while (q < n && q - p < 4 && pii_is_digit(s[q]))
        q++;
    if (q == p || q >= n || s[q] != ' ')
        return false;
    bool reporter = false;
    for (unsigned k = 0; k < 6 && q < n && s[q] == ' '; k++) {
        size_t a = ++q;
        bool dot = false, digit = false, lower = false;
        while (q < n && (pii_is_alpha(s[q]) || pii_is_digit(s[q]) || s[q] == '.')) {
            dot = dot || s[q] == '.';
            digit = digit || pii_is_digit(s[q]);
            lower = lower || pii_is_lower(s[q]);
            q++;
        }
        if (q == a)
            return false;
        if (!dot && !lower && !pii_is_upper(s[a]))
            return reporter && digit; /* the page: "441" */
        if (!pii_is_upper(s[a]) && !pii_is_digit(s[a]))
            return false; /* a word of the sentence */
        reporter = reporter || dot || (!lower && !digit && q - a >= 2) || (digit && pii_is_upper(s[a]));
    }
    return false;
}

/* A party of a caption read on a law report alone is a person when it ends in a known name that is neither a
 * word nor a brand or tool: firms are named by words ("Apple", "Oracle") and coined names ("Qualcomm"). */
static bool report_party(const party *pt)
{
    return pt->person && (pt->flags & (SC_NAME_FIRST | SC_NAME_LAST)) && !(pt->flags & SC_NAME_WORD) &&
           pt->cls != SC_WORD_AMBIGUOUS;
}

/* A party of a caption starting at the word w: up to three capitalized words with particles; a firm word
 * after it ("Holloway Freight Inc.", "Board of Education") or a place makes it no person, except in the
 * matter of an estate or a marriage (`matter`), which is always of persons ("In re Estate of Lancaster"). */
static void read_party(pii_scan *sc, word w, party *pt, bool matter)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    memset(pt, 0, sizeof *pt);
    pt->s = w.s;
    if (!w.cap && !(w.e - w.s == 1 && pii_is_upper(s[w.s])))
        return;
    if (state_party(s + w.s, w.e - w.s)) {
        pt->state = true;
        pt->e = w.e;
        return;
    }
    size_t words = 0, known = 0;
    bool bad = false;
    for (;;) {
        int cls = sc_word_class(s + w.s, w.e - w.s);
        unsigned f = pii_name_flags(s, w.s, w.e);
        if (cls == SC_WORD_ORG_NEXT || cls == SC_WORD_STOP || cls == SC_WORD_TECH_NOUN || cls == SC_WORD_SOFTWARE ||
            (cls == SC_WORD_PLACE && !matter) || w.allcaps || w.e - w.s < 2) {
            bad = true;
            break;
        }
        if (!matter && ((f & SC_NAME_PLACE) || sc_place_lookup(s + w.s, w.e - w.s)))
            bad = bad || !(f & (SC_NAME_COMMON_FIRST | SC_NAME_COMMON_LAST)); /* "v. Texas" */
        known += (f & (SC_NAME_FIRST | SC_NAME_LAST)) != 0;
        pt->flags = f;
        pt->cls = cls;
        words++;
        pt->e = w.e;
        word nx;
        if (words == 3 || w.possessive || !next_word(s, n, w.e, &nx) || !joins(s, w.e, nx.s, false))
            break;
        while (nx.lower && pii_particle(s + nx.s, nx.e - nx.s) && next_word(s, n, nx.e, &nx))
            ;
        if (nx.lower) {
            if (pii_word_eq(s + nx.s, nx.e - nx.s, "of"))
                bad = true; /* "Board of Education", "City of Austin" */
            break;
        }
        w = nx;
    }
    word nx;
    if (!bad && next_word(s, n, pt->e, &nx) && nx.s <= pt->e + 2 && (nx.cap || nx.allcaps) &&
        sc_word_class(s + nx.s, nx.e - nx.s) == SC_WORD_ORG_NEXT)
        bad = true; /* "Holloway Freight Inc." read past three words */
    pt->person = !bad && (known > 0 || words == 1) && pt->e - pt->s >= 3;
}

/* "Okonkwo v. Brennan", "State v. Kellerman", "R v Hughes": w is the word before " v. " / " v " / " vs. ".
 * Both parties are read; a party is a person on a line about a court or ruling, or facing the state.
 * Returns where to go on, or 0. */
size_t pii_case_caption(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, p = w->e;
    if (p + 4 >= n || s[p] != ' ' || s[p + 1] != 'v')
        return 0;
    size_t q = p + 2;
    if (q < n && s[q] == 's')
        q++;
    if (q < n && s[q] == '.')
        q++;
    if (q + 1 >= n || s[q] != ' ' || !pii_is_upper(s[q + 1]))
        return 0;
    /* the left party is w alone (the word before it is no capitalized word of the same party) */
    size_t ps, pe;
    if (prev_word(s, w->s, 1, &ps, &pe) && w->s - pe == 1 && pii_is_upper(s[ps]) &&
        !pii_word_eq(s + ps, pe - ps, "in") && !sentence_start(s, ps))
        return 0;
    party l, r;
    read_party(sc, *w, &l, false);
    /* "Board of Regents v. Texas": the left party is the end of a firm's or an office's name */
    if (prev_word(s, w->s, 1, &ps, &pe) && w->s - pe == 1 &&
        word_in(s + ps, pe - ps, (const char *const[]){"of", "for", "and", NULL}))
        l.person = false;
    word rw;
    if (!next_word(s, n, q, &rw) || rw.s != q + 1)
        return 0;
    read_party(sc, rw, &r, false);
    if (!(l.person || r.person))
        return 0;
    if (!(l.state || r.state || legal_line(s, n, p))) {
        /* a law report alone makes a caption; a firm ("Samsung", "Oracle") is then told from a person by the
         * name lists */
        if (!report_citation(s, n, r.e))
            return 0;
        l.person = report_party(&l);
        r.person = report_party(&r);
    }
    const char *why;
    if (l.person && !pii_in_code(sc, l.s, l.e, &why))
        pii_person_emit(sc, l.s, l.e, 0.8, SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_NAME_SEQUENCE);
    if (r.person && !pii_in_code(sc, r.s, r.e, &why))
        pii_person_emit(sc, r.s, r.e, 0.8, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_NAME_SEQUENCE);
    return r.e > q ? r.e : q;
}

/* "In re Marriage of Patel and Patel", "In re Estate of Hargrove", "In re Okafor": the names of a
 * matter. w is "In". Returns where to go on, or 0. */
size_t pii_in_re(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    word x;
    if (w->e + 4 >= n || memcmp(s + w->e, " re ", 4) != 0 || !next_word(s, n, w->e + 4, &x) || x.s != w->e + 4)
        return 0;
    static const char *const OF[] = {"adoption", "custody", "estate", "guardianship", "marriage", "matter",
                                     "parentage", "the", NULL};
    bool matter = false;
    while (x.cap && WORD_IN_SORTED(s + x.s, x.e - x.s, OF)) {
        matter = matter || !pii_word_eq(s + x.s, x.e - x.s, "the");
        word o;
        if (!next_word(s, n, x.e, &o) || !joins(s, x.e, o.s, false))
            return 0;
        if (pii_word_eq(s + o.s, o.e - o.s, "of") && !next_word(s, n, o.e, &o))
            return 0;
        x = o;
    }
    size_t end = 0;
    const char *why;
    for (unsigned k = 0; k < 3; k++) {
        party pt;
        read_party(sc, x, &pt, matter);
        if (!pt.person)
            break;
        if (!pii_in_code(sc, pt.s, pt.e, &why))
            pii_person_emit(sc, pt.s, pt.e, 0.8, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_NAME_SEQUENCE);
        end = pt.e;
        if (end + 5 >= n || memcmp(s + end, " and ", 5) != 0 || !next_word(s, n, end + 5, &x) || x.s != end + 5)
            break;
    }
    return end;
}
