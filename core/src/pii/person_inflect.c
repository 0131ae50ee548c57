/* Given names in the grammatical cases of languages that decline them (issue 17, round 12): Finnish
 * (Jukan, Mikolle, Kirsiltä), Hungarian (Zoltánnal, Eszternek, Ilonától), Polish and Czech (Magdaleną,
 * Katarzynę, Tomaszowi, Markiem, Janovi, Terezou), Lithuanian (Lukui, Jonu), Croatian and Serbian
 * (Goranom, Marinu) and Icelandic (Helgu). The written form is not in the lists; its nominative is. */
#include <string.h>

#include "names.h"
#include "person.h"

/* Flags of the nominative held in buf[0..m): the lists fold Latin diacritics only through
 * pii_folded_flags. Names that are also places (Roma, Asia) or English words (Eve, Lea) do not count:
 * "Roman", "Even" and "Lean" are their Finnish genitives only on paper. */
static unsigned nominative_flags(const uint8_t *buf, size_t m)
{
    unsigned f = sc_name_lookup(buf, m);
    if (f == 0)
        for (size_t i = 0; i < m; i++)
            if (buf[i] >= 0x80) {
                f = pii_folded_flags(buf, 0, m) & ~(unsigned)SC_NAME_WORD;
                break;
            }
    /* given names only: a surname in a case (Németh-nek) rides on the given name before it, and the
     * surname-only keys are often words in these languages (Benn-em, Étter-em) */
    if ((f & SC_NAME_FIRST) == 0 || (f & SC_NAME_WORD))
        return 0;
    /* a place that is also a common given name (Magdalena, Victoria) keeps the name */
    if (((f & SC_NAME_PLACE) || sc_place_lookup(buf, m)) && !(f & SC_NAME_COMMON_FIRST))
        return 0;
    int cls = sc_word_class(buf, m);
    if (cls == SC_WORD_STOP || cls == SC_WORD_PLACE || cls == SC_WORD_AMBIGUOUS || cls == SC_WORD_SOFTWARE)
        return 0;
    /* the case ending is evidence of its own: a declined given name scores as a common one does */
    return (f & (SC_NAME_FIRST | SC_NAME_LAST)) | SC_NAME_COMMON_FIRST;
}

