/* PERSON in other scripts and frames: Russian case endings, Hebrew and Arabic name pairs, CJK and Hangul
 * names before honorifics, honorifics and titles of other languages (issue 17). */
#include <string.h>

#include "names.h"
#include "utf8.h"
#include "person.h"

/* Gazetteer flags of a name token, also for the hyphen and apostrophe forms the lists do not hold:
 * "Mary-Jane" and "O'Brien-Kelly" (every part a known name), "O'Connor" (O' + a known name: a last
 * name), "D'Andre" (as "Dandre", or D' + a known name). Parts that are also words do not count as words. */
static unsigned cyrillic_endings(const uint8_t *s, size_t a, size_t b);

/* ё is written е as often as not (Серёжа, Сережа; Ковалёва, Ковалева) and the lists hold one of the two:
 * a word with ё (Ё) is also looked up, and its endings tried, with е (Е). */
unsigned pii_cyrillic_flags(const uint8_t *s, size_t a, size_t b)
{
    size_t n = b - a;
    if (n < 6 || n > 40 || (s[a] != 0xD0 && s[a] != 0xD1))
        return 0;
    unsigned f = cyrillic_endings(s, a, b);
    if (f != 0)
        return f;
    uint8_t e[40];
    bool yo = false;
    memcpy(e, s + a, n);
    for (size_t i = 0; i + 1 < n; i += (e[i] >= 0xC0 ? 2 : 1)) {
        if (e[i] == 0xD1 && e[i + 1] == 0x91)
            e[i] = 0xD0, e[i + 1] = 0xB5, yo = true; /* ё -> е */
        else if (e[i] == 0xD0 && e[i + 1] == 0x81)
            e[i + 1] = 0x95, yo = true; /* Ё -> Е */
    }
    if (!yo)
        return 0;
    f = sc_name_lookup(e, n) & (SC_NAME_FIRST | SC_NAME_LAST);
    return f != 0 ? f : cyrillic_endings(e, 0, n);
}

/* Russian names change their ending with the case ("Ивану Петрову", "с Анной Смирновой"): the
 * nominative is tried when the written form is not in the lists. Cyrillic letters are two bytes. */
static unsigned cyrillic_endings(const uint8_t *s, size_t a, size_t b)
{
    size_t n = b - a;
    static const char *const ENDS[][2] = {
        {"\xd0\xbe\xd0\xb9", "\xd0\xb0"}, /* -ой -> -а  (Анной, Смирновой) */
        {"\xd0\xb5\xd0\xb9", "\xd1\x8f"}, /* -ей -> -я */
        {"\xd1\x8b\xd0\xbc", ""},           /* -ым -> - (Петровым) */
        {"\xd0\xbe\xd0\xbc", ""},           /* -ом -> - (Иваном) */
        {"\xd0\xb5\xd0\xbc", ""},           /* -ем */
        {"\xd1\x83", ""},                     /* -у  -> - (Ивану, Петрову) */
        {"\xd1\x83", "\xd0\xb0"},           /* -у  -> -а (accusative: Оксану, Марину) */
        {"\xd1\x8e", "\xd1\x8f"},           /* -ю  -> -я */
        {"\xd0\xb0", ""},                     /* -а  -> - (Ивана, Петрова) */
        {"\xd0\xb5", "\xd0\xb0"},           /* -е  -> -а (Анне) */
        {"\xd1\x8b", "\xd0\xb0"},           /* -ы  -> -а (Анны) */
        {"\xd0\xb8", "\xd1\x8f"},           /* -и  -> -я */
        {"\xd1\x8f", ""},                     /* -я  -> - (Ukrainian genitive: Ігоря, Тараса's soft kin) */
        {"\xd1\x8f", "\xd1\x8c"},           /* -я  -> -ь (Игоря -> Игорь) */
        {"\xd1\x8f", "\xd0\xb9"},           /* -я  -> -й (Дмитрия, Андрея, Сергея: names in -ий, -ей) */
        {"\xd0\xb5", ""},                     /* -е  -> - (Ukrainian vocative: Тарасе, Ігоре) */
        {"\xd0\xbe", "\xd0\xb0"},           /* -о  -> -а (Ukrainian vocative: Оксано) */
        {"\xd0\xbe\xd0\xb2\xd1\x96", ""}, /* -ові -> - (Ukrainian dative: Тарасові) */
        {"\xd1\x8e", ""},                     /* -ю  -> - (Ігорю) */
        {"\xd1\x8e", "\xd1\x8c"},           /* -ю  -> -ь (Игорю -> Игорь) */
        {"\xd1\x8e", "\xd0\xb9"},           /* -ю  -> -й (Андрею, Сергею: names in -ей) */
        {"\xd0\xb5\xd0\xbc", "\xd0\xb9"}, /* -ем -> -й (Алексеем) */
        {"\xd1\x94\xd0\xbc", "\xd0\xb9"}, /* -єм -> -й (Ukrainian: Андрієм, Сергієм) */
        {"\xd0\xb8", "\xd0\xb0"},           /* -и  -> -а (Ukrainian genitive: Оксани, Тетяни); last: "Свети" skips it */
    };
    uint8_t buf[44];
    /* "Свети" is "Saint" in Bulgarian and Serbian (Свети Мартин), not Света's genitive */
    bool sveti = n == 10 && memcmp(s + a, "\xd0\xa1\xd0\xb2\xd0\xb5\xd1\x82\xd0\xb8", 10) == 0;
    for (size_t k = 0; k < sizeof ENDS / sizeof ENDS[0] - (sveti ? 1 : 0); k++) {
        size_t el = strlen(ENDS[k][0]), rl = strlen(ENDS[k][1]);
        if (n <= el + 2 || memcmp(s + b - el, ENDS[k][0], el) != 0)
            continue;
        memcpy(buf, s + a, n - el);
        memcpy(buf + n - el, ENDS[k][1], rl);
        unsigned f = sc_name_lookup(buf, n - el + rl);
        if (f & (SC_NAME_FIRST | SC_NAME_LAST))
            return f & (SC_NAME_FIRST | SC_NAME_LAST);
    }
    return 0;
}

/* Greek names change their ending with the case: vocative Νίκο, Γιάννη, Κώστα (nominative + ς), genitive
 * Νίκου (-ου for -ος), genitive of feminines Ελένης (-ς dropped). Accents are folded by the lookup. */
