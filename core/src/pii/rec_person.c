/* PERSON without a model: the compiled gazetteer (names.h), titles, context phrases before and after,
 * capitalization and sequence rules, signatures, "Name <email>", possessives, and consistency (a name
 * found once with strong evidence raises its other mentions). Scores are in docs/pii.md. */
#include <string.h>

#include "names.h"
#include "pii.h"
#include "utf8.h"

typedef struct word {
    size_t s, e;       /* the word, without a possessive 's */
    bool cap;          /* Capitalized (first letter upper, not all upper) */
    bool allcaps;      /* two or more letters, all upper */
    bool lower;        /* first letter lower */
    bool camel;        /* an upper-case letter after a lower-case one (not Mc/Mac/O'/De) */
    bool possessive;   /* followed by 's or ’s */
} word;

/* Non-ASCII letters the tokenizer knows: Latin-1 and Extended, Greek, Cyrillic, Hebrew, Arabic. */
static bool cp_letter(uint32_t cp)
{
    return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x3FF) ||
           (cp >= 0x400 && cp <= 0x52F) || (cp >= 0x5D0 && cp <= 0x5EA) || (cp >= 0x620 && cp <= 0x64A) ||
           (cp >= 0x1E00 && cp <= 0x1EFF);
}
static bool cp_upper(uint32_t cp)
{
    return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x100 && cp <= 0x17F && (cp & 1) == 0) ||
           (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F) ||
           (cp >= 0x1E00 && cp <= 0x1EFF && (cp & 1) == 0);
}

/* Length of the letter at s[p] (0 when not a letter); *up tells upper case. */
static inline size_t letter_at(const uint8_t *s, size_t n, size_t p, bool *up)
{
    uint8_t c = s[p];
    if (c < 0x80) {
        *up = pii_is_upper(c);
        return pii_is_alpha(c) ? 1 : 0;
    }
    uint32_t cp;
    size_t l = sc_utf8_decode(s + p, n - p, &cp);
    if (l == 0 || !cp_letter(cp))
        return 0;
    *up = cp_upper(cp);
    return l;
}

static bool apostrophe_at(const uint8_t *s, size_t n, size_t p, size_t *len)
{
    if (p < n && s[p] == '\'') {
        *len = 1;
        return true;
    }
    if (p + 2 < n && s[p] == 0xE2 && s[p + 1] == 0x80 && s[p + 2] == 0x99) {
        *len = 3;
        return true;
    }
    return false;
}

/* Reads the word starting at or after p; false at the end of the text. */
static bool next_word(const uint8_t *s, size_t n, size_t p, word *w)
{
    bool up;
    size_t l = 0;
    while (p < n) {
        if (s[p] < 0x80 && !pii_is_alpha(s[p])) {
            p++;
            continue;
        }
        l = letter_at(s, n, p, &up);
        if (l != 0)
            break;
        p += s[p] < 0x80 ? 1 : (s[p] >= 0xF0 ? 4 : s[p] >= 0xE0 ? 3 : 2);
    }
    if (p >= n)
        return false;
    memset(w, 0, sizeof *w);
    w->s = p;
    bool first_up = up, any_lower = !up, all_up = up;
    size_t letters = 0;
    bool prev_lower = false;
    while (p < n) {
        bool u;
        size_t k = letter_at(s, n, p, &u);
        if (k == 0) {
            size_t al;
            /* inner hyphen or apostrophe followed by a letter: Jean-Luc, O'Brien (not Sarah's) */
            bool hy = s[p] == '-';
            bool ap = !hy && apostrophe_at(s, n, p, &al);
            size_t skip = hy ? 1 : (ap ? al : 0);
            if (skip == 0 || p + skip >= n)
                break;
            bool u2;
            size_t k2 = letter_at(s, n, p + skip, &u2);
            if (k2 == 0)
                break;
            if (ap && !u2) {
                /* Sarah's, I'm, don't: the word ends at the apostrophe */
                w->possessive = s[p + skip] == 's' && (p + skip + 1 >= n || letter_at(s, n, p + skip + 1, &u2) == 0);
                break;
            }
            p += skip;
            prev_lower = false;
            continue;
        }
        if (u && prev_lower && letters > 0) {
            /* McDonald, MacArthur, DeShawn, LaToya are names; anything else is camelCase */
            size_t wl = p - w->s;
            bool mc = (wl == 2 && (s[w->s] == 'M' && s[w->s + 1] == 'c')) ||
                      (wl == 3 && memcmp(s + w->s, "Mac", 3) == 0) || (wl == 2 && memcmp(s + w->s, "De", 2) == 0) ||
                      (wl == 2 && memcmp(s + w->s, "La", 2) == 0) || (wl == 2 && memcmp(s + w->s, "Le", 2) == 0) ||
                      (wl == 3 && memcmp(s + w->s, "Van", 3) == 0) || (wl == 3 && memcmp(s + w->s, "Von", 3) == 0) ||
                      (wl == 2 && memcmp(s + w->s, "Di", 2) == 0) || (wl == 2 && memcmp(s + w->s, "Da", 2) == 0);
            if (!mc)
                w->camel = true;
        }
        if (!u)
            any_lower = true;
        else if (letters > 0 && !prev_lower)
            (void)0;
        all_up = all_up && u;
        prev_lower = !u;
        letters++;
        p += k;
    }
    w->e = p;
    w->cap = first_up && any_lower;
    w->allcaps = all_up && letters >= 2;
    w->lower = !first_up;
    return true;
}

