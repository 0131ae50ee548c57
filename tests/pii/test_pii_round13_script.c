/* PII detector, round 13 (other scripts, romanized names, number forms): each test is one class, in new
 * sentences (not taken from any evaluation file) of several languages and genres, with hard negatives in
 * the same frames (a place, a feast, a quantity, a code). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pii/names.h"
#include "pii_expect.h"
#include "test_util.h"

/* A number ends at the sentence signs of other scripts as it ends at "." or ",": the danda "।" of the
 * Indic scripts, Ethiopic "።" and "፣", the Arabic comma "،" and the Urdu full stop "۔". */
static void round13_number_before_script_punctuation(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "নতুন অফিসের ফোন ০১৮১৫-২২৩৩৪৪।", SANCTUM_ENTITY_PHONE_NUMBER, "০১৮১৫-২২৩৩৪৪");
    pii_expect(f->det, "मेरा मोबाइल 098765 12345 है। धन्यवाद", SANCTUM_ENTITY_PHONE_NUMBER, "098765 12345");
    pii_expect(f->det, "मोबाइल 91234 56789।", SANCTUM_ENTITY_PHONE_NUMBER, "91234 56789");
    pii_expect(f->det, "የቤት ስልክ 0912 34 56 78። እናመሰግናለን", SANCTUM_ENTITY_PHONE_NUMBER, "0912 34 56 78");
    pii_expect(f->det, "رقم الجوال 0551 98 76 54، شكرا لك", SANCTUM_ENTITY_PHONE_NUMBER, "0551 98 76 54");
    pii_expect(f->det, "میرا موبائل 0321 7654321۔ شکریہ", SANCTUM_ENTITY_PHONE_NUMBER, "0321 7654321");
    /* a year or a price before the same signs stays a number */
    pii_expect_none(f->det, "সালটি ছিল ২০১৯।", SANCTUM_ENTITY_PHONE_NUMBER);
    pii_expect_none(f->det, "कुल कीमत 4500 रुपये है।", -1);
    pii_expect_none(f->det, "ዋጋው 1500 ብር ነው።", -1);
}

/* "Contact" and "phone" in the scripts whose national phone forms the detector reads: Hindi संपर्क, Bengali
 * যোগাযোগ, Gujarati સંપર્ક, Tamil தொடர்பு, Thai ติดต่อ, Amharic ስልክ, Arabic للتواصل, Urdu رابطہ, Russian
 * контакт, Korean 연락처, Greek επικοινωνία. */
static void round13_contact_words(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "योग कक्षा: प्रशिक्षक से संपर्क 98123 45670", SANCTUM_ENTITY_PHONE_NUMBER, "98123 45670");
    pii_expect(f->det, "ভর্তির জন্য যোগাযোগ: 98300 12345", SANCTUM_ENTITY_PHONE_NUMBER, "98300 12345");
    pii_expect(f->det, "નવરાત્રિ માટે સંપર્ક 99099 11223", SANCTUM_ENTITY_PHONE_NUMBER, "99099 11223");
    pii_expect(f->det, "மேலும் தொடர்புக்கு 94440 55667", SANCTUM_ENTITY_PHONE_NUMBER, "94440 55667");
    pii_expect(f->det, "ติดต่อ 089 765 4321 ได้ทุกวัน", SANCTUM_ENTITY_PHONE_NUMBER, "089 765 4321");
    pii_expect(f->det, "ለበለጠ መረጃ ስልክ 0922 33 44 55", SANCTUM_ENTITY_PHONE_NUMBER, "0922 33 44 55");
    pii_expect(f->det, "للتواصل 0501 234 567 بعد العصر", SANCTUM_ENTITY_PHONE_NUMBER, "0501 234 567");
    pii_expect(f->det, "رابطہ 0333 4567890 شام کے بعد", SANCTUM_ENTITY_PHONE_NUMBER, "0333 4567890");
    pii_expect(f->det, "Контакт для записи: 8 912 345-67-89", SANCTUM_ENTITY_PHONE_NUMBER, "8 912 345-67-89");
    pii_expect(f->det, "동호회 연락처 010 2345 6789 으로 문자 주세요", SANCTUM_ENTITY_PHONE_NUMBER, "010 2345 6789");
    pii_expect(f->det, "Επικοινωνία: 694 812 3456", SANCTUM_ENTITY_PHONE_NUMBER, "694 812 3456");
    /* the same words before a count, a year or a price: no phone */
    pii_expect_none(f->det, "संपर्क अभियान में 98123 लोग जुड़े", SANCTUM_ENTITY_PHONE_NUMBER);
    pii_expect_none(f->det, "যোগাযোগ সপ্তাহ ২০২৪ সালে হবে", SANCTUM_ENTITY_PHONE_NUMBER);
    pii_expect_none(f->det, "ติดต่อ ราคา 4500 บาท", SANCTUM_ENTITY_PHONE_NUMBER);
    pii_expect_none(f->det, "Контакт с клиентом: заказ 2024, сумма 15000", SANCTUM_ENTITY_PHONE_NUMBER);
}

