/* Helpers shared by the recognizers: candidates, context words, and the code-aware precision rules. */
#include <string.h>

#include "alloc.h"
#include "pii.h"

void pii_add(pii_scan *sc, int32_t type, int32_t rec, size_t start, size_t end, double score,
             uint32_t evidence)
{
    if (sc->oom || start >= end || end > sc->n)
        return;
    if (sc->count == sc->cap) {
        size_t ncap = sc->cap == 0 ? 32 : sc->cap * 2;
        pii_cand *nc = sc_realloc(sc->det->ctx, sc->c, ncap * sizeof *nc);
        if (nc == NULL) {
            sc->oom = true;
            return;
        }
        sc->c = nc;
        sc->cap = ncap;
    }
    if (score < 0)
        score = 0;
    if (score > 1)
        score = 1;
    pii_cand *c = &sc->c[sc->count++];
    c->start = start;
    c->end = end;
    c->score = score;
    c->evidence = evidence;
    c->type = type;
    c->rec = rec;
}

void pii_run_once_slow(pii_once *o, void (*init)(void))
{
    while (atomic_flag_test_and_set_explicit(&o->busy, memory_order_acquire))
        ;
    if (!atomic_load_explicit(&o->done, memory_order_relaxed)) {
        init();
        atomic_store_explicit(&o->done, 1, memory_order_release);
    }
    atomic_flag_clear_explicit(&o->busy, memory_order_release);
}

void pii_suppress(pii_scan *sc, int32_t type, int32_t rec, size_t start, size_t end, uint32_t evidence)
{
    if (sc->explain)
        pii_add(sc, type, rec, start, end, 0.0, evidence | SANCTUM_EV_SUPPRESSED);
}

/* What may follow a stem marked '+' ("account+"): an English inflection or "number", not a derived word
 * ("accountant", "cardigan", "textbook" are other words). A stem marked '*' takes any ending: it is for
 * compounds and inflected languages (Kontonummer, телефону, chiamami). */
static const char *const INFLECTIONS[] = {"", "s", "es", "ed", "d", "ing", "er", "ers", "number", "numbers", NULL};

static bool inflection(const uint8_t *a, size_t n)
{
    for (size_t k = 0; INFLECTIONS[k] != NULL; k++)
        if (pii_word_eq(a, n, INFLECTIONS[k]))
            return true;
    return false;
}

/* Whether a[0..n) is the list entry w, whose first byte is a's first byte lowered. */
static bool entry_matches(const uint8_t *a, size_t n, const char *w)
{
    if (n > 1 && w[1] != '\0' && w[1] != '*' && w[1] != '+' && (uint8_t)w[1] != pii_lower(a[1]))
        return false; /* most entries end at the second byte: no strlen for them */
    size_t wl = strlen(w);
    if (wl > 0 && w[wl - 1] == '+') {
        wl--;
        size_t i = 0;
        while (i < wl && i < n && pii_lower(a[i]) == (uint8_t)w[i])
            i++;
        return i == wl && inflection(a + wl, n - wl);
    }
    if (wl > 0 && w[wl - 1] == '*') {
        wl--;
        if (n < wl)
            return false;
        size_t i = 0;
        while (i < wl && pii_lower(a[i]) == (uint8_t)w[i])
            i++;
        return i == wl;
    }
    return n == wl && pii_word_eq(a, n, w);
}

/* Context word lists by first byte, made on a list's first use and found again by its address: a word is
 * compared only with the entries of its first letter (in list order), not with the whole list, which was
 * the cost of the number recognizers' context tests. Built under a spin flag, published with release
 * stores, read without a lock. When the table or the pool is full, lists are read whole as before. */
enum { LIST_INDEXES = 64, LIST_POOL = 4096 };
typedef struct list_index {
    uint16_t start[257]; /* entries of first byte c: pool[start[c] .. start[c + 1]) */
    uint32_t second[256]; /* the second bytes of those entries (second_bit) */
} list_index;

/* An entry's second byte as a mask bit: a letter's own bit, bit 26 for another byte, and every bit for an
 * entry that may match whatever follows its first byte (one letter, or '*' or '+' next). entry_matches turns
 * a word away unless the entry's second byte equals the word's, lowered: a word whose bit is not in the mask
 * of the entries it meets matches none of them. */
