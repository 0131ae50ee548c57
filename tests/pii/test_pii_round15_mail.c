/* PII detector, round 15 (issue 17): names in mail, messaging and agent payloads, continued from round 13's
 * mail part. One test per class, in new sentences (not taken from any evaluation file); positives and hard
 * negatives (teams, desks, firms, set phrases, places) in the same frames. */
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

/* A signature in a script without capitals (Han, kana, Hangul, Arabic, Hebrew, the Indic scripts, Thai):
 * the line right under a sign-off of that language ("此致", "敬具", "감사합니다.", "مع التحية،", "בברכה,",
 * "धन्यवाद,", "நன்றி,", "ขอบคุณครับ"), past a "--" rule or one company line, is the writer's name when it
 * has a name's shape: a known surname and a given name (CJK, Hangul with "드림"), or words of one script
 * one of which the name lists know. A team, a desk, a firm or a set phrase under the same sign-off is not. */
static void round15_script_signatures(void **state)
{
    pii_fixture *f = *state;
    const int32_t PE = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "附件是报价单。\n此致\n刘海洋\n采购部主管", PE, "刘海洋");
    pii_expect(f->det, "请查收。\n谢谢！\n--\n周雨桐 | 财务专员\n电话：021-5555-0193", PE, "周雨桐");
    pii_expect(f->det, "ご確認ください。\n敬具\n高橋 健一\n総務部", PE, "高橋 健一");
    pii_expect(f->det, "よろしくお願いいたします。\n--\n株式会社サクラ運輸 経理部\n中村 真理子\nTEL 06-5555-2210", PE,
               "中村 真理子");
    pii_expect(f->det, "자료 보내드립니다.\n감사합니다.\n이수진 드림\n인사팀 대리", PE, "이수진");
    pii_expect(f->det, "고맙습니다\n최민호\n010-5555-2231", PE, "최민호");
    pii_expect(f->det, "نرجو التأكيد.\nمع خالص التحية،\nرانيا الخطيب\nمديرة الحسابات", PE, "رانيا الخطيب");
    pii_expect(f->det, "धन्यवाद,\nराहुल कुलकर्णी\nबिक्री प्रबंधक", PE, "राहुल कुलकर्णी");
    pii_expect(f->det, "நன்றி,\nஅருண் வேலாயுதம்\n+91 94440 55102", PE, "அருண் வேலாயுதம்");
    pii_expect(f->det, "ขอบคุณครับ\nกิตติศักดิ์ บุญมา\nฝ่ายจัดซื้อ", PE, "กิตติศักดิ์ บุญมา");
    pii_expect(f->det, "ধন্যবাদ,\nঅভিজিৎ সেনগুপ্ত\nহিসাব বিভাগ", PE, "অভিজিৎ সেনগুপ্ত");
    /* teams, desks, firms, set phrases and places under the same sign-offs */
    pii_expect_none(f->det, "此致\n敬礼！", PE);
    pii_expect_none(f->det, "谢谢！\n客服中心\n400-555-0100", PE);
    pii_expect_none(f->det, "此致\n上海分公司财务部", PE);
    pii_expect_none(f->det, "敬具\n株式会社みなと商事 総務部", PE);
    pii_expect_none(f->det, "감사합니다.\n고객센터 드림", PE);
    pii_expect_none(f->det, "감사합니다\n고객님", PE);
    pii_expect_none(f->det, "감사합니다.\n김치찌개 맛집", PE);
    pii_expect_none(f->det, "مع التحية،\nفريق الدعم الفني", PE);
    pii_expect_none(f->det, "בברכה,\nצוות התמיכה", PE);
    pii_expect_none(f->det, "धन्यवाद,\nग्राहक सेवा टीम", PE);
    pii_expect_none(f->det, "ขอบคุณค่ะ\nฝ่ายบริการลูกค้า", PE);
    pii_expect_none(f->det, "நன்றி,\nவாடிக்கையாளர் சேவை", PE);
}

