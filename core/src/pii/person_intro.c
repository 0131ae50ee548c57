/* Self-introductions in scripts without capitals (issue 17, round 11): "I am X", "this is X", "with you is
 * X" (Arabic phone calls), "my name is X", "X speaking" in Arabic, Persian, Urdu, Hebrew, the Indic scripts,
 * Ge'ez, Georgian, Thai, Lao and Khmer. The words after the frame up to a closer (punctuation, a copula, a
 * "speaking" verb, a phone or "my" word) are the name, whether the lists hold it or not, when the frame says
 * so ("my name is"), a "speaking" verb closes it, a number follows on its line, or a word of it is a known
 * name; a function word among them (a preposition, a negation, "very", "here") makes it a clause. */
#include <string.h>

#include "names.h"
#include "person.h"

enum { FRAME_WEAK = 1, FRAME_STRONG = 2, FRAME_THIS = 3, FRAME_DEAR = 4 };

typedef struct frame_word {
    const char *w;
    uint8_t len, kind;
} frame_word;
#define FW(s, k) {s, (uint8_t)(sizeof(s) - 1), k}

/* "I", "this (is)", "with you" (WEAK: needs more evidence) and "my name (is)" (STRONG). Two-word frames are
 * their first word here and NAME_WORD after it. */
static const frame_word FRAMES[] = {
    FW("أنا", FRAME_WEAK), FW("انا", FRAME_WEAK), FW("معك", FRAME_WEAK), FW("معاك", FRAME_WEAK), FW("معكم", FRAME_WEAK), FW("هذا", FRAME_THIS),
    FW("اسمي", FRAME_STRONG), FW("اسمم", FRAME_STRONG),                      /* Arabic, Persian */
    FW("من", FRAME_WEAK), FW("میں", FRAME_WEAK), FW("یہ", FRAME_THIS),             /* Persian "I", Urdu "I", "this" */
    FW("मैं", FRAME_WEAK), FW("ਮੈਂ", FRAME_WEAK), FW("আমি", FRAME_WEAK), /* Hindi, Punjabi, Bengali */
    FW("אני", FRAME_WEAK), FW("זה", FRAME_THIS), FW("זו", FRAME_THIS), FW("שמי", FRAME_STRONG), /* Hebrew */
    FW("நான்", FRAME_WEAK), FW("నేను", FRAME_WEAK), FW("ನಾನು", FRAME_WEAK), FW("ഞാൻ", FRAME_WEAK), FW("હું", FRAME_WEAK),
    FW("እኔ", FRAME_WEAK), FW("ስሜ", FRAME_STRONG),                            /* Amharic */
    FW("ຂ້ອຍ", FRAME_WEAK), FW("ຂ້ອຍຊື່", FRAME_STRONG), FW("ខ្ញុំ", FRAME_WEAK), FW("ខ្ញុំឈ្មោះ", FRAME_STRONG), /* Lao, Khmer */
    FW("მე", FRAME_WEAK), FW("მქვია", FRAME_STRONG),                          /* Georgian */
    /* the possessive of "my name": the name word follows */
    FW("میرا", 0), FW("मेरा", 0), FW("ਮੇਰਾ", 0), FW("আমার", 0), FW("என்", 0), FW("நா", 0), FW("నా", 0),
    FW("ನನ್ನ", 0), FW("എന്റെ", 0), FW("મારું", 0), FW("ჩემი", 0), FW("קוראים", 0),
    /* a letter's "Dear X," (and Hebrew "To X,") opening its line */
    FW("प्रिय", FRAME_DEAR), FW("عزيزي", FRAME_DEAR), FW("عزيزتي", FRAME_DEAR), FW("عزیزم", FRAME_DEAR),
    FW("לכבוד", FRAME_DEAR), FW("அன்புள்ள", FRAME_DEAR), FW("ప్రియమైన", FRAME_DEAR), FW("প্রিয়", FRAME_DEAR),
    FW("ਪਿਆਰੇ", FRAME_DEAR), FW("પ્રિય", FRAME_DEAR), FW("ಪ್ರಿಯ", FRAME_DEAR), FW("പ്രിയ", FRAME_DEAR),
    FW("ውድ", FRAME_DEAR),
};
/* What "Dear" addresses that is no name: friends, customers, users, colleagues, members, sir and madam. */
static const char *const DEAR_NOT[] = {
    "मित्र", "मित्रों", "दोस्त", "दोस्तों", "ग्राहक", "उपयोगकर्ता", "सदस्य", "साथियों", "साथी", "महोदय", "महोदया",
    "सर", "बंधु", "भाई", "बहन", "अभिभावक", "छात्रों", "पिताजी", "माँ", "मां", "पापा",
    "सदस्यों", "सदस्यगण", "अभिभावकों", "भाइयों", "बहनों", "सहयोगियों", /* plural groups: "प्रिय सदस्यों," */
    "صديقي", "صديقتي", "زميلي", "زميلتي", "عميلنا", "دوست", "مشتری", "کاربر", "دوستان", "صارف", "صارفین",
    "לקוח", "לקוחה", "חבר", "חברים", "משתמש", "משתמשת", "המשתמש", "הלקוח",
    "நண்பரே", "நண்பர்களே", "வாடிக்கையாளர்", "ஐயா", "స్నేహితుడా", "మిత్రమా", "వినియోగదారు",
    "বন্ধু", "বন্ধুরা", "গ্রাহক", "ব্যবহারকারী", "ਦੋਸਤ", "ਗਾਹਕ", "મિત્ર", "મિત્રો", "ગ્રાહક", "ಸ್ನೇಹಿತ",
    "ಗ್ರಾಹಕ", "ಬಳಕೆದಾರ", "സുഹൃത്തേ", "ഉപഭോക്താവ്", "ደንበኛ", "ጓደኛዬ", NULL};
