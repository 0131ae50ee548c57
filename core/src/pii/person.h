/* Internal interface between the PERSON recognizer's files: rec_person.c walks the words and scores
 * capitalized candidates; person_words.h reads words; person_lexicon.c classes them; person_context.c
 * reads the phrases around them; person_lower.c finds lower-case names; person_formats.c titles,
 * airline, record, JSON and CSV formats; person_consistency.c raises other mentions; person_places.c and
 * person_scripts.c places, software and other scripts. */
#ifndef SANCTUM_PII_PERSON_H
#define SANCTUM_PII_PERSON_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pii.h"
#include "person_words.h"

/* Length of the UTF-8 letter of a script the tokenizer reads that ends right before q (q > 0, s[q - 1] >=
 * 0x80), 0 when none (person_lexicon.c). */
size_t pii_letter_before_utf8(const uint8_t *s, size_t q);

/* Length of the letter that ends right before q (0 when none): ASCII, or a UTF-8 letter ("Chào", "Olá",
 * "від" are words before a name too). */
static inline size_t letter_before(const uint8_t *s, size_t q)
{
    if (q == 0)
        return 0;
    if (s[q - 1] < 0x80)
        return pii_is_alpha(s[q - 1]) ? 1 : 0;
    return pii_letter_before_utf8(s, q);
}

/* The word that ends before position p (skipping non-letters, at most `gap` bytes of them). */
static inline __attribute__((always_inline)) bool prev_word(const uint8_t *s, size_t p, size_t gap, size_t *ws,
                                                             size_t *we)
{
    size_t q = p;
    while (q > 0 && p - q <= gap && !pii_is_alpha(s[q - 1]) && s[q - 1] < 0x80) {
        uint8_t c = s[q - 1];
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ';' || c == ')' || c == '(' ||
            c == '"' || c == '`' || c == '|' || c == '>')
            return false; /* context does not cross a sentence, a line or a quote */
        q--;
    }
    if (q == 0 || p - q > gap || letter_before(s, q) == 0)
        return false;
    *we = q;
    size_t l;
    while (q > 0 && ((l = letter_before(s, q)) > 0 || s[q - 1] == '\''))
        q -= l > 0 ? l : 1;
    *ws = q;
    return true;
}

static inline bool word_in(const uint8_t *w, size_t n, const char *const *list)
{
    for (size_t k = 0; list[k] != NULL; k++)
        if (pii_word_eq(w, n, list[k]))
            return true;
    return false;
}

/* w[0..n) is one of the NULL-ended list, byte for byte (words of scripts without case). Most entries differ
 * in their first three bytes: strlen only after those match (an entry's next byte is readable once one
 * matched a byte of the word, which is never NUL). */
static inline bool bytes_in(const uint8_t *w, size_t n, const char *const *list)
{
    if (n == 0)
        return false;
    for (size_t k = 0; list[k] != NULL; k++) {
        const uint8_t *e = (const uint8_t *)list[k];
        if (e[0] != w[0] || (n > 1 && (e[1] != w[1] || (n > 2 && e[2] != w[2]))))
            continue;
        if (strlen(list[k]) == n && memcmp(w, e, n) == 0)
            return true;
    }
    return false;
}

/* Order of w[0..n) (ASCII, compared lower-case) against the lower-case literal b, as strcmp. */
static inline int word_cmp(const uint8_t *w, size_t n, const char *b)
{
    size_t i = 0;
    for (; i < n && b[i] != '\0'; i++) {
        int d = (int)pii_lower(w[i]) - (int)(uint8_t)b[i];
        if (d != 0)
            return d;
    }
    return i < n ? 1 : (b[i] != '\0' ? -1 : 0);
}

/* word_in for the longer lists, kept sorted in strcmp order: a binary search. */
static inline bool word_in_sorted(const uint8_t *w, size_t n, const char *const *list, size_t count)
{
#ifndef NDEBUG
    /* debug builds (the ASan+UBSan suite) check the order: out of order, the search would miss words.
     * Each list is checked once per process (a slot per list, by address; a collision only checks again):
     * checking it on every lookup was three quarters of the suite's time on name-heavy text. */
    static _Atomic(const void *) checked[256];
    _Atomic(const void *) *slot = &checked[((uintptr_t)list >> 4) & 255u];
    if (atomic_load_explicit(slot, memory_order_relaxed) != (const void *)list) {
        for (size_t i = 1; i < count; i++)
            if (strcmp(list[i - 1], list[i]) >= 0)
                abort();
        atomic_store_explicit(slot, (const void *)list, memory_order_relaxed);
    }
#endif
    if (n == 0)
        return count > 0 && list[0][0] == '\0'; /* only "" (sorted first) matches an empty word */
    /* most probes differ at the first letter: it is lowered once, and the rest compared only on a tie */
    const int w0 = pii_lower(w[0]);
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *b = list[mid];
        int c = w0 - (int)(uint8_t)b[0];
        if (c == 0)
            c = word_cmp(w + 1, n - 1, b + 1);
        if (c == 0)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}
#define WORD_IN_SORTED(w, n, list) word_in_sorted((w), (n), (list), sizeof(list) / sizeof((list)[0]) - 1)