unsigned pii_greek_flags(const uint8_t *s, size_t a, size_t b)
{
    size_t n = b - a;
    if (n < 4 || n > 38 || (s[a] != 0xCE && s[a] != 0xCF))
        return 0;
    uint8_t buf[42];
    memcpy(buf, s + a, n);
    const uint8_t *e = s + b - 2;
    unsigned f = 0;
    /* ο, ό, η, ή, α, ά: the vocative of a name in -ος, -ης, -ας */
    if ((e[0] == 0xCE && (e[1] == 0xBF || e[1] == 0xB7 || e[1] == 0xB1 || e[1] == 0xAE || e[1] == 0xAC)) ||
        (e[0] == 0xCF && e[1] == 0x8C)) {
        buf[n] = 0xCF;
        buf[n + 1] = 0x82;
        f = sc_name_lookup(buf, n + 2);
    } else if (e[0] == 0xCF && e[1] == 0x82) { /* ς: the genitive of a feminine name */
        f = sc_name_lookup(buf, n - 2);
    } else if (n >= 6 && e[0] == 0xCF && e[1] == 0x85 && s[b - 4] == 0xCE && s[b - 3] == 0xBF) { /* -ου */
        buf[n - 2] = 0xCF;
        buf[n - 1] = 0x82;
        f = sc_name_lookup(buf, n);
    } else if (e[0] == 0xCE && e[1] == 0xB5) { /* ε: the vocative of a name in -ος stressed before its last syllable but one */
        buf[n - 2] = 0xCE, buf[n - 1] = 0xBF, buf[n] = 0xCF, buf[n + 1] = 0x82;
        f = sc_name_lookup(buf, n + 2);
    }
    if (f == 0)
        f = pii_greek_surname_ending(s, a, b); /* Παπαδόπουλε, Δημητρακάκη: person_script_titles.c */
    return f & (SC_NAME_FIRST | SC_NAME_LAST);
}

/* Latin letters with diacritics as the ASCII letter under them ('.' where there is none): U+00C0-U+024F,
 * then U+1E00-U+1EFF (Yoruba ẹ, ọ, ṣ). Combining marks (U+0300-U+036F) are dropped. The gazetteer holds
 * every Latin name without its diacritics too, so "Adébáyọ̀" is Adebayo. */
static const char FOLD_C0[] =
    "aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.yaaaaaaccccccccddddeeeeeeeeeegggggggg"
    "hh..iiiiiiiiii..jjkk.llllll..llnnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz........."
    "........................oo.............uu............................aaiioouuuuuuuuuu.aaaa....ggkkoo"
    "oo..j...gg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................";
static const char FOLD_1E00[] =
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssss"
    "ssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeee"
    "iiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

unsigned pii_folded_flags(const uint8_t *s, size_t a, size_t b)
{
    uint8_t buf[40];
    size_t m = 0, marked = 0;
    bool marks = false;
    for (size_t p = a; p < b;) {
        uint32_t cp;
        size_t l = s[p] < 0x80 ? 1 : sc_utf8_decode(s + p, b - p, &cp);
        if (l == 0)
            return 0;
        char c;
        if (l == 1)
            c = (char)s[p];
        else if (cp >= 0x300 && cp <= 0x36F)
            c = 0;
        else if (cp >= 0xC0 && cp <= 0x24F)
            c = FOLD_C0[cp - 0xC0];
        else if (cp >= 0x1E00 && cp <= 0x1EFF)
            c = FOLD_1E00[cp - 0x1E00];
        else
            return 0;
        if (c == '.' || m >= sizeof buf)
            return 0;
        if (c != 0)
            buf[m++] = (uint8_t)c;
        marked += l > 1;
        /* Vietnamese letters (ơ, ư, ă, the tone-marked vowels but ẹ and ọ): its names are keys as written */
        if (l > 1 && ((cp >= 0x1EA0 && cp <= 0x1EF9 && (cp | 1u) != 0x1EB9 && (cp | 1u) != 0x1ECD) ||
                      (cp | 1u) == 0x1A1 || cp == 0x1AF || cp == 0x1B0 || (cp | 1u) == 0x103))
            return 0;
        /* a combining tone mark (Yoruba's ọ̀), Hepburn's ō and ū (Satō, Yūki) */
        marks = marks || (l > 1 && ((cp >= 0x300 && cp <= 0x36F) || (cp | 1u) == 0x14D || (cp | 1u) == 0x16B));
        p += l;
    }
    if (m < 2 || marked == 0)
        return 0;
    unsigned f = sc_name_lookup(buf, m);
    /* with a tone mark or Hepburn's macron or two accented letters it is that name (Adébáyọ̀, Satō, Guðrún); a
     * word with one accent folded to ASCII is often an English name (Está, Stań, Daná): such words count
     * as names that are also words, which need the evidence of a sequence or a context (Seán) */
    if (marks || marked >= 2)
        return f & ~(unsigned)SC_NAME_WORD;
    return (f & (SC_NAME_FIRST | SC_NAME_LAST)) ? (f & (SC_NAME_FIRST | SC_NAME_LAST)) | SC_NAME_WORD : 0;
}

/* Honorifics written after a name: "Ayşe hanım", "Mehmet bey", "Tanaka san". */
bool pii_honorific_after(const uint8_t *s, size_t n, size_t end)
{
    static const char *const H[] = {"hanım", "hanim", "bey", "san", "sama", "sensei", "kun", "chan", "ji",
                                    "sahib", "saheb", "efendi", "hocam", NULL};
    if (end >= n || s[end] != ' ')
        return false;
    size_t a = end + 1, b = a;
    while (b < n && (pii_is_alpha(s[b]) || s[b] >= 0x80))
        b++;
    if (b - a < 2 || b - a > 7 || !pii_is_lower(s[a]) || !pii_in_chars("hbskcje", s[a]))
        return false;
    for (size_t k = 0; H[k] != NULL; k++)
        if (strlen(H[k]) == b - a && memcmp(s + a, H[k], b - a) == 0)
            return true;
    return false;
}

/* Words written after a given name to address or speak of a relative, elder or friend, romanized or in
 * Cyrillic: Tamil "anna"/"akka", Korean "unni"/"oppa", Punjabi "paaji", Hindi/Urdu "bhai"/"didi"/"beta",
 * Persian and Armenian "jan"/"joon", Malayalam "chettan"/"chechi", Arabic "habibi", Central Asian "апа".
 * The short ones that are words or particles elsewhere (Italian "di", Portuguese "da") count only right
 * before the comma or "!" of an address ("Payal di,"); "beta" (a son, or a release) not at all. Sorted (strcmp order). */
