/* PHONE_NUMBER, North American Numbering Plan: [+1|1] NPA NXX XXXX with NPA = [2-9][0-8]d (not N11)
 * and NXX = [2-9]dd (not N11).
 * Scores by written form: "+1 ..." 0.9, "(514) 555-1234" 0.85, 514-555-1234 0.8, 514.555.1234 0.75,
 * 514 555 1234 0.6, bare 5145551234 0.4; a phone word before or after +0.3; order/id words -0.4.
 * Read out digit by digit or said in words ("2 1 2 5 5 5 0 1 4 7", "two one two ..."): rec_spoken.c. */
#include "pii.h"

/* Phone words, indexed by their first byte (ASCII lower case), so a context word is compared with the few
 * entries that start like it, not with all of them: the list is long (a word for "phone", "mobile" and
 * "call me" in every language whose national forms rec_phone_national.c knows, and the wallets that pay to a
 * phone number: GCash, M-Pesa, Bizum, Swish, TWINT, BLIK, MB WAY, PayNow, Zelle; the messengers whose account
 * is a phone number: WhatsApp, Signal, Telegram, Viber, WeChat).
 * Greek and Cyrillic words are listed capitalised too: the index lowers ASCII only. */
#define PW(...) (const char *const[]){__VA_ARGS__, NULL}
const char *const *const PII_PHONE_WORDS[256] = {
    ['a'] = PW("anruf*", "appel*", "ara", "arad\xc4\xb1*", "aray\xc4\xb1n*"),
    ['b'] = PW("bel", "bellen", "belt", "bizum", "blik"),
    ['c'] = PW("call+", "cel", "cell*", "cellulare", "celular", "cep", "chiama*", "contact*", "contato", "cp"),
    ['d'] = PW("desk", "dial+", "dzwo\xc5\x84*", "dzwon*"),
    ['e'] = PW("erreichbar", "ext", "extension"),
    ['f'] = PW("fax"),
    ['g'] = PW("gcash", "gpay", "g\xe1\xbb\x8di", "gsm"),
    ['h'] = PW("handy*", "hotline", "hp", "hubungi"),
    ['l'] = PW("landline", "liga", "ligar", "ligue", "llama*", "llám*"),
    ['j'] = PW("joignable", "joindre"),
    ['k'] = PW("kinhto", "kinito", "kom\xc3\xb3rk*"),
    ['m'] = PW("marcale", "marcame", "marcar", "marcas", "marques", "mbway", "mob", "mobiel", "mobil", "mobile*", "movil",
               "mpesa", "msisdn", "m\xc3\xa1rcale", "m\xc3\xa1rcame", "móvil"),
    ['n'] = PW("namba", "nambar", "natel", "nomer", "nombor", "nomor", "numara*", "numer", "numerem", "numero", "nummer", "numéro", "número"),
    ['p'] = PW("paynow", "paytm", "pesa", "ph", "phone+", "phonepe", "piga", "portable", "puh"),
    ['r'] = PW("ramal", "raqam", "rappel*", "reach", "reception", "ring", "ruf", "rufnummer"),
    ['s'] = PW("signal", "simu", "sms", "swish", "switchboard", "sđt"),
    ['t'] = PW("tawag*", "telegram", "tel", "tele*", "telno", "telèfon", "teléfono", "text+", "tlf", "twint"),
    ['v'] = PW("viber", "volat", "volejte", "volej*"),
    ['w'] = PW("wechat", "weixin", "whats*"),
    ['z'] = PW("zadzwo\xc5\x84*", "zadzwon*", "zap", "zavolaj*", "zavolej*", "zelle"),
    [0xC4] = PW("điện", "đt"),
    [0xCE] = PW("Επικοινων*", "Καλέστε", "Κάλεσα", "Κάλεσε", "Πάρε", "Πάρτε", "Τηλ*", "επικοινων*", "κάλεσα",
                "κάλεσε", "καλέστε", "κινητ*"),
    [0xCF] = PW("πάρε", "πάρτε", "τηλ*"),
    [0xD0] = PW("Звони*", "Контакт*", "контакт*", "Звън*", "Номер", "Обади*", "Перезвони*", "Позвони*", "Тел", "Телефон*", "звони*", "звън*", "мобильн*", "номер", "обади*", "перезвони*", "позвони*"),
    [0xD1] = PW("тел", "телефон*"),
    [0xD7] = PW("התקשר*", "טל", "טלפון", "להתקשר*", "נייד", "פלאפון", "תתקשר*"),
    [0xD8] = PW("اتصال*", "اتصل*", "تلفن*", "تلفون*", "تماس*", "تواصل*", "جوال*", "رابطہ", "رابطه", "رقم", "شماره*"),
    [0xD9] = PW("للاتصال", "للتواصل", "موبايل*", "موبایل*", "هاتف"),
    /* "number", "phone" and "mobile" as the Indian scripts borrow them (Devanagari, Bengali, Gurmukhi, Gujarati,
     * Tamil, Telugu, Kannada, Malayalam), and Thai */
    [0xE0] = PW("कॉल*", "नंबर*", "फ़ोन*", "फोन*", "मोबाइल*", "নম্বর*", "নাম্বার*", "ফোন*", "মোবাইল*", "ਨੰਬਰ*",
                "ਫੋਨ*", "ਫ਼ੋਨ*", "ਮੋਬਾਈਲ*", "નંબર*", "ફોન*", "મોબાઇલ*", "நம்பர்*", "எண்*", "போன்*",
                "தொலைபேசி*", "கைபேசி*", "மொபைல்*", "నంబర్*", "నెంబర్*", "ఫోన్*", "మొబైల్*", "ನಂಬರ್*",
                "ಸಂಖ್ಯೆ*", "ಫೋನ್*", "ಮೊಬೈಲ್*", "നമ്പർ*", "നമ്പര്*", "ഫോൺ*", "ഫോണ്*", "മൊബൈൽ*", "โทร*",
                /* Thai "number" and "mobile" (a number in Thai text is glued to its words), Lao "number" and "call" */
                "เบอร์*", "มือถือ*", "ເບີ*", "ໂທ*",
                /* round 13: "contact" (संपर्क, যোগাযোগ, સંપર્ક, ਸੰਪਰਕ, தொடர்பு*, సంప్రదించండి, ಸಂಪರ್ಕ, ติดต่อ), the word
                 * before a phone in notices and rosters of these scripts */
                "संपर्क*", "सम्पर्क*", "যোগাযোগ*", "સંપર્ક*", "ਸੰਪਰਕ*", "தொடர்பு*", "సంప్రదించ*", "సంప్రదింపు*",
                "ಸಂಪರ್ಕ*", "ติดต่อ*"),
    /* Khmer "number" and "telephone", Myanmar "phone" */
    [0xE1] = PW("លេខ*", "ទូរស័ព្ទ*", "ဖုန်း*", "ስልክ*", "ቁጥር*"), /* Amharic "phone", "number" */
    [0xE6] = PW("手机*", "手機*", "携帯*"),
    [0xE7] = PW("电话*"),
    [0xE8] = PW("联系*", "聯絡*", "聯繫*"), /* "contact" */
    [0xE9] = PW("電話*", "連絡*"),
    [0xEC] = PW("연락*", "전화*"), /* "contact", "phone" */
    [0xED] = PW("핸드폰*", "휴대폰*"),
};
#undef PW

