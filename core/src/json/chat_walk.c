/* The mechanics of the chat walk: paths, scan entries, leaf scans, JSON held in strings. */
#include <string.h>

#include "alloc.h"
#include "chat.h"
#include "error.h"

static bool grow(chat_walker *w, void **p, size_t *cap, size_t need, size_t elem, unsigned flags)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap < 16 ? 16 : *cap;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem) {
            w->st = sc_error(w->err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "chat document too large");
            return false;
        }
        ncap *= 2;
    }
    void *np = *p == NULL ? sc_alloc(w->doc->ctx, ncap * elem, flags) : sc_realloc(w->doc->ctx, *p, ncap * elem);
    if (np == NULL) {
        w->st = sc_error_nomem(w->err);
        return false;
    }
    *p = np;
    *cap = ncap;
    return true;
}

void chat_path_raw(chat_walker *w, const char *s, size_t n)
{
    if (w->st != SANCTUM_OK || !grow(w, (void **)&w->path, &w->pcap, w->plen + n + 1, 1, SC_ALLOC_SECRET))
        return;
    memcpy(w->path + w->plen, s, n);
    w->plen += n;
    w->path[w->plen] = '\0';
}

static bool ident_like(const uint8_t *s, size_t n)
{
    if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_' ||
              (s[i] >= '0' && s[i] <= '9')))
            return false;
    return true;
}

void chat_path_key(chat_walker *w, uint32_t key)
{
    size_t n;
    const uint8_t *raw = sc_json_str_raw(w->j, key, &n);
    if (!(w->j->tok[key].flags & SC_JF_ESCAPES) && ident_like(raw, n)) {
        chat_path_raw(w, ".", 1);
        chat_path_raw(w, (const char *)raw, n);
        return;
    }
    /* the decoded key: .name when it is identifier-like, else ["..."] re-encoded minimally */
    uint8_t *dec = sc_alloc(w->doc->ctx, n + 1, SC_ALLOC_SECRET);
    if (dec == NULL) {
        w->st = sc_error_nomem(w->err);
        return;
    }
    size_t dn = sc_json_decode(raw, n, dec);
    if (ident_like(dec, dn)) {
        chat_path_raw(w, ".", 1);
        chat_path_raw(w, (const char *)dec, dn);
        sc_free(dec);
        return;
    }
    sc_json_style st = {0};
    size_t en = sc_json_encoded_len(dec, dn, &st);
    uint8_t *enc = sc_alloc(w->doc->ctx, en + 1, SC_ALLOC_SECRET);
    if (enc == NULL) {
        sc_free(dec);
        w->st = sc_error_nomem(w->err);
        return;
    }
    sc_json_encode(dec, dn, &st, enc);
    chat_path_raw(w, "[\"", 2);
    chat_path_raw(w, (const char *)enc, en);
    chat_path_raw(w, "\"]", 2);
    sc_free(enc);
    sc_free(dec);
}

void chat_path_index(chat_walker *w, uint32_t index)
{
    /* by hand, not snprintf: one call per array element, and a 1 MiB request has thousands of messages */
    char buf[16];
    size_t n = sizeof buf;
    buf[--n] = ']';
    do
        buf[--n] = (char)('0' + index % 10);
    while ((index /= 10) != 0);
    buf[--n] = '[';
    chat_path_raw(w, buf + n, sizeof buf - n);
}

/* A number worth a look without a key: an integer of 9 to 19 digits (card, phone, bank and SSN
 * lengths); amounts, counts, flags and timestamps in milliseconds of 13 digits are looked at too,
 * the detector's validators decide. */