static uint32_t entry_second_mask(const char *w)
{
    uint8_t c = (uint8_t)w[1];
    if (c == '\0' || c == '*' || c == '+')
        return ~0u;
    return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 1u << 26;
}

static inline bool second_may_match(uint32_t mask, const uint8_t *a, size_t n)
{
    if (n < 2)
        return true;
    uint8_t c = pii_lower(a[1]);
    unsigned bit = c >= 'a' && c <= 'z' ? (unsigned)(c - 'a') : 26u;
    return (mask >> bit & 1u) != 0;
}
static list_index list_indexes[LIST_INDEXES];
static const char *const *_Atomic list_keys[LIST_INDEXES];
static const char *list_pool[LIST_POOL];
static size_t list_pool_used;
static atomic_flag list_building = ATOMIC_FLAG_INIT;

static uint32_t list_slot(const char *const *words) { return (uint32_t)(((uintptr_t)words >> 3) * 2654435761u) >> 26; }

/* Builds the index of `words` in slot i (under list_building); false when the pool is full. */
static bool build_list_index(uint32_t i, const char *const *words)
{
    size_t count = 0, per[256] = {0};
    for (; words[count] != NULL; count++)
        per[(uint8_t)words[count][0]]++;
    if (list_pool_used + count > LIST_POOL)
        return false;
    list_index *x = &list_indexes[i];
    size_t at = list_pool_used;
    for (unsigned c = 0; c < 256; c++) {
        x->start[c] = (uint16_t)at;
        at += per[c];
    }
    x->start[256] = (uint16_t)at;
    size_t fill[256];
    for (unsigned c = 0; c < 256; c++)
        fill[c] = x->start[c];
    memset(x->second, 0, sizeof x->second);
    for (size_t k = 0; k < count; k++) {
        list_pool[fill[(uint8_t)words[k][0]]++] = words[k];
        x->second[(uint8_t)words[k][0]] |= entry_second_mask(words[k]);
    }
    list_pool_used += count;
    return true;
}

/* The index of a NUL-terminated word list, or NULL (then the list is read whole). */
static const list_index *index_of(const char *const *words)
{
    uint32_t h = list_slot(words);
    for (uint32_t k = 0; k < LIST_INDEXES; k++) {
        uint32_t i = (h + k) & (LIST_INDEXES - 1);
        const char *const *key = atomic_load_explicit(&list_keys[i], memory_order_acquire);
        if (key == words)
            return &list_indexes[i];
        if (key == NULL)
            break;
    }
    const list_index *found = NULL;
    while (atomic_flag_test_and_set_explicit(&list_building, memory_order_acquire))
        ;
    for (uint32_t k = 0; k < LIST_INDEXES; k++) {
        uint32_t i = (h + k) & (LIST_INDEXES - 1);
        const char *const *key = atomic_load_explicit(&list_keys[i], memory_order_relaxed);
        if (key == words) {
            found = &list_indexes[i];
            break;
        }
        if (key == NULL) {
            if (k + 1 < LIST_INDEXES && build_list_index(i, words)) { /* one slot stays empty */
                atomic_store_explicit(&list_keys[i], words, memory_order_release);
                found = &list_indexes[i];
            }
            break;
        }
    }
    atomic_flag_clear_explicit(&list_building, memory_order_release);
    return found;
}

static bool word_matches(const uint8_t *a, size_t n, const char *const *words)
{
    uint8_t c0 = n > 0 ? pii_lower(a[0]) : 0;
    for (size_t k = 0; words[k] != NULL; k++)
        if ((uint8_t)words[k][0] == c0 && entry_matches(a, n, words[k]))
            return true;
    return false;
}

static bool indexed_matches(const uint8_t *a, size_t n, const list_index *x)
{
    uint8_t c0 = n > 0 ? pii_lower(a[0]) : 0;
    if (!second_may_match(x->second[c0], a, n))
        return false;
    for (size_t k = x->start[c0]; k < x->start[c0 + 1]; k++)
        if (entry_matches(a, n, list_pool[k]))
            return true;
    return false;
}

/* Context words are letters, ASCII or not ("numéro", "電話番号は" are one word each). */
static bool ctx_byte(uint8_t c) { return pii_is_alpha(c) || c >= 0x80; }

static bool context_scan(const pii_scan *sc, size_t pos, bool before, unsigned max_words, size_t max_bytes,
                         const char *const *words, const char *const *const *by_byte);

