/* PERSON without a model: the compiled gazetteer (names.h), titles, context phrases before and after,
 * capitalization and sequence rules, signatures, "Name <email>", possessives, and consistency (a name
 * found once with strong evidence raises its other mentions). Scores are in docs/pii.md. This file walks
 * the words and scores capitalized name candidates; the helpers live in person_*.c (person.h). */
#include <string.h>

#include "names.h"
#include "person.h"
#include "person_prose.h"
#include "pii.h"

static bool non_ascii(const uint8_t *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (s[i] >= 0x80)
            return true;
    return false;
}

/* "ask Jürgen", "email Sørina Ødegård": a word the gazetteer lacks, written with letters beyond ASCII
 * (software and brands seldom are), right after a verb only people take. */
static bool diacritic_person(pii_scan *sc, const word *w)
{
    return !w->allcaps && w->e - w->s >= 4 && non_ascii(sc->s, w->s, w->e) &&
           (pii_person_verb_right_before(sc, w->s, w->e) || pii_person_verb_before(sc, w->s));
}

/* "Put Okafor and Lindqvist on the rota": an unknown capitalized word put on a duty, outside technical
 * context. */
static bool known_name_word(const uint8_t *s, size_t a, size_t b)
{
    unsigned f = pii_name_flags(s, a, b);
    return pii_is_upper(s[a]) && (f & (SC_NAME_FIRST | SC_NAME_LAST)) && !(f & SC_NAME_WORD) &&
           sc_word_class(s + a, b - a) == SC_WORD_NONE;
}

/* ... and only beside a known name ("Okafor and Lindqvist"; not "Zoom and Teams", "Legal and Finance"). */
static bool rota_unknown(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    if (w->allcaps || w->e - w->s < 4 || sentence_start(s, w->s))
        return false;
    /* the cheap test first: a known name joined to it */
    static const char *const JOIN[] = {"and", "with", NULL};
    size_t a, b, c, d;
    bool joined = (word_after(s, sc->n, w->e, &a, &b) && word_in(s + a, b - a, JOIN) &&
                   word_after(s, sc->n, b, &c, &d) && known_name_word(s, c, d)) ||
                  (prev_word(s, w->s, 1, &a, &b) && word_in(s + a, b - a, JOIN) && prev_word(s, a, 1, &c, &d) &&
                   known_name_word(s, c, d));
    return joined && pii_rota_object(sc, w->s, w->e) && !pii_tech_context(sc, w->s, w->e);
}

/* An imperative at the start of a sentence is no given name the lists lack: "Assign Nakamura ...",
 * "Schedule Takahashi ..." (the name starts at the next word). */
static bool imperative_verb(const uint8_t *s, const word *w)
{
    static const char *const V[] = {"ask", "assign", "call", "forward", "invite", "loop", "message", "move",
                                    "notify", "pair", "put", "reassign", "remind", "schedule", "swap", "text",
                                    "thank", NULL};
    return w->cap && sentence_start(s, w->s) && WORD_IN_SORTED(s + w->s, w->e - w->s, V);
}

/* After a word ending at e, a clan particle p ("Ó", "Ní") and a capitalized word right after it: the name
 * goes on ("Gráinne Nic Aodha", "Seán Ó Briain"). */
static PII_NOINLINE bool clan_name(pii_scan *sc, size_t e, const word *p)
{
    word c;
    return p->s == e + 1 && pii_clan_particle(sc->s + p->s, p->e - p->s) && next_word(sc->s, sc->n, p->e, &c) &&
           joins(sc->s, p->e, c.s, false) && c.cap && c.e - c.s >= 3;
}

/* Step 3: an unknown capitalized word starts a name only with a phrase that vouches for it, a
 * signature, or a known last name right after it ("Contact Sarah Lee": the name starts later). */
static bool unknown_start_ok(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (w->allcaps)
        return true; /* first: it costs nothing */
    bool unk_ok0 = false;
    int b0 = pii_context_before(sc, w->s, &unk_ok0);
    if ((b0 == STRONG && unk_ok0) || pii_signature(sc, w->s, w->e) || pii_honorific_after(s, n, w->e) ||
        pii_email_echo(sc, w->s, w->e))
        return true;
    if (diacritic_person(sc, w) || rota_unknown(sc, w))
        return true;
    word nx0;
    unsigned f0 = 0;
    if (!next_word(s, n, w->e, &nx0) || !joins(s, w->e, nx0.s, false) || !nx0.cap)
        return false;
    if ((s[nx0.s] == 0xC3 || s[nx0.s] == 'N' || s[nx0.s] == 'U' || s[nx0.s] == 'M') && clan_name(sc, w->e, &nx0))
        return true; /* "Gráinne Nic Aodha" */
    f0 = pii_name_flags_at(sc, nx0.s, nx0.e);
    /* "Ayşe Yıldız": a word with letters beyond ASCII before a known surname */
    if (non_ascii(s, w->s, w->e) && (f0 & SC_NAME_LAST) && !pii_word_like(f0, pii_word_class_at(sc, nx0.s, nx0.e)))
        return true;
    return (f0 & SC_NAME_LAST) && !(f0 & SC_NAME_FIRST);
}

/* "Helen Park", "Ruth Hall": an organisation word that is also a common surname, after a given name
 * that is no place or word and with no capitalized word after it ("Helen Park Hotel"), is the surname. */
static bool surname_org_word(pii_scan *sc, const word *w, unsigned fa, const word *b)
{
    const uint8_t *s = sc->s;
    if (!b->cap || w->allcaps || !(fa & SC_NAME_COMMON_FIRST) || (fa & (SC_NAME_PLACE | SC_NAME_WORD)) ||
        pii_word_class_at(sc, w->s, w->e) != SC_WORD_NONE)
        return false;
    if (!word_in(s + b->s, b->e - b->s, (const char *const[]){"park", "hall", NULL}))
        return false;
    word c;
    return b->possessive || !next_word(s, sc->n, b->e, &c) || !joins(s, b->e, c.s, false) || !(c.cap || c.allcaps);
}

/* "al-Rashid", "el-Amin", "ash-Shami": an Arabic surname written with its lower-case article. */
static bool prefixed_surname(pii_scan *sc, const word *b)
{
    const uint8_t *s = sc->s;
    if (!b->lower || b->camel || b->e - b->s < 5)
        return false;
    size_t h = b->s;
    while (h < b->e && h - b->s < 4 && pii_is_lower(s[h]))
        h++;
    const char *why;
    return h < b->e - 2 && s[h] == '-' && pii_is_upper(s[h + 1]) &&
           word_in(s + b->s, h - b->s, (const char *const[]){"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", NULL}) &&
           !pii_in_code(sc, b->s, b->e, &why);
}

/* Step 4: gathers the words that follow w into one name, and tells organisations and honours apart
 * ("Baker Street", "Martin Luther King Jr. Day"). */