/* Greetings before "this is X" on the phone ("היי זה ...", "ألو هذا ..."). */
static const char *const GREETING[] = {"היי", "הי", "שלום", "אהלן", "ألو", "آلو", "مرحبا", "سلام", "هلو",
                                       "ہیلو", "السلام", "علیکم", "عليكم", NULL};
/* A cheap test before the list: a bit per (length, second byte) of the frame words, so that most words
 * (of other lengths or blocks) are ruled out by one load. Debug builds check it against FRAMES. */
static const uint64_t FRAME_GATE[4] = {0x04a0092410492092u, 0x0000000000000008u, 0x0040019049a88000u, 0x6920820040000040u};
static inline unsigned gate_bit(const uint8_t *w, size_t n) { return (unsigned)(n + (size_t)w[1] * 3u) & 255u; }

/* The second word of a two-word frame: "my" + "name" makes it STRONG, also after a WEAK "I" (Lao, Khmer,
 * Georgian: "ຂ້ອຍ ຊື່", "მე მქვია"); Persian "اسم من" is the name word first. */
static const char *const NAME_WORD[] = {"نام", "नाम", "ਨਾਮ", "নাম", "பெயர்", "பேர்", "పేరు", "ಹೆಸರು", "പേര്",
                                        "નામ", "ຊື່", "ឈ្មោះ", "მქვია", "სახელია", "לי", NULL};
/* Thai writes the frame glued to the name: "ผมสมชาย", "ดิฉันชื่อมาลี" (longest first). */
static const frame_word THAI_FRAMES[] = {
    FW("ดิฉันชื่อ", FRAME_STRONG), FW("ผมชื่อ", FRAME_STRONG), FW("ฉันชื่อ", FRAME_STRONG), FW("ดิฉัน", FRAME_WEAK), FW("ผม", FRAME_WEAK),
    FW("ฉัน", FRAME_WEAK), FW("ຂ້ອຍຊື່", FRAME_STRONG), FW("ខ្ញុំឈ្មោះ", FRAME_STRONG),
};
/* What Thai writes after "I" that is no name: verbs, "not", "will", "at", states. */
static const char *const THAI_NOT_NAME[] = {
    "ไป", "มา", "อยู่", "จะ", "ชอบ", "ไม่", "ก็", "เป็น", "กำลัง", "ได้", "อยาก", "ขอ", "รู้", "คิด", "ว่า", "ที่",
    "ต้อง", "เหนื่อย", "กิน", "มี", "ยัง", "เพิ่ง", "ทำ", "ดี", "รัก", "หิว", "ง่วง", "สบาย", "เอง", "เคย", "ถึง",
    "ให้", "โทร", "ส่ง", "ว่าง", "ขอบ", "นะ", "ค่ะ", "ครับ", "ลูกค้า", "คนไข้", "นักเรียน", "คนขับ", "ยุ่ง",
    "พร้อม", "ใหม่", NULL};
/* Thai particles glued to the end of the name: "ผมสมชายครับ". */
static const char *const THAI_PARTICLES[] = {"ครับ", "ค่ะ", "คะ", "นะคะ", "นะครับ", "นะ", "จ้ะ", "จ้า", NULL};

