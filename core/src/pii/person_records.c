/* PERSON in records people paste whole: the name field of a machine-readable passport or ID zone
 * ("P<UTOERIKSSON<<ANNA<MARIA<<<<"). */
#include <string.h>

#include "names.h"
#include "person.h"
#include "pii.h"

static bool mrz_byte(uint8_t c) { return (c >= 'A' && c <= 'Z') || c == '<'; }

/* The name field of an MRZ (ICAO 9303): a passport's first line "P<" + issuing state (three letters or
 * '<') + SURNAME<<GIVEN<NAMES, or an ID card's name line SURNAME<<GIVEN<<<<. The field has the "<<"
 * between surname and given names and ends in the '<' fill (three or more) or with the line. Returns
 * where to go on, or 0 when w starts none. */
size_t pii_mrz_name(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, a = w->s;
    if (w->e - w->s == 1 && s[a] == 'P' && a + 5 < n && s[a + 1] == '<' && mrz_byte(s[a + 2]) && mrz_byte(s[a + 3]) &&
        mrz_byte(s[a + 4]))
        a += 5; /* "P<UTO", "P<D<<" */
    else if (!w->allcaps || w->e + 2 >= n || s[w->e] != '<' || s[w->e + 1] != '<')
        return 0;
    if (a > 0 && (pii_is_alpha(s[a - 1]) || pii_is_digit(s[a - 1])) && a == w->s)
        return 0;
    while (a < n && s[a] == '<')
        a++; /* "P<D<<BRANDT": the state's own fill */
    size_t q = a, last = a, fill = 0;
    bool sep = false;
    while (q < n && mrz_byte(s[q])) {
        if (s[q] == '<') {
            size_t r = q;
            while (r < n && s[r] == '<')
                r++;
            if (r - q >= 3 || r >= n || !mrz_byte(s[r])) {
                fill = r - q;
                q = r;
                break;
            }
            sep = sep || r - q == 2;
            q = r;
            continue;
        }
        last = ++q;
    }
    if (!sep || last - a < 5 || (fill < 3 && q - w->s < 30))
        return 0;
    pii_person_emit(sc, a, last, 0.9, SANCTUM_EV_NAME_SEQUENCE | SANCTUM_EV_FORMAT_STRONG);
    return q;
}
