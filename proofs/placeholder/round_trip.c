/*
 * Proof-only harness (listed in proofs/placeholder/files, not built into the library): the theorem
 * "placeholder format then parse gives back the same type and number" as WP goals, proved from the
 * contracts of sc_placeholder_format and sc_placeholder_parse in core/src/proved/placeholder.h.
 */
#include "proved/placeholder.h"

bool sc_placeholder_round_trip(const uint8_t *type, size_t type_len, uint32_t number, uint8_t *buf,
                               size_t cap, size_t *parsed_len, uint32_t *parsed_number);

/* Formats (type, number) into buf[0..cap) and parses the result back. */
/*@ requires \valid_read(type + (0 .. type_len-1));
    requires \valid(buf + (0 .. cap-1));
    requires \valid(parsed_len) && \valid(parsed_number);
    requires \separated(type + (0 .. type_len-1), buf + (0 .. cap-1), parsed_len, parsed_number);
    assigns buf[0 .. cap-1], *parsed_len, *parsed_number;
    // It succeeds exactly for a valid type, a number in 1..999999999 and room for the result; a
    // buffer of SC_PLACEHOLDER_MAX bytes is always enough.
    ensures \result <==> ph_type_valid(type, type_len) && 1 <= number <= SC_PLACEHOLDER_NUMBER_MAX &&
                         type_len + ph_ndigits(number) + 3 <= cap;
    ensures ph_type_valid(type, type_len) && 1 <= number <= SC_PLACEHOLDER_NUMBER_MAX &&
            cap >= SC_PLACEHOLDER_MAX ==> \result;
    // The round trip: parse gives back the type (its length, and its bytes at buf + 1) and the number.
    ensures \result ==> *parsed_len == type_len && *parsed_number == number &&
                        (\forall integer k; 0 <= k < type_len ==> buf[1 + k] == type[k]);
*/
bool sc_placeholder_round_trip(const uint8_t *type, size_t type_len, uint32_t number, uint8_t *buf,
                               size_t cap, size_t *parsed_len, uint32_t *parsed_number)
{
    size_t n = sc_placeholder_format(type, type_len, number, buf, cap);
    if (n == 0)
        return false;
    return sc_placeholder_parse(buf, n, parsed_len, parsed_number);
}