/* The lower-case word right after position p (one space), as [*ws, *we). */
static inline bool word_after(const uint8_t *s, size_t n, size_t p, size_t *ws, size_t *we)
{
    if (p >= n || s[p] != ' ')
        return false;
    size_t a = p + 1, b = a;
    while (b < n && pii_is_alpha(s[b]))
        b++;
    *ws = a;
    *we = b;
    return b > a;
}


/* Strength of the context around a candidate (0 none). */
enum { STRONG = 1, MEDIUM = 2, WEAK = 3 };

static inline void pii_person_emit(pii_scan *sc, size_t start, size_t end, double score, uint32_t ev)
{
    pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, start, end, score, ev);
}

/* The words of one name candidate: first [middle|initial] last. */
typedef struct name_seq {
    size_t toks[4][2];
    unsigned fl[4];
    size_t nt;
    bool org;         /* followed by an organisation, tool or honour word: not a person */
    bool initial_mid; /* a middle initial */
    word cur;         /* the last word taken */
} name_seq;

/* Where the word loop stands: the next byte to read and the previous word (a possible trigger). */
typedef struct walk {
    size_t p, prev_s, prev_e;
} walk;

/* ---- person_lexicon.c: what one word is ---- */
/* A lower-case name particle: "van", "de", "bin", "al". */
bool pii_particle(const uint8_t *w, size_t n);
/* An Irish clan particle written with a capital inside a name: "Ó", "Ní", "Nic", "Mhic", "Uí" ("Ciarán Ó
 * Dálaigh"): the name goes on after it, and no place or thing is named so. */
bool pii_clan_particle(const uint8_t *w, size_t n);
/* Is w usable inside a name: a capitalized word (or all caps when allow_caps), no code shape. */
bool pii_name_shaped(const pii_scan *sc, const word *w, bool allow_caps);
/* A name that is also an everyday word (needs more evidence). */
bool pii_word_like(unsigned f, int cls);
/* A capitalized word the lists lack that ends as only surnames do ("Hallsdóttir", "Wróblewska"). */
bool pii_surname_by_ending(const uint8_t *s, size_t a, size_t b);
/* Gazetteer flags of [a, b), with hyphenated, O'/D' and Russian case forms. */
unsigned pii_name_flags(const uint8_t *s, size_t a, size_t b);
/* pii_name_flags(sc->s, a, b) and sc_word_class(sc->s + a, b - a) through the scan's memo (sc->flags_memo). */
unsigned pii_name_flags_at(const pii_scan *sc, size_t a, size_t b);
int pii_word_class_at(const pii_scan *sc, size_t a, size_t b);
/* The gazetteer's flags of a lower-case word [a, b) after a trigger when they hold a first or last name and it is
 * no chat word, else 0 (the first test of a lower-case name), through the same memo. */
unsigned pii_lower_name_flags(const pii_scan *sc, size_t a, size_t b);
/* Nothing but spaces before the end of a phrase. */
bool pii_phrase_end_at(const uint8_t *s, size_t n, size_t q);
/* Everyday chat words that are never a lower-case name. */
bool pii_chat_word(const uint8_t *w, size_t n);
/* A word that may follow a self-introduced name ("from", "and", "here"). */
bool pii_intro_follow(const uint8_t *s, size_t n, size_t q);
/* After a name it makes a holiday or an award ("Day", "Prize"). */
bool pii_honour_word(const uint8_t *w, size_t n);

/* A lower-case noun that makes the name before it a thing: "law", "disease", "salad", "engine". */
bool pii_thing_noun(const uint8_t *w, size_t n, bool possessive);
/* Round 15: a lower-case noun after a quoted name that makes it a product ("the \"Matilda\" table"). */
bool pii_quoted_product_noun(const uint8_t *w, size_t n);
/* A capitalized word before a name that makes it a dish: "Beef", "Eggs". */
bool pii_food_before(const uint8_t *w, size_t n);
/* A lower-case venue noun right after the name [start, end) makes it a venue named after someone ("the Grace
 * Hopper auditorium"); not after strong context, person evidence, a verb of telling people, nor before a number. */
bool pii_eponym_venue(const pii_scan *sc, size_t start, size_t end, int before, bool person_ev);
/* An office or a profession of another language that a title addresses ("Herr Direktor", "Monsieur le Maire"). */
bool pii_office_after_title(const uint8_t *w, size_t n);
/* Holy days and festival greetings named after gods and people ("Hanuman Jayanti", "Eid Mubarak", "Jai
 * Shri Ram"): toks are the name's words, next the word after them (NULL when none). */
bool pii_holy_day(const uint8_t *s, const size_t (*toks)[2], size_t nt, const uint8_t *next, size_t next_n);
/* The first letters of the words pii_holy_day looks for (a c f h i j k m n p r s, either case): most words
 * are ruled out by this alone. */
static inline bool pii_holy_initial(uint8_t c)
{
    c |= 0x20;
    return c >= 'a' && c <= 's' && ((0x6B7A5u >> (c - 'a')) & 1u);
}

/* ---- person_korean.c: romanized Korean names ---- */
/* A romanized Korean given name [a, b), two syllables joined by a hyphen ("Ji-hoon"); wide: any syllable shape
 * (beside a family name), else only the common given-name syllables. */
