/*
 * Negative check for proofs/run (--selftest): two deliberate mistakes the runner must report as
 * unproved goals. Not part of the library.
 */
#include <stddef.h>
#include <stdint.h>

size_t selftest_count_digits(const uint8_t *s, size_t n);
size_t selftest_last_byte(const uint8_t *s, size_t n);

/* Wrong functional contract: the count can reach n, not n / 2. */
/*@ requires \valid_read(s + (0 .. n-1));
    assigns \nothing;
    ensures \result <= n / 2;
*/
size_t selftest_count_digits(const uint8_t *s, size_t n)
{
    size_t count = 0;
    /*@ loop invariant 0 <= i <= n && count <= i;
        loop assigns i, count;
        loop variant n - i;
    */
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            count++;
    return count;
}

/* Runtime error -wp-rte must catch: reads s[n], one past the end. */
/*@ requires \valid_read(s + (0 .. n-1));
    assigns \nothing;
*/
size_t selftest_last_byte(const uint8_t *s, size_t n)
{
    return s[n];
}