bool pii_address_word_after(const uint8_t *s, size_t n, size_t end)
{
    static const char *const FREE[] = {
        "aapa", "akka", "ammachi", "anna", "annachi", "apa", "appachan", "auntie", "aunty", "bhabhi",
        "bhai", "bhaijaan", "bhaiya", "bhaiyya", "chachi", "chechi", "chettai", "chettan", "didi", "eonni",
        "habibi", "habibti", "hyeong", "hyung", "ikka", "itha", "jaan", "jie", "jiejie", "joon", "mausi",
        "noona", "nuna", "oppa", "paaji", "paji", "tatik", "teyze", "thambi", "unni", "veerji", "ага",
        "апа", "джан", "ջան", NULL};
    static const char *const BEFORE_PUNCT[] = {"abi", "amma", "appa", "baji", "da", "dada", "di", "ge",
                                               "gege", "jan", "mama", "mami", "nani", NULL};
    if (end >= n || s[end] != ' ')
        return false;
    size_t a = end + 1, b = a;
    while (b < n && (pii_is_lower(s[b]) || s[b] >= 0x80))
        b++;
    if (b - a < 2 || b - a > 12)
        return false;
    if (WORD_IN_SORTED(s + a, b - a, FREE))
        return true;
    return b < n && (s[b] == ',' || s[b] == '!') && word_in(s + a, b - a, BEFORE_PUNCT);
}

/* "Tanaka-san", "Yamada-sensei": the part before a Japanese honorific suffix is a name. Returns the
 * end of the name part, or 0. */
size_t pii_suffix_honorific(const uint8_t *s, size_t ws, size_t we)
{
    static const char *const H[] = {"san", "sama", "sensei", "kun", "chan", "senpai", "dono", "shi", NULL};
    size_t hy = we;
    while (hy > ws && s[hy - 1] != '-')
        hy--;
    if (hy <= ws + 2)
        return 0;
    return word_in(s + hy, we - hy, H) ? hy - 1 : 0;
}

/* Titles written in lower case or outside ASCII: "господин Кузнецов", "госпожа Иванова". */
bool pii_nonascii_title(const uint8_t *w, size_t n)
{
    static const char *const T[] = {"господин", "госпожа", "господина", "господину", "госпоже", "г-н",
                                    "г-жа", "κύριος", "κυρία", "κ.", "מר", "גברת", "السيد", "السيدة",
                                    "श्री", "श्रीमती", NULL};
    for (size_t k = 0; T[k] != NULL; k++)
        if (strlen(T[k]) == n && memcmp(w, T[k], n) == 0)
            return true;
    return false;
}

/* Gazetteer flags of a word in a script without capitals (Hebrew, Arabic), with Hebrew's one-letter
 * prefixes (ל, ו, ב, מ, ש, ה, כ) and Arabic's article (ال) taken off when the written word is not in the
 * lists; *name_start is where the name itself starts. */
static unsigned uncased_flags(const uint8_t *s, size_t a, size_t b, size_t *name_start)
{
    *name_start = a;
    unsigned f = sc_name_lookup(s + a, b - a);
    if (f != 0)
        return f;
    if (b - a >= 6 && s[a] == 0xD7) {
        static const uint8_t PFX[] = {0x9C, 0x95, 0x91, 0x9E, 0xA9, 0x94, 0x9B}; /* ל ו ב מ ש ה כ */
        for (size_t k = 0; k < sizeof PFX; k++)
            if (s[a + 1] == PFX[k] && (f = sc_name_lookup(s + a + 2, b - a - 2)) != 0) {
                *name_start = a + 2;
                return f;
            }
    }
    /* Arabic glues "and" (و) to the word after it: "ونورة" is "and Noura" (round 13) */
    if (b - a >= 8 && s[a] == 0xD9 && s[a + 1] == 0x88 && (f = sc_name_lookup(s + a + 2, b - a - 2)) != 0) {
        *name_start = a + 2;
        return f;
    }
    /* Amharic glues the prepositions የ (of) and ለ (to, for) to the name: "የትዕግስት ሠርግ", "ለአበበ ከበደ" */
    if (b - a >= 9 && s[a] == 0xE1 && ((s[a + 1] == 0x8B && s[a + 2] == 0xA8) || (s[a + 1] == 0x88 && s[a + 2] == 0x88)) &&
        (f = sc_name_lookup(s + a + 3, b - a - 3)) != 0) {
        *name_start = a + 3;
        return f;
    }
    /* Thai glues the title คุณ (and what comes before it: สวัสดีคุณ) to the name: the name after the last one */
    static const uint8_t KHUN[] = {0xE0, 0xB8, 0x84, 0xE0, 0xB8, 0xB8, 0xE0, 0xB8, 0x93};
    if (b - a > sizeof KHUN && s[a] == 0xE0 && (s[a + 1] == 0xB8 || s[a + 1] == 0xB9)) {
        for (size_t q = b - sizeof KHUN + 1; q-- > a;)
            if (memcmp(s + q, KHUN, sizeof KHUN) == 0) {
                size_t at = q + sizeof KHUN;
                if (at < b && (f = sc_name_lookup(s + at, b - at)) != 0)
                    *name_start = at;
                return f;
            }
        return 0;
    }
    /* a name that is also a word (رئيس "president", صاحب "sir") with the article is the word (round 13) */
    if (b - a >= 8 && s[a] == 0xD8 && s[a + 1] == 0xA7 && s[a + 2] == 0xD9 && s[a + 3] == 0x84) {
        f = sc_name_lookup(s + a + 4, b - a - 4);
        return (f & (SC_NAME_FIRST | SC_NAME_LAST)) && !(f & SC_NAME_WORD) ? SC_NAME_LAST : 0;
    }
    /* Persian family names made from a name with the suffix -i (احمدی, حسینی, رضایی): the name before it */
    if (b - a >= 8 && s[b - 2] == 0xDB && s[b - 1] == 0x8C) {
        size_t e = b - 2;
        if (s[e - 2] == 0xDB && s[e - 1] == 0x8C)
            e -= 2; /* رضایی: the stem's own yeh */
        return sc_name_lookup(s + a, e - a) & (SC_NAME_FIRST | SC_NAME_LAST) ? SC_NAME_LAST : 0;
    }
    return 0;
}

