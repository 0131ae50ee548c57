/* PERSON in set formats: titles ("Dr. Okafor", "Sig.ra Bianchi"), airline SURNAME/GIVEN, first and last
 * name as separate values of one record, JSON keys and CSV columns that name a person. */
#include <string.h>

#include "names.h"
#include "person.h"
#include "person_prose.h"
#include "pii.h"

/* Airline and booking style "SURNAME/GIVEN" ("OKAFOR/CHIDI", "LINDQVIST/EMMA MS"): one span, when the
 * given name is a known first name. Returns where to go on. */
size_t pii_airline_name(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* a PNR numbers its name elements: "1.1ALVES/RICARDO MR 1.2ALVES/ANA MRS" */
    bool numbered = w->s >= 2 && pii_is_digit(s[w->s - 1]) && (s[w->s - 2] == '.' || pii_is_digit(s[w->s - 2]));
    if (w->e + 1 >= n || s[w->e] != '/' ||
        (w->s > 0 && !pii_is_space(s[w->s - 1]) && s[w->s - 1] != ':' && !numbered))
        return w->e;
    word g;
    if (!next_word(s, n, w->e + 1, &g) || g.s != w->e + 1 || !g.allcaps)
        return w->e;
    if (g.e < n && !pii_is_space(s[g.e]) && s[g.e] != ',' && s[g.e] != '.')
        return w->e;
    /* more given names in capitals ("NGUYEN/THI HUONG MS", "MWANGI/GEOFFREY KAMAU MR"), up to the title */
    static const char *const PAX_TITLES[] = {"chd", "dr", "inf", "miss", "mr", "mrs", "ms", "mstr", "prof", NULL};
    size_t gend = g.e;
    word x;
    for (unsigned k = 0; k < 2 && next_word(s, n, gend, &x) && joins(s, gend, x.s, false) && x.allcaps &&
                         !word_in(s + x.s, x.e - x.s, PAX_TITLES) && (x.e >= n || pii_is_space(s[x.e]));
         k++) {
        unsigned fx = sc_name_lookup(s + x.s, x.e - x.s);
        if (!(fx & (SC_NAME_FIRST | SC_NAME_LAST)) || pii_word_like(fx, sc_word_class(s + x.s, x.e - x.s)))
            break;
        gend = x.e;
    }
    unsigned fg = sc_name_lookup(s + g.s, g.e - g.s), fs = sc_name_lookup(s + w->s, w->e - w->s);
    int cg = sc_word_class(s + g.s, g.e - g.s), cs = sc_word_class(s + w->s, w->e - w->s);
    bool unk = false;
    bool label = pii_context_before(sc, w->s, &unk) == STRONG && unk; /* "PASSENGER: OKAFOR/CHIDI" */
    if (cs == SC_WORD_STOP || cs == SC_WORD_TECH_NOUN || cg == SC_WORD_STOP || cg == SC_WORD_TECH_NOUN)
        return g.e;
    if (!label && (!(fg & SC_NAME_FIRST) || pii_word_like(fg, cg) || (fs != 0 && !(fs & SC_NAME_LAST))))
        return g.e;
    pii_person_emit(sc, w->s, gend, 0.85, SANCTUM_EV_NAME_SEQUENCE | SANCTUM_EV_GAZETTEER_FIRST |
                                  ((fs & SC_NAME_LAST) ? SANCTUM_EV_GAZETTEER_LAST : 0));
    return gend;
}

