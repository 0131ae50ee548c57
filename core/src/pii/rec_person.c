/* PERSON without a model: the compiled gazetteer (names.h), titles, context phrases before and after,
 * capitalization and sequence rules, signatures, "Name <email>", possessives, and consistency (a name
 * found once with strong evidence raises its other mentions). Scores are in docs/pii.md. */
#include <string.h>

#include "names.h"
#include "person.h"
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
/* Latin Extended-A pairs its cases even-odd (upper first), except 0x139-0x148 and 0x179-0x17E, which
 * start on an odd code point (Ĺ, Ł, Ń, Ź, Ż, Ž). */
static bool latin_ext_a_upper(uint32_t cp)
{
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        return (cp & 1) == 1;
    return cp == 0x178 || (cp & 1) == 0;
}
static bool cp_upper(uint32_t cp)
{
    return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x100 && cp <= 0x17F && latin_ext_a_upper(cp)) ||
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

static bool email_echo(const pii_scan *sc, size_t ws, size_t we);

/* The speaker of a chat log line: "[10:02] Tamsin: ...", "[09:14:55] <Brigid> ...", "10:02 Tamsin: ...". */
static bool chat_speaker(const pii_scan *sc, size_t start)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, q = start;
    bool angle = q > 0 && s[q - 1] == '<';
    if (angle)
        q--;
    /* cheap test first: "] " or a digit and a space right before */
    if (q < 3 || s[q - 1] != ' ' || (s[q - 2] != ']' && !pii_is_digit(s[q - 2])))
        return false;
    /* the name must end in ':' (or '>' when it opened with '<') within 40 bytes */
    size_t e = start;
    while (e < n && e - start < 40 && s[e] != '\n' && s[e] != ':' && s[e] != '>')
        e++;
    if (e >= n || (angle ? s[e] != '>' : s[e] != ':'))
        return false;
    if (q == 0 || s[q - 1] != ' ')
        return false;
    q--;
    if (q > 0 && s[q - 1] == ']')
        q--;
    /* a time before: digits and colons back to '[' or the line start */
    size_t digits = 0, colons = 0;
    while (q > 0 && (pii_is_digit(s[q - 1]) || s[q - 1] == ':')) {
        digits += pii_is_digit(s[q - 1]);
        colons += s[q - 1] == ':';
        q--;
    }
    if (digits < 3 || colons < 1 || colons > 2)
        return false;
    if (q > 0 && s[q - 1] == '[')
        q--;
    return q == 0 || s[q - 1] == '\n';
}