/* Chat exports of the apps people in East Asia use: LINE ("21:04\t名前\t..." or with spaces on lines that
 * all open with a time), WeChat and KakaoTalk as copied from the desktop ("名前 2026/10/02 21:07" or
 * "최서준 오후 7:42" alone on the line over the message), a time before "名前:" or "名前 <address>:". The name
 * has a name's shape (known surname and given name); headings, places and system senders in the same
 * frames are none. */
static void round15_cjk_chat_speakers(void **state)
{
    pii_fixture *f = *state;
    const int32_t PE = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "14:02\t松本 恵理\t資料届きました\n14:03\t小林 拓也\tありがとう", PE, "松本 恵理");
    pii_expect(f->det, "14:02\t松本 恵理\t資料届きました\n14:03\t小林 拓也\tありがとう", PE, "小林 拓也");
    pii_expect(f->det, "09:15 高田 亮 おはようございます\n09:16 西田 美穂 おはよう", PE, "高田 亮");
    pii_expect(f->det, "微信 2026-10-02 08:31 黄志强: 明天见", PE, "黄志强");
    pii_expect(f->det, "2026/10/02 08:31 刘婷：收到", PE, "刘婷");
    pii_expect(f->det, "최서준 오후 7:42\n내일 봐요", PE, "최서준");
    pii_expect(f->det, "吴海燕 2026/10/02 21:07\n文件发你了", PE, "吴海燕");
    pii_expect(f->det, "2026年10月2日(金) 9:40 西村 達也 <t.nishimura@mail.example>:", PE, "西村 達也");
    /* headings, places, stops of an itinerary and system senders in the same frames */
    pii_expect_none(f->det, "会议 2026/10/02 14:00\n请准时参加", PE);
    pii_expect_none(f->det, "10:30 王府井 集合", PE);
    pii_expect_none(f->det, "09:00 上海 出发\n11:30 杭州 到达", PE);
    pii_expect_none(f->det, "공지 오후 3:00\n회의실 변경", PE);
    pii_expect_none(f->det, "14:02\t시스템\t알림이 도착했습니다", PE);
    pii_expect_none(f->det, "出发 08:00\n到达 11:30", PE);
    pii_expect_none(f->det, "2026/10/02 08:31 系统通知：您的订单已发货", PE);
}

/* WhatsApp's export puts " - " between the time and the speaker ("12/9/26, 6:05 PM - Name: ..."): a lone
 * given name there is the speaker as after "[9:02 AM]". A step or a room number before " - " is no time. */
static void round15_whatsapp_dash_speakers(void **state)
{
    pii_fixture *f = *state;
    const int32_t PE = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "09.11.26, 21:14 - Mateusz: ok, już jestem", PE, "Mateusz");
    pii_expect(f->det, "4/2/26, 8:31 AM - Oluwaseun: ok, omo I dey come", PE, "Oluwaseun");
    pii_expect(f->det, "[4/2/26, 8:30 AM] Adebayo Okonkwo: hi\n4/2/26, 8:31 AM - Thandiwe: ok, sharp", PE, "Thandiwe");
    pii_expect_none(f->det, "Step 3 - Victoria: the harbour at dusk", PE);
    pii_expect_none(f->det, "12/9/26, 6:05 PM - Messages and calls are end-to-end encrypted.", PE);
    pii_expect_none(f->det, "Release 4.2 - Note: restart the service", PE);
}

/* The line over a quoted reply: a date and time, the writer, and "wrote:" in the mail client's language,
 * before the name ("Hélène a écrit :", "Zofia pisze:", "Tancredi ha scritto:", "Juho kirjoitti:", "Ömer
 * şunu yazdı:") or after it ("schreef Daan:", "schrieb Jörg:", "skrev Viggo:"), maybe with the address
 * beside it. A product, a team or a list that wrote is none; "wrote" without the date frame is prose. */
