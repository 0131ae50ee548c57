/* The number words a spoken phone, SSN, card or bank number is said with, in the languages whose words start
 * with a Latin letter: digits (zero/oh ... nine), teens, tens and hundreds, so a number said in groups
 * ("quarante-cinq", "treinta y cuatro", "dreiundzwanzig", "ventitré", "девятьсот шестнадцать") reads as
 * digits. rec_spoken.c assembles the words into digit groups. Cyrillic words are found by the pass over the
 * text's non-ASCII bytes (native_digits.c), not by the gate below.
 *
 * Every word of the text passes pii_maybe_digit_word first (its first letter, its second letter and its
 * length, or the length of its ASCII head when a letter such as é, ü, ę or ố follows): the tables it reads
 * are built here once from the word list, so a new word is a line of data. */
#include "pii.h"

typedef struct number_word {
    const char *w;
    uint8_t kind;
    int16_t value;
} number_word;

#define D(w, v) {w, PII_NW_DIGIT, v}
#define T(w, v) {w, PII_NW_TEEN, v}
#define X(w, v) {w, PII_NW_TENS, v}
#define H(w, v) {w, PII_NW_HUNDREDS, v}
static const number_word WORDS[] = {
    /* English */
    D("zero", 0), D("oh", 0), D("one", 1), D("two", 2), D("three", 3), D("four", 4), D("five", 5), D("six", 6),
    D("seven", 7), D("eight", 8), D("nine", 9), T("ten", 10), T("eleven", 11), T("twelve", 12),
    T("thirteen", 13), T("fourteen", 14), T("fifteen", 15), T("sixteen", 16), T("seventeen", 17),
    T("eighteen", 18), T("nineteen", 19), X("twenty", 20), X("thirty", 30), X("forty", 40), X("fifty", 50),
    X("sixty", 60), X("seventy", 70), X("eighty", 80), X("ninety", 90), {"hundred", PII_NW_HUNDRED, 100},
    {"double", PII_NW_REPEAT, 2}, {"triple", PII_NW_REPEAT, 3}, {"and", PII_NW_JOIN, 0},
    /* Spanish */
    D("cero", 0), D("uno", 1), D("una", 1), D("dos", 2), D("tres", 3), D("cuatro", 4), D("cinco", 5),
    D("seis", 6), D("siete", 7), D("ocho", 8), D("nueve", 9), T("diez", 10), T("once", 11), T("doce", 12),
    T("trece", 13), T("catorce", 14), T("quince", 15), T("diecis\xc3\xa9is", 16), T("dieciseis", 16),
    T("diecisiete", 17), T("dieciocho", 18), T("diecinueve", 19), X("veinte", 20), X("treinta", 30),
    X("cuarenta", 40), X("cincuenta", 50), X("sesenta", 60), X("setenta", 70), X("ochenta", 80),
    X("noventa", 90), {"veintiuno", PII_NW_TENS, 21}, {"veintid\xc3\xb3s", PII_NW_TENS, 22},
    {"veintitr\xc3\xa9s", PII_NW_TENS, 23}, {"veinticuatro", PII_NW_TENS, 24}, {"veinticinco", PII_NW_TENS, 25},
    {"veintis\xc3\xa9is", PII_NW_TENS, 26}, {"veintisiete", PII_NW_TENS, 27}, {"veintiocho", PII_NW_TENS, 28},
    {"veintinueve", PII_NW_TENS, 29}, H("cien", 100), H("ciento", 100), H("doscientos", 200),
    H("trescientos", 300), H("cuatrocientos", 400), H("quinientos", 500), H("seiscientos", 600),
    H("setecientos", 700), H("ochocientos", 800), H("novecientos", 900), {"y", PII_NW_JOIN, 0},
    /* French ("quatre-vingt" is quatre then vingt: rec_spoken.c reads it as 80) */
    D("z\xc3\xa9ro", 0), D("un", 1), D("une", 1), D("deux", 2), D("trois", 3), D("quatre", 4), D("cinq", 5),
    D("sept", 7), D("huit", 8), D("neuf", 9), T("dix", 10), T("onze", 11), T("douze", 12), T("treize", 13),
    T("quatorze", 14), T("quinze", 15), T("seize", 16), X("vingt", 20), X("vingts", 20), X("trente", 30),
    X("quarante", 40), X("cinquante", 50), X("soixante", 60), {"cent", PII_NW_HUNDRED, 100},
    {"et", PII_NW_JOIN, 0},
    /* German (the compounds "dreiundzwanzig" are read by number_word below) */
    D("null", 0), D("eins", 1), D("zwei", 2), D("zwo", 2), D("drei", 3), D("vier", 4), D("f\xc3\xbcnf", 5),
    D("sechs", 6), D("sieben", 7), D("acht", 8), D("neun", 9), T("zehn", 10), T("elf", 11),
    T("zw\xc3\xb6lf", 12), T("dreizehn", 13), T("vierzehn", 14), T("f\xc3\xbcnfzehn", 15), T("sechzehn", 16),
    T("siebzehn", 17), T("achtzehn", 18), T("neunzehn", 19), X("zwanzig", 20), X("drei\xc3\x9fig", 30),
    X("dreissig", 30), X("vierzig", 40), X("f\xc3\xbcnfzig", 50), X("sechzig", 60), X("siebzig", 70),
    X("achtzig", 80), X("neunzig", 90), {"hundert", PII_NW_HUNDRED, 100}, {"und", PII_NW_JOIN, 0},
    /* Italian (the compounds "ventitré" are read by number_word below) */
    D("uno", 1), D("due", 2), D("tre", 3), D("quattro", 4), D("cinque", 5), D("sei", 6), D("sette", 7),
    D("otto", 8), D("nove", 9), T("dieci", 10), T("undici", 11), T("dodici", 12), T("tredici", 13),
    T("quattordici", 14), T("quindici", 15), T("sedici", 16), T("diciassette", 17), T("diciotto", 18),
    T("diciannove", 19), X("venti", 20), X("trenta", 30), X("quaranta", 40), X("cinquanta", 50),
    X("sessanta", 60), X("settanta", 70), X("ottanta", 80), X("novanta", 90), {"cento", PII_NW_HUNDRED, 100},
    {"e", PII_NW_JOIN, 0},
    /* Portuguese ("meia" is the six of Brazilian dictation) */
    D("um", 1), D("uma", 1), D("dois", 2), D("duas", 2), D("tr\xc3\xaas", 3), D("quatro", 4), D("meia", 6),
    D("sete", 7), D("oito", 8), T("dez", 10), T("doze", 12), T("treze", 13), T("quatorze", 14),
    T("dezesseis", 16), T("dezasseis", 16), T("dezessete", 17), T("dezassete", 17), T("dezoito", 18),
    T("dezenove", 19), T("dezanove", 19), X("vinte", 20), X("trinta", 30), X("quarenta", 40),
    X("cinquenta", 50), X("sessenta", 60), X("oitenta", 80), X("noventa", 90),
    /* Dutch */
    D("nul", 0), D("een", 1), D("\xc3\xa9\xc3\xa9n", 1), D("twee", 2), D("drie", 3), D("vijf", 5), D("zes", 6),
    D("zeven", 7), D("negen", 9), T("tien", 10), T("twaalf", 12), T("dertien", 13), T("veertien", 14),
    X("twintig", 20), X("dertig", 30), X("veertig", 40), X("vijftig", 50), X("zestig", 60), X("zeventig", 70),
    X("tachtig", 80), X("negentig", 90),
    /* Polish */
    D("jeden", 1), D("jedna", 1), D("dwa", 2), D("trzy", 3), D("cztery", 4), D("pi\xc4\x99\xc4\x87", 5),
    D("sze\xc5\x9b\xc4\x87", 6), D("siedem", 7), D("osiem", 8), D("dziewi\xc4\x99\xc4\x87", 9),
    X("dwadzie\xc5\x9b" "cia", 20), X("trzydzie\xc5\x9b" "ci", 30), X("czterdzie\xc5\x9b" "ci", 40),
    H("sto", 100), H("dwie\xc5\x9b" "cie", 200), H("trzysta", 300), H("czterysta", 400),
    H("pi\xc4\x99\xc4\x87" "set", 500), H("siedemset", 700), H("osiemset", 800),
    /* Turkish (not "on", ten: an English preposition) */
    D("s\xc4\xb1" "f\xc4\xb1r", 0), D("bir", 1), D("iki", 2), D("\xc3\xbc\xc3\xa7", 3), D("d\xc3\xb6rt", 4), D("be\xc5\x9f", 5),
    D("alt\xc4\xb1", 6), D("yedi", 7), D("sekiz", 8), D("dokuz", 9), X("yirmi", 20), X("otuz", 30),
    X("k\xc4\xb1rk", 40), X("elli", 50), X("altm\xc4\xb1\xc5\x9f", 60), X("yetmi\xc5\x9f", 70),
    X("seksen", 80), X("doksan", 90),
    /* Indonesian and Malay */
    D("nol", 0), D("kosong", 0), D("satu", 1), D("dua", 2), D("tiga", 3), D("empat", 4), D("lima", 5),
    D("enam", 6), D("tujuh", 7), D("delapan", 8), D("lapan", 8), D("sembilan", 9),
    /* Vietnamese */
    D("kh\xc3\xb4ng", 0), D("linh", 0), D("m\xe1\xbb\x99t", 1), D("hai", 2), D("ba", 3), D("b\xe1\xbb\x91n", 4),
    D("t\xc6\xb0", 4), D("n\xc4\x83m", 5), D("l\xc4\x83m", 5), D("s\xc3\xa1u", 6), D("b\xe1\xba\xa3y", 7),
    D("t\xc3\xa1m", 8), D("ch\xc3\xadn", 9), T("m\xc6\xb0\xe1\xbb\x9di", 10),
    /* Russian, Ukrainian, Bulgarian (lower case: a number said in words is mid-sentence) */
    D("ноль", 0), D("нуль", 0), D("нула", 0), D("один", 1), D("одна", 1), D("едно", 1), D("два", 2), D("две", 2),
    D("дві", 2), D("три", 3), D("четыре", 4), D("чотири", 4), D("четири", 4), D("пять", 5), D("пет", 5),
    D("шесть", 6), D("шість", 6), D("шест", 6), D("семь", 7), D("сім", 7), D("седем", 7), D("восемь", 8),
    D("вісім", 8), D("осем", 8), D("девять", 9), D("девет", 9), T("десять", 10), T("одиннадцать", 11),
    T("двенадцать", 12), T("тринадцать", 13), T("четырнадцать", 14), T("пятнадцать", 15), T("шестнадцать", 16),
    T("семнадцать", 17), T("восемнадцать", 18), T("девятнадцать", 19), X("двадцать", 20), X("двадцять", 20),
    X("тридцать", 30), X("тридцять", 30), X("сорок", 40), X("пятьдесят", 50), X("шестьдесят", 60),
    X("семьдесят", 70), X("восемьдесят", 80), X("девяносто", 90), H("сто", 100), H("двести", 200),
    H("двісті", 200), H("триста", 300), H("четыреста", 400), H("чотириста", 400), H("пятьсот", 500),
    H("шестьсот", 600), H("шістсот", 600), H("семьсот", 700), H("сімсот", 700), H("восемьсот", 800),
    H("вісімсот", 800), H("девятьсот", 900), T("одинадцять", 11), T("дванадцять", 12), T("тринадцять", 13),
    T("чотирнадцять", 14), T("шістнадцять", 16), T("сімнадцять", 17), T("вісімнадцять", 18),
    X("шістдесят", 60), X("сімдесят", 70), X("вісімдесят", 80),
};
#undef D
#undef T
#undef X
#undef H
enum { WORD_COUNT = sizeof WORDS / sizeof WORDS[0] };

