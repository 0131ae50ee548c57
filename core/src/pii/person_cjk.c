/* PERSON in scripts written without spaces: Chinese and Japanese names in Han characters, Korean names in
 * Hangul ("联系人：王小明", "田中太郎は", "이름: 김민준"). A name starts with a known surname (the generated
 * tables in names_cjk_data.c) and is taken only with evidence, because surname characters start many
 * ordinary words (方法, 金额, 程序, 이메일, 설정은): a label with a separator, a JSON name key, a naming
 * phrase, a chat-log speaker, an honorific, a person verb before and a verb after, or (Japanese, Korean) a
 * given name from the tables with a particle after it. Honorifics alone ("王伟先生", "田中さん") are
 * person_scripts.c's. */
#include <string.h>

#include "names.h"
#include "person.h"

enum { CJK_NONE = 0, CJK_HAN, CJK_HANGUL, CJK_KANA };

/* Script of the three-byte character at s[p] (0 when it is none of them); *cp is its code point. */
static int cjk_class(const uint8_t *s, size_t n, size_t p)
{
    if (p + 3 > n || s[p] < 0xE3 || s[p] > 0xED || (s[p + 1] & 0xC0) != 0x80 || (s[p + 2] & 0xC0) != 0x80)
        return CJK_NONE;
    uint32_t cp = ((uint32_t)(s[p] & 0x0Fu) << 12) | ((uint32_t)(s[p + 1] & 0x3Fu) << 6) | (s[p + 2] & 0x3Fu);
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))
        return CJK_HAN;
    if (cp >= 0xAC00 && cp <= 0xD7A3)
        return CJK_HANGUL;
    if (cp >= 0x3041 && cp <= 0x30FF)
        return CJK_KANA;
    return CJK_NONE;
}

