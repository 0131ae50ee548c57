/* PERSON context: the phrases before and after a word that say a person is meant (labels, greetings,
 * "my name is", chat speakers, Name <email>, signatures, verbs only people take, possessions). */
#define _GNU_SOURCE 1 /* memrchr */
#include <string.h>

#include "names.h"
#include "person.h"
#include "person_prose.h"
#include "pii.h"

/* The speaker of a chat log line: "[10:02] Tamsin: ...", "[09:14:55] <Brigid> ...", "10:02 Tamsin: ...". */
/* Before q, over the direction marks chat exports put around the stamp (U+200E, U+200F, U+202A-U+202E). */
static size_t skip_bidi_back(const uint8_t *s, size_t q)
{
    while (q >= 3 && s[q - 3] == 0xE2 && s[q - 2] == 0x80 &&
           (s[q - 1] == 0x8E || s[q - 1] == 0x8F || (s[q - 1] >= 0xAA && s[q - 1] <= 0xAE)))
        q -= 3;
    return q;
}

static bool chat_speaker(const pii_scan *sc, size_t start)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, q = start;
    bool angle = q > 0 && s[q - 1] == '<';
    if (angle)
        q--;
    /* cheap test first: "] " or a digit and a space right before (direction marks between) */
    if (q < 3 || s[q - 1] != ' ')
        return false;
    size_t b = s[q - 2] >= 0x80 ? skip_bidi_back(s, q - 1) : q - 1;
    if (b == 0 || (s[b - 1] != ']' && !pii_is_digit(s[b - 1])))
        return false;
    /* the name must end in ':' (or '>' when it opened with '<') within 40 bytes */
    size_t e = start;
    while (e < n && e - start < 40 && s[e] != '\n' && s[e] != ':' && s[e] != '>')
        e++;
    if (e >= n || (angle ? s[e] != '>' : s[e] != ':'))
        return false;
    /* a group ("Class 4C Parents") or a kinship word ("Mom", "Dad") speaks too, and is no name */
    size_t w = start;
    while (w < e && pii_is_alpha(s[w]))
        w++;
    if (sc_person_context_word(s + start, w - start, 0) == SC_PCTX_RELATION || pii_role_label(s + start, w - start))
        return false; /* "[10:14] Interviewer:" */
    for (size_t i = start; i < e; i++)
        if (pii_is_digit(s[i]))
            return false;
    if (q == 0 || s[q - 1] != ' ')
        return false;
    q--;
    q = skip_bidi_back(s, q);
    if (q > 0 && s[q - 1] == ']')
        q--;
    /* "6:05 PM]" */
    if (q >= 3 && (s[q - 1] == 'M' || s[q - 1] == 'm') && strchr("AaPp", s[q - 2]) != NULL && s[q - 3] == ' ')
        q -= 3;
    /* a time before: digits and colons back to '[' or the line start */
    size_t digits = 0, colons = 0;
    while (q > 0 && (pii_is_digit(s[q - 1]) || s[q - 1] == ':')) {
        digits += pii_is_digit(s[q - 1]);
        colons += s[q - 1] == ':';
        q--;
    }
    if (digits < 3 || colons < 1 || colons > 2)
        return false;
    /* the date of an exported chat before the time: "[02/12/2026, 07:58:33]", "[1/12/26 22:10]" */
    size_t d = q;
    if (d > 0 && s[d - 1] == ' ')
        d--;
    if (d > 0 && s[d - 1] == ',')
        d--;
    size_t dd = 0, seps = 0;
    while (d > 0 && (pii_is_digit(s[d - 1]) || s[d - 1] == '/' || s[d - 1] == '.' || s[d - 1] == '-')) {
        dd += pii_is_digit(s[d - 1]);
        seps += !pii_is_digit(s[d - 1]);
        d--;
    }
    if (d < q && dd >= 4 && seps == 2 && d > 0 && s[d - 1] == '[')
        q = d;
    if (q > 0 && s[q - 1] == '[')
        q--;
    q = skip_bidi_back(s, q);
    return q == 0 || s[q - 1] == '\n';
}

/* Nouns of what someone sends: "a message from X". */
static const char *const MESSAGE[] = {
        "answer", "call", "card", "complaint", "dm", "email", "gift", "invitation", "invite", "letter",
        "message", "note", "payment", "postcard", "reply", "request", "response", "review", "text", "update",
        "voicemail", NULL};
/* ... of them, what firms seldom send: these vouch even for a word the gazetteer lacks. */
static const char *const PERSONAL_MESSAGE[] = {"card", "dm", "gift", "note", "postcard", "voicemail", NULL};

/* Roles of records, deeds and minutes in several languages, and teachers' and elders' titles of school and
 * family chat ("juf Marieke", "meester Bram", "cikgu Aminah", "lolo Ben") (sorted). */
static const char *const RECORD_ROLE[] = {
    "applicant", "beneficiaria", "beneficiario", "beneficiary", "beneficiária", "beneficiário",
    "borrower", "cardholder", "chair", "chairman", "chairperson", "chairwoman", "cikgu", "claimant",
    "complainant", "cosigner", "deceased", "decedent", "defendant", "executor", "executrix",
    "guarantor", "insured", "juf", "lessee", "lola", "lolo", "maestra", "maestro", "meester", "meneer",
    "mevrouw", "notary", "payee", "plaintiff", "policyholder", "przewodnicząca", "przewodniczący",
    "secretary", "sifu", "signatory", "tenant", "testator", "testemunha", "testigo", "titular",
    "treasurer", "trustee", "témoin", "ustaz", "ustazah", "witness", "zeuge", "zeugin", NULL};

/* A person's role or kin before a name ("my uncle", "the nanny", "our plumber"); the roles software
 * also has ("driver", "host", "agent") only with a qualifier that makes them people ("shuttle driver",
 * "Airbnb host", "my driver"). */
static const char *const ROLE[] = {
    "accountant", "approver", "assignee", "aunt", "auntie", "aunty", "babysitter", "barber", "bestie",
    "bride", "bridesmaid", "caregiver", "carer", "childminder", "classmate", "cleaner", "coach",
    "counsellor", "counselor", "dentist", "dogsitter", "doula", "electrician", "gardener",
    "goddaughter", "godfather", "godmother", "godson", "grandad", "granddad", "granny", "groom",
    "groomsman", "hairdresser", "handyman", "headteacher", "housekeeper", "housemate", "imam",
    "landlady", "mechanic", "midwife", "nan", "nana", "nanny", "nurse", "optometrist", "paediatrician",
    "pastor", "pediatrician", "physio", "physiotherapist", "plumber", "priest", "rabbi", "realtor",
    "receptionist", "reporter", "requester", "requestor", "reviewer", "roomie", "sitter", "stepdad",
    "stepfather", "stepmom", "stepmother", "stepmum", "surgeon", "teammate", "therapist", "tutor",
    "uncle", NULL};
static const char *const QUALIFIED[] = {
    "agent", "chauffeur", "contact", "courier", "driver", "guide", "host", "instructor", "officer",
    "rep", "trainer", "walker", NULL};
static const char *const QUALIFIER[] = {
    "airbnb", "bus", "cab", "delivery", "dog", "driving", "emergency", "estate", "fitness", "her", "his",
    "insurance", "loan", "lyft", "my", "our", "parole", "personal", "police", "school", "shuttle",
    "taxi", "their", "tour", "travel", "uber", "yoga", NULL};