/* Step 2, titles: the capitalized words after "Mr", "Dr.", "Prof" are a name. Returns where to go on. */
size_t pii_title_name(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, q;
    word a, t = *w;
    /* "Herrn Dr. Weber", "Frau Prof. Dr. Lang": a title after a title; the name comes after the last (a loop, not
     * a call per title: a row of titles is as long as the text) */
    for (;;) {
        q = t.e;
        if (q < n && s[q] == '.') {
            q++;
            /* "Sig.ra Bianchi", "Sig.na Rossi", "Dott.ssa Greco" */
            size_t r = q;
            while (r < n && pii_is_lower(s[r]) && r - q < 4)
                r++;
            if (r > q && r < n && s[r] == ' ')
                q = r;
        }
        if (!(q < n && s[q] == ' ' && next_word(s, n, q, &a) && a.s == q + 1 && a.cap &&
              sc_word_class(s + a.s, a.e - a.s) == SC_WORD_TITLE))
            break;
        t = a;
    }
    size_t name_start = q + 1;
    /* "Prof. van Dijk", "Mr de la Cruz": particles between the title and the surname */
    while (q < n && s[q] == ' ' && next_word(s, n, q, &a) && a.s == q + 1 && a.lower && pii_particle(s + a.s, a.e - a.s))
        q = a.e;
    if (q < n && s[q] == ' ' && next_word(s, n, q, &a) && a.s == q + 1 && pii_name_shaped(sc, &a, false) &&
        sc_word_class(s + a.s, a.e - a.s) != SC_WORD_STOP && !pii_prose_closed(s + a.s, a.e - a.s)) {
        /* the rest of the name, up to four words with particles between them: "María Fernanda López
         * Ortega", "Hendrik van der Walt", "Ortega López" */
        size_t end = a.e, toks[4][2] = {{a.s, a.e}}, nt = 1;
        unsigned fl[4] = {pii_name_flags(s, a.s, a.e)};
        word cur = a, b;
        for (unsigned k = 0; k < 3 && !cur.possessive && next_word(s, n, cur.e, &b); k++) {
            size_t join_end = cur.e;
            while (b.lower && joins(s, join_end, b.s, false) && pii_particle(s + b.s, b.e - b.s)) {
                word c2;
                if (!next_word(s, n, b.e, &c2) || !joins(s, b.e, c2.s, false))
                    break;
                join_end = b.e;
                b = c2;
            }
            if (b.lower || !joins(s, join_end, b.s, cur.e - cur.s == 1) || !pii_name_shaped(sc, &b, false) ||
                sc_word_class(s + b.s, b.e - b.s) != SC_WORD_NONE)
                break;
            end = b.e;
            cur = b;
            toks[nt][0] = b.s;
            toks[nt][1] = b.e;
            /* the name lists are asked only of a capitalized dictionary word (the mail rules read no other) */
            fl[nt++] = pii_is_upper(s[b.s]) && pii_english_word(s + b.s, b.e - b.s) ? pii_name_flags(s, b.s, b.e)
                                                                                    : SC_NAME_WORD;
        }
        unsigned fa = sc_name_lookup(s + a.s, a.e - a.s);
        if (nt == 1 && !cur.possessive && pii_office_after_title(s + a.s, a.e - a.s))
            return end; /* "Lieber Herr Direktor", "Monsieur le Maire": an office, no name */
        if (pii_mail_heading_name(sc, a.s, (const size_t(*)[2])toks, fl, nt) ||
            pii_all_dictionary_words(s, (const size_t(*)[2])toks, fl, nt))
            return end; /* "Subject: Mr Kipling Cakes Delivery Delayed" */
        const size_t tk[1][2] = {{name_start, end}};
        if (pii_not_person_frame(sc, name_start, end, a.e, cur.possessive) ||
            pii_brand_frame(sc, name_start, end, tk, 1, cur.possessive, STRONG, true, false) ||
            pii_round13_thing(sc, name_start, end, tk, 1, STRONG, true))
            return end; /* "Mr. Whiskers (cat, 7y)", "Dr. Martens" (a brand), "Captain X (voiced by Y)" */
        pii_person_emit(sc, name_start, end, 0.9,
             SANCTUM_EV_TITLE | ((fa & SC_NAME_FIRST) ? SANCTUM_EV_GAZETTEER_FIRST : 0) |
                 ((fa & SC_NAME_LAST) ? SANCTUM_EV_GAZETTEER_LAST : 0));
        return end;
    }
    return t.e;
}

/* The value before a record field at ws ("Ruiz, Valentina", "'Nkosi','Thabo'"): skips up to 5 bytes of
 * commas, spaces and quotes back, then the letters of the word before them, [*p, *e). Returns whether
 * a comma was among the skipped bytes. */
static bool value_before(const uint8_t *s, size_t ws, size_t *p, size_t *e)
{
    size_t q = ws;
    bool comma = false;
    while (q > 0 && ws - q < 6 && (s[q - 1] == ',' || s[q - 1] == ' ' || s[q - 1] == '\'' || s[q - 1] == '"')) {
        comma = comma || s[q - 1] == ',';
        q--;
    }
    *e = q;
    while (q > 0 && pii_is_alpha(s[q - 1]))
        q--;
    *p = q;
    return comma;
}

/* Step 6c: first and last name as separate values of one record: "('Miriam', 'Castellanos')",
 * "Ingrid,Halvorsen". A known last name right after a known first name, separated only by quotes, a
 * comma and spaces (a comma required), is a name; so is the first name before it. */
