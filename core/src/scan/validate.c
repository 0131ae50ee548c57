#define _GNU_SOURCE 1
/* Offline validators for token formats: checksums (CRC-32/base62, GitLab routable CRC-32/base36,
 * Bech32, CRC-24), structure checks (JWT, PEM/DER, basic auth), entropy and placeholder filters. */
#include <string.h>

#include "scan/scan_internal.h"

static const char B62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
static const char B36[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* CRC-32 (IEEE 802.3, reflected 0xEDB88320, as zlib), bitwise nibble tables kept const. */
static const uint32_t CRC32_NIBBLE[16] = {
    0x00000000u, 0x1db71064u, 0x3b6e20c8u, 0x26d930acu, 0x76dc4190u, 0x6b6b51f4u, 0x4db26158u, 0x5005713cu,
    0xedb88320u, 0xf00f9344u, 0xd6d6a3e8u, 0xcb61b38cu, 0x9b64c2b0u, 0x86d3d2d4u, 0xa00ae278u, 0xbdbdf21cu};

uint32_t sc_crc32(uint32_t crc, const uint8_t *p, size_t n)
{
    crc = ~crc;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        crc = (crc >> 4) ^ CRC32_NIBBLE[crc & 15u];
        crc = (crc >> 4) ^ CRC32_NIBBLE[crc & 15u];
    }
    return ~crc;
}

/* CRC-24 of RFC 4880 section 6.1. */
uint32_t sc_crc24(const uint8_t *p, size_t n)
{
    uint32_t crc = 0xB704CEu;
    for (size_t i = 0; i < n; i++) {
        crc ^= (uint32_t)p[i] << 16;
        for (int b = 0; b < 8; b++) {
            crc <<= 1;
            if (crc & 0x1000000u)
                crc ^= 0x1864CFBu;
        }
    }
    return crc & 0xFFFFFFu;
}

/* log2 for x >= 1 without libm: exponent by halving, then ln(m) = 2 atanh((m-1)/(m+1)). */
static double log2_pos(double x)
{
    double e = 0;
    while (x >= 2.0) {
        x /= 2.0;
        e += 1.0;
    }
    double z = (x - 1.0) / (x + 1.0), z2 = z * z, term = z, sum = 0;
    for (int k = 0; k < 12; k++) {
        sum += term / (2 * k + 1);
        term *= z2;
    }
    return e + 2.0 * sum * 1.4426950408889634;
}

double sc_entropy(const uint8_t *s, size_t n)
{
    if (n == 0)
        return 0.0;
    uint32_t counts[256];
    memset(counts, 0, sizeof counts);
    for (size_t i = 0; i < n; i++)
        counts[s[i]]++;
    /* H = log2 n - (1/n) sum c log2 c */
    double dn = (double)n, acc = 0.0;
    for (int i = 0; i < 256; i++)
        if (counts[i] > 1)
            acc += (double)counts[i] * log2_pos((double)counts[i]);
    return log2_pos(dn) - acc / dn;
}

static int b64_value(uint8_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

size_t sc_b64_decode(const uint8_t *s, size_t n, uint8_t *out, size_t cap, bool skip_ws)
{
    uint32_t acc = 0;
    unsigned bits = 0;
    size_t o = 0;
    bool pad = false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (skip_ws && (c == '\n' || c == '\r' || c == ' ' || c == '\t'))
            continue;
        if (c == '=') {
            pad = true;
            continue;
        }
        if (pad)
            return SIZE_MAX; /* data after padding */
        int v = b64_value(c);
        if (v < 0)
            return SIZE_MAX;
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (o < cap)
                out[o] = (uint8_t)(acc >> bits);
            o++;
            acc &= (1u << bits) - 1u;
        }
    }
    return o;
}

/* ghp_ + 30 body + 6 checksum (and npm_): CRC-32 of the body in base62, left-padded with '0'. */
static bool check_crc32_base62(const uint8_t *s, size_t n)
{
    const uint8_t *us = memchr(s, '_', n);
    if (us == NULL)
        return false;
    size_t start = (size_t)(us - s) + 1;
    if (n < start + 7)
        return false;
    size_t body = n - start - 6;
    uint32_t crc = sc_crc32(0, s + start, body);
    char enc[6];
    for (int i = 5; i >= 0; i--) {
        enc[i] = B62[crc % 62u];
        crc /= 62u;
    }
    return crc == 0 && memcmp(enc, s + n - 6, 6) == 0;
}

