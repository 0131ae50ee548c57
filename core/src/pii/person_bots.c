/* PII precision, round 15: programs named like people. Chat bots and virtual assistants ("Nora, your virtual
 * assistant", "the support bot Oliver", "Winston (our Slack bot)"), senders and speakers that are programs
 * ("Renovatebot:", "Karma Bot:", "Mailer-Daemon"), and the "name" of a JSON object that describes an animal
 * or a product ({"name": "Luna", "breed": "beagle"}). A given name alone lifts such a word to a person in a
 * speaker, sender or "name" frame; the bot's noun or the object's other keys are the second signal that says
 * it is none. A human assistant ("My assistant Helena", "Ruth, our office assistant") stays a person: only a
 * bot's noun, or an assistant's noun with "virtual", "digital", "AI" beside it, counts. */
#include "names.h"
#include "person.h"

enum { BOT_WORDS_MAX = 8, BOT_BYTES_MAX = 80, JSON_OBJ_MAX = 320 };

static bool bot_noun(const uint8_t *w, size_t n)
{
    static const char *const B[] = {"bot", "bots", "chatbot", "chatbots", "robot", "voicebot", NULL};
    return n >= 3 && n <= 8 && WORD_IN_SORTED(w, n, B);
}

static bool virtual_word(const uint8_t *w, size_t n)
{
    static const char *const V[] = {"ai", "automated", "digital", "digitale", "digitaler", "ia", "ki",
                                    "virtual", "virtuale", "virtuel", "virtuelle", "virtueller", NULL};
    return n >= 2 && n <= 10 && WORD_IN_SORTED(w, n, V);
}

static bool assistant_noun(const uint8_t *w, size_t n)
{
    static const char *const A[] = {"agent", "agente", "asistente", "assistant", "assistante", "assistent",
                                    "assistente", "assistentin", NULL};
    return n >= 5 && n <= 11 && WORD_IN_SORTED(w, n, A);
}

/* Words that may follow the noun closing an apposition ("..., your virtual assistant from Northwind"): a
 * preposition; a verb after it means the noun began a sentence of its own ("Nora, the bot is down"). */
static bool apposition_end_word(const uint8_t *w, size_t n)
{
    static const char *const E[] = {"at", "da", "de", "del", "der", "des", "di", "du", "for", "from", "für",
                                    "here", "in", "of", "on", "para", "pour", "von", "with", NULL};
    return n >= 2 && n <= 5 && WORD_IN_SORTED(w, n, E);
}

/* The next word at or after p on the same clause: [*a, *b) letters (ASCII, UTF-8, inner '-' and '\''),
 * skipping spaces only. */
static bool clause_word(const uint8_t *s, size_t n, size_t p, size_t *a, size_t *b)
{
    while (p < n && s[p] == ' ')
        p++;
    size_t e = p;
    while (e < n && (pii_is_alpha(s[e]) || s[e] >= 0x80 || ((s[e] == '-' || s[e] == '\'') && e > p)))
        e++;
    *a = p;
    *b = e;
    return e > p;
}

/* After ", " or " (": up to BOT_WORDS_MAX words of an apposition that hold a bot's noun, or an assistant's
 * noun with a word of "virtual" before or after it, and end there (punctuation, the end, a preposition). */
static bool bot_apposition(const uint8_t *s, size_t n, size_t p, bool paren)
{
    size_t lim = p + BOT_BYTES_MAX < n ? p + BOT_BYTES_MAX : n, a, b;
    bool virt = false, noun = false;
    for (int k = 0; k < BOT_WORDS_MAX && p < lim && clause_word(s, lim, p, &a, &b); k++) {
        size_t l = b - a;
        if (k == 0 && pii_word_eq(s + a, l, "my"))
            return false; /* "Maria, my virtual assistant": a person hired to assist */
        /* a possessive firm before the noun: "Lakeside Credit Union's" */
        size_t wl = l >= 2 && s[b - 2] == '\'' && s[b - 1] == 's' ? l - 2 : l;
        bool is_bot = bot_noun(s + a, wl), is_assist = assistant_noun(s + a, wl), is_virt = virtual_word(s + a, wl);
        virt = virt || is_virt;
        noun = noun || is_assist;
        p = b;
        if (is_bot || (noun && virt && (is_assist || is_virt))) {
            if (paren)
                return p < n && s[p] == ')';
            if (p >= n || s[p] == '.' || s[p] == ',' || s[p] == ';' || s[p] == '!' || s[p] == '?' || s[p] == ':' ||
                s[p] == '\n' || s[p] == ')' || s[p] == '\\')
                return true;
            size_t c, d;
            return s[p] == ' ' && clause_word(s, n, p, &c, &d) && apposition_end_word(s + c, d - c);
        }
        if (p >= lim || (s[p] != ' ' && s[p] != '-'))
            return false;
    }
    return false;
}

