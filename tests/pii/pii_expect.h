/* Shared by the PII tests: a detector fixture and span assertions that name what they expected and what
 * the detector gave. */
#ifndef SANCTUM_TEST_PII_EXPECT_H
#define SANCTUM_TEST_PII_EXPECT_H

#include <stdint.h>

#include "sanctum.h"

typedef struct pii_fixture {
    sanctum_ctx *ctx;
    sanctum_detector *det;
} pii_fixture;

/* cmocka setup/teardown: *state is a pii_fixture with a default detector. */
int pii_setup(void **state);
int pii_teardown(void **state);

/* Detects text with flags and checks the result invariants (spans ordered, in bounds, scores in range). */
sanctum_detection *pii_run(const sanctum_detector *det, const char *text, uint32_t flags);

/* An entity of `type` whose span is exactly `want` (its first occurrence in text; other entities may be there too). */
void pii_expect(const sanctum_detector *det, const char *text, int32_t type, const char *want);

/* No entity of `type` (or of any type when type < 0). */
void pii_expect_none(const sanctum_detector *det, const char *text, int32_t type);

/* The fixture's detector (cmocka state made by pii_setup). */
const sanctum_detector *pii_det(void **state);

/* Exactly one PERSON entity in text, and its text is `want`. */
void pii_expect_one_person(const sanctum_detector *det, const char *text, const char *want);

/* Prints a detection's entities (after a failed expectation). */
void pii_dump(const sanctum_detection *d);
/* Every prefix and every suffix of each text (NULL-ended list), each from a buffer of exactly its bytes (a
 * literal's NUL would hide a read past the end; the ASan suite finds one): detection succeeds, or refuses
 * a cut inside a character as invalid UTF-8. */
void pii_expect_clean_edges(const sanctum_detector *det, const char *const *texts);

#endif
