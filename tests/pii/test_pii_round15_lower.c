/* PII detector, round 15 (informal chat, issue 17): lower-case, romanized and code-switched names rounds 13
 * and 14 left (person_lower_frames.c): greetings and person verbs of more languages before a name, speech
 * and call verbs after it, kinship and honorific titles and particles of more languages, and a name whose
 * phone number, card or account is meant ("vikram ka number", "namba ya juma", "numero de ximena"). New
 * sentences, not taken from any evaluation file; each class has hard negatives: the same frame with a word
 * that is also a name, a place, a god, a festival, a food, a brand or software, slang. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pii_expect.h"
#include "test_util.h"

/* Greetings of Arabic, Zulu, Hausa, Swahili, French slang, Ukrainian, Tamil/Sinhala and Nigerian Pidgin
 * chat before a name: "salaam", "salam", "sawubona", "sannu", "mambo", "jambo", "wesh", "pryvit", "machan",
 * "abeg", "marhaba", "ahlan", "vanakkam", "coucou". */
static void round15_greetings(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "salaam faisal, hope ur family is well", SANCTUM_ENTITY_PERSON, "faisal");
    pii_expect(f->det, "sawubona lindiwe, unjani namhlanje", SANCTUM_ENTITY_PERSON, "lindiwe");
    pii_expect(f->det, "sannu kemal ina gida", SANCTUM_ENTITY_PERSON, "kemal");
    pii_expect(f->det, "mambo neema! vipi leo", SANCTUM_ENTITY_PERSON, "neema");
    pii_expect(f->det, "wesh karim tu viens ce soir ou pas", SANCTUM_ENTITY_PERSON, "karim");
    pii_expect(f->det, "pryvit mykola, yak spravy", SANCTUM_ENTITY_PERSON, "mykola");
    pii_expect(f->det, "machan dinesh enna plan tonight", SANCTUM_ENTITY_PERSON, "dinesh");
    pii_expect(f->det, "abeg kunle send the pics from yesterday", SANCTUM_ENTITY_PERSON, "kunle");
    pii_expect(f->det, "marhaba tanvir, kifak el yom", SANCTUM_ENTITY_PERSON, "tanvir");
    pii_expect(f->det, "coucou selin t'es dispo demain", SANCTUM_ENTITY_PERSON, "selin");
    pii_expect(f->det, "vanakkam gaurav, eppadi irukeenga", SANCTUM_ENTITY_PERSON, "gaurav");
    pii_expect_none(f->det, "salaam everyone, eid mubarak", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "salam alaikum wa rahmatullah", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "mambo vipi, poa sana", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "wesh alors on fait quoi", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "machan chill, the match is tmrw", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "abeg jesus take the wheel", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "salaam lagos, we don land", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "coucou paris, on arrive", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "vanakkam chennai!! first show tomorrow", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "abeg ganesh make this exam pass", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "marhaba diwali vibes", SANCTUM_ENTITY_PERSON);
}

/* Imperative person verbs of French, Spanish, Portuguese, Italian, Polish and Russian chat before a name,
 * directly or through a preposition: "appelle", "llama", "llamale", "marcale", "liga", "ligue", "chama",
 * "avisa", "pregunta", "preguntale", "pergunta", "demande", "chiama", "zadzwon", "pozvoni", "napishi",
 * "sprosi"; "pra", "pro", "al" link them as "a" does. Not after a reflexive pronoun: "se chama", "si
 * chiama", "s'appelle" name a pet or a thing ("llama" alone is left: "llama" is also a model). */