/* The word that ends before position p (skipping non-letters, at most `gap` bytes of them). */
static bool prev_word(const uint8_t *s, size_t p, size_t gap, size_t *ws, size_t *we)
{
    size_t q = p;
    while (q > 0 && p - q <= gap && !pii_is_alpha(s[q - 1]) && s[q - 1] < 0x80) {
        uint8_t c = s[q - 1];
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ';' || c == ')' || c == '(' ||
            c == '"' || c == '`' || c == '|' || c == '>')
            return false; /* context does not cross a sentence, a line or a quote */
        q--;
    }
    if (q == 0 || p - q > gap || !pii_is_alpha(s[q - 1]))
        return false;
    *we = q;
    while (q > 0 && (pii_is_alpha(s[q - 1]) || s[q - 1] == '\''))
        q--;
    *ws = q;
    return true;
}

/* The separator between two words of one name: one space (or tab); after an initial, ". " too. */
static bool joins(const uint8_t *s, size_t a_end, size_t b_start, bool a_initial)
{
    size_t gap = b_start - a_end;
    if (gap == 1 && (s[a_end] == ' '))
        return true;
    if (a_initial && gap == 2 && s[a_end] == '.' && s[a_end + 1] == ' ')
        return true;
    return false;
}

/* At the start of a sentence: nothing but spaces/quotes/bullets back to '.', '!', '?', a newline or
 * the start of the text. */
static bool sentence_start(const uint8_t *s, size_t p)
{
    while (p > 0) {
        uint8_t c = s[p - 1];
        if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == '*' || c == '-' || c == '>' ||
            c == '#' || c == '_' || c == '[')
            p--;
        else
            return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ':';
    }
    return true;
}

enum { STRONG = 1, MEDIUM = 2, WEAK = 3 };

/* Context before the name: returns the strength (0 none) and whether it accepts unknown words. */
static int context_before(const pii_scan *sc, size_t start, bool *accepts_unknown)
{
    const uint8_t *s = sc->s;
    size_t w1s, w1e, w2s, w2e, w3s, w3e;
    *accepts_unknown = false;
    /* "Name: X" labels and "--" signature markers */
    size_t q = start;
    while (q > 0 && (s[q - 1] == ' ' || s[q - 1] == '\t' || s[q - 1] == '"' || s[q - 1] == '\''))
        q--;
    size_t lab = q > 0 && s[q - 1] == ':' ? q - 1 : 0;
    if (lab > 0 && (s[lab - 1] == '"' || s[lab - 1] == '\''))
        lab--; /* "name": "Hans Zimmer" */
    if (q > 0 && s[q - 1] == ':' && prev_word(s, lab, 0, &w1s, &w1e) &&
        (pii_word_eq(s + w1s, w1e - w1s, "name") || pii_word_eq(s + w1s, w1e - w1s, "from") ||
         pii_word_eq(s + w1s, w1e - w1s, "to") || pii_word_eq(s + w1s, w1e - w1s, "author") ||
         pii_word_eq(s + w1s, w1e - w1s, "contact") || pii_word_eq(s + w1s, w1e - w1s, "attendee") ||
         pii_word_eq(s + w1s, w1e - w1s, "patient") || pii_word_eq(s + w1s, w1e - w1s, "customer") ||
         pii_word_eq(s + w1s, w1e - w1s, "employee") || pii_word_eq(s + w1s, w1e - w1s, "cc") ||
         pii_word_eq(s + w1s, w1e - w1s, "signed") || pii_word_eq(s + w1s, w1e - w1s, "recipient") ||
         pii_word_eq(s + w1s, w1e - w1s, "sender") || pii_word_eq(s + w1s, w1e - w1s, "owner") ||
         pii_word_eq(s + w1s, w1e - w1s, "assignee") || pii_word_eq(s + w1s, w1e - w1s, "reviewer"))) {
        *accepts_unknown = true;
        return STRONG;
    }
    if (!prev_word(s, start, 3, &w1s, &w1e))
        return 0;
    const uint8_t *w1 = s + w1s;
    size_t l1 = w1e - w1s;
    bool p2 = prev_word(s, w1s, 2, &w2s, &w2e);
    bool p3 = p2 && prev_word(s, w2s, 2, &w3s, &w3e);
    /* "my name is X", "name is X", "named X", "call me X", "I'm X", "I am X", "this is X" */
    if (pii_word_eq(w1, l1, "is") && p2 && pii_word_eq(s + w2s, w2e - w2s, "name")) {
        *accepts_unknown = true;
        return STRONG;
    }
    if (pii_word_eq(w1, l1, "named") || pii_word_eq(w1, l1, "aka") ||
        (pii_word_eq(w1, l1, "me") && p2 && pii_word_eq(s + w2s, w2e - w2s, "call"))) {
        *accepts_unknown = true;
        return STRONG;
    }
    if (pii_word_eq(w1, l1, "i'm") || pii_word_eq(w1, l1, "im") ||
        (pii_word_eq(w1, l1, "m") && p2 && pii_word_eq(s + w2s, w2e - w2s, "i")) ||
        (pii_word_eq(w1, l1, "am") && p2 && pii_word_eq(s + w2s, w2e - w2s, "i")) ||
        (pii_word_eq(w1, l1, "is") && p2 && pii_word_eq(s + w2s, w2e - w2s, "this")) ||
        (pii_word_eq(w1, l1, "s") && p2 && pii_word_eq(s + w2s, w2e - w2s, "it")))
        return STRONG;
    if (pii_word_eq(w1, l1, "by") && p2) {
        static const char *const BY[] = {"signed", "sent", "written", "approved", "reviewed", "reported",
                                         "authored", "submitted", "requested", "created", "owned", "assigned",
                                         "hosted", "organized", "organised", "led", "managed", NULL};
        for (size_t k = 0; BY[k] != NULL; k++)
            if (pii_word_eq(s + w2s, w2e - w2s, BY[k]))
                return STRONG;
    }
    int k = sc_person_context_word(w1, l1, 0);
    if (k == SC_PCTX_GREETING || k == SC_PCTX_RELATION) {
        /* "Hi Eilidh," "Dear Ngozi Okafor," "my colleague Tariq": a capitalized word there is a name */
        *accepts_unknown = true;
        return STRONG;
    }
    if (k == SC_PCTX_VERB)
        return WEAK;
    (void)p3;
    return 0;
}