bool pii_korean_given(const uint8_t *s, size_t a, size_t b, bool wide);
/* A Korean given name at w, with its family name before or after it: emits it, returns where to go on (0: none). */
size_t pii_korean_name(pii_scan *sc, const word *w);

/* ---- person_parallel.c: the items of one list ---- */
/* A known given name below the threshold that opens an item of a list whose neighbouring item's name stands
 * on its own ("North: Arnav (...), South: Divya") is lifted; runs after coordination, candidates in text
 * order. */
void pii_parallel_items(pii_scan *sc, size_t first_cand);

/* ---- person_contact.c: the owner of a contact detail ---- */
/* A known given name below the threshold right before a standing phone number or e-mail address, with only
 * punctuation, a bracketed note and hand-over words between ("Olamide at +44 ...", "Juha, +33 ..."), is
 * lifted; person candidates [first_cand, count) in text order. */
void pii_contact_owner(pii_scan *sc, size_t first_cand);
/* A weak number in brackets right after a person's name is that person's: lifted (person_contact.c). */
void pii_contact_number(pii_scan *sc, size_t first_cand);

/* ---- person_anaphora.c: a name a pronoun takes up ---- */
/* A known given name below the threshold followed within a line's reach by "he", "she", "him", "her" (in
 * the languages of the sets) is lifted. */
void pii_pronoun_takes_up(pii_scan *sc, size_t first_cand);

/* ---- person_affiliation.c: a name from a group of people ---- */
/* A known given name below the threshold followed by "from" and a department, team, office or club ("Aditi
 * from procurement", "Bilal from the Karachi office") is lifted. */
void pii_affiliation(pii_scan *sc, size_t first_cand);

/* ---- person_fields.c: structured name fields ---- */
/* A vCard "N:Family;Given;Additional;;" line starting at ws (the "N"): emits its name parts, returns the
 * line's end, 0 when it is none. */
size_t pii_vcard_name(pii_scan *sc, size_t ws);
/* A GEDCOM "1 NAME Given /Surname/" line whose "NAME" starts at ws: the same. */
size_t pii_gedcom_name(pii_scan *sc, size_t ws);

/* ---- person_context.c: the phrases around a word ---- */
int pii_context_before(const pii_scan *sc, size_t start, bool *accepts_unknown);
int pii_context_after(const pii_scan *sc, size_t end, bool possessive);
bool pii_signature(const pii_scan *sc, size_t start, size_t end);
bool pii_place_preposition(const pii_scan *sc, size_t start);
bool pii_person_verb_before(const pii_scan *sc, size_t start);
bool pii_person_verb_right_before(const pii_scan *sc, size_t start, size_t end);
bool pii_person_verb_after(const pii_scan *sc, size_t end);
bool pii_vocative_you(const pii_scan *sc, size_t end);
/* A given name that opens a line, then ", " and a lower-case word: "Selin, annen seni aradı". */
bool pii_line_vocative(const pii_scan *sc, size_t start, size_t end);
/* A name after "— " or "-- " that ends its line: "Merged. — Sigrun". */
bool pii_dash_signature(const pii_scan *sc, size_t start, size_t end);
/* A name between ", " and "!" ("Great job, Thandiwe!"), or ending a sentence after a lower-case clause
 * ("So sorry for your loss, Teodora."). */
bool pii_comma_exclaim(const pii_scan *sc, size_t start, size_t end);
/* A name, ", " and a role people hold: "Amandine, agence immobilière", "Priya, our new intern". */
bool pii_role_apposition(const pii_scan *sc, size_t end);
bool pii_personal_noun(const uint8_t *s, size_t n, size_t end);
bool pii_email_echo(const pii_scan *sc, size_t ws, size_t we);
bool pii_question_subject(const pii_scan *sc, size_t start, size_t end);
/* "a card for X", "flowers for X". */
bool pii_gift_for(const pii_scan *sc, size_t start);
/* Person evidence after a name that is also a word or a place: the clause it starts, a pronoun. */
bool pii_person_clause(const pii_scan *sc, size_t start, size_t end, bool place);
/* "Put Okafor and Lindqvist on the on-call rota": the name is put on a duty by a rota verb. */
bool pii_rota_object(const pii_scan *sc, size_t start, size_t end);
/* A given name that is no word, place or software in a frame only people fill. */
bool pii_clean_name_frame(const pii_scan *sc, size_t start, size_t end, bool poss);

/* ---- person_rosters.c: names in lists of people on one line (rosters, meeting notes) ---- */
/* A name opening an item of a labelled list, with another item opening with a given name ("Choir rota:
 * Bernadette sopranos, Kwabena tenors"). */
bool pii_roster_item(const pii_scan *sc, size_t start, size_t end);
/* An item of notes with another on its line: "Rose: finished ...; Jack: blocked", "Jack to draft ...; Ivy
 * to own ...". */
bool pii_notes_items(const pii_scan *sc, size_t start, size_t end);
/* A name that opens a line or a clause of notes, then ": " and text: "Irina: do we still page him?". */
bool pii_notes_speaker(const pii_scan *sc, size_t start, size_t end);

/* ---- person_lower.c: lower-case names ---- */
bool pii_lower_trigger(const uint8_t *w, size_t n);
size_t pii_lower_name(pii_scan *sc, const word *w);
void pii_skip_plain_lower(pii_scan *sc, walk *k);

