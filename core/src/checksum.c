#include "checksum.h"

bool sc_luhn_valid(const uint8_t *digits, size_t n)
{
    if (n == 0)
        return false;
    unsigned sum = 0;
    bool doubled = false;
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
        sum = (sum + d) % 10;
        doubled = !doubled;
    }
    return sum == 0;
}

bool sc_aba_valid(const uint8_t *digits, size_t n)
{
    static const unsigned weight[3] = {3, 7, 1};
    if (n != 9)
        return false;
    unsigned sum = 0;
    for (size_t i = 0; i < 9; i++) {
        uint8_t c = digits[i];
        if (c < '0' || c > '9')
            return false;
        sum = (sum + weight[i % 3] * (unsigned)(c - '0')) % 10;
    }
    return sum == 0;
}

/* Folds one IBAN character into the running remainder; false if it is not [0-9A-Z]. */
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
    for (size_t i = 4; i < n; i++)
        if (!mod97_step(&rem, s[i]))
            return false;
    for (size_t i = 0; i < 4; i++)
        if (!mod97_step(&rem, s[i]))
            return false;
    return rem == 1;
}
