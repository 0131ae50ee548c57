/* PERSON context from an e-mail address beside a name: "Thabo,Nkosi,thabo.n@example.co.za" (the local part
 * spells or shortens the words before it, accents folded). */
#include <string.h>

#include "names.h"
#include "person.h"
#include "pii.h"

/* The ASCII letter an accented Latin-1 letter (UTF-8 0xC3 xx) is written as in an e-mail address, or 0. */
static uint8_t fold_c3(uint8_t x)
{
    static const char F[] = "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0\0aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y";
    return x >= 0x80 && x <= 0xBF ? (uint8_t)F[x - 0x80] : 0;
}

/* How many bytes of the address part a[0..an) spell the word s[ws, we) (accents folded: "Tomás" is
 * "tomas"), 0 when they do not. */
static size_t folded_prefix(const uint8_t *s, size_t ws, size_t we, const uint8_t *a, size_t an)
{
    size_t i = ws, j = 0;
    while (i < we) {
        uint8_t c = s[i];
        size_t l = 1;
        if (c == 0xC3 && i + 1 < we) {
            c = fold_c3(s[i + 1]);
            l = 2;
        } else if (c >= 0x80) {
            return 0;
        }
        if (c == 0 || j >= an || pii_lower(a[j]) != pii_lower(c))
            return 0;
        i += l;
        j++;
    }
    return j < an ? j : 0;
}

/* The address piece a[0..an) (ending at a separator) is a shortening of the word s[ws, we): its folded
 * first an bytes, at least four ("zsofi" of "Zsófia", "hanne" of "Hannelore"). */
static bool piece_shortens(const uint8_t *s, size_t ws, size_t we, const uint8_t *a, size_t an)
{
    size_t i = ws, j = 0;
    if (an < 4)
        return false;
    while (i < we && j < an) {
        uint8_t c = s[i];
        size_t l = 1;
        if (c == 0xC3 && i + 1 < we) {
            c = fold_c3(s[i + 1]);
            l = 2;
        } else if (c >= 0x80) {
            return false;
        }
        if (c == 0 || pii_lower(a[j]) != pii_lower(c))
            return false;
        i += l;
        j++;
    }
    return j == an && i < we;
}

/* The first piece of the local part [e, pe) shortens or spells a given name the lists hold in a field
 * before ws on the same line (at most 120 bytes back): "Zsófia","Bánffy",...,zsofi.banffy@ */
static bool first_piece_given_before(const uint8_t *s, size_t ws, size_t e, size_t pe)
{
    size_t lo = ws > 120 ? ws - 120 : 0;
    for (size_t q = ws; q > lo;) {
        q--;
        if (s[q] == '\n')
            return false;
        if (!pii_is_upper(s[q]) && !(s[q] == 0xC3 && q + 1 < ws && s[q + 1] >= 0x80 && s[q + 1] <= 0x9E))
            continue;
        if (q > 0 && (pii_is_alpha(s[q - 1]) || s[q - 1] >= 0x80))
            continue;
        size_t we2 = q;
        while (we2 < ws && (pii_is_alpha(s[we2]) || s[we2] >= 0x80))
            we2++;
        unsigned f = sc_name_lookup(s + q, we2 - q);
        if (we2 - q >= 3 && (f & SC_NAME_FIRST) && !(f & SC_NAME_WORD) &&
            (folded_prefix(s, q, we2, s + e, pe - e + 1) == pe - e || piece_shortens(s, q, we2, s + e, pe - e)))
            return true;
    }
    return false;
}

/* The addresses among the candidates [first, last) (in text order) within 200 bytes of the word [ws, we) on its
 * line: does one of them echo it? */
static bool echo_among(const pii_scan *sc, size_t ws, size_t we, size_t first, size_t last)
{
    const uint8_t *s = sc->s;
    size_t len = we - ws;
    size_t lo_c = first, hi_c = last, from = ws > 200 ? ws - 200 : 0;
    while (lo_c < hi_c) {
        size_t mid = lo_c + (hi_c - lo_c) / 2;
        if (sc->c[mid].start < from)
            lo_c = mid + 1;
        else
            hi_c = mid;
    }
    for (size_t k = lo_c; k < last && sc->c[k].start <= we + 200; k++) {
        if (sc->c[k].type != SANCTUM_ENTITY_EMAIL_ADDRESS || sc->c[k].score < sc->det->threshold)
            continue;
        size_t e = sc->c[k].start;
        size_t lo = e < ws ? e : we, hi = e < ws ? ws : e;
        if (hi < lo || memchr(s + lo, '\n', hi - lo) != NULL || e + len >= sc->n)
            continue;
        const uint8_t *at = memchr(s + e, '@', sc->c[k].end - e);
        if (at == NULL)
            continue;
        size_t local_end = (size_t)(at - s);
        bool named = false, looked = false;
        /* each part of the local part: "tomas.niamh@" names Tomás and Niamh */
        for (size_t p = e; p < local_end;) {
            size_t m = folded_prefix(s, ws, we, s + p, local_end - p);
            uint8_t after = m > 0 ? s[p + m] : 0;
            /* first.last@, first_l@: the word is part of a personal address ("sales@" names no one) */
            if (m > 0 && p == e && (after == '.' || after == '_' || after == '-'))
                return true;
            size_t pe = p;
            while (pe < local_end && s[pe] != '.' && s[pe] != '_' && s[pe] != '-')
                pe++;
            /* a shortened given name the lists hold: "Zsófia" in zsofi.banffy@, "Hannelore" in hanne.g@ */
            if (m == 0 && p == e && pe < local_end && piece_shortens(s, ws, we, s + p, pe - p) &&
                (sc_name_lookup(s + ws, len) & SC_NAME_FIRST) && !(sc_name_lookup(s + ws, len) & SC_NAME_WORD))
                return true;
            /* a family name the lists lack, when the first piece echoes a given name in a field before it */
            if (p > e && pe == local_end && pe - p >= 4 && e < p - 1 &&
                folded_prefix(s, ws, we, s + p, pe - p + 1) == pe - p &&
                !(sc_name_lookup(s + ws, len) & (SC_NAME_FIRST | SC_NAME_LAST)) && s[ws] != s[e] &&
                first_piece_given_before(s, ws, e, p - 1))
                return true;
            if (m >= 3 && p > e && (after == '@' || after == '.' || after == '_' || after == '-')) {
                if (!looked) {
                    named = (sc_name_lookup(s + ws, len) & (SC_NAME_FIRST | SC_NAME_LAST)) != 0;
                    looked = true;
                }
                if (named)
                    return true;
            }
            while (p < local_end && s[p] != '.' && s[p] != '_' && s[p] != '-')
                p++;
            p++;
        }
    }
    return false;
}

/* "Thabo,Nkosi,thabo.n@example.co.za": a capitalized word that starts the local part of an e-mail
 * address on the same line, before a dot, underscore or hyphen, names that address's owner. */
bool pii_email_echo(const pii_scan *sc, size_t ws, size_t we)
{
    if (we - ws < 3)
        return false;
    /* the addresses the e-mail recognizer found: the byte scan's candidates are in text order, and so are
     * those the native-digit pass appended after them (a binary search over both at once stepped past an
     * address after a number in Persian digits) */
    return echo_among(sc, ws, we, 0, sc->byte_scan) || echo_among(sc, ws, we, sc->byte_scan, sc->pre_person);
}