/* ---- person_formats.c: titles, airline names, record pairs, JSON keys, CSV columns ---- */
size_t pii_title_name(pii_scan *sc, const word *w);
size_t pii_airline_name(pii_scan *sc, const word *w);
/* "MORALES, ANA", "CHEN Jie": a family name in capitals first; returns where to go on, or 0. */
size_t pii_caps_family_first(pii_scan *sc, const word *w);

/* ---- person_initials.c: names with initials and surname first ("J. Okafor", "Varga, Z.", "Ogunbiyi K",
 * "Mendes, Carla") ---- */
/* Cheap shape test after a capitalized word ending at e: worth calling pii_initials_name. */
bool pii_initials_shape(const uint8_t *s, size_t n, size_t e);
/* The item (or list of items) starting at w; returns where to go on, or 0 when w starts none. */
size_t pii_initials_name(pii_scan *sc, const word *w);
/* A lone given name that stands on its own followed by a family name's initial ("Ravi B.", "Priya S.") takes
 * the initial into its span (round 13); person candidates from first_cand. */
void pii_trailing_initial(pii_scan *sc, size_t first_cand);

/* ---- person_records.c: MRZ name fields and court captions ---- */
/* "P<UTOERIKSSON<<ANNA<MARIA<<<": returns where to go on, or 0. */
size_t pii_mrz_name(pii_scan *sc, const word *w);
/* "Okonkwo v. Brennan", "State v. Kellerman": w is the word before "v."; returns where to go on, or 0. */
size_t pii_case_caption(pii_scan *sc, const word *w);
/* "In re Marriage of Patel and Patel": w is "In"; returns where to go on, or 0. */
size_t pii_in_re(pii_scan *sc, const word *w);
/* "Lindahl et al.", "As Marchetti (2017) argues", "(Kowalczyk, 2015)", "(Oyelaran & Adeyinka, 2019)": an
 * author-year citation starting at the capitalized word w (person_citations.c). Returns where to go on, or 0. */
size_t pii_author_year(pii_scan *sc, const word *w);
/* The cheap byte test before pii_author_year at a capitalized word ending at e (e + 3 < n): the bytes after it
 * open a citation or a minute mark (", 2", " (", " 1", " &", " et", " an"), or a second word ends before " (" or
 * " 1" ("García Márquez (1982)"). */
static inline bool pii_author_year_shape(const uint8_t *s, size_t n, size_t e)
{
    uint8_t c = s[e], d = s[e + 1];
    if (c == ',')
        return d == ' ' && s[e + 2] >= '0' && s[e + 2] <= '9';
    if (c != ' ')
        return false;
    if (d == '(' || d == '&' || (d >= '0' && d <= '9') || (d == 'e' && s[e + 2] == 't') ||
        (d == 'a' && s[e + 2] == 'n'))
        return true;
    if (!((d >= 'A' && d <= 'Z') || d >= 0xC3))
        return false;
    size_t q = e + 2;
    while (q < n && q - e < 32 && s[q] != ' ' && s[q] != '\n')
        q++;
    return q + 1 < n && s[q] == ' ' && (s[q + 1] == '(' || (s[q + 1] >= '0' && s[q + 1] <= '9'));
}
/* "author = {Okoro, Chidi and Van der Berg, Lotte}", "AU  - Haugland, Sigrid": the names of a BibTeX author
 * or editor value that opens right before w, or of the RIS AU/ED line whose tag is w (person_bib.c). Returns
 * where to go on, or 0. */
size_t pii_bib_author(pii_scan *sc, const word *w);
/* "CHAIR OKONJO:", "MR. HALVERSON:": the surname of a capitals speaker label whose title or office is w, at the
 * start of a line (person_speakers.c). Returns where to go on, or 0. */
size_t pii_caps_speaker(pii_scan *sc, const word *w);
/* "Mayor Oduya", "Councillor Mbatha", "Detective Inspector Narang": the surname after an English office w
 * (person_speakers.c). Returns where to go on, or 0. */
size_t pii_office_name(pii_scan *sc, const word *w);
/* The cheap test before pii_office_name: an office of that length starts with that letter (a bit per first
 * letter for each length 0-14, from the lists of person_speakers.c; debug builds check the table once). */
static inline bool pii_office_shape(const uint8_t *s, size_t a, size_t b)
{
    static const uint32_t FIRST[15] = {0x0000000u, 0x0000000u, 0x0000000u, 0x0060008u, 0x0000000u, 0x0001004u, 0x0000000u, 0x00c0001u, 0x006104du, 0x00c810cu, 0x0048005u, 0x0000004u, 0x0000004u, 0x0000004u, 0x0020001u};
    size_t l = b - a;
    uint8_t c = (uint8_t)(s[a] | 0x20);
    return l < 15 && c >= 'a' && c <= 'z' && ((FIRST[l] >> (c - 'a')) & 1u);
}
/* Names that open a line in a script without case before a parenthesis with a birth year: encyclopedia
 * leads (person_bio_leads.c). */
void pii_bio_leads(pii_scan *sc);
void pii_record_pair(pii_scan *sc, const word *w, unsigned fa, const name_seq *q, double *score, uint32_t *ev);
/* The JSON key [ks, ke) names a person: 2 any value, 1 known names only, 0 no. */
int pii_json_name_key(const uint8_t *s, size_t n, size_t ks, size_t ke);
/* The value at start sits under a CSV header column naming a person: 2 any value, 1 known names, 0 no. */
int pii_csv_name_column(const uint8_t *s, size_t n, size_t start);

