/* Signatures in scripts without capitals (round 15): the line right under a sign-off of the language
 * ("此致", "敬具", "감사합니다.", "مع التحية،", "בברכה,", "धन्यवाद,", "நன்றி,", "ขอบคุณครับ"), past a "--"
 * rule or one company line, names the writer when it has a name's shape. Latin and Cyrillic signatures
 * are rec_person.c's (capitals tell a name there); here nothing does but the frame and the name tables. */
#include <string.h>

#include "names.h"
#include "person.h"

/* Sign-offs as the whole line (trailing punctuation taken off), by language, with their lengths: a line's
 * length is compared before its bytes. */
#define SO(w) {w, sizeof w - 1}
static const struct {
    const char *w;
    size_t n;
} SIGNOFFS[] = {
    SO("此致"), SO("此致敬礼"), SO("此致 敬礼"), SO("谢谢"), SO("謝謝"), SO("谢谢您"), SO("謝謝您"), SO("多谢"), SO("多謝"), SO("祝好"), SO("顺祝商祺"),
    SO("順祝商祺"), SO("顺颂商祺"), SO("順頌商祺"), SO("顺颂时祺"), SO("敬上"), SO("敬启"), SO("敬啟"), SO("谨上"), SO("謹上"),       /* Chinese */
    SO("敬具"), SO("草々"), SO("以上"), SO("よろしくお願いいたします"), SO("よろしくお願いします"), SO("宜しくお願い致します"),
    SO("よろしくお願い申し上げます"), SO("ありがとうございます"), SO("ありがとうございました"),              /* Japanese */
    SO("감사합니다"), SO("고맙습니다"), SO("감사드립니다"), SO("수고하세요"),                                     /* Korean */
    SO("ขอแสดงความนับถือ"), SO("ขอบคุณครับ"), SO("ขอบคุณค่ะ"), SO("ขอบคุณ"), SO("ด้วยความเคารพ"),                     /* Thai */
    SO("مع التحية"), SO("مع خالص التحية"), SO("مع أطيب التحيات"), SO("تحياتي"), SO("شكرا"), SO("شكراً"), SO("مع الشكر"),      /* Arabic */
    SO("با احترام"), SO("با سپاس"), SO("با تشکر"), SO("ارادتمند"), SO("شکریہ"), SO("والسلام"),                            /* Persian, Urdu */
    SO("בברכה"), SO("תודה"), SO("בכבוד רב"), SO("בתודה"),                                                         /* Hebrew */
    SO("धन्यवाद"), SO("सादर"), SO("शुभेच्छा"), SO("भवदीय"), SO("आपका"), SO("आपली"), SO("आपला"), SO("शुभकामनाओं सहित"),             /* Hindi, Marathi */
    SO("ধন্যবাদ"), SO("শুভেচ্ছান্তে"), SO("শুভেচ্ছা"), SO("நன்றி"), SO("அன்புடன்"), SO("இப்படிக்கு"), SO("ధన్యవాదాలు"), SO("ఇట్లు"),
    SO("ಧನ್ಯವಾದಗಳು"), SO("നന്ദി"), SO("આભાર"), SO("ਧੰਨਵਾਦ"), SO("ከሰላምታ ጋር"), SO("პატივისცემით"), SO("მადლობა")};
#undef SO

/* Words that make the line under a sign-off a team, desk or firm, not a person. */
static const char *const TEAM_WORDS[] = {
    "فريق", "قسم", "إدارة", "ادارة", "خدمة", "شركة", "مؤسسة", "مركز", "تیم", "واحد", "گروه", "شرکت",
    "צוות", "מחלקת", "שירות", "חברת", "מוקד", "टीम", "विभाग", "सेवा", "कंपनी", "समूह", "বিভাগ", "দল",
    "சேவை", "குழு", "நிறுவனம்", "ฝ่าย", "ทีม", "บริษัท", "แผนก", "ศูนย์", NULL};

/* Han characters and words that end a department's, branch's or firm's name. */
static const char *const ORG_TAILS[] = {"部", "课", "課", "科", "组", "組", "室", "处", "處", "局", "司", "行",
                                        "店", "会", "會", "社", "团", "團", "队", "隊", "中心", "敬礼", "敬禮",
                                        "所", "院", "厅", "廳", "班", "系", NULL};
/* A company line a Japanese or Chinese signature puts above the name. */
static const char *const FIRM_MARKS[] = {"株式会社", "有限会社", "有限公司", "股份有限公司", "公司", "会社", NULL};

static uint32_t cp3(const uint8_t *s, size_t n, size_t p)
{
    if (p + 3 > n || (s[p] & 0xF0) != 0xE0 || (s[p + 1] & 0xC0) != 0x80 || (s[p + 2] & 0xC0) != 0x80)
        return 0;
    return ((uint32_t)(s[p] & 0x0Fu) << 12) | ((uint32_t)(s[p + 1] & 0x3Fu) << 6) | (s[p + 2] & 0x3Fu);
}
static bool han(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}
static bool hangul(uint32_t c)
{
    return c >= 0xAC00 && c <= 0xD7A3;
}

