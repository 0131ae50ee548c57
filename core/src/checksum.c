#include "checksum.h"

bool sc_luhn_valid(const uint8_t *digits, size_t n)
{
    if (n == 0)
        return false;
    unsigned sum = 0;
    bool doubled = false;
    /*@ loop invariant 0 <= i <= n;
        loop invariant all_digits(digits, i, n);
        loop invariant luhn_part(digits, n, n - i) >= 0;
        loop invariant sum < 10 && sum == luhn_part(digits, n, n - i) % 10;
        loop invariant doubled <==> (n - i) % 2 == 1;
        loop assigns i, sum, doubled;
        loop variant i;
    */
    for (size_t i = n; i > 0; i--) {
        uint8_t c = digits[i - 1];
        if (c < '0' || c > '9')
            return false;
        unsigned d = (unsigned)(c - '0');
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        /*@ assert d == luhn_digit(c, n - i); */
        /*@ assert luhn_part(digits, n, n - i + 1) == luhn_part(digits, n, n - i) + d; */
        sum = (sum + d) % 10;
        doubled = !doubled;
    }
    return sum == 0;
}

bool sc_aba_valid(const uint8_t *digits, size_t n)
{
    if (n != 9)
        return false;
    unsigned sum = 0;
    /*@ loop invariant 0 <= i <= 9;
        loop invariant all_digits(digits, 0, i);
        loop invariant aba_part(digits, i) >= 0;
        loop invariant sum < 10 && sum == aba_part(digits, i) % 10;
        loop assigns i, sum;
        loop variant 9 - i;
    */
    for (size_t i = 0; i < 9; i++) {
        uint8_t c = digits[i];
        if (c < '0' || c > '9')
            return false;
        unsigned d = (unsigned)(c - '0');
        unsigned wd = i % 3 == 0 ? 3u * d : (i % 3 == 1 ? 7u * d : d); /* weights 3, 7, 1 */
        /*@ assert wd == aba_term(i, c) && wd <= 63; */
        /*@ assert aba_part(digits, i + 1) == aba_part(digits, i) + wd; */
        /*@ assert (aba_part(digits, i) % 10 + wd) % 10 == (aba_part(digits, i) + wd) % 10; */
        sum = (sum + wd) % 10;
    }
    return sum == 0;
}

/* Folds one IBAN character into the running remainder; false if it is not [0-9A-Z]. */
/*@ requires \valid(rem) && *rem < 97;
    assigns *rem;
    ensures \result <==> iban_char(c);
    ensures \result ==> *rem == mod97_step(\old(*rem), c);
    ensures *rem < 97;
*/
static bool mod97_step(unsigned *rem, uint8_t c)
{
    if (c >= '0' && c <= '9') {
        *rem = (*rem * 10 + (unsigned)(c - '0')) % 97;
        return true;
    }
    if (c >= 'A' && c <= 'Z') {
        *rem = (*rem * 100 + (unsigned)(c - 'A') + 10) % 97;
        return true;
    }
    return false;
}

bool sc_iban_mod97_valid(const uint8_t *s, size_t n)
{
    if (n < 5)
        return false;
    unsigned rem = 0;
    /*@ loop invariant 4 <= i <= n;
        loop invariant all_iban(s, 4, i);
        loop invariant rem == mod97_fold(s, 4, i, 0) && rem < 97;
        loop assigns i, rem;
        loop variant n - i;
    */
    for (size_t i = 4; i < n; i++) {
        if (!mod97_step(&rem, s[i]))
            return false;
        /*@ assert iban_char(s[i]); */
    }
    /*@ loop invariant 0 <= i <= 4;
        loop invariant \forall integer k; 0 <= k < i ==> iban_char(s[k]);
        loop invariant rem == mod97_fold(s, 0, i, mod97_fold(s, 4, n, 0)) && rem < 97;
        loop assigns i, rem;
        loop variant 4 - i;
    */
    for (size_t i = 0; i < 4; i++) {
        if (!mod97_step(&rem, s[i]))
            return false;
        /*@ assert iban_char(s[i]); */
    }
    /*@ assert all_iban(s, 0, 4); */
    return rem == 1;
}