/* GitLab routable: PREFIX + base64url(16 random + payload + len byte) + ".01." + 2 base36 length of
 * the base64 part + 7 base36 CRC-32 of everything before the CRC. A custom instance prefix may stand
 * before the standard one, so the CRC is tried from each '-'-separated start. */
static bool check_gitlab_routable(const uint8_t *s, size_t n)
{
    if (n < 16)
        return false;
    const uint8_t *crc_txt = s + n - 7;
    uint64_t want = 0;
    for (int i = 0; i < 7; i++) {
        const char *p = memchr(B36, crc_txt[i], 36);
        if (p == NULL)
            return false;
        want = want * 36u + (uint64_t)(p - B36);
    }
    if (want > 0xFFFFFFFFu)
        return false;
    /* locate ".01." version marker before the 2-char length */
    if (n < 7 + 2 + 4 || memcmp(s + n - 13, ".01.", 4) != 0)
        return false;
    uint32_t b64len = 0;
    for (int i = 0; i < 2; i++) {
        const char *p = memchr(B36, s[n - 9 + (size_t)i], 36);
        if (p == NULL)
            return false;
        b64len = b64len * 36u + (uint32_t)(p - B36);
    }
    size_t b64_end = n - 13;
    if (b64len == 0 || b64len > b64_end)
        return false;
    size_t b64_start = b64_end - b64len;
    /* decode and check the trailing payload-length byte */
    uint8_t dec[1024];
    if (b64len > 1300)
        return false;
    size_t dl = sc_b64_decode(s + b64_start, b64len, dec, sizeof dec, false);
    if (dl == SIZE_MAX || dl < 18 || dl > sizeof dec)
        return false;
    if ((size_t)dec[dl - 1] != dl - 17)
        return false;
    for (size_t start = 0; start < b64_start; start++) {
        if (start != 0 && s[start - 1] != '-')
            continue;
        if ((uint64_t)sc_crc32(0, s + start, n - 7 - start) == want)
            return true;
    }
    return false;
}

/* Bech32 (BIP-173) over "age-secret-key-" + '1' + data; the token is upper-case. */
static uint32_t bech32_polymod_step(uint32_t chk, uint32_t v)
{
    static const uint32_t G[5] = {0x3b6a57b2u, 0x26508e6du, 0x1ea119fau, 0x3d4233ddu, 0x2a1462b3u};
    uint32_t top = chk >> 25;
    chk = ((chk & 0x1ffffffu) << 5) ^ v;
    for (int i = 0; i < 5; i++)
        if ((top >> i) & 1u)
            chk ^= G[i];
    return chk;
}

static uint8_t lower_ascii(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
}

static bool check_bech32(const uint8_t *s, size_t n)
{
    static const char CS[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    /* the separator is the last '1' */
    size_t sep = SIZE_MAX;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '1')
            sep = i;
    if (sep == SIZE_MAX || sep == 0 || n - sep - 1 < 6 || n > 1023)
        return false;
    uint32_t chk = 1;
    for (size_t i = 0; i < sep; i++)
        chk = bech32_polymod_step(chk, (uint32_t)lower_ascii(s[i]) >> 5);
    chk = bech32_polymod_step(chk, 0);
    for (size_t i = 0; i < sep; i++)
        chk = bech32_polymod_step(chk, (uint32_t)lower_ascii(s[i]) & 31u);
    for (size_t i = sep + 1; i < n; i++) {
        const char *p = memchr(CS, lower_ascii(s[i]), 32);
        if (p == NULL || s[i] == 0)
            return false;
        chk = bech32_polymod_step(chk, (uint32_t)(p - CS));
    }
    return chk == 1u;
}