/* Which of the role lists hold a word (bits of role_kind). */
enum { ROLE_PERSON = 1, ROLE_QUALIFIED = 2, ROLE_QUALIFIER = 4, ROLE_RECORD = 8 };

/* One hash index over ROLE, QUALIFIED, QUALIFIER and RECORD_ROLE, built once on first use (pii_run_once):
 * the word before every candidate is looked up in them, and a binary search over each list was a
 * sizeable part of a candidate's cost. A word matches as in word_in_sorted: its ASCII letters lowered,
 * other bytes exact. */
enum { ROLE_SLOTS = 512, ROLE_MAX = 24 };
static struct {
    const char *w;
    unsigned kinds;
} role_slot[ROLE_SLOTS];
static pii_once roles_hashed = PII_ONCE_INIT;
/* Bit n of role_len_first[c] / role_len_last[c]: a listed word of n bytes begins / ends with the (ASCII-
 * lowered) byte c. Most words before a candidate ("the", "and", "with") leave on these two loads, before
 * any hashing. */
static uint32_t role_len_first[256], role_len_last[256];

/* The hash of the lower-cased word; key[0..n) receives the lower-cased bytes (one pass for both). */
static uint32_t role_hash_lower(const uint8_t *w, size_t n, uint8_t *key)
{
    uint32_t h = (uint32_t)n;
    for (size_t i = 0; i < n; i++) {
        key[i] = pii_lower(w[i]);
        h = h * 33u + key[i];
    }
    return h ^ (h >> 9);
}

/* w equals key[0..n) (w is not read past its end). */
static bool role_key_is(const char *w, const uint8_t *key, size_t n)
{
    size_t i = 0;
    while (i < n && w[i] != '\0' && (uint8_t)w[i] == key[i])
        i++;
    return i == n && w[n] == '\0';
}

static void role_insert(const char *const *list, unsigned kind)
{
    for (size_t k = 0; list[k] != NULL; k++) {
        size_t n = strlen(list[k]);
        if (n == 0 || n > ROLE_MAX)
            abort(); /* role_kind would never find it */
        uint8_t key[ROLE_MAX];
        uint32_t i = role_hash_lower((const uint8_t *)list[k], n, key) & (ROLE_SLOTS - 1);
        while (role_slot[i].w != NULL && strcmp(role_slot[i].w, list[k]) != 0)
            i = (i + 1) & (ROLE_SLOTS - 1);
        role_slot[i].w = list[k];
        role_slot[i].kinds |= kind;
        role_len_first[key[0]] |= 1u << n;
        role_len_last[key[n - 1]] |= 1u << n;
    }
}

static void hash_roles(void)
{
    role_insert(ROLE, ROLE_PERSON);
    role_insert(QUALIFIED, ROLE_QUALIFIED);
    role_insert(QUALIFIER, ROLE_QUALIFIER);
    role_insert(RECORD_ROLE, ROLE_RECORD);
}

/* The role lists that hold w[0..n) (ROLE_* bits, 0 for none). */
static unsigned role_kind(const uint8_t *w, size_t n)
{
    if (n == 0 || n > ROLE_MAX)
        return 0;
    pii_run_once(&roles_hashed, hash_roles);
    if (!((role_len_first[pii_lower(w[0])] & role_len_last[pii_lower(w[n - 1])]) >> n & 1u))
        return 0;
    uint8_t key[ROLE_MAX];
    uint32_t h = role_hash_lower(w, n, key);
    for (uint32_t i = h & (ROLE_SLOTS - 1); role_slot[i].w != NULL; i = (i + 1) & (ROLE_SLOTS - 1))
        if (role_key_is(role_slot[i].w, key, n))
            return role_slot[i].kinds;
    return 0;
}

/* role_noun of a word whose role_kind is k1, with the word before it at [w2s, w2e) when p2. */
static bool role_noun(unsigned k1, const uint8_t *s, bool p2, size_t w2s, size_t w2e)
{
    if (k1 & ROLE_PERSON)
        return true;
    return p2 && (k1 & ROLE_QUALIFIED) && (role_kind(s + w2s, w2e - w2s) & ROLE_QUALIFIER);
}

/* The word right before start, one space before it, when it is a title the title words do not read or
 * the marker of a birth name: lower-case and abbreviated titles of Italian and Spanish ("sig.", "sig.ra",
 * "sr.", "sra."), the family title "Fam.", police and council ranks ("PC", "DC", "Sgt", "Cllr", "Insp."),
 * and "geb.", "née", "z domu", "roz.", "född", "født" before a birth name. Returns 2 when unknown words
 * are names after it, 1 for known names only ("PC Gaming Show", Swedish "... sig. Det är"), 0 for none. */
static int marker_before(const uint8_t *s, size_t start)
{
#define K_(str, any) {str, sizeof(str) - 1, any}
    static const struct {
        const char *m;
        size_t l;
        int any;
    } K[] = {K_("geb.", 2), K_("née", 2),    K_("nee", 2),  K_("domu", 2), K_("roz.", 2),  K_("född", 2),
             K_("født", 2), K_("sig.", 1),   K_("sig.ra", 2), K_("sr.", 1), K_("sra.", 2),  K_("srta.", 2),
             K_("fam.", 1), K_("Fam.", 1),   K_("PC", 1),   K_("DC", 1),   K_("Sgt", 1),   K_("Sgt.", 1),
             K_("Cllr", 1), K_("Insp.", 1)};
#undef K_
    /* the last bytes of the markers below: most words before a name end otherwise, and need no walk back */
    if (start < 3 || s[start - 1] != ' ' || !pii_in_chars(".eudtaCr", s[start - 2]))
        return 0;
    size_t te = start - 1, ts = te;
    while (ts > 0 && s[ts - 1] != ' ' && s[ts - 1] != '\n' && te - ts <= 6)
        ts--;
    size_t tl = te - ts;
    /* the token's length and first letter rule out most words before the walk over the table */
    if (tl < 2 || tl > 6 || (ts > 0 && s[ts - 1] != ' ' && s[ts - 1] != '\n') || !pii_in_chars("gnzdrfsFPDSCI", s[ts]))
        return 0;
    for (size_t k = 0; k < sizeof K / sizeof K[0]; k++)
        if (K[k].l == tl && memcmp(s + ts, K[k].m, tl) == 0) {
            if (K[k].m[0] == 'd' && !(ts >= 2 && s[ts - 1] == ' ' && s[ts - 2] == 'z' && (ts == 2 || !pii_is_alpha(s[ts - 3]))))
                return 0; /* "domu" only in "z domu" */
            return K[k].any;
        }
    return 0;
}

static int context_before(const pii_scan *sc, size_t start, bool *accepts_unknown);

/* Context before the name: returns the strength (0 none) and whether it accepts unknown words. The PERSON
 * steps ask for the same word several times in a row: the last answer is kept in the scan's memo. */
int pii_context_before(const pii_scan *sc, size_t start, bool *accepts_unknown)
{
    pii_before_memo *m = sc->before_memo;
    if (m == NULL)
        return context_before(sc, start, accepts_unknown);
    if (m->s != sc->s || m->n != sc->n || m->start != start) {
        m->strength = context_before(sc, start, &m->accepts_unknown);
        m->s = sc->s;
        m->n = sc->n;
        m->start = start;
    }
    *accepts_unknown = m->accepts_unknown;
    return m->strength;
}