/* Flags of the key k[0..n) in a generated table (binary search over its sorted keys), 0 when absent. */
static unsigned table_find(const uint32_t *slots, uint32_t count, const char (*blob)[4096], const uint8_t *k,
                           size_t n)
{
    uint32_t lo = 0, hi = count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        uint32_t pos = slots[mid] >> 3;
        const uint8_t *e = (const uint8_t *)&blob[pos >> 12][pos & 4095u];
        size_t el = strlen((const char *)e);
        int c = memcmp(e, k, el < n ? el : n);
        if (c == 0)
            c = el < n ? -1 : (el > n ? 1 : 0);
        if (c == 0)
            return slots[mid] & 7u;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static unsigned surname_at(const uint8_t *s, size_t p, size_t chars)
{
    return table_find(sc_cjk_surnames, sc_cjk_surnames_count, sc_cjk_surnames_blob, s + p, chars * 3);
}
unsigned pii_cjk_surname(const uint8_t *s, size_t p, size_t chars)
{
    return surname_at(s, p, chars);
}
static unsigned given_at(const uint8_t *s, size_t p, size_t chars)
{
    return table_find(sc_cjk_given, sc_cjk_given_count, sc_cjk_given_blob, s + p, chars * 3);
}
unsigned pii_cjk_given(const uint8_t *s, size_t p, size_t chars)
{
    return given_at(s, p, chars);
}

/* (person.h) */
size_t pii_cjk_ends_with(const uint8_t *s, size_t p, const char *const *list)
{
    for (size_t k = 0; list[k] != NULL; k++) {
        size_t l = strlen(list[k]);
        if (l <= p && memcmp(s + p - l, list[k], l) == 0)
            return l;
    }
    return 0;
}
size_t pii_cjk_starts_with(const uint8_t *s, size_t n, size_t p, const char *const *list)
{
    for (size_t k = 0; list[k] != NULL; k++) {
        size_t l = strlen(list[k]);
        if (p + l <= n && memcmp(s + p, list[k], l) == 0)
            return l;
    }
    return 0;
}

/* Labels of a name field ("联系人：", "氏名", "이름"), and verbs only people take before a Chinese name. */
static const char *const LABELS[] = {"联系人", "姓名", "名字", "收件人", "收货人", "负责人", "申请人", "发件人",
                                     "寄件人", "客户", "氏名", "名前", "担当者", "宛名", "差出人", "이름", "성명",
                                     "담당자", "작성자", "보낸사람", "받는사람",
                                     /* mail headers of the CJK mail clients (round 13): To, Cc, From */
                                     "宛先", "送信者", "受信者", "收件者", "寄件者", "副本", "抄送人", "보낸 사람",
                                     "받는 사람",
                                     /* an account or transfer's holder (round 11) */
                                     "名义", "名義", "名義人", "口座名義", "口座名義人", "振込名義", "户名", "開戶名",
                                     "开户名", "账户名", "收款人", "예금주", NULL};
/* Phrases that introduce a name without a separator ("我叫王伟"). */
static const char *const NAMING[] = {"我叫", "叫做", "名叫", NULL};
static const char *const LEFT_VERBS[] = {"告诉", "通知", "联系", "问问", "请问", "找", "叫", "让", "给", "和",
                                         "跟", "与", "感谢", "谢谢", "提醒", "转告", "抄送", "问", "告訴", "聯繫",
                                         "聯絡", "請問", "讓", "給", "與", "謝謝", "轉告", "問", "祝", "请", "請", "以", NULL};
/* After a name: honorifics and titles (evidence alone), then speech and person verbs and contact
 * possessives (only with a label or verb before: "公司的电话", "程序说" are no names). */
static const char *const HONORIFICS[] = {"先生", "女士", "小姐", "老师", "经理", "医生", "同学", "教授", "博士",
                                         "阿姨", "师傅", "さん", "様", "氏", "くん", "君", "ちゃん", "殿",
                                         "先輩", "部長", "課長", "奶奶", "爷爷", "爺爺", "叔叔", NULL};
static const char *const RIGHT_VERBS[] = {"说", "表示", "告诉", "打电话", "发来", "回复", "负责", "的电话",
                                          "的手机", "的邮箱", "的地址", "說", "告訴", "打電話", "發來", "回覆",
                                          "負責", "的電話", "的手機", "的郵箱", "的名义", "的名義", NULL};
/* Verbs that take only a person as their object ("提醒", "转告": remind, pass on), and what starts the
 * clause after the object (a time word, 把, 在, 要 ...): between them is a name ("请提醒王芳明天把路由器带回来").
 * Not after 和/跟/与/给/让: "和方法也..." is no name. */
static const char *const PERSON_OBJECT_VERBS[] = {"告诉", "提醒", "转告", "感谢", "谢谢", "抄送", "问问",
                                                  NULL};
static const char *const CLAUSE_START[] = {"明天", "今天", "昨天", "后天", "上午", "下午", "晚上", "早上", "中午",
                                           "下周", "下班", "周一", "周二", "周三", "周四", "周五", "把", "在", "要",
                                           "去", "来", "已经", "尽快", "马上", "一下", "记得", "别忘", NULL};
/* Japanese particles that end a name written in kanji. */
static const char *const JA_PARTICLES[] = {"は", "が", "を", "に", "と", "の", "へ", "も", "から", "より", "です",
                                           "でございます", NULL};
/* Korean particles glued to a name: a name written as surname + given is whole before them (longest
 * first: the lists are matched in order). */
static const char *const KO_PARTICLES[] = {"에게서", "한테서", "에게", "한테", "이랑", "께서", "이", "가", "은",
                                           "는", "을", "를", "의", "께", "와", "과", "도", "님", "씨", "랑", NULL};

/* An ASCII key or label naming a person right before p: `"name": "`, `first_name=`, `Contact: `. */
static bool ascii_name_key(const uint8_t *s, size_t p)
{
    size_t q = p, skipped = 0;
    bool sep = false; /* a key needs a key-value separator: "clientname 설정은" is prose */
    while (q > 0 && skipped < 6 && (s[q - 1] == '"' || s[q - 1] == '\'' || s[q - 1] == ' ' || s[q - 1] == ':' ||
                                    s[q - 1] == '=')) {
        sep = sep || s[q - 1] == ':' || s[q - 1] == '=';
        q--, skipped++;
    }
    if (!sep)
        return false;
    size_t e = q;
    while (q > 0 && (pii_is_alpha(s[q - 1]) || s[q - 1] == '_'))
        q--;
    size_t l = e - q;
    if (l < 4 || l > 20)
        return false;
    for (size_t i = q; i + 4 <= e; i++)
        if (pii_word_eq(s + i, 4, "name"))
            return true;
    static const char *const KEYS[] = {"contact", "customer", "author", "owner", "sender", "recipient",
                                       "assignee", NULL};
    return word_in(s + q, l, KEYS);
}

/* Left evidence before p (the start of a name): 2 a label or key, 1 a person verb, 0 nothing. */
static int left_evidence(const uint8_t *s, size_t p)
{
    size_t q = p;
    bool colon = false;
    /* separators between a label and the name: spaces, colons, quotes, brackets */
    static const char *const SEPS[] = {"：", "　", "「", "『", "“", NULL};
    for (int k = 0; k < 4; k++) {
        size_t l = pii_cjk_ends_with(s, q, SEPS);
        if (l > 0) {
            colon = colon || l != 3 || memcmp(s + q - 3, "　", 3) != 0;
            q -= l;
        } else if (q > 0 && (s[q - 1] == ' ' || s[q - 1] == ':' || s[q - 1] == '"')) {
            colon = colon || s[q - 1] != ' ';
            q--;
        } else {
            break;
        }
    }
    /* a label only with a separator after it: "名字：王伟", not "与名字关联"; Korean puts spaces between
     * words, so there only a colon or quote makes one ("이름: 최지훈", not "파일 이름 인수가") */
    bool hangul = s[p] >= 0xEA && s[p] <= 0xED; /* p is the start of a Han or Hangul character */
    if ((q != p && (colon || !hangul) && pii_cjk_ends_with(s, q, LABELS) > 0) || pii_cjk_ends_with(s, q, NAMING) > 0 ||
        ascii_name_key(s, p))
        return 2;
    if (q == p && pii_cjk_ends_with(s, q, LEFT_VERBS) > 0)
        return 1;
    return 0;
}

/* A chat log speaker: "[10:02] 王小红：" first on its line. Without the time a word before a colon is as
 * often a heading ("경고:", "颜色：", "文档：") as a name. */
static bool speaker(pii_scan *sc, size_t a, size_t e)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (!(e < n && (s[e] == ':' || (e + 3 <= n && memcmp(s + e, "：", 3) == 0))))
        return false;
    size_t q = a;
    if (q > 0 && s[q - 1] == ' ')
        q--;
    if (q == 0 || s[q - 1] != ']')
        return false;
    bool digit = false;
    /* a timestamp is short: the walk back to its '[' is bounded (a line of "]王伟：" was walked back once
     * per name: n^2) */
    size_t close = q;
    for (; q > 0 && close - q < 32 && s[q - 1] != '[' && s[q - 1] != '\n'; q--)
        if (pii_is_digit(s[q - 1]))
            digit = true;
    if (q == 0 || s[q - 1] != '[' || !digit)
        return false;
    q--;
    /* a time in the brackets ("[20:14]", "[오후 3:12]") is a chat export's even after an app's name on the
     * line ("WeChat 群聊 [20:14] 王建国："); a date alone ("[2026-03-01] 文档：") only opening its line */
    return q == 0 || s[q - 1] == '\n' || memchr(s + q, ':', a - q) != NULL;
}