static void round15_reply_attributions(void **state)
{
    pii_fixture *f = *state;
    const int32_t PE = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "Le jeu. 5 nov. 2026 à 09:12, Gaëlle a écrit :\n> d'accord", PE, "Gaëlle");
    pii_expect(f->det, "Le 5 nov. 2026 à 09:12, Gaëlle Rivoire <g.rivoire@mail.example> a écrit :", PE,
               "Gaëlle Rivoire");
    pii_expect(f->det, "Op do 5 nov. 2026 om 09:12 schreef Sanne:\n> klopt", PE, "Sanne");
    pii_expect(f->det, "W dniu 5.11.2026 o 09:12, Agnieszka pisze:\n> jasne", PE, "Agnieszka");
    pii_expect(f->det, "Am 05.11.2026 um 09:12 schrieb Wiebke Andersen:", PE, "Wiebke Andersen");
    pii_expect(f->det, "Den tors 5 nov. 2026 kl 09:12 skrev Linnea:", PE, "Linnea");
    pii_expect(f->det, "Il giorno gio 5 nov 2026 alle ore 09:12 Ottavio ha scritto:", PE, "Ottavio");
    pii_expect(f->det, "to 5.11.2026 klo 9.12 Aino kirjoitti:", PE, "Aino");
    pii_expect(f->det, "5 Kas 2026 Per 09:12 tarihinde Zeynep şunu yazdı:", PE, "Zeynep");
    pii_expect(f->det, "On Thu, 5 Nov 2026 at 09:12, Sunniva wrote:", PE, "Sunniva");
    /* a product, a team or a list, and "wrote" with no date before it */
    pii_expect_none(f->det, "Le 5 nov. 2026 à 09:12, Google Agenda a écrit :", PE);
    pii_expect_none(f->det, "Am 05.11.2026 um 09:12 schrieb Kundenservice:", PE);
    pii_expect_none(f->det, "On Thu, 5 Nov 2026 at 09:12, GitHub wrote:", PE);
    pii_expect_none(f->det, "W dniu 5.11.2026 o 09:12, Allegro pisze:", PE);
    pii_expect_none(f->det, "As the Bible wrote:", PE);
}

/* Outlook's "Last, First" in a From/To/Cc header, as forwarded and quoted: the given name written with its
 * accents ("Siobhán", "Seán", "Zoë"), a given name of two words ("Nguyen, Bao Anh"), the header quoted with
 * ">" in a reply. A firm or a place written "X, Y" in the same headers stays what it is. */
static void round15_header_last_first(void **state)
{
    pii_fixture *f = *state;
    const int32_t PE = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "From: Kavanagh, Siobhán <s.kavanagh@mail.example>\nSent: Monday", PE, "Kavanagh, Siobhán");
    pii_expect(f->det, "To: Doyle, Seán\nSubject: rota", PE, "Doyle, Seán");
    pii_expect(f->det, "Cc: Pham, Thu Trang <thu.pham@mail.example>", PE, "Pham, Thu Trang");
    pii_expect(f->det, "> From: Lindqvist, Astrid <a.lindqvist@mail.example>\n> Sent: Friday", PE, "Lindqvist, Astrid");
    pii_expect(f->det, "> To: Tran, Minh Chau", PE, "Tran, Minh Chau");
    /* firms and places in the same headers */
    pii_expect_none(f->det, "From: Acme, Inc. <billing@acme.example>", PE);
    pii_expect_none(f->det, "To: Sales, Europe\nSubject: targets", PE);
    pii_expect_none(f->det, "> To: Marketing, EMEA", PE);
    pii_expect_none(f->det, "> Subject: Paris, Texas screening", PE);
}

/* Numbers quoted with the marks of other languages: guillemets ("«...»" in French, Italian, Russian,
 * Swiss German mail), German and Polish low-high quotes ("„...“"), CJK corner brackets ("「...」"), Spanish
 * "¿...?": the mark ends the number as a space does. An IBAN or a card glued to letters, or one whose check
 * fails, stays none. */