/* German tens joined to their unit by "und" ("dreiundzwanzig" = 23, "einundvierzig" = 41). */
static const char *const DE_UNITS[] = {"ein", "zwei", "drei", "vier", "f\xc3\xbcnf", "sechs", "sieben", "acht",
                                       "neun"};
static const char *const DE_TENS[] = {"zwanzig", "drei\xc3\x9fig", "dreissig", "vierzig", "f\xc3\xbcnfzig",
                                      "sechzig", "siebzig", "achtzig", "neunzig"};
static const int16_t DE_TENS_VALUE[] = {20, 30, 30, 40, 50, 60, 70, 80, 90};
/* Dutch tens after their unit and "en" ("vierendertig" = 34, "drieëntwintig" = 23). */
static const char *const NL_UNITS[] = {"een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"};
static const char *const NL_TENS[] = {"twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig",
                                      "negentig"};
/* Italian tens with their unit glued on ("ventitré", "trentuno", "quarantotto": the vowel drops before uno
 * and otto). */
static const char *const IT_STEMS[] = {"vent", "trent", "quarant", "cinquant", "sessant", "settant", "ottant",
                                       "novant"};
static const char *const IT_UNITS[] = {"uno", "due", "tr\xc3\xa9", "tre", "quattro", "cinque", "sei", "sette", "otto",
                                       "nove"};