static bool word_is(const uint8_t *w, size_t n, const char *const *list)
{
    for (size_t k = 0; list[k] != NULL; k++)
        if (strlen(list[k]) == n && memcmp(w, list[k], n) == 0)
            return true;
    return false;
}

/* The end of line [ls, ...) before '\n' and trailing blanks. */
static size_t line_end(const uint8_t *s, size_t n, size_t ls, size_t *next)
{
    const uint8_t *nl = memchr(s + ls, '\n', n - ls);
    size_t le = nl != NULL ? (size_t)(nl - s) : n;
    *next = nl != NULL ? le + 1 : n;
    while (le > ls && (s[le - 1] == ' ' || s[le - 1] == '\r' || s[le - 1] == '\t'))
        le--;
    return le;
}

/* le without the punctuation a sign-off ends with: , . ! : and their full-width, Arabic and Indic forms. */
static size_t trim_punct(const uint8_t *s, size_t ls, size_t le)
{
    static const char *const P[] = {"，", "。", "！", "、", "：", "،", "۔", "।", NULL};
    for (;;) {
        if (le > ls && (s[le - 1] == ',' || s[le - 1] == '.' || s[le - 1] == '!' || s[le - 1] == ':' ||
                        s[le - 1] == ' '))
            le--;
        else {
            size_t l = le > ls && s[le - 1] >= 0x80 ? pii_cjk_ends_with(s, le, P) : 0;
            if (l == 0 || le - l < ls)
                return le;
            le -= l;
        }
    }
}

/* A rule line under the sign-off: "--", "—", "___". */
static bool rule_line(const uint8_t *s, size_t ls, size_t le)
{
    if (le == ls)
        return false;
    for (size_t p = ls; p < le; p++)
        if (s[p] != '-' && s[p] != '_' && s[p] != ' ' && !(p + 3 <= le && memcmp(s + p, "—", 3) == 0 && (p += 2)))
            return false;
    return true;
}

/* Where the name part of a signature line [ls, le) ends: before " | title", " (", "（", ", ", a tab. */
static size_t name_part(const uint8_t *s, size_t ls, size_t le)
{
    for (size_t p = ls; p < le; p++) {
        if (s[p] == '\t' || s[p] == ',' || (s[p] == ' ' && p + 1 < le && (s[p + 1] == '|' || s[p + 1] == '(' ||
                                                                           s[p + 1] == '/' || s[p + 1] == '-')))
            return p;
        if (p + 3 <= le && (memcmp(s + p, "｜", 3) == 0 || memcmp(s + p, "（", 3) == 0 ||
                            memcmp(s + p, "，", 3) == 0))
            return p;
    }
    return le;
}

/* A Han name [a, e): a known surname, maybe a space, a given name of one to three characters (Chinese:
 * two to four in all; Japanese: one the tables hold, or after a space). */
static bool han_name(const uint8_t *s, size_t n, size_t a, size_t e, size_t min_zh)
{
    size_t tail = pii_cjk_ends_with(s, e, ORG_TAILS); /* a department or firm ends with its word */
    if (tail > 0 && e - tail >= a)
        return false;
    for (size_t sl = 1; sl <= 3; sl++) {
        size_t g = a + sl * 3;
        unsigned f = g <= e ? pii_cjk_surname(s, a, sl) : 0;
        if (f == 0)
            continue;
        bool spaced = false;
        if (g < e && s[g] == ' ')
            g++, spaced = true;
        else if (g + 3 <= e && memcmp(s + g, "　", 3) == 0)
            g += 3, spaced = true;
        size_t gl = (e - g) / 3;
        if ((e - g) % 3 != 0 || gl < 1 || gl > 3)
            continue;
        bool all_han = true;
        for (size_t p = g; p < e; p += 3)
            all_han = all_han && han(cp3(s, n, p));
        if (!all_han)
            continue;
        if ((f & SC_CJK_ZH) && gl <= 2 && sl <= 2 && sl + gl >= min_zh)
            return true;
        if ((f & SC_CJK_JA) && (spaced || (pii_cjk_given(s, g, gl) & SC_CJK_JA)))
            return true;
    }
    return false;
}

/* A Hangul name [a, e): a surname of one or two syllables (maybe a space) and a given name the tables hold. */
static bool hangul_name(const uint8_t *s, size_t n, size_t a, size_t e)
{
    for (size_t sl = 1; sl <= 2; sl++) {
        size_t g = a + sl * 3;
        if (g > e || !(pii_cjk_surname(s, a, sl) & SC_CJK_KO))
            continue;
        if (g < e && s[g] == ' ')
            g++;
        size_t gl = (e - g) / 3;
        if ((e - g) % 3 != 0 || gl < 1 || gl > 2 || !hangul(cp3(s, n, g)) || !hangul(cp3(s, n, e - 3)))
            continue;
        if (pii_cjk_given(s, g, gl) & SC_CJK_KO)
            return true;
    }
    return false;
}