static void round15_numbers_in_quote_marks(void **state)
{
    pii_fixture *f = *state;
    pii_expect(f->det, "il bonifico sull'IBAN «CH9300762011623852957», grazie", SANCTUM_ENTITY_IBAN_CODE,
               "CH9300762011623852957");
    pii_expect(f->det, "Bitte auf „DE89 3704 0044 0532 0130 00“ überweisen", SANCTUM_ENTITY_IBAN_CODE,
               "DE89 3704 0044 0532 0130 00");
    pii_expect(f->det, "口座は「GB82WEST12345698765432」です", SANCTUM_ENTITY_IBAN_CODE, "GB82WEST12345698765432");
    pii_expect(f->det, "карта «4111111111111111», срок 09/29", SANCTUM_ENTITY_CREDIT_CARD, "4111111111111111");
    pii_expect(f->det, "mon numéro «+33 6 12 34 56 78» si besoin", SANCTUM_ENTITY_PHONE_NUMBER, "+33 6 12 34 56 78");
    pii_expect(f->det, "¿4111111111111111? es la tarjeta de mi madre", SANCTUM_ENTITY_CREDIT_CARD, "4111111111111111");
    /* glued to letters, or failing its check */
    pii_expect_none(f->det, "réf «CH9300762011623852958»", SANCTUM_ENTITY_IBAN_CODE);
    pii_expect_none(f->det, "code éCH9300762011623852957", SANCTUM_ENTITY_IBAN_CODE);
    pii_expect_none(f->det, "lot «4111111111111112»", SANCTUM_ENTITY_CREDIT_CARD);
}

/* An out-of-office reply hands over a colleague's number in brackets after the name ("wenden Sie sich an
 * Frau Lange (030 5557 2190)"): a national number the phone rules score below the threshold alone is the
 * named person's when a person's name stands right before the bracket. After a place, a product or a word
 * the bracket is no contact. */
static void round15_number_after_name(void **state)
{
    pii_fixture *f = *state;
    const int32_t PH = SANCTUM_ENTITY_PHONE_NUMBER;
    pii_expect(f->det, "In dringenden Fällen wenden Sie sich an Frau Brigitte Lange (030 5557 2190).", PH,
               "030 5557 2190");
    pii_expect(f->det, "Vertretung: Herr Matthias Vogt (040 5555 8812)", PH, "040 5555 8812");
    pii_expect_none(f->det, "Standort Berlin (030 5557 2190)", PH);
    pii_expect_none(f->det, "Bestellung 2 (030 5557 2190)", PH);
}

/* Round 15's frames at the text's very end and very start, from a buffer of exactly the text's bytes (a
 * literal's NUL would hide a read past the end; ASan runs find it): every prefix and every suffix of each text
 * (a cut inside a character is refused as invalid UTF-8). */
static void round15_frames_at_text_edges(void **state)
{
    pii_fixture *f = *state;
    static const char *const TEXTS[] = {
        "此致\n刘海洋\n采购部", "谢谢！\n--\n周雨桐 | 财务专员", "敬具\n株式会社サクラ運輸\n中村 真理子",
        "감사합니다.\n이수진 드림", "مع خالص التحية،\nرانيا الخطيب", "धन्यवाद,\nराहुल कुलकर्णी",
        "14:02\t松本 恵理\t資料", "09:15 高田 亮 おは\n09:16 西田 美穂 お", "2026/10/02 08:31 刘婷：收到",
        "吴海燕 2026/10/02 21:07\n文件", "최서준 오후 7:42\n내일", "12/9/26, 6:05 PM - Kofi: ok",
        "Le 5 nov. 2026 à 09:12, Gaëlle <g@x.example> a écrit :", "Op do 5 nov. 2026 om 09:12 schreef Sanne:",
        "> To: Tran, Minh Chau", "From: Kavanagh, Siobhán", "IBAN «CH9300762011623852957»",
        "「GB82WEST12345698765432」", "¿4111111111111111?", "Frau Brigitte Lange (030 5557 2190)", NULL};
    pii_expect_clean_edges(f->det, TEXTS);
    pii_expect(f->det, "此致\n刘海洋", SANCTUM_ENTITY_PERSON, "刘海洋");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round15_script_signatures, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_cjk_chat_speakers, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_whatsapp_dash_speakers, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_reply_attributions, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_header_last_first, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_numbers_in_quote_marks, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_number_after_name, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_frames_at_text_edges, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
