/* PERSON precision, round 10: brands, products, rooms, conditions, fictional characters and calendar terms
 * named like people (person_brands.c); the brand list is generated (brands_data.c, tools/brands). */
#ifndef SANCTUM_PII_PERSON_BRANDS_H
#define SANCTUM_PII_PERSON_BRANDS_H

#include <stddef.h>

/* Brand names with a word that is a known given or family name, lower case, sorted by bytes. */
extern const char *const pii_brand_keys[];
extern const size_t pii_brand_count;

#endif