/* ---- person_consistency.c ---- */
void pii_consistency(pii_scan *sc, size_t first_cand);

/* ---- person_places.c: places and software ---- */
/* Technical context within the line around [start, end): a word there names software. */
bool pii_tech_context(const pii_scan *sc, size_t start, size_t end);
/* Place context around a word that may be a place ("in X", "X, Texas", "X and Saskatoon", "the X office"). */
bool pii_place_context(const pii_scan *sc, size_t start, size_t end);
/* Software the gazetteer holds as given names ("Kodi", "Haskell"): the software class. */
bool pii_software_name(const uint8_t *w, size_t n);
/* A capitalized word that makes the word before it a place ("Falls", "Hole", "Harbour"). */
bool pii_place_noun(const uint8_t *w, size_t n);
/* A known given name then a known surname, no place word after: outweighs a place preposition before it. */
bool pii_given_surname_pair(const pii_scan *sc, const size_t (*toks)[2], const unsigned *fl, size_t nt);
/* The score a lone place-name earns as a person from person evidence around it (0 when none). */
double pii_place_person_lift(const pii_scan *sc, size_t start, size_t end, bool poss);
/* Pets, storms and dates named like people: "my cat X", "Hurricane X", "Jan 15" (first_end: where the
 * span's first word ends). */
bool pii_not_person_frame(const pii_scan *sc, size_t start, size_t end, size_t first_end, bool poss);
/* The character an actor plays, on a line about a film or a stage: "X as Y", "X plays Y", "avec X (Y)",
 * "interpreta a Y" (person_cast.c). */
bool pii_cast_character(const pii_scan *sc, size_t start, size_t end, bool poss);

/* ---- person_scripts.c: other scripts, honorifics and titles of other languages ---- */
/* Flags of a Russian name in another case than the nominative (0 when none). */
unsigned pii_cyrillic_flags(const uint8_t *s, size_t a, size_t b);
/* Flags of a Greek name in the vocative or genitive (Νίκο, Νίκου, Ελένης; 0 when none). */
unsigned pii_greek_flags(const uint8_t *s, size_t a, size_t b);
/* Flags of a Latin name written with diacritics the gazetteer does not hold (Adébáyọ̀; 0 when none). */
unsigned pii_folded_flags(const uint8_t *s, size_t a, size_t b);
/* Flags of the nominative of a Latin-script given name or surname written in a case of a language that
 * declines names (Jukan, Zoltánnal, Magdaleną, Tomaszowi, Lukui, Goranom; 0 when none): person_inflect.c. */
unsigned pii_latin_case_flags(const uint8_t *s, size_t a, size_t b);
/* An honorific right after the name: "Ayşe hanım", "Mehmet bey", "Tanaka san". */
bool pii_honorific_after(const uint8_t *s, size_t n, size_t end);
/* A kinship or address word right after a given name: "Payal di,", "Narek jan", "Гульнара апа". */
bool pii_address_word_after(const uint8_t *s, size_t n, size_t end);
/* A firm by its legal form after the name, an institution, prize or neighbourhood by a facility word before
 * or inside it, a devotion ("Our Lady of X") (person_orgs.c). */
bool pii_org_frame(const pii_scan *sc, size_t start, size_t end);
/* Brands, products, rooms, conditions, characters and calendar terms named like people (person_brands.c). */
bool pii_brand_frame(const pii_scan *sc, size_t start, size_t end, const size_t (*toks)[2], size_t nt, bool poss,
                     int before, bool person_ev, bool sig);
/* A Markdown table cell under a column of places ("| Region |") (person_orgs.c). */
/* Round 13: a firm ending in a firm word, a sports club, a placeholder name, a character of a cast list
 * (person_named_things.c). */
bool pii_round13_thing(const pii_scan *sc, size_t start, size_t end, const size_t (*toks)[2], size_t nt, int before,
                       bool person_ev);
bool pii_place_column(const pii_scan *sc, size_t start, size_t end);
/* A small word of a title-case heading ("Welcome To The ..."), alone (person_orgs.c). */
bool pii_heading_word(const pii_scan *sc, size_t start, size_t end);
/* A mention inside a firm's name: "X & Y", a legal form after it (person_orgs.c). */
bool pii_firm_mention(const pii_scan *sc, size_t start, size_t end);
/* A lone name that is also an English word, without context of its own, in technical context (person_orgs.c). */
bool pii_codename(const pii_scan *sc, size_t start, size_t end, size_t nt, unsigned fa, int before, bool poss,
                  bool person_ev);
/* "Tanaka-san": the end of the name part of the word [ws, we), or 0. */
size_t pii_suffix_honorific(const uint8_t *s, size_t ws, size_t we);
/* A title written in lower case or outside ASCII ("господин"). */
bool pii_nonascii_title(const uint8_t *w, size_t n);
/* Hebrew and Arabic name pairs starting with the word [ws, we); returns where to go on. */
bool pii_uncased_script(const uint8_t *w, size_t n);
size_t pii_uncased_name(pii_scan *sc, size_t ws, size_t we);
/* CJK and Hangul names before an honorific, over the whole text. */
void pii_cjk_honorifics(pii_scan *sc);

