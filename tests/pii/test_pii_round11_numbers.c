/* PII detector, round 11 of issue 17: numbers said in words, native digits, national phones without "+", SSN
 * and bank forms. One test per class, in new sentences (not taken from any evaluation file); positives and the
 * hard negatives of the same frame. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pii_expect.h"
#include "test_util.h"

static const int32_t PH = SANCTUM_ENTITY_PHONE_NUMBER;

/* Phones said in groups of number words, not one digit at a time: teens, tens, hundreds and compounds in the
 * languages whose number words start with a Latin letter, with "and"/"y"/"et" inside and commas between. */
static void round11_spoken_compounds(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "appelle-moi au z\xc3\xa9ro six, douze, trente-quatre, cinquante-six, soixante-dix-huit stp", PH,
               "z\xc3\xa9ro six, douze, trente-quatre, cinquante-six, soixante-dix-huit");
    pii_expect(f->det, "mon portable: z\xc3\xa9ro sept, quatre-vingt-onze, vingt et un, quatorze, soixante-trois", PH,
               "z\xc3\xa9ro sept, quatre-vingt-onze, vingt et un, quatorze, soixante-trois");
    pii_expect(f->det, "mi tel\xc3\xa9" "fono es el seis cuatro nueve, veintitr\xc3\xa9s, cuarenta y uno, ochenta y dos", PH,
               "seis cuatro nueve, veintitr\xc3\xa9s, cuarenta y uno, ochenta y dos");
    pii_expect(f->det, "Ruf mich an unter null eins sieben zwei, dreiundzwanzig, vierundvierzig, achtzehn, neunzig", PH,
               "null eins sieben zwei, dreiundzwanzig, vierundvierzig, achtzehn, neunzig");
    pii_expect(f->det, "Rufnummer: null eins f\xc3\xbcnf eins, zwei drei vier f\xc3\xbcnf sechs sieben acht neun", PH,
               "null eins f\xc3\xbcnf eins, zwei drei vier f\xc3\xbcnf sechs sieben acht neun");
    pii_expect(f->det, "chiamami al tre quattro sette, ventitr\xc3\xa9, quarantotto, nove nove", PH,
               "tre quattro sette, ventitr\xc3\xa9, quarantotto, nove nove");
    pii_expect(f->det, "bel me op nul zes, twaalf, vierendertig, zes zeven acht negen", PH,
               "nul zes, twaalf, vierendertig, zes zeven acht negen");
    pii_expect(f->det, "zadzwo\xc5\x84 pod sze\xc5\x9b\xc4\x87 zero dwa, jeden dwa trzy, cztery pi\xc4\x99\xc4\x87 "
                       "sze\xc5\x9b\xc4\x87 jutro", PH,
               "sze\xc5\x9b\xc4\x87 zero dwa, jeden dwa trzy, cztery pi\xc4\x99\xc4\x87 sze\xc5\x9b\xc4\x87");
    pii_expect(f->det, "telefon: s\xc4\xb1" "f\xc4\xb1r be\xc5\x9f \xc3\xbc\xc3\xa7 iki, d\xc3\xb6rt bir sekiz, yedi yedi doksan", PH,
               "s\xc4\xb1" "f\xc4\xb1r be\xc5\x9f \xc3\xbc\xc3\xa7 iki, d\xc3\xb6rt bir sekiz, yedi yedi doksan");
    pii_expect(f->det, "hubungi saya di nol delapan satu dua, tiga empat lima, enam tujuh delapan ya", PH,
               "nol delapan satu dua, tiga empat lima, enam tujuh delapan");
    pii_expect(f->det, "s\xe1\xbb\x91 c\xe1\xbb\xa7" "a anh l\xc3\xa0 kh\xc3\xb4ng ch\xc3\xadn ba, t\xc3\xa1m t\xc3\xa1m "
                       "b\xe1\xbb\x91n, hai m\xe1\xbb\x99t s\xc3\xa1u b\xe1\xba\xa3y", PH,
               "kh\xc3\xb4ng ch\xc3\xadn ba, t\xc3\xa1m t\xc3\xa1m b\xe1\xbb\x91n, hai m\xe1\xbb\x99t s\xc3\xa1u b\xe1\xba\xa3y");
    pii_expect(f->det, "liga pro meu celular: onze, nove um dois tr\xc3\xaas quatro, cinco meia sete oito", PH,
               "onze, nove um dois tr\xc3\xaas quatro, cinco meia sete oito");
    pii_expect(f->det, "my mobile is oh seven seven hundred, nine hundred, oh five two seven", PH,
               "oh seven seven hundred, nine hundred, oh five two seven");
    pii_expect(f->det, "text me on double seven, double oh, nine, double oh, one two three", PH,
               "double seven, double oh, nine, double oh, one two three");
    /* the card a transcript reads out ends where the number does, not at the filler after it */
    pii_expect(f->det, "the card number is four five three two, oh one five one, one two eight three, oh three six six um "
                       "and it expires in May",
               SANCTUM_ENTITY_CREDIT_CARD,
               "four five three two, oh one five one, one two eight three, oh three six six");
}

