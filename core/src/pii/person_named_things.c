/* PERSON precision, round 13: names that belong to a thing people talk about at work and in their hobbies.
 * A firm word ending the name, taken from the brand data ("Gordon Pryce Travel Services", "Alan Whitcombe
 * Insurance", "Ahmet Kaya Eczanesi": firm_words_data.c); a sports club ("Wigan Athletic", "Aston Villa 2-0",
 * "Hertha BSC"); a placeholder name of forms and templates ("John Doe", "Erika Mustermann", "Ola Nordmann");
 * a character of a cast list ("X is played by Y", "X, incarné par Y": Y is the person) or of a game or a
 * role-play ("the NPC X", "a tiefling called X", "playing as X"); a team or a category after a client or
 * customer word ("Client Hospitality"); a room's name or a title in quotes (meeting room "Desmond Tutu",
 * the song "Valerie"); a game with a gamer's noun after it ("Mario Party lobby"); the cast of a protocol's
 * explanation ("Alice and Bob agree on a prime while Eve eavesdrops"); a street in a postal address
 * ("4102 Bailey Ridge Dr"). */
#include "person_brands.h"
#include "names.h"
#include "person.h"
#include "person_prose.h"

/* The words right before and after the name (one space between), read once and only when a rule asks. */
typedef struct around {
    const uint8_t *s;
    size_t n, start, end;
    int nx_known, pv_known; /* 0 not read yet, 1 there, -1 none */
    word nx;
    size_t pv[2];
} around;

static const word *next_of(around *ar)
{
    if (ar->nx_known == 0)
        ar->nx_known = ar->end + 1 < ar->n && ar->s[ar->end] == ' ' && next_word(ar->s, ar->n, ar->end, &ar->nx) &&
                               ar->nx.s == ar->end + 1
                           ? 1
                           : -1;
    return ar->nx_known > 0 ? &ar->nx : NULL;
}

static const size_t *prev_of(around *ar)
{
    if (ar->pv_known == 0)
        ar->pv_known = ar->start >= 2 && ar->s[ar->start - 1] == ' ' &&
                               prev_word(ar->s, ar->start, 1, &ar->pv[0], &ar->pv[1]) && ar->pv[1] + 1 == ar->start
                           ? 1
                           : -1;
    return ar->pv_known > 0 ? ar->pv : NULL;
}

static bool firm_word(const uint8_t *w, size_t n)
{
    return n >= 3 && n <= 16 && word_in_sorted(w, n, pii_firm_words, pii_firm_word_count);
}

/* What follows a firm word at p lets it end a firm's name: the end of the text or of a phrase, a lower-case
 * word that is no team or role ("Becker Logistics still invoices"; not "Lindqvist Finance team"), or another
 * firm word ("Travel Services"). A capitalized word after it continues a role ("Lindqvist Finance Manager"). */
static bool firm_name_ends(const uint8_t *s, size_t n, size_t p)
{
    static const char *const ROLE[] = {
        "department", "dept", "desk", "director", "group", "head", "lead", "manager", "office", "side", "team", NULL};
    size_t al;
    if (apostrophe_at(s, n, p, &al))
        return true; /* "Becker Logistics' invoice", "Whitcombe Insurance's reply" */
    if (p >= n || s[p] != ' ')
        return true;
    word t;
    if (!next_word(s, n, p, &t) || t.s != p + 1)
        return true; /* " – ", " (" */
    if (t.lower)
        return !WORD_IN_SORTED(s + t.s, t.e - t.s, ROLE);
    return firm_word(s + t.s, t.e - t.s);
}

/* The span's last word, or the capitalized word right after a full name, is a firm word that ends the name. */
static bool firm_named(const uint8_t *s, size_t n, around *ar, const size_t (*toks)[2], size_t nt, int before)
{
    if (nt < 2)
        return false;
    size_t ls = toks[nt - 1][0], le = toks[nt - 1][1];
    if (pii_is_upper(s[ls]) && firm_word(s + ls, le - ls) && firm_name_ends(s, n, le))
        return true;
    if (before == STRONG)
        return false;
    const word *nx = next_of(ar);
    return nx != NULL && nx->cap && firm_word(s + nx->s, nx->e - nx->s) && firm_name_ends(s, n, nx->e);
}

