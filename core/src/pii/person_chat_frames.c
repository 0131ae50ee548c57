/* PERSON, round 11 (Latin script): the frames of chat exports, transcripts and voicemails that name a
 * person, and the ones that look like them but name a role, a room, a place or a product.
 *  - speaker labels ("Kwame [9:02 AM]:", "LEILANI: okay", "done / Ilse: not yet") and a name addressed right
 *    after one ("Svetlana: Ingrid, can you ...");
 *  - spoken self-introductions, with fillers and in lower case ("hey it's um ottilie", "c'est Margaux",
 *    "soy Ximena", "sono Ludovica", "hier ist Henrike", "seo Caoimhe");
 *  - titles and kin words before a lone name ("don Anselmo", "Maître Vautrin-Lacombe", "Savta Miriam",
 *    "Big Emeka", "little Anouk", "mrs adeyemi");
 *  - what is none: role labels ("Host:", "Interviewer:"), a kin word alone ("Tell Oma"), a title alone
 *    ("Dr"), rooms named after people ("Conference Room Darwin"), JSON values under a place or product key.
 * One pass over the words, each tested by its first byte and length before any look-up; every look
 * around a word is bounded (a line's first 48 bytes, the next four words). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "person.h"
#include "pii.h"

/* Labels of speakers that are roles, not names (transcripts, call centres, interviews, podcasts). */
bool pii_role_label(const uint8_t *w, size_t n)
{
    static const char *const ROLE[] = {
        "agent",        "agente",      "anrufer",      "assistant",   "bot",          "caller",
        "client",       "cliente",      "co-host",      "cohost",      "customer",     "entrevistada",
        "entrevistado", "entrevistador", "entrevistadora", "guest",   "host",         "interviewee",
        "interviewer",  "intervieweur", "interviewé", "intervistatore", "invitado",  "kunde",
        "moderador",    "moderator",   "narrator",     "operator",    "participant",  "presenter",
        "respondent",   "speaker",     "support",      "system",      "user",         NULL};
    return n >= 3 && n <= 16 && WORD_IN_SORTED(w, n, ROLE);
}

/* Kin words that are no name on their own ("Tell Oma", "ruf Opa an"); before a name they are a title. */
static bool kin_word(const uint8_t *w, size_t n)
{
    /* round 15: the words for a parent that the gazetteer holds as given names ("Maman", "Mami", "Papá",
     * "Mãe", "Baba", "Abba"), sorted by bytes (UTF-8 after ASCII) */
    static const char *const KIN[] = {"abuela", "abuelita", "abuelito", "abuelo", "babcia", "bubbe", "dziadek",
                                      "farfar", "farmor", "morfar", "mormor", "nonna", "nonno", "oma", "omi",
                                      "opa", "opi", "savta", "yiayia", "zayde", NULL};
    return n >= 3 && n <= 8 && WORD_IN_SORTED(w, n, KIN);
}

/* Round 15: a word for a parent that the gazetteer holds as a given name ("Maman", "Mami", "Papá", "Mãe",
 * "Baba", "Abba"), sorted by bytes (UTF-8 after ASCII); alone it names no one, before a family name it may
 * be one ("Abba Eban"), so it is no kin title. */
static bool parent_word(const uint8_t *w, size_t n)
{
    static const char *const P[] = {"abba", "amma", "appa", "baba", "mama", "maman", "mami", "mamma",
                                    "mam\xc3\xa1", "mam\xc3\xa3" "e", "m\xc3\xa3" "e", "papa", "papai", "papi",
                                    "pap\xc3\xa1", NULL};
    return n >= 3 && n <= 6 && WORD_IN_SORTED(w, n, P);
}

/* Kin titles of other languages before a given name ("Tita Marites", "Kuya Jun", "Auntie Folake"). */
static bool kin_title(const uint8_t *w, size_t n)
{
    static const char *const T[] = {"ate", "auntie", "aunty", "kuya", "tita", "tito", NULL};
    return n >= 3 && n <= 6 && WORD_IN_SORTED(w, n, T);
}

/* Titles written alone that are never a name ("Dr", "Prof"). */
static bool bare_title(const uint8_t *w, size_t n)
{
    static const char *const T[] = {"dott", "dr", "drs", "mr", "mrs", "ms", "prof", "sr", "sra", NULL};
    return n >= 2 && n <= 4 && WORD_IN_SORTED(w, n, T);
}

/* A room word that names a room after the name that follows it ("Room Hopper", "Salle Curie"). */
static bool room_word(const uint8_t *w, size_t n)
{
    static const char *const R[] = {"auditorium", "aula", "booth", "raum", "room", "sala", "salle", "suite",
                                    "zaal", NULL};
    return n >= 4 && n <= 10 && WORD_IN_SORTED(w, n, R);
}