bool pii_context(const pii_scan *sc, size_t pos, bool before, unsigned max_words, size_t max_bytes,
                 const char *const *words)
{
    return context_scan(sc, pos, before, max_words, max_bytes, words, NULL);
}

bool pii_context_by_byte(const pii_scan *sc, size_t pos, bool before, unsigned max_words, size_t max_bytes,
                         const char *const *const *by_byte)
{
    return context_scan(sc, pos, before, max_words, max_bytes, NULL, by_byte);
}

/* The second bytes of PII_PHONE_WORDS' entries by first byte (the one by-byte table the recognizers pass). */
static uint32_t phone_second[256];
static pii_once phone_seconds_built = PII_ONCE_INIT;

static void build_phone_seconds(void)
{
    for (unsigned c = 0; c < 256; c++)
        for (const char *const *l = PII_PHONE_WORDS[c]; l != NULL && *l != NULL; l++)
            phone_second[c] |= entry_second_mask(*l);
}

/* The list to compare a word with: the whole list, or the entries of its first byte. */
static bool matches(const uint8_t *a, size_t n, const char *const *words, const char *const *const *by_byte,
                    const list_index *x)
{
    if (x != NULL)
        return indexed_matches(a, n, x);
    if (by_byte == NULL)
        return word_matches(a, n, words);
    const char *const *l = n > 0 ? by_byte[pii_lower(a[0])] : NULL;
    if (l == NULL)
        return false;
    if (by_byte == PII_PHONE_WORDS) {
        pii_run_once(&phone_seconds_built, build_phone_seconds);
        if (!second_may_match(phone_second[pii_lower(a[0])], a, n))
            return false;
    }
    return word_matches(a, n, l);
}

/* A "word" of dashes, bullets, quotes or ellipses (U+2000-U+203F, the Latin-1 signs U+00A0-U+00BF) is
 * punctuation, not a word: "contact Dana Levi-Cohen — 04-8123456" has the phone word three words away. */
static bool punct_only(const uint8_t *w, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (i + 3 <= n && w[i] == 0xE2 && w[i + 1] == 0x80)
            i += 3;
        else if (i + 2 <= n && w[i] == 0xC2 && w[i + 1] >= 0xA0 && w[i + 1] <= 0xBF && w[i + 1] != 0xAA &&
                 w[i + 1] != 0xB5 && w[i + 1] != 0xBA)
            i += 2;
        else
            return false;
    }
    return n > 0;
}

static bool context_scan(const pii_scan *sc, size_t pos, bool before, unsigned max_words, size_t max_bytes,
                         const char *const *words, const char *const *const *by_byte)
{
    const uint8_t *s = sc->s;
    unsigned seen = 0;
    const list_index *x = by_byte == NULL ? index_of(words) : NULL;
    if (before) {
        size_t lim = pos > max_bytes ? pos - max_bytes : 0;
        size_t p = pos;
        while (p > lim && seen < max_words) {
            while (p > lim && !ctx_byte(s[p - 1]))
                p--;
            size_t we = p;
            while (p > lim && ctx_byte(s[p - 1]))
                p--;
            if (we == p)
                break;
            if (matches(s + p, we - p, words, by_byte, x))
                return true;
            seen += !punct_only(s + p, we - p);
        }
    } else {
        size_t lim = pos + max_bytes < sc->n ? pos + max_bytes : sc->n;
        size_t p = pos;
        while (p < lim && seen < max_words) {
            while (p < lim && !ctx_byte(s[p]))
                p++;
            size_t ws = p;
            while (p < lim && ctx_byte(s[p]))
                p++;
            if (ws == p)
                break;
            if (matches(s + ws, p - ws, words, by_byte, x))
                return true;
            seen += !punct_only(s + ws, p - ws);
        }
    }
    return false;
}

static bool has_at(const uint8_t *s, size_t n, size_t i, const char *lit)
{
    size_t l = strlen(lit);
    return i + l <= n && memcmp(s + i, lit, l) == 0;
}

/* "@Femi the agent is yours", "@Siddharth @Maeve standup moved": a capitalized word after an "@" that
 * opens a line (or follows another mention there) is a chat mention addressed to someone, not an
 * identifier; inside a sentence ("ping @Sarah") it stays a handle. At most MENTIONS_BACK mentions are
 * walked back (a longer row of them is taken for mentions): each mention of a line is asked, so an
 * unbounded walk made a line of n mentions cost n^2 (1 MiB of "@Maeve\t" took minutes). */