/* The dash between the groups of a number read out, said as a word ("dash", "hyphen", "tiret", "guion"). */
static void round13_spoken_dash(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "ok so my social is six one two dash four four dash nine eight seven zero thanks",
               SANCTUM_ENTITY_US_SSN, "six one two dash four four dash nine eight seven zero");
    pii_expect(f->det, "SSN: four three one hyphen five five hyphen two two one nine", SANCTUM_ENTITY_US_SSN,
               "four three one hyphen five five hyphen two two one nine");
    pii_expect(f->det, "call me back at two one two dash five five five dash zero one four seven",
               SANCTUM_ENTITY_PHONE_NUMBER, "two one two dash five five five dash zero one four seven");
    /* a score, a dash between two counts, a recipe: no entity */
    pii_expect_none(f->det, "the match ended three dash two after extra time", -1);
    pii_expect_none(f->det, "add two cups flour, one dash salt, three eggs and four spoons of sugar", -1);
}

/* Russian names with ё written as е in the lists or the other way round, and the genitive of names in
 * -ий and -ей (Дмитрия, Андрея, Сергея, Алексея). */
static void round13_cyrillic_yo_and_genitive(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "Отчёт подготовил Артём Ковалёв.", SANCTUM_ENTITY_PERSON, "Артём Ковалёв");
    pii_expect(f->det, "Приказ подписала Королёва Ирина.", SANCTUM_ENTITY_PERSON, "Королёва Ирина");
    pii_expect(f->det, "Ключи у Андрея, он придёт в семь.", SANCTUM_ENTITY_PERSON, "Андрея");
    pii_expect(f->det, "Подарок для Алексея уже купили.", SANCTUM_ENTITY_PERSON, "Алексея");
    pii_expect(f->det, "Спросите Дмитрия на кассе.", SANCTUM_ENTITY_PERSON, "Дмитрия");
    pii_expect(f->det, "Вечером зайдём к Алёне за книгами.", SANCTUM_ENTITY_PERSON, "Алёне");
    /* places and feasts in the same cases */
    pii_expect_none(f->det, "Вечером зайдём в Сочи за книгами.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Поздравляю с днём Святого Андрея!", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Я живу в Софии уже пять лет.", SANCTUM_ENTITY_PERSON);
}

/* A known Cyrillic given name inside a sentence, with no other evidence: Cyrillic capitalizes only proper
 * nouns there. At the start of a sentence, after "в"/"из" (a place) or a saint's word it stays unsure. */
static void round13_cyrillic_given_name_inside(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "сегодня тренирует Оксана, приходите к шести", SANCTUM_ENTITY_PERSON, "Оксана");
    pii_expect(f->det, "в субботу собираемся у Толика, пиво несёт Вадим", SANCTUM_ENTITY_PERSON, "Толика");
    pii_expect(f->det, "в субботу собираемся у Толика, пиво несёт Вадим", SANCTUM_ENTITY_PERSON, "Вадим");
    pii_expect(f->det, "Лот забрала Настя, остальное ещё в продаже.", SANCTUM_ENTITY_PERSON, "Настя");
    pii_expect_none(f->det, "Рейс из Виктории задерживается на час.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "Храм Святой Татьяны открыт до восьми.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "сегодня тренирует Москва, приходите к шести", SANCTUM_ENTITY_PERSON);
}