/* Context before the name: returns the strength (0 none) and whether it accepts unknown words. */
static int context_before(const pii_scan *sc, size_t start, bool *accepts_unknown)
{
    const uint8_t *s = sc->s;
    size_t w1s = 0, w1e = 0, w2s = 0, w2e = 0, w3s = 0, w3e = 0;
    *accepts_unknown = false;
    /* "Name: X" labels and "--" signature markers */
    size_t q = start;
    while (q > 0 && (s[q - 1] == ' ' || s[q - 1] == '\t' || s[q - 1] == '"' || s[q - 1] == '\''))
        q--;
    size_t lab = q > 0 && s[q - 1] == ':' ? q - 1 : 0;
    if (lab > 0 && (s[lab - 1] == '"' || s[lab - 1] == '\''))
        lab--; /* "name": "Hans Zimmer" */
    static const char *const LABELS[] = {"name", "from", "to", "author", "contact", "attendee", "patient",
                                         "customer", "employee", "cc", "signed", "recipient", "sender", "owner",
                                         "assignee", "reviewer", "fn", "applicant", "insured", "passenger",
                                         "pax", "guest", "tenant", "member", "beneficiary", "holder",
                                         "cardholder", "traveler", "traveller", "student", "candidate",
                                         "policyholder", "claimant", "debtor", "payee", "signatory", NULL};
    if (q > 0 && s[q - 1] == ':' && prev_word(s, lab, 0, &w1s, &w1e) && word_in(s + w1s, w1e - w1s, LABELS)) {
        *accepts_unknown = true;
        return STRONG;
    }
    if (chat_speaker(sc, start)) {
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
    if (pii_honorific_after(s, n, end))
        return STRONG;
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
    /* two capitals before a lower-case letter are a tool's name, not a person's ("ASan", "UBSan") */
    if (w->e - w->s >= 3 && pii_is_upper(s[w->s]) && pii_is_upper(s[w->s + 1]) && pii_is_lower(s[w->s + 2]))
        return false;
    return true;
}

/* A name that is also an everyday word needs more evidence: the hand-kept ambiguous words, places and
 * eponyms always; other dictionary words only when the name is rare (not a common first/last name). */
static bool word_like(unsigned f, int cls)
{
    if (cls == SC_WORD_AMBIGUOUS || cls == SC_WORD_PLACE || cls == SC_WORD_EPONYM || cls == SC_WORD_SOFTWARE)
        return true;
    return (f & SC_NAME_WORD) != 0 && (f & (SC_NAME_COMMON_FIRST | SC_NAME_COMMON_LAST)) == 0;
}


static unsigned name_flags(const uint8_t *s, size_t a, size_t b)
{
    unsigned f = sc_name_lookup(s + a, b - a);
    if (f != 0 || b - a < 3 || b - a > 40)
        return f;
    if (s[a] >= 0x80)
        return pii_cyrillic_flags(s, a, b);
    const unsigned keep = SC_NAME_FIRST | SC_NAME_LAST | SC_NAME_COMMON_FIRST | SC_NAME_COMMON_LAST;
    for (size_t i = a + 1; i + 1 < b; i++)
        if (s[i] == '-') {
            unsigned f1 = name_flags(s, a, i), f2 = name_flags(s, i + 1, b);
            if ((f1 & (SC_NAME_FIRST | SC_NAME_LAST)) == 0 || (f2 & (SC_NAME_FIRST | SC_NAME_LAST)) == 0)
                return 0;
            return (f1 | f2) & keep;
        }
    size_t al;
    if (b - a >= 4 && apostrophe_at(s, b, a + 1, &al) && a + 1 + al < b) {
        uint8_t c = pii_lower(s[a]);
        unsigned rest = sc_name_lookup(s + a + 1 + al, b - a - 1 - al);
        if (c == 'o')
            return (rest & (SC_NAME_FIRST | SC_NAME_LAST)) ? SC_NAME_LAST : 0;
        if (c == 'd' || c == 'l') {
            uint8_t buf[40];
            buf[0] = s[a];
            memcpy(buf + 1, s + a + 1 + al, b - a - 1 - al);
            unsigned joined = sc_name_lookup(buf, b - a - al);
            if (joined & (SC_NAME_FIRST | SC_NAME_LAST))
                return joined & keep;
            return (rest & (SC_NAME_FIRST | SC_NAME_LAST)) ? (rest & (keep & ~(unsigned)SC_NAME_COMMON_FIRST)) : 0;
        }
    }
    return 0;
}

/* Nothing but spaces before the end of a phrase (punctuation, a line break or the end of the text). */
static bool phrase_end_at(const uint8_t *s, size_t n, size_t q)
{
    while (q < n && s[q] == ' ')
        q++;
    return q >= n || s[q] == ',' || s[q] == '!' || s[q] == '.' || s[q] == '\n' || s[q] == '\r' || s[q] == '?' ||
           s[q] == ':' || s[q] == ';' || s[q] == ')';
}


/* Everyday chat words that are never a lower-case name, even where the gazetteer holds them as a name
 * in some locale ("hey, can you ...", "hi so the deploy ..."). */
static bool chat_word(const uint8_t *w, size_t n)
{
    static const char *const C_a[] = {"a", "about", "afternoon", "again", "all", "already", "also", "an",
        "and", "any", "anybody", "anyone", "are", "as", "asap", "at", NULL};
    static const char *const C_b[] = {"back", "be", "been", "big", "bro", "btw", "but", "by", NULL};
    static const char *const C_c[] = {"can", "cant", "could", NULL};
    static const char *const C_d[] = {"dear", "did", "didnt", "do", "does", "dont", "dude", NULL};
    static const char *const C_e[] = {"evening", "everybody", "everyone", NULL};
    static const char *const C_f[] = {"fine", "folks", "for", "from", "fyi", NULL};
    static const char *const C_g[] = {"get", "glad", "gonna", "good", "got", "gotta", "guys", NULL};
    static const char *const C_h[] = {"had", "happy", "has", "have", "he", "her", "here", "his", "how", NULL};
    static const char *const C_i[] = {"idk", "if", "im", "imo", "in", "is", "isnt", "it", "ive", NULL};
    static const char *const C_j[] = {"just", NULL};
    static const char *const C_k[] = {NULL};
    static const char *const C_l[] = {"lemme", "let", "lets", "little", "lol", NULL};
    static const char *const C_m[] = { "man", "mate", "may", "maybe", "me", "might", "morning", "must", "my",
        NULL};
    static const char *const C_n[] = {"new", "night", "no", "not", "now", NULL};
    static const char *const C_o[] = {"of", "ok", "okay", "on", "one", "or", "our", NULL};
    static const char *const C_p[] = {"please", "pls", "plz", NULL};
    static const char *const C_q[] = {"quick", NULL};
    static const char *const C_r[] = {"real", NULL};
    static const char *const C_s[] = { "shall", "she", "should", "sis", "so", "someone", "sorry", "still",
        "sure", NULL};
    static const char *const C_t[] = { "team", "thank", "thanks", "that", "the", "their", "then", "there",
        "this", "thx", "to", "two", "ty", NULL};
    static const char *const C_u[] = {"u", "ur", NULL};
    static const char *const C_v[] = {NULL};
    static const char *const C_w[] = { "wanna", "was", "we", "well", "were", "what", "whats", "when", "where",
        "which", "who", "why", "will", "with", "wont", "world", "would", NULL};
    static const char *const C_x[] = {NULL};
    static const char *const C_y[] = {"ya", "yall", "yes", "you", "youre", NULL};
    static const char *const C_z[] = {NULL};
    static const char *const *const BY_FIRST[26] = {C_a, C_b, C_c, C_d, C_e, C_f, C_g, C_h, C_i,
                                                    C_j, C_k, C_l, C_m, C_n, C_o, C_p, C_q, C_r,
                                                    C_s, C_t, C_u, C_v, C_w, C_x, C_y, C_z};
    if (n == 0 || n > 9 || !pii_is_alpha(w[0]))
        return false;
    return word_in(w, n, BY_FIRST[pii_lower(w[0]) - 'a']);
}

/* A word that may follow a self-introduced name: "i'm li wei from ...", "this is ana and ...". */
static bool intro_follow(const uint8_t *s, size_t n, size_t q)
{
    static const char *const F[] = {"and", "from", "here", "calling", "speaking", "with", "at", "of", "in",
                                    "i", "im", "btw", "by", "for", "on", NULL};
    if (q >= n || s[q] != ' ')
        return false;
    size_t a = q + 1, b = a;
    while (b < n && pii_is_lower(s[b]))
        b++;
    return b > a && (b >= n || !pii_is_alpha(s[b])) && word_in(s + a, b - a, F);
}

/* A verb or phrase before a name that only people take: "ask X", "ping X", "met X", "talked to X",
 * "had lunch with X". */
static bool person_verb_before(const pii_scan *sc, size_t start)
{
    static const char *const V[] = {"ask", "asked", "asking", "tell", "told", "telling", "ping", "pinged",
                                    "met", "meet", "cc", "remind", "reminded", "thank", "thanked", "emailed",
                                    "texted", "hire", "hired", "dm", "invite", "invited", "paged", "page",
                                    "interviewed", "fired", NULL};
    static const char *const V2[] = {"talk", "talked", "talking", "spoke", "speak", "speaking", "chat",
                                     "chatted", "chatting", "met", "meet", "meeting", "lunch", "coffee",
                                     "dinner", "replied", "reply", "wrote", "write", "introduced", "listen",
                                     "listened", "complained", "explained", "mentioned", "said", "call",
                                     "sync", "synced", "catch", "checked", "check", "1:1", NULL};
    const uint8_t *s = sc->s;
    size_t ws, we, vs, ve;
    if (!prev_word(s, start, 1, &ws, &we))
        return false;
    if (word_in(s + ws, we - ws, V))
        return true;
    if ((pii_word_eq(s + ws, we - ws, "to") || pii_word_eq(s + ws, we - ws, "with") ||
         pii_word_eq(s + ws, we - ws, "up")) &&
        prev_word(s, ws, 1, &vs, &ve))
        return word_in(s + vs, ve - vs, V2);
    return false;
}

/* After a name it makes a holiday or an award: "Martin Luther King Jr. Day", "Turing Award". */
static bool honour_word(const uint8_t *w, size_t n)
{
    static const char *const H[] = {"day", "prize", "award", "awards", "medal", "lecture", "fellowship",
                                    "scholarship", "trophy", "holiday", "weekend", NULL};
    if (n < 3 || n > 11)
        return false;
    uint8_t c = pii_lower(w[0]);
    if (c != 'd' && c != 'p' && c != 'a' && c != 'm' && c != 'l' && c != 'f' && c != 's' && c != 't' &&
        c != 'h' && c != 'w')
        return false;
    return word_in(w, n, H);
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

/* Words after which a lower-case word may be a name (cheap test before the real context check). */
#define L_(c) (1u << ((c) - 'a'))
static bool lower_trigger_slow(const uint8_t *w, size_t n, uint8_t c);

/* Words after which a lower-case word may be a name: the self-introduction phrases, verbs, and every
 * greeting and relation word of the context table (names.c). A first-letter mask by length rejects most
 * words inline; the rest probe a small open-addressing table, laid out for the hash below (a word
 * is in the slot of its hash or in a later one before the next empty slot; regenerate both together). */
static inline bool lower_trigger(const uint8_t *w, size_t n)
{
    static const uint32_t FIRST[16] = {0,
                                       L_('m'),
                                       L_('a') | L_('c') | L_('e') | L_('h') | L_('i') | L_('m') | L_('t') |
                                           L_('y'),
                                       L_('a') | L_('b') | L_('d') | L_('h') | L_('k') | L_('m') | L_('p') |
                                           L_('s') | L_('t'),
                                       L_('b') | L_('c') | L_('d') | L_('f') | L_('h') | L_('m') | L_('p') |
                                           L_('t') | L_('w'),
                                       L_('a') | L_('b') | L_('c') | L_('e') | L_('h') | L_('n') | L_('s') |
                                           L_('t'),
                                       L_('c') | L_('f') | L_('i') | L_('l') | L_('m') | L_('n') | L_('s') |
                                           L_('t'),
                                       L_('b') | L_('e') | L_('f') | L_('g') | L_('h') | L_('m') | L_('p') |
                                           L_('s') | L_('t') | L_('w'),
                                       L_('a') | L_('c') | L_('d') | L_('e') | L_('f') | L_('g') | L_('l') |
                                           L_('n') | L_('r'),
                                       L_('a') | L_('b') | L_('c') | L_('n') | L_('r'),
                                       L_('c') | L_('g') | L_('s'),
                                       L_('g'),
                                       L_('s'),
                                       L_('g'),
                                       0,
                                       L_('c')};
    if (n == 0 || n > 15 || !pii_is_alpha(w[0]) || (FIRST[n] & L_(pii_lower(w[0]))) == 0)
        return false;
    return lower_trigger_slow(w, n, pii_lower(w[0]));
}

static bool lower_trigger_slow(const uint8_t *w, size_t n, uint8_t c)
{
    static const char *const SLOTS[256] = {
    "attorney", "fiance", NULL, NULL, "sister", "assistant", NULL, NULL, NULL, "brother", "friend", "client",
    "evening", "supervisor", "thx", "to", "hiya", NULL, NULL, NULL, NULL, NULL, NULL, NULL, "coworker", NULL,
    "cousin", NULL, NULL, NULL, NULL, NULL, NULL, "me", "candidate", NULL, "afternoon", "congrats", "baby",
    "flatmate", "goodbye", "intern", "mom", NULL, "thank", "am", "ex", "neighbor", "yo", NULL, "ask", "hallo",
    "spouse", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "employee", NULL, NULL, NULL, NULL,
    NULL, "told", NULL, "manager", NULL, "met", NULL, NULL, NULL, NULL, NULL, "grandma", "grandpa", NULL,
    NULL, NULL, NULL, "dear", NULL, NULL, NULL, NULL, "child", "son", "partner", "grandson", NULL, NULL,
    "welcome", NULL, NULL, NULL, NULL, "fiancee", "im", "hey", NULL, NULL, "morning", "email", NULL,
    "daughter", "is", "mate", NULL, NULL, NULL, NULL, NULL, NULL, "patient", "tell", NULL, NULL, "pal", NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, "cheers", "cc", "call", NULL, NULL, NULL, NULL, NULL, "boss",
    "granddaughter", "stepson", NULL, "girlfriend", NULL, NULL, NULL, NULL, NULL, "mother", "neighbour",
    "night", "ping", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "asked", NULL, "ciao", NULL, "bye",
    "nephew", NULL, "applicant", "tenant", NULL, NULL, "bonjour", "wife", "hi", "hello", "meet", "father",
    "recruiter", NULL, "sorry", "from", NULL, "stepdaughter", "aka", NULL, NULL, NULL, NULL, NULL, "dad",
    "twin", "boyfriend", "grandfather", "grandmother", "salut", NULL, NULL, NULL, NULL, NULL, NULL, "hola",
    NULL, NULL, NULL, "named", NULL, NULL, NULL, "customer", "niece", "colleague", "with", NULL, NULL,
    "roommate", "student", "husband", "lawyer", "sibling", NULL, "mum", "text", NULL, NULL, "contractor",
    NULL, NULL, NULL, NULL, "kid", "congratulations", "m", NULL, NULL, NULL, NULL, NULL, "landlord", NULL,
    NULL, NULL, NULL, "teacher", NULL, NULL, "buddy", NULL, "thanks", NULL, NULL, NULL, NULL, NULL, NULL,
    };
    unsigned c1 = n > 1 ? pii_lower(w[1]) : 0u, cl = pii_lower(w[n - 1]);
    unsigned i = (c * 7u + c1 * 31u + cl * 13u + (unsigned)n * 101u) & 255u;
    for (; SLOTS[i] != NULL; i = (i + 1u) & 255u)
        if ((uint8_t)SLOTS[i][0] == c && pii_word_eq(w, n, SLOTS[i]))
            return true;
    return false;
}

/* Lower-case names after a trigger: "my name is li wei", "i'm priya sharma", "hey maria,", "my wife anna",
 * "ping nina patel". A greeting or a relation word vouches for a first name only when it is no English
 * word (or a common first name that ends the phrase: "hey maria,"); "hey, can you" is no name. */
static size_t lower_name(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, wl = w->e - w->s;
    /* most words after a trigger are no names: the gazetteer probe is cheaper than the context */
    unsigned f = sc_name_lookup(s + w->s, wl);
    if (!(f & (SC_NAME_FIRST | SC_NAME_LAST)) || chat_word(s + w->s, wl))
        return w->e;
    bool unk;
    int ctx = context_before(sc, w->s, &unk);
    if (ctx != STRONG && ctx != WEAK)
        return w->e;
    int cls = sc_word_class(s + w->s, wl);
    const char *why;
    if (cls == SC_WORD_STOP || cls == SC_WORD_TITLE || pii_in_code(sc, w->s, w->e, &why))
        return w->e;
    size_t ps, pe;
    int pk = prev_word(s, w->s, 3, &ps, &pe) ? sc_person_context_word(s + ps, pe - ps, 0) : SC_PCTX_NONE;
    bool soft = ctx == STRONG && (pk == SC_PCTX_GREETING || pk == SC_PCTX_RELATION);
    bool intro = ctx == STRONG && unk && !soft; /* my name is, named, call me, Name: */
    bool self = ctx == STRONG && !unk;          /* i'm, i am, this is, signed by */
    bool ends = phrase_end_at(s, n, w->e);
    bool wordish = (f & SC_NAME_WORD) != 0 || cls != SC_WORD_NONE;
    /* the following lower-case token as the last name */
    word b;
    bool has_b = !w->possessive && next_word(s, n, w->e, &b) && b.lower && !b.camel && joins(s, w->e, b.s, false) &&
                 !chat_word(s + b.s, b.e - b.s);
    unsigned fb = has_b ? sc_name_lookup(s + b.s, b.e - b.s) : 0;
    bool b_last = has_b && (fb & SC_NAME_LAST) && !(fb & SC_NAME_WORD) &&
                  sc_word_class(s + b.s, b.e - b.s) == SC_WORD_NONE;
    /* after "my name is" / "i'm" an unknown token that ends the phrase is the rest of the name, and so
     * is a known name that is also a word when it is a common last name or ends the phrase ("chen jun") */
    bool b_ends = has_b && (phrase_end_at(s, n, b.e) || intro_follow(s, n, b.e));
    int bcls = has_b ? sc_word_class(s + b.s, b.e - b.s) : SC_WORD_NONE;
    bool b_unknown = has_b && (intro || self) && b.e - b.s >= 2 && bcls != SC_WORD_STOP && bcls != SC_WORD_TITLE &&
                     ((fb == 0 && b_ends) ||
                      ((fb & (SC_NAME_FIRST | SC_NAME_LAST)) && ((fb & SC_NAME_COMMON_LAST) || b_ends)));
    if ((b_last || b_unknown) && pii_in_code(sc, b.s, b.e, &why))
        b_last = b_unknown = false;
    double score = 0.75;
    if (ctx == WEAK) {
        /* "talked to emma", "ping priya": a common first name that is no English word, after a verb */
        /* a first name that is also a word only as a pair with a known last name: "with peter novak" */
        if (wl < 3 || !(f & SC_NAME_COMMON_FIRST) || cls != SC_WORD_NONE || ((f & SC_NAME_WORD) && !b_last))
            return w->e;
        score = 0.7;
        b_unknown = false;
    } else if (intro) {
        /* "my name is will" vouches even for a word */
    } else if (self) {
        /* a first name, or a last name followed by the rest of the name ("i am li wei") */
        bool pair = b_last || b_unknown;
        if (!((f & SC_NAME_FIRST) || pair) || wordish || !(ends || pair || intro_follow(s, n, w->e)))
            return w->e;
    } else {
        if (!(f & SC_NAME_FIRST) || cls != SC_WORD_NONE)
            return w->e;
        if (f & SC_NAME_WORD) {
            if (!(f & SC_NAME_COMMON_FIRST) || !(ends || pk == SC_PCTX_RELATION))
                return w->e;
        } else if (!ends && pk != SC_PCTX_RELATION && !b_last) {
            return w->e;
        }
    }
    size_t end = w->e;
    uint32_t ev = SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_FORMAT_WEAK |
                  ((f & SC_NAME_FIRST) ? SANCTUM_EV_GAZETTEER_FIRST : SANCTUM_EV_GAZETTEER_LAST);
    if (b_last || b_unknown) {
        end = b.e;
        if (fb & SC_NAME_LAST)
            ev |= SANCTUM_EV_GAZETTEER_LAST;
    }
    emit(sc, w->s, end, score, ev);
    return end;
}

/* A speech or request verb after a name: "jessica said", "raj wrote", "mia needs". */
static bool speech_verb(const uint8_t *w, size_t n)
{
    /* the fast path hands plain lower-case ASCII words only: compare bytes */
#define SV_(lit) (n == sizeof lit - 1 && memcmp(w, lit, sizeof lit - 1) == 0)
    switch (w[0]) {
    case 's':
        return SV_("said") || SV_("says") || SV_("suggested");
    case 't':
        return SV_("told") || SV_("tells") || SV_("texted") || SV_("thinks");
    case 'a':
        return SV_("asks") || SV_("asked") || SV_("agreed");
    case 'w':
        return SV_("wrote") || SV_("wants") || SV_("writes");
    case 'n':
        return SV_("needs");
    case 'r':
        return SV_("replied") || SV_("responded");
    case 'e':
        return SV_("emailed");
    case 'm':
        return SV_("mentioned");
    default:
        return false;
    }
#undef SV_
}

/* "ok so jessica said ...": a lower-case common first name that is no English word, before a speech
 * verb. */
static void lower_name_said(pii_scan *sc, size_t ws, size_t we)
{
    const uint8_t *s = sc->s;
    size_t wl = we - ws;
    if (wl < 3)
        return;
    unsigned f = sc_name_lookup(s + ws, wl);
    const char *why;
    if (!(f & SC_NAME_COMMON_FIRST) || (f & SC_NAME_WORD) || chat_word(s + ws, wl) ||
        sc_word_class(s + ws, wl) != SC_WORD_NONE || pii_in_code(sc, ws, we, &why))
        return;
    emit(sc, ws, we, 0.7, SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK);
}


/* ---- evidence for names that are also words, places or software (issue 17) ---- */


/* "Tell Frank ...", "ping Ray", "thank Grant", "Email Hunter", "I called Sterling", "let Frank know":
 * a verb only people take, right before the name. */
static bool person_verb_right_before(const pii_scan *sc, size_t start, size_t end)
{
    static const char *const V[] = {"tell", "ask", "ping", "remind", "thank", "cc", "email", "call", "called",
                                    "meet", "text", "message", "messaged", "dm", "invite", "congratulate",
                                    "hug", "pay", "paid", "told", "asked", "thanked", "reminded", "pinged",
                                    "emailed", "texted", "invited", "met", "introduce", "introduced", "phone",
                                    "phoned", "ring", "rang", "page", "paged", "notify", "warn", "warned",
                                    "bcc", "loop", "tag", "tagged", "mention", "mentioned", NULL};
    const uint8_t *s = sc->s;
    size_t ws, we, as, ae;
    if (!prev_word(s, start, 1, &ws, &we))
        return false;
    if (word_in(s + ws, we - ws, V))
        return true;
    /* "let Frank know", "have Ray check" */
    return pii_word_eq(s + ws, we - ws, "let") && word_after(s, sc->n, end, &as, &ae) &&
           pii_word_eq(s + as, ae - as, "know");
}

/* "Penny said ...", "Ivy wrote ...", "Faith from legal approved ...": the name as the subject of a verb
 * only people take. */
static bool person_verb_after(const pii_scan *sc, size_t end)
{
    static const char *const V[] = {"said", "says", "asked", "asks", "wrote", "writes", "replied", "approved",
                                    "signed", "called", "emailed", "texted", "thinks", "thought", "wants",
                                    "wanted", "needs", "joins", "joined", "starts", "started", "quit",
                                    "told", "tells", "mentioned", "agreed", "suggested", "promised",
                                    "confirmed", "booked", "owes", "presents", "resigned", "retired",
                                    "apologized", "apologised", "complained", "laughed", "smiled", "cried",
                                    "married", "graduated", "moved", "lives", "works", "worked", "messaged",
                                    "rsvped", "replies", "answered", NULL};
    static const char *const TEAM[] = {"legal", "finance", "hr", "accounting", "sales", "marketing", "it",
                                       "ops", "support", "engineering", "security", "design", "product",
                                       "payroll", "procurement", "billing", "admissions", "reception", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, a, b, c, d;
    if (!word_after(s, n, end, &a, &b))
        return false;
    if (word_in(s + a, b - a, V))
        return true;
    /* "will present", "is our new lead", "from legal approved" */
    if (pii_word_eq(s + a, b - a, "will") && word_after(s, n, b, &c, &d))
        return word_in(s + c, d - c, (const char *const[]){"present", "join", "call", "email", "reply",
                                                           "visit", "review", "sign", "approve", NULL});
    if (pii_word_eq(s + a, b - a, "is") && word_after(s, n, b, &c, &d))
        return word_in(s + c, d - c, (const char *const[]){"our", "my", "your", "his", "her", NULL});
    if (pii_word_eq(s + a, b - a, "from") && word_after(s, n, b, &c, &d) && word_in(s + c, d - c, TEAM)) {
        size_t e, f;
        return word_after(s, n, d, &e, &f) && word_in(s + e, f - e, V);
    }
    return false;
}

/* "Dawn, are you still on the call?": a sentence-initial word followed by a comma and a second-person
 * word in the same sentence is someone addressed. */
static bool vocative_you(const pii_scan *sc, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (end >= n || s[end] != ',')
        return false;
    size_t p = end + 1;
    for (unsigned k = 0; k < 6 && p < n; k++) {
        while (p < n && s[p] == ' ')
            p++;
        size_t a = p;
        while (p < n && pii_is_alpha(s[p]))
            p++;
        if (p == a)
            return false; /* punctuation or the end of the sentence */
        if (word_in(s + a, p - a, (const char *const[]){"you", "your", "u", "ur", "youre", NULL}))
            return true;
    }
    return false;
}

/* "Sky's laptop", "Page's flight": what people own. */
static bool personal_noun(const uint8_t *s, size_t n, size_t end)
{
    static const char *const N[] = {"laptop", "phone", "badge", "car", "desk", "flight", "birthday", "wife",
                                    "husband", "kids", "kid", "son", "daughter", "mom", "mum", "dad",
                                    "mother", "father", "team", "email", "number", "address", "charger",
                                    "bag", "keys", "account", "house", "apartment", "flat", "room",
                                    "office", "manager", "boss", "wedding", "party", "mail", "parents",
                                    "sister", "brother", "girlfriend", "boyfriend", "partner", "dog", "cat",
                                    "visa", "passport", "salary", "leave", "shift", "schedule", "calendar",
                                    "resume", "cv", "contract", "signature", "idea", "feedback", "review",
                                    NULL};
    size_t p = end;
    if (p + 2 < n && s[p] == '\'' && s[p + 1] == 's')
        p += 2;
    else if (p + 4 < n && s[p] == 0xE2 && s[p + 1] == 0x80 && s[p + 2] == 0x99 && s[p + 3] == 's')
        p += 4;
    size_t a, b;
    return word_after(s, n, p, &a, &b) && word_in(s + a, b - a, N);
}










/* Airline and booking style "SURNAME/GIVEN" ("OKAFOR/CHIDI", "LINDQVIST/EMMA MS"): one span, when the
 * given name is a known first name. Returns where to go on. */
static size_t airline_name(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (w->e + 1 >= n || s[w->e] != '/' || (w->s > 0 && !pii_is_space(s[w->s - 1]) && s[w->s - 1] != ':'))
        return w->e;
    word g;
    if (!next_word(s, n, w->e + 1, &g) || g.s != w->e + 1 || !g.allcaps)
        return w->e;
    if (g.e < n && !pii_is_space(s[g.e]) && s[g.e] != ',' && s[g.e] != '.')
        return w->e;
    unsigned fg = sc_name_lookup(s + g.s, g.e - g.s), fs = sc_name_lookup(s + w->s, w->e - w->s);
    int cg = sc_word_class(s + g.s, g.e - g.s), cs = sc_word_class(s + w->s, w->e - w->s);
    bool unk = false;
    bool label = context_before(sc, w->s, &unk) == STRONG && unk; /* "PASSENGER: OKAFOR/CHIDI" */
    if (cs == SC_WORD_STOP || cs == SC_WORD_TECH_NOUN || cg == SC_WORD_STOP || cg == SC_WORD_TECH_NOUN)
        return g.e;
    if (!label && (!(fg & SC_NAME_FIRST) || word_like(fg, cg) || (fs != 0 && !(fs & SC_NAME_LAST))))
        return g.e;
    emit(sc, w->s, g.e, 0.85, SANCTUM_EV_NAME_SEQUENCE | SANCTUM_EV_GAZETTEER_FIRST |
                                  ((fs & SC_NAME_LAST) ? SANCTUM_EV_GAZETTEER_LAST : 0));
    return g.e;
}



/* Where the word loop stands: the next byte to read and the previous word (a possible trigger). */
typedef struct walk {
    size_t p, prev_s, prev_e;
} walk;

/* Step 1, the fast path: plain lower-case ASCII words and punctuation only matter as triggers of a
 * lower-case name ("hey maria", "so jessica said"). Stops at a word the full tokenizer must read. */
static void skip_plain_lower(pii_scan *sc, walk *k)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    while (k->p < n) {
        size_t p = k->p;
        uint8_t c = s[p];
        if (pii_is_lower(c)) {
            size_t j = p + 1;
            while (j < n && pii_is_lower(s[j]))
                j++;
            if (j < n && (s[j] >= 0x80 || pii_is_upper(s[j]) || s[j] == '\'' || s[j] == '-'))
                return; /* not a plain word: the full tokenizer decides */
            if (j - p >= 2 && k->prev_e > k->prev_s && p - k->prev_e <= 2 &&
                lower_trigger(s + k->prev_s, k->prev_e - k->prev_s)) {
                word lw;
                memset(&lw, 0, sizeof lw);
                lw.s = p;
                lw.e = j;
                lw.lower = true;
                k->prev_s = p;
                k->prev_e = j;
                k->p = lower_name(sc, &lw);
                continue;
            }
            if (j - p >= 4 && j - p <= 9 && k->prev_e > k->prev_s && p == k->prev_e + 1 && s[k->prev_e] == ' ' &&
                pii_is_lower(s[k->prev_s]) && speech_verb(s + p, j - p))
                lower_name_said(sc, k->prev_s, k->prev_e);
            k->prev_s = p;
            k->prev_e = j;
            k->p = j;
        } else if (pii_is_upper(c) || c >= 0x80) {
            return;
        } else {
            p++;
            while (p < n && pii_is_digit(s[p - 1]) && pii_is_alpha(s[p]))
                p++; /* letters glued to digits (3rd, 10px, sha1) are not words here */
            k->p = p;
        }
    }
}

/* Step 2, titles: the capitalized words after "Mr", "Dr.", "Prof" are a name. Returns where to go on. */
static size_t title_name(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t q = w->e;
    if (q < n && s[q] == '.') {
        q++;
        /* "Sig.ra Bianchi", "Sig.na Rossi", "Dott.ssa Greco" */
        size_t r = q;
        while (r < n && pii_is_lower(s[r]) && r - q < 4)
            r++;
        if (r > q && r < n && s[r] == ' ')
            q = r;
    }
    word a;
    size_t name_start = q + 1;
    /* "Prof. van Dijk", "Mr de la Cruz": particles between the title and the surname */
    while (q < n && s[q] == ' ' && next_word(s, n, q, &a) && a.s == q + 1 && a.lower && particle(s + a.s, a.e - a.s))
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
        return end;
    }
    return w->e;
}

/* Step 3: an unknown capitalized word starts a name only with a phrase that vouches for it, a
 * signature, or a known last name right after it ("Contact Sarah Lee": the name starts later). */
static bool unknown_start_ok(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    bool unk_ok0 = false;
    int b0 = context_before(sc, w->s, &unk_ok0);
    if ((b0 == STRONG && unk_ok0) || signature(sc, w->s, w->e) || w->allcaps || pii_honorific_after(s, n, w->e) ||
        email_echo(sc, w->s, w->e))
        return true;
    word nx0;
    unsigned f0 = 0;
    return next_word(s, n, w->e, &nx0) && joins(s, w->e, nx0.s, false) && nx0.cap &&
           ((f0 = name_flags(s, nx0.s, nx0.e)) & SC_NAME_LAST) && !(f0 & SC_NAME_FIRST);
}

/* The words of one name candidate: first [middle|initial] last. */
typedef struct name_seq {
    size_t toks[4][2];
    unsigned fl[4];
    size_t nt;
    bool org;         /* followed by an organisation, tool or honour word: not a person */
    bool initial_mid; /* a middle initial */
    word cur;         /* the last word taken */
} name_seq;

/* Step 4: gathers the words that follow w into one name, and tells organisations and honours apart
 * ("Baker Street", "Martin Luther King Jr. Day"). */
static void gather_name(pii_scan *sc, const word *w, unsigned fa, bool label, name_seq *q)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    memset(q, 0, sizeof *q);
    q->toks[0][0] = w->s;
    q->toks[0][1] = w->e;
    q->fl[0] = fa;
    q->nt = 1;
    q->cur = *w;
    while (q->nt < 4 && !q->cur.possessive) {
        word b;
        if (!next_word(s, n, q->cur.e, &b))
            break;
        /* lower-case particles inside a name: "Van der Berg", "de la Cruz", "bin Salman" */
        while (b.lower && joins(s, q->cur.e, b.s, false) && particle(s + b.s, b.e - b.s)) {
            word c2;
            if (!next_word(s, n, b.e, &c2) || !joins(s, b.e, c2.s, false) ||
                !(c2.cap || particle(s + c2.s, c2.e - c2.s)))
                break;
            q->cur.e = b.e;
            b = c2;
        }
        bool cur_initial = q->cur.e - q->cur.s == 1;
        if (!joins(s, q->cur.e, b.s, cur_initial))
            break;
        int bc = sc_word_class(s + b.s, b.e - b.s);
        if (bc == SC_WORD_ORG_NEXT || bc == SC_WORD_TECH_NOUN || (b.cap && honour_word(s + b.s, b.e - b.s))) {
            if (b.cap || b.allcaps)
                q->org = true;
            break;
        }
        if (bc == SC_WORD_STOP || bc == SC_WORD_TITLE || !name_shaped(sc, &b, w->allcaps))
            break;
        if (w->allcaps != b.allcaps && !(b.e - b.s == 1))
            break;
        /* all caps: every word must be a known name ("FROM ROBERT JOHNSON TO billing") */
        if (w->allcaps && b.e - b.s > 1) {
            unsigned fbc = name_flags(s, b.s, b.e);
            if ((fbc == 0 && !label) || (q->nt >= 2 && word_like(fbc, bc))) /* "... MARTINEZ RE refund" */
                break;
        }
        if (b.e - b.s == 1)
            q->initial_mid = true;
        q->toks[q->nt][0] = b.s;
        q->toks[q->nt][1] = b.e;
        q->fl[q->nt] = name_flags(s, b.s, b.e);
        q->nt++;
        q->cur = b;
    }
    /* "Martin Luther King Jr. Day", "Nobel Prize": a holiday or an award named after someone */
    if (!q->org && !q->cur.possessive) {
        size_t p = q->cur.e;
        if (p < n && s[p] == '.' &&
            (pii_word_eq(s + q->cur.s, q->cur.e - q->cur.s, "jr") || pii_word_eq(s + q->cur.s, q->cur.e - q->cur.s, "sr")))
            p++;
        word x;
        if (p < n && s[p] == ' ' && next_word(s, n, p, &x) && x.s == p + 1 && x.cap && honour_word(s + x.s, x.e - x.s))
            q->org = true;
    }
    /* an initial must be followed by a last name */
    while (q->nt > 1 && q->toks[q->nt - 1][1] - q->toks[q->nt - 1][0] == 1)
        q->nt--;
}