/* JSON keys whose value is a place or a product, never a person (for "to"/"from" only a place). */
static int json_thing_key(const uint8_t *w, size_t n)
{
    static const char *const PLACE[] = {"airport", "arrival", "city", "departure", "dest", "destination",
                                        "location", "origin", "place", "route", "station", "town", "venue",
                                        NULL};
    static const char *const PRODUCT[] = {"brand", "item", "model", "product", "sku", "title", NULL};
    if (n < 2 || n > 11)
        return 0;
    if (WORD_IN_SORTED(w, n, PLACE) || WORD_IN_SORTED(w, n, PRODUCT))
        return 2;
    return (pii_word_eq(w, n, "to") || pii_word_eq(w, n, "from") || pii_word_eq(w, n, "via")) ? 1 : 0;
}

/* A place by the lists: a place-name (one word or each part of "Austin-Dallas"). */
static bool place_like(const uint8_t *s, size_t a, size_t b)
{
    for (size_t i = a; i <= b; i++) {
        if (i < b && s[i] != '-')
            continue;
        if (i > a && !(sc_place_lookup(s + a, i - a) || sc_word_class(s + a, i - a) == SC_WORD_PLACE ||
                       (pii_name_flags(s, a, i) & SC_NAME_PLACE)))
            return false;
        a = i + 1;
    }
    return true;
}

/* The candidate [a, b) is the string value of a JSON key naming a place or a product. */
static bool json_thing_value(const uint8_t *s, size_t a, size_t b)
{
    size_t lo = a > 80 ? a - 80 : 0;
    if (a == 0 || memchr(s + lo, '"', a - lo) == NULL)
        return false; /* no JSON string around (memchr: the common case costs little) */
    size_t v = a;
    while (v > 0 && a - v < 80 && s[v - 1] != '"' && s[v - 1] != '\n')
        v--; /* the value may hold more than the name: "Ben & Jerry's Cherry Garcia" */
    if (v < 6 || s[v - 1] != '"')
        return false;
    size_t q = v - 1;
    while (q > 0 && v - q < 4 && s[q - 1] == ' ')
        q--;
    if (q < 3 || s[q - 1] != ':' || s[q - 2] != '"')
        return false;
    size_t ke = q - 2, ks = ke;
    while (ks > 0 && ke - ks < 12 && (pii_is_alpha(s[ks - 1]) || s[ks - 1] == '_'))
        ks--;
    if (ks == 0 || s[ks - 1] != '"')
        return false;
    int k = json_thing_key(s + ks, ke - ks);
    return k == 2 || (k == 1 && place_like(s, a, b));
}

/* ", 29, " (an age between commas) ends at p: returns where it starts, or 0. */
static size_t age_before(const uint8_t *s, size_t p)
{
    if (p < 6 || s[p - 1] != ' ' || s[p - 2] != ',')
        return 0;
    size_t q = p - 2, d = 0;
    while (q > 0 && d < 3 && pii_is_digit(s[q - 1]))
        q--, d++;
    return (d >= 1 && q >= 2 && s[q - 1] == ' ' && s[q - 2] == ',') ? q - 2 : 0;
}

/* After a name, ", 29, " (and "of"/"from"): the age of a dating bio or a news report. Returns the end. */
static size_t age_after(const uint8_t *s, size_t n, size_t e)
{
    size_t q = e + 2, d = 0;
    if (q >= n || s[e] != ',' || s[e + 1] != ' ')
        return 0;
    while (q < n && d < 3 && pii_is_digit(s[q]))
        q++, d++;
    return (d >= 1 && q + 1 < n && s[q] == ',' && s[q + 1] == ' ' && (q + 2 >= n || !pii_is_digit(s[q + 2]))) ? q + 2
                                                                                                            : 0;
}

/* Step 1: candidates the frames say are no person. */
static bool not_person(const pii_scan *sc, const pii_cand *c)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, a = c->start, b = c->end, ws, we;
    size_t fe = a;
    while (fe < b && s[fe] != ' ')
        fe++;
    bool one = fe == b;
    /* the lists by their first letters: kin words (a b d f m n o s y z), bare titles (d m p s), rooms (a b r
     * s z) */
    uint32_t bit = 1u << ((s[a] | 0x20) & 31);
    if (one && (bit & 0x0609E056u) && (kin_word(s + a, b - a) || bare_title(s + a, b - a) || parent_word(s + a, b - a)))
        return true; /* "Tell Oma", "Herr Dr.", "Maman," */
    if (one && pii_saint_prefix_dot(s, a))
        return true; /* "St. Augustine" */
    if (one && b < n && s[b] == ':' && pii_role_label(s + a, b - a))
        return true; /* "Host: welcome" */
    if ((bit & 0x040C0006u) && room_word(s + a, fe - a))
        return true; /* "Salle Curie" */
    if (a >= 2 && s[a - 1] == ' ' && prev_word(s, a, 1, &ws, &we)) {
        if (pii_is_upper(s[ws]) && ((1u << ((s[ws] | 0x20) & 31)) & 0x040C0006u) && room_word(s + ws, we - ws))
            return true; /* "Conference Room Darwin" */
        /* "Gareth Pryce, 54, of Swansea": the place after an age */
        if ((pii_word_eq(s + ws, we - ws, "of") || pii_word_eq(s + ws, we - ws, "from")) && age_before(s, ws) != 0 &&
            place_like(s, a, fe))
            return true;
    }
    /* a room's field of an invite: "Room: Brunel (3F)", "Meeting room: Franklin", "Salle : Curie"; not the
     * owner of a room ("Room: Maria's office") */
    if (a >= 3 && (s[a - 2] == ':' || (s[a - 2] == ' ' && s[a - 3] == ':')) && s[a - 1] == ' ' &&
        !(b < n && (s[b] == '\'' || s[b] == 0xE2)) && prev_word(s, a, 3, &ws, &we) &&
        ((1u << ((s[ws] | 0x20) & 31)) & 0x040C0006u) && room_word(s + ws, we - ws))
        return true;
    if (age_before(s, a) != 0 && place_like(s, a, fe))
        return true; /* "Ngaio, 29, Wellington" */
    if (b - a == 3 && pii_word_eq(s + a, 3, "ben") && a >= 4 && memcmp(s + a - 4, "Big ", 4) == 0)
        return true; /* "Big Ben" is the clock */
    /* round 15: a bot ("Karma Bot:", "Nora, your virtual assistant"), a sender label of another language
     * ("Dari: Shopee"), the name of a pet's or a product's JSON object */
    if (c->score >= sc->det->threshold &&
        (pii_bot_name(sc, a, b, one) || (one && pii_mail_sender_label(sc, a, b)) || pii_json_thing_name(sc, a, b)))
        return true; /* asked of the candidates that would be reported: the others stay below */
    if (pii_toast_phrase(sc, a, b))
        return true; /* "Tere, Kadri!": asked of every candidate, coordination would raise a low one */
    return json_thing_value(s, a, b);
}