/* Korean given names romanized with a hyphen, next to a family name: any syllable of Revised Romanization or
 * the popular spellings (Sang-hyeok, Heung-min, Woo-shik, Yeong-cheol), not only the common ones. */
static void round13_korean_romanized(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "Our jungler this split is Kang Sang-hyeon, formerly of the academy team.", SANCTUM_ENTITY_PERSON,
               "Kang Sang-hyeon");
    pii_expect(f->det, "Interview scheduled with Choi Yeong-cheol at 3 pm.", SANCTUM_ENTITY_PERSON, "Choi Yeong-cheol");
    pii_expect(f->det, "Shout-out to Heung-seok Park for the map pool notes!", SANCTUM_ENTITY_PERSON,
               "Heung-seok Park");
    pii_expect(f->det, "Reviewer: Yoon Bo-ram (HR)", SANCTUM_ENTITY_PERSON, "Yoon Bo-ram");
    /* a hyphenated word of the same shape with no family name beside it is no name */
    pii_expect_none(f->det, "Ta-da! The No-go list is ready.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "The Ho-hum review meeting moved to Friday.", SANCTUM_ENTITY_PERSON);
}

/* Vietnamese names written family name first, with or without diacritics: a known family name and two
 * known given names. */
static void round13_vietnamese_family_first(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "New hire: Dang Quoc Bao starts in the Da Nang office on Monday.", SANCTUM_ENTITY_PERSON,
               "Dang Quoc Bao");
    pii_expect(f->det, "Please send the contract to Huynh Ngoc Anh before Friday.", SANCTUM_ENTITY_PERSON,
               "Huynh Ngoc Anh");
    pii_expect(f->det, "Người liên hệ: Phạm Thanh Tùng, phòng kế toán.", SANCTUM_ENTITY_PERSON, "Phạm Thanh Tùng");
    pii_expect(f->det, "Guild raid lead tonight is Vo Hoang Nam.", SANCTUM_ENTITY_PERSON, "Vo Hoang Nam");
    /* a place written the same way */
    pii_expect_none(f->det, "We flew from Ho Chi Minh City to Hue last week.", SANCTUM_ENTITY_PERSON);
}

/* Names in the scripts the lists held few of: Arabic given names (arabic-name-to-en) and family names with
 * the article ending in -i (the nisba), Urdu spellings (final ہ) and family names, Gujarati, Bengali, Telugu,
 * Tamil, Devanagari (Hindi, Nepali, Marathi) and Khmer given and family names, as a pair with no frame. */
static void round13_script_name_pairs(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "تمت إضافة سلمان الدوسري إلى مجموعة الصيانة.", SANCTUM_ENTITY_PERSON, "سلمان الدوسري");
    pii_expect(f->det, "الحكم في مباراة الغد هو ماجد البلوشي حسب الجدول", SANCTUM_ENTITY_PERSON, "ماجد البلوشي");
    pii_expect(f->det, "اجلاس کی صدارت فاطمہ قریشی کریں گی۔", SANCTUM_ENTITY_PERSON, "فاطمہ قریشی");
    pii_expect(f->det, "આજની મીટિંગમાં જીગ્નેશ ત્રિવેદી હાજર રહેશે.", SANCTUM_ENTITY_PERSON, "જીગ્નેશ ત્રિવેદી");
    pii_expect(f->det, "ফাইলটি ফারহানা ইসলাম অনুমোদন করেছেন।", SANCTUM_ENTITY_PERSON, "ফারহানা ইসলাম");
    pii_expect(f->det, "ఈ వారం శ్రీకాంత్ రెడ్డి నివేదిక పంపుతారు.", SANCTUM_ENTITY_PERSON, "శ్రీకాంత్ రెడ్డి");
    pii_expect(f->det, "இன்றைய கூட்டத்தில் விக்னேஷ் சுந்தரம் பேசுவார்.", SANCTUM_ENTITY_PERSON, "விக்னேஷ் சுந்தரம்");
    pii_expect(f->det, "आज की बैठक में सुशीला श्रेष्ठ आएँगी।", SANCTUM_ENTITY_PERSON, "सुशीला श्रेष्ठ");
    pii_expect(f->det, "ការប្រជុំជាមួយ ហេង សុភា នៅព្រឹកនេះ។", SANCTUM_ENTITY_PERSON, "ហេង សុភា");
    /* everyday phrases made of words that are also names, and an adjective with the article after a name */
    pii_expect_none(f->det, "عيد مبارك! كل عام وأنتم بخير", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "مع خالص التحيات، فريق الدعم", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "انتقل إلى رحمة الله بعد مرض طويل", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "أمل كبير في نجاح المشروع الجديد", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "اختر خادم البريد ثم اضغط حفظ", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "قائمة اسماء القوالب الداخلية", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "تنظیمات بین خانه و محل کار", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "आज पवन बहुत तेज़ है और भावना अच्छी है।", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "শুভ জন্মদিন, ভালো থেকো।", SANCTUM_ENTITY_PERSON);
}