void pii_record_pair(pii_scan *sc, const word *w, unsigned fa, const name_seq *q, double *score, uint32_t *ev)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (q->nt != 1 || *score >= 0.8 || w->allcaps)
        return;
    /* the other value: before (when this is a last name) or after (when this is a first name) */
    bool before_ok = false, after_ok = false;
    if (fa & SC_NAME_LAST) {
        size_t p, e;
        bool comma = value_before(s, w->s, &p, &e);
        unsigned fp = e > p ? pii_name_flags_at(sc, p, e) : 0;
        bool other = (fp & SC_NAME_FIRST) ? !pii_word_like(fp, sc_word_class(s + p, e - p))
                                          : (fp == 0 && (fa & SC_NAME_COMMON_LAST) && e - p >= 3 &&
                                             sc_word_class(s + p, e - p) == SC_WORD_NONE &&
                                             !sc_place_lookup(s + p, e - p)); /* "Thabo,Nkosi" */
        before_ok = comma && e > p && pii_is_upper(s[p]) && other;
    }
    if (!before_ok && (fa & SC_NAME_FIRST) && !(fa & SC_NAME_LAST)) {
        /* "Ruiz, Valentina": a known surname value before a given name */
        size_t p, e;
        bool comma = value_before(s, w->s, &p, &e);
        unsigned fp = e > p ? pii_name_flags_at(sc, p, e) : 0;
        before_ok = comma && e > p && pii_is_upper(s[p]) && (fp & SC_NAME_LAST) && !(fp & SC_NAME_FIRST) &&
                    !pii_word_like(fp, sc_word_class(s + p, e - p));
    }
    if (!before_ok && (fa & SC_NAME_LAST) && !(fa & SC_NAME_FIRST)) {
        /* "Halvorsen, Astrid,": surname first, then the given name as a value of its own */
        size_t p = w->e;
        bool comma = false;
        while (p < n && p - w->e < 6 && (s[p] == ',' || s[p] == ' ' || s[p] == '\'' || s[p] == '"')) {
            comma = comma || s[p] == ',';
            p++;
        }
        size_t b = p;
        while (p < n && pii_is_alpha(s[p]))
            p++;
        unsigned fl = p > b ? pii_name_flags_at(sc, b, p) : 0;
        after_ok = comma && p > b && pii_is_upper(s[b]) && (fl & SC_NAME_FIRST) &&
                   !pii_word_like(fl, sc_word_class(s + b, p - b)) && !(fl & SC_NAME_PLACE) &&
                   (p >= n || s[p] == ',' || s[p] == '"' || s[p] == '\'' || s[p] == '\n' || s[p] == ';' || s[p] == '\t');
    }
    if (!before_ok && !after_ok && (fa & SC_NAME_FIRST)) {
        size_t p = w->e;
        bool comma = false;
        while (p < n && p - w->e < 6 && (s[p] == ',' || s[p] == ' ' || s[p] == '\'' || s[p] == '"')) {
            comma = comma || s[p] == ',';
            p++;
        }
        size_t b = p;
        while (p < n && pii_is_alpha(s[p]))
            p++;
        unsigned fl = p > b ? pii_name_flags_at(sc, b, p) : 0;
        after_ok = comma && p > b && pii_is_upper(s[b]) && (fl & SC_NAME_LAST) && !(fl & SC_NAME_FIRST) &&
                   !pii_word_like(fl, sc_word_class(s + b, p - b));
    }
    if (before_ok || after_ok || pii_email_echo(sc, w->s, w->e)) {
        *score = 0.8;
        *ev |= SANCTUM_EV_NAME_SEQUENCE;
    }
}

/* A JSON key that names a person: 2 when its value is a name whatever the word ("surname", "lastName",
 * "reporter"), 1 for the generic halves ("first", "last", "given") unless a sibling key of the other half
 * stands within 160 bytes ({"first": "Hana", "last": "Oyelaran"}), 0 for other keys. */
int pii_json_name_key(const uint8_t *s, size_t n, size_t ks, size_t ke)
{
    static const char *const KEYS[] = {
        "addressee", "approver", "buyer", "doctor", "emergency", "familyname", "father", "firstname",
        "forename", "fullname", "givenname", "guardian", "invitee", "kin", "lastname", "middlename", "mother",
        "nickname", "organiser", "organizer", "participant", "physician", "reporter", "requester", "requestor",
        "seller", "spouse", "supervisor", "surname", "teacher", NULL};
    static const char *const HALVES[] = {
        "family", "first", "given", "last", "middle", NULL};
    /* keys of accounts and roles that hold a handle or a host as often as a name: known names only */
    static const char *const HANDLES[] = {"caller", "driver", "guest", "host", "player", "user", "username", NULL};
    if (WORD_IN_SORTED(s + ks, ke - ks, KEYS))
        return 2;
    if (WORD_IN_SORTED(s + ks, ke - ks, HANDLES))
        return 1;
    if (!WORD_IN_SORTED(s + ks, ke - ks, HALVES))
        return 0;
    size_t lo = ks > 160 ? ks - 160 : 0, hi = ke + 160 < n ? ke + 160 : n;
    for (size_t i = lo; i + 1 < hi; i++) {
        if (s[i] != '"' || (i >= ks - 1 && i <= ke))
            continue;
        size_t a = i + 1, b = a;
        while (b < hi && pii_is_alpha(s[b]))
            b++;
        if (b > a && b != ke && WORD_IN_SORTED(s + a, b - a, HALVES) && b < hi && (s[b] == '"' || s[b] == '_'))
            return 2;
        if (b > a && b - a == 7 && pii_word_eq(s + a, 7, "surname"))
            return 2;
    }
    return 1;
}

