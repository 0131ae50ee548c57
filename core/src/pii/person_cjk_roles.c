/* PERSON in Chinese and Japanese chat, frames the surname tables alone do not give (issue 17, round 10):
 * a Chinese name right after a role or kin noun ("我同事陈思雨和林志豪要...", "寫信給房東黃美玲小姐"), a
 * Japanese name written "surname given" before an honorific ("山本 花子様"), and names written in kana
 * before an honorific ("たかはしさん", "マリアさん"). The tables hold no Chinese given names, so the end
 * of a Chinese name is where a word that follows names starts (和, 说, 要, 的, an honorific) or the run of
 * Han characters ends at punctuation. */
#include <string.h>

#include "names.h"
#include "person.h"

/* Nouns for people a name follows in apposition ("我同事", "我房東"), simplified and traditional; not 客户
 * or 助理, which also name programs ("客户程序", "智能助理"). */
static const char *const ROLES[] = {
    "同事", "朋友", "房东", "房東", "老板", "老闆", "老公", "老婆", "室友", "邻居", "鄰居", "同学", "同學",
    "男友", "女友", "丈夫", "妻子", "太太", "妈妈", "媽媽", "爸爸", "哥哥", "姐姐", "弟弟", "妹妹", "儿子",
    "兒子", "女儿", "女兒", "表哥", "表姐", "表妹", "表弟", "堂哥", "堂姐", "舅舅", "叔叔", "奶奶", "爷爷",
    "爺爺", "外婆", "上司", "领导", "領導", "经理", "經理", "秘书", "秘書", "医生",
    "醫生", "护士", "護士", "律师", "律師", "老师", "老師", "教练", "教練", "室友", "闺蜜", "閨蜜", NULL};
/* Words that start right after a name: and/with, say, will/go/come, 's, already, today, honorifics. */
static const char *const AFTER[] = {
    "和", "跟", "与", "與", "说", "說", "要", "会", "會", "的", "在", "去", "来", "來", "也", "已经", "已經",
    "明天", "今天", "昨天", "刚", "剛", "先生", "女士", "小姐", "老师", "老師", "医生", "醫生", "打电话",
    "打電話", "发", "發", "让", "讓", "想", "问", "問", "给", "給", "请", "請", "还", "還", "都", "写", "寫", "买", "買", "带", "帶", "帮", "幫",
    "做", "看", "送", "订", "訂", "准备", "準備", NULL};
/* Characters that are surnames but begin everyday words after a role noun ("朋友和家人", "同事们"). */
static const char *const NOT_SURNAME[] = {"和", "与", "跟", "的", "们", "們", "都", "也", "还", "還", NULL};

static bool han_at(const uint8_t *s, size_t n, size_t p)
{
    return p + 3 <= n && s[p] >= 0xE4 && s[p] <= 0xE9 && (s[p + 1] & 0xC0) == 0x80 && (s[p + 2] & 0xC0) == 0x80;
}

/* Punctuation (or the end of the text) right after a Chinese name: ，。！？、；：）」 or ASCII. */
static bool stop_at(const uint8_t *s, size_t n, size_t e)
{
    static const char *const PUNCT[] = {"，", "。", "！", "？", "、", "；", "：", "）", "」", "』", "”", NULL};
    return e >= n || (s[e] < 0x80 && !pii_is_alpha(s[e]) && !pii_is_digit(s[e])) || pii_cjk_starts_with(s, n, e, PUNCT);
}

/* The end of a Chinese name at p from the tables alone: a surname, then a word that follows names right
 * after a given name (two characters before one), or the end of the run at punctuation; 0 when none. */
static size_t zh_name_end(const uint8_t *s, size_t n, size_t b, size_t p)
{
    for (size_t sl = 2; sl >= 1; sl--) {
        if (p + sl * 3 > b || !(pii_cjk_surname(s, p, sl) & SC_CJK_ZH))
            continue;
        for (int pass = 0; pass < 2; pass++)
            for (size_t gl = 2; gl >= 1; gl--) {
                size_t e = p + (sl + gl) * 3;
                if (e > b)
                    continue;
                if (pass == 0 ? e < b && pii_cjk_starts_with(s, n, e, AFTER) > 0 : e == b && stop_at(s, n, e))
                    return e;
            }
    }
    return 0;
}

/* Deeper than this a chain of names joined by 和 is not followed (the memo keeps real chains shallow; this
 * bounds the stack whatever the text). */