static void gather_name(pii_scan *sc, const word *w, unsigned fa, bool label, name_seq *q)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    memset(q, 0, sizeof *q);
    q->toks[0][0] = w->s;
    q->toks[0][1] = w->e;
    q->fl[0] = fa;
    q->nt = 1;
    q->cur = *w;
    while (q->nt < 4 && !q->cur.possessive) {
        word b;
        if (!next_word(s, n, q->cur.e, &b))
            break;
        /* lower-case particles inside a name: "Van der Berg", "de la Cruz", "bin Salman"; in a name in
         * capitals, the particles in capitals too ("RAFAEL DE LA CRUZ", "JOÃO PEDRO DOS SANTOS") */
        while ((b.lower || (w->allcaps && b.allcaps && q->nt >= 1)) && joins(s, q->cur.e, b.s, false) &&
               pii_particle(s + b.s, b.e - b.s)) {
            word c2;
            if (!next_word(s, n, b.e, &c2) || !joins(s, b.e, c2.s, false) ||
                !((w->allcaps ? c2.allcaps : c2.cap) || pii_particle(s + c2.s, c2.e - c2.s)))
                break;
            q->cur.e = b.e;
            b = c2;
        }
        bool cur_initial = q->cur.e - q->cur.s == 1;
        if (!joins(s, q->cur.e, b.s, cur_initial))
            break;
        int bc = pii_word_class_at(sc, b.s, b.e);
        if (bc == SC_WORD_ORG_NEXT && surname_org_word(sc, w, fa, &b))
            bc = SC_WORD_NONE;
        if (bc == SC_WORD_ORG_NEXT || bc == SC_WORD_TECH_NOUN ||
            (b.cap && (pii_honour_word(s + b.s, b.e - b.s) || pii_place_noun(s + b.s, b.e - b.s) ||
                       pii_thing_noun(s + b.s, b.e - b.s, false)))) {
            if (b.cap || b.allcaps)
                q->org = true;
            break;
        }
        if (bc == SC_WORD_STOP || bc == SC_WORD_TITLE || pii_korean_given(s, b.s, b.e, false) ||
            (b.cap && pii_prose_class(s + b.s, b.e - b.s) & (PII_PROSE_CLOSED | PII_PROSE_AUDIENCE)) ||
            (!pii_name_shaped(sc, &b, w->allcaps) && !(w->cap && prefixed_surname(sc, &b))))
            break;
        if (w->allcaps != b.allcaps && !(b.e - b.s == 1))
            break;
        /* all caps: every word must be a known name ("FROM ROBERT JOHNSON TO billing") */
        if (w->allcaps && b.e - b.s > 1) {
            unsigned fbc = pii_name_flags_at(sc, b.s, b.e);
            /* "MARGARET ANNE DUNLEAVY": after a given and a middle name both known and no words, an
             * unknown surname in capitals that ends the name */
            word c3;
            bool middle = fbc == 0 && q->nt == 2 && b.e - b.s >= 4 && (q->fl[0] & SC_NAME_FIRST) &&
                          (q->fl[1] & SC_NAME_FIRST) && !pii_word_like(q->fl[0], SC_WORD_NONE) &&
                          !pii_word_like(q->fl[1], SC_WORD_NONE) &&
                          !(next_word(s, n, b.e, &c3) && joins(s, b.e, c3.s, false) && c3.allcaps &&
                            c3.e - c3.s >= 4); /* "MARY ANNE CLEANING SERVICES" */
            if ((fbc == 0 && !label && !middle) || (q->nt >= 2 && pii_word_like(fbc, bc))) /* "... MARTINEZ RE refund" */
                break;
        }
        if (b.e - b.s == 1)
            q->initial_mid = true;
        q->toks[q->nt][0] = b.s;
        q->toks[q->nt][1] = b.e;
        q->fl[q->nt] = pii_name_flags_at(sc, b.s, b.e);
        q->nt++;
        q->cur = b;
    }
    /* "Martin Luther King Jr. Day", "Nobel Prize": a holiday or an award named after someone */
    if (!q->org && !q->cur.possessive) {
        size_t p = q->cur.e;
        if (p < n && s[p] == '.' &&
            (pii_word_eq(s + q->cur.s, q->cur.e - q->cur.s, "jr") || pii_word_eq(s + q->cur.s, q->cur.e - q->cur.s, "sr")))
            p++;
        word x;
        /* "Martin Luther King Jr. Blvd": a street or building word after Jr./Sr. makes a place too */
        if (p < n && s[p] == ' ' && next_word(s, n, p, &x) && x.s == p + 1 && x.cap &&
            (pii_honour_word(s + x.s, x.e - x.s) ||
             (p > q->cur.e && (pii_word_class_at(sc, x.s, x.e) == SC_WORD_ORG_NEXT ||
                               pii_place_noun(s + x.s, x.e - x.s)))))
            q->org = true;
    }
    /* an initial must be followed by a last name */
    while (q->nt > 1 && q->toks[q->nt - 1][1] - q->toks[q->nt - 1][0] == 1)
        q->nt--;
}

/* "Florence Adeyemi", "Paris Whitaker": a given name that is also a place, followed by a capitalized
 * word the gazetteer does not know, is a person outside place context and with person evidence; place
 * words after it ("Falls", "Harbour", "Tech") were already taken as no name. */
static bool place_given(pii_scan *sc, const word *w, int cls, unsigned fa, const name_seq *q)
{
    if (q->nt != 2 || !(cls == SC_WORD_PLACE || (fa & SC_NAME_PLACE)) || !(fa & SC_NAME_COMMON_FIRST) || w->allcaps)
        return false;
    size_t ls = q->toks[1][0], le = q->toks[1][1];
    const uint8_t *s = sc->s;
    if (le - ls < 3 || pii_word_class_at(sc, ls, le) != SC_WORD_NONE || sc_place_lookup(s + ls, le - ls))
        return false;
    if (pii_place_context(sc, w->s, le))
        return false;
    /* and something that says a person is meant: a phrase before ("from", "with", "ask", "Hi"), a verb
     * only people take after ("said", "will join", "is our ..."), "is the new ..." (not "Phoenix Suns
     * won", "Georgia Tech beat") */
    size_t a, b, c, d;
    bool unk;
    return pii_context_before(sc, w->s, &unk) != 0 || pii_signature(sc, w->s, le) || pii_person_verb_after(sc, le) ||
           (word_after(s, sc->n, le, &a, &b) && pii_word_eq(s + a, b - a, "is") && word_after(s, sc->n, b, &c, &d) &&
            pii_word_eq(s + c, d - c, "the") && word_after(s, sc->n, d, &a, &b) && pii_word_eq(s + a, b - a, "new"));
}

/* A clan particle between the name's first and last words ("Ciarán Ó Dálaigh"). */
static PII_NOINLINE bool clan_inside(const uint8_t *s, const name_seq *q)
{
    for (size_t t = 1; t + 1 < q->nt; t++)
        if (pii_clan_particle(s + q->toks[t][0], q->toks[t][1] - q->toks[t][0]))
            return true;
    return false;
}

/* The words after a family name are all given names the data knows and no words, or the Vietnamese middle
 * names Thị and Văn ("Ngo Minh Chau", "Bùi Thị Lan Anh", "Phan Văn Đức"), the last one known as a given name. */
static PII_NOINLINE bool given_names_after(pii_scan *sc, const name_seq *q)
{
    const uint8_t *s = sc->s;
    for (size_t t = 1; t < q->nt; t++) {
        size_t a = q->toks[t][0], l = q->toks[t][1] - a;
        bool middle = t + 1 < q->nt && bytes_in(s + a, l, (const char *const[]){"Th\xE1\xBB\x8B", "V\xC4\x83n", NULL});
        if (!middle && (!(q->fl[t] & SC_NAME_FIRST) || pii_word_like(q->fl[t], sc_word_class(s + a, l))))
            return false;
    }
    return true;
}

/* A lone word in capitals inside text written in mixed case: a common given name that is no word, no place
 * and no acronym of the tools ("it was JAMIE", "a sign that said CONNIE"), where the words around it are in
 * lower case (a line in capitals is a heading or a form, "CHRISTOPHER WAS HERE"). */
static PII_NOINLINE bool shouted_given(pii_scan *sc, const word *w, int cls, unsigned fa)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, l = w->e - w->s;
    if (l < 4 || cls != SC_WORD_NONE || !(fa & SC_NAME_COMMON_FIRST) || (fa & (SC_NAME_WORD | SC_NAME_PLACE)))
        return false;
    /* the nearest letters on both sides are lower case (16 bytes at most each way); at a line's start or end
     * the other side decides ("3. KELSEY - ukulele", "said CONNIE.") */
    int before = 0, after = 0; /* 1 lower, -1 upper, 0 none */
    for (size_t i = w->s; i > 0 && w->s - i < 16 && s[i - 1] != '\n'; i--)
        if (pii_is_alpha(s[i - 1])) {
            before = pii_is_lower(s[i - 1]) ? 1 : -1;
            break;
        }
    for (size_t i = w->e; i < n && i - w->e < 16 && s[i] != '\n'; i++)
        if (pii_is_alpha(s[i])) {
            after = pii_is_lower(s[i]) ? 1 : -1;
            break;
        }
    bool lower_before = before == 1 || (before == 0 && after == 1);
    bool lower_after = after == 1 || (after == 0 && before == 1);
    if (!lower_before || !lower_after || pii_tech_context(sc, w->s, w->e))
        return false;
    /* it stands alone: no article before it, and punctuation, the end or a person's verb after it; an acronym
     * is counted and goes on into its noun ("the LISA mission", "DORA compliance") */
    size_t ps, pe, a, b;
    if (prev_word(s, w->s, 1, &ps, &pe) && word_in(s + ps, pe - ps, (const char *const[]){"the", "a", "an", "our", "this", "that", NULL}))
        return false;
    size_t q = w->e;
    while (q < n && s[q] == ' ')
        q++;
    if (q >= n || pii_in_chars(".,!?;:)-'\"\n\r", s[q]) || s[q] == 0xE2)
        return true;
    return q == w->e + 1 && word_after(s, n, w->e, &a, &b) &&
           word_in(s + a, b - a, (const char *const[]){"who", "and", "is", "was", "said", "says", "will", "has", "had", NULL});
}

