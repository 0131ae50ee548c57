/* PERSON, places and software: a name that is also a place is no person in place context, and software
 * named like people is no person in technical context (issue 17). */
#include "names.h"
#include "person.h"
#include "person_prose.h"

/* Narrows the window [*lo, *hi) around [start, end) to the line holding it. */
static void line_clip(const uint8_t *s, size_t start, size_t end, size_t *lo, size_t *hi)
{
    for (size_t q = start; q > *lo; q--)
        if (s[q - 1] == '\n') {
            *lo = q;
            break;
        }
    for (size_t q = end; q < *hi; q++)
        if (s[q] == '\n') {
            *hi = q;
            break;
        }
}

/* Technical context within the sentence around [start, end): the word names software there. */
bool pii_tech_context(const pii_scan *sc, size_t start, size_t end)
{
    /* sorted, for a binary search: a row of software names asked the whole list for each word around each */
    static const char *const T[] = {
        "addon", "addons", "agent", "api", "app", "apps", "aws", "backend", "boot", "booting", "broker", "brokers",
        "bug", "build", "builds", "cache", "camera", "cameras", "checks", "ci", "cluster", "code", "cold", "commit",
        "compile", "compiled", "compiles", "components", "config", "console", "consumer", "consumers", "container",
        "containers", "cpu", "crash", "crashed", "cron", "daemon", "dag", "dags", "dashboard", "database",
        "dataframe", "db", "dependencies", "dependency", "deploy", "deployed", "deployment", "deps", "disk",
        "distro", "docker", "down", "dynos", "endpoint", "engine", "error", "errors", "evaluation", "exception",
        "fast", "faster", "files", "firmware", "flaky", "framework", "frontend", "function", "gb", "gpu", "groupby",
        "index", "install", "installed", "instance", "instances", "java", "job", "jobs", "join", "json", "kernel",
        "kernels", "kubernetes", "language", "lazy", "library", "logs", "mb", "memory", "merge", "migration",
        "migrations", "mock", "module", "monorepo", "ms", "nightly", "nmap", "node", "nodes", "notebook",
        "notebooks", "numeric", "offline", "orm", "package", "parquet", "partition", "pipeline", "pipelines",
        "playback", "plugin", "plugins", "pod", "pods", "producer", "provisioned", "provisioning", "python",
        "queries", "query", "queue", "queues", "reads", "rebalancing", "reboot", "rebooted", "release", "remote",
        "replica", "replicas", "repo", "requests", "restart", "restarted", "restarting", "runner", "runtime",
        "scheduler", "schema", "script", "scripts", "server", "servers", "service", "services", "shards", "site",
        "skin", "slow", "spike", "stack", "stacktrace", "static", "streaming", "strong", "syntax", "tea",
        "terraform", "test", "tests", "topic", "topics", "transcoding", "types", "typing", "update", "updated",
        "updating", "upgrade", "upgraded", "upstream", "version", "webhook", "worker", "workers", "yaml", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t lo = start > 80 ? start - 80 : 0, hi = end + 80 < n ? end + 80 : n;
    line_clip(s, start, end, &lo, &hi);
    for (size_t p = lo; p < hi;) {
        while (p < hi && !pii_is_alpha(s[p]))
            p++;
        size_t a = p;
        while (p < hi && pii_is_alpha(s[p]))
            p++;
        if (p > a && (a < start || a >= end) && p - a <= 14 && WORD_IN_SORTED(s + a, p - a, T))
            return true;
    }
    return false;
}

/* A place word: a city, province or country from the place list, a hand-kept place, or a US state code. */
static bool place_word(const uint8_t *s, size_t a, size_t b)
{
    if (b - a == 2 && pii_is_upper(s[a]) && pii_is_upper(s[a + 1])) {
        static const char *const US[] = {"al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi",
                                         "id", "il", "in", "ia", "ks", "ky", "la", "me", "md", "ma", "mi", "mn",
                                         "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh",
                                         "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa",
                                         "wv", "wi", "wy", "uk", "us", "bc", "on", "qc", "nsw", NULL};
        return word_in(s + a, b - a, US);
    }
    return sc_word_class(s + a, b - a) == SC_WORD_PLACE || sc_place_lookup(s + a, b - a);
}

/* Place context around a word that may be a place: ", Texas" after it, a travel preposition before it
 * ("in", "near", "through", "flights to", "moved from"), another place beside it ("Regina and
 * Saskatoon", "from Victoria to Vancouver"), or a place noun after it ("the Lincoln office"). */
bool pii_place_context(const pii_scan *sc, size_t start, size_t end)
{
    static const char *const PREP[] = {"in", "near", "into", "visit", "visiting", "visited", "around", "across",
                                       "via", "outside", "inside", "through", "towards", "toward", "downtown",
                                       "at", "of", NULL};
    static const char *const TRAVEL[] = {"fly", "flew", "flying", "flight", "flights", "trip", "drive", "drove",
                                         "driving", "move", "moved", "moving", "relocate", "relocating",
                                         "relocated", "heading", "head", "headed", "travel", "traveling",
                                         "travelling", "went", "go", "going", "back", "way", "train", "bus",
                                         "ferry", "road", "route", "commute", "layover", "return", "returning",
                                         "trains", "ticket", "tickets", "ship", "shipping", "ships", "office", "on",
                                         "grew", "up", "born", "lived", "live", "based", "offsite", NULL};
    static const char *const FOR[] = {
        "airbnb", "bus", "connections", "directions", "fares", "ferry", "flight", "flights", "forecast",
        "getaway", "guide", "holiday", "holidays", "honeymoon", "hotel", "hotels", "itinerary", "layover",
        "map", "packing", "rentals", "restaurants", "route", "sightseeing", "ticket", "tickets", "time",
        "timezone", "tour", "tours", "train", "trains", "trip", "trips", "vacation", "visa", "weather", NULL};
    static const char *const AND[] = {"and", "or", "to", "than", "from", "then", "vs", NULL};
    static const char *const NOUN[] = {"office", "offices", "branch", "warehouse", "campus", "area", "region",
                                       "airport", "clinic", "hospital", "store", "plant", "team", "site",
                                       "datacenter", "suburbs", "downtown", "metro", "market", "hub", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, ws, we, vs, ve;
    /* ", Texas", ", TX", " (Texas)" */
    size_t p = end;
    if (p + 2 < n && (s[p] == ',' || s[p] == ' ') && s[p + 1] == (s[p] == ',' ? ' ' : '(')) {
        size_t a = p + 2, b = a;
        while (b < n && pii_is_alpha(s[b]))
            b++;
        if (b > a && pii_is_upper(s[a]) && place_word(s, a, b))
            return true;
    }
    if (prev_word(s, start, 1, &ws, &we)) {
        if (word_in(s + ws, we - ws, PREP))
            return true;
        /* "weather for Adelaide", "an itinerary for Florence" (but "a card for Chase") */
        if (pii_word_eq(s + ws, we - ws, "for") && prev_word(s, ws, 1, &vs, &ve) && WORD_IN_SORTED(s + vs, ve - vs, FOR))
            return true;
        if ((pii_word_eq(s + ws, we - ws, "to") || pii_word_eq(s + ws, we - ws, "from")) &&
            prev_word(s, ws, 1, &vs, &ve) && word_in(s + vs, ve - vs, TRAVEL))
            return true;
        /* "Granada and Seville", "Sydney to Melbourne": another place before */
        if (word_in(s + ws, we - ws, AND) && prev_word(s, ws, 1, &vs, &ve) && pii_is_upper(s[vs]) &&
            place_word(s, vs, ve))
            return true;
    }
    size_t a, b;
    if (word_after(s, n, end, &a, &b)) {
        if (word_in(s + a, b - a, NOUN))
            return true;
        size_t c, d;
        /* "Victoria to Vancouver", "Regina and Saskatoon" */
        if (word_in(s + a, b - a, AND) && b < n && s[b] == ' ') {
            c = b + 1;
            d = c;
            while (d < n && pii_is_alpha(s[d]))
                d++;
            if (d > c && pii_is_upper(s[c]) && place_word(s, c, d))
                return true;
        }
    }
    /* "Valencia, Granada and Seville" */
    if (end + 2 < n && s[end] == ',' && s[end + 1] == ' ' && pii_is_upper(s[end + 2])) {
        size_t c = end + 2, d = c;
        while (d < n && pii_is_alpha(s[d]))
            d++;
        if (place_word(s, c, d) && !sc_name_lookup(s + c, d - c))
            return true;
    }
    return false;
}

/* A capitalized word that makes the word before it a place: "Victoria Falls", "Jackson Hole", "Sydney
 * Harbour" (not the place words that are also common surnames: Woods, Fields, Hill, Rivers). */
bool pii_place_noun(const uint8_t *w, size_t n)
{
    static const char *const N[] = {
        "accord", "act", "agreement", "airport", "amendment", "aquarium", "arch", "arena", "athletic",
        "ballet", "basilica", "basin", "boardwalk", "borough", "bridge", "canyon", "castle", "cathedral",
        "causeway", "cemetery", "circle", "city", "coast", "column", "convention", "county", "creek",
        "crescent", "cricket", "crossing", "dam", "declaration", "desert", "doctrine", "downtown", "esplanade",
        "expressway", "falls", "fashion", "fjord", "forest", "fountain", "freeway", "games", "gardens",
        "glacier", "harbor", "harbour", "harbourfront", "heights", "highway", "hole", "hospital",
        "interchange", "intercontinental", "international", "island", "islands", "junction", "lagoon",
        "library", "lighthouse", "mall", "marathon", "memorial", "mesa", "metro", "metropolitan", "monument",
        "mosque", "motorway", "museum", "national", "obelisk", "observatory", "olympics", "opera", "oval",
        "pagoda", "palace", "parish", "parkway", "peninsula", "philharmonic", "pier", "plains", "plaza",
        "pride", "promenade", "protocol", "province", "quay", "racecourse", "raceway", "rapids", "reservoir",
        "rovers", "shores", "shrine", "speedway", "springs", "square", "stadium", "state", "station", "summit",
        "symphony", "synagogue", "tech", "temple", "terminal", "terrace", "territory", "tower", "township",
        "treaty", "tunnel", "turnpike", "united", "valley", "volcano", "waterfront", "wharf", "zoo", NULL};
    if (n < 3 || n > 14)
        return false;
    return WORD_IN_SORTED(w, n, N);
}

/* After "X and Y": a state or doing only people are in ("are asleep", "are sleeping over", "are
 * babysitting"), or a verb of speech. */
static double pair_subject(const uint8_t *s, size_t n, size_t end)
{
    static const char *const STATE[] = {"arguing", "asleep", "awake", "babysitting", "bored", "bringing",
                                        "coming", "cooking", "cousins", "dating", "driving", "engaged",
                                        "fighting", "flatmates", "hosting", "hungry", "joining", "married",
                                        "napping", "neighbors", "neighbours", "roommates", "siblings", "sick",
                                        "sleeping", "staying", "twins", "visiting", NULL};
    size_t a, b, c, d;
    if (!word_after(s, n, end, &a, &b))
        return 0;
    if (word_in(s + a, b - a, (const char *const[]){"said", "say", "asked", "texted", "wrote", "called", NULL}))
        return 0.75;
    return word_in(s + a, b - a, (const char *const[]){"are", "were", NULL}) && word_after(s, n, b, &c, &d) &&
                   WORD_IN_SORTED(s + c, d - c, STATE)
               ? 0.75
               : 0;
}

/* A lone place-name (Victoria, Sydney, Dakota) is a person only with evidence a place never has: a verb
 * only people take right before it, a question about what a person does, something only people own,
 * someone addressed, or the subject of a verb of speech or of "needs her ...". Returns the score it
 * earns (0 when none). */
double pii_place_person_lift(const pii_scan *sc, size_t start, size_t end, bool poss)
{
    static const char *const BEFORE[] = {
        "ask", "asked", "bcc", "cc", "congratulate", "dm", "email", "emailed", "hug", "introduce",
        "introduced", "invite", "invited", "message", "messaged", "notify", "ping", "pinged", "remind",
        "reminded", "tell", "text", "texted", "thank", "thanked", "told", "warn", "warned", NULL};
    static const char *const SAID[] = {
        "answered", "apologised", "apologized", "asked", "asks", "cried", "emailed", "feels", "felt",
        "forgot", "hates", "laughed", "loves", "messaged", "promised", "replied", "rsvped", "said", "says",
        "smiled", "tells", "texted", "thinks", "thought", "told", "writes", "wrote", NULL};
    static const char *const OWN[] = {
        "appointment", "backpack", "badge", "bike", "birthday", "boyfriend", "car", "charger", "commit",
        "dad", "daughter", "desk", "dog", "email", "father", "flight", "friend", "friends", "funeral",
        "girlfriend", "glasses", "graduation", "homework", "husband", "inhaler", "jacket", "keys", "kids",
        "laptop", "mom", "mother", "mum", "parents", "party", "passport", "phone", "pr", "recital", "rent",
        "room", "shift", "shoes", "son", "teacher", "wallet", "wedding", "wife", NULL};
    static const char *const AUX[] = {"did", "does", "has", "can", "could", "will", "would", "should", NULL};
    static const char *const DO[] = {"reply", "call", "email", "sign", "approve", "say", "ask", "write", "text",
                                     "send", "pay", "answer", "agree", "confirm", "tell", "respond", "mention",
                                     "review", "rsvp", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, ws, we, a, b, c, d;
    bool start_of_sentence = sentence_start(s, start);
    if (prev_word(s, start, 1, &ws, &we)) {
        if (WORD_IN_SORTED(s + ws, we - ws, BEFORE))
            return 0.75;
        if (sentence_start(s, ws) && word_in(s + ws, we - ws, AUX) && word_after(s, n, end, &a, &b) &&
            word_in(s + a, b - a, DO))
            return 0.75; /* "Did Aurora pay the deposit?" */
    }
    if (poss) {
        size_t p = end;
        if (p + 2 < n && s[p] == '\'' && s[p + 1] == 's')
            p += 2;
        else if (p + 4 < n && s[p] == 0xE2 && s[p + 1] == 0x80 && s[p + 2] == 0x99 && s[p + 3] == 's')
            p += 4;
        if (word_after(s, n, p, &a, &b) && WORD_IN_SORTED(s + a, b - a, OWN))
            return 0.75;
        return 0;
    }
    /* "Jordan and Sydney are sleeping over": two given names joined, the pair the subject */
    if (!start_of_sentence && prev_word(s, start, 1, &ws, &we) && pii_word_eq(s + ws, we - ws, "and") &&
        prev_word(s, ws, 1, &c, &d) && pii_is_upper(s[c]) && sentence_start(s, c) &&
        (sc_name_lookup(s + c, d - c) & SC_NAME_FIRST))
        return pair_subject(s, n, end);
    if (pii_person_clause(sc, start, end, sc_place_lookup(s + start, end - start)))
        return 0.75;
    if (!start_of_sentence)
        return 0;
    if (pii_vocative_you(sc, end))
        return 0.8;
    if (!word_after(s, n, end, &a, &b))
        return 0;
    if (pii_word_eq(s + a, b - a, "and") && word_after(s, n, b, &c, &d) && pii_is_upper(s[c]) &&
        (sc_name_lookup(s + c, d - c) & SC_NAME_FIRST))
        return pair_subject(s, n, d);
    if (WORD_IN_SORTED(s + a, b - a, SAID))
        return 0.75;
    /* "Victoria needs her inhaler", "Dakota left his keys" */
    return word_after(s, n, b, &c, &d) && word_in(s + c, d - c, (const char *const[]){"her", "his", "their", NULL}) &&
                   !word_in(s + a, b - a, (const char *const[]){"and", "or", "in", "of", "to", "is", "was", NULL})
               ? 0.75
               : 0;
}

/* Software and models that the gazetteer holds as given names but that the hand-kept software class does
 * not: like that class, they are persons only with evidence and never in technical context. */
bool pii_software_name(const uint8_t *w, size_t n)
{
    static const char *const S[] = {"chai", "haskell", "kali", "kodi", "phi", NULL};
    return n >= 3 && n <= 7 && word_in(w, n, S);
}

/* ---- animals, storms and dates named like people (round 6) ---- */

static bool pet_word(const uint8_t *w, size_t n)
{
    static const char *const PET[] = {
        "beagle", "budgie", "bunny", "cat", "cats", "cockatiel", "corgi", "dog", "dogs", "ferret", "gerbil",
        "goldfish", "guinea", "hamster", "horse", "kitten", "kitty", "labrador", "lizard", "mare", "parakeet",
        "parrot", "pet", "pets", "pony", "poodle", "pup", "puppy", "rabbit", "retriever", "snake", "tabby", "terrier",
        "tortoise", "turtle", NULL};
    return n >= 3 && n <= 10 && WORD_IN_SORTED(w, n, PET);
}

/* Things only animals have or need: "Daisy's litter box", "his leash", "the vet". */
static bool pet_thing(const uint8_t *w, size_t n)
{
    static const char *const T[] = {"cage", "collar", "crate", "dierenarts", "flea", "fleas", "kennel", "kibble",
                                    "leash", "litter", "paw", "paws", "tierarzt", "tierarztpraxis", "vet", "veterinaria",
                                    "veterinario", "veterinary", "veteriner", "vets",
                                    "v\xc3\xa9t\xc3\xa9rinaire", "weterynarz", NULL};
    return n >= 3 && n <= 16 && WORD_IN_SORTED(w, n, T);
}

/* A pet word or a thing only pets have in the line around [start, end). */
static bool pet_in_line(const uint8_t *s, size_t n, size_t start, size_t end)
{
    size_t lo = start > 160 ? start - 160 : 0, hi = end + 160 < n ? end + 160 : n;
    line_clip(s, start, end, &lo, &hi);
    for (size_t p = lo; p < hi;) {
        while (p < hi && !pii_is_alpha(s[p]))
            p++;
        size_t a = p;
        /* letters, and two-byte UTF-8 letters inside a word ("vétérinaire") */
        while (p < hi) {
            if (pii_is_alpha(s[p]))
                p++;
            else if (p + 1 < hi && s[p] >= 0xC3 && s[p] < 0xE0 && s[p + 1] >= 0x80 && s[p + 1] < 0xC0)
                p += 2;
            else
                break;
        }
        if (p > a && (a < start || a >= end) && (pet_word(s + a, p - a) || pet_thing(s + a, p - a)))
            return true;
    }
    return false;
}

/* A pet word inside the parenthesis that opens at p: "Luna (tabby)", "Mr. Whiskers (cat, 7y)". */
static bool pet_in_parens(const uint8_t *s, size_t n, size_t p)
{
    if (p + 2 >= n || s[p] != ' ' || s[p + 1] != '(')
        return false;
    for (size_t q = p + 2; q < n && q < p + 40 && s[q] != ')';) {
        while (q < n && q < p + 40 && s[q] != ')' && !pii_is_alpha(s[q]))
            q++;
        size_t a = q;
        while (q < n && pii_is_alpha(s[q]))
            q++;
        if (q > a && pet_word(s + a, q - a))
            return true;
    }
    return false;
}

/* Right after a pet word or before a pet parenthesis: "dog Charlie", "Max (golden retriever)". */
static bool pet_beside(const uint8_t *s, size_t n, size_t start, size_t end)
{
    size_t ws, we;
    return (prev_word(s, start, 1, &ws, &we) && pet_word(s + ws, we - ws)) || pet_in_parens(s, n, end);
}

/* The same name met earlier in the line as a pet: "our dog Charlie went to the vet; Charlie needs ...". */
static bool pet_earlier(const uint8_t *s, size_t n, size_t start, size_t end)
{
    size_t len = end - start;
    for (size_t o = start; o > 0 && start - o < 240 && s[o - 1] != '\n'; o--) {
        size_t a = o - 1;
        if (s[a] == s[start] && a + len < start && memcmp(s + a, s + start, len) == 0 && (a == 0 || !pii_is_alpha(s[a - 1])) &&
            !pii_is_alpha(s[a + len]) && pet_beside(s, n, a, a + len))
            return true;
    }
    return false;
}

/* A pet word right before the title word at p ("goldfish Sir", "cat Mr."). */
static bool pet_title_before(const uint8_t *s, size_t p)
{
    size_t ws, we;
    return prev_word(s, p, 1, &ws, &we) && pet_word(s + ws, we - ws);
}

/* A pet word of English or of another language, only before a verb of naming ("der Hund heißt X"): "chat"
 * or "cane" alone are also other words. */
static bool pet_word_any(const uint8_t *w, size_t n)
{
    static const char *const PET[] = {
        "cachorro", "cadela", "cane", "chat", "chaton", "chatte", "chien", "chienne", "c\xc3\xa3o", "gata",
        "gatita", "gatito", "gato", "gatta", "gattino", "gatto", "hond", "hund", "h\xc3\xbcndin", "kat",
        "kater", "katt", "katze", "kot", "perra", "perrita", "perrito", "perro", "pies",
        "poes", "welpe", NULL};
    return pet_word(w, n) || (n >= 3 && n <= 10 && WORD_IN_SORTED(w, n, PET));
}

/* A pet named by a copula or a verb of naming right after the pet word: "the cat is Matilda", "der Hund heißt
 * Bruno", "mon chat s'appelle Filou", "mi perro se llama Lucas", "il mio gatto si chiama Ettore", "onze hond
 * heet Bas"; [ws, we) is the word right before the name. A possessive name after the copula is the owner. */
static bool pet_named(const uint8_t *s, size_t ws, size_t we, bool poss)
{
    static const char *const NAMING[] = {"appelle", "chama", "chiama", "hedder", "heet", "heisst", "heter",
                                         "hei\xc3\x9ft", "llama", "nazywa", "s'appelle", NULL};
    size_t vs, ve;
    if (!poss && (pii_word_eq(s + ws, we - ws, "is") || pii_word_eq(s + ws, we - ws, "was")))
        return prev_word(s, ws, 1, &vs, &ve) && pet_word(s + vs, ve - vs);
    if (we - ws < 4 || we - ws > 9 || !word_in(s + ws, we - ws, NAMING) || !prev_word(s, ws, 1, &vs, &ve))
        return false;
    /* the reflexive of Romance and Polish verbs: "se llama", "si chiama", "się nazywa" */
    if ((pii_word_eq(s + vs, ve - vs, "se") || pii_word_eq(s + vs, ve - vs, "si") ||
         pii_word_eq(s + vs, ve - vs, "si\xc4\x99")) &&
        !prev_word(s, vs, 1, &vs, &ve))
        return false;
    return pet_word_any(s + vs, ve - vs);
}

/* A pet: "my cat X", "a kitten named X", "X the hamster", "X's leash", "X (tabby)", "feed X" with a pet
 * in the line, and the same name again later in that line. */
static bool pet_frame(const pii_scan *sc, size_t start, size_t end, bool poss)
{
    static const char *const CARE[] = {"adopt", "adopted", "fed", "feed", "feeding", "groom", "groomed",
                                       "neutered", "spayed", "take", "taking", "took", "walk", "walked",
                                       "walking", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, ws, we, vs, ve, a, b;
    if (prev_word(s, start, 1, &ws, &we)) {
        if (pet_word(s + ws, we - ws) || pet_named(s, ws, we, poss))
            return true;
        if ((pii_word_eq(s + ws, we - ws, "named") || pii_word_eq(s + ws, we - ws, "called")) &&
            prev_word(s, ws, 1, &vs, &ve) &&
            (pet_word(s + vs, ve - vs) || /* "the cat is called Luna" */
             ((pii_word_eq(s + vs, ve - vs, "is") || pii_word_eq(s + vs, ve - vs, "was")) &&
              prev_word(s, vs, 1, &a, &b) && pet_word(s + a, b - a))))
            return true;
        /* a pet with a title for a name: "the goldfish Sir Reginald", "our cat Mr. Whiskers" */
        static const char *const TITLE[] = {"captain", "doctor", "dr", "lady", "lord", "miss", "mr", "mrs", "ms",
                                            "princess", "professor", "sir", NULL};
        if (word_in(s + ws, we - ws, TITLE) && pii_is_upper(s[ws]) && pet_title_before(s, ws))
            return true;
        /* "rappel vaccin pour Filou", "booster for Max" with a vet or a pet in the line */
        static const char *const FOR[] = {"for", "pour", "f\xc3\xbcr", "para", "per", "voor", NULL};
        static const char *const SHOT[] = {"booster", "boosters", "jab", "jabs", "shots", "vaccin", "vaccine",
                                           "vaccines", "vaccination", "vacuna", "vacina", "impfung", NULL};
        if (word_in(s + ws, we - ws, FOR) && prev_word(s, ws, 1, &vs, &ve) && word_in(s + vs, ve - vs, SHOT) &&
            pet_in_line(s, n, start, end))
            return true;
        if (WORD_IN_SORTED(s + ws, we - ws, CARE) && pet_in_line(s, n, start, end))
            return true;
    }
    if (pet_in_parens(s, n, end) || (memchr(s + start, ' ', end - start) == NULL && pet_earlier(s, n, start, end)))
        return true;
    size_t p = end, al;
    if (poss && apostrophe_at(s, n, p, &al) && p + al < n && s[p + al] == 's')
        p += al + 1;
    if (word_after(s, n, p, &a, &b)) {
        if (poss && pet_thing(s + a, b - a))
            return true;
        /* "Bella's booster is due" with a vet or a pet in the line */
        if (poss && word_in(s + a, b - a, (const char *const[]){"booster", "boosters", "jabs", "shots", "vaccination",
                                                              "vaccinations", "vaccine", "vaccines", NULL}) &&
            pet_in_line(s, n, start, end))
            return true;
        if (pii_word_eq(s + a, b - a, "the") && word_after(s, n, b, &ws, &we) && pet_word(s + ws, we - ws))
            return true;
    }
    return false;
}

static bool storm_word(const uint8_t *w, size_t n)
{
    static const char *const S[] = {"cyclone", "cyclones", "hurricane", "hurricanes", "storm", "storms",
                                    "typhoon", "typhoons", NULL};
    return n >= 5 && n <= 10 && WORD_IN_SORTED(w, n, S);
}

/* A storm: "Hurricane X", "storm X", and the names listed after one ("hurricanes Hugo, Sandy and Ike"). */
static bool storm_frame(const pii_scan *sc, size_t start)
{
    const uint8_t *s = sc->s;
    size_t p = start, ws, we;
    bool after_joint = false;
    for (int k = 0; k < 6 && prev_word(s, p, 2, &ws, &we); k++) {
        if (storm_word(s + ws, we - ws))
            return true;
        bool joint = pii_word_eq(s + ws, we - ws, "and") || pii_word_eq(s + ws, we - ws, "or");
        if (!joint && !(pii_is_upper(s[ws]) && ((p - we == 2 && s[we] == ',') || (after_joint && p - we == 1))))
            return false;
        after_joint = joint;
        p = ws;
    }
    return false;
}

/* A month written short ("Jan", "Mar") or a month that is a name ("June") next to a day number or a
 * year, or after a deadline word ("due Jan."): a date. */
static bool month_date(const pii_scan *sc, size_t start, size_t end)
{
    static const char *const M[] = {"apr", "april", "aug", "august", "dec", "feb", "jan", "jul", "jun",
                                    "june", "mar", "may", "nov", "oct", "sep", "sept", NULL};
    static const char *const DUE[] = {"by", "due", "since", "thru", "through", "till", "until", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, p = end, ws, we;
    if (!WORD_IN_SORTED(s + start, end - start, M))
        return false;
    if (p < n && s[p] == '.')
        p++;
    if (p + 1 < n && s[p] == ' ' && s[p + 1] >= '0' && s[p + 1] <= '9')
        return true; /* "Jan 15", "Jan. 4", "Jan 2023" */
    if (start >= 2 && s[start - 1] == ' ' && s[start - 2] >= '0' && s[start - 2] <= '9')
        return true; /* "12 Jan" */
    return prev_word(s, start, 1, &ws, &we) && word_in(s + ws, we - ws, DUE);
}

/* A label at the start of the line that names a class of things no person is ("Airports:", "Fashion
 * brands:", "Ships:"), with only a list between it and [start, ...): names, commas, "and". */
enum { NAMES_LABEL_MAX = 48 };

/* Round 15: a label [ls, colon) that announces the names of things: the word "names" (or "codenames") and a
 * noun of a thing named like people ("Sprint names", "Server names", "Pet names we like", "Names for the new
 * robot vacuum"); "Names of the new hires" and "Baby names" hold people's names. */
static bool names_of_things(const uint8_t *s, size_t ls, size_t colon)
{
    static const char *const THING[] = {
        "boat", "boats", "bot", "bots", "cat", "cats", "cluster", "clusters", "dog", "dogs", "horse", "horses",
        "host", "hosts", "kitten", "machine", "machines", "network", "pet", "pets", "plant", "plants", "product",
        "products", "project", "projects", "puppy", "release", "releases", "robot", "room", "rooms", "server",
        "servers", "sprint", "sprints", "team", "teams", "vacuum", "wifi", NULL};
    /* the cheap test first: "names" somewhere in the label ("Pet names" is the shortest) */
    if (colon - ls < 9)
        return false;
    size_t i = ls;
    while (i + 5 <= colon && !(s[i + 1] == 'a' && s[i + 2] == 'm' && s[i + 3] == 'e' && s[i + 4] == 's' &&
                               (s[i] | 0x20) == 'n'))
        i++;
    if (i + 5 > colon)
        return false;
    bool names = false, thing = false;
    for (size_t p = ls; p < colon;) {
        if (!pii_is_alpha(s[p])) {
            p++;
            continue;
        }
        size_t a = p;
        while (p < colon && pii_is_alpha(s[p]))
            p++;
        names = names || pii_word_eq(s + a, p - a, "names") || pii_word_eq(s + a, p - a, "codenames");
        thing = thing || (p - a >= 3 && p - a <= 8 && WORD_IN_SORTED(s + a, p - a, THING));
    }
    return names && thing;
}

static bool thing_list(const pii_scan *sc, size_t start)
{
    static const char *const LABEL[] = {
        "airlines", "airports", "albums", "algorithms", "apps", "arenas", "avenues", "awards", "bands",
        "boats", "books", "brands", "bridges", "cars", "cats", "characters", "cities", "dogs", "fictional",
        "films", "fleet", "holidays", "horses", "hotels", "hurricanes", "labels", "landmarks", "magazines", "movies", "novels", "parks", "pets",
        "places", "playlist", "products", "racehorses", "restaurants", "roads", "schools", "setlist", "ships", "shows",
        "software", "songs", "stadiums", "stations", "storms", "streets", "tools", "tracklist", "tracks", "typhoons", "units", "venues", NULL};
    static const char *const JOIN[] = {"and", "or", "da", "de", "del", "der", "di", "do", "dos", "du", "la",
                                       "le", "van", "von", "y", "e", NULL};
    const uint8_t *s = sc->s;
    size_t ls = start;
    while (ls > 0 && s[ls - 1] != '\n' && start - ls < 200)
        ls--;
    if (ls > 0 && s[ls - 1] != '\n')
        return false;
    /* a label is at most 30 bytes; one that opens with "Names for ..." up to NAMES_LABEL_MAX */
    size_t colon = ls, lmax = start - ls > 5 && (s[ls] | 0x20) == 'n' && memcmp(s + ls + 1, "ames ", 5) == 0
                                  ? NAMES_LABEL_MAX
                                  : 30;
    while (colon < start && colon - ls <= lmax && s[colon] != ':')
        colon++;
    if (colon >= start || colon - ls > lmax)
        return false;
    size_t ws, we;
    size_t vs, ve;
    if (!prev_word(s, colon + 1, 1, &ws, &we))
        return false;
    /* "Reading list:", "Watch list:", "NPC list:", "Cast list:" (a guest list holds people) */
    bool works = pii_word_eq(s + ws, we - ws, "list") && prev_word(s, ws, 1, &vs, &ve) &&
                 word_in(s + vs, ve - vs, (const char *const[]){"reading", "watch", "book", "movie", "npc", "cast", "character", NULL});
    if (!works && (colon - ls > 30 || !WORD_IN_SORTED(s + ws, we - ws, LABEL)) && !names_of_things(s, ls, colon))
        return false;
    for (size_t p = colon + 1; p < start;) {
        if (pii_is_alpha(s[p]) || s[p] >= 0x80) {
            size_t a = p;
            while (p < start && (pii_is_alpha(s[p]) || s[p] >= 0x80 || s[p] == '\''))
                p++;
            if (pii_is_lower(s[a]) && !word_in(s + a, p - a, JOIN))
                return false; /* a sentence, not a list: "Teams: the coach, ..." */
            continue;
        }
        if (s[p] == '(') {
            /* a note on one item: "Tomas Venn (smith), Ilse" */
            const uint8_t *c = memchr(s + p, ')', start - p);
            if (c == NULL || (size_t)(c - s) - p > 40)
                return false;
            p = (size_t)(c - s) + 1;
            continue;
        }
        if (s[p] == '.' || s[p] == '!' || s[p] == '?' || s[p] == ';')
            return false;
        p++;
    }
    return true;
}

/* A ship by its prefix: "USS Ronald Reagan", "HMS Queen Elizabeth". */
static bool ship_prefix(const pii_scan *sc, size_t start)
{
    size_t ws, we;
    return start >= 1 && sc->s[start - 1] == ' ' && prev_word(sc->s, start, 1, &ws, &we) &&
           pii_is_upper(sc->s[ws]) && pii_is_upper(sc->s[we - 1]) &&
           word_in(sc->s + ws, we - ws,
                   (const char *const[]){"hms", "hmas", "hmcs", "hmnzs", "ins", "mv", "rms", "ss", "uss", "usns",
                                         "usnv", "usrc", NULL});
}

/* A sports team: a place, then a capitalized plural that is no family name ("Seattle Sounders", "Kansas
 * City Chiefs"; "Austin Roberts" stays a name). */
static bool sports_team(const pii_scan *sc, size_t start, size_t end, size_t first_end)
{
    const uint8_t *s = sc->s;
    size_t ls = end;
    while (ls > first_end && s[ls - 1] != ' ')
        ls--;
    if (ls <= first_end || end - ls < 4 || s[end - 1] != 's' || s[end - 2] == '\'' || !pii_is_upper(s[ls]))
        return false;
    if (sc_name_lookup(s + ls, end - ls) != 0 || !place_word(s, start, first_end) ||
        sc_word_class(s + ls, end - ls) == SC_WORD_PLACE)
        return false;
    /* an initial before or an address after makes it a person: "A. Maitland Bottoms <ab@...>" */
    if ((start >= 3 && s[start - 1] == ' ' && s[start - 2] == '.' && pii_is_upper(s[start - 3]) &&
         (start == 3 || !pii_is_alpha(s[start - 4]))) ||
        (end + 1 < sc->n && s[end] == ' ' && s[end + 1] == '<'))
        return false;
    if (!(sc_name_lookup(s + start, first_end - start) & SC_NAME_COMMON_FIRST))
        return true;
    /* a place that is also a given name ("Charlotte", "David") needs a sports word or "the" around it:
     * "George Papamichelakis" stays a name */
    static const char *const AFTER[] = {"beat", "fan", "fans", "game", "games", "jersey", "lost", "merch",
                                        "playoffs", "roster", "season", "tickets", "vs", "won", NULL};
    size_t ws, we, a, b;
    return (prev_word(s, start, 1, &ws, &we) &&
            word_in(s + ws, we - ws, (const char *const[]){"the", "vs", "against", "watching", NULL})) ||
           (word_after(s, sc->n, end, &a, &b) && word_in(s + a, b - a, AFTER));
}

/* A street, square, station or airport word in many languages: "rue Émile Zola", "Calle Miguel
 * Hidalgo", "station Jules Ferry". */
static bool street_word(const uint8_t *w, size_t n)
{
    static const char *const W[] = {
        "aeroporto", "aeroportul", "aeropuerto", "airport", "allee", "av", "ave", "avenida", "avenue",
        "barabara", "bd", "blvd", "boulevard", "bulevardul", "caddesi", "calea", "calle", "carrer", "corso",
        "estadio", "gare", "jalan", "jl", "largo", "masjid", "metro", "paseo", "phố", "piazza", "plaza",
        "quai", "rua", "rue", "sokak", "stade", "station", "strada", "ulica", "ulitsa", "via", "viale",
        "đường", "вул", "вулиця", "ул", "улица", NULL};
    return n >= 2 && n <= 12 && WORD_IN_SORTED(w, n, W);
}

/* A known given name and a known surname ("a Chiara Bassi", "a María López"): after a preposition that
 * usually takes a place (Italian, Spanish, Portuguese, Catalan "a"), the pair outweighs the place frame,
 * unless the pair is a place ("a Monte Carlo") or a place or street word follows ("a Piero Gobetti
 * Stazione"). The flags were looked up already; only the next word is read. */
bool pii_given_surname_pair(const pii_scan *sc, const size_t (*toks)[2], const unsigned *fl, size_t nt)
{
    if (nt < 2 || nt > 3 || !(fl[0] & SC_NAME_FIRST) || !(fl[nt - 1] & SC_NAME_LAST) || (fl[nt - 1] & SC_NAME_PLACE))
        return false;
    /* the first word of a place name that is also a given name: "Monte Carlo", "Villa Ada", "Porto Alegre" */
    static const char *const LEAD[] = {"bad", "borgo", "cala", "castel", "costa", "isla", "lago", "mont", "monte",
                                       "mount", "porta", "porto", "praia", "puerto", "punta", "rio", "val",
                                       "valle", "vila", "villa", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, end = toks[nt - 1][1];
    if (WORD_IN_SORTED(s + toks[0][0], toks[0][1] - toks[0][0], LEAD))
        return false;
    /* English "a" is an article: "ordered a Tom Collins", "longer, a Tommy Hilfiger jacket", "love a Jack
     * Daniels" (an English word before "a", whether or not it is also a name) */
    size_t ws, we, vs, ve;
    if (prev_word(s, toks[0][0], 1, &ws, &we) && prev_word(s, ws, 1, &vs, &ve) &&
        (pii_english_word(s + vs, ve - vs) || (sc_name_lookup(s + vs, ve - vs) & SC_NAME_WORD)))
        return false;
    for (size_t t = 1; t < nt; t++) /* "a Marco Rossi Piazza": the place word inside the span */
        if (pii_place_noun(s + toks[t][0], toks[t][1] - toks[t][0]) || street_word(s + toks[t][0], toks[t][1] - toks[t][0]))
            return false;
    word a;
    if (next_word(s, n, end, &a) && a.s == end + 1 && a.cap &&
        (pii_place_noun(s + a.s, a.e - a.s) || street_word(s + a.s, a.e - a.s)))
        return false;
    return true;
}

/* Where a trip starts, ends or changes: "lands at X", "depart from X", "flew into X". */
static bool travel_place(const pii_scan *sc, size_t start)
{
    static const char *const VERB[] = {
        "arrive", "arrived", "arrives", "arriving", "connect", "connecting", "connects", "depart", "departed",
        "departing", "departs", "flew", "flies", "fly", "flying", "land", "landed", "landing", "lands",
        "layover", "transit", NULL};
    static const char *const PREP[] = {"at", "from", "in", "into", "through", "via", NULL};
    const uint8_t *s = sc->s;
    size_t ws, we, vs, ve;
    return prev_word(s, start, 1, &ws, &we) && WORD_IN_SORTED(s + ws, we - ws, PREP) && prev_word(s, ws, 1, &vs, &ve) &&
           WORD_IN_SORTED(s + vs, ve - vs, VERB);
}

/* After the name: an airport terminal ("T2E", "Terminal 3"), or a city and a place noun ("Ronald Reagan
 * Washington National"). */
static bool terminal_after(const pii_scan *sc, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (end + 2 < n && s[end] == ' ' && s[end + 1] == 'T' && s[end + 2] >= '1' && s[end + 2] <= '9' &&
        (end + 3 >= n || !pii_is_lower(s[end + 3])))
        return true;
    word a, b;
    return next_word(s, n, end, &a) && a.s == end + 1 && a.cap && place_word(s, a.s, a.e) &&
           next_word(s, n, a.e, &b) && b.s == a.e + 1 && b.cap && pii_place_noun(s + b.s, b.e - b.s);
}

/* A brand being worn, a work being read again or watched again, a title ("X and the Olympians"), a
 * law or place that took the name ("Dodd-Frank Act"). */
static bool work_or_brand(const pii_scan *sc, size_t start, size_t end, size_t first_end, bool poss)
{
    static const char *const VERB[] = {"binge", "binged", "bingeing", "binging", "reread", "rereading",
                                       "rewatch", "rewatched", "rewatching", "wear", "wearing", "wears", "wore",
                                       NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, ws, we;
    if (prev_word(s, start, 1, &ws, &we) && WORD_IN_SORTED(s + ws, we - ws, VERB))
        return true;
    /* a title: "X and the Olympians", "X and the Goblet of Fire" (not "X and the GNOME Foundation") */
    word t;
    if (!poss && end + 10 < n && memcmp(s + end, " and the ", 9) == 0 && next_word(s, n, end + 8, &t) &&
        t.cap && !t.allcaps && (t.possessive || s[t.e - 1] == 's' || (t.e + 4 < n && memcmp(s + t.e, " of ", 4) == 0)))
        return true;
    /* "St. Andrew's Day", "Hadrian's Wall", "Nelson's Column": what the name gave itself to */
    size_t p = end, al, a, b;
    if (poss && apostrophe_at(s, n, p, &al) && p + al < n && s[p + al] == 's' && word_after(s, n, p + al + 1, &a, &b) &&
        pii_is_upper(s[a]) &&
        (pii_honour_word(s + a, b - a) || pii_place_noun(s + a, b - a) ||
         word_in(s + a, b - a, (const char *const[]){"arch", "column", "needle", "wall", "tomb", "gate", "cross",
                                                     "chapel", "church", "cathedral", "college", "web", NULL})))
        return true;
    /* "la ley de Moore", "la loi de Hubble", "legge di Murphy" */
    size_t vs, ve;
    if (prev_word(s, start, 1, &ws, &we) && (pii_word_eq(s + ws, we - ws, "de") || pii_word_eq(s + ws, we - ws, "di")) &&
        prev_word(s, ws, 1, &vs, &ve) &&
        word_in(s + vs, ve - vs, (const char *const[]){"ley", "loi", "lei", "legge", "teorema", "principio",
                                                       "principe", "efecto", "effet", "effetto", "paradoja",
                                                       "paradoxe", NULL}))
        return true;
    size_t ls = end;
    while (ls > first_end && s[ls - 1] != ' ' && s[ls - 1] != '-')
        ls--;
    return ls > first_end && pii_is_upper(s[ls]) && pii_place_noun(s + ls, end - ls);
}

/* A unit named after someone, measured: "4 Kelvin", "300 degrees Kelvin", "2 Henry", "the Kelvin scale". */
static bool unit_measure(const pii_scan *sc, size_t start, size_t end)
{
    static const char *const U[] = {"ampere", "amperes", "becquerel", "celsius", "coulomb", "coulombs", "curie",
                                    "fahrenheit", "farad", "farads", "gauss", "gray", "henry", "henrys",
                                    "hertz", "joule", "joules", "kelvin", "kelvins", "newton", "newtons", "ohm",
                                    "ohms", "pascal", "pascals", "rankine", "siemens", "sievert", "sieverts",
                                    "tesla", "teslas", "volt", "volts", "watt", "watts", "weber", NULL};
    const uint8_t *s = sc->s;
    size_t ws, we, a, b;
    if (end - start < 3 || end - start > 10 || !WORD_IN_SORTED(s + start, end - start, U))
        return false;
    if (start >= 2 && s[start - 1] == ' ' && pii_is_digit(s[start - 2]))
        return true;
    if (prev_word(s, start, 1, &ws, &we) && (pii_word_eq(s + ws, we - ws, "degrees") || pii_word_eq(s + ws, we - ws, "degree")))
        return true;
    return word_after(s, sc->n, end, &a, &b) && (pii_word_eq(s + a, b - a, "scale") || pii_word_eq(s + a, b - a, "units"));
}

/* A voice assistant's wake phrase: "Hey Siri, what is ...", "OK Alexa, play ..." (a command after it; "Hey
 * Alexa, long time no see" greets a person). */
static bool wake_phrase(const uint8_t *s, size_t n, size_t start, size_t first_end)
{
    static const char *const CMD[] = {"add", "dim", "lock", "open", "pause", "play", "read", "remind", "set",
                                      "show", "skip", "start", "stop", "turn", "unlock", "what", NULL};
    size_t ws, we, p = first_end;
    uint8_t c = pii_lower(s[start]);
    if (c != 's' && c != 'a' && c != 'c' && c != 'b')
        return false;
    if (!word_in(s + start, first_end - start, (const char *const[]){"siri", "alexa", "cortana", "bixby", NULL}) ||
        !prev_word(s, start, 2, &ws, &we) || !word_in(s + ws, we - ws, (const char *const[]){"hey", "ok", "okay", NULL}))
        return false;
    if (p < n && s[p] == ',')
        p++;
    while (p < n && s[p] == ' ')
        p++;
    size_t a = p;
    while (p < n && pii_is_alpha(s[p]))
        p++;
    return p > a && word_in(s + a, p - a, CMD);
}

bool pii_not_person_frame(const pii_scan *sc, size_t start, size_t end, size_t first_end, bool poss)
{
    const uint8_t *s = sc->s;
    size_t ps, pe;
    if (first_end - start >= 4 && first_end - start <= 7 && wake_phrase(s, sc->n, start, first_end))
        return true;
    /* a ship or a model named after a royal, numbered: "the Queen Mary 2", "Princess Diana 3" (a king's
     * ordinal is written in Roman numerals) */
    if (end + 2 < sc->n && s[end] == ' ' && pii_is_digit(s[end + 1]) &&
        (end + 2 >= sc->n || !pii_is_digit(s[end + 2]) || end + 3 >= sc->n || !pii_is_digit(s[end + 3])) &&
        word_in(s + start, first_end - start, (const char *const[]){"queen", "king", "prince", "princess", NULL}))
        return true;
    if (work_or_brand(sc, start, end, first_end, poss) || pii_org_frame(sc, start, end) ||
        (first_end == end && pii_heading_word(sc, start, end)) || pii_place_column(sc, start, end))
        return true;
    size_t qs, qe;
    if (street_word(s + start, first_end - start) ||
        (prev_word(s, start, 1, &ps, &pe) &&
         (street_word(s + ps, pe - ps) || /* "Barabara ya Kenyatta", "Calea lui Traian" */
          (pe - ps <= 3 &&
           word_in(s + ps, pe - ps, (const char *const[]){"ya", "lui", "de", "del", "di", "du", "do", "da", NULL}) &&
           prev_word(s, ps, 1, &qs, &qe) && street_word(s + qs, qe - qs)))) ||
        terminal_after(sc, end) ||
        (!poss && travel_place(sc, start)))
        return true;
    if (end > first_end && sports_team(sc, start, end, first_end))
        return true;
    if (ship_prefix(sc, start) || thing_list(sc, start))
        return true;
    if (storm_word(s + start, first_end - start))
        return true; /* the span took the storm word: "Hurricane Felix" */
    return storm_frame(sc, start) || (start + 10 >= end && (month_date(sc, start, end) || unit_measure(sc, start, end))) ||
           pet_frame(sc, start, end, poss) || pii_cast_character(sc, start, end, poss);
}
