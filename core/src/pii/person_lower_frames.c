/* PERSON in lower case, round 13 (issue 17): informal, code-switched and romanized chat typed on phones
 * writes names without capitals, framed by words of many languages rather than by capitals: kinship and
 * honorific particles after the name ("rahul bhai", "minji unnie", "sunita didi", "mehmet abi") or before it
 * ("kuya jun", "tita baby", "kak dinda", "oga segun"), the particle joined by a hyphen ("yuki-chan",
 * "ren-kun"), greetings and person verbs of many languages ("oye javi", "privet dima", "dile a memo",
 * "bilang ke rizky"), speech verbs after ("sasha skazal", "kostas eipe"), "me and X", "X and me" and two
 * given names joined by "and" in some language ("nour w layla", "bilal aur hamza"). The walk hands every
 * lower-case word; one table load by length and first letter sends most of them away. */
#include <string.h>

#include "names.h"
#include "person.h"

enum {
    F_BEFORE = 1,     /* a greeting or a person verb before a name: the name must be no word */
    F_BEFORE_KIN = 2, /* a kinship or honorific title before a name: vouches even for a word */
    F_AFTER_KIN = 4,  /* a kinship or honorific particle after a name: vouches even for a word */
    F_AFTER = 8,      /* a speech verb or a weaker particle after a name: the name must be no word */
    F_AND = 16,       /* "and" in some language between two names */
    F_ME = 32,        /* "me", "i" in some language beside "and" */
    F_LINK = 64,      /* a preposition between a verb and its person: "dile a", "bilang ke", "pes ston" */
    F_HOW = 128,      /* the second word of a two-word greeting: Pidgin "how far" (round 14) */
    F_OPEN = 256      /* a request after a name that opens a line: "arjun pls", "ingrid cant" (round 14) */
};

struct frame_word {
    const char *w;
    unsigned kinds;
};

/* Hand-kept, sorted in strcmp order; the gate and FRAME_SLOTS below are built from it
 * (tools/names/gen_informal_frames.py rewrites all three). */
