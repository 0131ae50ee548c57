/* PERSON, round 10 (issue 17): titles of other scripts before a family name alone, and Greek surnames
 * the lists lack told by their ending. Greek addresses a man as "Κύριε" + the vocative of his surname
 * ("Κύριε Παπαδόπουλε", "Κυρία Νικολάου"); the common Greek surname endings (-όπουλος, -άκης, -ίδης,
 * -άδης) are family names in every case. */
#include <string.h>

#include "names.h"
#include "person.h"
#include "person_words.h"

static bool title_word(const uint8_t *w, size_t n);

/* A capitalized title of a script with capitals that sc_word_class does not hold (it keys ASCII), before
 * a word the lists or a surname ending know as a name ("Κύριε Υπουργέ", Mr Minister, is none). */
bool pii_script_title(const uint8_t *s, size_t n, size_t ws, size_t we)
{
    const uint8_t *w = s + ws;
    size_t wl = we - ws;
    if (wl < 4 || (w[0] != 0xCE && w[0] != 0xD0) || !title_word(w, wl) || we + 1 >= n || s[we] != ' ')
        return false;
    size_t a = we + 1, b = a;
    bool up;
    size_t l;
    while (b < n && s[b] >= 0x80 && (l = letter_at(s, n, b, &up)) > 0)
        b += l;
    return b > a && (pii_name_flags(s, a, b) & (SC_NAME_FIRST | SC_NAME_LAST)) != 0;
}

static bool title_word(const uint8_t *w, size_t n)
{
    static const char *const T[] = {"Κύριε", "Κύριος", "Κυρία", "Κυρ", "Κα", "Κος", "Уважаемый",
                                    "Уважаемая", "Господин", "Госпожа", "Шановний", "Шановна", "Пан", "Пані",
                                    NULL};
    for (size_t k = 0; T[k] != NULL; k++)
        if (strlen(T[k]) == n && memcmp(w, T[k], n) == 0)
            return true;
    return false;
}

/* Greek family names by their ending, in the nominative, genitive and vocative (accents as written):
 * -πουλος/-πουλου/-πουλε/-πούλου, -άκης/-άκη, -ίδης/-ίδη, -άδης/-άδη; a stem of two letters or more. */
unsigned pii_greek_surname_ending(const uint8_t *s, size_t a, size_t b)
{
    static const char *const E[] = {"πουλος", "πουλου", "πουλε", "πούλου", "πουλο", "άκης", "άκη", "ίδης",
                                    "ίδη", "άδης", "άδη", "ίδου", "άκου", NULL};
    for (size_t k = 0; E[k] != NULL; k++) {
        size_t l = strlen(E[k]);
        if (b - a >= l + 4 && memcmp(s + b - l, E[k], l) == 0)
            return SC_NAME_LAST;
    }
    return 0;
}

/* Respect words written after a person's name in scripts without capitals (Telugu గారు, Tamil அவர்களுக்கு,
 * Urdu صاحب/صاحبہ (not Arabic and Persian صاحبة/صاحبه, "its owner"), Hindi साहब, Bengali সাহেব, Punjabi ਸਾਹਿਬ). */
static const char *const RESPECT[] = {"గారు", "గారికి", "அவர்களுக்கு", "அவர்கள்", "அவர்களே", "صاحب",
                                      "صاحبہ", "साहब", "साहिबा", "সাহেব", "ਸਾਹਿਬ",
                                      /* round 11: kin and address words said after a full name (brother, elder
                                       * sister, uncle, sir), with their case forms ("ভাইয়ের", of brother) */
                                      "ভাই", "ভাইয়ের", "ভাইকে", "ভাইয়া", "মামা", "দিদি", "আপা", "ചേച്ചി", "ചേട്ടൻ",
                                      "സാർ", "സാറിന്റെ", "സാറിനെ", "بھائی", "باجی", "آپا", "ماموں", "भैया", "दीदी",
                                      "भाई", "ताई", "அண்ணா", "அக்கா", "சார்", "అన్న", "అక్క", "ಅಣ್ಣ", "ಅಕ್ಕ", "ಸರ್",
                                      "ભાઈ", "બેન", "સાહેબ", NULL};