/* Club abbreviations, written in capitals before or after the name ("FC Porto", "Hertha BSC"). */
static bool club_abbrev(const uint8_t *w, size_t n)
{
    static const char *const A[] = {"AFC", "BSC", "CF", "FC", "FK", "IFK", "SC", "SK", "SV", "VfB", "VfL", NULL};
    return n >= 2 && n <= 3 && bytes_in(w, n, A);
}

/* A score or a "versus" beside the name: "Aston Villa 2-0", "Crewe Alexandra vs Port Vale", "against X". */
static bool match_frame(const uint8_t *s, size_t n, size_t start, size_t end)
{
    static const char *const VS[] = {
        "against", "contra", "contre", "gegen", "v", "vs", NULL};
    size_t p = end, a, b;
    if (p + 3 < n && s[p] == ' ' && pii_is_digit(s[p + 1])) {
        p += 2;
        while (p < n && pii_is_digit(s[p]) && p - end < 5)
            p++;
        if (p < n && (s[p] == '-' || s[p] == ':'))
            return p + 1 < n && pii_is_digit(s[p + 1]);
        return p + 3 < n && s[p] == 0xE2 && s[p + 1] == 0x80 && s[p + 2] == 0x93 && pii_is_digit(s[p + 3]); /* 2–0 */
    }
    if (word_after(s, n, end, &a, &b) && WORD_IN_SORTED(s + a, b - a, VS))
        return true;
    return prev_word(s, start, 2, &a, &b) && WORD_IN_SORTED(s + a, b - a, VS);
}

/* A sports club: a club word ending the name that no person is called (Athletic, Albion, Wanderers), one
 * that is also a name (Villa, Alexandra) beside a score or "vs", or a club abbreviation beside it. */
static bool sports_club(const uint8_t *s, size_t n, size_t start, size_t end, const size_t (*toks)[2], size_t nt,
                        around *ar)
{
    static const char *const CLUB[] = {
        "academical", "albion", "argyle", "athletic", "athletico", "hotspur", "rovers", "thistle", "wanderers", NULL};
    static const char *const CLUB_NAME[] = {
        "alexandra", "celtic", "forest", "orient", "rangers", "united", "villa", NULL};
    size_t ls = toks[nt - 1][0], le = toks[nt - 1][1];
    if (nt >= 2 && pii_is_upper(s[ls]) && le - ls >= 5 && le - ls <= 10) {
        if (WORD_IN_SORTED(s + ls, le - ls, CLUB))
            return true;
        if (WORD_IN_SORTED(s + ls, le - ls, CLUB_NAME) && match_frame(s, n, start, end))
            return true;
    }
    const word *nx = next_of(ar);
    if (nx != NULL && nx->e - nx->s <= 3 && club_abbrev(s + nx->s, nx->e - nx->s))
        return true;
    const size_t *pv = prev_of(ar);
    return pv != NULL && pv[1] - pv[0] <= 3 && club_abbrev(s + pv[0], pv[1] - pv[0]);
}

/* The placeholder names of forms, templates and examples (a given name and a family name that together name
 * nobody): John Doe, Joe Bloggs, Max Mustermann, Ola Nordmann, Matti Meikäläinen, Fulano de Tal. A person
 * with one of these family names and another given name ("Samuel Doe") stays a person. */
