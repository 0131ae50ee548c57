/* PERSON in lower case: names written without capitals after a trigger ("hey maria", "my name is li
 * wei", "so jessica said"), and the fast path that skips plain lower-case words. */
#include <string.h>

#include "names.h"
#include "person.h"
#include "pii.h"

/* Words after which a lower-case word may be a name: the self-introduction phrases, verbs, and every
 * greeting and relation word of the context table (names.c), in a small open-addressing table laid out for
 * the hash of lower_trigger_slow (a word is in the slot of its hash or in a later one before the next empty
 * slot; regenerate both together). Lower-case ASCII letters only. */
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

/* By length and first letter, the last letters of the words of SLOTS (bit c - 'a'), built once from it:
 * the plain lower-case walk asks about every word, and most ("the", "and", "for") leave on one load. */
static uint32_t trigger_last[16][26];
static uint32_t trigger_pair[26]; /* the two-letter triggers ("to", "is", "me", "hi"), whole: bit of the second */
static pii_once trigger_indexed = PII_ONCE_INIT;

/* By length (under 16) and first letter, what a plain lower-case word of that shape may be, built once: the
 * walk reads one byte per word and most words ("the", "and", "for") are none of these. */
enum { SHAPE_TRIGGER = 1, SHAPE_FRAME = 2, SHAPE_VERB = 4 };
static uint8_t word_shape[16][26];

/* By length, the first and the last letters of speech_verb's verbs (bit c - 'a'). Keep in step with them. */
#define B_(c) (1u << ((c) - 'a'))
static const uint32_t VERB_FIRST[10] = {[4] = B_('s') | B_('t') | B_('a'), [5] = B_('t') | B_('a') | B_('w') | B_('n'),
                                        [6] = B_('t') | B_('a') | B_('w'), [7] = B_('r') | B_('e'),
                                        [9] = B_('s') | B_('r') | B_('m')};
static const uint32_t VERB_LAST[10] = {[4] = B_('d') | B_('s'), [5] = B_('s') | B_('d') | B_('e'),
                                       [6] = B_('d') | B_('s'), [7] = B_('d'), [9] = B_('d')};
#undef B_
static bool speech_verb_shape(const uint8_t *w, size_t n);

/* The bytes that end a plain lower-case word and ask for more than the next word (built with the shapes): '.',
 * '-' and '_' may go on into a handle ("zeynep.kaya"); a capital, '\'', '-' or a byte >= 0x80 make the word no
 * plain word. */
enum { END_HANDLE = 1, END_BREAK = 2, END_COLON = 4, END_EOL = 8 /* a line break or the text's end */ };
static uint8_t word_end_class[256];

static void index_triggers(void)
{
    for (size_t i = 0; i < 256; i++) {
        const char *t = SLOTS[i];
        size_t l = t != NULL ? strlen(t) : 0;
        if (l > 0 && l < 16)
            trigger_last[l][t[0] - 'a'] |= 1u << (t[l - 1] - 'a');
        if (l == 2)
            trigger_pair[t[0] - 'a'] |= 1u << (t[1] - 'a');
    }
    for (size_t l = 1; l < 16; l++)
        for (unsigned c = 0; c < 26; c++) {
            unsigned bits = trigger_last[l][c] != 0 ? SHAPE_TRIGGER : 0u;
            if (pii_chat_frame_shape((uint8_t)('a' + c), l))
                bits |= SHAPE_FRAME;
            if (l >= 4 && l <= 9 && (VERB_FIRST[l] >> c & 1u))
                bits |= SHAPE_VERB;
            if ((l == 2 && c == 'i' - 'a') || (l == 4 && c == 'j' - 'a'))
                bits |= SHAPE_VERB; /* "is", "just" */
            word_shape[l][c] = (uint8_t)bits;
        }
    for (unsigned b = 0; b < 256; b++) {
        bool handle = b == '.' || b == '-' || b == '_', stop = b >= 0x80 || pii_is_upper((uint8_t)b) || b == '\'' || b == '-';
        word_end_class[b] = (uint8_t)((handle ? END_HANDLE : 0) | (stop ? END_BREAK : 0) | (b == ':' ? END_COLON : 0) |
                                      (b == '\n' ? END_EOL : 0));
    }
}