/* The word before a capitalized Cyrillic word that makes it no person: "в", "во", "из" (in, from: в Софии,
 * из Виктории), a saint (Святого Николая, Свято Миколая, Светог Саву: a feast or a church). */
static bool cyrillic_place_before(const uint8_t *s, size_t ws)
{
    if (ws < 3 || s[ws - 1] != ' ')
        return false;
    size_t a = ws - 1;
    while (a > 0 && s[a - 1] >= 0x80 && ws - 1 - a < 20)
        a--;
    if (a > 0 && pii_is_alnum(s[a - 1]))
        return false;
    size_t l = ws - 1 - a;
    if (l >= 8 && (memcmp(s + a + 2, "\xd0\xb2\xd1\x8f\xd1\x82", 6) == 0 || /* Свят-, свят- */
                   memcmp(s + a + 2, "\xd0\xb2\xd0\xb5\xd1\x82", 6) == 0) && /* Свет-, свет- */
        (memcmp(s + a, "\xd0\xa1", 2) == 0 || memcmp(s + a, "\xd1\x81", 2) == 0))
        return true;
    return (l == 2 && memcmp(s + a, "\xd0\xb2", 2) == 0) || (l == 4 && memcmp(s + a, "\xd0\xb2\xd0\xbe", 4) == 0) ||
           (l == 4 && memcmp(s + a, "\xd0\xb8\xd0\xb7", 4) == 0) || (l == 2 && memcmp(s + a, "\xd0\x92", 2) == 0);
}

/* Step 5: the score the words themselves earn (gazetteer, word-likeness, capitalization, position).
 * Returns false when the words can never be a name (all caps without a known pair). */
static bool base_score(pii_scan *sc, const word *w, int cls, unsigned fa, const name_seq *q, bool poss, bool label,
                       double *score, uint32_t *ev)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t nt = q->nt, end = q->toks[nt - 1][1];
    unsigned last = q->fl[nt - 1];
    bool start_of_sentence = sentence_start(s, w->s);
    /* at the start of a sentence capitalization says nothing: any dictionary word needs evidence */
    /* "John, could you ...", "John's laptop ...": a common first name addressed or owning something at
     * the start of a sentence is a name even when it is also a word (not the hand-kept ones: "Will,") */
    bool vocative = start_of_sentence && nt == 1 && cls == SC_WORD_NONE && (fa & SC_NAME_COMMON_FIRST) &&
                    !w->allcaps && ((w->e < n && s[w->e] == ',') || poss);
    bool a_word = pii_word_like(fa, cls) || (start_of_sentence && (fa & SC_NAME_WORD) && !vocative);
    bool l_word = pii_word_like(last, pii_word_class_at(sc, q->toks[nt - 1][0], end));
    *score = 0;
    *ev = 0;
    if (fa & SC_NAME_FIRST)
        *ev |= SANCTUM_EV_GAZETTEER_FIRST;
    if (last & SC_NAME_LAST)
        *ev |= SANCTUM_EV_GAZETTEER_LAST;
    if (w->allcaps) {
        /* all caps only as a known first + last name pair; one word-like half needs strong context
         * ("TO: MICHAEL BROWN") */
        bool label_pair = label && nt >= 2 && (fa & SC_NAME_FIRST) && last == 0; /* "APPLICANT: DANIEL WHITFIELD" */
        /* "MARGARET ANNE DUNLEAVY": two known given names (gather_name checked them) and a surname */
        bool middle_pair = nt == 3 && (fa & SC_NAME_FIRST) && (q->fl[1] & SC_NAME_FIRST) && last == 0 && !a_word;
        if (middle_pair) {
            *score = 0.75;
            *ev |= SANCTUM_EV_NAME_SEQUENCE;
            return true;
        }
        if (nt == 1 && (fa & SC_NAME_COMMON_FIRST) && shouted_given(sc, w, cls, fa)) {
            *score = 0.7; /* "it was JAMIE", "3. KELSEY - ukulele": a common given name shouted in mixed case */
            *ev |= SANCTUM_EV_FORMAT_WEAK;
            return true;
        }
        if (!label_pair &&
            (nt < 2 || !(fa & SC_NAME_FIRST) || !(last & (SC_NAME_LAST | SC_NAME_FIRST)) || (a_word && l_word)))
            return false;
        *score = a_word || l_word || label_pair ? 0.45 : 0.8;
        *ev |= SANCTUM_EV_NAME_SEQUENCE;
    } else if (nt >= 2) {
        bool a_first = (fa & SC_NAME_FIRST) != 0;
        bool l_known = (last & (SC_NAME_LAST | SC_NAME_FIRST)) != 0;
        *ev |= SANCTUM_EV_NAME_SEQUENCE;
        if (a_first && l_known)
            *score = a_word && l_word ? 0.6 : (a_word || l_word ? 0.8 : 0.9);
        else if (a_first && last == 0)
            *score = a_word ? (place_given(sc, w, cls, fa, q) ? 0.75 : 0.5)
                            : ((fa & SC_NAME_COMMON_FIRST) ? 0.8 : 0.7);
        else if (!a_first && fa == 0 && (last & SC_NAME_LAST) && !l_word)
            *score = diacritic_person(sc, w) ||
                             (nt == 2 && w->e - w->s >= 3 && pii_surname_by_ending(s, q->toks[1][0], q->toks[1][1]))
                         ? 0.75
                         : 0.6; /* "Sigríður Jónsdóttir": an unknown word before a surname told by its ending */
        else if (nt == 2 && (fa & SC_NAME_LAST) && !a_word && (last & SC_NAME_FIRST) && !(last & SC_NAME_LAST) && !l_word)
            *score = 0.8; /* family name first: "Xu Mingyu", "Yamamoto Haruki" */
        else if (nt == 3 && (fa & SC_NAME_LAST) && !a_word && !l_word && (last & SC_NAME_FIRST) &&
                 (q->fl[1] & SC_NAME_FIRST) &&
                 !pii_word_like(q->fl[1], sc_word_class(s + q->toks[1][0], q->toks[1][1] - q->toks[1][0])))
            *score = 0.8; /* round 13: family name, then two given names ("Ngo Minh Chau", "Trần Minh Quân") */
        else if (nt >= 3 && (fa & SC_NAME_LAST) && !a_word && given_names_after(sc, q))
            *score = 0.8; /* and two or three given names: "Ngo Minh Chau", "Bùi Thị Lan Anh" */
        else if (fa & SC_NAME_LAST)
            *score = l_known ? 0.6 : 0.4;
        /* Greek and Cyrillic: two capitalized words, one of them a known name ("Γιώργος Παπαδόπουλος");
         * surname first with diacritics ("Đặng Văn Lâm", "Nguyễn Thị Hương") */
        bool cased_other = s[w->s] >= 0xCE && s[w->s] <= 0xD3 && s[q->toks[nt - 1][0]] >= 0xCE &&
                           s[q->toks[nt - 1][0]] <= 0xD3 && ((fa | last) & (SC_NAME_FIRST | SC_NAME_LAST));
        bool surname_first = (fa & SC_NAME_LAST) && !(fa & SC_NAME_FIRST) && !a_word && nt >= 2;
        for (size_t t = 1; surname_first && t < nt; t++) {
            bool diacritic = false;
            for (size_t i = q->toks[t][0]; i < q->toks[t][1]; i++)
                diacritic = diacritic || s[i] >= 0x80;
            surname_first = diacritic;
        }
        if ((cased_other || surname_first) && *score < 0.75)
            *score = 0.75;
        if (nt >= 3 && *score < 0.85 && clan_inside(s, q)) {
            *score = 0.85; /* "Ciarán Ó Dálaigh", "Gráinne Nic Aodha": the particle names a person */
            a_word = l_word = false;
        }
        if (q->initial_mid && *score > 0)
            *score += 0.05;
        if (a_word || l_word)
            *ev |= SANCTUM_EV_COMMON_WORD;
    } else {
        if ((fa & SC_NAME_FIRST) && !a_word) {
            /* round 13: Cyrillic capitalizes only proper nouns inside a sentence, so a known given name there
             * ("спросить Дмитрия", "у Серёжи") counts as a common one does, unless "в", "во", "из" make it a
             * place (в Софии, из Виктории) or a saint's word a feast (Святого Николая) */
            bool common = (fa & SC_NAME_COMMON_FIRST) != 0 ||
                          (!start_of_sentence && (s[w->s] == 0xD0 || s[w->s] == 0xD1) && !cyrillic_place_before(s, w->s));
            *score = common ? (start_of_sentence ? 0.7 : 0.75) : (start_of_sentence ? 0.5 : 0.6);
            if (vocative && !poss)
                *score += 0.1;
            else if ((start_of_sentence || !common) && (fa & SC_NAME_PLACE))
                *score -= 0.1; /* "Darwin gets a lot of rain", "a week in Rome": a place as often as a person */
            *ev |= SANCTUM_EV_FORMAT_WEAK;
        } else if ((fa & SC_NAME_LAST) && !a_word) {
            *score = start_of_sentence ? 0.4 : 0.5;
            *ev |= SANCTUM_EV_FORMAT_WEAK;
        } else if (fa != 0 || cls != SC_WORD_NONE) {
            *score = 0.36; /* strong context alone (+0.35) lifts it over 0.7: "Hi Will," */
            *ev |= SANCTUM_EV_COMMON_WORD;
        }
    }
    return true;
}

