/* PERSON word classes: what one word is (a name particle, name-shaped, an everyday word, a chat word),
 * with the gazetteer flags of a word including hyphenated and O'/D' forms. */
#include <string.h>

#include "names.h"
#include "person.h"
#include "pii.h"

bool pii_particle(const uint8_t *w, size_t n)
{
    /* round 13: the patronymics of Malay (binti, bint) and Welsh (ap, verch); "ibn" and "ferch" below */
    static const char *const P[] = {"van", "der", "den", "de", "la", "le", "von", "da", "di", "du", "del",
                                    "della", "dos", "das", "bin", "al", "el", "ter", "ten", "zu", "y",
                                    "binti", "bint", "ap", "verch", NULL};
    if (n == 0 || n > 5)
        return false; /* no particle is longer ("della"): most words asked about are names */
    uint8_t c0 = pii_lower(w[0]); /* the first letter once, not in each compare */
    /* the list's first letters: a, b, d, e, l, t, v, y, z (most words are turned away before the walk) */
    static const uint32_t FIRST = 1u << ('a' - 'a') | 1u << ('b' - 'a') | 1u << ('d' - 'a') | 1u << ('e' - 'a') |
                                  1u << ('l' - 'a') | 1u << ('t' - 'a') | 1u << ('v' - 'a') | 1u << ('y' - 'a') |
                                  1u << ('z' - 'a');
    if (c0 == 'i' || c0 == 'f') /* Arabic "ibn", Welsh "ferch": "in", "is", "for", "from" leave on the length */
        return (n == 3 && pii_word_eq(w, n, "ibn")) || (n == 5 && pii_word_eq(w, n, "ferch"));
    if (c0 < 'a' || c0 > 'z' || (FIRST >> (c0 - 'a') & 1u) == 0)
        return false;
    for (size_t k = 0; P[k] != NULL; k++)
        if ((uint8_t)P[k][0] == c0 && pii_word_eq(w, n, P[k]))
            return true;
    return false;
}

bool pii_clan_particle(const uint8_t *w, size_t n)
{
    /* Ó (C3 93), Ní (4E C3 AD), Uí (55 C3 AD), Nic, Mhic: the capital is the first byte or two */
    if (n < 2 || n > 4 || !(w[0] == 0xC3 || w[0] == 'N' || w[0] == 'U' || w[0] == 'M'))
        return false;
    return bytes_in(w, n, (const char *const[]){"\xC3\x93", "N\xC3\xAD", "U\xC3\xAD", "Nic", "Mhic", NULL});
}

/* Is w usable inside a name: a capitalized word (or all caps when allow_caps), no code shape. */
bool pii_name_shaped(const pii_scan *sc, const word *w, bool allow_caps)
{
    if (w->camel || w->lower || (w->allcaps && !allow_caps))
        return false;
    const char *why;
    if (pii_in_code(sc, w->s, w->e, &why))
        return false;
    const uint8_t *s = sc->s;
    if ((w->s > 0 && pii_is_digit(s[w->s - 1])) || (w->e < sc->n && pii_is_digit(s[w->e])))
        return false;
    /* two capitals before a lower-case letter are a tool's name, not a person's ("ASan", "UBSan") */
    if (w->e - w->s >= 3 && pii_is_upper(s[w->s]) && pii_is_upper(s[w->s + 1]) && pii_is_lower(s[w->s + 2]))
        return false;
    return true;
}

/* A name that is also an everyday word needs more evidence: the hand-kept ambiguous words, places and
 * eponyms always; other dictionary words only when the name is rare (not a common first/last name). */
bool pii_word_like(unsigned f, int cls)
{
    if (cls == SC_WORD_AMBIGUOUS || cls == SC_WORD_PLACE || cls == SC_WORD_EPONYM || cls == SC_WORD_SOFTWARE)
        return true;
    return (f & SC_NAME_WORD) != 0 && (f & (SC_NAME_COMMON_FIRST | SC_NAME_COMMON_LAST)) == 0;
}