/* ---- person_cjk.c: Chinese, Japanese and Korean names by surname tables and evidence ---- */
void pii_cjk_names(pii_scan *sc);
/* Flags (SC_CJK_*) of the surname of `chars` characters at s[p], 0 when none. */
unsigned pii_cjk_surname(const uint8_t *s, size_t p, size_t chars);
/* Flags (SC_CJK_JA, SC_CJK_KO) of the given name of `chars` characters at s[p], 0 when none. */
unsigned pii_cjk_given(const uint8_t *s, size_t p, size_t chars);
/* ---- person_signatures.c: the name under a sign-off in a script without capitals, over the whole text ---- */
void pii_script_signatures(pii_scan *sc);
/* A CJK or Hangul name's shape over all of [a, e): a known surname and a given name (Chinese: at least
 * min_zh characters in all), not a department or firm. */
bool pii_cjk_name_shape(const uint8_t *s, size_t n, size_t a, size_t e, size_t min_zh);
/* ---- person_reply_lines.c: the writer in the line over a quoted reply, in many languages ---- */
void pii_reply_attributions(pii_scan *sc);
/* ---- person_cjk_chat.c: speakers of CJK chat exports ---- */
/* A line [ls, le) that is a name and a timestamp, with the message on the lines under it. */
void pii_cjk_name_over_time(pii_scan *sc, size_t ls, size_t le);
/* "21:04\t名前\t...", "08:31 名前：", "9:40 名前 <address>:" over the whole text. */
void pii_cjk_time_speakers(pii_scan *sc);
/* The word of a NULL-ended UTF-8 list that ends exactly at p / starts exactly at p: its length, or 0. */
size_t pii_cjk_ends_with(const uint8_t *s, size_t p, const char *const *list);
size_t pii_cjk_starts_with(const uint8_t *s, size_t n, size_t p, const char *const *list);

/* ---- person_script_titles.c: titles of other scripts, Greek surname endings ---- */
bool pii_script_title(const uint8_t *s, size_t n, size_t ws, size_t we);
unsigned pii_greek_surname_ending(const uint8_t *s, size_t a, size_t b);
/* Two words of a script without capitals before a respect word (గారు, صاحبہ): the end of the name, or 0. */
size_t pii_respect_pair(pii_scan *sc, size_t ws, size_t we);
/* "คุณสมชาย ใจดี": a Thai full name after the title คุณ, either word a known name; its end, or 0. */
size_t pii_thai_full_name(pii_scan *sc, size_t ws, size_t we);
/* "عبدالله بن سعيد الغامدي": an Arabic name with بن/بنت and a family name with the article; its end, or 0. */
size_t pii_arabic_nasab(pii_scan *sc, size_t ws, size_t we);
/* "Курьер: Дмитрий": a Cyrillic job label, a colon, a known given name; its end, or 0. */
size_t pii_script_role_label(pii_scan *sc, size_t ws, size_t we);

/* ---- person_intro.c: self-introductions in scripts without capitals ---- */
/* "أنا فيصل الحربي، رقمي ...", "मैं अंकिता बोल रही हूँ", "ผมสมชาย": the word [ws, we) opens a self-introduction
 * and the name after it is taken; where to go on, or 0 when it opens none. */
size_t pii_intro_name(pii_scan *sc, size_t ws, size_t we);
/* "もしもし、山口です", "私は高田と申します": Japanese family names introduced on the phone, over the whole text. */
void pii_ja_intro(pii_scan *sc);

/* ---- person_lower_chat.c: lower-case names in casual chat ---- */
/* The word [p, j) is "just" + a speech verb or "is" + a person's state ("is coming") after a name. */
bool pii_lower_doing_after(const uint8_t *s, size_t n, size_t p, size_t j);
/* The lower-case word [bs, be) after a given name is a second known name that is no word. */
bool pii_lower_second_name(const uint8_t *s, size_t bs, size_t be, bool has_b, unsigned fb);

/* ---- person_lower_frames.c: lower-case names in informal chat frames (round 13) ---- */
/* Whether the lower-case word w[0..n) may be a frame word ("bhai", "kuya", "oye", "and"): one load. */
extern const uint64_t pii_informal_gate[12][26];
static inline bool pii_is_informal_frame(const uint8_t *w, size_t n)
{
    if (n == 0 || n >= 12)
        return false;
    unsigned c = w[0] - 'a', l = w[n - 1] - 'a', c2 = w[n > 1 ? 1 : 0] - 'a';
    if (c >= 26 || l >= 26 || c2 >= 26)
        return false;
    uint64_t g = pii_informal_gate[n][c];
    return (g >> l & 1u) && (g >> (32 + c2) & 1u);
}
/* The walk's one call for the plain lower-case word [p, j) that passed pii_is_informal_frame or goes on with a
 * hyphen ("yuki-chan"). */