/* The data: the new keys are first or family names; words of their language carry the word flag and
 * particles or function words are no keys. */
static void round13_script_name_data(void **state)
{
    (void)state;
    assert_true(sc_name_lookup((const uint8_t *)"يوسف", strlen("يوسف")) & 1u);
    assert_true(sc_name_lookup((const uint8_t *)"نورة", strlen("نورة")) & 1u);
    assert_true(sc_name_lookup((const uint8_t *)"عائشہ", strlen("عائشہ")) & 1u);
    assert_true(sc_name_lookup((const uint8_t *)"صدیقی", strlen("صدیقی")) & 2u);
    assert_true(sc_name_lookup((const uint8_t *)"પટેલ", strlen("પટેલ")) & 2u);
    assert_true(sc_name_lookup((const uint8_t *)"రెడ్డి", strlen("రెడ్డి")) & 2u);
    assert_true(sc_name_lookup((const uint8_t *)"सुशीला", strlen("सुशीला")) & 1u);
    assert_true(sc_name_lookup((const uint8_t *)"أمل", strlen("أمل")) & 4u);
    assert_true(sc_name_lookup((const uint8_t *)"પ્રકાશ", strlen("પ્રકાશ")) & 4u);
    assert_int_equal(sc_name_lookup((const uint8_t *)"عبد", strlen("عبد")), 0);
    assert_int_equal(sc_name_lookup((const uint8_t *)"لكن", strlen("لكن")), 0);
}

/* Korean names from the tables written alone: before a job or kin title ("팀장님", "과장", "선배님") or two of them
 * in a list ("박지훈, 최유나 참석"). A word that starts with a surname syllable before a title is none. */
static void round13_korean_title_and_list(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "내일 회의는 이민준 부장님이 진행합니다.", SANCTUM_ENTITY_PERSON, "이민준");
    pii_expect(f->det, "견적서는 정수빈 대리 확인 후 발송", SANCTUM_ENTITY_PERSON, "정수빈");
    pii_expect(f->det, "오늘 뒤풀이 참석: 김서연, 최지우", SANCTUM_ENTITY_PERSON, "김서연");
    pii_expect(f->det, "오늘 뒤풀이 참석: 김서연, 최지우", SANCTUM_ENTITY_PERSON, "최지우");
    pii_expect_none(f->det, "마케팅 팀장님이 오늘 오십니다.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "영업부 과장 회의는 취소되었습니다.", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "설정은, 저장은 나중에 하세요.", SANCTUM_ENTITY_PERSON);
}

/* Urdu and Arabic frames: Urdu's postpositions after a given name (سے, کو, کا, نے, as Hindi's), "براہ کرم"
 * (please; کرم is also a name), "and" glued to a name (ونورة), days that are also names (جمعہ Friday). */