static const int16_t IT_UNIT_VALUE[] = {1, 2, 3, 3, 4, 5, 6, 7, 8, 9};
static const char *const IT_VOWEL[] = {"i", "a", "a", "a", "a", "a", "a", "a"};

uint32_t pii_spoken_one_high, pii_spoken_pair_ascii[26 * 26], pii_spoken_pair_high[26 * 26];
uint64_t pii_spoken_ascii_words[64];

/* Word bytes compared as pii_word_eq does: ASCII lowered, other bytes as they are. */
static bool eq_at(const uint8_t *a, size_t n, const char *w, size_t wl)
{
    if (n != wl)
        return false;
    for (size_t i = 0; i < n; i++)
        if (pii_lower(a[i]) != (uint8_t)w[i])
            return false;
    return true;
}

static bool prefix_at(const uint8_t *a, size_t n, const char *w, size_t *wl)
{
    size_t l = strlen(w);
    if (l > n)
        return false;
    for (size_t i = 0; i < l; i++)
        if (pii_lower(a[i]) != (uint8_t)w[i])
            return false;
    *wl = l;
    return true;
}

/* The rows of WORDS by the hash of their bytes (ASCII lowered), open addressing; built once with the gate. 0 is
 * an empty slot, else the row + 1. */
enum { SLOTS = 1024 };
static uint16_t slot[SLOTS];
static uint8_t word_len[sizeof WORDS / sizeof WORDS[0]];

