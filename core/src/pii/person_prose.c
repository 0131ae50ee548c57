/* Words and frames of longer prose that are never a person (see person_prose.h). */
#include <string.h>

#include "names.h"
#include "person.h"
#include "person_prose.h"

/* w lowered into buf: ASCII, a Latin-1 or Latin Extended-A capital, a Cyrillic capital (А-Я, Ё-Џ). The
 * calendar and the lists below are lower case; Title Case changes the first letter only. Returns the
 * length, 0 when the word does not fit. */
static size_t lower_word(const uint8_t *w, size_t n, uint8_t *buf, size_t cap)
{
    if (n == 0 || n > cap)
        return 0;
    uint8_t any = 0;
    for (size_t i = 0; i < n; i++) {
        buf[i] = pii_lower(w[i]);
        any |= w[i];
    }
    if (any < 0x80)
        return n; /* ASCII: nothing to fold */
    for (size_t i = 0; i + 1 < n; i++) {
        uint8_t c = buf[i], d = buf[i + 1];
        if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97)
            buf[i + 1] = (uint8_t)(d + 0x20); /* À-Þ */
        else if ((c == 0xC4 || c == 0xC5) && d >= 0x80 && d <= 0xBF) {
            unsigned cp = ((unsigned)(c & 0x1Fu) << 6) | (d & 0x3Fu);
            bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
            if (cp != 0x130 && cp != 0x138 && cp != 0x149 && cp != 0x178 && ((cp & 1u) == (odd_upper ? 1u : 0u)))
                cp++; /* Ł -> ł, Ś -> ś, Ş -> ş */
            buf[i] = (uint8_t)(0xC0u | (cp >> 6));
            buf[i + 1] = (uint8_t)(0x80u | (cp & 0x3Fu));
        } else if (c == 0xCE && d >= 0x91 && d <= 0x9F)
            buf[i + 1] = (uint8_t)(d + 0x20); /* Α-Ο */
        else if (c == 0xCE && d >= 0xA0 && d <= 0xA9) {
            buf[i] = 0xCF; /* Π-Ω */
            buf[i + 1] = (uint8_t)(d - 0x20);
        } else if (c == 0xD0 && d >= 0x90 && d <= 0x9F)
            buf[i + 1] = (uint8_t)(d + 0x20); /* А-П */
        else if (c == 0xD0 && d >= 0xA0 && d <= 0xAF) {
            buf[i] = 0xD1; /* Р-Я */
            buf[i + 1] = (uint8_t)(d - 0x20);
        } else if (c == 0xD0 && d >= 0x80 && d <= 0x8F) {
            buf[i] = 0xD1; /* Ѐ-Џ */
            buf[i + 1] = (uint8_t)(d + 0x10);
        }
        if (c >= 0xC0)
            i++;
    }
    return n;
}

/* buf[0..n) in the byte-sorted list (no strlen: the walk stops at the first differing byte). */
static bool in_sorted(const uint8_t *buf, size_t n, const char *const *list, size_t count)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const uint8_t *b = (const uint8_t *)list[mid];
        size_t i = 0;
        while (i < n && b[i] != 0 && buf[i] == b[i])
            i++;
        int c = i == n ? (b[i] == 0 ? 0 : -1) : (b[i] == 0 ? 1 : (int)buf[i] - (int)b[i]);
        if (c == 0)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}
#define IN_SORTED(buf, n, list) in_sorted((buf), (n), (list), sizeof(list) / sizeof((list)[0]))

bool pii_feast_day(const uint8_t *w, size_t n)
{
    static const char *const D[] = {
        "day", "eve", "monday", "sunday", "vigil", "week", "weekend"};
    uint8_t buf[8];
    size_t l = lower_word(w, n, buf, sizeof buf);
    return l >= 3 && IN_SORTED(buf, l, D);
}

/* English function words (a closed class; "Will", "May", "Bill" are names and not here), capitalized
 * articles and demonstratives of other languages, and the feasts and season's words of letters and newsletters. */