/* Next line of [*pos, n): sets *ls and *le (line end, without CR LF), advances *pos; false at the end. */
static bool next_line(const uint8_t *s, size_t n, size_t *pos, size_t *ls, size_t *le)
{
    if (*pos >= n)
        return false;
    *ls = *pos;
    const uint8_t *nl = memchr(s + *pos, '\n', n - *pos);
    size_t e = nl ? (size_t)(nl - s) : n;
    *pos = nl ? e + 1 : n;
    while (e > *ls && (s[e - 1] == '\r' || s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    *le = e;
    return true;
}

/* Splits an armoured block into header presence, the base64 body span and an optional =XXXX line.
 * The block is BEGIN line, optional "Key: value" headers and a blank line, base64 lines, END line. */
typedef struct armour {
    bool has_headers;
    bool proc_type;     /* legacy encrypted PEM (Proc-Type/DEK-Info) */
    uint8_t body[16384];
    size_t body_len;
    bool has_crc;
    uint32_t crc;
} armour;

static bool parse_armour(const uint8_t *s, size_t n, armour *a)
{
    size_t pos = 0, ls, le;
    a->has_headers = a->proc_type = a->has_crc = false;
    a->body_len = 0;
    if (!next_line(s, n, &pos, &ls, &le)) /* BEGIN */
        return false;
    size_t body_start = pos;
    /* headers */
    size_t save = pos;
    bool in_headers = false;
    while (next_line(s, n, &pos, &ls, &le)) {
        if (le > ls && memchr(s + ls, ':', le - ls) != NULL) {
            in_headers = true;
            if (le - ls >= 9 && memcmp(s + ls, "Proc-Type", 9) == 0)
                a->proc_type = true;
            continue;
        }
        if (in_headers && le == ls) {
            body_start = pos;
            a->has_headers = true;
        }
        break;
    }
    if (!a->has_headers)
        pos = save;
    else
        pos = body_start;
    uint8_t text[21846];
    size_t tl = 0;
    bool ended = false;
    while (next_line(s, n, &pos, &ls, &le)) {
        while (ls < le && (s[ls] == ' ' || s[ls] == '\t'))
            ls++;
        if (le - ls >= 5 && memcmp(s + ls, "-----", 5) == 0) {
            ended = true;
            break;
        }
        if (le - ls == 5 && s[ls] == '=') {
            uint8_t c[4];
            if (sc_b64_decode(s + ls + 1, 4, c, sizeof c, false) != 3)
                return false;
            a->has_crc = true;
            a->crc = ((uint32_t)c[0] << 16) | ((uint32_t)c[1] << 8) | c[2];
            continue;
        }
        if (le - ls > sizeof text - tl)
            return false;
        memcpy(text + tl, s + ls, le - ls);
        tl += le - ls;
    }
    if (!ended || tl == 0)
        return false;
    size_t dl = sc_b64_decode(text, tl, a->body, sizeof a->body, false);
    if (dl == SIZE_MAX || dl > sizeof a->body)
        return false;
    a->body_len = dl;
    return true;
}

static bool check_pgp(const uint8_t *s, size_t n)
{
    armour a;
    if (!parse_armour(s, n, &a) || a.body_len < 16)
        return false;
    if ((a.body[0] & 0x80u) == 0) /* an OpenPGP packet tag has bit 7 set */
        return false;
    if (a.has_crc && sc_crc24(a.body, a.body_len) != a.crc)
        return false;
    return true;
}

/* DER: SEQUENCE with a definite length that fits the data. */
static bool der_sequence_ok(const uint8_t *d, size_t n)
{
    if (n < 2 || d[0] != 0x30)
        return false;
    size_t len, hdr;
    if (d[1] < 0x80) {
        len = d[1];
        hdr = 2;
    } else {
        unsigned k = d[1] & 0x7fu;
        if (k == 0 || k > 3 || n < 2u + k)
            return false;
        len = 0;
        for (unsigned i = 0; i < k; i++)
            len = (len << 8) | d[2 + i];
        hdr = 2u + k;
    }
    return len >= 3 && hdr + len <= n && hdr + len + 16 >= n; /* allow a little trailing padding */
}

static bool check_pem_key(const uint8_t *s, size_t n)
{
    armour a;
    uint8_t unesc[24576];
    if (memmem(s, n, "\\n", 2) != NULL && n <= sizeof unesc) {
        memset(unesc, 0, sizeof unesc);
        size_t o = 0;
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '\\' && i + 1 < n && (s[i + 1] == 'n' || s[i + 1] == 'r')) {
                unesc[o++] = s[i + 1] == 'n' ? '\n' : '\r';
                i++;
            } else {
                unesc[o++] = s[i];
            }
        }
        s = unesc;
        n = o;
    }
    if (!parse_armour(s, n, &a))
        return false;
    bool openssh = n > 20 && memmem(s, SC_MIN(n, (size_t)64), "OPENSSH", 7) != NULL;
    if (openssh)
        return a.body_len >= 32 && memcmp(a.body, "openssh-key-v1", 15) == 0;
    if (a.proc_type) /* legacy encrypted PEM: body is ciphertext */
        return a.body_len >= 64 && a.body_len % 8 == 0;
    return der_sequence_ok(a.body, a.body_len);
}