/* Scripts without capitals: Hebrew, Arabic and Persian, the Indic scripts from Devanagari to Sinhala,
 * Thai, Lao, Myanmar, Georgian, Ge'ez, Khmer (by the first bytes of the word). */
bool pii_uncased_script(const uint8_t *w, size_t n)
{
    uint8_t c = w[0];
    return c == 0xD7 || (c >= 0xD8 && c <= 0xDB) || (n >= 3 && c == 0xE0 && w[1] >= 0xA4 && w[1] <= 0xBB) ||
           (n >= 3 && c == 0xE1 && (w[1] <= 0x83 || (w[1] >= 0x88 && w[1] <= 0x8E) || w[1] == 0x9E || w[1] == 0x9F));
}

/* The letters of the word at p (none when p is no letter): trailing punctuation such as "،", "؟" or
 * the danda "।" is not part of it. */
static size_t script_word_end(const uint8_t *s, size_t n, size_t p)
{
    bool up;
    size_t l;
    while (p < n && s[p] >= 0x80 && (l = letter_at(s, n, p, &up)) > 0)
        p += l;
    return p;
}

/* Words around a lone given name that only people take, in the languages of these scripts: before it
 * "dear", "hi", "thanks", "said" (Arabic puts the verb first), "a message from", titles; after it
 * "said", "wrote", "called", "asked", "is coming", the Hindi agent marker "ने" and honorific "जी". */
static const char *const FRAME_BEFORE[] = {
    "היי", "הי", "שלום", "תודה", "לכבוד", "אהלן", "אצל",                      /* Hebrew (אצל: at X's place) */
    "قال", "قالت", "عزيزي", "عزيزتي", "مرحبا", "شكرا", "أخبر", "اسأل", "أهلا", "السلام", /* Arabic */
    "عمتك", "عمتي", "خالتك", "خالتي", "عمك", "عمي", "خالك", "خالي", "ابني", "ابنه", "ابنها", "ابنك", "بنتي",
    "ابنتي", "أخي", "اخي", "أختي", "اختي", "جدتي", "جدي", "زوجي", "زوجتي",     /* Arabic kin: my/your aunt, son */
    "آقای", "خانم", "سلام", "عزیزم", "عزیز",                                   /* Persian, Urdu */
    "प्रिय", "नमस्ते", "श्री", "श्रीमती", "सुश्री", "डॉ",                       /* Hindi */
    "নমস্কার", "প্রিয়", "শ্রী", "শ্রীমতী",                                     /* Bengali */
    "ਸਤਿ", "ਪਿਆਰੇ", "ਸ਼੍ਰੀ",                                                    /* Punjabi */
    "வணக்கம்", "அன்புள்ள", "திரு", "திருமதி",                                 /* Tamil */
    "నమస్తే", "నమస్కారం", "ప్రియమైన", "శ్రీ",                                  /* Telugu */
    "ሰላም", "ጤና", "አቶ", "ወይዘሮ", "ውድ",                                /* Amharic */
    "สวัสดี", "คุณ", "ถึง", "จาก",                                            /* Thai (จาก: from) */
    "สุขสันต์วันเกิด", "สุขสันต์วันเกิดนะ", "ขอบคุณ", "ขอบคุณนะ", "ขอบคุณค่ะ", "ขอบคุณครับ", /* happy birthday, thanks */
    "வாழ்த்துக்கள்", "அம்மா", "அப்பா",                                         /* Tamil congratulations, mother, father */
    "জন্মদিন", "শুভেচ্ছা",                                                     /* Bengali (happy) birthday, wishes */
    "შენი", "ძვირფასო",                                                       /* Georgian yours, dear */
    NULL};
static const char *const FRAME_AFTER[] = {
    "אמר", "אמרה", "כתב", "כתבה", "התקשר", "התקשרה", "שאל", "שאלה", "ביקש", "ביקשה", "מגיע", "מגיעה",
    "מביא", "מביאה", "יביא", "תביא", "שולח", "שולחת", "מארח", "מארחת", "הביא", "הביאה", /* brings, sends, hosts */
    "قال", "قالت", "كتب", "كتبت", "اتصل", "اتصلت", "سأل", "سألت",
    "گفت", "نوشت", "پرسید", "زنگ", "بھائی", "صاحب", "باجی", "جان",
    "نے", "سے", "کو", "کا", "کی", "کے", /* round 13: Urdu's postpositions, as Hindi's below */
    "ने", "जी", "साहब", "भाई", "दीदी", "का", "की", "के", "से", "को",
    "ਦਾ", "ਦੀ", "ਦੇ", "ਨੂੰ",
    "দা", "দাদা", "দি", "দিদি", "ভাই", "আপা", "বলল", "বলেছে",
    "ਜੀ", "ਨੇ", "भैया", "चाचा", "मामा", "बेटा", "बेटी", "दादी", "नानी", "बहन",
    "ماموں", "مامو", "بیٹی", "بیٹا", "خالہ", "پھوپھو", "چچا", "آپا", "بھابھی", "نانی", "دادی", "خانم", "جون",
    "அண்ணா", "அக்கா", "சார்", "சொன்னார்",
    "గారు", "అన్న", "అక్క",
    "አለ", "አለች", "ደወለ", "ደወለች",
    NULL};
/* Two-word frames before the name: "a message / an email from" */
static const char *const FROM_NOUNS[] = {"رسالة", "بريد", "هدية", "הודעה", "מייל", "מכתב", "پیام", "नमस्कार",
                                         "संदेश", NULL};

/* The word that ends before p (over spaces, ':' and ','), as [*a, *b); false when there is none or when it is
 * longer than WORD_BEFORE_MAX bytes. Every caller compares the word with its lists (the longest entry,
 * "สุขสันต์วันเกิดนะ", is 51 bytes), so a longer one matches nothing; the bound keeps the walk back short where
 * no-break spaces (>= 0x80 too) join a whole text of words into one run (each word walked back to the run's start:
 * n^2, 1 MiB of "דני" + U+00A0 took 16 CPU s). */
enum { WORD_BEFORE_MAX = 64 };
static bool word_before(const uint8_t *s, size_t p, size_t *a, size_t *b)
{
    while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == ':' || s[p - 1] == ','))
        p--;
    *b = p;
    while (p > 0 && s[p - 1] >= 0x80 && *b - p < WORD_BEFORE_MAX)
        p--;
    *a = p;
    return *b > *a && (p == 0 || s[p - 1] < 0x80);
}

