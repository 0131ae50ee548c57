/* PERSON precision, round 10: brands, products, rooms, conditions, fictional characters and calendar terms
 * named like people (person_brands.c); the brand list is generated (brands_data.c, tools/brands). */
#ifndef SANCTUM_PII_PERSON_BRANDS_H
#define SANCTUM_PII_PERSON_BRANDS_H

#include <stddef.h>
#include <stdint.h>

/* Brand names with a word that is a known given or family name, lower case, sorted by bytes. */
extern const char *const pii_brand_keys[];
extern const size_t pii_brand_count;
/* A bit per first word of a key (FNV-1a of the lower-case word modulo PII_BRAND_BLOOM_BITS). */
#define PII_BRAND_BLOOM_BITS 16384u
extern const uint64_t pii_brand_first_bits[PII_BRAND_BLOOM_BITS / 64];

#endif