static bool printable_json_object(const uint8_t *d, size_t n)
{
    size_t i = 0;
    while (i < n && (d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t'))
        i++;
    if (i >= n || d[i] != '{')
        return false;
    for (size_t k = i; k < n; k++)
        if (d[k] < 0x20 && d[k] != '\n' && d[k] != '\r' && d[k] != '\t')
            return false;
    return true;
}

static bool check_jwt(const uint8_t *s, size_t n)
{
    const uint8_t *d1 = memchr(s, '.', n);
    if (d1 == NULL)
        return false;
    size_t h = (size_t)(d1 - s);
    const uint8_t *d2 = memchr(d1 + 1, '.', n - h - 1);
    if (d2 == NULL)
        return false;
    size_t p0 = h + 1, pl = (size_t)(d2 - d1) - 1;
    size_t sigl = n - (size_t)(d2 - s) - 1;
    if (sigl < 16)
        return false;
    uint8_t hdr[512], pay[4096];
    if (h > 680 || pl > 5460)
        return false;
    size_t hl = sc_b64_decode(s, h, hdr, sizeof hdr, false);
    size_t pyl = sc_b64_decode(s + p0, pl, pay, sizeof pay, false);
    if (hl == SIZE_MAX || pyl == SIZE_MAX || hl > sizeof hdr || pyl > sizeof pay)
        return false;
    if (!printable_json_object(hdr, hl) || memmem(hdr, hl, "\"alg\"", 5) == NULL)
        return false;
    if (memmem(hdr, hl, "\"none\"", 6) != NULL) /* unsigned tokens authenticate nothing */
        return false;
    return printable_json_object(pay, pyl);
}

static bool check_basic_auth(const uint8_t *s, size_t n)
{
    uint8_t d[512];
    if (n > 680)
        return false;
    size_t dl = sc_b64_decode(s, n, d, sizeof d, false);
    if (dl == SIZE_MAX || dl < 3 || dl > sizeof d)
        return false;
    const uint8_t *colon = memchr(d, ':', dl);
    if (colon == NULL || colon == d + dl - 1)
        return false;
    for (size_t i = 0; i < dl; i++)
        if (d[i] < 0x20 || d[i] > 0x7e)
            return false;
    size_t off = (size_t)(colon - d) + 1;
    bool ok = !sc_looks_placeholder(d + off, dl - off);
    sanctum_wipe(d, sizeof d);
    return ok;
}

static bool is_hex(uint8_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool is_uuid(const uint8_t *s, size_t n)
{
    if (n != 36)
        return false;
    for (size_t i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !is_hex(s[i]))
            return false;
    }
    return true;
}

/* A generic assignment value that is not obviously something else. */
static bool check_generic(const uint8_t *s, size_t n)
{
    if (n < 6 || is_uuid(s, n))
        return false;
    if (s[0] == '%' && (s[1] == '(' || s[1] == '{' || s[n - 1] == '%' || s[1] == 's'))
        return false; /* %(name)s, %{name}, %NAME%, %s */
    if (s[0] == '=' || s[0] == '$' || s[0] == '{' || s[0] == '<' || s[0] == '@' || s[0] == '/' ||
        s[0] == '.' || s[0] == '~' || s[0] == '&' || s[0] == '*')
        return false;
    if (memchr(s, '(', n) != NULL || memmem(s, n, "://", 3) != NULL)
        return false;
    /* code, not a value: operators of expressions */
    static const char *const OPS[] = {"||", "&&", "=>", "==", "!=", "?.", "??", "->"};
    for (size_t i = 0; i < sizeof OPS / sizeof OPS[0]; i++)
        if (memmem(s, n, OPS[i], 2) != NULL)
            return false;
    /* lockfile/SRI integrity: sha1-, sha256-, sha384-, sha512- */
    if (n > 8 && memcmp(s, "sha", 3) == 0) {
        const uint8_t *dash = memchr(s, '-', SC_MIN(n, (size_t)8));
        if (dash != NULL)
            return false;
    }
    bool digit = false, upper = false, lower = false, other = false, sep = false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c >= 'A' && c <= 'Z')
            upper = true;
        else if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c == '_' || c == '.' || c == '-')
            sep = true;
        else
            other = true;
    }
    if (!digit && !other) {
        /* identifiers: SOME_CONSTANT, self.password, config.db-pass, camelCaseName */
        if (sep)
            return false;
        if (upper && !lower)
            return false;
        if (upper && lower) {
            /* camelCase / PascalCase: upper only at word starts */
            size_t runs = 0;
            for (size_t i = 1; i < n; i++)
                if (s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z')
                    runs++;
            if (runs >= 1)
                return false;
        }
    }
    if (!digit && !upper && !lower)
        return false;
    /* short all-lower-case words: "credentials", "hunter" */
    if (lower && !upper && !digit && !other && !sep && n < 16)
        return false;
    /* code: dotted names (base64.b16encode, self.secret_key) and snake_case identifiers */
    if (!other && (memchr(s, '.', n) != NULL || memchr(s, '_', n) != NULL)) {
        bool ident = true, snake = memchr(s, '.', n) == NULL && !upper;
        size_t seg = 0, segs = 1;
        for (size_t i = 0; i < n && ident; i++) {
            uint8_t c = s[i];
            if (c == '.' || c == '_') {
                if (seg == 0 && c == '.')
                    ident = false;
                if (c == '_' && seg < 2)
                    snake = false;
                seg = 0;
                segs++;
                continue;
            }
            if (c == '-')
                ident = snake = false;
            if (seg == 0 && c >= '0' && c <= '9' && memchr(s, '.', n) != NULL)
                ident = false;
            seg++;
        }
        if (memchr(s, '.', n) != NULL && ident)
            return false;
        if (snake && segs >= 2 && ident)
            return false;
    }
    /* all digits: ports, ids, numbers */
    if (digit && !upper && !lower && !other && !sep)
        return false;
    return true;
}