static bool lower_trigger_slow(const uint8_t *w, size_t n, uint8_t c);

/* Whether w may be a trigger by its length, first and last letter (lower_trigger's cheap part). */
static inline bool lower_trigger_shape(const uint8_t *w, size_t n)
{
    if (n == 0 || n > 15)
        return false;
    unsigned c = (w[0] | 0x20u) - 'a', l = (w[n - 1] | 0x20u) - 'a'; /* < 26: an ASCII letter */
    if (c >= 26 || l >= 26)
        return false;
    pii_run_once(&trigger_indexed, index_triggers);
    return (trigger_last[n][c] >> l & 1u) != 0;
}

static inline bool lower_trigger(const uint8_t *w, size_t n)
{
    return lower_trigger_shape(w, n) && lower_trigger_slow(w, n, (uint8_t)(w[0] | 0x20u));
}

/* lower_trigger of a word that passed lower_trigger_shape: its two letters are ASCII letters then. */
static inline bool lower_trigger_shaped(const uint8_t *w, size_t n)
{
    if (n == 2)
        return (trigger_pair[(w[0] | 0x20u) - 'a'] >> ((w[1] | 0x20u) - 'a') & 1u) != 0;
    return lower_trigger_slow(w, n, (uint8_t)(w[0] | 0x20u));
}