/* Step 6: context before and after raises the score; unknown words need a phrase that accepts them.
 * Returns false when nothing vouches for an unknown word. *before_out is the strength before. */
static bool add_context(pii_scan *sc, const word *w, int cls, unsigned fa, const name_seq *q, bool poss,
                        double *score, uint32_t *ev, int *before_out, bool *sig_out)
{
    size_t nt = q->nt, end = q->toks[nt - 1][1];
    unsigned last = q->fl[nt - 1];
    bool unk_ok = false;
    int before = pii_context_before(sc, w->s, &unk_ok);
    int after = pii_context_after(sc, end, poss);
    /* "Payal di,", "Narek jan": an address word of the name's language after a known given name that is
     * no word (after an unknown word it may be a particle: "Università di Bologna") */
    if (after != STRONG && (fa & SC_NAME_FIRST) && !(fa & SC_NAME_WORD) && cls == SC_WORD_NONE &&
        pii_address_word_after(sc->s, sc->n, end))
        after = STRONG;
    bool sig = pii_signature(sc, w->s, end);
    *before_out = before;
    *sig_out = sig;
    bool known = fa != 0 || (nt >= 2 && last != 0);
    if (!known && !(*score > 0)) {
        /* unknown words need a strong phrase that accepts them, a signature or Name <email> */
        if ((before == STRONG && unk_ok) || sig || after == STRONG || (before == STRONG && nt >= 2))
            *score = 0.45;
        else if (nt == 1 && pii_email_echo(sc, w->s, end))
            *score = 0.01; /* record_pair lifts it */
        else if (diacritic_person(sc, w) || (nt == 1 && rota_unknown(sc, w))) {
            *score = 0.75;
            *ev |= SANCTUM_EV_CONTEXT_BEFORE;
        } else
            return false;
    }
    if (before == STRONG || sig || after == STRONG) {
        *score += 0.35;
        *ev |= before == STRONG ? SANCTUM_EV_CONTEXT_BEFORE : SANCTUM_EV_CONTEXT_AFTER;
        return true;
    }
    /* "ask Nguyen", "I talked to Kowalski": a verb only people take vouches for a lone name that is no
     * word */
    if (nt == 1 && cls == SC_WORD_NONE && !(fa & SC_NAME_WORD) && *score > 0 && pii_person_verb_before(sc, w->s)) {
        *score += 0.25;
        *ev |= SANCTUM_EV_CONTEXT_BEFORE;
    } else if (before == WEAK) {
        *score += 0.1;
        *ev |= SANCTUM_EV_CONTEXT_BEFORE;
    }
    if (after == MEDIUM) {
        *score += 0.2;
        *ev |= SANCTUM_EV_CONTEXT_AFTER;
    } else if (after == WEAK) {
        *score += 0.05;
        *ev |= SANCTUM_EV_CONTEXT_AFTER;
    }
    return true;
}

/* Step 6b: a lone first name that is also a word ("Frank", "Hope", "Ray") is a person in person
 * position: after a verb only people take, addressed with "you", owning something people own, or the
 * subject of a verb only people take. A place-name ("Sydney") needs evidence a place never has. Returns
 * true when such evidence vouches for a person (place context then takes nothing back). */
static bool person_position(pii_scan *sc, const word *w, int cls, unsigned fa, const name_seq *q, bool poss,
                            double *score, uint32_t *ev)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t end = q->toks[q->nt - 1][1];
    bool place = cls == SC_WORD_PLACE || (cls == SC_WORD_NONE && (fa & SC_NAME_PLACE));
    if (place && q->nt == 1 && (fa & SC_NAME_FIRST) && !w->allcaps) {
        double lift = pii_place_person_lift(sc, w->s, end, poss);
        if (lift > 0) {
            if (lift > *score) {
                *score = lift;
                *ev |= SANCTUM_EV_CONTEXT_BEFORE;
            }
            return true;
        }
        if (cls == SC_WORD_PLACE)
            return false;
    }
    /* "Zbigniew Kowalczyk approved it": an unknown word before a known last name counts as one name */
    bool pair = q->nt == 2 && fa == 0 && (q->fl[1] & SC_NAME_LAST) && !pii_word_like(q->fl[1], SC_WORD_NONE);
    /* a family name alone only when it is no word ("He asked twice": a pronoun) */
    bool lone_last = !(fa & SC_NAME_FIRST) && (fa & SC_NAME_LAST) && !(fa & SC_NAME_WORD) && w->e - w->s >= 3;
    if ((q->nt != 1 && !pair) || (!(fa & SC_NAME_FIRST) && !lone_last && !pair) || *score >= 0.7 || w->allcaps)
        return false; /* a name that stands on its own needs no lift */
    if (cls != SC_WORD_NONE && cls != SC_WORD_AMBIGUOUS)
        return false; /* eponyms, software and assistants need more than this */
    double lift = 0;
    uint32_t why = SANCTUM_EV_CONTEXT_BEFORE;
    bool start = sentence_start(s, w->s);
    size_t ps, pe;
    if (pii_person_verb_right_before(sc, w->s, end) || pii_rota_object(sc, w->s, end))
        lift = 0.75;
    else if (start && pii_vocative_you(sc, end))
        lift = 0.8, why = SANCTUM_EV_CONTEXT_AFTER;
    else if (q->nt == 1 && cls == SC_WORD_NONE && (fa & SC_NAME_FIRST) && !(fa & (SC_NAME_WORD | SC_NAME_PLACE)) &&
             w->e - w->s >= 3 &&
             (pii_line_vocative(sc, w->s, end) || pii_comma_exclaim(sc, w->s, end) || pii_dash_signature(sc, w->s, end) ||
              pii_role_apposition(sc, end) ||
              (end + 1 < n && s[end] == ' ' && pii_is_alpha(s[end + 1]) && pii_roster_item(sc, w->s, end))))
        lift = 0.75, why = SANCTUM_EV_CONTEXT_AFTER;
    else if (q->nt == 1 && cls == SC_WORD_NONE && (fa & SC_NAME_FIRST) && !(fa & (SC_NAME_WORD | SC_NAME_PLACE)) &&
             w->e - w->s >= 3 && pii_notes_speaker(sc, w->s, end))
        lift = 0.75, why = SANCTUM_EV_CONTEXT_AFTER;
    else if (q->nt == 1 && cls == SC_WORD_NONE && (fa & SC_NAME_FIRST) && !(fa & (SC_NAME_WORD | SC_NAME_PLACE)) &&
             prev_word(s, w->s, 1, &ps, &pe) &&
             word_in(s + ps, pe - ps, (const char *const[]){"τον", "την", "του", "της", "στον", "στην", "στου", "στης",
                                                            "ston", "stin", "ο", "η", "Ο", "Η", NULL}))
        lift = 0.75; /* Greek puts an article before a given name: "στον Κώστα", "της Σοφίας", "ο Νίκος" */
    else if (q->nt == 1 && cls == SC_WORD_NONE && (fa & SC_NAME_FIRST) && !(fa & SC_NAME_PLACE) &&
             pii_pronoun_pair(s, n, end))
        lift = 0.8, why = SANCTUM_EV_CONTEXT_AFTER; /* "Klaus und ich", "Zofia and I" */
    else if (cls == SC_WORD_NONE && (fa & SC_NAME_FIRST) && !(fa & SC_NAME_PLACE) && pii_mention_start(s, n, w->s))
        lift = 0.8; /* "@Femi the agent is yours", "@Siddharth @Maeve": a chat mention, as "@priya" */
    else if (poss && pii_personal_noun(s, n, end))
        lift = 0.75, why = SANCTUM_EV_CONTEXT_AFTER;
    else if (q->nt == 1 && (fa & SC_NAME_FIRST) && !(fa & SC_NAME_PLACE) && pii_notes_items(sc, w->s, end))
        lift = 0.75, why = SANCTUM_EV_CONTEXT_AFTER; /* "Rose: done; Jack: blocked", "Jack to draft ...; Ivy to own ..." */
    else if (pii_question_subject(sc, w->s, end) || pii_gift_for(sc, w->s) ||
             pii_person_clause(sc, w->s, end, (fa & SC_NAME_PLACE) != 0))
        lift = 0.75;
    else if ((start || (prev_word(s, w->s, 1, &ps, &pe) &&
                        word_in(s + ps, pe - ps, (const char *const[]){"and", "but", "so", "then", "because",
                                                                       "when", "if", "that", "cause", "whether",
                                                                       "until", "unless", "once", "while", NULL}))) &&
             pii_person_verb_after(sc, end))
        lift = 0.75, why = SANCTUM_EV_CONTEXT_AFTER;
    else if (q->nt == 1 && cls == SC_WORD_NONE && (fa & SC_NAME_FIRST) && !(fa & (SC_NAME_WORD | SC_NAME_PLACE)) &&
             w->e - w->s >= 3 &&
             pii_clean_name_frame(sc, w->s, end, poss) && !pii_tech_context(sc, w->s, end))
        lift = 0.72, why = SANCTUM_EV_CONTEXT_AFTER; /* "Saoirse is coming", "give Saoirse a call" */
    else if (q->nt == 1 && (fa & SC_NAME_WORD))
        lift = pii_place_person_lift(sc, w->s, end, poss); /* "Will and Joy are coming", "Hope's inhaler" */
    if (lift > *score && lone_last && pii_tech_context(sc, w->s, end))
        lift = 0; /* libraries named like a family name: "Jansson writes the JSON" */
    if (lift > *score) {
        *score = lift;
        *ev |= why;
    }
    return false;
}