static void round15_person_verbs(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "jsuis en retard appelle mathis stp", SANCTUM_ENTITY_PERSON, "mathis");
    pii_expect(f->det, "llamale a ximena que ya llegamos", SANCTUM_ENTITY_PERSON, "ximena");
    pii_expect(f->det, "liga pro rodrigo e avisa que vai chover", SANCTUM_ENTITY_PERSON, "rodrigo");
    pii_expect(f->det, "pregunta al nnamdi si tiene carro", SANCTUM_ENTITY_PERSON, "nnamdi");
    pii_expect(f->det, "chiama eleni quando arrivi", SANCTUM_ENTITY_PERSON, "eleni");
    pii_expect(f->det, "zadzwon kostas jak bedziesz", SANCTUM_ENTITY_PERSON, "kostas");
    pii_expect(f->det, "pozvoni natashe vecherom", SANCTUM_ENTITY_PERSON, "natashe");
    pii_expect(f->det, "avisa pra emre que o voo atrasou", SANCTUM_ENTITY_PERSON, "emre");
    pii_expect_none(f->det, "appelle le service client demain", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "llama la atencion del profe", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "chama o uber agora", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "avisa todo mundo do churrasco", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "pregunta si hay pan", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "llama mistral and qwen are open models", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "liga pro lisboa no domingo", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "chiama roma per il biglietto", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "pozvoni moskve", SANCTUM_ENTITY_PERSON);
    /* a pet or a thing that is called so: the same verbs, reflexive */
    pii_expect_none(f->det, "meu cachorro se chama teodoro e late muito", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "il mio cane si chiama ettore", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "mon chat s'appelle gaston lol", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "como se llama leandro el perro", SANCTUM_ENTITY_PERSON);
}

/* Speech and call verbs after a name: Zulu "uthi", Greek "lei", Polish "dzwonil(a)", "pisal(a)",
 * "powiedzial(a)", Russian "zvonil(a)", "napisal(a)", Turkish "dedi", "aradi", "yazdi", Spanish and Italian
 * "dice", Portuguese "falou", "ligou", "mandou", Swahili "alisema", "amesema", Hindi "bol". */
static void round15_speech_after(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "bongani uthi uzofika late", SANCTUM_ENTITY_PERSON, "bongani");
    pii_expect(f->det, "o kostas lei oti den erxetai", SANCTUM_ENTITY_PERSON, "kostas");
    pii_expect(f->det, "gaurav dzwonil dwa razy", SANCTUM_ENTITY_PERSON, "gaurav");
    pii_expect(f->det, "meera zvonila utrom", SANCTUM_ENTITY_PERSON, "meera");
    pii_expect(f->det, "emre aradi mi seni", SANCTUM_ENTITY_PERSON, "emre");
    pii_expect(f->det, "ximena dice que no puede", SANCTUM_ENTITY_PERSON, "ximena");
    pii_expect(f->det, "rodrigo ligou agora pouco", SANCTUM_ENTITY_PERSON, "rodrigo");
    pii_expect(f->det, "wanjiru alisema atakuja kesho", SANCTUM_ENTITY_PERSON, "wanjiru");
    pii_expect(f->det, "kal chitra bol rahi thi ki party hai", SANCTUM_ENTITY_PERSON, "chitra");
    pii_expect(f->det, "selin dedi ki gelmiyor", SANCTUM_ENTITY_PERSON, "selin");
    pii_expect_none(f->det, "el doctor dice que descanse", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "sofia dice che fa freddo", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "o banco ligou de novo", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "python dice error again", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "hope dice is a game", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "mama alisema hapana", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "sach bol raha hai", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "hanuman bol do sab", SANCTUM_ENTITY_PERSON);
}

/* Kinship and honorific titles before a name (Swahili "bwana", "kaka", Malay "ustaz", "ustad",
 * Hausa "hajiya", "alhaji", Tagalog "mang", "aling", "manong", "manang", Indonesian "ibu", "pak", "bapak",
 * "eyang", Portuguese "dona", "seu", Yoruba "iya", "baba", Russian "dyadya", "tyotya") and particles after
 * it (Punjabi "paaji", "paji", "veerji", Turkish "hocam", "teyze", "amca", Telugu "gadu", "pinni", "babai",
 * Tamil "thambi", Hindi "bhabhi", "chacha", "mausi", Nepali "dai", Marathi "bhau", Vietnamese "oi"). */