size_t pii_letter_before_utf8(const uint8_t *s, size_t q)
{
    size_t k = 1;
    while (k < 4 && k < q && (s[q - k] & 0xC0) == 0x80)
        k++;
    uint32_t cp;
    return sc_utf8_decode(s + q - k, k, &cp) == k && cp_letter(cp) ? k : 0;
}

/* Surnames the lists lack, told by an ending only surnames have: Icelandic "-dóttir"/"-sson", Polish
 * "-owski"/"-ewska"/"-ńska" (and "-skiej", "-wicz"), Czech and Slovak "-ová"/"-ovej", Ukrainian "-enko"/"-chuk",
 * Georgian "-shvili"/"-dze", Armenian "-yan", Greek "-opoulos"/"-akis", Turkish "-oğlu", Lithuanian
 * "-auskas"/"-ienė"/"-aitė", Russian patronymics "-ovich"/"-ovna", in Latin or Cyrillic letters (not Finnish
 * "-nen": German plurals end so, "Optionen", "Allgemeinen"). The stem before the ending is three bytes or
 * more ("Lesson", "Adze", "Nová" are none) and the word is no place. Capitalized words only. */
static unsigned surname_ending(const uint8_t *s, size_t a, size_t b, bool *adjective)
{
#define E_(str, st, ad) {str, sizeof(str) - 1, st, ad}
    static const struct {
        const char *end;
        uint8_t len;    /* bytes of the ending */
        uint8_t stem;   /* bytes the stem needs at least */
        bool adjective; /* the ending also makes adjectives and firm names ("Uniwersytet Jagielloński",
                           "Karaköy Güllüoğlu", "Nová Ves") */
    } E[] = { /* grouped by last byte, for the switch below */
        E_("owska", 2, true), E_("ewska", 2, true), E_("inska", 3, true), E_("ńska", 2, true),
        E_("ovna", 3, false), E_("evna", 3, false), E_("dze", 3, false), E_("ovich", 3, false),
        E_("evich", 3, false), E_("owski", 2, true), E_("ewski", 2, true), E_("inski", 3, true),
        E_("ński", 2, true), E_("shvili", 2, false), E_("skiej", 4, true), E_("ovej", 3, true),
        E_("chuk", 3, false), E_("czuk", 3, false), E_("sson", 4, false), E_("yan", 4, false),
        E_("skiego", 4, true), E_("enko", 3, false), E_("dóttir", 2, false), E_("dottir", 2, false),
        E_("opoulos", 2, false), E_("akis", 3, false), E_("auskas", 2, false), E_("ovou", 3, true),
        E_("opoulou", 2, false), E_("oğlu", 3, true), E_("oglu", 3, true), E_("wicz", 3, false),
        E_("чуку", 4, false), E_("ович", 4, false), E_("евич", 4, false), E_("ienė", 3, false),
        E_("aitė", 3, false), E_("ová", 3, true), E_("ové", 3, true), E_("чука", 4, false),
        E_("овна", 4, false), E_("евна", 4, false), E_("швили", 4, false), E_("чук", 4, false),
        E_("енко", 4, false)};
#undef E_
    /* only the endings with the word's last byte: most words are ruled out by the switch alone */
    size_t first, count;
    switch (s[b - 1]) {
    case 0x61:
        first = 0, count = 6;
        break;
    case 0x65:
        first = 6, count = 1;
        break;
    case 0x68:
        first = 7, count = 2;
        break;
    case 0x69:
        first = 9, count = 5;
        break;
    case 0x6A:
        first = 14, count = 2;
        break;
    case 0x6B:
        first = 16, count = 2;
        break;
    case 0x6E:
        first = 18, count = 2;
        break;
    case 0x6F:
        first = 20, count = 2;
        break;
    case 0x72:
        first = 22, count = 2;
        break;
    case 0x73:
        first = 24, count = 3;
        break;
    case 0x75:
        first = 27, count = 4;
        break;
    case 0x7A:
        first = 31, count = 1;
        break;
    case 0x83:
        first = 32, count = 1;
        break;
    case 0x87:
        first = 33, count = 2;
        break;
    case 0x97:
        first = 35, count = 2;
        break;
    case 0xA1:
        first = 37, count = 1;
        break;
    case 0xA9:
        first = 38, count = 1;
        break;
    case 0xB0:
        first = 39, count = 3;
        break;
    case 0xB8:
        first = 42, count = 1;
        break;
    case 0xBA:
        first = 43, count = 1;
        break;
    case 0xBE:
        first = 44, count = 1;
        break;
    default:
        return 0;
    }
    size_t len = b - a;
    for (size_t k = first; k < first + count; k++) {
        size_t l = E[k].len;
        if (len >= l + E[k].stem && memcmp(s + b - l, E[k].end, l) == 0) {
            *adjective = E[k].adjective;
            return sc_place_lookup(s + a, len) ? 0 : SC_NAME_LAST;
        }
    }
    return 0;
}