/* A self-introduction before a Chinese name: "我是刘晓峰，", "我就是..." (round 11). */
static const char *const ZH_INTRO[] = {"我是", "我就是", "这里是", "這裡是", NULL};
/* A phone or contact word, or seven digits, on the line after p: the caller leaves a number. */
static bool zh_number_after(const uint8_t *s, size_t n, size_t p)
{
    static const char *const PHONE[] = {"电话", "電話", "手机", "手機", "号码", "號碼", "微信", "回电", "回電", NULL};
    size_t digits = 0, lim = p + 60 < n ? p + 60 : n;
    for (size_t q = p; q < lim && s[q] != '\n'; q++) {
        if (pii_is_digit(s[q]) && ++digits >= 7)
            return true;
        if (s[q] >= 0xE4 && pii_cjk_starts_with(s, n, q, PHONE) > 0)
            return true;
    }
    return false;
}

static void add_name(pii_scan *sc, size_t a, size_t e, double score, uint32_t ev)
{
    const char *why;
    if (!pii_in_code(sc, a, e, &why))
        pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, a, e, score, ev);
}

/* Japanese: surname (two or three kanji) + a given name of two or more characters from the tables,
 * then a particle or an honorific (or, after a label, the end of the run); "田中 太郎" with a space
 * too. Shorter pairs are ordinary words as often (関連, 大西洋, 原始). Returns the end of the name or 0. */