void pii_informal_word(pii_scan *sc, size_t p, size_t j);
/* "cześć kasia": the lower-case word [p, j) the walk left at a byte >= 0x80 may begin an accented frame word. */
void pii_informal_accented(pii_scan *sc, size_t p, size_t j);
/* "ollie: running late": the lower-case word [p, j) before a colon, at a line's start, may be a speaker. */
void pii_informal_speaker(pii_scan *sc, size_t p, size_t j);
/* "tanvi's mom": the possessive lower-case word [p, j) before a kinship word or a thing people own. */
void pii_informal_possessive(pii_scan *sc, size_t p, size_t j);
/* FRAMES, DENY and DEITY are sorted and pii_informal_gate is built from FRAMES (a unit test asks). */
bool pii_informal_tables_check(void);
/* "thx - dinesh": the lower-case word [a, b) after " - " that ends a line, which may sign the message (round 15). */
void pii_informal_signoff(pii_scan *sc, size_t a, size_t b);
/* The names that the frame word [p, j) vouches for ("rahul bhai", "kuya jun", "nour w layla"), or a name
 * [p, j) joined by a hyphen to a Japanese or Korean suffix ("yuki-chan"). */
void pii_informal_frame(pii_scan *sc, size_t p, size_t j);

/* ---- person_headers.c: "From: Surname, Given" ---- */
/* The pair [ws, ge) "Surname, Given" is the whole value of a mail or form header's name field. */
bool pii_header_name_field(const uint8_t *s, size_t n, size_t ws, size_t ge, unsigned surname_flags);

/* ---- person_cjk_roles.c: CJK names after role and kin nouns, kana names, spaced Japanese names ---- */
/* The end of a Chinese name at p (a known surname) right after a role or kin noun ("我同事陈思雨和"), 0 when
 * none; [a, b) is the run of Han characters. */
size_t pii_cjk_after_role(pii_scan *sc, size_t a, size_t b, size_t p);
/* The end of a name signing or addressed by a message at the start p == a of a Han run [a, b):
 * "佐藤より", "——张强全家", "王伟，...你..."; 0 when none. */
size_t pii_cjk_signoff(const uint8_t *s, size_t n, size_t a, size_t b, size_t p);
/* Where a Japanese name written "surname given" starts when its given name starts at g, else g. */
size_t pii_cjk_spaced_surname(const uint8_t *s, size_t g);
/* A name in kana before the honorific at `at` ("たかはしさん", "マリアさん"). */
void pii_kana_name_before(pii_scan *sc, size_t at);

/* ---- person_chat_frames.c: speaker labels, spoken self-introductions, kin titles, lists of people; roles,
 * rooms, JSON places and products ---- */
/* A speaker label that names a role ("Interviewer", "Host", "Caller"), not a person. */
bool pii_role_label(const uint8_t *w, size_t n);
/* The word walk hands each word that passes pii_chat_frame_gate: a speaker label, a list label, a name
 * before an age, a frame word ("it's", "soy", "don", "Maître" ...) adds the names it vouches for. */
void pii_chat_frame_word(pii_scan *sc, const word *w);
/* byte lengths (bit l) of the frame words by first letter a..t: most words leave here */
static const uint8_t PII_FRAME_LEN[20] = {0x68, 0x88, 0x22, 0x78, 0, 0, 0, 0, 0x0C, 0, 0x50, 0x40, 0xCC, 0x60, 0x08,
                                          0, 0, 0, 0x78, 0x10};
/* Whether a word of l bytes whose first letter, lowered, is c may pass pii_chat_frame_gate without cap (the
 * plain lower-case walk folds this into its table of word shapes). */
static inline bool pii_chat_frame_shape(uint8_t c, size_t l)
{
    if (l == 8)
        return c == 'b';
    return l <= 7 && c >= 'a' && c <= 't' && ((PII_FRAME_LEN[c - 'a'] >> l) & 1u);
}
/* The walk's gate before pii_chat_frame_word: the word [p, e) may be a frame word by its first two letters
 * and byte length ("it" and "c" only before an apostrophe, "this" only before " is "; the sports verbs
 * "scored", "kicked", "netted", "benched", "benching"), or (a capitalized
 * word: cap) ':', ", 29" or " [" follows it or "1:1 " comes before it. */