/* Context after the name: Name <email>, Name (email), "X said", a possessive. */
static int context_after(const pii_scan *sc, size_t end, bool possessive)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t p = end;
    while (p < n && s[p] == ' ')
        p++;
    if (p < n && (s[p] == '<' || s[p] == '(' || s[p] == '[')) {
        uint8_t close = s[p] == '<' ? '>' : s[p] == '(' ? ')' : ']';
        for (size_t i = p + 1; i < n && i < p + 100 && s[i] != close && !pii_is_space(s[i]); i++)
            if (s[i] == '@')
                return STRONG;
    }
    if (possessive)
        return WEAK;
    size_t ws = p;
    while (p < n && pii_is_alpha(s[p]))
        p++;
    if (p > ws && end < n && s[end] == ' ' && sc_person_context_word(s + ws, p - ws, 1) == SC_PCTX_AFTER)
        return MEDIUM;
    return 0;
}

/* A signature: the name alone on its line after a sign-off line ("Best regards," / "Thanks," / "--"). */
static bool signature(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t ls = start;
    while (ls > 0 && (s[ls - 1] == ' ' || s[ls - 1] == '\t'))
        ls--;
    if (ls == 0 || s[ls - 1] != '\n')
        return false;
    size_t le = end;
    while (le < n && s[le] != '\n' && s[le] != '\r') {
        if (pii_is_alnum(s[le]) && le > end + 40)
            return false;
        le++;
    }
    /* the previous non-empty line */
    size_t p = ls - 1;
    while (p > 0 && (s[p - 1] == '\n' || s[p - 1] == '\r' || s[p - 1] == ' '))
        p--;
    size_t pe = p;
    while (p > 0 && s[p - 1] != '\n')
        p--;
    if (pe - p > 40)
        return false;
    if (pe - p >= 2 && s[p] == '-' && s[p + 1] == '-')
        return true;
    if (pe == p || (s[pe - 1] != ',' && s[pe - 1] != '!'))
        return false;
    for (size_t i = p; i < pe;) {
        while (i < pe && !pii_is_alpha(s[i]))
            i++;
        size_t ws = i;
        while (i < pe && pii_is_alpha(s[i]))
            i++;
        if (i > ws && sc_person_context_word(s + ws, i - ws, 2) == SC_PCTX_SIGNOFF)
            return true;
    }
    return false;
}

static bool particle(const uint8_t *w, size_t n)
{
    static const char *const P[] = {"van", "der", "den", "de", "la", "le", "von", "da", "di", "du", "del",
                                    "della", "dos", "das", "bin", "al", "el", "ter", "ten", "zu", "y", NULL};
    for (size_t k = 0; P[k] != NULL; k++)
        if (pii_word_eq(w, n, P[k]))
            return true;
    return false;
}

static bool place_preposition(const pii_scan *sc, size_t start)
{
    size_t ws, we;
    if (!prev_word(sc->s, start, 1, &ws, &we))
        return false;
    static const char *const PREP[] = {"in", "at", "to", "from", "near", "into", "visit", "visiting",
                                       "of", "around", "across", "via", "outside", "inside", NULL};
    for (size_t k = 0; PREP[k] != NULL; k++)
        if (pii_word_eq(sc->s + ws, we - ws, PREP[k]))
            return true;
    return false;
}

/* Is w usable inside a name: a capitalized word (or all caps when allow_caps), no code shape. */
static bool name_shaped(const pii_scan *sc, const word *w, bool allow_caps)
{
    if (w->camel || w->lower || (w->allcaps && !allow_caps))
        return false;
    const char *why;
    if (pii_in_code(sc, w->s, w->e, &why))
        return false;
    const uint8_t *s = sc->s;
    if ((w->s > 0 && pii_is_digit(s[w->s - 1])) || (w->e < sc->n && pii_is_digit(s[w->e])))
        return false;
    return true;
}