static const struct frame_word FRAMES[] = {
    {"a", F_LINK}, {"aapa", F_AFTER_KIN}, {"abang", F_BEFORE_KIN}, {"abla", F_AFTER}, {"abuela", F_BEFORE_KIN},
    {"abuelo", F_BEFORE_KIN}, {"adik", F_BEFORE_KIN}, {"ahoj", F_BEFORE}, {"akka", F_AFTER_KIN}, {"ako", F_ME},
    {"aku", F_ME}, {"ana", F_ME}, {"and", F_AND}, {"anh", F_BEFORE_KIN}, {"anna", F_AFTER_KIN}, {"annyeong", F_BEFORE},
    {"apa", F_AFTER}, {"ask", F_BEFORE}, {"asked", F_AFTER | F_BEFORE}, {"ate", F_BEFORE},
    {"auntie", F_AFTER_KIN | F_BEFORE_KIN}, {"aunty", F_AFTER_KIN | F_BEFORE_KIN}, {"aur", F_AND},
    {"baaji", F_AFTER_KIN}, {"baji", F_AFTER_KIN}, {"bang", F_BEFORE}, {"ben", F_ME}, {"bey", F_AFTER},
    {"bhai", F_AFTER_KIN}, {"bhaia", F_AFTER_KIN}, {"bhaiya", F_AFTER_KIN}, {"bilang", F_BEFORE}, {"bola", F_AFTER},
    {"boli", F_AFTER}, {"bro", F_AFTER}, {"call", F_BEFORE}, {"called", F_AFTER | F_BEFORE}, {"cant", F_OPEN},
    {"cc", F_BEFORE}, {"chale", F_BEFORE}, {"chan", F_AFTER_KIN}, {"chi", F_BEFORE}, {"ciao", F_BEFORE},
    {"congrats", F_BEFORE}, {"could", F_OPEN}, {"czesc", F_BEFORE}, {"da", F_AFTER}, {"dada", F_AFTER_KIN},
    {"dey", F_AFTER}, {"di", F_AFTER}, {"didi", F_AFTER_KIN}, {"didnt", F_OPEN}, {"digale", F_BEFORE},
    {"dijo", F_AFTER}, {"dile", F_BEFORE}, {"dis", F_BEFORE}, {"disse", F_AFTER}, {"dit", F_AFTER}, {"dm", F_BEFORE},
    {"e", F_AND}, {"eipe", F_AFTER}, {"en", F_AND}, {"et", F_AND}, {"far", F_HOW}, {"frag", F_BEFORE},
    {"garu", F_AFTER_KIN}, {"geia", F_BEFORE}, {"grabe", F_BEFORE}, {"hallo", F_BEFORE}, {"he", F_AND},
    {"hei", F_BEFORE}, {"hej", F_BEFORE}, {"hello", F_BEFORE}, {"helo", F_BEFORE}, {"hey", F_BEFORE},
    {"heyy", F_BEFORE}, {"hi", F_BEFORE}, {"hii", F_BEFORE}, {"hiii", F_BEFORE}, {"hoi", F_BEFORE}, {"hola", F_BEFORE},
    {"hyung", F_AFTER_KIN}, {"i", F_ME}, {"ich", F_ME}, {"ik", F_ME}, {"invite", F_BEFORE}, {"io", F_ME},
    {"jaan", F_AFTER_KIN}, {"jag", F_ME}, {"jan", F_AFTER}, {"jee", F_AFTER_KIN}, {"ji", F_AFTER_KIN},
    {"joon", F_AFTER}, {"kai", F_AND}, {"kak", F_BEFORE}, {"kakak", F_BEFORE_KIN}, {"kamusta", F_BEFORE},
    {"kay", F_BEFORE | F_LINK}, {"ke", F_LINK}, {"khanum", F_AFTER_KIN}, {"kifak", F_BEFORE}, {"kumusta", F_BEFORE},
    {"kun", F_AFTER_KIN}, {"kuya", F_BEFORE_KIN}, {"le", F_LINK}, {"lola", F_BEFORE_KIN}, {"lolo", F_BEFORE_KIN},
    {"mas", F_BEFORE}, {"mbak", F_BEFORE_KIN}, {"me", F_ME}, {"meet", F_BEFORE}, {"merhaba", F_BEFORE},
    {"met", F_BEFORE}, {"moi", F_ME}, {"msg", F_BEFORE}, {"musta", F_BEFORE}, {"mwambie", F_BEFORE}, {"n", F_AND},
    {"ne", F_AFTER}, {"needs", F_OPEN}, {"ni", F_BEFORE | F_LINK}, {"noona", F_AFTER_KIN}, {"nuna", F_AFTER_KIN},
    {"oga", F_BEFORE_KIN}, {"oi", F_BEFORE}, {"ola", F_BEFORE}, {"oppa", F_AFTER_KIN}, {"oye", F_BEFORE},
    {"peredai", F_BEFORE}, {"pes", F_BEFORE}, {"ping", F_BEFORE}, {"please", F_OPEN}, {"pls", F_OPEN}, {"plz", F_OPEN},
    {"powiedz", F_BEFORE}, {"prima", F_BEFORE}, {"primo", F_BEFORE}, {"privet", F_BEFORE}, {"remind", F_BEFORE},
    {"replied", F_AFTER}, {"s", F_AND}, {"sa", F_LINK}, {"saab", F_AFTER_KIN}, {"sabihin", F_BEFORE}, {"sag", F_BEFORE},
    {"sagt", F_AFTER}, {"sahab", F_AFTER_KIN}, {"said", F_AFTER}, {"salut", F_BEFORE}, {"sama", F_AFTER | F_AND},
    {"sawasdee", F_BEFORE}, {"says", F_AFTER}, {"selam", F_BEFORE}, {"senpai", F_AFTER_KIN}, {"sensei", F_AFTER_KIN},
    {"shu", F_BEFORE}, {"shuo", F_AFTER}, {"si", F_BEFORE}, {"sige", F_BEFORE}, {"sir", F_AFTER}, {"sis", F_AFTER},
    {"skazal", F_AFTER}, {"skazala", F_AFTER}, {"skazhi", F_BEFORE}, {"sti", F_LINK}, {"ston", F_LINK},
    {"sunbae", F_AFTER_KIN}, {"sup", F_BEFORE}, {"tagid", F_BEFORE}, {"tante", F_BEFORE_KIN}, {"tell", F_BEFORE},
    {"text", F_BEFORE}, {"texted", F_AFTER | F_BEFORE}, {"thank", F_BEFORE}, {"thanks", F_BEFORE}, {"thx", F_BEFORE},
    {"tia", F_BEFORE_KIN}, {"tio", F_BEFORE_KIN}, {"tita", F_BEFORE_KIN}, {"tito", F_BEFORE_KIN}, {"to", F_LINK},
    {"told", F_AFTER | F_BEFORE}, {"ty", F_BEFORE}, {"tysm", F_BEFORE}, {"uncle", F_AFTER | F_BEFORE_KIN},
    {"und", F_AND}, {"unni", F_AFTER_KIN}, {"unnie", F_AFTER_KIN}, {"ve", F_AND}, {"w", F_AND}, {"wants", F_OPEN},
    {"wo", F_ME}, {"wont", F_OPEN}, {"y", F_AND}, {"ya", F_ME}, {"yaar", F_BEFORE}, {"yo", F_BEFORE | F_ME},
};
static const char *const DEITY[] = {
    "allah", "balaji", "bhagwan", "bhole", "durga", "ganapati", "ganesh", "ganesha", "ganpati", "hanuman",
    "jagannath", "jesus", "kanha", "krishna", "mahadev", "murugan", "parvati", "radha", "rama", "saraswati",
    "shankar", "shiv", "shiva", "sita", "vishnu", "waheguru", "yesu", NULL};