static int context_before(const pii_scan *sc, size_t start, bool *accepts_unknown)
{
    const uint8_t *s = sc->s;
    size_t w1s = 0, w1e = 0, w2s = 0, w2e = 0, w3s = 0, w3e = 0;
    *accepts_unknown = false;
    /* "Name: X" labels and "--" signature markers */
    size_t q = start;
    while (q > 0 && (s[q - 1] == ' ' || s[q - 1] == '\t' || s[q - 1] == '"' || s[q - 1] == '\'' ||
                     (s[q - 1] == '\\' && q < start && (s[q] == '"' || s[q] == '\''))))
        q--;
    size_t lab = q > 0 && s[q - 1] == ':' ? q - 1 : 0;
    if (lab > 0 && (s[lab - 1] == '"' || s[lab - 1] == '\''))
        lab--; /* "name": "Hans Zimmer" */
    if (lab > 0 && s[lab - 1] == '\\' && (s[lab] == '"' || s[lab] == '\''))
        lab--; /* {\"name\": \"Hans Zimmer\"}: a JSON document inside a JSON string */
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
    if (q > 0 && s[q - 1] == ':' && lab > 0 && (s[lab] == '"' || s[lab] == '\'' || s[lab] == '\\') &&
        prev_word(s, lab, 0, &w1s, &w1e)) {
        int k = pii_json_name_key(s, sc->n, w1s, w1e);
        if (k != 0) {
            *accepts_unknown = k == 2;
            return STRONG;
        }
    }
    /* an XML element of a tool payload names its value as a JSON key does: "<LastName>Karakaya",
     * "<customer_name>...", "<owner>..." */
    if (start > 2 && s[start - 1] == '>') {
        size_t te = start - 1, ta = te;
        while (ta > 0 && te - ta < 40 && (pii_is_alnum(s[ta - 1]) || s[ta - 1] == '_' || s[ta - 1] == '-'))
            ta--;
        if (ta > 0 && ta < te && s[ta - 1] == '<' && pii_is_alpha(s[te - 1]) && prev_word(s, te, 0, &w1s, &w1e)) {
            if (word_in(s + w1s, w1e - w1s, LABELS)) {
                *accepts_unknown = true;
                return STRONG;
            }
            int k = pii_json_name_key(s, sc->n, w1s, w1e);
            if (k != 0) {
                *accepts_unknown = k == 2;
                return STRONG;
            }
        }
    }
    if (chat_speaker(sc, start)) {
        *accepts_unknown = true;
        return STRONG;
    }
    int tm = marker_before(s, start);
    if (tm != 0) {
        /* "la sig.ra Ferraccioli", "Hildegard Brückner geb. Ohlendorf"; "Il sig. Bianchi", ranks: known names */
        *accepts_unknown = tm == 2;
        return STRONG;
    }
    int col = pii_csv_name_column(s, sc->n, start);
    if (col != 0) {
        *accepts_unknown = col == 2;
        return STRONG;
    }
    if (!prev_word(s, start, 3, &w1s, &w1e))
        return 0;
    const uint8_t *w1 = s + w1s;
    size_t l1 = w1e - w1s;
    bool p2 = prev_word(s, w1s, 2, &w2s, &w2e);
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
                                         "hosted", "organized", "organised", "led", "managed", "review",
                                         "reviews", "comment", "comments", "photo", "photos", "talk",
                                         "keynote", NULL};
        for (size_t k = 0; BY[k] != NULL; k++)
            if (pii_word_eq(s + w2s, w2e - w2s, BY[k]))
                return STRONG;
    }
    /* "my uncle Tavita", "the babysitter, Krisztina", "shuttle driver Thabo", "a message from Wiremu",
     * "a table under the name Moretti" */
    /* Polish, Czech and Slovak titles in lower case: "pan Kowalski", "pani Nowak", "paní Dvořáková" (a
     * frying pan is no title before a name) */
    if (pii_is_lower(s[w1s]) && w1e + 1 == start && s[w1s] == 'p' &&
        word_in(w1, l1, (const char *const[]){"pan", "pani", "pana", "panu", "panem", "panie", "panią", "paní", NULL}))
        return STRONG;
    /* the same titles in Ukrainian ("пан Тарас", "пані Оксана"); Thai คุณ ends the Thai word before the
     * name, glued or not ("สวัสดีคุณNattaya", "คุณ Nattaya") */
    if (w1e + 1 == start && w1[0] == 0xD0 && word_in(w1, l1, (const char *const[]){"пан", "пані", "пана", "пану", NULL}))
        return STRONG;
    if (l1 >= 9 && start - w1e <= 1 && memcmp(w1 + l1 - 9, "\xe0\xb8\x84\xe0\xb8\xb8\xe0\xb8\x93", 9) == 0) {
        *accepts_unknown = true;
        return STRONG;
    }
    if (pii_word_eq(w1, l1, "from") && p2 && WORD_IN_SORTED(s + w2s, w2e - w2s, MESSAGE)) {
        /* "a voicemail from Wiremu" vouches for any word; "an email from Miriam", "a warning message
         * from Perl" only a little (firms and programs send those too) */
        *accepts_unknown = WORD_IN_SORTED(s + w2s, w2e - w2s, PERSONAL_MESSAGE);
        return *accepts_unknown ? STRONG : WEAK;
    }
    unsigned k1 = role_kind(w1, l1);
    if (role_noun(k1, s, p2, w2s, w2e) ||
        (pii_word_eq(w1, l1, "birthday") && p2 && pii_word_eq(s + w2s, w2e - w2s, "happy")) ||
        (pii_word_eq(w1, l1, "name") && p2 && pii_word_eq(s + w2s, w2e - w2s, "the") &&
         prev_word(s, w2s, 2, &w3s, &w3e) &&
         word_in(s + w3s, w3e - w3s, (const char *const[]){"under", "booked", "reserved", "listed", NULL}))) {
        *accepts_unknown = true;
        return STRONG;
    }
    /* roles a record or a deed gives a person ("beneficiary Cassandra Whitby", "titular Aurora Villalba",
     * "witness Tendai Moyo"): strong, for known names only (firms are payees and beneficiaries too) */
    if (w1e + 1 == start && s[w1e] == ' ' && (k1 & ROLE_RECORD))
        return STRONG;
    int k = sc_person_context_word(w1, l1, 0);
    /* kinship words of round 8 ("mama Achieng", "babushka Zinaida", "ciocia Grażyna") vouch only for a
     * known name; capitalized, the ones that also name shops and songs ("Mama Oliech", "Mama Africa")
     * vouch for nothing */
    if (k == SC_PCTX_RELATION && l1 >= 4 && w1[0] < 0x80) {
        static const char *const KIN[] = {"babci", "babcia", "babushka", "bibi", "ciocia", "cioci", "dedushka",
                                          "dziadek", "dziadka", "gogo", "mama", "maman", "mummy", "mzee",
                                          "ugogo", "wujek", "wujka", NULL};
        uint8_t low[12];
        if (l1 <= sizeof low) {
            for (size_t i = 0; i < l1; i++)
                low[i] = pii_is_upper(w1[i]) ? (uint8_t)(w1[i] | 0x20) : w1[i];
            if (word_in(low, l1, KIN))
                return pii_is_upper(w1[0]) && !pii_word_eq(low, l1, "mzee") ? 0 : STRONG;
        }
    }
    if (k == SC_PCTX_GREETING || k == SC_PCTX_RELATION) {
        /* "Hi Eilidh," "Dear Ngozi Okafor," "my colleague Tariq": a capitalized word there is a name */
        *accepts_unknown = true;
        return STRONG;
    }
    if (k == SC_PCTX_VERB)
        return WEAK;
    return 0;
}