/* Step 5: the score the words themselves earn (gazetteer, word-likeness, capitalization, position).
 * Returns false when the words can never be a name (all caps without a known pair). */
static bool base_score(pii_scan *sc, const word *w, int cls, unsigned fa, const name_seq *q, bool poss, bool label,
                       double *score, uint32_t *ev)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t nt = q->nt, end = q->toks[nt - 1][1];
    unsigned last = q->fl[nt - 1];
    bool start_of_sentence = sentence_start(s, w->s);
    /* at the start of a sentence capitalization says nothing: any dictionary word needs evidence */
    /* "John, could you ...", "John's laptop ...": a common first name addressed or owning something at
     * the start of a sentence is a name even when it is also a word (not the hand-kept ones: "Will,") */
    bool vocative = start_of_sentence && nt == 1 && cls == SC_WORD_NONE && (fa & SC_NAME_COMMON_FIRST) &&
                    !w->allcaps && ((w->e < n && s[w->e] == ',') || poss);
    bool a_word = word_like(fa, cls) || (start_of_sentence && (fa & SC_NAME_WORD) && !vocative);
    bool l_word = word_like(last, sc_word_class(s + q->toks[nt - 1][0], end - q->toks[nt - 1][0]));
    *score = 0;
    *ev = 0;
    if (fa & SC_NAME_FIRST)
        *ev |= SANCTUM_EV_GAZETTEER_FIRST;
    if (last & SC_NAME_LAST)
        *ev |= SANCTUM_EV_GAZETTEER_LAST;
    if (w->allcaps) {
        /* all caps only as a known first + last name pair; one word-like half needs strong context
         * ("TO: MICHAEL BROWN") */
        bool label_pair = label && nt >= 2 && (fa & SC_NAME_FIRST) && last == 0; /* "APPLICANT: DANIEL WHITFIELD" */
        if (!label_pair &&
            (nt < 2 || !(fa & SC_NAME_FIRST) || !(last & (SC_NAME_LAST | SC_NAME_FIRST)) || (a_word && l_word)))
            return false;
        *score = a_word || l_word || label_pair ? 0.45 : 0.8;
        *ev |= SANCTUM_EV_NAME_SEQUENCE;
    } else if (nt >= 2) {
        bool a_first = (fa & SC_NAME_FIRST) != 0;
        bool l_known = (last & (SC_NAME_LAST | SC_NAME_FIRST)) != 0;
        *ev |= SANCTUM_EV_NAME_SEQUENCE;
        if (a_first && l_known)
            *score = a_word && l_word ? 0.6 : (a_word || l_word ? 0.8 : 0.9);
        else if (a_first && last == 0)
            *score = a_word ? 0.5 : ((fa & SC_NAME_COMMON_FIRST) ? 0.8 : 0.7);
        else if (!a_first && fa == 0 && (last & SC_NAME_LAST) && !l_word)
            *score = 0.6;
        else if (fa & SC_NAME_LAST)
            *score = l_known ? 0.6 : 0.4;
        /* Greek and Cyrillic: two capitalized words, one of them a known name ("Γιώργος Παπαδόπουλος");
         * surname first with diacritics ("Đặng Văn Lâm", "Nguyễn Thị Hương") */
        bool cased_other = s[w->s] >= 0xCE && s[w->s] <= 0xD3 && s[q->toks[nt - 1][0]] >= 0xCE &&
                           s[q->toks[nt - 1][0]] <= 0xD3 && ((fa | last) & (SC_NAME_FIRST | SC_NAME_LAST));
        bool surname_first = (fa & SC_NAME_LAST) && !(fa & SC_NAME_FIRST) && !a_word && nt >= 2;
        for (size_t t = 1; surname_first && t < nt; t++) {
            bool diacritic = false;
            for (size_t i = q->toks[t][0]; i < q->toks[t][1]; i++)
                diacritic = diacritic || s[i] >= 0x80;
            surname_first = diacritic;
        }
        if ((cased_other || surname_first) && *score < 0.75)
            *score = 0.75;
        if (q->initial_mid && *score > 0)
            *score += 0.05;
        if (a_word || l_word)
            *ev |= SANCTUM_EV_COMMON_WORD;
    } else {
        if ((fa & SC_NAME_FIRST) && !a_word) {
            bool common = (fa & SC_NAME_COMMON_FIRST) != 0;
            *score = common ? (start_of_sentence ? 0.7 : 0.75) : (start_of_sentence ? 0.5 : 0.6);
            if (vocative && !poss)
                *score += 0.1;
            else if (start_of_sentence && (fa & SC_NAME_PLACE))
                *score -= 0.1; /* "Darwin gets a lot of rain": a place as often as a person */
            *ev |= SANCTUM_EV_FORMAT_WEAK;
        } else if ((fa & SC_NAME_LAST) && !a_word) {
            *score = start_of_sentence ? 0.4 : 0.5;
            *ev |= SANCTUM_EV_FORMAT_WEAK;
        } else if (fa != 0 || cls != SC_WORD_NONE) {
            *score = 0.36; /* strong context alone (+0.35) lifts it over 0.7: "Hi Will," */
            *ev |= SANCTUM_EV_COMMON_WORD;
        }
    }
    return true;
}

