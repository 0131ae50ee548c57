#include "placeholder.h"

static bool is_upper(uint8_t c)
{
    return c >= 'A' && c <= 'Z';
}

bool sc_placeholder_type_valid(const uint8_t *type, size_t len)
{
    if (len == 0 || len > SC_PLACEHOLDER_TYPE_MAX || !is_upper(type[0]))
        return false;
    for (size_t i = 1; i < len; i++)
        if (!is_upper(type[i]) && type[i] != '_')
            return false;
    return true;
}

/* Number of decimal digits of n (1 <= n <= 999999999). */
static size_t digit_count(uint32_t n)
{
    size_t d = 1;
    while (n >= 10) {
        n /= 10;
        d++;
    }
    return d;
}

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
    for (size_t i = 0; i < type_len; i++)
        out[1 + i] = type[i];
    out[1 + type_len] = '_';
    uint32_t n = number;
    for (size_t i = 0; i < digits; i++) {
        out[1 + type_len + digits - i] = (uint8_t)('0' + n % 10);
        n /= 10;
    }
    out[len - 1] = '>';
    return len;
}

bool sc_placeholder_parse(const uint8_t *s, size_t n, size_t *type_len, uint32_t *number)
{
    if (n < 5 || s[0] != '<' || s[n - 1] != '>')
        return false;
    /* The number is the digit run before '>', preceded by '_'. */
    size_t end = n - 1, d = end;
    while (d > 1 && s[d - 1] >= '0' && s[d - 1] <= '9')
        d--;
    size_t digits = end - d;
    if (digits == 0 || digits > 9 || s[d] == '0' || s[d - 1] != '_')
        return false;
    size_t tlen = d - 2;
    if (!sc_placeholder_type_valid(s + 1, tlen))
        return false;
    uint32_t v = 0;
    for (size_t i = d; i < end; i++)
        v = v * 10 + (uint32_t)(s[i] - '0');
    *type_len = tlen;
    *number = v;
    return true;
}