/* "speaking" after the name (Urdu/Hindi "بول رہا ہوں", Gujarati "બોલું છું"): the frame of a call. */
static const char *const SPEAK[] = {"بول", "बोल", "ਬੋਲ", "બોલું", "બોલી", "બોલે", "বলছি", "பேசுகிறேன்", "பேசுறேன்",
                                    "మాట్లాడుతున్నాను", "ಮಾತನಾಡುತ್ತಿದ್ದೇನೆ", "സംസാരിക്കുന്നു", "מדבר", "מדברת",
                                    NULL};
/* Copulas and "and", "my": the name ends before them. */
static const char *const CLOSE[] = {
    "هستم", "است", "ہوں", "ہے", "हूँ", "हूं", "है", "ਹਾਂ", "છું", "છે", "ነኝ", "ነው", "ვარ", "ആണ്", "ആണ",
    "و", "और", "এবং", "ও", "மற்றும்", "మరియు", "ಮತ್ತು", "અને", "እና", "ແລະ", "និង", "და", "ואני",
    "میرا", "میری", "मेरा", "मेरी", "ਮੇਰਾ", "আমার", "என்", "என்னுடைய", "నా", "ನನ್ನ", "എന്റെ", "મારો", "મારું",
    "મારી", "ჩემი", "ເອງ", "जी", "ਜੀ", "గారు", "அவர்களுக்கு", "صاحب", "صاحبہ", "साहब", NULL};
/* A phone word starts the word ("رقمي", "ስልኬ", "เบอร์"): the name ends, and a number is meant. */
static const char *const PHONE[] = {"رقم", "جوال", "هاتف", "موبايل", "تلفون", "شماره", "تلفن", "موبایل", "نمبر",
                                    "فون", "नंबर", "नम्बर", "फोन", "फ़ोन", "ਨੰਬਰ", "নম্বর", "ফোন", "מספר", "טלפון",
                                    "נייד", "எண்", "தொலைபேசி", "నంబర్", "ఫోన్", "ನಂಬರ್", "ಫೋನ್", "നമ്പർ", "ഫോൺ",
                                    "નંબર", "ફોન", "ስልክ", "ስልኬ", "เบอร์", "โทร", "ເບີ", "ໂທ", "លេខ", "ნომერი",
                                    "ტელეფონი", NULL};
/* Function words: a preposition, negation, adverb or verb of place in the run makes it a clause ("أنا في
 * المطار", "मैं दिल्ली में हूँ", "זה לא עובד", "ຂ້ອຍ ຢູ່ ເຮືອນ"). */