static const char *const DENY[] = {
    "ab", "abhi", "abi", "abla", "adik", "aja", "ako", "alli", "aloha", "amor", "anda", "anong", "apa", "asante",
    "ate", "ayo", "ba", "baba", "babu", "bang", "bas", "bella", "bestie", "beta", "beti", "bhai", "bibi", "bolo",
    "boomer", "bu", "cara", "caro", "chai", "chan", "che", "cher", "cherie", "chole", "ciao", "cielo", "corazon",
    "dada", "dadi", "dal", "dan", "dari", "de", "deke", "del", "dela", "delle", "dev", "di", "dia", "didi", "din",
    "dong", "dou", "eba", "ein", "ela", "enak", "fam", "ganda", "gani", "gaya", "genki", "guru", "habibi", "habibti",
    "hai", "han", "hao", "hayati", "hen", "heya", "hola", "homie", "hona", "hoy", "ina", "inshallah", "iska", "ito",
    "iyan", "jaan", "jalan", "jan", "janu", "jao", "jare", "ji", "joon", "ka", "kailan", "kain", "kaisa", "kaise",
    "kaisi", "kal", "kali", "kaman", "kami", "kare", "karibu", "karna", "karne", "karo", "kasi", "kawai", "kawaii",
    "kaya", "kayo", "ke", "khalas", "ki", "kita", "kiya", "ko", "koi", "kun", "kuya", "kweli", "kya", "lama", "lang", "le",
    "leke", "les", "linda", "luna", "luv", "lyubov", "ma", "maa", "maggi", "makan", "mal", "mama", "mana", "mas",
    "mata", "mau", "men", "mera", "meri", "mi", "mija", "mijo", "milaya", "mimi", "momo", "moro", "mou", "muna",
    "nada", "nai", "naija", "naman", "namaste", "nana", "nani", "nao", "nel", "nena", "nene", "nga", "ni", "nila",
    "nini", "niya", "noob", "omri", "oya", "papa", "para", "pero", "pou", "princesa", "que", "querida", "raha",
    "rahi", "reina", "rin", "sa", "sabi", "sahib", "saja", "salam", "salut", "sama", "san", "sana", "sawa", "saya",
    "sef", "sei", "sem", "senpai", "sensei", "sha", "shalom", "shi", "shona", "shri", "sila", "simp", "siya", "sona",
    "sono", "soto", "sou", "su", "ta", "tab", "tara", "tayeb", "tayo", "tera", "teri", "thi", "ti", "tio", "tita",
    "tito", "tu", "uma", "una", "vada", "vida", "von", "wala", "wali", "wallah", "wao", "wo", "yaar", "yalla", "yan",
    "yang", "yaya", "ye", "zai", "zara", "zhe", "zoomer", NULL};

/* By length and first letter, the last letters (bit c - 'a') and the second letters (bit 32 + c - 'a') of
 * the frame words that vouch for a name by themselves ("a", "to", "me" only ever help another frame word): the walk's gate (person.h), asked about
 * every lower-case word; most leave on this one load. Written out from FRAMES (pii_informal_tables_check
 * compares them, a unit test calls it). */
const uint64_t pii_informal_gate[12][26] = {
    {0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u},
    {0x0u, 0x0u, 0x0u, 0x0u, 0x1000000010u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x200000002000u, 0x0u, 0x0u, 0x0u, 0x0u, 0x4000000040000u, 0x0u, 0x0u, 0x0u, 0x40000000400000u, 0x0u, 0x100000001000000u, 0x0u},
    {0x0u, 0x0u, 0x400000004u, 0x110100001101u, 0x8200000082000u, 0x0u, 0x0u, 0x11000000110u, 0x0u, 0x10000000100u, 0x0u, 0x0u, 0x0u, 0x11000000110u, 0x10000000100u, 0x0u, 0x0u, 0x0u, 0x10000000100u, 0x100000001000000u, 0x0u, 0x1000000010u, 0x0u, 0x0u, 0x400000004000u, 0x0u},
    {0x1ca00000020499u, 0x2001001004000u, 0x8000000100u, 0x110010c0000u, 0x0u, 0x100020000u, 0x0u, 0x411001000300u, 0x0u, 0x1100002010u, 0x10000101002500u, 0x0u, 0x40011000c0040u, 0x0u, 0x100084000000011u, 0x81002040000u, 0x0u, 0x0u, 0x10018100168040u, 0x18000804001u, 0x200000000008u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u},
    {0x248b00000601u, 0x408100000141u, 0x18100086800u, 0x10100004111u, 0x10000000010u, 0x2000000000040u, 0x1100100001u, 0x411001004101u, 0x0u, 0x400100002000u, 0x10000000000001u, 0x400000004001u, 0x1200080400u, 0x10000000000001u, 0x800000000001u, 0x10000000040u, 0x0u, 0x0u, 0x181000c401bu, 0x100411000085809u, 0x200000000100u, 0x0u, 0x400000080000u, 0x0u, 0x100020000u, 0x0u},
    {0x14000201000048u, 0x8100000101u, 0x20040800000001cu, 0x10000080010u, 0x0u, 0x0u, 0x2000000000010u, 0x100001100004040u, 0x0u, 0x0u, 0x10100000400u, 0x0u, 0x10000000000001u, 0x401000040001u, 0x0u, 0x2000000004001u, 0x0u, 0x0u, 0x1100081002u, 0x8100000418u, 0x200000000010u, 0x0u, 0x100040000u, 0x0u, 0x0u, 0x0u},
    {0x10000200004011u, 0x18000000041u, 0x100000008u, 0x10000000010u, 0x0u, 0x0u, 0x0u, 0x0u, 0x200000000010u, 0x0u, 0x8000001000u, 0x0u, 0x0u, 0x0u, 0x0u, 0x2080000080010u, 0x0u, 0x1000000008u, 0x10041000000910u, 0x9000040008u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u},
    {0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x10000100000001u, 0x0u, 0x40001000000011u, 0x0u, 0x0u, 0x401002000100u, 0x0u, 0x1000000008u, 0x40100002001u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u},
    {0x200000000040u, 0x0u, 0x400000040000u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x100000010u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u},
    {0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u},
    {0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u},
    {0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u},
};