/* Step 6: context before and after raises the score; unknown words need a phrase that accepts them.
 * Returns false when nothing vouches for an unknown word. *before_out is the strength before. */
static bool add_context(pii_scan *sc, const word *w, int cls, unsigned fa, const name_seq *q, bool poss,
                        double *score, uint32_t *ev, int *before_out, bool *sig_out)
{
    size_t nt = q->nt, end = q->toks[nt - 1][1];
    unsigned last = q->fl[nt - 1];
    bool unk_ok = false;
    int before = context_before(sc, w->s, &unk_ok);
    int after = context_after(sc, end, poss);
    bool sig = signature(sc, w->s, end);
    *before_out = before;
    *sig_out = sig;
    bool known = fa != 0 || (nt >= 2 && last != 0);
    if (!known && !(*score > 0)) {
        /* unknown words need a strong phrase that accepts them, a signature or Name <email> */
        if ((before == STRONG && unk_ok) || sig || after == STRONG || (before == STRONG && nt >= 2))
            *score = 0.45;
        else if (nt == 1 && email_echo(sc, w->s, end))
            *score = 0.01; /* record_pair lifts it */
        else
            return false;
    }
    if (before == STRONG || sig || after == STRONG) {
        *score += 0.35;
        *ev |= before == STRONG ? SANCTUM_EV_CONTEXT_BEFORE : SANCTUM_EV_CONTEXT_AFTER;
        return true;
    }
    /* "ask Nguyen", "I talked to Kowalski": a verb only people take vouches for a lone name that is no
     * word */
    if (nt == 1 && cls == SC_WORD_NONE && !(fa & SC_NAME_WORD) && *score > 0 && person_verb_before(sc, w->s)) {
        *score += 0.25;
        *ev |= SANCTUM_EV_CONTEXT_BEFORE;
    } else if (before == WEAK) {
        *score += 0.1;
        *ev |= SANCTUM_EV_CONTEXT_BEFORE;
    }
    if (after == MEDIUM) {
        *score += 0.2;
        *ev |= SANCTUM_EV_CONTEXT_AFTER;
    } else if (after == WEAK) {
        *score += 0.05;
        *ev |= SANCTUM_EV_CONTEXT_AFTER;
    }
    return true;
}