static const char *const STOP[] = {
    "في", "على", "عند", "إلى", "الى", "مع", "لا", "لم", "لن", "ليس", "لست", "جدا", "جداً", "الآن", "هنا", "هناك",
    "غير", "مش", "بس", "كمان", "أيضا", "قد",                                  /* Arabic */
    "در", "به", "از", "با", "نه", "خیلی", "اینجا", "الان", "هم", "که", "را",           /* Persian */
    "پر", "سے", "کو", "کا", "کی", "کے", "نے", "نہیں", "بہت", "یہاں", "ابھی", "بھی", "تو", "میں", /* Urdu */
    "में", "पर", "से", "को", "का", "की", "के", "ने", "नहीं", "बहुत", "यहाँ", "यहां", "अभी", "भी", "तो", "हुआ",
    "हुई", "थका", "थकी",                                                      /* Hindi */
    "আছি", "না", "খুব", "এখন", "এখানে", "বাড়িতে",                                    /* Bengali */
    "לא", "כבר", "פה", "כאן", "עכשיו", "גם", "מאוד", "רק", "עוד", "צריך", "צריכה", "אני", "אנחנו", /* Hebrew */
    "இருக்கிறேன்", "இருக்கேன்", "வருகிறேன்", "போகிறேன்", "இல்லை", "இங்கே", "இப்போது", /* Tamil */
    "ఉన్నాను", "వస్తున్నాను", "లేను", "ఇక్కడ", "ఇప్పుడు",                              /* Telugu */
    "ಇದ್ದೇನೆ", "ಇಲ್ಲ", "ಇಲ್ಲಿ", "ಈಗ",                                                 /* Kannada */
    "ഉണ്ട്", "ഇല്ല", "ഇവിടെ", "ഇപ്പോൾ",                                               /* Malayalam */
    "ઘરે", "અહીં", "હમણાં", "નથી", "ત્યાં",                                              /* Gujarati */
    "እዚህ", "አሁን", "ቤት", "አይደለሁም",                                                  /* Amharic */
    "ຢູ່", "ບໍ່", "ໄປ", "ມາ", "ກຳລັງ", "ຈະ", "ຢາກ",                                      /* Lao */
    "នៅ", "មិន", "ទៅ", "មក", "ចង់", "កំពុង",                                            /* Khmer */
    "აქ", "არ", "სახლში",                                                            /* Georgian */
    /* "fine", "busy", "on the way", "tired": states after "I am" */
    "بخير", "تمام", "كويس", "كويسة", "مشغول", "مشغولة", "بالطريق", "جاي", "جاية", "خوبم", "خوب", "ٹھیک", "ठीक",
    "खुश", "ভালো", "நலம்", "బాగున్నాను", "મજામાં", "ಚೆನ್ನಾಗಿ", "സുഖം", "בדרך", "בסדר", "עייף", "עייפה",
    "עסוק", "עסוקה", "ደህና", "ສະບາຍດີ", "សុខសប្បាយ", "კარგად",
    /* "new", "old", "very", "busy", "ready" and roles (customer, patient, student, driver) after "I am" */
    "नया", "नई", "पुराना", "ग्राहक", "मरीज़", "मरीज", "छात्र", "ड्राइवर", "मैनेजर", "किरायेदार", "व्यस्त", "तैयार",
    "نیا", "نئی", "پرانا", "گاہک", "مریض", "طالب", "ڈرائیور", "مصروف", "تیار", "جديد", "جديدة", "عميل", "عميلة",
    "مريض", "مريضة", "طالب", "طالبة", "سائق", "جاهز", "جاهزة", "جدید", "مشتری", "بیمار", "دانشجو", "راننده",
    "নতুন", "পুরনো", "গ্রাহক", "রোগী", "ছাত্র", "ছাত্রী", "ড্রাইভার", "ব্যস্ত", "তৈরি", "ক্লান্ত",
    "புதிய", "பழைய", "வாடிக்கையாளர்", "நோயாளி", "மாணவன்", "மாணவி", "டிரைவர்", "ரொம்ப", "பிஸி", "தயார்",
    "కొత్త", "పాత", "కస్టమర్", "రోగి", "విద్యార్థి", "డ్రైవర్", "చాలా", "బిజీ", "సిద్ధం",
    "ಹೊಸ", "ಹಳೆಯ", "ಗ್ರಾಹಕ", "ರೋಗಿ", "ವಿದ್ಯಾರ್ಥಿ", "ಡ್ರೈವರ್", "ತುಂಬಾ", "ಬ್ಯುಸಿ", "ತಯಾರು",
    "പുതിയ", "പഴയ", "കസ്റ്റമർ", "ഉപഭോക്താവ്", "രോഗി", "വിദ്യാർത്ഥി", "ഡ്രൈവർ", "വളരെ", "ബിസി", "തയ്യാർ",
    "નવો", "નવી", "જૂનો", "ગ્રાહક", "દર્દી", "વિદ્યાર્થી", "ડ્રાઇવર", "બહુ", "વ્યસ્ત", "તૈયાર",
    "አዲስ", "አሮጌ", "ደንበኛ", "ታካሚ", "ተማሪ", "ሹፌር", "በጣም", "ዝግጁ", "לקוח", "לקוחה", "חדש", "חדשה", "מטופל",
    "ລູກຄ້າ", "ໃໝ່", "ນັກຮຽນ", "ຄົນເຈັບ", "ພ້ອມແລ້ວ", "ຫຍຸ້ງ", "អតិថិជន", "ថ្មី", "សិស្ស", "អ្នកជំងឺ",
    "រួចរាល់ហើយ", "រវល់", "ახალი", "კლიენტი", "მომხმარებელი", NULL};
/* Verb and case endings of the verb-final scripts: the run is a clause ("অফিসে যাচ্ছি", going to the office;
 * "ಮನೆಗೆ ಬರುತ್ತೇನೆ", coming home; "വീട്ടിലേക്ക് വരുന്നു"). */
static const char *const CLAUSE_END[] = {"চ্ছি", "ছি", "ೇನೆ", "ಗೆ", "ുന്നു", "ലേക്ക്", "ക്ക്", "ઉં",
                                         "ேன்", "க்கு", "ున్నాను", "తాను", "ంది", NULL};
/* Arabic given names that are adjectives of a state: after "I am" with no other evidence they are the state
 * ("أنا سعيد بلقائك", I am happy to meet you). */