static const char *const CLOSED[] = {
    "advent", "adviento", "am", "and", "année", "are", "ascension", "año", "aşure", "bayramı", "but",
    "candlemas", "capodanno", "carnaval", "carnevale", "carnival", "cette", "christmas", "corpus",
    "der", "deze", "die", "diese", "dieser", "dieses", "diwali", "easter", "epiphany", "esta", "estas",
    "este", "esto", "estos", "fasching", "fastelavn", "fastnacht", "for", "from", "gli", "halloween",
    "hanukkah", "has", "have", "het", "is", "juhannus", "julafton", "kerstmis", "kwanzaa", "las",
    "lent", "les", "los", "michaelmas", "midsommar", "midsummer", "nadolig", "natale", "navidad",
    "navidades", "neujahr", "nieuwjaar", "nor", "nouvel", "nowruz", "nuevo", "of", "or", "ostern",
    "pascua", "pasen", "passover", "pentecost", "pesach", "pfingsten", "purim", "questa", "questo",
    "ramazan", "réveillon", "shavuot", "sinterklaas", "sukkot", "than", "thanksgiving", "the", "to",
    "vesak", "was", "weihnachten", "were", "whitsun", "wielkanoc", "with", "yuletide", "świąt",
    "święta"};
/* Groups a greeting addresses ("Liebe Mitglieder", "Dear Residents") and the nouns of a closing ("Liebe
 * Grüße", "Kind Regards"). */
static const char *const AUD[] = {
    "alle", "allemaal", "amici", "amigos", "amis", "arkadaşlar", "barátaim", "buren", "care", "cari",
    "chers", "chères", "colegas", "colleagues", "collega's", "colleghi", "collègues", "committee",
    "compañeros", "congregation", "customers", "członkowie", "dostlar", "drodzy", "eltern", "everyone",
    "familie", "familien", "families", "feligreses", "fratelli", "freunde", "freundinnen", "friends",
    "gemeinde", "gentlemen", "greetings", "groeten", "gruß", "grüsse", "grüß", "grüße", "gäste",
    "hermanos", "hälsningar", "kochani", "kollegen", "kolleginnen", "ladies", "leden", "marafiki",
    "medlemmar", "medlemmer", "members", "membres", "miembros", "mitglieder", "nachbarn", "neighbors",
    "neighbours", "ouders", "padres", "parents", "parishioners", "paroissiens", "parrocchiani",
    "pozdrowienia", "prieteni", "przyjaciele", "pupils", "queridas", "queridos", "regards",
    "residents", "saludos", "salutations", "saluti", "soci", "socios", "studenten", "students",
    "tagok", "team", "tenants", "trustees", "vecinos", "veljet", "venner", "vicini", "voisins",
    "volunteers", "vorstand", "vrienden", "vänner", "wanachama", "wishes", "wünsche", "ystävät",
    "üyeler"};
/* Wishes before a feast ("Joyeux Noël"). */
static const char *const WISH[] = {
    "bonne", "bonnes", "buon", "buona", "buone", "felices", "feliz", "frohe", "frohes", "fröhliche",
    "gelukkig", "glædelig", "happy", "joyeuses", "joyeux", "merry", "prettige", "wesołych", "zalig"};

/* Venue nouns that come before the name they are called after ("salle Victor Hugo", "Colegio Gabriela
 * Mistral", "biblioteka im. Marii"), in any case. */
static const char *const VENUE[] = {
    "amphi", "amphithéâtre", "auditorio", "auditorium", "aula", "basilica", "basilique", "biblioteca",
    "bibliotece", "biblioteka", "bibliothèque", "cappella", "castello", "castillo", "catedral",
    "cathédrale", "centro", "chapelle", "chiesa", "colegio", "collegio", "collège", "colégio",
    "convento", "escola", "escuela", "fondation", "fondazione", "fundación", "fundação", "galerie",
    "galería", "galleria", "gimnazjum", "gymnasium", "hospital", "hotel", "hôpital", "hôtel", "iglesia",
    "igreja", "im", "imienia", "institut", "instituto", "istituto", "kościół", "liceo", "liceum",
    "lycée", "museo", "museu", "musée", "muzeum", "ospedale", "palacio", "palais", "palazzo", "parc",
    "parco", "parque", "pavillon", "plac", "pont", "ponte", "praça", "puente", "sala", "salle", "salón",
    "szkole", "szkoła", "teatr", "teatro", "theater", "théâtre", "torre", "universidad", "universidade",
    "università", "université", "uniwersytet", "école", "église"};