/* "Thabo,Nkosi,thabo.n@example.co.za": a capitalized word that starts the local part of an e-mail
 * address on the same line, before a dot, underscore or hyphen, names that address's owner. */
static bool email_echo(const pii_scan *sc, size_t ws, size_t we)
{
    const uint8_t *s = sc->s;
    size_t len = we - ws;
    if (len < 3)
        return false;
    /* the addresses the e-mail recognizer found (the candidates before the PERSON pass are in text
     * order), within 200 bytes on the same line */
    size_t lo_c = 0, hi_c = sc->pre_person, from = ws > 200 ? ws - 200 : 0;
    while (lo_c < hi_c) {
        size_t mid = lo_c + (hi_c - lo_c) / 2;
        if (sc->c[mid].start < from)
            lo_c = mid + 1;
        else
            hi_c = mid;
    }
    for (size_t k = lo_c; k < sc->pre_person && sc->c[k].start <= we + 200; k++) {
        if (sc->c[k].type != SANCTUM_ENTITY_EMAIL_ADDRESS || sc->c[k].score < sc->det->threshold)
            continue;
        size_t e = sc->c[k].start;
        size_t lo = e < ws ? e : we, hi = e < ws ? ws : e;
        if (hi < lo || memchr(s + lo, '\n', hi - lo) != NULL || e + len >= sc->n)
            continue;
        size_t i = 0;
        while (i < len && pii_lower(s[e + i]) == pii_lower(s[ws + i]))
            i++;
        uint8_t after = s[e + len];
        /* first.last@, first_l@: the word is part of a personal address ("sales@" names no one) */
        if (i == len && (after == '.' || after == '_' || after == '-'))
            return true;
    }
    return false;
}