static const char *const ADJ_NAMES[] = {"سعيد", "سعيدة", "كريم", "كريمة", "جميل", "جميلة", "سالم", "سالمة", "أمين",
                                        "أمينة", "عادل", "صابر", "صابرة", "شاكر", "شاكرة", "راضي", "راضية", "مسرور",
                                        "فرحان", "نبيل", "لطيف", "لطيفة", "رشيد", "حليم", "حكيم", "مبروك", "منصور",
                                        "آسف", "آسفة", "حزين", "مشغول", "مشغولة", "تعبان", "تعبانة", NULL};
/* Locative endings of the agglutinative scripts: a word "in/at X" is a place ("அலுவலகத்தில்", "ഓഫീസിൽ"). */
static const char *const LOCATIVE_END[] = {"ில்", "లో", "ಲ್ಲಿ", "ಯಲ್ಲಿ", "ിൽ", "માં", NULL};
/* Arabic lineage and compound words inside a name: "فيصل بن خالد", "عبد الله". */
static const char *const CHAIN[] = {"بن", "بنت", "ابن", "عبد", "أبو", "ابو", "آل", "ولد", NULL};

static bool starts_list(const uint8_t *w, size_t n, const char *const *l)
{
    for (size_t k = 0; l[k] != NULL; k++) {
        size_t m = strlen(l[k]);
        if (m <= n && memcmp(w, l[k], m) == 0)
            return true;
    }
    return false;
}

static bool ends_list(const uint8_t *w, size_t n, const char *const *l)
{
    for (size_t k = 0; l[k] != NULL; k++) {
        size_t m = strlen(l[k]);
        if (m < n && memcmp(w + n - m, l[k], m) == 0)
            return true;
    }
    return false;
}

/* The letters of the word at p (a script without capitals; p itself when none), with an inner hyphen
 * between letters of the script ("כהן-שטרן"). */
static size_t letters_end(const uint8_t *s, size_t n, size_t p)
{
    bool up;
    size_t l, a = p;
    for (;;) {
        while (p < n && s[p] >= 0x80 && (l = letter_at(s, n, p, &up)) > 0)
            p += l;
        if (p > a && p + 1 < n && s[p] == '-' && s[p + 1] >= 0x80 && letter_at(s, n, p + 1, &up) > 0)
            p++;
        else
            return p;
    }
}

/* The next word after one space at p (0-width when none). */
static bool next_script_word(const uint8_t *s, size_t n, size_t p, size_t *a, size_t *b)
{
    if (p >= n || s[p] != ' ')
        return false;
    *a = p + 1;
    *b = letters_end(s, n, *a);
    return *b > *a;
}

/* A number on the line after p: seven digits within 48 bytes (spaces, dashes, brackets between them), or a
 * phone word within the next three words. */
static bool number_after(const uint8_t *s, size_t n, size_t p)
{
    size_t digits = 0, lim = p + 64 < n ? p + 64 : n;
    for (size_t q = p; q < lim && s[q] != '\n'; q++)
        if (pii_is_digit(s[q]) && ++digits >= 7)
            return true;
    size_t q = p;
    for (int k = 0; k < 4 && q < lim; k++) {
        while (q < lim && s[q] != '\n' && (s[q] < 0x80 || letters_end(s, n, q) == q))
            q += s[q] < 0x80 ? 1 : (s[q] >= 0xF0 ? 4 : s[q] >= 0xE0 ? 3 : 2);
        if (q >= lim || s[q] == '\n')
            return false;
        size_t e = letters_end(s, n, q);
        if (starts_list(s + q, e - q, PHONE))
            return true;
        q = e;
    }
    return false;
}

/* Which script the word at p is written in (scripts without capitals only): a name does not run on into
 * another script. */
static unsigned script_id(const uint8_t *s, size_t p)
{
    if (s[p] < 0xE0)
        return s[p] == 0xD7 ? 1u : 2u; /* Hebrew; Arabic, Persian, Urdu */
    if (s[p] == 0xE0)
        return 0x100u + (s[p + 1] >> 1); /* the Indic scripts, Thai and Lao, two lead bytes each */
    return s[p + 1] >= 0x88 && s[p + 1] <= 0x8E ? 0x288u : 0x200u + (s[p + 1] >> 1); /* Ge'ez, Georgian, Khmer */
}