/* "Mercedes-Benz": one hyphenated word made of a given name and a word that is no given name is a brand
 * (people write "Given Surname"; "Anne-Marie" and "Jean-Luc" are given names on both sides). */
static bool hyphen_brand(const uint8_t *s, size_t a, size_t b)
{
    const uint8_t *h = memchr(s + a, '-', b - a);
    if (h == NULL || (sc_name_lookup(s + a, b - a) & SC_NAME_FIRST))
        return false; /* the lists hold the whole word as a given name: Ji-woo, Seo-yoon */
    size_t m = (size_t)(h - s);
    if (m == a || m + 1 >= b)
        return false;
    unsigned f1 = sc_name_lookup(s + a, m - a), f2 = sc_name_lookup(s + m + 1, b - m - 1);
    return (f1 & SC_NAME_FIRST) && !(f2 & SC_NAME_FIRST);
}

/* "Joy-Con", "Coca-Cola": a given name joined by a hyphen to a capitalized everyday word that is no
 * common given name is a product, wherever it stands in the span ("My Joy-Con"); Korean given names
 * go on in lower case ("Ji-hoon") and double given names are common ones ("Anne-Marie"). */
static bool hyphen_product(const uint8_t *s, size_t a, size_t b)
{
    const uint8_t *h = memchr(s + a, '-', b - a);
    if (h == NULL)
        return false;
    size_t m = (size_t)(h - s);
    if (m == a || m + 2 >= b || !pii_is_upper(s[m + 1]))
        return false;
    unsigned f1 = sc_name_lookup(s + a, m - a), f2 = sc_name_lookup(s + m + 1, b - m - 1);
    return (f1 & SC_NAME_FIRST) && (f2 & SC_NAME_WORD) && !(f2 & SC_NAME_COMMON_FIRST) && !(f2 & SC_NAME_LAST);
}

/* "stuck in Da Nang", "a week in Tel Aviv", "from Addis Ababa to ...": two or more words after a travel
 * preposition (not "to": "forward it to X"), none of them a common given or family name, are a place (people there are written with
 * a common name or with a phrase that vouches for them). "from" only in "from X to Y". */
static bool multiword_place(pii_scan *sc, const name_seq *q)
{
    const uint8_t *s = sc->s;
    size_t ws, we;
    if (q->nt < 2 || !prev_word(s, q->toks[0][0], 1, &ws, &we))
        return false;
    for (size_t t = 0; t < q->nt; t++)
        if (q->fl[t] & (SC_NAME_COMMON_FIRST | SC_NAME_COMMON_LAST))
            return false;
    static const char *const PREP[] = {"across", "around", "in", "into", "near", "through", "via",
                                       "visit", "visiting", NULL};
    if (word_in(s + ws, we - ws, PREP))
        return true;
    size_t end = q->toks[q->nt - 1][1], a, b;
    return pii_word_eq(s + ws, we - ws, "from") && word_after(s, sc->n, end, &a, &b) && pii_word_eq(s + a, b - a, "to");
}

/* "Wanjiru Kamau from Nairobi", "Bill from Tallinn": the word after a name and "from" is where that
 * person is from (a place or a firm), not a second person. */
static bool from_after_name(pii_scan *sc, size_t start)
{
    const uint8_t *s = sc->s;
    size_t ws, we, ps, pe;
    if (!prev_word(s, start, 1, &ws, &we) || !pii_word_eq(s + ws, we - ws, "from") ||
        !prev_word(s, ws, 1, &ps, &pe) || !pii_is_upper(s[ps]) || sentence_start(s, ps))
        return false;
    return (pii_name_flags_at(sc, ps, pe) & (SC_NAME_FIRST | SC_NAME_LAST)) != 0;
}

/* Step 7, precision rules that take a candidate back: firms ("Johnson & Johnson"), tools ("Adam
 * optimizer"), the second word of a place ("San Antonio"), a place after a preposition. */