/* A capitalized Latin word that the lists lack may be a name in a grammatical case (person_inflect.c). */
static unsigned latin_case(const uint8_t *s, size_t a, size_t b)
{
    bool up = false;
    if (letter_at(s, b, a, &up) == 0 || !up)
        return 0;
    return pii_latin_case_flags(s, a, b);
}

/* A capitalized word (Latin or Cyrillic capital) that the lists lack: its ending may still say surname. */
static unsigned unknown_capitalized(const uint8_t *s, size_t a, size_t b, bool *adjective)
{
    bool up = false;
    if (b - a < 5 || letter_at(s, b, a, &up) == 0 || !up)
        return 0; /* capitalized only: "Þórbergsdóttir", "Ткачук" */
    return surname_ending(s, a, b, adjective);
}

bool pii_surname_by_ending(const uint8_t *s, size_t a, size_t b)
{
    bool adjective = false;
    return sc_name_lookup(s + a, b - a) == 0 && unknown_capitalized(s, a, b, &adjective) != 0 && !adjective;
}

unsigned pii_name_flags(const uint8_t *s, size_t a, size_t b)
{
    unsigned f = sc_name_lookup(s + a, b - a);
    if (f != 0 || b - a < 3 || b - a > 40)
        return f;
    bool adj = false; /* the ending's adjective reading does not change the flags */
    if (s[a] >= 0x80) {
        if (s[a] == 0xCE || s[a] == 0xCF)
            return pii_greek_flags(s, a, b);
        if (s[a] == 0xD0 || s[a] == 0xD1) {
            unsigned g = pii_cyrillic_flags(s, a, b);
            return g != 0 ? g : unknown_capitalized(s, a, b, &adj);
        }
        /* Latin with diacritics (Ẹ, Ọ, Ấ start with E1) */
        unsigned g = (s[a] >= 0xC3 && s[a] <= 0xC9) || s[a] == 0xE1 ? pii_folded_flags(s, a, b) : 0;
        if (g == 0 || (g & SC_NAME_WORD)) { /* "Ágnesnek", "Ágotą" */
            unsigned c = latin_case(s, a, b);
            g = c != 0 ? c : g;
        }
        return g != 0 ? g : unknown_capitalized(s, a, b, &adj); /* "Þórbergsdóttir", "Łukasiewicz" */
    }
    const unsigned keep = SC_NAME_FIRST | SC_NAME_LAST | SC_NAME_COMMON_FIRST | SC_NAME_COMMON_LAST;
    for (size_t i = a + 1; i + 1 < b; i++)
        if (s[i] == '-') {
            unsigned f1 = pii_name_flags(s, a, i), f2 = pii_name_flags(s, i + 1, b);
            if ((f1 & (SC_NAME_FIRST | SC_NAME_LAST)) == 0 || (f2 & (SC_NAME_FIRST | SC_NAME_LAST)) == 0)
                return 0;
            return (f1 | f2) & keep;
        }
    size_t al;
    if (b - a >= 4 && apostrophe_at(s, b, a + 1, &al) && a + 1 + al < b) {
        uint8_t c = pii_lower(s[a]);
        unsigned rest = sc_name_lookup(s + a + 1 + al, b - a - 1 - al);
        if (c == 'o')
            return (rest & (SC_NAME_FIRST | SC_NAME_LAST)) ? SC_NAME_LAST : 0;
        if (c == 'd' || c == 'l') {
            uint8_t buf[40];
            buf[0] = s[a];
            memcpy(buf + 1, s + a + 1 + al, b - a - 1 - al);
            unsigned joined = sc_name_lookup(buf, b - a - al);
            if (joined & (SC_NAME_FIRST | SC_NAME_LAST))
                return joined & keep;
            return (rest & (SC_NAME_FIRST | SC_NAME_LAST)) ? (rest & (keep & ~(unsigned)SC_NAME_COMMON_FIRST)) : 0;
        }
    }
    for (size_t i = a; i < b; i++)
        if (s[i] >= 0x80) {
            unsigned g = pii_folded_flags(s, a, b);
            if (g == 0 || (g & SC_NAME_WORD)) { /* "Zoltánnal"; "Magdaleną" folds to a name, as a word */
                unsigned c = latin_case(s, a, b);
                g = c != 0 ? c : g;
            }
            return g != 0 ? g : unknown_capitalized(s, a, b, &adj);
        }
    unsigned g = latin_case(s, a, b); /* "Jukan", "Tomaszowi", "Goranom" */
    return g != 0 ? g : unknown_capitalized(s, a, b, &adj);
}