static const frame_word *frame_of(const uint8_t *w, size_t n, const frame_word *list, size_t count, bool prefix)
{
    for (size_t k = 0; k < count; k++)
        if ((prefix ? list[k].len < n : list[k].len == n) && memcmp(w, list[k].w, list[k].len) == 0)
            return &list[k];
    return NULL;
}

/* How the name that starts at a ends: where its words end, whether a "speaking" verb or a phone word closed
 * it, and whether any word is a known name; false when a function word shows a clause or it is too long. */
typedef struct run {
    size_t start, end;
    unsigned words;
    bool speak, phone, known, article_only, chain;
    size_t close_s, close_e; /* the word that closed the run (empty when punctuation did) */
} run;

static bool read_run(const uint8_t *s, size_t n, size_t a, size_t b, bool thai, bool strong, run *r)
{
    memset(r, 0, sizeof *r);
    r->start = a;
    r->article_only = true;
    unsigned total = 0;
    for (;;) {
        size_t wl = b - a;
        if (bytes_in(s + a, wl, SPEAK)) {
            r->speak = true;
            break;
        }
        if (starts_list(s + a, wl, PHONE)) {
            r->phone = true;
            break;
        }
        r->close_s = a, r->close_e = b;
        if (bytes_in(s + a, wl, CLOSE) ||
            (r->words > 0 && wl > 2 && s[a] == 0xD9 && s[a + 1] == 0x88 && sc_name_lookup(s + a, wl) == 0))
            break; /* "و" glued to a verb: "وأحتاج" (and I need) */
        if (bytes_in(s + a, wl, STOP) || ends_list(s + a, wl, LOCATIVE_END) || ends_list(s + a, wl, CLAUSE_END))
            return false;
        if (thai && bytes_in(s + a, wl, THAI_PARTICLES))
            break;
        /* after "I" a verb or state glued on is no name ("ผมชอบ..."); after "my name is" the name may start
         * as one does ("มาลัย" and มา, come) */
        if (thai && !strong && starts_list(s + a, wl, THAI_NOT_NAME))
            return false;
        size_t te = b;
        if (thai) {
            /* a particle glued to the name ends it: "สมชายครับ" */
            for (size_t k = 0; THAI_PARTICLES[k] != NULL; k++) {
                size_t m = strlen(THAI_PARTICLES[k]);
                if (m < wl && memcmp(s + b - m, THAI_PARTICLES[k], m) == 0) {
                    te = b - m;
                    break;
                }
            }
        }
        if (++total > 6)
            return false;
        /* Arabic words with a preposition and the article glued ("للاجتماع", for the meeting; "بالبيت") */
        if (wl > 8 && s[a] >= 0xD8 && s[a] <= 0xD9 &&
            (memcmp(s + a, "لل", 4) == 0 ||
             (memcmp(s + a + 2, "ال", 4) == 0 && (memcmp(s + a, "ب", 2) == 0 || memcmp(s + a, "و", 2) == 0 ||
                                                 memcmp(s + a, "ف", 2) == 0 || memcmp(s + a, "ك", 2) == 0))))
            return false;
        if (bytes_in(s + a, wl, CHAIN))
            r->chain = true;
        else {
            if (++r->words > 3)
                return false;
            unsigned f = sc_name_lookup(s + a, te - a);
            bool art = te - a >= 8 && s[a] == 0xD8 && s[a + 1] == 0xA7 && s[a + 2] == 0xD9 && s[a + 3] == 0x84;
            if (!art)
                r->article_only = false;
            /* a self-introduction starts with the given name: a family name alone may be a word ("לקוח חדש",
             * a new customer: חדש is also a family name) */
            if (r->words == 1 && (f & SC_NAME_FIRST) && !(f & SC_NAME_WORD))
                r->known = true;
        }
        r->end = te;
        r->close_s = r->close_e = 0;
        if (te != b || !next_script_word(s, n, b, &a, &b))
            break;
        /* the next word belongs to the run only when it is of the same script as the name */
        if (script_id(s, a) != script_id(s, r->start))
            break;
    }
    return r->words > 0;
}

size_t pii_intro_name(pii_scan *sc, size_t ws, size_t we)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, wl = we - ws;
    if (wl < 2 || wl > 96) /* a Thai frame glued to a name is one word */
        return 0;
    bool thai_like = s[ws] == 0xE0 && (s[ws + 1] == 0xB8 || s[ws + 1] == 0xB9);
    bool glued_ok = thai_like || (s[ws] == 0xE0 && s[ws + 1] == 0xBA) || (s[ws] == 0xE1 && s[ws + 1] == 0x9E);