/* "me", "I" in the languages of F_ME, by length first: the neighbours of every "and" are asked. */
static bool is_me(const uint8_t *w, size_t n)
{
    static const char *const ME2[] = {"me", "io", "ik", "wo", "ya", "yo", NULL};
    static const char *const ME3[] = {"ana", "moi", "ich", "jag", "ben", "ako", "aku", NULL};
    if (n == 1)
        return w[0] == 'i';
    return (n == 2 && word_in(w, n, ME2)) || (n == 3 && word_in(w, n, ME3));
}

/* FRAMES by the hash of frame_hash (open addressing: a word is in the slot of its hash or a later one before
 * the next -1), written out from FRAMES; pii_informal_tables_check finds every word through it. */
static const int16_t FRAME_SLOTS[512] = {
    97, 127, -1, -1, -1, 169, -1, -1, -1, -1, -1, -1, 115, 84, -1, -1, -1, -1, -1, 77, 95, 11, 65, -1, -1, -1, -1, -1,
    -1, 8, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 54, -1, 192, -1, 29, -1, -1, 28, 60, 167, 46, 68, -1, 7, -1, -1, -1,
    125, -1, -1, 12, 27, -1, -1, -1, -1, 58, -1, -1, -1, -1, -1, -1, 59, 73, 48, 112, -1, -1, 151, -1, 20, 129, 16, -1,
    -1, -1, -1, -1, -1, -1, 165, 15, 50, 96, 145, -1, -1, -1, -1, 178, -1, -1, 39, 74, -1, -1, -1, 195, -1, 9, -1, 13,
    -1, -1, -1, -1, 61, -1, 40, 78, 55, 14, 45, 136, 170, -1, -1, -1, -1, -1, 38, -1, -1, 5, 57, -1, -1, -1, -1, -1, 56,
    -1, -1, -1, 30, 158, -1, -1, -1, 130, -1, -1, 82, -1, 141, -1, -1, -1, -1, 32, -1, -1, 42, -1, -1, -1, -1, -1, -1,
    53, -1, -1, -1, 110, 72, -1, -1, -1, 81, -1, 177, -1, -1, -1, -1, -1, -1, 10, 86, -1, -1, -1, 148, 182, -1, -1, 194,
    -1, -1, 101, 185, 80, 138, 75, 79, -1, 166, 190, -1, -1, -1, -1, 159, -1, -1, -1, 172, -1, -1, -1, 155, -1, 171, -1,
    -1, 152, 160, -1, -1, 105, 1, 111, -1, -1, -1, -1, -1, -1, -1, 21, 113, 52, 183, 156, -1, -1, -1, -1, -1, -1, -1,
    47, 117, 31, 69, -1, -1, -1, 19, -1, -1, 3, -1, 33, -1, 180, 175, 100, 119, -1, 88, -1, -1, -1, 98, 153, 154, -1,
    -1, -1, -1, 104, 126, 179, -1, -1, 191, 137, 109, -1, -1, -1, 43, -1, -1, 118, -1, 132, -1, 173, 150, 196, -1, 93,
    139, 17, 44, -1, -1, -1, -1, -1, -1, -1, -1, 25, 143, -1, -1, -1, -1, -1, -1, -1, 181, -1, -1, 116, -1, 94, -1, -1,
    -1, 34, 144, 51, -1, 114, 83, -1, -1, 24, -1, -1, 121, -1, -1, -1, -1, -1, -1, 188, 140, -1, 128, -1, 149, -1, 64,
    -1, -1, 89, -1, 99, -1, 186, -1, -1, 90, 142, -1, -1, -1, 134, -1, -1, -1, -1, -1, -1, 62, -1, -1, -1, 92, 63, -1,
    35, 133, -1, -1, -1, -1, -1, -1, 147, 66, -1, -1, -1, -1, 49, -1, -1, -1, -1, 70, -1, 103, -1, -1, 106, -1, 123,
    184, 187, 18, -1, 131, 71, -1, -1, -1, -1, -1, -1, -1, -1, -1, 26, 76, 85, 122, 189, -1, -1, 164, -1, -1, -1, 2, 67,
    23, 91, -1, -1, -1, 107, -1, -1, -1, 135, -1, 6, -1, -1, -1, 162, 22, -1, 163, -1, 87, 4, 41, -1, -1, -1, -1, -1,
    146, 120, 193, -1, -1, 108, 102, -1, 124, -1, -1, -1, -1, -1, -1, 36, -1, -1, -1, -1, -1, 37, -1, -1, -1, -1, -1,
    -1, -1, 161, -1, -1, -1, 168, 0, 174, 157, -1, -1, -1, 176,
};