static bool placeholder_name(const uint8_t *s, const size_t (*toks)[2], size_t nt)
{
    static const struct {
        const char *given[4], *family[3];
    } P[] = {
        {{"john", "jane", "baby", "johnny"}, {"doe", NULL, NULL}},
        {{"richard", "jane", "john", NULL}, {"roe", NULL, NULL}},
        {{"joe", "fred", "jo", NULL}, {"bloggs", "schmoe", NULL}},
        {{"max", "erika", "maxi", NULL}, {"mustermann", "musterfrau", NULL}},
        {{"otto", NULL, NULL, NULL}, {"normalverbraucher", NULL, NULL}},
        {{"ola", "kari", NULL, NULL}, {"nordmann", NULL, NULL}},
        {{"matti", "maija", NULL, NULL}, {"meik\xc3\xa4l\xc3\xa4inen", NULL, NULL}},
        {{"tommy", NULL, NULL, NULL}, {"atkins", NULL, NULL}},
        {{"jan", NULL, NULL, NULL}, {"modaal", NULL, NULL}},
    };
    size_t fs = toks[0][0], fe = toks[0][1];
    /* "Fulano de Tal", "Fulana", "Mengano", "Zutano", "Beltrano", "Sicrano": the Spanish and Portuguese "so-and-so"
     * (their initials and lengths turn most names away before the list) */
    if (fe - fs >= 6 && fe - fs <= 9 && pii_in_chars("FMZPBSfmzpbs", s[fs]) &&
        word_in(s + fs, fe - fs,
                (const char *const[]){"fulano", "fulana", "mengano", "zutano", "perengano", "beltrano", "sicrano",
                                      NULL}))
        return true;
    static const char *const FAMILY[] = {"atkins", "bloggs", "doe", "meik\xc3\xa4l\xc3\xa4inen", "modaal",
                                         "musterfrau", "mustermann", "nordmann", "normalverbraucher", "roe", "schmoe",
                                         NULL};
    size_t ls = toks[nt - 1][0], le = toks[nt - 1][1];
    /* the family names' lengths (3, 6, 8, 10, 13, 17 bytes) and initials, then one search, turn most names away
     * before the pairs are read */
    size_t fl = le - ls;
    if (fl > 17 || !((0x22548u >> fl) & 1u) || !pii_in_chars("ABDMNRSabdmnrs", s[ls]) ||
        !WORD_IN_SORTED(s + ls, fl, FAMILY))
        return false;
    if (nt < 2) {
        /* the given name may stand outside the span ("Ola" is also a word): the word right before it */
        size_t a, b;
        if (!prev_word(s, fs, 1, &a, &b) || b + 1 != fs || !pii_is_upper(s[a]))
            return false;
        fs = a;
        fe = b;
    }
    for (size_t i = 0; i < sizeof P / sizeof P[0]; i++) {
        bool g = false, f = false;
        for (size_t k = 0; k < 4 && P[i].given[k] != NULL; k++)
            g = g || pii_word_eq(s + fs, fe - fs, P[i].given[k]);
        for (size_t k = 0; k < 3 && P[i].family[k] != NULL; k++)
            f = f || pii_word_eq(s + ls, le - ls, P[i].family[k]);
        if (g && f)
            return true;
    }
    return false;
}

/* A cheap gate before a word list's search: one bit per length (1-31) for each first letter a-z (and 0xC3, the
 * lead byte of é, è), set for every word of the lists it guards. Debug builds check the masks against the
 * lists. */
static bool shape_in(const uint32_t *mask, const uint8_t *w, size_t n)
{
    uint8_t c = pii_lower(w[0]);
    uint32_t m = c >= 'a' && c <= 'z' ? mask[c - 'a'] : (c == 0xC3 ? mask[26] : 0);
    return n < 32 && ((m >> n) & 1u) != 0;
}

static void check_shapes(const uint32_t *mask, const char *const *list)
{
#ifndef NDEBUG
    for (size_t k = 0; list[k] != NULL; k++)
        if (!shape_in(mask, (const uint8_t *)list[k], strlen(list[k])))
            abort();
#else
    (void)mask;
    (void)list;
#endif
}

/* "X is played by Y", "X (voiced by Y)", "X, incarné par Y", "X gespielt von Y", "X é interpretada por Y",
 * "X interpretato da Y": at most two auxiliaries between, and a capitalized name after the preposition (the
 * person who plays X); "Maria played by the lake" has none. */
