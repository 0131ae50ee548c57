/* FAKE credential generator (see fakegen.h). Every body is random; checksums are computed here. */
#include "fakegen.h"

#include <stdio.h>
#include <string.h>

uint64_t fg_next(fg_rng *r)
{
    /* splitmix64 */
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

uint32_t fg_below(fg_rng *r, uint32_t n)
{
    return (uint32_t)(fg_next(r) % n);
}

static const char ALNUM[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
static const char HEX[] = "0123456789abcdef";
static const char B64URL[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char UPPER_B32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
static const char LETTERS[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
static const char UPNUM[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/* Random string with no 6-long run of equal or consecutive characters (the placeholder filter's
 * signal), as real random tokens almost never have one. */
static void rnd(fg_rng *r, char *out, size_t n, const char *alpha)
{
    size_t an = strlen(alpha);
    for (size_t i = 0; i < n; i++) {
        char c;
        do {
            c = alpha[fg_below(r, (uint32_t)an)];
        } while (i > 0 && (c == out[i - 1] || c == out[i - 1] + 1 || c == out[i - 1] - 1));
        out[i] = c;
    }
    out[n] = 0;
}

static uint32_t crc32(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return ~c;
}

static void b64enc(const uint8_t *in, size_t n, char *out, const char *alpha, bool pad)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)in[i + 1] << 8;
        if (i + 2 < n)
            v |= in[i + 2];
        out[o++] = alpha[(v >> 18) & 63];
        out[o++] = alpha[(v >> 12) & 63];
        if (i + 1 < n)
            out[o++] = alpha[(v >> 6) & 63];
        else if (pad)
            out[o++] = '=';
        if (i + 2 < n)
            out[o++] = alpha[v & 63];
        else if (pad)
            out[o++] = '=';
    }
    out[o] = 0;
}

static void set_whole(fg_token *t)
{
    t->secret_off = 0;
    t->secret_len = strlen(t->text);
}

/* A wrong checksum: change one checksum character to another of the same alphabet. */
static void break_char(fg_rng *r, char *c, const char *alpha)
{
    char old = *c;
    do {
        *c = alpha[fg_below(r, (uint32_t)strlen(alpha))];
    } while (*c == old);
}

static bool gen_gh(fg_rng *r, fg_token *t, bool valid, const char *prefix)
{
    static const char B62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    char body[31];
    rnd(r, body, 30, ALNUM);
    uint32_t c = crc32((const uint8_t *)body, 30);
    char cs[7];
    for (int i = 5; i >= 0; i--) {
        cs[i] = B62[c % 62];
        c /= 62;
    }
    cs[6] = 0;
    if (!valid)
        break_char(r, &cs[5 - fg_below(r, 3)], B62);
    snprintf(t->text, sizeof t->text, "%s%s%s", prefix, body, cs);
    set_whole(t);
    return true;
}

static bool g_ghp(fg_rng *r, fg_token *t, bool v) { return gen_gh(r, t, v, "ghp_"); }
static bool g_gho(fg_rng *r, fg_token *t, bool v) { return gen_gh(r, t, v, "gho_"); }
static bool g_ghu(fg_rng *r, fg_token *t, bool v) { return gen_gh(r, t, v, "ghu_"); }
static bool g_ghs(fg_rng *r, fg_token *t, bool v) { return gen_gh(r, t, v, "ghs_"); }
static bool g_ghr(fg_rng *r, fg_token *t, bool v) { return gen_gh(r, t, v, "ghr_"); }
static bool g_npm(fg_rng *r, fg_token *t, bool v) { return gen_gh(r, t, v, "npm_"); }

static bool g_gitlab_routable(fg_rng *r, fg_token *t, bool valid)
{
    static const char B36[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    uint8_t raw[200];
    for (int i = 0; i < 16; i++)
        raw[i] = (uint8_t)fg_next(r);
    char payload[64];
    int pl = snprintf(payload, sizeof payload, "c:%x\ng:%x\no:%x\nu:%x", (unsigned)fg_below(r, 9) + 1,
                      (unsigned)fg_below(r, 0xffff), (unsigned)fg_below(r, 0xfffff), (unsigned)fg_below(r, 0xfffff));
    memcpy(raw + 16, payload, (size_t)pl);
    raw[16 + pl] = (uint8_t)pl;
    char b64[300];
    b64enc(raw, (size_t)(17 + pl), b64, B64URL, false);
    size_t bl = strlen(b64);
    char lenc[3] = {B36[(bl / 36) % 36], B36[bl % 36], 0};
    const char *prefix = fg_below(r, 2) ? "glpat-" : "gldt-";
    char head[400];
    snprintf(head, sizeof head, "%s%s.01.%s", prefix, b64, lenc);
    uint32_t c = crc32((const uint8_t *)head, strlen(head));
    char cs[8];
    for (int i = 6; i >= 0; i--) {
        cs[i] = B36[c % 36];
        c /= 36;
    }
    cs[7] = 0;
    if (!valid)
        break_char(r, &cs[6 - fg_below(r, 3)], B36);
    snprintf(t->text, sizeof t->text, "%s%s", head, cs);
    set_whole(t);
    return true;
}

static uint32_t bech32_step(uint32_t chk, uint32_t v)
{
    static const uint32_t G[5] = {0x3b6a57b2u, 0x26508e6du, 0x1ea119fau, 0x3d4233ddu, 0x2a1462b3u};
    uint32_t top = chk >> 25;
    chk = ((chk & 0x1ffffffu) << 5) ^ v;
    for (int i = 0; i < 5; i++)
        if ((top >> i) & 1u)
            chk ^= G[i];
    return chk;
}

static bool g_age(fg_rng *r, fg_token *t, bool valid)
{
    static const char CS[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    const char *hrp = "age-secret-key-";
    uint8_t data[58];
    for (int i = 0; i < 52; i++)
        data[i] = (uint8_t)fg_below(r, 32);
    uint32_t chk = 1;
    for (const char *p = hrp; *p; p++)
        chk = bech32_step(chk, (uint32_t)*p >> 5);
    chk = bech32_step(chk, 0);
    for (const char *p = hrp; *p; p++)
        chk = bech32_step(chk, (uint32_t)*p & 31);
    for (int i = 0; i < 52; i++)
        chk = bech32_step(chk, data[i]);
    for (int i = 0; i < 6; i++)
        chk = bech32_step(chk, 0);
    chk ^= 1;
    for (int i = 0; i < 6; i++)
        data[52 + i] = (uint8_t)((chk >> (5 * (5 - i))) & 31);
    if (!valid)
        data[57] = (uint8_t)((data[57] + 1 + fg_below(r, 30)) & 31);
    char *o = t->text;
    o += sprintf(o, "AGE-SECRET-KEY-1");
    for (int i = 0; i < 58; i++) {
        char c = CS[data[i]];
        *o++ = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    *o = 0;
    set_whole(t);
    return true;
}

static uint32_t crc24(const uint8_t *p, size_t n)
{
    uint32_t c = 0xB704CEu;
    for (size_t i = 0; i < n; i++) {
        c ^= (uint32_t)p[i] << 16;
        for (int b = 0; b < 8; b++) {
            c <<= 1;
            if (c & 0x1000000u)
                c ^= 0x1864CFBu;
        }
    }
    return c & 0xFFFFFFu;
}

/* base64 body broken into 64-char lines */
static char *put_lines(char *o, const char *b64)
{
    size_t n = strlen(b64);
    for (size_t i = 0; i < n; i += 64) {
        size_t k = n - i < 64 ? n - i : 64;
        memcpy(o, b64 + i, k);
        o += k;
        *o++ = '\n';
    }
    return o;
}

static bool g_pgp(fg_rng *r, fg_token *t, bool valid)
{
    uint8_t body[700];
    size_t n = 400 + fg_below(r, 250);
    for (size_t i = 0; i < n; i++)
        body[i] = (uint8_t)fg_next(r);
    body[0] = 0x95; /* old-format secret-key packet, two-byte length */
    body[1] = (uint8_t)((n - 3) >> 8);
    body[2] = (uint8_t)(n - 3);
    char b64[1000];
    b64enc(body, n, b64, B64, true);
    uint32_t c = crc24(body, n);
    if (!valid)
        c ^= 1u << fg_below(r, 24);
    uint8_t cb[3] = {(uint8_t)(c >> 16), (uint8_t)(c >> 8), (uint8_t)c};
    char cs[8];
    b64enc(cb, 3, cs, B64, true);
    char *o = t->text;
    o += sprintf(o, "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n");
    o = put_lines(o, b64);
    o += sprintf(o, "=%s\n-----END PGP PRIVATE KEY BLOCK-----", cs);
    set_whole(t);
    return true;
}

/* DER-looking private keys: an outer SEQUENCE with a consistent length and random content. */
static bool g_pem(fg_rng *r, fg_token *t, bool valid)
{
    (void)valid;
    uint8_t der[1300];
    size_t n;
    const char *label;
    switch (fg_below(r, 4)) {
    case 0: /* RSA PKCS#1 */
        n = 1190;
        der[0] = 0x30;
        der[1] = 0x82;
        der[2] = (uint8_t)((n - 4) >> 8);
        der[3] = (uint8_t)(n - 4);
        label = "RSA PRIVATE KEY";
        break;
    case 1: /* EC P-256 SEC1: 121 bytes */
        n = 121;
        der[0] = 0x30;
        der[1] = 0x77;
        label = "EC PRIVATE KEY";
        break;
    case 2: /* Ed25519 PKCS#8: 48 bytes */
        n = 48;
        der[0] = 0x30;
        der[1] = 0x2e;
        label = "PRIVATE KEY";
        break;
    default: /* PKCS#8 RSA */
        n = 1217;
        der[0] = 0x30;
        der[1] = 0x82;
        der[2] = (uint8_t)((n - 4) >> 8);
        der[3] = (uint8_t)(n - 4);
        label = "PRIVATE KEY";
        break;
    }
    size_t hdr = der[1] == 0x82 ? 4 : 2;
    for (size_t i = hdr; i < n; i++)
        der[i] = (uint8_t)fg_next(r);
    char b64[2000];
    b64enc(der, n, b64, B64, true);
    char *o = t->text;
    o += sprintf(o, "-----BEGIN %s-----\n", label);
    o = put_lines(o, b64);
    sprintf(o, "-----END %s-----", label);
    set_whole(t);
    return true;
}

static bool g_openssh(fg_rng *r, fg_token *t, bool valid)
{
    (void)valid;
    uint8_t raw[420];
    size_t n = 399;
    memcpy(raw, "openssh-key-v1", 15);
    for (size_t i = 15; i < n; i++)
        raw[i] = (uint8_t)fg_next(r);
    char b64[700];
    b64enc(raw, n, b64, B64, true);
    char *o = t->text;
    o += sprintf(o, "-----BEGIN OPENSSH PRIVATE KEY-----\n");
    size_t bl = strlen(b64);
    for (size_t i = 0; i < bl; i += 70) {
        size_t k = bl - i < 70 ? bl - i : 70;
        memcpy(o, b64 + i, k);
        o += k;
        *o++ = '\n';
    }
    sprintf(o, "-----END OPENSSH PRIVATE KEY-----");
    set_whole(t);
    return true;
}

static bool g_jwt(fg_rng *r, fg_token *t, bool valid)
{
    (void)valid;
    char sub[17];
    rnd(r, sub, 16, ALNUM);
    char h[64], p[256];
    b64enc((const uint8_t *)"{\"alg\":\"HS256\",\"typ\":\"JWT\"}", 27, h, B64URL, false);
    char pj[128];
    int pl = snprintf(pj, sizeof pj, "{\"sub\":\"%s\",\"iat\":%u,\"role\":\"svc\"}", sub, 1700000000u + fg_below(r, 9999999));
    b64enc((const uint8_t *)pj, (size_t)pl, p, B64URL, false);
    char sig[44];
    rnd(r, sig, 43, B64URL);
    snprintf(t->text, sizeof t->text, "%s.%s.%s", h, p, sig);
    set_whole(t);
    return true;
}

static bool simple(fg_rng *r, fg_token *t, const char *prefix, size_t n, const char *alpha, const char *suffix)
{
    char body[400];
    rnd(r, body, n, alpha);
    snprintf(t->text, sizeof t->text, "%s%s%s", prefix, body, suffix);
    set_whole(t);
    return true;
}

/* text = before + secret + after, secret span recorded */
static bool ctx_line(fg_token *t, const char *before, const char *secret, const char *after)
{
    snprintf(t->text, sizeof t->text, "%s%s%s", before, secret, after);
    t->secret_off = strlen(before);
    t->secret_len = strlen(secret);
    return true;
}

static bool g_fine(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char a[23], b[60];
    rnd(r, a, 22, ALNUM);
    rnd(r, b, 59, ALNUM);
    snprintf(t->text, sizeof t->text, "github_pat_%s_%s", a, b);
    set_whole(t);
    return true;
}

static bool g_ghs_long(fg_rng *r, fg_token *t, bool v)
{
    fg_token j;
    g_jwt(r, &j, v);
    snprintf(t->text, sizeof t->text, "ghs_%u_%.2000s", 100000u + fg_below(r, 900000), j.text);
    set_whole(t);
    return true;
}

static bool g_glpat(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "glpat-", 20, ALNUM, ""); }
static bool g_glrt(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "glrt-", 20, ALNUM, ""); }
static bool g_glptt(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "glptt-", 40, HEX, ""); }

static bool g_xoxb(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char a[14], b[14], c[25];
    rnd(r, a, 12, "0123456789");
    rnd(r, b, 13, "0123456789");
    rnd(r, c, 24, ALNUM);
    snprintf(t->text, sizeof t->text, "xoxb-%s-%s-%s", a, b, c);
    set_whole(t);
    return true;
}

static bool g_xoxp(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char a[14], b[14], c[14], d[33];
    rnd(r, a, 12, "0123456789");
    rnd(r, b, 12, "0123456789");
    rnd(r, c, 13, "0123456789");
    rnd(r, d, 32, HEX);
    snprintf(t->text, sizeof t->text, "xoxp-%s-%s-%s-%s", a, b, c, d);
    set_whole(t);
    return true;
}

static bool g_xapp(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char a[12], b[14], c[65];
    rnd(r, a, 11, UPNUM);
    rnd(r, b, 13, "0123456789");
    rnd(r, c, 64, HEX);
    snprintf(t->text, sizeof t->text, "xapp-1-%s-%s-%s", a, b, c);
    set_whole(t);
    return true;
}

static bool g_slack_hook(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char a[10], b[12], c[25];
    rnd(r, a, 8, UPNUM);
    rnd(r, b, 10, UPNUM);
    rnd(r, c, 24, ALNUM);
    char s[128];
    snprintf(s, sizeof s, "hooks.slack.com/services/T%s/B%s/%s", a, b, c);
    return ctx_line(t, "https://", s, "");
}

static bool g_akia(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    return simple(r, t, fg_below(r, 2) ? "AKIA" : "ASIA", 16, UPPER_B32, "");
}

static bool g_aws_secret(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char s[41];
    rnd(r, s, 40, B64);
    static const char *const KEYS[] = {"aws_secret_access_key = ", "AWS_SECRET_ACCESS_KEY=", "  aws_secret_key: \"",
                                       "export AWS_SECRET_ACCESS_KEY='"};
    unsigned k = fg_below(r, 4);
    return ctx_line(t, KEYS[k], s, k == 2 ? "\"" : (k == 3 ? "'" : ""));
}

static bool g_aiza(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "AIza", 35, B64URL, ""); }
static bool g_gocspx(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "GOCSPX-", 28, ALNUM, ""); }
static bool g_sk_live(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "sk_live_", 24 + fg_below(r, 76), ALNUM, ""); }
static bool g_rk_live(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "rk_live_", 24 + fg_below(r, 76), ALNUM, ""); }
static bool g_whsec(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "whsec_", 32, ALNUM, ""); }