static unsigned frame_hash(const uint8_t *w, size_t n)
{
    unsigned c1 = n > 1 ? w[1] : 0u;
    return ((unsigned)w[0] * 7u + c1 * 31u + (unsigned)w[n - 1] * 13u + (unsigned)n * 101u) & 511u;
}

static unsigned frame_kinds(const uint8_t *w, size_t n)
{
    if (n == 0 || n >= 12 || !pii_is_lower(w[0]) || !pii_is_lower(w[n - 1]))
        return 0;
    for (unsigned i = frame_hash(w, n); FRAME_SLOTS[i] >= 0; i = (i + 1u) & 511u) {
        const char *t = FRAMES[FRAME_SLOTS[i]].w;
        size_t k = 0;
        while (k < n && (uint8_t)t[k] == w[k]) /* stops at t's NUL: w holds letters */
            k++;
        if (k == n && t[n] == '\0')
            return FRAMES[FRAME_SLOTS[i]].kinds;
    }
    return 0;
}

bool pii_informal_tables_check(void)
{
    uint64_t want[12][26];
    memset(want, 0, sizeof want);
    for (size_t i = 0; i < sizeof FRAMES / sizeof FRAMES[0]; i++) {
        const char *t = FRAMES[i].w;
        size_t l = strlen(t);
        if ((i > 0 && strcmp(FRAMES[i - 1].w, t) >= 0) || frame_kinds((const uint8_t *)t, l) != FRAMES[i].kinds)
            return false;
        if (l < 12 && (FRAMES[i].kinds & ~(unsigned)(F_ME | F_LINK))) {
            want[l][t[0] - 'a'] |= 1ull << (t[l - 1] - 'a') | 1ull << (32 + t[l > 1 ? 1 : 0] - 'a');
        }
    }
    for (size_t i = 1; DENY[i] != NULL; i++)
        if (strcmp(DENY[i - 1], DENY[i]) >= 0)
            return false;
    for (size_t i = 1; DEITY[i] != NULL; i++)
        if (strcmp(DEITY[i - 1], DEITY[i]) >= 0)
            return false;
    return memcmp(want, pii_informal_gate, sizeof want) == 0;
}

/* The lower-case word after position p (one space, or a comma and a space), as [*a, *b): letters of ASCII
 * or of UTF-8 ("joão", "théo"), ending before a space or punctuation. */
static bool frame_next(const uint8_t *s, size_t n, size_t p, size_t *a, size_t *b)
{
    if (p < n && s[p] == ',')
        p++;
    if (p >= n || s[p] != ' ')
        return false;
    size_t q = ++p;
    while (q < n && q - p <= 24 && (pii_is_lower(s[q]) || s[q] >= 0x80))
        q++;
    if (q == p || q - p > 24 || (q < n && (pii_is_upper(s[q]) || pii_is_digit(s[q]) || s[q] == '_' || s[q] == '@')))
        return false;
    *a = p;
    *b = q;
    return true;
}

/* The lower-case word that ends one space before p, as [*a, *b). */
static bool frame_prev(const uint8_t *s, size_t p, size_t *a, size_t *b)
{
    if (p < 2 || s[p - 1] != ' ')
        return false;
    size_t q = p - 1, e = q;
    while (q > 0 && e - q <= 24 && (pii_is_lower(s[q - 1]) || s[q - 1] >= 0x80))
        q--;
    if (q == e || e - q > 24 || (q > 0 && (pii_is_alpha(s[q - 1]) || pii_is_digit(s[q - 1]) || s[q - 1] == '_' ||
                                           s[q - 1] == '@' || s[q - 1] == '.' || s[q - 1] == '/')))
        return false;
    *a = q;
    *b = e;
    return true;
}

/* Romanized function words, kinship words and endearments the name lists hold as given names somewhere
 * ("kal", "hai", "sana", "mama", "amor", "bella"): in chat they are words first. */
static bool informal_word(const uint8_t *w, size_t n)
{
    return WORD_IN_SORTED(w, n, DENY);
}

/* A given name that is an everyday word of German, French, Spanish, Italian, Portuguese, Dutch, Polish,
 * Danish or Swedish ("ciao sono", "hej alla", "olá sou"): generated from Debian's word lists. */