static void round13_urdu_arabic_frames(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "کل شام عمران سے بات ہوئی تھی", SANCTUM_ENTITY_PERSON, "عمران");
    pii_expect(f->det, "براہ کرم زینب کو فائل بھیج دیں", SANCTUM_ENTITY_PERSON, "زینب");
    pii_expect(f->det, "حضر الاجتماع سامي الحربي وريم القحطاني أمس", SANCTUM_ENTITY_PERSON, "ريم القحطاني");
    pii_expect_none(f->det, "براہ کرم فائل کو جلدی بھیج دیں", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "جمعہ کی نماز کے بعد دفتر بند رہے گا", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "رمضان کا مہینہ شروع ہو گیا ہے", SANCTUM_ENTITY_PERSON);
}

/* Hebrew frames only people fill: "אצל" (at someone's place) before a given name, a verb of bringing, sending
 * or hosting after it. A place or a thing in the same frames stays no name. */
static void round13_hebrew_frames(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "ערב משחקי קופסה אצל נועה ביום חמישי", SANCTUM_ENTITY_PERSON, "נועה");
    pii_expect(f->det, "בשבת הבאה אורי מביא את הקלפים", SANCTUM_ENTITY_PERSON, "אורי");
    pii_expect(f->det, "מיכל שולחת את הקישור לקבוצה", SANCTUM_ENTITY_PERSON, "מיכל");
    pii_expect_none(f->det, "ערב משחקי קופסה אצל ההורים ביום חמישי", SANCTUM_ENTITY_PERSON);
    pii_expect_none(f->det, "בשבת הבאה הצוות מביא את הקלפים", SANCTUM_ENTITY_PERSON);
}

/* A record row: nine digits the SSA issues in the cell right after a person's name (CSV or TSV, no header,
 * no SSN word). Not when the digits are a routing number (ABA checksum), their column is named for something
 * else, an id or order word is on the line, or they stand in prose rather than a cell. */
static void round13_ssn_in_record_row(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "payroll import: Dana Whitfield,512447903,Full time,2026-09-01", SANCTUM_ENTITY_US_SSN,
               "512447903");
    pii_expect(f->det, "Miguel Ortega\t287 31 6604\tsingle", SANCTUM_ENTITY_US_SSN, "287 31 6604");
    pii_expect(f->det, "Olivia Park, 348092117, dependent", SANCTUM_ENTITY_US_SSN, "348092117");
    pii_expect_none(f->det, "payroll import: Dana Whitfield,123456780,Full time,2026-09-01", SANCTUM_ENTITY_US_SSN);
    pii_expect_none(f->det, "name,member_id,plan\nDana Whitfield,512447903,Gold", SANCTUM_ENTITY_US_SSN);
    pii_expect_none(f->det, "order id for Dana Whitfield,512447903,shipped", SANCTUM_ENTITY_US_SSN);
    pii_expect_none(f->det, "Dana Whitfield paid 512447903 won last year", SANCTUM_ENTITY_US_SSN);
    pii_expect_none(f->det, "payroll import: Dana Whitfield,912447903,Full time", SANCTUM_ENTITY_US_SSN);
    /* every row of a long export: only the first 64 numbers were looked at, and the rows after them were left
     * in clear */
    enum { ROWS = 70 };
    static const char row[] = "Dana Whitfield,512447903\n";
    char *text = malloc(ROWS * (sizeof row - 1) + 32);
    assert_non_null(text);
    text[0] = '\0';
    for (int i = 0; i < ROWS; i++)
        strcat(text, row);
    strcat(text, "Harper,Lindsay,235405401");
    pii_expect(f->det, text, SANCTUM_ENTITY_US_SSN, "235405401");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round13_number_before_script_punctuation, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_contact_words, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_spoken_dash, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_cyrillic_yo_and_genitive, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_cyrillic_given_name_inside, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_korean_romanized, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_vietnamese_family_first, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_script_name_pairs, pii_setup, pii_teardown),
        cmocka_unit_test(round13_script_name_data),
        cmocka_unit_test_setup_teardown(round13_korean_title_and_list, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_urdu_arabic_frames, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_hebrew_frames, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_ssn_in_record_row, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