/* Spoken numbers that are no phone: times, prices, ages, scores, counts, an order number, a countdown. */
static void round11_spoken_negatives(void **state)
{
    pii_fixture *f = *state;
    pii_expect_none(f->det, "the meeting is at twenty three fifteen and costs ninety nine ninety five", -1);
    pii_expect_none(f->det, "he is thirty four, she is twenty two and they have one or two kids", -1);
    pii_expect_none(f->det, "the score was three three, then four four, five five after the break", -1);
    pii_expect_none(f->det, "we have three three-bedroom flats and two two-bedroom flats on offer", -1);
    pii_expect_none(f->det, "order number five five five two one two three four five six is shipping", PH);
    pii_expect_none(f->det, "la cuenta atr\xc3\xa1s: diez nueve ocho siete seis cinco cuatro tres dos uno cero", -1);
    pii_expect_none(f->det, "Preis: neunundneunzig Euro und neunzig Cent, Lieferung in drei bis vier Tagen", -1);
    pii_expect_none(f->det, "il \xc3\xa9tait une fois trois petits cochons et un loup, quatre-vingt-dix ans plus tard", -1);
    pii_expect_none(f->det, "um, so one two three, testing, um, four five", -1);
    pii_expect_none(f->det, "it costs seven hundred and fifty pounds, call me if you want it", -1);
    /* a toll-free hotline said aloud, unless someone says it is theirs */
    pii_expect_none(f->det, "for support call one eight hundred, five five five, two three four five", PH);
    pii_expect_none(f->det, "Hotline: zero eight hundred, one two three, four five six seven", PH);
    pii_expect(f->det, "my number is one eight hundred, five five five, two three four five", PH,
               "one eight hundred, five five five, two three four five");
    /* the phone words alone do not make a count a phone: no length a plan gives */
    pii_expect_none(f->det, "call me in twenty minutes, or text me at eight thirty", PH);
}

/* Numbers read out one digit at a time after the word that names them: a routing number (the ABA check), an
 * account number, an IBAN with its country spelled letter by letter (the mod-97 check). */
static void round11_spoken_bank(void **state)
{
    pii_fixture *f = *state;
    const int32_t BK = SANCTUM_ENTITY_US_BANK_NUMBER, IB = SANCTUM_ENTITY_IBAN_CODE;
    pii_expect(f->det, "[Caller] the routing number is 0 2 1 0 0 0 0 2 1, thanks", BK, "0 2 1 0 0 0 0 2 1");
    pii_expect(f->det, "ok and the account is 4 4 7 1 9 0 2 3 5 6", BK, "4 4 7 1 9 0 2 3 5 6");
    pii_expect(f->det, "my IBAN is D E eight nine three seven zero four zero zero four four zero five three two zero "
                       "one three zero zero zero",
               IB, "D E eight nine three seven zero four zero zero four four zero five three two zero one three zero "
                   "zero zero");
    /* an IBAN in national use outside the SWIFT registry (Iran's Sheba), in Persian text */
    pii_expect(f->det, "\xd8\xb4\xd9\x85\xd8\xa7\xd8\xb1\xd9\x87 \xd8\xb4\xd8\xa8\xd8\xa7 IR062960000000100324200001 \xd8\xa7\xd8\xb3\xd8\xaa",
               IB, "IR062960000000100324200001");
    pii_expect_none(f->det, "ref IR062960000000100324200002", IB);
    /* the routing digits fail the ABA check; no IBAN word; the IBAN fails mod 97 */
    pii_expect_none(f->det, "the routing number is 0 2 1 0 0 0 0 2 2 I think", BK);
    pii_expect_none(f->det, "the ticket code is D E eight nine three seven zero four zero zero four four zero five "
                            "three two zero one three zero zero zero",
                    IB);
    pii_expect_none(f->det, "my IBAN is D E eight nine three seven zero four zero zero four four zero five three two "
                            "zero one three zero zero one",
                    IB);
}

/* National numbers without "+": glued to the words of scripts that write no spaces (Thai, Lao, Khmer), after a
 * phone word of the language (Khmer, Thai, Czech, Slovak, Turkish), and a phone key's value in JSON written
 * with its country code but no "+". */