/* "Did Page reply yet?", "Can Grant sign it?": the subject of a question about something people do. */
static bool question_subject(const pii_scan *sc, size_t start, size_t end)
{
    static const char *const AUX[] = {"did", "does", "do", "has", "have", "can", "could", "will", "would",
                                      "should", "didn't", "won't", NULL};
    static const char *const V[] = {"reply", "call", "email", "sign", "approve", "say", "ask", "write", "text",
                                    "send", "pay", "answer", "agree", "confirm", "join", "leave", "quit",
                                    "tell", "respond", "arrive", "come", "get", "mention", "review", NULL};
    const uint8_t *s = sc->s;
    size_t ws, we, a, b;
    return prev_word(s, start, 1, &ws, &we) && sentence_start(s, ws) && word_in(s + ws, we - ws, AUX) &&
           word_after(s, sc->n, end, &a, &b) && word_in(s + a, b - a, V);
}

/* Step 6b: a lone first name that is also a word ("Frank", "Hope", "Ray") is a person in person
 * position: after a verb only people take, addressed with "you", owning something people own, or the
 * subject of a verb only people take. */
static void person_position(pii_scan *sc, const word *w, int cls, unsigned fa, const name_seq *q, bool poss,
                            double *score, uint32_t *ev)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* "Zbigniew Kowalczyk approved it": an unknown word before a known last name counts as one name */
    bool pair = q->nt == 2 && fa == 0 && (q->fl[1] & SC_NAME_LAST) && !word_like(q->fl[1], SC_WORD_NONE);
    if ((q->nt != 1 && !pair) || (!(fa & SC_NAME_FIRST) && !pair) || *score >= 0.7 || w->allcaps)
        return; /* a name that stands on its own needs no lift */
    size_t end = q->toks[q->nt - 1][1];
    if (cls != SC_WORD_NONE && cls != SC_WORD_AMBIGUOUS)
        return; /* places, eponyms, software and assistants need more than this */
    double lift = 0;
    uint32_t why = SANCTUM_EV_CONTEXT_BEFORE;
    bool start = sentence_start(s, w->s);
    size_t ps, pe;
    if (person_verb_right_before(sc, w->s, end))
        lift = 0.75;
    else if (start && vocative_you(sc, end))
        lift = 0.8, why = SANCTUM_EV_CONTEXT_AFTER;
    else if (poss && personal_noun(s, n, end))
        lift = 0.75, why = SANCTUM_EV_CONTEXT_AFTER;
    else if (question_subject(sc, w->s, end))
        lift = 0.75;
    else if ((start || (prev_word(s, w->s, 1, &ps, &pe) &&
                        word_in(s + ps, pe - ps, (const char *const[]){"and", "but", "so", "then", "because",
                                                                       "when", "if", "that", "cause", NULL}))) &&
             person_verb_after(sc, end))
        lift = 0.75, why = SANCTUM_EV_CONTEXT_AFTER;
    if (lift > *score) {
        *score = lift;
        *ev |= why;
    }
}