/* Titles of Arabic, Persian and Urdu before a name, which frame a family name alone as well ("خانم رحیمی",
 * "للسيد خالد المنصوري", "جناب عمران قریشی صاحب", "الحاج محمود عبد الرحمن"). */
static bool title_before(const uint8_t *s, size_t ws)
{
    static const char *const TITLE[] = {"السيد", "السيدة", "للسيد", "للسيدة", "الحاج", "الحاجة", "الدكتور",
                                        "الدكتورة", "الأستاذ", "الأستاذة", "المرحوم", "المرحومة", "جناب",
                                        "آقای", "خانم", "محترم", "محترمہ", "מר", "גברת", "הגברת", "למר",
                                        "לגברת", "הרב", "דוקטור", "دکتر", "مهندس", "ڈاکٹر", "پروفیسر",
                                        "المهندس", "المهندسة", "الشيخ", "الشيخة", "باسم",
                                        /* Indic and Ethiopic titles (Mr, Mrs, Ms, Dr) */
                                        "श्री", "श्रीमती", "सुश्री", "कुमारी", "डॉक्टर", "শ্রী", "শ্রীমতী", "திரு",
                                        "திருமதி", "செல்வி", "శ్రీ", "శ్రీమతి", "ਸ਼੍ਰੀ", "ਸ੍ਰੀਮਤੀ", "શ્રી", "શ્રીમતી",
                                        "ಶ್ರೀ", "ಶ್ರೀಮತಿ", "ശ്രീ", "ശ്രീമതി", "አቶ", "ወይዘሮ", "ወይዘሪት", "ዶክተር",
                                        /* the late (obituaries and condolences) */
                                        "الراحل", "الراحلة", "الفقيد", "الفقيدة", "توفي", "توفيت", "مرحوم", "مرحومہ",
                                        "شادروان", "स्वर्गीय", "দিবংগত", "প্রয়াত", "স্বর্গীয়", "அமரர்", "దివంగత",
                                        "המנוח", "המנוחה", NULL};
    /* abbreviated titles written with a dot: "स्व. हरिप्रसाद" (the late), "कै.", "डॉ." */
    static const char *const ABBREV[] = {"स्व", "कै", "डॉ", "श्री", "ડૉ", "ডাঃ", NULL};
    size_t a, b;
    if (ws >= 3 && s[ws - 1] == ' ' && s[ws - 2] == '.') {
        size_t e = ws - 2, q = e;
        while (q > 0 && s[q - 1] >= 0x80 && e - q < 16)
            q--;
        return q < e && bytes_in(s + q, e - q, ABBREV);
    }
    if (!word_before(s, ws, &a, &b) || b + 1 != ws)
        return false;
    if (bytes_in(s + a, b - a, TITLE))
        return true;
    /* Arabic glues "to" and "and" to the title: "للدكتورة" (ل + الدكتورة), "والسيد", "وللأستاذ" */
    uint8_t buf[40];
    size_t l = b - a;
    if (l >= 8 && l < sizeof buf && s[a] == 0xD9 && s[a + 1] == 0x88) /* و */
        a += 2, l -= 2;
    if (l >= 8 && l < sizeof buf && s[a] == 0xD9 && s[a + 1] == 0x84 && s[a + 2] == 0xD9 && s[a + 3] == 0x84) {
        buf[0] = 0xD8, buf[1] = 0xA7; /* لل -> ال */
        memcpy(buf + 2, s + a + 2, l - 2);
        return bytes_in(buf, l, TITLE);
    }
    return bytes_in(s + a, l, TITLE);
}

/* "in the name of" before an account holder, two words: Persian "به نام", Hebrew "על שם", Urdu "کے نام";
 * a holder or beneficiary label, also with a colon: "صاحب الحساب:", "المستفيد:", "לטובת". */
static bool holder_before(const uint8_t *s, size_t ws)
{
    static const char *const PAIRS[][2] = {{"به", "نام"}, {"על", "שם"}, {"کے", "نام"}, {"के", "नाम"},
                                           {"صاحب", "الحساب"}, {"صاحب", "حساب"}, {"בעל", "החשבון"},
                                           {"رحمة", "الله"}, {"رحمت", "خدا"}}; /* "passed to God's mercy" */
    static const char *const LABEL[] = {"المستفيد", "لصالح", "المستلم", "ذینفع", "گیرنده", "המוטב", "לטובת",
                                        "लाभार्थी", "खाताधारक", NULL};
    size_t a, b, a2, b2;
    if (!word_before(s, ws, &a, &b) || (b + 1 != ws && !(b + 2 == ws && s[b] == ':')))
        return false;
    if (bytes_in(s + a, b - a, LABEL))
        return true;
    if (!word_before(s, a, &a2, &b2) || b2 + 1 != a)
        return false;
    for (size_t k = 0; k < sizeof PAIRS / sizeof PAIRS[0]; k++)
        if (strlen(PAIRS[k][0]) == b2 - a2 && memcmp(s + a2, PAIRS[k][0], b2 - a2) == 0 &&
            strlen(PAIRS[k][1]) == b - a && memcmp(s + a, PAIRS[k][1], b - a) == 0)
            return true;
    return false;
}

/* Two letters of one Indic block (lead byte E0, the same pair of second bytes). */
static bool same_block(const uint8_t *a, const uint8_t *b)
{
    return a[0] == b[0] && (a[1] >> 1) == (b[1] >> 1);
}

/* After a title or holder frame the name ends at punctuation: ",", ".", "،", "۔", or the line's end. */
static bool punct_after(const uint8_t *s, size_t n, size_t e)
{
    return e >= n || s[e] == ',' || s[e] == '.' || s[e] == '\n' || s[e] == ';' ||
           (e + 1 < n && ((s[e] == 0xD8 && s[e + 1] == 0x8C) || (s[e] == 0xDB && s[e + 1] == 0x94)));
}

static bool frame_before(const uint8_t *s, size_t ws)
{
    size_t a, b, a2, b2;
    if (!word_before(s, ws, &a, &b))
        return false;
    if (bytes_in(s + a, b - a, FRAME_BEFORE))
        return true;
    static const char *const FROM[] = {"من", "מ", "از", "से", NULL}; /* "from" */
    return bytes_in(s + a, b - a, FROM) && word_before(s, a, &a2, &b2) && bytes_in(s + a2, b2 - a2, FROM_NOUNS);
}