/* The slot of [a, b) (3 to 40 bytes) in m, and whether it holds the same bytes. */
static inline unsigned memo_slot(const uint8_t *s, const pii_word_memo *m, size_t a, size_t b, bool *hit)
{
    size_t l = b - a;
    unsigned h = ((unsigned)s[a] * 7u + (unsigned)s[a + 1] * 31u + (unsigned)s[b - 1] * 13u + (unsigned)l * 101u) &
                 (PII_WORD_MEMO - 1);
    *hit = (m->used[h >> 6] >> (h & 63) & 1) != 0 && m->len[h] == l && memcmp(s + m->at[h] - 1, s + a, l) == 0;
    return h;
}

static inline void memo_put(pii_word_memo *m, unsigned h, size_t a, size_t b, int val)
{
    m->used[h >> 6] |= 1ull << (h & 63);
    m->at[h] = a + 1;
    m->len[h] = (uint8_t)(b - a);
    m->val[h] = val;
}

/* The answer of fn for the word [a, b) of the text, from the memo m when the same bytes were asked before
 * in this call (words of 3 to 40 bytes; a shorter one is one look-up anyway). Inlined with each fn. */
static inline int memoised(const pii_scan *sc, pii_word_memo *m, size_t a, size_t b,
                           int (*fn)(const uint8_t *, size_t, size_t))
{
    const uint8_t *s = sc->s;
    if (sc->flags_memo == NULL || b - a < 3 || b - a > 40)
        return fn(s, a, b);
    bool hit;
    unsigned h = memo_slot(s, m, a, b, &hit);
    if (hit)
        return m->val[h];
    int v = fn(s, a, b);
    memo_put(m, h, a, b, v);
    return v;
}

static int name_flags_of(const uint8_t *s, size_t a, size_t b) { return (int)pii_name_flags(s, a, b); }
static int word_class_of(const uint8_t *s, size_t a, size_t b) { return sc_word_class(s + a, b - a); }