/* "number" counts as a phone word only when no order/ticket word comes with it. */
const char *const PII_NUMBER_WORDS[] = {"number", "numbers", "no", "nr", "num", "digits", NULL};

static bool nanp_valid(const uint8_t *d)
{
    /* d: 10 digits */
    if (d[0] < '2' || d[1] == '9' || (d[1] == '1' && d[2] == '1'))
        return false;
    if (d[3] < '2' || (d[4] == '1' && d[5] == '1'))
        return false;
    return true;
}

static size_t glen(const pii_number *num, size_t k) { return num->g[k].end - num->g[k].start; }

/* Single digits ("2 1 2 5 5 5 0 1 4 7") are a number said digit by digit: rec_spoken.c reads them. */
static bool single_digits(const pii_number *num)
{
    for (size_t k = 0; k < num->ngroups; k++)
        if (glen(num, k) != 1)
            return false;
    return true;
}

void pii_rec_phone_nanp(pii_scan *sc, const pii_number *num)
{
    const uint8_t *s = sc->s;
    if (num->ngroups >= 10 && !num->plus && !num->paren && single_digits(num))
        return; /* no other grouping to read */
    /* E.164 without its '+' where a link asks for it (wa.me/15551234567, ?phone=15551234567) */
    bool e164 = num->plus || (num->ngroups == 1 && pii_phone_link(sc, num->g[0].start));
    for (size_t g0 = 0; g0 < num->ngroups; g0++) {
        if (g0 > 0 && num->g[g0].sep != ' ' && num->g[g0].sep != '(')
            continue;
        size_t g = g0;
        bool country = false;
        size_t start = num->g[g].start;
        if (g == 0 && num->plus)
            start = num->start;
        if ((g == 0 && num->paren) || (g > 0 && num->g[g].sep == '('))
            start = num->g[g].start - 1;
        /* optional leading 1 / +1 */
        if (glen(num, g) == 1 && s[num->g[g].start] == '1' && g + 1 < num->ngroups) {
            country = true;
            g++;
        } else if (e164 && g == 0 && num->ngroups == 1 && glen(num, 0) == 11 && s[num->g[0].start] == '1') {
            country = true; /* E.164 written whole: +15125550198 */
        } else if (num->plus && g == 0 && glen(num, 0) != 1) {
            continue; /* +CC other than 1: international recognizer */
        }
        uint8_t d[16];
        size_t nd = 0;
        double score = 0;
        uint32_t ev = SANCTUM_EV_VALIDATOR;
        size_t used = 0;
        if (g + 2 < num->ngroups + 0 && glen(num, g) == 3 && glen(num, g + 1) == 3 && glen(num, g + 2) == 4) {
            uint8_t s1 = num->g[g + 1].sep, s2 = num->g[g + 2].sep;
            bool paren = num->g[g].sep == '(' || (g == 0 && num->paren);
            if (paren && (s2 == '-' || s2 == ' ' || s2 == '.') && (s1 == ' ' || s1 == ')' || s1 == 0 || s1 == '-'))
                score = 0.85, ev |= SANCTUM_EV_FORMAT_STRONG;
            else if (s1 == '-' && s2 == '-')
                score = 0.8, ev |= SANCTUM_EV_FORMAT_STRONG;
            else if (s1 == '.' && s2 == '.')
                score = 0.75, ev |= SANCTUM_EV_FORMAT_STRONG;
            else if (s1 == ' ' && s2 == ' ')
                score = 0.6, ev |= SANCTUM_EV_FORMAT_WEAK;
            else if (s1 == ' ' && s2 == '-')
                score = 0.7, ev |= SANCTUM_EV_FORMAT_WEAK;
            else
                continue;
            used = 3;
        } else if (glen(num, g) == 10 && !country) {
            score = 0.4, ev |= SANCTUM_EV_FORMAT_WEAK;
            used = 1;
        } else if (glen(num, g) == 11 && s[num->g[g].start] == '1' && !country) {
            score = 0.4, ev |= SANCTUM_EV_FORMAT_WEAK;
            used = 1;
        } else if (glen(num, g) == 11 && country && e164 && num->ngroups == 1) {
            score = 0.75, ev |= SANCTUM_EV_FORMAT_STRONG; /* +1 adds 0.1 below */
            used = 1;
        } else {
            continue;
        }
        nd = pii_number_digits(sc, num, g, used, d, sizeof d);
        const uint8_t *core = nd == 11 ? d + 1 : d;
        if ((nd != 10 && nd != 11) || !nanp_valid(core))
            continue;
        if (country) {
            score += e164 ? 0.1 : 0.05;
            ev |= SANCTUM_EV_COUNTRY_CODE;
        }
        size_t end = num->g[g + used - 1].end;
        /* a group glued on after the number (514-555-1234-99) makes it something else */
        if (g + used < num->ngroups && num->g[g + used].sep != ' ' && num->g[g + used].sep != '(')
            continue;
        pii_phone_add(sc, SANCTUM_REC_PHONE_NANP, start, end, score, ev);
    }
}