static bool not_a_person(pii_scan *sc, const word *w, int cls, unsigned fa, const name_seq *q, bool poss, int before,
                         bool sig, bool person_ev)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t nt = q->nt, end = q->toks[nt - 1][1];
    if (!sig && pii_not_person_frame(sc, w->s, end, q->toks[0][1], poss))
        return true;
    /* mail structure: a system sender or a Title-Case subject ("Jira Automation", "... Contract Renewal"),
     * a header field name ("Content-Type") */
    if (!sig && pii_mail_heading_name(sc, w->s, (const size_t(*)[2])q->toks, q->fl, nt))
        return true;
    if (nt == 1 && pii_mail_field_name(sc, w->s, end))
        return true;
    /* round 15's bots, JSON things and sender labels are read once, by the chat frames' filter (person_chat_frames.c) */
    /* the sender frame alone lifted a word no name list holds: a second signal is needed ("From: Zendesk") */
    if (nt == 1 && fa == 0 && cls == SC_WORD_NONE && !person_ev && pii_service_sender(sc, w->s, end))
        return true;
    if (pii_all_dictionary_words(s, (const size_t(*)[2])q->toks, q->fl, nt))
        return true;
    if (pii_brand_frame(sc, w->s, end, (const size_t(*)[2])q->toks, nt, poss, before, person_ev, sig))
        return true;
    if (!sig && pii_round13_thing(sc, w->s, end, (const size_t(*)[2])q->toks, nt, before, person_ev))
        return true;
    if (!sig && pii_venue_name(s, n, w->s, (const size_t(*)[2])q->toks, nt))
        return true; /* "salle Louise Michel", "the Mary Seacole Ward" */
    if (!sig && nt >= 2 && pii_saint_word(s + w->s, q->toks[0][1] - w->s))
        return true; /* "Santo António", "São Pedro" */
    /* a role or a body ending the name or right after it: "Letting Agent", "Ward Manager", "Parish Council" */
    word rn;
    if ((nt >= 2 && pii_role_noun(s + q->toks[nt - 1][0], end - q->toks[nt - 1][0])) ||
        (!poss && end + 1 < n && s[end] == ' ' && next_word(s, n, end, &rn) && rn.s == end + 1 && rn.cap &&
         pii_role_noun(s + rn.s, rn.e - rn.s)))
        return true;
    if (!sig && !person_ev && before != STRONG && pii_the_heading(s, n, w->s, (const size_t(*)[2])q->toks, nt, q->fl[nt - 1]))
        return true; /* "the Carol Service", "the Roman Empire" */
    if (!sig && !person_ev && before != STRONG && pii_title_heading(s, (const size_t(*)[2])q->toks, nt))
        return true; /* "GNU General Public License", "General Commands Manual" */
    if (!sig) {
        word hn;
        bool has_next = end + 1 < n && s[end] == ' ' && pii_holy_initial(s[end + 1]) && next_word(s, n, end, &hn) &&
                        hn.s == end + 1;
        if (pii_holy_day(s, (const size_t(*)[2])q->toks, nt, has_next ? s + hn.s : NULL, has_next ? hn.e - hn.s : 0))
            return true;
    }
    if (before != STRONG && !sig) {
        size_t p = end;
        while (p < n && s[p] == ' ')
            p++;
        word tn;
        if ((p < n && s[p] == '&') || (w->s >= 2 && s[w->s - 1] == ' ' && s[w->s - 2] == '&'))
            return true;
        if (!poss && p == end + 1 && next_word(s, n, end, &tn) && tn.s == p &&
            ((tn.lower && pii_word_class_at(sc, tn.s, tn.e) == SC_WORD_TECH_NOUN) ||
             (nt == 1 && pii_word_class_at(sc, tn.s, tn.e) == SC_WORD_TECH_NOUN) ||
             (nt == 1 && tn.lower && pii_word_class_at(sc, tn.s, tn.e) == SC_WORD_ORG_NEXT)))
            return true; /* "Adam optimizer", "Monte Carlo methods", "the Lincoln office" */
        /* software named like people, in technical context: "Kafka keeps rebalancing" */
        if (cls == SC_WORD_SOFTWARE && pii_tech_context(sc, w->s, end))
            return true;
        /* a name that is also an English word, alone, with no context of its own, in technical context: a
         * codename ("the Atlas migration", "a demo of the Atlas dashboard", "owns Atlas" beside "router") */
        if (pii_codename(sc, w->s, end, nt, fa, before, poss, person_ev))
            return true;
        /* places: "Darwin, Australia", "flights to Adelaide", "Regina and Saskatoon" */
        if (nt == 1 && !person_ev && (cls == SC_WORD_PLACE || (fa & SC_NAME_PLACE)) &&
            (pii_place_context(sc, w->s, end) || pii_foreign_place_prep(s, w->s)))
            return true;
        /* "the Queen", "the Navy", "every Blessing": a lone name that is also a word after a determiner */
        size_t ds, de;
        if (nt == 1 && !person_ev && (fa & SC_NAME_WORD) && !poss && prev_word(s, w->s, 1, &ds, &de) &&
            w->s - de == 1 && word_in(s + ds, de - ds, (const char *const[]){"the", "every", "this", "that", "each", NULL}))
            return true;
    }
    /* things named after someone: "Murphy's law", "Caesar salad", "Beef Wellington", "Mercedes-Benz" */
    size_t tp = end, ta, tb, ps, pe;
    if (poss) {
        size_t al;
        if (apostrophe_at(s, n, tp, &al) && tp + al < n && s[tp + al] == 's')
            tp += al + 1;
    }
    if (word_after(s, n, tp, &ta, &tb) && pii_thing_noun(s + ta, tb - ta, poss))
        return true;
    /* round 15: a quoted name before a product's noun ("Your \"Harper\" armchair", "the \"Matilda\" table") */
    if (!poss && tp + 1 < n && s[tp] == '"' && w->s > 0 && s[w->s - 1] == '"' && word_after(s, n, tp + 1, &ta, &tb) &&
        (pii_thing_noun(s + ta, tb - ta, false) || pii_quoted_product_noun(s + ta, tb - ta)))
        return true;
    if (!sig && !poss && pii_eponym_venue(sc, w->s, end, before, person_ev))
        return true; /* "the Grace Hopper auditorium", "Jomo Kenyatta airport" */
    if (w->s >= 2 && s[w->s - 1] == ' ' && prev_word(s, w->s, 1, &ps, &pe) && pii_is_upper(s[ps]) &&
        pii_food_before(s + ps, pe - ps))
        return true;
    if (nt == 1 && before != STRONG && hyphen_brand(s, w->s, end))
        return true;
    if (!sig && hyphen_product(s, q->toks[nt - 1][0], q->toks[nt - 1][1]))
        return true; /* the product word ends the span ("My Joy-Con"; "Ka-Ping Yee" is a person) */
    /* "a Mercedes-Benz", "an Aston Martin": people are seldom counted with an article ("an" only before
     * a vowel: German "an Katarzyna Nowak" is "to"; Spanish "a" after a verb of calling is "to") */
    if (before != STRONG && !sig && !person_ev && prev_word(s, w->s, 1, &ps, &pe) &&
        (pii_word_eq(s + ps, pe - ps, "a") ||
         (pii_word_eq(s + ps, pe - ps, "an") && pii_in_chars("AEIOU", s[w->s]))) &&
        !pii_person_verb_before(sc, w->s) && /* Spanish "llama a Rodrigo": "a" is "to" */
        !(pe - ps == 1 && s[ps] == 'a' && pii_given_surname_pair(sc, (const size_t(*)[2])q->toks, q->fl, nt)))
        return true;
    /* "Santiago de Compostela", "Vila Nova de Gaia": a particle, then a last word that is a place and no
     * name ("Roland Mainz", "Sumit Bose" have no particle) */
    if (nt >= 2 && !sig && before != STRONG) {
        size_t ls = q->toks[nt - 1][0], le = q->toks[nt - 1][1], a, b;
        if (q->fl[nt - 1] == 0 && sc_place_lookup(s + ls, le - ls) && prev_word(s, ls, 1, &a, &b) &&
            a > q->toks[0][0] && pii_particle(s + a, b - a))
            return true;
    }
    /* "Johnnie Walker's and Jim Beam's": a possessive full name that owns nothing is a brand or a shop */
    if (poss && nt >= 2 && before != STRONG && !sig) {
        size_t p = end, al, ba, bb;
        if (apostrophe_at(s, n, p, &al) && p + al < n && s[p + al] == 's') {
            p += al + 1;
            if (word_after(s, n, p, &ba, &bb) &&
                word_in(s + ba, bb - ba, (const char *const[]){"and", "or", "with", "instead", NULL}))
                return true;
        }
    }
    if (before != STRONG && !sig && !poss &&
        (multiword_place(sc, q) ||
         (!person_ev && (!(fa & SC_NAME_COMMON_FIRST) || (fa & SC_NAME_PLACE)) && from_after_name(sc, w->s))))
        return true;
    static const char *const PLACE_PREFIX[] = {"san", "santa", "saint", "sainte", "st", "fort", "los",
                                               "las", "port", "mount", "lake", "new", NULL};
    if (before != STRONG && prev_word(s, w->s, 1, &ps, &pe) && pii_is_upper(s[ps]) && w->s - pe == 1 &&
        word_in(s + ps, pe - ps, PLACE_PREFIX))
        return true;
    /* places after a preposition need a real name context */
    return cls == SC_WORD_PLACE && nt == 1 && !person_ev && pii_place_preposition(sc, w->s) && before != STRONG && !sig;
}

/* Steps 3-7 for one capitalized (or all-caps) word w that may start a name. Returns where to go on. */
static size_t cap_name(pii_scan *sc, const word *w, int cls)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    unsigned fa = pii_name_flags_at(sc, w->s, w->e);
    if (fa == 0 && cls == SC_WORD_NONE && (imperative_verb(s, w) || !unknown_start_ok(sc, w)))
        return w->e;
    /* "Tell Jordan Smith", "Add Priya Raman", "Ping Ingrid": a rare given name that is also a word, first
     * in its sentence and before another capitalized word, is the verb; the name starts after it */
    word nx1;
    bool unk_label;
    if (w->cap && (fa & SC_NAME_WORD) && !(fa & SC_NAME_COMMON_FIRST) && cls == SC_WORD_NONE &&
        sentence_start(s, w->s) && next_word(s, n, w->e, &nx1) && nx1.s == w->e + 1 && s[w->e] == ' ' && nx1.cap &&
        (pii_name_flags_at(sc, nx1.s, nx1.e) & SC_NAME_FIRST) && /* "Skip Montanaro", "Piers Lauder" stay names */
        !(pii_context_before(sc, w->s, &unk_label) == STRONG && unk_label) && /* "From: Hyacinth Bellamy" */
        !pii_signature(sc, w->s, nx1.e))                                       /* "Hormat kami,\nSri Rahayu" */
        return w->e;
    /* eponyms: "Dijkstra's algorithm", "Gauss elimination", "Markov chain" */
    word nx;
    if (cls == SC_WORD_EPONYM && next_word(s, n, w->e, &nx) && nx.s - w->e <= 3 &&
        pii_word_class_at(sc, nx.s, nx.e) == SC_WORD_TECH_NOUN)
        return nx.e;
    name_seq q;
    bool label = false;
    if (w->allcaps) {
        bool unk = false;
        label = pii_context_before(sc, w->s, &unk) == STRONG && unk;
    }
    gather_name(sc, w, fa, label, &q);
    if (q.org)
        return q.cur.e;
    size_t end = q.toks[q.nt - 1][1];
    bool poss = q.nt == 1 ? w->possessive : q.cur.possessive;
    double score;
    uint32_t ev;
    if (!base_score(sc, w, cls, fa, &q, poss, label, &score, &ev))
        return w->e;
    int before;
    bool sig;
    if (!add_context(sc, w, cls, fa, &q, poss, &score, &ev, &before, &sig))
        return end;
    bool person_ev = person_position(sc, w, cls, fa, &q, poss, &score, &ev);
    if (cls == SC_WORD_NONE)
        pii_record_pair(sc, w, fa, &q, &score, &ev);
    /* round 15: "Raymond James and Wells Fargo" (asked of the names that would be reported) */
    if (not_a_person(sc, w, cls, fa, &q, poss, before, sig, person_ev) ||
        (score >= sc->det->threshold && !sig && before != STRONG && q.nt >= 2 && q.nt <= 3 &&
         pii_firm_list(sc, w->s, end, q.fl[0])))
        pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, w->s, end, 0.0,
                ev | SANCTUM_EV_SUPPRESSED); /* blocks consistency */
    else if (score > 0)
        pii_person_emit(sc, w->s, end, score, ev);
    /* a weak multi-word reading may hide a name that starts at its second word */
    return (q.nt > 1 && score < sc->det->threshold) ? w->e : end;
}

