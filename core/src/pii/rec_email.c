/* EMAIL_ADDRESS: local@domain with an alphabetic top-level label, also as a URL's query value, path
 * segment or mailto: target and URL-encoded (jane%40example.com); not a package@version, an SSH remote
 * (git@host:path), URL user info (scheme://user@host) or a retina asset (icon@2x.png).
 * Scores: valid form 0.9 (format + TLD validator); + 0.1 with a mail word before or after. */
#include <string.h>

#include "pii.h"

static bool local_byte(uint8_t c)
{
    return pii_is_alnum(c) || c >= 0x80 || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' ||
           c == '\'' || c == '!' || c == '#' || c == '$' || c == '&' || c == '*' || c == '^' ||
           c == '{' || c == '}' || c == '|' || c == '~';
}

/* U+FFFD: a lone surrogate escape of a chat request decodes to it (docs/json.md); it ends an address */
static bool replacement_char(const uint8_t *p) { return p[0] == 0xEF && p[1] == 0xBF && p[2] == 0xBD; }

static bool domain_byte(uint8_t c) { return pii_is_alnum(c) || c >= 0x80 || c == '-' || c == '.'; }

/* File extensions that show up after '@' in code (assets, packages) and are not top-level domains.
 * Private and reserved names (.lan, .local, .internal, .home, .test, .example...) are real mailboxes in a
 * home lab or a company: an address names its owner whatever its TLD. */
static const char *const NOT_TLD[] = {"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "js", "mjs",
                                      "cjs", "ts", "tsx", "jsx", "json", "css", "scss", "html", "htm", "txt",
                                      "yml", "yaml", "toml", "lock", "tgz", "gz", "zip", "tar", "bz2", "xz",
                                      "cpp", "hpp", "java", "kt", "rb", "php", "swift", "exe", "dll",
                                      "wasm", "map", "csv", "log", "ini", "cfg", "conf", NULL};

static bool not_tld(const uint8_t *s, size_t len)
{
    for (size_t k = 0; NOT_TLD[k] != NULL; k++)
        if (pii_word_eq(s, len, NOT_TLD[k]))
            return true;
    return false;
}

/* npm and CDN dist-tags: "vue@next.global/dist/vue.js" is a package at a tag inside a path, not a mailbox */
static const char *const DIST_TAGS[] = {"next", "latest", "beta", "alpha", "canary", "rc", "stable", "dev",
                                        "nightly", "edge", "experimental", "insiders", "lts", "preview",
                                        "snapshot", NULL};

static bool dist_tag(const uint8_t *s, size_t ds, size_t de)
{
    size_t e = ds;
    while (e < de && s[e] != '.')
        e++;
    for (size_t k = 0; DIST_TAGS[k] != NULL; k++)
        if (pii_word_eq(s + ds, e - ds, DIST_TAGS[k]))
            return true;
    return false;
}

static const char *const MAIL_WORDS[] = {"email*", "e", "mail*", "contact*", "write", "reach", "address*",
                                         "send", "cc", "bcc", "from", "to", NULL};

/* A path-segment address ends its path (the text, a query or fragment, a space, a closing quote or
 * bracket, sentence punctuation before a space) or is followed by a route ("/edit"), not by a file
 * ("/dist/vue.js", "/mod.ts": a package@tag segment of a CDN or module URL). */
static bool segment_ends_path(const uint8_t *s, size_t n, size_t de)
{
    for (size_t i = de; i < n; i++) {
        uint8_t a = s[i];
        if (a == '?' || a == '#' || a == '"' || a == '\'' || a == ')' || a == '>' || a == ']' || a == '<' ||
            pii_is_space(a))
            return true;
        if (a == '.' || a == ',' || a == ';') {
            if (i + 1 >= n || pii_is_space(s[i + 1]))
                return true;
            if (a == '.' && i > de)
                return false; /* a file name after the address */
        }
        if (i == de && a != '/')
            return false;
    }
    return true;
}

/* A mail field label glued to the address: vCard "EMAIL:", "EMAIL;TYPE=INTERNET:", a header "From:jo@...".
 * The label opens its line or follows a space, so "scheme://user:password@host" is not one. */
static const char *const MAIL_LABELS[] = {"email", "e-mail", "mail", "from", "to", "cc", "bcc", "reply-to",
                                          "sender", "contact", "courriel", "correo", NULL};

static bool mail_label_before(const uint8_t *s, size_t ls)
{
    if (s[ls - 1] != ':')
        return false;
    size_t e = ls - 1, b = e;
    while (b > 0 && (pii_is_alnum(s[b - 1]) || s[b - 1] == ';' || s[b - 1] == '=' || s[b - 1] == '-' ||
                     s[b - 1] == ','))
        b--;
    if (b > 0 && !pii_is_space(s[b - 1]))
        return false;
    size_t le = b;
    while (le < e && s[le] != ';')
        le++; /* "EMAIL;TYPE=INTERNET": the label is the part before the parameters */
    for (size_t k = 0; MAIL_LABELS[k] != NULL; k++)
        if (pii_word_eq(s + b, le - b, MAIL_LABELS[k]))
            return true;
    return false;
}