/* Possessives, demonstratives and "elder"/"younger" before a kin word: "मेरे बड़े भाई" is no name. */
static const char *const KIN_OPENERS[] = {"मेरे", "मेरी", "मेरा", "हमारे", "आपके", "उनके", "बड़े", "छोटे", "बड़ी",
                                          "छोटी", "আমার", "তোমার", "আপনার", "ওর", "বড়", "ছোট", "میرے", "میری",
                                          "ہمارے", "آپ", "بڑے", "چھوٹے", "بڑی", "چھوٹی", "എന്റെ", "നിന്റെ", "വലിയ",
                                          "என்", "உங்கள்", "பெரிய", "நா", "మా", "మీ", "ನನ್ನ", "ನಮ್ಮ", "મારા", "મારી",
                                          "અમારા", "મોટા", "નાના", NULL};
/* Words for roles and titles those respect words follow as well ("ڈاکٹر صاحب", "డాక్టర్ గారు"). */
static const char *const ROLE_WORDS[] = {"ڈاکٹر", "استاد", "وکیل", "ماسٹر", "منیجر", "جج", "حاجی", "پروفیسر",
                                         "डॉक्टर", "मास्टर", "मैनेजर", "वकील", "गुरु", "पंडित", "प्रोफेसर",
                                         "డాక్టర్", "టీచర్", "మేనేజర్", "ప్రొఫెసర్", "டாக்டர்", "ஆசிரியர்",
                                         "மேலாளர்", "பேராசிரியர்", "ডাক্তার", "স্যার", "ਡਾਕਟਰ",
                                         /* titles: the title path reads "جناب عمران صاحب" */
                                         "جناب", "محترم", "محترمہ", "آقای", "خانم", "السيد", "श्री", "श्रीमती",
                                         "திரு", "திருமதி", "శ్రీ", "শ্রী", "ਸ਼੍ਰੀ", NULL};

static bool listed(const uint8_t *w, size_t n, const char *const *l)
{
    for (size_t k = 0; l[k] != NULL; k++)
        if (strlen(l[k]) == n && memcmp(w, l[k], n) == 0)
            return true;
    return false;
}

static size_t letters_end(const uint8_t *s, size_t n, size_t p)
{
    bool up;
    size_t l;
    while (p < n && s[p] >= 0x80 && (l = letter_at(s, n, p, &up)) > 0)
        p += l;
    return p;
}

/* Two letters of one script: Arabic (lead bytes D8-DB), Hebrew, or one 128-letter Indic block. */
static bool same_script(const uint8_t *a, const uint8_t *b)
{
    if (a[0] >= 0xD8 && a[0] <= 0xDB)
        return b[0] >= 0xD8 && b[0] <= 0xDB;
    return a[0] == b[0] && (a[0] < 0xE0 || (a[1] >> 1) == (b[1] >> 1));
}

/* Two words of a script without capitals opening a clause (after the start, a quote or punctuation)
 * and followed by a respect word: a full name ("వెంకట లక్ష్మి గారు", "عائشہ صدیقی صاحبہ"), not a role
 * and a name. Returns the name's end, or 0. */