/* The word w is at p, whole. */
static bool has_word_at(const uint8_t *s, size_t n, size_t p, const char *w)
{
    size_t l = strlen(w);
    return p + l <= n && memcmp(s + p, w, l) == 0 && (p + l == n || !pii_is_alpha(s[p + l]));
}

/* "Merged, thanks. — Sigrun", "LGTM -- Thandiwe": a name after a dash that ends its line signs it. */
bool pii_dash_signature(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, e = end;
    while (e < n && (s[e] == ' ' || s[e] == '.' || s[e] == '\r'))
        e++;
    if (e < n && s[e] != '\n')
        return false;
    if (start < 3 || s[start - 1] != ' ')
        return false;
    size_t d = start - 1;
    bool dash = (s[d - 1] == '-' && s[d - 2] == '-') || (d >= 3 && s[d - 3] == 0xE2 && s[d - 2] == 0x80 &&
                                                           (s[d - 1] == 0x94 || s[d - 1] == 0x93));
    return dash;
}

/* Context after the name: Name <email>, Name (email), "X said", a possessive. */
int pii_context_after(const pii_scan *sc, size_t end, bool possessive)
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
    /* "Oluwaseun please take the notes": someone asked */
    if (end + 4 < n && s[end] == ' ' &&
        (has_word_at(s, n, end + 1, "please") || has_word_at(s, n, end + 1, "pls") || has_word_at(s, n, end + 1, "plz")))
        return MEDIUM;
    size_t ws = p, l;
    bool up;
    while (p < n && (l = letter_at(s, n, p, &up)) > 0) /* "said", "dijo", "сказала" */
        p += l;
    if (p > ws && end < n && s[end] == ' ' && sc_person_context_word(s + ws, p - ws, 1) == SC_PCTX_AFTER)
        return MEDIUM;
    return 0;
}

/* A signature: the name alone on its line after a sign-off line ("Best regards," / "Thanks," / "--"). */
/* sign-offs the context table lacks: "See you soon,", "Take care,", "Grazie," */
static const char *const MORE_SIGNOFF[] = {"abrazo", "abrazos", "atentamente", "atte", "bisous", "care", "ciao",
                                           "danke", "grazie", "gracias", "groet", "grüßen", "grüssen", "hilsner",
                                           "hormat", "hugs", "hälsning", "lugupidamisega", "merci", "obrigada",
                                           "obrigado", "pagarbiai", "pozdrowieniami", "poważaniem", "saludo",
                                           "saludos", "saluti", "saygılarımla", "saygilarimla", "soon", "stimă",
                                           "ta", "tisztelettel", "trọng", "xx", NULL};

static bool signoff_word(const uint8_t *w, size_t n)
{
    return sc_person_context_word(w, n, 2) == SC_PCTX_SIGNOFF || word_in(w, n, MORE_SIGNOFF);
}

/* A letter quoted in one line: "... from Ms. Radu. Best, Irina" / "Saluti, Ornella»": a sign-off of one or
 * two words opening a sentence, ", ", and the name ending the quote, the line or the text. */
static bool inline_signoff(const uint8_t *s, size_t n, size_t start, size_t end)
{
    if (start < 4 || s[start - 1] != ' ')
        return false;
    /* the comma is often left out in other languages: "Terveisin Raili", "Kram Ingegerd" */
    bool comma = s[start - 2] == ',';
    size_t e = end; /* the name ends the quote, the line or the text (checked first: it is cheap) */
    while (e < n && (s[e] == '.' || s[e] == '!' || s[e] == ' ') && e - end < 8)
        e++;
    if (!(e >= n || s[e] == '"' || s[e] == '\n' || s[e] == '\r' || s[e] == '\'' ||
          (e + 2 < n && s[e] == 0xE2 && s[e + 1] == 0x80 && (s[e + 2] == 0x9D || s[e + 2] == 0x99)) ||
          (e + 1 < n && s[e] == 0xC2 && s[e + 1] == 0xBB)))
        return false; /* ” ’ » */
    if (sc_place_lookup(s + start, end - start))
        return false; /* "Cheers, Madrid" */
    unsigned f = pii_name_flags(s, start, end);
    if (!(f & SC_NAME_FIRST) || pii_word_like(f, sc_word_class(s + start, end - start)))
        return false; /* a known given name only ("Best, Management") */
    size_t ws, we, vs, ve;
    if (!prev_word(s, comma ? start - 2 : start - 1, 0, &ws, &we) || !signoff_word(s + ws, we - ws))
        return false;
    size_t b = ws;
    if (prev_word(s, ws, 1, &vs, &ve) && ws - ve == 1 && s[ve] == ' ')
        b = vs; /* "Best wishes, X", "Kind regards, X" */
    while (b > 0 && s[b - 1] == ' ')
        b--;
    return b == 0 || s[b - 1] == '.' || s[b - 1] == '!' || s[b - 1] == '?' || s[b - 1] == '"' || s[b - 1] == '\n';
}