unsigned pii_name_flags_at(const pii_scan *sc, size_t a, size_t b)
{
    return (unsigned)memoised(sc, sc->flags_memo != NULL ? &sc->flags_memo->flags : NULL, a, b, name_flags_of);
}

int pii_word_class_at(const pii_scan *sc, size_t a, size_t b)
{
    return memoised(sc, sc->flags_memo != NULL ? &sc->flags_memo->cls : NULL, a, b, word_class_of);
}

/* Nothing but spaces before the end of a phrase (punctuation, a line break or the end of the text). */
bool pii_phrase_end_at(const uint8_t *s, size_t n, size_t q)
{
    while (q < n && s[q] == ' ')
        q++;
    return q >= n || s[q] == ',' || s[q] == '!' || s[q] == '.' || s[q] == '\n' || s[q] == '\r' || s[q] == '?' ||
           s[q] == ':' || s[q] == ';' || s[q] == ')';
}

/* Everyday chat words that are never a lower-case name, even where the gazetteer holds them as a name
 * in some locale ("hey, can you ...", "hi so the deploy ..."). */
static const char *const CHAT_a[] = {"a", "about", "afternoon", "again", "all", "already", "also", "an",
        "and", "any", "anybody", "anyone", "are", "as", "asap", "at", NULL};
static const char *const CHAT_b[] = {"back", "be", "been", "big", "bro", "btw", "but", "by", NULL};
static const char *const CHAT_c[] = {"can", "cant", "could", NULL};
static const char *const CHAT_d[] = {"dear", "did", "didnt", "do", "does", "dont", "dude", NULL};
static const char *const CHAT_e[] = {"evening", "everybody", "everyone", NULL};
static const char *const CHAT_f[] = {"fine", "folks", "for", "from", "fyi", NULL};
static const char *const CHAT_g[] = {"get", "glad", "gonna", "good", "got", "gotta", "guys", NULL};
static const char *const CHAT_h[] = {"had", "happy", "has", "have", "he", "her", "here", "his", "how", NULL};
static const char *const CHAT_i[] = {"idk", "if", "im", "imo", "in", "is", "isnt", "it", "ive", NULL};
static const char *const CHAT_j[] = {"just", NULL};
static const char *const CHAT_k[] = {NULL};
static const char *const CHAT_l[] = {"lemme", "let", "lets", "little", "lol", NULL};
static const char *const CHAT_m[] = { "man", "mate", "may", "maybe", "me", "might", "morning", "must", "my",
        NULL};
static const char *const CHAT_n[] = {"new", "night", "no", "not", "now", NULL};
static const char *const CHAT_o[] = {"of", "ok", "okay", "on", "one", "or", "our", NULL};
static const char *const CHAT_p[] = {"please", "pls", "plz", NULL};
static const char *const CHAT_q[] = {"quick", NULL};
static const char *const CHAT_r[] = {"real", NULL};
static const char *const CHAT_s[] = { "shall", "she", "should", "sis", "so", "someone", "sorry", "still",
        "sure", NULL};
static const char *const CHAT_t[] = { "team", "thank", "thanks", "that", "the", "their", "then", "there",
        "this", "thx", "to", "two", "ty", NULL};
static const char *const CHAT_u[] = {"u", "ur", NULL};
static const char *const CHAT_v[] = {NULL};
static const char *const CHAT_w[] = { "wanna", "was", "we", "well", "were", "what", "whats", "when", "where",
        "which", "who", "why", "will", "with", "wont", "world", "would", NULL};
static const char *const CHAT_x[] = {NULL};
static const char *const CHAT_y[] = {"ya", "yall", "yes", "you", "youre", NULL};
static const char *const CHAT_z[] = {NULL};
static const char *const *const CHAT_BY_FIRST[26] = {
    CHAT_a, CHAT_b, CHAT_c, CHAT_d, CHAT_e, CHAT_f, CHAT_g, CHAT_h, CHAT_i, CHAT_j, CHAT_k, CHAT_l, CHAT_m,
    CHAT_n, CHAT_o, CHAT_p, CHAT_q, CHAT_r, CHAT_s, CHAT_t, CHAT_u, CHAT_v, CHAT_w, CHAT_x, CHAT_y, CHAT_z};