static bool lower_trigger_slow(const uint8_t *w, size_t n, uint8_t c)
{
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
/* "chase yesterday and he said", "grace, she says hi", "faith this morning, and she agreed": after the
 * name, at most three words, then a clause whose subject is "he" or "she". */
static bool pronoun_clause_after(const uint8_t *s, size_t n, size_t p)
{
    for (unsigned k = 0; k < 4 && p < n; k++) {
        bool comma = false;
        while (p < n && (s[p] == ' ' || s[p] == ',')) {
            comma = comma || s[p] == ',';
            p++;
        }
        size_t a = p;
        while (p < n && pii_is_alpha(s[p]))
            p++;
        if (p == a)
            return false;
        if (pii_word_eq(s + a, p - a, "and") || comma) {
            size_t q = comma && pii_word_eq(s + a, p - a, "and") ? p : (comma ? a : p);
            while (q < n && s[q] == ' ')
                q++;
            size_t b = q;
            while (q < n && pii_is_alpha(s[q]))
                q++;
            return (q - b == 2 && pii_word_eq(s + b, 2, "he")) || (q - b == 3 && pii_word_eq(s + b, 3, "she"));
        }
        if (!pii_is_lower(s[a]))
            return false;
    }
    return false;
}

/* Malay and Indonesian lineage after a lower-case name, in one span: "siti aminah binti yusof", "ahmad
 * bin abdul rahman" (a name after bin/binti, known or no word the lists hold, or abdul/abu and a known name). Returns the end of the
 * lineage after p, or p when none follows. */
static size_t lineage_end(const uint8_t *s, size_t n, size_t p)
{
    static const char *const LINK[] = {"bin", "binti", "bte", "bt", NULL};
    static const char *const COMPOUND[] = {"abdul", "abd", "abu", "nik", "wan", NULL};
    word l, x, y;
    if (!next_word(s, n, p, &l) || l.s != p + 1 || !l.lower || !word_in(s + l.s, l.e - l.s, LINK))
        return p;
    if (!next_word(s, n, l.e, &x) || x.s != l.e + 1 || !x.lower)
        return p;
    unsigned fx = sc_name_lookup(s + x.s, x.e - x.s);
    bool abd = word_in(s + x.s, x.e - x.s, COMPOUND);
    /* the father's name need not be known ("binti yusof"), but no everyday word ("bin the old files") */
    if (!(fx & (SC_NAME_FIRST | SC_NAME_LAST)) && !abd &&
        (fx != 0 || x.e - x.s < 3 || sc_word_class(s + x.s, x.e - x.s) != SC_WORD_NONE || pii_chat_word(s + x.s, x.e - x.s)))
        return p;
    size_t e = x.e;
    if (next_word(s, n, e, &y) && y.s == e + 1 && y.lower) {
        unsigned fy = sc_name_lookup(s + y.s, y.e - y.s);
        if ((fy & (SC_NAME_FIRST | SC_NAME_LAST)) && (abd || !(fy & SC_NAME_WORD)) && !pii_chat_word(s + y.s, y.e - y.s))
            e = y.e;
    }
    return abd && e == x.e ? p : e;
}

/* After a greeting and a lower-case name, chat goes on to ask the one greeted: "yo kenji u coming", "hey
 * ravi pls send", "hi maria can you check" (the name needs no comma when the request follows). */
static bool asked_next(const uint8_t *s, size_t n, size_t e)
{
    static const char *const ASK[] = {"are", "can", "could", "did", "do", "pls", "plz", "r", "u", "ur", "would",
                                      "you", "your", NULL};
    size_t a, b;
    return word_after(s, n, e, &a, &b) && word_in(s + a, b - a, ASK);
}

size_t pii_lower_name(pii_scan *sc, const word *w)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, wl = w->e - w->s;
    /* most words after a trigger are no names: the gazetteer probe is cheaper than the context */
    unsigned f = pii_lower_name_flags(sc, w->s, w->e);
    if (f == 0)
        return w->e;
    bool unk;
    int ctx = pii_context_before(sc, w->s, &unk);
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
    bool ends = pii_phrase_end_at(s, n, w->e);
    bool wordish = (f & SC_NAME_WORD) != 0 || cls != SC_WORD_NONE;
    /* the following lower-case token as the last name */
    word b;
    bool has_b = !w->possessive && next_word(s, n, w->e, &b) && b.lower && !b.camel && joins(s, w->e, b.s, false) &&
                 !pii_chat_word(s + b.s, b.e - b.s);
    unsigned fb = has_b ? sc_name_lookup(s + b.s, b.e - b.s) : 0;
    bool b_last = has_b && (fb & SC_NAME_LAST) && !(fb & SC_NAME_WORD) &&
                  sc_word_class(s + b.s, b.e - b.s) == SC_WORD_NONE;
    /* after "my name is" / "i'm" an unknown token that ends the phrase is the rest of the name, and so
     * is a known name that is also a word when it is a common last name or ends the phrase ("chen jun") */
    bool b_ends = has_b && (pii_phrase_end_at(s, n, b.e) || pii_intro_follow(s, n, b.e));
    int bcls = has_b ? sc_word_class(s + b.s, b.e - b.s) : SC_WORD_NONE;
    bool b_unknown = has_b && (intro || self) && b.e - b.s >= 2 && bcls != SC_WORD_STOP && bcls != SC_WORD_TITLE &&
                     ((fb == 0 && b_ends) ||
                      ((fb & (SC_NAME_FIRST | SC_NAME_LAST)) && ((fb & SC_NAME_COMMON_LAST) || b_ends)));
    if ((b_last || b_unknown) && pii_in_code(sc, b.s, b.e, &why))
        b_last = b_unknown = false;
    double score = 0.75;
    if (ctx == WEAK) {
        /* "talked to emma", "ping priya": a common first name that is no English word, after a verb */
        /* a first name that is also a word only as a pair with a known last name: "with peter novak", or
         * after a verb only people take with a pronoun taking it up: "coffee with chase, he said" */
        bool taken_up = (f & SC_NAME_COMMON_FIRST) && (cls == SC_WORD_NONE || cls == SC_WORD_AMBIGUOUS) &&
                        !b_last && pronoun_clause_after(s, n, w->e) && pii_person_verb_before(sc, w->s);
        if (!taken_up &&
            (wl < 3 || !(f & SC_NAME_COMMON_FIRST) || cls != SC_WORD_NONE || ((f & SC_NAME_WORD) && !b_last)))
            return w->e;
        score = 0.7;
        b_unknown = false;
        b_last = b_last || pii_lower_second_name(s, b.s, b.e, has_b, fb); /* "with rory mcallister" */
    } else if (intro) {
        /* "my name is will" vouches even for a word */
    } else if (self) {
        /* a first name, or a last name followed by the rest of the name ("i am li wei") */
        bool pair = b_last || b_unknown;
        if (!((f & SC_NAME_FIRST) || pair) || wordish || !(ends || pair || pii_intro_follow(s, n, w->e)))
            return w->e;
    } else {
        if (!(f & SC_NAME_FIRST) || cls != SC_WORD_NONE)
            return w->e;
        if (f & SC_NAME_WORD) {
            if (!(f & SC_NAME_COMMON_FIRST) || !(ends || pk == SC_PCTX_RELATION))
                return w->e;
        } else if (!ends && pk != SC_PCTX_RELATION && !b_last && !(pk == SC_PCTX_GREETING && asked_next(s, n, w->e))) {
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
    /* "siti aminah binti yusof": a second given name before the lineage, then the lineage */
    if (end == w->e && has_b && (fb & SC_NAME_FIRST) && lineage_end(s, n, b.e) > b.e)
        end = b.e;
    end = lineage_end(s, n, end);
    pii_person_emit(sc, w->s, end, score, ev);
    /* "with luis and kenji": a lower-case given name that is no word, joined by "and" to the name just
     * found, is a second person */
    word c;
    size_t as = end + 5;
    if (as < n && memcmp(s + end, " and ", 5) == 0 && next_word(s, n, end + 4, &c) && c.s == as && c.lower &&
        !c.camel && c.e - c.s >= 3) {
        unsigned fc = sc_name_lookup(s + c.s, c.e - c.s);
        if ((fc & SC_NAME_FIRST) && !(fc & SC_NAME_WORD) && !pii_chat_word(s + c.s, c.e - c.s) &&
            sc_word_class(s + c.s, c.e - c.s) == SC_WORD_NONE && !pii_in_code(sc, c.s, c.e, &why)) {
            pii_person_emit(sc, c.s, c.e, score, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_FIRST);
            return c.e;
        }
    }
    return end;
}

/* A speech or request verb after a name: "jessica said", "raj wrote", "mia needs". */
static bool speech_verb(const uint8_t *w, size_t n);

/* Whether a plain lower-case word may be one of speech_verb's verbs, by its length, first and last letter
 * (after the walk's shape byte, which holds the first letters): "that", "this", "have" leave here. */
static bool speech_verb_shape(const uint8_t *w, size_t n)
{
    return n >= 4 && n <= 9 && (VERB_FIRST[n] >> (w[0] - 'a') & 1u) && (VERB_LAST[n] >> (w[n - 1] - 'a') & 1u);
}

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
static void lower_name_said(pii_scan *sc, size_t ws, size_t we, size_t ve)
{
    const uint8_t *s = sc->s;
    size_t wl = we - ws;
    if (wl < 3)
        return;
    unsigned f = sc_name_lookup(s + ws, wl);
    const char *why;
    /* a given name the lists hold outside the common ones when "she"/"he" takes it up: "mei said she'd" */
    size_t a, b;
    bool taken_up = (f & SC_NAME_FIRST) && !(f & SC_NAME_PLACE) && word_after(s, sc->n, ve, &a, &b) &&
                    word_in(s + a, b - a, (const char *const[]){"she", "he", NULL});
    if (!((f & SC_NAME_COMMON_FIRST) || taken_up) || (f & SC_NAME_WORD) || pii_chat_word(s + ws, wl) ||
        sc_word_class(s + ws, wl) != SC_WORD_NONE || pii_in_code(sc, ws, we, &why))
        return;
    pii_person_emit(sc, ws, we, 0.7, SANCTUM_EV_CONTEXT_AFTER | SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_FORMAT_WEAK);
}

/* Step 1, the fast path: plain lower-case ASCII words and punctuation only matter as triggers of a
 * lower-case name ("hey maria", "so jessica said"). Stops at a word the full tokenizer must read. */
/* A byte that continues a handle or code after a lower-case run: the run is not a whole name. */
static bool handle_goes_on(const uint8_t *s, size_t n, size_t b)
{
    return b < n && (pii_is_alpha(s[b]) || pii_is_digit(s[b]) || s[b] >= 0x80 || s[b] == '_' || s[b] == '@' ||
                     s[b] == '-' || s[b] == '(' || s[b] == '/' || (s[b] == '.' && b + 1 < n && pii_is_alpha(s[b + 1])));
}

/* "@zeynep.kaya", "@ngozi-adeyemi", "@tomas_novak", "@ingrid.b": a handle of a given name [a, b), then '.', '-' or
 * '_' and a family name that is no word or an initial, the whole handle; its end, or 0. */
static size_t name_handle_end(const uint8_t *s, size_t n, size_t b)
{
    if (b + 1 >= n || (s[b] != '.' && s[b] != '-' && s[b] != '_') || !pii_is_lower(s[b + 1]))
        return 0;
    size_t c = b + 1, e = c;
    while (e < n && e - c <= 20 && pii_is_lower(s[e]))
        e++;
    if (e - c > 20 || handle_goes_on(s, n, e))
        return 0;
    if (e - c == 1)
        return e;
    /* the environment and role suffixes of service accounts and hosts ("@olga.prod", "@nina-bot") */
    static const char *const SUFFIX[] = {"admin", "alerts", "api", "app", "backend", "backup", "bak", "bot",
                                         "cfg", "conf", "config", "cron", "db", "deploy", "dev", "docs",
                                         "frontend", "group", "help", "info", "local", "mail", "new", "old", "ops",
                                         "prod", "qa", "sandbox", "server", "srv", "staging", "stg", "support",
                                         "svc", "sys", "team", "test", "tmp", "web", "worker", NULL};
    if (WORD_IN_SORTED(s + c, e - c, SUFFIX) || sc_word_class(s + c, e - c) != SC_WORD_NONE)
        return 0;
    unsigned f = sc_name_lookup(s + c, e - c);
    if (f & SC_NAME_WORD)
        return 0;
    /* a family name of the lists (a place's name too: Kaya, Lima); a piece they lack is as often a word of a
     * feed or a team (@nasa.news) as a family name */
    return (f & SC_NAME_LAST) ? e : 0;
}

/* The given name that opens a handle or a mention: in the lists, no word, no place, no chat word. */
static bool handle_given_name(const uint8_t *w, size_t n)
{
    unsigned f = sc_name_lookup(w, n);
    return (f & SC_NAME_FIRST) && !(f & (SC_NAME_WORD | SC_NAME_PLACE)) && !pii_chat_word(w, n) &&
           sc_word_class(w, n) == SC_WORD_NONE;
}

/* A name handle [p, end) outside an '@' (the given name [p, j), then '.', '-' or '_'): the speaker of a chat
 * export line ("[09:14] zeynep.kaya: ...", a ':' after it) or the login after "by" ([prev_s, prev_e), "opened
 * by tomas_novak"). */
static PII_NOINLINE void framed_handle(pii_scan *sc, size_t prev_s, size_t prev_e, size_t p, size_t j)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (j - p < 3 || j - p > 14)
        return;
    bool speaker = p >= 2 && s[p - 1] == ' ' && s[p - 2] == ']';
    bool by = !speaker && prev_e == prev_s + 2 && p == prev_e + 1 && s[prev_s] == 'b' && s[prev_s + 1] == 'y';
    if (!speaker && !by)
        return;
    size_t e = name_handle_end(s, n, j);
    if (e == 0 || (speaker && (e >= n || s[e] != ':')) || !handle_given_name(s + p, j - p))
        return;
    pii_person_emit(sc, p, e, 0.8, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_FIRST);
}

/* "@priya can you review": a chat mention of a lower-case given name that is no word, not an address
 * ("dana@x.org"), or code ("@param"); a handle of a given and a family name ("@zeynep.kaya") whole. */
static PII_NOINLINE void mention_name(pii_scan *sc, size_t at)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, a = at + 1, b = a;
    if (at > 0 && (pii_is_alpha(s[at - 1]) || pii_is_digit(s[at - 1]) || s[at - 1] == '.' || s[at - 1] == '_'))
        return;
    while (b < n && pii_is_lower(s[b]))
        b++;
    size_t hend = b - a >= 3 && b - a <= 14 ? name_handle_end(s, n, b) : 0;
    if (b - a < 3 || b - a > 14 || (hend == 0 && handle_goes_on(s, n, b)))
        return;
    /* doc tags, CSS at-rules and decorators some name lists hold ("Param", "Media") */
    static const char *const TAG[] = {"author", "charset", "class", "deprecated", "example", "font", "import",
                                      "keyframes", "link", "media", "override", "page", "param", "property",
                                      "return", "returns", "see", "since", "supports", "throws", "todo", "type",
                                      "version", NULL};
    if (WORD_IN_SORTED(s + a, b - a, TAG))
        return;
    const char *why;
    if (!handle_given_name(s + a, b - a))
        return;
    if (hend != 0) {
        pii_person_emit(sc, a, hend, 0.8, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_FIRST);
        return;
    }
    if (pii_in_code(sc, at, b, &why))
        return;
    pii_person_emit(sc, a, b, 0.8, SANCTUM_EV_CONTEXT_BEFORE | SANCTUM_EV_GAZETTEER_FIRST);
}