bool pii_signature(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (start >= 4 && (s[start - 2] == ',' || pii_is_alpha(s[start - 2]) || s[start - 2] >= 0x80) &&
        inline_signoff(s, n, start, end))
        return true;
    size_t ls = start;
    while (ls > 0 && (s[ls - 1] == ' ' || s[ls - 1] == '\t'))
        ls--;
    /* "- Wiremu", "~ Ngaio" under a sign-off */
    bool dash = false;
    if (ls > 0 && (s[ls - 1] == '-' || s[ls - 1] == '~')) {
        ls--;
        dash = true;
    } else if (ls >= 3 && s[ls - 3] == 0xE2 && s[ls - 2] == 0x80 && (s[ls - 1] == 0x93 || s[ls - 1] == 0x94)) {
        ls -= 3; /* en or em dash */
        dash = true;
    }
    if (ls == 0 || s[ls - 1] != '\n')
        return false;
    /* the previous non-empty line (before the name's own: most lines above are long) */
    size_t p = ls - 1;
    while (p > 0 && (s[p - 1] == '\n' || s[p - 1] == '\r' || s[p - 1] == ' '))
        p--;
    size_t pe = p;
    /* a line longer than 40 bytes is no sign-off: only the last 41 bytes are searched for its start */
    size_t lo = pe > 41 ? pe - 41 : 0;
    const uint8_t *nl = pe > lo ? memrchr(s + lo, '\n', pe - lo) : NULL;
    if (nl == NULL && lo > 0)
        return false;
    p = nl != NULL ? (size_t)(nl - s) + 1 : 0;
    if (pe - p > 40)
        return false;
    size_t le = end;
    while (le < n && s[le] != '\n' && s[le] != '\r') {
        if (pii_is_alnum(s[le]) && le > end + 40)
            return false;
        le++;
    }
    /* "--" or "-- " marks a signature; "--version", "--colour=WHEN" open an option's line, and the
     * imperative under it ("Show the version and exit") signs nothing */
    if (pe - p >= 2 && s[p] == '-' && s[p + 1] == '-' && !dash && (pe - p == 2 || !pii_is_alnum(s[p + 2])))
        return true;
    /* the sign-off line ends in ',' or '!', or is one or two words alone ("Regards", "Best wishes") */
    bool punct = pe > p && (s[pe - 1] == ',' || s[pe - 1] == '!');
    size_t words = 0;
    bool signoff = false, ascii_signoff = false;
    for (size_t i = p; i < pe;) { /* words of any script: "hälsning", "Grüßen", "trọng" are one word each */
        while (i < pe && !pii_is_alpha(s[i]) && s[i] < 0x80)
            i++;
        size_t ws = i;
        bool ascii = true;
        for (; i < pe && (pii_is_alpha(s[i]) || s[i] >= 0x80); i++)
            ascii = ascii && s[i] < 0x80;
        if (i > ws) {
            words++;
            bool hit = signoff_word(s + ws, i - ws);
            signoff = signoff || hit;
            ascii_signoff = ascii_signoff || (hit && ascii);
        }
    }
    if (!signoff)
        return false;
    /* a sign-off in letters beyond ASCII ("Saygılarımla,") or of three or four words ("Med vänlig hälsning")
     * vouches only for a name the lists know: "Kundtjänst", "Ihr Serviceteam" sign for a team */
    size_t fe = start;
    while (fe < end && (pii_is_alpha(s[fe]) || s[fe] >= 0x80))
        fe++;
    bool known = (pii_name_flags(s, start, fe) & (SC_NAME_FIRST | SC_NAME_LAST)) != 0;
    if (punct)
        return ascii_signoff || known;
    /* without the comma the name must stand alone on its line, capitalized words only ("Thanks\nGrafana
     * shows a spike" is none) */
    bool alone = true;
    for (size_t i = end; i < le; i++)
        if (pii_is_alpha(s[i]) && !pii_is_alpha(s[i - 1]) && s[i - 1] != '\'' && s[i - 1] != '-') /* i >= end > 0 */
            alone = alone && pii_is_upper(s[i]);
    if (!alone || pe == p || !(pii_is_alpha(s[pe - 1]) || s[pe - 1] >= 0x80))
        return false;
    if (words <= 2 && ascii_signoff)
        return true;
    /* "Med vänlig hälsning", "Mit freundlichen Grüßen": a longer sign-off ends in its sign-off word */
    size_t lw = pe;
    while (lw > p && (pii_is_alpha(s[lw - 1]) || s[lw - 1] >= 0x80))
        lw--;
    return known && words <= 4 && signoff_word(s + lw, pe - lw);
}

bool pii_place_preposition(const pii_scan *sc, size_t start)
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

/* A verb or phrase before a name that only people take: "ask X", "ping X", "met X", "talked to X",
 * "had lunch with X". */
bool pii_person_verb_before(const pii_scan *sc, size_t start)
{
    static const char *const V[] = {
        "abbraccia", "add", "added", "ask", "asked", "asking", "babysat", "babysit", "bacia", "bel", "cc",
        "collect", "collected", "congratulate", "cumprimenta", "dm", "drive", "drop", "dropped", "drove",
        "emailed", "embrasse", "embrassez", "fired", "frag", "groet", "grüss", "grüsse", "grüß", "grüße",
        "heiratete", "hire", "hired", "hug", "hugged", "hälsa", "interviewed", "invite", "invited", "kiss",
        "kissed", "married", "marry", "meet", "met", "page", "paged", "picked", "ping", "pinged", "pozdrów",
        "pozdrówcie", "remind", "reminded", "ring", "saluda", "saluta", "salutami", "soita", "sposata",
        "sposato", "take", "tell", "telling", "texted", "thank", "thanked", "told", "took", "welcome",
        "welcomed", "épousé", NULL};
    static const char *const V2[] = {
        "1:1", "call", "catch", "chat", "chatted", "chatting", "check", "checked", "coffee", "complained",
        "dinner", "drop", "dropped", "dropping", "explained", "introduced", "listen", "listened", "lunch",
        "meet", "meeting", "mentioned", "met", "pick", "picked", "picking", "replied", "reply", "said",
        "speak", "speaking", "spoke", "sync", "synced", "talk", "talked", "talking", "write", "wrote", NULL};
    const uint8_t *s = sc->s;
    size_t ws, we, vs, ve;
    if (!prev_word(s, start, 1, &ws, &we))
        return false;
    if (WORD_IN_SORTED(s + ws, we - ws, V))
        return true;
    if (s[ws] >= 0x80 && we - ws >= 4 && we - ws <= 24) {
        /* Russian, Ukrainian and Bulgarian imperatives and verbs of meeting someone, the first letter
         * lowered ("Скажи" = "скажи": А-П are D0 90-9F, а-п D0 B0-BF; Р-Я D0 A0-AF, р-я D1 80-8F) */
        uint8_t low[24];
        memcpy(low, s + ws, we - ws);
        if (low[0] == 0xD0 && low[1] >= 0x90 && low[1] <= 0x9F)
            low[1] = (uint8_t)(low[1] + 0x20);
        else if (low[0] == 0xD0 && low[1] >= 0xA0 && low[1] <= 0xAF) {
            low[0] = 0xD1;
            low[1] = (uint8_t)(low[1] - 0x20);
        }
        return word_in(low, we - ws, (const char *const[]){
            "скажи", "скажите", "передай", "передайте", "отправь", "отправьте", "напиши", "напишите",
            "спроси", "спросите", "попроси", "поздравь", "позови", "видел", "видела", "кажи", "кажете",
            "питай", "питайте", "спитай", "привітай", "надішли", "покличте", "поздравляю", "поздравляем",
            "вітаю", NULL});
    }
    /* "zadzwoń do Marka", "llama a Diego", "liga para o Rui": a verb of calling or writing, its preposition
     * (and a Portuguese article) */
    if (word_in(s + ws, we - ws, (const char *const[]){"o", "a", NULL}) && prev_word(s, ws, 1, &vs, &ve) &&
        pii_word_eq(s + vs, ve - vs, "para"))
        ws = vs, we = ve;
    /* the Spanish personal "a" after a verb taking a person: "conocí a Lucía", "os presento a Annika" */
    if (we - ws == 1 && s[ws] == 'a' && pii_romance_personal_a(s, ws))
        return true;
    if (word_in(s + ws, we - ws, (const char *const[]){"do", "a", "al", "para", NULL}) && prev_word(s, ws, 1, &vs, &ve) &&
        word_in(s + vs, ve - vs, (const char *const[]){"zadzwoń", "zadzwon", "napisz", "llama", "llame", "llamar",
                                                       "escribe", "pregunta", "liga", "ligue", "ligar", "telefona",
                                                       "Zadzwoń", "Llama", "Llame", "Llamar", "Liga", "Ligue", NULL}))
        return true;
    if ((pii_word_eq(s + ws, we - ws, "to") || pii_word_eq(s + ws, we - ws, "with") ||
         pii_word_eq(s + ws, we - ws, "up") || pii_word_eq(s + ws, we - ws, "off")) &&
        prev_word(s, ws, 1, &vs, &ve) && s[ve] != '-') /* "drop-off Malmö", "pick-up Aarhus": nouns */
        return WORD_IN_SORTED(s + vs, ve - vs, V2);
    return false;
}

/* "Tell Frank ...", "ping Ray", "thank Grant", "Email Hunter", "I called Sterling", "let Frank know":
 * a verb only people take, right before the name. */
