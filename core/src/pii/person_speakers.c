/* PERSON in transcript speaker labels written in capitals (round 15): a title or an office, the surname, a
 * colon, at the start of a line: "CHAIR OKONJO:", "COUNCILLOR BRENNAN:", "MR. HALVERSON:", "SENATOR WHITLOCK:".
 * Hearings, council minutes, court and parliamentary transcripts write their speakers so. An office after the
 * title ("MR. CHAIRMAN:", "MADAM SPEAKER:"), a place or a heading ("CHAIR REPORT:") is no name. */
#include "names.h"
#include "person.h"
#include "person_prose.h"

/* Offices that head a speaker label before a surname (the gazetteer's titles, Mr, Dr, Judge, come as
 * SC_WORD_TITLE). */
static bool office_word(const uint8_t *w, size_t n)
{
    static const char *const OFFICE[] = {
        "alderman", "alderwoman", "assemblymember", "chair", "chairman", "chairwoman", "commissioner",
        "congressman", "congresswoman", "councillor", "councilman", "councilmember", "councilor", "councilwoman",
        "delegate", "det", "detective", "director", "governor", "inspector", "mayor", "minister", "president",
        "rep", "representative", "rev", "reverend", "secretary", "senator", "sergeant", "sgt", "supervisor",
        "treasurer", "trustee", NULL};
    return WORD_IN_SORTED(w, n, OFFICE);
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
    /* each word: a known name, or an unknown word that is no dictionary word, office, body or place */
    for (size_t q = a.s; q < end;) {
        size_t e = q;
        while (e < end && s[e] != ' ')
            e++;
        int cls = pii_word_class_at(sc, q, e);
        unsigned f = pii_name_flags_at(sc, q, e);
        if (cls == SC_WORD_STOP || cls == SC_WORD_TITLE || cls == SC_WORD_ORG_NEXT || cls == SC_WORD_PLACE ||
            (f & SC_NAME_PLACE) || sc_place_lookup(s + q, e - q) || office_word(s + q, e - q) ||
            pii_role_noun(s + q, e - q))
            return 0;
        if (!(f & (SC_NAME_FIRST | SC_NAME_LAST)) && pii_english_word(s + q, e - q))
            return 0;
        if ((f & SC_NAME_WORD) && !(f & SC_NAME_LAST))
            return 0; /* "CHAIR REPORT:" */
        q = e + 1;
    }
    const char *why;
    if (!pii_in_code(sc, a.s, end, &why))
        pii_person_emit(sc, a.s, end, 0.85, SANCTUM_EV_TITLE | SANCTUM_EV_CONTEXT_AFTER);
    return end;
}