/* Saints ("Santo António" is a feast, a church or a place). */
static const char *const SAINT[] = {
    "aziz", "saint", "sainte", "san", "sankt", "sant", "santa", "santo", "sao", "st", "svatá", "svaté",
    "svatý", "sveta", "sveti", "szent", "são", "święta", "świętego", "świętej", "święty", "άγιος",
    "αγία", "αγίας", "αγίου", "святая", "святого", "святой", "святої"};

/* Roles and bodies ("Letting Agent", "Parish Council"). */
static const char *const ROLE[] = {
    "administrator", "agent", "assistant", "bestuur", "board", "chair", "chairman", "chairperson",
    "chairwoman", "clerk", "comitato", "comité", "committee", "coordinator", "council", "department",
    "diretoria", "director", "governors", "hallitus", "junta", "manager", "office", "officer",
    "panitia", "secretariat", "secretary", "sekretariat", "staff", "styrelsen", "team", "treasurer",
    "trustees", "vezetőség", "vorstand", "warden", "zarząd"};

/* One hash set of the lists above and the calendar, built once (pii_run_once): slot = 1 + entry. */
enum { PROSE_SLOTS = 4096 };
typedef struct prose_entry {
    const char *w;
    unsigned kind;
} prose_entry;
static prose_entry prose_entries[PROSE_SLOTS / 2];
static size_t prose_count;
static uint16_t prose_slot[PROSE_SLOTS];
static pii_once prose_hashed = PII_ONCE_INIT;

static uint32_t prose_hash(const uint8_t *k, size_t n)
{
    uint32_t h = 0x811c9dc5u;
    for (size_t i = 0; i < n; i++) {
        h ^= k[i];
        h *= 0x01000193u;
    }
    return h;
}

static void prose_add(const char *w, unsigned kind)
{
    const uint32_t mask = PROSE_SLOTS - 1;
    for (uint32_t i = prose_hash((const uint8_t *)w, strlen(w)) & mask;; i = (i + 1) & mask) {
        if (prose_slot[i] == 0) {
            if (prose_count >= PROSE_SLOTS / 2)
                return; /* the load stays under 1/2 (the lists hold about 1,100 words) */
            prose_entries[prose_count].w = w;
            prose_entries[prose_count].kind = kind;
            prose_slot[i] = (uint16_t)(++prose_count);
            return;
        }
        prose_entry *e = &prose_entries[prose_slot[i] - 1];
        if (strcmp(e->w, w) == 0) {
            e->kind |= kind;
            return;
        }
    }
}

static void prose_build(void)
{
    for (size_t i = 0; i < sizeof CLOSED / sizeof CLOSED[0]; i++)
        prose_add(CLOSED[i], PII_PROSE_CLOSED);
    for (size_t i = 0; i < sc_prose_calendar_count; i++)
        prose_add(sc_prose_calendar[i], PII_PROSE_CLOSED);
    for (size_t i = 0; i < sc_prose_stopwords_count; i++)
        prose_add(sc_prose_stopwords[i], PII_PROSE_CLOSED);
    for (size_t i = 0; i < sizeof AUD / sizeof AUD[0]; i++)
        prose_add(AUD[i], PII_PROSE_AUDIENCE);
    for (size_t i = 0; i < sizeof WISH / sizeof WISH[0]; i++)
        prose_add(WISH[i], PII_PROSE_WISH);
    for (size_t i = 0; i < sizeof VENUE / sizeof VENUE[0]; i++)
        prose_add(VENUE[i], PII_PROSE_VENUE);
    int kind;
    const char *g;
    for (size_t i = 0; (g = sc_person_context_before_at(i, &kind)) != NULL; i++)
        if (kind == SC_PCTX_GREETING)
            prose_add(g, PII_PROSE_GREETING);
    for (size_t i = 0; i < sizeof ROLE / sizeof ROLE[0]; i++)
        prose_add(ROLE[i], PII_PROSE_ROLE);
    for (size_t i = 0; i < sizeof SAINT / sizeof SAINT[0]; i++)
        prose_add(SAINT[i], PII_PROSE_SAINT);
}