/* Bounded look back from p over spaces and tabs to the byte before them (0 when at the text start). */
static size_t before_spaces(const uint8_t *s, size_t p)
{
    size_t lim = p > 8 ? p - 8 : 0;
    while (p > lim && (s[p - 1] == ' ' || s[p - 1] == '\t'))
        p--;
    return p;
}

/* WhatsApp's export "12/9/26, 6:05 PM - " / "09.11.26, 21:14 - ": the " - " at d ends a time (digits or
 * AM/PM) that opens its line with a date, at most 28 bytes back (round 15). */
static bool whatsapp_dash(const uint8_t *s, size_t d)
{
    if (d < 8 || s[d - 1] != ' ' || !(pii_is_digit(s[d - 2]) || s[d - 2] == 'M' || s[d - 2] == 'm'))
        return false;
    size_t r = d - 1, colons = 0, commas = 0;
    while (r > 0 && d - r < 28 && s[r - 1] != '\n') {
        uint8_t c = s[r - 1];
        if (!(pii_is_digit(c) || c == ':' || c == ',' || c == '/' || c == '.' || c == ' ' || c == '[' ||
              pii_in_chars("APMapm", c)))
            return false;
        colons += c == ':';
        commas += c == ',';
        r--;
    }
    return (r == 0 || s[r - 1] == '\n') && colons >= 1 && commas == 1;
}

/* A speaker label may start at p: a line start, after a timestamp's ']', after " / " or "| " between two
 * turns, after the sentence end of a turn ("joined. Caspian:"), or after a platform prefix that opens its
 * line ("Discord export: Marisol:", "transcript: JONAH:"), or after WhatsApp's "date, time - ". */
static bool label_position(const uint8_t *s, size_t p)
{
    size_t q = before_spaces(s, p);
    if (q == 0 || s[q - 1] == '\n' || s[q - 1] == '\r')
        return true;
    if (q == p)
        return false;
    uint8_t c = s[q - 1];
    if (c == ']' || c == '/' || c == '|' || c == '.' || c == '!' || c == '?')
        return true;
    if (c == '-')
        return whatsapp_dash(s, q - 1);
    if (c != ':')
        return false;
    /* a prefix of at most 40 bytes from the line start, with no other colon */
    size_t r = q - 1;
    while (r > 0 && q - r < 40 && s[r - 1] != '\n' && s[r - 1] != ':')
        r--;
    return r == 0 || s[r - 1] == '\n';
}

/* Mail and form header fields, which a name may share ("Von:", "De:", "Para:"). */
static bool header_field(const uint8_t *w, size_t n)
{
    static const char *const H[] = {"an", "bcc", "cc", "da", "date", "datum", "de", "from", "para", "re", "to",
                                    "von", NULL};
    return n <= 5 && WORD_IN_SORTED(w, n, H);
}

/* After the name at e: ':' + a space (or the line end), or " [7:16 PM]:" / " (10:02):". Returns the
 * position after the colon, or 0. */
static size_t label_colon(const uint8_t *s, size_t n, size_t e)
{
    if (e + 1 < n && s[e] == ':' && (s[e + 1] == ' ' || s[e + 1] == '\n'))
        return e + 1;
    if (e + 4 < n && s[e] == ' ' && (s[e + 1] == '[' || s[e + 1] == '(')) {
        uint8_t close = s[e + 1] == '[' ? ']' : ')';
        size_t i = e + 2, digits = 0;
        while (i < n && i - e < 16 && s[i] != close) {
            if (!(pii_is_digit(s[i]) || s[i] == ':' || s[i] == ' ' || s[i] == '.' || pii_in_chars("APMapm", s[i])))
                return 0;
            digits += pii_is_digit(s[i]);
            i++;
        }
        if (digits >= 3 && i + 2 < n && s[i] == close && s[i + 1] == ':' && s[i + 2] == ' ')
            return i + 2;
    }
    return 0;
}