/* A name that is also an everyday word needs more evidence: the hand-kept ambiguous words, places and
 * eponyms always; other dictionary words only when the name is rare (not a common first/last name). */
static bool word_like(unsigned f, int cls)
{
    if (cls == SC_WORD_AMBIGUOUS || cls == SC_WORD_PLACE || cls == SC_WORD_EPONYM)
        return true;
    return (f & SC_NAME_WORD) != 0 && (f & (SC_NAME_COMMON_FIRST | SC_NAME_COMMON_LAST)) == 0;
}

static void emit(pii_scan *sc, size_t start, size_t end, double score, uint32_t ev)
{
    pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, start, end, score, ev);
}

static uint32_t fnv(const uint8_t *w, size_t n)
{
    uint32_t h = 0x811c9dc5u;
    for (size_t i = 0; i < n; i++) {
        h ^= w[i];
        h *= 0x01000193u;
    }
    return h;
}

typedef struct strong_tok {
    size_t s, len;
    uint32_t hash;
    double score;
    unsigned flags;
} strong_tok;

/* The PERSON candidate among [lo, hi) (sorted by start) overlapping [a, b), or SIZE_MAX. */
static size_t find_overlap(const pii_scan *sc, size_t lo, size_t hi, size_t a, size_t b)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->c[mid].end <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < sc->count && sc->c[lo].start < b && sc->c[lo].end > a ? lo : SIZE_MAX;
}

/* Raises other mentions of the words of strong names (consistency): one pass over the capitalized
 * words of the text against at most 64 strong words. */
static void consistency(pii_scan *sc, size_t first_cand)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    double thr = sc->det->threshold;
    size_t count = sc->count;
    strong_tok toks[64];
    size_t nt = 0;
    for (size_t ci = first_cand; ci < count && nt < 64; ci++) {
        if (sc->c[ci].type != SANCTUM_ENTITY_PERSON || sc->c[ci].score < thr)
            continue;
        size_t cs = sc->c[ci].start, ce = sc->c[ci].end;
        for (size_t p = cs; p < ce && nt < 64;) {
            word t;
            if (!next_word(s, ce, p, &t))
                break;
            p = t.e;
            size_t tl = t.e - t.s;
            if (tl < 3 || !t.cap)
                continue;
            unsigned f = sc_name_lookup(s + t.s, tl);
            int cls = sc_word_class(s + t.s, tl);
            if (word_like(f, cls) || cls != SC_WORD_NONE)
                continue;
            uint32_t h = fnv(s + t.s, tl);
            bool dup = false;
            for (size_t k = 0; k < nt; k++)
                if (toks[k].hash == h && toks[k].len == tl && memcmp(s + toks[k].s, s + t.s, tl) == 0) {
                    dup = true;
                    if (sc->c[ci].score > toks[k].score)
                        toks[k].score = sc->c[ci].score;
                }
            if (!dup)
                toks[nt++] = (strong_tok){t.s, tl, h, sc->c[ci].score, f};
        }
    }
    if (nt == 0)
        return;
    /* a 128-slot set of the tokens' hashes: most capitalized words miss it in one probe */
    uint8_t slot_of[128];
    memset(slot_of, 0, sizeof slot_of);
    for (size_t k = 0; k < nt; k++) {
        uint32_t h = toks[k].hash & 127u;
        while (slot_of[h] != 0)
            h = (h + 1) & 127u;
        slot_of[h] = (uint8_t)(k + 1);
    }
    /* person candidates [first_cand, count) are in text order */
    for (size_t p = 0; p < n;) {
        uint8_t c = s[p];
        if (pii_is_lower(c) || pii_is_digit(c) || c == '_') {
            while (p < n && (pii_is_alnum(s[p]) || s[p] == '_'))
                p++;
            continue;
        }
        if (!pii_is_upper(c) && c < 0x80) {
            p++;
            continue;
        }
        word t;
        if (!next_word(s, n, p, &t))
            break;
        size_t ws = t.s;
        p = t.e > p ? t.e : p + 1;
        if (!t.cap || (ws > 0 && (pii_is_alnum(s[ws - 1]) || s[ws - 1] == '_')))
            continue;
        size_t we = t.e, wl = we - ws;
        uint32_t h = fnv(s + ws, wl);
        for (uint32_t sl = h & 127u; slot_of[sl] != 0; sl = (sl + 1) & 127u) {
            size_t k = (size_t)slot_of[sl] - 1;
            if (toks[k].hash != h || toks[k].len != wl || memcmp(s + toks[k].s, s + ws, wl) != 0)
                continue;
            double sc2 = toks[k].score * 0.95 > 0.85 ? toks[k].score * 0.95 : 0.85;
            size_t o = find_overlap(sc, first_cand, count, ws, we);
            if (o != SIZE_MAX) {
                /* only weak mentions are lifted; a mention that stands on its own keeps its score */
                if (sc->c[o].type == SANCTUM_ENTITY_PERSON && sc->c[o].score < thr && sc->c[o].score < sc2 &&
                    (sc->c[o].evidence & SANCTUM_EV_SUPPRESSED) == 0) {
                    sc->c[o].score = sc2;
                    sc->c[o].evidence |= SANCTUM_EV_CONSISTENCY;
                }
                break;
            }
            const char *why;
            if (pii_in_code(sc, ws, we, &why))
                break;
            emit(sc, ws, we, sc2,
                 SANCTUM_EV_CONSISTENCY | ((toks[k].flags & SC_NAME_FIRST) ? SANCTUM_EV_GAZETTEER_FIRST : 0) |
                     ((toks[k].flags & SC_NAME_LAST) ? SANCTUM_EV_GAZETTEER_LAST : 0));
            break;
        }
    }
}

