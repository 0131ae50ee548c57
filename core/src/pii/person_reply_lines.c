/* The line over a quoted reply (round 15): a date and time, the writer, and "wrote:" in the language of the
 * mail client, the verb after the name ("Le 5 nov. 2026 à 09:12, Gaëlle a écrit :", "W dniu ..., Bożena
 * pisze:", "... Juho kirjoitti:", "... Zeynep şunu yazdı:") or before it ("... om 09:12 schreef Sanne:",
 * "... schrieb Jörg:", "... skrev Linnea:"), maybe with the address beside the name. The line ends with the
 * colon and has digits before the name; the name is capitalized words, one of them a name the lists know,
 * no software. English "X wrote:" is rec_person.c's already; it is read here too when the frame holds. */
#include <string.h>

#include "names.h"
#include "person.h"

/* Verbs after the name, as the line ends before the colon. */
static const char *const AFTER_NAME[] = {
    "wrote", "a écrit", "pisze", "napisał", "napisała", "napisał(a)", "ha scritto", "kirjoitti", "şunu yazdı",
    "yazdı", "έγραψε", "написал", "написала", "написал(а)", "написав", "escribió", "escreveu", "írta",
    "napsal", "napsala", "napsal(a)", "a scris", "scrise", "je napisal", "je napisala", "je napisao",
    "rašė", "rakstīja", "kirjutas", "skrev", "schreef", "schrieb", NULL};
/* Verbs before the name (the verb second after the date: Dutch, German, the Scandinavian languages). */
static const char *const BEFORE_NAME[] = {"schreef", "schrieb", "skrev", "skrifaði", NULL};

/* Start of the word ending at e (letters, inner hyphens and apostrophes), or e when none. */
static size_t word_start(const uint8_t *s, size_t e, size_t lim)
{
    size_t p = e, l;
    while (p > lim) {
        if ((l = letter_before(s, p)) > 0)
            p -= l;
        else if ((s[p - 1] == '-' || s[p - 1] == '\'') && p - 1 > lim && letter_before(s, p - 1) > 0 && p < e)
            p--;
        else
            break;
    }
    return p;
}

/* The phrase of list ending at q, preceded by a space: its start, or SIZE_MAX. */
static size_t phrase_before(const uint8_t *s, size_t q, size_t lim, const char *const *list)
{
    for (size_t k = 0; list[k] != NULL; k++) {
        size_t l = strlen(list[k]);
        if (q >= lim + l + 1 && s[q - l - 1] == ' ' && memcmp(s + q - l, list[k], l) == 0)
            return q - l;
    }
    return SIZE_MAX;
}

static void attribution(pii_scan *sc, size_t c)
{
    const uint8_t *s = sc->s;
    size_t q = c, ls = c, lim = c > 200 ? c - 200 : 0;
    while (ls > lim && s[ls - 1] != '\n')
        ls--;
    while (q > ls && s[q - 1] == ' ')
        q--;
    size_t v = phrase_before(s, q, ls, AFTER_NAME);
    bool before = false;
    size_t e = v != SIZE_MAX ? v - 1 : q; /* the name ends before the verb, or at the colon */
    if (v != SIZE_MAX && word_in(s + v, q - v, BEFORE_NAME))
        return; /* "... schreef:" with no name after it */
    if (v == SIZE_MAX)
        before = true;
    /* "Gaëlle Rivoire <g.rivoire@mail.example>": the address beside the name */
    if (e > ls && s[e - 1] == '>') {
        size_t a = e - 1;
        while (a > ls && e - a < 100 && s[a - 1] != '<' && s[a - 1] != ' ')
            a--;
        if (a == ls || s[a - 1] != '<')
            return;
        e = a - 1;
        while (e > ls && s[e - 1] == ' ')
            e--;
    }
    if (e > ls && s[e - 1] == '"')
        e--;
    /* up to four words back: capitalized ones, particles between them */
    size_t toks[4][2], nt = 0, start = e, p = e;
    bool known = false;
    while (nt < 4 && p > ls) {
        size_t ws = word_start(s, p, ls);
        if (ws == p)
            break;
        bool up = false;
        (void)letter_at(s, sc->n, ws, &up);
        if (!up && !(pii_particle(s + ws, p - ws) && nt > 0))
            break;
        if (up) {
            const char *why;
            unsigned f = pii_name_flags(s, ws, p);
            if (pii_software_name(s + ws, p - ws) || pii_in_code(sc, ws, p, &why))
                return;
            known = known || ((f & (SC_NAME_FIRST | SC_NAME_LAST)) && !(f & SC_NAME_WORD));
            toks[nt][0] = ws;
            toks[nt][1] = p;
            nt++;
            start = ws;
        }
        if (ws == ls || s[ws - 1] != ' ')
            break;
        p = ws - 1;
        if (p > ls && s[p - 1] == '"')
            p--;
    }
    if (nt == 0 || !known || start == ls)
        return;
    size_t pe = start - 1; /* the word before the name: the verb of the verb-second languages */
    if (before) {
        size_t vs = word_start(s, pe, ls);
        if (vs == pe || !word_in(s + vs, pe - vs, BEFORE_NAME))
            return;
        pe = vs;
    }
    unsigned digits = 0; /* the date and time before the name */
    for (size_t i = ls; i < pe && digits < 3; i++)
        digits += pii_is_digit(s[i]);
    if (digits < 3)
        return;
    pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, start, toks[0][1], 0.85,
            SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_GAZETTEER_FIRST);
}

void pii_reply_attributions(pii_scan *sc)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, p = 0;
    const uint8_t *c;
    while (p < n && (c = memchr(s + p, ':', n - p)) != NULL) {
        size_t at = (size_t)(c - s);
        p = at + 1;
        /* the colon ends its line, after a letter, a space (French) or ')' */
        if (at < 8 || (at + 1 < n && s[at + 1] != '\n' && s[at + 1] != '\r'))
            continue;
        uint8_t b = s[at - 1];
        if (!(b == ' ' || b == ')' || b >= 0x80 || pii_is_alpha(b)))
            continue;
        attribution(sc, at);
        if (sc->oom)
            return;
    }
}