/* A given name the lists hold that is no word, place or software: the only names a frame alone vouches
 * for. */
static bool clean_given(const pii_scan *sc, size_t a, size_t b)
{
    const uint8_t *s = sc->s;
    if (b - a < 3)
        return false;
    unsigned f = pii_name_flags(s, a, b);
    const char *why;
    return (f & SC_NAME_FIRST) && !(f & (SC_NAME_WORD | SC_NAME_PLACE)) && !sc_place_lookup(s + a, b - a) &&
           sc_word_class(s + a, b - a) == SC_WORD_NONE && !pii_software_name(s + a, b - a) &&
           !pii_chat_word(s + a, b - a) && !pii_in_code(sc, a, b, &why);
}

/* The rest of a capitalized name after the word ending at e: up to three capitalized words that are no
 * everyday word (a family name the lists hold may be one), particles between them, Irish ones capitalized
 * ("Martín Echeverría", "Hélène Dufresne-Leclerc", "Joost van Oordt", "Pádraig Ó Súilleabháin"). Returns the new
 * end. */
static size_t rest_of_name(const pii_scan *sc, size_t e)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, end = e, at = e;
    word b;
    for (unsigned k = 0; k < 3 && next_word(s, n, at, &b) && joins(s, at, b.s, false); k++) {
        if ((b.lower && pii_particle(s + b.s, b.e - b.s)) ||
            (b.e - b.s <= 4 && word_in(s + b.s, b.e - b.s, (const char *const[]){"Ó", "Ní", "Nic", "Mac", "Uí", NULL}))) {
            at = b.e;
            continue;
        }
        unsigned f = pii_name_flags(s, b.s, b.e);
        if (!b.cap || b.camel || sc_word_class(s + b.s, b.e - b.s) != SC_WORD_NONE ||
            ((f & SC_NAME_WORD) && !(f & SC_NAME_LAST)) || (f & SC_NAME_PLACE) || sc_place_lookup(s + b.s, b.e - b.s))
            break;
        end = at = b.e;
        if (b.possessive)
            break;
    }
    return end;
}

static void emit(pii_scan *sc, size_t a, size_t b, double score, uint32_t ev)
{
    pii_person_emit(sc, a, b, score, ev | SANCTUM_EV_GAZETTEER_FIRST);
}

/* "Kwame [9:02 AM]: ...", "LEILANI: okay", then "Svetlana: Ingrid, can you ...". */
static void speaker_label(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t after = label_colon(s, n, w->e);
    if (after == 0 || !label_position(s, w->s) || header_field(s + w->s, w->e - w->s) ||
        pii_mail_field_name(sc, w->s, w->e))
        return;
    /* a quoted sample after a language ("Swahili: \"Mkataba ...\"") is no turn of speech */
    if (after + 1 < n && (s[after + 1] == '"' || s[after + 1] == 0xC2 || s[after + 1] == 0xE2))
        return;
    bool named = clean_given(sc, w->s, w->e);
    if (named)
        emit(sc, w->s, w->e, 0.8, SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_FORMAT_WEAK);
    size_t pb = before_spaces(s, w->s);
    if (!named && !(pb > 0 && s[pb - 1] == ']'))
        return; /* "Hurricanes: Andrew, Sandy": a name is addressed only by a speaker */
    /* a name addressed right after the label: "Ulrike: Jens, ruf ..." */
    word v;
    if (after < n && s[after] == ' ' && next_word(s, n, after, &v) && v.s == after + 1 && v.cap && v.e + 1 < n &&
        (s[v.e] == ',' || s[v.e] == '!') && clean_given(sc, v.s, v.e))
        emit(sc, v.s, v.e, 0.8, SANCTUM_EV_CONTEXT_BEFORE);
}

/* "Tamsin, 31, Dunedin.": a given name (or a capitalized word opening a bio or a line) before an age
 * between commas. */
static void aged_name(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    if (age_after(s, sc->n, w->e) == 0)
        return;
    unsigned f = pii_name_flags(s, w->s, w->e);
    const char *why;
    bool opens = label_position(s, w->s);
    if (clean_given(sc, w->s, w->e) ||
        (opens && !w->camel && !(f & (SC_NAME_WORD | SC_NAME_PLACE)) && sc_word_class(s + w->s, w->e - w->s) == SC_WORD_NONE &&
         !sc_place_lookup(s + w->s, w->e - w->s) && !pii_in_code(sc, w->s, w->e, &why)))
        emit(sc, w->s, w->e, 0.8, SANCTUM_EV_CONTEXT_AFTER);
}