static void round15_kin_titles(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "bwana kamau atakuja saa nne", SANCTUM_ENTITY_PERSON, "kamau");
    pii_expect(f->det, "ustaz yusuf cakap kelas dibatalkan", SANCTUM_ENTITY_PERSON, "yusuf");
    pii_expect(f->det, "hajiya zodwa ta aiko sako", SANCTUM_ENTITY_PERSON, "zodwa");
    pii_expect(f->det, "mang tunde ang may ari ng tindahan", SANCTUM_ENTITY_PERSON, "tunde");
    pii_expect(f->det, "tanya ke pak anil aja", SANCTUM_ENTITY_PERSON, "anil");
    pii_expect(f->det, "dona sunita fez bolo de milho", SANCTUM_ENTITY_PERSON, "sunita");
    pii_expect(f->det, "manda pro seu rashid o endereco", SANCTUM_ENTITY_PERSON, "rashid");
    pii_expect(f->det, "go greet iya lerato for the shop", SANCTUM_ENTITY_PERSON, "lerato");
    pii_expect(f->det, "dyadya hiroshi priedet zavtra", SANCTUM_ENTITY_PERSON, "hiroshi");
    pii_expect(f->det, "ravi paaji party kado", SANCTUM_ENTITY_PERSON, "ravi");
    pii_expect(f->det, "deniz hocam sinav ne zaman", SANCTUM_ENTITY_PERSON, "deniz");
    pii_expect(f->det, "kiran gadu ekkada unnadu", SANCTUM_ENTITY_PERSON, "kiran");
    pii_expect(f->det, "priya bhabhi ne khana bheja", SANCTUM_ENTITY_PERSON, "priya");
    pii_expect(f->det, "anh oi, thabo oi di an com", SANCTUM_ENTITY_PERSON, "thabo");
    pii_expect_none(f->det, "mzee wa kazi ameondoka", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "seu carro ta na garagem", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "pak kirim paket besok", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "baba yaga is a witch in the tales", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "dona nobis pacem is a hymn", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "mera chacha kal aayenge", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "aling store sa kanto", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "oi oi oi what a match", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "this teyze energy is too much", SANCTUM_ENTITY_PERSON);
    /* Turkish "abi" after a name; "abi" is also an ABI ("abigail abi" spells the acronym out) */
    pii_expect(f->det, "emre abi geliyor mu bugun", SANCTUM_ENTITY_PERSON, "emre");
    pii_expect(f->det, "yusuf abi aradi mi", SANCTUM_ENTITY_PERSON, "yusuf");
    pii_expect_none(f->det, "an abigail abi representation of the struct", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "the kernel abi is stable", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "the itanium abi mangles names", SANCTUM_ENTITY_PERSON);
}

/* A name whose number, card or account is meant: Hindi/Urdu "X ka/ki/ke number", "X ko bolo", Japanese
 * "X no denwa", and a number word before the name: Swahili "namba ya X", Indonesian "nomor X", Russian
 * "nomer X", Persian "shomare X", Spanish and Portuguese "numero de X", "número do X". */
static void round15_whose_number(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "gaurav ka number bhejo jaldi", SANCTUM_ENTITY_PERSON, "gaurav");
    pii_expect(f->det, "ye card chitra ka hai, mera nahi", SANCTUM_ENTITY_PERSON, "chitra");
    pii_expect(f->det, "anil ko bolo call kare", SANCTUM_ENTITY_PERSON, "anil");
    pii_expect(f->det, "hiroshi no denwa bangou shitteru?", SANCTUM_ENTITY_PERSON, "hiroshi");
    pii_expect(f->det, "nitumie namba ya wambui tafadhali", SANCTUM_ENTITY_PERSON, "wambui");
    pii_expect(f->det, "minta nomor kemal dong", SANCTUM_ENTITY_PERSON, "kemal");
    pii_expect(f->det, "skin nomer yaroslav pls", SANCTUM_ENTITY_PERSON, "yaroslav");
    pii_expect(f->det, "shomare farid ro dari?", SANCTUM_ENTITY_PERSON, "farid");
    pii_expect(f->det, "pasame el numero de ximena porfa", SANCTUM_ENTITY_PERSON, "ximena");
    pii_expect(f->det, "ini kartu punya dinesh bukan punyaku", SANCTUM_ENTITY_PERSON, "dinesh");
    pii_expect(f->det, "ha-kartis shel yusuf nimtsa po", SANCTUM_ENTITY_PERSON, "yusuf");
    pii_expect(f->det, "daj mi nomer olega pozhalujsta", SANCTUM_ENTITY_PERSON, "olega");
    pii_expect_none(f->det, "aku punya kucing baru", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "shel ha-bayit shelanu", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "napishi nomer telefona", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "nomer karty ne podhodit", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "nomer zakaza 4417", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "kal ka plan cancel hai", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "ghar ka number badal gaya", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "ganga ka pani thanda hai", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "diwali ki shopping ho gayi", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "chai ka time ho gaya", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "tokyo no denwa bangou wa", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "namba ya simu ni ipi", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "nomor rekening bca saya", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "pasame el numero de serie", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "numero de telefono del hotel", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "shomare hesab ro befrest", SANCTUM_ENTITY_PERSON);
}

