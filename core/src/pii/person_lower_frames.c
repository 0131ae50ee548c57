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
    F_OPEN = 256,     /* a request after a name that opens a line: "arjun pls", "ingrid cant" (round 14) */
    F_POSS = 512,     /* a possessive postposition after a name, before what is its: "vikram ka number" (round 15) */
    F_NUM = 1024,     /* a number word before the name whose number it is: "namba ya juma", "nomer taras" (round 15) */
    F_VN = 2048,      /* a Vietnamese surname that opens a full name: "nguyen van an", "tran thi mai" (round 15) */
    F_MYKIN = 4096    /* a brother, sister or friend after a possessive, before the name: "tera bhai X" (round 15) */
};

struct frame_word {
    const char *w;
    unsigned kinds;
};

/* Hand-kept, sorted in strcmp order; the gate and FRAME_SLOTS below are built from it
 * (tools/names/gen_informal_frames.py rewrites all three). */
static const struct frame_word FRAMES[] = {
    {"a", F_LINK}, {"aapa", F_AFTER_KIN}, {"aaya", F_AFTER}, {"aayi", F_AFTER}, {"abang", F_BEFORE_KIN},
    {"abeg", F_BEFORE}, {"abi", F_AFTER}, {"abla", F_AFTER}, {"abuela", F_BEFORE_KIN}, {"abuelo", F_BEFORE_KIN},
    {"adik", F_BEFORE_KIN}, {"ahlan", F_BEFORE}, {"ahoj", F_BEFORE}, {"akka", F_AFTER_KIN}, {"ako", F_ME},
    {"aku", F_ME}, {"al", F_LINK}, {"alhaji", F_BEFORE_KIN}, {"aling", F_BEFORE_KIN}, {"alisema", F_AFTER},
    {"amar", F_AFTER}, {"amca", F_AFTER_KIN}, {"amefika", F_AFTER}, {"amesema", F_AFTER}, {"amiga", F_MYKIN},
    {"amigo", F_MYKIN}, {"amra", F_AFTER}, {"ana", F_ME}, {"and", F_AND}, {"anh", F_BEFORE_KIN}, {"anna", F_AFTER_KIN},
    {"annyeong", F_BEFORE}, {"apa", F_AFTER}, {"appelle", F_BEFORE}, {"aradi", F_AFTER}, {"ask", F_BEFORE},
    {"asked", F_AFTER | F_BEFORE}, {"ate", F_BEFORE}, {"auntie", F_AFTER_KIN | F_BEFORE_KIN},
    {"aunty", F_AFTER_KIN | F_BEFORE_KIN}, {"aur", F_AND}, {"avisa", F_BEFORE}, {"baaji", F_AFTER_KIN},
    {"baba", F_BEFORE}, {"babai", F_AFTER_KIN}, {"baji", F_AFTER_KIN}, {"bang", F_BEFORE}, {"bapak", F_BEFORE_KIN},
    {"behen", F_MYKIN}, {"ben", F_ME}, {"bey", F_AFTER}, {"bhabhi", F_AFTER_KIN}, {"bhai", F_AFTER_KIN | F_MYKIN},
    {"bhaia", F_AFTER_KIN}, {"bhaiya", F_AFTER_KIN | F_MYKIN}, {"bhau", F_AFTER_KIN}, {"bilang", F_BEFORE},
    {"bol", F_AFTER}, {"bola", F_AFTER}, {"boli", F_AFTER}, {"bro", F_AFTER | F_MYKIN}, {"bui", F_VN},
    {"bwana", F_BEFORE_KIN}, {"call", F_BEFORE}, {"called", F_AFTER | F_BEFORE}, {"cant", F_OPEN}, {"carnal", F_MYKIN},
    {"cc", F_BEFORE}, {"chacha", F_AFTER_KIN}, {"chale", F_BEFORE}, {"chama", F_BEFORE}, {"chan", F_AFTER_KIN},
    {"chegou", F_AFTER}, {"chi", F_BEFORE}, {"chiama", F_BEFORE}, {"ciao", F_BEFORE}, {"compa", F_MYKIN},
    {"congrats", F_BEFORE}, {"coucou", F_BEFORE}, {"could", F_OPEN}, {"czesc", F_BEFORE}, {"da", F_AFTER},
    {"dada", F_AFTER_KIN | F_MYKIN}, {"dedi", F_AFTER}, {"demande", F_BEFORE}, {"dey", F_AFTER}, {"di", F_AFTER},
    {"dice", F_AFTER}, {"didi", F_AFTER_KIN | F_MYKIN}, {"didnt", F_OPEN}, {"digale", F_BEFORE}, {"dijo", F_AFTER},
    {"dile", F_BEFORE}, {"dinh", F_VN}, {"dis", F_BEFORE}, {"disse", F_AFTER}, {"dit", F_AFTER}, {"dm", F_BEFORE},
    {"dobavil", F_AFTER}, {"dobavila", F_AFTER}, {"dona", F_BEFORE_KIN}, {"dost", F_MYKIN}, {"dyadya", F_BEFORE_KIN},
    {"dzwonil", F_AFTER}, {"dzwonila", F_AFTER}, {"e", F_AND}, {"eipe", F_AFTER}, {"en", F_AND}, {"et", F_AND},
    {"eyang", F_BEFORE_KIN}, {"falou", F_AFTER}, {"far", F_HOW}, {"frag", F_BEFORE}, {"frere", F_MYKIN},
    {"gadu", F_AFTER_KIN}, {"garu", F_AFTER_KIN}, {"gaya", F_AFTER}, {"gayi", F_AFTER}, {"geia", F_BEFORE},
    {"geldi", F_AFTER}, {"gelince", F_AFTER}, {"geliyor", F_AFTER}, {"gelmedi", F_AFTER}, {"gitti", F_AFTER},
    {"grabe", F_BEFORE}, {"guy", F_MYKIN}, {"hajia", F_BEFORE_KIN}, {"hajiya", F_BEFORE_KIN}, {"hallo", F_BEFORE},
    {"he", F_AND}, {"hei", F_BEFORE}, {"hej", F_BEFORE}, {"hello", F_BEFORE}, {"helo", F_BEFORE}, {"hermana", F_MYKIN},
    {"hermano", F_MYKIN}, {"hey", F_BEFORE}, {"heyy", F_BEFORE}, {"hi", F_BEFORE}, {"hii", F_BEFORE},
    {"hiii", F_BEFORE}, {"hoang", F_VN}, {"hocam", F_AFTER_KIN}, {"hoi", F_BEFORE}, {"hola", F_BEFORE},
    {"homie", F_MYKIN}, {"huynh", F_VN}, {"hyung", F_AFTER_KIN}, {"i", F_ME}, {"ibu", F_BEFORE_KIN}, {"ich", F_ME},
    {"ik", F_ME}, {"invite", F_BEFORE}, {"io", F_ME}, {"irma", F_MYKIN}, {"irmao", F_MYKIN}, {"iya", F_BEFORE},
    {"jaan", F_AFTER_KIN}, {"jag", F_ME}, {"jambo", F_BEFORE}, {"jan", F_AFTER}, {"jee", F_AFTER_KIN},
    {"ji", F_AFTER_KIN}, {"joon", F_AFTER}, {"ka", F_POSS}, {"kai", F_AND}, {"kak", F_BEFORE}, {"kaka", F_BEFORE_KIN},
    {"kakak", F_BEFORE_KIN}, {"kamusta", F_BEFORE}, {"kay", F_BEFORE | F_LINK}, {"ke", F_LINK | F_POSS},
    {"khanum", F_AFTER_KIN}, {"ki", F_POSS}, {"kifak", F_BEFORE}, {"ko", F_POSS}, {"kumusta", F_BEFORE},
    {"kun", F_AFTER_KIN}, {"kupil", F_AFTER}, {"kupila", F_AFTER}, {"kuya", F_BEFORE_KIN}, {"le", F_LINK},
    {"lei", F_AFTER}, {"liga", F_BEFORE}, {"ligou", F_AFTER}, {"ligue", F_BEFORE}, {"llamala", F_BEFORE},
    {"llamale", F_BEFORE}, {"llamalo", F_BEFORE}, {"llego", F_AFTER}, {"lola", F_BEFORE_KIN}, {"lolo", F_BEFORE_KIN},
    {"machan", F_BEFORE}, {"mambo", F_BEFORE}, {"mana", F_MYKIN}, {"manang", F_BEFORE_KIN}, {"mandou", F_AFTER},
    {"mang", F_BEFORE_KIN}, {"mano", F_MYKIN}, {"manong", F_BEFORE_KIN}, {"marcale", F_BEFORE}, {"marhaba", F_BEFORE},
    {"mas", F_BEFORE}, {"mausi", F_AFTER_KIN}, {"mbak", F_BEFORE_KIN}, {"me", F_ME}, {"meet", F_BEFORE},
    {"merhaba", F_BEFORE}, {"met", F_BEFORE}, {"moi", F_ME}, {"msg", F_BEFORE}, {"musta", F_BEFORE},
    {"mwambie", F_BEFORE}, {"n", F_AND}, {"namba", F_NUM}, {"nambari", F_NUM}, {"napisal", F_AFTER},
    {"napisala", F_AFTER}, {"napishi", F_BEFORE}, {"ne", F_AFTER}, {"needs", F_OPEN}, {"ngo", F_VN}, {"nguyen", F_VN},
    {"ni", F_BEFORE | F_LINK}, {"no", F_POSS}, {"nomer", F_NUM}, {"nomor", F_NUM}, {"noona", F_AFTER_KIN},
    {"numer", F_NUM}, {"numero", F_NUM}, {"nuna", F_AFTER_KIN}, {"oga", F_BEFORE_KIN}, {"oi", F_BEFORE | F_AFTER},
    {"ola", F_BEFORE}, {"oppa", F_AFTER_KIN}, {"oye", F_BEFORE}, {"paaji", F_AFTER_KIN}, {"paji", F_AFTER_KIN},
    {"pak", F_BEFORE_KIN}, {"peredai", F_BEFORE}, {"pergunta", F_BEFORE}, {"pes", F_BEFORE}, {"pham", F_VN},
    {"ping", F_BEFORE}, {"pinni", F_AFTER_KIN}, {"pisal", F_AFTER}, {"pisala", F_AFTER}, {"please", F_OPEN},
    {"pls", F_OPEN}, {"plz", F_OPEN}, {"pote", F_MYKIN}, {"powiedz", F_BEFORE}, {"powiedzial", F_AFTER},
    {"powiedziala", F_AFTER}, {"pozvoni", F_BEFORE}, {"pozvonil", F_AFTER}, {"pozvonila", F_AFTER}, {"pra", F_LINK},
    {"pregunta", F_BEFORE}, {"preguntale", F_BEFORE}, {"priehal", F_AFTER}, {"priehala", F_AFTER}, {"prima", F_BEFORE},
    {"primo", F_BEFORE}, {"prishel", F_AFTER}, {"prishla", F_AFTER}, {"privet", F_BEFORE}, {"pro", F_LINK},
    {"pryvit", F_BEFORE}, {"przyszedl", F_AFTER}, {"przyszla", F_AFTER}, {"punya", F_NUM}, {"raqam", F_NUM},
    {"remind", F_BEFORE}, {"replied", F_AFTER}, {"s", F_AND}, {"sa", F_LINK}, {"saab", F_AFTER_KIN},
    {"sabihin", F_BEFORE}, {"sag", F_BEFORE}, {"sagt", F_AFTER}, {"sahab", F_AFTER_KIN}, {"said", F_AFTER},
    {"saiu", F_AFTER}, {"salaam", F_BEFORE}, {"salam", F_BEFORE}, {"salio", F_AFTER}, {"salut", F_BEFORE},
    {"sama", F_AFTER | F_AND}, {"sannu", F_BEFORE}, {"sawasdee", F_BEFORE}, {"sawubona", F_BEFORE}, {"says", F_AFTER},
    {"selam", F_BEFORE}, {"senpai", F_AFTER_KIN}, {"sensei", F_AFTER_KIN}, {"seu", F_BEFORE_KIN}, {"shel", F_NUM},
    {"shomare", F_NUM}, {"shu", F_BEFORE}, {"shuo", F_AFTER}, {"si", F_BEFORE}, {"sige", F_BEFORE}, {"sir", F_AFTER},
    {"sis", F_AFTER | F_MYKIN}, {"skazal", F_AFTER}, {"skazala", F_AFTER}, {"skazhi", F_BEFORE}, {"sprosi", F_BEFORE},
    {"sti", F_LINK}, {"ston", F_LINK}, {"sunbae", F_AFTER_KIN}, {"sup", F_BEFORE}, {"tagid", F_BEFORE},
    {"tante", F_BEFORE_KIN}, {"tell", F_BEFORE}, {"text", F_BEFORE}, {"texted", F_AFTER | F_BEFORE},
    {"teyze", F_AFTER_KIN}, {"thambi", F_AFTER_KIN}, {"thank", F_BEFORE}, {"thanks", F_BEFORE}, {"thx", F_BEFORE},
    {"tia", F_BEFORE_KIN}, {"tio", F_BEFORE_KIN}, {"tita", F_BEFORE_KIN}, {"tito", F_BEFORE_KIN}, {"to", F_LINK},
    {"told", F_AFTER | F_BEFORE}, {"tran", F_VN}, {"trinh", F_VN}, {"ty", F_BEFORE}, {"tyotya", F_BEFORE_KIN},
    {"tysm", F_BEFORE}, {"uehal", F_AFTER}, {"uehala", F_AFTER}, {"uncle", F_AFTER | F_BEFORE_KIN}, {"und", F_AND},
    {"unni", F_AFTER_KIN}, {"unnie", F_AFTER_KIN}, {"ustad", F_BEFORE_KIN}, {"ustadz", F_BEFORE_KIN},
    {"ustaz", F_BEFORE_KIN}, {"uthi", F_AFTER}, {"vanakkam", F_BEFORE}, {"ve", F_AND}, {"veerji", F_AFTER_KIN},
    {"voltou", F_AFTER}, {"w", F_AND}, {"wants", F_OPEN}, {"wesh", F_BEFORE}, {"wo", F_ME}, {"wont", F_OPEN},
    {"y", F_AND}, {"ya", F_ME}, {"yaar", F_BEFORE}, {"yazdi", F_AFTER}, {"yo", F_BEFORE | F_ME}, {"zabyl", F_AFTER},
    {"zabyla", F_AFTER}, {"zadzwon", F_BEFORE}, {"zvonil", F_AFTER}, {"zvonila", F_AFTER},
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
    {0x0u, 0x0u, 0x400000004u, 0x110100001101u, 0x8200000082000u, 0x0u, 0x0u, 0x11000000110u, 0x0u, 0x10000000100u, 0x411100004111u, 0x0u, 0x0u, 0x411000004110u, 0x10000000100u, 0x0u, 0x0u, 0x0u, 0x10000000100u, 0x100000001000000u, 0x0u, 0x1000000010u, 0x0u, 0x0u, 0x400000004000u, 0x0u},
    {0x1ca00200020599u, 0x12401001004900u, 0x8000000100u, 0x110010c0000u, 0x0u, 0x100020000u, 0x10000001000000u, 0x411001000300u, 0x100000200100001u, 0x1100002010u, 0x10000101002500u, 0x1000000100u, 0x40011000c0040u, 0x4000004000u, 0x100084000000011u, 0x81102040400u, 0x0u, 0x0u, 0x10019100168040u, 0x18000804001u, 0x200000000008u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u},
    {0x348b00020741u, 0x408100100141u, 0x18100086800u, 0x411100084191u, 0x10000000010u, 0x2000000000040u, 0x1100100101u, 0x411001004101u, 0x2000000000001u, 0x400100002000u, 0x10000100000001u, 0x410000004001u, 0x1300084441u, 0x10000000000001u, 0x800000000001u, 0x418100001150u, 0x0u, 0x0u, 0x181001c481bu, 0x102411000087809u, 0x8200000000100u, 0x0u, 0x401000080080u, 0x0u, 0x100020000u, 0x0u},
    {0x36188201006149u, 0x40009100002501u, 0x20040800000001du, 0x10000080010u, 0x100000000000040u, 0x2000100100010u, 0x2011000000110u, 0x1104011000050d1u, 0x2000000004000u, 0x100004000u, 0x10010100000c00u, 0x90000104010u, 0x10000100004101u, 0x10401100060001u, 0x0u, 0x12010100004901u, 0x0u, 0x100001000u, 0x1100185002u, 0x2009100000498u, 0x4201002000818u, 0x0u, 0x100040000u, 0x0u, 0x100000100u, 0x100000800u},
    {0x10080200004111u, 0x18000000141u, 0x408100100809u, 0x100010000000011u, 0x0u, 0x0u, 0x0u, 0x100000001u, 0x200000000010u, 0x0u, 0x10008000001001u, 0x0u, 0x100102040u, 0x10004000006000u, 0x0u, 0x2090000080011u, 0x0u, 0x1000000008u, 0x10841100001910u, 0x100009000040109u, 0x4001002000001u, 0x401000100100u, 0x0u, 0x0u, 0x0u, 0x20000100000801u},
    {0x980000000011u, 0x0u, 0x0u, 0x200401000000810u, 0x0u, 0x0u, 0x1000020110u, 0x1000004001u, 0x0u, 0x0u, 0x10000100000001u, 0x80000004011u, 0x40001100000011u, 0x100000900u, 0x0u, 0x2401002000901u, 0x0u, 0x1000000008u, 0x48100002011u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x20000100002001u},
    {0x200000000040u, 0x0u, 0x400000040000u, 0x200400000000001u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x100000001u, 0x0u, 0x2401000000801u, 0x0u, 0x0u, 0x100000011u, 0x0u, 0x0u, 0x100001000u, 0x0u, 0x0u, 0x0u, 0x0u},
    {0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x2400000000801u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u},
    {0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x2400000000810u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u},
    {0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x400000000001u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u, 0x0u},
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
static const int16_t FRAME_SLOTS[1024] = {
    235, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 211, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 33,
    -1, -1, -1, -1, -1, 271, -1, -1, 329, -1, -1, -1, 343, -1, 352, -1, -1, 340, -1, 312, -1, -1, 81, -1, -1, -1, 225,
    226, -1, -1, -1, 330, -1, -1, -1, -1, -1, -1, 99, -1, 146, -1, -1, -1, -1, 105, 155, -1, -1, -1, -1, -1, 125, 38,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, 310, 31, -1, -1, -1, -1, -1, -1, 164, 179, -1, -1, -1, 308, -1, -1, -1, 98, -1,
    188, -1, -1, -1, -1, -1, -1, 78, -1, -1, -1, -1, 263, 80, -1, -1, -1, -1, -1, -1, -1, 67, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, 178, 265, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 148, 254, 276, -1, -1, 109, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, 102, -1, -1, -1, -1, 147, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, 331, -1, -1, 354, -1, -1, 176, -1, -1, -1, -1, -1, -1, 311, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1, 2, -1, -1, -1, -1, -1, 43, -1, 39, 228, 333, 258, 261, 270, -1, -1, -1,
    -1, 347, 256, 82, 213, 129, -1, -1, -1, -1, -1, -1, -1, 7, -1, -1, 6, -1, -1, -1, -1, -1, 158, -1, 116, -1, 171, -1,
    -1, -1, -1, -1, -1, 181, -1, -1, 260, 264, 332, 266, 205, 268, -1, -1, 77, 255, -1, 219, -1, -1, -1, -1, 167, 229,
    -1, 165, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 194, 46, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 212, -1, 166,
    342, -1, -1, 279, 3, 362, -1, -1, 150, 5, -1, 45, -1, -1, -1, -1, -1, -1, -1, -1, -1, 345, 275, -1, -1, -1, 288, -1,
    -1, -1, -1, 160, -1, -1, 238, -1, -1, -1, 161, 277, -1, -1, -1, 251, -1, -1, 117, 361, -1, -1, 126, -1, -1, -1, -1,
    111, -1, 63, -1, -1, -1, -1, 197, -1, -1, 282, 118, -1, -1, -1, -1, 86, -1, -1, -1, -1, 104, 130, -1, -1, -1, -1,
    -1, 231, -1, -1, -1, -1, -1, 131, -1, -1, 214, -1, -1, -1, -1, -1, -1, 49, 138, 341, 348, -1, 182, -1, -1, -1, -1,
    237, 4, -1, 42, 44, 162, -1, -1, 202, 103, -1, 173, -1, 253, 10, -1, -1, -1, -1, -1, -1, -1, -1, 157, 8, 73, -1, -1,
    -1, 47, -1, 281, 223, 353, -1, -1, 204, 149, -1, 232, 83, -1, 127, -1, -1, -1, 64, 269, -1, -1, -1, -1, 65, -1, -1,
    252, -1, 198, 259, -1, -1, -1, -1, -1, 313, -1, -1, 301, -1, -1, -1, 323, 170, 16, -1, -1, -1, 314, -1, -1, 203, -1,
    -1, -1, -1, 151, -1, -1, -1, -1, -1, 139, 168, 27, 114, 115, -1, -1, -1, -1, -1, 13, 236, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, 87, 92, -1, -1, 53, 183, -1, 52, 106, -1, -1, 70, 128, 12, -1, -1, -1, 233, -1, -1, 28, 50, -1, -1, -1,
    159, 97, -1, -1, -1, -1, -1, -1, 208, 133, 85, -1, 221, 66, 93, 292, 241, -1, 32, 195, 199, 193, -1, 350, -1, 119,
    21, 26, 88, 169, 272, 280, 356, 359, -1, 325, -1, 285, 69, 136, 283, 201, -1, 355, -1, 14, -1, 29, -1, -1, 110, -1,
    107, -1, 71, 48, 94, 30, 140, 315, -1, -1, -1, 286, 296, 318, -1, -1, -1, 9, 96, -1, -1, 358, -1, -1, 95, -1, -1,
    -1, 54, 302, -1, -1, -1, 243, -1, 68, 74, -1, -1, -1, -1, 200, -1, 58, -1, -1, 75, -1, -1, -1, -1, -1, -1, 91, -1,
    -1, -1, 100, 132, 192, 206, -1, -1, -1, 324, -1, -1, -1, 335, -1, -1, 15, 153, -1, -1, 24, 287, -1, 134, -1, 185,
    242, -1, 337, -1, 57, 55, 137, 143, 11, 144, 175, 273, 284, 289, 297, 303, 123, 217, 349, 215, 218, 84, 317, 299,
    -1, 316, 224, -1, 293, 304, 334, -1, 190, 207, -1, -1, -1, -1, -1, -1, -1, 18, 120, 209, 90, -1, 300, -1, -1, -1,
    -1, 51, 257, 291, -1, -1, 56, -1, 216, -1, -1, 37, -1, -1, -1, -1, 59, 196, 327, 322, 76, 174, 220, -1, -1, -1, 246,
    294, 295, 244, -1, -1, -1, -1, 234, 326, -1, -1, -1, 351, -1, -1, -1, -1, 122, -1, -1, -1, 346, -1, 248, -1, 320,
    290, 154, 357, 274, -1, 35, 79, -1, -1, 250, -1, 20, -1, -1, -1, 245, 278, -1, -1, -1, -1, -1, -1, -1, 328, -1, -1,
    -1, -1, -1, -1, -1, -1, 60, -1, 89, -1, 210, -1, -1, -1, -1, -1, -1, 227, -1, -1, -1, 61, -1, -1, 240, -1, -1, 145,
    239, -1, -1, 112, -1, -1, -1, 19, 172, -1, 17, 222, 338, 360, -1, -1, -1, -1, 25, 319, -1, 135, -1, -1, -1, 108,
    141, -1, -1, 163, -1, -1, -1, 249, -1, -1, -1, -1, 22, 23, -1, -1, -1, -1, -1, -1, -1, -1, -1, 184, -1, -1, -1, 121,
    180, -1, 72, 191, -1, 336, 339, 36, 156, 247, 189, 101, 298, -1, -1, -1, 344, -1, -1, -1, 230, -1, 152, 267, 113,
    -1, -1, 309, -1, -1, 186, 124, -1, -1, -1, -1, -1, -1, -1, -1, -1, 34, 262, -1, -1, -1, -1, -1, 306, 40, 142, 307,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, 41, -1, -1, -1, -1, -1, 177, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, 187, -1, -1, -1, -1, -1, -1, -1, 305, -1, -1, -1, -1, 0, 321, -1, -1, 62, -1, -1,
};

static unsigned frame_hash(const uint8_t *w, size_t n)
{
    unsigned c1 = n > 1 ? w[1] : 0u;
    return ((unsigned)w[0] * 7u + c1 * 31u + (unsigned)w[n - 1] * 13u + (unsigned)n * 101u) & 1023u;
}

static unsigned frame_kinds(const uint8_t *w, size_t n)
{
    if (n == 0 || n >= 12 || !pii_is_lower(w[0]) || !pii_is_lower(w[n - 1]))
        return 0;
    for (unsigned i = frame_hash(w, n); FRAME_SLOTS[i] >= 0; i = (i + 1u) & 1023u) {
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

/* deity() of a word whose first letter may be a capital ("Ganesh ji" opening a message). */
static bool deity_folded(const uint8_t *w, size_t n)
{
    uint8_t low[20];
    if (n == 0 || n > sizeof low)
        return false;
    memcpy(low, w, n);
    low[0] = pii_lower(low[0]);
    return deity(low, n);
}

/* [a, b) may be a given name in a frame: known as a given name, no chat word, no function word of the
 * romanized languages; a weak frame also needs it to be no English word and no place. */
static bool name_ok(pii_scan *sc, size_t a, size_t b, bool strong)
{
    size_t l = b - a;
    if (l < 3 || l > 20)
        return false;
    /* a phone capitalizes a message's first word ("Nikhil ka number"): the lists are asked in lower case */
    uint8_t low[20];
    const uint8_t *w = sc->s + a;
    if (pii_is_upper(w[0])) {
        memcpy(low, w, l);
        low[0] = pii_lower(low[0]);
        w = low;
    }
    if (pii_chat_word(w, l)) /* "and the", "ping you": a short list before the hash */
        return false;
    unsigned f = sc_name_lookup(w, l);
    /* a weak frame: no word, no place, and three letters only for a common first name ("with tex", "with
     * gui" are acronyms); a strong one takes a word only as a common first name ("sunny bhai", not "check
     * abi") */
    bool common = (f & SC_NAME_COMMON_FIRST) != 0;
    if (!(f & SC_NAME_FIRST) || ((f & SC_NAME_WORD) && (!strong || !common)) ||
        (!strong && ((f & SC_NAME_PLACE) || (l < 4 && !common))))
        return false;
    if (informal_word(w, l) || (!strong && deity(w, l)) || (!strong && !common && foreign_word(w, l)))
        return false;
    int cls = sc_word_class(w, l);
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

/* "Nikhil ka number", "Andrey kupil": the capitalized word that opens a line one space before p, as [*a, *b)
 * (a phone capitalizes a message's first word; the frames after a name take it as they take "nikhil"). */
static bool opener_cap_prev(const uint8_t *s, size_t p, size_t *a, size_t *b)
{
    if (p < 3 || s[p - 1] != ' ')
        return false;
    size_t e = p - 1, q = e;
    while (q > 0 && e - q <= 20 && pii_is_lower(s[q - 1]))
        q--;
    if (q < 1 || q == e || !pii_is_upper(s[q - 1]) || !line_start(s, q - 1))
        return false;
    *a = q - 1;
    *b = e;
    return true;
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

/* "nomer olega", "numer tarasa": the Russian, Ukrainian or Polish genitive in "-a" of a given name that ends in
 * a consonant, after a number word (not "nomer telefona", "nomer karty": the stem is no name). */
static bool genitive_name(const uint8_t *s, size_t a, size_t b)
{
    size_t n = b - a;
    if (n < 4 || n > 16 || s[b - 1] != 'a' || strchr("aeiouy", s[b - 2]) != NULL)
        return false;
    for (size_t i = a; i < b; i++)
        if (!pii_is_lower(s[i]))
            return false;
    return sc_name_lookup(s + a, n) == 0 && sc_word_class(s + a, n) == SC_WORD_NONE && declined_base(s + a, n - 1);
}

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

/* What a possessive postposition [p, j) may stand before when the name before it owns it: a number, an
 * account, a home or a relative for Hindi/Urdu "ka", "ki", "ke" ("vikram ka number", "card chitra ka hai"),
 * a request for "ko" ("ankit ko bolo"), a phone or an address for Japanese "no" ("kenji no denwa"). Not
 * "ganga ka pani", "kal ka plan", "diwali ki shopping". */
static bool owned_after(const uint8_t *w, size_t n, const uint8_t *x, size_t m)
{
    static const char *const KA[] = {"acc", "account", "address", "bday", "behen", "beta", "beti", "bhai",
                                     "birthday", "card", "dost", "ghar", "gpay", "hai", "husband", "mail", "mobile",
                                     "mummy", "no", "num", "number", "papa", "paytm", "phone", "shaadi", "tha",
                                     "thi", "upi", "wife", NULL};
    static const char *const KO[] = {"add", "bata", "batana", "batao", "bhi", "bol", "bolo", "bula", "bulao", "call",
                                     "de", "dedo", "dena", "do", "kaho", "message", "msg", "phone", "pucho", NULL};
    static const char *const NO[] = {"bangou", "denwa", "juusho", "kaado", "keitai", "kouza", "meeru", NULL};
    if (n == 2 && w[0] == 'k')
        return word_in(x, m, w[1] == 'o' ? KO : KA);
    return n == 2 && w[0] == 'n' && word_in(x, m, NO);
}

/* After a number word: "namba ya X", "numero de X", "nomer X"; these particles may stand between. */
static bool number_link(const uint8_t *w, size_t n)
{
    static const char *const LINK[] = {"da", "de", "del", "di", "dla", "do", "ng", "ni", "of", "ya", NULL};
    return n <= 3 && word_in(w, n, LINK);
}

/* "nguyen van an", "tran thi mai", "pham quoc bao": the Vietnamese surname [p, j) (one that is no word of
 * romanized chat: not "dang", "duong", "lam", "phan", "le", "do", "vo") and one or two given-name syllables after
 * it; two words only when the syllable is no English word ("ngo my god", "hoang yen"), and never before a
 * street word ("tran hung dao street"). */
static void vietnamese_full(pii_scan *sc, size_t p, size_t j)
{
    static const char *const SYL[] = {
        "an", "anh", "bao", "bich", "binh", "cam", "chau", "chi", "cuong", "dat", "diep", "duc", "dung", "duy",
        "giang", "ha", "hai", "hanh", "hau", "hien", "hieu", "hoa", "hoang", "hong", "hue", "hung", "huong", "huu",
        "huy", "khanh", "khoa", "kien", "kim", "lan", "lien", "linh", "loan", "loc", "long", "mai", "minh", "my",
        "nam", "nga", "ngan", "ngoc", "nguyet", "nhi", "nhung", "oanh", "phat", "phong", "phuc", "phuong", "quan",
        "quang", "quoc", "son", "tai", "tam", "tan", "thang", "thanh", "thao", "thi", "thien", "thinh", "thu",
        "thuy", "tien", "toan", "trang", "tri", "trinh", "trung", "tu", "tuan", "tung", "uyen", "van", "viet",
        "vinh", "vu", "vy", "xuan", "yen", NULL};
    static const char *const EN[] = {"an", "bao", "chi", "dung", "ha", "hue", "hung", "long", "my", "nam", "son",
                                     "tan", "thi", "tri", "tu", "van", "yen", NULL};
    static const char *const STREET[] = {"ave", "avenue", "blvd", "district", "duong", "pho", "rd", "road", "st",
                                         "street", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, a, b, c, d, e;
    if (!frame_next(s, n, j, &a, &b) || a != j + 1 || !WORD_IN_SORTED(s + a, b - a, SYL))
        return;
    e = b;
    if (frame_next(s, n, b, &c, &d) && c == b + 1 && WORD_IN_SORTED(s + c, d - c, SYL))
        e = d;
    else if (WORD_IN_SORTED(s + a, b - a, EN))
        return;
    const char *why;
    if ((frame_next(s, n, e, &c, &d) && WORD_IN_SORTED(s + c, d - c, STREET)) || pii_in_code(sc, p, e, &why))
        return;
    pii_person_emit(sc, p, e, 0.72, SANCTUM_EV_GAZETTEER_LAST | SANCTUM_EV_FORMAT_WEAK);
}

/* "mera", "tera", "my", "mi", "meu", "mon"...: a possessive pronoun before [p, ...). */
static bool possessive_before(const uint8_t *s, size_t p)
{
    static const char *const MY[] = {"apna", "apni", "hamara", "hamari", "ma", "mera", "meri", "meu", "mi", "minha",
                                     "mon", "my", "our", "tera", "teri", "tu", "tumhara", "uska", "uski", NULL};
    size_t a, b;
    return frame_prev(s, p, &a, &b) && b - a <= 7 && WORD_IN_SORTED(s + a, b - a, MY);
}

static void frame_with(pii_scan *sc, size_t p, size_t j, unsigned k)
{
    if (k & F_VN) {
        vietnamese_full(sc, p, j);
        return;
    }
    const uint8_t *s = sc->s;
    size_t n = sc->n, a, b, c, d;
    /* "tera bhai nikhil", "my guy chidi", "mi compa rodrigo": the weak checks on the name after */
    if ((k & F_MYKIN) && possessive_before(s, p) && frame_next(s, n, j, &a, &b) && a == j + 1 &&
        name_ok(sc, a, b, false))
        emit_name(sc, a, b, 0.72);
    if ((k & F_POSS) && frame_next(s, n, j, &c, &d) && c == j + 1 && owned_after(s + p, j - p, s + c, d - c) &&
        (frame_prev(s, p, &a, &b) || opener_cap_prev(s, p, &a, &b)) && !is_me(s + a, b - a) &&
        name_ok(sc, a, b, false))
        pii_person_emit(sc, a, b, 0.72, SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK);
    if ((k & F_NUM) && frame_next(s, n, j, &a, &b) && a == j + 1) {
        if (number_link(s + a, b - a) && !(b < n && s[b] == ',') && frame_next(s, n, b, &c, &d) && c == b + 1)
            a = c, b = d;
        const char *why;
        if (name_ok(sc, a, b, false))
            emit_name(sc, a, b, 0.72); /* "namba ya wambui", "nomer taras" */
        else if (s[p] == 'n' && s[j - 2] == 'e' && genitive_name(s, a, b) && !pii_in_code(sc, a, b, &why))
            pii_person_emit(sc, a, b, 0.72, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK);
    }
    if (k & F_OPEN) {
        opener_word(sc, p, j); /* "arjun pls check" */
        return;
    }
    /* "how far chinedu": the second word of a two-word greeting acts as a greeting after its first */
    if ((k & F_HOW) && frame_prev(s, p, &a, &b) && b - a == 3 && memcmp(s + a, "how", 3) == 0)
        k = F_BEFORE;
    /* "se chama teodoro", "si chiama ettore", "s'appelle gaston": a reflexive verb names a pet or a thing */
    if ((k & F_BEFORE) && p >= 2 &&
        ((s[p - 1] == '\'' && pii_is_alpha(s[p - 2])) ||
         (frame_prev(s, p, &a, &b) && b - a == 2 && s[a] == 's' && (s[a + 1] == 'e' || s[a + 1] == 'i'))))
        k &= ~(unsigned)F_BEFORE;
    bool ji = j - p <= 3 && s[p] == 'j'; /* "ji", "jee" */
    if ((k & (F_BEFORE | F_BEFORE_KIN)) && frame_next(s, n, j, &a, &b)) {
        unsigned ka = frame_kinds(s + a, b - a);
        /* "dile a memo", "bilang ke rizky": a verb, a preposition, the person */
        bool a_grave = b - a == 2 && s[a] == 0xc3 && s[a + 1] == 0xa0; /* "dis à théo", "diz à rita" */
        if ((k & F_BEFORE) && ((ka & F_LINK) || a_grave) && b < n && s[b] == ' ' && a == j + 1 && frame_next(s, n, b, &c, &d))
            a = c, b = d;
        bool kin = (k & F_BEFORE_KIN) != 0;
        static const char *const SLAVIC[] = {"ahoj",    "czesc",  "cze\xc5\x9b\xc4\x87", "napishi", "peredai",
                                             "powiedz", "pozvoni", "privet", "pryvit", "skazhi", "zadzwon", NULL};
        const char *why;
        if ((a == j + 1 || (k & F_BEFORE)) && name_ok(sc, a, b, kin))
            emit_name(sc, a, b, kin ? 0.8 : 0.72);
        else if (a == j + 1 && word_in(s + p, j - p, SLAVIC) && declined_name(s, a, b) && !pii_in_code(sc, a, b, &why))
            pii_person_emit(sc, a, b, 0.72, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK);
    }
    if ((k & (F_AFTER | F_AFTER_KIN)) && (frame_prev(s, p, &a, &b) || opener_cap_prev(s, p, &a, &b)) &&
        !is_me(s + a, b - a)) {
        bool kin = (k & F_AFTER_KIN) != 0;
        /* "da", "di", "ne", "sir" are also prepositions, particles and titles ("di rumah", "sugoi ne", "yes
         * sir"): after a common first name only */
        static const char *const SHARED[] = {"apa", "bey", "da", "di", "jan", "ne", "sir", NULL};
        bool abi = j - p == 3 && memcmp(s + p, "abi", 3) == 0; /* "an abigail abi representation" */
        if (name_ok(sc, a, b, kin) && (kin || !word_in(s + p, j - p, SHARED) || common_first(s, a, b)) &&
            !(ji && deity_folded(s + a, b - a)) && !(abi && b - a > 3 && memcmp(s + a, "abi", 3) == 0))
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

/* "can u send it tonight? thx - dinesh": a given name after " - " (or " -- ") that ends the message or its
 * line signs it, when the line before the dash speaks to its reader (a word of the second person or a
 * request); not "song of the day - jolene", "i want to go back - lisboa". The walk asks it of a lower-case
 * word [a, b) after "- " that a line break or the text's end follows; the line is read back at most 240 bytes. */
void pii_informal_signoff(pii_scan *sc, size_t a, size_t b)
{
    const uint8_t *s = sc->s;
    size_t d = a - 2; /* the dash */
    if (d >= 1 && s[d - 1] == '-')
        d--;
    if (d < 1 || s[d - 1] != ' ')
        return;
    size_t ls = d;
    while (ls > 0 && s[ls - 1] != '\n' && d - ls < 240)
        ls--;
    if (d - ls < 8 || (ls > 0 && s[ls - 1] != '\n'))
        return;
    static const char *const YOU[] = {"lmk", "please", "pls", "plz", "thank", "thanks", "thx", "ty", "u", "ur",
                                      "you", "your", NULL};
    bool you = false;
    for (size_t i = ls; i < d && !you;) {
        if (!pii_is_lower(s[i])) {
            i++;
            continue;
        }
        size_t w = i;
        while (i < d && pii_is_lower(s[i]))
            i++;
        you = i - w <= 6 && (w == ls || !(pii_is_alnum(s[w - 1]) || s[w - 1] == '_')) &&
              !(i < d && (pii_is_alnum(s[i]) || s[i] == '_')) && WORD_IN_SORTED(s + w, i - w, YOU);
    }
    if (you && name_ok(sc, a, b, false) && !assistant(s + a, b - a))
        pii_person_emit(sc, a, b, 0.72, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK);
}