static bool cast_frame(const uint8_t *s, size_t n, size_t end)
{
    static const char *const AUX[] = {
        "als", "are", "be", "been", "being", "es", "est", "foi", "fue", "is", "ist", "now", "sera", "stata", "stato",
        "was", "will", "wird", "wurde", "\xc3\xa8", "\xc3\xa9", NULL};
    static const char *const VERB[] = {
        "dargestellt", "doblada", "doblado", "doppiata", "doppiato", "doubl\xc3\xa9", "doubl\xc3\xa9" "e", "dublada",
        "dublado", "encarnada", "encarnado", "gespielt", "gesprochen", "incarn\xc3\xa9", "incarn\xc3\xa9" "e",
        "interpretada", "interpretado", "interpretata", "interpretato", "interpr\xc3\xa9t\xc3\xa9",
        "interpr\xc3\xa9t\xc3\xa9" "e", "jou\xc3\xa9", "jou\xc3\xa9" "e", "played", "portrayed", "voiced", NULL};
    static const char *const BY[] = {"by", "da", "par", "por", "von", NULL};
    /* the shapes of AUX and VERB */
    static const uint32_t SHAPE[27] = {8,    52, 0, 2432, 524, 8, 1280, 0, 13068, 96, 0, 0, 0, 8,
                                       0,    576, 0, 0,    48,  0, 0,    64, 56,    0,  0, 0, 4};
    check_shapes(SHAPE, AUX);
    check_shapes(SHAPE, VERB);
    if (end >= n || (s[end] != ' ' && s[end] != ',' && s[end] != '('))
        return false;
    size_t p = end;
    for (int k = 0; k < 4 && p < n && p - end < 48; k++) {
        while (p < n && (s[p] == ' ' || s[p] == ',' || s[p] == '(') && p - end < 48)
            p++;
        size_t a = p;
        while (p < n && (pii_is_alpha(s[p]) || (s[p] >= 0x80 && s[p] < 0xC0) || s[p] == 0xC3) && p - a < 16)
            p++;
        if (p == a || pii_is_upper(s[a]) || !shape_in(SHAPE, s + a, p - a))
            return false;
        if (WORD_IN_SORTED(s + a, p - a, VERB)) {
            size_t ba, bb;
            word t;
            return word_after(s, n, p, &ba, &bb) && word_in(s + ba, bb - ba, BY) && next_word(s, n, bb, &t) &&
                   t.s == bb + 1 && (t.cap || t.allcaps);
        }
        if (!WORD_IN_SORTED(s + a, p - a, AUX))
            return false;
    }
    return false;
}

/* A character named by what it is in a game, a story or a role-play: "the NPC Old Man Harrow", "a tiefling called
 * Ysolde Varn", "her paladin named Sir Aldric", "playing as Ellie", "el personaje Tomás Ruiz" (whose player is
 * named with a possessive: "Beth's character"). */
static bool character_before(const uint8_t *s, size_t start)
{
    static const char *const ROLE[] = {
        "antagonist", "avatar", "bard", "character", "cleric", "druid", "dwarf", "elf", "heroine", "npc", "npcs",
        "oc", "orc", "paladin", "persona", "personagem", "personaggio", "personaje", "personnage", "protagonist",
        "rogue", "sidekick", "sorcerer", "tiefling", "villain", "warlock", "wizard", NULL};
    static const char *const CALLED[] = {
        "called", "chamada", "chamado", "chiamata", "chiamato", "llamada", "llamado", "named", "namens",
        "nomm\xc3\xa9", NULL};
    static const char *const PLAY[] = {
        "main", "mained", "play", "played", "playing", "plays", NULL};
    /* the shapes of ROLE, CALLED and "as" */
    static const uint32_t SHAPE[27] = {1092, 16, 960, 32, 8,   0, 0,   128, 0,   0, 0, 128, 0, 120,
                                       12,   3712, 0, 32, 256, 256, 0, 128, 192, 0, 0, 0,   0};
    check_shapes(SHAPE, ROLE);
    check_shapes(SHAPE, CALLED);
    size_t a, b, c, d;
    if (!prev_word(s, start, 2, &a, &b))
        return false;
    /* a title between ("paladin named Sir Aldric") */
    if (pii_is_upper(s[a]) && b - a <= 8 && b + 1 == start && !prev_word(s, a, 2, &a, &b))
        return false;
    if (!pii_is_lower(s[a]) || b - a > 12 || !shape_in(SHAPE, s + a, b - a))
        return false;
    if (WORD_IN_SORTED(s + a, b - a, ROLE))
        return true;
    if (WORD_IN_SORTED(s + a, b - a, CALLED))
        return prev_word(s, a, 2, &c, &d) && WORD_IN_SORTED(s + c, d - c, ROLE);
    return pii_word_eq(s + a, b - a, "as") && prev_word(s, a, 1, &c, &d) && WORD_IN_SORTED(s + c, d - c, PLAY);
}