static bool g_openai(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char a[21], b[21];
    rnd(r, a, 20, ALNUM);
    rnd(r, b, 20, ALNUM);
    snprintf(t->text, sizeof t->text, "sk-%sT3BlbkFJ%s", a, b);
    set_whole(t);
    return true;
}

static bool g_openai_proj(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char a[75], b[75];
    rnd(r, a, 74, ALNUM);
    rnd(r, b, 74, ALNUM);
    snprintf(t->text, sizeof t->text, "sk-proj-%sT3BlbkFJ%s", a, b);
    set_whole(t);
    return true;
}

static bool g_anthropic(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "sk-ant-api03-", 93, B64URL, "AA"); }
static bool g_openrouter(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "sk-or-v1-", 64, HEX, ""); }
static bool g_hf(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "hf_", 34, LETTERS, ""); }
static bool g_pypi(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "pypi-AgEIcHlwaS5vcmc", 150, B64URL, ""); }
static bool g_twilio(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "SK", 32, HEX, ""); }

static bool g_sendgrid(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char a[23], b[44];
    rnd(r, a, 22, B64URL);
    rnd(r, b, 43, B64URL);
    snprintf(t->text, sizeof t->text, "SG.%s.%s", a, b);
    set_whole(t);
    return true;
}

static bool g_mailgun(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "key-", 32, HEX, ""); }
static bool g_dop(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "dop_v1_", 64, HEX, ""); }
static bool g_hvs(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "hvs.CAESI", 91, B64URL, ""); }