/* Step 6c: first and last name as separate values of one record: "('Miriam', 'Castellanos')",
 * "Ingrid,Halvorsen". A known last name right after a known first name, separated only by quotes, a
 * comma and spaces (a comma required), is a name; so is the first name before it. */
static void record_pair(pii_scan *sc, const word *w, unsigned fa, const name_seq *q, double *score, uint32_t *ev)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (q->nt != 1 || *score >= 0.8 || w->allcaps)
        return;
    /* the other value: before (when this is a last name) or after (when this is a first name) */
    bool before_ok = false, after_ok = false;
    if (fa & SC_NAME_LAST) {
        size_t p = w->s;
        bool comma = false;
        while (p > 0 && w->s - p < 6 && (s[p - 1] == ',' || s[p - 1] == ' ' || s[p - 1] == '\'' || s[p - 1] == '"')) {
            comma = comma || s[p - 1] == ',';
            p--;
        }
        size_t e = p;
        while (p > 0 && pii_is_alpha(s[p - 1]))
            p--;
        unsigned fp = e > p ? name_flags(s, p, e) : 0;
        bool other = (fp & SC_NAME_FIRST) ? !word_like(fp, sc_word_class(s + p, e - p))
                                          : (fp == 0 && (fa & SC_NAME_COMMON_LAST) && e - p >= 3 &&
                                             sc_word_class(s + p, e - p) == SC_WORD_NONE &&
                                             !sc_place_lookup(s + p, e - p)); /* "Thabo,Nkosi" */
        before_ok = comma && e > p && pii_is_upper(s[p]) && other;
    }
    if (!before_ok && (fa & SC_NAME_FIRST)) {
        size_t p = w->e;
        bool comma = false;
        while (p < n && p - w->e < 6 && (s[p] == ',' || s[p] == ' ' || s[p] == '\'' || s[p] == '"')) {
            comma = comma || s[p] == ',';
            p++;
        }
        size_t b = p;
        while (p < n && pii_is_alpha(s[p]))
            p++;
        unsigned fl = p > b ? name_flags(s, b, p) : 0;
        after_ok = comma && p > b && pii_is_upper(s[b]) && (fl & SC_NAME_LAST) && !(fl & SC_NAME_FIRST) &&
                   !word_like(fl, sc_word_class(s + b, p - b));
    }
    if (before_ok || after_ok || email_echo(sc, w->s, w->e)) {
        *score = 0.8;
        *ev |= SANCTUM_EV_NAME_SEQUENCE;
    }
}

