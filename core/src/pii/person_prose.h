/* Words and frames of longer prose (letters, minutes, newsletters, speeches) that are never a person:
 * closed-class words in Title Case, audience nouns after a greeting, venues named after someone. */
#ifndef SANCTUM_PII_PERSON_PROSE_H
#define SANCTUM_PII_PERSON_PROSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A Bloom filter of the English words that are no name (prose_words_data.c, generated from wamerican). */
extern const uint64_t sc_prose_english_bits[16384];

/* Weekday and month names of glibc's locale data (prose_calendar_data.c, generated), sorted by bytes. */
extern const char *const sc_prose_calendar[];
extern const size_t sc_prose_calendar_count;

/* German function words the gazetteer holds only as rare given names (prose_stopwords_data.c, generated
 * from stopwords-iso): closed-class words too ("Kein Speicher", "Berichten Sie Fehler"). */
extern const char *const sc_prose_stopwords[];
extern const size_t sc_prose_stopwords_count;

enum {
    PII_PROSE_CLOSED = 1,
    PII_PROSE_AUDIENCE = 2,
    PII_PROSE_WISH = 4,
    PII_PROSE_VENUE = 8,
    PII_PROSE_SAINT = 16,
    PII_PROSE_ROLE = 32,
    PII_PROSE_GREETING = 64 /* a greeting of names.c's table of words before a name */
};
/* What the word is of the lists below (one lowering, one hash probe): VENUE a venue noun before a name,
 * SAINT pii_saint_word, ROLE pii_role_noun. */
unsigned pii_prose_class(const uint8_t *w, size_t n);

/* The capitalized word w[0..n) is a closed-class word never a person in prose: an English function word
 * ("Or", "And", "Was"), a weekday or month name, a feast or a season's greeting word ("Easter",
 * "Navidad", "Année"). */
bool pii_prose_closed(const uint8_t *w, size_t n);

/* The capitalized word after a feast makes one day of it: "Christmas Eve", "Easter Monday". */
bool pii_feast_day(const uint8_t *w, size_t n);

/* The capitalized word is a group addressed by a greeting: "Liebe Mitglieder", "Dear Residents". */
bool pii_audience_noun(const uint8_t *w, size_t n);

/* The capitalized word is a wish before a feast: "Merry", "Joyeux", "Feliz", "Frohe", "Bonne". */
bool pii_season_wish(const uint8_t *w, size_t n);

/* The name at [start, end) of nt words (toks) is a room, hall, school, hotel, library, ward or trail named
 * after someone: a venue word right before it ("salle Louise Michel", "Hotel Isabel", "im. Marii"), or
 * "the" before a name whose last word names the venue ("the Mary Seacole Ward"). */
bool pii_venue_name(const uint8_t *s, size_t n, size_t start, const size_t (*toks)[2], size_t nt);

/* The capitalized word [ws, we) is an elided article or preposition glued to the next word: Italian
 * "Nell'aula", "Dell'anno", French "L'équipe" (a lower-case letter after the apostrophe). */
bool pii_elided_article(const uint8_t *s, size_t n, size_t ws, size_t we);

/* The capitalized word names a saint: "Santo", "São", "Sankt", "Świętego", "Αγίου" ("Santo António" is a
 * feast, a church or a place). */
bool pii_saint_word(const uint8_t *w, size_t n);

/* The word before start (one space) is a preposition of place of another language: "desde Valencia",
 * "nach Florence", "em Victoria", "из Москвы". */
bool pii_foreign_place_prep(const uint8_t *s, size_t start);

/* After a name ending at end: the writer coordinated with it ("Klaus und ich", "Zofia and I", "Тарас і я"). */
bool pii_pronoun_pair(const uint8_t *s, size_t n, size_t end);

/* "the Carol Concert", "the Roman Empire", "the Annual General Meeting": "the" (and at most one capitalized
 * word) before a given name and a capitalized English word the gazetteer lacks (pii_english_word). */
bool pii_the_heading(const uint8_t *s, size_t n, size_t start, const size_t (*toks)[2], size_t nt, unsigned last_flags);

/* "General Public License", "General Commands Manual", "Victor Control Panel": three or more words, all after
 * the first capitalized English words the name lists lack (pii_english_word), with or without "the" before:
 * a heading or a product's name, not a person. */
bool pii_title_heading(const uint8_t *s, const size_t (*toks)[2], size_t nt);

/* The ASCII word w[0..n) (any case) is an English dictionary word the name gazetteer lacks ("Service",
 * "Empire", "Meeting"): the Bloom filter of prose_words_data.c. */
bool pii_english_word(const uint8_t *w, size_t n);

/* The capitalized word names a role or a body, not a person: "Manager", "Agent", "Committee", "Vorstand",
 * "Zarząd" ("Kind regards, Letting Agent", "Dr. Fiona McLeish, Ward Manager"). */
bool pii_role_noun(const uint8_t *w, size_t n);

/* The word before the "a" at a_start is a Spanish or Portuguese verb taking a person: the personal "a"
 * ("conocí a Lucía Ferrer", "os presento a Annika"), not the English article ("a Ford Fiesta"). */
bool pii_romance_personal_a(const uint8_t *s, size_t a_start);

#endif