static unsigned prose_find(const uint8_t *buf, size_t l)
{
    pii_run_once(&prose_hashed, prose_build);
    const uint32_t mask = PROSE_SLOTS - 1;
    for (uint32_t i = prose_hash(buf, l) & mask; prose_slot[i] != 0; i = (i + 1) & mask) {
        const prose_entry *e = &prose_entries[prose_slot[i] - 1];
        if (strncmp(e->w, (const char *)buf, l) == 0 && e->w[l] == '\0') /* stops at the entry's end */
            return e->kind;
    }
    return 0;
}

unsigned pii_prose_class(const uint8_t *w, size_t n)
{
    uint8_t buf[32];
    size_t l = n <= 24 ? lower_word(w, n, buf, sizeof buf) : 0;
    if (l < 2)
        return 0;
    unsigned k = prose_find(buf, l);
    /* "Terça-feira", "Quinta-feira" (Portuguese weekdays; glibc writes them without "-feira") */
    const uint8_t *h = memchr(buf, '-', l);
    if (h != NULL && h - buf >= 3 && l - (size_t)(h - buf) == 6 && memcmp(h, "-feira", 6) == 0)
        k |= PII_PROSE_CLOSED;
    if ((k & PII_PROSE_AUDIENCE) && l < 3)
        k &= ~(unsigned)PII_PROSE_AUDIENCE;
    return k;
}

bool pii_prose_closed(const uint8_t *w, size_t n) { return (pii_prose_class(w, n) & PII_PROSE_CLOSED) != 0; }

bool pii_audience_noun(const uint8_t *w, size_t n) { return (pii_prose_class(w, n) & PII_PROSE_AUDIENCE) != 0; }

bool pii_season_wish(const uint8_t *w, size_t n) { return (pii_prose_class(w, n) & PII_PROSE_WISH) != 0; }

/* A venue noun that comes before the name it is called after ("salle Victor Hugo", "Colegio Gabriela
 * Mistral", "biblioteka im. Marii"), in any case. */
static bool venue_before(const uint8_t *w, size_t n)
{
    return (pii_prose_class(w, n) & PII_PROSE_VENUE) != 0;
}

/* The last word of a name that makes it a venue or route when "the" comes before: "the Mary Seacole
 * Ward", "the Harriet Tubman Trail", "the Marshall Plan". */
static bool venue_after(const uint8_t *w, size_t n)
{
    static const char *const V[] = {
        "building", "center", "centre", "hall", "house", "lecture", "plan", "room", "suite", "theatre",
        "trail", "unit", "walk", "ward", "way", "wing"};
    uint8_t buf[16];
    size_t l = lower_word(w, n, buf, sizeof buf);
    return l >= 3 && IN_SORTED(buf, l, V);
}

bool pii_venue_name(const uint8_t *s, size_t n, size_t start, const size_t (*toks)[2], size_t nt)
{
    /* the word before, across one space (or "im. "): a venue noun */
    size_t p = start;
    if (p >= 2 && s[p - 1] == ' ') {
        p--;
        if (s[p - 1] == '.')
            p--;
        size_t b = p;
        while (b > 0 && p - b < 24 && (pii_is_alpha(s[b - 1]) || s[b - 1] >= 0x80))
            b--; /* bounded: a venue word is short */
        /* the English words among them name a venue before a name only capitalized: "Hotel Isabel", not
         * "at the hospital Gemma said" */
        if (b < p && venue_before(s + b, p - b) &&
            (pii_is_upper(s[b]) || !word_in(s + b, p - b, (const char *const[]){"auditorium", "gymnasium", "hospital",
                                                                               "hotel", "theater", NULL})))
            return true;
    }
    /* a venue word that opens the name: "Torre de Belém", "Teatro Alfonso", "Candi Borobudur" ("im" is also a
     * Korean family name) */
    if (nt >= 2 && toks[0][1] - toks[0][0] >= 3 && (venue_before(s + toks[0][0], toks[0][1] - toks[0][0]) ||
                                                   word_in(s + toks[0][0], toks[0][1] - toks[0][0],
                                                           (const char *const[]){"candi", "halla", "pura", NULL})))
        return true;
    /* "the" + a name of two or more words whose last word is a venue */
    if (nt >= 2 && start >= 4 && s[start - 1] == ' ' && (s[start - 4] | 0x20) == 't' && s[start - 3] == 'h' &&
        s[start - 2] == 'e' && (start == 4 || !pii_is_alpha(s[start - 5])))
        return venue_after(s + toks[nt - 1][0], toks[nt - 1][1] - toks[nt - 1][0]);
    (void)n;
    return false;
}