#ifndef NDEBUG
    for (size_t k = 0; k < sizeof FRAMES / sizeof FRAMES[0]; k++) {
        unsigned g = gate_bit((const uint8_t *)FRAMES[k].w, FRAMES[k].len);
        if (!((FRAME_GATE[g >> 6] >> (g & 63u)) & 1u))
            abort(); /* FRAME_GATE is stale: regenerate it from FRAMES */
    }
#endif
    unsigned g = gate_bit(s + ws, wl);
    const frame_word *f = (FRAME_GATE[g >> 6] >> (g & 63u)) & 1u
                              ? frame_of(s + ws, wl, FRAMES, sizeof FRAMES / sizeof FRAMES[0], false)
                              : NULL;
    size_t na, nb;
    int kind;
    if (f != NULL) {
        kind = f->kind;
        size_t p = we;
        size_t xa, xb;
        /* "my" + "name", "I" + "name (is)", Persian "اسم من" */
        if (next_script_word(s, n, p, &xa, &xb) && bytes_in(s + xa, xb - xa, NAME_WORD)) {
            kind = FRAME_STRONG;
            p = xb;
        } else if (kind == 0) {
            return 0;
        }
        if (!next_script_word(s, n, p, &na, &nb))
            return 0;
    } else if (glued_ok && (f = frame_of(s + ws, wl, THAI_FRAMES, sizeof THAI_FRAMES / sizeof THAI_FRAMES[0],
                                         true)) != NULL) {
        kind = f->kind;
        na = ws + f->len;
        nb = we;
    } else {
        return 0;
    }
    run r;
    if (!read_run(s, n, na, nb, thai_like, kind == FRAME_STRONG, &r) || r.article_only)
        return 0;
    /* "this (is)" is also a demonstrative after a noun ("הודעה זו שוב", this message again): only opening a
     * clause or after a greeting, and then with a number, a "speaking" verb or a full known name */
    if (kind == FRAME_THIS) {
        size_t q = ws;
        while (q > 0 && s[q - 1] == ' ')
            q--;
        size_t ga = q;
        while (ga > 0 && s[ga - 1] >= 0x80)
            ga--;
        bool opens = q == 0 || s[q - 1] == '\n' || s[q - 1] == ',' || s[q - 1] == ':' || s[q - 1] == '.' ||
                     s[q - 1] == '!' || (q >= 2 && s[q - 2] == 0xD8 && s[q - 1] == 0x8C) ||
                     (ga < q && bytes_in(s + ga, q - ga, GREETING));
        if (!opens)
            return 0;
        kind = r.known && r.words < 2 && !r.speak && !r.phone ? 0 : FRAME_WEAK;
        if (kind == 0 && !number_after(s, n, r.end))
            return 0;
    }
    /* "Dear X," opening its line: one or two words ending at a comma, "!" or the line's end, not a friend,
     * a customer or a user ("प्रिय ग्राहक,"), and not only words with the article ("عزيزي العميل،") */
    if (kind == FRAME_DEAR) {
        size_t q = ws;
        while (q > 0 && (s[q - 1] == ' ' || s[q - 1] == '"'))
            q--;
        /* an honorific may close the name before the comma: "प्रिय सुगंधा जी," */
        static const char *const HONOR[] = {"जी", "ਜੀ", "గారు", "அவர்களுக்கு", "صاحب", "صاحبہ", "साहब", NULL};
        bool honor = r.close_e > r.close_s && bytes_in(s + r.close_s, r.close_e - r.close_s, HONOR);
        size_t e = honor ? r.close_e : r.end;
        bool ends = e >= n || s[e] == ',' || s[e] == '!' || s[e] == '\n' || s[e] == '\r' ||
                    (e + 1 < n && s[e] == 0xD8 && s[e + 1] == 0x8C);
        if ((q > 0 && s[q - 1] != '\n') || r.words > 2 || (r.close_e > r.close_s && !honor) || r.speak || r.phone ||
            !ends)
            return 0;
        for (size_t p = r.start; p < r.end;) {
            size_t we2 = letters_end(s, n, p);
            if (we2 == p || bytes_in(s + p, we2 - p, DEAR_NOT))
                return 0;
            p = we2 < r.end ? we2 + 1 : we2;
        }
        kind = FRAME_STRONG;
    }
    bool number = kind != FRAME_STRONG && !r.speak && !r.phone && number_after(s, n, r.end);
    if (kind != FRAME_STRONG && !r.speak && !r.phone && !number && r.known) {
        size_t e1 = letters_end(s, n, r.start);
        if (bytes_in(s + r.start, e1 - r.start, ADJ_NAMES))
            return 0;
    }
    /* a number after the words, or a phone word right after them, is no evidence alone: "I am your neighbour /
     * the delivery boy / a new customer / ready, my number ..." has the shape of a voicemail's "I am X Y, my
     * number ...", and the lists hold no everyday words of these scripts to tell them apart (a version that
     * took two words and a number took 9 of 12 such sentences written after it). With a number, a lineage
     * word (بن, عبد) among the words is a name's */
    if (kind != FRAME_STRONG && !r.speak && !r.known && !((r.phone || number) && r.chain))
        return 0;
    bool ok = kind == FRAME_STRONG || r.speak || r.phone || r.known || number;
    /* Persian "من" (I) is Arabic "من" (from, who: "من فضلك", please): a known name or "هستم" (I am) after it */
    if (f->len == 4 && memcmp(f->w, "من", 4) == 0)
        ok = r.known || (r.close_e > r.close_s && bytes_in(s + r.close_s, r.close_e - r.close_s,
                                                           (const char *const[]){"هستم", NULL}));
    if (!ok)
        return 0;
    const char *why;
    if (pii_in_code(sc, r.start, r.end, &why))
        return 0;
    pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, r.start, r.end, 0.85,
            SANCTUM_EV_CONTEXT_BEFORE | (r.known ? SANCTUM_EV_GAZETTEER_FIRST : 0));
    return r.end;
}