/* A Title-Case phrase of a form or an org chart after a client, customer or guest word: a category or a team
 * ("Client Hospitality", "Customer Support Engineers"): every word an English word, or a given name that is
 * also one ("Success"), the last one an English word no name is. "Client Rosalind Mwangi" is a person. */
static bool team_phrase(const pii_scan *sc, around *ar, const size_t (*toks)[2], size_t nt)
{
    static const char *const TEAM[] = {
        "accounts", "client", "customer", "guest", "member", "patient", NULL};
    const uint8_t *s = sc->s;
    /* the words of TEAM end in t, r or s */
    size_t start = toks[0][0];
    if (start < 3 || s[start - 1] != ' ' || !pii_in_chars("rst", s[start - 2]))
        return false;
    const size_t *pv = prev_of(ar);
    if (pv == NULL || !pii_is_upper(s[pv[0]]) || !WORD_IN_SORTED(s + pv[0], pv[1] - pv[0], TEAM))
        return false;
    size_t ls = toks[nt - 1][0], le = toks[nt - 1][1];
    if (!pii_english_word(s + ls, le - ls))
        return false;
    for (size_t t = 0; t + 1 < nt; t++) {
        unsigned fl = pii_name_flags(s, toks[t][0], toks[t][1]);
        if (!pii_english_word(s + toks[t][0], toks[t][1] - toks[t][0]) &&
            !((fl & SC_NAME_WORD) && !(fl & SC_NAME_COMMON_FIRST)))
            return false;
    }
    return true;
}

/* The opening quote right before start ('"', “, „, « with a space), as the offset it starts at; SIZE_MAX when
 * none. */
static size_t open_quote(const uint8_t *s, size_t start)
{
    if (start >= 1 && s[start - 1] == '"')
        return start - 1;
    if (start >= 3 && s[start - 3] == 0xE2 && s[start - 2] == 0x80 && (s[start - 1] == 0x9C || s[start - 1] == 0x9E))
        return start - 3;
    if (start >= 3 && s[start - 1] == ' ' && s[start - 3] == 0xC2 && s[start - 2] == 0xAB)
        return start - 3;
    return SIZE_MAX;
}

/* A room's name in quotes after the word for a room: meeting room "Desmond Tutu", im Raum "Lise Meitner", la
 * salle « Simone Veil ». */
static bool quoted_room(const uint8_t *s, size_t start)
{
    static const char *const ROOM[] = {
        "auditorium", "hall", "raum", "room", "rum", "saal", "sala", "salle", "suite", "zaal", NULL};
    size_t q = open_quote(s, start), a, b;
    return q != SIZE_MAX && q >= 2 && s[q - 1] == ' ' && prev_word(s, q, 1, &a, &b) && b + 1 == q &&
           WORD_IN_SORTED(s + a, b - a, ROOM);
}

/* A name that fills a quoted string after a verb of reading, watching, listening or singing, or after a work's
 * noun, is a title: Reading "Anna Karenina", the song "Valerie", der Film "Nora", listening to "Gloria". A name
 * in quotes after other words stays a name (search the CRM for "Anna Kowalczyk"). */