static uint32_t word_hash(const uint8_t *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ pii_lower(w[i])) * 16777619u;
    return h;
}

/* The first two letters of the Cyrillic number words (U+0430-U+045F: lower case, і ї є included), as bits of
 * first * 48 + second. */
static uint8_t cyrillic_pairs[48 * 48 / 8];

static int cyrillic_index(const uint8_t *w)
{
    unsigned cp = ((unsigned)(w[0] & 0x1F) << 6) | (w[1] & 0x3Fu);
    return (w[0] == 0xD0 || w[0] == 0xD1) && cp >= 0x430 && cp < 0x460 ? (int)(cp - 0x430) : -1;
}

static void note_cyrillic(const char *w)
{
    const uint8_t *b = (const uint8_t *)w;
    if (strlen(w) < 4)
        return;
    int a = cyrillic_index(b), c = cyrillic_index(b + 2);
    if (a < 0 || c < 0)
        return;
    unsigned bit = (unsigned)a * 48u + (unsigned)c;
    cyrillic_pairs[bit / 8] |= (uint8_t)(1u << (bit % 8));
}

bool pii_cyrillic_number_start(const uint8_t *w, size_t n)
{
    if (n < 4)
        return false;
    int a = cyrillic_index(w), c = cyrillic_index(w + 2);
    if (a < 0 || c < 0)
        return false;
    unsigned bit = (unsigned)a * 48u + (unsigned)c;
    return ((unsigned)cyrillic_pairs[bit / 8] >> (bit % 8) & 1u) != 0;
}