enum { CHAIN_DEPTH = 64 };

static size_t after_role(pii_scan *sc, size_t a, size_t b, size_t p, unsigned depth)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (p == a || pii_cjk_starts_with(s, n, p, NOT_SURNAME) > 0)
        return 0;
    /* the name's own end first: the chain behind it is read only for a name (most characters start none) */
    size_t e = zh_name_end(s, n, b, p);
    if (e == 0 || pii_cjk_ends_with(s, p, ROLES) > 0)
        return e;
    /* the second of two names joined by 和/跟/与 ("我同事陈思雨和林志豪要") */
    static const char *const JOIN[] = {"和", "跟", "与", "與", "、", NULL};
    if (pii_cjk_ends_with(s, p, JOIN) != 3 || depth >= CHAIN_DEPTH)
        return 0;
    /* each name of a chain was asked when the walk passed it: its answer is kept, not read again (the chain
     * was read back to its start for every name, three ways at each step: 60 characters took 30 s) */
    size_t slot = (p / 3) % (sizeof sc->cjk_role_memo / sizeof sc->cjk_role_memo[0]);
    if (sc->cjk_role_memo[slot].at == p + 1)
        return sc->cjk_role_memo[slot].end;
    bool first = false;
    for (size_t chars = 2; chars <= 4 && !first; chars++) {
        size_t q = p - 3 - chars * 3;
        first = p >= a + 3 + chars * 3 && zh_name_end(s, n, b, q) == p - 3 && after_role(sc, a, b, q, depth + 1) == p - 3;
    }
    sc->cjk_role_memo[slot].at = p + 1;
    sc->cjk_role_memo[slot].end = first ? e : 0;
    return first ? e : 0;
}

size_t pii_cjk_after_role(pii_scan *sc, size_t a, size_t b, size_t p)
{
    return after_role(sc, a, b, p, 0);
}

size_t pii_cjk_spaced_surname(const uint8_t *s, size_t g)
{
    if (g < 4 || s[g - 1] != ' ')
        return g;
    size_t q = g - 1, chars = 0;
    while (q >= 3 && chars < 4 && han_at(s, q, q - 3))
        q -= 3, chars++;
    if (chars < 1 || chars > 3 || (q >= 3 && han_at(s, q, q - 3)))
        return g;
    return pii_cjk_surname(s, q, chars) & SC_CJK_JA ? q : g;
}

/* A run of kana (two to six characters) right before the honorific at `at`, with no kana or ideograph
 * before it; not a word for people that takes さん itself (みなさん, おじさん, お客さん, ママさん). */
void pii_kana_name_before(pii_scan *sc, size_t at)
{
    const uint8_t *s = sc->s;
    size_t q = at, chars = 0;
    bool hira = false, kata = false;
    while (q >= 3 && chars < 7 && s[q - 3] == 0xE3 && (s[q - 2] == 0x81 || s[q - 2] == 0x82 || s[q - 2] == 0x83)) {
        uint32_t cp = ((uint32_t)(s[q - 2] & 0x3Fu) << 6) | (s[q - 1] & 0x3Fu);
        cp |= 0x3000u;
        if (cp < 0x3041 || cp > 0x30FA)
            break;
        if (cp <= 0x309F)
            hira = true;
        else
            kata = true;
        q -= 3, chars++;
    }
    if (chars < 2 || chars > 6 || (hira && kata) || (q >= 3 && han_at(s, sc->n, q - 3)))
        return;
    /* words for people and animals that take さん themselves, and たくさん ("many") */
    static const char *const NOT_NAMES[] = {"お", "ご", "みな", "みんな", "あか", "じい", "ばあ", "にい", "ねえ",
                                            "かあ", "とう", "あなた", "たく", "ねこ", "いぬ", "うさぎ", "くま",
                                            "ぞう", "きつね", "たぬき", "ママ", "パパ", "ネコ", "イヌ", "パンダ",
                                            "サンタ", "ちゃん", NULL};
    if (pii_cjk_starts_with(s, sc->n, q, NOT_NAMES) > 0)
        return;
    /* after the honorific: a particle, punctuation or the end (not さんぽ, ちゃんと) */
    static const char *const HON[] = {"さん", "さま", "様", "くん", "ちゃん", NULL};
    static const char *const NEXT[] = {"に", "は", "が", "を", "の", "と", "も", "へ", "から", "より", "です", "、",
                                       "。", "！", "？", "」", "』", "）", "　", NULL};
    size_t hl = pii_cjk_starts_with(s, sc->n, at, HON), e = at + hl;
    if (hl == 0 || (strncmp((const char *)s + at, "ちゃん", 9) == 0 && pii_cjk_starts_with(s, sc->n, e, (const char *const[]){"と", NULL})) ||
        !(e >= sc->n || s[e] < 0x80 || pii_cjk_starts_with(s, sc->n, e, NEXT) > 0))
        return;
    pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, q, at, 0.8, SANCTUM_EV_TITLE | SANCTUM_EV_FORMAT_WEAK);
}