void pii_rec_email(pii_scan *sc, size_t at, size_t atlen)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t ds = at + atlen; /* the domain starts after "@" or a URL-encoded "%40" */
    /* local part, leftwards */
    size_t ls = at;
    while (ls > 0 && local_byte(s[ls - 1]) && at - ls < 64 && !(ls >= 3 && replacement_char(s + ls - 3)))
        ls--;
    while (ls < at && (s[ls] & 0xC0) == 0x80)
        ls++; /* the 64-byte bound may stop inside a character: start at the next one */
    /* round 15: a quote or bracket of another script before the address ("«louise@...", "„k.weber@...", "「li@...")
     * is no part of it: the local part starts after the last one */
    for (size_t q = ls; q < at;) {
        size_t l = pii_punct_len(s, n, q);
        if (l > 0)
            ls = q + l;
        q += l > 0 ? l : 1;
    }
    if (ls > 0 && s[ls - 1] == '\\' && ls + 1 < at && (s[ls] == 't' || s[ls] == 'n' || s[ls] == 'r'))
        ls++; /* round 15: the letter of a literal escape ("Name\\tines@example.pt") */
    while (ls < at && (s[ls] == '.' || s[ls] == '\'' || s[ls] == '-'))
        ls++; /* a quote or dash that opens the text is not part of the address */
    if (ls == at || s[at - 1] == '.')
        return;
    bool mailto = ls >= 7 && pii_word_eq(s + ls - 7, 6, "mailto") && s[ls - 1] == ':';
    /* a path segment of a URL or a path ("/u/jane@example.com", "contacts/ana@example.org") names a
     * mailbox; right after "//" it is the user of scheme://user@host */
    bool segment = ls > 1 && s[ls - 1] == '/' && s[ls - 2] != '/';
    if (ls > 0 && !mailto && !segment && !mail_label_before(s, ls) &&
        (s[ls - 1] == '/' || s[ls - 1] == ':' || s[ls - 1] == '@'))
        return; /* scheme://user@host, scheme://user:password@host, ssh://git@host, a@b@c */
    bool query = ls > 0 && s[ls - 1] == '=';
    for (size_t i = ls; i + 1 < at; i++)
        if (s[i] == '.' && s[i + 1] == '.')
            return;
    /* domain, rightwards */
    size_t de = ds;
    while (de < n && domain_byte(s[de]) && de - ds < 255 && !(de + 3 <= n && replacement_char(s + de)))
        de++;
    while (de > ds && de < n && (s[de] & 0xC0) == 0x80)
        de--; /* the 255-byte bound may stop inside a character: end before it */
    for (size_t q = ds; q < de; q++)
        if (s[q] >= 0xC2 && pii_punct_len(s, n, q) > 0) {
            de = q; /* "...@exemple.fr»", "...@example.cn」": the mark ends the domain */
            break;
        }
    while (de > ds && (s[de - 1] == '.' || s[de - 1] == '-'))
        de--; /* sentence punctuation */
    if (de <= ds)
        return;
    size_t labels = 1, tld = ds;
    for (size_t i = ds; i < de; i++) {
        if (s[i] == '.') {
            if (i == ds || s[i - 1] == '.' || s[i - 1] == '-' || (i + 1 < de && s[i + 1] == '-'))
                return;
            labels++;
            tld = i + 1;
        }
    }
    /* an object or file named after a mailbox ("exports/jane@example.com.txt", "ana@mail.example.pt.csv.gz"):
     * the address ends before the file extensions ("icon@2x.png.map" keeps two labels and stays an asset) */
    bool file_named = false;
    while (labels >= 3 && not_tld(s + tld, de - tld)) {
        de = tld - 1;
        labels--;
        for (tld = de; s[tld - 1] != '.'; tld--) {
        }
        file_named = true;
    }
    if (labels < 2 || s[ds] == '-')
        return;
    size_t tl = de - tld;
    bool puny = tl > 4 && memcmp(s + tld, "xn--", 4) == 0;
    if (!puny) {
        if (tl < 2 || tl > 24)
            return;
        for (size_t i = tld; i < de; i++)
            if (!pii_is_alpha(s[i]) && s[i] < 0x80)
                return;
        if (not_tld(s + tld, tl))
            return;
    }
    /* a segment with more path after it is a mailbox's folder ("/u/jane@example.com/x.png") unless its
     * domain opens with a dist-tag: unpkg.com/vue@next.global/dist/vue.js */
    if (segment && !file_named && !segment_ends_path(s, n, de) && dist_tag(s, ds, de))
        return;
    if (de < n) {
        uint8_t a = s[de];
        uint8_t a2 = de + 1 < n ? s[de + 1] : ' ';
        if (a == ':' && !pii_is_space(a2) && a2 != '"' && a2 != '\'')
            return; /* git@github.com:org/repo.git */
        if (a == '/' && !pii_is_space(a2) && !segment && !query && !mailto)
            return; /* user@host/path; inside a URL path the address is a segment */
        if (a == '@' || a == '_')
            return;
    }
    /* inside a URL only as a query value or mailto: */
    const char *why = NULL;
    if (pii_in_code(sc, ls, de, &why)) {
        bool ok = false;
        if ((strcmp(why, "url") == 0 || strcmp(why, "path") == 0) && (query || mailto || segment))
            ok = true;
        if (strcmp(why, "identifier") == 0)
            ok = ls == 0 || (s[ls - 1] != '@' && s[ls - 1] != '$' && s[ls - 1] != '.' && s[ls - 1] != '_');
        if (!ok)
            return;
    }
    /* a Message-ID, In-Reply-To or UID value names a message, not a mailbox */
    if (pii_mail_id_field(s, n, ls))
        return;
    double score = 0.9;
    uint32_t ev = SANCTUM_EV_FORMAT_STRONG | SANCTUM_EV_VALIDATOR;
    if (pii_context(sc, ls, true, 3, 32, MAIL_WORDS)) {
        score += 0.1;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
    } else if (pii_context(sc, de, false, 2, 20, MAIL_WORDS)) {
        score += 0.1;
        ev |= SANCTUM_EV_CONTEXT_AFTER;
    }
    pii_add(sc, SANCTUM_ENTITY_EMAIL_ADDRESS, SANCTUM_REC_EMAIL, ls, de, score, ev);
}