static bool check_aws_key_id(const uint8_t *s, size_t n)
{
    if (n != 20)
        return false;
    for (size_t i = 4; i < 20; i++) {
        uint8_t c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7')))
            return false;
    }
    return true;
}

/* A framework secret found by its key name (SECRET_KEY, secret_key_base, authToken...): long
 * enough, not a reference or template, not a word or identifier, and random-looking. Hex is allowed
 * (Rails, Express and most token generators emit it) only from 32 digits, which hashes also are:
 * the rules keep hash-named keys out with allow_match. Never used without a key name. */
static bool check_strength(const uint8_t *s, size_t n)
{
    if (n < 16 || is_uuid(s, n))
        return false;
    if (s[0] == '{' || s[0] == '<' || memmem(s, n, "://", 3) != NULL || memmem(s, n, "${", 2) != NULL)
        return false;
    /* references: $NAME, $(cmd), %(name)s, %NAME% (a key may start with $ or % all the same) */
    if (s[0] == '$' || s[0] == '%') {
        if (s[1] == '(' || s[1] == '{' || (s[0] == '%' && s[n - 1] == '%'))
            return false;
        size_t i = 1;
        while (i < n && (s[i] == '_' || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
                         (s[i] >= '0' && s[i] <= '9')))
            i++;
        if (i == n)
            return false;
    }
    bool digit = false, upper = false, lower = false, symbol = false, hex = true;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (c <= 0x20 || c >= 0x7f)
            return false;
        if (!is_hex(c))
            hex = false;
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c >= 'A' && c <= 'Z')
            upper = true;
        else if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c != '_' && c != '.' && c != '-')
            symbol = true;
    }
    if (!digit && !symbol)
        return false; /* words and identifiers: SECRET_KEY = 'someSecretValueHere' */
    int classes = (int)digit + (int)upper + (int)lower + (int)symbol;
    if (hex)
        return n >= 32 && sc_entropy(s, n) >= 3.0;
    return classes >= 2 && sc_entropy(s, n) >= 3.5;
}