static void round11_national(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "\xe0\xb9\x80\xe0\xb8\x9a\xe0\xb8\xad\xe0\xb8\xa3\xe0\xb9\x8c\xe0\xb8\xa1\xe0\xb8\xb7\xe0\xb8\xad"
                       "\xe0\xb8\x96\xe0\xb8\xb7\xe0\xb8\xad" "089 765 4321\xe0\xb8\x84\xe0\xb8\xa3\xe0\xb8\xb1\xe0\xb8\x9a",
               PH, "089 765 4321");
    pii_expect(f->det, "\xe1\x9e\x91\xe1\x9e\xbc\xe1\x9e\x9a\xe1\x9e\x9f\xe1\x9f\x90\xe1\x9e\x96\xe1\x9f\x92\xe1\x9e\x91 "
                       "097 765 432",
               PH, "097 765 432");
    pii_expect(f->det, "zavolej mi na 777 123 456 z\xc3\xadtra", PH, "777 123 456");
    pii_expect(f->det, "zavolajte mi na 905 123 456", PH, "905 123 456");
    pii_expect(f->det, "{\"mobile\": 447700900527, \"first_name\": \"Ana\"}", PH, "447700900527");
    pii_expect(f->det, "{\"whatsapp\":\"5511912345678\"}", PH, "5511912345678");
    /* a label's national number is still read as one (the field rule takes only what validates as E.164) */
    pii_expect(f->det, "s\xc4\x91t: 0912345678", PH, "0912345678");
    pii_expect(f->det, "tel: 612345678", PH, "612345678");
    pii_expect(f->det, "no hp saya 081234567890 ya", PH, "081234567890");
    pii_expect_none(f->det, "nomor rekening 081234567890 atas nama saya", PH);
    /* the same digits as a count, an order or an id */
    pii_expect_none(f->det, "objedn\xc3\xa1vka 777 123 456 je na cest\xc4\x9b", PH);
    pii_expect_none(f->det, "{\"order_id\": 447700900527, \"qty\": 2}", PH);
    pii_expect_none(f->det, "{\"phone_count\": 447700900527}", PH);
    pii_expect_none(f->det, "\xe0\xb8\xa2\xe0\xb8\xad\xe0\xb8\x94\xe0\xb8\x82\xe0\xb8\xb2\xe0\xb8\xa2 012 345 678 "
                            "\xe0\xb8\xab\xe0\xb8\x99\xe0\xb9\x88\xe0\xb8\xa7\xe0\xb8\xa2",
                    PH);
}

/* Numbers said in Cyrillic words (Russian, Ukrainian, Bulgarian: hundreds and teens as one says them) and in CJK
 * or Sino-Korean digits written with no space between; the same words as ages, years and counts stay alone. */
static void round11_spoken_scripts(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "позвони мне по номеру восемь девятьсот двадцать шесть триста сорок один ноль семь восемнадцать",
               PH, "восемь девятьсот двадцать шесть триста сорок один ноль семь восемнадцать");
    pii_expect(f->det, "мій номер нуль шістдесят сім, сто двадцять три, сорок, сорок сім",
               PH, "нуль шістдесят сім, сто двадцять три, сорок, сорок сім");
    pii_expect(f->det, "我的电话是一五九 二六三七 〇〇四八，谢谢", PH, "一五九 二六三七 〇〇四八");
    pii_expect(f->det, "携帯は〇八〇 四四一二 七七三九です", PH, "〇八〇 四四一二 七七三九");
    pii_expect(f->det, "제 휴대폰은 공일공 구팔칠육 오사삼이 입니다", PH, "공일공 구팔칠육 오사삼이");
    pii_expect_none(f->det, "мне было двадцать пять лет, а ему тридцать четыре года", -1);
    pii_expect_none(f->det, "заказ номер восемь девятьсот шестнадцать пятьсот пятьдесят пять двенадцать тридцать четыре",
                    PH);
    pii_expect_none(f->det, "今年是二〇二四年，我们一起去了三四五个地方", -1);
    pii_expect_none(f->det, "他买了一二三四五六七八九个苹果", -1);
    pii_expect_none(f->det, "이번 주 일요일 오후 세 시에 만나요", -1);
}

/* Phones, cards and IBANs in Arabic-Indic, Persian, Devanagari, Bengali, Thai and full-width digits: validated on
 * their digits, reported on the original bytes; what fails a check or is a year stays alone. */