static void note_gate(const char *w)
{
    const uint8_t *b = (const uint8_t *)w;
    size_t head = 0, len = strlen(w);
    while (head < len && b[head] < 0x80)
        head++;
    uint32_t c = (uint32_t)(b[0] - 'a');
    if (c >= 26 || head > 31 || head == 0)
        return;
    if (head == len) {
        uint32_t h = pii_spoken_ascii_hash(b, len);
        pii_spoken_ascii_words[h >> 6] |= (uint64_t)1 << (h & 63);
    }
    if (head == 1) {
        if (head < len)
            pii_spoken_one_high |= 1u << c; /* fünf, sáu: one ASCII letter before a Latin letter outside ASCII */
        return;
    }
    uint32_t c2 = (uint32_t)(b[1] - 'a');
    if (c2 >= 26)
        return;
    if (head == len)
        pii_spoken_pair_ascii[c * 26 + c2] |= 1u << head;
    else
        pii_spoken_pair_high[c * 26 + c2] |= 1u << head;
}

/* buf = a + b + c (each short: the compounds' parts). */
static const char *join3(char *buf, size_t cap, const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    if (la + lb + lc >= cap)
        return "";
    memcpy(buf, a, la);
    memcpy(buf + la, b, lb);
    memcpy(buf + la + lb, c, lc + 1);
    return buf;
}

static void build_gate(void)
{
    char buf[40];
    _Static_assert(WORD_COUNT < SLOTS / 2, "the hash table stays at most half full");
    for (size_t k = 0; k < WORD_COUNT; k++) {
        const uint8_t *w = (const uint8_t *)WORDS[k].w;
        size_t len = strlen(WORDS[k].w), h = word_hash(w, len) & (SLOTS - 1);
        word_len[k] = (uint8_t)len;
        bool dup = false;
        while (slot[h] != 0 && !dup) {
            dup = strcmp(WORDS[slot[h] - 1].w, WORDS[k].w) == 0; /* "uno", "quatro": the first row stands */
            h = (h + 1) & (SLOTS - 1);
        }
        if (!dup)
            slot[h] = (uint16_t)(k + 1);
        if (WORDS[k].kind != PII_NW_JOIN && WORDS[k].kind != PII_NW_HUNDRED) {
            note_gate(WORDS[k].w); /* a run starts with neither "and" nor "hundred" */
            note_cyrillic(WORDS[k].w);
        }
    }
    for (size_t u = 0; u < sizeof DE_UNITS / sizeof DE_UNITS[0]; u++)
        for (size_t t = 0; t < sizeof DE_TENS / sizeof DE_TENS[0]; t++) {
            note_gate(join3(buf, sizeof buf, DE_UNITS[u], "und", DE_TENS[t]));
        }
    for (size_t u = 0; u < sizeof NL_UNITS / sizeof NL_UNITS[0]; u++)
        for (size_t t = 0; t < sizeof NL_TENS / sizeof NL_TENS[0]; t++) {
            note_gate(join3(buf, sizeof buf, NL_UNITS[u], "en", NL_TENS[t]));
            note_gate(join3(buf, sizeof buf, NL_UNITS[u], "\xc3\xabn", NL_TENS[t]));
        }
    for (size_t t = 0; t < sizeof IT_STEMS / sizeof IT_STEMS[0]; t++)
        for (size_t u = 0; u < sizeof IT_UNITS / sizeof IT_UNITS[0]; u++) {
            bool elide = IT_UNITS[u][0] == 'u' || IT_UNITS[u][0] == 'o';
            note_gate(join3(buf, sizeof buf, IT_STEMS[t], elide ? "" : IT_VOWEL[t], IT_UNITS[u]));
            /* compound_it reads the stem's vowel as optional: the other spelling goes in the word bits */
            const char *other = join3(buf, sizeof buf, IT_STEMS[t], elide ? IT_VOWEL[t] : "", IT_UNITS[u]);
            size_t ol = strlen(other);
            uint32_t h = pii_spoken_ascii_hash((const uint8_t *)other, ol);
            pii_spoken_ascii_words[h >> 6] |= (uint64_t)1 << (h & 63);
        }
}

