/* RFC 3339 times in and out (UTC), as the ledger's CLI and ABI use them. */
#include "ledger/ledger_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int64_t *m, int64_t *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

static bool leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Reads exactly n digits at *i. */
static bool digits(const uint8_t *t, size_t len, size_t *i, int n, int64_t *out)
{
    int64_t v = 0;
    for (int k = 0; k < n; k++) {
        if (*i >= len || t[*i] < '0' || t[*i] > '9')
            return false;
        v = v * 10 + (t[*i] - '0');
        (*i)++;
    }
    *out = v;
    return true;
}

static sanctum_status bad(sanctum_error *err, size_t at, const char *what)
{
    return sc_error(err, SANCTUM_E_PARSE, (uint64_t)at, "expected %s in an RFC 3339 time", what);
}

sanctum_status sanctum_ledger_parse_time(int64_t *out, const uint8_t *t, size_t len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || (t == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out or text is NULL");
    if (len > 64)
        return sc_error(err, SANCTUM_E_LIMIT, 64, "a time is at most 64 bytes");
    size_t i = 0;
    int64_t y, mo, d, h = 0, mi = 0, s = 0;
    if (!digits(t, len, &i, 4, &y))
        return bad(err, i, "a four-digit year");
    if (i >= len || t[i] != '-')
        return bad(err, i, "'-'");
    i++;
    if (!digits(t, len, &i, 2, &mo) || mo < 1 || mo > 12)
        return bad(err, i, "a month 01-12");
    if (i >= len || t[i] != '-')
        return bad(err, i, "'-'");
    i++;
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!digits(t, len, &i, 2, &d) || d < 1 || d > mdays[mo - 1] + (mo == 2 && leap(y)))
        return bad(err, i > 0 ? i - 1 : 0, "a valid day of the month");
    if (y < 1)
        return bad(err, 0, "a year from 0001");
    int64_t offset = 0;
    if (i < len) {
        if (t[i] != 'T' && t[i] != 't' && t[i] != ' ')
            return bad(err, i, "'T'");
        i++;
        if (!digits(t, len, &i, 2, &h) || h > 23)
            return bad(err, i, "an hour 00-23");
        if (i >= len || t[i] != ':')
            return bad(err, i, "':'");
        i++;
        if (!digits(t, len, &i, 2, &mi) || mi > 59)
            return bad(err, i, "minutes 00-59");
        if (i >= len || t[i] != ':')
            return bad(err, i, "':'");
        i++;
        if (!digits(t, len, &i, 2, &s) || s > 60)
            return bad(err, i, "seconds 00-60");
        if (s == 60)
            s = 59; /* a leap second is clamped: Unix time has none */
        if (i < len && t[i] == '.') {
            i++;
            size_t start = i;
            while (i < len && t[i] >= '0' && t[i] <= '9')
                i++;
            if (i == start || i - start > 9)
                return bad(err, i, "1 to 9 fraction digits");
        }
        if (i >= len)
            return bad(err, i, "'Z' or an offset");
        if (t[i] == 'Z' || t[i] == 'z') {
            i++;
        } else if (t[i] == '+' || t[i] == '-') {
            int sign = t[i] == '-' ? -1 : 1;
            i++;
            int64_t oh, om;
            if (!digits(t, len, &i, 2, &oh) || oh > 23)
                return bad(err, i, "offset hours 00-23");
            if (i >= len || t[i] != ':')
                return bad(err, i, "':'");
            i++;
            if (!digits(t, len, &i, 2, &om) || om > 59)
                return bad(err, i, "offset minutes 00-59");
            offset = sign * (oh * 3600 + om * 60);
        } else {
            return bad(err, i, "'Z' or an offset");
        }
        if (i != len)
            return bad(err, i, "the end of the time");
    }
    int64_t v = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offset;
    if (v < -62135596800LL || v > 253402300799LL)
        return sc_error(err, SANCTUM_E_PARSE, 0, "the time is outside years 0001..9999 in UTC");
    *out = v;
    return SANCTUM_OK;
}

sanctum_status sanctum_ledger_format_time(char *buf, size_t buf_len, int64_t t, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (buf == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "buf is NULL");
    if (t < -62135596800LL || t > 253402300799LL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "the time is outside years 0001..9999");
    if (buf_len < 21)
        return sc_error(err, SANCTUM_E_BUFFER_TOO_SMALL, SANCTUM_NO_OFFSET, "a time needs 21 bytes");
    int64_t days = t / 86400, rem = t % 86400;
    if (rem < 0) {
        rem += 86400;
        days--;
    }
    int64_t y, m, d;
    civil_from_days(days, &y, &m, &d);
    snprintf(buf, buf_len, "%04" PRId64 "-%02" PRId64 "-%02" PRId64 "T%02" PRId64 ":%02" PRId64 ":%02" PRId64 "Z",
             y, m, d, rem / 3600, rem % 3600 / 60, rem % 60);
    return SANCTUM_OK;
}