static bool g_telegram(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char id[11], b[34];
    rnd(r, id, 10, "123456789");
    rnd(r, b, 33, B64URL);
    snprintf(t->text, sizeof t->text, "%s:AA%s", id, b);
    set_whole(t);
    return true;
}

static bool g_discord_hook(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char id[19], b[69];
    rnd(r, id, 18, "123456789");
    rnd(r, b, 68, B64URL);
    char s[160];
    snprintf(s, sizeof s, "discord.com/api/webhooks/%s/%s", id, b);
    return ctx_line(t, "https://", s, "");
}

static bool g_shpat(fg_rng *r, fg_token *t, bool v) { (void)v; return simple(r, t, "shpat_", 32, HEX, ""); }

static bool g_azure_key(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char acct[9], k[87];
    rnd(r, acct, 8, "abcdefghijklmnopqrstuvwxyz");
    rnd(r, k, 86, B64);
    char before[128];
    snprintf(before, sizeof before, "DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=", acct);
    char s[100];
    snprintf(s, sizeof s, "%s==", k);
    return ctx_line(t, before, s, ";EndpointSuffix=core.windows.net");
}

static bool g_entra(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char a[4], b[35];
    rnd(r, a, 3, ALNUM);
    rnd(r, b, 34, ALNUM);
    snprintf(t->text, sizeof t->text, "%s8Q~%s", a, b);
    set_whole(t);
    return true;
}