static bool frame_after(const uint8_t *s, size_t n, size_t we)
{
    if (we >= n || s[we] != ' ')
        return false;
    size_t e = script_word_end(s, n, we + 1);
    return bytes_in(s + we + 1, e - we - 1, FRAME_AFTER);
}

/* ", name!" (or the Arabic comma "، "): someone addressed */
static bool comma_exclaim(const uint8_t *s, size_t n, size_t ws, size_t we)
{
    bool comma = (ws >= 2 && s[ws - 1] == ' ' && s[ws - 2] == ',') ||
                 (ws >= 3 && s[ws - 1] == ' ' && s[ws - 3] == 0xD8 && s[ws - 2] == 0x8C);
    return comma && we < n && s[we] == '!';
}

static bool arabic_article(const uint8_t *s, size_t a, size_t b)
{
    return b - a >= 8 && s[a] == 0xD8 && s[a + 1] == 0xA7 && s[a + 2] == 0xD9 && s[a + 3] == 0x84;
}

/* ال + at least three letters + ي (ی in Persian and Urdu spelling): العتيبي, الشمري, المصري. */
static bool arabic_nisba(const uint8_t *s, size_t a, size_t b)
{
    return b - a >= 12 && arabic_article(s, a, b) &&
           ((s[b - 2] == 0xD9 && s[b - 1] == 0x8A) || (s[b - 2] == 0xDB && s[b - 1] == 0x8C));
}

/* Names in scripts without capitals: a known first name followed by a known name (0.85); "بن"/"ابن"/"بنت"
 * and a known name after it are part of it (محمد بن سلمان); an Arabic surname with its article (فاطمة
 * الزهراء) or a lone known first name that is no everyday word needs a frame only people fill (0.75).
 * Returns where to go on. */