/* A message signed with a dash and a name at its end ("... thanks - jomar"): the text before the dash speaks
 * to its reader ("u", "you", "ur", "pls", "thanks", "lmk"); not a title, a song, a place or a tool after a
 * dash, nor a bullet. */
static void round15_signoff(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "can u send the file tonight? thx - dinesh", SANCTUM_ENTITY_PERSON, "dinesh");
    pii_expect(f->det, "ok see u there at 6 - wanjiru\nbring snacks", SANCTUM_ENTITY_PERSON, "wanjiru");
    pii_expect(f->det, "lmk if the code works for you - emre", SANCTUM_ENTITY_PERSON, "emre");
    pii_expect(f->det, "pls check ur mail -- yusuf", SANCTUM_ENTITY_PERSON, "yusuf");
    pii_expect_none(f->det, "song of the day - jolene", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "i love this song - jolene", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "what we use for the api - django", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "i want to go back - lisboa", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "thanks for the trip - tokyo", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "x = my_total - ganesh", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "- wanjiru", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "thanks - grace be with you", SANCTUM_ENTITY_PERSON);
}

/* Vietnamese names written surname first without diacritics or capitals ("nguyen van an", "tran thi mai",
 * "pham quoc bao"): a surname that is no word of romanized Vietnamese chat, then one or two given-name
 * syllables; not a street named after a person, nor "em dang ban" ("dang" is also "-ing"). */
static void round15_vietnamese_full(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "hom qua nguyen thi thu gui tien roi", SANCTUM_ENTITY_PERSON, "nguyen thi thu");
    pii_expect(f->det, "anh hoi tran quoc khanh di", SANCTUM_ENTITY_PERSON, "tran quoc khanh");
    pii_expect(f->det, "name: pham ngoc lan, lop 12a", SANCTUM_ENTITY_PERSON, "pham ngoc lan");
    pii_expect(f->det, "huynh minh tri noi mai nghi", SANCTUM_ENTITY_PERSON, "huynh minh tri");
    pii_expect(f->det, "cc bui xuan vinh for the invoice", SANCTUM_ENTITY_PERSON, "bui xuan vinh");
    pii_expect(f->det, "hoang phuc o dau roi", SANCTUM_ENTITY_PERSON, "hoang phuc");
    pii_expect_none(f->det, "hoang yen is a currency pair joke", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "em dang ban, goi lai sau nhe", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "quan pho o tran hung dao street ngon lam", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "nguyen is the most common surname", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "tran sport shop gan nha", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "ngo my god lol", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "di duong nguyen hue road", SANCTUM_ENTITY_PERSON);
}

/* A possessive pronoun, a word for a brother, sister or friend, and the name: Hindi/Urdu "mera bhai X", "teri
 * behen X", "uska dost X"; English "my bro X", "my guy X", "my homie X"; Spanish "mi hermano X", "mi compa X";
 * Portuguese "meu irmao X", "meu mano X"; French "mon frere X", "mon pote X". */
static void round15_my_kin(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "tera bhai nikhil kidhar hai", SANCTUM_ENTITY_PERSON, "nikhil");
    pii_expect(f->det, "meri behen ishita aa gayi", SANCTUM_ENTITY_PERSON, "ishita");
    pii_expect(f->det, "my guy chidi sent the account", SANCTUM_ENTITY_PERSON, "chidi");
    pii_expect(f->det, "my homie tunde got the tickets", SANCTUM_ENTITY_PERSON, "tunde");
    pii_expect(f->det, "mi compa rodrigo ya llego", SANCTUM_ENTITY_PERSON, "rodrigo");
    pii_expect(f->det, "meu mano karim ta chegando", SANCTUM_ENTITY_PERSON, "karim");
    pii_expect(f->det, "mon pote dinesh arrive demain", SANCTUM_ENTITY_PERSON, "dinesh");
    pii_expect_none(f->det, "mera bhai kal aayega", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "my bro will sort it", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "my guy python is the best language", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "my homie jesus walks", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "mi hermano mayor vive en lima", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "yo bro what's up", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "this guy emeka-style jollof is fire", SANCTUM_ENTITY_PERSON);
}