static void password(fg_rng *r, char *out, size_t n)
{
    static const char PW[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+=";
    rnd(r, out, n, PW);
}

static bool g_url(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char pw[17], user[9];
    password(r, pw, 12 + fg_below(r, 4));
    rnd(r, user, 6, "abcdefghijklmnopqrstuvwxyz");
    char before[128];
    static const char *const SCHEMES[] = {"https://", "https://", "ftp://", "https://"};
    snprintf(before, sizeof before, "%s%s:", SCHEMES[fg_below(r, 4)], user);
    return ctx_line(t, before, pw, "@git.acme-corp.io/team/repo.git");
}

static bool g_dburl(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char pw[17];
    password(r, pw, 12 + fg_below(r, 4));
    static const char *const S[] = {"postgres://app:", "mysql://root:", "redis://:", "mongodb+srv://svc:"};
    return ctx_line(t, S[fg_below(r, 4)], pw, "@db.internal:5432/app");
}

static bool g_netrc(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char pw[19];
    password(r, pw, 16);
    return ctx_line(t, "machine api.internal.example.org login deploy password ", pw, "");
}

static bool g_extraheader(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char pw[21], cred[64], b[100];
    rnd(r, pw, 20, ALNUM);
    snprintf(cred, sizeof cred, "x-access-token:%s", pw);
    b64enc((const uint8_t *)cred, strlen(cred), b, B64, true);
    return ctx_line(t, "\textraheader = AUTHORIZATION: basic ", b, "");
}

static bool g_docker_auth(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char pw[21], cred[64], b[100];
    rnd(r, pw, 20, ALNUM);
    snprintf(cred, sizeof cred, "robot:%s", pw);
    b64enc((const uint8_t *)cred, strlen(cred), b, B64, true);
    return ctx_line(t, "{\"auths\":{\"registry.example.io\":{\"auth\":\"", b, "\"}}}");
}

static bool g_generic_password(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char pw[21];
    password(r, pw, 12 + fg_below(r, 8));
    static const char *const K[][2] = {{"DB_PASSWORD=", ""},
                                       {"  password: \"", "\""},
                                       {"db_password = '", "'"},
                                       {"\"smtpPassword\": \"", "\","},
                                       {"spring.datasource.password=", ""},
                                       {"export REDIS_PASSWORD=\"", "\""}};
    unsigned k = fg_below(r, 6);
    return ctx_line(t, K[k][0], pw, K[k][1]);
}

static bool g_generic_secret(fg_rng *r, fg_token *t, bool v)
{
    (void)v;
    char s[41];
    rnd(r, s, 24 + fg_below(r, 16), ALNUM);
    static const char *const K[][2] = {{"CLIENT_SECRET=", ""},
                                       {"  api_key: \"", "\""},
                                       {"app.secret_key = '", "'"},
                                       {"\"apiKey\": \"", "\","},
                                       {"WEBHOOK_SECRET=", ""},
                                       {"const accessToken = \"", "\";"}};
    unsigned k = fg_below(r, 6);
    return ctx_line(t, K[k][0], s, K[k][1]);
}

static bool g_escaped_pem(fg_rng *r, fg_token *t, bool v)
{
    fg_token p;
    do
        g_pem(r, &p, v);
    while (strncmp(p.text, "-----BEGIN PRIVATE KEY", 22) != 0 && strncmp(p.text, "-----BEGIN RSA", 14) != 0);
    char esc[6000];
    size_t o = 0;
    for (const char *c = p.text; *c; c++) {
        if (*c == '\n') {
            esc[o++] = '\\';
            esc[o++] = 'n';
        } else {
            esc[o++] = *c;
        }
    }
    esc[o] = 0;
    return ctx_line(t, "  \"private_key\": \"", esc, "\\n\",");
}

const fg_kind FG_KINDS[] = {
    {"github-pat", g_ghp, true, false},
    {"github-oauth-token", g_gho, true, false},
    {"github-user-to-server-token", g_ghu, true, false},
    {"github-server-to-server-token", g_ghs, true, false},
    {"github-refresh-token", g_ghr, true, false},
    {"npm-access-token", g_npm, true, false},
    {"gitlab-routable-token", g_gitlab_routable, true, false},
    {"age-secret-key", g_age, true, false},
    {"pgp-private-key", g_pgp, true, true},
    {"github-fine-grained-pat", g_fine, false, false},
    {"github-installation-token-stateless", g_ghs_long, false, false},
    {"gitlab-pat", g_glpat, false, false},
    {"gitlab-runner-token", g_glrt, false, false},
    {"gitlab-pipeline-trigger-token", g_glptt, false, false},
    {"slack-bot-token", g_xoxb, false, false},
    {"slack-user-token", g_xoxp, false, false},
    {"slack-app-token", g_xapp, false, false},
    {"slack-webhook-url", g_slack_hook, false, false},
    {"aws-access-key-id", g_akia, false, false},
    {"aws-secret-access-key", g_aws_secret, false, true},
    {"gcp-api-key", g_aiza, false, false},
    {"google-oauth-client-secret", g_gocspx, false, false},
    {"stripe-secret-key", g_sk_live, false, false},
    {"stripe-restricted-key", g_rk_live, false, false},
    {"stripe-webhook-secret", g_whsec, false, false},
    {"openai-api-key", g_openai, false, false},
    {"openai-project-key", g_openai_proj, false, false},
    {"anthropic-api-key", g_anthropic, false, false},
    {"openrouter-api-key", g_openrouter, false, false},
    {"huggingface-token", g_hf, false, false},
    {"pypi-upload-token", g_pypi, false, false},
    {"twilio-api-key", g_twilio, false, false},
    {"sendgrid-api-key", g_sendgrid, false, false},
    {"mailgun-api-key", g_mailgun, false, false},
    {"digitalocean-pat", g_dop, false, false},
    {"vault-service-token", g_hvs, false, false},
    {"telegram-bot-token", g_telegram, false, false},
    {"discord-webhook-url", g_discord_hook, false, false},
    {"shopify-access-token", g_shpat, false, false},
    {"azure-storage-account-key", g_azure_key, false, true},
    {"azure-entra-client-secret", g_entra, false, false},
    {"private-key", g_pem, false, true},
    {"openssh-private-key", g_openssh, false, true},
    {"private-key", g_escaped_pem, false, true},
    {"jwt", g_jwt, false, false},
    {"url-credentials", g_url, false, true},
    {"database-url-credentials", g_dburl, false, true},
    {"netrc-password", g_netrc, false, true},
    {"git-extraheader-basic", g_extraheader, false, true},
    {"docker-config-auth", g_docker_auth, false, true},
    {"generic-password", g_generic_password, false, true},
    {"generic-secret", g_generic_secret, false, true},
};
const size_t FG_N_KINDS = sizeof FG_KINDS / sizeof FG_KINDS[0];

const fg_kind *fg_find(const char *rule)
{
    for (size_t i = 0; i < FG_N_KINDS; i++)
        if (strcmp(FG_KINDS[i].rule, rule) == 0)
            return &FG_KINDS[i];
    return NULL;
}