size_t pii_respect_pair(pii_scan *sc, size_t ws, size_t we)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t q = ws;
    while (q > 0 && s[q - 1] == ' ')
        q--;
    /* a clause opens at the start, a newline, ASCII punctuation or quotes, or « “ 「 */
    bool open = q == 0 || (s[q - 1] < 0x80 && strchr("\n\"'.,:;!?(", s[q - 1]) != NULL) ||
                (q >= 2 && s[q - 2] == 0xC2 && s[q - 1] == 0xAB) ||
                (q >= 3 && s[q - 3] == 0xE2 && s[q - 2] == 0x80 && s[q - 1] == 0x9C);
    if (!open || we + 1 >= n || s[we] != ' ')
        return 0;
    size_t bs = we + 1, be = letters_end(s, n, bs);
    if (be == bs || be + 1 >= n || s[be] != ' ' || !same_script(s + ws, s + bs))
        return 0;
    size_t rs = be + 1, re = letters_end(s, n, rs);
    if (re == rs || !listed(s + rs, re - rs, RESPECT) || listed(s + ws, we - ws, ROLE_WORDS) ||
        listed(s + bs, be - bs, ROLE_WORDS) || listed(s + bs, be - bs, RESPECT) ||
        ((sc_name_lookup(s + ws, we - ws) | sc_name_lookup(s + bs, be - bs)) & SC_NAME_WORD) ||
        listed(s + ws, we - ws, KIN_OPENERS) || listed(s + bs, be - bs, KIN_OPENERS))
        return 0;
    /* Arabic صاحب is "owner" ("زر الراديو صاحب"): not after a word with the article ال */
    if ((s[ws] == 0xD8 && s[ws + 1] == 0xA7 && s[ws + 2] == 0xD9 && s[ws + 3] == 0x84) ||
        (s[bs] == 0xD8 && s[bs + 1] == 0xA7 && s[bs + 2] == 0xD9 && s[bs + 3] == 0x84))
        return 0;
    const char *why;
    if (!pii_in_code(sc, ws, be, &why))
        pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, ws, be, 0.8,
                SANCTUM_EV_TITLE | SANCTUM_EV_CONTEXT_AFTER);
    return be;
}

/* Thai writes a full name after the title คุณ glued to it, then a space and the family name ("คุณสมชาย
 * ใจดี"): the two words are one name when either is a known name; "คุณแม่ ทำอาหาร" (mother cooks) is none.
 * Returns the name's end, or 0. */
size_t pii_thai_full_name(pii_scan *sc, size_t ws, size_t we)
{
    static const uint8_t KHUN[] = {0xE0, 0xB8, 0x84, 0xE0, 0xB8, 0xB8, 0xE0, 0xB8, 0x93};
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (we - ws < sizeof KHUN + 6 || s[ws] != 0xE0 || s[ws + 1] != 0xB8)
        return 0;
    size_t at = 0;
    for (size_t q = we - sizeof KHUN - 6 + 1; q-- > ws;)
        if (memcmp(s + q, KHUN, sizeof KHUN) == 0) {
            at = q + sizeof KHUN;
            break;
        }
    if (at == 0 || we + 1 >= n || s[we] != ' ')
        return 0;
    size_t bs = we + 1, be = letters_end(s, n, bs);
    if (be - bs < 6 || s[bs] != 0xE0 || (s[bs + 1] != 0xB8 && s[bs + 1] != 0xB9))
        return 0;
    if (memcmp(s + bs, KHUN, sizeof KHUN) == 0)
        return 0; /* "คุณวิชัย คุณPimchanok": two people */
    unsigned f1 = sc_name_lookup(s + at, we - at), f2 = sc_name_lookup(s + bs, be - bs);
    if (!((f1 | f2) & (SC_NAME_FIRST | SC_NAME_LAST)) || ((f1 | f2) & SC_NAME_WORD)) {
        /* round 11: a given name the lists lack after คุณ, when a verb only people take follows ("คุณวิภาวดี
         * โทรมาค่ะ", K. Wiphawadi called); not คุณ + a kin or role word or a noun (คุณแม่, คุณภาพ: quality) */
        static const char *const VERBS[] = {"โทรมา", "โทรหา", "บอกว่า", "ฝากบอก", "ฝาก", "ถามว่า", "แจ้งว่า", "มาถึง",
                                            NULL};
        static const char *const NOT_NAME[] = {"แม่", "พ่อ", "ภาพ", "สมบัติ", "ค่า", "ครู", "หมอ", "ป้า", "ลุง", "ยาย",
                                               "ตา", "น้า", "อา", "พี่", "น้อง", "ลูก", "ผู้", "นาย", "ประโยชน์", "ธรรม",
                                               NULL};
        bool verb = false, noun = false;
        for (size_t k = 0; VERBS[k] != NULL && !verb; k++)
            verb = strlen(VERBS[k]) <= be - bs && memcmp(s + bs, VERBS[k], strlen(VERBS[k])) == 0;
        for (size_t k = 0; NOT_NAME[k] != NULL && !noun; k++)
            noun = strlen(NOT_NAME[k]) <= we - at && memcmp(s + at, NOT_NAME[k], strlen(NOT_NAME[k])) == 0;
        if (!verb || noun || we - at < 9 || f1 != 0)
            return 0;
        pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, at, we, 0.8, SANCTUM_EV_TITLE | SANCTUM_EV_CONTEXT_AFTER);
        return we;
    }
    pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, at, be, 0.85, SANCTUM_EV_TITLE | SANCTUM_EV_NAME_SEQUENCE);
    return be;
}