enum { MENTIONS_BACK = 32 };
bool pii_mention_start(const uint8_t *s, size_t n, size_t start)
{
    if (start < 1 || s[start - 1] != '@' || start + 1 >= n || !pii_is_upper(s[start]) || !pii_is_lower(s[start + 1]))
        return false;
    size_t p = start - 1;
    for (unsigned k = 0; k <= MENTIONS_BACK; k++) {
        while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t'))
            p--;
        if (p == 0 || s[p - 1] == '\n')
            return true;
        /* another mention before it: "@Siddharth @Maeve" */
        size_t q = p;
        while (q > 0 && p - q <= 40 && (pii_is_alpha(s[q - 1]) || s[q - 1] >= 0x80))
            q--;
        if (q == p || q == 0 || s[q - 1] != '@' || p - q > 40)
            return false;
        p = q - 1;
    }
    return true;
}

/* The last value of a JSON object ({"ssn": 219099999}): a key's closing quote and a colon before it. A brace
 * after any other number is a placeholder or code ("{0}", "${1234}"). */
static bool json_value(const uint8_t *s, size_t start)
{
    size_t p = start;
    if (p > 0 && s[p - 1] == '"')
        p--; /* {"ssn": "219099999"} */
    while (p > 0 && start - p < 4 && s[p - 1] == ' ')
        p--;
    return p > 1 && s[p - 1] == ':' && s[p - 2] == '"';
}

bool pii_in_code(const pii_scan *sc, size_t start, size_t end, const char **why)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* the whitespace-delimited chunk around the span (bounded) */
    size_t cs = start;
    while (cs > 0 && !pii_is_space(s[cs - 1]) && start - cs < 512)
        cs--;
    size_t ce = end;
    while (ce < n && !pii_is_space(s[ce]) && ce - end < 512)
        ce++;
    /* strip opening punctuation of the chunk, and the escaped quotes of a JSON document inside a JSON
     * string ({"content": "{\"phone\": \"+44 ...\"}"}: a tool result is no Windows path) */
    for (;;) {
        if (cs < start && (s[cs] == '(' || s[cs] == '[' || s[cs] == '<' || s[cs] == '"' || s[cs] == '\'' ||
                           s[cs] == '`' || s[cs] == '{'))
            cs++;
        else if (cs + 1 < start && s[cs] == '\\' && (s[cs + 1] == '"' || s[cs + 1] == '\''))
            cs += 2;
        else
            break;
    }
    for (size_t i = cs; i + 2 < start; i++)
        if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/') {
            *why = "url";
            return true;
        }
    if (has_at(s, n, cs, "www.") && cs < start) {
        *why = "url";
        return true;
    }
    if (cs < start && (s[cs] == '/' || s[cs] == '\\' || has_at(s, n, cs, "~/") || has_at(s, n, cs, "./") ||
                       has_at(s, n, cs, "../") ||
                       (cs + 2 < start && pii_is_alpha(s[cs]) && s[cs + 1] == ':' && s[cs + 2] == '\\'))) {
        *why = "path";
        return true;
    }
    uint8_t b = start > 0 ? s[start - 1] : ' ';
    uint8_t a = end < n ? s[end] : ' ';
    uint8_t a2 = end + 1 < n ? s[end + 1] : ' ';
    uint8_t b2 = start > 1 ? s[start - 2] : ' ';
    /* the bytes the tests below look for right before (bit 1) and right after (bit 2) the span: most spans
     * have a space or plain punctuation on both sides and leave on two loads */
    static const uint8_t NEAR[256] = {['/'] = 3, ['\\'] = 3, ['_'] = 3, ['.'] = 3, [':'] = 3, ['`'] = 3,
                                      ['>'] = 1, ['$'] = 1, ['#'] = 1, ['@'] = 1, ['{'] = 1,
                                      ['-'] = 2, ['('] = 2, ['['] = 2, ['}'] = 2};
    if (!(NEAR[b] & 1u) && !(NEAR[a] & 2u))
        return false;
    /* round 15: a literal escape after the span ("...@example.pt\\t+351 ...", a repr or a log line) is no path */
    bool escape_after = a == '\\' && (a2 == 't' || a2 == 'n' || a2 == 'r') && (end + 2 >= n || !pii_is_lower(s[end + 2]));
    if (b == '/' || b == '\\' || ((a == '/' || a == '\\') && !escape_after && !pii_is_space(a2) && a2 != '"' && a2 != '\'')) {
        *why = "path";
        return true;
    }
    if (b == '_' || a == '_' || (a == '.' && (pii_is_alnum(a2) || a2 == '_')) ||
        (b == '.' && (pii_is_alnum(b2) || b2 == '_' || b2 == ')')) || (b == ':' && b2 == ':') ||
        (a == ':' && a2 == ':') || (b == '>' && b2 == '-') || (a == '-' && a2 == '>') || b == '$' || (b == '#' && pii_is_alpha(s[start])) ||
        (b == '@' && !pii_mention_start(s, n, start)) || a == '(' || a == '[' || b == '`' || a == '`' || b == '{' ||
        (a == '}' && !json_value(s, start))) {
        *why = "identifier";
        return true;
    }
    return false;
}