static size_t japanese(const uint8_t *s, size_t n, size_t a, size_t slen, int left)
{
    if (slen < 2)
        return 0;
    size_t g = a + slen * 3;
    if (g < n && s[g] == ' ')
        g++;
    else if (g + 3 <= n && memcmp(s + g, "　", 3) == 0)
        g += 3;
    for (size_t gl = 4; gl >= 2; gl--) {
        size_t e = g + gl * 3;
        if (e > n || !(given_at(s, g, gl) & SC_CJK_JA))
            continue;
        for (size_t i = g; i < e; i += 3)
            if (cjk_class(s, n, i) == CJK_NONE)
                goto next;
        if (pii_cjk_starts_with(s, n, e, JA_PARTICLES) || pii_cjk_starts_with(s, n, e, HONORIFICS) ||
            (left == 2 && cjk_class(s, n, e) == CJK_NONE))
            return e;
    next:;
    }
    return 0;
}

/* A name in a run of Han characters [a, b) starting at p: returns its end, or 0. */
static size_t han_name(pii_scan *sc, size_t a, size_t b, size_t p)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* a surname first (most characters start none), then a name starts at the run's start or right
     * after a label or verb inside the run */
    bool any = false;
    for (size_t sl = 1; sl <= 3 && !any && p + sl * 3 <= b; sl++)
        any = surname_at(s, p, sl) != 0;
    if (!any)
        return 0;
    int left = left_evidence(s, p);
    if (left <= 1) {
        size_t e = pii_cjk_after_role(sc, a, b, p); /* "我同事陈思雨和...": person_cjk_roles.c */
        e = e > 0 ? e : pii_cjk_signoff(s, n, a, b, p); /* "佐藤より", "——张强全家" */
        if (e > 0) {
            add_name(sc, p, e, 0.8, SANCTUM_EV_GAZETTEER_LAST | SANCTUM_EV_CONTEXT_BEFORE);
            return e;
        }
    }
    /* "我是" + a surname and a two-character given name ending the run: a name when the given name is
     * one the tables hold or a number follows ("我是学生", "我是北京人": no surname, too short) */
    if (left == 0 && pii_cjk_ends_with(s, p, ZH_INTRO) > 0) {
        for (size_t sl = 1; sl <= 2; sl++) {
            size_t e = p + (sl + 2) * 3;
            if (e == b && (surname_at(s, p, sl) & SC_CJK_ZH) &&
                ((given_at(s, p + sl * 3, 2) & SC_CJK_ZH) || zh_number_after(s, n, e))) {
                add_name(sc, p, e, 0.8, SANCTUM_EV_GAZETTEER_LAST | SANCTUM_EV_CONTEXT_BEFORE);
                return e;
            }
        }
    }
    if (p != a && left == 0)
        return 0;
    for (size_t sl = 3; sl >= 1; sl--) {
        if (p + sl * 3 > b)
            continue;
        unsigned f = surname_at(s, p, sl);
        if (f == 0)
            continue;
        size_t e;
        if ((f & SC_CJK_JA) && (e = japanese(s, n, p, sl, left)) != 0) {
            bool hon = pii_cjk_starts_with(s, n, e, HONORIFICS) > 0; /* "佐藤 健太さん": the whole name, not 健太 */
            add_name(sc, p, e, left > 0 || hon ? 0.9 : 0.8, SANCTUM_EV_GAZETTEER_LAST | SANCTUM_EV_GAZETTEER_FIRST);
            return e;
        }
        if (!(f & SC_CJK_ZH) || sl > 2)
            continue;
        /* Chinese: a given name of one or two characters, then an honorific (or a verb after a label or
         * verb), a speaker's colon, or the end of the run after a label */
        for (int pass = 0; pass < 2; pass++)
            for (size_t gl = 2; gl >= 1; gl--) {
                e = p + (sl + gl) * 3;
                if (e > b)
                    continue;
                bool hon = pii_cjk_starts_with(s, n, e, HONORIFICS) > 0;
                bool verb = left > 0 && (pii_cjk_starts_with(s, n, e, RIGHT_VERBS) > 0 ||
                                         (left == 1 && pii_cjk_ends_with(s, p, PERSON_OBJECT_VERBS) > 0 &&
                                          pii_cjk_starts_with(s, n, e, CLAUSE_START) > 0));
                bool spk = e == b && p == a && speaker(sc, p, e);
                if (pass == 0 ? !(hon || verb || spk) : !(e == b && left == 2))
                    continue;
                double score = left == 2 || spk || hon ? 0.85 : 0.75;
                add_name(sc, p, e, score,
                         SANCTUM_EV_GAZETTEER_LAST | (hon ? SANCTUM_EV_TITLE : 0) |
                             (left > 0 || spk ? SANCTUM_EV_CONTEXT_BEFORE : SANCTUM_EV_CONTEXT_AFTER));
                return e;
            }
    }
    return 0;
}