/* "jessica said", "jess just texted", "ollie is coming": the lower-case word [k->prev_s, k->prev_e) right
 * before the word [p, j) is a name this word vouches for. */
static PII_NOINLINE void name_vouched_after(pii_scan *sc, const walk *k, size_t p, size_t j)
{
    const uint8_t *s = sc->s;
    if (j - p >= 4 && j - p <= 9 && s[k->prev_e] == ' ' && speech_verb(s + p, j - p))
        lower_name_said(sc, k->prev_s, k->prev_e, j);
    else if (((j - p == 2 && s[p] == 'i') || (j - p == 4 && s[p] == 'j')) && /* "is", "just" */
             pii_lower_doing_after(s, sc->n, p, j))
        lower_name_said(sc, k->prev_s, k->prev_e, j);
}

/* "1.1ALVES/RICARDO": capitals after a PNR element number, up to a slash. */
static PII_NOINLINE bool pnr_name_at(const uint8_t *s, size_t n, size_t p)
{
    if (p < 3 || !pii_is_digit(s[p - 1]) || s[p - 2] != '.' || !pii_is_digit(s[p - 3]))
        return false;
    size_t q = p;
    while (q < n && q - p < 40 && pii_is_upper(s[q]))
        q++;
    return q > p + 1 && q + 1 < n && s[q] == '/' && pii_is_upper(s[q + 1]);
}