static const char *const NEGATIVE_WORDS[] = {
    "order", "orders", "invoice", "inv", "tracking", "track", "ticket", "ref", "reference", "confirmation",
    "conf", "id", "ids", "sku", "serial", "sn", "part", "model", "build", "issue", "pr", "bug", "case",
    "booking", "reservation", "shipment", "parcel", "package", "transaction", "txn", "receipt", "po",
    "item", "product", "version", "ver", "pid", "port", "uid", "gid", "isbn", "imei", "iccid", "commit",
    "sha", "hash", "job", "run", "row", "record", "request", "req", "session", "trace", "span", "batch",
    "timestamp", "epoch", "ms", "ns", "bytes", "size", "count", "total", "amount", "qty", "quantity",
    "price", "cost", "usd", "eur", "page", "pages", "step", "passcode", "pin", "otp", "mtcn", "code",
    /* numbers of companies and goods: D&B's DUNS, the EAN/UPC/GTIN barcodes (an EAN-13 can pass Luhn) */
    "duns", "ean", "upc", "gtin", "barcode", "barcodes",
    /* the same in the languages whose phone words rec_phone_nanp.c lists ("numer", "numara", "nomor" ...) */
    "zam\xc3\xb3wieni*", "faktur*", "przesy\xc5\x82k*", "paczk*", "przelew*", "kwota", "pedido*", "factura*",
    "fatura*", "encomenda*", "importe", "sipari\xc5\x9f*", "kargo*", "tutar*", "pesanan", "resi", "tagihan", "rekening",
    "invois", "bestellung*", "rechnung*", "sendung*", "betrag", "commande*", "facture*", "colis", "montant",
    "bestelling*", "factuur", "bedrag", "ordine", "fattura", "importo",
    "\xcf\x80\xce\xb1\xcf\x81\xce\xb1\xce\xb3\xce\xb3\xce\xb5\xce\xbb\xce\xaf*", /* παραγγελί */
    "\xce\xa0\xce\xb1\xcf\x81\xce\xb1\xce\xb3\xce\xb3\xce\xb5\xce\xbb\xce\xaf*", /* Παραγγελί (round 15) */
    "\xd0\xbf\xd0\xbe\xd1\x80\xd1\x8a\xd1\x87\xd0\xba*",                 /* поръчк */
    "\xd0\xb7\xd0\xb0\xd0\xba\xd0\xb0\xd0\xb7*",                          /* заказ */
    /* round 15: the Arabic invoice, order, reference and account after "رقم" (number): الفاتورة فاتورة الطلب
     * المرجع* مرجع* الحساب */
    "\xd8\xa7\xd9\x84\xd9\x81\xd8\xa7\xd8\xaa\xd9\x88\xd8\xb1\xd8\xa9", "\xd9\x81\xd8\xa7\xd8\xaa\xd9\x88\xd8\xb1\xd8\xa9",
    "\xd8\xa7\xd9\x84\xd8\xb7\xd9\x84\xd8\xa8", "\xd8\xa7\xd9\x84\xd9\x85\xd8\xb1\xd8\xac\xd8\xb9*",
    "\xd9\x85\xd8\xb1\xd8\xac\xd8\xb9*", "\xd8\xa7\xd9\x84\xd8\xad\xd8\xb3\xd8\xa7\xd8\xa8",
    NULL};