/* The gap between two names that joins them: "and", a comma, "&", "or", or "and" in another language
 * ("Zeynep ve Kerem", "Anna und Jonas", "Оля и Петя"). both: a join that may make two weak names one
 * list ("&" and "or" name firms and choices, "Ben & Jerry's"; a comma joins the parts of an address,
 * "Rue des Lilas, Lyon"). */
static bool joins_names(const uint8_t *g, size_t gl, bool both)
{
    static const char *const AND[] = {"a", "dan", "e", "en", "et", "i", "ja", "na", "og", "och", "und",
                                      "ve", "y", "és", "и", "і", "και", NULL};
    if ((gl == 5 && memcmp(g, " and ", 5) == 0) || (gl == 6 && memcmp(g, ", and ", 6) == 0))
        return true;
    if (!both && ((gl == 3 && (memcmp(g, " & ", 3) == 0 || memcmp(g, " + ", 3) == 0 || memcmp(g, " / ", 3) == 0)) ||
                  (gl == 4 && memcmp(g, " or ", 4) == 0) ||
                  (gl == 2 && memcmp(g, ", ", 2) == 0)))
        return true;
    if (!both && gl >= 6 && gl <= 32 && g[0] == ' ' && g[1] == '(') {
        /* "Priyanka (coding), Dmitri (design)": a short note in brackets after each name of a list */
        const uint8_t *c = memchr(g + 2, ')', gl - 2);
        size_t rest = c == NULL ? 0 : gl - (size_t)(c + 1 - g);
        return c != NULL && memchr(g + 2, '(', (size_t)(c - g) - 2) == NULL &&
               ((rest == 2 && memcmp(c + 1, ", ", 2) == 0) || (rest == 6 && memcmp(c + 1, ", and ", 6) == 0) ||
                (rest == 5 && memcmp(c + 1, " and ", 5) == 0));
    }
    return gl >= 3 && g[0] == ' ' && g[gl - 1] == ' ' && word_in(g + 1, gl - 2, AND);
}

/* A name the coordination may lift: known as a given name or part of a sequence, not a word, not
 * suppressed, and scored 0.5 or more on its own. */
static bool liftable(const pii_cand *c)
{
    return c->score >= 0.5 && !(c->evidence & (SANCTUM_EV_SUPPRESSED | SANCTUM_EV_COMMON_WORD)) &&
           (c->evidence & (SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_NAME_SEQUENCE));
}

/* "Invite Ingrid and Saoirse", "Zoë, Élodie and Tomás": a known given name joined by "and", "&", "or" or
 * a comma to a name that stands on its own is a person too; two known given names so joined that are no
 * words vouch for each other ("Tamar and Giorgi are hosting", "Zeynep ve Kerem"). Runs over the
 * candidates in text order, both ways, before consistency appends its own. */
static void coordination(pii_scan *sc, size_t first_cand)
{
    const uint8_t *s = sc->s;
    double thr = sc->det->threshold, lifted = thr > 0.75 ? thr : 0.75;
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k + 1 < sc->count - first_cand; k++) {
            size_t i = pass == 0 ? first_cand + k : sc->count - 2 - k, j = i + 1;
            pii_cand *a = &sc->c[i], *b = &sc->c[j];
            if (a->type != SANCTUM_ENTITY_PERSON || b->type != SANCTUM_ENTITY_PERSON || b->start < a->end ||
                b->start - a->end > 32)
                continue;
            bool both = a->score < thr && b->score < thr;
            pii_cand *weak = a->score < thr ? a : b, *strong = a->score < thr ? b : a;
            if (both ? !liftable(a) || !liftable(b) || !(a->evidence & b->evidence & SANCTUM_EV_GAZETTEER_FIRST)
                     : weak->score >= thr || !liftable(weak))
                continue;
            if (!joins_names(s + a->end, b->start - a->end, both))
                continue;
            weak->score = lifted;
            weak->evidence |= SANCTUM_EV_CONTEXT_AFTER;
            if (both) {
                strong->score = lifted;
                strong->evidence |= SANCTUM_EV_CONTEXT_AFTER;
            }
        }
}

/* Longer prose (round 11): a capitalized word that starts no name. A closed-class word ("Or", "Januar",
 * "Easter"), an audience noun ("Mitglieder"), an elided article ("Nell'aula"); a greeting word before a
 * capitalized word ("Liebe Roswitha": the greeting is context, the name starts after it); a season's
 * wish with the feast after it ("Joyeux Noël"). Returns where to go on, 0 when w may start a name. */
static size_t prose_word(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, l = w->e - w->s;
    if (l < 2 || l > 30)
        return 0;
    unsigned pk = pii_prose_class(s + w->s, l);
    bool closed = (pk & PII_PROSE_CLOSED) != 0;
    word nx;
    bool cap_next = w->e + 1 < n && s[w->e] == ' ' && next_word(s, n, w->e, &nx) && nx.s == w->e + 1 && nx.cap;
    if (closed && cap_next && pii_feast_day(s + nx.s, nx.e - nx.s))
        return nx.e; /* "Christmas Eve", "Easter Monday" */
    /* a closed-class word the gazetteer knows as a given name, before another known name, is one: "Les
     * Dennis" */
    if (closed && cap_next && (pii_name_flags_at(sc, w->s, w->e) & SC_NAME_FIRST) &&
        (pii_name_flags_at(sc, nx.s, nx.e) & (SC_NAME_FIRST | SC_NAME_LAST)))
        return 0;
    if (closed || (pk & PII_PROSE_AUDIENCE) || pii_elided_article(s, n, w->s, w->e))
        return w->e;
    if (!cap_next)
        return 0;
    if (pk & PII_PROSE_WISH)
        return nx.e;
    if (!(pk & PII_PROSE_GREETING))
        return 0;
    if (!(pii_name_flags_at(sc, w->s, w->e) & SC_NAME_FIRST))
        return w->e;
    /* a greeting that is also a given name stays one before a family name ("Selam Tesfaye") or after a
     * label ("From: Ola Nordmann") */
    bool unk;
    return (pii_name_flags_at(sc, nx.s, nx.e) & SC_NAME_LAST) || pii_context_before(sc, w->s, &unk) == STRONG ? 0 : w->e;
}