/* Labels of a list of people in invites, minutes and sign-up sheets. */
static bool list_label(const uint8_t *w, size_t n)
{
    static const char *const L[] = {"asistentes", "attendees", "deelnemers", "deltagare", "gasten", "guests",
                                    "invitados", "invitees", "invités", "ospiti", "partecipanti",
                                    "participantes", "participants", "teilnehmende", "teilnehmer", "uczestnicy",
                                    "who", NULL};
    return n >= 3 && n <= 13 && WORD_IN_SORTED(w, n, L);
}

/* One word of an unknown item: capitalized, no class, no word the lists hold, no plural ("Leads"). */
static bool unknown_part(const pii_scan *sc, const word *b)
{
    const uint8_t *s = sc->s;
    return b->cap && !b->camel && b->e - b->s >= 3 && s[b->e - 1] != 's' && pii_name_flags(s, b->s, b->e) == 0 &&
           sc_word_class(s + b->s, b->e - b->s) == SC_WORD_NONE && !sc_place_lookup(s + b->s, b->e - b->s);
}

/* The separator of two items of a list of names at p: ", ", " and ", " & ", " / " and "and" of other
 * languages; its length, 0 when none. */
static size_t item_sep(const uint8_t *s, size_t n, size_t p)
{
    static const char *const AND[] = {" and ", " und ", " y ", " et ", " e ", " en ", " og ", " och ", " i ",
                                      " & ", " / ", ", ", NULL};
    for (size_t k = 0; AND[k] != NULL; k++) {
        size_t l = strlen(AND[k]);
        if (p + l <= n && memcmp(s + p, AND[k], l) == 0)
            return l;
    }
    return 0;
}

/* "Who: Aroha Ngata, Mereana Walker, Josh", "1:1 Ottilie / Bartholomew": the items after a list label (at
 * most eight, on one line). An item of a given name the lists hold, or of capitalized words one of which
 * the lists hold as a name, is a person; an item of words the lists lack only in a list with such a name. */
static void list_items(pii_scan *sc, size_t p)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t it[8][2];
    bool known[8];
    size_t ni = 0, any_known = 0;
    while (ni < 8) {
        word b;
        if (!next_word(s, n, p, &b) || b.s != p || !b.cap)
            break;
        size_t a = b.s, e = b.e, words = 1;
        bool kn = clean_given(sc, b.s, b.e), unk = unknown_part(sc, &b), named_part = false;
        unsigned f0 = pii_name_flags(s, b.s, b.e);
        named_part = (f0 & (SC_NAME_FIRST | SC_NAME_LAST)) && !(f0 & SC_NAME_WORD);
        bool ok = kn || unk || named_part;
        word c;
        while (ok && words < 4 && next_word(s, n, e, &c) && joins(s, e, c.s, false)) {
            if (c.lower && pii_particle(s + c.s, c.e - c.s)) {
                e = c.e;
                continue;
            }
            unsigned fc = pii_name_flags(s, c.s, c.e);
            bool cnamed = c.cap && (fc & (SC_NAME_FIRST | SC_NAME_LAST)) && (!(fc & SC_NAME_WORD) || (fc & SC_NAME_LAST)) &&
                          sc_word_class(s + c.s, c.e - c.s) == SC_WORD_NONE;
            if (!cnamed && !unknown_part(sc, &c))
                break;
            named_part = named_part || cnamed;
            e = c.e;
            words++;
        }
        if (!ok || (words > 1 && !named_part && !unk))
            break;
        it[ni][0] = a;
        it[ni][1] = e;
        known[ni] = (words == 1 && kn) || (words > 1 && named_part);
        any_known += known[ni];
        ni++;
        size_t l = item_sep(s, n, e);
        if (l == 0)
            break;
        p = e + l;
    }
    if (ni < 2 || any_known == 0)
        return;
    const char *why;
    for (size_t i = 0; i < ni; i++) {
        size_t a = it[i][0], e = it[i][1];
        bool multi = memchr(s + a, ' ', e - a) != NULL;
        if ((known[i] || multi) && !pii_in_code(sc, a, e, &why))
            emit(sc, a, e, 0.8, SANCTUM_EV_CONTEXT_BEFORE);
    }
}

/* Fillers of speech between a frame and the name: "it's uh beatriz", "c'est euh Margaux". */
static bool filler(const uint8_t *w, size_t n)
{
    static const char *const F[] = {"ah", "eh", "ehm", "er", "erm", "euh", "hm", "uh", "uhm", "um", "umm", NULL};
    return n >= 2 && n <= 4 && WORD_IN_SORTED(w, n, F);
}

/* A lower-case family name the lists hold that is no word: "priyanka venkataraman". */
static bool lower_family(const uint8_t *s, size_t a, size_t b)
{
    unsigned f = pii_name_flags(s, a, b);
    return b - a >= 3 && pii_is_lower(s[a]) && (f & SC_NAME_LAST) && !(f & SC_NAME_WORD) &&
           sc_word_class(s + a, b - a) == SC_WORD_NONE && !pii_chat_word(s + a, b - a);
}

/* The name after a self-introduction ending at p: fillers skipped, then a known given name (in any case)
 * that is no word, or a word-like one followed by "from"; then its known family name. */