/* A name before a verb of arrival, leaving, buying or saying in the chat's own language: Russian/Polish
 * "kupil(a)", "zabyl(a)", "prishel", "prishla", "pozvonil(a)", "dobavil(a)", "uehal(a)", "priehal(a)",
 * "przyszedl", "przyszla"; Turkish "geldi", "gitti", "geliyor", "gelince", "gelmedi"; Portuguese "chegou",
 * "saiu", "voltou"; Spanish "llego", "salio"; Hindi "aaya", "aayi", "gaya", "gayi"; Hebrew "amra", "amar";
 * Swahili "amefika". */
static void round15_verbs_after(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "andrey kupil bilety na zavtra", SANCTUM_ENTITY_PERSON, "andrey");
    pii_expect(f->det, "ty znaesh chto misha zabyl klyuchi", SANCTUM_ENTITY_PERSON, "misha");
    pii_expect(f->det, "elif geldi mi? bekliyoruz", SANCTUM_ENTITY_PERSON, "elif");
    pii_expect(f->det, "ok cagri gelince baslariz", SANCTUM_ENTITY_PERSON, "cagri");
    pii_expect(f->det, "o thiago chegou agora", SANCTUM_ENTITY_PERSON, "thiago");
    pii_expect(f->det, "haruto aaya kya?", SANCTUM_ENTITY_PERSON, "haruto");
    pii_expect(f->det, "noa amra she'hi lo ba'a", SANCTUM_ENTITY_PERSON, "noa");
    pii_expect(f->det, "kwame amefika salama", SANCTUM_ENTITY_PERSON, "kwame");
    pii_expect_none(f->det, "mama kupila moloko", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "kargo geldi mi", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "o onibus chegou atrasado", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "el paquete llego roto", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "sofia prishla v gosti", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "train aayi nahi abhi tak", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "hope gaya nahi", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "santa geldi mi cocuklar", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "diwali aayi hai", SANCTUM_ENTITY_PERSON);
}

/* A phone capitalizes the first word of a message: the same frames after a capitalized given name that opens
 * the message or a line ("Nikhil ka number", "Chidi bro", "Andrey kupil"); the same checks on it in lower
 * case (not "Mama bol", "Kal ka plan", "Sofia dice", "Python ka code", "Hanuman bol"). An older rule takes
 * "Mama ji", "Ganesh ji" at a message's start (left). */
static void round15_capitalized_opener(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "Nikhil ka number bhejo", SANCTUM_ENTITY_PERSON, "Nikhil");
    pii_expect(f->det, "Chidi bro where you dey", SANCTUM_ENTITY_PERSON, "Chidi");
    pii_expect(f->det, "Andrey kupil bilety na zavtra", SANCTUM_ENTITY_PERSON, "Andrey");
    pii_expect(f->det, "ok\nEmre abi geliyor mu", SANCTUM_ENTITY_PERSON, "Emre");
    pii_expect(f->det, "Kwame amefika salama", SANCTUM_ENTITY_PERSON, "Kwame");
    pii_expect_none(f->det, "Mama bol rahi thi", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Mama ka phone hai", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Kal ka plan cancel", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Sofia dice che piove", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Python ka code chal gaya", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Hanuman bol do", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Mumbai ka number hai ye", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Santa geldi mi", SANCTUM_ENTITY_PERSON);
}

/* Round 15's frames at the text's very end and very start, from a buffer of exactly the text's bytes (a
 * literal's NUL would hide a read past the end; ASan runs find it): every prefix and every suffix of each text
 * (a cut inside a character is refused as invalid UTF-8). */
static void round15_frames_at_text_edges(void **state)
{
    pii_fixture *f = *state;
    static const char *const TEXTS[] = {
        "gaurav ka number", "hiroshi no denwa", "namba ya wambui", "nomer olega", "numero de ximena",
        "can u? thx - dinesh", "pls check u -- yusuf", "ok see u - emre\nhi", "se chama teodoro",
        "s'appelle gaston", "nguyen thi thu", "tran hung dao street", "tera bhai nikhil", "Nikhil ka number", "Andrey kupil",
        "emre abi", "ravi paaji", "salaam faisal", "liga pro rodrigo", NULL};
    pii_expect_clean_edges(f->det, TEXTS);
    pii_expect(f->det, "can u send it? thx - dinesh", SANCTUM_ENTITY_PERSON, "dinesh");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round15_greetings, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_person_verbs, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_speech_after, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_kin_titles, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_whose_number, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_signoff, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_vietnamese_full, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_my_kin, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_verbs_after, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_capitalized_opener, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_frames_at_text_edges, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