/* (person.h) */
bool pii_cjk_name_shape(const uint8_t *s, size_t n, size_t a, size_t e, size_t min_zh)
{
    uint32_t c = cp3(s, n, a);
    return han(c) ? han_name(s, n, a, e, min_zh) : hangul(c) && hangul_name(s, n, a, e);
}

/* Words of one script without capitals [a, e): up to four, one of them a name the lists know (a lone word:
 * a given name that is no word or place), none a team's or firm's word. */
static bool script_name(const uint8_t *s, size_t n, size_t a, size_t e)
{
    unsigned words = 0;
    bool known = false, first_only = false;
    for (size_t p = a; p < e;) {
        size_t ws = p;
        bool up;
        size_t l;
        while (p < e && s[p] >= 0x80 && (l = letter_at(s, n, p, &up)) > 0)
            p += l;
        /* one script: Hebrew D6-D7, Arabic D8-DB, a three-byte script by its block of 256 code points */
        bool same = s[a] < 0xD8 ? s[ws] == 0xD6 || s[ws] == 0xD7
                                : s[a] < 0xE0 ? s[ws] >= 0xD8 && s[ws] <= 0xDB
                                              : s[ws] == s[a] && (s[ws + 1] >> 2) == (s[a + 1] >> 2);
        if (p == ws || !pii_uncased_script(s + ws, p - ws) || !same)
            return false;
        if (word_is(s + ws, p - ws, TEAM_WORDS) || ++words > 4)
            return false;
        unsigned f = sc_name_lookup(s + ws, p - ws);
        known = known || ((f & (SC_NAME_FIRST | SC_NAME_LAST)) != 0);
        first_only = (f & SC_NAME_FIRST) && !(f & (SC_NAME_WORD | SC_NAME_PLACE));
        if (p < e) {
            if (s[p] != ' ' || p + 1 >= e)
                return false;
            p++;
        }
    }
    return words >= 2 ? known : first_only;
}

/* The signature under the sign-off ending at `next`: returns true when a name was added. */
static bool signature_after(pii_scan *sc, size_t next)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, ls = next, nx;
    for (unsigned k = 0; k < 3 && ls < n; k++, ls = nx) {
        size_t le = line_end(s, n, ls, &nx);
        if (rule_line(s, ls, le))
            continue;
        size_t e = name_part(s, ls, le);
        /* Korean letters close with "X 드림" / "X 올림" (from X) */
        static const char *const KO_TAIL[] = {" 드림", " 올림", " 배상", NULL};
        size_t kt = pii_cjk_ends_with(s, e, KO_TAIL);
        if (kt > 0 && e - kt > ls)
            e -= kt;
        bool ok = e > ls && (pii_cjk_name_shape(s, n, ls, e, 2) ||
                             (s[ls] >= 0xD6 && pii_uncased_script(s + ls, e - ls) && script_name(s, n, ls, e)));
        if (ok) {
            pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, ls, e, 0.85,
                    SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_LAST);
            return true;
        }
        /* a company line above the name ("株式会社サクラ運輸 経理部") is passed over once */
        bool firm = false;
        for (size_t p = ls; p < le && !firm; p++)
            firm = s[p] >= 0xE0 && pii_cjk_starts_with(s, n, p, FIRM_MARKS) > 0 && p + 3 <= le;
        if (!firm)
            return false;
    }
    return false;
}

void pii_script_signatures(pii_scan *sc)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* from the line holding the first byte >= 0x80: a sign-off line opens with one */
    size_t ls = sc->first_high;
    while (ls > 0 && s[ls - 1] != '\n')
        ls--;
    while (ls < n) {
        const uint8_t *nl = memchr(s + ls, '\n', n - ls);
        size_t next = nl != NULL ? (size_t)(nl - s) + 1 : n;
        /* a short line opening with a letter of these scripts, with a line under it */
        if (s[ls] >= 0xD6 && next - ls <= 66 && next < n) {
            size_t nx, le = line_end(s, n, ls, &nx);
            size_t te = trim_punct(s, ls, le);
            bool so = false;
            for (size_t k = 0; k < sizeof SIGNOFFS / sizeof SIGNOFFS[0] && !so; k++)
                so = SIGNOFFS[k].n == te - ls && memcmp(s + ls, SIGNOFFS[k].w, te - ls) == 0;
            if (so)
                (void)signature_after(sc, next);
            else if (s[ls] >= 0xE3 && s[ls] <= 0xED)
                pii_cjk_name_over_time(sc, ls, le); /* "吴海燕 2026/10/02 21:07": person_cjk_chat.c */
            if (sc->oom)
                return;
        }
        ls = next;
    }
}