/* The chat words in one hash set built once (lowered bytes, linear probing): every lower-case word next to a frame
 * word is asked, and the first-letter lists took a compare per entry. Only an entry under its own first letter goes
 * in, as the lists were read. */
enum { CHAT_SLOTS = 512 };
static const char *chat_slot[CHAT_SLOTS];
static uint8_t chat_slot_len[CHAT_SLOTS];
static pii_once chat_indexed = PII_ONCE_INIT;

static unsigned chat_hash(const uint8_t *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ pii_lower(w[i])) * 16777619u;
    return (unsigned)(h ^ (h >> 13)) & (CHAT_SLOTS - 1);
}

static void index_chat_words(void)
{
    for (unsigned c = 0; c < 26; c++)
        for (const char *const *e = CHAT_BY_FIRST[c]; *e != NULL; e++) {
            size_t l = strlen(*e);
            if (l == 0 || l > 9 || (uint8_t)(*e)[0] != 'a' + c)
                continue; /* the lists were read by the word's first letter, up to 9 letters */
            unsigned h = chat_hash((const uint8_t *)*e, l);
            while (chat_slot[h] != NULL)
                h = (h + 1) & (CHAT_SLOTS - 1);
            chat_slot[h] = *e;
            chat_slot_len[h] = (uint8_t)l;
        }
}

bool pii_chat_word(const uint8_t *w, size_t n)
{
    if (n == 0 || n > 9 || !pii_is_alpha(w[0]))
        return false;
    pii_run_once(&chat_indexed, index_chat_words);
    for (unsigned h = chat_hash(w, n); chat_slot[h] != NULL; h = (h + 1) & (CHAT_SLOTS - 1))
        if (chat_slot_len[h] == n && pii_word_eq(w, n, chat_slot[h]))
            return true;
    return false;
}

/* A word that may follow a self-introduced name: "i'm li wei from ...", "this is ana and ...". */
bool pii_intro_follow(const uint8_t *s, size_t n, size_t q)
{
    static const char *const F[] = {
        "and", "at", "btw", "by", "calling", "for", "from", "here", "i", "im", "in", "of", "on", "speaking",
        "with", NULL};
    if (q >= n || s[q] != ' ')
        return false;
    size_t a = q + 1, b = a;
    while (b < n && pii_is_lower(s[b]))
        b++;
    return b > a && (b >= n || !pii_is_alpha(s[b])) && WORD_IN_SORTED(s + a, b - a, F);
}

/* After a name it makes a holiday or an award: "Martin Luther King Jr. Day", "Turing Award". */
bool pii_honour_word(const uint8_t *w, size_t n)
{
    static const char *const H[] = {
        "award", "awards", "ceremony", "day", "fellowship", "holiday", "lecture", "medal", "nomination",
        "nominations", "nominee", "nominees", "prize", "scholarship", "trophy", "weekend", NULL};
    if (n < 3 || n > 11)
        return false;
    uint8_t c = pii_lower(w[0]);
    if (c != 'd' && c != 'p' && c != 'a' && c != 'm' && c != 'l' && c != 'f' && c != 's' && c != 't' &&
        c != 'h' && c != 'w' && c != 'n' && c != 'c')
        return false;
    return word_in(w, n, H);
}

/* A lower-case noun that makes the name before it a thing named after someone: laws and theorems
 * ("Murphy's law", "De Morgan's laws"), diseases ("Parkinson's disease"), dishes ("Caesar salad"); round 15
 * adds furniture and shoes named like people ("Billy bookcase", "the Louis sofa bed", "Chelsea boots"). */