/* The window [p, lim) up to the apposition's end holds "bot", "sist" (assistant, asistente) or "gent" (agent):
 * one byte walk, a table lookup a byte, before any word is read. */
static bool bot_bytes(const uint8_t *s, size_t p, size_t lim)
{
    /* 1: ends the apposition, 2: 't', the last letter of the three stems */
    static const uint8_t K[256] = {['.'] = 1, [','] = 1, [';'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1, ['t'] = 2};
    for (size_t i = p; i < lim; i++) {
        uint8_t k = K[s[i]];
        if (k == 0)
            continue;
        if (k == 1)
            return false;
        if (i >= p + 2 && (s[i - 2] == 'b' || s[i - 2] == 'B') && s[i - 1] == 'o')
            return true;
        if (i >= p + 3 && ((s[i - 3] == 's' && s[i - 2] == 'i' && s[i - 1] == 's') ||
                           (s[i - 3] == 'g' && s[i - 2] == 'e' && s[i - 1] == 'n')))
            return true;
    }
    return false;
}

bool pii_bot_name(const pii_scan *sc, size_t start, size_t end, bool one)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* "Karma Bot:", "Billy bot:" */
    if (end + 4 <= n && s[end] == ' ' && (s[end + 1] == 'B' || s[end + 1] == 'b') && s[end + 2] == 'o' &&
        s[end + 3] == 't' && (end + 4 == n || !pii_is_alpha(s[end + 4])))
        return true;
    if (one) {
        size_t l = end - start;
        /* "Renovatebot", "Releasebot": a word no name list holds ending in "bot" ("Talbot", "Abbot" are names) */
        if (l >= 6 && memcmp(s + end - 3, "bot", 3) == 0 && pii_is_lower(s[end - 4]) &&
            !(pii_name_flags_at(sc, start, end) & (SC_NAME_FIRST | SC_NAME_LAST)))
            return true;
        /* "Mailer-Daemon", "MAILER-DAEMON" */
        if (l >= 7 && s[end - 7] == '-' && pii_word_eq(s + end - 6, 6, "daemon"))
            return true;
    }
    /* "Nora, Lakeside Credit Union's virtual banking assistant", "Winston (our Slack bot)" */
    if (end + 2 < n && (s[end] == ',' || (s[end] == ' ' && s[end + 1] == '('))) {
        size_t p = end + 2, lim = p + BOT_BYTES_MAX < n ? p + BOT_BYTES_MAX : n;
        if (bot_bytes(s, p, lim) && bot_apposition(s, n, p, s[end] == ' '))
            return true;
    }
    /* "the support bot Oliver", "the virtual assistant Emma", "l'assistante virtuelle Léa": the word before
     * ends like one of the nouns ("bot", "...nt", "...ne", "...in", "virtual...") */
    size_t ps, pe, qs, qe;
    if (start < 4 || s[start - 1] != ' ' || !pii_is_alpha(s[start - 2]))
        return false;
    /* the nouns' last two letters: "ot", "ts" (bot, bots), "nt", "te", "in" (assistant, asistente, Assistentin),
     * "al", "ai", "ia", "ki", "ed", "le", "er", "el" (virtual, AI, IA, KI, automated, digitale, virtueller) */
    uint8_t y = (uint8_t)(s[start - 3] | 0x20), z = (uint8_t)(s[start - 2] | 0x20);
    bool end_ok;
    switch (z) {
    case 't': end_ok = y == 'o' || y == 'n'; break;
    case 's': end_ok = y == 't'; break;
    case 'e': end_ok = y == 't' || y == 'l'; break;
    case 'n': end_ok = y == 'i'; break;
    case 'l': end_ok = y == 'a' || y == 'e'; break;
    case 'i': end_ok = y == 'a' || y == 'k'; break;
    case 'a': end_ok = y == 'i'; break;
    case 'd':
    case 'r': end_ok = y == 'e'; break;
    default: end_ok = false;
    }
    if (!end_ok)
        return false;
    if (!prev_word(s, start, 1, &ps, &pe) || pe - ps < 2 || pe - ps > 11)
        return false;
    if (bot_noun(s + ps, pe - ps))
        return true;
    bool assist = assistant_noun(s + ps, pe - ps), virt = !assist && virtual_word(s + ps, pe - ps);
    if (!assist && !virt)
        return false;
    if (!prev_word(s, ps, 1, &qs, &qe))
        return false;
    return (assist && virtual_word(s + qs, qe - qs)) || (virt && assistant_noun(s + qs, qe - qs));
}