/* Japanese on the phone: "もしもし、山口です", "はい、こちら佐々木です", "私は高田と申します". The kanji (with the
 * iteration mark 々) between the opener and です are a family name the tables hold as a whole ("営業部です",
 * "東京駅です" are none); before と申します ("I am called") a known surname may be followed by a given name. */
static bool ja_han_at(const uint8_t *s, size_t q)
{
    if (s[q] == 0xE3 && s[q + 1] == 0x80 && s[q + 2] == 0x85)
        return true; /* 々 */
    return s[q] >= 0xE4 && s[q] <= 0xE9 && (s[q + 1] & 0xC0) == 0x80 && (s[q + 2] & 0xC0) == 0x80;
}

static void ja_intro_at(pii_scan *sc, size_t d, bool called)
{
    static const char *const OPENERS[] = {"もしもし、", "もしもし", "こちらは", "こちら", "私は", "わたしは",
                                          "わたくし", "はい、", NULL};
    const uint8_t *s = sc->s;
    size_t h = d, chars = 0;
    while (h >= 3 && chars < 5 && ja_han_at(s, h - 3))
        h -= 3, chars++;
    if (chars < 2 || chars > 4)
        return;
    if (!called) {
        if (chars > 3 || pii_cjk_ends_with(s, h, OPENERS) == 0 || !(pii_cjk_surname(s, h, chars) & SC_CJK_JA))
            return;
    } else {
        bool sur = false;
        for (size_t sl = 1; sl <= 3 && sl <= chars && !sur; sl++)
            sur = (pii_cjk_surname(s, h, sl) & SC_CJK_JA) != 0;
        if (!sur)
            return;
    }
    pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, h, d, 0.85,
            SANCTUM_EV_GAZETTEER_LAST | SANCTUM_EV_CONTEXT_AFTER);
}

void pii_ja_intro(pii_scan *sc)
{
    static const uint8_t DESU[] = {0xE3, 0x81, 0xA7, 0xE3, 0x81, 0x99};                   /* です */
    static const uint8_t MOUSHI[] = {0xE3, 0x81, 0xA8, 0xE7, 0x94, 0xB3, 0xE3, 0x81, 0x97}; /* と申し */
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    for (int k = 0; k < 2; k++) {
        const uint8_t *pat = k == 0 ? DESU : MOUSHI;
        size_t pl = k == 0 ? sizeof DESU : sizeof MOUSHI;
        /* both patterns open with 0xE3: memchr skips to it far faster than memmem scans (most text has no
         * kana; the first match is the same) */
        for (size_t p = sc->first_high; p + pl <= n;) {
            const uint8_t *hit = memchr(s + p, 0xE3, n - p - pl + 1);
            if (hit == NULL)
                break;
            size_t d = (size_t)(hit - s);
            if (memcmp(hit, pat, pl) != 0) {
                p = d + 1;
                continue;
            }
            ja_intro_at(sc, d, k == 1);
            p = d + pl;
        }
    }
}