static void round11_native_digits(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "شماره موبایل من ۰۹۳۵ ۷۷۱ ۲۰۴۸ است", PH, "۰۹۳۵ ۷۷۱ ۲۰۴۸");
    pii_expect(f->det, "رقم الجوال ٠٥٥ ٢٣٤ ٨٨١٩ من فضلك", PH, "٠٥٥ ٢٣٤ ٨٨١٩");
    pii_expect(f->det, "मेरा मोबाइल नंबर ९८२०० ४४५६७ है", PH, "९८२०० ४४५६७");
    pii_expect(f->det, "আমার ফোন নম্বর ০১৭১২ ৩৪৫৬৭৮", PH, "০১৭১২ ৩৪৫৬৭৮");
    pii_expect(f->det, "เบอร์โทร ๐๘๑ ๒๓๔ ๕๖๗๘ นะคะ", PH, "๐๘๑ ๒๓๔ ๕๖๗๘");
    pii_expect(f->det, "カード番号 ４５３２ ０１５１ １２８３ ０３６６ です", SANCTUM_ENTITY_CREDIT_CARD,
               "４５３２ ０１５１ １２８３ ０３６６");
    pii_expect(f->det, "IBAN: SA٠٣ ٨٠٠٠ ٠٠٠٠ ٦٠٨٠ ١٠١٦ ٧٥١٩", SANCTUM_ENTITY_IBAN_CODE, "SA٠٣ ٨٠٠٠ ٠٠٠٠ ٦٠٨٠ ١٠١٦ ٧٥١٩");
    pii_expect_none(f->det, "カード番号 ４５３２ ０１５１ １２８３ ０３６７ です", SANCTUM_ENTITY_CREDIT_CARD);
    pii_expect_none(f->det, "IBAN: SA٠٣ ٨٠٠٠ ٠٠٠٠ ٦٠٨٠ ١٠١٦ ٧٥١٨", SANCTUM_ENTITY_IBAN_CODE);
    pii_expect_none(f->det, "سال‌های ۱۴۰۱ ۱۴۰۲ ۱۴۰۳ ۱۴۰۴ گذشت", -1);
    pii_expect_none(f->det, "जनसंख्या १२३४५६७ थी", -1);
}

/* A JSON value that closes its object is a value, not a "{placeholder}": numbers under keys that name them. */
static void round11_json_numbers(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "{\"name\": \"x\", \"ssn\": 219099999}", SANCTUM_ENTITY_US_SSN, "219099999");
    pii_expect(f->det, "{\"routing\": \"021000021\", \"account\": 3301928475}", SANCTUM_ENTITY_US_BANK_NUMBER,
               "3301928475");
    pii_expect_none(f->det, "{\"id\": 219099999}", -1);
    pii_expect_none(f->det, "printf(\"{%d}\", 219099999)", -1);
    pii_expect_none(f->det, "value is ${219099999}", -1);
}

/* A number inside typographic quotes or after a dash is not glued to them ("客服电话 010-5555-8372”"); the MICR
 * line of a cheque names its routing and account numbers by its signs; "number" after a Hinglish possessive
 * ("uska number ...") is someone's phone. The same frames with an order word or a count stay alone. */
static void round11_quotes_micr_hinglish(void **state)
{
    pii_fixture *f = *state;
    const int32_t BK = SANCTUM_ENTITY_US_BANK_NUMBER;
    pii_expect(f->det, "translate: \xe2\x80\x9c" "call the front desk on 0161 496 0733\xe2\x80\x9d please", PH, "0161 496 0733");
    pii_expect(f->det, "\xe8\xaf\xb7\xe8\x81\x94\xe7\xb3\xbb\xe2\x80\x9c" "021-6555-0187\xe2\x80\x9d", PH, "021-6555-0187");
    pii_expect(f->det, "read this cheque: \xe2\x91\x86" "021000021\xe2\x91\x86 4471902356\xe2\x91\x88 0731", BK, "021000021");
    pii_expect(f->det, "read this cheque: \xe2\x91\x86" "021000089\xe2\x91\x86 4471902356\xe2\x91\x88 0731", BK, "4471902356");
    pii_expect(f->det, "{\"payee\":\"x\",\"account\":\"021000021 / 4471902356\"}", BK, "021000021");
    pii_expect_none(f->det, "{\"ticket\":\"021000021 / 4471902356\"}", BK);
    pii_expect(f->det, "bhai mera number 98102 44731 hai, save kar lo", PH, "98102 44731");
    pii_expect(f->det, "uski maa ka number 99871 20458 hai", PH, "99871 20458");
    pii_expect_none(f->det, "mera order number 98102 44731 hai", PH);
    pii_expect_none(f->det, "uska score 98102 44731 tha", PH);
    pii_expect_none(f->det, "the figure \xe2\x80\x9c" "12345 67890\xe2\x80\x9d is a count of rows", -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round11_spoken_compounds, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round11_spoken_negatives, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round11_spoken_bank, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round11_national, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round11_spoken_scripts, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round11_native_digits, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round11_json_numbers, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round11_quotes_micr_hinglish, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