/* A chat mention or speaker that is the whole run: "@张子涵" (a Chinese surname and two characters, or one
 * the tables hold),
 * a LINE speaker before 「 opening its line or after ": " or "」 " ("美咲「...」", a Japanese given
 * name the tables hold). */
static bool chat_name_run(pii_scan *sc, size_t a, size_t b)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, chars = (b - a) / 3;
    if (chars < 2 || chars > 4)
        return false;
    if (a > 0 && s[a - 1] == '@') {
        /* not the group's own mentions: @所有人 (everyone), @全体成员 (all members), @管理员, @群主 */
        static const char *const GROUP[] = {"所有人", "全体成员", "全體成員", "管理员", "管理員", "群主", NULL};
        if (pii_cjk_starts_with(s, n, a, GROUP) == b - a)
            return false;
        /* a one-character given name only when the tables hold it or a chat message opens with the mention
         * ("王建国：@李娜 ..."): "@文件" (@file) in a usage line is a word */
        bool opens_message = a >= 4 && memcmp(s + a - 4, "：", 3) == 0;
        for (size_t sl = 1; sl <= 2 && sl < chars; sl++)
            if ((surname_at(s, a, sl) & SC_CJK_ZH) &&
                (chars - sl == 2 ||
                 (chars - sl == 1 && (opens_message || (given_at(s, a + sl * 3, 1) & SC_CJK_ZH))))) {
                /* a display name, not a handle: pii_in_code takes "@word" inside a sentence for one */
                pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, a, b, 0.85,
                        SANCTUM_EV_GAZETTEER_LAST | SANCTUM_EV_CONTEXT_BEFORE);
                return true;
            }
        return false;
    }
    static const char *const QUOTE[] = {"「", NULL};
    if (pii_cjk_starts_with(s, n, b, QUOTE) == 0)
        return false;
    bool opens = a == 0 || s[a - 1] == '\n' || (a >= 2 && s[a - 1] == ' ' && s[a - 2] == ':') ||
                 (a >= 4 && s[a - 1] == ' ' && pii_cjk_ends_with(s, a - 1, (const char *const[]){"」", NULL}) > 0);
    if (opens && chars <= 3 && (given_at(s, a, chars) & SC_CJK_JA)) {
        add_name(sc, a, b, 0.8, SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_CONTEXT_AFTER);
        return true;
    }
    return false;
}