void pii_skip_plain_lower(pii_scan *sc, walk *k)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* the walk's state in locals, stored back before every call and return: k may alias what the calls
     * write, so the compiler would otherwise store all three at every word */
    size_t p = k->p, prev_s = k->prev_s, prev_e = k->prev_e;
    pii_run_once(&trigger_indexed, index_triggers);
    /* whether the previous word may be a trigger by its shape (known for the walk's own words from the
     * shape table; asked once for a word the tokenizer read) */
    bool prev_trig = prev_e > prev_s && lower_trigger_shape(s + prev_s, prev_e - prev_s);
    while (p < n) {
        uint8_t c = s[p];
        if (pii_is_lower(c)) {
            size_t j = pii_letters_end(s, p + 1, n, true), wl = j - p;
            uint8_t end = j < n ? word_end_class[s[j]] : END_EOL;
            if (end != 0) {
                if ((end & END_HANDLE) && j + 1 < n && pii_is_lower(s[j + 1]) && p >= 2 &&
                    (s[p - 2] == ']' || s[p - 2] == 'y'))
                    framed_handle(sc, prev_s, prev_e, p, j); /* "[09:14] zeynep.kaya:", "by tomas_novak" */
                if ((end & END_EOL) && p >= 3 && s[p - 1] == ' ' && s[p - 2] == '-')
                    pii_informal_signoff(sc, p, j); /* "thx - dinesh" (person_lower_frames.c) */
                if (__builtin_expect((end & END_COLON) != 0, 0))
                    pii_informal_speaker(sc, p, j); /* "ollie: running late" (person_lower_frames.c) */
                if (end & END_BREAK) {
                    if (s[j] == '-')
                        pii_informal_word(sc, p, j); /* "yuki-chan" (person_lower_frames.c) */
                    else if (__builtin_expect(s[j] >= 0x80 && wl <= 3, 0))
                        pii_informal_accented(sc, p, j); /* "cześć kasia", "dì a marco", "olá thiago" */
                    break; /* not a plain word: the full tokenizer decides */
                }
            }
            if (pii_is_informal_frame(s + p, wl))
                pii_informal_word(sc, p, j); /* "rahul bhai", "kuya jun", "oye javi" */
            unsigned shape = wl < 16 ? word_shape[wl][c - 'a'] : 0u;
            if ((shape & SHAPE_FRAME) && pii_chat_frame_gate(s, n, p, j, false)) {
                word fw; /* "soy Ximena", "little Anouk", "mrs adeyemi" (person_chat_frames.c) */
                memset(&fw, 0, sizeof fw);
                fw.s = p;
                fw.e = j;
                fw.lower = true;
                pii_chat_frame_word(sc, &fw);
            }
            bool trig = (shape & SHAPE_TRIGGER) && (trigger_last[wl][c - 'a'] >> (s[j - 1] - 'a') & 1u);
            if (prev_trig && wl >= 2 && p - prev_e <= 2 && lower_trigger_shaped(s + prev_s, prev_e - prev_s)) {
                word lw;
                memset(&lw, 0, sizeof lw);
                lw.s = p;
                lw.e = j;
                lw.lower = true;
                k->prev_s = prev_s = p;
                k->prev_e = prev_e = j;
                prev_trig = trig;
                p = pii_lower_name(sc, &lw);
                continue;
            }
            /* the verb's shape first: most words leave here without a call */
            if ((shape & SHAPE_VERB) &&
                ((speech_verb_shape(s + p, wl) && speech_verb(s + p, wl)) || (wl == 2 && c == 'i') ||
                 (wl == 4 && c == 'j')) &&
                prev_e > prev_s && p == prev_e + 1 && pii_is_lower(s[prev_s])) {
                k->p = p;
                k->prev_s = prev_s;
                k->prev_e = prev_e;
                name_vouched_after(sc, k, p, j);
            }
            prev_s = p;
            prev_e = j;
            prev_trig = trig;
            p = j < n && s[j] == ' ' ? j + 1 : j; /* the space after it too */
        } else if (c == ' ') {
            p++; /* the most common byte between words */
        } else if (pii_is_upper(c) || c >= 0x80) {
            break;
        } else {
            if (c == '@' && p + 1 < n && pii_is_lower(s[p + 1]))
                mention_name(sc, p);
            p++;
            if (pii_is_digit(c) && p + 1 < n && pii_is_upper(s[p]) && pnr_name_at(s, n, p))
                break; /* c is s[p - 1]; "1.1ALVES/RICARDO": a PNR name element, read by the airline format */
            while (p < n && pii_is_digit(s[p - 1]) && pii_is_alpha(s[p]))
                p++; /* letters glued to digits (3rd, 10px, sha1) are not words here */
        }
    }
    k->p = p;
    k->prev_s = prev_s;
    k->prev_e = prev_e;
}

bool pii_lower_trigger(const uint8_t *w, size_t n)
{
    return lower_trigger(w, n);
}