bool pii_elided_article(const uint8_t *s, size_t n, size_t ws, size_t we)
{
    static const char *const E[] = {
        "all", "coll", "dall", "dell", "nell", "quell", "sull", "un"};
    if (we + 1 >= n || we - ws > 5)
        return false;
    size_t al = s[we] == '\'' ? 1 : (we + 3 < n && s[we] == 0xE2 && s[we + 1] == 0x80 && s[we + 2] == 0x99 ? 3 : 0);
    if (al == 0 || we + al >= n || !pii_is_lower(s[we + al]))
        return false;
    uint8_t buf[8];
    size_t l = lower_word(s + ws, we - ws, buf, sizeof buf);
    return l >= 2 && IN_SORTED(buf, l, E);
}

bool pii_saint_word(const uint8_t *w, size_t n)
{
    return n >= 2 && (pii_prose_class(w, n) & PII_PROSE_SAINT) != 0;
}

bool pii_foreign_place_prep(const uint8_t *s, size_t start)
{
    /* not the particles of names ("de", "da", "di", "von", "van", "del") */
    static const char *const P[] = {
        "aus", "desde", "em", "en", "fra", "från", "hacia", "hasta", "naar", "nach", "para", "till", "uit",
        "à", "σε", "στη", "στην", "στο", "в", "во", "из"};
    if (start < 3 || s[start - 1] != ' ')
        return false;
    size_t b = start - 1;
    while (b > 0 && start - 1 - b < 16 && (pii_is_alpha(s[b - 1]) || s[b - 1] >= 0x80))
        b--;
    uint8_t buf[12];
    size_t l = lower_word(s + b, start - 1 - b, buf, sizeof buf);
    return l >= 2 && IN_SORTED(buf, l, P);
}

/* The writer after the name: "and I", "und ich", "et moi", "y yo", "e io", "e eu", "en ik", "och jag",
 * "og jeg", "i ja", "a já", "ve ben", "ja minä", "és én", "şi eu", "dan saya", "na mimi", "и я", "і я",
 * "κι εγώ", "και εγώ". */
bool pii_pronoun_pair(const uint8_t *s, size_t n, size_t end)
{
    static const char *const PAIR[] = {
        "a já", "and i", "dan saya", "e eu", "e io", "en ik", "et moi", "i ja", "ja minä", "na mimi",
        "och jag", "og jeg", "und ich", "ve ben", "y yo", "és én", "şi eu", "και εγώ", "κι εγώ", "и я",
        "і я"};
    if (end + 4 >= n || s[end] != ' ')
        return false;
    /* the conjunction and the pronoun: two words, then no letter */
    size_t a = end + 1, b = a;
    while (b < n && s[b] != ' ' && b - a < 8)
        b++;
    if (b >= n || s[b] != ' ')
        return false;
    size_t c = b + 1, d = c;
    while (d < n && (pii_is_alpha(s[d]) || s[d] >= 0x80) && d - c < 8)
        d++;
    if (d == c || (d < n && (pii_is_alpha(s[d]) || s[d] >= 0x80)))
        return false;
    uint8_t buf[24];
    size_t l = d - a;
    if (l >= sizeof buf)
        return false;
    for (size_t i = 0; i < l; i++)
        buf[i] = pii_lower(s[a + i]);
    /* "and I" keeps its capital I: lower-case "and i" in a name list is rare */
    return in_sorted(buf, l, PAIR, sizeof PAIR / sizeof PAIR[0]);
}