static void han_run(pii_scan *sc, size_t a, size_t b)
{
    if (pii_cjk_starts_with(sc->s, sc->n, a, LABELS) == b - a)
        return; /* "姓名：" is the label, not a name */
    if (chat_name_run(sc, a, b))
        return;
    for (size_t p = a; p < b && !sc->oom;) {
        size_t e = han_name(sc, a, b, p);
        p = e > p ? e : p + 3;
    }
}

/* A Hangul word [a, b): surname + two-syllable given name (+ particle), with a label, key or chat
 * speaker position before it, or a given name from the tables and a particle only people take after it
 * (에게, 한테, 께, 씨, 님...). Sino-Korean words split the same way (설정은, 소유주를, 지정은), so a
 * name from the tables alone is not enough. */
static const char *const KO_PERSON_PARTICLES[] = {"에게서", "한테서", "에게", "한테", "이랑", "께서", "께", "씨",
                                                  "님", "랑", NULL};
/* Korean job and kin titles written after a name (the longest first where one starts another) */
static const char *const KO_TITLES[] = {"팀장", "과장", "부장", "차장", "대리", "사장", "실장", "이사", "교수", "선배",
                                        "후배", "원장", "대표", "작가", "기자", "감독", "코치", "매니저", "주임",
                                        "회장", "선생", "박사", "변호사", "의사", "간호사", "씨", "님", NULL};
/* A surname and a given name from the tables (three syllables) starting at p, opening a word. */
static bool ko_known_full(const uint8_t *s, size_t n, size_t p)
{
    if (p + 9 > n || (p > 0 && s[p - 1] != ' ' && s[p - 1] != ',' && s[p - 1] != '\n'))
        return false;
    for (size_t i = p; i < p + 9; i += 3)
        if (cjk_class(s, n, i) != CJK_HANGUL)
            return false;
    return (surname_at(s, p, 1) & SC_CJK_KO) && (given_at(s, p + 3, 2) & SC_CJK_KO);
}