/* "jane[at]example[dot]com", "jane (at) example (dot) com", "ops{at}nas.lan": an address written to dodge
 * harvesters still names its owner. Only the bracketed forms: a bare " at "/" dot " is everyday English. */
static size_t bracket_word(const uint8_t *s, size_t n, size_t i, const char *w)
{
    uint8_t open = i < n ? s[i] : 0;
    uint8_t close = open == '[' ? ']' : open == '(' ? ')' : open == '{' ? '}' : 0;
    size_t l = strlen(w);
    if (close == 0 || i + l + 2 > n || !pii_word_eq(s + i + 1, l, w) || s[i + l + 1] != close)
        return 0;
    return l + 2;
}

void pii_rec_email_obfuscated(pii_scan *sc, size_t at)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t atl = bracket_word(s, n, at, "at");
    if (atl == 0)
        return;
    size_t le = at > 0 && s[at - 1] == ' ' ? at - 1 : at;
    size_t ls = le;
    while (ls > 0 && local_byte(s[ls - 1]) && le - ls < 64)
        ls--;
    while (ls < le && (s[ls] & 0xC0) == 0x80)
        ls++;
    while (ls < le && (s[ls] == '.' || s[ls] == '\'' || s[ls] == '-'))
        ls++;
    if (ls == le || s[le - 1] == '.' || (ls > 0 && (s[ls - 1] == '@' || s[ls - 1] == '/')))
        return;
    size_t p = at + atl;
    if (p < n && s[p] == ' ')
        p++;
    size_t labels = 0, tld = p, de = p;
    for (;;) {
        size_t b = p;
        while (p < n && (pii_is_alnum(s[p]) || s[p] == '-' || s[p] >= 0x80) && p - b < 63)
            p++;
        if (p == b || s[b] == '-' || s[p - 1] == '-')
            break;
        labels++;
        tld = b;
        de = p;
        size_t q = p, dl;
        if (q < n && s[q] == '.' && q + 1 < n && pii_is_alnum(s[q + 1])) {
            p = q + 1;
            continue;
        }
        if (q < n && s[q] == ' ')
            q++;
        if ((dl = bracket_word(s, n, q, "dot")) == 0)
            break;
        p = q + dl;
        if (p < n && s[p] == ' ')
            p++;
    }
    size_t tl = de - tld;
    if (labels < 2 || tl < 2 || tl > 24)
        return;
    for (size_t i = tld; i < de; i++)
        if (!pii_is_alpha(s[i]))
            return;
    for (size_t k = 0; NOT_TLD[k] != NULL; k++)
        if (pii_word_eq(s + tld, tl, NOT_TLD[k]))
            return;
    double score = 0.9;
    uint32_t ev = SANCTUM_EV_FORMAT_WEAK | SANCTUM_EV_VALIDATOR;
    if (pii_context(sc, ls, true, 3, 32, MAIL_WORDS)) {
        score += 0.1;
        ev |= SANCTUM_EV_CONTEXT_BEFORE;
    }
    pii_add(sc, SANCTUM_ENTITY_EMAIL_ADDRESS, SANCTUM_REC_EMAIL, ls, de, score, ev);
}
