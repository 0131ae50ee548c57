/* Speakers of the chat exports East Asian apps write (round 15): LINE's "21:04\t佐藤 美咲\t...", a time
 * before "刘婷：" or "西村 達也 <address>:", and WeChat's and KakaoTalk's desktop copies, the name and a
 * timestamp alone on a line over the message ("吴海燕 2026/10/02 21:07", "최서준 오후 7:42"). The name
 * must have a name's shape (pii_cjk_name_shape); without a colon, tab or address after it, a Chinese name
 * needs three characters and the lines around it must open with a time too (an itinerary's "09:00 上海
 * 出发" does not make 上海 a person). */
#include <string.h>

#include "names.h"
#include "person.h"

static bool cjk_lead(uint8_t c)
{
    return c >= 0xE3 && c <= 0xED;
}

/* End of the run of three-byte CJK, kana or Hangul characters at p. */
static size_t cjk_run(const uint8_t *s, size_t n, size_t p)
{
    while (p + 3 <= n && cjk_lead(s[p]) && (s[p + 1] & 0xC0) == 0x80 && (s[p + 2] & 0xC0) == 0x80)
        p += 3;
    return p;
}

/* "H:MM" or "HH:MM" ends at p: where it starts, or SIZE_MAX. */
static size_t time_before(const uint8_t *s, size_t p)
{
    if (p < 4 || !pii_is_digit(s[p - 1]) || !pii_is_digit(s[p - 2]) || s[p - 3] != ':' || !pii_is_digit(s[p - 4]))
        return SIZE_MAX;
    return p >= 5 && pii_is_digit(s[p - 5]) ? p - 5 : p - 4;
}

/* The line starting at ls opens with a time ("09:16 ", "9:16\t"). */
static bool opens_with_time(const uint8_t *s, size_t n, size_t ls)
{
    size_t p = ls, d = 0;
    while (p < n && d < 2 && pii_is_digit(s[p]))
        p++, d++;
    return d >= 1 && p + 3 < n && s[p] == ':' && pii_is_digit(s[p + 1]) && pii_is_digit(s[p + 2]) &&
           (s[p + 3] == ' ' || s[p + 3] == '\t');
}

/* The line before or after the one holding p opens with a time as well. */
static bool time_lines_around(const uint8_t *s, size_t n, size_t ls)
{
    const uint8_t *nl = memchr(s + ls, '\n', n - ls);
    if (nl != NULL && opens_with_time(s, n, (size_t)(nl - s) + 1))
        return true;
    if (ls < 2)
        return false;
    size_t q = ls - 1, lim = ls > 512 ? ls - 512 : 0; /* the line before, at most 512 bytes back */
    while (q > lim && s[q - 1] != '\n')
        q--;
    return (q == 0 || s[q - 1] == '\n') && opens_with_time(s, n, q);
}

static void add(pii_scan *sc, size_t a, size_t e)
{
    pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, a, e, 0.85,
            SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_LAST);
}

/* The name after a time at a (a CJK letter after "HH:MM" and one space or tab). */
static void after_time(pii_scan *sc, size_t ts, size_t a)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t e1 = cjk_run(s, n, a), e2 = e1;
    if (e1 + 1 < n && s[e1] == ' ' && cjk_lead(s[e1 + 1]))
        e2 = cjk_run(s, n, e1 + 1); /* "佐藤 美咲" */
    for (int k = 0; k < 2; k++) {
        size_t e = k == 0 ? e2 : e1;
        if (k == 1 && e1 == e2)
            break;
        bool strong = e < n && (s[e] == ':' || s[e] == '\t' || (e + 3 <= n && memcmp(s + e, "：", 3) == 0) ||
                                (e + 1 < n && s[e] == ' ' && s[e + 1] == '<'));
        bool spaced = !strong && e + 1 < n && s[e] == ' ' && s[e + 1] != '\n';
        if (!strong && !spaced)
            continue;
        if (!pii_cjk_name_shape(s, n, a, e, strong ? 2 : 3))
            continue;
        if (spaced) { /* a LINE export with spaces: the time opens the line, and so it does on a line beside */
            size_t ls = ts;
            if (!(ls == 0 || s[ls - 1] == '\n') || !time_lines_around(s, n, ls))
                continue;
        }
        add(sc, a, e);
        return;
    }
}

void pii_cjk_time_speakers(pii_scan *sc)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t p = sc->first_high > 6 ? sc->first_high - 6 : 0; /* the time is ASCII right before the name */
    const uint8_t *c;
    while (p < n && (c = memchr(s + p, ':', n - p)) != NULL) {
        size_t at = (size_t)(c - s);
        p = at + 1;
        /* cheap test first: ":MM" then a space or tab and a CJK lead byte */
        if (at + 5 >= n || !pii_is_digit(s[at + 1]) || !pii_is_digit(s[at + 2]) ||
            (s[at + 3] != ' ' && s[at + 3] != '\t') || !cjk_lead(s[at + 4]))
            continue;
        size_t ts = time_before(s, at + 3);
        if (ts == SIZE_MAX)
            continue;
        after_time(sc, ts, at + 4);
        if (sc->oom)
            return;
    }
}

/* After the name: a space and a timestamp to the line's end ("2026/10/02 21:07", "오후 7:42", "下午 3:05"). */
static bool timestamp_rest(const uint8_t *s, size_t n, size_t p, size_t le)
{
    static const char *const HALF[] = {"오전", "오후", "上午", "下午", "午前", "午後", NULL};
    size_t h = pii_cjk_starts_with(s, n, p, HALF);
    if (h > 0) {
        p += h;
        if (p < le && s[p] == ' ')
            p++;
    }
    size_t digits = 0, colons = 0;
    for (; p < le; p++) {
        if (pii_is_digit(s[p]))
            digits++;
        else if (s[p] == ':' && p > 0 && pii_is_digit(s[p - 1]))
            colons++;
        else if (s[p] != '/' && s[p] != '-' && s[p] != '.' && s[p] != ' ')
            return false;
    }
    return colons >= 1 && digits >= 3;
}

/* (person.h) */
void pii_cjk_name_over_time(pii_scan *sc, size_t ls, size_t le)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t e1 = cjk_run(s, n, ls), e2 = e1;
    if (e1 + 1 < le && s[e1] == ' ' && cjk_lead(s[e1 + 1]))
        e2 = cjk_run(s, n, e1 + 1);
    for (int k = 0; k < 2; k++) {
        size_t e = k == 0 ? e2 : e1;
        if (k == 1 && e1 == e2)
            break;
        if (e + 1 < le && s[e] == ' ' && timestamp_rest(s, n, e + 1, le) && pii_cjk_name_shape(s, n, ls, e, 3)) {
            add(sc, ls, e);
            return;
        }
    }
}