static bool vowel(uint8_t c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* A Hungarian long or rounded vowel (é, ö, ő, ü, ű) in the word: its -em is "my", not an instrumental. */
static bool hungarian_vowel(const uint8_t *s, size_t a, size_t b)
{
    for (size_t i = a; i + 1 < b; i++)
        if ((s[i] == 0xC3 && (s[i + 1] == 0xA9 || s[i + 1] == 0x89 || s[i + 1] == 0xB6 || s[i + 1] == 0xBC)) ||
            (s[i] == 0xC5 && (s[i + 1] == 0x91 || s[i + 1] == 0xB1)))
            return true;
    return false;
}

/* Finnish consonant gradation: the case form lost one of a double k, p or t (Jukka -> Jukan, Pekka ->
 * Pekalle, Matti -> Matille); stem buf[0..m) ends in consonant + vowel: double the consonant. */
static unsigned graded_flags(uint8_t *buf, size_t m)
{
    if (m < 3 || m + 1 > 40 || !vowel(buf[m - 1]))
        return 0;
    uint8_t c = buf[m - 2];
    if (c != 'k' && c != 'p' && c != 't')
        return 0;
    buf[m] = buf[m - 1];
    buf[m - 1] = c;
    unsigned f = nominative_flags(buf, m + 1);
    buf[m - 1] = buf[m]; /* undo */
    return f;
}

/* Ending -> nominative ending, by language; the longest endings first. `min` is the least number of bytes
 * left before the ending (a short stem plus a short ending is an English word too often: "Even", "Bean"). */
typedef struct {
    const char *end, *nom;
    unsigned char min, grade; /* grade: 1 also with gradation, 2 only with gradation */
} case_ending;

static const case_ending ENDINGS[] = {
    /* Finnish local cases, with gradation (Mikolle, Kirsiltä, Sannalla, Pekasta) */
    {"lle", "", 4, 1},
    {"lta", "", 4, 1},
    {"lt\xc3\xa4", "", 4, 1},
    {"lla", "", 4, 1}, /* not after i: Gorilla, Vanilla, Tortilla (below) */
    {"ll\xc3\xa4", "", 4, 1},
    {"st\xc3\xa4", "", 4, 1},
    /* Hungarian: the stem's final a/e is long before a suffix (Annával, Évának); -val/-vel turns into the
     * doubled last consonant (handled below) */
    {"\xc3\xa1val", "a", 3, 0},
    {"\xc3\xa9vel", "e", 3, 0},
    {"\xc3\xa1nak", "a", 3, 0},
    {"\xc3\xa9nek", "e", 3, 0},
    {"\xc3\xa1t\xc3\xb3l", "a", 3, 0},
    {"\xc3\xa9t\xc5\x91l", "e", 3, 0},
    {"\xc3\xa1hoz", "a", 3, 0},
    {"\xc3\xa9hez", "e", 3, 0},
    {"nak", "", 5, 0}, /* not Másnak */
    {"nek", "", 5, 0},
    {"t\xc3\xb3l", "", 5, 0},
    {"t\xc5\x91l", "", 5, 0},
    {"hoz", "", 5, 0},
    {"hez", "", 5, 0},
    {"h\xc3\xb6z", "", 5, 0},
    /* Polish, Czech, Slovak: dative -owi/-ovi, instrumental -kiem (Marek -> Markiem), -em, -ą, -ou,
     * accusative -ę */
    {"owi", "", 3, 0},
    {"ovi", "", 3, 0},
    {"kiem", "ek", 2, 0},
    {"\xc5\x82" "em", "e\xc5\x82", 2, 0}, /* Paweł -> Pawłem: the e of the last syllable drops */
    {"iem", "", 3, 0},
    {"em", "", 4, 0}, /* not Lorem, Razem */
    {"\xc4\x85", "a", 4, 0},
    {"\xc4\x99", "a", 4, 0},
    {"ou", "a", 4, 0},
    /* Croatian, Serbian: instrumental -om after n, r, k, l, v (Goranom, Petrom, Markom; not Random,
     * Bottom, Custom, Wisdom) */
    {"om", "", 4, 0},
    /* Lithuanian: -ui and -u for -as/-us, -ę for -ė (not -ai for -a: Hungarian's Amerikai, Római), -ių for -ius */
    {"ui", "as", 3, 0},
    {"ui", "us", 3, 0},
    {"i\xc5\xb3", "ius", 3, 0},
    {"\xc4\x99", "\xc4\x97", 4, 0},
    /* -u: Lithuanian (Tomas -> Tomu), Croatian (Marina -> Marinu, Ivan -> Ivanu, Marko -> Marku), Icelandic
     * (Helga -> Helgu) */
    {"u", "as", 3, 0},
    {"u", "a", 4, 0},  /* after g, l, n, r, v, j, s, c only: not Haiku, Hindu, Fondu */
    {"u", "", 4, 0},   /* after t, r, l, v, j, s only (Londynu, Berlinu are places) */
    {"u", "o", 4, 0},  /* after k only: Marku, Branku */
    /* Finnish genitive -n only with gradation (Jukan, Mikon, Matin): with a plain stem it is the English
     * -ian, -en, -in of Italian, Hidden, Margin as often */
    {"n", "", 4, 2},
};

enum { N_ENDINGS = sizeof ENDINGS / sizeof ENDINGS[0] };
_Static_assert(N_ENDINGS <= 64, "ENDINGS_BY_LAST holds one bit per ending");
/* Built once: the lengths of each ending and its nominative, and per last byte the endings ending in it. */
static pii_once endings_built = PII_ONCE_INIT;
static uint8_t ENDING_LEN[N_ENDINGS], NOM_LEN[N_ENDINGS];
static uint64_t ENDINGS_BY_LAST[256];

static void index_endings(void)
{
    for (size_t k = 0; k < N_ENDINGS; k++) {
        ENDING_LEN[k] = (uint8_t)strlen(ENDINGS[k].end);
        NOM_LEN[k] = (uint8_t)strlen(ENDINGS[k].nom);
        ENDINGS_BY_LAST[(uint8_t)ENDINGS[k].end[ENDING_LEN[k] - 1]] |= 1ull << k;
    }
}

unsigned pii_latin_case_flags(const uint8_t *s, size_t a, size_t b)
{
    size_t n = b - a;
    if (n < 4 || n > 32)
        return 0;
    /* the endings that end in the word's last byte, in table order (none: no case form) */
    pii_run_once(&endings_built, index_endings);
    uint64_t cand = ENDINGS_BY_LAST[s[b - 1]];
    if (cand == 0)
        return 0;
    if (sc_place_lookup(s + a, n))
        return 0; /* Londynu's Londyn is a city, Milan too */
    uint8_t buf[44];
    /* Hungarian -val/-vel after a consonant doubles it: Zoltánnal, Gáborral, Péterrel */
    if (n >= 7 && (s[b - 1] == 'l') && (s[b - 2] == 'a' || s[b - 2] == 'e') && s[b - 3] == s[b - 4] &&
        pii_is_alpha(s[b - 3]) && !vowel(s[b - 3])) {
        memcpy(buf, s + a, n - 3);
        unsigned f = nominative_flags(buf, n - 3);
        if (f != 0)
            return f;
    }
    for (; cand != 0; cand &= cand - 1) {
        unsigned k = (unsigned)__builtin_ctzll(cand);
        const case_ending *e = &ENDINGS[k];
        size_t el = ENDING_LEN[k], rl = NOM_LEN[k];
        if (n < el + e->min || memcmp(s + b - el, e->end, el) != 0)
            continue;
        size_t m = n - el;
        uint8_t before = pii_lower(s[a + m - 1]);
        if (el == 1 && e->end[0] == 'n' && !vowel(before))
            continue; /* the genitive -n follows a vowel */
        if (el == 2 && e->end[0] == 'o' && e->end[1] == 'm' && !pii_in_chars("nrklv", before))
            continue;
        if (el == 3 && memcmp(e->end, "lla", 3) == 0 && before == 'i')
            continue;
        if (el == 2 && e->end[0] == 'e' && e->end[1] == 'm' &&
            (s[a + m - 2] == s[a + m - 1] || hungarian_vowel(s, a, b)))
            continue; /* Hungarian -em "my" (Bennem, Étterem), not the Polish and Czech instrumental */
        if (e->end[0] == 'u' && vowel(before))
            continue; /* Adieu, Bayou, Milieu, Thou */
        if (el == 1 && e->end[0] == 'u' && strcmp(e->nom, "as") != 0 &&
            !pii_in_chars(e->nom[0] == 'a' ? "glnrvjsc" : e->nom[0] == 'o' ? "k" : "trlvjs", before))
            continue;
        memcpy(buf, s + a, m);
        memcpy(buf + m, e->nom, rl);
        unsigned f = e->grade == 2 ? 0 : nominative_flags(buf, m + rl);
        /* a short rare given name in -a is as often a Polish adjective in the same case: "na Jasną Górę",
         * "Nową Hutę" (Jasna, Nowa); the common ones stay (Anną, Martą) */
        if (f != 0 && el == 2 && s[b - 2] == 0xC4 && m + rl < 6 &&
            !(sc_name_lookup(buf, m + rl) & SC_NAME_COMMON_FIRST))
            f = 0;
        if (f == 0 && e->grade)
            f = graded_flags(buf, m + rl);
        if (f != 0)
            return f;
    }
    return 0;
}
