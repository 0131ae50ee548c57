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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round15_script_signatures, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