/* Step 7, precision rules that take a candidate back: firms ("Johnson & Johnson"), tools ("Adam
 * optimizer"), the second word of a place ("San Antonio"), a place after a preposition. */
static bool not_a_person(pii_scan *sc, const word *w, int cls, unsigned fa, const name_seq *q, bool poss, int before,
                         bool sig)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t nt = q->nt, end = q->toks[nt - 1][1];
    if (before != STRONG && !sig) {
        size_t p = end;
        while (p < n && s[p] == ' ')
            p++;
        word tn;
        if ((p < n && s[p] == '&') || (w->s >= 2 && s[w->s - 1] == ' ' && s[w->s - 2] == '&'))
            return true;
        if (!poss && p == end + 1 && next_word(s, n, end, &tn) && tn.s == p &&
            ((tn.lower && sc_word_class(s + tn.s, tn.e - tn.s) == SC_WORD_TECH_NOUN) ||
             (nt == 1 && sc_word_class(s + tn.s, tn.e - tn.s) == SC_WORD_TECH_NOUN) ||
             (nt == 1 && tn.lower && sc_word_class(s + tn.s, tn.e - tn.s) == SC_WORD_ORG_NEXT)))
            return true; /* "Adam optimizer", "Monte Carlo methods", "the Lincoln office" */
        /* software named like people, in technical context: "Kafka keeps rebalancing" */
        if (cls == SC_WORD_SOFTWARE && pii_tech_context(sc, w->s, end))
            return true;
        /* places: "Darwin, Australia", "flights to Adelaide", "Regina and Saskatoon" */
        if (nt == 1 && (cls == SC_WORD_PLACE || (fa & SC_NAME_PLACE)) && pii_place_context(sc, w->s, end))
            return true;
    }
    size_t ps, pe;
    static const char *const PLACE_PREFIX[] = {"san", "santa", "saint", "sainte", "st", "fort", "los",
                                               "las", "port", "mount", "lake", "new", NULL};
    if (before != STRONG && prev_word(s, w->s, 1, &ps, &pe) && pii_is_upper(s[ps]) && w->s - pe == 1 &&
        word_in(s + ps, pe - ps, PLACE_PREFIX))
        return true;
    /* places after a preposition need a real name context */
    return cls == SC_WORD_PLACE && nt == 1 && place_preposition(sc, w->s) && before != STRONG && !sig;
}

/* Steps 3-7 for one capitalized (or all-caps) word w that may start a name. Returns where to go on. */
static size_t cap_name(pii_scan *sc, const word *w, int cls)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    unsigned fa = name_flags(s, w->s, w->e);
    if (fa == 0 && cls == SC_WORD_NONE && !unknown_start_ok(sc, w))
        return w->e;
    /* eponyms: "Dijkstra's algorithm", "Gauss elimination", "Markov chain" */
    word nx;
    if (cls == SC_WORD_EPONYM && next_word(s, n, w->e, &nx) && nx.s - w->e <= 3 &&
        sc_word_class(s + nx.s, nx.e - nx.s) == SC_WORD_TECH_NOUN)
        return nx.e;
    name_seq q;
    bool label = false;
    if (w->allcaps) {
        bool unk = false;
        label = context_before(sc, w->s, &unk) == STRONG && unk;
    }
    gather_name(sc, w, fa, label, &q);
    if (q.org)
        return q.cur.e;
    size_t end = q.toks[q.nt - 1][1];
    bool poss = q.nt == 1 ? w->possessive : q.cur.possessive;
    double score;
    uint32_t ev;
    if (!base_score(sc, w, cls, fa, &q, poss, label, &score, &ev))
        return w->e;
    int before;
    bool sig;
    if (!add_context(sc, w, cls, fa, &q, poss, &score, &ev, &before, &sig))
        return end;
    person_position(sc, w, cls, fa, &q, poss, &score, &ev);
    if (cls == SC_WORD_NONE)
        record_pair(sc, w, fa, &q, &score, &ev);
    if (not_a_person(sc, w, cls, fa, &q, poss, before, sig))
        pii_add(sc, SANCTUM_ENTITY_PERSON, SANCTUM_REC_PERSON, w->s, end, 0.0,
                ev | SANCTUM_EV_SUPPRESSED); /* blocks consistency */
    else if (score > 0)
        emit(sc, w->s, end, score, ev);
    /* a weak multi-word reading may hide a name that starts at its second word */
    return (q.nt > 1 && score < sc->det->threshold) ? w->e : end;
}

void pii_rec_person(pii_scan *sc)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t first_cand = sc->count;
    sc->pre_person = first_cand;
    walk k = {0, 0, 0};
    word w;
    for (;;) {
        skip_plain_lower(sc, &k);
        if (!next_word(s, n, k.p, &w))
            break;
        k.p = w.e;
        if (sc->oom)
            return;
        size_t wl = w.e - w.s;
        if (w.lower && s[w.s] >= 0x80) {
            k.prev_s = w.s;
            k.prev_e = w.e;
            if (pii_nonascii_title(s + w.s, wl))
                k.p = title_name(sc, &w); /* "господин Кузнецов" */
            else if (s[w.s] == 0xD7 || s[w.s] == 0xD8 || s[w.s] == 0xD9)
                k.p = pii_uncased_name(sc, w.s, w.e); /* Hebrew, Arabic */
            continue;
        }
        if (w.lower) {
            /* lower-case names only right after a trigger word ("name is", "hi", "my wife") */
            bool trig = wl >= 2 && k.prev_e > k.prev_s && w.s - k.prev_e <= 2 &&
                        lower_trigger(s + k.prev_s, k.prev_e - k.prev_s);
            k.prev_s = w.s;
            k.prev_e = w.e;
            if (trig)
                k.p = lower_name(sc, &w);
            continue;
        }
        k.prev_s = w.s;
        k.prev_e = w.e;
        if (wl == 1 && s[w.s] == 'M' && w.e + 2 < n && s[w.e] == '.' && s[w.e + 1] == ' ') {
            k.p = title_name(sc, &w); /* "M. Dupont" */
            continue;
        }
        if (w.allcaps && w.e < n && s[w.e] == '/') {
            k.p = airline_name(sc, &w);
            continue;
        }
        if (!w.cap && !w.allcaps)
            continue;
        size_t hon = w.cap ? pii_suffix_honorific(s, w.s, w.e) : 0;
        if (hon > 0) {
            /* "Tanaka-san", "Yamada-sensei" */
            int hc = sc_word_class(s + w.s, hon - w.s);
            const char *why;
            if (hc != SC_WORD_STOP && hc != SC_WORD_TECH_NOUN && !pii_in_code(sc, w.s, hon, &why))
                emit(sc, w.s, hon, 0.85, SANCTUM_EV_TITLE | SANCTUM_EV_FORMAT_WEAK);
            continue;
        }
        int cls = sc_word_class(s + w.s, wl);
        if (cls == SC_WORD_STOP || cls == SC_WORD_ORG_NEXT || cls == SC_WORD_TECH_NOUN)
            continue;
        if (cls == SC_WORD_TITLE && w.cap) {
            k.p = title_name(sc, &w);
            continue;
        }
        if (!name_shaped(sc, &w, true))
            continue;
        k.p = cap_name(sc, &w, cls);
    }
    if (!sc->oom)
        consistency(sc, first_cand); /* needs the candidates in text order: the CJK pass comes after */
    if (!sc->oom)
        pii_cjk_honorifics(sc);
    if (!sc->oom)
        pii_cjk_names(sc);
}