static bool foreign_word(const uint8_t *w, size_t n)
{
    size_t lo = 0, hi = sc_names_foreign_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int d = word_cmp(w, n, sc_names_foreign[mid]);
        if (d == 0)
            return true;
        if (d < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

/* Gods and saints whose names are also given names ("ganesh ji", "hey krishna", "jai hanuman"): a person
 * only with a kinship particle other than "ji" ("lakshmi akka"). */
static bool deity(const uint8_t *w, size_t n)
{
    return WORD_IN_SORTED(w, n, DEITY);
}

/* [a, b) may be a given name in a frame: known as a given name, no chat word, no function word of the
 * romanized languages; a weak frame also needs it to be no English word and no place. */
static bool name_ok(pii_scan *sc, size_t a, size_t b, bool strong)
{
    const uint8_t *s = sc->s;
    size_t l = b - a;
    if (l < 3 || l > 20 || pii_chat_word(s + a, l)) /* "and the", "ping you": a short list before the hash */
        return false;
    unsigned f = sc_name_lookup(s + a, l);
    /* a weak frame: no word, no place, and three letters only for a common first name ("with tex", "with
     * gui" are acronyms); a strong one takes a word only as a common first name ("sunny bhai", not "check
     * abi") */
    bool common = (f & SC_NAME_COMMON_FIRST) != 0;
    if (!(f & SC_NAME_FIRST) || ((f & SC_NAME_WORD) && (!strong || !common)) ||
        (!strong && ((f & SC_NAME_PLACE) || (l < 4 && !common))))
        return false;
    if (informal_word(s + a, l) || (!strong && deity(s + a, l)) ||
        (!strong && !common && foreign_word(s + a, l)))
        return false;
    int cls = sc_word_class(s + a, l);
    if (cls == SC_WORD_STOP || cls == SC_WORD_TITLE || cls == SC_WORD_ORG_NEXT || cls == SC_WORD_TECH_NOUN ||
        cls == SC_WORD_EPONYM || cls == SC_WORD_SOFTWARE || (!strong && cls != SC_WORD_NONE))
        return false;
    const char *why;
    return !pii_in_code(sc, a, b, &why);
}

static bool common_first(const uint8_t *s, size_t a, size_t b)
{
    return (sc_name_lookup(s + a, b - a) & SC_NAME_COMMON_FIRST) != 0;
}

/* The name [a, b), and a known family name after it that is no word ("rakesh sharma", "chiara rossi"). */
static void emit_name(pii_scan *sc, size_t a, size_t b, double score)
{
    const uint8_t *s = sc->s;
    size_t c, d, e = b;
    if (frame_next(s, sc->n, b, &c, &d) && c == b + 1) {
        unsigned fd = sc_name_lookup(s + c, d - c);
        const char *why;
        if ((fd & SC_NAME_LAST) && pii_lower_second_name(s, c, d, true, fd) && !informal_word(s + c, d - c) &&
            !(frame_kinds(s + c, d - c) & (F_AFTER | F_AFTER_KIN | F_AND)) && !pii_in_code(sc, c, d, &why))
            e = d;
    }
    pii_person_emit(sc, a, e, score, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK);
}

/* "yuki-chan", "ren-kun", "jiwoo-ya": a Japanese or Korean suffix joined to the lower-case word [p, j). */
static void hyphen_suffix(pii_scan *sc, size_t p, size_t j)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, a = j + 1, b = a;
    while (b < n && b - a < 8 && pii_is_lower(s[b]))
        b++;
    if (b == a || (b < n && (pii_is_alpha(s[b]) || pii_is_digit(s[b]) || s[b] == '-' || s[b] == '_' || s[b] >= 0x80)))
        return;
    static const char *const SUFFIX[] = {"chan", "kun", "san", "sama", "senpai", "sensei", "ya", "ah", "ssi", "nim",
                                         "ji", "jan", "joon", NULL};
    if (word_in(s + a, b - a, SUFFIX) && name_ok(sc, p, j, true))
        pii_person_emit(sc, p, j, 0.8, SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_GAZETTEER_FIRST);
}

/* Whether [a, ...) opens a line: the text's start, a line break, or a chat log's "[10:02] " before it. */
static bool line_start(const uint8_t *s, size_t a)
{
    return a == 0 || s[a - 1] == '\n' || (a >= 2 && s[a - 1] == ' ' && s[a - 2] == ']');
}

/* Voice assistants and bots are addressed like persons ("alexa can you play"); the name lists hold them. */
static bool assistant(const uint8_t *w, size_t n)
{
    static const char *const BOTS[] = {"alexa", "bixby", "claude", "cortana", "gemini", "jarvis", "siri", NULL};
    return word_in(w, n, BOTS);
}

/* "zeynep pls check", "arjun can u send", "nkechi u there", "kavya got married": the request word or verb of
 * news [p, j) after the name [a, b) that opens a line; "can", "could" need "u", "you" or "ya" after them, "u"
 * a word of presence ("u there", "u up"). */
static void opener_request(pii_scan *sc, size_t a, size_t b, size_t p, size_t j)
{
    const uint8_t *s = sc->s;
    size_t c, d;
    bool can = (j - p == 3 && memcmp(s + p, "can", 3) == 0) || (j - p == 5 && memcmp(s + p, "could", 5) == 0);
    if (can || j - p == 1) {
        static const char *const YOU[] = {"u", "you", "ya", NULL};
        static const char *const HERE[] = {"around", "awake", "free", "home", "there", "up", NULL};
        if (!frame_next(s, sc->n, j, &c, &d) || c != j + 1 || !word_in(s + c, d - c, can ? YOU : HERE))
            return;
    }
    if (name_ok(sc, a, b, false) && !assistant(s + a, b - a))
        pii_person_emit(sc, a, b, 0.72, SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK);
}

/* The request word [p, j) ("pls", "could", "cant"), a frame word: the name before it opens a line, or
 * follows one interjection that does ("omg kavya pls", "ok ingrid pls"). The commoner "can", "was", "got"
 * are no frame words: asking the walk about them, or about every line's first word, cost 3 % in bench_pii. */
static void opener_word(pii_scan *sc, size_t p, size_t j)
{
    const uint8_t *s = sc->s;
    size_t a, b, c, d;
    static const char *const INTERJ[] = {"bruh", "btw", "lol", "ngl", "ok", "okay", "omg", "so", "tbh", "ugh", "wait",
                                         "wow", "yo", NULL};
    if (!frame_prev(s, p, &a, &b))
        return;
    if (!line_start(s, a) && !(frame_prev(s, a, &c, &d) && line_start(s, c) && word_in(s + c, d - c, INTERJ)))
        return;
    opener_request(sc, a, b, p, j);
}

/* "ollie: running late": a given name that opens a line before a colon, a space and a word (not "sofia: 1",
 * a key and its value). [p, j) is the word, s[j] the colon. */
void pii_informal_speaker(pii_scan *sc, size_t p, size_t j)
{
    const uint8_t *s = sc->s;
    if (!line_start(s, p) || j + 2 >= sc->n || s[j + 1] != ' ' || !(pii_is_alpha(s[j + 2]) || s[j + 2] >= 0x80))
        return;
    if (name_ok(sc, p, j, false) && !assistant(s + p, j - p))
        pii_person_emit(sc, p, j, 0.72, SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK);
}

/* A given name of the lists that is no word and no place, as the base of a declined form. */
static bool declined_base(const uint8_t *w, size_t n)
{
    unsigned f = sc_name_lookup(w, n);
    return n >= 4 && (f & SC_NAME_FIRST) && !(f & (SC_NAME_WORD | SC_NAME_PLACE)) && !informal_word(w, n);
}

/* "powiedz tomkowi", "skazhi olegu", "peredai svetlane", "czesc kasiu": [a, b) after a Polish or Russian
 * frame is a dative or vocative of a given name: the stem before "owi", "u" or "e", that stem with "a"
 * ("svetlan|e" -> "svetlana", "kasi|u" -> "kasia"), or with the fleeting "e" of "tomek", "pawel" back. */
static bool declined_name(const uint8_t *s, size_t a, size_t b)
{
    size_t n = b - a, e;
    if (n < 5 || n > 16)
        return false;
    for (size_t i = a; i < b; i++)
        if (!pii_is_lower(s[i]))
            return false;
    if (n > 6 && memcmp(s + b - 3, "owi", 3) == 0)
        e = 3;
    else if (s[b - 1] == 'u' || s[b - 1] == 'e')
        e = 1;
    else
        return false;
    if (sc_name_lookup(s + a, n) != 0 || sc_word_class(s + a, n) != SC_WORD_NONE)
        return false;
    uint8_t buf[20];
    size_t m = n - e;
    memcpy(buf, s + a, m);
    if (declined_base(buf, m))
        return true; /* "oleg|u", "ivan|owi" */
    buf[m] = 'a';
    if (declined_base(buf, m + 1))
        return true; /* "svetlan|e", "kasi|u" */
    static const char VOWELS[] = "aeiouy";
    if (m >= 3 && !strchr(VOWELS, buf[m - 1]) && !strchr(VOWELS, buf[m - 2])) {
        buf[m] = buf[m - 1]; /* "tomk" -> "tomek", "pawl" -> "pawel" */
        buf[m - 1] = 'e';
        return declined_base(buf, m + 1);
    }
    return false;
}

static void frame_with(pii_scan *sc, size_t p, size_t j, unsigned k);

void pii_informal_frame(pii_scan *sc, size_t p, size_t j)
{
    unsigned k = frame_kinds(sc->s + p, j - p);
    if (k != 0)
        frame_with(sc, p, j, k);
}

/* "cześć kasia", "dì a marco", "olá thiago": greetings and verbs written with their accents, a frame word
 * whose ASCII start [p, j) the walk left at a byte >= 0x80. */
void pii_informal_accented(pii_scan *sc, size_t p, size_t j)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, e = j;
    while (e < n && e - p < 12 && (pii_is_lower(s[e]) || s[e] >= 0x80))
        e++;
    static const char *const ACCENTED[] = {"cze\xc5\x9b\xc4\x87", "d\xc3\xac", "ol\xc3\xa1", NULL};
    if (e - p < 12 && word_in(s + p, e - p, ACCENTED))
        frame_with(sc, p, e, F_BEFORE);
}

