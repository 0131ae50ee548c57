/* PERSON after an office (round 15): transcript speaker labels written in capitals: a title or an office, the surname, a
 * colon, at the start of a line: "CHAIR OKONJO:", "COUNCILLOR BRENNAN:", "MR. HALVERSON:", "SENATOR WHITLOCK:".
 * Hearings, council minutes, court and parliamentary transcripts write their speakers so. An office after the
 * title ("MR. CHAIRMAN:", "MADAM SPEAKER:"), a place or a heading ("CHAIR REPORT:") is no name. News copy puts
 * the same offices before a surname: "Mayor Oduya said", "Councillor Mbatha", "Detective Inspector Narang";
 * a street, a hotel or a second office after them is none ("Mayor Street", "President Hotel"). */
#include "names.h"
#include "person.h"
#include "person_prose.h"

/* Offices that head a speaker label or a news mention before a surname, sorted (the gazetteer's titles, Mr, Dr,
 * Judge, come as SC_WORD_TITLE). */
static const char *const OFFICE[] = {
    "alderman", "alderwoman", "ambassador", "assemblymember", "chair", "chairman", "chairwoman", "chancellor",
    "commissioner", "congressman", "congresswoman", "constable", "councillor", "councilman", "councilmember",
    "councilor", "councilwoman", "delegate", "det", "detective", "director", "governor", "inspector", "mayor",
    "minister", "president", "rep", "representative", "rev", "reverend", "secretary", "senator", "sergeant", "sgt",
    "sheriff", "supervisor", "treasurer", "trustee", NULL};

#ifndef NDEBUG
/* Debug builds (the ASan+UBSan suite) check once that the walk's byte test lets every office through. */
static pii_once shape_checked = PII_ONCE_INIT;
static void check_office_shapes(void)
{
    for (size_t k = 0; OFFICE[k] != NULL; k++)
        if (!pii_office_shape((const uint8_t *)OFFICE[k], 0, strlen(OFFICE[k])))
            abort();
}
#endif

static bool office_word(const uint8_t *w, size_t n)
{
#ifndef NDEBUG
    pii_run_once(&shape_checked, check_office_shapes);
#endif
    if (!pii_office_shape(w, 0, n))
        return false; /* most capitalized words leave on their length and first letter */
    return WORD_IN_SORTED(w, n, OFFICE);
}

/* The word [q, e) may be a surname after an office: a known name, or an unknown word that is no dictionary
 * word, office, body or place. */
static bool surname_after_office(pii_scan *sc, size_t q, size_t e)
{
    const uint8_t *s = sc->s;
    int cls = pii_word_class_at(sc, q, e);
    unsigned f = pii_name_flags_at(sc, q, e);
    if (cls == SC_WORD_STOP || cls == SC_WORD_TITLE || cls == SC_WORD_ORG_NEXT || cls == SC_WORD_PLACE ||
        cls == SC_WORD_TECH_NOUN || (f & SC_NAME_PLACE) || sc_place_lookup(s + q, e - q) ||
        office_word(s + q, e - q) || pii_role_noun(s + q, e - q) || pii_prose_closed(s + q, e - q))
        return false;
    if (!(f & (SC_NAME_FIRST | SC_NAME_LAST)) && pii_english_word(s + q, e - q))
        return false;
    return !((f & SC_NAME_WORD) && !(f & SC_NAME_LAST)); /* "CHAIR REPORT:" */
}

size_t pii_office_name(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    static const char *const OF_GENERAL[] = {"attorney", "auditor", "governor", "inspector", "postmaster",
                                             "secretary", "solicitor", "surgeon", NULL};
    bool general_office = w->cap && w->e + 1 < n && s[w->e + 1] == 'G' && word_in(s + w->s, w->e - w->s, OF_GENERAL);
    if (!w->cap || (!general_office && !office_word(s + w->s, w->e - w->s)))
        return 0;
    word a;
    if (!next_word(s, n, w->e, &a) || a.s != w->e + 1 || s[w->e] != ' ' || !a.cap)
        return 0;
    if (general_office && pii_word_eq(s + a.s, a.e - a.s, "general")) {
        /* "the Secretary General", "Attorney General Garland": the office is two words */
        size_t e = a.e;
        if (!next_word(s, n, e, &a) || a.s != e + 1 || s[e] != ' ' || !a.cap)
            return e;
    } else if (!office_word(s + w->s, w->e - w->s)) {
        return 0;
    }
    if (office_word(s + a.s, a.e - a.s)) { /* "Detective Inspector Narang" */
        size_t e = a.e;
        if (!next_word(s, n, e, &a) || a.s != e + 1 || s[e] != ' ' || !a.cap)
            return 0;
    }
    /* one to three capitalized words, none a firm's or a place's word ("Mayor Street", "President Hotel"), nor
     * followed by one ("Reverend Maud Fenwick Building") */
    size_t start = a.s, end = a.e;
    for (unsigned k = 0;; k++) {
        if (!surname_after_office(sc, a.s, a.e) || a.possessive)
            return 0;
        end = a.e;
        word b;
        if (k == 2 || end + 1 >= n || s[end] != ' ' || !next_word(s, n, end, &b) || b.s != end + 1 || !b.cap)
            break;
        int bc = pii_word_class_at(sc, b.s, b.e);
        if (bc == SC_WORD_ORG_NEXT || bc == SC_WORD_TECH_NOUN || pii_role_noun(s + b.s, b.e - b.s))
            return 0; /* "Senator Agnieszka Kowalczyk Building" */
        if (!surname_after_office(sc, b.s, b.e))
            break;
        a = b;
    }
    const char *why;
    if (!pii_in_code(sc, start, end, &why) && !pii_not_person_frame(sc, start, end, end, false))
        pii_person_emit(sc, start, end, 0.85, SANCTUM_EV_TITLE | SANCTUM_EV_CONTEXT_BEFORE);
    return end;
}

size_t pii_caps_speaker(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, p = w->e;
    if (!w->allcaps || (w->s > 0 && s[w->s - 1] != '\n'))
        return 0;
    if (sc_word_class(s + w->s, w->e - w->s) != SC_WORD_TITLE && !office_word(s + w->s, w->e - w->s))
        return 0;
    if (p < n && s[p] == '.')
        p++;
    word a;
    if (p + 3 >= n || s[p] != ' ' || !next_word(s, n, p, &a) || a.s != p + 1 || !a.allcaps)
        return 0;
    size_t end = a.e;
    word b;
    if (end + 2 < n && s[end] == ' ' && next_word(s, n, end, &b) && b.s == end + 1 && b.allcaps && b.e < n &&
        s[b.e] == ':')
        end = b.e; /* "SENATOR ORTIZ MENA:" */
    if (end >= n || s[end] != ':')
        return 0;
    for (size_t q = a.s; q < end;) {
        size_t e = q;
        while (e < end && s[e] != ' ')
            e++;
        if (!surname_after_office(sc, q, e))
            return 0;
        q = e + 1;
    }
    const char *why;
    if (!pii_in_code(sc, a.s, end, &why))
        pii_person_emit(sc, a.s, end, 0.85, SANCTUM_EV_TITLE | SANCTUM_EV_CONTEXT_AFTER);
    return end;
}
