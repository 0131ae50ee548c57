/* E.164 country codes with the national number lengths of their fixed lines and mobiles, derived from
 * libphonenumber's metadata (tools/phones/gen_country_codes.py writes phone_cc_data.c). */
#ifndef SANCTUM_PII_PHONE_CC_H
#define SANCTUM_PII_PHONE_CC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pii_cc_rule {
    uint16_t cc;
    uint32_t lengths; /* bit n: a national significant number of n digits */
    bool zero;        /* a national number may start with 0 after the code (Italy) */
} pii_cc_rule;

extern const pii_cc_rule PII_CC[]; /* sorted by cc */
extern const size_t PII_CC_COUNT;

#endif