void pii_rec_person(pii_scan *sc)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t first_cand = sc->count;
    sc->pre_person = first_cand;
    walk k = {0, 0, 0};
    word w;
    for (;;) {
        pii_skip_plain_lower(sc, &k);
        if (!next_word(s, n, k.p, &w))
            break;
        k.p = w.e;
        if (sc->oom)
            return;
        size_t wl = w.e - w.s;
        if ((!w.lower && w.s >= 8 && (s[w.s - 1] == '{' || s[w.s - 1] == '"')) ||
            (wl == 2 && w.allcaps && w.e + 4 < n && s[w.e] == ' ' && s[w.e + 1] == ' ')) {
            size_t be = pii_bib_author(sc, &w); /* "author = {Okoro, Chidi and ...}", "AU  - Haugland, Sigrid" */
            if (be > 0) {
                k.p = be;
                continue;
            }
        }
        if (w.lower && s[w.s] >= 0x80) {
            k.prev_s = w.s;
            k.prev_e = w.e;
            if (pii_nonascii_title(s + w.s, wl))
                k.p = pii_title_name(sc, &w); /* "господин Кузнецов" */
            else if (pii_uncased_script(s + w.s, wl)) {
                size_t ie = pii_intro_name(sc, w.s, w.e); /* "أنا ...", "मेरा नाम ...": person_intro.c */
                k.p = ie > 0 ? ie : pii_uncased_name(sc, w.s, w.e); /* Hebrew, Arabic, Devanagari, Georgian */
            }
            continue;
        }
        if (w.lower) {
            if (pii_chat_frame_gate(s, n, w.s, w.e, false))
                pii_chat_frame_word(sc, &w); /* "it's uh beatriz", "c'est Gaëlle", "doña Remedios" */
            if (w.possessive)
                pii_informal_possessive(sc, w.s, w.e); /* "tanvi's mom": person_lower_frames.c */
            /* lower-case names only right after a trigger word ("name is", "hi", "my wife") */
            bool trig = wl >= 2 && k.prev_e > k.prev_s && w.s - k.prev_e <= 2 &&
                        pii_lower_trigger(s + k.prev_s, k.prev_e - k.prev_s);
            k.prev_s = w.s;
            k.prev_e = w.e;
            if (trig)
                k.p = pii_lower_name(sc, &w);
            continue;
        }
        k.prev_s = w.s;
        k.prev_e = w.e;
        if (s[w.s] == 'N' && (wl == 1 || (wl == 4 && w.allcaps))) {
            size_t fe = wl == 1 ? pii_vcard_name(sc, w.s) : pii_gedcom_name(sc, w.s); /* "N:Mwangi;Grace;;;" */
            if (fe > 0) {
                k.p = fe;
                continue;
            }
        }
        if (pii_chat_frame_gate(s, n, w.s, w.e, true))
            pii_chat_frame_word(sc, &w); /* "Kwame [9:02 AM]:", "Who: ...", "Tamsin, 31,", "Maître X" */
        if (w.e + 1 < n && s[w.e] == '<' && (wl == 1 || w.allcaps)) {
            size_t me = pii_mrz_name(sc, &w); /* "P<UTOERIKSSON<<ANNA<MARIA<<<" */
            if (me > 0) {
                k.p = me;
                continue;
            }
        }
        if (w.e + 3 < n && s[w.e] == ' ' && (s[w.e + 1] == 'v' || s[w.e + 1] == 'r') && (w.cap || wl == 1)) {
            size_t ce = s[w.e + 1] == 'v' ? pii_case_caption(sc, &w)
                                           : (pii_word_eq(s + w.s, wl, "in") ? pii_in_re(sc, &w) : 0);
            if (ce > 0) {
                k.p = ce;
                continue;
            }
        }
        if (w.cap && w.e + 3 < n && pii_author_year_shape(s, n, w.e)) {
            size_t ae = pii_author_year(sc, &w); /* "Lindahl et al.", "As Marchetti (2017) argues" */
            if (ae > 0) {
                k.p = ae;
                continue;
            }
        }
        if ((wl == 1 && pii_is_upper(s[w.s]) && w.e + 2 < n && s[w.e] == '.') ||
            (w.cap && pii_initials_shape(s, n, w.e))) {
            size_t ie = pii_initials_name(sc, &w); /* "J. Okafor", "Varga, Z.", "Mendes, Carla" */
            if (ie > 0) {
                k.p = ie;
                continue;
            }
        }
        if (wl == 1 && s[w.s] == 'M' && w.e + 2 < n && s[w.e] == '.' && s[w.e + 1] == ' ') {
            k.p = pii_title_name(sc, &w); /* "M. Dupont" */
            continue;
        }
        if (w.allcaps && w.e < n && s[w.e] == '/') {
            k.p = pii_airline_name(sc, &w);
            continue;
        }
        if (!w.cap && !w.allcaps)
            continue;
        size_t rl = s[w.s] >= 0xD0 ? pii_script_role_label(sc, w.s, w.e) : 0; /* "Курьер: Дмитрий" */
        if (rl > 0) {
            k.p = rl;
            continue;
        }
        size_t spk = w.allcaps && (w.s == 0 || s[w.s - 1] == '\n') ? pii_caps_speaker(sc, &w) : 0;
        if (spk > 0) {
            k.p = spk; /* "CHAIR OKONJO:", "MR. HALVERSON:" */
            continue;
        }
        if (w.cap && w.e + 2 < n && s[w.e] == ' ' && (pii_is_upper(s[w.e + 1]) || s[w.e + 1] >= 0xC3) &&
            pii_office_shape(s, w.s, w.e)) {
            size_t oe = pii_office_name(sc, &w); /* "Mayor Oduya said", "Detective Inspector Narang" */
            if (oe > 0) {
                k.p = oe;
                continue;
            }
        }
        size_t fam = w.allcaps ? pii_caps_family_first(sc, &w) : 0;
        if (fam > 0) {
            k.p = fam;
            continue;
        }
        size_t hon = w.cap ? pii_suffix_honorific(s, w.s, w.e) : 0;
        if (hon > 0) {
            /* "Tanaka-san", "Yamada-sensei" */
            int hc = pii_word_class_at(sc, w.s, hon);
            const char *why;
            if (hc != SC_WORD_STOP && hc != SC_WORD_TECH_NOUN && !pii_in_code(sc, w.s, hon, &why))
                pii_person_emit(sc, w.s, hon, 0.85, SANCTUM_EV_TITLE | SANCTUM_EV_FORMAT_WEAK);
            continue;
        }
        size_t kr = w.cap ? pii_korean_name(sc, &w) : 0;
        if (kr > 0) {
            k.p = kr;
            continue;
        }
        int cls = pii_word_class_at(sc, w.s, w.e);
        if (cls == SC_WORD_NONE && pii_software_name(s + w.s, wl))
            cls = SC_WORD_SOFTWARE;
        if (cls == SC_WORD_STOP || cls == SC_WORD_ORG_NEXT || cls == SC_WORD_TECH_NOUN)
            continue;
        if ((cls == SC_WORD_TITLE || (s[w.s] >= 0x80 && pii_script_title(s, n, w.s, w.e))) && w.cap) {
            k.p = pii_title_name(sc, &w);
            continue;
        }
        if (w.cap) {
            size_t pe = prose_word(sc, &w); /* after the titles: "Уважаемая Ольга" is a title's frame */
            if (pe > 0) {
                k.p = pe;
                continue;
            }
        }
        if (!pii_name_shaped(sc, &w, true))
            continue;
        k.p = cap_name(sc, &w, cls);
    }
    if (!sc->oom)
        pii_chat_frames(sc, first_cand); /* speaker labels, voicemails, kin titles; roles and rooms */
    if (!sc->oom)
        coordination(sc, first_cand);
    if (!sc->oom)
        pii_parallel_items(sc, first_cand);
    if (!sc->oom)
        pii_contact_owner(sc, first_cand);
    if (!sc->oom)
        pii_contact_number(sc, first_cand); /* "Frau Brigitte Lange (030 5557 2190)" */
    if (!sc->oom)
        pii_pronoun_takes_up(sc, first_cand);
    if (!sc->oom)
        pii_affiliation(sc, first_cand);
    if (!sc->oom)
        pii_trailing_initial(sc, first_cand);
    if (!sc->oom)
        pii_consistency(sc, first_cand); /* needs the candidates in text order: the CJK pass comes after */
    if (!sc->oom && sc->first_high < n)
        pii_cjk_honorifics(sc); /* its honorifics are CJK: none in ASCII text */
    if (!sc->oom)
        pii_cjk_names(sc);
    if (!sc->oom)
        pii_bio_leads(sc); /* "林淑芬（1967年生）", "김민정(1983년 출생)", "अनीता देशपांडे (जन्म 1969)" */
    if (!sc->oom && sc->first_high < n)
        pii_script_signatures(sc); /* "此致\n刘海洋", "مع التحية،\nرانيا الخطيب" */
    if (!sc->oom)
        pii_reply_attributions(sc); /* "Le 5 nov. 2026 à 09:12, Gaëlle a écrit :" */
    if (!sc->oom && sc->first_high < n)
        pii_cjk_time_speakers(sc); /* "21:04\t佐藤 美咲\t", "08:31 刘婷：" */
    if (!sc->oom && sc->first_high < n)
        pii_ja_intro(sc);
}