bool pii_negative_context(const pii_scan *sc, size_t start, size_t end)
{
    (void)end;
    const uint8_t *s = sc->s;
    size_t p = start;
    while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == ':'))
        p--;
    if (p > 0 && s[p - 1] == '#')
        return true;
    /* an order word before another number belongs to that number: "Order 12, SSN 219-09-9999" */
    size_t q = start;
    while (q > 0 && start - q < 28 && !pii_is_digit(s[q - 1]) && s[q - 1] != ')')
        q--; /* round 15: a parenthesis that closed holds its own words ("(Lee Price), 536-22-1947") */
    /* "the order number is 4155550123": the copula pushes the order word one word further */
    static const char *const IS[] = {"is", "was", "are", NULL};
    unsigned words = pii_context(sc, start, true, 1, 8, IS) ? 3 : 2;
    return pii_context(sc, start, true, words, start - q, NEGATIVE_WORDS);
}

/* The UTF-8 length of an invisible format character at s[i] (0 if none): U+00A0 (no-break space), U+202F
 * (narrow no-break space) and every format character of Unicode 14 (general category Cf): soft hyphen,
 * zero-width spaces and joiners, bidi marks, embeddings and isolates (U+200E, U+202A-U+202E,
 * U+2066-U+2069, U+061C), invisible operators, BOM, interlinear annotation, the Arabic and Kaithi number
 * signs and the tag characters. Chat exports wrap numbers in these ("\u202a+27 82 555 0193\u202c"). */
static size_t format_char(const uint8_t *s, size_t n, size_t i, bool *joiner)
{
    static const struct { uint32_t lo, hi; } CF[] = {
        {0x00A0, 0x00A0}, {0x00AD, 0x00AD}, {0x0600, 0x0605}, {0x061C, 0x061C}, {0x06DD, 0x06DD},
        {0x070F, 0x070F}, {0x0890, 0x0891}, {0x08E2, 0x08E2}, {0x180E, 0x180E}, {0x200B, 0x200F},
        {0x202A, 0x202F}, {0x2060, 0x2064}, {0x2066, 0x206F}, {0xFEFF, 0xFEFF}, {0xFFF9, 0xFFFB},
        {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x13438}, {0x1BCA0, 0x1BCA3},
        {0x1D173, 0x1D17A}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F},
    };
    uint8_t c = s[i];
    size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (l == 0 || i + l > n)
        return 0;
    if (c == 0xE2 && s[i + 1] == 0x80 && s[i + 2] >= 0x90 && s[i + 2] < 0xAA)
        return 0; /* dashes and typographic quotes (U+2010-U+2029), the common case of this lead byte */
    if (c == 0xC2 && s[i + 1] != 0xA0 && s[i + 1] != 0xAD)
        return 0;
    uint32_t cp = c & (l == 2 ? 0x1Fu : l == 3 ? 0x0Fu : 0x07u);
    for (size_t k = 1; k < l; k++)
        cp = (cp << 6) | (s[i + k] & 0x3Fu);
    for (size_t k = 0; k < sizeof CF / sizeof CF[0] && cp >= CF[k].lo; k++)
        if (cp <= CF[k].hi) {
            /* soft hyphen, zero-width non-joiner and joiner, word joiner, invisible operators: inside a word
             * they join ("jo\u00adhn@example.com" is one address); zero-width and no-break spaces separate */
            *joiner = cp == 0x00AD || cp == 0x200C || cp == 0x200D || (cp >= 0x2060 && cp <= 0x2064);
            return l;
        }
    return 0;
}

/* A letter of a word on either side of a joiner: ASCII letters and any byte of a non-ASCII character. */
static bool word_letter(uint8_t c) { return pii_is_alpha(c) || c >= 0x80; }

/* The lead bytes of the characters format_char takes (a cheap first test). */
static inline bool format_lead(uint8_t c)
{
    return c == 0xC2 || c == 0xD8 || c == 0xDB || c == 0xDC || c == 0xE0 || c == 0xE1 || c == 0xE2 ||
           c == 0xEF || c == 0xF0 || c == 0xF3;
}

/* A Unicode dash between two digits (hyphen and figure dash to horizontal bar U+2010-U+2015, minus sign U+2212,
 * small and fullwidth hyphen-minus U+FE63, U+FF0D) is written where '-' is meant ("my SSN = 219–09–9999", a
 * word processor's "0170–5523–8841"): the number recognizers read it as '-' (three bytes: '-' and two fillers). */