static inline bool pii_chat_frame_gate(const uint8_t *s, size_t n, size_t p, size_t e, bool cap)
{
    size_t l = e - p;
    if (cap && e + 2 < n &&
        (s[e] == ':' || (s[e] == ',' && s[e + 1] == ' ' && s[e + 2] >= '0' && s[e + 2] <= '9') ||
         (s[e] == ' ' && (s[e + 1] == '[' || s[e + 1] == '('))))
        return true;
    if (cap && p >= 3 && s[p - 2] == '1' && s[p - 3] == ':')
        return true;
    uint8_t c = (uint8_t)(s[p] | 0x20);
    if (l == 8)
        return c == 'b' && (s[p + 1] | 0x20) == 'e'; /* benching */
    if (l > 7 || c < 'a' || c > 't' || !((PII_FRAME_LEN[c - 'a'] >> l) & 1u))
        return false;
    uint8_t c2 = l > 1 ? pii_lower(s[p + 1]) : 0;
    bool apos = l <= 2 && e < n && (s[e] == '\'' || s[e] == 0xE2);
    switch (c) {
    case 'a': /* ate aunty auntie */
        return (l == 3 && c2 == 't') || ((l == 5 || l == 6) && c2 == 'u');
    case 'b': /* big benched */
        return (l == 3 && c2 == 'i') || (l == 7 && c2 == 'e');
    case 'c': /* c' coach */
        return (l == 1 && apos) || (l == 5 && c2 == 'o');
    case 'd': /* don dona doña doctor */
        return l >= 3 && l <= 6 && c2 == 'o';
    case 'i': /* it' ist */
        return (l == 2 && c2 == 't' && apos) || (l == 3 && c2 == 's');
    case 'k': /* kuya kicked */
        return (l == 4 && c2 == 'u') || (l == 6 && c2 == 'i');
    case 'l': /* little */
        return l == 6 && c2 == 'i';
    case 'm': /* mr ms mrs maitre maître */
        return ((l == 2 || l == 3) && (c2 == 'r' || c2 == 's')) || ((l == 6 || l == 7) && c2 == 'a');
    case 'n': /* nonna nonno netted */
        return (l == 5 && c2 == 'o') || (l == 6 && c2 == 'e');
    case 'o': /* oma omi opa opi */
        return l == 3 && (c2 == 'm' || c2 == 'p');
    case 's': /* seo soy sono savta scored */
        return (l == 3 && (c2 == 'e' || c2 == 'o')) || (l == 4 && c2 == 'o') || (l == 5 && c2 == 'a') ||
               (l == 6 && c2 == 'c');
    case 't': /* this (before " is "), tita tito */
        return l == 4 && (c2 == 'i' || (c2 == 'h' && e + 3 < n && s[e] == ' ' && s[e + 1] == 'i' && s[e + 2] == 's'));
    default:
        return false;
    }
}
/* After the walk: drops the candidates from first_cand on that the frames say are none (roles, kin words
 * and titles alone, rooms, JSON places and products, places after an age) and puts the candidates back
 * in text order. */
void pii_chat_frames(pii_scan *sc, size_t first_cand);

/* mail_fields.c (round 13): the name at [start, end) of nt words holds or is followed by a capitalized
 * English word the name lists lack ("Jira Automation", "Sentry Alerts", "Harper Collins Contract Renewal")
 * in a field that names a sender, a recipient or a subject (a From/To/Cc/Subject line in many languages,
 * an iCalendar CN=, a display name before "<address>"): a product, a team or a heading. fl: the words'
 * name flags. */
bool pii_mail_heading_name(const pii_scan *sc, size_t start, const size_t (*toks)[2], const unsigned *fl, size_t nt);
/* The word at [start, end) is a mail or MIME header field name ("Content-Type", "Bcc"; "Тема:" opening a
 * line under another header line). */
bool pii_mail_field_name(const pii_scan *sc, size_t start, size_t end);
/* Round 15: the word at [start, end) is a sender label of another language ("Dari:", "Từ:") opening its line
 * before a firm's name and the end of the line: no speaker. */
bool pii_mail_sender_label(const pii_scan *sc, size_t start, size_t end);
/* Round 15: the one ASCII word at [start, end) fills a sender or recipient field to its end or its address
 * ("From: Zendesk"); the caller checks that no name list holds it. */
bool pii_service_sender(const pii_scan *sc, size_t start, size_t end);

/* person_bots.c (round 15): the name at [start, end) (one: a single word) is a bot or a virtual assistant
 * ("Nora, your virtual assistant", "the support bot Oliver", "Karma Bot:", "Renovatebot", "Mailer-Daemon"). */
bool pii_bot_name(const pii_scan *sc, size_t start, size_t end, bool one);
/* The value of a JSON "name" key at [start, end) whose object describes an animal or a product (a sibling
 * key "species", "breed", "sku", "model", "firmware", "version"). */
bool pii_json_thing_name(const pii_scan *sc, size_t start, size_t end);
/* Round 15: "St. Augustine", "Mt. Rainier", "Ft. Myers": a one-word name at a right after a place prefix with
 * its dot (a place or a saint; "St Augustine" without the dot is round 4's). */
static inline bool pii_saint_prefix_dot(const uint8_t *s, size_t a)
{
    if (a < 4 || s[a - 1] != ' ' || s[a - 2] != '.' || (s[a - 3] != 't' && s[a - 3] != 'e'))
        return false;
    size_t b = a - 2, p = b;
    while (p > 0 && b - p < 3 && pii_is_alpha(s[p - 1]))
        p--;
    return (p == 0 || !pii_is_alpha(s[p - 1])) && pii_is_upper(s[p]) &&
           word_in(s + p, b - p, (const char *const[]){"st", "ste", "mt", "ft", NULL});
}

/* person_toasts.c (round 15): the name at [start, end), with the word before it or alone, is a greeting, a
 * closing or a toast of another language before its punctuation ("Trân Trọng!", "Salam Hangat", "Na Zdrowie!"). */
bool pii_toast_phrase(const pii_scan *sc, size_t start, size_t end);

/* person_firm_lists.c (round 15): the name at [start, end) (first_flags: its first word's name flags) is a
 * firm in a list of firms ("Raymond James and Wells Fargo", "Goldman Sachs and Raymond James"). */
bool pii_firm_list(const pii_scan *sc, size_t start, size_t end, unsigned first_flags);
/* Every word of the name (fl: their name flags) is a capitalized English word the name lists lack ("Work
 * Product", "Accounts"). */
bool pii_all_dictionary_words(const uint8_t *s, const size_t (*toks)[2], const unsigned *fl, size_t nt);

#endif