static void frame_with(pii_scan *sc, size_t p, size_t j, unsigned k)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, a, b, c, d;
    if (k & F_OPEN) {
        opener_word(sc, p, j); /* "arjun pls check" */
        return;
    }
    /* "how far chinedu": the second word of a two-word greeting acts as a greeting after its first */
    if ((k & F_HOW) && frame_prev(s, p, &a, &b) && b - a == 3 && memcmp(s + a, "how", 3) == 0)
        k = F_BEFORE;
    bool ji = j - p <= 3 && s[p] == 'j'; /* "ji", "jee" */
    if ((k & (F_BEFORE | F_BEFORE_KIN)) && frame_next(s, n, j, &a, &b)) {
        unsigned ka = frame_kinds(s + a, b - a);
        /* "dile a memo", "bilang ke rizky": a verb, a preposition, the person */
        bool a_grave = b - a == 2 && s[a] == 0xc3 && s[a + 1] == 0xa0; /* "dis à théo", "diz à rita" */
        if ((k & F_BEFORE) && ((ka & F_LINK) || a_grave) && b < n && s[b] == ' ' && a == j + 1 && frame_next(s, n, b, &c, &d))
            a = c, b = d;
        bool kin = (k & F_BEFORE_KIN) != 0;
        static const char *const SLAVIC[] = {"ahoj", "czesc", "cze\xc5\x9b\xc4\x87", "peredai", "powiedz", "privet",
                                             "skazhi", NULL};
        const char *why;
        if ((a == j + 1 || (k & F_BEFORE)) && name_ok(sc, a, b, kin))
            emit_name(sc, a, b, kin ? 0.8 : 0.72);
        else if (a == j + 1 && word_in(s + p, j - p, SLAVIC) && declined_name(s, a, b) && !pii_in_code(sc, a, b, &why))
            pii_person_emit(sc, a, b, 0.72, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK);
    }
    if ((k & (F_AFTER | F_AFTER_KIN)) && frame_prev(s, p, &a, &b) && !is_me(s + a, b - a)) {
        bool kin = (k & F_AFTER_KIN) != 0;
        /* "da", "di", "ne", "sir" are also prepositions, particles and titles ("di rumah", "sugoi ne", "yes
         * sir"): after a common first name only */
        static const char *const SHARED[] = {"apa", "bey", "da", "di", "jan", "ne", "sir", NULL};
        if (name_ok(sc, a, b, kin) && (kin || !word_in(s + p, j - p, SHARED) || common_first(s, a, b)) &&
            !(ji && deity(s + a, b - a)))
            pii_person_emit(sc, a, b, kin ? 0.8 : 0.72,
                            SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK);
    }
    if (k & F_AND) {
        /* "wo he X", "ya s X": these only after "I" ("he", "s" are English words and letters) */
        bool weak_and = (j - p == 1 && s[p] == 's') || (j - p == 2 && s[p] == 'h');
        bool left = frame_prev(s, p, &a, &b), lme = left && is_me(s + a, b - a);
        if (weak_and && !lme)
            return;
        bool right = frame_next(s, n, j, &c, &d) && c == j + 1, rme = right && is_me(s + c, d - c);
        if (lme && right && !rme && name_ok(sc, c, d, false))
            emit_name(sc, c, d, 0.72); /* "me and vikram" */
        else if (rme && left && !lme && name_ok(sc, a, b, false))
            pii_person_emit(sc, a, b, 0.72, SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_GAZETTEER_FIRST); /* "kayla and me" */
        else if (left && right && !lme && !rme && name_ok(sc, c, d, false) && name_ok(sc, a, b, false) &&
                 (common_first(s, a, b) || common_first(s, c, d))) {
            pii_person_emit(sc, a, b, 0.72, SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_GAZETTEER_FIRST);
            emit_name(sc, c, d, 0.72); /* "nour w layla", "bilal aur hamza" */
        }
    }
}

/* "tanvi's mom", "dylan's car": a possessive given name that is no word before a kinship word or a thing
 * people own; [p, j) is the name, the possessive after it. */
void pii_informal_possessive(pii_scan *sc, size_t p, size_t j)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, q = j + (s[j] == '\'' ? 2 : 4), a, b; /* 's or ’s */
    static const char *const OWNED[] = {"bday", "bf", "birthday", "bro", "brother", "car", "cousin", "dad", "family",
                                        "father", "gf", "house", "husband", "mom", "mother", "mum", "parents",
                                        "party", "place", "sis", "sister", "wedding", "wife", NULL};
    if (q > n || !frame_next(s, n, q, &a, &b) || a != q + 1 || !WORD_IN_SORTED(s + a, b - a, OWNED))
        return;
    if (name_ok(sc, p, j, false))
        pii_person_emit(sc, p, j, 0.72, SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_GAZETTEER_FIRST);
}


PII_NOINLINE void pii_informal_word(pii_scan *sc, size_t p, size_t j)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (j < n && s[j] == '-') {
        if (j - p >= 3)
            hyphen_suffix(sc, p, j); /* "yuki-chan" */
        return;
    }
    pii_informal_frame(sc, p, j);
}
