#include "placeholder.h"

/*@ assigns \nothing;
    ensures \result <==> ph_upper(c); */
static bool is_upper(uint8_t c)
{
    return c >= 'A' && c <= 'Z';
}

bool sc_placeholder_type_valid(const uint8_t *type, size_t len)
{
    if (len == 0 || len > SC_PLACEHOLDER_TYPE_MAX || !is_upper(type[0]))
        return false;
    /*@ loop invariant 1 <= i <= len;
        loop invariant \forall integer k; 1 <= k < i ==> ph_upper(type[k]) || type[k] == '_';
        loop assigns i;
        loop variant len - i;
    */
    for (size_t i = 1; i < len; i++)
        if (!is_upper(type[i]) && type[i] != '_')
            return false;
    return true;
}

/* Number of decimal digits of n (1 <= n <= 999999999). */
/*@ requires 1 <= n <= SC_PLACEHOLDER_NUMBER_MAX;
    assigns \nothing;
    ensures \result == ph_ndigits(n);
    ensures ph_pow10(\result - 1) <= n < ph_pow10(\result);
*/
static size_t digit_count(uint32_t n)
{
    static const uint32_t limit[8] = {10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u};
    /*@ loop invariant 0 <= d <= 8;
        loop invariant n >= ph_pow10(d);
        loop assigns d;
        loop variant 8 - d;
    */
    for (size_t d = 0; d < 8; d++) {
        /*@ assert limit[d] == ph_pow10(d + 1); */
        if (n < limit[d])
            return d + 1;
    }
    return 9;
}

/*@ // ph_value as a predicate: WP keeps it folded, so the equation does not replace `number` in
    // the other goals of sc_placeholder_format (which then time out).
    predicate ph_number{L}(uint8_t *s, integer a, integer b, integer v) = ph_value(s, a, b) == v;
*/

size_t sc_placeholder_format(const uint8_t *type, size_t type_len, uint32_t number, uint8_t *out,
                             size_t cap)
{
    if (!sc_placeholder_type_valid(type, type_len) || number == 0 || number > SC_PLACEHOLDER_NUMBER_MAX)
        return 0;
    size_t digits = digit_count(number);
    size_t len = type_len + digits + 3;
    if (len > cap)
        return 0;
    out[0] = '<';
    /*@ loop invariant 0 <= i <= type_len;
        loop invariant out[0] == '<';
        loop invariant \forall integer k; 0 <= k < i ==> out[1 + k] == type[k];
        loop invariant i > 0 ==> ph_type_valid(out + 1, i);
        loop assigns i, out[1 .. type_len];
        loop variant type_len - i;
    */
    for (size_t i = 0; i < type_len; i++)
        out[1 + i] = type[i];
    out[1 + type_len] = '_';
    uint32_t n = number;
    /* Digits right to left. The invariant says that number is n * 10^i plus the value of the i digits
     * written so far, one clause per i so that each is linear for the provers. */
    /*@ loop invariant 0 <= i <= digits;
        loop invariant n < ph_pow10(digits - i);
        loop invariant i < digits ==> ph_pow10(digits - i - 1) <= n;
        loop invariant out[0] == '<' && out[1 + type_len] == '_';
        loop invariant \forall integer k; 0 <= k < type_len ==> out[1 + k] == type[k];
        loop invariant ph_type_valid(out + 1, type_len);
        loop invariant ph_all_digits(out, 2 + type_len + digits - i, 2 + type_len + digits);
        loop invariant i == digits ==> out[2 + type_len] != '0';
        loop invariant i == 0 ==> number == n;
        loop invariant i == 1 ==> number == 10 * n + ph_value(out, 2 + type_len + digits - 1, 2 + type_len + digits);
        loop invariant i == 2 ==> number == 100 * n + ph_value(out, 2 + type_len + digits - 2, 2 + type_len + digits);
        loop invariant i == 3 ==> number == 1000 * n + ph_value(out, 2 + type_len + digits - 3, 2 + type_len + digits);
        loop invariant i == 4 ==> number == 10000 * n + ph_value(out, 2 + type_len + digits - 4, 2 + type_len + digits);
        loop invariant i == 5 ==> number == 100000 * n + ph_value(out, 2 + type_len + digits - 5, 2 + type_len + digits);
        loop invariant i == 6 ==> number == 1000000 * n + ph_value(out, 2 + type_len + digits - 6, 2 + type_len + digits);
        loop invariant i == 7 ==> number == 10000000 * n + ph_value(out, 2 + type_len + digits - 7, 2 + type_len + digits);
        loop invariant i == 8 ==> number == 100000000 * n + ph_value(out, 2 + type_len + digits - 8, 2 + type_len + digits);
        loop invariant i == 9 ==> number == 1000000000 * n + ph_value(out, 2 + type_len + digits - 9, 2 + type_len + digits);
        loop assigns i, n, out[2 + type_len .. 1 + type_len + digits];
        loop variant digits - i;
    */
    for (size_t i = 0; i < digits; i++) {
        out[1 + type_len + digits - i] = (uint8_t)('0' + n % 10);
        n /= 10;
    }
    /*@ assert ph_number(out, 2 + type_len, 2 + type_len + digits, number); */
    out[len - 1] = '>';
    /*@ assert ph_number(out, 2 + type_len, 2 + type_len + digits, number); */
    return len;
}

bool sc_placeholder_parse(const uint8_t *s, size_t n, size_t *type_len, uint32_t *number)
{
    if (n < 5 || s[0] != '<' || s[n - 1] != '>')
        return false;
    /* The number is the digit run before '>', preceded by '_'. */
    size_t end = n - 1, d = end;
    /*@ loop invariant 1 <= d <= end;
        loop invariant ph_all_digits(s, d, end);
        loop invariant \forall integer tl; ph_shape(s, n, tl) ==> d >= 2 + tl;
        loop assigns d;
        loop variant d;
    */
    while (d > 1 && s[d - 1] >= '0' && s[d - 1] <= '9')
        d--;
    size_t digits = end - d;
    if (digits == 0 || digits > 9 || s[d] == '0' || s[d - 1] != '_')
        return false;
    size_t tlen = d - 2;
    if (!sc_placeholder_type_valid(s + 1, tlen))
        return false;
    uint32_t v = 0;
    /*@ loop invariant d <= i <= end;
        loop invariant v == ph_value(s, d, i) && v < ph_pow10(i - d);
        loop assigns i, v;
        loop variant end - i;
    */
    for (size_t i = d; i < end; i++)
        v = v * 10 + (uint32_t)(s[i] - '0');
    *type_len = tlen;
    *number = v;
    return true;
}