static bool quoted_title(const uint8_t *s, size_t n, size_t start, size_t end)
{
    static const char *const WORK[] = {
        "album", "ballad", "book", "canci\xc3\xb3n", "canzone", "can\xc3\xa7\xc3\xa3o", "chanson", "cover",
        "covered", "covers", "episode", "film", "filme", "finished", "libro", "lied", "listen", "listened",
        "listening", "livre", "livro", "loved", "movie", "musical", "novel", "novela", "opera", "painting",
        "pel\xc3\xad" "cula", "play", "playing", "poem", "read", "reading", "reread", "rereading", "roman",
        "romanzo", "sang", "serie", "series", "show", "sing", "singing", "single", "song", "track", "watch",
        "watched", "watching", NULL};
    size_t q = open_quote(s, start), a, b;
    if (q == SIZE_MAX || end >= n || !(s[end] == '"' || (end + 2 < n && s[end] == 0xE2 && s[end + 1] == 0x80) ||
                                       (end + 1 < n && s[end] == ' ' && s[end + 1] == 0xC2)))
        return false;
    if (q < 2 || s[q - 1] != ' ' || !prev_word(s, q, 1, &a, &b) || b + 1 != q)
        return false;
    if (pii_word_eq(s + a, b - a, "to") && !prev_word(s, a, 1, &a, &b))
        return false; /* listening to "Gloria" */
    return WORD_IN_SORTED(s + a, b - a, WORK);
}

/* A gamer's noun right after the name makes it a game ("Mario Party lobby", "Hollow Knight DLC", "the Stanley
 * Parable speedrun"); not after a verb of asking or inviting people, nor after a possessive ("Sofia's speedrun"). */
static bool game_noun_after(const pii_scan *sc, size_t start, around *ar)
{
    static const char *const GAME[] = {
        "banner", "dlc", "expansion", "lobby", "mod", "mods", "ost", "playthrough", "remake", "remaster", "rerun",
        "soundtrack", "speedrun", "speedruns", "trailer", "walkthrough", NULL};
    const uint8_t *s = sc->s;
    const word *nx = next_of(ar);
    if (nx == NULL || nx->e - nx->s < 3 || nx->e - nx->s > 11 || nx->possessive)
        return false;
    /* lower case, all capitals ("DLC", "OST") or a German noun ("Soundtrack") */
    return WORD_IN_SORTED(s + nx->s, nx->e - nx->s, GAME) && !pii_person_verb_before(sc, start);
}