bool sc_check_secret(sc_check kind, const uint8_t *s, size_t n)
{
    switch (kind) {
    case SC_CHECK_NONE: return true;
    case SC_CHECK_CRC32_BASE62: return check_crc32_base62(s, n);
    case SC_CHECK_GITLAB_ROUTABLE: return check_gitlab_routable(s, n);
    case SC_CHECK_AGE_BECH32: return check_bech32(s, n);
    case SC_CHECK_PGP_CRC24: return check_pgp(s, n);
    case SC_CHECK_JWT: return check_jwt(s, n);
    case SC_CHECK_PEM_KEY: return check_pem_key(s, n);
    case SC_CHECK_BASIC_AUTH: return check_basic_auth(s, n);
    case SC_CHECK_GENERIC: return check_generic(s, n);
    case SC_CHECK_AWS_KEY_ID: return check_aws_key_id(s, n);
    case SC_CHECK_STRENGTH: return check_strength(s, n);
    case SC_CHECK_COUNT: break;
    }
    return false;
}

static const char *const CHECK_NAMES[SC_CHECK_COUNT] = {
    "none", "crc32-base62", "gitlab-routable", "age-bech32", "pgp-crc24",
    "jwt", "pem-key", "basic-auth", "generic", "aws-key-id", "strength"};

const char *sc_check_name(sc_check kind)
{
    return (unsigned)kind < SC_CHECK_COUNT ? CHECK_NAMES[kind] : "?";
}

bool sc_check_from_name(const uint8_t *s, size_t n, sc_check *out)
{
    for (unsigned i = 0; i < SC_CHECK_COUNT; i++)
        if (strlen(CHECK_NAMES[i]) == n && memcmp(CHECK_NAMES[i], s, n) == 0) {
            *out = (sc_check)i;
            return true;
        }
    return false;
}

static bool contains_ci(const uint8_t *s, size_t n, const char *w)
{
    size_t wl = strlen(w);
    if (wl > n)
        return false;
    for (size_t i = 0; i + wl <= n; i++) {
        size_t k = 0;
        while (k < wl && lower_ascii(s[i + k]) == (uint8_t)w[k])
            k++;
        if (k == wl)
            return true;
    }
    return false;
}

bool sc_looks_placeholder(const uint8_t *s, size_t n)
{
    static const char *const WORDS[] = {
        "example", "xxxx", "placeholder", "changeme", "change_me", "change-me", "your_", "your-",
        "yourtoken", "yourkey", "yourpass", "yoursecret", "dummy", "redacted", "replace", "insert",
        "<", ">", "${", "{{", "}}", "%s", "%(", "...", "\xe2\x80\xa6", "****", "####", "____"};
    for (size_t i = 0; i < sizeof WORDS / sizeof WORDS[0]; i++)
        if (contains_ci(s, n, WORDS[i]))
            return true;
    /* runs: six equal bytes, or six ascending/descending neighbours (123456, abcdef) */
    size_t same = 1, up = 1, down = 1;
    for (size_t i = 1; i < n; i++) {
        same = s[i] == s[i - 1] ? same + 1 : 1;
        up = s[i] == (uint8_t)(s[i - 1] + 1) ? up + 1 : 1;
        down = (uint8_t)(s[i] + 1) == s[i - 1] ? down + 1 : 1;
        if (same >= 6 || up >= 6 || down >= 6)
            return true;
    }
    return false;
}

bool sc_failed_known_checksum(const uint8_t *s, size_t n)
{
    static const char *const GH[] = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "npm_"};
    for (size_t i = 0; i < sizeof GH / sizeof GH[0]; i++) {
        const uint8_t *p = memmem(s, n, GH[i], 4);
        if (p == NULL)
            continue;
        size_t off = (size_t)(p - s);
        if (n - off >= 40) {
            bool alnum = true;
            for (size_t k = off + 4; k < off + 40; k++)
                if (!((p[k - off] >= '0' && p[k - off] <= '9') || ((p[k - off] | 32) >= 'a' && (p[k - off] | 32) <= 'z')))
                    alnum = false;
            if (alnum && !check_crc32_base62(p, 40))
                return true;
        }
    }
    const uint8_t *age = memmem(s, n, "AGE-SECRET-KEY-1", 16);
    if (age != NULL && (size_t)(age - s) + 74 <= n && !check_bech32(age, 74))
        return true;
    if (n > 20 && memmem(s, n, ".01.", 4) != NULL && s[0] == 'g' && s[1] == 'l' && !check_gitlab_routable(s, n))
        return true;
    return false;
}