static pii_once gate_built = PII_ONCE_INIT;

void pii_spoken_index(void) { pii_run_once(&gate_built, build_gate); }

static bool compound_de(const uint8_t *w, size_t n, pii_nword *out)
{
    for (size_t u = 0; u < sizeof DE_UNITS / sizeof DE_UNITS[0]; u++) {
        size_t ul;
        if (!prefix_at(w, n, DE_UNITS[u], &ul) || ul + 3 >= n || !eq_at(w + ul, 3, "und", 3))
            continue;
        for (size_t t = 0; t < sizeof DE_TENS / sizeof DE_TENS[0]; t++)
            if (eq_at(w + ul + 3, n - ul - 3, DE_TENS[t], strlen(DE_TENS[t]))) {
                out->kind = PII_NW_TENS_UNIT;
                out->value = (int16_t)(DE_TENS_VALUE[t] + (int16_t)u + 1);
                return true;
            }
    }
    return false;
}

static bool compound_nl(const uint8_t *w, size_t n, pii_nword *out)
{
    for (size_t u = 0; u < sizeof NL_UNITS / sizeof NL_UNITS[0]; u++) {
        size_t ul;
        if (!prefix_at(w, n, NL_UNITS[u], &ul))
            continue;
        size_t j = ul;
        if (j + 2 < n && pii_lower(w[j]) == 'e' && pii_lower(w[j + 1]) == 'n')
            j += 2; /* vierendertig */
        else if (j + 3 < n && w[j] == 0xC3 && w[j + 1] == 0xAB && pii_lower(w[j + 2]) == 'n')
            j += 3; /* drieëntwintig */
        else
            continue;
        for (size_t t = 0; t < sizeof NL_TENS / sizeof NL_TENS[0]; t++)
            if (eq_at(w + j, n - j, NL_TENS[t], strlen(NL_TENS[t]))) {
                out->kind = PII_NW_TENS_UNIT;
                out->value = (int16_t)((int16_t)(t + 2) * 10 + (int16_t)u + 1);
                return true;
            }
    }
    return false;
}

static bool compound_it(const uint8_t *w, size_t n, pii_nword *out)
{
    for (size_t t = 0; t < sizeof IT_STEMS / sizeof IT_STEMS[0]; t++) {
        size_t sl;
        if (!prefix_at(w, n, IT_STEMS[t], &sl))
            continue;
        size_t p = sl;
        if (p < n && pii_lower(w[p]) == (uint8_t)IT_VOWEL[t][0])
            p++;
        for (size_t u = 0; u < sizeof IT_UNITS / sizeof IT_UNITS[0]; u++)
            if (p < n && eq_at(w + p, n - p, IT_UNITS[u], strlen(IT_UNITS[u]))) {
                out->kind = PII_NW_TENS_UNIT;
                out->value = (int16_t)((int16_t)(t + 2) * 10 + IT_UNIT_VALUE[u]);
                return true;
            }
        return false;
    }
    return false;
}

bool pii_number_word(const uint8_t *w, size_t n, pii_nword *out)
{
    if (n == 0 || n > 40)
        return false;
    pii_spoken_index();
    for (size_t h = word_hash(w, n) & (SLOTS - 1); slot[h] != 0; h = (h + 1) & (SLOTS - 1)) {
        const number_word *r = &WORDS[slot[h] - 1];
        if (word_len[slot[h] - 1] == n && eq_at(w, n, r->w, n)) {
            out->kind = r->kind;
            out->value = r->value;
            return true;
        }
    }
    return n >= 9 && (compound_de(w, n, out) || compound_nl(w, n, out) || compound_it(w, n, out));
}