bool pii_thing_noun(const uint8_t *w, size_t n, bool possessive)
{
    /* what a person may own too ("Dana's cake", "Omar's bike"): only without a possessive; products and
     * hardware named like people ("Coral TPUs", "Jordan sneakers"), fashion brands ("Ralph Lauren jeans") */
    static const char *const T[] = {
        "accelerator", "accelerators", "armchair", "armchairs", "balloon", "balloons", "ballroom", "bike",
        "bikes", "bookcase", "bookcases", "bookshelf", "boots", "bourbon", "boutique", "bulb", "bulbs",
        "cabinet", "cake", "casserole", "chipset", "cocktail", "cologne", "complex", "console", "consoles",
        "controller", "controllers", "couch", "coupe", "cpu", "cpus", "cycle", "dealer", "dealership", "devkit",
        "dresser", "dressing", "earbuds", "engine", "engines", "firmware", "fragrance", "gpu", "gpus",
        "handbag", "handbags", "headphones", "headset", "jacket", "jackets", "jeans", "lamp", "lamps",
        "loafers", "magazine", "mattress", "model", "models", "nightstand", "npu", "npus", "ottoman", "outlet",
        "outlets", "perfume", "pipeline", "pipelines", "pudding", "recliner", "rug", "rugs", "salad", "sandals",
        "sandwich", "sauce", "scale", "sdk", "sedan", "shelving", "sideboard", "sneakers", "soc", "sofa",
        "sofabed", "sofas", "soup", "stool", "store", "stores", "stove", "stoves", "stroganoff", "sunglasses",
        "suv", "tart", "thermometer", "tires", "torte", "tpu", "tpus", "tyres", "underwear", "wardrobe",
        "wardrobes", "whiskey", "whisky", "wristband", NULL};
    static const char *const N[] = {
        "conjecture", "constant", "criterion", "dilemma", "disease", "diseases", "distribution", "effect",
        "equation", "equations", "formula", "hypothesis", "identities", "identity", "inequality", "law",
        "laws", "lemma", "lymphoma", "palsy", "paradox", "postulate", "principle", "razor", "sarcoma",
        "sieve", "syndrome", "theorem", "theorems", "transform", "transformation", "wager", NULL};
    if (n < 3 || n > 14)
        return false;
    return WORD_IN_SORTED(w, n, N) || (!possessive && WORD_IN_SORTED(w, n, T));
}

/* A capitalized word before a name that makes it a dish: "Beef Wellington", "Eggs Benedict". */
bool pii_quoted_product_noun(const uint8_t *w, size_t n)
{
    /* in quotes a name is a product's even before the plainer nouns ("the \"Matilda\" table") */
    static const char *const Q[] = {"bed", "chair", "chairs", "desk", "lamp", "mirror", "range", "set", "shelf",
                                    "table", "tables", "vase", NULL};
    return n >= 3 && n <= 7 && WORD_IN_SORTED(w, n, Q);
}

bool pii_food_before(const uint8_t *w, size_t n)
{
    static const char *const F[] = {
        "bananas", "beef", "cake", "cherries", "chicken", "crepes", "duck", "egg", "eggs", "lamb", "lobster",
        "oysters", "pasta", "peach", "peaches", "pie", "pizza", "pork", "potatoes", "salad", "salmon",
        "sauce", "shrimp", "sole", "soup", "steak", "tournedos", "turkey", "veal", NULL};
    if (n < 3 || n > 9)
        return false;
    return WORD_IN_SORTED(w, n, F);
}

/* w (n bytes, capitalized or not) lowered into buf (ASCII only) and looked up in a sorted list. */
static bool lower_in(const uint8_t *w, size_t n, const char *const *list, size_t count)
{
    uint8_t buf[16];
    if (n == 0 || n > sizeof buf)
        return false;
    for (size_t i = 0; i < n; i++)
        buf[i] = pii_is_upper(w[i]) ? (uint8_t)(w[i] | 0x20) : w[i];
    return word_in_sorted(buf, n, list, count);
}
#define LOWER_IN(w, n, list) lower_in((w), (n), (list), sizeof(list) / sizeof((list)[0]) - 1)