/* The word before `start` is a relation word (wife, colleague, boss ...). */
static bool prev_is_relation(const pii_scan *sc, size_t start)
{
    size_t ws, we;
    return prev_word(sc->s, start, 2, &ws, &we) &&
           sc_person_context_word(sc->s + ws, we - ws, 0) == SC_PCTX_RELATION;
}

/* Words after which a lower-case word may be a name (cheap test before the real context check). */
#define L_(c) (1u << ((c) - 'a'))
static bool lower_trigger_slow(const uint8_t *w, size_t n, uint8_t c);

/* Words after which a lower-case word may be a name: a first-letter mask by length rejects most words
 * inline; the rest compare against the lists. */
static inline bool lower_trigger(const uint8_t *w, size_t n)
{
    /* first letters of the trigger words by length: most words are rejected by this mask alone */
    static const uint32_t FIRST[11] = {0,
                                       L_('m'),
                                       L_('i') | L_('a') | L_('h') | L_('m') | L_('y') | L_('t') | L_('c'),
                                       L_('h') | L_('a') | L_('s') | L_('m') | L_('d') | L_('k'),
                                       L_('d') | L_('h') | L_('w') | L_('b') | L_('t') | L_('p') | L_('m') |
                                           L_('c') | L_('f'),
                                       L_('h') | L_('n') | L_('a') | L_('t') | L_('e'),
                                       L_('t') | L_('f') | L_('s') | L_('c'),
                                       L_('h') | L_('b') | L_('p'),
                                       L_('d') | L_('c') | L_('n') | L_('r'),
                                       L_('c') | L_('n') | L_('b'),
                                       L_('g')};
    if (n == 0 || n > 10 || !pii_is_alpha(w[0]) || (FIRST[n] & L_(pii_lower(w[0]))) == 0)
        return false;
    return lower_trigger_slow(w, n, pii_lower(w[0]));
}

static bool lower_trigger_slow(const uint8_t *w, size_t n, uint8_t c)
{
    static const char *const T1[] = {"m", NULL}, *const T2[] = {"is", "am", "im", "hi", "me", "yo", "to", "cc", NULL},
                             *const T3[] = {"hey", "aka", "son", "mom", "mum", "dad", "kid", "met", "ask", NULL},
                             *const T4[] = {"dear", "hiya", "wife", "boss", "with", "told", "tell", "ping", "meet",
                                            "call", "text", "from", NULL},
                             *const T5[] = {"hello", "named", "asked", "thank", "email", NULL},
                             *const T6[] = {"thanks", "friend", "sister", "cousin", NULL},
                             *const T7[] = {"husband", "brother", "partner", NULL},
                             *const T8[] = {"daughter", "coworker", "neighbor", "roommate", NULL},
                             *const T9[] = {"colleague", "neighbour", "boyfriend", NULL},
                             *const T10[] = {"girlfriend", NULL};
    static const char *const *const BY_LEN[] = {NULL, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10};
    for (const char *const *t = BY_LEN[n]; *t != NULL; t++)
        if ((uint8_t)(*t)[0] == c && pii_word_eq(w, n, *t))
            return true;
    return false;
}