/* The cast of cryptography and protocol explanations. */
static int protocol_name(const uint8_t *w, size_t n)
{
    static const char *const CAST[] = {"alice", "bob", "carol", "charlie", "chuck", "craig", "dave", "eve", "mallory",
                                       "oscar", "peggy", "trent", "trudy", "victor", "walter", NULL};
    if (n < 3 || n > 7 || !pii_in_chars("ABCDEMOPTVW", w[0]))
        return -1;
    /* CAST is sorted: a binary search for the index */
    int lo = 0, hi = (int)(sizeof CAST / sizeof CAST[0]) - 1;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2, c = word_cmp(w, n, CAST[mid]);
        if (c == 0)
            return mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

/* A word of a protocol's steps: encrypts, decrypts, eavesdrops, intercepts, handshake, nonce, ciphertext,
 * Diffie-Hellman; French chiffre/déchiffre, Spanish cifra/descifra, German verschlüsselt/entschlüsselt. */
static bool protocol_word(const uint8_t *w, size_t n)
{
    static const char *const STEM[] = {"encrypt", "decrypt", "eavesdrop", "intercept", "handshake", "nonce",
                                       "ciphertext", "plaintext", "diffie", "hellman", "mitm", "keypair", "protocol",
                                       "protokoll", "chiffr", "d\xc3\xa9" "chiffr", "cifr", "descifr", "verschl",
                                       "entschl", NULL};
    for (int k = 0; STEM[k] != NULL; k++) {
        size_t l = strlen(STEM[k]);
        if (n >= l && n <= l + 6 && pii_word_eq(w, l, STEM[k]))
            return true;
    }
    return false;
}

/* "Alice and Bob agree on a prime while Eve eavesdrops": three of the cast on the line (within 160 bytes either
 * side, as pii_line_has_word reads) and a word of a protocol's steps. "Alice, Bob and Carol from IT renewed
 * the TLS certificate" has no such word: people. */
static bool protocol_cast(const uint8_t *s, size_t n, size_t start, size_t end)
{
    int self = protocol_name(s + start, end - start);
    if (self < 0)
        return false;
    size_t a = start, b = end;
    while (a > 0 && start - a < 160 && s[a - 1] != '\n')
        a--;
    while (b < n && b - end < 160 && s[b] != '\n')
        b++;
    uint32_t seen = 1u << self;
    bool step = false;
    for (size_t p = a; p < b;) {
        if (!pii_is_alpha(s[p])) {
            p++;
            continue;
        }
        size_t q = p;
        while (q < b && (pii_is_alpha(s[q]) || (s[q] >= 0x80 && s[q] < 0xC0) || s[q] == 0xC3))
            q++;
        int k = protocol_name(s + p, q - p);
        if (k >= 0)
            seen |= 1u << k;
        else if (!step)
            step = protocol_word(s + p, q - p);
        p = q;
    }
    unsigned cast = 0;
    for (uint32_t m = seen; m != 0; m &= m - 1)
        cast++;
    return step && cast >= 3;
}

/* A brand named exactly like an ordinary person ("Morgan Stanley", "Raymond James", "Thomas Cook": the generated
 * list) in a firm's frame: a business noun right after it ("the Morgan Stanley integration", "Raymond James SFTP
 * keys", after a possessive only an acronym: "Morgan Stanley's API"), or "at" it after a person's name
 * ("Deborah Kline at Morgan Stanley"). Elsewhere it is a person ("Paul Smith's website", "ask Paul Smith"). */
static bool eponym_firm(const pii_scan *sc, size_t start, size_t end, size_t nt, around *ar)
{
    static const char *const BUSINESS[] = {
        "account", "accounts", "api", "app", "branch", "branches", "contract", "deal", "feed", "filing", "integration",
        "invoice", "invoices", "portal", "rfp", "rfps", "sandbox", "sftp", "shares", "sso", "stock", "store", "stores",
        NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (nt < 2 || nt > 3 || end - start > 40)
        return false;
    /* the frame first (rare), then the list: a business noun after the name (after a possessive only an acronym:
     * "Morgan Stanley's API"), or "at" it after a person's name */
    size_t al, c, d;
    bool frame = false;
    if (apostrophe_at(s, n, end, &al)) {
        size_t p = end + al + 1;
        word t;
        frame = end + al < n && s[end + al] == 's' && p + 1 < n && s[p] == ' ' && next_word(s, n, p, &t) &&
                t.s == p + 1 && t.allcaps && WORD_IN_SORTED(s + t.s, t.e - t.s, BUSINESS);
    } else {
        const word *nx = next_of(ar);
        const size_t *pv = prev_of(ar);
        frame = (nx != NULL && (nx->lower || nx->allcaps) && WORD_IN_SORTED(s + nx->s, nx->e - nx->s, BUSINESS)) ||
                (pv != NULL && pii_word_eq(s + pv[0], pv[1] - pv[0], "at") && prev_word(s, pv[0], 1, &c, &d) &&
                 d + 1 == pv[0] && pii_is_upper(s[c]) &&
                 (pii_name_flags(s, c, d) & (SC_NAME_FIRST | SC_NAME_LAST)) != 0);
    }
    if (!frame)
        return false;
    char key[48];
    size_t k = 0;
    for (size_t i = start; i < end; i++) {
        if (s[i] >= 0x80)
            return false;
        key[k++] = (char)pii_lower(s[i]);
    }
    key[k] = '\0';
    size_t lo = 0, hi = pii_eponym_firm_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(pii_eponym_firms[mid], key);
        if (cmp == 0)
            return true;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* A street named like a person in a postal address: a house number right before the name, and a street word
 * (US and UK abbreviations and their full forms) ending the name or right after it: "4102 Bailey Ridge Dr",
 * "9 Harrison Ct", "27 Lucy Gray Lane". "Table 4 Harrison Cole" has no street word. */
static bool street_address(const uint8_t *s, size_t start, around *ar, const size_t (*toks)[2], size_t nt)
{
    static const char *const STREET[] = {
        "ave", "avenue", "blvd", "cir", "circle", "close", "court", "cres", "crescent", "ct", "dr", "drive", "hwy",
        "lane", "ln", "parkway", "pkwy", "pl", "place", "rd", "road", "sq", "st", "street", "ter", "terrace", "trl",
        NULL};
    if (start < 3 || s[start - 1] != ' ' || !pii_is_digit(s[start - 2]))
        return false;
    size_t d = start - 1;
    while (d > 0 && pii_is_digit(s[d - 1]) && start - d < 8)
        d--;
    if (start - 1 - d > 6 || (d > 0 && (pii_is_alpha(s[d - 1]) || s[d - 1] == '-' || s[d - 1] == '.')))
        return false;
    size_t ls = toks[nt - 1][0], le = toks[nt - 1][1];
    if (nt >= 2 && pii_is_upper(s[ls]) && WORD_IN_SORTED(s + ls, le - ls, STREET))
        return true;
    const word *nx = next_of(ar);
    return nx != NULL && nx->cap && WORD_IN_SORTED(s + nx->s, nx->e - nx->s, STREET);
}

/* w[0..n) opens with the lower-case stem t (any case in w). */
static bool opens_with(const uint8_t *w, size_t n, const char *t)
{
    size_t l = strlen(t), i = 0;
    while (i < l && i < n && pii_lower(w[i]) == (uint8_t)t[i])
        i++;
    return i == l;
}

/* A word opening with a stem of examples, forms and templates, and not with an ordinary word that begins the
 * same way ("Democratic", "demolition", "exemplary", "Mockingbird": a placeholder's name beside them is someone). */
static bool example_word(const uint8_t *w, size_t n)
{
    static const char *const STEMS[] = {"anonym", "beispiel", "demo", "dummy", "eksempel", "ejemplo", "esempi",
                                        "esimerk", "exampl", "exempl", "fake", "fictiti", "formular", "hypothetic",
                                        "lorem", "mock", "muster", "placeholder", "przyk", "sample", "skjema",
                                        "specimen", "templat", "unidentified", "unknown", "voorbeeld", "vorlage",
                                        NULL};
    static const char *const NOT[] = {"democr", "demogr", "demokr", "demol", "demon", "exemplary", "mockery",
                                      "mocking", NULL};
    for (size_t k = 0; STEMS[k] != NULL; k++)
        if (opens_with(w, n, STEMS[k])) {
            for (size_t x = 0; NOT[x] != NULL; x++)
                if (opens_with(w, n, NOT[x]) && !opens_with(w, n, "demonstrat"))
                    return false;
            return true;
        }
    return false;
}

/* A placeholder name names nobody only where the text says it is an example: a real customer may be called
 * John Doe, and "I'm Jane Doe, call me" is how people (and testers) write their own name. A word inside a
 * domain or an address ("example.com") does not count. */
static bool placeholder_frame(const uint8_t *s, size_t n, size_t start, size_t end)
{
    return pii_line_has_word_ex(s, n, start, end, example_word, true);
}

bool pii_round13_thing(const pii_scan *sc, size_t start, size_t end, const size_t (*toks)[2], size_t nt, int before,
                       bool person_ev)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (nt == 0 || end <= start)
        return false;
    around ar = {.s = s, .n = n, .start = start, .end = end};
    /* a placeholder with a mailbox after it ("Ola Nordmann <ola@...>") is someone's address book entry, and one
     * without a word of examples and forms on its line is someone */
    bool mailbox = end + 1 < n && s[end] == ' ' && s[end + 1] == '<';
    if ((!mailbox && placeholder_name(s, toks, nt) && placeholder_frame(s, n, start, end)) || firm_named(s, n, &ar, toks, nt, before) ||
        team_phrase(sc, &ar, toks, nt) || street_address(s, start, &ar, toks, nt) || quoted_room(s, start) ||
        quoted_title(s, n, start, end))
        return true;
    /* a title before a character ("Captain X (voiced by Y)") vouches for nothing */
    if (cast_frame(s, n, end) || character_before(s, start))
        return true;
    return !person_ev && before != STRONG &&
           (sports_club(s, n, start, end, toks, nt, &ar) || game_noun_after(sc, start, &ar) ||
            eponym_firm(sc, start, end, nt, &ar) || (nt == 1 && protocol_cast(s, n, start, end)));
}