static void hangul_word(pii_scan *sc, size_t a, size_t b)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t chars = (b - a) / 3;
    /* a given name called with the vocative 아/야 opening a chat message: "[오후 9:15] 김도윤: 민지야" */
    if (chars == 3 && a >= 2 && s[a - 1] == ' ' && s[a - 2] == ':' && (given_at(s, a, 2) & SC_CJK_KO) &&
        (memcmp(s + a + 6, "아", 3) == 0 || memcmp(s + a + 6, "야", 3) == 0)) {
        size_t q = a - 2;
        while (q >= 3 && a - q < 30 && s[q - 3] >= 0xEA && s[q - 3] <= 0xED)
            q -= 3; /* a speaker's name is short: the walk is bounded */
        if (q < a - 2 && speaker(sc, q, a - 2)) {
            add_name(sc, a, a + 6, 0.8, SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_CONTEXT_BEFORE);
            return;
        }
    }
    if (chars < 2 || !(surname_at(s, a, 1) & SC_CJK_KO) || pii_cjk_starts_with(s, n, a, LABELS) == b - a)
        return; /* "이름:" is the label, not a name */
    int left = left_evidence(s, a);
    size_t e = a + 9; /* surname + two syllables */
    if (e > b)
        return;
    size_t rest = b - e;
    bool known = (given_at(s, a + 3, 2) & SC_CJK_KO) != 0;
    /* a self-introduction: "박지민입니다", "최수아예요" (a given name the tables hold: "정보팀입니다" is a team) */
    static const char *const KO_INTRO[] = {"입니다", "이에요", "예요", "이고요", "이라고", "라고", NULL};
    /* ...said by the speaker: "저는"/"나는"/"제 이름은" or a greeting before it, or the start of the line
     * ("구성원입니다", "is a member", follows a noun) */
    static const char *const KO_SELF[] = {"저는 ", "나는 ", "전 ", "난 ", "저 ", "이름은 ", "안녕하세요, ", "안녕하세요 ",
                                          "여보세요, ", "여보세요 ", "네, ", NULL};
    bool self = a == 0 || s[a - 1] == '\n' || pii_cjk_ends_with(s, a, KO_SELF) > 0;
    if (known && self && rest > 0 && pii_cjk_starts_with(s, n, e, KO_INTRO) == rest) {
        add_name(sc, a, e, 0.85, SANCTUM_EV_GAZETTEER_LAST | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_CONTEXT_AFTER);
        return;
    }
    /* round 13: two names from the tables in a list ("박서연, 이도윤 참석합니다"): each is the other's evidence */
    if (known && (rest == 0 || pii_cjk_starts_with(s, n, e, KO_PARTICLES) == rest) &&
        ((rest == 0 && b + 2 < n && s[b] == ',' && s[b + 1] == ' ' && ko_known_full(s, n, b + 2)) ||
         (a >= 11 && s[a - 1] == ' ' && s[a - 2] == ',' && ko_known_full(s, n, a - 11)))) {
        add_name(sc, a, e, 0.8, SANCTUM_EV_GAZETTEER_LAST | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_CONTEXT_AFTER);
        return;
    }
    /* round 13: a job or kin title (with 님 or a particle) after the spaced name: "김지훈 팀장님이", "박서연
     * 과장", "이도윤 선배님" - a given name the tables hold ("마케팅 팀장님": no name) */
    if (known && rest == 0 && b + 1 < n && s[b] == ' ' && pii_cjk_starts_with(s, n, b + 1, KO_TITLES) > 0) {
        add_name(sc, a, e, 0.85, SANCTUM_EV_GAZETTEER_LAST | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_TITLE);
        return;
    }
    if (rest > 0 && pii_cjk_starts_with(s, n, e, KO_PARTICLES) != rest)
        return;
    bool spk = rest == 0 && speaker(sc, a, e);
    if (left == 2 || spk)
        add_name(sc, a, e, known ? 0.9 : 0.85, SANCTUM_EV_GAZETTEER_LAST | SANCTUM_EV_CONTEXT_BEFORE);
    else if (known && rest > 0 && pii_cjk_starts_with(s, n, e, KO_PERSON_PARTICLES) == rest)
        add_name(sc, a, e, 0.8, SANCTUM_EV_GAZETTEER_LAST | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_CONTEXT_AFTER);
}

void pii_cjk_names(pii_scan *sc)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* the UTF-8 check found the first non-ASCII byte: all-ASCII text (most chat) is not walked again */
    for (size_t p = sc->first_high; p < n; p++) {
        p = pii_skip_ascii(s, p, n); /* most text is ASCII */
        if (p >= n)
            break;
        if (s[p] < 0xE3 || s[p] > 0xED)
            continue;
        int cls = cjk_class(s, n, p);
        if (cls != CJK_HAN && cls != CJK_HANGUL)
            continue;
        size_t e = p;
        while (cjk_class(s, n, e) == cls)
            e += 3;
        if (cls == CJK_HAN)
            han_run(sc, p, e);
        else
            hangul_word(sc, p, e);
        if (sc->oom)
            return;
        p = e - 1;
    }
}