size_t pii_uncased_name(pii_scan *sc, size_t ws, size_t we)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, ns, ns2;
    if (bytes_in(s + ws, we - ws, FRAME_BEFORE))
        return we; /* ሰላም, a greeting that is also a name, is the frame of the word after it */
    /* "براہ کرم" / "برائے کرم" is Urdu "please": کرم (also the name Karam) is then no name (round 13) */
    if (we - ws == 6 && memcmp(s + ws, "کرم", 6) == 0 && ws >= 9 &&
        (memcmp(s + ws - 9, "براہ ", 9) == 0 || (ws >= 11 && memcmp(s + ws - 11, "برائے ", 11) == 0)))
        return we;
    /* "الله" (God) starts no name: "رحمة الله ماجد" is God's mercy, then Majid */
    if (we - ws == 8 && memcmp(s + ws, "الله", 8) == 0)
        return we;
    /* "باسم" is "in the name of" (a transfer's holder) as well as the name Basim: before a known given name,
     * and with no title before it, it is the frame of the name after it */
    if (we - ws == 8 && memcmp(s + ws, "باسم", 8) == 0 && !title_before(s, ws) && we < n && s[we] == ' ') {
        size_t xs = we + 1, xe = script_word_end(s, n, xs), xn;
        if (xe > xs && (uncased_flags(s, xs, xe, &xn) & SC_NAME_FIRST))
            return we;
    }
    size_t rp = pii_respect_pair(sc, ws, we); /* "వెంకట లక్ష్మి గారు": person_script_titles.c */
    if (rp == 0)
        rp = pii_thai_full_name(sc, ws, we); /* "คุณสมชาย ใจดี" */
    if (rp == 0)
        rp = pii_arabic_nasab(sc, ws, we); /* "عبدالله بن سعيد الغامدي" */
    if (rp > 0)
        return rp;
    unsigned f1 = uncased_flags(s, ws, we, &ns);
    /* the frames before it are asked only of a word that may start a name: a known name that is no word, or
     * (Arabic) a word before a family name with the article ("للدكتورة سعاد الشمري"; not "للدكتورة المناوبة") */
    bool known1 = (f1 & (SC_NAME_FIRST | SC_NAME_LAST)) && !(f1 & SC_NAME_WORD);
    size_t fs = we + 1, fe = we;
    bool maybe_unknown = !known1 && f1 == 0 && s[ws] >= 0xD8 && s[ws] <= 0xDB && ws > 0 && s[ws - 1] == ' ' &&
                         we < n && s[we] == ' ' && !arabic_article(s, ws, we) &&
                         (fe = script_word_end(s, n, fs)) > fs && arabic_article(s, fs, fe);
    /* the Indic scripts: a given and a family name the lists lack after a title, closed by punctuation or a
     * postposition ("स्व. हरिप्रसाद त्रिपाठी का", "প্রয়াত সুনীল গঙ্গোপাধ্যায়") */
    bool indic_titled = false; /* asked first: most words follow no title */
    if (!known1 && f1 == 0 && s[ws] == 0xE0 && s[ws + 1] <= 0xB5 && ws > 0 && s[ws - 1] == ' ' && we < n &&
        s[we] == ' ' && (indic_titled = title_before(s, ws)) && (fe = script_word_end(s, n, fs)) > fs &&
        same_block(s + ws, s + fs) &&
        !bytes_in(s + fs, fe - fs, FRAME_AFTER)) { /* "स्व. पिताजी का": one word, a kin word, is none */
        size_t xs = fe + 1, xe = fe < n && s[fe] == ' ' ? script_word_end(s, n, xs) : xs;
        maybe_unknown = punct_after(s, n, fe) || (xe > xs && bytes_in(s + xs, xe - xs, FRAME_AFTER));
    }
    bool holder = false, titled = false;
    /* after a title a name that is also a word is the name when a family name follows it (للدكتورة سعاد
     * الشمري; not "السيد الرئيس", "ڈاکٹر صاحب") */
    bool named1 = known1;
    if (!named1 && (f1 & (SC_NAME_FIRST | SC_NAME_LAST)) && !arabic_article(s, ws, we) && we < n && s[we] == ' ') {
        size_t xs = we + 1, xe = script_word_end(s, n, xs), xn;
        unsigned xf = xe > xs ? uncased_flags(s, xs, xe, &xn) : 0;
        named1 = xe > xs && (arabic_article(s, xs, xe) || ((xf & (SC_NAME_FIRST | SC_NAME_LAST)) && !(xf & SC_NAME_WORD)));
    }
    if ((named1 || maybe_unknown) && ws > 0 && s[ws - 1] == ' ') {
        holder = s[ws] >= 0xD7 && s[ws] <= 0xDB && holder_before(s, ws); /* "به نام", "על שם" */
        /* Hebrew too ("מר כהן"), the Indic scripts ("श्रीमती सुनीता देवी"), Ge'ez ("አቶ ተስፋዬ") */
        titled = holder || indic_titled ||
                 (((s[ws] >= 0xD7 && s[ws] <= 0xDB) || (s[ws] == 0xE0 && s[ws + 1] <= 0xB5) ||
                   (s[ws] == 0xE1 && s[ws + 1] >= 0x88 && s[ws + 1] <= 0x8E)) &&
                  title_before(s, ws));
    }
    bool titled_unknown = titled && maybe_unknown;
    if (titled && (named1 || titled_unknown)) {
        /* after a title: the name runs over known names, "عبد" compounds and words with the article, up to
         * an honorific after it (صاحب) or three words */
        size_t end = we, p = we;
        for (unsigned k = 0; k < 3 && p < n && s[p] == ' '; k++) {
            size_t cs = p + 1, ce = script_word_end(s, n, cs), n3;
            if (ce == cs || bytes_in(s + cs, ce - cs, FRAME_AFTER))
                break;
            bool abd = bytes_in(s + cs, ce - cs, (const char *const[]){"عبد", NULL});
            unsigned f3 = uncased_flags(s, cs, ce, &n3);
            /* an unknown word still belongs to the name when the honorific closes it ("قریشی صاحب") */
            bool closed = ce < n && s[ce] == ' ' &&
                          bytes_in(s + ce + 1, script_word_end(s, n, ce + 1) - ce - 1, FRAME_AFTER);
            /* the family name the lists lack after a known given name, ending the holder's name */
            closed = closed || (k == 0 && ((f1 & SC_NAME_FIRST) || titled_unknown) && punct_after(s, n, ce));
            if (!abd && !closed && !arabic_article(s, cs, ce) && !(f3 & (SC_NAME_FIRST | SC_NAME_LAST)))
                break;
            end = ce;
            p = ce;
        }
        if (holder && end == we)
            return we; /* "named after Herzl": a holder is written with a family name */
        /* "श्री गणेश मंदिर": a temple, road or school named after a god or a person */
        size_t os = end + 1, oe = end < n && s[end] == ' ' ? script_word_end(s, n, os) : os;
        if (oe > os && bytes_in(s + os, oe - os, (const char *const[]){"मंदिर", "मन्दिर", "मार्ग", "नगर", "चौक",
                                                                       "अस्पताल", "विद्यालय", "कॉलेज", "भवन", "ट्रस्ट",
                                                                       "মন্দির", "আশ্রম", "கோயில்", "கோவில்", "ఆలయం",
                                                                       "గుడి", "ಮಂದಿರ", "ದೇವಸ್ಥಾನ", "મંદિર", NULL}))
            return oe;
        pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, ns, end, 0.85,
                SANCTUM_EV_TITLE | ((f1 & SC_NAME_FIRST) ? SANCTUM_EV_GAZETTEER_FIRST
                                                          : (f1 != 0 ? SANCTUM_EV_GAZETTEER_LAST : 0)));
        return end;
    }
    if (!(f1 & SC_NAME_FIRST)) {
        /* Khmer writes the family name first: a known family name and a given name that is no word (ហេង សុភា,
         * សុខ ចាន់ថា) */
        size_t ks = we + 1, ke = we < n && s[we] == ' ' ? script_word_end(s, n, ks) : ks, kn;
        unsigned kf = ke > ks && s[ws] == 0xE1 && (s[ws + 1] == 0x9E || s[ws + 1] == 0x9F) && (f1 & SC_NAME_LAST)
                          ? uncased_flags(s, ks, ke, &kn)
                          : 0;
        if ((kf & SC_NAME_FIRST) && !(kf & SC_NAME_WORD) && kn == ks) {
            pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, ns, ke, 0.85,
                    SANCTUM_EV_NAME_SEQUENCE | SANCTUM_EV_GAZETTEER_LAST | SANCTUM_EV_GAZETTEER_FIRST);
            return ke;
        }
        return we;
    }
    /* a title glued before the name (Thai คุณ) frames it as "Mr"/"Ms" does; so does a comma before and "!"
     * after it (", ლევან!": someone addressed) */
    bool framed = (ns > ws && ns - ws >= 9 && s[ns - 9] == 0xE0 && s[ns - 8] == 0xB8 && s[ns - 7] == 0x84) ||
                  frame_before(s, ns) || frame_after(s, n, we) || comma_exclaim(s, n, ws, we);
    size_t bs = we + 1, be = we < n && s[we] == ' ' ? script_word_end(s, n, bs) : bs;
    unsigned f2 = be > bs ? uncased_flags(s, bs, be, &ns2) : 0;
    if (be > bs && ns2 == bs &&
        (bytes_in(s + bs, be - bs, (const char *const[]){"بن", "ابن", "بنت", "أبو", "ابو", "آل", NULL}))) {
        size_t cs = be + 1, ce = be < n && s[be] == ' ' ? script_word_end(s, n, cs) : cs;
        size_t ns3;
        /* after أبو/آل (father of, house of) any word but a preposition is the name's ("أبو زيد", "آل سعود") */
        bool kunya = (s[bs] == 0xD8 && (s[bs + 1] == 0xA3 || s[bs + 1] == 0xA2)) || /* أبو, آل; not بن (beans) */
                     (be - bs == 6 && memcmp(s + bs, "ابو", 6) == 0);
        bool prep = ce > cs && bytes_in(s + cs, ce - cs, (const char *const[]){"في", "على", "من", "إلى", "الى", "عن", "مع", NULL});
        if (ce > cs && ((kunya && !prep && !arabic_article(s, cs, ce)) ||
                        ((uncased_flags(s, cs, ce, &ns3) & (SC_NAME_FIRST | SC_NAME_LAST)) && ns3 == cs))) {
            pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, ns, ce, 0.85,
                    SANCTUM_EV_NAME_SEQUENCE | SANCTUM_EV_GAZETTEER_FIRST);
            return ce;
        }
    }
    /* "نگار و کاوه", "לתמר ויונתן": two given names that are no words joined by "and" (و, और, or the Hebrew
     * prefix ו) are two people */
    if (be > bs && !(f1 & SC_NAME_WORD)) {
        size_t js = 0, je = 0, ns3 = 0;
        unsigned f3 = 0;
        if (ns2 > bs && s[bs] == 0xD7 && s[bs + 1] == 0x95) /* ו glued to the second name */
            js = bs, je = be, f3 = f2, ns3 = ns2;
        else if (bytes_in(s + bs, be - bs, (const char *const[]){"و", "और", NULL}) && be < n && s[be] == ' ') {
            js = be + 1;
            je = script_word_end(s, n, js);
            f3 = je > js ? uncased_flags(s, js, je, &ns3) : 0;
        }
        if ((f3 & SC_NAME_FIRST) && !(f3 & SC_NAME_WORD)) {
            pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, ns, we, 0.75,
                    SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_CONTEXT_AFTER);
            pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, ns3, je, 0.75,
                    SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_CONTEXT_BEFORE);
            return je;
        }
    }
    /* round 13: a given name that is no word and a family name with the article ending in -i, the nisba
     * of a tribe, town or trade (خالد العتيبي, نورة القحطاني, أحمد البغدادي): the lists hold few of them */
    if (be > bs && ns2 == bs && !(f1 & SC_NAME_WORD) && arabic_nisba(s, bs, be)) {
        pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, ns, be, 0.85,
                SANCTUM_EV_NAME_SEQUENCE | SANCTUM_EV_GAZETTEER_FIRST);
        return be;
    }
    /* a given name that is also a word (رحمة "mercy", عيد "feast", خالص "sincere") is one only before a family
     * name as written, one that is no word ("आशा शर्मा"; not "رحمة الله", "عيد مبارك", "خالص التحيات") */
    unsigned direct2 = be > bs && (f1 & SC_NAME_WORD) ? sc_name_lookup(s + bs, be - bs) : 0;
    /* ... and in Arabic script a given name that is also a word after a given name pairs with it only in a
     * frame ("سلمان حیدر ماموں"; not "اختر خادم" "choose a server", "جاذبية يسرى" "gravity left") */
    bool word2 = (f2 & SC_NAME_WORD) && !(f2 & SC_NAME_LAST) && s[bs] >= 0xD8 && s[bs] <= 0xDB && !framed &&
                 !frame_after(s, n, be);
    if (be > bs && ns2 == bs && (f2 & (SC_NAME_LAST | SC_NAME_FIRST)) && !word2 &&
        (!(f1 & SC_NAME_WORD) || ((direct2 & SC_NAME_LAST) && !(direct2 & SC_NAME_WORD)))) {
        pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, ns, be, 0.85,
                SANCTUM_EV_NAME_SEQUENCE | SANCTUM_EV_GAZETTEER_FIRST |
                    ((f2 & SC_NAME_LAST) ? SANCTUM_EV_GAZETTEER_LAST : 0));
        return be;
    }
    if (!framed)
        return we;
    if (be > bs && arabic_article(s, bs, be) && !frame_after(s, n, we)) {
        pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, ns, be, 0.75,
                SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_CONTEXT_BEFORE);
        return be;
    }
    if (f1 & SC_NAME_WORD)
        return we; /* आशा, אבי: an everyday word as well */
    pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, ns, we, 0.75,
            SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_CONTEXT_BEFORE);
    return we;
}