/* Lower-case names after a strong phrase: "my name is sarah", "hi sarah", "i'm john smith". */
static size_t lower_name(pii_scan *sc, const word *w)
{
    /* most words after a trigger are no names: the gazetteer probe is cheaper than the context */
    if (!(sc_name_lookup(sc->s + w->s, w->e - w->s) & SC_NAME_FIRST))
        return w->e;
    bool unk;
    int ctx = context_before(sc, w->s, &unk);
    if (ctx == WEAK) {
        /* "talked to emma", "ping priya": a common first name that is no English word, after a verb */
        size_t wl = w->e - w->s;
        unsigned f = sc_name_lookup(sc->s + w->s, wl);
        int cls = sc_word_class(sc->s + w->s, wl);
        const char *why;
        if (wl < 3 || !(f & SC_NAME_COMMON_FIRST) || (f & SC_NAME_WORD) || cls != SC_WORD_NONE ||
            pii_in_code(sc, w->s, w->e, &why))
            return w->e;
        emit(sc, w->s, w->e, 0.7, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK);
        return w->e;
    }
    if (ctx != STRONG)
        return w->e;
    static const char *const FUNCTION_WORDS[] = {
        "my", "me", "the", "we", "you", "he", "she", "it", "his", "her", "our", "their", "to", "at", "in", "on",
        "and", "or", "but", "so", "not", "no", "yes", "a", "an", "this", "that", "just", "here", "there", "back",
        "sorry", "happy", "glad", "fine", "good", "ok", "okay", "sure", "all", "everyone", "guys", "team", NULL};
    for (size_t k = 0; FUNCTION_WORDS[k] != NULL; k++)
        if (pii_word_eq(sc->s + w->s, w->e - w->s, FUNCTION_WORDS[k]))
            return w->e;
    if (!unk) {
        /* after a greeting or a relation word the name must end the phrase: "hi sarah," "my wife anna" */
        size_t q = w->e;
        while (q < sc->n && sc->s[q] == ' ')
            q++;
        bool ends = q >= sc->n || sc->s[q] == ',' || sc->s[q] == '!' || sc->s[q] == '.' || sc->s[q] == '\n' ||
                    sc->s[q] == '?' || sc->s[q] == ':' || sc->s[q] == ';';
        word nx;
        bool relation = prev_is_relation(sc, w->s);
        if (!ends && !relation && !(next_word(sc->s, sc->n, w->e, &nx) && nx.lower &&
                                    (sc_name_lookup(sc->s + nx.s, nx.e - nx.s) & SC_NAME_LAST)))
            return w->e;
    }
    unsigned f = sc_name_lookup(sc->s + w->s, w->e - w->s);
    int cls = sc_word_class(sc->s + w->s, w->e - w->s);
    if (!(f & SC_NAME_FIRST) || cls == SC_WORD_STOP || cls == SC_WORD_TITLE)
        return w->e;
    /* "my name is will" vouches for a word; "hi will" does not */
    if (!unk && (word_like(f, cls) || (f & SC_NAME_WORD)))
        return w->e;
    const char *why;
    if (pii_in_code(sc, w->s, w->e, &why))
        return w->e;
    size_t end = w->e;
    uint32_t ev = SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK;
    word b;
    if (!w->possessive && next_word(sc->s, sc->n, w->e, &b) && b.lower && joins(sc->s, w->e, b.s, false)) {
        unsigned fb = sc_name_lookup(sc->s + b.s, b.e - b.s);
        if ((fb & SC_NAME_LAST) && !(fb & SC_NAME_WORD)) {
            end = b.e;
            ev |= SANCTUM_EV_GAZETTEER_LAST;
        }
    }
    emit(sc, w->s, end, 0.75, ev);
    return end;
}

