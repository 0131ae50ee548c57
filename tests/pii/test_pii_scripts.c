/* PERSON, round 10 (issue 17: names outside Latin script and in lower case on unseen text): the frames
 * of Chinese and Japanese chat, titles of other scripts before a family name, respect words after a name
 * in scripts without capitals, lower-case names in casual chat. New sentences of each class, not the
 * evaluation's, with hard negatives of the same shape (everyday words, places, animals). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "pii_expect.h"
#include "test_util.h"

static const int32_t P = SANCTUM_ENTITY_PERSON;

/* Chinese names (a known surname + one or two characters) after a role or kin noun, and the second of
 * two names joined by 和/跟; the end is a word that follows names or punctuation. */
static void chinese_roles(void **state)
{
    const sanctum_detector *det = pii_det(state);
    const char *two = "我室友周晓雯跟吴俊杰明天去北京看展览";
    pii_expect(det, two, P, "周晓雯");
    pii_expect(det, two, P, "吴俊杰");
    pii_expect(det, "帮我给邻居刘桂芳写张感谢卡", P, "刘桂芳");
    pii_expect(det, "我表姐郭佳怡说她下周到，帮我订个酒店", P, "郭佳怡");
    pii_expect(det, "麻煩幫我回覆老闆鄭志明，說報告週五前交", P, "鄭志明");
    /* role nouns before everyday words */
    pii_expect_none(det, "我朋友和家人都很支持我，同事们也说没问题。", P);
    pii_expect_one_person(det, "通知：请郑秀梅老师明天到二楼开会。", "郑秀梅");
    pii_expect_none(det, "请张贴通知，请关注公众号。", P);
    pii_expect_none(det, "我老板高兴地宣布了新计划。", P);
    pii_expect_none(det, "客户关系管理系统明天上线。", P);
}

/* Japanese names: "surname given" with a space before an honorific or です, and names in kana before
 * an honorific and a particle. */
static void japanese_names(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect(det, "受付の方へ：「高橋 美咲様のお荷物が届いています」", P, "高橋 美咲");
    pii_expect(det, "「中村 健一です。来週の打ち合わせの件でご連絡しました」", P, "中村 健一");
    pii_expect(det, "ゆうこさんに駅で待っていると伝えてください", P, "ゆうこ");
    pii_expect(det, "明日、マリアさんが来ます", P, "マリア");
    /* words that take さん themselves, たくさん, ちゃんと, さんぽ */
    pii_expect_none(det, "みなさん、たくさんのご参加ありがとうございます。", P);
    pii_expect_none(det, "これちゃんと見てね。うさぎさんが好き。", P);
    pii_expect_none(det, "おかあさんとさんぽに行きます。", P);
    /* a surname signing a message with より (from), and a Chinese name after a dash at the end */
    pii_expect_one_person(det, "会議は三時からです。よろしくお願いします。\n松本より", "松本");
    pii_expect_one_person(det, "新年快乐，身体健康！——赵丽华全家", "赵丽华");
    pii_expect_none(det, "今日は昨日より暑いです。東京より大阪のほうが暖かい。", P);
    pii_expect_none(det, "东京比上海更冷——天气预报", P);
    /* a Chinese name opening its line, addressed with 你/您 after the comma */
    pii_expect_one_person(det, "周末安排：\n孙丽娟，妈妈让你明天早点回来", "孙丽娟");
    pii_expect_none(det, "方法，你可以先试试。\n程序员，你好！\n程序，数据，接口都在文档里。", P);
}

/* Titles of other scripts before a family name alone: Greek "Κύριε" + a vocative (a known name or a
 * Greek surname ending), Cyrillic "Уважаемая", Hebrew "מר"/"גברת"; not before a word ("Κύριε Υπουργέ"). */
static void script_titles(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "Κύριε Καραγιαννόπουλε, σας ευχαριστούμε για την πληρωμή.", "Καραγιαννόπουλε");
    pii_expect_one_person(det, "Η κυρία ρώτησε: Κυρία Μανωλάκη, πότε φεύγετε;", "Μανωλάκη");
    pii_expect_one_person(det, "תזכורת: גברת לוי מחכה לך בקבלה", "לוי");
    pii_expect_one_person(det, "Уважаемая Ольга, счёт во вложении.", "Ольга");
    pii_expect_none(det, "Κύριε Πρόεδρε, ευχαριστώ. Κύριε ελέησον.", P);
    pii_expect_none(det, "Уважаемый клиент, ваш заказ отправлен.", P);
    pii_expect_none(det, "הקפה הזה מר מדי בשבילי", P);
    /* a Cyrillic job label, a colon and a known given name (and surname) */
    pii_expect_one_person(det, "Ваш заказ в пути. Водитель: Михаил Соколов, машина белая.", "Михаил Соколов");
    pii_expect_one_person(det, "Відправник: Оксана, Київ", "Оксана");
    pii_expect_none(det, "Курьер: Почта России. Получатель: Склад №3.", P);
}

