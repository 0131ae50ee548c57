/* Generator of FAKE credentials for the scanner's tests, eval set and bench: random bodies with the
 * real formats' structure and checksums, made at run time so nothing credential-shaped is committed.
 * Independent of the library (own CRC-32, base62, base64, Bech32, CRC-24). */
#ifndef SANCTUM_TEST_FAKEGEN_H
#define SANCTUM_TEST_FAKEGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct fg_rng {
    uint64_t s;
} fg_rng;

uint64_t fg_next(fg_rng *r);
uint32_t fg_below(fg_rng *r, uint32_t n);

/* A planted credential: the text to place (a token, or a whole line such as
 * "aws_secret_access_key = ..." for formats that need context) and the secret inside it. */
typedef struct fg_token {
    char text[24000];
    size_t secret_off, secret_len;
} fg_token;

typedef struct fg_kind {
    const char *rule;      /* the rule expected to report it */
    bool (*gen)(fg_rng *r, fg_token *t, bool valid); /* valid=false: same shape, broken checksum;
                                                        returns false when the kind has no checksum */
    bool checksum;         /* the format has an offline checksum */
    bool context;          /* text is a whole line that carries its own context */
} fg_kind;

extern const fg_kind FG_KINDS[];
extern const size_t FG_N_KINDS;

/* Looks a kind up by rule id (NULL if none). */
const fg_kind *fg_find(const char *rule);

#endif