static bool digit_dash(const uint8_t *s, size_t n, size_t i)
{
    if (i == 0 || i + 3 >= n || !pii_is_digit(s[i - 1]) || !pii_is_digit(s[i + 3]))
        return false;
    return (s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] >= 0x90 && s[i + 2] <= 0x95) ||
           (s[i] == 0xE2 && s[i + 1] == 0x88 && s[i + 2] == 0x92) || (s[i] == 0xEF && s[i + 1] == 0xB9 && s[i + 2] == 0xA3) ||
           (s[i] == 0xEF && s[i + 1] == 0xBC && s[i + 2] == 0x8D);
}

sanctum_status pii_blank_format_chars(sanctum_ctx *ctx, const uint8_t *s, size_t n, size_t from, uint8_t **out)
{
    *out = NULL;
    size_t first = n;
    for (size_t i = pii_skip_ascii(s, from, n); i < n && first == n; i = pii_skip_ascii(s, i + 1, n)) {
        bool joiner;
        if ((format_lead(s[i]) && format_char(s, n, i, &joiner) > 0) || ((s[i] == 0xE2 || s[i] == 0xEF) && digit_dash(s, n, i)))
            first = i;
    }
    if (first == n)
        return SANCTUM_OK;
    uint8_t *b = sc_alloc(ctx, n, SC_ALLOC_SECRET);
    if (b == NULL)
        return SANCTUM_E_NOMEM;
    memcpy(b, s, n);
    for (size_t i = first; i < n;) {
        if (s[i] < 0xC2) {
            i++; /* ASCII and continuation bytes: no format character or dash starts here */
            continue;
        }
        if ((s[i] == 0xE2 || s[i] == 0xEF) && digit_dash(s, n, i)) {
            b[i] = '-';
            b[i + 1] = b[i + 2] = PII_FILLER;
            i += 3;
            continue;
        }
        bool joiner = false;
        size_t l = format_lead(s[i]) ? format_char(s, n, i, &joiner) : 0;
        if (l == 0) {
            i++;
            continue;
        }
        if (joiner && i > 0 && word_letter(s[i - 1]) && i + l < n && word_letter(s[i + l])) {
            i += l; /* left as it is: part of the word */
            continue;
        }
        /* one space, unless a space is already beside it: then it vanishes */
        bool spaced = (i > 0 && (pii_is_space(b[i - 1]) || b[i - 1] == PII_FILLER)) ||
                      (i + l < n && pii_is_space(s[i + l]));
        memset(b + i, PII_FILLER, l);
        if (!spaced)
            b[i] = ' ';
        i += l;
    }
    *out = b;
    return SANCTUM_OK;
}

bool pii_line_has_word(const uint8_t *s, size_t n, size_t start, size_t end, bool (*is)(const uint8_t *, size_t))
{
    return pii_line_has_word_ex(s, n, start, end, is, false);
}

void pii_line_bounds(const uint8_t *s, size_t n, size_t start, size_t end, size_t reach, size_t *lo, size_t *hi)
{
    size_t a = start, b = end;
    while (a > 0 && start - a < reach && s[a - 1] != '\n')
        a--;
    while (b < n && b - end < reach && s[b] != '\n')
        b++;
    *lo = a;
    *hi = b;
}

bool pii_line_has_word_ex(const uint8_t *s, size_t n, size_t start, size_t end, bool (*is)(const uint8_t *, size_t),
                          bool skip_domains)
{
    size_t a = 0, b = 0;
    pii_line_bounds(s, n, start, end, 160, &a, &b);
    /* whole words only: a window edge inside a word reads a part of it ("un|democratic", "wizard|ry") */
    while (a > 0 && a < start && pii_is_alpha(s[a - 1]) && pii_is_alpha(s[a]))
        a++;
    while (b < n && b > end && pii_is_alpha(s[b]) && pii_is_alpha(s[b - 1]))
        b--;
    for (size_t p = a; p < b;) {
        if (!pii_is_alpha(s[p])) {
            p++;
            continue;
        }
        size_t q = p;
        while (q < b && pii_is_alpha(s[q]))
            q++;
        bool in_domain = skip_domains && ((p > 0 && (s[p - 1] == '.' || s[p - 1] == '@')) ||
                                          (q + 1 < n && s[q] == '.' && pii_is_alpha(s[q + 1])));
        if ((p < start || p >= end) && !in_domain && is(s + p, q - p))
            return true;
        p = q;
    }
    return false;
}