/* A line [ls, ...) that reads as a record: at most 300 bytes, the separator `sep` at least `min` times, no
 * sentence (". "). Returns its end, or 0 when it is no record. */
static size_t record_line(const uint8_t *s, size_t n, size_t ls, uint8_t sep, size_t min)
{
    size_t c = 0, i = ls;
    for (; i < n && s[i] != '\n' && i - ls <= 300; i++) {
        c += s[i] == sep;
        if (s[i] == '.' && i + 1 < n && s[i + 1] == ' ')
            return 0;
    }
    return (i - ls > 300 || c < min) ? 0 : i;
}

/* A CSV value under a header that names a person's column ("first_name,last_name,email" then
 * "Sølvi,Brekke,..."): the header is a line above in the same block of records (at most 64 lines up),
 * and the value's field number picks its column. */
int pii_csv_name_column(const uint8_t *s, size_t n, size_t start)
{
    /* columns that may hold things as well ("name" of a product, "owner" team): known names only */
    static const char *const LOOSE[] = {"client", "client_name", "contact", "display_name", "displayname",
                                        "member", "name", "owner", "person", NULL};
    static const char *const COLS[] = {
        "assignee", "author", "client", "client_name", "contact", "contact_name", "customer", "customer_name",
        "display_name", "displayname", "employee", "employee_name", "family_name", "familyname", "first",
        "first_name", "firstname", "forename", "full_name", "fullname", "given", "given_name", "givenname",
        "guest", "last", "last_name", "lastname", "member", "middle_name", "name", "owner", "patient", "person",
        "recipient", "student", "surname", NULL};
    /* cheap test first: a short value right after a separator or at a line start, ended by a separator */
    size_t p = start;
    if (p > 0 && (s[p - 1] == '"' || s[p - 1] == '\''))
        p--;
    if (p == 0 || (s[p - 1] != ',' && s[p - 1] != '\n' && s[p - 1] != ';' && s[p - 1] != '\t'))
        return 0;
    /* the value's end: 1 marks the bytes that end it, 2 a space (one table load per byte, not six tests) */
    static const uint8_t STOP[256] = {[','] = 1, [';'] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 2};
    size_t ve = start;
    unsigned spaces = 0;
    while (ve < n && ve - start <= 40) {
        uint8_t k = STOP[s[ve]];
        if (k == 1)
            break;
        if (k == 2 && ++spaces > 1)
            return 0; /* no short value: most words at a line start end here */
        ve++;
    }
    if (ve - start > 40 || spaces > 1 || (s[p - 1] == '\n' && (ve >= n || (s[ve] != ',' && s[ve] != ';' && s[ve] != '\t'))))
        return 0;
    size_t ls = p;
    while (ls > 0 && s[ls - 1] != '\n' && p - ls <= 300)
        ls--;
    if (ls == 0 || s[ls - 1] != '\n')
        return 0; /* no line above for a header */
    uint8_t sep = s[p - 1] == '\n' ? 0 : s[p - 1];
    if (sep == 0) {
        for (size_t i = p; i < n && s[i] != '\n' && i - p < 300 && sep == 0; i++)
            if (s[i] == ',' || s[i] == ';' || s[i] == '\t')
                sep = s[i];
        if (sep == 0)
            return 0;
    }
    size_t k = 0;
    for (size_t i = ls; i < p; i++)
        k += s[i] == sep;
    if (record_line(s, n, ls, sep, k > 1 ? k : 1) == 0)
        return 0;
    /* up through the block of records */
    size_t hs = ls;
    for (unsigned up = 0; up < 64 && hs > 0; up++) {
        size_t pe = hs - 1, ps = pe;
        while (ps > 0 && s[ps - 1] != '\n' && pe - ps <= 300)
            ps--;
        if (record_line(s, n, ps, sep, k > 1 ? k : 1) == 0)
            return 0;
        hs = ps;
        /* field k of this line */
        size_t f = ps, fi = 0;
        while (f < pe && fi < k) {
            fi += s[f] == sep;
            f++;
        }
        while (f < pe && (s[f] == ' ' || s[f] == '"' || s[f] == '\''))
            f++;
        size_t fe = f;
        while (fe < pe && (pii_is_alpha(s[fe]) || s[fe] == '_' || s[fe] == ' ') && fe - f < 24)
            fe++;
        while (fe > f && s[fe - 1] == ' ')
            fe--;
        if (fe == f || (fe < pe && s[fe] != sep && s[fe] != '"' && s[fe] != '\'' && s[fe] != '\r' && s[fe] != ' '))
            continue;
        uint8_t col[24];
        for (size_t i = f; i < fe; i++)
            col[i - f] = s[i] == ' ' ? '_' : s[i];
        if (WORD_IN_SORTED(col, fe - f, COLS))
            return WORD_IN_SORTED(col, fe - f, LOOSE) ? 1 : 2;
    }
    return 0;
}