/* CJK and Hangul names before an honorific ("田中さん", "佐藤様", "王伟先生", "健太くん", "김민준 님", "이서연 씨",
 * "이수진 선생님"):
 * the ideographs or syllables right before it (two to four; of a longer run the last two ideographs or
 * three syllables). Korean 님/씨 count after a space, or glued to a three-syllable name. */
static void cjk_at(pii_scan *sc, size_t at, bool hangul)
{
    const uint8_t *s = sc->s;
    size_t e = at;
    bool spaced = e > 0 && s[e - 1] == ' ';
    if (spaced)
        e--;
    /* walk back over three-byte ideographs (U+4E00-U+9FFF) or Hangul syllables (U+AC00-U+D7A3) */
    size_t b = e, chars = 0;
    while (b >= 3 && chars < 8) {
        uint8_t c0 = s[b - 3];
        bool ok = hangul ? (c0 >= 0xEA && c0 <= 0xED) : (c0 >= 0xE4 && c0 <= 0xE9);
        if (!ok || (s[b - 2] & 0xC0) != 0x80 || (s[b - 1] & 0xC0) != 0x80)
            break;
        b -= 3;
        chars++;
    }
    if (chars == 0 && !hangul && !spaced)
        pii_kana_name_before(sc, at); /* "たかはしさん": person_cjk_roles.c */
    if (chars < 2)
        return;
    size_t keep = chars <= 4 ? chars : (hangul ? 3 : 2);
    if (hangul && !spaced && keep != 3)
        return;
    size_t from = hangul || keep != chars ? e - keep * 3 : pii_cjk_spaced_surname(s, b); /* "山本 花子様" */
    pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, from, e, 0.85,
            SANCTUM_EV_TITLE | SANCTUM_EV_FORMAT_WEAK);
}

void pii_cjk_honorifics(pii_scan *sc)
{
    static const struct {
        const char *h;
        bool hangul;
    } H[] = {{"\xe3\x81\x95\xe3\x82\x93", false}, {"\xe6\xa7\x98", false}, {"\xe5\x85\x88\xe7\x94\x9f", false},
             {"\xe6\xb0\x8f", false}, {"\xe3\x81\xa1\xe3\x82\x83\xe3\x82\x93", false},
             {"\xe3\x81\x8f\xe3\x82\x93", false},                        /* くん */
             {"\xec\x84\xa0\xec\x83\x9d\xeb\x8b\x98", true},           /* 선생님, after a space */
             {"\xe5\xa5\xb3\xe5\xa3\xab", false}, {"\xeb\x8b\x98", true}, {"\xec\x94\xa8", true}};
    static const uint8_t LEAD[] = {0xE3, 0xE5, 0xE6, 0xEB, 0xEC}; /* the honorifics' first bytes */
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    for (size_t li = 0; li < sizeof LEAD; li++) {
        const uint8_t *p = memchr(s, LEAD[li], n);
        while (p != NULL) {
            size_t at = (size_t)(p - s);
            for (size_t k = 0; k < sizeof H / sizeof H[0]; k++) {
                size_t hl = strlen(H[k].h);
                if ((uint8_t)H[k].h[0] == LEAD[li] && at + hl <= n && memcmp(s + at, H[k].h, hl) == 0)
                    cjk_at(sc, at, H[k].hangul);
            }
            p = at + 1 < n ? memchr(p + 1, LEAD[li], n - at - 1) : NULL;
        }
    }
}