static bool arabic_article_word(const uint8_t *s, size_t a, size_t b)
{
    return b - a >= 8 && s[a] == 0xD8 && s[a + 1] == 0xA7 && s[a + 2] == 0xD9 && s[a + 3] == 0x84;
}

/* An Arabic name with its lineage: a known name, "بن"/"ابن"/"بنت" (son or daughter of) and a known name,
 * as often as written, then a family name with the article ("عبدالله بن سعيد الغامدي"). The first name may
 * be one the lists hold as a family name only (عبدالله). Returns the name's end, or 0. */
size_t pii_arabic_nasab(pii_scan *sc, size_t ws, size_t we)
{
    static const char *const BIN[] = {"بن", "ابن", "بنت", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (s[ws] < 0xD8 || s[ws] > 0xDB || !(sc_name_lookup(s + ws, we - ws) & (SC_NAME_FIRST | SC_NAME_LAST)))
        return 0;
    size_t end = 0, p = we;
    for (unsigned k = 0; k < 3 && p + 1 < n && s[p] == ' '; k++) {
        size_t bs = p + 1, be = letters_end(s, n, bs);
        if (!listed(s + bs, be - bs, BIN) || be + 1 >= n || s[be] != ' ')
            break;
        size_t cs = be + 1, ce = letters_end(s, n, cs);
        if (ce == cs || !(sc_name_lookup(s + cs, ce - cs) & (SC_NAME_FIRST | SC_NAME_LAST)))
            break;
        end = p = ce;
    }
    if (end == 0)
        return 0;
    if (end + 1 < n && s[end] == ' ') {
        size_t fe = letters_end(s, n, end + 1);
        if (arabic_article_word(s, end + 1, fe))
            end = fe;
    }
    pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, ws, end, 0.85,
            SANCTUM_EV_NAME_SEQUENCE | SANCTUM_EV_GAZETTEER_FIRST);
    return end;
}

/* A job or record label in Cyrillic before a colon and a known given name that is no word ("Курьер:
 * Дмитрий", "Водій: Тарас"): the person holding it. Returns the name's end, or 0. */
size_t pii_script_role_label(pii_scan *sc, size_t ws, size_t we)
{
    static const char *const ROLES[] = {"Курьер", "Кур'єр", "Водитель", "Водій", "Мастер", "Майстер", "Менеджер",
                                        "Врач", "Лікар", "Контакт", "Отправитель", "Відправник", "Получатель",
                                        "Отримувач", "Исполнитель", "Виконавець", "Куратор", "Агент", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if ((s[ws] != 0xD0 && s[ws] != 0xD1) || we + 2 >= n || s[we] != ':' || s[we + 1] != ' ' ||
        !listed(s + ws, we - ws, ROLES))
        return 0;
    size_t a = we + 2, b = letters_end(s, n, a);
    if (b == a)
        return 0;
    unsigned f = pii_name_flags(s, a, b);
    const char *why;
    if (!(f & SC_NAME_FIRST) || (f & (SC_NAME_WORD | SC_NAME_PLACE)) || pii_in_code(sc, a, b, &why))
        return 0;
    if (b + 1 < n && s[b] == ' ') { /* "Курьер: Дмитрий Соколов" */
        size_t c = letters_end(s, n, b + 1);
        bool up = false;
        if (c > b + 1 && letter_at(s, n, b + 1, &up) > 0 && up && (pii_name_flags(s, b + 1, c) & SC_NAME_LAST))
            b = c;
    }
    pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, a, b, 0.8,
            SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_FIRST);
    return b;
}