/* Rosters and passports write the family name first in capitals: "MORALES, ANA", "CHEN Jie". A name in
 * capitals, then ", " and a known given name (capitals or not), or one space and a given name in mixed
 * case. Neither may be a place ("AUSTIN, TEXAS") or a word ("WILL, MARK"). Returns where to go on, or 0. */
size_t pii_caps_family_first(pii_scan *sc, const word *w0)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* particles in capitals before the family name: "VAN DER MEULEN, Pieter", "DE LA CRUZ, Ana" */
    word fw = *w0, nx;
    for (unsigned k = 0; k < 3 && fw.e - fw.s <= 5 && pii_particle(s + fw.s, fw.e - fw.s) && next_word(s, n, fw.e, &nx) &&
                         joins(s, fw.e, nx.s, false) && nx.allcaps;
         k++)
        fw = nx;
    const word *w = &fw;
    unsigned fa = pii_name_flags_at(sc, w->s, w->e);
    if (w->e - w->s < 2 || (fa & (SC_NAME_PLACE | SC_NAME_WORD)) || w->e + 2 >= n)
        return 0;
    bool comma = s[w->e] == ',' && s[w->e + 1] == ' ';
    /* a family name the lists lack ("OKAFOR, Chidi") only before a comma */
    if (fa == 0 && (!comma || w->e - w->s < 4))
        return 0;
    word g;
    if (!next_word(s, n, w->e, &g) || g.s != w->e + (comma ? 2u : 1u) || (!comma && s[w->e] != ' '))
        return 0;
    if (comma ? !(g.allcaps || g.cap) : (!g.cap || g.allcaps))
        return 0;
    unsigned fg = pii_name_flags_at(sc, g.s, g.e);
    if (!(fg & SC_NAME_FIRST) || (fg & (SC_NAME_PLACE | SC_NAME_WORD)) || sc_place_lookup(s + g.s, g.e - g.s) ||
        sc_word_class(s + g.s, g.e - g.s) != SC_WORD_NONE || sc_word_class(s + w->s, w->e - w->s) != SC_WORD_NONE)
        return 0;
    /* an unknown family name not inside a comma list ("HP-UX, IRIX, Solaris and AIX") */
    if (fa == 0 && ((w->s >= 2 && s[w->s - 2] == ',') || (g.e < n && s[g.e] == ',') ||
                    (g.e + 4 < n && memcmp(s + g.e, " and ", 5) == 0) || (g.e + 3 < n && memcmp(s + g.e, " or ", 4) == 0)))
        return 0;
    /* two capital words need one of them well known as a name ("YAML, JSON" are none) */
    if (g.allcaps && !(fg & SC_NAME_COMMON_FIRST) && !(fa & SC_NAME_LAST))
        return 0;
    const char *why;
    if (pii_in_code(sc, w0->s, g.e, &why))
        return 0;
    /* a middle initial after the given name: "HERNANDEZ, JOSE L" */
    size_t end = g.e;
    if (comma && end + 2 <= n && s[end] == ' ' && pii_is_upper(s[end + 1]) &&
        (end + 2 == n || s[end + 2] == ' ' || s[end + 2] == '.' || s[end + 2] == ',' || s[end + 2] == '\n'))
        end += s[end + 2 < n ? end + 2 : end] == '.' && end + 2 < n ? 3 : 2;
    pii_person_emit(sc, w0->s, end, 0.85,
                    SANCTUM_EV_NAME_SEQUENCE | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_GAZETTEER_LAST);
    return end;
}