bool pii_person_verb_right_before(const pii_scan *sc, size_t start, size_t end)
{
    static const char *const V[] = {
        "ask", "asked", "bcc", "call", "called", "cc", "congratulate", "dm", "email", "emailed", "hug",
        "introduce", "introduced", "invite", "invited", "loop", "meet", "mention", "mentioned", "message",
        "messaged", "met", "notify", "page", "paged", "paid", "pay", "phone", "phoned", "ping", "pinged",
        "rang", "remind", "reminded", "ring", "tag", "tagged", "tell", "text", "texted", "thank", "thanked",
        "told", "warn", "warned", NULL};
    const uint8_t *s = sc->s;
    size_t ws, we, as, ae;
    if (!prev_word(s, start, 1, &ws, &we))
        return false;
    if (WORD_IN_SORTED(s + ws, we - ws, V))
        return true;
    /* "let Frank know", "have Ray check" */
    return pii_word_eq(s + ws, we - ws, "let") && word_after(s, sc->n, end, &as, &ae) &&
           pii_word_eq(s + as, ae - as, "know");
}

/* What people will do: "Frank will call", "Dallas Thornbury will fix the fence". */
static const char *const WILL[] = {"approve", "babysit", "bake", "bring", "call", "clean", "come", "cook", "drive",
                                   "email", "fix", "help", "join", "meet", "pick", "present", "reply", "review",
                                   "sign", "teach", "text", "visit", "wait", NULL};

/* "Penny said ...", "Ivy wrote ...", "Faith from legal approved ...": the name as the subject of a verb
 * only people take. */