/* The key of a JSON object ending at the '"' before ':' at k (k at the closing quote): [*a, k). */
static bool json_key_before(const uint8_t *s, size_t lo, size_t k, size_t *a)
{
    size_t i = k;
    while (i > lo && (pii_is_alnum(s[i - 1]) || s[i - 1] == '_'))
        i--;
    if (i == lo || i == k || s[i - 1] != '"')
        return false;
    *a = i;
    return true;
}

static bool thing_key(const uint8_t *w, size_t n)
{
    static const char *const K[] = {"breed", "firmware", "model", "sku", "species", "version", NULL};
    return n >= 3 && n <= 8 && WORD_IN_SORTED(w, n, K);
}

bool pii_json_thing_name(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* the cheap test first: "name": "<value>" */
    size_t q = start;
    if (q < 8 || s[q - 1] != '"')
        return false;
    q--;
    while (q > 0 && start - q < 4 && s[q - 1] == ' ')
        q--;
    if (q < 7 || s[q - 1] != ':' || s[q - 2] != '"' || !pii_word_eq(s + q - 6, 4, "name") || s[q - 7] != '"')
        return false;
    /* the object around it: back to its '{' and on to its '}' at the same depth, outside strings */
    size_t lo = start > JSON_OBJ_MAX ? start - JSON_OBJ_MAX : 0, hi = end + JSON_OBJ_MAX < n ? end + JSON_OBJ_MAX : n;
    size_t open = 0;
    int depth = 0;
    bool found = false;
    for (size_t i = q - 7; i > lo; i--) {
        uint8_t c = s[i - 1];
        if (c == '"') { /* skip a string backwards (its escaped quotes too) */
            size_t j = i - 1;
            while (j > lo && !(s[j - 1] == '"' && (j - 1 == lo || s[j - 2] != '\\')))
                j--;
            if (j == lo)
                return false;
            i = j;
            continue;
        }
        if (c == '}' || c == ']')
            depth++;
        else if (c == '{' || c == '[') {
            if (depth == 0) {
                if (c == '[')
                    return false;
                open = i - 1;
                found = true;
                break;
            }
            depth--;
        }
    }
    if (!found)
        return false;
    depth = 0;
    for (size_t i = open + 1; i < hi; i++) {
        uint8_t c = s[i];
        if (c == '"') {
            size_t j = i + 1;
            while (j < hi && s[j] != '"')
                j += s[j] == '\\' ? 2 : 1;
            if (j >= hi)
                return false;
            /* a key of this object: "species": */
            size_t k = j + 1;
            while (k < hi && s[k] == ' ')
                k++;
            size_t a;
            if (depth == 0 && k < hi && s[k] == ':' && json_key_before(s, i, j, &a) && a == i + 1 &&
                thing_key(s + a, j - a))
                return true;
            i = j;
            continue;
        }
        if (c == '{' || c == '[')
            depth++;
        else if (c == '}' || c == ']') {
            if (depth == 0)
                return false;
            depth--;
        }
    }
    return false;
}