/* The end of the line or text after e (spaces, closing punctuation and "！" allowed before it). */
static bool line_end_after(const uint8_t *s, size_t n, size_t e)
{
    static const char *const CLOSE[] = {"。", "！", "」", "）", NULL};
    for (;;) {
        size_t l;
        if (e >= n || s[e] == '\n' || s[e] == '\r')
            return true;
        if (s[e] == ' ' || s[e] == '!' || s[e] == '.' || s[e] == '"')
            e++;
        else if ((l = pii_cjk_starts_with(s, n, e, CLOSE)) > 0)
            e += l;
        else
            return false;
    }
}

/* "王伟，奶奶让你周六回家": a Chinese name opening its line before "，", addressed: a kin word right after the
 * comma and "you" (你, 您, 妳) in the next few characters. */
static size_t addressed(const uint8_t *s, size_t n, size_t a, size_t b)
{
    if (!(a == 0 || s[a - 1] == '\n' || (a >= 3 && (memcmp(s + a - 3, "「", 3) == 0 || memcmp(s + a - 3, "“", 3) == 0))) ||
        b + 3 > n || memcmp(s + b, "，", 3) != 0)
        return 0;
    /* the message is about family or school: a kin word or a teacher right after the comma ("方法，你可以",
     * "程序员，你好" are none) */
    static const char *const KIN[] = {"奶奶", "妈妈", "媽媽", "爸爸", "爷爷", "爺爺", "外婆", "姥姥", "老师", "老師",
                                      "阿姨", "叔叔", "哥哥", "姐姐", NULL};
    if (pii_cjk_starts_with(s, n, b + 3, KIN) == 0)
        return 0;
    bool you = false;
    for (size_t q = b + 3; q + 3 <= n && q < b + 3 + 7 * 3 && !you; q += 3)
        you = memcmp(s + q, "你", 3) == 0 || memcmp(s + q, "您", 3) == 0 || memcmp(s + q, "妳", 3) == 0;
    if (!you)
        return 0;
    for (size_t sl = 1; sl <= 2; sl++)
        if (pii_cjk_surname(s, a, sl) & SC_CJK_ZH)
            for (size_t gl = 1; gl <= 2; gl++)
                if (a + (sl + gl) * 3 == b)
                    return b;
    return 0;
}

size_t pii_cjk_signoff(const uint8_t *s, size_t n, size_t a, size_t b, size_t p)
{
    if (p != a)
        return 0;
    size_t v = addressed(s, n, a, b);
    if (v > 0)
        return v;
    /* Japanese: "佐藤より" ending a message (from Sato): a surname of two or three kanji, the whole run */
    size_t chars = (b - a) / 3;
    if (chars >= 2 && chars <= 3 && b + 6 <= n && memcmp(s + b, "より", 6) == 0 && line_end_after(s, n, b + 6) &&
        (pii_cjk_surname(s, a, chars) & SC_CJK_JA))
        return b;
    /* Chinese: "——张强全家" signing a message: after a dash, surname + one or two characters, then the end
     * of the run or "全家"/"一家"/"敬上", at the end of the line */
    if (!(a >= 3 && memcmp(s + a - 3, "—", 3) == 0) || !line_end_after(s, n, b))
        return 0;
    static const char *const TAIL[] = {"全家", "一家", "敬上", NULL};
    for (size_t sl = 1; sl <= 2; sl++) {
        if (!(pii_cjk_surname(s, a, sl) & SC_CJK_ZH))
            continue;
        for (size_t gl = 2; gl >= 1; gl--) {
            size_t e = a + (sl + gl) * 3;
            if (e == b || (e < b && pii_cjk_starts_with(s, n, e, TAIL) == b - e))
                return e;
        }
    }
    return 0;
}