/* Holy days, prayers and festival greetings named after gods, saints and people ("Hanuman Jayanti",
 * "Ganesh Chaturthi", "Eid Mubarak", "Hari Raya Aidilfitri", "Jai Shri Ram", "Om Namah Shivaya", "Barka da
 * Sallah"): the name's words are toks[0..nt), next the word after them (or NULL). */
bool pii_holy_day(const uint8_t *s, const size_t (*toks)[2], size_t nt, const uint8_t *next, size_t next_n)
{
    /* never a name, wherever it stands */
    static const char *const FEAST[] = {"aidilfitri", "ashtami", "chaturthi", "idulfitri", "janmashtami",
                                        "namah", "navami", "purnima", "sallah", "sankranti", "shivaratri",
                                        "shivay", "shivaya", NULL};
    /* a name too ("Jayanti"), but not after another */
    static const char *const FEAST_AFTER[] = {"fitri", "jayanti", "mahotsav", "puja", NULL};
    static const char *const EID[] = {"eid", "ramadan", "ramazan", "ramzan", NULL};
    static const char *const EID_AFTER[] = {"kareem", "mubarak", "saeed", "said", NULL};
    static const char *const JAI[] = {"jai", "om", NULL};
    static const char *const JAI_AFTER[] = {"hind", "mata", "ram", "shree", "shri", "siya", "sri", NULL};
    for (size_t k = 0; k <= nt; k++) {
        const uint8_t *w = k < nt ? s + toks[k][0] : next;
        size_t l = k < nt ? toks[k][1] - toks[k][0] : next_n;
        uint8_t c = w == NULL ? 0 : (uint8_t)(w[0] | 0x20);
        if (w == NULL || l < 4 || c < 'a' || c > 's' || !((0x4B325u >> (c - 'a')) & 1u)) /* a c f i j m n p s */
            continue;
        if (LOWER_IN(w, l, FEAST) || (k > 0 && LOWER_IN(w, l, FEAST_AFTER)))
            return true;
    }
    const uint8_t *w2 = nt >= 2 ? s + toks[1][0] : next;
    size_t l2 = nt >= 2 ? toks[1][1] - toks[1][0] : next_n, l1 = toks[0][1] - toks[0][0];
    uint8_t c1 = s[toks[0][0]] | 0x20;
    if (w2 == NULL || (c1 != 'e' && c1 != 'r' && c1 != 'j' && c1 != 'o' && c1 != 'h'))
        return false;
    if (LOWER_IN(s + toks[0][0], l1, EID) && LOWER_IN(w2, l2, EID_AFTER))
        return true;
    if (LOWER_IN(s + toks[0][0], l1, JAI) && LOWER_IN(w2, l2, JAI_AFTER))
        return true;
    /* "Hari Raya": the Malay feast day */
    return pii_word_eq(s + toks[0][0], l1, "Hari") && pii_word_eq(w2, l2, "Raya");
}

static unsigned lower_name_gate(const uint8_t *w, size_t n)
{
    unsigned f = sc_name_lookup(w, n);
    return (f & (SC_NAME_FIRST | SC_NAME_LAST)) && !pii_chat_word(w, n) ? f : 0u;
}

static int lower_name_of(const uint8_t *s, size_t a, size_t b) { return (int)lower_name_gate(s + a, b - a); }

unsigned pii_lower_name_flags(const pii_scan *sc, size_t a, size_t b)
{
    return (unsigned)memoised(sc, sc->flags_memo != NULL ? &sc->flags_memo->lower : NULL, a, b, lower_name_of);
}