static void spoken_intro(pii_scan *sc, size_t p)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    word w;
    for (unsigned k = 0;; k++) {
        if (k > 2 || !next_word(s, n, p, &w) || w.s - p > 5)
            return;
        for (size_t i = p; i < w.s; i++)
            if (s[i] != ' ' && s[i] != ',' && s[i] != '.')
                return;
        if (!filler(s + w.s, w.e - w.s))
            break;
        p = w.e;
    }
    if (w.allcaps || w.camel || w.e - w.s < 3)
        return;
    unsigned f = pii_name_flags(s, w.s, w.e);
    const char *why;
    if (!(f & SC_NAME_FIRST) || sc_word_class(s + w.s, w.e - w.s) == SC_WORD_STOP || pii_in_code(sc, w.s, w.e, &why))
        return;
    word nx;
    bool has_nx = next_word(s, n, w.e, &nx) && nx.s == w.e + 1 && s[w.e] == ' ';
    bool from = has_nx && pii_word_eq(s + nx.s, nx.e - nx.s, "from");
    /* in lower case, only where the phrase ends or a word of self-introduction follows ("hier ist der
     * Rundfunk": an article before a noun) */
    if (w.lower && !(pii_phrase_end_at(s, n, w.e) || pii_intro_follow(s, n, w.e) ||
                     (has_nx && (filler(s + nx.s, nx.e - nx.s) || lower_family(s, nx.s, nx.e)))))
        return;
    int cls = sc_word_class(s + w.s, w.e - w.s);
    /* "it's Autumn from the gym", "it's River from last night" (a word that ends place names, also a given
     * name) are someone; "it's June already" is not */
    if (from ? ((f & SC_NAME_PLACE) || (cls != SC_WORD_NONE && cls != SC_WORD_AMBIGUOUS && cls != SC_WORD_ORG_NEXT))
             : !clean_given(sc, w.s, w.e))
        return;
    size_t end = w.cap ? rest_of_name(sc, w.e) : w.e;
    if (has_nx && !from && nx.lower && w.lower && lower_family(s, nx.s, nx.e))
        end = nx.e;
    emit(sc, w.s, end, 0.8, SANCTUM_EV_CONTEXT_BEFORE);
}

/* A title or kin word before a lone name: "don Anselmo", "Maître Vautrin-Lacombe" (strong: any capitalized
 * word that is no everyday word), "Big Emeka", "little Anouk", "Savta Miriam" (a clean given name). */
static void title_before(pii_scan *sc, const word *t, bool strong)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    word w;
    if (!next_word(s, n, t->e, &w) || w.s != t->e + 1 || s[t->e] != ' ' || !w.cap || w.camel)
        return;
    unsigned f = pii_name_flags(s, w.s, w.e);
    int cls = sc_word_class(s + w.s, w.e - w.s);
    const char *why;
    bool ok = clean_given(sc, w.s, w.e) ||
              (strong && w.e - w.s >= 3 && cls == SC_WORD_NONE && !(f & (SC_NAME_WORD | SC_NAME_PLACE)) &&
               !pii_in_code(sc, w.s, w.e, &why));
    if (!ok)
        return;
    /* "Big Ben" is the clock */
    if (pii_word_eq(s + t->s, t->e - t->s, "big") && pii_word_eq(s + w.s, w.e - w.s, "ben"))
        return;
    emit(sc, w.s, w.possessive ? w.e : rest_of_name(sc, w.e), strong ? 0.85 : 0.8, SANCTUM_EV_TITLE);
}

/* "mrs adeyemi", "doctor priyanka venkataraman": a lower-case title, then a lower-case name the lists
 * hold that is no word (and its family name). */
static void lower_title(pii_scan *sc, const word *t)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    word w;
    if (!next_word(s, n, t->e, &w) || w.s != t->e + 1 || s[t->e] != ' ' || !w.lower || w.e - w.s < 3)
        return;
    unsigned f = pii_name_flags(s, w.s, w.e);
    const char *why;
    if (!(f & (SC_NAME_FIRST | SC_NAME_LAST)) || (f & SC_NAME_WORD) || sc_word_class(s + w.s, w.e - w.s) != SC_WORD_NONE ||
        pii_chat_word(s + w.s, w.e - w.s) || pii_in_code(sc, w.s, w.e, &why))
        return;
    size_t end = w.e;
    word nx;
    if (next_word(s, n, w.e, &nx) && nx.s == w.e + 1 && s[w.e] == ' ' && lower_family(s, nx.s, nx.e))
        end = nx.e;
    emit(sc, w.s, end, 0.75, SANCTUM_EV_TITLE);
}

/* The previous word [*ws, *we) right before p (one space): for two-word frames ("hier ist", "this is"). */
static bool word_before_is(const uint8_t *s, size_t p, const char *lit)
{
    size_t ws, we;
    return prev_word(s, p, 1, &ws, &we) && pii_word_eq(s + ws, we - ws, lit);
}