void pii_rec_person(pii_scan *sc)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t first_cand = sc->count;
    size_t p = 0, prev_s = 0, prev_e = 0;
    word w;
    for (;;) {
        /* fast path: plain lower-case ASCII words and punctuation only matter as triggers */
        while (p < n) {
            uint8_t c = s[p];
            if (pii_is_lower(c)) {
                size_t j = p + 1;
                while (j < n && pii_is_lower(s[j]))
                    j++;
                if (j < n && (s[j] >= 0x80 || pii_is_upper(s[j]) || s[j] == '\'' || s[j] == '-'))
                    break; /* not a plain word: the full tokenizer decides */
                if (j - p >= 2 && prev_e > prev_s && p - prev_e <= 2 && lower_trigger(s + prev_s, prev_e - prev_s)) {
                    word lw;
                    memset(&lw, 0, sizeof lw);
                    lw.s = p;
                    lw.e = j;
                    lw.lower = true;
                    prev_s = p;
                    prev_e = j;
                    p = lower_name(sc, &lw);
                    continue;
                }
                prev_s = p;
                prev_e = j;
                p = j;
            } else if (pii_is_upper(c) || c >= 0x80) {
                break;
            } else {
                p++;
                while (p < n && pii_is_digit(s[p - 1]) && pii_is_alpha(s[p]))
                    p++; /* letters glued to digits (3rd, 10px, sha1) are not words here */
            }
        }
        if (!next_word(s, n, p, &w))
            break;
        p = w.e;
        if (sc->oom)
            return;
        size_t wl = w.e - w.s;
        if (w.lower) {
            /* lower-case names only right after a trigger word ("name is", "hi", "my wife") */
            bool trig = wl >= 2 && prev_e > prev_s && w.s - prev_e <= 2 && lower_trigger(s + prev_s, prev_e - prev_s);
            prev_s = w.s;
            prev_e = w.e;
            if (trig)
                p = lower_name(sc, &w);
            continue;
        }
        prev_s = w.s;
        prev_e = w.e;
        if (!w.cap && !w.allcaps)
            continue;
        int cls = sc_word_class(s + w.s, wl);
        if (cls == SC_WORD_STOP || cls == SC_WORD_ORG_NEXT || cls == SC_WORD_TECH_NOUN)
            continue;
        /* titles: the capitalized words after "Mr", "Dr.", "Prof" are a name */
        if (cls == SC_WORD_TITLE && w.cap) {
            size_t q = w.e;
            if (q < n && s[q] == '.')
                q++;
            word a;
            size_t name_start = q + 1;
            /* "Prof. van Dijk", "Mr de la Cruz": particles between the title and the surname */
            while (q < n && s[q] == ' ' && next_word(s, n, q, &a) && a.s == q + 1 && a.lower &&
                   particle(s + a.s, a.e - a.s))
                q = a.e;
            if (q < n && s[q] == ' ' && next_word(s, n, q, &a) && a.s == q + 1 && name_shaped(sc, &a, false) &&
                sc_word_class(s + a.s, a.e - a.s) != SC_WORD_STOP) {
                size_t end = a.e;
                word b;
                if (!a.possessive && next_word(s, n, a.e, &b) && joins(s, a.e, b.s, a.e - a.s == 1) &&
                    name_shaped(sc, &b, false) && sc_word_class(s + b.s, b.e - b.s) == SC_WORD_NONE)
                    end = b.e;
                unsigned fa = sc_name_lookup(s + a.s, a.e - a.s);
                emit(sc, name_start, end, 0.9,
                     SANCTUM_EV_TITLE | ((fa & SC_NAME_FIRST) ? SANCTUM_EV_GAZETTEER_FIRST : 0) |
                         ((fa & SC_NAME_LAST) ? SANCTUM_EV_GAZETTEER_LAST : 0));
                p = end;
            }
            continue;
        }
        if (!name_shaped(sc, &w, true))
            continue;
        unsigned fa = sc_name_lookup(s + w.s, wl);
        if (fa == 0 && cls == SC_WORD_NONE) {
            /* an unknown capitalized word starts a name only with a phrase that vouches for it */
            bool unk_ok0 = false;
            int b0 = context_before(sc, w.s, &unk_ok0);
            if (!(b0 == STRONG && unk_ok0) && !signature(sc, w.s, w.e) && !w.allcaps) {
                word nx0;
                unsigned f0 = 0;
                bool seq_after = next_word(s, n, w.e, &nx0) && joins(s, w.e, nx0.s, false) && nx0.cap &&
                                 ((f0 = sc_name_lookup(s + nx0.s, nx0.e - nx0.s)) & SC_NAME_LAST) &&
                                 !(f0 & SC_NAME_FIRST); /* "Contact Sarah Lee": the name starts later */
                if (!seq_after)
                    continue;
            }
        }
        /* eponyms: "Dijkstra's algorithm", "Gauss elimination", "Markov chain" */
        word nx;
        bool has_next = next_word(s, n, w.e, &nx);
        if (cls == SC_WORD_EPONYM && has_next && nx.s - w.e <= 3 &&
            sc_word_class(s + nx.s, nx.e - nx.s) == SC_WORD_TECH_NOUN) {
            p = nx.e;
            continue;
        }
        /* gather the following words of the name: first [middle|initial] last */
        size_t toks[4][2] = {{w.s, w.e}, {0, 0}, {0, 0}, {0, 0}};
        unsigned fl[4] = {fa, 0, 0, 0};
        size_t nt = 1;
        bool org = false, initial_mid = false;
        word cur = w;
        while (nt < 4 && !cur.possessive) {
            word b;
            if (!next_word(s, n, cur.e, &b))
                break;
            /* lower-case particles inside a name: "Van der Berg", "de la Cruz", "bin Salman" */
            while (b.lower && nt > 0 && joins(s, cur.e, b.s, false) && particle(s + b.s, b.e - b.s)) {
                word c2;
                if (!next_word(s, n, b.e, &c2) || !joins(s, b.e, c2.s, false) || !(c2.cap || particle(s + c2.s, c2.e - c2.s)))
                    break;
                cur.e = b.e;
                b = c2;
            }
            bool cur_initial = cur.e - cur.s == 1;
            if (!joins(s, cur.e, b.s, cur_initial))
                break;
            int bc = sc_word_class(s + b.s, b.e - b.s);
            if (bc == SC_WORD_ORG_NEXT || bc == SC_WORD_TECH_NOUN) {
                if (b.cap || b.allcaps)
                    org = true;
                break;
            }
            if (bc == SC_WORD_STOP || bc == SC_WORD_TITLE || !name_shaped(sc, &b, w.allcaps))
                break;
            if (w.allcaps != b.allcaps && !(b.e - b.s == 1))
                break;
            if (b.e - b.s == 1)
                initial_mid = true;
            toks[nt][0] = b.s;
            toks[nt][1] = b.e;
            fl[nt] = sc_name_lookup(s + b.s, b.e - b.s);
            nt++;
            cur = b;
        }
        if (org) {
            p = cur.e;
            continue;
        }
        /* an initial must be followed by a last name */
        while (nt > 1 && toks[nt - 1][1] - toks[nt - 1][0] == 1)
            nt--;
        size_t end = toks[nt - 1][1];
        bool poss = nt == 1 ? w.possessive : cur.possessive;
        unsigned last = fl[nt - 1];
        bool start_of_sentence = sentence_start(s, w.s);
        /* at the start of a sentence capitalization says nothing: any dictionary word needs evidence */
        bool a_word = word_like(fa, cls) || (start_of_sentence && (fa & SC_NAME_WORD));
        bool l_word = word_like(last, sc_word_class(s + toks[nt - 1][0], end - toks[nt - 1][0]));
        double score = 0;
        uint32_t ev = 0;
        if (fa & SC_NAME_FIRST)
            ev |= SANCTUM_EV_GAZETTEER_FIRST;
        if (last & SC_NAME_LAST)
            ev |= SANCTUM_EV_GAZETTEER_LAST;
        if (w.allcaps) {
            /* all caps only as a known first + last name pair */
            if (nt < 2 || !(fa & SC_NAME_FIRST) || !(last & (SC_NAME_LAST | SC_NAME_FIRST)) || a_word || l_word)
                continue;
            score = 0.8;
            ev |= SANCTUM_EV_NAME_SEQUENCE;
        } else if (nt >= 2) {
            bool a_first = (fa & SC_NAME_FIRST) != 0;
            bool l_known = (last & (SC_NAME_LAST | SC_NAME_FIRST)) != 0;
            ev |= SANCTUM_EV_NAME_SEQUENCE;
            if (a_first && l_known)
                score = a_word && l_word ? 0.6 : (a_word || l_word ? 0.8 : 0.9);
            else if (a_first && last == 0)
                score = a_word ? 0.5 : ((fa & SC_NAME_COMMON_FIRST) ? 0.8 : 0.7);
            else if (!a_first && fa == 0 && (last & SC_NAME_LAST) && !l_word)
                score = 0.6;
            else if (fa & SC_NAME_LAST)
                score = l_known ? 0.6 : 0.4;
            else
                score = 0;
            if (initial_mid && score > 0)
                score += 0.05;
            if (a_word || l_word)
                ev |= SANCTUM_EV_COMMON_WORD;
        } else {
            if ((fa & SC_NAME_FIRST) && !a_word) {
                bool common = (fa & SC_NAME_COMMON_FIRST) != 0;
                score = common ? (start_of_sentence ? 0.7 : 0.75) : (start_of_sentence ? 0.5 : 0.6);
                ev |= SANCTUM_EV_FORMAT_WEAK;
            } else if ((fa & SC_NAME_LAST) && !a_word) {
                score = start_of_sentence ? 0.4 : 0.5;
                ev |= SANCTUM_EV_FORMAT_WEAK;
            } else if (fa != 0 || cls != SC_WORD_NONE) {
                score = 0.36; /* strong context alone (+0.35) lifts it over 0.7: "Hi Will," */
                ev |= SANCTUM_EV_COMMON_WORD;
            }
        }
        /* context */
        bool unk_ok = false;
        int before = context_before(sc, w.s, &unk_ok);
        int after = context_after(sc, end, poss);
        bool sig = signature(sc, w.s, end);
        bool known = fa != 0 || (nt >= 2 && last != 0);
        if (!known && !(score > 0)) {
            /* unknown words need a strong phrase that accepts them, a signature or Name <email> */
            if ((before == STRONG && unk_ok) || sig || after == STRONG || (before == STRONG && nt >= 2))
                score = 0.45;
            else {
                p = end;
                continue;
            }
        }
        if (before == STRONG || sig || after == STRONG) {
            score += 0.35;
            ev |= before == STRONG ? SANCTUM_EV_CONTEXT_BEFORE : SANCTUM_EV_CONTEXT_AFTER;
        } else {
            if (before == WEAK) {
                score += 0.1;
                ev |= SANCTUM_EV_CONTEXT_BEFORE;
            }
            if (after == MEDIUM) {
                score += 0.2;
                ev |= SANCTUM_EV_CONTEXT_AFTER;
            } else if (after == WEAK) {
                score += 0.05;
                ev |= SANCTUM_EV_CONTEXT_AFTER;
            }
        }
        /* "Johnson & Johnson", "Marks & Spencer": a firm; "Adam optimizer", "Jackson library": a tool */
        if (before != STRONG && !sig) {
            size_t q = end;
            while (q < n && s[q] == ' ')
                q++;
            word tn;
            if ((q < n && s[q] == '&') || (w.s >= 2 && s[w.s - 1] == ' ' && s[w.s - 2] == '&')) {
                score = 0;
                ev |= SANCTUM_EV_SUPPRESSED;
            } else if (nt == 1 && !poss && q == end + 1 && next_word(s, n, end, &tn) && tn.s == q &&
                       (sc_word_class(s + tn.s, tn.e - tn.s) == SC_WORD_TECH_NOUN ||
                        (tn.lower && sc_word_class(s + tn.s, tn.e - tn.s) == SC_WORD_ORG_NEXT))) {
                score = 0;
                ev |= SANCTUM_EV_SUPPRESSED;
            }
        }
        /* the second word of a place: "Saint Louis", "San Antonio", "Fort Worth", "Los Angeles" */
        {
            size_t ps, pe;
            static const char *const PLACE_PREFIX[] = {"san", "santa", "saint", "sainte", "st", "fort", "los",
                                                       "las", "port", "mount", "lake", "new", NULL};
            if (prev_word(s, w.s, 1, &ps, &pe) && pii_is_upper(s[ps]) && w.s - pe == 1)
                for (size_t k = 0; PLACE_PREFIX[k] != NULL; k++)
                    if (pii_word_eq(s + ps, pe - ps, PLACE_PREFIX[k]) && before != STRONG) {
                        score = 0;
                        ev |= SANCTUM_EV_SUPPRESSED;
                    }
        }
        /* places after a preposition need a real name context */
        if (cls == SC_WORD_PLACE && nt == 1 && place_preposition(sc, w.s) && before != STRONG && !sig) {
            score = 0;
            ev |= SANCTUM_EV_SUPPRESSED;
        }
        if (ev & SANCTUM_EV_SUPPRESSED)
            pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, w.s, end, 0.0, ev); /* blocks consistency */
        else if (score > 0)
            emit(sc, w.s, end, score, ev);
        /* a weak multi-word reading may hide a name that starts at its second word */
        p = (nt > 1 && score < sc->det->threshold) ? w.e : end;
    }
    if (!sc->oom)
        consistency(sc, first_cand);
}