bool pii_the_heading(const uint8_t *s, size_t n, size_t start, const size_t (*toks)[2], size_t nt, unsigned last_flags)
{
    if (nt < 2 || last_flags != 0 || start < 5 || s[start - 1] != ' ')
        return false;
    for (size_t t = 1; t < nt; t++) {
        size_t ls = toks[t][0], le = toks[t][1];
        if (!pii_is_upper(s[ls]) || !pii_english_word(s + ls, le - ls) || (t + 1 < nt && pii_name_flags(s, ls, le) != 0))
            return false;
    }
    /* "the" right before, or one capitalized word between ("the Annual General Meeting") */
    size_t p = start - 1, b = p;
    while (b > 0 && p - b < 24 && pii_is_alpha(s[b - 1]))
        b--;
    if (b < p && pii_is_upper(s[b]) && b >= 5 && s[b - 1] == ' ') {
        p = b - 1;
        b = p;
        while (b > 0 && p - b < 4 && pii_is_alpha(s[b - 1]))
            b--;
    }
    (void)n;
    return p - b == 3 && (s[b] | 0x20) == 't' && s[b + 1] == 'h' && s[b + 2] == 'e' && (b == 0 || !pii_is_alpha(s[b - 1]));
}

bool pii_title_heading(const uint8_t *s, const size_t (*toks)[2], size_t nt)
{
    if (nt < 3)
        return false;
    for (size_t t = 1; t < nt; t++) {
        size_t ls = toks[t][0], le = toks[t][1];
        if (!pii_is_upper(s[ls]))
            return false;
        /* a word the name lists lack, or a rare given name that is a word first ("Manual") */
        unsigned fl = pii_name_flags(s, ls, le);
        if (fl == 0 ? !pii_english_word(s + ls, le - ls)
                    : (!(fl & SC_NAME_WORD) || (fl & (SC_NAME_LAST | SC_NAME_COMMON_FIRST | SC_NAME_COMMON_LAST))))
            return false;
    }
    return true;
}

bool pii_english_word(const uint8_t *w, size_t n)
{
    if (n < 3 || n > 24)
        return false;
    uint64_t h = 0xCBF29CE484222325u;
    for (size_t i = 0; i < n; i++) {
        if (!pii_is_alpha(w[i]))
            return false;
        h ^= pii_lower(w[i]);
        h *= 0x100000001B3u;
    }
    uint64_t h1 = h & 0xFFFFFFFFu, h2 = (h >> 32) | 1u;
    for (uint64_t i = 0; i < 6; i++) {
        uint64_t b = (h1 + i * h2) & ((1u << 20) - 1u);
        if (!((sc_prose_english_bits[b >> 6] >> (b & 63u)) & 1u))
            return false;
    }
    return true;
}

bool pii_role_noun(const uint8_t *w, size_t n)
{
    return n >= 4 && (pii_prose_class(w, n) & PII_PROSE_ROLE) != 0;
}

bool pii_romance_personal_a(const uint8_t *s, size_t a_start)
{
    /* frequent verbs that take a person after "a" (present and infinitive forms lack the accent) */
    static const char *const V[] = {
        "abrazar", "abrazo", "acompaña", "acompañar", "ayudar", "ayudo", "buscar", "busco", "conhecer",
        "conoce", "conocer", "conozco", "encontrar", "encontrei", "entrevistar", "esperar", "espero",
        "felicitar", "felicito", "invitar", "invito", "llamar", "presenta", "presentar", "presento",
        "saluda", "saludar", "saludo", "ver", "vi", "visitar", "visito"};
    if (a_start < 3 || s[a_start - 1] != ' ')
        return false;
    size_t e = a_start - 1, b = e;
    while (b > 0 && e - b < 16 && (pii_is_alpha(s[b - 1]) || s[b - 1] >= 0x80))
        b--;
    size_t l = e - b;
    if (l < 2)
        return false;
    /* a preterite with its accent ("conocí", "presenté", "encontró", "abracé") or a first or third person
     * plural ("conocimos", "invitaron") */
    if (l >= 4 && s[e - 2] == 0xC3 && (s[e - 1] == 0xA9 || s[e - 1] == 0xAD || s[e - 1] == 0xB3))
        return true;
    if (l >= 6 && (memcmp(s + e - 3, "mos", 3) == 0 || memcmp(s + e - 3, "ron", 3) == 0))
        return true;
    uint8_t buf[16];
    size_t k = lower_word(s + b, l, buf, sizeof buf);
    return k > 0 && in_sorted(buf, k, V, sizeof V / sizeof V[0]);
}