/* Two words before a respect word in scripts without capitals (Telugu గారు, Tamil அவர்களுக்கு, Urdu
 * صاحبہ), opening a clause; a role before the respect word and Arabic "owner" are none. */
static void respect_words_after(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "\"శ్రీనివాస రెడ్డి గారు, మీ బిల్లు సిద్ధంగా ఉంది\"", "శ్రీనివాస రెడ్డి");
    pii_expect_one_person(det, "\"கமலா சுப்ரமணியம் அவர்களுக்கு, வணக்கம்.\"", "கமலா சுப்ரமணியம்");
    pii_expect_one_person(det, "\"رخسانہ قریشی صاحبہ، آپ کا پارسل آ گیا ہے\"", "رخسانہ قریشی");
    pii_expect_none(det, "\"ڈاکٹر صاحب نے دوا بدل دی\" and \"డాక్టర్ గారు చెప్పారు\"", P);
    pii_expect_none(det, "\"زر الراديو صاحب الخيار\"", P);
}

/* Thai full names after the title คุณ glued to the given name, then the family name. */
static void thai_full_names(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "ขอบคุณคุณสมชาย รัตนพงศ์ ที่ช่วยเหลือ", "สมชาย รัตนพงศ์");
    pii_expect_none(det, "คุณแม่ ทำอาหาร อร่อยมาก", P);
    pii_expect_one_person(det, "สุขสันต์วันเกิดนะ มาลี ขอให้มีความสุข", "มาลี");
    pii_expect_none(det, "สุขสันต์วันเกิดนะ ขอให้มีความสุขมากๆ", P);
    pii_expect_none(det, "ขอบคุณ ทุกคน ที่มาร่วมงาน", P);
}

/* Lower-case names in casual chat: a common given name that is no word before "just" + a speech verb or
 * "is" + a person's state, and a second known name after one with a person word before it; not words
 * before the same phrases. */
static void lower_case_chat(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "omg priya just called, she wants the pics", "priya");
    pii_expect_one_person(det, "wait so ingrid is driving tonight??", "ingrid");
    pii_expect_one_person(det, "stuck on a call with ingrid halvorsen again", "ingrid halvorsen");
    pii_expect_none(det, "the build is coming along and this just said no", P);
    pii_expect_none(det, "summer is coming and winter is here", P);
}

/* "Surname, Given" as the whole value of a mail header's name field, the surname one the lists lack. */
static void header_surname_first(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "From: Quarrington, Matilda\nSent: Tuesday 10:14\nSubject: invoice", "Quarrington, Matilda");
    /* a place after the comma is no given name: no span runs over the pair */
    const char *places = "From: Operations, Florence\nTo: Billing, Austin\n";
    sanctum_detection *d = pii_run(det, places, 0);
    for (size_t i = 0; i < d->count; i++)
        if (d->entities[i].type == P && d->entities[i].end > 17)
            assert_true(d->entities[i].start > 17 && d->entities[i].end - d->entities[i].start < 15);
    sanctum_free(d);
}

/* A Ukrainian genitive in -и of a name in -а after "для"/"від", and a Chinese wish (祝) before a name and
 * a kin word; "Свети" (Saint) before a name, and 祝福 (blessing), are none. */
static void genitives_and_wishes(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "Подарунок для Тетяни вже купили.", "Тетяни");
    pii_expect_one_person(det, "祝王桂兰奶奶身体健康！", "王桂兰");
    pii_expect_none(det, "Острови Свети Мартин и Свети Китс.", P);
    pii_expect_none(det, "祝福大家新年快乐，万事如意！", P);
    /* Hindi postpositions "से" (from) and "को" (to) after a known given name */
    pii_expect_one_person(det, "किताब अमित से वापस ले लेना", "अमित");
    pii_expect_none(det, "किताब बाजार से ले आना और दुकान को बंद करना", P);
}

/* Arabic names with their lineage (بن/بنت) and a family name with the article, the first name one the
 * lists hold as a family name only; "بن" between words that are no names is none. */
static void arabic_lineage(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "the landlord is عبدالله بن ناصر القحطاني and he wants the rent by Sunday",
               "عبدالله بن ناصر القحطاني");
    pii_expect_none(det, "اشتريت بن القهوة من السوق", P);
    /* kin words before a known given name */
    pii_expect_one_person(det, "خالتي مريم ستصل غدا صباحا", "مريم");
    pii_expect_none(det, "خالتي ستصل غدا صباحا مع الأولاد", P);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(chinese_roles, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(japanese_names, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(script_titles, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(respect_words_after, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(thai_full_names, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(lower_case_chat, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(header_surname_first, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(genitives_and_wishes, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(arabic_lineage, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