static bool number_shaped(const uint8_t *s, size_t n)
{
    if (n < 9 || n > 19)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

void chat_add(chat_walker *w, uint32_t tok, int32_t role, int32_t kind)
{
    chat_add_keyed(w, tok, role, kind, -1);
}

void chat_add_keyed(chat_walker *w, uint32_t tok, int32_t role, int32_t kind, int32_t key_type)
{
    if (w->st != SANCTUM_OK)
        return;
    uint8_t ty = w->j->tok[tok].type;
    bool number = false;
    if (ty == SC_JT_NUMBER && (w->flags & SANCTUM_CHAT_NUMBERS)) {
        const uint8_t *ns = w->j->src + w->j->tok[tok].start;
        number = key_type >= 0 || number_shaped(ns, w->j->tok[tok].len);
    }
    if (ty != SC_JT_STRING && !number)
        return;
    sanctum_chat_doc *d = w->doc;
    size_t n;
    const uint8_t *raw;
    if (number) {
        raw = w->j->src + w->j->tok[tok].start;
        n = w->j->tok[tok].len;
    } else {
        raw = sc_json_str_raw(w->j, tok, &n);
    }
    bool esc = (w->j->tok[tok].flags & SC_JF_ESCAPES) != 0;
    if (!grow(w, (void **)&d->e, &d->cape, d->ne + 1, sizeof *d->e, 0) ||
        !grow(w, (void **)&d->paths, &d->paths_cap, d->paths_len + w->plen + 1, 1, SC_ALLOC_SECRET))
        return;
    chat_entry *e = &d->e[d->ne++];
    memset(e, 0, sizeof *e);
    e->sub = w->sub;
    e->tok = tok;
    e->role = role;
    e->kind = kind;
    e->number = number;
    e->key_type = key_type;
    if (esc) { /* decoded after the walk, into one wiped arena of the exact size (chat_decode_texts) */
        e->text_off = d->text_len;
        d->text_len += sc_json_decoded_len(raw, n);
    } else { /* no escapes: the raw bytes are the value; borrow them (no copy of personal data) */
        e->text_ptr = raw;
        e->text_len = n;
    }
    e->path_off = d->paths_len;
    e->path_len = w->plen;
    if (w->plen != 0)
        memcpy(d->paths + d->paths_len, w->path, w->plen);
    d->paths_len += w->plen;
    d->paths[d->paths_len++] = '\0';
}

static bool is_base64_data_url(const sc_json_doc *j, uint32_t tok)
{
    size_t n;
    const uint8_t *raw = sc_json_str_raw(j, tok, &n);
    if (n < 5 || memcmp(raw, "data:", 5) != 0)
        return false;
    size_t lim = n < 256 ? n : 256; /* the media type comes first */
    for (size_t i = 5; i + 8 <= lim; i++) {
        if (raw[i] == ',')
            return false;
        if (memcmp(raw + i, ";base64,", 8) == 0)
            return true;
    }
    return false;
}

void chat_opaque(chat_walker *w, uint32_t tok)
{
    if ((w->flags & SANCTUM_CHAT_REFUSE_ATTACHMENTS) == 0 || w->st != SANCTUM_OK)
        return;
    /* in JSON held in a string (tool arguments): the offset of that string in the request */
    uint64_t off = w->sub == 0 ? (uint64_t)w->j->tok[tok].start
                               : (uint64_t)w->doc->json.tok[w->doc->subs[w->sub - 1].outer_tok].start;
    w->st = sc_error(w->err, SANCTUM_E_UNSUPPORTED, off, "base64 attachment: its content cannot be scanned");
}

void chat_url(chat_walker *w, uint32_t tok, int32_t role)
{
    if (w->j->tok[tok].type != SC_JT_STRING)
        return;
    if (is_base64_data_url(w->j, tok))
        chat_opaque(w, tok);
    else
        chat_add(w, tok, role, SANCTUM_CHAT_KIND_URL);
}

/* Whether a leaf scan adds string tok: a base64 data URL is refused (SANCTUM_CHAT_REFUSE_ATTACHMENTS)
 * wherever it sits, else left alone by a non-strict scan. */
static bool leaf_string_scanned(chat_walker *w, uint32_t tok, bool strict)
{
    if (!is_base64_data_url(w->j, tok))
        return true;
    chat_opaque(w, tok);
    return strict && w->st == SANCTUM_OK;
}

/* Keys whose values a non-strict leaf scan leaves alone: enum tags, ids, signatures, opaque data. */
static bool skip_key(const sc_json_doc *j, uint32_t k)
{
    uint8_t buf[64];
    size_t n = sc_json_str_small(j, k, buf, sizeof buf);
    if (n == SIZE_MAX)
        return false;
#define IS(lit) (n == sizeof(lit) - 1 && memcmp(buf, lit, n) == 0)
    if (IS("type") || IS("id") || IS("signature") || IS("encrypted_content") || IS("encrypted_index") ||
        IS("obfuscation") || IS("cache_control") || IS("object") || IS("status") || IS("role") ||
        IS("media_type") || IS("logprobs"))
        return true;
    if (n > 3 && memcmp(buf + n - 3, "_id", 3) == 0 && !IS("user_id"))
        return true;
#undef IS
    return false;
}

/* Key words naming personal data, compared on the key folded by fold_key. EXACT entries must be the
 * whole key; the others may also end it ("billingPhone", "customer_email", "home_phone_number"). */
typedef struct key_word {
    const char *word;
    int32_t type;
    bool exact;
} key_word;

static const key_word KEY_WORDS[] = {
    {"ssn", SANCTUM_ENTITY_US_SSN, false}, {"socialsecurity", SANCTUM_ENTITY_US_SSN, false},
    {"socialsecuritynumber", SANCTUM_ENTITY_US_SSN, false}, {"socialsecurityno", SANCTUM_ENTITY_US_SSN, false},
    {"phone", SANCTUM_ENTITY_PHONE_NUMBER, false}, {"phonenumber", SANCTUM_ENTITY_PHONE_NUMBER, false},
    {"phoneno", SANCTUM_ENTITY_PHONE_NUMBER, false}, {"mobile", SANCTUM_ENTITY_PHONE_NUMBER, false},
    {"mobilenumber", SANCTUM_ENTITY_PHONE_NUMBER, false}, {"mobilephone", SANCTUM_ENTITY_PHONE_NUMBER, false},
    {"cellphone", SANCTUM_ENTITY_PHONE_NUMBER, false}, {"cell", SANCTUM_ENTITY_PHONE_NUMBER, true},
    {"telephone", SANCTUM_ENTITY_PHONE_NUMBER, false}, {"tel", SANCTUM_ENTITY_PHONE_NUMBER, true},
    {"fax", SANCTUM_ENTITY_PHONE_NUMBER, true},
    {"email", SANCTUM_ENTITY_EMAIL_ADDRESS, false}, {"emailaddress", SANCTUM_ENTITY_EMAIL_ADDRESS, false},
    {"mail", SANCTUM_ENTITY_EMAIL_ADDRESS, true},
    {"card", SANCTUM_ENTITY_CREDIT_CARD, true}, {"cardnumber", SANCTUM_ENTITY_CREDIT_CARD, false},
    {"cardno", SANCTUM_ENTITY_CREDIT_CARD, false}, {"creditcard", SANCTUM_ENTITY_CREDIT_CARD, false},
    {"creditcardnumber", SANCTUM_ENTITY_CREDIT_CARD, false}, {"pan", SANCTUM_ENTITY_CREDIT_CARD, true},
    {"iban", SANCTUM_ENTITY_IBAN_CODE, false},
    {"account", SANCTUM_ENTITY_US_BANK_NUMBER, true}, {"accountnumber", SANCTUM_ENTITY_US_BANK_NUMBER, false},
    {"accountno", SANCTUM_ENTITY_US_BANK_NUMBER, false}, {"acct", SANCTUM_ENTITY_US_BANK_NUMBER, true},
    {"acctnumber", SANCTUM_ENTITY_US_BANK_NUMBER, false}, {"bankaccount", SANCTUM_ENTITY_US_BANK_NUMBER, false},
    {"routing", SANCTUM_ENTITY_US_BANK_NUMBER, true}, {"routingnumber", SANCTUM_ENTITY_US_BANK_NUMBER, false},
    {"aba", SANCTUM_ENTITY_US_BANK_NUMBER, true},
    {"name", SANCTUM_ENTITY_PERSON, true}, {"firstname", SANCTUM_ENTITY_PERSON, false},
    {"lastname", SANCTUM_ENTITY_PERSON, false}, {"fullname", SANCTUM_ENTITY_PERSON, false},
    {"middlename", SANCTUM_ENTITY_PERSON, false}, {"givenname", SANCTUM_ENTITY_PERSON, false},
    {"familyname", SANCTUM_ENTITY_PERSON, false}, {"surname", SANCTUM_ENTITY_PERSON, false},
    {"displayname", SANCTUM_ENTITY_PERSON, true}, {"customer", SANCTUM_ENTITY_PERSON, true},
    {"customername", SANCTUM_ENTITY_PERSON, false}, {"contactname", SANCTUM_ENTITY_PERSON, false},
    {"cardholder", SANCTUM_ENTITY_PERSON, false}, {"cardholdername", SANCTUM_ENTITY_PERSON, false},
    {"accountholder", SANCTUM_ENTITY_PERSON, false}, {"patientname", SANCTUM_ENTITY_PERSON, false},
};

int32_t chat_key_type(const sc_json_doc *j, uint32_t key)
{
    uint8_t raw[64], f[64];
    size_t n = sc_json_str_small(j, key, raw, sizeof raw), m = 0;
    if (n == SIZE_MAX)
        return -1;
    for (size_t i = 0; i < n; i++) { /* fold: ASCII lower case, separators dropped */
        uint8_t c = raw[i];
        if (c == '_' || c == '-' || c == '.' || c == ' ')
            continue;
        f[m++] = (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
    }
    for (int plural = 0; plural < 2; plural++) { /* "phones", "emails": lists of them */
        if (plural == 1 && (m < 2 || f[m - 1] != 's'))
            break;
        size_t fm = m - (size_t)plural;
        for (size_t i = 0; i < sizeof KEY_WORDS / sizeof KEY_WORDS[0]; i++) {
            size_t l = strlen(KEY_WORDS[i].word);
            if (l > fm || (KEY_WORDS[i].exact && l != fm))
                continue;
            if (memcmp(f + fm - l, KEY_WORDS[i].word, l) == 0)
                return KEY_WORDS[i].type;
        }
    }
    return -1;
}

void chat_scan_leaves(chat_walker *w, uint32_t tok, int32_t role, int32_t kind, bool strict)
{
    const sc_json_doc *j = w->j;
    uint8_t type = j->tok[tok].type;
    if (type == SC_JT_STRING) {
        if (leaf_string_scanned(w, tok, strict))
            chat_add(w, tok, role, kind);
        return;
    }
    if (type == SC_JT_NUMBER) {
        chat_add(w, tok, role, kind);
        return;
    }
    if (type != SC_JT_OBJECT && type != SC_JT_ARRAY)
        return;
    size_t base = w->plen, top = 0;
    if (!grow(w, (void **)&w->stk, &w->stk_cap, 1, sizeof *w->stk, 0))
        return;
    w->stk[top++] = (leaf_frame){tok, tok + 1, 0, -1, w->plen};
    while (top > 0 && w->st == SANCTUM_OK) {
        leaf_frame *f = &w->stk[top - 1];
        if (f->cur >= j->tok[f->container].next) {
            top--;
            continue;
        }
        w->plen = f->plen;
        uint32_t v;
        int32_t kt;
        if (j->tok[f->container].type == SC_JT_OBJECT) {
            uint32_t k = f->cur;
            v = k + 1;
            f->cur = j->tok[v].next;
            if (!strict && skip_key(j, k))
                continue;
            chat_path_key(w, k);
            kt = chat_key_type(j, k);
        } else {
            v = f->cur;
            f->cur = j->tok[v].next;
            chat_path_index(w, f->index++);
            kt = f->key_type; /* "phones": ["...", "..."] */
        }
        uint8_t vt = j->tok[v].type;
        if (vt == SC_JT_STRING) {
            if (leaf_string_scanned(w, v, strict))
                chat_add_keyed(w, v, role, kind, kt);
        } else if (vt == SC_JT_NUMBER) {
            chat_add_keyed(w, v, role, kind, kt);
        } else if (vt == SC_JT_OBJECT || vt == SC_JT_ARRAY) {
            if (!grow(w, (void **)&w->stk, &w->stk_cap, top + 1, sizeof *w->stk, 0))
                break;
            w->stk[top++] = (leaf_frame){v, v + 1, 0, vt == SC_JT_ARRAY ? kt : -1, w->plen};
        }
    }
    w->plen = base;
    if (w->path != NULL)
        w->path[base] = '\0';
}

/* A string holding JSON text scanned whole (not JSON after all): for tool arguments, a value put
 * back into it must be JSON-string-escaped (restore). */
static void add_json_text(chat_walker *w, uint32_t tok, int32_t role, int32_t kind)
{
    size_t before = w->doc->ne;
    chat_add(w, tok, role, kind);
    if (w->doc->ne > before && kind == SANCTUM_CHAT_KIND_TOOL_ARGUMENTS)
        w->doc->e[before].json_text = true;
}

void chat_json_string(chat_walker *w, uint32_t tok, int32_t role, int32_t kind)
{
    if (w->st != SANCTUM_OK || w->j->tok[tok].type != SC_JT_STRING)
        return;
    if (w->sub != 0) { /* JSON in JSON in JSON: scan the inner string whole */
        chat_add(w, tok, role, kind);
        return;
    }
    sanctum_chat_doc *d = w->doc;
    size_t n;
    const uint8_t *raw = sc_json_str_raw(w->j, tok, &n);
    /* Only an object or array counts: a bare number or literal would hide its digits from the scan. */
    size_t i = 0;
    while (i < n && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r' || raw[i] == '\\')) {
        if (raw[i] == '\\') { /* escaped whitespace: \n \r \t */
            if (i + 1 < n && (raw[i + 1] == 'n' || raw[i + 1] == 'r' || raw[i + 1] == 't')) {
                i += 2;
                continue;
            }
            break;
        }
        i++;
    }
    if (i >= n || (raw[i] != '{' && raw[i] != '[')) {
        add_json_text(w, tok, role, kind);
        return;
    }
    uint8_t *src = sc_alloc(d->ctx, n == 0 ? 1 : n, SC_ALLOC_SECRET);
    if (src == NULL) {
        w->st = sc_error_nomem(w->err);
        return;
    }
    size_t sn = sc_json_decode(raw, n, src);
    sc_json_doc inner;
    sanctum_error ierr;
    /* Duplicate keys are taken here: every leaf of nested JSON is scanned, so no reader's choice of
     * value can hide one; refused, the text was scanned whole, without the keys' evidence. */
    uint32_t jflags = SANCTUM_JSON_ALLOW_DUPLICATE_KEYS |
                      ((w->flags & SANCTUM_CHAT_ALLOW_LONE_SURROGATES) ? SANCTUM_JSON_ALLOW_LONE_SURROGATES : 0u);
    sanctum_status pst = sc_json_parse(d->ctx, src, sn, w->depth_left == 0 ? 1 : w->depth_left, jflags, &inner,
                                       &ierr);
    if (pst == SANCTUM_E_NOMEM) {
        sc_free(src);
        w->st = sc_error_nomem(w->err);
        return;
    }
    if (pst != SANCTUM_OK) { /* not JSON after all (models emit broken JSON; stream fragments) */
        sc_free(src);
        add_json_text(w, tok, role, kind);
        return;
    }
    if (!grow(w, (void **)&d->subs, &d->capsubs, d->nsubs + 1, sizeof *d->subs, 0)) {
        sc_json_doc_clear(&inner);
        sc_free(src);
        return;
    }
    chat_sub *s = &d->subs[d->nsubs++];
    s->outer_tok = tok;
    s->src = src;
    s->len = sn;
    s->doc = inner;
    const sc_json_doc *outer = w->j;
    size_t base = w->plen;
    chat_path_raw(w, ">$", 2);
    w->j = &s->doc;
    w->sub = (uint32_t)d->nsubs;
    chat_scan_leaves(w, 0, role, kind, true);
    w->j = outer;
    w->sub = 0;
    w->plen = base;
    if (w->path != NULL)
        w->path[base] = '\0';
}

void chat_decode_texts(chat_walker *w)
{
    sanctum_chat_doc *d = w->doc;
    if (w->st != SANCTUM_OK || d->text_len == 0)
        return;
    /* chat_add summed the exact decoded lengths */
    /* filled below (bytes past each decoded value are never read): no zeroing pass, secret at once */
    d->text = sc_alloc(d->ctx, d->text_len, 0);
    if (d->text == NULL) {
        w->st = sc_error_nomem(w->err);
        return;
    }
    sc_mark_secret(d->text);
    d->text_cap = d->text_len;
    for (size_t i = 0; i < d->ne; i++) {
        chat_entry *e = &d->e[i];
        if (e->text_ptr != NULL)
            continue;
        const sc_json_doc *j = e->sub == 0 ? &d->json : &d->subs[e->sub - 1].doc;
        size_t n;
        const uint8_t *raw = sc_json_str_raw(j, e->tok, &n);
        e->text_len = sc_json_decode(raw, n, d->text + e->text_off);
    }
}