bool pii_person_verb_after(const pii_scan *sc, size_t end)
{
    static const char *const V[] = {
        "agreed", "answered", "apologised", "apologized", "approved", "asked", "asks", "booked", "called",
        "complained", "confirmed", "cried", "emailed", "graduated", "joined", "joins", "laughed", "lives",
        "married", "mentioned", "messaged", "moved", "needs", "owes", "presents", "promised", "quit",
        "replied", "replies", "resigned", "retired", "rsvped", "said", "says", "signed", "smiled", "started",
        "starts", "suggested", "tells", "texted", "thinks", "thought", "told", "wanted", "wants", "worked",
        "works", "writes", "wrote", NULL};
    static const char *const TEAM[] = {"legal", "finance", "hr", "accounting", "sales", "marketing", "it",
                                       "ops", "support", "engineering", "security", "design", "product",
                                       "payroll", "procurement", "billing", "admissions", "reception", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, a, b, c, d;
    if (!word_after(s, n, end, &a, &b))
        return false;
    if (WORD_IN_SORTED(s + a, b - a, V))
        return true;
    /* "will present", "is our new lead", "from legal approved" */
    if (pii_word_eq(s + a, b - a, "will") && word_after(s, n, b, &c, &d))
        return WORD_IN_SORTED(s + c, d - c, WILL);
    if (pii_word_eq(s + a, b - a, "is") && word_after(s, n, b, &c, &d))
        return word_in(s + c, d - c, (const char *const[]){"our", "my", "your", "his", "her", NULL});
    if (pii_word_eq(s + a, b - a, "from") && word_after(s, n, b, &c, &d) && word_in(s + c, d - c, TEAM)) {
        size_t e, f;
        return word_after(s, n, d, &e, &f) && WORD_IN_SORTED(s + e, f - e, V);
    }
    return false;
}

/* "Dawn, are you still on the call?": a sentence-initial word followed by a comma and a second-person
 * word in the same sentence is someone addressed. */
bool pii_vocative_you(const pii_scan *sc, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t a0, b0, a1, b1;
    /* chat drops the comma: "Will can you take the page tonight?", "Ngozi please own the timeline" */
    if (end < n && s[end] == ' ' && word_after(s, n, end, &a0, &b0) && pii_is_lower(s[a0])) {
        if (word_in(s + a0, b0 - a0, (const char *const[]){"please", "pls", "plz", NULL}))
            return word_after(s, n, b0, &a1, &b1) && pii_is_lower(s[a1]);
        return word_in(s + a0, b0 - a0,
                       (const char *const[]){"can", "could", "would", "will", "do", "did", "are", "have", NULL}) &&
               word_after(s, n, b0, &a1, &b1) && word_in(s + a1, b1 - a1, (const char *const[]){"you", "u", NULL});
    }
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

/* "Selin, annen seni aradı", "Chukwuemeka, call me": a word that opens a line (or message) and is followed
 * by a comma and a lower-case word is someone addressed. */
bool pii_line_vocative(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, p = start;
    while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t' || s[p - 1] == '"'))
        p--;
    if ((p > 0 && s[p - 1] != '\n') || end + 2 >= n || s[end] != ',' || s[end + 1] != ' ')
        return false;
    /* a greeting that is also a name opens the line the same way: "Salam, saya ..." */
    if (sc_person_context_word(s + start, end - start, 0) == SC_PCTX_GREETING)
        return false;
    bool up;
    return letter_at(s, n, end + 2, &up) > 0 && !up;
}

/* "Ти си најбоља, Гордана!", "Great job on the recital, Thandiwe!": a name between a comma and "!" is
 * someone addressed. */
bool pii_comma_exclaim(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (start < 3 || s[start - 1] != ' ' || s[start - 2] != ',' || end >= n || sc_place_lookup(s + start, end - start))
        return false; /* "Come on, England!" */
    if (s[end] == '!')
        return true;
    /* "So sorry for your loss, Teodora.", "Are you coming, Ingvild?": the name ends the sentence after a
     * clause in lower case (not a list of capitalized things: "Oslo, Bergen, Ingrid.") */
    size_t ps, pe;
    return (s[end] == '.' || s[end] == '?') &&
           (end + 1 >= n || s[end + 1] == ' ' || s[end + 1] == '\n' || s[end + 1] == '"' || s[end + 1] == '\r') &&
           prev_word(s, start - 2, 0, &ps, &pe) && pii_is_lower(s[ps]) && pe - ps >= 2;
}

/* "Amandine, agence immobilière", "Priya, our new intern", "Tomasz, lab supervisor": a name, ", ", and a
 * role people hold (at most two words before it: "our", "new", "lab"), then the end of the phrase. */
bool pii_role_apposition(const pii_scan *sc, size_t end)
{
    static const char *const JOB[] = {
        "accountant", "administrator", "advisor", "agence", "agent", "agente", "analyst", "architect",
        "assistant", "attorney", "ceo", "cfo", "chair", "consultant", "coordinator", "cto", "designer",
        "developer", "director", "doctor", "editor", "engineer", "founder", "head", "intern", "lawyer",
        "manager", "nurse", "officer", "owner", "paralegal", "partner", "president", "realtor", "recruiter",
        "representative", "researcher", "secretary", "solicitor", "supervisor", "teacher", "technician",
        "treasurer", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, p = end;
    if (p + 3 >= n || s[p] != ',' || s[p + 1] != ' ' || !pii_is_lower(s[p + 2]))
        return false;
    p += 1;
    for (unsigned k = 0; k < 3; k++) {
        size_t a, b;
        if (!word_after(s, n, p, &a, &b) || b == a)
            return false;
        if (WORD_IN_SORTED(s + a, b - a, JOB)) {
            size_t q = b;
            while (q < n && (s[q] == ' ' || pii_is_alpha(s[q]) || s[q] >= 0x80) && q - b < 24)
                q++; /* "agence immobilière", "head of sales" */
            return q >= n || s[q] == ',' || s[q] == '.' || s[q] == ';' || s[q] == '\n' || s[q] == ')' ||
                   s[q] == '(' || s[q] == '"';
        }
        if (role_noun(role_kind(s + a, b - a), s, false, 0, 0))
            return true;
        p = b;
    }
    return false;
}

/* "Sky's laptop", "Page's flight": what people own. */
bool pii_personal_noun(const uint8_t *s, size_t n, size_t end)
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

/* "Did Page reply yet?", "Can Grant sign it?": the subject of a question about something people do. */
bool pii_question_subject(const pii_scan *sc, size_t start, size_t end)
{
    static const char *const AUX[] = {"did", "does", "do", "has", "have", "can", "could", "will", "would",
                                      "should", "didn't", "won't", NULL};
    static const char *const V[] = {
        "agree", "answer", "approve", "arrive", "ask", "call", "come", "confirm", "email", "get", "join",
        "leave", "mention", "pay", "quit", "reply", "respond", "review", "say", "send", "sign", "tell",
        "text", "write", NULL};
    const uint8_t *s = sc->s;
    size_t ws, we, a, b;
    return prev_word(s, start, 1, &ws, &we) && sentence_start(s, ws) && word_in(s + ws, we - ws, AUX) &&
           word_after(s, sc->n, end, &a, &b) && word_in(s + a, b - a, V);
}

/* A given name that is no word, place or software ("Saoirse") in a frame only people fill: the subject
 * at a sentence start ("Saoirse is coming", "Saoirse can't", "Saoirse and I"), the subject of a question
 * ("is Saoirse coming?", "How old is Saoirse?"), the one given or brought something ("give Saoirse a
 * call", "bring Saoirse"), or an owner ("Saoirse's recital"). */
/* The word right after position p (one space), letters of any script, as [*ws, *we). */
static bool word_after_utf8(const uint8_t *s, size_t n, size_t p, size_t *ws, size_t *we)
{
    word w;
    if (p >= n || s[p] != ' ' || !next_word(s, n, p, &w) || w.s != p + 1)
        return false;
    *ws = w.s;
    *we = w.e;
    return true;
}

bool pii_clean_name_frame(const pii_scan *sc, size_t start, size_t end, bool poss)
{
    static const char *const SUBJ[] = {
        "already", "also", "always", "aren", "came", "can", "cannot", "could", "couldn", "did", "didn",
        "does", "doesn", "finally", "found", "gave", "gets", "got", "had", "has", "hasn", "hates", "is",
        "isn", "just", "left", "likes", "loves", "made", "may", "might", "must", "never", "really",
        "should", "shouldn", "still", "took", "was", "wasn", "went", "will", "won", "would", "wouldn", NULL};
    static const char *const GIVE[] = {
        "bring", "brought", "drive", "drove", "gave", "give", "join", "joined", "kiss", "kissed", "send",
        "sent", "visit", "visited", "wish", "wished", NULL};
    static const char *const AUX[] = {"can", "could", "did", "does", "has", "is", "was", "will", "would", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, ws, we, a = 0, b = 0, c, d;
    if (poss) {
        /* what people own or go to ("Saoirse's recital"), not what is named after them ("Halley's comet") */
        static const char *const EVENT[] = {
                                            "appointment", "baptism", "car", "class", "concert", "dog", "funeral", "game", "graduation",
                                            "homework", "match", "party", "pr", "practice", "recital", "rent", "school", "shift",
                                            "surgery", "wedding", NULL};
        size_t p = end, al;
        if (apostrophe_at(s, n, p, &al) && p + al < n && s[p + al] == 's')
            p += al + 1;
        return pii_personal_noun(s, n, end) || (word_after(s, n, p, &a, &b) && WORD_IN_SORTED(s + a, b - a, EVENT));
    }
    /* the same frame in other languages: auxiliaries, copulas and verbs of coming and saying after a
     * subject ("Ilaria ha chiamato", "Jörg ist ab morgen weg", "Thibault est d'astreinte", "Ingrid er syk") */
    static const char *const SUBJ_OTHER[] = {
        "arriva", "arrive", "chegou", "dice", "dijo", "disse", "doit", "est", "estará", "está", "ha",
        "heeft", "ist", "jest", "kann", "kommt", "komt", "ligou", "llamó", "llegó",
        "moet", "muss", "pediu", "peut", "puede", "può", "sagt", "sarà", "sera", "tiene", "vai",
        "viene", "vient", "wird", "zegt", "è", NULL};
    bool after = word_after_utf8(s, n, end, &a, &b) && pii_is_lower(s[a]);
    bool clause = sentence_start(s, start) ||
                  (start >= 4 && s[start - 1] == ' ' && s[start - 2] == 0x94 && s[start - 3] == 0x80 &&
                   s[start - 4] == 0xE2); /* "... paid by card — Kenji will reimburse" */
    if (clause && after) {
        /* "Vega is a star", "Thor has a hammer", "Vega est une étoile": a definition says nothing of a person */
        static const char *const COPULA[] = {"is", "was", "has", "had", "est", "ist", "è", "es", "é", NULL};
        static const char *const ARTICLE[] = {"a",   "an", "the", "un", "une", "ein", "eine",
                                              "una", "uno", "um", "uma", "een", NULL};
        if (word_in(s + a, b - a, COPULA) && word_after(s, n, b, &c, &d) && word_in(s + c, d - c, ARTICLE))
            return false;
        if (WORD_IN_SORTED(s + a, b - a, SUBJ) || WORD_IN_SORTED(s + a, b - a, SUBJ_OTHER))
            return true;
        if (pii_word_eq(s + a, b - a, "and") && word_after(s, n, b, &c, &d) &&
            word_in(s + c, d - c, (const char *const[]){"i", "me", "my", NULL}))
            return true;
    }
    if (!prev_word(s, start, 1, &ws, &we))
        return false;
    if (WORD_IN_SORTED(s + ws, we - ws, GIVE))
        return true;
    /* "is Saoirse coming", "How old is Saoirse?" */
    if (word_in(s + ws, we - ws, AUX))
        return (after && b - a > 4 && pii_word_eq(s + b - 3, 3, "ing")) || (end < n && s[end] == '?');
    return false;
}

/* "a card for Chase", "flowers for Hope": what is bought or made for people. */
bool pii_gift_for(const pii_scan *sc, size_t start)
{
    /* and appointments people keep: "dentist for Hope on Thursday" */
    static const char *const GIFT[] = {"appointment", "cake", "card", "checkup", "dentist", "doctor",
                                       "flowers", "gift", "gifts", "haircut", "orthodontist", "pediatrician",
                                       "present", "presents", "surprise", "toast", NULL};
    const uint8_t *s = sc->s;
    size_t ws, we, gs, ge;
    return prev_word(s, start, 1, &ws, &we) && pii_word_eq(s + ws, we - ws, "for") && prev_word(s, ws, 1, &gs, &ge) &&
           WORD_IN_SORTED(s + gs, ge - gs, GIFT);
}

/* A clause starts right before start: a sentence start, a comma, or a conjunction ("whether Faith
 * replied", "..., Grant drives"). */
static bool clause_start(const uint8_t *s, size_t start)
{
    static const char *const CONJ[] = {"after", "and", "because", "before", "but", "if", "once", "since",
                                       "so", "that", "then", "unless", "until", "when", "whether", "while",
                                       NULL};
    if (sentence_start(s, start))
        return true;
    if (start >= 2 && s[start - 1] == ' ' && s[start - 2] == ',')
        return true;
    size_t ws, we;
    return prev_word(s, start, 1, &ws, &we) && WORD_IN_SORTED(s + ws, we - ws, CONJ);
}

static bool pronoun_word(const uint8_t *w, size_t n)
{
    return word_in(w, n, (const char *const[]){"she", "he", "her", "him", "his", NULL});
}

/* A personal pronoun in the same clause after q, within about a dozen words ("Georgia wants more funding,
 * and her senators ..." has it in the next clause). */
static bool pronoun_later(const uint8_t *s, size_t n, size_t q)
{
    for (size_t p = q, k = 0; p < n && k < 14; k++) {
        while (p < n && !pii_is_alpha(s[p])) {
            if (s[p] == '.' || s[p] == '!' || s[p] == '?' || s[p] == '\n' || s[p] == ';' || s[p] == ',')
                return false;
            p++;
        }
        size_t a = p;
        while (p < n && (pii_is_alpha(s[p]) || s[p] == '\''))
            p++;
        if (p > a && pronoun_word(s + a, p - a))
            return true;
    }
    return false;
}

/* Person evidence after a name that is also a word or a place, read from the clause it starts or the
 * pronoun that takes it up: "Florence, she turns 80", "Faith replied ... Her last message", "Sydney is
 * allergic to peanuts", "Austin needs a ride", "Georgia wants the list shared with her phone", "whether
 * Faith replied", "..., Grant drives", "Bill from the HOA emailed". */
bool pii_person_clause(const pii_scan *sc, size_t start, size_t end, bool place)
{
    static const char *const STATE[] = {"allergic", "asleep", "awake", "engaged", "expecting", "napping",
                                        "pregnant", "retiring", "sick", "teething", "vegan", "vegetarian", NULL};
    static const char *const HAS[] = {"gets", "got", "had", "has", "needs", "wants", NULL};
    static const char *const HUMAN[] = {"babysitter", "bath", "checkup", "diaper", "haircut", "hug",
                                        "lift", "nap", "playdate", "ride", "sitter", "tutor", NULL};
    static const char *const DOES[] = {"brings", "cooks", "drives", "picks", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, a, b, c, d;
    /* "Florence, she turns 80" */
    if (end + 2 < n && s[end] == ',' && word_after(s, n, end + 1, &a, &b) &&
        word_in(s + a, b - a, (const char *const[]){"she", "he", NULL}) && !(place && pii_place_preposition(sc, start)))
        return true;
    /* "... whether Faith replied about the trip? Her last message ...": the next sentence takes the name
     * up (not for a sentence's first word: "Can you check ...? Her ...") */
    if (!place && !sentence_start(s, start)) { /* places are "she" too: "We toured Florence. She is lovely" */
        size_t p = end;
        while (p < n && s[p] != '.' && s[p] != '!' && s[p] != '?' && s[p] != '\n' && p - end < 160)
            p++;
        if (p + 2 < n && s[p] != '\n' && s[p + 1] == ' ' && pii_is_upper(s[p + 2]) && word_after(s, n, p + 1, &a, &b) &&
            word_in(s + a, b - a, (const char *const[]){"she", "he", "her", "his", NULL}))
            return true;
    }
    if (!clause_start(s, start) || !word_after(s, n, end, &a, &b))
        return false;
    if (word_in(s + a, b - a, (const char *const[]){"is", "was", NULL}) && word_after(s, n, b, &c, &d) &&
        WORD_IN_SORTED(s + c, d - c, STATE))
        return true;
    /* "needs a ride to soccer", "has a nap." (not "needs a ride share program") */
    if (WORD_IN_SORTED(s + a, b - a, HAS) && word_after(s, n, b, &c, &d) &&
        word_in(s + c, d - c, (const char *const[]){"a", "an", "her", "his", NULL}) && word_after(s, n, d, &c, &d) &&
        WORD_IN_SORTED(s + c, d - c, HUMAN)) {
        size_t e, f;
        if (!word_after(s, n, d, &e, &f) ||
            word_in(s + e, f - e, (const char *const[]){"to", "from", "home", "at", "for", "on", "with", "after",
                                                        "before", "today", "tonight", "tomorrow", NULL}))
            return true;
    }
    /* "Grant drives", "Harmony cooks dinner" (not "Jordan drives a hard bargain") */
    if (WORD_IN_SORTED(s + a, b - a, DOES) &&
        !(word_after(s, n, b, &c, &d) && word_in(s + c, d - c, (const char *const[]){"a", "an", "the", "more", NULL})))
        return true;
    /* "Bill from the HOA emailed", "Kowalczyk from accounting needs" */
    if (pii_word_eq(s + a, b - a, "from")) {
        size_t q = b;
        for (unsigned k = 0; k < 3 && word_after(s, n, q, &c, &d); k++) {
            if (k > 0 && pii_person_verb_after(sc, q))
                return true;
            if (pii_is_upper(s[c]) && !(d - c <= 5 && pii_is_upper(s[d - 1])))
                return false; /* "from Nairobi": a place */
            q = d;
        }
        return pii_person_verb_after(sc, q);
    }
    /* "Georgia wants the grocery list shared with her phone" */
    return pii_person_verb_after(sc, end) && pronoun_later(s, n, b);
}

/* The verb that puts people on a rota or a thread, before "X", "X and", "X, Y and": "Put Okafor and
 * Lindqvist on the on-call rota", "Assign Nakamura to the ticket", "cc Haddad and Okonjo on the reply";
 * and a duty noun later in the clause. Firms and tools seldom stand there ("Move Grafana to the cluster"
 * has no duty noun). */
bool pii_rota_object(const pii_scan *sc, size_t start, size_t end)
{
    static const char *const VERB[] = {"add", "assign", "assigned", "bcc", "cc", "pair", "put", "roster",
                                       "rota", "schedule", "scheduled", "swap", "swapped", NULL};
    static const char *const DUTY[] = {"call", "calls", "duty", "oncall", "pager", "reply", "review",
                                       "reviewers", "roster", "rota", "rotation", "shift", "shifts", "standup",
                                       "thread", "ticket", "watch", NULL};
    const uint8_t *s = sc->s;
    size_t n = sc->n, ws, we, p = start;
    /* walk back over "Y and", "Y," (at most two other names) to the verb */
    for (unsigned k = 0; k < 3; k++) {
        if (!prev_word(s, p, 2, &ws, &we))
            return false;
        if (WORD_IN_SORTED(s + ws, we - ws, VERB))
            break;
        if (k == 2)
            return false;
        if (word_in(s + ws, we - ws, (const char *const[]){"and", "with", NULL})) {
            size_t vs, ve;
            if (!prev_word(s, ws, 1, &vs, &ve) || !pii_is_upper(s[vs]))
                return false;
            p = vs;
        } else if (pii_is_upper(s[ws]) && we < start && s[we] == ',') {
            p = ws;
        } else {
            return false;
        }
    }
    /* a duty noun in the rest of the clause */
    for (size_t q = end, k = 0; q < n && k < 10; k++) {
        while (q < n && !pii_is_alpha(s[q])) {
            if (s[q] == '.' || s[q] == '!' || s[q] == '?' || s[q] == '\n' || s[q] == ';')
                return false;
            q++;
        }
        size_t a = q;
        while (q < n && pii_is_alpha(s[q]))
            q++;
        if (q > a && WORD_IN_SORTED(s + a, q - a, DUTY))
            return true;
    }
    return false;
}