/* Words of a line about a match: a surname there is a player ("van Rensburg kicked three penalties"). */
static bool match_word(const uint8_t *w, size_t n)
{
    static const char *const W[] = {"derby", "fantasy", "fixture", "goal", "goals", "innings", "keeper", "league",
                                    "match", "minute", "penalties", "penalty", "playoff", "playoffs", "referee",
                                    "squad", "striker", "touchdown", "wicket", NULL};
    return n >= 4 && n <= 9 && WORD_IN_SORTED(w, n, W);
}

/* A capitalized word [a, b) that may be a player's surname: a given or family name the lists hold that is
 * no word or place, or a word the lists lack after a particle. Returns the start of the span (with its
 * particles: "van Rensburg", "Du Plessis"), or SIZE_MAX. */
static size_t player_name(const pii_scan *sc, size_t a, size_t b)
{
    const uint8_t *s = sc->s;
    if (b - a < 3 || !pii_is_upper(s[a]))
        return SIZE_MAX;
    unsigned f = pii_name_flags(s, a, b);
    const char *why;
    if ((f & (SC_NAME_WORD | SC_NAME_PLACE)) || sc_word_class(s + a, b - a) != SC_WORD_NONE ||
        sc_place_lookup(s + a, b - a) || pii_software_name(s + a, b - a) || pii_in_code(sc, a, b, &why))
        return SIZE_MAX;
    size_t start = a, ps, pe;
    static const char *const CAP_PARTICLE[] = {"da", "de", "del", "di", "dos", "du", "la", "le", "van", "von", NULL};
    while (prev_word(s, start, 1, &ps, &pe) && start - pe == 1 && s[pe] == ' ' &&
           (pii_particle(s + ps, pe - ps) || WORD_IN_SORTED(s + ps, pe - ps, CAP_PARTICLE)))
        start = ps;
    return (f & (SC_NAME_FIRST | SC_NAME_LAST)) || start < a ? start : SIZE_MAX;
}

/* "van Rensburg kicked three penalties", "benching Kowalczyk again": a surname with its particle as the
 * subject of a scoring verb, or a surname the lists hold as the object of benching, on a line about a
 * match. */
static void player_frame(pii_scan *sc, const word *v, bool subject)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, a, b;
    if (subject) {
        if (!prev_word(s, v->s, 1, &a, &b) || v->s - b != 1)
            return;
        if (pii_word_eq(s + v->s, v->e - v->s, "kicked") && v->e + 4 <= n && memcmp(s + v->e, " off", 4) == 0)
            return; /* "Henderson kicked off the meeting" */
    } else {
        word x;
        if (!next_word(s, n, v->e, &x) || x.s != v->e + 1 || s[v->e] != ' ')
            return;
        a = x.s;
        b = x.e;
    }
    size_t start = player_name(sc, a, b);
    /* a subject needs its particle: clubs are named like people too ("Everton scored first") */
    if (start != SIZE_MAX && (!subject || start < a) && pii_line_has_word(s, n, v->s, v->s, match_word))
        pii_person_emit(sc, start, b, 0.8, SANCTUM_EV_CONTEXT_AFTER);
}

