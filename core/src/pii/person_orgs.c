/* PERSON precision, round 9: names that belong to a firm or to an institution named after someone. A legal
 * form after the name ("Halvorsen Marine AS", "Lumina Invest sp. z o.o.", "Belmont Capital S.à r.l.") makes
 * it a firm; a facility word before it, in many languages ("Hospital Pablo Tobón Uribe", "collège
 * Victor-Hugo", "Trường THPT Chu Văn An", "Bairro Santos Dumont", "Premio Nobel"), or inside it ("Galileo
 * Galilei Auditorium"), an institution, a prize or a neighbourhood named after a person. */
#include "names.h"
#include "person.h"

/* Legal forms of companies, as written after the firm's name (the abbreviations of ISO 20275's entity legal
 * forms, hand-kept; compared exactly, so "AS" is no "as"). Left out: forms that are also credentials or
 * common abbreviations after a person's name (SA, SE, AD, PT, LP, KK). */
static bool legal_form(const uint8_t *w, size_t n)
{
    /* sorted by bytes (case-sensitive) for the binary search */
    static const char *const F[] = {
        "A.S.", "A.\xc5\x9e.", "A/S", "AB", "AG", "AS", "ASA", "ApS", "A\xc5\x9e", "B.V.", "BV", "Bhd", "CJSC",
        "Co.", "Corp", "Corp.", "EIRELI", "EOOD", "GbR", "GmbH", "Inc", "Inc.", "JSC", "KG", "KGaA", "Kft",
        "Kft.", "L.L.C.", "LLC", "LLP", "Lda", "Lda.", "Ltd", "Ltd.", "Ltda", "Ltda.", "N.V.", "NV", "OHG",
        "OOD", "Oy", "Oyj", "O\xc3\x9c", "PJSC", "PLC", "Plc", "Pte", "Pty", "Pvt", "Pvt.", "S.A.", "S.A.S.",
        "S.A.U.", "S.L.", "S.L.U.", "S.R.L.", "S.p.A.", "S.r.l.", "S.\xc3\xa0", "SARL", "SAS", "SIA", "SRL",
        "Sagl", "Sdn", "SpA", "Srl", "S\xc3\xa0rl", "TNHH", "Tbk", "UAB", "Zrt", "Zrt.", "a.s.", "d.d.",
        "d.o.o.", "e.V.", "mbH", "plc", "s.r.o.", "sp.", "spol.", "\xc5\x9eti.", "\xd0\x90\xd0\x9e",
        "\xd0\x97\xd0\x90\xd0\x9e", "\xd0\x9e\xd0\x9e\xd0\x9e", "\xd0\x9f\xd0\x90\xd0\x9e", NULL};
    /* the first bytes the list has: most words after a name are turned away before the search */
    static const char FIRST[] = "ABCEGIJKLNOPSTUZademps\xc5\xd0";
    if (n < 2 || n > 9 || memchr(FIRST, w[0], sizeof FIRST - 1) == NULL)
        return false;
    size_t lo = 0, hi = sizeof F / sizeof F[0] - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strncmp(F[mid], (const char *)w, n);
        if (c == 0)
            c = F[mid][n] == '\0' ? 0 : 1;
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* A token (letters, dots, '/', UTF-8) starting at p, as [*a, *b). */
static bool token_at(const uint8_t *s, size_t n, size_t p, size_t *a, size_t *b)
{
    size_t q = p;
    while (q < n && q - p < 24 && (pii_is_alpha(s[q]) || s[q] == '.' || s[q] == '/' || s[q] >= 0x80))
        q++;
    /* a closing quote or bracket in UTF-8 is no letter: "Ltd.\xe2\x80\x9d" */
    while (q > p && q - p >= 3 && s[q - 3] == 0xE2 && s[q - 2] == 0x80)
        q -= 3;
    *a = p;
    *b = q;
    return q > p;
}

/* A legal form after the name, with up to three capitalized words between ("Oetker Nahrungsmittel KG",
 * "Lafuente Moya Inversiones S.L.", "Whitmore & Crane LLP"). */
static bool firm_after(const uint8_t *s, size_t n, size_t end)
{
    size_t p = end, a, b;
    if (p + 2 < n && s[p] == ',' && s[p + 1] == ' ' && token_at(s, n, p + 2, &a, &b))
        return legal_form(s + a, b - a); /* "Acme Widgets, Inc."; "Ann Berg, Lystad Timber AS" is a person */
    for (int k = 0; k < 5 && p < n; k++) {
        if (p >= n || s[p] != ' ')
            return false;
        p++;
        if (p < n && s[p] == '&') {
            p++;
            continue;
        }
        if (!token_at(s, n, p, &a, &b))
            return false;
        size_t t = b;
        while (t > a && (s[t - 1] == ',' || s[t - 1] == ';'))
            t--;
        if (legal_form(s + a, t - a) || (t > a + 1 && s[t - 1] == '.' && legal_form(s + a, t - a - 1)))
            return true; /* "... AB." at a sentence end */
        if (k >= 3 || !(pii_is_upper(s[a]) || s[a] >= 0x80))
            return false;
        p = b;
    }
    return false;
}

/* Words that name a firm before its name: "Công ty TNHH Minh Phát", "la sociedad X", "Firma X". */
static bool firm_word(const uint8_t *w, size_t n)
{
    static const char *const W[] = {"c\xc3\xb4ng", "empresa", "firma", "gesellschaft", "sociedad", "soci\xc3\xa9t\xc3\xa9",
                                    "sociedade", "sp\xc3\xb3\xc5\x82" "ka", "\xc5\x9f" "irketi", "company", "tnhh", NULL};
    return n >= 4 && n <= 12 && word_in(w, n, W);
}

/* Institutions, prizes and neighbourhoods named after people, in the languages whose writers put the word
 * before the name; lower-case ASCII compare, other bytes exact. */
static bool facility_word(const uint8_t *w, size_t n)
{
    /* hospitals, schools and universities, foundations, prizes, halls and venues, neighbourhoods, parks and gardens,
     * churches, and the last syllable of Vietnamese bệnh viện (hospital), khách sạn (hotel), chùa (temple), chợ
     * (market); sorted by bytes for the binary search */
    static const char *const W[] = {
        "auditorio", "auditorium", "audit\xc3\xb3rio", "bairro", "barrio", "bas\xc3\xadlica", "biblioteca",
        "biblioth\xc3\xa8que", "bolnica", "catedral", "cathedral", "cath\xc3\xa9" "drale", "chapel", "chiesa",
        "ch\xc3\xb9" "a", "ch\xe1\xbb\xa3", "clinica", "clinique", "cl\xc3\xadnica", "colegio",
        "coll\xc3\xa8ge", "colonia", "col\xc3\xa9gio", "escola", "escuela", "est\xc3\xa1" "dio", "fondation",
        "fondazione", "fundacion", "fundaci\xc3\xb3n", "fundacja", "funda\xc3\xa7\xc3\xa3o", "garden",
        "gardens", "gimnasio", "gimnazija", "gimnazjum", "gymnasium", "hopital", "hospital", "h\xc3\xb4pital",
        "iglesia", "igreja", "instituto", "kebangsaan", "klinikum", "liceo", "liceu", "lyc\xc3\xa9" "e",
        "mezquita", "mosque", "museo", "museu", "museum", "mus\xc3\xa9" "e", "nagroda", "nemocnica",
        "nemocnice", "ospedale", "parc", "parque", "parroquia", "par\xc3\xb3quia", "pavilion", "policlinico",
        "premio", "prix", "pr\xc3\xaamio", "quartier", "sanatorio", "scuola", "sekolah", "stadio", "stadion",
        "stadium", "stiftung", "szpital", "s\xe1\xba\xa1n", "teatro", "thcs", "theater", "theatre", "thpt",
        "th\xc3\xa9\xc3\xa2tre", "tr\xc6\xb0\xe1\xbb\x9dng", "universidad", "universidade", "universit\xc3\xa0",
        "universit\xc3\xa4t", "universit\xc3\xa9", "vi\xe1\xbb\x87n", "\xc3\xa9" "cole", "\xc3\xa9glise",
        "\xd0\x93\xd0\xb8\xd0\xbc\xd0\xbd\xd0\xb0\xd0\xb7\xd0\xb8\xd1\x8f",
        "\xd0\x9b\xd0\xb8\xd1\x86\xd0\xb5\xd0\xb9", "\xd0\x9e\xd0\xa3", "\xd0\x9f\xd0\x93",
        "\xd0\xa1\xd0\x9e\xd0\xa8", "\xd0\xa1\xd0\xa3", "\xd0\xa8\xd0\xba\xd0\xbe\xd0\xbb\xd0\xb0",
        "\xd0\xb1\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xb8\xd1\x86\xd0\xb0",
        "\xd0\xb3\xd0\xb8\xd0\xbc\xd0\xbd\xd0\xb0\xd0\xb7\xd0\xb8\xd1\x8f",
        "\xd0\xbb\xd0\xb8\xd1\x86\xd0\xb5\xd0\xb9", "\xd1\x88\xd0\xba\xd0\xbe\xd0\xbb\xd0\xb0", NULL};
    /* first bytes (lower case) the list has: most names are turned away before the search */
    static const char FIRST[] = "abcefghiklmnopqstuv\xc3\xd0\xd1";
    return n >= 2 && n <= 16 && memchr(FIRST, pii_lower(w[0]), sizeof FIRST - 1) != NULL && WORD_IN_SORTED(w, n, W);
}

/* The word before p, skipping spaces, opening quotes and one all-capital abbreviation or number between
 * ("Trường THPT Chu Văn An", "105 СУ „Атанас Далчев“", "collège Victor-Hugo"). */
static bool facility_before(const uint8_t *s, size_t p)
{
    bool skipped = false; /* a capitalized word between: "Museum Director Anna Park" is a person */
    for (int k = 0; k < 3; k++) {
        size_t q = p;
        while (q > 0 && p - q < 8) {
            if (s[q - 1] == ' ' || s[q - 1] == '"' || s[q - 1] == '\'')
                q--;
            else if (q >= 3 && s[q - 3] == 0xE2 && s[q - 2] == 0x80 && (s[q - 1] == 0x9E || s[q - 1] == 0x9C))
                q -= 3; /* „ “ */
            else if (q >= 2 && s[q - 2] == 0xC2 && s[q - 1] == 0xAB)
                q -= 2; /* « */
            else
                break;
        }
        if (q == p || q == 0)
            return false;
        size_t we = q, l;
        while (q > 0 && (l = letter_before(s, q)) > 0)
            q -= l;
        if (q == we)
            return false;
        /* English puts the name first ("the Royal Marsden Hospital"): "at the hospital Maria said" is no
         * frame; capitalized ("Hospital Pablo Tobón Uribe") or another language's word is */
        static const char *const EN[] = {"auditorium", "cathedral", "chapel", "company", "garden", "gardens",
                                         "gymnasium", "hospital", "mosque", "museum", "pavilion", "stadium",
                                         "theater", "theatre", NULL};
        /* Vietnamese "sân bay" (airport) and "thành phố" (city): "Sân bay Tân Sơn Nhất", "Thành phố Hồ Chí Minh" */
        size_t vs, ve;
        if (k == 0 && we - q >= 3 && prev_word(s, q, 1, &vs, &ve) &&
            ((pii_word_eq(s + q, we - q, "bay") && pii_word_eq(s + vs, ve - vs, "s\xc3\xa2n")) ||
             (pii_word_eq(s + q, we - q, "ph\xe1\xbb\x91") && pii_word_eq(s + vs, ve - vs, "th\xc3\xa0nh"))))
            return true;
        bool en = word_in(s + q, we - q, EN);
        if ((facility_word(s + q, we - q) || firm_word(s + q, we - q)) && !(en && skipped) &&
            (pii_is_upper(s[q]) || s[q] >= 0x80 || !en))
            return true;
        bool caps = true;
        for (size_t i = q; i < we; i++)
            caps = caps && (pii_is_upper(s[i]) || s[i] >= 0x80);
        if (!(caps && we - q <= 6) && !pii_is_upper(s[q]))
            return false;
        skipped = skipped || !caps || we - q > 6;
        p = q; /* an abbreviation or a capitalized word between ("Bairro Cidade Nova"): look one word further */
    }
    return false;
}

/* The comma-separated chunk that ends at `comma` opens with a facility word ("Ospedale San Raffaele"). */
static bool facility_clause_before(const uint8_t *s, size_t comma)
{
    size_t q = comma;
    while (q > 0 && comma - q < 80 && s[q - 1] != ',' && s[q - 1] != '\n' && s[q - 1] != '.' && s[q - 1] != ':' &&
           s[q - 1] != ';' && s[q - 1] != '(')
        q--;
    while (q < comma && (s[q] == ' ' || s[q] == '"' || s[q] == '\''))
        q++;
    size_t e = q;
    while (e < comma && s[e] != ' ')
        e++;
    /* its own name capitalized after it: "Hospital staff, Maria and I" is no facility */
    return e > q && pii_is_upper(s[q]) && e + 1 < comma && (pii_is_upper(s[e + 1]) || s[e + 1] >= 0x80) &&
           facility_word(s + q, e - q);
}

/* "Our Lady of Lourdes", "the Virgin of Guadalupe", "Nossa Senhora de Fátima": a devotion, not a person. */
static bool devotion_before(const uint8_t *s, size_t start)
{
    static const char *const OF[] = {"of", "de", "da", "del", "di", "do", NULL};
    static const char *const LADY[] = {"lady", "virgin", "virgen", "senhora", "se\xc3\xb1ora", "madonna", "dame", NULL};
    size_t ws, we, vs, ve;
    return prev_word(s, start, 1, &ws, &we) && word_in(s + ws, we - ws, OF) && prev_word(s, ws, 1, &vs, &ve) &&
           word_in(s + vs, ve - vs, LADY);
}

/* The first word of a place name in other languages ("Jebel Ali", "Tel Aviv", "Kuala Terengganu", "Puerto
 * Montt", "Belo Horizonte", "Sankt Gallen"): mount, hill, port, town, river, island, city, beach. Left out: those
 * that are also given or family names (Monte, Rio, Costa, Villa, Ras). */
static bool place_prefix(const uint8_t *w, size_t n)
{
    static const char *const P[] = {"bandar", "belo", "ciudad", "jabal", "jebel", "kampung", "kota", "kuala",
                                    "ponta", "porto", "praia", "pulau", "puerto", "sankt", "sungai", "tanjung",
                                    "tel", "wadi", NULL};
    return n >= 3 && n <= 7 && word_in(w, n, P);
}

bool pii_org_frame(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t fe = start, ps, pe;
    while (fe < end && s[fe] != ' ')
        fe++;
    if (pii_is_upper(s[start]) && fe < end && place_prefix(s + start, fe - start))
        return true;
    if (start >= 2 && s[start - 1] == ' ' && prev_word(s, start, 1, &ps, &pe) && pe + 1 == start &&
        pii_is_upper(s[ps]) && place_prefix(s + ps, pe - ps))
        return true;
    /* "the Royal Marsden", "the Royal Brompton", "the Imperial X": institutions, not people */
    if (fe < end && (pii_word_eq(s + start, fe - start, "royal") || pii_word_eq(s + start, fe - start, "imperial")) &&
        prev_word(s, start, 1, &ps, &pe) && pii_word_eq(s + ps, pe - ps, "the"))
        return true;
    /* a memorial, monument or statue named after someone: "the Edmund Fitzgerald memorial" */
    size_t ma, mb;
    if (word_after(s, sc->n, end, &ma, &mb) && pii_is_lower(s[ma]) &&
        word_in(s + ma, mb - ma, (const char *const[]){"memorial", "monument", "statue", "mausoleum", NULL}))
        return true;
    /* a town after a facility's name and a comma: "Ospedale San Raffaele, Milano", "Hospital Clínic, Barcelona" */
    if (fe == end && start >= 3 && s[start - 1] == ' ' && s[start - 2] == ',' && facility_clause_before(s, start - 2))
        return true;
    /* legal eponyms: "Miranda warnings", "the Chevron doctrine", "a Brady ruling" */
    size_t la, lb;
    if (memchr(s + start, ' ', end - start) == NULL && word_after(s, sc->n, end, &la, &lb) && pii_is_lower(s[la]) &&
        word_in(s + la, lb - la,
                (const char *const[]){"amendment", "clause", "doctrine", "ruling", "warning", "warnings", NULL}))
        return true;
    /* a lower-case particle inside the span may join a person to the firm ("bestuurder Thijs van den Heuvel van
     * Heuvelmark B.V."): the name is no firm's then */
    if (firm_after(s, sc->n, end)) {
        bool particle = false;
        for (size_t p = start; p + 1 < end && !particle; p++)
            particle = s[p] == ' ' && pii_is_lower(s[p + 1]);
        if (!particle)
            return true;
    }
    if (facility_before(s, start) || devotion_before(s, start))
        return true;
    /* a facility word as the span's first or a later word: "Hôpital Necker", "Galileo Galilei Auditorium" */
    for (size_t p = start; p < end;) {
        size_t a = p;
        while (p < end && s[p] != ' ' && s[p] != '-')
            p++;
        if (p > a && facility_word(s + a, p - a))
            return true;
        while (p < end && (s[p] == ' ' || s[p] == '-'))
            p++;
    }
    return false;
}

bool pii_codename(const pii_scan *sc, size_t start, size_t end, size_t nt, unsigned fa, int before, bool poss,
                  bool person_ev)
{
    /* a determiner before it: people are seldom "the Frank" ("Let Frank know the release is tagged" stays) */
    static const char *const DET[] = {"the", "a", "an", "our", "this", "that", "their", "your", "new", "old", NULL};
    size_t ws, we;
    return nt == 1 && before == 0 && !poss && !person_ev && (fa & SC_NAME_WORD) && prev_word(sc->s, start, 1, &ws, &we) &&
           word_in(sc->s + ws, we - ws, DET) && pii_tech_context(sc, start, end);
}

/* A mention inside a firm's name ("Whitmore & Crane LLP", "Lafuente Moya Inversiones S.L."): another mention of
 * a person's surname does not make the firm a person. */
bool pii_firm_mention(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    return (end + 2 < sc->n && s[end] == ' ' && s[end + 1] == '&') || (start >= 2 && s[start - 1] == ' ' && s[start - 2] == '&') ||
           firm_after(s, sc->n, end);
}

/* A heading in title case capitalizes its small words ("Welcome To The Spring Open House", "Invitation To
 * Our Annual Dinner"): such a word, alone, with a capitalized word after it, is not a name. Not "An" and
 * "Do" (Vietnamese family names: "An Nguyen" is read as one two-word name anyway). */
bool pii_heading_word(const pii_scan *sc, size_t start, size_t end)
{
    static const char *const SMALL[] = {"as", "at", "by", "for", "from", "in", "into", "of", "on", "onto", "our",
                                        "the", "to", "upon", "with", "your", NULL};
    size_t a, b;
    return end - start <= 4 && word_in(sc->s + start, end - start, SMALL) && end + 1 < sc->n && sc->s[end] == ' ' &&
           pii_is_upper(sc->s[end + 1]) && word_after(sc->s, sc->n, end, &a, &b) && b - a >= 2;
}

/* A Markdown table cell under a column of places ("| Region | Q1 |" ... "| Darwin | 1,907 |"): the cell holds the
 * name alone and the block's first line names its column region, city, country, office ... */
bool pii_place_column(const pii_scan *sc, size_t start, size_t end)
{
    static const char *const COLS[] = {"airport", "area", "branch", "capital", "city", "country", "county",
                                       "destination", "hub", "location", "market", "office", "origin", "port",
                                       "province", "region", "site", "state", "store", "territory", "town",
                                       "venue", "warehouse", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, a = start, b = end;
    while (a > 0 && s[a - 1] == ' ')
        a--;
    while (b < n && s[b] == ' ')
        b++;
    if (a == 0 || b >= n || s[a - 1] != '|' || s[b] != '|')
        return false;
    size_t ls = a - 1, k = 0;
    while (ls > 0 && s[ls - 1] != '\n' && a - ls < 200)
        k += s[--ls] == '|';
    if (s[ls] != '|' || (ls > 0 && s[ls - 1] != '\n'))
        return false;
    /* up to the block's first line (at most 64 lines) */
    size_t hs = ls;
    for (unsigned up = 0; up < 64 && hs > 0 && hs >= 2 && s[hs - 2] != '\n'; up++) {
        size_t ps = hs - 1;
        while (ps > 0 && s[ps - 1] != '\n' && hs - ps < 400)
            ps--;
        if (s[ps] != '|')
            break;
        hs = ps;
    }
    if (hs == ls)
        return false;
    /* cell k of the header */
    size_t f = hs, fi = 0;
    while (f < n && s[f] != '\n' && fi <= k)
        fi += s[f++] == '|';
    if (fi <= k)
        return false;
    while (f < n && s[f] == ' ')
        f++;
    size_t fe = f;
    while (fe < n && pii_is_alpha(s[fe]) && fe - f < 16)
        fe++;
    return fe > f && word_in(s + f, fe - f, COLS);
}