/* Dispatch by the word's first letter and length: most words leave at the switch. */
static void frame_word(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, l = w->e - w->s;
    uint8_t c = pii_lower(s[w->s]);
    size_t al;
    if (w->e + 2 < n && s[w->e] == ':' && s[w->e + 1] == ' ' && list_label(s + w->s, l) && label_position(s, w->s))
        list_items(sc, w->e + 2); /* "Who: ...", "Teilnehmer: ..." */
    else if (w->s >= 4 && memcmp(s + w->s - 4, "1:1 ", 4) == 0)
        list_items(sc, w->s); /* "1:1 Ottilie / Bartholomew" */
    else if ((w->cap || w->allcaps) && l >= 3 && w->e < n && (s[w->e] == ':' || s[w->e] == ' '))
        speaker_label(sc, w);
    else if (w->cap && l >= 3 && w->e + 5 < n && s[w->e] == ',' && pii_is_digit(s[w->e + 2]))
        aged_name(sc, w);
    switch (c) {
    case 'a':
        if (w->cap && (pii_word_eq(s + w->s, l, "auntie") || pii_word_eq(s + w->s, l, "aunty") ||
                       pii_word_eq(s + w->s, l, "ate")))
            title_before(sc, w, true);
        break;
    case 'k':
        if (l == 4 && w->cap && pii_word_eq(s + w->s, l, "kuya"))
            title_before(sc, w, true);
        else if (l == 6 && w->lower && pii_word_eq(s + w->s, l, "kicked"))
            player_frame(sc, w, true);
        break;
    case 'n':
    case 'o':
        if (l == 6 && w->lower && pii_word_eq(s + w->s, l, "netted"))
            player_frame(sc, w, true);
        else if (w->cap && kin_word(s + w->s, l))
            title_before(sc, w, false); /* "Nonna Carla", "Oma Hilde" */
        break;
    case 'b':
        if (l == 3 && w->cap && pii_word_eq(s + w->s, l, "big"))
            title_before(sc, w, false);
        else if (l >= 7 && w->lower && (pii_word_eq(s + w->s, l, "benched") || pii_word_eq(s + w->s, l, "benching")))
            player_frame(sc, w, false);
        break;
    case 'c':
        if (l == 1 && w->lower && apostrophe_at(s, n, w->e, &al) && w->e + al + 3 <= n &&
            memcmp(s + w->e + al, "est", 3) == 0)
            spoken_intro(sc, w->e + al + 3); /* c'est */
        else if (l == 5 && pii_word_eq(s + w->s, l, "coach"))
            title_before(sc, w, true);
        break;
    case 'd':
        if (l == 3 && w->lower && pii_word_eq(s + w->s, l, "don"))
            title_before(sc, w, true);
        else if ((l == 4 || l == 5) && (pii_word_eq(s + w->s, l, "dona") || pii_word_eq(s + w->s, l, "doña")))
            title_before(sc, w, true);
        else if (l == 6 && w->lower && pii_word_eq(s + w->s, l, "doctor"))
            lower_title(sc, w);
        break;
    case 'i':
        if (l == 2 && w->lower && pii_word_eq(s + w->s, l, "it") && apostrophe_at(s, n, w->e, &al) &&
            w->e + al < n && s[w->e + al] == 's')
            spoken_intro(sc, w->e + al + 1); /* it's */
        else if (l == 3 && pii_word_eq(s + w->s, l, "ist") && word_before_is(s, w->s, "hier"))
            spoken_intro(sc, w->e);
        break;
    case 'l':
        if (l == 6 && w->lower && pii_word_eq(s + w->s, l, "little"))
            title_before(sc, w, false);
        break;
    case 'm':
        if ((l == 2 || l == 3) && w->lower && (pii_word_eq(s + w->s, l, "mrs") || pii_word_eq(s + w->s, l, "mr") ||
                                               pii_word_eq(s + w->s, l, "ms")))
            lower_title(sc, w);
        else if ((l == 6 || l == 7) && (pii_word_eq(s + w->s, l, "maitre") || pii_word_eq(s + w->s, l, "maître")))
            title_before(sc, w, true);
        break;
    case 's':
        if (l == 3 && (pii_word_eq(s + w->s, l, "soy") || (w->lower && pii_word_eq(s + w->s, l, "seo"))))
            spoken_intro(sc, w->e);
        else if (l == 4 && pii_word_eq(s + w->s, l, "sono"))
            spoken_intro(sc, w->e);
        else if (l == 5 && w->cap && pii_word_eq(s + w->s, l, "savta"))
            title_before(sc, w, true);
        else if (l == 6 && w->lower && pii_word_eq(s + w->s, l, "scored"))
            player_frame(sc, w, true);
        break;
    case 't':
        if (l == 4 && w->cap && (pii_word_eq(s + w->s, l, "tita") || pii_word_eq(s + w->s, l, "tito")))
            title_before(sc, w, true);
        else if (l == 4 && w->lower && pii_word_eq(s + w->s, l, "this") && w->e + 4 < n && memcmp(s + w->e, " is ", 4) == 0)
            spoken_intro(sc, w->e + 3);
        break;
    default:
        break;
    }
}

static int by_start(const void *a, const void *b)
{
    const pii_cand *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return x->score > y->score ? -1 : (x->score < y->score ? 1 : 0);
}

void pii_chat_frame_word(pii_scan *sc, const word *w)
{
    frame_word(sc, w); /* the walk asked pii_chat_frame_gate; frame_word compares the words */
}

void pii_chat_frames(pii_scan *sc, size_t first_cand)
{
    size_t count = sc->count;
    for (size_t i = first_cand; i < count; i++) {
        pii_cand *c = &sc->c[i];
        if (c->type != SANCTUM_ENTITY_PERSON || c->score <= 0)
            continue;
        /* "Tita Marites", "Oma Hilde": the name is the rest, the kin title is not marked */
        size_t fe = c->start;
        while (fe < c->end && sc->s[fe] != ' ')
            fe++;
        if (fe + 1 < c->end && (kin_word(sc->s + c->start, fe - c->start) || kin_title(sc->s + c->start, fe - c->start)))
            c->start = fe + 1;
        if (not_person(sc, c)) {
            c->score = 0;
            c->evidence |= SANCTUM_EV_SUPPRESSED;
        }
    }
    /* coordination and consistency read the candidates in text order; the frames added theirs ahead of
     * the walk (a name after a label, the items of a list): each slides back to its place, and a text
     * with many such moves is sorted at once */
    size_t moves = 0;
    for (size_t i = first_cand + 1; i < count; i++) {
        if (sc->c[i - 1].start <= sc->c[i].start)
            continue;
        pii_cand x = sc->c[i];
        size_t j = i;
        while (j > first_cand && sc->c[j - 1].start > x.start && moves < 4096)
            j--, moves++;
        if (moves >= 4096) {
            qsort(sc->c + first_cand, count - first_cand, sizeof sc->c[0], by_start);
            return;
        }
        memmove(sc->c + j + 1, sc->c + j, (i - j) * sizeof sc->c[0]);
        sc->c[j] = x;
    }
}
